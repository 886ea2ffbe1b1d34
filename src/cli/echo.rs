//! The text exercises, served by `net::echo`: `tcp-echo` and `udp-echo` (every message comes
//! back unchanged), `tcp-upper` and `udp-upper` (it comes back in capitals).

use std::process::ExitCode;

use clap::{Args, Subcommand};
use crossbeam_channel::Receiver;

use super::common::{
    BindArgs, ConnectionsArgs, NetworkArgs, OutputArgs, message_feed, network_of_role, run_role,
    udp_only,
};
use crate::args::Seconds;
use crate::exercise::{Exercise, Role};
use crate::net::addr::DEFAULT_ADD_PORT;
use crate::net::runner::RunFn;
use crate::net::{DEFAULT_CLIENT_TIMEOUT, echo};
use crate::protocol::text::DEFAULT_STOP_WORDS;

#[derive(Debug, Subcommand)]
pub enum EchoRole {
    /// Echo every message back; a stop word closes that client's session (TCP).
    Server(EchoServerArgs),
    /// Send MESSAGEs (or lines from stdin) and show each echo.
    Client(EchoClientArgs),
}

#[derive(Debug, Args)]
pub struct EchoServerArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = echo::DEFAULT_ECHO_PORT)]
    pub port: u16,
    #[command(flatten)]
    pub bind: BindArgs,
    #[command(flatten)]
    pub connections: ConnectionsArgs,
    /// A word that ends a session (repeatable; replaces the defaults "stop" and "exit").
    #[arg(long = "stop-word", value_name = "WORD")]
    pub stop_words: Vec<String>,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct EchoClientArgs {
    /// The server, as HOST:PORT.
    pub server: String,
    /// Messages to send, in order; none: lines from stdin until a stop word or end of input.
    pub messages: Vec<String>,
    /// A word that ends the session (repeatable; replaces the defaults "stop" and "exit").
    #[arg(long = "stop-word", value_name = "WORD")]
    pub stop_words: Vec<String>,
    /// The cookbook client: send "Test message. This will be echoed" and read the echo in
    /// 16-byte receives, showing each one.
    #[arg(long, conflicts_with = "messages")]
    pub cookbook: bool,
    /// Seconds to wait for the connection and for each reply.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(DEFAULT_CLIENT_TIMEOUT))]
    pub timeout: Seconds,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum UpperRole {
    /// Reply to every sentence with it upper-cased.
    Server(UpperServerArgs),
    /// Send SENTENCEs (or lines from stdin) and show the replies.
    Client(UpperClientArgs),
}

#[derive(Debug, Args)]
pub struct UpperServerArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = DEFAULT_ADD_PORT)]
    pub port: u16,
    #[command(flatten)]
    pub bind: BindArgs,
    #[command(flatten)]
    pub connections: ConnectionsArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct UpperClientArgs {
    /// The server, as HOST:PORT.
    pub server: String,
    /// Sentences to send; none: lines from stdin until end of input.
    pub sentences: Vec<String>,
    /// Seconds to wait for the connection and for each reply.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(DEFAULT_CLIENT_TIMEOUT))]
    pub timeout: Seconds,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

network_of_role!(EchoRole, UpperRole);

/// Runs `tcp-echo` or `udp-echo`, as `exercise` says.
pub(super) fn run_echo(role: EchoRole, exercise: Exercise) -> ExitCode {
    if let Some(refused) = udp_only(exercise, role.network()) {
        return refused;
    }
    match role {
        EchoRole::Server(args) => {
            let config = echo::ServerConfig {
                conditions: args.network.conditions(),
                bind: args.bind.at(args.port),
                max_connections: args.connections.max_connections,
                service: echo::Service::Echo,
                stop_words: stop_words(args.stop_words),
            };
            start_server(exercise, config, args.output)
        }
        EchoRole::Client(args) => run_echo_client(args, exercise),
    }
}

fn run_echo_client(args: EchoClientArgs, exercise: Exercise) -> ExitCode {
    let words = stop_words(args.stop_words);
    let (messages, segment_bytes) = if args.cookbook {
        (
            vec![echo::COOKBOOK_MESSAGE.to_owned()],
            Some(echo::COOKBOOK_SEGMENT_BYTES),
        )
    } else {
        (args.messages, None)
    };
    let config = echo::ClientConfig {
        conditions: args.network.conditions(),
        server: args.server,
        service: echo::Service::Echo,
        stop_words: words.clone(),
        segment_bytes,
        timeout: args.timeout.0,
    };
    let feed = message_feed(messages, words, String::into_bytes);
    start_client(exercise, config, feed, args.output)
}

/// Runs `tcp-upper` or `udp-upper`, as `exercise` says.
pub(super) fn run_upper(role: UpperRole, exercise: Exercise) -> ExitCode {
    if let Some(refused) = udp_only(exercise, role.network()) {
        return refused;
    }
    match role {
        UpperRole::Server(args) => {
            let config = echo::ServerConfig {
                conditions: args.network.conditions(),
                bind: args.bind.at(args.port),
                max_connections: args.connections.max_connections,
                service: echo::Service::Upper,
                stop_words: Vec::new(),
            };
            start_server(exercise, config, args.output)
        }
        UpperRole::Client(args) => {
            let config = echo::ClientConfig {
                conditions: args.network.conditions(),
                server: args.server,
                service: echo::Service::Upper,
                stop_words: Vec::new(),
                segment_bytes: None,
                timeout: args.timeout.0,
            };
            let feed = message_feed(args.sentences, Vec::new(), String::into_bytes);
            start_client(exercise, config, feed, args.output)
        }
    }
}

/// The stop words asked for, or the defaults when none were.
fn stop_words(given: Vec<String>) -> Vec<String> {
    if given.is_empty() {
        DEFAULT_STOP_WORDS.iter().map(|w| (*w).to_owned()).collect()
    } else {
        given
    }
}

fn start_server(exercise: Exercise, config: echo::ServerConfig, output: OutputArgs) -> ExitCode {
    let runs: (RunFn<_>, RunFn<_>) = (echo::run_tcp_server, echo::run_udp_server);
    run_role(exercise, Role::Server, config, runs, output)
}

fn start_client(
    exercise: Exercise,
    config: echo::ClientConfig,
    feed: Receiver<Vec<u8>>,
    output: OutputArgs,
) -> ExitCode {
    run_role(
        exercise,
        Role::Client,
        (config, feed),
        echo::client_runs(),
        output,
    )
}
