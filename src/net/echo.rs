//! Echo (seed 003, seed 004 T1/T2) and the textbook uppercase example, over TCP and UDP.
//!
//! Servers answer each receive at once: they never wait for a newline, since the cookbook
//! client sends 33 bytes with none and then reads. The client keeps one session for many
//! messages, fed through a channel (the window's Send button, or stdin lines on the CLI).

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError};

use super::event::{Arg, Event, LogText, Reply, Summary};
use super::runner::{Reporter, RunFn, StopFlag};
use super::{CONNECTION_IDLE_TIMEOUT, MAX_DATAGRAM_BYTES, POLL_INTERVAL, is_timeout};
use crate::error::{Error, Result};
use crate::protocol::text::{is_stop_word, upper};

/// Port of the echo examples (seed 004 runs them with `--port=9900`).
pub const DEFAULT_ECHO_PORT: u16 = crate::exercise::ECHO_PORT;

/// Bytes a TCP server reads (and answers) at once.
pub const TCP_READ_BYTES: usize = 16 * 1024;

/// Receive size of the cookbook client, which shows TCP splitting the echo into segments.
pub const COOKBOOK_SEGMENT_BYTES: usize = 16;

/// The cookbook client's message (seed 004, T1).
pub const COOKBOOK_MESSAGE: &str = "Test message. This will be echoed";

/// What a text server does with what it receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// Send it back unchanged.
    Echo,
    /// Send it back upper-cased (the textbook TCPServer/UDPServer).
    Upper,
}

impl Service {
    fn answer(self, message: &[u8]) -> Vec<u8> {
        match self {
            Self::Echo => message.to_vec(),
            Self::Upper => upper(message),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Echo => "echo",
            Self::Upper => "upper",
        }
    }
}

/// What an echo or uppercase server needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// TCP: most connections served at once; more are refused with a log line.
    pub max_connections: usize,
    pub service: Service,
    /// Echo over TCP: these close the session (case and surrounding whitespace ignored).
    pub stop_words: Vec<String>,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

/// What the client needs.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// `host:port`.
    pub server: String,
    pub service: Service,
    pub stop_words: Vec<String>,
    /// Receive in pieces of this size (the cookbook's 16), to show how TCP splits a reply.
    pub segment_bytes: Option<usize>,
    pub timeout: Duration,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

/// An address as Python prints it, so the log reads like the handout's: `('127.0.0.1', 42961)`.
pub fn python_address(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) => format!("('{}', {})", a.ip(), a.port()),
        SocketAddr::V6(a) => format!(
            "('{}', {}, {}, {})",
            a.ip(),
            a.port(),
            a.flowinfo(),
            a.scope_id()
        ),
    }
}

/// Runs a TCP echo or uppercase server until stopped.
pub fn run_tcp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (listener, local) = super::tcp::listen(config.bind, reporter)?;
    reporter.info(
        None,
        crate::t!(
            "net-echo-starting",
            service = config.service.name(),
            local = local.to_string()
        ),
    );
    let sessions = Arc::new(AtomicUsize::new(0));
    let (counter, conn_config) = (Arc::clone(&sessions), config.clone());
    let label = format!("tcp-{}", config.service.name());
    let limit = config.max_connections;
    super::tcp::accept_loop(
        listener,
        &label,
        reporter,
        stop,
        limit,
        super::tcp::Stopping::ShutDown,
        move |stream, peer, r, conn_stop| {
            counter.fetch_add(1, Ordering::Relaxed);
            serve_tcp_session(&conn_config, stream, peer, r, conn_stop);
        },
    );
    Ok(Summary::new(crate::t!(
        "net-server-stopped-served",
        requests = super::counted("net-n-sessions", sessions.load(Ordering::Relaxed) as u64)
    )))
}

/// How long a session's read waits. Unix: until data, a close or the idle limit; a stop shuts
/// the socket down (`tcp::Stopping::ShutDown`), which ends the read, so no thread wakes to look
/// at a flag. Windows: a shutdown does not end a blocked `recv` there, so the read still wakes
/// every [`POLL_INTERVAL`] to look.
#[cfg(unix)]
const SESSION_READ_WAIT: Duration = CONNECTION_IDLE_TIMEOUT;
#[cfg(not(unix))]
const SESSION_READ_WAIT: Duration = POLL_INTERVAL;

