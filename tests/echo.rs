//! Echo, uppercase and guess-the-number over real loopback sockets: socklab against itself and
//! against the Python programs the handouts describe.

mod common;

use std::io::{Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::time::Duration;

use common::*;
use socklab::net::echo::{self, Service};
use socklab::net::event::{Event, Role};
use socklab::net::guess;
use socklab::protocol::text::HintStyle;

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| (*w).to_owned()).collect()
}

fn start_text_server(tcp: bool, service: Service, stop_words: &[&str]) -> Running {
    let config = echo::ServerConfig {
        conditions: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        max_connections: socklab::net::MAX_CONNECTIONS,
        service,
        stop_words: words(stop_words),
    };
    start("test text server", true, move |r, s| {
        if tcp {
            echo::run_tcp_server(config, r, s)
        } else {
            echo::run_udp_server(config, r, s)
        }
    })
}

/// Runs the socklab client over `messages`; returns its events.
fn text_client(
    tcp: bool,
    service: Service,
    server: String,
    messages: Vec<Vec<u8>>,
    segment: Option<usize>,
) -> Vec<Event> {
    let config = echo::ClientConfig {
        conditions: Default::default(),
        server,
        service,
        stop_words: words(&["stop", "exit"]),
        segment_bytes: segment,
        timeout: Duration::from_secs(3),
    };
    let (tx, rx) = crossbeam_channel::unbounded();
    for m in messages {
        tx.send(m).unwrap();
    }
    drop(tx);
    start("test text client", false, move |r, s| {
        if tcp {
            echo::run_client(config, rx, r, s)
        } else {
            echo::run_udp_client(config, rx, r, s)
        }
    })
    .finish()
}

fn replies(events: &[Event]) -> Vec<(Vec<u8>, Vec<u8>, Vec<usize>)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Reply(r) => Some((r.request.clone(), r.reply.clone(), r.segments.clone())),
            _ => None,
        })
        .collect()
}

fn stop(server: Running) -> Vec<Event> {
    server.handle.stop();
    server.finish()
}

#[test]
fn cookbook_client_gets_its_echo_in_16_byte_pieces() {
    let server = start_text_server(true, Service::Echo, &["stop"]);
    let out = wait_output(
        spawn_python("echo_client_cookbook.py", &[&server.port().to_string()]),
        WAIT,
    );
    assert!(out.success, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Received: Test message. Th\nReceived: is will be echoe\nReceived: d\n"),
        "{}",
        out.stdout
    );
    let logs = log_texts(&stop(server)).join("\n");
    assert!(
        logs.contains("received 33 bytes from ('127.0.0.1', "),
        "{logs}"
    );
    assert!(
        logs.contains("sent 33 bytes back to ('127.0.0.1', "),
        "{logs}"
    );
}

#[test]
fn socklab_cookbook_mode_reconnects_to_a_server_that_closes_after_one_echo() {
    let mut child = spawn_python("echo_server_cookbook.py", &[]);
    let lines = stdout_lines(&mut child);
    let port = line_starting(&lines, "PORT ");
    let messages = vec![
        echo::COOKBOOK_MESSAGE.as_bytes().to_vec(),
        b"second message".to_vec(),
    ];
    let events = text_client(
        true,
        Service::Echo,
        format!("localhost:{port}"),
        messages,
        Some(16),
    );
    assert!(outcome(&events).is_ok(), "{:?}", outcome(&events));
    let got = replies(&events);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1, echo::COOKBOOK_MESSAGE.as_bytes());
    assert_eq!(
        got[0].2,
        vec![16, 16, 1],
        "the echo arrives in the cookbook's 16-byte receives"
    );
    assert_eq!(got[1].1, b"second message");
    assert!(
        log_texts(&events)
            .iter()
            .any(|l| l.contains("reconnecting")),
        "{:?}",
        log_texts(&events)
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_stop_word_ends_only_its_own_tcp_session() {
    let server = start_text_server(true, Service::Echo, &["stop", "exit"]);
    let port = server.port().to_string();
    for _ in 0..2 {
        let out = wait_output(
            spawn_python(
                "echo_session_client.py",
                &["tcp", &port, "hello", "second line", " STOP\n"],
            ),
            WAIT,
        );
        assert!(out.success, "{}", out.stderr);
        assert!(
            out.stdout.contains("echo: hello\necho: second line\n"),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("after stop: b''"),
            "the server closed the session: {}",
            out.stdout
        );
    }
    stop(server);
}

#[test]
fn given_stop_words_replace_the_default_ones() {
    // Given stop words replace the defaults: "stop" is then an ordinary message.
    let custom = start_text_server(true, Service::Echo, &["bye"]);
    let mut raw = TcpStream::connect(custom.addr()).unwrap();
    raw.set_read_timeout(Some(WAIT)).unwrap();
    let mut buf = [0u8; 64];
    for message in [&b"stop"[..], b"still open"] {
        raw.write_all(message).unwrap();
        let n = raw.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], message);
    }
    raw.write_all(b"Bye\n").unwrap();
    let mut rest = Vec::new();
    raw.read_to_end(&mut rest).unwrap();
    assert_eq!(rest, b"Bye\n", "echoed, then the session is closed");
    let events = stop(custom);
    let reasons = close_reasons(&events);
    assert!(
        reasons.iter().any(|r| r.contains("stop word")),
        "{reasons:?}"
    );
}

