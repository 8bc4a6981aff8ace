#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The user guide: valid Mallard, no broken link, no page unreachable from the front page, every
# page installed, and every page a "?" button of the window opens exists.
# Usage: check-help.sh SOURCE_ROOT
set -u
root=$1
dir=$root/help/pt_BR
status=0

yelp-check validate "$dir" || status=1

out=$(yelp-check links "$dir") || status=1
[ -z "$out" ] || { echo "links quebrados (página: destino):"; echo "$out"; status=1; }

out=$(yelp-check orphans "$dir") || status=1
[ -z "$out" ] || { echo "páginas que nenhuma outra alcança:"; echo "$out"; status=1; }

for page in "$dir"/*.page; do
    name=pt_BR/$(basename "$page")
    grep -q "'$name'" "$root/help/meson.build" || { echo "$name não está em help/meson.build: não seria instalada"; status=1; }
done

# <property name="action-name">app.help</property> followed by <property name="action-target">'page'</property>
targets=$(grep -h -A1 '>app.help<' "$root"/ui/*.ui | sed -n "s/.*action-target\">'\([^']*\)'<.*/\1/p")
[ -n "$targets" ] || { echo "nenhum botão de ajuda encontrado em ui/"; status=1; }
for t in $targets index; do
    [ -f "$dir/$t.page" ] || { echo "um botão de ajuda abre help:coordena/$t, que não existe ($dir/$t.page)"; status=1; }
done

exit $status
