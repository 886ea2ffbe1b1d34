//! What every exercise panel is to the window: the [`ExercisePanel`] trait, the two runners a
//! panel has ([`Roles`]), and the forms it saves ([`PanelSettings`]).

use super::add::settings::AddSettings;
use super::echo::settings::EchoSettings;
use super::file::settings::FileSettings;
use super::guess::settings::GuessSettings;
use crate::gui::run_slot::RunSlot;
use crate::gui::widgets::SIDE_BY_SIDE_MIN_WIDTH;
use crate::net::runner::Waker;
use crate::t;

/// What the window needs from every exercise panel.
pub trait ExercisePanel {
    /// Applies what the panel's runners reported; true if events are still queued.
    fn poll(&mut self) -> bool;
    /// The panel's two runners and where its server listens.
    fn roles(&self) -> &Roles;
    fn roles_mut(&mut self) -> &mut Roles;

    /// The server's runner, with its output and traffic.
    fn server_slot(&self) -> &RunSlot {
        &self.roles().server
    }
    /// The client's runner, with its output and traffic.
    fn client_slot(&self) -> &RunSlot {
        &self.roles().client
    }
    fn server_slot_mut(&mut self) -> &mut RunSlot {
        &mut self.roles_mut().server
    }
    fn client_slot_mut(&mut self) -> &mut RunSlot {
        &mut self.roles_mut().client
    }
    /// Where the server listens now, if it runs.
    fn listening(&self) -> Option<std::net::SocketAddr> {
        self.roles().listening
    }

    /// This panel's forms, as the window saves them.
    fn settings(&self) -> PanelSettings;
    /// Puts this panel's forms back to their defaults.
    fn reset_settings(&mut self);

    fn server_running(&self) -> bool {
        self.server_slot().is_running()
    }
    fn start_server(&mut self, waker: Option<Waker>);

    fn stop_server(&mut self) {
        self.server_slot().stop();
    }

    /// Starts the server, or stops it if it runs (the F5 shortcut).
    fn toggle_server(&mut self, waker: Option<Waker>) {
        if self.server_running() {
            self.stop_server();
        } else {
            self.start_server(waker);
        }
    }
    /// The simulated network conditions, on a UDP exercise.
    fn network(&mut self) -> Option<&mut crate::gui::network::Network> {
        None
    }
    fn server_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>);
    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>);

    /// The Start/Stop row (with `running_note` beside Stop while the server runs) and the
    /// server's status line.
    fn server_controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        waker: &Option<Waker>,
        running_note: Option<String>,
    ) {
        let running = self.server_running();
        ui.horizontal(|ui| {
            if running {
                if ui.button(t!("ex-stop-server")).clicked() {
                    self.stop_server();
                }
                if let Some(note) = running_note {
                    ui.label(note);
                }
            } else if ui.button(t!("ex-start-server")).clicked() {
                self.start_server(waker.clone());
            }
        });
        self.server_slot().status_ui(ui);
    }

    /// The server form and the client form: side by side when the page is at least
    /// [`SIDE_BY_SIDE_MIN_WIDTH`] points wide, else the server above the client.
    fn ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        if ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH {
            // Columns come justified, which would spread the letters of a wrapped line apart
            // (a long "saved … SHA-256" status): each form lays out top-down, left-aligned.
            ui.columns(2, |cols| {
                cols[0].push_id("server", |ui| ui.vertical(|ui| self.server_ui(ui, waker)));
                cols[1].push_id("client", |ui| ui.vertical(|ui| self.client_ui(ui, waker)));
            });
        } else {
            ui.push_id("server", |ui| self.server_ui(ui, waker));
            ui.add_space(8.0);
            ui.separator();
            ui.push_id("client", |ui| self.client_ui(ui, waker));
        }
    }

    /// The port the server is set to listen on.
    fn server_port(&self) -> u16;
}

/// What every panel has: a server runner, a client runner, and the server's address while it
/// listens.
#[derive(Default)]
pub struct Roles {
    pub server: RunSlot,
    pub client: RunSlot,
    pub listening: Option<std::net::SocketAddr>,
}

/// A panel's own settings, as the window saves them.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelSettings {
    Add(AddSettings),
    File(FileSettings),
    Echo(EchoSettings),
    Guess(GuessSettings),
}
