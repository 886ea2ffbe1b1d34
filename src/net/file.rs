//! File transfer over TCP (1024-byte blocks, end of file = the server closes) and UDP
//! (2048-byte datagrams, end of file = the first shorter datagram), both roles.
//!
//! Servers serve only regular files inside their shared folder. Clients write to a temporary
//! file and rename it into place only when the transfer succeeded.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use super::event::{Event, FileReport, PROGRESS_INTERVAL, Progress, Role, Summary};
use super::runner::{Reporter, StopFlag};
use super::{MAX_DATAGRAM_BYTES, POLL_INTERVAL, is_timeout};
use crate::error::{Error, Result};
use crate::files::{Download, list_shared, read_full};
use crate::protocol::escape_bytes;
use crate::protocol::file::{
    HeaderLook, MAX_NAME_BYTES, TCP_BLOCK_BYTES, UDP_CHUNK_BYTES, block_count, header_look,
    header_warning, parse_name, resolve_in_root,
};
pub use crate::units::{human_bytes, rate, seconds};

/// The port file-transfer forms offer by default.
pub const DEFAULT_FILE_PORT: u16 = 9000;

/// How long a TCP file server waits for the file name after accepting.
pub const NAME_TIMEOUT: Duration = Duration::from_secs(10);

/// A file name with no newline is taken as complete once no byte has come for this long.
pub const NAME_SETTLE: Duration = Duration::from_millis(100);

/// A TCP server gives up on a client that accepts no data for this long.
pub const WRITE_STALL_TIMEOUT: Duration = Duration::from_secs(30);

/// Bytes the TCP server hands to one copy call (many 1024-byte blocks; stop is checked between).
pub const TCP_WRITE_BYTES: usize = 4 * 1024 * 1024;

/// Default pace of the UDP server. UDP has no flow control: a sender faster than the receiver
/// overflows the receiver's buffer and datagrams are lost without a trace.
pub const DEFAULT_UDP_RATE_BYTES_PER_SEC: u64 = 4 * 1024 * 1024;

/// Datagrams of 2048 bytes a default Linux receive buffer (208 KiB) holds: each costs the
/// buffer about twice its size.
pub const DEFAULT_BUFFER_DATAGRAMS: u64 = 46;

/// Datagrams sent back to back before the UDP server checks its pace.
const UDP_BURST_DATAGRAMS: u64 = 8;

/// Receive buffer the UDP client asks for (the system may grant less).
pub const UDP_CLIENT_RECV_BUFFER_BYTES: usize = 8 * 1024 * 1024;

/// Default idle timeout of the clients: no data for this long ends the transfer with an error.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// What a file server needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// TCP: most connections served at once; more are refused with a log line.
    pub max_connections: usize,
    /// The shared folder.
    pub root: PathBuf,
    /// Serve hidden names too (`.ssh/…`, `lab/.git/config`); off, they are refused.
    pub serve_hidden: bool,
    /// UDP only: bytes per second the server sends at most.
    pub udp_rate_bytes_per_sec: u64,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
}

/// What a file client needs.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// `host:port`.
    pub server: String,
    /// The name to ask for.
    pub remote: String,
    /// Where to save it; an existing folder means "in this folder, under the remote name".
    pub local: PathBuf,
    pub overwrite: bool,
    /// Connection timeout and idle timeout.
    pub timeout: Duration,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: super::impair::Conditions,
    /// TCP: end this side's stream right after the name, so that a server that reads the name
    /// to the end of the stream has it whole. Off, the server closes first, always (socklab's
    /// checks: a server that crashes at once is then never left in TIME_WAIT, as it is when
    /// its close crosses this end).
    pub half_close: bool,
    /// TCP on Linux: move the bytes socket → file with `splice(2)`, never through this
    /// program's memory, and hash them on a thread of their own. Off, or where `splice` is
    /// refused, they are read and then written; so are those a capture keeps.
    pub zero_copy: bool,
}

