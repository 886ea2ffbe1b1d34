//! Network conditions, simulated: socklab impairs its own datagrams (loss, duplication,
//! reordering, delay, jitter), reproducibly with a seed, since classroom machines cannot impair
//! a network (no root, no netem). What a socklab sends is impaired; with `receive`, what it
//! receives too.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// How long a reordered datagram is held back (beyond its delay), so that what is sent
/// meanwhile overtakes it.
pub const REORDER_HOLD: Duration = Duration::from_millis(20);

/// The conditions: percentages 0..=100, delays in milliseconds.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Conditions {
    pub loss_pct: f64,
    pub duplicate_pct: f64,
    pub reorder_pct: f64,
    pub delay_ms: u64,
    pub jitter_ms: u64,
    /// Same seed, same fates, datagram by datagram.
    pub seed: Option<u64>,
    /// Impair what is received as well as what is sent.
    pub receive: bool,
    /// Where the simulator counts what it did (the window reads them live); a fresh set when
    /// None.
    #[serde(skip)]
    pub counters: Option<Arc<Counters>>,
}

impl PartialEq for Conditions {
    /// The conditions themselves; where they are counted does not make them different.
    fn eq(&self, other: &Self) -> bool {
        self.loss_pct == other.loss_pct
            && self.duplicate_pct == other.duplicate_pct
            && self.reorder_pct == other.reorder_pct
            && self.delay_ms == other.delay_ms
            && self.jitter_ms == other.jitter_ms
            && self.seed == other.seed
            && self.receive == other.receive
    }
}

impl Conditions {
    /// Whether anything is impaired at all.
    pub fn is_active(&self) -> bool {
        self.loss_pct > 0.0
            || self.duplicate_pct > 0.0
            || self.reorder_pct > 0.0
            || self.delay_ms > 0
            || self.jitter_ms > 0
    }

    /// A refusal of values out of range, in words.
    pub fn check(&self) -> Result<(), String> {
        for (name, pct) in [
            ("loss", self.loss_pct),
            ("duplicate", self.duplicate_pct),
            ("reorder", self.reorder_pct),
        ] {
            if !(0.0..=100.0).contains(&pct) {
                return Err(crate::t!(
                    "net-sim-not-a-percentage",
                    name = name,
                    got = pct.to_string()
                ));
            }
        }
        if self.delay_ms > 10_000 || self.jitter_ms > 10_000 {
            return Err(crate::t!("net-sim-delay-too-long"));
        }
        Ok(())
    }

    /// One line for logs: "5% loss, 40 ms ± 10 ms delay, seed 7".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.loss_pct > 0.0 {
            parts.push(crate::t!("net-sim-loss", pct = self.loss_pct.to_string()));
        }
        if self.duplicate_pct > 0.0 {
            parts.push(crate::t!(
                "net-sim-duplicated",
                pct = self.duplicate_pct.to_string()
            ));
        }
        if self.reorder_pct > 0.0 {
            parts.push(crate::t!(
                "net-sim-reordered",
                pct = self.reorder_pct.to_string()
            ));
        }
        if self.delay_ms > 0 || self.jitter_ms > 0 {
            parts.push(crate::t!(
                "net-sim-delay",
                delay = self.delay_ms.to_string(),
                jitter = self.jitter_ms.to_string()
            ));
        }
        if let Some(seed) = self.seed {
            parts.push(crate::t!("net-sim-seed", seed = seed.to_string()));
        }
        if self.receive {
            parts.push(crate::t!("net-sim-both-directions"));
        }
        parts.join(", ")
    }
}

/// What the simulator did so far.
#[derive(Debug, Default)]
pub struct Counters {
    pub dropped: AtomicU64,
    pub duplicated: AtomicU64,
    pub reordered: AtomicU64,
    pub delayed: AtomicU64,
}

/// A snapshot of [`Counters`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub dropped: u64,
    pub duplicated: u64,
    pub reordered: u64,
    pub delayed: u64,
}

impl Counters {
    /// Back to zero (a new run).
    pub fn reset(&self) {
        for c in [
            &self.dropped,
            &self.duplicated,
            &self.reordered,
            &self.delayed,
        ] {
            c.store(0, Ordering::Relaxed);
        }
    }

    pub fn snapshot(&self) -> Counts {
        Counts {
            dropped: self.dropped.load(Ordering::Relaxed),
            duplicated: self.duplicated.load(Ordering::Relaxed),
            reordered: self.reordered.load(Ordering::Relaxed),
            delayed: self.delayed.load(Ordering::Relaxed),
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "net-sim-counts",
            dropped = self.dropped.to_string(),
            duplicated = self.duplicated.to_string(),
            reordered = self.reordered.to_string(),
            delayed = self.delayed.to_string()
        ))
    }
}

