//! The output pane under each form: what the handout says to display, plus every message sent or
//! received with its raw bytes, time and peer. Only the visible rows are laid out, so a long
//! session stays smooth.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::time::SystemTime;

use egui::{Color32, RichText};

use crate::net::event::{Event, Level, Role, Stamped};
use crate::protocol::{escape_bytes, hex_bytes, thousands};
use crate::t;

/// Most lines one pane keeps; older ones are dropped and counted.
pub const MAX_LOG_LINES: usize = 20_000;

/// Kinds of line, each with its own colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Sent,
    Received,
    Result,
    Info,
    Warn,
    Error,
}

/// One line of the pane.
#[derive(Clone, Debug)]
pub struct LogLine {
    pub time: String,
    pub peer: Option<SocketAddr>,
    pub kind: LineKind,
    pub text: String,
    /// Raw bytes in hex, for sent and received lines.
    pub hex: Option<String>,
    /// A guess server's secret, shown after the text only while secrets are shown.
    pub secret: Option<i64>,
}

/// A bounded list of lines and how it is shown.
#[derive(Debug, Default)]
pub struct LogView {
    lines: VecDeque<LogLine>,
    dropped: usize,
    /// The peers the lines name (a pane that only ever talked to one need not repeat it).
    peers: std::collections::BTreeSet<SocketAddr>,
    pub show_hex: bool,
    /// Show a guess server's secrets (hidden by default: the window may be on a projector).
    pub show_secrets: bool,
    /// Where the newest line was drawn in the last frame (None: not laid out, scrolled away).
    pub newest: Option<egui::Rect>,
}

impl LogView {
    pub fn clear(&mut self) {
        self.lines.clear();
        self.dropped = 0;
        self.peers.clear();
    }

    /// Every line ever added (the kept ones and those dropped for room).
    pub fn total(&self) -> usize {
        self.lines.len() + self.dropped
    }

    pub fn lines(&self) -> impl Iterator<Item = &LogLine> {
        self.lines.iter()
    }

    pub fn push(&mut self, line: LogLine) {
        if self.lines.len() >= MAX_LOG_LINES {
            self.lines.pop_front();
            self.dropped += 1;
        }
        if let Some(peer) = line.peer {
            self.peers.insert(peer);
        }
        self.lines.push_back(line);
    }

