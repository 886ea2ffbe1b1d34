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
        Verdict::Pass => "PASS",
        Verdict::Fail => "FAIL",
        Verdict::Skip => "skip",
    };
    format!(
        "{mark} {:<20} {}{}: {}",
        c.id,
        c.title,
        if c.required { "" } else { " (advisory)" },
        c.reason
    )
}

/// What follows the last check's line: the counts and the score, and how the program was
/// confined.
pub fn tail(r: &Report) -> String {
    let mut out = format!(
        "{} passed, {} failed ({}){}\n",
        r.passed(),
        r.failed(),
        r.summary(),
        if r.required_passed() {
            ""
        } else {
            "; a required check failed"
        }
    );
    if let Some(c) = &r.confinement {
        out.push_str(&format!("confinement: {}\n", c.line()));
    }
    out
}
