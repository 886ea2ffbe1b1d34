//! The "add two numbers" request and reply: a name and an integer.
//!
//! The handouts fix no wire format, so students invent their own. This codec recognises the
//! shapes found in real lab solutions and can write each of them back, so that a server can
//! answer a client **in the shape the client sent** ("mirroring"):
//!
//! | shape | example bytes |
//! |---|---|
//! | text with a separator | `name,42` `name:42` `name;42` `name 42` `name: 42\n` `42,name` |
//! | name and number sent separately | `name` then `42` (two `send()`s or two datagrams) |
//! | JSON object | `{"name": "x", "number": 42}`, also keys `message`/`integer`, optional `\n` |
//! | C struct | `struct { char name[50]; int number; }`: 56 bytes, little-endian int at 52 |
//! | packed struct | Python `struct.pack("!50si", ...)`: 54 bytes, big-endian int at 50 |
//! | length-prefixed | 2-byte big-endian name length, the name, 4-byte big-endian int |
//! | Python pickle | `pickle.dumps((name, 42))`, a list or a dict, protocols 2–5 |
//! | no separator | `Zoe57`: one read, the number right after the name |
//!
//! Nothing here touches a socket: [`parse`] reads a byte buffer (with the boundaries of the reads
//! or datagrams it came in) and [`encode`] produces the messages to send.

use std::fmt;

use super::pickle::{self, PickleShape};

/// Words that label a sum in a reply or a JSON or pickle key (lower case; English and
/// Portuguese, as in the labs' own languages).
pub const SUM_LABELS: &[&str] = &["sum", "total", "soma", "suma", "result", "resultado"];

/// Largest request the add servers accept before giving up on a connection or datagram.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// Lowest number the lab rule accepts.
pub const NUMBER_MIN: i64 = 1;
/// Highest number the lab rule accepts.
pub const NUMBER_MAX: i64 = 100;

/// Size of the C struct layout `struct { char name[50]; int number; }` on common ABIs.
pub const C_STRUCT_BYTES: usize = 56;
/// Size of the packed network-order layout (`struct.pack("!50si", ...)`).
pub const PACKED_STRUCT_BYTES: usize = 54;
/// Bytes reserved for the name in both struct layouts.
pub const STRUCT_NAME_BYTES: usize = 50;

/// A random number for a server, 1..=100 as the handouts ask.
pub fn random_number() -> i64 {
    use rand::RngExt;
    rand::rng().random_range(NUMBER_MIN..=NUMBER_MAX)
}

/// Whether `number` obeys the lab rule (an integer between 1 and 100).
pub fn in_range(number: i64) -> bool {
    (NUMBER_MIN..=NUMBER_MAX).contains(&number)
}

/// A shape of message on the wire. Servers learn it from a request and reply in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireFormat {
    /// `name<sep>number<term>`, or `number<sep>name<term>` when `number_first`.
    Text {
        separator: String,
        terminator: String,
        number_first: bool,
    },
    /// The name and the number as two messages, each followed by `terminator`.
    Split { terminator: String },
    /// A JSON object with one string field (the name) and one integer field (the number).
    Json {
        name_key: String,
        number_key: String,
        number_first: bool,
        number_as_string: bool,
        spaced: bool,
        terminator: String,
    },
    /// `struct { char name[50]; int number; }`: NUL-padded name, 2 padding bytes, i32 LE.
    CStruct,
    /// `struct.pack("!50si")`: NUL-padded name, i32 big-endian, no padding.
    PackedStruct,
    /// u16 BE name length, name bytes, i32 BE number.
    LengthPrefixed,
    /// A Python pickle of a tuple, list or dict holding the name and the number.
    Pickle(PickleShape),
    /// A user template where `{name}` and `{number}` are replaced (client side only).
    Template(String),
}

impl WireFormat {
    /// `name,42` with no terminator, the most common student format.
    pub fn comma() -> Self {
        Self::text(",", "")
    }

    /// A text format with the given separator and terminator, name first.
    pub fn text(separator: &str, terminator: &str) -> Self {
        Self::Text {
            separator: separator.to_owned(),
            terminator: terminator.to_owned(),
            number_first: false,
        }
    }

    /// `{"name": "...", "number": 42}` followed by `terminator`.
    pub fn json(terminator: &str) -> Self {
        Self::Json {
            name_key: "name".into(),
            number_key: "number".into(),
            number_first: false,
            number_as_string: false,
            spaced: true,
            terminator: terminator.to_owned(),
        }
    }

