//! The window at every size: for every exercise, at three window sizes and four zooms, in three
//! states (idle; a server with a class of 40 clients and a long log; the client's own exchange
//! done, a download's SHA-256 shown), no two interactive widgets overlap and every one of them
//! can be reached, either in view or brought there by the scroll area that holds it.
//!
//! The checker reads what egui laid out in the last frame (each widget's rectangle, and the part
//! of it left after clipping) and the accessibility tree (which widgets a person operates). A
//! widget out of view is asked to scroll into view, as a screen reader would, and must then be
//! seen whole.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{WAIT, free_port};
use egui::{Id, LayerId, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use socklab::gui::SocklabApp;
use socklab::gui::app::Settings;
use socklab::gui::dialogs::FilePicker;
use socklab::gui::exercises::{EXERCISES, ExerciseId};
use socklab::i18n::Lang;

/// Window sizes checked, in physical pixels at 100%.
const SIZES: [[f32; 2]; 3] = [[1024.0, 640.0], [1280.0, 800.0], [1920.0, 1080.0]];
/// Zooms checked (the "Size" setting).
const ZOOMS: [f32; 4] = [0.8, 1.0, 1.5, 2.0];
/// Clients in the "class" state.
const CLASS: usize = 40;

/// One widget a person operates, as laid out in the last frame.
#[derive(Clone, Debug)]
struct Widget {
    id: Id,
    label: String,
    layer: LayerId,
    /// Where it is laid out.
    rect: Rect,
    /// What is left of it after clipping by the scroll areas and panels that hold it.
    visible: Rect,
}

impl Widget {
    /// Seen whole: inside the window and not clipped (a pixel of rounding allowed).
    fn in_view(&self, screen: Rect) -> bool {
        let inside = screen.expand(1.0).contains_rect(self.rect);
        let unclipped = self.visible.width() >= self.rect.width() - 1.0
            && self.visible.height() >= self.rect.height() - 1.0;
        inside && unclipped
    }
}

/// The interactive widgets of the last frame, from the accessibility tree and egui's widget
/// rectangles.
fn widgets<S>(harness: &Harness<'_, S>) -> Vec<Widget> {
    // Accessibility nodes carry the value of the egui id of their widget.
    let rects: HashMap<u64, egui::WidgetRect> = harness.ctx.viewport(|vp| {
        vp.prev_pass
            .widgets
            .layers()
            .flat_map(|(_, ws)| ws.iter().map(|w| (w.id.value(), *w)))
            .collect()
    });
    harness
        .root()
        .children_recursive()
        .filter(|n| egui::accessibility::is_input(n.accesskit_node().role()))
        .filter(|n| !n.accesskit_node().is_hidden())
        .filter_map(|n| {
            let (node_id, _) = n.accesskit_node().locate();
            let w = rects.get(&node_id.0)?;
            Some(Widget {
                id: w.id,
                label: n
                    .accesskit_node()
                    .label()
                    .or_else(|| n.accesskit_node().value())
                    .unwrap_or_else(|| format!("{:?}", n.accesskit_node().role())),
                layer: w.layer_id,
                rect: w.rect,
                visible: w.interact_rect,
            })
        })
        .collect()
}

/// What the checker found wrong in one frame.
#[derive(Debug, Default)]
struct Report {
    overlaps: Vec<String>,
    unreachable: Vec<String>,
    widgets: usize,
}

impl Report {
    fn is_clean(&self) -> bool {
        self.overlaps.is_empty() && self.unreachable.is_empty()
    }
}

/// Pairs of widgets whose visible parts overlap (more than a pixel each way).
fn overlaps(widgets: &[Widget]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, a) in widgets.iter().enumerate() {
        for b in &widgets[i + 1..] {
            if a.layer != b.layer || a.id == b.id {
                continue;
            }
            let both = a.visible.intersect(b.visible);
            if both.width() > 1.0 && both.height() > 1.0 {
                found.push(format!(
                    "{:?} at {:?} overlaps {:?} at {:?}",
                    a.label, a.visible, b.label, b.visible
                ));
            }
        }
    }
    found
}

