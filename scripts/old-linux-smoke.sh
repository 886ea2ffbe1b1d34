#!/usr/bin/env bash
# Runs a socklab binary in a Debian 11 (bullseye, glibc 2.31) root, as on an older lab desktop:
# --version, a TCP add server and client, a UDP file transfer, and a `socklab check` of a Python
# echo server (as nobody, confined as far as the kernel allows). Run as root. Makes the root with
# debootstrap from Debian's archive when ROOT has none (about half a minute), and installs
# python3 in it for the check.
# Usage: scripts/old-linux-smoke.sh BINARY [ROOT] [DEB]   (ROOT defaults to /tmp/socklab-bullseye)
# With DEB (scripts/build-linux.sh --deb's package), it is then installed in the root with apt
# (its dependencies from Debian's archive), run from /usr/bin, and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: scripts/old-linux-smoke.sh BINARY [ROOT]}
root=${2:-/tmp/socklab-bullseye}
deb=${3:-}
if [ "$(id -u)" != 0 ]; then
  echo "skipped: making and entering a root needs root"
  exit 0
fi
if [ ! -x "$root/bin/sh" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bullseye "$root" http://deb.debian.org/debian >/dev/null
fi
if [ ! -x "$root/usr/bin/python3" ]; then
  chroot "$root" apt-get install -y -qq --no-install-recommends python3 >/dev/null
fi
echo "glibc in the root: $(chroot "$root" ldd --version | head -1)"
echo "highest GLIBC symbol the binary needs: $(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sort -V | tail -1)"
install -m 755 "$bin" "$root/usr/local/bin/socklab"
install -m 644 tests/peers/check/echo_server.py "$root/srv-echo.py"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
# (Servers are started with chroot itself in the background: it becomes the server, so that
# its process id is the one to stop.)
in_root() { chroot "$root" "$@"; }

in_root socklab --version

# Add two numbers over TCP: a server, a client against it.
chroot "$root" socklab tcp-add server --port 17001 --bind 127.0.0.1 --name "Server of Bullseye" --number 50 >/tmp/old-add-server.log 2>&1 &
server=$!
sleep 1
in_root socklab tcp-add client 127.0.0.1:17001 --name Ana --number 37
kill -INT "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true

# A UDP file transfer.
mkdir -p "$root/share"
head -c 300000 /dev/urandom >"$root/share/notes.bin"
chroot "$root" socklab udp-file server 17002 --root /share --bind 127.0.0.1 >/tmp/old-file-server.log 2>&1 &
server=$!
sleep 1
rm -f "$root/tmp/notes-copy.bin"
in_root socklab udp-file client 127.0.0.1:17002:notes.bin /tmp/notes-copy.bin
cmp "$root/share/notes.bin" "$root/tmp/notes-copy.bin" && echo "the UDP copy is identical"
kill -INT "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true

# A check of a student's Python server, confined (as nobody: this runs as root).
in_root socklab check tcp-echo server --port 17003 -- /usr/bin/python3 /srv-echo.py tcp {port}

# The window, for 5 s under Xvfb installed in the root (GL and X11 are loaded at run time): it
# must still run, with its window mapped; a screenshot is kept beside the root.
if [ ! -x "$root/usr/bin/xvfb-run" ]; then
  chroot "$root" apt-get install -y -qq --no-install-recommends xvfb xauth xdotool imagemagick \
    libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0 libgl1-mesa-dri libegl1 libegl-mesa0 >/dev/null
fi
rm -f "$root/tmp/window.png"
chroot "$root" env HOME=/tmp xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  socklab & pid=$!
  sleep 5
  if ! kill -0 $pid 2>/dev/null; then echo "the window ended within 5 s"; exit 1; fi
  win=$(xdotool search --name "^socklab$" | head -1)
  [ -n "$win" ] || { echo "no window named socklab"; kill $pid; exit 1; }
  import -window root /tmp/window.png
  kill $pid
  echo "the window ran for 5 s (X window $win)"
'
cp "$root/tmp/window.png" "${root%/}-window.png" && echo "screenshot: ${root%/}-window.png"

# The Debian package of this binary, installed as a user would on Debian 11.
if [ -n "$deb" ]; then
  cp "$deb" "$root/tmp/socklab.deb"
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./tmp/socklab.deb >/dev/null 2>&1 ||
    chroot "$root" bash -c 'cd / && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/socklab.deb' >/dev/null
  echo "installed from the package: $(chroot "$root" /usr/bin/socklab --version) ($(chroot "$root" dpkg-query -W -f='${Package} ${Version}' socklab))"
  [ -f "$root/usr/share/applications/socklab.desktop" ] && echo "the package's menu entry is installed"
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq socklab >/dev/null
  [ ! -e "$root/usr/bin/socklab" ] && echo "the package removes cleanly"
fi
