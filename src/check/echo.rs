//! Checks for echo and the textbook uppercase pair (TCP and UDP), both roles.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use super::case::{Peer, Subject, answers, exit_verdict};
use super::error::CheckError;
use super::options::{Options, expand};
use super::program::{Answers, Program};
use super::report::{CheckResult, Reason, Verdict};
use super::spec::{Case, Check, Spec, run_table};
use crate::exercise::{Exercise, Role};
use crate::net::echo::{self, COOKBOOK_MESSAGE, COOKBOOK_SEGMENT_BYTES, Service};
use crate::net::event::Event;
use crate::protocol::escape_bytes;
use crate::protocol::text::{DEFAULT_STOP_WORDS, upper};
use crate::reason;

/// What socklab sends to a server, and types into a client.
const MESSAGE: &str = "hello from socklab";

fn service(e: Exercise) -> Service {
    if matches!(e, Exercise::TcpUpper | Exercise::UdpUpper) {
        Service::Upper
    } else {
        Service::Echo
    }
}

/// The reply a correct server gives to `message`.
fn expected(e: Exercise, message: &[u8]) -> Vec<u8> {
    match service(e) {
        Service::Echo => message.to_vec(),
        Service::Upper => upper(message),
    }
}

pub fn run(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    match o.role {
        Role::Server => server(o, sink),
        Role::Client => client(o, sink),
    }
}

/// A connection or datagram socket to the server under test.
enum Conn {
    Tcp(super::case::Conn),
    Udp(UdpSocket, SocketAddr),
}

impl Conn {
    fn open(o: &Options) -> std::io::Result<Self> {
        let addr: SocketAddr = format!("{}:{}", o.host, o.port)
            .parse()
            .map_err(|e| std::io::Error::other(format!("{e}")))?;
        if o.exercise.tcp() {
            let s = TcpStream::connect_timeout(&addr, Duration::from_secs(3))?;
            s.set_read_timeout(Some(Duration::from_millis(100)))?;
            Ok(Self::Tcp(super::case::Conn(s)))
        } else {
            let s = UdpSocket::bind("127.0.0.1:0")?;
            s.set_read_timeout(Some(Duration::from_millis(100)))?;
            Ok(Self::Udp(s, addr))
        }
    }

    fn send(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Self::Tcp(s) => s.0.write_all(bytes),
            Self::Udp(s, to) => s.send_to(bytes, *to).map(|_| ()),
        }
    }

    /// Reads until `want` bytes came, the peer closed, or `wait` passed; reads of at most
    /// `piece` bytes each (the cookbook's 16).
    fn receive(&mut self, want: usize, wait: Duration, piece: usize) -> (Vec<u8>, bool) {
        let until = Instant::now() + wait;
        let mut got = Vec::new();
        // A datagram is read whole, whatever the piece size.
        let size = if matches!(self, Self::Udp(..)) {
            65_536
        } else {
            piece.max(1)
        };
        let mut buf = vec![0u8; size];
        while got.len() < want && Instant::now() < until {
            let r = match self {
                Self::Tcp(s) => s.0.read(&mut buf),
                Self::Udp(s, _) => s.recv(&mut buf),
            };
            match r {
                Ok(0) if matches!(self, Self::Tcp(_)) => return (got, true),
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(_) => {}
            }
        }
        (got, false)
    }
}

impl Conn {
    /// UDP: every datagram that comes within `wait` (the last one followed by 300 ms of
    /// silence), joined, and how many there were.
    fn datagrams(&mut self, wait: Duration) -> (Vec<u8>, usize) {
        let Self::Udp(s, _) = self else {
            return (Vec::new(), 0);
        };
        let until = Instant::now() + wait;
        let mut got = Vec::new();
        let mut count = 0;
        let mut buf = vec![0u8; 65_536];
        let mut quiet_since = Instant::now();
        while Instant::now() < until {
            match s.recv(&mut buf) {
                Ok(n) => {
                    got.extend_from_slice(&buf[..n]);
                    count += 1;
                    quiet_since = Instant::now();
                }
                Err(_) if count > 0 && quiet_since.elapsed() >= Duration::from_millis(300) => {
                    break;
                }
                Err(_) => {}
            }
        }
        (got, count)
    }
}

