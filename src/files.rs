//! Local files: the download destination that never leaves a half-written file under its final
//! name, SHA-256 of a file, the "compare files" tool, and the listing of a shared folder.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::t;

#[cfg(target_os = "linux")]
pub mod splice;

/// Read size for hashing and comparing.
const IO_CHUNK_BYTES: usize = 256 * 1024;

/// A download in progress: bytes go to a hidden temporary file beside the destination, which is
/// renamed into place only by [`Download::finish`]. Dropping it removes the temporary file.
///
/// Writing and hashing run on a helper thread, fed in [`DOWNLOAD_BUFFER_BYTES`] pieces, so the
/// receiving loop only receives (over UDP, a slow receiver loses datagrams).
pub struct Download {
    path: PathBuf,
    /// The piece being filled: always [`DOWNLOAD_BUFFER_BYTES`] long, `filled` of them used.
    buffer: Vec<u8>,
    filled: usize,
    to_writer: Option<crossbeam_channel::Sender<Vec<u8>>>,
    spare: crossbeam_channel::Receiver<Vec<u8>>,
    writer: Option<std::thread::JoinHandle<Result<(tempfile::NamedTempFile, Sha256)>>>,
    /// Bytes handed over so far (in pieces sent and in the one being filled).
    written: u64,
    overwrite: bool,
    stale_removed: usize,
}

/// Writes `bytes` beside `path` and renames it over `path`: the file is whole or absent.
pub fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    let mut part = path.as_os_str().to_owned();
    part.push(PART_SUFFIX);
    let part = PathBuf::from(part);
    std::fs::write(&part, bytes)?;
    std::fs::rename(&part, path)
}

/// How a partial download's name ends: `.notes.txt.a1B2c3.part` beside `notes.txt`.
pub const PART_SUFFIX: &str = ".part";

/// Removes the partial files `.NAME.*.part` in `folder` that no running download holds: each
/// live download keeps a lock on its own, so only those of killed runs can be locked here.
/// Returns how many it removed; a file it cannot open or lock is left alone.
fn remove_stale_parts(folder: &Path, prefix: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let part = name.starts_with(prefix) && name.ends_with(PART_SUFFIX);
        if !part || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue; // a download in progress, in this process or another
        }
        drop(file);
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Size of the pieces handed to the writing thread.
pub const DOWNLOAD_BUFFER_BYTES: usize = 256 * 1024;

/// Pieces in flight between the receiving loop and the writing thread (bounds memory).
const DOWNLOAD_BUFFERS_IN_FLIGHT: usize = 8;

/// The hidden temporary file a download writes, beside its destination, and what renaming it
/// into place needs.
struct Part {
    path: PathBuf,
    overwrite: bool,
    stale_removed: usize,
    temp: tempfile::NamedTempFile,
}

impl Part {
    /// Checks the destination and creates the temporary file (see [`Download::create`]).
    fn create(path: &Path, overwrite: bool) -> Result<Self> {
        let file_name = path.file_name().ok_or_else(|| {
            Error::Input(t!("err-not-a-file-name", path = path.display().to_string()))
        })?;
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(Error::Input(t!(
                "err-no-folder",
                path = parent.display().to_string()
            )));
        }
        if path.is_dir() {
            return Err(Error::Input(t!(
                "err-is-a-folder",
                path = path.display().to_string()
            )));
        }
        if path.exists() && !overwrite {
            return Err(Error::Exists(path.to_path_buf()));
        }
        let prefix = format!(".{}.", file_name.to_string_lossy());
        let stale_removed = remove_stale_parts(&parent, &prefix);
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(PART_SUFFIX);
        // Temporary files are private by default; a download gets the usual permissions.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(&parent).map_err(|e| {
            Error::io(
                t!("err-cannot-create-in", path = parent.display().to_string()),
                e,
            )
        })?;
        // Held until the file is gone: a later download to the same name tells a live
        // partial file from one a killed run left (see `remove_stale_parts`).
        let _ = temp.as_file().try_lock();
        Ok(Self {
            path: path.to_path_buf(),
            overwrite,
            stale_removed,
            temp,
        })
    }

    /// Renames the whole file into place.
    fn persist(path: &Path, overwrite: bool, temp: tempfile::NamedTempFile) -> Result<()> {
        let persisted = if overwrite {
            temp.persist(path)
        } else {
            temp.persist_noclobber(path)
        };
        persisted.map(drop).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                Error::Exists(path.to_path_buf())
            } else {
                Error::io(
                    t!("err-cannot-save", path = path.display().to_string()),
                    e.error,
                )
            }
        })
    }
}

