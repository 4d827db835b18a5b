"""Title, byline, publication date and dateline of a document.

Readers collect raw candidates (front matter, `<meta>` tags, JSON-LD, `<time>`,
`rel="author"`, `<title>`); this module chooses among them and, where the file has
none, looks in the text itself: a "By ..." line near the top or the end, a
"Published ..." line, a dateline opening the story. Each result keeps its place in the
original file so a finding about it lands on the right line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from linter.document import MetaField

if TYPE_CHECKING:
    from linter.document import Document

__all__ = ["Metadata", "extract_metadata", "parse_date", "find_dates"]


@dataclass(frozen=True, slots=True)
class Metadata:
    title: MetaField | None = None
    byline: MetaField | None = None
    date: MetaField | None = None
    dateline: MetaField | None = None
    updated: MetaField | None = None


MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_PATTERN = regex.compile(
    r"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)"
    r"|(?P<mdy>\b(?P<m1>" + _MONTH + r")\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b)"
    r"|(?P<dmy>\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH + r"),?\s+(?P<y2>(?:19|20)\d\d)\b)"
    r"|(?P<num>\b(?P<n1>[0-3]?\d)[/.](?P<n2>[0-3]?\d)[/.](?P<ny>(?:19|20)\d\d)\b)",
    regex.I,
)


def _valid(y: int, m: int, d: int) -> str | None:
    import datetime

    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_match(m: regex.Match, date_order: str = "month-first") -> str | None:
    if m.group("iso"):
        return _valid(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("mdy"):
        return _valid(int(m.group("y1")), MONTHS[m.group("m1").lower().rstrip(".")], int(m.group("d1")))
    if m.group("dmy"):
        return _valid(int(m.group("y2")), MONTHS[m.group("m2").lower().rstrip(".")], int(m.group("d2")))
    a, b, y = int(m.group("n1")), int(m.group("n2")), int(m.group("ny"))
    if date_order == "day-first":
        a, b = b, a
    return _valid(y, a, b) or _valid(y, b, a)


def parse_date(text: str, date_order: str = "month-first") -> str | None:
    """The first calendar date in `text` as YYYY-MM-DD, or None."""
    for m in DATE_PATTERN.finditer(text):
        value = parse_match(m, date_order)
        if value:
            return value
    return None


def find_dates(text: str, date_order: str = "month-first"):
    """Yield (start, end, YYYY-MM-DD) for every calendar date in `text`."""
    for m in DATE_PATTERN.finditer(text):
        value = parse_match(m, date_order)
        if value:
            yield m.start(), m.end(), value


_BYLINE_LINE = regex.compile(
    r"^[ \t\u00a0]*(?:[*_#>]+\s*)?(?:by|posted\s+by|written\s+by|story\s+by|words\s+by|reporting\s+by)[:\s]\s*(?P<name>\S.{0,118}?)[ \t\u00a0*_]*$",
    regex.I | regex.M,
)
_PUBLISHED_LINE = regex.compile(
    r"^[ \t\u00a0]*(?:[*_]+\s*)?(?P<label>published|posted|updated|last\s+updated|first\s+published|date)\b[:\s]*(?P<rest>.{0,120})$",
    regex.I | regex.M,
)
_DATELINE = regex.compile(
    r"^(?P<place>(?:\p{Lu}[\p{L}.'’\-]*)(?:[ ,]+\p{Lu}[\p{L}.'’\-]*){0,4})(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg)\)\s*)?[—–]\s+|^(?P<place2>\p{Lu}[\p{Lu} .,'’\-]{2,40})\s*(?:\([^)]{1,20}\))?\s*[-—–]{1,2}\s+",
    regex.V1,
)

_DATE_KEYS_FRONT = ("date", "published", "publishdate", "pubdate", "published_at", "publish_date", "created")
_DATE_KEYS_META = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "og:published_time", "published_time", "publication_date",
    "parsely-pub-date", "citation_publication_date", "dc.date.created", "timestamp",
)
_AUTHOR_KEYS = ("author", "authors", "byline", "article:author", "dc.creator", "sailthru.author", "parsely-author", "creator")


def _field(doc: Document, text: str, start: int, source: str, value: str | None = None) -> MetaField:
    line, col = doc.position(start)
    end_line, end_col = doc.position(start + len(text))
    return MetaField(text=text, line=line, column=col, source=source, value=value, end_line=end_line, end_column=end_col)


def extract_metadata(doc: Document) -> Metadata:
    order = doc.settings.get("date-order", "month-first")
    title = byline = date = updated = None
    for c in doc.candidates:
        key = c.key.lower()
        if title is None and (key == "title" or key == "headline" or key == "og:title"):
            title = _field(doc, c.value, c.start, c.source)
        elif byline is None and key in _AUTHOR_KEYS and c.value.strip() and not c.value.strip().startswith("http"):
            byline = _field(doc, c.value.strip(), c.start, c.source)
        elif date is None and (key in _DATE_KEYS_FRONT or key in _DATE_KEYS_META or key == "datetime"):
            value = parse_date(c.value, order) if c.source != "front-matter" or key in _DATE_KEYS_FRONT else None
            if value:
                date = _field(doc, c.value, c.start, c.source, value)
        elif updated is None and key in ("article:modified_time", "datemodified", "updated", "lastmod", "modified"):
            value = parse_date(c.value, order)
            if value:
                updated = _field(doc, c.value, c.start, c.source, value)

    prose = doc.prose
    if byline is None:
        byline = _text_byline(doc)
    dateline = None
    if doc.paragraphs or doc.blocks:
        first = next((b for b in doc.blocks if b.kind == "paragraph"), None)
        if first is not None:
            m = _DATELINE.match(prose, first.start, first.end)
            if m and not _BYLINE_LINE.match(prose[first.start:m.end()]):
                text = m.group(0).rstrip(" —–-\t")
                dateline = _field(doc, text, doc.offsets.start(first.start), "text",
                                  parse_date(text, order) if m.group("date") and regex.search(r"\d{4}", m.group("date") or "") else None)
    if date is None:
        date = _text_date(doc, order)
    if title is None:
        head = doc.blocks[0] if doc.blocks and doc.blocks[0].kind == "heading" else None
        if head is not None:
            text = prose[head.start:head.end].strip()
            title = _field(doc, text, doc.offsets.start(head.start), "text")
    return Metadata(title=title, byline=byline, date=date, dateline=dateline, updated=updated)


def _edge_blocks(doc: Document, head: int = 6, tail: int = 4):
    blocks = doc.blocks
    if len(blocks) <= head + tail:
        return list(blocks)
    return list(blocks[:head]) + list(blocks[-tail:])


def _text_byline(doc: Document) -> MetaField | None:
    prose = doc.prose
    for b in _edge_blocks(doc):
        seg = prose[b.start:b.end]
        if len(seg) > 200:
            continue
        m = _BYLINE_LINE.match(seg)
        if m and not regex.match(r"(?i)(?:the|a|an)\s+(?:way|end|time|now|then)\b", m.group("name")):
            name = m.group("name").strip()
            start = b.start + m.start("name")
            return _field(doc, name, doc.offsets.start(start), "text")
    return None


def _text_date(doc: Document, order: str) -> MetaField | None:
    prose = doc.prose
    for b in _edge_blocks(doc, 8, 3):
        seg = prose[b.start:b.end]
        if len(seg) > 300:
            continue
        if regex.search(r"(?i)©|copyright|all rights reserved", seg):
            continue
        m = _PUBLISHED_LINE.match(seg)
        short = len(seg) < 80
        if m or short:
            for s, e, value in find_dates(seg, order):
                start = b.start + s
                return _field(doc, seg[s:e], doc.offsets.start(start), "text", value)
    return None
