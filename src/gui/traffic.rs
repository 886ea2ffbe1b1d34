//! What one runner did on the wire, kept as rows of socket calls, and three views of it: the
//! traffic inspector (a filterable, searchable table), the socket-call timeline (a sequence
//! diagram per connection), and the connections table of a server.
//!
//! Memory is bounded: at most [`MAX_TRAFFIC_ROWS`] rows, each keeping [`PREVIEW_BYTES`] of its
//! data; older rows are dropped and counted. Views lay out only the rows on screen.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::time::SystemTime;

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::log_view::clock;
use crate::net::event::{Event, Progress, Stamped};
use crate::net::runner::StopFlag;
use crate::protocol::{counted, escape_bytes, hex_bytes, thousands};

/// How the tables scroll sideways in a narrow column: by their scroll bar. The mouse wheel is
/// left to the table's rows and the page (egui would otherwise turn the vertical wheel into a
/// sideways scroll over a horizontal-only area, and the page would not move).
const SIDEWAYS: egui::scroll_area::ScrollSource = egui::scroll_area::ScrollSource {
    scroll_bar: true,
    drag: egui::scroll_area::DragScroll::OnTouch,
    // Shift+wheel (and a sideways wheel or touchpad) moves it; the plain wheel scrolls rows.
    mouse_wheel: true,
};

/// Below this width (points) the inspector leaves out its connection column (the Connection
/// filter and each row's tooltip still say it), so that the data stays in view.
const INSPECTOR_NARROW: f32 = 620.0;

