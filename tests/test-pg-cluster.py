#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The throwaway server the PostgreSQL tests use is a PostgreSQL 15 reachable only through its own
private folder: no TCP port, the socket and the data inside a 0700 folder.

Usage: test-pg-cluster.py"""
import os
import stat
import subprocess
import sys

import pgtest


def main():
    uri = pgtest.ensure_server()
    tap = pgtest.Tap()
    _, rows, _ = pgtest.psql(uri, "SHOW server_version")
    tap.check(len(rows) == 1 and rows[0].startswith('15.'), 'o servidor é o PostgreSQL 15', rows)
    _, rows, _ = pgtest.psql(uri, "SELECT current_database(), current_user, "
                                  "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")
    tap.check(rows == ['coordena|postgres|t'], 'o URI leva ao banco coordena como superusuário', rows)
    _, rows, _ = pgtest.psql(uri, "SHOW listen_addresses")
    tap.check(rows == [], 'nenhuma porta TCP: listen_addresses vazio', rows)
    _, rows, _ = pgtest.psql(uri, "SHOW unix_socket_directories")
    folder = rows[0] if len(rows) == 1 else ''
    mode = stat.S_IMODE(os.stat(folder).st_mode) if os.path.isdir(folder) else None
    tap.check(mode == 0o700, 'o soquete fica numa pasta só do dono (0700)', '%s: %r' % (folder, mode))
    _, rows, _ = pgtest.psql(uri, "SHOW data_directory")
    tap.check(len(rows) == 1 and folder != '' and rows[0].startswith(folder + os.sep),
              'os dados ficam na mesma pasta temporária', rows)
    _, rows, _ = pgtest.psql(uri, """
        SELECT r.rolname || ':' || g.rolname FROM pg_auth_members m
        JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
        WHERE r.rolname LIKE 'teste\\_%' ORDER BY 1""")
    tap.check(rows == ['teste_coordenacao:coordena_coordenacao', 'teste_leitura:coordena_leitura'],
              'os logins de teste, um em cada papel de roles.sql', rows)

    # A failing command run by pg-cluster.sh: its exit status comes back, and the server it had is
    # stopped and its folder gone.
    script = os.path.join(pgtest.HERE, 'pg-cluster.sh')
    run = subprocess.run([script, 'run', 'sh', '-c', 'echo "$COORDENA_TEST_POSTGRESQL"; exit 3'],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    inner = run.stdout.decode().strip()
    folder = inner.split('host=')[-1].split('&')[0] if 'host=' in inner else ''
    tap.check(run.returncode == 3, 'pg-cluster.sh run devolve o código de saída do comando (3)',
              '%d: %s' % (run.returncode, run.stderr.decode()))
    tap.check(folder.startswith('/') and inner != uri, 'o comando recebe o endereço de um servidor só dele', inner)
    left = []
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open('/proc/%s/cmdline' % pid, 'rb') as f:
                if folder != '' and (folder + '/data').encode() in f.read():
                    left.append(pid)
        except OSError:
            pass
    tap.check(folder != '' and not os.path.exists(folder) and left == [],
              'depois de uma falha, o servidor para e a pasta é apagada', '%s, processos: %s' % (folder, left))
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
