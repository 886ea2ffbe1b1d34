//! Small widgets shared by the exercise forms.

use std::net::SocketAddr;

use crate::net::addr::{BindChoice, reachable_addresses};
use crate::t;

/// Width, in logical points, from which an exercise's server and client stand side by side;
/// below it they stack, server above client. Logical points make window size and zoom one rule:
/// a 1024-px window at 100% and a 2048-px window at 200% lay out alike.
pub const SIDE_BY_SIDE_MIN_WIDTH: f32 = 760.0;

/// Widest a form's text field grows, in points.
pub const FIELD_MAX_WIDTH: f32 = 260.0;
/// Narrowest a form's text field shrinks to, in points.
pub const FIELD_MIN_WIDTH: f32 = 90.0;

/// Height of the Output / Traffic / Timeline / Connections box under a form: a share of the
/// window, so that the rest of the form stays in view and the page never grows with a log.
pub fn pane_height(ui: &egui::Ui) -> f32 {
    (ui.ctx().content_rect().height() * 0.42).clamp(170.0, 420.0)
}

/// Height of a list that grows with the class (clients heard from, sessions, shared files,
/// the conversation): it scrolls inside a box of this height.
pub fn list_height(ui: &egui::Ui) -> f32 {
    (ui.ctx().content_rect().height() * 0.22).clamp(72.0, 220.0)
}

/// The colour of "running" marks: readable on both themes.
pub fn running_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(110, 210, 120)
    } else {
        egui::Color32::from_rgb(0, 110, 30)
    }
}

/// A box of fixed height whose content scrolls (vertically, and sideways when too wide).
pub fn scroll_box<R>(
    ui: &mut egui::Ui,
    id_salt: &str,
    height: f32,
    stick_to_bottom: bool,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::ScrollArea::both()
        .id_salt(id_salt)
        .max_height(height)
        // Content taller than the box scrolls in all of it, even where the page leaves less.
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .stick_to_bottom(stick_to_bottom)
        .show(ui, add_contents)
        .inner
}

/// A path to type where there is no file dialog (or instead of it), with the buttons that
/// save to it: `label [path] [button]…`. Returns the index of the button clicked, or of the
/// first enabled one when Enter was pressed in the field, and the path typed.
pub fn typed_path_row(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    path: &mut String,
    buttons: &[(&str, bool, &str)],
) -> Option<(usize, std::path::PathBuf)> {
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let field = ui
            .add(
                egui::TextEdit::singleline(path)
                    .hint_text(hint)
                    .desired_width(200.0),
            )
            .labelled_by(l.id);
        let typed = path.trim().to_owned();
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        for (i, (text, enabled, hover)) in buttons.iter().enumerate() {
            let ready = *enabled && !typed.is_empty();
            if ui
                .add_enabled(ready, egui::Button::new(*text))
                .on_hover_text(*hover)
                .clicked()
            {
                chosen = Some(i);
            }
        }
        if enter && chosen.is_none() && !typed.is_empty() {
            chosen = buttons.iter().position(|(_, enabled, _)| *enabled);
        }
    });
    let typed = std::path::PathBuf::from(path.trim());
    chosen.map(|i| (i, typed))
}

/// Lines a resizable pane shows at the least.
pub const PANE_MIN_LINES: f32 = 8.0;

