//! File transfer over real loopback sockets: socklab against itself and against student-style
//! Python peers, every edge size of the block and chunk rules, refusals, and interruptions.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;
use socklab::Error;
use socklab::net::event::{Event, Role};
use socklab::net::file::{self, ClientConfig, ServerConfig};

/// Edge sizes of the 1024-byte block and 2048-byte chunk rules, an exact multiple of both, and a
/// few MiB of random bytes.
const SIZES: &[usize] = &[
    0,
    1,
    1023,
    1024,
    1025,
    2047,
    2048,
    2049,
    6144,
    3 * 1024 * 1024 + 7,
];

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A shared folder with one file per size, named `f<size>.bin`.
/// SHA-256 of a file, to compare contents without printing megabytes on a failure.
fn digest(path: &Path) -> String {
    socklab::files::sha256_file(path).unwrap_or_else(|e| format!("unreadable: {e}"))
}

/// SHA-256 of bytes.
fn digest_of(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x");
    std::fs::write(&path, bytes).unwrap();
    digest(&path)
}

fn shared_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for &size in SIZES {
        std::fs::write(
            dir.path().join(format!("f{size}.bin")),
            random_bytes(size, size as u64),
        )
        .unwrap();
    }
    dir
}

fn start_server(tcp: bool, root: &Path, rate_mib: u64) -> Running {
    start_server_hidden(tcp, root, rate_mib, false)
}

fn start_server_hidden(tcp: bool, root: &Path, rate_mib: u64, serve_hidden: bool) -> Running {
    let config = ServerConfig {
        conditions: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        max_connections: socklab::net::MAX_CONNECTIONS,
        root: root.to_path_buf(),
        serve_hidden,
        udp_rate_bytes_per_sec: rate_mib * 1024 * 1024,
    };
    start("test file server", true, move |r, s| {
        if tcp {
            file::run_tcp_server(config, r, s)
        } else {
            file::run_udp_server(config, r, s)
        }
    })
}

fn client(tcp: bool, server: String, remote: &str, local: PathBuf, overwrite: bool) -> Running {
    client_with(tcp, server, remote, local, overwrite, true)
}

fn client_config(server: String, remote: &str, local: PathBuf, zero_copy: bool) -> ClientConfig {
    ClientConfig {
        half_close: true,
        zero_copy,
        conditions: Default::default(),
        server,
        remote: remote.into(),
        local,
        overwrite: false,
        timeout: Duration::from_secs(1),
    }
}

/// `zero_copy` false: the TCP client reads and writes even where it could splice.
fn client_with(
    tcp: bool,
    server: String,
    remote: &str,
    local: PathBuf,
    overwrite: bool,
    zero_copy: bool,
) -> Running {
    let config = ClientConfig {
        overwrite,
        ..client_config(server, remote, local, zero_copy)
    };
    start("test file client", false, move |r, s| {
        if tcp {
            file::run_tcp_client(config, r, s)
        } else {
            file::run_udp_client(config, r, s)
        }
    })
}

/// The client's report of its download.
fn client_report(events: &[Event]) -> socklab::net::event::FileReport {
    events
        .iter()
        .find_map(|e| match e {
            Event::File(f) if f.role == Role::Client => Some(f.clone()),
            _ => None,
        })
        .expect("a file report of the client")
}

