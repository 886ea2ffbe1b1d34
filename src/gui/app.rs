//! The eframe application: persisted settings, the exercise list, and one panel per exercise.
//! Runner events are drained in one place, [`SocklabApp::poll`], before anything is drawn.

use std::sync::Arc;

use egui::RichText;

use super::check_panel::CheckPanel;
use super::dialogs::{FilePicker, NativePicker};
use super::exercises::{EXERCISES, ExerciseId, ExercisePanel, build_panel};
use crate::net::runner::Waker;

pub use super::settings::{STORAGE_KEY, Settings, Theme, ZOOM_STEPS};
use crate::i18n::{self, Lang};
use crate::t;

/// The application state: the window's own settings plus one panel per exercise, in the order
/// of [`EXERCISES`].
pub struct SocklabApp {
    exercise: ExerciseId,
    theme: Theme,
    zoom: f32,
    /// Projector mode: the exercise list hidden (F11 or its button).
    projector: bool,
    /// The window's language; None follows the system's.
    language: Option<Lang>,
    /// The theme and zoom the context has, so they are set only when they change.
    applied: Option<(Theme, f32)>,
    panels: Vec<Box<dyn ExercisePanel>>,
    /// The Check section of each exercise, in the same order.
    /// Each exercise's Check section (None where there is no student program to check).
    checks: Vec<Option<CheckPanel>>,
    /// "Reset settings" was clicked and waits for a confirmation.
    confirm_reset: bool,
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
            projector: settings.projector,
            language: speak(settings.language),
            applied: None,
            panels: EXERCISES
                .iter()
                .filter_map(|info| {
                    let mut panel = build_panel(info.id, settings.panel(info.id), &picker)?;
                    panel.server_slot_mut().set_picker(Arc::clone(&picker));
                    panel.client_slot_mut().set_picker(Arc::clone(&picker));
                    Some(panel)
                })
                .collect(),
            checks: EXERCISES
                .iter()
                .map(|info| {
                    let exercise = info.checked.then_some(info.id)?;
                    let saved = settings.checks.get(exercise.name());
                    Some(CheckPanel::new(exercise, Arc::clone(&picker), saved))
                })
                .collect(),
            confirm_reset: false,
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
        let mut settings = Settings {
            exercise: self.exercise,
            theme: self.theme,
            zoom: self.zoom,
            projector: self.projector,
            language: self.language,
            ..Settings::default()
        };
        for (info, panel) in EXERCISES.iter().zip(&self.panels) {
            settings.store(info.id, panel.settings());
        }
        for check in self.checks.iter().flatten().filter(|c| !c.is_default()) {
            settings
                .checks
                .insert(check.exercise().name().to_owned(), check.settings());
        }
        settings
    }

    pub fn select(&mut self, exercise: ExerciseId) {
        self.exercise = exercise;
    }

    /// The exercise shown now.
    pub fn selected(&self) -> ExerciseId {
        self.exercise
    }

    /// Where an exercise's server listens now, if it runs.
    pub fn server_address(&self, exercise: ExerciseId) -> Option<std::net::SocketAddr> {
        self.panel(exercise).listening()
    }

    /// The socket-call timeline of an exercise's server or client, as text (what the timeline
    /// draws, one step a line, a step's note as a line of its own).
    pub fn timeline_labels(&mut self, exercise: ExerciseId, server: bool) -> Vec<String> {
        let panel = self.panel(exercise);
        let slot = if server {
            panel.server_slot()
        } else {
            panel.client_slot()
        };
        slot.traffic.timeline_labels()
    }

    /// The inspector rows of an exercise's server or client, as text (call, then what the data
    /// column shows).
    pub fn traffic_rows(&mut self, exercise: ExerciseId, server: bool) -> Vec<String> {
        let panel = self.panel_mut(exercise);
        let slot = if server {
            panel.server_slot_mut()
        } else {
            panel.client_slot_mut()
        };
        slot.traffic.row_texts()
    }

    fn index(id: ExerciseId) -> usize {
        EXERCISES.iter().position(|e| e.id == id).unwrap_or(0)
    }

    fn panel(&self, id: ExerciseId) -> &dyn ExercisePanel {
        self.panels[Self::index(id)].as_ref()
    }

    fn panel_mut(&mut self, id: ExerciseId) -> &mut dyn ExercisePanel {
        self.panels[Self::index(id)].as_mut()
    }

    /// Applies every runner's events (running panels keep working while another is shown);
    /// true if some are still queued.
    pub fn poll(&mut self) -> bool {
        let mut backlog = false;
        for panel in &mut self.panels {
            backlog |= panel.poll();
        }
        // A server of this window that stopped ends the clients that talked to it: one that
        // went on would send to whatever takes the port next (UDP tells nothing).
        let stopped: Vec<std::net::SocketAddr> = self
            .panels
            .iter_mut()
            .filter_map(|p| p.server_slot_mut().take_stopped_listener())
            .collect();
        for addr in stopped {
            for panel in &mut self.panels {
                panel.client_slot_mut().end_if_talking_to(addr);
            }
        }
        for check in self.checks.iter_mut().flatten() {
            check.poll();
        }
        backlog
    }

    /// Puts every setting back to its default; running servers and clients go on.
    pub fn reset_settings(&mut self) {
        let d = Settings::default();
        self.exercise = d.exercise;
        self.theme = d.theme;
        self.zoom = d.zoom;
        self.projector = d.projector;
        self.language = speak(d.language);
        for panel in &mut self.panels {
            panel.reset_settings();
        }
        for check in self.checks.iter_mut().flatten() {
            check.reset_settings();
        }
    }

    /// Another exercise of this window whose server holds the port the shown exercise's server
    /// would listen on (same transport, same port).
    pub fn port_holder(&self) -> Option<(ExerciseId, u16)> {
        let this = self.exercise.info();
        let panel = self.panel(self.exercise);
        let port = panel.server_port();
        if port == 0 || panel.server_running() {
            return None;
        }
        EXERCISES
            .iter()
            .zip(&self.panels)
            .find(|(info, other)| {
                info.id != this.id
                    // TCP and UDP ports are separate; TFTP is UDP too.
                    && info.tcp == this.tcp
                    && other.server_running()
                    && other.server_port() == port
            })
            .map(|(info, _)| (info.id, port))
    }

    /// Draws the whole window into `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.poll() {
            // Events are still queued: come back soon, at a bounded rate.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(16));
        }
        // Ctrl+plus, Ctrl+minus and Ctrl+0 step through the Size box's sizes (egui's own
        // zoom keys would leave the box saying another size).
        let (larger, smaller, normal) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::Plus)
                    || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::Minus),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::Num0),
            )
        });
        if larger {
            self.zoom = ZOOM_STEPS
                .into_iter()
                .find(|z| *z > self.zoom + 0.001)
                .unwrap_or(self.zoom);
        }
        if smaller {
            self.zoom = ZOOM_STEPS
                .into_iter()
                .rev()
                .find(|z| *z < self.zoom - 0.001)
                .unwrap_or(self.zoom);
        }
        if normal {
            self.zoom = 1.0;
        }
        if self.applied != Some((self.theme, self.zoom)) {
            ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
            // Greyed-out fields stay readable on a projector in the light theme (egui fades
            // them to half).
            ui.ctx().style_mut_of(egui::Theme::Light, |s| {
                s.visuals.disabled_alpha = LIGHT_DISABLED_ALPHA;
            });
            ui.ctx().set_theme(self.theme.preference());
            ui.ctx().set_zoom_factor(self.zoom);
            self.applied = Some((self.theme, self.zoom));
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11)) {
            self.projector = !self.projector;
        }
        if ui.input(|i| i.key_pressed(egui::Key::F5)) {
            let waker = self.waker.clone();
            self.panel_mut(self.exercise).toggle_server(waker);
        }
        // Ctrl+1: the server's port; Ctrl+2: the client's server address; Ctrl+↑/↓: the
        // exercise before or after (the list is out of the Tab cycle).
        let (to_server, to_client, up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::Num1),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::Num2),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::ArrowDown),
            )
        });
        if to_server {
            ui.memory_mut(|m| m.request_focus(crate::gui::widgets::server_port_id()));
        }
        if to_client {
            ui.memory_mut(|m| m.request_focus(crate::gui::widgets::server_address_id()));
        }
        if up || down {
            let i = Self::index(self.exercise);
            let n = EXERCISES.len();
            let next = if down { (i + 1) % n } else { (i + n - 1) % n };
            self.exercise = EXERCISES[next].id;
        }
        // The side list takes at most a quarter of a narrow or zoomed window.
        let side_width = (ui.ctx().content_rect().width() * 0.25).clamp(150.0, 210.0);
        if !self.projector {
            egui::Panel::left("exercises")
                .resizable(false)
                .exact_size(side_width)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("side")
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.exercise_list_ui(ui));
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("page")
                .auto_shrink([false, false])
                .show(ui, |ui| self.page_ui(ui));
        });
    }

    /// The shown exercise: its header, a note when its port is taken, and its panel.
    fn page_ui(&mut self, ui: &mut egui::Ui) {
        let info = self.exercise.info();
        ui.horizontal_wrapped(|ui| {
            if self.projector
                && ui
                    .button(format!("☰ {}", t!("exercises")))
                    .on_hover_text(t!("exercises-show-hint"))
                    .clicked()
            {
                self.projector = false;
            }
            ui.heading(format!("{} · {}", info.title(), info.transport));
            ui.label(RichText::new(info.source).weak());
        });
        ui.add(egui::Label::new(info.summary()).wrap());
        if let Some((holder, port)) = self.port_holder() {
            let other = holder.info();
            let other = format!("{} · {}", other.title(), other.transport);
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t!(
                        "win-port-held",
                        exercise = other.as_str(),
                        port = port.to_string()
                    ),
                );
                if ui
                    .button(t!("win-stop-exercise", exercise = other))
                    .clicked()
                {
                    self.panel_mut(holder).stop_server();
                }
            });
        }
        ui.separator();
        let waker = self.waker.clone();
        self.panel_mut(self.exercise).ui(ui, &waker);
        if let Some(network) = self.panel_mut(self.exercise).network() {
            ui.separator();
            network.ui(ui);
        }
        ui.separator();
        let index = Self::index(self.exercise);
        // The exercise of this window whose server holds the port the last check needed.
        let holder = self.checks[index].as_ref().and_then(|check| {
            let port = check.held_here()?;
            EXERCISES
                .iter()
                .zip(&self.panels)
                .find(|(info, panel)| {
                    info.tcp == check.tcp() && panel.server_running() && panel.server_port() == port
                })
                .map(|(info, _)| info.id)
        });
        let label = holder.map(|id| format!("{} · {}", id.info().title(), id.info().transport));
        if let Some(check) = &mut self.checks[index]
            && check.ui(ui, &waker, label.as_deref())
            && let Some(id) = holder
        {
            self.panel_mut(id).stop_server();
        }
    }

    /// The Check section of an exercise (tests fill it in).
    pub fn check_panel(&mut self, exercise: ExerciseId) -> Option<&mut CheckPanel> {
        self.checks[Self::index(exercise)].as_mut()
    }

    fn exercise_list_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        ui.heading("socklab");
        ui.label(RichText::new(t!("tagline")).weak());
        ui.separator();
        ui.label(RichText::new(t!("exercises")).strong());
        for (info, panel) in EXERCISES.iter().zip(&self.panels) {
            let selected = self.exercise == info.id;
            let running = panel.server_running();
            let text = format!("{} · {}", info.title(), info.transport);
            // Names wrap rather than clip when the list is narrow (a zoomed window).
            let label = if running {
                t!("exercise-running", exercise = text)
            } else {
                text
            };
            // Clicked, not focused: the list stays out of the Tab cycle (Ctrl+↑/↓ moves in it),
            // so that Tab goes from form field to form field.
            let button = egui::Button::selectable(selected, label)
                .wrap_mode(egui::TextWrapMode::Wrap)
                .sense(egui::Sense::CLICK);
            if ui.add(button).clicked() {
                self.exercise = info.id;
            }
        }
        // Settings come after the exercise list, which stays where a hand expects it.
        ui.add_space(4.0);
        ui.separator();
        self.view_settings_ui(ui);
    }
}

