//! `udp-guess`: guess the server's secret, told HIGHER, LOWER or CORRECT.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::common::{BindArgs, NetworkArgs, OutputArgs, message_feed, run_role};
use crate::args::Seconds;
use crate::exercise::{Exercise, Role};
use crate::net::runner::RunFn;
use crate::net::{DEFAULT_CLIENT_TIMEOUT, guess};
use crate::protocol::text::HintStyle;

#[derive(Debug, Subcommand)]
pub enum GuessRole {
    /// Keep a secret 1..99 per client and answer HIGHER, LOWER or CORRECT.
    Server(GuessServerArgs),
    /// Send GUESSes (or lines from stdin), or play by halving the range with --auto.
    Client(GuessClientArgs),
}

#[derive(Debug, Args)]
pub struct GuessServerArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = guess::DEFAULT_GUESS_PORT)]
    pub port: u16,
    #[command(flatten)]
    pub bind: BindArgs,
    /// A fixed secret for every game [default: random 1..99 per game].
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..=99))]
    pub secret: Option<i64>,
    /// Reply spelling: "upper" (HIGHER/LOWER/CORRECT, as the handout) or "title" (Higher/Lower/Correct).
    #[arg(long, default_value = "upper", value_parser = ["upper", "title"])]
    pub style: String,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct GuessClientArgs {
    /// The server, as HOST:PORT.
    pub server: String,
    /// Guesses to send; none (and no --auto): lines from stdin.
    pub guesses: Vec<String>,
    /// Play by halving the range (at most 7 guesses for 1..99).
    #[arg(long, conflicts_with = "guesses")]
    pub auto: bool,
    /// Seconds to wait for each reply.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(DEFAULT_CLIENT_TIMEOUT))]
    pub timeout: Seconds,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `udp-guess`.
pub(super) fn run(role: GuessRole) -> ExitCode {
    match role {
        GuessRole::Server(args) => run_server(args),
        GuessRole::Client(args) => run_client(args),
    }
}

fn run_server(args: GuessServerArgs) -> ExitCode {
    let config = guess::ServerConfig {
        conditions: args.network.conditions(),
        bind: args.bind.at(args.port),
        secret: args.secret,
        style: if args.style == "title" {
            HintStyle::Title
        } else {
            HintStyle::Upper
        },
    };
    let runs: (RunFn<_>, RunFn<_>) = (guess::run_server, guess::run_server);
    run_role(Exercise::UdpGuess, Role::Server, config, runs, args.output)
}

fn run_client(args: GuessClientArgs) -> ExitCode {
    let config = guess::ClientConfig {
        conditions: args.network.conditions(),
        server: args.server,
        timeout: args.timeout.0,
        step_delay: std::time::Duration::ZERO,
    };
    if args.auto {
        let runs: (RunFn<_>, RunFn<_>) = (guess::run_auto_client, guess::run_auto_client);
        run_role(Exercise::UdpGuess, Role::Client, config, runs, args.output)
    } else {
        let feed = message_feed(args.guesses, Vec::new(), |line| line);
        let run: RunFn<_> = |(config, feed), r, s| guess::run_client(config, feed, r, s);
        run_role(
            Exercise::UdpGuess,
            Role::Client,
            (config, feed),
            (run, run),
            args.output,
        )
    }
}
