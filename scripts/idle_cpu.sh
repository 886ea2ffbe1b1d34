#!/usr/bin/env bash
# Measures what the real window costs while nothing happens: socklab under Xvfb (software
# rendering, as on a lab VM or a remote desktop), a server started for every exercise, no
# traffic; then the process's CPU time (user + system, from /proc) over 10 s. Prints one line
# per run. Needs what scripts/screenshots.sh needs (--install there installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --quiet
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/socklab"
# Every exercise on its own port, so that all ten servers can run at once.
settings='(exercise:TcpAdd,zoom:1.0,tcp_add:(server:(port:23001)),udp_add:(server:(port:23002)),'
settings+='tcp_file:(port:23003),udp_file:(port:23004),tcp_echo:(port:23005),udp_echo:(port:23006),'
settings+='tcp_upper:(port:23007),udp_upper:(port:23008),udp_guess:(port:23009),tftp:(port:23010))'
for run in $(seq "$runs"); do
  printf '{"socklab-settings": "%s"}\n' "$settings" > "$home/socklab/app.ron"
  HOME="$home" XDG_DATA_HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    target/release/socklab & pid=$!
    for _ in $(seq 50); do
      win=$(xdotool search --name "^socklab$" 2>/dev/null | head -1) && [ -n "$win" ] && break
      sleep 0.2
    done
    xdotool windowfocus --sync "$win"; sleep 1.5
    # From the last exercise of the side list up, so that a "(running)" line that wraps does
    # not move the ones still to click. F5 starts the shown exercise'"'"'s server.
    for y in 294 271 248 225 202 179 156 133 110 87; do
      xdotool mousemove 60 $y click 1; sleep 0.3; xdotool click 1; sleep 0.3; xdotool key F5; sleep 0.4
    done
    # The pointer leaves the window alone, as on an idle desk.
    xdotool mousemove 1270 790; sleep 3
    running=$(ss -ltnu | grep -cE ":(2300[1-9]|23010) " || true)
    ticks() { awk "{print \$14 + \$15}" /proc/$pid/stat; }
    a=$(ticks); sleep 10; b=$(ticks)
    hz=$(getconf CLK_TCK)
    echo "servers listening: $running sockets; CPU over 10 s: $(echo "scale=3; ($b - $a) / $hz" | bc) s ($(echo "scale=2; ($b - $a) * 100 / $hz / 10" | bc)% of one core)"
    import -window "$win" /tmp/idle-check.png
    kill $pid
  '
done
