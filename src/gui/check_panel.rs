//! "Check a student's program", under every exercise: the program, its interpreter and
//! arguments, Run checks and Stop, a checklist that fills in as each check is decided (each line
//! opens on its evidence), and Save report…. The check runs on a named thread; Stop kills the
//! program under test at once.

use std::path::PathBuf;
use std::sync::Arc;

use crossbeam_channel::Receiver;
use egui::RichText;
use serde::{Deserialize, Serialize};

use super::dialogs::{DialogKind, Dialogs, FilePicker};
use super::task::Task;
use super::widgets::{labelled_text, running_color, scroll_box};
use crate::check::report::{CheckResult, Report, Verdict};
use crate::check::{self, Exercise, Options, Role};
use crate::net::runner::{StopFlag, Waker};
use crate::protocol::escape_bytes;

/// What the checker thread reports.
enum Msg {
    Check(CheckResult),
    /// The program's output as it comes (each run starts with a `$ command` line).
    Output(String),
    Done(Result<Report, Failed>),
}

/// Why a check could not run, and the port when one of this window's own servers holds it.
struct Failed {
    message: String,
    held_here: Option<u16>,
}

/// The program's output kept for the window, at most; older text is dropped from the front.
pub const LIVE_OUTPUT_BYTES: usize = 64 * 1024;

/// What the Check section remembers between runs of the window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckSettings {
    /// The program under test is the server (else the client).
    pub server: bool,
    pub program: String,
    pub interpreter: String,
    pub args: String,
    pub port: u16,
}

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            server: true,
            program: String::new(),
            interpreter: default_interpreter(),
            args: "{port}".into(),
            port: 0,
        }
    }
}

/// Which file a dialog fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Program,
    Report,
}

/// The Check section of one exercise.
pub struct CheckPanel {
    exercise: Exercise,
    /// The program under test is the server (else the client).
    pub server: bool,
    pub program: String,
    pub interpreter: String,
    pub args: String,
    pub port: u16,
    /// Run the program confined (Landlock, limits, another user when root).
    pub confine: bool,
    /// The socklab program that confines it (None: this one).
    pub launcher: Option<PathBuf>,
    running: Option<(Receiver<Msg>, StopFlag)>,
    results: Vec<CheckResult>,
    /// The program's output during the last run, as it came.
    live: String,
    report: Option<Report>,
    error: Option<String>,
    /// The port the last check could not have because this window's own server holds it.
    held_here: Option<u16>,
    saved: Option<String>,
    /// The report being written, off the window's thread.
    saving: Option<Task<String>>,
    dialogs: Dialogs<Target>,
    /// Wakes the window when the report is written.
    waker: Option<Waker>,
}

/// The interpreter students' programs run with here.
fn default_interpreter() -> String {
    if cfg!(windows) { "py" } else { "python3" }.into()
}

impl CheckPanel {
    pub fn new(
        exercise: Exercise,
        picker: Arc<dyn FilePicker>,
        saved: Option<&CheckSettings>,
    ) -> Self {
        let mut panel = Self {
            exercise,
            server: true,
            program: String::new(),
            interpreter: default_interpreter(),
            args: String::new(),
            port: exercise.default_port(),
            confine: true,
            launcher: None,
            running: None,
            results: Vec::new(),
            live: String::new(),
            report: None,
            error: None,
            held_here: None,
            saved: None,
            saving: None,
            dialogs: Dialogs::new(picker),
            waker: None,
        };
        panel.args = panel.default_args();
        if let Some(s) = saved {
            panel.server = s.server;
            panel.program.clone_from(&s.program);
            panel.interpreter.clone_from(&s.interpreter);
            panel.args.clone_from(&s.args);
            if s.port != 0 {
                panel.port = s.port;
            }
        }
        panel
    }

    /// Whether the form is as a new window has it (nothing worth saving).
    pub fn is_default(&self) -> bool {
        self.settings()
            == CheckSettings {
                port: self.exercise.default_port(),
                ..CheckSettings::default()
            }
    }

