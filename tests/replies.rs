//! What real student programs send back, over loopback: socklab's add client against servers
//! that answer with labels, sentences, pieces, pickles and several numbers; socklab's add server
//! against clients that send without a separator, pickles, and two datagrams read as three.

mod common;

use std::io::{Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use common::*;
use socklab::Error;
use socklab::net::add::{self, ClientConfig, ServerConfig};
use socklab::net::event::{AddExchange, Event, Role};
use socklab::protocol::add::WireFormat;

fn client(tcp: bool, port: &str, format: &str) -> Vec<Event> {
    let config = ClientConfig {
        conditions: Default::default(),
        server: format!("127.0.0.1:{port}"),
        name: "Client of Ana".into(),
        number: 57,
        format: WireFormat::from_name(format).unwrap(),
        timeout: Duration::from_secs(4),
        reset_on_close: false,
    };
    start("reply test client", false, move |r, s| {
        if tcp {
            add::run_tcp_client(config, r, s)
        } else {
            add::run_udp_client(config, r, s)
        }
    })
    .finish()
}

fn exchange(events: &[Event]) -> Option<&AddExchange> {
    events.iter().find_map(|e| match e {
        Event::Add(x) if x.role == Role::Client => Some(x),
        _ => None,
    })
}

/// Runs socklab's client against `add_server_variants.py MODE`; returns its events and the
/// server's printed lines.
fn against(tcp: bool, mode: &str, format: &str) -> (Vec<Event>, Vec<String>) {
    let transport = if tcp { "tcp" } else { "udp" };
    let mut child = spawn_python("add_server_variants.py", &[transport, mode]);
    let lines = stdout_lines(&mut child);
    let port = line_starting(&lines, "PORT ");
    let events = client(tcp, &port, format);
    let out = wait_output(child, WAIT);
    let mut printed: Vec<String> = lines.try_iter().collect();
    printed.extend(out.stdout.lines().map(str::to_owned));
    (events, printed)
}

#[test]
fn a_labelled_reply_is_read_with_its_sum_checked() {
    for tcp in [true, false] {
        let (events, printed) = against(tcp, "labelled", "comma");
        let x = exchange(&events).unwrap_or_else(|| panic!("{:?}", outcome(&events)));
        assert_eq!(
            (x.server_name.as_str(), x.server_number, x.reported_sum),
            ("Server of Zoe", 81, Some(138))
        );
        let summary = outcome(&events).as_ref().unwrap();
        assert_eq!(summary.message, "57 + 81 = 138 (the server says 138 ✓)");
        assert!(printed.iter().any(|l| l == "Sum: 138"), "{printed:?}");
    }
}

#[test]
fn names_with_digits_or_labels_of_several_words_are_read() {
    for tcp in [true, false] {
        for (mode, name, sum) in [
            ("digits-name", "T470 SERVER", None),
            ("long-labels", "Server of Ana Lima", Some(138)),
            ("portuguese", "Servidor da Ana", Some(138)),
        ] {
            let (events, _) = against(tcp, mode, "comma");
            let x = exchange(&events)
                .unwrap_or_else(|| panic!("{mode} tcp={tcp}: {:?}", outcome(&events)));
            assert_eq!(
                (x.server_name.as_str(), x.server_number, x.reported_sum),
                (name, 81, sum),
                "{mode} tcp={tcp}"
            );
        }
    }
}

#[test]
fn a_wrong_reported_sum_is_pointed_out() {
    let (events, _) = against(true, "wrong-sum", "comma");
    let summary = outcome(&events).as_ref().unwrap();
    assert_eq!(
        summary.message,
        "57 + 81 = 138 (the server says 139: wrong, it is 138)"
    );
    assert!(
        log_texts(&events)
            .iter()
            .any(|l| l.contains("reports the sum 139, but 57 + 81 = 138")),
        "{:?}",
        log_texts(&events)
    );
}

#[test]
fn a_sentence_loses_its_verb() {
    for tcp in [true, false] {
        let (events, _) = against(tcp, "sentence", "comma");
        let x = exchange(&events).unwrap_or_else(|| panic!("{:?}", outcome(&events)));
        assert_eq!(
            (x.server_name.as_str(), x.server_number),
            ("Server of Zoe", 81)
        );
    }
}

#[test]
fn a_reply_in_two_sends_is_read_whole() {
    // "Server of Zoe\n", then 50 ms later "81\n": two reads over TCP, two datagrams over UDP.
    for tcp in [true, false] {
        let (events, _) = against(tcp, "pieces", "comma");
        let x = exchange(&events).unwrap_or_else(|| panic!("{:?}", outcome(&events)));
        assert_eq!(
            (x.server_name.as_str(), x.server_number),
            ("Server of Zoe", 81)
        );
        let received = events
            .iter()
            .filter(|e| matches!(e, Event::Received { .. }))
            .count();
        assert_eq!(received, 2, "two pieces");
    }
}

#[test]
fn several_numbers_are_reported_not_summed() {
    let (events, _) = against(true, "ambiguous", "comma");
    assert!(exchange(&events).is_none(), "no confident sum");
    match outcome(&events) {
        Err(Error::Protocol(why)) => {
            assert!(why.contains("several numbers (81, 138)"), "{why}");
            assert!(why.contains("\"Zoe 81 138\""), "the bytes are shown: {why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn pickles_cross_both_ways() {
    for tcp in [true, false] {
        let (events, printed) = against(tcp, "pickle", "pickle");
        let x = exchange(&events).unwrap_or_else(|| panic!("{:?}", outcome(&events)));
        assert_eq!(
            (x.server_name.as_str(), x.server_number),
            ("Server of Zoe", 81)
        );
        assert!(x.format.contains("pickle"), "{}", x.format);
        assert!(
            printed.iter().any(|l| l == "Client name: Client of Ana"),
            "the Python server unpickled our request: {printed:?}"
        );
    }
}

#[test]
fn a_sum_sent_in_place_of_the_number_is_recognised() {
    let (events, _) = against(true, "pickle-sum", "pickle");
    let x = exchange(&events).unwrap_or_else(|| panic!("{:?}", outcome(&events)));
    assert_eq!((x.server_number, x.reported_sum), (81, Some(138)));
    assert!(
        log_texts(&events)
            .iter()
            .any(|l| l.contains("read as the sum (138 - 57 = 81)")),
        "{:?}",
        log_texts(&events)
    );
}

#[test]
fn a_server_that_closes_without_replying_gets_a_format_hint() {
    let (events, _) = against(true, "close", "json");
    match outcome(&events) {
        Err(e @ Error::ClosedWithoutReply { .. }) => {
            let hint = e.hint().unwrap_or_default();
            assert!(hint.contains("another message format"), "{hint}");
            assert!(hint.contains("--format"), "{hint}");
        }
        other => panic!("{other:?}"),
    }
}

fn server(tcp: bool, stop_on_out_of_range: bool) -> Running {
    let config = ServerConfig {
        conditions: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        max_connections: socklab::net::MAX_CONNECTIONS,
        name: "Server of Test".into(),
        number: 42,
        stop_on_out_of_range,
    };
    start("reply test server", true, move |r, s| {
        if tcp {
            add::run_tcp_server(config, r, s)
        } else {
            add::run_udp_server(config, r, s)
        }
    })
}

fn python_client(tcp: bool, port: u16, mode: &str) -> Finished {
    let transport = if tcp { "tcp" } else { "udp" };
    let child = spawn_python(
        "add_client_variants.py",
        &[transport, "127.0.0.1", &port.to_string(), mode],
    );
    wait_output(child, WAIT)
}

#[test]
fn a_request_without_separator_is_answered_in_one_send() {
    for tcp in [true, false] {
        let s = server(tcp, true);
        let out = python_client(tcp, s.port(), "nosep");
        assert!(out.success, "{}{}", out.stdout, out.stderr);
        assert_eq!(out.stdout.trim(), "Reply: Server of Test42");
        let events = {
            s.handle.stop();
            s.finish()
        };
        let sends = events
            .iter()
            .filter(|e| matches!(e, Event::Sent { .. }))
            .count();
        assert_eq!(sends, 1, "one send for one request");
    }
}

#[test]
fn python_pickle_clients_get_a_pickle_back() {
    for tcp in [true, false] {
        let s = server(tcp, true);
        let out = python_client(tcp, s.port(), "pickle");
        assert!(out.success, "{}{}", out.stdout, out.stderr);
        assert!(
            out.stdout
                .contains("Server name: Server of Test\nServer number: 42\nSum: 99"),
            "{}",
            out.stdout
        );
        s.handle.stop();
        let events = s.finish();
        assert!(events.iter().any(
            |e| matches!(e, Event::Add(x) if x.client_name == "Zoe" && x.client_number == 57)
        ));
    }
}

#[test]
fn a_request_in_two_datagrams_gets_its_reply_in_three() {
    let s = server(false, true);
    let out = python_client(false, s.port(), "three");
    assert!(out.success, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("Server name: Server of Test\nServer number: 42\nLine: 57 + 42 = 99"),
        "{}",
        out.stdout
    );
    s.handle.stop();
    s.finish();
}

#[test]
fn unknown_binary_is_named_at_once() {
    // A pickle of something that is not a name and a number, and bytes of no known layout.
    let unreadable_pickle: &[u8] = b"\x80\x04\x95\x17\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x03Msg\x94\x93\x94)\x81\x94.";
    let s = server(true, true);
    for bytes in [unreadable_pickle, &b"\x93\x01\x02\x03\x04\x05\x06"[..]] {
        let started = Instant::now();
        let mut conn = TcpStream::connect(s.addr()).unwrap();
        conn.set_read_timeout(Some(WAIT)).unwrap();
        conn.write_all(bytes).unwrap();
        let mut rest = Vec::new();
        let _ = conn.read_to_end(&mut rest);
        assert!(rest.is_empty());
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "refused at once, not after the 5 s wait for the rest: {:?}",
            started.elapsed()
        );
    }
    s.handle.stop();
    let logs = log_texts(&s.finish()).join("\n");
    assert!(
        logs.contains("a Python pickle of an empty dict or of an object of a class, not a name and a number; 34 bytes, starts with `80 04 95`"),
        "{logs}"
    );
    assert!(
        logs.contains("not a format socklab understands: 7 bytes, starts with `93 01 02`"),
        "{logs}"
    );
}

#[test]
fn keep_running_gives_no_sum_for_an_out_of_range_number() {
    let s = server(false, false);
    let student = UdpSocket::bind("127.0.0.1:0").unwrap();
    student
        .set_read_timeout(Some(Duration::from_millis(700)))
        .unwrap();
    student.send_to(b"Zoe,500", s.addr()).unwrap();
    let mut buf = [0u8; 256];
    assert!(student.recv(&mut buf).is_err(), "no reply to 500");
    student.send_to(b"Zoe,5", s.addr()).unwrap();
    student.set_read_timeout(Some(WAIT)).unwrap();
    let n = student.recv(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"Server of Test,42");
    s.handle.stop();
    s.finish();
}
