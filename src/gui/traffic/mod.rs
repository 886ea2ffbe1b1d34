//! What one runner did on the wire, kept as rows of socket calls, and three views of it: the
//! traffic inspector (a filterable, searchable table), the socket-call timeline (a sequence
//! diagram per connection), and the connections table of a server.
//!
//! Memory is bounded: at most [`MAX_TRAFFIC_ROWS`] rows, each keeping [`PREVIEW_BYTES`] of its
//! data; older rows are dropped and counted. Views lay out only the rows on screen.
//!
//! One job a file: this one is the model (rows, connections, filters); `csv` exports the
//! selected rows, `inspector`, `connections` and `timeline` are the three views, and `paint`
//! draws the timeline's steps.

mod connections;
mod csv;
mod inspector;
mod paint;
mod timeline;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::SocketAddr;
use std::time::SystemTime;

use crate::net::event::{Event, Progress, Stamped};
use crate::net::runner::StopFlag;
use crate::protocol::thousands;

/// Most rows one runner keeps.
pub const MAX_TRAFFIC_ROWS: usize = 100_000;
/// Bytes of each message kept for display and search (its length is always kept).
pub const PREVIEW_BYTES: usize = 256;

/// The socket calls the handouts teach (seed 003's step lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    Socket,
    Bind,
    Listen,
    Accept,
    Connect,
    Send,
    SendTo,
    Recv,
    RecvFrom,
    Close,
}

impl Call {
    pub fn name(self) -> &'static str {
        match self {
            Self::Socket => "socket",
            Self::Bind => "bind",
            Self::Listen => "listen",
            Self::Accept => "accept",
            Self::Connect => "connect",
            Self::Send => "send",
            Self::SendTo => "sendto",
            Self::Recv => "recv",
            Self::RecvFrom => "recvfrom",
            Self::Close => "close",
        }
    }

    fn is_send(self) -> bool {
        matches!(self, Self::Send | Self::SendTo)
    }

    fn is_recv(self) -> bool {
        matches!(self, Self::Recv | Self::RecvFrom)
    }
}

/// One socket call, or (for a file transfer) a summary of many.
#[derive(Clone, Debug)]
pub struct Row {
    pub seq: u64,
    pub time: SystemTime,
    /// The peer's address; None for the listening socket.
    pub conn: Option<SocketAddr>,
    /// Which connection (or UDP peer) of this runner the call belongs to; None for the
    /// listening socket. Two connections from one address have two ids.
    pub link: Option<u64>,
    pub call: Call,
    /// Bytes moved (sends and receives; for a summary, all of them).
    pub len: usize,
    /// The first [`PREVIEW_BYTES`] of them.
    pub preview: Vec<u8>,
    /// Anything else worth showing (an address, a close reason, a summary's counts).
    pub note: String,
    /// A summary row that stands for a whole transfer's sends or receives, updated while it runs.
    pub bulk: bool,
    /// A send the network simulator dropped: it never arrived.
    pub dropped: bool,
}

/// Which rows the inspector shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    #[default]
    All,
    Sent,
    Received,
    /// socket, bind, listen, accept, connect, close.
    Calls,
}

impl Direction {
    const ALL: [Self; 4] = [Self::All, Self::Sent, Self::Received, Self::Calls];

    /// Its name in the Direction menu, in the window's language.
    fn label(self) -> String {
        match self {
            Self::All => crate::t!("win-traffic-all-directions"),
            Self::Sent => crate::t!("win-traffic-sent"),
            Self::Received => crate::t!("win-traffic-received"),
            Self::Calls => crate::t!("win-traffic-socket-calls"),
        }
    }

    fn admits(self, call: Call) -> bool {
        match self {
            Self::All => true,
            Self::Sent => call.is_send(),
            Self::Received => call.is_recv(),
            Self::Calls => !call.is_send() && !call.is_recv(),
        }
    }
}

