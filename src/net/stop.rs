//! The "please stop" flag a runner polls, shared by the runner's thread, the events that hand
//! one connection's flag to a view, and the views that stop them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A shared "please stop" flag; runners poll it at least every [`super::POLL_INTERVAL`].
///
/// A [child](StopFlag::child) flag also reads as stopped when any ancestor is: a server hands
/// one to each connection, so the window can close one connection or the whole server.
#[derive(Clone, Debug, Default)]
pub struct StopFlag {
    own: Arc<AtomicBool>,
    ancestors: Vec<Arc<AtomicBool>>,
}

impl StopFlag {
    pub fn new() -> Self {
        Self::default()
    }

    /// A flag that stops on its own or with this one.
    pub fn child(&self) -> Self {
        let mut ancestors = self.ancestors.clone();
        ancestors.push(Arc::clone(&self.own));
        Self {
            own: Arc::new(AtomicBool::new(false)),
            ancestors,
        }
    }

    pub fn stop(&self) {
        self.own.store(true, Ordering::SeqCst);
    }

    pub fn is_stopped(&self) -> bool {
        self.own.load(Ordering::SeqCst) || self.ancestors.iter().any(|a| a.load(Ordering::SeqCst))
    }

    /// Why a connection loop sees this flag set, for its close reason. A connection closed
    /// from the window keeps that reason even when the server stops before its loop notices.
    pub fn reason(&self) -> String {
        if self.own.load(Ordering::SeqCst) || self.ancestors.is_empty() {
            crate::t!("net-closed-from-window")
        } else {
            crate::t!("net-server-stopping")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_stops_alone_or_with_its_parent() {
        let parent = StopFlag::new();
        let (a, b) = (parent.child(), parent.child());
        a.stop();
        assert!(a.is_stopped() && !b.is_stopped() && !parent.is_stopped());
        assert_eq!(a.reason(), "closed by the server (from the window)");
        parent.stop();
        assert!(b.is_stopped());
        assert_eq!(b.reason(), "server stopping");
        // The one closed first keeps its reason.
        assert_eq!(a.reason(), "closed by the server (from the window)");
    }
}
