//! What the echo and uppercase forms remember between runs.

use serde::{Deserialize, Serialize};

use crate::net::addr::{BindChoice, DEFAULT_ADD_PORT};
use crate::net::echo::{DEFAULT_ECHO_PORT, Service};
use crate::protocol::text::DEFAULT_STOP_WORDS;

/// What the forms remember between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct EchoSettings {
    pub bind: BindChoice,
    pub port: u16,
    /// Comma-separated stop words (echo).
    pub stop_words: String,
    pub server: String,
    pub draft: String,
    /// UDP: the simulated network conditions.
    pub network: crate::gui::network::Network,
}

impl EchoSettings {
    pub fn for_service(service: Service) -> Self {
        let port = match service {
            Service::Echo => DEFAULT_ECHO_PORT,
            Service::Upper => DEFAULT_ADD_PORT,
        };
        Self {
            bind: BindChoice::AllIpv4,
            port,
            stop_words: DEFAULT_STOP_WORDS.join(", "),
            server: format!("localhost:{port}"),
            draft: String::new(),
            network: crate::gui::network::Network::default(),
        }
    }
}

impl Default for EchoSettings {
    fn default() -> Self {
        Self::for_service(Service::Echo)
    }
}
