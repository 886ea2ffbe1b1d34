//! Captures (`--pcap`) read back with Wireshark's own tools: `tshark` and `capinfos` (Debian's
//! `tshark` package, installed when the test runs as root; otherwise each case says on stderr
//! that it was skipped). Every capture is also checked for what tshark calls malformed and for
//! bad IP, TCP and UDP checksums.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;
use sha2::{Digest, Sha256};

/// A server of socklab's, run until `interrupt` stops it as Ctrl-C does.
struct Server(Child);

impl Server {
    fn start(args: &[&str]) -> Self {
        let mut child = socklab_cli(args);
        let lines = stdout_lines(&mut child);
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) if line.contains("listening") => break,
                Ok(_) => {}
                Err(_) => panic!("{args:?} never said it was listening"),
            }
        }
        Self(child)
    }

    /// Interrupts the server as Ctrl-C does, and waits for it.
    fn interrupt(mut self) {
        // SAFETY: kill with a pid of a child this test started.
        #[cfg(unix)]
        unsafe {
            libc::kill(self.0.id() as i32, libc::SIGINT);
        }
        #[cfg(not(unix))]
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tshark() -> Option<PathBuf> {
    tool("tshark", "tshark")
}

/// A Wireshark configuration that dissects only IP, TCP, UDP and TFTP: the payloads are test
/// bytes, which heuristic dissectors (RTCP, COTP, …) would take for their own and call
/// malformed.
fn config_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wireshark-config");
        std::fs::create_dir_all(&dir).unwrap();
        let all = Command::new("tshark")
            .args(["-G", "protocols"])
            .stderr(Stdio::null())
            .output()
            .unwrap();
        let keep = [
            "frame", "raw", "ip", "ipv6", "tcp", "udp", "data", "tftp", "icmp", "icmpv6",
        ];
        let disabled: Vec<String> = String::from_utf8_lossy(&all.stdout)
            .lines()
            .filter_map(|l| l.split('\t').nth(2))
            .filter(|name| !keep.contains(name) && !name.starts_with("_ws"))
            .map(str::to_owned)
            .collect();
        std::fs::write(dir.join("disabled_protos"), disabled.join("\n") + "\n").unwrap();
        dir
    })
}

