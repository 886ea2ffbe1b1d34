//! Reading a server's reply to "add two numbers" as real student servers write it.
//!
//! Besides the request shapes of [`super::add`] (which socklab's own server mirrors), student
//! servers answer with sentences and labelled lists:
//!
//! | reply | read as |
//! |---|---|
//! | `Server name: Server of Zoe, Number: 81, Sum: 138` | name, number, and a sum to check |
//! | `Nome: Zé; Número: 81; Soma: 138` | the same, in Portuguese |
//! | `Nombre del servidor: Ana; Número: 81; Suma: 138` | the same, in Spanish |
//! | `Server of Zoe sent 81` | the name without its verb, the number |
//! | `Server of Zoe,81,138` | name, number, sum |
//! | `XYZ\n` then `42\n` | one reply in two pieces |
//!
//! A reply with several numbers and nothing that says which is the server's is reported as
//! such ([`ParsedReply::Ambiguous`]), never read as a confident wrong sum.

use super::add::{self, Message, Parsed, SUM_LABELS, WireFormat};

/// Words that label the server's name (lower case), longest first.
const NAME_LABELS: &[&str] = &[
    "nombre del servidor",
    "nome do servidor",
    "server's name",
    "server name",
    "servidor",
    "server",
    "nombre",
    "name",
    "nome",
];

/// Words that label the server's number (lower case), longest first.
const NUMBER_LABELS: &[&str] = &[
    "server's number",
    "server number",
    "random number",
    "integer",
    "número",
    "numero",
    "number",
    "random",
    "value",
    "valor",
    "num",
    "int",
];

/// Words that join a name to its number in a sentence (`Server of Zoe sent 81`), stripped from
/// the end of a name (lower case).
const CONNECTING_WORDS: &[&str] = &[
    "sent", "sends", "says", "said", "replied", "replies", "answered", "answers", "chose",
    "picked", "has", "with", "and", "is", "was", "number", "the", "my", "its", "envia", "enviou",
    "diz", "com", "número", "numero", "o", "meu",
];

/// Words that may stand before a label as part of it (`Random value:`, `My number:`, `The
/// server's number:`), lower case: the label starts at the first of them.
const LABEL_QUALIFIERS: &[&str] = &[
    "random",
    "chosen",
    "secret",
    "own",
    "my",
    "the",
    "its",
    "your",
    "his",
    "her",
    "their",
    "server's",
    "server",
    "client's",
    "client",
    "total",
    "final",
    "aleatório",
    "aleatorio",
    "escolhido",
    "o",
    "a",
    "do",
    "da",
    "meu",
    "minha",
];

/// Characters that may stand around a field: separators and punctuation.
const FIELD_EDGES: &[char] = &[
    ',', ';', '|', ':', '=', '-', '.', '!', '\t', '\r', '\n', ' ',
];

/// A server's reply as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub name: String,
    pub number: i64,
    /// The sum the server reported, when it did.
    pub sum: Option<i64>,
    /// The shape, described for people.
    pub format: String,
}

/// What [`parse_reply`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParsedReply {
    /// A reply; `settled` is false while more bytes could still change it (no end marker).
    Complete { reply: Reply, settled: bool },
    /// No number so far: more may come.
    Incomplete,
    /// Bytes no reply can be (binary of no known layout).
    Invalid(String),
    /// Several numbers, and nothing says which is the server's.
    Ambiguous(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Name,
    Number,
    Sum,
}

/// A label found in the text: what it labels, and where its value starts and ends.
#[derive(Debug)]
struct Label {
    kind: Kind,
    start: usize,
    value_start: usize,
}