impl Download {
    /// Prepares to write `path`. Fails if it exists and `overwrite` is false, or if its folder
    /// does not exist.
    pub fn create(path: &Path, overwrite: bool) -> Result<Self> {
        let part = Part::create(path, overwrite)?;
        Self::from_part(part, Sha256::new(), 0)
    }

    /// Starts the writing thread on a prepared temporary file that holds `written` bytes
    /// already (its position is after them), hashed into `hasher`.
    fn from_part(part: Part, hasher: Sha256, written: u64) -> Result<Self> {
        let Part {
            path,
            overwrite,
            stale_removed,
            mut temp,
        } = part;
        let (to_writer, pieces) = crossbeam_channel::bounded::<Vec<u8>>(DOWNLOAD_BUFFERS_IN_FLIGHT);
        let (give_back, spare) =
            crossbeam_channel::bounded::<Vec<u8>>(DOWNLOAD_BUFFERS_IN_FLIGHT + 1);
        let shown = path.display().to_string();
        let writer = std::thread::Builder::new()
            .name("download writer".into())
            .spawn(crate::i18n::inherit(move || {
                let mut hasher = hasher;
                for piece in pieces {
                    temp.as_file_mut().write_all(&piece).map_err(|e| {
                        Error::io(t!("err-cannot-write-beside", path = shown.as_str()), e)
                    })?;
                    hasher.update(&piece);
                    // Back as it is (its bytes are overwritten, never read): no clearing.
                    // The receiving side may have stopped taking spares: nothing to do then.
                    let _ = give_back.try_send(piece);
                }
                Ok((temp, hasher))
            }))
            .map_err(|e| Error::io(t!("err-cannot-start-writer"), e))?;
        Ok(Self {
            path,
            buffer: vec![0; DOWNLOAD_BUFFER_BYTES],
            filled: 0,
            to_writer: Some(to_writer),
            spare,
            writer: Some(writer),
            written,
            overwrite,
            stale_removed,
        })
    }

    /// Partial files of the same name that an earlier run left (it was killed) and that were
    /// removed before this download began.
    pub fn stale_removed(&self) -> usize {
        self.stale_removed
    }

    /// Appends bytes; they reach the disk in pieces, on the writing thread.
    pub fn write(&mut self, mut bytes: &[u8]) -> Result<()> {
        while !bytes.is_empty() {
            let space = self.space();
            let n = space.len().min(bytes.len());
            space[..n].copy_from_slice(&bytes[..n]);
            self.commit(n)?;
            bytes = &bytes[n..];
        }
        Ok(())
    }

    /// Where the next bytes go: read into it, then [`Self::commit`] what was read. Receiving
    /// straight into the piece saves a copy of every byte.
    pub fn space(&mut self) -> &mut [u8] {
        &mut self.buffer[self.filled..]
    }

    /// Takes the first `n` bytes of [`Self::space`] as written.
    pub fn commit(&mut self, n: usize) -> Result<()> {
        let filled = (self.filled + n).min(self.buffer.len());
        self.written += (filled - self.filled) as u64;
        self.filled = filled;
        if self.filled == self.buffer.len() {
            self.hand_off()?;
        }
        Ok(())
    }

    fn hand_off(&mut self) -> Result<()> {
        let mut next = self
            .spare
            .try_recv()
            .unwrap_or_else(|_| vec![0; DOWNLOAD_BUFFER_BYTES]);
        if next.len() != DOWNLOAD_BUFFER_BYTES {
            next.resize(DOWNLOAD_BUFFER_BYTES, 0);
        }
        let mut piece = std::mem::replace(&mut self.buffer, next);
        piece.truncate(self.filled);
        self.filled = 0;
        let sent = self
            .to_writer
            .as_ref()
            .is_some_and(|tx| tx.send(piece).is_ok());
        if !sent {
            // The writer stopped: its error says why.
            return Err(self.join_writer().err().unwrap_or_else(|| {
                Error::Input(t!(
                    "err-download-stopped",
                    path = self.path.display().to_string()
                ))
            }));
        }
        Ok(())
    }

