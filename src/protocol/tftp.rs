//! TFTP packets (RFC 1350) with option negotiation (RFC 2347): `blksize` (RFC 2348),
//! `timeout` and `tsize` (RFC 2349), `windowsize` (RFC 7440). Pure encoding and decoding; the
//! transfers are in `net::tftp`.

/// Block size of plain TFTP, when no `blksize` is agreed.
pub const DEFAULT_BLKSIZE: usize = 512;
/// The range RFC 2348 allows for `blksize`.
pub const MIN_BLKSIZE: usize = 8;
pub const MAX_BLKSIZE: usize = 65_464;
/// The range RFC 7440 allows for `windowsize`.
pub const MAX_WINDOWSIZE: u16 = 65_535;
/// Longest request (file name, mode and options) read.
pub const MAX_REQUEST_BYTES: usize = 1024;

/// Error codes of RFC 1350 and RFC 2347.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    NotDefined = 0,
    FileNotFound = 1,
    AccessViolation = 2,
    DiskFull = 3,
    IllegalOperation = 4,
    UnknownTid = 5,
    FileExists = 6,
    NoSuchUser = 7,
    OptionRefused = 8,
}

impl ErrorCode {
    pub fn from_u16(code: u16) -> Self {
        match code {
            1 => Self::FileNotFound,
            2 => Self::AccessViolation,
            3 => Self::DiskFull,
            4 => Self::IllegalOperation,
            5 => Self::UnknownTid,
            6 => Self::FileExists,
            7 => Self::NoSuchUser,
            8 => Self::OptionRefused,
            _ => Self::NotDefined,
        }
    }

    /// What the code means, in words of the current language (for logs and the traffic view;
    /// never sent).
    pub fn meaning(self) -> String {
        match self {
            Self::NotDefined => crate::t!("proto-tftp-error-not-defined"),
            Self::FileNotFound => crate::t!("proto-tftp-error-file-not-found"),
            Self::AccessViolation => crate::t!("proto-tftp-error-access-violation"),
            Self::DiskFull => crate::t!("proto-tftp-error-disk-full"),
            Self::IllegalOperation => crate::t!("proto-tftp-error-illegal-operation"),
            Self::UnknownTid => crate::t!("proto-tftp-error-unknown-tid"),
            Self::FileExists => crate::t!("proto-tftp-error-file-exists"),
            Self::NoSuchUser => crate::t!("proto-tftp-error-no-such-user"),
            Self::OptionRefused => crate::t!("proto-tftp-error-option-refused"),
        }
    }
}

/// Read or write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Read,
    Write,
}

/// A request's transfer mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Octet,
    Netascii,
}

/// One TFTP packet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Packet {
    Request {
        direction: Direction,
        name: String,
        mode: Mode,
        /// Options as sent (names lower-cased), in order.
        options: Vec<(String, String)>,
    },
    Data {
        block: u16,
        data: Vec<u8>,
    },
    Ack {
        block: u16,
    },
    Error {
        code: ErrorCode,
        message: String,
    },
    Oack {
        options: Vec<(String, String)>,
    },
}

/// Why bytes are no TFTP packet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadPacket(pub String);

fn bad(why: impl Into<String>) -> BadPacket {
    BadPacket(why.into())
}

/// The NUL-terminated strings of `bytes`; the last must be terminated too.
fn strings(bytes: &[u8]) -> Result<Vec<String>, BadPacket> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    if bytes.last() != Some(&0) {
        return Err(bad(crate::t!("proto-tftp-unterminated")));
    }
    bytes[..bytes.len() - 1]
        .split(|b| *b == 0)
        .map(|s| {
            std::str::from_utf8(s)
                .map(str::to_owned)
                .map_err(|_| bad(crate::t!("proto-tftp-not-text")))
        })
        .collect()
}

fn pairs(items: &[String]) -> Result<Vec<(String, String)>, BadPacket> {
    if !items.len().is_multiple_of(2) {
        return Err(bad(crate::t!("proto-tftp-option-without-value")));
    }
    Ok(items
        .chunks(2)
        .map(|p| (p[0].to_ascii_lowercase(), p[1].clone()))
        .collect())
}

