//! What every UDP runner does the same way: bind a server socket, poll it, and set up a client
//! socket connected to its server.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use super::event::Event;
use super::impair::{Conditions, Link, Simulator};
use super::runner::{Reporter, StopFlag};
use super::{POLL_INTERVAL, is_timeout};
use crate::error::{Error, Result};

/// `socket` through the network simulator when `conditions` impair anything (said in the
/// log), else straight.
pub fn link(socket: UdpSocket, conditions: &Conditions, reporter: &Reporter) -> Result<Link> {
    conditions.check().map_err(Error::Input)?;
    let sim = conditions.is_active().then(|| {
        reporter.info(
            None,
            crate::t!("net-simulated-network", conditions = conditions.describe()),
        );
        std::sync::Arc::new(Simulator::new(conditions.clone()))
    });
    Ok(Link::new(socket, sim))
}

/// Sends one datagram through `link` (to `to`, or to the connected peer) and reports it:
/// `Sent`, or `Dropped` when the simulator dropped it.
pub fn send(
    link: &Link,
    bytes: Vec<u8>,
    peer: SocketAddr,
    to: Option<SocketAddr>,
    reporter: &Reporter,
) -> io::Result<()> {
    let fate = match to {
        Some(addr) => link.send_to(&bytes, addr)?,
        None => link.send(&bytes)?,
    };
    match fate {
        Some(f) if f.dropped => reporter.send(Event::Dropped { peer, bytes }),
        Some(f) => {
            if f.duplicated || f.reordered || !f.delay.is_zero() {
                reporter.send(Event::Fate { peer, fate: f });
            }
            reporter.send(Event::Sent { peer, bytes });
        }
        None => reporter.send(Event::Sent { peer, bytes }),
    }
    Ok(())
}

/// The transfers a UDP server runs (the lab file server, TFTP): one per peer at a time, each on
/// a thread of its own, all joined when the server stops. A peer that asks again while its
/// transfer runs (its answer was slow or lost) must not start a second one.
#[derive(Default)]
pub struct Transfers {
    active: std::sync::Arc<std::sync::Mutex<Vec<SocketAddr>>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    /// Transfers started so far.
    pub started: u64,
}

impl Transfers {
    /// Whether a transfer to `peer` is running now.
    pub fn busy(&mut self, peer: SocketAddr) -> bool {
        self.threads.retain(|t| !t.is_finished());
        self.active.lock().is_ok_and(|a| a.contains(&peer))
    }

    /// Runs `work` for `peer` on a thread named `name`.
    pub fn start<F>(&mut self, peer: SocketAddr, name: String, reporter: &Reporter, work: F)
    where
        F: FnOnce(&Reporter) + Send + 'static,
    {
        if let Ok(mut a) = self.active.lock() {
            a.push(peer);
        }
        self.started += 1;
        let active = std::sync::Arc::clone(&self.active);
        let child = super::runner::spawn_child(name, reporter.clone(), move |r| {
            work(r);
            if let Ok(mut a) = active.lock() {
                a.retain(|p| *p != peer);
            }
        });
        match child {
            Ok(handle) => self.threads.push(handle),
            Err(e) => reporter.warn(Some(peer), e.to_string()),
        }
    }

    /// Waits for every transfer (they watch the server's stop flag); the server's last line.
    pub fn finish(self) -> super::event::Summary {
        for t in self.threads {
            let _ = t.join();
        }
        super::event::Summary::new(crate::t!(
            "net-server-stopped-started",
            transfers = super::counted("net-n-transfers", self.started)
        ))
    }
}

/// Binds a server socket that wakes every [`POLL_INTERVAL`], and reports `Listening`. The
/// calling thread, which serves the socket, asks for a short slice ([`super::sched`]).
pub fn bind_server(bind: SocketAddr, reporter: &Reporter) -> Result<(UdpSocket, SocketAddr)> {
    super::sched::short_slice();
    let socket = UdpSocket::bind(bind).map_err(|source| Error::Bind { addr: bind, source })?;
    let local = socket
        .local_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-bound-address"), e))?;
    socket
        .set_read_timeout(Some(POLL_INTERVAL))
        .map_err(|e| Error::io(crate::t!("net-cannot-configure-socket"), e))?;
    reporter.send(Event::Listening { local, tcp: false });
    if let Some(note) = super::addr::loopback_note(local) {
        reporter.info(None, note);
    }
    Ok((socket, local))
}

/// One `recv_from` on a polling server socket: None when nothing came in this poll.
///
/// A "connection reset" is skipped: on Windows it reports an ICMP error for an earlier reply to
/// a client that has gone, and says nothing about this socket.
pub fn poll_datagram(link: &Link, buf: &mut [u8]) -> Result<Option<(usize, SocketAddr)>> {
    match link.recv_from(buf) {
        Ok(got) => Ok(Some(got)),
        Err(e) if is_timeout(&e) || e.kind() == io::ErrorKind::ConnectionReset => Ok(None),
        Err(e) => Err(Error::io(crate::t!("net-receive-failed-context"), e)),
    }
}

/// A client socket connected to `server` (so it hears "port unreachable" at once), polling
/// every [`POLL_INTERVAL`]; reports `Connected`.
pub fn connect_client(server: &str, reporter: &Reporter) -> Result<(UdpSocket, SocketAddr)> {
    let peer = *super::addr::resolve(server)?
        .first()
        .ok_or_else(|| Error::Input(crate::t!("net-no-address", server = server)))?;
    let socket = super::udp_client_socket(peer)?;
    socket
        .connect(peer)
        .map_err(|e| Error::io(crate::t!("net-cannot-address", peer = peer.to_string()), e))?;
    socket
        .set_read_timeout(Some(POLL_INTERVAL))
        .map_err(|e| Error::io(crate::t!("net-socket-error-context"), e))?;
    let local = socket
        .local_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-local-address"), e))?;
    reporter.send(Event::Connected {
        local,
        peer,
        tcp: false,
    });
    Ok((socket, peer))
}

/// Waits for one datagram on a connected client socket, at most `timeout`.
pub fn recv_reply(
    socket: &Link,
    peer: SocketAddr,
    buf: &mut [u8],
    timeout: Duration,
    stop: &StopFlag,
) -> Result<usize> {
    let deadline = Instant::now() + timeout;
    loop {
        if stop.is_stopped() {
            return Err(Error::Input(crate::t!("net-cancelled")));
        }
        match socket.recv(buf) {
            Ok(n) => return Ok(n),
            Err(e) if is_timeout(&e) => {
                if Instant::now() >= deadline {
                    return Err(Error::Timeout {
                        peer: peer.to_string(),
                        timeout_millis: timeout.as_millis() as u64,
                        tcp: false,
                    });
                }
            }
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                return Err(Error::NoUdpServer {
                    addr: peer.to_string(),
                });
            }
            Err(e) => return Err(Error::io(crate::t!("net-receive-failed-context"), e)),
        }
    }
}
