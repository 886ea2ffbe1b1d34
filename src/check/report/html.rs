//! The report as a page of its own; a class as a page with a row per submission.

use std::fmt::Write as _;

use super::class::{Class, check_ids, pass_rate};
use super::format::ReportFormat;
use super::model::{CheckResult, Report, plain_evidence, xml_escape};
use crate::protocol::escape_bytes;

/// HTML: the single report's table of verdicts with each check's evidence folded in; the
/// class's page (a row per submission, a column per check, each cell coloured by its verdict,
/// the pass rate of each check as a bar, and each submission's evidence one click away).
pub struct Html;

impl ReportFormat for Html {
    fn id(&self) -> &'static str {
        "html"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm"]
    }

    fn single(&self, r: &Report) -> String {
        let rows: String = r.checks.iter().map(check_row).collect();
        let heading = esc(&crate::t!(
            "check-report-heading",
            exercise = r.exercise.as_str(),
            role = r.role.as_str()
        ));
        format!(
            "<!doctype html><meta charset=\"utf-8\"><title>{heading}</title>\
             <style>{style}</style>\
             <h1>{heading}</h1><p>{program}<br>{confinement}{summary}</p><table><tr><th>{check}</th><th>{required}</th>\
             <th>{verdict}</th><th>{reason}</th></tr>{rows}</table>",
            style = PAGE_STYLE.trim_end(),
            program = crate::t!(
                "check-report-program",
                command = format!("<code>{}</code>", esc(&r.command))
            ),
            check = esc(&crate::t!("check-column-check")),
            required = esc(&crate::t!("check-column-required")),
            verdict = esc(&crate::t!("check-column-verdict")),
            reason = esc(&crate::t!("check-column-reason")),
            summary = esc(&r.summary()),
            confinement = r.confinement.as_ref().map_or(String::new(), |c| format!(
                "<span style=\"color:{}\">{}</span><br>",
                if c.enabled { "#555" } else { "#b00" },
                esc(&c.line())
            )),
        )
    }

    fn class(&self, class: &Class<'_>) -> Option<String> {
        let mut out = class_head(class);
        class_table(&mut out, class);
        pass_rates(&mut out, class);
        class_evidence(&mut out, class);
        let _ = writeln!(out, "<script>{}</script></html>", OPEN_TARGET.trim_end());
        Some(out)
    }
}

/// The single report's text escaped for HTML (quotes left as they are).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A check's row of the single report, its evidence folded under its reason.
fn check_row(c: &CheckResult) -> String {
    let e = &c.evidence;
    format!(
        "<tr class=\"{v}\"><td><code>{id}</code> {title}</td><td>{req}</td><td><b>{shown}</b></td><td>{reason}<details><summary>{evidence}</summary><p>{sent}</p><p>{recv}</p>{typed}<pre>{out}</pre></details></td></tr>",
        v = c.verdict.word(),
        shown = esc(&c.verdict.shown()),
        id = c.id,
        title = esc(&c.title),
        req = esc(&if c.required {
            crate::t!("check-required-yes")
        } else {
            crate::t!("check-advisory")
        }),
        reason = esc(&c.reason),
        evidence = esc(&crate::t!("check-evidence")),
        sent = crate::t!(
            "check-evidence-sent",
            sent = e
                .sent_pieces()
                .iter()
                .map(|p| format!("<code>{}</code>", esc(p)))
                .collect::<Vec<_>>()
                .join(" · ")
        ),
        recv = crate::t!(
            "check-evidence-received",
            received = format!("<code>{}</code>", esc(&escape_bytes(&e.received)))
        ),
        typed = if e.typed.is_empty() {
            String::new()
        } else {
            format!(
                "<p>{}</p>",
                esc(&crate::t!(
                    "check-evidence-typed",
                    typed = e.typed_shown("\"", "\"")
                ))
            )
        },
        out = esc(&e.stdout),
    )
}

/// The class page's head, style, heading and what was run, with the class's mean score.
fn class_head(class: &Class<'_>) -> String {
    let reports: Vec<&Report> = class
        .rows
        .iter()
        .filter_map(|(_, r, _)| r.as_ref())
        .collect();
    let mean = if reports.is_empty() {
        0.0
    } else {
        reports.iter().map(|r| r.score()).sum::<f64>() / reports.len() as f64
    };
    let heading = xml_escape(&crate::t!(
        "check-class-heading",
        exercise = class.exercise,
        role = class.role,
        count = class.rows.len() as u64
    ));
    let lang = match crate::i18n::current() {
        crate::i18n::Lang::EnUs => "en",
        other => other.tag(),
    };
    format!(
        "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{heading}</title>\
<style>{style}</style>\
<h1>{heading}</h1>\
<p>{command}<br>{mean}</p>",
        style = CLASS_STYLE.trim_end(),
        command = crate::t!(
            "check-class-command",
            command = format!("<code>{}</code>", xml_escape(&class.command))
        ),
        mean = xml_escape(&crate::t!(
            "check-class-mean",
            mean = super::model::decimal_mark(format!("{mean:.1}"))
        )),
    )
}