/// The checks of a student's echo or uppercase server.
const ECHOES: Spec = Spec::required("echoes", "title-echo-echoes");
const UPPER: Spec = Spec::required("upper", "title-echo-upper");
const SECOND_CLIENT: Spec = Spec::required("second-client", "title-echo-second-client");
const SESSION: Spec = Spec::required("session", "title-echo-session");
const STOP_WORD: Spec = Spec::required("stop-word", "title-echo-stop-word");
const COOKBOOK_TCP: Spec = Spec::advisory("cookbook", "title-echo-cookbook-tcp");
const COOKBOOK_UDP: Spec = Spec::advisory("cookbook", "title-echo-cookbook-udp");
const CONCURRENT: Spec = Spec::advisory("concurrent", "title-echo-concurrent");

/// The checks of a server of `exercise`, in the order they run: an uppercase server answers
/// one sentence per client; an echo server also holds a session (TCP) and ends it on a stop
/// word.
fn server_checks<'a>(exercise: Exercise) -> Vec<Check<ServerCase<'a>>> {
    let tcp = exercise.tcp();
    let mut table = vec![Check::new(super::case::LISTENS, listens)];
    if service(exercise) == Service::Upper {
        table.push(Check::new(UPPER, first_answer));
        table.push(Check::new(SECOND_CLIENT, second_client));
        return table;
    }
    table.push(Check::new(ECHOES, first_answer));
    table.push(Check::new(SECOND_CLIENT, second_client));
    if tcp {
        table.push(Check::new(SESSION, session));
    }
    table.push(Check::new(STOP_WORD, stop_word));
    table.push(Check::new(
        if tcp { COOKBOOK_TCP } else { COOKBOOK_UDP },
        cookbook,
    ));
    if tcp {
        table.push(Check::new(CONCURRENT, concurrent));
    }
    table
}

/// What the checks of a server share.
struct ServerCase<'a> {
    o: &'a Options,
    s: Subject<'a>,
    tcp: bool,
    /// The server reads lines: every message after the first is sent as a line.
    lines: bool,
    /// The first message got the right answer.
    right: bool,
    skipping: Option<Reason>,
}

impl Case for ServerCase<'_> {
    fn skip_reason(&self) -> Option<Reason> {
        self.skipping.clone()
    }
}

impl ServerCase<'_> {
    /// `m` in the form the server reads.
    fn form(&self, m: &[u8]) -> Vec<u8> {
        if self.lines {
            [m, b"\n"].concat()
        } else {
            m.to_vec()
        }
    }
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let mut case = ServerCase {
        o,
        s: Subject::new(o, Answers::default()),
        tcp: o.exercise.tcp(),
        lines: false,
        right: false,
        skipping: None,
    };
    run_table(&server_checks(o.exercise), &mut case, sink)
}

/// listens: the program started and listens on the port.
fn listens(c: &mut ServerCase<'_>, _: Spec) -> Result<CheckResult, CheckError> {
    c.s.listens_or_skip_reason(&mut c.skipping)
}

/// echoes / upper: one message with no newline. A TCP server that reads lines (Java's
/// readLine(), C's fgets() on the socket, Python's makefile().readline()) answers only at the
/// end of the line: when nothing came back, socklab ends the line as a line-reading client
/// does, and sends every later message as a line too.
fn first_answer(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let message = MESSAGE.as_bytes();
    let want = expected(c.o.exercise, message);
    let (got, lines) = Conn::open(c.o)
        .map(|mut conn| first_exchange(&mut conn, message, want.len(), c.tcp))
        .unwrap_or_default();
    c.lines = lines;
    let sent = c.form(message);
    let (answer, padding) = plain_answer(&got, lines);
    c.right = answer == want.as_slice();
    let reason = first_reason(&got, &want, c.right, padding, lines);
    let verdict = if c.right {
        Verdict::Pass
    } else {
        Verdict::Fail
    };
    Ok(spec.result(verdict, reason, c.s.program(), (sent, got)))
}

/// Sends `message` and reads the answer; when a TCP server answers nothing and keeps the
/// connection, ends the line and reads again. The answer, and whether the line was ended.
fn first_exchange(conn: &mut Conn, message: &[u8], want: usize, tcp: bool) -> (Vec<u8>, bool) {
    let _ = conn.send(message);
    let wait = if tcp {
        Duration::from_millis(1500)
    } else {
        Duration::from_secs(2)
    };
    let (got, closed) = conn.receive(want, wait, 4096);
    if !tcp || !got.is_empty() || closed {
        return (got, false);
    }
    let _ = conn.send(b"\n");
    let mut got = conn.receive(want, Duration::from_secs(2), 4096).0;
    if got.len() >= want && !got.ends_with(b"\n") {
        // The end of its line, if it sends one.
        got.extend(conn.receive(1, Duration::from_millis(300), 4096).0);
    }
    (got, true)
}

