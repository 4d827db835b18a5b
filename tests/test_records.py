"""linter.records classes behave as the dataclasses they replace (issue 8: start-up time).

Each check builds the dataclass the class used to be and compares what a caller can see:
construction by position and keyword, defaults, repr, equality, hashing, immutability,
pickling (the parallel runner sends findings between processes) and copying.
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass, field

import pytest

from linter.config import Config
from linter.document import Block, MetaField
from linter.metadata import Metadata
from linter.rule import Finding, Fix, Hit
from linter.runner import FileResult


@dataclass(frozen=True, slots=True)
class OldHit:
    start: int | None
    end: int | None
    message: str
    severity: str | None = None
    replacement: str | None = None
    file_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class OldFinding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: str
    message: str
    fix: object = None
    words: str = field(default="", compare=False)


@dataclass
class OldFileResult:
    path: str
    findings: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    linted: bool = True


def _same_repr(new, old) -> None:
    assert repr(new).split("(", 1)[1] == repr(old).split("(", 1)[1]
    assert repr(new).split("(", 1)[0] == type(new).__qualname__


def test_hit_is_built_shown_compared_and_hashed_as_the_dataclass_was():
    cases = [((3, 9, "Name the source."), {}), ((None, None, "No date."), {"severity": "info"}),
             ((1, 2, "x"), {"replacement": "y", "file_span": (4, 5)})]
    for args, kwargs in cases:
        new, old = Hit(*args, **kwargs), OldHit(*args, **kwargs)
        _same_repr(new, old)
        assert (new.start, new.end, new.message, new.severity, new.replacement, new.file_span) == \
               (old.start, old.end, old.message, old.severity, old.replacement, old.file_span)
        assert new == Hit(*args, **kwargs) and hash(new) == hash(Hit(*args, **kwargs))
    assert Hit(1, 2, "a") != Hit(1, 3, "a")
    assert Hit(1, 2, "a") != OldHit(1, 2, "a")  # another class is never equal, as with dataclasses
    assert Hit.document("m") == Hit(None, None, "m")
    assert Hit.in_file(4, 9, "m").file_span == (4, 9)


def test_finding_ignores_its_words_in_equality_and_hash():
    args = ("a.txt", 3, 1, 3, 8, "SRC101", "anonymous-source", "warning", "Name the source.")
    new_a, new_b = Finding(*args, words="sources"), Finding(*args, words="")
    old_a, old_b = OldFinding(*args, words="sources"), OldFinding(*args, words="")
    assert (new_a == new_b) == (old_a == old_b) is True
    assert hash(new_a) == hash(new_b)
    assert len({new_a, new_b}) == 1
    _same_repr(new_a, old_a)
    assert Finding(*args, fix=Fix("x", 3, 1, 3, 8)) != new_a


def test_frozen_classes_refuse_assignment():
    for obj, name in ((Hit(1, 2, "m"), "start"), (Block(0, 4), "kind"), (MetaField("t", 1, 1, "text"), "line"),
                      (Metadata(), "byline")):
        with pytest.raises(AttributeError):
            setattr(obj, name, 5)
        with pytest.raises(AttributeError):
            delattr(obj, name)
        with pytest.raises(AttributeError):
            obj.not_a_field = 1  # slots: no stray attributes either


def test_mutable_classes_take_fresh_defaults_and_are_unhashable():
    a, b = FileResult("a.txt"), FileResult("a.txt")
    a.findings.append(1)
    assert b.findings == [] and a != b
    assert FileResult("x", linted=False) == FileResult("x", [], [], [], False)
    _same_repr(FileResult("x"), OldFileResult("x"))
    with pytest.raises(TypeError):
        hash(a)
    cfg = Config()
    assert (cfg.path, cfg.root, cfg.select, cfg.ignore, cfg.fail_on, cfg.date_order) == \
           (None, ".", None, [], "warning", "month-first")
    assert cfg.ignore is not Config().ignore


def test_records_pickle_and_copy_by_their_fields():
    finding = Finding("a.txt", 3, 1, 3, 8, "SRC101", "r", "warning", "m", Fix("x", 3, 1, 3, 8), words="w")
    values = [finding, Hit(1, 2, "m", "info"), Block(0, 4, "heading"), Metadata(title=MetaField("T", 1, 1, "text")),
              FileResult("a.txt", [finding], ["p"]), Config(path="c.toml", select=["SRC"])]
    for value in values:
        for clone in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
            assert type(clone) is type(value) and clone == value
            assert clone._values() == value._values()
    assert pickle.loads(pickle.dumps(finding)).words == "w"
