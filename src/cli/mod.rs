//! The command line: each subcommand starts one runner and prints its events, as human lines or
//! as one JSON object per line (`--json`).
//!
//! One file per exercise family, named as the other layers name it (`add`, `file`, `echo` for
//! echo and upper, `guess`, `tftp`), with its roles' arguments and the code that starts them;
//! `common` holds the flags and helpers they share, `print` the event printer, `interrupt`
//! the Ctrl-C handler.
//!
//! Exit codes: 0 success, 1 a network or protocol failure (one line on stderr), 2 bad usage.

mod add;
mod common;
mod echo;
mod file;
mod guess;
mod interrupt;
mod print;
mod tftp;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::check::cli::CheckArgs;
use crate::exercise::Exercise;

pub use add::{AddClientArgs, AddRole, AddServerArgs};
pub use common::{BindArgs, ConnectionsArgs, FolderArgs, NetworkArgs, OutputArgs};
pub use echo::{
    EchoClientArgs, EchoRole, EchoServerArgs, UpperClientArgs, UpperRole, UpperServerArgs,
};
pub use file::{FileClientArgs, FileRole, FileServerArgs};
pub use guess::{GuessClientArgs, GuessRole, GuessServerArgs};
pub use print::print_human;
pub use tftp::{TftpClientArgs, TftpRole, TftpServerArgs};

#[derive(Debug, Parser)]
#[command(
    name = "socklab",
    version,
    about = "Reference client and server for socket-programming labs.",
    long_about = "Reference client and server for socket-programming labs.\n\nWith no subcommand, opens the window."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language socklab speaks: en-US, pt-PT, pt-BR or es [default: the system's, from
    /// LC_ALL, LC_MESSAGES or LANG].
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add two numbers over TCP: a name and an integer 1..100, answered with the server's.
    TcpAdd {
        #[command(subcommand)]
        role: AddRole,
    },
    /// Add two numbers over UDP: a name and an integer 1..100, answered with the server's.
    UdpAdd {
        #[command(subcommand)]
        role: AddRole,
    },
    /// File transfer over TCP: the server streams the file in 1024-byte blocks, then closes.
    TcpFile {
        #[command(subcommand)]
        role: FileRole,
    },
    /// File transfer over UDP: 2048-byte datagrams; the first shorter one ends the file.
    UdpFile {
        #[command(subcommand)]
        role: FileRole,
    },
    /// Echo over TCP: the server sends back every message at once; a stop word ends a session.
    TcpEcho {
        #[command(subcommand)]
        role: EchoRole,
    },
    /// Echo over UDP: each datagram comes back unchanged (0 to 65,507 bytes).
    UdpEcho {
        #[command(subcommand)]
        role: EchoRole,
    },
    /// The textbook example over TCP: the server replies with the sentence upper-cased.
    TcpUpper {
        #[command(subcommand)]
        role: UpperRole,
    },
    /// The textbook example over UDP: the server replies with the sentence upper-cased.
    UdpUpper {
        #[command(subcommand)]
        role: UpperRole,
    },
    /// Guess the number over UDP: HIGHER, LOWER or CORRECT for each guess.
    UdpGuess {
        #[command(subcommand)]
        role: GuessRole,
    },
    /// Reliable file transfer over UDP: TFTP (RFC 1350, with blksize, timeout, tsize and
    /// windowsize), the real protocol behind the UDP lab transfer.
    Tftp {
        #[command(subcommand)]
        role: TftpRole,
    },
    /// Check a student's program against the handout: socklab runs it, plays the other role,
    /// and reports each check with its evidence (exit 0 all required checks passed, 1 one
    /// failed, 2 the program could not be run).
    ///
    /// The program runs with your rights, as if you started it by hand, in a scratch copy of
    /// its folder; its whole process group is killed after each case.
    #[command(after_help = "Example: socklab check tcp-add server -- python3 TCPserver.py {port}")]
    Check(Box<CheckArgs>),
    /// Compare two files byte by byte (exit 0 identical, 1 different, 2 error).
    Compare {
        file_a: std::path::PathBuf,
        file_b: std::path::PathBuf,
    },
}

