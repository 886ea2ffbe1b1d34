//! Checks for "add two numbers" (TCP and UDP): a student's server, or a student's client.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use super::case::{
    Conn, Peer, Subject, answers, ended_cleanly_reason, exit_verdict, output_shows, wait_released,
};
use super::error::CheckError;
use super::options::{Options, expand};
use super::program::{Answers, Program};
use super::report::{CheckResult, Reason, Verdict};
use super::spec::{Case, Check, Spec, Wire, run_table};
use crate::exercise::Role;
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

/// The checks of a student's add server, in the order they run.
const LISTENS: Spec = super::case::LISTENS;
const ANSWERS: Spec = Spec::required("answers", "title-add-answers");
const SHOWS: Spec = Spec::required("shows", "title-add-shows");
const SECOND_CLIENT: Spec = Spec::required("second-client", "title-add-second-client");
const SPLIT_REQUEST: Spec = Spec::advisory("split-request", "title-add-split-request");
const CONCURRENT: Spec = Spec::advisory("concurrent", "title-add-concurrent");
const GARBAGE: Spec = Spec::advisory("garbage", "title-add-garbage");
const OUT_OF_RANGE_STOPS: Spec =
    Spec::required("out-of-range-stops", "title-add-out-of-range-stops");

fn server_checks<'a>() -> [Check<ServerCase<'a>>; 8] {
    [
        Check::new(LISTENS, listens),
        Check::new(ANSWERS, answers_in_some_format),
        Check::new(SHOWS, server_shows),
        Check::new(SECOND_CLIENT, second_client),
        Check::new(SPLIT_REQUEST, split_request),
        Check::new(CONCURRENT, concurrent),
        Check::new(GARBAGE, garbage),
        Check::new(OUT_OF_RANGE_STOPS, out_of_range_stops),
    ]
}

/// What the checks of a server share: the program, and the format and exchange it answered.
struct ServerCase<'a> {
    o: &'a Options,
    s: Subject<'a>,
    tcp: bool,
    found: Option<(WireFormat, AddExchange)>,
    skipping: Option<Reason>,
    /// No format was answered: every later check is skipped.
    never_answered: bool,
}

impl Case for ServerCase<'_> {
    fn skip_reason(&self) -> Option<Reason> {
        if self.never_answered {
            return Some(crate::reason!("case-add-never-answered"));
        }
        self.skipping.clone()
    }
}

impl ServerCase<'_> {
    /// The format the server answered in (found by `answers`, which skips every later check
    /// when there is none).
    fn format(&self) -> Result<WireFormat, CheckError> {
        self.found
            .as_ref()
            .map(|(f, _)| f.clone())
            .ok_or_else(|| CheckError::Peer(crate::t!("case-add-no-format-yet")))
    }
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<Option<String>, CheckError> {
    let mut case = ServerCase {
        o,
        s: Subject::new(o, server_answers()),
        tcp: o.exercise.tcp(),
        found: None,
        skipping: None,
        never_answered: false,
    };
    run_table(&server_checks(), &mut case, sink)?;
    Ok(case.found.map(|(f, _)| f.to_string()))
}

/// listens: the program started and listens on the port.
fn listens(c: &mut ServerCase<'_>, _: Spec) -> Result<CheckResult, CheckError> {
    c.s.listens_or_skip_reason(&mut c.skipping)
}

/// answers: the given format, or each in turn until one is answered.
fn answers_in_some_format(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let o = c.o;
    let candidates: Vec<WireFormat> = match &o.format {
        Some(f) => vec![f.clone()],
        None => TRIED_FORMATS
            .iter()
            .filter_map(|n| WireFormat::from_name(n).ok())
            .collect(),
    };
    let mut last_events = Vec::new();
    for format in candidates {
        if !c.s.ready()? {
            break;
        }
        let (events, x) = exchange(o, format.clone(), o.number);
        match x {
            Some(x) => {
                let reason = crate::reason!(
                    "case-add-answered-in",
                    name = x.server_name.clone(),
                    number = x.server_number,
                    sent = o.number,
                    format = format.to_string(),
                );
                c.found = Some((format, x));
                return Ok(spec.result(Verdict::Pass, reason, c.s.program(), Peer::wire(&events)));
            }
            None => last_events = events,
        }
    }
    c.never_answered = true;
    Ok(spec.result(
        Verdict::Fail,
        crate::reason!("case-add-no-reply-in-any-format"),
        c.s.program(),
        Peer::wire(&last_events),
    ))
}

