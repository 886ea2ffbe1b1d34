//! "Add two numbers" (TCP or UDP): a server form and a client form side by side.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use egui::RichText;

use crate::gui::exercises::panel::{ExercisePanel, PanelSettings, Roles};
use crate::gui::widgets::{
    bind_port_rows, entered_by_enter, labelled_text, list_height, number_field, reach_ui,
    scroll_box, server_address_row,
};
use crate::net::event::{AddExchange, Event};
use crate::net::runner::{RunFn, Waker};
use crate::net::{DEFAULT_CLIENT_TIMEOUT, add};
use crate::protocol::add::{FORMAT_NAMES, NUMBER_MAX, NUMBER_MIN, WireFormat, in_range};
use crate::protocol::thousands;
use crate::t;

pub mod settings;

pub use self::settings::{AddSettings, ClientSettings, ServerSettings};

/// The panel: settings plus what is running.
pub struct AddPanel {
    tcp: bool,
    pub settings: AddSettings,
    /// The server's and the client's runners, and where the server listens.
    roles: Roles,
    /// The number the running server uses (random ones are drawn at start).
    number_in_use: Option<i64>,
    /// TCP connections open now.
    connected: usize,
    /// The clients served this run, by the name they sent.
    clients: BTreeMap<String, ClientFacts>,
    last_result: Option<AddExchange>,
    /// The server's latest exchange, for its own card.
    last_served: Option<AddExchange>,
}

/// What the server card shows of one client.
#[derive(Clone, Debug)]
struct ClientFacts {
    /// When it was first heard from, as a count: the card lists clients in this order.
    first: usize,
    /// The addresses (ports) it came from: one a connection, or a UDP socket.
    addresses: std::collections::BTreeSet<SocketAddr>,
    requests: u64,
}

impl AddPanel {
    pub fn new(tcp: bool, settings: AddSettings) -> Self {
        Self {
            tcp,
            settings,
            roles: Roles::default(),
            number_in_use: None,
            connected: 0,
            clients: BTreeMap::new(),
            last_result: None,
            last_served: None,
        }
    }