#[test]
fn udp_echo_returns_every_datagram_from_empty_to_the_largest() {
    let server = start_text_server(false, Service::Echo, &["stop"]);
    let out = wait_output(
        spawn_python(
            "echo_session_client.py",
            &["udp", &server.port().to_string(), "one", "two", "stop"],
        ),
        WAIT,
    );
    assert!(out.success, "{}", out.stderr);
    assert_eq!(out.stdout, "echo: one\necho: two\necho: stop\n");
    // Empty and maximum-size datagrams come back intact.
    let probe = UdpSocket::bind("127.0.0.1:0").unwrap();
    probe.set_read_timeout(Some(WAIT)).unwrap();
    probe.connect(server.addr()).unwrap();
    let mut buf = vec![0u8; 70_000];
    probe.send(b"").unwrap();
    assert_eq!(probe.recv(&mut buf).unwrap(), 0);
    let big: Vec<u8> = (0..65_507u32).map(|i| (i % 251) as u8).collect();
    probe.send(&big).unwrap();
    let n = probe.recv(&mut buf).unwrap();
    assert_eq!(&buf[..n], &big[..]);
    // The socklab UDP client too.
    let events = text_client(
        false,
        Service::Echo,
        server.addr(),
        vec![big.clone(), Vec::new()],
        None,
    );
    let got = replies(&events);
    assert_eq!(got[0].1, big);
    assert_eq!(got[1].1, b"");
    stop(server);
}

#[test]
fn fifty_concurrent_echo_sessions() {
    let server = start_text_server(true, Service::Echo, &["stop"]);
    let addr = server.addr();
    let sessions: Vec<_> = (0..50)
        .map(|i| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(&addr).unwrap();
                s.set_read_timeout(Some(WAIT)).unwrap();
                for round in 0..20 {
                    let message = format!("client {i} message {round}");
                    s.write_all(message.as_bytes()).unwrap();
                    let mut got = vec![0u8; message.len()];
                    s.read_exact(&mut got).unwrap();
                    assert_eq!(got, message.as_bytes());
                }
                s.write_all(b"stop").unwrap();
                let mut rest = Vec::new();
                s.read_to_end(&mut rest).unwrap();
                assert_eq!(
                    rest, b"stop",
                    "the stop word is echoed, then the session closes"
                );
            })
        })
        .collect();
    for s in sessions {
        s.join().expect("a session failed");
    }
    let events = stop(server);
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, Event::Accepted { .. }))
            .count(),
        50
    );
}

#[test]
fn textbook_uppercase_both_ways() {
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        let server = start_text_server(tcp, Service::Upper, &[]);
        let out = wait_output(
            spawn_python(
                "upper_pair.py",
                &[
                    "client",
                    transport,
                    &server.port().to_string(),
                    "hello, socket world",
                ],
            ),
            WAIT,
        );
        assert!(out.success, "{}", out.stderr);
        assert_eq!(out.stdout, "From Server: HELLO, SOCKET WORLD\n");
        stop(server);

        let mut child = spawn_python("upper_pair.py", &["server", transport]);
        let lines = stdout_lines(&mut child);
        let port = line_starting(&lines, "PORT ");
        let events = text_client(
            tcp,
            Service::Upper,
            format!("127.0.0.1:{port}"),
            vec!["straße".into()],
            None,
        );
        assert_eq!(replies(&events)[0].1, "STRASSE".as_bytes(), "{transport}");
        wait_output(child, WAIT);
    }
}