/// Files in `dir`, hidden temporary ones included.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn socklab_to_socklab_every_size() {
    let shared = shared_folder();
    // TCP twice: moved by splice where the system has it, and read and written (forced).
    for (tcp, zero_copy) in [(true, true), (true, false), (false, false)] {
        let server = start_server(tcp, shared.path(), 64);
        let out = tempfile::tempdir().unwrap();
        for &size in SIZES {
            let name = format!("f{size}.bin");
            let dest = out.path().join(&name);
            let events =
                client_with(tcp, server.addr(), &name, dest.clone(), false, zero_copy).finish();
            if tcp && size == 0 {
                // Over TCP an empty file and a missing one look the same: the server just closes.
                let err = outcome(&events).as_ref().unwrap_err();
                assert!(err.to_string().contains("the server sent nothing"), "{err}");
                assert!(!dest.exists());
                continue;
            }
            assert!(
                outcome(&events).is_ok(),
                "tcp={tcp} size={size}: {:?}",
                outcome(&events)
            );
            assert_eq!(
                digest(&dest),
                digest_of(&random_bytes(size, size as u64)),
                "tcp={tcp} size={size}"
            );
            let report = client_report(&events);
            assert_eq!(report.bytes, size as u64);
            let spliced = if tcp && zero_copy && cfg!(target_os = "linux") {
                size as u64
            } else {
                0
            };
            assert_eq!(report.spliced, spliced, "size={size}: the receive path");
            let expected_chunks = if tcp {
                size.div_ceil(1024)
            } else {
                size / 2048 + 1
            };
            assert_eq!(
                report.chunks, expected_chunks as u64,
                "tcp={tcp} size={size}"
            );
            assert_eq!(
                report.sha256.unwrap(),
                socklab::files::sha256_file(&shared.path().join(&name)).unwrap()
            );
        }
        assert!(
            entries(out.path()).iter().all(|n| !n.ends_with(".part")),
            "{:?}",
            entries(out.path())
        );
        server.handle.stop();
        server.finish();
    }
}

#[test]
fn python_clients_download_from_socklab_servers() {
    let shared = shared_folder();
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        // A Python lab client writes each datagram before reading the next: the default pace
        // is chosen for it (UDP has no flow control).
        let server = start_server(
            tcp,
            shared.path(),
            file::DEFAULT_UDP_RATE_BYTES_PER_SEC / (1024 * 1024),
        );
        let out = tempfile::tempdir().unwrap();
        for &size in SIZES {
            let name = format!("f{size}.bin");
            let dest = out.path().join(&name);
            let target = format!("127.0.0.1:{}:{name}", server.port());
            let child = spawn_python(
                "file_client.py",
                &[transport, &target, dest.to_str().unwrap()],
            );
            let result = wait_output(child, WAIT);
            assert!(result.success, "{transport} {size}: {}", result.stderr);
            assert_eq!(
                digest(&dest),
                digest_of(&random_bytes(size, size as u64)),
                "{transport} size={size}"
            );
        }
        server.handle.stop();
        server.finish();
    }
}

#[test]
fn a_student_client_gets_every_byte_at_the_default_pace_on_a_busy_machine() {
    // Ten downloads of 2 MiB by the student-style Python client (recvfrom(2048), a write per
    // datagram, default buffers) while another process keeps a core busy: all identical.
    let shared = tempfile::tempdir().unwrap();
    let data = random_bytes(2 * 1024 * 1024 + 5, 77);
    std::fs::write(shared.path().join("lab.bin"), &data).unwrap();
    let server = start_server(
        false,
        shared.path(),
        file::DEFAULT_UDP_RATE_BYTES_PER_SEC / (1024 * 1024),
    );
    let mut busy = std::process::Command::new(python())
        .args(["-c", "while True: pass"])
        .spawn()
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = format!("127.0.0.1:{}:lab.bin", server.port());
    let mut whole = 0;
    for run in 0..10 {
        let dest = out.path().join(format!("run{run}.bin"));
        let child = spawn_python("file_client.py", &["udp", &target, dest.to_str().unwrap()]);
        let result = wait_output(child, WAIT);
        if result.success && std::fs::read(&dest).is_ok_and(|b| b == data) {
            whole += 1;
        }
    }
    let _ = busy.kill();
    let _ = busy.wait();
    server.handle.stop();
    let texts = log_texts(&server.finish());
    assert_eq!(whole, 10, "every download complete and identical");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("at up to 4.0 MiB/s") && t.contains("cannot detect loss")),
        "the log names the pace and the protocol's blind spot: {texts:#?}"
    );
}

