//! The program under test: started in a scratch copy of its folder, in a process group of its
//! own, with its output kept (at most [`MAX_OUTPUT_BYTES`]) and its prompts answered by their
//! words; the whole group is killed when it is dropped, so no process is left behind.

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

impl std::fmt::Debug for Tap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tap")
    }
}

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
        if any(&["name", "nome"]) {
            return Some(Asked::Name);
        }
        if any(&[
            "number", "integer", "int", "valor", "número", "numero", "value", "guess",
        ]) {
            return Some(Asked::Number);
        }
        if any(&[
            "message", "sentence", "text", "mensagem", "frase", "line", "input", "say",
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
}

/// A started program.
pub struct Program {
    child: Child,
    output: Arc<Mutex<Output>>,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    /// Everything typed into it, for the evidence, each with how much it had printed then.
    typed: Arc<Mutex<Vec<(String, usize)>>>,
    /// Holds the scratch folder until the program is gone.
    _scratch: tempfile::TempDir,
    /// Its folder in the scratch folder (where it runs).
    work: PathBuf,
    /// socklab's own folder for the launcher's status (the program cannot write there).
    _private: tempfile::TempDir,
    /// How it was confined.
    applied: super::confine::Applied,
    limits: super::confine::Limits,
    exit: Option<std::process::ExitStatus>,
    /// Kills the program's group if socklab dies without doing it (see [`watchdog`]).
    watchdog: Option<Child>,
    /// The program and every process it started.
    group: Arc<Group>,
}

/// Why a program could not be run.
#[derive(Debug, thiserror::Error)]
#[error("cannot run {command:?}: {reason}")]
pub struct StartError {
    pub command: String,
    pub reason: String,
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
        options: &super::Options,
    ) -> Result<Self, StartError> {
        let cancel = &options.cancel;
        let fail = |reason: String| StartError {
            command: command.join(" "),
            reason,
        };
        if cancel.is_stopped() {
            return Err(fail("the check was stopped".into()));
        }
        let (program, args) = command
            .split_first()
            .ok_or_else(|| fail("no command given".into()))?;
        let mut args: Vec<String> = args.to_vec();
        let (scratch, work) = scratch_copy(&mut args).map_err(|e| fail(e.to_string()))?;
        let private = tempfile::tempdir().map_err(|e| fail(e.to_string()))?;
        let full: Vec<String> = std::iter::once(program.clone()).chain(args).collect();
        let (bind, connect) = match options.role {
            super::Role::Server => (Some(options.port), None),
            super::Role::Client => (None, Some(options.port)),
        };
        let plan = super::confine::plan(
            &options.confine,
            &full,
            scratch.path(),
            &options.writable,
            bind,
            connect,
            private.path(),
        )
        .map_err(fail)?;
        let (run, run_args) = plan
            .command
            .split_first()
            .ok_or_else(|| fail("no command given".into()))?;
        // Every process it starts carries this mark, so that those which leave its process
        // tree (a daemon) are found and killed with it.
        let marker = format!("{}-{}", std::process::id(), rand::random::<u64>());
        let mut cmd = Command::new(run);
        cmd.args(run_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("PYTHONUNBUFFERED", "1")
            .env("PYTHONIOENCODING", "utf-8")
            .env(MARK_ENV, &marker)
            .envs(plan.env.iter().map(|(k, v)| (k, v)))
            .current_dir(&work);
        own_process_group(&mut cmd);
        adopt_orphans();
        let mut child = cmd.spawn().map_err(|e| fail(e.to_string()))?;
        // Known as a live program at once: another job's end never takes it for an orphan.
        #[cfg(unix)]
        if let Ok(mut l) = live().lock() {
            l.insert(child.id());
        }
        let applied = match (&plan.off, &plan.status) {
            (Some(off), _) => off.clone(),
            (None, Some(status)) => read_status(status, &mut child),
            (None, None) => super::confine::Applied::off("no plan"),
        };
        if let Ok(mut seen) = options.applied.lock() {
            seen.get_or_insert_with(|| applied.clone());
        }
        let watchdog = watchdog(child.id());
        let tap = options.tap.clone();
        if let Some(tap) = &tap {
            tap.send(format!("\n$ {}\n", command.join(" ")));
        }
        let output = Arc::new(Mutex::new(Output::default()));
        for pipe in [
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let output = Arc::clone(&output);
            let tap = tap.clone();
            // The reader ends when the pipe closes (the program and its children are gone).
            let _ = thread::Builder::new()
                .name("check output".into())
                .spawn(move || collect(pipe, &output, tap.as_ref()));
        }
        let group = Arc::new(Group::of(&child, marker, plan.uid, &options.confine.limits));
        {
            // Stop kills the group while a case waits on it; the watcher ends with the program.
            let (cancel, group) = (cancel.clone(), Arc::clone(&group));
            let output = Arc::downgrade(&output);
            let _ = thread::Builder::new()
                .name("check cancel".into())
                .spawn(move || {
                    while output.upgrade().is_some() {
                        if cancel.is_stopped() {
                            group.kill();
                            return;
                        }
                        thread::sleep(Duration::from_millis(50));
                    }
                });
        }
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let typed = Arc::new(Mutex::new(Vec::new()));
        {
            let (output, stdin, typed) =
                (Arc::clone(&output), Arc::clone(&stdin), Arc::clone(&typed));
            let _ = thread::Builder::new()
                .name("check answers".into())
                .spawn(move || answer_prompts(&output, &stdin, &typed, answers));
        }
        Ok(Self {
            child,
            output,
            stdin,
            typed,
            _scratch: scratch,
            work,
            _private: private,
            exit: None,
            watchdog,
            group,
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
        super::confine::limit_hit(&self.limits, signal, &self.output())
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
                    text.push_str(&format!("\n[{} more bytes not kept]", o.dropped));
                }
                text
            })
            .unwrap_or_default()
    }

    /// What was typed into it.
    pub fn typed(&self) -> Vec<String> {
        self.typed
            .lock()
            .map(|t| t.iter().map(|(line, _)| line.clone()).collect())
            .unwrap_or_default()
    }

    /// What it printed after `line` was first typed into it (None: never typed).
    pub fn output_after(&self, line: &str) -> Option<String> {
        let at = self
            .typed
            .lock()
            .ok()?
            .iter()
            .find(|(l, _)| l == line)
            .map(|(_, at)| *at)?;
        let o = self.output.lock().ok()?;
        Some(String::from_utf8_lossy(&o.text[at.min(o.text.len())..]).into_owned())
    }

    /// Types a line into it now.
    pub fn type_line(&self, line: &str) {
        let at = self.output.lock().map(|o| o.text.len()).unwrap_or(0);
        type_into(&self.stdin, &self.typed, line, at);
    }

    /// Closes its standard input (end of input, as Ctrl-D).
    pub fn close_stdin(&self) {
        if let Ok(mut slot) = self.stdin.lock() {
            slot.take();
        }
    }

    /// Its exit code once it has exited (None while it runs, or when a signal ended it).
    pub fn exit_code(&mut self) -> Option<Option<i32>> {
        if self.exit.is_none() {
            self.exit = self.child.try_wait().ok().flatten();
        }
        self.exit.map(|s| s.code())
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
        self.kill();
    }
}