/// Checks the frame the harness shows: overlaps, then reachability (scrolling each widget out
/// of view into view, one at a time, and looking again).
fn check<S>(harness: &mut Harness<'_, S>) -> Report {
    let screen = harness.ctx.content_rect();
    let first = widgets(harness);
    let mut report = Report {
        overlaps: overlaps(&first),
        widgets: first.len(),
        ..Report::default()
    };
    let mut seen: Vec<Id> = first
        .iter()
        .filter(|w| w.in_view(screen))
        .map(|w| w.id)
        .collect();
    for w in &first {
        if seen.contains(&w.id) {
            continue;
        }
        let node_id = egui::accesskit::NodeId(w.id.value());
        let Some(node) = harness
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().locate().0 == node_id)
        else {
            continue;
        };
        node.scroll_to_me();
        harness.run_steps(3);
        // egui gives a scroll-into-view request to the innermost scroll area only; a box that
        // is itself half out of the page is then scrolled as a person would: the mouse wheel
        // over it, which passes on to the page once the box is at its end.
        wheel_into_view(harness, w.id, screen);
        containers_into_view(harness, w.id, screen);
        let now = widgets(harness);
        for o in overlaps(&now) {
            if !report.overlaps.contains(&o) {
                report.overlaps.push(o);
            }
        }
        seen.extend(now.iter().filter(|x| x.in_view(screen)).map(|x| x.id));
        if !seen.contains(&w.id) {
            let after = now.iter().find(|x| x.id == w.id);
            report.unreachable.push(format!(
                "{:?} at {:?} (visible {:?}) cannot be brought into the window {screen:?}",
                w.label,
                after.map_or(w.rect, |x| x.rect),
                after.map_or(w.visible, |x| x.visible)
            ));
        }
    }
    report
}

/// Asks each container of widget `id`, innermost first, to scroll into view, until the widget
/// is seen whole: the outer scroll areas (the page) then move too.
fn containers_into_view<S>(harness: &mut Harness<'_, S>, id: Id, screen: Rect) {
    let in_view = |h: &Harness<'_, S>| widgets(h).iter().any(|x| x.id == id && x.in_view(screen));
    if in_view(harness) {
        return;
    }
    let ancestors: Vec<egui::accesskit::NodeId> = {
        let Some(node) = harness
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().locate().0.0 == id.value())
        else {
            return;
        };
        let mut ids = Vec::new();
        let mut at = node.parent();
        while let Some(parent) = at {
            ids.push(parent.accesskit_node().locate().0);
            at = parent.parent();
        }
        ids
    };
    for ancestor in ancestors {
        if let Some(node) = harness
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().locate().0 == ancestor)
        {
            node.scroll_to_me();
        }
        harness.run_steps(3);
        if in_view(harness) {
            return;
        }
    }
}

/// The visible part of the innermost container (a `Ui`) of widget `id` that shows at all.
fn visible_container<S>(harness: &Harness<'_, S>, id: Id) -> Option<Rect> {
    harness.ctx.viewport(|vp| {
        let widgets = &vp.prev_pass.widgets;
        let mut at = widgets.get(id)?;
        for _ in 0..64 {
            let parent = widgets.get(at.parent_id)?;
            if parent.id == at.id {
                return None;
            }
            if parent.interact_rect.is_positive() {
                return Some(parent.interact_rect.shrink(2.0));
            }
            at = parent;
        }
        None
    })
}