/// A connection (or UDP peer) as the connections table shows it.
#[derive(Clone, Debug)]
pub struct Connection {
    pub id: u64,
    pub peer: SocketAddr,
    pub open: bool,
    pub state: LinkState,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub started: SystemTime,
    pub last: SystemTime,
    /// Ends just this connection (TCP servers).
    pub close: Option<StopFlag>,
    /// The name the client sent on it (add two numbers), when it sent one.
    pub name: Option<String>,
}

impl Connection {
    /// How the connection is named in menus: its peer, and its number when the peer's address
    /// came back on a later connection.
    pub fn title(&self) -> String {
        format!("#{} {}", self.id, self.peer)
    }
}

/// Where a connection (or UDP peer) stands, as the connections table says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// A TCP connection, open.
    Open,
    /// A UDP server's peer: no connection, a peer it heard from.
    HeardFrom,
    /// A UDP client's server: no connection, the peer it talks to.
    TalkingTo,
    /// Closed, with the reason the runner gave, when it gave one.
    Closed(Option<String>),
}

impl LinkState {
    /// What the State column says, in the window's language.
    pub fn text(&self) -> String {
        match self {
            Self::Open => crate::t!("win-link-open"),
            Self::HeardFrom => crate::t!("win-link-heard-from"),
            Self::TalkingTo => crate::t!("win-link-talking-to"),
            Self::Closed(None) => crate::t!("win-link-closed"),
            Self::Closed(Some(reason)) => {
                crate::t!("win-link-closed-because", reason = reason.as_str())
            }
        }
    }
}

/// A file transfer's summary row: which row, and the connection's bytes before it began.
#[derive(Clone, Copy, Debug)]
struct Bulk {
    seq: u64,
    bytes_before: u64,
}

/// One runner's socket calls, and how its views are set.
#[derive(Default)]
pub struct Traffic {
    rows: VecDeque<Row>,
    dropped: u64,
    next_seq: u64,
    /// Whether the runner is a server (it bound and listened) and whether it speaks TCP.
    server: bool,
    tcp: bool,
    connections: BTreeMap<u64, Connection>,
    /// The connection each address is on now.
    current: HashMap<SocketAddr, u64>,
    next_link: u64,
    /// The listening socket's calls of the latest start (socket, bind, listen).
    listening: Vec<Row>,
    /// Transfers in progress, by connection.
    bulk: HashMap<u64, Bulk>,
    // Inspector settings and the rows they select (by sequence number).
    pub filter_conn: Option<u64>,
    pub direction: Direction,
    pub search: String,
    pub show_hex: bool,
    matches: Vec<u64>,
    matches_key: Option<(Option<u64>, Direction, String)>,
    /// The connection the user picked for the timeline; None follows the latest.
    pub timeline_pick: Option<u64>,
}

impl Traffic {
    /// Rows kept now.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Rows dropped to stay within [`MAX_TRAFFIC_ROWS`].
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Every connection seen, oldest first.
    pub fn connections(&self) -> impl Iterator<Item = &Connection> {
        self.connections.values()
    }

    /// The latest connection from `peer`.
    pub fn connection_to(&self, peer: SocketAddr) -> Option<&Connection> {
        self.current
            .get(&peer)
            .and_then(|id| self.connections.get(id))
    }

    /// Heap bytes held by the rows (for the benchmark and the status line).
    pub fn memory_bytes(&self) -> usize {
        self.rows
            .iter()
            .map(|r| std::mem::size_of::<Row>() + r.preview.capacity() + r.note.capacity())
            .sum()
    }

    fn push(
        &mut self,
        time: SystemTime,
        conn: Option<SocketAddr>,
        call: Call,
        data: &[u8],
        note: String,
    ) -> u64 {
        if self.rows.len() >= MAX_TRAFFIC_ROWS {
            self.rows.pop_front();
            self.dropped += 1;
        }
        let link = conn.and_then(|c| self.current.get(&c).copied());
        let row = Row {
            seq: self.next_seq,
            time,
            conn,
            link,
            call,
            len: data.len(),
            preview: data[..data.len().min(PREVIEW_BYTES)].to_vec(),
            note,
            bulk: false,
            dropped: false,
        };
        self.next_seq += 1;
        if self.matches_key.is_some() && self.admits(&row) {
            self.matches.push(row.seq);
        }
        let seq = row.seq;
        if conn.is_none() {
            self.listening.push(row.clone());
        }
        self.rows.push_back(row);
        seq
    }