/// What becomes of one datagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fate {
    pub dropped: bool,
    /// Sent twice.
    pub duplicated: bool,
    /// Held back [`REORDER_HOLD`].
    pub reordered: bool,
    /// Total delay before it goes.
    pub delay: Duration,
}

/// Decides fates, in order, from the conditions and the seed.
pub struct Simulator {
    conditions: Conditions,
    rng: Mutex<StdRng>,
    pub counters: Arc<Counters>,
}

impl Simulator {
    pub fn new(conditions: Conditions) -> Self {
        let rng = match conditions.seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => StdRng::seed_from_u64(rand::random()),
        };
        Self {
            counters: conditions.counters.clone().unwrap_or_default(),
            conditions,
            rng: Mutex::new(rng),
        }
    }

    pub fn conditions(&self) -> &Conditions {
        &self.conditions
    }

    /// The fate of the next datagram; counted.
    pub fn decide(&self) -> Fate {
        let c = &self.conditions;
        let Ok(mut rng) = self.rng.lock() else {
            return Fate {
                dropped: false,
                duplicated: false,
                reordered: false,
                delay: Duration::ZERO,
            };
        };
        // Every draw is made whatever the outcome, so that a seed gives the same sequence.
        let (l, d, r): (f64, f64, f64) = (rng.random(), rng.random(), rng.random());
        let jitter = if c.jitter_ms > 0 {
            rng.random_range(0..=c.jitter_ms * 2) as i64 - c.jitter_ms as i64
        } else {
            0
        };
        drop(rng);
        let dropped = l * 100.0 < c.loss_pct;
        let duplicated = !dropped && d * 100.0 < c.duplicate_pct;
        let reordered = !dropped && r * 100.0 < c.reorder_pct;
        let mut delay = Duration::from_millis((c.delay_ms as i64 + jitter).max(0).unsigned_abs());
        if reordered {
            delay += REORDER_HOLD;
        }
        let n = &self.counters;
        if dropped {
            n.dropped.fetch_add(1, Ordering::Relaxed);
        }
        if duplicated {
            n.duplicated.fetch_add(1, Ordering::Relaxed);
        }
        if reordered {
            n.reordered.fetch_add(1, Ordering::Relaxed);
        }
        if !dropped && delay > Duration::ZERO {
            n.delayed.fetch_add(1, Ordering::Relaxed);
        }
        Fate {
            dropped,
            duplicated,
            reordered,
            delay,
        }
    }
}

/// A datagram waiting in the delay line.
struct Queued {
    due: Instant,
    seq: u64,
    bytes: Vec<u8>,
    to: Option<SocketAddr>,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        (self.due, self.seq) == (other.due, other.seq)
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.due, self.seq).cmp(&(other.due, other.seq))
    }
}

/// A UDP socket whose traffic goes through a [`Simulator`] (or straight through without one).
pub struct Link {
    socket: UdpSocket,
    sim: Option<Arc<Simulator>>,
    /// The delay line's input; its thread sends each datagram when due.
    line: Option<Sender<Queued>>,
    seq: AtomicU64,
    /// A received datagram the simulator duplicated, handed out by the next receive.
    again: Mutex<Option<(Vec<u8>, SocketAddr)>>,
}

impl Link {
    /// `socket` with the simulator's conditions, if any are active.
    pub fn new(socket: UdpSocket, sim: Option<Arc<Simulator>>) -> Self {
        let sim = sim.filter(|s| s.conditions().is_active());
        let line = sim.as_ref().and_then(|_| {
            let (tx, rx) = crossbeam_channel::unbounded();
            let out = socket.try_clone().ok()?;
            std::thread::Builder::new()
                .name("delay line".into())
                .spawn(move || delay_line(&out, &rx))
                .ok()?;
            Some(tx)
        });
        Self {
            socket,
            sim,
            line,
            seq: AtomicU64::new(0),
            again: Mutex::new(None),
        }
    }

    pub fn socket(&self) -> &UdpSocket {
        &self.socket
    }

