//! One runner as the window sees it: its handle, its event channel, its output pane and status.

use crossbeam_channel::Receiver;
use egui::RichText;

use super::log_view::LogView;
use super::traffic::Traffic;
use super::widgets::{pane_height, running_color, status_dot};
use crate::error::Result;
use crate::net::event::{Event, Stamped, Summary};
use crate::net::runner::{self, Reporter, RunFn, RunHandle, StopFlag, Waker};

/// Where a runner stands, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Idle,
    Running(String),
    Done(String),
    Failed {
        error: String,
        hint: Option<String>,
    },
}

/// Most events handled per frame per runner, so a flood never stalls the window.
pub const EVENTS_PER_FRAME: usize = 2_000;

/// The views under a form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// What the handout says to display, and every message, as lines.
    #[default]
    Output,
    /// The traffic inspector.
    Traffic,
    /// The socket-call timeline.
    Timeline,
    /// A server's connections.
    Connections,
}

/// A runner slot: empty, running, or finished with its log kept.
#[derive(Default)]
pub struct RunSlot {
    handle: Option<RunHandle>,
    rx: Option<Receiver<Stamped>>,
    pub log: LogView,
    pub traffic: Traffic,
    pub view: View,
    pub status: Status,
}

impl RunSlot {
    /// Starts `work` on a named thread; events wake the window through `waker`.
    pub fn start<F>(&mut self, thread_name: &str, waker: Option<Waker>, work: F)
    where
        F: FnOnce(&Reporter, &StopFlag) -> Result<Summary> + Send + 'static,
    {
        self.stop();
        let (reporter, rx) = Reporter::channel(waker);
        match runner::spawn(thread_name, reporter, work) {
            Ok(handle) => {
                self.handle = Some(handle);
                self.rx = Some(rx);
                self.status = Status::Running("starting…".into());
            }
            Err(e) => {
                self.status = Status::Failed {
                    error: e.to_string(),
                    hint: e.hint(),
                };
            }
        }
    }

    /// Starts `tcp_run` or `udp_run` with `config`, as the transport says.
    pub fn start_either<C: Send + 'static>(
        &mut self,
        thread_name: &str,
        waker: Option<Waker>,
        tcp: bool,
        config: C,
        (tcp_run, udp_run): (RunFn<C>, RunFn<C>),
    ) {
        let run = if tcp { tcp_run } else { udp_run };
        self.start(thread_name, waker, move |r, s| run(config, r, s));
    }

    /// Asks the runner to stop; its `Finished` event arrives on a later frame.
    pub fn stop(&self) {
        if let Some(handle) = &self.handle {
            handle.stop();
        }
    }

    pub fn is_running(&self) -> bool {
        self.handle.is_some()
    }

    /// Takes the events that arrived since the last frame, records them in the log, and updates
    /// the status; returns them so the form can apply its own part.
    pub fn drain(&mut self) -> Vec<Stamped> {
        let Some(rx) = &self.rx else {
            return Vec::new();
        };
        let events: Vec<Stamped> = rx.try_iter().take(EVENTS_PER_FRAME).collect();
        for stamped in &events {
            self.log.record(stamped);
            self.traffic.record(stamped);
            match &stamped.event {
                Event::Listening { local, .. } => {
                    self.status = Status::Running(format!("listening on {local}"))
                }
                Event::Connected { peer, .. } => {
                    self.status = Status::Running(format!("talking to {peer}"))
                }
                Event::Finished(Ok(s)) => self.status = Status::Done(s.message.clone()),
                Event::Finished(Err(e)) => {
                    self.status = Status::Failed {
                        error: e.to_string(),
                        hint: e.hint(),
                    }
                }
                _ => {}
            }
        }
        if events.iter().any(|s| matches!(s.event, Event::Finished(_))) {
            if let Some(handle) = self.handle.take() {
                // The thread sent its last event; joining returns at once.
                handle.join();
            }
            self.rx = None;
        }
        events
    }

    /// Whether events are still queued (the caller should repaint again).
    pub fn has_backlog(&self) -> bool {
        self.rx.as_ref().is_some_and(|rx| !rx.is_empty())
    }

    /// The tabs under a form (Output, Traffic, Timeline, and Connections for a server) and the
    /// chosen view, in a box of fixed height (see [`pane_height`]) so that the page never grows
    /// because a log did.
    pub fn views_ui(&mut self, ui: &mut egui::Ui, title: &str, server: bool) {
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(title).strong());
            ui.selectable_value(&mut self.view, View::Output, "Output");
            ui.selectable_value(&mut self.view, View::Traffic, "Traffic");
            ui.selectable_value(&mut self.view, View::Timeline, "Timeline");
            if server {
                ui.selectable_value(&mut self.view, View::Connections, "Connections");
            }
        });
        let height = pane_height(ui);
        match self.view {
            View::Output => self.log.ui(ui, "output", height),
            View::Traffic => self.traffic.inspector_ui(ui, height),
            View::Timeline => self.traffic.timeline_ui(
                ui,
                if server { "this server" } else { "this client" },
                height,
            ),
            View::Connections => self.traffic.connections_ui(ui, height),
        }
    }

    /// The status line, coloured by outcome.
    pub fn status_ui(&self, ui: &mut egui::Ui) {
        match &self.status {
            Status::Idle => {
                ui.label(egui::RichText::new("Not running").weak());
            }
            Status::Running(text) => {
                // A still mark, not a spinner: a spinner repaints every frame, which costs a
                // lab machine that renders in software a whole core while nothing happens.
                ui.horizontal_wrapped(|ui| {
                    status_dot(ui, running_color(ui));
                    ui.label(text);
                });
            }
            Status::Done(text) => {
                ui.add(egui::Label::new(text.as_str()).wrap());
            }
            Status::Failed { error, hint } => {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("✖ {error}")).color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
                if let Some(hint) = hint {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("💡 {hint}")).color(ui.visuals().warn_fg_color),
                        )
                        .wrap(),
                    );
                }
            }
        }
    }
}