impl Packet {
    pub fn parse(bytes: &[u8]) -> Result<Self, BadPacket> {
        if bytes.len() < 2 {
            return Err(bad(crate::t!("proto-tftp-too-short", count = bytes.len())));
        }
        let opcode = u16::from_be_bytes([bytes[0], bytes[1]]);
        let rest = &bytes[2..];
        let number = |rest: &[u8]| -> Result<u16, BadPacket> {
            if rest.len() < 2 {
                return Err(bad(crate::t!("proto-tftp-no-block")));
            }
            Ok(u16::from_be_bytes([rest[0], rest[1]]))
        };
        match opcode {
            1 | 2 => {
                let items = strings(rest)?;
                if items.len() < 2 {
                    return Err(bad(crate::t!("proto-tftp-request-fields")));
                }
                let mode = match items[1].to_ascii_lowercase().as_str() {
                    "octet" => Mode::Octet,
                    "netascii" => Mode::Netascii,
                    other => {
                        return Err(bad(crate::t!("proto-tftp-mode", mode = other.to_string())));
                    }
                };
                if items[0].is_empty() {
                    return Err(bad(crate::t!("proto-tftp-empty-name")));
                }
                Ok(Self::Request {
                    direction: if opcode == 1 {
                        Direction::Read
                    } else {
                        Direction::Write
                    },
                    name: items[0].clone(),
                    mode,
                    options: pairs(&items[2..])?,
                })
            }
            3 => Ok(Self::Data {
                block: number(rest)?,
                data: rest[2..].to_vec(),
            }),
            4 => Ok(Self::Ack {
                block: number(rest)?,
            }),
            5 => {
                let code = ErrorCode::from_u16(number(rest)?);
                // Some senders leave the message unterminated: accept it.
                let text = &rest[2..];
                let text = text.strip_suffix(&[0]).unwrap_or(text);
                Ok(Self::Error {
                    code,
                    message: String::from_utf8_lossy(text).into_owned(),
                })
            }
            6 => Ok(Self::Oack {
                options: pairs(&strings(rest)?)?,
            }),
            other => Err(bad(crate::t!(
                "proto-tftp-opcode",
                opcode = other.to_string()
            ))),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let put_str = |out: &mut Vec<u8>, s: &str| {
            out.extend_from_slice(s.as_bytes());
            out.push(0);
        };
        match self {
            Self::Request {
                direction,
                name,
                mode,
                options,
            } => {
                out.extend_from_slice(
                    &(if *direction == Direction::Read {
                        1u16
                    } else {
                        2
                    })
                    .to_be_bytes(),
                );
                put_str(&mut out, name);
                put_str(
                    &mut out,
                    match mode {
                        Mode::Octet => "octet",
                        Mode::Netascii => "netascii",
                    },
                );
                for (k, v) in options {
                    put_str(&mut out, k);
                    put_str(&mut out, v);
                }
            }
            Self::Data { block, data } => {
                out.extend_from_slice(&3u16.to_be_bytes());
                out.extend_from_slice(&block.to_be_bytes());
                out.extend_from_slice(data);
            }
            Self::Ack { block } => {
                out.extend_from_slice(&4u16.to_be_bytes());
                out.extend_from_slice(&block.to_be_bytes());
            }
            Self::Error { code, message } => {
                out.extend_from_slice(&5u16.to_be_bytes());
                out.extend_from_slice(&(*code as u16).to_be_bytes());
                put_str(&mut out, message);
            }
            Self::Oack { options } => {
                out.extend_from_slice(&6u16.to_be_bytes());
                for (k, v) in options {
                    put_str(&mut out, k);
                    put_str(&mut out, v);
                }
            }
        }
        out
    }

    /// A short description for logs and the timeline: "DATA 7 (2048 B)", "ACK 7", ….
    pub fn describe(&self) -> String {
        match self {
            Self::Request {
                direction,
                name,
                options,
                ..
            } => {
                let opts: Vec<String> = options.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!(
                    "{} \"{name}\"{}",
                    if *direction == Direction::Read {
                        "RRQ"
                    } else {
                        "WRQ"
                    },
                    if opts.is_empty() {
                        String::new()
                    } else {
                        format!(" {}", opts.join(" "))
                    }
                )
            }
            Self::Data { block, data } => format!("DATA {block} ({} B)", data.len()),
            Self::Ack { block } => format!("ACK {block}"),
            Self::Error { code, message } => {
                format!("ERROR {} ({}): {message}", *code as u16, code.meaning())
            }
            Self::Oack { options } => {
                let opts: Vec<String> = options.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!("OACK {}", opts.join(" "))
            }
        }
    }
}

/// Options a transfer runs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agreed {
    pub blksize: usize,
    pub windowsize: u16,
    /// Retransmission timeout, seconds.
    pub timeout: u8,
}

