#!/bin/sh
# Installs the Debian 12 packages Coordena needs to build, run and test.
# Idempotent: packages already present are not touched; apt runs only when one is missing.
set -eu

PACKAGES="
gcc
pkg-config
meson
ninja-build
gettext
libglib2.0-dev
libglib2.0-dev-bin
libgtk-4-dev
libadwaita-1-dev
libsqlite3-dev
libhpdf-dev
libarchive-dev
libcsv-dev
zlib1g-dev
libjson-glib-dev
libpoppler-glib-dev
fonts-crosextra-carlito
fonts-cantarell
adwaita-icon-theme
locales
desktop-file-utils
appstream
xvfb
xauth
poppler-utils
sqlite3
zip
clang
libclang-rt-14-dev
valgrind
at-spi2-core
dbus-daemon
python3-gi
gir1.2-atspi-2.0
python3-pyatspi
"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "Instalando pacotes:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The pt_BR tests (and a Portuguese-speaking user on a minimal system) need this locale.
if ! locale -a 2>/dev/null | grep -qi '^pt_BR\.utf-\?8$'; then
    if [ -f /etc/locale.gen ] && ! grep -q '^pt_BR.UTF-8 UTF-8' /etc/locale.gen; then
        echo 'pt_BR.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
    fi
    $SUDO locale-gen pt_BR.UTF-8 >/dev/null 2>&1 || $SUDO locale-gen
fi