/// shows: what the handout says the server displays.
fn server_shows(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let o = c.o;
    let server_number = c.found.as_ref().map_or(0, |(_, x)| x.server_number);
    let sum = (i128::from(o.number) + i128::from(server_number)).to_string();
    let wanted = [
        o.name.clone(),
        o.number.to_string(),
        server_number.to_string(),
        sum,
    ];
    let shown = c
        .s
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
    Ok(spec.result(verdict, reason, c.s.program(), Wire::default()))
}

/// second-client: the server is still there (a moment after the first reply), and answers.
fn second_client(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let alive =
        c.s.program()
            .is_some_and(|p| p.wait_exit(Duration::from_millis(300)).is_none());
    if !alive {
        return Ok(spec.result(
            Verdict::Fail,
            crate::reason!("case-add-exited-after-first-client"),
            c.s.program(),
            Wire::default(),
        ));
    }
    let (events, x2) = exchange(c.o, c.format()?, c.o.number);
    let (verdict, reason) = if x2.is_some() {
        (Verdict::Pass, crate::reason!("case-add-second-answered"))
    } else {
        (Verdict::Fail, crate::reason!("case-add-second-no-reply"))
    };
    Ok(spec.result(verdict, reason, c.s.program(), Peer::wire(&events)))
}

/// split-request (TCP): the request in two pieces, 50 ms apart.
fn split_request(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.tcp {
        return Ok(spec.skip(crate::reason!("case-add-udp-whole")));
    }
    let outcome = if c.s.ready()? {
        let pieces = add::encode_in_pieces(&c.format()?, &c.o.name, c.o.number);
        let pieces: Vec<&[u8]> = pieces.iter().map(Vec::as_slice).collect();
        raw_tcp_exchange(c.o, &pieces, Duration::from_millis(50))
    } else {
        Err(c.s.not_back_reason())
    };
    Ok(answered(spec, outcome, c.s.program()))
}

/// concurrent (TCP): a first client connects and stays silent; a second is answered.
fn concurrent(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.tcp {
        return Ok(spec.skip(crate::reason!("case-add-udp-no-connection")));
    }
    let o = c.o;
    let outcome = if c.s.ready()? {
        let silent = TcpStream::connect((o.host.as_str(), o.port)).map(Conn);
        let (events, x) = exchange(o, c.format()?, o.number);
        drop(silent);
        match x {
            Some(_) => Ok(Peer::wire(&events)),
            None => Err(crate::reason!("case-add-no-reply-beside-silent")),
        }
    } else {
        Err(c.s.not_back_reason())
    };
    Ok(answered(spec, outcome, c.s.program()))
}

/// garbage: a malformed request, then a normal client.
fn garbage(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let o = c.o;
    let outcome = if c.s.ready()? {
        send_garbage(o, c.tcp);
        std::thread::sleep(Duration::from_millis(300));
        let still = c.s.program().is_some_and(Program::is_running);
        if still {
            let (events, x) = exchange(o, c.format()?, o.number);
            match x {
                Some(_) => Ok(Peer::wire(&events)),
                None => Err(crate::reason!("case-add-no-reply-after-malformed")),
            }
        } else {
            Err(crate::reason!("case-add-exited-on-malformed"))
        }
    } else {
        Err(c.s.not_back_reason())
    };
    Ok(answered(spec, outcome, c.s.program()))
}

/// out-of-range-stops: 150 gets no sum, the program exits and releases its port.
fn out_of_range_stops(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.s.ready()? {
        return Ok(spec.skip(c.s.not_back_reason()));
    }
    let (events, x) = exchange(c.o, c.format()?, 150);
    let exited =
        c.s.program()
            .and_then(|p| p.wait_exit(Duration::from_secs(3)))
            .is_some();
    let released = exited && wait_released(c.o.port, c.tcp, Duration::from_secs(3));
    let (verdict, reason) = match (x, exited, released) {
        (Some(x), _, _) => (
            Verdict::Fail,
            crate::reason!(
                "case-add-150-answered",
                number = x.server_number,
                sum = x.sum().to_string(),
            ),
        ),
        (None, false, _) => (Verdict::Fail, crate::reason!("case-add-150-not-exited")),
        (None, true, false) => (
            Verdict::Fail,
            crate::reason!("case-add-150-exited-port-kept"),
        ),
        (None, true, true) => (Verdict::Pass, crate::reason!("case-add-150-stopped")),
    };
    Ok(spec.result(verdict, reason, c.s.program(), Peer::wire(&events)))
}

