//! Argument types the command lines share (`socklab ROLE …` and `socklab check …`).

use std::time::Duration;

/// A positive number of seconds, as `--timeout` takes it (a bad one is a usage error, exit 2).
#[derive(Clone, Copy, Debug)]
pub struct Seconds(pub Duration);

impl std::str::FromStr for Seconds {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && v > 0.0 => Ok(Self(Duration::from_secs_f64(v))),
            _ => Err(crate::t!("cli-not-seconds", text = format!("{text:?}"))),
        }
    }
}

impl std::fmt::Display for Seconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}
