//! A class checked with `--each`: a row per submission, and what the class forms of the
//! formats share.

use super::model::{Report, Verdict};

/// A file checked by `--each`: its name, its report, or why it could not be run.
pub type Row = (String, Option<Report>, String);

/// A class's rows, and what was run on each submission.
#[derive(Clone, Debug)]
pub struct Class<'a> {
    pub exercise: &'a str,
    pub role: &'a str,
    /// The command, its words joined by spaces.
    pub command: String,
    pub rows: &'a [Row],
}

impl Class<'_> {
    /// Each submission's name as a person tells them apart ([`short_names`]).
    pub fn short_names(&self) -> Vec<String> {
        short_names(self.rows)
    }
}

/// The check ids (with their titles and whether they are required) in the order they first
/// appear across the class (a submission that stopped early has fewer checks than one that
/// ran them all).
pub fn check_ids(rows: &[Row]) -> Vec<(&'static str, &str, bool)> {
    let mut ids: Vec<(&'static str, &str, bool)> = Vec::new();
    for r in rows.iter().filter_map(|(_, r, _)| r.as_ref()) {
        for c in &r.checks {
            if !ids.iter().any(|(id, _, _)| *id == c.id) {
                ids.push((c.id, c.title.as_str(), c.required));
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
pub fn pass_rate(rows: &[Row], id: &str) -> (usize, usize) {
    rows.iter()
        .filter_map(|(_, r, _)| r.as_ref())
        .filter_map(|r| r.checks.iter().find(|c| c.id == id))
        .fold((0, 0), |(p, t), c| {
            (p + usize::from(c.verdict == Verdict::Pass), t + 1)
        })
}

#[cfg(test)]
pub use tests::{sample_class, sample_rows};

/// The class the formats' tests share (test data speaks to developers).
#[cfg(test)]
mod tests {
    use super::*;

    /// A class of four for the formats' tests: a full pass, a failure that stopped early, one
    /// that could not be run, and one with weights and an extra advisory check; names, reasons
    /// and evidence hold characters XML and Markdown treat specially.
    pub fn sample_rows() -> Vec<Row> {
        use super::super::model::{CheckResult, Evidence};
        let evidence = Evidence {
            sent: b"3 & 4 <x> \"q\" 'a'\x01\n".to_vec(),
            received: b"7\r\n".to_vec(),
            stdout: "Result: 7\nbye <now> & \"then\"\n\n".into(),
            stderr: "warn\n".into(),
            exit_code: Some(0),
            sent_parts: vec![5, 16],
            typed: vec![("Ana".into(), 600), ("7|8".into(), 1234)],
        };
        let check =
            |id, title: &str, required, verdict, reason: &str, evidence: &Evidence| CheckResult {
                id,
                title: title.to_owned(),
                required,
                verdict,
                reason: reason.into(),
                reason_code: super::super::Reason::OTHER,
                evidence: evidence.clone(),
            };
        let report = |n: usize| {
            let adds = if n == 0 { Verdict::Pass } else { Verdict::Fail };
            let mut checks = vec![
                check(
                    "listens",
                    "listens",
                    true,
                    Verdict::Pass,
                    "accepted",
                    &Evidence::default(),
                ),
                check(
                    "adds",
                    "adds",
                    true,
                    adds,
                    "got \"8\" <wrong> & |\u{7}",
                    &evidence,
                ),
                check(
                    "fuzz",
                    "bad input",
                    false,
                    Verdict::Skip,
                    "needs adds",
                    &evidence,
                ),
            ];
            match n {
                1 => checks.truncate(2),
                2 => checks.push(check("extra", "<b>", false, Verdict::Fail, "no", &evidence)),
                _ => {}
            }
            Report {
                exercise: "tcp-add".into(),
                role: "server".into(),
                command: "python3 sub/TCP server.py {port} & \"x\"".into(),
                format: (n == 0).then(|| "text".into()),
                checks,
                weights: (n == 2).then(|| [("adds".into(), 3.0), ("extra".into(), 1.5)].into()),
                confinement: None,
                visibility: if n == 2 {
                    [("extra".into(), "hidden".into())].into()
                } else {
                    Default::default()
                },
                elapsed: std::time::Duration::from_millis(2400),
            }
        };
        vec![
            ("subs/ana/a.py".into(), Some(report(0)), String::new()),
            (
                "subs/bob & \"co\"/a.py".into(),
                Some(report(1)),
                String::new(),
            ),
            (
                "subs/carl/a.py".into(),
                None,
                "cannot start <it> | & \"x\"".into(),
            ),
            ("subs/dana/a.py".into(), Some(report(2)), String::new()),
        ]
    }

    /// [`sample_rows`] as a class.
    pub fn sample_class(rows: &[Row]) -> Class<'_> {
        Class {
            exercise: "tcp-add",
            role: "server",
            command: "python3 {file} {port}".into(),
            rows,
        }
    }
}
