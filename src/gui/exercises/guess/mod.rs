//! Guess the number over UDP: a server form (secret, reply spelling) and a client with a number
//! field, a history of guesses and hints, a counter, and auto-play.

use std::net::SocketAddr;

use crossbeam_channel::Sender;
use egui::RichText;

use crate::gui::exercises::panel::{ExercisePanel, PanelSettings, Roles};
use crate::gui::widgets::{
    bind_port_rows, labelled_text, list_height, number_field, reach_ui, scroll_box,
    server_address_row,
};
use crate::net::DEFAULT_CLIENT_TIMEOUT;
use crate::net::event::{Event, GuessReport};
use crate::net::guess::{self};
use crate::net::runner::Waker;
use crate::protocol::text::{HintStyle, SECRET_MAX, SECRET_MIN};
use crate::protocol::thousands;
use crate::t;

pub mod settings;

pub use self::settings::{DEFAULT_STEP_DELAY_SECS, GuessSettings, MAX_STEP_DELAY_SECS};

/// The panel: settings plus what is running.
pub struct GuessPanel {
    pub settings: GuessSettings,
    /// The server's and the client's runners, and where the server listens.
    roles: Roles,
    outbox: Option<Sender<String>>,
    history: Vec<GuessReport>,
    games_won: usize,
    /// Show the server's secrets in its output (off by default: the window may be projected).
    show_secret: bool,
}

impl GuessPanel {
    pub fn new(settings: GuessSettings) -> Self {
        Self {
            settings,
            roles: Roles::default(),
            outbox: None,
            history: Vec::new(),
            games_won: 0,
            show_secret: false,
        }
    }

    fn client_config(&self) -> guess::ClientConfig {
        guess::ClientConfig {
            conditions: self.settings.network.for_client(),
            server: self.settings.server.trim().to_owned(),
            timeout: DEFAULT_CLIENT_TIMEOUT,
            step_delay: std::time::Duration::from_secs_f32(
                self.settings
                    .step_delay_secs
                    .clamp(0.0, MAX_STEP_DELAY_SECS),
            ),
        }
    }

    /// Sends one guess, opening a session if none is open.
    pub fn guess(&mut self, text: String, waker: Option<Waker>) {
        if self.outbox.is_none() || !self.roles.client.is_running() {
            if self.history.last().is_some_and(|g| g.correct) {
                self.history.clear();
            }
            let (tx, rx) = crossbeam_channel::unbounded();
            let config = self.client_config();
            self.roles
                .client
                .start("udp-guess client", waker, move |r, stop| {
                    guess::run_client(config, rx, r, stop)
                });
            self.outbox = Some(tx);
        }
        if let Some(outbox) = &self.outbox {
            // A session that just ended drops its receiver; the next guess opens a new one.
            let _ = outbox.send(text);
        }
    }

    /// Plays a whole game by halving the range.
    pub fn auto_play(&mut self, waker: Option<Waker>) {
        self.outbox = None;
        self.history.clear();
        let config = self.client_config();
        self.roles
            .client
            .start("udp-guess auto", waker, move |r, stop| {
                guess::run_auto_client(config, r, stop)
            });
    }
}

impl ExercisePanel for GuessPanel {
    fn network(&mut self) -> Option<&mut crate::gui::network::Network> {
        Some(&mut self.settings.network)
    }

    fn start_server(&mut self, waker: Option<Waker>) {
        let s = &self.settings;
        let config = guess::ServerConfig {
            conditions: self.settings.network.for_server(),
            bind: SocketAddr::new(s.bind.ip(), s.port),
            secret: (!s.random_secret).then_some(s.secret),
            style: s.style,
        };
        self.games_won = 0;
        self.roles
            .server
            .start("udp-guess server", waker, move |r, stop| {
                guess::run_server(config, r, stop)
            });
    }

