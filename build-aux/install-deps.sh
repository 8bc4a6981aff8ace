#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
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
libglib2.0-bin
libgtk-4-dev
libadwaita-1-dev
libsqlite3-dev
libpq-dev
libhpdf-dev
libarchive-dev
libcsv-dev
zlib1g-dev
libpng-dev
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
unzip
python3
clang
libclang-rt-14-dev
valgrind
yelp
yelp-tools
python3
debhelper
dpkg-dev
fakeroot
lintian
at-spi2-core
dbus-daemon
python3-gi
gir1.2-atspi-2.0
python3-pyatspi
postgresql-15
"

# Only package installation needs root: as a normal user it goes through sudo, and nothing else
# (the build, the window, the database) runs as root.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

need_root () {
    if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
        echo "Faltam pacotes do Debian e o sudo não está instalado: rode, como root," >&2
        echo "  $0" >&2
        echo "e depois repita o comando com o seu usuário." >&2
        exit 1
    fi
}

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    need_root
    echo "Instalando pacotes:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The pt_BR tests (and a Portuguese-speaking user on a minimal system) need this locale.
if ! locale -a 2>/dev/null | grep -qi '^pt_BR\.utf-\?8$'; then
    need_root
    if [ -f /etc/locale.gen ] && ! grep -q '^pt_BR.UTF-8 UTF-8' /etc/locale.gen; then
        echo 'pt_BR.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
    fi
    $SUDO locale-gen pt_BR.UTF-8 >/dev/null 2>&1 || $SUDO locale-gen
fi