fn serve_tcp_session(
    config: &ServerConfig,
    mut stream: TcpStream,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
) {
    let _ = stream.set_nodelay(true);
    super::sched::short_slice();
    let _ = stream.set_read_timeout(Some(SESSION_READ_WAIT));
    let _ = stream.set_write_timeout(Some(CONNECTION_IDLE_TIMEOUT));
    let mut chunk = super::tcp::ReadBuffer::new(TCP_READ_BYTES);
    let mut last = Instant::now();
    let shown = python_address(peer);
    let mut saw_eof = false;
    // The connection ended with the peer's reset.
    let mut reset = false;
    let reason = loop {
        if stop.is_stopped() {
            break stop.reason();
        }
        let read = chunk.read_from(&mut stream);
        if stop.is_stopped() {
            break stop.reason();
        }
        let n = match read {
            Ok(0) => {
                saw_eof = true;
                break crate::t!("net-closed-by-client");
            }
            Ok(n) => n,
            Err(e) if is_timeout(&e) => {
                if last.elapsed() >= CONNECTION_IDLE_TIMEOUT {
                    break crate::t!(
                        "net-idle-for",
                        secs = CONNECTION_IDLE_TIMEOUT.as_secs().to_string()
                    );
                }
                continue;
            }
            Err(e) => {
                reset = super::is_reset(&e);
                break crate::t!("net-receive-failed", error = e.to_string());
            }
        };
        last = Instant::now();
        let message = chunk.filled(n);
        let answer = config.service.answer(message);
        // The answer goes out first: reporting it costs the client's round trip nothing then.
        let written = stream.write_all(&answer);
        if reporter.wants_traffic() {
            reporter.send(Event::Received {
                peer,
                bytes: message.to_vec(),
            });
        }
        reporter.info(
            None,
            LogText::later(
                "net-echo-received-from",
                vec![
                    ("bytes", Arg::Counted("net-n-bytes", n as u64)),
                    ("peer", Arg::Text(shown.clone())),
                ],
            ),
        );
        if let Err(e) = written {
            reset = super::is_reset(&e);
            break crate::t!("net-send-failed", error = e.to_string());
        }
        let sent = answer.len() as u64;
        reporter.send(Event::Sent {
            peer,
            bytes: answer,
        });
        reporter.info(
            None,
            LogText::later(
                "net-echo-sent-back",
                vec![
                    ("bytes", Arg::Counted("net-n-bytes", sent)),
                    ("peer", Arg::Text(shown.clone())),
                ],
            ),
        );
        if config.service == Service::Echo && is_stop_word(message, &config.stop_words) {
            break crate::t!("net-echo-stop-word-closed");
        }
    };
    let first = super::closer(&stream, saw_eof, reset);
    let _ = stream.shutdown(Shutdown::Both);
    reporter.send(Event::Closed {
        peer,
        reason,
        first,
    });
}

/// Runs a UDP echo or uppercase server until stopped.
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
            "net-echo-starting",
            service = config.service.name(),
            local = local.to_string()
        ),
    );
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let mut answered = 0usize;
    while !stop.is_stopped() {
        let Some((n, peer)) = super::udp::poll_datagram(&socket, &mut datagram)? else {
            continue;
        };
        let message = &datagram[..n];
        reporter.send(Event::Received {
            peer,
            bytes: message.to_vec(),
        });
        reporter.info(
            None,
            crate::t!(
                "net-echo-received-from",
                bytes = super::counted("net-n-bytes", n as u64),
                peer = python_address(peer)
            ),
        );
        let answer = config.service.answer(message);
        match super::udp::send(&socket, answer.clone(), peer, Some(peer), reporter) {
            Ok(()) => {
                reporter.info(
                    None,
                    crate::t!(
                        "net-echo-sent-back",
                        bytes = super::counted("net-n-bytes", answer.len() as u64),
                        peer = python_address(peer)
                    ),
                );
                answered += 1;
            }
            // Upper-casing can lengthen a maximum-size datagram past what UDP carries.
            Err(e) => reporter.warn(
                Some(peer),
                crate::t!("net-echo-cannot-answer", error = e.to_string()),
            ),
        }
        if config.service == Service::Echo && is_stop_word(message, &config.stop_words) {
            reporter.info(Some(peer), crate::t!("net-echo-stop-word-udp"));
        }
    }
    Ok(Summary::new(crate::t!(
        "net-server-stopped-answered",
        datagrams = super::counted("net-n-datagrams", answered as u64)
    )))
}

