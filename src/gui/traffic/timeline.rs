//! The socket-call timeline: a sequence diagram of one connection (or UDP peer) between this
//! side and its peer.

use egui::RichText;

use super::paint::{Step, call_color, paint_step};
use super::{Call, Row, Traffic};
use crate::gui::log_view::clock;
use crate::protocol::thousands;

impl Traffic {
    /// The connection the timeline shows: the user's pick, or else the latest.
    pub fn timeline_connection(&self) -> Option<u64> {
        self.timeline_pick
            .filter(|id| self.connections.contains_key(id))
            .or_else(|| self.connections.keys().next_back().copied())
    }

    /// The socket-call timeline: a sequence diagram of one connection (or UDP peer) between
    /// this side and its peer, with byte counts, in a box `height` points high.
    pub fn timeline_ui(&mut self, ui: &mut egui::Ui, this_side: &str, height: f32) {
        let shown = self.timeline_connection();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(crate::t!("win-traffic-connection"));
            let text = match (
                self.timeline_pick,
                shown.and_then(|id| self.connections.get(&id)),
            ) {
                (_, None) => crate::t!("win-timeline-none-yet"),
                (None, Some(c)) => crate::t!("win-timeline-latest", connection = c.title()),
                (Some(_), Some(c)) => c.title(),
            };
            egui::ComboBox::from_id_salt("timeline conn")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.timeline_pick,
                        None,
                        crate::t!("win-timeline-follow-latest"),
                    );
                    for c in self.connections.values().rev() {
                        ui.selectable_value(&mut self.timeline_pick, Some(c.id), c.title());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if self.server && !self.listening.is_empty() {
            let calls: Vec<String> = self.listening.iter().map(step_label).collect();
            ui.label(
                RichText::new(crate::t!(
                    "win-timeline-listening-socket",
                    calls = calls.join(" · ")
                ))
                .monospace()
                .color(call_color(ui.visuals().dark_mode, Call::Listen)),
            );
        }
        let steps = self.timeline_steps();
        if steps.is_empty() {
            ui.label(RichText::new(crate::t!("no-socket-calls")).weak());
            return;
        }
        let peer_name = shown
            .and_then(|id| self.connections.get(&id))
            .map_or_else(|| crate::t!("win-timeline-peer"), |c| c.peer.to_string());
        let dark = ui.visuals().dark_mode;
        let row_height = 28.0;
        if self.tcp {
            ui.label(RichText::new(crate::t!("win-timeline-stream-note")).weak());
        }
        ui.horizontal(|ui| {
            let w = ui.available_width();
            ui.add_sized(
                [w * 0.5, 18.0],
                egui::Label::new(RichText::new(this_side).strong()),
            );
            ui.add_sized(
                [w * 0.45, 18.0],
                egui::Label::new(RichText::new(&peer_name).strong()).truncate(),
            );
        });
        egui::ScrollArea::vertical()
            .id_salt("timeline")
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .stick_to_bottom(true)
            .show_rows(ui, row_height, steps.len(), |ui, range| {
                for step in &steps[range] {
                    let (rect, response) = ui.allocate_exact_size(
                        egui::vec2(ui.available_width(), row_height),
                        egui::Sense::hover(),
                    );
                    paint_step(ui, rect, step, dark);
                    response.on_hover_text(format!("{} at {}", step.label, clock(step.time)));
                }
            });
    }

    /// The timeline's steps as text, one per line; a step's note follows it as a line. On a
    /// server, the listening socket's calls come first, once.
    pub fn timeline_labels(&self) -> Vec<String> {
        let header = if self.server {
            self.listening.iter().map(step_label).collect()
        } else {
            Vec::new()
        };
        header
            .into_iter()
            .chain(self.timeline_steps().into_iter().flat_map(|s| {
                std::iter::once(s.label).chain((!s.note.is_empty()).then_some(s.note))
            }))
            .collect()
    }

    /// The steps of the shown connection, and only of it.
    fn timeline_steps(&self) -> Vec<Step> {
        let Some(conn) = self.timeline_connection() else {
            return Vec::new();
        };
        let mut steps: Vec<Step> = Vec::new();
        let rows: Vec<&Row> = self.rows.iter().filter(|r| r.link == Some(conn)).collect();
        let mut i = 0;
        while i < rows.len() {
            let r = rows[i];
            // Consecutive receives after one send are grouped, so that a stream's split is seen.
            let mut group = 1;
            if self.tcp && r.call.is_recv() && !r.bulk {
                while i + group < rows.len()
                    && rows[i + group].call.is_recv()
                    && !rows[i + group].bulk
                {
                    group += 1;
                }
            }
            for (k, g) in rows[i..i + group].iter().enumerate() {
                let note = if group > 1 && k + 1 == group {
                    let total: usize = rows[i..i + group].iter().map(|x| x.len).sum();
                    crate::t!(
                        "win-timeline-receives",
                        receives = group,
                        bytes = bytes(total as u64)
                    )
                } else {
                    String::new()
                };
                steps.push(Step {
                    call: g.call,
                    bulk: g.bulk,
                    dropped: g.dropped,
                    label: step_label(g),
                    note: if g.dropped { g.note.clone() } else { note },
                    time: g.time,
                });
            }
            i += group;
        }
        steps
    }
}

/// "7 bytes", in the window's language.
fn bytes(n: u64) -> String {
    crate::t!("win-bytes", count = n, n = thousands(n))
}

/// A timeline step's text: the call with its argument or byte count.
fn step_label(r: &Row) -> String {
    match r.call {
        c if r.bulk => format!("{}() {}", c.name(), r.note),
        // A decoded packet (TFTP) says what it is; a drop says so in the note column.
        c if (c.is_send() || c.is_recv()) && !r.note.is_empty() && !r.dropped => {
            format!("{}() {}", c.name(), r.note)
        }
        c if c.is_send() || c.is_recv() => {
            format!("{}() {}", c.name(), bytes(r.len as u64))
        }
        Call::Bind | Call::Connect => format!("{}({})", r.call.name(), r.note),
        Call::Close if !r.note.is_empty() => format!("close(): {}", r.note),
        c => format!("{}()", c.name()),
    }
}