/// The class's table: a row per submission, a cell per check, each a link to its evidence.
fn class_table(out: &mut String, class: &Class<'_>) {
    let ids = check_ids(class.rows);
    let _ = write!(
        out,
        "<table><tr><th>{}</th><th>{}</th>",
        xml_escape(&crate::t!("check-column-submission")),
        xml_escape(&crate::t!("check-column-score"))
    );
    for (id, title, required) in &ids {
        let _ = write!(
            out,
            "<th class=\"check{}\" title=\"{}\">{}</th>",
            adv_class(*required),
            xml_escape(title),
            xml_escape(id)
        );
    }
    out.push_str("</tr>");
    for (i, ((_, r, err), name)) in class.rows.iter().zip(&class.short_names()).enumerate() {
        let _ = write!(
            out,
            "<tr><td class=\"name\"><a href=\"#s{i}\">{}</a></td>",
            xml_escape(name)
        );
        match r {
            Some(r) => {
                let _ = write!(
                    out,
                    "<td class=\"score\">{}%</td>",
                    super::model::decimal(r.score())
                );
                for (id, _, _) in &ids {
                    out.push_str(&cell(i, r.checks.iter().find(|c| c.id == *id)));
                }
            }
            None => {
                let _ = write!(
                    out,
                    "<td class=\"score\">–</td><td class=\"error\" colspan=\"{}\">{}</td>",
                    ids.len().max(1),
                    xml_escape(&crate::t!("check-could-not-run", error = err.as_str()))
                );
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

/// Submission `i`'s cell for a check (empty where it did not run it).
fn cell(i: usize, c: Option<&CheckResult>) -> String {
    let Some(c) = c else {
        return "<td></td>".into();
    };
    format!(
        "<td class=\"{v}{adv}\" title=\"{reason}\"><a href=\"#s{i}-{id}\">{shown}</a></td>",
        v = c.verdict.word(),
        shown = xml_escape(&c.verdict.shown()),
        adv = adv_class(c.required),
        reason = xml_escape(&c.reason),
        id = c.id,
    )
}

/// The pass rate of each check, as a bar.
fn pass_rates(out: &mut String, class: &Class<'_>) {
    let _ = write!(
        out,
        "<h2>{}</h2>",
        xml_escape(&crate::t!("check-class-pass-rates"))
    );
    for (id, _, required) in &check_ids(class.rows) {
        let (p, t) = pass_rate(class.rows, id);
        let pct = if t == 0 {
            0.0
        } else {
            p as f64 * 100.0 / t as f64
        };
        let _ = write!(
            out,
            "<div class=\"bar\"><code>{}</code><div class=\"track\"><div class=\"fill{}\" style=\"width:{pct:.1}%\"></div></div><span>{}</span></div>",
            xml_escape(id),
            adv_class(*required),
            xml_escape(&if *required {
                crate::t!("check-class-rate", passed = p as u64, total = t as u64)
            } else {
                crate::t!(
                    "check-class-rate-advisory",
                    passed = p as u64,
                    total = t as u64
                )
            }),
        );
    }
}

/// Each submission's evidence, folded: its summary, then each check's.
fn class_evidence(out: &mut String, class: &Class<'_>) {
    let _ = write!(
        out,
        "<h2>{}</h2>",
        xml_escape(&crate::t!("check-class-evidence"))
    );
    for (i, ((_, r, err), name)) in class.rows.iter().zip(&class.short_names()).enumerate() {
        let _ = write!(
            out,
            "<details id=\"s{i}\"><summary><code>{}</code>: {}</summary>",
            xml_escape(name),
            r.as_ref().map_or_else(
                || xml_escape(&crate::t!("check-could-not-run", error = err.as_str())),
                |r| xml_escape(&r.summary())
            )
        );
        for c in r.iter().flat_map(|r| &r.checks) {
            let _ = write!(
                out,
                "<details id=\"s{i}-{id}\"><summary><b class=\"v-{v}\">{shown}</b> <code>{id}</code> {title}: {reason}</summary><pre>{ev}</pre></details>",
                id = xml_escape(c.id),
                v = c.verdict.word(),
                shown = xml_escape(&c.verdict.shown()),
                title = xml_escape(&c.title),
                reason = xml_escape(&c.reason),
                ev = xml_escape(&plain_evidence(c)),
            );
        }
        out.push_str("</details>");
    }
}

/// The CSS class that sets an advisory check's cells and bars apart (paler, in italics).
const ADVISORY_CLASS: &str = "adv";

/// What a check's cell, header or bar adds to its CSS classes: `" adv"` for an advisory
/// check, nothing for a required one.
fn adv_class(required: bool) -> String {
    if required {
        String::new()
    } else {
        format!(" {ADVISORY_CLASS}")
    }
}

/// A link to a submission or a cell opens its evidence (and the submission around it).
const OPEN_TARGET: &str = include_str!("open_target.js");

/// The single report's style sheet.
const PAGE_STYLE: &str = include_str!("page.css");

/// The class page's style sheet.
const CLASS_STYLE: &str = include_str!("class.css");
