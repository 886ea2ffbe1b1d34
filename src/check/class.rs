//! A class's results from `--each`: its rows (see [`super::report::class`]), the class forms
//! of the report formats, and its CSV sheet.

use super::gradebook::StudentFrom;
use super::options::Options;
use super::report::class::check_ids;
pub use super::report::class::{Class, Row, short_names, short_paths};
use super::report::csv_field;

/// The class `rows` of a run with options `o`.
pub fn of<'a>(rows: &'a [Row], o: &'a Options) -> Class<'a> {
    Class {
        exercise: o.exercise.name(),
        role: o.role.name(),
        command: o.command.join(" "),
        rows,
    }
}

/// The class's sheet: one row per file; a column per check id, in the order the checks first
/// appear (a submission that stopped early has fewer checks than one that ran them all).
pub fn csv_sheet(rows: &[Row], student: Option<&StudentFrom>) -> String {
    let ids: Vec<&str> = check_ids(rows).into_iter().map(|(id, _, _)| id).collect();
    let mut csv = format!(
        "file,{}passed,failed,score,required_passed,required_total,advisory_passed,advisory_total,{}\n",
        if student.is_some() { "student," } else { "" },
        ids.join(",")
    );
    for (file, r, err) in rows {
        // The file, and with --student-from the student's id (empty when not found).
        let mut line = csv_field(file);
        if let Some(s) = student {
            line.push(',');
            line.push_str(&csv_field(&s.id(file).unwrap_or_default()));
        }
        match r {
            Some(r) => {
                let verdicts: Vec<&str> = ids
                    .iter()
                    .map(|id| {
                        r.checks
                            .iter()
                            .find(|c| c.id == *id)
                            .map_or("", |c| c.verdict.word())
                    })
                    .collect();
                line.push_str(&format!(
                    ",{},{},{},{},{},{},{},{}",
                    r.passed(),
                    r.failed(),
                    r.score(),
                    r.tally(true).0,
                    r.tally(true).1,
                    r.tally(false).0,
                    r.tally(false).1,
                    verdicts.join(",")
                ));
            }
            None => line.push_str(&format!(",,,,,,,,{}", csv_field(err))),
        }
        csv.push_str(&line);
        csv.push('\n');
    }
    csv
}
