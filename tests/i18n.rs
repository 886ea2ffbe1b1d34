//! The message catalogues (assets/i18n/<locale>/socklab.ftl): every one parses, holds exactly
//! the messages English has, and says each of them in its own language.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::{FluentResource, FluentValue};
use socklab::i18n::{self, Lang};

/// The catalogue files of a language: one per part of socklab (`socklab.ftl` the window's frame,
/// `exercises.ftl` the exercises' pages, `check.ftl` the checker and its reports, ...), by name.
fn files(lang: Lang) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/i18n")
        .join(lang.tag());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

/// Every catalogue file of a language, one after the other.
fn catalogue(lang: Lang) -> String {
    files(lang)
        .into_iter()
        .map(|(_, text)| text + "\n")
        .collect()
}

/// The ids of the messages a catalogue defines (a line `id = ...` at its start).
fn ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            let (id, _) = l.split_once('=')?;
            let id = id.trim_end();
            let first = id.chars().next()?;
            (first.is_ascii_lowercase()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .then(|| id.to_owned())
        })
        .collect()
}

#[test]
fn the_binary_holds_every_catalogue_file() {
    // src/i18n.rs builds in the files it names: a file added to a folder must be named there.
    for lang in Lang::ALL {
        let mut on_disk: Vec<String> = files(lang)
            .into_iter()
            .map(|(name, _)| name.trim_end_matches(".ftl").to_owned())
            .collect();
        let mut named: Vec<String> = i18n::FILES.iter().map(|f| (*f).to_owned()).collect();
        on_disk.sort();
        named.sort();
        assert_eq!(
            on_disk,
            named,
            "{}: the files src/i18n.rs names",
            lang.tag()
        );
    }
}

#[test]
fn every_catalogue_parses() {
    for lang in Lang::ALL {
        for (name, text) in files(lang) {
            if let Err((_, errors)) = FluentResource::try_new(text) {
                panic!("{}/{name}: {errors:?}", lang.tag());
            }
        }
    }
}

#[test]
fn every_catalogue_has_the_messages_english_has_and_no_other() {
    let english = files(Lang::EnUs);
    let all: usize = english.iter().map(|(_, t)| ids(t).len()).sum();
    assert!(all > 20, "{english:?}");
    for lang in Lang::ALL {
        let these = files(lang);
        let names = |f: &[(String, String)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&these), names(&english), "{}: its files", lang.tag());
        for ((name, source), (_, text)) in english.iter().zip(&these) {
            let (english, these) = (ids(source), ids(text));
            let missing: Vec<_> = english.difference(&these).collect();
            let extra: Vec<_> = these.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}/{name}: missing {missing:?}, not in English {extra:?}",
                lang.tag()
            );
        }
    }
}

#[test]
fn no_message_is_defined_twice() {
    for lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        for (name, text) in files(lang) {
            for id in ids(&text) {
                assert!(seen.insert(id.clone()), "{}/{name}: {id} again", lang.tag());
            }
        }
    }
}

/// The names of the arguments the English catalogue's messages take (`{ $name }`).
fn arguments(text: &str) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = text
        .split("{ $")
        .skip(1)
        .filter_map(|rest| rest.split([' ', '}']).next())
        .map(|n| &*Box::leak(n.to_owned().into_boxed_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[test]
fn each_language_says_every_message_itself() {
    let english = catalogue(Lang::EnUs);
    let args: Vec<(&'static str, FluentValue<'_>)> = arguments(&english)
        .into_iter()
        .map(|n| (n, FluentValue::from("x")))
        .collect();
    assert!(!args.is_empty());
    for lang in Lang::ALL {
        for id in ids(&english) {
            assert!(
                i18n::lookup_in(lang, &id, &args).is_some_and(|t| !t.is_empty()),
                "{} does not say {id}",
                lang.tag()
            );
        }
    }
}

#[test]
fn a_message_is_said_in_the_language_chosen_on_its_thread() {
    std::thread::spawn(|| {
        i18n::set_here(Some(Lang::PtPt));
        assert_eq!(i18n::tr("theme-dark"), "Escuro");
        assert_eq!(
            i18n::tr_args("language-default", &[("language", "English".into())]),
            "Predefinido (English)"
        );
        i18n::set_here(Some(Lang::Es));
        assert_eq!(i18n::tr("size"), "Tamaño");
        i18n::set_here(None);
        assert_eq!(i18n::tr("size"), "Size");
    })
    .join()
    .unwrap();
}

#[test]
fn lang_is_taken_before_or_after_a_subcommand_and_an_unknown_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "same\n").unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_socklab"))
            .args(args)
            .output()
            .unwrap()
    };
    let f = file.to_str().unwrap();
    assert_eq!(
        run(&["--lang", "pt-PT", "compare", f, f]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["compare", f, f, "--lang", "es"]).status.code(),
        Some(0)
    );
    let refused = run(&["--lang", "tlh", "compare", f, f]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("pt-BR"), "{said}");
}

