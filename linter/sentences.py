"""Paragraphs and sentences of prose, found once per document.

`split_blocks` turns reader-less prose (plain text) into paragraph-level blocks: blank
lines (spaces and no-break spaces count as blank) always separate blocks, and a line
break inside a block separates paragraphs where the line before it ends a sentence or
looks like a headline. `split_sentences` splits one block into sentences, aware of
abbreviations ("U.S.", "Nov.", "Dr.", "a.m."), initials, decimals and closing quotes.
"""

from __future__ import annotations

from linter import patterns
from linter.document import Block
from linter.records import Frozen, set_frozen

__all__ = ["Sentence", "split_blocks", "split_sentences", "WORD"]

WORD = patterns.compile(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")

_BLANK_LINE = patterns.compile(r"\n[ \t\u00a0\u2000-\u200b\u3000]*\n")
_TERMINAL = ".!?…:;\"”’)]"


class Sentence(Frozen):
    """A sentence: [start, end) in prose offsets, its block's index and kind."""

    __slots__ = ("start", "end", "block", "kind")
    start: int
    end: int
    block: int
    kind: str

    def __init__(self, start: int, end: int, block: int, kind: str = "paragraph"):
        set_frozen(self, "start", start)
        set_frozen(self, "end", end)
        set_frozen(self, "block", block)
        set_frozen(self, "kind", kind)

    def text(self, prose: str) -> str:
        return prose[self.start:self.end]


def _looks_like_heading(line: str) -> bool:
    if len(line) > 100:
        return False  # before splitting: a plain-text paragraph can be a whole article
    words = line.split()
    if not words or len(words) > 14:
        return False
    if line.rstrip()[-1] in ".!?,;:\"”’)":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps >= max(1, (len(words) + 1) // 2)


def split_blocks(prose: str) -> list[Block]:
    """Paragraph blocks of plain prose (see the module docstring)."""
    blocks: list[Block] = []
    pos = 0
    chunks = []
    for m in _BLANK_LINE.finditer(prose):
        chunks.append((pos, m.start()))
        pos = m.end() - 1
    chunks.append((pos, len(prose)))
    for start, end in chunks:
        lines = []
        i = start
        while i < end:
            j = prose.find("\n", i, end)
            if j == -1:
                j = end
            lines.append((i, j))
            i = j + 1
        para_start = None
        prev_text, prev_end = "", start
        for ls, le in lines:
            text = prose[ls:le].strip(" \t\u00a0")
            if not text:
                continue
            if para_start is None:
                para_start = ls
            elif _line_breaks_paragraph(prev_text, text):
                blocks.append(_block(prose, para_start, prev_end))
                para_start = ls
            prev_text, prev_end = text, le
        if para_start is not None:
            blocks.append(_block(prose, para_start, prev_end))
    return blocks


def _line_breaks_paragraph(prev: str, line: str) -> bool:
    if prev[-1] in _TERMINAL and not prev.endswith(","):
        return True
    if _looks_like_heading(prev) and (line[:1].isupper() or line[:1] in "\"“"):
        return True
    return False


def _block(prose: str, start: int, end: int) -> Block:
    while start < end and prose[start] in " \t\u00a0\n":
        start += 1
    while end > start and prose[end - 1] in " \t\u00a0\n":
        end -= 1
    text = prose[start:end]
    kind = "heading" if "\n" not in text and _looks_like_heading(text) else "paragraph"
    return Block(start, end, kind)


# -- sentences --------------------------------------------------------------------------------

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj pres supt det insp rev fr
    st jr sr inc co corp ltd llc bros dept univ assn est approx vs etc cf al fig no nos vol pp
    jan feb apr jun jul aug sep sept oct nov dec tues thu thur thurs fri
    mt ft ave blvd rd hwy ste sq ln pkwy atty hon messrs mme mlle
    ala ariz ark calif colo conn fla kan kans ky md mich minn mont
    neb nev okla tenn tex vt wis wyo""".split()
)
# After these, a capitalised word usually continues the sentence ("U.S. President").
_CONTINUING_ABBREVIATIONS = frozenset({"u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "i.e", "e.g"})
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
    et est edt pt pst pdt ct cst cdt mt mst gmt utc bst""".split()
)
_SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you but and in on at this that these those his her its their
    our my there here when while after before if as so then however meanwhile still yet""".split()
)

# Possessive, and only at the start of a run of marks: a long run of dots stays linear.
_BOUNDARY = patterns.compile(r"""(?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s+[\"“‘(\[]?[\p{Lu}\p{N}])""")


def split_sentences(prose: str, block: Block, index: int) -> list[Sentence]:
    """Sentences of one block. A heading, list item or caption with no inner boundary is one sentence."""
    start, end = block.start, block.end
    out = []
    sent_start = start
    for m in _BOUNDARY.finditer(prose, start, end):
        dot, cut = m.span()
        if prose[dot] == "." and not _is_boundary(prose, dot, cut, sent_start):  # "!", "?", "…" always end one
            continue
        out.append(Sentence(sent_start, cut, index, block.kind))
        sent_start = cut
        while sent_start < end and prose[sent_start].isspace():
            sent_start += 1
    if sent_start < end and prose[sent_start:end].strip():
        out.append(Sentence(sent_start, end, index, block.kind))
    return out


# Longer than any abbreviation, dotted abbreviation or initial the checks below look for.
_LONGEST_ABBREVIATION = 13
# The characters a token before a period may hold: not space (`str.isspace`: regex's \s
# and the four separators \x1c-\x1f), not an opening quote or parenthesis. Matched
# backwards from the period, the match starts where the token does.
_TOKEN_CHARS_BEFORE = patterns.compile(r'[^\s\x1c-\x1f"“(]*', patterns.REVERSE)


def _is_boundary(prose: str, dot: int, cut: int, sent_start: int) -> bool:
    """Does the period at `dot` end a sentence (the boundary match ends at `cut`)?"""
    if prose.startswith("..", dot):
        return True  # an ellipsis "..." followed by a capital
    # the token before the period; one longer than any abbreviation ends the sentence
    limit = max(sent_start, dot - _LONGEST_ABBREVIATION)
    i = _TOKEN_CHARS_BEFORE.match(prose, limit, dot).start()
    if i == dot:
        return True
    if i == limit and i > sent_start and not prose[i - 1].isspace() and prose[i - 1] not in "\"“(":
        return True
    token = prose[i:dot]
    low = token.lower().rstrip(".")
    if low in _CONTINUING_ABBREVIATIONS:
        if low in ("a.m", "p.m"):
            return _next_word(prose, cut) not in _TIME_WORDS
        return _next_word(prose, cut) in _SENTENCE_STARTERS
    if "." in low and len(low) <= 6 and all(len(p) <= 2 for p in low.split(".")):
        return _next_word(prose, cut) in _SENTENCE_STARTERS  # other dotted abbreviations: "Ph.D", "N.Y"
    if low in ABBREVIATIONS:
        if low in ("no", "nos") and not _next_word(prose, cut)[:1].isdigit():
            return True
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "John F. Kennedy"
    return True


def _next_word(prose: str, cut: int) -> str:
    """The lower-cased word after a boundary, past opening quotes and brackets."""
    nxt = prose[cut:cut + 40].lstrip()
    word = WORD.match(nxt.lstrip("\"“‘([")) if nxt else None
    return word.group().lower() if word else ""
