#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The PostgreSQL schema (data/sql/postgresql/NNN_name.sql) is the SQLite one: applied in order, each
file in one transaction, to a fresh database of the throwaway server, it gives, table by table, the
columns (names, order, types, NOT NULL, defaults), primary keys, UNIQUE constraints, foreign keys
with their ON DELETE, indexes and CHECKs (how many the server has, and their expressions as the
files write them) of a database made by the real `coordena-cli init`; and the version it records
is the SQLite one.

Usage: test-pg-schema.py SOURCE_ROOT"""
import glob
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

import pgtest

# The program reads and binds INTEGER with int64, TEXT as text, BLOB as bytes.
TYPES = {'INTEGER': 'bigint', 'TEXT': 'text', 'BLOB': 'bytea'}
# The one table only PostgreSQL has: SQLite keeps the same facts in its file header.
PG_ONLY = {'coordena_schema'}
ON_DELETE = {'a': 'NO ACTION', 'r': 'RESTRICT', 'c': 'CASCADE', 'n': 'SET NULL', 'd': 'SET DEFAULT'}


def migration_files(folder):
    found = {}
    for path in glob.glob(os.path.join(folder, '*.sql')):
        m = re.match(r'^(\d+)_.*\.sql$', os.path.basename(path))
        if m:
            found[int(m.group(1))] = path
    return found


def check_bodies(sql):
    """The expressions of the CHECK clauses in SQL source, comments and runs of blanks removed."""
    sql = re.sub(r'--[^\n]*', '', sql)
    bodies = []
    for m in re.finditer(r'\bCHECK\s*\(', sql, re.IGNORECASE):
        depth, i = 1, m.end()
        while depth and i < len(sql):
            depth += {'(': 1, ')': -1}.get(sql[i], 0)
            i += 1
        bodies.append(' '.join(sql[m.end():i - 1].split()))
    return sorted(bodies)


def pg_file_checks(paths):
    """The CHECK expressions each table gets from the PostgreSQL migration files, as written."""
    checks = {}
    for path in paths:
        for statement in re.sub(r'--[^\n]*', '', open(path, encoding='utf-8').read()).split(';'):
            m = re.match(r'\s*(?:CREATE|ALTER)\s+TABLE\s+(\w+)', statement, re.IGNORECASE)
            if m:
                checks.setdefault(m.group(1), []).extend(check_bodies(statement))
    return {table: sorted(bodies) for table, bodies in checks.items()}


def normalise_default(value):
    if value is None or value == '':
        return None
    value = re.sub(r'::(text|bigint|integer)$', '', value)
    return value


def sqlite_schema(path):
    db = sqlite3.connect(path)
    tables = {}
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        t = {}
        info = db.execute('PRAGMA table_info("%s")' % name).fetchall()
        # A primary-key column is never NULL: a rowid alias (INTEGER PRIMARY KEY) is numbered by the
        # database, the others are declared NOT NULL or belong to a WITHOUT ROWID table.
        t['columns'] = [(c[1], TYPES.get(c[2].upper(), '?' + c[2]), bool(c[3]) or c[5] > 0,
                         normalise_default(c[4])) for c in info]
        t['primary key'] = tuple(c[1] for c in sorted((c for c in info if c[5] > 0), key=lambda c: c[5]))
        uniques, indexes = set(), set()
        for _, iname, unique, origin, _partial in db.execute('PRAGMA index_list("%s")' % name):
            cols = tuple(r[2] for r in db.execute('PRAGMA index_info("%s")' % iname))
            if origin == 'u':
                uniques.add(cols)
            elif origin == 'c':
                indexes.add((iname, cols, bool(unique)))
        t['unique'] = uniques
        t['indexes'] = indexes
        fks = {}
        for fk in db.execute('PRAGMA foreign_key_list("%s")' % name):
            entry = fks.setdefault(fk[0], {'table': fk[2], 'from': [], 'to': [], 'on delete': fk[6]})
            entry['from'].append(fk[3])
            entry['to'].append(fk[4])
        t['foreign keys'] = {(tuple(e['from']), e['table'], tuple(e['to']), e['on delete']) for e in fks.values()}
        sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()[0]
        t['check expressions'] = check_bodies(sql)
        t['checks'] = len(t['check expressions'])
        tables[name] = t
    others = {(r[0], r[1]) for r in db.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger')")}
    version = db.execute('PRAGMA user_version').fetchone()[0]
    app_id = db.execute('PRAGMA application_id').fetchone()[0]
    db.close()
    return tables, others, version, app_id


def pg_rows(uri, sql):
    return [row.split('|') for row in pgtest.psql(uri, sql)[1]]


def pg_schema(uri):
    tables = {}
    for rel, name, typ, notnull, default, identity in pg_rows(uri, """
            SELECT c.relname, a.attname, format_type (a.atttypid, a.atttypmod), a.attnotnull,
                   coalesce (pg_get_expr (d.adbin, d.adrelid), ''), a.attidentity
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum"""):
        t = tables.setdefault(rel, {'columns': [], 'primary key': (), 'unique': set(), 'indexes': set(),
                                    'foreign keys': set(), 'checks': 0, 'identity': []})
        t['columns'].append((name, typ, notnull == 't', normalise_default(default)))
        if identity != '':
            t['identity'].append((name, identity))
    cols = """(SELECT string_agg (a.attname, ',' ORDER BY k.i)
               FROM unnest (%s) WITH ORDINALITY k (n, i)
               JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.n)"""
    for rel, kind, keys, ftable, fkeys, deltype in pg_rows(uri, """
            SELECT c.relname, con.contype, coalesce (%s, ''), coalesce (f.relname, ''),
                   coalesce (%s, ''), con.confdeltype
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class f ON f.oid = con.confrelid
            WHERE n.nspname = 'public'""" % (cols % ('con.conkey', 'con.conrelid'),
                                             cols % ('con.confkey', 'con.confrelid'))):
        t = tables[rel]
        keys = tuple(keys.split(',')) if keys else ()
        if kind == 'p':
            t['primary key'] = keys
        elif kind == 'u':
            t['unique'].add(keys)
        elif kind == 'f':
            t['foreign keys'].add((keys, ftable, tuple(fkeys.split(',')), ON_DELETE[deltype]))
        elif kind == 'c':
            t['checks'] += 1
    for rel, name, keys, unique in pg_rows(uri, """
            SELECT t.relname, i.relname, %s, ix.indisunique
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT EXISTS (
              SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u'))
            """ % (cols % ('ix.indkey::int2[]', 'ix.indrelid'))):
        tables[rel]['indexes'].add((name, tuple(keys.split(',')), unique == 't'))
    others = {(kind, name) for kind, name in pg_rows(uri, """
            SELECT 'view', viewname FROM pg_views WHERE schemaname = 'public'
            UNION ALL SELECT 'trigger', tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal""")}
    return tables, others


def main():
    root = os.path.abspath(sys.argv[1])
    uri = pgtest.ensure_server()
    tap = pgtest.Tap()

    sqlite_files = migration_files(os.path.join(root, 'data', 'sql'))
    pg_files = migration_files(os.path.join(root, 'data', 'sql', 'postgresql'))
    tap.check(sorted(os.path.basename(p) for p in sqlite_files.values())
              == sorted(os.path.basename(p) for p in pg_files.values()),
              'uma migração PostgreSQL para cada migração SQLite, com o mesmo número e nome',
              'SQLite: %s\nPostgreSQL: %s' % (sorted(map(os.path.basename, sqlite_files.values())),
                                              sorted(map(os.path.basename, pg_files.values()))))

    with tempfile.TemporaryDirectory(prefix='coordena-pg-schema-') as work:
        path = os.path.join(work, 'estado.db')
        init = subprocess.run([os.environ['COORDENA_CLI'], '--db', path, 'init', '--uf', 'SP'],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        if not tap.check(init.returncode == 0, 'coordena-cli init --uf SP cria o banco SQLite',
                         init.stdout.decode('utf-8', 'replace')):
            return tap.done()
        lite, lite_others, lite_version, lite_app_id = sqlite_schema(path)

    db = pgtest.fresh_database(uri, 'schema_test')
    applied = True
    for number in sorted(pg_files):
        status, _, err = pgtest.psql(db, files=[pg_files[number]], check=False)
        # One file, one transaction, as the program applies them.
        applied = tap.check(status == 0, '%s aplicado' % os.path.basename(pg_files[number]), err) and applied
    if not applied:
        return tap.done()
    pg, pg_others = pg_schema(db)

    tap.check(set(lite) == set(pg) - PG_ONLY, 'as mesmas tabelas',
              'só no SQLite: %s\nsó no PostgreSQL: %s' % (sorted(set(lite) - set(pg)),
                                                         sorted(set(pg) - PG_ONLY - set(lite))))
    for name in sorted(set(lite) & set(pg)):
        for aspect in ('columns', 'primary key', 'unique', 'foreign keys', 'indexes', 'checks'):
            a, b = lite[name][aspect], pg[name][aspect]
            tap.check(a == b, '%s: %s iguais' % (name, aspect),
                      'SQLite:     %s\nPostgreSQL: %s' % (sorted(a) if isinstance(a, set) else a,
                                                          sorted(b) if isinstance(b, set) else b))
        # A column SQLite numbers itself (the rowid alias) is numbered by PostgreSQL too, and keeps
        # a given id (a restore) instead of refusing it.
        want = [('id', 'd')] if lite[name]['primary key'] == ('id',) else []
        tap.check(pg[name]['identity'] == want, '%s: numeração automática como no SQLite' % name,
                  pg[name]['identity'])
    written = pg_file_checks(pg_files[n] for n in sorted(pg_files))
    for name in sorted(set(lite) & set(pg)):
        a, b = lite[name]['check expressions'], written.get(name, [])
        tap.check(a == b, '%s: as mesmas expressões nos CHECK' % name, 'SQLite:     %s\nPostgreSQL: %s' % (a, b))
    tap.check(lite_others == pg_others == set(), 'nenhuma visão nem gatilho, nos dois',
              'SQLite: %s\nPostgreSQL: %s' % (lite_others, pg_others))

    rows = pg_rows(db, 'SELECT application_id, version FROM coordena_schema')
    tap.check(rows == [[str(lite_app_id), str(lite_version)]],
              'coordena_schema guarda o application_id e a versão do SQLite (%d)' % lite_version, rows)
    status, _, err = pgtest.psql(db, 'INSERT INTO coordena_schema (application_id, version) VALUES (1131376498, 1)',
                                 check=False)
    tap.check(status != 0, 'coordena_schema tem uma linha só', err)

    # A rule of the database holds on the server as in the file: hours beyond a week are refused.
    status, rows, err = pgtest.psql(db, """
        INSERT INTO uf (codigo, sigla, nome) VALUES (35, 'SP', 'São Paulo');
        INSERT INTO municipio (ibge7, ibge6, nome, uf_codigo) VALUES ('3550308', '355030', 'São Paulo', 35);
        INSERT INTO equipe (ine, ibge7) VALUES ('0000000001', '3550308');
        INSERT INTO profissional (cns) VALUES ('700000000000001');
        INSERT INTO equipe_competencia (equipe_id, competencia, tipo)
          SELECT id, 202508, 'eSF' FROM equipe;
        INSERT INTO vinculo SELECT e.id, 202508, p.id, '225142', 200 FROM equipe e, profissional p""", check=False)
    tap.check(status != 0 and 'vinculo_horas_check' in err, 'a regra das horas (0 a 168) vale no servidor', err)
    status, rows, err = pgtest.psql(db, """
        INSERT INTO uf (codigo, sigla, nome) VALUES (35, 'SP', 'São Paulo');
        INSERT INTO municipio (ibge7, ibge6, nome, uf_codigo) VALUES ('3550308', '355030', 'São Paulo', 35);
        INSERT INTO equipe (ine, ibge7) VALUES ('0000000001', '3550308');
        INSERT INTO equipe (id, ine, ibge7) VALUES (7, '0000000007', '3550308');
        INSERT INTO profissional (cns) VALUES ('700000000000001');
        INSERT INTO equipe_competencia (equipe_id, competencia, tipo)
          SELECT id, 202508, 'eSF' FROM equipe WHERE ine = '0000000001';
        INSERT INTO vinculo SELECT e.id, 202508, p.id, '225142', 40 FROM equipe e, profissional p
          WHERE e.ine = '0000000001';
        DELETE FROM equipe WHERE ine = '0000000001';
        SELECT (SELECT count (*) FROM vinculo), (SELECT count (*) FROM equipe_competencia), (SELECT id FROM equipe)""",
                                 check=False)
    tap.check(status == 0 and rows[-1:] == ['0|0|7'],
              'apagar a equipe leva as suas competências e vínculos (ON DELETE CASCADE); um id dado fica', err or rows)
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
