//! Python pickles of a name and a number: the wire format of students whose course teaches
//! `pickle.dumps((name, number))`, and who reply the same way.
//!
//! Read: protocols 2 to 5 (`\x80` and the version first), holding a tuple or a list of a string
//! and an integer (in either order), or a dict with a string value and an integer value; a
//! third integer, or a dict key such as `sum`, is the sum a server reports. Written: the same
//! container, with the same keys, in protocol 3 (every Python 3 reads it).
//!
//! Decoding goes through `serde_pickle`'s value reader, which builds plain values and resolves
//! only a fixed list of builtins (`set`, `list`, …): nothing named in the data is ever called.

use serde_pickle::{DeOptions, HashableValue, SerOptions, Value};

/// How the pickled values were arranged, so that a reply can be pickled the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickleShape {
    /// `(name, number)`, or `(number, name)` when `number_first`.
    Tuple { number_first: bool },
    /// `[name, number]`, or `[number, name]`.
    List { number_first: bool },
    /// `{name_key: name, number_key: number}`.
    Dict {
        name_key: String,
        number_key: String,
    },
}

impl std::fmt::Display for PickleShape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Tuple {
                number_first: false,
            } => write!(f, "tuple (name, number)"),
            Self::Tuple { number_first: true } => write!(f, "tuple (number, name)"),
            Self::List {
                number_first: false,
            } => write!(f, "list [name, number]"),
            Self::List { number_first: true } => write!(f, "list [number, name]"),
            Self::Dict {
                name_key,
                number_key,
            } => write!(f, "dict {{{name_key:?}: name, {number_key:?}: number}}"),
        }
    }
}

/// A pickle read from the start of a buffer.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    Complete {
        name: String,
        number: i64,
        /// A sum the sender included (a third integer, or a `sum`/`total`/`soma` key).
        sum: Option<i64>,
        shape: PickleShape,
        /// Bytes the pickle took, up to and with its STOP opcode.
        consumed: usize,
    },
    /// A pickle so far; its end has not arrived.
    Incomplete,
    /// Not a pickle of a name and a number (the reason says what it is).
    Invalid(String),
}

/// Whether `body` starts like a pickle of protocol 2 to 5 (or could, with one byte so far).
pub fn looks_like_pickle(body: &[u8]) -> bool {
    match body {
        [0x80] => true,
        [0x80, version, ..] => (2..=5).contains(version),
        _ => false,
    }
}

/// Keys that name a sum in a dict (lower case).
const SUM_KEYS: &[&str] = &["sum", "total", "soma", "suma", "result", "resultado"];

/// Reads the pickle at the start of `body`.
pub fn decode(body: &[u8]) -> Decoded {
    let mut reader = ByteByByte { data: body, at: 0 };
    // serde_pickle panics on some hostile input (a set or dict of NaN floats makes its sort
    // see an order that is not total): the panic stays here, and the bytes are refused.
    let value = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut de = serde_pickle::Deserializer::new(&mut reader, DeOptions::new());
        de.deserialize_value()
    }));
    let value = match value {
        Ok(Ok(v)) => v,
        Ok(Err(e)) if is_eof(&e) => return Decoded::Incomplete,
        Ok(Err(e)) => {
            return Decoded::Invalid(crate::t!("proto-pickle-unreadable", reason = e.to_string()));
        }
        Err(_) => {
            return Decoded::Invalid(crate::t!("proto-pickle-reader-stopped"));
        }
    };
    let consumed = reader.at;
    match interpret(value) {
        Ok((name, number, sum, shape)) => Decoded::Complete {
            name,
            number,
            sum,
            shape,
            consumed,
        },
        Err(why) => Decoded::Invalid(why),
    }
}

/// Hands the decoder one byte per read. The decoder buffers what it reads; fed byte by byte,
/// it has read exactly up to the pickle's STOP opcode when it returns, so what follows in the
/// buffer (a newline, the next message) is left alone.
struct ByteByByte<'a> {
    data: &'a [u8],
    at: usize,
}