/// A TCP session that reconnects when the server has closed it between messages.
struct Session<'a> {
    config: &'a ClientConfig,
    reporter: &'a Reporter,
    stream: Option<TcpStream>,
    peer: SocketAddr,
}

impl Session<'_> {
    fn connect(&mut self) -> Result<()> {
        // A connection the server closed (the reason for connecting again) ends here.
        if let Some(old) = self.stream.take() {
            let _ = old.shutdown(Shutdown::Both);
            self.reporter.send(Event::Closed {
                peer: self.peer,
                reason: crate::t!("net-closed-by-server"),
                first: super::event::Closer::Peer,
            });
        }
        let stream = super::connect(&self.config.server, self.config.timeout)?;
        let _ = stream.set_nodelay(true);
        self.peer = stream
            .peer_addr()
            .map_err(|e| Error::io(crate::t!("net-cannot-read-peer-address"), e))?;
        let local = stream
            .local_addr()
            .map_err(|e| Error::io(crate::t!("net-cannot-read-local-address"), e))?;
        self.reporter.send(Event::Connected {
            local,
            peer: self.peer,
            tcp: true,
        });
        self.stream = Some(stream);
        Ok(())
    }

    /// Whether the server has closed the connection since the last reply.
    fn closed_by_server(&self) -> bool {
        let Some(stream) = &self.stream else {
            return true;
        };
        if stream.set_nonblocking(true).is_err() {
            return true;
        }
        let mut probe = [0u8; 1];
        let closed = match stream.peek(&mut probe) {
            // An orderly close.
            Ok(0) => true,
            // Bytes still to read: open.
            Ok(_) => false,
            // Nothing yet means open; anything else (a reset) means closed.
            Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
        };
        let _ = stream.set_nonblocking(false);
        closed
    }

    /// Sends one message and reads its reply; None means the server closed without replying.
    fn exchange(
        &mut self,
        message: &[u8],
        stop: &StopFlag,
    ) -> Result<Option<(Vec<u8>, Vec<usize>)>> {
        let peer = self.peer;
        let stream = self
            .stream
            .as_mut()
            .ok_or_else(|| Error::Input(crate::t!("net-not-connected")))?;
        if let Err(e) = stream.write_all(message) {
            self.reporter.warn(
                Some(peer),
                crate::t!("net-send-failed", error = e.to_string()),
            );
            return Ok(None);
        }
        self.reporter.send(Event::Sent {
            peer,
            bytes: message.to_vec(),
        });
        let expected = self.config.service.answer(message).len();
        let segment = self.config.segment_bytes.unwrap_or(TCP_READ_BYTES).max(1);
        let mut reply = Vec::new();
        let mut segments = Vec::new();
        let mut buf = vec![0u8; segment];
        let deadline = Instant::now() + self.config.timeout;
        stream
            .set_read_timeout(Some(POLL_INTERVAL))
            .map_err(|e| Error::io(crate::t!("net-socket-error-context"), e))?;
        while reply.len() < expected {
            if stop.is_stopped() {
                return Err(Error::Input(crate::t!("net-cancelled")));
            }
            match stream.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    self.reporter.send(Event::Received {
                        peer,
                        bytes: buf[..n].to_vec(),
                    });
                    reply.extend_from_slice(&buf[..n]);
                    segments.push(n);
                }
                Err(e) if is_timeout(&e) => {
                    if Instant::now() >= deadline {
                        return Err(Error::Timeout {
                            peer: peer.to_string(),
                            timeout_millis: self.config.timeout.as_millis() as u64,
                            tcp: true,
                        });
                    }
                }
                Err(e) if reply.is_empty() => {
                    self.reporter.warn(
                        Some(peer),
                        crate::t!("net-receive-failed", error = e.to_string()),
                    );
                    return Ok(None);
                }
                Err(e) => {
                    return Err(Error::io(
                        crate::t!("net-receive-from-failed", peer = peer.to_string()),
                        e,
                    ));
                }
            }
        }
        if reply.is_empty() && expected > 0 {
            return Ok(None);
        }
        Ok(Some((reply, segments)))
    }
}

/// A client session's entry point: its config and the channel of messages to send.
pub type SessionRun = RunFn<(ClientConfig, Receiver<Vec<u8>>)>;

