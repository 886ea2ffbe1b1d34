//! "Add two numbers" over TCP and UDP: both roles.
//!
//! The server learns the wire shape from each request and replies in that shape with its own
//! name and number; an out-of-range number stops it (the lab rule) unless told to keep running.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::event::{AddExchange, Event, Role, Summary};
use super::runner::{Reporter, StopFlag};
use super::{CONNECTION_IDLE_TIMEOUT, MAX_DATAGRAM_BYTES, POLL_INTERVAL, is_timeout};
use crate::error::{Error, Result};
use crate::protocol::add::{
    self, MAX_REQUEST_BYTES, Message, NUMBER_MAX, NUMBER_MIN, Parsed, WireFormat,
};
use crate::protocol::escape_bytes;
use crate::protocol::reply::{self, ParsedReply, Reply};

/// How long a request with no end marker (`name,42` with no newline) may still grow before the
/// server acts on it. Student clients send a request in one `send()`, so this is only a guard
/// against a request split across reads.
pub const SETTLE_TIME: Duration = Duration::from_millis(40);

/// How long a server waits for the rest of a started request (a name whose number is still to
/// come, half a JSON object) before it gives up on it.
pub const PARTIAL_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a request that cannot be read yet may still grow before the server calls it
/// unreadable and closes: a client may send its name line and its number line in two writes
/// (`Ana\n`, then `37\n`), and a server that takes the first the moment it comes must not
/// judge it alone; a busy machine may put the second write off by many milliseconds.
pub const UNREADABLE_SETTLE: Duration = Duration::from_secs(1);

/// Pause between the two messages of the `split` format, so that they arrive in two `recv()`s.
pub const SPLIT_GAP: Duration = Duration::from_millis(50);

/// Most UDP peers whose half-received split request a server remembers at once.
pub const MAX_PENDING_PEERS: usize = 1024;

/// What an add server needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// TCP: most connections served at once; more are refused with a log line.
    pub max_connections: usize,
    pub name: String,
    pub number: i64,
    /// The lab rule: stop the server when a client sends a number outside 1..=100.
    pub stop_on_out_of_range: bool,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

/// What an add client needs.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// `host:port`.
    pub server: String,
    pub name: String,
    pub number: i64,
    pub format: WireFormat,
    pub timeout: Duration,
    /// TCP: end the connection with [`super::close_without_time_wait`], so that a checked
    /// student server can bind its port again at once.
    pub reset_on_close: bool,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

/// Shared between a TCP server's connection threads.
struct Shared {
    config: ServerConfig,
    stop: StopFlag,
    /// Why the server stopped itself, when it did.
    stopped_because: Mutex<Option<String>>,
}

impl Shared {
    fn stop_for(&self, reason: String) {
        if let Ok(mut slot) = self.stopped_because.lock() {
            slot.get_or_insert(reason);
        }
        self.stop.stop();
    }

    fn summary(&self, served: usize) -> Summary {
        let reason = self.stopped_because.lock().ok().and_then(|r| r.clone());
        Summary::new(match reason {
            Some(reason) => crate::t!(
                "net-server-stopped-because-served",
                reason = reason,
                requests = super::counted("net-n-requests", served as u64)
            ),
            None => crate::t!(
                "net-server-stopped-served",
                requests = super::counted("net-n-requests", served as u64)
            ),
        })
    }
}

/// What a server does with one decoded request.
enum Decision {
    Reply(Vec<Vec<u8>>),
    /// Out of range under the lab rule: no reply, close, stop the server.
    Shutdown(String),
    /// Out of range with "keep running" on: the lab's answer (no reply; over TCP that
    /// connection closed), and the server goes on.
    Refuse(String),
}

