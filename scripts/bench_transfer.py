#!/usr/bin/env python3
"""File-transfer benchmark on loopback: clients alternated, servers started once.

TCP: one file moved by `socklab tcp-file client` from `socklab tcp-file server`, and by
`socat -u TCP:… CREATE:…` from `socat -U TCP-LISTEN:…,fork OPEN:…,rdonly`, alternated run by run
(A B, then B A, …), each into a fresh destination; beside them the floors: `dd` reading and
writing the same file, and socat receiving into /dev/null (the network alone).
TFTP: socklab's TFTP client from socklab's TFTP server, tftpd-hpa and atftpd (when present),
blksize 2048 and 8192, windowsize 1 and 16, alternated the same way.

Prints, per peer: median, min-max of the wall time and the throughput, and socklab's client's
peak RSS (VmHWM, sampled every 10 ms).

usage: scripts/bench_transfer.py [--tcp-mib 512] [--tftp-mib 64] [--runs 7] [--skip-tcp] [--skip-tftp]
Needs: a release build (`cargo build --release`), socat; for TFTP peers tftpd-hpa
(`in.tftpd`) and atftpd (`--atftpd PATH`, e.g. unpacked with `apt-get download atftpd &&
dpkg -x atftpd_*.deb DIR`).
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOCKLAB = os.path.join(ROOT, "target", "release", "socklab")


def free_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, kind=socket.SOCK_STREAM, timeout=5.0):
    """Waits until something has `port` (TCP: listening; UDP: bound), without connecting."""
    tables = ["/proc/net/tcp"] if kind == socket.SOCK_STREAM else ["/proc/net/udp"]
    until = time.time() + timeout
    while time.time() < until:
        for table in tables:
            with open(table) as f:
                for line in f.readlines()[1:]:
                    fields = line.split()
                    if int(fields[1].rsplit(":", 1)[1], 16) == port and (
                        kind != socket.SOCK_STREAM or fields[3] == "0A"
                    ):
                        return
        time.sleep(0.02)
    sys.exit(f"nothing on port {port}")


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def timed(cmd, watch=False):
    """Runs `cmd`; its wall time in seconds and (with `watch`) its peak RSS in MiB."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while p.poll() is None:
        if watch:
            rss = peak_rss_mib(p.pid)
            if rss is not None:
                peak = max(peak, rss)
        time.sleep(0.01 if watch else 0.002)
    took = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {p.stderr.read().decode(errors='replace')}")
    return took, peak


def summary(name, times, size, rss=None, floor=None):
    med = statistics.median(times)
    mib = size / (1024 * 1024)
    line = (
        f"| {name} | {med:.3f} s ({min(times):.3f}-{max(times):.3f}) | "
        f"{mib / med:,.0f} MiB/s ({mib / max(times):,.0f}-{mib / min(times):,.0f}) |"
    )
    line += f" {floor / med:.2f} |" if floor else " |"
    line += f" {rss:.1f} MiB |" if rss else " |"
    print(line)
    return med


def alternate(runs, peers):
    """Runs each peer's `run()` `runs` times, the order turned round every round."""
    results = {name: [] for name, _ in peers}
    for i in range(runs):
        order = peers if i % 2 == 0 else list(reversed(peers))
        for name, run in order:
            results[name].append(run())
    return results


