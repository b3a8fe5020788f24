#!/usr/bin/env python3
"""Score qostil's meaning findings against a blind set's gold.

    python3 tools/blind/score_meaning.py QOSTIL GOLD.json...

Each GOLD.json sits beside its policy (NAME.txt) and lists the planted
`differences` ({kk, ru, kind, side, ...}: kk and ru are printed clause
numbers) and `traps` (faithful pairs a checker might flag). A difference is
found when a `meaning_*` finding cites its kk or its ru clause (or an item of
it: «6.1(3)» is in «6.1»); it is typed
right when the finding's kind is `meaning_<kind>` (an `omission` or
`addition` is `meaning_omission`). A meaning finding that cites no planted
clause is false; its rate is per 100 aligned pairs of the document.
"""

import json
import subprocess
import sys
from collections import Counter


def main():
    qostil, golds = sys.argv[1], sys.argv[2:]
    tot = Counter()
    by_kind = Counter()
    found_kind = Counter()
    for g in golds:
        gold = json.load(open(g, encoding="utf-8"))
        doc = g.replace(".gold.json", ".txt")
        out = subprocess.run([qostil, "parse", doc, "--format", "json"], capture_output=True, text=True)
        d = json.loads(out.stdout)
        num = {c["id"]: (c["lang"], (c.get("number") or "").rstrip(".")) for c in d["clauses"]}
        aligned = sum(1 for p in d["pairs"] if p["kk"] and p["ru"])
        meaning = [f for f in d["findings"] if f["kind"].startswith("meaning_")]
        lists = [f for f in d["findings"] if f["kind"] == "list_item_mismatch"]
        # An item «6.1(3)» is cited as its clause «6.1» too: the gold names
        # the numbered clause, its items («1) …», «2) …») being part of it.
        cites = lambda f: {x for c in f["clauses"] if c in num
                           for x in (num[c], (num[c][0], num[c][1].split("(")[0]))}
        planted = set()
        found = 0
        typed = 0
        missed = []
        for diff in gold["differences"]:
            want = {("kk", diff["kk"].rstrip(".")), ("ru", diff["ru"].rstrip("."))}
            planted |= want
            kind = "omission" if diff["kind"] in ("omission", "addition") else diff["kind"]
            by_kind[kind] += 1
            hits = [f for f in meaning if cites(f) & want]
            if hits:
                found += 1
                found_kind[kind] += 1
                typed += any(f["kind"] == f"meaning_{kind}" for f in hits)
            elif kind == "omission" and any(cites(f) & want for f in lists):
                # A whole list item left out is reported by the list check
                # (`list_item_mismatch`, the item marked): counted apart,
                # not as a meaning finding.
                tot.update(by_list=1)
                missed.append(f"    missed omission      {diff['kk']:8} (reported as list_item_mismatch)")
            else:
                missed.append(f"    missed {kind:13} {diff['kk']:8} {diff.get('kk_quote', '')[:40]} | {diff.get('ru_quote', '')[:40]}")
        false = [f for f in meaning if not (cites(f) & planted)]
        tot.update(diffs=len(gold["differences"]), found=found, typed=typed, false=len(false), aligned=aligned)
        print(f"{doc.split('/')[-1]:32} found {found}/{len(gold['differences'])} typed {typed} "
              f"false {len(false)} ({100 * len(false) / max(1, aligned):.1f}/100 of {aligned} pairs)")
        for m in missed:
            print(m)
        for f in false:
            print(f"    false {f['kind']:22} {','.join(f['clauses'])[:30]:30} {f['message'][:100]}")
    for k in sorted(by_kind):
        print(f"  {k:12} recall {found_kind[k]}/{by_kind[k]} = {found_kind[k] / by_kind[k]:.2f}")
    print(f"TOTAL recall {tot['found']}/{tot['diffs']} = {tot['found'] / max(1, tot['diffs']):.3f}; "
          f"typed right {tot['typed']}; false {tot['false']} = "
          f"{100 * tot['false'] / max(1, tot['aligned']):.1f} per 100 aligned pairs; "
          f"{tot['by_list']} more omissions reported as list_item_mismatch")


if __name__ == "__main__":
    main()
