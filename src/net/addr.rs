//! Addresses: parsing what people type, and listing where a server can be reached.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use crate::error::{Error, Result};

/// The port the add-two-numbers handouts and the textbook examples use.
pub const DEFAULT_ADD_PORT: u16 = crate::exercise::ADD_PORT;

/// The three bind choices the window offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BindChoice {
    /// 0.0.0.0: every IPv4 interface, reachable from other machines.
    AllIpv4,
    /// 127.0.0.1: this machine only.
    Loopback,
    /// `::`: every IPv6 interface (and IPv4 too on most systems).
    AllIpv6,
}

impl BindChoice {
    pub const ALL: [Self; 3] = [Self::AllIpv4, Self::Loopback, Self::AllIpv6];

    pub fn ip(self) -> IpAddr {
        match self {
            Self::AllIpv4 => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            Self::Loopback => IpAddr::V4(Ipv4Addr::LOCALHOST),
            Self::AllIpv6 => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::AllIpv4 => crate::t!("net-bind-all-ipv4"),
            Self::Loopback => crate::t!("net-bind-loopback"),
            Self::AllIpv6 => crate::t!("net-bind-all-ipv6"),
        }
    }
}

/// Splits `host:port` (or `[v6]:port`) and resolves it; every address found, IPv4 first.
pub fn resolve(host_port: &str) -> Result<Vec<SocketAddr>> {
    let text = host_port.trim();
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(vec![addr]);
    }
    let (host, port) = split_host_port(text)?;
    let mut addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| Error::Resolve {
            host: host.to_owned(),
            reason: e.to_string(),
        })?
        .collect();
    if addrs.is_empty() {
        return Err(Error::Resolve {
            host: host.to_owned(),
            reason: crate::t!("net-no-addresses"),
        });
    }
    addrs.sort_by_key(|a| a.is_ipv6());
    addrs.dedup();
    Ok(addrs)
}

/// Splits `host:port` or `[v6]:port` without resolving.
pub fn split_host_port(text: &str) -> Result<(&str, u16)> {
    let bad = || Error::Input(crate::t!("net-not-host-port", text = format!("{text:?}")));
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (host, port) = rest.split_once("]:").ok_or_else(bad)?;
        (host, port)
    } else {
        let (host, port) = text.rsplit_once(':').ok_or_else(bad)?;
        if host.contains(':') {
            return Err(bad());
        }
        (host, port)
    };
    if host.is_empty() {
        return Err(bad());
    }
    let port = port
        .parse::<u16>()
        .map_err(|_| Error::Input(crate::t!("net-not-a-port", port = format!("{port:?}"))))?;
    Ok((host, port))
}

/// Addresses other machines can use to reach a server bound to `local`.
///
/// For a wildcard bind, every non-loopback interface address of the matching family (IPv6 also
/// lists IPv4, since such sockets usually accept both); for a specific address, just that one.
pub fn reachable_addresses(local: SocketAddr) -> Vec<SocketAddr> {
    if !local.ip().is_unspecified() {
        return vec![local];
    }
    let mut found: Vec<SocketAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|iface| iface.ip())
        .filter(|ip| !ip.is_loopback())
        .filter(|ip| local.is_ipv6() || ip.is_ipv4())
        .filter(|ip| match ip {
            // Link-local IPv6 needs a scope id to be usable: leave it out.
            IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) != 0xfe80,
            IpAddr::V4(_) => true,
        })
        .map(|ip| SocketAddr::new(ip, local.port()))
        .collect();
    found.sort_by_key(|a| (a.is_ipv6(), a.ip()));
    found.dedup();
    let loopback = if local.is_ipv6() {
        IpAddr::V6(Ipv6Addr::LOCALHOST)
    } else {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    };
    found.push(SocketAddr::new(loopback, local.port()));
    found
}

/// Whether `host_port` (`HOST:PORT`, `[V6]:PORT`, or a bare host) names this computer: a
/// loopback address, `localhost`, or one of its interfaces' addresses. A name that is not an
/// address (`lab-pc-12`) is taken for another machine.
pub fn is_this_computer(host_port: &str) -> bool {
    let host = split_host_port(host_port).map_or(host_port, |(h, _)| h);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let Ok(ip) = host.parse::<IpAddr>() else {
        return false;
    };
    ip.is_loopback()
        || ip.is_unspecified()
        || if_addrs::get_if_addrs()
            .unwrap_or_default()
            .iter()
            .any(|i| i.ip() == ip)
}

/// What a server bound to `local` says at start when only this computer can reach it.
pub fn loopback_note(local: SocketAddr) -> Option<String> {
    if !local.ip().is_loopback() {
        return None;
    }
    let all = if local.is_ipv6() {
        SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), local.port())
    } else {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), local.port())
    };
    let others: Vec<String> = reachable_addresses(all)
        .into_iter()
        .filter(|a| !a.ip().is_loopback())
        .map(|a| a.to_string())
        .collect();
    Some(if others.is_empty() {
        crate::t!("net-loopback-note-unknown", local = local.to_string())
    } else {
        crate::t!(
            "net-loopback-note",
            local = local.to_string(),
            others = others.join(&format!(" {} ", crate::t!("net-or")))
        )
    })
}

/// The user's name for default names such as "Server of ana".
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "socklab".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_port_forms() {
        assert_eq!(
            split_host_port("localhost:12000").unwrap(),
            ("localhost", 12000)
        );
        assert_eq!(split_host_port("[::1]:9").unwrap(), ("::1", 9));
        assert!(split_host_port("localhost").is_err());
        assert!(split_host_port("::1:9").is_err());
        assert!(split_host_port("h:70000").is_err());
        assert_eq!(
            resolve("[::1]:12000").unwrap(),
            vec!["[::1]:12000".parse().unwrap()]
        );
        assert!(resolve("127.0.0.1:80").unwrap()[0].is_ipv4());
    }

    #[test]
    fn specific_bind_is_its_own_address() {
        let a: SocketAddr = "127.0.0.1:5".parse().unwrap();
        assert_eq!(reachable_addresses(a), vec![a]);
        let any = reachable_addresses("0.0.0.0:5".parse().unwrap());
        assert!(any.iter().all(|a| a.is_ipv4() && a.port() == 5));
    }
}
