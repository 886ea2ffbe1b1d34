//! TFTP: socklab's server and client with each other under simulated loss, duplication and
//! reordering; ERROR packets; block-number rollover; and against real TFTP software from
//! Debian (curl, tftp-hpa, atftp as clients; tftpd-hpa and atftpd as servers). A real peer
//! that is not installed is installed when the test may (root, apt-get), or the case is
//! skipped with a printed reason.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use socklab::net::impair::Conditions;
use socklab::net::tftp::{self, ClientConfig, ServerConfig};

/// File contents, different for every size.
fn content(size: usize) -> Vec<u8> {
    (0..size).map(|i| ((i * 7 + size) % 253) as u8).collect()
}

fn lossy(seed: u64) -> Conditions {
    Conditions {
        loss_pct: 10.0,
        duplicate_pct: 5.0,
        reorder_pct: 5.0,
        seed: Some(seed),
        ..Conditions::default()
    }
}

fn server(root: &Path, allow_write: bool, conditions: Conditions) -> Running {
    let config = ServerConfig {
        bind: "127.0.0.1:0".parse().unwrap(),
        root: root.to_path_buf(),
        allow_write,
        serve_hidden: false,
        conditions,
    };
    start("tftp server", true, move |r, s| {
        tftp::run_server(config, r, s)
    })
}

/// Runs socklab's client to the end: its summary, or the error's words.
fn client(config: ClientConfig) -> Result<String, String> {
    let running = start("tftp client", false, move |r, s| {
        tftp::run_client(config, r, s)
    });
    let events = collect_until_finished(&running.rx, Duration::from_secs(120));
    running.handle.join();
    match outcome(&events) {
        Ok(summary) => Ok(summary.message.clone()),
        Err(e) => {
            // What the client saw, for a failure to be read (shown when the test fails).
            for line in log_texts(&events) {
                eprintln!("client: {line}");
            }
            Err(e.to_string())
        }
    }
}

fn get(addr: &str, remote: &str, local: &Path) -> ClientConfig {
    ClientConfig {
        server: addr.to_owned(),
        remote: remote.to_owned(),
        local: local.to_path_buf(),
        ..ClientConfig::default()
    }
}

/// The number after `word` in `text` ("… 17 dropped" → 17).
fn count_before(text: &str, word: &str) -> u64 {
    let at = text
        .find(word)
        .unwrap_or_else(|| panic!("no {word} in {text}"));
    text[..at]
        .split_whitespace()
        .last()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before {word} in {text}"))
}

#[test]
fn socklab_to_socklab_transfers_are_whole_over_a_bad_network() {
    let share = tempfile::tempdir().unwrap();
    let data = content(300_000);
    std::fs::write(share.path().join("lab.bin"), &data).unwrap();
    let server = server(share.path(), true, lossy(1));
    let out = tempfile::tempdir().unwrap();
    for (i, windowsize) in [1u16, 8].into_iter().enumerate() {
        // Download, both sides impaired.
        let local = out.path().join(format!("got-{windowsize}.bin"));
        let summary = client(ClientConfig {
            windowsize,
            conditions: lossy(10 + i as u64),
            ..get(&server.addr(), "lab.bin", &local)
        })
        .unwrap();
        assert_eq!(std::fs::read(&local).unwrap(), data, "{summary}");
        assert!(count_before(&summary, "dropped") > 0, "{summary}");
        // Upload it back under another name.
        let name = format!("up-{windowsize}.bin");
        let summary = client(ClientConfig {
            windowsize,
            put: true,
            conditions: lossy(20 + i as u64),
            ..get(&server.addr(), &name, &local)
        });
        let summary = match summary {
            Ok(summary) => summary,
            Err(e) => {
                // The server's side of it too.
                server.handle.stop();
                for line in log_texts(&server.finish()) {
                    eprintln!("server: {line}");
                }
                panic!("the upload failed: {e}")
            }
        };
        assert!(summary.contains("uploaded"), "{summary}");
        let uploaded = share.path().join(&name);
        let deadline = Instant::now() + WAIT;
        while !uploaded.exists() {
            assert!(Instant::now() < deadline, "the upload was never saved");
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(std::fs::read(&uploaded).unwrap(), data);
    }
    server.handle.stop();
    let events = server.finish();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, socklab::net::event::Event::Dropped { .. })),
        "the server reports the datagrams the simulator dropped"
    );
    let texts = log_texts(&events);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("simulator:") && !t.contains("simulator: 0 dropped")),
        "{texts:#?}"
    );
}

