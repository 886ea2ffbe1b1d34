//! The command line as a user runs it: the real binary, real sockets on loopback, exit codes.

mod common;

use common::*;

/// Starts `socklab <transport>-add server` on a free loopback port; returns it and the port.
fn start_server(
    transport: &str,
    extra: &[&str],
) -> (
    std::process::Child,
    crossbeam_channel::Receiver<String>,
    String,
) {
    let sub = format!("{transport}-add");
    let mut args = vec![
        sub.as_str(),
        "server",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
        "--name",
        "Server of CLI",
        "--number",
        "57",
    ];
    args.extend_from_slice(extra);
    let mut child = socklab_command(&args).spawn().expect("run socklab");
    let lines = stdout_lines(&mut child);
    let rest = line_starting(&lines, "listening on 127.0.0.1:");
    let port = rest.split_whitespace().next().unwrap().to_owned();
    (child, lines, port)
}

#[test]
fn the_client_prints_the_exchange_the_handout_asks_for() {
    for transport in ["tcp", "udp"] {
        let (mut server, server_lines, port) = start_server(transport, &[]);
        let addr = format!("127.0.0.1:{port}");
        let sub = format!("{transport}-add");
        let out = wait_output(
            socklab_command(&[
                &sub,
                "client",
                &addr,
                "--name",
                "Client of Ana",
                "--number",
                "42",
                "--format",
                "json-line",
            ])
            .spawn()
            .unwrap(),
            WAIT,
        );
        assert!(out.success, "{transport}: {}", out.stderr);
        for line in [
            "Client's name: Client of Ana",
            "Server's name: Server of CLI",
            "Client's number: 42",
            "Server's number: 57",
            "Sum: 99",
        ] {
            assert!(
                out.stdout.contains(line),
                "{transport}: missing {line:?} in {}",
                out.stdout
            );
        }
        // The server shows the same exchange.
        assert_eq!(
            line_starting(&server_lines, "Client's name: "),
            "Client of Ana"
        );
        assert_eq!(line_starting(&server_lines, "Sum: "), "99");
        let _ = server.kill();
        let _ = server.wait();
    }
}

#[test]
fn an_out_of_range_number_ends_the_server_with_exit_0() {
    for transport in ["tcp", "udp"] {
        // The server's output is read to its end, as a terminal would.
        let (server, _server_lines, port) = start_server(transport, &[]);
        let addr = format!("127.0.0.1:{port}");
        let sub = format!("{transport}-add");
        let out = wait_output(
            socklab_command(&[&sub, "client", &addr, "--name", "Ana", "--number", "0"])
                .spawn()
                .unwrap(),
            WAIT,
        );
        assert!(out.success, "{transport}: {}", out.stderr);
        let server = wait_output(server, WAIT);
        assert_eq!(
            server.code,
            Some(0),
            "{transport}: the server exits 0 after an out-of-range number"
        );
    }
}

#[test]
fn json_output_is_one_event_per_line() {
    let (mut server, _lines, port) = start_server("tcp", &["--keep-running"]);
    let out = wait_output(
        socklab_command(&[
            "tcp-add",
            "client",
            &format!("127.0.0.1:{port}"),
            "--name",
            "Ana",
            "--number",
            "5",
            "--json",
        ])
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert!(out.success, "{}", out.stderr);
    let events: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect();
    let add = events
        .iter()
        .find(|e| e["event"] == "add")
        .expect("an add event");
    assert_eq!(add["sum"], 62);
    assert_eq!(add["server_name"], "Server of CLI");
    assert!(
        events
            .iter()
            .any(|e| e["event"] == "sent" && e["bytes"]["text"] == "Ana,5")
    );
    assert_eq!(events.last().unwrap()["event"], "finished");
    let _ = server.kill();
    let _ = server.wait();
}

#[test]
fn a_failure_exits_1_saying_what_went_wrong() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = wait_output(
        socklab_command(&[
            "tcp-add",
            "client",
            &format!("127.0.0.1:{port}"),
            "--name",
            "Ana",
            "--number",
            "5",
            "--timeout",
            "2",
        ])
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: cannot connect to 127.0.0.1:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("Start the server first"),
        "{}",
        out.stderr
    );

    let out = wait_output(
        socklab_command(&[
            "tcp-add",
            "client",
            "nohostport",
            "--name",
            "A",
            "--number",
            "5",
        ])
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("is not HOST:PORT"), "{}", out.stderr);

    // A port that is taken gives exit 1 and the hint.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = wait_output(
        socklab_command(&["tcp-add", "server", "--bind", "127.0.0.1", "--port", &port])
            .spawn()
            .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("already in use"), "{}", out.stderr);
}