    /// Parses a format name as the CLI and the window offer it.
    ///
    /// Anything containing `{name}` or `{number}` is a template, where `\n`, `\r`, `\t` and `\\`
    /// are escapes.
    pub fn from_name(name: &str) -> Result<Self, String> {
        Ok(match name {
            "comma" => Self::comma(),
            "colon" => Self::text(":", ""),
            "semicolon" => Self::text(";", ""),
            "space" => Self::text(" ", ""),
            "line" => Self::text(",", "\n"),
            "json" => Self::json(""),
            "json-line" => Self::json("\n"),
            "split" => Self::Split {
                terminator: String::new(),
            },
            "c-struct" => Self::CStruct,
            "packed-struct" => Self::PackedStruct,
            "length-prefixed" => Self::LengthPrefixed,
            "pickle" => Self::Pickle(PickleShape::Tuple {
                number_first: false,
            }),
            t if t.contains("{name}") || t.contains("{number}") => {
                if !(t.contains("{name}") && t.contains("{number}")) {
                    return Err(crate::t!("proto-template-needs-both"));
                }
                Self::Template(unescape(t))
            }
            other => {
                return Err(crate::t!(
                    "proto-unknown-format",
                    format = format!("{other:?}"),
                    names = FORMAT_NAMES.join(", ")
                ));
            }
        })
    }

    /// Characters that would break a peer's parser if they appeared inside a name.
    pub fn forbidden_in_name(&self) -> Vec<char> {
        match self {
            Self::Text {
                separator,
                terminator,
                ..
            } => separator.chars().chain(terminator.chars()).collect(),
            Self::Split { terminator } => terminator.chars().chain(['\n']).collect(),
            Self::Json { terminator, .. } => terminator.chars().collect(),
            Self::Template(t) => t
                .replace("{name}", "")
                .replace("{number}", "")
                .chars()
                .collect(),
            Self::CStruct | Self::PackedStruct | Self::LengthPrefixed => vec!['\0'],
            Self::Pickle(_) => Vec::new(),
        }
    }
}

/// The format names the CLI and the window offer (besides templates).
pub const FORMAT_NAMES: &[&str] = &[
    "comma",
    "colon",
    "semicolon",
    "space",
    "line",
    "json",
    "json-line",
    "split",
    "c-struct",
    "packed-struct",
    "length-prefixed",
    "pickle",
];

impl fmt::Display for WireFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text {
                separator,
                terminator,
                number_first,
            } => {
                let (a, b) = if *number_first {
                    ("number", "name")
                } else {
                    ("name", "number")
                };
                write!(
                    f,
                    "text \"{a}{}{b}{}\"",
                    escape_str(separator),
                    escape_str(terminator)
                )
            }
            Self::Split { terminator } => write!(
                f,
                "name and number sent separately (terminator \"{}\")",
                escape_str(terminator)
            ),
            Self::Json {
                name_key,
                number_key,
                terminator,
                ..
            } => write!(
                f,
                "JSON {{\"{name_key}\", \"{number_key}\"}}{}",
                if terminator.is_empty() {
                    String::new()
                } else {
                    format!(" + \"{}\"", escape_str(terminator))
                }
            ),
            Self::CStruct => write!(f, "C struct (56 bytes, little-endian int)"),
            Self::PackedStruct => write!(f, "packed struct \"!50si\" (54 bytes, big-endian int)"),
            Self::LengthPrefixed => write!(f, "length-prefixed (u16 length, name, i32 big-endian)"),
            Self::Pickle(shape) => write!(f, "Python pickle of a {shape}"),
            Self::Template(t) => write!(f, "template \"{}\"", escape_str(t)),
        }
    }
}

/// A name and a number, as decoded from either direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The name, with invalid UTF-8 replaced by U+FFFD.
    pub name: String,
    /// The number; values that do not fit an i64 saturate (they are out of range either way).
    pub number: i64,
    /// The shape it arrived in.
    pub format: WireFormat,
    /// A sum the sender included beside its number (a reply's third field, a `sum` key).
    pub sum: Option<i64>,
}

/// What [`parse`] found in a buffer.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// A whole message occupying the first `consumed` bytes.
    ///
    /// `settled` is false when more bytes could still extend it (text with no terminator): a
    /// stream reader should wait a short while before acting on it.
    Complete {
        message: Message,
        consumed: usize,
        settled: bool,
    },
    /// Nothing wrong so far, but more bytes are needed.
    Incomplete,
    /// These bytes match no known shape.
    Invalid(String),
}

