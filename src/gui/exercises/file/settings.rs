//! What the file forms remember between runs.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::net::addr::BindChoice;
use crate::net::file::{self, DEFAULT_FILE_PORT};

/// What the forms remember between runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct FileSettings {
    pub root: String,
    pub bind: BindChoice,
    pub port: u16,
    /// UDP only: MiB per second the server sends at most.
    pub rate_mib: u64,
    pub server: String,
    pub remote: String,
    pub save_as: String,
    pub compare_a: String,
    pub compare_b: String,
    /// UDP: the simulated network conditions.
    pub network: crate::gui::network::Network,
    /// TFTP: blocks sent before an ACK (RFC 7440; 1 is plain TFTP).
    pub windowsize: u16,
    /// TFTP server: accept uploads (never over an existing file).
    pub allow_write: bool,
    /// Servers: serve hidden names too (`.ssh/…`, `lab/.git/config`).
    pub serve_hidden: bool,
    /// TFTP client: send the local file instead of fetching the remote one.
    pub upload: bool,
}

impl FileSettings {
    /// The TFTP exercise's defaults: its own port.
    pub fn tftp() -> Self {
        let port = crate::net::tftp::DEFAULT_TFTP_PORT;
        Self {
            port,
            server: format!("localhost:{port}"),
            ..Self::default()
        }
    }
}

/// The folder the file servers share unless told otherwise: one of socklab's own in the home
/// folder, never the home folder itself (its hidden files and documents would be offered to
/// the whole classroom network).
pub fn default_share(home: &std::path::Path) -> PathBuf {
    home.join("socklab-share")
}

/// The user's home folder.
pub(super) fn home_folder() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
}

/// Creates the default shared folder, with a small sample file, when it is missing.
pub(super) fn ensure_default_share(root: &std::path::Path) {
    let is_default = home_folder().is_some_and(|h| default_share(&h) == root);
    if is_default && !root.exists() && std::fs::create_dir_all(root).is_ok() {
        let _ = std::fs::write(
            root.join("welcome.txt"),
            "A file shared by socklab's file server: ask for welcome.txt.\n\
             Put the files to share in this folder.\n",
        );
    }
}

impl Default for FileSettings {
    fn default() -> Self {
        let home = home_folder().unwrap_or_else(|| PathBuf::from("."));
        Self {
            root: default_share(&home).display().to_string(),
            bind: BindChoice::AllIpv4,
            port: DEFAULT_FILE_PORT,
            rate_mib: file::DEFAULT_UDP_RATE_BYTES_PER_SEC / (1024 * 1024),
            server: format!("localhost:{DEFAULT_FILE_PORT}"),
            remote: String::new(),
            save_as: String::new(),
            compare_a: String::new(),
            compare_b: String::new(),
            network: crate::gui::network::Network::default(),
            windowsize: 1,
            allow_write: false,
            serve_hidden: false,
            upload: false,
        }
    }
}
