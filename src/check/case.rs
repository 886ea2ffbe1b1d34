//! What the checks of every exercise share: the student's server under test ([`Subject`]),
//! socklab's own side ([`Peer`]), the capture of each case, and the verdicts several exercises
//! give alike (`listens`, what a program shows, how it exits).

use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;

use super::error::CheckError;
use super::options::{Options, expand};
use super::program::{Answers, Program};
use super::report::{CheckResult, Verdict};
use super::{ports, spec};
use crate::exercise::Exercise;
use crate::net::event::{Event, Stamped};
use crate::net::runner::{self, Reporter, RunHandle, StopFlag};

thread_local! {
    /// The capture of the case under way on this thread (a check runs its cases on one
    /// thread; `--jobs` runs checks on threads of their own).
    pub(super) static CASE_CAPTURE: std::cell::RefCell<Option<CaseCapture>> =
        const { std::cell::RefCell::new(None) };
}

/// What socklab's runners did in the case under way, written when its result comes.
type CaseCapture = std::sync::Arc<std::sync::Mutex<crate::net::capture::Capture<Vec<u8>>>>;

pub(super) fn new_case_capture() -> Option<CaseCapture> {
    crate::net::capture::Capture::new(Vec::new(), Default::default())
        .ok()
        .map(|c| std::sync::Arc::new(std::sync::Mutex::new(c)))
}

/// Writes the capture of the case that ended with `result` to `dir`, and starts the next.
pub(super) fn save_case_capture(dir: &std::path::Path, id: &str) -> Result<(), String> {
    let done = CASE_CAPTURE.with(|c| c.borrow_mut().replace(new_case_capture()?));
    let Some(done) = done else { return Ok(()) };
    let Ok(capture) = done.lock() else {
        return Ok(());
    };
    if capture.packets() == 0 {
        return Ok(());
    }
    let path = dir.join(format!("{id}.pcapng"));
    crate::files::write_atomically(&path, capture.get_ref())
        .map_err(|e| format!("cannot write the capture {}: {e}", path.display()))
}

/// Whether something listens on `port` (TCP) or has it bound (UDP), read from the system's
/// socket table where there is one (Linux), so that a server that serves one client is never
/// spent on a probe. Elsewhere a bind of the port is tried and released at once.
pub fn is_listening(port: u16, tcp: bool) -> bool {
    ports::holder(port, tcp).is_some()
}