fn start_guess_server(secret: Option<i64>, style: HintStyle) -> Running {
    let config = guess::ServerConfig {
        conditions: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        secret,
        style,
    };
    start("test guess server", true, move |r, s| {
        guess::run_server(config, r, s)
    })
}

#[test]
fn binary_search_clients_win_within_seven_guesses() {
    let server = start_guess_server(Some(37), HintStyle::Upper);
    let out = wait_output(
        spawn_python("guess_pair.py", &["client", &server.port().to_string()]),
        WAIT,
    );
    assert!(out.success, "{}", out.stderr);
    assert!(out.stdout.contains("37 CORRECT\n"), "{}", out.stdout);
    let tries: u32 = out
        .stdout
        .rsplit("tries: ")
        .next()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(tries <= 7);
    // Random secrets: socklab's auto-play, twice (a new secret after CORRECT).
    let random = start_guess_server(None, HintStyle::Title);
    for _ in 0..2 {
        let config = guess::ClientConfig {
            conditions: Default::default(),
            server: random.addr(),
            timeout: Duration::from_secs(3),
            step_delay: Duration::ZERO,
        };
        let events = start("auto", false, move |r, s| {
            guess::run_auto_client(config, r, s)
        })
        .finish();
        let summary = outcome(&events).as_ref().expect("auto-play wins");
        assert!(
            summary.message.starts_with("Correct"),
            "{}",
            summary.message
        );
        let guesses = events
            .iter()
            .filter(|e| matches!(e, Event::Guess(_)))
            .count();
        assert!(guesses <= 7, "{guesses}");
    }
    stop(random);
    stop(server);

    // socklab auto-play against a student's server.
    let mut child = spawn_python("guess_pair.py", &["server", "73"]);
    let lines = stdout_lines(&mut child);
    let port = line_starting(&lines, "PORT ");
    let config = guess::ClientConfig {
        conditions: Default::default(),
        server: format!("127.0.0.1:{port}"),
        timeout: Duration::from_secs(3),
        step_delay: Duration::ZERO,
    };
    let events = start("auto", false, move |r, s| {
        guess::run_auto_client(config, r, s)
    })
    .finish();
    assert!(
        outcome(&events)
            .as_ref()
            .unwrap()
            .message
            .contains("the number is 73")
    );
    wait_output(child, WAIT);
}

#[test]
fn anything_that_is_not_a_number_gets_a_clear_reply() {
    let server = start_guess_server(Some(10), HintStyle::Upper);
    let probe = UdpSocket::bind("127.0.0.1:0").unwrap();
    probe.set_read_timeout(Some(WAIT)).unwrap();
    probe.connect(server.addr()).unwrap();
    let mut buf = [0u8; 1024];
    for (guess, reply) in [
        (
            &b"abc"[..],
            &b"NOT A NUMBER: send a whole number from 1 to 99"[..],
        ),
        (b"", b"NOT A NUMBER: send a whole number from 1 to 99"),
        (
            b"\xff\xfe",
            b"NOT A NUMBER: send a whole number from 1 to 99",
        ),
        (b" 5\n", b"HIGHER"),
        (b"50", b"LOWER"),
        (b"10\r\n", b"CORRECT"),
    ] {
        probe.send(guess).unwrap();
        let n = probe.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], reply, "{:?}", String::from_utf8_lossy(guess));
    }
    let events = stop(server);
    let guesses: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::Guess(g) if g.role == Role::Server => Some((g.guess, g.count)),
            _ => None,
        })
        .collect();
    assert_eq!(
        guesses.last(),
        Some(&(Some(10), 3)),
        "non-numbers are not counted: {guesses:?}"
    );
}

