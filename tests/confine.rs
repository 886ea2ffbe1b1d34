//! A student's program cannot hurt the machine that checks it: hostile echo servers
//! (tests/peers/check/hostile_server.py) misbehave once and then serve as the handout asks;
//! `socklab check` must contain each misbehaviour, report it, and leave nothing behind.

#![cfg(target_os = "linux")]

mod common;

use std::time::Duration;

use common::check::*;
use common::*;
use serde_json::Value;

fn hostile() -> String {
    peers_dir()
        .join("check/hostile_server.py")
        .display()
        .to_string()
}

/// The process limit is the user's (RLIMIT_NPROC counts every process of `nobody`): one test
/// at a time, or the fork bomb of one would starve the programs of the others.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// `socklab check tcp-echo server` on the hostile server in `mode`; the report.
fn check(mode: &str, arg: &str, extra: &[&str]) -> Value {
    check_tagged(mode, arg, extra).0
}

/// [`check`], and the word only this run's processes have on their command line.
fn check_tagged(mode: &str, arg: &str, extra: &[&str]) -> (Value, String) {
    check_tagged_within(4, mode, arg, extra)
}

/// [`check_tagged`] with `--timeout TIMEOUT_SECS`.
fn check_tagged_within(
    timeout_secs: u32,
    mode: &str,
    arg: &str,
    extra: &[&str],
) -> (Value, String) {
    let script = hostile();
    // The last word tells this run's processes from those of the tests beside it.
    let tag = format!("tag-{}-{}", std::process::id(), rand::random::<u64>());
    let arg = if arg.is_empty() { "-" } else { arg };
    let checked = check_on_within(
        check_port(true),
        "tcp-echo",
        "server",
        timeout_secs,
        extra,
        &[&script, "{port}", mode, arg, &tag],
    );
    (checked.report(), tag)
}

/// Everything the program printed over the run (the evidence of its first check).
fn said(report: &Value) -> String {
    report["checks"][0]["evidence"]["stdout"]
        .as_str()
        .unwrap_or("")
        .to_owned()
}

/// Whether this machine confines at all (Linux with Landlock); says so when it does not.
fn landlock(report: &Value, what: &str) -> bool {
    let abi = report["confinement"]["landlock_abi"].as_i64().unwrap_or(0);
    if abi == 0 {
        say(&format!(
            "skipped: {what}: this kernel has no Landlock ({report:#})"
        ));
    }
    abi > 0
}

fn root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn files_outside_its_scratch_copy_are_neither_written_read_nor_deleted() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let outside = tempfile::tempdir().unwrap();
    // Open to every user, so that only socklab's confinement can stop the program.
    std::fs::set_permissions(
        outside.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o777),
    )
    .unwrap();
    let target = outside.path().join("written.txt");
    let report = check("write", target.to_str().unwrap(), &[]);
    if !landlock(&report, "writing outside") {
        return;
    }
    assert!(!target.exists(), "{}", said(&report));
    assert!(
        said(&report).contains("hostile: refused: write"),
        "{}",
        said(&report)
    );
    assert_eq!(verdict(&report, "echoes"), "pass", "it went on serving");

    let victim = outside.path().join("keep-me.txt");
    std::fs::write(&victim, "an instructor's file\n").unwrap();
    std::fs::set_permissions(&victim, std::os::unix::fs::PermissionsExt::from_mode(0o666)).unwrap();
    let report = check("delete", victim.to_str().unwrap(), &[]);
    assert!(victim.exists(), "{}", said(&report));
    assert!(said(&report).contains("hostile: refused: delete"));

    let secret = outside.path().join("id_fake");
    std::fs::write(&secret, "-----BEGIN FAKE KEY-----\n").unwrap();
    std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let report = check("read", secret.to_str().unwrap(), &[]);
    let text = report.to_string();
    assert!(
        !text.contains("BEGIN FAKE KEY"),
        "the secret reached the report: {text}"
    );
    assert!(said(&report).contains("hostile: refused: read"));
    // HOME and TMPDIR are its scratch copy; the report says what was applied.
    assert_eq!(report["confinement"]["files"], true, "{report:#}");
}

