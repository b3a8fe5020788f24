#!/usr/bin/env python3
"""Score extracted text against the source columns (used by pdf_bench.sh).

    pdf_score.py KIND OUTPUT SOURCE_PREFIX

KIND is `blocks` (pdf_extract --blocks: "page<TAB>column<TAB>text", column 0
is kk, 1 is ru, 15 full width) or `plain` (any text: pdftotext, pdftotext
-layout, or our laid-out text). For `plain`, every line is cut at runs of two
or more spaces (how -layout separates columns), header/footer/page-number
pieces are removed, and each piece goes to the kk or ru stream whose source
shares more of its character trigrams; the streams keep output order.

Prints: kk accuracy, ru accuracy (1 - Levenshtein / source length, whitespace
normalised) and the share of pieces (lines) whose text occurs verbatim in the
source of the stream they went to.
"""

import re
import sys

from rapidfuzz.distance import Levenshtein

HEADER = "ТОО «МФО «ФинТехЛаб» · «ФинТехЛаб» МҚҰ» ЖШС"


def norm(s):
    return " ".join(s.split())


def trigrams(s):
    return {s[i:i + 3] for i in range(len(s) - 2)}


def noise(piece):
    p = norm(piece)
    return (not p or p == norm(HEADER) or re.fullmatch(r"[—\-\s]*\d+[—\-\s]*", p) is not None
            or re.fullmatch(r"Бет \d+ / Страница \d+", p) is not None)


def main():
    kind, output, prefix = sys.argv[1:4]
    src = {lang: norm(open(f"{prefix}.{lang}.txt", encoding="utf-8").read()) for lang in ("kk", "ru")}
    tri = {lang: trigrams(s) for lang, s in src.items()}
    shared = ""
    try:
        shared = norm(open(f"{prefix}.shared.txt", encoding="utf-8").read())
    except OSError:
        pass
    streams = {"kk": [], "ru": []}
    lines_ok = lines_total = 0
    text = open(output, encoding="utf-8").read()
    for line in text.split("\n"):
        if kind == "blocks":
            parts = line.split("\t", 2)
            if len(parts) < 3 or parts[1] not in ("0", "1"):
                continue
            lang = "kk" if parts[1] == "0" else "ru"
            pieces = [(lang, parts[2])]
        else:
            pieces = []
            for piece in re.split(r"\s{2,}", line.replace("\f", " ")):
                if noise(piece) or (shared and norm(piece) in shared):
                    continue
                t = trigrams(norm(piece))
                lang = "kk" if len(t & tri["kk"]) >= len(t & tri["ru"]) else "ru"
                pieces.append((lang, piece))
        for lang, piece in pieces:
            streams[lang].append(norm(piece))
            lines_total += 1
            lines_ok += norm(piece) in src[lang]
    accs = []
    for lang in ("kk", "ru"):
        got = norm(" ".join(streams[lang]))
        accs.append(1 - Levenshtein.distance(got, src[lang]) / max(1, len(src[lang])))
    print(f"{accs[0]:.4f}\t{accs[1]:.4f}\t{lines_ok / max(1, lines_total):.4f}")


if __name__ == "__main__":
    main()
