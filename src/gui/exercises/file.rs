//! File transfer (TCP or UDP): a server form that shares a folder, a client form that downloads
//! with progress and cancel, and the "compare files" tool the handouts ask students to run.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::RichText;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::files::{Comparison, compare_files};
use crate::gui::dialogs::{DialogKind, Dialogs, FilePicker};
use crate::gui::exercises::ExercisePanel;
use crate::gui::run_slot::RunSlot;
use crate::gui::task::Task;
use crate::gui::widgets::{bind_port_rows, labelled_text, reach_ui};
use crate::net::addr::BindChoice;
use crate::net::event::{Event, FileReport, Progress, Role};
use crate::net::file::{self, DEFAULT_FILE_PORT, DEFAULT_IDLE_TIMEOUT, human_bytes, rate};
use crate::net::runner::{RunFn, Waker};

/// Most points the throughput chart keeps (older ones are thinned, not dropped).
const MAX_CHART_POINTS: usize = 600;

/// What the forms remember between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct FileSettings {
    pub root: String,
    pub bind: BindChoice,
    pub port: u16,
    /// UDP only: MiB per second the server sends at most.
    pub rate_mib: u64,
    pub server: String,
    pub remote: String,
    pub save_as: String,
    pub compare_a: String,
    pub compare_b: String,
}

impl Default for FileSettings {
    fn default() -> Self {
        let home = std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        Self {
            root: home.display().to_string(),
            bind: BindChoice::AllIpv4,
            port: DEFAULT_FILE_PORT,
            rate_mib: file::DEFAULT_UDP_RATE_BYTES_PER_SEC / (1024 * 1024),
            server: format!("localhost:{DEFAULT_FILE_PORT}"),
            remote: String::new(),
            save_as: String::new(),
            compare_a: String::new(),
            compare_b: String::new(),
        }
    }
}

/// Which field a dialog fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Root,
    SaveAs,
    CompareA,
    CompareB,
}

/// The panel: settings plus what is running.
pub struct FilePanel {
    tcp: bool,
    pub settings: FileSettings,
    server: RunSlot,
    client: RunSlot,
    shared: Vec<(String, u64)>,
    listening: Option<SocketAddr>,
    /// Transfers the server is running, by peer.
    serving: Vec<Progress>,
    progress: Option<Progress>,
    /// Throughput of the download over time: (seconds, MiB/s), for the chart.
    throughput: Vec<[f64; 2]>,
    downloaded: Option<FileReport>,
    /// The destination existed; the user is asked before it is replaced.
    confirm_overwrite: Option<PathBuf>,
    dialogs: Dialogs<Field>,
    comparing: Option<Task<Result<Comparison, String>>>,
    comparison: Option<Result<Comparison, String>>,
}

impl FilePanel {
    pub fn new(tcp: bool, settings: FileSettings, picker: Arc<dyn FilePicker>) -> Self {
        Self {
            tcp,
            settings,
            server: RunSlot::default(),
            client: RunSlot::default(),
            shared: Vec::new(),
            listening: None,
            serving: Vec::new(),
            progress: None,
            throughput: Vec::new(),
            downloaded: None,
            confirm_overwrite: None,
            dialogs: Dialogs::new(picker),
            comparing: None,
            comparison: None,
        }
    }

