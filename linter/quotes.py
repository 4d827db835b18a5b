"""Direct quotations in the prose, found once per document.

Quotation marks: curly “ and ”, straight ", and the same curly marks garbled by a wrong
decoding ("â€œ", "â\\x80\\x9c"), which scraped copy often carries. A straight mark is read
by its side: after a space and before a word it opens, after a word and before a space or
punctuation it closes, otherwise it toggles. A closing mark with no quotation open is
ignored (its opener was lost), so one missing mark cannot turn every later quotation
inside out. An opening mark inside an open quotation continues it: the newspaper
convention for a quotation that runs over several paragraphs, each opened and only the
last closed (in copy whose paragraph breaks were lost, those paragraphs share a block). A
quotation opened and not closed in its block runs to the block's end. Typographic
apostrophes (’) and single quotes are never treated as quotation marks.

Transcripts: a block, or a sentence, that opens with a speaker label ("TRUMP:", "Q:",
"Anderson Cooper:") is that speaker's turn, a quotation without marks, when the document
holds at least three such turns by at least two speakers (one label is a heading, "MORE:";
a dialogue has turns). A turn runs to the next label; the last turn of a block that began
mid-block runs at most three sentences.

Each quotation gets the speaker its attribution clause names ("...," said Ana Ruiz), if
any (see `linter.attribution.speaker_of`); a transcript turn gets its label.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from linter import patterns
from linter.records import Frozen, set_frozen
from linter.scan import scan_at

if TYPE_CHECKING:
    from linter.document import Document

__all__ = ["Quote", "find_quotes"]

MIN_QUOTE_CHARS = 2
# Labels that head a line without naming who speaks: "MORE: ...", "UPDATE: ...".
NOT_SPEAKERS = frozenset((
    "more", "update", "updated", "note", "editor's note", "editor’s note", "read", "read more", "watch", "related",
    "photo", "photos", "video", "source", "sources", "correction", "disclaimer", "warning", "breaking",
    "spotted", "quiz", "spoiler", "spoiler alert", "reminder", "prediction", "predictions", "outcome", "bottom line",
    "the bottom line", "why", "what", "how", "when", "where", "who", "p.s", "ps", "tl;dr", "fact", "facts",
    "claim", "verdict", "rating", "background", "context", "tip", "tips", "bonus", "also", "plus", "see also",
    "example", "examples", "translation", "script", "panel", "insider", "insiders", "outsider", "outsiders",
    "insider view", "outsider view", "step", "part", "chapter", "lesson", "rule", "day", "week", "round",
    "headline", "subhead", "caption", "credit", "credits", "image", "graphic", "map", "chart", "table", "poll",
    "sunday so far", "live", "latest", "analysis", "opinion", "exclusive", "statement", "full statement",
))
# Labels that mark a turn without naming the person: the quotation is not a named speaker's.
UNNAMED_SPEAKERS = frozenset(("q", "a", "question", "answer", "audience", "crowd", "voice", "male voice",
                              "female voice", "unidentified", "unidentified man", "unidentified woman"))

_OPEN_MARKS = ("“", "â€œ", "â\x80\x9c")
_CLOSE_MARKS = ("”", "â€\x9d", "â\x80\x9d", "â€")
_MARK = patterns.compile(r'“|”|"|â€œ|â\x80\x9c|â€\x9d|â\x80\x9d|â€(?=[\s.,;:!?)\]]|$)')
_SPACE_BEFORE = frozenset(" \t\n\u00a0([{—–-/")
_CLOSE_AFTER = frozenset(" \t\n\u00a0.,;:!?)]}—–-/…")
_LABEL = patterns.compile(
    r"(?P<label>(?:\p{Lu}[\p{L}'’.\-]*)(?:[ \t]+\p{Lu}[\p{L}'’.\-]*){0,2}):[ \t\u00a0]+(?=[\p{L}\p{N}\"“‘'(\[.…—-])",
)
_TURN_BOUNDARY = patterns.compile(r'(?:[.?!…"”)\]]|â€\x9d|â\x80\x9d|â€)[\s\u00a0Â]*$')


class Quote(Frozen):
    """A quotation [start, end) in prose offsets, marks included.

    speaker: the words naming who said it, or None. named: True when the speaker is a
    named person or organisation (directly, or a pronoun whose person the same or the
    previous paragraph names).
    """

    __slots__ = ("start", "end", "block", "speaker", "named")
    start: int
    end: int
    block: int
    speaker: str | None
    named: bool

    def __init__(self, start: int, end: int, block: int, speaker: str | None = None, named: bool = False):
        set_frozen(self, "start", start)
        set_frozen(self, "end", end)
        set_frozen(self, "block", block)
        set_frozen(self, "speaker", speaker)
        set_frozen(self, "named", named)


def _side(prose: str, i: int, start: int, end: int) -> str:
    """'open', 'close' or '' (either) for a straight double quote at i."""
    before = prose[i - 1] if i > start else " "
    after = prose[i + 1] if i + 1 < end else " "
    if before in _SPACE_BEFORE and not after.isspace():
        return "open"
    if after in _CLOSE_AFTER and not before.isspace():
        return "close"
    return ""


def _marks(prose: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, mark) of each quotation mark `_MARK` finds in [start, end), in order.

    Without an "â" (the first character of every garbled mark) the marks are the three
    characters “ ” ", found with str.find: four times faster than the regex scan.
    """
    text = prose[start:end]
    if "â" in text:
        return [(m.start(), m.group()) for m in _MARK.finditer(prose, start, end)]
    out = []
    for mark in ('"', "“", "”"):
        i = text.find(mark)
        while i != -1:
            out.append((start + i, mark))
            i = text.find(mark, i + 1)
    out.sort()
    return out


