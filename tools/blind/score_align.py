#!/usr/bin/env python3
"""Score qostil's kk/ru alignment and parity findings on a blind set.

Each `<file>.gold.json` beside its input gives `pairs` (kk/ru snippet and
number, null for a one-sided clause) and `findings` (the planted kk/ru
differences). For every gold file this runs `qostil parse --format json`
and prints:
  - alignment precision and recall over links (kk clause, ru clause), a
    one-sided gold clause being a link to nothing; a gold clause is found
    by its snippet (letters and digits, lower case) near the start of a
    clause of its language, its number breaking ties;
  - planted findings found (a parity finding citing the planted clause
    number in either language);
  - parity findings of severity low or above that cite no planted clause,
    per 100 aligned pairs (false alarms).
With --misses, it also lists each gold link it did not find and each
produced link that contradicts the gold, by clause id and text.
A planted finding's `section` ({kk, ru}: «1-бап», «Статья 1») qualifies a
point number restarted in each article. A gold file with `files: {kk, ru}` scores a policy published as two
files, read together (`qostil parse KK RU`).
Usage: score_align.py [--misses] QOSTIL GOLD.json...
"""
import json
import re
import os
import subprocess
import sys

PARITY = {
    "unpaired_clause", "number_mismatch", "figure_mismatch", "period_mismatch", "date_mismatch",
    "contact_mismatch", "law_reference_mismatch", "name_mismatch",
    "term_mismatch", "list_item_mismatch", "length_mismatch",
    "heading_mismatch", "untranslated_text", "untranslated_clause",
    "numbering_gap", "numbering_duplicate", "numbering_order",
}
LOW = {"low", "medium", "high", "critical"}


def key(s):
    return re.sub(r"[^\w]", "", (s or "").lower().replace("ё", "е")).replace("_", "")


def num(n):
    if n is None:
        return None
    # An article's heading number as printed: «Статья 6», «6-бап».
    m = re.fullmatch(r"(?:Статья|Раздел|Глава)\s+(\d+)\.?|(\d+)-(?:бап|бөлім|тарау)\.?", n.strip())
    if m:
        return m.group(1) or m.group(2)
    return n.strip().rstrip(".").split()[0] if n.strip() else None


def resolve(clauses, lang, snippet, number):
    if snippet is None:
        return None
    k = key(snippet)[:60]
    best = None
    for c in clauses:
        if c["lang"] != lang:
            continue
        t = key(c["text"])
        pos = t.find(k)
        if pos < 0:
            continue
        cost = (0 if pos <= 20 else 1000) + (0 if number and c.get("number") == number else 10) + pos / 1000
        if best is None or cost < best[0]:
            best = (cost, c["id"])
    return best[1] if best else None