/// A pane the user can make taller or shorter by dragging the handle under it: `add` draws it
/// `height` points high, from `default` until it is dragged (then what was chosen, kept in
/// egui's persisted memory), never less than [`PANE_MIN_LINES`] lines of body text nor more
/// than the window. The handle is labelled "Resize NAME" for screen readers and tests.
pub fn resizable_pane<R>(
    ui: &mut egui::Ui,
    name: &str,
    id_salt: &str,
    default: f32,
    add: impl FnOnce(&mut egui::Ui, f32) -> R,
) -> R {
    let id = egui::Id::unique(("pane height", id_salt));
    let min = pane_min_height(ui);
    let max = (ui.ctx().content_rect().height() * 0.9).max(min);
    let chosen: Option<f32> = ui.data_mut(|d| d.get_persisted(id));
    let height = chosen.unwrap_or(default).clamp(min, max);
    let inner = add(ui, height);
    // A grip of its own width: a full-width one would reach past a narrow, scrolled column.
    let (rect, handle) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(120.0), 10.0),
        egui::Sense::drag(),
    );
    let label = t!("ex-resize", name = name);
    handle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Splitter, true, &label));
    let handle = handle.on_hover_cursor(egui::CursorIcon::ResizeVertical);
    if handle.dragged() {
        let dragged = (height + handle.drag_delta().y).clamp(min, max);
        ui.data_mut(|d| d.insert_persisted(id, dragged));
    }
    // A grip: three short lines in the middle, brighter while hovered or dragged.
    let stroke = if handle.hovered() || handle.dragged() {
        ui.visuals().widgets.hovered.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let c = rect.center();
    for dy in [-2.5_f32, 0.0, 2.5] {
        ui.painter().line_segment(
            [
                egui::pos2(c.x - 18.0, c.y + dy),
                egui::pos2(c.x + 18.0, c.y + dy),
            ],
            stroke,
        );
    }
    inner
}

/// The least height of a resizable pane: [`PANE_MIN_LINES`] lines of body text.
pub fn pane_min_height(ui: &egui::Ui) -> f32 {
    let line = ui
        .text_style_height(&egui::TextStyle::Body)
        .max(ui.text_style_height(&egui::TextStyle::Monospace))
        + 4.0;
    PANE_MIN_LINES * line
}

/// A label and a single-line text field tied to it (so screen readers and tests find the field
/// by its label). Meant for a two-column `Grid`; the field shrinks to fit a narrow column.
pub fn labelled_text(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(field_width(ui)))
        .labelled_by(label.id)
}

/// The width a text field gets in the space left on this row (less the field's frame and the
/// page's scroll bar, which the row's space still counts).
pub fn field_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - 20.0).clamp(FIELD_MIN_WIDTH, FIELD_MAX_WIDTH)
}

/// An address shown in monospace with a button that copies it.
pub fn copyable_address(ui: &mut egui::Ui, address: &str) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(address).monospace());
        if ui.small_button(t!("ex-copy")).clicked() {
            ui.ctx().copy_text(address.to_owned());
        }
    });
}

/// What a number field's text holds beside the value it last applied.
#[derive(Clone)]
struct NumberText {
    text: String,
    applied: String,
}

/// A number typed as text, like the client's fields: what is typed stays as typed (the value
/// never jumps, and focus stays put when the layout moves: the field's id is `id`, not its
/// place); a number within `range` is applied, anything else is explained in the returned
/// error and the value keeps its last good number. A value changed elsewhere (Reset) shows.
pub fn number_field<T>(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut T,
    range: std::ops::RangeInclusive<T>,
    width: f32,
) -> (egui::Response, Option<String>)
where
    T: Copy + PartialOrd + std::fmt::Display + std::str::FromStr,
{
    let shown = value.to_string();
    let mut state = ui.data_mut(|d| {
        d.get_temp::<NumberText>(id).unwrap_or(NumberText {
            text: shown.clone(),
            applied: shown.clone(),
        })
    });
    if state.applied != shown {
        // Changed elsewhere: show the new value.
        state = NumberText {
            text: shown.clone(),
            applied: shown,
        };
    }
    let response = ui.add(
        egui::TextEdit::singleline(&mut state.text)
            .id(id)
            .desired_width(width),
    );
    let typed = state.text.trim();
    // The range's ends as written here (Fluent would write numbers its own way).
    let (min, max) = (range.start().to_string(), range.end().to_string());
    let error = match typed.parse::<T>() {
        Ok(v) if range.contains(&v) => {
            if v.to_string() != state.applied {
                *value = v;
                state.applied = v.to_string();
            }
            None
        }
        Err(_) if typed.is_empty() => Some(t!("ex-number-empty", min = min, max = max)),
        // Too big or negative for the type is out of range too, not "not a number".
        _ if typed.parse::<f64>().is_ok_and(f64::is_finite) => Some(t!(
            "ex-number-out-of-range",
            typed = typed,
            min = min,
            max = max
        )),
        _ => Some(t!(
            "ex-number-not-a-number",
            typed = typed,
            min = min,
            max = max
        )),
    };
    ui.data_mut(|d| d.insert_temp(id, state));
    (response, error)
}

