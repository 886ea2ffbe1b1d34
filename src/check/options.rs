//! What a check run is given: the exercise, the role, the program's command and the limits
//! ([`Options`]), and the placeholders of a command ([`expand`]).

use std::sync::Arc;
use std::time::Duration;

use super::{confine, report};
use crate::exercise::{Exercise, Role};
use crate::net::runner::StopFlag;
use crate::protocol::add::WireFormat;

/// What a check run needs.
#[derive(Clone, Debug)]
pub struct Options {
    pub exercise: Exercise,
    pub role: Role,
    /// How to start the program, with `{host}`, `{port}`, `{file}`, and for a file client
    /// `{remote}` and `{local}`.
    pub command: Vec<String>,
    pub host: String,
    pub port: u16,
    /// The add wire format to use with a server; None finds it.
    pub format: Option<WireFormat>,
    /// What to type into a client as its name and number.
    pub name: String,
    pub number: i64,
    /// Lines to type when prompts say nothing socklab knows (`{name}`, `{number}` replaced).
    pub stdin: Option<String>,
    /// Longest any one case waits.
    pub timeout: Duration,
    /// Replaces `{file}` (the `--each` file being checked).
    pub file: Option<String>,
    /// Set to stop the check: the program under test is killed, and no case starts after it.
    pub cancel: StopFlag,
    /// Hears the program's output as it comes, each run announced by a `$ command` line.
    pub tap: Option<Tap>,
    /// The instructor's points per check (None: required checks one point each).
    pub weights: Option<report::Weights>,
    /// Who sees each check on Gradescope (`hidden`, `after_due_date`, ...; visible if not named).
    pub visibility: report::Visibility,
    /// How the programs under test are confined.
    pub confine: confine::Confine,
    /// What confinement the first program of the run got (filled in as it starts).
    pub applied: std::sync::Arc<std::sync::Mutex<Option<confine::Applied>>>,
    /// Folders besides its scratch copy that a confined program may write in (where a file
    /// client is told to save).
    pub writable: Vec<std::path::PathBuf>,
    /// A folder for one capture per case (`<check id>.pcapng`) of what socklab's own side
    /// sent and received.
    pub pcap: Option<std::path::PathBuf>,
    /// A command that builds the program, run once before any case in a copy of the
    /// submission's folder (`javac *.java`, `gcc -o server server.c`, `make`).
    pub build: Option<String>,
    /// Longest a build may run.
    pub build_timeout: Duration,
    /// The folder the build made, copied for each run of the program (set by [`run`]).
    pub built: Option<std::sync::Arc<Built>>,
}

/// How long a build may run unless told otherwise.
pub const DEFAULT_BUILD_TIMEOUT: Duration = Duration::from_secs(120);

/// A submission built once (`--build`): each run of its program starts from a copy of this.
#[derive(Debug)]
pub struct Built {
    /// The submission's own folder.
    pub original: std::path::PathBuf,
    /// The copy of it the build ran in.
    pub work: std::path::PathBuf,
    pub(crate) _scratch: tempfile::TempDir,
}

/// Where a check's programs' output goes as it comes (the window shows it live).
#[derive(Clone)]
pub struct Tap(Arc<dyn Fn(String) + Send + Sync>);

impl Tap {
    pub fn new(f: impl Fn(String) + Send + Sync + 'static) -> Self {
        Self(Arc::new(f))
    }

    pub fn send(&self, text: String) {
        (self.0)(text);
    }
}

/// `command` with its placeholders replaced.
pub fn expand(command: &[String], options: &Options, extra: &[(&str, String)]) -> Vec<String> {
    let mut vars: Vec<(&str, String)> = vec![
        ("{host}", options.host.clone()),
        ("{port}", options.port.to_string()),
        ("{file}", options.file.clone().unwrap_or_default()),
    ];
    vars.extend(extra.iter().cloned());
    command
        .iter()
        .map(|arg| {
            vars.iter()
                .fold(arg.clone(), |a, (key, value)| a.replace(key, value))
        })
        .collect()
}

impl std::fmt::Debug for Tap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tap")
    }
}
