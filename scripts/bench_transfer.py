#!/usr/bin/env python3
"""File-transfer benchmark on loopback, all peers in one run.

TCP: a 1 GiB file moved by `socklab tcp-file`, by socat, and by the Python lab pair in
tests/peers; `cp` of the same file as the ceiling. UDP: a 256 MiB file moved by `socklab udp-file`
and by the Python lab pair, with the share of bytes delivered and whether SHA-256 matches.
Prints throughput, ratios and each socklab process's peak RSS (from wait4).

usage: scripts/bench_transfer.py [--tcp-mib 1024] [--udp-mib 256]
Needs: a release build (`cargo build --release`), python3, socat (apt-get install socat).
"""
import argparse
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOCKLAB = os.path.join(ROOT, "target", "release", "socklab")
PEERS = os.path.join(ROOT, "tests", "peers")


def free_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mib(pid):
    """The process's own peak RSS (VmHWM), or None once it has gone.

    Not wait4's ru_maxrss: Linux carries that across exec, so every child would report the
    benchmark's own peak."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def run_watching(procs, until):
    """Samples each process's peak RSS every 10 ms until `until` exits; returns the peaks."""
    peaks = [0.0 for _ in procs]
    while True:
        for i, p in enumerate(procs):
            rss = peak_rss_mib(p.pid)
            if rss is not None:
                peaks[i] = max(peaks[i], rss)
        if until.poll() is not None:
            return peaks
        time.sleep(0.01)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 20)
            if not block:
                return h.hexdigest()
            h.update(block)


def timed_pair(server_cmd, client_cmd, cwd=None):
    """Starts the server, runs the client, times the client; returns (seconds, server rss, client rss)."""
    os.sync()  # no earlier write-back competes with this measurement
    server = subprocess.Popen(server_cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # One-shot servers (socat, the lab script) serve the first connection only, so no probe:
        # give them a moment to listen.
        time.sleep(0.5)
        start = time.perf_counter()
        client = subprocess.Popen(client_cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server_rss, client_rss = run_watching([server, client], client)
        seconds = time.perf_counter() - start
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    return seconds, server_rss, client_rss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tcp-mib", type=int, default=1024)
    parser.add_argument("--udp-mib", type=int, default=256)
    args = parser.parse_args()
    if not os.path.exists(SOCKLAB):
        sys.exit("build first: cargo build --release")
    if shutil.which("socat") is None:
        sys.exit("socat is needed: apt-get install socat")

    work = tempfile.mkdtemp(prefix="socklab-bench-")
    try:
        src = os.path.join(work, "src.bin")
        with open(src, "wb") as f:
            for _ in range(args.tcp_mib):
                f.write(os.urandom(1 << 20))
        size = os.path.getsize(src)
        want = sha256(src)
        rows = []

        def check(dst):
            ok = os.path.exists(dst) and os.path.getsize(dst) == size and sha256(dst) == want
            if os.path.exists(dst):
                os.remove(dst)
            return ok

        dst = os.path.join(work, "dst.bin")
        os.sync()
        start = time.perf_counter()
        shutil.copyfile(src, dst)
        rows.append(("cp (ceiling)", time.perf_counter() - start, None, None, check(dst)))

        port = free_port()
        t, srss, crss = timed_pair(
            ["socat", "-u", f"FILE:{src}", f"TCP-LISTEN:{port},reuseaddr"],
            ["socat", "-u", f"TCP:127.0.0.1:{port}", f"CREATE:{dst}"]
        )
        rows.append(("socat", t, srss, crss, check(dst)))

        port = free_port()
        t, srss, crss = timed_pair(
            [sys.executable, os.path.join(PEERS, "file_server.py"), "tcp", str(port)],
            [sys.executable, os.path.join(PEERS, "file_client.py"), "tcp", f"127.0.0.1:{port}:src.bin", dst],
            cwd=work)
        rows.append(("Python lab pair", t, srss, crss, check(dst)))

        port = free_port()
        t, srss, crss = timed_pair(
            [SOCKLAB, "tcp-file", "server", str(port), "--root", work, "--bind", "127.0.0.1"],
            [SOCKLAB, "tcp-file", "client", f"127.0.0.1:{port}:src.bin", dst]
        )
        rows.append(("socklab tcp-file", t, srss, crss, check(dst)))

        socat_t = rows[1][1]
        cp_t = rows[0][1]
        print(f"TCP, {args.tcp_mib} MiB file on loopback")
        print(f"{'peer':<20}{'MiB/s':>10}{'vs socat':>10}{'vs cp':>8}{'server RSS':>12}{'client RSS':>12}  same bytes")
        for name, t, srss, crss, ok in rows:
            mibs = size / t / (1 << 20)
            fmt = lambda r: f"{r:.1f} MiB" if r is not None else "-"
            print(f"{name:<20}{mibs:>10.0f}{socat_t / t:>9.2f}x{cp_t / t:>7.2f}x{fmt(srss):>12}{fmt(crss):>12}  {ok}")

        # UDP: a smaller file, as the lab protocol has no flow control.
        usrc = os.path.join(work, "udp.bin")
        with open(src, "rb") as f, open(usrc, "wb") as g:
            for _ in range(args.udp_mib):
                g.write(f.read(1 << 20))
        usize = os.path.getsize(usrc)
        uwant = sha256(usrc)
        print(f"\nUDP, {args.udp_mib} MiB file on loopback")
        print(f"{'peer':<20}{'MiB/s':>10}{'delivered':>11}{'SHA-256':>9}{'server RSS':>12}{'client RSS':>12}")
        for name, server_cmd, client_cmd in [
            ("Python lab pair",
             [sys.executable, os.path.join(PEERS, "file_server.py"), "udp", "{port}"],
             [sys.executable, os.path.join(PEERS, "file_client.py"), "udp", "127.0.0.1:{port}:udp.bin", dst]),
            ("socklab udp-file",
             [SOCKLAB, "udp-file", "server", "{port}", "--root", work, "--bind", "127.0.0.1"],
             [SOCKLAB, "udp-file", "client", "127.0.0.1:{port}:udp.bin", dst]),
            ("socklab --rate 256",
             [SOCKLAB, "udp-file", "server", "{port}", "--root", work, "--bind", "127.0.0.1", "--rate", "256"],
             [SOCKLAB, "udp-file", "client", "127.0.0.1:{port}:udp.bin", dst]),
        ]:
            port = free_port(socket.SOCK_DGRAM)
            fill = lambda cmd: [c.replace("{port}", str(port)) for c in cmd]
            t, srss, crss = timed_pair(fill(server_cmd), fill(client_cmd), cwd=work)
            got = os.path.getsize(dst) if os.path.exists(dst) else 0
            same = got == usize and sha256(dst) == uwant
            if os.path.exists(dst):
                os.remove(dst)
            print(f"{name:<20}{got / t / (1 << 20):>10.0f}{100.0 * got / usize:>10.1f}%{str(same):>9}"
                  f"{srss:>9.1f} MiB{crss:>9.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
