//! Students' programs in the languages courses teach: `socklab check` grades correct programs
//! written the way students write them in Java, C, C++, Node.js and Go (tests/peers/lang/) at
//! 100% of the required checks, confined and not, with the same verdicts both ways; compiled
//! ones through `--build`, run as `./program` from the submission's folder. Hostile programs in
//! C and Java are contained; a build that fails or never ends is a failed `builds`. And three
//! findings with Python programs: an instructor's harness with `--each` and submissions in
//! subfolders, a client that prints its exchange late, and starts that never fail.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::check::*;
use common::*;
use serde_json::Value;

fn lang(name: &str) -> PathBuf {
    peers_dir().join("lang").join(name)
}

/// A submission folder of its own holding copies of `files` from tests/peers/lang.
fn submission(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let to = dir.path().join(f);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::copy(lang(f), to).unwrap();
    }
    dir
}

/// One student's program: its files, the build, the command, what it is checked as.
struct Case {
    exercise: &'static str,
    role: &'static str,
    files: &'static [&'static str],
    build: Option<&'static str>,
    command: &'static [&'static str],
}

/// Checks `case` confined (as `nobody` when the tests run as root) and with `--no-confine`:
/// 100% of the required checks both ways, and the same verdict for every check.
fn passes_both_ways(case: &Case) {
    let dir = submission(case.files);
    let mut extra: Vec<&str> = Vec::new();
    if let Some(build) = case.build {
        extra.extend(["--build", build]);
    }
    let confined = check_in(dir.path(), case.exercise, case.role, &extra, case.command);
    assert!(
        all_required_passed(&confined),
        "{:?} confined: {}\n{}",
        case.command,
        failures(&confined),
        confined["confinement"]
    );
    assert_eq!(confined["confinement"]["enabled"], true);
    extra.push("--no-confine");
    let free = check_in(dir.path(), case.exercise, case.role, &extra, case.command);
    assert!(
        all_required_passed(&free),
        "{:?} unconfined: {}",
        case.command,
        failures(&free)
    );
    assert_eq!(
        verdicts(&confined),
        verdicts(&free),
        "{:?}: confined and unconfined verdicts differ",
        case.command
    );
}

/// Whether a toolchain is here (installed when root can install it); says why when not.
fn have(bin: &str, package: &str) -> bool {
    tool(bin, package).is_some()
}

#[test]
fn java_programs_pass_confined_or_not() {
    if !have("java", "openjdk-17-jdk-headless") {
        return;
    }
    for case in [
        Case {
            exercise: "tcp-add",
            role: "server",
            files: &["AddServer.java"],
            build: None,
            command: &["java", "AddServer.java", "{port}"],
        },
        Case {
            exercise: "udp-echo",
            role: "server",
            files: &["UdpEchoServer.java"],
            build: None,
            command: &["java", "UdpEchoServer.java", "{port}"],
        },
        // Compiled first, as a course with several classes does, and run by class name.
        Case {
            exercise: "tcp-add",
            role: "client",
            files: &["AddClient.java"],
            build: Some("javac *.java"),
            command: &["java", "AddClient", "{host}", "{port}"],
        },
    ] {
        passes_both_ways(&case);
    }
}

#[test]
fn c_programs_pass_confined_or_not() {
    if !have("gcc", "gcc") {
        return;
    }
    for case in [
        Case {
            exercise: "tcp-echo",
            role: "server",
            files: &["echo_server.c"],
            build: Some("gcc -Wall -o echo_server echo_server.c"),
            command: &["./echo_server", "{port}"],
        },
        Case {
            exercise: "udp-upper",
            role: "server",
            files: &["udp_upper_server.c"],
            build: Some("gcc -Wall -o bin/server udp_upper_server.c"),
            command: &["bin/server", "{port}"],
        },
        // Its prompt is a printf without fflush: nothing shows until it exits.
        Case {
            exercise: "tcp-echo",
            role: "client",
            files: &["echo_client.c"],
            build: Some("gcc -Wall -o echo_client echo_client.c"),
            command: &["./echo_client", "{host}", "{port}"],
        },
    ] {
        if case.command[0] == "bin/server" {
            // A relative program in a subfolder the build makes.
            let build = case.build.map(|b| format!("mkdir -p bin && {b}"));
            let dir = submission(case.files);
            let extra = ["--build", build.as_deref().unwrap_or_default()];
            let report = check_in(dir.path(), case.exercise, case.role, &extra, case.command);
            assert!(all_required_passed(&report), "{}", failures(&report));
            continue;
        }
        passes_both_ways(&case);
    }
}

