//! The window: an exercise list on the left, the chosen exercise's server and client forms on
//! the right. It only reads runner events and starts or stops runners; it never touches a socket.

pub mod app;
pub mod check_panel;
pub mod dialogs;
pub mod exercises;
pub mod log_view;
pub mod network;
pub mod run_slot;
pub mod settings;
pub mod task;
pub mod traffic;
pub mod widgets;

pub use app::SocklabApp;

/// The application icon (also installed for desktop menus, see docs/install.md).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the window and runs until it is closed.
pub fn run_window() -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("socklab")
        .with_app_id("socklab")
        .with_inner_size([1200.0, 760.0])
        .with_min_inner_size([760.0, 480.0]);
    // The icon is built in; were it unreadable, the window still opens, with the system's icon.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "socklab",
        options,
        Box::new(|cc| Ok(Box::new(SocklabApp::new(cc)))),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes() {
        let icon = eframe::icon_data::from_png_bytes(super::ICON_PNG).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