    /// What a send is called on this runner's socket: `sendto` on UDP, as the handouts teach.
    fn send_call(&self) -> Call {
        if self.tcp { Call::Send } else { Call::SendTo }
    }

    fn recv_call(&self) -> Call {
        if self.tcp { Call::Recv } else { Call::RecvFrom }
    }

    /// Adds the rows an event stands for.
    pub fn record(&mut self, stamped: &Stamped) {
        let at = stamped.at;
        match &stamped.event {
            Event::Listening { local, tcp } => {
                self.server = true;
                self.tcp = *tcp;
                self.listening.clear();
                self.push(
                    at,
                    None,
                    Call::Socket,
                    &[],
                    if *tcp { "SOCK_STREAM" } else { "SOCK_DGRAM" }.into(),
                );
                self.push(at, None, Call::Bind, &[], local.to_string());
                if *tcp {
                    self.push(at, None, Call::Listen, &[], String::new());
                }
            }
            Event::Add(x) if self.server => {
                // The name a client sent names its connection in the table.
                if let Some(c) = self
                    .current
                    .get(&x.peer)
                    .and_then(|id| self.connections.get_mut(id))
                {
                    c.name = Some(x.client_name.clone());
                }
            }
            Event::Accepted { peer, close, .. } => {
                self.tcp = true;
                self.open(*peer, at, Some(close.clone()));
                self.push(at, Some(*peer), Call::Accept, &[], String::new());
            }
            Event::Connected { local, peer, tcp } => {
                self.tcp = *tcp;
                self.open(*peer, at, None);
                if *tcp {
                    let note = crate::t!("win-traffic-socket-at", local = local.to_string());
                    self.push(at, Some(*peer), Call::Socket, &[], note);
                    self.push(at, Some(*peer), Call::Connect, &[], peer.to_string());
                } else {
                    // A UDP socket has no connection: the handouts' client only sends to and
                    // receives from the server's address.
                    self.push(
                        at,
                        Some(*peer),
                        Call::Socket,
                        &[],
                        crate::t!("win-traffic-dgram-socket-at", local = local.to_string()),
                    );
                }
            }
            Event::Sent { peer, bytes } => {
                self.current_link(*peer, at);
                self.push(at, Some(*peer), self.send_call(), bytes, String::new());
                self.count(*peer, at, 0, bytes.len() as u64);
            }
            Event::Packet {
                peer,
                sent,
                bytes,
                note,
            } => {
                self.current_link(*peer, at);
                let call = if *sent {
                    self.send_call()
                } else {
                    self.recv_call()
                };
                // Not counted: the transfer's progress counts its bytes.
                self.push(at, Some(*peer), call, bytes, note.clone());
            }
            Event::Dropped { peer, bytes } => {
                self.current_link(*peer, at);
                let seq = self.push(
                    at,
                    Some(*peer),
                    self.send_call(),
                    bytes,
                    crate::t!("win-traffic-dropped"),
                );
                if let Some(row) = self.row_by_seq_mut(seq) {
                    row.dropped = true;
                }
            }
            Event::Received { peer, bytes } => {
                // A UDP server hears from a peer it has no entry for yet: make it first, so
                // that the row belongs to it.
                self.current_link(*peer, at);
                self.push(at, Some(*peer), self.recv_call(), bytes, String::new());
                self.count(*peer, at, bytes.len() as u64, 0);
            }
            Event::Progress(p) => self.record_bulk(p, at),
            Event::File(f) => {
                if let Some(id) = self.current.get(&f.peer) {
                    self.bulk.remove(id);
                }
            }
            Event::Closed { peer, reason, .. } => {
                self.push(at, Some(*peer), Call::Close, &[], reason.clone());
                if let Some(id) = self.current.get(peer).copied() {
                    self.bulk.remove(&id);
                    if let Some(c) = self.connections.get_mut(&id) {
                        c.open = false;
                        c.state = LinkState::Closed(Some(reason.clone()));
                        c.last = at;
                        c.close = None;
                    }
                }
            }
            Event::Finished(_) => {
                self.bulk.clear();
                for c in self.connections.values_mut().filter(|c| c.open) {
                    c.open = false;
                    c.state = LinkState::Closed(None);
                    c.close = None;
                }
            }
            _ => {}
        }
    }

