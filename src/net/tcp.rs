//! The accept loop every TCP server shares: poll for connections while watching the stop flag,
//! refuse past [`MAX_CONNECTIONS`], and serve each connection on its own named thread.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::event::{Event, Level};
use super::runner::{Reporter, StopFlag, spawn_session};
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

/// Waits until `listener` has a connection to accept, at most `timeout`. The listener stays
/// non-blocking, so an accept after a spurious wake-up only finds nothing.
fn wait_for_connection(listener: &TcpListener, timeout: Duration) {
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let mut fd = libc::pollfd {
            fd: listener.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        if unsafe { libc::poll(&raw mut fd, 1, millis) } < 0 {
            // Interrupted by a signal, say: the loop looks again.
            thread::sleep(Duration::from_millis(1));
        }
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::AsRawSocket;
        use windows_sys::Win32::Networking::WinSock::{POLLRDNORM, WSAPOLLFD, WSAPoll};
        let mut fd = WSAPOLLFD {
            fd: listener.as_raw_socket() as _,
            events: POLLRDNORM,
            revents: 0,
        };
        // SAFETY: one valid WSAPOLLFD for the duration of the call.
        if unsafe { WSAPoll(&raw mut fd, 1, millis) } < 0 {
            thread::sleep(Duration::from_millis(1));
        }
    }
    #[cfg(not(any(unix, windows)))]
    thread::sleep(
        timeout
            .min(Duration::from_millis(1))
            .max(Duration::from_millis(1)),
    );
}

/// A session's receive buffer: it starts at the size of a student's `recv(1024)`, doubles
/// while receives fill it (up to its most), and goes back to the start after a receive that
/// used less than the start. A thousand sessions exchanging short lines hold 1 KiB each
/// rather than their most; one sending a large file grows to the most in a few receives.
pub struct ReadBuffer {
    buf: Vec<u8>,
    most: usize,
    /// The size the next receive uses.
    next: usize,
}

impl ReadBuffer {
    /// The size a buffer starts at.
    pub const START: usize = 1024;

    pub fn new(most: usize) -> Self {
        let start = Self::START.min(most).max(1);
        Self {
            buf: vec![0; start],
            most: most.max(1),
            next: start,
        }
    }

    /// One `read` into the buffer; the bytes are then [`Self::filled`]`(n)`.
    pub fn read_from(&mut self, from: &mut impl std::io::Read) -> std::io::Result<usize> {
        if self.next != self.buf.len() {
            self.buf.resize(self.next, 0);
            self.buf.shrink_to(self.next);
        }
        let n = from.read(&mut self.buf)?;
        let start = Self::START.min(self.most).max(1);
        self.next = if n == self.buf.len() {
            (self.buf.len() * 2).min(self.most)
        } else if n < start {
            start
        } else {
            self.buf.len()
        };
        Ok(n)
    }

    /// The first `n` bytes of the last receive.
    pub fn filled(&self, n: usize) -> &[u8] {
        &self.buf[..n.min(self.buf.len())]
    }

    /// The size of the buffer now.
    pub fn capacity(&self) -> usize {
        self.buf.len()
    }
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
    super::sched::short_slice();
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
                match spawn_session(format!("{label} {peer}"), reporter.clone(), move |r| {
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
            // Nothing waiting: sleep until a connection comes (taken at once) or the next
            // look at the flags.
            Err(e) if is_timeout(&e) => wait_for_connection(&listener, POLL_INTERVAL),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_accept_wait_ends_when_a_connection_comes() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a listener");
        listener.set_nonblocking(true).expect("non-blocking");
        let addr = listener.local_addr().expect("its address");
        // Nothing waiting: the wait lasts its timeout.
        let began = std::time::Instant::now();
        wait_for_connection(&listener, Duration::from_millis(100));
        assert!(began.elapsed() >= Duration::from_millis(90));
        let _client = std::net::TcpStream::connect(addr).expect("connects");
        // A connection waiting: the wait ends at once instead of after a minute.
        let began = std::time::Instant::now();
        wait_for_connection(&listener, Duration::from_secs(60));
        assert!(
            began.elapsed() < Duration::from_secs(30),
            "waited {:?}",
            began.elapsed()
        );
        assert!(listener.accept().is_ok());
    }

    #[test]
    fn a_read_buffer_grows_while_receives_fill_it_and_goes_back_after_a_short_one() {
        let mut buffer = ReadBuffer::new(16 * 1024);
        assert_eq!(buffer.capacity(), ReadBuffer::START);
        let big = vec![7u8; 40 * 1024];
        let mut from = &big[..];
        let mut sizes = Vec::new();
        let mut total = 0;
        while total < big.len() {
            let n = buffer.read_from(&mut from).expect("a slice reads");
            assert!(buffer.filled(n).iter().all(|&b| b == 7));
            sizes.push(n);
            total += n;
        }
        assert_eq!(
            &sizes[..6],
            &[1024, 2048, 4096, 8192, 16384, 9216],
            "doubles up to its most"
        );
        let line = b"hello\n".to_vec();
        let mut from = &line[..];
        // The 9,216-byte receive was not a full one: the buffer stays; a short one takes it back.
        let n = buffer.read_from(&mut from).expect("a slice reads");
        assert_eq!(buffer.filled(n), b"hello\n");
        let mut nothing: &[u8] = &[];
        let _ = buffer.read_from(&mut nothing);
        assert_eq!(buffer.capacity(), ReadBuffer::START);
    }
}
