//! The one error type of socklab's core, with a plain-language hint for each common failure.

use std::io;
use std::net::SocketAddr;

mod hint;

/// Everything a runner can fail with. The window and the CLI show `to_string()` and [`Error::hint`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Binding the server socket failed.
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: io::Error },
    /// The server could not be reached.
    #[error("cannot connect to {addr}: {source}")]
    Connect { addr: String, source: io::Error },
    /// A UDP datagram was answered with "port unreachable": nothing listens there. (UDP has no
    /// connection to refuse; the system reports the answer on the next receive.)
    #[error(
        "nothing is listening at {addr}: the system answered the datagram with \"port unreachable\""
    )]
    NoUdpServer { addr: String },
    /// A host name did not resolve.
    #[error("cannot find host {host:?}: {reason}")]
    Resolve { host: String, reason: String },
    /// Any other input/output failure, with what was being done.
    #[error("{context}: {source}")]
    Io { context: String, source: io::Error },
    /// No answer in time.
    #[error("no reply from {peer} within {}", seconds(*timeout_millis))]
    Timeout {
        peer: String,
        timeout_millis: u64,
        /// TCP (a connection was made, nothing came back) or UDP (nothing tells).
        tcp: bool,
    },
    /// The peer sent something that breaks the exercise's protocol.
    #[error("{0}")]
    Protocol(String),
    /// A guess server's hints leave no number that fits them all.
    #[error("the server's hints contradict each other: no number is left between {min} and {max}")]
    Contradiction { min: i64, max: i64 },
    /// A guess server answered nothing to the first guess.
    #[error("no answer from {peer} to the first guess within {}", seconds(*timeout_millis))]
    FirstGuessUnanswered { peer: String, timeout_millis: u64 },
    /// A TCP server closed the connection without a byte of reply.
    #[error("the server {peer} closed the connection without replying")]
    ClosedWithoutReply { peer: String },
    /// The user's input (form or command line) cannot be used.
    #[error("{0}")]
    Input(String),
    /// The download destination exists and overwriting was not allowed.
    #[error("{} already exists", .0.display())]
    Exists(std::path::PathBuf),
    /// A worker thread panicked; the message is the panic payload.
    #[error("internal error in worker thread: {0}")]
    Panic(String),
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }
}

/// A duration in milliseconds as people read it: `5 s`, `2.5 s`, `0.2 s`.
pub fn seconds(millis: u64) -> String {
    let tenths = (millis + 50) / 100;
    if tenths.is_multiple_of(10) {
        format!("{} s", tenths / 10)
    } else {
        format!("{}.{} s", tenths / 10, tenths % 10)
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_read_in_seconds_and_hint_by_transport() {
        assert_eq!(seconds(4999), "5 s");
        assert_eq!(seconds(2500), "2.5 s");
        assert_eq!(seconds(200), "0.2 s");
        let udp = Error::Timeout {
            peer: "127.0.0.1:9".into(),
            timeout_millis: 4999,
            tcp: false,
        };
        assert_eq!(udp.to_string(), "no reply from 127.0.0.1:9 within 5 s");
        assert!(udp.hint().is_some_and(|h| h.starts_with("Over UDP")));
        let tcp = Error::Timeout {
            peer: "127.0.0.1:9".into(),
            timeout_millis: 5000,
            tcp: true,
        };
        let hint = tcp.hint().unwrap_or_default();
        assert!(hint.contains("accepted the connection"), "{hint}");
        assert!(!hint.contains("UDP"), "{hint}");
    }
}
