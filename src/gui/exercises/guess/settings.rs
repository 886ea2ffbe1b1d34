//! What the guess forms remember between runs.

use serde::{Deserialize, Serialize};

use crate::net::addr::BindChoice;
use crate::net::guess::DEFAULT_GUESS_PORT;
use crate::protocol::text::HintStyle;

/// Auto-play's default pause between guesses: slow enough for a class to follow.
pub const DEFAULT_STEP_DELAY_SECS: f32 = 0.6;
/// Auto-play's longest pause between guesses.
pub const MAX_STEP_DELAY_SECS: f32 = 5.0;

/// What the forms remember between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct GuessSettings {
    pub bind: BindChoice,
    pub port: u16,
    pub random_secret: bool,
    pub secret: i64,
    pub style: HintStyle,
    pub server: String,
    pub draft: String,
    /// Seconds Auto-play waits between guesses (0 plays at once).
    pub step_delay_secs: f32,
    /// UDP: the simulated network conditions.
    pub network: crate::gui::network::Network,
}

impl Default for GuessSettings {
    fn default() -> Self {
        Self {
            bind: BindChoice::AllIpv4,
            port: DEFAULT_GUESS_PORT,
            random_secret: true,
            secret: 42,
            style: HintStyle::Upper,
            server: format!("localhost:{DEFAULT_GUESS_PORT}"),
            draft: String::new(),
            step_delay_secs: DEFAULT_STEP_DELAY_SECS,
            network: crate::gui::network::Network::default(),
        }
    }
}
