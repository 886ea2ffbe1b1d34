//! The traffic inspector: a filterable, searchable table of the rows that lays out only those
//! on screen.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::paint::call_color;
use super::{Connection, Direction, MAX_TRAFFIC_ROWS, Row, Traffic};
use crate::gui::log_view::clock;
use crate::protocol::{escape_bytes, hex_bytes, thousands};

/// How the tables scroll sideways in a narrow column: by their scroll bar. The mouse wheel is
/// left to the table's rows and the page (egui would otherwise turn the vertical wheel into a
/// sideways scroll over a horizontal-only area, and the page would not move).
const SIDEWAYS: egui::scroll_area::ScrollSource = egui::scroll_area::ScrollSource {
    scroll_bar: true,
    drag: egui::scroll_area::DragScroll::OnTouch,
    // Shift+wheel (and a sideways wheel or touchpad) moves it; the plain wheel scrolls rows.
    mouse_wheel: true,
};

/// Below this width (points) the inspector leaves out its connection column (the Connection
/// filter and each row's tooltip still say it), so that the data stays in view.
const INSPECTOR_NARROW: f32 = 620.0;

/// Below this width the inspector is down to two columns: the call with its bytes, and the data.
const INSPECTOR_TIGHT: f32 = 420.0;

impl Traffic {
    /// The rows of the inspector as the table shows them (for tests): call and text.
    pub fn row_texts(&mut self) -> Vec<String> {
        self.selected()
            .into_iter()
            .map(|r| format!("{} {}", r.call.name(), row_text(r, false)))
            .collect()
    }

