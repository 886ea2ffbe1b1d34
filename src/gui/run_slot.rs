//! One runner as the window sees it: its handle, its event channel, its output pane and status.

use crossbeam_channel::Receiver;
use egui::RichText;

use std::path::Path;
use std::sync::Arc;

use super::dialogs::{DialogKind, Dialogs, FilePicker};
use super::log_view::LogView;
use super::task::Task;
use super::traffic::Traffic;
use super::widgets::{pane_height, resizable_pane, running_color, status_dot, typed_path_row};
use crate::error::Result;
use crate::net::capture::{Caps, Capture};
use crate::net::event::{Event, Stamped, Summary};
use crate::net::runner::{self, Reporter, RunFn, RunHandle, StopFlag, Waker};
use crate::protocol::thousands;
use crate::t;

/// Where a runner stands, for the status line (said in the window's language when drawn).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Idle,
    /// Started; neither listening nor talking to a server yet.
    Starting,
    /// A server listening on this address.
    Listening(std::net::SocketAddr),
    /// A client talking to this server.
    Talking(std::net::SocketAddr),
    /// Finished, with the runner's summary.
    Done(String),
    /// The window ended this client: the server it talked to (this address) stopped.
    Ended(std::net::SocketAddr),
    Failed {
        error: String,
        hint: Option<String>,
    },
}

/// Most events handled per frame per runner, so a flood never stalls the window.
pub const EVENTS_PER_FRAME: usize = 2_000;

/// The views under a form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// What the handout says to display, and every message, as lines.
    #[default]
    Output,
    /// The traffic inspector.
    Traffic,
    /// The socket-call timeline.
    Timeline,
    /// A server's connections.
    Connections,
}

/// Most payload a role's capture keeps in the window: 16 MiB (the rest of a bulk transfer is
/// left out, and a packet comment says so).
pub const WINDOW_CAPTURE_PAYLOAD: u64 = 16 * 1024 * 1024;

/// Most packets a role's capture keeps in the window.
pub const WINDOW_CAPTURE_PACKETS: u64 = 200_000;

/// A runner slot: empty, running, or finished with its log kept.
#[derive(Default)]
pub struct RunSlot {
    handle: Option<RunHandle>,
    rx: Option<Receiver<Box<Stamped>>>,
    pub log: LogView,
    pub traffic: Traffic,
    pub view: View,
    pub status: Status,
    /// What crossed the wire since the slot's first start, as a pcapng capture in memory.
    capture: Option<Capture<Vec<u8>>>,
    pub save: CaptureSave,
    /// Where a client talks (from `Connected`), and where a server listened.
    peer: Option<std::net::SocketAddr>,
    listened: Option<std::net::SocketAddr>,
    /// A server that listened and has finished, until the window takes it.
    stopped_listener: Option<std::net::SocketAddr>,
    /// The server whose stop made the window end this client, for its status once it has.
    ended_because: Option<std::net::SocketAddr>,
    /// Output lines the user has had in view; more than these below the window get a notice.
    seen_lines: usize,
    /// The notice was clicked: the page scrolls to the Output in the next frame.
    scroll_to_output: bool,
}

/// Saving what the Traffic tab holds: the typed path, the dialog, and what the last save said.
#[derive(Default)]
pub struct CaptureSave {
    pub path: String,
    pub note: Option<(bool, String)>,
    dialogs: Option<Dialogs<Export>>,
    /// A save under way on a helper thread (a capture can be tens of MiB): what it will say.
    writing: Option<Task<(bool, String)>>,
}

/// What the Traffic tab saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The pcapng capture.
    Capture,
    /// The inspector's rows as CSV.
    Csv,
}

impl RunSlot {
    /// Starts `work` on a named thread; events wake the window through `waker`.
    pub fn start<F>(&mut self, thread_name: &str, waker: Option<Waker>, work: F)
    where
        F: FnOnce(&Reporter, &StopFlag) -> Result<Summary> + Send + 'static,
    {
        self.stop();
        let (reporter, rx) = Reporter::channel(waker);
        let reporter = reporter.with_payload(WINDOW_CAPTURE_PAYLOAD);
        match runner::spawn(thread_name, reporter, work) {
            Ok(handle) => {
                self.handle = Some(handle);
                self.rx = Some(rx);
                self.status = Status::Starting;
            }
            Err(e) => {
                self.status = Status::Failed {
                    error: e.to_string(),
                    hint: e.hint(),
                };
            }
        }
    }