/// Sends `pieces` on a fresh TCP connection, `gap` apart, and reads a reply socklab can read.
fn raw_tcp_exchange(
    o: &Options,
    pieces: &[&[u8]],
    gap: Duration,
) -> Result<(Vec<u8>, Vec<u8>), Reason> {
    let mut conn = Conn(TcpStream::connect((o.host.as_str(), o.port)).map_err(io_reason)?);
    let _ = conn.0.set_read_timeout(Some(Duration::from_millis(100)));
    let mut sent = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            std::thread::sleep(gap);
        }
        conn.0.write_all(piece).map_err(io_reason)?;
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
    Err(crate::reason!(
        "case-add-no-reply-to-pieces",
        count = pieces.len(),
        got = crate::protocol::escape_bytes(&got),
    ))
}

/// A system error (a connection refused, a write that failed) as a check's reason.
fn io_reason(e: std::io::Error) -> Reason {
    crate::reason!("case-add-io-error", error = e.to_string())
}

/// A pass ("answered", with the bytes of the exchange) or a fail with the reason.
fn answered(
    spec: Spec,
    outcome: Result<Wire, Reason>,
    program: Option<&mut Program>,
) -> CheckResult {
    match outcome {
        Ok(wire) => spec.result(
            Verdict::Pass,
            crate::reason!("case-add-answered"),
            program,
            wire,
        ),
        Err(why) => spec.result(Verdict::Fail, why, program, Wire::default()),
    }
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

/// The checks of a student's add client, in the order they run.
const SENDS: Spec = Spec::required("sends", "title-add-sends");
const CLIENT_SHOWS: Spec = Spec::required("shows", "title-add-client-shows");
const EXITS: Spec = Spec::required("exits", "title-add-exits");
const REPLY_IN_PIECES: Spec = Spec::advisory("reply-in-pieces", "title-add-reply-in-pieces");
const OUT_OF_RANGE_INPUT: Spec =
    Spec::advisory("out-of-range-input", "title-add-out-of-range-input");
const NO_SERVER: Spec = Spec::advisory("no-server", "title-add-no-server");

fn client_checks<'a>() -> [Check<ClientCase<'a>>; 6] {
    [
        Check::new(SENDS, sends),
        Check::new(CLIENT_SHOWS, client_shows),
        Check::new(EXITS, exits),
        Check::new(REPLY_IN_PIECES, reply_in_pieces),
        Check::new(OUT_OF_RANGE_INPUT, out_of_range_input),
        Check::new(NO_SERVER, no_server),
    ]
}

/// What the checks of a client share: its command, and its first run against socklab's
/// server (`sends`, `shows` and `exits` judge the same run).
struct ClientCase<'a> {
    o: &'a Options,
    tcp: bool,
    command: Vec<String>,
    first: Option<(Peer, Program)>,
    /// The request socklab's server read in the first run.
    request: Option<AddExchange>,
    /// What the program should show: both names, both numbers and the sum.
    wanted: Vec<String>,
}

impl Case for ClientCase<'_> {}

impl ClientCase<'_> {
    /// Ends the first run: the program is killed, socklab's server stopped, its port let go.
    fn end_first_run(&mut self) {
        if let Some((server, mut program)) = self.first.take() {
            program.kill();
            drop(program);
            server.finish(Duration::from_millis(100));
            wait_released(self.o.port, self.tcp, Duration::from_secs(2));
        }
    }

    fn start(&self, o: &Options) -> Result<Program, CheckError> {
        Ok(Program::start(
            &self.command,
            answers(o, &[], &["{name}", "{number}"]),
            self.o,
        )?)
    }
}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<Option<String>, CheckError> {
    let mut case = ClientCase {
        o,
        tcp: o.exercise.tcp(),
        command: expand(&o.command, o, &[]),
        first: None,
        request: None,
        wanted: Vec::new(),
    };
    let ran = run_table(&client_checks(), &mut case, sink);
    case.end_first_run();
    ran?;
    Ok(case.request.map(|x| x.format))
}

