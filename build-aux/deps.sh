# build-aux/deps.sh
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one place that knows what a Debian 12 machine needs to build, test and
# run CRM. Sourced (never run) by build-aux/run, test, screenshots and the
# benchmark script. A script that needs more packages appends before set-up:
#   . build-aux/deps.sh; CRM_DEB_PACKAGES+=(valgrind); crm_setup

CRM_DEB_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev sqlite3
  libcsv-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  xvfb xauth dbus dbus-x11 at-spi2-core
  desktop-file-utils appstream poppler-utils xdotool python3-pyatspi imagemagick
  fonts-cantarell fonts-dejavu-core locales evolution-data-server-dev
  # Recommends of libgtk-4-1 that we rely on, since we install without
  # recommends: the SVG pixbuf loader (icons) and gtk4-update-icon-cache.
  librsvg2-common libgtk-4-bin
)

# Tests check money formatting under id_ID; en_US is the reference locale.
CRM_LOCALES=(en_US.UTF-8 id_ID.UTF-8)

CRM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CRM_JOBS=${CRM_JOBS:-$(nproc 2>/dev/null || echo 2)}
# Xvfb screen for everything that draws: big enough for the main window.
CRM_SCREEN=${CRM_SCREEN:-1400x900x24}

crm_log ()
{
  printf 'build-aux: %s\n' "$*" >&2
}

# Runs "$@" as root: directly, or through sudo. With no terminal sudo must
# not wait for a password nobody can type, so it fails at once instead.
crm_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else
    crm_log "need root (or sudo) to run: $*"
    return 1
  fi
}

crm_missing_packages ()
{
  local p
  for p in "${CRM_DEB_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      printf '%s\n' "$p"
    fi
  done
}

crm_install_packages ()
{
  local missing
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    crm_log "not a Debian system: make sure these are installed: ${CRM_DEB_PACKAGES[*]}"
    return 0
  fi
  mapfile -t missing < <(crm_missing_packages)
  [ "${#missing[@]}" -eq 0 ] && return 0
  crm_log "installing ${missing[*]}"
  crm_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
  crm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "${missing[@]}" </dev/null
}

# locale -a spells them "id_ID.utf8"; compare without case and dashes.
crm_has_locale ()
{
  local want
  want=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]' | tr -d '-')
  locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | tr -d '-' | grep -qx -- "$want"
}

crm_setup_locales ()
{
  local l missing=()
  for l in "${CRM_LOCALES[@]}"; do
    crm_has_locale "$l" || missing+=("$l")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v locale-gen >/dev/null 2>&1; then
    crm_log "cannot generate locales ${missing[*]}: locale-gen not found"
    return 0
  fi
  crm_log "generating locales ${missing[*]}"
  for l in "${missing[@]}"; do
    if grep -q "^# *${l} UTF-8" /etc/locale.gen 2>/dev/null; then
      crm_as_root sed -i "s/^# *${l} UTF-8/${l} UTF-8/" /etc/locale.gen || return 1
    elif ! grep -q "^${l} UTF-8" /etc/locale.gen 2>/dev/null; then
      printf '%s UTF-8\n' "$l" | crm_as_root tee -a /etc/locale.gen >/dev/null || return 1
    fi
  done
  crm_as_root locale-gen >/dev/null
}

crm_export_testdata ()
{
  if [ -d "$CRM_ROOT/../shared/testdata" ]; then
    CRM_TESTDATA=$(cd "$CRM_ROOT/../shared/testdata" && pwd)
    export CRM_TESTDATA
  fi
}

crm_setup ()
{
  crm_install_packages || { crm_log "could not install packages"; return 1; }
  crm_setup_locales || { crm_log "could not generate locales"; return 1; }
  crm_export_testdata
}

# crm_configure DIR [meson options...]: set up only once; later builds let
# ninja re-run meson by itself when a meson.build changes.
crm_configure ()
{
  local dir=$1
  shift
  [ -f "$dir/meson-private/coredata.dat" ] && return 0
  meson setup "$@" "$dir" "$CRM_ROOT"
}

crm_build ()
{
  meson compile -C "$1" -j "$CRM_JOBS"
}