fn decide(
    config: &ServerConfig,
    reporter: &Reporter,
    peer: SocketAddr,
    message: &Message,
) -> Decision {
    reporter.send(Event::Add(AddExchange {
        role: Role::Server,
        peer,
        client_name: message.name.clone(),
        client_number: message.number,
        server_name: config.name.clone(),
        server_number: config.number,
        format: message.format.to_string(),
        reported_sum: None,
    }));
    if !add::in_range(message.number) {
        let reason = crate::t!(
            "net-add-out-of-range",
            peer = peer.to_string(),
            number = message.number.to_string(),
            min = NUMBER_MIN.to_string(),
            max = NUMBER_MAX.to_string()
        );
        return if config.stop_on_out_of_range {
            Decision::Shutdown(reason)
        } else {
            Decision::Refuse(reason)
        };
    }
    let clashes: Vec<char> = message
        .format
        .forbidden_in_name()
        .into_iter()
        .filter(|c| config.name.contains(*c))
        .collect();
    if !clashes.is_empty() {
        reporter.warn(
            Some(peer),
            crate::t!(
                "net-add-name-clash",
                chars = format!("{:?}", clashes.iter().collect::<String>())
            ),
        );
    }
    Decision::Reply(add::encode(&message.format, &config.name, config.number))
}

/// Runs the TCP add server until stopped, or until an out-of-range number under the lab rule.
pub fn run_tcp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (listener, local) = super::tcp::listen(config.bind, reporter)?;
    reporter.info(
        None,
        crate::t!(
            "net-add-waiting-connections",
            name = config.name.as_str(),
            number = config.number.to_string(),
            local = local.to_string()
        ),
    );
    let shared = Arc::new(Shared {
        config,
        stop: stop.clone(),
        stopped_because: Mutex::new(None),
    });
    let served = Arc::new(AtomicUsize::new(0));
    let (conn_shared, conn_served) = (Arc::clone(&shared), Arc::clone(&served));
    let limit = shared.config.max_connections;
    super::tcp::accept_loop(
        listener,
        "tcp-add",
        reporter,
        stop,
        limit,
        super::tcp::Stopping::Polled,
        move |stream, peer, reporter, conn_stop| {
            let n = serve_connection(&conn_shared, reporter, stream, peer, conn_stop);
            conn_served.fetch_add(n, Ordering::Relaxed);
        },
    );
    reporter.info(
        None,
        crate::t!("net-listening-socket-closed", local = local.to_string()),
    );
    Ok(shared.summary(served.load(Ordering::Relaxed)))
}

