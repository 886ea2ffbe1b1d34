//! Helpers shared by the integration tests: start runners on loopback, collect their events,
//! run Python peers with a deadline; `check` runs `socklab check` and reads its reports.
//! Every test binary compiles all of them and uses some: unused ones are allowed here.
#![allow(dead_code)]

pub mod check;

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use socklab::net::event::{Event, Stamped, Summary};
use socklab::net::runner::{self, Reporter, RunHandle, StopFlag};

/// A loopback port free at the moment (TCP or UDP), for a server a test starts.
pub fn free_port(tcp: bool) -> u16 {
    let port = if tcp {
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr())
    } else {
        std::net::UdpSocket::bind("127.0.0.1:0").and_then(|s| s.local_addr())
    };
    port.expect("a free loopback port").port()
}

/// A port free at the moment on every interface (TCP or UDP) and below the system's range for
/// outgoing connections, for a student's server that a check starts again and again: a port
/// in that range (what `free_port` gives) can be taken by any test's outgoing connection
/// between two starts, and the program then cannot listen (`socklab check` warns of such
/// ports). Drawn from 14000-19999: below the ports of parallel check jobs (20000-31999).
pub fn check_port(tcp: bool) -> u16 {
    for _ in 0..1000 {
        let port = 14_000 + rand::random::<u16>() % 6_000;
        let free = if tcp {
            std::net::TcpListener::bind(("0.0.0.0", port)).is_ok()
        } else {
            std::net::UdpSocket::bind(("0.0.0.0", port)).is_ok()
        };
        if free {
            return port;
        }
    }
    panic!("no free port in 14000-19999");
}

/// Every wait in the tests is bounded by this.
pub const WAIT: Duration = Duration::from_secs(10);

/// A runner started by a test, with its events.
pub struct Running {
    pub handle: RunHandle,
    pub rx: Receiver<Box<Stamped>>,
    pub local: Option<SocketAddr>,
}

impl Running {
    /// Events until `Finished` (which is returned last), within `WAIT`.
    pub fn finish(self) -> Vec<Event> {
        let events = collect_until_finished(&self.rx, WAIT);
        self.handle.join();
        events
    }

    /// Events that have arrived so far (waits up to `wait` for the first one).
    pub fn drain(&self, wait: Duration) -> Vec<Event> {
        let mut out = Vec::new();
        if let Ok(s) = self.rx.recv_timeout(wait) {
            out.push(s.event);
        }
        out.extend(self.rx.try_iter().map(|s| s.event));
        out
    }

    pub fn port(&self) -> u16 {
        self.local.map(|a| a.port()).unwrap_or(0)
    }

    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port())
    }
}

/// Starts `work`; when `wait_listening`, waits for its `Listening` event.
pub fn start<F>(name: &str, wait_listening: bool, work: F) -> Running
where
    F: FnOnce(&Reporter, &StopFlag) -> socklab::Result<Summary> + Send + 'static,
{
    start_with(name, wait_listening, None, work)
}

/// [`start`], with a capture's `payload` cap when given (bulk bytes reported as `Payload`).
pub fn start_with<F>(name: &str, wait_listening: bool, payload: Option<u64>, work: F) -> Running
where
    F: FnOnce(&Reporter, &StopFlag) -> socklab::Result<Summary> + Send + 'static,
{
    let (reporter, rx) = Reporter::channel(None);
    let reporter = match payload {
        Some(cap) => reporter.with_payload(cap),
        None => reporter,
    };
    let handle = runner::spawn(name, reporter, work).expect("spawn runner");
    let mut local = None;
    if wait_listening {
        let deadline = Instant::now() + WAIT;
        while local.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx
                .recv_timeout(left)
                .expect("server did not start listening in time")
                .event
            {
                Event::Listening { local: l, .. } => local = Some(l),
                Event::Finished(r) => panic!("server ended before listening: {r:?}"),
                _ => {}
            }
        }
    }
    Running { handle, rx, local }
}

/// Collects events until `Finished` or the deadline (then panics).
pub fn collect_until_finished(rx: &Receiver<Box<Stamped>>, wait: Duration) -> Vec<Event> {
    let deadline = Instant::now() + wait;
    let mut events = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let stamped = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("runner did not finish in {wait:?}; saw {events:#?}"));
        let done = matches!(stamped.event, Event::Finished(_));
        events.push(stamped.event);
        if done {
            return events;
        }
    }
}

/// The `Finished` result at the end of `events`.
pub fn outcome(events: &[Event]) -> &socklab::Result<Summary> {
    match events.last() {
        Some(Event::Finished(r)) => r,
        other => panic!("no Finished event at the end: {other:?}"),
    }
}