#[test]
fn bad_usage_exits_2() {
    let out = wait_output(
        socklab_command(&[
            "tcp-add",
            "client",
            "localhost:1",
            "--name",
            "A",
            "--number",
            "5",
            "--format",
            "xml",
        ])
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("unknown format"), "{}", out.stderr);

    let out = wait_output(
        socklab_command(&["udp-add", "client"]).spawn().unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2));
}

#[test]
fn the_client_help_names_every_format_pickle_included() {
    let out = wait_output(
        socklab_command(&["udp-add", "client", "--help"])
            .spawn()
            .unwrap(),
        WAIT,
    );
    assert!(out.success, "{}", out.stderr);
    for format in socklab::protocol::add::FORMAT_NAMES {
        assert!(
            out.stdout.contains(format),
            "{format} missing: {}",
            out.stdout
        );
    }
    assert!(
        out.stdout.contains("pickle.dumps((name, number))"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_network_simulator_drops_a_udp_request_it_is_told_to_lose() {
    // The client's request is dropped (100% loss): the server hears nothing, the client says
    // why, and gives up at its timeout.
    let (mut server, lines, port) = start_server("udp", &[]);
    let target = format!("127.0.0.1:{port}");
    let child = socklab_command(&[
        "udp-add",
        "client",
        &target,
        "--name",
        "Ana",
        "--number",
        "7",
        "--loss",
        "100",
        "--seed",
        "1",
        "--timeout",
        "1",
    ])
    .spawn()
    .unwrap();
    let out = wait_output(child, WAIT);
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("simulated network: 100% loss, seed 1"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("dropped by the simulator"),
        "{}",
        out.stdout
    );
    assert!(
        lines.try_iter().all(|l| !l.contains("Ana")),
        "the server never heard the request"
    );
    let _ = server.kill();
    let _ = server.wait();
}

#[test]
fn loss_over_tcp_is_a_usage_error() {
    // TCP repairs loss itself: asking for it is a usage error.
    let out = wait_output(
        socklab_command(&["tcp-echo", "client", "127.0.0.1:1", "x", "--loss", "5"])
            .spawn()
            .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("UDP datagrams only"), "{}", out.stderr);
}

/// A server run from a terminal, with a class's burst of messages, then Ctrl-C: every message
/// is on its output, and the summary after them.
#[cfg(unix)]
#[test]
fn ctrl_c_on_a_busy_server_loses_no_line_before_its_summary() {
    use std::io::{Read, Write};
    let mut child = socklab_command(&["tcp-echo", "server", "--bind", "127.0.0.1", "--port", "0"])
        .spawn()
        .expect("run socklab");
    let lines = stdout_lines(&mut child);
    let rest = line_starting(&lines, "listening on 127.0.0.1:");
    let port: u16 = rest
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    const CLIENTS: usize = 10;
    const TRIPS: usize = 100;
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            std::thread::spawn(move || {
                let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.set_read_timeout(Some(WAIT)).unwrap();
                for k in 0..TRIPS {
                    let message = format!("client {i:02} trip {k:03}");
                    s.write_all(message.as_bytes()).unwrap();
                    let mut echo = vec![0; message.len()];
                    s.read_exact(&mut echo).unwrap();
                }
                // Connected still: the server's stop ends it.
                s
            })
        })
        .collect();
    let open: Vec<_> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    // SAFETY: kill with the pid of a child this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let mut received = 0;
    let mut summary = None;
    let deadline = std::time::Instant::now() + WAIT;
    while summary.is_none() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let Ok(line) = lines.recv_timeout(left) else {
            break;
        };
        if line.starts_with("received ") {
            received += 1;
        }
        if line.starts_with("server stopped") {
            summary = Some(line);
        }
    }
    let status = child.wait().unwrap();
    drop(open);
    assert_eq!(received, CLIENTS * TRIPS, "every message is printed");
    assert_eq!(
        summary.as_deref(),
        Some("server stopped; served 10 sessions"),
        "the summary comes last"
    );
    assert!(status.success(), "{status:?}");
}