#[test]
fn a_guess_server_that_waits_for_play_gets_a_hint() {
    let mut child = spawn_python("guess_server_play.py", &[]);
    let lines = stdout_lines(&mut child);
    let port = line_starting(&lines, "PORT ");
    let config = guess::ClientConfig {
        conditions: Default::default(),
        server: format!("127.0.0.1:{port}"),
        timeout: Duration::from_secs(1),
        step_delay: Duration::ZERO,
    };
    let events = start("auto", false, move |r, s| {
        guess::run_auto_client(config, r, s)
    })
    .finish();
    let _ = child.kill();
    let _ = child.wait();
    match outcome(&events) {
        Err(e @ socklab::Error::FirstGuessUnanswered { .. }) => {
            assert!(
                e.to_string().contains("to the first guess within 1 s"),
                "{e}"
            );
            let hint = e.hint().unwrap_or_default();
            assert!(hint.contains("`play` or `start`"), "{hint}");
        }
        other => panic!("{other:?}"),
    }
}

/// Reads until the server closes; the bytes it sent before.
fn read_until_closed(s: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut rest = Vec::new();
    s.read_to_end(&mut rest).map(|_| rest)
}

#[test]
fn idle_sessions_end_at_once_when_closed_from_the_window_or_when_the_server_stops() {
    let server = start_text_server(true, Service::Echo, &[]);
    let mut clients: Vec<TcpStream> = (0..3)
        .map(|i| {
            let mut s = TcpStream::connect(server.addr()).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let message = format!("hello {i}");
            s.write_all(message.as_bytes()).unwrap();
            let mut got = vec![0u8; message.len()];
            s.read_exact(&mut got).unwrap();
            s
        })
        .collect();
    // Each session now waits in a read, with nothing to read.
    let mut closes = Vec::new();
    let until = std::time::Instant::now() + WAIT;
    while closes.len() < 3 && std::time::Instant::now() < until {
        for event in server.drain(Duration::from_millis(100)) {
            if let Event::Accepted { close, .. } = event {
                closes.push(close);
            }
        }
    }
    assert_eq!(closes.len(), 3, "three sessions accepted");
    // The window's "close" for the first one: its client sees the end within a second.
    let started = std::time::Instant::now();
    closes[0].stop();
    let mut first = clients.remove(0);
    assert_eq!(read_until_closed(&mut first).unwrap(), b"");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "closed after {:?}",
        started.elapsed()
    );
    // The others still echo.
    clients[0].write_all(b"still here").unwrap();
    let mut got = [0u8; 10];
    clients[0].read_exact(&mut got).unwrap();
    assert_eq!(&got, b"still here");
    // Stopping the server ends the two idle sessions, and the server, within a second.
    let started = std::time::Instant::now();
    let events = stop(server);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "stopped after {:?}",
        started.elapsed()
    );
    for mut c in clients {
        assert_eq!(read_until_closed(&mut c).unwrap(), b"");
    }
    let reasons = close_reasons(&events);
    assert_eq!(
        reasons.iter().filter(|r| **r == "server stopping").count(),
        2,
        "{reasons:?}"
    );
    // The one closed from the window says so, even if the server stopped before it reported.
    assert_eq!(
        reasons
            .iter()
            .filter(|r| **r == "closed by the server (from the window)")
            .count(),
        1,
        "{reasons:?}"
    );
    assert!(outcome(&events).is_ok());
}

/// One echo over a plain TCP connection, closed by the client.
fn echo_once(server: &Running, message: &[u8]) {
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(message).unwrap();
    let mut got = vec![0u8; message.len()];
    s.read_exact(&mut got).unwrap();
    assert_eq!(got, message);
}

/// Waits until the server has logged `want` lines and closed `closed` connections, or `WAIT`
/// has passed.
fn events_until_lines(server: &Running, want: usize, closed: usize) -> Vec<Event> {
    let mut events = Vec::new();
    let until = std::time::Instant::now() + WAIT;
    while (log_texts(&events).len() < want || close_reasons(&events).len() < closed)
        && std::time::Instant::now() < until
    {
        events.extend(server.drain(Duration::from_millis(100)));
    }
    events
}