    /// A file transfer's progress: one summary row per transfer, updated in place, and the
    /// connection's byte counts.
    fn record_bulk(&mut self, p: &Progress, at: SystemTime) {
        let id = self.current_link(p.peer, at);
        // A server sends the file; a client receives it.
        let sending = self.server;
        let bulk = match self.bulk.get(&id) {
            Some(b) => *b,
            None => {
                let call = if sending {
                    self.send_call()
                } else {
                    self.recv_call()
                };
                let before = self
                    .connections
                    .get(&id)
                    .map_or(0, |c| if sending { c.bytes_out } else { c.bytes_in });
                let seq = self.push(at, Some(p.peer), call, &[], String::new());
                if let Some(row) = self.row_by_seq_mut(seq) {
                    row.bulk = true;
                }
                let b = Bulk {
                    seq,
                    bytes_before: before,
                };
                self.bulk.insert(id, b);
                b
            }
        };
        let note = bulk_note(self.tcp, sending, p.chunks, p.bytes);
        if let Some(row) = self.row_by_seq_mut(bulk.seq) {
            row.len = usize::try_from(p.bytes).unwrap_or(usize::MAX);
            row.note = note;
            row.time = at;
        }
        if let Some(c) = self.connections.get_mut(&id) {
            if sending {
                c.bytes_out = bulk.bytes_before + p.bytes;
            } else {
                c.bytes_in = bulk.bytes_before + p.bytes;
            }
            c.last = at;
        }
    }

    /// Starts a new connection entry for `peer` (TCP accept or connect, or a UDP client's
    /// socket).
    fn open(&mut self, peer: SocketAddr, at: SystemTime, close: Option<StopFlag>) {
        self.next_link += 1;
        let id = self.next_link;
        self.current.insert(peer, id);
        self.connections.insert(
            id,
            Connection {
                id,
                peer,
                open: true,
                // UDP has no connection to be open: a server hears from a peer, a client
                // talks to one.
                state: if self.tcp {
                    LinkState::Open
                } else if self.server {
                    LinkState::HeardFrom
                } else {
                    LinkState::TalkingTo
                },
                bytes_in: 0,
                bytes_out: 0,
                started: at,
                last: at,
                close,
                name: None,
            },
        );
    }

    /// The id of `peer`'s current connection, made if there is none (a UDP server hears from
    /// peers without any connection).
    fn current_link(&mut self, peer: SocketAddr, at: SystemTime) -> u64 {
        match self.current.get(&peer) {
            Some(id) if self.connections.contains_key(id) => *id,
            _ => {
                self.open(peer, at, None);
                self.next_link
            }
        }
    }

    /// Counts bytes on `peer`'s current connection.
    fn count(&mut self, peer: SocketAddr, at: SystemTime, bytes_in: u64, bytes_out: u64) {
        let id = self.current_link(peer, at);
        if let Some(c) = self.connections.get_mut(&id) {
            c.bytes_in += bytes_in;
            c.bytes_out += bytes_out;
            c.last = at;
        }
    }

