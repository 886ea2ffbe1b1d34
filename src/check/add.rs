//! Checks for "add two numbers" (TCP and UDP): a student's server, or a student's client.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use super::program::{Answers, Program};
use super::report::{CheckResult, Verdict};
use super::{
    CheckError, Conn, Options, Peer, Role, Subject, answers, ended_cleanly, exit_verdict, expand,
    output_shows, result, wait_released,
};
use crate::net::add::{self as runner, ClientConfig, ServerConfig};
use crate::net::event::{AddExchange, Event, Role as EventRole};
use crate::protocol::add::{self, Parsed, WireFormat};
use crate::protocol::reply::{ParsedReply, parse_reply};

/// The name and number socklab's server uses when it plays the server.
const SERVER_NAME: &str = "Server of socklab";
const SERVER_NUMBER: i64 = 42;

/// The formats tried on a server, most common first, one fresh connection or datagram each.
const TRIED_FORMATS: &[&str] = &[
    "comma",
    "line",
    "space",
    "colon",
    "semicolon",
    "json-line",
    "json",
    "split",
    "pickle",
    "c-struct",
    "packed-struct",
    "length-prefixed",
];

/// How long the program has to show the exchange after it happened.
const SHOW_WAIT: Duration = Duration::from_secs(2);

/// Runs the add checks; returns the format found or used.
pub fn run(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<Option<String>, CheckError> {
    match o.role {
        Role::Server => server(o, sink),
        Role::Client => client(o, sink),
    }
}

/// What a server under test is told when it asks for its own name and number.
fn server_answers() -> Answers {
    Answers {
        name: "Server of Test".into(),
        number: "50".into(),
        ..Answers::default()
    }
}

/// One exchange by socklab's client: the events, and the exchange when a reply was read.
fn exchange(o: &Options, format: WireFormat, number: i64) -> (Vec<Event>, Option<AddExchange>) {
    let config = ClientConfig {
        conditions: Default::default(),
        server: format!("{}:{}", o.host, o.port),
        name: o.name.clone(),
        number,
        format,
        timeout: o.timeout.min(Duration::from_secs(5)),
        reset_on_close: true,
    };
    let tcp = o.exercise.tcp();
    let Some(peer) = Peer::start("check add client", move |r, s| {
        if tcp {
            runner::run_tcp_client(config, r, s)
        } else {
            runner::run_udp_client(config, r, s)
        }
    }) else {
        return (Vec::new(), None);
    };
    let events = peer.finish(o.timeout + Duration::from_secs(1));
    let x = events.iter().find_map(|e| match e {
        Event::Add(x) if x.role == EventRole::Client => Some(x.clone()),
        _ => None,
    });
    (events, x)
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<Option<String>, CheckError> {
    let tcp = o.exercise.tcp();
    let mut s = Subject::new(o, server_answers());
    let (listening, listens) = s.listens()?;
    sink(listens);
    let rest: &[(&str, &str, bool)] = &[
        ("answers", "answers with a name and an integer", true),
        ("shows", "shows both names, both numbers and the sum", true),
        ("second-client", "answers a second client", true),
        (
            "split-request",
            "reads a request sent in pieces (field by field, or cut in two)",
            false,
        ),
        (
            "concurrent",
            "answers while another client stays silent",
            false,
        ),
        ("garbage", "keeps serving after a malformed request", false),
        (
            "out-of-range-stops",
            "stops at a number outside 1..100",
            true,
        ),
    ];
    let skip_rest = |sink: &mut dyn FnMut(CheckResult), from: usize, why: &str| {
        for (id, title, required) in &rest[from..] {
            sink(result(
                id,
                title,
                *required,
                Verdict::Skip,
                why,
                None,
                (Vec::new(), Vec::new()),
            ));
        }
    };
    if !listening {
        skip_rest(sink, 0, "the server never listened");
        return Ok(None);
    }

    // answers: the given format, or each in turn until one is answered.
    let candidates: Vec<WireFormat> = match &o.format {
        Some(f) => vec![f.clone()],
        None => TRIED_FORMATS
            .iter()
            .filter_map(|n| WireFormat::from_name(n).ok())
            .collect(),
    };
    let mut found: Option<(WireFormat, AddExchange, Vec<Event>)> = None;
    let mut last_events = Vec::new();
    for format in candidates {
        if !s.ready()? {
            break;
        }
        let (events, x) = exchange(o, format.clone(), o.number);
        match x {
            Some(x) => {
                found = Some((format, x, events));
                break;
            }
            None => last_events = events,
        }
    }
    let Some((format, x, events)) = found else {
        sink(result(
            "answers",
            rest[0].1,
            true,
            Verdict::Fail,
            "no reply socklab could read in any of its formats",
            s.program(),
            Peer::wire(&last_events),
        ));
        skip_rest(sink, 1, "the server never answered");
        return Ok(None);
    };
    let format_name = format.to_string();
    sink(result(
        "answers",
        rest[0].1,
        true,
        Verdict::Pass,
        format!(
            "\"{}\" and {} in reply to {} ({format_name})",
            x.server_name, x.server_number, o.number
        ),
        s.program(),
        Peer::wire(&events),
    ));

    // shows: what the handout says the server displays.
    let sum = (i128::from(o.number) + i128::from(x.server_number)).to_string();
    let wanted = [
        o.name.clone(),
        o.number.to_string(),
        x.server_number.to_string(),
        sum,
    ];
    let shown = s
        .program()
        .map(|p| {
            let until = Instant::now() + SHOW_WAIT;
            while Instant::now() < until && !wanted.iter().all(|w| p.output().contains(w.as_str()))
            {
                std::thread::sleep(Duration::from_millis(30));
            }
            p.output()
        })
        .unwrap_or_default();
    let (verdict, reason) = output_shows(&shown, &wanted);
    sink(result(
        "shows",
        rest[1].1,
        true,
        verdict,
        reason,
        s.program(),
        (Vec::new(), Vec::new()),
    ));

    // second-client: the server is still there (a moment after the first reply), and answers.
    let alive = s
        .program()
        .is_some_and(|p| p.wait_exit(Duration::from_millis(300)).is_none());
    if alive {
        let (events, x2) = exchange(o, format.clone(), o.number);
        sink(result(
            "second-client",
            rest[2].1,
            true,
            if x2.is_some() {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
            if x2.is_some() {
                "a second client was answered".to_owned()
            } else {
                "a second client got no reply".to_owned()
            },
            s.program(),
            Peer::wire(&events),
        ));
    } else {
        sink(result(
            "second-client",
            rest[2].1,
            true,
            Verdict::Fail,
            "the server exited after its first client",
            s.program(),
            (Vec::new(), Vec::new()),
        ));
    }

    // split-request (TCP): the request in two pieces, 50 ms apart.
    if tcp {
        let verdict = if s.ready()? {
            let pieces = add::encode_in_pieces(&format, &o.name, o.number);
            let pieces: Vec<&[u8]> = pieces.iter().map(Vec::as_slice).collect();
            raw_tcp_exchange(o, &pieces, Duration::from_millis(50))
        } else {
            Err(s.not_back())
        };
        sink(advisory("split-request", rest[3].1, verdict, &mut s));
    } else {
        sink(result(
            "split-request",
            rest[3].1,
            false,
            Verdict::Skip,
            "UDP: a datagram arrives whole",
            None,
            (Vec::new(), Vec::new()),
        ));
    }

    // concurrent (TCP): a first client connects and stays silent; a second is answered.
    if tcp {
        let verdict = if s.ready()? {
            let silent = TcpStream::connect((o.host.as_str(), o.port)).map(Conn);
            let (events, x) = exchange(o, format.clone(), o.number);
            drop(silent);
            match x {
                Some(_) => Ok((Peer::wire(&events).0, Peer::wire(&events).1)),
                None => Err("no reply while another client stayed connected and silent".to_owned()),
            }
        } else {
            Err(s.not_back())
        };
        sink(advisory("concurrent", rest[4].1, verdict, &mut s));
    } else {
        sink(result(
            "concurrent",
            rest[4].1,
            false,
            Verdict::Skip,
            "UDP has no connection to hold",
            None,
            (Vec::new(), Vec::new()),
        ));
    }

    // garbage: a malformed request, then a normal client.
    let verdict = if s.ready()? {
        send_garbage(o, tcp);
        std::thread::sleep(Duration::from_millis(300));
        let still = s.program().is_some_and(Program::is_running);
        if still {
            let (events, x) = exchange(o, format.clone(), o.number);
            match x {
                Some(_) => Ok(Peer::wire(&events)),
                None => Err("no reply to a normal request after a malformed one".to_owned()),
            }
        } else {
            Err("the server exited on a malformed request".to_owned())
        }
    } else {
        Err(s.not_back())
    };
    sink(advisory("garbage", rest[5].1, verdict, &mut s));

    // out-of-range-stops: 150 gets no sum, the program exits and releases its port.
    if s.ready()? {
        let (events, x) = exchange(o, format.clone(), 150);
        let exited = s
            .program()
            .and_then(|p| p.wait_exit(Duration::from_secs(3)))
            .is_some();
        let released = exited && wait_released(o.port, tcp, Duration::from_secs(3));
        let (verdict, reason) = match (x, exited, released) {
            (Some(x), _, _) => (
                Verdict::Fail,
                format!(
                    "150 was answered with {} (a sum of {})",
                    x.server_number,
                    x.sum()
                ),
            ),
            (None, false, _) => (
                Verdict::Fail,
                "no reply, but the server did not exit within 3 s".into(),
            ),
            (None, true, false) => (
                Verdict::Fail,
                "it exited, but its port was not released within 3 s".into(),
            ),
            (None, true, true) => (
                Verdict::Pass,
                "no reply to 150; it exited and released its port".into(),
            ),
        };
        sink(result(
            "out-of-range-stops",
            rest[6].1,
            true,
            verdict,
            reason,
            s.program(),
            Peer::wire(&events),
        ));
    } else {
        let why = s.not_back();
        skip_rest(sink, 6, &why);
    }
    Ok(Some(format_name))
}

/// An advisory check's result from what its case found.
fn advisory(
    id: &'static str,
    title: &'static str,
    outcome: Result<(Vec<u8>, Vec<u8>), String>,
    s: &mut Subject<'_>,
) -> CheckResult {
    match outcome {
        Ok(wire) => result(
            id,
            title,
            false,
            Verdict::Pass,
            "answered",
            s.program(),
            wire,
        ),
        Err(why) => result(
            id,
            title,
            false,
            Verdict::Fail,
            why,
            s.program(),
            (Vec::new(), Vec::new()),
        ),
    }
}

/// Sends `pieces` on a fresh TCP connection, `gap` apart, and reads a reply socklab can read.
fn raw_tcp_exchange(
    o: &Options,
    pieces: &[&[u8]],
    gap: Duration,
) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut conn = Conn(TcpStream::connect((o.host.as_str(), o.port)).map_err(|e| e.to_string())?);
    let _ = conn.0.set_read_timeout(Some(Duration::from_millis(100)));
    let mut sent = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            std::thread::sleep(gap);
        }
        conn.0.write_all(piece).map_err(|e| e.to_string())?;
        sent.extend_from_slice(piece);
    }
    let until = Instant::now() + o.timeout.min(Duration::from_secs(5));
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while Instant::now() < until {
        match conn.0.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
        if matches!(parse_reply(&got, &[]), ParsedReply::Complete { .. }) {
            return Ok((sent, got));
        }
    }
    Err(format!(
        "no reply socklab could read to a request sent in {} pieces: \"{}\"",
        pieces.len(),
        crate::protocol::escape_bytes(&got)
    ))
}

