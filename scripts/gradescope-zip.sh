#!/usr/bin/env bash
# Builds a Gradescope autograder zip: setup.sh, run_autograder, socklab.conf and the socklab
# binary at the zip's top level, as Gradescope unpacks it into /autograder/source.
# Usage: scripts/gradescope-zip.sh [CONF] [OUT]
#   CONF: the assignment's socklab.conf (default docs/gradescope/socklab.conf; socklab-java.conf
#         and socklab-c.conf are the Java and C examples)
#   OUT:  the zip to write (default target/gradescope/autograder.zip)
# SOCKLAB_BIN names the binary; by default the one scripts/build-linux.sh makes (glibc 2.17 and
# later), built first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
conf=${1:-docs/gradescope/socklab.conf}
out=${2:-target/gradescope/autograder.zip}
bin=${SOCKLAB_BIN:-target/x86_64-unknown-linux-gnu/release/socklab}
[ -f "$conf" ] || { echo "no such socklab.conf: $conf" >&2; exit 2; }
if [ ! -x "$bin" ]; then
  if [ -n "${SOCKLAB_BIN:-}" ]; then
    echo "no such binary: $bin" >&2
    exit 2
  fi
  scripts/build-linux.sh
fi
mkdir -p "$(dirname "$out")"
# Written beside the final name and renamed: no half-written zip under its name.
python3 - "$out.part" "$conf" "$bin" <<'PY'
import sys, zipfile
out, conf, binary = sys.argv[1:4]
files = [
    ("setup.sh", "docs/gradescope/setup.sh", 0o755),
    ("run_autograder", "docs/gradescope/run_autograder", 0o755),
    ("socklab.conf", conf, 0o644),
    ("socklab", binary, 0o755),
]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, path, mode in files:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(path, "rb") as f:
            z.writestr(info, f.read())
PY
mv "$out.part" "$out"
echo "wrote $out ($(du -h "$out" | cut -f1)): setup.sh, run_autograder, socklab.conf from $conf, socklab"
