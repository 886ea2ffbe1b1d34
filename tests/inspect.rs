//! The views that show what the sockets do (traffic inspector, socket-call timeline,
//! connections table), error hints and settings persistence, driven through the real window
//! with egui_kittest against real loopback sessions.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{WAIT, free_port};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use socklab::gui::SocklabApp;
use socklab::gui::app::{Settings, Theme};
use socklab::gui::exercises::ExerciseId;
use socklab::net::addr::BindChoice;

/// The echo exercise over TCP, its server on a free loopback port, started from the window.
fn echo_harness() -> (Harness<'static, SocklabApp>, u16) {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpEcho,
        ..Settings::default()
    };
    settings.tcp_echo.bind = BindChoice::Loopback;
    settings.tcp_echo.port = port;
    settings.tcp_echo.server = format!("127.0.0.1:{port}");
    let mut harness = Harness::builder()
        .with_size([1400.0, 1300.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(settings),
        );
    harness.run_steps(2);
    harness.get_by_label_contains("Start server").click();
    harness.run_steps(1);
    wait_until(&mut harness, "the server to listen", |h| {
        h.query_all_by_label_contains("listening on")
            .next()
            .is_some()
    });
    (harness, port)
}

fn wait_until(
    harness: &mut Harness<'_, SocklabApp>,
    what: &str,
    done: impl Fn(&Harness<'_, SocklabApp>) -> bool,
) {
    let deadline = Instant::now() + WAIT;
    while !done(harness) {
        assert!(Instant::now() < deadline, "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

fn send_message(harness: &mut Harness<'_, SocklabApp>, text: &str, replies: usize) {
    harness.get_by_label("Message").click();
    harness.run_steps(1);
    harness.get_by_label("Message").type_text(text);
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(1);
    let want = format!(
        "Conversation ({replies} {})",
        if replies == 1 { "reply" } else { "replies" }
    );
    wait_until(harness, &want, |h| h.query_by_label(&want).is_some());
}

/// The text the last frame put on the clipboard.
fn copied(harness: &Harness<'_, SocklabApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn the_inspector_copies_only_the_rows_in_view() {
    let (mut harness, _) = echo_harness();
    send_message(&mut harness, "alpha one", 1);
    send_message(&mut harness, "beta two", 2);
    // The chat shows the messages too: clear it so that only the inspector's rows are counted.
    harness.get_by_label("Clear chat").click();
    harness.run_steps(1);
    // The server's inspector (the first "Traffic" tab is the server column's).
    harness.get_all_by_label("Traffic").next().unwrap().click();
    harness.run_steps(2);
    assert!(
        harness.query_by_label("accept").is_some(),
        "socket calls are rows"
    );
    assert_eq!(
        harness.query_all_by_label("alpha one").count(),
        2,
        "received and sent"
    );

    // Search narrows the rows.
    harness.get_by_label("Search").click();
    harness.run_steps(1);
    harness.get_by_label("Search").type_text("BETA");
    harness.run_steps(2);
    assert_eq!(harness.query_all_by_label("alpha one").count(), 0);
    assert_eq!(harness.query_all_by_label("beta two").count(), 2);
    assert!(harness.query_by_label_contains("2 of ").is_some());

    // Direction filter: only what the server sent.
    harness.get_by_label("Direction").click();
    harness.run_steps(2);
    harness.get_by_label("sent").click();
    harness.run_steps(2);
    assert_eq!(harness.query_all_by_label("beta two").count(), 1);

    // Export what is selected.
    harness.get_by_label("Copy CSV").click();
    harness.run_steps(1);
    let csv = copied(&harness).expect("CSV on the clipboard");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "seq,time,connection,call,bytes,text,hex,note");
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].contains(",send,8,beta two,62 65 74 61"), "{csv}");
    harness.get_by_label("Copy text").click();
    harness.run_steps(1);
    let text = copied(&harness).expect("text on the clipboard");
    assert!(
        text.contains("send") && text.contains("beta two") && text.contains("8 B"),
        "{text}"
    );
}

#[test]
fn timeline_shows_a_real_session_in_order() {
    let (mut harness, _) = echo_harness();
    send_message(&mut harness, "ping", 1);
    harness.get_by_label("Cookbook test").click();
    harness.run_steps(1);
    wait_until(&mut harness, "the cookbook echo", |h| {
        h.query_by_label("Conversation (2 replies)").is_some()
    });
    // The client's timeline (the second "Timeline" tab).
    harness.get_all_by_label("Timeline").nth(1).unwrap().click();
    harness.run_steps(3);
    // The steps are painted; their order is checked on the model the painting uses.
    let steps = harness
        .state_mut()
        .timeline_labels(ExerciseId::TcpEcho, false);
    // It shows the latest connection (the cookbook's), and only it.
    let latest: Vec<&str> = steps.iter().map(String::as_str).take(3).collect();
    assert_eq!(
        latest,
        ["socket()", "connect(127.0.0.1:PORT)", "send() 33 bytes"]
            .map(|s| s.replace(
                "PORT",
                &harness.state_mut().settings().tcp_echo.port.to_string()
            ))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    assert!(steps.iter().any(|s| s == "recv() 16 bytes"));
    assert!(
        steps
            .iter()
            .any(|s| s.contains("3 receives, 33 bytes in all")),
        "one send answered by three receives is pointed out: {steps:?}"
    );
    assert!(
        steps.last().is_some_and(|s| s.starts_with("close()")),
        "{steps:?}"
    );
    assert!(
        !steps.iter().any(|s| s == "send() 4 bytes"),
        "the first session is not merged in: {steps:?}"
    );
    // Picking the first connection shows the first session alone.
    harness.get_by_label("Connection").click();
    harness.run_steps(2);
    harness.get_by_label_contains("#1 127.0.0.1").click();
    harness.run_steps(2);
    let first = harness
        .state_mut()
        .timeline_labels(ExerciseId::TcpEcho, false);
    assert_eq!(
        first[2..4],
        ["send() 4 bytes".to_owned(), "recv() 4 bytes".to_owned()],
        "{first:?}"
    );
}

#[test]
fn a_connection_closed_from_its_table_row_is_closed_by_the_server() {
    let (mut harness, port) = echo_harness();
    let mut raw = TcpStream::connect(("127.0.0.1", port)).unwrap();
    raw.set_read_timeout(Some(WAIT)).unwrap();
    raw.write_all(b"hi").unwrap();
    let mut buf = [0u8; 2];
    raw.read_exact(&mut buf).unwrap();
    let peer = raw.local_addr().unwrap().to_string();
    // Let the new session's line settle in the form before clicking below it.
    let line = format!("{peer} · 1 message");
    wait_until(&mut harness, "the session line", |h| {
        h.query_by_label(&line).is_some()
    });
    harness.get_by_label("Connections").click();
    harness.run_steps(1);
    wait_until(&mut harness, "the connection row", |h| {
        h.query_all_by_label(&peer).next().is_some()
    });
    wait_until(&mut harness, "2 bytes in and 2 out", |h| {
        h.query_all_by_label("2 B").count() == 2
    });
    harness.get_by_label("Close").click();
    harness.run_steps(1);
    let mut rest = Vec::new();
    assert_eq!(
        raw.read_to_end(&mut rest).unwrap(),
        0,
        "the server closed the connection"
    );
    wait_until(&mut harness, "the closed state", |h| {
        h.query_all_by_label_contains("closed by the server (from the window)")
            .next()
            .is_some()
    });
}

#[test]
fn a_refused_connection_shows_a_hint() {
    let port = free_port(true);
    let mut settings = Settings {
        exercise: ExerciseId::TcpAdd,
        ..Settings::default()
    };
    settings.tcp_add.client.server = format!("127.0.0.1:{port}");
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(settings),
        );
    harness.run_steps(2);
    harness.get_by_label_contains("Send").click();
    harness.run_steps(1);
    wait_until(&mut harness, "the hint", |h| {
        h.query_all_by_label_contains("Nothing is listening at")
            .next()
            .is_some()
    });
    assert!(
        harness
            .query_all_by_label_contains("Start the server first")
            .next()
            .is_some()
    );
}

/// Settings storage in memory, as eframe's file storage behaves.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Settings a user changed: the guess exercise on port 4242, the light theme at 150%, a name,
/// a format and a shared folder.
fn changed_settings() -> Settings {
    let mut settings = Settings {
        exercise: ExerciseId::UdpGuess,
        theme: Theme::Light,
        zoom: 1.5,
        ..Settings::default()
    };
    settings.udp_guess.port = 4242;
    settings.tcp_add.client.name = "Client of Zoë".into();
    settings.tcp_add.client.format = "json-line".into();
    settings.tcp_file.root = "/srv/lab".into();
    settings
}

#[test]
fn saved_settings_come_back_in_a_new_window() {
    let settings = changed_settings();
    let mut app = SocklabApp::with_settings(settings.clone());
    let mut storage = MemoryStorage::default();
    eframe::App::save(&mut app, &mut storage);
    let restored: Settings =
        eframe::get_value(&storage, socklab::gui::app::STORAGE_KEY).expect("saved");
    assert_eq!(restored, settings);

    // The restored window shows the guess exercise with its port.
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(restored),
        );
    harness.run_steps(3);
    assert!(
        harness.query_all_by_label("Guess the number · UDP").count() >= 2,
        "listed and shown"
    );
    assert_eq!(
        harness.get_by_label("Port").value().as_deref(),
        Some("4242")
    );
}

#[test]
fn reset_settings_asks_first_then_restores_the_defaults() {
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(changed_settings()),
        );
    harness.run_steps(3);
    // Reset asks first; Cancel keeps everything.
    harness.get_by_label("Reset settings…").click();
    harness.run_steps(2);
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(
        harness.get_by_label("Port").value().as_deref(),
        Some("4242")
    );
    harness.get_by_label("Reset settings…").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("back to their defaults?")
            .is_some()
    );
    harness.get_by_label("Reset").click();
    harness.run_steps(3);
    assert_eq!(harness.state().settings(), Settings::default());
}