/// What holds `port`; a socket that no process owns is being closed, and gets a second to go.
pub(super) fn settled_holder(port: u16, tcp: bool) -> Option<ports::Holder> {
    let until = Instant::now() + Duration::from_secs(1);
    loop {
        match ports::holder(port, tcp) {
            Some(h) if h.pid.is_none() && Instant::now() < until => {
                std::thread::sleep(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Whether a program's output says its port was in use (Python on Linux and Windows, C's perror).
fn addr_in_use(output: &str) -> bool {
    output.contains("Address already in use")
        || output.contains("Errno 98")
        || output.contains("10048")
}

/// The first check of every server: it starts and listens.
pub const LISTENS: spec::Spec = spec::Spec::required("listens", "title-listens");

/// How long a server under test is left alone between two cases.
pub(crate) const SETTLE: Duration = Duration::from_millis(250);

/// A student's server under test: started on demand, and started again when it has exited.
pub struct Subject<'a> {
    pub o: &'a Options,
    command: Vec<String>,
    answers: Answers,
    pub program: Option<Program>,
    /// How many times it was started.
    pub starts: usize,
}

impl<'a> Subject<'a> {
    pub fn new(o: &'a Options, answers: Answers) -> Self {
        Self {
            o,
            command: expand(&o.command, o, &[]),
            answers,
            program: None,
            starts: 0,
        }
    }

    /// Makes sure the program runs and listens; true when it does.
    pub fn ready(&mut self) -> Result<bool, CheckError> {
        let tcp = self.o.exercise.tcp();
        // A moment for what the last case left (a connection still in its backlog) to be
        // served, so that an exit it causes is not taken for the next case's doing.
        if let Some(p) = self.program.as_mut()
            && p.wait_exit(SETTLE).is_none()
        {
            return Ok(wait_listening(p, self.o.port, tcp, Duration::from_secs(5)));
        }
        // Its port must be free before it starts again (a lab server rarely sets SO_REUSEADDR,
        // and cannot bind a port that a connection of the last case still holds). For TCP the
        // quiet port includes its listener being gone.
        if tcp {
            ports::wait_tcp_quiet(self.o.port, Duration::from_secs(3));
        } else {
            wait_released(self.o.port, tcp, Duration::from_secs(3));
        }
        self.program = None;
        let mut p = Program::start(&self.command, self.answers.clone(), self.o)?;
        self.starts += 1;
        let mut up = wait_listening(&mut p, self.o.port, tcp, Duration::from_secs(5));
        // It could not bind because a connection of an earlier case (or of the submission
        // before) was still closing on the port: once the port is free, it gets its start
        // again (not the program's fault). A program that cannot bind for a reason of its own
        // fails the same way again.
        for _ in 0..2 {
            if up || !tcp || !addr_in_use(&p.output()) {
                break;
            }
            ports::wait_tcp_quiet(self.o.port, Duration::from_secs(3));
            p = Program::start(&self.command, self.answers.clone(), self.o)?;
            up = wait_listening(&mut p, self.o.port, tcp, Duration::from_secs(5));
        }
        self.program = Some(p);
        Ok(up)
    }

    pub fn program(&mut self) -> Option<&mut Program> {
        self.program.as_mut()
    }

    /// Why the server is not there for the next case, after [`Self::ready`] said so: the
    /// program's doing, or socklab's own previous connection still holding the port (a lab
    /// server without SO_REUSEADDR cannot bind a port with a connection in TIME_WAIT).
    pub fn not_back(&mut self) -> String {
        let port = self.o.port;
        let left = if self.o.exercise.tcp() {
            ports::time_waits(port)
        } else {
            0
        };
        let in_use = self
            .program
            .as_ref()
            .is_some_and(|p| addr_in_use(&p.output()));
        if in_use && left > 0 {
            format!(
                "the server could not start again: {left} earlier connection(s) of socklab's still hold port {port} in TIME_WAIT, and it does not set SO_REUSEADDR (socklab's doing, not the program's)"
            )
        } else {
            let exited = self.program.as_mut().is_some_and(|p| !p.is_running());
            if exited {
                format!(
                    "the server did not come back: {}",
                    not_listening(self.program.as_mut(), port)
                )
            } else {
                "the server did not come back".to_owned()
            }
        }
    }

    /// The `listens` check, and when the program never listened, `skipping` set so that every
    /// later check of the table is skipped for that reason.
    pub fn listens_or_skip(
        &mut self,
        skipping: &mut Option<&'static str>,
    ) -> Result<CheckResult, CheckError> {
        let (listening, result) = self.listens()?;
        if !listening {
            *skipping = Some("the server never listened");
        }
        Ok(result)
    }

    /// The `listens` check: the program started, and its own process tree listens on the port
    /// within 5 s.
    pub fn listens(&mut self) -> Result<(bool, CheckResult), CheckError> {
        let up = self.ready()?;
        let port = self.o.port;
        let reason = if up {
            format!("it listens on port {port}")
        } else {
            let mut why = not_listening(self.program(), port);
            let refused = self
                .program
                .as_ref()
                .is_some_and(|p| addr_in_use(&p.output()));
            if refused && self.o.exercise.tcp() && !ports::tcp_bindable(port) {
                why.push_str(&format!(
                    "; port {port} is still held by another socket ({} in the system's table), which may not be the program's doing",
                    ports::tcp_sockets_on(port)
                ));
            }
            why
        };
        let verdict = if up { Verdict::Pass } else { Verdict::Fail };
        let r = LISTENS.result(verdict, reason, self.program(), spec::Wire::default());
        Ok((up, r))
    }
}

/// Whether `output` shows every one of `wanted`, and the reason either way.
pub fn output_shows(output: &str, wanted: &[String]) -> (Verdict, String) {
    let missing: Vec<String> = wanted
        .iter()
        .filter(|w| !output.contains(w.as_str()))
        .map(|m| format!("\"{m}\""))
        .collect();
    if missing.is_empty() {
        (
            Verdict::Pass,
            format!("its output shows {}", wanted.join(", ")),
        )
    } else {
        (
            Verdict::Fail,
            format!("its output lacks {}", missing.join(", ")),
        )
    }
}

/// An advisory verdict on how a program ended: within the wait (`code` from `wait_exit`), and
/// without a traceback in its `output`; `ended` says how it ended when it did.
pub fn ended_cleanly(
    code: Option<Option<i32>>,
    output: &str,
    waited: Duration,
    ended: &str,
) -> (Verdict, String) {
    if crashed(output) {
        (Verdict::Fail, "a traceback".to_owned())
    } else if code.is_none() {
        (
            Verdict::Fail,
            format!("still running after {} s", waited.as_secs()),
        )
    } else {
        (Verdict::Pass, ended.to_owned())
    }
}

/// An `exits` verdict from how the program ended (`wait_exit`), `after` what.
pub fn exit_verdict(code: Option<Option<i32>>, after: &str) -> (Verdict, String) {
    match code {
        Some(Some(0)) => (Verdict::Pass, "exit code 0".to_owned()),
        Some(Some(c)) => (Verdict::Fail, format!("exit code {c}")),
        Some(None) => (Verdict::Fail, "ended by a signal".to_owned()),
        None => (Verdict::Fail, format!("still running 5 s after {after}")),
    }
}

/// Waits until `port` is listening (or bound) by `program` or a process it started, at most
/// `wait`; false if `program` exits first.
pub fn wait_listening(program: &mut Program, port: u16, tcp: bool, wait: Duration) -> bool {
    let until = Instant::now() + wait;
    while Instant::now() < until {
        if ports::held_by_tree(port, tcp, program.pid()) {
            return true;
        }
        if !program.is_running() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    false
}

/// Waits until nothing listens on `port` any more, at most `wait`.
pub fn wait_released(port: u16, tcp: bool, wait: Duration) -> bool {
    let until = Instant::now() + wait;
    while Instant::now() < until {
        if !is_listening(port, tcp) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    !is_listening(port, tcp)
}

/// A socklab runner started for a check, and its events.
pub struct Peer {
    handle: Option<RunHandle>,
    rx: Receiver<Stamped>,
    pub events: Vec<Event>,
    /// The case's capture, when `--pcap` asked for one.
    capture: Option<CaseCapture>,
}

impl Peer {
    pub fn start<F>(name: &str, work: F) -> Option<Self>
    where
        F: FnOnce(&Reporter, &StopFlag) -> crate::Result<crate::net::event::Summary>
            + Send
            + 'static,
    {
        let (reporter, rx) = Reporter::channel(None);
        let capture = CASE_CAPTURE.with(|c| c.borrow().clone());
        let reporter = if capture.is_some() {
            reporter.with_payload(crate::net::capture::DEFAULT_PAYLOAD_CAP)
        } else {
            reporter
        };
        let handle = runner::spawn(name, reporter, work).ok()?;
        Some(Self {
            handle: Some(handle),
            rx,
            events: Vec::new(),
            capture,
        })
    }

    /// Starts one of socklab's servers for a check and waits (at most 2 s) until it listens.
    pub fn serve<F>(name: &str, work: F) -> Result<Self, CheckError>
    where
        F: FnOnce(&Reporter, &StopFlag) -> crate::Result<crate::net::event::Summary>
            + Send
            + 'static,
    {
        let mut peer = Self::start(name, work)
            .ok_or_else(|| CheckError::Peer(format!("socklab's {name} could not start")))?;
        peer.wait_for(Duration::from_secs(2), |e| {
            matches!(e, Event::Listening { .. } | Event::Finished(_))
        });
        Ok(peer)
    }

    /// Collects events until one matches `done` or `wait` passes; true if one matched.
    pub fn wait_for(&mut self, wait: Duration, done: impl Fn(&Event) -> bool) -> bool {
        let until = Instant::now() + wait;
        if self.events.iter().any(&done) {
            return true;
        }
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(s) => {
                    if let Some(c) = &self.capture
                        && let Ok(mut c) = c.lock()
                    {
                        let _ = c.record(&s);
                    }
                    if s.event.is_capture_only() {
                        continue;
                    }
                    let hit = done(&s.event);
                    self.events.push(s.event);
                    if hit {
                        return true;
                    }
                }
                Err(_) => return false,
            }
        }
    }

    /// Waits for the runner to finish (at most `wait`), then stops it.
    pub fn finish(mut self, wait: Duration) -> Vec<Event> {
        self.wait_for(wait, |e| matches!(e, Event::Finished(_)));
        if let Some(handle) = self.handle.take() {
            handle.stop();
            self.wait_for(Duration::from_secs(2), |e| matches!(e, Event::Finished(_)));
            handle.join();
        }
        self.events
    }

    /// Bytes sent and received in the events so far.
    pub fn wire(events: &[Event]) -> (Vec<u8>, Vec<u8>) {
        let (mut sent, mut received) = (Vec::new(), Vec::new());
        for e in events {
            match e {
                Event::Sent { bytes, .. } => sent.extend_from_slice(bytes),
                Event::Received { bytes, .. } => received.extend_from_slice(bytes),
                _ => {}
            }
        }
        (sent, received)
    }
}

/// The answers typed into a program: by prompt, else the `--stdin` lines.
pub fn answers(options: &Options, messages: &[&str], default_fallback: &[&str]) -> Answers {
    let fill = |line: &str| {
        line.replace("{name}", &options.name)
            .replace("{number}", &options.number.to_string())
    };
    let fallback = match &options.stdin {
        Some(text) => text.lines().map(fill).collect(),
        None => default_fallback.iter().map(|l| fill(l)).collect(),
    };
    Answers {
        name: options.name.clone(),
        number: options.number.to_string(),
        messages: messages.iter().map(|m| (*m).to_owned()).collect(),
        guessing: options.exercise == Exercise::UdpGuess,
        fallback,
    }
}

/// Why a server did not listen: it exited (with what code, and the last line it printed), or
/// it is still running without listening.
pub fn not_listening(program: Option<&mut Program>, port: u16) -> String {
    match program {
        Some(p) => match p.exit_code() {
            Some(code) => {
                let out = p.output();
                let last = out
                    .trim_end()
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
                    .to_owned();
                format!(
                    "the program exited (code {}) before listening on port {port}{}",
                    code.map_or_else(|| "none: a signal".to_owned(), |c| c.to_string()),
                    if last.is_empty() {
                        String::new()
                    } else {
                        format!(": {last}")
                    }
                )
            }
            None => format!("nothing listened on port {port} within 5 s"),
        },
        None => format!("nothing listened on port {port} within 5 s"),
    }
}

/// Waits on a non-blocking `listener` for the program under test to connect, at most `wait`
/// and only while it runs; the connection, made blocking again.
pub fn accept_from(
    listener: &std::net::TcpListener,
    program: &mut Program,
    wait: Duration,
) -> Option<std::net::TcpStream> {
    let until = Instant::now() + wait;
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                let _ = stream.set_nonblocking(false);
                return Some(stream);
            }
            Err(_) if Instant::now() < until && program.is_running() => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(_) => return None,
        }
    }
}

/// A connection of socklab's to a server under test, ended with
/// [`crate::net::close_without_time_wait`] when dropped.
pub struct Conn(pub std::net::TcpStream);

impl Drop for Conn {
    fn drop(&mut self) {
        crate::net::close_without_time_wait(&mut self.0);
    }
}

/// Whether the program's output shows a Python traceback (a crash, not a message).
pub fn crashed(output: &str) -> bool {
    output.contains("Traceback (most recent call last)")
}
