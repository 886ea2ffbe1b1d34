//! File transfer (TCP or UDP): a server form that shares a folder, a client form that downloads
//! with progress and cancel, and the "compare files" tool the handouts ask students to run.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::RichText;

use crate::error::Error;
use crate::files::{Comparison, compare_files};
use crate::gui::dialogs::{DialogKind, Dialogs, FilePicker};
use crate::gui::exercises::panel::{ExercisePanel, PanelSettings, Roles};
use crate::gui::run_slot::Status;
use crate::gui::task::Task;
use crate::gui::widgets::{
    bind_port_rows, entered_by_enter, labelled_text, list_height, number_rows, reach_ui,
    running_color, scroll_box, server_address_row,
};
use crate::net::event::{Event, FileReport, Progress, Role};
use crate::net::file::{self, DEFAULT_IDLE_TIMEOUT, human_bytes, rate};
use crate::net::runner::{RunFn, Waker};
use crate::protocol::thousands;
use crate::t;

pub mod settings;

pub use self::settings::{FileSettings, default_share};
use self::settings::{ensure_default_share, home_folder};

/// Most points the throughput chart keeps (older ones are thinned, not dropped).
const MAX_CHART_POINTS: usize = 600;

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
    /// TFTP (reliable, acknowledged) rather than the lab protocol.
    tftp: bool,
    pub settings: FileSettings,
    /// The server's and the client's runners, and where the server listens.
    roles: Roles,
    shared: Vec<(String, u64)>,
    /// Transfers the server is running, by peer.
    serving: Vec<Progress>,
    progress: Option<Progress>,
    /// The client's latest transfer was a TFTP upload, whatever the form shows now: its
    /// progress, its result card and the files to compare follow this, not the form.
    sent: bool,
    /// The download's throughput over time, for the chart.
    throughput: Throughput,
    /// The throughput of the server's latest transfer, to whom, and whether it has ended.
    serving_throughput: Option<(SocketAddr, Throughput, bool)>,
    downloaded: Option<FileReport>,
    /// The destination existed; the user is asked before it is replaced.
    confirm_overwrite: Option<PathBuf>,
    dialogs: Dialogs<Field>,
    comparing: Option<Task<Result<Comparison, String>>>,
    comparison: Option<Result<Comparison, String>>,
    /// The two paths the comparison is of.
    compared: (String, String),
}

impl FilePanel {
    /// The server's transfer to `peer` is over: its chart says so.
    fn transfer_ended(&mut self, peer: SocketAddr) {
        if let Some((to, _, ended)) = &mut self.serving_throughput
            && *to == peer
        {
            *ended = true;
        }
    }

    pub fn new(tcp: bool, settings: FileSettings, picker: Arc<dyn FilePicker>) -> Self {
        Self {
            tcp,
            tftp: false,
            settings,
            roles: Roles::default(),
            shared: Vec::new(),
            serving: Vec::new(),
            progress: None,
            sent: false,
            throughput: Throughput::default(),
            serving_throughput: None,
            downloaded: None,
            confirm_overwrite: None,
            dialogs: Dialogs::new(picker),
            comparing: None,
            comparison: None,
            compared: (String::new(), String::new()),
        }
    }

    /// The reliable transfer over UDP (TFTP) instead of the lab protocol.
    pub fn new_tftp(settings: FileSettings, picker: Arc<dyn FilePicker>) -> Self {
        Self {
            tftp: true,
            ..Self::new(false, settings, picker)
        }
    }

