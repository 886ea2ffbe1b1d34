//! Linux: a TCP download that never passes through this program's memory. `splice(2)` moves
//! the bytes socket → pipe → the temporary file in the kernel, and a hashing thread reads the
//! file back behind the writer (`pread`, from the page cache), so that the SHA-256 runs on the
//! other core while the data moves. Same rules as [`Download`]: hidden `.part` file, renamed
//! into place only when whole, removed otherwise.

use std::fs::File;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

use super::{Download, Part, hex};
use crate::error::{Error, Result};

/// Pipe size asked for (the default is 64 KiB; fewer, larger moves cost fewer calls).
const PIPE_BYTES: libc::c_int = 1024 * 1024;

/// Read size of the hashing thread: fits the CPU's cache, so that what it reads is hot.
const HASH_READ_BYTES: usize = 256 * 1024;

/// What one [`SpliceDownload::splice_from`] did.
#[derive(Debug)]
pub enum Spliced {
    /// This many bytes are in the file.
    Moved(usize),
    /// The peer ended its stream.
    End,
    /// The socket failed or timed out (its read timeout applies); the file is as it was.
    Socket(io::Error),
    /// The first move found `splice` unsupported here (the socket or the file system); the
    /// bytes it had already taken from the socket are given back, and the download continues
    /// with [`SpliceDownload::into_copying`].
    Unsupported(Vec<u8>),
}

/// A download written by `splice`; see the module.
pub struct SpliceDownload {
    part: Option<Part>,
    /// Read end, write end.
    pipe: (OwnedFd, OwnedFd),
    written: u64,
    /// Of `written`, the bytes moved by `splice` (the others were written before it took over).
    spliced: u64,
    to_hasher: Option<crossbeam_channel::Sender<u64>>,
    hasher: Option<JoinHandle<io::Result<Sha256>>>,
}

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is two writable ints, as pipe2 requires.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 succeeded, so both are open descriptors that nothing else owns.
    let ends = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    // SAFETY: F_SETPIPE_SZ on a pipe this function owns; a refusal leaves the default size.
    unsafe { libc::fcntl(ends.1.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_BYTES) };
    Ok(ends)
}

/// One `splice(2)`: at most `len` bytes from `from` (at `from_at` when given) to `to` (at `to_at`).
fn splice(
    from: BorrowedFd<'_>,
    to: BorrowedFd<'_>,
    to_at: Option<&mut i64>,
    len: usize,
) -> io::Result<usize> {
    let to_at = to_at.map_or(std::ptr::null_mut(), |at| at as *mut i64);
    // SAFETY: both descriptors are open for the call; the offset is null or a live i64.
    let n = unsafe {
        libc::splice(
            from.as_raw_fd(),
            std::ptr::null_mut(),
            to.as_raw_fd(),
            to_at,
            len,
            libc::SPLICE_F_MOVE,
        )
    };
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

/// Whether a failed `splice` means "not for this kind of file".
fn unsupported(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
    )
}

impl SpliceDownload {
    /// Prepares to write `path` (see [`Download::create`]).
    pub fn create(path: &Path, overwrite: bool) -> Result<Self> {
        Self::resume(Part::create(path, overwrite)?, Sha256::new(), 0)
    }

    /// Continues a download whose first `written` bytes are in the file, hashed into `hasher`.
    pub(super) fn resume(part: Part, hasher: Sha256, written: u64) -> Result<Self> {
        let path = part.path.clone();
        let pipe = pipe().map_err(|e| Error::io(crate::t!("err-cannot-create-pipe"), e))?;
        let file = part.temp.as_file().try_clone().map_err(|e| {
            Error::io(
                crate::t!("err-cannot-reopen", path = path.display().to_string()),
                e,
            )
        })?;
        let (to_hasher, lengths) = crossbeam_channel::unbounded::<u64>();
        let hasher = std::thread::Builder::new()
            .name("download hasher".into())
            .spawn(crate::i18n::inherit(move || {
                hash_behind(&file, &lengths, hasher, written)
            }))
            .map_err(|e| Error::io(crate::t!("err-cannot-start-hasher"), e))?;
        Ok(Self {
            part: Some(part),
            pipe,
            written,
            spliced: 0,
            to_hasher: Some(to_hasher),
            hasher: Some(hasher),
        })
    }