/// tshark's output for `args` on `file`.
fn read(file: &Path, args: &[&str]) -> String {
    let out = Command::new("tshark")
        .env("WIRESHARK_CONFIG_DIR", config_dir())
        .arg("-n")
        .arg("-r")
        .arg(file)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "tshark {args:?} failed on {file:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Packets tshark finds malformed or with a bad checksum: none may exist.
fn assert_clean(file: &Path) {
    let bad = read(
        file,
        &[
            "-o",
            "tcp.check_checksum:TRUE",
            "-o",
            "udp.check_checksum:TRUE",
            "-o",
            "ip.check_checksum:TRUE",
            "-Y",
            "_ws.malformed || _ws.expert.severity == error || ip.checksum.status == 0 || \
             tcp.checksum.status == 0 || udp.checksum.status == 0",
        ],
    );
    assert!(bad.trim().is_empty(), "{file:?}: {bad}");
}

/// The bytes of a field tshark prints as hex (one packet a line, `aa:bb` or `aabb`).
fn field_bytes(text: &str) -> Vec<Vec<u8>> {
    text.lines()
        .map(|l| {
            let hex: String = l.chars().filter(char::is_ascii_hexdigit).collect();
            (0..hex.len() / 2)
                .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
                .collect()
        })
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn run(args: &[&str]) -> Finished {
    wait_output(socklab_cli(args), Duration::from_secs(60))
}

#[test]
fn a_captured_tcp_add_exchange_reads_back_byte_for_byte() {
    let Some(_) = tshark() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (server_cap, client_cap) = (dir.path().join("s.pcapng"), dir.path().join("c.pcapng"));
    let port = free_port(true).to_string();
    let server = Server::start(&[
        "tcp-add",
        "server",
        "--port",
        &port,
        "--bind",
        "127.0.0.1",
        "--name",
        "Zoe",
        "--number",
        "81",
        "--pcap",
        server_cap.to_str().unwrap(),
    ]);
    let r = run(&[
        "tcp-add",
        "client",
        "--name",
        "Ana",
        "--number",
        "37",
        &format!("127.0.0.1:{port}"),
        "--pcap",
        client_cap.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("capture: 10 packets"), "{}", r.stderr);
    std::thread::sleep(Duration::from_millis(300));
    server.interrupt();
    for cap in [&client_cap, &server_cap] {
        assert_clean(cap);
        let flags = read(cap, &["-T", "fields", "-e", "tcp.flags.str"]);
        let flags: Vec<&str> = flags.lines().collect();
        assert!(flags.len() >= 3, "{cap:?}: {flags:?}");
        assert!(
            flags[0].contains('S') && !flags[0].contains('A'),
            "SYN: {flags:?}"
        );
        assert!(
            flags[1].contains('S') && flags[1].contains('A'),
            "SYN/ACK: {flags:?}"
        );
        // The request and the reply, byte for byte, in "follow tcp stream".
        let follow = read(cap, &["-q", "-z", "follow,tcp,raw,0"]);
        let hex: Vec<&str> = follow
            .lines()
            .filter(|l| l.trim_start().chars().all(|c| c.is_ascii_hexdigit()) && !l.is_empty())
            .collect();
        let both: Vec<Vec<u8>> = field_bytes(&hex.join("\n"));
        assert!(both.contains(&b"Ana,37".to_vec()), "{cap:?}: {follow}");
        assert!(both.contains(&b"Zoe,81".to_vec()), "{cap:?}: {follow}");
    }
    // The section header names socklab and says how the packets were made.
    let info = Command::new("capinfos").arg(&client_cap).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("socklab "), "{info}");
    assert!(info.contains("Number of packets:   10"), "{info}");
}

#[test]
fn a_tcp_echo_session_over_ipv6() {
    let Some(_) = tshark() else { return };
    if std::net::TcpListener::bind("[::1]:0").is_err() {
        say("skipped: a TCP echo capture over IPv6: this machine has no ::1");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cap = dir.path().join("echo6.pcapng");
    let port = {
        let l = std::net::TcpListener::bind("[::1]:0").unwrap();
        l.local_addr().unwrap().port().to_string()
    };
    let server = Server::start(&["tcp-echo", "server", "--port", &port, "--bind", "::1"]);
    let r = run(&[
        "tcp-echo",
        "client",
        &format!("[::1]:{port}"),
        "hello over six",
        "stop",
        "--pcap",
        cap.to_str().unwrap(),
    ]);
    server.interrupt();
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert_clean(&cap);
    let rows = read(
        &cap,
        &[
            "-T", "fields", "-e", "ipv6.src", "-e", "ipv6.dst", "-e", "tcp.len",
        ],
    );
    assert!(rows.lines().count() >= 10, "{rows}");
    assert!(rows.lines().all(|l| l.starts_with("::1\t::1\t")), "{rows}");
    let data = field_bytes(&read(
        &cap,
        &["-Y", "tcp.len > 0", "-T", "fields", "-e", "tcp.payload"],
    ));
    let text: Vec<String> = data
        .iter()
        .map(|d| String::from_utf8_lossy(d).into_owned())
        .collect();
    // Sent and echoed.
    assert_eq!(
        text.iter()
            .filter(|t| t.trim_end() == "hello over six")
            .count(),
        2,
        "{text:?}"
    );
}

/// 3 MiB of pseudo-random bytes in `dir/big.bin`; its SHA-256.
fn big_file(dir: &Path) -> String {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..3 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(dir.join("big.bin"), &bytes).unwrap();
    sha256(&bytes)
}

#[test]
fn a_3_mib_tcp_file_stream_hashes_to_the_file() {
    let Some(_) = tshark() else { return };
    let shared = tempfile::tempdir().unwrap();
    let want = big_file(shared.path());
    let dir = tempfile::tempdir().unwrap();
    let (server_cap, client_cap) = (dir.path().join("s.pcapng"), dir.path().join("c.pcapng"));
    let port = free_port(true).to_string();
    let server = Server::start(&[
        "tcp-file",
        "server",
        &port,
        "--root",
        shared.path().to_str().unwrap(),
        "--bind",
        "127.0.0.1",
        "--pcap",
        server_cap.to_str().unwrap(),
    ]);
    let r = run(&[
        "tcp-file",
        "client",
        &format!("127.0.0.1:{port}:big.bin"),
        dir.path().join("got.bin").to_str().unwrap(),
        "--pcap",
        client_cap.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    std::thread::sleep(Duration::from_millis(300));
    server.interrupt();
    for cap in [&client_cap, &server_cap] {
        assert_clean(cap);
        let data = field_bytes(&read(
            cap,
            &[
                "-Y",
                &format!("tcp.srcport == {port} && tcp.len > 0"),
                "-T",
                "fields",
                "-e",
                "tcp.payload",
            ],
        ));
        assert!(data.iter().all(|d| d.len() <= 65_495));
        let stream: Vec<u8> = data.concat();
        assert_eq!(stream.len(), 3 << 20, "{cap:?}");
        assert_eq!(sha256(&stream), want, "{cap:?}");
    }
}

#[test]
fn a_3_mib_udp_lab_file_is_1537_datagrams_that_hash_to_it() {
    let Some(_) = tshark() else { return };
    let shared = tempfile::tempdir().unwrap();
    let want = big_file(shared.path());
    let dir = tempfile::tempdir().unwrap();
    let cap = dir.path().join("c.pcapng");
    let port = free_port(false).to_string();
    let server = Server::start(&[
        "udp-file",
        "server",
        &port,
        "--root",
        shared.path().to_str().unwrap(),
        "--bind",
        "127.0.0.1",
    ]);
    let r = run(&[
        "udp-file",
        "client",
        &format!("127.0.0.1:{port}:big.bin"),
        dir.path().join("got.bin").to_str().unwrap(),
        "--pcap",
        cap.to_str().unwrap(),
    ]);
    server.interrupt();
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert_clean(&cap);
    let rows = read(
        &cap,
        &[
            "-Y",
            &format!("udp.srcport == {port}"),
            "-T",
            "fields",
            "-e",
            "udp.length",
            "-e",
            "udp.payload",
        ],
    );
    let lengths: Vec<usize> = rows
        .lines()
        .map(|l| l.split('\t').next().unwrap().parse::<usize>().unwrap() - 8)
        .collect();
    assert_eq!(
        lengths.len(),
        1537,
        "1,536 full datagrams and the empty one"
    );
    assert!(lengths[..1536].iter().all(|&n| n == 2048));
    assert_eq!(lengths[1536], 0);
    let payloads: Vec<String> = rows
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or("").to_owned())
        .collect();
    let stream: Vec<u8> = field_bytes(&payloads.join("\n")).concat();
    assert_eq!(sha256(&stream), want);
}

#[test]
fn the_capture_says_what_the_simulator_did_to_each_datagram() {
    let Some(_) = tshark() else { return };
    let shared = tempfile::tempdir().unwrap();
    // Every chunk different (its number first), so that each datagram is told apart.
    let mut body = Vec::new();
    for i in 0..40 {
        let mut chunk = format!("chunk {i:02} ").into_bytes();
        chunk.resize(2048, b'x');
        body.extend_from_slice(&chunk);
    }
    body.extend_from_slice(b"end!!");
    std::fs::write(shared.path().join("s.bin"), body).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (server_cap, client_cap) = (dir.path().join("s.pcapng"), dir.path().join("c.pcapng"));
    let port = free_port(false).to_string();
    let server = Server::start(&[
        "udp-file",
        "server",
        &port,
        "--root",
        shared.path().to_str().unwrap(),
        "--bind",
        "127.0.0.1",
        "--loss",
        "20",
        "--duplicate",
        "10",
        "--reorder",
        "10",
        "--seed",
        "7",
        "--pcap",
        server_cap.to_str().unwrap(),
    ]);
    let r = run(&[
        "udp-file",
        "client",
        &format!("127.0.0.1:{port}:s.bin"),
        dir.path().join("got.bin").to_str().unwrap(),
        "--timeout",
        "1",
        "--pcap",
        client_cap.to_str().unwrap(),
    ]);
    std::thread::sleep(Duration::from_millis(300));
    server.interrupt();
    // With datagrams lost the download may end either way; the captures are what is judged.
    let _ = r;
    for cap in [&client_cap, &server_cap] {
        assert_clean(cap);
    }
    let comments = |cap: &Path, what: &str| -> usize {
        read(
            cap,
            &[
                "-Y",
                &format!("frame.comment contains \"{what}\""),
                "-T",
                "fields",
                "-e",
                "frame.number",
            ],
        )
        .lines()
        .count()
    };
    let dropped = comments(&server_cap, "dropped by the simulator");
    let twice = comments(&server_cap, "sent twice by the simulator");
    let held = comments(&server_cap, "held back 20 ms by the simulator");
    assert!(
        dropped > 0 && twice > 0 && held > 0,
        "dropped {dropped}, twice {twice}, held back {held}"
    );
    assert_eq!(comments(&client_cap, "dropped by the simulator"), 0);
    // The datagrams from the server, each named by its first bytes; the dropped ones.
    let from_server = |cap: &Path, filter: &str| -> Vec<Vec<u8>> {
        let f = format!("udp.srcport == {port}{filter}");
        field_bytes(&read(cap, &["-Y", &f, "-T", "fields", "-e", "udp.payload"]))
            .into_iter()
            .map(|d| d[..d.len().min(9)].to_vec())
            .collect()
    };
    let sent = from_server(&server_cap, "");
    let lost = from_server(&server_cap, " && frame.comment contains \"dropped\"");
    let got = from_server(&client_cap, "");
    assert_eq!(lost.len(), dropped);
    assert!(!got.is_empty());
    for d in &got {
        assert!(
            sent.contains(d),
            "the client got {d:?}, which the server never sent"
        );
        assert!(!lost.contains(d), "the client got {d:?}, which was dropped");
    }
}

#[test]
fn a_tftp_download_on_another_port_decodes_as_tftp() {
    let Some(_) = tshark() else { return };
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("t.txt"), vec![b'a'; 5000]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cap = dir.path().join("tftp.pcapng");
    let port = free_port(false).to_string();
    let server = Server::start(&[
        "tftp",
        "server",
        "--port",
        &port,
        "--root",
        shared.path().to_str().unwrap(),
    ]);
    let r = run(&[
        "tftp",
        "client",
        &format!("127.0.0.1:{port}:t.txt"),
        dir.path().join("t.txt").to_str().unwrap(),
        "--pcap",
        cap.to_str().unwrap(),
    ]);
    server.interrupt();
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert_clean(&cap);
    let decoded = read(
        &cap,
        &[
            "-d",
            &format!("udp.port=={port},tftp"),
            "-T",
            "fields",
            "-e",
            "tftp.opcode",
            "-e",
            "tftp.block",
            "-e",
            "frame.comment",
        ],
    );
    let rows: Vec<&str> = decoded.lines().collect();
    // RRQ, the server's OACK (socklab asks for 2048-byte blocks), then DATA 1..3 (5000
    // bytes), each acknowledged.
    assert!(
        rows[0].starts_with("1\t"),
        "a read request first: {decoded}"
    );
    assert!(rows[1].starts_with("6\t"), "an OACK: {decoded}");
    for block in 1..=3 {
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("3\t{block}\t"))),
            "DATA {block}: {decoded}"
        );
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("4\t{block}\t"))),
            "ACK {block}: {decoded}"
        );
    }
    // The packet names socklab gave are comments.
    assert!(decoded.contains("DATA 1"), "{decoded}");
}

