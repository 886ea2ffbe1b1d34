//! What a report format is.

use super::class::Class;
use super::model::Report;

/// One way of writing a report down: a file format, or the terminal's text.
pub trait ReportFormat: Sync {
    /// The format's name: `markdown`, `html`, `junit`, `json`, `gradescope`, `text`.
    fn id(&self) -> &'static str;
    /// The endings of the file names that mean this format, lower case, without the dot (none:
    /// a file named by its own option, as `results.json`).
    fn extensions(&self) -> &'static [&'static str] {
        &[]
    }
    /// One check run's report, as its file holds it.
    fn single(&self, r: &Report) -> String;
    /// A class's report (`--each`): None when the format has none (a grader grades one
    /// submission).
    fn class(&self, _class: &Class<'_>) -> Option<String> {
        None
    }
}