/// Turns the mouse wheel over the widget `id` (or the nearest point of the window) toward it,
/// until it is in view or the wheel has turned 60 times.
fn wheel_into_view<S>(harness: &mut Harness<'_, S>, id: Id, screen: Rect) {
    for _ in 0..60 {
        let Some(w) = widgets(harness).into_iter().find(|x| x.id == id) else {
            return;
        };
        if w.in_view(screen) {
            return;
        }
        // Which way the content must move: toward the clipped side.
        let seen = if w.visible.is_positive() {
            w.visible
        } else {
            w.rect.intersect(screen)
        };
        let step = |clipped_after: bool, clipped_before: bool| {
            if clipped_after {
                -60.0
            } else if clipped_before {
                60.0
            } else {
                0.0
            }
        };
        let dy = step(
            w.rect.bottom() > seen.bottom() + 1.0 || w.rect.top() > screen.bottom(),
            w.rect.top() < seen.top() - 1.0 || w.rect.bottom() < screen.top(),
        );
        let dx = step(
            w.rect.right() > seen.right() + 1.0 || w.rect.left() > screen.right(),
            w.rect.left() < seen.left() - 1.0 || w.rect.right() < screen.left(),
        );
        // Over the part of it that shows, else over the nearest point of the window.
        let inner = screen.shrink(4.0);
        let at = if w.visible.is_positive() {
            w.visible.center()
        } else if let Some(shown) = visible_container(harness, id).filter(|r| r.is_positive()) {
            // Wholly clipped: over the innermost container of it that shows.
            w.rect.center().clamp(shown.min, shown.max)
        } else {
            w.rect.center().clamp(inner.min, inner.max)
        };
        harness.event(egui::Event::PointerMoved(at));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(dx, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(4);
    }
}

/// Shows the app at a window size and zoom, lets the layout settle, and checks it.
fn check_at(
    harness: &mut Harness<'_, SocklabApp>,
    size: [f32; 2],
    zoom: f32,
    state: &str,
) -> Result<usize, String> {
    // A window of W x H pixels at zoom z has W/z x H/z logical points to lay out, which is
    // what the Size setting gives (egui lays out in points); kittest's own pixel scaling stays 1.
    harness.set_size(egui::vec2(size[0] / zoom, size[1] / zoom));
    harness.run_steps(4);
    let report = check(harness);
    if std::env::var_os("LAYOUT_DEBUG").is_some() {
        eprintln!(
            "{size:?} zoom {zoom}: screen {:?}, {} widgets",
            harness.ctx.content_rect(),
            report.widgets
        );
    }
    if report.is_clean() {
        Ok(report.widgets)
    } else {
        Err(format!(
            "{:?} at {}x{} zoom {zoom} ({state}):\n  overlaps: {:#?}\n  unreachable: {:#?}",
            harness.state().selected(),
            size[0],
            size[1],
            report.overlaps,
            report.unreachable
        ))
    }
}

/// Checks every size and zoom in the app's present state; returns the number of cases.
fn check_all_sizes(harness: &mut Harness<'_, SocklabApp>, state: &str) -> usize {
    let mut failures = Vec::new();
    let mut cases = 0;
    for size in SIZES {
        for zoom in ZOOMS {
            cases += 1;
            if let Err(e) = check_at(harness, size, zoom, state) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Leave the harness large, at 100%, for the next steps of the test.
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run_steps(3);
    cases
}

/// A picker that is never used (downloads are saved where the form says).
struct NoPicker;

impl FilePicker for NoPicker {
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

/// Steps frames until `done`, within `WAIT`.
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

/// The settings of one exercise with its server on a free loopback port and its client
/// pointed there; the file exercises share `dir` and save into it.
fn settings_for(exercise: ExerciseId, dir: &std::path::Path) -> (Settings, u16) {
    let info = exercise.info();
    let tcp = info.transport == "TCP";
    let port = free_port(tcp);
    let address = format!("127.0.0.1:{port}");
    let mut s = Settings {
        exercise,
        ..Settings::default()
    };
    match exercise {
        ExerciseId::TcpAdd | ExerciseId::UdpAdd => {
            let a = if tcp { &mut s.tcp_add } else { &mut s.udp_add };
            a.server.port = port;
            a.client.server = address;
            a.client.name = "Client of a projector-sized name, Ana Beatriz".into();
        }
        ExerciseId::TcpFile | ExerciseId::UdpFile | ExerciseId::Tftp => {
            let f = if tcp {
                &mut s.tcp_file
            } else if exercise == ExerciseId::Tftp {
                &mut s.tftp
            } else {
                &mut s.udp_file
            };
            f.port = port;
            f.server = address;
            f.root = dir.join("shared").display().to_string();
            f.remote = "lab.bin".into();
            f.save_as = dir.join("saved.bin").display().to_string();
            // A student-paced server: the download takes a moment.
            f.rate_mib = 8;
        }
        ExerciseId::UdpGuess => {
            s.udp_guess.port = port;
            s.udp_guess.server = address;
            s.udp_guess.step_delay_secs = 0.0;
        }
        _ => {
            let t = match exercise {
                ExerciseId::TcpEcho => &mut s.tcp_echo,
                ExerciseId::UdpEcho => &mut s.udp_echo,
                ExerciseId::TcpUpper => &mut s.tcp_upper,
                _ => &mut s.udp_upper,
            };
            t.port = port;
            t.server = address;
        }
    }
    (s, port)
}

/// Connections a class leaves open (TCP sessions stay listed while open).
type Class = Vec<TcpStream>;

/// Forty students talk to the server, each in the exercise's own way.
fn class_of_clients(exercise: ExerciseId, server: SocketAddr) -> Class {
    let mut open = Vec::new();
    for i in 0..CLASS {
        let name = format!("Student {i:02} of the evening class");
        match exercise {
            ExerciseId::TcpAdd => {
                let mut s = TcpStream::connect(server).expect("connect");
                s.set_read_timeout(Some(WAIT)).expect("timeout");
                s.write_all(format!("{name},{}\n", i + 1).as_bytes())
                    .expect("send");
                let mut buf = [0u8; 256];
                let _ = s.read(&mut buf);
            }
            ExerciseId::TcpFile => {
                let mut s = TcpStream::connect(server).expect("connect");
                s.set_read_timeout(Some(WAIT)).expect("timeout");
                s.write_all(b"small.txt").expect("send");
                let mut all = Vec::new();
                let _ = s.read_to_end(&mut all);
            }
            ExerciseId::TcpEcho | ExerciseId::TcpUpper => {
                let mut s = TcpStream::connect(server).expect("connect");
                s.set_read_timeout(Some(WAIT)).expect("timeout");
                s.write_all(format!("hello from {name}\n").as_bytes())
                    .expect("send");
                let mut buf = [0u8; 256];
                let _ = s.read(&mut buf);
                open.push(s);
            }
            ExerciseId::Tftp => {
                // A read request, the one short DATA block, and its ACK to the transfer port.
                let s = UdpSocket::bind("127.0.0.1:0").expect("bind");
                s.set_read_timeout(Some(WAIT)).expect("timeout");
                s.send_to(b"\x00\x01small.txt\x00octet\x00", server)
                    .expect("sendto");
                let mut buf = [0u8; 1024];
                if let Ok((_, from)) = s.recv_from(&mut buf) {
                    s.send_to(&[0, 4, 0, 1], from).expect("ack");
                }
            }
            _ => {
                let s = UdpSocket::bind("127.0.0.1:0").expect("bind");
                s.set_read_timeout(Some(WAIT)).expect("timeout");
                let message = match exercise {
                    ExerciseId::UdpAdd => format!("{name},{}", i + 1),
                    ExerciseId::UdpFile => "small.txt".to_owned(),
                    ExerciseId::UdpGuess => "50".to_owned(),
                    _ => format!("hello from {name}"),
                };
                s.send_to(message.as_bytes(), server).expect("sendto");
                let mut buf = [0u8; 4096];
                let _ = s.recv(&mut buf);
            }
        }
    }
    open
}

/// A message of the window in the language the test's thread speaks (the window's own).
fn l(id: &str) -> String {
    socklab::i18n::tr(id)
}

/// The client side of the exercise, from the form: a result, a conversation, a download.
fn clients_own_exchange(harness: &mut Harness<'_, SocklabApp>, exercise: ExerciseId) {
    match exercise {
        ExerciseId::TcpAdd | ExerciseId::UdpAdd => {
            harness.get_by_label_contains(&l("ex-send")).click();
            harness.run_steps(1);
            wait_until(harness, "the sum", |h| {
                h.query_by_label_contains("✔").is_some()
            });
        }
        ExerciseId::TcpFile | ExerciseId::UdpFile | ExerciseId::Tftp => {
            harness
                .get_by_label_contains(&l("ex-file-download-button"))
                .click();
            harness.run_steps(1);
            wait_until(harness, "the SHA-256", |h| {
                h.query_by_label("SHA-256").is_some()
            });
        }
        ExerciseId::UdpGuess => {
            harness.get_by_label(&l("ex-guess-auto-play")).click();
            harness.run_steps(1);
            // What the counter says after the count when the game is won ("· found it!").
            let won = socklab::i18n::tr_args("ex-guess-count-won", &[("count", 12345.into())]);
            let found = won.rsplit("12345").next().unwrap_or("").to_owned();
            wait_until(harness, "the win", |h| {
                h.query_by_label_contains(&found).is_some()
            });
        }
        _ => {
            let message = l("ex-echo-message");
            for i in 0..12 {
                harness.get_by_label(&message).click();
                harness.run_steps(1);
                harness
                    .get_by_label(&message)
                    .type_text(&format!("message number {i} of a long conversation"));
                harness.run_steps(1);
                harness.key_press(egui::Key::Enter);
                harness.run_steps(1);
                let want = socklab::i18n::tr_args(
                    "ex-echo-conversation",
                    &[
                        ("count", (i + 1).into()),
                        ("shown", (i + 1).to_string().into()),
                    ],
                );
                wait_until(harness, &want, |h| {
                    h.query_by_label_contains(&want).is_some()
                });
            }
        }
    }
}

/// Brings the `nth` widget labelled `label` into view and clicks it.
fn click(harness: &mut Harness<'_, SocklabApp>, label: &str, nth: usize) {
    let screen = harness.ctx.content_rect();
    let id = {
        let node = harness
            .get_all_by_label(label)
            .nth(nth)
            .unwrap_or_else(|| panic!("no {label:?} #{nth}"));
        node.scroll_to_me();
        let (node_id, _) = node.accesskit_node().locate();
        node_id.0
    };
    harness.run_steps(3);
    if let Some(w) = widgets(harness).into_iter().find(|w| w.id.value() == id) {
        wheel_into_view(harness, w.id, screen);
    }
    harness
        .get_all_by_label(label)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {label:?} #{nth}"))
        .click();
    harness.run_steps(3);
}

/// The whole matrix for one exercise in one language; prints how many cases it checked.
fn check_exercise(exercise: ExerciseId, lang: Lang) {
    // The test reads the window's labels in the window's language.
    socklab::i18n::set_here(Some(lang));
    let dir = tempfile::tempdir().expect("temp dir");
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).expect("shared dir");
    std::fs::write(shared.join("small.txt"), b"a small file\n").expect("small file");
    let data: Vec<u8> = (0..3 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(shared.join("lab.bin"), &data).expect("big file");
    let (mut settings, port) = settings_for(exercise, dir.path());
    settings.language = Some(lang);
    let app = SocklabApp::with_picker(settings, Arc::new(NoPicker));
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut SocklabApp| app.show(ui), app);
    harness.run_steps(3);
    // A UDP exercise's network conditions, open with their form, in every state below.
    let udp = !matches!(
        exercise,
        ExerciseId::TcpAdd | ExerciseId::TcpFile | ExerciseId::TcpEcho | ExerciseId::TcpUpper
    );
    if udp {
        click(&mut harness, &l("ex-net-title-none"), 0);
        assert!(harness.query_by_label(&l("ex-net-loss")).is_some());
    }
    let mut cases = check_all_sizes(&mut harness, "idle");

    harness.get_by_label_contains(&l("ex-start-server")).click();
    harness.run_steps(1);
    wait_until(&mut harness, "the server listening", |h| {
        h.state().server_address(exercise).is_some()
    });
    let server: SocketAddr = ([127, 0, 0, 1], port).into();
    let class = class_of_clients(exercise, server);
    // Let the class's events reach the window.
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    if matches!(exercise, ExerciseId::TcpAdd | ExerciseId::UdpAdd) {
        // The server card lists the class by name, under one line of totals.
        if lang == Lang::EnUs {
            assert!(harness.query_by_label_contains("40 names, 40 ").is_some());
        }
        assert!(
            harness
                .query_by_label("Student 00 of the evening class")
                .is_some()
        );
    }
    cases += check_all_sizes(&mut harness, "a class of 40 clients (Output)");
    // The server's connections table and the client's inspector, which once drew over their
    // neighbours.
    click(&mut harness, &l("win-connections"), 0);
    click(&mut harness, &l("win-traffic"), 1);
    cases += check_all_sizes(&mut harness, "a class of 40 clients (Connections, Traffic)");
    click(&mut harness, &l("win-output"), 1);

    clients_own_exchange(&mut harness, exercise);
    harness.run_steps(3);
    if matches!(exercise, ExerciseId::TcpFile | ExerciseId::UdpFile) {
        // The compare tool, filled in by the download, with its path fields.
        click(&mut harness, &l("ex-file-compare-files"), 0);
        for field in [l("ex-file-compare-a"), l("ex-file-compare-b")] {
            let width = harness.get_by_label(&field).rect().width();
            assert!(width >= 90.0, "{field} is {width} points wide");
        }
    }
    cases += check_all_sizes(&mut harness, "the client's exchange done (Output)");
    click(&mut harness, &l("win-timeline"), 0);
    click(&mut harness, &l("win-timeline"), 1);
    cases += check_all_sizes(&mut harness, "the client's exchange done (Timeline)");
    click(&mut harness, &l("win-traffic"), 0);
    cases += check_all_sizes(&mut harness, "the client's exchange done (Traffic)");
    drop(class);
    harness.get_by_label_contains(&l("ex-stop-server")).click();
    harness.run_steps(3);
    println!(
        "{exercise:?} in {}: {cases} layout cases checked, none overlapping, all reachable",
        lang.tag()
    );
}

macro_rules! layout_tests {
    ($($name:ident, $translated:ident => $id:expr),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_exercise($id, Lang::EnUs);
            }

            /// Portuguese and Spanish, whose words run a third longer than English ones.
            #[test]
            fn $translated() {
                check_exercise($id, Lang::PtPt);
                check_exercise($id, Lang::Es);
            }
        )*
        /// Every exercise has its layout test.
        #[test]
        fn every_exercise_is_checked() {
            let checked = [$($id),*];
            for info in EXERCISES {
                assert!(checked.contains(&info.id), "{:?} has no layout test", info.id);
            }
        }
    };
}

layout_tests! {
    tcp_add_holds_at_every_size, tcp_add_holds_in_portuguese_and_spanish => ExerciseId::TcpAdd,
    udp_add_holds_at_every_size, udp_add_holds_in_portuguese_and_spanish => ExerciseId::UdpAdd,
    tcp_file_holds_at_every_size, tcp_file_holds_in_portuguese_and_spanish => ExerciseId::TcpFile,
    udp_file_holds_at_every_size, udp_file_holds_in_portuguese_and_spanish => ExerciseId::UdpFile,
    tcp_echo_holds_at_every_size, tcp_echo_holds_in_portuguese_and_spanish => ExerciseId::TcpEcho,
    udp_echo_holds_at_every_size, udp_echo_holds_in_portuguese_and_spanish => ExerciseId::UdpEcho,
    tcp_upper_holds_at_every_size, tcp_upper_holds_in_portuguese_and_spanish => ExerciseId::TcpUpper,
    udp_upper_holds_at_every_size, udp_upper_holds_in_portuguese_and_spanish => ExerciseId::UdpUpper,
    udp_guess_holds_at_every_size, udp_guess_holds_in_portuguese_and_spanish => ExerciseId::UdpGuess,
    tftp_holds_at_every_size, tftp_holds_in_portuguese_and_spanish => ExerciseId::Tftp,
}

/// The checker itself: a row of buttons wider than its column draws over the next column, and
/// a button below the window with nothing to scroll it: both are caught. The same buttons in a
/// page that scrolls, each column clipping its own, pass.
#[test]
fn the_checker_catches_a_broken_layout() {
    let broken = |ui: &mut egui::Ui| {
        ui.columns(2, |cols| {
            cols[0].horizontal(|ui| {
                for i in 0..8 {
                    let _ = ui.button(format!("wide table column {i}"));
                }
            });
            let _ = cols[1].button("Close");
        });
        ui.add_space(2000.0);
        let _ = ui.button("Below the window");
    };
    let mut harness = Harness::builder()
        .with_size([800.0, 600.0])
        .build_ui(broken);
    harness.run_steps(3);
    let report = check(&mut harness);
    assert!(
        report.overlaps.iter().any(|o| o.contains("\"Close\"")),
        "{report:#?}"
    );
    assert!(
        report
            .unreachable
            .iter()
            .any(|u| u.contains("Below the window")),
        "{report:#?}"
    );

    let mended = |ui: &mut egui::Ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.columns(2, |cols| {
                egui::ScrollArea::horizontal()
                    .id_salt("row")
                    .show(&mut cols[0], |ui| {
                        ui.horizontal(|ui| {
                            for i in 0..8 {
                                let _ = ui.button(format!("wide table column {i}"));
                            }
                        });
                    });
                let _ = cols[1].button("Close");
            });
            ui.add_space(2000.0);
            let _ = ui.button("Below the window");
        });
    };
    let mut harness = Harness::builder()
        .with_size([800.0, 600.0])
        .build_ui(mended);
    harness.run_steps(3);
    let report = check(&mut harness);
    assert!(report.is_clean(), "{report:#?}");
    assert_eq!(report.widgets, 10);
}

