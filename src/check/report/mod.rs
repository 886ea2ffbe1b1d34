//! A check's verdicts with their evidence, and the formats a report is written in: one
//! [`ReportFormat`] each (Markdown, HTML, JUnit XML, JSON, Gradescope's and PrairieLearn's
//! `results.json`, GitHub Classroom's result, the terminal's text), listed in [`FORMATS`].

use std::path::Path;

pub mod class;
mod classroom;
pub mod format;
mod gradescope;
mod html;
mod json;
mod junit;
mod markdown;
pub mod model;
mod prairielearn;
pub mod text;

pub use class::{Class, Row};
pub use classroom::GithubClassroom;
pub use format::ReportFormat;
pub use gradescope::Gradescope;
pub use html::Html;
pub use json::Json;
pub use junit::Junit;
pub use markdown::Markdown;
pub use model::{
    CheckResult, Evidence, Reason, Report, VISIBILITIES, Verdict, Visibility, Weights, csv_field,
    parse_weights, parse_weights_file, plain_evidence, xml_escape,
};
pub use prairielearn::PrairieLearn;
pub use text::Text;

/// Every format.
pub const FORMATS: [&dyn ReportFormat; 8] = [
    &Markdown,
    &Html,
    &Junit,
    &Json,
    &Gradescope,
    &PrairieLearn,
    &GithubClassroom,
    &Text,
];

/// The format a file named `path` means: the first in [`FORMATS`] one of whose extensions
/// its name ends in (any case).
pub fn by_extension(path: &Path) -> Option<&'static dyn ReportFormat> {
    let ending = path.extension()?.to_str()?;
    FORMATS.into_iter().find(|f| {
        f.extensions()
            .iter()
            .any(|e| e.eq_ignore_ascii_case(ending))
    })
}

/// What `--report FILE` and the window's Save report write: a page for people, HTML when the
/// name ends in `.html` or `.htm`, Markdown for any other name.
pub fn page_for(path: &Path) -> &'static dyn ReportFormat {
    match by_extension(path) {
        Some(f) if f.id() == Html.id() => f,
        _ => &Markdown,
    }
}

/// The ways a report is written, one implementation each.
impl Report {
    /// Gradescope's `results.json` ([`Gradescope`]).
    pub fn to_gradescope(&self) -> serde_json::Value {
        gradescope::value(self)
    }

    /// A JUnit XML report ([`Junit`]).
    pub fn to_junit(&self) -> String {
        Junit.single(self)
    }

    /// Every check and count as one JSON object ([`Json`]).
    pub fn to_json(&self) -> serde_json::Value {
        json::value(self)
    }

    /// The report as Markdown ([`Markdown`]).
    pub fn to_markdown(&self) -> String {
        Markdown.single(self)
    }

    /// The report as a page of its own ([`Html`]).
    pub fn to_html(&self) -> String {
        Html.single(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_has_a_name_and_endings_of_its_own() {
        let ids: Vec<&str> = FORMATS.iter().map(|f| f.id()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        for f in FORMATS {
            assert!(
                f.extensions()
                    .iter()
                    .all(|e| by_extension(Path::new(&format!("r.{e}")))
                        .is_some_and(|g| g.id() == f.id())),
                "{}",
                f.id()
            );
        }
    }

    #[test]
    fn the_pages_junit_and_json_have_a_class_form_and_the_graders_and_text_none() {
        let rows = class::sample_rows();
        let class = class::sample_class(&rows);
        let with: Vec<&str> = FORMATS
            .iter()
            .filter(|f| f.class(&class).is_some())
            .map(|f| f.id())
            .collect();
        assert_eq!(with, ["markdown", "html", "junit", "json"]);
    }

    #[test]
    fn a_page_is_html_for_html_and_htm_and_markdown_otherwise() {
        for name in ["r.html", "r.HTM", "dir/r.htm", "R.Html"] {
            assert_eq!(page_for(Path::new(name)).id(), "html", "{name}");
        }
        for name in [
            "r.md",
            "r",
            "r.txt",
            "r.json",
            "r.xml",
            "r.html.md",
            ".html",
        ] {
            assert_eq!(page_for(Path::new(name)).id(), "markdown", "{name}");
        }
    }

    #[test]
    fn the_html_pages_junit_gradescope_and_the_terminal_speak_the_run_s_language() {
        use crate::i18n::{Lang, set_here};
        let rows = class::sample_rows();
        let class = class::sample_class(&rows);
        let Some(report) = rows[1].1.as_ref() else {
            panic!("no report in the sample's second row");
        };
        set_here(Some(Lang::PtPt));
        let page = Html.class(&class).unwrap_or_default();
        let single = Html.single(report);
        let junit = Junit.single(report);
        let grades = Gradescope.single(report);
        let terminal = Text.single(report);
        let advisory = rows[3]
            .1
            .as_ref()
            .map(|r| Text.single(r))
            .unwrap_or_default();
        set_here(None);
        for english in [
            "Pass rate",
            "could not run",
            "<h2>Evidence",
            "Mean score",
            "a class of",
            ">submission<",
            "(advisory)",
        ] {
            assert!(!page.contains(english), "{english:?} in:\n{page}");
        }
        assert!(page.starts_with("<!doctype html><html lang=\"pt-PT\">"));
        assert!(page.contains("uma turma de 4 entregas"), "{page}");
        assert!(page.contains("Nota média 50,0 %"), "{page}");
        assert!(page.contains("<span>0 de 1 (indicativa)</span>"), "{page}");
        assert!(single.contains("<th>verificação</th>"), "{single}");
        // JUnit: its attributes are codes as ever, its texts Portuguese.
        assert!(
            junit.contains("classname=\"tcp-add.server.required\""),
            "{junit}"
        );
        assert!(junit.contains("falhou: got"), "{junit}");
        assert!(
            junit.contains("escrito: &quot;Ana&quot; aos 0,6 s"),
            "{junit}"
        );
        assert!(
            grades.contains("\"name\": \"adds adds: falhou\""),
            "{grades}"
        );
        assert!(grades.contains("\"status\": \"failed\""), "{grades}");
        assert!(terminal.contains("FALHOU adds "), "{terminal}");
        assert!(
            terminal.contains("1 passou, 1 falhou (nota 50 %: 1 de 2 verificações obrigatórias passaram; indicativas 0 de 0); falhou uma verificação obrigatória"),
            "{terminal}"
        );
        assert!(
            advisory.contains("(pontos do ficheiro de pesos)"),
            "{advisory}"
        );
        assert!(advisory.contains(" <b> (indicativa): no"), "{advisory}");
    }

    #[test]
    fn messages_sent_apart_are_shown_apart() {
        let e = Evidence {
            sent: b"onetwo twothree three three".to_vec(),
            sent_parts: vec![3, 7, 17],
            ..Evidence::default()
        };
        assert_eq!(
            e.sent_shown("`", "`"),
            "`one` · `two two` · `three three three`"
        );
        // Parts that do not add up to the bytes: one piece, as it was.
        let odd = Evidence {
            sent_parts: vec![3, 4],
            ..e.clone()
        };
        assert_eq!(odd.sent_pieces().len(), 1);
    }
}
