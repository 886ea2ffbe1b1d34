//! Pure codecs for the lab exercises: bytes in, messages out, no sockets.
//!
//! Each exercise has its own module; the helpers here show raw bytes to people.

pub mod add;
pub mod file;
pub mod pickle;
pub mod reply;
pub mod text;
pub mod tftp;

use std::fmt::Write as _;

/// A count with its noun, singular or plural: `1 reply`, `2 replies`, `1,024 datagrams`.
pub fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// A whole number with its thousands separated as the current language writes them:
/// `1,048,576` in English, `1 048 576` in Portuguese of Portugal, `1.048.576` in Portuguese of
/// Brazil and Spanish.
pub fn thousands(n: u64) -> String {
    let separator = match crate::i18n::current() {
        crate::i18n::Lang::EnUs => ',',
        crate::i18n::Lang::PtPt => ' ',
        crate::i18n::Lang::PtBr | crate::i18n::Lang::Es => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Shows bytes as text a person can read: printable ASCII as is, `\n`, `\r`, `\t`, `\\` and
/// `\"` escaped, valid UTF-8 letters kept, everything else as `\xNN`.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                c if c.is_control() => {
                    let mut buf = [0u8; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        let _ = write!(out, "\\x{b:02x}");
                    }
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// Shows bytes as space-separated hex pairs, e.g. `41 6e 61 2c 34 32`.
pub fn hex_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_right() {
        assert_eq!(counted(1, "reply", "replies"), "1 reply");
        assert_eq!(counted(2, "reply", "replies"), "2 replies");
        assert_eq!(counted(0, "byte", "bytes"), "0 bytes");
        assert_eq!(counted(1024, "datagram", "datagrams"), "1,024 datagrams");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }

    #[test]
    fn thousands_are_separated_as_each_language_writes_them() {
        use crate::i18n::{Lang, set_here};
        set_here(Some(Lang::PtPt));
        assert_eq!(thousands(1_048_576), "1 048 576");
        set_here(Some(Lang::PtBr));
        assert_eq!(thousands(1_048_576), "1.048.576");
        set_here(Some(Lang::Es));
        assert_eq!(thousands(65_507), "65.507");
        assert_eq!(thousands(999), "999");
        set_here(None);
    }

    #[test]
    fn escapes_control_and_invalid_bytes() {
        assert_eq!(escape_bytes(b"Ana,42\n"), "Ana,42\\n");
        assert_eq!(
            escape_bytes(b"\x00\x02\xffok\"\\"),
            "\\x00\\x02\\xffok\\\"\\\\"
        );
        assert_eq!(escape_bytes("Zoë".as_bytes()), "Zoë");
        assert_eq!(hex_bytes(b"A,\n"), "41 2c 0a");
    }
}