#[test]
fn cpp_programs_pass_confined_or_not() {
    if !have("g++", "g++") {
        return;
    }
    for case in [
        Case {
            exercise: "tcp-add",
            role: "server",
            files: &["add_server.cpp"],
            build: Some("g++ -Wall -o add_server add_server.cpp"),
            command: &["./add_server", "{port}"],
        },
        Case {
            exercise: "udp-echo",
            role: "server",
            files: &["udp_echo_server.cpp"],
            build: Some("g++ -Wall -o udp_echo_server udp_echo_server.cpp"),
            command: &["./udp_echo_server", "{port}"],
        },
        Case {
            exercise: "tcp-add",
            role: "client",
            files: &["add_client.cpp"],
            build: Some("g++ -Wall -o add_client add_client.cpp"),
            command: &["./add_client", "{host}", "{port}"],
        },
    ] {
        passes_both_ways(&case);
    }
}

#[test]
fn node_programs_pass_confined_or_not() {
    if !have("node", "nodejs") {
        return;
    }
    for case in [
        Case {
            exercise: "tcp-upper",
            role: "server",
            files: &["tcp_upper_server.js"],
            build: None,
            command: &["node", "tcp_upper_server.js", "{port}"],
        },
        Case {
            exercise: "udp-echo",
            role: "server",
            files: &["udp_echo.js"],
            build: None,
            command: &["node", "udp_echo.js", "{port}"],
        },
        Case {
            exercise: "tcp-echo",
            role: "client",
            files: &["echo_client.js"],
            build: None,
            command: &["node", "echo_client.js", "{host}", "{port}"],
        },
    ] {
        passes_both_ways(&case);
    }
}

#[test]
fn go_programs_pass_confined_or_not() {
    if !have("go", "golang-go") {
        return;
    }
    for case in [
        Case {
            exercise: "tcp-echo",
            role: "server",
            files: &["echo_server.go"],
            build: Some("go build -o echo_server echo_server.go"),
            command: &["./echo_server", "{port}"],
        },
        Case {
            exercise: "udp-add",
            role: "server",
            files: &["udp_add_server.go"],
            build: Some("go build -o udp_add_server udp_add_server.go"),
            command: &["./udp_add_server", "{port}"],
        },
        Case {
            exercise: "tcp-add",
            role: "client",
            files: &["add_client.go"],
            build: Some("go build -o add_client add_client.go"),
            command: &["./add_client", "{host}", "{port}"],
        },
    ] {
        passes_both_ways(&case);
    }
}

/// Kurose & Ross's Java pair: the TCP server reads a line with readLine(); the UDP server
/// replies with its whole 1024-byte buffer, NUL-padded. Both are right.
#[test]
fn the_textbooks_java_uppercase_servers_get_full_marks() {
    if !have("java", "openjdk-17-jdk-headless") {
        return;
    }
    let dir = submission(&["TCPServer.java", "UDPServer.java"]);
    let tcp = check_in(
        dir.path(),
        "tcp-upper",
        "server",
        &[],
        &["java", "TCPServer.java", "{port}"],
    );
    assert!(all_required_passed(&tcp), "{}", failures(&tcp));
    let upper = &tcp["checks"][1];
    assert!(
        upper["reason"]
            .as_str()
            .unwrap_or("")
            .contains("once socklab ended its line with"),
        "the report says the line form was used: {upper:#}"
    );
    assert_eq!(upper["evidence"]["sent"], "hello from socklab\\n");

    let udp = check_in(
        dir.path(),
        "udp-upper",
        "server",
        &[],
        &["java", "UDPServer.java", "{port}"],
    );
    assert!(all_required_passed(&udp), "{}", failures(&udp));
    let reason = udp["checks"][1]["reason"].as_str().unwrap_or("");
    assert!(
        reason.contains("HELLO FROM SOCKLAB") && reason.contains("1006 NUL bytes"),
        "the padding is named: {reason}"
    );
}

