//! What the checks of every exercise share: the student's server under test ([`Subject`]),
//! socklab's own side ([`Peer`]), the capture of each case, and the verdicts several exercises
//! give alike (`listens`, what a program shows, how it exits).

use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;

use super::error::CheckError;
use super::options::{Options, expand};
use super::program::{Answers, Program};
use super::report::{CheckResult, Reason, Verdict};
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
    crate::files::write_atomically(&path, capture.get_ref()).map_err(|e| {
        crate::t!(
            "check-cannot-write-capture",
            path = path.display().to_string(),
            error = e.to_string()
        )
    })
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
    pub fn not_back_reason(&mut self) -> Reason {
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
            crate::reason!("check-not-back-time-wait", count = left as u64, port = port)
        } else {
            let exited = self.program.as_mut().is_some_and(|p| !p.is_running());
            if exited {
                crate::reason!(
                    "check-not-back-exited",
                    why = not_listening(self.program.as_mut(), port)
                )
            } else {
                crate::reason!("check-not-back")
            }
        }
    }

    /// The `listens` check, and when the program never listened, `skipping` set (said in the
    /// run's language, with its code) so that every later check of the table is skipped.
    pub fn listens_or_skip_reason(
        &mut self,
        skipping: &mut Option<Reason>,
    ) -> Result<CheckResult, CheckError> {
        let (listening, result) = self.listens()?;
        if !listening {
            *skipping = Some(crate::reason!("check-never-listened"));
        }
        Ok(result)
    }

    /// The `listens` check: the program started, and its own process tree listens on the port
    /// within 5 s.
    pub fn listens(&mut self) -> Result<(bool, CheckResult), CheckError> {
        let up = self.ready()?;
        let port = self.o.port;
        let reason = if up {
            crate::reason!("check-listens", port = port)
        } else {
            let why = why_not_listening(self.program(), port);
            let refused = self
                .program
                .as_ref()
                .is_some_and(|p| addr_in_use(&p.output()));
            if refused && self.o.exercise.tcp() && !ports::tcp_bindable(port) {
                // The cause stays the reason's code; the text says what else holds the port.
                Reason::new(
                    why.code,
                    crate::t!(
                        "check-port-still-held",
                        why = why.text,
                        port = port,
                        sockets = ports::tcp_sockets_on(port).to_string()
                    ),
                )
            } else {
                why
            }
        };
        let verdict = if up { Verdict::Pass } else { Verdict::Fail };
        let r = LISTENS.result(verdict, reason, self.program(), spec::Wire::default());
        Ok((up, r))
    }
}

/// Whether `output` shows every one of `wanted`, and the reason either way.
pub fn output_shows(output: &str, wanted: &[String]) -> (Verdict, Reason) {
    let missing: Vec<String> = wanted
        .iter()
        .filter(|w| !output.contains(w.as_str()))
        .map(|m| format!("\"{m}\""))
        .collect();
    if missing.is_empty() {
        (
            Verdict::Pass,
            crate::reason!("check-output-shows", wanted = wanted.join(", ")),
        )
    } else {
        (
            Verdict::Fail,
            crate::reason!("check-output-lacks", missing = missing.join(", ")),
        )
    }
}

/// An advisory verdict on how a program ended: within the wait (`code` from `wait_exit`), and
/// without a traceback in its `output`; `ended` says how it ended when it did.
/// `ended` is the reason of a pass.
pub fn ended_cleanly_reason(
    code: Option<Option<i32>>,
    output: &str,
    waited: Duration,
    ended: Reason,
) -> (Verdict, Reason) {
    if crashed(output) {
        (Verdict::Fail, crate::reason!("check-traceback"))
    } else if code.is_none() {
        (
            Verdict::Fail,
            crate::reason!("check-still-running", seconds = waited.as_secs()),
        )
    } else {
        (Verdict::Pass, ended)
    }
}

/// An `exits` verdict from how the program ended (`wait_exit`), `after` what (said in the
/// run's language: "the reply", "\"stop\"").
pub fn exit_verdict(code: Option<Option<i32>>, after: &str) -> (Verdict, Reason) {
    match code {
        Some(Some(0)) => (Verdict::Pass, crate::reason!("check-exit-code-0")),
        Some(Some(c)) => (Verdict::Fail, crate::reason!("check-exit-code", code = c)),
        Some(None) => (Verdict::Fail, crate::reason!("check-ended-by-signal")),
        None => (
            Verdict::Fail,
            crate::reason!("check-still-running-after", after = after),
        ),
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
    rx: Receiver<Box<Stamped>>,
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
        let mut peer = Self::start(name, work).ok_or_else(|| {
            CheckError::Peer(crate::t!("check-peer-could-not-start", name = name))
        })?;
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
    why_not_listening(program, port).text
}

/// [`not_listening`] with the reason's stable code.
pub fn why_not_listening(program: Option<&mut Program>, port: u16) -> Reason {
    let Some(p) = program else {
        return crate::reason!("check-nothing-listened", port = port);
    };
    let Some(code) = p.exit_code() else {
        return crate::reason!("check-nothing-listened", port = port);
    };
    let out = p.output();
    let last = out
        .trim_end()
        .lines()
        .last()
        .unwrap_or("")
        .trim()
        .to_owned();
    match (code, last.is_empty()) {
        (Some(c), true) => crate::reason!("check-exited-before-listening", code = c, port = port),
        (Some(c), false) => crate::reason!(
            "check-exited-before-listening-said",
            code = c,
            port = port,
            last = last
        ),
        (None, true) => crate::reason!("check-signal-exited-before-listening", port = port),
        (None, false) => crate::reason!(
            "check-signal-exited-before-listening-said",
            port = port,
            last = last
        ),
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
