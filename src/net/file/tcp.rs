//! File transfer over TCP, both roles: the server sends the named file in 1024-byte blocks and
//! closes; the client saves what comes until that close.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::config::{ClientConfig, ServerConfig};
use super::download::{Finish, client_done, destination};
use super::progress::{Ticker, progress};
use super::share::{check_root, choose_file, warn_if_resized};
use super::sink::{Got, Sink};
use crate::error::{Error, Result};
use crate::files::read_full;
use crate::net::event::{Event, FileReport, Role, Summary};
use crate::net::runner::{Reporter, StopFlag};
use crate::net::{POLL_INTERVAL, is_timeout};
use crate::protocol::file::{
    MAX_NAME_BYTES, TCP_BLOCK_BYTES, block_count, header_look, header_warning,
};
use crate::units::{rate, seconds};

/// How long a TCP file server waits for the file name after accepting.
pub const NAME_TIMEOUT: Duration = Duration::from_secs(10);

/// A file name with no newline is taken as complete once no byte has come for this long.
pub const NAME_SETTLE: Duration = Duration::from_millis(100);

/// A TCP server gives up on a client that accepts no data for this long.
pub const WRITE_STALL_TIMEOUT: Duration = Duration::from_secs(30);

/// Bytes the TCP server hands to one copy call (many 1024-byte blocks; stop is checked between).
pub const TCP_WRITE_BYTES: usize = 4 * 1024 * 1024;

/// Runs the TCP file server until stopped.
pub fn run_tcp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let _watch = check_root(&config.root, config.serve_hidden, reporter, stop)?;
    let (listener, local) = crate::net::tcp::listen(config.bind, reporter)?;
    reporter.info(
        None,
        crate::t!(
            "net-file-sharing",
            path = config.root.display().to_string(),
            local = local.to_string()
        ),
    );
    let served = Arc::new(AtomicUsize::new(0));
    let (root, counter) = (config.root.clone(), Arc::clone(&served));
    let hidden = config.serve_hidden;
    let limit = config.max_connections;
    crate::net::tcp::accept_loop(
        listener,
        "tcp-file",
        reporter,
        stop,
        limit,
        crate::net::tcp::Stopping::Polled,
        move |stream, peer, r, conn_stop| {
            if serve_tcp_request(&root, hidden, stream, peer, r, conn_stop) {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        },
    );
    Ok(Summary::new(crate::t!(
        "net-file-server-stopped",
        files = crate::net::counted("net-n-files", served.load(Ordering::Relaxed) as u64)
    )))
}

/// Reads a file name: up to a newline, or until the client pauses, half-closes or times out.
fn read_name(
    stream: &mut TcpStream,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Option<Vec<u8>> {
    let started = Instant::now();
    let mut buf = Vec::new();
    let mut last = Instant::now();
    let mut chunk = [0u8; 1024];
    loop {
        if stop.is_stopped() {
            return None;
        }
        if buf.contains(&b'\n') || (!buf.is_empty() && last.elapsed() >= NAME_SETTLE) {
            return Some(buf);
        }
        if started.elapsed() >= NAME_TIMEOUT {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-no-name-within",
                    secs = NAME_TIMEOUT.as_secs().to_string()
                ),
            );
            return None;
        }
        let wait = if buf.is_empty() {
            POLL_INTERVAL
        } else {
            NAME_SETTLE / 4
        };
        if stream.set_read_timeout(Some(wait)).is_err() {
            return None;
        }
        match stream.read(&mut chunk) {
            Ok(0) if buf.is_empty() => {
                reporter.warn(Some(peer), crate::t!("net-file-closed-before-name"));
                return None;
            }
            Ok(0) => return Some(buf),
            Ok(n) => {
                reporter.send(Event::Received {
                    peer,
                    bytes: chunk[..n].to_vec(),
                });
                buf.extend_from_slice(&chunk[..n]);
                last = Instant::now();
                if buf.len() > MAX_NAME_BYTES {
                    reporter.warn(
                        Some(peer),
                        crate::t!(
                            "net-file-name-too-long-closing",
                            max = MAX_NAME_BYTES.to_string()
                        ),
                    );
                    return None;
                }
            }
            Err(e) if is_timeout(&e) => {}
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    crate::t!("net-receive-failed", error = e.to_string()),
                );
                return None;
            }
        }
    }
}

