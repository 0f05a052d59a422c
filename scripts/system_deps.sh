#!/usr/bin/env bash
# Makes sure the system programs the test suite needs are present:
# chromium (browser tests), redis-server (integration tests), DejaVu fonts
# (stable screenshots), WenQuanYi Micro Hei (the stories' Chinese text renders as
# glyphs, not boxes), node + npm (the asset build).
# On Debian as root the missing ones are installed with apt-get; anywhere
# else this prints what to install and fails.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if ! { dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "ok installed" \
       || [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; }; then
  missing+=(fonts-dejavu-core)
fi
if ! { dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q "ok installed" \
       || [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; }; then
  missing+=(fonts-wqy-microhei)
fi

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "error: node and npm are missing: install Node.js 20 (https://nodejs.org/ or your package manager)." >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ -e /etc/debian_version ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing missing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  exit 0
fi

echo "error: the test suite needs these system packages, which are missing: ${missing[*]}" >&2
echo "  Debian/Ubuntu (as root): apt-get install -y chromium redis-server fonts-dejavu-core fonts-wqy-microhei" >&2
echo "  Elsewhere: install Chromium (as 'chromium' on PATH), Redis (redis-server on PATH), the DejaVu fonts and a CJK font (WenQuanYi Micro Hei)." >&2
exit 1
