//! PrairieLearn's external grader `results.json` (`--prairielearn`).

use serde_json::json;

use super::format::ReportFormat;
use super::model::{Report, Verdict, plain_evidence};

/// PrairieLearn's `results.json` (written to `/grade/results/results.json` by the question's
/// grader): `score` from 0 to 1, one test per check with its `points` and `max_points`, the
/// reason and evidence as its `output`. No class form: a grader grades one submission.
pub struct PrairieLearn;

impl ReportFormat for PrairieLearn {
    fn id(&self) -> &'static str {
        "prairielearn"
    }

    fn single(&self, r: &Report) -> String {
        format!("{:#}\n", value(r))
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
            json!({
                "name": c.id,
                "description": c.title,
                "points": if c.verdict == Verdict::Pass { p } else { 0.0 },
                "max_points": p,
                "message": c.reason,
                "output": plain_evidence(c),
            })
        })
        .collect();
    json!({
        "gradable": true,
        "score": if max > 0.0 { got / max } else { 0.0 },
        "message": r.summary(),
        "tests": tests,
    })
}
