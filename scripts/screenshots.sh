#!/usr/bin/env bash
# Regenerates screenshots/ from the real socklab window under Xvfb (software rendering).
# Each scene starts the app with a settings file written beforehand (exercise, size, form
# fields), presses F5 to start the server, clicks the client's button, and takes the picture.
# Needs (Debian/Ubuntu): xvfb xauth xdotool imagemagick libxcursor1 libxi6 libxrandr2
#   libxkbcommon-x11-0 libgl1-mesa-dri libegl1 libegl-mesa0   (--install installs them)
# Usage: scripts/screenshots.sh [--install] [SCENE...]   (no scene: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--install" ]]; then
  shift
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends xvfb xauth xdotool imagemagick libxcursor1 libxi6 \
    libxrandr2 libxkbcommon-x11-0 libgl1-mesa-dri libegl1 libegl-mesa0
fi
# SOCKLAB_BIN: a socklab already built (a debug build is enough for a look at a scene).
if [[ -z "${SOCKLAB_BIN:-}" ]]; then
  cargo build --release --quiet
fi
bin=${SOCKLAB_BIN:-$PWD/target/release/socklab}
mkdir -p screenshots
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The demo shared folder.
share=$home/share
mkdir -p "$share"
printf 'Lab-02 notes\n' > "$share/lab-notes.txt"
head -c 5000000 /dev/urandom > "$share/photo.jpg"
truncate -s 8G "$share/big.iso"          # sparse: large enough to catch a TCP transfer mid-way
truncate -s 256M "$share/medium.bin"

# scene NAME SETTINGS STEP...: SETTINGS is the window's settings in RON (fields left out keep
# their defaults); a STEP is "x,y" (a click), sleep:S, type:TEXT, key:KEY, wheel:N (turns the
# mouse wheel N steps down over the page), "size:W H" (the window's size in pixels), or
# run:COMMAND (a shell command in the background, e.g. a class of clients).
scene() {
  local out=$1 settings=$2; shift 2
  if [[ ${#wanted[@]} -gt 0 && ! " ${wanted[*]} " =~ " $out " ]]; then return; fi
  rm -rf "$home/socklab" "$home/copy"*
  mkdir -p "$home/socklab"
  printf '{"socklab-settings": "%s"}\n' "$settings" > "$home/socklab/app.ron"
  HOME="$home" XDG_DATA_HOME="$home" USER="ana" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    out=$1; bin=$2; shift 2
    "$bin" & pid=$!
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
        key:*) xdotool key "${step#key:}"; sleep 0.3 ;;
        run:*) bash -c "${step#run:}" >/dev/null 2>&1 & ;;
        size:*) xdotool windowsize --sync "$win" ${step#size:}; sleep 0.8 ;;
        wheel:*) xdotool mousemove 740 450 click --repeat "${step#wheel:}" --delay 30 5; sleep 0.4 ;;
        *) xdotool mousemove ${step/,/ } click 1; sleep 0.4 ;;
      esac
    done
    sleep 0.8
    import -window "$win" "screenshots/$out.png"
    kill $pid
  ' _ "$out" "$bin" "$@"
  echo "wrote screenshots/$out.png"
}
wanted=("$@")

q='\"'    # a quote inside the settings string
# A class of 30 students, each with a name, against the add server on $1 over $2.
class="for i in \$(seq 1 30); do $bin \$1-add client 127.0.0.1:12000 --name \"Student \$i\" --number \$i; done"

# Add two numbers over TCP: the server started (F5), the client's Send clicked.
scene add-tcp '(exercise:TcpAdd)' key:F5 sleep:0.8 741,227 sleep:1.2
# The same over UDP, with a class of 30 clients heard from, listed by name.
scene add-udp-class '(exercise:UdpAdd)' key:F5 sleep:0.8 "run:set -- udp; $class" sleep:6 \
  741,212 sleep:1.2
