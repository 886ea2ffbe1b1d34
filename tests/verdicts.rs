//! Verdicts an instructor can sign: `socklab check` grades only a program it started, judges a
//! client on what it sent, scores required checks only, gives the same verdicts run after run
//! under load, and writes gradebook files (Gradescope, JUnit) that read back. Each case runs the
//! real binary against student-style programs in tests/peers/check/ on a free loopback port.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::check::*;
use common::*;
use serde_json::Value;

#[test]
fn a_port_held_by_another_program_stops_the_check_naming_that_program() {
    for tcp in [true, false] {
        let (exercise, kind) = if tcp {
            ("tcp-echo", "SOCK_STREAM")
        } else {
            ("udp-echo", "SOCK_DGRAM")
        };
        // Another program, already on the port: a forgotten server of the day before.
        let mut holder = Command::new(python())
            .arg("-c")
            .arg(format!(
                "import socket,sys,time\ns=socket.socket(socket.AF_INET,socket.{kind})\ns.bind(('127.0.0.1',0))\n{}\nprint('PORT',s.getsockname()[1],flush=True)\ntime.sleep(30)",
                if tcp { "s.listen(1)" } else { "" }
            ))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let lines = stdout_lines(&mut holder);
        let port: u16 = line_starting(&lines, "PORT ").parse().unwrap();
        let Checked {
            code,
            report,
            stderr,
            ..
        } = check_on(
            port,
            exercise,
            "server",
            &[],
            &[&peer("echo_server.py"), &exercise[..3], "{port}"],
        );
        let _ = holder.kill();
        let _ = holder.wait();
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(report, Value::Null, "no verdicts: {report:#}");
        assert!(
            stderr.contains(&format!(
                "port {port} is already in use by PID {}",
                holder.id()
            )) && stderr.contains("python"),
            "{stderr}"
        );
    }
}

#[test]
fn a_port_held_by_socklabs_own_server_is_never_graded() {
    let port = free_port(true);
    let mut server = socklab_command(&[])
        .args(["tcp-echo", "server", "--port", &port.to_string()])
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "socklab's server never listened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let Checked { code, stderr, .. } = check_on(
        port,
        "tcp-echo",
        "server",
        &[],
        &[&peer("echo_server.py"), "tcp", "{port}"],
    );
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "port {port} is already in use by PID {} (socklab)",
            server.id()
        )),
        "{stderr}"
    );
}

#[test]
fn a_client_is_judged_on_the_name_it_sent() {
    for transport in ["tcp", "udp"] {
        let exercise = format!("{transport}-add");
        let client = peer("add_client.py");
        let (code, report) = check(
            &exercise,
            "client",
            &[&client, transport, "{host}", "{port}", "fixed-name"],
        );
        assert_eq!(verdict(&report, "shows"), "pass", "{report:#}");
        assert_eq!(code, Some(0), "{report:#}");
        let sends = find(&report, "sends")["reason"].as_str().unwrap();
        assert!(
            sends.contains("\"Client of R. Gnanesh\" and 37")
                && sends.contains("written in its code"),
            "{sends}"
        );
        let shows = find(&report, "shows")["reason"].as_str().unwrap();
        assert!(shows.contains("Client of R. Gnanesh"), "{shows}");
    }
}

#[test]
fn a_silent_exit_on_an_out_of_range_number_fails_its_check() {
    let client = peer("add_client.py");
    let (_, report) = check(
        "tcp-add",
        "client",
        &[&client, "tcp", "{host}", "{port}", "silent-range"],
    );
    let c = find(&report, "out-of-range-input");
    assert_eq!(c["verdict"], "fail", "{c:#}");
    assert!(
        c["reason"].as_str().unwrap().contains("without a word"),
        "{c:#}"
    );
    // The handout's client sends 150 and says that the server closed without replying.
    let (_, report) = check("tcp-add", "client", &[&client, "tcp", "{host}", "{port}"]);
    let c = find(&report, "out-of-range-input");
    assert_eq!(c["verdict"], "pass", "{c:#}");
    assert!(
        c["reason"].as_str().unwrap().contains("it sent 150"),
        "{c:#}"
    );
}

#[test]
fn a_udp_echo_in_pieces_fails_the_advisory_cookbook_check_only() {
    let echo = peer("echo_server.py");
    let (_, report) = check("udp-echo", "server", &[&echo, "udp", "{port}"]);
    assert_eq!(verdict(&report, "cookbook"), "pass", "{report:#}");
    let (code, report) = check("udp-echo", "server", &[&echo, "udp", "{port}", "pieces"]);
    let c = find(&report, "cookbook");
    assert_eq!(c["verdict"], "fail", "{c:#}");
    assert!(
        c["reason"].as_str().unwrap().contains("3 datagrams"),
        "{c:#}"
    );
    // An advisory check: the mark is not lowered.
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["score"], 100.0, "{report:#}");
}

