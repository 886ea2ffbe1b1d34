//! The real window, driven through its accessibility tree (no display, no GPU), against real
//! servers on loopback.

mod common;

use std::time::{Duration, Instant};

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use socklab::gui::SocklabApp;
use socklab::gui::app::Settings;
use socklab::gui::check_panel::CheckPanel;
use socklab::gui::dialogs::NativePicker;
use socklab::gui::exercises::add::{AddPanel, AddSettings};
use socklab::gui::exercises::echo::EchoPanel;
use socklab::gui::exercises::file::FilePanel;
use socklab::gui::exercises::guess::GuessPanel;
use socklab::gui::exercises::{ExerciseId, ExercisePanel};
use socklab::i18n::Lang;
use socklab::net::add::{self, ServerConfig};
use socklab::net::echo::Service;

/// One exercise's panel alone, with no window around it (no exercise list, no Check section),
/// at 1300x1400: its runners' events are applied every frame, as the window applies them.
fn panel_harness<P: ExercisePanel + 'static>(panel: P) -> Harness<'static, P> {
    let mut harness = Harness::builder()
        .with_size([1300.0, 1400.0])
        .build_ui_state(
            |ui, panel: &mut P| {
                panel.poll();
                panel.ui(ui, &None);
            },
            panel,
        );
    harness.run_steps(2);
    harness
}

/// Steps frames until `done` holds, for at most `timeout`; then panics with `what` (the
/// failure: what never happened) and the timeout. A frame every 20 ms, or every 50 ms on a
/// wait longer than `WAIT` (a check run: fewer frames beside the program under test).
fn step_until<'a, S>(
    harness: &mut Harness<'a, S>,
    what: &str,
    timeout: Duration,
    mut done: impl FnMut(&mut Harness<'a, S>) -> bool,
) {
    let pause = Duration::from_millis(if timeout > WAIT { 50 } else { 20 });
    let deadline = Instant::now() + timeout;
    while !done(harness) {
        assert!(Instant::now() < deadline, "{what} (waited {timeout:?})");
        std::thread::sleep(pause);
        harness.step();
    }
}

/// Steps frames until `label` shows up, within `WAIT`.
fn wait_for_label<S>(harness: &mut Harness<'_, S>, label: &str) {
    step_until(harness, &format!("{label:?} never appeared"), WAIT, |h| {
        h.query_all_by_label_contains(label).next().is_some()
    });
}

/// Steps frames until the field labelled `label` holds `value`, within `WAIT`.
fn wait_for_value<S>(harness: &mut Harness<'_, S>, label: &str, value: &str) {
    step_until(
        harness,
        &format!("{label:?} never held {value:?}"),
        WAIT,
        |h| h.get_by_label(label).value().as_deref() == Some(value),
    );
}

#[test]
fn the_client_form_shows_the_sum_from_a_running_server() {
    for tcp in [true, false] {
        let config = ServerConfig {
            conditions: Default::default(),
            bind: "127.0.0.1:0".parse().unwrap(),
            max_connections: socklab::net::MAX_CONNECTIONS,
            name: "Server of Kit".into(),
            number: 57,
            stop_on_out_of_range: true,
        };
        let server = start("gui test server", true, move |r, s| {
            if tcp {
                add::run_tcp_server(config, r, s)
            } else {
                add::run_udp_server(config, r, s)
            }
        });
        let defaults = Settings::default();
        let mut settings = if tcp {
            defaults.tcp_add
        } else {
            defaults.udp_add
        };
        settings.client.server = server.addr();
        settings.client.name = String::new();
        settings.client.number = String::new();
        let mut harness = panel_harness(AddPanel::new(tcp, settings));

        harness.get_by_label("Client name").click();
        harness.run_steps(1);
        harness
            .get_by_label("Client name")
            .type_text("Client of Ana");
        harness.run_steps(1);
        // An out-of-range number is said to stop a lab server (it would be sent); a word is
        // refused.
        harness.get_by_label("Client number").click();
        harness.run_steps(1);
        harness.get_by_label("Client number").type_text("101");
        harness.run_steps(2);
        assert!(
            harness
                .query_by_label_contains("101 is outside 1 to 100")
                .is_some()
        );
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run_steps(1);
        harness.get_by_label("Client number").type_text("ten");
        harness.run_steps(2);
        assert!(
            harness
                .query_by_label_contains("Enter a whole number from 1 to 100")
                .is_some()
        );
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run_steps(1);
        harness.get_by_label("Client number").type_text("42");
        harness.run_steps(2);
        assert!(
            harness
                .query_by_label_contains("is outside 1 to 100")
                .is_none()
        );

        harness.get_by_label_contains("Send").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "99 ✔");
        assert!(harness.query_by_label("Server of Kit").is_some());
        assert!(harness.query_by_label("42 + 57").is_some());

        server.handle.stop();
        let events = server.finish();
        assert!(
            events.iter().any(|e| matches!(e, socklab::net::event::Event::Add(x) if x.client_name == "Client of Ana" && x.client_number == 42)),
            "the server saw the form's request"
        );
    }
}

#[test]
fn a_client_gets_the_sum_from_a_server_started_in_the_window() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut settings = Settings::default();
    settings.tcp_add.server.port = port;
    settings.tcp_add.server.bind = socklab::net::addr::BindChoice::Loopback;
    settings.tcp_add.client.server = format!("127.0.0.1:{port}");
    settings.tcp_add.server.name = "Server of Window".into();
    let mut harness = Harness::builder()
        .with_size([1200.0, 900.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(settings),
        );
    harness.run_steps(2);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 127.0.0.1:{port}"));
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "sum ");
    // The server's card shows the exchange as the client's does, the sum in it.
    wait_for_label(&mut harness, "Latest: Client of");
    harness.get_by_label_contains("Stop server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "server stopped");
}

/// Answers every dialog with fixed paths, as a user would pick them.
struct FakePicker {
    folder: std::path::PathBuf,
    save: std::path::PathBuf,
}

impl socklab::gui::dialogs::FilePicker for FakePicker {
    fn pick_folder(&self) -> Option<std::path::PathBuf> {
        Some(self.folder.clone())
    }
    fn pick_file(&self) -> Option<std::path::PathBuf> {
        Some(self.save.clone())
    }
    fn save_file(&self, _suggested_name: &str) -> Option<std::path::PathBuf> {
        Some(self.save.clone())
    }
}

#[test]
fn the_download_form_takes_a_file_from_pick_to_compare() {
    for (exercise, tcp) in [(ExerciseId::TcpFile, true), (ExerciseId::UdpFile, false)] {
        let shared = tempfile::tempdir().unwrap();
        let content: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(shared.path().join("lab.bin"), &content).unwrap();
        let out = tempfile::tempdir().unwrap();
        let save = out.path().join("copy.bin");
        let port = if tcp {
            std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        } else {
            std::net::UdpSocket::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        };
        let mut settings = Settings {
            exercise,
            ..Settings::default()
        };
        for s in [&mut settings.tcp_file, &mut settings.udp_file] {
            s.root = String::new();
            s.bind = socklab::net::addr::BindChoice::Loopback;
            s.port = port;
            s.server = format!("127.0.0.1:{port}");
        }
        let picker = std::sync::Arc::new(FakePicker {
            folder: shared.path().to_path_buf(),
            save: save.clone(),
        });
        let mut harness = Harness::builder()
            .with_size([1300.0, 1400.0])
            .build_ui_state(
                |ui, app: &mut SocklabApp| app.show(ui),
                SocklabApp::with_picker(settings, picker),
            );
        harness.run_steps(2);
        harness.get_by_label("Choose folder…").click();
        harness.run_steps(1);
        wait_for_value(
            &mut harness,
            "Shared folder",
            &shared.path().display().to_string(),
        );
        harness.get_by_label_contains("Start server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "Shared files (1)");
        // A file added to the folder joins the list (the server looks every 2 s), and one
        // removed leaves it.
        std::fs::write(shared.path().join("added.txt"), b"new").unwrap();
        wait_for_label(&mut harness, "Shared files (2)");
        std::fs::remove_file(shared.path().join("added.txt")).unwrap();
        wait_for_label(&mut harness, "Shared files (1)");
        // Picking the shared file fills the remote name.
        harness.get_by_label("lab.bin").click();
        harness.run_steps(1);
        harness.get_by_label("Save as…").click();
        harness.run_steps(1);
        wait_for_value(&mut harness, "Save as", &save.display().to_string());
        harness.get_by_label_contains("Download").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "SHA-256");
        assert_eq!(std::fs::read(&save).unwrap(), content);
        let sha = socklab::files::sha256_file(&save).unwrap();
        assert!(
            harness.query_by_label(&sha).is_some(),
            "the SHA-256 is shown"
        );
        // The progress line ends on the transfer's whole figures, the ones the result line
        // gives: one rate, one duration.
        let text = |n: &egui_kittest::Node<'_>| {
            let node = n.accesskit_node();
            format!(
                "{}{}",
                node.label().unwrap_or_default(),
                node.value().unwrap_or_default()
            )
        };
        let progress = harness
            .query_all_by_label_contains("received: 195.3 KiB")
            .map(|n| text(&n))
            .next()
            .expect("the progress line");
        let parts: Vec<&str> = progress.split(" · ").collect();
        let (rate, secs) = (parts[2], parts[3]);
        let summary = format!("in {secs}, {rate}");
        assert!(
            harness
                .query_all_by_label_contains(&summary)
                .next()
                .is_some(),
            "the progress says {progress:?}; no result line says {summary:?}"
        );

        // Downloading again asks before replacing the file.
        harness.get_by_label_contains("Download").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "already exists");
        assert!(
            harness.query_by_label(&sha).is_none(),
            "the old result is cleared"
        );
        harness.get_by_label("Overwrite").click();
        harness.run_steps(1);
        step_until(
            &mut harness,
            "the overwritten download never finished",
            WAIT,
            |h| h.query_by_label(&sha).is_some(),
        );

        // The compare tool was filled with both files and says they are identical.
        harness.get_by_label("Compare files").click();
        harness.run_steps(20);
        assert_eq!(
            harness.get_by_label("File B").value(),
            Some(save.display().to_string())
        );
        harness.get_by_label("Compare").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "identical (200,000 bytes)");
        // Downloading again makes that answer stale: it goes.
        harness.get_by_label_contains("Download").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "already exists");
        assert!(
            harness
                .query_all_by_label_contains("identical (200,000 bytes)")
                .next()
                .is_none(),
            "the comparison of the old file still shows"
        );
        wait_for_label(&mut harness, "Overwrite");
        harness.get_by_label("Overwrite").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "SHA-256");
        harness.get_by_label_contains("Stop server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "server stopped");
    }
}