/// Below this width the inspector is down to two columns: the call with its bytes, and the data.
const INSPECTOR_TIGHT: f32 = 420.0;

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

    fn label(self) -> &'static str {
        match self {
            Self::All => "all directions",
            Self::Sent => "sent",
            Self::Received => "received",
            Self::Calls => "socket calls",
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
    pub state: String,
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
                    self.push(at, Some(*peer), Call::Socket, &[], format!("at {local}"));
                    self.push(at, Some(*peer), Call::Connect, &[], peer.to_string());
                } else {
                    // A UDP socket has no connection: the handouts' client only sends to and
                    // receives from the server's address.
                    self.push(
                        at,
                        Some(*peer),
                        Call::Socket,
                        &[],
                        format!("SOCK_DGRAM at {local}"),
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
                    "dropped by the simulator".into(),
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
                        c.state = format!("closed: {reason}");
                        c.last = at;
                        c.close = None;
                    }
                }
            }
            Event::Finished(_) => {
                self.bulk.clear();
                for c in self.connections.values_mut().filter(|c| c.open) {
                    c.open = false;
                    c.state = "closed".into();
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
                    "open"
                } else if self.server {
                    "heard from"
                } else {
                    "talking to"
                }
                .into(),
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

    /// The selected rows as CSV (time, connection, call, bytes, text, hex).
    pub fn to_csv(&mut self) -> String {
        let mut out = String::from("seq,time,connection,call,bytes,text,hex,note\n");
        for r in self.selected() {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{}",
                r.seq,
                clock(r.time),
                r.conn.map(|c| c.to_string()).unwrap_or_default(),
                r.call.name(),
                r.len,
                csv_field(&escape_bytes(&r.preview)),
                hex_bytes(&r.preview),
                csv_field(&r.note)
            );
        }
        out
    }

    /// The selected rows as plain text, one per line.
    pub fn to_text(&mut self) -> String {
        let mut out = String::new();
        for r in self.selected() {
            let _ = writeln!(
                out,
                "{} {:<22} {:<8} {:>6} B  {}{}",
                clock(r.time),
                r.conn
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "(listening socket)".into()),
                r.call.name(),
                r.len,
                escape_bytes(&r.preview),
                if r.note.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", r.note)
                }
            );
        }
        out
    }

    /// The rows of the inspector as the table shows them (for tests): call and text.
    pub fn row_texts(&mut self) -> Vec<String> {
        self.selected()
            .into_iter()
            .map(|r| format!("{} {}", r.call.name(), row_text(r, false)))
            .collect()
    }

    /// The traffic inspector: filters, search, export, and a table `height` points high that
    /// lays out only the rows on screen and scrolls sideways when its column is narrow.
    pub fn inspector_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Connection");
            let shown = self
                .filter_conn
                .and_then(|id| self.connections.get(&id))
                .map_or_else(|| "all".to_owned(), Connection::title);
            egui::ComboBox::from_id_salt("inspector conn")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter_conn, None, "all");
                    for c in self.connections.values() {
                        ui.selectable_value(&mut self.filter_conn, Some(c.id), c.title());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Direction");
            egui::ComboBox::from_id_salt("inspector direction")
                .selected_text(self.direction.label())
                .show_ui(ui, |ui| {
                    for d in Direction::ALL {
                        ui.selectable_value(&mut self.direction, d, d.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Search");
            ui.add(egui::TextEdit::singleline(&mut self.search).desired_width(110.0))
                .labelled_by(label.id);
            ui.checkbox(&mut self.show_hex, "Hex");
        });
        self.refresh_matches();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} of {}{}",
                    thousands(self.matches.len() as u64),
                    counted(self.rows.len() as u64, "row", "rows"),
                    if self.dropped > 0 {
                        format!(
                            " ({} older dropped; at most {} kept)",
                            thousands(self.dropped),
                            thousands(MAX_TRAFFIC_ROWS as u64)
                        )
                    } else {
                        String::new()
                    }
                ))
                .weak(),
            );
            if ui.button("Copy CSV").clicked() {
                let csv = self.to_csv();
                ui.ctx().copy_text(csv);
            }
            if ui.button("Copy text").clicked() {
                let text = self.to_text();
                ui.ctx().copy_text(text);
            }
        });
        let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
        let show_hex = self.show_hex;
        let dark = ui.visuals().dark_mode;
        let rows: Vec<u64> = self.matches.clone();
        let narrow = ui.available_width() < INSPECTOR_NARROW;
        // A pane of a projector's zoom: the call and its bytes share a column, and the time
        // is in the row's tooltip, so that the data has what is left.
        let tight = ui.available_width() < INSPECTOR_TIGHT;
        egui::ScrollArea::horizontal()
            .id_salt("inspector sideways")
            .scroll_source(SIDEWAYS)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                let table = TableBuilder::new(ui)
                    .id_salt(if tight {
                        "inspector table tight"
                    } else if narrow {
                        "inspector table narrow"
                    } else {
                        "inspector table"
                    })
                    .striped(true)
                    .stick_to_bottom(true)
                    .resizable(true)
                    .min_scrolled_height(height)
                    .max_scroll_height(height);
                let table = if tight {
                    table.column(Column::exact(96.0))
                } else {
                    table.column(Column::exact(100.0))
                };
                let table = if narrow {
                    table
                } else {
                    table.column(Column::initial(130.0).at_least(60.0).clip(true))
                };
                let table = if tight {
                    table
                } else {
                    table
                        .column(Column::exact(66.0))
                        .column(Column::exact(70.0))
                };
                table
                    .column(
                        Column::remainder()
                            .at_least(if tight { 60.0 } else { 140.0 })
                            .clip(true),
                    )
                    .header(row_height, |mut header| {
                        let data = if show_hex { "hex" } else { "data" };
                        let titles: &[&str] = if tight {
                            &["call, bytes", data]
                        } else if narrow {
                            &["time", "call", "bytes", data]
                        } else {
                            &["time", "connection", "call", "bytes", data]
                        };
                        for title in titles {
                            header.col(|ui| {
                                ui.strong(*title);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(row_height, rows.len(), |mut row| {
                            let Some(r) = self.row_by_seq(rows[row.index()]) else {
                                return;
                            };
                            let color = call_color(dark, r.call);
                            let conn = r
                                .conn
                                .map(|c| c.to_string())
                                .unwrap_or_else(|| "listening".into());
                            if tight {
                                let mut name = r.call.name().to_owned();
                                if r.len > 0 || r.call.is_send() || r.call.is_recv() {
                                    name = format!("{name} {}", thousands(r.len as u64));
                                }
                                row.col(|ui| {
                                    ui.label(RichText::new(name).monospace().color(color))
                                        .on_hover_text(format!("{} · {conn}", clock(r.time)));
                                });
                                row.col(|ui| {
                                    let text = row_text(r, show_hex);
                                    ui.add(
                                        egui::Label::new(RichText::new(&text).monospace())
                                            .truncate(),
                                    )
                                    .on_hover_text(format!("{conn}: {text}"));
                                });
                                return;
                            }
                            row.col(|ui| {
                                ui.label(RichText::new(clock(r.time)).monospace().weak())
                                    .on_hover_text(&conn);
                            });
                            if !narrow {
                                row.col(|ui| {
                                    ui.label(RichText::new(&conn).monospace());
                                });
                            }
                            row.col(|ui| {
                                let name = if r.bulk {
                                    format!("{} ×", r.call.name())
                                } else {
                                    r.call.name().to_owned()
                                };
                                ui.label(RichText::new(name).monospace().color(color));
                            });
                            row.col(|ui| {
                                if r.len > 0 || r.call.is_send() || r.call.is_recv() {
                                    ui.label(RichText::new(thousands(r.len as u64)).monospace());
                                }
                            });
                            row.col(|ui| {
                                let text = row_text(r, show_hex);
                                // Cut to the column, whole in its tooltip.
                                ui.add(
                                    egui::Label::new(RichText::new(&text).monospace()).truncate(),
                                )
                                .on_hover_text(format!("{conn}: {text}"));
                            });
                        });
                    });
            });
    }

    /// The connections table of a server: one row per connection or UDP peer, each open TCP
    /// one with a Close button. It fits its column (peer and state share what is left and are
    /// clipped; when it started, its last activity and its number are in the peer's tooltip),
    /// so it needs no sideways scroll and never draws over the neighbour.
    pub fn connections_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        if self.connections.is_empty() {
            ui.label(RichText::new("No connections yet.").weak());
            return;
        }
        let tcp = self.tcp;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        // The latest connections that fit the box, without a scroll of their own: rows never
        // hide half under the header, and every Close button shown is whole.
        let fit = ((height / row_height) as usize).saturating_sub(1).max(1);
        let all = self.connections.len();
        let ids: Vec<u64> = self
            .connections
            .keys()
            .rev()
            .take(fit)
            .rev()
            .copied()
            .collect();
        if all > ids.len() {
            ui.label(
                RichText::new(format!(
                    "the latest {} of {} connections (Traffic lists every one)",
                    ids.len(),
                    thousands(all as u64)
                ))
                .weak(),
            );
        }
        // A Close column for TCP only: UDP has no connection to close.
        let table = TableBuilder::new(ui)
            .id_salt("connections table")
            .striped(true)
            .vscroll(false);
        let table = if tcp {
            table.column(Column::exact(56.0))
        } else {
            table
        };
        table
            .column(Column::remainder().at_least(60.0).clip(true))
            .column(Column::remainder().at_least(40.0).clip(true))
            .column(Column::exact(64.0).clip(true))
            .column(Column::exact(64.0).clip(true))
            .header(row_height, |mut header| {
                let titles: &[&str] = if tcp { &["close"] } else { &[] };
                for title in titles.iter().chain(&["peer", "state", "in", "out"]) {
                    header.col(|ui| {
                        ui.strong(*title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, ids.len(), |mut row| {
                    let Some(c) = self.connections.get(&ids[row.index()]) else {
                        return;
                    };
                    // The button first, so that a narrow column still shows it.
                    if tcp {
                        row.col(|ui| {
                            let can_close = c.open && c.close.is_some();
                            if ui
                                .add_enabled(can_close, egui::Button::new("Close"))
                                .on_hover_text("Close this connection from the server's side")
                                .clicked()
                                && let Some(close) = &c.close
                            {
                                close.stop();
                            }
                        });
                    }
                    row.col(|ui| {
                        let peer = match &c.name {
                            Some(name) => format!("{} · {name}", c.peer),
                            None => c.peer.to_string(),
                        };
                        ui.add(egui::Label::new(RichText::new(peer).monospace()).truncate())
                            .on_hover_text(format!(
                                "connection #{} from {}: started {}, last activity {}",
                                c.id,
                                c.peer,
                                clock(c.started),
                                clock(c.last)
                            ));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&c.state).truncate())
                            .on_hover_text(&c.state);
                    });
                    row.col(|ui| {
                        ui.label(format!("{} B", thousands(c.bytes_in)));
                    });
                    row.col(|ui| {
                        ui.label(format!("{} B", thousands(c.bytes_out)));
                    });
                });
            });
    }

    /// The connection the timeline shows: the user's pick, or else the latest.
    pub fn timeline_connection(&self) -> Option<u64> {
        self.timeline_pick
            .filter(|id| self.connections.contains_key(id))
            .or_else(|| self.connections.keys().next_back().copied())
    }

    /// The socket-call timeline: a sequence diagram of one connection (or UDP peer) between
    /// this side and its peer, with byte counts, in a box `height` points high.
    pub fn timeline_ui(&mut self, ui: &mut egui::Ui, this_side: &str, height: f32) {
        let shown = self.timeline_connection();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Connection");
            let text = match (
                self.timeline_pick,
                shown.and_then(|id| self.connections.get(&id)),
            ) {
                (_, None) => "none yet".to_owned(),
                (None, Some(c)) => format!("latest: {}", c.title()),
                (Some(_), Some(c)) => c.title(),
            };
            egui::ComboBox::from_id_salt("timeline conn")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.timeline_pick, None, "latest (follows new ones)");
                    for c in self.connections.values().rev() {
                        ui.selectable_value(&mut self.timeline_pick, Some(c.id), c.title());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if self.server && !self.listening.is_empty() {
            let calls: Vec<String> = self.listening.iter().map(step_label).collect();
            ui.label(
                RichText::new(format!("listening socket: {}", calls.join(" · ")))
                    .monospace()
                    .color(call_color(ui.visuals().dark_mode, Call::Listen)),
            );
        }
        let steps = self.timeline_steps();
        if steps.is_empty() {
            ui.label(RichText::new("No socket calls yet.").weak());
            return;
        }
        let peer_name = shown
            .and_then(|id| self.connections.get(&id))
            .map_or_else(|| "peer".to_owned(), |c| c.peer.to_string());
        let dark = ui.visuals().dark_mode;
        let row_height = 28.0;
        if self.tcp {
            ui.label(
                RichText::new("TCP is a byte stream: one send() may arrive as several recv() calls, or several as one.")
                    .weak(),
            );
        }
        ui.horizontal(|ui| {
            let w = ui.available_width();
            ui.add_sized(
                [w * 0.5, 18.0],
                egui::Label::new(RichText::new(this_side).strong()),
            );
            ui.add_sized(
                [w * 0.45, 18.0],
                egui::Label::new(RichText::new(&peer_name).strong()).truncate(),
            );
        });
        egui::ScrollArea::vertical()
            .id_salt("timeline")
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .stick_to_bottom(true)
            .show_rows(ui, row_height, steps.len(), |ui, range| {
                for step in &steps[range] {
                    let (rect, response) = ui.allocate_exact_size(
                        egui::vec2(ui.available_width(), row_height),
                        egui::Sense::hover(),
                    );
                    paint_step(ui, rect, step, dark);
                    response.on_hover_text(format!("{} at {}", step.label, clock(step.time)));
                }
            });
    }

    /// The timeline's steps as text, one per line; a step's note follows it as a line. On a
    /// server, the listening socket's calls come first, once.
    pub fn timeline_labels(&self) -> Vec<String> {
        let header = if self.server {
            self.listening.iter().map(step_label).collect()
        } else {
            Vec::new()
        };
        header
            .into_iter()
            .chain(self.timeline_steps().into_iter().flat_map(|s| {
                std::iter::once(s.label).chain((!s.note.is_empty()).then_some(s.note))
            }))
            .collect()
    }

    /// The steps of the shown connection, and only of it.
    fn timeline_steps(&self) -> Vec<Step> {
        let Some(conn) = self.timeline_connection() else {
            return Vec::new();
        };
        let mut steps: Vec<Step> = Vec::new();
        let rows: Vec<&Row> = self.rows.iter().filter(|r| r.link == Some(conn)).collect();
        let mut i = 0;
        while i < rows.len() {
            let r = rows[i];
            // Consecutive receives after one send are grouped, so that a stream's split is seen.
            let mut group = 1;
            if self.tcp && r.call.is_recv() && !r.bulk {
                while i + group < rows.len()
                    && rows[i + group].call.is_recv()
                    && !rows[i + group].bulk
                {
                    group += 1;
                }
            }
            for (k, g) in rows[i..i + group].iter().enumerate() {
                let note = if group > 1 && k + 1 == group {
                    let total: usize = rows[i..i + group].iter().map(|x| x.len).sum();
                    format!(
                        "{group} receives, {} in all",
                        counted(total as u64, "byte", "bytes")
                    )
                } else {
                    String::new()
                };
                steps.push(Step {
                    call: g.call,
                    bulk: g.bulk,
                    dropped: g.dropped,
                    label: step_label(g),
                    note: if g.dropped { g.note.clone() } else { note },
                    time: g.time,
                });
            }
            i += group;
        }
        steps
    }
}