#[test]
fn a_udp_file_client_must_take_an_empty_datagram_as_the_end() {
    let client = peer("file_client.py");
    let args = |mistake: &'static str| -> Vec<&'static str> {
        let mut a = vec!["udp", "{host}:{port}:{remote}", "{local}"];
        if !mistake.is_empty() {
            a.push(mistake);
        }
        a
    };
    let mut command = vec![client.as_str()];
    command.extend(args(""));
    let (_, report) = check("udp-file", "client", &command);
    assert_eq!(verdict(&report, "exact-multiple"), "pass", "{report:#}");
    let mut command = vec![client.as_str()];
    command.extend(args("no-empty-end"));
    let (_, report) = check("udp-file", "client", &command);
    assert_eq!(verdict(&report, "exact-multiple"), "fail", "{report:#}");
}

#[test]
fn a_binary_request_is_split_between_its_fields() {
    let (code, report) = check_with(
        "tcp-add",
        "server",
        &["--format", "length-prefixed"],
        &[&peer("add_server_binary.py"), "{port}"],
    );
    assert_eq!(code, Some(0), "{report:#}");
    for id in ["split-request", "concurrent"] {
        assert_eq!(verdict(&report, id), "pass", "{id}: {report:#}");
    }
}

#[test]
fn the_score_counts_only_required_checks() {
    let echo = peer("echo_server.py");
    // A single-threaded echo server, as the handout asks: `concurrent` (advisory) fails.
    let (code, report) = check("tcp-echo", "server", &[&echo, "tcp", "{port}", "single"]);
    assert_eq!(verdict(&report, "concurrent"), "fail", "{report:#}");
    assert_eq!(code, Some(0));
    assert_eq!(report["score"], 100.0, "{report:#}");
    assert_eq!(report["required_passed"], report["required_total"]);
    assert_eq!(report["required_total"], 5);
    let advisory = report["advisory_total"].as_u64().unwrap();
    assert_eq!(report["advisory_passed"].as_u64().unwrap(), advisory - 1);
}

#[test]
fn a_weights_file_gives_each_check_its_points() {
    let echo = peer("echo_server.py");
    let dir = tempfile::tempdir().unwrap();
    let weights = dir.path().join("weights.txt");
    std::fs::write(
        &weights,
        "# points per check\nlistens 1\nechoes 2\nconcurrent 1\n",
    )
    .unwrap();
    let (_, report) = check_with(
        "tcp-echo",
        "server",
        &["--weights", weights.to_str().unwrap()],
        &[&echo, "tcp", "{port}", "single"],
    );
    assert_eq!(report["score"], 75.0, "{report:#}");
    assert_eq!(
        (report["points"].clone(), report["max_points"].clone()),
        (3.0.into(), 4.0.into())
    );

    std::fs::write(&weights, "listens lots\n").unwrap();
    let out = wait_output(
        socklab_command(&[])
            .args(["check", "tcp-echo", "server", "--weights"])
            .arg(&weights)
            .args(["--", "python3", "x.py"])
            .spawn()
            .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("\"lots\" is not a number"),
        "{}",
        out.stderr
    );
}

/// Parses a JUnit file with Python's own XML parser: (tests, failures, skipped, case names).
fn read_junit(path: &Path) -> Value {
    let script = "import json,sys,xml.etree.ElementTree as E\n\
        r=E.parse(sys.argv[1]).getroot()\n\
        cases=r.findall('.//testcase')\n\
        print(json.dumps({'tests':len(cases),'failures':len([c for c in cases if c.find('failure') is not None]),\
        'skipped':len([c for c in cases if c.find('skipped') is not None]),'names':[c.get('name') for c in cases],\
        'suites':[s.get('name') for s in r.iter('testsuite')]}))";
    let out = Command::new(python())
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn gradebook_files_read_back_with_the_reports_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.json");
    let junit = dir.path().join("junit.xml");
    let (code, report) = check_with(
        "tcp-echo",
        "server",
        &[
            "--gradescope",
            results.to_str().unwrap(),
            "--junit",
            junit.to_str().unwrap(),
        ],
        &[&peer("echo_server.py"), "tcp", "{port}", "eof"],
    );
    assert_eq!(code, Some(1));
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    let tests = g["tests"].as_array().unwrap();
    assert_eq!(tests.len(), report["checks"].as_array().unwrap().len());
    let sum: f64 = tests.iter().map(|t| t["score"].as_f64().unwrap()).sum();
    let max: f64 = tests.iter().map(|t| t["max_score"].as_f64().unwrap()).sum();
    assert_eq!(
        (g["score"].as_f64(), g["max_score"].as_f64()),
        (Some(sum), Some(max))
    );
    assert_eq!(max, 5.0, "one point per required check: {g:#}");
    assert!(sum < max, "{g:#}");
    let echoes = tests
        .iter()
        .find(|t| t["name"].as_str().unwrap().starts_with("echoes"))
        .unwrap();
    assert_eq!(echoes["status"], "failed");
    assert!(
        echoes["output"]
            .as_str()
            .unwrap()
            .contains("nothing came back")
    );
    for t in tests {
        assert_eq!(t["visibility"], "visible");
    }
    assert_eq!(g["stdout_visibility"], "visible");

    let j = read_junit(&junit);
    assert_eq!(j["tests"], tests.len());
    let failed = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "fail")
        .count();
    assert_eq!(j["failures"], failed);
    assert!(
        j["names"][0].as_str().unwrap().starts_with("listens"),
        "{j}"
    );
}

