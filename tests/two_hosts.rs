//! Client and server on two machines: two network namespaces joined by a veth pair, with
//! addresses from 198.18.0.0/15 (set aside for testing network links). socklab's server runs in
//! one and its client in the other, for every exercise in both transports; a student-style
//! Python server runs in one against socklab's client in the other, and one bound to
//! "localhost" gets the hint that names that mistake. Runs as root with `ip` (iproute2,
//! installed when missing); otherwise it says on stderr what it skipped. The namespaces are
//! removed even when a test fails.
#![cfg(target_os = "linux")]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Two hosts: namespaces `a` (the server's) and `b` (the client's).
struct Hosts {
    a: String,
    b: String,
    ip_a: String,
    /// The veth ends: `va` in host `a`, `vb` in host `b`.
    va: String,
    vb: String,
    servers: Vec<Child>,
}

fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl Hosts {
    /// Two fresh hosts, or None (and a line on stderr) where this cannot run.
    fn new(test: &str) -> Option<Self> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            say(&format!("skipped: {test}: network namespaces need root"));
            return None;
        }
        // Installed from iproute2 when missing (tool says on stderr when it cannot be).
        if tool("ip", "iproute2").is_none() {
            say(&format!("skipped: {test}: no `ip` (iproute2)"));
            return None;
        }
        // A subnet and names of this test's own: tests run side by side.
        let id = std::process::id() % 10_000;
        let n: u32 = rand::random_range(1..250);
        let tag = format!("{id}{}", test.len() % 10);
        let (a, b) = (format!("slab{tag}a"), format!("slab{tag}b"));
        let (va, vb) = (format!("sv{tag}a"), format!("sv{tag}b"));
        let ip_a = format!("198.18.{n}.1");
        let ip_b = format!("198.18.{n}.2");
        let hosts = Self {
            a: a.clone(),
            b: b.clone(),
            ip_a: ip_a.clone(),
            va: va.clone(),
            vb: vb.clone(),
            servers: Vec::new(),
        };
        let ok = ip(&["netns", "add", &a])
            && ip(&["netns", "add", &b])
            && ip(&["link", "add", &va, "type", "veth", "peer", "name", &vb])
            && ip(&["link", "set", &va, "netns", &a])
            && ip(&["link", "set", &vb, "netns", &b])
            && ip(&["-n", &a, "addr", "add", &format!("{ip_a}/24"), "dev", &va])
            && ip(&["-n", &b, "addr", "add", &format!("{ip_b}/24"), "dev", &vb])
            && ip(&["-n", &a, "link", "set", &va, "up"])
            && ip(&["-n", &b, "link", "set", &vb, "up"])
            && ip(&["-n", &a, "link", "set", "lo", "up"])
            && ip(&["-n", &b, "link", "set", "lo", "up"]);
        if !ok {
            say(&format!(
                "skipped: {test}: the namespaces could not be made"
            ));
            return None;
        }
        Some(hosts)
    }

    fn command(ns: &str, program: &str) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", ns, program]);
        c
    }

    /// Starts a server in host `a` and waits (at most 10 s) for a line with `ready` in it.
    fn serve(&mut self, program: &str, args: &[&str], ready: &str) {
        let mut command = Self::command(&self.a, program);
        command.args(args);
        let mut child = piped(command).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = crossbeam_channel::unbounded();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let until = Instant::now() + WAIT;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) if line.contains(ready) => break,
                Ok(_) => {}
                Err(_) => panic!("{program} {args:?} never said {ready:?}"),
            }
        }
        self.servers.push(child);
    }

    /// Runs a client in host `b` to its end (at most 60 s).
    fn client(&self, program: &str, args: &[&str]) -> Finished {
        wait_output(self.spawn_client(program, args), Duration::from_secs(60))
    }

    /// Starts a client in host `b`.
    fn spawn_client(&self, program: &str, args: &[&str]) -> Child {
        let mut command = Self::command(&self.b, program);
        command.args(args);
        piped(command).spawn().unwrap()
    }

    fn stop_servers(&mut self) {
        for mut s in self.servers.drain(..) {
            let _ = s.kill();
            let _ = s.wait();
        }
    }
}

impl Drop for Hosts {
    fn drop(&mut self) {
        self.stop_servers();
        // The veth pair goes with its namespaces.
        ip(&["netns", "del", &self.a]);
        ip(&["netns", "del", &self.b]);
    }
}

const SOCKLAB: &str = env!("CARGO_BIN_EXE_socklab");

