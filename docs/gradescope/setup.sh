#!/usr/bin/env bash
# Gradescope runs this once, when the autograder image is built: Python for the students'
# programs, and socklab from this folder.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends python3
install -m 755 /autograder/source/socklab /usr/local/bin/socklab
socklab --version
