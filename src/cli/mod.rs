//! The command line: each subcommand starts one runner and prints its events, as human lines or
//! as one JSON object per line (`--json`).
//!
//! Exit codes: 0 success, 1 a network or protocol failure (one line on stderr), 2 bad usage.

mod interrupt;
mod print;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use crossbeam_channel::Receiver;

use crate::args::Seconds;
use crate::check::cli::CheckArgs;
use crate::net::addr::{DEFAULT_ADD_PORT, user_name};
use crate::net::event::Stamped;
use crate::net::runner::{self, Reporter, RunFn};
use crate::net::{DEFAULT_CLIENT_TIMEOUT, MAX_CONNECTIONS, add, file, guess, talk};
use crate::protocol::add::WireFormat;
use crate::protocol::text::{DEFAULT_STOP_WORDS, HintStyle};
pub use print::print_human;
use print::{finish, print_error};

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

#[derive(Debug, Subcommand)]
pub enum FileRole {
    /// Share a folder: answer each file name with the file's bytes.
    Server(FileServerArgs),
    /// Download REMOTE_NAME from HOST:PORT into LOCAL_PATH.
    Client(FileClientArgs),
}

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
    #[arg(long, default_value_t = talk::DEFAULT_ECHO_PORT)]
    pub port: u16,
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
    /// TCP: most clients served at once; more are refused with a log line.
    #[arg(long, default_value_t = MAX_CONNECTIONS)]
    pub max_connections: usize,
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
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
    /// TCP: most clients served at once; more are refused with a log line.
    #[arg(long, default_value_t = MAX_CONNECTIONS)]
    pub max_connections: usize,
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
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
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

#[derive(Debug, Args)]
pub struct FileServerArgs {
    /// Port to listen on.
    pub port: u16,
    /// The folder to share [default: the current folder].
    #[arg(long, default_value = ".")]
    pub root: std::path::PathBuf,
    /// Serve hidden names too (a part starting with a dot: `.ssh/id_rsa`, `lab/.git/config`);
    /// without it they are refused, as anyone on the network could ask for them.
    #[arg(long)]
    pub serve_hidden: bool,
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
    /// TCP: most clients served at once; more are refused with a log line.
    #[arg(long, default_value_t = MAX_CONNECTIONS)]
    pub max_connections: usize,
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
    #[arg(long, default_value_t = crate::net::tftp::DEFAULT_TFTP_PORT)]
    pub port: u16,
    /// The folder to share [default: the current folder].
    #[arg(long, default_value = ".")]
    pub root: std::path::PathBuf,
    /// Serve hidden names too (a part starting with a dot: `.ssh/id_rsa`, `lab/.git/config`);
    /// without it they are refused, as anyone on the network could ask for them.
    #[arg(long)]
    pub serve_hidden: bool,
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
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
    #[arg(long, default_value_t = crate::net::tftp::DEFAULT_CLIENT_BLKSIZE)]
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

/// The simulator's flags of whichever role was chosen.
macro_rules! network_of_role {
    ($($role:ident),*) => {$(
        impl $role {
            fn network(&self) -> &NetworkArgs {
                match self {
                    Self::Server(a) => &a.network,
                    Self::Client(a) => &a.network,
                }
            }
        }
    )*};
}

network_of_role!(AddRole, FileRole, EchoRole, UpperRole);

/// A usage error when simulated network conditions are asked of a TCP exercise.
fn udp_only(tcp: bool, network: &NetworkArgs) -> Option<ExitCode> {
    (tcp && network.conditions().is_active()).then(|| {
        usage_error("the network simulator (--loss, --duplicate, --reorder, --delay, --jitter) impairs UDP datagrams only; TCP repairs loss itself")
    })
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

#[derive(Debug, Subcommand)]
pub enum AddRole {
    /// Serve requests until a client sends a number outside 1..100 (the lab rule).
    Server(AddServerArgs),
    /// Send a name and a number, print both names, both numbers and the sum.
    Client(AddClientArgs),
}

/// How events are printed, and kept.
#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// One JSON event per line on stdout instead of human lines.
    #[arg(long)]
    pub json: bool,
    /// Also print every message sent and received, with its bytes.
    #[arg(short, long)]
    pub verbose: bool,
    /// Also write what crosses the wire to FILE, a pcapng capture that opens in Wireshark,
    /// packet by packet as it goes (rebuilt from socklab's socket calls; a file transfer's
    /// first 64 MiB of payload).
    #[arg(long, value_name = "FILE")]
    pub pcap: Option<std::path::PathBuf>,
}

impl OutputArgs {
    /// A reporter for a runner, that also reports bulk payload when a capture is asked for.
    fn reporter(&self) -> (Reporter, Receiver<Stamped>) {
        let (reporter, rx) = Reporter::channel(None);
        if self.pcap.is_some() {
            (
                reporter.with_payload(crate::net::capture::DEFAULT_PAYLOAD_CAP),
                rx,
            )
        } else {
            (reporter, rx)
        }
    }
}

#[derive(Debug, Args)]
pub struct AddServerArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = DEFAULT_ADD_PORT)]
    pub port: u16,
    /// Address to bind: 0.0.0.0 (all IPv4), 127.0.0.1 (this machine), :: (all IPv6).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED))]
    pub bind: IpAddr,
    /// TCP: most clients served at once; more are refused with a log line.
    #[arg(long, default_value_t = MAX_CONNECTIONS)]
    pub max_connections: usize,
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

