//! Checking a student's program against the handout: socklab runs the program, plays the
//! other role with its own runners and codecs, tries what the handout asks and the edge cases
//! students get wrong, and reports each check with its evidence (the bytes on the wire, the
//! program's own output, its exit code).
//!
//! The program under test runs with the user's rights, as if started by hand, in a scratch
//! copy of its folder and a process group of its own that is killed after each run
//! ([`program`]). socklab never probes a server with a connection of its own to see whether it
//! is up: it reads the system's socket table ([`is_listening`]).

pub mod add;
pub mod case;
#[cfg(target_os = "linux")]
pub mod cgroup;
pub mod class;
pub mod cli;
pub mod confine;
pub mod echo;
pub mod error;
pub mod file;
pub mod gradebook;
pub mod guess;
pub mod options;
pub mod ports;
pub mod program;
pub mod report;
pub mod spec;

use std::time::Duration;

use self::case::{CASE_CAPTURE, new_case_capture, save_case_capture, settled_holder};
use self::report::{CheckResult, Report, Verdict};

pub use self::case::{
    Conn, LISTENS, Peer, Subject, accept_from, answers, crashed, ended_cleanly_reason,
    exit_verdict, is_listening, not_listening, output_shows, wait_listening, wait_released,
};
pub use self::error::{CheckError, graded_names};
pub use self::options::{Built, DEFAULT_BUILD_TIMEOUT, Options, Tap, expand};
pub use crate::exercise::{Exercise, Role};

/// Runs every check for `options`; `on_check` hears each result as it is decided.
pub fn run(
    options: &Options,
    on_check: &mut dyn FnMut(&CheckResult),
) -> Result<Report, CheckError> {
    // Each run hears of its own programs' confinement.
    let mut options = Options {
        applied: std::sync::Arc::default(),
        ..options.clone()
    };
    let started = std::time::Instant::now();
    let mut report = Report {
        exercise: options.exercise.name().to_owned(),
        role: options.role.name().to_owned(),
        command: options.command.join(" "),
        format: None,
        checks: Vec::new(),
        weights: options.weights.clone(),
        confinement: None,
        visibility: options.visibility.clone(),
        elapsed: std::time::Duration::ZERO,
    };
    port_is_free(&options)?;
    if let Some(dir) = &options.pcap {
        std::fs::create_dir_all(dir).map_err(|e| {
            CheckError::Peer(crate::t!(
                "check-cannot-make-capture-folder",
                path = dir.display().to_string(),
                error = e.to_string()
            ))
        })?;
        CASE_CAPTURE.with(|c| *c.borrow_mut() = new_case_capture());
    }
    // The build, once, before any case: a program that does not build gets no other check.
    if let Some(line) = options.build.clone().filter(|l| !l.trim().is_empty()) {
        let b = program::Program::build(&line, &options)?;
        let ok = b.ok;
        let checked = built_check(&b);
        on_check(&checked);
        report.checks.push(checked);
        if !ok {
            report.confinement = Some(b.applied);
            report.elapsed = started.elapsed();
            return Ok(report);
        }
        options.built = Some(std::sync::Arc::new(b.built));
    }
    let options = &options;
    let mut capture_error = None;
    let mut sink = |c: CheckResult| {
        if let Some(dir) = &options.pcap
            && let Err(e) = save_case_capture(dir, c.id)
        {
            capture_error.get_or_insert(e);
        }
        on_check(&c);
        report.checks.push(c);
    };
    let format = match options.exercise {
        Exercise::TcpAdd | Exercise::UdpAdd => add::run(options, &mut sink)?,
        Exercise::TcpEcho | Exercise::UdpEcho | Exercise::TcpUpper | Exercise::UdpUpper => {
            echo::run(options, &mut sink)?;
            None
        }
        Exercise::TcpFile | Exercise::UdpFile => {
            file::run(options, &mut sink)?;
            None
        }
        Exercise::UdpGuess => {
            guess::run(options, &mut sink)?;
            None
        }
        Exercise::Tftp => return Err(CheckError::NotGraded(Exercise::Tftp)),
    };
    CASE_CAPTURE.with(|c| c.borrow_mut().take());
    if let Some(e) = capture_error {
        return Err(CheckError::Peer(e));
    }
    report.format = format;
    report.confinement = options.applied.lock().ok().and_then(|a| a.clone());
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Fails when something already holds the port the check needs, after what an earlier check
/// on this port left closing (a class checked one by one) had its moment to go; a server that
/// holds the port is named at once, and never touched.
fn port_is_free(options: &Options) -> Result<(), CheckError> {
    let tcp = options.exercise.tcp();
    if tcp && ports::holder(options.port, true).is_none() {
        ports::wait_tcp_quiet(options.port, Duration::from_secs(3));
    }
    match settled_holder(options.port, tcp) {
        Some(holder) => Err(CheckError::PortBusy {
            port: options.port,
            holder,
        }),
        None => Ok(()),
    }
}

/// The `builds` check from how the build went.
fn built_check(b: &program::Build) -> CheckResult {
    BUILDS
        .result(
            if b.ok { Verdict::Pass } else { Verdict::Fail },
            b.reason.clone(),
            None,
            spec::Wire::default(),
        )
        .with_output(b.output.clone(), b.code)
}

/// The check a `--build` command adds before every other.
pub const BUILDS: spec::Spec = spec::Spec::required("builds", "title-builds");
