//! A bounded queue of events that its one reader takes whole, for the command line's printer.
//!
//! A thousand sessions report to one printer on two cores. A lock-free bounded channel made
//! them spin while it was full (15% of the machine's time under the load benchmark, in
//! `Sender::send`), and made the printer yield to any sender that had taken a slot and was
//! preempted before writing it. Here a sender holds a lock only to push; a full queue puts it
//! to sleep until the printer has taken what was waiting; the printer takes every waiting
//! event in one step (docs/benchmarks.md).

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::event::Stamped;

struct Queue {
    state: Mutex<State>,
    /// Signalled when the reader has taken the events (room again).
    room: Condvar,
    /// Signalled when the first event comes, or the last sender goes.
    ready: Condvar,
    /// Signalled when a sender finds the queue full (a reader letting events gather stops).
    full: Condvar,
    capacity: usize,
}

// The events come boxed (as every reporter sends them): moving pointers keeps the lock short.
#[allow(clippy::vec_box)]
struct State {
    events: Vec<Box<Stamped>>,
    senders: usize,
    reader_gone: bool,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A sender that panicked while pushing left the events as they were: still good.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The senders' side; cloning it adds a sender (the queue closes when the last one goes).
pub struct BatchSender(Arc<Queue>);

/// The reader's side.
pub struct Batches(Arc<Queue>);

/// What [`Batches::take`] found.
#[allow(clippy::vec_box)]
pub struct Taken {
    pub events: Vec<Box<Stamped>>,
    /// No sender is left and nothing more will come.
    pub closed: bool,
}

/// A queue that holds at most `capacity` events before its senders wait.
pub fn queue(capacity: usize) -> (BatchSender, Batches) {
    let queue = Arc::new(Queue {
        state: Mutex::new(State {
            events: Vec::new(),
            senders: 1,
            reader_gone: false,
        }),
        room: Condvar::new(),
        ready: Condvar::new(),
        full: Condvar::new(),
        capacity: capacity.max(1),
    });
    (BatchSender(queue.clone()), Batches(queue))
}

impl BatchSender {
    /// Queues `event`, first waiting while the queue is full; dropped if the reader is gone.
    pub fn send(&self, event: Box<Stamped>) {
        let queue = &self.0;
        let mut state = queue.lock();
        while state.events.len() >= queue.capacity && !state.reader_gone {
            queue.full.notify_one();
            state = queue
                .room
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        if state.reader_gone {
            return;
        }
        state.events.push(event);
        if state.events.len() == 1 {
            queue.ready.notify_one();
        }
    }
}

impl Clone for BatchSender {
    fn clone(&self) -> Self {
        self.0.lock().senders += 1;
        Self(self.0.clone())
    }
}

impl Drop for BatchSender {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.senders = state.senders.saturating_sub(1);
        if state.senders == 0 {
            self.0.ready.notify_one();
        }
    }
}

impl Batches {
    /// Every event waiting, in the order sent, after waiting at most `wait` for the first.
    /// `spare` is an empty list to queue into next (the last batch's, to keep its room).
    #[allow(clippy::vec_box)]
    pub fn take(&self, wait: Duration, spare: Vec<Box<Stamped>>) -> Taken {
        let queue = &self.0;
        let mut state = queue.lock();
        if state.events.is_empty() && state.senders > 0 {
            state = queue
                .ready
                .wait_timeout(state, wait)
                .map(|(state, _)| state)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        let mut spare = spare;
        spare.clear();
        let events = std::mem::replace(&mut state.events, spare);
        let closed = events.is_empty() && state.senders == 0;
        drop(state);
        if !events.is_empty() {
            queue.room.notify_all();
        }
        Taken { events, closed }
    }

    /// Lets events gather for at most `max`, or until the queue is full (a sender waits).
    pub fn gather(&self, max: Duration) {
        let queue = &self.0;
        let state = queue.lock();
        if state.events.len() < queue.capacity && state.senders > 0 {
            let _ = queue.full.wait_timeout(state, max);
        }
    }

    /// How many events wait.
    pub fn len(&self) -> usize {
        self.0.lock().events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for Batches {
    fn drop(&mut self) {
        self.0.lock().reader_gone = true;
        self.0.room.notify_all();
    }
}
