//! Echo and the textbook uppercase example (TCP or UDP): a server form, and a client that keeps
//! one session open and shows the conversation as a chat with byte counts.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use crossbeam_channel::Sender;
use egui::RichText;

use crate::gui::exercises::panel::{ExercisePanel, PanelSettings, Roles};
use crate::gui::widgets::{
    bind_port_rows, labelled_text, list_height, reach_ui, scroll_box, server_address_row,
};
use crate::net::echo::{self, COOKBOOK_MESSAGE, COOKBOOK_SEGMENT_BYTES, Service};
use crate::net::event::{Event, Reply};
use crate::net::runner::{RunFn, Waker};
use crate::net::{DEFAULT_CLIENT_TIMEOUT, MAX_DATAGRAM_BYTES};
use crate::protocol::counted;
use crate::protocol::escape_bytes;

pub mod settings;

pub use self::settings::EchoSettings;

/// Most chat entries kept per panel.
pub const MAX_CHAT_ENTRIES: usize = 500;

/// The panel: settings plus what is running.
pub struct EchoPanel {
    tcp: bool,
    service: Service,
    pub settings: EchoSettings,
    /// The server's and the client's runners, and where the server listens.
    roles: Roles,
    /// Feeds the running client session; dropping it ends the session.
    outbox: Option<Sender<Vec<u8>>>,
    sessions: BTreeMap<SocketAddr, usize>,
    /// Messages the server has answered since it started, in sessions open or closed.
    answered: u64,
    /// Sessions (TCP) or peers (UDP) since the server started.
    seen: u64,
    chat: Vec<Reply>,
}

impl EchoPanel {
    pub fn new(tcp: bool, service: Service, settings: EchoSettings) -> Self {
        Self {
            tcp,
            service,
            settings,
            roles: Roles::default(),
            outbox: None,
            sessions: BTreeMap::new(),
            answered: 0,
            seen: 0,
            chat: Vec::new(),
        }
    }

    fn label(&self) -> String {
        format!(
            "{}-{}",
            if self.tcp { "tcp" } else { "udp" },
            match self.service {
                Service::Echo => "echo",
                Service::Upper => "upper",
            }
        )
    }

    fn stop_words(&self) -> Vec<String> {
        self.settings
            .stop_words
            .split(',')
            .map(|w| w.trim().to_owned())
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// Opens a session (if none is open) and sends `message` in it.
    pub fn send(&mut self, message: Vec<u8>, segment_bytes: Option<usize>, waker: Option<Waker>) {
        if self.outbox.is_none() || !self.roles.client.is_running() {
            let (tx, rx) = crossbeam_channel::unbounded();
            let config = echo::ClientConfig {
                conditions: if self.tcp {
                    Default::default()
                } else {
                    self.settings.network.for_client()
                },
                server: self.settings.server.trim().to_owned(),
                service: self.service,
                stop_words: self.stop_words(),
                segment_bytes,
                timeout: DEFAULT_CLIENT_TIMEOUT,
            };
            let name = format!("{} client", self.label());
            self.roles.client.start_either(
                &name,
                waker,
                self.tcp,
                (config, rx),
                echo::client_runs(),
            );
            self.outbox = Some(tx);
        }
        if let Some(outbox) = &self.outbox {
            // A session that just ended drops its receiver; the next Send opens a new one.
            let _ = outbox.send(message);
        }
    }

    /// Ends the session: the client closes its socket after the messages already queued.
    pub fn disconnect(&mut self) {
        self.outbox = None;
    }
}

impl ExercisePanel for EchoPanel {
    fn network(&mut self) -> Option<&mut crate::gui::network::Network> {
        (!self.tcp).then_some(&mut self.settings.network)
    }

