//! `socklab check` against student-style programs (tests/peers/check/): a correct program
//! passes every required check, and each typical mistake fails the check that names it.
//! Each case runs the real binary, on a free loopback port, and reads its `--json` report.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::check::*;
use common::*;

#[test]
fn a_correct_add_server_passes_every_required_check() {
    for transport in ["tcp", "udp"] {
        let server = peer("add_server.py");
        let exercise = format!("{transport}-add");
        let (code, report) = check(&exercise, "server", &[&server, transport, "{port}"]);
        required_all_pass(&report);
        assert_eq!(code, Some(0), "{report:#}");
        assert_eq!(report["format"], "text \"name,number\"");
    }
}

#[test]
fn each_typical_add_server_mistake_fails_the_check_that_names_it() {
    for transport in ["tcp", "udp"] {
        let server = peer("add_server.py");
        let exercise = format!("{transport}-add");
        let (code, report) = check(&exercise, "server", &[&server, transport, "{port}", "once"]);
        assert_eq!(verdict(&report, "second-client"), "fail");
        assert_eq!(code, Some(1));

        let (_, report) = check(
            &exercise,
            "server",
            &[&server, transport, "{port}", "no-range"],
        );
        assert_eq!(verdict(&report, "out-of-range-stops"), "fail");
        assert_eq!(verdict(&report, "answers"), "pass");

        let (_, report) = check(
            &exercise,
            "server",
            &[&server, transport, "{port}", "no-show"],
        );
        assert_eq!(verdict(&report, "shows"), "fail");
    }
}

#[test]
fn a_correct_add_client_passes_every_required_check() {
    for transport in ["tcp", "udp"] {
        let client = peer("add_client.py");
        let exercise = format!("{transport}-add");
        let (code, report) = check(
            &exercise,
            "client",
            &[&client, transport, "{host}", "{port}"],
        );
        required_all_pass(&report);
        assert_eq!(code, Some(0), "{report:#}");
        assert_eq!(verdict(&report, "no-server"), "pass");
    }
}

#[test]
fn each_typical_add_client_mistake_fails_the_check_that_names_it() {
    for transport in ["tcp", "udp"] {
        let client = peer("add_client.py");
        let exercise = format!("{transport}-add");
        let (code, report) = check(
            &exercise,
            "client",
            &[&client, transport, "{host}", "{port}", "wrong-sum"],
        );
        assert_eq!(verdict(&report, "shows"), "fail");
        assert_eq!(code, Some(1));

        let (_, report) = check(
            &exercise,
            "client",
            &[&client, transport, "{host}", "{port}", "hang"],
        );
        assert_eq!(verdict(&report, "exits"), "fail");
    }
}

#[test]
fn correct_echo_programs_pass_in_both_roles() {
    for transport in ["tcp", "udp"] {
        let exercise = format!("{transport}-echo");
        let (code, report) = check(
            &exercise,
            "server",
            &[&peer("echo_server.py"), transport, "{port}"],
        );
        required_all_pass(&report);
        assert_eq!(code, Some(0));
        if transport == "tcp" {
            // The session's three messages are shown apart in the evidence, not glued.
            let session = find(&report, "session");
            assert_eq!(
                session["evidence"]["sent_messages"],
                serde_json::json!(["one", "two two", "three three three"]),
                "{session:#}"
            );
        }
        let (code, report) = check(
            &exercise,
            "client",
            &[&peer("echo_client.py"), transport, "{host}", "{port}"],
        );
        required_all_pass(&report);
        assert_eq!(code, Some(0));
    }
}

#[test]
fn correct_uppercase_programs_pass_in_both_roles() {
    for transport in ["tcp", "udp"] {
        let exercise = format!("{transport}-upper");
        let upper = peer("upper.py");
        let (code, report) = check(
            &exercise,
            "server",
            &[&upper, "server", transport, "{port}"],
        );
        assert_eq!(verdict(&report, "upper"), "pass", "{report:#}");
        assert_eq!(code, Some(0));
        let (code, report) = check(
            &exercise,
            "client",
            &[&upper, "client", transport, "{host}", "{port}"],
        );
        assert_eq!(verdict(&report, "upper"), "pass", "{report:#}");
        assert_eq!(code, Some(0));
    }
}

