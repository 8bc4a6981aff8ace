#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SQL and the pg_hba.conf lines docs/servidor.md gives the secretariat's IT work as written,
on a PostgreSQL 15 server of this test's own (they create the database "coordena" and server-wide
logins): every ```sql block runs in order with psql — in the database "postgres" for section 1,
as the owner coordena_dono for section 9, as the superuser in "coordena" otherwise — with the
schema applied by the owner where the guide runs `init` (section 3); the ``` block of pg_hba lines
parses without an error but the one a server without TLS gives.

What the test changes in the text: `\\password` (it asks on a terminal) is left out, and the
installed /usr/share/coordena/sql/ is this source tree's data/sql/.

Usage: test-pg-docs.py SOURCE_ROOT"""
import os
import re
import sys
import tempfile

import pgtest

OWN = 'COORDENA_PG_DOCS_SERVER'


def sections(path):
    """[(section number, fence info, text)] of the fenced blocks of a Markdown file."""
    found, section, block, info = [], 0, None, ''
    for line in open(path, encoding='utf-8'):
        stripped = line.strip()
        if block is None:
            m = re.match(r'^## (\d+)\.', line)
            if m:
                section = int(m.group(1))
            elif stripped.startswith('```'):
                block, info = [], stripped[3:]
        elif stripped == '```':
            found.append((section, info, ''.join(block)))
            block = None
        else:
            block.append(line.lstrip() if info == '' else line)
    return found


def main():
    root = os.path.abspath(sys.argv[1])
    # Its own server: the guide makes a database "coordena" and logins the other tests do not expect.
    if not os.environ.get(OWN):
        os.environ.pop(pgtest.VAR, None)
        os.environ[OWN] = '1'
        os.environ.pop('MAKELEVEL', None)
    uri = pgtest.ensure_server()
    tap = pgtest.Tap()
    doc = os.path.join(root, 'docs', 'servidor.md')
    blocks = sections(doc)
    sql_blocks = [(n, text) for n, info, text in blocks if info == 'sql']
    tap.check(len(sql_blocks) >= 4, 'docs/servidor.md tem os blocos SQL do guia', len(sql_blocks))

    admin = pgtest.with_params(uri, dbname='postgres')
    pgtest.psql(admin, 'DROP DATABASE coordena', single=False)
    initialised = False
    for number, text in sql_blocks:
        text = re.sub(r'^\\password .*\n', '', text, flags=re.MULTILINE)
        text = text.replace('/usr/share/coordena/sql/', os.path.join(root, 'data', 'sql') + '/')
        if number > 3 and not initialised:
            owner = pgtest.with_params(uri, dbname='coordena', user='coordena_dono')
            folder = os.path.join(root, 'data', 'sql', 'postgresql')
            names = sorted((n for n in os.listdir(folder) if re.match(r'^\d+_.*\.sql$', n)),
                           key=lambda n: int(n.split('_')[0]))
            for name in names:
                pgtest.psql(owner, files=[os.path.join(folder, name)])
            # What init writes besides the schema and the section reads back.
            pgtest.psql(owner, "INSERT INTO profile (key, value) VALUES ('uf', 'SP')")
            latest = str(int(names[-1].split('_')[0]))
            initialised = True
        if number == 1:
            target = admin
        elif number == 9:
            target = pgtest.with_params(uri, dbname='coordena', user='coordena_dono')
        else:
            target = pgtest.with_params(uri, dbname='coordena')
        with tempfile.NamedTemporaryFile('w', suffix='.sql', encoding='utf-8') as f:
            f.write(text)
            f.flush()
            status, rows, err = pgtest.psql(target, files=[f.name], single=False, check=False)
        tap.check(status == 0 and err == '', 'o bloco SQL da seção %d roda como está escrito, sem aviso' % number,
                  err or rows)
        if number == 9:
            tap.check(rows[:2] == [latest, 'SP'], 'a seção 9 mostra a versão do esquema e o estado', rows)
            tap.check('maria' in rows and 'jose' in rows,
                      'a seção 9 lista quem é da coordenação (maria e, agora, jose)', rows)

    # The pg_hba.conf lines, in this server's file: PostgreSQL reads them back and names any error.
    hba = [text for n, info, text in blocks if info == '' and 'hostssl' in text]
    tap.check(len(hba) == 1, 'docs/servidor.md tem as linhas do pg_hba.conf', len(hba))
    path = pgtest.psql(admin, 'SHOW hba_file')[1][0]
    with open(path, 'a', encoding='utf-8') as f:
        f.write('\n' + ''.join(hba))
    _, rows, _ = pgtest.psql(admin, "SELECT line_number || ': ' || error FROM pg_hba_file_rules "
                                    "WHERE error IS NOT NULL AND error <> 'hostssl record cannot match because SSL is disabled'")
    _, rules, _ = pgtest.psql(admin, "SELECT type || ' ' || array_to_string (user_name, ',') || ' ' || auth_method "
                                     "FROM pg_hba_file_rules WHERE 'coordena' = ANY (database)")
    tap.check(rows == [] and len(rules) == 5 and all(r.startswith('host') for r in rules),
              'as linhas do pg_hba.conf são lidas sem erro', '\n'.join(rows + rules))
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
