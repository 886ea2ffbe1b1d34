//! What runners report. The window and the CLI are two views of this one stream of events.

use std::net::SocketAddr;
use std::time::{Duration, SystemTime};

use crate::error::Error;
use crate::protocol::{escape_bytes, hex_bytes};

/// How much a log line matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

/// Which side of an exercise produced an event.
pub use crate::exercise::Role;

/// One "add two numbers" exchange, as the handout asks each side to display it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddExchange {
    pub role: Role,
    pub peer: SocketAddr,
    pub client_name: String,
    pub client_number: i64,
    pub server_name: String,
    pub server_number: i64,
    /// The wire shape, described for people.
    pub format: String,
    /// A sum the server sent as a third field, when it did; the client checks it.
    pub reported_sum: Option<i64>,
}

impl AddExchange {
    /// The sum of both numbers, computed here; i128 so that no input overflows it.
    pub fn sum(&self) -> i128 {
        i128::from(self.client_number) + i128::from(self.server_number)
    }
}

/// How far a transfer has got; sent at most every [`PROGRESS_INTERVAL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub peer: SocketAddr,
    pub bytes: u64,
    /// The file's size, when this side knows it (the server does; a lab client does not).
    pub total: Option<u64>,
    /// Blocks (TCP, 1024 bytes) or datagrams (UDP) so far.
    pub chunks: u64,
    pub elapsed: Duration,
    /// Packets sent again so far (TFTP; the lab protocols never resend).
    pub retransmits: u64,
}

impl Progress {
    /// Average throughput so far, in bytes per second.
    pub fn bytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / secs
        } else {
            0.0
        }
    }
}

/// How often transfers report progress.
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// A finished file transfer, either side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    pub role: Role,
    pub peer: SocketAddr,
    /// The name asked for.
    pub name: String,
    /// Where it was read from (server) or saved (client).
    pub path: std::path::PathBuf,
    pub bytes: u64,
    pub chunks: u64,
    /// TCP (chunks are 1024-byte blocks) or UDP (chunks are datagrams).
    pub tcp: bool,
    pub elapsed: Duration,
    /// SHA-256 of the saved file (client side).
    pub sha256: Option<String>,
    /// Something about the transfer the user should know although it succeeded (the first bytes
    /// look like the header of the server's own protocol).
    pub warning: Option<String>,
    /// Bytes that went socket → file in the kernel (`splice`), never through socklab's memory
    /// (Linux TCP client; the others are read and written).
    pub spliced: u64,
}

/// One request and its reply, as a client saw them (echo, uppercase).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub peer: SocketAddr,
    pub request: Vec<u8>,
    pub reply: Vec<u8>,
    /// Sizes of the receives the reply arrived in (TCP is a stream: they need not match sends).
    pub segments: Vec<usize>,
}

/// One guess in guess-the-number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuessReport {
    pub role: Role,
    pub peer: SocketAddr,
    /// The guess as a number; None when it was not one.
    pub guess: Option<i64>,
    /// The server's words.
    pub reply: String,
    /// Guesses so far in this game, this one included.
    pub count: u32,
    pub correct: bool,
}

/// The words of a log line: made by the runner, or a catalogue message that the view says
/// when it shows the line. A session answering a class formats nothing then: the formatting
/// (and the stack it takes, a page a thread) is the view's, once per line shown.
#[derive(Clone, Debug)]
pub enum LogText {
    Ready(String),
    Later(Message),
}

/// A catalogue message and its arguments, said later (see [`LogText`]).
#[derive(Clone, Debug)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Message`].
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    /// `n` things, as [`super::counted`] says them with the message `id`.
    Counted(&'static str, u64),
}

impl LogText {
    /// A message said when shown, in the language of the thread that shows it.
    pub fn later(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self::Later(Message { id, args })
    }
}

impl std::fmt::Display for LogText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Ready(text) => f.write_str(text),
            Self::Later(m) => {
                let args: Vec<(&'static str, crate::i18n::FluentValue<'_>)> = m
                    .args
                    .iter()
                    .map(|(name, arg)| {
                        let value = match arg {
                            Arg::Text(t) => crate::i18n::FluentValue::from(t.as_str()),
                            Arg::Counted(id, n) => super::counted(id, *n).into(),
                        };
                        (*name, value)
                    })
                    .collect();
                f.write_str(&crate::i18n::tr_args(m.id, &args))
            }
        }
    }
}

impl From<String> for LogText {
    fn from(text: String) -> Self {
        Self::Ready(text)
    }
}

impl From<&str> for LogText {
    fn from(text: &str) -> Self {
        Self::Ready(text.to_owned())
    }
}

/// How a runner ended well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub message: String,
}

