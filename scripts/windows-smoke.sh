#!/usr/bin/env bash
# Runs socklab.exe under Wine against the Linux build over loopback, both directions: add (TCP,
# UDP), file (TCP, UDP, several sizes, byte-identical), echo, guess; then opens the window under
# Wine and Xvfb and takes a screenshot (screenshots/windows-wine.png).
#
# Wine 8 (Debian 12) lacks ProcessPrng in bcryptprimitives.dll, which Rust's standard library
# calls: a shim DLL forwarding it to SystemFunction036 (RtlGenRandom) is built with mingw in a
# scratch folder beside a copy of the .exe. It is a test aid for Wine only, never shipped.
#
# Prints one line per case and "N passed, M failed"; exit 0 only when all passed.
# Usage: scripts/windows-smoke.sh [--no-window]
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
window=yes
[[ "${1:-}" == "--no-window" ]] && window=no

need() { command -v "$1" >/dev/null; }
if ! need wine || ! need xvfb-run || ! need xdotool || ! need import; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 \
    libwine xvfb xauth xdotool imagemagick libx11-6 libxext6 libxrender1 libxrandr2 libxi6 \
    libxcursor1 libxcomposite1 libxinerama1 libxfixes3 libfreetype6 libfontconfig1 libgl1 \
    libglx-mesa0 libgl1-mesa-dri libegl1 >/dev/null
fi
scripts/build-windows.sh >/dev/null || { echo "FAIL build socklab.exe"; echo "0 passed, 1 failed"; exit 1; }
cargo build --release --locked --quiet || { echo "FAIL build the Linux socklab"; exit 1; }
linux=$repo/target/release/socklab

scratch=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1; rm -rf "$scratch"' EXIT
cp target/x86_64-pc-windows-gnu/release/socklab.exe "$scratch/"
cat > "$scratch/shim.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG part = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, part)) return FALSE;
        data += part;
        length -= part;
    }
    return TRUE;
}
C
printf 'LIBRARY bcryptprimitives\nEXPORTS\n  ProcessPrng\n' > "$scratch/shim.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$scratch/bcryptprimitives.dll" "$scratch/shim.c" \
  "$scratch/shim.def" -ladvapi32 || { echo "FAIL build the Wine shim"; exit 1; }

export WINEPREFIX=$scratch/prefix WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
wineboot -i >/dev/null 2>&1
cd "$scratch" || exit 1
exe() { timeout 60 wine ./socklab.exe "$@" 2>/dev/null | tr -d '\r'; }

passed=0 failed=0
report() { # report NAME OK [DETAIL]
  if [[ "$2" == yes ]]; then
    passed=$((passed + 1)); echo "PASS $1"
  else
    failed=$((failed + 1)); echo "FAIL $1${3:+: $3}"
  fi
}
free_port() { python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM if '$1'=='udp' else socket.SOCK_STREAM); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
wait_port() { # wait_port tcp|udp PORT: until something has it
  for _ in $(seq 200); do
    if [[ $1 == tcp ]]; then ss -ltn "sport = :$2" | grep -q LISTEN && return 0
    else ss -uan "sport = :$2" | grep -q UNCONN && return 0; fi
    sleep 0.1
  done
  return 1
}
# server ROLE_CMD...: starts a server in the background (its pid in $server_pid)
run_server() { "$@" >server.log 2>&1 & server_pid=$!; }
stop_server() { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; }

version=$(exe --version)
[[ $version == socklab* ]] && report "socklab.exe --version ($version)" yes || report "socklab.exe --version" no "$version"

# add: TCP and UDP, each way.
for t in tcp udp; do
  port=$(free_port $t)
  run_server "$linux" $t-add server --bind 127.0.0.1 --port "$port" --number 57 --keep-running
  wait_port $t "$port"
  out=$(exe $t-add client "127.0.0.1:$port" --name Wine --number 30)
  [[ $out == *"Sum: 87"* ]] && report "$t-add: socklab.exe client -> Linux server" yes || report "$t-add: socklab.exe client -> Linux server" no "$out"
  stop_server
  port=$(free_port $t)
  run_server wine ./socklab.exe $t-add server --bind 127.0.0.1 --port "$port" --number 57 --keep-running
  wait_port $t "$port"
  out=$("$linux" $t-add client "127.0.0.1:$port" --name Linux --number 30 2>&1)
  [[ $out == *"Sum: 87"* ]] && report "$t-add: Linux client -> socklab.exe server" yes || report "$t-add: Linux client -> socklab.exe server" no "$out"
  stop_server
done

# check, confined as Windows allows: socklab.exe checks its own TCP add server, which runs in a
# Job object (limits on processes, memory and CPU time) ended with each case; afterwards no
# server it started is left running.
port=$(free_port tcp)
out=$(exe check tcp-add server --port "$port" --timeout 4 -- ./socklab.exe tcp-add server --bind 127.0.0.1 --port '{port}')
name="check under Wine: socklab.exe checks socklab.exe's TCP add server in a Job object"
if [[ $out == *"score 100%"* && $out == *"confined by a Windows Job object: at most 256 processes"* ]]; then
  report "$name" yes
