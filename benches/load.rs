//! Load on the echo servers, socklab against Python's socketserver peers in the same run:
//! 1,000 concurrent TCP clients × 100 round trips each (errors, throughput, p50/p99 latency),
//! then 100,000 UDP datagrams (delivered, throughput), with each server's peak RSS.
//! The servers start once; the rounds alternate them (A B, then B A, …); each cell is the
//! median of the rounds with their min-max.
//! Target: TCP throughput ≥ 3× Python's, p50 and p99 no higher than Python's, 0 errors.
//!
//! Run: `cargo bench --bench load` (needs python3). `LOAD_RUNS=N` rounds (default 7);
//! `LOAD_SOCKLAB_B=/path/to/socklab` adds a second socklab build to compare.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const CLIENTS: usize = 1000;
const ROUND_TRIPS: usize = 100;
const MESSAGE_BYTES: usize = 64;
const DATAGRAMS: usize = 100_000;
const UDP_WINDOW: usize = 32;

/// A server process and the port it listens on.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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

fn socklab(tcp: bool, program: &str) -> Server {
    let port = free_port(tcp);
    let sub = if tcp { "tcp-echo" } else { "udp-echo" };
    let child = Command::new(program)
        .args([
            sub,
            "server",
            "--bind",
            "127.0.0.1",
            "--port",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run socklab");
    std::thread::sleep(Duration::from_millis(500));
    Server { child, port }
}

fn python(tcp: bool) -> Server {
    let port = free_port(tcp);
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/peers/echo_server_socketserver.py"
    );
    let mut child = Command::new(std::env::var("PYTHON").unwrap_or_else(|_| "python3".into()))
        .args([script, if tcp { "tcp" } else { "udp" }, &port.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run python3");
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    Server { child, port }
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
    let mut latencies: Vec<f64> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap_or_default())
        .collect();
    let seconds = began.elapsed().as_secs_f64();
    done.store(true, Ordering::Relaxed);
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

/// Median and min-max of `xs`, as "median (min-max)" with `decimals`.
fn cell(xs: &[f64], decimals: usize) -> String {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    format!(
        "{:.*} ({:.*}-{:.*})",
        decimals,
        median(&v),
        decimals,
        v[0],
        decimals,
        v[v.len() - 1]
    )
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
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
fn start_servers(tcp: bool, programs: &[(&str, String)]) -> Vec<(String, Server)> {
    let (python_name, sub) = if tcp {
        ("Python ThreadingTCPServer", "tcp-echo")
    } else {
        ("Python UDPServer", "udp-echo")
    };
    let mut servers = vec![(python_name.to_owned(), python(tcp))];
    for (name, program) in programs {
        servers.push((format!("{name} {sub}"), socklab(tcp, program)));
    }
    servers
}

fn main() {
    let runs: usize = std::env::var("LOAD_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7)
        .max(1);
    let mut programs = vec![("socklab", env!("CARGO_BIN_EXE_socklab").to_owned())];
    if let Ok(b) = std::env::var("LOAD_SOCKLAB_B") {
        programs.push(("socklab (B)", b));
    }
    let total = (CLIENTS * ROUND_TRIPS) as f64;
    println!(
        "TCP echo: {CLIENTS} concurrent clients x {ROUND_TRIPS} round trips of {MESSAGE_BYTES} bytes, {runs} rounds alternated (median, min-max)"
    );
    let servers = start_servers(true, &programs);
    let results = alternate(runs, servers.len(), |i| tcp_load(&servers[i].1));
    println!(
        "{:<28}{:>8}{:>26}{:>22}{:>22}{:>22}{:>10}",
        "server", "errors", "round trips/s", "p50 ms", "p99 ms", "mean ms", "peak RSS"
    );
    let mut rates = Vec::new();
    let mut p50s = Vec::new();
    let mut p99s = Vec::new();
    let mut means = Vec::new();
    for ((name, _), rs) in servers.iter().zip(&results) {
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
    }
    for (i, (name, _)) in programs.iter().enumerate() {
        let k = i + 1;
        println!(
            "{name} / Python (medians): throughput {:.2}x, p50 {:.2}x, p99 {:.2}x, mean {:.2}x",
            rates[k] / rates[0],
            p50s[k] / p50s[0],
            p99s[k] / p99s[0],
            means[k] / means[0]
        );
    }
    drop(servers);

    println!(
        "\nUDP echo: {DATAGRAMS} datagrams of {MESSAGE_BYTES} bytes, {UDP_WINDOW} in flight, {runs} rounds alternated"
    );
    let servers = start_servers(false, &programs);
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
