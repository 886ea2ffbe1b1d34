//! Requested file names: never a panic, never a path outside the shared folder.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use socklab::protocol::file::{parse_name, resolve_in_root};

/// A shared folder with a file and a subfolder, and a secret beside it.
fn root() -> &'static (tempfile::TempDir, PathBuf) {
    static ROOT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("shared");
        std::fs::create_dir_all(root.join("sub")).expect("the shared folder");
        std::fs::write(root.join("a.txt"), b"a").expect("a shared file");
        std::fs::write(dir.path().join("secret.txt"), b"s").expect("the secret");
        let canonical = root.canonicalize().expect("a real path");
        (dir, canonical)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(name) = parse_name(data) else { return };
    let (_, root) = root();
    if let Ok(path) = resolve_in_root(root, &name) {
        assert!(path.starts_with(root), "{name:?} resolved to {}", path.display());
        assert!(path.is_file());
    }
});
