//! What is asked: the confinement a check wants, the [`Spec`] its launcher is told, and the
//! [`Plan`] a program under test is started by.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::applied::Applied;
use super::limits::Limits;

/// Whether and how to confine the programs of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confine {
    /// Off: the program runs with the user's full rights (`--no-confine`).
    pub enabled: bool,
    pub limits: Limits,
    /// The user a program runs as when socklab runs as root (default `nobody`).
    pub as_user: Option<String>,
    /// The socklab program that confines (its `__confine`); None: this very program, when it
    /// is socklab (a program that only links socklab's library must say where socklab is).
    pub launcher: Option<PathBuf>,
}

impl Default for Confine {
    fn default() -> Self {
        Self {
            enabled: true,
            limits: Limits::default(),
            as_user: None,
            launcher: None,
        }
    }
}

/// What the launcher is told to do (passed to it as JSON in [`SPEC_ENV`]).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Spec {
    /// Read and execute beneath these.
    pub read: Vec<PathBuf>,
    /// Read and write these files (device nodes such as /dev/null).
    pub devices: Vec<PathBuf>,
    /// Everything beneath these (the scratch copy).
    pub write: Vec<PathBuf>,
    /// TCP ports it may bind; TCP ports it may connect to.
    pub bind_tcp: Vec<u16>,
    pub connect_tcp: Vec<u16>,
    pub limits: Limits,
    /// uid and gid to run as (socklab runs as root).
    pub user: Option<(u32, u32, String)>,
    /// Where the launcher writes what it applied ([`Applied`], JSON).
    pub status: PathBuf,
    pub program: String,
    pub args: Vec<String>,
    /// The cgroup's `cgroup.procs` files the launcher joins (empty: no cgroup).
    #[serde(default)]
    pub cgroup: Vec<PathBuf>,
    /// The data-segment limit (RLIMIT_DATA), MiB.
    #[serde(default)]
    pub data_mib: u64,
    /// What bounds memory once the cgroup is joined, for the report.
    #[serde(default)]
    pub memory: String,
    /// Whether the cgroup bounds the program's processes too.
    #[serde(default)]
    pub pids_by_cgroup: bool,
    /// The language the launcher says what it applied in (the check's).
    #[serde(default)]
    pub lang: crate::i18n::Lang,
}

/// The command line's way out when the program's user cannot run the interpreter (the window
/// names its own).
pub const NOT_RUNNABLE_HINT: &str = "--as-user USER, or --no-confine";

/// The environment variable that carries the launcher's [`Spec`].
pub const SPEC_ENV: &str = "SOCKLAB_CONFINE_SPEC";

/// How `command` is started under `confine`, for a program whose scratch copy is `scratch`:
/// the command to run (socklab's launcher, or the program itself), and what will be applied
/// (read back from the launcher's status file once it has started).
pub struct Plan {
    pub command: Vec<String>,
    pub env: Vec<(String, String)>,
    pub status: Option<PathBuf>,
    /// Set when nothing is confined, and why.
    pub off: Option<Applied>,
    /// The uid the program will run as, when it changes.
    pub uid: Option<u32>,
    /// The program's cgroup, when one could be made (Linux).
    #[cfg(target_os = "linux")]
    pub cgroup: Option<crate::check::cgroup::Cgroup>,
}
