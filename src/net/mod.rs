//! Blocking `std::net` loops that wire the protocol codecs to sockets.
//!
//! Each exercise role is a function `run_*(config, &Reporter, &StopFlag) -> Result<Summary>`
//! that [`runner::spawn`] puts on a named thread. Sockets poll with short timeouts so that a stop
//! request is answered within [`POLL_INTERVAL`].

pub mod add;
pub mod addr;
pub mod batch;
pub mod capture;
pub mod echo;
pub mod event;
pub mod file;
pub mod guess;
pub mod impair;
pub mod runner;
pub mod sched;
pub mod stop;
pub mod tcp;
pub mod tftp;
pub mod udp;

use std::io;
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::time::Duration;

use crate::error::{Error, Result};

/// How often blocked loops wake to check their stop flag.
pub const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Default time a client waits to connect and for a reply.
pub const DEFAULT_CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// A TCP connection with no traffic at all for this long is closed by the server.
pub const CONNECTION_IDLE_TIMEOUT: Duration = Duration::from_secs(300);

/// Most TCP connections one server serves at once; more are refused with a log line.
pub const MAX_CONNECTIONS: usize = 1024;

/// Largest UDP payload over IPv4 (65,535 − 8 UDP header − 20 IP header).
pub const MAX_DATAGRAM_BYTES: usize = 65_507;

/// Connects to `host_port`, trying each address it resolves to (so `localhost` works whether
/// the server listens on 127.0.0.1 or ::1).
pub fn connect(host_port: &str, timeout: Duration) -> Result<TcpStream> {
    let addrs = addr::resolve(host_port)?;
    let mut last = None;
    for addr in &addrs {
        match TcpStream::connect_timeout(addr, timeout) {
            Ok(stream) => return Ok(stream),
            Err(e) => last = Some((addr, e)),
        }
    }
    let (addr, source) =
        last.ok_or_else(|| Error::Input(crate::t!("net-no-address", server = host_port)))?;
    Err(Error::Connect {
        addr: if addrs.len() > 1 {
            crate::t!(
                "net-address-and-others",
                server = host_port,
                addr = addr.to_string(),
                n = (addrs.len() - 1).to_string(),
                count = addrs.len() - 1
            )
        } else {
            addr.to_string()
        },
        source,
    })
}

/// A UDP socket on an ephemeral port of the same family as `server`.
pub fn udp_client_socket(server: SocketAddr) -> Result<UdpSocket> {
    let local: SocketAddr = if server.is_ipv6() {
        "[::]:0"
            .parse()
            .map_err(|_| Error::Input(crate::t!("net-bad-local-address")))?
    } else {
        "0.0.0.0:0"
            .parse()
            .map_err(|_| Error::Input(crate::t!("net-bad-local-address")))?
    };
    UdpSocket::bind(local).map_err(|e| Error::io(crate::t!("net-cannot-create-udp-socket"), e))
}

/// Whether a read error only means "nothing yet" (a timeout on a blocking socket).
pub fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Longest a client waits for the server's end of a connection before it resets it.
pub const CLOSE_GRACE: Duration = Duration::from_millis(300);

/// Ends a client's TCP connection so that the server is never left in TIME_WAIT (a student's
/// server without SO_REUSEADDR could not bind its port again for a minute):
/// - the server has closed already (it closed first): a reset, at once, which takes its side
///   straight from waiting to closed;
/// - it has not: this side's end of stream, so the server's `recv()` returns nothing as at any
///   close; it closes second, which leaves it no TIME_WAIT. No reset then: one arriving in the
///   middle of a `recv()` would crash a program that does not expect it.
///
/// How it ended, for the capture.
pub fn close_without_time_wait(stream: &mut std::net::TcpStream) -> event::Closer {
    use std::io::Read;
    let mut probe = [0u8; 1];
    let closed_first =
        stream.set_nonblocking(true).is_ok() && matches!(stream.read(&mut probe), Ok(0));
    let _ = stream.set_nonblocking(false);
    if closed_first {
        let _ = socket2::SockRef::from(&*stream).set_linger(Some(Duration::ZERO));
        return event::Closer::PeerThenOurReset;
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    // Let the server see the end and close, so that the wait for its close is ours.
    let _ = stream.set_read_timeout(Some(CLOSE_GRACE));
    let until = std::time::Instant::now() + CLOSE_GRACE;
    let mut sink = [0u8; 1024];
    while std::time::Instant::now() < until {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
    }
    event::Closer::Us
}

/// Which side closed `stream` first, as this side's calls saw it, when this side is about to
/// close it: a socket error that was a reset (`reset`, see [`is_reset`]) is the peer's reset;
/// a receive of 0 bytes (`saw_eof`), or one that is waiting to be read now, the peer's FIN;
/// else this side's.
pub fn closer(stream: &std::net::TcpStream, saw_eof: bool, reset: bool) -> event::Closer {
    if reset {
        return event::Closer::PeerReset;
    }
    if saw_eof || peer_has_closed(stream) {
        event::Closer::Peer
    } else {
        event::Closer::Us
    }
}

/// Whether a socket error is the peer's reset of the connection.
pub fn is_reset(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::ConnectionReset
}

/// `n` things as the catalogue says them ("3 requests", "1,024 bytes"): `id` names a message
/// with the arguments `n` (the number with its thousands separated) and `count` (the plural).
pub fn counted(id: &str, n: u64) -> String {
    use fluent_bundle::FluentValue;
    crate::i18n::tr_args(
        id,
        &[
            ("n", FluentValue::from(crate::protocol::thousands(n))),
            ("count", FluentValue::from(n)),
        ],
    )
}

/// Whether the peer's FIN is waiting to be read on `stream` (nothing else is: a peek).
pub fn peer_has_closed(stream: &std::net::TcpStream) -> bool {
    let mut probe = [0u8; 1];
    let closed = stream.set_nonblocking(true).is_ok() && matches!(stream.peek(&mut probe), Ok(0));
    let _ = stream.set_nonblocking(false);
    closed
}
