"""Who says so: attribution clauses, found once per document and shared by rules.

An attribution is a speech or attribution verb with its source: "the National Weather
Service said", "said Ana Ruiz, a spokeswoman", "according to the Labor Department",
"critics say". For each one this module finds the source's words and decides whether
they name someone a reader could check (`names_source`): a capitalised name, a title
and a name, an organisation, an agency or a publication. Rules ask this service rather
than each matching words of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from linter import patterns
from linter.scan import literal_alternation, scan_at, word_starts

if TYPE_CHECKING:
    from linter.document import Document

__all__ = ["Attribution", "find_attributions", "names_source", "speaker_of", "SPEECH_VERBS"]

SPEECH_VERBS = (
    "said says say told tells tell stated states added adds noted notes note explained explains "
    "wrote writes write announced announces argued argues argue asserted asserts claimed claims claim "
    "warned warns warn insisted insists acknowledged acknowledges confirmed confirms estimated "
    "estimates predicted predicts testified testifies reported reports believe believes believed "
    "contend contends contended emphasized emphasizes emphasize stressed stresses cautioned cautions "
    "caution accused accuse accuses suggested suggests suggest concluded concludes recalled recalls "
    "replied replies responded responds countered counters agreed agrees agree disagreed maintained "
    "maintains observed observes pointed remarked remarks declared declares asked asks urged urges"
).split()

PRONOUNS = frozenset("he she they it we i you him her them who".split())

# Words that may be capitalised without naming anyone.
_NOT_NAMES = frozenset(
    """the a an this that these those some many most several few critics sources source officials
    official analysts analyst experts expert observers observer supporters supporter opponents
    residents people insiders others someone somebody everyone he she they it we i you his her
    their its our one two three both all any each according but and or so yet however meanwhile
    while when if as in on at for of to by with from after before despite although though still
    studies study research reports report data scientists researchers doctors lawyers economists
    authorities government police witnesses neighbors neighbours friends family members
    officers investigators prosecutors commentators skeptics detractors opponents proponents pundits
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    yesterday today tonight tomorrow later earlier now then also instead here there what why how where
    mr mrs ms dr""".split()
)

# Research words: "a study" or "studies" name nothing until the study itself is named.
_RESEARCH_ONLY = patterns.compile(
    r"^(?:(?:a|an|one|the|new|recent|several|some|many|numerous|multiple|other|previous|earlier|"
    r"scientific|medical|academic|independent|\d+|\p{N}+)\s+)*"
    r"(?:study|studies|research|survey|surveys|report|reports|poll|polls|data|experts?|analysis|analyses)\b",
    regex.I,
)

# Lower-case words that make a source an organisation even without capitals.
_ORG_WORDS = patterns.compile(
    r"\b(?:department|agency|ministry|office|service|bureau|commission|council|court|university|"
    r"college|institute|hospital|police|sheriff'?s?|board|committee|administration|company|"
    r"corporation|association|union|newspaper|network|station|journal|study|survey|report|census)\b",
    regex.I,
)

_CLAUSE = patterns.compile(
    r"(?P<according>\baccording\s+to\s+(?P<acc_src>[^,.;:!?\"“”()]{1,120}))"
    r"|(?P<inverted>(?<=[,“”\"]\s*)\b(?P<inv_verb>said|says|added|wrote|told|asked|explained)\s+"
    r"(?P<inv_src>[^,.;:!?\"“”()]{1,100}))"
    r"|(?P<subject>(?<![\p{L}\p{N}'’\-.])(?P<subj_src>(?:[\p{L}\p{N}'’\-.]+\s+){0,7}?[\p{L}\p{N}'’\-.]+)\s+"
    r"(?:(?:has|have|had|will|would|also|reportedly|previously|often|have\s+long|had\s+long)\s+)?"
    r"(?P<subj_verb>\b(?:" + literal_alternation(SPEECH_VERBS) + r"))\b)",
)


# Every clause holds one of these words, so a sentence without any is skipped cheaply.
# (The lookahead on first letters lets the scan skip most positions, and the verbs factored
# by prefix try one branch per letter: together twice as fast as the plain alternation.)
_HAS_VERB_HINT = re.compile(r"\b(?=[" + "".join(sorted({v[0] for v in SPEECH_VERBS} | {"a"})) + r"])"
                            r"(?:according\s+to|" + literal_alternation(SPEECH_VERBS) + r")\b")


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution clause: [start, end) in prose offsets covers source and verb.

    kind: "according" (according to X), "subject" (X said), "inverted" (said X).
    source: the source's words, source_start/source_end their prose span; named: whether
    they name a person or organisation a reader could check.
    """

    start: int
    end: int
    kind: str
    verb: str
    source: str
    source_start: int
    source_end: int
    named: bool


_TOKEN = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-.&]*")
_VAGUE_DETERMINER = patterns.compile(r"\b(?:some|many|several|certain|other)\b", regex.I)
_NON_SPACE = patterns.compile(r"\S+")
_TWO_NAMES = patterns.compile(r"\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+")


def names_source(words: str, sentence_initial: bool = False) -> bool:
    """True when `words` name a person, organisation, agency or publication."""
    tokens = _TOKEN.findall(words)
    if not tokens:
        return False
    if _RESEARCH_ONLY.match(words.strip()) and not any(t[0].isupper() and t.lower() not in _NOT_NAMES
                                                       for t in tokens[1:]):
        return False
    for tok in tokens:
        low = tok.lower().strip(".’'")
        if low.endswith("’s") or low.endswith("'s"):
            low = low[:-2]
        if tok[0].isupper() and low not in _NOT_NAMES:
            return True
        if tok[0].isdigit():
            continue
    return bool(_ORG_WORDS.search(words)) and not _VAGUE_DETERMINER.search(words)