fn collect(mut pipe: Box<dyn Read + Send>, output: &Mutex<Output>, tap: Option<&Tap>) {
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
    typed: &Mutex<Vec<(String, usize)>>,
    line: &str,
    printed: usize,
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
        t.push((line.to_owned(), printed));
    }
}

/// Watches the output for prompts and types the answers; without a prompt it knows, types the
/// next fallback line once the program has been quiet for a while.
fn answer_prompts(
    output: &Mutex<Output>,
    stdin: &Mutex<Option<ChildStdin>>,
    typed: &Mutex<Vec<(String, usize)>>,
    answers: Answers,
) {
    let mut fallback = answers.fallback.clone().into_iter();
    let mut messages = answers.messages.clone().into_iter();
    let mut halving = crate::protocol::text::Halving::default();
    let mut last_guess: Option<i64> = None;
    let started = Instant::now();
    loop {
        thread::sleep(Duration::from_millis(40));
        if stdin.lock().map(|s| s.is_none()).unwrap_or(true) {
            return;
        }
        let Ok(mut o) = output.lock() else { return };
        let quiet = o.last_change.map_or(started.elapsed(), |t| t.elapsed());
        let fresh =
            String::from_utf8_lossy(&o.text[o.answered_to.min(o.text.len())..]).into_owned();
        let partial = fresh.rsplit('\n').next().unwrap_or("").trim().to_owned();
        let last_line = fresh
            .trim_end()
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned();
        // A prompt: a partial line (Python's input("Name: ")), or a whole line that asks.
        let prompt = if !partial.is_empty() && quiet >= PROMPT_SETTLE {
            Some(partial)
        } else if last_line.ends_with([':', '?', '>']) && quiet >= PROMPT_SETTLE * 2 {
            Some(last_line)
        } else {
            None
        };
        let known = prompt
            .as_deref()
            .and_then(Answers::asked)
            .and_then(|asked| match asked {
                Asked::Name => Some(answers.name.clone()),
                Asked::Number if answers.guessing => {
                    // The hint the program printed for the last guess narrows the range.
                    if let (Some(g), Some(hint)) = (
                        last_guess,
                        crate::protocol::text::read_hint(fresh.as_bytes()),
                    ) {
                        halving.learn(g, hint);
                    }
                    let next = halving.next_guess()?;
                    last_guess = Some(next);
                    Some(next.to_string())
                }
                Asked::Number => Some(answers.number.clone()),
                Asked::Message => messages.next(),
            });
        if known.is_some() {
            // A program whose prompts are understood gets no fallback lines: typed later, they
            // would answer an input() the handout never asked for.
            fallback = Vec::new().into_iter();
        }
        let answer = match prompt {
            Some(_) if known.is_some() => known,
            Some(_) => (quiet >= FALLBACK_AFTER).then(|| fallback.next()).flatten(),
            None if quiet >= FALLBACK_AFTER => fallback.next(),
            None => None,
        };
        if let Some(line) = answer {
            let printed = o.text.len();
            o.answered_to = printed;
            o.last_change = Some(Instant::now());
            drop(o);
            type_into(stdin, typed, &line, printed);
        }
    }
}

