//! Where a TCP download's bytes go: read into this program and written on a thread of its own,
//! or (Linux) moved socket → file by `splice` once no capture wants them.

use std::io::Read;
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};

use super::config::ClientConfig;
#[cfg(target_os = "linux")]
use super::download::note_removed_parts;
use super::download::note_stale_parts;
use crate::error::{Error, Result};
use crate::files::Download;
use crate::net::runner::Reporter;

/// Where a TCP download's bytes go.
pub(super) struct Sink {
    /// Read into this program, then written and hashed on the writer thread.
    copy: Option<Download>,
    /// Linux: moved socket → file by `splice`, hashed behind the writer.
    #[cfg(target_os = "linux")]
    splice: Option<crate::files::splice::SpliceDownload>,
    /// Whether `splice` may take over (Linux, [`ClientConfig::zero_copy`], not refused yet).
    #[cfg(target_os = "linux")]
    may_splice: bool,
}

/// What one receive got.
pub(super) enum Got {
    /// `n` bytes are saved; `head` holds them when they were the first and short enough to be
    /// a header of the server's own.
    Data {
        n: usize,
        head: Option<Vec<u8>>,
    },
    End,
    Socket(std::io::Error),
}

impl Sink {
    /// Splices from the start unless a capture wants the bytes themselves (then they are read
    /// until it has what it keeps, and spliced after).
    pub(super) fn create(path: &Path, config: &ClientConfig, reporter: &Reporter) -> Result<Self> {
        #[cfg(target_os = "linux")]
        if config.zero_copy && reporter.payload_left() == 0 {
            let splice = crate::files::splice::SpliceDownload::create(path, config.overwrite)?;
            note_removed_parts(splice.stale_removed(), splice.path(), reporter);
            return Ok(Self {
                copy: None,
                splice: Some(splice),
                may_splice: true,
            });
        }
        let copy = Download::create(path, config.overwrite)?;
        note_stale_parts(&copy, reporter);
        Ok(Self {
            copy: Some(copy),
            #[cfg(target_os = "linux")]
            splice: None,
            #[cfg(target_os = "linux")]
            may_splice: config.zero_copy,
        })
    }

    /// Bytes that went socket → file without passing through this program.
    pub(super) fn spliced(&self) -> u64 {
        #[cfg(target_os = "linux")]
        return self.splice.as_ref().map_or(0, |s| s.spliced());
        #[cfg(not(target_os = "linux"))]
        0
    }

    /// Saves what the socket has. `Err` is the file's side (a full disk and the like).
    pub(super) fn receive(
        &mut self,
        stream: &mut TcpStream,
        peer: SocketAddr,
        reporter: &Reporter,
        first: bool,
    ) -> Result<Got> {
        let head = |n: usize| first && n <= crate::protocol::file::HEADER_MAX_BYTES;
        #[cfg(target_os = "linux")]
        if self.may_splice && self.splice.is_none() && reporter.payload_left() == 0 {
            // The capture has all the bytes it keeps: splice the rest.
            if let Some(copy) = self.copy.take() {
                self.splice = Some(copy.into_splice()?);
            }
        }
        #[cfg(target_os = "linux")]
        if let Some(splice) = &mut self.splice {
            use crate::files::splice::Spliced;
            return match splice.splice_from(stream)? {
                Spliced::Moved(n) => {
                    // A capture counts them (their bytes are past what it keeps).
                    reporter.payload_part(peer, false, &[], n);
                    Ok(Got::Data {
                        n,
                        head: if head(n) {
                            splice.read_back(0, n)
                        } else {
                            None
                        },
                    })
                }
                Spliced::End => Ok(Got::End),
                Spliced::Socket(e) => Ok(Got::Socket(e)),
                Spliced::Unsupported(back) => {
                    // Not here (the socket or the file system): read and write instead.
                    self.may_splice = false;
                    let mut copy = self
                        .splice
                        .take()
                        .ok_or_else(|| Error::Input(crate::t!("net-file-download-gone")))?
                        .into_copying()?;
                    copy.write(&back)?;
                    reporter.payload(peer, false, &back);
                    self.copy = Some(copy);
                    if back.is_empty() {
                        self.receive(stream, peer, reporter, first)
                    } else {
                        Ok(Got::Data {
                            n: back.len(),
                            head: head(back.len()).then_some(back),
                        })
                    }
                }
            };
        }
        let copy = self
            .copy
            .as_mut()
            .ok_or_else(|| Error::Input(crate::t!("net-file-download-gone")))?;
        // Received straight into the piece the writer thread will save and hash.
        let space = copy.space();
        match stream.read(space) {
            Ok(0) => Ok(Got::End),
            Ok(n) => {
                let head = head(n).then(|| space[..n].to_vec());
                reporter.payload(peer, false, &space[..n]);
                copy.commit(n)?;
                Ok(Got::Data { n, head })
            }
            Err(e) => Ok(Got::Socket(e)),
        }
    }

    /// Waits for the last write and the hash, and renames the file into place.
    pub(super) fn finish(self) -> Result<(PathBuf, String)> {
        #[cfg(target_os = "linux")]
        if let Some(splice) = self.splice {
            return splice.finish();
        }
        self.copy
            .ok_or_else(|| Error::Input(crate::t!("net-file-download-gone")))?
            .finish()
    }
}