/// The reason of the first answer's verdict: what came back, and whether only once the line
/// was ended (`lines`), and whether with NUL padding after it.
fn first_reason(got: &[u8], want: &[u8], right: bool, padding: usize, lines: bool) -> Reason {
    let line = lines && !got.is_empty();
    if right && padding > 0 {
        let back = escape_bytes(&got[..got.len() - padding]);
        let nuls = padding as u64;
        if line {
            reason!(
                "check-echo-came-back-padded-line",
                message = MESSAGE,
                got = back,
                count = nuls
            )
        } else {
            reason!(
                "check-echo-came-back-padded",
                message = MESSAGE,
                got = back,
                count = nuls
            )
        }
    } else if right {
        let back = escape_bytes(got);
        if line {
            reason!("check-echo-came-back-line", message = MESSAGE, got = back)
        } else {
            reason!("check-echo-came-back", message = MESSAGE, got = back)
        }
    } else if got.is_empty() && lines {
        reason!("check-echo-nothing-back-newline")
    } else if got.is_empty() {
        reason!("check-echo-nothing-back")
    } else if line {
        reason!(
            "check-echo-expected-line",
            expected = escape_bytes(want),
            got = escape_bytes(got)
        )
    } else {
        reason!(
            "check-echo-expected",
            expected = escape_bytes(want),
            got = escape_bytes(got)
        )
    }
}