#[test]
fn five_runs_under_load_give_the_same_verdicts() {
    // A very common server: it dies with a traceback on a name it does not have, so socklab
    // starts it again for every case after that one. Another core is kept busy meanwhile.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let spin = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut x = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                x = x.wrapping_mul(31).wrapping_add(7);
                std::hint::black_box(x);
            }
        })
    };
    let server = peer("file_server.py");
    let runs: Vec<Vec<(String, String)>> = (0..5)
        .map(|_| {
            let (_, report) = check(
                "tcp-file",
                "server",
                &[&server, "tcp", "{port}", "crash-missing"],
            );
            report["checks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c["id"].as_str().unwrap().to_owned(),
                        format!("{}: {}", c["verdict"], c["reason"]),
                    )
                })
                .collect()
        })
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = spin.join();
    let verdicts = |run: &Vec<(String, String)>| -> Vec<(String, String)> {
        run.iter()
            .map(|(id, v)| (id.clone(), v.split(':').next().unwrap_or("").to_owned()))
            .collect()
    };
    for run in &runs[1..] {
        assert_eq!(verdicts(run), verdicts(&runs[0]), "{runs:#?}");
    }
    // The cases after the crash ran against a server that came back.
    let empty = runs[0].iter().find(|(id, _)| id == "empty-file").unwrap();
    assert!(empty.1.starts_with("\"pass\""), "{runs:#?}");
}

#[test]
fn the_gradescope_autograder_writes_results_for_a_submission() {
    // Gradescope's layout in a temporary folder: source/ (the autograder), submission/.
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("source");
    let submission = root.path().join("submission").join("lab2");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::create_dir_all(&submission).unwrap();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/gradescope");
    let conf = std::fs::read_to_string(docs.join("socklab.conf"))
        .unwrap()
        .replace(
            "ARGS='{port}'",
            &format!("ARGS='tcp {{port}}'\nEXTRA='--port {}'", check_port(true)),
        );
    std::fs::write(source.join("socklab.conf"), conf).unwrap();
    std::fs::copy(peer("echo_server.py"), submission.join("TCPserver.py")).unwrap();
    let run = |root: &Path| {
        wait_output(
            Command::new("bash")
                .arg(docs.join("run_autograder"))
                .env("AUTOGRADER_ROOT", root)
                .env("SOCKLAB", env!("CARGO_BIN_EXE_socklab"))
                .env("PYTHON", python())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
            Duration::from_secs(120),
        )
    };
    let out = run(root.path());
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let results = root.path().join("results/results.json");
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(r["score"], r["max_score"], "{r:#}");
    assert_eq!(r["max_score"], 5.0, "{r:#}");
    assert!(r["tests"].as_array().unwrap().len() >= 5, "{r:#}");
    assert!(
        r["execution_time"].as_f64().is_some_and(|s| s >= 0.0),
        "{r:#}"
    );

    // The course's language in socklab.conf: the same score, the tests named in Portuguese.
    let conf = std::fs::read_to_string(source.join("socklab.conf")).unwrap();
    assert!(conf.contains("REPORT_LANG=''"), "{conf}");
    std::fs::write(
        source.join("socklab.conf"),
        conf.replace("REPORT_LANG=''", "REPORT_LANG='pt-PT'"),
    )
    .unwrap();
    let out = run(root.path());
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(r["score"], 5.0, "{r:#}");
    let names: Vec<&str> = r["tests"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("listens fica à escuta até 5 s depois de arrancar")),
        "{names:#?}"
    );

    // No program in the submission: a results.json that says so, with no points.
    std::fs::remove_file(submission.join("TCPserver.py")).unwrap();
    let out = run(root.path());
    assert_eq!(out.code, Some(0));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(r["score"], 0);
    assert!(
        r["output"].as_str().unwrap().contains("No file matching"),
        "{r:#}"
    );
}

