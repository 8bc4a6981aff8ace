#!/usr/bin/python3
"""The real window through AT-SPI, as a screen reader and a keyboard user meet it.

Every control of every page, of the ofício dialog and of Preferências has an accessible name (not
empty, not a toolkit type name); the first run, a search in Equipes, opening a team and the
"Gerar ofício…" dialog are done with the keyboard alone, keys sent through the X server.

Usage: test-a11y.py PATH-TO-coordena. Runs under Xvfb (meson test under xvfb-run); it starts its
own D-Bus session, where the accessibility bus and registry (at-spi2-core) are activated.
Prints TAP.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

if os.environ.get("COORDENA_A11Y_SESSION") != "1":
    os.environ["COORDENA_A11Y_SESSION"] = "1"
    # libatspi warns about the cache GTK does not offer: a note, not a failure.
    os.environ.pop("G_DEBUG", None)
    # The bus daemons it starts write to their standard output: the TAP goes by its own
    # descriptor, the daemons' chatter to standard error.
    os.dup2(1, 3, inheritable=True)
    os.dup2(2, 1)
    os.environ["COORDENA_A11Y_TAP_FD"] = "3"
    os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable] + sys.argv)

TAP = os.fdopen(int(os.environ.get("COORDENA_A11Y_TAP_FD", "1")), "w", buffering=1)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Keycodes of the X server's default map (Xvfb): the keys a person presses.
KEY = {"Tab": 23, "Return": 36, "Escape": 9, "Down": 116, "Up": 111, "space": 65,
       "Control_L": 37, "Alt_L": 64, "Shift_L": 50, "f": 41, "comma": 59, "4": 13, "2": 11}

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX, Atspi.Role.RADIO_BUTTON,
    Atspi.Role.COMBO_BOX, Atspi.Role.TEXT, Atspi.Role.ENTRY, Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER,
    Atspi.Role.LINK, Atspi.Role.MENU_ITEM, Atspi.Role.PASSWORD_TEXT, Atspi.Role.SWITCH
    if hasattr(Atspi.Role, "SWITCH") else Atspi.Role.TOGGLE_BUTTON,
}
# What GTK says when a widget has no name of its own.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Coordena)[A-Z][A-Za-z]*$")

results = []


T0 = time.time()


def tap(ok, name, detail=""):
    results.append(ok)
    print(("ok" if ok else "not ok") + " %d - %s (%.1f s)" % (len(results), name, time.time() - T0), file=TAP)
    for line in detail.splitlines():
        print("# " + line, file=TAP)


def children(acc):
    try:
        n = acc.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            c = acc.get_child_at_index(i)
        except Exception:
            c = None
        if c is not None:
            out.append(c)
    return out


# Rows of a table or list come from one factory: the first few speak for the rest.
ROWS_CHECKED = 4
MANY = {Atspi.Role.TABLE, Atspi.Role.TREE_TABLE, Atspi.Role.LIST, Atspi.Role.LIST_BOX, Atspi.Role.TREE}


def walk(acc, depth=0):
    yield acc, depth
    if depth < 60:
        kids = children(acc)
        if role(acc) in MANY:
            kids = kids[:ROWS_CHECKED + 2]
        for c in kids:
            yield from walk(c, depth + 1)


def role(acc):
    try:
        return acc.get_role()
    except Exception:
        return None


def name(acc):
    try:
        return acc.get_name() or ""
    except Exception:
        return ""


def has_state(acc, state):
    try:
        return acc.get_state_set().contains(state)
    except Exception:
        return False


def pump(seconds):
    """Lets the accessibility events in for a while."""
    end = time.time() + seconds
    context = GLib.MainContext.default()
    while True:
        while context.iteration(False):
            pass
        if time.time() >= end:
            return
        time.sleep(0.02)


def wait_for(what, timeout=20.0, step=0.1):
    end = time.time() + timeout
    while time.time() < end:
        found = what()
        if found:
            return found
        pump(step)
    return None


# The control that has the keyboard focus, as the toolkit announces it (a screen reader follows
# the same events).
last_focus = [None]


def on_focus(event):
    if event.detail1 == 1:
        last_focus[0] = event.source
        if os.environ.get("A11Y_DEBUG"):
            print("# focus:", event.source.get_role_name(), name(event.source), "%.2f" % (time.time() - T0), file=TAP)


def find(root, pred):
    for acc, _ in walk(root):
        if pred(acc):
            return acc
    return None


def focused(root=None):
    pump(0.05)
    return last_focus[0]


def key(name_, modifiers=()):
    for m in modifiers:
        Atspi.generate_keyboard_event(KEY[m], None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(KEY[name_], None, Atspi.KeySynthType.PRESSRELEASE)
    for m in reversed(modifiers):
        Atspi.generate_keyboard_event(KEY[m], None, Atspi.KeySynthType.RELEASE)
    pump(0.15)


def type_text(text):
    for ch in text:
        Atspi.generate_keyboard_event(ord(ch), None, Atspi.KeySynthType.SYM)
        pump(0.03)
    pump(0.3)


def tab_until(root, pred, limit=60, backwards=False):
    """Presses Tab until the focused control satisfies pred; returns it or None."""
    for _ in range(limit):
        f = focused(root)
        if f is not None and pred(f):
            return f
        key("Tab", ("Shift_L",) if backwards else ())
    f = focused(root)
    return f if f is not None and pred(f) else None


def unnamed_controls(root):
    """Controls a screen reader would announce by a type name or not at all."""
    missing = []
    for acc, depth in walk(root):
        r = role(acc)
        if r not in CONTROL_ROLES:
            continue
        n = name(acc).strip()
        if n and not TYPE_NAME.match(n):
            continue
        # A toolkit part inside a named control (the button inside a drop-down or a menu
        # button) is announced through its parent.
        parent = acc.get_parent()
        if parent is not None and role(parent) in CONTROL_ROLES and name(parent).strip() \
                and not TYPE_NAME.match(name(parent).strip()):
            continue
        path = []
        a = acc
        while a is not None and role(a) != Atspi.Role.APPLICATION and len(path) < 6:
            label = name(a)
            path.append("%s '%s'" % (a.get_role_name(), label[:40]))
            a = a.get_parent()
        missing.append(" < ".join(path))
    return missing


def window_named(app, pattern):
    for c in children(app):
        if re.search(pattern, name(c)):
            return c
    return None


def main():
    coordena = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="coordena-a11y-")
    env = dict(os.environ)
    for var in ("GTK_A11Y", "NO_AT_BRIDGE", "COORDENA_A11Y_SESSION"):
        env.pop(var, None)
    # A first run: no database yet, in a home of its own.
    env.update(XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"), GSETTINGS_BACKEND="memory", GDK_BACKEND="x11")
    # The registry first, so the window finds the accessibility bus when it opens.
    Atspi.init()
    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")
    # Keys go where the pointer is when no window manager gives focus.
    Atspi.generate_mouse_event(300, 300, "abs")
    start = time.time()
    proc = subprocess.Popen([coordena], env=env)
    try:
        run(proc, start)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print("1..%d" % len(results), file=TAP)
    print("# %.1f s" % (time.time() - start), file=TAP)
    return 0 if all(results) else 1


def run(proc, start):
    desktop = Atspi.get_desktop(0)

    def the_app():
        for c in children(desktop):
            if name(c) == "coordena":
                return c
        return None

    app = wait_for(the_app, 30)
    tap(app is not None, "the window is on the accessibility bus")
    if app is None:
        return
    # GTK keeps no cache for the bus to read: ask the window each time.
    app.set_cache_mask(Atspi.Cache.NONE)
    main_window = wait_for(lambda: window_named(app, r"^Coordena$"), 20)
    first_run = wait_for(lambda: find(main_window, lambda a: name(a) == "Bem-vindo ao Coordena"), 20)
    tap(first_run is not None, "a first run shows the welcome")

    t = time.time()
    missing = unnamed_controls(main_window)
    tap(not missing, "first run: every control has a name", "\n".join(missing))
    print("# walk %.1f s" % (time.time() - t), file=TAP)

    # ---- The first run, by keyboard: the state by typing its name, then the demonstration.
    states = tab_until(main_window, lambda f: role(f) in (Atspi.Role.TEXT, Atspi.Role.ENTRY) and name(f) == "Estado")
    tap(states is not None, "Tab reaches the state search")
    type_text("cear")
    key("Return")
    chosen = wait_for(lambda: find(main_window, lambda a: role(a) == Atspi.Role.LIST_ITEM and name(a) == "Ceará"
                                   and has_state(a, Atspi.StateType.SELECTED)), 5)
    tap(chosen is not None, "typing “cear” and Enter chooses Ceará")
    demo = tab_until(main_window, lambda f: "demonstração" in name(f))
    tap(demo is not None, "Tab reaches “Explorar com dados de demonstração”")
    key("Return")
    report = wait_for(lambda: window_named(app, r"(?i)demonstra|importa"), 30)
    tap(report is not None, "the demonstration's window opens")
    if report is not None:
        done = wait_for(lambda: find(report, lambda a: role(a) == Atspi.Role.LABEL and name(a) == "Importação concluída"), 60)
        tap(done is not None, "the demonstration data are generated")
        missing = unnamed_controls(report)
        tap(not missing, "the demonstration's report: every control has a name", "\n".join(missing))
        key("Escape")
        gone = wait_for(lambda: window_named(app, r"(?i)demonstra|importa") is None, 10)
        tap(gone is not None, "Escape closes the report")
    teams = wait_for(lambda: find(main_window, lambda a: role(a) == Atspi.Role.LABEL and re.match(r"^\d+ equipes$", name(a))), 30)
    tap(teams is not None, "after the demonstration, the pages", name(teams) if teams else "")
    pump(1.0)

    missing = unnamed_controls(main_window)
    tap(not missing, "Painel, Equipes, Previsão and Adesão: every control has a name", "\n".join(missing))

    # ---- A search in Equipes, and a team opened, by keyboard.
    key("f", ("Control_L",))
    entry = wait_for(lambda: (lambda f: f if f is not None and role(f) in (Atspi.Role.TEXT, Atspi.Role.ENTRY) else None)(focused(main_window)), 5)
    tap(entry is not None, "Ctrl+F focuses the search in Equipes")
    count = find(main_window, lambda a: role(a) == Atspi.Role.LABEL and re.match(r"^\d+ equipes$", name(a)))
    type_text("Fortaleza")
    counted = wait_for(lambda: count if count is not None and re.match(r"^\d+ de \d+ equipes$", name(count)) else None, 10)
    tap(counted is not None, "the search narrows the list (“N de M equipes”)", name(counted) if counted else "")
    row = tab_until(main_window, lambda f: role(f) in (Atspi.Role.TABLE_ROW, Atspi.Role.TABLE_CELL, Atspi.Role.LIST_ITEM, Atspi.Role.ROW_HEADER)
                    and find(f, lambda a: name(a) == "Fortaleza") is not None, limit=30)
    if row is None:
        # The table takes focus as a whole; its first row follows with Down.
        table = tab_until(main_window, lambda f: role(f) in (Atspi.Role.TABLE, Atspi.Role.TREE_TABLE), limit=30)
        if table is not None:
            key("Down")
            row = focused(main_window)
    tap(row is not None, "Tab reaches the teams found")
    key("Return")
    detail = wait_for(lambda: find(main_window, lambda a: role(a) == Atspi.Role.LABEL and re.match(r"^INE \d{10} · CNES", name(a))), 10)
    tap(detail is not None, "Enter opens the team", name(detail) if detail else "")

    # ---- Gerar ofício…, by keyboard.
    key("4", ("Alt_L",))
    generate = tab_until(main_window, lambda f: "Gerar ofício" in name(f), limit=80)
    tap(generate is not None, "Alt+4 and Tab reach “Gerar ofício…”")
    key("Return")
    dialog = wait_for(lambda: window_named(app, r"^Gerar ofício$"), 10)
    tap(dialog is not None, "Enter opens the ofício dialog")
    if dialog is not None:
        pump(0.5)
        missing = unnamed_controls(dialog)
        tap(not missing, "ofício dialog: every control has a name", "\n".join(missing))
        fill = find(dialog, lambda a: role(a) == Atspi.Role.PUSH_BUTTON and "Preencher o perfil" in name(a))
        tap(fill is not None, "the ofício dialog offers “Preencher o perfil…” for the empty profile")
        key("comma", ("Control_L",))
        prefs = wait_for(lambda: window_named(app, r"^Preferências$"), 10)
        tap(prefs is not None, "Ctrl+, in the ofício dialog opens Preferências")
        if prefs is not None:
            pump(0.5)
            missing = unnamed_controls(prefs)
            tap(not missing, "Preferências: every control has a name", "\n".join(missing))
            key("Escape")
            wait_for(lambda: window_named(app, r"^Preferências$") is None, 5)
        key("Escape")
        gone = wait_for(lambda: window_named(app, r"^Gerar ofício$") is None, 5)
        tap(gone is not None, "Escape closes the ofício dialog")
    # The hard limit is the test's timeout; the time taken is reported for the record.
    print("# walked and typed in %.1f s" % (time.time() - start), file=TAP)


if __name__ == "__main__":
    sys.exit(main())
