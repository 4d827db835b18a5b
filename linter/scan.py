"""Running an expensive pattern only where a match can start.

Patterns that open with optional words ("up to eight words, then a speech verb") are
tried by the regex engine at every character. When a rule knows where its matches can
start — at a keyword, or a few words before one — `scan_at` tries only those places and
gives exactly the matches `pattern.finditer` would: in order, never overlapping.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from linter import patterns

__all__ = ["KeywordFilter", "WORD_CHAR", "WORD_RUN", "literal_alternation", "scan_at", "word_starts", "starts_near"]

WORD_RUN = patterns.compile(r"[\p{L}\p{N}'’\-.]+")  # a run of word characters (word_starts)
WORD_CHAR = patterns.compile(r"[\p{L}\p{N}'’\-.]")


def word_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Start of every run of word characters (letters, digits, ' ’ - .) in text[start:end].

    A run's start is a word start, except at `start` when the word began before it. Matching
    whole runs is a few times cheaper than trying a lookbehind at every character.
    """
    starts = [m.start() for m in WORD_RUN.finditer(text, start, len(text) if end is None else end)]
    if starts and starts[0] == start > 0 and WORD_CHAR.match(text, start - 1):
        del starts[0]
    return starts


def starts_near(starts: list[int], anchors: Iterable[int], before: int) -> set[int]:
    """The word starts at each anchor and up to `before` words ahead of it."""
    out: set[int] = set()
    for a in anchors:
        i = bisect.bisect_right(starts, a) - 1
        out.add(a)
        out.update(starts[max(0, i - before):i + 1])
    return out


def scan_at(pattern, text: str, candidates: Iterable[int], endpos: int | None = None,
            timeout: float | None = None) -> Iterator:
    """The matches `pattern.finditer(text, ..., endpos)` gives, tried only at `candidates`.

    Correct whenever no match can start anywhere but a candidate.
    """
    last_end = -1
    end = len(text) if endpos is None else endpos
    for pos in sorted(candidates):
        if pos < last_end or pos >= end:
            continue
        m = pattern.match(text, pos, end, timeout=timeout) if timeout else pattern.match(text, pos, end)
        if m is not None:
            yield m
            last_end = max(m.end(), pos + 1)


def literal_alternation(words: Iterable[str]) -> str:
    """A pattern matching exactly the given literal words, factored by common prefixes:
    "said|says|say" becomes "sa(?:id|y(?:s)?)".

    Neither `re` nor `regex` factors an alternation itself, so a scan tries every word at
    every position; the factored form tries one branch per letter, about twice as fast on
    a list of speech verbs. Branches differ in their first letter, and an optional tail is
    greedy, so it matches what the same words joined by `|` longest first match.
    """
    words = sorted(set(words))
    if any("\x00" in w for w in words):
        return _alternation(words)
    return patterns.derived_text("literal_alternation\x00" + "\x00".join(words), lambda: _alternation(words))


def _alternation(words: list[str]) -> str:
    import re

    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class KeywordFilter:
    """Does a span of text hold any of these words (case-insensitive substrings)?

    A cheap pre-filter for expensive patterns. Lower-casing the span and searching a
    case-sensitive alternation is several times faster than an IGNORECASE search.
    The alternation is compiled on the first search: a filter a run never asks costs
    nothing at start-up.
    """

    __slots__ = ("_alternation", "_pattern")

    def __init__(self, words: Iterable[str]):
        self._alternation = literal_alternation({w.lower() for w in words if w})
        self._pattern = None

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        if self._pattern is None:
            self._pattern = patterns.compile_re(self._alternation)
        return self._pattern.search(text[start:end].lower()) is not None