/// The flags servers share are taken by a file server (the connection limit too), and the
/// address to bind, the folder and whether its hidden names are served reach it.
#[test]
fn a_file_server_takes_the_shared_server_flags() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("notes.txt"), "lab notes\n").unwrap();
    std::fs::write(shared.path().join(".secret"), "hidden\n").unwrap();
    let saved = tempfile::tempdir().unwrap();
    let root = shared.path().to_str().unwrap();
    for serve_hidden in [false, true] {
        let mut args = vec![
            "tcp-file",
            "server",
            "0",
            "--bind",
            "127.0.0.1",
            "--root",
            root,
            "--max-connections",
            "2",
        ];
        if serve_hidden {
            args.push("--serve-hidden");
        }
        let mut server = socklab_command(&args).spawn().expect("run socklab");
        let lines = stdout_lines(&mut server);
        let rest = line_starting(&lines, "listening on 127.0.0.1:");
        let port = rest.split_whitespace().next().unwrap().to_owned();
        let fetch = |name: &str| {
            let local = saved.path().join(format!("{serve_hidden}-{name}"));
            let target = format!("127.0.0.1:{port}:{name}");
            let client = socklab_cli(&["tcp-file", "client", &target, local.to_str().unwrap()]);
            let out = wait_output(client, WAIT);
            (out, std::fs::read_to_string(&local).ok())
        };
        let (out, text) = fetch("notes.txt");
        assert!(out.success, "serve_hidden={serve_hidden}: {}", out.stderr);
        assert_eq!(text.as_deref(), Some("lab notes\n"));
        let (out, text) = fetch(".secret");
        assert_eq!(
            out.success, serve_hidden,
            "serve_hidden={serve_hidden}: {}{}",
            out.stdout, out.stderr
        );
        assert_eq!(text.as_deref(), serve_hidden.then_some("hidden\n"));
        if !serve_hidden {
            let deadline = std::time::Instant::now() + WAIT;
            let said = std::iter::from_fn(|| lines.recv_deadline(deadline).ok())
                .any(|l| l.contains("asked for \".secret\": refused: a hidden name"));
            assert!(said, "the server says why it refused");
        }
        let _ = server.kill();
        let _ = server.wait();
    }
}

/// socklab as started on a system whose language is `lang` (`LANG` only, as a terminal sets it).
fn socklab_with_lang(lang: &str, args: &[&str]) -> std::process::Command {
    let mut command = socklab_command(args);
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    command
}

/// With `LANG=pt_PT.UTF-8`, the errors and their hints are in Portuguese: a connection refused,
/// a file that does not exist, a bad number of seconds, a port already in use.
#[test]
fn with_a_portuguese_system_errors_and_hints_are_in_portuguese() {
    let port = free_port(true).to_string();
    let out = wait_output(
        socklab_with_lang(
            "pt_PT.UTF-8",
            &[
                "tcp-add",
                "client",
                &format!("127.0.0.1:{port}"),
                "--name",
                "Ana",
                "--number",
                "5",
                "--timeout",
                "2",
            ],
        )
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    let said = &out.stderr;
    assert!(
        said.starts_with(&format!("erro: não é possível ligar a 127.0.0.1:{port}: ligação recusada (sugestão: Nada está à escuta em 127.0.0.1:{port}. Inicie primeiro o servidor")),
        "{said}"
    );

    let missing = tempfile::tempdir().unwrap().path().join("nada.txt");
    let out = wait_output(
        socklab_with_lang(
            "pt_PT.UTF-8",
            &["compare", missing.to_str().unwrap(), "Cargo.toml"],
        )
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("erro: não é possível abrir ")
            && out
                .stderr
                .contains("nada.txt: ficheiro ou diretório inexistente"),
        "{}",
        out.stderr
    );

    let out = wait_output(
        socklab_with_lang(
            "pt_PT.UTF-8",
            &[
                "udp-add",
                "client",
                "127.0.0.1:9",
                "--name",
                "A",
                "--number",
                "5",
                "--timeout",
                "0",
            ],
        )
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("\"0\" não é um número positivo de segundos"),
        "{}",
        out.stderr
    );

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = wait_output(
        socklab_with_lang(
            "pt_PT.UTF-8",
            &["tcp-add", "server", "--bind", "127.0.0.1", "--port", &port],
        )
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "(sugestão: A porta {port} já está em uso, talvez por outro servidor que iniciou."
        )),
        "{}",
        out.stderr
    );
}

