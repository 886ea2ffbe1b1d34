//! Checks for file transfer (TCP 1024-byte blocks, UDP 2048-byte chunks), both roles.

use std::net::{SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::case::{Peer, Subject, ended_cleanly_reason};
use super::error::CheckError;
use super::options::{Options, expand};
use super::program::{Answers, Program};
use super::report::{CheckResult, Reason, Verdict};
use super::spec::{Case, Check, Spec, Wire, run_table};
use crate::exercise::Role;
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
    .ok_or_else(|| crate::t!("case-file-no-thread"))?;
    let events = peer.finish(o.timeout + Duration::from_secs(2));
    match events.last() {
        Some(Event::Finished(Ok(_))) => std::fs::read(local).map_err(|e| e.to_string()),
        Some(Event::Finished(Err(e))) => Err(e.to_string()),
        _ => Err(crate::t!("case-file-no-end")),
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

/// The checks of a student's file server, in the order they run.
const LISTENS: Spec = super::case::LISTENS;
const SIZES_ARRIVE: Spec = Spec::required("sizes", "title-file-sizes-arrive");
const SEVERAL: Spec = Spec::required("several", "title-file-several");
const MISSING_NAME: Spec = Spec::required("missing", "title-file-missing-name");
const TRAVERSAL: Spec = Spec::advisory("traversal", "title-file-traversal");
const EMPTY_FILE: Spec = Spec::advisory("empty-file", "title-file-empty-file");
const CONCURRENT: Spec = Spec::advisory("concurrent", "title-file-concurrent");
const CHUNKS: Spec = Spec::required("chunks", "title-file-chunks");
const EXACT_MULTIPLE_ENDS: Spec =
    Spec::required("exact-multiple", "title-file-exact-multiple-ends");

/// The size `chunks` asks for, and the one `exact-multiple` asks for (two full datagrams).
const CHUNKS_FILE: usize = 70_000;
const EXACT_MULTIPLE_FILE: usize = 4096;

fn server_checks<'a>(tcp: bool) -> Vec<Check<ServerCase<'a>>> {
    let mut table = vec![
        Check::new(LISTENS, listens),
        Check::new(SIZES_ARRIVE, sizes_arrive),
        Check::new(SEVERAL, several),
        Check::new(MISSING_NAME, missing_name),
        Check::new(TRAVERSAL, traversal),
        Check::new(EMPTY_FILE, empty_file),
        Check::new(CONCURRENT, concurrent),
    ];
    if !tcp {
        // The datagrams themselves.
        table.push(Check::new(CHUNKS, chunks));
        table.push(Check::new(EXACT_MULTIPLE_ENDS, exact_multiple_ends));
    }
    table
}

/// What the checks of a server share: the program, and where socklab's client saves.
struct ServerCase<'a> {
    o: &'a Options,
    tcp: bool,
    /// Where socklab's client saves what it downloads (removed before the program is killed,
    /// at the end).
    out: tempfile::TempDir,
    s: Subject<'a>,
    skipping: Option<Reason>,
}

impl Case for ServerCase<'_> {
    fn skip_reason(&self) -> Option<Reason> {
        self.skipping.clone()
    }
}

impl ServerCase<'_> {
    /// Makes sure the server runs and listens, with its files beside it.
    fn ready(&mut self) -> Result<bool, CheckError> {
        ready(&mut self.s)
    }

    /// Where socklab's client saves a download called `local`.
    fn saved(&self, local: &str) -> PathBuf {
        self.out.path().join(local)
    }
}

fn server(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let mut case = ServerCase {
        o,
        tcp: o.exercise.tcp(),
        out: temp_dir()?,
        s: Subject::new(o, Answers::default()),
        skipping: None,
    };
    run_table(&server_checks(case.tcp), &mut case, sink)
}

fn temp_dir() -> Result<tempfile::TempDir, CheckError> {
    tempfile::tempdir().map_err(|e| CheckError::Peer(e.to_string()))
}

