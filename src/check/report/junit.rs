//! The report as JUnit XML; a class as one test suite per submission.

use std::fmt::Write as _;

use super::class::Class;
use super::format::ReportFormat;
use super::model::{Report, Verdict, plain_evidence, xml_escape};

/// JUnit XML: one test suite, one test case per check; a failed check is a `<failure>`, a
/// skipped one `<skipped>`; the evidence is the case's `system-out`. A class is a test suite
/// per submission, named after it (one that could not be run, a case with an `<error>`).
pub struct Junit;

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

impl ReportFormat for Junit {
    fn id(&self) -> &'static str {
        "junit"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["xml"]
    }

    fn single(&self, r: &Report) -> String {
        let name = suite_name(r);
        let mut out = String::from(XML_DECLARATION);
        let _ = writeln!(
            out,
            "<testsuites name=\"{n}\" tests=\"{t}\" failures=\"{f}\">",
            n = xml_escape(&name),
            t = r.checks.len(),
            f = r.failed(),
        );
        suite(&mut out, r, &name);
        out.push_str("</testsuites>\n");
        out
    }

    fn class(&self, class: &Class<'_>) -> Option<String> {
        let mut out = format!("{XML_DECLARATION}<testsuites>\n");
        for ((_, r, err), name) in class.rows.iter().zip(&class.short_names()) {
            match r {
                Some(r) => suite(&mut out, r, &format!("{name} {}", suite_name(r))),
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
        Some(out)
    }
}

/// What a report's suite is called: `socklab check tcp-add server`.
fn suite_name(r: &Report) -> String {
    // The command line that ran it: the same in every language.
    ["socklab", "check", &r.exercise, &r.role].join(" ")
}

/// The report's `<testsuite>`, called `name`: its counts, its score and command, and a case
/// per check.
fn suite(out: &mut String, r: &Report, name: &str) {
    let _ = writeln!(
        out,
        "  <testsuite name=\"{n}\" tests=\"{t}\" failures=\"{f}\" skipped=\"{s}\" errors=\"0\">",
        n = xml_escape(name),
        t = r.checks.len(),
        f = r.failed(),
        s = r.count(Verdict::Skip),
    );
    let _ = writeln!(
        out,
        "    <properties><property name=\"score\" value=\"{}\"/><property name=\"command\" value=\"{}\"/></properties>",
        r.score(),
        xml_escape(&r.command)
    );
    for c in &r.checks {
        let _ = writeln!(
            out,
            "    <testcase classname=\"{class}\" name=\"{name}\">",
            class = xml_escape(&format!(
                "{}.{}.{}",
                r.exercise,
                r.role,
                if c.required { "required" } else { "advisory" }
            )),
            name = xml_escape(&format!("{}: {}", c.id, c.title)),
        );
        let outcome = match c.verdict {
            Verdict::Pass => None,
            Verdict::Fail => Some("failure"),
            Verdict::Skip => Some("skipped"),
        };
        if let Some(tag) = outcome {
            let _ = writeln!(out, "      <{tag} message=\"{}\"/>", xml_escape(&c.reason));
        }
        let _ = writeln!(
            out,
            "      <system-out>{}</system-out>\n    </testcase>",
            xml_escape(&plain_evidence(c))
        );
    }
    out.push_str("  </testsuite>\n");
}

#[cfg(test)]
mod tests {
    use super::super::class::{sample_class, sample_rows, short_names};
    use super::*;

    #[test]
    fn a_class_is_a_suite_per_submission_named_after_it_with_its_reports_cases() {
        let rows = sample_rows();
        let xml = Junit.class(&sample_class(&rows)).expect("a class form");
        assert!(xml.starts_with(&format!("{XML_DECLARATION}<testsuites>\n")));
        assert!(xml.ends_with("  </testsuite>\n</testsuites>\n"));
        let suites: Vec<&str> = xml.split("\n  <testsuite ").skip(1).collect();
        assert_eq!(suites.len(), rows.len());
        for ((suite, (_, r, err)), name) in suites.iter().zip(&rows).zip(short_names(&rows)) {
            let name = xml_escape(&name);
            let Some(r) = r else {
                assert!(suite.starts_with(&format!(
                    "name=\"{name}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"
                )));
                let error = format!("<error message=\"{}\"/>", xml_escape(err));
                assert!(suite.contains(&error), "{suite}");
                continue;
            };
            assert!(
                suite.starts_with(&format!(
                    "name=\"{name} socklab check tcp-add server\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" errors=\"0\">",
                    r.checks.len(),
                    r.failed(),
                    r.count(Verdict::Skip)
                )),
                "{suite}"
            );
            assert_eq!(suite.matches("<testcase ").count(), r.checks.len());
            assert_eq!(suite.matches("<failure ").count(), r.failed());
            assert_eq!(suite.matches("<skipped ").count(), r.count(Verdict::Skip));
            // Its properties and cases are the single report's.
            let single = Junit.single(r);
            let (Some(from), Some(to)) = (
                single.find("    <properties>"),
                single.find("  </testsuite>"),
            ) else {
                panic!("no suite in {single}");
            };
            assert!(suite.contains(&single[from..to]), "{suite}");
        }
    }
}