def tcp(args, work):
    size = args.tcp_mib * 1024 * 1024
    share = os.path.join(work, "share")
    os.makedirs(share)
    src = os.path.join(share, "big.bin")
    with open(src, "wb") as f:
        chunk = os.urandom(1024 * 1024)
        for _ in range(args.tcp_mib):
            f.write(chunk)
    dest = os.path.join(work, "dest.bin")
    port_s, port_c, port_b = free_port(), free_port(), free_port()
    servers = [
        subprocess.Popen([SOCKLAB, "tcp-file", "server", str(port_s), "--bind", "127.0.0.1",
                          "--root", share], stdout=subprocess.DEVNULL),
        # -U: the file (opened in each forked child, after accept) is read, the socket written.
        subprocess.Popen(["socat", "-U", f"TCP-LISTEN:{port_c},bind=127.0.0.1,reuseaddr,fork",
                          f"OPEN:{src},rdonly"]),
        # The same with 256 KiB buffers (socat's default is 8 KiB).
        subprocess.Popen(["socat", "-b", "262144", "-U",
                          f"TCP-LISTEN:{port_b},bind=127.0.0.1,reuseaddr,fork",
                          f"OPEN:{src},rdonly"]),
    ]
    wait_port(port_s)
    wait_port(port_c)
    wait_port(port_b)

    def fresh():
        if os.path.exists(dest):
            os.remove(dest)

    def socklab_run():
        fresh()
        took, rss = timed([SOCKLAB, "tcp-file", "client", f"127.0.0.1:{port_s}:big.bin", dest,
                           "--force"], watch=True)
        assert os.path.getsize(dest) == size
        return took, rss

    def socklab_copy_run():
        fresh()
        took, rss = timed([SOCKLAB, "tcp-file", "client", f"127.0.0.1:{port_s}:big.bin", dest,
                           "--force", "--no-splice"], watch=True)
        assert os.path.getsize(dest) == size
        return took, rss

    def sha_run():
        # SHA-256 of the same bytes on one core (the CPU's SHA extensions), from the page cache.
        return timed(["openssl", "dgst", "-sha256", src])[0], 0.0

    def socat_run():
        fresh()
        took, _ = timed(["socat", "-u", f"TCP:127.0.0.1:{port_c}", f"CREATE:{dest}"])
        assert os.path.getsize(dest) == size
        return took, 0.0

    def socat_big_run():
        fresh()
        took, _ = timed(["socat", "-b", "262144", "-u", f"TCP:127.0.0.1:{port_b}",
                         f"CREATE:{dest}"])
        assert os.path.getsize(dest) == size
        return took, 0.0

    def dd_run():
        fresh()
        return timed(["dd", f"if={src}", f"of={dest}", "bs=1M", "status=none"])[0], 0.0

    def null_run():
        # socklab's server (sendfile) into a receive that discards: the network alone.
        code = (
            "import socket,sys\n"
            f"s=socket.create_connection(('127.0.0.1',{port_s}))\n"
            "s.sendall(b'big.bin'); s.shutdown(socket.SHUT_WR)\n"
            "b=bytearray(1<<18); n=0\n"
            "while True:\n"
            "    k=s.recv_into(b)\n"
            "    if not k: break\n"
            "    n+=k\n"
            f"sys.exit(0 if n=={size} else 1)\n"
        )
        return timed([sys.executable, "-c", code])[0], 0.0

    try:
        timed(["cat", src])  # the source in the page cache for everyone
        peers = [("socklab", socklab_run), ("socklab_copy", socklab_copy_run),
                 ("socat", socat_run),
                 ("socat256", socat_big_run), ("dd", dd_run), ("null", null_run)]
        if shutil.which("openssl"):
            peers.append(("sha", sha_run))
        results = alternate(args.runs, peers)
    finally:
        for s in servers:
            s.terminate()
            s.wait()
    print(f"\nTCP, {args.tcp_mib} MiB, {args.runs} runs each, alternated "
          f"(median, min-max):\n")
    print("| peer | time | throughput | dd floor / peer | peak RSS |")
    print("|---|---|---|---|---|")
    t = {k: [x[0] for x in v] for k, v in results.items()}
    dd = statistics.median(t["dd"])
    summary("dd (read and write the file: the floor)", t["dd"], size, floor=dd)
    summary("a receive that discards, from socklab's server (the network alone)", t["null"],
            size, floor=dd)
    summary("socat (its default 8 KiB buffers)", t["socat"], size, floor=dd)
    summary("socat -b 262144", t["socat256"], size, floor=dd)
    if "sha" in t:
        summary("SHA-256 of the file alone (`openssl dgst`, one core: socklab's floor)",
                t["sha"], size, floor=dd)
    summary("socklab, read and write (`--no-splice`)", t["socklab_copy"], size,
            rss=max(x[1] for x in results["socklab_copy"]), floor=dd)
    summary("socklab, splice", t["socklab"], size,
            rss=max(x[1] for x in results["socklab"]), floor=dd)
    print()
    for name in ("socat", "socat256", "socklab_copy"):
        ratio = statistics.median(t[name]) / statistics.median(t["socklab"])
        print(f"socklab's throughput / {name}'s (medians): {ratio:.2f}")
    if "sha" in t:
        ratio = statistics.median(t["socklab"]) / statistics.median(t["sha"])
        print(f"socklab's time / the SHA-256 alone (medians): {ratio:.2f}")


