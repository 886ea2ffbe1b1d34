#!/usr/bin/env bash
# Builds one Linux x86_64 socklab that starts on glibc 2.17 and later (Debian 11, Ubuntu 20.04,
# and older), window included: cargo-zigbuild links against an old glibc's symbols with zig's
# linker (zig from PyPI's ziglang). Writes target/x86_64-unknown-linux-gnu/release/socklab and
# prints the highest GLIBC symbol it needs. scripts/old-linux-smoke.sh runs it in Debian 11.
# With --deb, also packages that binary (cargo deb, installed when missing) and prints the
# package's path; scripts/old-linux-smoke.sh installs it in the Debian 11 root.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m ziglang version >/dev/null 2>&1 || pip install ziglang
command -v cargo-zigbuild >/dev/null || cargo install cargo-zigbuild --locked
cargo zigbuild --release --locked --target x86_64-unknown-linux-gnu.2.17
bin=target/x86_64-unknown-linux-gnu/release/socklab
echo "$bin needs at most $(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sort -V | tail -1)"
if [ "${1:-}" = --deb ]; then
  command -v cargo-deb >/dev/null || cargo install cargo-deb --locked --quiet
  # --target maps the package's target/release/socklab to this build's binary; the old-linux
  # variant names its dependencies (glibc 2.17 and the window's libraries).
  cargo deb --locked --no-build --variant old-linux --target x86_64-unknown-linux-gnu | tail -1
fi
