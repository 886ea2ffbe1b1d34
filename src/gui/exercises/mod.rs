//! The exercises the window offers: one table row each, one form module each.

pub mod add;
pub mod file;
pub mod guess;
pub mod talk;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use self::add::{AddPanel, AddSettings};
use self::file::{FilePanel, FileSettings};
use self::guess::{GuessPanel, GuessSettings};
use self::talk::{TalkPanel, TalkSettings};
use crate::gui::dialogs::FilePicker;
use crate::net::talk::Service;

use crate::gui::run_slot::RunSlot;
use crate::gui::widgets::SIDE_BY_SIDE_MIN_WIDTH;
use crate::net::runner::Waker;

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
                if ui.button("⏹ Stop server").clicked() {
                    self.stop_server();
                }
                if let Some(note) = running_note {
                    ui.label(note);
                }
            } else if ui.button("▶ Start server").clicked() {
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

/// Every exercise, in the order of the side list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExerciseId {
    TcpAdd,
    UdpAdd,
    TcpFile,
    UdpFile,
    TcpEcho,
    UdpEcho,
    TcpUpper,
    UdpUpper,
    UdpGuess,
    Tftp,
}

/// A panel's own settings, as the window saves them.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelSettings {
    Add(AddSettings),
    File(FileSettings),
    Talk(TalkSettings),
    Guess(GuessSettings),
}

/// Makes an exercise's panel from its saved settings (None: settings of another kind).
pub fn build_panel(
    id: ExerciseId,
    settings: PanelSettings,
    picker: &Arc<dyn FilePicker>,
) -> Option<Box<dyn ExercisePanel>> {
    use ExerciseId as E;
    use PanelSettings as S;
    let panel: Box<dyn ExercisePanel> = match (id, settings) {
        (E::TcpAdd, S::Add(s)) => Box::new(AddPanel::new(true, s)),
        (E::UdpAdd, S::Add(s)) => Box::new(AddPanel::new(false, s)),
        (E::TcpFile, S::File(s)) => Box::new(FilePanel::new(true, s, Arc::clone(picker))),
        (E::UdpFile, S::File(s)) => Box::new(FilePanel::new(false, s, Arc::clone(picker))),
        (E::Tftp, S::File(s)) => Box::new(FilePanel::new_tftp(s, Arc::clone(picker))),
        (E::TcpEcho, S::Talk(s)) => Box::new(TalkPanel::new(true, Service::Echo, s)),
        (E::UdpEcho, S::Talk(s)) => Box::new(TalkPanel::new(false, Service::Echo, s)),
        (E::TcpUpper, S::Talk(s)) => Box::new(TalkPanel::new(true, Service::Upper, s)),
        (E::UdpUpper, S::Talk(s)) => Box::new(TalkPanel::new(false, Service::Upper, s)),
        (E::UdpGuess, S::Guess(s)) => Box::new(GuessPanel::new(s)),
        _ => return None,
    };
    Some(panel)
}

/// What the side list shows for an exercise.
pub struct ExerciseInfo {
    pub id: ExerciseId,
    pub title: &'static str,
    pub transport: &'static str,
    /// Where the exercise comes from, for the header line.
    pub source: &'static str,
    pub summary: &'static str,
}

/// The side list, one row per exercise; adding an exercise adds a row here.
pub const EXERCISES: &[ExerciseInfo] = &[
    ExerciseInfo {
        id: ExerciseId::TcpAdd,
        title: "Add two numbers",
        transport: "TCP",
        source: "Lab-02 §2 (TCP sockets)",
        summary: "The client sends a name and a number from 1 to 100; the server replies with its own name and number, and both show the sum. An out-of-range number stops the server.",
    },
    ExerciseInfo {
        id: ExerciseId::UdpAdd,
        title: "Add two numbers",
        transport: "UDP",
        source: "Lab-01 §3 (UDP sockets)",
        summary: "The same exchange in datagrams: one request, one reply, no connection. An out-of-range number stops the server.",
    },
    ExerciseInfo {
        id: ExerciseId::TcpFile,
        title: "File transfer",
        transport: "TCP",
        source: "Lab-02 §3 (TCP sockets)",
        summary: "The client sends a file name; the server sends the file in 1024-byte blocks and closes the connection. Compare both files afterwards.",
    },
    ExerciseInfo {
        id: ExerciseId::UdpFile,
        title: "File transfer",
        transport: "UDP",
        source: "Lab-01 §4 (UDP sockets)",
        summary: "The client sends a file name in one datagram; the server answers with 2048-byte datagrams, and the first shorter one ends the file.",
    },
    ExerciseInfo {
        id: ExerciseId::TcpEcho,
        title: "Echo",
        transport: "TCP",
        source: "ELEN4017 Lab 2 tasks 1-3; CMPU4021 T1 (cookbook)",
        summary: "The server sends back whatever it receives, at once. A session carries many messages until the client sends a stop word. The cookbook test reads the echo in 16-byte receives: TCP is a stream.",
    },
    ExerciseInfo {
        id: ExerciseId::UdpEcho,
        title: "Echo",
        transport: "UDP",
        source: "ELEN4017 Lab 2 task 4; CMPU4021 T2",
        summary: "Each datagram comes back unchanged, from 0 to 65,507 bytes. No connection: every message stands alone.",
    },
    ExerciseInfo {
        id: ExerciseId::TcpUpper,
        title: "Uppercase",
        transport: "TCP",
        source: "Kurose & Ross 2.7 TCPClient/TCPServer",
        summary: "The textbook example the labs start from: the client sends a sentence, the server replies with it in capitals.",
    },
    ExerciseInfo {
        id: ExerciseId::UdpUpper,
        title: "Uppercase",
        transport: "UDP",
        source: "Kurose & Ross 2.7 UDPClient/UDPServer",
        summary: "The textbook example over UDP: one datagram with a sentence, one datagram back in capitals.",
    },
    ExerciseInfo {
        id: ExerciseId::UdpGuess,
        title: "Guess the number",
        transport: "UDP",
        source: "CMPU4021 T3",
        summary: "The server keeps a secret from 1 to 99 for each client and answers every guess with HIGHER, LOWER or CORRECT. Halving the range always wins within 7 guesses.",
    },
    ExerciseInfo {
        id: ExerciseId::Tftp,
        title: "Reliable file transfer",
        transport: "UDP (TFTP)",
        source: "beyond the handouts: RFC 1350, with RFC 2347-2349 and 7440",
        summary: "The UDP transfer made reliable: every block is numbered and acknowledged, and a lost one is sent again. Try it under the same network conditions as the lab transfer.",
    },
];

impl ExerciseId {
    /// The same exercise as `socklab check` names it.
    pub fn checked(self) -> Option<crate::check::Exercise> {
        use crate::check::Exercise as E;
        Some(match self {
            Self::TcpAdd => E::TcpAdd,
            Self::UdpAdd => E::UdpAdd,
            Self::TcpFile => E::TcpFile,
            Self::UdpFile => E::UdpFile,
            Self::TcpEcho => E::TcpEcho,
            Self::UdpEcho => E::UdpEcho,
            Self::TcpUpper => E::TcpUpper,
            Self::UdpUpper => E::UdpUpper,
            Self::UdpGuess => E::UdpGuess,
            // Beyond the handouts: no student program to check.
            Self::Tftp => return None,
        })
    }

    pub fn info(self) -> &'static ExerciseInfo {
        EXERCISES
            .iter()
            .find(|e| e.id == self)
            .unwrap_or(&EXERCISES[0])
    }
}
