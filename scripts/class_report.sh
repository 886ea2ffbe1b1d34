#!/usr/bin/env bash
# The class page of `socklab check --each`, checked in a real headless browser (Debian's
# chromium): a class of three handout add servers (carl's exits after its first client) is
# checked with --jobs 3; the page is opened on carl's second-client cell, whose evidence (and
# carl's section around it) must be open; then screenshots/check-class-report.png is taken.
# usage: scripts/class_report.sh [--install] [SOCKLAB]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--install" ]; then
  shift
  apt-get install -y --no-install-recommends chromium >/dev/null
fi
socklab=$(realpath "${1:-target/release/socklab}")
shots=$(pwd)/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in ana bea carl; do
  mkdir -p "$work/$s"
  cp tests/peers/check/add_server.py "$work/$s/TCPserver.py"
done
sed -i 's/^mistake = .*/mistake = "once"/' "$work/carl/TCPserver.py"
cd "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$socklab" check tcp-add server --port "$port" --each '*/TCPserver.py' --jobs 3 \
  --csv grades.csv --report class.html -- python3 {file} tcp {port} 2>/dev/null
browser() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars "$@" 2>/dev/null
}
dom=$(browser --dump-dom "file://$work/class.html#s2-second-client")
pass=0 fail=0
ok() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
ok "a row per student" '[ "$(grep -o "<tr>" <<<"$dom" | wc -l)" -eq 4 ]'
ok "carl's second-client evidence opens from its link" 'grep -q "<details id=\"s2-second-client\" open" <<<"$dom"'
ok "carl's section opens around it" 'grep -q "<details id=\"s2\" open" <<<"$dom"'
ok "ana's section stays closed" '! grep -q "<details id=\"s0\" open" <<<"$dom"'
browser --window-size=1000,760 --screenshot="$shots/check-class-report.png" "file://$work/class.html" >/dev/null
ok "a screenshot" '[ -s "$shots/check-class-report.png" ]'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
