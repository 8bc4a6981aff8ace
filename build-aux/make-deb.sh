#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian 12 package coordena_VERSION_amd64.deb in the project folder from a clean copy
# of the tree (debhelper + meson), runs lintian on it and checks that it holds what a desktop
# needs. Usage: make-deb.sh [OUTPUT_DIR]
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root}
cd "$root"

version=$(sed -n "s/^  version: '\([^']*\)',$/\1/p" meson.build)
deb_version=$(dpkg-parsechangelog -S Version)
if [ "$version" != "$deb_version" ]; then
    echo "debian/changelog está na versão $deb_version e meson.build na $version: acrescente uma entrada ao changelog (dch -v $version)." >&2
    exit 1
fi
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=coordena_${version}_${arch}.deb

# A copy of the sources only (no build directories, no earlier package build), so what the
# package holds does not depend on what lies around in the working folder.
work=$root/build-deb
rm -rf "$work"
mkdir -p "$work/coordena-$version"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | grep -zv '^build-deb/' |
        xargs -0 tar -cf - -- | tar -xf - -C "$work/coordena-$version"
else
    tar -cf - --exclude=./build --exclude=./build-deb --exclude='./build-*' --exclude='./*.deb' . |
        tar -xf - -C "$work/coordena-$version"
fi

echo "Construindo $deb (o pacote não roda os testes: make test os roda)…"
(cd "$work/coordena-$version" && DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" \
    dpkg-buildpackage -b -us -uc --no-sign >"$work/build.log" 2>&1) || {
    tail -40 "$work/build.log" >&2
    echo "A construção do pacote falhou; o registro completo está em $work/build.log." >&2
    exit 1
}
mv "$work/$deb" "$out/$deb"

"$root/build-aux/check-deb.sh" "$out/$deb"

echo "lintian…"
lintian --fail-on error "$out/$deb" || {
    echo "lintian achou erros em $deb." >&2
    exit 1
}
rm -rf "$work"
echo "Pacote pronto: $out/$deb"
echo "Para instalar: sudo apt install $out/$deb"