/// Serves one TCP connection; returns how many requests it answered.
fn serve_connection(
    shared: &Shared,
    reporter: &Reporter,
    mut stream: TcpStream,
    peer: SocketAddr,
    stop: &StopFlag,
) -> usize {
    let _ = stream.set_nodelay(true);
    super::sched::short_slice();
    let mut buf: Vec<u8> = Vec::new();
    let mut chunk_ends: Vec<usize> = Vec::new();
    let mut last_data = Instant::now();
    let mut answered = 0;
    let mut chunk = super::tcp::ReadBuffer::new(16 * 1024);
    // The client half-closed: what it sent is all there is, and it may still want replies.
    let mut client_done = false;
    // The connection ended with the peer's reset.
    let mut reset = false;
    let reason = loop {
        if stop.is_stopped() {
            break stop.reason();
        }
        let mut wait = POLL_INTERVAL;
        match add::parse(&buf, &chunk_ends) {
            Parsed::Complete {
                message,
                consumed,
                settled,
            } => {
                let quiet_for = last_data.elapsed();
                if settled || client_done || quiet_for >= SETTLE_TIME {
                    buf.drain(..consumed);
                    chunk_ends = chunk_ends
                        .iter()
                        .filter(|&&e| e > consumed)
                        .map(|e| e - consumed)
                        .collect();
                    match decide(&shared.config, reporter, peer, &message) {
                        Decision::Reply(parts) => {
                            if let Err(e) = send_parts(&mut stream, reporter, peer, &parts) {
                                reset = super::is_reset(&e);
                                break crate::t!("net-send-failed", error = e.to_string());
                            }
                            answered += 1;
                            continue;
                        }
                        Decision::Shutdown(reason) => {
                            reporter.warn(
                                Some(peer),
                                crate::t!(
                                    "net-add-no-reply-closing-stopping",
                                    reason = reason.as_str()
                                ),
                            );
                            shared.stop_for(reason);
                            break crate::t!("net-add-out-of-range-number");
                        }
                        Decision::Refuse(reason) => {
                            reporter.warn(
                                Some(peer),
                                crate::t!("net-add-no-reply-closed-running", reason = reason),
                            );
                            break crate::t!("net-add-out-of-range-number");
                        }
                    }
                }
                wait = SETTLE_TIME
                    .saturating_sub(quiet_for)
                    .max(Duration::from_millis(1));
            }
            Parsed::Incomplete => {
                let blank = buf.iter().all(u8::is_ascii_whitespace);
                if client_done {
                    if !blank {
                        reporter.warn(
                            Some(peer),
                            crate::t!("net-closed-mid-request", text = escape_bytes(preview(&buf))),
                        );
                    }
                    break crate::t!("net-closed-by-client");
                }
                if !blank && last_data.elapsed() >= PARTIAL_REQUEST_TIMEOUT {
                    reporter.warn(
                        Some(peer),
                        crate::t!(
                            "net-incomplete-request-after",
                            secs = PARTIAL_REQUEST_TIMEOUT.as_secs().to_string(),
                            text = escape_bytes(&buf)
                        ),
                    );
                    break crate::t!("net-incomplete-request");
                }
                if blank && last_data.elapsed() >= CONNECTION_IDLE_TIMEOUT {
                    break crate::t!(
                        "net-idle-for",
                        secs = CONNECTION_IDLE_TIMEOUT.as_secs().to_string()
                    );
                }
            }
            Parsed::Invalid(_)
                if !client_done
                    && buf.len() <= MAX_REQUEST_BYTES
                    && last_data.elapsed() < UNREADABLE_SETTLE =>
            {
                // Perhaps only its first part: wait a little for the rest.
                wait = UNREADABLE_SETTLE
                    .saturating_sub(last_data.elapsed())
                    .clamp(Duration::from_millis(1), POLL_INTERVAL);
            }
            Parsed::Invalid(why) => {
                reporter.warn(
                    Some(peer),
                    crate::t!(
                        "net-request-unreadable-because",
                        why = why.to_string(),
                        text = escape_bytes(preview(&buf))
                    ),
                );
                break crate::t!("net-request-unreadable");
            }
        }
        if buf.len() > MAX_REQUEST_BYTES {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-request-too-large-text",
                    max = MAX_REQUEST_BYTES.to_string(),
                    text = escape_bytes(preview(&buf))
                ),
            );
            break crate::t!("net-request-too-large");
        }
        if let Err(e) = stream.set_read_timeout(Some(wait)) {
            break crate::t!("net-socket-error", error = e.to_string());
        }
        match chunk.read_from(&mut stream) {
            Ok(0) => client_done = true,
            Ok(n) => {
                let got = chunk.filled(n);
                reporter.send(Event::Received {
                    peer,
                    bytes: got.to_vec(),
                });
                buf.extend_from_slice(got);
                chunk_ends.push(buf.len());
                last_data = Instant::now();
            }
            Err(e) if is_timeout(&e) => {}
            Err(e) => {
                reset = super::is_reset(&e);
                break crate::t!("net-receive-failed", error = e.to_string());
            }
        }
    };
    let first = super::closer(&stream, client_done, reset);
    let _ = stream.shutdown(Shutdown::Both);
    reporter.send(Event::Closed {
        peer,
        reason,
        first,
    });
    answered
}

/// The first bytes of a buffer, for log lines.
fn preview(buf: &[u8]) -> &[u8] {
    &buf[..buf.len().min(120)]
}

fn send_parts(
    stream: &mut TcpStream,
    reporter: &Reporter,
    peer: SocketAddr,
    parts: &[Vec<u8>],
) -> std::io::Result<()> {
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            thread::sleep(SPLIT_GAP);
        }
        stream.write_all(part)?;
        reporter.send(Event::Sent {
            peer,
            bytes: part.clone(),
        });
    }
    Ok(())
}

