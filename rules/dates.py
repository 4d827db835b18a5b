"""Dates (DAT): can a reader tell when the story was published?

DAT1xx the publication date itself (missing).
DAT2xx time words that need a date to mean anything ("yesterday", "on Tuesday").
DAT3xx dates that contradict each other or the calendar (updated before published,
       published in the future).

What counts as a date is decided once, in `linter.metadata` (front matter, `<meta>`,
JSON-LD, `<time datetime>`, a dated dateline, a "Published ..." line near the top).
"""

from __future__ import annotations

from functools import cache

from linter import Hit, Rule, patterns

_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_UNITS = r"(?:week|month|year|weekend|summer|winter|spring|fall|autumn)"
_RELATIVE_TEXT = (
    r"\b(?=[ytleonmwfsar])(?:"  # the alternatives' first letters: the scan skips other words a quarter faster
    r"yesterday|the\s+day\s+before\s+yesterday|tomorrow|tonight|last\s+night"
    r"|(?:earlier|later)\s+today"
    r"|(?:this|yesterday|tomorrow)\s+(?:morning|afternoon|evening)"
    r"|(?:last|next|this\s+past|this\s+coming)\s+" + _UNITS +
    r"|(?:earlier|later)\s+this\s+" + _UNITS +
    r"|(?:last|next|this\s+past|this\s+coming)\s+" + _DAYS +
    r"|on\s+" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|" + _DAYS + r"\s+(?:morning|afternoon|evening|night)"
    r"|(?:a\s+few|two|three|four|five|six|several|a\s+couple\s+of)\s+(?:days|weeks)\s+ago|a\s+(?:day|week)\s+ago"
    r"|recently"
    r")\b"
)
# lower case, matched against doc.lower_prose: a case-blind scan three times faster than re.I
_RELATIVE = patterns.compile_re(_RELATIVE_TEXT)
# re.I matches "İ" and "ı" to "i" and "ſ" to "s", which lower() leaves apart from them (and
# doc.lower_prose keeps "İ"); for every other character, lower-casing gives what re.I matches.
# A document with one of the three is scanned case-blind, as it always was.
_ODD_CASE = ("İ", "ı", "ſ")


@cache
def _relative_any_case():
    return patterns.compile_re(_RELATIVE_TEXT, patterns.I)


# "recently" only where it dates an event, not in "recently renovated" ... is hard to tell,
# so it is flagged only next to a past-tense verb, the common news use ("recently announced").
_RECENTLY = patterns.compile_re(
    r"(?i)\b(?:(?P<before>[^\W\d_]+)\s+)?recently\s+[^\W\d_]+ed\b"
    r"|\b[^\W\d_]+ed\s+recently\b|\b(?:have|has|had|was|were)\s+recently\b"
)
# Every _RELATIVE match ends in a word holding one of these (its last word: "yesterday",
# "monday", "days", "ago", "weekend", "fall" ...), with at most four whitespace runs before
# that word. str.find for each is several times faster than trying the pattern at every word,
# so DAT201 scans only windows around them (`_windows`); tests/test_dates.py checks that the
# windowed scan finds what one scan of each block finds.
_ANCHORS = ("day", "week", "month", "year", "night", "tomorrow", "morning", "afternoon", "evening",
            "summer", "winter", "spring", "fall", "autumn", "ago", "recently")
_WORD_REST = patterns.compile_re(r"\w*")  # stdlib \w: the word characters of _RELATIVE's \b
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those"}


def _has_date(doc) -> bool:
    meta = doc.metadata
    return meta.date is not None or meta.updated is not None


