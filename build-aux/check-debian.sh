#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# debian/ agrees with the tree, so `make deb` can build: the changelog has meson.build's version,
# every build dependency is in install-deps.sh, and the files debian/ names exist.
# Usage: check-debian.sh SOURCE_ROOT
set -u
root=$1
cd "$root" || exit 1
status=0

version=$(sed -n "s/^  version: '\([^']*\)',$/\1/p" meson.build)
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version) || status=1
[ -n "$version" ] && [ "$version" = "$deb_version" ] ||
    { echo "debian/changelog tem a versão '$deb_version', meson.build tem '$version'"; status=1; }
dist=$(dpkg-parsechangelog -l debian/changelog -S Distribution)
[ "$dist" = bookworm ] || { echo "debian/changelog: distribuição '$dist', o pacote é para o Debian 12 (bookworm)"; status=1; }

[ "$(cat debian/source/format)" = "3.0 (native)" ] || { echo "debian/source/format não é 3.0 (native)"; status=1; }
[ -x debian/rules ] || { echo "debian/rules não é executável"; status=1; }
grep -q -- '--buildsystem=meson' debian/rules || { echo "debian/rules não usa o meson"; status=1; }
grep -q -- '-Dtests=false' debian/rules || { echo "debian/rules compila os testes"; status=1; }
grep -q "option('tests'" meson_options.txt || { echo "meson_options.txt não tem a opção tests que debian/rules usa"; status=1; }

# Build-Depends: each package (without version or alternatives) must be one install-deps.sh installs.
deps=$(sed -n '/^Build-Depends:/,/^[A-Z][A-Za-z-]*:/p' debian/control | sed '$d' |
    sed 's/^Build-Depends://' | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^$')
[ -n "$deps" ] || { echo "debian/control sem Build-Depends"; status=1; }
for d in $deps; do
    case $d in debhelper-compat) d=debhelper ;; esac
    grep -qx "$d" build-aux/install-deps.sh || { echo "Build-Depends: $d não está em build-aux/install-deps.sh"; status=1; }
done

# The runtime font the ofício embeds is a dependency of the package.
grep -q 'fonts-crosextra-carlito' debian/control || { echo "o pacote não depende da fonte Carlito"; status=1; }

for f in $(cat debian/coordena.examples debian/coordena.docs debian/coordena.manpages); do
    ls $f >/dev/null 2>&1 || { echo "debian/ cita $f, que não existe"; status=1; }
done
for f in $(sed -n 's/^Files: //p; s/^       \([^ ]\)/\1/p' debian/copyright); do
    [ "$f" = '*' ] || [ -e "$f" ] || { echo "debian/copyright cita $f, que não existe"; status=1; }
done

exit $status
