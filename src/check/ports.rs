//! Who holds a port: socklab grades only a server it started, so before a server under test
//! starts its port must be free, and `listens` passes only for a socket of the program's own
//! process tree.
//!
//! On Linux the answer comes from the system's socket tables (`/proc/net/tcp`, `tcp6`, `udp`,
//! `udp6`: the socket's inode) and the open files of each process (`/proc/PID/fd`, a link
//! `socket:[INODE]`). Elsewhere a bind of the port is tried and released at once: it says that
//! the port is taken, not by whom.

use std::fmt;

/// What holds a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    /// The process, where the system says (None: not visible to this user, or not Linux).
    pub pid: Option<u32>,
    /// Its program name (`/proc/PID/comm`).
    pub program: Option<String>,
}

impl Holder {
    /// Whether it is this socklab (one of the window's own exercises).
    pub fn is_socklab(&self) -> bool {
        self.pid == Some(std::process::id())
    }
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.pid, &self.program) {
            (Some(pid), _) if pid == std::process::id() => {
                f.write_str(&crate::t!("case-port-held-by-socklab", pid = pid))
            }
            (Some(pid), Some(name)) => write!(f, "PID {pid} ({name})"),
            (Some(pid), None) => write!(f, "PID {pid}"),
            (None, _) => f.write_str(&crate::t!("case-port-held-by-another")),
        }
    }
}

/// A socket in the system's table.
#[cfg(target_os = "linux")]
#[derive(Debug)]
struct Entry {
    local: Option<std::net::IpAddr>,
    remote: Option<std::net::SocketAddr>,
    port: u16,
    /// TCP state (0A is LISTEN, 06 TIME_WAIT); UDP: 07.
    state: u8,
    inode: u64,
}

#[cfg(target_os = "linux")]
fn table(tcp: bool) -> Option<Vec<Entry>> {
    let files: &[&str] = if tcp {
        &["/proc/net/tcp", "/proc/net/tcp6"]
    } else {
        &["/proc/net/udp", "/proc/net/udp6"]
    };
    let mut readable = false;
    let mut entries = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        readable = true;
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(local), Some(state), Some(inode)) =
                (fields.get(1), fields.get(3), fields.get(9))
            else {
                continue;
            };
            let port = local
                .rsplit(':')
                .next()
                .and_then(|p| u16::from_str_radix(p, 16).ok());
            let (Some(port), Ok(state), Ok(inode)) =
                (port, u8::from_str_radix(state, 16), inode.parse::<u64>())
            else {
                continue;
            };
            let remote = fields.get(2).and_then(|r| {
                let (ip, port) = r.rsplit_once(':')?;
                Some(std::net::SocketAddr::new(
                    hex_ip(ip)?,
                    u16::from_str_radix(port, 16).ok()?,
                ))
            });
            let local_ip = local.rsplit_once(':').and_then(|(ip, _)| hex_ip(ip));
            entries.push(Entry {
                local: local_ip,
                remote,
                port,
                state,
                inode,
            });
        }
    }
    readable.then_some(entries)
}

/// An address as the socket table writes it: the bytes of each 32-bit word in the machine's
/// order (x86: little-endian), IPv4 in 8 hex digits, IPv6 in 32.
#[cfg(target_os = "linux")]
fn hex_ip(hex: &str) -> Option<std::net::IpAddr> {
    let words: Vec<u32> = (0..hex.len() / 8)
        .map(|i| u32::from_str_radix(hex.get(i * 8..i * 8 + 8)?, 16).ok())
        .collect::<Option<_>>()?;
    match words.as_slice() {
        [w] => Some(std::net::Ipv4Addr::from(w.to_ne_bytes()).into()),
        [a, b, c, d] => {
            let mut bytes = [0u8; 16];
            for (i, w) in [a, b, c, d].iter().enumerate() {
                bytes[i * 4..i * 4 + 4].copy_from_slice(&w.to_ne_bytes());
            }
            Some(std::net::Ipv6Addr::from(bytes).into())
        }
        _ => None,
    }
}

/// TCP LISTEN in the socket table.
#[cfg(target_os = "linux")]
const LISTEN: u8 = 0x0A;
/// TCP TIME_WAIT.
#[cfg(target_os = "linux")]
const TIME_WAIT: u8 = 0x06;

/// The inodes of the sockets that hold `port`: listening (TCP) or bound (UDP); None where the
/// table cannot be read.
#[cfg(target_os = "linux")]
fn holding_inodes(port: u16, tcp: bool) -> Option<Vec<u64>> {
    Some(
        table(tcp)?
            .into_iter()
            .filter(|e| e.port == port && (!tcp || e.state == LISTEN))
            .map(|e| e.inode)
            .collect(),
    )
}