# Projector sizes: the same exercise at 150% and 200%: server above client, the page scrolls.
scene add-tcp-zoom150 '(exercise:TcpAdd,zoom:1.5)' key:F5 sleep:1.5
scene add-tcp-zoom200 '(exercise:TcpAdd,zoom:2.0)' key:F5 sleep:1.5
# At 200% the page scrolls down to the client; its Send clicked, the result card below it.
scene add-tcp-zoom200-client '(exercise:TcpAdd,zoom:2.0)' key:F5 sleep:0.8 wheel:12 394,364 \
  sleep:1 wheel:5 sleep:0.8
# At 150%: an exchange sent, the client's Traffic tab with its capture line (Save capture…).
scene add-tcp-capture-zoom150 '(exercise:TcpAdd,zoom:1.5)' key:F5 sleep:0.8 wheel:12 sleep:0.5 514,537 357,463 \
  sleep:1 wheel:8 sleep:0.5
# File transfer over TCP, caught mid-transfer: progress, throughput chart, summary row.
scene file-tcp "(exercise:TcpFile,tcp_file:(root:${q}$share${q},remote:${q}big.iso${q},save_as:${q}$home/copy.iso${q}))" \
  key:F5 sleep:0.8 757,194 sleep:2.5
# File transfer over UDP (at the default 4 MiB/s pace), caught mid-transfer.
scene file-udp "(exercise:UdpFile,udp_file:(root:${q}$share${q},remote:${q}medium.bin${q},save_as:${q}$home/copy.bin${q}))" \
  key:F5 sleep:0.8 757,194 sleep:2.5
# A finished download: the server's traffic inspector (the file as one summary row) beside the
# client's socket-call timeline (one heavy arrow for the whole file).
scene file-tcp-traffic "(exercise:TcpFile,tcp_file:(root:${q}$share${q},remote:${q}photo.jpg${q},save_as:${q}$home/copy.jpg${q}))" \
  key:F5 sleep:0.8 757,194 sleep:1.5 357,459 910,408 sleep:0.5
# At 1024x640: a finished download, the server's Traffic with its data column in view.
scene traffic-1024 "(exercise:TcpFile,tcp_file:(root:${q}$share${q},remote:${q}photo.jpg${q},save_as:${q}$home/copy.jpg${q}))" \
  "size:1024 640" key:F5 sleep:1 667,194 sleep:1.5 356,459 755,267 sleep:0.5 wheel:4 sleep:0.5
# Check a student's program: an echo server from tests/peers/check, checked from the window
# (before the echo scenes, whose connections leave port 9900 in TIME_WAIT for a minute).
mkdir -p "$home/lab"
cp tests/peers/check/echo_server.py "$home/lab/EchoServer.py"
# A Python every user can run: as root, the checked program runs as nobody.
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
scene check-echo-server "(exercise:TcpEcho,checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q})})" \
  310,618 sleep:0.5 wheel:15 sleep:0.3 284,742 sleep:4 wheel:15 sleep:0.5
# At 200%: a finished download, the client's Traffic with its data column in view.
scene traffic-zoom200 "(exercise:TcpFile,zoom:2.0,tcp_file:(root:${q}$share${q},remote:${q}photo.jpg${q},save_as:${q}$home/copy.jpg${q}))" \
  key:F5 sleep:1 wheel:20 sleep:0.5 585,247 sleep:0.5 407,208 sleep:1.5 wheel:20 sleep:0.5
# At 1024x640: the checks done, the checklist and its evidence in their pane.
scene check-echo-server-1024 "(exercise:TcpEcho,checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q})})" \
  "size:1024 640" 310,580 sleep:0.5 wheel:15 sleep:0.5 284,621 sleep:5 wheel:20 sleep:0.5 \
  400,476 sleep:0.5
