//! Load and first answers on socklab's servers, against Python peers in the same run.
//!
//! Parts (`LOAD_PARTS`, a comma list, default `tcp,udp,first`):
//! - `tcp`: TCP echo, 1,000 concurrent clients × 100 round trips each, against Python's
//!   socketserver `ThreadingTCPServer` (`tests/peers/echo_server_socketserver.py`): errors,
//!   throughput, p50/p99/mean latency, each server's peak RSS.
//! - `udp`: UDP echo, 100,000 datagrams with at most 32 in flight, against Python's `UDPServer`:
//!   answered, throughput, peak RSS.
//! - `first`: a new connection's request answered, timed from just before `connect` to the
//!   last byte of the answer. `tcp-file server` sharing a folder that holds a 1-byte file,
//!   against `tests/peers/file_server.py` run in that folder: the client sends the name as
//!   `file_client.py` does (no newline), then half-closes; the answer ends at the server's
//!   close. `tcp-add server` against `tests/peers/add_server.py`: one name and number in the
//!   `colon-line` format (`Zoe: 42\n`); the answer ends at its newline. Every request is a new
//!   connection, `LOAD_FIRST` per server and series (default 40), alternated between the
//!   servers. The Python peers answer one request and exit, so each of their requests has a
//!   peer of its own, started and listening (its port printed) before the clock starts.
//!
//! Each of `LOAD_SERIES` series (default 1) starts the servers afresh (socklab's are ready when
//! a connection succeeds, or for UDP when a datagram comes back; Python's when they print their
//! port) and runs `LOAD_RUNS` rounds (default 7) of `tcp` and `udp`, alternated (A B, then
//! B A, …); a cell is the median of the rounds with their min-max, and peak RSS the highest in
//! the series. After each series, one verdict per target and socklab build. Targets:
//! TCP echo throughput ≥ 3× Python's, p50 and p99 no higher than Python's, peak RSS no higher
//! than Python's, 0 errors (ratios of the series' medians); first answer: socklab's median
//! ≤ 1 ms (Python's printed beside it). At the end, in how many series each target was met,
//! and each series' numbers in one Markdown table.
//!
//! Run: `cargo bench --bench load` (needs python3; `PYTHON` names another interpreter).
//! `LOAD_SOCKLAB_B=/path/to/socklab` adds a second socklab build to the same rounds.
//! Example: `LOAD_SERIES=5 LOAD_PARTS=tcp,first cargo bench --bench load`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::time::{Duration, Instant};

const CLIENTS: usize = 1000;
const ROUND_TRIPS: usize = 100;
const MESSAGE_BYTES: usize = 64;
const DATAGRAMS: usize = 100_000;
const UDP_WINDOW: usize = 32;
/// How long a server may take to listen.
const START_WAIT: Duration = Duration::from_secs(5);
/// Longest wait for a connection, or for one read of an answer, in the `first` part.
const ANSWER_WAIT: Duration = Duration::from_secs(5);
/// The file the `first` part asks for, and its one byte.
const ONE_BYTE_FILE: &str = "one-byte.txt";
const ONE_BYTE: u8 = b'x';
/// The add request (`colon-line`, as tests/peers/add_client.py writes it), and the number
/// both add servers answer with (add_server.py's is fixed at 57).
const ADD_REQUEST: &[u8] = b"Zoe: 42\n";
const ADD_NUMBER: i64 = 57;
/// Target for the `first` part: socklab's median, in ms.
const FIRST_TARGET_MS: f64 = 1.0;

/// A server process and the port it listens on.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Waits up to `within` for the process to end by itself (a one-request Python peer).
    fn wait_exit(&mut self, within: Duration) {
        let until = Instant::now() + within;
        while Instant::now() < until {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn localhost(port: u16) -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port))
}

fn free_port(tcp: bool) -> u16 {
    if tcp {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
    } else {
        UdpSocket::bind("127.0.0.1:0")
            .and_then(|s| s.local_addr())
            .map(|a| a.port())
    }
    .expect("a free port")
}

fn python_program() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

fn peer_script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/peers")
        .join(name)
}

