//! File transfer, as the handouts define it: the client sends a file name; the server answers
//! with the file's bytes, in 1024-byte blocks over TCP (then closes), or in 2048-byte datagrams
//! over UDP where the first datagram shorter than 2048 bytes (possibly empty) ends the file.
//!
//! This module holds the rules that need no socket: reading a requested name, confining it to
//! the shared folder, and the UDP end-of-file rule.

use std::io;
use std::path::{Component, Path, PathBuf};

/// Block size of the TCP lab protocol (how blocks are counted; writes may batch several).
pub const TCP_BLOCK_BYTES: usize = 1024;
/// Datagram payload of the UDP lab protocol; a shorter one ends the file.
pub const UDP_CHUNK_BYTES: usize = 2048;
/// Longest file name a server reads before giving up on a request.
pub const MAX_NAME_BYTES: usize = 4096;

/// How many blocks of `block` bytes carry `size` bytes (the last may be short).
pub fn block_count(size: u64, block: usize) -> u64 {
    size.div_ceil(block as u64)
}

/// How many datagrams the UDP protocol sends for `size` bytes: full chunks, then one short
/// (possibly empty) chunk that marks the end.
pub fn udp_datagram_count(size: u64) -> u64 {
    size / UDP_CHUNK_BYTES as u64 + 1
}

/// Reads a requested name: UTF-8, surrounding whitespace and a trailing newline removed.
pub fn parse_name(bytes: &[u8]) -> Result<String, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| crate::t!("proto-name-not-utf8"))?;
    let name = text.trim();
    if name.is_empty() {
        return Err(crate::t!("proto-name-empty"));
    }
    if name.contains('\0') {
        return Err(crate::t!("proto-name-nul"));
    }
    Ok(name.to_owned())
}

/// Why a request is refused.
#[derive(Debug)]
pub enum Refusal {
    /// The name tries to leave the shared folder (`..`, an absolute path, a drive).
    Outside(Escape),
    /// The file does not exist.
    Missing,
    /// The path exists but is not a regular file (a folder, a device).
    NotAFile,
    /// A symbolic link (or junction) leads outside the shared folder.
    LinkOutside,
    /// A hidden name (one of its parts starts with a dot: `.ssh/id_rsa`, `lab/.git/config`),
    /// or a link to one, and hidden files are not served.
    Hidden,
    /// Any other error reading it.
    Io(io::Error),
}

/// How a name tries to leave the shared folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// `/etc/passwd`, `C:\...`, `\\server\share`.
    Absolute,
    /// A `..` part.
    Parent,
}

/// Said in English, always: a TFTP server sends it to the client in its ERROR packet (the
/// bytes on the wire do not change with the language). A log line says [`Refusal::describe`].
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Outside(Escape::Absolute) => write!(f, "refused: an absolute path"),
            Self::Outside(Escape::Parent) => write!(f, "refused: a path with \"..\""),
            Self::Missing => write!(f, "no such file"),
            Self::NotAFile => write!(f, "refused: not a regular file"),
            Self::LinkOutside => write!(f, "refused: a link that leads outside the shared folder"),
            Self::Hidden => write!(
                f,
                "refused: a hidden name (a part starting with \".\"), not served unless hidden files are shared (--serve-hidden)"
            ),
            Self::Io(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

impl Refusal {
    /// Why the request is refused, in the current language, for a server's log.
    pub fn describe(&self) -> String {
        match self {
            Self::Outside(Escape::Absolute) => crate::t!("proto-refused-absolute"),
            Self::Outside(Escape::Parent) => crate::t!("proto-refused-parent"),
            Self::Missing => crate::t!("proto-refused-missing"),
            Self::NotAFile => crate::t!("proto-refused-not-a-file"),
            Self::LinkOutside => crate::t!("proto-refused-link-outside"),
            Self::Hidden => crate::t!("proto-refused-hidden"),
            Self::Io(e) => crate::t!("proto-refused-io", reason = crate::error::reason(e)),
        }
    }
}

/// Whether a relative name has a hidden part (one that starts with a dot, `.` alone aside).
pub fn is_hidden(relative: &Path) -> bool {
    relative.components().any(|c| match c {
        Component::Normal(part) => part.to_string_lossy().starts_with('.'),
        _ => false,
    })
}

/// Maps a requested name to a regular file inside `root`, refusing anything that would leave it
/// and, unless `serve_hidden`, any hidden name or a link that leads to one.
pub fn resolve_in_root(root: &Path, name: &str, serve_hidden: bool) -> Result<PathBuf, Refusal> {
    // Both separators count, whatever the server's system, so a Windows-style name is judged
    // the same everywhere.
    let normalised = name.replace('\\', "/");
    let relative = Path::new(&normalised);
    if normalised.starts_with('/') || relative.is_absolute() || normalised.contains(':') {
        return Err(Refusal::Outside(Escape::Absolute));
    }
    for component in relative.components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err(Refusal::Outside(Escape::Parent)),
            Component::RootDir | Component::Prefix(_) => {
                return Err(Refusal::Outside(Escape::Absolute));
            }
        }
    }
    if !serve_hidden && is_hidden(relative) {
        return Err(Refusal::Hidden);
    }
    let root = root.canonicalize().map_err(Refusal::Io)?;
    let candidate = root.join(relative);
    let real = match candidate.canonicalize() {
        Ok(real) => real,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Refusal::Missing),
        Err(e) => return Err(Refusal::Io(e)),
    };
    if !real.starts_with(&root) {
        return Err(Refusal::LinkOutside);
    }
    if !serve_hidden && real.strip_prefix(&root).is_ok_and(is_hidden) {
        return Err(Refusal::Hidden);
    }
    let meta = std::fs::metadata(&real).map_err(Refusal::Io)?;
    if !meta.is_file() {
        return Err(Refusal::NotAFile);
    }
    Ok(real)
}

