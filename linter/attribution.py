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
from typing import TYPE_CHECKING

from linter import patterns
from linter.records import Frozen, set_frozen
from linter.scan import literal_alternation

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
    patterns.I,
)

# Lower-case words that make a source an organisation even without capitals.
_ORG_WORDS = patterns.compile(
    r"\b(?:department|agency|ministry|office|service|bureau|commission|council|court|university|"
    r"college|institute|hospital|police|sheriff'?s?|board|committee|administration|company|"
    r"corporation|association|union|newspaper|network|station|journal|study|survey|report|census)\b",
    patterns.I,
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
# The verbs are factored by prefix (one branch per letter), and the scan looks for the
# non-word character before a word rather than testing a word boundary at every position:
# the engine then skips to such characters (spaces, mostly) in its own loop. The text is
# scanned with a space before it, so a word at its very start is found by the same scan.
# One stdlib `re` pattern (scans this twice as fast as `regex`), compiled at import: ~1-2 ms.
_VERB_AFTER_NON_WORD = patterns.compile_re(r"\W(?:according\s+to|" + literal_alternation(SPEECH_VERBS) + r")\b")


def _verb_hints(prose: str) -> list[tuple[int, int]]:
    """(start, end) of every speech verb or "according to" that starts a word, in order:
    the spans `\\b(?:according\\s+to|said|...)\\b` finds."""
    # in " " + prose, a match starts at the character before its word: prose offset m.start()
    return [(m.start(), m.end() - 1) for m in _VERB_AFTER_NON_WORD.finditer(" " + prose)]


def _verb_hint_at(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the verb hint at `pos` of `text`, a position where a word starts."""
    m = _VERB_AFTER_NON_WORD.match(" " + text, pos)  # " " + text: the character before pos is at pos
    return None if m is None else (pos, m.end() - 1)


class Attribution(Frozen):
    """An attribution clause: [start, end) in prose offsets covers source and verb.

    kind: "according" (according to X), "subject" (X said), "inverted" (said X).
    source: the source's words, source_start/source_end their prose span; named: whether
    they name a person or organisation a reader could check.
    """

    __slots__ = ("start", "end", "kind", "verb", "source", "source_start", "source_end", "named")
    start: int
    end: int
    kind: str
    verb: str
    source: str
    source_start: int
    source_end: int
    named: bool

    def __init__(self, start: int, end: int, kind: str, verb: str, source: str, source_start: int, source_end: int,
                 named: bool):
        set_frozen(self, "start", start)
        set_frozen(self, "end", end)
        set_frozen(self, "kind", kind)
        set_frozen(self, "verb", verb)
        set_frozen(self, "source", source)
        set_frozen(self, "source_start", source_start)
        set_frozen(self, "source_end", source_end)
        set_frozen(self, "named", named)


_TOKEN = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-.&]*")
_VAGUE_DETERMINER = patterns.compile(r"\b(?:some|many|several|certain|other)\b", patterns.I)
_NON_SPACE = patterns.compile(r"\S+")
_TWO_NAMES = patterns.compile(r"\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+")


# names_source answers by source string, remembered: about half the sources of a news
# corpus ("he", "Trump", "officials") were seen before. Emptied when full.
_NAMED: dict[str, bool] = {}
_NAMED_MAX = 8192


def names_source(words: str, sentence_initial: bool = False) -> bool:
    """True when `words` name a person, organisation, agency or publication."""
    named = _NAMED.get(words)
    if named is None:
        if len(_NAMED) >= _NAMED_MAX:
            _NAMED.clear()
        named = _NAMED[words] = _names_source(words)
    return named


# Most sources are ASCII, where the patterns above reduce to small stdlib patterns (a
# fifth of the regex module's time on these short strings, ~0.1 ms to compile): a token
# (`_TOKEN`) is a run of letters, digits and '-.& that starts with a letter or digit, and a
# word the organisation and vague-group patterns find between word boundaries is a whole
# run of letters, digits and underscores. The regex module keeps the rest ("José", "ſ").
_ASCII_TOKEN = patterns.compile_re(r"[A-Za-z0-9][A-Za-z0-9'.&-]*")
_ASCII_LOWER_WORD = patterns.compile_re(r"[a-z0-9_]+")
_ORG_WORD_SET = frozenset(
    "department agency ministry office service bureau commission council court university college institute "
    "hospital police sheriff sheriffs board committee administration company corporation association union "
    "newspaper network station journal study survey report census".split()
)
_VAGUE_WORD_SET = frozenset(("some", "many", "several", "certain", "other"))


def _names_source(words: str) -> bool:
    ascii_ = words.isascii()
    if ascii_:
        tokens = _ASCII_TOKEN.findall(words)
    else:
        tokens = _TOKEN.findall(words)
    if not tokens:
        return False
    named = False
    for tok in tokens:
        low = tok.lower().strip(".’'")
        if low.endswith("’s") or low.endswith("'s"):
            low = low[:-2]
        if tok[0].isupper() and low not in _NOT_NAMES:
            named = True
            break
    if not named:
        if ascii_:
            runs = set(_ASCII_LOWER_WORD.findall(words.lower()))
            named = not _ORG_WORD_SET.isdisjoint(runs) and _VAGUE_WORD_SET.isdisjoint(runs)
        else:
            named = bool(_ORG_WORDS.search(words)) and not _VAGUE_DETERMINER.search(words)
    # research words ("a study", "recent surveys") name no one unless a capital follows them
    return named and (any(t[0].isupper() and t.lower() not in _NOT_NAMES for t in tokens[1:])
                      or not _RESEARCH_ONLY.match(words.strip()))


def _trim_subject(text: str) -> tuple[str, int]:
    """The noun phrase right before a verb: cut after the last clause word ("that", "and", ...).

    `text` is a subject as `_CLAUSE` matches it: words separated by spaces, no punctuation.
    """
    words = text.split()
    i = len(words) - 1
    while i >= 0 and words[i].lower() not in _CLAUSE_WORDS:
        i -= 1
    if i < 0:
        return text, 0
    if i == len(words) - 1:
        return "", len(text)
    rest = text.split(None, i + 1)[-1]
    return rest, len(text) - len(rest)


_CLAUSE_WORDS = frozenset(("that", "which", "who", "and", "but", "because", "while", "as", "if", "when", "where", "than"))

# The source of a "subject" clause is 1 to 8 words, and up to 2 more ("has", "have long")
# may stand between it and the verb; the last of those is one of these words.
_MAX_SOURCE_WORDS = 8
_MAX_WORDS_BEFORE_VERB = 10
_SINGLE_AUXILIARIES = frozenset(("has", "have", "had", "will", "would", "also", "reportedly", "previously", "often"))
_AUXILIARY_ENDS = _SINGLE_AUXILIARIES | {"long"}  # "have long", "had long"

# Only these verbs start an "according" or "inverted" clause at the verb itself.
_CLAUSE_AT_VERB = frozenset(("said", "says", "added", "wrote", "told", "asked", "explained"))

# The words right before a position, nearest first, with only spaces between them and
# it: where a "subject" clause ending in a verb there can start. (Matched backwards from
# the verb, so it reads no further back than it needs.)
_WORDS_BEFORE = patterns.compile(r"(?:([\p{L}\p{N}'’\-.]+)\s+){0," + str(_MAX_WORDS_BEFORE_VERB) + "}", patterns.REVERSE)


def _words_before(text: str, hint: int) -> list[int]:
    """Starts of the words where a "subject" clause through the verb at `hint` can start,
    nearest first: the 8 words before the verb, or 10 when the word before it can end an
    auxiliary ("has", "have long"), with only spaces between them and the verb."""
    starts = _WORDS_BEFORE.match(text, 0, hint).starts(1)
    if len(starts) > _MAX_SOURCE_WORDS and text[starts[0]:hint].rstrip() not in _AUXILIARY_ENDS:
        del starts[_MAX_SOURCE_WORDS:]
    return starts


def _subject_clause(text: str, starts: list[int], d: int, hint: int) -> int | None:
    """Where the source of the "subject" clause from word `d` before the verb at `hint`
    ends (`starts` as `_words_before` gives them), when no other verb lies between: what
    `_CLAUSE` matches there, without the regex engine's slow word-by-word search. None when
    the clause cannot reach the verb (more than 8 source words).

    `_CLAUSE` takes the fewest source words: "have long" or "had long" before the verb are
    left out first, then a single auxiliary ("has"), then none.
    """
    def word(i: int) -> str:
        return text[starts[i - 1]:starts[i - 2] if i > 1 else hint].rstrip()

    last = word(1)
    if d >= 3 and last == "long" and word(2) in ("have", "had"):
        n_aux = 2
    elif d >= 2 and last in _SINGLE_AUXILIARIES:
        n_aux = 1
    else:
        n_aux = 0
    if d - n_aux > _MAX_SOURCE_WORDS:
        return None
    i = n_aux + 1  # the source's last word
    return starts[i - 1] + len(word(i))


def _clause_parts(text: str, hints: list[tuple[int, int]]):
    """(kind, start, end, verb, source_start, source_end) of each clause `_CLAUSE.finditer(text)`
    gives, trying only where a clause can start.

    Every clause holds a verb hint, and starts at it or a few words before it with only words
    and spaces between: at the hint itself for "according to" and the inverted verbs ("said
    Ana Ruiz"), or at one of `_words_before` it. Every other position is skipped, as in
    `linter.scan.scan_at`.

    A "subject" clause that starts at a word before the first verb after it, and is not
    itself a verb, is worked out from the words (`_subject_clause`) instead of by the regex:
    most clauses, at a third of the cost. A verb followed by a non-ASCII character goes to
    the regex, whose word boundary there may differ from the verb scan's.
    """
    hint_starts = [h for h, _ in hints]
    hint_set = set(hint_starts)
    candidates: dict[int, tuple | None] = {}
    for hint, hint_end in hints:
        if text.startswith("according", hint):
            candidates.setdefault(hint, None)
            continue
        starts = _words_before(text, hint)
        for d, pos in enumerate(starts, 1):
            candidates.setdefault(pos, (d, starts, hint, hint_end))
        if text[hint:hint_end] in _CLAUSE_AT_VERB:
            candidates.setdefault(hint, None)
    last_end = -1
    end = len(text)
    for pos in sorted(candidates):
        if pos < last_end:
            continue
        info = candidates[pos]
        if info is not None and pos not in hint_set:
            d, starts, hint, hint_end = info
            after = text[hint_end:hint_end + 1]
            if hint_starts[bisect.bisect_right(hint_starts, pos)] == hint and (after.isascii() or after.isspace()):
                source_end = _subject_clause(text, starts, d, hint)
                if source_end is not None:
                    yield "subject", pos, hint_end, text[hint:hint_end], pos, source_end
                    last_end = hint_end
                continue
        m = _CLAUSE.match(text, pos, end)
        if m is None:
            continue
        kind = m.lastgroup  # the branch that matched: its group closes last
        if kind == "subject":
            yield (kind, m.start(), m.end(), m.group("subj_verb")) + m.span("subj_src")
        elif kind == "according":
            yield (kind, m.start(), m.end(), "according to") + m.span("acc_src")
        else:
            yield (kind, m.start(), m.end(), m.group("inv_verb")) + m.span("inv_src")
        last_end = max(m.end(), pos + 1)


def _hints_by_sentence(doc: Document, hints: list[tuple[int, int]]):
    """Each sentence holding verb hints, with those hints in the sentence's own offsets.

    A hint running past its sentence's end is kept only if it is still one inside it.
    """
    sentences = doc.sentences
    starts = doc._sentence_starts
    prose = doc.prose
    current, text = None, ""
    local: list[tuple[int, int]] = []
    for h, e in hints:
        i = bisect.bisect_right(starts, h) - 1
        if i < 0:
            continue
        sent = sentences[i]
        if h >= sent.end:
            continue
        if sent is not current:
            if local:
                yield current, text, local
            current, text, local = sent, prose[sent.start:sent.end], []
        s0 = sent.start
        if e <= sent.end:
            local.append((h - s0, e - s0))
        else:
            span = _verb_hint_at(text, h - s0)
            if span is not None:
                local.append(span)
    if local:
        yield current, text, local


def find_attributions(doc: Document) -> list[Attribution]:
    out: list[Attribution] = []
    # one scan of the document for the words every clause holds, then only the sentences with one
    hints = _verb_hints(doc.prose)
    if not hints:
        return out
    for sent, text, local in _hints_by_sentence(doc, hints):
        base = sent.start
        for kind, start, end, verb, src_start, src_end in _clause_parts(text, local):
            if kind == "subject":
                src, off = _trim_subject(text[src_start:src_end])
                src = src.strip(" \"“”")
                s0 = base + src_start + off
                out.append(Attribution(s0, base + end, kind, verb, src, s0, s0 + len(src),
                                       names_source(src, src_start + off == 0)))
            else:
                src = text[src_start:src_end].strip()
                s0 = base + src_start
                out.append(Attribution(base + start, base + end, kind, verb, src, s0, s0 + len(src),
                                       names_source(src)))
    return out


def speaker_of(doc: Document, q_start: int, q_end: int, block: int) -> tuple[str | None, bool]:
    """The speaker of the quotation [q_start, q_end) and whether they are named.

    Looks for an attribution in the sentences touching the quotation, outside its marks.
    A pronoun speaker counts as named when the same or the previous block names a person
    (a capitalised name outside quotation marks).
    """
    ordered, starts = doc._attributions_by_start  # by bisection: a scan per quotation is quadratic
    this = doc.blocks[block]  # an attribution starting in it is in it: what doc.block_of(a.start) == block says
    candidates = []
    for a in ordered[bisect.bisect_left(starts, q_start - 200):bisect.bisect_left(starts, q_end + 200)]:
        if (a.start >= q_end or a.end <= q_start) and this.start <= a.start < this.end:
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
