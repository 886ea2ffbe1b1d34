//! File transfer over UDP, both roles: the server sends the named file in 2048-byte datagrams
//! at a set pace; the client saves them until the first shorter one.

use std::fs::File;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::config::{ClientConfig, ServerConfig};
use super::download::{Finish, client_done, destination, note_stale_parts};
use super::progress::{Ticker, progress};
use super::share::{check_root, choose_file, warn_if_resized};
use crate::error::{Error, Result};
use crate::files::{Download, read_full};
use crate::net::event::{Event, FileReport, Role, Summary};
use crate::net::runner::{Reporter, StopFlag};
use crate::net::{MAX_DATAGRAM_BYTES, is_timeout};
use crate::protocol::file::{
    HeaderLook, MAX_NAME_BYTES, UDP_CHUNK_BYTES, header_look, header_warning,
};
use crate::units::{human_bytes, rate, seconds};

/// Datagrams of 2048 bytes a default Linux receive buffer (208 KiB) holds: each costs the
/// buffer about twice its size.
pub const DEFAULT_BUFFER_DATAGRAMS: u64 = 46;

/// Datagrams sent back to back before the UDP server checks its pace.
const UDP_BURST_DATAGRAMS: u64 = 8;

/// Receive buffer the UDP client asks for (the system may grant less).
pub const UDP_CLIENT_RECV_BUFFER_BYTES: usize = 8 * 1024 * 1024;

/// Runs the UDP file server until stopped; each transfer runs on its own thread.
pub fn run_udp_server(
    config: ServerConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let _watch = check_root(&config.root, config.serve_hidden, reporter, stop)?;
    let (socket, local) = crate::net::udp::bind_server(config.bind, reporter)?;
    let socket = crate::net::udp::link(socket, &config.conditions, reporter)?;
    let socket = Arc::new(socket);
    reporter.info(
        None,
        crate::t!(
            "net-file-sharing-udp",
            path = config.root.display().to_string(),
            local = local.to_string(),
            rate = human_bytes(config.udp_rate_bytes_per_sec)
        ),
    );
    let mut transfers = crate::net::udp::Transfers::default();
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    while !stop.is_stopped() {
        let Some((n, peer)) = crate::net::udp::poll_datagram(&socket, &mut datagram)? else {
            continue;
        };
        let raw = &datagram[..n];
        reporter.send(Event::Received {
            peer,
            bytes: raw[..n.min(MAX_NAME_BYTES)].to_vec(),
        });
        if n > MAX_NAME_BYTES {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-name-too-long-ignored",
                    max = MAX_NAME_BYTES.to_string()
                ),
            );
            continue;
        }
        if transfers.busy(peer) {
            reporter.warn(Some(peer), crate::t!("net-file-already-running"));
            continue;
        }
        // Nothing is sent for a refused request: any datagram would read as file data.
        let Some((name, path, file, size)) =
            choose_file(&config.root, config.serve_hidden, raw, peer, reporter)
        else {
            continue;
        };
        let (sender, transfer_stop, rate) = (
            Arc::clone(&socket),
            stop.clone(),
            config.udp_rate_bytes_per_sec,
        );
        transfers.start(peer, format!("udp-file {peer}"), reporter, move |r| {
            send_udp_file(
                &sender,
                peer,
                r,
                &transfer_stop,
                &name,
                &path,
                file,
                size,
                rate,
            );
        });
    }
    Ok(transfers.finish())
}