def tftp(args, work):
    size = args.tftp_mib * 1024 * 1024
    share = os.path.join(work, "tftp")
    os.makedirs(share)
    src = os.path.join(share, "t.bin")
    with open(src, "wb") as f:
        f.write(os.urandom(size))
    servers, peers = [], []
    port = free_port(socket.SOCK_DGRAM)
    servers.append(subprocess.Popen([SOCKLAB, "tftp", "server", "--port", str(port), "--bind",
                                     "127.0.0.1", "--root", share], stdout=subprocess.DEVNULL))
    peers.append(("socklab", port))
    if shutil.which("in.tftpd"):
        port = free_port(socket.SOCK_DGRAM)
        servers.append(subprocess.Popen(["in.tftpd", "-L", "-a", f"127.0.0.1:{port}", "-s",
                                         share, "-u", "root"]))
        peers.append(("tftpd-hpa", port))
    if args.atftpd and os.path.exists(args.atftpd):
        port = free_port(socket.SOCK_DGRAM)
        servers.append(subprocess.Popen([args.atftpd, "--daemon", "--no-fork", "--port",
                                         str(port), "--bind-address", "127.0.0.1", "--user",
                                         "root.root", "--logfile", "/dev/null", share]))
        peers.append(("atftpd", port))
    for _, p in peers:
        wait_port(p, socket.SOCK_DGRAM)
    dest = os.path.join(work, "t-dest.bin")
    cases = []
    for name, p in peers:
        for blksize in (2048, 8192):
            for window in (1, 16):
                def run(p=p, blksize=blksize, window=window):
                    if os.path.exists(dest):
                        os.remove(dest)
                    out = subprocess.run(
                        [SOCKLAB, "tftp", "client", f"127.0.0.1:{p}:t.bin", dest, "--blksize",
                         str(blksize), "--windowsize", str(window), "--json"],
                        capture_output=True, text=True, check=True).stdout
                    assert os.path.getsize(dest) == size
                    # The transfer's own time, from the first packet to the last block.
                    for line in out.splitlines():
                        event = json.loads(line)
                        if event.get("event") == "file":
                            return event["transfer_ms"] / 1000.0, 0.0
                    sys.exit("no file event from the TFTP client")
                cases.append((f"{name}, blksize {blksize}, window {window}", run))
    try:
        results = alternate(args.runs, cases)
    finally:
        for s in servers:
            s.terminate()
            s.wait()
    print(f"\nTFTP, socklab's client, {args.tftp_mib} MiB, {args.runs} runs each, alternated "
          "(median, min-max of the transfer's own time, from the request to the last "
          "block, as the client reports it):\n")
    print("| server | time | throughput | | |")
    print("|---|---|---|---|---|")
    for name, _ in cases:
        summary(name, [x[0] for x in results[name]], size)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tcp-mib", type=int, default=512)
    ap.add_argument("--tftp-mib", type=int, default=64)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--skip-tftp", action="store_true")
    ap.add_argument("--skip-tcp", action="store_true")
    ap.add_argument("--atftpd", default="")
    args = ap.parse_args()
    if not os.path.exists(SOCKLAB):
        sys.exit("build first: cargo build --release")
    work = tempfile.mkdtemp(prefix="socklab-bench-")
    try:
        if not args.skip_tcp:
            tcp(args, work)
        if not args.skip_tftp:
            tftp(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
