#!/usr/bin/env python3
"""The suspension rules of docs/regras.md read the plain way: the csv module, dictionaries, no
index. The benchmark's yardstick for `coordena-cli evaluate` on the same roster file: it prints
the same table (ine;competencia;regras;ausentes;percentual;clausula;base;perda).

Usage: rules-plain.py ROSTER.csv RULES-DIR > out.csv"""
import csv
import os
import sys
from collections import defaultdict

CATS = ("MED", "ENF", "TEC", "ACS")


def read_keyfile(path):
    groups, group = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                group = groups.setdefault(line[1:-1], {})
            elif "=" in line and group is not None:
                k, v = line.split("=", 1)
                group[k.strip()] = v.strip()
    return groups


def money(text):
    return round(float(text.replace(".", "").replace(",", ".")) * 100)


def load_rulesets(folder):
    sets = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ruleset"):
            continue
        g = read_keyfile(os.path.join(folder, name))
        head = g["Rule Set"]
        rs = {
            "id": head["id"],
            "from": int(head["valid_from"]),
            "to": int(head["valid_to"]) if head.get("valid_to") else 999999,
            "max_hours": int(head.get("max_total_hours", "60")),
            "prov": int(head.get("provimento_repasse", "0")),
            "prov_mode": head.get("provimento_mode", "garantia_minima"),
            "base": {},
            "clauses": [],
        }
        for k, v in g.get("Base", {}).items():
            if k in ("eSF", "eAP30", "eAP20"):
                rs["base"][k] = [money(x) for x in v.split(";") if x]
        for gname, c in g.items():
            if gname.startswith("Clause "):
                rs["clauses"].append({
                    "name": gname[7:],
                    "family": c["family"],
                    "absent": [x for x in c.get("absent_all", "").split("+") if x],
                    "min": int(c.get("min_absent", "0")),
                    "event": c.get("event", ""),
                    "percent": int(c["percent"]),
                    "consecutive": int(c["consecutive"]),
                })
        sets.append(rs)
    return sets


def prev_comp(c):
    y, m = divmod(c, 100)
    return c - 1 if m > 1 else (y - 1) * 100 + 12


def main():
    roster, folder = sys.argv[1], sys.argv[2]
    sets = load_rulesets(folder)
    cbo_cat = {}
    with open(os.path.join(folder, "cbo-categorias.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            cbo_cat[row["cbo"]] = row["categoria"]

    teams = {}                                   # (ine, comp) -> dict
    hours_total = defaultdict(int)               # (cns, comp) -> hours in every team
    strata = {}
    with open(roster, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            comp = int(row["competencia"])
            key = (row["ine"], comp)
            t = teams.get(key)
            if t is None:
                t = teams[key] = {"type": row["tipo_equipe"], "ibge": row["ibge"], "members": [],
                                  "prov": False, "base": None, "sem": False}
            if row.get("provimento") == "S":
                t["prov"] = True
            if row.get("sem_producao") == "S":
                t["sem"] = True
            if row.get("valor_base"):
                t["base"] = money(row["valor_base"])
            if row.get("estrato_ied"):
                strata[row["ibge"]] = int(row["estrato_ied"])
            if row["cns"]:
                h = int(row["carga_horaria"])
                t["members"].append((row["cns"], cbo_cat.get(row["cbo"]), h))
                hours_total[(row["cns"], comp)] += h

    def ruleset_for(c):
        for rs in sets:
            if rs["from"] <= c <= rs["to"]:
                return rs
        return None

    absent = {}
    for (ine, comp), t in teams.items():
        rs = ruleset_for(comp)
        max_h = rs["max_hours"] if rs else 60
        esf = t["type"] == "eSF"
        need = CATS if esf else ("MED", "ENF")
        present = set()
        sums = defaultdict(int)
        for cns, cat, h in t["members"]:
            if cat is None or hours_total[(cns, comp)] > max_h:
                continue
            if esf and h >= 40:
                present.add(cat)
            elif not esf and h >= 10:
                sums[cat] += h
        if not esf:
            floor = 30 if t["type"] == "eAP30" else 20
            present |= {c for c, s in sums.items() if s >= floor}
        absent[(ine, comp)] = {c for c in need if c not in present}

    def holds(clause, ine, comp):
        t = teams.get((ine, comp))
        if t is None:
            return False
        if clause["event"]:
            return t["sem"]
        a = absent[(ine, comp)]
        return all(c in a for c in clause["absent"]) and len(a) >= clause["min"]

    out = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    out.writerow(["ine", "competencia", "regras", "ausentes", "percentual", "clausula", "base", "perda"])
    for (ine, comp) in sorted(teams):
        t = teams[(ine, comp)]
        rs = ruleset_for(comp)
        a = absent[(ine, comp)]
        percent, chosen = 0, None
        family = "eSF" if t["type"] == "eSF" else "eAP"
        if rs is not None and t["type"] in ("eSF", "eAP20", "eAP30"):
            for cl in rs["clauses"]:
                if cl["family"] != family:
                    continue
                c, ok = comp, True
                for _ in range(cl["consecutive"]):
                    if not holds(cl, ine, c):
                        ok = False
                        break
                    c = prev_comp(c)
                if ok and (cl["percent"] > percent or
                           (chosen and cl["percent"] == percent and len(cl["absent"]) > len(chosen["absent"]))):
                    percent, chosen = cl["percent"], cl
            if rs["prov"] > 0 and t["prov"] and esf_med_absent(t, a):
                percent = min(percent, 100 - rs["prov"]) if rs["prov_mode"] == "garantia_minima" \
                    else max(0, percent - rs["prov"])
        base = t["base"]
        if base is None and rs is not None and t["type"] in rs["base"]:
            values = rs["base"][t["type"]]
            base = values[strata.get(t["ibge"], 1) - 1] if len(values) == 4 else values[0]
        loss = "" if base is None else (base * percent + 50) // 100
        out.writerow([ine, comp, rs["id"] if rs else "", "+".join(c for c in CATS if c in a), percent,
                      chosen["name"] if chosen else "", base if base is not None else "", loss])


def esf_med_absent(t, a):
    return t["type"] == "eSF" and "MED" in a


if __name__ == "__main__":
    main()
