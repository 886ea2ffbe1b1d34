//! What the file runners are told: the servers' and the clients' settings, their defaults, and
//! the handout's `HOST:PORT:REMOTE_NAME` target.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Error, Result};

/// The port file-transfer forms offer by default.
pub const DEFAULT_FILE_PORT: u16 = crate::exercise::FILE_PORT;

/// Default pace of the UDP server. UDP has no flow control: a sender faster than the receiver
/// overflows the receiver's buffer and datagrams are lost without a trace.
pub const DEFAULT_UDP_RATE_BYTES_PER_SEC: u64 = 4 * 1024 * 1024;

/// Default idle timeout of the clients: no data for this long ends the transfer with an error.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// What a file server needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// TCP: most connections served at once; more are refused with a log line.
    pub max_connections: usize,
    /// The shared folder.
    pub root: PathBuf,
    /// Serve hidden names too (`.ssh/…`, `lab/.git/config`); off, they are refused.
    pub serve_hidden: bool,
    /// UDP only: bytes per second the server sends at most.
    pub udp_rate_bytes_per_sec: u64,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: crate::net::impair::Conditions,
}

/// What a file client needs.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// `host:port`.
    pub server: String,
    /// The name to ask for.
    pub remote: String,
    /// Where to save it; an existing folder means "in this folder, under the remote name".
    pub local: PathBuf,
    pub overwrite: bool,
    /// Connection timeout and idle timeout.
    pub timeout: Duration,
    /// Simulated network conditions for what this side sends (UDP only).
    pub conditions: crate::net::impair::Conditions,
    /// TCP: end this side's stream right after the name, so that a server that reads the name
    /// to the end of the stream has it whole. Off, the server closes first, always (socklab's
    /// checks: a server that crashes at once is then never left in TIME_WAIT, as it is when
    /// its close crosses this end).
    pub half_close: bool,
    /// TCP on Linux: move the bytes socket → file with `splice(2)`, never through this
    /// program's memory, and hash them on a thread of their own. Off, or where `splice` is
    /// refused, they are read and then written; so are those a capture keeps.
    pub zero_copy: bool,
}

/// Splits the handout's `HOST:PORT:REMOTE_NAME` (or `[v6]:PORT:REMOTE_NAME`).
pub fn split_target(target: &str) -> Result<(String, String)> {
    let bad = || {
        Error::Input(crate::t!(
            "net-file-not-target",
            text = format!("{target:?}")
        ))
    };
    let (host_end, rest) = if target.starts_with('[') {
        let end = target.find("]:").ok_or_else(bad)? + 1;
        (end, &target[end + 1..])
    } else {
        let end = target.find(':').ok_or_else(bad)?;
        (end, &target[end + 1..])
    };
    let (port, remote) = rest.split_once(':').ok_or_else(bad)?;
    if remote.is_empty() || port.is_empty() || host_end == 0 {
        return Err(bad());
    }
    Ok((format!("{}:{port}", &target[..host_end]), remote.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_split_like_the_handout() {
        assert_eq!(
            split_target("localhost:9000:a.txt").unwrap(),
            ("localhost:9000".into(), "a.txt".into())
        );
        assert_eq!(
            split_target("[::1]:9000:dir/a:b.txt").unwrap(),
            ("[::1]:9000".into(), "dir/a:b.txt".into())
        );
        assert!(split_target("localhost:9000").is_err());
        assert!(split_target("localhost:9000:").is_err());
        assert!(split_target(":9000:x").is_err());
    }
}