/// Splits the handout's `HOST:PORT:REMOTE_NAME` (or `[v6]:PORT:REMOTE_NAME`).
pub fn split_target(target: &str) -> Result<(String, String)> {
    let bad = || {
        Error::Input(format!(
            "{target:?} is not HOST:PORT:REMOTE_NAME (e.g. localhost:9000:notes.txt or [::1]:9000:notes.txt)"
        ))
    };
    let (host_end, rest) = if target.starts_with('[') {
        let end = target.find("]:").ok_or_else(bad)? + 1;
        (end, &target[end + 1..])
    } else {
        let end = target.find(':').ok_or_else(bad)?;
        (end, &target[end + 1..])
    };
    let (port, remote) = rest.split_once(':').ok_or_else(bad)?;
    if remote.is_empty() || port.is_empty() || host_end == 0 {
        return Err(bad());
    }
    Ok((format!("{}:{port}", &target[..host_end]), remote.to_owned()))
}

/// How often a file server looks at its folder again, so that the list it offers follows files
/// added, removed or changed.
pub const SHARE_LOOK_INTERVAL: Duration = Duration::from_secs(2);

/// Checks the shared folder and reports its files; then looks again every
/// [`SHARE_LOOK_INTERVAL`] on a thread of its own and reports the list when it changed, until
/// the returned guard is dropped or `stop` is set.
fn check_root(
    root: &Path,
    hidden: bool,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<ShareWatch> {
    if !root.is_dir() {
        return Err(Error::Input(format!(
            "the shared folder {} does not exist or is not a folder",
            root.display()
        )));
    }
    let mut last = list_shared(root, hidden);
    reporter.send(Event::SharedFiles(last.clone()));
    let done = stop.child();
    let (root, reporter, watching) = (root.to_path_buf(), reporter.clone(), done.clone());
    let thread = thread::Builder::new()
        .name("share watch".into())
        .spawn(move || {
            while !watching.is_stopped() {
                let until = Instant::now() + SHARE_LOOK_INTERVAL;
                while Instant::now() < until && !watching.is_stopped() {
                    thread::sleep(POLL_INTERVAL);
                }
                let now = list_shared(&root, hidden);
                if now != last && !watching.is_stopped() {
                    reporter.send(Event::SharedFiles(now.clone()));
                    last = now;
                }
            }
        })
        .ok();
    Ok(ShareWatch { done, thread })
}

/// Stops the shared folder's watch when dropped.
struct ShareWatch {
    done: StopFlag,
    thread: Option<thread::JoinHandle<()>>,
}

impl Drop for ShareWatch {
    fn drop(&mut self) {
        self.done.stop();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Emits progress at most every [`PROGRESS_INTERVAL`].
struct Ticker {
    started: Instant,
    last: Instant,
}

impl Ticker {
    fn new() -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
        }
    }

    fn due(&mut self) -> bool {
        if self.last.elapsed() >= PROGRESS_INTERVAL {
            self.last = Instant::now();
            true
        } else {
            false
        }
    }
}

fn progress(
    peer: SocketAddr,
    bytes: u64,
    total: Option<u64>,
    chunks: u64,
    started: Instant,
) -> Event {
    Event::Progress(Progress {
        peer,
        bytes,
        total,
        chunks,
        elapsed: started.elapsed(),
        retransmits: 0,
    })
}

/// Runs the TCP file server until stopped.
pub fn run_tcp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let _watch = check_root(&config.root, config.serve_hidden, reporter, stop)?;
    let (listener, local) = super::tcp::listen(config.bind, reporter)?;
    reporter.info(
        None,
        format!("sharing {} on {local}", config.root.display()),
    );
    let served = Arc::new(AtomicUsize::new(0));
    let (root, counter) = (config.root.clone(), Arc::clone(&served));
    let hidden = config.serve_hidden;
    let limit = config.max_connections;
    super::tcp::accept_loop(
        listener,
        "tcp-file",
        reporter,
        stop,
        limit,
        super::tcp::Stopping::Polled,
        move |stream, peer, r, conn_stop| {
            if serve_tcp_request(&root, hidden, stream, peer, r, conn_stop) {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        },
    );
    Ok(Summary::new(format!(
        "server stopped; sent {}",
        crate::protocol::counted(served.load(Ordering::Relaxed) as u64, "file", "files")
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
                format!("no file name within {} s; closing", NAME_TIMEOUT.as_secs()),
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
                reporter.warn(Some(peer), "closed before sending a file name");
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
                        format!("file name longer than {MAX_NAME_BYTES} bytes; closing"),
                    );
                    return None;
                }
            }
            Err(e) if is_timeout(&e) => {}
            Err(e) => {
                reporter.warn(Some(peer), format!("receive failed: {e}"));
                return None;
            }
        }
    }
}