/// listens: the program started and listens on the port; the files it will be asked for are
/// put beside it.
fn listens(c: &mut ServerCase<'_>, _: Spec) -> Result<CheckResult, CheckError> {
    let result = c.s.listens_or_skip_reason(&mut c.skipping)?;
    put_files(&c.s);
    Ok(result)
}

/// sizes: a download of every size, each compared byte for byte (and, for `several`, from one
/// server process serving download after download).
fn sizes_arrive(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let mut wrong = Vec::new();
    for size in SIZES {
        if !c.ready()? {
            wrong.push(format!("{size} B: {}", c.s.not_back_reason().text));
            continue;
        }
        match download(c.o, &name(size), &c.saved(&name(size))) {
            Ok(bytes) if bytes == content(size) => {}
            Ok(bytes) => wrong.push(crate::t!(
                "case-file-arrived-different",
                size = size,
                got = bytes.len()
            )),
            Err(e) => wrong.push(format!("{size} B: {e}")),
        }
    }
    Ok(judged(spec, sizes_verdict(&wrong), c.s.program()))
}

/// several: the downloads of `sizes` were served by the process started first.
fn several(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let starts = c.s.starts;
    let verdict = if starts <= 1 {
        (Verdict::Pass, crate::reason!("case-file-one-process"))
    } else {
        (
            Verdict::Fail,
            crate::reason!(
                "case-file-exits-after-each",
                starts = starts,
                downloads = SIZES.len()
            ),
        )
    };
    Ok(judged(spec, verdict, c.s.program()))
}

/// missing: a name that is not there, then a normal download.
fn missing_name(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let missing = if c.ready()? {
        let _ = download(c.o, "socklab-missing.bin", &c.saved("missing"));
        std::thread::sleep(Duration::from_millis(200));
        let alive = c.s.program().is_some_and(Program::is_running);
        let next = alive
            && download(c.o, &name(1025), &c.saved("after")).is_ok_and(|b| b == content(1025));
        match (alive, next) {
            (true, true) => Ok(()),
            (false, _) => Err(crate::reason!("case-file-exited-on-missing")),
            (true, false) => Err(crate::reason!("case-file-next-failed-after-missing")),
        }
    } else {
        Err(c.s.not_back_reason())
    };
    let verdict = match missing {
        Ok(()) => (Verdict::Pass, crate::reason!("case-file-went-on")),
        Err(why) => (Verdict::Fail, why),
    };
    Ok(judged(spec, verdict, c.s.program()))
}

/// traversal: a file beside the server's folder and one elsewhere must not arrive.
fn traversal(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let outcome = if c.ready()? {
        traversal_probe(c.o, &c.s)
    } else {
        Err(c.s.not_back_reason())
    };
    Ok(outcome_result(spec, outcome, &mut c.s))
}

/// empty-file: a 0-byte file ends at once, and the server serves on.
fn empty_file(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    let outcome = if c.ready()? {
        empty_file_probe(c.o, &mut c.s, c.out.path())
    } else {
        Err(c.s.not_back_reason())
    };
    Ok(outcome_result(spec, outcome, &mut c.s))
}

/// concurrent (TCP): a first client connects and stays silent; a second downloads.
fn concurrent(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    if !c.tcp {
        return Ok(spec.skip(crate::reason!("case-file-udp-no-connection")));
    }
    let o = c.o;
    let outcome = if c.ready()? {
        let silent = std::net::TcpStream::connect((o.host.as_str(), o.port)).map(super::case::Conn);
        let got = download(o, &name(1025), &c.saved("concurrent"));
        drop(silent);
        match got {
            Ok(bytes) if bytes == content(1025) => {
                Ok(crate::reason!("case-file-served-beside-silent"))
            }
            Ok(_) => Err(crate::reason!("case-file-download-different")),
            Err(e) => Err(crate::reason!(
                "case-file-no-download-beside-silent",
                error = e
            )),
        }
    } else {
        Err(c.s.not_back_reason())
    };
    Ok(outcome_result(spec, outcome, &mut c.s))
}

/// chunks (UDP): the datagrams of a 70,000-byte file.
fn chunks(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    datagrams_of(c, spec, CHUNKS_FILE)
}