#[test]
fn compare_tool_shows_where_files_differ() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, b"same\nsame\n").unwrap();
    std::fs::write(&b, b"same\nsamE\n").unwrap();
    let mut settings = Settings::default().tcp_file;
    settings.compare_a = a.display().to_string();
    settings.compare_b = b.display().to_string();
    let mut harness = panel_harness(FilePanel::new(
        true,
        settings,
        std::sync::Arc::new(NativePicker),
    ));
    harness.get_by_label("Compare files").click();
    harness.run_steps(20);
    harness.get_by_label("Compare").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "first difference at byte 8 (line 2)");
}

fn harness_for(settings: Settings) -> Harness<'static, SocklabApp> {
    let mut harness = Harness::builder()
        .with_size([1300.0, 1400.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(settings),
        );
    harness.run_steps(2);
    harness
}

/// Clicks the last widget labelled `label` once it has kept its place for a frame: a
/// transfer's last report can still change the form's height in the frame it arrives in, and
/// a click aimed at where the widget was would miss.
fn click_last_when_still(harness: &mut Harness<'_, SocklabApp>, label: &str) {
    let rect = |h: &Harness<'_, SocklabApp>| h.query_all_by_label(label).last().map(|n| n.rect());
    // Where it is, and since when it has been there: a click lands where the target was when
    // it was sent, so the target must have stopped moving (a runner's late event, a line of
    // Output or a status, moves what is below it a frame after it arrives).
    let mut since: Option<(Option<egui::Rect>, Instant)> = None;
    step_until(
        harness,
        &format!("{label:?} never kept its place"),
        WAIT,
        |h| {
            let now = rect(h);
            match since {
                Some((at, t)) if at == now => now.is_some() && t.elapsed() >= STILL,
                _ => {
                    since = Some((now, Instant::now()));
                    false
                }
            }
        },
    );
    harness.query_all_by_label(label).last().unwrap().click();
    harness.run_steps(2);
}

/// How long a target must keep its place before a test clicks it.
const STILL: Duration = Duration::from_millis(300);

fn type_into<S>(harness: &mut Harness<'_, S>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

#[test]
fn the_echo_form_keeps_one_session_for_its_messages() {
    for (exercise, tcp) in [(ExerciseId::TcpEcho, true), (ExerciseId::UdpEcho, false)] {
        let port = free_port(tcp);
        let mut settings = Settings {
            exercise,
            ..Settings::default()
        };
        for s in [&mut settings.tcp_echo, &mut settings.udp_echo] {
            s.bind = socklab::net::addr::BindChoice::Loopback;
            s.port = port;
            s.server = format!("127.0.0.1:{port}");
        }
        let mut harness = harness_for(settings);
        harness.get_by_label_contains("Start server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, &format!("listening on 127.0.0.1:{port}"));
        type_into(&mut harness, "Message", "hello there");
        harness.key_press(egui::Key::Enter);
        harness.run_steps(1);
        wait_for_label(&mut harness, "Conversation (1 reply)");
        type_into(&mut harness, "Message", "second");
        harness.get_by_label_contains("Send").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "Conversation (2 replies)");
        assert!(
            harness.query_all_by_label("second").count() >= 2,
            "sent and echoed"
        );
        // What was answered is counted, whether its session is still open or not.
        let (title, unit) = if tcp {
            ("Open sessions: 1", "1 session")
        } else {
            ("Clients heard from: 1", "1 client")
        };
        wait_for_label(
            &mut harness,
            &format!("{title} · 2 messages answered · {unit} since the start"),
        );
        if tcp {
            harness.get_by_label("Cookbook test").click();
            harness.run_steps(1);
            wait_for_label(&mut harness, "in 3 receives: [16, 16, 1]");
        }
        harness.get_by_label_contains("Stop server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "server stopped");
    }
}

#[test]
fn uppercase_form_shows_the_reply_in_capitals() {
    let port = free_port(true);
    let mut settings = Settings::default().tcp_upper;
    settings.bind = socklab::net::addr::BindChoice::Loopback;
    settings.port = port;
    settings.server = format!("127.0.0.1:{port}");
    let mut harness = panel_harness(EchoPanel::new(true, Service::Upper, settings));
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "listening on");
    type_into(&mut harness, "Message", "make me loud");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(1);
    wait_for_label(&mut harness, "MAKE ME LOUD");
}

#[test]
fn the_guess_form_counts_guesses_until_auto_play_wins() {
    let port = free_port(false);
    let mut g = Settings::default().udp_guess;
    g.bind = socklab::net::addr::BindChoice::Loopback;
    g.port = port;
    g.server = format!("127.0.0.1:{port}");
    g.random_secret = false;
    g.secret = 30;
    let mut harness = panel_harness(GuessPanel::new(g));
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "listening on");
    type_into(&mut harness, "Your guess", "10");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(1);
    wait_for_label(&mut harness, "Guesses: 1");
    assert!(harness.query_by_label("HIGHER").is_some());
    type_into(&mut harness, "Your guess", "ten");
    harness.get_by_label("Guess").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "NOT A NUMBER");
    // Answered, shown, and not counted: a word is no guess, and its row has no number.
    assert!(harness.query_by_label_contains("Guesses: 1").is_some());
    assert_eq!(
        harness.query_all_by_label("#1").count(),
        1,
        "one row numbered #1"
    );
    assert!(harness.query_by_label("–").is_some(), "the word's row");
    type_into(&mut harness, "Your guess", "20");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(1);
    wait_for_label(&mut harness, "Guesses: 2");
    harness.get_by_label("Auto-play").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "found it!");
    assert!(harness.query_by_label("CORRECT").is_some());
    let node = harness.get_by_label_contains("found it!");
    let counter = node
        .value()
        .or_else(|| node.accesskit_node().label())
        .unwrap_or_default();
    let guesses: usize = counter
        .trim_start_matches("Guesses: ")
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("cannot read {counter:?}"));
    assert!(
        (1..=7).contains(&guesses),
        "auto-play took {guesses} guesses"
    );
}

#[test]
fn an_incomplete_client_form_says_why_it_cannot_send() {
    let mut settings = AddSettings::default();
    settings.client.name = String::new();
    settings.client.number = "abc".into();
    let mut harness = panel_harness(AddPanel::new(true, settings));
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Enter a name").is_some());
    assert!(
        harness
            .query_by_label_contains("Enter a whole number")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Nothing to send until the form is right")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("Will send").is_none(),
        "no preview with a made-up number"
    );
    assert!(
        harness
            .get_by_label_contains("Send")
            .accesskit_node()
            .is_disabled()
    );
    type_into(&mut harness, "Client name", "Ana");
    harness.get_by_label("Client number").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label("Client number").type_text("42");
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Enter a name").is_none());
    assert!(
        harness
            .query_by_label_contains("Will send: \"Ana,42")
            .is_some()
    );
}

#[test]
fn a_port_held_by_another_exercise_is_named_with_a_button_to_stop_it() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpUpper,
        ..Settings::default()
    };
    settings.tcp_upper.port = port;
    settings.tcp_add.server.port = port;
    let mut harness = harness_for(settings);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 0.0.0.0:{port}"));
    harness.get_by_label("Add two numbers · TCP").click();
    harness.run_steps(2);
    let note = format!("Uppercase · TCP is running on port {port}");
    assert!(
        harness.query_by_label_contains(&note).is_some(),
        "the add page names the exercise that holds its port"
    );
    harness.get_by_label("Stop Uppercase · TCP").click();
    harness.run_steps(1);
    step_until(
        &mut harness,
        "the uppercase server did not stop",
        WAIT,
        |h| h.query_by_label_contains(&note).is_none(),
    );
    // The port is free again: the add server starts there.
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 0.0.0.0:{port}"));
    harness.get_by_label_contains("Stop server").click();
    harness.run_steps(2);
}

