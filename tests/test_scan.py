"""The scanning helpers give exactly what the plain patterns give, only faster."""

from __future__ import annotations

import re

import pytest
import regex

from linter.scan import KeywordFilter, literal_alternation, scan_at, starts_near, word_starts

WORDS = ["said", "says", "say", "saying", "told", "a.m.", "U.S.", "c++", "s"]
TEXTS = [
    "She said, they say, it says; saying sayings sa told tolds.",
    "At 9 a.m. the U.S. envoy told c++ fans: s, ss, says.",
    "",
]


def test_literal_alternation_factors_common_prefixes():
    assert literal_alternation(["said", "says", "say", "told"]) == "(?:sa(?:id|y(?:s)?)|told)"


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("boundary", ["", r"\b"])
def test_literal_alternation_matches_like_a_longest_first_list(text, boundary):
    plain = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    want = [m.span() for m in re.finditer(rf"(?:{plain}){boundary}", text)]
    got = [m.span() for m in re.finditer(rf"(?:{literal_alternation(WORDS)}){boundary}", text)]
    assert got == want


def test_literal_alternation_hand_checked_spans():
    pat = re.compile(r"\b(?:" + literal_alternation(["said", "says", "say", "saying"]) + r")\b")
    assert [m.group() for m in pat.finditer("she said, they say, it says; saying sayings sa")] == \
        ["said", "say", "says", "saying"]


def test_keyword_filter_is_case_blind_and_bounded_by_the_span():
    f = KeywordFilter(["critics", "Sources say"])
    assert f.search("Critics disagree")
    assert f.search("as SOURCES SAY here")
    assert not f.search("water sources")
    assert not f.search("critics", 1)  # "ritics" only


def test_scan_at_gives_finditer_matches_when_every_start_is_a_candidate():
    pat = regex.compile(r"\b(?:\w+\s+){0,2}said\b")
    text = "Officials in the city said it. The mayor said no, and she said so."
    hints = [m.start() for m in re.finditer(r"\bsaid\b", text)]
    starts = starts_near(word_starts(text), hints, 3)
    assert [m.span() for m in scan_at(pat, text, starts)] == [m.span() for m in pat.finditer(text)]
