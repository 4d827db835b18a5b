"""DAT: missing publication dates, unanchored relative time, contradictory dates."""

import datetime

from tests.rule_tester import Case, lint, run_table

BY = "By Maria Chen\n\n"
BODY = "The council voted to close the library.\n"

DAT101_VALID = [
    BY + "Nov. 27, 2026\n\n" + BODY,
    BY + "November 27, 2026\n\n" + BODY,
    BY + "27 November 2026\n\n" + BODY,
    BY + "2026-11-27\n\n" + BODY,
    BY + "11/27/2026\n\n" + BODY,
    BY + "Published 3:15 p.m. ET Friday, Nov. 27, 2026\n\n" + BODY,
    BY + "Updated: 2026-11-27T15:15:00-05:00\n\n" + BODY,
    "By Maria Chen | Nov. 27, 2026\n\n" + BODY,
    "MEXICO CITY, Nov. 27, 2026 — " + BODY,
    BODY + "\nBy Maria Chen\nPosted on November 27, 2026",
    Case("---\ntitle: Library\ndate: 2026-11-27\n---\n" + BODY, path="s.md"),
    Case("+++\ndate = 2026-11-27T10:00:00Z\n+++\n" + BODY, path="s.md"),
    Case('<head><meta property="article:published_time" content="2026-11-27T15:15:00Z"></head><p>x</p>', path="s.html"),
    Case('<head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-11-27"}'
         '</script></head><p>x</p>', path="s.html"),
    Case('<body><p><time datetime="2026-11-27">Friday</time></p><p>x</p></body>', path="s.html"),
    Case('<body><p class="meta">By Ana Ruiz</p><span class="date">Nov. 27, 2026</span><p>x</p></body>', path="s.html"),
]
DAT101_INVALID = [
    Case(BY + BODY, [(1, 1, "DAT101")]),
    # a dateline without a date is not a date
    Case("MEXICO CITY — " + BODY, [(1, 1, "DAT101")]),
    # a year in the body or a copyright line is not a publication date
    Case(BY + "The library opened in 1998 and closed in 2026.\n\n© 2026 The Daily Example", [(1, 1, "DAT101")]),
    Case(BY + "The vote came after a Nov. 3, 2026 hearing where residents spoke for hours about the plan.\n",
         [(1, 1, "DAT101")]),
    Case("---\ntitle: Library\nauthor: Maria Chen\n---\n" + BODY, [(1, 1, "DAT101")], path="s.md"),
    Case("<html><head><title>Library</title></head><body><p>" + BODY + "</p><footer>Copyright 2026</footer>"
         "</body></html>", [(1, 1, "DAT101")], path="s.html"),
]

DAT201_VALID = [
    # with a date, relative words are anchored
    BY + "Nov. 27, 2026\n\nThe council voted yesterday. It meets again on Tuesday.\n",
    Case("---\ndate: 2026-11-27\n---\nThe council voted last week.\n", path="s.md"),
    # without a date, but no relative words; "recently" as an adjective-modifier is left alone
    BY + "The recently renovated library will close.\n",
    BY + "The library opened on Nov. 3 and closed in December.\n",
]
DAT201_INVALID = [
    Case(BY + "The council voted yesterday to close the library.\n", [(3, 19, "DAT201", "yesterday")]),
    Case(BY + "The council voted on Tuesday. Residents protested this morning.\n",
         [(3, 19, "DAT201", "on Tuesday"), (3, 51, "DAT201", "this morning")]),
    Case(BY + "Officials recently announced the closure, two weeks ago.\n",
         [(3, 11, "DAT201", "recently"), (3, 43, "DAT201", "two weeks ago")]),
    Case(BY + "Talks broke down last week.\n", [(3, 18, "DAT201", "last week")]),
    # a dateline without a date does not anchor anything
    Case("MEXICO CITY — The president spoke last night.\n", [(1, 35, "DAT201", "last night")]),
]

DAT301_VALID = [
    Case("---\ndate: 2026-11-27\nupdated: 2026-11-28\n---\nx\n", path="s.md"),
    Case("---\ndate: 2026-11-27\nupdated: 2026-11-27\n---\nx\n", path="s.md"),
]
DAT301_INVALID = [
    Case("---\ndate: 2026-11-27\nupdated: 2026-11-20\n---\nx\n", [(3, 10, "DAT301", "2026-11-20")], path="s.md"),
    Case('<head><meta property="article:published_time" content="2026-11-27T10:00:00Z">\n'
         '<meta property="article:modified_time" content="2026-11-26T09:00:00Z"></head><p>x</p>',
         [(2, 49, "DAT301", "2026-11-26T09:00:00Z")], path="s.html"),
]

