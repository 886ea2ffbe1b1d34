//! "Add two numbers" over real loopback sockets: socklab against itself and against
//! student-style Python peers, in every wire format, plus the failure cases a lab meets.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use common::*;
use socklab::Error;
use socklab::net::add::{self, ClientConfig, ServerConfig};
use socklab::net::event::{AddExchange, Event, Role};
use socklab::protocol::add::WireFormat;

const SERVER_NAME: &str = "Server of Test";
const SERVER_NUMBER: i64 = 57;

fn server_config(stop_on_out_of_range: bool) -> ServerConfig {
    ServerConfig {
        conditions: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        max_connections: socklab::net::MAX_CONNECTIONS,
        name: SERVER_NAME.into(),
        number: SERVER_NUMBER,
        stop_on_out_of_range,
    }
}

fn start_server(tcp: bool, stop_on_out_of_range: bool) -> Running {
    let config = server_config(stop_on_out_of_range);
    start("test add server", true, move |r, s| {
        if tcp {
            add::run_tcp_server(config, r, s)
        } else {
            add::run_udp_server(config, r, s)
        }
    })
}

fn client_config(server: String, name: &str, number: i64, format: WireFormat) -> ClientConfig {
    ClientConfig {
        conditions: Default::default(),
        server,
        name: name.into(),
        number,
        format,
        timeout: Duration::from_secs(3),
        reset_on_close: false,
    }
}

fn run_client(tcp: bool, config: ClientConfig) -> Vec<Event> {
    start("test add client", false, move |r, s| {
        if tcp {
            add::run_tcp_client(config, r, s)
        } else {
            add::run_udp_client(config, r, s)
        }
    })
    .finish()
}

fn exchange(events: &[Event], role: Role) -> Option<&AddExchange> {
    events.iter().find_map(|e| match e {
        Event::Add(x) if x.role == role => Some(x),
        _ => None,
    })
}

fn stop_server(server: Running) -> Vec<Event> {
    server.handle.stop();
    server.finish()
}

const SOCKLAB_FORMATS: &[&str] = &[
    "comma",
    "colon",
    "semicolon",
    "space",
    "line",
    "json",
    "json-line",
    "split",
    "c-struct",
    "packed-struct",
    "length-prefixed",
    "{name} | {number}\\r\\n",
];

#[test]
fn socklab_talks_to_itself_in_every_format() {
    for tcp in [true, false] {
        let server = start_server(tcp, true);
        for (i, format) in SOCKLAB_FORMATS.iter().enumerate() {
            let number = 1 + i as i64;
            let format = WireFormat::from_name(format).unwrap();
            let events = run_client(
                tcp,
                client_config(server.addr(), "Client of Ana", number, format.clone()),
            );
            assert!(
                outcome(&events).is_ok(),
                "{format} tcp={tcp}: {:?}",
                outcome(&events)
            );
            let x = exchange(&events, Role::Client).expect("client result");
            assert_eq!(x.server_name, SERVER_NAME, "{format}");
            assert_eq!(
                (x.client_number, x.server_number, x.sum()),
                (number, SERVER_NUMBER, (number + SERVER_NUMBER) as i128)
            );
        }
        let events = stop_server(server);
        let seen: Vec<_> = events
            .iter()
            .filter_map(|e| match e {
                Event::Add(x) if x.role == Role::Server => {
                    Some((x.client_name.as_str(), x.client_number))
                }
                _ => None,
            })
            .collect();
        assert_eq!(seen.len(), SOCKLAB_FORMATS.len(), "tcp={tcp}: {seen:?}");
        assert!(
            seen.iter().all(|(name, _)| *name == "Client of Ana"),
            "{seen:?}"
        );
    }
}

const PYTHON_FORMATS: &[&str] = &[
    "comma",
    "colon",
    "semicolon",
    "space",
    "colon-line",
    "json",
    "json-line-keys",
    "split",
    "c-struct",
    "length-prefixed",
];

