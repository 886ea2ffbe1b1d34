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
use crate::protocol::{escape_bytes, thousands};
use crate::t;

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
        ui.heading(t!("ex-server"));
        let running = self.roles.server.is_running();
        let salt = format!("talk bind {} {:?}", self.tcp, self.service);
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("talk server form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    bind_port_rows(ui, &salt, &mut self.settings.bind, &mut self.settings.port);
                    if self.service == Service::Echo {
                        labelled_text(ui, &t!("ex-echo-stop-words"), &mut self.settings.stop_words)
                            .on_hover_text(t!("ex-echo-stop-words-hint"));
                        ui.end_row();
                    }
                });
        });
        self.server_controls_ui(ui, waker, None);
        if let Some(local) = self.roles.listening {
            reach_ui(ui, local);
            // What was answered counts closed sessions too.
            let open = self.sessions.len().to_string();
            let (answered, seen) = (self.answered, self.seen);
            let totals = if self.tcp {
                t!(
                    "ex-echo-sessions-tcp",
                    open = open,
                    answered = answered,
                    answered_shown = thousands(answered),
                    seen = seen,
                    seen_shown = thousands(seen)
                )
            } else {
                t!(
                    "ex-echo-clients-udp",
                    open = open,
                    answered = answered,
                    answered_shown = thousands(answered),
                    seen = seen,
                    seen_shown = thousands(seen)
                )
            };
            ui.label(RichText::new(totals).strong());
            if !self.sessions.is_empty() {
                scroll_box(ui, "sessions", list_height(ui), false, |ui| {
                    for (peer, messages) in &self.sessions {
                        let messages = *messages as u64;
                        ui.label(t!(
                            "ex-echo-session",
                            peer = peer.to_string(),
                            count = messages,
                            shown = thousands(messages)
                        ));
                    }
                });
            }
        }
        self.roles.server.views_ui(ui, &t!("ex-server"), true);
    }

    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-client"));
        let mut send = false;
        let mut draft_id = None;
        egui::Grid::new("talk client form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                server_address_row(ui, &mut self.settings.server);
                ui.end_row();
                let response = labelled_text(ui, &t!("ex-echo-message"), &mut self.settings.draft);
                send |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                draft_id = Some(response.id);
                ui.end_row();
            });
        let too_big = !self.tcp && self.settings.draft.len() > MAX_DATAGRAM_BYTES;
        if too_big {
            ui.colored_label(
                ui.visuals().error_fg_color,
                t!("ex-echo-too-big", max = MAX_DATAGRAM_BYTES.to_string()),
            );
        }
        ui.horizontal_wrapped(|ui| {
            send |= ui
                .add_enabled(!too_big, egui::Button::new(t!("ex-send")))
                .clicked();
            if self.service == Service::Echo
                && self.tcp
                && ui
                    .button(t!("ex-echo-cookbook"))
                    .on_hover_text(t!(
                        "ex-echo-cookbook-hint",
                        message = COOKBOOK_MESSAGE,
                        bytes = COOKBOOK_SEGMENT_BYTES.to_string()
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
            let end = if self.tcp {
                t!("ex-echo-disconnect")
            } else {
                t!("ex-echo-close-socket")
            };
            if self.roles.client.is_running() && self.outbox.is_some() && ui.button(end).clicked() {
                self.disconnect();
            }
            if ui.button(t!("ex-echo-clear-chat")).clicked() {
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
            RichText::new(t!(
                "ex-echo-conversation",
                count = self.chat.len(),
                shown = thousands(self.chat.len() as u64)
            ))
            .strong(),
        );
        scroll_box(ui, "chat", list_height(ui), true, |ui| {
            for r in &self.chat {
                chat_entry_ui(ui, r);
            }
        });
        self.roles.client.views_ui(ui, &t!("ex-client"), false);
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
        ui.label(
            RichText::new(t!("ex-echo-you"))
                .monospace()
                .color(sent_color),
        );
        ui.label(RichText::new(escape_bytes(&r.request)).monospace());
        let sent = r.request.len() as u64;
        ui.label(RichText::new(t!("ex-echo-bytes", count = sent, shown = thousands(sent))).weak());
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(t!("ex-echo-server"))
                .monospace()
                .color(reply_color),
        );
        ui.label(RichText::new(escape_bytes(&r.reply)).monospace());
        let got = r.reply.len() as u64;
        let pieces = if r.segments.len() > 1 {
            t!(
                "ex-echo-bytes-in",
                count = got,
                shown = thousands(got),
                receives = r.segments.len(),
                segments = format!("{:?}", r.segments)
            )
        } else {
            t!("ex-echo-bytes", count = got, shown = thousands(got))
        };
        ui.label(RichText::new(pieces).weak());
    });
}