/// Reads the reply in `buf`; `chunk_ends` as for [`add::parse`].
pub fn parse_reply(buf: &[u8], chunk_ends: &[usize]) -> ParsedReply {
    let Some(first) = buf.iter().find(|b| !b.is_ascii_whitespace()) else {
        return ParsedReply::Incomplete;
    };
    let text_like = *first != b'{' && std::str::from_utf8(buf).is_ok();
    if text_like {
        let text = String::from_utf8_lossy(buf);
        let labels = find_labels(&text);
        if !labels.is_empty() {
            return labelled(&text, &labels);
        }
    }
    match add::parse(buf, chunk_ends) {
        Parsed::Complete {
            message, settled, ..
        } => from_message(message, settled),
        Parsed::Incomplete => ParsedReply::Incomplete,
        Parsed::Invalid(why) if text_like => {
            let text = String::from_utf8_lossy(buf);
            match lone_number(&text) {
                Some(reply) => ParsedReply::Complete {
                    reply,
                    settled: text.ends_with('\n'),
                },
                // No digits yet: a name whose number is still on its way.
                None if !text.chars().any(|c| c.is_ascii_digit()) => ParsedReply::Incomplete,
                None => several_or(&text, why),
            }
        }
        Parsed::Invalid(why) => ParsedReply::Invalid(why),
    }
}

/// A reply in one of the request shapes: the name cleaned of a verb, a third field read as the
/// sum, and several numbers in the name reported.
fn from_message(message: Message, settled: bool) -> ParsedReply {
    let Message {
        mut name,
        mut number,
        mut sum,
        format,
    } = message;
    let format_text = format.to_string();
    if let WireFormat::Text {
        separator,
        number_first: false,
        ..
    } = &format
        && !separator.trim().is_empty()
    {
        // `name,57,99`: the number, then the sum.
        if let Some((rest, middle)) = name.rsplit_once(separator.as_str())
            && let Some(n) = parse_int(middle.trim())
        {
            sum = Some(number);
            number = n;
            name = rest.to_owned();
        }
        // Still a field that is only a number: nothing tells which is the server's.
        if name
            .split(separator.as_str())
            .any(|f| parse_int(f.trim()).is_some())
        {
            return ParsedReply::Ambiguous(several(&format!("{name}{separator}{number}")));
        }
    }
    if let WireFormat::Text { separator, .. } = &format
        && separator.trim().is_empty()
        && standalone_ints(&name).next().is_some()
    {
        // `Zoe 81 138`: three words, two numbers, no labels.
        return ParsedReply::Ambiguous(several(&format!("{name} {number}")));
    }
    ParsedReply::Complete {
        reply: Reply {
            name: clean_name(&name),
            number,
            sum,
            format: format_text,
        },
        settled,
    }
}

/// Finds the labels (`Number:`, `sum =`, `soma é`, …) in `text`, in order.
fn find_labels(text: &str) -> Vec<Label> {
    let lower = text.to_lowercase();
    // Lower-casing may change a letter's byte length; positions must match the text.
    if lower.len() != text.len() {
        return Vec::new();
    }
    let kinds: Vec<(Kind, &str)> = NAME_LABELS
        .iter()
        .map(|l| (Kind::Name, *l))
        .chain(NUMBER_LABELS.iter().map(|l| (Kind::Number, *l)))
        .chain(SUM_LABELS.iter().map(|l| (Kind::Sum, *l)))
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < lower.len() {
        if !lower.is_char_boundary(at) {
            at += 1;
            continue;
        }
        let boundary = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '\'');
        let hit = boundary
            .then(|| {
                // The longest label that matches here, followed by `:`, `=` or `is`.
                let mut best: Option<(Kind, usize, usize)> = None;
                for &(kind, label) in &kinds {
                    if !lower[at..].starts_with(label) {
                        continue;
                    }
                    let after = at + label.len();
                    if lower[after..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric())
                    {
                        continue;
                    }
                    if let Some(value_start) = value_after_qualified(&lower, after)
                        && best.is_none_or(|(_, len, _)| label.len() > len)
                    {
                        best = Some((kind, label.len(), value_start));
                    }
                }
                best
            })
            .flatten();
        match hit {
            // `T470 SERVER:99`, `Lab7 PC04 Server:61`: a name that ends in a label word, then
            // its number; not a label whose value is a name.
            Some((Kind::Name, _, value_start))
                if found.is_empty()
                    && parse_int(lower[value_start..].trim_matches(FIELD_EDGES)).is_some() =>
            {
                at = value_start;
            }
            Some((kind, _, value_start)) => {
                let floor = found.last().map_or(0, |l: &Label| l.value_start);
                found.push(Label {
                    kind,
                    start: qualified_start(&lower, floor, at),
                    value_start,
                });
                at = value_start;
            }
            None => at += 1,
        }
    }
    found
}