    fn join_writer(&mut self) -> Result<(tempfile::NamedTempFile, Sha256)> {
        self.to_writer = None;
        let writer = self
            .writer
            .take()
            .ok_or_else(|| Error::Input(t!("err-writer-gone")))?;
        writer
            .join()
            .map_err(|_| Error::Panic(t!("err-writer-failed")))?
    }

    /// The final path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes what is left and renames the file into place; returns its path and SHA-256.
    pub fn finish(mut self) -> Result<(PathBuf, String)> {
        if self.filled > 0 {
            self.hand_off()?;
        }
        let (temp, hasher) = self.join_writer()?;
        let path = self.path.clone();
        Part::persist(&path, self.overwrite, temp)?;
        let sha256 = hex(&hasher.finalize());
        Ok((path, sha256))
    }
}

impl Drop for Download {
    fn drop(&mut self) {
        // Unfinished: stop the writer; it drops (and so deletes) the temporary file.
        self.to_writer = None;
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a file, as lowercase hex.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; IO_CHUNK_BYTES];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// What comparing two files found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    Identical {
        size: u64,
    },
    /// The first difference: its byte offset and 1-based line number, and the byte in each file
    /// there (`None` where that file has already ended).
    Differ {
        offset: u64,
        line: u64,
        byte_a: Option<u8>,
        byte_b: Option<u8>,
        size_a: u64,
        size_b: u64,
    },
}

impl std::fmt::Display for Comparison {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |b: Option<u8>| match b {
            Some(b) => format!("0x{b:02x} {:?}", char::from(b)),
            None => t!("err-end-of-file"),
        };
        match self {
            Self::Identical { size } => write!(
                f,
                "{}",
                t!(
                    "err-identical",
                    count = *size,
                    size = crate::protocol::thousands(*size)
                )
            ),
            Self::Differ {
                offset,
                line,
                byte_a,
                byte_b,
                size_a,
                size_b,
            } => write!(
                f,
                "{}",
                t!(
                    "err-different",
                    offset = offset.to_string(),
                    line = line.to_string(),
                    a = show(*byte_a),
                    b = show(*byte_b),
                    size_a = size_a.to_string(),
                    size_b = size_b.to_string()
                )
            ),
        }
    }
}

/// Compares two files byte by byte, as `cmp` does.
pub fn compare_files(a: &Path, b: &Path) -> Result<Comparison> {
    let open = |p: &Path| {
        File::open(p)
            .map_err(|e| Error::io(t!("err-cannot-open", path = p.display().to_string()), e))
    };
    let size = |f: &File, p: &Path| {
        f.metadata()
            .map(|m| m.len())
            .map_err(|e| Error::io(t!("err-cannot-read", path = p.display().to_string()), e))
    };
    let (mut fa, mut fb) = (open(a)?, open(b)?);
    let (size_a, size_b) = (size(&fa, a)?, size(&fb, b)?);
    let mut buf_a = vec![0u8; IO_CHUNK_BYTES];
    let mut buf_b = vec![0u8; IO_CHUNK_BYTES];
    let (mut offset, mut line) = (0u64, 1u64);
    loop {
        let na = read_full(&mut fa, &mut buf_a)
            .map_err(|e| Error::io(t!("err-cannot-read", path = a.display().to_string()), e))?;
        let nb = read_full(&mut fb, &mut buf_b)
            .map_err(|e| Error::io(t!("err-cannot-read", path = b.display().to_string()), e))?;
        let common = na.min(nb);
        if let Some(i) = (0..common).find(|&i| buf_a[i] != buf_b[i]) {
            line += buf_a[..i].iter().filter(|&&c| c == b'\n').count() as u64;
            return Ok(Comparison::Differ {
                offset: offset + i as u64,
                line,
                byte_a: Some(buf_a[i]),
                byte_b: Some(buf_b[i]),
                size_a,
                size_b,
            });
        }
        line += buf_a[..common].iter().filter(|&&c| c == b'\n').count() as u64;
        offset += common as u64;
        if na != nb {
            return Ok(Comparison::Differ {
                offset,
                line,
                byte_a: buf_a.get(common).filter(|_| na > common).copied(),
                byte_b: buf_b.get(common).filter(|_| nb > common).copied(),
                size_a,
                size_b,
            });
        }
        if na == 0 {
            return Ok(Comparison::Identical { size: offset });
        }
    }
}