#[test]
fn socklab_clients_download_from_python_servers() {
    let shared = shared_folder();
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        let out = tempfile::tempdir().unwrap();
        for &size in SIZES.iter().filter(|&&s| !(tcp && s == 0)) {
            let mut child = spawn_python("file_server.py", &[transport]);
            let lines = stdout_lines(&mut child);
            let port = line_starting(&lines, "PORT ");
            let source = shared.path().join(format!("f{size}.bin"));
            let dest = out.path().join(format!("f{size}.bin"));
            let events = client(
                tcp,
                format!("127.0.0.1:{port}"),
                source.to_str().unwrap(),
                dest.clone(),
                false,
            )
            .finish();
            assert!(
                outcome(&events).is_ok(),
                "{transport} size={size}: {:?}",
                outcome(&events)
            );
            assert_eq!(
                digest(&dest),
                digest_of(&random_bytes(size, size as u64)),
                "{transport} size={size}"
            );
            wait_output(child, WAIT);
        }
    }
}

#[test]
fn a_missing_or_escaping_name_is_refused_with_nothing_saved() {
    let base = tempfile::tempdir().unwrap();
    let root = base.path().join("shared");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(base.path().join("secret.txt"), b"secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(base.path().join("secret.txt"), root.join("link.txt")).unwrap();
    for tcp in [true, false] {
        let server = start_server(tcp, &root, 64);
        let out = tempfile::tempdir().unwrap();
        let secret = base.path().join("secret.txt");
        let mut names = vec![
            "missing.txt",
            "../secret.txt",
            "/etc/passwd",
            "..\\secret.txt",
            secret.to_str().unwrap(),
        ];
        if cfg!(unix) {
            names.push("link.txt");
        }
        for name in &names {
            let started = Instant::now();
            let events = client(tcp, server.addr(), name, out.path().join("got"), false).finish();
            let err = outcome(&events).as_ref().unwrap_err().to_string();
            let expected = if tcp {
                "the server sent nothing"
            } else {
                "may not exist there"
            };
            assert!(err.contains(expected), "tcp={tcp} {name}: {err}");
            assert!(started.elapsed() < Duration::from_secs(4));
        }
        assert!(entries(out.path()).is_empty(), "{:?}", entries(out.path()));
        server.handle.stop();
        let logs = log_texts(&server.finish()).join("\n");
        assert!(logs.contains("\"missing.txt\": no such file"), "{logs}");
        assert!(
            logs.contains("\"../secret.txt\": refused: a path with \"..\""),
            "{logs}"
        );
        assert!(
            logs.contains("\"/etc/passwd\": refused: an absolute path"),
            "{logs}"
        );
        if cfg!(unix) {
            assert!(
                logs.contains("\"link.txt\": refused: a link that leads outside"),
                "{logs}"
            );
        }
        assert!(
            logs.contains("127.0.0.1:"),
            "refusals name the peer: {logs}"
        );
    }
}

#[test]
fn an_existing_destination_is_kept_unless_overwrite() {
    let shared = shared_folder();
    let server = start_server(true, shared.path(), 64);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("mine.bin");
    std::fs::write(&dest, b"precious").unwrap();
    let events = client(true, server.addr(), "f1025.bin", dest.clone(), false).finish();
    assert!(matches!(outcome(&events), Err(Error::Exists(_))));
    assert_eq!(std::fs::read(&dest).unwrap(), b"precious");
    let events = client(true, server.addr(), "f1025.bin", dest.clone(), true).finish();
    assert!(outcome(&events).is_ok());
    assert_eq!(std::fs::read(&dest).unwrap().len(), 1025);
    // A folder as destination keeps the remote name.
    let events = client(
        true,
        server.addr(),
        "f2049.bin",
        out.path().to_path_buf(),
        false,
    )
    .finish();
    assert!(outcome(&events).is_ok());
    assert_eq!(
        std::fs::read(out.path().join("f2049.bin")).unwrap().len(),
        2049
    );
    server.handle.stop();
    server.finish();
}

#[test]
fn an_interrupted_download_leaves_no_file() {
    let shared = shared_folder();
    let big = "f3145735.bin";
    // UDP at 1 MiB/s: a 3 MiB file takes 3 s, time enough to interrupt it.
    let server = start_server(false, shared.path(), 1);
    let out = tempfile::tempdir().unwrap();
    let running = client(false, server.addr(), big, out.path().join("a.bin"), false);
    std::thread::sleep(Duration::from_millis(400));
    running.handle.stop();
    let events = running.finish();
    assert!(
        outcome(&events)
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("cancelled")
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Progress(p) if p.bytes > 0)),
        "progress was reported"
    );

    let running = client(false, server.addr(), big, out.path().join("b.bin"), false);
    std::thread::sleep(Duration::from_millis(400));
    server.handle.stop();
    let server_events = server.finish();
    assert!(
        log_texts(&server_events)
            .iter()
            .any(|l| l.contains("cut short"))
    );
    let err = outcome(&running.finish()).as_ref().unwrap_err().to_string();
    assert!(err.contains("stalled after"), "{err}");
    assert!(entries(out.path()).is_empty(), "{:?}", entries(out.path()));

    // TCP: a server stopped mid-transfer resets the connection, so a client can tell the file is
    // incomplete (an orderly close would look like the end of the file).
    // 32 MiB: more than loopback can buffer, so the server is still sending when it stops.
    let huge = tempfile::tempdir().unwrap();
    std::fs::write(
        huge.path().join("huge.bin"),
        random_bytes(32 * 1024 * 1024, 3),
    )
    .unwrap();
    let server = start_server(true, huge.path(), 64);
    let mut raw = TcpStream::connect(server.addr()).unwrap();
    raw.set_read_timeout(Some(WAIT)).unwrap();
    raw.write_all(b"huge.bin").unwrap();
    raw.shutdown(std::net::Shutdown::Write).unwrap();
    let mut first = [0u8; 1024];
    raw.read_exact(&mut first).unwrap();
    // The client reads no more; Stop must still be answered at once, not after the stall limit.
    std::thread::sleep(Duration::from_millis(300));
    let stopping = Instant::now();
    server.handle.stop();
    server.finish();
    assert!(
        stopping.elapsed() < Duration::from_secs(1),
        "{:?}",
        stopping.elapsed()
    );
    let mut rest = Vec::new();
    let result = raw.read_to_end(&mut rest);
    assert!(
        result.is_err() || first.len() + rest.len() < 32 * 1024 * 1024,
        "the stopped transfer must not look complete"
    );
}

