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
        let _ = writeln!(
            out,
            "- {}",
            crate::t!("check-evidence-exit-code", code = code)
        );
    }
    if !e.stdout.trim().is_empty() {
        let _ = writeln!(out, "\n```\n{}\n```", e.stdout.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::super::class::{sample_class, sample_rows};
    use super::*;
    use crate::i18n::{Lang, set_here};

    /// The English words of the Markdown report's frame: none is left in another language.
    const ENGLISH: [&str; 12] = [
        "Program:",
        "Format:",
        "Result: score",
        "| check |",
        "| required |",
        "| verdict |",
        "| reason |",
        "| submission |",
        "required checks",
        "could not run",
        "advisory",
        "- sent:",
    ];

    #[test]
    fn a_report_in_portuguese_has_no_english_heading_left() {
        let rows = sample_rows();
        set_here(Some(Lang::PtPt));
        let singles: Vec<String> = rows
            .iter()
            .filter_map(|(_, r, _)| r.as_ref())
            .map(|r| Markdown.single(r))
            .collect();
        let class = Markdown.class(&sample_class(&rows)).unwrap_or_default();
        set_here(None);
        for page in singles.iter().chain([&class]) {
            for english in ENGLISH {
                assert!(!page.contains(english), "{english:?} in:\n{page}");
            }
        }
        let first = &singles[0];
        for said in [
            "Programa: `",
            "Formato: text",
            "Resultado: nota 100 %: 2 de 2 verificações obrigatórias passaram; indicativas 0 de 0",
            "| verificação | obrigatória | veredicto | motivo |",
            "| sim | **passou** |",
            "| indicativa | **saltada** |",
            "- enviado: `3 & 4 <x>",
            "- escrito: `Ana` aos 0,6 s, `7|8` aos 1,2 s",
            "- código de saída: 0",
        ] {
            assert!(first.contains(said), "{said:?} not in:\n{first}");
        }
        assert!(class.contains("| entrega | nota |"), "{class}");
        assert!(class.contains("não foi possível executar: "), "{class}");
        assert!(class.contains(" extra (ind.) |"), "{class}");
        // The same report in English, as ever.
        let english = Markdown.single(rows[0].1.as_ref().expect("a report"));
        assert!(english.contains("Result: score 100%: 2 of 2 required checks passed"));
        assert!(english.contains("- typed: `Ana` at 0.6 s, `7|8` at 1.2 s"));
    }
}