#[test]
fn python_clients_get_replies_in_their_own_format() {
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        let server = start_server(tcp, true);
        let port = server.port().to_string();
        for format in PYTHON_FORMATS {
            let child = spawn_python(
                "add_client.py",
                &[transport, "127.0.0.1", &port, format, "Client of Ana", "42"],
            );
            let out = wait_output(child, WAIT);
            assert!(
                out.success,
                "{transport} {format}: {}{}",
                out.stdout, out.stderr
            );
            assert!(
                out.stdout.contains("Server name: Server of Test\n"),
                "{transport} {format}: {}",
                out.stdout
            );
            assert!(
                out.stdout.contains("Server number: 57\n"),
                "{transport} {format}: {}",
                out.stdout
            );
            assert!(
                out.stdout.contains("Sum: 99\n"),
                "{transport} {format}: {}",
                out.stdout
            );
        }
        let events = stop_server(server);
        let served = events
            .iter()
            .filter(|e| matches!(e, Event::Add(x) if x.client_name == "Client of Ana" && x.client_number == 42))
            .count();
        assert_eq!(
            served,
            PYTHON_FORMATS.len(),
            "{transport}: {:?}",
            log_texts(&events)
        );
    }
}

#[test]
fn socklab_client_reads_python_servers_in_every_format() {
    let formats: &[(&str, &str)] = &[
        ("comma", "comma"),
        ("colon", "colon"),
        ("semicolon", "semicolon"),
        ("space", "space"),
        ("colon-line", "{name}: {number}\\n"),
        ("json", "json"),
        ("split", "split"),
        ("c-struct", "c-struct"),
        ("length-prefixed", "length-prefixed"),
    ];
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        for (python_format, socklab_format) in formats {
            let mut child = spawn_python("add_server.py", &[transport, python_format]);
            let lines = stdout_lines(&mut child);
            let port = line_starting(&lines, "PORT ");
            let format = WireFormat::from_name(socklab_format).unwrap();
            let events = run_client(
                tcp,
                client_config(format!("127.0.0.1:{port}"), "Client of Ana", 42, format),
            );
            assert!(
                outcome(&events).is_ok(),
                "{transport} {python_format}: {:?}",
                outcome(&events)
            );
            let x = exchange(&events, Role::Client).unwrap();
            assert_eq!(
                (x.server_name.as_str(), x.server_number, x.sum()),
                ("Server of Py", 57, 99)
            );
            let printed: Vec<String> = lines.iter().collect();
            let out = wait_output(child, WAIT);
            assert!(out.success, "{transport} {python_format}: {}", out.stderr);
            assert!(
                printed.contains(&"Client name: Client of Ana".to_owned()),
                "{printed:?}"
            );
            assert!(printed.contains(&"Sum: 99".to_owned()), "{printed:?}");
        }
    }
}

#[test]
fn an_out_of_range_number_stops_the_server_without_a_reply() {
    for tcp in [true, false] {
        let server = start_server(tcp, true);
        let addr = server.addr();
        let started = Instant::now();
        let events = run_client(
            tcp,
            client_config(addr.clone(), "Client of Ana", 0, WireFormat::comma()),
        );
        let summary = outcome(&events)
            .as_ref()
            .expect("the client expects no reply");
        assert!(
            summary.message.contains("out of range"),
            "{}",
            summary.message
        );
        assert!(
            !events.iter().any(|e| matches!(e, Event::Received { .. })),
            "tcp={tcp}: a reply came"
        );
        let server_events = server.finish();
        let summary = outcome(&server_events).as_ref().unwrap();
        assert!(
            summary.message.contains("outside 1..100"),
            "{}",
            summary.message
        );
        assert!(started.elapsed() < Duration::from_secs(5));
        // The sockets are released: nothing listens there any more.
        if tcp {
            assert!(
                TcpStream::connect_timeout(&addr.parse().unwrap(), Duration::from_secs(1)).is_err()
            );
        } else {
            UdpSocket::bind(addr.as_str()).expect("the UDP port is free again");
        }
    }
}