    /// Partial files of the same name that a killed run left, removed before this one began.
    pub fn stale_removed(&self) -> usize {
        self.part.as_ref().map_or(0, |p| p.stale_removed)
    }

    /// The final path.
    pub fn path(&self) -> &Path {
        self.part.as_ref().map_or(Path::new(""), |p| &p.path)
    }

    /// Moves what the socket has (up to the pipe's size) into the file. `Err` is the file's
    /// side (a full disk, a read-only folder), worded as [`Download`] words it.
    pub fn splice_from(&mut self, socket: &impl AsFd) -> Result<Spliced> {
        let first = self.spliced == 0;
        let n = match splice(
            socket.as_fd(),
            self.pipe.1.as_fd(),
            None,
            PIPE_BYTES as usize,
        ) {
            Ok(0) => return Ok(Spliced::End),
            Ok(n) => n,
            Err(e) if first && unsupported(&e) => return Ok(Spliced::Unsupported(Vec::new())),
            Err(e) => return Ok(Spliced::Socket(e)),
        };
        let file = match &self.part {
            Some(part) => part.temp.as_file().as_fd(),
            None => return Err(Error::Input(crate::t!("err-download-finished"))),
        };
        let mut at = self.written as i64;
        let mut left = n;
        while left > 0 {
            match splice(self.pipe.0.as_fd(), file, Some(&mut at), left) {
                Ok(0) => {
                    return Err(self.write_error(io::ErrorKind::WriteZero.into()));
                }
                Ok(m) => left -= m,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if first && left == n && unsupported(&e) => {
                    // Nothing is in the file yet: take the bytes back out of the pipe.
                    let mut back = vec![0; n];
                    let read = self
                        .pipe
                        .0
                        .try_clone()
                        .and_then(|fd| super::read_full(&mut File::from(fd), &mut back))
                        .map_err(|e| Error::io(crate::t!("err-cannot-read-pipe"), e))?;
                    back.truncate(read);
                    return Ok(Spliced::Unsupported(back));
                }
                Err(e) => return Err(self.write_error(e)),
            }
        }
        self.written += n as u64;
        self.spliced += n as u64;
        if let Some(tx) = &self.to_hasher {
            // A hasher that stopped has an error, which `finish` reports.
            let _ = tx.send(self.written);
        }
        Ok(Spliced::Moved(n))
    }

    fn write_error(&self, e: io::Error) -> Error {
        Error::io(
            crate::t!(
                "err-cannot-write-beside",
                path = self.path().display().to_string()
            ),
            e,
        )
    }

    /// Reads back `len` bytes from `offset` of what is written (a first piece short enough to be
    /// a header).
    pub fn read_back(&self, offset: u64, len: usize) -> Option<Vec<u8>> {
        let part = self.part.as_ref()?;
        let mut bytes = vec![0; len];
        let n = part.temp.as_file().read_at(&mut bytes, offset).ok()?;
        bytes.truncate(n);
        Some(bytes)
    }

    /// Bytes moved by `splice` so far.
    pub fn spliced(&self) -> u64 {
        self.spliced
    }

    /// The same download, continued by reading and writing (`splice` moved nothing: see
    /// [`Spliced::Unsupported`]).
    pub fn into_copying(mut self) -> Result<Download> {
        let (part, hasher) = self.take_hashed()?;
        Download::from_part(part, hasher, self.written)
    }

    /// Waits for the hashing thread; returns the file and the hash of what is written.
    fn take_hashed(&mut self) -> Result<(Part, Sha256)> {
        let hashed = self
            .stop_hasher()
            .unwrap_or_else(|| Err(io::Error::other(crate::t!("err-hasher-gone"))));
        let part = self
            .part
            .take()
            .ok_or_else(|| Error::Input(crate::t!("err-download-finished")))?;
        let hasher = hashed.map_err(|e| hash_error(&part.path, e))?;
        Ok((part, hasher))
    }

    fn stop_hasher(&mut self) -> Option<io::Result<Sha256>> {
        self.to_hasher = None;
        let result = self.hasher.take()?.join();
        Some(result.unwrap_or_else(|_| Err(io::Error::other(crate::t!("err-hasher-failed")))))
    }

