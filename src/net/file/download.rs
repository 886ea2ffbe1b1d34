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
            crate::t!(
                "net-file-removed-parts",
                n = n.to_string(),
                count = n,
                path = path.display().to_string()
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

/// How a finished download is reported.
pub(super) struct Finish {
    pub(super) bytes: u64,
    pub(super) chunks: u64,
    /// TCP (chunks are blocks) or UDP (datagrams).
    pub(super) tcp: bool,
    pub(super) started: Instant,
    pub(super) warning: Option<String>,
}

pub(super) fn client_done(
    saved: Result<(PathBuf, String)>,
    spliced: u64,
    peer: SocketAddr,
    config: &ClientConfig,
    done: Finish,
    reporter: &Reporter,
) -> Result<Summary> {
    let Finish {
        bytes,
        chunks,
        tcp,
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
        tcp,
        elapsed,
        sha256: Some(sha256.clone()),
        warning: warning.clone(),
        spliced,
    }));
    if let Some(w) = &warning {
        reporter.warn(Some(peer), w.clone());
    }
    let chunks = if tcp {
        crate::net::counted("net-n-blocks", chunks)
    } else {
        crate::net::counted("net-n-datagrams", chunks)
    };
    let (path, bytes, elapsed, rate) = (
        path.display().to_string(),
        crate::net::counted("net-n-bytes", bytes),
        seconds(elapsed),
        rate(bytes, elapsed),
    );
    Ok(Summary::new(match warning {
        Some(warning) => crate::t!(
            "net-file-saved-warning",
            path = path,
            bytes = bytes,
            chunks = chunks,
            elapsed = elapsed,
            rate = rate,
            sha256 = sha256,
            warning = warning
        ),
        None => crate::t!(
            "net-file-saved",
            path = path,
            bytes = bytes,
            chunks = chunks,
            elapsed = elapsed,
            rate = rate,
            sha256 = sha256
        ),
    }))
}
