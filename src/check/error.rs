//! Why a check run could not run at all.

use super::{ports, program};
use crate::exercise::Exercise;

/// Why no check could run.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("{0}")]
    Start(#[from] program::StartError),
    /// socklab's own side could not start (no thread, no scratch folder).
    #[error("{0}")]
    Peer(String),
    /// Something already holds the port the check needs: it would be graded, or socklab could
    /// not play its side.
    #[error("{}", crate::t!("check-port-busy", port = *port, holder = holder.to_string()))]
    PortBusy { port: u16, holder: ports::Holder },
    /// An exercise with no checks (beyond the handouts: no student writes it).
    #[error("{}", crate::t!("check-not-graded", exercise = .0.name(), graded = graded_names()))]
    NotGraded(Exercise),
}

/// The exercises `socklab check` grades, by name.
pub fn graded_names() -> String {
    Exercise::graded()
        .map(Exercise::name)
        .collect::<Vec<_>>()
        .join(", ")
}
