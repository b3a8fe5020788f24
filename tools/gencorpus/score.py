#!/usr/bin/env python3
"""Score a qostil audit against a generated corpus's gold.json.

    python3 tools/gencorpus/score.py REPORT.json GOLD.json

Families: precision, recall and F1 over document pairs, per language (a
pair is positive when both documents are in one family of that language;
gold families count in a language for the members that have a version in
it). Deviations (when the report has them): precision and recall per kind
(added, removed, changed), a found deviation matching a gold row by
(document, lang, kind, clause number; a removed row by its `template_clause` when gold gives
one), and the share of matched changed
clauses whose change type is right.

Gold rows listed under `ambiguous` (a tie the writer could not decide,
e.g. two members of a family of three that differ in a clause the third
lacks) are scored as neither right nor wrong: they leave the gold, and a
found deviation of the same kind, language and clause number on any
member of that family is left out of the found set.
"""

import json
import re
import sys
from collections import defaultdict


def base(p):
    return p.replace("\\", "/").rsplit("/", 1)[-1]


# A document published as two files (a Kazakh and a Russian one) is one
# report document whose source is «A + B»; gold may key it by its own name
# and list its files under `document_files`.
FILE_TO_DOC = {}


def doc_key(source):
    parts = [base(x.strip()) for x in source.split(" + ")]
    for x in parts:
        if x in FILE_TO_DOC:
            return FILE_TO_DOC[x]
    return parts[-1]


def clause_key(clause):
    """A reported clause id as gold numbers it: the local part, and «4(2)»
    (item 2) of article 4) as «4.2»."""
    clause = clause.split(":", 1)[-1].split("#")[0]
    m = re.fullmatch(r"(\d+|[IVXLC]+)\((\d+)\)", clause)
    return f"{m.group(1)}.{m.group(2)}" if m else clause


def pairs(groups):
    out = set()
    for g in groups:
        g = sorted(g)
        for i, a in enumerate(g):
            for b in g[i + 1:]:
                out.add((a, b))
    return out


def prf(found, gold):
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    gold = json.load(open(sys.argv[2], encoding="utf-8"))
    for key, files in gold.get("document_files", {}).items():
        for f in files:
            FILE_TO_DOC[f] = key
    langs = {doc_key(d["source"]): set(d["languages"]) for d in report["documents"]}
    result = {}
    for lang in ("kk", "ru"):
        want = pairs([[d for d in f["documents"] if lang in langs.get(d, ())]
                      for f in gold["families"]])
        got = pairs([[doc_key(d) for d in f["documents"]]
                     for f in report["families"] if f["lang"] == lang])
        p, r, f, tp = prf(got, want)
        result[f"families_{lang}"] = dict(gold=len(want), found=len(got), p=p, r=r, f1=f)
        print(f"families {lang}: gold pairs {len(want)}, found {len(got)}, "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if any("deviations" in d for d in report["documents"]):
        # A family of two has no majority: qostil lists the differences
        # once, on the later member by path order, without direction. The
        # earlier member's gold rows move to the later one, added and
        # removed swapped.
        later = {}
        for f in gold["families"]:
            for lang in ("kk", "ru"):
                members = sorted(d for d in f["documents"] if lang in langs.get(d, ()))
                if len(members) == 2:
                    later[(members[0], lang)] = members[1]
        swap = {"added": "removed", "removed": "added", "changed": "changed"}
        rows = []
        for g in gold["deviations"]:
            other = later.get((g["document"], g["lang"]))
            if other:
                g = dict(g, document=other, kind=swap[g["kind"]])
            rows.append(g)
        family_of = {}
        for f in gold["families"]:
            for d in f["documents"]:
                family_of[d] = tuple(sorted(f["documents"]))
        moot = set()
        for g in gold.get("ambiguous", []):
            for d in family_of.get(g["document"], (g["document"],)):
                moot.add((d, g["lang"], g["kind"], g["clause"]))
                moot.add((d, g["lang"], swap[g["kind"]], g["clause"]))
        rows = [g for g in rows
                if (g["document"], g["lang"], g["kind"], g["clause"]) not in moot]
        want = defaultdict(set)
        types = {}
        for g in rows:
            # A removed clause is cited by the template's number, as the
            # report cites it: the member no longer has it, and gold may
            # give the place it would hold in the member («I.3» for
            # template 1.3) beside `template_clause`.
            clause = g["clause"]
            if g["kind"] == "removed" and g.get("template_clause"):
                clause = g["template_clause"]
            key = (g["document"], g["lang"], g["kind"], clause)
            want[g["kind"]].add(key)
            if g["kind"] == "changed":
                types.setdefault(key, set()).add(g["change"])
        got = defaultdict(set)
        found_types = {}
        for d in report["documents"]:
            for v in d.get("deviations", []):
                clause = v.get("clause") or ""
                if v["kind"] == "removed":
                    clause = (v.get("template_clause") or {}).get("clause") or ""
                clause = clause_key(clause)
                key = (doc_key(d["source"]), v["lang"], v["kind"], clause)
                if key in moot:
                    continue
                got[v["kind"]].add(key)
                if v["kind"] == "changed":
                    found_types[key] = v.get("change")
        for kind in ("added", "removed", "changed"):
            p, r, f, tp = prf(got[kind], want[kind])
            result[f"deviations_{kind}"] = dict(gold=len(want[kind]), found=len(got[kind]), p=p, r=r)
            print(f"deviations {kind}: gold {len(want[kind])}, found {len(got[kind])}, "
                  f"P {p:.3f} R {r:.3f}")
        matched = [k for k in types if k in found_types]
        right = sum(1 for k in matched if found_types[k] in types[k])
        print(f"change types right: {right}/{len(matched)}")
    json.dump(result, open(sys.argv[3], "w"), indent=1) if len(sys.argv) > 3 else None


if __name__ == "__main__":
    main()