/// Runs the UDP add server until stopped, or until an out-of-range number under the lab rule.
pub fn run_udp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (socket, local) = super::udp::bind_server(config.bind, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    reporter.info(
        None,
        crate::t!(
            "net-add-waiting-datagrams",
            name = config.name.as_str(),
            number = config.number.to_string(),
            local = local.to_string()
        ),
    );
    let shared = Shared {
        config,
        stop: stop.clone(),
        stopped_because: Mutex::new(None),
    };
    // A name received in one datagram, waiting for its number in the next.
    let mut pending: HashMap<SocketAddr, (Vec<u8>, Instant)> = HashMap::new();
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let mut served = 0;
    while !stop.is_stopped() {
        let Some((n, peer)) = super::udp::poll_datagram(&socket, &mut datagram)? else {
            pending.retain(|_, (_, at)| at.elapsed() < PARTIAL_REQUEST_TIMEOUT);
            continue;
        };
        let bytes = &datagram[..n];
        reporter.send(Event::Received {
            peer,
            bytes: bytes.to_vec(),
        });
        if n == 0 {
            reporter.warn(Some(peer), crate::t!("net-add-empty-datagram"));
            continue;
        }
        let (mut buf, mut ends) = match pending.remove(&peer) {
            Some((earlier, _)) => {
                let first = earlier.len();
                (earlier, vec![first])
            }
            None => (Vec::new(), Vec::new()),
        };
        buf.extend_from_slice(bytes);
        ends.push(buf.len());
        if buf.len() > MAX_REQUEST_BYTES {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-request-too-large-ignored",
                    max = MAX_REQUEST_BYTES.to_string(),
                    text = escape_bytes(preview(&buf))
                ),
            );
            continue;
        }
        match add::parse(&buf, &ends) {
            Parsed::Complete {
                message, consumed, ..
            } => {
                if buf[consumed..].iter().any(|b| !b.is_ascii_whitespace()) {
                    reporter.warn(
                        Some(peer),
                        crate::t!(
                            "net-add-extra-bytes-ignored",
                            n = (buf.len() - consumed).to_string(),
                            count = buf.len() - consumed
                        ),
                    );
                }
                match decide(&shared.config, reporter, peer, &message) {
                    Decision::Reply(mut parts) => {
                        if matches!(message.format, WireFormat::Split { .. }) {
                            // Name and number came as two datagrams and go back as two; a third
                            // says it in words, for the clients that read three.
                            parts.push(
                                format!(
                                    "{} + {} = {}",
                                    message.number,
                                    shared.config.number,
                                    i128::from(message.number) + i128::from(shared.config.number)
                                )
                                .into_bytes(),
                            );
                        }
                        for part in parts {
                            super::udp::send(&socket, part, peer, Some(peer), reporter).map_err(
                                |e| {
                                    Error::io(
                                        crate::t!("net-cannot-send-to", peer = peer.to_string()),
                                        e,
                                    )
                                },
                            )?;
                        }
                        served += 1;
                    }
                    Decision::Shutdown(reason) => {
                        reporter.warn(
                            Some(peer),
                            crate::t!("net-add-no-reply-stopping", reason = reason.as_str()),
                        );
                        shared.stop_for(reason);
                    }
                    Decision::Refuse(reason) => {
                        reporter.warn(
                            Some(peer),
                            crate::t!("net-add-no-reply-running", reason = reason),
                        );
                    }
                }
            }
            Parsed::Incomplete => {
                if pending.len() >= MAX_PENDING_PEERS {
                    reporter.warn(Some(peer), crate::t!("net-add-too-many-pending"));
                } else {
                    reporter.info(Some(peer), crate::t!("net-add-waiting-rest"));
                    pending.insert(peer, (buf, Instant::now()));
                }
            }
            Parsed::Invalid(why) => {
                reporter.warn(
                    Some(peer),
                    crate::t!(
                        "net-datagram-unreadable-ignored",
                        why = why.to_string(),
                        text = escape_bytes(preview(&buf))
                    ),
                );
            }
        }
    }
    drop(socket);
    reporter.info(
        None,
        crate::t!("net-socket-closed", local = local.to_string()),
    );
    Ok(shared.summary(served))
}

