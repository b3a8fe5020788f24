#!/usr/bin/env python3
"""List what score.py counts against a report: each gold deviation the
report misses (MISS), each reported deviation the gold lacks (FP, with its
redline), and each matched changed clause typed otherwise (TYPE). Matching
and the `ambiguous` rows follow score.py.

    python3 tools/gencorpus/misses.py REPORT.json GOLD.json
"""
import json, sys
def base(p): return p.replace("\\","/").rsplit("/",1)[-1]
report=json.load(open(sys.argv[1]));gold=json.load(open(sys.argv[2]))
# Documents and clause numbers are keyed as score.py keys them.
sys.path.insert(0, __import__("os").path.dirname(__file__))
import score
score.FILE_TO_DOC.update({f:k for k,fs in gold.get("document_files",{}).items() for f in fs})
doc_key=score.doc_key
langs = {doc_key(d["source"]): set(d["languages"]) for d in report["documents"]}
later={}
for f in gold["families"]:
    for lang in ("kk","ru"):
        m=sorted(d for d in f["documents"] if lang in langs.get(d,()))
        if len(m)==2: later[(m[0],lang)]=m[1]
swap={"added":"removed","removed":"added","changed":"changed"}
family_of={}
for f in gold["families"]:
    for d in f["documents"]: family_of[d]=tuple(sorted(f["documents"]))
moot=set()
for g in gold.get("ambiguous",[]):
    for d in family_of.get(g["document"],(g["document"],)):
        for k in (g["kind"],swap[g["kind"]]): moot.add((d,g["lang"],k,g["clause"]))
want={}
for g in gold["deviations"]:
    o=later.get((g["document"],g["lang"]))
    if o: g=dict(g,document=o,kind=swap[g["kind"]])
    if (g["document"],g["lang"],g["kind"],g["clause"]) in moot: continue
    c=g["template_clause"] if g["kind"]=="removed" and g.get("template_clause") else g["clause"]
    want[(g["document"],g["lang"],g["kind"],c)]=g
got={}
for d in report["documents"]:
    for v in d.get("deviations",[]):
        c=v.get("clause") or ""
        if v["kind"]=="removed": c=(v.get("template_clause") or {}).get("clause") or ""
        c=score.clause_key(c)
        if (doc_key(d["source"]),v["lang"],v["kind"],c) in moot: continue
        got[(doc_key(d["source"]),v["lang"],v["kind"],c)]=v
for k in sorted(set(want)-set(got)): print("MISS",k,want[k].get("change"),want[k].get("detail"))
for k in sorted(set(got)-set(want)): print("FP",k,got[k].get("change"),got[k].get("undirected"),json.dumps(got[k].get("redline"),ensure_ascii=False)[:400])
for k in sorted(set(got)&set(want)):
  if k[2]=="changed" and got[k].get("change")!=want[k].get("change"): print("TYPE",k,got[k].get("change"),"want",want[k].get("change"),want[k].get("detail"))