def _trim_subject(text: str) -> tuple[str, int]:
    """The noun phrase right before a verb: cut at the last clause word ("that", "and", ...)."""
    words = list(_NON_SPACE.finditer(text))
    keep_from = 0
    for i, m in enumerate(words):
        w = m.group().lower().strip(",;:")
        if w in _CLAUSE_WORDS:
            keep_from = i + 1
        elif m.group().endswith((",", ";", ":")):
            keep_from = i + 1
    if keep_from >= len(words):
        return "", len(text)
    offset = words[keep_from].start()
    return text[offset:], offset


_CLAUSE_WORDS = frozenset(("that", "which", "who", "and", "but", "because", "while", "as", "if", "when", "where", "than"))

# A clause starts at most this many words before its verb: 8 words of source, 2 of "have long".
_MAX_WORDS_BEFORE_VERB = 12

# The source words of a "subject" clause are word characters and spaces only, so no clause
# starts before a character that is neither ("critics, he said": not before the comma).
_BREAK = patterns.compile(r"[^\p{L}\p{N}'’\-.\s]")


def _clause_starts(text: str, hints: list[int]) -> set[int]:
    """Where in `text` a clause can start: at each hint, and at the word starts at most
    `_MAX_WORDS_BEFORE_VERB` words before it with nothing but words and spaces between."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    out = set(hints)
    for h in hints:
        k = bisect.bisect_left(breaks, h)
        lo = breaks[k - 1] + 1 if k else 0
        if lo >= h:
            continue
        starts = word_starts(text, lo, h + 1)
        i = bisect.bisect_right(starts, h) - 1
        out.update(starts[max(0, i - _MAX_WORDS_BEFORE_VERB):i + 1])
    return out


def _clauses(text: str, hints: list[int]):
    """The matches `_CLAUSE.finditer(text)` gives, trying only where a clause can start.

    A clause starts at "according", at an inverted verb, or at a word at most a few words
    before a speech verb with only words and spaces between; every other position is
    skipped (`linter.scan`). On the news corpus the result is identical to the plain scan,
    in a fraction of the time.
    """
    return scan_at(_CLAUSE, text, _clause_starts(text, hints))


def find_attributions(doc: Document) -> list[Attribution]:
    prose = doc.prose
    out: list[Attribution] = []
    # one scan of the document for the words every clause holds, then only the sentences with one
    hints = [m.start() for m in _HAS_VERB_HINT.finditer(prose)]
    if not hints:
        return out
    for sent in doc.sentences:
        first = bisect.bisect_left(hints, sent.start)
        if first == len(hints) or hints[first] >= sent.end:
            continue
        last = bisect.bisect_left(hints, sent.end, first)
        text = prose[sent.start:sent.end]
        local = [h - sent.start for h in hints[first:last] if _HAS_VERB_HINT.match(text, h - sent.start)]
        if not local:
            continue
        for m in _clauses(text, local):
            if m.group("according"):
                src = m.group("acc_src").strip()
                s0 = sent.start + m.start("acc_src")
                out.append(Attribution(sent.start + m.start(), sent.start + m.end(), "according", "according to",
                                       src, s0, s0 + len(src), names_source(src)))
            elif m.group("inverted"):
                src = m.group("inv_src").strip()
                s0 = sent.start + m.start("inv_src")
                out.append(Attribution(sent.start + m.start(), sent.start + m.end(), "inverted", m.group("inv_verb"),
                                       src, s0, s0 + len(src), names_source(src)))
            else:
                raw = m.group("subj_src")
                src, off = _trim_subject(raw)
                src = src.strip(" \"“”")
                s0 = sent.start + m.start("subj_src") + off
                initial = m.start("subj_src") + off == 0
                out.append(Attribution(s0, sent.start + m.end(), "subject", m.group("subj_verb"),
                                       src, s0, s0 + len(src), names_source(src, initial)))
    return out


def speaker_of(doc: Document, q_start: int, q_end: int, block: int) -> tuple[str | None, bool]:
    """The speaker of the quotation [q_start, q_end) and whether they are named.

    Looks for an attribution in the sentences touching the quotation, outside its marks.
    A pronoun speaker counts as named when the same or the previous block names a person
    (a capitalised name outside quotation marks).
    """
    ordered, starts = doc._attributions_by_start  # by bisection: a scan per quotation is quadratic
    candidates = []
    for a in ordered[bisect.bisect_left(starts, q_start - 200):bisect.bisect_left(starts, q_end + 200)]:
        if a.start >= q_end or a.end <= q_start:
            blk = doc.block_of(a.start)
            if blk == block:
                candidates.append(a)
    if not candidates:
        return None, False
    a = min(candidates, key=lambda x: abs(x.start - q_end) if x.start >= q_end else abs(q_start - x.end) + 50)
    if a.named:
        return a.source, True
    first = a.source.split()[0].lower() if a.source.split() else ""
    if first in PRONOUNS:
        lo = doc.blocks[max(0, block - 1)].start
        window = doc.prose[lo:q_start]
        if _TWO_NAMES.search(window):
            return a.source, True
    return a.source, False
