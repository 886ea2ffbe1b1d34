//! TFTP, the reliable protocol behind the UDP lab transfer: a server (read requests; write
//! requests with `allow_write`) and a client (download, or upload with `put`). Each transfer
//! runs on a socket of its own (a new port, as RFC 1350 says); every DATA is acknowledged,
//! lost packets are sent again after the agreed timeout, at most [`MAX_TRIES`] times, and
//! duplicates are ignored (a duplicate ACK never triggers a resend). Options: `blksize`,
//! `timeout`, `tsize`, `windowsize`.

use std::fs::File;
use std::io::Read;
use std::net::{SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::event::{Event, FileReport, Progress, Role, Summary};
use super::impair::{Conditions, Link, Simulator};
use super::is_timeout;
use super::runner::{Reporter, StopFlag};
use crate::error::{Error, Result};
use crate::files::Download;
use crate::protocol::file::{Refusal, resolve_in_root};
use crate::protocol::tftp::{
    Agreed, Direction, ErrorCode, MAX_BLKSIZE, MAX_REQUEST_BYTES, Mode, Packet, accept_oack,
    block_index, block_number, negotiate,
};

/// The port socklab's TFTP server listens on by default (69 needs root).
pub const DEFAULT_TFTP_PORT: u16 = crate::exercise::TFTP_PORT;
/// socklab's client asks for the handout's chunk size.
pub const DEFAULT_CLIENT_BLKSIZE: usize = 2048;
/// Times a packet is sent before the transfer is given up.
pub const MAX_TRIES: u32 = 6;
/// Receive buffer a transfer's socket asks for.
const TRANSFER_BUFFER_BYTES: usize = 4 * 1024 * 1024;
/// How often a waiting transfer looks at its stop flag.
const TICK: Duration = Duration::from_millis(25);
/// Retransmission warnings listed one by one per transfer; the rest are counted.
const NOTED: u64 = 5;
/// DATA blocks (and their ACKs) shown one by one at the start of a transfer; after them only
/// the last block, resends and drops are shown, and the progress counts the rest.
const SHOWN_BLOCKS: u64 = 3;
/// Bytes of a packet kept for the log and the traffic inspector.
const SHOWN_BYTES: usize = 64;

/// Whether a packet shows in the log and the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Show {
    Quiet,
    Once,
    /// A retransmission.
    Again,
}

/// Block `index` shows when it is one of the first [`SHOWN_BLOCKS`] or the `last`.
fn shown_block(index: u64, last: bool) -> Show {
    if index <= SHOWN_BLOCKS || last {
        Show::Once
    } else {
        Show::Quiet
    }
}
/// Shortest retransmission timer: a few round trips, at least this (loopback's round trip is
/// tens of microseconds; a scheduler's hiccup is milliseconds).
const MIN_RTO: Duration = Duration::from_millis(20);
/// How long the receiver of the last block stays to acknowledge it again if that ACK is lost.
const DALLY: Duration = Duration::from_millis(1200);

/// The server's settings.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    pub root: PathBuf,
    pub allow_write: bool,
    /// Serve (and accept) hidden names too (`.ssh/…`); off, they are refused.
    pub serve_hidden: bool,
    pub conditions: Conditions,
}

/// The client's settings.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// HOST:PORT.
    pub server: String,
    pub remote: String,
    pub local: PathBuf,
    pub blksize: usize,
    pub windowsize: u16,
    /// Upload `local` as `remote` instead of downloading.
    pub put: bool,
    /// Replace `local` if it exists.
    pub overwrite: bool,
    /// Retransmission timeout asked for, seconds.
    pub timeout: u8,
    pub conditions: Conditions,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            server: format!("127.0.0.1:{DEFAULT_TFTP_PORT}"),
            remote: String::new(),
            local: PathBuf::new(),
            blksize: DEFAULT_CLIENT_BLKSIZE,
            windowsize: 1,
            put: false,
            overwrite: false,
            timeout: 1,
            conditions: Conditions::default(),
        }
    }
}

/// How one transfer went.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    bytes: u64,
    blocks: u64,
    retransmits: u64,
    /// From the first packet to the last block acknowledged.
    elapsed: Duration,
}

/// Why a transfer ended early: an ERROR to send the peer (if any) and the words for the log.
struct Failure {
    send: Option<(ErrorCode, String)>,
    why: String,
}

impl Failure {
    fn local(why: impl Into<String>) -> Self {
        Self {
            send: None,
            why: why.into(),
        }
    }

    fn tell(code: ErrorCode, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            why: message.clone(),
            send: Some((code, message)),
        }
    }

    /// An ERROR for the peer that says message `id` in English (the words a TFTP peer reads,
    /// whatever the language here), said in the current language for this side's log.
    fn said(
        code: ErrorCode,
        id: &str,
        args: &[(&'static str, fluent_bundle::FluentValue<'_>)],
    ) -> Self {
        let why = crate::i18n::tr_args(id, args);
        let wire = crate::i18n::lookup_in(crate::i18n::Lang::EnUs, id, args)
            .unwrap_or_else(|| why.clone());
        Self {
            why,
            send: Some((code, wire)),
        }
    }
}

/// [`Failure::said`] with the arguments of [`crate::t!`]: `tell!(code, "id", name = value)`.
macro_rules! tell {
    ($code:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        Failure::said(
            $code,
            $id,
            &[$((
                stringify!($name),
                fluent_bundle::FluentValue::from($value),
            )),*],
        )
    };
}

