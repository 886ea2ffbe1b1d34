//! The exercises socklab serves, named once: the [`Exercise`] enum that the command line, the
//! checker and the window share, the [`Role`] a side plays, and the registry [`EXERCISES`]
//! with what every part of the program says about an exercise (its title, where it comes
//! from, its port).
//!
//! An exercise's own code lives in one module per layer, named as the command line names the
//! exercise's family: `protocol::add`, `net::add`, `check::add`, `gui::exercises::add`.
//! Adding an exercise adds a variant here, its row in [`EXERCISES`], and its modules; the
//! compiler then names every `match` that must learn of it (none has a catch-all arm).

use serde::{Deserialize, Serialize};

/// Every exercise, in the order of the window's side list; on the command line by its
/// kebab-case name (`tcp-add`, `udp-guess`, `tftp`).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
pub enum Exercise {
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

/// The side a program plays in an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
pub enum Role {
    Server,
    Client,
}

impl Role {
    /// As the command line and the reports name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Server => "server",
            Self::Client => "client",
        }
    }
}

/// The port the add-two-numbers handouts and the textbook's uppercase examples use.
pub const ADD_PORT: u16 = 12000;
/// The port of the file-transfer forms and commands.
pub const FILE_PORT: u16 = 9000;
/// The port of the echo examples (one handout runs them with `--port=9900`).
pub const ECHO_PORT: u16 = 9900;
/// The port of the guess-the-number forms and commands.
pub const GUESS_PORT: u16 = 9999;
/// socklab's TFTP server's port (69 needs root).
pub const TFTP_PORT: u16 = 6969;

/// What socklab says about an exercise, wherever it says it.
#[derive(Debug)]
pub struct Info {
    pub id: Exercise,
    /// Its name on the command line, in reports and in saved settings (`tcp-add`).
    pub name: &'static str,
    pub title: &'static str,
    pub transport: &'static str,
    /// Where the exercise comes from, for the header line.
    pub source: &'static str,
    pub summary: &'static str,
    /// The port the handouts use for it.
    pub port: u16,
    /// Whether `socklab check` can grade a student's program of it.
    pub checked: bool,
    /// The arguments a handout's client takes, with `socklab check`'s placeholders (a
    /// handout's server takes `{port}`).
    pub client_args: &'static str,
}

/// The registry: one row per exercise, in the order of [`Exercise`].
pub const EXERCISES: &[Info] = &[
    Info {
        id: Exercise::TcpAdd,
        name: "tcp-add",
        title: "Add two numbers",
        transport: "TCP",
        source: "Lab-02 §2 (TCP sockets)",
        summary: "The client sends a name and a number from 1 to 100; the server replies with its own name and number, and both show the sum. An out-of-range number stops the server.",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpAdd,
        name: "udp-add",
        title: "Add two numbers",
        transport: "UDP",
        source: "Lab-01 §3 (UDP sockets)",
        summary: "The same exchange in datagrams: one request, one reply, no connection. An out-of-range number stops the server.",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::TcpFile,
        name: "tcp-file",
        title: "File transfer",
        transport: "TCP",
        source: "Lab-02 §3 (TCP sockets)",
        summary: "The client sends a file name; the server sends the file in 1024-byte blocks and closes the connection. Compare both files afterwards.",
        port: FILE_PORT,
        checked: true,
        client_args: "{host}:{port}:{remote} {local}",
    },
    Info {
        id: Exercise::UdpFile,
        name: "udp-file",
        title: "File transfer",
        transport: "UDP",
        source: "Lab-01 §4 (UDP sockets)",
        summary: "The client sends a file name in one datagram; the server answers with 2048-byte datagrams, and the first shorter one ends the file.",
        port: FILE_PORT,
        checked: true,
        client_args: "{host}:{port}:{remote} {local}",
    },
    Info {
        id: Exercise::TcpEcho,
        name: "tcp-echo",
        title: "Echo",
        transport: "TCP",
        source: "ELEN4017 Lab 2 tasks 1-3; CMPU4021 T1 (cookbook)",
        summary: "The server sends back whatever it receives, at once. A session carries many messages until the client sends a stop word. The cookbook test reads the echo in 16-byte receives: TCP is a stream.",
        port: ECHO_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpEcho,
        name: "udp-echo",
        title: "Echo",
        transport: "UDP",
        source: "ELEN4017 Lab 2 task 4; CMPU4021 T2",
        summary: "Each datagram comes back unchanged, from 0 to 65,507 bytes. No connection: every message stands alone.",
        port: ECHO_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::TcpUpper,
        name: "tcp-upper",
        title: "Uppercase",
        transport: "TCP",
        source: "Kurose & Ross 2.7 TCPClient/TCPServer",
        summary: "The textbook example the labs start from: the client sends a sentence, the server replies with it in capitals.",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpUpper,
        name: "udp-upper",
        title: "Uppercase",
        transport: "UDP",
        source: "Kurose & Ross 2.7 UDPClient/UDPServer",
        summary: "The textbook example over UDP: one datagram with a sentence, one datagram back in capitals.",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpGuess,
        name: "udp-guess",
        title: "Guess the number",
        transport: "UDP",
        source: "CMPU4021 T3",
        summary: "The server keeps a secret from 1 to 99 for each client and answers every guess with HIGHER, LOWER or CORRECT. Halving the range always wins within 7 guesses.",
        port: GUESS_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::Tftp,
        name: "tftp",
        title: "Reliable file transfer",
        transport: "UDP (TFTP)",
        source: "beyond the handouts: RFC 1350, with RFC 2347-2349 and 7440",
        summary: "The UDP transfer made reliable: every block is numbered and acknowledged, and a lost one is sent again. Try it under the same network conditions as the lab transfer.",
        port: TFTP_PORT,
        // Beyond the handouts: no student program to check.
        checked: false,
        client_args: "{host} {port}",
    },
];

