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
        let _ = writeln!(out, "# socklab check: {} {}\n", r.exercise, r.role);
        let _ = writeln!(out, "Program: `{}`  ", r.command);
        if let Some(f) = &r.format {
            let _ = writeln!(out, "Format: {f}  ");
        }
        if let Some(c) = &r.confinement {
            let _ = writeln!(out, "Confinement: {}  ", c.line());
        }
        let _ = writeln!(out, "Result: {}\n", r.summary());
        let _ = writeln!(
            out,
            "| check | required | verdict | reason |\n|---|---|---|---|"
        );
        for c in &r.checks {
            let _ = writeln!(
                out,
                "| `{}` {} | {} | **{}** | {} |",
                c.id,
                c.title,
                if c.required { "yes" } else { "advisory" },
                c.verdict.word(),
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
        let mut out = String::from("| submission | score |");
        for (id, _, required) in &ids {
            let _ = write!(out, " {}{} |", id, if *required { "" } else { " (adv.)" });
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---|".repeat(ids.len()));
        out.push('\n');
        for ((_, r, err), name) in rows.iter().zip(&names) {
            let _ = write!(out, "| `{name}` |");
            match r {
                Some(r) => {
                    let _ = write!(out, " {}% |", r.score());
                    for (id, _, _) in &ids {
                        let v = r
                            .checks
                            .iter()
                            .find(|c| c.id == *id)
                            .map_or("", |c| c.verdict.word());
                        let _ = write!(out, " {v} |");
                    }
                }
                None => {
                    let _ = write!(out, " – | could not run: {} |", err.replace('|', "\\|"));
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
    let _ = writeln!(out, "\n## `{}`: {}\n", c.id, c.verdict.word());
    if !e.sent.is_empty() {
        let _ = writeln!(out, "- sent: {}", e.sent_shown("`", "`"));
    }
    if !e.received.is_empty() {
        let _ = writeln!(out, "- received: `{}`", escape_bytes(&e.received));
    }
    if !e.typed.is_empty() {
        let _ = writeln!(out, "- typed: {}", e.typed_shown("`", "`"));
    }
    if let Some(code) = e.exit_code {
        let _ = writeln!(out, "- exit code: {code}");
    }
    if !e.stdout.trim().is_empty() {
        let _ = writeln!(out, "\n```\n{}\n```", e.stdout.trim_end());
    }
}
