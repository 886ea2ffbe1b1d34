//! Gradescope's `results.json` (`--gradescope`).

use serde_json::json;

use super::class::Class;
use super::format::ReportFormat;
use super::model::{Report, Verdict, plain_evidence};

/// Gradescope's `results.json`: one test per check, worth its points (advisory checks none,
/// unless the weights say so), with the reason and evidence as its output. No class form: a
/// Gradescope autograder grades one submission.
pub struct Gradescope;

impl ReportFormat for Gradescope {
    fn id(&self) -> &'static str {
        "gradescope"
    }

    /// None of its own: the file is `results.json`, and `.json` means [`super::Json`].
    fn extensions(&self) -> &'static [&'static str] {
        &[]
    }

    fn single(&self, r: &Report) -> String {
        format!("{:#}\n", value(r))
    }

    fn class(&self, _: &Class<'_>) -> Option<String> {
        None
    }
}

/// The file's object.
pub fn value(r: &Report) -> serde_json::Value {
    let (got, max) = r.marks();
    let tests: Vec<serde_json::Value> = r
        .checks
        .iter()
        .map(|c| {
            let p = r.points(c);
            let name = if c.required {
                crate::t!(
                    "check-gradescope-name",
                    id = c.id,
                    title = c.title.as_str(),
                    verdict = c.verdict.shown()
                )
            } else {
                crate::t!(
                    "check-gradescope-name-advisory",
                    id = c.id,
                    title = c.title.as_str(),
                    verdict = c.verdict.shown()
                )
            };
            json!({
                "name": name,
                "score": if c.verdict == Verdict::Pass { p } else { 0.0 },
                "max_score": p,
                "status": if c.verdict == Verdict::Pass { "passed" } else { "failed" },
                "output": plain_evidence(c),
                "visibility": "visible",
            })
        })
        .collect();
    json!({
        "score": got,
        "max_score": max,
        "output": crate::t!(
            "check-gradescope-output",
            exercise = r.exercise.as_str(),
            role = r.role.as_str(),
            summary = r.summary()
        ),
        "execution_time": r.elapsed.as_secs_f64().round(),
        "stdout_visibility": "visible",
        "visibility": "visible",
        "tests": tests,
    })
}
