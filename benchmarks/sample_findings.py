#!/usr/bin/env python3
"""Sample findings of one family at random from the news-2016 corpus, for judging by hand.

    python benchmarks/sample_findings.py SRC            # 100 findings, seed 2026
    python benchmarks/sample_findings.py SUP --n 50 --seed 7
    python benchmarks/sample_findings.py SRC --judged benchmarks/judgements/SRC-news2016.tsv

Each sampled finding is printed with its article id, code, message and the sentence it
sits in, the flagged words in [[double brackets]]. With --judged, a TSV of
`index<TAB>verdict(correct|wrong)<TAB>note` written by a person is read back and tallied.
The corpus is read from ../shared/corpora (never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "news-2016", "articles.jsonl")


def all_findings(family: str, corpus: str):
    from linter.plugins import load_registry
    from linter.runner import Linter

    linter = Linter(load_registry(), select=[family])
    out = []
    with open(corpus, encoding="utf-8") as fh:
        for raw in fh:
            art = json.loads(raw)
            text = art["text"] or ""
            res = linter.lint_text(text, f"{art['id']}.txt")
            doc = None
            for f in res.findings:
                if doc is None:
                    doc = linter.read_document(text, f"{art['id']}.txt", linter.resolver.for_path(None))
                out.append((art["id"], f, doc))
    return out


def context(doc, f) -> str:
    lines = doc.text.split("\n")
    line = lines[f.line - 1]
    if f.line == f.end_line:
        a, b = f.column - 1, f.end_column - 1
        marked = line[:a] + "[[" + line[a:b] + "]]" + line[b:]
    else:
        marked = line
    # the sentence around the mark, at most ~400 characters
    a = marked.find("[[")
    lo = max(0, marked.rfind(". ", 0, max(0, a - 1)) + 2 if a > 0 else 0)
    hi = marked.find(". ", a + 2)
    hi = len(marked) if hi == -1 else hi + 1
    snippet = marked[lo:hi]
    return snippet if len(snippet) < 600 else snippet[:600] + "…"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("family")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--judged", help="a TSV of index, verdict, note to tally")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    found = all_findings(args.family.upper(), args.corpus)
    print(f"{len(found)} {args.family.upper()} findings in the corpus")
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    for i, (aid, f, doc) in enumerate(sample, 1):
        print(f"{i:>3} {aid} {f.line}:{f.column} {f.code} {f.message}\n      {context(doc, f)}")
    if args.judged:
        verdicts = {}
        with open(args.judged, encoding="utf-8") as fh:
            for raw in fh:
                if raw.strip() and not raw.startswith("#"):
                    idx, verdict, *_ = raw.rstrip("\n").split("\t")
                    verdicts[int(idx)] = verdict.strip()
        good = sum(1 for v in verdicts.values() if v == "correct")
        print(f"judged {len(verdicts)}: {good} correct, {len(verdicts) - good} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
