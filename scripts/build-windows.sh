#!/usr/bin/env bash
# Builds socklab.exe for 64-bit Windows from Linux: the rustup target and Debian's mingw-w64 are
# installed when missing; the C runtime is linked in statically (.cargo/config.toml) and the icon
# embedded (build.rs), so the .exe runs on a stock Windows with nothing beside it.
# Usage: scripts/build-windows.sh      (prints the .exe's path, size and the DLLs it imports)
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64
fi
cargo build --release --locked --target "$target"
exe=target/$target/release/socklab.exe
echo "built $exe ($(du -h "$exe" | cut -f1))"
# Only DLLs every Windows has: no libgcc, libwinpthread or libstdc++ to ship beside it.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name/ {print tolower($3)}' | sort -u)
echo "imports: $(echo "$dlls" | tr '\n' ' ')"
if echo "$dlls" | grep -Eq 'libgcc|libwinpthread|libstdc'; then
  echo "error: the .exe needs a mingw DLL beside it" >&2
  exit 1
fi