fn client_exchange(
    config: &ClientConfig,
    peer: SocketAddr,
    reply: &Reply,
    reporter: &Reporter,
) -> Summary {
    let (mut server_number, mut reported_sum) = (reply.number, reply.sum);
    // A number past the lab's range that is exactly ours plus one in range: the server sent
    // the sum in place of its own number (some pickle and text servers do).
    let unsaid = reply.number.checked_sub(config.number);
    if reported_sum.is_none()
        && !add::in_range(reply.number)
        && let Some(own) = unsaid.filter(|n| add::in_range(*n))
    {
        reporter.info(
            Some(peer),
            crate::t!(
                "net-add-read-as-sum",
                number = reply.number.to_string(),
                min = NUMBER_MIN.to_string(),
                max = NUMBER_MAX.to_string(),
                own_number = config.number.to_string(),
                theirs = own.to_string()
            ),
        );
        reported_sum = Some(reply.number);
        server_number = own;
    }
    let exchange = AddExchange {
        role: Role::Client,
        peer,
        client_name: config.name.clone(),
        client_number: config.number,
        server_name: reply.name.clone(),
        server_number,
        format: reply.format.clone(),
        reported_sum,
    };
    let sum = exchange.sum();
    if let Some(said) = reported_sum.filter(|s| i128::from(*s) != sum) {
        reporter.warn(
            Some(peer),
            crate::t!(
                "net-add-wrong-sum",
                said = said.to_string(),
                a = config.number.to_string(),
                b = server_number.to_string(),
                sum = sum.to_string()
            ),
        );
    }
    let (a, b) = (
        exchange.client_number.to_string(),
        exchange.server_number.to_string(),
    );
    let summary = Summary::new(match reported_sum {
        Some(said) if i128::from(said) == sum => crate::t!(
            "net-add-sum-confirmed",
            a = a,
            b = b,
            sum = sum.to_string(),
            said = said.to_string()
        ),
        Some(said) => crate::t!(
            "net-add-sum-wrong",
            a = a,
            b = b,
            sum = sum.to_string(),
            said = said.to_string()
        ),
        None => crate::t!("net-add-sum", a = a, b = b, sum = sum.to_string()),
    });
    reporter.send(Event::Add(exchange));
    summary
}

/// How long a reply may stay quiet, with no number in it yet, before the client says it cannot
/// read it: long enough for a server that writes its name and its number in two sends.
pub const REPLY_QUIET: Duration = Duration::from_secs(1);

/// Lines a reply should have before it is read: a request sent on two lines (the `split`
/// format with newlines) is answered on two lines by servers that mirror it.
fn lines_expected(format: &WireFormat) -> usize {
    match format {
        WireFormat::Split { terminator } if terminator.contains('\n') => 2,
        _ => 1,
    }
}

/// Datagrams a UDP reply is read from: as many as the request took (a name and a number sent
/// apart come back apart); what follows them (a third line of words) is not part of it.
fn datagrams_expected(format: &WireFormat) -> usize {
    match format {
        WireFormat::Split { .. } => 2,
        _ => 1,
    }
}

/// What the reply bytes gathered so far say, once the client has waited as long as it should.
enum Verdict {
    Done(Reply),
    Fail(Error),
    Wait(Duration),
}

/// Judges the reply so far. `quiet` is how long since the last byte; `pieces` how many reads or
/// datagrams brought it; `finished` is true when no more bytes can come.
fn judge_reply(
    buf: &[u8],
    ends: &[usize],
    quiet: Duration,
    finished: bool,
    config: &ClientConfig,
) -> Verdict {
    let shown = || escape_bytes(preview(buf));
    let enough_lines = buf.iter().filter(|&&b| b == b'\n').count()
        >= lines_expected(&config.format)
        || ends.len() >= lines_expected(&config.format);
    match reply::parse_reply(buf, ends) {
        ParsedReply::Complete { reply, settled } => {
            let patient = if settled { Duration::ZERO } else { SETTLE_TIME };
            if finished || (quiet >= patient && enough_lines) || quiet >= REPLY_QUIET {
                Verdict::Done(reply)
            } else {
                Verdict::Wait(patient.max(Duration::from_millis(5)))
            }
        }
        ParsedReply::Ambiguous(why) if finished || quiet >= SETTLE_TIME => {
            Verdict::Fail(Error::Protocol(format!("{why}: \"{}\"", shown())))
        }
        ParsedReply::Ambiguous(_) => Verdict::Wait(SETTLE_TIME),
        ParsedReply::Invalid(why) => Verdict::Fail(Error::Protocol(crate::t!(
            "net-reply-unreadable-because",
            why = why.to_string(),
            text = shown()
        ))),
        ParsedReply::Incomplete if buf.iter().all(u8::is_ascii_whitespace) => {
            Verdict::Wait(POLL_INTERVAL)
        }
        ParsedReply::Incomplete if finished || quiet >= REPLY_QUIET => {
            Verdict::Fail(Error::Protocol(crate::t!(
                "net-add-reply-no-number",
                quiet = crate::error::seconds(quiet.as_millis() as u64),
                text = shown()
            )))
        }
        ParsedReply::Incomplete => Verdict::Wait(POLL_INTERVAL),
    }
}

