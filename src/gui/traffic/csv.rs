//! The inspector's export: the selected rows as CSV or as plain text.

use std::fmt::Write as _;

use super::Traffic;
use crate::gui::log_view::clock;
use crate::protocol::{escape_bytes, hex_bytes};

impl Traffic {
    /// The selected rows as CSV (time, connection, call, bytes, text, hex).
    pub fn to_csv(&mut self) -> String {
        let mut out = String::from("seq,time,connection,call,bytes,text,hex,note\n");
        for r in self.selected() {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{}",
                r.seq,
                clock(r.time),
                r.conn.map(|c| c.to_string()).unwrap_or_default(),
                r.call.name(),
                r.len,
                csv_field(&escape_bytes(&r.preview)),
                hex_bytes(&r.preview),
                csv_field(&r.note)
            );
        }
        out
    }

    /// The selected rows as plain text, one per line.
    pub fn to_text(&mut self) -> String {
        let mut out = String::new();
        for r in self.selected() {
            let _ = writeln!(
                out,
                "{} {:<22} {:<8} {:>6} B  {}{}",
                clock(r.time),
                r.conn
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| crate::t!("win-traffic-text-listening")),
                r.call.name(),
                r.len,
                escape_bytes(&r.preview),
                if r.note.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", r.note)
                }
            );
        }
        out
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::net::SocketAddr;
    use std::time::{Duration, SystemTime};

    use crate::net::event::{Event, Stamped};

    fn stamped(event: Event) -> Stamped {
        Stamped {
            at: SystemTime::UNIX_EPOCH,
            elapsed: Duration::ZERO,
            event,
        }
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut t = Traffic::default();
        let peer: SocketAddr = "127.0.0.1:5".parse().unwrap();
        t.record(&stamped(Event::Connected {
            local: "127.0.0.1:6".parse().unwrap(),
            peer,
            tcp: true,
        }));
        t.record(&stamped(Event::Sent {
            peer,
            bytes: b"Ana, \"42\"\n".to_vec(),
        }));
        let csv = t.to_csv();
        assert!(
            csv.contains(",127.0.0.1:5,send,10,\"Ana, \\\"\"42\\\"\"\\n\",41 6e 61"),
            "{csv}"
        );
    }
}
