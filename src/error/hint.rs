//! The plain-language hint of each common failure: what probably went wrong and what to try.
//! Some depend on where the other side is (this computer or another), so they ask
//! [`crate::net::addr`]; the error type itself stays free of the network.

use std::io;

use super::Error;

impl Error {
    /// A short explanation for students of what probably went wrong and what to try.
    pub fn hint(&self) -> Option<String> {
        use crate::t;
        match self {
            Self::Bind { addr, source } => match source.kind() {
                io::ErrorKind::AddrInUse => {
                    Some(t!("err-hint-port-in-use", port = addr.port().to_string()))
                }
                io::ErrorKind::PermissionDenied if addr.port() < 1024 => Some(t!(
                    "err-hint-low-port",
                    port = crate::net::addr::DEFAULT_ADD_PORT.to_string()
                )),
                io::ErrorKind::AddrNotAvailable => Some(t!("err-hint-not-this-computer")),
                _ => None,
            },
            Self::Connect { addr, source } => match source.kind() {
                io::ErrorKind::ConnectionRefused if !crate::net::addr::is_this_computer(addr) => {
                    Some(t!("err-hint-refused-elsewhere", addr = addr.as_str()))
                }
                io::ErrorKind::ConnectionRefused => {
                    Some(t!("err-hint-refused", addr = addr.as_str()))
                }
                io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                    Some(t!("err-hint-connect-timeout"))
                }
                io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable => {
                    Some(t!("err-hint-no-route", addr = addr.as_str()))
                }
                _ => None,
            },
            Self::Timeout { tcp: true, .. } => Some(t!("err-hint-tcp-timeout")),
            Self::Timeout { tcp: false, .. } => Some(t!("err-hint-udp-timeout")),
            Self::FirstGuessUnanswered { .. } => Some(t!("err-hint-first-guess")),
            Self::ClosedWithoutReply { .. } => Some(t!("err-hint-closed-without-reply")),
            Self::NoUdpServer { addr } if !crate::net::addr::is_this_computer(addr) => {
                Some(t!("err-hint-no-udp-server-elsewhere", addr = addr.as_str()))
            }
            Self::NoUdpServer { .. } => Some(t!("err-hint-no-udp-server")),
            Self::Io { source, .. } => match source.kind() {
                io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                    Some(t!("err-hint-disk-full"))
                }
                io::ErrorKind::ReadOnlyFilesystem => Some(t!("err-hint-read-only")),
                io::ErrorKind::PermissionDenied => Some(t!("err-hint-permission")),
                _ => None,
            },
            Self::Exists(_) => Some(t!("err-hint-exists")),
            Self::Resolve { .. } => Some(t!("err-hint-resolve")),
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
