"""Direct quotations in the prose, found once per document.

Curly quotes pair “ with ”; straight double quotes pair in order within a block. A
quotation opened and not closed in its block runs to the block's end (the newspaper
convention for a quote that goes on into the next paragraph). Typographic apostrophes
(’) and single quotes are never treated as quotation marks. Each quotation gets the
speaker its attribution clause names ("...," said Ana Ruiz), if any: see
`linter.attribution.speaker_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.document import Document

__all__ = ["Quote", "find_quotes"]

MIN_QUOTE_CHARS = 2


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation [start, end) in prose offsets, marks included.

    speaker: the words naming who said it, or None. named: True when the speaker is a
    named person or organisation (directly, or a pronoun whose person the same or the
    previous paragraph names).
    """

    start: int
    end: int
    block: int
    speaker: str | None = None
    named: bool = False


def _spans_in_block(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    i = start
    open_at = None
    straight = False
    while i < end:
        c = prose[i]
        if open_at is None:
            if c == "“":
                open_at, straight = i, False
            elif c == '"':
                open_at, straight = i, True
        else:
            if (not straight and c == "”") or (straight and c == '"'):
                if i + 1 - open_at >= MIN_QUOTE_CHARS:
                    spans.append((open_at, i + 1))
                open_at = None
            elif not straight and c == "“":
                open_at = i  # a stray opener: restart at the newer one
        i += 1
    if open_at is not None and end - open_at > 20:
        spans.append((open_at, end))
    return spans


def find_quotes(doc: Document) -> list[Quote]:
    from linter.attribution import speaker_of

    prose = doc.prose
    quotes = []
    for bi, block in enumerate(doc.blocks):
        if '"' not in prose[block.start:block.end] and "“" not in prose[block.start:block.end]:
            continue
        for qs, qe in _spans_in_block(prose, block.start, block.end):
            speaker, named = speaker_of(doc, qs, qe, bi)
            quotes.append(Quote(qs, qe, bi, speaker, named))
    return quotes