    fn transport(&self) -> &'static str {
        if self.tcp { "tcp" } else { "udp" }
    }

    /// Starts the download; `overwrite` after the user confirmed replacing the destination.
    pub fn download(&mut self, overwrite: bool, waker: Option<Waker>) {
        let s = &self.settings;
        let config = file::ClientConfig {
            server: s.server.trim().to_owned(),
            remote: s.remote.trim().to_owned(),
            local: PathBuf::from(s.save_as.trim()),
            overwrite,
            timeout: DEFAULT_IDLE_TIMEOUT,
        };
        self.progress = None;
        self.throughput.clear();
        self.downloaded = None;
        self.confirm_overwrite = None;
        let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_client, file::run_udp_client);
        self.client.start_either(
            &format!("{}-file client", self.transport()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }

    /// Adds the throughput since the previous progress report to the chart.
    fn sample_throughput(&mut self, p: &Progress) {
        let secs = p.elapsed.as_secs_f64();
        let (last_secs, last_bytes) = match &self.progress {
            Some(last) => (last.elapsed.as_secs_f64(), last.bytes),
            None => (0.0, 0),
        };
        if secs > last_secs {
            let mib_per_sec =
                p.bytes.saturating_sub(last_bytes) as f64 / (secs - last_secs) / (1024.0 * 1024.0);
            if self.throughput.len() >= MAX_CHART_POINTS {
                // Keep the whole transfer in view: halve the resolution of what is there.
                self.throughput = self.throughput.iter().step_by(2).copied().collect();
            }
            self.throughput.push([secs, mib_per_sec]);
        }
    }

    fn compare(&mut self, waker: Option<Waker>) {
        let a = PathBuf::from(self.settings.compare_a.trim());
        let b = PathBuf::from(self.settings.compare_b.trim());
        self.comparison = None;
        self.comparing = Task::spawn("compare files", waker, move || {
            compare_files(&a, &b).map_err(|e| e.to_string())
        });
    }

    fn browse_button(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        field: Field,
        kind: DialogKind,
        waker: &Option<Waker>,
    ) {
        if ui
            .add_enabled(!self.dialogs.is_open(), egui::Button::new(label))
            .clicked()
        {
            self.dialogs.open(field, kind, waker.clone());
        }
    }

    fn compare_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.label(
            RichText::new("Like diff or fc: are the sent and received files the same?").weak(),
        );
        egui::Grid::new("compare form")
            .num_columns(3)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                labelled_text(ui, "File A", &mut self.settings.compare_a);
                self.browse_button(ui, "Browse A…", Field::CompareA, DialogKind::Open, waker);
                ui.end_row();
                labelled_text(ui, "File B", &mut self.settings.compare_b);
                self.browse_button(ui, "Browse B…", Field::CompareB, DialogKind::Open, waker);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            let ready = !self.settings.compare_a.trim().is_empty()
                && !self.settings.compare_b.trim().is_empty();
            if ui
                .add_enabled(
                    ready && self.comparing.is_none(),
                    egui::Button::new("Compare"),
                )
                .clicked()
            {
                self.compare(waker.clone());
            }
            if self.comparing.is_some() {
                ui.spinner();
            }
            match &self.comparison {
                Some(Ok(c @ Comparison::Identical { .. })) => {
                    ui.colored_label(ui.visuals().hyperlink_color, format!("✔ {c}"));
                }
                Some(Ok(c)) => {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("✖ {c}"));
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
        });
    }
}

