//! The languages socklab speaks: one Project Fluent catalogue per language under
//! `assets/i18n/<locale>/`, built into the binary. English (en-US) is the source and the
//! fallback: a message missing from another catalogue is said in English.
//!
//! The process speaks the language `--lang` or the system names ([`set`]); a thread may speak
//! one of its own (the window's Language menu, [`set_here`]); [`current`] says which. Text is made from a message id and its arguments at
//! the edge ([`tr`], [`tr_args`], the [`t!`](crate::t) macro); nothing decides on the text.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// A message's argument (a number or a text), as [`t!`](crate::t) makes them.
pub use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

/// The catalogue files of every language (`assets/i18n/<tag>/<name>.ftl`), built into the
/// binary; `tests/i18n.rs` finds each file of the folders here.
pub const FILES: [&str; 9] = [
    "socklab",
    "exercises",
    "window",
    "check",
    "check-cases",
    "net",
    "cli",
    "errors",
    "protocol",
];

/// The text of `FILES` for one language folder, in that order.
macro_rules! catalogue_texts {
    ($tag:literal) => {
        [
            include_str!(concat!("../assets/i18n/", $tag, "/socklab.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/exercises.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/window.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/check.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/check-cases.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/net.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/cli.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/errors.ftl")),
            include_str!(concat!("../assets/i18n/", $tag, "/protocol.ftl")),
        ]
    };
}

/// One language's messages, parsed the first time that language is spoken: a process that
/// speaks English holds only English (the four catalogues took 4.2 MiB of memory together).
type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

static BUNDLES: [OnceLock<Bundle>; 4] = [const { OnceLock::new() }; 4];

/// The catalogue of `lang`, parsed on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    let i = lang.index();
    BUNDLES[i].get_or_init(|| {
        let texts = match lang {
            Lang::EnUs => catalogue_texts!("en-US"),
            Lang::PtPt => catalogue_texts!("pt-PT"),
            Lang::PtBr => catalogue_texts!("pt-BR"),
            Lang::Es => catalogue_texts!("es"),
        };
        let mut bundle = Bundle::new_concurrent(vec![lang.id().clone()]);
        // No Unicode isolation marks around arguments: they show as boxes in some fonts and
        // end up in terminals and report files.
        bundle.set_use_isolating(false);
        for text in texts {
            // The catalogue tests parse every file without an error; a message a broken
            // file loses is said in English.
            let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        bundle
    })
}

/// Message `id` of `lang`'s catalogue with `args`; None when the catalogue lacks it or
/// cannot say it with them.
fn format_in(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Message `id` in `lang`, else in English, else its id in a sentence that says so.
fn format_or_english(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    format_in(lang, id, args)
        .or_else(|| {
            (lang != Lang::EnUs)
                .then(|| format_in(Lang::EnUs, id, args))
                .flatten()
        })
        .unwrap_or_else(|| format!("Unknown localization key: {id:?}"))
}

/// A language socklab speaks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Lang {
    /// English (United States): the source of every message.
    #[default]
    #[value(name = "en-US", alias = "en")]
    EnUs,
    /// Portuguese of Portugal.
    #[value(name = "pt-PT", alias = "pt")]
    PtPt,
    /// Portuguese of Brazil.
    #[value(name = "pt-BR")]
    PtBr,
    /// Spanish.
    #[value(name = "es")]
    Es,
}

impl Lang {
    /// Every language, in the order the Language menu offers them.
    pub const ALL: [Self; 4] = [Self::EnUs, Self::PtPt, Self::PtBr, Self::Es];