/// `--lang es` speaks Spanish, whatever the system's language.
#[test]
fn with_lang_es_errors_and_hints_are_in_spanish() {
    let port = free_port(true).to_string();
    let out = wait_output(
        socklab_with_lang(
            "pt_PT.UTF-8",
            &[
                "--lang",
                "es",
                "tcp-add",
                "client",
                &format!("127.0.0.1:{port}"),
                "--name",
                "Ana",
                "--number",
                "5",
                "--timeout",
                "2",
            ],
        )
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!("error: no se puede conectar a 127.0.0.1:{port}: conexión rechazada (pista: Nada escucha en 127.0.0.1:{port}. Inicie primero el servidor")),
        "{}",
        out.stderr
    );

    let out = wait_output(
        socklab_command(&[
            "tcp-add",
            "client",
            "localhost:1",
            "--name",
            "A",
            "--number",
            "5",
            "--format",
            "xml",
            "--lang",
            "es",
        ])
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: formato desconocido \"xml\"; use uno de comma,"),
        "{}",
        out.stderr
    );
}

/// Sizes and rates take the decimal comma of Portuguese: in the library, and in a server's
/// line on the command line.
#[test]
fn sizes_and_rates_are_written_with_a_decimal_comma_in_portuguese() {
    use socklab::i18n::{Lang, set_here};
    set_here(Some(Lang::PtPt));
    assert_eq!(socklab::units::human_bytes(1024 * 1024 * 3 / 2), "1,5 MiB");
    assert_eq!(
        socklab::units::rate(3 * 1024 * 1024, std::time::Duration::from_secs(2)),
        "1,5 MiB/s"
    );
    set_here(Some(Lang::EnUs));
    assert_eq!(socklab::units::human_bytes(1024 * 1024 * 3 / 2), "1.5 MiB");
    set_here(None);

    let shared = tempfile::tempdir().unwrap();
    let mut server = socklab_with_lang(
        "pt_PT.UTF-8",
        &[
            "udp-file",
            "server",
            "0",
            "--bind",
            "127.0.0.1",
            "--root",
            shared.path().to_str().unwrap(),
            "--rate",
            "4",
        ],
    )
    .spawn()
    .expect("run socklab");
    let lines = stdout_lines(&mut server);
    let deadline = std::time::Instant::now() + WAIT;
    let rate =
        std::iter::from_fn(|| lines.recv_deadline(deadline).ok()).find(|l| l.contains("MiB/s"));
    let _ = server.kill();
    let _ = server.wait();
    let rate = rate.expect("a line with the rate");
    assert!(rate.contains("4,0 MiB/s"), "{rate}");
}

/// A client started on a Portuguese system prints the exchange the handout asks for in
/// Portuguese; the server it talks to speaks English (each process its own language).
#[test]
fn a_client_on_a_portuguese_system_prints_the_exchange_in_portuguese() {
    let (mut server, _server_lines, port) = start_server("tcp", &[]);
    let out = wait_output(
        socklab_with_lang(
            "pt_PT.UTF-8",
            &[
                "tcp-add",
                "client",
                &format!("127.0.0.1:{port}"),
                "--name",
                "Cliente da Ana",
                "--number",
                "42",
            ],
        )
        .spawn()
        .unwrap(),
        WAIT,
    );
    let _ = server.kill();
    let _ = server.wait();
    assert!(out.success, "{}", out.stderr);
    for line in [
        "Nome do cliente: Cliente da Ana",
        "Nome do servidor: Server of CLI",
        "Número do cliente: 42",
        "Número do servidor: 57",
        "Soma: 99",
    ] {
        assert!(out.stdout.contains(line), "{line:?} in {}", out.stdout);
    }
}

