//! The report as Markdown; a class as a Markdown table.

use std::fmt::Write as _;

use super::class::{Class, check_ids};
use super::format::ReportFormat;
use super::model::{Evidence, Report};
use crate::protocol::escape_bytes;

/// Markdown: a table of verdicts, then each check's evidence; a class as a table with a row
/// per submission.
pub struct Markdown;

impl ReportFormat for Markdown {
    fn id(&self) -> &'static str {
        "markdown"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["md", "markdown"]
    }

    fn single(&self, r: &Report) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# {}\n",
            crate::t!(
                "check-report-heading",
                exercise = r.exercise.as_str(),
                role = r.role.as_str()
            )
        );
        let command = format!("`{}`", r.command);
        let _ = writeln!(
            out,
            "{}  ",
            crate::t!("check-report-program", command = command)
        );
        if let Some(f) = &r.format {
            let _ = writeln!(
                out,
                "{}  ",
                crate::t!("check-report-format", format = f.as_str())
            );
        }
        if let Some(c) = &r.confinement {
            let _ = writeln!(
                out,
                "{}  ",
                crate::t!("check-report-confinement", confinement = c.line())
            );
        }
        let _ = writeln!(
            out,
            "{}\n",
            crate::t!("check-report-result", summary = r.summary())
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            crate::t!("check-column-check"),
            crate::t!("check-column-required"),
            crate::t!("check-column-verdict"),
            crate::t!("check-column-reason"),
        );
        let (yes, advisory) = (crate::t!("check-required-yes"), crate::t!("check-advisory"));
        for c in &r.checks {
            let _ = writeln!(
                out,
                "| `{}` {} | {} | **{}** | {} |",
                c.id,
                c.title,
                if c.required { &yes } else { &advisory },
                c.verdict.shown(),
                c.reason.replace('|', "\\|")
            );
        }
        for c in &r.checks {
            evidence(&mut out, c);
        }
        out
    }

    fn class(&self, class: &Class<'_>) -> Option<String> {
        let rows = class.rows;
        let ids = check_ids(rows);
        let names = class.short_names();
        let mut out = format!(
            "| {} | {} |",
            crate::t!("check-column-submission"),
            crate::t!("check-column-score")
        );
        let adv = crate::t!("check-advisory-short");
        for (id, _, required) in &ids {
            let _ = write!(out, " {}{} |", id, if *required { "" } else { &adv });
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---|".repeat(ids.len()));
        out.push('\n');
        for ((_, r, err), name) in rows.iter().zip(&names) {
            let _ = write!(out, "| `{name}` |");
            match r {
                Some(r) => {
                    let _ = write!(out, " {}% |", super::model::decimal(r.score()));
                    for (id, _, _) in &ids {
                        let v = r
                            .checks
                            .iter()
                            .find(|c| c.id == *id)
                            .map_or(String::new(), |c| c.verdict.shown());
                        let _ = write!(out, " {v} |");
                    }
                }
                None => {
                    let why = crate::t!("check-could-not-run", error = err.replace('|', "\\|"));
                    let _ = write!(out, " – | {why} |");
                }
            }
            out.push('\n');
        }
        Some(out)
    }
}

/// A check's evidence as a section of its own (nothing when there is none).
fn evidence(out: &mut String, c: &super::model::CheckResult) {
    let e = &c.evidence;
    if e == &Evidence::default() {
        return;
    }
    let _ = writeln!(out, "\n## `{}`: {}\n", c.id, c.verdict.shown());
    if !e.sent.is_empty() {
        let _ = writeln!(
            out,
            "- {}",
            crate::t!("check-evidence-sent", sent = e.sent_shown("`", "`"))
        );
    }
    if !e.received.is_empty() {
        let received = format!("`{}`", escape_bytes(&e.received));
        let _ = writeln!(
            out,
            "- {}",
            crate::t!("check-evidence-received", received = received)
        );
    }
    if !e.typed.is_empty() {
        let _ = writeln!(
            out,
            "- {}",
            crate::t!("check-evidence-typed", typed = e.typed_shown("`", "`"))
        );
    }
    if let Some(code) = e.exit_code {
        let _ = writeln!(out, "- {}", crate::t!("check-evidence-exit-code", code = code));
    }
    if !e.stdout.trim().is_empty() {
        let _ = writeln!(out, "\n```\n{}\n```", e.stdout.trim_end());
    }
}