class MissingDate(Rule):
    code = "DAT101"
    name = "missing-date"
    severity = "warning"
    summary = "The story has no publication date anywhere"
    doc = """
    ## What it does
    Flags a story with no publication date anywhere: not in front matter (`date:`), not in
    the page's metadata (`article:published_time`, JSON-LD `datePublished`, `<time
    datetime>`), not in a dated dateline, a "Published ..." / "Updated ..." line or a date
    line next to the byline. A dateline with only a place ("MEXICO CITY —"), a copyright
    year in the footer or a year mentioned in the story is not a publication date.

    ## Why is this bad?
    A reader cannot judge whether news is current, or anchor "yesterday" and "on Tuesday",
    without knowing when it was published. Dates are one of The Trust Project's
    indicators, and search engines and aggregators rely on them.

    ## Example
        MEXICO CITY — The mayor resigned yesterday.

    ## Use instead
        MEXICO CITY, Nov. 27, 2026 — The mayor resigned on Thursday.
    or give the date in front matter (`date: 2026-11-27`) or the page's metadata.

    ## How to silence
    Per file: `per-file-ignores` (plain text) or `<!-- copydesk: disable-file DAT101 -->`.
    """

    def check(self, doc, options):
        if not _has_date(doc):
            yield Hit.document("No publication date found; add one (front matter `date:`, a dateline "
                               "with the date, or a 'Published ...' line)")


class UnanchoredRelativeTime(Rule):
    code = "DAT201"
    name = "unanchored-relative-time"
    severity = "warning"
    summary = "Relative time words in a story with no publication date"
    doc = """
    ## What it does
    In a story with no publication date, flags each relative time expression: "yesterday",
    "tonight", "this morning", "last week", "on Tuesday", "two days ago", "recently
    announced". A story with a date gets none of these findings.

    ## Why is this bad?
    "On Tuesday" means nothing once a story is shared, archived or read a week later,
    unless the reader knows when the story was published.

    ## Example
        The council voted on Tuesday to close the library.

    ## Use instead
    Give the story a publication date (then "on Tuesday" is clear), or name the day:
        The council voted on Nov. 24 to close the library.

    ## Options
    `extra-phrases` (list): more expressions to flag, as regular expressions.
    """
    options = {"extra-phrases": []}

    def check(self, doc, options):
        if _has_date(doc):
            return
        prose = doc.prose
        extra = [patterns.compile(r"(?i)\b(?:" + p + r")\b") for p in options.get("extra-phrases", ())]
        blocks = [b for b in doc.blocks if b.kind != "heading"]
        if any(c in prose for c in _ODD_CASE):
            found = [list(_relative_any_case().finditer(prose, b.start, b.end)) for b in blocks]
        else:
            found = _relative_matches(doc.lower_prose, [(b.start, b.end) for b in blocks])
        for block, spans in zip(blocks, found, strict=True):
            for pat in extra:
                spans.extend(pat.finditer(prose, block.start, block.end, timeout=0.5))
            for m in sorted(spans, key=lambda m: m.start()):
                words = prose[m.start():m.end()]
                if words.lower() == "recently":
                    sent = doc.sentence_at(m.start())
                    lo, hi = (sent.start, sent.end) if sent else (block.start, block.end)
                    if not any(r.start() <= m.start() < r.end() and (r.group("before") or "").lower() not in _DETERMINERS
                               for r in _RECENTLY.finditer(prose, lo, hi)):
                        continue
                yield Hit(m.start(), m.end(), f"'{words}' cannot be placed in time: the story has no "
                          "publication date; add one or name the date")


def _relative_matches(lower: str, bounds: list[tuple[int, int]]) -> list[list]:
    """For each (start, end) in `bounds`, `list(_RELATIVE.finditer(lower, start, end))`,
    scanning only the windows of `_windows`."""
    windows = _windows(lower)
    out = []
    i, n = 0, len(windows)
    for bs, be in bounds:
        if i and windows[i - 1][1] > bs:  # bounds come in order; should one not, look again from the first window
            i = 0
        while i < n and windows[i][1] <= bs:
            i += 1
        spans = []
        j = i
        while j < n and windows[j][0] < be:
            ws, we = windows[j]
            spans.extend(_RELATIVE.finditer(lower, ws if ws > bs else bs, we if we < be else be))
            j += 1
        out.append(spans)
    return out


