//! `socklab check` as the tests of checks run it (the real binary, a free port, `--json`), and
//! what they read in its report: a check by its id, its verdict, the required ones.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use super::{check_port, python, socklab_command, wait_output};

/// A student-style program in tests/peers/check/.
pub fn peer(name: &str) -> String {
    super::peers_dir()
        .join("check")
        .join(name)
        .display()
        .to_string()
}

/// The arguments of `socklab check EXERCISE ROLE --port PORT --timeout TIMEOUT --json EXTRA…
/// -- COMMAND…`.
pub fn check_args(
    exercise: &str,
    role: &str,
    port: u16,
    timeout_secs: u32,
    extra: &[&str],
    command: &[&str],
) -> Vec<String> {
    let mut args: Vec<String> = vec![
        "check".into(),
        exercise.into(),
        role.into(),
        "--port".into(),
        port.to_string(),
        "--timeout".into(),
        timeout_secs.to_string(),
        "--json".into(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.push("--".into());
    args.extend(command.iter().map(|s| (*s).to_owned()));
    args
}

/// A finished `socklab check` run.
pub struct Checked {
    /// The command line, for a message.
    pub what: String,
    pub code: Option<i32>,
    /// The `--json` report; `Null` when its output holds none (the check did not run).
    pub report: Value,
    pub stdout: String,
    pub stderr: String,
}

impl Checked {
    /// The report; panics with the exit code and the output when there is none.
    pub fn report(self) -> Value {
        assert!(
            self.report.is_object(),
            "{}: no report: code {:?}\n{}\n{}",
            self.what,
            self.code,
            self.stdout,
            self.stderr
        );
        self.report
    }
}

/// Runs `command` (a `socklab check … --json`), at most `wait`, and reads its report.
pub fn run_check(command: Command, wait: Duration) -> Checked {
    let mut command = command;
    let what = format!("{command:?}");
    let out = wait_output(command.spawn().expect("start socklab check"), wait);
    Checked {
        what,
        code: out.code,
        report: serde_json::from_str(out.stdout.trim()).unwrap_or(Value::Null),
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

/// `socklab check EXERCISE ROLE --port PORT --timeout 4 --json EXTRA… -- PYTHON COMMAND…`,
/// at most 120 s.
pub fn check_on(
    port: u16,
    exercise: &str,
    role: &str,
    extra: &[&str],
    command: &[&str],
) -> Checked {
    check_on_within(port, exercise, role, 4, extra, command)
}

/// [`check_on`] with `--timeout TIMEOUT_SECS`.
pub fn check_on_within(
    port: u16,
    exercise: &str,
    role: &str,
    timeout_secs: u32,
    extra: &[&str],
    command: &[&str],
) -> Checked {
    let py = python();
    let mut full = vec![py.as_str()];
    full.extend(command);
    let args = check_args(exercise, role, port, timeout_secs, extra, &full);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_check(socklab_command(&args), Duration::from_secs(120))
}

/// [`check_on`] a port free for the exercise's transport; the exit code and the report (a
/// run without one panics).
pub fn check(exercise: &str, role: &str, command: &[&str]) -> (Option<i32>, Value) {
    check_with(exercise, role, &[], command)
}

/// [`check`] with `extra` options before `--`.
pub fn check_with(
    exercise: &str,
    role: &str,
    extra: &[&str],
    command: &[&str],
) -> (Option<i32>, Value) {
    let port = check_port(exercise.starts_with("tcp"));
    let checked = check_on(port, exercise, role, extra, command);
    let code = checked.code;
    (code, checked.report())
}

/// `socklab check EXERCISE ROLE --port (a free one) --timeout 6 --json EXTRA… -- COMMAND…` run
/// in `dir` (the submission's folder, as an instructor types it), at most 240 s; the report.
pub fn check_in(dir: &Path, exercise: &str, role: &str, extra: &[&str], command: &[&str]) -> Value {
    check_in_within(dir, exercise, role, 6, extra, command)
}

/// [`check_in`] with `--timeout TIMEOUT_SECS`.
pub fn check_in_within(
    dir: &Path,
    exercise: &str,
    role: &str,
    timeout_secs: u32,
    extra: &[&str],
    command: &[&str],
) -> Value {
    let port = check_port(exercise.starts_with("tcp"));
    let args = check_args(exercise, role, port, timeout_secs, extra, command);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut cmd = socklab_command(&args);
    cmd.current_dir(dir);
    run_check(cmd, Duration::from_secs(240)).report()
}

/// The ids of the checks in `report`, in order.
pub fn ids(report: &Value) -> Vec<&str> {
    report["checks"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["id"].as_str()).collect())
        .unwrap_or_default()
}

/// Check `id` in `report`, if it is there.
pub fn find_opt<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    report["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == id))
}

/// Check `id` in `report`; panics naming it and the checks the report has.
pub fn find<'a>(report: &'a Value, id: &str) -> &'a Value {
    find_opt(report, id).unwrap_or_else(|| {
        panic!(
            "no check {id:?} in the report; its checks: {:?}\n{report:#}",
            ids(report)
        )
    })
}

/// The verdict of check `id` in `report`, if the check is there with one.
pub fn verdict_opt<'a>(report: &'a Value, id: &str) -> Option<&'a str> {
    find_opt(report, id).and_then(|c| c["verdict"].as_str())
}