#[test]
fn the_guess_secret_is_hidden_until_show_secret_is_ticked() {
    let port = free_port(false);
    let mut settings = Settings::default().udp_guess;
    settings.port = port;
    settings.random_secret = false;
    settings.secret = 37;
    let mut harness = panel_harness(GuessPanel::new(settings));
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 0.0.0.0:{port}"));
    let student = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    student.set_read_timeout(Some(WAIT)).unwrap();
    student.send_to(b"50", ("127.0.0.1", port)).unwrap();
    let mut buf = [0u8; 64];
    let n = student.recv(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"LOWER");
    wait_for_label(&mut harness, "new game; the secret is hidden");
    assert!(harness.query_by_label_contains("secret is 37").is_none());
    harness.get_by_label("Show secret").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("new game; the secret is 37")
            .is_some()
    );
    harness.get_by_label_contains("Stop server").click();
    harness.run_steps(2);
}

#[test]
fn a_tcp_client_that_times_out_gets_a_tcp_hint_not_the_udp_one() {
    // A server that accepts and never answers, as a student's server waiting for a newline.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let holder = std::thread::spawn(move || listener.accept().map(|(s, _)| s));
    let mut settings = AddSettings::default();
    settings.client.server = address.clone();
    let mut harness = panel_harness(AddPanel::new(true, settings));
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    step_until(&mut harness, "no TCP hint", WAIT, |h| {
        h.query_all_by_label_contains("accepted the connection but sent nothing back")
            .next()
            .is_some()
    });
    assert!(
        harness
            .query_all_by_label_contains(&format!("no reply from {address} within 5 s"))
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("Over UDP")
            .next()
            .is_none()
    );
    drop(holder.join());
}

#[test]
fn a_file_transfer_is_summarised_in_one_row_with_all_its_bytes() {
    for (exercise, tcp) in [(ExerciseId::TcpFile, true), (ExerciseId::UdpFile, false)] {
        let shared = tempfile::tempdir().unwrap();
        let content: Vec<u8> = (0..200_000u32).map(|i| (i % 253) as u8).collect();
        std::fs::write(shared.path().join("lab.bin"), &content).unwrap();
        let out = tempfile::tempdir().unwrap();
        let save = out.path().join("copy.bin");
        let port = free_port(tcp);
        let mut settings = Settings {
            exercise,
            ..Settings::default()
        };
        for s in [&mut settings.tcp_file, &mut settings.udp_file] {
            s.root = shared.path().display().to_string();
            s.port = port;
            s.server = format!("127.0.0.1:{port}");
            s.remote = "lab.bin".into();
            s.save_as = String::new();
        }
        let mut harness = harness_for(settings);
        harness.get_by_label_contains("Start server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "Shared files (1)");
        // Enter in "Save as" downloads.
        type_into(&mut harness, "Save as", &save.display().to_string());
        harness.key_press(egui::Key::Enter);
        harness.run_steps(1);
        wait_for_label(&mut harness, "SHA-256");
        assert_eq!(std::fs::read(&save).unwrap(), content);

        // 200,000 bytes: 196 blocks of 1,024 (the last 320 B) or 98 datagrams of 2,048 (the
        // last 1,344 B).
        let (server_row, client_row) = if tcp {
            (
                "×196 · blocks of 1,024 B · last 320 B · 195.3 KiB in all",
                "195.3 KiB in all · 196 blocks of 1,024 B",
            )
        } else {
            (
                "×98 · datagrams of 2,048 B · last 1,344 B · 195.3 KiB in all",
                "×98 · 195.3 KiB in all",
            )
        };
        harness.get_all_by_label("Traffic").next().unwrap().click();
        harness.run_steps(2);
        harness.get_all_by_label("Traffic").nth(1).unwrap().click();
        harness.run_steps(3);
        assert!(
            harness.query_by_label(server_row).is_some(),
            "the server's inspector shows the transfer as one row: {:?}",
            harness.state_mut().traffic_rows(exercise, true)
        );
        assert!(
            harness.query_by_label(client_row).is_some(),
            "{:?}",
            harness.state_mut().traffic_rows(exercise, false)
        );
        let timeline = harness.state_mut().timeline_labels(exercise, false);
        let recv = if tcp { "recv()" } else { "recvfrom()" };
        assert_eq!(
            timeline.iter().filter(|l| l.starts_with(recv)).count(),
            1,
            "one arrow for the whole file: {timeline:?}"
        );
        // The connections table counts the file in the bytes sent.
        harness.get_by_label("Connections").click();
        harness.run_steps(3);
        assert!(
            harness.query_by_label("200,000 B").is_some(),
            "bytes out counted"
        );
        harness.get_by_label_contains("Stop server").click();
        harness.run_steps(2);
    }
}

/// Scrolls the widget labelled (containing) `label` into view and clicks it.
fn click_in_view<S>(harness: &mut Harness<'_, S>, label: &str) {
    let pick = |h: &Harness<'_, S>| {
        h.query_all_by_label_contains(label)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l == label || l.ends_with(label))
            })
            .is_some()
    };
    assert!(pick(harness), "no {label:?}");
    harness
        .query_all_by_label_contains(label)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == label || l.ends_with(label))
        })
        .unwrap()
        .scroll_to_me();
    harness.run_steps(3);
    harness
        .query_all_by_label_contains(label)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == label || l.ends_with(label))
        })
        .unwrap()
        .click();
    harness.run_steps(2);
}

/// The Check section of `exercise` alone, with no window around it, in a page that scrolls as
/// the window's does: the check's events are applied every frame, as the window applies them.
fn check_harness(exercise: socklab::check::Exercise) -> Harness<'static, CheckPanel> {
    let mut harness = Harness::builder()
        .with_size([1300.0, 1400.0])
        .build_ui_state(
            |ui, check: &mut CheckPanel| {
                check.poll();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| check.ui(ui, &None, None));
            },
            CheckPanel::new(exercise, std::sync::Arc::new(NativePicker), None),
        );
    harness.run_steps(2);
    harness
}

/// The window on Echo · TCP with its Check section set to check the handout's echo server
/// (tests/peers/check/echo_server.py) on `port`.
fn echo_check_harness(port: u16) -> Harness<'static, SocklabApp> {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpEcho,
        ..Settings::default()
    });
    {
        let check = harness
            .state_mut()
            .check_panel(ExerciseId::TcpEcho)
            .unwrap();
        check.program = peers_dir()
            .join("check/echo_server.py")
            .display()
            .to_string();
        check.interpreter = python();
        check.args = "tcp {port}".into();
        check.port = port;
        // The test program links socklab's library: socklab itself confines.
        check.launcher = Some(env!("CARGO_BIN_EXE_socklab").into());
    }
    harness
}

#[test]
fn the_check_section_grades_a_students_server() {
    let port = free_port(true);
    let mut harness = echo_check_harness(port);
    click_in_view(&mut harness, "Check a student's program");
    click_in_view(&mut harness, "Run checks");
    step_until(
        &mut harness,
        "the checks never finished",
        Duration::from_secs(60),
        |h| {
            h.query_all_by_label_contains("every required check passed")
                .next()
                .is_some()
        },
    );
    for line in [
        "PASS listens",
        "PASS echoes",
        "PASS session",
        "PASS stop-word",
    ] {
        assert!(
            harness.query_all_by_label_contains(line).next().is_some(),
            "{line} missing"
        );
    }
    // At 1024x640 and at 200% (512x320 points) every check is in its box, none cut off
    // under the box's handle.
    for size in [egui::vec2(1024.0, 640.0), egui::vec2(512.0, 320.0)] {
        harness.set_size(size);
        harness.run_steps(4);
        let handle = harness.get_by_label("Resize checks").rect();
        let last = harness
            .query_all_by_label_contains("PASS ")
            .chain(harness.query_all_by_label_contains("FAIL "))
            .map(|n| n.rect().bottom())
            .fold(f32::MIN, f32::max);
        let rows = harness.query_all_by_label_contains("PASS ").count();
        assert!(rows >= 6, "{size:?}: {rows} checks shown");
        assert!(
            last <= handle.top() + 1.0,
            "{size:?}: a check ends at {last}, under the box's handle at {}",
            handle.top()
        );
    }
    harness.set_size(egui::vec2(1300.0, 1400.0));
    harness.run_steps(4);
    // The program's own output, shown as it ran, each run under its command line.
    assert!(
        harness
            .query_all_by_label_contains("starting up echo server on port")
            .next()
            .is_some(),
        "the program's output is not shown"
    );
    assert!(
        harness
            .query_all_by_label_contains("echo_server.py tcp")
            .next()
            .is_some(),
        "the command of a run is not shown"
    );

    // Saved to a typed path (no file dialog needed): a Markdown report, and a page for .html.
    let out = tempfile::tempdir().unwrap();
    for name in ["report.md", "report.html"] {
        let path = out.path().join(name);
        click_in_view(&mut harness, "or save to");
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run_steps(1);
        harness
            .get_by_label("or save to")
            .type_text(&path.display().to_string());
        harness.run_steps(1);
        harness.query_all_by_label("Save").last().unwrap().click();
        step_until(
            &mut harness,
            &format!("{name} was never saved"),
            WAIT,
            |_| path.exists(),
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("listens"), "{name}: {text}");
        assert_eq!(
            name.ends_with(".html"),
            text.contains("<h1>socklab check"),
            "{name}"
        );
    }
    wait_for_label(&mut harness, "saved ");

    // The form is remembered with the window's settings, and Reset forgets it.
    let saved = harness.state().settings();
    let form = &saved.checks["tcp-echo"];
    assert_eq!((form.args.as_str(), form.port), ("tcp {port}", port));
    assert!(form.program.ends_with("echo_server.py"));
    let mut again = SocklabApp::with_settings(saved);
    assert_eq!(again.check_panel(ExerciseId::TcpEcho).unwrap().port, port);
    again.reset_settings();
    let reset = again.check_panel(ExerciseId::TcpEcho).unwrap();
    assert!(reset.program.is_empty() && reset.args == "{port}");
}

