//! Entry point: no arguments opens the window; a subcommand runs headless.

use std::process::ExitCode;

use clap::Parser;
use socklab::cli::Cli;

fn main() -> ExitCode {
    // The launcher that confines a program under test (see socklab::check::confine).
    if std::env::args_os().nth(1).is_some_and(|a| a == "__confine") {
        std::process::exit(socklab::check::confine::launch());
    }
    let cli = Cli::parse();
    socklab::i18n::set(cli.lang.unwrap_or_else(socklab::i18n::Lang::from_system));
    match cli.command {
        Some(command) => socklab::cli::run(command),
        None => open_window(),
    }
}

#[cfg(feature = "gui")]
fn open_window() -> ExitCode {
    match socklab::gui::run_window() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}");
            eprintln!("hint: a subcommand runs without a window; see `socklab --help`");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window() -> ExitCode {
    eprintln!(
        "error: this socklab was built without the window (feature \"gui\"); see `socklab --help`"
    );
    ExitCode::from(2)
}
