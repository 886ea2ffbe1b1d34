//! The one error type of socklab's core, with a plain-language hint for each common failure.

use std::io;
use std::net::SocketAddr;

mod hint;

/// Everything a runner can fail with. The window and the CLI show `to_string()` and [`Error::hint`],
/// both in the current language ([`crate::i18n`]); code decides on the variant and its
/// [`io::ErrorKind`], never on the text.
#[derive(Debug)]
pub enum Error {
    /// Binding the server socket failed.
    Bind { addr: SocketAddr, source: io::Error },
    /// The server could not be reached.
    Connect { addr: String, source: io::Error },
    /// A UDP datagram was answered with "port unreachable": nothing listens there. (UDP has no
    /// connection to refuse; the system reports the answer on the next receive.)
    NoUdpServer { addr: String },
    /// A host name did not resolve.
    Resolve { host: String, reason: String },
    /// Any other input/output failure, with what was being done.
    Io { context: String, source: io::Error },
    /// No answer in time.
    Timeout {
        peer: String,
        timeout_millis: u64,
        /// TCP (a connection was made, nothing came back) or UDP (nothing tells).
        tcp: bool,
    },
    /// The peer sent something that breaks the exercise's protocol.
    Protocol(String),
    /// A guess server's hints leave no number that fits them all.
    Contradiction { min: i64, max: i64 },
    /// A guess server answered nothing to the first guess.
    FirstGuessUnanswered { peer: String, timeout_millis: u64 },
    /// A TCP server closed the connection without a byte of reply.
    ClosedWithoutReply { peer: String },
    /// The user's input (form or command line) cannot be used.
    Input(String),
    /// The download destination exists and overwriting was not allowed.
    Exists(std::path::PathBuf),
    /// A worker thread panicked; the message is the panic payload.
    Panic(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::Bind { addr, source } => {
                crate::t!("err-bind", addr = addr.to_string(), reason = reason(source))
            }
            Self::Connect { addr, source } => {
                crate::t!("err-connect", addr = addr.as_str(), reason = reason(source))
            }
            Self::NoUdpServer { addr } => crate::t!("err-no-udp-server", addr = addr.as_str()),
            Self::Resolve { host, reason } => crate::t!(
                "err-resolve",
                host = format!("{host:?}"),
                reason = reason.as_str()
            ),
            Self::Io { context, source } => format!("{context}: {}", reason(source)),
            Self::Timeout {
                peer,
                timeout_millis,
                ..
            } => crate::t!(
                "err-timeout",
                peer = peer.as_str(),
                time = seconds(*timeout_millis)
            ),
            Self::Protocol(text) | Self::Input(text) => text.clone(),
            Self::Contradiction { min, max } => crate::t!(
                "err-contradiction",
                min = min.to_string(),
                max = max.to_string()
            ),
            Self::FirstGuessUnanswered {
                peer,
                timeout_millis,
            } => crate::t!(
                "err-first-guess-unanswered",
                peer = peer.as_str(),
                time = seconds(*timeout_millis)
            ),
            Self::ClosedWithoutReply { peer } => {
                crate::t!("err-closed-without-reply", peer = peer.as_str())
            }
            Self::Exists(path) => crate::t!("err-exists", path = path.display().to_string()),
            Self::Panic(message) => crate::t!("err-panic", message = message.as_str()),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Bind { source, .. } | Self::Connect { source, .. } | Self::Io { source, .. } => {
                Some(source)
            }
            _ => None,
        }
    }
}

/// Why the system said an input/output operation failed, in the current language: English
/// shows the system's own text (`Connection refused (os error 111)`); another language says
/// the common kinds in its own words, and the rest as the system does.
pub fn reason(source: &io::Error) -> String {
    if crate::i18n::current() == crate::i18n::Lang::EnUs {
        return source.to_string();
    }
    match source.kind() {
        io::ErrorKind::AddrInUse => crate::t!("err-os-addr-in-use"),
        io::ErrorKind::AddrNotAvailable => crate::t!("err-os-addr-not-available"),
        io::ErrorKind::ConnectionRefused => crate::t!("err-os-connection-refused"),
        io::ErrorKind::ConnectionReset => crate::t!("err-os-connection-reset"),
        io::ErrorKind::ConnectionAborted => crate::t!("err-os-connection-aborted"),
        io::ErrorKind::TimedOut => crate::t!("err-os-timed-out"),
        io::ErrorKind::HostUnreachable => crate::t!("err-os-host-unreachable"),
        io::ErrorKind::NetworkUnreachable => crate::t!("err-os-network-unreachable"),
        io::ErrorKind::NotFound => crate::t!("err-os-not-found"),
        io::ErrorKind::PermissionDenied => crate::t!("err-os-permission-denied"),
        io::ErrorKind::AlreadyExists => crate::t!("err-os-already-exists"),
        io::ErrorKind::IsADirectory => crate::t!("err-os-is-a-directory"),
        io::ErrorKind::NotADirectory => crate::t!("err-os-not-a-directory"),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            crate::t!("err-os-storage-full")
        }
        io::ErrorKind::ReadOnlyFilesystem => crate::t!("err-os-read-only"),
        io::ErrorKind::BrokenPipe => crate::t!("err-os-broken-pipe"),
        _ => source.to_string(),
    }
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

/// A duration in milliseconds as people read it: `5 s`, `2.5 s`, `0.2 s` (`2,5 s` in a
/// language that writes a decimal comma).
pub fn seconds(millis: u64) -> String {
    let tenths = (millis + 50) / 100;
    if tenths.is_multiple_of(10) {
        format!("{} s", tenths / 10)
    } else {
        format!(
            "{}{}{} s",
            tenths / 10,
            crate::units::decimal_separator(),
            tenths % 10
        )
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