#[test]
fn it_connects_to_no_other_port() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let other = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = other.local_addr().unwrap().port().to_string();
    other.set_nonblocking(true).unwrap();
    let report = check("connect", &port, &[]);
    if !landlock(&report, "connecting") {
        return;
    }
    if report["confinement"]["tcp_ports"] == true {
        assert!(other.accept().is_err(), "it connected: {}", said(&report));
        assert!(said(&report).contains("hostile: refused: connect"));
    } else {
        say("skipped: TCP ports: this kernel's Landlock has no network rules");
    }
}

#[test]
fn it_cannot_signal_socklab() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // socklab itself survives and reports.
    let report = check("kill-parent", "", &[]);
    if !landlock(&report, "signalling socklab") {
        return;
    }
    assert!(
        said(&report).contains("hostile: refused: kill-parent"),
        "{}",
        said(&report)
    );
    assert_eq!(verdict(&report, "echoes"), "pass");
}

#[test]
fn the_process_limit_stops_a_fork_bomb() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let report = check("children", "400", &[]);
    let out = said(&report);
    assert!(
        out.contains("hostile: refused: children")
            && out.contains("Resource temporarily unavailable"),
        "{out}"
    );
    // It spent its processes on sleeping children: a thread for a client is refused too, and
    // the check goes on to its end with a report.
    assert!(
        report["checks"].as_array().unwrap().len() >= 2,
        "{report:#}"
    );
}

#[test]
fn the_memory_limit_stops_a_hoarder() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let report = check("memory", "3072", &[]);
    assert!(
        said(&report).contains("hostile: refused: memory MemoryError"),
        "{}",
        said(&report)
    );
}

#[test]
fn the_file_size_limit_stops_a_huge_file() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let report = check("bigfile", "1024", &[]);
    assert!(
        said(&report).contains("File too large"),
        "{}",
        said(&report)
    );
    assert_eq!(verdict(&report, "echoes"), "pass");
}

#[test]
fn the_cpu_limit_stops_a_spinner() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // The limit counts CPU time, the check's wait counts wall time: on a machine whose cores
    // are busy the spinner may get its 2 s of CPU only after many seconds, so the wait is long
    // enough for any load (the limit ends the run as soon as the spinner reaches it).
    let report = check_tagged_within(60, "spin", "", &["--cpu-seconds", "2"]).0;
    let listens = &report["checks"][0];
    assert_eq!(listens["verdict"], "fail", "{listens:#}");
    assert!(
        listens["reason"]
            .as_str()
            .unwrap()
            .contains("stopped: CPU limit 2 s"),
        "{listens:#}"
    );
}

/// Processes whose command line holds `needle`.
fn running(needle: &str) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(needle))
        })
        .collect()
}

#[test]
fn nothing_the_program_started_outlives_the_check() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let report = check("daemon", "", &[]);
    let out = said(&report);
    let pid: u32 = out
        .lines()
        .find_map(|l| l.strip_prefix("hostile: daemon pid "))
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or_else(|| panic!("no daemon: {out}"));
    std::thread::sleep(Duration::from_millis(300));
    let alive = std::fs::read(format!("/proc/{pid}/cmdline"))
        .is_ok_and(|c| String::from_utf8_lossy(&c).contains("hostile_server.py"));
    assert!(!alive, "the daemon {pid} outlived the check");

    let report = check("children", "20", &[]);
    assert!(
        said(&report).contains("started 20 children"),
        "{}",
        said(&report)
    );
    std::thread::sleep(Duration::from_millis(300));
    let left = running(&format!("{} ", hostile())).len() + running(&hostile()).len();
    assert_eq!(left, 0, "processes of the program outlived the check");
}

#[test]
fn a_confined_program_never_runs_as_root() {
    if !root() {
        say("skipped: the user switch (the tests do not run as root)");
        return;
    }
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let report = check("children", "20", &[]);
    assert_eq!(
        report["confinement"]["user"], "nobody (uid 65534)",
        "{report:#}"
    );
}

#[test]
fn unconfined_the_program_has_full_rights_as_the_report_says() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // --no-confine runs it as before, and the report says so.
    let report = check("write", "/dev/null", &["--no-confine"]);
    assert_eq!(report["confinement"]["enabled"], false);
    assert!(
        report["confinement"]["missing"][0]
            .as_str()
            .unwrap()
            .contains("full rights")
    );
}
