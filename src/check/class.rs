//! A class's results from `--each`, as one page: a row per submission, a column per check,
//! each cell coloured by its verdict, the score; the pass rate of each check as a bar; and each
//! submission's evidence one click away. The same rows as a Markdown table and as JUnit XML.

use std::fmt::Write as _;

use super::Options;
use super::cli::Row;
use super::report::{Report, Verdict, plain_evidence, xml_escape};

/// The check ids in the order they first appear across the class.
fn check_ids(rows: &[Row]) -> Vec<(&'static str, &'static str, bool)> {
    let mut ids: Vec<(&'static str, &'static str, bool)> = Vec::new();
    for r in rows.iter().filter_map(|(_, r, _)| r.as_ref()) {
        for c in &r.checks {
            if !ids.iter().any(|(id, _, _)| *id == c.id) {
                ids.push((c.id, c.title, c.required));
            }
        }
    }
    ids
}

/// Each submission's name as a person tells them apart: its path without the folders every
/// submission shares.
pub fn short_names(rows: &[Row]) -> Vec<String> {
    let files: Vec<&str> = rows.iter().map(|(f, _, _)| f.as_str()).collect();
    short_paths(&files)
}

/// [`short_names`] of paths.
pub fn short_paths(files: &[&str]) -> Vec<String> {
    let paths: Vec<Vec<&str>> = files
        .iter()
        .map(|f| f.split(['/', '\\']).collect())
        .collect();
    let shared = paths.first().map_or(0, |first| {
        (0..first.len().saturating_sub(1))
            .take_while(|&i| paths.iter().all(|p| p.len() > i + 1 && p[i] == first[i]))
            .count()
    });
    paths.iter().map(|p| p[shared..].join("/")).collect()
}

/// Share of the submissions that passed `id`, out of those that ran it.
fn pass_rate(rows: &[Row], id: &str) -> (usize, usize) {
    rows.iter()
        .filter_map(|(_, r, _)| r.as_ref())
        .filter_map(|r| r.checks.iter().find(|c| c.id == id))
        .fold((0, 0), |(p, t), c| {
            (p + usize::from(c.verdict == Verdict::Pass), t + 1)
        })
}

fn esc(s: &str) -> String {
    xml_escape(s)
}

