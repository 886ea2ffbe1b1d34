//! What the window remembers between runs: its own view and every exercise's forms. The
//! panels know only their own settings ([`PanelSettings`]); this module maps them to the saved
//! whole, so that nothing here and in the panels imports the other both ways.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::check_panel::CheckSettings;
use super::exercises::add::AddSettings;
use super::exercises::echo::EchoSettings;
use super::exercises::file::FileSettings;
use super::exercises::guess::GuessSettings;
use super::exercises::{ExerciseId, PanelSettings};
use crate::i18n::Lang;
use crate::net::echo::Service;

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
    /// Projector mode: the exercise list is hidden and the page has the whole width.
    pub projector: bool,
    /// The language of the window; None follows the system's.
    pub language: Option<Lang>,
    pub tcp_add: AddSettings,
    pub udp_add: AddSettings,
    pub tcp_file: FileSettings,
    pub udp_file: FileSettings,
    pub tcp_echo: EchoSettings,
    pub udp_echo: EchoSettings,
    pub tcp_upper: EchoSettings,
    pub udp_upper: EchoSettings,
    pub udp_guess: GuessSettings,
    /// Reliable file transfer over UDP (TFTP).
    pub tftp: FileSettings,
    /// Each exercise's Check section, by the exercise's command-line name.
    pub checks: BTreeMap<String, CheckSettings>,
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
    pub(crate) fn preference(self) -> egui::ThemePreference {
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
            projector: false,
            language: None,
            tcp_add: AddSettings::default(),
            udp_add: AddSettings::default(),
            tcp_file: FileSettings::default(),
            udp_file: FileSettings::default(),
            tcp_echo: EchoSettings::for_service(Service::Echo),
            udp_echo: EchoSettings::for_service(Service::Echo),
            tcp_upper: EchoSettings::for_service(Service::Upper),
            udp_upper: EchoSettings::for_service(Service::Upper),
            udp_guess: GuessSettings::default(),
            tftp: FileSettings::tftp(),
            checks: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The saved forms of exercise `id`.
    pub fn panel(&self, id: ExerciseId) -> PanelSettings {
        use ExerciseId as E;
        match id {
            E::TcpAdd => PanelSettings::Add(self.tcp_add.clone()),
            E::UdpAdd => PanelSettings::Add(self.udp_add.clone()),
            E::TcpFile => PanelSettings::File(self.tcp_file.clone()),
            E::UdpFile => PanelSettings::File(self.udp_file.clone()),
            E::Tftp => PanelSettings::File(self.tftp.clone()),
            E::TcpEcho => PanelSettings::Echo(self.tcp_echo.clone()),
            E::UdpEcho => PanelSettings::Echo(self.udp_echo.clone()),
            E::TcpUpper => PanelSettings::Echo(self.tcp_upper.clone()),
            E::UdpUpper => PanelSettings::Echo(self.udp_upper.clone()),
            E::UdpGuess => PanelSettings::Guess(self.udp_guess.clone()),
        }
    }

    /// Keeps the forms of exercise `id` (settings of another exercise's kind are ignored).
    pub fn store(&mut self, id: ExerciseId, panel: PanelSettings) {
        use ExerciseId as E;
        use PanelSettings as S;
        // Over the exercise, so that the compiler names this match when one is added.
        match id {
            E::TcpAdd => {
                if let S::Add(s) = panel {
                    self.tcp_add = s;
                }
            }
            E::UdpAdd => {
                if let S::Add(s) = panel {
                    self.udp_add = s;
                }
            }
            E::TcpFile => {
                if let S::File(s) = panel {
                    self.tcp_file = s;
                }
            }
            E::UdpFile => {
                if let S::File(s) = panel {
                    self.udp_file = s;
                }
            }
            E::Tftp => {
                if let S::File(s) = panel {
                    self.tftp = s;
                }
            }
            E::TcpEcho => {
                if let S::Echo(s) = panel {
                    self.tcp_echo = s;
                }
            }
            E::UdpEcho => {
                if let S::Echo(s) = panel {
                    self.udp_echo = s;
                }
            }
            E::TcpUpper => {
                if let S::Echo(s) = panel {
                    self.tcp_upper = s;
                }
            }
            E::UdpUpper => {
                if let S::Echo(s) = panel {
                    self.udp_upper = s;
                }
            }
            E::UdpGuess => {
                if let S::Guess(s) = panel {
                    self.udp_guess = s;
                }
            }
        }
    }
}