#[test]
fn keep_running_survives_an_out_of_range_number() {
    for tcp in [true, false] {
        let server = start_server(tcp, false);
        // The lab's answer to 500: no reply (over TCP, the connection closed).
        let events = run_client(
            tcp,
            client_config(server.addr(), "Ana", 500, WireFormat::comma()),
        );
        assert!(exchange(&events, Role::Client).is_none(), "no sum for 500");
        assert!(
            outcome(&events).as_ref().is_ok_and(
                |s| s.message.contains("without reply") || s.message.contains("no reply")
            ),
            "{:?}",
            outcome(&events)
        );
        // Still serving the next client.
        let events = run_client(
            tcp,
            client_config(server.addr(), "Ana", 5, WireFormat::comma()),
        );
        assert_eq!(exchange(&events, Role::Client).map(|x| x.sum()), Some(62));
        assert!(!server.handle.is_finished());
        let events = stop_server(server);
        assert!(
            log_texts(&events)
                .iter()
                .any(|l| l.contains("sent 500, outside 1..100") && l.contains("keeps running")),
            "{:?}",
            log_texts(&events)
        );
    }
}

#[test]
fn a_tcp_server_answers_every_request_of_clients_connected_at_once() {
    let server = start_server(true, true);
    let addr: SocketAddr = server.addr().parse().unwrap();
    let mut clients: Vec<TcpStream> = (0..5)
        .map(|_| {
            let s = TcpStream::connect(addr).unwrap();
            s.set_read_timeout(Some(WAIT)).unwrap();
            s
        })
        .collect();
    for round in 1..=3 {
        for (i, c) in clients.iter_mut().enumerate() {
            c.write_all(format!("Client {i}: {round}\n").as_bytes())
                .unwrap();
        }
        for c in &mut clients {
            let mut reply = [0u8; 1024];
            let n = c.read(&mut reply).unwrap();
            assert_eq!(&reply[..n], b"Server of Test: 57\n");
        }
    }
    drop(clients);
    let events = stop_server(server);
    assert_eq!(
        events.iter().filter(|e| matches!(e, Event::Add(_))).count(),
        15
    );
}

/// Sends raw bytes on a fresh connection and returns what came back before the server closed.
fn raw_tcp(addr: &str, bytes: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    let _ = s.write_all(bytes);
    let mut got = Vec::new();
    let _ = s.read_to_end(&mut got);
    got
}

#[test]
fn a_name_line_and_a_number_line_written_apart_are_one_request() {
    // A student's client that writes `Ana\n`, then (the machine busy, or a prompt in between)
    // `37\n`: the server takes the connection at once and reads the first line alone; it must
    // wait for the second instead of calling the first unreadable.
    let server = start_server(true, true);
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    s.write_all(b"Ana\n").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    s.write_all(b"37\n").unwrap();
    let mut reply = [0u8; 64];
    let n = s.read(&mut reply).unwrap_or(0);
    assert!(n > 0, "no reply: the server closed after the name line");
    let events = stop_server(server);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Add(x) if x.client_name == "Ana" && x.client_number == 37)),
        "{:#?}",
        log_texts(&events)
    );
}

#[test]
fn garbage_closes_only_its_own_tcp_connection() {
    let server = start_server(true, true);
    let addr = server.addr();
    assert_eq!(raw_tcp(&addr, b"\x01\x02\x03\xff\xfe garbage"), b"");
    assert_eq!(raw_tcp(&addr, &vec![b'x'; 1 << 20]), b"");
    assert_eq!(raw_tcp(&addr, b"no number here\n"), b"");
    // A name that is not UTF-8 is shown with a replacement character and still answered.
    let reply = raw_tcp(&addr, b"An\xffa,5\n");
    assert_eq!(reply, b"Server of Test,57\n");
    let events = run_client(true, client_config(addr, "Ana", 3, WireFormat::comma()));
    assert_eq!(exchange(&events, Role::Client).unwrap().sum(), 60);
    let events = stop_server(server);
    let logs = log_texts(&events).join("\n");
    assert!(
        logs.contains(
            "cannot understand the request (not a format socklab understands: 13 bytes, starts with `01 02 03`)"
        ),
        "{logs}"
    );
    assert!(logs.contains("65536 bytes"), "{logs}");
    assert!(logs.contains("a line with no number"), "{logs}");
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Add(x) if x.client_name == "An\u{fffd}a")),
        "non-UTF-8 name"
    );
}