/// Sends one request over TCP and waits for the reply.
pub fn run_tcp_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let mut stream = super::connect(&config.server, config.timeout)?;
    let peer = stream
        .peer_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-peer-address"), e))?;
    let local = stream
        .local_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-local-address"), e))?;
    reporter.send(Event::Connected {
        local,
        peer,
        tcp: true,
    });
    let _ = stream.set_nodelay(true);
    let parts = add::encode(&config.format, &config.name, config.number);
    send_parts(&mut stream, reporter, peer, &parts)
        .map_err(|e| Error::io(crate::t!("net-cannot-send-to", peer = peer.to_string()), e))?;

    let deadline = Instant::now() + config.timeout;
    let mut buf = Vec::new();
    let mut ends = Vec::new();
    let mut last_data = Instant::now();
    let mut chunk = [0u8; 4096];
    let mut server_closed = false;
    let result = loop {
        if stop.is_stopped() {
            break Err(Error::Input(crate::t!("net-cancelled")));
        }
        let wait = match judge_reply(&buf, &ends, last_data.elapsed(), false, &config) {
            Verdict::Done(reply) => break Ok(client_exchange(&config, peer, &reply, reporter)),
            Verdict::Fail(e) => break Err(e),
            Verdict::Wait(wait) => wait,
        };
        if Instant::now() >= deadline {
            break match judge_reply(&buf, &ends, last_data.elapsed(), true, &config) {
                Verdict::Done(reply) => Ok(client_exchange(&config, peer, &reply, reporter)),
                Verdict::Fail(e) if !buf.is_empty() => Err(e),
                _ => Err(Error::Timeout {
                    peer: peer.to_string(),
                    timeout_millis: config.timeout.as_millis() as u64,
                    tcp: true,
                }),
            };
        }
        stream
            .set_read_timeout(Some(
                wait.min(deadline.saturating_duration_since(Instant::now()))
                    .max(Duration::from_millis(1)),
            ))
            .map_err(|e| Error::io(crate::t!("net-socket-error-context"), e))?;
        match stream.read(&mut chunk) {
            Ok(0) => {
                server_closed = true;
                break if buf.is_empty() && !add::in_range(config.number) {
                    Ok(Summary::new(crate::t!(
                        "net-add-closed-out-of-range",
                        number = config.number.to_string()
                    )))
                } else if buf.is_empty() {
                    Err(Error::ClosedWithoutReply {
                        peer: peer.to_string(),
                    })
                } else {
                    match judge_reply(&buf, &ends, last_data.elapsed(), true, &config) {
                        Verdict::Done(reply) => {
                            Ok(client_exchange(&config, peer, &reply, reporter))
                        }
                        Verdict::Fail(e) => Err(e),
                        Verdict::Wait(_) => Err(Error::Protocol(crate::t!(
                            "net-add-closed-incomplete-reply",
                            text = escape_bytes(preview(&buf))
                        ))),
                    }
                };
            }
            Ok(n) => {
                reporter.send(Event::Received {
                    peer,
                    bytes: chunk[..n].to_vec(),
                });
                buf.extend_from_slice(&chunk[..n]);
                ends.push(buf.len());
                last_data = Instant::now();
                if buf.len() > MAX_REQUEST_BYTES {
                    break Err(Error::Protocol(crate::t!(
                        "net-reply-too-large",
                        max = MAX_REQUEST_BYTES.to_string()
                    )));
                }
            }
            Err(e) if is_timeout(&e) => {}
            Err(e) => {
                break Err(Error::io(
                    crate::t!("net-receive-from-failed", peer = peer.to_string()),
                    e,
                ));
            }
        }
    };
    let first = if config.reset_on_close {
        super::close_without_time_wait(&mut stream)
    } else {
        let first = super::closer(&stream, server_closed, false);
        let _ = stream.shutdown(Shutdown::Both);
        first
    };
    reporter.send(Event::Closed {
        peer,
        reason: if first == super::event::Closer::Us {
            crate::t!("net-closed-by-client")
        } else {
            crate::t!("net-closed-by-server")
        },
        first,
    });
    result
}

