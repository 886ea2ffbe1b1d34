//! Builds socklab again when a message catalogue is added or changed under `assets/i18n/`: the
//! catalogues are read into the binary when it is compiled (`src/i18n.rs`), and a new `.ftl`
//! file is not otherwise a change Cargo sees.
fn main() {
    println!("cargo:rerun-if-changed=assets/i18n");
}