impl ExercisePanel for FilePanel {
    fn start_server(&mut self, waker: Option<Waker>) {
        let s = &self.settings;
        let config = file::ServerConfig {
            bind: SocketAddr::new(s.bind.ip(), s.port),
            max_connections: crate::net::MAX_CONNECTIONS,
            root: PathBuf::from(s.root.trim()),
            udp_rate_bytes_per_sec: s.rate_mib.max(1) * 1024 * 1024,
        };
        self.shared.clear();
        self.serving.clear();
        let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_server, file::run_udp_server);
        self.server.start_either(
            &format!("{}-file server", self.transport()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }

    /// Applies runner events, dialog answers and comparison results; true if more are queued.
    fn poll(&mut self) -> bool {
        for stamped in self.server.drain() {
            match stamped.event {
                Event::Listening { local, .. } => self.listening = Some(local),
                Event::SharedFiles(files) => self.shared = files,
                Event::Progress(p) => match self.serving.iter_mut().find(|s| s.peer == p.peer) {
                    Some(slot) => *slot = p,
                    None => self.serving.push(p),
                },
                Event::File(f) => self.serving.retain(|s| s.peer != f.peer),
                Event::Closed { peer, .. } => self.serving.retain(|s| s.peer != peer),
                Event::Finished(_) => {
                    self.listening = None;
                    self.serving.clear();
                }
                _ => {}
            }
        }
        for stamped in self.client.drain() {
            match stamped.event {
                Event::Progress(p) => {
                    self.sample_throughput(&p);
                    self.progress = Some(p);
                }
                Event::File(f) if f.role == Role::Client => {
                    self.settings.compare_b = f.path.display().to_string();
                    if self.listening.is_some() {
                        let original = Path::new(&self.settings.root).join(&self.settings.remote);
                        self.settings.compare_a = original.display().to_string();
                    }
                    self.downloaded = Some(f);
                }
                Event::Finished(Err(Error::Exists(path))) => self.confirm_overwrite = Some(path),
                _ => {}
            }
        }
        if let Some((field, path)) = self.dialogs.poll() {
            let text = path.display().to_string();
            match field {
                Field::Root => self.settings.root = text,
                Field::SaveAs => self.settings.save_as = text,
                Field::CompareA => self.settings.compare_a = text,
                Field::CompareB => self.settings.compare_b = text,
            }
        }
        if let Some(result) = self.comparing.as_ref().and_then(Task::poll) {
            self.comparison =
                Some(result.unwrap_or_else(|()| Err("the comparison stopped unexpectedly".into())));
            self.comparing = None;
        }
        self.server.has_backlog() || self.client.has_backlog()
    }

    fn server_slot(&self) -> &RunSlot {
        &self.server
    }

    fn client_slot(&self) -> &RunSlot {
        &self.client
    }

    fn server_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading("Server");
        let running = self.server.is_running();
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("file server form").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
                labelled_text(ui, "Shared folder", &mut self.settings.root);
                ui.end_row();
                ui.label("");
                self.browse_button(ui, "Choose folder…", Field::Root, DialogKind::Folder, waker);
                ui.end_row();
                bind_port_rows(ui, "file bind", &mut self.settings.bind, &mut self.settings.port);
                if !self.tcp {
                    let label = ui.label("Send rate (MiB/s)");
                    ui.add(egui::DragValue::new(&mut self.settings.rate_mib).range(1..=4096))
                        .labelled_by(label.id)
                        .on_hover_text("UDP has no flow control: sending faster than the client reads loses datagrams.");
                    ui.end_row();
                }
            });
        });
        self.server_controls_ui(ui, waker, None);
        if let Some(local) = self.listening {
            reach_ui(ui, local);
            for p in &self.serving {
                transfer_ui(ui, self.tcp, &format!("to {}", p.peer), p);
            }
            egui::CollapsingHeader::new(format!("Shared files ({})", self.shared.len()))
                .default_open(true)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(110.0)
                        .id_salt("shared")
                        .show(ui, |ui| {
                            for (name, size) in &self.shared {
                                ui.horizontal(|ui| {
                                    if ui
                                        .selectable_label(self.settings.remote == *name, name)
                                        .on_hover_text("Use this name in the client form")
                                        .clicked()
                                    {
                                        self.settings.remote = name.clone();
                                    }
                                    ui.label(RichText::new(human_bytes(*size)).weak());
                                });
                            }
                        });
                });
        }
        self.server.views_ui(ui, "Server", true);
    }

    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading("Client");
        let busy = self.client.is_running();
        ui.add_enabled_ui(!busy, |ui| {
            egui::Grid::new("file client form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    labelled_text(ui, "Server address", &mut self.settings.server);
                    ui.end_row();
                    labelled_text(ui, "Remote file name", &mut self.settings.remote);
                    ui.end_row();
                    labelled_text(ui, "Save as", &mut self.settings.save_as);
                    ui.end_row();
                    ui.label("");
                    let suggested = Path::new(&self.settings.remote.replace('\\', "/"))
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.browse_button(
                        ui,
                        "Save as…",
                        Field::SaveAs,
                        DialogKind::Save(suggested),
                        waker,
                    );
                    ui.end_row();
                });
        });
        if let Some(note) = &self.dialogs.note {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        let missing = if self.settings.remote.trim().is_empty() {
            Some("Enter the name of the file on the server.")
        } else if self.settings.save_as.trim().is_empty() {
            Some("Choose where to save it.")
        } else {
            None
        };
        if let Some(why) = missing {
            ui.label(RichText::new(why).weak());
        }
        ui.horizontal(|ui| {
            if busy {
                if ui.button("Cancel").clicked() {
                    self.client.stop();
                }
            } else if ui
                .add_enabled(missing.is_none(), egui::Button::new("⬇ Download"))
                .clicked()
            {
                self.download(false, waker.clone());
            }
        });
        if let Some(path) = self.confirm_overwrite.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{} already exists.", path.display()),
                );
                if ui.button("Overwrite").clicked() {
                    self.download(true, waker.clone());
                }
                if ui.button("Keep it").clicked() {
                    self.confirm_overwrite = None;
                }
            });
        }
        if !self.tcp {
            ui.label(
                RichText::new("The UDP lab protocol has no sequence numbers: lost datagrams cannot be detected, only a stalled transfer.")
                    .small()
                    .weak(),
            );
        }
        if let Some(p) = &self.progress {
            transfer_ui(
                ui,
                self.tcp,
                if busy { "downloading" } else { "received" },
                p,
            );
        }
        self.client.status_ui(ui);
        if let Some(f) = &self.downloaded {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("download result")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label("Saved");
                        ui.label(RichText::new(f.path.display().to_string()).strong());
                        ui.end_row();
                        ui.label("Size");
                        ui.label(format!("{} bytes ({})", f.bytes, human_bytes(f.bytes)));
                        ui.end_row();
                        ui.label("SHA-256");
                        ui.label(RichText::new(f.sha256.as_deref().unwrap_or("-")).monospace());
                        ui.end_row();
                    });
            });
        }
        egui::CollapsingHeader::new("Compare files")
            .default_open(false)
            .show(ui, |ui| self.compare_ui(ui, waker));
        self.client.views_ui(ui, "Client", false);
    }
}

/// A transfer's progress: a bar when the size is known, and the numbers.
fn transfer_ui(ui: &mut egui::Ui, tcp: bool, label: &str, p: &Progress) {
    let numbers = format!(
        "{label}: {} · {} {} · {} · {:.1} s",
        human_bytes(p.bytes),
        p.chunks,
        if tcp { "blocks" } else { "datagrams" },
        rate(p.bytes, p.elapsed),
        p.elapsed.as_secs_f64()
    );
    match p.total {
        Some(total) if total > 0 => {
            ui.add(egui::ProgressBar::new(p.bytes as f32 / total as f32).text(numbers));
        }
        _ => {
            ui.label(numbers);
        }
    }
}