/// The TCP and UDP clients as runner entry points, taking their config and the channel of
/// messages to send.
pub fn client_runs() -> (SessionRun, SessionRun) {
    (
        |(config, messages), r, s| run_client(config, messages, r, s),
        |(config, messages), r, s| run_udp_client(config, messages, r, s),
    )
}

/// Sends each message from `messages` and reads its reply, until the channel closes or a stop
/// word has been sent.
pub fn run_client(
    config: ClientConfig,
    messages: Receiver<Vec<u8>>,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let addrs = super::addr::resolve(&config.server)?;
    let mut exchanged = 0usize;
    let mut session = Session {
        config: &config,
        reporter,
        stream: None,
        peer: addrs[0],
    };
    session.connect()?;
    let ended = loop {
        let message = match messages.recv_timeout(POLL_INTERVAL) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                if stop.is_stopped() {
                    break crate::t!("net-echo-disconnected");
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break crate::t!("net-echo-no-more-messages"),
        };
        if message.is_empty() {
            reporter.warn(None, crate::t!("net-echo-empty-message-tcp"));
            continue;
        }
        let stop_word = is_stop_word(&message, &config.stop_words);
        if exchanged > 0 && session.closed_by_server() {
            reporter.info(
                Some(session.peer),
                crate::t!("net-echo-closed-after-reply-reconnecting"),
            );
            session.connect()?;
        }
        let mut result = session.exchange(&message, stop)?;
        if result.is_none() && !stop_word {
            reporter.info(
                Some(session.peer),
                crate::t!("net-echo-closed-reconnecting"),
            );
            session.connect()?;
            result = session.exchange(&message, stop)?;
        }
        match result {
            Some((reply, segments)) => {
                reporter.send(Event::Reply(Reply {
                    peer: session.peer,
                    request: message,
                    reply,
                    segments,
                }));
                exchanged += 1;
            }
            None if stop_word => {}
            None => {
                return Err(Error::Protocol(crate::t!("net-echo-closed-twice")));
            }
        }
        if stop_word {
            break crate::t!("net-echo-stop-word-sent");
        }
    };
    if let Some(stream) = session.stream.take() {
        let first = super::closer(&stream, false, false);
        let _ = stream.shutdown(Shutdown::Both);
        reporter.send(Event::Closed {
            peer: session.peer,
            reason: if first == super::event::Closer::Peer {
                crate::t!("net-ended-closed-by-server", ended = ended.as_str())
            } else {
                crate::t!("net-ended-closed-by-client", ended = ended.as_str())
            },
            first,
        });
    }
    Ok(Summary::new(crate::t!(
        "net-echo-answered",
        messages = super::counted("net-n-messages", exchanged as u64),
        ended = ended
    )))
}

/// The UDP client: one datagram per message, one datagram back.
pub fn run_udp_client(
    config: ClientConfig,
    messages: Receiver<Vec<u8>>,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let (socket, peer) = super::udp::connect_client(&config.server, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let mut exchanged = 0usize;
    let ended = loop {
        let message = match messages.recv_timeout(POLL_INTERVAL) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => {
                if stop.is_stopped() {
                    break crate::t!("net-echo-stopped");
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break crate::t!("net-echo-no-more-messages"),
        };
        if message.len() > MAX_DATAGRAM_BYTES {
            reporter.warn(
                None,
                crate::t!(
                    "net-echo-too-large-for-datagram",
                    n = message.len().to_string(),
                    max = MAX_DATAGRAM_BYTES.to_string()
                ),
            );
            continue;
        }
        super::udp::send(&socket, message.clone(), peer, None, reporter)
            .map_err(|e| Error::io(crate::t!("net-cannot-send-to", peer = peer.to_string()), e))?;
        let n = super::udp::recv_reply(&socket, peer, &mut datagram, config.timeout, stop)?;
        let reply = datagram[..n].to_vec();
        reporter.send(Event::Received {
            peer,
            bytes: reply.clone(),
        });
        let segments = vec![reply.len()];
        reporter.send(Event::Reply(Reply {
            peer,
            request: message.clone(),
            reply,
            segments,
        }));
        exchanged += 1;
        if is_stop_word(&message, &config.stop_words) {
            break crate::t!("net-echo-stop-word-sent");
        }
    };
    Ok(Summary::new(crate::t!(
        "net-echo-answered",
        messages = super::counted("net-n-messages", exchanged as u64),
        ended = ended
    )))
}
