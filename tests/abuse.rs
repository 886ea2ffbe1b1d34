//! A classroom is a hostile network: idle connections, floods, garbage, half-closes, resets,
//! clients that vanish, files that change under the server. Every socklab server must keep
//! serving everyone else, with clear log lines and bounded memory.

mod common;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream, UdpSocket};
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use socklab::net::event::Event;
use socklab::net::runner::Reporter;
use socklab::net::{MAX_CONNECTIONS, add, echo, file, guess};
use socklab::protocol::add::WireFormat;
use socklab::protocol::text::HintStyle;

fn loopback() -> std::net::SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

fn add_server(tcp: bool, max_connections: usize) -> Running {
    let config = add::ServerConfig {
        conditions: Default::default(),
        bind: loopback(),
        max_connections,
        name: "Server".into(),
        number: 50,
        stop_on_out_of_range: false,
    };
    start("add", true, move |r, s| {
        if tcp {
            add::run_tcp_server(config, r, s)
        } else {
            add::run_udp_server(config, r, s)
        }
    })
}

fn echo_server(tcp: bool, service: echo::Service) -> Running {
    let config = echo::ServerConfig {
        conditions: Default::default(),
        bind: loopback(),
        max_connections: MAX_CONNECTIONS,
        service,
        stop_words: vec!["stop".into()],
    };
    start("echo", true, move |r, s| {
        if tcp {
            echo::run_tcp_server(config, r, s)
        } else {
            echo::run_udp_server(config, r, s)
        }
    })
}

fn file_server(tcp: bool, root: &Path, rate_mib: u64) -> Running {
    let config = file::ServerConfig {
        conditions: Default::default(),
        bind: loopback(),
        max_connections: MAX_CONNECTIONS,
        root: root.to_path_buf(),
        serve_hidden: false,
        udp_rate_bytes_per_sec: rate_mib * 1024 * 1024,
    };
    start("file", true, move |r, s| {
        if tcp {
            file::run_tcp_server(config, r, s)
        } else {
            file::run_udp_server(config, r, s)
        }
    })
}

fn guess_server() -> Running {
    let config = guess::ServerConfig {
        conditions: Default::default(),
        bind: loopback(),
        secret: Some(40),
        style: HintStyle::Upper,
    };
    start("guess", true, move |r, s| guess::run_server(config, r, s))
}

fn stop(server: Running) -> Vec<Event> {
    server.handle.stop();
    server.finish()
}

fn logs(events: &[Event]) -> String {
    log_texts(events).join("\n")
}

fn connect(addr: &str) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    s.set_write_timeout(Some(WAIT)).unwrap();
    s
}

/// One request/reply on a fresh connection, timed.
fn timed_exchange(addr: &str, request: &[u8], expect: &[u8]) -> Duration {
    let started = Instant::now();
    let mut s = connect(addr);
    s.write_all(request).unwrap();
    let mut got = vec![0u8; expect.len()];
    s.read_exact(&mut got).unwrap();
    assert_eq!(got, expect);
    started.elapsed()
}

fn shared_folder(big_bytes: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.bin"), vec![7u8; big_bytes]).unwrap();
    std::fs::write(dir.path().join("small.txt"), b"small file").unwrap();
    dir
}

#[test]
fn two_hundred_idle_connections_do_not_delay_a_real_client() {
    let shared = shared_folder(1024);
    let servers = [
        (
            add_server(true, MAX_CONNECTIONS),
            &b"Ana,5\n"[..],
            &b"Server,50\n"[..],
        ),
        (echo_server(true, echo::Service::Echo), b"hello", b"hello"),
        (
            file_server(true, shared.path(), 64),
            b"small.txt\n",
            b"small file",
        ),
    ];
    for (server, request, reply) in &servers {
        let idle: Vec<TcpStream> = (0..200).map(|_| connect(&server.addr())).collect();
        // Half of them send a few bytes and stop (slowloris).
        for s in idle.iter().step_by(2) {
            let _ = (&*s).write_all(b"A");
        }
        let took = timed_exchange(&server.addr(), request, reply);
        assert!(took < Duration::from_secs(1), "{took:?}");
        drop(idle);
    }
    for (server, _, _) in servers {
        stop(server);
    }
}

