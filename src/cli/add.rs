//! `tcp-add` and `udp-add`: a name and a number each way, and the sum.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::common::{
    BindArgs, ConnectionsArgs, NetworkArgs, OutputArgs, network_of_role, run_role, udp_only,
    usage_error,
};
use crate::args::Seconds;
use crate::exercise::{Exercise, Role};
use crate::net::addr::{DEFAULT_ADD_PORT, user_name};
use crate::net::runner::RunFn;
use crate::net::{DEFAULT_CLIENT_TIMEOUT, add};
use crate::protocol::add::WireFormat;

#[derive(Debug, Subcommand)]
pub enum AddRole {
    /// Serve requests until a client sends a number outside 1..100 (the lab rule).
    Server(AddServerArgs),
    /// Send a name and a number, print both names, both numbers and the sum.
    Client(AddClientArgs),
}

network_of_role!(AddRole);

#[derive(Debug, Args)]
pub struct AddServerArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = DEFAULT_ADD_PORT)]
    pub port: u16,
    #[command(flatten)]
    pub bind: BindArgs,
    #[command(flatten)]
    pub connections: ConnectionsArgs,
    /// The server's name [default: "Server of <user name>"].
    #[arg(long)]
    pub name: Option<String>,
    /// The server's number [default: random 1..100 at each start].
    #[arg(long, allow_negative_numbers = true)]
    pub number: Option<i64>,
    /// Reply to out-of-range numbers instead of stopping.
    #[arg(long)]
    pub keep_running: bool,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct AddClientArgs {
    /// The server, as HOST:PORT (e.g. localhost:12000 or [::1]:12000).
    pub server: String,
    /// Your name, e.g. "Client of Ana".
    #[arg(long)]
    pub name: String,
    /// Your number; outside 1..100 it shuts a lab server down.
    #[arg(long, allow_negative_numbers = true)]
    pub number: i64,
    /// Wire format: comma, colon, semicolon, space, line, json, json-line, split, c-struct,
    /// packed-struct, length-prefixed, pickle (Python's pickle.dumps((name, number))), or a
    /// template such as '{name}: {number}\n'. Replies are read in any of these shapes, and
    /// also as labelled text ("Name: …, Number: 81, Sum: 138") or a sentence.
    #[arg(long, default_value = "comma")]
    pub format: String,
    /// Seconds to wait for the connection and for the reply.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(DEFAULT_CLIENT_TIMEOUT))]
    pub timeout: Seconds,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `tcp-add` or `udp-add`, as `exercise` says.
pub(super) fn run(role: AddRole, exercise: Exercise) -> ExitCode {
    if let Some(refused) = udp_only(exercise, role.network()) {
        return refused;
    }
    match role {
        AddRole::Server(args) => run_server(args, exercise),
        AddRole::Client(args) => run_client(args, exercise),
    }
}

fn run_server(args: AddServerArgs, exercise: Exercise) -> ExitCode {
    let config = add::ServerConfig {
        conditions: args.network.conditions(),
        bind: args.bind.at(args.port),
        max_connections: args.connections.max_connections,
        name: args
            .name
            .unwrap_or_else(|| format!("Server of {}", user_name())),
        number: args
            .number
            .unwrap_or_else(crate::protocol::add::random_number),
        stop_on_out_of_range: !args.keep_running,
    };
    let runs: (RunFn<_>, RunFn<_>) = (add::run_tcp_server, add::run_udp_server);
    run_role(exercise, Role::Server, config, runs, args.output)
}

fn run_client(args: AddClientArgs, exercise: Exercise) -> ExitCode {
    let format = match WireFormat::from_name(&args.format) {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    let config = add::ClientConfig {
        conditions: args.network.conditions(),
        server: args.server,
        name: args.name,
        number: args.number,
        format,
        timeout: args.timeout.0,
        reset_on_close: false,
    };
    let runs: (RunFn<_>, RunFn<_>) = (add::run_tcp_client, add::run_udp_client);
    run_role(exercise, Role::Client, config, runs, args.output)
}