    fn transport(&self) -> &'static str {
        if self.tcp { "tcp" } else { "udp" }
    }

    /// A TFTP upload is chosen in the client form.
    fn uploading(&self) -> bool {
        self.tftp && self.settings.upload
    }

    /// The UDP lab transfer (paced, no acknowledgements).
    fn lab_udp(&self) -> bool {
        !self.tcp && !self.tftp
    }

    /// Starts the download; `overwrite` after the user confirmed replacing the destination.
    pub fn download(&mut self, overwrite: bool, waker: Option<Waker>) {
        // A comparison says nothing of the file about to be written.
        self.comparison = None;
        if self.tftp {
            let s = &self.settings;
            let config = crate::net::tftp::ClientConfig {
                server: s.server.trim().to_owned(),
                remote: s.remote.trim().to_owned(),
                local: PathBuf::from(s.save_as.trim()),
                windowsize: s.windowsize.max(1),
                put: s.upload,
                overwrite,
                conditions: s.network.for_client(),
                ..crate::net::tftp::ClientConfig::default()
            };
            self.sent = s.upload;
            self.progress = None;
            self.throughput = Throughput::default();
            self.downloaded = None;
            self.confirm_overwrite = None;
            let runs: (RunFn<_>, RunFn<_>) =
                (crate::net::tftp::run_client, crate::net::tftp::run_client);
            self.roles
                .client
                .start_either("tftp client", waker, false, config, runs);
            return;
        }
        let s = &self.settings;
        let config = file::ClientConfig {
            half_close: true,
            zero_copy: true,
            conditions: if self.tcp {
                Default::default()
            } else {
                self.settings.network.for_client()
            },
            server: s.server.trim().to_owned(),
            remote: s.remote.trim().to_owned(),
            local: PathBuf::from(s.save_as.trim()),
            overwrite,
            timeout: DEFAULT_IDLE_TIMEOUT,
        };
        self.sent = false;
        self.progress = None;
        self.throughput = Throughput::default();
        self.downloaded = None;
        self.confirm_overwrite = None;
        let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_client, file::run_udp_client);
        self.roles.client.start_either(
            &format!("{}-file client", self.transport()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }

    fn compare(&mut self, waker: Option<Waker>) {
        let a = PathBuf::from(self.settings.compare_a.trim());
        let b = PathBuf::from(self.settings.compare_b.trim());
        self.comparison = None;
        self.compared = (
            self.settings.compare_a.clone(),
            self.settings.compare_b.clone(),
        );
        // The error is written in the window's language.
        self.comparing = Task::spawn(
            "compare files",
            waker,
            crate::i18n::inherit(move || compare_files(&a, &b).map_err(|e| e.to_string())),
        );
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
        ui.label(RichText::new(t!("ex-file-compare-hint")).weak());
        // One row per file: label, path, Browse. (In a three-column grid the path's cell only
        // offers the width it had the frame before, and the field stays 40 points wide.)
        for (label, field, button) in [
            (
                t!("ex-file-compare-a"),
                Field::CompareA,
                t!("ex-file-browse-a"),
            ),
            (
                t!("ex-file-compare-b"),
                Field::CompareB,
                t!("ex-file-browse-b"),
            ),
        ] {
            ui.horizontal(|ui| {
                let label = ui.label(label);
                let width = (ui.available_width() - COMPARE_BUTTON_WIDTH).clamp(90.0, 480.0);
                let text = if field == Field::CompareA {
                    &mut self.settings.compare_a
                } else {
                    &mut self.settings.compare_b
                };
                ui.add(egui::TextEdit::singleline(text).desired_width(width))
                    .labelled_by(label.id);
                self.browse_button(ui, &button, field, DialogKind::Open, waker);
            });
        }
        ui.horizontal(|ui| {
            let ready = !self.settings.compare_a.trim().is_empty()
                && !self.settings.compare_b.trim().is_empty();
            if ui
                .add_enabled(
                    ready && self.comparing.is_none(),
                    egui::Button::new(t!("ex-file-compare")),
                )
                .clicked()
            {
                self.compare(waker.clone());
            }
            if self.comparing.is_some() {
                ui.label(RichText::new(t!("ex-file-comparing")).weak());
            }
        });
        // A comparison of other paths than those shown now is stale.
        if self.compared
            != (
                self.settings.compare_a.clone(),
                self.settings.compare_b.clone(),
            )
        {
            self.comparison = None;
        }
        let (text, color) = match &self.comparison {
            Some(Ok(c @ Comparison::Identical { .. })) => (format!("✔ {c}"), running_color(ui)),
            Some(Ok(c)) => (format!("✖ {c}"), ui.visuals().warn_fg_color),
            Some(Err(e)) => (e.clone(), ui.visuals().error_fg_color),
            None => return,
        };
        ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
    }
}