/// The processes with one of `inodes` open.
#[cfg(target_os = "linux")]
fn owners(inodes: &[u64], among: Option<&[u32]>) -> Vec<u32> {
    let wanted: Vec<String> = inodes.iter().map(|i| format!("socket:[{i}]")).collect();
    let pids: Vec<u32> = match among {
        Some(p) => p.to_vec(),
        None => all_pids(),
    };
    pids.into_iter()
        .filter(|pid| {
            std::fs::read_dir(format!("/proc/{pid}/fd")).is_ok_and(|fds| {
                fds.flatten().any(|fd| {
                    std::fs::read_link(fd.path())
                        .is_ok_and(|l| wanted.iter().any(|w| l.as_os_str() == w.as_str()))
                })
            })
        })
        .collect()
}

#[cfg(target_os = "linux")]
fn all_pids() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(target_os = "linux")]
fn program_name(pid: u32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim().to_owned())
}

/// What holds `port` (listening, for TCP; bound, for UDP), if anything does.
pub fn holder(port: u16, tcp: bool) -> Option<Holder> {
    #[cfg(target_os = "linux")]
    if let Some(inodes) = holding_inodes(port, tcp) {
        if inodes.is_empty() {
            return None;
        }
        let pid = owners(&inodes, None).into_iter().next();
        return Some(Holder {
            pid,
            program: pid.and_then(program_name),
        });
    }
    bind_says_taken(port, tcp).then_some(Holder {
        pid: None,
        program: None,
    })
}

fn bind_says_taken(port: u16, tcp: bool) -> bool {
    let addr = std::net::SocketAddr::from(([0, 0, 0, 0], port));
    let in_use = |e: std::io::Error| e.kind() == std::io::ErrorKind::AddrInUse;
    if tcp {
        std::net::TcpListener::bind(addr).err().is_some_and(in_use)
    } else {
        std::net::UdpSocket::bind(addr).err().is_some_and(in_use)
    }
}

/// Whether `port` is listening (TCP) or bound (UDP) by `root` or one of its descendants. Where
/// the system does not say who holds a socket, whether anything holds it.
pub fn held_by_tree(port: u16, tcp: bool, root: u32) -> bool {
    #[cfg(target_os = "linux")]
    if let Some(inodes) = holding_inodes(port, tcp) {
        if inodes.is_empty() {
            return false;
        }
        let tree = tree(root);
        return !owners(&inodes, Some(&tree)).is_empty();
    }
    let _ = root;
    bind_says_taken(port, tcp)
}

/// `root` and every process below it.
#[cfg(target_os = "linux")]
pub fn tree(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = all_pids()
        .into_iter()
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // `pid (comm) state ppid …`: comm may hold spaces and parentheses.
            let after = stat.rsplit_once(')')?.1;
            let ppid = after.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    tree
}

/// How many TCP connections in TIME_WAIT are left on local `port` (a server without
/// SO_REUSEADDR cannot bind it while one is); 0 where the table cannot be read.
pub fn time_waits(port: u16) -> usize {
    #[cfg(target_os = "linux")]
    {
        table(true).map_or(0, |t| {
            t.iter()
                .filter(|e| e.port == port && e.state == TIME_WAIT)
                .count()
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = port;
        0
    }
}

/// Ends the connections on this machine's loopback that still hold local TCP `port` in
/// TIME_WAIT, so that a server without SO_REUSEADDR can bind it again at once: a connection
/// attempt from the same address and port is taken by the kernel as the start of a new
/// connection, which ends the waiting one (and, nothing listening, is refused). Only the
/// loopback ones: on this machine they are socklab's own connections of an earlier case, or an
/// earlier program's. Never while something listens on the port. How many were ended.
pub fn clear_time_waits(port: u16) -> usize {
    #[cfg(target_os = "linux")]
    {
        let Some(entries) = table(true) else {
            return 0;
        };
        // Something listens there (a server the user started): the attempt would reach it as
        // a connection of its own, and the port is taken anyway.
        if entries.iter().any(|e| e.port == port && e.state == LISTEN) {
            return 0;
        }
        let mut cleared = 0;
        for e in entries
            .iter()
            .filter(|e| e.port == port && e.state == TIME_WAIT)
        {
            let (Some(local), Some(remote)) = (e.local, e.remote) else {
                continue;
            };
            if !(local.is_loopback() && remote.ip().is_loopback()) {
                continue;
            }
            let domain = socket2::Domain::for_address(remote);
            let Ok(s) = socket2::Socket::new(domain, socket2::Type::STREAM, None) else {
                continue;
            };
            let target = std::net::SocketAddr::new(local, port);
            if s.set_reuse_address(true).is_ok()
                && s.bind(&remote.into()).is_ok()
                && s.connect_timeout(&target.into(), std::time::Duration::from_millis(200))
                    .is_err()
            {
                cleared += 1;
            }
        }
        cleared
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = port;
        0
    }
}

/// Ports handed to parallel jobs (`--each --jobs`) are drawn from here: below the ranges
/// systems pick outgoing ports from (Linux 32768-60999, Windows 49152-65535), above the
/// well-known ones.
pub const JOB_PORTS: std::ops::Range<u16> = 20_000..32_000;

/// The range of ports this system gives outgoing connections (Linux:
/// `net.ipv4.ip_local_port_range`; elsewhere the IANA range 49152-65535).
pub fn ephemeral_range() -> (u16, u16) {
    #[cfg(target_os = "linux")]
    if let Ok(text) = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range") {
        let mut parts = text
            .split_whitespace()
            .filter_map(|p| p.parse::<u16>().ok());
        if let (Some(low), Some(high)) = (parts.next(), parts.next()) {
            return (low, high);
        }
    }
    (49152, 65535)
}

/// A note when `port` is one the system also hands out to outgoing connections: any of them
/// may hold it for a while (a minute after it closes), and a server that does not set
/// `SO_REUSEADDR` then cannot listen there.
pub fn ephemeral_note(port: u16) -> Option<String> {
    let (low, high) = ephemeral_range();
    (low..=high).contains(&port).then(|| {
        crate::t!(
            "case-port-ephemeral-note",
            port = port,
            low = low,
            high = high,
            first = JOB_PORTS.start,
            last = JOB_PORTS.end - 1
        )
    })
}

/// How many TCP sockets of any state use local `port` (0 where the table cannot be read).
pub fn tcp_sockets_on(port: u16) -> usize {
    #[cfg(target_os = "linux")]
    {
        table(true).map_or(0, |t| t.iter().filter(|e| e.port == port).count())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = port;
        0
    }
}

/// Whether a server that does not set `SO_REUSEADDR` could bind TCP `port` now: a bind of
/// every IPv4 address without that option, released at once (a bound socket that never
/// listened leaves nothing behind). It fails while any socket holds the port, in any state,
/// whether or not the socket table shows it.
pub fn tcp_bindable(port: u16) -> bool {
    let Ok(s) = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None) else {
        return true;
    };
    let any = std::net::SocketAddr::from(([0, 0, 0, 0], port));
    s.bind(&any.into()).is_ok()
}