    /// Sends `bytes` to `to` (None: the connected peer) through the simulator; the fate it met.
    fn send_any(&self, bytes: &[u8], to: Option<SocketAddr>) -> io::Result<Option<Fate>> {
        let Some(sim) = &self.sim else {
            self.raw_send(bytes, to)?;
            return Ok(None);
        };
        let fate = sim.decide();
        if fate.dropped {
            return Ok(Some(fate));
        }
        let copies = if fate.duplicated { 2 } else { 1 };
        if fate.delay == Duration::ZERO {
            for _ in 0..copies {
                self.raw_send(bytes, to)?;
            }
            return Ok(Some(fate));
        }
        if let Some(line) = &self.line {
            for _ in 0..copies {
                let _ = line.send(Queued {
                    due: Instant::now() + fate.delay,
                    seq: self.seq.fetch_add(1, Ordering::Relaxed),
                    bytes: bytes.to_vec(),
                    to,
                });
            }
        }
        Ok(Some(fate))
    }

    fn raw_send(&self, bytes: &[u8], to: Option<SocketAddr>) -> io::Result<usize> {
        match to {
            Some(addr) => self.socket.send_to(bytes, addr),
            None => self.socket.send(bytes),
        }
    }

    /// `send_to` through the simulator: the fate, None when nothing is simulated.
    pub fn send_to(&self, bytes: &[u8], to: SocketAddr) -> io::Result<Option<Fate>> {
        self.send_any(bytes, Some(to))
    }

    /// `send` (connected socket) through the simulator.
    pub fn send(&self, bytes: &[u8]) -> io::Result<Option<Fate>> {
        self.send_any(bytes, None)
    }

    /// `recv_from`; with `receive` conditions, a datagram may be dropped (the receive goes on
    /// waiting, within the socket's timeout) or handed out twice. Delay is not applied on
    /// receive.
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        if let Ok(mut again) = self.again.lock()
            && let Some((bytes, from)) = again.take()
        {
            let n = bytes.len().min(buf.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            return Ok((n, from));
        }
        loop {
            let (n, from) = self.socket.recv_from(buf)?;
            let Some(sim) = self.sim.as_ref().filter(|s| s.conditions().receive) else {
                return Ok((n, from));
            };
            let fate = sim.decide();
            if fate.dropped {
                continue;
            }
            if fate.duplicated
                && let Ok(mut again) = self.again.lock()
            {
                *again = Some((buf[..n].to_vec(), from));
            }
            return Ok((n, from));
        }
    }

    /// `recv` on a connected socket, impaired as [`Self::recv_from`].
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.recv_from(buf).map(|(n, _)| n)
    }

    /// What the simulator did so far.
    pub fn counts(&self) -> Option<Counts> {
        self.sim.as_ref().map(|s| s.counters.snapshot())
    }
}

/// Sends each queued datagram when it is due; ends when the link is gone and the line empty.
fn delay_line(socket: &UdpSocket, rx: &Receiver<Queued>) {
    let mut heap: BinaryHeap<Reverse<Queued>> = BinaryHeap::new();
    let mut open = true;
    while open || !heap.is_empty() {
        let now = Instant::now();
        while heap.peek().is_some_and(|q| q.0.due <= now) {
            if let Some(Reverse(q)) = heap.pop() {
                let _ = match q.to {
                    Some(addr) => socket.send_to(&q.bytes, addr),
                    None => socket.send(&q.bytes),
                };
            }
        }
        let wait = heap.peek().map_or(Duration::from_millis(200), |q| {
            q.0.due.saturating_duration_since(now)
        });
        if !open {
            std::thread::sleep(wait);
            continue;
        }
        match rx.recv_timeout(wait) {
            Ok(q) => heap.push(Reverse(q)),
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => open = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_fates_and_counts() {
        let conditions = Conditions {
            loss_pct: 10.0,
            duplicate_pct: 5.0,
            reorder_pct: 5.0,
            seed: Some(42),
            ..Conditions::default()
        };
        let run = || {
            let sim = Simulator::new(conditions.clone());
            let fates: Vec<Fate> = (0..10_000).map(|_| sim.decide()).collect();
            (fates, sim.counters.snapshot())
        };
        let (a, counts) = run();
        let (b, _) = run();
        assert_eq!(a, b);
        // 10,000 draws: within a few standard deviations of 10%, 5%·0.9 and 5%·0.9.
        assert!((900..=1100).contains(&counts.dropped), "{counts}");
        assert!((350..=560).contains(&counts.duplicated), "{counts}");
        assert!((350..=560).contains(&counts.reordered), "{counts}");
        assert_eq!(
            counts.delayed, counts.reordered,
            "only reordering delays here"
        );
    }

    #[test]
    fn out_of_range_conditions_are_refused() {
        let bad = Conditions {
            loss_pct: 120.0,
            ..Conditions::default()
        };
        assert!(bad.check().is_err());
        assert!(Conditions::default().check().is_ok());
        assert!(!Conditions::default().is_active());
    }
}
