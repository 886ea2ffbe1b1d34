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

use super::event::{Event, Level, Stamped, Summary};
use crate::error::{Error, Result};

// The flag is in its own module (the events carry one too); runners and views name it here.
pub use super::stop::StopFlag;

/// Called after each event so a view can wake up (the window passes `ctx.request_repaint`).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Sends stamped events to one view. Cheap to clone; each connection thread holds one.
#[derive(Clone)]
pub struct Reporter {
    tx: Sender<Stamped>,
    wake: Option<Waker>,
    started: Instant,
    /// Bulk payload bytes a capture still wants; None: no capture, no `Payload` events.
    payload: Option<Arc<AtomicU64>>,
}

impl Reporter {
    /// A reporter and the receiver a view drains.
    pub fn channel(wake: Option<Waker>) -> (Self, Receiver<Stamped>) {
        let (tx, rx) = crossbeam_channel::unbounded();
        (
            Self {
                tx,
                wake,
                started: Instant::now(),
                payload: None,
            },
            rx,
        )
    }

    /// Also reports the bytes of bulk transfers (as `Payload` events), the first `cap` bytes
    /// of them, for a capture. Without it transfers report only their progress.
    pub fn with_payload(mut self, cap: u64) -> Self {
        self.payload = Some(Arc::new(AtomicU64::new(cap)));
        self
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
        let stamped = Stamped {
            at: SystemTime::now(),
            elapsed: self.started.elapsed(),
            event,
        };
        // A view that went away (window closed a form) no longer wants events: not an error.
        let _ = self.tx.send(stamped);
    }

    pub fn log(&self, level: Level, peer: Option<std::net::SocketAddr>, text: impl Into<String>) {
        self.send(Event::Log {
            level,
            peer,
            text: text.into(),
        });
    }

    pub fn info(&self, peer: Option<std::net::SocketAddr>, text: impl Into<String>) {
        self.log(Level::Info, peer, text);
    }

    pub fn warn(&self, peer: Option<std::net::SocketAddr>, text: impl Into<String>) {
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

/// Starts a helper thread (one connection, say); a panic in it becomes an error log line.
pub fn spawn_child<F>(name: String, reporter: Reporter, work: F) -> Result<JoinHandle<()>>
where
    F: FnOnce(&Reporter) + Send + 'static,
{
    let thread_name = name.clone();
    thread::Builder::new()
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