#[test]
fn a_class_checked_in_parallel_gets_the_sheet_of_one_at_a_time() {
    let class = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(peer("add_server.py")).unwrap();
    let once = source.replace(
        "mistake = sys.argv[3] if len(sys.argv) > 3 else \"\"",
        "mistake = \"once\"",
    );
    assert_ne!(once, source);
    let students = [
        ("ana", source.as_str()),
        ("bruno", source.as_str()),
        ("carla", once.as_str()),
        ("duarte", "this is not python\n"),
        ("eva", source.as_str()),
    ];
    for (student, body) in students {
        let folder = class.path().join(student);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("TCPserver.py"), body).unwrap();
    }
    let pattern = format!("{}/*/TCPserver.py", class.path().display());
    let run = |jobs: &str, command: &[&str]| {
        let csv = class.path().join(format!("grades-{jobs}.csv"));
        let html = class.path().join(format!("class-{jobs}.html"));
        let port = check_port(true).to_string();
        let mut args = vec![
            "check",
            "tcp-add",
            "server",
            "--port",
            &port,
            "--timeout",
            "4",
            "--each",
            &pattern,
            "--jobs",
            jobs,
            "--csv",
        ];
        let junit = class.path().join(format!("junit-{jobs}.xml"));
        let (csv_arg, html_arg) = (csv.display().to_string(), html.display().to_string());
        let junit_arg = junit.display().to_string();
        args.extend([csv_arg.as_str(), "--report", html_arg.as_str()]);
        args.extend(["--junit", junit_arg.as_str(), "--json", "--"]);
        let py = python();
        args.push(&py);
        args.extend(command);
        let out = wait_output(
            socklab_command(&[]).args(&args).spawn().unwrap(),
            Duration::from_secs(240),
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        // What each student's failed checks said, for the message when the two runs differ.
        let reasons: Vec<String> = serde_json::from_str::<Value>(&out.stdout)
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .flat_map(|f| {
                let file = f["file"].as_str().unwrap_or("?").to_owned();
                f["report"]["checks"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|c| c["verdict"] == "fail")
                    .map(move |c| format!("{file}: {}: {}", c["id"], c["reason"]))
            })
            .collect();
        (
            std::fs::read_to_string(&csv).unwrap(),
            std::fs::read_to_string(&html).unwrap(),
            format!("{}\n{}", out.stderr, reasons.join("\n")),
        )
    };
    let (serial, _, serial_stderr) = run("1", &["{file}", "tcp", "{port}"]);
    let (parallel, page, stderr) = run("3", &["{file}", "tcp", "{port}"]);
    let junit = read_junit(&class.path().join("junit-3.xml"));
    assert_eq!(junit["suites"].as_array().unwrap().len(), 5, "{junit}");
    assert!(
        junit["suites"][2]
            .as_str()
            .unwrap()
            .starts_with("carla/TCPserver.py"),
        "{junit}"
    );
    assert_eq!(
        parallel, serial,
        "one at a time:\n{serial_stderr}\nthree at a time:\n{stderr}"
    );
    assert_eq!(parallel.lines().count(), 6, "{parallel}");
    let row = |name: &str| {
        parallel
            .lines()
            .find(|l| l.contains(&format!("/{name}/")))
            .unwrap_or_else(|| panic!("no row for {name}: {parallel}"))
            .to_owned()
    };
    assert!(row("ana").contains(",100,5,5,"), "{parallel}");
    assert!(row("carla").contains(",fail,"), "{parallel}");
    assert!(row("duarte").contains(",0,0,5,"), "{parallel}");
    // The class page: a row per student, a bar per check, each student's evidence.
    for name in [
        "ana/TCPserver.py",
        "carla/TCPserver.py",
        "duarte/TCPserver.py",
    ] {
        assert!(page.contains(&format!(">{name}</a>")), "{name}");
    }
    assert!(page.contains("<h2>Pass rate of each check</h2>"));
    assert!(page.contains("id=\"s2-second-client\""), "carla's evidence");
    assert_eq!(page.matches("<tr>").count(), 6);

    // Without {port} every job would need the same port: one at a time, said so.
    let one = class.path().join("ana").join("TCPserver.py");
    let out = wait_output(
        socklab_command(&[])
            .args(["check", "tcp-add", "server", "--timeout", "2", "--port"])
            .arg(check_port(true).to_string())
            .args(["--each"])
            .arg(&one)
            .args(["--jobs", "4", "--"])
            .arg(python())
            .args(["{file}", "tcp", "5555"])
            .spawn()
            .unwrap(),
        Duration::from_secs(120),
    );
    assert!(
        out.stderr.contains("COMMAND has no {port}") && out.stderr.contains("one at a time"),
        "{}",
        out.stderr
    );
}