fn send_garbage(o: &Options, tcp: bool) {
    let garbage = b"\xff\xfe\x00 not a request \x01\n";
    if tcp {
        if let Ok(c) = TcpStream::connect((o.host.as_str(), o.port)) {
            let mut c = Conn(c);
            let _ = c.0.write_all(garbage);
        }
    } else if let Ok(sock) = UdpSocket::bind("127.0.0.1:0") {
        let _ = sock.send_to(garbage, (o.host.as_str(), o.port));
    }
}

/// socklab's add server on the checked port (keep running on), once it listens.
fn start_server(o: &Options) -> Option<Peer> {
    let tcp = o.exercise.tcp();
    let config = ServerConfig {
        conditions: Default::default(),
        bind: SocketAddr::from(([127, 0, 0, 1], o.port)),
        max_connections: crate::net::MAX_CONNECTIONS,
        name: SERVER_NAME.into(),
        number: SERVER_NUMBER,
        stop_on_out_of_range: false,
    };
    Peer::serve("check add server", move |r, s| {
        if tcp {
            runner::run_tcp_server(config, r, s)
        } else {
            runner::run_udp_server(config, r, s)
        }
    })
    .ok()
}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<Option<String>, CheckError> {
    let tcp = o.exercise.tcp();
    let Some(mut server) = start_server(o) else {
        return Err(CheckError::Peer(
            "socklab's add server could not start".into(),
        ));
    };
    let command = expand(&o.command, o, &[]);
    let mut program = Program::start(&command, answers(o, &[], &["{name}", "{number}"]), o)?;
    let got = server.wait_for(
        o.timeout,
        |e| matches!(e, Event::Add(x) if x.role == EventRole::Server),
    );
    let request = server.events.iter().find_map(|e| match e {
        Event::Add(x) if x.role == EventRole::Server => Some(x.clone()),
        _ => None,
    });
    let wire = |events: &[Event]| {
        let (sent, received) = Peer::wire(events);
        (received, sent)
    };
    let format = request.as_ref().map(|x| x.format.clone());
    // Judged on what it sent: a name written in its code is its name, whatever was typed.
    let (sent_name, sent_number) = request.as_ref().map_or((o.name.clone(), o.number), |x| {
        (x.client_name.clone(), x.client_number)
    });
    let typed = program.typed();
    let name_note = if request.is_none() || sent_name == o.name {
        String::new()
    } else if typed.iter().any(|t| t == &o.name) {
        format!(
            " (\"{}\" was typed; it sent the name written in its code)",
            o.name
        )
    } else {
        " (its name is written in its code: it asked for none)".to_owned()
    };
    sink(result(
        "sends",
        "sends a name and a number socklab's server reads",
        true,
        if got { Verdict::Pass } else { Verdict::Fail },
        match &request {
            Some(x) => format!(
                "\"{}\" and {} ({}){name_note}",
                x.client_name, x.client_number, x.format
            ),
            None if !program.is_running() => {
                "the program ended without sending a request socklab could read".into()
            }
            None => format!(
                "no request socklab could read within {} s",
                o.timeout.as_secs()
            ),
        },
        Some(&mut program),
        wire(&server.events),
    ));
    let sum = (i128::from(sent_number) + i128::from(SERVER_NUMBER)).to_string();
    let wanted = [
        sent_name,
        SERVER_NAME.to_owned(),
        sent_number.to_string(),
        SERVER_NUMBER.to_string(),
        sum,
    ];
    if request.is_some() {
        // What it prints after the reply may come late (a client that reads the reply line by
        // line and prints the exchange at the end): as long as `exits` waits, and no longer
        // once it has exited.
        program.wait_output_all(&wanted, Duration::from_secs(5));
        let out = program.output();
        let (verdict, reason) = output_shows(&out, &wanted);
        sink(result(
            "shows",
            "shows both names, both numbers and the sum",
            true,
            verdict,
            reason,
            Some(&mut program),
            (Vec::new(), Vec::new()),
        ));
        let (verdict, reason) =
            exit_verdict(program.wait_exit(Duration::from_secs(5)), "the reply");
        sink(result(
            "exits",
            "exits with code 0 within 5 s of the reply",
            true,
            verdict,
            reason,
            Some(&mut program),
            (Vec::new(), Vec::new()),
        ));
    } else {
        for (id, title) in [
            ("shows", "shows both names, both numbers and the sum"),
            ("exits", "exits with code 0 within 5 s of the reply"),
        ] {
            sink(result(
                id,
                title,
                true,
                Verdict::Skip,
                "no request was read",
                None,
                (Vec::new(), Vec::new()),
            ));
        }
    }
    program.kill();
    drop(program);
    server.finish(Duration::from_millis(100));
    wait_released(o.port, tcp, Duration::from_secs(2));

    // reply-in-pieces (TCP): the reply in two sends, 100 ms apart.
    if tcp {
        let outcome = pieces_server(o, &command, &wanted);
        sink(match outcome {
            Ok(mut p) => result(
                "reply-in-pieces",
                "reads a reply sent in two pieces",
                false,
                Verdict::Pass,
                "it showed the sum",
                Some(&mut p),
                (Vec::new(), Vec::new()),
            ),
            Err(failed) => {
                let (why, mut p) = *failed;
                result(
                    "reply-in-pieces",
                    "reads a reply sent in two pieces",
                    false,
                    Verdict::Fail,
                    why,
                    p.as_mut(),
                    (Vec::new(), Vec::new()),
                )
            }
        });
    } else {
        sink(result(
            "reply-in-pieces",
            "reads a reply sent in two pieces",
            false,
            Verdict::Skip,
            "UDP: a datagram arrives whole",
            None,
            (Vec::new(), Vec::new()),
        ));
    }

    // out-of-range-input: 150 typed, socklab's server listening (it gives the lab's answer:
    // no reply). The program refuses 150 or sends it, and says which: a silent exit leaves
    // its user guessing.
    let mut high = o.clone();
    high.number = 150;
    let server = start_server(o);
    let mut program = Program::start(&command, answers(&high, &[], &["{name}", "{number}"]), o)?;
    let code = program.wait_exit(o.timeout);
    let out = program.output();
    let said = program.output_after("150").unwrap_or_default();
    let events = server.map(|s| s.finish(Duration::from_millis(100)));
    let sent = events.iter().flatten().any(
        |e| matches!(e, Event::Add(x) if x.role == EventRole::Server && x.client_number == 150),
    );
    wait_released(o.port, tcp, Duration::from_secs(2));
    let (verdict, reason) = match ended_cleanly(code, &out, o.timeout, "") {
        (Verdict::Pass, _) if said.trim().is_empty() => (
            Verdict::Fail,
            format!(
                "it {} and exited without a word (exit code {}): its user cannot tell what happened",
                if sent { "sent 150" } else { "sent nothing" },
                code.flatten().map_or("none".into(), |c| c.to_string())
            ),
        ),
        (Verdict::Pass, _) => (
            Verdict::Pass,
            format!(
                "{}, and said: \"{}\"",
                if sent {
                    "it sent 150 (socklab's server gave the lab's answer: no reply)"
                } else {
                    "it refused 150 without sending it"
                },
                said.trim().lines().last().unwrap_or("").trim()
            ),
        ),
        other => other,
    };
    sink(result(
        "out-of-range-input",
        "150 typed: refused or sent, and says which, without a traceback",
        false,
        verdict,
        reason,
        Some(&mut program),
        (Vec::new(), Vec::new()),
    ));
    drop(program);

    // no-server: nothing listens. A UDP client hears nothing until its own timeout (often
    // 5 s): it gets a few seconds beyond the case's.
    let mut program = Program::start(&command, answers(o, &[], &["{name}", "{number}"]), o)?;
    let patience = o.timeout + Duration::from_secs(3);
    let code = program.wait_exit(patience);
    let out = program.output();
    let (verdict, reason) = ended_cleanly(code, &out, patience, "it ended with a message");
    sink(result(
        "no-server",
        "no server: an error message, not a traceback",
        false,
        verdict,
        reason,
        Some(&mut program),
        (Vec::new(), Vec::new()),
    ));
    Ok(format)
}