impl ExercisePanel for FilePanel {
    fn network(&mut self) -> Option<&mut crate::gui::network::Network> {
        (!self.tcp).then_some(&mut self.settings.network)
    }

    fn start_server(&mut self, waker: Option<Waker>) {
        ensure_default_share(std::path::Path::new(self.settings.root.trim()));
        if self.tftp {
            let s = &self.settings;
            let config = crate::net::tftp::ServerConfig {
                bind: SocketAddr::new(s.bind.ip(), s.port),
                root: PathBuf::from(s.root.trim()),
                allow_write: s.allow_write,
                serve_hidden: s.serve_hidden,
                conditions: s.network.for_server(),
            };
            self.shared.clear();
            self.serving.clear();
            let runs: (RunFn<_>, RunFn<_>) =
                (crate::net::tftp::run_server, crate::net::tftp::run_server);
            self.roles
                .server
                .start_either("tftp server", waker, false, config, runs);
            return;
        }
        let s = &self.settings;
        let config = file::ServerConfig {
            conditions: if self.tcp {
                Default::default()
            } else {
                self.settings.network.for_server()
            },
            bind: SocketAddr::new(s.bind.ip(), s.port),
            max_connections: crate::net::MAX_CONNECTIONS,
            root: PathBuf::from(s.root.trim()),
            serve_hidden: s.serve_hidden,
            udp_rate_bytes_per_sec: s.rate_mib.max(1) * 1024 * 1024,
        };
        self.shared.clear();
        self.serving.clear();
        let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_server, file::run_udp_server);
        self.roles.server.start_either(
            &format!("{}-file server", self.transport()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }

    /// Applies runner events, dialog answers and comparison results; true if more are queued.
    fn poll(&mut self) -> bool {
        for stamped in self.roles.server.drain() {
            match stamped.event {
                Event::Listening { local, .. } => self.roles.listening = Some(local),
                Event::SharedFiles(files) => self.shared = files,
                Event::Progress(p) => {
                    match &mut self.serving_throughput {
                        Some((peer, chart, false)) if *peer == p.peer => chart.sample(&p),
                        _ => {
                            let mut chart = Throughput::default();
                            chart.sample(&p);
                            self.serving_throughput = Some((p.peer, chart, false));
                        }
                    }
                    match self.serving.iter_mut().find(|s| s.peer == p.peer) {
                        Some(slot) => *slot = p,
                        None => self.serving.push(p),
                    }
                }
                Event::File(f) => {
                    self.serving.retain(|s| s.peer != f.peer);
                    self.transfer_ended(f.peer);
                }
                Event::Closed { peer, .. } => {
                    self.serving.retain(|s| s.peer != peer);
                    self.transfer_ended(peer);
                }
                Event::Finished(_) => {
                    self.roles.listening = None;
                    self.serving.clear();
                    if let Some((_, _, ended)) = &mut self.serving_throughput {
                        *ended = true;
                    }
                }
                _ => {}
            }
        }
        for stamped in self.roles.client.drain() {
            match stamped.event {
                Event::Progress(p) => {
                    self.throughput.sample(&p);
                    self.progress = Some(p);
                }
                Event::File(f) if f.role == Role::Client && self.sent => {
                    // The file sent, and its copy when this window's server received it.
                    self.settings.compare_a = f.path.display().to_string();
                    if self.roles.listening.is_some() {
                        let copy = Path::new(&self.settings.root).join(&self.settings.remote);
                        self.settings.compare_b = copy.display().to_string();
                    }
                    self.downloaded = Some(f);
                }
                Event::File(f) if f.role == Role::Client => {
                    // The last figures are the transfer's whole: its progress line says what
                    // the result says (the last report came before the last write and hash).
                    if let Some(p) = &mut self.progress {
                        p.bytes = f.bytes;
                        p.elapsed = f.elapsed;
                    }
                    self.settings.compare_b = f.path.display().to_string();
                    if self.roles.listening.is_some() {
                        let original = Path::new(&self.settings.root).join(&self.settings.remote);
                        self.settings.compare_a = original.display().to_string();
                    }
                    self.downloaded = Some(f);
                }
                Event::Finished(Err(Error::Exists(path))) => {
                    // A question, not a failure: the form asks whether to replace the file.
                    self.roles.client.status = Status::Idle;
                    self.confirm_overwrite = Some(path);
                }
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
            self.comparison = Some(result.unwrap_or_else(|()| Err(t!("ex-file-compare-stopped"))));
            self.comparing = None;
        }
        self.roles.server.has_backlog() || self.roles.client.has_backlog()
    }

    fn roles(&self) -> &Roles {
        &self.roles
    }

    fn roles_mut(&mut self) -> &mut Roles {
        &mut self.roles
    }

    fn server_port(&self) -> u16 {
        self.settings.port
    }

    fn settings(&self) -> PanelSettings {
        PanelSettings::File(self.settings.clone())
    }

    fn reset_settings(&mut self) {
        self.settings = if self.tftp {
            FileSettings::tftp()
        } else {
            FileSettings::default()
        };
    }

    fn server_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-server"));
        let running = self.roles.server.is_running();
        let salt = format!("file bind {} {}", self.tcp, self.tftp);
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("file server form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    labelled_text(ui, &t!("ex-file-shared-folder"), &mut self.settings.root);
                    ui.end_row();
                    ui.label("");
                    self.browse_button(
                        ui,
                        &t!("ex-file-choose-folder"),
                        Field::Root,
                        DialogKind::Folder,
                        waker,
                    );
                    ui.end_row();
                    let root = std::path::Path::new(self.settings.root.trim());
                    if home_folder().is_some_and(|h| h == root) {
                        ui.label("");
                        ui.colored_label(ui.visuals().warn_fg_color, t!("ex-file-home-warning"));
                        ui.end_row();
                    }
                    bind_port_rows(ui, &salt, &mut self.settings.bind, &mut self.settings.port);
                    ui.label("");
                    ui.checkbox(&mut self.settings.serve_hidden, t!("ex-file-serve-hidden"))
                        .on_hover_text(t!("ex-file-serve-hidden-hint"));
                    ui.end_row();
                    if self.tftp {
                        ui.label("");
                        ui.checkbox(&mut self.settings.allow_write, t!("ex-file-accept-uploads"))
                            .on_hover_text(t!("ex-file-accept-uploads-hint"));
                        ui.end_row();
                    }
                    if self.lab_udp() {
                        number_rows(
                            ui,
                            &t!("ex-file-send-rate"),
                            egui::Id::unique(("send rate", &salt)),
                            &mut self.settings.rate_mib,
                            1..=4096,
                        )
                        .on_hover_text(t!("ex-file-send-rate-hint"));
                    }
                });
        });
        if self.lab_udp()
            && self.settings.rate_mib * 1024 * 1024 > file::DEFAULT_UDP_RATE_BYTES_PER_SEC
        {
            ui.add(
                egui::Label::new(
                    RichText::new(t!(
                        "ex-file-rate-warning",
                        rate = (file::DEFAULT_UDP_RATE_BYTES_PER_SEC / (1024 * 1024)).to_string()
                    ))
                    .color(ui.visuals().warn_fg_color),
                )
                .wrap(),
            );
        }
        if let Some(note) = self.dialogs.note_for(&[Field::Root]) {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        self.server_controls_ui(ui, waker, None);
        if let Some(local) = self.roles.listening {
            reach_ui(ui, local);
            if !self.serving.is_empty() {
                scroll_box(ui, "serving", list_height(ui), false, |ui| {
                    for p in &self.serving {
                        transfer_ui(
                            ui,
                            self.tcp || self.tftp,
                            &t!("ex-file-to-peer", peer = p.peer.to_string()),
                            p,
                        );
                    }
                });
            }
            if let Some((peer, chart, ended)) = &self.serving_throughput {
                // A chart of a transfer that is over says so, not as if it went on.
                let title = if *ended {
                    t!("ex-file-throughput-ended", peer = peer.to_string())
                } else {
                    t!("ex-file-throughput-to", peer = peer.to_string())
                };
                chart.ui(ui, &title);
            }
            egui::CollapsingHeader::new(t!("ex-file-shared-files", count = self.shared.len()))
                .default_open(true)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(list_height(ui))
                        .id_salt("shared")
                        .show(ui, |ui| {
                            for (name, size) in &self.shared {
                                ui.horizontal(|ui| {
                                    if ui
                                        .selectable_label(self.settings.remote == *name, name)
                                        .on_hover_text(t!("ex-file-use-name-hint"))
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
        self.roles.server.views_ui(ui, &t!("ex-server"), true);
    }

    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-client"));
        let busy = self.roles.client.is_running();
        let mut save_as_entered = false;
        ui.add_enabled_ui(!busy, |ui| {
            egui::Grid::new("file client form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    server_address_row(ui, &mut self.settings.server);
                    ui.end_row();
                    if self.tftp {
                        ui.label(t!("ex-file-direction"));
                        ui.horizontal(|ui| {
                            ui.selectable_value(
                                &mut self.settings.upload,
                                false,
                                t!("ex-file-download"),
                            );
                            ui.selectable_value(
                                &mut self.settings.upload,
                                true,
                                t!("ex-file-upload"),
                            );
                        });
                        ui.end_row();
                    }
                    labelled_text(ui, &t!("ex-file-remote-name"), &mut self.settings.remote);
                    ui.end_row();
                    if self.tftp {
                        number_rows(
                            ui,
                            &t!("ex-file-window"),
                            egui::Id::unique("tftp window"),
                            &mut self.settings.windowsize,
                            1..=64,
                        )
                        .on_hover_text(t!("ex-file-window-hint"));
                    }
                    let uploading = self.uploading();
                    let path_label = if uploading {
                        t!("ex-file-to-send")
                    } else {
                        t!("ex-file-save-as")
                    };
                    save_as_entered = entered_by_enter(&labelled_text(
                        ui,
                        &path_label,
                        &mut self.settings.save_as,
                    ));
                    ui.end_row();
                    ui.label("");
                    if uploading {
                        self.browse_button(
                            ui,
                            &t!("ex-file-choose"),
                            Field::SaveAs,
                            DialogKind::Open,
                            waker,
                        );
                    } else {
                        let suggested = Path::new(&self.settings.remote.replace('\\', "/"))
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        self.browse_button(
                            ui,
                            &t!("ex-file-save-as-button"),
                            Field::SaveAs,
                            DialogKind::Save(suggested),
                            waker,
                        );
                    }
                    ui.end_row();
                });
        });
        if let Some(note) =
            self.dialogs
                .note_for(&[Field::SaveAs, Field::CompareA, Field::CompareB])
        {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        let missing = if self.settings.remote.trim().is_empty() {
            Some(t!("ex-file-remote-missing"))
        } else if self.settings.save_as.trim().is_empty() {
            Some(if self.uploading() {
                t!("ex-file-to-send-missing")
            } else {
                t!("ex-file-save-as-missing")
            })
        } else {
            None
        };
        if let Some(why) = &missing {
            ui.label(RichText::new(why).weak());
        }
        // Download and Cancel each keep their own place: a late click on Cancel never lands
        // on Download.
        ui.horizontal(|ui| {
            let ready = missing.is_none() && !busy;
            let action = if self.uploading() {
                t!("ex-file-upload-button")
            } else {
                t!("ex-file-download-button")
            };
            if ui.add_enabled(ready, egui::Button::new(action)).clicked()
                || (ready && save_as_entered)
            {
                self.download(false, waker.clone());
            }
            if ui
                .add_enabled(busy, egui::Button::new(t!("cancel")))
                .clicked()
            {
                self.roles.client.stop();
            }
        });
        if let Some(path) = self.confirm_overwrite.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t!("ex-file-exists", path = path.display().to_string()),
                );
                if ui.button(t!("ex-file-overwrite")).clicked() {
                    self.download(true, waker.clone());
                }
                if ui.button(t!("ex-file-keep")).clicked() {
                    self.confirm_overwrite = None;
                }
            });
        }
        if self.tftp {
            ui.label(RichText::new(t!("ex-file-tftp-note")).weak());
        } else if !self.tcp {
            ui.label(RichText::new(t!("ex-file-udp-note")).weak());
        }
        if let Some(p) = &self.progress {
            transfer_ui(
                ui,
                self.tcp || self.tftp,
                &match (self.sent, busy) {
                    (true, true) => t!("ex-file-uploading"),
                    (true, false) => t!("ex-file-sent"),
                    (false, true) => t!("ex-file-downloading"),
                    (false, false) => t!("ex-file-received"),
                },
                p,
            );
            let title = if self.sent {
                t!("ex-file-upload-throughput")
            } else {
                t!("ex-file-download-throughput")
            };
            self.throughput.ui(ui, &title);
        }
        self.roles.client.status_ui(ui);
        if let Some(f) = &self.downloaded {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::Grid::new("download result")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label(if self.sent {
                            t!("ex-file-sent-label")
                        } else {
                            t!("ex-file-saved-label")
                        });
                        ui.add(
                            egui::Label::new(RichText::new(f.path.display().to_string()).strong())
                                .wrap(),
                        );
                        ui.end_row();
                        ui.label(t!("ex-file-size"));
                        ui.label(t!(
                            "ex-file-size-value",
                            count = f.bytes,
                            shown = thousands(f.bytes),
                            human = human_bytes(f.bytes)
                        ));
                        ui.end_row();
                        ui.label("SHA-256");
                        ui.add(
                            egui::Label::new(
                                RichText::new(f.sha256.as_deref().unwrap_or("-")).monospace(),
                            )
                            .wrap(),
                        );
                        ui.end_row();
                        if let Some(warning) = &f.warning {
                            ui.colored_label(ui.visuals().warn_fg_color, t!("ex-file-warning"));
                            ui.add(
                                egui::Label::new(
                                    RichText::new(warning).color(ui.visuals().warn_fg_color),
                                )
                                .wrap(),
                            );
                            ui.end_row();
                        }
                    });
            });
        }
        egui::CollapsingHeader::new(t!("ex-file-compare-files"))
            .id_salt("compare files")
            .default_open(false)
            .show(ui, |ui| self.compare_ui(ui, waker));
        self.roles.client.views_ui(ui, &t!("ex-client"), false);
    }
}