impl Summary {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

/// Everything a runner tells its views.
#[derive(Debug)]
pub enum Event {
    /// A server socket is bound (and, for TCP, listening).
    Listening { local: SocketAddr, tcp: bool },
    /// A TCP server accepted a connection; `close` ends just that connection.
    Accepted {
        peer: SocketAddr,
        /// This side's address of the connection.
        local: SocketAddr,
        close: super::stop::StopFlag,
    },
    /// A client's socket is ready: connected (TCP), or bound with a default peer (UDP).
    Connected {
        local: SocketAddr,
        peer: SocketAddr,
        tcp: bool,
    },
    /// Bytes written by one `send`/`sendto`.
    Sent { peer: SocketAddr, bytes: Vec<u8> },
    /// Bytes returned by one `recv`/`recvfrom`.
    Received { peer: SocketAddr, bytes: Vec<u8> },
    /// A datagram the network simulator dropped: sent by this side, never delivered.
    Dropped { peer: SocketAddr, bytes: Vec<u8> },
    /// What the network simulator does to the next datagram sent to `peer` (sent twice, held
    /// back, delayed), for captures; the `Sent` or `Packet` of that datagram follows.
    Fate {
        peer: SocketAddr,
        fate: super::impair::Fate,
    },
    /// Bulk data of a file transfer (`len` bytes sent or received; the first `bytes` of them
    /// kept), reported only to a capture (see [`super::runner::Reporter::with_payload`]).
    Payload {
        peer: SocketAddr,
        sent: bool,
        bytes: Vec<u8>,
        len: usize,
    },
    /// A datagram of a protocol socklab decodes (TFTP), sent or received, with what it is
    /// ("DATA 7 (2048 B)", "ACK 7 · sent again").
    Packet {
        peer: SocketAddr,
        sent: bool,
        bytes: Vec<u8>,
        note: String,
    },
    /// A connection was closed: why, and which side closed first, as this side's socket
    /// calls saw it.
    Closed {
        peer: SocketAddr,
        reason: String,
        first: Closer,
    },
    /// This side shut down its sending half (`shutdown(Write)`): its FIN went out while it
    /// still reads (capture only).
    HalfClosed { peer: SocketAddr },
    /// A line for the output pane.
    Log {
        level: Level,
        peer: Option<SocketAddr>,
        text: LogText,
    },
    /// An "add two numbers" exchange completed.
    Add(AddExchange),
    /// The files a file server offers: (name relative to its folder, size in bytes).
    SharedFiles(Vec<(String, u64)>),
    /// A file transfer moved on.
    Progress(Progress),
    /// A file transfer completed.
    File(FileReport),
    /// A client got the reply to one message.
    Reply(Reply),
    /// A guess was judged.
    Guess(GuessReport),
    /// A guess server chose the secret of a new game for `peer` (the window hides it unless
    /// asked, so that a projector does not give it away).
    Secret { peer: SocketAddr, secret: i64 },
    /// The runner ended; nothing follows.
    Finished(Result<Summary, Error>),
}

impl Event {
    /// Events only a capture reads (bulk payload, the simulator's fates): the log, the
    /// traffic view, the CLI and the checks pass over them.
    pub fn is_capture_only(&self) -> bool {
        matches!(
            self,
            Self::Payload { .. } | Self::Fate { .. } | Self::HalfClosed { .. }
        )
    }
}

/// How a TCP connection ended, as this side's socket calls saw it: a receive of 0 bytes is the
/// peer's FIN, this side's `shutdown`/`close` its own, a receive error a reset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Closer {
    /// This side closed first; the peer's FIN came after.
    #[default]
    Us,
    /// The peer closed first (a receive of 0 bytes, or one waiting when this side closed).
    Peer,
    /// This side reset the connection (a close with SO_LINGER 0).
    OurReset,
    /// The peer closed first, then this side reset (it closed with SO_LINGER 0, so that the
    /// peer's end never waits in TIME_WAIT).
    PeerThenOurReset,
    /// The peer reset the connection.
    PeerReset,
}

impl Closer {
    /// This side's close as a reset (SO_LINGER 0), after the peer's FIN or before it.
    pub fn with_reset(self) -> Self {
        match self {
            Self::Us => Self::OurReset,
            Self::Peer => Self::PeerThenOurReset,
            other => other,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Self::Us => "closed by this side first",
            Self::Peer => "closed by the peer first",
            Self::OurReset => "reset by this side",
            Self::PeerThenOurReset => "closed by the peer, then reset by this side",
            Self::PeerReset => "reset by the peer",
        }
    }
}

/// An event with when it happened.
#[derive(Debug)]
pub struct Stamped {
    /// Wall-clock time, for people.
    pub at: SystemTime,
    /// Time since the runner started.
    pub elapsed: Duration,
    pub event: Event,
}