#[test]
fn a_check_keeps_one_capture_per_case_named_by_check_id() {
    let Some(_) = tshark() else { return };
    let dir = tempfile::tempdir().unwrap();
    let caps = dir.path().join("caps");
    let port = free_port(true).to_string();
    let server = peers_dir().join("check/add_server.py");
    let r = run(&[
        "check",
        "tcp-add",
        "server",
        "--port",
        &port,
        "--timeout",
        "4",
        "--pcap",
        caps.to_str().unwrap(),
        "--",
        &python(),
        server.to_str().unwrap(),
        "tcp",
        "{port}",
    ]);
    assert!(
        r.stdout.contains("PASS answers"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    let answers = caps.join("answers.pcapng");
    assert!(
        answers.exists(),
        "{:?}",
        std::fs::read_dir(&caps).map(|d| d.count())
    );
    assert_clean(&answers);
    // socklab's client sent a request and read a reply on the checked port.
    let rows = read(
        &answers,
        &[
            "-Y",
            &format!("tcp.dstport == {port} && tcp.len > 0"),
            "-T",
            "fields",
            "-e",
            "tcp.len",
        ],
    );
    assert!(!rows.trim().is_empty(), "no request in the capture");
    let replies = read(
        &answers,
        &[
            "-Y",
            &format!("tcp.srcport == {port} && tcp.len > 0"),
            "-T",
            "fields",
            "-e",
            "tcp.len",
        ],
    );
    assert!(!replies.trim().is_empty(), "no reply in the capture");
}

/// Each TCP segment of a capture: its source port and its flags (tshark's `tcp.flags.str`).
fn segments(cap: &Path) -> Vec<(u16, String)> {
    read(
        cap,
        &["-T", "fields", "-e", "tcp.srcport", "-e", "tcp.flags.str"],
    )
    .lines()
    .filter_map(|l| {
        let (port, flags) = l.split_once('\t')?;
        Some((port.trim().parse().ok()?, flags.to_owned()))
    })
    .collect()
}

/// The port whose FIN comes first in `cap`.
fn first_fin(cap: &Path) -> Option<u16> {
    segments(cap)
        .into_iter()
        .find(|(_, f)| f.contains('F'))
        .map(|(p, _)| p)
}

/// A student-style Python program run with `code`, its output piped.
fn python_peer(code: &str, args: &[&str]) -> std::process::Child {
    piped({
        let mut c = Command::new(python());
        c.args(["-c", code]).args(args);
        c
    })
    .spawn()
    .unwrap()
}

/// The close is written in the order the socket calls saw it, for both roles: the side that
/// closed first sends the first FIN (a Python client that closes after the reply; a Python
/// server that closes after its reply; socklab's file client, which half-closes after the
/// name and resets at the end).
#[test]
fn every_capture_closes_in_the_order_the_sockets_saw() {
    let Some(_) = tshark() else { return };
    let dir = tempfile::tempdir().unwrap();

    // socklab's add and echo servers; a Python client sends, reads, and closes first.
    for exercise in ["tcp-add", "tcp-echo"] {
        let cap = dir.path().join(format!("{exercise}-server.pcapng"));
        let port = free_port(true);
        let p = port.to_string();
        let server = Server::start(&[
            exercise,
            "server",
            "--port",
            &p,
            "--bind",
            "127.0.0.1",
            "--pcap",
            cap.to_str().unwrap(),
        ]);
        let client = python_peer(
            "import socket, sys\n\
             s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n\
             s.sendall(b'Ana,37')\nprint(s.recv(1024))\ns.close()\n",
            &[&p],
        );
        let out = wait_output(client, WAIT);
        assert!(out.success, "{}{}", out.stdout, out.stderr);
        std::thread::sleep(Duration::from_millis(300));
        server.interrupt();
        assert_clean(&cap);
        let first = first_fin(&cap);
        assert!(
            first.is_some_and(|f| f != port),
            "{exercise} server: the client closed first: {:?}",
            segments(&cap)
        );
    }

    // socklab's add client; a Python server replies and closes at once.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut server = python_peer(
        "import socket, sys\n\
         l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n\
         l.bind(('127.0.0.1', int(sys.argv[1]))); l.listen(1); print('listening', flush=True)\n\
         c, _ = l.accept(); c.recv(1024); c.sendall(b'Zoe,81'); c.close()\n",
        &[&port.to_string()],
    );
    let lines = stdout_lines(&mut server);
    line_starting(&lines, "listening");
    let cap = dir.path().join("tcp-add-client.pcapng");
    let r = run(&[
        "tcp-add",
        "client",
        "--name",
        "Ana",
        "--number",
        "37",
        &format!("127.0.0.1:{port}"),
        "--pcap",
        cap.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    let _ = wait_output(server, WAIT);
    assert_clean(&cap);
    assert_eq!(
        first_fin(&cap),
        Some(port),
        "add client: the server closed first: {:?}",
        segments(&cap)
    );

    // socklab's file client and server: the client's FIN right after the name (its
    // half-close), the server's after the file, the client's reset last.
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("notes.txt"), "Lab-02 notes\n").unwrap();
    let (server_cap, client_cap) = (dir.path().join("fs.pcapng"), dir.path().join("fc.pcapng"));
    let port = free_port(true);
    let p = port.to_string();
    let server = Server::start(&[
        "tcp-file",
        "server",
        &p,
        "--root",
        shared.path().to_str().unwrap(),
        "--bind",
        "127.0.0.1",
        "--pcap",
        server_cap.to_str().unwrap(),
    ]);
    let r = run(&[
        "tcp-file",
        "client",
        &format!("127.0.0.1:{port}:notes.txt"),
        dir.path().join("got.txt").to_str().unwrap(),
        "--pcap",
        client_cap.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    std::thread::sleep(Duration::from_millis(300));
    server.interrupt();
    for cap in [&server_cap, &client_cap] {
        assert_clean(cap);
        assert!(
            first_fin(cap).is_some_and(|f| f != port),
            "{cap:?}: the client's half-close comes first: {:?}",
            segments(cap)
        );
    }
    let client = segments(&client_cap);
    let fin_at = client.iter().position(|(_, f)| f.contains('F'));
    let data_at = client
        .iter()
        .position(|(p, f)| *p == port && f.contains('P'));
    assert!(
        fin_at < data_at,
        "the name, the FIN, then the file: {client:?}"
    );
    let last = client.last().cloned().unwrap_or_default();
    assert!(
        last.0 != port && last.1.contains('R'),
        "the client resets last: {client:?}"
    );
}
