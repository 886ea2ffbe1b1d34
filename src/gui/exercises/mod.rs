//! The exercises the window offers: one table row each, one form module each.

pub mod add;
pub mod file;

use serde::{Deserialize, Serialize};

/// Every exercise, in the order of the side list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExerciseId {
    TcpAdd,
    UdpAdd,
    TcpFile,
    UdpFile,
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
];

impl ExerciseId {
    pub fn info(self) -> &'static ExerciseInfo {
        EXERCISES
            .iter()
            .find(|e| e.id == self)
            .unwrap_or(&EXERCISES[0])
    }
}