/// The top of the pane under the server's toolbar (its Clear button) to the top of its handle.
fn pane_height(harness: &Harness<'_, SocklabApp>) -> f32 {
    let clear = harness.query_all_by_label("Clear").next().unwrap().rect();
    let handle = harness.get_by_label("Resize server output").rect();
    handle.top() - clear.bottom()
}

/// Drags the server output's handle by `dy` points.
fn drag_handle(harness: &mut Harness<'_, SocklabApp>, dy: f32) {
    // In view first (at 200% the page scrolls to it), as a hand would.
    harness.get_by_label("Resize server output").scroll_to_me();
    harness.run_steps(3);
    let at = harness.get_by_label("Resize server output").rect().center();
    harness.hover_at(at);
    harness.run_steps(1);
    harness.drag_at(at);
    harness.run_steps(1);
    for step in 1..=10 {
        harness.hover_at(at + egui::vec2(0.0, dy * step as f32 / 10.0));
        harness.run_steps(1);
    }
    harness.drop_at(at + egui::vec2(0.0, dy));
    harness.run_steps(3);
}

/// The window at 1024×640 on `exercise`, settled.
fn window_1024x640(exercise: ExerciseId) -> Harness<'static, SocklabApp> {
    let mut harness = Harness::builder()
        .with_size([1024.0, 640.0])
        .build_ui_state(
            |ui, app: &mut SocklabApp| app.show(ui),
            SocklabApp::with_settings(Settings {
                exercise,
                ..Settings::default()
            }),
        );
    harness.run_steps(3);
    harness
}

