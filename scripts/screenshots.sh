#!/usr/bin/env bash
# Regenerates screenshots/ by running the real socklab window under Xvfb and clicking through it.
# Needs (Debian/Ubuntu): xvfb xauth xdotool imagemagick libxcursor1 libxi6 libxrandr2
#   libxkbcommon-x11-0 libgl1-mesa-dri libegl1 libegl-mesa0   (--install installs them)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--install" ]]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends xvfb xauth xdotool imagemagick libxcursor1 libxi6 \
    libxrandr2 libxkbcommon-x11-0 libgl1-mesa-dri libegl1 libegl-mesa0
fi
cargo build --release --quiet
mkdir -p screenshots
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The demo shared folder is the home folder, which the file forms offer by default.
printf 'Lab-02 notes\n' > "$home/lab-notes.txt"
head -c 5000000 /dev/urandom > "$home/photo.jpg"
truncate -s 4G "$home/big.iso"          # sparse: large enough to catch a TCP transfer mid-way
truncate -s 256M "$home/medium.bin"

# One scenario: $1 = output name, then pairs of "x,y" clicks separated by pauses.
# Runs with a fresh settings folder so earlier runs do not change what is shown.
shoot() {
  local out=$1; shift
  HOME="$home" XDG_DATA_HOME="$home" USER="ana" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    out=$1; shift
    target/release/socklab & pid=$!
    for _ in $(seq 50); do
      win=$(xdotool search --name "^socklab$" 2>/dev/null | head -1) && [ -n "$win" ] && break
      sleep 0.2
    done
    # No window manager runs under Xvfb: give the window the keyboard explicitly.
    xdotool windowfocus --sync "$win"
    sleep 1.5
    for step in "$@"; do
      case $step in
        sleep:*) sleep "${step#sleep:}" ;;
        type:*) xdotool type --delay 20 "${step#type:}" ;;
        key:*) xdotool key "${step#key:}" ;;
        *) xdotool mousemove ${step/,/ } click 1; sleep 0.4 ;;
      esac
    done
    sleep 1
    import -window "$win" "screenshots/$out.png"
    kill $pid
  ' _ "$out" "$@"
  echo "wrote screenshots/$out.png"
}

# Add two numbers over TCP: start the server, send from the client.
shoot add-tcp 268,232 sleep:1 740,227 sleep:1.5
# The same over UDP (its header is one line shorter).
shoot add-udp 85,110 sleep:0.5 268,217 sleep:1 740,212 sleep:1.5
# File transfer over TCP, caught mid-transfer.
shoot file-tcp 85,133 sleep:0.5 268,194 sleep:1 930,119 type:big.iso 930,145 "type:$home/copy.iso" \
  755,191 sleep:0.7
# File transfer over UDP (paced at 64 MiB/s), caught mid-transfer.
shoot file-udp 68,156 sleep:0.5 268,220 sleep:1 930,119 type:medium.bin 930,145 "type:$home/copy.bin" \
  755,191 sleep:1.8
# Echo over TCP: two messages in one session, then the cookbook test's 16-byte receives.
shoot echo-tcp 60,179 sleep:0.5 268,183 sleep:1 910,134 "type:hello socket" key:Return sleep:0.5 \
  "type:how are you?" key:Return sleep:0.5 828,157 sleep:1
# Guess the number: a guess that is not a number, then auto-play.
shoot guess-udp 60,271 sleep:0.5 268,194 sleep:1 910,119 type:abc key:Return sleep:0.5 802,142 sleep:1.5
# Echo over UDP.
shoot echo-udp 60,202 sleep:0.5 268,168 sleep:1 910,119 "type:a datagram" key:Return sleep:0.5 \
  "type:another one" key:Return sleep:0.8
# The textbook uppercase example, TCP and UDP.
shoot upper-tcp 60,225 sleep:0.5 268,142 sleep:1 910,119 "type:hello, socket world" key:Return sleep:0.8
shoot upper-udp 60,248 sleep:0.5 268,142 sleep:1 910,119 "type:hello, udp world" key:Return sleep:0.8
# The server's traffic inspector beside the client's socket-call timeline, after an echo
# session and the cookbook test.
shoot inspector-timeline 60,179 sleep:0.5 268,183 sleep:1 910,134 "type:hello socket" key:Return \
  sleep:0.5 828,157 sleep:1 356,325 sleep:0.3 910,332 sleep:0.8