/// Stop, while a server that started a helper process is being checked: both are killed.
#[test]
fn stop_in_the_check_section_leaves_no_process_of_the_program() {
    let mut harness = check_harness(socklab::check::Exercise::TcpEcho);
    click_in_view(&mut harness, "Check a student's program");
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("helper.pid");
    {
        let check = harness.state_mut();
        check.interpreter = python();
        // The test program links socklab's library: socklab itself confines.
        check.launcher = Some(env!("CARGO_BIN_EXE_socklab").into());
        check.program = peers_dir()
            .join("check/forking_server.py")
            .display()
            .to_string();
        check.args = format!("{{port}} {}", pidfile.display());
        check.port = free_port(true);
        // Unconfined (the box unticked), so that the helper may write its pid outside its
        // folder: Stop's kill of the group is what is tested here.
        check.confine = false;
    }
    click_in_view(&mut harness, "Run checks");
    step_until(&mut harness, "the server never started", WAIT, |_| {
        pidfile.exists()
    });
    click_in_view(&mut harness, "⏹ Stop");
    step_until(
        &mut harness,
        "Stop did not end the check",
        Duration::from_secs(30),
        |h| !h.state().is_running(),
    );
    let pid = std::fs::read_to_string(&pidfile).unwrap();
    let deadline = Instant::now() + WAIT;
    loop {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).unwrap_or_default();
        if stat.is_empty() || stat.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "helper {pid} survived Stop: {stat}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_udp_echo_dropped_by_the_simulator_is_shown_as_dropped() {
    // 100% loss on what the window's client sends, seeded: the message never reaches the
    // server; the output and the counters say it was the simulator.
    let port = free_port(false);
    let mut settings = Settings {
        exercise: ExerciseId::UdpEcho,
        ..Settings::default()
    };
    let s = &mut settings.udp_echo;
    s.bind = socklab::net::addr::BindChoice::Loopback;
    s.port = port;
    s.server = format!("127.0.0.1:{port}");
    s.network.conditions.loss_pct = 100.0;
    s.network.fixed_seed = true;
    s.network.seed = 7;
    let mut harness = harness_for(settings);
    // The TCP exercise has no such section: TCP repairs loss itself.
    harness.state_mut().select(ExerciseId::TcpEcho);
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("Network conditions")
            .next()
            .is_none()
    );
    harness.state_mut().select(ExerciseId::UdpEcho);
    harness.run_steps(2);
    click_in_view(
        &mut harness,
        "Network conditions (simulated): 100% loss, seed 7",
    );
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 127.0.0.1:{port}"));
    type_into(&mut harness, "Message", "lost in the network");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(1);
    wait_for_label(
        &mut harness,
        "dropped by the simulator: sent, never delivered",
    );
    wait_for_label(
        &mut harness,
        "Client: 1 dropped, 0 duplicated, 0 reordered, 0 delayed",
    );
    assert!(
        harness
            .query_all_by_label_contains("Server: 0 dropped")
            .next()
            .is_some()
    );
    // The client's Traffic marks the datagram as dropped.
    let rows = harness.state_mut().traffic_rows(ExerciseId::UdpEcho, false);
    assert!(
        rows.iter().any(|r| r.contains("dropped by the simulator")),
        "{rows:#?}"
    );
}

#[test]
fn under_loss_only_tftp_saves_the_whole_file() {
    // The same file, the same simulated network (10% of what each side sends is lost), in
    // the window: the UDP lab transfer cannot see the holes; TFTP sends them again.
    let shared = tempfile::tempdir().unwrap();
    let content: Vec<u8> = (0..400_000u32).map(|i| (i * 13 % 251) as u8).collect();
    std::fs::write(shared.path().join("lab.bin"), &content).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut settings = Settings::default();
    for (s, name) in [
        (&mut settings.udp_file, "lab"),
        (&mut settings.tftp, "tftp"),
    ] {
        let port = free_port(false);
        s.root = shared.path().display().to_string();
        s.bind = socklab::net::addr::BindChoice::Loopback;
        s.port = port;
        s.server = format!("127.0.0.1:{port}");
        s.remote = "lab.bin".into();
        s.save_as = out.path().join(format!("{name}.bin")).display().to_string();
        s.network.conditions.loss_pct = 10.0;
        s.network.fixed_seed = true;
        s.network.seed = 3;
    }
    let mut harness = harness_for(settings);
    for (exercise, name) in [(ExerciseId::UdpFile, "lab"), (ExerciseId::Tftp, "tftp")] {
        harness.state_mut().select(exercise);
        harness.run_steps(2);
        harness.get_by_label_contains("Start server").click();
        harness.run_steps(1);
        step_until(
            &mut harness,
            &format!("{name}: the server never listened"),
            WAIT,
            |h| h.state().server_address(exercise).is_some(),
        );
        click_in_view(&mut harness, "Download");
        step_until(
            &mut harness,
            &format!("{name}: the download never ended"),
            Duration::from_secs(60),
            |h| h.query_by_label("SHA-256").is_some(),
        );
        let saved = std::fs::read(out.path().join(format!("{name}.bin"))).unwrap();
        if exercise == ExerciseId::Tftp {
            assert_eq!(saved, content, "TFTP delivers the whole file");
            // The timelines name the packets and mark what was sent again.
            let client = harness
                .state_mut()
                .timeline_labels(exercise, false)
                .join("\n");
            for step in ["OACK", "ACK 0", "DATA 1 (2048 B)", "ACK 1"] {
                assert!(client.contains(step), "{step} missing from\n{client}");
            }
            // The request went to the server's port; the transfer runs on a port of its own.
            let rows = harness.state_mut().traffic_rows(exercise, false).join("\n");
            assert!(rows.contains("RRQ \"lab.bin\""), "{rows}");
            let server = harness
                .state_mut()
                .timeline_labels(exercise, true)
                .join("\n");
            assert!(
                server.contains("· sent again"),
                "no resend shown in\n{server}"
            );
            assert!(
                harness
                    .query_all_by_label_contains("sent again")
                    .next()
                    .is_some(),
                "the progress counts resends"
            );
        } else {
            assert!(
                saved.len() < content.len(),
                "the lab transfer saved {} of {} bytes",
                saved.len(),
                content.len()
            );
        }
        // The simulator's counts come with the transfer's last line, after the file's report
        // (TFTP's client first waits out its dally, re-acknowledging a lost last block).
        step_until(
            &mut harness,
            &format!("{name}: the counters show the drops"),
            WAIT,
            |h| {
                h.query_all_by_label_contains("dropped, 0 duplicated")
                    .next()
                    .is_some()
            },
        );
        harness.get_by_label_contains("Stop server").click();
        harness.run_steps(2);
    }
}

#[test]
fn a_tftp_upload_from_the_window_lands_in_the_servers_folder() {
    let shared = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let source = out.path().join("report.pdf");
    let content: Vec<u8> = (0..50_000u32).map(|i| (i * 17 % 251) as u8).collect();
    std::fs::write(&source, &content).unwrap();
    let port = free_port(false);
    let mut settings = Settings {
        exercise: ExerciseId::Tftp,
        ..Settings::default()
    };
    let s = &mut settings.tftp;
    s.root = shared.path().display().to_string();
    s.bind = socklab::net::addr::BindChoice::Loopback;
    s.port = port;
    s.server = format!("127.0.0.1:{port}");
    s.remote = "handed-in.pdf".into();
    s.save_as = source.display().to_string();
    let mut harness = harness_for(settings);
    // A read-only server refuses the upload, and says why.
    harness.get_by_label("upload").click();
    harness.run_steps(1);
    assert!(harness.query_by_label("File to send").is_some());
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 127.0.0.1:{port}"));
    click_in_view(&mut harness, "⬆ Upload");
    wait_for_label(&mut harness, "uploads are not allowed on this server");
    assert!(!shared.path().join("handed-in.pdf").exists());
    // Accepting uploads (from the next start), the file arrives whole.
    harness.get_by_label_contains("Stop server").click();
    harness.run_steps(2);
    step_until(&mut harness, "the server never stopped", WAIT, |h| {
        h.query_all_by_label_contains("Start server")
            .next()
            .is_some()
    });
    harness.get_by_label("Accept uploads").click();
    harness.run_steps(1);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 127.0.0.1:{port}"));
    click_in_view(&mut harness, "⬆ Upload");
    wait_for_label(&mut harness, "uploaded \"handed-in.pdf\"");
    let saved = shared.path().join("handed-in.pdf");
    step_until(&mut harness, "the upload was never saved", WAIT, |_| {
        saved.exists()
    });
    assert_eq!(std::fs::read(&saved).unwrap(), content);
    assert!(harness.query_by_label("Sent").is_some(), "the result card");
    // The client sent the file: its progress says "sent", not "received".
    assert!(
        harness
            .query_all_by_label_contains("sent: 48.8 KiB · 25 blocks")
            .next()
            .is_some(),
        "the upload's progress"
    );
    // The client's Traffic says what each packet was: DATA 1 of 2048 bytes is a sendto of
    // 2,052 (the 4-byte header with it), not of the 64 bytes the log keeps of it.
    click_last_when_still(&mut harness, "Traffic");
    wait_for_label(&mut harness, "Search");
    // Only the rows in view are laid out: the search brings that packet's row into view.
    type_into(&mut harness, "Search", "DATA 1 (2048 B)");
    harness.run_steps(2);
    assert!(
        harness.query_all_by_label("2,052").next().is_some(),
        "no sendto of 2,052 bytes in the client's traffic"
    );
}