#[test]
fn every_exercise_crosses_from_one_host_to_the_other() {
    let Some(mut hosts) = Hosts::new("every exercise across two hosts") else {
        return;
    };
    let a = hosts.ip_a.clone();
    let shared = tempfile::tempdir().unwrap();
    let body: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(shared.path().join("notes.bin"), &body).unwrap();
    let root = shared.path().to_str().unwrap().to_owned();
    let out = tempfile::tempdir().unwrap();
    let got = |name: &str| out.path().join(name);
    for transport in ["tcp", "udp"] {
        // add
        let port = "12000";
        hosts.serve(
            SOCKLAB,
            &[&format!("{transport}-add"), "server", "--port", port],
            "listening",
        );
        let r = hosts.client(
            SOCKLAB,
            &[
                &format!("{transport}-add"),
                "client",
                "--name",
                "Ana",
                "--number",
                "37",
                &format!("{a}:{port}"),
            ],
        );
        assert_eq!(r.code, Some(0), "{transport}-add: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains("37 + "), "{}", r.stdout);
        hosts.stop_servers();

        // file
        hosts.serve(
            SOCKLAB,
            &[
                &format!("{transport}-file"),
                "server",
                "9000",
                "--root",
                &root,
            ],
            "listening",
        );
        let dest = got(&format!("{transport}.bin"));
        let r = hosts.client(
            SOCKLAB,
            &[
                &format!("{transport}-file"),
                "client",
                &format!("{a}:9000:notes.bin"),
                dest.to_str().unwrap(),
            ],
        );
        assert_eq!(
            r.code,
            Some(0),
            "{transport}-file: {}{}",
            r.stdout,
            r.stderr
        );
        assert_eq!(std::fs::read(&dest).unwrap(), body, "{transport}-file");
        hosts.stop_servers();

        // echo and uppercase
        hosts.serve(
            SOCKLAB,
            &[&format!("{transport}-echo"), "server", "--port", "9900"],
            "listening",
        );
        let r = hosts.client(
            SOCKLAB,
            &[
                &format!("{transport}-echo"),
                "client",
                &format!("{a}:9900"),
                "hello across",
                "stop",
            ],
        );
        assert_eq!(
            r.code,
            Some(0),
            "{transport}-echo: {}{}",
            r.stdout,
            r.stderr
        );
        assert!(r.stdout.contains("hello across"), "{}", r.stdout);
        hosts.stop_servers();
        hosts.serve(
            SOCKLAB,
            &[&format!("{transport}-upper"), "server", "--port", "12001"],
            "listening",
        );
        let r = hosts.client(
            SOCKLAB,
            &[
                &format!("{transport}-upper"),
                "client",
                &format!("{a}:12001"),
                "shout it",
            ],
        );
        assert_eq!(
            r.code,
            Some(0),
            "{transport}-upper: {}{}",
            r.stdout,
            r.stderr
        );
        assert!(r.stdout.contains("SHOUT IT"), "{}", r.stdout);
        hosts.stop_servers();
    }
    // guess and TFTP (UDP only)
    hosts.serve(
        SOCKLAB,
        &["udp-guess", "server", "--port", "9999"],
        "listening",
    );
    let r = hosts.client(
        SOCKLAB,
        &["udp-guess", "client", "--auto", &format!("{a}:9999")],
    );
    assert_eq!(r.code, Some(0), "udp-guess: {}{}", r.stdout, r.stderr);
    assert!(r.stdout.to_uppercase().contains("CORRECT"), "{}", r.stdout);
    hosts.stop_servers();
    hosts.serve(
        SOCKLAB,
        &["tftp", "server", "--port", "6969", "--root", &root],
        "listening",
    );
    let dest = got("tftp.bin");
    let r = hosts.client(
        SOCKLAB,
        &[
            "tftp",
            "client",
            &format!("{a}:6969:notes.bin"),
            dest.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, Some(0), "tftp: {}{}", r.stdout, r.stderr);
    assert_eq!(std::fs::read(&dest).unwrap(), body, "tftp");
}

/// A student's add server, as the handout has it, bound to `host`.
fn student_server(host: &str) -> String {
    format!(
        "import socket\n\
         s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n\
         s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n\
         s.bind(({host:?}, 12000))\n\
         s.listen(1)\n\
         print('The server is ready to receive', flush=True)\n\
         while True:\n\
         \x20   c, addr = s.accept()\n\
         \x20   name, number = c.recv(1024).decode().rsplit(',', 1)\n\
         \x20   c.send(('Server of Zoe,81').encode())\n\
         \x20   c.close()\n"
    )
}

#[test]
fn only_a_server_bound_to_every_interface_is_reached_from_the_other_host() {
    let Some(mut hosts) = Hosts::new("a student's server across two hosts") else {
        return;
    };
    let a = hosts.ip_a.clone();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let py = python();
    // Bound to '' (all interfaces): socklab's client on the other host is answered.
    let all = write("all.py", student_server(""));
    hosts.serve(&py, &[&all], "ready");
    let r = hosts.client(
        SOCKLAB,
        &[
            "tcp-add",
            "client",
            "--name",
            "Ana",
            "--number",
            "37",
            &format!("{a}:12000"),
        ],
    );
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("37 + 81 = 118"), "{}", r.stdout);
    hosts.stop_servers();
    // Bound to 'localhost': only its own host can reach it, and the hint says so.
    let local = write("local.py", student_server("localhost"));
    hosts.serve(&py, &[&local], "ready");
    let r = hosts.client(
        SOCKLAB,
        &[
            "tcp-add",
            "client",
            "--name",
            "Ana",
            "--number",
            "37",
            &format!("{a}:12000"),
        ],
    );
    assert_ne!(r.code, Some(0));
    let said = format!("{}{}", r.stdout, r.stderr);
    assert!(said.contains("127.0.0.1 (localhost) only"), "{said}");
    hosts.stop_servers();
    // socklab's own server bound to 127.0.0.1 says at start that only this computer reaches it.
    hosts.serve(
        SOCKLAB,
        &[
            "tcp-add",
            "server",
            "--port",
            "12000",
            "--bind",
            "127.0.0.1",
        ],
        "only this computer can reach it",
    );
    let _ = Path::new(&a);
}

#[test]
fn a_link_down_mid_download_ends_the_client_with_nothing_saved() {
    let Some(mut hosts) = Hosts::new("a link down mid-download") else {
        return;
    };
    let a = hosts.ip_a.clone();
    let shared = tempfile::tempdir().unwrap();
    let body: Vec<u8> = (0..6u32 << 20).map(|i| (i * 13 % 251) as u8).collect();
    std::fs::write(shared.path().join("big.bin"), &body).unwrap();
    let root = shared.path().to_str().unwrap().to_owned();
    // About 1 MiB/s out of host a: six seconds for the file, time to pull the cable half-way.
    // (UDP is paced by the server itself.)
    assert!(
        ip(&["-n", &hosts.a, "link", "set", &hosts.va, "mtu", "1500"])
            && Command::new("tc")
                .args(["-n", &hosts.a, "qdisc", "add", "dev", &hosts.va, "root"])
                .args(["tbf", "rate", "8mbit", "burst", "32kb", "latency", "400ms"])
                .status()
                .is_ok_and(|s| s.success()),
        "tc could not limit the link"
    );
    for transport in ["tcp", "udp"] {
        hosts.serve(
            SOCKLAB,
            &[
                &format!("{transport}-file"),
                "server",
                "9000",
                "--root",
                &root,
                "--rate",
                "1",
            ],
            "listening",
        );
        let out = tempfile::tempdir().unwrap();
        let dest = out.path().join("big.bin");
        let client = hosts.spawn_client(
            SOCKLAB,
            &[
                &format!("{transport}-file"),
                "client",
                &format!("{a}:9000:big.bin"),
                dest.to_str().unwrap(),
                "--timeout",
                "2",
            ],
        );
        wait_growing(out.path(), 1 << 20, Duration::from_secs(20));
        assert!(ip(&["-n", &hosts.b, "link", "set", &hosts.vb, "down"]));
        let pulled = Instant::now();
        let done = wait_output(client, Duration::from_secs(60));
        let waited = pulled.elapsed();
        assert!(ip(&["-n", &hosts.b, "link", "set", &hosts.vb, "up"]));
        let said = format!("{}{}", done.stdout, done.stderr);
        assert_ne!(done.code, Some(0), "{transport}: {said}");
        // The idle timeout is 2 s; a second of slack for a busy machine.
        assert!(
            waited < Duration::from_secs(4),
            "{transport}: ended {waited:?} after the link went down"
        );
        assert!(said.contains("nothing saved"), "{transport}: {said}");
        assert!(said.contains("for 2 s"), "{transport}: {said}");
        let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "{transport}: left {left:?}");
        hosts.stop_servers();
    }
}