/// Starts a Python peer that prints `PORT n` once it listens, in `dir` if given. Its output is
/// read to the end by a thread of its own, so that a peer never blocks on a full pipe.
fn python_peer(script: &str, args: &[&str], dir: Option<&Path>) -> Result<Server, String> {
    let mut command = Command::new(python_program());
    command
        .arg(peer_script(script))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {} {script}: {e}", python_program()))?;
    let out = child.stdout.take();
    // From here on, dropping `server` ends the process.
    let mut server = Server { child, port: 0 };
    let Some(out) = out else {
        return Err(format!("{script}: no output pipe"));
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut out = BufReader::new(out);
        let mut line = String::new();
        let _ = tx.send(out.read_line(&mut line).map(|_| line));
        let _ = std::io::copy(&mut out, &mut std::io::sink());
    });
    // The reading thread ends when the process does (killed by `Server`'s drop if need be).
    let line = match rx.recv_timeout(START_WAIT) {
        Ok(Ok(line)) => line,
        Ok(Err(e)) => return Err(format!("{script}: cannot read its output: {e}")),
        Err(_) => return Err(format!("{script} printed no port within {START_WAIT:?}")),
    };
    server.port = line
        .trim()
        .strip_prefix("PORT ")
        .and_then(|p| p.trim().parse().ok())
        .ok_or_else(|| format!("{script} printed {:?}, not \"PORT n\"", line.trim()))?;
    Ok(server)
}

/// Whether a TCP connection to `port` succeeds (closed at once).
fn tcp_listens(port: u16) -> bool {
    TcpStream::connect_timeout(&localhost(port), Duration::from_millis(200)).is_ok()
}

/// Whether a datagram sent to `port` comes back (an echo server).
fn udp_echoes(port: u16) -> bool {
    let Ok(socket) = UdpSocket::bind("127.0.0.1:0") else {
        return false;
    };
    let mut buf = [0u8; 64];
    socket.connect(localhost(port)).is_ok()
        && socket
            .set_read_timeout(Some(Duration::from_millis(100)))
            .is_ok()
        && socket.send(b"probe").is_ok()
        && socket.recv(&mut buf).is_ok()
}