#[test]
fn a_udp_send_rate_above_the_default_is_warned_about() {
    let mut settings = Settings::default().udp_file;
    let warning = "a student's client with default buffers can lose datagrams";
    let picker = std::sync::Arc::new(NativePicker);
    let mut harness = panel_harness(FilePanel::new(false, settings.clone(), picker.clone()));
    assert!(
        harness
            .query_all_by_label_contains(warning)
            .next()
            .is_none(),
        "no warning at the default pace"
    );
    settings.rate_mib = 64;
    harness = panel_harness(FilePanel::new(false, settings, picker));
    assert!(
        harness
            .query_all_by_label_contains(warning)
            .next()
            .is_some(),
        "a warning at 64 MiB/s"
    );
}

#[test]
fn a_check_on_a_port_this_window_serves_stops_with_a_button_for_that_server() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpEcho,
        ..Settings::default()
    };
    settings.tcp_echo.port = port;
    let mut harness = harness_for(settings);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, &format!("listening on 0.0.0.0:{port}"));
    {
        let check = harness
            .state_mut()
            .check_panel(ExerciseId::TcpEcho)
            .unwrap();
        check.program = peers_dir()
            .join("check/echo_server.py")
            .display()
            .to_string();
        check.interpreter = python();
        check.args = "tcp {port}".into();
        check.port = port;
        // The test program links socklab's library: socklab itself confines.
        check.launcher = Some(env!("CARGO_BIN_EXE_socklab").into());
    }
    click_in_view(&mut harness, "Check a student's program");
    click_in_view(&mut harness, "Run checks");
    let busy = format!("port {port} is already in use by socklab itself");
    step_until(&mut harness, "no word of the held port", WAIT, |h| {
        h.query_all_by_label_contains(&busy).next().is_some()
    });
    assert!(
        harness.query_all_by_label_contains("PASS").next().is_none(),
        "socklab's own server was graded"
    );
    click_in_view(&mut harness, "Stop Echo · TCP");
    let listening = format!("listening on 0.0.0.0:{port}");
    step_until(&mut harness, "the echo server did not stop", WAIT, |h| {
        h.query_all_by_label_contains(&listening).next().is_none()
    });
    // The port is the student's now.
    click_in_view(&mut harness, "Run checks");
    step_until(
        &mut harness,
        "the student's server was not checked",
        Duration::from_secs(60),
        |h| {
            h.query_all_by_label_contains("PASS listens")
                .next()
                .is_some()
        },
    );
    click_in_view(&mut harness, "Stop");
}

#[test]
fn the_check_section_grades_a_folder_of_submissions_as_it_goes() {
    let class = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(peers_dir().join("check/echo_server.py")).unwrap();
    let newline = source.replace(
        "mistake = sys.argv[3] if len(sys.argv) > 3 else \"\"",
        "mistake = \"eof\"",
    );
    for (student, body) in [("ana", &source), ("bea", &newline), ("carl", &source)] {
        std::fs::create_dir(class.path().join(student)).unwrap();
        std::fs::write(class.path().join(student).join("EchoServer.py"), body).unwrap();
    }
    let mut harness = check_harness(socklab::check::Exercise::TcpEcho);
    {
        let check = harness.state_mut();
        check.class_mode = true;
        check.class_folder = class.path().display().to_string();
        check.class_pattern = "*/EchoServer.py".into();
        check.interpreter = python();
        check.args = "tcp {port}".into();
        check.port = free_port(true);
        check.launcher = Some(env!("CARGO_BIN_EXE_socklab").into());
    }
    click_in_view(&mut harness, "Check a student's program");
    click_in_view(&mut harness, "Run checks");
    step_until(
        &mut harness,
        "the class was never graded",
        Duration::from_secs(120),
        |h| {
            h.query_all_by_label_contains("3 of 3 submissions checked")
                .next()
                .is_some()
        },
    );
    let rows = harness.state().class_rows().to_vec();
    let score = |student: &str| {
        rows.iter()
            .find(|(f, _, _)| f.contains(&format!("/{student}/")))
            .and_then(|(_, r, _)| r.as_ref())
            .map(|r| r.score())
    };
    assert_eq!((score("ana"), score("carl")), (Some(100.0), Some(100.0)));
    assert!(score("bea").is_some_and(|s| s < 100.0));
    // The table shows each submission and its verdicts.
    for text in ["bea/EchoServer.py", "echoes fail", "100%"] {
        assert!(
            harness.query_all_by_label_contains(text).next().is_some(),
            "{text:?} is not shown"
        );
    }
    assert!(harness.query_by_label("Save class report…").is_some());
}

/// The packets of a pcapng file and the TCP payload they carry, read back with pcap-file.
fn capture_payload(path: &std::path::Path) -> (usize, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    let mut reader = pcap_file::pcapng::PcapNgReader::new(&bytes[..]).unwrap();
    let (mut packets, mut payload) = (0, Vec::new());
    while let Some(block) = reader.next_block() {
        if let Some(p) = block.unwrap().into_enhanced_packet() {
            packets += 1;
            let parsed = etherparse::SlicedPacket::from_ip(&p.data).unwrap();
            if let Some(etherparse::TransportSlice::Tcp(t)) = parsed.transport {
                payload.extend_from_slice(t.payload());
            }
        }
    }
    (packets, payload)
}

#[test]
fn save_capture_writes_what_the_traffic_tab_shows_through_the_dialog_or_a_typed_path() {
    let config = ServerConfig {
        conditions: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        max_connections: socklab::net::MAX_CONNECTIONS,
        name: "Server of Kit".into(),
        number: 57,
        stop_on_out_of_range: true,
    };
    let server = start("gui capture server", true, move |r, s| {
        add::run_tcp_server(config, r, s)
    });
    let out = tempfile::tempdir().unwrap();
    let picked = out.path().join("picked.pcapng");
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    };
    settings.tcp_add.client.server = server.addr();
    settings.tcp_add.client.name = "Client of Ana".into();
    settings.tcp_add.client.number = "42".into();
    let picker = std::sync::Arc::new(FakePicker {
        folder: out.path().to_path_buf(),
        save: picked.clone(),
    });
    let mut harness = Harness::builder()
        .with_size([1300.0, 1100.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_picker(settings, picker),
        );
    harness.run_steps(2);
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "42 + 57");
    // The client's Traffic tab (the second: the server's comes first).
    click_last_when_still(&mut harness, "Traffic");
    wait_for_label(&mut harness, "Capture: 10 packets");
    harness.get_by_label("Save capture…").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "Saved 10 packets");
    let (packets, payload) = capture_payload(&picked);
    assert_eq!(
        packets, 10,
        "handshake, request and reply with their ACKs, FINs"
    );
    let text = String::from_utf8_lossy(&payload);
    assert!(text.contains("Client of Ana"), "{text}");
    assert!(text.contains("Server of Kit"), "{text}");
    // Without a dialog: a typed path (a folder gets socklab.pcapng in it).
    harness.get_by_label("or to").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_by_label("or to")
        .type_text(&out.path().display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    wait_for_label(&mut harness, "Saved 10 packets");
    assert_eq!(capture_payload(&out.path().join("socklab.pcapng")).0, 10);
    // The inspector's rows, as CSV, to the same folder.
    harness.get_by_label("Save as CSV").click();
    harness.run_steps(2);
    wait_for_label(&mut harness, "Saved 5 rows");
    let csv = std::fs::read_to_string(out.path().join("traffic.csv")).unwrap();
    assert!(csv.contains(",send,") && csv.contains(",recv,"), "{csv}");
    // A path that cannot be written says why, and leaves nothing behind.
    harness.get_by_label("or to").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    let missing = out.path().join("no-such-folder").join("x.pcapng");
    harness
        .get_by_label("or to")
        .type_text(&missing.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    wait_for_label(&mut harness, "Cannot save");
    assert!(!missing.exists());
    server.handle.stop();
    server.finish();
}

/// Types `text` one character a frame, as a person does.
fn type_slowly(harness: &mut Harness<'_, SocklabApp>, label: &str, text: &str) {
    for c in text.chars() {
        harness.get_by_label(label).type_text(&c.to_string());
        harness.run_steps(2);
    }
}

#[test]
fn typing_a_port_while_a_banner_goes_keeps_every_digit() {
    // Uppercase · TCP's server on a port; the Add page with the same port shows the banner.
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpUpper,
        ..Settings::default()
    };
    settings.tcp_upper.port = port;
    settings.tcp_add.server.port = port;
    let mut harness = Harness::builder()
        .with_size([1024.0, 900.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(settings),
        );
    harness.run_steps(2);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "listening on");
    harness.get_by_label("Add two numbers · TCP").click();
    harness.run_steps(2);
    wait_for_label(&mut harness, &format!("is running on port {port}"));
    harness.get_by_label("Port").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    // The first digit makes the banner go (the port is free now): every digit still lands.
    let wanted = free_port(true).to_string();
    type_slowly(&mut harness, "Port", &wanted);
    assert_eq!(
        harness.get_by_label("Port").value().as_deref(),
        Some(&*wanted)
    );
    assert!(
        harness
            .query_by_label_contains("is running on port")
            .is_none()
    );
}