/// One transfer's socket, its peer and the reporting around them.
struct Session<'a> {
    link: Link,
    peer: SocketAddr,
    reporter: &'a Reporter,
    stop: &'a StopFlag,
    role: Role,
    started: Instant,
    last_progress: Instant,
    /// The last ACK of a download and its block, to send again if that block comes again.
    dally: Option<(Packet, u16)>,
    /// Smoothed round-trip time, from exchanges that needed no resend.
    srtt: Option<Duration>,
}

impl<'a> Session<'a> {
    fn new(
        link: Link,
        peer: SocketAddr,
        reporter: &'a Reporter,
        stop: &'a StopFlag,
        role: Role,
    ) -> Self {
        Self {
            link,
            peer,
            reporter,
            stop,
            role,
            started: Instant::now(),
            last_progress: Instant::now(),
            dally: None,
            srtt: None,
        }
    }

    /// What the simulator did to this transfer, for its last line ("" without one).
    fn simulator_note(&self) -> String {
        self.link.counts().map_or(String::new(), |c| {
            crate::t!("net-tftp-simulator-note", simulator = c.to_string())
        })
    }

    /// Sends `packet` through the link; shows it (or its drop) in the log and the timeline
    /// unless `show` is [`Show::Quiet`].
    fn send_as(&self, packet: &Packet, show: Show) -> std::result::Result<(), Failure> {
        let bytes = packet.encode();
        let fate = self.link.send_to(&bytes, self.peer).map_err(|e| {
            Failure::local(crate::t!("net-tftp-cannot-send", error = e.to_string()))
        })?;
        if show == Show::Quiet {
            // Not shown, but a capture has every packet.
            if !fate.is_some_and(|f| f.dropped) {
                self.reporter.payload(self.peer, true, &bytes);
            }
        } else {
            let shown = self.kept(&bytes);
            if fate.is_some_and(|f| f.dropped) {
                self.reporter.send(Event::Dropped {
                    peer: self.peer,
                    bytes: shown,
                });
            } else {
                if let Some(f) = fate
                    && (f.duplicated || f.reordered || !f.delay.is_zero())
                {
                    self.reporter.send(Event::Fate {
                        peer: self.peer,
                        fate: f,
                    });
                }
                self.reporter.send(Event::Packet {
                    peer: self.peer,
                    sent: true,
                    bytes: shown,
                    note: if show == Show::Again {
                        crate::t!("net-tftp-sent-again", packet = packet.describe())
                    } else {
                        packet.describe()
                    },
                });
            }
        }
        Ok(())
    }

    /// The bytes of a packet an event carries: the first [`SHOWN_BYTES`], all of them for a
    /// capture.
    fn kept(&self, bytes: &[u8]) -> Vec<u8> {
        if self.reporter.wants_payload() {
            bytes.to_vec()
        } else {
            bytes[..bytes.len().min(SHOWN_BYTES)].to_vec()
        }
    }

    /// A packet received that is not shown, for a capture.
    fn quiet_received(&self, packet: &Packet) {
        if self.reporter.wants_payload() {
            self.reporter.payload(self.peer, false, &packet.encode());
        }
    }

    /// Sends a control packet (request, OACK, ERROR, ACK 0), shown.
    fn send(&self, packet: &Packet) -> std::result::Result<(), Failure> {
        self.send_as(packet, Show::Once)
    }

    /// Shows a packet sent outside the link (an ERROR as the transfer ends).
    fn shown_sent_raw(&self, packet: &Packet) {
        let bytes = packet.encode();
        self.reporter.send(Event::Packet {
            peer: self.peer,
            sent: true,
            bytes: self.kept(&bytes),
            note: packet.describe(),
        });
    }

    /// Shows a packet received.
    fn shown_received(&self, packet: &Packet) {
        let bytes = packet.encode();
        self.reporter.send(Event::Packet {
            peer: self.peer,
            sent: false,
            bytes: self.kept(&bytes),
            note: packet.describe(),
        });
    }

    /// The next packet from the peer within `wait`: None on timeout. Packets from another
    /// address get an ERROR 5 and are otherwise ignored.
    fn receive(
        &self,
        buf: &mut [u8],
        wait: Duration,
    ) -> std::result::Result<Option<Packet>, Failure> {
        let until = Instant::now() + wait;
        loop {
            if self.stop.is_stopped() {
                return Err(tell!(ErrorCode::NotDefined, "net-tftp-transfer-cancelled"));
            }
            if Instant::now() >= until {
                return Ok(None);
            }
            match self.link.recv_from(buf) {
                Ok((n, from)) if from == self.peer => match Packet::parse(&buf[..n]) {
                    Ok(Packet::Error { code, message }) => {
                        return Err(Failure::local(crate::t!(
                            "net-tftp-peer-error",
                            code = (code as u16).to_string(),
                            meaning = code.meaning(),
                            message = message
                        )));
                    }
                    Ok(p) => return Ok(Some(p)),
                    Err(e) => {
                        self.reporter.warn(
                            Some(from),
                            crate::t!("net-tftp-not-a-packet", error = e.to_string()),
                        );
                    }
                },
                Ok((_, from)) => {
                    let refusal = Packet::Error {
                        code: ErrorCode::UnknownTid,
                        message: "unknown transfer ID".into(),
                    };
                    let _ = self.link.socket().send_to(&refusal.encode(), from);
                }
                Err(e) if is_timeout(&e) => {}
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
                Err(e) => {
                    return Err(Failure::local(crate::t!(
                        "net-receive-failed",
                        error = e.to_string()
                    )));
                }
            }
        }
    }

    fn progress(&mut self, stats: &Stats, total: Option<u64>, force: bool) {
        if force || self.last_progress.elapsed() >= Duration::from_millis(100) {
            self.last_progress = Instant::now();
            self.reporter.send(Event::Progress(Progress {
                peer: self.peer,
                bytes: stats.bytes,
                total,
                chunks: stats.blocks,
                elapsed: self.started.elapsed(),
                retransmits: stats.retransmits,
            }));
        }
    }