/// A transfer's throughput over time, sampled at each progress report, drawn as a line chart.
#[derive(Default)]
pub struct Throughput {
    /// (seconds since the start, MiB/s over the interval before).
    points: Vec<[f64; 2]>,
    last: Option<(f64, u64)>,
}

impl Throughput {
    /// Adds the throughput since the previous progress report.
    pub fn sample(&mut self, p: &Progress) {
        let secs = p.elapsed.as_secs_f64();
        let (last_secs, last_bytes) = self.last.unwrap_or((0.0, 0));
        if secs > last_secs {
            let mib_per_sec =
                p.bytes.saturating_sub(last_bytes) as f64 / (secs - last_secs) / (1024.0 * 1024.0);
            if self.points.len() >= MAX_CHART_POINTS {
                // Keep the whole transfer in view: halve the resolution of what is there.
                self.points = self.points.iter().step_by(2).copied().collect();
            }
            self.points.push([secs, mib_per_sec]);
            self.last = Some((secs, p.bytes));
        }
    }

    pub fn points(&self) -> &[[f64; 2]] {
        &self.points
    }

    /// The chart: MiB/s over seconds, with its scale written at the axes. Drawn with the
    /// painter; it animates only as progress reports arrive.
    pub fn ui(&self, ui: &mut egui::Ui, title: &str) {
        if self.points.len() < 2 {
            return;
        }
        let peak = self
            .points
            .iter()
            .map(|p| p[1])
            .fold(0.0, f64::max)
            .max(0.001);
        let end = self.points.last().map_or(1.0, |p| p[0]).max(0.001);
        ui.label(RichText::new(title).weak());
        let width = ui.available_width().max(120.0);
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, CHART_HEIGHT), egui::Sense::hover());
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals();
        painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
        let plot = rect.shrink2(egui::vec2(6.0, 14.0));
        let to_screen = |p: &[f64; 2]| {
            egui::pos2(
                plot.left() + (p[0] / end) as f32 * plot.width(),
                plot.bottom() - (p[1] / peak) as f32 * plot.height(),
            )
        };
        let line: Vec<egui::Pos2> = self.points.iter().map(to_screen).collect();
        painter.add(egui::Shape::line(
            line,
            egui::Stroke::new(1.5, visuals.hyperlink_color),
        ));
        let font = egui::FontId::proportional(11.0);
        painter.text(
            rect.left_top() + egui::vec2(4.0, 1.0),
            egui::Align2::LEFT_TOP,
            format!("{} MiB/s", crate::units::decimal(peak, 1)),
            font.clone(),
            visuals.weak_text_color(),
        );
        painter.text(
            rect.right_bottom() - egui::vec2(4.0, 1.0),
            egui::Align2::RIGHT_BOTTOM,
            format!("{end:.1} s"),
            font,
            visuals.weak_text_color(),
        );
        response.on_hover_text(t!(
            "ex-file-chart-hint",
            title = title,
            peak = format!("{peak:.1}"),
            end = format!("{end:.1}"),
            count = self.points.len()
        ));
    }
}