/// sends: the program, against socklab's server, sends a request the server reads.
fn sends(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let o = c.o;
    let Some(mut server) = start_server(o) else {
        return Err(CheckError::Peer(crate::t!("case-add-own-server-failed")));
    };
    let mut program = c.start(o)?;
    let got = server.wait_for(
        o.timeout,
        |e| matches!(e, Event::Add(x) if x.role == EventRole::Server),
    );
    let request = server.events.iter().find_map(|e| match e {
        Event::Add(x) if x.role == EventRole::Server => Some(x.clone()),
        _ => None,
    });
    // Judged on what it sent: a name written in its code is its name, whatever was typed.
    let (sent_name, sent_number) = request.as_ref().map_or((o.name.clone(), o.number), |x| {
        (x.client_name.clone(), x.client_number)
    });
    let reason = match &request {
        Some(x) => {
            let args = (x.client_name.clone(), x.client_number, x.format.clone());
            match name_note(o, &sent_name, &program.typed()) {
                NameNote::Typed => crate::reason!(
                    "case-add-sent-own-name",
                    name = args.0,
                    number = args.1,
                    format = args.2,
                    typed = o.name.clone(),
                ),
                NameNote::NoneAsked => crate::reason!(
                    "case-add-sent-name-in-code",
                    name = args.0,
                    number = args.1,
                    format = args.2,
                ),
                NameNote::Same => crate::reason!(
                    "case-add-sent",
                    name = args.0,
                    number = args.1,
                    format = args.2,
                ),
            }
        }
        None if !program.is_running() => crate::reason!("case-add-ended-without-request"),
        None => crate::reason!("case-add-no-request", seconds = o.timeout.as_secs()),
    };
    let (sent, received) = Peer::wire(&server.events);
    let result = spec.result(
        if got { Verdict::Pass } else { Verdict::Fail },
        reason,
        Some(&mut program),
        (received, sent),
    );
    let sum = (i128::from(sent_number) + i128::from(SERVER_NUMBER)).to_string();
    c.wanted = vec![
        sent_name,
        SERVER_NAME.to_owned(),
        sent_number.to_string(),
        SERVER_NUMBER.to_string(),
        sum,
    ];
    c.request = request;
    c.first = Some((server, program));
    Ok(result)
}

/// Whose name a client sent, for the `sends` reason.
enum NameNote {
    /// The name typed.
    Same,
    /// The name written in its code, though a name was typed.
    Typed,
    /// The name written in its code; it asked for none.
    NoneAsked,
}

/// Whose name the client sent: the one typed, or one written in its code.
fn name_note(o: &Options, sent_name: &str, typed: &[String]) -> NameNote {
    if sent_name == o.name {
        NameNote::Same
    } else if typed.iter().any(|t| t == &o.name) {
        NameNote::Typed
    } else {
        NameNote::NoneAsked
    }
}

/// shows: both names, both numbers and the sum in the first run's output.
fn client_shows(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let Some((_, program)) = c.first.as_mut().filter(|_| c.request.is_some()) else {
        return Ok(spec.skip(crate::reason!("case-add-no-request-read")));
    };
    // What it prints after the reply may come late (a client that reads the reply line by
    // line and prints the exchange at the end): as long as `exits` waits, and no longer
    // once it has exited.
    program.wait_output_all(&c.wanted, Duration::from_secs(5));
    let out = program.output();
    let (verdict, reason) = output_shows(&out, &c.wanted);
    Ok(spec.result(verdict, reason, Some(program), Wire::default()))
}

/// exits: the first run ends with code 0 within 5 s of the reply.
fn exits(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let Some((_, program)) = c.first.as_mut().filter(|_| c.request.is_some()) else {
        c.end_first_run();
        return Ok(spec.skip(crate::reason!("case-add-no-request-read")));
    };
    let after = crate::t!("case-add-after-reply");
    let (verdict, reason) = exit_verdict(program.wait_exit(Duration::from_secs(5)), &after);
    let result = spec.result(verdict, reason, Some(program), Wire::default());
    c.end_first_run();
    Ok(result)
}

