#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make valgrind: memcheck over the commands that read hostile files and write the ofício —
# evaluate, import roster, import cnes, oficio generate and the notifications — on real data,
# in Portuguese.
# Fails on any memcheck error or definite leak. Usage: valgrind.sh BUILD_DIR
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
cli="$build/src/cli/coordena-cli"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/coordena-valgrind-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

export COORDENA_DATADIR="$src/data"
export COORDENA_LOCALEDIR="$build/po"
export LANGUAGE=pt_BR LC_ALL=pt_BR.UTF-8
export XDG_DATA_HOME="$tmp/xdg" XDG_CONFIG_HOME="$tmp/xdg-config" XDG_CACHE_HOME="$tmp/xdg-cache"
export G_SLICE=always-malloc G_DEBUG=gc-friendly

VALGRIND="valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
  --errors-for-leak-kinds=definite --num-callers=40 --suppressions=$src/build-aux/valgrind.supp"

status=0
# run NAME EXPECTED_EXIT_CODE ARGS…: the command under memcheck (exit code 99 means a report).
run () {
    name=$1
    expected=$2
    shift 2
    printf '== %s\n' "$name"
    rc=0
    # shellcheck disable=SC2086
    $VALGRIND --log-file="$tmp/$name.log" "$cli" "$@" >"$tmp/$name.out" 2>&1 || rc=$?
    if [ "$rc" -eq "$expected" ]; then
        grep -E 'ERROR SUMMARY|definitely lost' "$tmp/$name.log" | sed 's/^==[0-9]*== /   /'
    else
        echo "   FALHOU: código de saída $rc, esperado $expected (99: o memcheck relatou erros ou vazamentos)"
        cat "$tmp/$name.out" "$tmp/$name.log"
        status=1
    fi
}

# Three databases: Goiás for the rules fixture's roster, Rio Grande do Sul for the CNES fixture,
# Ceará for the notifications.
"$cli" --db "$tmp/go.db" init --uf GO >/dev/null
"$cli" --db "$tmp/rs.db" init --uf RS >/dev/null
"$cli" --db "$tmp/ce.db" init --uf CE >/dev/null
for db in rs ce; do
while IFS='=' read -r key value; do
    "$cli" --db "$tmp/$db.db" profile set "$key" "$value" >/dev/null
done <<PROFILE
secretaria.nome=Secretaria da Saúde do Estado do Rio Grande do Sul
secretaria.sigla=DAPS/SES
cidade=Porto Alegre
endereco=Av. Borges de Medeiros, 1501, Porto Alegre/RS, CEP 90119-900
telefone=(51) 3288-5800
email=aps@saude.rs.gov.br
secretario.nome=Maria da Silva
secretario.genero=F
contato.nome=Carla Souza
contato.email=carla@saude.rs.gov.br
contato.telefone=(51) 3288-5801
brasao=$src/tests/fixtures/oficio/brasao.png
PROFILE
done

run evaluate 0 evaluate --format json "$src/tests/fixtures/rules/roster.csv"
run forecast 0 forecast --format csv "$src/tests/fixtures/rules/roster.csv"
run import-roster 0 --db "$tmp/go.db" import roster "$src/tests/fixtures/rules/roster.csv"
run evaluate-db 0 --db "$tmp/go.db" evaluate --format json
run import-roster-refused 1 --db "$tmp/go.db" import roster "$src/tests/fixtures/rules/roster-erros.csv"
run import-cnes 0 --db "$tmp/rs.db" import cnes "$src/tests/fixtures/cnes/base" --uf RS --competencia 202508
(cd "$src/tests/fixtures/cnes/base" && zip -q "$tmp/BASE_DE_DADOS_CNES_202508.ZIP" ./*.csv)
run import-cnes-zip 0 --db "$tmp/rs.db" import cnes "$tmp/BASE_DE_DADOS_CNES_202508.ZIP" --uf RS --competencia 202508
# The shipped offer's ofício route closed on 03/12/2025: the ofício is generated on a day before it.
export COORDENA_TODAY=2025-11-20
run oficio-generate 0 --db "$tmp/rs.db" oficio generate --offer coordenacao-cuidado-2025 \
    --signer secretario --anexo equipes -o "$tmp/oficio.pdf"

# The notifications to the municipalities and their follow-up after a newer competência.
export COORDENA_TODAY=2026-12-06
"$cli" --db "$tmp/ce.db" import roster "$src/tests/fixtures/notificacao/roster-1011.csv" >/dev/null
run notificacao-generate 0 --db "$tmp/ce.db" notificacao generate --signer secretario -o "$tmp/notificacoes" \
    --combinado "$tmp/notificacoes.pdf"
run notificacao-follow-up 0 --db "$tmp/ce.db" import roster "$src/tests/fixtures/notificacao/roster-101112.csv"
run notificacao-list 0 --db "$tmp/ce.db" notificacao list
run notificacao-export 0 --db "$tmp/ce.db" notificacao export 1/2026 -o "$tmp/notificacao.pdf"

if [ "$status" -eq 0 ]; then
    echo "valgrind: nenhum erro e nenhum vazamento definido"
fi
exit "$status"
