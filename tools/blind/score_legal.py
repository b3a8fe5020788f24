#!/usr/bin/env python3
"""Score `qostil rights` against hand-written legal gold.

Usage: score_legal.py [-v] DIR...   (each DIR holds NAME.txt, .md, .html, .docx or .csv, or the two halves
       NAME_kk.* and NAME_ru.*, beside NAME.gold.json)

A decision is (document, item, language): present or not. Prints precision
and recall for rights and for disclosures per folder and over all folders;
-v lists every false and missed decision. Mirrors tests/legal_unseen.rs.
Runs ./target/release/qostil (or $QOSTIL), with `--rules $QOSTIL_RULES` when set.
"""
import json
import os, subprocess, sys
from pathlib import Path

QOSTIL = os.environ.get("QOSTIL", "./target/release/qostil")

def status(s):
    return {"both": (True, True), "kk": (True, False), "kk_only": (True, False),
            "ru": (False, True), "ru_only": (False, True)}.get(s, (False, False))

def score(dirs, verbose):
    total = {}
    for d in dirs:
        per = {}
        for g in sorted(Path(d).glob("*.gold.json")):
            stem = str(g)[: -len(".gold.json")]
            # The policy beside its gold: NAME.txt, or NAME.md / NAME.html.
            docs = [p for p in sorted(Path(d).glob(Path(stem).name + ".*"))
                    if not p.name.endswith(".gold.json")]
            # Or a policy published as two files: NAME_kk.* and NAME_ru.*.
            halves = [next(iter(sorted(Path(d).glob(Path(stem).name + f"_{l}.*"))), None)
                      for l in ("kk", "ru")]
            if docs:
                doc = [str(docs[0])]
            elif all(halves):
                doc = [str(h) for h in halves]
            else:
                doc = [stem + ".txt"]
            gold = json.loads(g.read_text())
            extra = ["--rules", os.environ["QOSTIL_RULES"]] if os.environ.get("QOSTIL_RULES") else []
            out = subprocess.run([QOSTIL, "rights", *doc, "--format", "json", *extra],
                                 capture_output=True, text=True)
            got_all = json.loads(out.stdout)["legal"]
            for section in ("rights", "disclosures"):
                got = {x["id"]: x["status"] for x in got_all[section]}
                for item, want in gold[section].items():
                    for lang, g_has, f in zip(("kk", "ru"), status(want), status(got.get(item, "absent"))):
                        for acc in (per, total):
                            s = acc.setdefault(section, [0, 0, 0])
                            s[0] += g_has and f
                            s[1] += f and not g_has
                            s[2] += g_has and not f
                        if verbose and g_has != f:
                            print(f"  {'false' if f else 'missed'}: {Path(doc[0]).name} {item} {lang}")
        report(d, per)
    if len(dirs) > 1:
        report("all", total)

def report(name, acc):
    for section, (tp, fp, fn) in sorted(acc.items()):
        p = tp / max(tp + fp, 1); r = tp / max(tp + fn, 1)
        print(f"{name} {section}: P {p:.3f} R {r:.3f} (tp {tp} fp {fp} fn {fn})")

if __name__ == "__main__":
    args = sys.argv[1:]
    v = "-v" in args
    score([a for a in args if a != "-v"], v)