/// Waits (at most `wait`) until no TCP socket uses local `port` and a server without
/// `SO_REUSEADDR` could bind it, ending loopback TIME_WAITs as they come (a connection that
/// was closing may only now reach that state).
pub fn wait_tcp_quiet(port: u16, wait: std::time::Duration) -> bool {
    let until = std::time::Instant::now() + wait;
    loop {
        clear_time_waits(port);
        if tcp_sockets_on(port) == 0 && tcp_bindable(port) {
            return true;
        }
        if std::time::Instant::now() >= until {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listener_of_this_process_is_found_and_named() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let h = holder(port, true).expect("held");
        assert!(h.is_socklab(), "{h:?}");
        assert!(held_by_tree(port, true, std::process::id()));
        drop(l);
        assert_eq!(holder(port, true), None);
        assert!(!held_by_tree(port, true, std::process::id()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_server_side_time_wait_is_cleared_so_the_port_binds_again() {
        use std::io::Read;
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (s, _) = l.accept().unwrap();
        // The server closes first, the client second: the server's side waits.
        drop(s);
        let _ = c.read(&mut [0u8; 1]);
        drop(c);
        drop(l);
        // The client's FIN reaches the server's side in the kernel's own time (a softirq that
        // may run after `close` returns): wait for the TIME_WAIT rather than race it.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while time_waits(port) == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(time_waits(port), 1);
        let plain = |p: u16| {
            let s =
                socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
            s.bind(&std::net::SocketAddr::from(([127, 0, 0, 1], p)).into())
        };
        assert!(
            plain(port).is_err(),
            "no SO_REUSEADDR: TIME_WAIT holds the port"
        );
        assert!(!tcp_bindable(port));
        assert_eq!(clear_time_waits(port), 1);
        assert_eq!(time_waits(port), 0);
        assert!(plain(port).is_ok());
        assert!(tcp_bindable(port));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_port_is_quiet_once_no_socket_holds_it() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        // A connection that is still open holds the port too, not only its listener.
        let c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (s, _) = l.accept().unwrap();
        drop(l);
        assert!(!tcp_bindable(port));
        let start = std::time::Instant::now();
        assert!(!wait_tcp_quiet(port, std::time::Duration::from_millis(300)));
        assert!(start.elapsed() >= std::time::Duration::from_millis(300));
        // The client closes first: nothing of the server's side waits afterwards.
        drop(c);
        let _ = std::io::Read::read(&mut &s, &mut [0u8; 1]);
        drop(s);
        assert!(wait_tcp_quiet(port, std::time::Duration::from_secs(3)));
        assert!(tcp_bindable(port));
    }

    #[test]
    fn a_port_among_the_outgoing_connections_gets_a_note() {
        let (low, high) = ephemeral_range();
        assert!(low < high);
        assert!(ephemeral_note(low).is_some_and(|n| n.contains("outgoing connections")));
        assert!(ephemeral_note(high).is_some());
        assert_eq!(ephemeral_note(12000), None);
        assert_eq!(ephemeral_note(low - 1), None);
    }

    #[test]
    fn a_udp_socket_is_found() {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = s.local_addr().unwrap().port();
        assert!(holder(port, false).is_some_and(|h| h.is_socklab()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_socket_of_another_process_is_not_the_trees() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let mut other = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        assert!(!held_by_tree(port, true, other.id()));
        let _ = other.kill();
        let _ = other.wait();
    }
}
