//! "Network conditions (simulated)": on every UDP exercise, the loss, duplication, reordering,
//! delay and jitter socklab applies to its own datagrams (the server's and the client's sends,
//! and with "also on receive" what they receive), with a seed, and live counters per side.

use std::sync::Arc;

use egui::RichText;
use serde::{Deserialize, Serialize};

use crate::gui::widgets::number_rows;
use crate::net::impair::{Conditions, Counters};

/// The section's settings and what the simulator counted in the last run of each side.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Network {
    pub conditions: Conditions,
    /// Whether a fixed seed is used (else a new one each run).
    pub fixed_seed: bool,
    pub seed: u64,
    #[serde(skip)]
    server: Arc<Counters>,
    #[serde(skip)]
    client: Arc<Counters>,
}

impl PartialEq for Network {
    fn eq(&self, other: &Self) -> bool {
        self.conditions == other.conditions
            && self.fixed_seed == other.fixed_seed
            && self.seed == other.seed
    }
}

impl Network {
    fn for_side(&self, counters: &Arc<Counters>) -> Conditions {
        counters.reset();
        Conditions {
            seed: self.fixed_seed.then_some(self.seed),
            counters: Some(Arc::clone(counters)),
            ..self.conditions.clone()
        }
    }

    /// The conditions a server started now runs with (its counters start again at zero).
    pub fn for_server(&self) -> Conditions {
        self.for_side(&self.server)
    }

    /// The conditions a client started now runs with.
    pub fn for_client(&self) -> Conditions {
        // Another seed than the server's, so the two sides do not drop in step.
        let mut c = self.for_side(&self.client);
        c.seed = c.seed.map(|s| s.wrapping_add(1));
        c
    }

    pub fn is_active(&self) -> bool {
        self.conditions.is_active()
    }

    /// What the simulator did to the server's and the client's datagrams, one line each.
    pub fn counts(&self) -> [String; 2] {
        [
            format!("Server: {}", self.server.snapshot()),
            format!("Client: {}", self.client.snapshot()),
        ]
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let title = if self.is_active() {
            let shown = Conditions {
                seed: self.fixed_seed.then_some(self.seed),
                ..self.conditions.clone()
            };
            format!("Network conditions (simulated): {}", shown.describe())
        } else {
            "Network conditions (simulated): none".to_owned()
        };
        egui::CollapsingHeader::new(title)
            .id_salt("network conditions")
            .show(ui, |ui| self.form_ui(ui));
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        ui.add(
            egui::Label::new(
                RichText::new("socklab impairs its own datagrams: what this window's server and client send (and receive, if asked). They apply from the next start.")
                    .weak(),
            )
            .wrap(),
        );
        let c = &mut self.conditions;
        egui::Grid::new("network form")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, value) in [
                    ("Loss (%)", &mut c.loss_pct),
                    ("Duplicate (%)", &mut c.duplicate_pct),
                    ("Reorder (%)", &mut c.reorder_pct),
                ] {
                    number_rows(
                        ui,
                        label,
                        egui::Id::unique(("network", label)),
                        value,
                        0.0..=100.0,
                    );
                }
                for (label, value) in [
                    ("Delay (ms)", &mut c.delay_ms),
                    ("Jitter (ms)", &mut c.jitter_ms),
                ] {
                    number_rows(
                        ui,
                        label,
                        egui::Id::unique(("network", label)),
                        value,
                        0..=10_000,
                    );
                }
                ui.label("");
                ui.checkbox(&mut c.receive, "Also on receive");
                ui.end_row();
                ui.label("");
                ui.horizontal(|ui| {
                    ui.checkbox(&mut self.fixed_seed, "Fixed seed");
                    ui.add_enabled(
                        self.fixed_seed,
                        egui::DragValue::new(&mut self.seed).range(0..=u64::from(u32::MAX)),
                    )
                    .on_hover_text("The same seed drops the same datagrams each run");
                });
                ui.end_row();
            });
        if self.is_active() {
            for line in self.counts() {
                ui.label(RichText::new(line).monospace());
            }
        }
    }
}
