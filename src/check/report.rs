//! A check's verdicts with their evidence, and its views: JSON, Markdown, HTML, a CSV row.

use std::fmt::Write as _;

use serde_json::json;

use crate::protocol::escape_bytes;

/// Pass, fail, or not tried (with the reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    Skip,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Skip => "skip",
        }
    }
}

/// What was seen: the bytes on the wire and what the program printed and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub sent: Vec<u8>,
    pub received: Vec<u8>,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: Option<i32>,
}

/// One check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    pub id: &'static str,
    pub title: &'static str,
    /// What the handout asks (true), or robustness a good solution has (false).
    pub required: bool,
    pub verdict: Verdict,
    pub reason: String,
    pub evidence: Evidence,
}

/// Everything a check run found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub exercise: String,
    pub role: String,
    pub command: String,
    /// The wire format found or used (add).
    pub format: Option<String>,
    pub checks: Vec<CheckResult>,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.count(Verdict::Pass)
    }

    pub fn failed(&self) -> usize {
        self.count(Verdict::Fail)
    }

    fn count(&self, v: Verdict) -> usize {
        self.checks.iter().filter(|c| c.verdict == v).count()
    }

    /// Whether every required check passed.
    pub fn required_passed(&self) -> bool {
        self.checks
            .iter()
            .filter(|c| c.required)
            .all(|c| c.verdict == Verdict::Pass)
    }

    /// Passed checks out of those tried, as a percentage (0 when none was tried).
    pub fn score(&self) -> f64 {
        let tried = self.passed() + self.failed();
        if tried == 0 {
            0.0
        } else {
            (self.passed() as f64 * 1000.0 / tried as f64).round() / 10.0
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        json!({
            "exercise": self.exercise,
            "role": self.role,
            "command": self.command,
            "format": self.format,
            "checks": self.checks.iter().map(|c| json!({
                "id": c.id,
                "title": c.title,
                "required": c.required,
                "verdict": c.verdict.word(),
                "reason": c.reason,
                "evidence": {
                    "sent": escape_bytes(&c.evidence.sent),
                    "received": escape_bytes(&c.evidence.received),
                    "stdout": c.evidence.stdout,
                    "stderr": c.evidence.stderr,
                    "exit_code": c.evidence.exit_code,
                },
            })).collect::<Vec<_>>(),
            "passed": self.passed(),
            "failed": self.failed(),
            "score": self.score(),
        })
    }

    /// The report as Markdown: a table of verdicts, then each check's evidence.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# socklab check: {} {}\n", self.exercise, self.role);
        let _ = writeln!(out, "Program: `{}`  ", self.command);
        if let Some(f) = &self.format {
            let _ = writeln!(out, "Format: {f}  ");
        }
        let _ = writeln!(
            out,
            "Result: {} passed, {} failed, score {}%{}\n",
            self.passed(),
            self.failed(),
            self.score(),
            if self.required_passed() {
                ", every required check passed"
            } else {
                ""
            }
        );
        let _ = writeln!(
            out,
            "| check | required | verdict | reason |\n|---|---|---|---|"
        );
        for c in &self.checks {
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
        for c in &self.checks {
            let e = &c.evidence;
            if e == &Evidence::default() {
                continue;
            }
            let _ = writeln!(out, "\n## `{}`: {}\n", c.id, c.verdict.word());
            if !e.sent.is_empty() {
                let _ = writeln!(out, "- sent: `{}`", escape_bytes(&e.sent));
            }
            if !e.received.is_empty() {
                let _ = writeln!(out, "- received: `{}`", escape_bytes(&e.received));
            }
            if let Some(code) = e.exit_code {
                let _ = writeln!(out, "- exit code: {code}");
            }
            if !e.stdout.trim().is_empty() {
                let _ = writeln!(out, "\n```\n{}\n```", e.stdout.trim_end());
            }
        }
        out
    }

    /// The report as a page of its own.
    pub fn to_html(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let mut rows = String::new();
        for c in &self.checks {
            let e = &c.evidence;
            let _ = write!(
                rows,
                "<tr class=\"{v}\"><td><code>{id}</code> {title}</td><td>{req}</td><td><b>{v}</b></td><td>{reason}<details><summary>evidence</summary><p>sent: <code>{sent}</code></p><p>received: <code>{recv}</code></p><pre>{out}</pre></details></td></tr>",
                v = c.verdict.word(),
                id = c.id,
                title = esc(c.title),
                req = if c.required { "yes" } else { "advisory" },
                reason = esc(&c.reason),
                sent = esc(&escape_bytes(&e.sent)),
                recv = esc(&escape_bytes(&e.received)),
                out = esc(&e.stdout),
            );
        }
        format!(
            "<!doctype html><meta charset=\"utf-8\"><title>socklab check: {ex} {role}</title>\
             <style>body{{font-family:sans-serif;margin:2em}}td{{padding:4px 8px;vertical-align:top}}\
             tr.pass b{{color:#070}}tr.fail b{{color:#b00}}tr.skip b{{color:#777}}</style>\
             <h1>socklab check: {ex} {role}</h1><p>Program: <code>{cmd}</code><br>{passed} passed, \
             {failed} failed, score {score}%</p><table><tr><th>check</th><th>required</th>\
             <th>verdict</th><th>reason</th></tr>{rows}</table>",
            ex = esc(&self.exercise),
            role = esc(&self.role),
            cmd = esc(&self.command),
            passed = self.passed(),
            failed = self.failed(),
            score = self.score(),
        )
    }

    /// One line of the human output per check.
    pub fn line(c: &CheckResult) -> String {
        let mark = match c.verdict {
            Verdict::Pass => "PASS",
            Verdict::Fail => "FAIL",
            Verdict::Skip => "skip",
        };
        format!(
            "{mark} {:<20} {}{}: {}",
            c.id,
            c.title,
            if c.required { "" } else { " (advisory)" },
            c.reason
        )
    }
}

/// Quotes a CSV field when it needs it.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
