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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Server,
    Client,
}

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
    /// A TCP server accepted a connection.
    Accepted { peer: SocketAddr },
    /// A client's socket is ready: connected (TCP) or bound (UDP).
    Connected { local: SocketAddr, peer: SocketAddr },
    /// Bytes written by one `send`/`sendto`.
    Sent { peer: SocketAddr, bytes: Vec<u8> },
    /// Bytes returned by one `recv`/`recvfrom`.
    Received { peer: SocketAddr, bytes: Vec<u8> },
    /// A connection was closed by either side.
    Closed { peer: SocketAddr, reason: String },
    /// A line for the output pane.
    Log {
        level: Level,
        peer: Option<SocketAddr>,
        text: String,
    },
    /// An "add two numbers" exchange completed.
    Add(AddExchange),
    /// The runner ended; nothing follows.
    Finished(Result<Summary, Error>),
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
            Event::Accepted { peer } => json!({"event": "accepted", "peer": peer.to_string()}),
            Event::Connected { local, peer } => {
                json!({"event": "connected", "local": local.to_string(), "peer": peer.to_string()})
            }
            Event::Sent { peer, bytes: b } => {
                json!({"event": "sent", "peer": peer.to_string(), "bytes": bytes(b)})
            }
            Event::Received { peer, bytes: b } => {
                json!({"event": "received", "peer": peer.to_string(), "bytes": bytes(b)})
            }
            Event::Closed { peer, reason } => {
                json!({"event": "closed", "peer": peer.to_string(), "reason": reason})
            }
            Event::Log { level, peer, text } => json!({
                "event": "log",
                "level": format!("{level:?}").to_lowercase(),
                "peer": peer.map(|p| p.to_string()),
                "text": text,
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