#[test]
fn a_udp_server_survives_bad_datagrams_without_replying() {
    let server = start_server(false, true);
    let addr: SocketAddr = server.addr().parse().unwrap();
    let probe = UdpSocket::bind("127.0.0.1:0").unwrap();
    probe
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    probe.send_to(b"", addr).unwrap();
    probe.send_to(b"\x01\x02garbage", addr).unwrap();
    probe.send_to(&vec![b'x'; 65_000], addr).unwrap();
    let mut buf = [0u8; 2048];
    assert!(
        probe.recv_from(&mut buf).is_err(),
        "no reply to bad datagrams"
    );
    let events = run_client(
        false,
        client_config(addr.to_string(), "Ana", 3, WireFormat::comma()),
    );
    assert_eq!(exchange(&events, Role::Client).unwrap().sum(), 60);
    let events = stop_server(server);
    let logs = log_texts(&events).join("\n");
    assert!(logs.contains("empty datagram"), "{logs}");
    assert!(logs.contains("cannot understand the datagram"), "{logs}");
    assert!(
        logs.contains("larger than 65536 bytes") || logs.contains("waiting for the rest"),
        "{logs}"
    );
}

#[test]
fn port_already_in_use_is_a_clear_error() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut config = server_config(true);
    config.bind = taken.local_addr().unwrap();
    let events = start("busy", false, move |r, s| add::run_tcp_server(config, r, s)).finish();
    let err = outcome(&events).as_ref().unwrap_err();
    assert!(matches!(err, Error::Bind { .. }), "{err:?}");
    assert!(
        err.hint().unwrap().contains("already in use"),
        "{:?}",
        err.hint()
    );

    let taken = UdpSocket::bind("127.0.0.1:0").unwrap();
    let mut config = server_config(true);
    config.bind = taken.local_addr().unwrap();
    let events = start("busy", false, move |r, s| add::run_udp_server(config, r, s)).finish();
    assert!(matches!(outcome(&events), Err(Error::Bind { .. })));
}

#[test]
fn client_without_server_fails_within_its_timeout() {
    for tcp in [true, false] {
        let started = Instant::now();
        let addr = format!("127.0.0.1:{}", free_port(true));
        let events = run_client(tcp, client_config(addr, "Ana", 5, WireFormat::comma()));
        let err = outcome(&events).as_ref().unwrap_err();
        if tcp {
            assert!(matches!(err, Error::Connect { .. }), "{err:?}");
        } else {
            // UDP has no connection: the answer is "nothing is listening", or silence.
            assert!(
                matches!(err, Error::NoUdpServer { .. } | Error::Timeout { .. }),
                "{err:?}"
            );
            assert!(!err.to_string().contains("connect"), "{err}");
        }
        assert!(err.hint().is_some(), "{err:?} has no hint");
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "tcp={tcp}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn ipv6_loopback_works_when_available() {
    let Ok(probe) = TcpListener::bind("[::1]:0") else {
        eprintln!("no IPv6 loopback on this machine; nothing to test");
        return;
    };
    drop(probe);
    for tcp in [true, false] {
        let mut config = server_config(true);
        config.bind = "[::1]:0".parse().unwrap();
        let server = start("v6", true, move |r, s| {
            if tcp {
                add::run_tcp_server(config, r, s)
            } else {
                add::run_udp_server(config, r, s)
            }
        });
        let addr = format!("[::1]:{}", server.port());
        let events = run_client(tcp, client_config(addr, "Ana", 1, WireFormat::json("\n")));
        assert_eq!(exchange(&events, Role::Client).unwrap().sum(), 58);
        stop_server(server);
    }
}

#[test]
fn stop_is_answered_quickly() {
    for tcp in [true, false] {
        let server = start_server(tcp, true);
        // An idle connection must not hold the server up.
        let _idle = if tcp {
            Some(TcpStream::connect(server.addr()).unwrap())
        } else {
            None
        };
        std::thread::sleep(Duration::from_millis(100));
        let started = Instant::now();
        server.handle.stop();
        let events = collect_until_finished(&server.rx, WAIT);
        assert!(outcome(&events).is_ok());
        assert!(
            started.elapsed() < Duration::from_millis(500),
            "tcp={tcp}: {:?}",
            started.elapsed()
        );
        server.handle.join();
    }
}