/// Where a label that starts at `at` really starts, with the qualifying words before it
/// (`Random value`, `Server's number`), never before `floor` (the previous label's value).
fn qualified_start(lower: &str, floor: usize, at: usize) -> usize {
    let mut start = at;
    loop {
        let before = lower[floor..start].trim_end_matches([' ', '\t']);
        let word_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '\''))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        if word.is_empty() || !LABEL_QUALIFIERS.contains(&word) {
            return start;
        }
        start = floor + word_start;
    }
}

/// Words that may follow a label as part of it (`Número aleatório:`, `number chosen:`).
const LABEL_QUALIFIERS_AFTER: &[&str] = &[
    "aleatório",
    "aleatorio",
    "escolhido",
    "elegido",
    "do",
    "da",
    "servidor",
    "cliente",
    "chosen",
    "picked",
    "value",
];

/// Where a label's value starts, past qualifying words after it (at most three).
fn value_after_qualified(lower: &str, mut after: usize) -> Option<usize> {
    for _ in 0..4 {
        if let Some(v) = value_after(lower, after) {
            return Some(v);
        }
        let rest = &lower[after..];
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let word_len = trimmed
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(trimmed.len());
        if trimmed.len() == rest.len() || !LABEL_QUALIFIERS_AFTER.contains(&&trimmed[..word_len]) {
            return None;
        }
        after += rest.len() - trimmed.len() + word_len;
    }
    None
}

/// Where a label's value starts: after spaces and `:` or `=`, or after `is`/`was`/`é`.
fn value_after(lower: &str, after: usize) -> Option<usize> {
    let rest = &lower[after..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let skipped = rest.len() - trimmed.len();
    for marker in [":", "=", "is ", "was ", "é "] {
        // A verb needs the space before it: `sum is 9`, not `sumis`.
        if trimmed.starts_with(marker) && !(marker.ends_with(' ') && skipped == 0) {
            return Some(after + skipped + marker.len());
        }
    }
    None
}

/// A reply read through its labels.
fn labelled(text: &str, labels: &[Label]) -> ParsedReply {
    let value = |i: usize| -> &str {
        let end = labels.get(i + 1).map_or(text.len(), |next| next.start);
        text[labels[i].value_start..end].trim_matches(FIELD_EDGES)
    };
    let mut name = None;
    let mut number = None;
    let mut sum = None;
    for (i, label) in labels.iter().enumerate() {
        let v = value(i);
        match label.kind {
            Kind::Name if name.is_none() => name = Some(v.to_owned()),
            Kind::Number if number.is_none() => number = standalone_ints(v).next(),
            Kind::Sum if sum.is_none() => sum = standalone_ints(v).next(),
            _ => {}
        }
    }
    // Text before the first label, when no label names the server.
    let before = text[..labels[0].start].trim_matches(FIELD_EDGES);
    let name = name.unwrap_or_else(|| clean_name(before));
    let number = match number {
        Some(n) => n,
        None => {
            // No number label: the one number that is not a label's own value.
            let labelled_at: Vec<usize> = labels
                .iter()
                .filter_map(|l| {
                    standalone_ints_at(&text[l.value_start..])
                        .next()
                        .map(|(at, _)| l.value_start + at)
                })
                .collect();
            let unlabelled: Vec<i64> = standalone_ints_at(text)
                .filter(|(at, _)| !labelled_at.contains(at))
                .map(|(_, n)| n)
                .collect();
            match unlabelled.as_slice() {
                [n] => *n,
                [] if sum.is_some() => {
                    return ParsedReply::Ambiguous(crate::t!(
                        "proto-reply-sum-without-number",
                        sum = sum.unwrap_or_default().to_string()
                    ));
                }
                [] => return ParsedReply::Incomplete,
                _ => return ParsedReply::Ambiguous(several(text)),
            }
        }
    };
    let kinds: Vec<&str> = [Some("name"), Some("number"), sum.map(|_| "sum")]
        .into_iter()
        .flatten()
        .collect();
    ParsedReply::Complete {
        reply: Reply {
            name,
            number,
            sum,
            format: format!("labelled text ({})", kinds.join(", ")),
        },
        settled: text.ends_with('\n'),
    }
}

/// A reply with exactly one number anywhere (`42 is my number, Server of Zoe`).
fn lone_number(text: &str) -> Option<Reply> {
    let numbers: Vec<(usize, i64)> = standalone_ints_at(text).collect();
    let [(at, number)] = numbers.as_slice() else {
        return None;
    };
    let digits = text[*at..]
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '+'))
        .map_or(text.len(), |n| at + n);
    let before = clean_name(&text[..*at]);
    let name = if before.is_empty() {
        clean_name(&text[digits..])
    } else {
        before
    };
    Some(Reply {
        name,
        number: *number,
        sum: None,
        format: "text with one number".into(),
    })
}