    /// Learns a round trip that needed no resend.
    fn sample_rtt(&mut self, sample: Duration) {
        self.srtt = Some(match self.srtt {
            None => sample,
            Some(s) => (s * 7 + sample) / 8,
        });
    }

    /// The retransmission timer: four smoothed round trips (at least [`MIN_RTO`]), doubled
    /// for each timeout in a row, never above the agreed `timeout`.
    fn rto(&self, agreed: Duration, backoff: u32) -> Duration {
        let base = self.srtt.map_or(agreed, |r| (r * 4).max(MIN_RTO));
        base.saturating_mul(1 << backoff.min(8)).min(agreed)
    }

    /// Sends `reader` in blocks of `agreed.blksize`, `agreed.windowsize` at a time. Lost
    /// packets are sent again after the retransmission timer ([`Self::rto`]); the transfer is
    /// given up after [`MAX_TRIES`] agreed timeouts with no progress.
    fn send_file(
        &mut self,
        reader: &mut dyn Read,
        agreed: Agreed,
        total: Option<u64>,
    ) -> std::result::Result<Stats, Failure> {
        use std::collections::VecDeque;
        let mut stats = Stats::default();
        let window = usize::from(agreed.windowsize.max(1));
        let timeout = Duration::from_secs(u64::from(agreed.timeout.max(1)));
        // Blocks sent and not yet acknowledged, from index `acked + 1`.
        let mut pending: VecDeque<Vec<u8>> = VecDeque::new();
        let mut acked: u64 = 0;
        let mut read_all = false;
        let mut backoff = 0u32;
        let mut progressed = Instant::now();
        // When the window in flight was sent, and whether any of it was sent twice (Karn: no
        // round trip is learnt from a resend).
        let mut sent_at = Instant::now();
        let mut clean = true;
        // When what is in flight is sent again if no ACK moves the window: set at each send
        // and never put off by a packet that does not move it (a receiver that repeats its last
        // ACK every second must not keep a one-second timer from ever running out).
        let mut resend_at = Instant::now();
        let mut buf = vec![0u8; MAX_BLKSIZE + 4];
        // Sends every pending block from position `from` on; returns when to send them again.
        let blksize = agreed.blksize;
        let send_from = |s: &Self,
                         pending: &VecDeque<Vec<u8>>,
                         acked: u64,
                         from: usize,
                         again: bool,
                         backoff: u32| {
            for (i, data) in pending.iter().enumerate().skip(from) {
                let index = acked + 1 + i as u64;
                let packet = Packet::Data {
                    block: block_number(index),
                    data: data.clone(),
                };
                let show = if again {
                    Show::Again
                } else {
                    shown_block(index, data.len() < blksize)
                };
                s.send_as(&packet, show)?;
            }
            Ok::<Instant, Failure>(Instant::now() + s.rto(timeout, backoff))
        };
        loop {
            // Fill the window.
            let before = pending.len();
            while pending.len() < window && !read_all {
                let mut block = vec![0u8; agreed.blksize];
                let n = crate::files::read_full(&mut &mut *reader, &mut block).map_err(|e| {
                    tell!(
                        ErrorCode::NotDefined,
                        "net-tftp-cannot-read-file",
                        error = e.to_string()
                    )
                })?;
                block.truncate(n);
                read_all = n < agreed.blksize;
                pending.push_back(block);
            }
            if pending.len() > before {
                if before == 0 {
                    sent_at = Instant::now();
                    clean = true;
                }
                resend_at = send_from(self, &pending, acked, before, false, backoff)?;
            }
            // Wait for an ACK that moves on.
            match self.receive(
                &mut buf,
                resend_at.saturating_duration_since(Instant::now()),
            )? {
                Some(Packet::Ack { block }) => {
                    let index = block_index(block, acked + 1);
                    let last_sent = acked + pending.len() as u64;
                    if index > acked && index <= last_sent {
                        if shown_block(index, read_all && index == last_sent) != Show::Quiet {
                            self.shown_received(&Packet::Ack { block });
                        } else {
                            self.quiet_received(&Packet::Ack { block });
                        }
                        if clean {
                            self.sample_rtt(sent_at.elapsed());
                        }
                        let moved = (index - acked) as usize;
                        for data in pending.drain(..moved) {
                            stats.bytes += data.len() as u64;
                            stats.blocks += 1;
                        }
                        acked = index;
                        backoff = 0;
                        progressed = Instant::now();
                        self.progress(&stats, total, false);
                        if pending.is_empty() && read_all {
                            stats.elapsed = self.started.elapsed();
                            self.progress(&stats, total, true);
                            return Ok(stats);
                        }
                        sent_at = Instant::now();
                        clean = true;
                        if !pending.is_empty() {
                            // RFC 7440: an ACK short of the window's end asks for the rest again.
                            stats.retransmits += pending.len() as u64;
                            clean = false;
                            resend_at = send_from(self, &pending, acked, 0, true, backoff)?;
                        }
                    }
                    // An old ACK (a duplicate): ignored, never answered with a resend.
                }
                Some(other) => {
                    self.reporter.warn(
                        Some(self.peer),
                        crate::t!("net-tftp-expected-ack", packet = other.describe()),
                    );
                }
                None => {
                    if progressed.elapsed() >= timeout * MAX_TRIES {
                        return Err(tell!(
                            ErrorCode::NotDefined,
                            "net-tftp-no-ack-gone",
                            secs = (timeout * MAX_TRIES).as_secs().to_string()
                        ));
                    }
                    backoff += 1;
                    stats.retransmits += pending.len() as u64;
                    if stats.retransmits <= NOTED {
                        self.reporter.warn(Some(self.peer), {
                            let (block, ms, n, count) = (
                                block_number(acked + 1).to_string(),
                                self.rto(timeout, backoff - 1).as_millis().to_string(),
                                pending.len().to_string(),
                                pending.len(),
                            );
                            if stats.retransmits == NOTED {
                                crate::t!(
                                    "net-tftp-no-ack-resending-last",
                                    block = block,
                                    ms = ms,
                                    n = n,
                                    count = count
                                )
                            } else {
                                crate::t!(
                                    "net-tftp-no-ack-resending",
                                    block = block,
                                    ms = ms,
                                    n = n,
                                    count = count
                                )
                            }
                        });
                    }
                    clean = false;
                    resend_at = send_from(self, &pending, acked, 0, true, backoff)?;
                }
            }
        }
    }

