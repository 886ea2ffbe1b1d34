//! Entry point: no arguments opens the window; a subcommand runs headless.

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use socklab::cli::Cli;
use socklab::i18n::{self, Lang};

fn main() -> ExitCode {
    // The launcher that confines a program under test (see socklab::check::confine).
    if std::env::args_os().nth(1).is_some_and(|a| a == "__confine") {
        std::process::exit(socklab::check::confine::launch());
    }
    // The language is set before the arguments are parsed: a value that cannot be used
    // (`--timeout 0`) is explained while parsing, in the language asked for.
    i18n::set(lang_asked().unwrap_or_else(Lang::from_system));
    let cli = Cli::parse();
    i18n::set(cli.lang.unwrap_or_else(Lang::from_system));
    match cli.command {
        Some(command) => socklab::cli::run(command),
        None => open_window(),
    }
}

/// The language `--lang LANG` or `--lang=LANG` names, looked for before clap parses (a bad
/// name is left to clap to explain).
fn lang_asked() -> Option<Lang> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut named = None;
    for (i, arg) in args.iter().enumerate() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            named = Some(value.to_owned());
        } else if arg == "--lang" {
            named = args.get(i + 1).cloned();
        }
    }
    named.and_then(|name| Lang::from_str(&name, true).ok())
}

#[cfg(feature = "gui")]
fn open_window() -> ExitCode {
    match socklab::gui::run_window() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", socklab::t!("cli-window-failed", reason = e));
            eprintln!("{}", socklab::t!("cli-window-hint"));
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window() -> ExitCode {
    eprintln!("{}", socklab::t!("cli-no-window"));
    ExitCode::from(2)
}
