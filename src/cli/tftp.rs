//! `tftp`: the UDP transfer made reliable, RFC 1350 with its options.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::common::{BindArgs, FolderArgs, NetworkArgs, OutputArgs, run_role, usage_error};
use crate::exercise::{Exercise, Role};
use crate::net::runner::RunFn;
use crate::net::{file, tftp};

#[derive(Debug, Subcommand)]
pub enum TftpRole {
    /// Share a folder over TFTP: each request is served from a new port.
    Server(TftpServerArgs),
    /// Download REMOTE from HOST:PORT into LOCAL (or upload LOCAL as REMOTE with --put).
    Client(TftpClientArgs),
}

#[derive(Debug, Args)]
pub struct TftpServerArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = tftp::DEFAULT_TFTP_PORT)]
    pub port: u16,
    #[command(flatten)]
    pub folder: FolderArgs,
    #[command(flatten)]
    pub bind: BindArgs,
    /// Accept write requests (uploads) into the folder; existing files are never replaced.
    #[arg(long)]
    pub allow_write: bool,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct TftpClientArgs {
    /// HOST:PORT:REMOTE, e.g. localhost:6969:notes.txt.
    pub target: String,
    /// Where to save the download (or, with --put, the file to upload).
    pub local_path: std::path::PathBuf,
    /// Block size to ask for (RFC 2348), 8..65464; the handout's chunk size by default.
    #[arg(long, default_value_t = tftp::DEFAULT_CLIENT_BLKSIZE)]
    pub blksize: usize,
    /// Blocks sent before an ACK (RFC 7440); 1 is plain TFTP.
    #[arg(long, default_value_t = 1)]
    pub windowsize: u16,
    /// Retransmission timeout to ask for, seconds (RFC 2349).
    #[arg(long, default_value_t = 1)]
    pub timeout: u8,
    /// Upload LOCAL_PATH as REMOTE instead of downloading.
    #[arg(long)]
    pub put: bool,
    /// Replace LOCAL_PATH if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `tftp`.
pub(super) fn run(role: TftpRole) -> ExitCode {
    match role {
        TftpRole::Server(args) => run_server(args),
        TftpRole::Client(args) => run_client(args),
    }
}

fn run_server(args: TftpServerArgs) -> ExitCode {
    let config = tftp::ServerConfig {
        bind: args.bind.at(args.port),
        root: args.folder.root,
        allow_write: args.allow_write,
        serve_hidden: args.folder.serve_hidden,
        conditions: args.network.conditions(),
    };
    let run: RunFn<_> = tftp::run_server;
    run_role(
        Exercise::Tftp,
        Role::Server,
        config,
        (run, run),
        args.output,
    )
}

fn run_client(args: TftpClientArgs) -> ExitCode {
    let (server, remote) = match file::split_target(&args.target) {
        Ok(t) => t,
        Err(e) => return usage_error(&e.to_string()),
    };
    let config = tftp::ClientConfig {
        server,
        remote,
        local: args.local_path,
        blksize: args.blksize,
        windowsize: args.windowsize,
        put: args.put,
        overwrite: args.force,
        timeout: args.timeout.max(1),
        conditions: args.network.conditions(),
    };
    let run: RunFn<_> = tftp::run_client;
    run_role(
        Exercise::Tftp,
        Role::Client,
        config,
        (run, run),
        args.output,
    )
}