#[test]
fn compare_tool_reports_the_first_difference() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, b"line one\nline two\n").unwrap();
    std::fs::write(&b, b"line one\nline twO\n").unwrap();
    let run = |x: &Path, y: &Path| {
        wait_output(
            std::process::Command::new(env!("CARGO_BIN_EXE_socklab"))
                .arg("compare")
                .arg(x)
                .arg(y)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
            WAIT,
        )
    };
    let out = run(&a, &b);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stdout.contains("first difference at byte 16 (line 2)"),
        "{}",
        out.stdout
    );
    let out = run(&a, &a);
    assert_eq!(out.code, Some(0));
    assert!(out.stdout.contains("identical (18 bytes)"));
    let out = run(&a, &dir.path().join("nope"));
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("cannot open"), "{}", out.stderr);
}

#[test]
fn a_stalled_client_does_not_block_the_others() {
    let big = tempfile::tempdir().unwrap();
    // Larger than the socket buffers, so the stalled transfer really blocks its writer.
    std::fs::write(
        big.path().join("big.bin"),
        random_bytes(32 * 1024 * 1024, 1),
    )
    .unwrap();
    std::fs::write(big.path().join("small.bin"), random_bytes(4096, 2)).unwrap();
    let server = start_server(true, big.path(), 64);
    let mut stalled = TcpStream::connect(server.addr()).unwrap();
    stalled.write_all(b"big.bin\n").unwrap();
    // The stalled client reads nothing while several others download.
    let out = tempfile::tempdir().unwrap();
    let clients: Vec<Running> = (0..4)
        .map(|i| {
            client(
                true,
                server.addr(),
                "small.bin",
                out.path().join(format!("s{i}.bin")),
                false,
            )
        })
        .collect();
    let started = Instant::now();
    for c in clients {
        assert!(outcome(&c.finish()).is_ok());
    }
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(entries(out.path()).len(), 4);
    drop(stalled);
    server.handle.stop();
    server.finish();
}