impl Default for Agreed {
    fn default() -> Self {
        Self {
            blksize: DEFAULT_BLKSIZE,
            windowsize: 1,
            timeout: 1,
        }
    }
}

/// What a server answers to a request's options: the options it accepts (for an OACK; empty
/// means no OACK), and the values the transfer then uses. `size` is the file's size for
/// `tsize` on a read; on a write the client's `tsize` is echoed. Unknown or bad options are
/// left out, as RFC 2347 says.
pub fn negotiate(
    options: &[(String, String)],
    direction: Direction,
    size: Option<u64>,
) -> (Vec<(String, String)>, Agreed) {
    let mut agreed = Agreed::default();
    let mut accepted = Vec::new();
    for (name, value) in options {
        match name.as_str() {
            "blksize" => {
                if let Ok(n) = value.parse::<usize>()
                    && n >= MIN_BLKSIZE
                {
                    agreed.blksize = n.min(MAX_BLKSIZE);
                    accepted.push((name.clone(), agreed.blksize.to_string()));
                }
            }
            "windowsize" => {
                if let Ok(n) = value.parse::<u16>()
                    && n >= 1
                {
                    agreed.windowsize = n;
                    accepted.push((name.clone(), n.to_string()));
                }
            }
            "timeout" => {
                if let Ok(n) = value.parse::<u8>()
                    && n >= 1
                {
                    agreed.timeout = n;
                    accepted.push((name.clone(), n.to_string()));
                }
            }
            "tsize" => match (direction, size) {
                (Direction::Read, Some(size)) => accepted.push((name.clone(), size.to_string())),
                (Direction::Write, _) if value.parse::<u64>().is_ok() => {
                    accepted.push((name.clone(), value.clone()));
                }
                _ => {}
            },
            _ => {}
        }
    }
    (accepted, agreed)
}

/// The values a client runs with, from the server's OACK (options it did not return keep
/// their plain TFTP defaults); Err when the server returned something the client never asked
/// for or a value out of range.
pub fn accept_oack(
    asked: &[(String, String)],
    oack: &[(String, String)],
) -> Result<(Agreed, Option<u64>), String> {
    let mut agreed = Agreed::default();
    let mut tsize = None;
    for (name, value) in oack {
        let wanted = asked.iter().find(|(k, _)| k == name);
        let Some((_, asked_value)) = wanted else {
            return Err(crate::t!("proto-tftp-unasked-option", name = name.as_str()));
        };
        let number = value.parse::<u64>().map_err(|_| {
            crate::t!(
                "proto-tftp-option-not-number",
                name = name.as_str(),
                value = value.as_str()
            )
        })?;
        match name.as_str() {
            "blksize" => {
                let asked = asked_value.parse::<u64>().unwrap_or(0);
                if number < MIN_BLKSIZE as u64 || number > asked {
                    return Err(crate::t!(
                        "proto-tftp-out-of-range",
                        name = "blksize",
                        value = number.to_string()
                    ));
                }
                agreed.blksize = number as usize;
            }
            "windowsize" => {
                let asked = asked_value.parse::<u64>().unwrap_or(0);
                if number == 0 || number > asked {
                    return Err(crate::t!(
                        "proto-tftp-out-of-range",
                        name = "windowsize",
                        value = number.to_string()
                    ));
                }
                agreed.windowsize = number as u16;
            }
            "timeout" => agreed.timeout = u8::try_from(number.clamp(1, 255)).unwrap_or(1),
            "tsize" => tsize = Some(number),
            _ => {}
        }
    }
    Ok((agreed, tsize))
}