/// Not a number, out of range, empty: said under the field, and the port is kept: the server
/// starts on the last port typed within range.
#[test]
fn a_bad_port_is_explained_while_the_last_good_one_stays() {
    let mut harness = Harness::builder()
        .with_size([1024.0, 900.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(Settings {
                exercise: ExerciseId::TcpAdd,
                ..Settings::default()
            }),
        );
    harness.run_steps(2);
    harness.get_by_label("Port").click();
    harness.run_steps(1);
    for (typed, said) in [
        ("abc", "\"abc\" is not a number: type 1 to 65535"),
        ("99999", "99999 is out of range: 1 to 65535"),
        ("-1", "-1 is out of range: 1 to 65535"),
        ("", "type a number from 1 to 65535"),
    ] {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run_steps(1);
        harness.key_press(egui::Key::Backspace);
        harness.run_steps(1);
        type_slowly(&mut harness, "Port", typed);
        assert!(
            harness.query_by_label(said).is_some(),
            "{typed:?}: no {said:?}"
        );
    }
    // The last port typed within range is what the server starts on: 9999, typed on the way
    // to 99999 (a field applies a good number as it is typed).
    let wanted: u16 = 9999;
    harness.key_press(egui::Key::Tab);
    harness.run_steps(1);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "Stop server");
    step_until(
        &mut harness,
        &format!("nothing listens on {wanted}"),
        WAIT,
        |_| std::net::TcpStream::connect(("127.0.0.1", wanted)).is_ok(),
    );
}

#[test]
fn a_stopped_server_ends_the_client_that_talked_to_it() {
    for (exercise, tcp) in [(ExerciseId::UdpUpper, false), (ExerciseId::TcpUpper, true)] {
        let port = free_port(tcp);
        let mut settings = Settings {
            exercise,
            ..Settings::default()
        };
        for s in [&mut settings.tcp_upper, &mut settings.udp_upper] {
            s.bind = socklab::net::addr::BindChoice::Loopback;
            s.port = port;
            s.server = format!("127.0.0.1:{port}");
        }
        let mut harness = harness_for(settings);
        harness.get_by_label_contains("Start server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "listening on");
        type_into(&mut harness, "Message", "still there?");
        harness.key_press(egui::Key::Enter);
        harness.run_steps(1);
        wait_for_label(&mut harness, "STILL THERE?");
        wait_for_label(&mut harness, &format!("talking to 127.0.0.1:{port}"));
        harness.get_by_label_contains("Stop server").click();
        harness.run_steps(1);
        wait_for_label(&mut harness, "server stopped");
        // The client says why it ended, and no longer claims to be talking to anyone.
        wait_for_label(
            &mut harness,
            &format!("ended: the server it talked to (127.0.0.1:{port}) stopped"),
        );
        assert!(
            !harness.query_all_by_label_contains("talking to").any(|n| n
                .accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("talking to"))),
            "tcp={tcp}: the status still says talking to"
        );
    }
}

#[test]
fn ctrl_1_focuses_the_server_form_ctrl_2_the_client_form() {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    });
    let focused = |harness: &Harness<'_, SocklabApp>, label: &str| {
        harness.get_by_label(label).accesskit_node().is_focused()
    };
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run_steps(2);
    assert!(focused(&harness, "Server address"), "Ctrl+2: the client");
    // Tab goes on inside the client form.
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(focused(&harness, "Client name"), "Tab after the address");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run_steps(2);
    assert!(focused(&harness, "Port"), "Ctrl+1: the server");
}

#[test]
fn ctrl_down_selects_the_next_exercise_ctrl_up_the_one_before() {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    });
    // Ctrl+Down: the next exercise.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().settings().exercise, ExerciseId::UdpAdd);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowUp);
    harness.run_steps(2);
    assert_eq!(harness.state().settings().exercise, ExerciseId::TcpAdd);
}

#[test]
fn the_first_tab_lands_in_a_form_never_on_the_exercise_list() {
    let mut fresh = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    });
    fresh.key_press(egui::Key::Tab);
    fresh.run_steps(2);
    for info in socklab::gui::exercises::EXERCISES {
        let name = format!("{} · {}", info.title(), info.transport);
        let node = fresh.query_all_by_label_contains(&name).next();
        assert!(
            !node.is_some_and(|n| n.accesskit_node().is_focused()),
            "{name} took the focus"
        );
    }
}

/// The Check section's language presets: choosing C hides the interpreter, fills the build
/// command, and the check builds the student's C server in its folder's copy and grades it.
#[test]
fn a_language_preset_fills_in_how_to_build_or_run_the_program() {
    if which("gcc").is_none() {
        say("skipped: gcc is not installed");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let source = folder.path().join("echo_server.c");
    std::fs::copy(peers_dir().join("lang/echo_server.c"), &source).unwrap();
    let mut harness = check_harness(socklab::check::Exercise::TcpEcho);
    {
        let check = harness.state_mut();
        check.program = source.display().to_string();
        check.args = "{port}".into();
        check.port = free_port(true);
        check.launcher = Some(env!("CARGO_BIN_EXE_socklab").into());
    }
    click_in_view(&mut harness, "Check a student's program");
    for language in ["Python", "Java", "C", "C++", "Node.js", "Go", "any command"] {
        assert!(
            harness.query_all_by_label(language).next().is_some(),
            "no {language} preset"
        );
    }
    assert!(harness.query_all_by_label("Interpreter").next().is_some());
    harness.query_all_by_label("C").next().unwrap().click();
    harness.run_steps(3);
    {
        let check = harness.state_mut();
        assert_eq!(check.build, "gcc -Wall -o program {file}");
    }
    assert!(
        harness.query_all_by_label("Interpreter").next().is_none(),
        "a compiled program has no interpreter"
    );
    assert!(harness.query_all_by_label("Build").next().is_some());
    click_in_view(&mut harness, "Run checks");
    step_until(
        &mut harness,
        "the checks never finished",
        Duration::from_secs(90),
        |h| {
            h.query_all_by_label_contains("every required check passed")
                .next()
                .is_some()
        },
    );
    for line in ["PASS builds", "PASS listens", "PASS echoes"] {
        assert!(
            harness.query_all_by_label_contains(line).next().is_some(),
            "{line} missing"
        );
    }
    // Java: the interpreter is java and there is nothing to build.
    harness.query_all_by_label("Java").next().unwrap().click();
    harness.run_steps(3);
    let check = harness.state();
    assert_eq!(check.interpreter, "java");
    assert!(check.build.is_empty());
}

/// Ctrl+plus steps the Size box up through its sizes, Ctrl+minus down, Ctrl+0 back to 100%:
/// the box always says the size the window has.
#[test]
fn the_zoom_keys_step_the_size_shown_in_the_size_box() {
    let mut harness = harness_for(Settings::default());
    // The box's accessible value is the size it shows.
    let size_shown = |h: &Harness<'_, SocklabApp>| {
        h.query_all_by_label("Size")
            .find_map(|n| n.value())
            .unwrap_or_default()
    };
    assert_eq!(size_shown(&harness), "100%");
    for _ in 0..7 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
        harness.run_steps(2);
    }
    assert_eq!(size_shown(&harness), "200%");
    assert_eq!(harness.ctx.zoom_factor(), 2.0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run_steps(2);
    assert_eq!(size_shown(&harness), "175%");
    assert_eq!(harness.ctx.zoom_factor(), 1.75);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run_steps(2);
    assert_eq!(size_shown(&harness), "100%");
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
}

/// A client checked from the window: each check's line keeps its id apart from its title, and
/// its evidence shows what socklab typed into the program.
#[test]
fn a_checked_clients_evidence_shows_what_was_typed() {
    let mut harness = check_harness(socklab::check::Exercise::TcpAdd);
    {
        let check = harness.state_mut();
        check.server = false;
        check.program = peers_dir()
            .join("check/add_client.py")
            .display()
            .to_string();
        check.interpreter = python();
        check.args = "tcp {host} {port}".into();
        check.port = free_port(true);
        check.launcher = Some(env!("CARGO_BIN_EXE_socklab").into());
    }
    click_in_view(&mut harness, "Check a student's program");
    click_in_view(&mut harness, "Run checks");
    step_until(
        &mut harness,
        "the checks never finished",
        Duration::from_secs(90),
        |h| {
            h.query_all_by_label_contains("every required check passed")
                .next()
                .is_some()
        },
    );
    assert!(
        harness
            .query_all_by_label_contains("PASS sends · sends a name and a number")
            .next()
            .is_some(),
        "the id and the title apart"
    );
    let line = "PASS sends · sends a name and a number";
    harness
        .query_all_by_label_contains(line)
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run_steps(3);
    harness
        .query_all_by_label_contains(line)
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    // One line: what was typed, in order, each with when ("typed: "Ana" at 0.2 s, "37" at
    // 0.3 s").
    let text = |n: &egui_kittest::Node<'_>| {
        let node = n.accesskit_node();
        format!(
            "{} {}",
            node.label().unwrap_or_default(),
            node.value().unwrap_or_default()
        )
    };
    assert!(
        harness
            .query_all_by_label_contains("typed: \"Ana\" at ")
            .any(|n| text(&n).contains("\"37\" at ")),
        "no typed line"
    );
}

