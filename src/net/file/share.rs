//! What both file servers share: the shared folder, checked and then watched for changes, the
//! file a request names, and the warning for a file that changed size while it was sent.

use std::fs::File;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::files::list_shared;
use crate::net::POLL_INTERVAL;
use crate::net::event::Event;
use crate::net::runner::{Reporter, StopFlag};
use crate::protocol::escape_bytes;
use crate::protocol::file::{parse_name, resolve_in_root};

/// How often a file server looks at its folder again, so that the list it offers follows files
/// added, removed or changed.
pub const SHARE_LOOK_INTERVAL: Duration = Duration::from_secs(2);

/// Checks the shared folder and reports its files; then looks again every
/// [`SHARE_LOOK_INTERVAL`] on a thread of its own and reports the list when it changed, until
/// the returned guard is dropped or `stop` is set.
pub(super) fn check_root(
    root: &Path,
    hidden: bool,
    reporter: &Reporter,
    stop: &StopFlag,
) -> Result<ShareWatch> {
    if !root.is_dir() {
        return Err(Error::Input(crate::t!(
            "net-file-no-shared-folder",
            path = root.display().to_string()
        )));
    }
    let mut last = list_shared(root, hidden);
    reporter.send(Event::SharedFiles(last.clone()));
    let done = stop.child();
    let (root, reporter, watching) = (root.to_path_buf(), reporter.clone(), done.clone());
    let thread = thread::Builder::new()
        .name("share watch".into())
        .spawn(move || {
            while !watching.is_stopped() {
                let until = Instant::now() + SHARE_LOOK_INTERVAL;
                while Instant::now() < until && !watching.is_stopped() {
                    thread::sleep(POLL_INTERVAL);
                }
                let now = list_shared(&root, hidden);
                if now != last && !watching.is_stopped() {
                    reporter.send(Event::SharedFiles(now.clone()));
                    last = now;
                }
            }
        })
        .ok();
    Ok(ShareWatch { done, thread })
}

/// Stops the shared folder's watch when dropped.
pub(super) struct ShareWatch {
    done: StopFlag,
    thread: Option<thread::JoinHandle<()>>,
}

impl Drop for ShareWatch {
    fn drop(&mut self) {
        self.done.stop();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Picks the file for a request, logging a refusal with the peer; None means "send nothing".
pub(super) fn choose_file(
    root: &Path,
    hidden: bool,
    raw: &[u8],
    peer: SocketAddr,
    reporter: &Reporter,
) -> Option<(String, PathBuf, File, u64)> {
    let name = match parse_name(raw) {
        Ok(name) => name,
        Err(why) => {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-bad-request",
                    text = escape_bytes(raw),
                    why = why.to_string()
                ),
            );
            return None;
        }
    };
    let path = match resolve_in_root(root, &name, hidden) {
        Ok(path) => path,
        Err(refusal) => {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-refused",
                    name = name.as_str(),
                    refusal = refusal.to_string()
                ),
            );
            return None;
        }
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            reporter.warn(
                Some(peer),
                crate::t!(
                    "net-file-cannot-open",
                    name = name.as_str(),
                    error = e.to_string()
                ),
            );
            return None;
        }
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    Some((name, path, file, size))
}

/// A file that grew or shrank while it was sent is sent as it was read; say so.
pub(super) fn warn_if_resized(
    reporter: &Reporter,
    peer: SocketAddr,
    name: &str,
    size: u64,
    sent: u64,
) {
    if sent != size {
        reporter.warn(
            Some(peer),
            crate::t!(
                "net-file-resized",
                name = name,
                size = size.to_string(),
                sent = sent.to_string()
            ),
        );
    }
}
