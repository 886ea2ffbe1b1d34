//! The command line: each subcommand starts one runner and prints its events, as human lines or
//! as one JSON object per line (`--json`).
//!
//! One file per exercise family, named as the other layers name it (`add`, `file`, `talk` for
//! echo and upper, `guess`, `tftp`), with its roles' arguments and the code that starts them;
//! `common` holds the flags and helpers they share, `print` the event printer, `interrupt`
//! the Ctrl-C handler.
//!
//! Exit codes: 0 success, 1 a network or protocol failure (one line on stderr), 2 bad usage.

mod add;
mod common;
mod file;
mod guess;
mod interrupt;
mod print;
mod talk;
mod tftp;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::check::cli::CheckArgs;
use crate::exercise::Exercise;

pub use add::{AddClientArgs, AddRole, AddServerArgs};
pub use common::{BindArgs, ConnectionsArgs, FolderArgs, NetworkArgs, OutputArgs};
pub use file::{FileClientArgs, FileRole, FileServerArgs};
pub use guess::{GuessClientArgs, GuessRole, GuessServerArgs};
pub use print::print_human;
pub use talk::{
    EchoClientArgs, EchoRole, EchoServerArgs, UpperClientArgs, UpperRole, UpperServerArgs,
};
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

/// Runs a parsed command to its end.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::TcpAdd { role } => add::run(role, Exercise::TcpAdd),
        Command::UdpAdd { role } => add::run(role, Exercise::UdpAdd),
        Command::TcpFile { role } => file::run(role, Exercise::TcpFile),
        Command::UdpFile { role } => file::run(role, Exercise::UdpFile),
        Command::TcpEcho { role } => talk::run_echo(role, Exercise::TcpEcho),
        Command::UdpEcho { role } => talk::run_echo(role, Exercise::UdpEcho),
        Command::TcpUpper { role } => talk::run_upper(role, Exercise::TcpUpper),
        Command::UdpUpper { role } => talk::run_upper(role, Exercise::UdpUpper),
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
