"""Title, byline, publication date and dateline of a document.

Readers collect raw candidates (front matter, `<meta>` tags, JSON-LD, `<time>`,
`rel="author"`, `<title>`); this module chooses among them and, where the file has
none, looks in the text itself: a "By ..." line near the top or the end, a
"Published ..." line, a dateline opening the story. Each result keeps its place in the
original file so a finding about it lands on the right line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter import patterns
from linter.document import MetaField
from linter.records import Frozen, set_frozen

if TYPE_CHECKING:
    import regex

    from linter.document import Document

__all__ = ["Metadata", "extract_metadata", "parse_date", "find_dates"]

_FOUR_DIGITS = patterns.compile(r"\d{4}")
_NAME_END = patterns.compile(r"\s*(?:\||\s[-–—]\s|,|/|\bfor\b|\bin\b)\s*")  # where a byline's name ends
_NONBLANK_LINE = patterns.compile(r"[^\n]*\S[^\n]*")


class Metadata(Frozen):
    """What the document says about itself. bylines: every byline found (metadata and text),
    so a placeholder anywhere can be reported; byline is the one that speaks for the story."""

    __slots__ = ("title", "byline", "date", "dateline", "updated", "bylines")
    title: MetaField | None
    byline: MetaField | None
    date: MetaField | None
    dateline: MetaField | None
    updated: MetaField | None
    bylines: tuple[MetaField, ...]

    def __init__(self, title: MetaField | None = None, byline: MetaField | None = None, date: MetaField | None = None,
                 dateline: MetaField | None = None, updated: MetaField | None = None,
                 bylines: tuple[MetaField, ...] = ()):
        set_frozen(self, "title", title)
        set_frozen(self, "byline", byline)
        set_frozen(self, "date", date)
        set_frozen(self, "dateline", dateline)
        set_frozen(self, "updated", updated)
        set_frozen(self, "bylines", bylines)


MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
          r"|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERN = patterns.compile(
    r"(?P<iso>(?<![\d/.-])(?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?![\d/])"
    r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)"
    r"|(?P<compact>(?<!\d)(?P<cy>(?:19|20)\d\d)(?P<cm>[01]\d)(?P<cd>[0-3]\d)T[0-2]\d:?[0-5]\d)"
    r"|(?P<mdy>\b(?P<m1>" + _MONTH + r")\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b)"
    r"|(?P<dmy>\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH + r"),?\s+(?P<y2>(?:19|20)\d\d)\b)"
    r"|(?P<num>(?<![\d/.])(?P<n1>[0-3]?\d)(?P<nsep>[/.])(?P<n2>[0-3]?\d)(?P=nsep)(?P<ny>(?:19|20)\d\d)\b)",
    patterns.I,
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
    if m.group("compact"):
        return _valid(int(m.group("cy")), int(m.group("cm")), int(m.group("cd")))
    if m.group("mdy"):
        return _valid(int(m.group("y1")), MONTHS[m.group("m1").lower().rstrip(".")], int(m.group("d1")))
    if m.group("dmy"):
        return _valid(int(m.group("y2")), MONTHS[m.group("m2").lower().rstrip(".")], int(m.group("d2")))
    a, b, y = int(m.group("n1")), int(m.group("n2")), int(m.group("ny"))
    if date_order == "day-first" or m.group("nsep") == ".":  # 27.11.2026 is day first everywhere
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


_BYLINE_LINE = patterns.compile(
    r"^[ \t\u00a0]*(?:[*_#>]+\s*)?(?:by|posted\s+by|written\s+by|story\s+by|words\s+by|reporting\s+by)[:\s]\s*"
    r"(?P<name>\S.{0,118}?)[ \t\u00a0*_]*$",
    patterns.I | patterns.M,
)
_PUB_LABEL = (r"published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?|publication\s+date|date\s+published|"
              r"date|dated|released?(?:\s+date)?|created|erstellt\s+am")
_UPD_LABEL = (r"updated(?:\s+on)?|last\s+updated(?:\s+on)?|last\s+modified(?:\s+on)?|modified|last\s+revised|revised|"
              r"date\s+of\s+last\s+revision|last\s+reviewed|effective\s+date")
_LABELLED_LINE = patterns.compile(
    r"^[ \t\u00a0]*(?:[*_$]+\s*)?(?:this\s+(?:page|article|post|story)\s+was\s+)?"
    r"(?:(?P<upd>" + _UPD_LABEL + r")|(?P<pub>" + _PUB_LABEL + r"))\b\s*[:\-–—]?\s*(?P<rest>.{0,120})$",
    patterns.I | patterns.M,
)
# What may stand beside a date on a line that is only a date: weekdays, times, zones, "at".
_DATE_LINE_FILLER = patterns.compile(
    r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|\b[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d)?\b"
    r"|\b(?:[ap]\.?m\.?|noon|midnight|at|on|[ECMPH][SD]?T|GMT|UTC|BST|CET|CEST|IST|JST|AEST|AEDT|ET|PT|CT|MT)(?![^\W\d_])"
    r"|\b\d+\s+(?:min(?:ute)?s?|hours?)\s+(?:read|ago)\b|[|·•/,;:()\[\]\-–—]"
)
_DATELINE = patterns.compile(
    r"^(?P<place>(?:\p{Lu}[\p{L}.'’\-]*)(?:[ ,]+\p{Lu}[\p{L}.'’\-]*){0,4})(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg)\)\s*)?[—–]\s+"
    r"|^(?P<place2>\p{Lu}[\p{Lu} .,'’\-]{2,40})\s*(?:\([^)]{1,20}\))?\s*[-—–]{1,2}\s+",
)
_COPYRIGHT = patterns.compile(r"(?i)©|\(c\)\s*(?:19|20)\d\d|copyright|all\s+rights\s+reserved")
_URL_DATE = patterns.compile(r"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]\d)(?:[/_-](?P<d>[0-3]\d))?(?:[/_.-]|$)")

_DATE_KEYS_FRONT = ("date", "published", "publishdate", "pubdate", "published_at", "publish_date", "created",
                    "publication_date", "date_published", "published_on")
_DATE_KEYS_TOP = ("datepublished", "article:published_time")
_DATE_KEYS_META = (
    "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.date",
    "dcterms.created", "sailthru.date", "og:published_time", "published_time", "publication_date",
    "parsely-pub-date", "citation_publication_date", "citation_date", "dc.date.created", "timestamp",
    "article.published", "article_date_original", "original-publish-date", "publish-date", "date_published",
    "datecreated", "bt:pubdate", "cxenseparse:recs:publishtime", "pdate", "displaydate", "dc.date.published",
)
_UPDATED_KEYS = ("article:modified_time", "datemodified", "updated", "lastmod", "modified", "last_modified",
                 "og:updated_time", "dcterms.modified", "dc.date.modified", "bt:moddate", "last-modified",
                 "date_modified", "updated_at", "updated-text")
_AUTHOR_KEYS = ("author", "authors", "byline", "article:author", "dc.creator", "sailthru.author", "parsely-author",
                "creator", "dcterms.creator", "citation_author", "by")
# Candidate sources as SPEC names them for `inspect`.
_SOURCE_NAME = {"rel-author": "text", "title": "meta", "date-text": "text"}


def _field(doc: Document, text: str, start: int, source: str, value: str | None = None) -> MetaField:
    line, col = doc.position(start)
    end_line, end_col = doc.position(start + len(text))
    return MetaField(text=text, line=line, column=col, source=_SOURCE_NAME.get(source, source), value=value,
                     end_line=end_line, end_column=end_col)


def _date_rank(c, key: str) -> int | None:
    """Lower is stronger evidence of the publication date; None: not a publication date."""
    if c.source == "front-matter":
        return 0 if key in _DATE_KEYS_FRONT else None
    if key in _UPDATED_KEYS or "modif" in key or "updat" in key:
        return None
    if key in _DATE_KEYS_TOP or (c.source == "time" and key == "datepublished"):
        return 0
    if key in _DATE_KEYS_META or (c.source == "meta" and ("pubdate" in key or "published" in key)):
        return 1
    if c.source == "time" and key == "datetime":
        return 3
    if key in ("time-text", "date-text"):
        return 4
    return None


def _url_date(value: str) -> tuple[str | None, bool]:
    """(YYYY-MM-DD or None, whether the URL's path carries a year and month at all)."""
    m = _URL_DATE.search(value.split("?")[0])
    if not m:
        return None, False
    day = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m.group("d") else None
    return day, _valid(int(m.group("y")), int(m.group("m")), 1) is not None


def extract_metadata(doc: Document) -> Metadata:
    order = doc.settings.get("date-order", "month-first")
    title = updated = None
    bylines: list[MetaField] = []
    ranked: list[tuple[int, int, MetaField]] = []
    month_only = None
    for i, c in enumerate(doc.candidates):
        key = c.key.lower()
        value = c.value.strip()
        if not value:
            continue
        if key in ("title", "headline", "og:title"):
            if title is None:
                title = _field(doc, c.value, c.start, c.source)
        elif key in _AUTHOR_KEYS:
            # on a web page only the first visible byline is the story's; later ones sign comments and teasers
            visible_again = c.source == "rel-author" and any(b.source == "text" for b in bylines)
            if not value.startswith(("http:", "https:", "{", "[")) and not value.endswith(":") and not visible_again:
                bylines.append(_field(doc, value, c.start, c.source))
        elif key in ("og:url", "canonical"):
            day, dated = _url_date(value)
            if day:
                ranked.append((2, i, _field(doc, c.value, c.start, "meta", day)))
            elif dated and month_only is None:
                month_only = _field(doc, c.value, c.start, "meta")
        elif (rank := _date_rank(c, key)) is not None:
            parsed = parse_date(c.value, order)
            if parsed:
                ranked.append((rank, i, _field(doc, c.value, c.start, c.source, parsed)))
        elif updated is None and (key in _UPDATED_KEYS or (c.source == "meta" and ("modif" in key or "updat" in key))):
            parsed = parse_date(c.value, order)
            if parsed:
                updated = _field(doc, c.value, c.start, c.source, parsed)

    prose = doc.prose
    text_bylines = _text_bylines(doc)
    byline = bylines[0] if bylines else (text_bylines[0] if text_bylines else None)
    bylines.extend(text_bylines)
    dateline = None
    first = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    if first is not None:
        m = _DATELINE.match(prose, first.start, first.end)
        if m and not _BYLINE_LINE.match(prose[first.start:m.end()]):
            text = m.group(0).rstrip(" —–-\t")
            dated = parse_date(text, order) if m.group("date") and _FOUR_DIGITS.search(m.group("date")) else None
            dateline = _field(doc, text, doc.offsets.start(first.start), "text", dated)
            if dated:
                ranked.append((5, -1, dateline))
    if not any(r < 5 for r, _, _ in ranked):
        text_date, text_updated = _text_dates(doc, order, doc.format == "html")
        if text_date is not None:
            ranked.append((5, 0, text_date))
        if updated is None:
            updated = text_updated
    ranked.sort(key=lambda t: (t[0], t[1]))
    date = _local_day(ranked) if ranked else month_only
    if title is None:
        head = doc.blocks[0] if doc.blocks and doc.blocks[0].kind == "heading" else None
        if head is not None:
            text = prose[head.start:head.end].strip()
            title = _field(doc, text, doc.offsets.start(head.start), "text")
    return Metadata(title=title, byline=byline, date=date, dateline=dateline, updated=updated, bylines=tuple(bylines))


_INSTANT = patterns.compile(r"(?P<day>\d{4}-\d\d-\d\d)[T ](?P<h>[0-2]\d):(?P<ms>[0-5]\d(?::[0-5]\d)?)(?P<zone>Z|[+-]\d\d:?\d\d)?")


def _local_day(ranked: list[tuple[int, int, MetaField]]) -> MetaField:
    """The strongest date; when it is given in UTC and the page states the same moment in its
    own time zone (a `<time>` or another tag), that local day is the one readers saw."""
    best = ranked[0][2]
    m = _INSTANT.search(best.text)
    if not m or m.group("zone") not in ("Z", "+00:00", "+0000"):
        return best
    for _, _, other in ranked[1:]:
        o = _INSTANT.search(other.text)
        if (o and o.group("ms") == m.group("ms") and o.group("zone") not in ("Z", "+00:00", "+0000")
                and o.group("day") != m.group("day") and other.value):
            return MetaField(best.text, best.line, best.column, best.source, other.value, best.end_line, best.end_column)
    return best


def _edge_blocks(doc: Document, head: int = 6, tail: int = 4):
    blocks = doc.blocks
    if len(blocks) <= head + tail:
        return list(blocks)
    return list(blocks[:head]) + list(blocks[-tail:])


_NAME_WORD = patterns.compile(r"^(?:\p{Lu}[\p{L}\p{M}.'’\-]*|\p{Lu}\.|and|&|de|da|do|dos|das|del|della|di|du|van|von|der|den|"
                           r"la|le|bin|ibn|al|el|y|e|of|the|for|staff|[\p{L}'’\-]+-\p{Lu}[\p{L}'’\-]*)$")


def looks_like_byline(name: str) -> bool:
    """True when the words after "By" read as names (or one handle), not as a sentence ("By noon, crowds ...")."""
    core = _NAME_END.split(name.strip(), maxsplit=1)[0].strip(" .:")
    words = core.split()
    if not words or len(words) > 8:
        return False
    if len(words) == 1:
        rest = name.strip()[len(core):].strip(" ,.|-–—")
        # a single word may be a handle ("admin", "jsmith99"); it must then stand alone or before an affiliation
        return not rest or all(_NAME_WORD.match(w) for w in rest.split()[:6])
    return all(_NAME_WORD.match(w) for w in words)


def _text_bylines(doc: Document) -> list[MetaField]:
    prose = doc.prose
    out = []
    blocks = _edge_blocks(doc, 12, 6) if doc.format == "html" else _edge_blocks(doc)
    for b in blocks:
        seg = prose[b.start:b.end]
        if len(seg) > 200:
            continue
        for m in _BYLINE_LINE.finditer(seg):
            name = m.group("name").strip()
            if looks_like_byline(name):
                start = b.start + m.start("name")
                out.append(_field(doc, name, doc.offsets.start(start), "text"))
                break
        if out and doc.format == "html":
            break
    return out


def is_date_line(line: str, order: str = "month-first") -> bool:
    """True when a line holds a date and little else (a weekday, a time, a zone)."""
    if "19" not in line and "20" not in line:
        return False  # every date pattern holds a year, 19xx or 20xx: most lines are decided without a scan
    rest = DATE_PATTERN.sub(" ", line)
    if rest == line:
        return False
    rest = _DATE_LINE_FILLER.sub(" ", rest)
    return len(rest.split()) <= 1


def _text_dates(doc: Document, order: str, whole: bool) -> tuple[MetaField | None, MetaField | None]:
    """A publication date and an updated date from the text: a labelled line ("Published Nov. 27,
    2026"), a line that is only a date, or a byline line with a date. Plain text and Markdown
    are searched near the top and the end; a web page, everywhere but its footer."""
    prose = doc.prose
    date = updated = None
    blocks = doc.blocks if whole else _edge_blocks(doc, 8, 3)
    for b in blocks:
        if b.end - b.start > 300:
            continue
        seg = prose[b.start:b.end]
        if _COPYRIGHT.search(seg):
            continue
        carried = None  # a label alone on its line ("Updated:") labels the next line
        for line_m in _NONBLANK_LINE.finditer(seg):
            line = line_m.group()
            lab = _LABELLED_LINE.match(line) or carried
            carried = lab if lab and not lab.group("rest").strip(" $:") else None
            byl = _BYLINE_LINE.match(line)
            if not (lab or is_date_line(line, order) or (byl and looks_like_byline(byl.group("name").split("|")[0]))):
                continue
            for s, e, value in find_dates(line, order):
                found = _field(doc, line[s:e], doc.offsets.start(b.start + line_m.start() + s), "text", value)
                if lab and lab.group("upd"):
                    updated = updated or found
                else:
                    date = date or found
                break
            if date is not None:
                return date, updated
    return date, updated
