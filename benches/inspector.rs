//! How long the traffic inspector takes to build a frame with 100,000 rows, and how much memory
//! the rows hold. Target: < 4 ms a frame on the project's 2-core machine.
//!
//! Run: `cargo bench --bench inspector`

use std::net::SocketAddr;
use std::time::{Duration, Instant, SystemTime};

use socklab::gui::traffic::{MAX_TRAFFIC_ROWS, Traffic};
use socklab::net::event::{Event, Stamped};

const FRAMES: usize = 300;

fn filled() -> Traffic {
    let mut traffic = Traffic::default();
    traffic.record(&Stamped {
        at: SystemTime::now(),
        elapsed: Duration::ZERO,
        event: Event::Listening {
            local: "0.0.0.0:9900".parse().expect("a literal address"),
            tcp: true,
        },
    });
    for i in 0..MAX_TRAFFIC_ROWS {
        let peer: SocketAddr = SocketAddr::from(([127, 0, 0, 1], 40_000 + (i % 50) as u16));
        let bytes = format!("message {i:06} from a student's client, with some padding to 64 b")
            .into_bytes();
        let event = if i % 2 == 0 {
            Event::Received { peer, bytes }
        } else {
            Event::Sent { peer, bytes }
        };
        traffic.record(&Stamped {
            at: SystemTime::now(),
            elapsed: Duration::ZERO,
            event,
        });
    }
    traffic
}

/// Milliseconds per frame, sorted.
fn frame_times(traffic: &mut Traffic, hex: bool) -> Vec<f64> {
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 760.0),
        )),
        ..Default::default()
    };
    traffic.show_hex = hex;
    // The first frames lay out fonts and fill caches.
    for _ in 0..5 {
        let _ = ctx.run_ui(input(), |ui| traffic.inspector_ui(ui, 420.0));
    }
    let mut times: Vec<f64> = (0..FRAMES)
        .map(|_| {
            let start = Instant::now();
            let _ = ctx.run_ui(input(), |ui| traffic.inspector_ui(ui, 420.0));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

fn report(name: &str, times: &[f64]) {
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    let max = times[times.len() - 1];
    println!("{name:<34} mean {mean:6.3} ms   p99 {p99:6.3} ms   max {max:6.3} ms");
}

fn main() {
    let start = Instant::now();
    let mut traffic = filled();
    println!(
        "{} rows recorded in {:.0} ms; rows hold {:.1} MiB",
        traffic.len(),
        start.elapsed().as_secs_f64() * 1000.0,
        traffic.memory_bytes() as f64 / (1024.0 * 1024.0)
    );
    report("all rows, text", &frame_times(&mut traffic, false));
    report("all rows, hex", &frame_times(&mut traffic, true));
    traffic.search = "0999".into();
    let search_start = Instant::now();
    let selected = traffic.selected().len();
    println!(
        "search \"0999\" over {} rows: {selected} match, {:.1} ms (once, when the search changes)",
        traffic.len(),
        search_start.elapsed().as_secs_f64() * 1000.0
    );
    report("search active", &frame_times(&mut traffic, false));
}