/// exact-multiple (UDP): the datagrams of a 4096-byte file, an empty one last.
fn exact_multiple_ends(c: &mut ServerCase<'_>, spec: Spec) -> Result<CheckResult, CheckError> {
    datagrams_of(c, spec, EXACT_MULTIPLE_FILE)
}

/// The datagrams that answer a request for the file of `size` bytes, judged by their sizes.
fn datagrams_of(
    c: &mut ServerCase<'_>,
    spec: Spec,
    size: usize,
) -> Result<CheckResult, CheckError> {
    let sizes = if c.ready()? {
        datagrams(c.o, &name(size))
    } else {
        Err(c.s.not_back_reason())
    };
    let verdict = match sizes {
        Ok(sizes) => judge_chunks(&sizes, size),
        Err(e) => (Verdict::Fail, e),
    };
    Ok(judged(spec, verdict, c.s.program()))
}

/// An advisory check's result: what passed, or why it failed.
fn outcome_result(spec: Spec, outcome: Result<Reason, Reason>, s: &mut Subject<'_>) -> CheckResult {
    let verdict = match outcome {
        Ok(why) => (Verdict::Pass, why),
        Err(why) => (Verdict::Fail, why),
    };
    judged(spec, verdict, s.program())
}

/// A pass or a fail with the program's output and no bytes on the wire.
fn judged(
    spec: Spec,
    (verdict, reason): (Verdict, impl Into<Reason>),
    program: Option<&mut Program>,
) -> CheckResult {
    spec.result(verdict, reason, program, Wire::default())
}

/// A system error (a refused connection, a socket that would not bind) as a check's reason.
fn io_reason(e: impl std::fmt::Display) -> Reason {
    crate::reason!("case-file-io-error", error = e.to_string())
}

/// Asks for `request` with a bare socket and returns every byte that comes back: to the end
/// of the connection (TCP), or to the first datagram shorter than 2048 bytes (UDP); `Err` when
/// nothing ended the answer within 3 s.
fn fetch_raw(o: &Options, request: &str) -> Result<Vec<u8>, Reason> {
    use std::io::{Read, Write};
    let wait = Duration::from_secs(3);
    let to: SocketAddr = format!("{}:{}", o.host, o.port)
        .parse()
        .map_err(io_reason)?;
    let mut got = Vec::new();
    if o.exercise.tcp() {
        let stream = std::net::TcpStream::connect_timeout(&to, wait).map_err(io_reason)?;
        let mut conn = super::case::Conn(stream);
        conn.0.set_read_timeout(Some(wait)).map_err(io_reason)?;
        conn.0.write_all(request.as_bytes()).map_err(io_reason)?;
        let mut buf = [0u8; 8192];
        loop {
            match conn.0.read(&mut buf) {
                Ok(0) => return Ok(got),
                Ok(n) => got.extend_from_slice(&buf[..n]),
                // A refusal by reset is an end too.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return Ok(got),
                Err(_) => {
                    return Err(crate::reason!(
                        "case-file-stayed-open",
                        seconds = wait.as_secs(),
                        count = got.len()
                    ));
                }
            }
        }
    }
    let (answer, ended) = udp_answer(o, request)?;
    let got: Vec<u8> = answer.concat();
    if answer.is_empty() {
        Err(crate::reason!("case-file-no-datagram"))
    } else if !ended {
        Err(crate::reason!("case-file-then-silence", count = got.len()))
    } else {
        Ok(got)
    }
}

