"""Property tests: random text, Markdown and HTML through every reader and every rule (issue 9).

Invariants for every input: no exception and no problem; every finding's line is within
1..max(1, lines) and its column within that line (+1); the end is not before the start;
findings come out sorted; CRLF gives the same findings as LF. The example count is kept
small so the suite stays fast; benchmarks/fuzz.py runs the same checks with many more
(COPYDESK_FUZZ_EXAMPLES).
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.plugins import load_registry
from linter.runner import Linter

EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "60"))
LINTER = Linter(load_registry(), select=None)

WORDS = ["According to", "sources", "said", "say", "Critics", "officials", "the most", "unprecedented",
         "yesterday", "on Tuesday", "By", "Ana Ruiz", "Nov. 27, 2026", "U.S.", "Mr.", "it is believed",
         "reportedly", "experts warn", "studies show", "people familiar with the matter", "mayor", "—",
         "WASHINGTON (AP) —", "a.m.", "3.5", "café", "’", "'", ".", ",", "!", "?", "…"]
MARKS = ['"', "“", "”", "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u00a0", "\ufeff", "\x00", "&amp;", "&#x27;", "&bogus;"]
MD = ["# ", "## ", "> ", "- ", "1. ", "* ", "**", "_", "`", "```\n", "~~~\n", "    ", "[", "](http://x.test/a)", "![",
      "<!--", "-->", "<!-- copydesk: disable SRC -->", "<!-- copydesk: enable -->", "---\n", "+++\n", "title: x\n",
      "author: Ana\n", "date: 2026-11-27\n", "|", "| --- |", "===", "\\", "<b>", "</b>"]
HTML = ["<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<script>", "</script>", "<style>", "<!--", "-->",
        "<title>", "</title>", '<meta name="author" content="Ana Ruiz">', '<time datetime="2026-11-27">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Ana"}}</script>',
        '<span class="byline">', "</span>", "<li>", "<blockquote>", "<", ">", "</", "<a href='x'>", "<td>",
        "<pre>", "</pre>", "<!DOCTYPE html>", "<img src=x>"]


def _pieces(extra):
    return st.lists(st.one_of(st.sampled_from(WORDS + MARKS + extra), st.text(max_size=12)), max_size=60).map(" ".join)


TEXT = _pieces([])
MARKDOWN = _pieces(MD)
HTML_FRAGMENTS = _pieces(HTML)


def check_invariants(text: str, path: str) -> None:
    result = LINTER.lint_text(text, path)
    assert not result.problems, result.problems
    lf = text[1:] if text.startswith("\ufeff") else text
    lf = lf.replace("\r\n", "\n").replace("\r", "\n")
    lines = lf.split("\n")
    for f in result.findings:
        assert 1 <= f.line <= max(1, len(lines)), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert 1 <= f.end_line <= max(1, len(lines)), f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
    assert result.findings == sorted(result.findings, key=lambda f: f.sort_key())
    crlf = LINTER.lint_text(lf.replace("\n", "\r\n"), path)
    assert [f.as_json() for f in crlf.findings] == [f.as_json() for f in result.findings]


SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(TEXT)
def test_plain_text(text):
    check_invariants(text, "story.txt")


@SETTINGS
@given(MARKDOWN)
def test_markdown(text):
    check_invariants(text, "story.md")


@SETTINGS
@given(HTML_FRAGMENTS)
def test_html(text):
    check_invariants(text, "story.html")


@SETTINGS
@given(st.text(max_size=300), st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_unicode(text, ext):
    check_invariants(text, "story" + ext)