/// Fills `buf` as far as the file allows; returns how much was read (less only at the end).
pub fn read_full(file: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Most entries listed for a shared folder.
pub const MAX_LISTED_FILES: usize = 500;

/// Regular files in `root` and its direct subfolders, as (relative name, size), sorted; hidden
/// ones (a name starting with a dot) left out unless `hidden`: the list shows what is served.
pub fn list_shared(root: &Path, hidden: bool) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut folders = vec![(root.to_path_buf(), String::new(), 0)];
    while let Some((dir, prefix, depth)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if out.len() >= MAX_LISTED_FILES {
                break;
            }
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with('.') && !hidden {
                continue;
            }
            let name = format!("{prefix}{file_name}");
            match entry.file_type() {
                Ok(t) if t.is_file() => {
                    let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                    out.push((name, size));
                }
                Ok(t) if t.is_dir() && depth == 0 => {
                    folders.push((entry.path(), format!("{name}/"), 1))
                }
                _ => {}
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The names in `dir`, hidden partial files included, sorted.
    pub(crate) fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn download_is_invisible_until_finished() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.bin");
        let mut d = Download::create(&path, false).unwrap();
        d.write(b"hello").unwrap();
        assert!(!path.exists());
        drop(d);
        assert!(!path.exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "temporary file removed"
        );
        let mut d = Download::create(&path, false).unwrap();
        d.write(b"hello").unwrap();
        let (saved, sha) = d.finish().unwrap();
        assert_eq!(saved, path);
        assert_eq!(sha, sha256_file(&path).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"hello");
        assert!(matches!(
            Download::create(&path, false),
            Err(Error::Exists(_))
        ));
        let mut d = Download::create(&path, true).unwrap();
        d.write(b"bye").unwrap();
        d.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"bye");
    }

    #[test]
    fn a_partial_file_left_by_a_killed_run_is_removed_and_a_live_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.bin");
        // What a killed run leaves: a partial file nobody holds.
        let stale = dir.path().join(".out.bin.Xy12ab.part");
        std::fs::write(&stale, b"half of an old download").unwrap();
        let other = dir.path().join(".other.bin.Xy12ab.part");
        std::fs::write(&other, b"another name's").unwrap();
        let live = Download::create(&path, false).unwrap();
        assert_eq!(live.stale_removed(), 1);
        assert!(!stale.exists());
        assert!(other.exists(), "only partial files of the same name go");
        // A download of the same name still running keeps its partial file.
        let second = Download::create(&path, false).unwrap();
        assert_eq!(second.stale_removed(), 0);
        let parts = |d: &Path| {
            std::fs::read_dir(d)
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(".out.bin."))
                .count()
        };
        assert_eq!(parts(dir.path()), 2, "both live partial files are there");
        drop(second);
        let mut live = live;
        live.write(b"whole").unwrap();
        live.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
        assert_eq!(parts(dir.path()), 0);
    }

    #[test]
    fn compare_finds_the_first_difference() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, b"one\ntwo\nthree").unwrap();
        std::fs::write(&b, b"one\ntwo\nthree").unwrap();
        assert_eq!(
            compare_files(&a, &b).unwrap(),
            Comparison::Identical { size: 13 }
        );
        std::fs::write(&b, b"one\ntwo\nthrEe").unwrap();
        let c = compare_files(&a, &b).unwrap();
        assert!(
            matches!(
                c,
                Comparison::Differ {
                    offset: 11,
                    line: 3,
                    byte_a: Some(b'e'),
                    byte_b: Some(b'E'),
                    ..
                }
            ),
            "{c:?}"
        );
        std::fs::write(&b, b"one\ntwo").unwrap();
        let c = compare_files(&a, &b).unwrap();
        assert!(
            matches!(
                c,
                Comparison::Differ {
                    offset: 7,
                    byte_b: None,
                    ..
                }
            ),
            "{c:?}"
        );
        std::fs::write(&a, b"abc").unwrap();
        assert_eq!(
            sha256_file(&a).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