impl std::io::Read for ByteByByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.data.get(self.at), buf.first_mut()) {
            (Some(&b), Some(slot)) => {
                *slot = b;
                self.at += 1;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fn is_eof(e: &serde_pickle::Error) -> bool {
    use serde_pickle::{Error, ErrorCode};
    match e {
        Error::Eval(ErrorCode::EOFWhileParsing, _) | Error::Syntax(ErrorCode::EOFWhileParsing) => {
            true
        }
        Error::Io(io) => io.kind() == std::io::ErrorKind::UnexpectedEof,
        _ => false,
    }
}

type Fields = (String, i64, Option<i64>, PickleShape);

fn interpret(value: Value) -> Result<Fields, String> {
    match value {
        Value::Tuple(items) => {
            from_sequence(items, |number_first| PickleShape::Tuple { number_first })
        }
        Value::List(items) => {
            from_sequence(items, |number_first| PickleShape::List { number_first })
        }
        Value::Dict(map) => from_dict(map),
        other => Err(crate::t!("proto-pickle-of-other", kind = kind(&other))),
    }
}

/// `(name, number)`, `(number, name)`, `(name, number, sum)`.
fn from_sequence(items: Vec<Value>, shape: impl Fn(bool) -> PickleShape) -> Result<Fields, String> {
    let texts: Vec<(usize, String)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| text(v).map(|t| (i, t)))
        .collect();
    let ints: Vec<(usize, i64)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| integer(v).map(|n| (i, n)))
        .collect();
    match (texts.as_slice(), ints.as_slice()) {
        ([(ti, name)], [(ni, number)]) => Ok((name.clone(), *number, None, shape(ni < ti))),
        ([(ti, name)], [(ni, number), (_, sum)]) => {
            Ok((name.clone(), *number, Some(*sum), shape(ni < ti)))
        }
        _ => Err(crate::t!(
            "proto-pickle-of-items",
            count = items.len(),
            kinds = items.iter().map(kind).collect::<Vec<_>>().join(", ")
        )),
    }
}

