//! The real window, driven through its accessibility tree (no display, no GPU), against real
//! servers on loopback.

mod common;

use std::time::{Duration, Instant};

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use socklab::gui::SocklabApp;
use socklab::gui::app::Settings;
use socklab::gui::exercises::ExerciseId;
use socklab::net::add::{self, ServerConfig};

fn app_for(exercise: ExerciseId, server: &str) -> SocklabApp {
    let mut settings = Settings {
        exercise,
        ..Settings::default()
    };
    for s in [&mut settings.tcp_add, &mut settings.udp_add] {
        s.client.server = server.to_owned();
        s.client.name = String::new();
        s.client.number = String::new();
    }
    SocklabApp::with_settings(settings)
}

/// Steps frames until `label` shows up, within `WAIT`.
fn wait_for_label(harness: &mut Harness<'_, SocklabApp>, label: &str) {
    let deadline = Instant::now() + WAIT;
    while harness.query_all_by_label_contains(label).next().is_none() {
        assert!(Instant::now() < deadline, "{label:?} never appeared");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

#[test]
fn typing_a_name_and_number_and_clicking_send_shows_the_sum() {
    for (exercise, tcp) in [(ExerciseId::TcpAdd, true), (ExerciseId::UdpAdd, false)] {
        let config = ServerConfig {
            bind: "127.0.0.1:0".parse().unwrap(),
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
        let mut harness = Harness::builder()
            .with_size([1200.0, 900.0])
            .build_ui_state(
                |ui, app: &mut SocklabApp| app.show(ui),
                app_for(exercise, &server.addr()),
            );
        harness.run_steps(2);

        harness.get_by_label("Client name").click();
        harness.run_steps(1);
        harness
            .get_by_label("Client name")
            .type_text("Client of Ana");
        harness.run_steps(1);
        // The form refuses an out-of-range number before anything is sent.
        harness.get_by_label("Client number").click();
        harness.run_steps(1);
        harness.get_by_label("Client number").type_text("101");
        harness.run_steps(2);
        assert!(
            harness
                .query_by_label_contains("must be from 1 to 100")
                .is_some()
        );
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run_steps(1);
        harness.get_by_label("Client number").type_text("42");
        harness.run_steps(2);
        assert!(
            harness
                .query_by_label_contains("must be from 1 to 100")
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
fn start_server_button_serves_and_shows_the_client() {
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
    wait_for_label(&mut harness, "client's name: Client of");
    harness.get_by_label_contains("Stop server").click();
    harness.run_steps(1);
    wait_for_label(&mut harness, "server stopped");
}
