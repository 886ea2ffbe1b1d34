#!/usr/bin/env bash
# A class of N copies of a handout TCP add server, checked with --jobs 1 and with --jobs J,
# alternated, R runs each: wall time (median, min-max) and whether every CSV is the same.
# usage: scripts/bench_class.sh [SOCKLAB] [N=20] [J=4] [R=5]
set -euo pipefail
cd "$(dirname "$0")/.."
socklab=${1:-target/release/socklab}
n=${2:-20}
jobs=${3:-4}
runs=${4:-5}
# A Python every user can run: the checked programs run as nobody when this runs as root.
python=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 "$n"); do
  mkdir -p "$work/class/s$i"
  cp tests/peers/check/add_server.py "$work/class/s$i/TCPserver.py"
done
# A free port below the system's range for outgoing connections (as --jobs draws its ports):
# one inside it may be taken by any connection on the machine for a minute, and the handout
# servers (no SO_REUSEADDR) then cannot listen there.
port=$(python3 -c 'import socket, random
while True:
    p = random.randint(20000, 31999)
    try:
        s = socket.socket(); s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError:
        pass')
one() { # JOBS RUN
  local start end
  start=$(date +%s.%N)
  "$socklab" check tcp-add server --port "$port" --timeout 4 --each "$work/class/*/TCPserver.py" \
    --jobs "$1" --csv "$work/j$1-$2.csv" --junit "$work/j$1-$2.xml" -- "$python" '{file}' tcp '{port}' 2>>"$work/stderr" || { tail -5 "$work/stderr"; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc >>"$work/times-$1"
}
for r in $(seq 1 "$runs"); do
  one 1 "$r"
  one "$jobs" "$r"
done
stats() { sort -n "$1" | awk '{a[NR]=$1} END {printf "median %.1f s (min %.1f, max %.1f, %d runs)", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR], NR}'; }
echo "class of $n, --jobs 1:  $(stats "$work/times-1")"
echo "class of $n, --jobs $jobs:  $(stats "$work/times-$jobs")"
# Every sheet should be the same: the rows are in the order of the files, whoever finished first.
first="$work/j$jobs-1.csv"
same=0; total=0
for f in "$work"/j*.csv; do
  total=$((total + 1))
  if cmp -s "$first" "$f"; then
    same=$((same + 1))
  else
    echo "differs: $(basename "$f"):"
    diff "$first" "$f" | head -6 || true
    # Why: the failure messages of that run's JUnit report.
    grep -o '<failure message="[^"]*"' "${f%.csv}.xml" | sort | uniq -c | head -5 || true
  fi
done
echo "identical CSVs: $same of $total"
