//! `socklab check`: one program, or a whole class with `--each` and `--csv`.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use clap::Args;

use super::class::Row;
use super::gradebook::{Gradebook, StudentFrom};
use super::options::Options;
use super::report::{self, Gradescope, Json, Junit, ReportFormat, parse_weights_file, text};
use crate::args::Seconds;
use crate::exercise::{Exercise, Role};
use crate::protocol::add::WireFormat;

fn usage(message: &str) -> ExitCode {
    eprintln!("{}", crate::t!("check-error", message = message));
    ExitCode::from(2)
}

/// An exercise `socklab check` grades, by its command-line name.
fn graded(name: &str) -> Result<Exercise, String> {
    Exercise::from_name(name)
        .filter(|e| e.info().checked)
        .ok_or_else(|| crate::t!("check-one-of", graded = super::error::graded_names()))
}

pub fn run(args: CheckArgs) -> ExitCode {
    let (exercise, role) = (args.exercise, args.role);
    let format = match args.format.as_deref().map(WireFormat::from_name) {
        Some(Err(e)) => return usage(&e),
        Some(Ok(f)) => Some(f),
        None => None,
    };
    let (weights, visibility) = match &args.weights {
        None => (None, report::Visibility::new()),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| parse_weights_file(&t))
        {
            Ok((w, v)) => (Some(w), v),
            Err(e) => return usage(&format!("--weights {}: {e}", path.display())),
        },
    };
    let options = Options {
        exercise,
        role,
        command: args.command.clone(),
        host: args.host.clone(),
        port: args.port.unwrap_or_else(|| exercise.default_port()),
        format,
        name: args.name.clone(),
        number: args.number,
        stdin: args.stdin.as_ref().map(|s| s.replace("\\n", "\n")),
        timeout: args.timeout.0,
        file: None,
        cancel: crate::net::runner::StopFlag::new(),
        tap: None,
        weights,
        visibility,
        confine: super::confine::Confine {
            enabled: !args.no_confine,
            limits: super::confine::Limits {
                cpu_seconds: args.cpu_seconds,
                memory_mib: args.memory_mib,
                processes: args.processes,
                file_mib: args.file_mib,
                ..super::confine::Limits::default()
            },
            as_user: args.as_user.clone(),
            launcher: None,
        },
        applied: Default::default(),
        writable: Vec::new(),
        pcap: args.pcap.clone(),
        build: args.build.clone(),
        build_timeout: args.build_timeout.0,
        built: None,
    };
    if let Some(note) = super::ports::ephemeral_note(options.port)
        && (args.each.is_none() || args.jobs <= 1)
    {
        eprintln!("{note}");
    }
    stop_on_signal(&options.cancel);
    let code = match &args.each {
        Some(pattern) => each(&options, pattern, &args),
        None => one(&options, &args),
    };
    #[cfg(unix)]
    UNWOUND.store(true, std::sync::atomic::Ordering::SeqCst);
    code
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// tcp-add, udp-add, tcp-file, udp-file, tcp-echo, udp-echo, tcp-upper, udp-upper,
    /// udp-guess.
    #[arg(value_parser = graded)]
    pub exercise: Exercise,
    /// The role of the program under test: server or client (socklab plays the other).
    #[arg(value_enum)]
    pub role: Role,
    /// Where the program listens (server) or where socklab listens for it (client)
    /// [default: the exercise's port].
    #[arg(long)]
    pub port: Option<u16>,
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// The add format to use with a server under test [default: found by trying each].
    #[arg(long)]
    pub format: Option<String>,
    /// The name typed into a client, or sent to a server.
    #[arg(long, default_value = "Ana")]
    pub name: String,
    /// The number typed into a client, or sent to a server.
    #[arg(long, default_value_t = 37, allow_negative_numbers = true)]
    pub number: i64,
    /// Lines typed when the program's prompts say nothing socklab recognises ({name} and
    /// {number} replaced), separated by "\n".
    #[arg(long)]
    pub stdin: Option<String>,
    /// Longest wait of any one case.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(Duration::from_secs(10)))]
    pub timeout: Seconds,
    /// One JSON object with every check on stdout.
    #[arg(long)]
    pub json: bool,
    /// Also write the report to FILE (Markdown, or HTML when it ends in .html or .htm); with
    /// --each, the class's table.
    #[arg(long, value_name = "FILE")]
    pub report: Option<std::path::PathBuf>,
    /// Check every file the pattern matches (e.g. 'submissions/*/TCPserver.py'), with {file}
    /// in COMMAND, one after another.
    #[arg(long, value_name = "GLOB")]
    pub each: Option<String>,
    /// With --each: one row per file (file, passed, failed, score, then each check).
    #[arg(long, value_name = "FILE", requires = "each")]
    pub csv: Option<std::path::PathBuf>,
    /// With --each: the student's id from each submission's path, a regular expression whose
    /// group `id` (or first group) is the id, e.g. 'submissions/(?P<id>[^/]+)/'; the CSV gains a
    /// `student` column.
    #[arg(long, value_name = "REGEX", requires = "each")]
    pub student_from: Option<String>,
    /// With --student-from: also write the CSV a gradebook imports, SYSTEM `canvas` or `moodle`
    /// (may be given once for each).
    #[arg(long, num_args = 2, value_names = ["SYSTEM", "FILE"], action = clap::ArgAction::Append,
        requires = "student_from")]
    pub gradebook: Vec<String>,
    /// The assignment's column in a gradebook [default: socklab EXERCISE ROLE].
    #[arg(long, value_name = "NAME", requires = "gradebook")]
    pub assignment: Option<String>,
    /// With --each: check N submissions at once, each on a free port of its own (COMMAND
    /// must take {port}; without it, one at a time).
    #[arg(long, value_name = "N", default_value_t = 1, requires = "each")]
    pub jobs: usize,
    /// Points per check id, one `id points` a line (or a JSON object); the score is the share
    /// of the points earned [default: every required check one point, advisory checks none].
    #[arg(long, value_name = "FILE")]
    pub weights: Option<std::path::PathBuf>,
    /// Also write Gradescope's results.json to FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "each")]
    pub gradescope: Option<std::path::PathBuf>,
    /// Also write PrairieLearn's external grader results.json to FILE
    /// (/grade/results/results.json in its container).
    #[arg(long, value_name = "FILE", conflicts_with = "each")]
    pub prairielearn: Option<std::path::PathBuf>,
    /// Also write GitHub Classroom's autograding result to FILE (the JSON its grading reporter
    /// reads, base64-encoded, from a step's `result` output).
    #[arg(long, value_name = "FILE", conflicts_with = "each")]
    pub github_classroom: Option<std::path::PathBuf>,
    /// Keep one pcapng capture per case in DIR, named by check id (`listens.pcapng`, …):
    /// what socklab's own side sent and received, for Wireshark. With --each, a folder per
    /// submission inside DIR.
    #[arg(long, value_name = "DIR")]
    pub pcap: Option<std::path::PathBuf>,
    /// Also write a JUnit XML report to FILE (one test case per check; with --each one test
    /// suite per submission).
    #[arg(long, value_name = "FILE")]
    pub junit: Option<std::path::PathBuf>,
    /// Run the program with your full rights, as if started by hand (the report says so).
    #[arg(long)]
    pub no_confine: bool,
    /// Confined program: CPU seconds it may use.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub cpu_seconds: u64,
    /// Confined program: memory in MiB (resident memory of all its processes by a cgroup
    /// where socklab can make one, and each process's data segment; not its address space).
    #[arg(long, value_name = "N", default_value_t = 512)]
    pub memory_mib: u64,
    /// Confined program: processes and threads it may start.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub processes: u64,
    /// Confined program: largest file it may write, in MiB.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub file_mib: u64,
    /// Build the program first, once, in a copy of the submission's folder, confined as the
    /// program (e.g. --build 'javac *.java', --build 'gcc -Wall -o server server.c',
    /// --build make); {file} is the submission's file. A build that fails is the failed
    /// check `builds`, and no other check runs.
    #[arg(long, value_name = "COMMAND")]
    pub build: Option<String>,
    /// Longest a build may run.
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(super::options::DEFAULT_BUILD_TIMEOUT))]
    pub build_timeout: Seconds,
    /// When socklab runs as root, the user the program runs as [default: nobody].
    #[arg(long, value_name = "NAME")]
    pub as_user: Option<String>,
    /// How to start the program, e.g. -- python3 TCPserver.py {port}. Placeholders: {host},
    /// {port}, {file}; for a file client {remote} and {local}, as in the handout's
    /// -- python3 TCPclient.py {host}:{port}:{remote} {local}.
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// Set when the check has unwound after a stop (its programs killed, its sheet written).
#[cfg(unix)]
static UNWOUND: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Set by SIGINT or SIGTERM (an atomic store is all a signal handler may do).
#[cfg(unix)]
static SIGNALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_signal(_: libc::c_int) {
    SIGNALLED.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Ctrl-C or a kill of socklab stops the check first: the program under test is in a process
/// group of its own, which the terminal's signal does not reach, so socklab kills it before it
/// exits (code 130).
#[cfg(unix)]
fn stop_on_signal(cancel: &crate::net::runner::StopFlag) {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
    let cancel = cancel.clone();
    let _ = std::thread::Builder::new()
        .name("check signals".into())
        .spawn(move || {
            loop {
                if SIGNALLED.load(std::sync::atomic::Ordering::SeqCst) {
                    cancel.stop();
                    // The programs' watchers kill their groups within 50 ms, and the check
                    // unwinds (exit code 130); a check that has not within 10 s is ended here.
                    for _ in 0..200 {
                        std::thread::sleep(std::time::Duration::from_millis(50));
                        if UNWOUND.load(std::sync::atomic::Ordering::SeqCst) {
                            return;
                        }
                    }
                    eprintln!("{}", crate::t!("check-stopped"));
                    std::process::exit(130);
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        });
}

#[cfg(not(unix))]
fn stop_on_signal(_cancel: &crate::net::runner::StopFlag) {}

fn one(options: &Options, args: &CheckArgs) -> ExitCode {
    // A closed pipe (`| head`) ends the printing, not the check.
    let mut progress = |c: &super::report::CheckResult| {
        if !args.json {
            let _ = writeln!(std::io::stdout(), "{}", text::line(c));
        }
    };
    let report = match super::run(options, &mut progress) {
        // Stopped by a signal: the programs were killed as the check unwound.
        _ if options.cancel.is_stopped() => {
            eprintln!("{}", crate::t!("check-stopped"));
            return ExitCode::from(130);
        }
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", crate::t!("check-error", message = e.to_string()));
            return ExitCode::from(2);
        }
    };
    let printed = if args.json {
        Json.single(&report)
    } else {
        text::tail(&report)
    };
    let _ = write!(std::io::stdout(), "{printed}");
    if !write_outputs(args, |format| Some(format.single(&report))) {
        return ExitCode::from(2);
    }
    if report.required_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The files a check run can write besides its printed output (`--report`, `--gradescope`,
/// `--prairielearn`, `--github-classroom`, `--junit`), each with its format.
fn outputs(args: &CheckArgs) -> impl Iterator<Item = (&Path, &'static dyn ReportFormat)> {
    let page = args.report.as_deref().map(|p| (p, report::page_for(p)));
    [
        page,
        with(&args.gradescope, &Gradescope),
        with(&args.prairielearn, &report::PrairieLearn),
        with(&args.github_classroom, &report::GithubClassroom),
        with(&args.junit, &Junit),
    ]
    .into_iter()
    .flatten()
}

/// `path`, if given, with `format`.
fn with<'a>(
    path: &'a Option<std::path::PathBuf>,
    format: &'static dyn ReportFormat,
) -> Option<(&'a Path, &'static dyn ReportFormat)> {
    path.as_deref().map(|p| (p, format))
}

/// Writes each of the [`outputs`] that `text` gives a text for, atomically; false (having
/// said why) when one cannot be written.
fn write_outputs(args: &CheckArgs, text: impl Fn(&dyn ReportFormat) -> Option<String>) -> bool {
    for (path, format) in outputs(args) {
        let Some(text) = text(format) else { continue };
        if let Err(e) = crate::files::write_atomically(path, &text) {
            let why = crate::t!(
                "check-cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            );
            eprintln!("{}", crate::t!("check-error", message = why));
            return false;
        }
    }
    true
}

/// A port no job holds and nothing listens on or has bound (TCP and UDP both), for one job.
fn job_port(taken: &Mutex<BTreeSet<u16>>) -> Option<u16> {
    for _ in 0..200 {
        let port = rand::random_range(super::ports::JOB_PORTS);
        let Ok(mut taken) = taken.lock() else {
            return None;
        };
        let free = !taken.contains(&port)
            && std::net::TcpListener::bind(("0.0.0.0", port)).is_ok()
            && std::net::UdpSocket::bind(("0.0.0.0", port)).is_ok();
        if free {
            taken.insert(port);
            return Some(port);
        }
    }
    None
}

/// What a terminal shows while a class is checked: one line, redrawn.
fn progress_bar(done: usize, total: usize, running: usize) -> String {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0);
    format!(
        "\r[{}{}] {} ",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        crate::t!(
            "check-progress",
            done = done as u64,
            total = total as u64,
            running = running as u64
        )
    )
}

fn each(options: &Options, pattern: &str, args: &CheckArgs) -> ExitCode {
    let (student, books) = match gradebooks(args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let (files, jobs) = match submissions(options, pattern, args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let mut run = Jobs::new(options, args, files, jobs);
    run.student = student;
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| run.work());
        }
    });
    if run.bar {
        eprintln!();
    }
    let total = run.files.len();
    let failed_write = run.failed_write.into_inner().ok().flatten();
    let rows: Vec<Row> = run
        .rows
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    if options.cancel.is_stopped() {
        eprintln!(
            "{}",
            crate::t!(
                "check-stopped-files",
                done = rows.len() as u64,
                total = total as u64
            )
        );
    }
    if let Some(e) = failed_write {
        eprintln!("{}", crate::t!("check-error", message = e));
        return ExitCode::from(2);
    }
    let class = super::class::of(&rows, options);
    if args.json
        && let Some(all) = Json.class(&class)
    {
        let _ = write!(std::io::stdout(), "{all}");
    }
    if !write_outputs(args, |format| format.class(&class)) {
        return ExitCode::from(2);
    }
    if let Some(student) = &run.student
        && !write_gradebooks(&books, &rows, student, options, args)
    {
        return ExitCode::from(2);
    }
    let _ = std::io::stdout().flush();
    if options.cancel.is_stopped() {
        return ExitCode::from(130);
    }
    ExitCode::SUCCESS
}

/// `--student-from`'s expression and `--gradebook`'s files, or the usage error they make.
#[allow(clippy::type_complexity)]
fn gradebooks(
    args: &CheckArgs,
) -> Result<(Option<StudentFrom>, Vec<(Gradebook, PathBuf)>), ExitCode> {
    let student = match &args.student_from {
        None => None,
        Some(pattern) => match StudentFrom::new(pattern) {
            Ok(s) => Some(s),
            Err(e) => {
                return Err(usage(&crate::t!(
                    "check-bad-student-from",
                    pattern = format!("{pattern:?}"),
                    error = e
                )));
            }
        },
    };
    let mut books = Vec::new();
    for pair in args.gradebook.chunks(2) {
        let [system, file] = pair else { continue };
        let Some(book) = Gradebook::named(system) else {
            return Err(usage(&crate::t!(
                "check-bad-gradebook",
                system = format!("{system:?}")
            )));
        };
        books.push((book, PathBuf::from(file)));
    }
    Ok((student, books))
}

/// Writes each gradebook's CSV, saying which submissions had no student id; false (having
/// said why) when one cannot be written.
fn write_gradebooks(
    books: &[(Gradebook, PathBuf)],
    rows: &[Row],
    student: &StudentFrom,
    options: &Options,
    args: &CheckArgs,
) -> bool {
    let assignment = args.assignment.clone().unwrap_or_else(|| {
        format!(
            "socklab {} {}",
            options.exercise.name(),
            options.role.name()
        )
    });
    for (book, path) in books {
        let (sheet, missing) = super::gradebook::sheet(*book, rows, student, &assignment);
        for file in &missing {
            eprintln!("{}", crate::t!("check-no-student-id", file = file.as_str()));
        }
        if let Err(e) = crate::files::write_atomically(path, sheet) {
            let why = crate::t!(
                "check-cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            );
            eprintln!("{}", crate::t!("check-error", message = why));
            return false;
        }
    }
    true
}

/// The files `--each`'s pattern matches, and how many to check at once (one when COMMAND has
/// no `{port}`).
fn submissions(
    options: &Options,
    pattern: &str,
    args: &CheckArgs,
) -> Result<(Vec<PathBuf>, usize), ExitCode> {
    let files: Vec<PathBuf> = match glob::glob(pattern) {
        Ok(paths) => paths.flatten().filter(|p| p.is_file()).collect(),
        Err(e) => {
            return Err(usage(&crate::t!(
                "check-bad-pattern",
                pattern = format!("{pattern:?}"),
                error = e.to_string()
            )));
        }
    };
    if files.is_empty() {
        return Err(usage(&crate::t!(
            "check-no-file-matches",
            pattern = format!("{pattern:?}")
        )));
    }
    let mut jobs = args.jobs.max(1);
    if jobs > 1 && !options.command.iter().any(|a| a.contains("{port}")) {
        eprintln!(
            "{}",
            crate::t!(
                "check-jobs-no-port",
                jobs = jobs as u64,
                port = options.port
            )
        );
        jobs = 1;
    }
    let jobs = jobs.min(files.len());
    Ok((files, jobs))
}

/// A class run: what its jobs share while each checks one submission after another.
struct Jobs<'a> {
    options: &'a Options,
    args: &'a CheckArgs,
    files: Vec<PathBuf>,
    /// Where each submission's captures go: its short name without the extension.
    capture_folders: Vec<PathBuf>,
    /// How many check at once (more than one: each on a port of its own).
    jobs: usize,
    /// Whether the terminal shows a progress bar.
    bar: bool,
    /// Each submission's row, once graded.
    rows: Mutex<Vec<Option<Row>>>,
    next: AtomicUsize,
    done: AtomicUsize,
    running: AtomicUsize,
    /// The ports the jobs hold.
    taken: Mutex<BTreeSet<u16>>,
    /// Why the sheet could not be written.
    failed_write: Mutex<Option<String>>,
    /// How a submission's path names its student (`--student-from`).
    student: Option<StudentFrom>,
}

impl<'a> Jobs<'a> {
    fn new(options: &'a Options, args: &'a CheckArgs, files: Vec<PathBuf>, jobs: usize) -> Self {
        use std::io::IsTerminal;
        let capture_folders = {
            let shown: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
            super::class::short_paths(&shown)
                .iter()
                .map(|n| Path::new(n).with_extension(""))
                .collect()
        };
        Self {
            options,
            args,
            rows: Mutex::new(vec![None; files.len()]),
            files,
            capture_folders,
            jobs,
            bar: std::io::stderr().is_terminal(),
            next: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            running: AtomicUsize::new(0),
            taken: Mutex::new(BTreeSet::new()),
            failed_write: Mutex::new(None),
            student: None,
        }
    }

    /// A line on the terminal, above the progress bar when there is one.
    fn say(&self, line: String) {
        if self.bar {
            eprintln!("\r\x1b[K{line}");
            eprint!(
                "{}",
                progress_bar(
                    self.done.load(Ordering::SeqCst),
                    self.files.len(),
                    self.running.load(Ordering::SeqCst)
                )
            );
        } else {
            eprintln!("{line}");
        }
    }

    /// One job: checks the next submission no job has taken, until none is left or the run
    /// is stopped.
    fn work(&self) {
        loop {
            let i = self.next.fetch_add(1, Ordering::SeqCst);
            if i >= self.files.len() || self.options.cancel.is_stopped() {
                return;
            }
            let file = &self.files[i];
            let mut o = self.options.clone();
            o.file = Some(file.display().to_string());
            if let Some(dir) = &self.options.pcap {
                o.pcap = Some(dir.join(&self.capture_folders[i]));
            }
            let port = if self.jobs > 1 {
                job_port(&self.taken)
            } else {
                None
            };
            if let Some(p) = port {
                o.port = p;
            }
            self.running.fetch_add(1, Ordering::SeqCst);
            self.say(format!(
                "[{}/{}] {}",
                i + 1,
                self.files.len(),
                file.display()
            ));
            let mut quiet = |_: &super::report::CheckResult| {};
            let outcome = super::run(&o, &mut quiet);
            self.running.fetch_sub(1, Ordering::SeqCst);
            if let (Some(p), Ok(mut t)) = (port, self.taken.lock()) {
                t.remove(&p);
            }
            if self.options.cancel.is_stopped() {
                // This file's run was cut short: no row for it, rather than a wrong grade.
                return;
            }
            self.done.fetch_add(1, Ordering::SeqCst);
            let row = match outcome {
                Ok(r) => {
                    self.say(format!("        {}: {}", file.display(), r.summary()));
                    (file.display().to_string(), Some(r), String::new())
                }
                Err(e) => {
                    self.say(format!(
                        "        {}: {}",
                        file.display(),
                        crate::t!("check-could-not-run", error = e.to_string())
                    ));
                    (file.display().to_string(), None, e.to_string())
                }
            };
            self.record(i, row);
        }
    }

    /// Keeps submission `i`'s row. The sheet is rewritten after every file: an interrupted
    /// run keeps what it graded. One job writes it at a time (the lock is held), each with all
    /// rows so far.
    fn record(&self, i: usize, row: Row) {
        let Ok(mut all) = self.rows.lock() else {
            return;
        };
        all[i] = Some(row);
        let graded: Vec<Row> = all.iter().flatten().cloned().collect();
        if let Some(path) = &self.args.csv
            && let Err(e) = crate::files::write_atomically(
                path,
                super::class::csv_sheet(&graded, self.student.as_ref()),
            )
            && let Ok(mut f) = self.failed_write.lock()
        {
            *f = Some(crate::t!(
                "check-cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            ));
        }
    }
}
