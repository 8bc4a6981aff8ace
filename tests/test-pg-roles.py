#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data/sql/postgresql/roles.sql does what docs/servidor.md says, whether it runs before or after
the schema is created: a member of coordena_leitura reads every table and changes nothing; a
member of coordena_coordenacao reads and writes rows and takes ids, but neither changes the schema
or its version; a login in neither role does not reach the database.

Usage: test-pg-roles.py SOURCE_ROOT"""
import glob
import os
import re
import sys

import pgtest

OWNER = 'papeis_dono'
READER = 'papeis_leitura'
WRITER = 'papeis_coordenacao'
OUTSIDER = 'papeis_outro'


def login_roles(uri):
    admin = pgtest.with_params(uri, dbname='postgres')
    pgtest.psql(admin, """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%(owner)s') THEN CREATE ROLE %(owner)s LOGIN; END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%(outsider)s') THEN CREATE ROLE %(outsider)s LOGIN; END IF;
        END $$""" % {'owner': OWNER, 'outsider': OUTSIDER})


def members(db):
    pgtest.psql(db, """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%(r)s') THEN
            CREATE ROLE %(r)s LOGIN IN ROLE coordena_leitura;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%(w)s') THEN
            CREATE ROLE %(w)s LOGIN IN ROLE coordena_coordenacao;
          END IF;
        END $$""" % {'r': READER, 'w': WRITER})


def new_database(uri, name):
    admin = pgtest.with_params(uri, dbname='postgres')
    pgtest.psql(admin, 'DROP DATABASE IF EXISTS %s' % name, single=False)
    pgtest.psql(admin, 'CREATE DATABASE %s OWNER %s' % (name, OWNER), single=False)
    return pgtest.with_params(uri, dbname=name)


def migrate(db, migrations):
    """The owner applies the migrations, as `init` does."""
    for path in migrations:
        pgtest.psql(pgtest.with_params(db, user=OWNER), files=[path])


def check_privileges(tap, db, label):
    tables = pgtest.psql(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")[1]
    tap.check(len(tables) > 10, '%s: as tabelas do Coordena existem' % label, tables)
    checks = []
    for table in tables:
        for role, privilege, want in ((READER, 'SELECT', True), (READER, 'INSERT', False),
                                      (READER, 'UPDATE', False), (READER, 'DELETE', False),
                                      (WRITER, 'SELECT', True),
                                      (WRITER, 'INSERT', table != 'coordena_schema'),
                                      (WRITER, 'UPDATE', table != 'coordena_schema'),
                                      (WRITER, 'DELETE', table != 'coordena_schema'),
                                      (OUTSIDER, 'SELECT', False)):
            checks.append("SELECT '%s %s em %s: ' || has_table_privilege ('%s', 'public.%s', '%s') "
                          "WHERE has_table_privilege ('%s', 'public.%s', '%s') <> %s"
                          % (role, privilege, table, role, table, privilege, role, table, privilege, want))
    wrong = pgtest.psql(db, '\nUNION ALL '.join(checks))[1]
    tap.check(wrong == [], '%s: leitura só lê; coordenação lê e grava linhas; a versão é do dono' % label,
              '\n'.join(wrong))


def main():
    root = os.path.abspath(sys.argv[1])
    uri = pgtest.ensure_server()
    tap = pgtest.Tap()
    folder = os.path.join(root, 'data', 'sql', 'postgresql')
    roles = os.path.join(folder, 'roles.sql')
    migrations = sorted((p for p in glob.glob(os.path.join(folder, '*.sql'))
                         if re.match(r'^\d+_', os.path.basename(p))),
                        key=lambda p: int(os.path.basename(p).split('_')[0]))
    login_roles(uri)

    # The order docs/servidor.md gives: the database, the roles, then `init` by the owner.
    before = new_database(uri, 'pg_roles_antes')
    status, _, err = pgtest.psql(before, files=[roles], check=False)
    tap.check(status == 0, 'roles.sql num banco vazio', err)
    members(before)
    migrate(before, migrations)
    check_privileges(tap, before, 'roles.sql antes do esquema')

    # An existing database: the schema first, then the roles; twice changes nothing.
    after = new_database(uri, 'pg_roles_depois')
    migrate(after, migrations)
    status, _, err = pgtest.psql(after, files=[roles, roles], check=False)
    tap.check(status == 0, 'roles.sql depois do esquema, duas vezes', err)
    members(after)
    check_privileges(tap, after, 'roles.sql depois do esquema')

    # What the people themselves see, logged in through the socket.
    reader = pgtest.with_params(before, user=READER)
    writer = pgtest.with_params(before, user=WRITER)
    status, rows, err = pgtest.psql(reader, 'SELECT count (*) FROM municipio', check=False)
    tap.check(status == 0 and rows == ['0'], 'quem é da leitura consulta as tabelas', err)
    status, _, err = pgtest.psql(reader, "INSERT INTO profile (key, value) VALUES ('uf', 'SP')", check=False)
    tap.check(status != 0 and 'permission denied' in err, 'quem é da leitura não grava (INSERT recusado)', err)
    status, _, err = pgtest.psql(reader, "DELETE FROM auditoria", check=False)
    tap.check(status != 0 and 'permission denied' in err, 'quem é da leitura não apaga (DELETE recusado)', err)
    status, rows, err = pgtest.psql(writer, """
        INSERT INTO profile (key, value) VALUES ('uf', 'SP');
        UPDATE profile SET value = 'RS' WHERE key = 'uf';
        INSERT INTO auditoria (momento, usuario, acao) VALUES ('2026-12-06T12:00:00Z', 'bruno', 'teste');
        SELECT setval (pg_get_serial_sequence ('auditoria', 'id'), 41);
        INSERT INTO auditoria (momento, usuario, acao) VALUES ('2026-12-06T12:00:01Z', 'bruno', 'teste')
          RETURNING id;
        DELETE FROM profile WHERE key = 'uf'""", check=False)
    tap.check(status == 0 and rows[-1:] == ['42'],
              'quem é da coordenação grava, altera, apaga e numera (sequências, também setval)', err or rows)
    status, _, err = pgtest.psql(writer, 'UPDATE coordena_schema SET version = 99', check=False)
    tap.check(status != 0 and 'permission denied' in err, 'a coordenação não muda a versão do esquema', err)
    status, _, err = pgtest.psql(writer, 'CREATE TABLE escondida (x text)', check=False)
    tap.check(status != 0 and 'permission denied' in err, 'a coordenação não cria tabelas', err)
    status, _, err = pgtest.psql(writer, 'DROP TABLE auditoria', check=False)
    tap.check(status != 0 and 'must be owner' in err, 'a coordenação não apaga tabelas', err)
    status, _, err = pgtest.psql(pgtest.with_params(before, user=OUTSIDER), 'SELECT 1', check=False)
    tap.check(status != 0 and 'permission denied for database' in err,
              'um login fora dos dois papéis não entra no banco', err)
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