FUTURE = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
PAST = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
DAT302_VALID = [Case(f"---\ndate: {PAST}\n---\nx\n", path="s.md")]
DAT302_INVALID = [Case(f"---\ndate: {FUTURE}\n---\nx\n", [(2, 7, "DAT302", FUTURE)], path="s.md")]


def test_dat101_missing_date():
    run_table("DAT101", DAT101_VALID, DAT101_INVALID)


def test_dat201_relative_time_without_date():
    run_table("DAT201", DAT201_VALID, DAT201_INVALID)


def test_dat301_updated_before_published():
    run_table("DAT301", DAT301_VALID, DAT301_INVALID)


def test_dat302_future_date_when_selected():
    run_table("DAT302", DAT302_VALID, DAT302_INVALID)


def test_dat302_is_off_by_default():
    from linter.plugins import load_registry

    assert load_registry().rules["DAT302"].default_enabled is False


# DAT201 scans only windows around anchor words (rules.dates._windows); these check that it
# finds exactly what one scan of each block finds.
_VOCAB = (
    "yesterday the day before tomorrow tonight last night earlier later today this morning afternoon "
    "evening next past coming week month year weekend summer winter spring fall autumn monday tuesday "
    "wednesday thursday friday saturday sunday on a few two three four five six several couple of days "
    "weeks ago recently "
    # near misses and words holding an anchor
    "holiday yearly weekday weekdays fallen someday agora chicago nightly mondays today's week's years "
    "afternoons springfield x to an el lasts onward thiss couples thea"
).split()
_JOINERS = (" ", " ", " ", "  ", "\n", "\t", "\n\n", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029",
            "\xa0", "\u202f", "\u3000", "\x0b", "\x0c", "\r\n", "", "-", ",", ".", "'", "\u2019", "(", ")", "_",
            "1", "\u200b", "\u0130", "\u017f", "\u03c3", " \u0301", " " * 70, "\n \t" * 30)

_SPACES = (" ", " ", "  ", "\n", "\t", "\x1c", "\x1f", "\x85", "\u2028", "\xa0", "\u3000", "\r\n", " " * 70)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = ("week", "month", "year", "weekend", "summer", "winter", "spring", "fall", "autumn")
_PARTS = ("morning", "afternoon", "evening", "night")
# every shape of phrase rules.dates._RELATIVE matches, a tuple being a choice of words
_PHRASES = (
    ("yesterday",), ("the", "day", "before", "yesterday"), ("tomorrow",), ("tonight",), ("last", "night"),
    (("earlier", "later"), "today"), (("this", "yesterday", "tomorrow"), _PARTS[:3]),
    (("last", "next"), _UNITS), ("this", ("past", "coming"), _UNITS), (("earlier", "later"), "this", _UNITS),
    (("last", "next"), _DAYS), ("this", ("past", "coming"), _DAYS), ("on", _DAYS), ("on", _DAYS, _PARTS),
    (_DAYS, _PARTS), (("two", "three", "four", "five", "six", "several"), ("days", "weeks"), "ago"),
    ("a", "few", ("days", "weeks"), "ago"), ("a", "couple", "of", ("days", "weeks"), "ago"),
    ("a", ("day", "week"), "ago"), ("recently",),
)


def _fuzz_text(rng):
    items = []
    for _ in range(rng.randint(1, 30)):
        if rng.random() < 0.4:
            words = [w if isinstance(w, str) else rng.choice(w) for w in rng.choice(_PHRASES)]
            if rng.random() < 0.2:  # a phrase cut short or with a word left out
                del words[rng.randrange(len(words))]
            items.append("".join(w + rng.choice(_SPACES) for w in words[:-1]) + words[-1] if words else "")
        else:
            items.append(rng.choice(_VOCAB))
    return "".join(w + rng.choice(_JOINERS) for w in items)


def _plain(lower, bounds):
    from rules.dates import _RELATIVE

    return [[m.span() for m in _RELATIVE.finditer(lower, a, b)] for a, b in bounds]


def _windowed(lower, bounds):
    from rules.dates import _relative_matches

    return [[m.span() for m in spans] for spans in _relative_matches(lower, bounds)]


