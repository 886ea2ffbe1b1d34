//! The one error type of socklab's core, with a plain-language hint for each common failure.

use std::io;
use std::net::SocketAddr;

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

    /// A short explanation for students of what probably went wrong and what to try.
    pub fn hint(&self) -> Option<String> {
        match self {
            Self::Bind { addr, source } => match source.kind() {
                io::ErrorKind::AddrInUse => Some(format!(
                    "Port {} is already in use, perhaps by another server you started. Stop it or pick another port.",
                    addr.port()
                )),
                io::ErrorKind::PermissionDenied if addr.port() < 1024 => Some(format!(
                    "Ports below 1024 need administrator rights; the handouts suggest a port above 1024, e.g. {}.",
                    crate::net::addr::DEFAULT_ADD_PORT
                )),
                io::ErrorKind::AddrNotAvailable => Some(
                    "That address does not belong to this computer; choose all interfaces or loopback.".into(),
                ),
                _ => None,
            },
            Self::Connect { addr, source } => match source.kind() {
                io::ErrorKind::ConnectionRefused if !crate::net::addr::is_this_computer(addr) => {
                    Some(format!(
                        "{addr} is another machine, and nothing there accepted the connection on that port. If the server runs there, it may be listening on 127.0.0.1 (localhost) only, which only that machine can reach: bind '' or 0.0.0.0 (all interfaces) there. Also check the port, and that the server is started."
                    ))
                }
                io::ErrorKind::ConnectionRefused => Some(format!(
                    "Nothing is listening at {addr}. Start the server first, and check the port and that server and client agree on IPv4/IPv6 (\"localhost\" may mean ::1)."
                )),
                io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Some(
                    "The server did not answer the connection: a firewall may be dropping packets, or the address is wrong.".into(),
                ),
                io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable => Some(format!(
                    "There is no route to {addr}: the address may be on another subnet than this computer's, or the other machine is off or unplugged (check the cable or the Wi-Fi)."
                )),
                _ => None,
            },
            Self::Timeout { tcp: true, .. } => Some(
                "The server accepted the connection but sent nothing back in time: it may be waiting for more (a newline, or a second message), or expect another message format. Look at the server's own output.".into(),
            ),
            Self::Timeout { tcp: false, .. } => Some(
                "Over UDP, nothing tells you whether a server is running: check the address and port, and that the server is started. A firewall may also drop the datagrams.".into(),
            ),
            Self::FirstGuessUnanswered { .. } => Some(
                "Some guess servers wait for a first message such as `play` or `start` before the game begins: send that first (type it as a guess), or look at the server's output. Over UDP, also check the address and port: nothing tells whether a server runs.".into(),
            ),
            Self::ClosedWithoutReply { .. } => Some(
                "Right after the request, this usually means the server expected another message format (it could not read ours, or waited for a newline): try another --format (line, json, split, pickle, …) and look at the server's own output.".into(),
            ),
            Self::NoUdpServer { addr } if !crate::net::addr::is_this_computer(addr) => Some(format!(
                "{addr} is another machine, and it answered that nothing has that UDP port open. If the server runs there, it may be bound to 127.0.0.1 (localhost) only, which only that machine can reach: bind '' or 0.0.0.0 there. Also check the port."
            )),
            Self::NoUdpServer { .. } => Some(
                "Start the server first, and check the address and port. Over UDP this answer is the only sign that no server runs; often there is none at all, and the client just waits.".into(),
            ),
            Self::Io { source, .. } => match source.kind() {
                io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Some(
                    "The disk (or your quota) is full. Nothing was saved under the file's name: free some space or choose a folder on another disk.".into(),
                ),
                io::ErrorKind::ReadOnlyFilesystem => Some(
                    "That folder is on a read-only disk (a locked USB stick, a CD, a read-only share). Nothing was saved: choose a folder you can write to.".into(),
                ),
                io::ErrorKind::PermissionDenied => Some(
                    "The system refused access (permissions). To save a download, choose a folder of your own (your Downloads or Documents); to share a file, check that you may read it.".into(),
                ),
                _ => None,
            },
            Self::Exists(_) => Some("Choose another name, or allow overwriting (--force on the command line).".into()),
            Self::Resolve { .. } => Some("Check the spelling of the host name, or use an IP address.".into()),
            _ => None,
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
    fn a_refusal_from_another_machine_points_at_localhost_binds() {
        let refused = |addr: &str| Error::Connect {
            addr: addr.into(),
            source: io::Error::from(io::ErrorKind::ConnectionRefused),
        };
        // 198.18.0.0/15 is set aside for testing: no interface of this machine has it.
        let hint = refused("198.18.0.2:12000").hint().unwrap();
        assert!(hint.contains("127.0.0.1 (localhost) only"), "{hint}");
        let hint = refused("127.0.0.1:12000").hint().unwrap();
        assert!(hint.starts_with("Nothing is listening"), "{hint}");
        let hint = refused("localhost:12000").hint().unwrap();
        assert!(hint.starts_with("Nothing is listening"), "{hint}");
        let unreachable = Error::Connect {
            addr: "198.18.0.2:12000".into(),
            source: io::Error::from(io::ErrorKind::HostUnreachable),
        };
        assert!(unreachable.hint().unwrap().contains("no route"));
        let udp = Error::NoUdpServer {
            addr: "198.18.0.2:12000".into(),
        };
        assert!(udp.hint().unwrap().contains("127.0.0.1 (localhost) only"));
        assert!(
            crate::net::addr::loopback_note("127.0.0.1:12000".parse().unwrap())
                .unwrap()
                .contains("only this computer can reach it")
        );
        assert_eq!(
            crate::net::addr::loopback_note("0.0.0.0:12000".parse().unwrap()),
            None
        );
    }

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