    /// Its BCP 47 tag, as the catalogues' folders are named.
    pub fn tag(self) -> &'static str {
        match self {
            Self::EnUs => "en-US",
            Self::PtPt => "pt-PT",
            Self::PtBr => "pt-BR",
            Self::Es => "es",
        }
    }

    /// Its name in itself, as a menu offers it to someone who reads only that language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::EnUs => "English",
            Self::PtPt => "Português (Portugal)",
            Self::PtBr => "Português (Brasil)",
            Self::Es => "Español",
        }
    }

    /// The language a locale name means (`pt_PT.UTF-8`, `pt-BR`, `es_MX`, `en`), if socklab
    /// speaks it: Portuguese of Brazil for `pt_BR`, of Portugal for any other Portuguese,
    /// Spanish for any Spanish, English for any English.
    pub fn from_locale(name: &str) -> Option<Self> {
        let name = name
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .replace('_', "-");
        let mut parts = name.split('-');
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let region = parts.next().unwrap_or("").to_ascii_uppercase();
        match (language.as_str(), region.as_str()) {
            ("pt", "BR") => Some(Self::PtBr),
            ("pt", _) => Some(Self::PtPt),
            ("es", _) => Some(Self::Es),
            ("en", _) => Some(Self::EnUs),
            _ => None,
        }
    }

    /// The language of the system: `LC_ALL`, `LC_MESSAGES`, `LANG` (the first that is set and
    /// not `C`/`POSIX`), then the system's own setting (Windows, macOS); English when none is
    /// one socklab speaks.
    pub fn from_system() -> Self {
        let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty() && v != "C" && v != "POSIX");
        match from_env {
            Some(name) => Self::from_locale(&name).unwrap_or_default(),
            None => sys_locale::get_locale()
                .and_then(|l| Self::from_locale(&l))
                .unwrap_or_default(),
        }
    }

    /// Its identifier (the catalogue's plural rules and number forms).
    fn id(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<[LanguageIdentifier; 4]> = LazyLock::new(|| {
            // The four tags are valid BCP 47; the fallback is never taken.
            Lang::ALL.map(|l| l.tag().parse().unwrap_or_default())
        });
        &IDS[self.index()]
    }

    /// Its place in [`Lang::ALL`].
    fn index(self) -> usize {
        Lang::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

/// The process's language (an index in [`Lang::ALL`]).
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// The language of the thread that chose one (a window speaks its own, even beside other
    /// windows in one process, as the window tests run).
    static HERE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The process's language from now on (the command line's `--lang`, or the system's): spoken
/// on every thread that has not chosen one of its own.
pub fn set(lang: Lang) {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CURRENT.store(u8::try_from(i).unwrap_or(0), Ordering::Relaxed);
}

/// This thread's own language (a window's Language menu); None speaks the process's again.
pub fn set_here(lang: Option<Lang>) {
    HERE.with(|h| h.set(lang));
}

/// `f`, made to speak the language of the thread that calls this when another thread runs it:
/// `std::thread::spawn(i18n::inherit(move || ...))`. A server started from a window speaking
/// Portuguese writes its lines in Portuguese, whatever the process's language.
pub fn inherit<F, R>(f: F) -> impl FnOnce() -> R
where
    F: FnOnce() -> R,
{
    let here = HERE.with(Cell::get);
    move || {
        set_here(here);
        f()
    }
}

/// The process's language (the system's, or the one `--lang` named).
pub fn process() -> Lang {
    Lang::ALL
        .get(usize::from(CURRENT.load(Ordering::Relaxed)))
        .copied()
        .unwrap_or_default()
}

/// The language spoken now on this thread.
pub fn current() -> Lang {
    HERE.with(Cell::get).unwrap_or_else(process)
}

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    format_or_english(current(), id, None)
}

/// The message `id` in the current language, with its arguments (numbers choose the plural
/// form the language's rules give them).
pub fn tr_args(id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: FluentArgs<'_> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    format_or_english(current(), id, Some(&args))
}

/// The message `id` in `lang` with `args`, or None when that catalogue lacks it or cannot
/// say it with them (English is not asked).
pub fn lookup_in(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> Option<String> {
    let args: FluentArgs<'_> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    format_in(lang, id, Some(&args))
}

/// A message in the current language: `t!("theme")`, `t!("rows-shown", shown = 3, total = 10)`.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_of_the_systems_choose_the_language() {
        assert_eq!(Lang::from_locale("pt_PT.UTF-8"), Some(Lang::PtPt));
        assert_eq!(Lang::from_locale("pt_BR.UTF-8"), Some(Lang::PtBr));
        assert_eq!(Lang::from_locale("pt-br"), Some(Lang::PtBr));
        assert_eq!(Lang::from_locale("pt"), Some(Lang::PtPt));
        assert_eq!(Lang::from_locale("es_MX.utf8"), Some(Lang::Es));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::EnUs));
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn a_thread_started_with_inherit_speaks_the_language_of_its_starter() {
        std::thread::spawn(|| {
            set_here(Some(Lang::Es));
            let child = std::thread::spawn(inherit(|| (current(), tr("size"))));
            let plain = std::thread::spawn(current);
            assert_eq!(child.join().unwrap(), (Lang::Es, "Tamaño".to_owned()));
            assert_eq!(plain.join().unwrap(), process());
        })
        .join()
        .unwrap();
    }
}