    /// Adds the lines an event calls for (some events, like `Finished`, add theirs elsewhere).
    pub fn record(&mut self, stamped: &Stamped) {
        let time = clock(stamped.at);
        let line = |kind, peer, text: String| LogLine {
            time: time.clone(),
            peer,
            kind,
            text,
            hex: None,
            secret: None,
        };
        match &stamped.event {
            Event::Listening { local, tcp } => self.push(line(
                LineKind::Info,
                None,
                format!(
                    "socket(), bind({local}){}",
                    if *tcp { ", listen()" } else { "" }
                ),
            )),
            Event::Accepted { peer, .. } => {
                self.push(line(LineKind::Info, Some(*peer), t!("win-log-accepted")));
            }
            Event::Connected { local, peer, .. } => self.push(line(
                LineKind::Info,
                Some(*peer),
                t!(
                    "win-log-connected",
                    local = local.to_string(),
                    peer = peer.to_string()
                ),
            )),
            Event::Sent { peer, bytes } | Event::Received { peer, bytes } => {
                let sent = matches!(stamped.event, Event::Sent { .. });
                self.push(LogLine {
                    time,
                    peer: Some(*peer),
                    kind: if sent {
                        LineKind::Sent
                    } else {
                        LineKind::Received
                    },
                    text: t!(
                        "win-log-bytes",
                        way = way(sent),
                        count = bytes.len(),
                        n = thousands(bytes.len() as u64),
                        data = format!("\"{}\"", escape_bytes(&bytes[..bytes.len().min(4096)]))
                    ),
                    hex: Some(hex_bytes(&bytes[..bytes.len().min(1024)])),
                    secret: None,
                });
            }
            Event::Packet {
                peer,
                sent,
                bytes,
                note,
            } => {
                self.push(LogLine {
                    time,
                    peer: Some(*peer),
                    kind: if *sent {
                        LineKind::Sent
                    } else {
                        LineKind::Received
                    },
                    text: t!("win-log-packet", way = way(*sent), note = note.as_str()),
                    hex: Some(hex_bytes(bytes)),
                    secret: None,
                });
            }
            // For captures only: the transfer's progress and the traffic say it.
            Event::Payload { .. } | Event::Fate { .. } | Event::HalfClosed { .. } => {}
            Event::Dropped { peer, bytes } => {
                self.push(line(
                    LineKind::Warn,
                    Some(*peer),
                    t!(
                        "win-log-dropped",
                        count = bytes.len(),
                        n = thousands(bytes.len() as u64),
                        data = format!("\"{}\"", escape_bytes(&bytes[..bytes.len().min(200)]))
                    ),
                ));
            }
            Event::Closed { peer, reason, .. } => {
                self.push(line(
                    LineKind::Info,
                    Some(*peer),
                    format!("close(): {reason}"),
                ));
            }
            Event::Log { level, peer, text } => {
                let kind = match level {
                    Level::Info => LineKind::Info,
                    Level::Warn => LineKind::Warn,
                    Level::Error => LineKind::Error,
                };
                self.push(line(kind, *peer, text.to_string()));
            }
            Event::Add(x) => {
                // The sum first, then whose numbers: what matters is in view in a narrow pane.
                let text = t!(
                    "win-log-sum",
                    sum = x.sum().to_string(),
                    client_number = x.client_number.to_string(),
                    client_name = x.client_name.as_str(),
                    server_number = x.server_number.to_string(),
                    server_name = x.server_name.as_str(),
                    role = match x.role {
                        Role::Server => "server",
                        Role::Client => "client",
                    }
                );
                self.push(line(LineKind::Result, Some(x.peer), text));
                self.push(line(
                    LineKind::Info,
                    Some(x.peer),
                    t!("win-log-format", format = x.format.to_string()),
                ));
            }
            Event::SharedFiles(files) => self.push(line(
                LineKind::Info,
                None,
                t!(
                    "win-log-sharing",
                    count = files.len(),
                    n = thousands(files.len() as u64)
                ),
            )),
            // Progress is shown by the form's progress bar, not as lines.
            Event::Progress(_) => {}
            Event::File(f) => {
                let chunks = t!(
                    "win-log-chunks",
                    count = f.chunks,
                    n = thousands(f.chunks),
                    transport = if f.tcp { "tcp" } else { "udp" }
                );
                let bytes = t!("win-bytes", count = f.bytes, n = thousands(f.bytes));
                let seconds = format!("{:.3}", f.elapsed.as_secs_f64());
                let text = match f.role {
                    Role::Server => t!(
                        "win-log-file-sent",
                        name = format!("\"{}\"", f.name),
                        bytes = bytes,
                        chunks = chunks,
                        seconds = seconds
                    ),
                    Role::Client => t!(
                        "win-log-file-saved",
                        path = f.path.display().to_string(),
                        bytes = bytes,
                        chunks = chunks,
                        seconds = seconds
                    ),
                };
                self.push(line(LineKind::Result, Some(f.peer), text));
                if let Some(sha) = &f.sha256 {
                    self.push(line(LineKind::Info, Some(f.peer), format!("SHA-256 {sha}")));
                }
            }
            Event::Reply(r) => {
                let segments = if r.segments.len() > 1 {
                    t!(
                        "win-log-segments",
                        count = r.segments.len(),
                        sizes = format!("{:?}", r.segments)
                    )
                } else {
                    String::new()
                };
                self.push(line(
                    LineKind::Result,
                    Some(r.peer),
                    format!(
                        "\"{}\" → \"{}\"{segments}",
                        escape_bytes(&r.request[..r.request.len().min(200)]),
                        escape_bytes(&r.reply[..r.reply.len().min(200)])
                    ),
                ));
            }
            Event::Guess(g) => {
                // Only numbers count as guesses: a word gets its reply without a number.
                let text = match g.guess {
                    Some(n) => t!(
                        "win-log-guess",
                        count = g.count.to_string(),
                        guess = n.to_string(),
                        reply = g.reply.to_string()
                    ),
                    None => t!("win-log-not-a-number", reply = g.reply.to_string()),
                };
                self.push(line(LineKind::Result, Some(g.peer), text));
            }
            Event::Secret { peer, secret } => {
                let mut l = line(LineKind::Info, Some(*peer), t!("win-log-secret"));
                l.secret = Some(*secret);
                self.push(l);
            }
            Event::Finished(Ok(summary)) => {
                self.push(line(LineKind::Info, None, summary.message.clone()));
            }
            Event::Finished(Err(e)) => {
                self.push(line(LineKind::Error, None, e.to_string()));
                if let Some(hint) = e.hint() {
                    self.push(line(LineKind::Warn, None, t!("win-log-hint", hint = hint)));
                }
            }
        }
    }