    /// Receives blocks into `out`, acknowledging every `windowsize` blocks and the last;
    /// `first` is a DATA already received (a server that ignored the options).
    fn receive_file(
        &mut self,
        out: &mut Download,
        agreed: Agreed,
        total: Option<u64>,
        first: Option<Packet>,
        mut last_sent: Packet,
    ) -> std::result::Result<Stats, Failure> {
        let mut stats = Stats::default();
        let timeout = Duration::from_secs(u64::from(agreed.timeout.max(1)));
        let window = u64::from(agreed.windowsize.max(1));
        let mut expected: u64 = 1;
        let mut in_window = 0u64;
        let mut last_ack_at = Instant::now();
        let mut gap_acked: Option<u64> = None;
        let mut tries = 0u32;
        let mut buf = vec![0u8; MAX_BLKSIZE + 4];
        let mut next = first;
        loop {
            let packet = match next.take() {
                Some(p) => Some(p),
                None => self.receive(&mut buf, timeout)?,
            };
            match packet {
                Some(Packet::Data { block, data }) => {
                    let index = block_index(block, expected);
                    if index == expected {
                        if data.len() > agreed.blksize {
                            return Err(tell!(
                                ErrorCode::IllegalOperation,
                                "net-tftp-block-too-large",
                                block = block.to_string(),
                                bytes = data.len().to_string(),
                                blksize = agreed.blksize.to_string()
                            ));
                        }
                        let last = data.len() < agreed.blksize;
                        if shown_block(index, last) != Show::Quiet {
                            self.shown_received(&Packet::Data {
                                block,
                                data: data.clone(),
                            });
                        } else if self.reporter.wants_payload() {
                            self.quiet_received(&Packet::Data {
                                block,
                                data: data.clone(),
                            });
                        }
                        out.write(&data).map_err(|e| {
                            tell!(
                                ErrorCode::DiskFull,
                                "net-tftp-cannot-write",
                                error = e.to_string()
                            )
                        })?;
                        stats.bytes += data.len() as u64;
                        stats.blocks += 1;
                        expected += 1;
                        in_window += 1;
                        tries = 0;
                        self.progress(&stats, total, false);
                        if last || in_window >= window {
                            last_sent = Packet::Ack { block };
                            self.send_as(&last_sent, shown_block(index, last))?;
                            last_ack_at = Instant::now();
                            in_window = 0;
                        }
                        if last {
                            stats.elapsed = self.started.elapsed();
                            self.progress(&stats, total, true);
                            self.dally = Some((last_sent, block));
                            return Ok(stats);
                        }
                    } else {
                        // A duplicate (our ACK was lost, or the network doubled it) or a gap
                        // (a block was lost): acknowledge what arrived in order, once per gap
                        // and at most every few milliseconds for duplicates, so a window of
                        // duplicates does not become a window of resends.
                        let gap = index > expected;
                        let due = if gap {
                            gap_acked != Some(expected)
                        } else {
                            last_ack_at.elapsed() >= MIN_RTO / 2
                        };
                        if due {
                            if gap {
                                gap_acked = Some(expected);
                            }
                            stats.retransmits += 1;
                            last_sent = Packet::Ack {
                                block: block_number(expected - 1),
                            };
                            self.send_as(&last_sent, Show::Again)?;
                            last_ack_at = Instant::now();
                            in_window = 0;
                        }
                    }
                }
                Some(other) => {
                    self.reporter.warn(
                        Some(self.peer),
                        crate::t!("net-tftp-expected-data", packet = other.describe()),
                    );
                }
                None => {
                    tries += 1;
                    if tries >= MAX_TRIES {
                        return Err(tell!(
                            ErrorCode::NotDefined,
                            "net-tftp-no-data-gone",
                            tries = MAX_TRIES.to_string(),
                            secs = timeout.as_secs().to_string()
                        ));
                    }
                    stats.retransmits += 1;
                    self.reporter.warn(
                        Some(self.peer),
                        crate::t!(
                            "net-tftp-no-data-resending",
                            block = block_number(expected).to_string(),
                            secs = timeout.as_secs().to_string(),
                            packet = last_sent.describe()
                        ),
                    );
                    self.send_as(&last_sent, Show::Again)?;
                    in_window = 0;
                }
            }
        }
    }

