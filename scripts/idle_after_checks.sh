#!/usr/bin/env bash
# Measures what the real window costs at rest after a lesson's work: socklab under Xvfb
# (software rendering), five servers started (Add · UDP, Echo · UDP, Uppercase · TCP and UDP,
# Guess), then ten runs of the Check section on the handout's echo server (Echo · TCP, clicked
# 9 s apart); then the threads left that watch a program under test, and the process's CPU time
# (user + system, from /proc) over three spans of 10 s. Needs what scripts/screenshots.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/socklab" "$home/lab"
cp tests/peers/check/echo_server.py "$home/lab/EchoServer.py"
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
q='\"'
settings="(exercise:TcpAdd,zoom:1.0,udp_add:(server:(port:23002)),udp_echo:(port:23006),"
settings+="tcp_upper:(port:23007),udp_upper:(port:23008),udp_guess:(port:23009),"
settings+="checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q},port:23105)})"
printf '{"socklab-settings": "%s"}\n' "$settings" > "$home/socklab/app.ron"
HOME="$home" XDG_DATA_HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  target/release/socklab & pid=$!
  for _ in $(seq 50); do
    win=$(xdotool search --name "^socklab$" 2>/dev/null | head -1) && [ -n "$win" ] && break
    sleep 0.2
  done
  xdotool windowfocus --sync "$win"; xdotool windowsize --sync "$win" 1280 800; sleep 1.5
  # From the bottom of the side list up (a "(running)" line that wraps moves those below it).
  for y in 271 248 225 202 110; do
    xdotool mousemove 60 $y click 1; sleep 0.3; xdotool click 1; sleep 0.3; xdotool key F5; sleep 0.4
  done
  echo "servers listening: $(ss -ltnu | grep -cE ":2300[0-9] ") sockets"
  # Echo · TCP, three below Add · UDP; its Check section opened, the page scrolled to it.
  xdotool key ctrl+Down ctrl+Down ctrl+Down; sleep 0.5
  xdotool mousemove 300 648 click 1; sleep 0.6
  xdotool mousemove 740 500 click --repeat 15 --delay 30 5; sleep 0.6
  for _ in $(seq 10); do xdotool mousemove 284 782 click 1; sleep 9; done
  xdotool mousemove 1270 790; sleep 3
  left=$(cat /proc/$pid/task/*/comm | grep -c "^check " || true)
  echo "threads watching a program under test, after ten runs: $left"
  hz=$(getconf CLK_TCK)
  for run in 1 2 3; do
    a=$(awk "{print \$14 + \$15}" /proc/$pid/stat); sleep 10; b=$(awk "{print \$14 + \$15}" /proc/$pid/stat)
    echo "CPU over 10 s: $(echo "scale=3; ($b - $a) / $hz" | bc) s ($(echo "scale=2; ($b - $a) * 100 / $hz / 10" | bc)% of one core)"
  done
  import -window "$win" /tmp/idle-after-checks.png
  kill $pid
'
