//! Every add format decodes what it encodes, for names students could type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::protocol::add::{FORMAT_NAMES, Parsed, WireFormat, encode, parse};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Some((number_bytes, name_bytes)) = rest.split_at_checked(4) else { return };
    let number = i64::from(i32::from_le_bytes(number_bytes.try_into().unwrap_or([0; 4])));
    let Ok(name) = std::str::from_utf8(name_bytes) else { return };
    // The names the codec promises to carry: letters and inner spaces, up to 49 bytes (the
    // C struct layouts hold `char name[50]`, NUL included; longer names are cut there).
    let typed = !name.is_empty()
        && name.len() <= 49
        && name.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !name.starts_with(' ')
        && !name.ends_with(' ');
    if !typed {
        return;
    }
    let format_name = FORMAT_NAMES[usize::from(pick) % FORMAT_NAMES.len()];
    let Ok(format) = WireFormat::from_name(format_name) else { return };
    let parts = encode(&format, name, number);
    let wire = parts.concat();
    let ends: Vec<usize> = parts
        .iter()
        .scan(0, |at, p| {
            *at += p.len();
            Some(*at)
        })
        .collect();
    match parse(&wire, &ends) {
        Parsed::Complete { message, consumed, .. } => {
            assert_eq!(message.name, name, "{format_name}");
            assert_eq!(message.number, number, "{format_name}");
            assert_eq!(consumed, wire.len(), "{format_name}");
        }
        other => panic!("{format_name}: {other:?}"),
    }
});