impl Stamped {
    /// The event as one JSON object, for `--json` output.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let time = self
            .at
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or_default();
        let bytes =
            |b: &[u8]| json!({"len": b.len(), "text": escape_bytes(b), "hex": hex_bytes(b)});
        let mut value = match &self.event {
            Event::Listening { local, tcp } => {
                json!({"event": "listening", "local": local.to_string(), "transport": if *tcp {"tcp"} else {"udp"}})
            }
            Event::Accepted { peer, .. } => json!({"event": "accepted", "peer": peer.to_string()}),
            Event::Connected { local, peer, tcp } => {
                json!({"event": "connected", "local": local.to_string(), "peer": peer.to_string(), "transport": if *tcp {"tcp"} else {"udp"}})
            }
            Event::Sent { peer, bytes: b } => {
                json!({"event": "sent", "peer": peer.to_string(), "bytes": bytes(b)})
            }
            Event::Received { peer, bytes: b } => {
                json!({"event": "received", "peer": peer.to_string(), "bytes": bytes(b)})
            }
            Event::Dropped { peer, bytes: b } => {
                json!({"event": "dropped", "peer": peer.to_string(), "bytes": bytes(b)})
            }
            Event::Packet {
                peer,
                sent,
                bytes: b,
                note,
            } => json!({
                "event": if *sent { "sent" } else { "received" },
                "peer": peer.to_string(),
                "bytes": bytes(b),
                "packet": note,
            }),
            Event::Closed {
                peer,
                reason,
                first,
            } => {
                json!({"event": "closed", "peer": peer.to_string(), "reason": reason, "first": first.word()})
            }
            Event::HalfClosed { peer } => {
                json!({"event": "half-closed", "peer": peer.to_string()})
            }
            Event::Fate { peer, fate } => json!({
                "event": "simulated",
                "peer": peer.to_string(),
                "duplicated": fate.duplicated,
                "reordered": fate.reordered,
                "delay_ms": fate.delay.as_millis() as u64,
            }),
            Event::Payload {
                peer, sent, len, ..
            } => json!({
                "event": if *sent { "sent_bulk" } else { "received_bulk" },
                "peer": peer.to_string(),
                "len": len,
            }),
            Event::Log { level, peer, text } => json!({
                "event": "log",
                "level": format!("{level:?}").to_lowercase(),
                "peer": peer.map(|p| p.to_string()),
                "text": text.to_string(),
            }),
            Event::Add(x) => json!({
                "event": "add",
                "role": format!("{:?}", x.role).to_lowercase(),
                "peer": x.peer.to_string(),
                "client_name": x.client_name,
                "client_number": x.client_number,
                "server_name": x.server_name,
                "server_number": x.server_number,
                "sum": i64::try_from(x.sum()).ok(),
                "reported_sum": x.reported_sum,
                "format": x.format,
            }),
            Event::SharedFiles(files) => json!({
                "event": "shared_files",
                "files": files.iter().map(|(n, size)| json!({"name": n, "size": size})).collect::<Vec<_>>(),
            }),
            Event::Progress(p) => json!({
                "event": "progress",
                "peer": p.peer.to_string(),
                "bytes": p.bytes,
                "total": p.total,
                "chunks": p.chunks,
                "transfer_ms": p.elapsed.as_millis() as u64,
            }),
            Event::File(f) => json!({
                "event": "file",
                "role": format!("{:?}", f.role).to_lowercase(),
                "peer": f.peer.to_string(),
                "name": f.name,
                "path": f.path.display().to_string(),
                "bytes": f.bytes,
                "chunks": f.chunks,
                "transfer_ms": f.elapsed.as_millis() as u64,
                "sha256": f.sha256,
                "warning": f.warning,
                "spliced_bytes": f.spliced,
            }),
            Event::Reply(r) => json!({
                "event": "reply",
                "peer": r.peer.to_string(),
                "request": bytes(&r.request),
                "reply": bytes(&r.reply),
                "segments": r.segments,
            }),
            Event::Guess(g) => json!({
                "event": "guess",
                "role": format!("{:?}", g.role).to_lowercase(),
                "peer": g.peer.to_string(),
                "guess": g.guess,
                "reply": g.reply,
                "count": g.count,
                "correct": g.correct,
            }),
            Event::Secret { peer, secret } => {
                json!({"event": "secret", "peer": peer.to_string(), "secret": secret})
            }
            Event::Finished(Ok(s)) => {
                json!({"event": "finished", "ok": true, "message": s.message})
            }
            Event::Finished(Err(e)) => {
                json!({"event": "finished", "ok": false, "error": e.to_string(), "hint": e.hint()})
            }
        };
        value["time"] = json!(time);
        value["elapsed_ms"] = json!(self.elapsed.as_millis() as u64);
        value
    }
}
