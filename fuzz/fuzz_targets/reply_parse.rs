//! Reading servers' replies and Python pickles on arbitrary bytes: never a panic; a labelled
//! or sentence reply read whole is read the same with a newline after it; a pickle never claims
//! more bytes than it was given, and what it read encodes back to a pickle that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::protocol::pickle::{self, Decoded};
use socklab::protocol::reply::{ParsedReply, parse_reply};

/// libFuzzer's panic hook aborts on every panic, even one the code catches on purpose (the
/// pickle decoder contains a panic of serde-pickle on hostile bytes). A quiet hook leaves the
/// caught ones alone; a panic that escapes still ends the run, through fuzz_target!'s own
/// catch.
fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

/// `NAME SERVER:NUMBER` with a name of words that each hold a letter (`T470`, `PC04`): the
/// number after the colon, whatever digits the name has.
fn digits_in_names(data: &[u8]) {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let words: Vec<String> = rest
        .chunks(4)
        .take(4)
        .map(|w| {
            let mut word: String = w
                .iter()
                .map(|b| char::from(if b % 2 == 0 { b'A' + b % 26 } else { b'0' + b % 10 }))
                .collect();
            word.insert(0, 'L');
            word
        })
        .collect();
    if words.is_empty() {
        return;
    }
    let number = i64::from(n % 100) + 1;
    let text = format!("{} SERVER:{number}", words.join(" "));
    if let ParsedReply::Complete { reply, .. } = parse_reply(text.as_bytes(), &[]) {
        assert_eq!(reply.number, number, "{text}");
    }
}

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    digits_in_names(data);
    let split = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
    let _ = parse_reply(data, &[split, data.len()]);
    if let ParsedReply::Complete { reply, .. } = parse_reply(data, &[])
        && !data.contains(&b'\n')
        && reply.format.starts_with("labelled")
    {
        let mut line = data.to_vec();
        line.push(b'\n');
        if let ParsedReply::Complete { reply: again, .. } = parse_reply(&line, &[]) {
            assert_eq!((again.number, again.sum), (reply.number, reply.sum));
        }
    }
    for body in [data.to_vec(), [&[0x80, 4][..], data].concat()] {
        if let Decoded::Complete {
            name,
            number,
            shape,
            consumed,
            ..
        } = pickle::decode(&body)
        {
            assert!(consumed <= body.len());
            let back = pickle::encode(&shape, &name, number);
            match pickle::decode(&back) {
                Decoded::Complete {
                    name: n, number: k, ..
                } => assert_eq!((n, k), (name, number)),
                other => panic!("re-encoded pickle gave {other:?}"),
            }
        }
    }
});