def _windows(lower: str) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of `lower` that hold every `_RELATIVE` match, so
    `_RELATIVE.finditer(lower, max(start, a), min(end, b))` over them finds exactly what
    `_RELATIVE.finditer(lower, a, b)` finds.

    A match's last word holds an anchor occurrence at p, and the match starts at most four
    whitespace runs (re's `\\s`, which is `str.isspace`) before it; so it lies in the window from
    before the fifth whitespace run left of p (`rsplit(None, 5)`, one run to spare; the text's
    start when the 100 characters before p hold fewer) to the first non-word character at or
    after the anchor's end.
    A window ends before a non-word character, or at the end of the text, so `\\b` at its end
    reads as in the whole text; its start is only a `pos`, and re's `\\b` at `pos` looks at the
    character before it. Overlapping windows are merged: a match starting in one then ends in
    it, and no match straddles a window's edge, so the scans from each window's start see the
    same text in the same state as one scan.
    """
    find = lower.find
    word_end = _WORD_REST.match
    wins = []
    for anchor in _ANCHORS:
        p = find(anchor)
        while p >= 0:
            lo = p - 100 if p > 100 else 0
            parts = lower[lo:p].rsplit(None, 5)
            wins.append((lo + len(parts[0]) if len(parts) == 6 else 0, word_end(lower, p + len(anchor)).end()))
            p = find(anchor, p + 1)
    if len(wins) < 2:
        return wins
    wins.sort()
    merged = []
    start, end = wins[0]
    for s, e in wins:
        if s <= end:
            if e > end:
                end = e
        else:
            merged.append((start, end))
            start, end = s, e
    merged.append((start, end))
    return merged


class UpdatedBeforePublished(Rule):
    code = "DAT301"
    name = "updated-before-published"
    severity = "warning"
    summary = "The updated date is earlier than the publication date"
    doc = """
    ## What it does
    Flags an updated (modified) date earlier than the publication date, when both are
    known to the day (front matter `updated:`/`lastmod:`, `article:modified_time`, JSON-LD
    `dateModified`).

    ## Why is this bad?
    A story cannot be updated before it was published: one of the two dates is wrong, and
    readers and search engines will show the wrong one.

    ## Example
        date: 2026-11-27
        updated: 2026-11-20

    ## Use instead
        date: 2026-11-27
        updated: 2026-11-28
    """

    def check(self, doc, options):
        meta = doc.metadata
        pub, upd = meta.date, meta.updated
        if pub is None or upd is None or not pub.value or not upd.value:
            return
        if upd.value < pub.value:
            start = _file_offset(doc, upd)
            yield Hit.in_file(start, start + len(upd.text) if doc.text[start:start + len(upd.text)] == upd.text else start,
                              f"Updated date {upd.value} is earlier than the publication date {pub.value}; "
                              "correct one of them")


class FutureDate(Rule):
    code = "DAT302"
    name = "future-date"
    severity = "warning"
    default_enabled = False
    summary = "The publication date is in the future"
    doc = """
    ## What it does
    Flags a publication date later than today (the day copydesk runs), plus a tolerance in
    days for time zones and scheduled posts. Off by default: select `DAT302` to use it.

    ## Why is this bad?
    A future date is usually a typo (2062 for 2026) or a scheduled story published early.

    ## Example
        date: 2062-11-27

    ## Use instead
        date: 2026-11-27

    ## Options
    `tolerance-days` (int, default 1): how many days ahead still pass.
    """
    options = {"tolerance-days": 1}

    def check(self, doc, options):
        pub = doc.metadata.date
        if pub is None or not pub.value:
            return
        import datetime  # only for DAT302, which is off by default: 2.5 ms off every start

        limit = datetime.date.today() + datetime.timedelta(days=int(options.get("tolerance-days", 1)))
        if pub.value > limit.isoformat():
            start = _file_offset(doc, pub)
            end = start + len(pub.text) if doc.text[start:start + len(pub.text)] == pub.text else start
            yield Hit.in_file(start, end, f"Publication date {pub.value} is in the future; check the date")


def _file_offset(doc, field) -> int:
    return doc.lines.line_start(field.line) + field.column - 1


RULES = [MissingDate, UnanchoredRelativeTime, UpdatedBeforePublished, FutureDate]