impl Command {
    /// The exercise the command runs a role of; none for `check` and `compare`.
    pub fn exercise(&self) -> Option<Exercise> {
        match self {
            Self::TcpAdd { .. } => Some(Exercise::TcpAdd),
            Self::UdpAdd { .. } => Some(Exercise::UdpAdd),
            Self::TcpFile { .. } => Some(Exercise::TcpFile),
            Self::UdpFile { .. } => Some(Exercise::UdpFile),
            Self::TcpEcho { .. } => Some(Exercise::TcpEcho),
            Self::UdpEcho { .. } => Some(Exercise::UdpEcho),
            Self::TcpUpper { .. } => Some(Exercise::TcpUpper),
            Self::UdpUpper { .. } => Some(Exercise::UdpUpper),
            Self::UdpGuess { .. } => Some(Exercise::UdpGuess),
            Self::Tftp { .. } => Some(Exercise::Tftp),
            Self::Check(_) | Self::Compare { .. } => None,
        }
    }
}

/// Runs a parsed command to its end.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::TcpAdd { role } => add::run(role, Exercise::TcpAdd),
        Command::UdpAdd { role } => add::run(role, Exercise::UdpAdd),
        Command::TcpFile { role } => file::run(role, Exercise::TcpFile),
        Command::UdpFile { role } => file::run(role, Exercise::UdpFile),
        Command::TcpEcho { role } => echo::run_echo(role, Exercise::TcpEcho),
        Command::UdpEcho { role } => echo::run_echo(role, Exercise::UdpEcho),
        Command::TcpUpper { role } => echo::run_upper(role, Exercise::TcpUpper),
        Command::UdpUpper { role } => echo::run_upper(role, Exercise::UdpUpper),
        Command::UdpGuess { role } => guess::run(role),
        Command::Tftp { role } => tftp::run(role),
        Command::Check(args) => crate::check::cli::run(*args),
        Command::Compare { file_a, file_b } => compare(&file_a, &file_b),
    }
}

/// `socklab compare`: exit 0 identical, 1 different, 2 either could not be read.
fn compare(file_a: &std::path::Path, file_b: &std::path::Path) -> ExitCode {
    match crate::files::compare_files(file_a, file_b) {
        Ok(result) => {
            println!("{result}");
            if matches!(result, crate::files::Comparison::Identical { .. }) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            print::print_error(&e);
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, ValueEnum};

    /// The subcommands that run no exercise.
    const TOOLS: [&str; 2] = ["check", "compare"];

    #[test]
    fn every_exercise_has_a_subcommand_of_its_name_and_every_other_subcommand_is_a_tool() {
        let cli = Cli::command();
        let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
        for e in Exercise::value_variants() {
            assert!(names.contains(&e.name()), "no subcommand {}", e.name());
        }
        for name in &names {
            assert!(
                TOOLS.contains(name) || Exercise::from_name(name).is_some(),
                "the subcommand {name} is neither an exercise nor one of {TOOLS:?}"
            );
        }
    }

    #[test]
    fn a_parsed_command_names_the_exercise_of_its_subcommand() {
        let cli = Cli::command();
        for e in Exercise::value_variants() {
            let server = cli
                .find_subcommand(e.name())
                .and_then(|c| c.find_subcommand("server"))
                .unwrap_or_else(|| panic!("no `{} server`", e.name()));
            // A server's required arguments (a file server's port) are given 0.
            let required = server
                .get_positionals()
                .filter(|a| a.is_required_set())
                .count();
            let mut args = vec!["socklab", e.name(), "server"];
            args.extend(std::iter::repeat_n("0", required));
            let parsed = Cli::try_parse_from(&args).unwrap_or_else(|err| panic!("{args:?}: {err}"));
            let exercise = parsed.command.and_then(|c| c.exercise());
            assert_eq!(exercise, Some(*e), "{args:?}");
        }
        let tools: [&[&str]; 2] = [
            &[
                "socklab", "check", "tcp-add", "server", "--", "python3", "s.py",
            ],
            &["socklab", "compare", "a.txt", "b.txt"],
        ];
        for args in tools {
            let parsed = Cli::try_parse_from(args).unwrap_or_else(|err| panic!("{args:?}: {err}"));
            let command = parsed
                .command
                .unwrap_or_else(|| panic!("{args:?}: no command"));
            assert_eq!(command.exercise(), None, "{args:?}");
        }
    }
}