#[test]
fn a_server_started_from_a_thread_speaking_portuguese_logs_in_portuguese() {
    socklab::i18n::set_here(Some(socklab::i18n::Lang::PtPt));
    let server = start_text_server(true, Service::Echo, &[]);
    let port = server.port();
    echo_once(&server, b"hello");
    // The note, the start line, and the session's two lines (written on its own thread).
    let mut events = events_until_lines(&server, 4, 1);
    events.extend(stop(server));
    let lines = log_texts(&events);
    assert!(
        lines[0].starts_with(&format!(
            "à escuta em 127.0.0.1:{port}: só este computador o alcança; outras máquinas usariam "
        )),
        "{lines:#?}"
    );
    assert_eq!(
        lines[1],
        format!(
            "a iniciar o servidor echo em 127.0.0.1:{port}; à espera de mensagens dos clientes"
        )
    );
    assert!(
        lines[2].starts_with("recebeu 5 bytes de ('127.0.0.1', "),
        "{lines:#?}"
    );
    assert!(
        lines[3].starts_with("devolveu 5 bytes a ('127.0.0.1', "),
        "{lines:#?}"
    );
    assert_eq!(close_reasons(&events), ["fechada pelo cliente"]);
    assert_eq!(
        outcome(&events).as_ref().unwrap().message,
        "servidor parado; atendeu 1 sessão"
    );
    socklab::i18n::set_here(None);
}

#[test]
fn a_server_and_a_client_started_from_a_thread_speaking_spanish_log_in_spanish() {
    socklab::i18n::set_here(Some(socklab::i18n::Lang::Es));
    let server = start_text_server(false, Service::Upper, &[]);
    let port = server.port();
    let client = text_client(
        false,
        Service::Upper,
        server.addr(),
        vec![b"hola".to_vec(), b"adios".to_vec()],
        None,
    );
    assert_eq!(
        outcome(&client).as_ref().unwrap().message,
        "2 mensajes con respuesta; no hay más mensajes"
    );
    let mut events = events_until_lines(&server, 6, 0);
    events.extend(stop(server));
    let lines = log_texts(&events);
    assert!(
        lines[0].starts_with(&format!(
            "escuchando en 127.0.0.1:{port}: solo este ordenador puede alcanzarlo; otras máquinas usarían "
        )),
        "{lines:#?}"
    );
    assert_eq!(
        lines[1],
        format!(
            "iniciando el servidor upper en 127.0.0.1:{port}; esperando mensajes de los clientes"
        )
    );
    assert!(
        lines[2].starts_with("recibió 4 bytes de ('127.0.0.1', "),
        "{lines:#?}"
    );
    assert_eq!(
        outcome(&events).as_ref().unwrap().message,
        "servidor detenido; respondió a 2 datagramas"
    );
    socklab::i18n::set_here(None);
}

/// The memory of a TCP echo server's process (`/proc/PID/status`, KiB) and the resident KiB of
/// each of its session threads' stacks (mappings of [`SESSION_STACK_BYTES`] in its smaps).
#[cfg(target_os = "linux")]
fn server_memory(pid: u32) -> (u64, Vec<u64>) {
    use socklab::net::runner::SESSION_STACK_BYTES;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let mut stacks = Vec::new();
    let mut size_kib = 0;
    for line in smaps.lines() {
        if let Some((range, _)) = line.split_once(' ')
            && let Some((from, to)) = range.split_once('-')
            && let (Ok(from), Ok(to)) = (u64::from_str_radix(from, 16), u64::from_str_radix(to, 16))
        {
            size_kib = (to - from) / 1024;
        } else if let Some(kib) = line.strip_prefix("Rss:")
            && size_kib * 1024 == SESSION_STACK_BYTES as u64
        {
            stacks.push(
                kib.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .unwrap_or(0),
            );
        }
    }
    (rss, stacks)
}