    /// After the last ACK of a download (the file saved and reported): stays a moment to send
    /// it again if the last DATA comes again (that ACK was lost), so the sender does not give
    /// up on a transfer that succeeded.
    fn dally(&mut self) {
        let Some((ack, last_block)) = self.dally.take() else {
            return;
        };
        let ack = &ack;
        let mut buf = vec![0u8; MAX_BLKSIZE + 4];
        let until = Instant::now() + DALLY;
        while Instant::now() < until && !self.stop.is_stopped() {
            match self.receive(&mut buf, until.saturating_duration_since(Instant::now())) {
                Ok(Some(Packet::Data { block, .. })) if block == last_block => {
                    let _ = self.send_as(ack, Show::Again);
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => return,
            }
        }
    }

    fn fail(&self, failure: &Failure) {
        if let Some((code, message)) = &failure.send {
            let packet = Packet::Error {
                code: *code,
                message: message.clone(),
            };
            self.shown_sent_raw(&packet);
            let _ = self.link.socket().send_to(&packet.encode(), self.peer);
        }
    }
}

/// A socket for one transfer, on a new port of the same address family, polling every
/// [`TICK`].
fn transfer_socket(like: SocketAddr) -> std::io::Result<UdpSocket> {
    let any: SocketAddr = if like.is_ipv6() {
        SocketAddr::from(([0u16; 8], 0))
    } else {
        SocketAddr::from(([0, 0, 0, 0], 0))
    };
    let socket = UdpSocket::bind(any)?;
    socket.set_read_timeout(Some(TICK))?;
    // A window of large blocks arrives as one burst: 16 blocks of 8 KiB overflow a default
    // receive buffer (about 208 KiB on Linux). The system may grant less than asked.
    let _ = socket2::SockRef::from(&socket).set_recv_buffer_size(TRANSFER_BUFFER_BYTES);
    Ok(socket)
}

/// Runs the TFTP server until stopped.
pub fn run_server(config: ServerConfig, reporter: &Reporter, stop: &StopFlag) -> Result<Summary> {
    if !config.root.is_dir() {
        return Err(Error::Input(crate::t!(
            "net-tftp-no-folder",
            path = config.root.display().to_string()
        )));
    }
    config.conditions.check().map_err(Error::Input)?;
    let (socket, local) = super::udp::bind_server(config.bind, reporter)?;
    // Requests arrive here unimpaired; each transfer's own socket is impaired.
    let socket = Link::new(socket, None);
    reporter.info(None, {
        let (path, local) = (config.root.display().to_string(), local.to_string());
        let sharing = if config.allow_write {
            crate::t!("net-tftp-sharing-writable", path = path, local = local)
        } else {
            crate::t!("net-tftp-sharing-read-only", path = path, local = local)
        };
        if config.conditions.is_active() {
            crate::t!(
                "net-tftp-sharing-simulated",
                sharing = sharing,
                conditions = config.conditions.describe()
            )
        } else {
            sharing
        }
    });
    reporter.send(Event::SharedFiles(crate::files::list_shared(
        &config.root,
        config.serve_hidden,
    )));
    let mut transfers = super::udp::Transfers::default();
    let mut buf = vec![0u8; MAX_REQUEST_BYTES + 1];
    while !stop.is_stopped() {
        let Some((n, peer)) = super::udp::poll_datagram(&socket, &mut buf)? else {
            continue;
        };
        let request = match Packet::parse(&buf[..n]) {
            Ok(p @ Packet::Request { .. }) if n <= MAX_REQUEST_BYTES => p,
            Ok(other) => {
                reporter.warn(
                    Some(peer),
                    crate::t!("net-tftp-not-a-request-port", packet = other.describe()),
                );
                continue;
            }
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    crate::t!("net-tftp-not-a-request", error = e.to_string()),
                );
                continue;
            }
        };
        if transfers.busy(peer) {
            continue;
        }
        reporter.send(Event::Received {
            peer,
            bytes: buf[..n].to_vec(),
        });
        reporter.info(Some(peer), request.describe());
        // A simulator per transfer, so each transfer's counts are its own; seeded from the
        // seed and the transfer's number, so a run is reproducible.
        let sim = config.conditions.is_active().then(|| {
            let mut conditions = config.conditions.clone();
            conditions.seed = conditions
                .seed
                .map(|seed| seed.wrapping_add(transfers.started + 1));
            Arc::new(Simulator::new(conditions))
        });
        let (config, stop) = (config.clone(), stop.clone());
        transfers.start(peer, format!("tftp {peer}"), reporter, move |r| {
            serve_request(&config, sim, request, peer, r, &stop);
        });
    }
    Ok(transfers.finish())
}

fn serve_request(
    config: &ServerConfig,
    sim: Option<Arc<Simulator>>,
    request: Packet,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
) {
    let Packet::Request {
        direction,
        name,
        mode,
        options,
    } = request
    else {
        return;
    };
    let socket = match transfer_socket(peer) {
        Ok(s) => s,
        Err(e) => {
            reporter.warn(
                Some(peer),
                crate::t!("net-tftp-cannot-open-socket", error = e.to_string()),
            );
            return;
        }
    };
    let mut session = Session::new(Link::new(socket, sim), peer, reporter, stop, Role::Server);
    let outcome = match direction {
        // A hidden name is refused in both directions (unless shared), like any refusal.
        _ if !config.serve_hidden
            && crate::protocol::file::is_hidden(Path::new(&name.replace('\\', "/"))) =>
        {
            Err(Failure::tell(
                ErrorCode::AccessViolation,
                Refusal::Hidden.to_string(),
            ))
        }
        Direction::Read => serve_read(&mut session, &config.root, &name, mode, &options),
        Direction::Write if !config.allow_write => Err(tell!(
            ErrorCode::AccessViolation,
            "net-tftp-uploads-not-allowed"
        )),
        Direction::Write => serve_write(&mut session, &config.root, &name, mode, &options),
    };
    let counts = session.simulator_note();
    match outcome {
        Ok((path, stats, sha256)) => {
            let elapsed = stats.elapsed;
            reporter.send(Event::File(FileReport {
                role: session.role,
                peer,
                name: name.clone(),
                path,
                bytes: stats.bytes,
                chunks: stats.blocks,
                tcp: false,
                elapsed,
                sha256,
                warning: None,
                spliced: 0,
            }));
            reporter.info(Some(peer), {
                let (bytes, blocks, retransmits, secs, rate) = (
                    stats.bytes.to_string(),
                    stats.blocks.to_string(),
                    stats.retransmits.to_string(),
                    format!("{:.3}", elapsed.as_secs_f64()),
                    crate::units::rate(stats.bytes, elapsed),
                );
                let id = if direction == Direction::Read {
                    "net-tftp-server-sent"
                } else {
                    "net-tftp-server-received"
                };
                crate::t!(
                    id,
                    name = name.as_str(),
                    bytes = bytes,
                    blocks = blocks,
                    count = stats.blocks,
                    retransmits = retransmits,
                    secs = secs,
                    rate = rate,
                    simulator = counts
                )
            });
            session.dally();
        }
        Err(failure) => {
            session.fail(&failure);
            reporter.warn(Some(peer), format!("\"{name}\": {}{counts}", failure.why));
        }
    }
}