/// Starts socklab with `args` (a server on `port`) and waits until it answers: for TCP a
/// connection that succeeds, for UDP a datagram echoed; at most START_WAIT.
fn socklab(program: &str, args: &[String], port: u16, tcp: bool) -> Server {
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let mut server = Server { child, port };
    let what = args.first().map_or("server", String::as_str);
    let until = Instant::now() + START_WAIT;
    loop {
        if (tcp && tcp_listens(port)) || (!tcp && udp_echoes(port)) {
            return server;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("{program} {what} ended ({status}) before it listened on port {port}");
        }
        if Instant::now() >= until {
            panic!("{program} {what} did not answer on port {port} within {START_WAIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Samples a process's own peak RSS (VmHWM) until told to stop; returns MiB.
fn watch_rss(pid: u32, done: Arc<AtomicBool>) -> std::thread::JoinHandle<f64> {
    std::thread::spawn(move || {
        let mut peak = 0.0f64;
        while !done.load(Ordering::Relaxed) {
            if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status"))
                && let Some(kib) = status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            {
                peak = peak.max(kib / 1024.0);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        peak
    })
}

struct TcpResult {
    seconds: f64,
    errors: u64,
    p50_ms: f64,
    p99_ms: f64,
    mean_ms: f64,
    rss_mib: f64,
}

fn tcp_load(server: &Server) -> TcpResult {
    let done = Arc::new(AtomicBool::new(false));
    let rss = watch_rss(server.child.id(), Arc::clone(&done));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Arc::new(Barrier::new(CLIENTS + 1));
    let port = server.port;
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let (errors, start) = (Arc::clone(&errors), Arc::clone(&start));
            std::thread::Builder::new()
                .name(format!("load client {i}"))
                .stack_size(128 * 1024)
                .spawn(move || {
                    let mut latencies = Vec::with_capacity(ROUND_TRIPS);
                    let stream = TcpStream::connect(("127.0.0.1", port)).and_then(|s| {
                        s.set_read_timeout(Some(Duration::from_secs(30)))?;
                        s.set_nodelay(true)?;
                        Ok(s)
                    });
                    start.wait();
                    let Ok(mut stream) = stream else {
                        errors.fetch_add(ROUND_TRIPS as u64, Ordering::Relaxed);
                        return latencies;
                    };
                    let message = [b'a' + (i % 26) as u8; MESSAGE_BYTES];
                    let mut echo = [0u8; MESSAGE_BYTES];
                    for _ in 0..ROUND_TRIPS {
                        let t = Instant::now();
                        let ok = stream.write_all(&message).is_ok()
                            && stream.read_exact(&mut echo).is_ok()
                            && echo == message;
                        if ok {
                            latencies.push(t.elapsed().as_secs_f64() * 1000.0);
                        } else {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    latencies
                })
                .expect("a client thread")
        })
        .collect();
    start.wait();
    let began = Instant::now();
    let per_client: Vec<Vec<f64>> = clients
        .into_iter()
        .map(|c| c.join().unwrap_or_default())
        .collect();
    let seconds = began.elapsed().as_secs_f64();
    done.store(true, Ordering::Relaxed);
    if std::env::var_os("LOAD_FIRSTS").is_some() {
        say_firsts(&per_client);
    }
    let mut latencies: Vec<f64> = per_client.into_iter().flatten().collect();
    latencies.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN)
    };
    TcpResult {
        seconds,
        errors: errors.load(Ordering::Relaxed),
        p50_ms: pick(0.50),
        p99_ms: pick(0.99),
        // What a client waits on average: a p50 far below it means some clients wait far longer.
        mean_ms: latencies.iter().sum::<f64>() / latencies.len().max(1) as f64,
        rss_mib: rss.join().unwrap_or(f64::NAN),
    }
}

/// With `LOAD_FIRSTS`: each client's first round trip (which waits for the server to take
/// the connection and start its session) apart from the others, one line a round on stderr.
fn say_firsts(per_client: &[Vec<f64>]) {
    let mut firsts: Vec<f64> = per_client
        .iter()
        .filter_map(|l| l.first().copied())
        .collect();
    let mut rest: Vec<f64> = per_client
        .iter()
        .flat_map(|l| l.iter().skip(1).copied())
        .collect();
    firsts.sort_by(f64::total_cmp);
    rest.sort_by(f64::total_cmp);
    let at = |v: &[f64], q: f64| {
        v.get(((v.len() as f64 * q) as usize).min(v.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN)
    };
    eprintln!(
        "  first round trips: p50 {:.2} ms, p99 {:.2}, max {:.2}; the others: p50 {:.2}, p99 {:.2}, max {:.2}",
        at(&firsts, 0.5),
        at(&firsts, 0.99),
        firsts.last().copied().unwrap_or(f64::NAN),
        at(&rest, 0.5),
        at(&rest, 0.99),
        rest.last().copied().unwrap_or(f64::NAN)
    );
}

/// Sends DATAGRAMS with at most UDP_WINDOW unanswered; returns (seconds, answered, RSS).
fn udp_load(server: &Server) -> (f64, usize, f64) {
    let done = Arc::new(AtomicBool::new(false));
    let rss = watch_rss(server.child.id(), Arc::clone(&done));
    let socket = UdpSocket::bind("127.0.0.1:0").expect("a client socket");
    socket.connect(("127.0.0.1", server.port)).expect("connect");
    socket
        .set_read_timeout(Some(Duration::from_millis(200)))
        .expect("timeout");
    let message = [b'u'; MESSAGE_BYTES];
    let mut buf = [0u8; 2048];
    let (mut sent, mut answered, mut in_flight) = (0usize, 0usize, 0usize);
    let began = Instant::now();
    while sent < DATAGRAMS || in_flight > 0 {
        while sent < DATAGRAMS && in_flight < UDP_WINDOW {
            if socket.send(&message).is_ok() {
                sent += 1;
                in_flight += 1;
            }
        }
        match socket.recv(&mut buf) {
            Ok(_) => {
                answered += 1;
                in_flight -= 1;
            }
            // A lost datagram: stop waiting for it.
            Err(_) => in_flight = 0,
        }
    }
    let seconds = began.elapsed().as_secs_f64();
    done.store(true, Ordering::Relaxed);
    (seconds, answered, rss.join().unwrap_or(f64::NAN))
}

/// A new TCP connection to `port`, with ANSWER_WAIT on every read.
fn connect(port: u16) -> Result<TcpStream, String> {
    let stream = TcpStream::connect_timeout(&localhost(port), ANSWER_WAIT)
        .map_err(|e| format!("connect: {e}"))?;
    stream
        .set_read_timeout(Some(ANSWER_WAIT))
        .and_then(|()| stream.set_nodelay(true))
        .map_err(|e| format!("socket options: {e}"))?;
    Ok(stream)
}

/// Reads into `answer` until `complete` says so or the server closes; at most 4 KiB.
fn read_answer(
    stream: &mut TcpStream,
    complete: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, String> {
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    while !complete(&answer) {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(format!("read after {} bytes: {e}", answer.len())),
        }
        if answer.len() > 4096 {
            return Err("an answer of more than 4 KiB".into());
        }
    }
    Ok(answer)
}

/// The two exercises of the `first` part.
#[derive(Clone, Copy)]
enum Exercise {
    File,
    Add,
}

impl Exercise {
    fn title(self) -> &'static str {
        match self {
            Self::File => "tcp-file, a 1-byte file",
            Self::Add => "tcp-add, one name and number",
        }
    }

    fn socklab_name(self) -> &'static str {
        match self {
            Self::File => "tcp-file",
            Self::Add => "tcp-add",
        }
    }

    fn python_name(self) -> &'static str {
        match self {
            Self::File => "Python file_server.py",
            Self::Add => "Python add_server.py",
        }
    }

    fn socklab_args(self, port: u16, root: &Path) -> Vec<String> {
        let port = port.to_string();
        let mut args: Vec<String> = match self {
            Self::File => vec![
                "tcp-file".into(),
                "server".into(),
                "--root".into(),
                root.display().to_string(),
                port,
            ],
            Self::Add => vec![
                "tcp-add".into(),
                "server".into(),
                "--port".into(),
                port,
                // No space in the name: the colon-line format separates with ": ".
                "--name".into(),
                "socklab".into(),
                "--number".into(),
                ADD_NUMBER.to_string(),
            ],
        };
        args.extend(["--bind".into(), "127.0.0.1".into()]);
        args
    }

    /// One request on a new connection; the ms from just before `connect` to the answer's
    /// last byte.
    fn ask(self, port: u16) -> Result<f64, String> {
        let began = Instant::now();
        let mut stream = connect(port)?;
        let answer = match self {
            Self::File => {
                stream
                    .write_all(ONE_BYTE_FILE.as_bytes())
                    .and_then(|()| stream.shutdown(Shutdown::Write))
                    .map_err(|e| format!("send: {e}"))?;
                read_answer(&mut stream, |_| false)?
            }
            Self::Add => {
                stream
                    .write_all(ADD_REQUEST)
                    .map_err(|e| format!("send: {e}"))?;
                read_answer(&mut stream, |a| a.ends_with(b"\n"))?
            }
        };
        let ms = began.elapsed().as_secs_f64() * 1000.0;
        let right = match self {
            Self::File => answer == [ONE_BYTE],
            Self::Add => answer.ends_with(format!(": {ADD_NUMBER}\n").as_bytes()),
        };
        if right {
            Ok(ms)
        } else {
            Err(format!(
                "unexpected answer {:?}",
                String::from_utf8_lossy(&answer)
            ))
        }
    }

    /// One request to a Python peer of its own, started (and listening) before the clock.
    fn ask_python(self, root: &Path) -> Result<f64, String> {
        let mut peer = match self {
            Self::File => python_peer("file_server.py", &["tcp", "0"], Some(root)),
            Self::Add => python_peer("add_server.py", &["tcp", "colon-line"], None),
        }?;
        let answer = self.ask(peer.port);
        // Gone before the next request is timed.
        peer.wait_exit(Duration::from_secs(2));
        answer
    }
}

/// Median and min-max of `xs`, as "median (min-max)" with `decimals`.
fn cell(xs: &[f64], decimals: usize) -> String {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match (v.first(), v.last()) {
        (Some(min), Some(max)) => format!(
            "{:.*} ({:.*}-{:.*})",
            decimals,
            median(&v),
            decimals,
            min,
            decimals,
            max
        ),
        _ => "-".into(),
    }
}

/// The median of `xs`; NaN when there are none.
fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Runs `each` on every peer `runs` times, the order turned round every round.
fn alternate<T>(runs: usize, peers: usize, mut each: impl FnMut(usize) -> T) -> Vec<Vec<T>> {
    let mut results: Vec<Vec<T>> = (0..peers).map(|_| Vec::new()).collect();
    for round in 0..runs {
        let order: Vec<usize> = if round % 2 == 0 {
            (0..peers).collect()
        } else {
            (0..peers).rev().collect()
        };
        for peer in order {
            results[peer].push(each(peer));
        }
    }
    results
}

/// Python's echo server, then each socklab build's, with the names the tables show.
fn echo_servers(tcp: bool, programs: &[(String, String)]) -> Vec<(String, Server)> {
    let (python_name, sub, transport) = if tcp {
        ("Python ThreadingTCPServer", "tcp-echo", "tcp")
    } else {
        ("Python UDPServer", "udp-echo", "udp")
    };
    let python = python_peer("echo_server_socketserver.py", &[transport, "0"], None)
        .unwrap_or_else(|e| panic!("Python's echo server ({}): {e}", python_program()));
    let mut servers = vec![(python_name.to_owned(), python)];
    for (name, program) in programs {
        let port = free_port(tcp);
        let args: Vec<String> = [sub, "server", "--bind", "127.0.0.1", "--port"]
            .iter()
            .map(|s| s.to_string())
            .chain([port.to_string()])
            .collect();
        servers.push((format!("{name} {sub}"), socklab(program, &args, port, tcp)));
    }
    servers
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}

/// Every target's verdict and numbers, series by series, in the order first seen.
#[derive(Default)]
struct Summary {
    rows: Vec<(String, Vec<(bool, String)>)>,
}

impl Summary {
    fn record(&mut self, target: String, met: bool, shown: String) {
        match self.rows.iter_mut().find(|(t, _)| *t == target) {
            Some((_, series)) => series.push((met, shown)),
            None => self.rows.push((target, vec![(met, shown)])),
        }
    }

    fn print(&self, series: usize) {
        if self.rows.is_empty() {
            return;
        }
        println!(
            "\nSummary: in how many of the {series} series each target was met, and each series' numbers (socklab / Python: ratios of the series' medians)"
        );
        let mut header = String::from("| target | met |");
        let mut rule = String::from("|---|---|");
        for s in 1..=series {
            header.push_str(&format!(" series {s} |"));
            rule.push_str("---|");
        }
        println!("{header}\n{rule}");
        for (target, results) in &self.rows {
            let met = results.iter().filter(|(m, _)| *m).count();
            let mut line = format!("| {target} | {met} of {} |", results.len());
            for (m, shown) in results {
                line.push_str(&format!(" {shown}{} |", if *m { "" } else { " (not met)" }));
            }
            println!("{line}");
        }
    }
}

fn tcp_part(series: usize, runs: usize, programs: &[(String, String)], summary: &mut Summary) {
    let total = (CLIENTS * ROUND_TRIPS) as f64;
    println!(
        "\nTCP echo: {CLIENTS} concurrent clients x {ROUND_TRIPS} round trips of {MESSAGE_BYTES} bytes, {runs} rounds alternated (median, min-max)"
    );
    let servers = echo_servers(true, programs);
    let results = alternate(runs, servers.len(), |i| tcp_load(&servers[i].1));
    drop(servers);
    println!(
        "{:<28}{:>8}{:>26}{:>22}{:>22}{:>22}{:>10}",
        "server", "errors", "round trips/s", "p50 ms", "p99 ms", "mean ms", "peak RSS"
    );
    let names: Vec<String> = std::iter::once("Python ThreadingTCPServer".to_owned())
        .chain(programs.iter().map(|(name, _)| format!("{name} tcp-echo")))
        .collect();
    let (mut rates, mut p50s, mut p99s, mut means, mut rsss, mut errs) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for (name, rs) in names.iter().zip(&results) {
        let rate: Vec<f64> = rs.iter().map(|r| total / r.seconds).collect();
        let p50: Vec<f64> = rs.iter().map(|r| r.p50_ms).collect();
        let p99: Vec<f64> = rs.iter().map(|r| r.p99_ms).collect();
        let mean: Vec<f64> = rs.iter().map(|r| r.mean_ms).collect();
        let errors: u64 = rs.iter().map(|r| r.errors).sum();
        let rss = rs.iter().map(|r| r.rss_mib).fold(0.0, f64::max);
        println!(
            "{name:<28}{errors:>8}{:>26}{:>22}{:>22}{:>22}{rss:>6.1} MiB",
            cell(&rate, 0),
            cell(&p50, 2),
            cell(&p99, 2),
            cell(&mean, 2)
        );
        rates.push(median(&rate));
        p50s.push(median(&p50));
        p99s.push(median(&p99));
        means.push(median(&mean));
        rsss.push(rss);
        errs.push(errors);
    }
    for (k, (name, _)) in programs.iter().enumerate().map(|(i, p)| (i + 1, p)) {
        let throughput = rates[k] / rates[0];
        let p50 = p50s[k] / p50s[0];
        let p99 = p99s[k] / p99s[0];
        let (rss, python_rss) = (rsss[k], rsss[0]);
        let errors = errs[k];
        let met = [
            throughput >= 3.0,
            p50 <= 1.0,
            p99 <= 1.0,
            rss <= python_rss,
            errors == 0,
        ];
        println!(
            "series {series}, {name} TCP echo / Python (medians): throughput {throughput:.2}x >= 3x {}; p50 {p50:.2}x <= 1x {}; p99 {p99:.2}x <= 1x {}; peak RSS {rss:.1} / {python_rss:.1} MiB {}; errors {errors} {} (mean round trip {:.2}x)",
            verdict(met[0]),
            verdict(met[1]),
            verdict(met[2]),
            verdict(met[3]),
            verdict(met[4]),
            means[k] / means[0],
        );
        summary.record(
            format!("{name} TCP echo throughput >= 3x Python's"),
            met[0],
            format!("{throughput:.2}x"),
        );
        summary.record(
            format!("{name} TCP echo p50 <= Python's"),
            met[1],
            format!("{p50:.2}x"),
        );
        summary.record(
            format!("{name} TCP echo p99 <= Python's"),
            met[2],
            format!("{p99:.2}x"),
        );
        summary.record(
            format!("{name} TCP echo peak RSS <= Python's"),
            met[3],
            format!("{rss:.1} / {python_rss:.1} MiB"),
        );
        summary.record(
            format!("{name} TCP echo 0 errors"),
            met[4],
            errors.to_string(),
        );
    }
}

fn udp_part(runs: usize, programs: &[(String, String)]) {
    println!(
        "\nUDP echo: {DATAGRAMS} datagrams of {MESSAGE_BYTES} bytes, {UDP_WINDOW} in flight, {runs} rounds alternated"
    );
    let servers = echo_servers(false, programs);
    let results = alternate(runs, servers.len(), |i| udp_load(&servers[i].1));
    println!(
        "{:<28}{:>12}{:>26}{:>10}",
        "server", "answered", "datagrams/s", "peak RSS"
    );
    for ((name, _), rs) in servers.iter().zip(&results) {
        let answered: usize = rs.iter().map(|r| r.1).sum();
        let rate: Vec<f64> = rs.iter().map(|r| r.1 as f64 / r.0).collect();
        let rss = rs.iter().map(|r| r.2).fold(0.0, f64::max);
        println!(
            "{name:<28}{:>11.1}%{:>26}{rss:>6.1} MiB",
            100.0 * answered as f64 / (DATAGRAMS * runs) as f64,
            cell(&rate, 0)
        );
    }
}

fn first_part(
    series: usize,
    requests: usize,
    programs: &[(String, String)],
    root: &Path,
    summary: &mut Summary,
) {
    for exercise in [Exercise::File, Exercise::Add] {
        println!(
            "\nFirst answer, {}: {requests} requests per server, each a new connection, alternated; ms from connect to the answer's last byte (median, min-max)",
            exercise.title()
        );
        let servers: Vec<Server> = programs
            .iter()
            .map(|(_, program)| {
                let port = free_port(true);
                socklab(program, &exercise.socklab_args(port, root), port, true)
            })
            .collect();
        let results = alternate(requests, servers.len() + 1, |i| {
            if i == 0 {
                exercise.ask_python(root)
            } else {
                exercise.ask(servers[i - 1].port)
            }
        });
        drop(servers);
        let names: Vec<String> = std::iter::once(exercise.python_name().to_owned())
            .chain(
                programs
                    .iter()
                    .map(|(name, _)| format!("{name} {}", exercise.socklab_name())),
            )
            .collect();
        println!("{:<28}{:>8}{:>26}", "server", "errors", "ms");
        let mut medians = Vec::new();
        let mut errors = Vec::new();
        for (name, rs) in names.iter().zip(&results) {
            let ms: Vec<f64> = rs.iter().filter_map(|r| r.as_ref().ok().copied()).collect();
            let failed: Vec<&String> = rs.iter().filter_map(|r| r.as_ref().err()).collect();
            println!("{name:<28}{:>8}{:>26}", failed.len(), cell(&ms, 2));
            if let Some(first) = failed.first() {
                println!("    first error: {first}");
            }
            medians.push(median(&ms));
            errors.push(failed.len());
        }
        for (k, name) in names.iter().enumerate().skip(1) {
            let met = medians[k] <= FIRST_TARGET_MS;
            println!(
                "series {series}, {name}: median {:.2} ms <= {FIRST_TARGET_MS} ms {} (Python's median {:.2} ms); errors {}",
                medians[k],
                verdict(met),
                medians[0],
                errors[k]
            );
            summary.record(
                format!("{name} first answer median <= {FIRST_TARGET_MS} ms"),
                met,
                format!("{:.2} ms (Python {:.2})", medians[k], medians[0]),
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Tcp,
    Udp,
    First,
}

/// The parts LOAD_PARTS names, in its order.
fn parts() -> Vec<Part> {
    let list = std::env::var("LOAD_PARTS").unwrap_or_else(|_| "tcp,udp,first".into());
    let mut parts = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let part = match name {
            "tcp" => Part::Tcp,
            "udp" => Part::Udp,
            "first" => Part::First,
            other => panic!("LOAD_PARTS: unknown part {other:?} (the parts: tcp, udp, first)"),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    assert!(
        !parts.is_empty(),
        "LOAD_PARTS names no part (the parts: tcp, udp, first)"
    );
    parts
}

/// A positive whole number from the environment variable `name`, or `default`.
fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse::<usize>()
            .unwrap_or_else(|_| panic!("{name}={v:?}: not a whole number"))
            .max(1),
        Err(_) => default,
    }
}

fn main() {
    let runs = env_count("LOAD_RUNS", 7);
    let series = env_count("LOAD_SERIES", 1);
    let requests = env_count("LOAD_FIRST", 40);
    let parts = parts();
    let mut programs = vec![(
        "socklab".to_owned(),
        env!("CARGO_BIN_EXE_socklab").to_owned(),
    )];
    if let Ok(b) = std::env::var("LOAD_SOCKLAB_B") {
        programs.push(("socklab (B)".to_owned(), b));
    }
    // The folder both file servers share, with its 1-byte file.
    let folder = tempfile::tempdir().expect("a temporary folder for the 1-byte file");
    if parts.contains(&Part::First) {
        std::fs::write(folder.path().join(ONE_BYTE_FILE), [ONE_BYTE])
            .expect("write the 1-byte file");
    }
    let mut summary = Summary::default();
    for s in 1..=series {
        println!("\n=== series {s} of {series} ===");
        for part in &parts {
            match part {
                Part::Tcp => tcp_part(s, runs, &programs, &mut summary),
                Part::Udp => udp_part(runs, &programs),
                Part::First => first_part(s, requests, &programs, folder.path(), &mut summary),
            }
        }
    }
    summary.print(series);
}
