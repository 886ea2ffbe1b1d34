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

/// Opens the window and runs until it is closed; a window that cannot open says why.
///
/// The event loop is made here and given to eframe (`eframe::create_native`) rather than made
/// by `eframe::run_native`, whose loop lives in a 2 KiB thread-local: every thread of the
/// process gets a copy of the program's thread-locals at the top of its stack, and with that
/// one a server session's thread touched a page more (docs/benchmarks.md).
pub fn run_window() -> Result<(), String> {
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
    keep_eframe_errors();
    let event_loop = winit::event_loop::EventLoop::<eframe::UserEvent>::with_user_event()
        .build()
        .map_err(|e| e.to_string())?;
    let started = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let created = started.clone();
    let mut app = eframe::create_native(
        "socklab",
        options,
        Box::new(move |cc| {
            created.store(true, std::sync::atomic::Ordering::Relaxed);
            Ok(Box::new(SocklabApp::new(cc)))
        }),
        &event_loop,
    );
    event_loop.run_app(&mut app).map_err(|e| e.to_string())?;
    drop(app);
    let started = started.load(std::sync::atomic::Ordering::Relaxed);
    match (eframe_exit_error(), started) {
        (Some(reason), _) => Err(reason),
        (None, true) => Ok(()),
        (None, false) => {
            Err(last_eframe_error().unwrap_or_else(|| crate::t!("cli-window-not-made")))
        }
    }
}

/// The error records eframe logged (it says why a window stopped only there).
static EFRAME_ERRORS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// eframe's words before the reason a window stopped.
const EFRAME_EXIT: &str = "Exiting because of error: ";

struct KeepEframeErrors;

impl log::Log for KeepEframeErrors {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Error && metadata.target().starts_with("eframe")
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata())
            && let Ok(mut errors) = EFRAME_ERRORS.lock()
        {
            errors.push(record.args().to_string());
        }
    }

    fn flush(&self) {}
}

/// Keeps eframe's error records from now on (the process's logger, set once).
fn keep_eframe_errors() {
    static LOGGER: KeepEframeErrors = KeepEframeErrors;
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(log::LevelFilter::Error);
    }
}

/// The reason eframe gave for stopping the window, if it stopped on an error.
fn eframe_exit_error() -> Option<String> {
    let errors = EFRAME_ERRORS.lock().ok()?;
    errors
        .iter()
        .rev()
        .find_map(|e| e.strip_prefix(EFRAME_EXIT).map(str::to_owned))
}

fn last_eframe_error() -> Option<String> {
    EFRAME_ERRORS.lock().ok()?.last().cloned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes() {
        let icon = eframe::icon_data::from_png_bytes(super::ICON_PNG).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
