//! Sizes, throughputs and durations as people read them, the same in every transfer line, card
//! and summary, whichever side (window, command line, capture) prints them, with the decimal
//! separator of the current language (`1.5 MiB` in English, `1,5 MiB` in Portuguese and
//! Spanish). Nothing reads these texts back: machine-read output (JSON, CSV) carries numbers.

use std::time::Duration;

use crate::i18n::Lang;

/// The decimal separator of the current language: `.` in English, `,` in Portuguese and
/// Spanish.
pub fn decimal_separator() -> char {
    match crate::i18n::current() {
        Lang::EnUs => '.',
        Lang::PtPt | Lang::PtBr | Lang::Es => ',',
    }
}

/// `value` with `places` decimals, written with the current language's separator.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match decimal_separator() {
        '.' => text,
        separator => text.replace('.', &separator.to_string()),
    }
}

/// A duration for people, as every transfer line and card shows it: milliseconds under ten
/// seconds (`0.044 s`), tenths above (`12.3 s`).
pub fn seconds(elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 10.0 {
        format!("{} s", decimal(secs, 3))
    } else {
        format!("{} s", decimal(secs, 1))
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
        format!("{} {}", decimal(value, 1), UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_here;

    #[test]
    fn human_units() {
        set_here(Some(Lang::EnUs));
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(1024 * 1024 * 3 / 2), "1.5 MiB");
        assert_eq!(rate(1024 * 1024, Duration::from_secs(1)), "1.0 MiB/s");
        assert_eq!(seconds(Duration::from_millis(44)), "0.044 s");
        assert_eq!(crate::error::seconds(2500), "2.5 s");
        set_here(None);
    }

    #[test]
    fn portuguese_writes_a_decimal_comma() {
        set_here(Some(Lang::PtPt));
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1024 * 1024 * 3 / 2), "1,5 MiB");
        assert_eq!(rate(1024 * 1024, Duration::from_secs(1)), "1,0 MiB/s");
        assert_eq!(seconds(Duration::from_millis(44)), "0,044 s");
        assert_eq!(seconds(Duration::from_millis(12_345)), "12,3 s");
        assert_eq!(crate::error::seconds(2500), "2,5 s");
        assert_eq!(crate::error::seconds(5000), "5 s");
        set_here(Some(Lang::PtBr));
        assert_eq!(human_bytes(1536), "1,5 KiB");
        set_here(None);
    }

    #[test]
    fn spanish_writes_a_decimal_comma() {
        set_here(Some(Lang::Es));
        assert_eq!(human_bytes(1536), "1,5 KiB");
        assert_eq!(human_bytes(1024 * 1024 * 3 / 2), "1,5 MiB");
        assert_eq!(rate(5 * 1024 * 1024, Duration::from_secs(2)), "2,5 MiB/s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1,500 s");
        set_here(None);
    }
}
