//! Entry point: no arguments opens the window; a subcommand runs headless.

use std::process::ExitCode;

use clap::Parser;
use socklab::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => socklab::cli::run(command),
        None => match socklab::gui::run_window() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot open the window: {e}");
                eprintln!("hint: a subcommand runs without a window; see `socklab --help`");
                ExitCode::from(1)
            }
        },
    }
}