#[allow(clippy::too_many_arguments)]
fn send_udp_file(
    socket: &crate::net::impair::Link,
    peer: SocketAddr,
    reporter: &Reporter,
    stop: &StopFlag,
    name: &str,
    path: &Path,
    mut file: File,
    size: u64,
    rate_bytes_per_sec: u64,
) {
    let datagrams = crate::protocol::file::udp_datagram_count(size);
    reporter.info(
        Some(peer),
        crate::t!(
            "net-file-sending-udp",
            name = name,
            size = size.to_string(),
            n = datagrams.to_string(),
            count = datagrams,
            chunk = UDP_CHUNK_BYTES.to_string(),
            rate = human_bytes(rate_bytes_per_sec)
        ),
    );
    let mut chunk = [0u8; UDP_CHUNK_BYTES];
    let mut ticker = Ticker::new();
    let (mut bytes, mut sent) = (0u64, 0u64);
    let pace = rate_bytes_per_sec.max(1) as f64;
    loop {
        if stop.is_stopped() {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-stopping-cut-short",
                    name = name,
                    bytes = bytes.to_string()
                ),
            );
            return;
        }
        let n = match read_full(&mut file, &mut chunk) {
            Ok(n) => n,
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    crate::t!("net-file-cannot-read", name = name, error = e.to_string()),
                );
                return;
            }
        };
        match send_datagram(socket, &chunk[..n], peer) {
            Ok(fate) if reporter.wants_payload() => match fate {
                Some(f) if f.dropped => reporter.send(Event::Dropped {
                    peer,
                    bytes: chunk[..n].to_vec(),
                }),
                Some(f) => {
                    if f.duplicated || f.reordered || !f.delay.is_zero() {
                        reporter.send(Event::Fate { peer, fate: f });
                    }
                    reporter.payload(peer, true, &chunk[..n]);
                }
                None => reporter.payload(peer, true, &chunk[..n]),
            },
            Ok(_) => {}
            Err(e) => {
                reporter.warn(
                    Some(peer),
                    crate::t!(
                        "net-file-cut-short",
                        name = name,
                        bytes = bytes.to_string(),
                        error = e.to_string()
                    ),
                );
                return;
            }
        }
        bytes += n as u64;
        sent += 1;
        if n < UDP_CHUNK_BYTES {
            break;
        }
        if sent % UDP_BURST_DATAGRAMS == 0 {
            // Pace: never run ahead of the configured rate.
            let due = Duration::from_secs_f64(bytes as f64 / pace);
            if let Some(ahead) = due.checked_sub(ticker.started.elapsed()) {
                thread::sleep(ahead);
            }
        }
        if ticker.due() {
            reporter.send(progress(peer, bytes, Some(size), sent, ticker.started));
        }
    }
    warn_if_resized(reporter, peer, name, size, bytes);
    let elapsed = ticker.started.elapsed();
    reporter.send(progress(peer, bytes, Some(size), sent, ticker.started));
    reporter.send(Event::File(FileReport {
        role: Role::Server,
        peer,
        name: name.to_owned(),
        path: path.to_path_buf(),
        bytes,
        chunks: sent,
        tcp: false,
        elapsed,
        sha256: None,
        warning: None,
        spliced: 0,
    }));
    reporter.info(
        Some(peer),
        match socket.counts() {
            Some(c) => crate::t!(
                "net-file-sent-udp-simulated",
                name = name,
                bytes = crate::net::counted("net-n-bytes", bytes),
                n = crate::protocol::thousands(sent),
                count = sent,
                elapsed = seconds(elapsed),
                rate = rate(bytes, elapsed),
                simulator = c.to_string()
            ),
            None => crate::t!(
                "net-file-sent-udp",
                name = name,
                bytes = crate::net::counted("net-n-bytes", bytes),
                n = crate::protocol::thousands(sent),
                count = sent,
                elapsed = seconds(elapsed),
                rate = rate(bytes, elapsed)
            ),
        },
    );
}

