#!/usr/bin/env bash
# Makes sure the system libraries WeasyPrint needs for the PDFs are there: Pango, HarfBuzz's subsetter and
# a font. Quick when present; installs Debian's packages when missing, which needs root. Without root it
# says plainly what to install, and the site still runs (only the PDFs fail).
set -euo pipefail

LIBS="libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0"
PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core"

missing() {
    local known
    known="$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true)"
    for lib in $LIBS; do
        grep -q "$lib" <<<"$known" || return 0
    done
    fc-list 2>/dev/null | grep -q . || return 0
    return 1
}

missing || exit 0

if [ "$(id -u)" != 0 ]; then
    echo "system-deps: the PDFs need system libraries that are missing. Install them as root:"
    echo "system-deps:     apt-get install $PACKAGES"
    exit 0
fi

echo "system-deps: installing $PACKAGES"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