/// An echo that waits for a newline or for the close is told apart, as a student reads it.
#[test]
fn echo_programs_are_judged_on_when_they_answer_a_line() {
    // A server that reads lines answers once socklab ends its line, as a line client does;
    // the report says which form it used.
    let (_, report) = check(
        "tcp-echo",
        "server",
        &[&peer("echo_server.py"), "tcp", "{port}", "newline"],
    );
    required_all_pass(&report);
    let echoes = find(&report, "echoes");
    assert!(
        echoes["reason"]
            .as_str()
            .unwrap_or("")
            .contains("once socklab ended its line with"),
        "{echoes:#}"
    );
    assert_eq!(echoes["evidence"]["sent"], "hello from socklab\\n");
    // One that answers only when the client closes is never seen to echo, and says so.
    let (_, report) = check(
        "tcp-echo",
        "server",
        &[&peer("echo_server.py"), "tcp", "{port}", "eof"],
    );
    assert_eq!(verdict(&report, "echoes"), "fail");
    assert!(
        find(&report, "echoes")["reason"]
            .as_str()
            .unwrap_or("")
            .contains("nor within 2 s of a newline"),
        "{report:#}"
    );
    // A client that waits for a newline the echo never has shows nothing and never ends.
    let (code, report) = check(
        "tcp-echo",
        "client",
        &[
            &peer("echo_client.py"),
            "tcp",
            "{host}",
            "{port}",
            "newline",
        ],
    );
    assert_eq!(verdict(&report, "sends-and-shows"), "fail", "{report:#}");
    assert_eq!(code, Some(1));
}

#[test]
fn no_process_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("helper.pid");
    // Unconfined, so that the helper may write its pid outside its folder: the process group
    // and the watchdog are what is tested here (tests/confine.rs kills a confined daemon).
    let (_, report) = check_with(
        "tcp-echo",
        "server",
        &["--no-confine"],
        &[
            &peer("forking_server.py"),
            "{port}",
            pidfile.to_str().unwrap(),
        ],
    );
    assert_eq!(verdict(&report, "echoes"), "pass", "{report:#}");
    // Every start of the server wrote its helper's pid; none of them may still run.
    let pid = std::fs::read_to_string(&pidfile).unwrap();
    let alive = PathBuf::from(format!("/proc/{}", pid.trim()));
    if cfg!(target_os = "linux") {
        // A killed child may linger as a zombie of a process that is gone: not running.
        let state = std::fs::read_to_string(alive.join("stat")).unwrap_or_default();
        assert!(
            state.is_empty() || state.split_whitespace().nth(2) == Some("Z"),
            "helper {pid} still runs: {state}"
        );
    }
}

#[test]
fn each_grades_a_class_into_one_csv_row_per_submission() {
    // Three submissions: two correct servers and one that exits after its first client.
    let class = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(peer("add_server.py")).unwrap();
    for (student, body) in [
        ("ana", source.clone()),
        ("bea", source.clone()),
        (
            "carl",
            source.replace(
                "mistake = sys.argv[3] if len(sys.argv) > 3 else \"\"",
                "mistake = \"once\"",
            ),
        ),
    ] {
        let folder = class.path().join(student);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("TCPserver.py"), body).unwrap();
    }
    let csv = class.path().join("grades.csv");
    let port = check_port(true).to_string();
    let pattern = format!("{}/*/TCPserver.py", class.path().display());
    let out = wait_output(
        socklab_command(&[
            "check",
            "tcp-add",
            "server",
            "--port",
            &port,
            "--timeout",
            "4",
            "--each",
            &pattern,
            "--csv",
            csv.to_str().unwrap(),
            "--",
            &python(),
            "{file}",
            "tcp",
            "{port}",
        ])
        .spawn()
        .unwrap(),
        std::time::Duration::from_secs(180),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains("[3/3]"),
        "progress on stderr: {}",
        out.stderr
    );
    let table = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(
        lines[0].starts_with(
            "file,passed,failed,score,required_passed,required_total,advisory_passed,advisory_total,listens,answers,shows,second-client"
        ),
        "{table}"
    );
    let carl = lines.iter().find(|l| l.contains("carl")).unwrap();
    let ana = lines.iter().find(|l| l.contains("ana")).unwrap();
    let column = |line: &str, id: &str| {
        let header: Vec<&str> = lines[0].split(',').collect();
        let i = header.iter().position(|h| *h == id).unwrap();
        line.split(',').nth(i).unwrap().to_owned()
    };
    assert_eq!(column(carl, "second-client"), "fail", "{table}");
    assert_eq!(column(ana, "second-client"), "pass", "{table}");
}

