#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints, one per line, the ninja outputs the tests of the given suites need, so a build
directory can compile just those (the sanitizer build leaves the application aside)."""
import json
import os
import subprocess
import sys


def introspect(builddir, what):
    out = subprocess.run(['meson', 'introspect', what, builddir],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    if len(sys.argv) < 3:
        sys.exit('usage: suite-targets.py BUILDDIR SUITE…')
    builddir = os.path.abspath(sys.argv[1])
    suites = set(sys.argv[2:])
    targets = {t['id']: t for t in introspect(builddir, '--targets')}
    wanted = set()
    for test in introspect(builddir, '--tests'):
        names = {s.split(':', 1)[-1] for s in test['suite']}
        if names & suites:
            wanted.update(test['depends'])
    for tid in sorted(wanted):
        for f in targets[tid]['filename']:
            print(os.path.relpath(f, builddir))


if __name__ == '__main__':
    main()