else
  report "$name" no "$out"
fi
sleep 1
if ss -ltn "sport = :$port" | grep -q LISTEN; then
  report "check under Wine: the checked server is gone after the check" no "$(ss -ltnp "sport = :$port")"
else
  report "check under Wine: the checked server is gone after the check" yes
fi

# file: TCP and UDP, each way, several sizes, byte-identical.
mkdir -p share got
for size in 1 1024 2048 70000 1048576; do head -c "$size" /dev/urandom > "share/f$size.bin"; done
for t in tcp udp; do
  for way in exe-client exe-server; do
    port=$(free_port $t)
    if [[ $way == exe-client ]]; then
      run_server "$linux" $t-file server "$port" --bind 127.0.0.1 --root share
    else
      run_server wine ./socklab.exe $t-file server "$port" --bind 127.0.0.1 --root share
    fi
    wait_port $t "$port"
    bad=""
    for size in 1 1024 2048 70000 1048576; do
      rm -f "got/f$size.bin"
      if [[ $way == exe-client ]]; then
        exe $t-file client "127.0.0.1:$port:f$size.bin" "got/f$size.bin" >/dev/null
      else
        "$linux" $t-file client "127.0.0.1:$port:f$size.bin" "got/f$size.bin" >/dev/null 2>&1
      fi
      cmp -s "share/f$size.bin" "got/f$size.bin" || bad="$bad $size"
    done
    name="$t-file: ${way/exe-/socklab.exe }, sizes 1, 1024, 2048, 70000, 1048576"
    [[ -z $bad ]] && report "$name" yes || report "$name" no "different or missing:$bad"
    stop_server
  done
done

# echo: TCP and UDP, each way.
for t in tcp udp; do
  port=$(free_port $t)
  run_server "$linux" $t-echo server --bind 127.0.0.1 --port "$port"
  wait_port $t "$port"
  out=$(exe $t-echo client "127.0.0.1:$port" "hello from wine" stop)
  [[ $out == *"Received: hello from wine"* ]] && report "$t-echo: socklab.exe client -> Linux server" yes || report "$t-echo: socklab.exe client -> Linux server" no "$out"
  stop_server
  port=$(free_port $t)
  run_server wine ./socklab.exe $t-echo server --bind 127.0.0.1 --port "$port"
  wait_port $t "$port"
  out=$("$linux" $t-echo client "127.0.0.1:$port" "hello from linux" stop 2>&1)
  [[ $out == *"Received: hello from linux"* ]] && report "$t-echo: Linux client -> socklab.exe server" yes || report "$t-echo: Linux client -> socklab.exe server" no "$out"
  stop_server
done

# guess: each way, auto-play finds the secret.
port=$(free_port udp)
run_server "$linux" udp-guess server --bind 127.0.0.1 --port "$port" --secret 37
wait_port udp "$port"
out=$(exe udp-guess client "127.0.0.1:$port" --auto)
[[ $out == *"the number is 37"* ]] && report "udp-guess: socklab.exe client -> Linux server" yes || report "udp-guess: socklab.exe client -> Linux server" no "$out"
stop_server
port=$(free_port udp)
run_server wine ./socklab.exe udp-guess server --bind 127.0.0.1 --port "$port" --secret 37
wait_port udp "$port"
out=$("$linux" udp-guess client "127.0.0.1:$port" --auto 2>&1)
[[ $out == *"the number is 37"* ]] && report "udp-guess: Linux client -> socklab.exe server" yes || report "udp-guess: Linux client -> socklab.exe server" no "$out"
stop_server

# The window, under Wine and Xvfb.
if [[ $window == yes ]]; then
  shot=$repo/screenshots/windows-wine.png
  # Wine's desktop process started without a display would leave windows without a driver
  # ("no driver could be loaded"): start Wine again under Xvfb.
  wineserver -k 2>/dev/null
  sleep 1
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    wine ./socklab.exe >window.log 2>&1 & pid=$!
    for _ in $(seq 150); do
      win=$(xdotool search --name "^socklab$" 2>/dev/null | head -1) && [ -n "$win" ] && break
      sleep 0.2
    done
    [ -n "${win:-}" ] || { kill $pid; exit 1; }
    sleep 8
    import -window root "$1"
    kill $pid
  ' _ "$shot"
  if [[ $? == 0 && -s $shot ]]; then
    report "the window opens under Wine (screenshots/windows-wine.png)" yes
  else
    report "the window opens under Wine" no "$(tail -3 window.log 2>/dev/null | tr '\n' ' ')"
  fi
fi

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