#[test]
fn each_refusal_is_an_error_packet_the_client_explains() {
    let share = tempfile::tempdir().unwrap();
    std::fs::write(share.path().join("here.txt"), b"here\n").unwrap();
    let read_only = server(share.path(), false, Conditions::default());
    let out = tempfile::tempdir().unwrap();
    let local = out.path().join("x");
    let cases = [
        ("missing.txt", false, "ERROR 1 (file not found)"),
        ("../here.txt", false, "ERROR 2 (access violation)"),
        ("new.txt", true, "uploads are not allowed"),
    ];
    for (remote, put, expected) in cases {
        if put {
            std::fs::write(&local, b"data").unwrap();
        }
        let err = client(ClientConfig {
            put,
            ..get(&read_only.addr(), remote, &local)
        })
        .unwrap_err();
        assert!(err.contains(expected), "{remote}: {err}");
        if !put {
            assert!(!local.exists(), "{remote}: nothing is saved for a refusal");
        }
    }
    read_only.handle.stop();
    let writable = server(share.path(), true, Conditions::default());
    let err = client(ClientConfig {
        put: true,
        ..get(&writable.addr(), "here.txt", &local)
    })
    .unwrap_err();
    assert!(err.contains("ERROR 6 (file already exists)"), "{err}");
    assert_eq!(
        std::fs::read(share.path().join("here.txt")).unwrap(),
        b"here\n"
    );
    // Nothing listening: the client gives up after its tries and says what to look at.
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = client(get(
        &format!("127.0.0.1:{port}"),
        "a",
        &out.path().join("y"),
    ))
    .unwrap_err();
    assert!(
        err.contains("no answer") && err.contains("is a TFTP server running there?"),
        "{err}"
    );
}

#[test]
fn block_numbers_roll_over_past_65535() {
    // 66,001 blocks of 8 bytes: block numbers wrap from 65535 to 0.
    let share = tempfile::tempdir().unwrap();
    let data = content(66_000 * 8 + 3);
    std::fs::write(share.path().join("big.bin"), &data).unwrap();
    let server = server(share.path(), false, Conditions::default());
    let out = tempfile::tempdir().unwrap();
    let local = out.path().join("big.bin");
    let summary = client(ClientConfig {
        blksize: 8,
        windowsize: 16,
        ..get(&server.addr(), "big.bin", &local)
    })
    .unwrap();
    assert!(summary.contains("66001 blocks"), "{summary}");
    assert_eq!(std::fs::read(&local).unwrap(), data);
}

// ---- Real TFTP software ----