/// Longest first read or datagram that is still taken for a header of a server's own protocol.
pub const HEADER_MAX_BYTES: usize = 64;

/// What the first bytes of a download look like, when they look like the header of a server's
/// own protocol rather than the start of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderLook {
    /// Digits alone (`700`): a size.
    Size,
    /// A short line of text (`File found!\n`).
    Text,
}

/// Whether `first` (a first read or datagram, on its own) looks like a header.
pub fn header_look(first: &[u8]) -> Option<HeaderLook> {
    let trimmed = first.trim_ascii();
    if trimmed.is_empty() || first.len() > HEADER_MAX_BYTES {
        return None;
    }
    if trimmed.iter().all(u8::is_ascii_digit) {
        return Some(HeaderLook::Size);
    }
    let printable = first
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || matches!(b, b'\r' | b'\n' | b'\t'));
    let words = trimmed.iter().any(u8::is_ascii_alphabetic);
    (printable && words && first.ends_with(b"\n")).then_some(HeaderLook::Text)
}

/// The warning a download carries when its first bytes look like a header.
pub fn header_warning(look: HeaderLook, first: &[u8], tcp: bool) -> String {
    let shown = crate::protocol::escape_bytes(first);
    let what = match look {
        HeaderLook::Size => crate::t!("proto-size-header"),
        HeaderLook::Text => crate::t!("proto-text-header"),
    };
    let count = first.len();
    let size = crate::protocol::thousands(count as u64);
    if tcp {
        crate::t!(
            "proto-header-tcp",
            count = count,
            size = size,
            shown = shown,
            what = what
        )
    } else {
        crate::t!(
            "proto-header-udp",
            count = count,
            size = size,
            shown = shown,
            what = what
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(parse_name(b"notes.txt\n").unwrap(), "notes.txt");
        assert_eq!(parse_name(b"  a b.txt\r\n").unwrap(), "a b.txt");
        assert!(parse_name(b"\n").is_err());
        assert!(parse_name(b"\xff").is_err());
    }

    #[test]
    fn counts_follow_the_lab_rules() {
        assert_eq!(block_count(0, 1024), 0);
        assert_eq!(block_count(1025, 1024), 2);
        assert_eq!(udp_datagram_count(0), 1);
        assert_eq!(udp_datagram_count(2047), 1);
        assert_eq!(udp_datagram_count(2048), 2);
        assert_eq!(udp_datagram_count(4097), 3);
    }

    #[test]
    fn only_regular_files_inside_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("shared");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.txt"), b"a").unwrap();
        std::fs::write(root.join("sub/b.txt"), b"b").unwrap();
        std::fs::write(dir.path().join("secret.txt"), b"s").unwrap();
        assert!(resolve_in_root(&root, "a.txt", false).is_ok());
        assert!(resolve_in_root(&root, "./sub/b.txt", false).is_ok());
        // A Windows client's separator, on every platform.
        assert!(resolve_in_root(&root, "sub\\b.txt", false).is_ok());
        assert!(matches!(
            resolve_in_root(&root, "../secret.txt", false),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            resolve_in_root(&root, "sub/../../secret.txt", false),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            resolve_in_root(&root, "/etc/passwd", false),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            resolve_in_root(&root, "C:\\Windows\\win.ini", false),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            resolve_in_root(&root, "..\\secret.txt", false),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(
            resolve_in_root(&root, "nope.txt", false),
            Err(Refusal::Missing)
        ));
        assert!(matches!(
            resolve_in_root(&root, "sub", false),
            Err(Refusal::NotAFile)
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt"))
                .unwrap();
            assert!(matches!(
                resolve_in_root(&root, "link.txt", false),
                Err(Refusal::LinkOutside)
            ));
            std::os::unix::fs::symlink(root.join("a.txt"), root.join("inside.txt")).unwrap();
            assert!(resolve_in_root(&root, "inside.txt", false).is_ok());
        }
    }

    #[test]
    fn hidden_names_are_refused_unless_shared() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join(".ssh")).unwrap();
        std::fs::create_dir_all(root.join("lab/.git")).unwrap();
        std::fs::write(root.join(".ssh/id_fake"), b"key").unwrap();
        std::fs::write(root.join("lab/.git/config"), b"cfg").unwrap();
        std::fs::write(root.join(".profile"), b"p").unwrap();
        std::fs::write(root.join("lab/notes.txt"), b"n").unwrap();
        for name in [
            ".ssh/id_fake",
            "./.ssh/id_fake",
            "lab/.git/config",
            "lab\\.git\\config",
            "lab/./.git/config",
            ".profile",
            ".\\.profile",
            "lab/.git/../notes.txt",
            "...",
        ] {
            let r = resolve_in_root(&root, name, false);
            assert!(
                matches!(r, Err(Refusal::Hidden) | Err(Refusal::Outside(_))),
                "{name:?} gave {r:?}"
            );
        }
        // ".." is refused as leaving the folder, whether or not hidden files are shared.
        assert!(matches!(
            resolve_in_root(&root, "lab/.git/../notes.txt", true),
            Err(Refusal::Outside(_))
        ));
        assert!(resolve_in_root(&root, "lab/notes.txt", false).is_ok());
        assert!(resolve_in_root(&root, "./lab/notes.txt", false).is_ok());
        assert!(resolve_in_root(&root, ".ssh/id_fake", true).is_ok());
        assert!(resolve_in_root(&root, "lab\\.git\\config", true).is_ok());
        #[cfg(unix)]
        {
            // A link with a plain name that leads to a hidden file is refused too.
            std::os::unix::fs::symlink(root.join(".ssh/id_fake"), root.join("key.txt")).unwrap();
            assert!(matches!(
                resolve_in_root(&root, "key.txt", false),
                Err(Refusal::Hidden)
            ));
            assert!(resolve_in_root(&root, "key.txt", true).is_ok());
        }
        // What the Shared files list shows is what is served.
        let listed: Vec<String> = crate::files::list_shared(&root, false)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert!(
            listed
                .iter()
                .all(|n| !n.contains("/.") && !n.starts_with('.')),
            "{listed:?}"
        );
        let all: Vec<String> = crate::files::list_shared(&root, true)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert!(all.contains(&".profile".to_owned()), "{all:?}");
    }

    #[test]
    fn headers_are_told_from_data() {
        assert_eq!(header_look(b"700"), Some(HeaderLook::Size));
        assert_eq!(header_look(b"2048\n"), Some(HeaderLook::Size));
        assert_eq!(header_look(b"File found!\n"), Some(HeaderLook::Text));
        assert_eq!(header_look(b"Lab-02 notes"), None, "no end of line: data");
        assert_eq!(header_look(b"\x89PNG\r\n"), None);
        assert_eq!(header_look(&[b'a'; 100]), None, "too long for a header");
        assert!(
            header_warning(HeaderLook::Size, b"700", false).starts_with(
                "the first datagram (3 bytes, `700`) looks like a size header: this server may use its own protocol"
            )
        );
    }

    #[test]
    fn a_refusal_goes_on_the_wire_in_english_and_into_the_log_in_the_language() {
        use crate::i18n::{Lang, set_here};
        let refusals = [
            Refusal::Outside(Escape::Absolute),
            Refusal::Outside(Escape::Parent),
            Refusal::Missing,
            Refusal::NotAFile,
            Refusal::LinkOutside,
            Refusal::Hidden,
        ];
        set_here(Some(Lang::EnUs));
        for r in &refusals {
            assert_eq!(r.describe(), r.to_string());
        }
        set_here(Some(Lang::PtPt));
        assert_eq!(Refusal::Missing.to_string(), "no such file");
        assert_eq!(Refusal::Missing.describe(), "ficheiro inexistente");
        assert_eq!(
            Refusal::Outside(Escape::Parent).describe(),
            "recusado: um caminho com \"..\""
        );
        set_here(None);
    }
}