/// A timeline step's text: the call with its argument or byte count.
fn step_label(r: &Row) -> String {
    match r.call {
        c if r.bulk => format!("{}() {}", c.name(), r.note),
        // A decoded packet (TFTP) says what it is; a drop says so in the note column.
        c if (c.is_send() || c.is_recv()) && !r.note.is_empty() && !r.dropped => {
            format!("{}() {}", c.name(), r.note)
        }
        c if c.is_send() || c.is_recv() => {
            format!("{}() {}", c.name(), counted(r.len as u64, "byte", "bytes"))
        }
        Call::Bind | Call::Connect => format!("{}({})", r.call.name(), r.note),
        Call::Close if !r.note.is_empty() => format!("close(): {}", r.note),
        c => format!("{}()", c.name()),
    }
}

/// The data column of the inspector: the bytes (as text or hex), or the row's note.
fn row_text(r: &Row, show_hex: bool) -> String {
    if r.bulk {
        return r.note.clone();
    }
    let data = if show_hex {
        hex_bytes(&r.preview)
    } else {
        escape_bytes(&r.preview)
    };
    let more = if r.len > r.preview.len() { "…" } else { "" };
    if data.is_empty() {
        r.note.clone()
    } else if !r.note.is_empty() {
        // A dropped datagram, or a decoded packet: what it is, then its bytes.
        format!("{} · {data}{more}", r.note)
    } else {
        format!("{data}{more}")
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
    let total = crate::net::file::human_bytes(bytes);
    if sending && chunks > 0 {
        let last = bytes.saturating_sub((chunks - 1) * each);
        let unit = if tcp { "blocks of" } else { "datagrams of" };
        format!(
            "×{} · {unit} {} B · last {} B · {total} in all",
            thousands(chunks),
            thousands(each),
            thousands(last)
        )
    } else if tcp {
        format!(
            "{total} in all · {} of {} B",
            counted(chunks, "block", "blocks"),
            thousands(each)
        )
    } else {
        format!("×{} · {total} in all", thousands(chunks))
    }
}

/// One line of the timeline.
struct Step {
    call: Call,
    /// It stands for a whole transfer: drawn heavier.
    bulk: bool,
    /// Dropped by the network simulator: the arrow is crossed out.
    dropped: bool,
    label: String,
    note: String,
    time: SystemTime,
}

fn paint_step(ui: &egui::Ui, rect: egui::Rect, step: &Step, dark: bool) {
    let painter = ui.painter_at(rect);
    let left = rect.left() + rect.width() * 0.12;
    let right = rect.left() + rect.width() * 0.62;
    let line_color = ui.visuals().weak_text_color();
    painter.line_segment(
        [
            egui::pos2(left, rect.top()),
            egui::pos2(left, rect.bottom()),
        ],
        (1.5, line_color),
    );
    painter.line_segment(
        [
            egui::pos2(right, rect.top()),
            egui::pos2(right, rect.bottom()),
        ],
        (1.5, line_color),
    );
    let color = call_color(dark, step.call);
    // Arrows run low in the row, with their label above them, inside the row.
    let mid = if step.call.is_send() || step.call.is_recv() {
        rect.bottom() - 7.0
    } else {
        rect.center().y
    };
    let font = egui::FontId::monospace(12.0);
    if step.call.is_send() || step.call.is_recv() {
        let (from, to) = if step.call.is_send() {
            (left, right)
        } else {
            (right, left)
        };
        let width = if step.bulk { 3.5 } else { 1.5 };
        if step.dropped {
            // A datagram that never arrived: the line stops short of the other side, crossed.
            let end = from + (to - from) * 0.6;
            painter.line_segment(
                [egui::pos2(from, mid), egui::pos2(end, mid)],
                egui::Stroke::new(width, color),
            );
            let cross = ui.visuals().error_fg_color;
            let r = 5.0;
            painter.line_segment(
                [egui::pos2(end - r, mid - r), egui::pos2(end + r, mid + r)],
                egui::Stroke::new(2.0, cross),
            );
            painter.line_segment(
                [egui::pos2(end - r, mid + r), egui::pos2(end + r, mid - r)],
                egui::Stroke::new(2.0, cross),
            );
        } else {
            let stroke = egui::Stroke::new(width, color);
            painter.line_segment([egui::pos2(from, mid), egui::pos2(to, mid)], stroke);
            // A head of its own, of a fixed size: egui's grows with the arrow (a quarter of
            // it), and a long arrow's head reached up over the first letters of its label.
            let tip = egui::pos2(to, mid);
            for wing in arrow_wings(tip, to < from) {
                painter.line_segment([tip, wing], stroke);
            }
        }
        // Centred over the arrow, between the lifelines: a longer label is cut with "…" there
        // (the row's tooltip has it whole), never drawn through the arrowhead or the peer.
        let galley = fitted_label(
            &painter,
            &step.label,
            font.clone(),
            color,
            right - left - 8.0,
        );
        let at = egui::pos2(
            (left + right) / 2.0 - galley.size().x / 2.0,
            mid - LABEL_GAP - galley.size().y,
        );
        painter.galley(at, galley, color);
    } else {
        let text_rect = painter.text(
            egui::pos2(left + 8.0, mid),
            egui::Align2::LEFT_CENTER,
            &step.label,
            font.clone(),
            color,
        );
        painter.rect_stroke(
            text_rect.expand(2.0),
            3.0,
            (1.0, color),
            egui::StrokeKind::Outside,
        );
        painter.circle_filled(egui::pos2(left, mid), 3.5, color);
    }
    if !step.note.is_empty() {
        painter.text(
            egui::pos2(right + 6.0, mid),
            egui::Align2::LEFT_CENTER,
            &step.note,
            egui::FontId::proportional(12.0),
            ui.visuals().warn_fg_color,
        );
    }
}

/// Points between an arrow and the bottom of its label.
const LABEL_GAP: f32 = 6.0;

/// How far an arrowhead's wings reach back along the arrow, and to either side of it.
const HEAD_LENGTH: f32 = 9.0;
const HEAD_HALF_WIDTH: f32 = 4.5;

/// The two ends of an arrowhead's wings for a tip at `tip` on a level arrow pointing left
/// (`leftwards`) or right: always the same size, within [`HEAD_HALF_WIDTH`] of the line.
fn arrow_wings(tip: egui::Pos2, leftwards: bool) -> [egui::Pos2; 2] {
    let back = if leftwards { HEAD_LENGTH } else { -HEAD_LENGTH };
    [
        egui::pos2(tip.x + back, tip.y - HEAD_HALF_WIDTH),
        egui::pos2(tip.x + back, tip.y + HEAD_HALF_WIDTH),
    ]
}

/// `label` laid out on one line of at most `width` points, cut with "…" when longer.
fn fitted_label(
    painter: &egui::Painter,
    label: &str,
    font: egui::FontId,
    color: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(label.to_owned(), font, color);
    job.wrap = egui::text::TextWrapping {
        max_width: width.max(8.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    painter.layout_job(job)
}

fn call_color(dark: bool, call: Call) -> Color32 {
    match (call.is_send(), call.is_recv(), dark) {
        (true, _, true) => Color32::from_rgb(120, 190, 255),
        (true, _, false) => Color32::from_rgb(20, 90, 180),
        (_, true, true) => Color32::from_rgb(140, 220, 140),
        (_, true, false) => Color32::from_rgb(20, 120, 40),
        (_, _, true) => Color32::from_rgb(230, 190, 120),
        (_, _, false) => Color32::from_rgb(150, 90, 10),
    }
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn an_arrowhead_stays_under_its_label_however_long_the_arrow() {
        let mid = 100.0;
        for leftwards in [true, false] {
            let tip = egui::pos2(if leftwards { 20.0 } else { 900.0 }, mid);
            let wings = arrow_wings(tip, leftwards);
            for w in wings {
                // The label's bottom is LABEL_GAP above the line: the wings never reach it.
                assert!(w.y > mid - LABEL_GAP, "{w:?}");
                assert!((w.x - tip.x).abs() <= HEAD_LENGTH);
            }
            // Pointing the way the arrow goes: a leftward head's wings are right of its tip.
            assert_eq!(wings[0].x > tip.x, leftwards);
        }
    }

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

    #[test]
    fn a_long_timeline_label_is_cut_to_the_room_between_the_lifelines() {
        let ctx = egui::Context::default();
        let label = "send() ×204,800 · blocks of 1,024 B · last 1,024 B · 200.0 MiB in all";
        let mut widths = Vec::new();
        let mut out = ctx.run_ui(Default::default(), |ui| {
            for room in [80.0, 160.0, 1000.0] {
                let g = fitted_label(
                    ui.painter(),
                    label,
                    egui::FontId::monospace(12.0),
                    Color32::WHITE,
                    room,
                );
                widths.push((room, g.size().x, g.rows.len(), g.text().to_owned()));
            }
        });
        out.textures_delta.clear();
        for (room, width, rows, _) in &widths[..2] {
            assert!(width <= room, "{width} in {room}");
            assert_eq!(*rows, 1);
        }
        // With room enough, the whole label, wider than the room the others had.
        assert!(widths[2].1 > 160.0, "{:?}", widths[2]);
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut t = Traffic::default();
        let peer: SocketAddr = "127.0.0.1:5".parse().unwrap();
        t.record(&stamped(Event::Connected {
            local: "127.0.0.1:6".parse().unwrap(),
            peer,
            tcp: true,
        }));
        t.record(&stamped(Event::Sent {
            peer,
            bytes: b"Ana, \"42\"\n".to_vec(),
        }));
        let csv = t.to_csv();
        assert!(
            csv.contains(",127.0.0.1:5,send,10,\"Ana, \\\"\"42\\\"\"\\n\",41 6e 61"),
            "{csv}"
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
