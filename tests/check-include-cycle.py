#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window sits on top of src/app: it includes the pages and dialogs, and none of them may
include it back, directly or through others. A module is a .c with its .h (and its -private.h);
a module includes another when any of its files has `#include "coordena-….h"` of the other.
Fails, printing each cycle through coordena-window with the file and line of every step, when
the window can reach a module that reaches the window again."""

import collections
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"(coordena-[A-Za-z0-9_-]+\.h)"')
WINDOW = "coordena-window"
# The application makes the window: it alone may include it, so whoever includes the application
# below the window closes the cycle.
APPLICATION = "coordena-application"


def module_of(name):
    base = os.path.splitext(os.path.basename(name))[0]
    return base[: -len("-private")] if base.endswith("-private") else base


def read_edges(app_dir):
    """module -> {included module: (file, line number, header)}"""
    edges = collections.defaultdict(dict)
    present = {f for f in os.listdir(app_dir) if f.endswith((".c", ".h"))}
    for name in sorted(present):
        with open(os.path.join(app_dir, name), encoding="utf-8") as f:
            for number, text in enumerate(f, 1):
                match = INCLUDE.match(text)
                if match is None or match.group(1) not in present:
                    continue
                source, target = module_of(name), module_of(match.group(1))
                if source != target:
                    edges[source].setdefault(target, (name, number, match.group(1)))
    return edges


def shortest_path(edges, start, goal):
    """The modules from start to goal (both included), or None."""
    previous = {start: None}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = previous[node]
            return path[::-1]
        for nxt in sorted(edges.get(node, {})):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None


def main():
    app_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "app")
    edges = read_edges(app_dir)
    if WINDOW not in edges:
        print(f"{app_dir}: no {WINDOW}.c or .h found", file=sys.stderr)
        return 2
    upward = sorted(m for m, targets in edges.items() if WINDOW in targets)
    cycles = []
    for module in upward:
        path = shortest_path(edges, WINDOW, module)
        if path is not None:
            cycles.append(path + [WINDOW])
    if not cycles:
        print(f"no include cycle through {WINDOW} ({len(edges)} modules)")
        return 0
    print(f"{len(cycles)} include cycle(s) through {WINDOW}; the window may include the pages and dialogs, "
          f"none of them may include it back:")
    for cycle in cycles:
        print("  " + " -> ".join(cycle))
        for source, target in zip(cycle, cycle[1:]):
            name, number, header = edges[source][target]
            print(f"      {name}:{number} includes {header}")
    print("includes to remove:")
    for place in sorted({edges[c[-3]][c[-2]] if c[-2] == APPLICATION else edges[c[-2]][c[-1]] for c in cycles}):
        print(f"  {place[0]}:{place[1]} ({place[2]})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