def _spans_in_block(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    open_at = None
    for i, mark in _marks(prose, start, end):
        if mark == '"':
            side = _side(prose, i, start, end) or ("close" if open_at is not None else "open")
        else:
            side = "open" if mark in _OPEN_MARKS else "close"
        if side == "open":
            if open_at is None:
                open_at = i
            # else: an opener inside an open quotation continues it (a quote over several paragraphs)
        elif open_at is not None:
            mark_end = i + len(mark)
            if mark_end - open_at >= MIN_QUOTE_CHARS:
                spans.append((open_at, mark_end))
            open_at = None
        # a closer with nothing open: its opener was lost; ignore it
    if open_at is not None and end - open_at > 20:
        spans.append((open_at, end))
    return spans


def _label_starts(prose: str, start: int, end: int) -> list[int]:
    """Where a speaker label can start: the capitals among the last three words before each
    colon, with only letters, apostrophes, periods, hyphens and spaces between (what
    `_LABEL` allows). Trying `_LABEL` only there gives the matches a scan of every
    character gives (`linter.scan.scan_at`)."""
    out = []
    colon = prose.find(":", start, end)
    while colon != -1:
        j, words = colon, 0
        while j > start:
            c = prose[j - 1]
            if c == " " or c == "\t":
                while j > start and prose[j - 1] in " \t":
                    j -= 1
                words += 1
                if words == 3:
                    break
            elif c.isalpha() or c in "'’.-":
                j -= 1
            else:
                break
        out.extend(p for p in range(j, colon) if prose[p].isupper())
        colon = prose.find(":", colon + 1, end)
    return out


def _labels(doc: Document) -> list[tuple[int, int, str, int]]:
    """(label start, speech start, label, block) for each speaker label that opens a block or a sentence."""
    prose = doc.prose
    out = []
    for bi, block in enumerate(doc.blocks):
        text = prose[block.start:block.end]
        if ":" not in text:
            continue
        for m in scan_at(_LABEL, prose, _label_starts(prose, block.start, block.end), block.end):
            label = " ".join(m.group("label").split()).rstrip(".")
            if label.lower() in NOT_SPEAKERS or label.lower().split()[0] in NOT_SPEAKERS:
                continue
            lead = prose[block.start:m.start()]
            if lead.strip(" \t\u00a0Â") and not _TURN_BOUNDARY.search(lead[-40:]):
                continue
            out.append((m.start(), m.end(), label, bi))
    return out


def _sentences_from(doc: Document, start: int, end: int, most: int) -> list:
    """Up to `most` sentences, in order, that end after `start` and begin before `end`:
    a bisection, not a scan of every sentence (turns are many in a long transcript)."""
    sentences = doc.sentences
    i = max(0, bisect.bisect_right(doc._sentence_starts, start) - 1)
    out = []
    while i < len(sentences) and len(out) < most and sentences[i].start < end:
        if sentences[i].end > start:
            out.append(sentences[i])
        i += 1
    return out


def _turns(doc: Document) -> list[Quote]:
    """Transcript turns ("TRUMP: ...", "Q: ...") as quotations by the labelled speaker."""
    labels = _labels(doc)
    if len(labels) < 3 or len({lab.lower() for _, _, lab, _ in labels}) < 2:
        return []
    prose = doc.prose
    turns = []
    for k, (ls, ss, label, bi) in enumerate(labels):
        block = doc.blocks[bi]
        nxt = labels[k + 1] if k + 1 < len(labels) else None
        if nxt is not None and nxt[3] == bi:
            end = nxt[0]
        elif ls == block.start:
            end = block.end
        else:  # the last turn of a block that began mid-block: at most three sentences
            end = block.end
            sents = _sentences_from(doc, ss, block.end, 4)
            if len(sents) > 3:
                end = sents[2].end
        while end > 0 and prose[end - 1].isspace():  # prose[:end].rstrip() without copying the prose
            end -= 1
        if end - ss >= MIN_QUOTE_CHARS:
            turns.append(Quote(ss, end, bi, label, label.lower() not in UNNAMED_SPEAKERS))
    return turns


def find_quotes(doc: Document) -> list[Quote]:
    """The document's quotations, in order and never overlapping (see the module docstring)."""
    from linter.attribution import speaker_of

    prose = doc.prose
    quotes = []
    for bi, block in enumerate(doc.blocks):
        text = prose[block.start:block.end]
        if '"' not in text and "“" not in text and "”" not in text and "â€" not in text and "â\x80" not in text:
            continue
        for qs, qe in _spans_in_block(prose, block.start, block.end):
            quotes.append((qs, qe, bi))
    turns = _turns(doc)
    if turns:
        # a quotation inside a turn is the turn's; a turn wins over marks that straddle it
        spans = sorted([(t.start, -t.end, t) for t in turns] + [(qs, -qe, (qs, qe, bi)) for qs, qe, bi in quotes],
                       key=lambda x: (x[0], x[1]))
        kept: list = []
        for s, neg_e, item in spans:
            if kept and s < kept[-1][1]:
                if isinstance(item, Quote) and not isinstance(kept[-1][2], Quote):
                    kept[-1] = (s, -neg_e, item)  # a turn beats marks that straddle it
                continue
            kept.append((s, -neg_e, item))
        items = [item for _, _, item in kept]
    else:
        items = quotes
    out = []
    for item in items:
        if isinstance(item, Quote):
            out.append(item)
        else:
            qs, qe, bi = item
            speaker, named = speaker_of(doc, qs, qe, bi)
            out.append(Quote(qs, qe, bi, speaker, named))
    return out