/// atftpd, which conflicts with tftpd-hpa: unpacked from its package, not installed.
fn atftpd() -> Option<PathBuf> {
    let _lock = INSTALL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("atftpd");
    let bin = dir.join("usr/sbin/atftpd");
    if bin.exists() {
        return Some(bin);
    }
    let _ = std::fs::create_dir_all(&dir);
    let fetched = Command::new("sh")
        .current_dir(&dir)
        .args([
            "-c",
            "timeout 300 apt-get download atftpd && dpkg -x atftpd_*.deb .",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if fetched && bin.exists() {
        Some(bin)
    } else {
        say("skipped: atftpd could not be downloaded and unpacked (apt-get download atftpd)");
        None
    }
}

/// Runs a command to its end (at most two minutes); true on exit code 0.
fn run(cmd: &mut Command) -> bool {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_output(child, Duration::from_secs(120));
    if out.code != Some(0) {
        say(&format!("{:?} failed: {}{}", cmd, out.stdout, out.stderr));
    }
    out.code == Some(0)
}

#[test]
fn real_clients_download_from_socklabs_server() {
    let share = tempfile::tempdir().unwrap();
    let data = content(200_000);
    std::fs::write(share.path().join("lab.bin"), &data).unwrap();
    let out = tempfile::tempdir().unwrap();
    // Plain, then with socklab's sends impaired.
    for (round, conditions) in [Conditions::default(), lossy(5)].into_iter().enumerate() {
        let server = server(share.path(), false, conditions);
        let port = server.port().to_string();
        if let Some(curl) = tool("curl", "curl") {
            let local = out.path().join(format!("curl-{round}.bin"));
            assert!(run(Command::new(curl).args([
                "-s",
                "--tftp-blksize",
                "2048",
                "-o",
                local.to_str().unwrap(),
                &format!("tftp://127.0.0.1:{port}/lab.bin"),
            ])));
            assert_eq!(std::fs::read(&local).unwrap(), data, "curl, round {round}");
        }
        if let Some(tftp) = tool("tftp", "tftp-hpa") {
            let local = out.path().join(format!("hpa-{round}.bin"));
            assert!(run(Command::new(tftp).args([
                "127.0.0.1",
                &port,
                "-m",
                "binary",
                "-c",
                "get",
                "lab.bin",
                local.to_str().unwrap(),
            ])));
            assert_eq!(
                std::fs::read(&local).unwrap(),
                data,
                "tftp-hpa, round {round}"
            );
        }
        if let Some(atftp) = tool("atftp", "atftp") {
            let local = out.path().join(format!("atftp-{round}.bin"));
            assert!(run(Command::new(atftp).args([
                "--get",
                "-r",
                "lab.bin",
                "-l",
                local.to_str().unwrap(),
                "--option",
                "blksize 2048",
                "--option",
                "windowsize 8",
                "127.0.0.1",
                &port,
            ])));
            assert_eq!(std::fs::read(&local).unwrap(), data, "atftp, round {round}");
        }
        server.handle.stop();
        let texts = log_texts(&server.finish());
        if round == 1 {
            assert!(
                texts
                    .iter()
                    .any(|t| t.contains("simulator:") && !t.contains("0 dropped")),
                "the simulator dropped something: {texts:#?}"
            );
        }
    }
}

/// Waits until something has `port` bound (UDP).
fn wait_bound(port: u16) {
    let deadline = Instant::now() + WAIT;
    while !socklab::check::is_listening(port, false) {
        assert!(Instant::now() < deadline, "the server never bound {port}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn socklabs_client_downloads_from_real_servers() {
    let share = tempfile::tempdir().unwrap();
    let big = content(150_000);
    let small = content(40_000);
    std::fs::write(share.path().join("big.bin"), &big).unwrap();
    std::fs::write(share.path().join("small.bin"), &small).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut servers: Vec<(&str, Command)> = Vec::new();
    if let Some(tftpd) = tool("in.tftpd", "tftpd-hpa") {
        let port = free_port(false);
        let mut cmd = Command::new(tftpd);
        cmd.args(["-L", "-a", &format!("127.0.0.1:{port}"), "-s"])
            .arg(share.path())
            .args(["-u", "root"]);
        servers.push(("tftpd-hpa", cmd));
    }
    if let Some(atftpd) = atftpd() {
        let port = free_port(false);
        let mut cmd = Command::new(atftpd);
        cmd.args([
            "--daemon",
            "--no-fork",
            "--port",
            &port.to_string(),
            "--bind-address",
            "127.0.0.1",
            "--user",
            "root.root",
            "--logfile",
            "/dev/null",
        ])
        .arg(share.path());
        servers.push(("atftpd", cmd));
    }
    for (name, mut cmd) in servers {
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let port: u16 = args
            .iter()
            .find_map(|a| {
                a.strip_prefix("127.0.0.1:")
                    .and_then(|p| p.parse().ok())
                    .or_else(|| a.parse::<u16>().ok().filter(|p| *p > 1024))
            })
            .unwrap();
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_bound(port);
        let addr = format!("127.0.0.1:{port}");
        for windowsize in [1u16, 8] {
            let local = out.path().join(format!("{name}-{windowsize}.bin"));
            let summary = client(ClientConfig {
                windowsize,
                ..get(&addr, "big.bin", &local)
            })
            .unwrap_or_else(|e| panic!("{name}, windowsize {windowsize}: {e}"));
            assert_eq!(std::fs::read(&local).unwrap(), big, "{name}: {summary}");
        }
        // socklab's side impaired: its ACKs lost, doubled, reordered; the server recovers.
        let local = out.path().join(format!("{name}-lossy.bin"));
        let summary = client(ClientConfig {
            conditions: lossy(7),
            ..get(&addr, "small.bin", &local)
        })
        .unwrap_or_else(|e| panic!("{name}, impaired: {e}"));
        assert_eq!(std::fs::read(&local).unwrap(), small, "{name}: {summary}");
        let err = client(get(&addr, "missing.bin", &out.path().join("m"))).unwrap_err();
        assert!(err.contains("ERROR 1"), "{name}: {err}");
        let _ = child.kill();
        let _ = child.wait();
    }
}

#[test]
fn stop_ends_a_waiting_transfer_at_once_with_nothing_saved() {
    // A server that drops everything it sends: the client waits; Stop ends it.
    let share = tempfile::tempdir().unwrap();
    std::fs::write(share.path().join("lab.bin"), content(100_000)).unwrap();
    let server = server(
        share.path(),
        false,
        Conditions {
            loss_pct: 100.0,
            seed: Some(1),
            ..Conditions::default()
        },
    );
    let out = tempfile::tempdir().unwrap();
    let local = out.path().join("lab.bin");
    let config = get(&server.addr(), "lab.bin", &local);
    let client = start("tftp client", false, move |r, s| {
        tftp::run_client(config, r, s)
    });
    std::thread::sleep(Duration::from_millis(300));
    let asked = Instant::now();
    client.handle.stop();
    let events = collect_until_finished(&client.rx, WAIT);
    let took = asked.elapsed();
    client.handle.join();
    assert!(outcome(&events).is_err());
    assert!(took < Duration::from_millis(200), "Stop took {took:?}");
    assert!(!local.exists(), "nothing saved");
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "no part file left"
    );
}

#[test]
fn uploads_work_with_curl_as_client_or_tftpd_hpa_as_server() {
    // Small: a lost ACK costs curl its own retransmission timeout.
    let data = content(40_000);
    let out = tempfile::tempdir().unwrap();
    let source = out.path().join("up.bin");
    std::fs::write(&source, &data).unwrap();
    // curl uploads to socklab's server (its sends impaired).
    if let Some(curl) = tool("curl", "curl") {
        let share = tempfile::tempdir().unwrap();
        let server = server(share.path(), true, lossy(11));
        assert!(run(Command::new(curl).args([
            "-s",
            "--tftp-blksize",
            "2048",
            "-T",
            source.to_str().unwrap(),
            &format!("tftp://127.0.0.1:{}/from-curl.bin", server.port()),
        ])));
        let saved = share.path().join("from-curl.bin");
        let deadline = Instant::now() + WAIT;
        while !saved.exists() {
            assert!(Instant::now() < deadline, "curl's upload was never saved");
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(std::fs::read(&saved).unwrap(), data, "curl's upload");
    }
    // socklab's client uploads to tftpd-hpa (-c: it may create files), its datagrams impaired.
    if let Some(tftpd) = tool("in.tftpd", "tftpd-hpa") {
        let share = tempfile::tempdir().unwrap();
        let port = free_port(false);
        let mut child = Command::new(tftpd)
            .args(["-L", "-c", "-a", &format!("127.0.0.1:{port}"), "-s"])
            .arg(share.path())
            .args(["-u", "root"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_bound(port);
        let summary = client(ClientConfig {
            put: true,
            conditions: lossy(12),
            ..get(&format!("127.0.0.1:{port}"), "from-socklab.bin", &source)
        })
        .unwrap_or_else(|e| panic!("upload to tftpd-hpa: {e}"));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            std::fs::read(share.path().join("from-socklab.bin")).unwrap(),
            data,
            "{summary}"
        );
    }
}

#[test]
fn the_server_keeps_to_the_protocol_with_a_raw_peer() {
    use socklab::protocol::tftp::{Direction, ErrorCode, Mode, Packet};
    use std::net::UdpSocket;
    let share = tempfile::tempdir().unwrap();
    std::fs::write(share.path().join("a.txt"), b"one\ntwo\n").unwrap();
    let server = server(share.path(), true, Conditions::default());
    let addr: std::net::SocketAddr = server.addr().parse().unwrap();
    let peer = UdpSocket::bind("127.0.0.1:0").unwrap();
    peer.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let next = |s: &UdpSocket| {
        let mut buf = [0u8; 4096];
        let (n, from) = s.recv_from(&mut buf).expect("an answer");
        (Packet::parse(&buf[..n]).expect("a TFTP packet"), from)
    };
    // A read request sent twice (its answer slow): one transfer, from one new port.
    let rrq = Packet::Request {
        direction: Direction::Read,
        name: "a.txt".into(),
        mode: Mode::Netascii,
        options: Vec::new(),
    }
    .encode();
    peer.send_to(&rrq, addr).unwrap();
    peer.send_to(&rrq, addr).unwrap();
    let (first, tid) = next(&peer);
    assert_ne!(tid, addr, "a new port for the transfer");
    // netascii: each line end becomes CR LF.
    assert_eq!(
        first,
        Packet::Data {
            block: 1,
            data: b"one\r\ntwo\r\n".to_vec()
        }
    );
    // A stranger writing to the transfer's port is told so; the transfer goes on.
    let stranger = UdpSocket::bind("127.0.0.1:0").unwrap();
    stranger
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    stranger
        .send_to(&Packet::Ack { block: 1 }.encode(), tid)
        .unwrap();
    let (refusal, _) = next(&stranger);
    assert!(matches!(
        refusal,
        Packet::Error {
            code: ErrorCode::UnknownTid,
            ..
        }
    ));
    peer.send_to(&Packet::Ack { block: 1 }.encode(), tid)
        .unwrap();
    // Nothing else came from a second transfer.
    peer.set_read_timeout(Some(Duration::from_millis(1500)))
        .unwrap();
    assert!(
        peer.recv_from(&mut [0u8; 4096]).is_err(),
        "the request sent again started no second transfer"
    );
    // A netascii upload is refused with words.
    let wrq = Packet::Request {
        direction: Direction::Write,
        name: "b.txt".into(),
        mode: Mode::Netascii,
        options: Vec::new(),
    }
    .encode();
    peer.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    peer.send_to(&wrq, addr).unwrap();
    match next(&peer).0 {
        Packet::Error { code, message } => {
            assert_eq!(code, ErrorCode::IllegalOperation);
            assert!(message.contains("octet"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn hidden_names_are_refused_in_both_directions() {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join(".ssh")).unwrap();
    std::fs::write(root.path().join(".ssh/id_fake"), b"key\n").unwrap();
    std::fs::write(root.path().join("notes.txt"), b"notes\n").unwrap();
    let server = server(root.path(), true, Conditions::default());
    let out = tempfile::tempdir().unwrap();
    let err = client(get(&server.addr(), ".ssh/id_fake", &out.path().join("k")))
        .expect_err("a hidden file was served");
    assert!(err.contains("hidden"), "{err}");
    assert!(!out.path().join("k").exists());
    // An upload under a hidden name is refused too, and nothing is written.
    let up = out.path().join("up.txt");
    std::fs::write(&up, b"upload\n").unwrap();
    let mut put = get(&server.addr(), ".profile", &up);
    put.put = true;
    let err = client(put).expect_err("a hidden upload was taken");
    assert!(err.contains("hidden"), "{err}");
    assert!(!root.path().join(".profile").exists());
    assert!(client(get(&server.addr(), "notes.txt", &out.path().join("n"))).is_ok());
}

#[test]
fn an_upload_sends_a_lost_block_again_while_the_receiver_repeats_its_last_ack() {
    // A receiver that repeats its last ACK more often than the sender's retransmission timer
    // (as one does that re-acknowledges on a short timeout of its own) must not keep that
    // timer from running out: the lost block is sent again, and the upload completes.
    use socklab::protocol::tftp::Packet;
    use std::net::UdpSocket;
    let data = content(512 * 5 + 100);
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("up.bin");
    std::fs::write(&local, &data).unwrap();
    let raw = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = raw.local_addr().unwrap().to_string();
    raw.set_read_timeout(Some(Duration::from_millis(5)))
        .unwrap();
    let receiver = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut received = Vec::new();
        let mut peer = None;
        let mut lost_at: Option<Instant> = None;
        let mut resent_after = None;
        while Instant::now() < deadline {
            let Ok((n, from)) = raw.recv_from(&mut buf) else {
                // Nothing came within 5 ms: while block 3 is missing, ACK 2 again.
                if let (Some(_), None, Some(p)) = (lost_at, resent_after, peer) {
                    raw.send_to(&Packet::Ack { block: 2 }.encode(), p).unwrap();
                }
                continue;
            };
            peer = Some(from);
            match Packet::parse(&buf[..n]).expect("a TFTP packet") {
                // The options are ignored: plain TFTP, 512-byte blocks.
                Packet::Request { .. } => {
                    raw.send_to(&Packet::Ack { block: 0 }.encode(), from)
                        .unwrap();
                }
                Packet::Data { block, data } => {
                    if block == 3 && lost_at.is_none() {
                        lost_at = Some(Instant::now());
                        continue;
                    }
                    if block == 3 && resent_after.is_none() {
                        resent_after = lost_at.map(|t| t.elapsed());
                    }
                    if usize::from(block) == received.len() / 512 + 1 {
                        received.extend_from_slice(&data);
                    }
                    raw.send_to(&Packet::Ack { block }.encode(), from).unwrap();
                    if data.len() < 512 {
                        return (received, resent_after);
                    }
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        (received, resent_after)
    });
    let summary = client(ClientConfig {
        put: true,
        ..get(&addr, "up.bin", &local)
    });
    let (received, resent_after) = receiver.join().unwrap();
    let resent_after = resent_after.expect("block 3 was never sent again");
    assert!(
        resent_after < Duration::from_secs(2),
        "block 3 sent again after {resent_after:?}"
    );
    assert!(summary.is_ok(), "{summary:?}");
    assert_eq!(received, data);
}
