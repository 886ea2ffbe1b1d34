//! Small widgets shared by the exercise forms.

use std::net::SocketAddr;

use crate::net::addr::{BindChoice, reachable_addresses};

/// A label and a single-line text field tied to it (so screen readers and tests find the field
/// by its label). Meant for a two-column `Grid`.
pub fn labelled_text(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(220.0))
        .labelled_by(label.id)
}

/// An address shown in monospace with a button that copies it.
pub fn copyable_address(ui: &mut egui::Ui, address: &str) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(address).monospace());
        if ui.small_button("Copy").clicked() {
            ui.ctx().copy_text(address.to_owned());
        }
    });
}

/// Two rows of a two-column `Grid`: where a server binds, and its port.
pub fn bind_port_rows(ui: &mut egui::Ui, id_salt: &str, bind: &mut BindChoice, port: &mut u16) {
    let label = ui.label("Bind address");
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(bind.label())
        .show_ui(ui, |ui| {
            for choice in BindChoice::ALL {
                ui.selectable_value(bind, choice, choice.label());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    if *bind == BindChoice::Loopback {
        ui.label("");
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Only this computer can reach a server bound to 127.0.0.1.",
        );
        ui.end_row();
    }
    let label = ui.label("Port");
    ui.add(egui::DragValue::new(port).range(1..=65535))
        .labelled_by(label.id);
    ui.end_row();
    if *port < 1024 {
        ui.label("");
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Ports below 1024 need administrator rights; the handouts use higher ones.",
        );
        ui.end_row();
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
    egui::CollapsingHeader::new("Reach this server at")
        .default_open(true)
        .show(ui, |ui| {
            for addr in addresses {
                copyable_address(ui, &addr.to_string());
            }
        });
}
