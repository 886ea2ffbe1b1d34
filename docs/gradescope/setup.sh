#!/usr/bin/env bash
# Gradescope runs this once, when the autograder image is built: what the students' programs
# need (PACKAGES in socklab.conf: Python by default), and socklab from this folder.
# AUTOGRADER_ROOT replaces /autograder (for trying it out elsewhere).
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
# shellcheck source=socklab.conf
. "$root/source/socklab.conf"
apt-get update
# shellcheck disable=SC2086 # PACKAGES is a list of words.
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES:-python3}
install -m 755 "$root/source/socklab" /usr/local/bin/socklab
socklab --version
