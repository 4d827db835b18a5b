#!/usr/bin/env python3
"""Publication dates on real web pages: copydesk's own extraction against a human gold date.

Reads ../shared/corpora/htmldate-en-dev (151 English pages, each with the date a person
determined; never copied into the repository) and prints two figures:

- the no-date false-positive rate: every page is dated, so a DAT101 "no publication date"
  finding on any of them is wrong;
- date accuracy: how often the date `copydesk inspect` reports equals the gold date.

With --htmldate, the same two figures for the `htmldate` package (if installed), for
comparison, and the time each takes. --misses lists the pages copydesk gets wrong.

    python benchmarks/htmldate_eval.py
    python benchmarks/htmldate_eval.py --htmldate --misses
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "htmldate-en-dev")


def load_gold(corpus: str) -> list[dict]:
    with open(os.path.join(corpus, "gold.jsonl"), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_page(corpus: str, rel: str) -> str:
    from linter.files import decode, normalise_newlines

    with open(os.path.join(corpus, rel), "rb") as fh:
        text, _ = decode(fh.read())
    return normalise_newlines(text[1:] if text.startswith("\ufeff") else text)


def eval_copydesk(corpus: str, gold: list[dict]) -> dict:
    from linter.config import Config
    from linter.plugins import load_registry
    from linter.runner import Linter

    linter = Linter(load_registry(), select=["DAT101"])
    cfg = Config()
    flagged, correct, misses = 0, 0, []
    started = time.perf_counter()
    for g in gold:
        text = read_page(corpus, g["page"])
        path = os.path.basename(g["page"])
        result = linter.lint_text(text, path, cfg=cfg)
        no_date = any(f.code == "DAT101" for f in result.findings)
        flagged += no_date
        doc = linter.read_document(text, path, cfg)
        date = doc.metadata.date
        got = date.value if date is not None else None
        if got == g["date"]:
            correct += 1
        else:
            misses.append((g["page"], g["date"], got, date.source if date else None, no_date))
    return {"flagged": flagged, "correct": correct, "misses": misses, "seconds": time.perf_counter() - started}


def eval_htmldate(corpus: str, gold: list[dict]) -> dict | None:
    try:
        started = time.perf_counter()
        from htmldate import find_date
    except ImportError:
        return None
    import_seconds = time.perf_counter() - started
    found, correct = 0, 0
    started = time.perf_counter()
    for g in gold:
        text = read_page(corpus, g["page"])
        try:
            got = find_date(text, original_date=True, extensive_search=True)
        except Exception:  # htmldate on a page it cannot parse
            got = None
        found += got is not None
        correct += got == g["date"]
    return {"found": found, "correct": correct, "seconds": time.perf_counter() - started,
            "import_seconds": import_seconds}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--htmldate", action="store_true", help="also measure the htmldate package")
    ap.add_argument("--misses", action="store_true", help="list the pages copydesk dates wrongly")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.corpus):
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    gold = load_gold(args.corpus)
    n = len(gold)
    cd = eval_copydesk(args.corpus, gold)
    print(f"pages: {n}")
    print(f"copydesk  no-date findings (false positives): {cd['flagged']}/{n} = {cd['flagged'] / n:.1%}")
    print(f"copydesk  inspect date == gold: {cd['correct']}/{n} = {cd['correct'] / n:.1%}"
          f"  ({cd['seconds']:.1f} s for lint + inspect)")
    if args.htmldate:
        hd = eval_htmldate(args.corpus, gold)
        if hd is None:
            print("htmldate  not installed")
        else:
            print(f"htmldate  no date found: {n - hd['found']}/{n} = {(n - hd['found']) / n:.1%}")
            print(f"htmldate  date == gold: {hd['correct']}/{n} = {hd['correct'] / n:.1%}"
                  f"  ({hd['seconds']:.1f} s; import {hd['import_seconds']:.2f} s)")
    if args.misses:
        for page, want, got, source, no_date in cd["misses"]:
            print(f"  {page}: gold {want} got {got} ({source}){'  DAT101' if no_date else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