/// Sends the OACK for `accepted` and waits for its ACK 0 (resending it on timeout).
fn oack_then_ack0(
    session: &mut Session<'_>,
    accepted: &[(String, String)],
    timeout: Duration,
) -> std::result::Result<(), Failure> {
    let oack = Packet::Oack {
        options: accepted.to_vec(),
    };
    let mut buf = vec![0u8; MAX_BLKSIZE + 4];
    for attempt in 0..MAX_TRIES {
        let sent = Instant::now();
        session.send_as(
            &oack,
            if attempt == 0 {
                Show::Once
            } else {
                Show::Again
            },
        )?;
        if let Some(Packet::Ack { block: 0 }) = session.receive(&mut buf, timeout)? {
            if attempt == 0 {
                session.sample_rtt(sent.elapsed());
            }
            return Ok(());
        }
    }
    Err(Failure::local(crate::t!("net-tftp-no-oack-ack")))
}

type Served = std::result::Result<(PathBuf, Stats, Option<String>), Failure>;

fn serve_read(
    session: &mut Session<'_>,
    root: &Path,
    name: &str,
    mode: Mode,
    options: &[(String, String)],
) -> Served {
    // Hidden names were refused before (unless shared): a link to one is judged here too.
    let path = resolve_in_root(root, name, true).map_err(|refusal| match refusal {
        Refusal::Missing => tell!(ErrorCode::FileNotFound, "net-tftp-not-found", name = name),
        other => Failure::tell(ErrorCode::AccessViolation, other.to_string()),
    })?;
    let file = File::open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            tell!(ErrorCode::FileNotFound, "net-tftp-not-found", name = name)
        } else {
            tell!(
                ErrorCode::AccessViolation,
                "net-tftp-cannot-open-name",
                name = name,
                error = e.to_string()
            )
        }
    })?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(tell!(
            ErrorCode::FileNotFound,
            "net-tftp-is-a-folder",
            name = name
        ));
    }
    let size = file.metadata().map(|m| m.len()).ok();
    // netascii changes the size: no tsize then.
    let tsize = if mode == Mode::Octet { size } else { None };
    let (accepted, agreed) = negotiate(options, Direction::Read, tsize);
    if !accepted.is_empty() {
        oack_then_ack0(
            session,
            &accepted,
            Duration::from_secs(u64::from(agreed.timeout)),
        )?;
    }
    let stats = match mode {
        Mode::Octet => session.send_file(&mut std::io::BufReader::new(file), agreed, size)?,
        Mode::Netascii => session.send_file(
            &mut Netascii::new(std::io::BufReader::new(file)),
            agreed,
            None,
        )?,
    };
    Ok((path, stats, None))
}

fn serve_write(
    session: &mut Session<'_>,
    root: &Path,
    name: &str,
    mode: Mode,
    options: &[(String, String)],
) -> Served {
    if mode != Mode::Octet {
        return Err(tell!(ErrorCode::IllegalOperation, "net-tftp-octet-only"));
    }
    let path = upload_path(root, name)?;
    let mut out = Download::create(&path, false).map_err(|e| match e {
        Error::Exists(_) => {
            tell!(ErrorCode::FileExists, "net-tftp-exists", name = name)
        }
        other => Failure::tell(ErrorCode::AccessViolation, other.to_string()),
    })?;
    let (accepted, agreed) = negotiate(options, Direction::Write, None);
    let total = options
        .iter()
        .find(|(k, _)| k == "tsize")
        .and_then(|(_, v)| v.parse().ok());
    let first = if accepted.is_empty() {
        Packet::Ack { block: 0 }
    } else {
        Packet::Oack {
            options: accepted.clone(),
        }
    };
    session.send(&first)?;
    let stats = session.receive_file(&mut out, agreed, total, None, first)?;
    let (saved, sha) = out
        .finish()
        .map_err(|e| Failure::local(crate::t!("net-tftp-cannot-save", error = e.to_string())))?;
    Ok((saved, stats, Some(sha)))
}

/// Where an upload of `name` goes: a new file in `root` or in one of its folders; never
/// outside it, never over an existing file.
fn upload_path(root: &Path, name: &str) -> std::result::Result<PathBuf, Failure> {
    match resolve_in_root(root, name, true) {
        Ok(_) => Err(tell!(ErrorCode::FileExists, "net-tftp-exists", name = name)),
        Err(Refusal::Missing) => {
            // The name passed the rules (no "..", not absolute); its folder must exist inside
            // the root, links included.
            let normalised = name.replace('\\', "/");
            let relative = Path::new(&normalised);
            let file_name = relative.file_name().ok_or_else(|| {
                tell!(
                    ErrorCode::AccessViolation,
                    "net-tftp-names-no-file",
                    name = name
                )
            })?;
            let root = root
                .canonicalize()
                .map_err(|e| Failure::tell(ErrorCode::AccessViolation, e.to_string()))?;
            let folder = root
                .join(relative.parent().unwrap_or(Path::new("")))
                .canonicalize()
                .map_err(|_| {
                    tell!(
                        ErrorCode::AccessViolation,
                        "net-tftp-no-folder-for",
                        name = name
                    )
                })?;
            if !folder.starts_with(&root) {
                return Err(tell!(ErrorCode::AccessViolation, "net-tftp-link-outside"));
            }
            Ok(folder.join(file_name))
        }
        Err(other) => Err(Failure::tell(ErrorCode::AccessViolation, other.to_string())),
    }
}

