#!/usr/bin/env bash
# Does a student-style Python UDP file client (recvfrom(2048) in a loop, writing each chunk,
# default socket buffers: tests/peers/file_client.py) receive every byte from socklab's UDP file
# server at a given pace, while one other process keeps a core busy?
# Usage: scripts/udp_pace.sh RATE_MIB RUNS SIZE_MIB   (e.g. scripts/udp_pace.sh 4 20 20)
# Prints one line per run (bytes received) and the count of complete, identical files.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:?rate in MiB/s} runs=${2:-20} size=${3:-20}
bin=$PWD/target/release/socklab
[ -x "$bin" ] || cargo build --release --quiet
dir=$(mktemp -d)
trap 'kill $server $busy 2>/dev/null; rm -rf "$dir"' EXIT
mkdir "$dir/share"
head -c "$((size * 1024 * 1024))" /dev/urandom > "$dir/share/file.bin"
want=$(sha256sum < "$dir/share/file.bin")
port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" udp-file server "$port" --bind 127.0.0.1 --root "$dir/share" --rate "$rate" > "$dir/server.log" 2>&1 &
server=$!
# One other process keeps a core busy for the whole measurement.
python3 -c 'while True: pass' &
busy=$!
sleep 0.5
whole=0
for i in $(seq "$runs"); do
  rm -f "$dir/got.bin"
  start=$(date +%s.%N)
  python3 tests/peers/file_client.py udp "127.0.0.1:$port:file.bin" "$dir/got.bin" || true
  end=$(date +%s.%N)
  got=$(stat -c %s "$dir/got.bin" 2>/dev/null || echo 0)
  same=no
  if [ "$(sha256sum < "$dir/got.bin")" = "$want" ]; then same=yes; whole=$((whole + 1)); fi
  printf 'run %2d: %9d of %d bytes, identical: %s, %.2f s\n' "$i" "$got" "$((size * 1024 * 1024))" "$same" "$(echo "$end - $start" | bc)"
done
echo "rate $rate MiB/s: $whole of $runs runs complete and identical ($size MiB, one core kept busy)"