def test_dat201_whitespace_is_the_same_for_re_and_str():
    import re

    every = "".join(map(chr, range(0x110000)))
    spaces = [c for c in every if c.isspace()]
    assert re.findall(r"\s", every) == spaces  # re's \s is str.isspace (rsplit's whitespace)
    assert not re.findall(r"\w", "".join(spaces))  # and no whitespace is a word character


def test_dat201_windowed_scan_by_hand():
    # the longest reach back (four runs of whitespace before "ago"), odd whitespace, a word glued in front
    text = "they met x-a couple\u2028of\x1c days \xa0ago, and last\x85week; the day before yesterday's rain"
    want = [(11, 33), (39, 48), (50, 74)]
    assert [text[a:b] for a, b in want] == ["a couple\u2028of\x1c days \xa0ago", "last\x85week", "the day before yesterday"]
    assert _plain(text, [(0, len(text))]) == [want]
    assert _windowed(text, [(0, len(text))]) == [want]
    # blocks ending before "ago", right after "week", mid-word ("yesterd"); one starting mid-phrase
    bounds = [(0, 30), (34, 48), (48, 72), (53, 81)]
    assert _windowed(text, bounds) == _plain(text, bounds) == [[], [(39, 48)], [], [(65, 74)]]
    # no anchor, no match; anchors with no match
    assert _windowed("on the way", [(0, 10)]) == [[]]
    assert _windowed("the holiday yearly fallen agora", [(0, 31)]) == [[]]


def test_dat201_windowed_scan_matches_plain_scan_fuzzed():
    import random

    rng = random.Random(20261128)
    matches = 0
    for _ in range(6000):
        text = _fuzz_text(rng)
        if rng.random() < 0.3:  # long tokens: the 100-character look-back runs short of six tokens
            text = text.replace(" ", "x" * rng.randint(1, 60), rng.randint(0, 3))
        bounds = [(0, len(text))]
        if rng.random() < 0.5:
            cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(1, 4))))
            bounds = list(zip(cuts[::2], cuts[1::2], strict=False))
            if rng.random() < 0.2:
                bounds.reverse()
        want = _plain(text, bounds)
        assert _windowed(text, bounds) == want, (text, bounds)
        matches += sum(map(len, want))
    assert matches > 10000  # the fuzz does reach the pattern (15,247 matches)


def test_dat201_windowed_scan_matches_plain_scan_on_corpus(shared_dir):
    import json
    import os

    path = os.path.join(shared_dir, "corpora", "news-2016", "articles.jsonl")
    if not os.path.isfile(path):
        import pytest

        pytest.skip("news-2016 corpus absent")
    matches = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = (json.loads(line)["text"] or "").lower()
            paragraphs, pos = [], 0
            for part in text.split("\n\n"):
                paragraphs.append((pos, pos + len(part)))
                pos += len(part) + 2
            for bounds in ([(0, len(text))], paragraphs):
                want = _plain(text, bounds)
                assert _windowed(text, bounds) == want
                matches += sum(map(len, want))
    assert matches > 2000


def test_dat201_letters_re_i_matches_beyond_lower_case():
    # DAT201 scans the lower-cased prose case-sensitively, and a document holding a letter that
    # re.I matches to an ASCII letter but lower() does not turn into it, case-blind: these are all
    import re
    import string

    from rules.dates import _ODD_CASE

    every = "".join(map(chr, range(0x110000)))
    lowered = {c for c in every if c.lower() in string.ascii_lowercase}  # "A", "K" (Kelvin sign) ...
    matched = set(re.findall("[a-z]", every, re.I))
    odd = {c for c in lowered | matched
           if [x for x in string.ascii_lowercase if re.fullmatch(x, c, re.I)] != [c.lower()]}
    assert odd == set(_ODD_CASE)


def test_dat201_odd_case_letters_found_as_before():
    # re.I matched "ſ" as "s" and "ı", "İ" as "i" before DAT201 scanned the lower-cased prose
    cases = [
        ("The mayor resigned laſt week.", [(20, "laſt week")]),
        ("The mayor resigned yeſterday.", [(20, "yeſterday")]),
        ("He left thıs morning.", [(9, "thıs morning")]),
        ("HE LEFT THİS MORNING.", [(9, "THİS MORNING")]),
        ("İzmir voted last week; it had recently announced it.", [(13, "last week"), (31, "recently")]),
        ("İzmir has a recently renovated hall.", []),
    ]
    for text, expected in cases:
        assert [(f.column, f.words) for f in lint(text, "DAT201")] == expected, text
