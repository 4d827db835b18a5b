"""The labelled corpus: each family's precision and recall stay at or above its floors.

The floors sit in the first line of `tests/corpus/labels/FAMILY.tsv`, set from the first
honest measurement; `python tests/corpus/score.py` prints the figures and every miss.
"""

import importlib.util
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus_score", os.path.join(HERE, "corpus", "score.py"))
score_mod = importlib.util.module_from_spec(spec)
sys.modules["corpus_score"] = score_mod
spec.loader.exec_module(score_mod)


@pytest.mark.parametrize("family", score_mod.families())
def test_family_meets_its_floors(family):
    labels = score_mod.read_labels(family)
    assert labels.floors, f"labels/{family}.tsv has no '# floor precision=... recall=...' line"
    fam, _ = score_mod.score(family)
    assert fam.tp > 0, f"{family}: no labelled finding was found at all"
    assert fam.precision >= labels.floors["precision"], f"{family} false positives: {fam.fp_at}"
    assert fam.recall >= labels.floors["recall"], f"{family} missed: {fam.fn_at}"


def test_every_label_points_at_an_existing_article_line():
    for family in score_mod.families():
        for (path, line) in score_mod.read_labels(family).expected:
            full = os.path.join(score_mod.ARTICLES, path)
            assert os.path.isfile(full), f"labels/{family}.tsv names a missing article {path}"
            with open(full, encoding="utf-8") as fh:
                n = fh.read().count("\n") + 1
            assert 1 <= line <= n, f"labels/{family}.tsv: {path}:{line} is past the end ({n} lines)"
