//! Painting the timeline: a step's lifelines, arrow (crossed out when the simulator dropped
//! it) or call box, its label fitted between the lifelines, and the colours of the calls.

use std::time::SystemTime;

use egui::Color32;

use super::Call;

/// One line of the timeline.
pub(super) struct Step {
    pub(super) call: Call,
    /// It stands for a whole transfer: drawn heavier.
    pub(super) bulk: bool,
    /// Dropped by the network simulator: the arrow is crossed out.
    pub(super) dropped: bool,
    pub(super) label: String,
    pub(super) note: String,
    pub(super) time: SystemTime,
}

pub(super) fn paint_step(ui: &egui::Ui, rect: egui::Rect, step: &Step, dark: bool) {
    let painter = ui.painter_at(rect);
    let left = rect.left() + rect.width() * 0.12;
    let right = rect.left() + rect.width() * 0.62;
    let line_color = ui.visuals().weak_text_color();
    painter.line_segment(
        [
            egui::pos2(left, rect.top()),
            egui::pos2(left, rect.bottom()),
        ],
        (1.5, line_color),
    );
    painter.line_segment(
        [
            egui::pos2(right, rect.top()),
            egui::pos2(right, rect.bottom()),
        ],
        (1.5, line_color),
    );
    let color = call_color(dark, step.call);
    // Arrows run low in the row, with their label above them, inside the row.
    let mid = if step.call.is_send() || step.call.is_recv() {
        rect.bottom() - 7.0
    } else {
        rect.center().y
    };
    let font = egui::FontId::monospace(12.0);
    if step.call.is_send() || step.call.is_recv() {
        let (from, to) = if step.call.is_send() {
            (left, right)
        } else {
            (right, left)
        };
        let width = if step.bulk { 3.5 } else { 1.5 };
        if step.dropped {
            // A datagram that never arrived: the line stops short of the other side, crossed.
            let end = from + (to - from) * 0.6;
            painter.line_segment(
                [egui::pos2(from, mid), egui::pos2(end, mid)],
                egui::Stroke::new(width, color),
            );
            let cross = ui.visuals().error_fg_color;
            let r = 5.0;
            painter.line_segment(
                [egui::pos2(end - r, mid - r), egui::pos2(end + r, mid + r)],
                egui::Stroke::new(2.0, cross),
            );
            painter.line_segment(
                [egui::pos2(end - r, mid + r), egui::pos2(end + r, mid - r)],
                egui::Stroke::new(2.0, cross),
            );
        } else {
            let stroke = egui::Stroke::new(width, color);
            painter.line_segment([egui::pos2(from, mid), egui::pos2(to, mid)], stroke);
            // A head of its own, of a fixed size: egui's grows with the arrow (a quarter of
            // it), and a long arrow's head reached up over the first letters of its label.
            let tip = egui::pos2(to, mid);
            for wing in arrow_wings(tip, to < from) {
                painter.line_segment([tip, wing], stroke);
            }
        }
        // Centred over the arrow, between the lifelines: a longer label is cut with "…" there
        // (the row's tooltip has it whole), never drawn through the arrowhead or the peer.
        let galley = fitted_label(
            &painter,
            &step.label,
            font.clone(),
            color,
            right - left - 8.0,
        );
        let at = egui::pos2(
            (left + right) / 2.0 - galley.size().x / 2.0,
            mid - LABEL_GAP - galley.size().y,
        );
        painter.galley(at, galley, color);
    } else {
        let text_rect = painter.text(
            egui::pos2(left + 8.0, mid),
            egui::Align2::LEFT_CENTER,
            &step.label,
            font.clone(),
            color,
        );
        painter.rect_stroke(
            text_rect.expand(2.0),
            3.0,
            (1.0, color),
            egui::StrokeKind::Outside,
        );
        painter.circle_filled(egui::pos2(left, mid), 3.5, color);
    }
    if !step.note.is_empty() {
        painter.text(
            egui::pos2(right + 6.0, mid),
            egui::Align2::LEFT_CENTER,
            &step.note,
            egui::FontId::proportional(12.0),
            ui.visuals().warn_fg_color,
        );
    }
}

/// Points between an arrow and the bottom of its label.
const LABEL_GAP: f32 = 6.0;

/// How far an arrowhead's wings reach back along the arrow, and to either side of it.
const HEAD_LENGTH: f32 = 9.0;
const HEAD_HALF_WIDTH: f32 = 4.5;

/// The two ends of an arrowhead's wings for a tip at `tip` on a level arrow pointing left
/// (`leftwards`) or right: always the same size, within [`HEAD_HALF_WIDTH`] of the line.
fn arrow_wings(tip: egui::Pos2, leftwards: bool) -> [egui::Pos2; 2] {
    let back = if leftwards { HEAD_LENGTH } else { -HEAD_LENGTH };
    [
        egui::pos2(tip.x + back, tip.y - HEAD_HALF_WIDTH),
        egui::pos2(tip.x + back, tip.y + HEAD_HALF_WIDTH),
    ]
}

/// `label` laid out on one line of at most `width` points, cut with "…" when longer.
fn fitted_label(
    painter: &egui::Painter,
    label: &str,
    font: egui::FontId,
    color: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(label.to_owned(), font, color);
    job.wrap = egui::text::TextWrapping {
        max_width: width.max(8.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    painter.layout_job(job)
}

pub(super) fn call_color(dark: bool, call: Call) -> Color32 {
    match (call.is_send(), call.is_recv(), dark) {
        (true, _, true) => Color32::from_rgb(120, 190, 255),
        (true, _, false) => Color32::from_rgb(20, 90, 180),
        (_, true, true) => Color32::from_rgb(140, 220, 140),
        (_, true, false) => Color32::from_rgb(20, 120, 40),
        (_, _, true) => Color32::from_rgb(230, 190, 120),
        (_, _, false) => Color32::from_rgb(150, 90, 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arrowhead_stays_under_its_label_however_long_the_arrow() {
        let mid = 100.0;
        for leftwards in [true, false] {
            let tip = egui::pos2(if leftwards { 20.0 } else { 900.0 }, mid);
            let wings = arrow_wings(tip, leftwards);
            for w in wings {
                // The label's bottom is LABEL_GAP above the line: the wings never reach it.
                assert!(w.y > mid - LABEL_GAP, "{w:?}");
                assert!((w.x - tip.x).abs() <= HEAD_LENGTH);
            }
            // Pointing the way the arrow goes: a leftward head's wings are right of its tip.
            assert_eq!(wings[0].x > tip.x, leftwards);
        }
    }

    #[test]
    fn a_long_timeline_label_is_cut_to_the_room_between_the_lifelines() {
        let ctx = egui::Context::default();
        let label = "send() ×204,800 · blocks of 1,024 B · last 1,024 B · 200.0 MiB in all";
        let mut widths = Vec::new();
        let mut out = ctx.run_ui(Default::default(), |ui| {
            for room in [80.0, 160.0, 1000.0] {
                let g = fitted_label(
                    ui.painter(),
                    label,
                    egui::FontId::monospace(12.0),
                    Color32::WHITE,
                    room,
                );
                widths.push((room, g.size().x, g.rows.len(), g.text().to_owned()));
            }
        });
        out.textures_delta.clear();
        for (room, width, rows, _) in &widths[..2] {
            assert!(width <= room, "{width} in {room}");
            assert_eq!(*rows, 1);
        }
        // With room enough, the whole label, wider than the room the others had.
        assert!(widths[2].1 > 160.0, "{:?}", widths[2]);
    }
}
