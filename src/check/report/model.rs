//! A check run's report: each check's verdict with its evidence, the counts and the score.

use std::fmt::Write as _;

use crate::protocol::escape_bytes;

/// Pass, fail, or not tried (with the reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    Skip,
}

impl Verdict {
    /// The verdict's stable code ("pass", "fail", "skip"): the same in every language, as
    /// JSON, CSV, JUnit's attributes and HTML's classes write it.
    pub fn word(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Skip => "skip",
        }
    }

    /// The verdict for people, in the current language ("pass" in English, "passou" in
    /// Portuguese).
    pub fn shown(self) -> String {
        match self {
            Self::Pass => crate::t!("check-verdict-pass"),
            Self::Fail => crate::t!("check-verdict-fail"),
            Self::Skip => crate::t!("check-verdict-skip"),
        }
    }
}

/// `x` as a person reads it in the current language: Rust's shortest form ("66.7", "100"),
/// with a decimal comma in Portuguese and Spanish ("66,7").
pub fn decimal(x: f64) -> String {
    decimal_mark(x.to_string())
}

/// A number written with a decimal point (`"66.7"`), with the current language's decimal
/// mark instead (`"66,7"` in Portuguese and Spanish).
pub fn decimal_mark(plain: String) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::EnUs => plain,
        _ => plain.replace('.', ","),
    }
}

/// `ms` milliseconds as seconds with one decimal, as a person reads them ("0.6", "1,2").
pub fn seconds_shown(ms: u64) -> String {
    decimal_mark(format!("{}.{}", ms / 1000, ms % 1000 / 100))
}

/// What was seen: the bytes on the wire and what the program printed and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub sent: Vec<u8>,
    pub received: Vec<u8>,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: Option<i32>,
    /// Where `sent` was several messages, each one's length (empty: one piece).
    pub sent_parts: Vec<usize>,
    /// What socklab typed into the program, each line with when (ms after it started).
    pub typed: Vec<(String, u64)>,
}

