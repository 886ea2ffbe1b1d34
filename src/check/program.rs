//! The program under test: started in a scratch copy of its folder, in a process group of its
//! own, with its output kept (at most [`MAX_OUTPUT_BYTES`]) and its prompts answered by their
//! words; the whole group is killed when it is dropped, so no process is left behind.

pub use super::options::Tap;
use super::report::Reason;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Output of one run kept at most; the rest is counted and dropped.
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;

/// How long a partial line must stay unchanged before it is taken for a prompt.
const PROMPT_SETTLE: Duration = Duration::from_millis(150);

/// How long the program may stay silent, waiting, before a fallback line is typed for it.
const FALLBACK_AFTER: Duration = Duration::from_millis(600);

/// How long a silent program that is seen doing something else than reading its input (a
/// runtime starting) waits before a fallback line is typed anyway.
const FALLBACK_LATE: Duration = Duration::from_secs(5);

/// What to type into the program.
#[derive(Clone, Debug, Default)]
pub struct Answers {
    pub name: String,
    pub number: String,
    /// Messages or sentences (echo, uppercase), typed in order, one per prompt that asks.
    pub messages: Vec<String>,
    /// Guess the number: a number prompt gets the next guess of the halving strategy, read
    /// from the hint the program printed after the previous guess.
    pub guessing: bool,
    /// Lines typed in order when prompts say nothing a rule knows, or when the program reads
    /// without a prompt.
    pub fallback: Vec<String>,
}

/// What a prompt asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    Name,
    Number,
    Message,
}

impl Answers {
    /// What a prompt asks for by its words, if a rule knows it.
    pub fn asked(prompt: &str) -> Option<Asked> {
        let p = prompt.to_lowercase();
        let words: Vec<&str> = p.split(|c: char| !c.is_alphanumeric()).collect();
        // Whole words ("int", not the "int" of "print"); a longer stem may take an ending
        // ("numbers", "integer:").
        let any = |stems: &[&str]| {
            stems.iter().any(|s| {
                words
                    .iter()
                    .any(|w| *w == *s || (s.chars().count() >= 4 && w.starts_with(s)))
            })
        };
        if any(&["name", "nome", "nombre"]) {
            return Some(Asked::Name);
        }
        if any(&[
            "number", "integer", "int", "valor", "número", "numero", "value", "guess", "entero",
        ]) {
            return Some(Asked::Number);
        }
        if any(&[
            "message", "sentence", "text", "mensagem", "mensaje", "frase", "oración", "line",
            "input", "say",
        ]) {
            return Some(Asked::Message);
        }
        None
    }
}

/// The output a program has written so far (stdout and stderr together, in arrival order).
#[derive(Default)]
struct Output {
    text: Vec<u8>,
    dropped: usize,
    /// Where the last answered prompt ended: the answerer looks only after it.
    answered_to: usize,
    last_change: Option<Instant>,
    /// Pipes still being read (stdout, stderr): 0 once all it wrote is here.
    open: usize,
}

/// Longest a program seen ended waits for its output to be read to the end (a process it
/// started may keep the pipes open).
const OUTPUT_DRAIN: Duration = Duration::from_millis(500);

/// A started program.
pub struct Program {
    child: Child,
    output: Arc<Mutex<Output>>,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    /// Everything typed into it, for the evidence.
    typed: Arc<Mutex<Vec<Typed>>>,
    /// Holds the scratch folder until the program is gone (a build's is kept by its caller).
    _scratch: Option<tempfile::TempDir>,
    /// Its folder in the scratch folder (where it runs).
    work: PathBuf,
    /// socklab's own folder for the launcher's status (the program cannot write there).
    _private: tempfile::TempDir,
    /// How it was confined.
    applied: super::confine::Applied,
    limits: super::confine::Limits,
    exit: Option<std::process::ExitStatus>,
    /// When it started.
    started: Instant,
    /// Kills the program's group if socklab dies without doing it (see [`watchdog`]).
    watchdog: Option<Child>,
    /// The program and every process it started.
    group: Arc<Group>,
    /// Set when the program is dropped: its watching threads end with it.
    gone: Arc<std::sync::atomic::AtomicBool>,
}

/// What a build (`--build`) did, and the folder it made.
pub struct Build {
    pub ok: bool,
    pub reason: Reason,
    /// What the build printed (the compiler's messages).
    pub output: String,
    pub code: Option<i32>,
    /// How it was confined.
    pub applied: super::confine::Applied,
    pub built: super::options::Built,
}

/// A line typed into a program: what, when (since it started), and how much it had printed
/// then.
#[derive(Clone, Debug)]
pub struct Typed {
    pub line: String,
    pub at: Duration,
    printed: usize,
}

/// Why a program could not be run: the command, and why (its code names the cause).
#[derive(Debug)]
pub struct StartError {
    pub command: String,
    pub reason: Reason,
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "case-program-cannot-run",
            command = format!("{:?}", self.command),
            reason = self.reason.text.clone()
        ))
    }
}

impl std::error::Error for StartError {}

impl StartError {
    /// As a check's reason: the whole sentence, with the code of its cause.
    pub fn reason(&self) -> Reason {
        Reason::new(self.reason.code, self.to_string())
    }
}

impl Program {
    /// Starts `command` (program and arguments, placeholders already replaced). When one of the
    /// arguments names a file, its folder is copied to a scratch folder and the program runs
    /// there, on the copy.
    /// When the check's `cancel` is set the program's whole process group is killed at once,
    /// and no new program starts; its output goes to the check's `tap` too, as it comes.
    pub fn start(
        command: &[String],
        answers: Answers,
        options: &super::options::Options,
    ) -> Result<Self, StartError> {
        let fail = |reason: Reason| StartError {
            command: command.join(" "),
            reason,
        };
        if options.cancel.is_stopped() {
            return Err(fail(crate::reason!("case-program-stopped")));
        }
        if command.is_empty() {
            return Err(fail(crate::reason!("case-program-no-command")));
        }
        let mut full = command.to_vec();
        let (scratch, work) =
            scratch_copy(&mut full, options.file.as_deref(), options.built.as_deref()).map_err(
                |e| {
                    fail(crate::reason!(
                        "case-program-no-copy",
                        error = e.to_string()
                    ))
                },
            )?;
        let (bind, connect) = match options.role {
            crate::exercise::Role::Server => (Some(options.port), None),
            crate::exercise::Role::Client => (None, Some(options.port)),
        };
        let root = scratch.path().to_path_buf();
        Self::spawn(
            &full,
            command,
            answers,
            options,
            (Some(scratch), root, work),
            (bind, connect),
            &[],
        )
    }