    /// Draws the pane: its controls, then the lines in a box `height` points high.
    pub fn ui(&mut self, ui: &mut egui::Ui, id_salt: &str, height: f32) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.show_hex, t!("win-show-hex"));
            if ui.button(t!("win-clear")).clicked() {
                self.clear();
            }
            let n = self.lines.len();
            ui.label(RichText::new(t!("win-lines", count = n, n = thousands(n as u64))).weak());
            if self.dropped > 0 {
                let n = self.dropped;
                ui.label(
                    RichText::new(t!("win-older-dropped", count = n, n = n.to_string())).weak(),
                );
            }
        });
        let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 2.0;
        let show_hex = self.show_hex;
        let show_secrets = self.show_secrets;
        // The message first: as the pane narrows, what repeats goes (the peer below 90
        // characters of width or when it is the only one, the time below 60), so that the
        // message is what the width holds; the tooltip keeps both.
        let char_width =
            ui.fonts_mut(|f| f.glyph_width(&egui::TextStyle::Monospace.resolve(ui.style()), '0'));
        let chars = ui.available_width() / char_width.max(1.0);
        let columns = Columns {
            time: chars >= 60.0,
            peer: chars >= 90.0 && self.peers.len() > 1,
        };
        let rows_per_line = if show_hex { 2 } else { 1 };
        let count = self.lines.len();
        let mut newest = None;
        egui::Frame::NONE
            .fill(ui.visuals().extreme_bg_color)
            .inner_margin(4.0)
            .show(ui, |ui| {
                egui::ScrollArea::both()
                    .id_salt(id_salt)
                    .max_height(height)
                    .min_scrolled_height(height)
                    .auto_shrink([false, false])
                    .stick_to_bottom(true)
                    .show_rows(
                        ui,
                        row_height * rows_per_line as f32,
                        self.lines.len(),
                        |ui, range| {
                            let first = range.start;
                            for (i, line) in self.lines.range(range).enumerate() {
                                let top = ui.cursor().top();
                                line_ui(ui, line, show_hex, show_secrets, columns);
                                if first + i + 1 == count {
                                    newest = Some(egui::Rect::from_x_y_ranges(
                                        ui.max_rect().x_range(),
                                        top..=ui.cursor().top(),
                                    ));
                                }
                            }
                        },
                    );
            });
        self.newest = newest;
    }
}

/// What a line shows before its message.
#[derive(Clone, Copy)]
struct Columns {
    time: bool,
    peer: bool,
}

fn line_ui(
    ui: &mut egui::Ui,
    line: &LogLine,
    show_hex: bool,
    show_secrets: bool,
    columns: Columns,
) {
    let dark = ui.visuals().dark_mode;
    let color = match (line.kind, dark) {
        (LineKind::Sent, true) => Color32::from_rgb(120, 190, 255),
        (LineKind::Sent, false) => Color32::from_rgb(20, 90, 180),
        (LineKind::Received, true) => Color32::from_rgb(140, 220, 140),
        (LineKind::Received, false) => Color32::from_rgb(20, 120, 40),
        (LineKind::Result, _) => ui.visuals().strong_text_color(),
        (LineKind::Info, _) => ui.visuals().text_color(),
        (LineKind::Warn, _) => ui.visuals().warn_fg_color,
        (LineKind::Error, _) => ui.visuals().error_fg_color,
    };
    let arrow = match line.kind {
        LineKind::Sent => "→",
        LineKind::Received => "←",
        LineKind::Result => "★",
        LineKind::Warn => "!",
        LineKind::Error => "✖",
        LineKind::Info => "·",
    };
    let peer = line
        .peer
        .filter(|_| columns.peer)
        .map(|p| p.to_string())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        if columns.time {
            ui.label(RichText::new(&line.time).monospace().weak());
        }
        ui.label(RichText::new(arrow).monospace().color(color));
        if !peer.is_empty() {
            ui.label(RichText::new(peer).monospace().weak());
        }
        let text = match line.secret {
            Some(n) if show_secrets => format!("{} {n}", line.text),
            Some(_) => t!("win-log-secret-hidden", text = line.text.as_str()),
            None => line.text.clone(),
        };
        let shown = ui.label(RichText::new(&text).monospace().color(color));
        // A long line runs past a narrow pane (it scrolls sideways): whole in its tooltip,
        // with the time and peer the pane has no room for.
        if text.len() > 60 || !columns.time || !columns.peer {
            let peer = line.peer.map(|p| format!(" · {p}")).unwrap_or_default();
            shown.on_hover_text(format!("{}{peer}\n{text}", line.time));
        }
    });
    if show_hex {
        ui.horizontal(|ui| {
            ui.add_space(100.0);
            ui.label(
                RichText::new(line.hex.as_deref().unwrap_or(""))
                    .monospace()
                    .weak(),
            );
        });
    }
}

/// The key a message chooses "sent" or "received" by.
fn way(sent: bool) -> &'static str {
    if sent { "sent" } else { "received" }
}

/// Local wall-clock time with milliseconds, e.g. `14:03:27.512`.
pub fn clock(at: SystemTime) -> String {
    let local: chrono::DateTime<chrono::Local> = at.into();
    local.format("%H:%M:%S%.3f").to_string()
}
