//! Small widgets shared by the exercise forms.

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
