//! The report as one JSON object (`--json`); a class as an array of them.

use serde_json::json;

use super::class::Class;
use super::format::ReportFormat;
use super::model::Report;
use crate::protocol::escape_bytes;

/// One JSON object with every check, its evidence and the counts, on one line.
pub struct Json;

impl ReportFormat for Json {
    fn id(&self) -> &'static str {
        "json"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["json"]
    }

    fn single(&self, r: &Report) -> String {
        format!("{}\n", value(r))
    }

    /// An array with an object per submission: its file, and its report or why it could not
    /// be run.
    fn class(&self, class: &Class<'_>) -> Option<String> {
        let all: Vec<serde_json::Value> = class
            .rows
            .iter()
            .map(|(file, r, err)| match r {
                Some(r) => json!({"file": file, "report": value(r)}),
                None => json!({"file": file, "error": err}),
            })
            .collect();
        Some(format!("{}\n", serde_json::Value::Array(all)))
    }
}

/// The report's object.
pub fn value(r: &Report) -> serde_json::Value {
    json!({
        "exercise": r.exercise,
        "role": r.role,
        "command": r.command,
        "format": r.format,
        "checks": r.checks.iter().map(|c| json!({
            "id": c.id,
            "title": c.title,
            "required": c.required,
            "verdict": c.verdict.word(),
            "reason": c.reason,
            "reason_code": c.reason_code,
            "evidence": {
                "sent": escape_bytes(&c.evidence.sent),
                "sent_messages": c.evidence.sent_pieces(),
                "received": escape_bytes(&c.evidence.received),
                "stdout": c.evidence.stdout,
                "stderr": c.evidence.stderr,
                "exit_code": c.evidence.exit_code,
                "typed": c.evidence.typed.iter().map(|(line, ms)| json!({
                    "line": line,
                    "at_ms": ms,
                })).collect::<Vec<_>>(),
            },
        })).collect::<Vec<_>>(),
        "passed": r.passed(),
        "failed": r.failed(),
        "score": r.score(),
        "required_passed": r.tally(true).0,
        "required_total": r.tally(true).1,
        "advisory_passed": r.tally(false).0,
        "advisory_total": r.tally(false).1,
        "points": r.marks().0,
        "max_points": r.marks().1,
        "confinement": r.confinement.as_ref().map(super::super::confine::Applied::to_json),
    })
}