    /// Starts `tcp_run` or `udp_run` with `config`, as the transport says.
    pub fn start_either<C: Send + 'static>(
        &mut self,
        thread_name: &str,
        waker: Option<Waker>,
        tcp: bool,
        config: C,
        (tcp_run, udp_run): (RunFn<C>, RunFn<C>),
    ) {
        let run = if tcp { tcp_run } else { udp_run };
        self.start(thread_name, waker, move |r, s| run(config, r, s));
    }

    /// Asks the runner to stop; its `Finished` event arrives on a later frame.
    pub fn stop(&self) {
        if let Some(handle) = &self.handle {
            handle.stop();
        }
    }

    pub fn is_running(&self) -> bool {
        self.handle.is_some()
    }

    /// Takes the events that arrived since the last frame, records them in the log, and updates
    /// the status; returns them so the form can apply its own part.
    pub fn drain(&mut self) -> Vec<Stamped> {
        let Some(rx) = &self.rx else {
            return Vec::new();
        };
        let events: Vec<Stamped> = rx.try_iter().take(EVENTS_PER_FRAME).map(|s| *s).collect();
        for stamped in &events {
            if self.capture.is_none() {
                let caps = Caps {
                    payload_bytes: WINDOW_CAPTURE_PAYLOAD,
                    packets: WINDOW_CAPTURE_PACKETS,
                };
                self.capture = Capture::new(Vec::new(), caps).ok();
            }
            if let Some(c) = &mut self.capture {
                // Writing to memory fails only when memory does.
                let _ = c.record(stamped);
            }
            if stamped.event.is_capture_only() {
                continue;
            }
            self.log.record(stamped);
            self.traffic.record(stamped);
            match &stamped.event {
                Event::Listening { local, .. } => {
                    self.listened = Some(*local);
                    self.status = Status::Listening(*local)
                }
                Event::Connected { peer, .. } => {
                    self.peer = Some(*peer);
                    self.status = Status::Talking(*peer)
                }
                Event::Finished(_) if let Some(server) = self.ended_because.take() => {
                    self.status = Status::Ended(server);
                }
                Event::Finished(Ok(s)) => self.status = Status::Done(s.message.clone()),
                Event::Finished(Err(e)) => {
                    self.status = Status::Failed {
                        error: e.to_string(),
                        hint: e.hint(),
                    }
                }
                _ => {}
            }
        }
        if events.iter().any(|s| matches!(s.event, Event::Finished(_))) {
            self.stopped_listener = self.listened.take();
            self.peer = None;
            if let Some(handle) = self.handle.take() {
                // The thread sent its last event; joining returns at once.
                handle.join();
            }
            self.rx = None;
        }
        events
    }

    /// Whether events are still queued (the caller should repaint again).
    pub fn has_backlog(&self) -> bool {
        self.rx.as_ref().is_some_and(|rx| !rx.is_empty())
    }

    /// The tabs under a form (Output, Traffic, Timeline, and Connections for a server) and the
    /// chosen view, in a box of fixed height (see [`pane_height`]) so that the page never grows
    /// because a log did. `title` is the role's name as the form shows it (in the window's
    /// language); `server` chooses what is said of the role and the file names, whatever the
    /// language.
    pub fn views_ui(&mut self, ui: &mut egui::Ui, title: &str, server: bool) {
        let top = ui.cursor().top();
        self.views_inner_ui(ui, title, server);
        // New Output lines of a pane out of view (below a tall page) get a notice at the
        // window's bottom; its click brings the pane into view.
        let area = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.cursor().top());
        if self.scroll_to_output {
            ui.scroll_to_rect(area, Some(egui::Align::Max));
            self.scroll_to_output = false;
        }
        let total = self.log.total();
        // Where the newest line was drawn, against what the page shows.
        let in_view = self
            .log
            .newest
            .is_some_and(|line| ui.clip_rect().intersects(line));
        if self.view != View::Output || in_view || total == 0 {
            self.seen_lines = total;
        } else if total > self.seen_lines {
            let new = total - self.seen_lines;
            let offset = if server { -16.0 } else { -56.0 };
            egui::Area::new(egui::Id::unique(("new output below", role_key(server))))
                .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, offset))
                .show(ui.ctx(), |ui| {
                    let text = t!(
                        "win-new-lines-below",
                        count = new,
                        n = thousands(new as u64),
                        role = role_key(server)
                    );
                    if ui.button(text).clicked() {
                        self.scroll_to_output = true;
                        ui.ctx().request_repaint();
                    }
                });
        }
    }

    fn views_inner_ui(&mut self, ui: &mut egui::Ui, title: &str, server: bool) {
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(title).strong());
            ui.selectable_value(&mut self.view, View::Output, t!("win-output"));
            ui.selectable_value(&mut self.view, View::Traffic, t!("win-traffic"));
            ui.selectable_value(&mut self.view, View::Timeline, t!("win-timeline"));
            if server {
                ui.selectable_value(&mut self.view, View::Connections, t!("win-connections"));
            }
        });
        let default = pane_height(ui);
        // The pane's size is kept under a name of the role and view, whatever the language.
        let salt = format!(
            "{} {:?}",
            if server { "Server" } else { "Client" },
            self.view
        );
        let view = match self.view {
            View::Output => "output",
            View::Traffic => "traffic",
            View::Timeline => "timeline",
            View::Connections => "connections",
        };
        let name = t!("win-pane-view", role = role_key(server), view = view);
        match self.view {
            View::Output => resizable_pane(ui, &name, &salt, default, |ui, height| {
                self.log.ui(ui, "output", height)
            }),
            View::Traffic => {
                self.capture_ui(ui, server);
                resizable_pane(ui, &name, &salt, default, |ui, height| {
                    self.traffic.inspector_ui(ui, height)
                });
            }
            View::Timeline => resizable_pane(ui, &name, &salt, default, |ui, height| {
                let this = if server {
                    t!("win-this-server")
                } else {
                    t!("win-this-client")
                };
                self.traffic.timeline_ui(ui, &this, height)
            }),
            View::Connections => resizable_pane(ui, &name, &salt, default, |ui, height| {
                self.traffic.connections_ui(ui, height)
            }),
        }
    }

    /// A server's address once it has stopped listening (taken once).
    pub fn take_stopped_listener(&mut self) -> Option<std::net::SocketAddr> {
        self.stopped_listener.take()
    }

    /// Ends this client if it talks to `server` (its port, on this computer): that server
    /// stopped, and what took the port next is not the server it talked to.
    pub fn end_if_talking_to(&mut self, server: std::net::SocketAddr) {
        let Some(peer) = self.peer else { return };
        let local =
            peer.ip().is_loopback() || crate::net::addr::is_this_computer(&peer.to_string());
        if self.is_running() && peer.port() == server.port() && local {
            self.ended_because = Some(server);
            self.stop();
        }
    }

    /// The file dialogs Save capture… opens (the window's picker; tests answer with theirs).
    pub fn set_picker(&mut self, picker: Arc<dyn FilePicker>) {
        self.save.dialogs = Some(Dialogs::new(picker));
    }

    /// Packets in the capture so far.
    pub fn capture_packets(&self) -> u64 {
        self.capture.as_ref().map_or(0, Capture::packets)
    }

    /// Writes the capture or the inspector's CSV to `path` (a folder gets `socklab.pcapng` or
    /// `traffic.csv` in it), whole or not at all, on a helper thread; with `open`, then opens it
    /// in Wireshark.
    pub fn export(&mut self, what: Export, path: &Path, open: bool) {
        let (bytes, said) = match what {
            Export::Capture => {
                let Some(capture) = &self.capture else {
                    self.save.note = Some((false, t!("win-nothing-to-save")));
                    return;
                };
                (capture.get_ref().clone(), packets(capture.packets()))
            }
            Export::Csv => (
                self.traffic.to_csv().into_bytes(),
                t!(
                    "win-rows",
                    count = self.traffic.len(),
                    n = thousands(self.traffic.len() as u64)
                ),
            ),
        };
        let (default_name, extension) = match what {
            Export::Capture => ("socklab.pcapng", "pcapng"),
            Export::Csv => ("traffic.csv", "csv"),
        };
        let path = path.to_path_buf();
        // On the helper thread, the file system included (even the look at whether the path
        // is a folder).
        let write = move || {
            // A folder gets the file in it; a name without an extension gets the format's.
            let path = if path.is_dir() {
                path.join(default_name)
            } else if path.extension().is_none() {
                path.with_extension(extension)
            } else {
                path
            };
            let shown = path.display().to_string();
            if let Err(e) = crate::files::write_atomically(&path, bytes) {
                return (
                    false,
                    t!(
                        "win-traffic-cannot-save",
                        path = shown,
                        error = e.to_string()
                    ),
                );
            }
            let saved = (true, t!("win-traffic-saved", what = said, path = shown));
            if !open {
                return saved;
            }
            match std::process::Command::new("wireshark")
                .arg(&path)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
            {
                Ok(_) => saved,
                Err(e) => (false, t!("win-wireshark-failed", error = e.to_string())),
            }
        };
        self.save.note = None;
        // What a dialog said before (none on this desktop) is old news once a save starts.
        if let Some(d) = &mut self.save.dialogs {
            d.note = None;
        }
        self.save.writing = Task::spawn("save traffic", None, write);
        if self.save.writing.is_none() {
            self.save.note = Some((false, t!("win-save-no-thread")));
        }
    }

    /// Save capture…, a path to type, Save, and Open in Wireshark when it is installed.
    fn capture_ui(&mut self, ui: &mut egui::Ui, server: bool) {
        if let Some(dialogs) = &mut self.save.dialogs
            && let Some((what, path)) = dialogs.poll()
        {
            self.export(what, &path, false);
        }
        if let Some(done) = self.save.writing.as_ref().and_then(Task::poll) {
            self.save.note = Some(done.unwrap_or_else(|()| (false, t!("win-save-stopped"))));
            self.save.writing = None;
        } else if self.save.writing.is_some() {
            // It has no waker of its own: look again shortly.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        let packets = self.capture_packets();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t!("win-capture", packets = self::packets(packets))).weak())
                .on_hover_text(t!("win-capture-hint"));
            let dialog_open = self.save.dialogs.as_ref().is_some_and(Dialogs::is_open);
            // A file name, the same in every language.
            let suggested = format!("socklab-{}.pcapng", role_key(server));
            if ui
                .add_enabled(
                    packets > 0 && !dialog_open,
                    egui::Button::new(t!("win-save-capture")),
                )
                .clicked()
                && let Some(d) = &mut self.save.dialogs
            {
                d.open(Export::Capture, DialogKind::Save(suggested.clone()), None);
            }
            let rows = !self.traffic.is_empty();
            if ui
                .add_enabled(rows && !dialog_open, egui::Button::new(t!("win-save-csv")))
                .on_hover_text(t!("win-save-csv-hint"))
                .clicked()
                && let Some(d) = &mut self.save.dialogs
            {
                d.open(Export::Csv, DialogKind::Save("traffic.csv".into()), None);
            }
            if packets > 0 && wireshark_installed() && ui.button(t!("win-open-wireshark")).clicked()
            {
                let path = std::env::temp_dir().join(&suggested);
                self.export(Export::Capture, &path, true);
            }
        });
        let rows = !self.traffic.is_empty();
        if let Some((i, path)) = typed_path_row(
            ui,
            &t!("win-or-to"),
            &t!("win-path-hint"),
            &mut self.save.path,
            &[
                (&t!("win-save"), packets > 0, &t!("win-save-capture-hint")),
                (&t!("win-save-as-csv"), rows, &t!("win-save-as-csv-hint")),
            ],
        ) {
            self.export(
                if i == 0 { Export::Capture } else { Export::Csv },
                &path,
                false,
            );
        }
        let note = self
            .save
            .dialogs
            .as_ref()
            .and_then(|d| d.note_for(&[Export::Capture, Export::Csv]))
            .map(|n| (false, n.to_owned()))
            .or_else(|| self.save.note.clone())
            .or_else(|| self.save.writing.as_ref().map(|_| (true, t!("win-saving"))));
        if let Some((ok, text)) = note {
            let color = if ok {
                running_color(ui)
            } else {
                ui.visuals().warn_fg_color
            };
            ui.label(RichText::new(text).color(color));
        }
    }

    /// The status line, coloured by outcome.
    pub fn status_ui(&self, ui: &mut egui::Ui) {
        match &self.status {
            Status::Idle => {
                ui.label(egui::RichText::new(t!("win-not-running")).weak());
            }
            Status::Starting | Status::Listening(_) | Status::Talking(_) => {
                let text = match &self.status {
                    Status::Listening(local) => t!("win-listening", address = local.to_string()),
                    Status::Talking(peer) => t!("win-talking", address = peer.to_string()),
                    _ => t!("win-starting"),
                };
                // A still mark, not a spinner: a spinner repaints every frame, which costs a
                // lab machine that renders in software a whole core while nothing happens.
                ui.horizontal_wrapped(|ui| {
                    status_dot(ui, running_color(ui));
                    ui.label(text);
                });
            }
            Status::Done(text) => {
                ui.add(egui::Label::new(text.as_str()).wrap());
            }
            Status::Ended(server) => {
                let text = t!("win-ended-server-stopped", server = server.to_string());
                ui.add(egui::Label::new(text).wrap());
            }
            Status::Failed { error, hint } => {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("✖ {error}")).color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
                if let Some(hint) = hint {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("💡 {hint}")).color(ui.visuals().warn_fg_color),
                        )
                        .wrap(),
                    );
                }
            }
        }
    }
}

/// The key a message chooses the role's words by: `server` or `client`.
fn role_key(server: bool) -> &'static str {
    if server { "server" } else { "client" }
}

/// "12 packets", in the window's language.
fn packets(n: u64) -> String {
    t!("win-packets", count = n, n = thousands(n))
}

/// Whether `wireshark` is on the PATH (looked up once).
fn wireshark_installed() -> bool {
    static FOUND: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FOUND.get_or_init(|| {
        let exe = if cfg!(windows) {
            "Wireshark.exe"
        } else {
            "wireshark"
        };
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(exe).is_file()))
    })
}