    fn transport(&self) -> &'static str {
        if self.tcp { "tcp" } else { "udp" }
    }

    /// The client's format, or why it cannot be used.
    fn client_format(&self) -> Result<WireFormat, String> {
        let c = &self.settings.client;
        if c.format == "template" {
            WireFormat::from_name(&c.template)
        } else {
            WireFormat::from_name(&c.format)
        }
    }

    /// The client's number, or why the form refuses it. A number outside the handout's range
    /// is sent (the handout's way to shut a lab server down), with [`Self::number_warning`].
    fn client_number(&self) -> Result<i64, String> {
        let text = self.settings.client.number.trim();
        text.parse::<i64>()
            .map_err(|_| t!("ex-add-number-invalid", min = NUMBER_MIN, max = NUMBER_MAX))
    }

    /// What an out-of-range number does, said beside the Send button.
    fn number_warning(&self) -> Option<String> {
        let n = self.client_number().ok().filter(|n| !in_range(*n))?;
        Some(t!(
            "ex-add-number-outside",
            number = n.to_string(),
            min = NUMBER_MIN,
            max = NUMBER_MAX
        ))
    }

    /// The client's name, or why the form refuses it.
    fn client_name(&self) -> Result<&str, String> {
        let name = &self.settings.client.name;
        if name.trim().is_empty() {
            Err(t!("ex-add-name-missing"))
        } else {
            Ok(name)
        }
    }

    /// Sends the client's request, if the form is valid.
    pub fn send(&mut self, waker: Option<Waker>) {
        let (Ok(_), Ok(number), Ok(format)) = (
            self.client_name(),
            self.client_number(),
            self.client_format(),
        ) else {
            return;
        };
        let c = &self.settings.client;
        let config = add::ClientConfig {
            conditions: if self.tcp {
                Default::default()
            } else {
                self.settings.network.for_client()
            },
            server: c.server.trim().to_owned(),
            name: c.name.clone(),
            number,
            format,
            timeout: DEFAULT_CLIENT_TIMEOUT,
            reset_on_close: false,
        };
        self.last_result = None;
        let runs: (RunFn<_>, RunFn<_>) = (add::run_tcp_client, add::run_udp_client);
        self.roles.client.start_either(
            &format!("{}-add client", self.transport()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }
}

impl ExercisePanel for AddPanel {
    fn network(&mut self) -> Option<&mut crate::gui::network::Network> {
        (!self.tcp).then_some(&mut self.settings.network)
    }

    /// Starts the server with the form's settings.
    fn start_server(&mut self, waker: Option<Waker>) {
        let s = &self.settings.server;
        let number = if s.random_number {
            crate::protocol::add::random_number()
        } else {
            s.number
        };
        let config = add::ServerConfig {
            conditions: if self.tcp {
                Default::default()
            } else {
                self.settings.network.for_server()
            },
            bind: SocketAddr::new(s.bind.ip(), s.port),
            max_connections: crate::net::MAX_CONNECTIONS,
            name: s.name.clone(),
            number,
            stop_on_out_of_range: s.stop_on_out_of_range,
        };
        self.number_in_use = Some(number);
        self.clients.clear();
        self.connected = 0;
        let runs: (RunFn<_>, RunFn<_>) = (add::run_tcp_server, add::run_udp_server);
        self.roles.server.start_either(
            &format!("{}-add server", self.transport()),
            waker,
            self.tcp,
            config,
            runs,
        );
    }

    /// Applies what the runners reported since the last frame.
    fn poll(&mut self) -> bool {
        for stamped in self.roles.server.drain() {
            match stamped.event {
                Event::Listening { local, .. } => self.roles.listening = Some(local),
                Event::Accepted { .. } => self.connected += 1,
                Event::Closed { .. } => self.connected = self.connected.saturating_sub(1),
                Event::Add(x) => {
                    self.last_served = Some(x.clone());
                    let first = self.clients.len();
                    let facts = self.clients.entry(x.client_name).or_insert(ClientFacts {
                        first,
                        addresses: Default::default(),
                        requests: 0,
                    });
                    facts.addresses.insert(x.peer);
                    facts.requests += 1;
                }
                Event::Finished(_) => {
                    self.roles.listening = None;
                    self.connected = 0;
                }
                _ => {}
            }
        }
        for stamped in self.roles.client.drain() {
            if let Event::Add(x) = stamped.event {
                self.last_result = Some(x);
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
        self.settings.server.port
    }

    fn settings(&self) -> PanelSettings {
        PanelSettings::Add(self.settings.clone())
    }

    fn reset_settings(&mut self) {
        self.settings = AddSettings::default();
    }

    fn server_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-server"));
        let running = self.roles.server.is_running();
        let salt = if self.tcp {
            "tcp add bind"
        } else {
            "udp add bind"
        };
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("server form")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let s = &mut self.settings.server;
                    labelled_text(ui, &t!("ex-add-server-name"), &mut s.name);
                    ui.end_row();

                    let label = ui.label(t!("ex-add-server-number"));
                    let mut error = None;
                    ui.horizontal(|ui| {
                        ui.checkbox(&mut s.random_number, t!("ex-add-random"));
                        if !s.random_number {
                            let (field, e) = number_field(
                                ui,
                                egui::Id::unique(("server number", salt)),
                                &mut s.number,
                                NUMBER_MIN..=NUMBER_MAX,
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

                    bind_port_rows(ui, salt, &mut s.bind, &mut s.port);
                });
            ui.checkbox(
                &mut self.settings.server.stop_on_out_of_range,
                t!("ex-add-stop-out-of-range"),
            );
        });
        let risky: String = self
            .settings
            .server
            .name
            .chars()
            .filter(|c| ",:;|\n".contains(*c))
            .collect();
        if !risky.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                t!("ex-add-name-risky", chars = format!("{risky:?}")),
            );
        }
        self.server_controls_ui(
            ui,
            waker,
            self.number_in_use
                .map(|n| t!("ex-add-number-this-run", number = n.to_string())),
        );
        if let Some(local) = self.roles.listening {
            reach_ui(ui, local);
            self.clients_ui(ui);
        }
        // The latest exchange, its sum readable from afar as the client's card has it.
        if let Some(x) = &self.last_served {
            ui.add(
                egui::Label::new(
                    RichText::new(t!(
                        "ex-add-latest",
                        client = x.client_name.as_str(),
                        client_number = x.client_number.to_string(),
                        server = x.server_name.as_str(),
                        server_number = x.server_number.to_string(),
                        sum = x.sum().to_string()
                    ))
                    .strong()
                    .size(18.0),
                )
                .wrap(),
            )
            .on_hover_text(t!("ex-add-latest-from", peer = x.peer.to_string()));
        }
        self.roles.server.views_ui(ui, &t!("ex-server"), true);
    }

    fn client_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>) {
        ui.heading(t!("ex-client"));
        // The field Enter was pressed in: Enter sends, and that field keeps the keyboard.
        let mut entered: Option<egui::Id> = None;
        egui::Grid::new("client form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let c = &mut self.settings.client;
                let r = server_address_row(ui, &mut c.server);
                if entered_by_enter(&r) {
                    entered = Some(r.id);
                }
                ui.end_row();
                for (label, text) in [
                    (t!("ex-add-client-name"), &mut c.name),
                    (t!("ex-add-client-number"), &mut c.number),
                ] {
                    let r = labelled_text(ui, &label, text);
                    if entered_by_enter(&r) {
                        entered = Some(r.id);
                    }
                    ui.end_row();
                }
                let label = ui.label(t!("ex-add-format"));
                egui::ComboBox::from_id_salt("format")
                    .selected_text(c.format.as_str())
                    .show_ui(ui, |ui| {
                        for name in FORMAT_NAMES.iter().chain(&["template"]) {
                            ui.selectable_value(&mut c.format, (*name).to_owned(), *name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                if c.format == "template" {
                    let r = labelled_text(ui, &t!("ex-add-template"), &mut c.template);
                    if entered_by_enter(&r) {
                        entered = Some(r.id);
                    }
                    ui.end_row();
                }
            });
        let name = self.client_name().map(str::to_owned);
        let number = self.client_number();
        let format = self.client_format();
        let problems: Vec<&String> = [
            name.as_ref().err(),
            number.as_ref().err(),
            format.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        .collect();
        for why in &problems {
            ui.add(
                egui::Label::new(RichText::new(why.as_str()).color(ui.visuals().error_fg_color))
                    .wrap(),
            );
        }
        match (&name, &number, &format) {
            (Ok(name), Ok(number), Ok(format)) => {
                let preview = crate::protocol::add::encode(format, name, *number)
                    .iter()
                    .map(|m| format!("\"{}\"", crate::protocol::escape_bytes(m)))
                    .reduce(|first, next| t!("ex-add-then", first = first, next = next))
                    .unwrap_or_default();
                ui.add(
                    egui::Label::new(
                        RichText::new(t!("ex-add-will-send", preview = preview))
                            .monospace()
                            .weak(),
                    )
                    .wrap(),
                );
            }
            _ => {
                ui.label(RichText::new(t!("ex-add-nothing-to-send")).weak());
            }
        }
        let valid = problems.is_empty();
        let mut send = entered.is_some();
        ui.horizontal(|ui| {
            let busy = self.roles.client.is_running();
            if ui
                .add_enabled(valid && !busy, egui::Button::new(t!("ex-send")))
                .clicked()
            {
                send = true;
            }
            if busy && ui.button(t!("cancel")).clicked() {
                self.roles.client.stop();
            }
        });
        if let Some(warning) = self.number_warning() {
            ui.add(
                egui::Label::new(RichText::new(warning).color(ui.visuals().warn_fg_color)).wrap(),
            );
        }
        if send && valid && !self.roles.client.is_running() {
            self.send(waker.clone());
        }
        if let Some(id) = entered {
            ui.memory_mut(|m| m.request_focus(id));
        }
        self.roles.client.status_ui(ui);
        if let Some(x) = &self.last_result {
            result_ui(ui, x);
        }
        self.roles.client.views_ui(ui, &t!("ex-client"), false);
    }
}

impl AddPanel {
    /// The server card's classroom facts: one line of totals, then each client by the name it
    /// sent, in a box of fixed height.
    fn clients_ui(&self, ui: &mut egui::Ui) {
        let requests: u64 = self.clients.values().map(|c| c.requests).sum();
        let links: u64 = self
            .clients
            .values()
            .map(|c| c.addresses.len() as u64)
            .sum();
        // Clients are told apart by the name they send: one program may connect many times.
        let names = self.clients.len() as u64;
        let summary = if self.tcp {
            t!(
                "ex-add-clients-tcp",
                names = names,
                names_shown = thousands(names),
                links = links,
                links_shown = thousands(links),
                requests = requests,
                requests_shown = thousands(requests),
                open = self.connected
            )
        } else {
            t!(
                "ex-add-clients-udp",
                names = names,
                names_shown = thousands(names),
                links = links,
                links_shown = thousands(links),
                requests = requests,
                requests_shown = thousands(requests)
            )
        };
        ui.label(RichText::new(summary).strong());
        if self.clients.is_empty() {
            return;
        }
        scroll_box(ui, "clients", list_height(ui), false, |ui| {
            egui::Grid::new("clients table")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    let mut in_order: Vec<(&String, &ClientFacts)> = self.clients.iter().collect();
                    in_order.sort_by_key(|(_, f)| f.first);
                    for (name, facts) in in_order {
                        ui.label(RichText::new(name).strong());
                        // Every port it came from, the latest last.
                        let ports: Vec<String> = facts
                            .addresses
                            .iter()
                            .map(|a| a.port().to_string())
                            .collect();
                        let ip = facts
                            .addresses
                            .iter()
                            .next()
                            .map(|a| a.ip().to_string())
                            .unwrap_or_default();
                        ui.label(
                            RichText::new(t!(
                                "ex-add-client-ports",
                                ip = ip,
                                ports = ports.join(", ")
                            ))
                            .monospace()
                            .weak(),
                        );
                        ui.label(t!(
                            "ex-add-requests",
                            count = facts.requests,
                            shown = thousands(facts.requests)
                        ));
                        ui.end_row();
                    }
                });
        });
    }
}

/// The result card: both names, both numbers and the sum, checked.
fn result_ui(ui: &mut egui::Ui, x: &AddExchange) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new("result").num_columns(2).show(ui, |ui| {
            ui.label(t!("ex-add-clients-name"));
            ui.label(RichText::new(&x.client_name).strong());
            ui.end_row();
            ui.label(t!("ex-add-servers-name"));
            ui.label(RichText::new(&x.server_name).strong());
            ui.end_row();
            ui.label(t!("ex-add-numbers"));
            ui.label(RichText::new(format!("{} + {}", x.client_number, x.server_number)).strong());
            ui.end_row();
            ui.label(t!("ex-add-sum"));
            let sum = x.sum();
            let ok = in_range(x.server_number);
            let (mark, note) = match x.reported_sum {
                Some(s) if i128::from(s) == sum => {
                    ("✔", t!("ex-add-sum-agrees", sum = s.to_string()))
                }
                Some(s) => ("✖", t!("ex-add-sum-said", sum = s.to_string())),
                None if ok => ("✔", t!("ex-add-sum-in-range")),
                None => ("✖", t!("ex-add-sum-out-of-range")),
            };
            ui.label(RichText::new(format!("{sum} {mark}")).strong().size(18.0))
                .on_hover_text(note);
            ui.end_row();
        });
    });
}