    fn poll(&mut self) -> bool {
        for stamped in self.roles.server.drain() {
            match stamped.event {
                Event::Listening { local, .. } => self.roles.listening = Some(local),
                Event::Guess(g) if g.correct => self.games_won += 1,
                Event::Finished(_) => self.roles.listening = None,
                _ => {}
            }
        }
        for stamped in self.roles.client.drain() {
            match stamped.event {
                Event::Guess(g) => self.history.push(g),
                Event::Finished(_) => self.outbox = None,
                _ => {}
            }
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
        PanelSettings::Guess(self.settings.clone())
    }

    fn reset_settings(&mut self) {
        self.settings = GuessSettings::default();
    }

    fn server_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-server"));
        let running = self.roles.server.is_running();
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("guess server form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let s = &mut self.settings;
                    let label = ui.label(t!("ex-guess-secret"));
                    let mut error = None;
                    ui.horizontal(|ui| {
                        ui.checkbox(&mut s.random_secret, t!("ex-guess-random"));
                        if !s.random_secret {
                            let (field, e) = number_field(
                                ui,
                                egui::Id::unique("guess secret"),
                                &mut s.secret,
                                SECRET_MIN..=SECRET_MAX,
                                60.0,
                            );
                            field.labelled_by(label.id);
                            error = e;
                        }
                    });
                    ui.end_row();
                    if let Some(e) = error {
                        ui.label("");
                        ui.colored_label(ui.visuals().warn_fg_color, e);
                        ui.end_row();
                    }
                    let label = ui.label(t!("ex-guess-replies"));
                    egui::ComboBox::from_id_salt("hint style")
                        .selected_text(s.style.label())
                        .show_ui(ui, |ui| {
                            for style in [HintStyle::Upper, HintStyle::Title] {
                                ui.selectable_value(&mut s.style, style, style.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    bind_port_rows(ui, "guess bind", &mut s.bind, &mut s.port);
                });
        });
        self.server_controls_ui(
            ui,
            waker,
            Some(t!(
                "ex-guess-games-won",
                count = self.games_won,
                shown = thousands(self.games_won as u64)
            )),
        );
        if ui
            .checkbox(&mut self.show_secret, t!("ex-guess-show-secret"))
            .on_hover_text(t!("ex-guess-show-secret-hint"))
            .changed()
        {
            self.roles.server.log.show_secrets = self.show_secret;
        }
        if let Some(local) = self.roles.listening {
            reach_ui(ui, local);
        }
        self.roles.server.views_ui(ui, &t!("ex-server"), true);
    }

    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-client"));
        let mut go = false;
        let mut draft_id = None;
        egui::Grid::new("guess client form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                server_address_row(ui, &mut self.settings.server);
                ui.end_row();
                let response =
                    labelled_text(ui, &t!("ex-guess-your-guess"), &mut self.settings.draft);
                go |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                draft_id = Some(response.id);
                ui.end_row();
            });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t!("ex-guess-pause"));
            ui.add(
                egui::DragValue::new(&mut self.settings.step_delay_secs)
                    .range(0.0..=MAX_STEP_DELAY_SECS)
                    .speed(0.05)
                    .fixed_decimals(1)
                    .suffix(" s"),
            )
            .labelled_by(label.id)
            .on_hover_text(t!("ex-guess-pause-hint"));
        });
        ui.horizontal_wrapped(|ui| {
            go |= ui.button(t!("ex-guess-guess")).clicked();
            if ui
                .button(t!("ex-guess-auto-play"))
                .on_hover_text(t!("ex-guess-auto-play-hint"))
                .clicked()
            {
                self.auto_play(waker.clone());
            }
            if ui.button(t!("ex-guess-new-game")).clicked() {
                self.outbox = None;
                self.history.clear();
            }
        });
        if go {
            let text = std::mem::take(&mut self.settings.draft);
            self.guess(text, waker.clone());
            if let Some(id) = draft_id {
                ui.memory_mut(|m| m.request_focus(id));
            }
        }
        self.roles.client.status_ui(ui);
        let won = self.history.last().is_some_and(|g| g.correct);
        ui.label(
            // A word is answered ("not a number") but is no guess.
            RichText::new({
                let count = self.history.iter().filter(|g| g.guess.is_some()).count();
                if won {
                    t!("ex-guess-count-won", count = count)
                } else {
                    t!("ex-guess-count", count = count)
                }
            })
            .strong()
            .size(16.0),
        );
        scroll_box(ui, "guess history", list_height(ui), true, |ui| {
            egui::Grid::new("guess history")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for g in &self.history {
                        // A word is no guess: no number of its own (it would repeat the last).
                        ui.label(
                            g.guess
                                .map_or_else(|| "–".to_owned(), |_| format!("#{}", g.count)),
                        );
                        ui.label(
                            g.guess
                                .map_or_else(|| t!("ex-guess-not-a-number"), |n| n.to_string()),
                        );
                        ui.label(RichText::new(&g.reply).strong());
                        ui.end_row();
                    }
                });
        });
        self.roles.client.views_ui(ui, &t!("ex-client"), false);
    }
}