# Add two numbers after one exchange, the server started with F5 and the client sent with
# Ctrl+2 and Enter: at 1024x640 and 1280x800 at 100%; at 1024x640 and 200% in projector mode,
# scrolled to the client's Output by the notice of its new lines.
scene add-tcp-1024 '(exercise:TcpAdd)' "size:1024 640" key:F5 sleep:1 key:ctrl+2 key:Return sleep:1.5
scene add-tcp-1280 '(exercise:TcpAdd)' key:F5 sleep:1 key:ctrl+2 key:Return sleep:1.5
scene projector-add-tcp-zoom200-1024 '(exercise:TcpAdd,zoom:2.0,projector:true)' "size:1024 640" \
  key:F5 sleep:1 key:ctrl+2 key:Return sleep:1.5 715,508 sleep:1.2
# At 1024x640: a student's Java add server checked with the Java preset (run from its source,
# confined): the checklist and the program's output.
cp tests/peers/lang/AddServer.java "$home/lab/AddServer.java"
scene check-java-server-1024 "(exercise:TcpAdd,checks:{${q}tcp-add${q}:(program:${q}$home/lab/AddServer.java${q},language:Java,interpreter:${q}java${q},args:${q}{port}${q})})" \
  "size:1024 640" 300,628 sleep:0.6 wheel:15 sleep:0.6 284,621 sleep:14 wheel:20 sleep:0.8
# At 200%: the checks done, one check's evidence open.
scene check-echo-server-zoom200 "(exercise:TcpEcho,zoom:2.0,checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q})})" \
  wheel:30 sleep:0.5 505,724 sleep:0.5 wheel:40 sleep:0.5 448,724 sleep:5 wheel:40 sleep:0.5 \
  600,402 sleep:0.5
# The same at projector zoom (150%), the confinement line under the buttons.
scene check-echo-server-zoom150 "(exercise:TcpEcho,zoom:1.5,checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q})})" \
  wheel:30 sleep:0.5 450,733 sleep:0.5 wheel:30 sleep:0.5 410,733 sleep:5 wheel:30 sleep:0.5
# Echo over TCP: two messages in one session.
scene echo-tcp '(exercise:TcpEcho)' key:F5 sleep:0.8 930,134 "type:hello socket" key:Return \
  sleep:0.5 "type:how are you?" key:Return sleep:0.8
# Echo over UDP.
scene echo-udp '(exercise:UdpEcho)' key:F5 sleep:0.8 930,119 "type:a datagram" key:Return \
  sleep:0.5 "type:another one" key:Return sleep:0.8
# The textbook uppercase example, TCP and UDP.
scene upper-tcp '(exercise:TcpUpper)' key:F5 sleep:0.8 930,119 "type:hello, socket world" \
  key:Return sleep:0.8
scene upper-udp '(exercise:UdpUpper)' key:F5 sleep:0.8 930,119 "type:hello, udp world" \
  key:Return sleep:0.8
# Guess the number: a word (not counted), then Auto-play at its 0.6 s pace, caught mid-game.
scene guess-udp '(exercise:UdpGuess)' key:F5 sleep:0.8 930,119 type:abc key:Return sleep:0.6 \
  802,165 sleep:2.2
# The same network (5% of what each side sends is lost, seed 3) under the UDP lab transfer and
# under TFTP: the lab client saves a file with holes it cannot see; TFTP sends the lost blocks
# again. Both downloads of photo.jpg, with the Network conditions section open below.
lossy="network:(conditions:(loss_pct:5.0),fixed_seed:true,seed:3)"
scene lossy-lab-transfer "(exercise:UdpFile,udp_file:(root:${q}$share${q},remote:${q}photo.jpg${q},save_as:${q}$home/lab-copy.jpg${q},$lossy))" \
  key:F5 sleep:0.8 757,194 sleep:2.5
scene lossy-tftp-transfer "(exercise:Tftp,tftp:(port:6969,server:${q}localhost:6969${q},root:${q}$share${q},remote:${q}photo.jpg${q},save_as:${q}$home/tftp-copy.jpg${q},windowsize:8,$lossy))" \
  key:F5 sleep:0.8 757,217 sleep:9
