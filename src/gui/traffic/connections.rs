//! The connections table of a server: one row per connection or UDP peer.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::Traffic;
use crate::gui::log_view::clock;
use crate::protocol::thousands;

impl Traffic {
    /// The connections table of a server: one row per connection or UDP peer, each open TCP
    /// one with a Close button. It fits its column (peer and state share what is left and are
    /// clipped; when it started, its last activity and its number are in the peer's tooltip),
    /// so it needs no sideways scroll and never draws over the neighbour.
    pub fn connections_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        if self.connections.is_empty() {
            ui.label(RichText::new(crate::t!("no-connections")).weak());
            return;
        }
        let tcp = self.tcp;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        // The latest connections that fit the box, without a scroll of their own: rows never
        // hide half under the header, and every Close button shown is whole.
        let fit = ((height / row_height) as usize).saturating_sub(1).max(1);
        let all = self.connections.len();
        let ids: Vec<u64> = self
            .connections
            .keys()
            .rev()
            .take(fit)
            .rev()
            .copied()
            .collect();
        if all > ids.len() {
            ui.label(
                RichText::new(crate::t!(
                    "win-connections-latest",
                    shown = ids.len(),
                    all = thousands(all as u64)
                ))
                .weak(),
            );
        }
        // A Close column for TCP only: UDP has no connection to close.
        let table = TableBuilder::new(ui)
            .id_salt("connections table")
            .striped(true)
            .vscroll(false);
        let table = if tcp {
            table.column(Column::exact(56.0))
        } else {
            table
        };
        table
            .column(Column::remainder().at_least(60.0).clip(true))
            .column(Column::remainder().at_least(40.0).clip(true))
            .column(Column::exact(64.0).clip(true))
            .column(Column::exact(64.0).clip(true))
            .header(row_height, |mut header| {
                let close = tcp.then(|| crate::t!("win-connections-col-close"));
                let titles = close.into_iter().chain([
                    crate::t!("win-connections-col-peer"),
                    crate::t!("win-connections-col-state"),
                    crate::t!("win-connections-col-in"),
                    crate::t!("win-connections-col-out"),
                ]);
                for title in titles {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, ids.len(), |mut row| {
                    let Some(c) = self.connections.get(&ids[row.index()]) else {
                        return;
                    };
                    // The button first, so that a narrow column still shows it.
                    if tcp {
                        row.col(|ui| {
                            let can_close = c.open && c.close.is_some();
                            if ui
                                .add_enabled(
                                    can_close,
                                    egui::Button::new(crate::t!("win-connections-close")),
                                )
                                .on_hover_text(crate::t!("close-connection-hint"))
                                .clicked()
                                && let Some(close) = &c.close
                            {
                                close.stop();
                            }
                        });
                    }
                    row.col(|ui| {
                        let peer = match &c.name {
                            Some(name) => format!("{} · {name}", c.peer),
                            None => c.peer.to_string(),
                        };
                        ui.add(egui::Label::new(RichText::new(peer).monospace()).truncate())
                            .on_hover_text(crate::t!(
                                "win-connections-row-hint",
                                id = c.id.to_string(),
                                peer = c.peer.to_string(),
                                started = clock(c.started),
                                last = clock(c.last)
                            ));
                    });
                    row.col(|ui| {
                        let state = c.state.text();
                        ui.add(egui::Label::new(&state).truncate())
                            .on_hover_text(&state);
                    });
                    row.col(|ui| {
                        ui.label(format!("{} B", thousands(c.bytes_in)));
                    });
                    row.col(|ui| {
                        ui.label(format!("{} B", thousands(c.bytes_out)));
                    });
                });
            });
    }
}