/// The JSON says what was typed and when; a client whose prompt never shows still gets its
/// lines in the handout's order (name, then number).
#[test]
fn what_was_typed_is_in_the_report() {
    if !have("g++", "g++") {
        return;
    }
    let dir = submission(&["add_client.cpp"]);
    let report = check_in(
        dir.path(),
        "tcp-add",
        "client",
        &[
            "--build",
            "g++ -o add_client add_client.cpp",
            "--name",
            "Rita",
        ],
        &["./add_client", "{host}", "{port}"],
    );
    assert!(all_required_passed(&report), "{}", failures(&report));
    let sends = find(&report, "sends");
    let typed: Vec<&str> = sends["evidence"]["typed"]
        .as_array()
        .map(|t| t.iter().filter_map(|t| t["line"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(typed, ["Rita", "37"], "{sends:#}");
    assert!(sends["evidence"]["typed"][1]["at_ms"].as_u64().is_some());
}

#[test]
fn a_program_that_does_not_compile_fails_builds_with_the_compilers_words() {
    if !have("gcc", "gcc") {
        return;
    }
    let dir = submission(&["broken.c"]);
    let report = check_in(
        dir.path(),
        "tcp-echo",
        "server",
        &["--build", "gcc -Wall -o broken broken.c"],
        &["./broken", "{port}"],
    );
    let builds = &report["checks"][0];
    assert_eq!(builds["id"], "builds");
    assert_eq!(builds["verdict"], "fail");
    assert_eq!(builds["required"], true);
    assert!(
        builds["reason"].as_str().unwrap_or("").contains("error"),
        "{builds:#}"
    );
    assert!(
        builds["evidence"]["stdout"]
            .as_str()
            .unwrap_or("")
            .contains("broken.c"),
        "{builds:#}"
    );
    assert_eq!(report["score"], 0.0, "{report:#}");
    assert_eq!(report["checks"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_build_that_never_ends_is_stopped_by_its_limit() {
    if !have("make", "make") {
        return;
    }
    let dir = submission(&["loop/Makefile"]);
    let started = std::time::Instant::now();
    let report = check_in(
        &dir.path().join("loop"),
        "tcp-echo",
        "server",
        &["--build", "make", "--build-timeout", "3"],
        &["./server", "{port}"],
    );
    let builds = &report["checks"][0];
    assert_eq!(builds["verdict"], "fail");
    assert!(
        builds["reason"]
            .as_str()
            .unwrap_or("")
            .contains("did not end within 3 s"),
        "{builds:#}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

/// The C and Java hostile programs misbehave once, then serve: each misbehaviour is contained
/// and named, and the checks go on.
#[test]
fn hostile_c_or_java_programs_are_contained() {
    if !have("gcc", "gcc") || !have("java", "openjdk-17-jdk-headless") {
        return;
    }
    let dir = submission(&["hostile_memory.c", "hostile_fork.c", "HostileHeap.java"]);
    let said = |r: &Value| {
        r["checks"]
            .as_array()
            .map(|c| {
                c.iter()
                    .filter_map(|c| c["evidence"]["stdout"].as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default()
    };

    // malloc of 3 GiB, every page touched: refused.
    let report = check_in(
        dir.path(),
        "tcp-echo",
        "server",
        &["--build", "gcc -O2 -o hostile hostile_memory.c"],
        &["./hostile", "{port}"],
    );
    assert!(
        said(&report).contains("hostile: refused: memory"),
        "{}",
        said(&report)
    );
    assert!(all_required_passed(&report), "{}", failures(&report));

    // fork until refused: at most the process limit, and nothing outlives the check.
    let report = check_in(
        dir.path(),
        "tcp-echo",
        "server",
        &["--build", "gcc -O2 -o hostile hostile_fork.c"],
        &["./hostile", "{port}"],
    );
    let out = said(&report);
    assert!(out.contains("hostile: refused: children"), "{out}");
    assert!(all_required_passed(&report), "{}", failures(&report));

    // A JVM grabbing its heap: OutOfMemoryError well before 3 GiB.
    let report = check_in(
        dir.path(),
        "tcp-echo",
        "server",
        &[],
        &["java", "HostileHeap.java", "{port}"],
    );
    let out = said(&report);
    assert!(
        out.contains("hostile: refused: memory OutOfMemoryError"),
        "{out}"
    );
    assert!(all_required_passed(&report), "{}", failures(&report));
}

/// Memory an address-space or data limit does not see (shared anonymous pages) is still
/// bounded where a cgroup bounds resident memory: the kernel stops the program, and the
/// report names the limit.
#[test]
fn resident_memory_past_the_limit_is_stopped_by_the_cgroup() {
    if !have("gcc", "gcc") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("grab.c"),
        "#include <stdio.h>\n#include <string.h>\n#include <sys/mman.h>\n\
         int main(void) {\n  size_t n = (size_t)1 << 30;\n\
           char *p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);\n\
           if (p == MAP_FAILED) { puts(\"refused\"); return 1; }\n\
           for (size_t i = 0; i < n; i += 4096) p[i] = 1;\n\
           puts(\"touched 1 GiB\"); fflush(stdout);\n  return 0;\n}\n",
    )
    .unwrap();
    let report = check_in(
        dir.path(),
        "tcp-echo",
        "server",
        &["--build", "gcc -o grab grab.c"],
        &["./grab", "{port}"],
    );
    let memory = report["confinement"]["memory"].as_str().unwrap_or("");
    if !memory.contains("cgroup") {
        say(&format!(
            "skipped: no cgroup bounds resident memory here ({})",
            report["confinement"]
        ));
        return;
    }
    let listens = &report["checks"][1];
    assert_eq!(listens["verdict"], "fail", "{listens:#}");
    assert!(
        listens["reason"]
            .as_str()
            .unwrap_or("")
            .contains("stopped: memory limit 512 MiB"),
        "{listens:#}"
    );
    assert!(
        !listens["evidence"]["stdout"]
            .as_str()
            .unwrap_or("")
            .contains("touched 1 GiB")
    );
}

/// `--each` with an instructor's harness outside the submissions: the harness, each
/// submission and its subfolders are in the scratch copy, confined or not.
#[test]
fn each_with_a_harness_reaches_submissions_in_subfolders() {
    let course = tempfile::tempdir().unwrap();
    let root = course.path();
    std::fs::create_dir_all(root.join("course")).unwrap();
    std::fs::write(
        root.join("course/run.py"),
        "import runpy, sys\nfrom helper import banner\nprint(banner(), flush=True)\n\
         sys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], run_name='__main__')\n",
    )
    .unwrap();
    std::fs::write(
        root.join("course/helper.py"),
        "def banner():\n    return 'course harness'\n",
    )
    .unwrap();
    for student in ["ana", "bruno"] {
        let sub = root.join("submissions").join(student);
        std::fs::create_dir_all(sub.join("lib")).unwrap();
        std::fs::write(
            sub.join("lib/reply.py"),
            "def reply(data):\n    return data\n",
        )
        .unwrap();
        std::fs::write(
            sub.join("server.py"),
            "import os, socket, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), 'lib'))\n\
             from reply import reply\n\
             s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n\
             s.bind(('', int(sys.argv[1])))\nprint('listening', flush=True)\n\
             while True:\n    data, addr = s.recvfrom(1024)\n    s.sendto(reply(data), addr)\n",
        )
        .unwrap();
    }
    let csv = root.join("class.csv");
    for confine in [true, false] {
        let port = check_port(false).to_string();
        let harness = root.join("course/run.py").display().to_string();
        let mut args = vec![
            "check",
            "udp-echo",
            "server",
            "--port",
            &port,
            "--each",
            "submissions/*/server.py",
            "--csv",
            csv.to_str().unwrap(),
        ];
        if !confine {
            args.push("--no-confine");
        }
        let py = python();
        args.extend(["--", &py, &harness, "{file}", "{port}"]);
        let mut cmd = socklab_command(&args);
        cmd.current_dir(root);
        let out = wait_output(cmd.spawn().unwrap(), Duration::from_secs(180));
        let sheet = std::fs::read_to_string(&csv).unwrap_or_default();
        let rows: Vec<&str> = sheet.lines().skip(1).collect();
        assert_eq!(rows.len(), 2, "{sheet}\n{}\n{}", out.stdout, out.stderr);
        for row in rows {
            assert!(
                row.contains(",100"),
                "confined {confine}: {row}\n{}\n{}",
                out.stdout,
                out.stderr
            );
        }
    }
}

/// A client that sends its name and number as two lines, reads the reply line by line,
/// prints the exchange only then, and asks to go again: `shows` waits for what it prints.
#[test]
fn a_client_that_prints_its_exchange_late_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("client.py"),
        "import re, socket, sys, time\n\
         host, port = sys.argv[1], int(sys.argv[2])\n\
         while True:\n\
         \x20   name = input('Name: ')\n\
         \x20   number = int(input('Number: '))\n\
         \x20   s = socket.create_connection((host, port))\n\
         \x20   print('Connected to server on port', port)\n\
         \x20   f = s.makefile('rw')\n\
         \x20   f.write(name + '\\n'); f.flush()\n\
         \x20   f.write(str(number) + '\\n'); f.flush()\n\
         \x20   reply = f.readline().strip() + ' ' + f.readline().strip()\n\
         \x20   time.sleep(3)\n\
         \x20   print('Sent', name, number, '| got', reply)\n\
         \x20   snum = int(re.findall(r'-?[0-9]+', reply)[-1])\n\
         \x20   print('Sum:', number + snum)\n\
         \x20   s.close()\n\
         \x20   if input('Do you want to continue (y/n) ').strip().lower() != 'y':\n\
         \x20       break\n",
    )
    .unwrap();
    let py = python();
    // The test is about what the client prints after the reply, not how fast it starts: room
    // for a slow start beside the other tests' compilers. (It also writes its name line and its
    // number line apart: the server waits for the second, `UNREADABLE_SETTLE` in net/add.rs.)
    let report = check_in_within(
        dir.path(),
        "tcp-add",
        "client",
        30,
        &[],
        &[&py, "client.py", "{host}", "{port}"],
    );
    let shows = find(&report, "shows");
    assert_eq!(shows["verdict"], "pass", "{report:#}");
}

/// Starting a program never fails because its folder changes while it is copied (another
/// program's temporary files come and go there): 50 starts, each one started.
#[test]
fn fifty_starts_in_a_busy_folder_all_start() {
    use socklab::check::{Exercise, Role, program::Program};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hello.py"), "print('started')\n").unwrap();
    for i in 0..200 {
        std::fs::write(dir.path().join(format!("old-{i}.tmp")), "x").unwrap();
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let (dir, stop) = (dir.path().to_path_buf(), stop.clone());
        std::thread::spawn(move || {
            let mut i = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let f = dir.join(format!("old-{}.tmp", i % 200));
                let _ = std::fs::remove_file(&f);
                let _ = std::fs::write(&f, "x");
                i += 1;
            }
        })
    };
    let options = check_options(
        Exercise::UdpEcho,
        Role::Server,
        check_port(false),
        Vec::new(),
    );
    let command = [python(), dir.path().join("hello.py").display().to_string()];
    let mut failed = Vec::new();
    for run in 0..50 {
        match Program::start(&command, Default::default(), &options) {
            Ok(mut p) => {
                p.wait_exit(Duration::from_secs(20));
                if !p.wait_output("started", Duration::from_secs(1)) {
                    failed.push(format!("run {run}: {}", p.output()));
                }
            }
            Err(e) => failed.push(format!("run {run}: {e}")),
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = churn.join();
    assert!(failed.is_empty(), "{failed:#?}");
}