#[test]
fn a_header_of_the_servers_own_protocol_is_saved_with_a_warning() {
    let shared = tempfile::tempdir().unwrap();
    let source = shared.path().join("f4096.bin");
    std::fs::write(&source, random_bytes(4096, 7)).unwrap();
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        let out = tempfile::tempdir().unwrap();
        let dest = out.path().join("copy.bin");
        let mut child = spawn_python(
            "file_server_header.py",
            &[transport, source.to_str().unwrap()],
        );
        let lines = stdout_lines(&mut child);
        let port = line_starting(&lines, "PORT ");
        let events = client(
            tcp,
            format!("127.0.0.1:{port}"),
            "f4096.bin",
            dest.clone(),
            false,
        )
        .finish();
        wait_output(child, WAIT);
        // The lab protocol's result stands (exit 0): the bytes as they came.
        let summary = outcome(&events)
            .as_ref()
            .expect("saved as the lab protocol says");
        let report = events
            .iter()
            .find_map(|e| match e {
                Event::File(f) if f.role == Role::Client => Some(f),
                _ => None,
            })
            .unwrap();
        let warning = report.warning.as_deref().unwrap_or_default();
        if tcp {
            assert!(
                warning.starts_with("the first 12 bytes (`File found!\\n`) arrived on their own and look like a text header"),
                "{warning}"
            );
            let saved = std::fs::read(&dest).unwrap();
            assert!(saved.starts_with(b"File found!\n") && saved.len() == 12 + 4096);
        } else {
            assert!(
                warning.starts_with("the first datagram (4 bytes, `4096`) looks like a size header: this server may use its own protocol, not the handout's 2048-byte chunks"),
                "{warning}"
            );
            assert_eq!(std::fs::read(&dest).unwrap(), b"4096");
        }
        assert!(
            summary.message.contains("; warning: the first"),
            "{}",
            summary.message
        );
    }
    // A small text file over UDP is one short line too, and no header: no warning.
    let note = shared.path().join("note.txt");
    std::fs::write(&note, b"Lab-02 notes\n").unwrap();
    let mut child = spawn_python("file_server.py", &["udp"]);
    let lines = stdout_lines(&mut child);
    let port = line_starting(&lines, "PORT ");
    let out = tempfile::tempdir().unwrap();
    let events = client(
        false,
        format!("127.0.0.1:{port}"),
        note.to_str().unwrap(),
        out.path().join("note.txt"),
        false,
    )
    .finish();
    wait_output(child, WAIT);
    let report = events.iter().find_map(|e| match e {
        Event::File(f) if f.role == Role::Client => Some(f),
        _ => None,
    });
    assert_eq!(report.and_then(|f| f.warning.clone()), None);
}

#[test]
fn hidden_files_are_not_served_unless_asked() {
    // A home folder as a new user shares it: a key, a repository's settings, a document.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".ssh")).unwrap();
    std::fs::create_dir_all(home.path().join("lab/.git")).unwrap();
    std::fs::write(
        home.path().join(".ssh/id_fake"),
        b"-----BEGIN FAKE KEY-----\n",
    )
    .unwrap();
    std::fs::write(home.path().join("lab/.git/config"), b"[core]\n").unwrap();
    std::fs::write(home.path().join("lab/notes.txt"), b"notes\n").unwrap();
    for tcp in [true, false] {
        for serve_hidden in [false, true] {
            let server = start_server_hidden(tcp, home.path(), 64, serve_hidden);
            let out = tempfile::tempdir().unwrap();
            for name in [".ssh/id_fake", "lab/.git/config", "lab\\.git\\config"] {
                let dest = out.path().join("got");
                let events = client(tcp, server.addr(), name, dest.clone(), true).finish();
                assert_eq!(
                    outcome(&events).is_ok(),
                    serve_hidden,
                    "{name} tcp={tcp} serve_hidden={serve_hidden}: {:?}",
                    outcome(&events)
                );
                assert_eq!(dest.exists(), serve_hidden);
            }
            let events = client(
                tcp,
                server.addr(),
                "lab/notes.txt",
                out.path().join("n"),
                true,
            )
            .finish();
            assert!(outcome(&events).is_ok(), "{:?}", outcome(&events));
            server.handle.stop();
            let logs = log_texts(&server.finish()).join("\n");
            if !serve_hidden {
                assert!(
                    logs.contains("asked for \".ssh/id_fake\": refused: a hidden name"),
                    "{logs}"
                );
            }
        }
    }
}