fn several_or(text: &str, why: String) -> ParsedReply {
    if standalone_ints(text).nth(1).is_some() {
        ParsedReply::Ambiguous(several(text))
    } else {
        ParsedReply::Invalid(why)
    }
}

fn several(text: &str) -> String {
    let numbers: Vec<String> = standalone_ints(text).map(|n| n.to_string()).collect();
    crate::t!("proto-reply-several-numbers", numbers = numbers.join(", "))
}

/// A name as a server wrote it, without separators around it or a verb at its end.
fn clean_name(raw: &str) -> String {
    let mut name = raw.trim_matches(FIELD_EDGES).to_owned();
    loop {
        let lower = name.to_lowercase();
        let Some((rest, last)) = lower.rsplit_once(' ') else {
            break;
        };
        if !CONNECTING_WORDS.contains(&last) || lower.len() != name.len() {
            break;
        }
        name.truncate(rest.len());
        name = name.trim_matches(FIELD_EDGES).to_owned();
    }
    name
}

/// Integers that stand alone: not part of a word such as `Server2`.
fn standalone_ints(text: &str) -> impl Iterator<Item = i64> + '_ {
    standalone_ints_at(text).map(|(_, n)| n)
}

fn standalone_ints_at(text: &str) -> impl Iterator<Item = (usize, i64)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at;
            if !bytes[at].is_ascii_digit() {
                at += 1;
                continue;
            }
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            let joined_before = start > 0 && is_word_byte(bytes[start - 1]);
            let joined_after = at < bytes.len() && is_word_byte(bytes[at]);
            if joined_before || joined_after {
                continue;
            }
            let signed = start > 0
                && bytes[start - 1] == b'-'
                && (start == 1 || !is_word_byte(bytes[start - 2]));
            let from = if signed { start - 1 } else { start };
            if let Some(n) = parse_int(&text[from..at]) {
                return Some((from, n));
            }
        }
        None
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Reply {
        match parse_reply(text.as_bytes(), &[]) {
            ParsedReply::Complete { reply, .. } => reply,
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn labelled_replies_in_english_portuguese_or_spanish() {
        for (text, name, number, sum) in [
            (
                "Server name: Server of Zoe, Number: 81, Sum: 138",
                "Server of Zoe",
                81,
                Some(138),
            ),
            ("Name: Zoe | Value = 81\n", "Zoe", 81, None),
            ("Nome: Zé; Número: 81; Soma: 138", "Zé", 81, Some(138)),
            ("Server: Bob  random: 7  total: 49", "Bob", 7, Some(49)),
            (
                "Server of Zoe. The sum is 138, my number is 81",
                "Server of Zoe",
                81,
                Some(138),
            ),
            (
                "Server of Zoe, sum: 138, 81",
                "Server of Zoe",
                81,
                Some(138),
            ),
        ] {
            let r = read(text);
            assert_eq!(
                (r.name.as_str(), r.number, r.sum),
                (name, number, sum),
                "{text:?}"
            );
        }
    }

    #[test]
    fn names_with_digits_and_a_label_word_before_the_number() {
        for (text, name, number) in [
            ("T470 SERVER:99", "T470 SERVER", 99),
            ("Lab7 PC04 Server:61\n", "Lab7 PC04 Server", 61),
            ("PC-12 Servidor: 7", "PC-12 Servidor", 7),
            ("Server2:57", "Server2", 57),
        ] {
            let r = read(text);
            assert_eq!((r.name.as_str(), r.number), (name, number), "{text:?}");
        }
    }

    #[test]
    fn labels_of_several_words() {
        for (text, name, number, sum) in [
            (
                "Server name: Server of Ana Lima, Random value: 54, Sum: 61",
                "Server of Ana Lima",
                54,
                Some(61),
            ),
            (
                "Server name: Server of Ana Lima Random value: 54 Total sum: 61",
                "Server of Ana Lima",
                54,
                Some(61),
            ),
            (
                "Nome do servidor: Servidor da Ana; Número aleatório: 54; Soma: 61",
                "Servidor da Ana",
                54,
                Some(61),
            ),
            (
                "Nombre del servidor: Servidor de Ana; Número elegido: 54; Suma: 61",
                "Servidor de Ana",
                54,
                Some(61),
            ),
            ("Nombre: Zoe, Número: 81, Suma: 138", "Zoe", 81, Some(138)),
            (
                "Name: Zoe, My number: 81, The sum: 138",
                "Zoe",
                81,
                Some(138),
            ),
            ("Server's name: Bob; Server's number: 7", "Bob", 7, None),
        ] {
            let r = read(text);
            assert_eq!(
                (r.name.as_str(), r.number, r.sum),
                (name, number, sum),
                "{text:?}"
            );
        }
    }

    #[test]
    fn sentences_lose_their_verb_and_keep_their_name() {
        let r = read("Server of Zoe sent 81");
        assert_eq!((r.name.as_str(), r.number), ("Server of Zoe", 81));
        let r = read("81 is the number of Server of Zoe\n");
        assert_eq!(
            (r.name.as_str(), r.number),
            ("is the number of Server of Zoe", 81)
        );
        let r = read("Server 2,57");
        assert_eq!((r.name.as_str(), r.number), ("Server 2", 57));
        let r = read("Server of Zoe,81,138");
        assert_eq!(
            (r.name.as_str(), r.number, r.sum),
            ("Server of Zoe", 81, Some(138))
        );
    }

    #[test]
    fn several_unlabelled_numbers_are_not_guessed() {
        for text in ["Zoe 81 138", "a,1,2,3", "Server: 5 and 9, 7"] {
            assert!(
                matches!(parse_reply(text.as_bytes(), &[]), ParsedReply::Ambiguous(_)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_reply_in_pieces_waits_for_its_number() {
        assert_eq!(parse_reply(b"XYZ\n", &[4]), ParsedReply::Incomplete);
        let r = read("XYZ\n42\n");
        assert_eq!((r.name.as_str(), r.number), ("XYZ", 42));
        assert_eq!(
            parse_reply(b"Server name: Zoe, ", &[]),
            ParsedReply::Incomplete
        );
    }

    #[test]
    fn the_request_shapes_still_read() {
        let r = read("{\"name\": \"Zoe\", \"sum\": 138, \"number\": 81}");
        assert_eq!((r.name.as_str(), r.number, r.sum), ("Zoe", 81, Some(138)));
        let pickled = super::super::pickle::encode(
            &super::super::pickle::PickleShape::Tuple {
                number_first: false,
            },
            "Zoe",
            81,
        );
        let r = match parse_reply(&pickled, &[]) {
            ParsedReply::Complete { reply, .. } => reply,
            other => panic!("{other:?}"),
        };
        assert_eq!((r.name.as_str(), r.number), ("Zoe", 81));
        assert!(r.format.contains("pickle"), "{}", r.format);
    }
}