#[test]
fn at_1024x640_a_pane_resizes_by_its_handle_but_never_below_eight_lines() {
    let mut harness = window_1024x640(ExerciseId::TcpAdd);
    // Eight lines of body text: comfortably more than 8 × 16 points.
    let eight_lines = 8.0 * 16.0;
    for zoom in [1.0, 2.0] {
        harness.set_size(egui::vec2(1024.0 / zoom, 640.0 / zoom));
        harness.run_steps(4);
        let h = pane_height(&harness);
        assert!(h >= eight_lines, "zoom {zoom}: the pane is {h} points high");
        // Dragged far up, it stops at its minimum; dragged down, it grows by the drag.
        drag_handle(&mut harness, -600.0);
        let least = pane_height(&harness);
        assert!(least >= eight_lines, "zoom {zoom}: shrunk to {least}");
        assert!(least <= h, "zoom {zoom}: {least} > {h}");
        drag_handle(&mut harness, 120.0);
        let grown = pane_height(&harness);
        assert!(
            (grown - least - 120.0).abs() <= 12.0,
            "zoom {zoom}: {least} + 120 gave {grown}"
        );
    }
    // The chosen height is kept (in egui's memory, saved with the window).
    let kept = pane_height(&harness);
    harness.run_steps(5);
    assert!((pane_height(&harness) - kept).abs() < 1.0);
}

