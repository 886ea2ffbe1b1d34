//! GitHub Classroom's autograding result (`--github-classroom`): the JSON its grading
//! reporter (`classroom-resources/autograding-grading-reporter`) reads, base64-encoded, from a
//! runner step's `result` output.

use serde_json::json;

use super::format::ReportFormat;
use super::model::{Report, Verdict, plain_evidence};

/// One runner's result: `status` (`pass` when every required check passed, else `fail`),
/// `max_score` (the points possible) and one test per check with the `score` it earned; the
/// reporter gives Classroom the sum of the tests' scores out of `max_score`. No class form: a
/// workflow grades one student's repository.
pub struct GithubClassroom;

impl ReportFormat for GithubClassroom {
    fn id(&self) -> &'static str {
        "github-classroom"
    }

    fn single(&self, r: &Report) -> String {
        format!("{}\n", value(r))
    }
}

/// The result's object (version 1, as the reporter's runners write it).
pub fn value(r: &Report) -> serde_json::Value {
    let (_, max) = r.marks();
    let tests: Vec<serde_json::Value> = r
        .checks
        .iter()
        .map(|c| {
            let p = r.points(c);
            json!({
                "name": format!("{}: {}", c.id, c.title),
                "status": if c.verdict == Verdict::Pass { "pass" } else { "fail" },
                "score": if c.verdict == Verdict::Pass { p } else { 0.0 },
                "message": plain_evidence(c),
                "test_code": format!("socklab check {} {}", r.exercise, r.role),
                "filename": "",
                "line_no": 0,
            })
        })
        .collect();
    json!({
        "version": 1,
        "status": if r.required_passed() { "pass" } else { "fail" },
        "max_score": max,
        "tests": tests,
    })
}
