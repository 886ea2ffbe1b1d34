//! Pure codecs for the lab exercises: bytes in, messages out, no sockets.
//!
//! Each exercise has its own module; the helpers here show raw bytes to people.

pub mod add;
pub mod file;
pub mod text;

use std::fmt::Write as _;

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
