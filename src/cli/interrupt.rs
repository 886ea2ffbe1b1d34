//! Ctrl-C (and SIGTERM) on Unix: the first asks the running role to stop, so that a server
//! ends with its summary and every line printed, a download with "nothing saved"; a second one
//! ends the process at once. Elsewhere Ctrl-C keeps the system's default (the process ends).

#[cfg(unix)]
mod unix {
    use std::sync::atomic::{AtomicBool, Ordering};

    static INTERRUPTED: AtomicBool = AtomicBool::new(false);

    extern "C" fn on_signal(_: libc::c_int) {
        // Only async-signal-safe work here: an atomic, and _exit.
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            // SAFETY: _exit is async-signal-safe.
            unsafe { libc::_exit(130) };
        }
    }

    pub fn install() {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: installs a handler that only touches an atomic and calls _exit.
        unsafe {
            libc::signal(libc::SIGINT, handler);
            libc::signal(libc::SIGTERM, handler);
        }
    }

    pub fn interrupted() -> bool {
        INTERRUPTED.load(Ordering::SeqCst)
    }
}

#[cfg(unix)]
pub use unix::{install, interrupted};

/// Installs nothing: the system's default stays.
#[cfg(not(unix))]
pub fn install() {}

/// Never: without a handler, Ctrl-C ends the process.
#[cfg(not(unix))]
pub fn interrupted() -> bool {
    false
}