/// A grid row with `label` and a [`number_field`], and a row under it with the error, if any.
pub fn number_rows<T>(
    ui: &mut egui::Ui,
    label: &str,
    id: egui::Id,
    value: &mut T,
    range: std::ops::RangeInclusive<T>,
) -> egui::Response
where
    T: Copy + PartialOrd + std::fmt::Display + std::str::FromStr,
{
    let l = ui.label(label);
    let (response, error) = number_field(ui, id, value, range, 90.0);
    let response = response.labelled_by(l.id);
    ui.end_row();
    if let Some(error) = error {
        ui.label("");
        ui.colored_label(ui.visuals().warn_fg_color, error);
        ui.end_row();
    }
    response
}

/// The server form's Port field, which Ctrl+1 focuses.
pub fn server_port_id() -> egui::Id {
    egui::Id::unique("server port field")
}

/// The client form's Server address field, which Ctrl+2 focuses.
pub fn server_address_id() -> egui::Id {
    egui::Id::unique("client server address field")
}

/// The client's Server address row (the field Ctrl+2 focuses).
pub fn server_address_row(ui: &mut egui::Ui, text: &mut String) -> egui::Response {
    let label = ui.label(t!("ex-server-address"));
    ui.add(
        egui::TextEdit::singleline(text)
            .id(server_address_id())
            .desired_width(field_width(ui)),
    )
    .labelled_by(label.id)
}

/// Two rows of a two-column `Grid`: where a server binds, and its port.
pub fn bind_port_rows(ui: &mut egui::Ui, id_salt: &str, bind: &mut BindChoice, port: &mut u16) {
    let label = ui.label(t!("ex-bind-address"));
    // As wide as a text field at most: a longer choice (in a longer language) is cut short,
    // its whole text in the menu.
    egui::ComboBox::from_id_salt(id_salt)
        .width(field_width(ui))
        .truncate()
        .selected_text(bind_label(*bind))
        .show_ui(ui, |ui| {
            for choice in BindChoice::ALL {
                ui.selectable_value(bind, choice, bind_label(choice));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    if *bind == BindChoice::Loopback {
        ui.label("");
        ui.colored_label(ui.visuals().warn_fg_color, t!("ex-bind-loopback-note"));
        ui.end_row();
    }
    let field = number_rows(ui, &t!("ex-port"), server_port_id(), port, 1..=65535);
    // Not while a port is being typed: "1" on the way to "12005" is no cause for a warning.
    if *port < 1024 && !field.has_focus() {
        ui.label("");
        ui.colored_label(ui.visuals().warn_fg_color, t!("ex-port-privileged"));
        ui.end_row();
    }
}

/// Where a server binds, as the Bind address list names it.
pub fn bind_label(choice: BindChoice) -> String {
    match choice {
        BindChoice::AllIpv4 => t!("ex-bind-all-ipv4"),
        BindChoice::Loopback => t!("ex-bind-loopback"),
        BindChoice::AllIpv6 => t!("ex-bind-all-ipv6"),
    }
}

/// The addresses other machines can use to reach a server bound to `local`, each copyable.
///
/// The interfaces are listed once per bound address (a system call), not at every frame.
pub fn reach_ui(ui: &mut egui::Ui, local: SocketAddr) {
    let id = egui::Id::unique(("reachable addresses", local));
    let addresses: Vec<SocketAddr> = ui.memory_mut(|m| {
        m.data
            .get_temp_mut_or_insert_with(id, || reachable_addresses(local))
            .clone()
    });
    egui::CollapsingHeader::new(t!("ex-reach-at"))
        .id_salt("reach this server at")
        .default_open(true)
        .show(ui, |ui| {
            for addr in addresses {
                copyable_address(ui, &addr.to_string());
            }
        });
}

/// Whether the user pressed Enter in this text field (it loses focus as Enter is pressed).
pub fn entered_by_enter(response: &egui::Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// A still dot in `color`, the size of a small letter: "this is running".
pub fn status_dot(ui: &mut egui::Ui, color: egui::Color32) {
    let size = ui.text_style_height(&egui::TextStyle::Small);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), size * 0.32, color);
}