/// Picks the file for a request, logging a refusal with the peer; None means "send nothing".
fn choose_file(
    root: &Path,
    hidden: bool,
    raw: &[u8],
    peer: SocketAddr,
    reporter: &Reporter,
) -> Option<(String, PathBuf, File, u64)> {
    let name = match parse_name(raw) {
        Ok(name) => name,
        Err(why) => {
            reporter.warn(
                Some(peer),
                format!("bad request \"{}\": {why}", escape_bytes(raw)),
            );
            return None;
        }
    };
    let path = match resolve_in_root(root, &name, hidden) {
        Ok(path) => path,
        Err(refusal) => {
            reporter.warn(
                Some(peer),
                format!("asked for \"{name}\": {refusal}; sending nothing"),
            );
            return None;
        }
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            reporter.warn(
                Some(peer),
                format!("asked for \"{name}\": cannot open it: {e}; sending nothing"),
            );
            return None;
        }
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    Some((name, path, file, size))
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
        Some(Ok(())) => ("file sent; closed by the server", true),
        Some(Err(())) => ("transfer aborted", false),
        None => ("closed by the server without sending data", false),
    };
    if !ok {
        // A reset, not an orderly close, so that a client can tell "cut short" from "complete".
        let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
    }
    let first = if ok {
        super::closer(&stream, false, "")
    } else {
        super::event::Closer::OurReset
    };
    let _ = stream.shutdown(Shutdown::Both);
    reporter.send(Event::Closed {
        peer,
        reason: reason.into(),
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
        format!(
            "sending \"{name}\": {size} bytes in {} blocks of {TCP_BLOCK_BYTES}",
            block_count(size, TCP_BLOCK_BYTES)
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
                format!(
                    "server stopping: \"{name}\" cut short after {} bytes",
                    sender.sent
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
                        format!(
                            "\"{name}\" cut short after {} bytes: the client accepted no data for {} s",
                            sender.sent,
                            WRITE_STALL_TIMEOUT.as_secs()
                        ),
                    );
                    return Err(());
                }
            }
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    format!("\"{name}\" cut short after {} bytes: {e}", sender.sent),
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
        format!(
            "sent \"{name}\": {}, {} blocks in {} ({})",
            crate::protocol::counted(bytes, "byte", "bytes"),
            crate::protocol::thousands(block_count(bytes, TCP_BLOCK_BYTES)),
            seconds(elapsed),
            rate(bytes, elapsed)
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

/// A file that grew or shrank while it was sent is sent as it was read; say so.
fn warn_if_resized(reporter: &Reporter, peer: SocketAddr, name: &str, size: u64, sent: u64) {
    if sent != size {
        reporter.warn(
            Some(peer),
            format!("\"{name}\" changed size while it was sent: it had {size} bytes when the transfer began, {sent} were sent"),
        );
    }
}

/// Where a client saves: an existing folder means "in it, under the remote name".
/// Says so when a download began by removing what an interrupted one left beside it.
pub(crate) fn note_stale_parts(download: &Download, reporter: &Reporter) {
    note_removed_parts(download.stale_removed(), download.path(), reporter);
}

fn note_removed_parts(n: usize, path: &Path, reporter: &Reporter) {
    if n > 0 {
        reporter.info(
            None,
            format!(
                "removed {n} partial file{} left beside {} by an interrupted download",
                if n == 1 { "" } else { "s" },
                path.display()
            ),
        );
    }
}

fn destination(local: &Path, remote: &str) -> PathBuf {
    if local.is_dir() {
        let base = Path::new(&remote.replace('\\', "/"))
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "download".into());
        local.join(base)
    } else {
        local.to_path_buf()
    }
}

/// What a TCP transfer's chunks are called.
const TCP_UNIT: &str = "blocks";
/// What a UDP transfer's chunks are called.
const UDP_UNIT: &str = "datagrams";

/// How a finished download is reported.
struct Finish<'a> {
    bytes: u64,
    chunks: u64,
    unit: &'a str,
    started: Instant,
    warning: Option<String>,
}

