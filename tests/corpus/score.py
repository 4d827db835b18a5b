#!/usr/bin/env python3
"""Score copydesk against the labelled corpus: precision and recall per family and per rule.

The corpus: `articles/` holds short articles written for copydesk's tests (text,
Markdown, HTML). `labels/FAMILY.tsv` lists every finding of that family a careful
editor expects, one a line::

    path<TAB>line<TAB>CODE or FAMILY<TAB>the flagged words (for the reader of the label)

`path` is relative to `articles/`. An article with no line for a family expects no
finding of it. A label file's first line may set the floors the test asserts::

    # floor precision=0.95 recall=0.80

Findings and labels are matched by (file, line, family), the unit the SPEC's line-based
findings support. Per rule: precision counts that rule's findings on labelled lines;
recall counts labels naming that code.

    python tests/corpus/score.py            # every family with a label file
    python tests/corpus/score.py SRC SUP    # some
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
LABELS = os.path.join(HERE, "labels")


@dataclass
class Labels:
    family: str
    expected: dict = field(default_factory=dict)  # (path, line) -> code or family
    floors: dict = field(default_factory=dict)


def read_labels(family: str) -> Labels:
    lab = Labels(family)
    with open(os.path.join(LABELS, f"{family}.tsv"), encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("# floor"):
                lab.floors = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
                continue
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                raise ValueError(f"labels/{family}.tsv:{n}: want path<TAB>line<TAB>code<TAB>words")
            lab.expected[(parts[0], int(parts[1]))] = parts[2].strip()
    return lab


def families() -> list[str]:
    return sorted(f[:-4] for f in os.listdir(LABELS) if f.endswith(".tsv"))


def lint_corpus(select: list[str]) -> dict:
    """(path, line, family) -> set of codes found."""
    from linter.plugins import load_registry
    from linter.runner import Linter

    linter = Linter(load_registry(), select=select)
    found = defaultdict(set)
    for name in sorted(os.listdir(ARTICLES)):
        full = os.path.join(ARTICLES, name)
        result = linter.lint_file(full)
        for f in result.findings:
            found[(name, f.line, f.code[:3])].add(f.code)
    return found


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_at: list = field(default_factory=list)
    fn_at: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(family: str, found: dict | None = None) -> tuple[Score, dict]:
    """(family score, per-rule scores) at the (file, line, family) unit."""
    lab = read_labels(family)
    if found is None:
        found = lint_corpus([family])
    fam = Score()
    per_rule: dict[str, Score] = defaultdict(Score)
    got = {(p, line): codes for (p, line, f), codes in found.items() if f == family}
    for key, codes in got.items():
        if key in lab.expected:
            fam.tp += 1
        else:
            fam.fp += 1
            fam.fp_at.append((*key, ",".join(sorted(codes))))
        for code in codes:
            if key in lab.expected:
                per_rule[code].tp += 1
            else:
                per_rule[code].fp += 1
    for key, code in lab.expected.items():
        if key not in got:
            fam.fn += 1
            fam.fn_at.append((*key, code))
        if code != family:
            if key not in got or code not in got[key]:
                per_rule[code].fn += 1
            elif key in got and code in got[key]:
                pass
    return fam, dict(per_rule)


def main(argv: list[str]) -> int:
    wanted = [a.upper() for a in argv] or families()
    found = lint_corpus(wanted)
    n_articles = len(os.listdir(ARTICLES))
    print(f"corpus: {n_articles} articles")
    print(f"{'family/rule':<12} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for family in wanted:
        fam, rules = score(family, found)
        print(f"{family:<12} {fam.tp:>4} {fam.fp:>4} {fam.fn:>4} {fam.precision:>10.3f} {fam.recall:>8.3f}")
        for code, s in sorted(rules.items()):
            print(f"  {code:<10} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>10.3f} {s.recall:>8.3f}")
        for p, line, codes in fam.fp_at:
            print(f"    false positive  {p}:{line} {codes}")
        for p, line, code in fam.fn_at:
            print(f"    missed          {p}:{line} {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
