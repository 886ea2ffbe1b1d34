//! The eframe application: persisted settings, the exercise list, and one panel per exercise.
//! Runner events are drained in one place, [`SocklabApp::poll`], before anything is drawn.

use std::sync::Arc;

use egui::RichText;
use serde::{Deserialize, Serialize};

use super::dialogs::{FilePicker, NativePicker};
use super::exercises::add::{AddPanel, AddSettings};
use super::exercises::file::{FilePanel, FileSettings};
use super::exercises::guess::{GuessPanel, GuessSettings};
use super::exercises::talk::{TalkPanel, TalkSettings};
use super::exercises::{EXERCISES, ExerciseId, ExercisePanel};
use crate::net::runner::Waker;
use crate::net::talk::Service;

/// Key under which settings are stored between runs.
pub const STORAGE_KEY: &str = "socklab-settings";

/// Everything the window remembers between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Settings {
    pub exercise: ExerciseId,
    pub theme: Theme,
    /// Scale of the whole window (a projector wants more).
    pub zoom: f32,
    pub tcp_add: AddSettings,
    pub udp_add: AddSettings,
    pub tcp_file: FileSettings,
    pub udp_file: FileSettings,
    pub tcp_echo: TalkSettings,
    pub udp_echo: TalkSettings,
    pub tcp_upper: TalkSettings,
    pub udp_upper: TalkSettings,
    pub udp_guess: GuessSettings,
}

/// Light or dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The sizes offered (1.0 is the system's size).
pub const ZOOM_STEPS: [f32; 6] = [0.8, 1.0, 1.25, 1.5, 1.75, 2.0];

impl Default for Settings {
    fn default() -> Self {
        Self {
            exercise: ExerciseId::TcpAdd,
            theme: Theme::System,
            zoom: 1.0,
            tcp_add: AddSettings::default(),
            udp_add: AddSettings::default(),
            tcp_file: FileSettings::default(),
            udp_file: FileSettings::default(),
            tcp_echo: TalkSettings::for_service(Service::Echo),
            udp_echo: TalkSettings::for_service(Service::Echo),
            tcp_upper: TalkSettings::for_service(Service::Upper),
            udp_upper: TalkSettings::for_service(Service::Upper),
            udp_guess: GuessSettings::default(),
        }
    }
}

/// The application state: settings plus the runtime of each exercise panel.
pub struct SocklabApp {
    exercise: ExerciseId,
    theme: Theme,
    zoom: f32,
    /// The theme and zoom the context has, so they are set only when they change.
    applied: Option<(Theme, f32)>,
    tcp_add: AddPanel,
    udp_add: AddPanel,
    tcp_file: FilePanel,
    udp_file: FilePanel,
    tcp_echo: TalkPanel,
    udp_echo: TalkPanel,
    tcp_upper: TalkPanel,
    udp_upper: TalkPanel,
    udp_guess: GuessPanel,
    waker: Option<Waker>,
}