#[test]
fn a_download_whose_server_is_killed_saves_nothing() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("big.bin"), random_bytes(8 << 20, 7)).unwrap();
    let root = shared.path().to_str().unwrap().to_owned();
    // The UDP server at 1 MiB/s: eight seconds, time enough to kill it half-way.
    let port = free_port(false).to_string();
    let mut server = socklab_cli(&["udp-file", "server", &port, "--root", &root, "--rate", "1"]);
    std::thread::sleep(Duration::from_millis(300));
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("big.bin");
    let client = socklab_cli(&[
        "udp-file",
        "client",
        &format!("127.0.0.1:{port}:big.bin"),
        dest.to_str().unwrap(),
        "--timeout",
        "2",
    ]);
    wait_growing(out.path(), 1 << 20, WAIT);
    let _ = server.kill();
    let _ = server.wait();
    let started = Instant::now();
    let done = wait_output(client, Duration::from_secs(20));
    assert_ne!(done.code, Some(0), "{}", done.stdout);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "it waited past its idle timeout"
    );
    assert!(
        done.stderr.contains("nothing saved") || done.stdout.contains("nothing saved"),
        "{}{}",
        done.stdout,
        done.stderr
    );
    assert_eq!(
        entries(out.path()),
        Vec::<String>::new(),
        "nothing under any name"
    );
}

/// socklab's client killed mid-download: nothing under the final name; the next download to
/// the same name works, and is whole.
#[test]
fn a_killed_client_leaves_only_a_hidden_part_file_that_the_next_download_removes() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("big.bin"), random_bytes(8 << 20, 7)).unwrap();
    let root = shared.path().to_str().unwrap().to_owned();
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("big.bin");
    let port = free_port(true).to_string();
    let mut slow = socklab_cli(&["udp-file", "server", &port, "--root", &root, "--rate", "1"]);
    std::thread::sleep(Duration::from_millis(300));
    let mut client = socklab_cli(&[
        "udp-file",
        "client",
        &format!("127.0.0.1:{port}:big.bin"),
        dest.to_str().unwrap(),
    ]);
    wait_growing(out.path(), 1 << 20, WAIT);
    let _ = client.kill();
    let _ = client.wait();
    let _ = slow.kill();
    let _ = slow.wait();
    assert!(!dest.exists(), "a half file under the final name");
    // What the kill left: one partial file, hidden beside the final name.
    let left = entries(out.path());
    assert!(
        left.len() == 1 && left[0].starts_with(".big.bin.") && left[0].ends_with(".part"),
        "{left:?}"
    );
    let server = start_server(true, shared.path(), 64);
    let events = self::client(true, server.addr(), "big.bin", dest.clone(), false).finish();
    assert!(outcome(&events).is_ok(), "{:?}", outcome(&events));
    assert_eq!(
        std::fs::read(&dest).unwrap(),
        std::fs::read(shared.path().join("big.bin")).unwrap()
    );
    // The stale partial file was removed (never appended to), and the log says so.
    assert_eq!(entries(out.path()), vec!["big.bin".to_string()]);
    assert!(
        log_texts(&events)
            .iter()
            .any(|t| t.starts_with("removed 1 partial file left beside")),
        "{:?}",
        log_texts(&events)
    );
}

