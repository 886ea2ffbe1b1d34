//! What the add forms remember between runs.

use serde::{Deserialize, Serialize};

use crate::net::addr::{BindChoice, DEFAULT_ADD_PORT, user_name};

/// What the server form remembers between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ServerSettings {
    pub name: String,
    /// Pick a new random number at each start (seed 000 asks for a random number).
    pub random_number: bool,
    pub number: i64,
    pub bind: BindChoice,
    pub port: u16,
    pub stop_on_out_of_range: bool,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            name: format!("Server of {}", user_name()),
            random_number: true,
            number: 50,
            bind: BindChoice::AllIpv4,
            port: DEFAULT_ADD_PORT,
            stop_on_out_of_range: true,
        }
    }
}

/// What the client form remembers between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ClientSettings {
    pub server: String,
    pub name: String,
    pub number: String,
    /// A name from [`FORMAT_NAMES`], or `"template"`.
    pub format: String,
    pub template: String,
}

impl Default for ClientSettings {
    fn default() -> Self {
        Self {
            server: format!("localhost:{DEFAULT_ADD_PORT}"),
            name: format!("Client of {}", user_name()),
            number: "42".into(),
            format: "comma".into(),
            template: "{name}: {number}\\n".into(),
        }
    }
}

/// Both forms' settings, persisted per transport.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AddSettings {
    pub server: ServerSettings,
    pub client: ClientSettings,
    /// UDP: the simulated network conditions.
    pub network: crate::gui::network::Network,
}
