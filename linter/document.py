"""The document model every rule reads.

A `Document` is built once per file from a reader's `ReadResult`. It holds the original
text (newlines normalised to '\\n', BOM removed), the prose the rules see, and the map
between them. Everything derived from the prose — paragraphs, sentences, quotations,
attributions, metadata — is computed lazily on first use and then shared by every rule.
Rules speak prose offsets only; `Document.span_position` maps them to file lines and columns.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from linter.prose import LineIndex, OffsetMap
from linter.records import Frozen, Record, set_frozen

if TYPE_CHECKING:
    from linter.attribution import Attribution
    from linter.metadata import Metadata
    from linter.quotes import Quote
    from linter.sentences import Sentence

__all__ = ["Block", "Document", "MetaCandidate", "MetaField", "ReadResult"]

BLOCK_KINDS = ("paragraph", "heading", "list", "quote", "table", "caption")


class Block(Frozen):
    """A paragraph-level piece of the prose: [start, end) in prose offsets, and its kind.

    kind is one of BLOCK_KINDS: "paragraph" is running prose; "heading" a title or
    subhead; "list" a list item; "quote" a block quotation; "table" a table cell;
    "caption" a figure caption.
    """

    __slots__ = ("start", "end", "kind")
    start: int
    end: int
    kind: str

    def __init__(self, start: int, end: int, kind: str = "paragraph"):
        set_frozen(self, "start", start)
        set_frozen(self, "end", end)
        set_frozen(self, "kind", kind)


class MetaCandidate(Frozen):
    """A piece of metadata a reader found, before `linter.metadata` decides what it means.

    source: "front-matter", "meta", "json-ld", "time", "rel-author" or "title".
    key: the field's own name ("author", "date", "article:published_time", "datetime", ...).
    start/end: where its value stands in the original text.
    """

    __slots__ = ("source", "key", "value", "start", "end", "text")
    source: str
    key: str
    value: str
    start: int
    end: int
    text: str

    def __init__(self, source: str, key: str, value: str, start: int, end: int, text: str = ""):
        set_frozen(self, "source", source)
        set_frozen(self, "key", key)
        set_frozen(self, "value", value)
        set_frozen(self, "start", start)
        set_frozen(self, "end", end)
        set_frozen(self, "text", text)


class MetaField(Frozen):
    """A resolved piece of metadata (title, byline, date, dateline) with its place in the file."""

    __slots__ = ("text", "line", "column", "source", "value", "end_line", "end_column")
    text: str
    line: int
    column: int
    source: str
    value: str | None
    end_line: int | None
    end_column: int | None

    def __init__(self, text: str, line: int, column: int, source: str, value: str | None = None,
                 end_line: int | None = None, end_column: int | None = None):
        set_frozen(self, "text", text)
        set_frozen(self, "line", line)
        set_frozen(self, "column", column)
        set_frozen(self, "source", source)
        set_frozen(self, "value", value)
        set_frozen(self, "end_line", end_line)
        set_frozen(self, "end_column", end_column)

    def as_json(self) -> dict:
        out = {"text": self.text, "line": self.line, "column": self.column, "source": self.source}
        if self.value is not None:
            out["value"] = self.value
        return out


class ReadResult(Record):
    """What a reader returns: the prose, its offset map, and what it learned on the way.

    blocks: the reader's paragraph structure; None lets the document split the prose on
    blank lines. candidates: raw metadata. comments: True when the format has comment
    syntax, so inline `copydesk:` suppression comments apply. warnings: non-fatal notes
    for the user (shown on stderr, they do not change the exit status).
    """

    __slots__ = ("prose", "offsets", "blocks", "candidates", "comments", "warnings")
    prose: str
    offsets: OffsetMap
    blocks: list[Block] | None
    candidates: list[MetaCandidate]
    comments: bool
    warnings: list[str]

    def __init__(self, prose: str, offsets: OffsetMap, blocks: list[Block] | None = None,
                 candidates: list[MetaCandidate] | None = None, comments: bool = False,
                 warnings: list[str] | None = None):
        self.prose = prose
        self.offsets = offsets
        self.blocks = blocks
        self.candidates = [] if candidates is None else candidates
        self.comments = comments
        self.warnings = [] if warnings is None else warnings


_SPACE = " \t\n\r\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\u3000"


def _trim(prose: str, block: Block) -> Block | None:
    start, end = block.start, block.end
    while start < end and prose[start] in _SPACE:
        start += 1
    while end > start and prose[end - 1] in _SPACE:
        end -= 1
    if start == end:
        return None
    return block if (start, end) == (block.start, block.end) else Block(start, end, block.kind)


class Document:
    """One article, read once. See the module docstring."""

    def __init__(self, path: str, text: str, read: ReadResult, format: str, settings: dict | None = None):
        self.path = path
        self.text = text
        self.prose = read.prose
        self.offsets = read.offsets
        self.format = format
        self.candidates = read.candidates
        self.has_comments = read.comments
        self.warnings = read.warnings
        self._reader_blocks = read.blocks
        self.settings = settings or {}

    # -- positions -------------------------------------------------------------------------

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, orig_index: int) -> tuple[int, int]:
        """1-based (line, column) of an index in the original text."""
        return self.lines.position(orig_index)

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) in the file of prose span [start, end)."""
        o_start = self.offsets.start(start)
        o_end = self.offsets.end(end) if end > start else o_start
        o_end = max(o_end, o_start)
        line, col = self.lines.position(o_start)
        end_line, end_col = self.lines.position(o_end)
        return line, col, end_line, end_col

    def prose_line(self, index: int) -> int:
        return self.lines.position(self.offsets.start(index))[0]

    @cached_property
    def lower_prose(self) -> str:
        """The prose lower-cased index for index, so a case-sensitive pattern over it finds
        what an IGNORECASE one finds over the prose, several times faster. A character whose
        lower case is longer (the dotted capital I) is kept as it is."""
        low = self.prose.lower()
        if len(low) != len(self.prose):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.prose)
        return low

    # -- structure -------------------------------------------------------------------------

    @cached_property
    def blocks(self) -> list[Block]:
        """Paragraph-level blocks (running prose, headings, list items ...), in order."""
        if self._reader_blocks is not None:
            return [t for t in (_trim(self.prose, b) for b in self._reader_blocks) if t is not None]
        from linter.sentences import split_blocks

        return split_blocks(self.prose)

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Blocks of running prose (kind "paragraph")."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence of every block, in order; each knows its block's index and kind."""
        from linter.sentences import split_sentences

        out = []
        for i, block in enumerate(self.blocks):
            out.extend(split_sentences(self.prose, block, i))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, index: int) -> Sentence | None:
        """The sentence holding prose index `index`, or None."""
        import bisect

        i = bisect.bisect_right(self._sentence_starts, index) - 1
        if i >= 0 and self.sentences[i].start <= index < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_index(self, sentence: Sentence) -> int:
        import bisect

        return bisect.bisect_left(self._sentence_starts, sentence.start)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Direct quotations (their marks included), with their attributed speaker where known."""
        from linter.quotes import find_quotes

        return find_quotes(self)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def in_quote(self, start: int, end: int | None = None) -> Quote | None:
        """The quotation that holds [start, end), if any."""
        import bisect

        end = start if end is None else end
        i = bisect.bisect_right(self._quote_starts, start) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.start <= start and end <= q.end:
                return q
        return None

    @cached_property
    def attributions(self) -> list[Attribution]:
        """Attribution clauses ("X said", "according to X") found in the sentences."""
        from linter.attribution import find_attributions

        return find_attributions(self)

    @cached_property
    def _attributions_by_start(self) -> tuple[list[Attribution], list[int]]:
        ordered = sorted(self.attributions, key=lambda a: a.start)
        return ordered, [a.start for a in ordered]

    def attributions_in(self, sentence: Sentence) -> list[Attribution]:
        import bisect

        # by bisection: a scan of every attribution per sentence is quadratic on a 3 MB article
        ordered, starts = self._attributions_by_start
        return ordered[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]

    @cached_property
    def metadata(self) -> Metadata:
        """Title, byline, publication date and dateline, each with its place in the file."""
        from linter.metadata import extract_metadata

        return extract_metadata(self)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_of(self, index: int) -> int | None:
        """Index into `blocks` of the block holding prose index `index`."""
        import bisect

        i = bisect.bisect_right(self._block_starts, index) - 1
        if i >= 0 and index < self.blocks[i].end:
            return i
        return None
