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
use super::widgets::{
    labelled_text, number_rows, resizable_pane, running_color, scroll_box, typed_path_row,
};
use crate::check::report::{CheckResult, Report, Verdict};
use crate::check::{self, Exercise, Options, Role};
use crate::net::runner::{StopFlag, Waker};
use crate::protocol::escape_bytes;
use crate::t;

/// What the checker thread reports.
enum Msg {
    Check(CheckResult),
    /// The program's output as it comes (each run starts with a `$ command` line).
    Output(String),
    Done(Result<Report, Failed>),
    /// A folder of submissions: how many were found; then each one's row as it is graded.
    ClassSize(usize),
    Row(Row),
    /// Every submission of the class was graded (or the run was stopped).
    ClassDone,
}

/// A submission of a class: its file, its report or why it could not be run.
type Row = crate::check::class::Row;

/// Why a check could not run, and the port when one of this window's own servers holds it.
struct Failed {
    message: String,
    held_here: Option<u16>,
}

/// The program's output kept for the window, at most; older text is dropped from the front.
pub const LIVE_OUTPUT_BYTES: usize = 64 * 1024;

/// The language a student's program is written in: what the form's presets fill in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Python,
    Java,
    C,
    Cpp,
    Node,
    Go,
    /// Any command: the form's fields as typed.
    Other,
}

impl Language {
    pub const ALL: [Self; 7] = [
        Self::Python,
        Self::Java,
        Self::C,
        Self::Cpp,
        Self::Node,
        Self::Go,
        Self::Other,
    ];

    /// Its name on the form's button, in the window's language.
    pub fn label(self) -> String {
        match self {
            Self::Python => "Python".into(),
            Self::Java => "Java".into(),
            Self::C => "C".into(),
            Self::Cpp => "C++".into(),
            Self::Node => "Node.js".into(),
            Self::Go => "Go".into(),
            Self::Other => t!("win-check-any-command"),
        }
    }

    /// The interpreter and the build command it fills in (None: leaves the fields as they are).
    pub fn preset(self) -> Option<(String, String)> {
        let (interpreter, build) = match self {
            Self::Python => (default_interpreter(), String::new()),
            // Java 11 and later run a one-file program from its source.
            Self::Java => ("java".into(), String::new()),
            Self::Node => ("node".into(), String::new()),
            Self::C => (String::new(), format!("gcc -Wall -o {COMPILED} {{file}}")),
            Self::Cpp => (String::new(), format!("g++ -Wall -o {COMPILED} {{file}}")),
            Self::Go => (String::new(), format!("go build -o {COMPILED} {{file}}")),
            Self::Other => return None,
        };
        Some((interpreter, build))
    }

    /// The extension of its source files.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Python => "py",
            Self::Java => "java",
            Self::C => "c",
            Self::Cpp => "cpp",
            Self::Node => "js",
            Self::Go => "go",
            Self::Other => "*",
        }
    }

    /// Whether the program is built first and then run as `./program`.
    pub fn compiled(self) -> bool {
        matches!(self, Self::C | Self::Cpp | Self::Go)
    }
}

/// What a compiled language's build makes, run from the submission's folder.
const COMPILED: &str = "program";

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
    pub language: Language,
    /// The build command (empty: none).
    pub build: String,
}

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            server: true,
            program: String::new(),
            interpreter: default_interpreter(),
            args: "{port}".into(),
            port: 0,
            language: Language::Python,
            build: String::new(),
        }
    }
}