/// A connection that uses `port` as its own end (as one an earlier submission left closing
/// would): nothing listens there, yet a server without SO_REUSEADDR cannot bind it. Returns
/// the connection, the other end and that end's listener; dropped in that order, they leave
/// nothing waiting on `port`.
fn hold_port(port: u16) -> (socket2::Socket, std::net::TcpStream, std::net::TcpListener) {
    let other = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let holder = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    holder
        .bind(&std::net::SocketAddr::from(([127, 0, 0, 1], port)).into())
        .unwrap();
    holder.connect(&other.local_addr().unwrap().into()).unwrap();
    let (accepted, _) = other.accept().unwrap();
    (holder, accepted, other)
}

/// Lets the port go without leaving it in TIME_WAIT: the far end closes first.
fn release_port(held: (socket2::Socket, std::net::TcpStream, std::net::TcpListener)) {
    let (holder, accepted, other) = held;
    drop(accepted);
    drop(other);
    holder
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let _ = std::io::Read::read(&mut &holder, &mut [0u8; 1]);
    drop(holder);
}

#[test]
fn a_port_held_through_every_try_fails_listens_saying_why() {
    let server = peer("add_server.py");
    // Held for the whole check: the server cannot start, and the reason says why.
    let port = check_port(true);
    let held = hold_port(port);
    let started = std::time::Instant::now();
    let Checked { report, stderr, .. } =
        check_on(port, "tcp-add", "server", &[], &[&server, "tcp", "{port}"]);
    let took = started.elapsed();
    release_port(held);
    let listens = find(&report, "listens");
    assert_eq!(listens["verdict"], "fail", "{stderr}{report:#}");
    let reason = listens["reason"].as_str().unwrap_or("");
    assert!(
        reason.contains("Address already in use")
            && reason.contains(&format!("port {port} is still held by another socket")),
        "{reason}"
    );
    // It waited for the port before the start and before each of the two more tries.
    assert!(took >= Duration::from_secs(9), "{took:?}");
}

#[test]
fn a_port_let_go_while_the_check_waits_is_used() {
    let server = peer("add_server.py");
    // Let go while the check waits to try again: the server gets its start and listens.
    let port = check_port(true);
    let held = hold_port(port);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(7500));
        release_port(held);
    });
    let Checked { report, stderr, .. } =
        check_on(port, "tcp-add", "server", &[], &[&server, "tcp", "{port}"]);
    release.join().unwrap();
    assert_eq!(verdict(&report, "listens"), "pass", "{stderr}{report:#}");
    assert_eq!(verdict(&report, "answers"), "pass", "{report:#}");
}

/// Gradescope's layout in a temporary folder: source/ (docs/gradescope, with `conf` as its
/// socklab.conf), submission/ (tests/peers/lang's `file` saved as `saved_as`), results/; runs
/// the autograder. Returns its output and results.json.
fn grade_with_the_autograder(conf: &str, file: &str, saved_as: &str) -> (String, Value) {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/gradescope");
    let lang = peers_dir().join("lang");
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("source");
    let submission = root.path().join("submission");
    for dir in [&source, &submission, &root.path().join("results")] {
        std::fs::create_dir_all(dir).unwrap();
    }
    for entry in std::fs::read_dir(&docs).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, source.join(path.file_name().unwrap())).unwrap();
    }
    let text = std::fs::read_to_string(docs.join(conf)).unwrap();
    assert!(text.contains("EXTRA=''"), "{conf}: {text}");
    let text = text.replace("EXTRA=''", &format!("EXTRA='--port {}'", check_port(true)));
    std::fs::write(source.join("socklab.conf"), text).unwrap();
    std::fs::copy(lang.join(file), submission.join(saved_as)).unwrap();
    let out = wait_output(
        Command::new("bash")
            .arg(source.join("run_autograder"))
            .env("AUTOGRADER_ROOT", root.path())
            .env("SOCKLAB", env!("CARGO_BIN_EXE_socklab"))
            .env("PYTHON", python())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
        Duration::from_secs(180),
    );
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let results = root.path().join("results/results.json");
    let text = std::fs::read_to_string(&results)
        .unwrap_or_else(|e| panic!("no results.json ({e}): {}{}", out.stdout, out.stderr));
    let r: Value = serde_json::from_str(&text).unwrap();
    (format!("{}{}", out.stdout, out.stderr), r)
}