#[test]
fn a_class_of_ten_is_graded_in_one_sheet() {
    // Ten echo servers: seven correct, two that answer only at the client's close, one that
    // does not start.
    // One folder's name has a comma and a space, as a "Surname, Name" folder does.
    let class = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(peer("echo_server.py")).unwrap();
    let newline = source.replace(
        "mistake = sys.argv[3] if len(sys.argv) > 3 else \"\"",
        "mistake = \"eof\"",
    );
    assert_ne!(newline, source);
    let mut students: Vec<(String, String)> = (1..=7)
        .map(|i| (format!("s{i:02}"), source.clone()))
        .collect();
    students.push(("s08".into(), newline.clone()));
    students.push(("Silva, Ana".into(), newline));
    students.push(("s10".into(), "import socket\nthis is not python\n".into()));
    for (student, body) in &students {
        let folder = class.path().join(student);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("TCPserver.py"), body).unwrap();
    }
    let csv = class.path().join("grades.csv");
    let port = check_port(true).to_string();
    let pattern = format!("{}/*/TCPserver.py", class.path().display());
    let out = wait_output(
        socklab_command(&[
            "check",
            "tcp-echo",
            "server",
            "--port",
            &port,
            "--timeout",
            "4",
            "--each",
            &pattern,
            "--csv",
            csv.to_str().unwrap(),
            "--",
            &python(),
            "{file}",
            "tcp",
            "{port}",
        ])
        .spawn()
        .unwrap(),
        std::time::Duration::from_secs(240),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("[10/10]"), "{}", out.stderr);
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(!csv.with_extension("csv.part").exists());
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 11, "{table}");
    let header: Vec<&str> = lines[0].split(',').collect();
    let column = |student: &str, id: &str| {
        let line = lines
            .iter()
            .find(|l| l.contains(&format!("/{student}/")))
            .unwrap_or_else(|| panic!("no row for {student}: {table}"));
        // The quoted file name holds a comma: the verdicts are counted from the end.
        let fields: Vec<&str> = line.rsplitn(header.len() - 1, ',').collect();
        let i = header.iter().position(|h| *h == id).unwrap();
        fields[header.len() - 1 - i].to_owned()
    };
    assert!(
        table.contains("\"") && table.contains("Silva, Ana"),
        "the comma is quoted: {table}"
    );
    for i in 1..=7 {
        assert_eq!(column(&format!("s{i:02}"), "echoes"), "pass", "{table}");
    }
    assert_eq!(column("s08", "echoes"), "fail", "{table}");
    assert_eq!(column("Silva, Ana", "echoes"), "fail", "{table}");
    assert_eq!(column("s10", "listens"), "fail", "{table}");
    assert_eq!(column("s10", "score"), "0", "{table}");
}

#[test]
#[cfg(unix)]
fn an_interrupted_class_keeps_the_rows_it_graded() {
    // s1 is quick; s2 answers only at the client's close and is slow: the signal comes while s2 is checked.
    let class = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(peer("echo_server.py")).unwrap();
    let slow = source.replace(
        "mistake = sys.argv[3] if len(sys.argv) > 3 else \"\"",
        "mistake = \"eof\"",
    );
    for (student, body) in [("s1", &source), ("s2", &slow), ("s3", &source)] {
        let folder = class.path().join(student);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("TCPserver.py"), body).unwrap();
    }
    let csv = class.path().join("grades.csv");
    let port = check_port(true).to_string();
    let pattern = format!("{}/*/TCPserver.py", class.path().display());
    let child = socklab_command(&[
        "check",
        "tcp-echo",
        "server",
        "--port",
        &port,
        "--timeout",
        "4",
        "--each",
        &pattern,
        "--csv",
        csv.to_str().unwrap(),
        "--",
        &python(),
        "{file}",
        "tcp",
        "{port}",
    ])
    .spawn()
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !csv.exists() {
        assert!(std::time::Instant::now() < deadline, "no sheet after s1");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = wait_output(child, WAIT);
    assert_eq!(out.code, Some(130), "{}", out.stderr);
    assert!(
        out.stderr.contains("stopped: 1 of 3 files checked"),
        "{}",
        out.stderr
    );
    let table = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2, "{table}");
    assert!(
        lines[1].contains("/s1/") && lines[1].contains(",pass,"),
        "{table}"
    );
}

