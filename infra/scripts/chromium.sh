#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the end-to-end UI tests (Playwright drives /usr/bin/chromium headless).
# Idempotent: does nothing when it is there. Needs root (apt-get), as on CI and the developers' machines.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
[ -x /usr/bin/chromium ] || { echo "chromium.sh: /usr/bin/chromium is still missing after apt-get install" >&2; exit 1; }