fn client_done(
    saved: Result<(PathBuf, String)>,
    spliced: u64,
    peer: SocketAddr,
    config: &ClientConfig,
    done: Finish<'_>,
    reporter: &Reporter,
) -> Result<Summary> {
    let Finish {
        bytes,
        chunks,
        unit,
        started,
        warning,
    } = done;
    let (path, sha256) = saved?;
    // Until the file is whole and in place: the last piece's write and hash included.
    let elapsed = started.elapsed();
    reporter.send(Event::File(FileReport {
        role: Role::Client,
        peer,
        name: config.remote.clone(),
        path: path.clone(),
        bytes,
        chunks,
        tcp: unit == TCP_UNIT,
        elapsed,
        sha256: Some(sha256.clone()),
        warning: warning.clone(),
        spliced,
    }));
    if let Some(w) = &warning {
        reporter.warn(Some(peer), w.clone());
    }
    let unit = if chunks == 1 {
        unit.trim_end_matches('s')
    } else {
        unit
    };
    Ok(Summary::new(format!(
        "saved {} ({}, {} {unit}) in {}, {}; SHA-256 {sha256}{}",
        path.display(),
        crate::protocol::counted(bytes, "byte", "bytes"),
        crate::protocol::thousands(chunks),
        seconds(elapsed),
        rate(bytes, elapsed),
        warning
            .map(|w| format!("; warning: {w}"))
            .unwrap_or_default()
    )))
}

/// Where a TCP download's bytes go.
struct Sink {
    /// Read into this program, then written and hashed on the writer thread.
    copy: Option<Download>,
    /// Linux: moved socket → file by `splice`, hashed behind the writer.
    #[cfg(target_os = "linux")]
    splice: Option<crate::files::SpliceDownload>,
    /// Whether `splice` may take over (Linux, [`ClientConfig::zero_copy`], not refused yet).
    #[cfg(target_os = "linux")]
    may_splice: bool,
}

/// What one receive got.
enum Got {
    /// `n` bytes are saved; `head` holds them when they were the first and short enough to be
    /// a header of the server's own.
    Data {
        n: usize,
        head: Option<Vec<u8>>,
    },
    End,
    Socket(std::io::Error),
}

impl Sink {
    /// Splices from the start unless a capture wants the bytes themselves (then they are read
    /// until it has what it keeps, and spliced after).
    fn create(path: &Path, config: &ClientConfig, reporter: &Reporter) -> Result<Self> {
        #[cfg(target_os = "linux")]
        if config.zero_copy && reporter.payload_left() == 0 {
            let splice = crate::files::SpliceDownload::create(path, config.overwrite)?;
            note_removed_parts(splice.stale_removed(), splice.path(), reporter);
            return Ok(Self {
                copy: None,
                splice: Some(splice),
                may_splice: true,
            });
        }
        let copy = Download::create(path, config.overwrite)?;
        note_stale_parts(&copy, reporter);
        Ok(Self {
            copy: Some(copy),
            #[cfg(target_os = "linux")]
            splice: None,
            #[cfg(target_os = "linux")]
            may_splice: config.zero_copy,
        })
    }

    /// Bytes that went socket → file without passing through this program.
    fn spliced(&self) -> u64 {
        #[cfg(target_os = "linux")]
        return self.splice.as_ref().map_or(0, |s| s.spliced());
        #[cfg(not(target_os = "linux"))]
        0
    }