#[test]
fn correct_file_transfer_programs_pass_in_both_roles() {
    for transport in ["tcp", "udp"] {
        let exercise = format!("{transport}-file");
        let server = peer("file_server.py");
        let (code, report) = check(&exercise, "server", &[&server, transport, "{port}"]);
        required_all_pass(&report);
        assert_eq!(code, Some(0), "{report:#}");
        // The handout's server opens whatever name it is sent, and serves one client at a time.
        assert_eq!(verdict(&report, "traversal"), "fail", "{report:#}");
        assert_eq!(verdict(&report, "empty-file"), "pass", "{report:#}");
        let concurrent = if transport == "tcp" { "fail" } else { "skip" };
        assert_eq!(verdict(&report, "concurrent"), concurrent, "{report:#}");
        let (code, report) = check(
            &exercise,
            "server",
            &[&server, transport, "{port}", "careful"],
        );
        assert_eq!(code, Some(0), "{report:#}");
        assert_eq!(verdict(&report, "traversal"), "pass", "{report:#}");
        if transport == "tcp" {
            assert_eq!(verdict(&report, "concurrent"), "pass", "{report:#}");
        }

        let client = peer("file_client.py");
        let (code, report) = check(
            &exercise,
            "client",
            &[&client, transport, "{host}:{port}:{remote}", "{local}"],
        );
        required_all_pass(&report);
        assert_eq!(code, Some(0), "{report:#}");
        let pieces = if transport == "tcp" { "pass" } else { "skip" };
        assert_eq!(verdict(&report, "pieces"), pieces, "{report:#}");
    }
}

#[test]
fn each_typical_file_transfer_mistake_fails_the_check_that_names_it() {
    for transport in ["tcp", "udp"] {
        let exercise = format!("{transport}-file");
        let server = peer("file_server.py");
        let (_, report) = check(&exercise, "server", &[&server, transport, "{port}", "once"]);
        assert_eq!(verdict(&report, "several"), "fail", "{report:#}");
    }
    let (_, report) = check(
        "tcp-file",
        "client",
        &[
            &peer("file_client.py"),
            "tcp",
            "{host}:{port}:{remote}",
            "{local}",
            "short-read",
        ],
    );
    assert_eq!(verdict(&report, "pieces"), "fail", "{report:#}");
    let (_, report) = check(
        "udp-file",
        "server",
        &[&peer("file_server.py"), "udp", "{port}", "no-empty"],
    );
    assert_eq!(verdict(&report, "exact-multiple"), "fail");
    assert_eq!(verdict(&report, "chunks"), "pass");
    assert_eq!(verdict(&report, "empty-file"), "fail", "{report:#}");
}

#[test]
fn guess_the_number_both_roles() {
    let guess = peer("guess.py");
    let (code, report) = check("udp-guess", "server", &[&guess, "server", "{port}"]);
    required_all_pass(&report);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(verdict(&report, "not-a-number"), "pass");
    // A server that says HIGHER to everything cannot be beaten by halving: its hints contradict.
    let (code, report) = check("udp-guess", "server", &[&guess, "server", "{port}", "liar"]);
    assert_eq!(verdict(&report, "wins"), "fail", "{report:#}");
    assert_eq!(code, Some(1));
    // The client's guesses are typed from its own printed hints.
    let (code, report) = check(
        "udp-guess",
        "client",
        &[&guess, "client", "{host}", "{port}"],
    );
    required_all_pass(&report);
    assert_eq!(code, Some(0), "{report:#}");
}

