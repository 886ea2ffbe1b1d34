//! Confinement of the program under test, so that a student's program cannot hurt the machine
//! that checks it.
//!
//! On Linux the confinement is applied by a small launcher between socklab and the program:
//! socklab re-executes itself as `socklab __confine` (a hidden subcommand), which sets the
//! limits, leaves root for an unprivileged user, restricts itself with Landlock, and then
//! executes the program. A re-executed launcher rather than a `pre_exec` hook: after `fork` only
//! async-signal-safe calls are allowed, and building a Landlock ruleset allocates (the `landlock`
//! crate opens the paths, builds vectors); the launcher is a fresh single-threaded process where
//! anything may be called, and its own `exec` leaves nothing of it behind.
//!
//! What the kernel does not support is reported, not faked: Landlock is applied best effort
//! (files from ABI 1, TCP ports from ABI 4, signals from ABI 6), and the report's
//! `confinement` object says what was applied. On other systems the program runs as before, and
//! the report says "not confined".
//!
//! One job a file: `limits` (the limits and which one stopped a program), `spec` (what is
//! asked and how a program is started), `applied` (what was applied, for the report), `linux`
//! (planning and the launcher on Linux); this file picks the system's way.

use std::path::{Path, PathBuf};

mod applied;
mod limits;
#[cfg(target_os = "linux")]
mod linux;
mod spec;

pub use self::applied::Applied;
#[cfg(windows)]
use self::applied::WINDOWS_JOB;
pub use self::limits::{Limits, limit_hit};
pub use self::spec::{Confine, NOT_RUNNABLE_HINT, Plan, SPEC_ENV, Spec};

/// Plans the confinement of `command` (program and arguments) in `scratch`: TCP `bind` (the
/// exercise's port, server role) or `connect` (socklab's port, client role).
pub fn plan(
    confine: &Confine,
    command: &[String],
    scratch: &Path,
    writable: &[PathBuf],
    bind: Option<u16>,
    connect: Option<u16>,
    status_dir: &Path,
) -> Result<Plan, crate::check::report::Reason> {
    let plain = |why: &str| Plan {
        command: command.to_vec(),
        env: Vec::new(),
        status: None,
        off: Some(Applied::off(why)),
        uid: None,
        #[cfg(target_os = "linux")]
        cgroup: None,
    };
    if !confine.enabled {
        return Ok(plain(&crate::t!("case-confine-off-asked")));
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (scratch, writable, bind, connect, status_dir);
        #[cfg(windows)]
        return Ok(Plan {
            off: Some(Applied {
                enabled: true,
                landlock: WINDOWS_JOB.into(),
                user: crate::t!("case-confine-user-own"),
                limits: Some(confine.limits),
                ..Applied::default()
            }),
            ..plain("")
        });
        #[cfg(not(windows))]
        return Ok(plain(&crate::t!("case-confine-no-landlock-system")));
    }
    #[cfg(target_os = "linux")]
    linux::plan(
        confine, command, scratch, writable, bind, connect, status_dir,
    )
}

/// The launcher's entry point (`socklab __confine`); never returns on success.
pub fn launch() -> i32 {
    #[cfg(target_os = "linux")]
    {
        linux::launch()
    }
    #[cfg(not(target_os = "linux"))]
    {
        eprintln!("socklab: {}", crate::t!("case-confine-linux-only"));
        126
    }
}