/// Runs a parsed command to its end.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::TcpAdd { role } => {
            udp_only(true, role.network()).unwrap_or_else(|| run_add(role, true))
        }
        Command::UdpAdd { role } => run_add(role, false),
        Command::TcpFile { role } => {
            udp_only(true, role.network()).unwrap_or_else(|| run_file(role, true))
        }
        Command::TcpEcho { role } => {
            udp_only(true, role.network()).unwrap_or_else(|| run_echo(role, true))
        }
        Command::UdpEcho { role } => run_echo(role, false),
        Command::TcpUpper { role } => {
            udp_only(true, role.network()).unwrap_or_else(|| run_upper(role, true))
        }
        Command::UdpUpper { role } => run_upper(role, false),
        Command::UdpGuess { role } => run_guess(role),
        Command::UdpFile { role } => run_file(role, false),
        Command::Tftp { role } => run_tftp(role),
        Command::Check(args) => crate::check::cli::run(*args),
        Command::Compare { file_a, file_b } => {
            match crate::files::compare_files(&file_a, &file_b) {
                Ok(result) => {
                    println!("{result}");
                    if matches!(result, crate::files::Comparison::Identical { .. }) {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(e) => {
                    print_error(&e);
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn stop_words(given: Vec<String>) -> Vec<String> {
    if given.is_empty() {
        DEFAULT_STOP_WORDS.iter().map(|w| (*w).to_owned()).collect()
    } else {
        given
    }
}

/// Messages for a client: the given ones, or lines typed on stdin (read on a named thread)
/// until end of input or, when `stop_words` is set, a stop word.
fn message_feed<T: Send + 'static>(
    given: Vec<String>,
    stop_words: Vec<String>,
    convert: fn(String) -> T,
) -> crossbeam_channel::Receiver<T> {
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
        eprintln!("error: cannot read standard input");
    }
    rx
}

fn run_echo(role: EchoRole, tcp: bool) -> ExitCode {
    match role {
        EchoRole::Server(args) => {
            let config = talk::ServerConfig {
                conditions: args.network.conditions(),
                bind: SocketAddr::new(args.bind, args.port),
                max_connections: args.max_connections,
                service: talk::Service::Echo,
                stop_words: stop_words(args.stop_words),
            };
            start_text_server(config, tcp, args.output)
        }
        EchoRole::Client(args) => {
            let timeout = args.timeout.0;
            let words = stop_words(args.stop_words);
            let (messages, segment_bytes) = if args.cookbook {
                (
                    vec![talk::COOKBOOK_MESSAGE.to_owned()],
                    Some(talk::COOKBOOK_SEGMENT_BYTES),
                )
            } else {
                (args.messages, None)
            };
            let config = talk::ClientConfig {
                conditions: args.network.conditions(),
                server: args.server,
                service: talk::Service::Echo,
                stop_words: words.clone(),
                segment_bytes,
                timeout,
            };
            let feed = message_feed(messages, words, String::into_bytes);
            start_text_client(config, tcp, feed, args.output)
        }
    }
}

fn run_upper(role: UpperRole, tcp: bool) -> ExitCode {
    match role {
        UpperRole::Server(args) => {
            let config = talk::ServerConfig {
                conditions: args.network.conditions(),
                bind: SocketAddr::new(args.bind, args.port),
                max_connections: args.max_connections,
                service: talk::Service::Upper,
                stop_words: Vec::new(),
            };
            start_text_server(config, tcp, args.output)
        }
        UpperRole::Client(args) => {
            let timeout = args.timeout.0;
            let config = talk::ClientConfig {
                conditions: args.network.conditions(),
                server: args.server,
                service: talk::Service::Upper,
                stop_words: Vec::new(),
                segment_bytes: None,
                timeout,
            };
            let feed = message_feed(args.sentences, Vec::new(), String::into_bytes);
            start_text_client(config, tcp, feed, args.output)
        }
    }
}

fn start_text_server(config: talk::ServerConfig, tcp: bool, output: OutputArgs) -> ExitCode {
    let name = role_name(
        tcp,
        &format!("{:?}", config.service).to_lowercase(),
        "server",
    );
    let runs: (RunFn<_>, RunFn<_>) = (talk::run_tcp_server, talk::run_udp_server);
    run_role(name, tcp, config, runs, output)
}

fn start_text_client(
    config: talk::ClientConfig,
    tcp: bool,
    feed: Receiver<Vec<u8>>,
    output: OutputArgs,
) -> ExitCode {
    let name = role_name(
        tcp,
        &format!("{:?}", config.service).to_lowercase(),
        "client",
    );
    run_role(name, tcp, (config, feed), talk::client_runs(), output)
}

fn run_guess(role: GuessRole) -> ExitCode {
    match role {
        GuessRole::Server(args) => {
            let config = guess::ServerConfig {
                conditions: args.network.conditions(),
                bind: SocketAddr::new(args.bind, args.port),
                secret: args.secret,
                style: if args.style == "title" {
                    HintStyle::Title
                } else {
                    HintStyle::Upper
                },
            };
            let runs: (RunFn<_>, RunFn<_>) = (guess::run_server, guess::run_server);
            run_role(
                role_name(false, "guess", "server"),
                false,
                config,
                runs,
                args.output,
            )
        }
        GuessRole::Client(args) => {
            let timeout = args.timeout.0;
            let config = guess::ClientConfig {
                conditions: args.network.conditions(),
                server: args.server,
                timeout,
                step_delay: std::time::Duration::ZERO,
            };
            let name = role_name(false, "guess", "client");
            if args.auto {
                let runs: (RunFn<_>, RunFn<_>) = (guess::run_auto_client, guess::run_auto_client);
                run_role(name, false, config, runs, args.output)
            } else {
                let feed = message_feed(args.guesses, Vec::new(), |line| line);
                let run: RunFn<_> = |(config, feed), r, s| guess::run_client(config, feed, r, s);
                run_role(name, false, (config, feed), (run, run), args.output)
            }
        }
    }
}

fn run_file(role: FileRole, tcp: bool) -> ExitCode {
    match role {
        FileRole::Server(args) => {
            let config = file::ServerConfig {
                conditions: args.network.conditions(),
                bind: SocketAddr::new(args.bind, args.port),
                max_connections: args.max_connections,
                root: args.root,
                serve_hidden: args.serve_hidden,
                udp_rate_bytes_per_sec: args.rate.max(1) * 1024 * 1024,
            };
            let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_server, file::run_udp_server);
            run_role(
                role_name(tcp, "file", "server"),
                tcp,
                config,
                runs,
                args.output,
            )
        }
        FileRole::Client(args) => {
            let (server, remote) = match file::split_target(&args.target) {
                Ok(t) => t,
                Err(e) => return usage_error(&e.to_string()),
            };
            let timeout = args.timeout.0;
            let config = file::ClientConfig {
                half_close: true,
                zero_copy: !args.no_splice,
                conditions: args.network.conditions(),
                server,
                remote,
                local: args.local_path,
                overwrite: args.force,
                timeout,
            };
            let runs: (RunFn<_>, RunFn<_>) = (file::run_tcp_client, file::run_udp_client);
            run_role(
                role_name(tcp, "file", "client"),
                tcp,
                config,
                runs,
                args.output,
            )
        }
    }
}

fn run_tftp(role: TftpRole) -> ExitCode {
    use crate::net::tftp;
    match role {
        TftpRole::Server(args) => {
            let config = tftp::ServerConfig {
                bind: SocketAddr::new(args.bind, args.port),
                root: args.root,
                allow_write: args.allow_write,
                serve_hidden: args.serve_hidden,
                conditions: args.network.conditions(),
            };
            let (reporter, rx) = args.output.reporter();
            let handle = runner::spawn("tftp server".to_owned(), reporter, move |r, s| {
                tftp::run_server(config, r, s)
            });
            finish(handle, &rx, args.output)
        }
        TftpRole::Client(args) => {
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
            let (reporter, rx) = args.output.reporter();
            let handle = runner::spawn("tftp client".to_owned(), reporter, move |r, s| {
                tftp::run_client(config, r, s)
            });
            finish(handle, &rx, args.output)
        }
    }
}

/// Runs one exercise role on a thread named like the subcommand ("tcp-add server"), with
/// `tcp_run` or `udp_run`, and prints its events until it ends.
fn run_role<C: Send + 'static>(
    name: String,
    tcp: bool,
    config: C,
    (tcp_run, udp_run): (RunFn<C>, RunFn<C>),
    output: OutputArgs,
) -> ExitCode {
    let (reporter, rx) = output.reporter();
    let run = if tcp { tcp_run } else { udp_run };
    let handle = runner::spawn(name, reporter, move |r, s| run(config, r, s));
    finish(handle, &rx, output)
}

/// `"tcp-add server"` and the like.
fn role_name(tcp: bool, exercise: &str, role: &str) -> String {
    format!("{}-{exercise} {role}", if tcp { "tcp" } else { "udp" })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn run_add(role: AddRole, tcp: bool) -> ExitCode {
    match role {
        AddRole::Server(args) => {
            let config = add::ServerConfig {
                conditions: args.network.conditions(),
                bind: SocketAddr::new(args.bind, args.port),
                max_connections: args.max_connections,
                name: args
                    .name
                    .unwrap_or_else(|| format!("Server of {}", user_name())),
                number: args
                    .number
                    .unwrap_or_else(crate::protocol::add::random_number),
                stop_on_out_of_range: !args.keep_running,
            };
            let runs: (RunFn<_>, RunFn<_>) = (add::run_tcp_server, add::run_udp_server);
            run_role(
                role_name(tcp, "add", "server"),
                tcp,
                config,
                runs,
                args.output,
            )
        }
        AddRole::Client(args) => {
            let format = match WireFormat::from_name(&args.format) {
                Ok(f) => f,
                Err(e) => return usage_error(&e),
            };
            let timeout = args.timeout.0;
            let config = add::ClientConfig {
                conditions: args.network.conditions(),
                server: args.server,
                name: args.name,
                number: args.number,
                format,
                timeout,
                reset_on_close: false,
            };
            let runs: (RunFn<_>, RunFn<_>) = (add::run_tcp_client, add::run_udp_client);
            run_role(
                role_name(tcp, "add", "client"),
                tcp,
                config,
                runs,
                args.output,
            )
        }
    }
}
