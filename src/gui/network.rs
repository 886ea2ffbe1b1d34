//! "Network conditions (simulated)": on every UDP exercise, the loss, duplication, reordering,
//! delay and jitter socklab applies to its own datagrams (the server's and the client's sends,
//! and with "also on receive" what they receive), with a seed, and live counters per side.

use std::sync::Arc;

use egui::RichText;
use serde::{Deserialize, Serialize};

use crate::gui::widgets::number_rows;
use crate::net::impair::{Conditions, Counters};
use crate::t;

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
            t!(
                "ex-net-server-counts",
                counts = self.server.snapshot().to_string()
            ),
            t!(
                "ex-net-client-counts",
                counts = self.client.snapshot().to_string()
            ),
        ]
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let title = if self.is_active() {
            let shown = Conditions {
                seed: self.fixed_seed.then_some(self.seed),
                ..self.conditions.clone()
            };
            t!("ex-net-title", conditions = shown.describe())
        } else {
            t!("ex-net-title-none")
        };
        egui::CollapsingHeader::new(title)
            .id_salt("network conditions")
            .show(ui, |ui| self.form_ui(ui));
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        ui.add(egui::Label::new(RichText::new(t!("ex-net-hint")).weak()).wrap());
        let c = &mut self.conditions;
        egui::Grid::new("network form")
            .num_columns(2)
            .show(ui, |ui| {
                // Each field's id is its message's: the same in every language.
                for (id, value) in [
                    ("ex-net-loss", &mut c.loss_pct),
                    ("ex-net-duplicate", &mut c.duplicate_pct),
                    ("ex-net-reorder", &mut c.reorder_pct),
                ] {
                    number_rows(
                        ui,
                        &crate::i18n::tr(id),
                        egui::Id::unique(("network", id)),
                        value,
                        0.0..=100.0,
                    );
                }
                for (id, value) in [
                    ("ex-net-delay", &mut c.delay_ms),
                    ("ex-net-jitter", &mut c.jitter_ms),
                ] {
                    number_rows(
                        ui,
                        &crate::i18n::tr(id),
                        egui::Id::unique(("network", id)),
                        value,
                        0..=10_000,
                    );
                }
                ui.label("");
                ui.checkbox(&mut c.receive, t!("ex-net-also-receive"));
                ui.end_row();
                ui.label("");
                ui.horizontal(|ui| {
                    ui.checkbox(&mut self.fixed_seed, t!("ex-net-fixed-seed"));
                    ui.add_enabled(
                        self.fixed_seed,
                        egui::DragValue::new(&mut self.seed).range(0..=u64::from(u32::MAX)),
                    )
                    .on_hover_text(t!("ex-net-seed-hint"));
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