    /// Waits for the hash and renames the file into place; returns its path and SHA-256.
    pub fn finish(mut self) -> Result<(PathBuf, String)> {
        let (part, hasher) = self.take_hashed()?;
        Part::persist(&part.path, part.overwrite, part.temp)?;
        Ok((part.path, hex(&hasher.finalize())))
    }
}

impl Drop for SpliceDownload {
    fn drop(&mut self) {
        // Unfinished: the temporary file goes with `part`.
        self.stop_hasher();
    }
}

fn hash_error(path: &Path, e: io::Error) -> Error {
    Error::io(
        crate::t!("err-cannot-read-back", path = path.display().to_string()),
        e,
    )
}

/// Hashes `file` from `hashed` (what `hasher` holds already) up to each length it is told is
/// written, until the sender hangs up; returns the hasher.
fn hash_behind(
    file: &File,
    written: &crossbeam_channel::Receiver<u64>,
    mut hasher: Sha256,
    mut hashed: u64,
) -> io::Result<Sha256> {
    let mut buf = vec![0u8; HASH_READ_BYTES];
    while let Ok(mut upto) = written.recv() {
        // Catch up with the newest length at once.
        if let Some(newest) = written.try_iter().last() {
            upto = newest;
        }
        while hashed < upto {
            let want = ((upto - hashed) as usize).min(buf.len());
            let n = file.read_at(&mut buf[..want], hashed)?;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    crate::t!("err-file-shorter"),
                ));
            }
            hasher.update(&buf[..n]);
            hashed += n as u64;
        }
    }
    Ok(hasher)
}

impl Download {
    /// The same download, continued by `splice` from where it is (see [`SpliceDownload`]).
    pub fn into_splice(mut self) -> Result<SpliceDownload> {
        if self.filled > 0 {
            self.hand_off()?;
        }
        let (temp, hasher) = self.join_writer()?;
        let part = Part {
            path: self.path.clone(),
            overwrite: self.overwrite,
            stale_removed: self.stale_removed,
            temp,
        };
        SpliceDownload::resume(part, hasher, self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::tests::names_in as entries;
    use std::io::Write;
    use std::net::{TcpListener, TcpStream};
    use std::time::Duration;

    fn bytes(len: usize) -> Vec<u8> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    /// A connected stream whose peer sends `data` and closes.
    fn sending(data: Vec<u8>) -> TcpStream {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (mut peer, _) = listener.accept().unwrap();
            let _ = peer.write_all(&data);
        });
        let stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream
    }

    #[test]
    fn a_stream_lands_whole_with_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.bin");
        let data = bytes(3 * 1024 * 1024 + 7);
        let stream = sending(data.clone());
        let mut download = SpliceDownload::create(&path, false).unwrap();
        let mut moved = 0;
        loop {
            match download.splice_from(&stream).unwrap() {
                Spliced::Moved(n) => moved += n,
                Spliced::End => break,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(moved, data.len());
        assert_eq!(download.read_back(0, 4).unwrap(), data[..4]);
        let (saved, sha256) = download.finish().unwrap();
        assert_eq!(saved, path);
        assert_eq!(std::fs::read(&path).unwrap(), data);
        assert_eq!(sha256, hex(&Sha256::digest(&data)));
        assert_eq!(entries(dir.path()), ["big.bin"]);
    }

    #[test]
    fn an_unfinished_download_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let stream = sending(bytes(100_000));
        let mut download = SpliceDownload::create(&dir.path().join("x.bin"), false).unwrap();
        assert!(matches!(
            download.splice_from(&stream).unwrap(),
            Spliced::Moved(_)
        ));
        drop(download);
        assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
    }

    #[test]
    fn what_cannot_be_spliced_continues_by_copying() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.bin");
        // A folder has no splice: the first move is refused, nothing is lost.
        let folder = File::open(dir.path()).unwrap();
        let mut download = SpliceDownload::create(&path, false).unwrap();
        let Spliced::Unsupported(back) = download.splice_from(&folder).unwrap() else {
            panic!("a folder was spliced");
        };
        assert!(back.is_empty());
        let mut copying = download.into_copying().unwrap();
        copying.write(b"by copying").unwrap();
        let (_, sha256) = copying.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"by copying");
        assert_eq!(sha256, hex(&Sha256::digest(b"by copying")));
    }
}
