# SPDX-License-Identifier: GPL-3.0-or-later
"""What the tests of the `postgresql` suite share: the throwaway server of tests/pg-cluster.sh,
psql against it, a database of one's own, and TAP output.

`make test` starts one server for every suite and exports COORDENA_TEST_POSTGRESQL; a test run by
hand (meson test --suite postgresql) without it starts a server of its own for the time it runs."""
import os
import subprocess
import sys
import urllib.parse

PGBIN = os.environ.get('PGBIN', '/usr/lib/postgresql/15/bin')
HERE = os.path.dirname(os.path.abspath(__file__))
VAR = 'COORDENA_TEST_POSTGRESQL'


def ensure_server():
    """Re-runs this test under tests/pg-cluster.sh when no server was given."""
    if not os.environ.get(VAR):
        # Under make, the server must come from `make test`: without it the other suites' tests of
        # the PostgreSQL engine would have none, and this one would hide it by starting its own.
        if os.environ.get('MAKELEVEL'):
            print('Bail out! make não deu um servidor PostgreSQL aos testes (%s vazia): a receita '
                  '"test" do Makefile deve rodar as suítes dentro de tests/pg-cluster.sh run' % VAR, flush=True)
            sys.exit(1)
        script = os.path.join(HERE, 'pg-cluster.sh')
        os.execv(script, [script, 'run', sys.executable] + sys.argv)
    return os.environ[VAR]


def with_params(uri, dbname=None, user=None):
    """The server's URI for another database or another role."""
    parts = urllib.parse.urlsplit(uri)
    query = dict(urllib.parse.parse_qsl(parts.query))
    if user is not None:
        query['user'] = user
    path = parts.path if dbname is None else '/' + urllib.parse.quote(dbname, safe='')
    # urlunsplit would drop the empty host of postgresql:///db.
    return '%s://%s%s?%s' % (parts.scheme, parts.netloc, path, urllib.parse.urlencode(query))


def psql(uri, sql=None, files=(), check=True, single=True):
    """Runs SQL and/or files in one psql session, stopping at the first error, as one transaction
    unless single is False; returns (exit status, output lines as 'a|b|c', error text)."""
    args = [os.path.join(PGBIN, 'psql'), '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', uri]
    if single:
        args.append('--single-transaction')
    for f in files:
        args += ['-f', f]
    if sql is not None:
        args += ['-c', sql]
    run = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120,
                         env=dict(os.environ, PGOPTIONS='-c client_min_messages=warning'))
    out = run.stdout.decode('utf-8', 'replace')
    err = run.stderr.decode('utf-8', 'replace')
    if check and run.returncode != 0:
        raise RuntimeError('psql %s: %s' % (' '.join(args[9:]).replace('--single-transaction ', ''), err.strip()))
    return run.returncode, [line for line in out.split('\n') if line != ''], err


def fresh_database(uri, name):
    """A new, empty database NAME on the server (dropped first if an earlier run left it)."""
    admin = with_params(uri, dbname='postgres')
    psql(admin, 'DROP DATABASE IF EXISTS "%s"' % name, single=False)
    psql(admin, 'CREATE DATABASE "%s"' % name, single=False)
    return with_params(uri, dbname=name)


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0
        print('TAP version 13', flush=True)

    def check(self, ok, name, detail=''):
        self.count += 1
        if ok:
            print('ok %d - %s' % (self.count, name), flush=True)
        else:
            self.failed += 1
            print('not ok %d - %s' % (self.count, name), flush=True)
            for line in str(detail).splitlines():
                print('# ' + line, flush=True)
        return ok

    def done(self):
        print('1..%d' % self.count, flush=True)
        return 1 if self.failed or self.count == 0 else 0
