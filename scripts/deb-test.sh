#!/usr/bin/env bash
# Builds the Debian package (cargo deb), installs it with apt as a user would, checks the
# installed binary, its menu entry and icon, runs a CLI exchange with it, and removes it again.
# Needs root (apt). Installs cargo-deb (crates.io) and desktop-file-utils when missing.
# Prints one line per case and "N passed, M failed"; exit 0 only when all passed.
# Usage: scripts/deb-test.sh
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-deb >/dev/null; then
  cargo install cargo-deb --locked --quiet
fi
if ! command -v desktop-file-validate >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    desktop-file-utils dpkg-dev >/dev/null
fi

passed=0 failed=0
report() { # report NAME yes|no [DETAIL]
  if [[ "$2" == yes ]]; then
    passed=$((passed + 1)); echo "PASS $1"
  else
    failed=$((failed + 1)); echo "FAIL $1${3:+: $3}"
  fi
}

deb=$(cargo deb --locked 2>/dev/null | tail -1)
if [[ -f "$deb" ]]; then
  report "cargo deb built $(basename "$deb") ($(du -h "$deb" | cut -f1))" yes
else
  report "cargo deb" no "no package"
  echo "$passed passed, $failed failed"
  exit 1
fi
echo "  depends: $(dpkg-deb -f "$deb" Depends)"

# Installed as a user would: apt resolves the dependencies.
if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >/dev/null 2>&1; then
  report "apt install ./$(basename "$deb")" yes
else
  report "apt install ./$(basename "$deb")" no
fi

version=$(/usr/bin/socklab --version 2>&1)
[[ $version == socklab* ]] && report "/usr/bin/socklab --version ($version)" yes ||
  report "/usr/bin/socklab --version" no "$version"

size=$(stat -c %s /usr/bin/socklab 2>/dev/null || echo 0)
if file /usr/bin/socklab | grep -q stripped && ! file /usr/bin/socklab | grep -q "not stripped"; then
  report "the installed binary is stripped ($((size / 1024 / 1024)) MiB)" yes
else
  report "the installed binary is stripped" no "$(file /usr/bin/socklab)"
fi

desktop=/usr/share/applications/socklab.desktop
if out=$(desktop-file-validate "$desktop" 2>&1) && [[ -z $out ]]; then
  report "desktop-file-validate $desktop" yes
else
  report "desktop-file-validate $desktop" no "$out"
fi
[[ -f /usr/share/icons/hicolor/256x256/apps/socklab.png ]] &&
  report "icon in /usr/share/icons/hicolor/256x256/apps" yes ||
  report "icon in /usr/share/icons/hicolor/256x256/apps" no

# A CLI exchange with the installed binary: a UDP add server and client.
port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
/usr/bin/socklab udp-add server --bind 127.0.0.1 --port "$port" --number 57 >/dev/null 2>&1 &
server=$!
sleep 0.5
out=$(timeout 10 /usr/bin/socklab udp-add client "127.0.0.1:$port" --name Debian --number 30 2>&1)
kill $server 2>/dev/null
wait $server 2>/dev/null
[[ $out == *"Sum: 87"* ]] && report "udp-add exchange with the installed binary" yes ||
  report "udp-add exchange with the installed binary" no "$out"

# The window, as the menu entry starts it (Exec=socklab), under Xvfb when it is there.
if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
  exec_line=$(grep '^Exec=' "$desktop" | cut -d= -f2)
  if xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
      HOME=$(mktemp -d) $1 >/dev/null 2>&1 & pid=$!
      for _ in $(seq 100); do
        xdotool search --name "^socklab$" >/dev/null 2>&1 && { kill $pid; exit 0; }
        sleep 0.2
      done
      kill $pid; exit 1' _ "$exec_line"; then
    report "the menu entry's command ($exec_line) opens the window" yes
  else
    report "the menu entry's command ($exec_line) opens the window" no
  fi
else
  echo "  skipped: the window (no xvfb-run and xdotool)"
fi

if DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq socklab >/dev/null 2>&1 &&
  [[ ! -e /usr/bin/socklab && ! -e $desktop ]]; then
  report "apt remove socklab (binary and menu entry gone)" yes
else
  report "apt remove socklab" no
fi

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