/// Serves one TCP request; true if a whole file was sent.
fn serve_tcp_request(
    root: &Path,
    hidden: bool,
    mut stream: TcpStream,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
) -> bool {
    let sent = read_name(&mut stream, peer, reporter, stop)
        .and_then(|raw| choose_file(root, hidden, &raw, peer, reporter))
        .map(|(name, path, file, size)| {
            send_tcp_file(&mut stream, peer, reporter, stop, &name, &path, file, size)
        });
    let (reason, ok) = match sent {
        Some(Ok(())) => (crate::t!("net-file-sent-closed"), true),
        Some(Err(())) => (crate::t!("net-file-aborted"), false),
        None => (crate::t!("net-file-closed-without-data"), false),
    };
    if !ok {
        // A reset, not an orderly close, so that a client can tell "cut short" from "complete".
        let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
    }
    let first = if ok {
        crate::net::closer(&stream, false, false)
    } else {
        crate::net::event::Closer::OurReset
    };
    let _ = stream.shutdown(Shutdown::Both);
    reporter.send(Event::Closed {
        peer,
        reason,
        first,
    });
    ok
}

#[allow(clippy::too_many_arguments)]
fn send_tcp_file(
    stream: &mut TcpStream,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
    name: &str,
    path: &Path,
    mut file: File,
    size: u64,
) -> std::result::Result<(), ()> {
    reporter.info(
        Some(peer),
        crate::t!(
            "net-file-sending-tcp",
            name = name,
            size = size.to_string(),
            n = block_count(size, TCP_BLOCK_BYTES).to_string(),
            count = block_count(size, TCP_BLOCK_BYTES),
            block = TCP_BLOCK_BYTES.to_string()
        ),
    );
    // Short write timeouts, so that a stop is seen within a poll even while the client is not
    // reading; the stall limit is counted here instead.
    let _ = stream.set_write_timeout(Some(POLL_INTERVAL));
    let mut ticker = Ticker::new();
    let mut sender = BlockSender::new();
    let mut last_progress = Instant::now();
    // A capture gets the bytes sent, read again through a handle of its own (the file's
    // offset belongs to the sending).
    let mut captured = reporter
        .wants_payload()
        .then(|| File::open(path).ok())
        .flatten();
    loop {
        let before = sender.sent;
        if stop.is_stopped() {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-stopping-cut-short",
                    name = name,
                    bytes = sender.sent.to_string()
                ),
            );
            return Err(());
        }
        let result = sender.send_some(&mut file, stream);
        if let Some(copy) = &mut captured
            && sender.sent > before
        {
            capture_range(copy, before, sender.sent - before, peer, reporter);
        }
        match result {
            Ok(Sent::Done) => break,
            Ok(Sent::Some) => last_progress = Instant::now(),
            Ok(Sent::Blocked) => {
                if last_progress.elapsed() >= WRITE_STALL_TIMEOUT {
                    reporter.warn(
                        Some(peer),
                        crate::t!(
                            "net-file-cut-short-stalled",
                            name = name,
                            bytes = sender.sent.to_string(),
                            secs = WRITE_STALL_TIMEOUT.as_secs().to_string()
                        ),
                    );
                    return Err(());
                }
            }
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    crate::t!(
                        "net-file-cut-short",
                        name = name,
                        bytes = sender.sent.to_string(),
                        error = e.to_string()
                    ),
                );
                return Err(());
            }
        }
        if ticker.due() {
            let bytes = sender.sent;
            reporter.send(progress(
                peer,
                bytes,
                Some(size),
                block_count(bytes, TCP_BLOCK_BYTES),
                ticker.started,
            ));
        }
    }
    let bytes = sender.sent;
    warn_if_resized(reporter, peer, name, size, bytes);
    let elapsed = ticker.started.elapsed();
    reporter.send(progress(
        peer,
        bytes,
        Some(size),
        block_count(bytes, TCP_BLOCK_BYTES),
        ticker.started,
    ));
    reporter.send(Event::File(FileReport {
        role: Role::Server,
        peer,
        name: name.to_owned(),
        path: path.to_path_buf(),
        bytes,
        chunks: block_count(bytes, TCP_BLOCK_BYTES),
        tcp: true,
        elapsed,
        sha256: None,
        warning: None,
        spliced: 0,
    }));
    reporter.info(
        Some(peer),
        crate::t!(
            "net-file-sent-tcp",
            name = name,
            bytes = crate::net::counted("net-n-bytes", bytes),
            n = crate::protocol::thousands(block_count(bytes, TCP_BLOCK_BYTES)),
            count = block_count(bytes, TCP_BLOCK_BYTES),
            elapsed = seconds(elapsed),
            rate = rate(bytes, elapsed)
        ),
    );
    Ok(())
}

