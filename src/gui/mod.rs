//! The window: an exercise list on the left, the chosen exercise's server and client forms on
//! the right. It only reads runner events and starts or stops runners; it never touches a socket.

pub mod app;
pub mod dialogs;
pub mod exercises;
pub mod log_view;
pub mod run_slot;
pub mod task;
pub mod traffic;
pub mod widgets;

pub use app::SocklabApp;

/// Opens the window and runs until it is closed.
pub fn run_window() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("socklab")
            .with_app_id("socklab")
            .with_inner_size([1200.0, 760.0])
            .with_min_inner_size([760.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "socklab",
        options,
        Box::new(|cc| Ok(Box::new(SocklabApp::new(cc)))),
    )
}