    /// The form as it would be saved.
    pub fn settings(&self) -> CheckSettings {
        CheckSettings {
            server: self.server,
            program: self.program.clone(),
            interpreter: self.interpreter.clone(),
            args: self.args.clone(),
            port: self.port,
        }
    }

    /// Puts the form back to its defaults (a running check goes on).
    pub fn reset_settings(&mut self) {
        self.server = true;
        self.program.clear();
        self.interpreter = default_interpreter();
        self.port = self.exercise.default_port();
        self.args = self.default_args();
    }

    /// The program's output during the last run, as shown.
    pub fn live_output(&self) -> &str {
        &self.live
    }

    /// The arguments a handout program takes, with placeholders.
    fn default_args(&self) -> String {
        match (self.server, self.exercise) {
            (true, _) => "{port}".into(),
            (false, Exercise::TcpFile | Exercise::UdpFile) => {
                "{host}:{port}:{remote} {local}".into()
            }
            (false, _) => "{host} {port}".into(),
        }
    }

    pub fn exercise(&self) -> Exercise {
        self.exercise
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Starts the checks on a thread.
    pub fn run(&mut self, waker: Option<Waker>) {
        let mut command: Vec<String> = Vec::new();
        if !self.interpreter.trim().is_empty() {
            command.push(self.interpreter.trim().to_owned());
        }
        command.push(self.program.trim().to_owned());
        command.extend(self.args.split_whitespace().map(str::to_owned));
        let cancel = StopFlag::new();
        let options = Options {
            exercise: self.exercise,
            role: if self.server {
                Role::Server
            } else {
                Role::Client
            },
            command,
            host: "127.0.0.1".into(),
            port: self.port,
            format: None,
            name: "Ana".into(),
            number: 37,
            stdin: None,
            timeout: std::time::Duration::from_secs(10),
            file: None,
            cancel: cancel.clone(),
            tap: None,
            weights: None,
            confine: check::confine::Confine {
                enabled: self.confine,
                launcher: self.launcher.clone(),
                ..Default::default()
            },
            applied: Default::default(),
            writable: Vec::new(),
        };
        let (tx, rx) = crossbeam_channel::unbounded();
        let mut options = options;
        {
            let (tx, waker) = (tx.clone(), waker.clone());
            options.tap = Some(check::program::Tap::new(move |text| {
                let _ = tx.send(Msg::Output(text));
                if let Some(w) = &waker {
                    w();
                }
            }));
        }
        self.results.clear();
        self.live.clear();
        self.report = None;
        self.error = None;
        self.held_here = None;
        self.saved = None;
        let spawned = std::thread::Builder::new()
            .name(format!("check {}", self.exercise.name()))
            .spawn(move || {
                let wake = |w: &Option<Waker>| {
                    if let Some(w) = w {
                        w();
                    }
                };
                let mut each = |c: &CheckResult| {
                    // The window may be gone: nobody to tell then.
                    let _ = tx.send(Msg::Check(c.clone()));
                    wake(&waker);
                };
                let done = check::run(&options, &mut each).map_err(|e| Failed {
                    held_here: match &e {
                        check::CheckError::PortBusy { port, holder } if holder.is_socklab() => {
                            Some(*port)
                        }
                        _ => None,
                    },
                    message: e.to_string(),
                });
                let _ = tx.send(Msg::Done(done));
                wake(&waker);
            });
        match spawned {
            Ok(_) => self.running = Some((rx, cancel)),
            Err(e) => self.error = Some(format!("cannot start the check: {e}")),
        }
    }

    /// Stops the check: the program under test is killed at once.
    pub fn stop(&mut self) {
        if let Some((_, cancel)) = &self.running {
            cancel.stop();
        }
    }

    /// Takes what the checker and the dialogs reported.
    pub fn poll(&mut self) {
        if let Some((rx, _)) = &self.running {
            let mut finished = false;
            for msg in rx.try_iter() {
                match msg {
                    Msg::Check(c) => self.results.push(c),
                    Msg::Output(text) => {
                        self.live.push_str(&text);
                        if self.live.len() > LIVE_OUTPUT_BYTES {
                            let mut cut = self.live.len() - LIVE_OUTPUT_BYTES;
                            while !self.live.is_char_boundary(cut) {
                                cut += 1;
                            }
                            self.live.drain(..cut);
                        }
                    }
                    Msg::Done(Ok(report)) => {
                        self.report = Some(report);
                        finished = true;
                    }
                    Msg::Done(Err(e)) => {
                        self.error = Some(e.message);
                        self.held_here = e.held_here;
                        finished = true;
                    }
                }
            }
            if finished {
                self.running = None;
            }
        }
        if let Some(done) = self.saving.as_ref().and_then(Task::poll) {
            self.saved = Some(done.unwrap_or_else(|()| "the report was not saved".into()));
            self.saving = None;
        }
        if let Some((target, path)) = self.dialogs.poll() {
            match target {
                Target::Program => self.program = path.display().to_string(),
                Target::Report => self.save(path),
            }
        }
    }

    /// Writes the report to `path` on a helper thread (a disk may be slow; the window is not).
    fn save(&mut self, path: PathBuf) {
        let Some(report) = &self.report else { return };
        let html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html"));
        let text = if html {
            report.to_html()
        } else {
            report.to_markdown()
        };
        self.saving = Task::spawn(
            "save report",
            self.waker.clone(),
            move || match std::fs::write(&path, text) {
                Ok(()) => format!("saved {}", path.display()),
                Err(e) => format!("cannot save {}: {e}", path.display()),
            },
        );
    }

    /// The port the last check could not have because one of this window's own servers holds
    /// it (the window offers to stop that server).
    pub fn held_here(&self) -> Option<u16> {
        self.held_here
    }

    /// Whether the program under test is a TCP program.
    pub fn tcp(&self) -> bool {
        self.exercise.tcp()
    }

    /// Draws the section; `holder` names this window's exercise whose server holds the port
    /// the last check needed. True when its Stop button was clicked (the window stops it).
    pub fn ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>, holder: Option<&str>) -> bool {
        self.waker.clone_from(waker);
        let mut stop = false;
        egui::CollapsingHeader::new("Check a student's program")
            .id_salt("check section")
            .show(ui, |ui| stop = self.form_ui(ui, waker, holder));
        if stop {
            self.error = None;
            self.held_here = None;
        }
        stop
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, waker: &Option<Waker>, holder: Option<&str>) -> bool {
        let mut stop = false;
        ui.add(
            egui::Label::new(
                RichText::new("socklab runs the program (in a scratch copy of its folder, confined unless unticked below), plays the other role, and checks it against the handout.")
                    .weak(),
            )
            .wrap(),
        );
        let busy = self.is_running();
        ui.add_enabled_ui(!busy, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label("The program is the");
                let before = self.server;
                ui.selectable_value(&mut self.server, true, "server");
                ui.selectable_value(&mut self.server, false, "client");
                if before != self.server {
                    self.args = self.default_args();
                }
            });
            egui::Grid::new("check form").num_columns(2).show(ui, |ui| {
                labelled_text(ui, "Program", &mut self.program);
                ui.end_row();
                ui.label("");
                if ui
                    .add_enabled(
                        !self.dialogs.is_open(),
                        egui::Button::new("Choose program…"),
                    )
                    .clicked()
                {
                    self.dialogs
                        .open(Target::Program, DialogKind::Open, waker.clone());
                }
                ui.end_row();
                labelled_text(ui, "Interpreter", &mut self.interpreter);
                ui.end_row();
                labelled_text(ui, "Arguments", &mut self.args).on_hover_text(
                    "{host} and {port} are replaced; a file client also takes {remote} and {local}",
                );
                ui.end_row();
                let label = ui.label("Port");
                ui.add(egui::DragValue::new(&mut self.port).range(1..=65535))
                    .labelled_by(label.id);
                ui.end_row();
            });
            ui.checkbox(&mut self.confine, "Confine the program")
                .on_hover_text("Linux: files, TCP ports and signals by Landlock, limits on CPU, memory, processes and files, and another user when socklab runs as root");
        });
        if let Some((_, note)) = self.dialogs.note.as_ref() {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        ui.horizontal_wrapped(|ui| {
            let ready = !self.program.trim().is_empty() && !busy;
            if ui
                .add_enabled(ready, egui::Button::new("▶ Run checks"))
                .clicked()
            {
                self.run(waker.clone());
            }
            if ui.add_enabled(busy, egui::Button::new("⏹ Stop")).clicked() {
                self.stop();
            }
            if ui
                .add_enabled(
                    self.report.is_some() && !self.dialogs.is_open(),
                    egui::Button::new("Save report…"),
                )
                .clicked()
            {
                let name = format!("check-{}.md", self.exercise.name());
                self.dialogs
                    .open(Target::Report, DialogKind::Save(name), waker.clone());
            }
            if busy {
                ui.label(RichText::new("checking…").color(running_color(ui)));
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
            if let Some(holder) = holder
                && ui.button(format!("Stop {holder}")).clicked()
            {
                stop = true;
            }
        }
        if let Some(s) = &self.saved {
            ui.label(RichText::new(s).weak());
        }
        if let Some(c) = self.report.as_ref().and_then(|r| r.confinement.as_ref()) {
            let color = if c.enabled {
                ui.visuals().weak_text_color()
            } else {
                ui.visuals().error_fg_color
            };
            ui.add(egui::Label::new(RichText::new(c.line()).color(color)).wrap());
        }
        if let Some(r) = &self.report {
            ui.label(
                RichText::new(format!(
                    "{} passed, {} failed ({}){}",
                    r.passed(),
                    r.failed(),
                    r.summary(),
                    if r.required_passed() {
                        ", every required check passed"
                    } else {
                        ", a required check failed"
                    }
                ))
                .strong(),
            );
        }
        if !self.results.is_empty() {
            let height = super::widgets::list_height(ui) * 1.6;
            scroll_box(ui, "check results", height, false, |ui| {
                for (i, c) in self.results.iter().enumerate() {
                    result_ui(ui, i, c);
                }
            });
        }
        if !self.live.is_empty() {
            ui.label(RichText::new("The program's output, as it runs:").weak());
            let height = super::widgets::list_height(ui);
            scroll_box(ui, "check live output", height, true, |ui| {
                ui.label(RichText::new(self.live.trim()).monospace());
            });
        }
        stop
    }
}

impl Drop for CheckPanel {
    /// The window closing stops a running check: the program under test is killed (its
    /// watcher acts within 50 ms), rather than left running after socklab is gone.
    fn drop(&mut self) {
        if let Some((_, cancel)) = &self.running {
            cancel.stop();
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    }
}

/// One check: its verdict and reason, opening on its evidence.
fn result_ui(ui: &mut egui::Ui, i: usize, c: &CheckResult) {
    let (word, color) = match c.verdict {
        Verdict::Pass => ("PASS", running_color(ui)),
        Verdict::Fail => ("FAIL", ui.visuals().error_fg_color),
        Verdict::Skip => ("skip", ui.visuals().weak_text_color()),
    };
    let title = format!(
        "{word} {} {}{}: {}",
        c.id,
        c.title,
        if c.required { "" } else { " (advisory)" },
        c.reason
    );
    egui::CollapsingHeader::new(RichText::new(title).color(color))
        .id_salt(("check result", i))
        .show(ui, |ui| {
            let e = &c.evidence;
            if !e.sent.is_empty() {
                ui.label(RichText::new(format!("sent: \"{}\"", escape_bytes(&e.sent))).monospace());
            }
            if !e.received.is_empty() {
                ui.label(
                    RichText::new(format!("received: \"{}\"", escape_bytes(&e.received)))
                        .monospace(),
                );
            }
            if let Some(code) = e.exit_code {
                ui.label(format!("exit code {code}"));
            }
            if !e.stdout.trim().is_empty() {
                ui.label(RichText::new("the program's output:").weak());
                ui.label(RichText::new(e.stdout.trim_end()).monospace());
            }
        });
}