/// What one attempt to send more of a file did.
enum Sent {
    Some,
    /// The client's window is full: nothing could be written within the write timeout.
    Blocked,
    /// The whole file is sent.
    Done,
}

/// Streams a file to a socket in large pieces, counting exactly what was sent even when a
/// write times out part-way.
struct BlockSender {
    sent: u64,
    /// Read from the file but not yet written (the portable path).
    #[cfg(not(target_os = "linux"))]
    pending: Vec<u8>,
    #[cfg(not(target_os = "linux"))]
    pending_at: usize,
}

impl BlockSender {
    fn new() -> Self {
        Self {
            sent: 0,
            #[cfg(not(target_os = "linux"))]
            pending: Vec::new(),
            #[cfg(not(target_os = "linux"))]
            pending_at: 0,
        }
    }

    /// Linux: io::copy from a file to a socket is `sendfile`, with no copy through this
    /// process. It moves the file's offset by what it sent, so a timeout part-way loses nothing.
    #[cfg(target_os = "linux")]
    fn send_some(&mut self, file: &mut File, stream: &mut TcpStream) -> std::io::Result<Sent> {
        use std::io::Seek;
        match std::io::copy(&mut (&mut *file).take(TCP_WRITE_BYTES as u64), stream) {
            Ok(0) => Ok(Sent::Done),
            Ok(n) => {
                self.sent += n;
                Ok(Sent::Some)
            }
            Err(e) if is_timeout(&e) => {
                let at = file.stream_position()?;
                let moved = at > self.sent;
                self.sent = at;
                Ok(if moved { Sent::Some } else { Sent::Blocked })
            }
            Err(e) => Err(e),
        }
    }

    /// Elsewhere: read a piece, then write it out, keeping what a timed-out write left over.
    #[cfg(not(target_os = "linux"))]
    fn send_some(&mut self, file: &mut File, stream: &mut TcpStream) -> std::io::Result<Sent> {
        if self.pending_at == self.pending.len() {
            self.pending.resize(TCP_WRITE_BYTES, 0);
            let n = read_full(file, &mut self.pending)?;
            self.pending.truncate(n);
            self.pending_at = 0;
            if n == 0 {
                return Ok(Sent::Done);
            }
        }
        match stream.write(&self.pending[self.pending_at..]) {
            Ok(0) => Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => {
                self.pending_at += n;
                self.sent += n as u64;
                Ok(Sent::Some)
            }
            Err(e) if is_timeout(&e) => Ok(Sent::Blocked),
            Err(e) => Err(e),
        }
    }
}

/// Reports `len` bytes of `file` from `offset` to a capture, reading at most what it still
/// wants.
fn capture_range(file: &mut File, offset: u64, len: u64, peer: SocketAddr, reporter: &Reporter) {
    use std::io::{Seek, SeekFrom};
    let want = len.min(reporter.payload_left()) as usize;
    let mut bytes = vec![0; want];
    let read = file
        .seek(SeekFrom::Start(offset))
        .and_then(|_| read_full(file, &mut bytes));
    let kept = read.map_or(0, |n| n);
    reporter.payload_part(peer, true, &bytes[..kept], len as usize);
}