/// The class page.
pub fn html(rows: &[Row], o: &Options) -> String {
    let ids = check_ids(rows);
    let names = short_names(rows);
    let reports: Vec<&Report> = rows.iter().filter_map(|(_, r, _)| r.as_ref()).collect();
    let mean = if reports.is_empty() {
        0.0
    } else {
        reports.iter().map(|r| r.score()).sum::<f64>() / reports.len() as f64
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>socklab check: {ex} {role}, a class of {n}</title>\
<style>\
body{{font-family:system-ui,sans-serif;margin:1.5em;color:#222}}\
h1{{font-size:1.4em}}h2{{font-size:1.15em;margin-top:1.6em}}\
table{{border-collapse:collapse}}th,td{{padding:4px 8px;border:1px solid #ddd;text-align:center}}\
th.check{{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-family:monospace}}\
th.adv{{color:#666;font-style:italic}}td.name{{text-align:left;font-family:monospace}}\
td.pass{{background:#c8ecc8}}td.fail{{background:#f6c4c4}}td.skip{{background:#eee;color:#777}}\
td.fail.adv{{background:#fbe6c8}}td.error{{background:#f6c4c4;text-align:left}}td.score{{font-weight:bold}}\
td a{{color:inherit;text-decoration:none;display:block}}\
.bar{{display:flex;align-items:center;gap:.5em;margin:2px 0}}\
.bar code{{width:12em;text-align:right}}.bar .track{{width:24em;background:#eee;height:1em}}\
.bar .fill{{background:#3a8f3a;height:1em}}.bar .adv{{background:#8aa8c8}}\
details{{margin:.4em 0;border:1px solid #ddd;padding:.3em .6em}}summary{{cursor:pointer}}\
pre{{background:#f7f7f7;padding:.5em;overflow:auto;max-height:20em}}\
.v-pass{{color:#070}}.v-fail{{color:#b00}}.v-skip{{color:#777}}\
</style>\
<h1>socklab check: {ex} {role}, a class of {n}</h1>\
<p>Command: <code>{cmd}</code><br>Mean score {mean:.1}% (the share of required checks passed; \
advisory checks, in italics and a paler colour, never lower it). Click a cell or a name for the evidence.</p>",
        ex = esc(o.exercise.name()),
        role = esc(o.role.name()),
        n = rows.len(),
        cmd = esc(&o.command.join(" ")),
    );
    out.push_str("<table><tr><th>submission</th><th>score</th>");
    for (id, title, required) in &ids {
        let _ = write!(
            out,
            "<th class=\"check{}\" title=\"{}\">{}</th>",
            if *required { "" } else { " adv" },
            esc(title),
            esc(id)
        );
    }
    out.push_str("</tr>");
    for (i, ((_, r, err), name)) in rows.iter().zip(&names).enumerate() {
        let _ = write!(
            out,
            "<tr><td class=\"name\"><a href=\"#s{i}\">{}</a></td>",
            esc(name)
        );
        match r {
            Some(r) => {
                let _ = write!(out, "<td class=\"score\">{}%</td>", r.score());
                for (id, _, _) in &ids {
                    match r.checks.iter().find(|c| c.id == *id) {
                        Some(c) => {
                            let _ = write!(
                                out,
                                "<td class=\"{v}{adv}\" title=\"{reason}\"><a href=\"#s{i}-{id}\">{v}</a></td>",
                                v = c.verdict.word(),
                                adv = if c.required { "" } else { " adv" },
                                reason = esc(&c.reason),
                            );
                        }
                        None => out.push_str("<td></td>"),
                    }
                }
            }
            None => {
                let _ = write!(
                    out,
                    "<td class=\"score\">–</td><td class=\"error\" colspan=\"{}\">could not run: {}</td>",
                    ids.len().max(1),
                    esc(err)
                );
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table><h2>Pass rate of each check</h2>");
    for (id, _, required) in &ids {
        let (p, t) = pass_rate(rows, id);
        let pct = if t == 0 {
            0.0
        } else {
            p as f64 * 100.0 / t as f64
        };
        let _ = write!(
            out,
            "<div class=\"bar\"><code>{}</code><div class=\"track\"><div class=\"fill{}\" style=\"width:{pct:.1}%\"></div></div><span>{p} of {t}{}</span></div>",
            esc(id),
            if *required { "" } else { " adv" },
            if *required { "" } else { " (advisory)" },
        );
    }
    out.push_str("<h2>Evidence</h2>");
    for (i, ((_, r, err), name)) in rows.iter().zip(&names).enumerate() {
        let _ = write!(
            out,
            "<details id=\"s{i}\"><summary><code>{}</code>: {}</summary>",
            esc(name),
            r.as_ref().map_or_else(
                || format!("could not run: {}", esc(err)),
                |r| esc(&r.summary())
            )
        );
        if let Some(r) = r {
            for c in &r.checks {
                let _ = write!(
                    out,
                    "<details id=\"s{i}-{id}\"><summary><b class=\"v-{v}\">{v}</b> <code>{id}</code> {title}: {reason}</summary><pre>{ev}</pre></details>",
                    id = esc(c.id),
                    v = c.verdict.word(),
                    title = esc(c.title),
                    reason = esc(&c.reason),
                    ev = esc(&plain_evidence(c)),
                );
            }
        }
        out.push_str("</details>");
    }
    // A link to a submission or a cell opens its evidence (and the submission around it).
    out.push_str(
        "<script>function openTarget(){var e=document.getElementById(location.hash.slice(1));\
for(;e;e=e.parentElement){if(e.tagName==='DETAILS')e.open=true;}}\
window.addEventListener('hashchange',openTarget);openTarget();</script></html>\n",
    );
    out
}

/// The class as a Markdown table.
pub fn markdown(rows: &[Row]) -> String {
    let ids = check_ids(rows);
    let names = short_names(rows);
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
    out
}

/// The class as JUnit XML: one test suite per submission.
pub fn junit(rows: &[Row]) -> String {
    let names = short_names(rows);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for ((_, r, err), name) in rows.iter().zip(&names) {
        match r {
            Some(r) => {
                let one = r.to_junit();
                // The submission's suite, named after it.
                let suite = one
                    .lines()
                    .skip_while(|l| !l.trim_start().starts_with("<testsuite "))
                    .take_while(|l| !l.trim_start().starts_with("</testsuites>"))
                    .collect::<Vec<_>>()
                    .join("\n");
                let renamed = suite.replacen(
                    "<testsuite name=\"",
                    &format!("<testsuite name=\"{} ", xml_escape(name)),
                    1,
                );
                out.push_str(&renamed);
                out.push('\n');
            }
            None => {
                let _ = writeln!(
                    out,
                    "  <testsuite name=\"{n}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"submission\" name=\"{n}\">\n      <error message=\"{e}\"/>\n    </testcase>\n  </testsuite>",
                    n = xml_escape(name),
                    e = xml_escape(err),
                );
            }
        }
    }
    out.push_str("</testsuites>\n");
    out
}
