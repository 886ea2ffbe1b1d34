//! The exercises socklab serves, named once: the [`Exercise`] enum that the command line, the
//! checker and the window share, the [`Role`] a side plays, and the registry [`EXERCISES`]
//! with what every part of the program says about an exercise (its transport, where it comes
//! from, its port). Its title and summary are messages of the catalogues (`assets/i18n/`),
//! under its name: `tcp-add-title`, `tcp-add-summary`.
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
    /// Whether it runs over TCP (else UDP).
    pub tcp: bool,
    /// The transport as the window names it beside the title.
    pub transport: &'static str,
    /// Where the exercise comes from, for the header line.
    pub source: &'static str,
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
        tcp: true,
        transport: "TCP",
        source: "Lab-02 §2 (TCP sockets)",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpAdd,
        name: "udp-add",
        tcp: false,
        transport: "UDP",
        source: "Lab-01 §3 (UDP sockets)",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::TcpFile,
        name: "tcp-file",
        tcp: true,
        transport: "TCP",
        source: "Lab-02 §3 (TCP sockets)",
        port: FILE_PORT,
        checked: true,
        client_args: "{host}:{port}:{remote} {local}",
    },
    Info {
        id: Exercise::UdpFile,
        name: "udp-file",
        tcp: false,
        transport: "UDP",
        source: "Lab-01 §4 (UDP sockets)",
        port: FILE_PORT,
        checked: true,
        client_args: "{host}:{port}:{remote} {local}",
    },
    Info {
        id: Exercise::TcpEcho,
        name: "tcp-echo",
        tcp: true,
        transport: "TCP",
        source: "ELEN4017 Lab 2 tasks 1-3; CMPU4021 T1 (cookbook)",
        port: ECHO_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpEcho,
        name: "udp-echo",
        tcp: false,
        transport: "UDP",
        source: "ELEN4017 Lab 2 task 4; CMPU4021 T2",
        port: ECHO_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::TcpUpper,
        name: "tcp-upper",
        tcp: true,
        transport: "TCP",
        source: "Kurose & Ross 2.7 TCPClient/TCPServer",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpUpper,
        name: "udp-upper",
        tcp: false,
        transport: "UDP",
        source: "Kurose & Ross 2.7 UDPClient/UDPServer",
        port: ADD_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::UdpGuess,
        name: "udp-guess",
        tcp: false,
        transport: "UDP",
        source: "CMPU4021 T3",
        port: GUESS_PORT,
        checked: true,
        client_args: "{host} {port}",
    },
    Info {
        id: Exercise::Tftp,
        name: "tftp",
        tcp: false,
        transport: "UDP (TFTP)",
        source: "beyond the handouts: RFC 1350, with RFC 2347-2349 and 7440",
        port: TFTP_PORT,
        // Beyond the handouts: no student program to check.
        checked: false,
        client_args: "{host} {port}",
    },
];

impl Info {
    /// Its title, in the language spoken now.
    pub fn title(&self) -> String {
        crate::i18n::tr(&format!("{}-title", self.name))
    }

    /// What it asks of each side, in the language spoken now.
    pub fn summary(&self) -> String {
        crate::i18n::tr(&format!("{}-summary", self.name))
    }
}

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
        EXERCISES
            .iter()
            .find(|i| i.id == self)
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
        self.info().tcp
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