/// second-client: the same program answers the next client (a server that exits after its
/// first would pass every later case on a fresh start).
fn second_client(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.right {
        let main = if service(c.o.exercise) == Service::Echo {
            ECHOES.id
        } else {
            UPPER.id
        };
        return Ok(spec.skip(reason!("check-echo-first-client-wrong", check = main)));
    }
    let alive =
        c.s.program()
            .is_some_and(|p| p.wait_exit(super::case::SETTLE).is_none());
    let again = c.form(b"second client");
    let want_again = expected(c.o.exercise, &again);
    let got_again = if alive {
        Conn::open(c.o)
            .map(|mut conn| {
                let _ = conn.send(&again);
                let got = conn
                    .receive(want_again.len(), Duration::from_secs(2), 4096)
                    .0;
                plain_answer(&got, c.lines).0.to_vec()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let want_plain = plain_answer(&want_again, c.lines).0.to_vec();
    let answered = alive && got_again == want_plain;
    let (verdict, reason) = if answered {
        (Verdict::Pass, reason!("check-echo-second-client-answered"))
    } else if !alive {
        (
            Verdict::Fail,
            reason!("check-echo-exited-after-first-client"),
        )
    } else {
        (
            Verdict::Fail,
            reason!(
                "check-echo-second-client-got",
                got = escape_bytes(&got_again)
            ),
        )
    };
    Ok(spec.result(verdict, reason, c.s.program(), (again, got_again)))
}

/// session (TCP): three messages on one connection.
fn session(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.s.ready()? {
        return Ok(spec.skip(c.s.not_back_reason()));
    }
    let messages = ["one", "two two", "three three three"];
    let mut replies = Vec::new();
    let mut sent = Vec::new();
    let mut parts = Vec::new();
    if let Ok(mut conn) = Conn::open(c.o) {
        for m in messages {
            let m = c.form(m.as_bytes());
            let _ = conn.send(&m);
            sent.extend_from_slice(&m);
            parts.push(m.len());
            replies.extend(conn.receive(m.len(), Duration::from_secs(2), 4096).0);
        }
    }
    let all: Vec<u8> = messages.iter().flat_map(|m| c.form(m.as_bytes())).collect();
    let (verdict, reason) = if replies == all {
        (Verdict::Pass, reason!("check-echo-session-echoed"))
    } else {
        (
            Verdict::Fail,
            reason!("check-echo-got", got = escape_bytes(&replies)),
        )
    };
    let mut checked = spec.result(verdict, reason, c.s.program(), (sent, replies));
    // Three sends, each answered before the next: shown apart in the evidence.
    checked.evidence.sent_parts = parts;
    Ok(checked)
}

/// stop-word: ends that session; the server goes on.
fn stop_word(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.s.ready()? {
        return Ok(spec.skip(c.s.not_back_reason()));
    }
    let word = DEFAULT_STOP_WORDS[0];
    let mut closed = !c.tcp;
    if let Ok(mut conn) = Conn::open(c.o) {
        let _ = conn.send(&c.form(word.as_bytes()));
        if c.tcp {
            let (_, eof) = conn.receive(usize::MAX, Duration::from_secs(2), 4096);
            closed = eof;
        }
    }
    std::thread::sleep(Duration::from_millis(200));
    let alive = c.s.program().is_some_and(Program::is_running);
    let next = alive
        && Conn::open(c.o)
            .map(|mut conn| {
                let m = c.form(b"after stop");
                let _ = conn.send(&m);
                conn.receive(m.len(), Duration::from_secs(2), 4096).0 == m
            })
            .unwrap_or(false);
    let (verdict, reason) = match (closed, alive, next) {
        (true, true, true) => (
            Verdict::Pass,
            reason!("check-echo-stop-word-ended", word = word),
        ),
        (false, _, _) => (
            Verdict::Fail,
            reason!("check-echo-stop-word-not-ended", word = word),
        ),
        (true, false, _) => (
            Verdict::Fail,
            reason!("check-echo-exited-on-stop-word", word = word),
        ),
        (true, true, false) => (Verdict::Fail, reason!("check-echo-next-not-answered")),
    };
    let sent = c.form(word.as_bytes());
    Ok(spec.result(verdict, reason, c.s.program(), (sent, Vec::new())))
}

/// cookbook: 33 bytes, no newline; TCP: read back in 16-byte receives; UDP: back whole in one
/// datagram.
fn cookbook(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.s.ready()? {
        return Ok(spec.skip(c.s.not_back_reason()));
    }
    let tcp = c.tcp;
    let m = c.form(COOKBOOK_MESSAGE.as_bytes());
    let (got, datagrams) = Conn::open(c.o)
        .map(|mut conn| {
            let _ = conn.send(&m);
            if tcp {
                let got = conn
                    .receive(m.len(), Duration::from_secs(2), COOKBOOK_SEGMENT_BYTES)
                    .0;
                (got, 0)
            } else {
                conn.datagrams(Duration::from_secs(2))
            }
        })
        .unwrap_or_default();
    let whole = got == m && (tcp || datagrams == 1);
    let reason = if whole {
        if tcp {
            reason!("check-echo-cookbook-back")
        } else {
            reason!("check-echo-cookbook-back-datagram")
        }
    } else if !tcp && datagrams > 1 {
        reason!(
            "check-echo-cookbook-datagrams",
            count = datagrams as u64,
            got = escape_bytes(&got)
        )
    } else if got.is_empty() {
        reason!("check-echo-nothing-back")
    } else {
        reason!("check-echo-got", got = escape_bytes(&got))
    };
    let verdict = if whole { Verdict::Pass } else { Verdict::Fail };
    Ok(spec.result(verdict, reason, c.s.program(), (m, got)))
}

/// concurrent (TCP): answered while another client stays connected and silent.
fn concurrent(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.s.ready()? {
        return Ok(spec.skip(c.s.not_back_reason()));
    }
    let silent = Conn::open(c.o);
    let second = c.form(b"second");
    let got = Conn::open(c.o)
        .map(|mut conn| {
            let _ = conn.send(&second);
            conn.receive(second.len(), Duration::from_secs(2), 4096).0
        })
        .unwrap_or_default();
    drop(silent);
    let (verdict, reason) = if got == second {
        (Verdict::Pass, reason!("check-answered"))
    } else {
        (Verdict::Fail, reason!("check-echo-no-echo-while-connected"))
    };
    Ok(spec.result(verdict, reason, c.s.program(), (second, got)))
}

/// The answer in a server's reply, and how many NUL bytes of padding followed it: a reply to a
/// line may end its line ("\n" or "\r\n"); a reply may carry its whole NUL-padded buffer
/// (the textbook's UDP server sends all 1024 bytes).
fn plain_answer(reply: &[u8], line: bool) -> (&[u8], usize) {
    let unpadded = reply.len() - reply.iter().rev().take_while(|b| **b == 0).count();
    let padding = reply.len() - unpadded;
    let mut answer = &reply[..unpadded];
    if line {
        answer = answer.strip_suffix(b"\n").unwrap_or(answer);
        answer = answer.strip_suffix(b"\r").unwrap_or(answer);
    }
    (answer, padding)
}

/// The checks of a student's echo or uppercase client.
const SENDS_AND_SHOWS: Spec = Spec::required("sends-and-shows", "title-echo-sends-and-shows");
const CLIENT_UPPER: Spec = Spec::required("upper", "title-echo-client-upper");
const CLIENT_STOP_WORD: Spec = Spec::required("stop-word", "title-echo-client-stop-word");

/// The checks of a client of `exercise`: an echo client also ends on "stop".
fn client_checks<'a>(exercise: Exercise) -> Vec<Check<ClientCase<'a>>> {
    if service(exercise) == Service::Upper {
        vec![Check::new(CLIENT_UPPER, sends_and_shows)]
    } else {
        vec![
            Check::new(SENDS_AND_SHOWS, sends_and_shows),
            Check::new(CLIENT_STOP_WORD, client_stop_word),
        ]
    }
}

/// What the checks of a client share: socklab's server and the program's one run.
struct ClientCase<'a> {
    o: &'a Options,
    server: Peer,
    program: Program,
}

impl Case for ClientCase<'_> {}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let tcp = o.exercise.tcp();
    let svc = service(o.exercise);
    let bind: SocketAddr = ([127, 0, 0, 1], o.port).into();
    let config = echo::ServerConfig {
        conditions: Default::default(),
        bind,
        max_connections: crate::net::MAX_CONNECTIONS,
        service: svc,
        stop_words: DEFAULT_STOP_WORDS.iter().map(|w| (*w).to_owned()).collect(),
    };
    let server = Peer::serve("check echo server", move |r, s| {
        if tcp {
            echo::run_tcp_server(config, r, s)
        } else {
            echo::run_udp_server(config, r, s)
        }
    })?;
    let command = expand(&o.command, o, &[]);
    let typed: &[&str] = if svc == Service::Echo {
        &[MESSAGE, "stop"]
    } else {
        &[MESSAGE]
    };
    let program = Program::start(&command, answers(o, typed, typed), o)?;
    let mut case = ClientCase { o, server, program };
    let ran = run_table(&client_checks(o.exercise), &mut case, sink);
    let ClientCase {
        server, program, ..
    } = case;
    drop(program);
    server.finish(Duration::from_millis(100));
    ran
}

/// sends-and-shows / upper: socklab's server gets the typed line, and the program prints the
/// reply.
fn sends_and_shows(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let got = c.server.wait_for(c.o.timeout, |e| {
        matches!(e, Event::Received { bytes, .. } if bytes.windows(MESSAGE.len()).any(|w| w == MESSAGE.as_bytes()))
    });
    let want = String::from_utf8_lossy(&expected(c.o.exercise, MESSAGE.as_bytes())).into_owned();
    let program = &mut c.program;
    let shown = got && program.wait_output(&want, Duration::from_secs(2));
    let reason = match (got, shown) {
        (true, true) => reason!(
            "check-echo-sent-printed",
            message = MESSAGE,
            want = want.as_str()
        ),
        (true, false) if program.is_running() => reason!(
            "check-echo-sent-still-waiting",
            message = MESSAGE,
            want = want.as_str()
        ),
        (true, false) => reason!(
            "check-echo-sent-not-printed",
            message = MESSAGE,
            want = want.as_str()
        ),
        _ => reason!(
            "check-echo-server-got-nothing",
            message = MESSAGE,
            seconds = c.o.timeout.as_secs()
        ),
    };
    let (received, sent) = Peer::wire(&c.server.events);
    let verdict = if shown { Verdict::Pass } else { Verdict::Fail };
    Ok(spec.result(verdict, reason, Some(program), (sent, received)))
}

/// stop-word: "stop" typed, the program ends with code 0.
fn client_stop_word(c: &mut ClientCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let verdict = exit_verdict(
        c.program.wait_exit(Duration::from_secs(5)),
        &crate::t!("check-echo-after-stop"),
    );
    Ok(spec.judged(verdict, Some(&mut c.program)))
}