/// Projector mode: F11 (or its button) hides the exercise list and the page takes the width;
/// the page's "☰ Exercises" button (or F11 again) brings the list back.
#[test]
fn projector_mode_gives_the_exercise_lists_width_to_the_page() {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpEcho,
        zoom: 2.0,
        ..Settings::default()
    });
    harness.set_size(egui::vec2(1024.0, 640.0));
    harness.run_steps(3);
    let list = |h: &Harness<'_, SocklabApp>| h.query_all_by_label("Guess the number · UDP").count();
    // The page's heading: the rightmost "Echo · TCP" (the list has one too).
    let heading = |h: &Harness<'_, SocklabApp>| {
        h.query_all_by_label("Echo · TCP")
            .map(|n| n.rect().left())
            .fold(f32::MIN, f32::max)
    };
    assert_eq!(list(&harness), 1, "the list is there");
    let left_before = heading(&harness);
    harness.key_press(egui::Key::F11);
    harness.run_steps(3);
    assert_eq!(list(&harness), 0, "F11 hides the list");
    assert!(
        heading(&harness) < left_before - 50.0,
        "the page moved left into the list's room: {} then {}",
        left_before,
        heading(&harness)
    );
    harness.get_by_label("☰ Exercises").click();
    harness.run_steps(3);
    assert_eq!(list(&harness), 1, "the button brings it back");
    harness.get_by_label("Projector mode").click();
    harness.run_steps(3);
    assert_eq!(list(&harness), 0, "the side's button hides it");
    assert!(
        harness.state().settings().projector,
        "kept with the settings"
    );
    harness.key_press(egui::Key::F11);
    harness.run_steps(3);
    assert_eq!(list(&harness), 1);
}

/// A desktop without file dialogs (the picker answers nothing at once).
struct NoDialogs;

impl socklab::gui::dialogs::FilePicker for NoDialogs {
    fn pick_folder(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_file(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn save_file(&self, _suggested_name: &str) -> Option<std::path::PathBuf> {
        None
    }
}

/// The server's capture, on a desktop without file dialogs: Save capture… says so; then a
/// typed name without an extension is saved as NAME.pcapng, and the window says where, in
/// place of the old line about the dialog.
#[test]
fn a_capture_saved_to_a_typed_name_gets_the_pcapng_extension() {
    let out = tempfile::tempdir().unwrap();
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    };
    let port = free_port(true);
    settings.tcp_add.server.port = port;
    settings.tcp_add.client.server = format!("127.0.0.1:{port}");
    let mut harness = Harness::builder()
        .with_size([1300.0, 1100.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_picker(settings, std::sync::Arc::new(NoDialogs)),
        );
    harness.run_steps(2);
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    wait_for_label(&mut harness, "listening");
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "Sum");
    // The server's Traffic tab comes first.
    harness
        .query_all_by_label("Traffic")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    step_until(&mut harness, "no Save capture…", WAIT, |h| {
        h.query_all_by_label("Save capture…").next().is_some()
    });
    harness
        .query_all_by_label("Save capture…")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    wait_for_label(&mut harness, "No file dialog is available");
    let typed = out.path().join("lab2-server");
    let field = harness.query_all_by_label("or to").next().unwrap();
    field.click();
    harness.run_steps(1);
    harness
        .query_all_by_label("or to")
        .next()
        .unwrap()
        .type_text(&typed.display().to_string());
    harness.run_steps(1);
    harness.query_all_by_label("Save").next().unwrap().click();
    harness.run_steps(2);
    wait_for_label(&mut harness, "Saved ");
    let saved = out.path().join("lab2-server.pcapng");
    assert!(saved.exists(), "{saved:?}");
    assert!(!typed.exists());
    assert!(
        harness
            .query_all_by_label_contains("No file dialog is available")
            .next()
            .is_none(),
        "the old line about the dialog is gone"
    );
}

/// The server's throughput chart of a UDP transfer that is over says so ("(ended)") rather
/// than standing as if the transfer went on.
#[test]
fn the_servers_chart_of_a_finished_udp_transfer_says_it_ended() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("slides.pdf"), vec![7u8; 1_500_000]).unwrap();
    let out = tempfile::tempdir().unwrap();
    let port = free_port(false);
    let mut settings = Settings {
        exercise: ExerciseId::UdpFile,
        ..Settings::default()
    };
    let s = &mut settings.udp_file;
    s.root = shared.path().display().to_string();
    s.bind = socklab::net::addr::BindChoice::Loopback;
    s.port = port;
    s.server = format!("127.0.0.1:{port}");
    s.remote = "slides.pdf".into();
    s.save_as = out.path().join("slides.pdf").display().to_string();
    // 1 MiB/s: a transfer of about 1.4 s, several progress reports.
    s.rate_mib = 1;
    let mut harness = harness_for(settings);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "Shared files (1)");
    harness.get_by_label_contains("Download").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "Throughput to 127.0.0.1:");
    wait_for_label(&mut harness, "SHA-256");
    wait_for_label(
        &mut harness,
        "Throughput of the last transfer, to 127.0.0.1:",
    );
    assert!(
        harness
            .query_all_by_label_contains("(ended)")
            .next()
            .is_some()
    );
    harness.get_by_label_contains("Stop server").click();
    harness.run_steps(1);
}

/// The handout's shutdown from the client form: 150 is sent, with the warning beside Send, and
/// the window's own server (which follows the lab rule) stops.
#[test]
fn an_out_of_range_number_from_the_client_form_stops_the_lab_server() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    };
    settings.tcp_add.server.port = port;
    settings.tcp_add.client.server = format!("127.0.0.1:{port}");
    settings.tcp_add.client.number = "150".into();
    let mut harness = harness_for(settings);
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    wait_for_label(&mut harness, "listening");
    assert!(
        harness
            .query_by_label_contains("150 is outside 1 to 100")
            .is_some()
    );
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "stopping the server");
    wait_for_label(&mut harness, "without replying");
}

/// A label that is a clock time of the Output pane (`14:03:27.512`).
fn is_clock(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 12
        && b[2] == b':'
        && b[5] == b':'
        && b[8] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| [2, 5, 8].contains(&i) || c.is_ascii_digit())
}

/// Output lines show their message first: at 1024x640 and 200% the time and the peer give way
/// (the message would be cut after them), at 1300 points and 100% the time is back; the add
/// result line leads with the sum.
#[test]
fn output_lines_keep_their_message_in_view_as_the_pane_narrows() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        zoom: 2.0,
        ..Settings::default()
    };
    settings.tcp_add.server.port = port;
    settings.tcp_add.client.server = format!("127.0.0.1:{port}");
    settings.tcp_add.client.name = "Maria".into();
    let mut harness = harness_for(settings);
    harness.set_size(egui::vec2(1024.0, 640.0));
    harness.run_steps(3);
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    wait_for_label(&mut harness, "listening");
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "sum ");
    let clocks = |h: &Harness<'_, SocklabApp>| {
        h.query_all_by(|n| {
            is_clock(&n.label().unwrap_or_default()) || is_clock(&n.value().unwrap_or_default())
        })
        .count()
    };
    assert_eq!(
        clocks(&harness),
        0,
        "no room for the time at 200% in 1024x640"
    );
    // The sum leads the result line, in the pane's view.
    let line = harness
        .query_all_by_label_contains("sum ")
        .find(|n| {
            n.accesskit_node()
                .value()
                .unwrap_or_default()
                .contains("(Maria)")
        })
        .map(|n| n.rect());
    assert!(line.is_some_and(|r| r.left() < 1024.0 / 2.0), "{line:?}");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.set_size(egui::vec2(1300.0, 1400.0));
    harness.run_steps(4);
    assert!(clocks(&harness) > 0, "the time is back where there is room");
}

/// At 1024x640 and 200% the Traffic inspector is down to the call with its bytes and the data:
/// the data starts about 100 points in (after time, call and bytes it started 240 in, and
/// showed some ten characters).
#[test]
fn the_traffic_data_column_has_the_room_at_projector_size() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        zoom: 2.0,
        ..Settings::default()
    };
    settings.tcp_add.server.port = port;
    settings.tcp_add.client.server = format!("127.0.0.1:{port}");
    let mut harness = harness_for(settings);
    harness.set_size(egui::vec2(1024.0, 640.0));
    harness.run_steps(3);
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    wait_for_label(&mut harness, "listening");
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "sum ");
    click_last_when_still(&mut harness, "Traffic");
    harness.run_steps(3);
    let call = harness
        .query_all_by_label("call, bytes")
        .last()
        .map(|n| n.rect())
        .expect("the call and its bytes in one column");
    let data = harness
        .query_all_by_label("data")
        .last()
        .map(|n| n.rect())
        .expect("a data column");
    assert!(
        data.left() - call.left() <= 110.0,
        "the data starts {} points after the call",
        data.left() - call.left()
    );
    assert!(harness.query_all_by_label("time").next().is_none());
}