    /// Saves what the socket has. `Err` is the file's side (a full disk and the like).
    fn receive(
        &mut self,
        stream: &mut TcpStream,
        peer: SocketAddr,
        reporter: &Reporter,
        first: bool,
    ) -> Result<Got> {
        let head = |n: usize| first && n <= crate::protocol::file::HEADER_MAX_BYTES;
        #[cfg(target_os = "linux")]
        if self.may_splice && self.splice.is_none() && reporter.payload_left() == 0 {
            // The capture has all the bytes it keeps: splice the rest.
            if let Some(copy) = self.copy.take() {
                self.splice = Some(copy.into_splice()?);
            }
        }
        #[cfg(target_os = "linux")]
        if let Some(splice) = &mut self.splice {
            use crate::files::Spliced;
            return match splice.splice_from(stream)? {
                Spliced::Moved(n) => {
                    // A capture counts them (their bytes are past what it keeps).
                    reporter.payload_part(peer, false, &[], n);
                    Ok(Got::Data {
                        n,
                        head: if head(n) {
                            splice.read_back(0, n)
                        } else {
                            None
                        },
                    })
                }
                Spliced::End => Ok(Got::End),
                Spliced::Socket(e) => Ok(Got::Socket(e)),
                Spliced::Unsupported(back) => {
                    // Not here (the socket or the file system): read and write instead.
                    self.may_splice = false;
                    let mut copy = self
                        .splice
                        .take()
                        .ok_or_else(|| Error::Input("the download is gone".into()))?
                        .into_copying()?;
                    copy.write(&back)?;
                    reporter.payload(peer, false, &back);
                    self.copy = Some(copy);
                    if back.is_empty() {
                        self.receive(stream, peer, reporter, first)
                    } else {
                        Ok(Got::Data {
                            n: back.len(),
                            head: head(back.len()).then_some(back),
                        })
                    }
                }
            };
        }
        let copy = self
            .copy
            .as_mut()
            .ok_or_else(|| Error::Input("the download is gone".into()))?;
        // Received straight into the piece the writer thread will save and hash.
        let space = copy.space();
        match stream.read(space) {
            Ok(0) => Ok(Got::End),
            Ok(n) => {
                let head = head(n).then(|| space[..n].to_vec());
                reporter.payload(peer, false, &space[..n]);
                copy.commit(n)?;
                Ok(Got::Data { n, head })
            }
            Err(e) => Ok(Got::Socket(e)),
        }
    }