/// Runs one client transfer: a download, or an upload with `put`.
pub fn run_client(config: ClientConfig, reporter: &Reporter, stop: &StopFlag) -> Result<Summary> {
    if config.blksize < crate::protocol::tftp::MIN_BLKSIZE || config.blksize > MAX_BLKSIZE {
        return Err(Error::Input(crate::t!(
            "net-tftp-bad-blksize",
            min = crate::protocol::tftp::MIN_BLKSIZE.to_string(),
            max = MAX_BLKSIZE.to_string(),
            got = config.blksize.to_string()
        )));
    }
    if config.windowsize == 0 {
        return Err(Error::Input(crate::t!("net-tftp-bad-windowsize")));
    }
    let server = *super::addr::resolve(&config.server)?
        .first()
        .ok_or_else(|| {
            Error::Input(crate::t!("net-no-address", server = config.server.as_str()))
        })?;
    let socket = transfer_socket(server)
        .map_err(|e| Error::io(crate::t!("net-cannot-create-udp-socket"), e))?;
    let local = socket
        .local_addr()
        .map_err(|e| Error::io(crate::t!("net-cannot-read-local-address"), e))?;
    reporter.send(Event::Connected {
        local,
        peer: server,
        tcp: false,
    });
    let link = super::udp::link(socket, &config.conditions, reporter)?;
    let mut session = Session::new(link, server, reporter, stop, Role::Client);
    let outcome = if config.put {
        client_put(&mut session, &config)
    } else {
        client_get(&mut session, &config)
    };
    let counts = session.simulator_note();
    match outcome {
        Ok((path, stats, sha256)) => {
            let elapsed = stats.elapsed;
            reporter.send(Event::File(FileReport {
                role: Role::Client,
                peer: session.peer,
                name: config.remote.clone(),
                path: path.clone(),
                bytes: stats.bytes,
                chunks: stats.blocks,
                tcp: false,
                elapsed,
                sha256: sha256.clone(),
                warning: None,
                spliced: 0,
            }));
            session.dally();
            let (name, path, bytes, blocks, retransmits, secs, rate) = (
                config.remote.as_str(),
                path.display().to_string(),
                stats.bytes.to_string(),
                stats.blocks.to_string(),
                stats.retransmits.to_string(),
                format!("{:.3}", elapsed.as_secs_f64()),
                crate::units::rate(stats.bytes, elapsed),
            );
            Ok(Summary::new(match sha256.filter(|_| !config.put) {
                Some(sha256) => crate::t!(
                    "net-tftp-downloaded",
                    name = name,
                    path = path,
                    bytes = bytes,
                    blocks = blocks,
                    count = stats.blocks,
                    retransmits = retransmits,
                    secs = secs,
                    rate = rate,
                    sha256 = sha256,
                    simulator = counts
                ),
                None => crate::t!(
                    "net-tftp-uploaded",
                    name = name,
                    path = path,
                    bytes = bytes,
                    blocks = blocks,
                    count = stats.blocks,
                    retransmits = retransmits,
                    secs = secs,
                    rate = rate,
                    simulator = counts
                ),
            }))
        }
        Err(failure) => {
            session.fail(&failure);
            Err(Error::Input(format!("TFTP: {}{counts}", failure.why)))
        }
    }
}

/// The options socklab's client asks for.
fn client_options(config: &ClientConfig, tsize: u64) -> Vec<(String, String)> {
    let mut options = vec![
        ("blksize".to_owned(), config.blksize.to_string()),
        ("timeout".to_owned(), config.timeout.to_string()),
        ("tsize".to_owned(), tsize.to_string()),
    ];
    if config.windowsize > 1 {
        options.push(("windowsize".to_owned(), config.windowsize.to_string()));
    }
    options
}

/// Sends the request until the server answers from its transfer port; that answer.
fn request(
    session: &mut Session<'_>,
    request: &Packet,
    timeout: Duration,
) -> std::result::Result<Packet, Failure> {
    let server = session.peer;
    let mut buf = vec![0u8; MAX_BLKSIZE + 4];
    for attempt in 0..MAX_TRIES {
        let sent = Instant::now();
        session.send_as(
            request,
            if attempt == 0 {
                Show::Once
            } else {
                Show::Again
            },
        )?;
        let until = Instant::now() + timeout;
        while Instant::now() < until {
            if session.stop.is_stopped() {
                return Err(Failure::local(crate::t!("net-cancelled")));
            }
            match session.link.recv_from(&mut buf) {
                // The server answers from a new port: the transfer's peer from now on.
                Ok((n, from)) if from.ip() == server.ip() => {
                    let packet = Packet::parse(&buf[..n]).map_err(|e| {
                        Failure::local(crate::t!("net-tftp-server-answer", error = e.to_string()))
                    })?;
                    session.peer = from;
                    if attempt == 0 {
                        session.sample_rtt(sent.elapsed());
                    }
                    session.shown_received(&packet);
                    if let Packet::Error { code, message } = packet {
                        return Err(Failure::local(crate::t!(
                            "net-tftp-server-refused",
                            code = (code as u16).to_string(),
                            meaning = code.meaning(),
                            message = message
                        )));
                    }
                    return Ok(packet);
                }
                Ok(_) => {}
                Err(e) if is_timeout(&e) => {}
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                    return Err(Failure::local(crate::t!(
                        "net-tftp-nothing-listening",
                        server = server.to_string()
                    )));
                }
                Err(e) => {
                    return Err(Failure::local(crate::t!(
                        "net-receive-failed",
                        error = e.to_string()
                    )));
                }
            }
        }
    }
    Err(Failure::local(crate::t!(
        "net-tftp-no-answer",
        server = server.to_string(),
        tries = MAX_TRIES.to_string(),
        secs = timeout.as_secs().to_string()
    )))
}