    /// Runs the build command `line` (`{file}`: the submission's file, in its folder) once, in
    /// a copy of the submission's folder, confined as its program will be (no port at all),
    /// for at most `options.build_timeout`; the copy is kept for the program's runs.
    pub fn build(line: &str, options: &super::options::Options) -> Result<Build, StartError> {
        let fail = |reason: Reason| StartError {
            command: line.to_owned(),
            reason,
        };
        let command = super::options::expand(&options.command, options, &[]);
        let folder = submission_folder(&command, options.file.as_deref(), true)
            .unwrap_or_else(|| PathBuf::from("."));
        let scratch = tempfile::tempdir().map_err(|e| {
            fail(crate::reason!(
                "case-program-no-copy",
                error = e.to_string()
            ))
        })?;
        let root = scratch.path().to_path_buf();
        let work = root.join("work");
        let mut budget = MAX_COPY_BYTES;
        copy_tree(&folder, &work, &mut budget, 0).map_err(|e| {
            fail(crate::reason!(
                "case-program-cannot-copy",
                folder = folder.display().to_string(),
                error = e.to_string()
            ))
        })?;
        let line = build_line(line, options, &folder);
        let shell = shell_for(&line);
        let mut program = Self::spawn(
            &shell,
            &shell,
            Answers::default(),
            &build_options(options),
            (None, root.clone(), work.clone()),
            (None, None),
            &build_env(&root),
        )?;
        program.close_stdin();
        let code = program.wait_exit(options.build_timeout);
        program.kill();
        let limit = program.limit_note();
        let output = program.output();
        let (ok, reason) = build_verdict(&line, code, limit, &output, options.build_timeout);
        Ok(Build {
            ok,
            reason,
            output,
            code: code.flatten(),
            applied: program.applied.clone(),
            built: super::options::Built {
                original: folder,
                work,
                _scratch: scratch,
            },
        })
    }

    /// Starts `full` (the command with its paths in `scratch`) in `work`; `shown` is the
    /// command as given, for the output's `$` line; TCP `ports` it may bind and connect to.
    fn spawn(
        full: &[String],
        shown: &[String],
        answers: Answers,
        options: &super::options::Options,
        (scratch, root, work): (Option<tempfile::TempDir>, PathBuf, PathBuf),
        (bind, connect): (Option<u16>, Option<u16>),
        env: &[(String, String)],
    ) -> Result<Self, StartError> {
        let fail = |reason: Reason| StartError {
            command: shown.join(" "),
            reason,
        };
        #[cfg_attr(not(target_os = "linux"), allow(unused_mut))]
        let (private, mut plan) = plan_run(full, &root, (bind, connect), options).map_err(fail)?;
        #[cfg(target_os = "linux")]
        let cgroup = plan.cgroup.take();
        let (run, run_args) = plan
            .command
            .split_first()
            .ok_or_else(|| fail(crate::reason!("case-program-no-command")))?;
        // Every process it starts carries this mark, so that those which leave its process
        // tree (a daemon) are found and killed with it.
        let marker = format!("{}-{}", std::process::id(), rand::random::<u64>());
        let mut cmd = child_command((run, run_args), &marker, [env, &plan.env], &work);
        adopt_orphans();
        let mut child = cmd.spawn().map_err(|e| {
            fail(crate::reason!(
                "case-program-spawn-failed",
                error = e.to_string()
            ))
        })?;
        let started = Instant::now();
        mark_live(child.id());
        let applied = applied_to(&plan, &mut child);
        if let Ok(mut seen) = options.applied.lock() {
            seen.get_or_insert_with(|| applied.clone());
        }
        let watchdog = watchdog(child.id());
        if let Some(tap) = &options.tap {
            tap.send(format!("\n$ {}\n", shown.join(" ")));
        }
        let output = Arc::new(Mutex::new(Output::default()));
        read_outputs(&mut child, &output, options.tap.as_ref());
        let group = Group::of(&child, marker, plan.uid, &options.confine.limits);
        #[cfg(target_os = "linux")]
        let group = group.with_cgroup(cgroup);
        let group = Arc::new(group);
        let gone = Arc::new(std::sync::atomic::AtomicBool::new(false));
        watch_cancel(
            options.cancel.clone(),
            Arc::clone(&group),
            Arc::clone(&gone),
        );
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let typed = Arc::new(Mutex::new(Vec::new()));
        answer_in_background(
            Shared {
                output: Arc::clone(&output),
                stdin: Arc::clone(&stdin),
                typed: Arc::clone(&typed),
                gone: Arc::clone(&gone),
            },
            answers,
            (child.id(), started),
        );
        Ok(Self {
            child,
            output,
            stdin,
            typed,
            _scratch: scratch,
            work,
            _private: private,
            exit: None,
            started,
            watchdog,
            group,
            gone,
            applied,
            limits: options.confine.limits,
        })
    }

    /// The folder it runs in (the scratch copy of its own folder).
    pub fn workdir(&self) -> Option<&Path> {
        Some(&self.work)
    }

    /// How it was confined.
    pub fn applied(&self) -> &super::confine::Applied {
        &self.applied
    }

    /// The limit that stopped it, when one did ("stopped: memory limit 512 MiB").
    pub fn limit_note(&mut self) -> Option<String> {
        self.exit_code()?;
        if !self.applied.enabled || self.applied.limits.is_none() {
            return None;
        }
        #[cfg(unix)]
        let signal = {
            use std::os::unix::process::ExitStatusExt;
            self.exit.and_then(|s| s.signal())
        };
        #[cfg(not(unix))]
        let signal = None;
        super::confine::limit_hit(
            &self.limits,
            signal,
            &self.output(),
            self.group.oom_killed(),
        )
    }

    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What it has printed so far (stdout and stderr), as text.
    pub fn output(&self) -> String {
        self.output
            .lock()
            .map(|o| {
                let mut text = String::from_utf8_lossy(&o.text).into_owned();
                if o.dropped > 0 {
                    text.push('\n');
                    text.push_str(&crate::t!("case-program-output-dropped", count = o.dropped));
                }
                text
            })
            .unwrap_or_default()
    }

