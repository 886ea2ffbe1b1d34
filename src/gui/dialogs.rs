//! Native file dialogs (rfd), always off the UI thread: rfd blocks its caller until the dialog
//! closes. The picker is a trait so that tests can answer without a desktop.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::task::Task;
use crate::net::runner::Waker;
use crate::t;

/// Picks paths for the forms.
pub trait FilePicker: Send + Sync {
    fn pick_folder(&self) -> Option<PathBuf>;
    fn pick_file(&self) -> Option<PathBuf>;
    fn save_file(&self, suggested_name: &str) -> Option<PathBuf>;
}

/// The desktop's own dialogs, through rfd (a portal or zenity on Linux).
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_folder()
    }

    fn pick_file(&self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_file()
    }

    fn save_file(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// What a dialog is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogKind {
    Folder,
    Open,
    Save(String),
}

/// A dialog that answered "nothing" faster than this was most likely never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// At most one open dialog, with the field it fills.
pub struct Dialogs<Target> {
    picker: Arc<dyn FilePicker>,
    pending: Option<(Target, Instant, Task<Option<PathBuf>>)>,
    /// Why the last dialog did not open, and the field it was for, for the form to show
    /// beside that field.
    pub note: Option<(Target, String)>,
}

impl<Target: Copy + PartialEq> Dialogs<Target> {
    /// Why the last dialog for one of `targets` did not open.
    pub fn note_for(&self, targets: &[Target]) -> Option<&str> {
        self.note
            .as_ref()
            .filter(|(t, _)| targets.contains(t))
            .map(|(_, text)| text.as_str())
    }

    pub fn new(picker: Arc<dyn FilePicker>) -> Self {
        Self {
            picker,
            pending: None,
            note: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// Opens a dialog on a helper thread; its answer comes from [`Self::poll`].
    pub fn open(&mut self, target: Target, kind: DialogKind, waker: Option<Waker>) {
        if self.pending.is_some() {
            return;
        }
        let picker = Arc::clone(&self.picker);
        let task = Task::spawn("file dialog", waker, move || match kind {
            DialogKind::Folder => picker.pick_folder(),
            DialogKind::Open => picker.pick_file(),
            DialogKind::Save(name) => picker.save_file(&name),
        });
        match task {
            Some(task) => {
                self.note = None;
                self.pending = Some((target, Instant::now(), task));
            }
            None => self.note = Some((target, t!("ex-dialog-not-opened"))),
        }
    }

    /// The chosen path and the field it is for, once the dialog has closed with one.
    pub fn poll(&mut self) -> Option<(Target, PathBuf)> {
        let (target, opened, task) = self.pending.as_ref()?;
        let answer = task.poll()?;
        let (target, quick) = (*target, opened.elapsed() < NO_DIALOG_WITHIN);
        self.pending = None;
        match answer {
            Ok(Some(path)) => Some((target, path)),
            Ok(None) if quick => {
                self.note = Some((target, t!("ex-dialog-none")));
                None
            }
            Ok(None) => None,
            Err(()) => {
                self.note = Some((target, t!("ex-dialog-failed")));
                None
            }
        }
    }
}