#[test]
#[cfg(unix)]
fn stopping_socklab_kills_the_program_under_test() {
    // SIGTERM (as Ctrl-C or a logout would): socklab kills the group and exits with 130.
    // SIGKILL: socklab does nothing, and its watchdog kills the group.
    for signal in ["TERM", "KILL"] {
        let dir = tempfile::tempdir().unwrap();
        let pidfile = dir.path().join("helper.pid");
        let port = check_port(true).to_string();
        let child = socklab_command(&[
            "check",
            "tcp-echo",
            "server",
            "--port",
            &port,
            // Unconfined: the helper writes its pid outside its folder.
            "--no-confine",
            "--",
            &python(),
            &peer("forking_server.py"),
            "{port}",
            pidfile.to_str().unwrap(),
        ])
        .spawn()
        .unwrap();
        let deadline = std::time::Instant::now() + WAIT;
        while !pidfile.exists() {
            assert!(
                std::time::Instant::now() < deadline,
                "the server never started"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let out = wait_output(child, WAIT);
        let expected = if signal == "TERM" { Some(130) } else { None };
        assert_eq!(out.code, expected, "{signal}: {}", out.stderr);
        let pid = std::fs::read_to_string(&pidfile).unwrap();
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let stat =
                std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).unwrap_or_default();
            if stat.is_empty() || stat.split_whitespace().nth(2) == Some("Z") {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{signal}: helper {pid} outlived socklab: {stat}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// An echo server that exits after its first client fails `second-client` (it would pass every
/// later case on a fresh start).
#[test]
fn a_server_that_ends_after_its_first_client_fails_second_client() {
    let dir = tempfile::tempdir().unwrap();
    let once = dir.path().join("once.py");
    std::fs::write(
        &once,
        "import socket, sys\n\
         s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1)\n\
         c, _ = s.accept(); c.sendall(c.recv(1024)); c.close()\n",
    )
    .unwrap();
    let (_, report) = check("tcp-echo", "server", &[once.to_str().unwrap(), "{port}"]);
    assert_eq!(verdict(&report, "echoes"), "pass", "{report:#}");
    let second = find(&report, "second-client");
    assert_eq!(second["verdict"], "fail", "{second:#}");
    assert!(
        second["reason"]
            .as_str()
            .unwrap_or("")
            .contains("the server exited after its first client"),
        "{second:#}"
    );
}

/// An echo server that crashes on its second client has the crash in the reason, not only the
/// empty answer.
#[test]
fn a_crash_on_the_second_client_is_in_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let crash = dir.path().join("crash.py");
    std::fs::write(
        &crash,
        "import socket, sys\n\
         s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1)\n\
         c, _ = s.accept(); c.sendall(c.recv(1024)); c.close()\n\
         c, _ = s.accept(); raise RuntimeError('no second client here')\n",
    )
    .unwrap();
    let (_, report) = check("tcp-echo", "server", &[crash.to_str().unwrap(), "{port}"]);
    let second = find(&report, "second-client");
    assert_eq!(second["verdict"], "fail", "{second:#}");
    let reason = second["reason"].as_str().unwrap_or("");
    assert!(
        reason.contains("the program had exited (code 1): RuntimeError: no second client here"),
        "{reason}"
    );
}

/// A course taught in Spanish: the program asks "Ingrese su nombre:" and "Ingrese un número",
/// and its server replies "Nombre del servidor: …; Número: …; Suma: …".
#[test]
fn spanish_add_programs_pass_in_both_roles() {
    let es = peer("add_es.py");
    for transport in ["tcp", "udp"] {
        let exercise = format!("{transport}-add");
        let (code, report) = check(&exercise, "server", &[&es, "server", transport, "{port}"]);
        required_all_pass(&report);
        assert_eq!(code, Some(0), "{report:#}");
        // The reply was read by its Spanish labels: the server's name without "Nombre del".
        let answers = find(&report, "answers")["reason"].as_str().unwrap_or("");
        assert!(answers.starts_with("\"Servidor de Ana\" and "), "{answers}");
        let (code, report) = check(
            &exercise,
            "client",
            &[&es, "client", transport, "{host}", "{port}"],
        );
        required_all_pass(&report);
        assert_eq!(code, Some(0), "{report:#}");
    }
}

/// `--lang pt-PT` writes every report in Portuguese: the page (Markdown and HTML), Gradescope's
/// results.json (its keys and scores as ever) and the JSON report (its ids, verdict codes and
/// reasons' codes as ever, its texts in Portuguese).
#[test]
fn a_check_run_in_portuguese_writes_its_reports_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("relatorio.md");
    let html = dir.path().join("relatorio.html");
    let results = dir.path().join("results.json");
    let upper = peer("upper.py");
    let command = [upper.as_str(), "server", "tcp", "{port}"];
    let (md_arg, results_arg) = (md.display().to_string(), results.display().to_string());
    let (code, report) = check_with(
        "tcp-upper",
        "server",
        &[
            "--lang",
            "pt-PT",
            "--report",
            &md_arg,
            "--gradescope",
            &results_arg,
        ],
        &command,
    );
    assert_eq!(code, Some(0), "{report:#}");
    let listens = find(&report, "listens");
    assert_eq!(listens["verdict"], "pass", "{listens:#}");
    assert_eq!(listens["reason_code"], "check-listens", "{listens:#}");
    assert_eq!(
        listens["title"], "fica à escuta até 5 s depois de arrancar",
        "{listens:#}"
    );
    let reason = listens["reason"].as_str().unwrap_or_default();
    assert!(reason.starts_with("está à escuta na porta "), "{reason}");
    let upper_check = find(&report, "upper");
    assert_ne!(upper_check["reason_code"], "other", "{upper_check:#}");

    let page = std::fs::read_to_string(&md).unwrap();
    for said in [
        "# socklab check: tcp-upper server",
        "Programa: `",
        "Resultado: nota 100 %: 3 de 3 verificações obrigatórias passaram",
        "| verificação | obrigatória | veredicto | motivo |",
        "| `listens` fica à escuta até 5 s depois de arrancar | sim | **passou** |",
    ] {
        assert!(page.contains(said), "{said:?} not in:\n{page}");
    }
    for english in [
        "Program:",
        "Result:",
        "| check |",
        "**pass**",
        "required checks",
    ] {
        assert!(!page.contains(english), "{english:?} in:\n{page}");
    }

    let grades: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&results).unwrap()).unwrap();
    assert_eq!(grades["score"], 3.0, "{grades:#}");
    assert_eq!(grades["max_score"], 3.0, "{grades:#}");
    let output = grades["output"].as_str().unwrap_or_default();
    assert!(
        output.starts_with("socklab check tcp-upper server: nota 100 %: 3 de 3"),
        "{output}"
    );
    let tests = grades["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 3, "{grades:#}");
    for t in tests {
        for key in [
            "name",
            "score",
            "max_score",
            "status",
            "output",
            "visibility",
        ] {
            assert!(t.get(key).is_some(), "{key} missing in {t:#}");
        }
        assert_eq!(t["status"], "passed", "{t:#}");
        assert_eq!(t["score"], 1.0, "{t:#}");
        assert!(
            t["output"]
                .as_str()
                .unwrap_or_default()
                .starts_with("passou: "),
            "{t:#}"
        );
    }
    assert_eq!(
        tests[0]["name"],
        "listens fica à escuta até 5 s depois de arrancar: passou"
    );

    let html_arg = html.display().to_string();
    let (code, _) = check_with(
        "tcp-upper",
        "server",
        &["--lang", "pt-PT", "--report", &html_arg],
        &command,
    );
    assert_eq!(code, Some(0));
    let page = std::fs::read_to_string(&html).unwrap();
    for said in [
        "<h1>socklab check: tcp-upper server</h1>",
        "<th>verificação</th><th>obrigatória</th>",
        "fica à escuta até 5 s depois de arrancar</td><td>sim</td><td><b>passou</b>",
        "<summary>evidências</summary>",
        "3 de 3 verificações obrigatórias passaram",
    ] {
        assert!(page.contains(said), "{said:?} not in:\n{page}");
    }
    for english in ["Program:", "<th>check</th>", "<b>pass</b>", ">evidence<"] {
        assert!(!page.contains(english), "{english:?} in:\n{page}");
    }
}

/// `--lang es` prints the terminal's lines and counts in Spanish.
#[test]
fn a_check_run_in_spanish_prints_its_lines_in_spanish() {
    let port = check_port(true).to_string();
    let py = python();
    let upper = peer("upper.py");
    let command = socklab_command(&[
        "--lang",
        "es",
        "check",
        "tcp-upper",
        "server",
        "--port",
        &port,
        "--timeout",
        "4",
        "--",
        &py,
        &upper,
        "server",
        "tcp",
        "{port}",
    ]);
    let checked = run_check(command, std::time::Duration::from_secs(120));
    assert_eq!(
        checked.code,
        Some(0),
        "{}\n{}",
        checked.stdout,
        checked.stderr
    );
    let out = checked.stdout;
    let line = format!(
        "BIEN {:<20} escucha a más tardar 5 s después de arrancar: escucha en el puerto ",
        "listens"
    );
    for said in [
        line.as_str(),
        "3 superadas, 0 fallidas (nota 100 %: 3 de 3 comprobaciones obligatorias superadas; orientativas 0 de 0)",
    ] {
        assert!(out.contains(said), "{said:?} not in:\n{out}");
    }
    for english in ["PASS", "passed", "required checks"] {
        assert!(!out.contains(english), "{english:?} in:\n{out}");
    }
}