/// How much of its colour a greyed-out widget keeps in the light theme.
pub const LIGHT_DISABLED_ALPHA: f32 = 0.75;

impl SocklabApp {
    /// Theme, zoom, shortcut help and Reset, at the top of the side panel.
    fn view_settings_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label(t!("theme"));
            egui::ComboBox::from_id_salt("theme")
                .width(ui.available_width().min(90.0))
                .selected_text(theme_name(self.theme))
                .show_ui(ui, |ui| {
                    for theme in [Theme::System, Theme::Light, Theme::Dark] {
                        ui.selectable_value(&mut self.theme, theme, theme_name(theme));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let label = ui.label(t!("size"));
            egui::ComboBox::from_id_salt("size")
                .width(ui.available_width().min(90.0))
                .selected_text(format!("{:.0}%", self.zoom * 100.0))
                .show_ui(ui, |ui| {
                    for zoom in ZOOM_STEPS {
                        ui.selectable_value(&mut self.zoom, zoom, format!("{:.0}%", zoom * 100.0));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(t!("size-hint"));
        });
        self.language_ui(ui);
        if self.confirm_reset {
            ui.label(t!("reset-ask"));
            ui.horizontal(|ui| {
                if ui.button(t!("reset")).clicked() {
                    self.reset_settings();
                    self.confirm_reset = false;
                }
                if ui.button(t!("cancel")).clicked() {
                    self.confirm_reset = false;
                }
            });
        } else if ui
            .button(t!("reset-settings"))
            .on_hover_text(t!("reset-settings-hint"))
            .clicked()
        {
            self.confirm_reset = true;
        }
        if ui
            .button(t!("projector-mode"))
            .on_hover_text(t!("projector-mode-hint"))
            .clicked()
        {
            self.projector = true;
        }
        ui.label(RichText::new(t!("shortcuts")).weak());
    }

    /// The Language menu: the run's language (the system's, or `--lang`'s), or one socklab
    /// speaks; a choice is spoken at once (the next frame draws in it) and kept with the
    /// settings.
    fn language_ui(&mut self, ui: &mut egui::Ui) {
        let default = i18n::process();
        let name = |choice: Option<Lang>| match choice {
            None => t!("language-default", language = default.native_name()),
            Some(lang) => lang.native_name().to_owned(),
        };
        let before = self.language;
        ui.horizontal(|ui| {
            let label = ui.label(t!("language"));
            egui::ComboBox::from_id_salt("language")
                .width(ui.available_width().min(170.0))
                .truncate()
                .selected_text(name(self.language))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.language, None, name(None));
                    for lang in Lang::ALL {
                        ui.selectable_value(&mut self.language, Some(lang), name(Some(lang)));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if self.language != before {
            speak(self.language);
            ui.ctx().request_repaint();
        }
    }
}

/// Speaks the window's `choice` on its thread (None: the process's language, the system's
/// unless `--lang` named one); the choice.
fn speak(choice: Option<Lang>) -> Option<Lang> {
    i18n::set_here(choice);
    choice
}

/// A theme's name in the window's language.
fn theme_name(theme: Theme) -> String {
    match theme {
        Theme::System => t!("theme-system"),
        Theme::Light => t!("theme-light"),
        Theme::Dark => t!("theme-dark"),
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