/// The Gradescope test for the check `builds` (its name begins with the check's id).
fn builds_test(r: &Value) -> Value {
    r["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"].as_str().unwrap_or("").starts_with("builds"))
        .unwrap_or_else(|| panic!("no test for builds: {r:#}"))
        .clone()
}

#[test]
fn the_gradescope_autograder_builds_a_c_program_before_grading_it() {
    if which("gcc").is_none() {
        say("skipped: no gcc for the C autograder");
        return;
    }
    let (out, r) = grade_with_the_autograder("socklab-c.conf", "echo_server.c", "echo_server.c");
    assert_eq!(r["score"], r["max_score"], "{out}{r:#}");
    assert!(r["max_score"].as_f64().unwrap() >= 2.0, "{r:#}");
    assert_eq!(builds_test(&r)["status"], "passed", "{r:#}");

    // A program that does not compile: no points, and the compiler's words.
    let (out, r) = grade_with_the_autograder("socklab-c.conf", "broken.c", "server.c");
    assert_eq!(r["score"].as_f64(), Some(0.0), "{out}{r:#}");
    let b = builds_test(&r);
    assert_eq!(b["status"], "failed", "{r:#}");
    assert!(b["output"].as_str().unwrap().contains("error"), "{b:#}");
}

#[test]
fn the_gradescope_autograder_grades_a_java_program_without_a_build() {
    if which("java").is_none() {
        say("skipped: no java for the Java autograder");
        return;
    }
    let (out, r) =
        grade_with_the_autograder("socklab-java.conf", "AddServer.java", "AddServer.java");
    assert_eq!(r["score"], r["max_score"], "{out}{r:#}");
    assert!(r["max_score"].as_f64().unwrap() >= 2.0, "{r:#}");
    assert!(
        r["tests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| !t["name"].as_str().unwrap_or("").starts_with("builds")),
        "no build, no builds test: {r:#}"
    );
}

#[test]
fn a_failing_add_check_says_why_in_portuguese_with_a_code_of_its_own() {
    let server = peer("add_server.py");
    // A server that exits after its first client: `second-client` fails.
    let (_, report) = check_with(
        "tcp-add",
        "server",
        &["--lang", "pt-PT"],
        &[&server, "tcp", "{port}", "once"],
    );
    let c = find(&report, "second-client");
    assert_eq!(c["verdict"], "fail", "{c:#}");
    assert_eq!(
        c["reason_code"], "case-add-exited-after-first-client",
        "{c:#}"
    );
    let reason = c["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("o servidor terminou depois do primeiro cliente"),
        "{reason}"
    );
    // A check that passes says so in Portuguese too, with its code.
    let a = find(&report, "answers");
    assert_eq!(a["reason_code"], "case-add-answered-in", "{a:#}");
    assert!(
        a["reason"].as_str().unwrap().contains("em resposta a"),
        "{a:#}"
    );
}

#[test]
fn a_failing_file_check_says_why_in_spanish_with_a_code_of_its_own() {
    let server = peer("file_server.py");
    // A server that exits after each transfer: `several` fails.
    let (_, report) = check_with(
        "tcp-file",
        "server",
        &["--lang", "es"],
        &[&server, "tcp", "{port}", "once"],
    );
    let c = find(&report, "several");
    assert_eq!(c["verdict"], "fail", "{c:#}");
    assert_eq!(c["reason_code"], "case-file-exits-after-each", "{c:#}");
    let reason = c["reason"].as_str().unwrap();
    assert!(
        reason.contains("descargas: termina después de cada transferencia"),
        "{reason}"
    );
    // Each download from a server started again: byte-identical, said in Spanish.
    let s = find(&report, "sizes");
    if s["verdict"] == "pass" {
        assert_eq!(s["reason_code"], "case-file-sizes-identical", "{s:#}");
        assert!(
            s["reason"]
                .as_str()
                .unwrap()
                .starts_with("9 tamaños, cada uno idéntico byte a byte"),
            "{s:#}"
        );
    }
}

#[test]
fn a_failed_build_says_why_in_brazilian_portuguese_with_its_code() {
    let server = peer("add_server.py");
    let (_, report) = check_with(
        "tcp-add",
        "server",
        &["--lang", "pt-BR", "--build", "exit 3"],
        &[&server, "tcp", "{port}"],
    );
    let b = find(&report, "builds");
    assert_eq!(b["verdict"], "fail", "{b:#}");
    assert_eq!(b["reason_code"], "case-build-failed", "{b:#}");
    assert_eq!(b["reason"], "\"exit 3\" falhou com código 3", "{b:#}");
    assert!(
        report["confinement"]["user"]
            .as_str()
            .is_some_and(|u| u.contains("uid")),
        "{report:#}"
    );
}

/// A check of a Python echo server that echoes only once the client has closed its side (so
/// `echoes` fails), writing PrairieLearn's and GitHub Classroom's files into `dir`.
fn graded_for_the_platforms(dir: &Path) -> (Value, Value) {
    let prairielearn = dir.join("results.json");
    let classroom = dir.join("classroom.json");
    let port = check_port(true).to_string();
    let out = wait_output(
        socklab_command(&[])
            .args([
                "check",
                "tcp-echo",
                "server",
                "--port",
                &port,
                "--prairielearn",
            ])
            .arg(&prairielearn)
            .arg("--github-classroom")
            .arg(&classroom)
            .args([
                "--",
                &python(),
                &peer("echo_server.py"),
                "tcp",
                "{port}",
                "eof",
            ])
            .spawn()
            .unwrap(),
        Duration::from_secs(120),
    );
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    let read =
        |p: &Path| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    (read(&prairielearn), read(&classroom))
}

#[test]
fn prairielearn_and_github_classroom_get_the_results_their_graders_read() {
    let dir = tempfile::tempdir().unwrap();
    let (pl, gh) = graded_for_the_platforms(dir.path());

    // PrairieLearn's external grader results: gradable, a score from 0 to 1, tests with
    // points and max_points, every test's points within its maximum.
    assert_eq!(pl["gradable"], true, "{pl:#}");
    let score = pl["score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 1.0, "{pl:#}");
    let tests = pl["tests"].as_array().unwrap();
    let (mut got, mut max) = (0.0, 0.0);
    for t in tests {
        for key in ["name", "description", "message", "output"] {
            assert!(t[key].is_string(), "{key} in {t:#}");
        }
        let (p, m) = (
            t["points"].as_f64().unwrap(),
            t["max_points"].as_f64().unwrap(),
        );
        assert!((0.0..=m).contains(&p), "{t:#}");
        got += p;
        max += m;
    }
    assert!((score - got / max).abs() < 1e-9, "{pl:#}");
    let echoes = tests.iter().find(|t| t["name"] == "echoes").unwrap();
    assert_eq!(echoes["points"], 0.0, "{echoes:#}");
    assert!(
        pl["message"]
            .as_str()
            .unwrap()
            .contains("required checks passed")
    );

    // GitHub Classroom's reporter: a step output holds the file base64-encoded; the reporter
    // decodes it and gives Classroom the sum of the tests' scores out of max_score.
    assert_eq!(gh["version"], 1, "{gh:#}");
    assert_eq!(gh["status"], "fail", "{gh:#}");
    let max_score = gh["max_score"].as_f64().unwrap();
    let tests = gh["tests"].as_array().unwrap();
    for t in tests {
        assert!(
            ["pass", "fail"].contains(&t["status"].as_str().unwrap()),
            "{t:#}"
        );
        assert!(t["score"].is_number() && t["name"].is_string(), "{t:#}");
        assert_eq!(t["line_no"], 0, "{t:#}");
    }
    let sum: f64 = tests.iter().map(|t| t["score"].as_f64().unwrap()).sum();
    assert!((sum / max_score - score).abs() < 1e-9, "{gh:#}");
    let Some(node) = which("node") else {
        say("skipped: decoding the GitHub Classroom result as its reporter does (no node)");
        return;
    };
    // As the reporter (Node) reads it: base64 from the environment, then its points notice.
    // The workflow's step writes `result=$(base64 -w0 classroom.json)`.
    let encoded = Command::new("base64")
        .arg("-w0")
        .arg(dir.path().join("classroom.json"))
        .output()
        .unwrap();
    assert!(encoded.status.success());
    let encoded = String::from_utf8(encoded.stdout).unwrap();
    let script = "const r = JSON.parse(Buffer.from(process.env.SOCKLAB_RESULTS, 'base64')\
        .toString('utf-8')); let total = 0; let max = 0;\
        if (r.max_score) { max += r.max_score; r.tests.forEach(({score}) => { total += score; }); }\
        console.log(`Points ${total}/${max}`);";
    let out = Command::new(node)
        .args(["-e", script])
        .env("SOCKLAB_RESULTS", encoded)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said.trim(), format!("Points {sum}/{max_score}"), "{said}");
}

#[test]
fn the_prairielearn_grader_writes_results_for_a_submission() {
    // PrairieLearn's layout in a temporary folder: student/ (the submission), results/ made
    // by the grader.
    let grade = tempfile::tempdir().unwrap();
    let student = grade.path().join("student");
    std::fs::create_dir_all(&student).unwrap();
    std::fs::copy(peer("echo_server.py"), student.join("TCPserver.py")).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/prairielearn/serverFilesCourse/socklab/run.sh");
    let run = || {
        wait_output(
            Command::new("bash")
                .arg(&script)
                .env("GRADE", grade.path())
                .env("SOCKLAB", env!("CARGO_BIN_EXE_socklab"))
                .env("PYTHON", python())
                .env("EXTRA", format!("--port {}", check_port(true)))
                .env("REPORT_LANG", "es")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
            Duration::from_secs(120),
        )
    };
    let out = run();
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let results = grade.path().join("results/results.json");
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(
        (r["gradable"].clone(), r["score"].clone()),
        (true.into(), 1.0.into()),
        "{r:#}"
    );
    let listens = r["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "listens")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        listens["description"], "escucha a más tardar 5 s después de arrancar",
        "{r:#}"
    );

    // No program in the submission: not gradable, saying why (no attempt used).
    std::fs::remove_file(student.join("TCPserver.py")).unwrap();
    let out = run();
    assert_eq!(out.code, Some(0));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(r["gradable"], false, "{r:#}");
    assert!(
        r["format_errors"][0]
            .as_str()
            .unwrap()
            .contains("TCPserver.py"),
        "{r:#}"
    );
}

#[test]
fn a_class_goes_into_canvas_and_moodle_by_the_student_id_in_each_path() {
    let class = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(peer("add_server.py")).unwrap();
    let once = source.replace(
        "mistake = sys.argv[3] if len(sys.argv) > 3 else \"\"",
        "mistake = \"once\"",
    );
    assert_ne!(once, source);
    for (student, body) in [
        ("ana.silva", source.as_str()),
        ("carla", once.as_str()),
        ("duarte", "this is not python\n"),
    ] {
        let folder = class.path().join("submissions").join(student).join("lab2");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("TCPserver.py"), body).unwrap();
    }
    // One more outside the submissions folder: no student id in its path.
    std::fs::create_dir_all(class.path().join("late/eva/lab2")).unwrap();
    std::fs::write(class.path().join("late/eva/lab2/TCPserver.py"), &source).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let (canvas, moodle, csv) = (
        out_dir.path().join("canvas.csv"),
        out_dir.path().join("moodle.csv"),
        out_dir.path().join("grades.csv"),
    );
    let port = check_port(true).to_string();
    let out = wait_output(
        socklab_command(&[])
            .args([
                "check",
                "tcp-add",
                "server",
                "--port",
                &port,
                "--timeout",
                "4",
            ])
            .arg("--each")
            .arg(format!("{}/*/*/lab2/TCPserver.py", class.path().display()))
            .args([
                "--jobs",
                "2",
                "--student-from",
                r"submissions/(?P<id>[^/]+)/",
            ])
            .arg("--gradebook")
            .arg("canvas")
            .arg(&canvas)
            .arg("--gradebook")
            .arg("moodle")
            .arg(&moodle)
            .args(["--assignment", "Lab 2 (TCP add server)", "--csv"])
            .arg(&csv)
            .args(["--", &python(), "{file}", "tcp", "{port}"])
            .spawn()
            .unwrap(),
        Duration::from_secs(240),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains("no student id in ") && out.stderr.contains("late"),
        "{}",
        out.stderr
    );
    let lines = |p: &Path| -> Vec<String> {
        let mut l: Vec<String> = std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        // The header (and Canvas's Points Possible row) first, then the students in order.
        let head = if p == canvas.as_path() { 2 } else { 1 };
        l[head..].sort();
        l
    };
    // Canvas: its student columns, the assignment's column by name, points possible, each
    // student matched by SIS Login ID; one who could not be checked gets no mark.
    assert_eq!(
        lines(&canvas),
        [
            "Student,ID,SIS User ID,SIS Login ID,Section,Lab 2 (TCP add server)",
            "Points Possible,,,,,5",
            "ana.silva,,,ana.silva,,5",
            "carla,,,carla,,4",
            "duarte,,,duarte,,0",
        ],
        "{}",
        out.stderr
    );
    // Moodle: a username to map, the grade, the summary as feedback.
    let moodle = lines(&moodle);
    assert_eq!(moodle[0], "Username,Lab 2 (TCP add server),Feedback");
    assert!(
        moodle[1].starts_with("ana.silva,5,score 100%: 5 of 5 required"),
        "{moodle:#?}"
    );
    assert!(moodle[2].starts_with("carla,4,"), "{moodle:#?}");
    // The class sheet names each file's student.
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with("file,student,passed,"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.contains("/carla/lab2/") && l.contains(",carla,")),
        "{csv}"
    );
}