/// Which file a dialog fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Program,
    Report,
    Folder,
    ClassReport,
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
    /// The language preset chosen.
    pub language: Language,
    /// Run once before the checks, in a copy of the submission's folder (empty: no build).
    pub build: String,
    /// Run the program confined (Landlock, limits, another user when root).
    pub confine: bool,
    /// The socklab program that confines it (None: this one).
    pub launcher: Option<PathBuf>,
    /// Check a folder of submissions (every file the pattern matches in it), one by one.
    pub class_mode: bool,
    pub class_folder: String,
    /// Which file of each submission, as a pattern inside the folder.
    pub class_pattern: String,
    /// The class's rows so far, in the order they were graded, and how many files were found.
    class_rows: Vec<Row>,
    class_total: usize,
    /// What the class was checked with (the class page names it).
    class_options: Option<Options>,
    running: Option<(Receiver<Msg>, StopFlag)>,
    results: Vec<CheckResult>,
    /// The program's output during the last run, as it came.
    live: String,
    report: Option<Report>,
    error: Option<String>,
    /// The port the last check could not have because this window's own server holds it.
    held_here: Option<u16>,
    saved: Option<String>,
    /// A path typed for Save (where there is no file dialog).
    report_path: String,
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
            language: Language::Python,
            build: String::new(),
            confine: true,
            launcher: None,
            class_mode: false,
            class_folder: String::new(),
            class_pattern: "*/*.py".into(),
            class_rows: Vec::new(),
            class_total: 0,
            class_options: None,
            running: None,
            results: Vec::new(),
            live: String::new(),
            report: None,
            error: None,
            held_here: None,
            saved: None,
            report_path: String::new(),
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
            panel.language = s.language;
            panel.build.clone_from(&s.build);
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
            language: self.language,
            build: self.build.clone(),
        }
    }

    /// Puts the form back to its defaults (a running check goes on).
    pub fn reset_settings(&mut self) {
        self.server = true;
        self.program.clear();
        self.interpreter = default_interpreter();
        self.port = self.exercise.default_port();
        self.args = self.default_args();
        self.language = Language::Python;
        self.build.clear();
    }

    /// Chooses a language: its interpreter and build command fill the form.
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
        if let Some((interpreter, build)) = language.preset() {
            self.interpreter = interpreter;
            self.build = build;
        }
        if self.class_mode {
            self.class_pattern = format!("*/*.{}", language.extension());
        }
    }

    /// The program's output during the last run, as shown.
    pub fn live_output(&self) -> &str {
        &self.live
    }

    /// The arguments a handout program takes, with placeholders.
    fn default_args(&self) -> String {
        if self.server {
            "{port}".into()
        } else {
            self.exercise.info().client_args.into()
        }
    }

    pub fn exercise(&self) -> Exercise {
        self.exercise
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The check's options for `command`.
    fn options(&self, command: Vec<String>, cancel: StopFlag) -> Options {
        Options {
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
            cancel,
            tap: None,
            weights: None,
            visibility: check::report::Visibility::new(),
            confine: check::confine::Confine {
                enabled: self.confine,
                launcher: self.launcher.clone(),
                ..Default::default()
            },
            applied: Default::default(),
            writable: Vec::new(),
            pcap: None,
            build: Some(self.build.trim().to_owned()).filter(|b| !b.is_empty()),
            build_timeout: check::DEFAULT_BUILD_TIMEOUT,
            built: None,
        }
    }

    /// The command line: the interpreter, the program (`{file}` for a class), its arguments.
    fn command(&self, program: &str) -> Vec<String> {
        let mut command: Vec<String> = Vec::new();
        if self.language.compiled() {
            // Built from the source by the build command, run from its folder.
            command.push(format!("./{COMPILED}"));
            command.extend(self.args.split_whitespace().map(str::to_owned));
            return command;
        }
        if !self.interpreter.trim().is_empty() {
            command.push(self.interpreter.trim().to_owned());
        }
        command.push(program.to_owned());
        command.extend(self.args.split_whitespace().map(str::to_owned));
        command
    }

    /// Starts the checks on a thread: of the program, or of every submission in the folder.
    pub fn run(&mut self, waker: Option<Waker>) {
        if self.class_mode {
            self.run_class(waker);
            return;
        }
        let cancel = StopFlag::new();
        let mut options = self.options(self.command(self.program.trim()), cancel.clone());
        // The source is `{file}`: the build compiles it, in its folder.
        options.file = Some(self.program.trim().to_owned());
        let (tx, rx) = crossbeam_channel::unbounded();
        {
            let (tx, waker) = (tx.clone(), waker.clone());
            options.tap = Some(check::program::Tap::new(move |text| {
                let _ = tx.send(Msg::Output(text));
                if let Some(w) = &waker {
                    w();
                }
            }));
        }
        self.forget_last_run();
        // The checks' reasons speak the window's language.
        let spawned = std::thread::Builder::new()
            .name(format!("check {}", self.exercise.name()))
            .spawn(crate::i18n::inherit(move || {
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
            }));
        match spawned {
            Ok(_) => self.running = Some((rx, cancel)),
            Err(e) => {
                self.error = Some(t!("win-check-cannot-start", error = e.to_string()));
            }
        }
    }

    /// Checks every file `class_pattern` matches in `class_folder`, one after another on the
    /// port, each row sent as it is graded (the same rows as `socklab check --each`).
    fn run_class(&mut self, waker: Option<Waker>) {
        let pattern = std::path::Path::new(self.class_folder.trim())
            .join(self.class_pattern.trim())
            .display()
            .to_string();
        let cancel = StopFlag::new();
        let options = self.options(self.command("{file}"), cancel.clone());
        self.class_rows.clear();
        self.class_total = 0;
        self.forget_last_run();
        self.class_options = Some(options.clone());
        let (tx, rx) = crossbeam_channel::unbounded();
        let spawned = std::thread::Builder::new()
            .name(format!("check class {}", self.exercise.name()))
            .spawn(crate::i18n::inherit(move || {
                let wake = || {
                    if let Some(w) = &waker {
                        w();
                    }
                };
                let files: Vec<PathBuf> = match glob::glob(&pattern) {
                    Ok(paths) => paths.flatten().filter(|p| p.is_file()).collect(),
                    Err(e) => {
                        let _ = tx.send(Msg::Done(Err(Failed {
                            message: t!(
                                "win-check-bad-pattern",
                                pattern = format!("{pattern:?}"),
                                error = e.to_string()
                            ),
                            held_here: None,
                        })));
                        wake();
                        return;
                    }
                };
                if files.is_empty() {
                    let _ = tx.send(Msg::Done(Err(Failed {
                        message: t!("win-check-no-match", pattern = format!("{pattern:?}")),
                        held_here: None,
                    })));
                    wake();
                    return;
                }
                let _ = tx.send(Msg::ClassSize(files.len()));
                wake();
                for file in files {
                    if options.cancel.is_stopped() {
                        break;
                    }
                    let mut o = options.clone();
                    o.file = Some(file.display().to_string());
                    let outcome = check::run(&o, &mut |_| {});
                    if options.cancel.is_stopped() {
                        // Cut short: no row, rather than a wrong grade.
                        break;
                    }
                    let row = match outcome {
                        Ok(r) => (file.display().to_string(), Some(r), String::new()),
                        Err(e) => (file.display().to_string(), None, e.to_string()),
                    };
                    let _ = tx.send(Msg::Row(row));
                    wake();
                }
                let _ = tx.send(Msg::ClassDone);
                wake();
            }));
        match spawned {
            Ok(_) => self.running = Some((rx, cancel)),
            Err(e) => {
                self.error = Some(t!("win-check-cannot-start", error = e.to_string()));
            }
        }
    }

    /// Clears what the last run showed, before a new one starts.
    fn forget_last_run(&mut self) {
        self.results.clear();
        self.live.clear();
        self.report = None;
        self.error = None;
        self.held_here = None;
        self.saved = None;
    }

    /// The class's rows so far.
    pub fn class_rows(&self) -> &[Row] {
        &self.class_rows
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
                    Msg::ClassDone => finished = true,
                    Msg::ClassSize(n) => self.class_total = n,
                    Msg::Row(row) => self.class_rows.push(row),
                }
            }
            if finished {
                self.running = None;
            }
        }
        if let Some(done) = self.saving.as_ref().and_then(Task::poll) {
            self.saved = Some(done.unwrap_or_else(|()| t!("win-check-not-saved")));
            self.saving = None;
        }
        if let Some((target, path)) = self.dialogs.poll() {
            match target {
                Target::Program => self.program = path.display().to_string(),
                Target::Report => self.save(path),
                Target::Folder => self.class_folder = path.display().to_string(),
                Target::ClassReport => self.save_class(path),
            }
        }
    }

    /// Writes the class's report to `path` on a helper thread: a page for a name ending in
    /// .html or .htm, a Markdown table for any other (as `--each --report`).
    fn save_class(&mut self, path: PathBuf) {
        let Some(options) = &self.class_options else {
            return;
        };
        let class = check::class::of(&self.class_rows, options);
        let Some(text) = check::report::page_for(&path).class(&class) else {
            return;
        };
        self.saving = Task::spawn("save class report", self.waker.clone(), move || {
            saved_or_why(&path, crate::files::write_atomically(&path, text))
        });
    }

    /// Writes the report to `path` on a helper thread (a disk may be slow; the window is not):
    /// a page for a name ending in .html or .htm, Markdown for any other (as `--report`).
    fn save(&mut self, path: PathBuf) {
        let Some(report) = &self.report else { return };
        let text = check::report::page_for(&path).single(report);
        self.saving = Task::spawn("save report", self.waker.clone(), move || {
            saved_or_why(&path, crate::files::write_atomically(&path, text))
        });
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
        egui::CollapsingHeader::new(t!("win-check-section"))
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
        ui.add(egui::Label::new(RichText::new(t!("win-check-intro")).weak()).wrap());
        let busy = self.is_running();
        ui.add_enabled_ui(!busy, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("win-check-program-is"));
                let before = self.server;
                ui.selectable_value(&mut self.server, true, t!("win-check-server"));
                ui.selectable_value(&mut self.server, false, t!("win-check-client"));
                if before != self.server {
                    self.args = self.default_args();
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("win-check-what"));
                ui.selectable_value(&mut self.class_mode, false, t!("win-check-one-program"));
                ui.selectable_value(&mut self.class_mode, true, t!("win-check-class"));
            });
            egui::Grid::new("check form").num_columns(2).show(ui, |ui| {
                if self.class_mode {
                    labelled_text(ui, &t!("win-check-folder"), &mut self.class_folder);
                    ui.end_row();
                    ui.label("");
                    if ui
                        .add_enabled(
                            !self.dialogs.is_open(),
                            egui::Button::new(t!("win-check-choose-folder")),
                        )
                        .clicked()
                    {
                        self.dialogs
                            .open(Target::Folder, DialogKind::Folder, waker.clone());
                    }
                    ui.end_row();
                    labelled_text(ui, &t!("win-check-file-in-each"), &mut self.class_pattern)
                        .on_hover_text(t!("win-check-file-in-each-hint"));
                    ui.end_row();
                } else {
                    labelled_text(ui, &t!("win-check-program"), &mut self.program);
                    ui.end_row();
                    ui.label("");
                    if ui
                        .add_enabled(
                            !self.dialogs.is_open(),
                            egui::Button::new(t!("win-check-choose-program")),
                        )
                        .clicked()
                    {
                        self.dialogs
                            .open(Target::Program, DialogKind::Open, waker.clone());
                    }
                    ui.end_row();
                }
                ui.label(t!("win-check-language"));
                ui.horizontal_wrapped(|ui| {
                    for language in Language::ALL {
                        if ui
                            .selectable_label(self.language == language, language.label())
                            .clicked()
                        {
                            self.set_language(language);
                        }
                    }
                });
                ui.end_row();
                if !self.language.compiled() {
                    labelled_text(ui, &t!("win-check-interpreter"), &mut self.interpreter);
                    ui.end_row();
                }
                if self.language.compiled() || self.language == Language::Other {
                    labelled_text(ui, &t!("win-check-build"), &mut self.build)
                        .on_hover_text(t!("win-check-build-hint"));
                    ui.end_row();
                }
                labelled_text(ui, &t!("win-check-arguments"), &mut self.args)
                    .on_hover_text(t!("win-check-arguments-hint"));
                ui.end_row();
                number_rows(
                    ui,
                    &t!("win-check-port"),
                    egui::Id::unique(("check port", self.exercise.name())),
                    &mut self.port,
                    1..=65535,
                );
            });
            ui.checkbox(&mut self.confine, t!("win-check-confine"))
                .on_hover_text(t!("win-check-confine-hint"));
        });
        if let Some((_, note)) = self.dialogs.note.as_ref() {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        ui.horizontal_wrapped(|ui| {
            let ready = !busy
                && if self.class_mode {
                    !self.class_folder.trim().is_empty() && !self.class_pattern.trim().is_empty()
                } else {
                    !self.program.trim().is_empty()
                };
            if ui
                .add_enabled(ready, egui::Button::new(t!("win-check-run")))
                .clicked()
            {
                self.run(waker.clone());
            }
            if ui
                .add_enabled(busy, egui::Button::new(t!("win-check-stop")))
                .clicked()
            {
                self.stop();
            }
            if ui
                .add_enabled(
                    self.report.is_some() && !self.dialogs.is_open(),
                    egui::Button::new(t!("win-check-save-report")),
                )
                .clicked()
            {
                let name = format!("check-{}.md", self.exercise.name());
                self.dialogs
                    .open(Target::Report, DialogKind::Save(name), waker.clone());
            }
            if self.class_mode
                && ui
                    .add_enabled(
                        !busy && !self.class_rows.is_empty() && !self.dialogs.is_open(),
                        egui::Button::new(t!("win-check-save-class-report")),
                    )
                    .clicked()
            {
                let name = format!("class-{}.html", self.exercise.name());
                self.dialogs
                    .open(Target::ClassReport, DialogKind::Save(name), waker.clone());
            }
            if busy {
                ui.label(RichText::new(t!("win-check-checking")).color(running_color(ui)));
            }
        });
        // Where there is no file dialog: a path to type.
        let class_report = self.class_mode && !busy && !self.class_rows.is_empty();
        // Kept while a check runs (Save waits for the report), so that nothing above the
        // checklist appears when it ends.
        let saveable = self.report.is_some() || class_report;
        if (saveable || busy)
            && let Some((_, path)) = typed_path_row(
                ui,
                &t!("win-check-or-save-to"),
                &if class_report {
                    "class.html".to_owned()
                } else {
                    t!("win-check-report-path-hint")
                },
                &mut self.report_path,
                &[(&t!("win-save"), saveable, &t!("win-check-save-hint"))],
            )
            && saveable
        {
            if class_report {
                self.save_class(path);
            } else {
                self.save(path);
            }
        }
        if let Some(e) = &self.error {
            // The window's answer to a program its user cannot run is the box above.
            let e = e.replace(
                crate::check::confine::NOT_RUNNABLE_HINT,
                &t!(
                    "win-check-untick-confine",
                    checkbox = t!("win-check-confine")
                ),
            );
            ui.colored_label(ui.visuals().error_fg_color, e);
            if let Some(holder) = holder
                && ui
                    .button(t!("win-stop-exercise", exercise = holder))
                    .clicked()
            {
                stop = true;
            }
        }
        if let Some(s) = &self.saved {
            ui.label(RichText::new(s).weak());
        }
        if self.class_mode && (self.class_total > 0 || !self.class_rows.is_empty()) {
            self.class_ui(ui);
        }
        // A single program's checklist, not under a folder's table.
        if !self.results.is_empty() && !self.class_mode {
            let default = super::widgets::pane_height(ui);
            resizable_pane(
                ui,
                &t!("win-pane-checks"),
                "check results",
                default,
                |ui, height| {
                    scroll_box(ui, "check results", height, false, |ui| {
                        for (i, c) in self.results.iter().enumerate() {
                            result_ui(ui, i, c);
                        }
                    })
                },
            );
        }
        // The verdict's summary and the confinement under the checklist, which they would
        // push down the page if they came above it as the run ends.
        if let Some(r) = &self.report {
            ui.label(
                RichText::new(if r.required_passed() {
                    t!(
                        "win-check-totals-required-passed",
                        passed = r.passed(),
                        failed = r.failed(),
                        summary = r.summary()
                    )
                } else {
                    t!(
                        "win-check-totals-required-failed",
                        passed = r.passed(),
                        failed = r.failed(),
                        summary = r.summary()
                    )
                })
                .strong(),
            );
        }
        if let Some(c) = self.report.as_ref().and_then(|r| r.confinement.as_ref()) {
            let color = if c.enabled {
                ui.visuals().weak_text_color()
            } else {
                ui.visuals().error_fg_color
            };
            ui.add(egui::Label::new(RichText::new(c.line()).color(color)).wrap());
        }
        if !self.live.is_empty() {
            ui.label(RichText::new(t!("win-check-live-output")).weak());
            let default = super::widgets::list_height(ui);
            resizable_pane(
                ui,
                &t!("win-pane-program-output"),
                "check live output",
                default,
                |ui, height| {
                    scroll_box(ui, "check live output", height, true, |ui| {
                        ui.label(RichText::new(self.live.trim()).monospace());
                    })
                },
            );
        }
        stop
    }
}