/// Downloads one file over TCP.
pub fn run_tcp_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let path = destination(&config.local, &config.remote);
    // A capture needs the bytes themselves: then they are read.
    let mut sink = Sink::create(&path, &config, reporter)?;
    let mut stream = crate::net::connect(&config.server, config.timeout)?;
    let peer = stream
        .peer_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-peer-address"), e))?;
    let local = stream
        .local_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-local-address"), e))?;
    reporter.send(Event::Connected {
        local,
        peer,
        tcp: true,
    });
    stream.write_all(config.remote.as_bytes()).map_err(|e| {
        Error::io(
            crate::t!("net-file-cannot-send-name", peer = peer.to_string()),
            e,
        )
    })?;
    reporter.send(Event::Sent {
        peer,
        bytes: config.remote.as_bytes().to_vec(),
    });
    // Half-close: the name is complete, so a server need not wait to see whether more follows.
    // Lab servers that just recv() the name are not affected.
    if config.half_close {
        let _ = stream.shutdown(Shutdown::Write);
        reporter.send(Event::HalfClosed { peer });
    }
    stream
        .set_read_timeout(Some(POLL_INTERVAL))
        .map_err(|e| Error::io(crate::t!("net-socket-error-context"), e))?;
    let mut bytes = 0u64;
    let mut ticker = Ticker::new();
    let mut last_data = Instant::now();
    // The first read, while it is short enough to be a header of the server's own.
    let mut first: Option<Vec<u8>> = None;
    loop {
        if stop.is_stopped() {
            return Err(Error::Input(crate::t!(
                "net-file-cancelled-after",
                bytes = bytes.to_string()
            )));
        }
        match sink.receive(&mut stream, peer, reporter, bytes == 0)? {
            Got::End => {
                // The server closed first: this side's close is a reset, which takes the
                // server's end straight to closed, never to TIME_WAIT (a student's server
                // without SO_REUSEADDR could not bind its port again for a minute).
                let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
                break;
            }
            Got::Data { n, head } => {
                if head.is_some() {
                    first = head;
                }
                bytes += n as u64;
                last_data = Instant::now();
                if ticker.due() {
                    reporter.send(progress(
                        peer,
                        bytes,
                        None,
                        block_count(bytes, TCP_BLOCK_BYTES),
                        ticker.started,
                    ));
                }
            }
            Got::Socket(e) if is_timeout(&e) => {
                if last_data.elapsed() >= config.timeout {
                    return Err(Error::Protocol(crate::t!(
                        "net-file-no-data-tcp",
                        peer = peer.to_string(),
                        secs = config.timeout.as_secs_f64().to_string(),
                        bytes = bytes.to_string()
                    )));
                }
            }
            Got::Socket(e) => {
                return Err(Error::Protocol(crate::t!(
                    "net-file-connection-cut",
                    bytes = bytes.to_string(),
                    error = e.to_string()
                )));
            }
        }
    }
    // The server's end of stream came first; this side's close is a reset (above).
    reporter.send(Event::Closed {
        peer,
        reason: crate::t!("net-closed-by-server"),
        first: crate::net::event::Closer::PeerThenOurReset,
    });
    if bytes == 0 {
        return Err(Error::Protocol(crate::t!(
            "net-file-sent-nothing",
            name = config.remote.as_str()
        )));
    }
    reporter.send(progress(
        peer,
        bytes,
        None,
        block_count(bytes, TCP_BLOCK_BYTES),
        ticker.started,
    ));
    // A short text line or a size that came alone, with the data after it: a header.
    let warning = first
        .filter(|f| (f.len() as u64) < bytes)
        .and_then(|f| header_look(&f).map(|look| header_warning(look, &f, true)));
    let spliced = sink.spliced();
    let done = Finish {
        bytes,
        chunks: block_count(bytes, TCP_BLOCK_BYTES),
        tcp: true,
        started: ticker.started,
        warning,
    };
    client_done(sink.finish(), spliced, peer, &config, done, reporter)
}