    fn start_server(&mut self, waker: Option<Waker>) {
        let config = echo::ServerConfig {
            conditions: if self.tcp {
                Default::default()
            } else {
                self.settings.network.for_server()
            },
            bind: SocketAddr::new(self.settings.bind.ip(), self.settings.port),
            max_connections: crate::net::MAX_CONNECTIONS,
            service: self.service,
            stop_words: self.stop_words(),
        };
        self.sessions.clear();
        let runs: (RunFn<_>, RunFn<_>) = (echo::run_tcp_server, echo::run_udp_server);
        self.roles.server.start_either(
            &format!("{} server", self.label()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }

    fn poll(&mut self) -> bool {
        for stamped in self.roles.server.drain() {
            match stamped.event {
                Event::Listening { local, .. } => {
                    self.roles.listening = Some(local);
                    self.answered = 0;
                    self.seen = 0;
                }
                Event::Accepted { peer, .. } => {
                    self.sessions.insert(peer, 0);
                    self.seen += 1;
                }
                Event::Received { peer, .. } if !self.tcp => {
                    let n = self.sessions.entry(peer).or_default();
                    if *n == 0 {
                        self.seen += 1;
                    }
                    *n += 1;
                    self.answered += 1;
                }
                Event::Received { peer, .. } => {
                    if let Some(n) = self.sessions.get_mut(&peer) {
                        *n += 1;
                    }
                    self.answered += 1;
                }
                Event::Closed { peer, .. } => {
                    self.sessions.remove(&peer);
                }
                Event::Finished(_) => {
                    self.roles.listening = None;
                    self.sessions.clear();
                }
                _ => {}
            }
        }
        for stamped in self.roles.client.drain() {
            match stamped.event {
                Event::Reply(r) => {
                    if self.chat.len() >= MAX_CHAT_ENTRIES {
                        self.chat.remove(0);
                    }
                    self.chat.push(r);
                }
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
        PanelSettings::Echo(self.settings.clone())
    }

    fn reset_settings(&mut self) {
        self.settings = EchoSettings::for_service(self.service);
    }

    fn server_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading("Server");
        let running = self.roles.server.is_running();
        let salt = format!("talk bind {} {:?}", self.tcp, self.service);
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("talk server form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    bind_port_rows(ui, &salt, &mut self.settings.bind, &mut self.settings.port);
                    if self.service == Service::Echo {
                        labelled_text(ui, "Stop words", &mut self.settings.stop_words)
                            .on_hover_text(
                                "Comma-separated; case and surrounding spaces are ignored.",
                            );
                        ui.end_row();
                    }
                });
        });
        self.server_controls_ui(ui, waker, None);
        if let Some(local) = self.roles.listening {
            reach_ui(ui, local);
            let title = if self.tcp {
                "Open sessions"
            } else {
                "Clients heard from"
            };
            // What was answered counts closed sessions too.
            let (unit, units) = if self.tcp {
                ("session", "sessions")
            } else {
                ("client", "clients")
            };
            ui.label(
                RichText::new(format!(
                    "{title}: {} · {} answered · {} since the start",
                    self.sessions.len(),
                    counted(self.answered, "message", "messages"),
                    counted(self.seen, unit, units)
                ))
                .strong(),
            );
            if !self.sessions.is_empty() {
                scroll_box(ui, "sessions", list_height(ui), false, |ui| {
                    for (peer, messages) in &self.sessions {
                        ui.label(format!(
                            "{peer} · {}",
                            counted(*messages as u64, "message", "messages")
                        ));
                    }
                });
            }
        }
        self.roles.server.views_ui(ui, "Server", true);
    }

    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading("Client");
        let mut send = false;
        let mut draft_id = None;
        egui::Grid::new("talk client form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                server_address_row(ui, &mut self.settings.server);
                ui.end_row();
                let response = labelled_text(ui, "Message", &mut self.settings.draft);
                send |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                draft_id = Some(response.id);
                ui.end_row();
            });
        let too_big = !self.tcp && self.settings.draft.len() > MAX_DATAGRAM_BYTES;
        if too_big {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("A UDP datagram carries at most {MAX_DATAGRAM_BYTES} bytes."),
            );
        }
        ui.horizontal_wrapped(|ui| {
            send |= ui.add_enabled(!too_big, egui::Button::new("✉ Send")).clicked();
            if self.service == Service::Echo
                && self.tcp
                && ui
                    .button("Cookbook test")
                    .on_hover_text(format!(
                        "Send \"{COOKBOOK_MESSAGE}\" in a new session and read the echo in {COOKBOOK_SEGMENT_BYTES}-byte receives"
                    ))
                    .clicked()
            {
                // A session of its own, ended right after the one message, as the cookbook does.
                self.outbox = None;
                let message = COOKBOOK_MESSAGE.as_bytes().to_vec();
                self.send(message, Some(COOKBOOK_SEGMENT_BYTES), waker.clone());
                self.disconnect();
            }
            // Over UDP there is no connection: the session is just the client's socket.
            let end = if self.tcp { "Disconnect" } else { "Close socket" };
            if self.roles.client.is_running() && self.outbox.is_some() && ui.button(end).clicked() {
                self.disconnect();
            }
            if ui.button("Clear chat").clicked() {
                self.chat.clear();
            }
        });
        if send && !too_big {
            let message = std::mem::take(&mut self.settings.draft).into_bytes();
            self.send(message, None, waker.clone());
            // Keep typing: the message box keeps the keyboard after Enter.
            if let Some(id) = draft_id {
                ui.memory_mut(|m| m.request_focus(id));
            }
        }
        self.roles.client.status_ui(ui);
        ui.label(
            RichText::new(format!(
                "Conversation ({})",
                counted(self.chat.len() as u64, "reply", "replies")
            ))
            .strong(),
        );
        scroll_box(ui, "chat", list_height(ui), true, |ui| {
            for r in &self.chat {
                chat_entry_ui(ui, r);
            }
        });
        self.roles.client.views_ui(ui, "Client", false);
    }
}

fn chat_entry_ui(ui: &mut egui::Ui, r: &Reply) {
    let dark = ui.visuals().dark_mode;
    let (sent_color, reply_color) = if dark {
        (
            egui::Color32::from_rgb(120, 190, 255),
            egui::Color32::from_rgb(140, 220, 140),
        )
    } else {
        (
            egui::Color32::from_rgb(20, 90, 180),
            egui::Color32::from_rgb(20, 120, 40),
        )
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("you →").monospace().color(sent_color));
        ui.label(RichText::new(escape_bytes(&r.request)).monospace());
        ui.label(
            RichText::new(format!(
                "({})",
                counted(r.request.len() as u64, "byte", "bytes")
            ))
            .weak(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("← server").monospace().color(reply_color));
        ui.label(RichText::new(escape_bytes(&r.reply)).monospace());
        let pieces = if r.segments.len() > 1 {
            format!(
                "({} in {} receives: {:?})",
                counted(r.reply.len() as u64, "byte", "bytes"),
                r.segments.len(),
                r.segments
            )
        } else {
            format!("({})", counted(r.reply.len() as u64, "byte", "bytes"))
        };
        ui.label(RichText::new(pieces).weak());
    });
}
