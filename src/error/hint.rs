//! The plain-language hint of each common failure: what probably went wrong and what to try.
//! Some depend on where the other side is (this computer or another), so they ask
//! [`crate::net::addr`]; the error type itself stays free of the network.

use std::io;

use super::Error;

impl Error {
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
}
