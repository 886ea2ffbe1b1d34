#!/usr/bin/env bash
# Runs Gradescope's autograder zips in fresh Debian 11 (bullseye) roots laid out as Gradescope
# lays out its machines (/autograder/source, /autograder/submission, /autograder/results), for a
# correct and a broken submission in Python, Java and C: setup.sh once per zip (packages from
# Debian's archive), then run_autograder per submission; prints each results.json's score and
# checks it against the expected one and Gradescope's documented fields. Run as root; needs
# debootstrap (installed when missing) and Debian's archive.
# Usage: scripts/gradescope-e2e.sh [WORK]   (WORK defaults to /tmp/socklab-gradescope)
# SOCKLAB_BIN names the binary put in the zips (default: scripts/build-linux.sh's).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/socklab-gradescope}
if [ "$(id -u)" != 0 ]; then
  echo "skipped: making and entering a root needs root"
  exit 0
fi
mkdir -p "$work"
base=$work/base
# The base every fresh root is copied from: Debian 11 with python3, as Gradescope's base images
# have it (run_autograder writes its own results.json with it when no check can run).
if [ ! -x "$base/usr/bin/python3" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  rm -rf "$base.part"
  debootstrap --variant=minbase bullseye "$base.part" http://deb.debian.org/debian >/dev/null
  cp /etc/resolv.conf "$base.part/etc/resolv.conf"
  chroot "$base.part" apt-get install -y -qq --no-install-recommends python3 >/dev/null
  mv "$base.part" "$base"
fi

failures=0
# grade NAME CONF SUBMISSION-FILE EXPECT: EXPECT is "full" (every point) or "less" (fewer).
declare -A zips
mounted=()
cleanup() {
  for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

# A fresh root for one zip: the base copied, the zip unpacked into /autograder/source, setup.sh
# run there as Gradescope runs it when it builds the image.
fresh_root() {
  local name=$1 conf=$2 root=$work/$1
  rm -rf "$root"
  cp -a "$base" "$root"
  mount -t proc proc "$root/proc"
  mounted+=("$root/proc")
  mkdir -p "$root/autograder/source" "$root/autograder/submission" "$root/autograder/results"
  scripts/gradescope-zip.sh "$conf" "$work/$name.zip" >/dev/null
  python3 -m zipfile -e "$work/$name.zip" "$root/autograder/source"
  chmod 755 "$root/autograder/source/setup.sh" "$root/autograder/source/run_autograder" \
    "$root/autograder/source/socklab"
  local started=$SECONDS
  if ! chroot "$root" bash -c 'cd /autograder/source && bash ./setup.sh' >"$work/$name-setup.log" 2>&1; then
    echo "FAIL $name: setup.sh failed (see $work/$name-setup.log)"
    tail -5 "$work/$name-setup.log"
    failures=$((failures + 1))
    return 1
  fi
  cp "$root/autograder/source/run_autograder" "$root/autograder/run_autograder"
  echo "$name: setup.sh ran in $((SECONDS - started)) s ($(chroot "$root" socklab --version))"
}

# grade ROOT-NAME LABEL FILE EXPECT: the submission (one file) graded; EXPECT full or less.
grade() {
  local root=$work/$1 label=$2 file=$3 expect=$4
  rm -rf "$root/autograder/submission" "$root/autograder/results"
  mkdir -p "$root/autograder/submission" "$root/autograder/results"
  cp "$file" "$root/autograder/submission/"
  local started=$SECONDS
  chroot "$root" bash -c 'cd /autograder && ./run_autograder' >"$work/$1-$label.log" 2>&1 || true
  python3 - "$root/autograder/results/results.json" "$label" "$expect" "$((SECONDS - started))" <<'PY' || failures=$((failures + 1))
import json, sys
path, label, expect, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
try:
    r = json.load(open(path))
except Exception as e:
    print(f"FAIL {label}: no results.json ({e})")
    sys.exit(1)
problems = []
# Gradescope's documented fields: a top-level score (or per-test scores), tests[] with name,
# score, max_score, status, output, visibility; stdout_visibility; execution_time.
for key in ("score", "tests", "stdout_visibility", "execution_time"):
    if key not in r:
        problems.append(f"no {key}")
for t in r.get("tests", []):
    for key in ("name", "score", "max_score", "status", "output", "visibility"):
        if key not in t:
            problems.append(f"test {t.get('name')!r} has no {key}")
    if t.get("status") not in ("passed", "failed"):
        problems.append(f"test {t.get('name')!r} status {t.get('status')!r}")
    if t.get("visibility") not in ("hidden", "after_due_date", "after_published", "visible"):
        problems.append(f"test {t.get('name')!r} visibility {t.get('visibility')!r}")
score = r.get("score", 0)
top = sum(t.get("max_score", 0) for t in r.get("tests", []))
if expect == "full" and not (top > 0 and score == top):
    problems.append(f"expected every point, got {score} of {top}")
if expect == "less" and not score < top:
    problems.append(f"expected fewer than {top} points, got {score}")
failed = [t["name"] for t in r.get("tests", []) if t.get("status") == "failed"]
verdict = "ok  " if not problems else "FAIL"
print(f"{verdict} {label}: {score} of {top} points in {seconds} s"
      + (f"; failed: {', '.join(failed)}" if failed else "")
      + (f"; {'; '.join(problems)}" if problems else ""))
sys.exit(1 if problems else 0)
PY
}

peers=tests/peers
tmp=$work/submissions
mkdir -p "$tmp/py-ok" "$tmp/py-broken" "$tmp/java-ok" "$tmp/java-broken" "$tmp/c-ok" "$tmp/c-broken"

# Python: the echo server of the lab (socklab.conf's exercise), and one that echoes only once
# the client has closed its side (no client ever sees an echo).
sed 's/^ARGS=.*/ARGS='"'"'tcp {port}'"'"'/' docs/gradescope/socklab.conf >"$work/python.conf"
cp "$peers/check/echo_server.py" "$tmp/py-ok/TCPserver.py"
sed 's/^mistake = .*/mistake = "eof"/' "$peers/check/echo_server.py" >"$tmp/py-broken/TCPserver.py"
# Java: the add server run from its source (java AddServer.java), and one that never replies.
cp "$peers/lang/AddServer.java" "$tmp/java-ok/AddServer.java"
sed 's|conn.getOutputStream().write(|if (false) conn.getOutputStream().write(|' \
  "$peers/lang/AddServer.java" >"$tmp/java-broken/AddServer.java"
# C: an echo server built with gcc, and one that does not compile.
cp "$peers/lang/echo_server.c" "$tmp/c-ok/echo_server.c"
cp "$peers/lang/broken.c" "$tmp/c-broken/broken_server.c"

if fresh_root python "$work/python.conf"; then
  grade python python-correct "$tmp/py-ok/TCPserver.py" full
  grade python python-broken "$tmp/py-broken/TCPserver.py" less
fi
if fresh_root java docs/gradescope/socklab-java.conf; then
  grade java java-correct "$tmp/java-ok/AddServer.java" full
  grade java java-broken "$tmp/java-broken/AddServer.java" less
fi
if fresh_root c docs/gradescope/socklab-c.conf; then
  grade c c-correct "$tmp/c-ok/echo_server.c" full
  grade c c-broken "$tmp/c-broken/broken_server.c" less
fi
if [ "$failures" -gt 0 ]; then
  echo "$failures of the Gradescope runs failed"
  exit 1
fi
echo "every Gradescope run gave the expected score in a valid results.json"