#[test]
fn the_inspectors_data_column_is_in_view_at_1024x640_at_100_or_200_percent() {
    let mut harness = window_1024x640(ExerciseId::TcpFile);
    for zoom in [1.0, 2.0] {
        harness.set_size(egui::vec2(1024.0 / zoom, 640.0 / zoom));
        harness.run_steps(3);
        // Both roles' Traffic tabs.
        for i in 0..2 {
            harness
                .query_all_by_label("Traffic")
                .nth(i)
                .unwrap()
                .click();
            harness.run_steps(2);
        }
        let screen = harness.ctx.content_rect();
        let headers: Vec<Rect> = harness
            .query_all_by_label("data")
            .map(|n| n.rect())
            .collect();
        assert_eq!(
            headers.len(),
            2,
            "zoom {zoom}: both inspectors show a data column"
        );
        let times: Vec<Rect> = harness
            .query_all_by_label("time")
            .map(|n| n.rect())
            .collect();
        for h in &headers {
            assert!(
                h.right() <= screen.right() + 1.0 && h.left() < screen.right() - 40.0,
                "zoom {zoom}: the data column at {h:?} is off the window {screen:?}"
            );
        }
        // Side by side, the server's data column ends before the client's table begins.
        if (headers[0].top() - headers[1].top()).abs() < 1.0 {
            assert!(
                headers[0].left() + 40.0 < times[1].left(),
                "zoom {zoom}: the server's data column at {:?} is under the client's table at {:?}",
                headers[0],
                times[1]
            );
        }
    }
}