#[test]
fn past_the_connection_limit_new_clients_are_refused_at_once() {
    let server = add_server(true, 5);
    let held: Vec<TcpStream> = (0..5).map(|_| connect(&server.addr())).collect();
    std::thread::sleep(Duration::from_millis(200));
    let mut sixth = connect(&server.addr());
    let mut buf = [0u8; 8];
    let started = Instant::now();
    let n = sixth.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "closed without a word");
    assert!(started.elapsed() < Duration::from_secs(2));
    drop(held);
    // Once the others are gone, clients are served again.
    std::thread::sleep(Duration::from_millis(300));
    timed_exchange(&server.addr(), b"Ana,5\n", b"Server,50\n");
    assert!(logs(&stop(server)).contains("refused: already serving 5 connections"));
}

#[test]
fn ten_megabytes_without_a_newline() {
    let big = vec![b'x'; 10 * 1024 * 1024];
    // The add server gives up on it at its request limit and keeps serving.
    let server = add_server(true, MAX_CONNECTIONS);
    let mut s = connect(&server.addr());
    let _ = s.write_all(&big);
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(rest.is_empty());
    timed_exchange(&server.addr(), b"Ana,5\n", b"Server,50\n");
    assert!(logs(&stop(server)).contains("65536 bytes"));

    // The echo server streams it back unchanged, without holding it all.
    let server = echo_server(true, echo::Service::Echo);
    let s = connect(&server.addr());
    let mut reader = s.try_clone().unwrap();
    let sender = std::thread::spawn({
        let big = big.clone();
        let mut s = s;
        move || {
            s.write_all(&big).unwrap();
            s.shutdown(Shutdown::Write).unwrap();
        }
    });
    let mut echoed = Vec::new();
    reader.read_to_end(&mut echoed).unwrap();
    sender.join().unwrap();
    assert_eq!(echoed.len(), big.len());
    assert!(echoed == big);
    stop(server);

    // The file server refuses a name that long.
    let shared = shared_folder(1024);
    let server = file_server(true, shared.path(), 64);
    let mut s = connect(&server.addr());
    let _ = s.write_all(&big[..100_000]);
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(rest.is_empty());
    assert!(logs(&stop(server)).contains("file name longer than 4096 bytes"));
}

