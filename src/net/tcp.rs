//! The accept loop every TCP server shares: poll for connections while watching the stop flag,
//! refuse past [`MAX_CONNECTIONS`], and serve each connection on its own named thread.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;

use super::event::{Event, Level};
use super::runner::{Reporter, StopFlag, spawn_child};
use super::{POLL_INTERVAL, is_timeout};
use crate::error::{Error, Result};

/// Connection requests the system queues before `accept` (std's default is 128): a whole
/// class connecting at once, or a load test, is not turned away.
pub const LISTEN_BACKLOG: i32 = 1024;

fn bind_listener(bind: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(bind),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    // As std does on Unix: a restarted server may bind while old connections linger.
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&bind.into())?;
    socket.listen(LISTEN_BACKLOG)?;
    Ok(socket.into())
}

/// Binds `bind`, reports `Listening`, and returns the listener in non-blocking mode.
pub fn listen(bind: SocketAddr, reporter: &Reporter) -> Result<(TcpListener, SocketAddr)> {
    let listener = bind_listener(bind).map_err(|source| Error::Bind { addr: bind, source })?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-listening-address"), e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::io(crate::t!("net-cannot-configure-listening-socket"), e))?;
    reporter.send(Event::Listening { local, tcp: true });
    if let Some(note) = super::addr::loopback_note(local) {
        reporter.info(None, note);
    }
    Ok((listener, local))
}

/// How a server's connections see a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopping {
    /// Each connection polls its stop flag (its reads time out every [`POLL_INTERVAL`]).
    Polled,
    /// Connections block in their reads without a timeout; the accept loop shuts a
    /// connection's socket down when its flag (or the server's) is set, which ends that read
    /// on Unix (on Windows it does not: there the connection still polls its flag).
    /// With a thousand connections, a thousand threads waking twenty times a second to look at
    /// a flag cost a server under load its latency.
    ShutDown,
}

/// A connection being served.
struct Connection {
    thread: thread::JoinHandle<()>,
    /// With [`Stopping::ShutDown`]: the socket to shut down at a stop.
    socket: Option<TcpStream>,
    close: StopFlag,
}

impl Connection {
    /// Ends a blocked read of a connection whose flag is set.
    fn shut_if_stopped(&mut self) {
        if self.close.is_stopped()
            && let Some(socket) = self.socket.take()
        {
            let _ = socket.shutdown(std::net::Shutdown::Both);
        }
    }
}

/// Accepts connections until `stop` is set, running `serve` for each on a thread named
/// `"{label} {peer}"` with a stop flag of its own (a child of `stop`, also handed to the views
/// in `Accepted`); then waits for those threads and closes the listener.
pub fn accept_loop<F>(
    listener: TcpListener,
    label: &str,
    reporter: &Reporter,
    stop: &StopFlag,
    max_connections: usize,
    stopping: Stopping,
    serve: F,
) where
    F: Fn(TcpStream, SocketAddr, &Reporter, &StopFlag) + Send + Sync + 'static,
{
    let serve = Arc::new(serve);
    let mut connections: Vec<Connection> = Vec::new();
    while !stop.is_stopped() {
        connections.retain(|c| !c.thread.is_finished());
        connections.iter_mut().for_each(Connection::shut_if_stopped);
        match listener.accept() {
            Ok((stream, peer)) => {
                if connections.len() >= max_connections {
                    reporter.warn(
                        Some(peer),
                        crate::t!(
                            "net-refused-limit",
                            max = max_connections.to_string(),
                            count = max_connections
                        ),
                    );
                    continue;
                }
                // Accepted sockets must block (with timeouts) whatever the listener does.
                if let Err(e) = stream.set_nonblocking(false) {
                    reporter.log(
                        Level::Error,
                        Some(peer),
                        crate::t!("net-cannot-configure-connection", error = e.to_string()),
                    );
                    continue;
                }
                let close = stop.child();
                reporter.send(Event::Accepted {
                    peer,
                    local: stream
                        .local_addr()
                        .or_else(|_| listener.local_addr())
                        .unwrap_or(peer),
                    close: close.clone(),
                });
                let socket = match stopping {
                    Stopping::Polled => None,
                    Stopping::ShutDown => match stream.try_clone() {
                        Ok(s) => Some(s),
                        Err(e) => {
                            reporter.log(
                                Level::Error,
                                Some(peer),
                                crate::t!("net-cannot-configure-connection", error = e.to_string()),
                            );
                            continue;
                        }
                    },
                };
                let serve = Arc::clone(&serve);
                let flag = close.clone();
                match spawn_child(format!("{label} {peer}"), reporter.clone(), move |r| {
                    serve(stream, peer, r, &flag)
                }) {
                    Ok(thread) => connections.push(Connection {
                        thread,
                        socket,
                        close,
                    }),
                    Err(e) => reporter.log(Level::Error, Some(peer), e.to_string()),
                }
            }
            Err(e) if is_timeout(&e) => thread::sleep(POLL_INTERVAL / 2),
            Err(e) => {
                // Out of file descriptors and the like: say so, and keep serving.
                reporter.log(
                    Level::Error,
                    None,
                    crate::t!("net-accept-failed", error = e.to_string()),
                );
                thread::sleep(POLL_INTERVAL);
            }
        }
    }
    drop(listener);
    for mut connection in connections {
        connection.shut_if_stopped();
        let _ = connection.thread.join();
    }
}