impl CheckPanel {
    /// The class's table: a row per submission as it is graded, its score and each check.
    fn class_ui(&self, ui: &mut egui::Ui) {
        ui.label(
            RichText::new(t!(
                "win-check-class-progress",
                checked = self.class_rows.len(),
                count = self.class_total
            ))
            .strong(),
        );
        let names = crate::check::class::short_names(&self.class_rows);
        let height = super::widgets::list_height(ui) * 1.6;
        scroll_box(ui, "check class", height, false, |ui| {
            for ((_, report, err), name) in self.class_rows.iter().zip(&names) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(name).monospace());
                    match report {
                        Some(r) => {
                            ui.label(RichText::new(format!("{}%", r.score())).strong());
                            for c in &r.checks {
                                let (_, color) = verdict_look(ui, c);
                                let word = match c.verdict {
                                    Verdict::Pass => t!("win-check-class-pass"),
                                    Verdict::Fail => t!("win-check-class-fail"),
                                    Verdict::Skip => t!("win-check-class-skip"),
                                };
                                ui.label(RichText::new(format!("{} {word}", c.id)).color(color))
                                    .on_hover_text(&c.reason);
                            }
                        }
                        None => {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                t!("win-check-could-not-run", error = err.as_str()),
                            );
                        }
                    }
                });
            }
        });
    }
}

