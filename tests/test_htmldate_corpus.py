"""Publication dates on 151 real web pages (../shared/corpora/htmldate-en-dev), when that folder is present.

Every page is dated, so a page where copydesk finds no date would get a wrong DAT101.
Floors from the first measurement (benchmarks/htmldate_eval.py prints the figures).
"""

import json
import os

import pytest

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "htmldate-en-dev")

pytestmark = pytest.mark.skipif(not os.path.isdir(CORPUS), reason="../shared/corpora/htmldate-en-dev is not available")


def test_real_pages_are_dated_and_dated_right():
    from linter.config import Config
    from linter.files import decode, normalise_newlines
    from linter.runner import Linter
    from tests.rule_tester import registry

    linter, cfg = Linter(registry()), Config()
    with open(os.path.join(CORPUS, "gold.jsonl"), encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    undated, right = [], 0
    for g in gold:
        with open(os.path.join(CORPUS, g["page"]), "rb") as fh:
            text = normalise_newlines(decode(fh.read())[0].lstrip("\ufeff"))
        meta = linter.read_document(text, os.path.basename(g["page"]), cfg).metadata
        if meta.date is None and meta.updated is None:
            undated.append(g["page"])
        right += meta.date is not None and meta.date.value == g["date"]
    assert len(undated) / len(gold) < 0.03, undated
    assert right / len(gold) >= 0.90, f"{right}/{len(gold)} dates equal the gold date"
