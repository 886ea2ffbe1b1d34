//! Runs one exercise role on a named thread, with a stop flag, reporting only through events.
//!
//! A panic inside the work becomes a `Finished(Err(Error::Panic))` event instead of a dead thread
//! that nobody notices.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender};

use super::batch::{BatchSender, Batches};
use super::event::{Event, Level, LogText, Stamped, Summary};
use crate::error::{Error, Result};

// The flag is in its own module (the events carry one too); runners and views name it here.
pub use super::stop::StopFlag;

/// Called after each event so a view can wake up (the window passes `ctx.request_repaint`).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Where a reporter's events go: a channel (the window's), or a queue taken whole (the command
/// line's printer).
#[derive(Clone)]
enum Sink {
    Channel(Sender<Box<Stamped>>),
    Batch(BatchSender),
}

/// Sends stamped events to one view. Cheap to clone; each connection thread holds one.
#[derive(Clone)]
pub struct Reporter {
    tx: Sink,
    wake: Option<Waker>,
    started: Instant,
    /// Bulk payload bytes a capture still wants; None: no capture, no `Payload` events.
    payload: Option<Arc<AtomicU64>>,
    /// Whether the view shows each `send`'s and `recv`'s bytes (`Sent`, `Received`).
    traffic: bool,
}

impl Reporter {
    /// A reporter and the receiver a view drains, without a bound: for a view that cannot
    /// promise to drain at every moment (a window that is not drawn while minimised), whose
    /// runner must not wait for it.
    pub fn channel(wake: Option<Waker>) -> (Self, Receiver<Box<Stamped>>) {
        let (tx, rx) = crossbeam_channel::unbounded();
        (Self::with_sink(Sink::Channel(tx), wake), rx)
    }

    /// A reporter whose events wait for the view when `capacity` of them are queued: the
    /// runner's threads slow to the pace of a view that always drains (a printer), as a
    /// program's `print()` waits for its terminal, instead of queueing without end.
    /// The view takes every waiting event at once ([`super::batch`]).
    pub fn batched(capacity: usize) -> (Self, Batches) {
        let (tx, rx) = super::batch::queue(capacity);
        (Self::with_sink(Sink::Batch(tx), None), rx)
    }

    fn with_sink(tx: Sink, wake: Option<Waker>) -> Self {
        Self {
            tx,
            wake,
            started: Instant::now(),
            payload: None,
            traffic: true,
        }
    }

    /// Also reports the bytes of bulk transfers (as `Payload` events), the first `cap` bytes
    /// of them, for a capture. Without it transfers report only their progress.
    pub fn with_payload(mut self, cap: u64) -> Self {
        self.payload = Some(Arc::new(AtomicU64::new(cap)));
        self
    }

    /// Leaves out the `Sent` and `Received` events, for a view that shows neither (the command
    /// line without --verbose, --json or a capture): an echo exchange is then two events
    /// instead of four, and its bytes are not copied.
    pub fn without_traffic(mut self) -> Self {
        self.traffic = false;
        self
    }

    /// Whether the view wants `Sent` and `Received` events (runners may skip making them).
    pub fn wants_traffic(&self) -> bool {
        self.traffic
    }

    /// Whether a capture wants the bytes of bulk transfers.
    pub fn wants_payload(&self) -> bool {
        self.payload.is_some()
    }

    /// Reports `bytes` of a bulk transfer to the capture, if there is one: all of them while
    /// its cap lasts, then only their number.
    pub fn payload(&self, peer: std::net::SocketAddr, sent: bool, bytes: &[u8]) {
        self.payload_part(peer, sent, bytes, bytes.len());
    }

    /// Bulk payload bytes the capture still wants (0 without a capture).
    pub fn payload_left(&self) -> u64 {
        self.payload
            .as_ref()
            .map_or(0, |left| left.load(Ordering::Relaxed))
    }

