//! A class's marks as the gradebooks of Canvas and Moodle import them (`--gradebook`), each
//! student found by an id taken from their submission's path (`--student-from`).

use super::class::Row;
use super::report::csv_field;

/// A gradebook socklab writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gradebook {
    /// Canvas's gradebook import: `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`,
    /// then the assignment's column; a `Points Possible` row; students matched by SIS Login ID.
    Canvas,
    /// Moodle's grade import from CSV: a `Username` column to map to the user's username, the
    /// assignment's column for the grade, and a `Feedback` column.
    Moodle,
}

impl Gradebook {
    /// The gradebook `--gradebook` names (`canvas`, `moodle`).
    pub fn named(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "canvas" => Some(Self::Canvas),
            "moodle" => Some(Self::Moodle),
            _ => None,
        }
    }
}

/// How a student's id is found in a submission's path: a regular expression whose group `id`
/// (or else its first group, or else its whole match) is the id.
#[derive(Clone, Debug)]
pub struct StudentFrom(regex::Regex);

impl StudentFrom {
    /// `pattern` compiled, or why it is not a regular expression.
    pub fn new(pattern: &str) -> Result<Self, String> {
        regex::Regex::new(pattern)
            .map(Self)
            .map_err(|e| e.to_string())
    }

    /// The student's id in `path` (its separators read as `/`), if the expression finds one.
    pub fn id(&self, path: &str) -> Option<String> {
        let path = path.replace('\\', "/");
        let found = self.0.captures(&path)?;
        let id = found
            .name("id")
            .or_else(|| found.get(1))
            .or_else(|| found.get(0))?;
        let id = id.as_str().trim();
        (!id.is_empty()).then(|| id.to_owned())
    }
}

/// The gradebook's CSV for a class: one line per submission whose student was found (the
/// others are listed in the second value, to be said), marks as points earned; a submission
/// that could not be checked gets no mark (blank), so the import leaves its cell as it was.
pub fn sheet(
    book: Gradebook,
    rows: &[Row],
    student: &StudentFrom,
    assignment: &str,
) -> (String, Vec<String>) {
    let mut missing = Vec::new();
    let mut max = 0.0_f64;
    let mut lines = Vec::new();
    for (file, report, err) in rows {
        let Some(id) = student.id(file) else {
            missing.push(file.clone());
            continue;
        };
        let (mark, feedback) = match report {
            Some(r) => {
                let (got, possible) = r.marks();
                max = max.max(possible);
                (points(got), r.summary())
            }
            None => (String::new(), err.clone()),
        };
        lines.push((id, mark, feedback));
    }
    let mut out = String::new();
    match book {
        Gradebook::Canvas => {
            out.push_str(&format!(
                "Student,ID,SIS User ID,SIS Login ID,Section,{}\n",
                csv_field(assignment)
            ));
            out.push_str(&format!("Points Possible,,,,,{}\n", points(max)));
            for (id, mark, _) in &lines {
                let id = csv_field(id);
                out.push_str(&format!("{id},,,{id},,{mark}\n"));
            }
        }
        Gradebook::Moodle => {
            out.push_str(&format!("Username,{},Feedback\n", csv_field(assignment)));
            for (id, mark, feedback) in &lines {
                out.push_str(&format!(
                    "{},{mark},{}\n",
                    csv_field(id),
                    csv_field(feedback)
                ));
            }
        }
    }
    (out, missing)
}

/// Points as a gradebook reads them: no trailing zeros, a dot for the decimals.
fn points(p: f64) -> String {
    let rounded = (p * 100.0).round() / 100.0;
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_named_group_then_the_first_then_the_whole_match() {
        let named = StudentFrom::new(r"submissions/(?P<id>[^/]+)/").unwrap();
        assert_eq!(
            named
                .id("class/submissions/ana.silva/lab2/server.py")
                .as_deref(),
            Some("ana.silva")
        );
        assert_eq!(
            named.id(r"C:\class\submissions\bruno\server.py").as_deref(),
            Some("bruno")
        );
        assert_eq!(named.id("elsewhere/server.py"), None);
        let first = StudentFrom::new(r"/(\w+)_lab2\.py$").unwrap();
        assert_eq!(first.id("in/carla_lab2.py").as_deref(), Some("carla"));
        let whole = StudentFrom::new(r"a\d+").unwrap();
        assert_eq!(whole.id("x/a123/s.py").as_deref(), Some("a123"));
        assert!(StudentFrom::new("(").is_err());
    }

    #[test]
    fn points_have_no_trailing_zeros() {
        assert_eq!(points(5.0), "5");
        assert_eq!(points(2.5), "2.5");
        assert_eq!(points(1.0 / 3.0), "0.33");
    }
}