/// The block number of block `index` (1-based, counted without end): numbers wrap from 65535
/// to 0, as curl, tftp-hpa and atftp do.
pub fn block_number(index: u64) -> u16 {
    (index % 65_536) as u16
}

/// The block index (1-based) that `number` names, given that the next expected index is near
/// `around`: the one within a window of it.
pub fn block_index(number: u16, around: u64) -> u64 {
    let base = around & !0xFFFF;
    let candidates = [
        base.wrapping_sub(65_536) + u64::from(number),
        base + u64::from(number),
        base + 65_536 + u64::from(number),
    ];
    candidates
        .into_iter()
        .min_by_key(|c| c.abs_diff(around))
        .unwrap_or(u64::from(number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packets_round_trip() {
        let packets = [
            Packet::Request {
                direction: Direction::Read,
                name: "a.bin".into(),
                mode: Mode::Octet,
                options: vec![
                    ("blksize".into(), "2048".into()),
                    ("tsize".into(), "0".into()),
                ],
            },
            Packet::Data {
                block: 65_535,
                data: vec![1, 2, 3],
            },
            Packet::Ack { block: 0 },
            Packet::Error {
                code: ErrorCode::FileNotFound,
                message: "no such file".into(),
            },
            Packet::Oack {
                options: vec![("blksize".into(), "1024".into())],
            },
        ];
        for p in packets {
            assert_eq!(Packet::parse(&p.encode()), Ok(p));
        }
        assert!(Packet::parse(&[0, 9]).is_err());
        assert!(Packet::parse(&[0, 1, b'a', 0]).is_err(), "no mode");
        assert!(
            Packet::parse(&[0, 1, b'a', 0, b'o', b'c']).is_err(),
            "unterminated"
        );
    }

    #[test]
    fn options_are_negotiated() {
        let asked = vec![
            ("blksize".to_owned(), "100000".to_owned()),
            ("tsize".to_owned(), "0".to_owned()),
            ("windowsize".to_owned(), "0".to_owned()),
            ("colour".to_owned(), "blue".to_owned()),
        ];
        let (accepted, agreed) = negotiate(&asked, Direction::Read, Some(7000));
        assert_eq!(agreed.blksize, MAX_BLKSIZE);
        assert_eq!(agreed.windowsize, 1, "0 is refused, plain TFTP kept");
        assert_eq!(
            accepted,
            vec![
                ("blksize".to_owned(), "65464".to_owned()),
                ("tsize".to_owned(), "7000".to_owned())
            ]
        );
        let mine = vec![("blksize".to_owned(), "2048".to_owned())];
        assert!(accept_oack(&mine, &[("blksize".into(), "4096".into())]).is_err());
        assert!(accept_oack(&mine, &[("windowsize".into(), "4".into())]).is_err());
        let (agreed, _) = accept_oack(&mine, &[("blksize".into(), "1024".into())]).unwrap();
        assert_eq!(agreed.blksize, 1024);
    }

    #[test]
    fn block_numbers_roll_over() {
        assert_eq!(block_number(65_535), 65_535);
        assert_eq!(block_number(65_536), 0);
        assert_eq!(block_number(65_537), 1);
        assert_eq!(block_index(0, 65_535), 65_536);
        assert_eq!(block_index(65_535, 65_537), 65_535);
        assert_eq!(block_index(3, 3), 3);
        assert_eq!(block_index(2, 131_073), 131_074);
    }
}