/// The verdict of check `id` in `report`; panics naming it and the checks the report has.
pub fn verdict<'a>(report: &'a Value, id: &str) -> &'a str {
    find(report, id)["verdict"]
        .as_str()
        .unwrap_or_else(|| panic!("check {id:?} has no verdict in {report:#}"))
}

/// Each check's id and verdict, in order.
pub fn verdicts(report: &Value) -> Vec<(String, String)> {
    report["checks"]
        .as_array()
        .map(|c| {
            c.iter()
                .map(|c| {
                    (
                        c["id"].as_str().unwrap_or("").to_owned(),
                        c["verdict"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the report has required checks and every one of them passed.
pub fn all_required_passed(report: &Value) -> bool {
    report["required_total"].as_u64().unwrap_or(0) > 0
        && report["required_passed"] == report["required_total"]
}

/// Asserts that every required check in `report` passed.
pub fn required_all_pass(report: &Value) {
    for c in report["checks"].as_array().unwrap() {
        if c["required"] == true {
            assert_eq!(c["verdict"], "pass", "{:#}", c);
        }
    }
}

/// The failed required checks, with their reasons and the program's output, for a message.
pub fn failures(report: &Value) -> String {
    report["checks"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter(|c| c["required"] == true && c["verdict"] != "pass")
                .map(|c| {
                    format!(
                        "{} {}: {}\n{}",
                        c["id"], c["verdict"], c["reason"], c["evidence"]["stdout"]
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// `socklab check`'s options for `exercise` and `role` on `port` with `command`, as the command
/// line makes them by default, confined by this build's socklab.
pub fn check_options(
    exercise: socklab::check::Exercise,
    role: socklab::check::Role,
    port: u16,
    command: Vec<String>,
) -> socklab::check::Options {
    socklab::check::Options {
        exercise,
        role,
        command,
        host: "127.0.0.1".into(),
        port,
        format: None,
        name: "Ana".into(),
        number: 37,
        stdin: None,
        timeout: Duration::from_secs(5),
        file: None,
        cancel: socklab::net::runner::StopFlag::new(),
        tap: None,
        weights: None,
        visibility: Default::default(),
        confine: socklab::check::confine::Confine {
            launcher: Some(env!("CARGO_BIN_EXE_socklab").into()),
            ..Default::default()
        },
        applied: Default::default(),
        writable: Vec::new(),
        pcap: None,
        build: None,
        build_timeout: socklab::check::DEFAULT_BUILD_TIMEOUT,
        built: None,
    }
}
