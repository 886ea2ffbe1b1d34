//! Gradescope's `results.json` (`--gradescope`).

use serde_json::json;

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
                "visibility": r.visibility.get(c.id).map_or("visible", String::as_str),
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

#[cfg(test)]
mod tests {
    use super::super::model::parse_weights_file;
    use super::*;

    #[test]
    fn a_check_the_weights_file_hides_is_hidden_on_gradescope_and_the_others_visible() {
        let (weights, visibility) = parse_weights_file(
            "adds 3 # the sum\nextra, 1.5, hidden\nlistens = 1 after_due_date\n",
        )
        .unwrap();
        assert_eq!(weights.get("extra"), Some(&1.5));
        assert_eq!(visibility.get("extra").map(String::as_str), Some("hidden"));
        assert_eq!(
            visibility.get("listens").map(String::as_str),
            Some("after_due_date")
        );
        assert!(!visibility.contains_key("adds"));
        let rows = super::super::class::sample_rows();
        let report = rows
            .iter()
            .filter_map(|(_, r, _)| r.clone())
            .find(|r| r.checks.iter().any(|c| c.id == "extra"))
            .unwrap();
        let v = value(&report);
        let seen: Vec<(&str, &str)> = v["tests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["name"].as_str().unwrap().split(' ').next().unwrap(),
                    t["visibility"].as_str().unwrap(),
                )
            })
            .collect();
        assert!(seen.contains(&("extra", "hidden")), "{seen:?}");
        assert!(seen.contains(&("adds", "visible")), "{seen:?}");
    }

    #[test]
    fn a_visibility_gradescope_does_not_know_is_refused_naming_its_line() {
        let e = parse_weights_file("adds 3\nextra 1 secret\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("\"secret\""), "{e}");
    }
}
