//! `socklab check`: one program, or a whole class with `--each` and `--csv`.

use std::io::Write;
use std::process::ExitCode;

use super::report::{Report, csv_field};
use super::{Exercise, Options, Role};
use crate::cli::CheckArgs;
use crate::protocol::add::WireFormat;

fn usage(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

pub fn run(args: CheckArgs) -> ExitCode {
    let Some(exercise) = Exercise::from_name(&args.exercise) else {
        return usage(&format!(
            "unknown exercise {:?}; one of {}",
            args.exercise,
            Exercise::ALL.map(Exercise::name).join(", ")
        ));
    };
    let role = match args.role.as_str() {
        "server" => Role::Server,
        "client" => Role::Client,
        other => return usage(&format!("the role is server or client, not {other:?}")),
    };
    let format = match args.format.as_deref().map(WireFormat::from_name) {
        Some(Err(e)) => return usage(&e),
        Some(Ok(f)) => Some(f),
        None => None,
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
    };
    stop_on_signal(&options.cancel);
    match &args.each {
        Some(pattern) => each(&options, pattern, &args),
        None => one(&options, &args),
    }
}

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
                    // The programs' watchers kill their groups within 50 ms.
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    eprintln!("stopped: the program under test was killed");
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
            let _ = writeln!(std::io::stdout(), "{}", Report::line(c));
        }
    };
    let report = match super::run(options, &mut progress) {
        // Stopped by a signal: the programs were killed as the check unwound.
        _ if options.cancel.is_stopped() => {
            eprintln!("stopped: the program under test was killed");
            return ExitCode::from(130);
        }
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout();
    if args.json {
        let _ = writeln!(out, "{}", report.to_json());
    } else {
        let _ = writeln!(
            out,
            "{} passed, {} failed (score {}%){}",
            report.passed(),
            report.failed(),
            report.score(),
            if report.required_passed() {
                ""
            } else {
                "; a required check failed"
            }
        );
    }
    if let Some(path) = &args.report
        && let Err(e) = write_report(&report, path)
    {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    if report.required_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn write_report(report: &Report, path: &std::path::Path) -> std::io::Result<()> {
    let html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let text = if html {
        report.to_html()
    } else {
        report.to_markdown()
    };
    std::fs::write(path, text)
}

fn each(options: &Options, pattern: &str, args: &CheckArgs) -> ExitCode {
    let files: Vec<std::path::PathBuf> = match glob::glob(pattern) {
        Ok(paths) => paths.flatten().filter(|p| p.is_file()).collect(),
        Err(e) => return usage(&format!("bad pattern {pattern:?}: {e}")),
    };
    if files.is_empty() {
        return usage(&format!("no file matches {pattern:?}"));
    }
    let mut rows: Vec<Row> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        eprintln!("[{}/{}] {}", i + 1, files.len(), file.display());
        let mut o = options.clone();
        o.file = Some(file.display().to_string());
        let mut quiet = |_: &super::report::CheckResult| {};
        let outcome = super::run(&o, &mut quiet);
        if options.cancel.is_stopped() {
            // This file's run was cut short: no row for it, rather than a wrong grade.
            eprintln!("stopped: {} of {} files checked", i, files.len());
            break;
        }
        match outcome {
            Ok(r) => {
                eprintln!(
                    "        {} passed, {} failed (score {}%)",
                    r.passed(),
                    r.failed(),
                    r.score()
                );
                rows.push((file.display().to_string(), Some(r), String::new()));
            }
            Err(e) => {
                eprintln!("        could not run: {e}");
                rows.push((file.display().to_string(), None, e.to_string()));
            }
        }
        // The sheet is rewritten after every file: an interrupted run keeps what it graded.
        if let Some(path) = &args.csv
            && let Err(e) = write_atomically(path, &csv_sheet(&rows))
        {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if args.json {
        let all: Vec<serde_json::Value> = rows
            .iter()
            .map(|(file, r, err)| match r {
                Some(r) => serde_json::json!({"file": file, "report": r.to_json()}),
                None => serde_json::json!({"file": file, "error": err}),
            })
            .collect();
        let _ = writeln!(std::io::stdout(), "{}", serde_json::Value::Array(all));
    }
    if options.cancel.is_stopped() {
        let _ = std::io::stdout().flush();
        return ExitCode::from(130);
    }
    let _ = std::io::stdout().flush();
    ExitCode::SUCCESS
}

/// A file checked by `--each`: its name, its report, or why it could not be run.
type Row = (String, Option<Report>, String);

/// The class's sheet: one row per file; a column per check id, in the order the checks first
/// appear (a submission that stopped early has fewer checks than one that ran them all).
pub fn csv_sheet(rows: &[Row]) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for r in rows.iter().filter_map(|(_, r, _)| r.as_ref()) {
        for c in &r.checks {
            if !ids.contains(&c.id) {
                ids.push(c.id);
            }
        }
    }
    let mut csv = format!("file,passed,failed,score,{}\n", ids.join(","));
    for (file, r, err) in rows {
        let line = match r {
            Some(r) => {
                let verdicts: Vec<&str> = ids
                    .iter()
                    .map(|id| {
                        r.checks
                            .iter()
                            .find(|c| c.id == *id)
                            .map_or("", |c| c.verdict.word())
                    })
                    .collect();
                format!(
                    "{},{},{},{},{}",
                    csv_field(file),
                    r.passed(),
                    r.failed(),
                    r.score(),
                    verdicts.join(",")
                )
            }
            None => format!("{},,,,{}", csv_field(file), csv_field(err)),
        };
        csv.push_str(&line);
        csv.push('\n');
    }
    csv
}

/// Writes `text` beside `path` and renames it over `path`: the file is whole or absent.
fn write_atomically(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = std::path::PathBuf::from(part);
    std::fs::write(&part, text)?;
    std::fs::rename(&part, path)
}