/// What a save says once it is done: where the file went, or why it did not.
fn saved_or_why(path: &std::path::Path, written: std::io::Result<()>) -> String {
    let path = path.display().to_string();
    match written {
        Ok(()) => t!("win-saved", path = path),
        Err(e) => t!("win-cannot-save", path = path, error = e.to_string()),
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

/// A verdict's word and colour, the same in the checklist and the class table: a failed
/// required check red, a failed advisory one the warning colour.
fn verdict_look(ui: &egui::Ui, c: &CheckResult) -> (String, egui::Color32) {
    match c.verdict {
        Verdict::Pass => (t!("win-check-pass"), running_color(ui)),
        Verdict::Fail if c.required => (t!("win-check-fail"), ui.visuals().error_fg_color),
        Verdict::Fail => (t!("win-check-fail"), ui.visuals().warn_fg_color),
        Verdict::Skip => (t!("win-check-skip"), ui.visuals().weak_text_color()),
    }
}

/// One check: its verdict and reason, opening on its evidence.
fn result_ui(ui: &mut egui::Ui, i: usize, c: &CheckResult) {
    let (word, color) = verdict_look(ui, c);
    // The id, then the title apart from it: "PASS listens · listens within 5 s of starting".
    let title = if c.required {
        t!(
            "win-check-result",
            verdict = word,
            id = c.id,
            title = c.title.as_str(),
            reason = c.reason.as_str()
        )
    } else {
        t!(
            "win-check-result-advisory",
            verdict = word,
            id = c.id,
            title = c.title.as_str(),
            reason = c.reason.as_str()
        )
    };
    egui::CollapsingHeader::new(RichText::new(title).color(color))
        .id_salt(("check result", i))
        .show(ui, |ui| {
            let e = &c.evidence;
            if !e.sent.is_empty() {
                ui.label(
                    RichText::new(t!("win-check-sent", data = e.sent_shown("\"", "\"")))
                        .monospace(),
                );
            }
            if !e.received.is_empty() {
                ui.label(
                    RichText::new(t!(
                        "win-check-received",
                        data = format!("\"{}\"", escape_bytes(&e.received))
                    ))
                    .monospace(),
                );
            }
            if !e.typed.is_empty() {
                ui.label(
                    RichText::new(t!("win-check-typed", data = e.typed_shown("\"", "\"")))
                        .monospace(),
                );
            }
            if let Some(code) = e.exit_code {
                ui.label(t!("win-check-exit-code", code = code.to_string()));
            }
            if !e.stdout.trim().is_empty() {
                ui.label(RichText::new(t!("win-check-program-said")).weak());
                ui.label(RichText::new(e.stdout.trim_end()).monospace());
            }
        });
}
