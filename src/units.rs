//! Sizes, throughputs and durations as people read them, the same in every transfer line, card
//! and summary, whichever side (window, command line, capture) prints them.

use std::time::Duration;

/// A duration for people, as every transfer line and card shows it: milliseconds under ten
/// seconds (`0.044 s`), tenths above (`12.3 s`).
pub fn seconds(elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 10.0 {
        format!("{secs:.3} s")
    } else {
        format!("{secs:.1} s")
    }
}

/// A throughput for people, e.g. `812.4 MB/s`.
pub fn rate(bytes: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs <= 0.0 {
        return "-".into();
    }
    human_bytes((bytes as f64 / secs) as u64) + "/s"
}

/// A size for people, e.g. `1.5 MiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_units() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(rate(1024 * 1024, Duration::from_secs(1)), "1.0 MiB/s");
    }
}