impl SocklabApp {
    /// Restores settings from eframe's storage, if any.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut app = Self::with_settings(settings);
        app.set_waker(&cc.egui_ctx);
        app
    }

    /// An app with the given settings, native file dialogs and no waker (tests drive frames
    /// themselves).
    pub fn with_settings(settings: Settings) -> Self {
        Self::with_picker(settings, Arc::new(NativePicker))
    }

    /// An app whose file dialogs are answered by `picker`.
    pub fn with_picker(settings: Settings, picker: Arc<dyn FilePicker>) -> Self {
        Self {
            exercise: settings.exercise,
            theme: settings.theme,
            zoom: settings
                .zoom
                .clamp(ZOOM_STEPS[0], ZOOM_STEPS[ZOOM_STEPS.len() - 1]),
            applied: None,
            tcp_add: AddPanel::new(true, settings.tcp_add),
            udp_add: AddPanel::new(false, settings.udp_add),
            tcp_file: FilePanel::new(true, settings.tcp_file, Arc::clone(&picker)),
            udp_file: FilePanel::new(false, settings.udp_file, picker),
            tcp_echo: TalkPanel::new(true, Service::Echo, settings.tcp_echo),
            udp_echo: TalkPanel::new(false, Service::Echo, settings.udp_echo),
            tcp_upper: TalkPanel::new(true, Service::Upper, settings.tcp_upper),
            udp_upper: TalkPanel::new(false, Service::Upper, settings.udp_upper),
            udp_guess: GuessPanel::new(settings.udp_guess),
            waker: None,
        }
    }

    /// Runners wake the window through this context when they report.
    pub fn set_waker(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.waker = Some(Arc::new(move || ctx.request_repaint()));
    }

    /// The current settings, as they would be saved.
    pub fn settings(&self) -> Settings {
        Settings {
            exercise: self.exercise,
            theme: self.theme,
            zoom: self.zoom,
            tcp_add: self.tcp_add.settings.clone(),
            udp_add: self.udp_add.settings.clone(),
            tcp_file: self.tcp_file.settings.clone(),
            udp_file: self.udp_file.settings.clone(),
            tcp_echo: self.tcp_echo.settings.clone(),
            udp_echo: self.udp_echo.settings.clone(),
            tcp_upper: self.tcp_upper.settings.clone(),
            udp_upper: self.udp_upper.settings.clone(),
            udp_guess: self.udp_guess.settings.clone(),
        }
    }

    pub fn select(&mut self, exercise: ExerciseId) {
        self.exercise = exercise;
    }

    /// The panel of an add exercise (for tests and the CLI-free automation of screenshots).
    pub fn add_panel(&mut self, tcp: bool) -> &mut AddPanel {
        if tcp {
            &mut self.tcp_add
        } else {
            &mut self.udp_add
        }
    }

    /// The socket-call timeline of an exercise's server or client, as text (what the timeline
    /// draws, one step a line, a step's note as a line of its own).
    pub fn timeline_labels(&mut self, exercise: ExerciseId, server: bool) -> Vec<String> {
        let panel = self.panel_mut(exercise);
        let slot = if server {
            panel.server_slot()
        } else {
            panel.client_slot()
        };
        slot.traffic.timeline_labels()
    }

    /// The panel of each exercise, in the order of the exercise table.
    fn panel_mut(&mut self, id: ExerciseId) -> &mut dyn ExercisePanel {
        match id {
            ExerciseId::TcpAdd => &mut self.tcp_add,
            ExerciseId::UdpAdd => &mut self.udp_add,
            ExerciseId::TcpFile => &mut self.tcp_file,
            ExerciseId::UdpFile => &mut self.udp_file,
            ExerciseId::TcpEcho => &mut self.tcp_echo,
            ExerciseId::UdpEcho => &mut self.udp_echo,
            ExerciseId::TcpUpper => &mut self.tcp_upper,
            ExerciseId::UdpUpper => &mut self.udp_upper,
            ExerciseId::UdpGuess => &mut self.udp_guess,
        }
    }

    /// Applies every runner's events (running panels keep working while another is shown);
    /// true if some are still queued.
    pub fn poll(&mut self) -> bool {
        let mut backlog = false;
        for info in EXERCISES {
            backlog |= self.panel_mut(info.id).poll();
        }
        backlog
    }

    /// Draws the whole window into `ui`.
    /// Puts every setting back to its default; running servers and clients go on.
    pub fn reset_settings(&mut self) {
        let d = Settings::default();
        self.exercise = d.exercise;
        self.theme = d.theme;
        self.zoom = d.zoom;
        self.tcp_add.settings = d.tcp_add;
        self.udp_add.settings = d.udp_add;
        self.tcp_file.settings = d.tcp_file;
        self.udp_file.settings = d.udp_file;
        self.tcp_echo.settings = d.tcp_echo;
        self.udp_echo.settings = d.udp_echo;
        self.tcp_upper.settings = d.tcp_upper;
        self.udp_upper.settings = d.udp_upper;
        self.udp_guess.settings = d.udp_guess;
    }

    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.poll() {
            ui.ctx().request_repaint();
        }
        if self.applied != Some((self.theme, self.zoom)) {
            ui.ctx().set_theme(self.theme.preference());
            ui.ctx().set_zoom_factor(self.zoom);
            self.applied = Some((self.theme, self.zoom));
        }
        if ui.input(|i| i.key_pressed(egui::Key::F5)) {
            let waker = self.waker.clone();
            self.panel_mut(self.exercise).toggle_server(waker);
        }
        egui::Panel::left("exercises")
            .resizable(false)
            .exact_size(210.0)
            .show(ui, |ui| self.exercise_list_ui(ui));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let info = self.exercise.info();
            ui.horizontal_wrapped(|ui| {
                ui.heading(format!("{} · {}", info.title, info.transport));
                ui.label(RichText::new(info.source).weak());
            });
            ui.label(info.summary);
            ui.separator();
            let waker = self.waker.clone();
            self.panel_mut(self.exercise).ui(ui, &waker);
        });
    }

    fn exercise_list_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        ui.heading("socklab");
        ui.label(RichText::new("socket labs, both roles").weak());
        ui.separator();
        ui.label(RichText::new("Exercises").strong());
        egui::Grid::new("exercise list")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for info in EXERCISES {
                    let selected = self.exercise == info.id;
                    let running = self.panel_mut(info.id).server_running();
                    let text = format!("{} · {}", info.title, info.transport);
                    if ui.selectable_label(selected, text).clicked() {
                        self.exercise = info.id;
                    }
                    if running {
                        ui.label(
                            RichText::new("running")
                                .small()
                                .color(ui.visuals().hyperlink_color),
                        );
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
        // Settings come after the exercise list, which stays where a hand expects it.
        ui.add_space(4.0);
        ui.separator();
        self.view_settings_ui(ui);
    }
}

impl SocklabApp {
    /// Theme, zoom, shortcut help and Reset, at the top of the side panel.
    fn view_settings_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Theme");
            egui::ComboBox::from_id_salt("theme")
                .width(90.0)
                .selected_text(format!("{:?}", self.theme))
                .show_ui(ui, |ui| {
                    for theme in [Theme::System, Theme::Light, Theme::Dark] {
                        ui.selectable_value(&mut self.theme, theme, format!("{theme:?}"));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let label = ui.label("Size");
            egui::ComboBox::from_id_salt("size")
                .width(90.0)
                .selected_text(format!("{:.0}%", self.zoom * 100.0))
                .show_ui(ui, |ui| {
                    for zoom in ZOOM_STEPS {
                        ui.selectable_value(&mut self.zoom, zoom, format!("{:.0}%", zoom * 100.0));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Larger text and controls for a projector");
        });
        ui.horizontal(|ui| {
            if ui
                .button("Reset settings")
                .on_hover_text(
                    "Forms, theme and size back to their defaults; running servers go on",
                )
                .clicked()
            {
                self.reset_settings();
            }
        });
        ui.label(
            RichText::new("F5 starts or stops this exercise's server; Enter sends.")
                .small()
                .weak(),
        );
    }
}

impl eframe::App for SocklabApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings());
    }
}
