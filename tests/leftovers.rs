//! A check leaves nothing behind in socklab and touches nothing it did not start: the threads
//! that watch a program under test end with it (the window runs checks in its own process,
//! forty a lesson), and a check on a port where the user's own socklab server listens never
//! connects to that server.

mod common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use common::check::check_options;
use common::*;
use socklab::check::{self, Exercise, Options, Role};
use socklab::net::event::Event;

fn options(exercise: Exercise, port: u16, command: Vec<String>) -> Options {
    check_options(exercise, Role::Server, port, command)
}

/// The threads of this process named `name`.
fn threads_named(name: &str) -> usize {
    std::fs::read_dir("/proc/self/task")
        .map(|d| {
            d.flatten()
                .filter(|t| {
                    std::fs::read_to_string(t.path().join("comm"))
                        .is_ok_and(|c| c.trim_end() == name)
                })
                .count()
        })
        .unwrap_or(0)
}

/// Each watching thread's name, state and where it waits, for a failure's message.
fn watching_threads() -> String {
    std::fs::read_dir("/proc/self/task")
        .map(|d| {
            d.flatten()
                .filter_map(|t| {
                    let comm = std::fs::read_to_string(t.path().join("comm")).ok()?;
                    comm.starts_with("check ").then(|| {
                        let stat =
                            std::fs::read_to_string(t.path().join("stat")).unwrap_or_default();
                        let wchan =
                            std::fs::read_to_string(t.path().join("wchan")).unwrap_or_default();
                        let syscall =
                            std::fs::read_to_string(t.path().join("syscall")).unwrap_or_default();
                        format!(
                            "{} [{}] wchan {wchan} syscall {}",
                            comm.trim(),
                            stat.trim(),
                            syscall.trim()
                        )
                    })
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

#[test]
#[cfg(target_os = "linux")]
fn ten_checks_leave_no_watching_thread_behind() {
    let upper = peers_dir().join("check/upper.py").display().to_string();
    let count = || threads_named("check answers") + threads_named("check cancel");
    let before = count();
    for _ in 0..10 {
        let o = options(
            Exercise::UdpUpper,
            check_port(false),
            vec![
                python(),
                upper.clone(),
                "server".into(),
                "udp".into(),
                "{port}".into(),
            ],
        );
        let report = check::run(&o, &mut |_| {}).expect("the check ran");
        assert_eq!(report.score(), 100.0, "{}", report.to_markdown());
    }
    // A thread notices within its 50 ms tick; on a loaded machine it may be scheduled late
    // (a clean-clone CI run once saw one of the twenty still there after 2 s: not reproduced
    // here in 12 runs beside 8 busy loops; a failure now names each thread's state).
    let deadline = Instant::now() + Duration::from_secs(10);
    while count() > before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        count(),
        before,
        "watching threads left after ten checks: {}",
        watching_threads()
    );
}

/// A server of socklab's own holds the port with a connection of an earlier client left in
/// TIME_WAIT on its side: the check names the holder and never connects to it.
#[test]
fn a_check_never_connects_to_the_users_running_server() {
    let server = start("echo server", true, |r, s| {
        socklab::net::echo::run_tcp_server(
            socklab::net::echo::ServerConfig {
                conditions: Default::default(),
                bind: ([127, 0, 0, 1], 0).into(),
                max_connections: socklab::net::MAX_CONNECTIONS,
                service: socklab::net::echo::Service::Echo,
                stop_words: vec!["stop".into()],
            },
            r,
            s,
        )
    });
    let port = server.port();
    // A session that the server ends (the stop word): its side waits in TIME_WAIT.
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(WAIT)).unwrap();
    c.write_all(b"stop").unwrap();
    let mut rest = Vec::new();
    let _ = c.read_to_end(&mut rest);
    drop(c);
    let accepted = |events: &[Event]| {
        events
            .iter()
            .filter(|e| matches!(e, Event::Accepted { .. }))
            .count()
    };
    let mut seen = server.drain(WAIT);
    assert_eq!(accepted(&seen), 1, "{seen:?}");
    let o = options(
        Exercise::TcpEcho,
        port,
        vec![
            python(),
            peers_dir()
                .join("check/echo_server.py")
                .display()
                .to_string(),
            "tcp".into(),
            "{port}".into(),
        ],
    );
    let outcome = check::run(&o, &mut |_| {});
    assert!(
        matches!(outcome, Err(check::CheckError::PortBusy { .. })),
        "{outcome:?}"
    );
    seen.extend(server.drain(Duration::from_millis(500)));
    assert_eq!(
        accepted(&seen),
        1,
        "the check connected to the running server: {seen:?}"
    );
    server.handle.stop();
    let _ = server.finish();
}
