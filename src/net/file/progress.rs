//! The progress events of a transfer, on both sides and both transports.

use std::net::SocketAddr;
use std::time::Instant;

use crate::net::event::{Event, PROGRESS_INTERVAL, Progress};

/// Emits progress at most every [`PROGRESS_INTERVAL`].
pub(super) struct Ticker {
    pub(super) started: Instant,
    last: Instant,
}

impl Ticker {
    pub(super) fn new() -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
        }
    }

    pub(super) fn due(&mut self) -> bool {
        if self.last.elapsed() >= PROGRESS_INTERVAL {
            self.last = Instant::now();
            true
        } else {
            false
        }
    }
}

pub(super) fn progress(
    peer: SocketAddr,
    bytes: u64,
    total: Option<u64>,
    chunks: u64,
    started: Instant,
) -> Event {
    Event::Progress(Progress {
        peer,
        bytes,
        total,
        chunks,
        elapsed: started.elapsed(),
        retransmits: 0,
    })
}