/// How long a UDP client waits for a reply it does not expect (out-of-range number) at most.
pub const OUT_OF_RANGE_WAIT: Duration = Duration::from_secs(1);

/// Sends one request over UDP and waits for the reply.
pub fn run_udp_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    // A connected UDP socket hears ICMP "port unreachable", so a missing server is reported at
    // once instead of after the timeout (on the local network; routers may drop the ICMP).
    let (socket, peer) = super::udp::connect_client(&config.server, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    for part in add::encode(&config.format, &config.name, config.number) {
        super::udp::send(&socket, part, peer, None, reporter)
            .map_err(|e| Error::io(crate::t!("net-cannot-send-to", peer = peer.to_string()), e))?;
    }
    let expect_reply = add::in_range(config.number);
    let timeout = if expect_reply {
        config.timeout
    } else {
        config.timeout.min(OUT_OF_RANGE_WAIT)
    };
    let deadline = Instant::now() + timeout;
    let mut buf = Vec::new();
    let mut ends = Vec::new();
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let mut last_data = Instant::now();
    loop {
        // Wait for the next datagram no longer than the reply needs.
        let mut left = deadline.saturating_duration_since(Instant::now());
        let wanted = datagrams_expected(&config.format);
        if ends.len() >= wanted {
            // The reply's own datagrams, judged as everything there is; with no number in them
            // yet, more datagrams are read (a server that sends its name and number apart).
            let (reply, reply_ends) = (&buf[..ends[wanted - 1]], &ends[..wanted]);
            match judge_reply(reply, reply_ends, REPLY_QUIET, true, &config) {
                Verdict::Done(reply) => {
                    return Ok(client_exchange(&config, peer, &reply, reporter));
                }
                Verdict::Fail(_)
                    if reply::parse_reply(reply, reply_ends) == ParsedReply::Incomplete => {}
                Verdict::Fail(e) => return Err(e),
                Verdict::Wait(_) => {}
            }
        }
        if !buf.is_empty() {
            match judge_reply(&buf, &ends, last_data.elapsed(), false, &config) {
                Verdict::Done(reply) => {
                    return Ok(client_exchange(&config, peer, &reply, reporter));
                }
                Verdict::Fail(e) => return Err(e),
                Verdict::Wait(wait) => left = left.min(wait.max(Duration::from_millis(5))),
            }
        }
        let n = match super::udp::recv_reply(&socket, peer, &mut datagram, left, stop) {
            Ok(n) => n,
            Err(Error::Timeout { .. } | Error::NoUdpServer { .. }) if !expect_reply => {
                return Ok(Summary::new(crate::t!(
                    "net-add-no-reply-as-expected",
                    number = config.number.to_string()
                )));
            }
            Err(Error::Timeout { .. }) if !buf.is_empty() => {
                if Instant::now() < deadline {
                    continue;
                }
                return match judge_reply(&buf, &ends, last_data.elapsed(), true, &config) {
                    Verdict::Done(reply) => Ok(client_exchange(&config, peer, &reply, reporter)),
                    Verdict::Fail(e) => Err(e),
                    Verdict::Wait(_) => Err(Error::Protocol(crate::t!(
                        "net-reply-unreadable",
                        text = escape_bytes(preview(&buf))
                    ))),
                };
            }
            Err(e) => return Err(e),
        };
        reporter.send(Event::Received {
            peer,
            bytes: datagram[..n].to_vec(),
        });
        buf.extend_from_slice(&datagram[..n]);
        ends.push(buf.len());
        last_data = Instant::now();
    }
}