/// Reads the first message in `buf`.
///
/// `chunk_ends` are the offsets at which the reads (or datagrams) that filled `buf` ended, in
/// increasing order; they tell a name and a number sent separately from a single `name 42`.
/// Pass `&[]` when unknown.
pub fn parse(buf: &[u8], chunk_ends: &[usize]) -> Parsed {
    let start = buf
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(buf.len());
    if start == buf.len() {
        return Parsed::Incomplete;
    }
    let body = &buf[start..];
    let parsed = match body[0] {
        b'{' => parse_json(body),
        0x80 if pickle::looks_like_pickle(body) => parse_pickle(body),
        0 => parse_length_prefixed(body),
        _ if body[..body.len().min(STRUCT_NAME_BYTES)].contains(&0) => parse_struct(body),
        // Not text, not one of the binary layouts: say so at once rather than wait for more.
        _ if !starts_utf8(body) => Parsed::Invalid(unknown_binary(body)),
        _ => {
            let ends: Vec<usize> = chunk_ends
                .iter()
                .filter(|&&e| e > start)
                .map(|e| e - start)
                .collect();
            parse_text(body, &ends)
        }
    };
    match parsed {
        Parsed::Complete {
            message,
            consumed,
            settled,
        } => Parsed::Complete {
            message,
            consumed: consumed + start,
            settled,
        },
        other => other,
    }
}

/// Whether `body` starts with a whole or a cut UTF-8 character (a name in another alphabet).
fn starts_utf8(body: &[u8]) -> bool {
    match std::str::from_utf8(&body[..body.len().min(4)]) {
        Ok(_) => true,
        Err(e) => e.valid_up_to() > 0 || e.error_len().is_none(),
    }
}

/// What the server's log says of bytes it cannot read: their size and first bytes.
pub fn unknown_binary(body: &[u8]) -> String {
    crate::t!("proto-unknown-binary", bytes = binary_start(body))
}

/// The size and first bytes of `body`: `3 bytes, starts with `80 04 95``.
fn binary_start(body: &[u8]) -> String {
    let first: Vec<String> = body.iter().take(3).map(|b| format!("{b:02x}")).collect();
    crate::t!(
        "proto-binary-start",
        count = body.len(),
        first = first.join(" ")
    )
}

fn parse_pickle(body: &[u8]) -> Parsed {
    match pickle::decode(body) {
        pickle::Decoded::Complete {
            name,
            number,
            sum,
            shape,
            consumed,
        } => Parsed::Complete {
            message: Message {
                name,
                number,
                format: WireFormat::Pickle(shape),
                sum,
            },
            consumed,
            settled: true,
        },
        pickle::Decoded::Incomplete => Parsed::Incomplete,
        pickle::Decoded::Invalid(why) => Parsed::Invalid(format!("{why}; {}", binary_start(body))),
    }
}

