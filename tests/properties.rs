//! Properties of the codecs, over many generated inputs: every add format decodes what it
//! encodes, and no codec panics on arbitrary bytes.

use proptest::prelude::*;
use socklab::protocol::add::{self, Parsed, WireFormat};
use socklab::protocol::pickle::{self, Decoded, PickleShape};
use socklab::protocol::reply::{ParsedReply, parse_reply};
use socklab::protocol::{escape_bytes, file, hex_bytes, text};

/// Names as students type them: letters, spaces and a few marks, not starting or ending with a
/// space or digit (a split name ending in a digit cannot be told from its number).
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zéöñ][A-Za-zéöñ .'-]{0,30}[A-Za-zéöñ]"
}

fn formats() -> Vec<WireFormat> {
    add::FORMAT_NAMES
        .iter()
        .map(|n| WireFormat::from_name(n).expect("a known format"))
        .chain([
            WireFormat::from_name("{name}: {number}\\n").expect("a template"),
            WireFormat::Text {
                separator: ",".into(),
                terminator: "\r\n".into(),
                number_first: true,
            },
        ])
        .collect()
}

proptest! {
    #[test]
    fn every_format_decodes_what_it_encodes(name in name(), number in -1000i64..100_000) {
        for format in formats() {
            let parts = add::encode(&format, &name, number);
            let wire = parts.concat();
            let mut ends = Vec::new();
            let mut at = 0;
            for p in &parts {
                at += p.len();
                ends.push(at);
            }
            match add::parse(&wire, &ends) {
                Parsed::Complete { message, consumed, .. } => {
                    prop_assert_eq!(&message.name, &name, "{}", format);
                    prop_assert_eq!(message.number, number, "{}", format);
                    prop_assert_eq!(consumed, wire.len(), "{}", format);
                    // The reply in the detected shape decodes the same way.
                    let reply = add::encode(&message.format, "Server", 7).concat();
                    let Parsed::Complete { message: back, .. } = add::parse(&reply, &[]) else {
                        return Err(TestCaseError::fail(format!("reply in {} did not parse", message.format)));
                    };
                    prop_assert_eq!((back.name.as_str(), back.number), ("Server", 7));
                }
                other => prop_assert!(false, "{} gave {:?} for {:?}", format, other, escape_bytes(&wire)),
            }
        }
    }

    #[test]
    fn a_prefix_of_a_request_is_never_misread(name in name(), number in 1i64..=100, cut in 0usize..60) {
        // Self-delimiting formats: any strict prefix is incomplete, never a wrong answer.
        for format in ["json", "c-struct", "length-prefixed", "json-line"] {
            let wire = add::encode(&WireFormat::from_name(format).unwrap(), &name, number).concat();
            let cut = cut.min(wire.len().saturating_sub(1));
            // A prefix may look whole (a JSON object before its newline, the 54 bytes of a packed
            // struct before the rest of a C struct), but then it is not settled: the server
            // waits for more before acting.
            if let Parsed::Complete { message, settled, .. } = add::parse(&wire[..cut], &[]) {
                prop_assert!(!settled, "{format}: {} bytes read as {:?}", cut, message);
            }
        }
    }

    #[test]
    fn codecs_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600), split in 0usize..600) {
        let ends = [split.min(bytes.len()), bytes.len()];
        let _ = add::parse(&bytes, &ends);
        let _ = add::parse(&bytes, &[]);
        let _ = file::parse_name(&bytes);
        let _ = text::parse_guess(&bytes);
        let _ = text::read_hint(&bytes);
        let _ = text::upper(&bytes);
        let _ = text::is_stop_word(&bytes, &["stop".to_owned()]);
        let _ = escape_bytes(&bytes);
        let _ = hex_bytes(&bytes);
        let _ = parse_reply(&bytes, &ends);
        let _ = pickle::decode(&bytes);
        // Into the pickle reader proper: a protocol-4 header, then anything.
        let mut pickled = vec![0x80, 4];
        pickled.extend_from_slice(&bytes);
        let _ = pickle::decode(&pickled);
        let _ = add::parse(&pickled, &[]);
        let _ = file::header_look(&bytes);
    }

    #[test]
    fn pickles_round_trip_in_every_shape(name in "\\PC{0,40}", number in any::<i64>(), first in any::<bool>()) {
        for shape in [
            PickleShape::Tuple { number_first: first },
            PickleShape::List { number_first: first },
            PickleShape::Dict { name_key: "name".into(), number_key: "number".into() },
        ] {
            let wire = pickle::encode(&shape, &name, number);
            match pickle::decode(&wire) {
                Decoded::Complete { name: n, number: k, shape: got, consumed, .. } => {
                    prop_assert_eq!(&n, &name);
                    prop_assert_eq!(k, number);
                    prop_assert_eq!(&got, &shape);
                    prop_assert_eq!(consumed, wire.len());
                }
                other => prop_assert!(false, "{:?} gave {:?}", shape, other),
            }
            // Every strict prefix is incomplete: never settled, never misread.
            for cut in 0..wire.len() {
                prop_assert_eq!(pickle::decode(&wire[..cut]), Decoded::Incomplete, "cut at {}", cut);
            }
        }
    }

    #[test]
    fn labelled_replies_give_back_their_fields(
        name in "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}",
        number in 1i64..=100,
        sum in 2i64..=200,
        style in 0usize..3,
    ) {
        let text = match style {
            0 => format!("Server name: {name}, Number: {number}, Sum: {sum}"),
            1 => format!("Nome: {name}; Número: {number}; Soma: {sum}\n"),
            _ => format!("name={name} | value={number} | total={sum}"),
        };
        match parse_reply(text.as_bytes(), &[]) {
            ParsedReply::Complete { reply, .. } => {
                prop_assert_eq!(&reply.name, &name, "{}", text);
                prop_assert_eq!(reply.number, number, "{}", text);
                prop_assert_eq!(reply.sum, Some(sum), "{}", text);
            }
            other => prop_assert!(false, "{:?} gave {:?}", text, other),
        }
    }

    #[test]
    fn replies_with_digit_names_or_qualified_labels_give_back_their_fields(
        words in proptest::collection::vec("[A-Z][a-z]{0,3}[0-9]{1,3}|[A-Z]{2,5}", 1..4),
        number in 1i64..=100,
        sum in 2i64..=200,
        style in 0usize..3,
    ) {
        let name = words.join(" ");
        let text = match style {
            // `T470 SERVER:99`: the name ends in a label word, the number after the colon.
            0 => format!("{name} SERVER:{number}"),
            1 => format!("Server name: {name}, Random value: {number}, Total sum: {sum}"),
            _ => format!("Nome do servidor: {name}; Número aleatório: {number}; Soma: {sum}\n"),
        };
        match parse_reply(text.as_bytes(), &[]) {
            ParsedReply::Complete { reply, .. } => {
                let want = if style == 0 { format!("{name} SERVER") } else { name.clone() };
                prop_assert_eq!(&reply.name, &want, "{}", text);
                prop_assert_eq!(reply.number, number, "{}", text);
                prop_assert_eq!(reply.sum, (style != 0).then_some(sum), "{}", text);
            }
            other => prop_assert!(false, "{:?} gave {:?}", text, other),
        }
    }

    #[test]
    fn no_name_leaves_the_shared_folder(name in "[./\\\\a-z:%~]{0,24}") {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("shared");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(dir.path().join("secret"), b"s").unwrap();
        if let Ok(path) = file::resolve_in_root(&root, &name, false) {
            prop_assert!(path.starts_with(root.canonicalize().unwrap()), "{name:?} gave {}", path.display());
        }
    }

    #[test]
    fn upper_keeps_ascii_length(s in "[ -~]{0,100}") {
        prop_assert_eq!(text::upper(s.as_bytes()), s.to_ascii_uppercase().into_bytes());
    }
}
