#!/bin/bash
# tests/test-install.sh BUILDDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a scratch DESTDIR and checks that everything a
# desktop needs to find, show and launch CRM ends up under the prefix.
# Exit 77 (skip) when meson itself cannot be found.

set -u

builddir=${1:?usage: test-install.sh BUILDDIR}
meson=${MESON:-meson}
app_id=com.example.Crm

if ! command -v "$meson" >/dev/null 2>&1; then
  echo "SKIP: meson not found, cannot test installation"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
destdir=$work/root

if ! "$meson" install -C "$builddir" --no-rebuild --destdir "$destdir" >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  echo "FAIL: meson install into a scratch DESTDIR failed"
  exit 1
fi

# Where this build installs to, as the build itself says (prefix and
# directory options may be changed at configure time).
dirs=$("$meson" introspect --buildoptions "$builddir" | python3 -c '
import json, os, sys
opts = {o["name"]: o["value"] for o in json.load(sys.stdin)}
for d in ("bindir", "datadir"):
    print(os.path.join(opts["prefix"], opts[d]))
') || { echo "FAIL: cannot read the install directories of $builddir"; exit 1; }
bindir=$destdir$(sed -n 1p <<<"$dirs")
datadir=$destdir$(sed -n 2p <<<"$dirs")

status=0
check ()
{
  local test=$1 path=$2
  if test "$test" "$path" && test -s "$path"; then
    echo "ok: ${path#"$destdir"}"
  else
    echo "FAIL: not installed: ${path#"$destdir"}"
    status=1
  fi
}

check -x "$bindir/crm"
check -f "$datadir/applications/$app_id.desktop"
check -f "$datadir/metainfo/$app_id.metainfo.xml"
check -f "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check -f "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check -f "$datadir/glib-2.0/schemas/$app_id.gschema.xml"

# The installed desktop file must be the merged one, still launching crm.
if [ -f "$datadir/applications/$app_id.desktop" ] &&
    ! grep -qE '^Exec=crm( |$)' "$datadir/applications/$app_id.desktop"; then
  echo "FAIL: installed desktop file does not run crm"
  status=1
fi

if [ "$status" -ne 0 ]; then
  echo "installed files:"
  (cd "$destdir" && find . -type f | sort)
fi
exit "$status"