fn client_get(session: &mut Session<'_>, config: &ClientConfig) -> Served {
    let mut out = Download::create(&config.local, config.overwrite)
        .map_err(|e| Failure::local(e.to_string()))?;
    super::file::note_stale_parts(&out, session.reporter);
    let options = client_options(config, 0);
    let rrq = Packet::Request {
        direction: Direction::Read,
        name: config.remote.clone(),
        mode: Mode::Octet,
        options: options.clone(),
    };
    let timeout = Duration::from_secs(u64::from(config.timeout.max(1)));
    let answer = request(session, &rrq, timeout)?;
    let (agreed, total, first, last) = match answer {
        Packet::Oack { options: oack } => {
            let (agreed, tsize) = accept_oack(&options, &oack)
                .map_err(|why| Failure::tell(ErrorCode::OptionRefused, why))?;
            let ack0 = Packet::Ack { block: 0 };
            session.send(&ack0)?;
            (agreed, tsize, None, ack0)
        }
        data @ Packet::Data { .. } => (Agreed::default(), None, Some(data), rrq.clone()),
        other => {
            return Err(tell!(
                ErrorCode::IllegalOperation,
                "net-tftp-expected-oack-or-data",
                packet = other.describe()
            ));
        }
    };
    session.reporter.info(Some(session.peer), {
        let (port, blksize, window) = (
            session.peer.port().to_string(),
            agreed.blksize.to_string(),
            agreed.windowsize.to_string(),
        );
        match total {
            Some(t) => crate::t!(
                "net-tftp-transfer-port-size",
                port = port,
                blksize = blksize,
                window = window,
                size = t.to_string()
            ),
            None => crate::t!(
                "net-tftp-transfer-port",
                port = port,
                blksize = blksize,
                window = window
            ),
        }
    });
    let stats = session.receive_file(&mut out, agreed, total, first, last)?;
    let (path, sha) = out
        .finish()
        .map_err(|e| Failure::local(crate::t!("net-tftp-cannot-save", error = e.to_string())))?;
    Ok((path, stats, Some(sha)))
}

fn client_put(session: &mut Session<'_>, config: &ClientConfig) -> Served {
    let file = File::open(&config.local).map_err(|e| {
        Failure::local(crate::t!(
            "net-tftp-cannot-open",
            path = config.local.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let options = client_options(config, size);
    let wrq = Packet::Request {
        direction: Direction::Write,
        name: config.remote.clone(),
        mode: Mode::Octet,
        options: options.clone(),
    };
    let timeout = Duration::from_secs(u64::from(config.timeout.max(1)));
    let answer = request(session, &wrq, timeout)?;
    let agreed = match answer {
        Packet::Oack { options: oack } => {
            accept_oack(&options, &oack)
                .map_err(|why| Failure::tell(ErrorCode::OptionRefused, why))?
                .0
        }
        Packet::Ack { block: 0 } => Agreed::default(),
        other => {
            return Err(Failure::tell(
                ErrorCode::IllegalOperation,
                format!("expected OACK or ACK 0, got {}", other.describe()),
            ));
        }
    };
    let stats = session.send_file(&mut std::io::BufReader::new(file), agreed, Some(size))?;
    Ok((config.local.clone(), stats, None))
}

/// Reads a file as netascii: each LF becomes CR LF, each lone CR becomes CR NUL.
struct Netascii<R> {
    inner: R,
    /// A byte owed after a CR.
    owed: Option<u8>,
}

impl<R: Read> Netascii<R> {
    fn new(inner: R) -> Self {
        Self { inner, owed: None }
    }
}

impl<R: Read> Read for Netascii<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            if let Some(b) = self.owed.take() {
                buf[n] = b;
                n += 1;
                continue;
            }
            let mut one = [0u8; 1];
            if self.inner.read(&mut one)? == 0 {
                break;
            }
            match one[0] {
                b'\n' => {
                    buf[n] = b'\r';
                    self.owed = Some(b'\n');
                }
                b'\r' => {
                    buf[n] = b'\r';
                    self.owed = Some(0);
                }
                b => buf[n] = b,
            }
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_for_the_peer_keeps_the_protocols_english_and_the_log_speaks_the_language() {
        std::thread::spawn(|| {
            crate::i18n::set_here(Some(crate::i18n::Lang::PtPt));
            let failure = tell!(ErrorCode::FileExists, "net-tftp-exists", name = "a.txt");
            assert_eq!(failure.why, "\"a.txt\" já existe");
            let (code, wire) = failure.send.unwrap();
            assert_eq!(code, ErrorCode::FileExists);
            assert_eq!(wire, "\"a.txt\" exists already");
        })
        .join()
        .unwrap();
    }

    #[test]
    fn netascii_turns_line_ends_into_cr_lf() {
        let mut out = Vec::new();
        Netascii::new(&b"a\nb\rc"[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, b"a\r\nb\r\0c");
    }
}