    fn admits(&self, row: &Row) -> bool {
        if self.filter_conn.is_some() && row.link != self.filter_conn {
            return false;
        }
        if !self.direction.admits(row.call) {
            return false;
        }
        let needle = self.search.trim();
        if needle.is_empty() {
            return true;
        }
        contains_ignore_case(&row.preview, needle.as_bytes())
            || contains_ignore_case(row.note.as_bytes(), needle.as_bytes())
            || row.call.name() == needle.to_ascii_lowercase()
    }

    /// Brings the selected rows up to date with the filters.
    fn refresh_matches(&mut self) {
        let key = (self.filter_conn, self.direction, self.search.clone());
        if self.matches_key.as_ref() != Some(&key) {
            self.matches = self
                .rows
                .iter()
                .filter(|r| self.admits(r))
                .map(|r| r.seq)
                .collect();
            self.matches_key = Some(key);
        }
        // Rows dropped from the front leave stale sequence numbers: forget them.
        let first = self.rows.front().map_or(u64::MAX, |r| r.seq);
        let stale = self.matches.partition_point(|&s| s < first);
        if stale > 0 {
            self.matches.drain(..stale);
        }
    }

    fn index_of(&self, seq: u64) -> Option<usize> {
        let first = self.rows.front()?.seq;
        usize::try_from(seq.checked_sub(first)?).ok()
    }

    fn row_by_seq(&self, seq: u64) -> Option<&Row> {
        self.rows.get(self.index_of(seq)?)
    }

    fn row_by_seq_mut(&mut self, seq: u64) -> Option<&mut Row> {
        let i = self.index_of(seq)?;
        self.rows.get_mut(i)
    }

    /// The rows the inspector shows now.
    pub fn selected(&mut self) -> Vec<&Row> {
        self.refresh_matches();
        self.matches
            .iter()
            .filter_map(|&s| self.row_by_seq(s))
            .collect()
    }
}