/// Copies the folder of the first argument that names a file into `work` of a scratch folder,
/// and points that argument at the copy. Files only, at most 64 MiB in all: a lab folder, not a
/// disk. The scratch folder around `work` is the program's too (a confined program may read and
/// write there), so that the checks can put files beside its folder (`../name`).
fn scratch_copy(args: &mut [String]) -> std::io::Result<(tempfile::TempDir, PathBuf)> {
    const MAX_COPY_BYTES: u64 = 64 * 1024 * 1024;
    let scratch = tempfile::tempdir()?;
    let work = scratch.path().join("work");
    std::fs::create_dir(&work)?;
    let Some(i) = args.iter().position(|a| Path::new(a).is_file()) else {
        return Ok((scratch, work));
    };
    let file = PathBuf::from(&args[i]);
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut copied = 0u64;
    for entry in std::fs::read_dir(&folder)?.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        if copied + size > MAX_COPY_BYTES && path != file {
            continue;
        }
        copied += size;
        std::fs::copy(&path, work.join(entry.file_name()))?;
    }
    if let Some(name) = file.file_name() {
        args[i] = work.join(name).display().to_string();
    }
    Ok((scratch, work))
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
            return super::confine::Applied::off("the launcher did not say what it applied");
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
    fn prompts_are_answered_by_their_words() {
        use Asked::*;
        assert_eq!(Answers::asked("Enter your name: "), Some(Name));
        assert_eq!(Answers::asked("Introduza o nome:"), Some(Name));
        assert_eq!(Answers::asked("Enter an integer (1-100): "), Some(Number));
        assert_eq!(Answers::asked("Número: "), Some(Number));
        assert_eq!(Answers::asked("Input lowercase sentence:"), Some(Message));
        assert_eq!(Answers::asked("> "), None);
        assert_eq!(
            Answers::asked("Type a sentence to print:"),
            Some(Message),
            "the int of print is no number"
        );
    }
}