#[cfg(target_os = "linux")]
#[test]
fn a_class_of_echo_sessions_costs_a_few_kib_each_and_fits_its_stacks() {
    use socklab::net::runner::SESSION_STACK_BYTES;
    const CLASS: usize = 200;
    let mut server = socklab_cli(&["tcp-echo", "server", "--bind", "127.0.0.1", "--port", "0"]);
    let lines = stdout_lines(&mut server);
    let listening = line_starting(&lines, "listening on 127.0.0.1:");
    let port: u16 = listening
        .split(' ')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {listening:?}"));
    let (before, _) = server_memory(server.id());
    let mut class: Vec<TcpStream> = (0..CLASS)
        .map(|_| {
            let s = TcpStream::connect(("127.0.0.1", port)).expect("connects");
            s.set_read_timeout(Some(WAIT)).expect("a timeout");
            s
        })
        .collect();
    // Every session answers, a long message included (its buffer grows to the most and back).
    let long = vec![b'z'; 40_000];
    for (i, s) in class.iter_mut().enumerate() {
        let message = if i == 0 {
            long.clone()
        } else {
            format!("hello {i}\n").into_bytes()
        };
        s.write_all(&message).expect("sends");
        let mut echo = vec![0u8; message.len()];
        s.read_exact(&mut echo).expect("its echo");
        assert_eq!(echo, message);
    }
    // The deepest paths a session takes: a stop word (its reply, then the close in the
    // language's words), a client that resets.
    class[1].write_all(b"stop\n").expect("sends");
    let mut rest = Vec::new();
    let _ = class[1].read_to_end(&mut rest);
    let _ = socket2::SockRef::from(&class[2]).set_linger(Some(Duration::ZERO));
    drop(class.remove(2));
    std::thread::sleep(Duration::from_millis(300));
    let (after, stacks) = server_memory(server.id());
    let _ = server.kill();
    let _ = server.wait();
    let per_session = after.saturating_sub(before) / CLASS as u64;
    let deepest = stacks.iter().copied().max().unwrap_or(0);
    say(&format!(
        "{CLASS} echo sessions: {before} KiB before, {after} KiB after ({per_session} KiB a \
         session); {} session stacks, the deepest {deepest} KiB resident of {} KiB",
        stacks.len(),
        SESSION_STACK_BYTES / 1024
    ));
    assert!(
        stacks.len() >= CLASS / 2,
        "session stacks of {SESSION_STACK_BYTES} bytes: {stacks:?}"
    );
    assert!(
        deepest * 1024 <= SESSION_STACK_BYTES as u64 / 4,
        "a session used {deepest} KiB of its stack"
    );
    // This build's (the tests', unoptimised: deeper frames) measured 22 KiB; the release build
    // 12 (docs/benchmarks.md). Formatting lines on the session's thread, or a 2 KiB
    // thread-local, each cost a page more; a 16 KiB receive buffer each, as before, 40.
    assert!(
        per_session <= 28,
        "{per_session} KiB a session ({before} -> {after} KiB)"
    );
}

/// The program's thread-local storage: copied to the top of every thread's stack, each server
/// session's too, beside the thread's control block (about 2.3 KiB in glibc). Kept under 1 KiB,
/// the two share one page; eframe's own event loop, a 2 KiB thread-local, made a session's
/// stack a page larger (docs/benchmarks.md).
#[cfg(target_os = "linux")]
#[test]
fn the_program_thread_locals_fit_beside_a_thread_control_block() {
    let elf = std::fs::read(env!("CARGO_BIN_EXE_socklab")).expect("the program");
    let tls = elf_tls_size(&elf).expect("a 64-bit ELF program");
    // Some there are (std's own): none found would be a misread header.
    assert!(
        tls > 0 && tls <= 1024,
        "{tls} bytes of thread-local storage"
    );
}

/// The memory size of a 64-bit little-endian ELF file's TLS segment (0 without one).
#[cfg(target_os = "linux")]
fn elf_tls_size(elf: &[u8]) -> Option<u64> {
    const PT_TLS: u32 = 7;
    let u16_at = |at: usize| Some(u16::from_le_bytes(elf.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(elf.get(at..at + 4)?.try_into().ok()?));
    let u64_at = |at: usize| Some(u64::from_le_bytes(elf.get(at..at + 8)?.try_into().ok()?));
    if elf.get(..5)? != b"\x7fELF\x02" {
        return None;
    }
    let phoff = usize::try_from(u64_at(0x20)?).ok()?;
    let entsize = usize::from(u16_at(0x36)?);
    let count = usize::from(u16_at(0x38)?);
    let mut tls = 0;
    for i in 0..count {
        let header = phoff + i * entsize;
        if u32_at(header)? == PT_TLS {
            tls = u64_at(header + 0x28)?;
        }
    }
    Some(tls)
}