fn parse_json(body: &[u8]) -> Parsed {
    let mut stream = serde_json::Deserializer::from_slice(body).into_iter::<serde_json::Value>();
    let value = match stream.next() {
        None => return Parsed::Incomplete,
        Some(Err(e)) if e.is_eof() => return Parsed::Incomplete,
        Some(Err(e)) => {
            return Parsed::Invalid(crate::t!("proto-not-json", reason = e.to_string()));
        }
        Some(Ok(v)) => v,
    };
    let end = stream.byte_offset();
    let serde_json::Value::Object(map) = value else {
        return Parsed::Invalid(crate::t!("proto-json-not-object"));
    };
    // The number: the first JSON number, else the first string holding only an integer.
    let fields: Vec<(usize, &String, &serde_json::Value)> = map
        .iter()
        .enumerate()
        .map(|(i, (k, v))| (i, k, v))
        .collect();
    let as_number = |v: &serde_json::Value| match v {
        serde_json::Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(saturate_f64)),
        _ => None,
    };
    let as_int_string = |v: &serde_json::Value| v.as_str().and_then(|s| parse_int(s.trim()));
    // A key such as "sum" holds a reported sum, not the number.
    let is_sum = |k: &str| SUM_LABELS.contains(&k.to_lowercase().as_str());
    let number = fields
        .iter()
        .filter(|&&(_, k, _)| !is_sum(k))
        .find_map(|&(i, k, v)| as_number(v).map(|n| (i, k, n, false)))
        .or_else(|| {
            fields
                .iter()
                .filter(|&&(_, k, _)| !is_sum(k))
                .find_map(|&(i, k, v)| as_int_string(v).map(|n| (i, k, n, true)))
        });
    let sum = fields
        .iter()
        .filter(|&&(_, k, _)| is_sum(k))
        .find_map(|&(_, _, v)| as_number(v).or_else(|| as_int_string(v)));
    // The name: the first other string field.
    let name = fields.iter().find_map(|&(i, k, v)| match v {
        serde_json::Value::String(s) if number.is_none_or(|(_, nk, _, _)| nk != k) => {
            Some((i, k, s))
        }
        _ => None,
    });
    let (
        Some((name_index, name_key, name)),
        Some((number_index, number_key, number, number_as_string)),
    ) = (name, number)
    else {
        return Parsed::Invalid(crate::t!("proto-json-without-fields"));
    };
    let (name_key, number_key, name) = (name_key.clone(), number_key.clone(), name.clone());
    let spaced = body[..end].windows(2).any(|w| w == b": ");
    let (terminator, consumed) = take_terminator(body, end);
    // Nothing after the object yet: a newline may still come, and the reply should mirror it.
    let settled = !terminator.is_empty() || consumed < body.len();
    Parsed::Complete {
        message: Message {
            sum,
            name,
            number,
            format: WireFormat::Json {
                name_key,
                number_key,
                number_first: number_index < name_index,
                number_as_string,
                spaced,
                terminator,
            },
        },
        consumed,
        settled,
    }
}

/// After a self-delimiting message ending at `end`, takes a following `\n` or `\r\n`.
fn take_terminator(body: &[u8], end: usize) -> (String, usize) {
    let rest = &body[end..];
    if rest.starts_with(b"\r\n") {
        ("\r\n".into(), end + 2)
    } else if rest.starts_with(b"\n") {
        ("\n".into(), end + 1)
    } else {
        (String::new(), end)
    }
}

fn parse_length_prefixed(body: &[u8]) -> Parsed {
    if body.len() < 2 {
        return Parsed::Incomplete;
    }
    let name_len = usize::from(u16::from_be_bytes([body[0], body[1]]));
    let total = 2 + name_len + 4;
    if name_len == 0 {
        return Parsed::Invalid(crate::t!("proto-zero-length-name"));
    }
    if body.len() < total {
        return Parsed::Incomplete;
    }
    let name_bytes = &body[2..2 + name_len];
    if name_bytes.contains(&0) {
        return Parsed::Invalid(crate::t!("proto-name-with-nul"));
    }
    let number = i32::from_be_bytes([
        body[2 + name_len],
        body[3 + name_len],
        body[4 + name_len],
        body[5 + name_len],
    ]);
    Parsed::Complete {
        message: Message {
            sum: None,
            name: String::from_utf8_lossy(name_bytes).into_owned(),
            number: i64::from(number),
            format: WireFormat::LengthPrefixed,
        },
        consumed: total,
        settled: true,
    }
}

fn parse_struct(body: &[u8]) -> Parsed {
    // A struct's name is text up to its NUL padding; anything else is not one of these layouts.
    let name_end = body
        .iter()
        .take(STRUCT_NAME_BYTES)
        .position(|&b| b == 0)
        .unwrap_or(STRUCT_NAME_BYTES);
    if body[..name_end].iter().any(|&b| b < 0x20) || std::str::from_utf8(&body[..name_end]).is_err()
    {
        return Parsed::Invalid(unknown_binary(body));
    }
    if body.len() < PACKED_STRUCT_BYTES {
        return Parsed::Incomplete;
    }
    let name_field = &body[..STRUCT_NAME_BYTES];
    let name = String::from_utf8_lossy(&name_field[..name_end]).into_owned();
    let packed = i32::from_be_bytes([body[50], body[51], body[52], body[53]]);
    if body.len() < C_STRUCT_BYTES {
        // 54 bytes is a whole packed struct, or the start of a 56-byte C struct.
        return Parsed::Complete {
            message: Message {
                sum: None,
                name,
                number: i64::from(packed),
                format: WireFormat::PackedStruct,
            },
            consumed: PACKED_STRUCT_BYTES,
            settled: false,
        };
    }
    // 56 bytes or more: the C layout, as C and Python `struct.pack("50si")` clients send it.
    let native = i32::from_le_bytes([body[52], body[53], body[54], body[55]]);
    Parsed::Complete {
        message: Message {
            sum: None,
            name,
            number: i64::from(native),
            format: WireFormat::CStruct,
        },
        consumed: C_STRUCT_BYTES,
        settled: true,
    }
}