/// A transfer's summary: "×1,025 · datagrams of 2,048 B · last 1,200 B · 2.0 MiB in all" for
/// a file server's sends; "2.0 MiB in all · 2,048 blocks of 1,024 B" for a TCP client's
/// receives (it reads more than a block at a time); "×N · X in all" for a UDP client's.
fn bulk_note(tcp: bool, sending: bool, chunks: u64, bytes: u64) -> String {
    let each = if tcp {
        crate::protocol::file::TCP_BLOCK_BYTES
    } else {
        crate::protocol::file::UDP_CHUNK_BYTES
    } as u64;
    let total = crate::units::human_bytes(bytes);
    if sending && chunks > 0 {
        let last = bytes.saturating_sub((chunks - 1) * each);
        crate::t!(
            "win-traffic-bulk-sent",
            chunks = thousands(chunks),
            transport = if tcp { "tcp" } else { "udp" },
            each = thousands(each),
            last = thousands(last),
            total = total
        )
    } else if tcp {
        crate::t!(
            "win-traffic-bulk-received",
            total = total,
            count = chunks,
            n = thousands(chunks),
            each = thousands(each)
        )
    } else {
        crate::t!(
            "win-traffic-bulk-datagrams",
            chunks = thousands(chunks),
            total = total
        )
    }
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn stamped(event: Event) -> Stamped {
        Stamped {
            at: SystemTime::UNIX_EPOCH,
            elapsed: Duration::ZERO,
            event,
        }
    }

    #[test]
    fn rows_are_bounded_and_filters_select() {
        let mut t = Traffic::default();
        let a: SocketAddr = "127.0.0.1:1".parse().unwrap();
        let b: SocketAddr = "127.0.0.1:2".parse().unwrap();
        t.record(&stamped(Event::Listening {
            local: "0.0.0.0:9".parse().unwrap(),
            tcp: true,
        }));
        for i in 0..(MAX_TRAFFIC_ROWS + 10) {
            let peer = if i % 2 == 0 { a } else { b };
            t.record(&stamped(Event::Received {
                peer,
                bytes: format!("msg {i}").into_bytes(),
            }));
        }
        assert_eq!(t.len(), MAX_TRAFFIC_ROWS);
        assert_eq!(t.dropped(), 13);
        t.filter_conn = t.connection_to(a).map(|c| c.id);
        assert_eq!(t.selected().len(), MAX_TRAFFIC_ROWS / 2);
        t.search = "MSG 100009".into();
        assert_eq!(t.selected().len(), 0, "100009 came from b");
        t.filter_conn = None;
        assert_eq!(t.selected().len(), 1);
        t.direction = Direction::Sent;
        assert_eq!(t.selected().len(), 0);
        assert_eq!(
            t.connection_to(a).map(|c| c.bytes_in).unwrap_or_default(),
            (0..MAX_TRAFFIC_ROWS + 10)
                .step_by(2)
                .map(|i| format!("msg {i}").len() as u64)
                .sum::<u64>()
        );
    }

    fn progress(peer: SocketAddr, bytes: u64, chunks: u64) -> Event {
        Event::Progress(Progress {
            peer,
            bytes,
            total: Some(2_098_352),
            chunks,
            elapsed: Duration::from_millis(100),
            retransmits: 0,
        })
    }

    #[test]
    fn a_udp_transfer_is_one_summary_row_that_updates_and_counts_bytes_out() {
        let mut t = Traffic::default();
        let peer: SocketAddr = "127.0.0.1:7".parse().unwrap();
        t.record(&stamped(Event::Listening {
            local: "0.0.0.0:9".parse().unwrap(),
            tcp: false,
        }));
        t.record(&stamped(Event::Received {
            peer,
            bytes: b"big.bin".to_vec(),
        }));
        t.record(&stamped(progress(peer, 2048 * 10, 10)));
        t.record(&stamped(progress(peer, 2_098_352, 1025)));
        let rows = t.row_texts();
        assert_eq!(
            rows.last().map(String::as_str),
            Some("sendto ×1,025 · datagrams of 2,048 B · last 1,200 B · 2.0 MiB in all"),
            "{rows:?}"
        );
        assert_eq!(
            rows.len(),
            4,
            "socket, bind, recvfrom, one summary: {rows:?}"
        );
        let c = t.connection_to(peer).unwrap();
        assert_eq!((c.bytes_in, c.bytes_out), (7, 2_098_352));
        let labels = t.timeline_labels();
        assert_eq!(labels[..2], ["socket()", "bind(0.0.0.0:9)"]);
        assert_eq!(labels[2], "recvfrom() 7 bytes");
        assert!(labels[3].starts_with("sendto() ×1,025"), "{labels:?}");
    }

    #[test]
    fn two_connections_from_one_address_stay_apart_and_the_timeline_follows_the_latest() {
        let mut t = Traffic::default();
        let server: SocketAddr = "127.0.0.1:12000".parse().unwrap();
        for (i, msg) in [&b"one"[..], &b"two!"[..]].iter().enumerate() {
            t.record(&stamped(Event::Connected {
                local: format!("127.0.0.1:{}", 50_000 + i).parse().unwrap(),
                peer: server,
                tcp: true,
            }));
            t.record(&stamped(Event::Sent {
                peer: server,
                bytes: msg.to_vec(),
            }));
            t.record(&stamped(Event::Closed {
                peer: server,
                reason: "done".into(),
                first: Default::default(),
            }));
        }
        assert_eq!(t.connections().count(), 2);
        let labels = t.timeline_labels();
        assert_eq!(
            labels,
            [
                "socket()",
                "connect(127.0.0.1:12000)",
                "send() 4 bytes",
                "close(): done"
            ]
        );
        t.timeline_pick = Some(1);
        assert_eq!(t.timeline_labels()[2], "send() 3 bytes");
        t.timeline_pick = None;
        t.record(&stamped(Event::Connected {
            local: "127.0.0.1:50002".parse().unwrap(),
            peer: server,
            tcp: true,
        }));
        assert_eq!(
            t.timeline_connection(),
            Some(3),
            "follows the new connection"
        );
    }
}