/// A folder on a small disk of its own (tmpfs), unmounted when dropped. None (and a line on
/// stderr) where mounting is not allowed: it needs root.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(options: &str, test: &str) -> Option<Self> {
        #[cfg(target_os = "linux")]
        {
            // SAFETY: geteuid has no preconditions.
            if unsafe { libc::geteuid() } == 0 {
                let dir = tempfile::tempdir().unwrap();
                let mounted = std::process::Command::new("mount")
                    .args(["-t", "tmpfs", "-o", options, "tmpfs"])
                    .arg(dir.path())
                    .status()
                    .is_ok_and(|s| s.success());
                if mounted {
                    return Some(Self { dir });
                }
            }
        }
        say(&format!(
            "skipped: {test}: mounting a small disk needs root (and `mount`)"
        ));
        None
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_full_or_read_only_disk_is_named_with_its_files_left_as_they_were() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("big.bin"), random_bytes(3 << 20, 11)).unwrap();
    let root = shared.path().to_str().unwrap().to_owned();
    for tcp in [true, false] {
        let transport = if tcp { "tcp" } else { "udp" };
        let port = free_port(tcp).to_string();
        let mut server = socklab_cli(&[
            &format!("{transport}-file"),
            "server",
            &port,
            "--root",
            &root,
            "--bind",
            "127.0.0.1",
            "--rate",
            "64",
        ]);
        std::thread::sleep(Duration::from_millis(300));
        let target = format!("127.0.0.1:{port}:big.bin");
        // socklab's client saving into `folder`: what it said; it must have failed.
        let download_into = |folder: &Path| {
            let dest = folder.join("big.bin");
            let done = wait_output(
                socklab_cli(&[
                    &format!("{transport}-file"),
                    "client",
                    &target,
                    dest.to_str().unwrap(),
                ]),
                Duration::from_secs(30),
            );
            let said = format!("{}{}", done.stdout, done.stderr);
            assert_ne!(done.code, Some(0), "{transport}: {said}");
            said
        };
        // A disk of 1 MiB for a file of 3 MiB, with a file already on it that must stay.
        if let Some(disk) = SmallDisk::mount("size=1m", "a full disk") {
            std::fs::write(disk.path().join("keep.txt"), b"mine").unwrap();
            let said = download_into(disk.path());
            assert!(
                said.contains("No space left on device"),
                "{transport}: {said}"
            );
            assert!(said.contains("The disk (or your quota) is full"), "{said}");
            assert_eq!(entries(disk.path()), vec!["keep.txt".to_string()]);
            assert_eq!(
                std::fs::read(disk.path().join("keep.txt")).unwrap(),
                b"mine"
            );
        }
        // A read-only disk (root ignores a folder's mode bits, not a read-only mount).
        if let Some(disk) = SmallDisk::mount("ro,size=1m", "a read-only folder") {
            let said = download_into(disk.path());
            assert!(
                said.contains("Read-only file system"),
                "{transport}: {said}"
            );
            assert!(said.contains("read-only disk"), "{said}");
            assert_eq!(entries(disk.path()), Vec::<String>::new());
        }
        let _ = server.kill();
        let _ = server.wait();
    }
}

#[test]
fn a_capture_cap_on_a_tcp_download_leaves_the_rest_to_splice() {
    let shared = shared_folder();
    let server = start_server(true, shared.path(), 64);
    let out = tempfile::tempdir().unwrap();
    let size = 3 * 1024 * 1024 + 7;
    let name = format!("f{size}.bin");
    let dest = out.path().join(&name);
    let cap = 64 * 1024;
    let config = client_config(server.addr(), &name, dest.clone(), true);
    let events = start_with("test file client", false, Some(cap), move |r, s| {
        file::run_tcp_client(config, r, s)
    })
    .finish();
    assert!(outcome(&events).is_ok(), "{:?}", outcome(&events));
    let want = random_bytes(size, size as u64);
    assert_eq!(digest(&dest), digest_of(&want));
    // The capture has the first 64 KiB byte for byte, and the length of everything.
    let (mut kept, mut counted) = (Vec::new(), 0);
    for e in &events {
        if let Event::Payload {
            bytes, len, sent, ..
        } = e
        {
            assert!(!sent);
            kept.extend_from_slice(bytes);
            counted += len;
        }
    }
    assert_eq!(kept, want[..cap as usize]);
    assert_eq!(counted, size);
    let report = client_report(&events);
    assert_eq!(report.sha256.unwrap(), digest_of(&want));
    if cfg!(target_os = "linux") {
        // Read until the capture had its share (one piece at least), spliced after.
        assert!(
            report.spliced > 0 && report.spliced <= (size as u64 - cap),
            "spliced {} of {size}",
            report.spliced
        );
    } else {
        assert_eq!(report.spliced, 0);
    }
    server.handle.stop();
    server.finish();
}
