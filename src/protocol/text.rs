//! The small text exercises: echo (stop words), the textbook uppercase server, and
//! guess-the-number (guesses, hints, and the halving strategy).

/// Stop words the echo servers and clients use unless told otherwise (seed 003, task 3).
pub const DEFAULT_STOP_WORDS: &[&str] = &["stop", "exit"];

/// Whether a received message is a stop word: surrounding whitespace and case are ignored, and
/// over a stream the last line of what arrived counts too.
pub fn is_stop_word(message: &[u8], stop_words: &[String]) -> bool {
    let Ok(text) = std::str::from_utf8(message) else {
        return false;
    };
    let last_line = text.trim_end().rsplit('\n').next().unwrap_or("");
    [text.trim(), last_line.trim()].iter().any(|candidate| {
        stop_words
            .iter()
            .any(|w| w.trim().eq_ignore_ascii_case(candidate))
    })
}

/// The textbook server's reply: the sentence upper-cased, as Python's `str.upper()` does.
/// Bytes that are not UTF-8 are kept as they are, with ASCII letters upper-cased.
pub fn upper(message: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(message) {
        Ok(text) => text.to_uppercase().into_bytes(),
        Err(_) => message.to_ascii_uppercase(),
    }
}

/// Lowest secret of guess-the-number; the handout's `randrange(1, 100)`.
pub const SECRET_MIN: i64 = 1;
/// Highest secret (100 is excluded by `randrange`).
pub const SECRET_MAX: i64 = 99;

/// What the server says of a guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The secret is higher than the guess.
    Higher,
    /// The secret is lower than the guess.
    Lower,
    Correct,
}

/// How hints are spelled; student clients compare them as exact strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HintStyle {
    /// `HIGHER`, `LOWER`, `CORRECT`, as the handout writes them.
    #[default]
    Upper,
    /// `Higher`, `Lower`, `Correct`.
    Title,
}

impl HintStyle {
    pub fn word(self, hint: Hint) -> &'static str {
        match (self, hint) {
            (Self::Upper, Hint::Higher) => "HIGHER",
            (Self::Upper, Hint::Lower) => "LOWER",
            (Self::Upper, Hint::Correct) => "CORRECT",
            (Self::Title, Hint::Higher) => "Higher",
            (Self::Title, Hint::Lower) => "Lower",
            (Self::Title, Hint::Correct) => "Correct",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Upper => "HIGHER / LOWER / CORRECT",
            Self::Title => "Higher / Lower / Correct",
        }
    }
}

/// The reply to anything that is not a whole number.
pub const NOT_A_NUMBER_REPLY: &str = "NOT A NUMBER: send a whole number from 1 to 99";

/// Reads a guess: a whole number, surrounding whitespace and newline allowed.
pub fn parse_guess(message: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(message).ok()?.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Judges a guess against the secret.
pub fn judge(secret: i64, guess: i64) -> Hint {
    match secret.cmp(&guess) {
        std::cmp::Ordering::Greater => Hint::Higher,
        std::cmp::Ordering::Less => Hint::Lower,
        std::cmp::Ordering::Equal => Hint::Correct,
    }
}

/// Reads a server's reply as a hint, whatever its spelling: `HIGHER`, `Higher`, `too low`, …
pub fn read_hint(reply: &[u8]) -> Option<Hint> {
    let text = String::from_utf8_lossy(reply).to_lowercase();
    if text.contains("correct") || text.contains("right") || text.contains("got it") {
        Some(Hint::Correct)
    } else if text.contains("higher") || text.contains("too low") {
        Some(Hint::Higher)
    } else if text.contains("lower") || text.contains("too high") {
        Some(Hint::Lower)
    } else {
        None
    }
}

/// The halving strategy: the range still possible, and the next guess in its middle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Halving {
    pub low: i64,
    pub high: i64,
}

impl Default for Halving {
    fn default() -> Self {
        Self {
            low: SECRET_MIN,
            high: SECRET_MAX,
        }
    }
}

impl Halving {
    /// The next guess, or None when the hints contradict each other.
    pub fn next_guess(&self) -> Option<i64> {
        (self.low <= self.high).then(|| self.low + (self.high - self.low) / 2)
    }

    /// Narrows the range after `hint` for `guess`.
    pub fn learn(&mut self, guess: i64, hint: Hint) {
        match hint {
            Hint::Higher => self.low = self.low.max(guess + 1),
            Hint::Lower => self.high = self.high.min(guess - 1),
            Hint::Correct => {
                self.low = guess;
                self.high = guess;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_ignore_case_and_whitespace() {
        let words: Vec<String> = DEFAULT_STOP_WORDS.iter().map(|s| s.to_string()).collect();
        assert!(is_stop_word(b"stop", &words));
        assert!(is_stop_word(b"  EXIT\r\n", &words));
        assert!(is_stop_word(b"hello\nstop\n", &words));
        assert!(!is_stop_word(b"stop it", &words));
        assert!(!is_stop_word(b"\xff", &words));
    }

    #[test]
    fn upper_like_python() {
        assert_eq!(upper(b"hello, world"), b"HELLO, WORLD");
        assert_eq!(upper("straße".as_bytes()), "STRASSE".as_bytes());
        assert_eq!(upper(b"ab\xffc"), b"AB\xffC");
    }

    #[test]
    fn guesses_and_hints() {
        assert_eq!(parse_guess(b" 42\n"), Some(42));
        assert_eq!(parse_guess(b"forty"), None);
        assert_eq!(parse_guess(b""), None);
        assert_eq!(judge(50, 10), Hint::Higher);
        assert_eq!(judge(50, 90), Hint::Lower);
        assert_eq!(judge(50, 50), Hint::Correct);
        assert_eq!(read_hint(b"HIGHER"), Some(Hint::Higher));
        assert_eq!(read_hint(b"Too high!"), Some(Hint::Lower));
        assert_eq!(read_hint(b"Correct\n"), Some(Hint::Correct));
        assert_eq!(read_hint(b"??"), None);
    }

    #[test]
    fn halving_finds_every_secret_within_seven_guesses() {
        for secret in SECRET_MIN..=SECRET_MAX {
            let mut h = Halving::default();
            let mut guesses = 0;
            loop {
                let guess = h.next_guess().unwrap();
                guesses += 1;
                let hint = judge(secret, guess);
                if hint == Hint::Correct {
                    break;
                }
                h.learn(guess, hint);
            }
            assert!(guesses <= 7, "secret {secret} took {guesses}");
        }
    }
}
