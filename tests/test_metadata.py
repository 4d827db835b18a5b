"""linter.metadata: which byline, date and dateline a document has, and where they are."""

import json
import os
import subprocess
import sys

import pytest

from linter.config import Config
from linter.metadata import is_date_line, looks_like_byline, parse_date
from tests.rule_tester import registry


def meta(text: str, path: str = "story.txt", **settings):
    from linter.runner import Linter

    cfg = Config()
    doc = Linter(registry()).read_document(text, path, cfg)
    doc.settings.update(settings)
    return doc.metadata


@pytest.mark.parametrize("text,value", [
    ("Nov. 27, 2026", "2026-11-27"), ("November 27, 2026", "2026-11-27"), ("27 November 2026", "2026-11-27"),
    ("2026-11-27", "2026-11-27"), ("11/27/2026", "2026-11-27"), ("2026/11/27", "2026-11-27"),
    ("Published 3:15 p.m. ET Friday, Nov. 27, 2026", "2026-11-27"), ("2026-11-27T15:15:00-05:00", "2026-11-27"),
    ("20261127T08:00:00Z", "2026-11-27"), ("27.11.2026", "2026-11-27"), ("Sept. 3rd, 2026", "2026-09-03"),
    ("2026", None), ("Nov. 27", None), ("13/45/2026", None),
])
def test_parse_date_formats(text, value):
    assert parse_date(text) == value


def test_date_order_decides_numeric_dates():
    assert parse_date("03/04/2026") == "2026-03-04"
    assert parse_date("03/04/2026", "day-first") == "2026-04-03"
    assert meta("By Ana Ruiz\n\n03/04/2026\n\nx\n", **{"date-order": "day-first"}).date.value == "2026-04-03"


def test_date_lines_and_byline_shapes():
    assert is_date_line("Friday, Nov. 27, 2026 at 3:15 p.m. ET")
    assert not is_date_line("Election set for Nov. 3, 2026 across the state")
    assert looks_like_byline("Maria Chen and Tom Okafor | Reuters")
    assert looks_like_byline("admin")
    assert not looks_like_byline("noon, crowds had gathered outside.")


def test_text_byline_and_date_positions():
    m = meta("Library to close\n\nBy Maria Chen\nNov. 27, 2026\n\nThe council voted.\n")
    assert (m.byline.text, m.byline.line, m.byline.column, m.byline.source) == ("Maria Chen", 3, 4, "text")
    assert (m.date.value, m.date.line, m.date.column, m.date.source) == ("2026-11-27", 4, 1, "text")


def test_dateline_with_and_without_date():
    m = meta("MEXICO CITY — The president spoke.\n")
    assert m.dateline.text == "MEXICO CITY" and m.dateline.value is None and m.date is None
    m = meta("WASHINGTON, Nov. 27, 2026 — The president spoke.\n")
    assert m.date.value == "2026-11-27" and m.date.line == 1


def test_front_matter_sources():
    m = meta("---\ntitle: Library\nauthor: Maria Chen\ndate: 2026-11-27\nupdated: 2026-11-28\n---\nx\n", "s.md")
    assert (m.byline.text, m.byline.line, m.byline.source) == ("Maria Chen", 3, "front-matter")
    assert (m.date.value, m.date.line, m.date.column, m.date.source) == ("2026-11-27", 4, 7, "front-matter")
    assert m.updated.value == "2026-11-28"


def test_html_prefers_published_over_weaker_dates():
    page = ('<html><head><meta name="dc.date" content="2026-11-26">\n'
            '<meta property="article:published_time" content="2026-11-27T10:00:00-05:00"></head>'
            '<body><p><time datetime="2026-11-20">old related story</time></p></body></html>')
    m = meta(page, "s.html")
    assert (m.date.value, m.date.line, m.date.source) == ("2026-11-27", 2, "meta")


def test_html_utc_time_reported_as_the_local_day_the_page_states():
    page = ('<head><meta property="article:published_time" content="2026-11-28T04:30:00+00:00"></head>'
            '<body><p><time datetime="2026-11-27T20:30:00-08:00">Nov. 27</time></p></body>')
    assert meta(page, "s.html").date.value == "2026-11-27"


def test_html_json_ld_author_and_visible_date_text():
    page = ('<head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "author": '
            '[{"name": "Maria Chen"}, {"name": "Tom Okafor"}]}]}</script></head>'
            '<body><span class="entry-date">November 27, 2026</span><p>x</p></body>')
    m = meta(page, "s.html")
    assert m.byline.text == "Maria Chen, Tom Okafor" and m.byline.source == "json-ld"
    assert m.date.value == "2026-11-27" and m.date.source == "text"


def test_html_url_path_date():
    page = '<head><link rel="canonical" href="https://example.com/2026/11/27/library-closes/"></head><p>x</p>'
    assert meta(page, "s.html").date.value == "2026-11-27"
    month = '<head><meta property="og:url" content="https://example.com/2026/11/library.html"></head><p>x</p>'
    m = meta(month, "s.html")
    assert m.date is not None and m.date.value is None  # the month is known, the day is not


def test_copyright_footer_is_not_a_date():
    assert meta("By Ana Ruiz\n\nx\n\n© Nov. 27, 2026 Example News\n").date is None


SEED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "samples", "content-farm-seed.txt")


@pytest.mark.skipif(not os.path.exists(SEED), reason="../shared is not available")
def test_seed_sample_inspect():
    out = subprocess.run([sys.executable, "-m", "linter", "inspect", SEED, "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["byline"]["line"] == 65 and data["byline"]["text"] == "admin"
    assert data["date"] is None
