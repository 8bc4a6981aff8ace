#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that a coordena .deb holds what a desktop needs, under /usr: both programs, the
# desktop file, icons, metainfo, GSettings schema, translation, user guide and shipped data.
# Usage: check-deb.sh PACKAGE.deb
set -eu
deb=$1
list=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|')
status=0

for f in \
    /usr/bin/coordena \
    /usr/bin/coordena-cli \
    /usr/share/applications/io.github.coordena.Coordena.desktop \
    /usr/share/icons/hicolor/scalable/apps/io.github.coordena.Coordena.svg \
    /usr/share/icons/hicolor/symbolic/apps/io.github.coordena.Coordena-symbolic.svg \
    /usr/share/metainfo/io.github.coordena.Coordena.metainfo.xml \
    /usr/share/glib-2.0/schemas/io.github.coordena.Coordena.gschema.xml \
    /usr/share/locale/pt_BR/LC_MESSAGES/coordena.mo \
    /usr/share/help/pt_BR/coordena/index.page \
    /usr/share/help/pt_BR/coordena/previsao.page \
    /usr/share/help/C/coordena \
    /usr/share/coordena/rules/portaria-7799-2025.ruleset \
    /usr/share/coordena/reference/municipios.csv \
    /usr/share/coordena/sql/001_schema.sql \
    /usr/share/coordena/sql/postgresql/001_schema.sql \
    /usr/share/coordena/sql/postgresql/roles.sql \
    /usr/share/doc/coordena/copyright \
    /usr/share/man/man1/coordena.1.gz \
    /usr/share/man/man1/coordena-cli.1.gz \
    /usr/share/doc/coordena/examples/equipes.csv
do
    printf '%s\n' "$list" | grep -qx "$f" || { echo "$deb não tem $f" >&2; status=1; }
done

# Every help page of the source tree is in the package.
for page in "$(dirname "$0")"/../help/pt_BR/*.page; do
    f=/usr/share/help/pt_BR/coordena/$(basename "$page")
    printf '%s\n' "$list" | grep -qx "$f" || { echo "$deb não tem $f" >&2; status=1; }
done

# Nothing outside /usr (and no test program or benchmark).
bad=$(printf '%s\n' "$list" | grep -v '^/usr\(/\|$\)' | grep -v '^/$' || true)
[ -z "$bad" ] || { echo "$deb instala fora de /usr:"; echo "$bad"; status=1; } >&2
bad=$(printf '%s\n' "$list" | grep -E '/(test|bench)-[^/]*$' || true)
[ -z "$bad" ] || { echo "$deb leva programas de teste:"; echo "$bad"; status=1; } >&2

[ $status -eq 0 ] && echo "$deb: $(printf '%s\n' "$list" | grep -vc '/$') arquivos, todos os esperados presentes."
exit $status
