//! Checks for file transfer (TCP 1024-byte blocks, UDP 2048-byte chunks), both roles.

use std::net::{SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::program::{Answers, Program};
use super::report::{CheckResult, Verdict};
use super::{CheckError, Options, Peer, Role, Subject, ended_cleanly, expand, result};
use crate::net::event::Event;
use crate::net::file::{self as runner, ClientConfig, ServerConfig};
use crate::protocol::file::UDP_CHUNK_BYTES;

/// The sizes every transfer is tried with: around the block and chunk sizes, and a larger one.
pub const SIZES: [usize; 9] = [1, 1023, 1024, 1025, 2047, 2048, 2049, 4096, 70_000];

/// A file's bytes: deterministic, different for every size.
fn content(size: usize) -> Vec<u8> {
    (0..size).map(|i| ((i * 31 + size) % 251) as u8).collect()
}

fn name(size: usize) -> String {
    format!("socklab-{size}.bin")
}

pub fn run(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    match o.role {
        Role::Server => server(o, sink),
        Role::Client => client(o, sink),
    }
}

/// Downloads `remote` with socklab's client into `local`; the bytes, or why not.
fn download(o: &Options, remote: &str, local: &Path) -> Result<Vec<u8>, String> {
    let config = ClientConfig {
        half_close: false,
        zero_copy: true,
        conditions: Default::default(),
        server: format!("{}:{}", o.host, o.port),
        remote: remote.to_owned(),
        local: local.to_path_buf(),
        overwrite: true,
        timeout: Duration::from_secs(3).min(o.timeout),
    };
    let tcp = o.exercise.tcp();
    let peer = Peer::start("check file client", move |r, s| {
        if tcp {
            runner::run_tcp_client(config, r, s)
        } else {
            runner::run_udp_client(config, r, s)
        }
    })
    .ok_or("no thread")?;
    let events = peer.finish(o.timeout + Duration::from_secs(2));
    match events.last() {
        Some(Event::Finished(Ok(_))) => std::fs::read(local).map_err(|e| e.to_string()),
        Some(Event::Finished(Err(e))) => Err(e.to_string()),
        _ => Err("no end".into()),
    }
}

/// Makes sure the student's server runs and listens, with the files it will be asked for in
/// the folder it runs in (the scratch copy of its own).
fn ready(s: &mut Subject<'_>) -> Result<bool, CheckError> {
    let up = s.ready()?;
    put_files(s);
    Ok(up)
}

fn put_files(s: &Subject<'_>) {
    if let Some(dir) = s.program.as_ref().and_then(Program::workdir) {
        for size in SIZES.iter().copied().chain([0]) {
            let path = dir.join(name(size));
            if !path.exists() {
                let _ = std::fs::write(path, content(size));
            }
        }
    }
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let tcp = o.exercise.tcp();
    let none = || (Vec::new(), Vec::new());
    let mut s = Subject::new(o, Answers::default());
    let (listening, listens) = s.listens()?;
    put_files(&s);
    sink(listens);
    if !listening {
        sink(result(
            "sizes",
            "every size arrives identical",
            true,
            Verdict::Skip,
            "the server never listened",
            None,
            none(),
        ));
        return Ok(());
    }
    let out = tempfile::tempdir().map_err(|e| CheckError::Peer(e.to_string()))?;

    // sizes, and several (one server process serving download after download).
    let mut wrong = Vec::new();
    for size in SIZES {
        if !ready(&mut s)? {
            wrong.push(format!("{size} B: {}", s.not_back()));
            continue;
        }
        match download(o, &name(size), &out.path().join(name(size))) {
            Ok(bytes) if bytes == content(size) => {}
            Ok(bytes) => wrong.push(format!("{size} B arrived as {} B, different", bytes.len())),
            Err(e) => wrong.push(format!("{size} B: {e}")),
        }
    }
    let (verdict, reason) = sizes_verdict(&wrong);
    sink(result(
        "sizes",
        "files of 1 to 70,000 bytes arrive identical",
        true,
        verdict,
        reason,
        s.program.as_mut(),
        none(),
    ));
    sink(result(
        "several",
        "serves download after download",
        true,
        if s.starts <= 1 {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        if s.starts <= 1 {
            "one process served every download".to_owned()
        } else {
            format!(
                "it was started {} times for {} downloads: it exits after a transfer",
                s.starts,
                SIZES.len()
            )
        },
        s.program.as_mut(),
        none(),
    ));

    // missing: a name that is not there, then a normal download.
    let missing = if ready(&mut s)? {
        let _ = download(o, "socklab-missing.bin", &out.path().join("missing"));
        std::thread::sleep(Duration::from_millis(200));
        let alive = s.program.as_mut().is_some_and(Program::is_running);
        let next = alive
            && download(o, &name(1025), &out.path().join("after"))
                .is_ok_and(|b| b == content(1025));
        match (alive, next) {
            (true, true) => Ok(()),
            (false, _) => Err("the server exited on a missing file".to_owned()),
            (true, false) => Err("the next download failed after a missing file".to_owned()),
        }
    } else {
        Err(s.not_back())
    };
    sink(result(
        "missing",
        "a missing name does not stop it",
        true,
        if missing.is_ok() {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        missing.err().unwrap_or_else(|| "it went on serving".into()),
        s.program.as_mut(),
        none(),
    ));

    // Advisory: traversal, empty-file, concurrent.
    let traversal = if ready(&mut s)? {
        traversal(o, &s)
    } else {
        Err(s.not_back())
    };
    sink(outcome(
        "traversal",
        "names with ../ or an absolute path are refused",
        traversal,
        &mut s,
    ));
    let empty = if ready(&mut s)? {
        empty_file(o, &mut s, &out)
    } else {
        Err(s.not_back())
    };
    sink(outcome(
        "empty-file",
        "an empty file: the transfer ends, and it serves on",
        empty,
        &mut s,
    ));
    if tcp {
        let concurrent = if ready(&mut s)? {
            let silent = std::net::TcpStream::connect((o.host.as_str(), o.port)).map(super::Conn);
            let got = download(o, &name(1025), &out.path().join("concurrent"));
            drop(silent);
            match got {
                Ok(bytes) if bytes == content(1025) => Ok(
                    "a download was served while another client stayed connected and silent"
                        .to_owned(),
                ),
                Ok(_) => Err("the download arrived different".to_owned()),
                Err(e) => Err(format!(
                    "no download while another client stayed connected and silent: {e}"
                )),
            }
        } else {
            Err(s.not_back())
        };
        sink(outcome(
            "concurrent",
            "serves a second client while a first stays silent",
            concurrent,
            &mut s,
        ));
    } else {
        sink(result(
            "concurrent",
            "serves a second client while a first stays silent",
            false,
            Verdict::Skip,
            "UDP has no connection to hold",
            None,
            none(),
        ));
    }

    if !tcp {
        // chunks and exact-multiple: the datagrams themselves.
        for (id, title, size) in [
            (
                "chunks",
                "every datagram 2048 bytes but the last, shorter",
                70_000usize,
            ),
            (
                "exact-multiple",
                "a 4096-byte file ends with an empty datagram",
                4096,
            ),
        ] {
            let verdict = if ready(&mut s)? {
                datagrams(o, &name(size))
            } else {
                Err(s.not_back())
            };
            let (v, reason) = match verdict {
                Ok(sizes) => judge_chunks(&sizes, size),
                Err(e) => (Verdict::Fail, e),
            };
            sink(result(
                id,
                title,
                true,
                v,
                reason,
                s.program.as_mut(),
                none(),
            ));
        }
    }
    Ok(())
}

/// An advisory check's result: what passed, or why it failed.
fn outcome(
    id: &'static str,
    title: &'static str,
    outcome: Result<String, String>,
    s: &mut Subject<'_>,
) -> CheckResult {
    let (verdict, reason) = match outcome {
        Ok(why) => (Verdict::Pass, why),
        Err(why) => (Verdict::Fail, why),
    };
    result(
        id,
        title,
        false,
        verdict,
        reason,
        s.program.as_mut(),
        (Vec::new(), Vec::new()),
    )
}

/// Asks for `request` with a bare socket and returns every byte that comes back: to the end
/// of the connection (TCP), or to the first datagram shorter than 2048 bytes (UDP); `Err` when
/// nothing ended the answer within 3 s.
fn fetch_raw(o: &Options, request: &str) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    let wait = Duration::from_secs(3);
    let to: SocketAddr = format!("{}:{}", o.host, o.port)
        .parse()
        .map_err(|e| format!("{e}"))?;
    let mut got = Vec::new();
    if o.exercise.tcp() {
        let stream = std::net::TcpStream::connect_timeout(&to, wait).map_err(|e| e.to_string())?;
        let mut conn = super::Conn(stream);
        conn.0
            .set_read_timeout(Some(wait))
            .map_err(|e| e.to_string())?;
        conn.0
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        let mut buf = [0u8; 8192];
        loop {
            match conn.0.read(&mut buf) {
                Ok(0) => return Ok(got),
                Ok(n) => got.extend_from_slice(&buf[..n]),
                // A refusal by reset is an end too.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return Ok(got),
                Err(_) => {
                    return Err(format!(
                        "the connection stayed open {} s after {} bytes: a handout client would wait for ever",
                        wait.as_secs(),
                        got.len()
                    ));
                }
            }
        }
    }
    let (answer, ended) = udp_answer(o, request)?;
    let got: Vec<u8> = answer.concat();
    if answer.is_empty() {
        Err("no datagram came back".to_owned())
    } else if !ended {
        Err(format!(
            "{} bytes and then silence, with no shorter datagram to end them",
            got.len()
        ))
    } else {
        Ok(got)
    }
}

/// `traversal`: a file beside the server's folder asked for as `../name`, and a file elsewhere
/// asked for by its absolute path; neither may arrive.
fn traversal(o: &Options, s: &Subject<'_>) -> Result<String, String> {
    let Some(dir) = s.program.as_ref().and_then(Program::workdir) else {
        return Err("the server runs in no scratch folder to look out of".to_owned());
    };
    let secret = |tag: &str| format!("socklab traversal probe {tag} {}\n", std::process::id());
    let beside_name = format!(
        "socklab-outside-{}-{}.txt",
        std::process::id(),
        rand::random::<u32>()
    );
    let beside = dir.parent().map(|p| p.join(&beside_name));
    // Elsewhere, but where a confined program may still read: the test is of its code, not of
    // socklab's confinement.
    let elsewhere = dir
        .parent()
        .map(|p| p.join("elsewhere"))
        .ok_or("the server's folder has no parent")?;
    std::fs::create_dir_all(&elsewhere).map_err(|e| e.to_string())?;
    let absolute = elsewhere.join("socklab-absolute.txt");
    std::fs::write(&absolute, secret("absolute")).map_err(|e| e.to_string())?;
    let mut leaks = Vec::new();
    if let Some(beside) = &beside
        && std::fs::write(beside, secret("beside")).is_ok()
    {
        let asked = format!("../{beside_name}");
        let got = fetch_raw(o, &asked);
        let _ = std::fs::remove_file(beside);
        if got.is_ok_and(|b| b == secret("beside").as_bytes()) {
            leaks.push(format!("\"{asked}\" was sent"));
        }
    }
    let asked = absolute.display().to_string();
    if fetch_raw(o, &asked).is_ok_and(|b| b == secret("absolute").as_bytes()) {
        leaks.push(format!("\"{asked}\" was sent"));
    }
    if leaks.is_empty() {
        Ok("neither ../name nor an absolute path was sent".to_owned())
    } else {
        Err(format!(
            "{}: any file the server's user can read is served",
            leaks.join("; ")
        ))
    }
}

/// `empty-file`: a 0-byte file ends at once (TCP: the connection closes; UDP: one empty
/// datagram), and the next download works.
fn empty_file(o: &Options, s: &mut Subject<'_>, out: &tempfile::TempDir) -> Result<String, String> {
    let got = fetch_raw(o, &name(0));
    std::thread::sleep(Duration::from_millis(200));
    if !s.program.as_mut().is_some_and(Program::is_running) {
        return Err("the server exited on an empty file".to_owned());
    }
    let ended = match got {
        Ok(bytes) if bytes.is_empty() => {
            if o.exercise.tcp() {
                "the connection closed with no data"
            } else {
                "one empty datagram"
            }
        }
        Ok(bytes) => return Err(format!("{} bytes came for an empty file", bytes.len())),
        Err(e) => return Err(e),
    };
    match download(o, &name(1025), &out.path().join("after-empty")) {
        Ok(bytes) if bytes == content(1025) => {
            Ok(format!("{ended}, and it served the next download"))
        }
        Ok(_) => Err(format!("{ended}, but the next download arrived different")),
        Err(e) => Err(format!("{ended}, but the next download failed: {e}")),
    }
}

/// The sizes of the datagrams that answer a request for `remote`, up to the first shorter than
/// 2048 bytes, or to 1.5 s of silence.
fn datagrams(o: &Options, remote: &str) -> Result<Vec<usize>, String> {
    let (answer, _) = udp_answer(o, remote)?;
    Ok(answer.iter().map(Vec::len).collect())
}

/// The datagrams that answer `request` sent from a fresh socket: up to the first shorter than
/// 2048 bytes (then `true`), or to 1.5 s of silence or the case's timeout.
fn udp_answer(o: &Options, request: &str) -> Result<(Vec<Vec<u8>>, bool), String> {
    let sock = UdpSocket::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let to: SocketAddr = format!("{}:{}", o.host, o.port)
        .parse()
        .map_err(|e| format!("{e}"))?;
    sock.set_read_timeout(Some(Duration::from_millis(1500)))
        .map_err(|e| e.to_string())?;
    sock.send_to(request.as_bytes(), to)
        .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    let mut buf = vec![0u8; 65_536];
    let until = Instant::now() + o.timeout;
    while Instant::now() < until {
        match sock.recv(&mut buf) {
            Ok(n) => {
                answer.push(buf[..n].to_vec());
                if n < UDP_CHUNK_BYTES {
                    return Ok((answer, true));
                }
            }
            Err(_) => break,
        }
    }
    Ok((answer, false))
}

fn judge_chunks(sizes: &[usize], file: usize) -> (Verdict, String) {
    let full = file / UDP_CHUNK_BYTES;
    let last = file % UDP_CHUNK_BYTES;
    let wanted: Vec<usize> = std::iter::repeat_n(UDP_CHUNK_BYTES, full)
        .chain([last])
        .collect();
    if sizes == wanted {
        return (
            Verdict::Pass,
            format!("{} datagrams, the last {last} bytes", sizes.len()),
        );
    }
    if last == 0 && sizes == &wanted[..full] {
        return (
            Verdict::Fail,
            format!(
                "{full} datagrams of 2048 bytes and no empty one after them: a handout client would wait for ever"
            ),
        );
    }
    let shown: Vec<String> = sizes.iter().take(6).map(|n| n.to_string()).collect();
    (
        Verdict::Fail,
        format!(
            "datagram sizes {}{} for a {file}-byte file",
            shown.join(", "),
            if sizes.len() > 6 { ", …" } else { "" }
        ),
    )
}

/// The `sizes` verdict from what went wrong, size by size.
fn sizes_verdict(wrong: &[String]) -> (Verdict, String) {
    if wrong.is_empty() {
        (
            Verdict::Pass,
            format!("{} sizes, each byte-identical", SIZES.len()),
        )
    } else {
        (Verdict::Fail, wrong.join("; "))
    }
}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let tcp = o.exercise.tcp();
    let none = || (Vec::new(), Vec::new());
    let shared = tempfile::tempdir().map_err(|e| CheckError::Peer(e.to_string()))?;
    for size in SIZES {
        let _ = std::fs::write(shared.path().join(name(size)), content(size));
    }
    let config = ServerConfig {
        conditions: Default::default(),
        bind: SocketAddr::from(([127, 0, 0, 1], o.port)),
        max_connections: crate::net::MAX_CONNECTIONS,
        root: shared.path().to_path_buf(),
        serve_hidden: false,
        // A student's client reads with default buffers: a pace it keeps up with.
        udp_rate_bytes_per_sec: 8 * 1024 * 1024,
    };
    let server = Peer::serve("check file server", move |r, s| {
        if tcp {
            runner::run_tcp_server(config, r, s)
        } else {
            runner::run_udp_server(config, r, s)
        }
    })?;
    let out = tempfile::tempdir().map_err(|e| CheckError::Peer(e.to_string()))?;
    // The program saves there: a confined one may write in it.
    let o = &Options {
        writable: vec![out.path().to_path_buf()],
        ..o.clone()
    };
    let mut wrong = Vec::new();
    let mut slow = Vec::new();
    let mut last: Option<Program> = None;
    for size in SIZES {
        let local: PathBuf = out.path().join(format!("got-{size}.bin"));
        let command = expand(
            &o.command,
            o,
            &[
                ("{remote}", name(size)),
                ("{local}", local.display().to_string()),
            ],
        );
        let mut p = Program::start(&command, Answers::default(), o)?;
        match p.wait_exit(o.timeout) {
            Some(Some(0)) => {}
            Some(code) => slow.push(format!(
                "{size} B: exit code {}",
                code.map_or("none".into(), |c| c.to_string())
            )),
            None => slow.push(format!(
                "{size} B: still running after {} s",
                o.timeout.as_secs()
            )),
        }
        p.kill();
        match std::fs::read(&local) {
            Ok(bytes) if bytes == content(size) => {}
            Ok(bytes) => wrong.push(format!("{size} B saved as {} B, different", bytes.len())),
            Err(_) => wrong.push(format!("{size} B: nothing saved")),
        }
        last = Some(p);
    }
    let (verdict, reason) = sizes_verdict(&wrong);
    sink(result(
        "sizes",
        "files of 1 to 70,000 bytes saved identical",
        true,
        verdict,
        reason,
        last.as_mut(),
        none(),
    ));
    sink(result(
        "exits",
        "exits with code 0 at the end of each transfer",
        true,
        if slow.is_empty() {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        if slow.is_empty() {
            "exit code 0 every time".to_owned()
        } else {
            slow.join("; ")
        },
        last.as_mut(),
        none(),
    ));
    // missing (advisory): a name the server does not have.
    let local = out.path().join("missing.bin");
    let command = expand(
        &o.command,
        o,
        &[
            ("{remote}", "socklab-missing.bin".to_owned()),
            ("{local}", local.display().to_string()),
        ],
    );
    let mut p = Program::start(&command, Answers::default(), o)?;
    let patience = o.timeout + Duration::from_secs(3);
    let code = p.wait_exit(patience);
    let ended = if local.exists() {
        "it ended without a traceback (an empty file was left)"
    } else {
        "it ended without a traceback"
    };
    let (verdict, reason) = ended_cleanly(code, &p.output(), patience, ended);
    sink(result(
        "missing",
        "a missing file: a clear message, no traceback",
        false,
        verdict,
        reason,
        Some(&mut p),
        none(),
    ));
    drop(p);

    // exact-multiple (UDP, advisory): a 4,096-byte file ends with an empty datagram; the
    // client must take it for the end, stop, and save 4,096 bytes.
    if !tcp {
        let size = 4096;
        let local = out.path().join("exact-multiple.bin");
        let command = expand(
            &o.command,
            o,
            &[
                ("{remote}", name(size)),
                ("{local}", local.display().to_string()),
            ],
        );
        let mut p = Program::start(&command, Answers::default(), o)?;
        let code = p.wait_exit(o.timeout);
        let saved = std::fs::read(&local).ok();
        let (verdict, reason) = match (code, saved) {
            (None, _) => (
                Verdict::Fail,
                format!(
                    "still running {} s after the empty datagram that ends a {size}-byte file",
                    o.timeout.as_secs()
                ),
            ),
            (Some(Some(0)), Some(b)) if b == content(size) => (
                Verdict::Pass,
                format!("it stopped at the empty datagram and saved {size} bytes, identical"),
            ),
            (Some(code), saved) => (
                Verdict::Fail,
                format!(
                    "exit code {}, {}",
                    code.map_or("none".into(), |c| c.to_string()),
                    saved.map_or("nothing saved".to_owned(), |b| if b == content(size) {
                        format!("{size} bytes saved")
                    } else {
                        format!("{} bytes saved, different", b.len())
                    })
                ),
            ),
        };
        sink(result(
            "exact-multiple",
            "a 4096-byte file (two full datagrams, then an empty one) is saved whole",
            false,
            verdict,
            reason,
            Some(&mut p),
            none(),
        ));
    }
    server.finish(Duration::from_millis(100));

    // pieces (TCP, advisory): socklab's server writes the file in odd-sized pieces.
    if tcp {
        let local = out.path().join("pieces.bin");
        let (v, reason) = match pieces(o, &local) {
            Ok(mut p) => {
                let saved = std::fs::read(&local).ok();
                let v = if saved.as_deref() == Some(&content(PIECES_FILE)[..]) {
                    (Verdict::Pass, format!("saved identical; {}", pieces_said()))
                } else {
                    (
                        Verdict::Fail,
                        format!(
                            "{}; {}",
                            saved.map_or("nothing saved".to_owned(), |b| format!(
                                "saved {} bytes, different",
                                b.len()
                            )),
                            pieces_said()
                        ),
                    )
                };
                sink(result(
                    "pieces",
                    "TCP data in odd-sized writes is saved identical",
                    false,
                    v.0,
                    v.1,
                    Some(&mut p),
                    none(),
                ));
                return Ok(());
            }
            Err(e) => (Verdict::Skip, e),
        };
        sink(result(
            "pieces",
            "TCP data in odd-sized writes is saved identical",
            false,
            v,
            reason,
            None,
            none(),
        ));
    } else {
        sink(result(
            "pieces",
            "TCP data in odd-sized writes is saved identical",
            false,
            Verdict::Skip,
            "UDP: a datagram arrives whole",
            None,
            none(),
        ));
    }
    Ok(())
}

/// The file `pieces` sends, and the writes it is sent in (30 ms apart, so that each arrives on
/// its own).
const PIECES_FILE: usize = 5000;
const PIECES: [usize; 7] = [1, 700, 3, 1500, 1023, 1025, 748];

fn pieces_said() -> String {
    let sizes: Vec<String> = PIECES.iter().map(ToString::to_string).collect();
    format!(
        "{PIECES_FILE} bytes written in pieces of {} bytes",
        sizes.join(", ")
    )
}

/// Serves one download of a file in odd-sized writes to the program under test, which is
/// started with `local` as where to save; the program once it has ended.
fn pieces(o: &Options, local: &Path) -> Result<Program, String> {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind(("127.0.0.1", o.port))
        .map_err(|e| format!("socklab could not listen on port {}: {e}", o.port))?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let command = expand(
        &o.command,
        o,
        &[
            ("{remote}", name(PIECES_FILE)),
            ("{local}", local.display().to_string()),
        ],
    );
    let mut p = Program::start(&command, Answers::default(), o).map_err(|e| e.to_string())?;
    if let Some(mut stream) = super::accept_from(&listener, &mut p, o.timeout) {
        let _ = stream.set_nodelay(true);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
        let mut request = [0u8; 1024];
        let _ = stream.read(&mut request);
        let data = content(PIECES_FILE);
        let mut at = 0;
        for n in PIECES {
            if stream.write_all(&data[at..at + n]).is_err() {
                break;
            }
            at += n;
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = stream.shutdown(std::net::Shutdown::Write);
        p.wait_exit(o.timeout);
        drop(super::Conn(stream));
    } else {
        p.wait_exit(Duration::from_millis(100));
    }
    p.kill();
    Ok(p)
}