    /// Like [`Self::payload`] for `len` bytes of which the caller read only the first ones
    /// (at most [`Self::payload_left`]).
    pub fn payload_part(&self, peer: std::net::SocketAddr, sent: bool, bytes: &[u8], len: usize) {
        let Some(left) = &self.payload else {
            return;
        };
        let want = bytes.len() as u64;
        let took = left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| {
                Some(l.saturating_sub(want))
            })
            .unwrap_or(0)
            .min(want) as usize;
        self.send_unwoken(Event::Payload {
            peer,
            sent,
            bytes: bytes[..took].to_vec(),
            len: len.max(took),
        });
    }

    pub fn send(&self, event: Event) {
        self.send_unwoken(event);
        if let Some(wake) = &self.wake {
            wake();
        }
    }

    /// Sends without waking the view: for what only a capture reads (bulk payload), which the
    /// view takes with the next event that wakes it (progress comes every 100 ms).
    fn send_unwoken(&self, event: Event) {
        if !self.traffic && matches!(event, Event::Sent { .. } | Event::Received { .. }) {
            return;
        }
        // Boxed: what a session's thread moves is a pointer, not the event (a large enum):
        // sending it took less than half the stack (docs/benchmarks.md).
        let stamped = Box::new(Stamped {
            at: SystemTime::now(),
            elapsed: self.started.elapsed(),
            event,
        });
        // A view that went away (window closed a form) no longer wants events: not an error.
        match &self.tx {
            Sink::Channel(tx) => {
                let _ = tx.send(stamped);
            }
            Sink::Batch(tx) => tx.send(stamped),
        }
    }

    pub fn log(&self, level: Level, peer: Option<std::net::SocketAddr>, text: impl Into<LogText>) {
        self.send(Event::Log {
            level,
            peer,
            text: text.into(),
        });
    }

    pub fn info(&self, peer: Option<std::net::SocketAddr>, text: impl Into<LogText>) {
        self.log(Level::Info, peer, text);
    }

    pub fn warn(&self, peer: Option<std::net::SocketAddr>, text: impl Into<LogText>) {
        self.log(Level::Warn, peer, text);
    }
}

/// A running exercise role.
pub struct RunHandle {
    stop: StopFlag,
    thread: Option<JoinHandle<()>>,
}

impl RunHandle {
    /// Asks the runner to stop; it answers within about [`super::POLL_INTERVAL`].
    pub fn stop(&self) {
        self.stop.stop();
    }

    pub fn stop_flag(&self) -> &StopFlag {
        &self.stop
    }

    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the thread to end (its `Finished` event has been sent by then).
    pub fn join(mut self) {
        if let Some(thread) = self.thread.take() {
            // The closure catches panics itself, so join cannot carry one.
            let _ = thread.join();
        }
    }
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        // A handle dropped without join (window closed) still stops its thread.
        self.stop.stop();
    }
}

/// An exercise role's entry point: its config, the reporter and the stop flag.
pub type RunFn<C> = fn(C, &Reporter, &StopFlag) -> Result<Summary>;

/// Starts `work` on a thread named `name`; its result arrives as a `Finished` event.
pub fn spawn<F>(name: impl Into<String>, reporter: Reporter, work: F) -> Result<RunHandle>
where
    F: FnOnce(&Reporter, &StopFlag) -> Result<Summary> + Send + 'static,
{
    let stop = StopFlag::new();
    let thread_stop = stop.clone();
    let name = name.into();
    let thread = thread::Builder::new()
        .name(name.clone())
        .spawn(crate::i18n::inherit(move || {
            let outcome = catch_unwind(AssertUnwindSafe(|| work(&reporter, &thread_stop)))
                .unwrap_or_else(|payload| Err(Error::Panic(panic_message(payload.as_ref()))));
            reporter.send(Event::Finished(outcome));
        }))
        .map_err(|e| Error::io(crate::t!("net-cannot-start-thread", name = name), e))?;
    Ok(RunHandle {
        stop,
        thread: Some(thread),
    })
}

/// The stack of a thread that serves one TCP connection. The deepest echo session
/// `tests/echo.rs` runs (a long message, a stop word, a reset) touches 20 KiB of it in the
/// tests' unoptimised build, 8 KiB in a release build; a backtrace fits (a unit test below).
/// The default, 2 MiB, would reserve 2 GiB of address space for a class of a thousand. Only
/// the pages a thread touches take memory either way.
pub const SESSION_STACK_BYTES: usize = 256 * 1024;

/// Starts a helper thread (one connection, say); a panic in it becomes an error log line.
pub fn spawn_child<F>(name: String, reporter: Reporter, work: F) -> Result<JoinHandle<()>>
where
    F: FnOnce(&Reporter) + Send + 'static,
{
    spawn_helper(thread::Builder::new(), name, reporter, work)
}