#[test]
fn invalid_utf8_gets_a_clear_answer() {
    let shared = shared_folder(1024);
    let server = file_server(true, shared.path(), 64);
    let mut s = connect(&server.addr());
    s.write_all(b"\xff\xfe.txt").unwrap();
    s.shutdown(Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(rest.is_empty());
    assert!(logs(&stop(server)).contains("not valid UTF-8"));

    let server = echo_server(true, echo::Service::Upper);
    let took = timed_exchange(&server.addr(), b"ab\xffc", b"AB\xffC");
    assert!(took < Duration::from_secs(1));
    stop(server);
}

#[test]
fn half_closed_clients_still_get_their_replies() {
    let server = add_server(true, MAX_CONNECTIONS);
    let mut s = connect(&server.addr());
    s.write_all(b"Ana,5").unwrap();
    s.shutdown(Shutdown::Write).unwrap();
    let mut reply = Vec::new();
    s.read_to_end(&mut reply).unwrap();
    assert_eq!(reply, b"Server,50");
    stop(server);

    let server = echo_server(true, echo::Service::Echo);
    let mut s = connect(&server.addr());
    s.write_all(b"last words").unwrap();
    s.shutdown(Shutdown::Write).unwrap();
    let mut reply = Vec::new();
    s.read_to_end(&mut reply).unwrap();
    assert_eq!(reply, b"last words");
    stop(server);
}

#[test]
fn clients_that_vanish_mid_transfer_are_logged_as_cut_short() {
    let shared = shared_folder(32 * 1024 * 1024);
    let server = file_server(true, shared.path(), 64);
    // A reset after the first kilobyte.
    let mut s = connect(&server.addr());
    s.write_all(b"big.bin\n").unwrap();
    let mut first = [0u8; 1024];
    s.read_exact(&mut first).unwrap();
    socket2::SockRef::from(&s)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(s);
    // A client that asks and vanishes without reading.
    let mut s = connect(&server.addr());
    s.write_all(b"big.bin\n").unwrap();
    std::thread::sleep(Duration::from_millis(100));
    drop(s);
    // Others are served all the while.
    timed_exchange(&server.addr(), b"small.txt\n", b"small file");
    let deadline = Instant::now() + WAIT;
    let mut seen = Vec::new();
    while Instant::now() < deadline
        && seen
            .iter()
            .filter(|l: &&String| l.contains("cut short"))
            .count()
            < 2
    {
        seen.extend(log_texts(&server.drain(Duration::from_millis(100))));
    }
    assert_eq!(
        seen.iter().filter(|l| l.contains("cut short")).count(),
        2,
        "{seen:?}"
    );
    stop(server);
}

#[test]
fn ten_thousand_garbage_datagrams_then_a_normal_request() {
    let shared = shared_folder(1024);
    let servers: Vec<(Running, &[u8], &[u8])> = vec![
        (add_server(false, MAX_CONNECTIONS), b"Ana,5", b"Server,50"),
        (echo_server(false, echo::Service::Echo), b"ping", b"ping"),
        (echo_server(false, echo::Service::Upper), b"ping", b"PING"),
        (guess_server(), b"40", b"CORRECT"),
        (
            file_server(false, shared.path(), 64),
            b"small.txt",
            b"small file",
        ),
    ];
    for (server, request, reply) in &servers {
        let flood = UdpSocket::bind(loopback()).unwrap();
        flood.connect(server.addr()).unwrap();
        for i in 0..10_000u32 {
            let junk = [&i.to_le_bytes()[..], b"\x00\xff garbage \x01"].concat();
            let _ = flood.send(&junk);
        }
        // The server may still be working through the flood: ask a few times.
        let client = UdpSocket::bind(loopback()).unwrap();
        client.connect(server.addr()).unwrap();
        client
            .set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut buf = [0u8; 4096];
        let deadline = Instant::now() + WAIT;
        let answered = loop {
            assert!(Instant::now() < deadline, "no answer after the flood");
            client.send(request).unwrap();
            match client.recv(&mut buf) {
                Ok(n) => break buf[..n].to_vec(),
                Err(_) => continue,
            }
        };
        assert_eq!(answered, *reply);
    }
    for (server, _, _) in servers {
        stop(server);
    }
}

#[test]
fn traversal_variants_are_refused_over_both_transports() {
    let base = tempfile::tempdir().unwrap();
    let root = base.path().join("shared");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(base.path().join("secret.txt"), b"secret").unwrap();
    let variants = [
        "../secret.txt",
        "sub/../../secret.txt",
        "./../secret.txt",
        "..\\secret.txt",
        "sub\\..\\..\\secret.txt",
        "/etc/passwd",
        "\\etc\\passwd",
        "C:\\Windows\\win.ini",
        "c:/secret.txt",
        "\\\\server\\share\\x",
        "..",
        ".",
        "sub",
        "",
    ];
    for tcp in [true, false] {
        let server = file_server(tcp, &root, 64);
        for name in variants {
            if tcp {
                let mut s = connect(&server.addr());
                let _ = s.write_all(name.as_bytes());
                let _ = s.shutdown(Shutdown::Write);
                let mut got = Vec::new();
                let _ = s.read_to_end(&mut got);
                assert!(got.is_empty(), "{name:?} sent data");
            } else {
                let client = UdpSocket::bind(loopback()).unwrap();
                client.connect(server.addr()).unwrap();
                client
                    .set_read_timeout(Some(Duration::from_millis(200)))
                    .unwrap();
                let _ = client.send(name.as_bytes());
                let mut buf = [0u8; 2048];
                assert!(
                    client.recv(&mut buf).is_err(),
                    "{name:?} sent data over UDP"
                );
            }
        }
        let text = logs(&stop(server));
        assert!(text.matches("refused").count() >= 10, "tcp={tcp}: {text}");
    }
}

#[test]
fn a_file_that_shrinks_while_it_is_served() {
    let shared = shared_folder(4 * 1024 * 1024);
    // UDP at 1 MiB/s: four seconds, time enough to cut the file under the server.
    let server = file_server(false, shared.path(), 1);
    let out = tempfile::tempdir().unwrap();
    let config = file::ClientConfig {
        conditions: Default::default(),
        server: server.addr(),
        remote: "big.bin".into(),
        local: out.path().join("got.bin"),
        overwrite: false,
        timeout: Duration::from_secs(2),
        half_close: true,
        zero_copy: true,
    };
    let client = start("client", false, move |r, s| {
        file::run_udp_client(config, r, s)
    });
    std::thread::sleep(Duration::from_millis(500));
    std::fs::OpenOptions::new()
        .write(true)
        .open(shared.path().join("big.bin"))
        .unwrap()
        .set_len(1024 * 1024 + 100)
        .unwrap();
    let events = client.finish();
    assert!(outcome(&events).is_ok(), "{:?}", outcome(&events));
    let got = std::fs::metadata(out.path().join("got.bin")).unwrap().len();
    assert_eq!(
        got,
        1024 * 1024 + 100,
        "the client got the file as it became"
    );
    assert!(logs(&stop(server)).contains("changed size while it was sent"));
}

#[test]
fn a_panicking_worker_fails_alone() {
    let server = add_server(true, MAX_CONNECTIONS);
    let (reporter, rx) = Reporter::channel(None);
    let handle = socklab::net::runner::spawn("doomed", reporter, |_, _| -> socklab::Result<_> {
        panic!("a bug in a worker")
    })
    .unwrap();
    let events = collect_until_finished(&rx, WAIT);
    handle.join();
    match outcome(&events) {
        Err(socklab::Error::Panic(message)) => assert_eq!(message, "a bug in a worker"),
        other => panic!("{other:?}"),
    }
    timed_exchange(&server.addr(), b"Ana,5\n", b"Server,50\n");

    // The window's view of a runner: a failed status, and the window goes on.
    #[cfg(feature = "gui")]
    window_reports_a_panic();
    let client = add::ClientConfig {
        conditions: Default::default(),
        server: server.addr(),
        name: "Ana".into(),
        number: 5,
        format: WireFormat::comma(),
        timeout: Duration::from_secs(2),
        reset_on_close: false,
    };
    let events = start("client", false, move |r, s| {
        add::run_tcp_client(client, r, s)
    })
    .finish();
    assert!(outcome(&events).is_ok());
    stop(server);
}

#[cfg(feature = "gui")]
fn window_reports_a_panic() {
    let mut slot = socklab::gui::run_slot::RunSlot::default();
    slot.start("doomed too", None, |_, _| -> socklab::Result<_> {
        panic!("another bug")
    });
    let deadline = Instant::now() + WAIT;
    while slot.is_running() {
        assert!(Instant::now() < deadline);
        slot.drain();
        std::thread::sleep(Duration::from_millis(10));
    }
    match &slot.status {
        socklab::gui::run_slot::Status::Failed { error, .. } => {
            assert!(
                error.contains("internal error in worker thread: another bug"),
                "{error}"
            );
        }
        other => panic!("{other:?}"),
    }
}
