//! What both file clients share: where a download is saved, the note on what an interrupted
//! one left, and how a finished one is reported.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::config::ClientConfig;
use crate::error::Result;
use crate::files::Download;
use crate::net::event::{Event, FileReport, Role, Summary};
use crate::net::runner::Reporter;
use crate::units::{rate, seconds};

/// Says so when a download began by removing what an interrupted one left beside it.
pub(crate) fn note_stale_parts(download: &Download, reporter: &Reporter) {
    note_removed_parts(download.stale_removed(), download.path(), reporter);
}

pub(super) fn note_removed_parts(n: usize, path: &Path, reporter: &Reporter) {
    if n > 0 {
        reporter.info(
            None,
            format!(
                "removed {n} partial file{} left beside {} by an interrupted download",
                if n == 1 { "" } else { "s" },
                path.display()
            ),
        );
    }
}

/// Where a client saves: an existing folder means "in it, under the remote name".
pub(super) fn destination(local: &Path, remote: &str) -> PathBuf {
    if local.is_dir() {
        let base = Path::new(&remote.replace('\\', "/"))
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "download".into());
        local.join(base)
    } else {
        local.to_path_buf()
    }
}

/// What a TCP transfer's chunks are called.
pub(super) const TCP_UNIT: &str = "blocks";
/// What a UDP transfer's chunks are called.
pub(super) const UDP_UNIT: &str = "datagrams";

/// How a finished download is reported.
pub(super) struct Finish<'a> {
    pub(super) bytes: u64,
    pub(super) chunks: u64,
    pub(super) unit: &'a str,
    pub(super) started: Instant,
    pub(super) warning: Option<String>,
}

pub(super) fn client_done(
    saved: Result<(PathBuf, String)>,
    spliced: u64,
    peer: SocketAddr,
    config: &ClientConfig,
    done: Finish<'_>,
    reporter: &Reporter,
) -> Result<Summary> {
    let Finish {
        bytes,
        chunks,
        unit,
        started,
        warning,
    } = done;
    let (path, sha256) = saved?;
    // Until the file is whole and in place: the last piece's write and hash included.
    let elapsed = started.elapsed();
    reporter.send(Event::File(FileReport {
        role: Role::Client,
        peer,
        name: config.remote.clone(),
        path: path.clone(),
        bytes,
        chunks,
        tcp: unit == TCP_UNIT,
        elapsed,
        sha256: Some(sha256.clone()),
        warning: warning.clone(),
        spliced,
    }));
    if let Some(w) = &warning {
        reporter.warn(Some(peer), w.clone());
    }
    let unit = if chunks == 1 {
        unit.trim_end_matches('s')
    } else {
        unit
    };
    Ok(Summary::new(format!(
        "saved {} ({}, {} {unit}) in {}, {}; SHA-256 {sha256}{}",
        path.display(),
        crate::protocol::counted(bytes, "byte", "bytes"),
        crate::protocol::thousands(chunks),
        seconds(elapsed),
        rate(bytes, elapsed),
        warning
            .map(|w| format!("; warning: {w}"))
            .unwrap_or_default()
    )))
}
