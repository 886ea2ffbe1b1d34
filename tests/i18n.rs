//! The message catalogues (assets/i18n/<locale>/socklab.ftl): every one parses, holds exactly
//! the messages English has, and says each of them in its own language.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_templates::fluent_bundle::{FluentResource, FluentValue};
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