/// Room kept beside a compare path for its Browse button, in points.
const COMPARE_BUTTON_WIDTH: f32 = 100.0;

/// Height of a throughput chart, in points.
const CHART_HEIGHT: f32 = 90.0;

/// A transfer's progress: a bar when the size is known, and the numbers.
fn transfer_ui(ui: &mut egui::Ui, blocks: bool, label: &str, p: &Progress) {
    let pieces = if blocks {
        t!(
            "ex-file-blocks",
            count = p.chunks,
            shown = thousands(p.chunks)
        )
    } else {
        t!(
            "ex-file-datagrams",
            count = p.chunks,
            shown = thousands(p.chunks)
        )
    };
    let mut numbers = t!(
        "ex-file-progress",
        label = label,
        size = human_bytes(p.bytes),
        pieces = pieces,
        rate = rate(p.bytes, p.elapsed),
        time = file::seconds(p.elapsed)
    );
    if p.retransmits > 0 {
        numbers = t!(
            "ex-file-progress-resent",
            progress = numbers,
            count = p.retransmits,
            resent = thousands(p.retransmits)
        );
    }
    match p.total {
        Some(total) if total > 0 => {
            ui.add(egui::ProgressBar::new(p.bytes as f32 / total as f32).text(numbers));
        }
        _ => {
            ui.label(numbers);
        }
    }
}
