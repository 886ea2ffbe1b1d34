//! A check as a named unit: its id, its title and whether the score counts it ([`Spec`]),
//! written once, and the function that decides it ([`Check`]). Each exercise lists its checks
//! for each role in a table, in the order they run; [`run_table`] runs a table over the
//! exercise's case (what its checks share: the program under test, the format found, ...).

use std::time::Duration;

use super::error::CheckError;
use super::program::Program;
use super::report::{CheckResult, Evidence, Reason, Verdict};

/// Bytes socklab sent and received in a case, as evidence.
pub type Wire = (Vec<u8>, Vec<u8>);

/// What a check is called and how it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Stable id, used in reports, weights files and `--only`.
    pub id: &'static str,
    /// The catalogue's message (`title-…`, assets/i18n/<locale>/check.ftl) saying what the
    /// check asks of the program, for people: [`Spec::title`] says it in the current language.
    pub title: &'static str,
    /// Whether the score counts it (advisory checks are reported only).
    pub required: bool,
}

impl Spec {
    /// What the check asks of the program, in the current language.
    pub fn title(self) -> String {
        crate::i18n::tr(self.title)
    }

    /// A check the score counts.
    pub const fn required(id: &'static str, title: &'static str) -> Self {
        Self {
            id,
            title,
            required: true,
        }
    }

    /// A check that is reported but not scored.
    pub const fn advisory(id: &'static str, title: &'static str) -> Self {
        Self {
            id,
            title,
            required: false,
        }
    }

    /// This check's result, with the program's output so far as evidence.
    pub fn result(
        self,
        verdict: Verdict,
        reason: impl Into<Reason>,
        program: Option<&mut Program>,
        wire: Wire,
    ) -> CheckResult {
        let Reason { code, text } = reason.into();
        let mut reason = text;
        let (stdout, exit_code, typed) = match program {
            Some(p) => {
                if verdict == Verdict::Fail {
                    // A program that is going down (a crash the failure made) is seen gone.
                    let _ = p.wait_exit(Duration::from_millis(200));
                }
                reason = explained(code, reason, verdict, p);
                let typed = p
                    .typed_lines()
                    .into_iter()
                    .map(|t| (t.line, u64::try_from(t.at.as_millis()).unwrap_or(u64::MAX)))
                    .collect();
                (p.output(), p.exit_code().flatten(), typed)
            }
            None => (String::new(), None, Vec::new()),
        };
        CheckResult {
            id: self.id,
            title: self.title(),
            required: self.required,
            verdict,
            reason,
            reason_code: code,
            evidence: Evidence {
                sent: wire.0,
                received: wire.1,
                stdout,
                stderr: String::new(),
                exit_code,
                sent_parts: Vec::new(),
                typed,
            },
        }
    }

    /// A pass or a fail with the program's output and no bytes on the wire.
    pub fn judged(
        self,
        (verdict, reason): (Verdict, impl Into<Reason>),
        program: Option<&mut Program>,
    ) -> CheckResult {
        self.result(verdict, reason, program, Wire::default())
    }

    /// This check skipped, for `why`.
    pub fn skip(self, why: impl Into<Reason>) -> CheckResult {
        self.result(Verdict::Skip, why, None, Wire::default())
    }

    /// A pass ("answered", with the bytes of the exchange) or a fail with the reason.
    pub fn answered(
        self,
        outcome: Result<Wire, impl Into<Reason>>,
        program: Option<&mut Program>,
    ) -> CheckResult {
        match outcome {
            Ok(wire) => self.result(
                Verdict::Pass,
                crate::reason!("check-answered"),
                program,
                wire,
            ),
            Err(why) => self.result(Verdict::Fail, why, program, Wire::default()),
        }
    }
}

impl CheckResult {
    /// This result with `stdout` and `exit_code` as its evidence (a step socklab ran without a
    /// [`Program`] to ask, as a build).
    pub fn with_output(mut self, stdout: String, exit_code: Option<i32>) -> Self {
        self.evidence.stdout = stdout;
        self.evidence.exit_code = exit_code;
        self
    }
}

/// Whether a reason with stable code `code` already says how the program ended (or that it
/// had not): every such reason's message id has `exit` in it (`check-exit-code`,
/// `check-server-exited-on-stop-word`). Never read from the text, which is in the run's
/// language.
pub fn tells_how_it_ended(code: &str) -> bool {
    code.contains("exit")
}

/// `reason` (whose code is `code`) with what the program's state adds to it: a limit it ran
/// into, or, for a failure of a program that had crashed, how it ended and the last line it
/// printed (not only what was missing, "got \"\"").
fn explained(code: &str, reason: String, verdict: Verdict, p: &mut Program) -> String {
    if let Some(limit) = p.limit_note() {
        return format!("{reason} ({limit})");
    }
    if verdict != Verdict::Fail || tells_how_it_ended(code) {
        return reason;
    }
    let Some(exit) = p.exit_code() else {
        return reason;
    };
    let out = p.output();
    let last = out.trim_end().lines().last().unwrap_or("").trim();
    match (exit, last.is_empty()) {
        (Some(c), true) => crate::t!("check-had-exited", reason = reason, code = c),
        (Some(c), false) => {
            crate::t!(
                "check-had-exited-said",
                reason = reason,
                code = c,
                last = last
            )
        }
        (None, true) => crate::t!("check-had-exited-signal", reason = reason),
        (None, false) => crate::t!("check-had-exited-signal-said", reason = reason, last = last),
    }
}

/// One row of an exercise's table: the check and the function that decides it over the case
/// `C` the exercise's checks share.
pub struct Check<C> {
    pub spec: Spec,
    pub run: fn(&mut C, Spec) -> Result<CheckResult, CheckError>,
}

impl<C> Check<C> {
    pub const fn new(spec: Spec, run: fn(&mut C, Spec) -> Result<CheckResult, CheckError>) -> Self {
        Self { spec, run }
    }
}

/// What the checks of one table share.
pub trait Case {
    /// Why no later check can run (the server never listened, never answered), with its
    /// stable code; None while they can.
    fn skip_reason(&self) -> Option<Reason> {
        None
    }
}

/// Runs each check of `table` over `case` in order, and gives `sink` each result as it is
/// decided; once the case says it is skipping, every later check is skipped with its reason.
pub fn run_table<C: Case>(
    table: &[Check<C>],
    case: &mut C,
    sink: &mut dyn FnMut(CheckResult),
) -> Result<(), CheckError> {
    for check in table {
        let result = match case.skip_reason() {
            Some(why) => check.spec.skip(why),
            None => (check.run)(case, check.spec)?,
        };
        sink(result);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whether_a_reason_says_how_the_program_ended_is_read_from_its_code() {
        // In any language: the code says it, whatever the text.
        assert!(tells_how_it_ended("check-exit-code"));
        assert!(tells_how_it_ended("check-echo-exited-after-first-client"));
        assert!(tells_how_it_ended("case-file-exits-after-each"));
        assert!(!tells_how_it_ended("check-echo-got"));
        assert!(!tells_how_it_ended("check-traceback"));
        assert!(!tells_how_it_ended(Reason::OTHER));
    }
}