#[test]
fn with_lang_es_a_server_and_its_client_print_their_lines_in_spanish() {
    let mut server = socklab_command(&[
        "--lang",
        "es",
        "tcp-add",
        "server",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
        "--name",
        "Servidor de CLI",
        "--number",
        "57",
    ])
    .spawn()
    .expect("run socklab");
    let lines = stdout_lines(&mut server);
    let first = line_starting(&lines, "escuchando en 127.0.0.1:");
    assert!(first.contains(" (TCP); accesible en 127.0.0.1:"), "{first}");
    let note = line_starting(&lines, "escuchando en 127.0.0.1:");
    assert!(
        note.contains(": solo este ordenador puede alcanzarlo; otras máquinas usarían "),
        "{note}"
    );
    let rest = line_starting(
        &lines,
        "servidor \"Servidor de CLI\" con el número 57 esperando conexiones en 127.0.0.1:",
    );
    let addr = format!("127.0.0.1:{rest}");
    let out = wait_output(
        socklab_command(&[
            "tcp-add", "client", &addr, "--name", "Ana", "--number", "0", "--lang", "es",
        ])
        .spawn()
        .unwrap(),
        WAIT,
    );
    assert!(out.success, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "el servidor cerró la conexión sin responder, como hace un servidor del laboratorio cuando el número (0) está fuera de rango"
        ),
        "{}",
        out.stdout
    );
    // The server stops itself, saying why, and how many it served.
    let server = wait_output(server, WAIT);
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    // The rest of its output, to its end (the reader's channel closes at the end).
    let mut rest = Vec::new();
    while let Ok(line) = lines.recv_timeout(WAIT) {
        rest.push(line);
    }
    let last = rest.last().cloned().unwrap_or_default();
    assert!(
        last.starts_with("servidor detenido: 127.0.0.1:")
            && last.contains(
                " envió 0, fuera de 1..100 (regla del laboratorio); atendió 0 peticiones"
            ),
        "{rest:#?}"
    );
}

/// An echo server's lines about each message are said by the command line's printer in the
/// language it was given (the session only names the message and its numbers).
#[test]
fn with_lang_es_an_echo_server_says_what_it_received_and_sent_back_in_spanish() {
    use std::io::{Read, Write};
    let mut server = socklab_command(&[
        "--lang",
        "es",
        "tcp-echo",
        "server",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
    ])
    .spawn()
    .expect("run socklab");
    let lines = stdout_lines(&mut server);
    let rest = line_starting(&lines, "escuchando en 127.0.0.1:");
    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let mut s = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    s.write_all(b"hola").unwrap();
    let mut reply = [0u8; 4];
    s.read_exact(&mut reply).unwrap();
    assert_eq!(&reply, b"hola");
    // The peer as the handout's Python prints it: ('127.0.0.1', 45358).
    let me = format!("('127.0.0.1', {})", s.local_addr().unwrap().port());
    let received = line_starting(&lines, "recibió 4 bytes de ");
    let sent = line_starting(&lines, "devolvió 4 bytes a ");
    let _ = server.kill();
    let _ = server.wait();
    assert!(received.contains(&me), "{received}");
    assert!(sent.contains(&me), "{sent}");
}

/// A window that cannot start says why and exits 1: here, on a real (virtual) display, with
/// OpenGL made impossible to load; the reason is the window library's own.
#[cfg(target_os = "linux")]
#[test]
fn a_window_that_cannot_start_says_why() {
    const PACKAGES: &str = "xvfb xauth libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0";
    let (Some(xvfb_run), Some(_)) = (tool("xvfb-run", PACKAGES), tool("xauth", PACKAGES)) else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new("timeout");
    command
        .arg("60")
        .arg(xvfb_run)
        .args(["-a", "-s", "-screen 0 800x600x24"])
        .arg(env!("CARGO_BIN_EXE_socklab"))
        .env("HOME", home.path())
        .env("LANG", "C.UTF-8")
        .env("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl.json")
        .env("LIBGL_DRIVERS_PATH", "/nonexistent")
        .env("LIBGL_ALWAYS_SOFTWARE", "1");
    let out = wait_output(
        piped(command).spawn().unwrap(),
        std::time::Duration::from_secs(90),
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let line = out
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("error: cannot open the window: "))
        .unwrap_or_else(|| panic!("no reason in {}", out.stderr));
    say(&out.stderr);
    // The reason eframe gave (glutin's, about OpenGL), not a guess.
    assert!(
        line.contains("glutin") || line.contains("GL"),
        "{line:?} in {}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("hint: a subcommand runs without a window"),
        "{}",
        out.stderr
    );
}