    /// What was typed into it.
    pub fn typed(&self) -> Vec<String> {
        self.typed_lines().into_iter().map(|t| t.line).collect()
    }

    /// What was typed into it, and when.
    pub fn typed_lines(&self) -> Vec<Typed> {
        self.typed.lock().map(|t| t.clone()).unwrap_or_default()
    }

    /// What it printed after `line` was first typed into it (None: never typed).
    pub fn output_after(&self, line: &str) -> Option<String> {
        let at = self
            .typed
            .lock()
            .ok()?
            .iter()
            .find(|t| t.line == line)
            .map(|t| t.printed)?;
        let o = self.output.lock().ok()?;
        Some(String::from_utf8_lossy(&o.text[at.min(o.text.len())..]).into_owned())
    }

    /// Types a line into it now.
    pub fn type_line(&self, line: &str) {
        let at = self.output.lock().map(|o| o.text.len()).unwrap_or(0);
        type_into(&self.stdin, &self.typed, line, at, self.started);
    }

    /// Waits until its output shows every one of `texts`, at most `wait`, and no longer once
    /// it has exited (what it printed by then is all there is).
    pub fn wait_output_all(&mut self, texts: &[String], wait: Duration) -> bool {
        let until = Instant::now() + wait;
        loop {
            let out = self.output();
            if texts.iter().all(|t| out.contains(t.as_str())) {
                return true;
            }
            if Instant::now() >= until || !self.is_running() {
                // Its last words may still be in the pipe.
                thread::sleep(Duration::from_millis(50));
                let out = self.output();
                return texts.iter().all(|t| out.contains(t.as_str()));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Closes its standard input (end of input, as Ctrl-D).
    pub fn close_stdin(&self) {
        if let Ok(mut slot) = self.stdin.lock() {
            slot.take();
        }
    }

    /// Its exit code once it has exited (None while it runs, or when a signal ended it).
    /// How it ended (None while it runs). Once it is seen ended, what it wrote before is in
    /// [`Self::output`]: its pipes are read to their end first (at most [`OUTPUT_DRAIN`], for a
    /// child of its own that keeps them open).
    pub fn exit_code(&mut self) -> Option<Option<i32>> {
        if self.exit.is_none() {
            self.exit = self.child.try_wait().ok().flatten();
            if self.exit.is_some() {
                self.drain_output();
            }
        }
        self.exit.map(|s| s.code())
    }

    /// Waits until its output pipes are read to their end, at most [`OUTPUT_DRAIN`].
    fn drain_output(&self) {
        let until = Instant::now() + OUTPUT_DRAIN;
        while self.output.lock().is_ok_and(|o| o.open > 0) && Instant::now() < until {
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn is_running(&mut self) -> bool {
        self.exit_code().is_none()
    }

    /// Waits at most `wait` for it to exit; its exit code if it did.
    pub fn wait_exit(&mut self, wait: Duration) -> Option<Option<i32>> {
        let until = Instant::now() + wait;
        loop {
            if let Some(code) = self.exit_code() {
                return Some(code);
            }
            if Instant::now() >= until {
                return None;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until its output contains `text`, at most `wait`.
    pub fn wait_output(&self, text: &str, wait: Duration) -> bool {
        let until = Instant::now() + wait;
        while Instant::now() < until {
            if self.output().contains(text) {
                return true;
            }
            thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Kills the program and every process it started.
    pub fn kill(&mut self) {
        self.group.kill();
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(mut w) = self.watchdog.take() {
            // Its work is done; killed, rather than let go, so it never signals a reused id.
            let _ = w.kill();
            let _ = w.wait();
        }
        if self.exit.is_none() {
            self.exit = self.child.try_wait().ok().flatten();
        }
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        self.gone.store(true, std::sync::atomic::Ordering::Release);
        self.kill();
        self.group.release();
    }
}

fn collect(pipe: Box<dyn Read + Send>, output: &Mutex<Output>, tap: Option<&Tap>) {
    read_pipe(pipe, output, tap);
    if let Ok(mut o) = output.lock() {
        o.open = o.open.saturating_sub(1);
    }
}

/// Reads `pipe` into `output` to its end (the program and its children are gone).
fn read_pipe(mut pipe: Box<dyn Read + Send>, output: &Mutex<Output>, tap: Option<&Tap>) {
    let mut buf = [0u8; 8192];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => {
                let Ok(mut o) = output.lock() else { return };
                let room = MAX_OUTPUT_BYTES.saturating_sub(o.text.len());
                let kept = n.min(room);
                o.text.extend_from_slice(&buf[..kept]);
                o.dropped += n - kept;
                o.last_change = Some(Instant::now());
                drop(o);
                if let Some(tap) = tap.filter(|_| kept > 0) {
                    tap.send(String::from_utf8_lossy(&buf[..kept]).into_owned());
                }
            }
        }
    }
}

fn type_into(
    stdin: &Mutex<Option<ChildStdin>>,
    typed: &Mutex<Vec<Typed>>,
    line: &str,
    printed: usize,
    since: Instant,
) {
    if let Ok(mut slot) = stdin.lock()
        && let Some(pipe) = slot.as_mut()
    {
        // A program that stopped reading is not an error here: its output tells.
        let _ = pipe
            .write_all(format!("{line}\n").as_bytes())
            .and_then(|()| pipe.flush());
    }
    if let Ok(mut t) = typed.lock() {
        t.push(Typed {
            line: line.to_owned(),
            at: since.elapsed(),
            printed,
        });
    }
}

/// A private folder for the run and the confinement planned for `full` in `root`.
fn plan_run(
    full: &[String],
    root: &Path,
    (bind, connect): (Option<u16>, Option<u16>),
    options: &super::options::Options,
) -> Result<(tempfile::TempDir, super::confine::Plan), Reason> {
    let private = tempfile::tempdir()
        .map_err(|e| crate::reason!("case-program-no-copy", error = e.to_string()))?;
    let plan = super::confine::plan(
        &options.confine,
        full,
        root,
        &options.writable,
        bind,
        connect,
        private.path(),
    )?;
    Ok((private, plan))
}

/// Known as a live program at once: another job's end never takes it for an orphan.
fn mark_live(pid: u32) {
    #[cfg(unix)]
    if let Ok(mut l) = live().lock() {
        l.insert(pid);
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// What confinement the child got: none, as the plan says, or as the child reported it.
fn applied_to(plan: &super::confine::Plan, child: &mut Child) -> super::confine::Applied {
    match (&plan.off, &plan.status) {
        (Some(off), _) => off.clone(),
        (None, Some(status)) => read_status(status, child),
        (None, None) => super::confine::Applied::off(&crate::t!("case-program-no-plan")),
    }
}

/// The command that starts a program: `run` with its arguments in `work`, its standard streams
/// piped, Python told not to buffer, every process it starts marked with `marker`, in a
/// process group of its own.
fn child_command(
    (run, args): (&String, &[String]),
    marker: &str,
    envs: [&[(String, String)]; 2],
    work: &Path,
) -> Command {
    let mut cmd = Command::new(run);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("PYTHONUNBUFFERED", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env(MARK_ENV, marker)
        .current_dir(work);
    for env in envs {
        cmd.envs(env.iter().map(|(k, v)| (k, v)));
    }
    own_process_group(&mut cmd);
    cmd
}

/// Reads the child's standard output and error into `output` (and `tap`), each on a thread
/// that ends when its pipe closes (the program and its children are gone).
fn read_outputs(child: &mut Child, output: &Arc<Mutex<Output>>, tap: Option<&Tap>) {
    let pipes = [
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    ];
    let pipes: Vec<_> = pipes.into_iter().flatten().collect();
    if let Ok(mut o) = output.lock() {
        o.open = pipes.len();
    }
    for pipe in pipes {
        let output = Arc::clone(output);
        let tap = tap.cloned();
        let _ = thread::Builder::new()
            .name("check output".into())
            .spawn(move || collect(pipe, &output, tap.as_ref()));
    }
}

/// Kills `group` when `cancel` is set while a case waits on it (the user's Stop); the watcher
/// ends with the program (`gone`).
fn watch_cancel(
    cancel: crate::net::runner::StopFlag,
    group: Arc<Group>,
    gone: Arc<std::sync::atomic::AtomicBool>,
) {
    let _ = thread::Builder::new()
        .name("check cancel".into())
        .spawn(move || {
            while !gone.load(std::sync::atomic::Ordering::Acquire) {
                if cancel.is_stopped() {
                    group.kill();
                    return;
                }
                thread::sleep(Duration::from_millis(50));
            }
        });
}

/// The build command with its placeholders replaced; `{file}` is the submission's file seen
/// from its `folder`, where the build runs.
fn build_line(line: &str, options: &super::options::Options, folder: &Path) -> String {
    let file = options.file.as_deref().map(|f| {
        Path::new(f)
            .canonicalize()
            .ok()
            .zip(folder.canonicalize().ok())
            .and_then(|(f, d)| f.strip_prefix(d).ok().map(Path::to_path_buf))
            .map_or_else(|| f.to_owned(), |p| p.display().to_string())
    });
    line.replace("{file}", file.as_deref().unwrap_or(""))
        .replace("{port}", &options.port.to_string())
        .replace("{host}", &options.host)
}

/// The system's shell running `line`.
fn shell_for(line: &str) -> Vec<String> {
    if cfg!(windows) {
        vec!["cmd".into(), "/C".into(), line.to_owned()]
    } else {
        vec!["/bin/sh".into(), "-c".into(), line.to_owned()]
    }
}

/// The options a build runs with: the program's confinement, with at least the build's time
/// in CPU seconds, and its own record of what was applied (the report's confinement is the
/// program's, not the build's).
fn build_options(options: &super::options::Options) -> super::options::Options {
    let mut confined = options.clone();
    confined.applied = Arc::default();
    confined.confine.limits.cpu_seconds = confined
        .confine
        .limits
        .cpu_seconds
        .max(options.build_timeout.as_secs());
    confined
}

/// Compilers' caches, kept outside the submission's copy (Go's is tens of MiB).
fn build_env(root: &Path) -> [(String, String); 2] {
    let caches = root.join("cache");
    [
        ("XDG_CACHE_HOME".to_owned(), caches.display().to_string()),
        (
            "GOCACHE".to_owned(),
            caches.join("go-build").display().to_string(),
        ),
    ]
}

/// Whether a build that ended with `code` (None: stopped after `timeout`) succeeded, and why,
/// with the limit it ran into and, for a failure, the compiler's first errors, where a reader
/// of the one-line verdict sees them.
fn build_verdict(
    line: &str,
    code: Option<Option<i32>>,
    limit: Option<String>,
    output: &str,
    timeout: Duration,
) -> (bool, Reason) {
    let (ok, mut reason) = match code {
        Some(Some(0)) => (true, crate::reason!("case-build-ended", line = line)),
        Some(Some(c)) => (
            false,
            crate::reason!("case-build-failed", line = line, code = c),
        ),
        Some(None) => (false, crate::reason!("case-build-signal", line = line)),
        None => (
            false,
            crate::reason!(
                "case-build-timed-out",
                line = line,
                seconds = timeout.as_secs()
            ),
        ),
    };
    if let Some(l) = limit.filter(|_| code.is_some()) {
        reason.text = format!("{} ({l})", reason.text);
    }
    if !ok {
        let errors: Vec<&str> = output
            .lines()
            .map(str::trim)
            .filter(|l| l.to_lowercase().contains("error"))
            .take(3)
            .collect();
        if !errors.is_empty() {
            reason.text.push_str(": ");
            reason.text.push_str(&errors.join(" | "));
        }
    }
    (ok, reason)
}

/// What the program's watchers share with it.
struct Shared {
    output: Arc<Mutex<Output>>,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    typed: Arc<Mutex<Vec<Typed>>>,
    gone: Arc<std::sync::atomic::AtomicBool>,
}

/// Answers the program's prompts on a thread of its own ([`answer_prompts`]) until it is gone.
fn answer_in_background(shared: Shared, answers: Answers, (pid, started): (u32, Instant)) {
    let _ = thread::Builder::new()
        .name("check answers".into())
        .spawn(move || {
            let Shared {
                output,
                stdin,
                typed,
                gone,
            } = shared;
            answer_prompts(&output, &stdin, &typed, answers, (pid, started), &gone);
        });
}

/// A prompt in the program's `fresh` output, once it has been `quiet` long enough: a partial
/// line (Python's input("Name: ")), or a whole line that asks.
fn prompt_in(fresh: &str, quiet: Duration) -> Option<String> {
    let partial = fresh.rsplit('\n').next().unwrap_or("").trim();
    let last_line = fresh.trim_end().rsplit('\n').next().unwrap_or("").trim();
    if !partial.is_empty() && quiet >= PROMPT_SETTLE {
        Some(partial.to_owned())
    } else if last_line.ends_with([':', '?', '>']) && quiet >= PROMPT_SETTLE * 2 {
        Some(last_line.to_owned())
    } else {
        None
    }
}

/// What is typed to the prompts socklab understands.
struct Replies {
    answers: Answers,
    messages: std::vec::IntoIter<String>,
    /// A guessing client's range, narrowed by the hint the program printed for each guess.
    halving: crate::protocol::text::Halving,
    last_guess: Option<i64>,
}

impl Replies {
    /// The line to type when asked `asked`; `fresh` is the output since the last answer.
    fn to(&mut self, asked: Asked, fresh: &str) -> Option<String> {
        match asked {
            Asked::Name => Some(self.answers.name.clone()),
            Asked::Number if self.answers.guessing => {
                // The hint the program printed for the last guess narrows the range.
                if let (Some(g), Some(hint)) = (
                    self.last_guess,
                    crate::protocol::text::read_hint(fresh.as_bytes()),
                ) {
                    self.halving.learn(g, hint);
                }
                let next = self.halving.next_guess()?;
                self.last_guess = Some(next);
                Some(next.to_string())
            }
            Asked::Number => Some(self.answers.number.clone()),
            Asked::Message => self.messages.next(),
        }
    }
}

/// Watches the output for prompts and types the answers; without a prompt it knows, types the
/// next fallback line once the program has been quiet for a while.
///
/// A fallback line is typed only when the program waits for input: on Linux when one of its
/// processes is blocked reading its standard input (a JVM compiling a single-file program is
/// not, and gets no line early); where that cannot be told (another system, or a runtime that
/// polls its input, as Node does), after [`FALLBACK_AFTER`] of silence, or [`FALLBACK_LATE`]
/// when it is seen busy elsewhere.
fn answer_prompts(
    output: &Mutex<Output>,
    stdin: &Mutex<Option<ChildStdin>>,
    typed: &Mutex<Vec<Typed>>,
    answers: Answers,
    (pid, started): (u32, Instant),
    gone: &std::sync::atomic::AtomicBool,
) {
    let mut fallback = answers.fallback.clone().into_iter();
    let mut replies = Replies {
        messages: answers.messages.clone().into_iter(),
        answers,
        halving: crate::protocol::text::Halving::default(),
        last_guess: None,
    };
    let mut reading: (Option<Instant>, Option<bool>) = (None, None);
    loop {
        thread::sleep(Duration::from_millis(40));
        if gone.load(std::sync::atomic::Ordering::Acquire)
            || stdin.lock().map(|s| s.is_none()).unwrap_or(true)
        {
            return;
        }
        let Ok(mut o) = output.lock() else { return };
        let quiet = o.last_change.map_or(started.elapsed(), |t| t.elapsed());
        let fresh =
            String::from_utf8_lossy(&o.text[o.answered_to.min(o.text.len())..]).into_owned();
        let prompt = prompt_in(&fresh, quiet);
        let known = prompt
            .as_deref()
            .and_then(Answers::asked)
            .and_then(|asked| replies.to(asked, &fresh));
        if known.is_some() {
            // A program whose prompts are understood gets no fallback lines: typed later, they
            // would answer an input() the handout never asked for.
            fallback = Vec::new().into_iter();
        }
        let waits = quiet >= FALLBACK_AFTER && known.is_none() && fallback.len() > 0 && {
            // Asked of the system at most every 200 ms (it reads every process's status).
            if reading
                .0
                .is_none_or(|t| t.elapsed() >= Duration::from_millis(200))
            {
                reading = (Some(Instant::now()), reads_stdin(pid));
            }
            match reading.1 {
                Some(true) | None => true,
                Some(false) => quiet >= FALLBACK_LATE,
            }
        };
        let answer = match prompt {
            Some(_) if known.is_some() => known,
            _ if waits => fallback.next(),
            _ => None,
        };
        if let Some(line) = answer {
            let printed = o.text.len();
            o.answered_to = printed;
            o.last_change = Some(Instant::now());
            drop(o);
            type_into(stdin, typed, &line, printed, started);
        }
    }
}

/// Whether a command's program word is a path relative to a folder (`./server`, `bin/server`),
/// not a name looked up on the PATH (`python3`).
fn relative_program(word: &str) -> bool {
    let path = Path::new(word);
    path.is_relative() && path.components().count() > 1
}

/// The submission's folder: that of `{file}` (`--each`), else the folder where socklab runs
/// when the program is a relative path (`./server`), else that of the first argument naming
/// a file (`server.py`); the folder where socklab runs when a build makes the program.
pub fn submission_folder(command: &[String], file: Option<&str>, build: bool) -> Option<PathBuf> {
    let parent = |p: &Path| {
        p.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    if let Some(file) = file.map(Path::new) {
        if file.is_dir() {
            return Some(file.to_path_buf());
        }
        if file.is_file() {
            return Some(parent(file));
        }
    }
    let (program, args) = command.split_first()?;
    if relative_program(program) {
        return Some(PathBuf::from("."));
    }
    args.iter()
        .map(Path::new)
        .find(|a| a.is_file())
        .map(parent)
        .or_else(|| build.then(|| PathBuf::from(".")))
}

/// Folders whose files a command names without being the submission's (an interpreter, a
/// device): never copied.
const SYSTEM_FOLDERS: &[&str] = &[
    "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt", "/proc",
    "/sys", "/dev", "/snap", "/nix",
];

/// Files copied into one scratch folder at most, in all: a lab folder, not a disk.
pub const MAX_COPY_BYTES: u64 = 64 * 1024 * 1024;

/// How deep a submission's subfolders are copied.
const MAX_COPY_DEPTH: usize = 16;

/// Copies the files of `from` into `to` (made here), then its subfolders, while `budget`
/// lasts: a folder's own files first, so that a big subfolder never crowds them out. Files that
/// vanish while it copies (another program's temporary files) are passed over; symbolic links
/// to folders are not followed; hidden folders (`.git`, a `.venv`, a tool's checkout) are left
/// out.
fn copy_tree(from: &Path, to: &Path, budget: &mut u64, depth: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    // A program at the top of the file system (in a container, a chroot) is copied with the
    // files beside it only: never the system's folders, nor /proc's endless files.
    let top = depth == 0 && from.canonicalize().is_ok_and(|f| f == Path::new("/"));
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(from)?.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            let system = SYSTEM_FOLDERS.iter().any(|s| path.starts_with(s));
            if depth < MAX_COPY_DEPTH
                && !top
                && !system
                && same_device_as(from, &path).is_none_or(|same| same)
                && !entry.file_name().to_string_lossy().starts_with('.')
            {
                folders.push((path, target));
            }
            continue;
        }
        // A link to a file is copied as the file; a link to a folder, or a device, is not.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() || meta.len() > *budget {
            continue;
        }
        match std::fs::copy(&path, &target) {
            Ok(n) => *budget = budget.saturating_sub(n),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    for (path, target) in folders {
        match copy_tree(&path, &target, budget, depth + 1) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Whether `path` is on the file system of `folder` (None where that cannot be told): a mount
/// inside a submission's folder (a /proc, a network share) is not copied.
fn same_device_as(folder: &Path, path: &Path) -> Option<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let a = std::fs::metadata(folder).ok()?.dev();
        let b = std::fs::symlink_metadata(path).ok()?.dev();
        Some(a == b)
    }
    #[cfg(not(unix))]
    {
        let _ = (folder, path);
        None
    }
}

/// Copies the submission's folder ([`submission_folder`], or the folder a build made,
/// `built`) into `work` of a scratch folder, and points the command's words at the copy: a
/// file or folder in the submission's folder at its copy, a relative program (`./server`) at
/// its place in the copy, and a script outside it that the interpreter runs (an instructor's
/// harness, the command's second word) at a copy beside it in the scratch folder, with the
/// files of its own folder. At most
/// [`MAX_COPY_BYTES`] in all. The scratch folder around `work` is the program's too (a
/// confined program may read and write there), so that the checks can put files beside its
/// folder (`../name`).
fn scratch_copy(
    command: &mut [String],
    file: Option<&str>,
    built: Option<&super::options::Built>,
) -> std::io::Result<(tempfile::TempDir, PathBuf)> {
    let scratch = tempfile::tempdir()?;
    let work = scratch.path().join("work");
    let mut budget = MAX_COPY_BYTES;
    let folder = match built {
        Some(b) => Some(b.original.clone()),
        None => submission_folder(command, file, false),
    };
    match (built, &folder) {
        (Some(b), _) => copy_tree(&b.work, &work, &mut budget, 0)?,
        (None, Some(folder)) => copy_tree(folder, &work, &mut budget, 0)?,
        (None, None) => std::fs::create_dir(&work)?,
    }
    let folder = folder.and_then(|f| f.canonicalize().ok());
    let mut helpers = 0;
    for (i, word) in command.iter_mut().enumerate() {
        let path = Path::new(word.as_str());
        let real = path.canonicalize().ok();
        // An interpreter or a device is the system's, also for a submission at the top of the
        // file system (a container's, a chroot's).
        let at_top = folder.as_deref() == Some(Path::new("/"));
        if at_top
            && real
                .as_ref()
                .is_some_and(|r| SYSTEM_FOLDERS.iter().any(|s| r.starts_with(s)))
        {
            continue;
        }
        if let (Some(real), Some(folder)) = (&real, &folder)
            && let Ok(inside) = real.strip_prefix(folder)
        {
            *word = work.join(inside).display().to_string();
            continue;
        }
        if i == 0 {
            if relative_program(word) && folder.is_some() {
                *word = work.join(path).display().to_string();
            }
            continue;
        }
        // Only the script an interpreter runs: a file named further on is the program's data
        // (a path it is told to write or read), which stays where it is, out of its reach.
        let Some(real) = real.filter(|r| r.is_file() && i == 1) else {
            continue;
        };
        if SYSTEM_FOLDERS.iter().any(|s| real.starts_with(s)) {
            continue;
        }
        // A harness outside the submission: its folder's files, beside the copy.
        helpers += 1;
        let beside = scratch.path().join(format!("helper-{helpers}"));
        std::fs::create_dir_all(&beside)?;
        if let Some(dir) = real.parent() {
            for entry in std::fs::read_dir(dir)?.flatten() {
                let p = entry.path();
                let size = std::fs::metadata(&p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len());
                if let Some(size) = size.filter(|s| *s <= budget || p == real) {
                    match std::fs::copy(&p, beside.join(entry.file_name())) {
                        Ok(_) => budget = budget.saturating_sub(size),
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        if let Some(name) = real.file_name() {
            *word = beside.join(name).display().to_string();
        }
    }
    Ok((scratch, work))
}

/// Whether the program waits on its standard input: one of its processes blocked in a read
/// of the pipe socklab types into. None where that cannot be seen.
#[cfg(target_os = "linux")]
fn reads_stdin(pid: u32) -> Option<bool> {
    let stdin = std::fs::read_link(format!("/proc/{pid}/fd/0")).ok()?;
    let reads = [libc::SYS_read, libc::SYS_readv, libc::SYS_pread64];
    let mut seen = false;
    for p in super::ports::tree(pid) {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{p}/task")) else {
            continue;
        };
        for task in tasks.flatten() {
            let Ok(text) = std::fs::read_to_string(task.path().join("syscall")) else {
                continue;
            };
            seen = true;
            let mut fields = text.split_whitespace();
            let (Some(nr), Some(fd)) = (fields.next(), fields.next()) else {
                continue;
            };
            if !nr.parse::<i64>().is_ok_and(|nr| reads.contains(&nr)) {
                continue;
            }
            let Ok(fd) = i64::from_str_radix(fd.trim_start_matches("0x"), 16) else {
                continue;
            };
            if fd == 0 || std::fs::read_link(format!("/proc/{p}/fd/{fd}")).is_ok_and(|l| l == stdin)
            {
                return Some(true);
            }
        }
    }
    seen.then_some(false)
}

#[cfg(not(target_os = "linux"))]
fn reads_stdin(_pid: u32) -> Option<bool> {
    None
}

/// The programs under test running now (their process ids), so that killing what one left
/// behind never touches another.
#[cfg(unix)]
fn live() -> &'static Mutex<std::collections::BTreeSet<u32>> {
    static LIVE: std::sync::OnceLock<Mutex<std::collections::BTreeSet<u32>>> =
        std::sync::OnceLock::new();
    LIVE.get_or_init(Default::default)
}

#[cfg(unix)]
fn live_programs() -> std::collections::BTreeSet<u32> {
    live().lock().map(|l| l.clone()).unwrap_or_default()
}

/// The environment variable that marks every process of one program under test.
const MARK_ENV: &str = "SOCKLAB_CASE";

/// Reads what the launcher applied, written before it executes the program (at most 5 s).
fn read_status(status: &Path, child: &mut Child) -> super::confine::Applied {
    let until = Instant::now() + Duration::from_secs(5);
    loop {
        if let Ok(text) = std::fs::read_to_string(status)
            && let Ok(applied) = serde_json::from_str(&text)
        {
            return applied;
        }
        if Instant::now() >= until || child.try_wait().ok().flatten().is_some() {
            return super::confine::Applied::off(&crate::t!("case-program-launcher-silent"));
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Makes socklab the parent of every process its programs leave behind (a double-forked
/// daemon comes back to it rather than to init), so that it can find and kill them.
fn adopt_orphans() {
    #[cfg(target_os = "linux")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            // SAFETY: prctl with an integer option and value; no memory is passed.
            unsafe {
                libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            }
        });
    }
}

#[cfg(unix)]
fn own_process_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
}

#[cfg(not(unix))]
fn own_process_group(_cmd: &mut Command) {}

/// The program under test and every process it starts: on Unix its process group (it leads
/// it, started with `process_group(0)`); on Windows a Job object it is assigned to at once,
/// which the system also kills when socklab's last handle to it closes (socklab killed too).
#[cfg(unix)]
struct Group {
    pid: u32,
    /// Its processes' mark ([`MARK_ENV`]).
    marker: String,
    /// The user it runs as, when socklab switched to one.
    uid: Option<u32>,
    /// Its cgroup, when it has one: every process in it is killed with it, and the group is
    /// removed when the program is ([`Group::release`]).
    #[cfg(target_os = "linux")]
    cgroup: Mutex<Option<super::cgroup::Cgroup>>,
}

#[cfg(unix)]
impl Group {
    fn of(
        child: &Child,
        marker: String,
        uid: Option<u32>,
        _limits: &super::confine::Limits,
    ) -> Self {
        Self {
            pid: child.id(),
            marker,
            uid,
            #[cfg(target_os = "linux")]
            cgroup: Mutex::new(None),
        }
    }

    #[cfg(target_os = "linux")]
    fn with_cgroup(self, cgroup: Option<super::cgroup::Cgroup>) -> Self {
        Self {
            cgroup: Mutex::new(cgroup),
            ..self
        }
    }

    /// Whether the kernel killed one of its processes for its memory.
    fn oom_killed(&self) -> bool {
        #[cfg(target_os = "linux")]
        return self
            .cgroup
            .lock()
            .is_ok_and(|g| g.as_ref().is_some_and(super::cgroup::Cgroup::oom_killed));
        #[cfg(not(target_os = "linux"))]
        false
    }

    /// Removes its cgroup (its processes killed first), now rather than when the last thread
    /// watching it lets go: socklab may exit before that.
    fn release(&self) {
        #[cfg(target_os = "linux")]
        if let Ok(mut g) = self.cgroup.lock() {
            g.take();
        }
    }

    /// Kills its process group, every descendant (a process that made a group or session
    /// of its own too), and the processes it left to socklab (a double-forked daemon).
    fn kill(&self) {
        if let Ok(pid) = i32::try_from(self.pid) {
            // SAFETY: kill(2) with a negative pid signals the process group the child leads;
            // it touches no memory of ours.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        if let Ok(mut l) = live().lock() {
            l.remove(&self.pid);
        }
        #[cfg(target_os = "linux")]
        {
            let mut doomed = super::ports::tree(self.pid);
            doomed.retain(|p| *p != self.pid);
            doomed.extend(self.orphans());
            if let Ok(g) = self.cgroup.lock()
                && let Some(cgroup) = g.as_ref()
            {
                doomed.extend(cgroup.pids());
            }
            for pid in doomed {
                if let Ok(pid) = i32::try_from(pid) {
                    // SAFETY: as above, one process; then its exit status is collected if it
                    // is socklab's child now (an adopted orphan), so no zombie is left.
                    unsafe {
                        libc::kill(pid, libc::SIGKILL);
                        libc::waitpid(pid, std::ptr::null_mut(), libc::WNOHANG);
                    }
                }
            }
        }
    }

    /// socklab's children that are this program's: run as its user, or carry its mark.
    #[cfg(target_os = "linux")]
    fn orphans(&self) -> Vec<u32> {
        use std::os::unix::fs::MetadataExt;
        let me = std::process::id();
        let mark = format!("{MARK_ENV}={}", self.marker);
        let Ok(dir) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        dir.flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| *pid != self.pid)
            .filter(|pid| {
                let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                    return false;
                };
                let ppid = stat
                    .rsplit_once(')')
                    .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
                if ppid != Some(me) {
                    return false;
                }
                // Another program under test of this socklab (`--jobs`) runs as that user too.
                let by_user = self.uid.is_some_and(|uid| {
                    !live_programs().contains(pid)
                        && std::fs::metadata(format!("/proc/{pid}")).is_ok_and(|m| m.uid() == uid)
                });
                by_user
                    || std::fs::read(format!("/proc/{pid}/environ"))
                        .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == mark.as_bytes()))
            })
            .collect()
    }
}

#[cfg(windows)]
struct Group {
    job: Option<job::Job>,
}

#[cfg(windows)]
impl Group {
    fn of(
        child: &Child,
        _marker: String,
        _uid: Option<u32>,
        limits: &super::confine::Limits,
    ) -> Self {
        Self {
            job: job::Job::for_child(child, limits),
        }
    }

    fn kill(&self) {
        if let Some(job) = &self.job {
            job.kill();
        }
    }

    fn oom_killed(&self) -> bool {
        false
    }

    fn release(&self) {}
}

#[cfg(not(any(unix, windows)))]
struct Group;

#[cfg(not(any(unix, windows)))]
impl Group {
    fn of(
        _child: &Child,
        _marker: String,
        _uid: Option<u32>,
        _limits: &super::confine::Limits,
    ) -> Self {
        Self
    }

    fn kill(&self) {}

    fn oom_killed(&self) -> bool {
        false
    }

    fn release(&self) {}
}

#[cfg(windows)]
mod job {
    use std::os::windows::io::AsRawHandle;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_ACTIVE_PROCESS,
        JOB_OBJECT_LIMIT_JOB_MEMORY, JOB_OBJECT_LIMIT_JOB_TIME, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
        SetInformationJobObject, TerminateJobObject,
    };

    /// A Job object that kills its processes when closed.
    pub struct Job(HANDLE);

    // SAFETY: a job handle may be used from any thread.
    unsafe impl Send for Job {}
    // SAFETY: TerminateJobObject and CloseHandle are safe to call concurrently on one handle.
    unsafe impl Sync for Job {}

    impl Job {
        /// A job for `child` with `limits`: its processes, the memory of them all, and their
        /// CPU time (user time, in 100 ns units).
        pub fn for_child(
            child: &std::process::Child,
            limits: &crate::check::confine::Limits,
        ) -> Option<Self> {
            // SAFETY: plain Win32 calls on a handle created here and the child's own handle,
            // which lives as long as `child`; the info struct is zeroed, then one flag is set.
            unsafe {
                let handle = CreateJobObjectW(std::ptr::null(), std::ptr::null());
                if handle.is_null() {
                    return None;
                }
                let job = Self(handle);
                let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
                info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
                    | JOB_OBJECT_LIMIT_ACTIVE_PROCESS
                    | JOB_OBJECT_LIMIT_JOB_MEMORY
                    | JOB_OBJECT_LIMIT_JOB_TIME;
                info.BasicLimitInformation.ActiveProcessLimit =
                    u32::try_from(limits.processes).unwrap_or(u32::MAX);
                info.JobMemoryLimit =
                    usize::try_from(limits.memory_mib.saturating_mul(1024 * 1024))
                        .unwrap_or(usize::MAX);
                info.BasicLimitInformation.PerJobUserTimeLimit =
                    i64::try_from(limits.cpu_seconds.saturating_mul(10_000_000))
                        .unwrap_or(i64::MAX);
                let size = u32::try_from(std::mem::size_of_val(&info)).ok()?;
                if SetInformationJobObject(
                    job.0,
                    JobObjectExtendedLimitInformation,
                    (&raw const info).cast(),
                    size,
                ) == 0
                {
                    return None;
                }
                if AssignProcessToJobObject(job.0, child.as_raw_handle() as HANDLE) == 0 {
                    return None;
                }
                Some(job)
            }
        }

        pub fn kill(&self) {
            // SAFETY: the handle is open until Drop.
            unsafe {
                TerminateJobObject(self.0, 1);
            }
        }
    }

    impl Drop for Job {
        fn drop(&mut self) {
            // SAFETY: closed once, here; KILL_ON_JOB_CLOSE ends what is left in it.
            unsafe {
                CloseHandle(self.0);
            }
        }
    }
}

/// A `sh` that waits on a pipe only socklab holds: when socklab ends in any way, a SIGKILL
/// included, the kernel closes the pipe, the read returns, and the program's process group is
/// killed. socklab's own exits kill the group first and then the watchdog. (On Windows the Job
/// object does this.)
#[cfg(unix)]
fn watchdog(pgid: u32) -> Option<Child> {
    Command::new("sh")
        .args([
            "-c",
            "read _ignored; kill -9 \"-$0\" 2>/dev/null",
            &pgid.to_string(),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()
}

#[cfg(not(unix))]
fn watchdog(_pgid: u32) -> Option<Child> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_takes_subfolders_but_no_hidden_folder_and_no_other_file_system() {
        let from = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(from.path().join("lib")).unwrap();
        std::fs::create_dir_all(from.path().join(".git")).unwrap();
        std::fs::write(from.path().join("server.py"), "print(1)").unwrap();
        std::fs::write(from.path().join("lib/reply.py"), "x = 1").unwrap();
        std::fs::write(from.path().join(".git/HEAD"), "ref").unwrap();
        let to = tempfile::tempdir().unwrap();
        let mut budget = MAX_COPY_BYTES;
        copy_tree(from.path(), &to.path().join("work"), &mut budget, 0).unwrap();
        assert!(to.path().join("work/server.py").is_file());
        assert!(to.path().join("work/lib/reply.py").is_file());
        assert!(!to.path().join("work/.git").exists());
        #[cfg(target_os = "linux")]
        assert_eq!(
            same_device_as(Path::new("/"), Path::new("/proc")),
            Some(false),
            "/proc is a file system of its own: never copied"
        );
    }

    #[test]
    fn prompts_are_answered_by_their_words() {
        use Asked::*;
        assert_eq!(Answers::asked("Enter your name: "), Some(Name));
        assert_eq!(Answers::asked("Introduza o nome:"), Some(Name));
        assert_eq!(Answers::asked("Enter an integer (1-100): "), Some(Number));
        assert_eq!(Answers::asked("Número: "), Some(Number));
        assert_eq!(Answers::asked("Ingrese su nombre: "), Some(Name));
        assert_eq!(
            Answers::asked("Ingrese un número entre 1 y 100: "),
            Some(Number)
        );
        assert_eq!(Answers::asked("Escriba un mensaje: "), Some(Message));
        assert_eq!(Answers::asked("Input lowercase sentence:"), Some(Message));
        assert_eq!(Answers::asked("> "), None);
        assert_eq!(
            Answers::asked("Type a sentence to print:"),
            Some(Message),
            "the int of print is no number"
        );
    }
}