/// Sends one datagram, retrying briefly while the system's send buffer is full.
fn send_datagram(
    socket: &crate::net::impair::Link,
    bytes: &[u8],
    peer: SocketAddr,
) -> std::io::Result<Option<crate::net::impair::Fate>> {
    let mut tries = 0;
    loop {
        match socket.send_to(bytes, peer) {
            Ok(fate) => return Ok(fate),
            Err(e) if (is_timeout(&e) || e.raw_os_error() == Some(105)) && tries < 1000 => {
                // 105 is ENOBUFS on Linux: the interface queue is full for a moment.
                tries += 1;
                thread::sleep(Duration::from_micros(200));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Downloads one file over UDP: stops at the first datagram shorter than 2048 bytes.
pub fn run_udp_client(
    config: ClientConfig,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<Summary> {
    let path = destination(&config.local, &config.remote);
    let mut download = Download::create(&path, config.overwrite)?;
    note_stale_parts(&download, reporter);
    let (socket, peer) = crate::net::udp::connect_client(&config.server, reporter)?;
    let socket = crate::net::udp::link(socket, &config.conditions, reporter)?;
    // The system may cap the size (Linux: net.core.rmem_max); pacing on the server covers that.
    let _ =
        socket2::SockRef::from(socket.socket()).set_recv_buffer_size(UDP_CLIENT_RECV_BUFFER_BYTES);
    socket.send(config.remote.as_bytes()).map_err(|e| {
        Error::io(
            crate::t!("net-file-cannot-send-name", peer = peer.to_string()),
            e,
        )
    })?;
    reporter.send(Event::Sent {
        peer,
        bytes: config.remote.as_bytes().to_vec(),
    });
    reporter.warn(None, crate::t!("net-file-udp-no-sequence"));
    let mut datagram = vec![0u8; MAX_DATAGRAM_BYTES + 1];
    let (mut bytes, mut chunks) = (0u64, 0u64);
    let mut warning = None;
    let mut ticker = Ticker::new();
    let mut last_data = Instant::now();
    // Pauses between arrivals after the first datagram (the longest few thousand kept).
    let mut pauses: Vec<Duration> = Vec::new();
    loop {
        if stop.is_stopped() {
            return Err(Error::Input(crate::t!(
                "net-file-cancelled-after",
                bytes = bytes.to_string()
            )));
        }
        let n = match socket.recv(&mut datagram) {
            Ok(n) => n,
            Err(e) if is_timeout(&e) => {
                if last_data.elapsed() >= config.timeout {
                    let secs = config.timeout.as_secs_f64();
                    return Err(if bytes == 0 {
                        Error::Protocol(crate::t!(
                            "net-file-no-data-udp",
                            peer = peer.to_string(),
                            secs = secs.to_string(),
                            name = config.remote.as_str()
                        ))
                    } else {
                        Error::Protocol(crate::t!(
                            "net-file-stalled-udp",
                            bytes = bytes.to_string(),
                            secs = secs.to_string()
                        ))
                    });
                }
                continue;
            }
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                return Err(Error::NoUdpServer {
                    addr: peer.to_string(),
                });
            }
            Err(e) => return Err(Error::io(crate::t!("net-receive-failed-context"), e)),
        };
        reporter.payload(peer, false, &datagram[..n]);
        download.write(&datagram[..n])?;
        bytes += n as u64;
        chunks += 1;
        let pause = last_data.elapsed();
        if chunks > 1 && pause >= Duration::from_millis(2) && pauses.len() < 4096 {
            pauses.push(pause);
        }
        last_data = Instant::now();
        if n < UDP_CHUNK_BYTES {
            if chunks == 1 {
                warning = first_datagram_warning(socket.socket(), &datagram[..n]);
            }
            break;
        }
        if chunks % 64 == 0 && ticker.due() {
            reporter.send(progress(peer, bytes, None, chunks, ticker.started));
        }
    }
    reporter.send(progress(peer, bytes, None, chunks, ticker.started));
    if let Some(hint) = arrival_hint(&pauses, bytes, ticker.started.elapsed()) {
        reporter.info(Some(peer), hint);
    }
    let done = Finish {
        bytes,
        chunks,
        tcp: false,
        started: ticker.started,
        warning,
    };
    client_done(download.finish(), 0, peer, &config, done, reporter)
}

/// The hint a UDP download's arrival pauses give: how many were long enough, at the pace the
/// file came at, to have overflowed a default receive buffer ([`DEFAULT_BUFFER_DATAGRAMS`])
/// in a client that was not reading meanwhile. None for a transfer too short to tell.
pub fn arrival_hint(pauses: &[Duration], bytes: u64, elapsed: Duration) -> Option<String> {
    let secs = elapsed.as_secs_f64();
    if bytes < 64 * UDP_CHUNK_BYTES as u64 || secs <= 0.0 {
        return None;
    }
    let pace = bytes as f64 / secs;
    let buffer = (DEFAULT_BUFFER_DATAGRAMS * UDP_CHUNK_BYTES as u64) as f64;
    let risky = pauses
        .iter()
        .filter(|p| p.as_secs_f64() * pace > buffer)
        .count();
    let fills = Duration::from_secs_f64(buffer / pace);
    Some(if risky == 0 {
        crate::t!(
            "net-file-arrivals-calm",
            ms = format!("{:.1}", fills.as_secs_f64() * 1000.0),
            buffer = DEFAULT_BUFFER_DATAGRAMS.to_string(),
            rate = human_bytes(pace as u64)
        )
    } else {
        crate::t!(
            "net-file-arrivals-risky",
            n = risky.to_string(),
            count = risky,
            ms = format!("{:.1}", fills.as_secs_f64() * 1000.0),
            buffer = DEFAULT_BUFFER_DATAGRAMS.to_string(),
            rate = human_bytes(pace as u64)
        )
    })
}

/// How long a UDP client listens, after a first datagram that ended the file as a short text
/// line, for more datagrams that would show it was a header.
pub const HEADER_FOLLOW_WAIT: Duration = Duration::from_millis(300);

/// The warning for a whole download that is one short datagram looking like a header: digits
/// alone (a size), or a text line that more datagrams follow.
fn first_datagram_warning(socket: &std::net::UdpSocket, first: &[u8]) -> Option<String> {
    let look = header_look(first)?;
    if look == HeaderLook::Text {
        // A small text file is one short line too: only datagrams after it make it a header.
        let until = Instant::now() + HEADER_FOLLOW_WAIT;
        let mut probe = [0u8; 1];
        let followed = loop {
            match socket.recv(&mut probe) {
                Ok(_) => break true,
                Err(e) if is_timeout(&e) && Instant::now() < until => {}
                Err(_) => break false,
            }
        };
        if !followed {
            return None;
        }
    }
    Some(header_warning(look, first, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrival_pauses_that_would_overflow_a_default_buffer_are_counted() {
        // 4 MiB in one second: a default buffer of 46 datagrams fills in about 22 ms.
        let pace = 4 * 1024 * 1024;
        let ms = Duration::from_millis;
        let hint = arrival_hint(&[ms(5), ms(30), ms(40)], pace, Duration::from_secs(1)).unwrap();
        assert!(
            hint.starts_with("arrivals: 2 pauses longer than 22.5 ms"),
            "{hint}"
        );
        let calm = arrival_hint(&[ms(5), ms(10)], pace, Duration::from_secs(1)).unwrap();
        assert!(
            calm.starts_with("arrivals: no pause longer than 22.5 ms"),
            "{calm}"
        );
        assert!(
            arrival_hint(&[], 2048, Duration::from_secs(1)).is_none(),
            "too short to tell"
        );
    }
}
