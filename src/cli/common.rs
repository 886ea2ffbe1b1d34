//! What every exercise's subcommands share: the network simulator's and the output's flags,
//! the flags servers share (the address to bind, the connection limit, the shared folder),
//! starting a role on its thread, and the usage errors.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use crossbeam_channel::Receiver;

pub use super::print::OutputArgs;
use super::print::finish;
use crate::exercise::{Exercise, Role};
use crate::net::MAX_CONNECTIONS;
use crate::net::runner::{self, RunFn};

/// The address a server binds; its port, whose default is the exercise's, stays with the
/// exercise's own flags.
#[derive(Debug, Args, Clone)]
pub struct BindArgs {
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
}

impl BindArgs {
    /// The address to listen on, at `port`.
    pub fn at(&self, port: u16) -> SocketAddr {
        SocketAddr::new(self.bind, port)
    }
}

/// How many clients a TCP server serves at once.
#[derive(Debug, Args, Clone)]
pub struct ConnectionsArgs {
    /// TCP: most clients served at once; more are refused with a log line.
    #[arg(long, default_value_t = MAX_CONNECTIONS)]
    pub max_connections: usize,
}

/// The folder a file server shares, and whether hidden names in it are served.
#[derive(Debug, Args, Clone)]
pub struct FolderArgs {
    /// The folder to share [default: the current folder].
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Serve hidden names too (a part starting with a dot: `.ssh/id_rsa`, `lab/.git/config`);
    /// without it they are refused, as anyone on the network could ask for them.
    #[arg(long)]
    pub serve_hidden: bool,
}

/// Simulated network conditions, on what this socklab sends (and receives, with
/// --impair-receive).
#[derive(Debug, Args, Clone)]
pub struct NetworkArgs {
    /// Drop this percentage of datagrams.
    #[arg(long, value_name = "PCT", default_value_t = 0.0)]
    pub loss: f64,
    /// Send this percentage of datagrams twice.
    #[arg(long, value_name = "PCT", default_value_t = 0.0)]
    pub duplicate: f64,
    /// Hold back this percentage of datagrams 20 ms, so later ones overtake them.
    #[arg(long, value_name = "PCT", default_value_t = 0.0)]
    pub reorder: f64,
    /// Delay every datagram this long.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub delay: u64,
    /// Vary the delay by up to this much either way.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub jitter: u64,
    /// Seed for the simulator: the same seed, the same fates.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Impair what is received too (loss and duplication).
    #[arg(long)]
    pub impair_receive: bool,
}

impl NetworkArgs {
    pub fn conditions(&self) -> crate::net::impair::Conditions {
        crate::net::impair::Conditions {
            loss_pct: self.loss,
            duplicate_pct: self.duplicate,
            reorder_pct: self.reorder,
            delay_ms: self.delay,
            jitter_ms: self.jitter,
            seed: self.seed,
            receive: self.impair_receive,
            counters: None,
        }
    }
}

/// `network()`: the simulator's flags of whichever role of a family was chosen.
macro_rules! network_of_role {
    ($($role:ident),*) => {$(
        impl $role {
            fn network(&self) -> &$crate::cli::common::NetworkArgs {
                match self {
                    Self::Server(a) => &a.network,
                    Self::Client(a) => &a.network,
                }
            }
        }
    )*};
}

pub(super) use network_of_role;

/// A usage error when simulated network conditions are asked of a TCP exercise.
pub(super) fn udp_only(exercise: Exercise, network: &NetworkArgs) -> Option<ExitCode> {
    (exercise.tcp() && network.conditions().is_active())
        .then(|| usage_error(&crate::t!("cli-udp-only")))
}

/// Runs one role of an exercise on a thread named like the subcommand ("tcp-add server"),
/// with `tcp_run` or `udp_run` as the exercise's transport asks, and prints its events until
/// it ends.
pub(super) fn run_role<C: Send + 'static>(
    exercise: Exercise,
    role: Role,
    config: C,
    (tcp_run, udp_run): (RunFn<C>, RunFn<C>),
    output: OutputArgs,
) -> ExitCode {
    let (reporter, rx) = output.reporter();
    let run = if exercise.tcp() { tcp_run } else { udp_run };
    let handle = runner::spawn(role_name(exercise, role), reporter, move |r, s| {
        run(config, r, s)
    });
    finish(handle, &rx, output)
}

/// `"tcp-add server"` and the like.
pub(super) fn role_name(exercise: Exercise, role: Role) -> String {
    format!("{} {}", exercise.name(), role.name())
}

/// The line for bad usage, and its exit code, 2.
pub(super) fn usage_error(message: &str) -> ExitCode {
    eprintln!("{}", crate::t!("cli-error", message = message));
    ExitCode::from(2)
}

/// Messages for a client: the given ones, or lines typed on stdin (read on a named thread)
/// until end of input or, when `stop_words` is set, a stop word.
pub(super) fn message_feed<T: Send + 'static>(
    given: Vec<String>,
    stop_words: Vec<String>,
    convert: fn(String) -> T,
) -> Receiver<T> {
    let (tx, rx) = crossbeam_channel::unbounded();
    if !given.is_empty() {
        for message in given {
            let _ = tx.send(convert(message));
        }
        return rx;
    }
    let spawned = std::thread::Builder::new()
        .name("stdin reader".into())
        .spawn(move || {
            for line in std::io::stdin().lines() {
                let Ok(line) = line else { return };
                let stop = crate::protocol::text::is_stop_word(line.as_bytes(), &stop_words);
                // The client went away: nobody reads any more lines.
                if tx.send(convert(line)).is_err() || stop {
                    return;
                }
            }
        });
    if spawned.is_err() {
        eprintln!(
            "{}",
            crate::t!("cli-error", message = crate::t!("cli-stdin-failed"))
        );
    }
    rx
}
