//! One-shot background work for the window (a file dialog, comparing two files): runs on a
//! named thread and hands its result back through a channel the window polls each frame.

use crossbeam_channel::{Receiver, TryRecvError};

use crate::net::runner::Waker;

/// A result that will arrive later.
pub struct Task<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread named `name`, in the language of the thread that calls this (what
    /// it says, the window shows); `waker` repaints the window when it is done.
    /// Returns None if no thread could be started.
    pub fn spawn(
        name: &str,
        waker: Option<Waker>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = crossbeam_channel::bounded(1);
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(crate::i18n::inherit(move || {
                // The window may have dropped the task (closed): nobody wants the result then.
                let _ = tx.send(work());
                if let Some(wake) = waker {
                    wake();
                }
            }))
            .ok()?;
        Some(Self { rx })
    }

    /// The result, once; `Err(())` if the thread died without one.
    pub fn poll(&self) -> Option<Result<T, ()>> {
        match self.rx.try_recv() {
            Ok(v) => Some(Ok(v)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(())),
        }
    }
}