/// Serves the program once, replying in the request's format in two sends 100 ms apart; Ok if
/// the program then shows the sum.
fn pieces_server(
    o: &Options,
    command: &[String],
    wanted: &[String],
) -> Result<Program, Box<(String, Option<Program>)>> {
    let listener =
        TcpListener::bind(("127.0.0.1", o.port)).map_err(|e| Box::new((e.to_string(), None)))?;
    let _ = listener.set_nonblocking(true);
    let mut program = Program::start(command, answers(o, &[], &["{name}", "{number}"]), o)
        .map_err(|e| Box::new((e.to_string(), None)))?;
    let until = Instant::now() + o.timeout;
    let Some(mut conn) = super::accept_from(&listener, &mut program, o.timeout) else {
        return Err(Box::new(("it never connected".into(), Some(program))));
    };
    let _ = conn.set_read_timeout(Some(Duration::from_millis(100)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let format = loop {
        if let Parsed::Complete { message, .. } = add::parse(&buf, &[]) {
            break Some(message.format);
        }
        if Instant::now() >= until {
            break None;
        }
        if let Ok(n) = conn.read(&mut chunk) {
            if n == 0 {
                break None;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
    };
    let Some(format) = format else {
        return Err(Box::new(("no request read".into(), Some(program))));
    };
    let reply = add::encode(&format, SERVER_NAME, SERVER_NUMBER).concat();
    let half = reply.len() / 2;
    let _ = conn.write_all(&reply[..half]);
    std::thread::sleep(Duration::from_millis(100));
    let _ = conn.write_all(&reply[half..]);
    let sum = &wanted[4];
    if program.wait_output(sum, SHOW_WAIT + Duration::from_secs(1)) {
        Ok(program)
    } else {
        Err(Box::new((
            format!("it did not show the sum {sum} after a reply in two pieces"),
            Some(program),
        )))
    }
}