fn from_dict(map: std::collections::BTreeMap<HashableValue, Value>) -> Result<Fields, String> {
    let mut name: Option<(String, String)> = None;
    let mut number: Option<(String, i64)> = None;
    let mut sum: Option<i64> = None;
    for (key, value) in &map {
        let key = match key {
            HashableValue::String(s) => s.clone(),
            HashableValue::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => continue,
        };
        if let Some(n) = integer(value) {
            if SUM_KEYS.contains(&key.to_lowercase().as_str()) {
                sum = Some(n);
            } else if number.is_none() {
                number = Some((key, n));
            }
        } else if let Some(t) = text(value)
            && name.is_none()
        {
            name = Some((key, t));
        }
    }
    match (name, number) {
        (Some((name_key, name)), Some((number_key, number))) => Ok((
            name,
            number,
            sum,
            PickleShape::Dict {
                name_key,
                number_key,
            },
        )),
        (Some(_), None) if sum.is_some() => Err(crate::t!("proto-pickle-dict-without-number")),
        // An object of a class pickles as its state, often nothing that comes through.
        _ if map.is_empty() => Err(crate::t!("proto-pickle-empty-dict")),
        _ => Err(crate::t!(
            "proto-pickle-dict-keys",
            keys = map
                .keys()
                .map(|k| format!("{k:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        _ => None,
    }
}

fn integer(v: &Value) -> Option<i64> {
    match v {
        Value::I64(n) => Some(*n),
        // Larger than i64: out of the lab's range either way.
        Value::Int(big) => Some(if big.to_string().starts_with('-') {
            i64::MIN
        } else {
            i64::MAX
        }),
        _ => None,
    }
}

/// A Python value's type, as the messages above name it (`an int`).
fn kind(v: &Value) -> String {
    match v {
        Value::None => "None".to_owned(),
        Value::Bool(_) => crate::t!("proto-py-bool"),
        Value::I64(_) | Value::Int(_) => crate::t!("proto-py-int"),
        Value::F64(_) => crate::t!("proto-py-float"),
        Value::Bytes(_) => "bytes".to_owned(),
        Value::String(_) => crate::t!("proto-py-str"),
        Value::List(_) => crate::t!("proto-py-list"),
        Value::Tuple(_) => crate::t!("proto-py-tuple"),
        Value::Set(_) | Value::FrozenSet(_) => crate::t!("proto-py-set"),
        Value::Dict(_) => crate::t!("proto-py-dict"),
    }
}

/// Pickles `name` and `number` in `shape` (protocol 3).
pub fn encode(shape: &PickleShape, name: &str, number: i64) -> Vec<u8> {
    let (n, t) = (Value::I64(number), Value::String(name.to_owned()));
    let value = match shape {
        PickleShape::Tuple { number_first } => Value::Tuple(if *number_first {
            vec![n, t]
        } else {
            vec![t, n]
        }),
        PickleShape::List { number_first } => Value::List(if *number_first {
            vec![n, t]
        } else {
            vec![t, n]
        }),
        PickleShape::Dict {
            name_key,
            number_key,
        } => Value::Dict(
            [
                (HashableValue::String(name_key.clone()), t),
                (HashableValue::String(number_key.clone()), n),
            ]
            .into_iter()
            .collect(),
        ),
    };
    // Strings and integers always pickle; an empty message would only say that they did not.
    serde_pickle::value_to_vec(&value, SerOptions::new()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pickle.dumps(("Zoe", 57), protocol=4)` as Python 3.11 writes it.
    const PY_TUPLE_V4: &[u8] =
        b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8c\x03Zoe\x94K9\x86\x94.";
    /// `pickle.dumps({"name": "Zoe", "number": 57}, protocol=2)`.
    const PY_DICT_V2: &[u8] = b"\x80\x02}q\x00(X\x04\x00\x00\x00nameq\x01X\x03\x00\x00\x00Zoeq\x02X\x06\x00\x00\x00numberq\x03K9u.";

    #[test]
    fn python_pickles_are_read() {
        assert_eq!(
            decode(PY_TUPLE_V4),
            Decoded::Complete {
                name: "Zoe".into(),
                number: 57,
                sum: None,
                shape: PickleShape::Tuple {
                    number_first: false
                },
                consumed: PY_TUPLE_V4.len(),
            }
        );
        match decode(PY_DICT_V2) {
            Decoded::Complete {
                name,
                number,
                shape: PickleShape::Dict { name_key, .. },
                ..
            } => assert_eq!(
                (name.as_str(), number, name_key.as_str()),
                ("Zoe", 57, "name")
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_prefix_is_incomplete_and_trailing_bytes_are_left() {
        for end in 1..PY_TUPLE_V4.len() {
            assert_eq!(decode(&PY_TUPLE_V4[..end]), Decoded::Incomplete, "{end}");
        }
        let mut two = PY_TUPLE_V4.to_vec();
        two.extend_from_slice(b"\n");
        let got = decode(&two);
        assert!(
            matches!(got, Decoded::Complete { consumed, .. } if consumed == PY_TUPLE_V4.len()),
            "{got:?}"
        );
    }

    #[test]
    fn round_trips_in_every_shape() {
        for shape in [
            PickleShape::Tuple {
                number_first: false,
            },
            PickleShape::Tuple { number_first: true },
            PickleShape::List {
                number_first: false,
            },
            PickleShape::Dict {
                name_key: "nome".into(),
                number_key: "numero".into(),
            },
        ] {
            let bytes = encode(&shape, "Server of Bar", 42);
            assert!(looks_like_pickle(&bytes));
            match decode(&bytes) {
                Decoded::Complete {
                    name,
                    number,
                    shape: got,
                    ..
                } => assert_eq!((name.as_str(), number, got), ("Server of Bar", 42, shape)),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_sum_is_read_and_other_pickles_are_named() {
        let with_sum = serde_pickle::value_to_vec(
            &Value::Tuple(vec![
                Value::String("Server".into()),
                Value::I64(81),
                Value::I64(138),
            ]),
            SerOptions::new(),
        )
        .unwrap();
        assert!(matches!(
            decode(&with_sum),
            Decoded::Complete {
                sum: Some(138),
                number: 81,
                ..
            }
        ));
        let float = serde_pickle::value_to_vec(&Value::F64(1.5), SerOptions::new()).unwrap();
        assert!(matches!(decode(&float), Decoded::Invalid(why) if why.contains("a float")));
        // A pickled instance of a class: a global reference, never resolved or called.
        let object = b"\x80\x04\x95\x17\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x03Msg\x94\x93\x94)\x81\x94.";
        assert!(matches!(decode(object), Decoded::Invalid(_)));
    }

    #[test]
    fn a_set_of_nan_floats_is_refused_not_a_panic() {
        // Found by fuzzing: protocol 5, a set of NaN floats (serde_pickle's sort panics on it).
        let nan = f64::NAN.to_be_bytes();
        let mut wire = vec![0x80, 5, 0x8f, b'('];
        for _ in 0..40 {
            wire.push(b'G');
            wire.extend_from_slice(&nan);
            wire.push(b'G');
            wire.extend_from_slice(&1.5f64.to_be_bytes());
        }
        wire.extend_from_slice(b"\x90.");
        assert!(matches!(
            decode(&wire),
            Decoded::Invalid(_) | Decoded::Complete { .. }
        ));
        let crash: &[u8] = include_bytes!("../../tests/fuzz_cases/pickle_nan_set.bin");
        assert!(!matches!(decode(crash), Decoded::Complete { .. }));
    }
}
