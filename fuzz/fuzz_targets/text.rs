//! Echo stop words, upper-casing and guess-the-number on arbitrary bytes: never a panic;
//! upper-casing keeps ASCII lengths; a guess is only ever a whole number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::protocol::text::{is_stop_word, parse_guess, read_hint, upper};

fuzz_target!(|data: &[u8]| {
    let words = ["stop".to_owned(), "exit".to_owned()];
    let _ = is_stop_word(data, &words);
    let upper_cased = upper(data);
    if data.is_ascii() {
        assert_eq!(upper_cased.len(), data.len());
    }
    if let Some(guess) = parse_guess(data) {
        let text = std::str::from_utf8(data).expect("a guess is text");
        assert_eq!(text.trim().trim_start_matches('+').parse::<i64>().ok(), Some(guess));
    }
    let _ = read_hint(data);
});