/// Why each connection closed, in order.
pub fn close_reasons(events: &[Event]) -> Vec<&str> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Closed { reason, .. } => Some(reason.as_str()),
            _ => None,
        })
        .collect()
}

/// Every log line's text.
pub fn log_texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Log { text, .. } => Some(text.to_string()),
            _ => None,
        })
        .collect()
}

pub fn peers_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("peers")
}

/// The Python interpreter the peers run with.
/// The Python the peers run with: `$PYTHON`, else the system's own (which any user can run:
/// `socklab check` runs programs as `nobody` when the tests run as root), else `python3`.
pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| {
        if std::path::Path::new("/usr/bin/python3").exists() {
            "/usr/bin/python3".into()
        } else {
            "python3".into()
        }
    })
}

/// Starts a Python peer script from tests/peers with piped output.
pub fn spawn_python(script: &str, args: &[&str]) -> Child {
    Command::new(python())
        .arg(peers_dir().join(script))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {} (Python 3 is needed for the peer tests): {e}",
                python()
            )
        })
}

/// Output of a finished process.
pub struct Finished {
    pub success: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Waits for `child` at most `wait`, killing it after that. Its output is read as it comes,
/// so a program that prints more than a pipe holds never waits on the test.
pub fn wait_output(mut child: Child, wait: Duration) -> Finished {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<String> {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + wait;
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let stdout = stdout.join().unwrap_or_default();
            let stderr = stderr.join().unwrap_or_default();
            panic!("process still running after {wait:?}; stdout: {stdout}\nstderr: {stderr}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Finished {
        success: status.success(),
        code: status.code(),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

/// Streams a child's stdout lines over a channel, so tests can wait for one with a deadline
/// (a pipe read cannot time out by itself). The thread ends when the pipe closes.
pub fn stdout_lines(child: &mut Child) -> Receiver<String> {
    let stdout = child.stdout.take().expect("stdout was not piped");
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("test stdout reader".into())
        .spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        })
        .expect("spawn reader");
    rx
}

/// Waits for a line starting with `prefix` and returns the rest of it.
pub fn line_starting(lines: &Receiver<String>, prefix: &str) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => {
                if let Some(rest) = line.strip_prefix(prefix) {
                    return rest.to_owned();
                }
            }
            Err(_) => panic!("no line starting with {prefix:?} within {WAIT:?}"),
        }
    }
}

/// `command` with no input and its output piped, as the tests read programs.
pub fn piped(mut command: Command) -> Command {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// socklab's own binary, as a student would run it from a terminal (see [`piped`]).
pub fn socklab_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_socklab"));
    command.args(args);
    piped(command)
}

/// [`socklab_command`], started.
pub fn socklab_cli(args: &[&str]) -> Child {
    socklab_command(args).spawn().unwrap()
}

/// Waits until the files in `dir` hold at least `bytes` together (a download under way),
/// at most `within`.
pub fn wait_growing(dir: &std::path::Path, bytes: u64, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let size: u64 = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        if size >= bytes {
            return;
        }
        assert!(Instant::now() < deadline, "the download never got going");
        std::thread::sleep(Duration::from_millis(20));
    }
}

// ---- Tools from the system's packages ----

/// One installer at a time (apt and dpkg lock).
pub static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A line on the test's stderr that the test harness does not capture: a skip is seen.
pub fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

pub fn which(bin: &str) -> Option<PathBuf> {
    let out = Command::new("sh")
        .args(["-c", &format!("command -v {bin}")])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
}

pub fn can_install() -> bool {
    which("apt-get").is_some()
        && Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `bin`, installed from `package` (or packages, separated by spaces) if it is missing and the
/// test may install; None (with the reason printed) when it cannot be had.
pub fn tool(bin: &str, package: &str) -> Option<PathBuf> {
    let _lock = INSTALL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(path) = which(bin) {
        return Some(path);
    }
    if can_install() {
        let install = || {
            // Bounded: a slow mirror skips the case rather than holding the suite.
            let _ = Command::new("timeout")
                .args([
                    "300",
                    "apt-get",
                    "install",
                    "-y",
                    "-qq",
                    "--no-install-recommends",
                ])
                .args(package.split_whitespace())
                .env("DEBIAN_FRONTEND", "noninteractive")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        };
        install();
        if which(bin).is_none() {
            // The package lists may be missing or stale on a fresh machine.
            let _ = Command::new("timeout")
                .args(["300", "apt-get", "update", "-qq"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            install();
        }
    }
    let found = which(bin);
    if found.is_none() {
        say(&format!(
            "skipped: {bin} is not installed and package {package} could not be installed"
        ));
    }
    found
}
