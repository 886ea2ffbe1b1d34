//! What `socklab check` prints: a line per check as it ends, then the counts.

use super::class::Class;
use super::format::ReportFormat;
use super::model::{CheckResult, Report, Verdict};

/// The terminal's text: [`line`] for each check, then [`tail`].
pub struct Text;

impl ReportFormat for Text {
    fn id(&self) -> &'static str {
        "text"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["txt"]
    }

    fn single(&self, r: &Report) -> String {
        let mut out: String = r.checks.iter().map(|c| line(c) + "\n").collect();
        out.push_str(&tail(r));
        out
    }

    /// None: with `--each` the terminal shows each file's summary as it is checked.
    fn class(&self, _: &Class<'_>) -> Option<String> {
        None
    }
}

/// One line per check.
pub fn line(c: &CheckResult) -> String {
    let mark = match c.verdict {
        Verdict::Pass => crate::t!("check-mark-pass"),
        Verdict::Fail => crate::t!("check-mark-fail"),
        Verdict::Skip => crate::t!("check-mark-skip"),
    };
    let id = format!("{:<20}", c.id);
    let (title, reason) = (c.title.as_str(), c.reason.as_str());
    if c.required {
        crate::t!(
            "check-text-line",
            mark = mark,
            id = id,
            title = title,
            reason = reason
        )
    } else {
        crate::t!(
            "check-text-line-advisory",
            mark = mark,
            id = id,
            title = title,
            reason = reason
        )
    }
}

/// What follows the last check's line: the counts and the score, and how the program was
/// confined.
pub fn tail(r: &Report) -> String {
    let (passed, failed) = (r.passed() as u64, r.failed() as u64);
    let mut out = if r.required_passed() {
        crate::t!(
            "check-text-tail",
            passed = passed,
            failed = failed,
            summary = r.summary()
        )
    } else {
        crate::t!(
            "check-text-tail-required-failed",
            passed = passed,
            failed = failed,
            summary = r.summary()
        )
    };
    out.push('\n');
    if let Some(c) = &r.confinement {
        out.push_str(&crate::t!("check-text-confinement", confinement = c.line()));
        out.push('\n');
    }
    out
}
