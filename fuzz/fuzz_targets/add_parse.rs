//! Format detection of "add two numbers" requests on arbitrary bytes: never a panic, and a
//! complete message never claims more bytes than it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::protocol::add::{Parsed, parse};

fuzz_target!(|data: &[u8]| {
    let split = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
    for ends in [&[][..], &[split, data.len()][..]] {
        if let Parsed::Complete { consumed, .. } = parse(data, ends) {
            assert!(consumed <= data.len());
        }
    }
});
