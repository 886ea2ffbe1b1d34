//! `tcp-file` and `udp-file`: a file name one way, the file's bytes the other.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::common::{
    BindArgs, ConnectionsArgs, FolderArgs, NetworkArgs, OutputArgs, network_of_role, run_role,
    udp_only, usage_error,
};
use crate::args::Seconds;
use crate::exercise::{Exercise, Role};
use crate::net::file;
use crate::net::runner::RunFn;

#[derive(Debug, Subcommand)]
pub enum FileRole {
    /// Share a folder: answer each file name with the file's bytes.
    Server(FileServerArgs),
    /// Download REMOTE_NAME from HOST:PORT into LOCAL_PATH.
    Client(FileClientArgs),
}

network_of_role!(FileRole);

#[derive(Debug, Args)]
pub struct FileServerArgs {
    /// Port to listen on.
    pub port: u16,
    #[command(flatten)]
    pub folder: FolderArgs,
    #[command(flatten)]
    pub bind: BindArgs,
    #[command(flatten)]
    pub connections: ConnectionsArgs,
    /// UDP only: most MiB per second to send (UDP has no flow control). Faster than the
    /// default, a student's client with default buffers can lose datagrams without knowing.
    #[arg(long, default_value_t = file::DEFAULT_UDP_RATE_BYTES_PER_SEC / (1024 * 1024))]
    pub rate: u64,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct FileClientArgs {
    /// HOST:PORT:REMOTE_NAME, e.g. localhost:9000:notes.txt or [::1]:9000:notes.txt.
    pub target: String,
    /// Where to save the file (an existing folder keeps the remote name).
    pub local_path: std::path::PathBuf,
    /// Replace LOCAL_PATH if it exists.
    #[arg(long)]
    pub force: bool,
    /// TCP on Linux: read the bytes and write them, as on other systems, instead of moving them
    /// socket → file with splice(2) (for comparison; a capture reads them anyway).
    #[arg(long)]
    pub no_splice: bool,
    /// Seconds to wait for the connection, and for data before giving up.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(file::DEFAULT_IDLE_TIMEOUT))]
    pub timeout: Seconds,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `tcp-file` or `udp-file`, as `exercise` says.
pub(super) fn run(role: FileRole, exercise: Exercise) -> ExitCode {
    if let Some(refused) = udp_only(exercise, role.network()) {
        return refused;
    }
    match role {
        FileRole::Server(args) => run_server(args, exercise),
        FileRole::Client(args) => run_client(args, exercise),
    }
}

fn run_server(args: FileServerArgs, exercise: Exercise) -> ExitCode {
    let config = file::ServerConfig {
        conditions: args.network.conditions(),
        bind: args.bind.at(args.port),
        max_connections: args.connections.max_connections,
        root: args.folder.root,
        serve_hidden: args.folder.serve_hidden,
        udp_rate_bytes_per_sec: args.rate.max(1) * 1024 * 1024,
    };
    let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_server, file::run_udp_server);
    run_role(exercise, Role::Server, config, runs, args.output)
}

fn run_client(args: FileClientArgs, exercise: Exercise) -> ExitCode {
    let (server, remote) = match file::split_target(&args.target) {
        Ok(t) => t,
        Err(e) => return usage_error(&e.to_string()),
    };
    let config = file::ClientConfig {
        half_close: true,
        zero_copy: !args.no_splice,
        conditions: args.network.conditions(),
        server,
        remote,
        local: args.local_path,
        overwrite: args.force,
        timeout: args.timeout.0,
    };
    let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_client, file::run_udp_client);
    run_role(exercise, Role::Client, config, runs, args.output)
}