/// New Output lines of a pane below the window (a page taller than the window) are announced
/// at the window's bottom; the notice's click brings the pane into view, and then it goes.
#[test]
fn new_output_below_the_window_is_one_click_away() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("notes.txt"), "Lab-02\n").unwrap();
    let port = free_port(false);
    let mut settings = Settings {
        exercise: ExerciseId::UdpFile,
        ..Settings::default()
    };
    let s = &mut settings.udp_file;
    s.root = shared.path().display().to_string();
    s.bind = socklab::net::addr::BindChoice::Loopback;
    s.port = port;
    s.server = format!("127.0.0.1:{port}");
    s.remote = "nope.txt".into();
    s.save_as = shared.path().join("copy.txt").display().to_string();
    let mut harness = harness_for(settings);
    // A short window: the server's Output is below it.
    harness.set_size(egui::vec2(1024.0, 360.0));
    harness.run_steps(3);
    harness.key_press(egui::Key::F5);
    harness.run_steps(3);
    // The window, as the accessibility tree measures it.
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 360.0));
    // The download of a missing file, as a student's client would ask for it.
    let mut client = std::process::Command::new(env!("CARGO_BIN_EXE_socklab"));
    client.args(["udp-file", "client", &format!("127.0.0.1:{port}:nope.txt")]);
    client.arg(shared.path().join("x.txt"));
    let _ = wait_output(piped(client).spawn().unwrap(), WAIT);
    wait_for_label(&mut harness, "in the server Output: show");
    let in_view_now = harness
        .query_all_by_label_contains("nope.txt")
        .any(|n| window.intersects(n.rect()));
    assert!(!in_view_now, "the server's Output was below the window");
    harness
        .query_all_by_label_contains("in the server Output: show")
        .next()
        .unwrap()
        .click();
    // The page scrolls there (an animation of a few frames).
    let in_view = |h: &Harness<'_, SocklabApp>| {
        h.query_all_by_label_contains("nope.txt")
            .map(|n| n.rect())
            .find(|r| window.intersects(*r))
    };
    step_until(
        &mut harness,
        "the server's line about nope.txt is not in view",
        Duration::from_secs(3),
        |h| in_view(h).is_some(),
    );
    assert!(
        harness
            .query_all_by_label_contains("in the server Output: show")
            .next()
            .is_none(),
        "the notice goes once the pane is in view"
    );
}

/// Run checks does not make the page jump: the checklist's first line stays where it appeared
/// when the run ends (the summary and the confinement come under the checklist).
#[test]
fn the_checklist_stays_in_place_when_the_run_ends() {
    let mut harness = echo_check_harness(free_port(true));
    click_in_view(&mut harness, "Check a student's program");
    click_in_view(&mut harness, "Run checks");
    let first = |h: &Harness<'_, SocklabApp>| {
        h.query_all_by_label_contains("PASS listens ·")
            .next()
            .map(|n| n.rect().top())
    };
    step_until(
        &mut harness,
        "no first check",
        Duration::from_secs(60),
        |h| first(h).is_some(),
    );
    let during = first(&harness).unwrap();
    wait_for_label(&mut harness, "every required check passed");
    harness.run_steps(2);
    let after = first(&harness).unwrap();
    assert!(
        (after - during).abs() <= 1.0,
        "the checklist moved from {during} to {after}"
    );
}

/// One client program that connects three times is one name with three connections, every
/// port listed; the Connections table names each connection by the name its client sent.
#[test]
fn three_connections_of_one_client_are_counted_under_its_name() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    };
    settings.tcp_add.server.port = port;
    let mut harness = harness_for(settings);
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    wait_for_label(&mut harness, "listening");
    let mut ports = Vec::new();
    for _ in 0..3 {
        let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        c.set_read_timeout(Some(WAIT)).unwrap();
        ports.push(c.local_addr().unwrap().port());
        std::io::Write::write_all(&mut c, b"Rui,12").unwrap();
        let mut reply = [0u8; 256];
        let _ = std::io::Read::read(&mut c, &mut reply);
    }
    wait_for_label(&mut harness, "1 name, 3 connections, 3 requests");
    for p in &ports {
        assert!(
            harness
                .query_all_by_label_contains(&p.to_string())
                .next()
                .is_some(),
            "port {p} is listed"
        );
    }
    // The server's Connections tab.
    harness
        .query_all_by_label("Connections")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .query_all_by_label_contains(&format!("{} · Rui", ports[0]))
            .next()
            .is_some(),
        "the connection is named by its client's name"
    );
}

/// Greyed-out fields keep three quarters of their colour in the light theme (egui's half was
/// faint on a projector).
#[test]
fn greyed_out_fields_stay_readable_in_the_light_theme() {
    let mut harness = harness_for(Settings {
        theme: socklab::gui::app::Theme::Light,
        ..Settings::default()
    });
    harness.run_steps(2);
    let alpha = harness
        .ctx
        .style_of(egui::Theme::Light)
        .visuals
        .disabled_alpha;
    assert_eq!(alpha, socklab::gui::app::LIGHT_DISABLED_ALPHA);
    assert!(alpha >= 0.75, "{alpha}");
}

/// The Language menu redraws the window in the language picked, at once, and keeps it with
/// the settings.
#[test]
fn the_language_menu_redraws_the_window_in_portuguese() {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        language: Some(Lang::EnUs),
        ..Settings::default()
    });
    assert!(harness.query_by_label("Theme").is_some());
    assert!(
        harness
            .query_all_by_label_contains("Add two numbers")
            .next()
            .is_some()
    );
    harness.get_by_label("Language").click();
    harness.run_steps(2);
    harness.get_by_label("Português (Portugal)").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Tema").is_some());
    assert!(harness.query_by_label("Theme").is_none());
    assert!(harness.query_by_label("Tamanho").is_some());
    assert!(
        harness
            .query_all_by_label_contains("Somar dois números")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("Add two numbers")
            .next()
            .is_none()
    );
    assert_eq!(harness.state().settings().language, Some(Lang::PtPt));
}

/// True when some widget's label is exactly `label`.
fn shows(harness: &Harness<'_, SocklabApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// A window speaking Portuguese of Portugal says its Check section (header, form, buttons) and
/// its Output views (tabs, controls, status) in Portuguese, none of it in English.
#[test]
fn the_check_section_and_the_output_speak_portuguese() {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        language: Some(Lang::PtPt),
        ..Settings::default()
    });
    // The Output views under each form: tabs, controls, line count, status.
    for label in [
        "Saída",
        "Tráfego",
        "Cronologia",
        "Ligações",
        "Mostrar hex",
        "Limpar",
    ] {
        assert!(shows(&harness, label), "no {label:?}");
    }
    assert!(shows(&harness, "0 linhas"));
    assert!(shows(&harness, "Parado"), "the server's status");
    for english in [
        "Output",
        "Traffic",
        "Show hex",
        "Clear",
        "0 lines",
        "Not running",
    ] {
        assert!(!shows(&harness, english), "{english:?} still in English");
    }
    // The Check section, opened.
    click_in_view(&mut harness, "Verificar o programa de um aluno");
    harness.run_steps(2);
    for label in [
        "O programa é o",
        "servidor",
        "cliente",
        "um programa",
        "uma pasta de entregas",
        "Programa",
        "Escolher programa…",
        "Linguagem",
        "qualquer comando",
        "Interpretador",
        "Argumentos",
        "Porta",
        "Confinar o programa",
        "▶ Executar verificações",
        "⏹ Parar",
        "Guardar relatório…",
    ] {
        assert!(shows(&harness, label), "no {label:?} in the Check section");
    }
    for english in [
        "Run checks",
        "▶ Run checks",
        "Save report…",
        "Confine the program",
    ] {
        assert!(!shows(&harness, english), "{english:?} still in English");
    }
    // A folder of submissions: its own fields.
    click_in_view(&mut harness, "uma pasta de entregas");
    for label in ["Pasta das entregas", "Escolher pasta…", "Ficheiro em cada"] {
        assert!(shows(&harness, label), "no {label:?}");
    }
}

/// A window speaking Spanish heads the Traffic inspector's columns in Spanish (the pane of a
/// form is narrow: time, call, bytes, data).
#[test]
fn the_traffic_columns_speak_spanish() {
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        language: Some(Lang::Es),
        ..Settings::default()
    });
    harness.get_all_by_label("Tráfico").next().unwrap().click();
    harness.run_steps(3);
    for label in [
        "hora",
        "llamada",
        "datos",
        "Conexión",
        "Sentido",
        "Buscar",
        "Guardar captura…",
        "Guardar CSV…",
        "Captura: 0 paquetes",
        "0 de 0 filas",
    ] {
        assert!(shows(&harness, label), "no {label:?} in the Traffic tab");
    }
    for english in ["time", "call", "data", "Direction", "Search"] {
        assert!(!shows(&harness, english), "{english:?} still in English");
    }
    harness.get_by_label("Hex").click();
    harness.run_steps(2);
    assert!(shows(&harness, "hex"), "the data column becomes hex");
    assert!(!shows(&harness, "datos"));
}

/// The Check section's own thread speaks the window's language: a folder where no file
/// matches is reported in Portuguese, whatever the process speaks.
#[test]
fn the_check_thread_reports_in_the_window_language() {
    let empty = tempfile::tempdir().unwrap();
    let mut harness = harness_for(Settings {
        exercise: ExerciseId::TcpAdd,
        language: Some(Lang::PtPt),
        ..Settings::default()
    });
    {
        let check = harness.state_mut().check_panel(ExerciseId::TcpAdd).unwrap();
        check.class_mode = true;
        check.class_folder = empty.path().display().to_string();
    }
    click_in_view(&mut harness, "Verificar o programa de um aluno");
    click_in_view(&mut harness, "▶ Executar verificações");
    wait_for_label(&mut harness, "nenhum ficheiro corresponde a");
}