    /// Waits for the last write and the hash, and renames the file into place.
    fn finish(self) -> Result<(PathBuf, String)> {
        #[cfg(target_os = "linux")]
        if let Some(splice) = self.splice {
            return splice.finish();
        }
        self.copy
            .ok_or_else(|| Error::Input("the download is gone".into()))?
            .finish()
    }
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
    let mut stream = super::connect(&config.server, config.timeout)?;
    let peer = stream
        .peer_addr()
        .map_err(|e| Error::io("cannot read the peer address", e))?;
    let local = stream
        .local_addr()
        .map_err(|e| Error::io("cannot read the local address", e))?;
    reporter.send(Event::Connected {
        local,
        peer,
        tcp: true,
    });
    stream
        .write_all(config.remote.as_bytes())
        .map_err(|e| Error::io(format!("cannot send the file name to {peer}"), e))?;
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
        .map_err(|e| Error::io("socket error", e))?;
    let mut bytes = 0u64;
    let mut ticker = Ticker::new();
    let mut last_data = Instant::now();
    // The first read, while it is short enough to be a header of the server's own.
    let mut first: Option<Vec<u8>> = None;
    loop {
        if stop.is_stopped() {
            return Err(Error::Input(format!(
                "cancelled after {bytes} bytes; nothing saved"
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
                    return Err(Error::Protocol(format!(
                        "no data from {peer} for {} s after {bytes} bytes: the server stopped sending, or the network between is down (a cable, the Wi-Fi); nothing saved",
                        config.timeout.as_secs_f64()
                    )));
                }
            }
            Got::Socket(e) => {
                return Err(Error::Protocol(format!(
                    "the connection was cut after {bytes} bytes ({e}): the server stopped or refused; nothing saved"
                )));
            }
        }
    }
    // The server's end of stream came first; this side's close is a reset (above).
    reporter.send(Event::Closed {
        peer,
        reason: "closed by the server".into(),
        first: super::event::Closer::PeerThenOurReset,
    });
    if bytes == 0 {
        return Err(Error::Protocol(format!(
            "the server sent nothing: the file \"{}\" may not exist there (in this protocol an empty file looks the same); nothing saved",
            config.remote
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
        unit: TCP_UNIT,
        started: ticker.started,
        warning,
    };
    client_done(sink.finish(), spliced, peer, &config, done, reporter)
}

/// Runs the UDP file server until stopped; each transfer runs on its own thread.
pub fn run_udp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let _watch = check_root(&config.root, config.serve_hidden, reporter, stop)?;
    let (socket, local) = super::udp::bind_server(config.bind, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    let socket = Arc::new(socket);
    reporter.info(
        None,
        format!(
            "sharing {} on {local}; sending at most {}/s",
            config.root.display(),
            human_bytes(config.udp_rate_bytes_per_sec)
        ),
    );
    let mut transfers = super::udp::Transfers::default();
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    while !stop.is_stopped() {
        let Some((n, peer)) = super::udp::poll_datagram(&socket, &mut datagram)? else {
            continue;
        };
        let raw = &datagram[..n];
        reporter.send(Event::Received {
            peer,
            bytes: raw[..n.min(MAX_NAME_BYTES)].to_vec(),
        });
        if n > MAX_NAME_BYTES {
            reporter.warn(
                Some(peer),
                format!("file name longer than {MAX_NAME_BYTES} bytes; ignored"),
            );
            continue;
        }
        if transfers.busy(peer) {
            reporter.warn(
                Some(peer),
                "a transfer to this client is already running; request ignored",
            );
            continue;
        }
        // Nothing is sent for a refused request: any datagram would read as file data.
        let Some((name, path, file, size)) =
            choose_file(&config.root, config.serve_hidden, raw, peer, reporter)
        else {
            continue;
        };
        let (sender, transfer_stop, rate) = (
            Arc::clone(&socket),
            stop.clone(),
            config.udp_rate_bytes_per_sec,
        );
        transfers.start(peer, format!("udp-file {peer}"), reporter, move |r| {
            send_udp_file(
                &sender,
                peer,
                r,
                &transfer_stop,
                &name,
                &path,
                file,
                size,
                rate,
            );
        });
    }
    Ok(transfers.finish())
}

#[allow(clippy::too_many_arguments)]
fn send_udp_file(
    socket: &super::impair::Link,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
    name: &str,
    path: &Path,
    mut file: File,
    size: u64,
    rate_bytes_per_sec: u64,
) {
    let datagrams = crate::protocol::file::udp_datagram_count(size);
    reporter.info(
        Some(peer),
        format!(
            "sending \"{name}\": {size} bytes in {datagrams} datagrams (the last shorter than {UDP_CHUNK_BYTES}) at up to {}/s; the lab protocol cannot detect loss: a datagram the client misses leaves a hole it cannot see",
            human_bytes(rate_bytes_per_sec)
        ),
    );
    let mut chunk = [0u8; UDP_CHUNK_BYTES];
    let mut ticker = Ticker::new();
    let (mut bytes, mut sent) = (0u64, 0u64);
    let pace = rate_bytes_per_sec.max(1) as f64;
    loop {
        if stop.is_stopped() {
            reporter.warn(
                Some(peer),
                format!("server stopping: \"{name}\" cut short after {bytes} bytes"),
            );
            return;
        }
        let n = match read_full(&mut file, &mut chunk) {
            Ok(n) => n,
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    format!("cannot read \"{name}\": {e}; transfer aborted"),
                );
                return;
            }
        };
        match send_datagram(socket, &chunk[..n], peer) {
            Ok(fate) if reporter.wants_payload() => match fate {
                Some(f) if f.dropped => reporter.send(Event::Dropped {
                    peer,
                    bytes: chunk[..n].to_vec(),
                }),
                Some(f) => {
                    if f.duplicated || f.reordered || !f.delay.is_zero() {
                        reporter.send(Event::Fate { peer, fate: f });
                    }
                    reporter.payload(peer, true, &chunk[..n]);
                }
                None => reporter.payload(peer, true, &chunk[..n]),
            },
            Ok(_) => {}
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    format!("\"{name}\" cut short after {bytes} bytes: {e}"),
                );
                return;
            }
        }
        bytes += n as u64;
        sent += 1;
        if n < UDP_CHUNK_BYTES {
            break;
        }
        if sent % UDP_BURST_DATAGRAMS == 0 {
            // Pace: never run ahead of the configured rate.
            let due = Duration::from_secs_f64(bytes as f64 / pace);
            if let Some(ahead) = due.checked_sub(ticker.started.elapsed()) {
                thread::sleep(ahead);
            }
        }
        if ticker.due() {
            reporter.send(progress(peer, bytes, Some(size), sent, ticker.started));
        }
    }
    warn_if_resized(reporter, peer, name, size, bytes);
    let elapsed = ticker.started.elapsed();
    reporter.send(progress(peer, bytes, Some(size), sent, ticker.started));
    reporter.send(Event::File(FileReport {
        role: Role::Server,
        peer,
        name: name.to_owned(),
        path: path.to_path_buf(),
        bytes,
        chunks: sent,
        tcp: false,
        elapsed,
        sha256: None,
        warning: None,
        spliced: 0,
    }));
    reporter.info(
        Some(peer),
        format!(
            "sent \"{name}\": {} in {} datagrams, {} ({}){}",
            crate::protocol::counted(bytes, "byte", "bytes"),
            crate::protocol::thousands(sent),
            seconds(elapsed),
            rate(bytes, elapsed),
            socket.counts().map_or(String::new(), |c| format!(
                "; simulator so far: {c}: the client cannot tell, the lab protocol has no way to see a loss"
            ))
        ),
    );
}

