#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every command block the user documents mark as an example, the way a user would.

A block is an example when the line before its opening fence is `<!-- exemplo -->` and the fence
is ```sh. The blocks of one document run in order (a later block may use what an earlier one
made), each with `bash -e -o pipefail`, in a fresh folder holding docs/exemplos/, with the built coordena-cli
first on PATH and the user's data folders inside that folder. Any command that fails fails the
test, naming the document, the line and the output.

Usage: doc-examples.py SOURCE_ROOT"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

MARK = '<!-- exemplo -->'


def blocks(path):
    """(line of the first command, text) of each marked block; refuses a mark on anything else."""
    lines = open(path, encoding='utf-8').read().split('\n')
    found = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == MARK:
            if i + 1 >= len(lines) or lines[i + 1].strip() != '```sh':
                sys.exit('%s:%d: a marca de exemplo precisa vir logo antes de um bloco ```sh' % (path, i + 1))
            start = i + 2
            j = start
            while j < len(lines) and lines[j].strip() != '```':
                j += 1
            if j == len(lines):
                sys.exit('%s:%d: bloco de exemplo sem fim' % (path, start))
            found.append((start + 1, '\n'.join(lines[start:j]) + '\n'))
            i = j
        i += 1
    return found


def main():
    root = os.path.abspath(sys.argv[1])
    cli = os.environ['COORDENA_CLI']
    docs = [os.path.join(root, 'README.md')] + sorted(glob.glob(os.path.join(root, 'docs', '*.md')))
    total = 0
    failures = 0
    print('TAP version 13')
    for doc in docs:
        rel = os.path.relpath(doc, root)
        found = blocks(doc)
        if not found:
            continue
        with tempfile.TemporaryDirectory(prefix='coordena-exemplos-') as work:
            shutil.copytree(os.path.join(root, 'docs', 'exemplos'), os.path.join(work, 'docs', 'exemplos'))
            bindir = os.path.join(work, 'bin')
            os.mkdir(bindir)
            os.symlink(cli, os.path.join(bindir, 'coordena-cli'))
            env = dict(os.environ)
            env['PATH'] = bindir + os.pathsep + env.get('PATH', '/usr/bin:/bin')
            env['HOME'] = work
            for var, sub in (('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'), ('XDG_CACHE_HOME', 'cache')):
                env[var] = os.path.join(work, sub)
            for line, text in found:
                total += 1
                run = subprocess.run(['bash', '-e', '-o', 'pipefail', '-c', text], cwd=work, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     timeout=120)
                name = '%s:%d' % (rel, line)
                if run.returncode == 0:
                    print('ok %d - %s' % (total, name))
                else:
                    failures += 1
                    print('not ok %d - %s (saída %d)' % (total, name, run.returncode))
                    for out in run.stdout.decode('utf-8', 'replace').splitlines():
                        print('# ' + out)
    if total == 0:
        total, failures = 1, 1
        print('not ok 1 - nenhum bloco marcado com %s em README.md ou docs/*.md' % MARK)

    # The example CNES base is the test fixture, zipped: the two never drift apart.
    total += 1
    fixture = os.path.join(root, 'tests', 'fixtures', 'cnes', 'base')
    example = os.path.join(root, 'docs', 'exemplos', 'BASE_DE_DADOS_CNES_202508.ZIP')
    with zipfile.ZipFile(example) as z:
        zipped = {os.path.basename(n): z.read(n) for n in z.namelist()}
    on_disk = {n: open(os.path.join(fixture, n), 'rb').read() for n in os.listdir(fixture)}
    if zipped == on_disk:
        print('ok %d - docs/exemplos/BASE_DE_DADOS_CNES_202508.ZIP é tests/fixtures/cnes/base' % total)
    else:
        failures += 1
        print('not ok %d - docs/exemplos/BASE_DE_DADOS_CNES_202508.ZIP difere de tests/fixtures/cnes/base: '
              'compacte a pasta de novo (docs/desenvolvimento.md)' % total)

    # The example offer is the test fixture: what the documents show is what the tests exercise.
    total += 1
    fixture = os.path.join(root, 'tests', 'fixtures', 'offers', 'exemplo-ficticio-2027.offer')
    example = os.path.join(root, 'docs', 'exemplos', 'exemplo-ficticio-2027.offer')
    if open(example, 'rb').read() == open(fixture, 'rb').read():
        print('ok %d - docs/exemplos/exemplo-ficticio-2027.offer é tests/fixtures/offers/exemplo-ficticio-2027.offer'
              % total)
    else:
        failures += 1
        print('not ok %d - docs/exemplos/exemplo-ficticio-2027.offer difere de '
              'tests/fixtures/offers/exemplo-ficticio-2027.offer: copie o arquivo de novo' % total)

    print('1..%d' % total)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