impl Evidence {
    /// What was typed, for people: `"Ana" at 0.6 s, "7" at 1.2 s`.
    pub fn typed_shown(&self, open: &str, close: &str) -> String {
        self.typed
            .iter()
            .map(|(line, ms)| {
                crate::t!(
                    "check-typed-at",
                    line = format!("{open}{}{close}", escape_bytes(line.as_bytes())),
                    seconds = seconds_shown(*ms)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What was sent, escaped, one string per message where there were several.
    pub fn sent_pieces(&self) -> Vec<String> {
        if self.sent_parts.iter().sum::<usize>() != self.sent.len() || self.sent_parts.len() < 2 {
            return vec![escape_bytes(&self.sent)];
        }
        let mut at = 0;
        let mut pieces = Vec::new();
        for n in &self.sent_parts {
            pieces.push(escape_bytes(&self.sent[at..at + n]));
            at += n;
        }
        pieces
    }

    /// [`Self::sent_pieces`], each between `open` and `close`, separated by " · "
    /// ("`one` · `two two`").
    pub fn sent_shown(&self, open: &str, close: &str) -> String {
        self.sent_pieces()
            .iter()
            .map(|p| format!("{open}{p}{close}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Why a check came out as it did: a stable code for tools (the catalogue's message id, as
/// `case-no-reply`; `other` for a reason not yet given one) and the text for people, made from
/// it in the current language ([`reason!`](crate::reason)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub text: String,
}

impl Reason {
    /// The code a reason without one of its own carries.
    pub const OTHER: &'static str = "other";

    pub fn new(code: &'static str, text: String) -> Self {
        Self { code, text }
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Self::new(Self::OTHER, text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Self {
        Self::new(Self::OTHER, text.to_owned())
    }
}

/// A check's reason from the catalogue: `reason!("case-no-reply")`,
/// `reason!("case-got", got = text)`; its code is the message's id.
#[macro_export]
macro_rules! reason {
    ($id:literal) => {
        $crate::check::report::Reason::new($id, $crate::t!($id))
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::check::report::Reason::new($id, $crate::t!($id, $($name = $value),+))
    };
}

/// One check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    pub id: &'static str,
    /// What the check asks, in the language of the run.
    pub title: String,
    /// What the handout asks (true), or robustness a good solution has (false).
    pub required: bool,
    pub verdict: Verdict,
    pub reason: String,
    /// The reason's stable code ([`Reason::code`]): the same in every language.
    pub reason_code: &'static str,
    pub evidence: Evidence,
}

/// Points per check id, an instructor's own (`--weights FILE`); a check not named is worth
/// nothing.
pub type Weights = std::collections::BTreeMap<String, f64>;

/// Who sees a check's result on Gradescope, per check id (`hidden`, `after_due_date`,
/// `after_published`; `visible` when not named), from the weights file.
pub type Visibility = std::collections::BTreeMap<String, String>;

/// Gradescope's visibilities, as its results.json spells them.
pub const VISIBILITIES: [&str; 4] = ["hidden", "after_due_date", "after_published", "visible"];

/// Reads a weights file: one `check-id points` (or `check-id,points`, or `check-id = points`)
/// a line; `#` starts a comment. JSON (`{"listens": 2, …}`) is read too.
pub fn parse_weights(text: &str) -> Result<Weights, String> {
    parse_weights_file(text).map(|(weights, _)| weights)
}

/// [`parse_weights`], each line also taking who sees the check on Gradescope after its points
/// (`second-client 2 hidden`, `concurrent 1 after_due_date`).
pub fn parse_weights_file(text: &str) -> Result<(Weights, Visibility), String> {
    let mut seen = Visibility::new();
    if text.trim_start().starts_with('{') {
        let map: std::collections::BTreeMap<String, f64> = serde_json::from_str(text)
            .map_err(|e| crate::t!("check-weights-not-json", error = e.to_string()))?;
        return Ok((check_weights(map)?, seen));
    }
    let mut map = Weights::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line
            .split(|c: char| c == ',' || c == '=' || c == ':' || c.is_whitespace())
            .filter(|p| !p.is_empty());
        let (Some(id), Some(points), visibility, None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(crate::t!(
                "check-weights-bad-line",
                line = n + 1,
                text = line
            ));
        };
        let points: f64 = points
            .parse()
            .map_err(|_| crate::t!("check-weights-bad-points", line = n + 1, points = points))?;
        if let Some(v) = visibility {
            if !VISIBILITIES.contains(&v) {
                return Err(crate::t!(
                    "check-weights-bad-visibility",
                    line = n + 1,
                    visibility = v
                ));
            }
            seen.insert(id.to_owned(), v.to_owned());
        }
        map.insert(id.to_owned(), points);
    }
    Ok((check_weights(map)?, seen))
}

fn check_weights(map: Weights) -> Result<Weights, String> {
    if let Some((id, p)) = map.iter().find(|(_, p)| !p.is_finite() || **p < 0.0) {
        return Err(crate::t!(
            "check-weights-negative",
            id = id.as_str(),
            points = p.to_string()
        ));
    }
    if map.values().sum::<f64>() <= 0.0 {
        return Err(crate::t!("check-weights-none"));
    }
    Ok(map)
}

/// Everything a check run found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub exercise: String,
    pub role: String,
    pub command: String,
    /// The wire format found or used (add).
    pub format: Option<String>,
    pub checks: Vec<CheckResult>,
    /// The instructor's points per check; None: every required check one point, advisory
    /// checks none.
    pub weights: Option<Weights>,
    /// How the program under test was confined (None: no program was started).
    pub confinement: Option<crate::check::confine::Applied>,
    /// Who sees each check on Gradescope (the weights file's third column).
    pub visibility: Visibility,
    /// How long the run took, from its start to its last check.
    pub elapsed: std::time::Duration,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.count(Verdict::Pass)
    }

    pub fn failed(&self) -> usize {
        self.count(Verdict::Fail)
    }

    pub(super) fn count(&self, v: Verdict) -> usize {
        self.checks.iter().filter(|c| c.verdict == v).count()
    }

    /// Whether every required check passed.
    pub fn required_passed(&self) -> bool {
        self.checks
            .iter()
            .filter(|c| c.required)
            .all(|c| c.verdict == Verdict::Pass)
    }

    /// (passed, total) of the required checks (a skipped one counts as not passed: it was
    /// skipped because one it needs failed), or of the advisory ones tried (a skipped one is
    /// left out: it does not apply, as a TCP case to UDP, or could not be tried).
    pub fn tally(&self, required: bool) -> (usize, usize) {
        let of_kind = || {
            self.checks
                .iter()
                .filter(move |c| c.required == required && (required || c.verdict != Verdict::Skip))
        };
        (
            of_kind().filter(|c| c.verdict == Verdict::Pass).count(),
            of_kind().count(),
        )
    }

    /// What check `c` is worth.
    pub fn points(&self, c: &CheckResult) -> f64 {
        match &self.weights {
            Some(w) => w.get(c.id).copied().unwrap_or(0.0),
            None if c.required => 1.0,
            None => 0.0,
        }
    }

    /// Points earned and points possible.
    pub fn marks(&self) -> (f64, f64) {
        self.checks.iter().fold((0.0, 0.0), |(got, max), c| {
            let p = self.points(c);
            let earned = if c.verdict == Verdict::Pass { p } else { 0.0 };
            (got + earned, max + p)
        })
    }

    /// The mark as a percentage, one decimal: the share of the required checks passed (an
    /// advisory check never lowers it), or of the points with `weights`; 0 when nothing is
    /// worth points.
    pub fn score(&self) -> f64 {
        let (got, max) = self.marks();
        if max <= 0.0 {
            0.0
        } else {
            (got * 1000.0 / max).round() / 10.0
        }
    }

    /// One line for people: the score, then the required and advisory counts.
    pub fn summary(&self) -> String {
        let (rp, rt) = self.tally(true);
        let (ap, at) = self.tally(false);
        let score = decimal(self.score());
        let (rp, rt, ap, at) = (rp as u64, rt as u64, ap as u64, at as u64);
        if self.weights.is_some() {
            crate::t!(
                "check-summary-weighted",
                score = score,
                passed = rp,
                total = rt,
                advisory_passed = ap,
                advisory_total = at
            )
        } else {
            crate::t!(
                "check-summary",
                score = score,
                passed = rp,
                total = rt,
                advisory_passed = ap,
                advisory_total = at
            )
        }
    }
}

/// A check's reason and evidence as plain text (Gradescope's output, JUnit's system-out).
pub fn plain_evidence(c: &CheckResult) -> String {
    let e = &c.evidence;
    let mut out = format!("{}: {}\n", c.verdict.shown(), c.reason);
    if !e.sent.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            crate::t!("check-evidence-sent", sent = e.sent_shown("\"", "\""))
        );
    }
    if !e.received.is_empty() {
        let received = format!("\"{}\"", escape_bytes(&e.received));
        let _ = writeln!(
            out,
            "{}",
            crate::t!("check-evidence-received", received = received)
        );
    }
    if !e.typed.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            crate::t!("check-evidence-typed", typed = e.typed_shown("\"", "\""))
        );
    }
    if let Some(code) = e.exit_code {
        let _ = writeln!(
            out,
            "{}",
            crate::t!("check-evidence-exit-code", code = code)
        );
    }
    if !e.stdout.trim().is_empty() {
        let _ = writeln!(
            out,
            "{}\n{}",
            crate::t!("check-evidence-output"),
            e.stdout.trim_end()
        );
    }
    out
}

/// Text made safe inside XML attributes and elements; characters XML 1.0 cannot hold (most
/// control characters) become `\u{…}`.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Quotes a CSV field when it needs it.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