/// reply-in-pieces (TCP): the reply in two sends, 100 ms apart.
fn reply_in_pieces(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    c.end_first_run();
    if !c.tcp {
        return Ok(spec.skip(crate::reason!("case-add-udp-whole")));
    }
    Ok(match pieces_server(c.o, &c.command, &c.wanted) {
        Ok(mut p) => spec.result(
            Verdict::Pass,
            crate::reason!("case-add-showed-sum"),
            Some(&mut p),
            Wire::default(),
        ),
        Err(failed) => {
            let (why, mut p) = *failed;
            spec.result(Verdict::Fail, why, p.as_mut(), Wire::default())
        }
    })
}

/// out-of-range-input: 150 typed, socklab's server listening (it gives the lab's answer: no
/// reply). The program refuses 150 or sends it, and says which: a silent exit leaves its user
/// guessing.
fn out_of_range_input(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let o = c.o;
    let mut high = o.clone();
    high.number = 150;
    let server = start_server(o);
    let mut program = c.start(&high)?;
    let code = program.wait_exit(o.timeout);
    let out = program.output();
    let said = program.output_after("150").unwrap_or_default();
    let events = server.map(|s| s.finish(Duration::from_millis(100)));
    let sent = events.iter().flatten().any(
        |e| matches!(e, Event::Add(x) if x.role == EventRole::Server && x.client_number == 150),
    );
    wait_released(o.port, c.tcp, Duration::from_secs(2));
    let exit = code
        .flatten()
        .map_or_else(|| crate::t!("case-add-exit-none"), |c| c.to_string());
    let last = said.trim().lines().last().unwrap_or("").trim().to_owned();
    let (verdict, reason): (Verdict, Reason) =
        match ended_cleanly_reason(code, &out, o.timeout, Reason::from("")) {
            (Verdict::Pass, _) if said.trim().is_empty() && sent => (
                Verdict::Fail,
                crate::reason!("case-add-150-sent-exited-silently", code = exit),
            ),
            (Verdict::Pass, _) if said.trim().is_empty() => (
                Verdict::Fail,
                crate::reason!("case-add-150-nothing-exited-silently", code = exit),
            ),
            (Verdict::Pass, _) if sent => (
                Verdict::Pass,
                crate::reason!("case-add-150-sent-said", said = last),
            ),
            (Verdict::Pass, _) => (
                Verdict::Pass,
                crate::reason!("case-add-150-refused-said", said = last),
            ),
            (verdict, reason) => (verdict, reason),
        };
    Ok(spec.result(verdict, reason, Some(&mut program), Wire::default()))
}

/// no-server: nothing listens. A UDP client hears nothing until its own timeout (often 5 s):
/// it gets a few seconds beyond the case's.
fn no_server(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let mut program = c.start(c.o)?;
    let patience = c.o.timeout + Duration::from_secs(3);
    let code = program.wait_exit(patience);
    let out = program.output();
    let (verdict, reason): (Verdict, Reason) =
        match ended_cleanly_reason(code, &out, patience, Reason::from("")) {
            // How it ended, when it ended well, is said here.
            (Verdict::Pass, _) => (Verdict::Pass, crate::reason!("case-add-ended-with-message")),
            (verdict, reason) => (verdict, reason),
        };
    Ok(spec.result(verdict, reason, Some(&mut program), Wire::default()))
}

/// Serves the program once, replying in the request's format in two sends 100 ms apart; Ok if
/// the program then shows the sum.
fn pieces_server(
    o: &Options,
    command: &[String],
    wanted: &[String],
) -> Result<Program, Box<(Reason, Option<Program>)>> {
    let listener =
        TcpListener::bind(("127.0.0.1", o.port)).map_err(|e| Box::new((io_reason(e), None)))?;
    let _ = listener.set_nonblocking(true);
    let mut program = Program::start(command, answers(o, &[], &["{name}", "{number}"]), o)
        .map_err(|e| Box::new((e.reason(), None)))?;
    let until = Instant::now() + o.timeout;
    let Some(mut conn) = super::case::accept_from(&listener, &mut program, o.timeout) else {
        return Err(Box::new((
            crate::reason!("case-add-never-connected"),
            Some(program),
        )));
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
        return Err(Box::new((
            crate::reason!("case-add-no-request-read-short"),
            Some(program),
        )));
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
            crate::reason!("case-add-sum-not-shown", sum = sum.clone()),
            Some(program),
        )))
    }
}
