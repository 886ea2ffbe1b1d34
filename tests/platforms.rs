//! Where labs run and courses grade: the Linux binary built for old systems
//! (`scripts/build-linux.sh`) in a Debian 11 root, and Gradescope's autograder zip run in fresh
//! Debian 11 roots laid out as Gradescope's machines. Both need root, debootstrap and Debian's
//! archive, and the binary; each is skipped with a line saying why when one is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{say, wait_output};

/// The binary scripts/build-linux.sh makes, if it has been made.
fn old_linux_binary() -> Option<PathBuf> {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/x86_64-unknown-linux-gnu/release/socklab");
    if bin.is_file() {
        Some(bin)
    } else {
        say("skipped: no old-glibc binary (scripts/build-linux.sh makes it; .ci/run does)");
        None
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn script(name: &str, args: &[&Path], bin: &Path) -> common::Finished {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    wait_output(
        Command::new("bash")
            .arg(root.join("scripts").join(name))
            .args(args)
            .env("SOCKLAB_BIN", bin)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
        Duration::from_secs(900),
    )
}

/// The highest glibc version a binary's symbols name (2.17 as (2, 17)).
fn highest_glibc(bin: &Path) -> Option<(u32, u32)> {
    let out = Command::new("objdump").arg("-T").arg(bin).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .split("GLIBC_")
        .skip(1)
        .filter_map(|rest| {
            let v: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
            Some((parts.next()??, parts.next().flatten().unwrap_or(0)))
        })
        .max()
}

#[test]
fn the_linux_binary_runs_on_debian_11_and_grades_on_gradescope_there() {
    let Some(bin) = old_linux_binary() else {
        return;
    };
    if let Some(v) = highest_glibc(&bin) {
        assert!(v <= (2, 31), "the binary needs GLIBC_{}.{}", v.0, v.1);
    }
    if !is_root() {
        say("skipped: making and entering a Debian 11 root needs root");
        return;
    }
    if common::tool("debootstrap", "debootstrap").is_none() {
        say("skipped: no debootstrap");
        return;
    }
    // The package scripts/build-linux.sh --deb made of this binary, if it has.
    let deb = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/debian"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok());
    let root = PathBuf::from("/tmp/socklab-bullseye");
    let mut args: Vec<&Path> = vec![&bin, &root];
    if let Some(deb) = &deb {
        args.push(deb);
    } else {
        say("not tried: the Debian package in Debian 11 (scripts/build-linux.sh --deb makes it)");
    }
    // One after the other: both fetch from Debian's archive.
    let smoke = script("old-linux-smoke.sh", &args, &bin);
    let said = format!("{}{}", smoke.stdout, smoke.stderr);
    if said.contains("debootstrap") && !smoke.success {
        say(&format!(
            "skipped: a Debian 11 root could not be made: {said}"
        ));
        return;
    }
    assert!(smoke.success, "{said}");
    for line in [
        "glibc in the root: ldd (Debian GLIBC 2.31",
        "Sum: 87",
        "the UDP copy is identical",
        "7 passed, 0 failed",
        "the window ran for 5 s",
    ] {
        assert!(said.contains(line), "no {line:?} in:\n{said}");
    }
    if deb.is_some() {
        for line in [
            "installed from the package: socklab ",
            "the package's menu entry is installed",
            "the package removes cleanly",
        ] {
            assert!(said.contains(line), "no {line:?} in:\n{said}");
        }
    }

    let gradescope = script("gradescope-e2e.sh", &[], &bin);
    let said = format!("{}{}", gradescope.stdout, gradescope.stderr);
    assert!(gradescope.success, "{said}");
    for line in [
        "ok   python-correct: 5.0 of 5.0 points",
        "ok   python-broken: ",
        "ok   java-correct: 5.0 of 5.0 points",
        "ok   java-broken: ",
        "ok   c-correct: 6.0 of 6.0 points",
        "ok   c-broken: 0.0 of ",
        "every Gradescope run gave the expected score in a valid results.json",
    ] {
        assert!(said.contains(line), "no {line:?} in:\n{said}");
    }
}
