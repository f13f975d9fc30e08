#!/bin/bash
# tests/test-po.sh SOURCEDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translation against the strings the code has today, not against
# a POT file that may be stale:
#  - every file under src/ and data/ that marks a string translatable
#    (_(" N_(" C_(" NC_(" or translatable="yes") is listed in po/POTFILES.in,
#    and every listed file exists; the list is sorted and has no duplicates;
#  - po/id.po passes msgfmt --check;
#  - merged against a freshly extracted POT, id.po has no untranslated and no
#    fuzzy messages. The missing ones are printed.
# With CRM_PO_CHECK=warn a failure is printed as a warning and the test
# passes (used while the strings are still being written).
# Exit 77 (skip) when the gettext tools are missing.

set -u
export LC_ALL=C

srcdir=${1:?usage: test-po.sh SOURCEDIR}
lang=id
cd "$srcdir" || exit 1

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (install gettext)"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problems=0

problem ()
{
  echo "FAIL: $*"
  problems=$((problems + 1))
}

# Paths listed in POTFILES.in, without comments and blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in >"$work/listed"

if ! sort -c "$work/listed" 2>/dev/null; then
  problem "po/POTFILES.in is not sorted (LC_ALL=C sort)"
fi
for path in $(sort "$work/listed" | uniq -d); do
  problem "po/POTFILES.in lists $path twice"
done
while read -r path; do
  [ -f "$path" ] || problem "po/POTFILES.in lists $path, which does not exist"
done <"$work/listed"

grep -rlIE '(^|[^A-Za-z0-9_])(N|C|NC)?_\("|translatable="yes"' src data 2>/dev/null |
  sort >"$work/marked"
for path in $(comm -23 "$work/marked" <(sort -u "$work/listed")); do
  problem "$path has translatable strings but is not in po/POTFILES.in"
done

if ! msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>"$work/msgfmt.log"; then
  cat "$work/msgfmt.log"
  problem "msgfmt --check rejects po/$lang.po"
fi

# xgettext picks the language from the extension: C, GtkBuilder (.ui),
# Desktop (.desktop), and the AppStream/GSettings ITS rules for .xml files.
# Only files that exist are passed, so that one missing file (reported
# above) does not hide the state of all the others.
while read -r path; do
  [ -f "$path" ] && echo "$path"
done <"$work/listed" >"$work/POTFILES"
if ! xgettext --files-from="$work/POTFILES" --directory=. --output="$work/crm.pot" \
       --from-code=UTF-8 --add-comments --package-name=crm \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dngettext:2,3 2>"$work/xgettext.log"; then
  cat "$work/xgettext.log"
  problem "xgettext cannot extract the strings of po/POTFILES.in"
elif [ ! -f "$work/crm.pot" ]; then
  echo "no translatable strings yet"
elif ! msgmerge --quiet --no-wrap -o "$work/$lang.po" "po/$lang.po" "$work/crm.pot"; then
  problem "msgmerge cannot merge po/$lang.po with the current strings"
else
  msgfmt --statistics -o /dev/null "$work/$lang.po"
  # msgattrib always keeps the header as its first entry; skip it.
  msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" >"$work/untranslated"
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po" >"$work/fuzzy"
  for kind in untranslated fuzzy; do
    n=$(awk 'BEGIN { RS = "" } NR > 1 { n++ } END { print n + 0 }' "$work/$kind")
    if [ "$n" -gt 0 ]; then
      problem "po/$lang.po has $n $kind messages:"
      awk 'BEGIN { RS = ""; ORS = "\n\n" } NR > 1' "$work/$kind"
    fi
  done
fi

if [ "$problems" -eq 0 ]; then
  echo "translations complete: po/$lang.po covers every string in po/POTFILES.in"
  exit 0
fi
if [ "${CRM_PO_CHECK:-}" = warn ]; then
  echo "WARNING: $problems translation problems (ignored because CRM_PO_CHECK=warn)"
  exit 0
fi
exit 1