/// `traversal`: a file beside the server's folder asked for as `../name`, and a file elsewhere
/// asked for by its absolute path; neither may arrive.
fn traversal_probe(o: &Options, s: &Subject<'_>) -> Result<Reason, Reason> {
    let Some(dir) = s.program.as_ref().and_then(Program::workdir) else {
        return Err(crate::reason!("case-file-no-scratch-folder"));
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
        .ok_or_else(|| crate::reason!("case-file-no-parent"))?;
    std::fs::create_dir_all(&elsewhere).map_err(io_reason)?;
    let absolute = elsewhere.join("socklab-absolute.txt");
    std::fs::write(&absolute, secret("absolute")).map_err(io_reason)?;
    let mut leaks = Vec::new();
    if let Some(beside) = &beside
        && std::fs::write(beside, secret("beside")).is_ok()
    {
        let asked = format!("../{beside_name}");
        let got = fetch_raw(o, &asked);
        let _ = std::fs::remove_file(beside);
        if got.is_ok_and(|b| b == secret("beside").as_bytes()) {
            leaks.push(crate::t!("case-file-was-sent", name = asked.clone()));
        }
    }
    let asked = absolute.display().to_string();
    if fetch_raw(o, &asked).is_ok_and(|b| b == secret("absolute").as_bytes()) {
        leaks.push(crate::t!("case-file-was-sent", name = asked.clone()));
    }
    if leaks.is_empty() {
        Ok(crate::reason!("case-file-traversal-refused"))
    } else {
        Err(crate::reason!(
            "case-file-traversal-served",
            sent = leaks.join("; ")
        ))
    }
}

/// `empty-file`: a 0-byte file ends at once (TCP: the connection closes; UDP: one empty
/// datagram), and the next download works.
fn empty_file_probe(o: &Options, s: &mut Subject<'_>, out: &Path) -> Result<Reason, Reason> {
    let got = fetch_raw(o, &name(0));
    std::thread::sleep(Duration::from_millis(200));
    if !s.program.as_mut().is_some_and(Program::is_running) {
        return Err(crate::reason!("case-file-exited-on-empty"));
    }
    let ended = match got {
        Ok(bytes) if bytes.is_empty() => {
            if o.exercise.tcp() {
                crate::t!("case-file-empty-closed")
            } else {
                crate::t!("case-file-empty-datagram")
            }
        }
        Ok(bytes) => {
            return Err(crate::reason!(
                "case-file-bytes-for-empty",
                count = bytes.len()
            ));
        }
        Err(e) => return Err(e),
    };
    match download(o, &name(1025), &out.join("after-empty")) {
        Ok(bytes) if bytes == content(1025) => {
            Ok(crate::reason!("case-file-empty-served-next", ended = ended))
        }
        Ok(_) => Err(crate::reason!(
            "case-file-empty-next-different",
            ended = ended
        )),
        Err(e) => Err(crate::reason!(
            "case-file-empty-next-failed",
            ended = ended,
            error = e
        )),
    }
}

/// The sizes of the datagrams that answer a request for `remote`, up to the first shorter than
/// 2048 bytes, or to 1.5 s of silence.
fn datagrams(o: &Options, remote: &str) -> Result<Vec<usize>, Reason> {
    let (answer, _) = udp_answer(o, remote)?;
    Ok(answer.iter().map(Vec::len).collect())
}

/// The datagrams that answer `request` sent from a fresh socket: up to the first shorter than
/// 2048 bytes (then `true`), or to 1.5 s of silence or the case's timeout.
fn udp_answer(o: &Options, request: &str) -> Result<(Vec<Vec<u8>>, bool), Reason> {
    let sock = UdpSocket::bind("127.0.0.1:0").map_err(io_reason)?;
    let to: SocketAddr = format!("{}:{}", o.host, o.port)
        .parse()
        .map_err(io_reason)?;
    sock.set_read_timeout(Some(Duration::from_millis(1500)))
        .map_err(io_reason)?;
    sock.send_to(request.as_bytes(), to).map_err(io_reason)?;
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

fn judge_chunks(sizes: &[usize], file: usize) -> (Verdict, Reason) {
    let full = file / UDP_CHUNK_BYTES;
    let last = file % UDP_CHUNK_BYTES;
    let wanted: Vec<usize> = std::iter::repeat_n(UDP_CHUNK_BYTES, full)
        .chain([last])
        .collect();
    if sizes == wanted {
        return (
            Verdict::Pass,
            crate::reason!("case-file-datagrams", count = sizes.len(), last = last),
        );
    }
    if last == 0 && sizes == &wanted[..full] {
        return (
            Verdict::Fail,
            crate::reason!("case-file-no-empty-datagram", count = full),
        );
    }
    let shown: Vec<String> = sizes.iter().take(6).map(|n| n.to_string()).collect();
    let shown = format!(
        "{}{}",
        shown.join(", "),
        if sizes.len() > 6 { ", …" } else { "" }
    );
    (
        Verdict::Fail,
        crate::reason!("case-file-datagram-sizes", sizes = shown, file = file),
    )
}

/// The `sizes` verdict from what went wrong, size by size.
fn sizes_verdict(wrong: &[String]) -> (Verdict, Reason) {
    if wrong.is_empty() {
        (
            Verdict::Pass,
            crate::reason!("case-file-sizes-identical", count = SIZES.len()),
        )
    } else {
        (
            Verdict::Fail,
            crate::reason!("case-file-sizes-wrong", wrong = wrong.join("; ")),
        )
    }
}

/// The checks of a student's file client, in the order they run.
const SIZES_SAVED: Spec = Spec::required("sizes", "title-file-sizes-saved");
const EXITS: Spec = Spec::required("exits", "title-file-exits");
const MISSING_FILE: Spec = Spec::advisory("missing", "title-file-missing-file");
const EXACT_MULTIPLE_SAVED: Spec =
    Spec::advisory("exact-multiple", "title-file-exact-multiple-saved");
const PIECES_SAVED: Spec = Spec::advisory("pieces", "title-file-pieces-saved");

fn client_checks(tcp: bool) -> Vec<Check<ClientCase>> {
    let mut table = vec![
        Check::new(SIZES_SAVED, sizes_saved),
        Check::new(EXITS, exits),
        Check::new(MISSING_FILE, missing_file),
    ];
    if !tcp {
        table.push(Check::new(EXACT_MULTIPLE_SAVED, exact_multiple_saved));
    }
    table.push(Check::new(PIECES_SAVED, pieces_saved));
    table
}

/// What the checks of a client share: socklab's server and the folders, and the runs of
/// `sizes` (`exits` judges the same runs).
struct ClientCase {
    /// The last run of `sizes` (killed once it ended), the evidence of `sizes` and `exits`.
    last: Option<Program>,
    /// How runs of `sizes` ended other than with code 0 in time.
    slow: Vec<String>,
    /// The case's options, with `out` writable (a confined program may save there).
    o: Options,
    tcp: bool,
    /// socklab's server, serving `shared`, until `pieces` listens on its port.
    server: Option<Peer>,
    /// Where the program saves.
    out: tempfile::TempDir,
    /// The files socklab's server serves.
    shared: tempfile::TempDir,
}

impl Case for ClientCase {}

impl ClientCase {
    /// Stops socklab's server.
    fn stop_server(&mut self) {
        if let Some(server) = self.server.take() {
            server.finish(Duration::from_millis(100));
        }
    }

    /// The program, started to download `remote` and save it as `local` in `out`.
    fn start(&self, remote: &str, local: &Path) -> Result<Program, CheckError> {
        let command = download_command(&self.o, remote, local);
        Ok(Program::start(&command, Answers::default(), &self.o)?)
    }
}

/// The program's command to download `remote` and save it as `local`.
fn download_command(o: &Options, remote: &str, local: &Path) -> Vec<String> {
    expand(
        &o.command,
        o,
        &[
            ("{remote}", remote.to_owned()),
            ("{local}", local.display().to_string()),
        ],
    )
}

fn client(o: &Options, sink: &mut dyn FnMut(CheckResult)) -> Result<(), CheckError> {
    let tcp = o.exercise.tcp();
    let shared = temp_dir()?;
    for size in SIZES {
        let _ = std::fs::write(shared.path().join(name(size)), content(size));
    }
    let out = temp_dir()?;
    let mut case = ClientCase {
        last: None,
        slow: Vec::new(),
        o: Options {
            writable: vec![out.path().to_path_buf()],
            ..o.clone()
        },
        tcp,
        server: None,
        out,
        shared,
    };
    case.server = Some(start_server(o, case.shared.path())?);
    let ran = run_table(&client_checks(tcp), &mut case, sink);
    case.stop_server();
    ran
}

/// socklab's file server on the checked port, serving `root`, once it listens.
fn start_server(o: &Options, root: &Path) -> Result<Peer, CheckError> {
    let tcp = o.exercise.tcp();
    let config = ServerConfig {
        conditions: Default::default(),
        bind: SocketAddr::from(([127, 0, 0, 1], o.port)),
        max_connections: crate::net::MAX_CONNECTIONS,
        root: root.to_path_buf(),
        serve_hidden: false,
        // A student's client reads with default buffers: a pace it keeps up with.
        udp_rate_bytes_per_sec: 8 * 1024 * 1024,
    };
    Peer::serve("check file server", move |r, s| {
        if tcp {
            runner::run_tcp_server(config, r, s)
        } else {
            runner::run_udp_server(config, r, s)
        }
    })
}

/// sizes: one run of the program for every size, each killed once it ended or timed out; the
/// saved file compared byte for byte (and how each run ended kept for `exits`).
fn sizes_saved(c: &mut ClientCase, spec: Spec) -> Result<CheckResult, CheckError> {
    let mut wrong = Vec::new();
    for size in SIZES {
        let local: PathBuf = c.out.path().join(format!("got-{size}.bin"));
        let mut program = c.start(&name(size), &local)?;
        match program.wait_exit(c.o.timeout) {
            Some(Some(0)) => {}
            Some(code) => c.slow.push(crate::t!(
                "case-file-run-exit-code",
                size = size,
                code = exit_code_shown(code)
            )),
            None => c.slow.push(crate::t!(
                "case-file-run-still-running",
                size = size,
                seconds = c.o.timeout.as_secs()
            )),
        }
        program.kill();
        match std::fs::read(&local) {
            Ok(bytes) if bytes == content(size) => {}
            Ok(bytes) => wrong.push(crate::t!(
                "case-file-saved-different",
                size = size,
                got = bytes.len()
            )),
            Err(_) => wrong.push(crate::t!("case-file-size-nothing-saved", size = size)),
        }
        c.last = Some(program);
    }
    Ok(judged(spec, sizes_verdict(&wrong), c.last.as_mut()))
}

/// exits: every run of `sizes` ended with code 0 within the case's timeout.
fn exits(c: &mut ClientCase, spec: Spec) -> Result<CheckResult, CheckError> {
    let verdict = if c.slow.is_empty() {
        (Verdict::Pass, crate::reason!("case-file-exit-0-every-time"))
    } else {
        (
            Verdict::Fail,
            crate::reason!("case-file-exit-codes", runs = c.slow.join("; ")),
        )
    };
    Ok(judged(spec, verdict, c.last.as_mut()))
}

/// missing: a name the server does not have; the program ends with a message, not a
/// traceback.
fn missing_file(c: &mut ClientCase, spec: Spec) -> Result<CheckResult, CheckError> {
    let local = c.out.path().join("missing.bin");
    let mut program = c.start("socklab-missing.bin", &local)?;
    let patience = c.o.timeout + Duration::from_secs(3);
    let code = program.wait_exit(patience);
    let verdict: (Verdict, Reason) =
        match ended_cleanly_reason(code, &program.output(), patience, Reason::from("")) {
            // How it ended, when it ended well, is said here.
            (Verdict::Pass, _) if local.exists() => {
                (Verdict::Pass, crate::reason!("case-file-ended-empty-left"))
            }
            (Verdict::Pass, _) => (Verdict::Pass, crate::reason!("case-file-ended-cleanly")),
            (verdict, reason) => (verdict, reason),
        };
    Ok(judged(spec, verdict, Some(&mut program)))
}

/// exact-multiple (UDP): a 4,096-byte file ends with an empty datagram; the client must take
/// it for the end, stop, and save 4,096 bytes.
fn exact_multiple_saved(c: &mut ClientCase, spec: Spec) -> Result<CheckResult, CheckError> {
    let size = EXACT_MULTIPLE_FILE;
    let local = c.out.path().join("exact-multiple.bin");
    let mut program = c.start(&name(size), &local)?;
    let code = program.wait_exit(c.o.timeout);
    let saved = std::fs::read(&local).ok();
    let verdict = match (code, saved) {
        (None, _) => (
            Verdict::Fail,
            crate::reason!(
                "case-file-running-after-empty-datagram",
                seconds = c.o.timeout.as_secs(),
                size = size
            ),
        ),
        (Some(Some(0)), Some(b)) if b == content(size) => (
            Verdict::Pass,
            crate::reason!("case-file-stopped-at-empty-datagram", size = size),
        ),
        (Some(code), saved) => {
            let code = exit_code_shown(code);
            let reason = match saved {
                None => crate::reason!("case-file-exit-nothing-saved", code = code),
                Some(b) if b == content(size) => {
                    crate::reason!("case-file-exit-saved", code = code, count = size)
                }
                Some(b) => crate::reason!(
                    "case-file-exit-saved-different",
                    code = code,
                    count = b.len()
                ),
            };
            (Verdict::Fail, reason)
        }
    };
    Ok(judged(spec, verdict, Some(&mut program)))
}

/// pieces (TCP): socklab's server stopped, socklab serves the file in odd-sized pieces itself.
fn pieces_saved(c: &mut ClientCase, spec: Spec) -> Result<CheckResult, CheckError> {
    c.stop_server();
    if !c.tcp {
        return Ok(spec.skip(crate::reason!("case-file-udp-whole")));
    }
    let local = c.out.path().join("pieces.bin");
    let mut program = match pieces(&c.o, &local) {
        Ok(program) => program,
        Err(e) => return Ok(spec.skip(e)),
    };
    let saved = std::fs::read(&local).ok();
    let verdict = if saved.as_deref() == Some(&content(PIECES_FILE)[..]) {
        (
            Verdict::Pass,
            crate::reason!("case-file-pieces-identical", pieces = pieces_said()),
        )
    } else {
        let reason = match saved {
            None => crate::reason!("case-file-pieces-nothing-saved", pieces = pieces_said()),
            Some(b) => crate::reason!(
                "case-file-pieces-different",
                count = b.len(),
                pieces = pieces_said()
            ),
        };
        (Verdict::Fail, reason)
    };
    Ok(judged(spec, verdict, Some(&mut program)))
}

/// The file `pieces` sends, and the writes it is sent in (30 ms apart, so that each arrives on
/// its own).
const PIECES_FILE: usize = 5000;
const PIECES: [usize; 7] = [1, 700, 3, 1500, 1023, 1025, 748];

fn pieces_said() -> String {
    let sizes: Vec<String> = PIECES.iter().map(ToString::to_string).collect();
    crate::t!(
        "case-file-pieces-written",
        size = PIECES_FILE,
        pieces = sizes.join(", ")
    )
}

/// An exit code as a reason says it ("none" when a signal ended the program).
fn exit_code_shown(code: Option<i32>) -> String {
    code.map_or_else(|| crate::t!("case-file-exit-none"), |c| c.to_string())
}

/// Serves one download of a file in odd-sized writes to the program under test, which is
/// started with `local` as where to save; the program once it has ended.
fn pieces(o: &Options, local: &Path) -> Result<Program, Reason> {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind(("127.0.0.1", o.port)).map_err(|e| {
        crate::reason!(
            "case-file-cannot-listen",
            port = o.port,
            error = e.to_string()
        )
    })?;
    listener.set_nonblocking(true).map_err(io_reason)?;
    let command = download_command(o, &name(PIECES_FILE), local);
    let mut p = Program::start(&command, Answers::default(), o).map_err(|e| e.reason())?;
    if let Some(mut stream) = super::case::accept_from(&listener, &mut p, o.timeout) {
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
        drop(super::case::Conn(stream));
    } else {
        p.wait_exit(Duration::from_millis(100));
    }
    p.kill();
    Ok(p)
}
