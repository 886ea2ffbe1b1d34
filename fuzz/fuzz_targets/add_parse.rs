//! Format detection of "add two numbers" requests on arbitrary bytes: never a panic, and a
//! complete message never claims more bytes than it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::protocol::add::{Parsed, parse};

/// libFuzzer's panic hook aborts on every panic, even one the code catches on purpose (the
/// pickle decoder contains a panic of serde-pickle on hostile bytes). A quiet hook leaves the
/// caught ones alone; a panic that escapes still ends the run, through fuzz_target!'s own
/// catch.
fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let split = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
    for ends in [&[][..], &[split, data.len()][..]] {
        if let Parsed::Complete { consumed, .. } = parse(data, ends) {
            assert!(consumed <= data.len());
        }
    }
});