impl Exercise {
    /// Every exercise, in the registry's order.
    pub fn all() -> impl Iterator<Item = Self> {
        EXERCISES.iter().map(|i| i.id)
    }

    /// The exercises `socklab check` grades.
    pub fn graded() -> impl Iterator<Item = Self> {
        EXERCISES.iter().filter(|i| i.checked).map(|i| i.id)
    }

    /// Its row in the registry.
    pub fn info(self) -> &'static Info {
        // The registry lists the variants in order; the search is the fallback should the two
        // ever part (a test below keeps them together).
        EXERCISES
            .get(self as usize)
            .filter(|i| i.id == self)
            .or_else(|| EXERCISES.iter().find(|i| i.id == self))
            .unwrap_or(&EXERCISES[0])
    }

    /// Its command-line name (`tcp-add`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The exercise a command-line name names.
    pub fn from_name(name: &str) -> Option<Self> {
        EXERCISES.iter().find(|i| i.name == name).map(|i| i.id)
    }

    /// Whether it runs over TCP.
    pub fn tcp(self) -> bool {
        self.info().transport == "TCP"
    }

    /// The port the handouts use for it.
    pub fn default_port(self) -> u16 {
        self.info().port
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn the_registry_lists_every_exercise_once_in_the_order_of_the_enum() {
        let listed: Vec<Exercise> = Exercise::all().collect();
        assert_eq!(listed, Exercise::value_variants());
        for (i, e) in Exercise::value_variants().iter().enumerate() {
            assert_eq!(*e as usize, i);
        }
    }

    #[test]
    fn an_exercise_is_named_alike_on_the_command_line_and_in_the_registry() {
        for e in Exercise::value_variants() {
            let value = e.to_possible_value().map(|v| v.get_name().to_owned());
            assert_eq!(value.as_deref(), Some(e.name()));
            assert_eq!(Exercise::from_name(e.name()), Some(*e));
        }
    }

    #[test]
    fn tftp_is_the_only_exercise_check_does_not_grade() {
        let unchecked: Vec<Exercise> = Exercise::all()
            .filter(|e| !Exercise::graded().any(|c| c == *e))
            .collect();
        assert_eq!(unchecked, [Exercise::Tftp]);
        assert!(Exercise::TcpUpper.tcp() && !Exercise::UdpGuess.tcp() && !Exercise::Tftp.tcp());
    }
}