if [[ ${#wanted[@]} -eq 0 || " ${wanted[*]} " =~ " lossy-" ]] &&
  [[ -f screenshots/lossy-lab-transfer.png && -f screenshots/lossy-tftp-transfer.png ]]; then
  convert screenshots/lossy-lab-transfer.png screenshots/lossy-tftp-transfer.png +append \
    screenshots/lossy-lab-beside-tftp.png
  echo "wrote screenshots/lossy-lab-beside-tftp.png"
fi
# A TFTP upload into a server that accepts them: the client's progress says "sent", the result
# card "Sent". At 100% and at projector zoom (150%), where the page is scrolled to the client.
head -c 3000000 /dev/urandom > "$home/report.pdf"
upload="(port:6969,server:${q}localhost:6969${q},root:${q}$share${q},allow_write:true,upload:true,remote:${q}handed-in.pdf${q},save_as:${q}$home/report.pdf${q})"
rm -f "$share/handed-in.pdf"
scene tftp-upload "(exercise:Tftp,tftp:$upload)" key:F5 sleep:0.8 745,246 sleep:2
rm -f "$share/handed-in.pdf"
scene tftp-upload-zoom150 "(exercise:Tftp,zoom:1.5,tftp:$upload)" key:F5 sleep:0.8 wheel:10 sleep:0.5 367,285 sleep:2
rm -f "$share/handed-in.pdf"
# Echo over UDP with 40% of each side's datagrams lost (seed 5): the Network conditions section
# open with its counters, the client's timeline with crossed-out arrows.
scene network-conditions "(exercise:UdpEcho,udp_echo:(network:(conditions:(loss_pct:40.0),fixed_seed:true,seed:5)))" \
  key:F5 sleep:0.8 930,119 "type:one" key:Return sleep:5.6 "type:two" key:Return sleep:0.5 \
  "type:three" key:Return sleep:0.5 910,218 sleep:0.3 300,695 sleep:0.3 wheel:15 sleep:0.5
# The same at projector size (150%), the section open at the bottom of the page.
scene network-conditions-zoom150 "(exercise:UdpEcho,zoom:1.5,udp_echo:(network:(conditions:(loss_pct:40.0,duplicate_pct:5.0),fixed_seed:true,seed:5)))" \
  key:F5 sleep:0.8 wheel:25 sleep:0.5 330,685 sleep:0.3 wheel:25 sleep:0.5
# The window in Portuguese of Portugal (the Language menu's choice, kept with the settings): the
# add exercise with the server started (F5) and the client's request sent, at 100% and 200%.
scene add-tcp-pt-pt '(exercise:TcpAdd,language:Some(PtPt))' key:F5 sleep:1 key:ctrl+2 key:Return sleep:1.5
scene add-tcp-pt-pt-zoom200 '(exercise:TcpAdd,zoom:2.0,language:Some(PtPt))' key:F5 sleep:1 key:ctrl+2 \
  key:Return sleep:1.5
# A check in Portuguese: the echo server above checked from the window, its checklist and an
# evidence, at 100% and 200%.
scene check-echo-server-pt-pt "(exercise:TcpEcho,language:Some(PtPt),checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q})})" \
  310,618 sleep:0.5 wheel:15 sleep:0.3 284,742 sleep:6 wheel:15 sleep:0.5
scene check-echo-server-pt-pt-zoom200 "(exercise:TcpEcho,zoom:2.0,language:Some(PtPt),checks:{${q}tcp-echo${q}:(program:${q}$home/lab/EchoServer.py${q},interpreter:${q}$py${q},args:${q}tcp {port}${q})})" \
  wheel:30 sleep:0.5 505,724 sleep:0.5 wheel:40 sleep:0.5 448,724 sleep:7 wheel:40 sleep:0.5 600,402 sleep:0.5
# In Spanish at 200%.
scene language-es-zoom200 '(exercise:UdpGuess,zoom:2.0,language:Some(Es))'