/// [`spawn_child`] for a thread serving one TCP connection, on a [`SESSION_STACK_BYTES`] stack.
pub fn spawn_session<F>(name: String, reporter: Reporter, work: F) -> Result<JoinHandle<()>>
where
    F: FnOnce(&Reporter) + Send + 'static,
{
    spawn_helper(
        thread::Builder::new().stack_size(SESSION_STACK_BYTES),
        name,
        reporter,
        work,
    )
}

fn spawn_helper<F>(
    builder: thread::Builder,
    name: String,
    reporter: Reporter,
    work: F,
) -> Result<JoinHandle<()>>
where
    F: FnOnce(&Reporter) + Send + 'static,
{
    let thread_name = name.clone();
    builder
        .name(name.clone())
        .spawn(crate::i18n::inherit(move || {
            let name = thread_name;
            if let Err(payload) = catch_unwind(AssertUnwindSafe(|| work(&reporter))) {
                reporter.log(
                    Level::Error,
                    None,
                    crate::t!(
                        "net-thread-panicked",
                        name = name,
                        error = panic_message(payload.as_ref())
                    ),
                );
            }
        }))
        .map_err(|e| Error::io(crate::t!("net-cannot-start-thread", name = name), e))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| crate::t!("net-unknown-panic"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn panic_becomes_an_error_event() {
        let (reporter, rx) = Reporter::channel(None);
        let handle = spawn("panicky", reporter, |_, _| panic!("boom")).unwrap();
        let stamped = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        match stamped.event {
            Event::Finished(Err(Error::Panic(msg))) => assert_eq!(msg, "boom"),
            other => panic!("unexpected {other:?}"),
        }
        handle.join();
    }

    #[test]
    fn a_batched_reporter_waits_for_its_view_loses_nothing_and_ends() {
        let (reporter, rx) = Reporter::batched(2);
        let sender = std::thread::spawn(move || {
            for i in 0..5 {
                reporter.info(None, format!("line {i}"));
            }
        });
        // Two queued, the third waits for the view: the sender cannot finish yet.
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            !sender.is_finished(),
            "the sender did not wait for the view"
        );
        assert_eq!(rx.len(), 2);
        let mut texts = Vec::new();
        let mut closed = false;
        let deadline = Instant::now() + Duration::from_secs(5);
        while !closed && Instant::now() < deadline {
            let taken = rx.take(Duration::from_millis(100), Vec::new());
            assert!(taken.events.len() <= 2, "more than the queue holds");
            closed = taken.closed;
            texts.extend(taken.events.into_iter().map(|s| match s.event {
                Event::Log { text, .. } => text.to_string(),
                other => panic!("unexpected {other:?}"),
            }));
        }
        sender.join().expect("the sender ends once drained");
        assert!(closed, "the queue did not close when its sender went");
        assert_eq!(texts, ["line 0", "line 1", "line 2", "line 3", "line 4"]);
    }

    #[test]
    fn a_batched_reporter_whose_view_is_gone_does_not_wait() {
        let (reporter, rx) = Reporter::batched(1);
        drop(rx);
        let sender = std::thread::spawn(move || {
            for i in 0..5 {
                reporter.info(None, format!("line {i}"));
            }
        });
        let deadline = Instant::now() + Duration::from_secs(5);
        while !sender.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(
            sender.is_finished(),
            "a sender waited for a view that is gone"
        );
    }

    #[test]
    fn a_session_stack_holds_a_backtrace() {
        // The deepest thing a session's thread can do: a panic's message with its backtrace
        // (RUST_BACKTRACE=1), which reads the program's symbols on that thread's stack.
        let (reporter, _rx) = Reporter::channel(None);
        let thread = spawn_session("deep".into(), reporter, |_| {
            let trace = std::backtrace::Backtrace::force_capture().to_string();
            assert!(!trace.is_empty());
        })
        .expect("a session thread");
        thread
            .join()
            .expect("the backtrace fit the session's stack");
    }

    #[test]
    fn stop_reaches_the_worker() {
        let (reporter, rx) = Reporter::channel(None);
        let handle = spawn("stoppable", reporter, |_, stop| {
            while !stop.is_stopped() {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(Summary::new("stopped"))
        })
        .unwrap();
        handle.stop();
        let stamped = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(matches!(stamped.event, Event::Finished(Ok(s)) if s.message == "stopped"));
    }
}