/// Sends one datagram, retrying briefly while the system's send buffer is full.
fn send_datagram(
    socket: &super::impair::Link,
    bytes: &[u8],
    peer: SocketAddr,
) -> std::io::Result<Option<super::impair::Fate>> {
    let mut tries = 0;
    loop {
        match socket.send_to(bytes, peer) {
            Ok(fate) => return Ok(fate),
            Err(e) if (is_timeout(&e) || e.raw_os_error() == Some(105)) && tries < 1000 => {
                // 105 is ENOBUFS on Linux: the interface queue is full for a moment.
                tries += 1;
                thread::sleep(Duration::from_micros(200));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Downloads one file over UDP: stops at the first datagram shorter than 2048 bytes.
pub fn run_udp_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let path = destination(&config.local, &config.remote);
    let mut download = Download::create(&path, config.overwrite)?;
    note_stale_parts(&download, reporter);
    let (socket, peer) = super::udp::connect_client(&config.server, reporter)?;
    let socket = super::udp::link(socket, &config.conditions, reporter)?;
    // The system may cap the size (Linux: net.core.rmem_max); pacing on the server covers that.
    let _ =
        socket2::SockRef::from(socket.socket()).set_recv_buffer_size(UDP_CLIENT_RECV_BUFFER_BYTES);
    socket
        .send(config.remote.as_bytes())
        .map_err(|e| Error::io(format!("cannot send the file name to {peer}"), e))?;
    reporter.send(Event::Sent {
        peer,
        bytes: config.remote.as_bytes().to_vec(),
    });
    reporter.warn(
        None,
        "the UDP lab protocol has no sequence numbers: a lost datagram cannot be detected, only a stalled transfer",
    );
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let (mut bytes, mut chunks) = (0u64, 0u64);
    let mut warning = None;
    let mut ticker = Ticker::new();
    let mut last_data = Instant::now();
    // Pauses between arrivals after the first datagram (the longest few thousand kept).
    let mut pauses: Vec<Duration> = Vec::new();
    loop {
        if stop.is_stopped() {
            return Err(Error::Input(format!(
                "cancelled after {bytes} bytes; nothing saved"
            )));
        }
        let n = match socket.recv(&mut datagram) {
            Ok(n) => n,
            Err(e) if is_timeout(&e) => {
                if last_data.elapsed() >= config.timeout {
                    let secs = config.timeout.as_secs_f64();
                    return Err(if bytes == 0 {
                        Error::Protocol(format!(
                            "no data from {peer} for {secs} s: the file \"{}\" may not exist there, or the server is not running; nothing saved",
                            config.remote
                        ))
                    } else {
                        Error::Protocol(format!(
                            "the transfer stalled after {bytes} bytes (no data for {secs} s): datagrams were lost, the server stopped, or the network between is down; nothing saved"
                        ))
                    });
                }
                continue;
            }
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Err(Error::NoUdpServer {
                    addr: peer.to_string(),
                });
            }
            Err(e) => return Err(Error::io("receive failed", e)),
        };
        reporter.payload(peer, false, &datagram[..n]);
        download.write(&datagram[..n])?;
        bytes += n as u64;
        chunks += 1;
        let pause = last_data.elapsed();
        if chunks > 1 && pause >= Duration::from_millis(2) && pauses.len() < 4096 {
            pauses.push(pause);
        }
        last_data = Instant::now();
        if n < UDP_CHUNK_BYTES {
            if chunks == 1 {
                warning = first_datagram_warning(socket.socket(), &datagram[..n]);
            }
            break;
        }
        if chunks % 64 == 0 && ticker.due() {
            reporter.send(progress(peer, bytes, None, chunks, ticker.started));
        }
    }
    reporter.send(progress(peer, bytes, None, chunks, ticker.started));
    if let Some(hint) = arrival_hint(&pauses, bytes, ticker.started.elapsed()) {
        reporter.info(Some(peer), hint);
    }
    let done = Finish {
        bytes,
        chunks,
        unit: UDP_UNIT,
        started: ticker.started,
        warning,
    };
    client_done(download.finish(), 0, peer, &config, done, reporter)
}

/// The hint a UDP download's arrival pauses give: how many were long enough, at the pace the
/// file came at, to have overflowed a default receive buffer ([`DEFAULT_BUFFER_DATAGRAMS`])
/// in a client that was not reading meanwhile. None for a transfer too short to tell.
pub fn arrival_hint(pauses: &[Duration], bytes: u64, elapsed: Duration) -> Option<String> {
    let secs = elapsed.as_secs_f64();
    if bytes < 64 * UDP_CHUNK_BYTES as u64 || secs <= 0.0 {
        return None;
    }
    let pace = bytes as f64 / secs;
    let buffer = (DEFAULT_BUFFER_DATAGRAMS * UDP_CHUNK_BYTES as u64) as f64;
    let risky = pauses
        .iter()
        .filter(|p| p.as_secs_f64() * pace > buffer)
        .count();
    let fills = Duration::from_secs_f64(buffer / pace);
    Some(if risky == 0 {
        format!(
            "arrivals: no pause longer than {:.1} ms, the time a default receive buffer (about {DEFAULT_BUFFER_DATAGRAMS} datagrams) takes to fill at {}/s",
            fills.as_secs_f64() * 1000.0,
            human_bytes(pace as u64)
        )
    } else {
        format!(
            "arrivals: {risky} {} longer than {:.1} ms, the time a default receive buffer (about {DEFAULT_BUFFER_DATAGRAMS} datagrams) takes to fill at {}/s: a client with default buffers that paused there could have lost datagrams without knowing",
            if risky == 1 { "pause" } else { "pauses" },
            fills.as_secs_f64() * 1000.0,
            human_bytes(pace as u64)
        )
    })
}

/// How long a UDP client listens, after a first datagram that ended the file as a short text
/// line, for more datagrams that would show it was a header.
pub const HEADER_FOLLOW_WAIT: Duration = Duration::from_millis(300);

/// The warning for a whole download that is one short datagram looking like a header: digits
/// alone (a size), or a text line that more datagrams follow.
fn first_datagram_warning(socket: &std::net::UdpSocket, first: &[u8]) -> Option<String> {
    let look = header_look(first)?;
    if look == HeaderLook::Text {
        // A small text file is one short line too: only datagrams after it make it a header.
        let until = Instant::now() + HEADER_FOLLOW_WAIT;
        let mut probe = [0u8; 1];
        let followed = loop {
            match socket.recv(&mut probe) {
                Ok(_) => break true,
                Err(e) if is_timeout(&e) && Instant::now() < until => {}
                Err(_) => break false,
            }
        };
        if !followed {
            return None;
        }
    }
    Some(header_warning(look, first, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_split_like_the_handout() {
        assert_eq!(
            split_target("localhost:9000:a.txt").unwrap(),
            ("localhost:9000".into(), "a.txt".into())
        );
        assert_eq!(
            split_target("[::1]:9000:dir/a:b.txt").unwrap(),
            ("[::1]:9000".into(), "dir/a:b.txt".into())
        );
        assert!(split_target("localhost:9000").is_err());
        assert!(split_target("localhost:9000:").is_err());
        assert!(split_target(":9000:x").is_err());
    }

    #[test]
    fn arrival_pauses_that_would_overflow_a_default_buffer_are_counted() {
        // 4 MiB in one second: a default buffer of 46 datagrams fills in about 22 ms.
        let pace = 4 * 1024 * 1024;
        let ms = Duration::from_millis;
        let hint = arrival_hint(&[ms(5), ms(30), ms(40)], pace, Duration::from_secs(1)).unwrap();
        assert!(
            hint.starts_with("arrivals: 2 pauses longer than 22.5 ms"),
            "{hint}"
        );
        let calm = arrival_hint(&[ms(5), ms(10)], pace, Duration::from_secs(1)).unwrap();
        assert!(
            calm.starts_with("arrivals: no pause longer than 22.5 ms"),
            "{calm}"
        );
        assert!(
            arrival_hint(&[], 2048, Duration::from_secs(1)).is_none(),
            "too short to tell"
        );
    }
}