    /// The traffic inspector: filters, search, export, and a table `height` points high that
    /// lays out only the rows on screen and scrolls sideways when its column is narrow.
    pub fn inspector_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(crate::t!("win-traffic-connection"));
            let shown = self
                .filter_conn
                .and_then(|id| self.connections.get(&id))
                .map_or_else(|| crate::t!("win-traffic-all"), Connection::title);
            egui::ComboBox::from_id_salt("inspector conn")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter_conn, None, crate::t!("win-traffic-all"));
                    for c in self.connections.values() {
                        ui.selectable_value(&mut self.filter_conn, Some(c.id), c.title());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(crate::t!("win-traffic-direction"));
            egui::ComboBox::from_id_salt("inspector direction")
                .selected_text(self.direction.label())
                .show_ui(ui, |ui| {
                    for d in Direction::ALL {
                        ui.selectable_value(&mut self.direction, d, d.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(crate::t!("win-traffic-search"));
            ui.add(egui::TextEdit::singleline(&mut self.search).desired_width(110.0))
                .labelled_by(label.id);
            ui.checkbox(&mut self.show_hex, crate::t!("win-traffic-hex"));
        });
        self.refresh_matches();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(if self.dropped > 0 {
                    crate::t!(
                        "win-traffic-shown-dropped",
                        shown = thousands(self.matches.len() as u64),
                        count = self.rows.len(),
                        n = thousands(self.rows.len() as u64),
                        dropped = thousands(self.dropped),
                        kept = thousands(MAX_TRAFFIC_ROWS as u64)
                    )
                } else {
                    crate::t!(
                        "win-traffic-shown",
                        shown = thousands(self.matches.len() as u64),
                        count = self.rows.len(),
                        n = thousands(self.rows.len() as u64)
                    )
                })
                .weak(),
            );
            if ui.button(crate::t!("copy-csv")).clicked() {
                let csv = self.to_csv();
                ui.ctx().copy_text(csv);
            }
            if ui.button(crate::t!("copy-text")).clicked() {
                let text = self.to_text();
                ui.ctx().copy_text(text);
            }
        });
        let row_height = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
        let show_hex = self.show_hex;
        let dark = ui.visuals().dark_mode;
        let rows: Vec<u64> = self.matches.clone();
        let narrow = ui.available_width() < INSPECTOR_NARROW;
        // A pane of a projector's zoom: the call and its bytes share a column, and the time
        // is in the row's tooltip, so that the data has what is left.
        let tight = ui.available_width() < INSPECTOR_TIGHT;
        egui::ScrollArea::horizontal()
            .id_salt("inspector sideways")
            .scroll_source(SIDEWAYS)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                let table = TableBuilder::new(ui)
                    .id_salt(if tight {
                        "inspector table tight"
                    } else if narrow {
                        "inspector table narrow"
                    } else {
                        "inspector table"
                    })
                    .striped(true)
                    .stick_to_bottom(true)
                    .resizable(true)
                    .min_scrolled_height(height)
                    .max_scroll_height(height);
                let table = if tight {
                    table.column(Column::exact(96.0))
                } else {
                    table.column(Column::exact(100.0))
                };
                let table = if narrow {
                    table
                } else {
                    table.column(Column::initial(130.0).at_least(60.0).clip(true))
                };
                let table = if tight {
                    table
                } else {
                    table
                        .column(Column::exact(66.0))
                        .column(Column::exact(70.0))
                };
                table
                    .column(
                        Column::remainder()
                            .at_least(if tight { 60.0 } else { 140.0 })
                            .clip(true),
                    )
                    .header(row_height, |mut header| {
                        let data = if show_hex {
                            crate::t!("win-traffic-col-hex")
                        } else {
                            crate::t!("win-traffic-col-data")
                        };
                        let titles: Vec<String> = if tight {
                            vec![crate::t!("win-traffic-col-call-bytes"), data]
                        } else if narrow {
                            vec![
                                crate::t!("win-traffic-col-time"),
                                crate::t!("win-traffic-col-call"),
                                crate::t!("win-traffic-col-bytes"),
                                data,
                            ]
                        } else {
                            vec![
                                crate::t!("win-traffic-col-time"),
                                crate::t!("win-traffic-col-connection"),
                                crate::t!("win-traffic-col-call"),
                                crate::t!("win-traffic-col-bytes"),
                                data,
                            ]
                        };
                        for title in titles {
                            header.col(|ui| {
                                ui.strong(title);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(row_height, rows.len(), |mut row| {
                            let Some(r) = self.row_by_seq(rows[row.index()]) else {
                                return;
                            };
                            let color = call_color(dark, r.call);
                            let conn = r
                                .conn
                                .map(|c| c.to_string())
                                .unwrap_or_else(|| crate::t!("win-traffic-listening"));
                            if tight {
                                let mut name = r.call.name().to_owned();
                                if r.len > 0 || r.call.is_send() || r.call.is_recv() {
                                    name = format!("{name} {}", thousands(r.len as u64));
                                }
                                row.col(|ui| {
                                    ui.label(RichText::new(name).monospace().color(color))
                                        .on_hover_text(format!("{} · {conn}", clock(r.time)));
                                });
                                row.col(|ui| {
                                    let text = row_text(r, show_hex);
                                    ui.add(
                                        egui::Label::new(RichText::new(&text).monospace())
                                            .truncate(),
                                    )
                                    .on_hover_text(format!("{conn}: {text}"));
                                });
                                return;
                            }
                            row.col(|ui| {
                                ui.label(RichText::new(clock(r.time)).monospace().weak())
                                    .on_hover_text(&conn);
                            });
                            if !narrow {
                                row.col(|ui| {
                                    ui.label(RichText::new(&conn).monospace());
                                });
                            }
                            row.col(|ui| {
                                let name = if r.bulk {
                                    format!("{} ×", r.call.name())
                                } else {
                                    r.call.name().to_owned()
                                };
                                ui.label(RichText::new(name).monospace().color(color));
                            });
                            row.col(|ui| {
                                if r.len > 0 || r.call.is_send() || r.call.is_recv() {
                                    ui.label(RichText::new(thousands(r.len as u64)).monospace());
                                }
                            });
                            row.col(|ui| {
                                let text = row_text(r, show_hex);
                                // Cut to the column, whole in its tooltip.
                                ui.add(
                                    egui::Label::new(RichText::new(&text).monospace()).truncate(),
                                )
                                .on_hover_text(format!("{conn}: {text}"));
                            });
                        });
                    });
            });
    }
}

/// The data column of the inspector: the bytes (as text or hex), or the row's note.
fn row_text(r: &Row, show_hex: bool) -> String {
    if r.bulk {
        return r.note.clone();
    }
    let data = if show_hex {
        hex_bytes(&r.preview)
    } else {
        escape_bytes(&r.preview)
    };
    let more = if r.len > r.preview.len() { "…" } else { "" };
    if data.is_empty() {
        r.note.clone()
    } else if !r.note.is_empty() {
        // A dropped datagram, or a decoded packet: what it is, then its bytes.
        format!("{} · {data}{more}", r.note)
    } else {
        format!("{data}{more}")
    }
}