const SEPARATORS: &[u8] = b",:; \t\r\n|";

fn parse_text(body: &[u8], chunk_ends: &[usize]) -> Parsed {
    // One request per line when lines are used; otherwise the whole buffer.
    let (line_end, terminator, consumed, settled) = match body.iter().position(|&b| b == b'\n') {
        Some(nl) => {
            // A name and a number sent as two lines: "name\n42\n".
            if let Some(split) = two_line_split(body, nl) {
                return split;
            }
            let end = if nl > 0 && body[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            (
                end,
                String::from_utf8_lossy(&body[end..=nl]).into_owned(),
                nl + 1,
                true,
            )
        }
        None => (body.len(), String::new(), body.len(), false),
    };
    let line = &body[..line_end];
    if line.iter().any(|&b| b < 0x20 && b != b'\t') {
        return Parsed::Invalid(unknown_binary(body));
    }
    if line.len() > MAX_REQUEST_BYTES {
        return Parsed::Invalid(crate::t!(
            "proto-too-long-without-number",
            max = MAX_REQUEST_BYTES.to_string()
        ));
    }
    // A number alone in its own read, after a name in an earlier read: sent separately.
    if let Some(split) = chunk_split(line, chunk_ends, &terminator, consumed, settled) {
        return split;
    }
    let (digits_start, number) = match trailing_int(line) {
        Some(found) => found,
        None => {
            if let Some(message) = number_first(line, &terminator) {
                return Parsed::Complete {
                    message,
                    consumed,
                    settled,
                };
            }
            return if settled {
                Parsed::Invalid(crate::t!("proto-line-without-number"))
            } else {
                // Perhaps a name whose number comes in the next read or datagram.
                Parsed::Incomplete
            };
        }
    };
    let before = &line[..digits_start];
    let name_end = before
        .iter()
        .rposition(|b| !SEPARATORS.contains(b))
        .map_or(0, |p| p + 1);
    let name = String::from_utf8_lossy(&before[..name_end]).into_owned();
    let separator = String::from_utf8_lossy(&before[name_end..]).into_owned();
    if name.is_empty() {
        return if settled {
            Parsed::Invalid(crate::t!("proto-number-without-name"))
        } else {
            Parsed::Incomplete
        };
    }
    // No separator at all (`Zoe57`), in one read: answered the same way, in one send.
    let format = WireFormat::Text {
        separator,
        terminator,
        number_first: false,
    };
    Parsed::Complete {
        message: Message {
            sum: None,
            name,
            number,
            format,
        },
        consumed,
        settled,
    }
}

/// `name\n42\n`: the name line has no number of its own and the next line is only a number.
fn two_line_split(body: &[u8], first_nl: usize) -> Option<Parsed> {
    let first = trim_cr(&body[..first_nl]);
    if first.is_empty() || trailing_int(first).is_some() {
        return None;
    }
    let rest = &body[first_nl + 1..];
    let second_nl = rest.iter().position(|&b| b == b'\n')?;
    let second = trim_cr(&rest[..second_nl]);
    let number = parse_int(std::str::from_utf8(second).ok()?.trim())?;
    let terminator = if first.len() < first_nl { "\r\n" } else { "\n" };
    Some(Parsed::Complete {
        message: Message {
            sum: None,
            name: String::from_utf8_lossy(first).into_owned(),
            number,
            format: WireFormat::Split {
                terminator: terminator.into(),
            },
        },
        consumed: first_nl + 1 + second_nl + 1,
        settled: true,
    })
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn chunk_split(
    line: &[u8],
    chunk_ends: &[usize],
    terminator: &str,
    consumed: usize,
    settled: bool,
) -> Option<Parsed> {
    // The last read boundary strictly inside the line separates name and number.
    let boundary = *chunk_ends
        .iter()
        .rev()
        .find(|&&e| e > 0 && e < line.len())?;
    let (name, number) = line.split_at(boundary);
    let number = parse_int(std::str::from_utf8(number).ok()?.trim())?;
    let name = String::from_utf8_lossy(name).trim_end().to_owned();
    if name.is_empty() || SEPARATORS.contains(line.get(boundary.checked_sub(1)?)?) {
        return None;
    }
    Some(Parsed::Complete {
        message: Message {
            sum: None,
            name,
            number,
            format: WireFormat::Split {
                terminator: terminator.into(),
            },
        },
        consumed,
        settled,
    })
}

/// `42,name`: a number, a separator, then a name.
fn number_first(line: &[u8], terminator: &str) -> Option<Message> {
    let text = std::str::from_utf8(line).ok()?;
    let digits = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+'))))
        .map(|(i, _)| i)?;
    let number = parse_int(&text[..digits])?;
    let rest = &text[digits..];
    let name_start = rest.find(|c: char| !SEPARATORS.contains(&(c as u8)) || !c.is_ascii())?;
    if name_start == 0 {
        return None;
    }
    Some(Message {
        sum: None,
        name: rest[name_start..].to_owned(),
        number,
        format: WireFormat::Text {
            separator: rest[..name_start].to_owned(),
            terminator: terminator.to_owned(),
            number_first: true,
        },
    })
}

/// Finds an integer at the end of `line`: returns where its digits (or sign) start, and its value.
fn trailing_int(line: &[u8]) -> Option<(usize, i64)> {
    let digits_start = line
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |p| p + 1);
    if digits_start == line.len() {
        return None;
    }
    let start = match digits_start.checked_sub(1).map(|i| line[i]) {
        Some(b'-' | b'+') if digits_start == 1 || SEPARATORS.contains(&line[digits_start - 2]) => {
            digits_start - 1
        }
        _ => digits_start,
    };
    let text = std::str::from_utf8(&line[start..]).ok()?;
    Some((start, parse_int(text)?))
}

/// Parses a decimal integer; values beyond i64 saturate, since they are out of range anyway.
fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.parse::<i64>().unwrap_or(if text.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

fn saturate_f64(v: f64) -> i64 {
    // `as` saturates at the i64 bounds; a fractional number is not an integer the lab accepts.
    if v.fract() == 0.0 { v as i64 } else { i64::MIN }
}

/// Encodes a message in `format`, as one or more messages to send in order.
///
/// Split formats give two messages; all others one. Numbers that do not fit the binary layouts
/// saturate to the i32 range.
pub fn encode(format: &WireFormat, name: &str, number: i64) -> Vec<Vec<u8>> {
    match format {
        WireFormat::Text {
            separator,
            terminator,
            number_first,
        } => {
            // `Zoe57` has no separator; a name that ends in a digit gets a space, or its digit
            // would join the number.
            let separator = if separator.is_empty() && name.ends_with(|c: char| c.is_ascii_digit())
            {
                " "
            } else {
                separator.as_str()
            };
            let text = if *number_first {
                format!("{number}{separator}{name}{terminator}")
            } else {
                format!("{name}{separator}{number}{terminator}")
            };
            vec![text.into_bytes()]
        }
        WireFormat::Split { terminator } => vec![
            format!("{name}{terminator}").into_bytes(),
            format!("{number}{terminator}").into_bytes(),
        ],
        WireFormat::Json {
            name_key,
            number_key,
            number_first,
            number_as_string,
            spaced,
            terminator,
        } => {
            let number_value = if *number_as_string {
                serde_json::Value::String(number.to_string())
            } else {
                serde_json::Value::from(number)
            };
            let name_value = serde_json::Value::String(name.to_owned());
            let key = |k: &str| serde_json::Value::String(k.to_owned()).to_string();
            let colon = if *spaced { ": " } else { ":" };
            let comma = if *spaced { ", " } else { "," };
            let name_field = format!("{}{colon}{name_value}", key(name_key));
            let number_field = format!("{}{colon}{number_value}", key(number_key));
            let (a, b) = if *number_first {
                (number_field, name_field)
            } else {
                (name_field, number_field)
            };
            vec![format!("{{{a}{comma}{b}}}{terminator}").into_bytes()]
        }
        WireFormat::CStruct => {
            let mut out = struct_name(name, C_STRUCT_BYTES);
            out[52..56].copy_from_slice(&saturate_i32(number).to_le_bytes());
            vec![out]
        }
        WireFormat::PackedStruct => {
            let mut out = struct_name(name, PACKED_STRUCT_BYTES);
            out[50..54].copy_from_slice(&saturate_i32(number).to_be_bytes());
            vec![out]
        }
        WireFormat::LengthPrefixed => {
            let name = truncate_utf8(name, usize::from(u16::MAX));
            let mut out = Vec::with_capacity(name.len() + 6);
            let len = u16::try_from(name.len()).unwrap_or(u16::MAX);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&saturate_i32(number).to_be_bytes());
            vec![out]
        }
        WireFormat::Pickle(shape) => vec![pickle::encode(shape, name, number)],
        WireFormat::Template(t) => vec![
            t.replace("{name}", name)
                .replace("{number}", &number.to_string())
                .into_bytes(),
        ],
    }
}

/// The request for `format` cut where a student's client that sends field by field would cut
/// it: between the length, the name and the number of a binary layout; in the middle of a text
/// one (a text server must read until its request is whole).
pub fn encode_in_pieces(format: &WireFormat, name: &str, number: i64) -> Vec<Vec<u8>> {
    let whole = encode(format, name, number).concat();
    let cuts: Vec<usize> = match format {
        WireFormat::LengthPrefixed => vec![2, whole.len().saturating_sub(4)],
        WireFormat::CStruct | WireFormat::PackedStruct => vec![STRUCT_NAME_BYTES],
        _ => vec![whole.len() / 2],
    };
    let mut pieces = Vec::new();
    let mut at = 0;
    for cut in cuts.into_iter().filter(|c| *c > 0 && *c < whole.len()) {
        if cut > at {
            pieces.push(whole[at..cut].to_vec());
            at = cut;
        }
    }
    pieces.push(whole[at..].to_vec());
    pieces
}

fn struct_name(name: &str, size: usize) -> Vec<u8> {
    let mut out = vec![0u8; size];
    // Keep a terminating NUL, as C code expects.
    let name = truncate_utf8(name, STRUCT_NAME_BYTES - 1);
    out[..name.len()].copy_from_slice(name.as_bytes());
    out
}

fn truncate_utf8(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn saturate_i32(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}

/// Replaces the escapes `\n`, `\r`, `\t` and `\\` written in a template.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn escape_str(s: &str) -> String {
    crate::protocol::escape_bytes(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(buf: &[u8], ends: &[usize]) -> (Message, usize, bool) {
        match parse(buf, ends) {
            Parsed::Complete {
                message,
                consumed,
                settled,
            } => (message, consumed, settled),
            other => panic!("{:?} gave {other:?}", String::from_utf8_lossy(buf)),
        }
    }

    #[test]
    fn text_separators_are_detected_and_mirrored() {
        for (input, name, number) in [
            (&b"Client of Ana,42"[..], "Client of Ana", 42),
            (b"Client of Ana:42", "Client of Ana", 42),
            (b"Client of Ana;7", "Client of Ana", 7),
            (b"Client of Ana 100", "Client of Ana", 100),
            (b"Client of Ana: 42\n", "Client of Ana", 42),
            (b"Ana, -5\r\n", "Ana", -5),
        ] {
            let (m, consumed, _) = complete(input, &[input.len()]);
            assert_eq!((m.name.as_str(), m.number), (name, number));
            assert_eq!(consumed, input.len());
            let reply = encode(&m.format, "Server", 9);
            let expected = String::from_utf8_lossy(input)
                .replace(name, "Server")
                .replace(&number.to_string(), "9");
            assert_eq!(reply, vec![expected.into_bytes()], "{}", m.format);
        }
    }

    #[test]
    fn text_without_terminator_is_not_settled() {
        let (_, _, settled) = complete(b"Ana,42", &[6]);
        assert!(!settled);
        let (_, _, settled) = complete(b"Ana,42\n", &[7]);
        assert!(settled);
    }

    #[test]
    fn number_first_text() {
        let (m, _, _) = complete(b"42,Ana", &[]);
        assert_eq!((m.name.as_str(), m.number), ("Ana", 42));
        assert_eq!(encode(&m.format, "S", 3), vec![b"3,S".to_vec()]);
    }

    #[test]
    fn lines_are_one_request_each() {
        let buf = b"a,1\nb,2\n";
        let (m, consumed, _) = complete(buf, &[]);
        assert_eq!((m.name.as_str(), m.number, consumed), ("a", 1, 4));
        let (m, _, _) = complete(&buf[consumed..], &[]);
        assert_eq!((m.name.as_str(), m.number), ("b", 2));
    }

    #[test]
    fn split_reads_and_lines() {
        assert_eq!(parse(b"Ana", &[3]), Parsed::Incomplete);
        let (m, _, _) = complete(b"Client 742", &[8, 10]);
        assert_eq!((m.name.as_str(), m.number), ("Client 7", 42));
        assert_eq!(
            m.format,
            WireFormat::Split {
                terminator: String::new()
            }
        );
        // No separator, in one read: answered in one send, the same way.
        let (m, _, _) = complete(b"Ana42", &[]);
        assert_eq!((m.name.as_str(), m.number), ("Ana", 42));
        assert_eq!(encode(&m.format, "S", 5), vec![b"S5".to_vec()]);
        assert_eq!(
            encode(&m.format, "Server 2", 5),
            vec![b"Server 2 5".to_vec()],
            "a name ending in a digit keeps its digit apart"
        );
        let (m, consumed, _) = complete(b"Ana\n42\n", &[]);
        assert_eq!((m.name.as_str(), m.number, consumed), ("Ana", 42, 7));
        assert_eq!(
            encode(&m.format, "S", 5),
            vec![b"S\n".to_vec(), b"5\n".to_vec()]
        );
    }

    #[test]
    fn json_keys_and_terminator_are_mirrored() {
        let (m, _, _) = complete(br#"{"message": "Ana", "integer": 42}"#, &[]);
        assert_eq!((m.name.as_str(), m.number), ("Ana", 42));
        assert_eq!(
            encode(&m.format, "S", 5),
            vec![br#"{"message": "S", "integer": 5}"#.to_vec()]
        );
        let (m, consumed, _) = complete(b"{\"number\":\"7\",\"name\":\"Ana\"}\nrest", &[]);
        assert_eq!((m.name.as_str(), m.number, consumed), ("Ana", 7, 28));
        assert_eq!(
            encode(&m.format, "S", 5),
            vec![b"{\"number\":\"5\",\"name\":\"S\"}\n".to_vec()]
        );
        assert_eq!(parse(br#"{"name": "An"#, &[]), Parsed::Incomplete);
        assert!(matches!(parse(br#"{"a": true}"#, &[]), Parsed::Invalid(_)));
    }

    #[test]
    fn binary_layouts_round_trip() {
        for format in [
            WireFormat::CStruct,
            WireFormat::PackedStruct,
            WireFormat::LengthPrefixed,
        ] {
            let wire = encode(&format, "Client of Ana", 42).concat();
            let (m, consumed, _) = complete(&wire, &[]);
            assert_eq!(m.format, format);
            assert_eq!(
                (m.name.as_str(), m.number, consumed),
                ("Client of Ana", 42, wire.len())
            );
        }
        let c = encode(&WireFormat::CStruct, "Ana", 42).concat();
        assert_eq!(c.len(), 56);
        assert_eq!(&c[52..], &42i32.to_le_bytes());
        assert_eq!(parse(&c[..20], &[]), Parsed::Incomplete);
        let lp = encode(&WireFormat::LengthPrefixed, "Ana", 42).concat();
        assert_eq!(lp, b"\x00\x03Ana\x00\x00\x00\x2a");
        assert_eq!(parse(&lp[..5], &[]), Parsed::Incomplete);
    }

    #[test]
    fn garbage_is_invalid_not_a_panic() {
        assert!(matches!(
            parse(b"\x01\x02\x03hello", &[]),
            Parsed::Invalid(_)
        ));
        assert!(matches!(parse(b"hello there\n", &[]), Parsed::Invalid(_)));
        assert!(matches!(parse(b"42\n", &[]), Parsed::Invalid(_)));
        assert_eq!(parse(b"", &[]), Parsed::Incomplete);
        assert_eq!(parse(b" \n", &[]), Parsed::Incomplete);
        let (m, _, _) = complete(b"Ana,99999999999999999999999", &[]);
        assert_eq!(m.number, i64::MAX);
        let (m, _, _) = complete(b"An\xffa,5", &[]);
        assert_eq!(m.name, "An\u{fffd}a");
    }

    #[test]
    fn formats_by_name_and_templates() {
        assert_eq!(
            encode(&WireFormat::from_name("colon").unwrap(), "A", 1),
            vec![b"A:1".to_vec()]
        );
        let t = WireFormat::from_name("{name}: {number}\\n").unwrap();
        assert_eq!(encode(&t, "A", 1), vec![b"A: 1\n".to_vec()]);
        assert!(WireFormat::from_name("{name}").is_err());
        assert!(WireFormat::from_name("xml").is_err());
        assert_eq!(
            encode(&WireFormat::json("\n"), "A", 1),
            vec![b"{\"name\": \"A\", \"number\": 1}\n".to_vec()]
        );
    }
}
