#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: Chromium (browser
# tests and the PDF edition), poppler-utils (pdftoppm, which draws the PDF's pages as images in
# tests/browser/test_pdf.py), a Java runtime (the W3C HTML checker) and Node.js with npm
# (front-end packages).
# Playwright's own browser download does not work on these machines, so the tests use Debian's
# chromium at /usr/bin/chromium.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "error: missing system packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