/// The string literals of a Rust source, with their line numbers and the code just before each
/// (whitespace collapsed), leaving out comments, char literals and the `#[cfg(test)]` module at
/// the end of a file (test code speaks to developers).
fn literals(source: &str) -> Vec<(usize, String, String)> {
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let before = |i: usize| -> String {
        let text: String = chars[i.saturating_sub(80)..i].iter().collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a, 'static).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == 'r' && (at(i + 1) == '"' || (at(i + 1) == '#' && at(i + 2) != '[')) && {
            let before = if i == 0 { ' ' } else { chars[i - 1] };
            !(before.is_alphanumeric() || before == '_')
        } {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            let start_line = line;
            let context = before(i);
            let mut text = String::new();
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                text.push(chars[j]);
                j += 1;
            }
            out.push((start_line, text, context));
            i = j;
        } else if c == '"' {
            let start_line = line;
            let context = before(i);
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                text.push(chars[i]);
                i += 1;
            }
            i += 1;
            out.push((start_line, text, context));
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a literal reads as words for a person: after `{…}` placeholders, escapes, markup
/// (`<td class="x">`, `&amp;`) are taken out, a run of three letters or more, in a literal that is not a message id, a code or
/// a name for machines (lowercase with `-`, `_`, `.`, `/`, `:`).
fn reads_as_words(text: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            '\\' => {
                chars.next();
                plain.push(' ');
            }
            '<' if depth == 0 => {
                for c in chars.by_ref() {
                    if c == '>' {
                        break;
                    }
                }
                plain.push(' ');
            }
            '&' if depth == 0 => {
                let rest: String = chars.clone().take(8).collect();
                if let Some(end) = rest
                    .find(';')
                    .filter(|e| rest[..*e].chars().all(char::is_alphanumeric))
                {
                    for _ in 0..=end {
                        chars.next();
                    }
                }
                plain.push(' ');
            }
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let code_like = plain
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_./:#=&?+*<>()[], ".contains(c))
        && !plain.contains(' ');
    if code_like {
        return false;
    }
    let mut run = 0;
    for c in plain.chars() {
        if c.is_alphabetic() {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Whether the code before a literal makes it a name for the machine, not for people: an egui
/// id (`Id::new("…")`, `id_salt("…")`, `push_id("…")`), a thread's name, an environment
/// variable's name.
fn names_for_machines(context: &str) -> bool {
    const MARKS: [&str; 9] = [
        "Id::new(",
        "id_salt(",
        "push_id(",
        "from_id_salt(",
        "id_source(",
        ".name(",
        "var(",
        "var_os(",
        "start_either(&",
    ];
    let context = context.trim_end();
    let context = context
        .strip_suffix("format!(")
        .unwrap_or(context)
        .trim_end();
    let context = context.strip_suffix("&").unwrap_or(context);
    MARKS.iter().any(|m| context.ends_with(m))
}

/// Whether a literal is written as the window's names for egui's ids, threads and tasks are:
/// lowercase ASCII words, digits and code punctuation, no sentence (`.`, `!`, `?`, `;`). The
/// window's words for people all start with a capital or are whole sentences.
fn lowercase_name(text: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            '\\' => {
                chars.next();
            }
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain.chars().all(|c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || " -_()[],:{}/=#*+<>&'%".contains(c)
    })
}

/// Literals a person may read that are the same in every language: names, units, protocol
/// words, formats for machines. Each is allowed in the files named with it only; one ending in
/// `…` allows every literal that starts with it.
const NOT_WORDS: &[(&str, &str)] = &[
    // eframe's own words before the reason a window stopped, matched in its log records.
    ("src/gui/mod.rs", "Exiting because of error: "),
    // The programming languages' and tools' names, and their build commands.
    ("src/gui/check_panel.rs", "Python"),
    ("src/gui/check_panel.rs", "Java"),
    ("src/gui/check_panel.rs", "Node.js"),
    ("src/gui/check_panel.rs", "gcc -Wall -o {COMPILED} {{file}}"),
    ("src/gui/check_panel.rs", "g++ -Wall -o {COMPILED} {{file}}"),
    ("src/gui/check_panel.rs", "go build -o {COMPILED} {{file}}"),
    ("src/gui/run_slot.rs", "Wireshark.exe"),
    // A name typed into a student's program in an example: data, the same in every language.
    ("src/gui/check_panel.rs", "Ana"),
    // The default names the add exercise sends (data on the wire, kept with the settings).
    ("src/gui/exercises/add/settings.rs", "Server of {}"),
    ("src/gui/exercises/add/settings.rs", "Client of {}"),
    // The contents of the sample file the file server shares: data that is transferred.
    (
        "src/gui/exercises/file/settings.rs",
        "A file shared by socklab's file server: …",
    ),
    // The pane heights' saved keys (settings kept from before the window spoke other languages).
    ("src/gui/run_slot.rs", "Server"),
    ("src/gui/run_slot.rs", "Client"),
    // The command a GitHub Classroom test ran, as its `test_code`.
    ("src/check/report/classroom.rs", "socklab check {} {}"),
    // A unit.
    ("src/gui/exercises/file/mod.rs", "{} MiB/s"),
    // Names of algorithms and socket types.
    ("src/gui/exercises/file/mod.rs", "SHA-256"),
    ("src/gui/log_view.rs", "SHA-256 {sha}"),
    ("src/gui/traffic/mod.rs", "SOCK_STREAM"),
    ("src/gui/traffic/mod.rs", "SOCK_DGRAM"),
];

/// Every `.rs` file under `dir`, by path.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_words_for_people_are_left_in_the_window_or_the_report_writers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src/gui", "src/check/report"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 20, "{files:?}");
    let mut left = Vec::new();
    for path in &files {
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(path).unwrap();
        for (line, text, context) in literals(&source) {
            let allowed = NOT_WORDS.iter().any(|(file, lit)| {
                name.ends_with(file)
                    && (*lit == text
                        || lit
                            .strip_suffix('…')
                            .is_some_and(|start| text.starts_with(start)))
            });
            let gui_name = name.starts_with("src/gui/") && lowercase_name(&text);
            if reads_as_words(&text) && !allowed && !gui_name && !names_for_machines(&context) {
                left.push(format!("{name}:{line}: \"{text}\""));
            }
        }
    }
    assert!(
        left.is_empty(),
        "{} literals read as words (say them with t!, or add them to NOT_WORDS with a reason):\n{}",
        left.len(),
        left.join("\n")
    );
}

#[test]
fn the_literal_finder_finds_what_people_read_and_passes_over_codes_and_comments() {
    let source = r##"
// "in a comment"
/* "in /* a nested */ block" */
fn f<'a>(x: &'a str) -> char {
    let _ = t!("ex-start-server");
    let _ = format!("{}: {}", x, 'q');
    let _ = "Start server";
    let _ = r#"Say "hi""#;
    let _ = '"';
    let _ = "{count} rows";
    ui.push_id("check form", |ui| {});
    let _ = Builder::new().name(format!("check {}", x));
    let _ = "<td class=\"verdict\">&amp;</td>";
    'x'
}
#[cfg(test)]
mod tests {
    const T: &str = "test words";
}
"##;
    let found: Vec<(usize, String)> = literals(source)
        .into_iter()
        .filter(|(_, t, context)| reads_as_words(t) && !names_for_machines(context))
        .map(|(line, t, _)| (line, t))
        .collect();
    assert_eq!(
        found,
        vec![
            (7, "Start server".to_owned()),
            (8, "Say \"hi\"".to_owned()),
            (10, "{count} rows".to_owned())
        ]
    );
}