def main():
    args = sys.argv[1:]
    misses = "--misses" in args
    args = [a for a in args if a != "--misses"]
    qostil = args[0]
    totals = dict(gold=0, hit=0, produced=0, good=0, planted=0, found=0, alarms=0, aligned=0)
    for gpath in args[1:]:
        gold = json.load(open(gpath))
        doc = gpath.replace(".gold.json", "")
        if "files" in gold:
            # A policy published as two files: the Kazakh, then the Russian.
            here = os.path.dirname(gpath)
            inputs = [os.path.join(here, gold["files"][lang]) for lang in ("kk", "ru")]
            src = " + ".join(os.path.basename(i) for i in inputs)
        else:
            src = next(f"{doc}.{e}" for e in ["txt", "html", "csv", "md", "pdf", "tsv", "docx"]
                       if os.path.exists(f"{doc}.{e}"))
            inputs = [src]
        out = subprocess.run([qostil, "parse", "--format", "json", *inputs], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            print(f"{src}: exit {out.returncode}: {out.stderr.strip()[:200]}")
            continue
        d = json.loads(out.stdout)
        clauses = d["clauses"]
        gold_links, gold_ids, unresolved = set(), set(), 0
        for p in gold["pairs"]:
            k = resolve(clauses, "kk", p.get("kk"), num(p.get("kk_num")))
            r = resolve(clauses, "ru", p.get("ru"), num(p.get("ru_num")))
            if (p.get("kk") and not k) or (p.get("ru") and not r):
                unresolved += 1
                if misses:
                    print(f"    unresolved  kk {p.get('kk_num')} {p.get('kk')!r:.60} -> {k} | "
                          f"ru {p.get('ru_num')} {p.get('ru')!r:.60} -> {r}")
            if misses and (k, r) in gold_links:
                print(f"    merged  {k} | {r}   two gold pairs resolve to one link: kk {p.get('kk_num')} ru {p.get('ru_num')}")
            gold_links.add((k, r))
            gold_ids.update(x for x in (k, r) if x)
        produced = set()
        aligned = 0
        for p in d["pairs"]:
            kk, ru = p["kk"] or [None], p["ru"] or [None]
            if p["kk"] and p["ru"]:
                aligned += 1
            for a in kk:
                for b in ru:
                    produced.add((a, b))
        touching = {l for l in produced if l[0] in gold_ids or l[1] in gold_ids}
        hit = len(gold_links & produced)
        good = len(touching & gold_links)
        # Findings.
        by_id = {c["id"]: c for c in clauses}
        planted = gold.get("findings", [])
        cited = lambda f: {(by_id[c]["lang"], num(by_id[c].get("number"))) for c in f["clauses"] if c in by_id}
        found = 0
        def planted_num(g, lang):
            # A point numbered within its article («3.» of «1-бап»), as the
            # gold's `section` says: qostil numbers it «1.3».
            n = num(g.get(f"{lang}_num"))
            sec = (g.get("section") or {}).get(lang)
            digits = re.search(r"\d+", sec or "")
            return f"{digits.group()}.{n}" if n and digits else n
        for g in planted:
            want = {("kk", planted_num(g, "kk")), ("ru", planted_num(g, "ru"))} - {("kk", None), ("ru", None)}
            if any(f["kind"] in PARITY and cited(f) & want for f in d["findings"]):
                found += 1
        plant_set = set()
        for g in planted:
            plant_set |= {("kk", planted_num(g, "kk")), ("ru", planted_num(g, "ru"))}
        alarms = [f for f in d["findings"] if f["kind"] in PARITY and f["severity"] in LOW
                  and not (cited(f) & plant_set)]
        print(f"{src.split('/')[-1]:28} links {len(gold_links):3} P {good / max(1, len(touching)):.3f} "
              f"R {hit / max(1, len(gold_links)):.3f} unresolved {unresolved:2}  planted {found}/{len(planted)}  "
              f"false alarms {len(alarms)} ({100 * len(alarms) / max(1, aligned):.1f}/100 pairs)")
        if misses:
            text = lambda i: (by_id[i]["text"][:50] if i in by_id else "-")
            for a, b in sorted(gold_links - produced, key=str):
                print(f"    missed  {a} | {b}   {text(a)} | {text(b)}")
            for a, b in sorted(touching - gold_links, key=str):
                print(f"    wrong   {a} | {b}   {text(a)} | {text(b)}")
        for f in alarms[:40]:
            print(f"    {f['severity']:6} {f['kind']:22} {','.join(f['clauses'])[:40]:40} {f['message'][:90]}")
        totals["gold"] += len(gold_links); totals["hit"] += hit
        totals["produced"] += len(touching); totals["good"] += good
        totals["planted"] += len(planted); totals["found"] += found
        totals["alarms"] += len(alarms); totals["aligned"] += aligned
    t = totals
    print(f"TOTAL links P {t['good'] / max(1, t['produced']):.3f} R {t['hit'] / max(1, t['gold']):.3f}; "
          f"planted {t['found']}/{t['planted']}; false alarms {t['alarms']} per {t['aligned']} aligned pairs "
          f"= {100 * t['alarms'] / max(1, t['aligned']):.1f}/100")


if __name__ == "__main__":
    main()
