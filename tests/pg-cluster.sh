#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL 15 server for the tests: a new cluster (initdb) in a private temporary
# folder, listening only on a Unix socket in that folder (no TCP port, nothing another program on
# the machine can reach), with the database "coordena" set up by data/sql/postgresql/roles.sql, and
# two login roles for the tests, "teste_leitura" and "teste_coordenacao", members of its two roles
# (roles are the whole server's; the grants of roles.sql are the coordena database's).
# Authentication is "trust" on the socket only: the folder is 0700, so only its owner (and root)
# can reach the socket.
#
# Usage:
#   pg-cluster.sh run COMMAND [ARG…]  start a server, run COMMAND with COORDENA_TEST_POSTGRESQL set to
#                                     its libpq URI, then stop it and remove the folder whatever
#                                     COMMAND did (also on Ctrl-C); exits with COMMAND's status
#   pg-cluster.sh start               start a server; prints the line
#                                     COORDENA_TEST_POSTGRESQL='postgresql:///coordena?host=FOLDER&user=postgres'
#   pg-cluster.sh stop URI|FOLDER     stop that server and remove its folder
#
# The URI names the database superuser "postgres" of this cluster. A test that needs a database of
# its own creates one (CREATE DATABASE) in the same server: tests run in parallel.
#
# As root (the CI), initdb refuses to run: the server then runs as the system user "postgres"
# (created by the postgresql-common package; created here as a system user if absent) and the
# folder belongs to it; root still reaches the socket.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PREFIX=coordena-pg.
ROLES_SQL=$(cd "$(dirname "$0")/.." && pwd)/data/sql/postgresql/roles.sql

die () {
    echo "pg-cluster.sh: $*" >&2
    exit 1
}

# The user the server runs as: the caller, or "postgres" when the caller is root.
server_user () {
    if [ "$(id -u)" -ne 0 ]; then
        id -un
        return
    fi
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
            --shell /usr/sbin/nologin postgres || die "não foi possível criar o usuário postgres"
    fi
    echo postgres
}

# Runs a command as the server's user.
as_server () {
    if [ "$(id -u)" -eq 0 ]; then
        # From /: the server's user may not enter root's working folder.
        (cd / && runuser -u "$user" -- "$@")
    else
        "$@"
    fi
}

start () {
    [ -x "$PGBIN/initdb" ] || die "$PGBIN/initdb não existe: rode build-aux/install-deps.sh (pacote postgresql-15)"
    user=$(server_user)
    # A Unix socket path has at most 107 bytes: a long TMPDIR falls back to /tmp, and so does root's,
    # which the server's user may not be able to enter.
    base=${TMPDIR:-/tmp}
    if [ ${#base} -gt 60 ] || [ "$(id -u)" -eq 0 ]; then
        base=/tmp
    fi
    dir=$(mktemp -d "$base/${PREFIX}XXXXXX")
    chmod 0700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown "$user": "$dir"
    fi
    if ! as_server "$PGBIN/initdb" --pgdata="$dir/data" --username=postgres --auth-local=trust \
            --auth-host=reject --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        die "initdb falhou"
    fi
    # Only the socket: no TCP. The data is thrown away at the end, so nothing is synced to disk.
    if ! as_server "$PGBIN/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --silent \
            -o "-c listen_addresses= -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
        cat "$dir/server.log" >&2 || true
        rm -rf "$dir"
        die "o servidor PostgreSQL não iniciou"
    fi
    uri="postgresql:///coordena?host=$dir&user=postgres"
    if ! "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "postgresql:///postgres?host=$dir&user=postgres" \
            -c 'CREATE DATABASE coordena' >/dev/null 2>"$dir/setup.log" \
        || ! "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$uri" -f "$ROLES_SQL" \
            -c 'CREATE ROLE teste_leitura LOGIN IN ROLE coordena_leitura' \
            -c 'CREATE ROLE teste_coordenacao LOGIN IN ROLE coordena_coordenacao' >/dev/null 2>>"$dir/setup.log"; then
        cat "$dir/setup.log" >&2
        stop "$dir"
        die "não foi possível criar o banco de dados e os papéis de teste"
    fi
    echo "COORDENA_TEST_POSTGRESQL='$uri'"
}

stop () {
    dir=$1
    case $dir in
        postgresql://*) dir=$(printf '%s\n' "$dir" | sed -n 's/.*[?&]host=\([^&]*\).*/\1/p') ;;
    esac
    # Only ever a folder this script made.
    case $(basename "$dir") in
        "$PREFIX"??????) ;;
        *) die "$dir não é uma pasta criada por pg-cluster.sh" ;;
    esac
    [ -d "$dir" ] || return 0
    user=$(stat -c %U "$dir")
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_server "$PGBIN/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --silent stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case ${1:-} in
    start)
        start
        ;;
    stop)
        [ $# -eq 2 ] || die "uso: pg-cluster.sh stop URI|PASTA"
        stop "$2"
        ;;
    run)
        shift
        [ $# -ge 1 ] || die "uso: pg-cluster.sh run COMANDO [ARG…]"
        line=$(start)
        COORDENA_TEST_POSTGRESQL=$(printf '%s\n' "$line" | sed "s/^COORDENA_TEST_POSTGRESQL='\(.*\)'$/\1/")
        export COORDENA_TEST_POSTGRESQL
        trap 'stop "$COORDENA_TEST_POSTGRESQL"' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        status=0
        "$@" || status=$?
        exit $status
        ;;
    *)
        die "uso: pg-cluster.sh run COMANDO [ARG…] | start | stop URI|PASTA"
        ;;
esac
