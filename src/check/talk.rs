//! Checks for echo and the textbook uppercase pair (TCP and UDP), both roles.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use super::program::{Answers, Program};
use super::report::{CheckResult, Verdict};
use super::{
    CheckError, Exercise, Options, Peer, Role, Subject, answers, exit_verdict, expand, result,
};
use crate::net::event::Event;
use crate::net::talk::{self, COOKBOOK_MESSAGE, COOKBOOK_SEGMENT_BYTES, Service};
use crate::protocol::escape_bytes;
use crate::protocol::text::{DEFAULT_STOP_WORDS, upper};

/// What socklab sends to a server, and types into a client.
const MESSAGE: &str = "hello from socklab";

fn service(e: Exercise) -> Service {
    match e {
        Exercise::TcpUpper | Exercise::UdpUpper => Service::Upper,
        _ => Service::Echo,
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
    Tcp(super::Conn),
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
            Ok(Self::Tcp(super::Conn(s)))
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

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let tcp = o.exercise.tcp();
    let echo = service(o.exercise) == Service::Echo;
    let none = || (Vec::new(), Vec::new());
    let mut s = Subject::new(o, Answers::default());
    let (listening, listens) = s.listens()?;
    sink(listens);
    let (main_id, main_title) = if echo {
        ("echoes", "sends a message back byte for byte")
    } else {
        ("upper", "replies with the sentence upper-cased")
    };
    if !listening {
        sink(result(
            main_id,
            main_title,
            true,
            Verdict::Skip,
            "the server never listened",
            None,
            none(),
        ));
        return Ok(());
    }

    // echoes / upper: one message with no newline. A TCP server that reads lines (Java's
    // readLine(), C's fgets() on the socket, Python's makefile().readline()) answers only at
    // the end of the line: when nothing came back, socklab ends the line as a line-reading
    // client does, and sends every later message as a line too.
    let message = MESSAGE.as_bytes();
    let want = expected(o.exercise, message);
    let mut lines = false;
    let outcome = Conn::open(o).map(|mut c| {
        let _ = c.send(message);
        let wait = if tcp {
            Duration::from_millis(1500)
        } else {
            Duration::from_secs(2)
        };
        let (mut got, closed) = c.receive(want.len(), wait, 4096);
        if tcp && got.is_empty() && !closed {
            let _ = c.send(b"\n");
            lines = true;
            got = c.receive(want.len(), Duration::from_secs(2), 4096).0;
            if got.len() >= want.len() && !got.ends_with(b"\n") {
                // The end of its line, if it sends one.
                got.extend(c.receive(1, Duration::from_millis(300), 4096).0);
            }
        }
        got
    });
    let got = outcome.unwrap_or_default();
    let sent = if lines {
        [message, b"\n"].concat()
    } else {
        message.to_vec()
    };
    let (answer, padding) = plain_answer(&got, lines);
    let right = answer == want.as_slice();
    let mut reason = if right && padding > 0 {
        format!(
            "\"{}\" came back as \"{}\" and {padding} NUL bytes",
            MESSAGE,
            escape_bytes(&got[..got.len() - padding])
        )
    } else if right {
        format!("\"{}\" came back as \"{}\"", MESSAGE, escape_bytes(&got))
    } else if got.is_empty() && lines {
        "nothing came back within 2 s, nor within 2 s of a newline".to_owned()
    } else if got.is_empty() {
        "nothing came back within 2 s".to_owned()
    } else {
        format!(
            "expected \"{}\", got \"{}\"",
            escape_bytes(&want),
            escape_bytes(&got)
        )
    };
    if lines && !got.is_empty() {
        reason.push_str(
            " once socklab ended its line with \"\\n\", as a line-reading client (readLine(), fgets()) sends it; every later message is sent as a line too",
        );
    }
    if right && padding > 0 {
        reason.push_str(
            ": the padding of its whole buffer, sent after the answer (correct; a client that prints the reply shows the padding too)",
        );
    }
    sink(result(
        main_id,
        main_title,
        true,
        if right { Verdict::Pass } else { Verdict::Fail },
        reason,
        s.program(),
        (sent, got),
    ));
    // Every later message in the form the server reads.
    let form = |m: &[u8]| -> Vec<u8> {
        if lines {
            [m, b"\n"].concat()
        } else {
            m.to_vec()
        }
    };
    // second-client: the same program answers the next client (a server that exits after its
    // first would pass every later case on a fresh start).
    if right {
        let alive = s
            .program()
            .is_some_and(|p| p.wait_exit(super::SETTLE).is_none());
        let again = form(b"second client");
        let want_again = expected(o.exercise, &again);
        let got_again = if alive {
            Conn::open(o)
                .map(|mut c| {
                    let _ = c.send(&again);
                    let got = c.receive(want_again.len(), Duration::from_secs(2), 4096).0;
                    plain_answer(&got, lines).0.to_vec()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let want_plain = plain_answer(&want_again, lines).0.to_vec();
        let answered = alive && got_again == want_plain;
        sink(result(
            "second-client",
            "answers a second client",
            true,
            if answered {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
            if answered {
                "a second client was answered".to_owned()
            } else if !alive {
                "the server exited after its first client".to_owned()
            } else {
                format!("a second client got \"{}\"", escape_bytes(&got_again))
            },
            s.program(),
            (again, got_again),
        ));
    } else {
        sink(result(
            "second-client",
            "answers a second client",
            true,
            Verdict::Skip,
            format!("the first client got no right answer ({main_id} failed)"),
            None,
            none(),
        ));
    }
    if !echo {
        return Ok(());
    }

    // session (TCP): three messages on one connection.
    if tcp && s.ready()? {
        let mut replies = Vec::new();
        let mut sent = Vec::new();
        let mut parts = Vec::new();
        if let Ok(mut c) = Conn::open(o) {
            for m in ["one", "two two", "three three three"] {
                let m = form(m.as_bytes());
                let _ = c.send(&m);
                sent.extend_from_slice(&m);
                parts.push(m.len());
                replies.extend(c.receive(m.len(), Duration::from_secs(2), 4096).0);
            }
        }
        let all: Vec<u8> = ["one", "two two", "three three three"]
            .iter()
            .flat_map(|m| form(m.as_bytes()))
            .collect();
        let mut checked = result(
            "session",
            "answers several messages on one connection",
            true,
            if replies == all {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
            if replies == all {
                "three messages, three echoes".to_owned()
            } else {
                format!("got \"{}\"", escape_bytes(&replies))
            },
            s.program(),
            (sent, replies),
        );
        // Three sends, each answered before the next: shown apart in the evidence.
        checked.evidence.sent_parts = parts;
        sink(checked);
    }

    // stop-word: ends that session; the server goes on.
    if s.ready()? {
        let word = DEFAULT_STOP_WORDS[0];
        let mut closed = !tcp;
        if let Ok(mut c) = Conn::open(o) {
            let _ = c.send(&form(word.as_bytes()));
            if tcp {
                let (_, eof) = c.receive(usize::MAX, Duration::from_secs(2), 4096);
                closed = eof;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
        let alive = s.program().is_some_and(Program::is_running);
        let next = alive
            && Conn::open(o)
                .map(|mut c| {
                    let m = form(b"after stop");
                    let _ = c.send(&m);
                    c.receive(m.len(), Duration::from_secs(2), 4096).0 == m
                })
                .unwrap_or(false);
        let (verdict, reason) = match (closed, alive, next) {
            (true, true, true) => (
                Verdict::Pass,
                format!("\"{word}\" ended the session; the next client was answered"),
            ),
            (false, _, _) => (
                Verdict::Fail,
                format!("\"{word}\" did not end the session within 2 s"),
            ),
            (true, false, _) => (Verdict::Fail, format!("the server exited on \"{word}\"")),
            (true, true, false) => (Verdict::Fail, "the next client was not answered".to_owned()),
        };
        sink(result(
            "stop-word",
            "a stop word ends the session; the server goes on",
            true,
            verdict,
            reason,
            s.program(),
            (form(word.as_bytes()), Vec::new()),
        ));
    }

    // cookbook: 33 bytes, no newline; TCP: read back in 16-byte receives; UDP: back whole in
    // one datagram.
    if s.ready()? {
        let m = &form(COOKBOOK_MESSAGE.as_bytes())[..];
        let (got, datagrams) = Conn::open(o)
            .map(|mut c| {
                let _ = c.send(m);
                if tcp {
                    let got = c
                        .receive(m.len(), Duration::from_secs(2), COOKBOOK_SEGMENT_BYTES)
                        .0;
                    (got, 0)
                } else {
                    c.datagrams(Duration::from_secs(2))
                }
            })
            .unwrap_or_default();
        let (title, whole) = if tcp {
            (
                "the cookbook's 33 bytes come back, read in 16-byte receives",
                got == m,
            )
        } else {
            (
                "the cookbook's 33 bytes come back whole in one datagram",
                got == m && datagrams == 1,
            )
        };
        let reason = if whole {
            if tcp {
                "33 bytes back".to_owned()
            } else {
                "33 bytes back in one datagram".to_owned()
            }
        } else if !tcp && datagrams > 1 {
            format!(
                "{datagrams} datagrams came back (\"{}\"): a reply in one recvfrom() gets only the first",
                escape_bytes(&got)
            )
        } else if got.is_empty() {
            "nothing came back within 2 s".to_owned()
        } else {
            format!("got \"{}\"", escape_bytes(&got))
        };
        sink(result(
            "cookbook",
            title,
            false,
            if whole { Verdict::Pass } else { Verdict::Fail },
            reason,
            s.program(),
            (m.to_vec(), got),
        ));
    }

    // concurrent (TCP): answered while another client stays connected and silent.
    if tcp && s.ready()? {
        let silent = Conn::open(o);
        let second = form(b"second");
        let got = Conn::open(o)
            .map(|mut c| {
                let _ = c.send(&second);
                c.receive(second.len(), Duration::from_secs(2), 4096).0
            })
            .unwrap_or_default();
        drop(silent);
        sink(result(
            "concurrent",
            "answers while another client stays silent",
            false,
            if got == second {
                Verdict::Pass
            } else {
                Verdict::Fail
            },
            if got == second {
                "answered".to_owned()
            } else {
                "no echo while another client was connected".to_owned()
            },
            s.program(),
            (second.clone(), got),
        ));
    }
    Ok(())
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

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let tcp = o.exercise.tcp();
    let svc = service(o.exercise);
    let echo = svc == Service::Echo;
    let bind: SocketAddr = ([127, 0, 0, 1], o.port).into();
    let config = talk::ServerConfig {
        conditions: Default::default(),
        bind,
        max_connections: crate::net::MAX_CONNECTIONS,
        service: svc,
        stop_words: DEFAULT_STOP_WORDS.iter().map(|w| (*w).to_owned()).collect(),
    };
    let mut server = Peer::serve("check talk server", move |r, s| {
        if tcp {
            talk::run_tcp_server(config, r, s)
        } else {
            talk::run_udp_server(config, r, s)
        }
    })?;
    let command = expand(&o.command, o, &[]);
    let typed: &[&str] = if echo { &[MESSAGE, "stop"] } else { &[MESSAGE] };
    let mut program = Program::start(&command, answers(o, typed, typed), o)?;
    let got = server.wait_for(o.timeout, |e| {
        matches!(e, Event::Received { bytes, .. } if bytes.windows(MESSAGE.len()).any(|w| w == MESSAGE.as_bytes()))
    });
    let want = String::from_utf8_lossy(&expected(o.exercise, MESSAGE.as_bytes())).into_owned();
    let shown = got && program.wait_output(&want, Duration::from_secs(2));
    let (id, title) = if echo {
        (
            "sends-and-shows",
            "sends the typed line and prints its echo",
        )
    } else {
        ("upper", "sends the sentence and prints it upper-cased")
    };
    let (r, s) = Peer::wire(&server.events);
    sink(result(
        id,
        title,
        true,
        if shown { Verdict::Pass } else { Verdict::Fail },
        match (got, shown) {
            (true, true) => format!("sent \"{MESSAGE}\", printed \"{want}\""),
            (true, false) if program.is_running() => format!(
                "sent \"{MESSAGE}\" but did not print \"{want}\": it is still waiting, e.g. for a newline the reply does not have (socklab sends back exactly the bytes it got)"
            ),
            (true, false) => format!("sent \"{MESSAGE}\" but did not print \"{want}\""),
            _ => format!(
                "socklab's server got no \"{MESSAGE}\" within {} s",
                o.timeout.as_secs()
            ),
        },
        Some(&mut program),
        (s, r),
    ));
    if echo {
        let (verdict, reason) = exit_verdict(program.wait_exit(Duration::from_secs(5)), "\"stop\"");
        sink(result(
            "stop-word",
            "\"stop\" typed: the program ends with code 0",
            true,
            verdict,
            reason,
            Some(&mut program),
            (Vec::new(), Vec::new()),
        ));
    }
    drop(program);
    server.finish(Duration::from_millis(100));
    Ok(())
}
