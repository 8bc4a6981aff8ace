#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when po/pt_BR.po misses, leaves fuzzy or mistranslates any message of POTFILES.in.
# Usage: check-po.sh SOURCE_ROOT
set -eu
root=${1:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/files"
while read -r f; do
    [ -f "$f" ] || { echo "POTFILES.in lista um arquivo inexistente: $f"; exit 1; }
done < "$tmp/files"

# Every file with _( or translatable="yes" must be listed.
for f in $(grep -rlE '(^|[^a-zA-Z_])(N?_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"' src ui data 2>/dev/null | sort); do
    grep -qx "$f" "$tmp/files" || { echo "arquivo com textos traduzíveis fora de po/POTFILES.in: $f"; exit 1; }
done

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
    --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
    --files-from="$tmp/files" --output="$tmp/coordena.pot" 2>"$tmp/xgettext.err" || {
    cat "$tmp/xgettext.err"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/pt_BR.po "$tmp/coordena.pot" -o "$tmp/merged.po"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "pt_BR: $stats"
case "$stats" in
    *untranslated*|*fuzzy*)
        msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | head -40
        msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -40
        exit 1 ;;
esac
