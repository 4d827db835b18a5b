"""The HTML report: it parses, every finding is highlighted once at its words, article text cannot run.

Where Chromium is installed, a headless screenshot shows the highlights are painted.
"""

import base64
import contextlib
import hashlib
import io
import json
import shutil
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linter import cli
from linter.report_html import _SCRIPT, Placed, _render_block

STORY = (
    "Ferry Fares Rise Again\n"
    "\n"
    "By Ines Varga\n"
    "\n"
    "According to sources, the ferry company will raise fares in spring. Critics say the rise is steep.\n"
    "\n"
    "It is believed that the company lost money on the winter timetable.\n"
)
HOSTILE = (
    "Pier Notice\n\nBy Ines Varga\n\n"
    "According to sources, <script>alert('pwned')</script> the pier closes.\n\n"
    "Critics say <img src=x onerror=alert(1)> it is late. \"><svg onload=alert(2)>\n"
)
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "div", "main", "h1", "h2", "h3", "p", "kbd",
                "article", "blockquote", "mark", "aside", "table", "thead", "tbody", "tr", "th", "td", "strong", "ol",
                "ul", "li", "span", "svg", "rect", "line", "text", "footer", "section", "pre", "script"}


class Page(HTMLParser):
    """Collects tags, attributes, scripts, and the text inside each finding's <mark> pieces."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.open_marks: list[str] = []
        self.words: dict[str, str] = {}
        self.first_pieces: dict[str, int] = {}
        self.article_text: list[str] = []
        self._in_article = False
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in ("meta", "line", "rect"):
            self.stack.append(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "article":
            self._in_article = True
        if tag == "mark":
            fid = a["data-finding"]
            self.open_marks.append(fid)
            if "id" in a:
                self.first_pieces[fid] = self.first_pieces.get(fid, 0) + 1

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in ("meta", "line", "rect"):
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if tag == "script":
            self._in_script = False
        if tag == "article":
            self._in_article = False
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        for fid in set(self.open_marks):
            self.words[fid] = self.words.get(fid, "") + data
        if self._in_article:
            self.article_text.append(data)


def run_cli(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def report(path: Path, *args) -> tuple[str, Page]:
    out = path.with_name(path.name + ".html")
    code, _, err = run_cli("report", str(path), "-o", str(out), *args)
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    parser = Page()
    parser.feed(page)
    parser.close()
    return page, parser


def words_at(text: str, f: dict) -> str:
    lines = text.split("\n")
    if f["line"] == f["end_line"]:
        return lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
    parts = [lines[f["line"] - 1][f["column"] - 1:], *lines[f["line"]:f["end_line"] - 1],
             lines[f["end_line"] - 1][:f["end_column"] - 1]]
    return "\n".join(parts)


def test_every_finding_is_highlighted_once_at_its_words(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "--quiet", str(path))
    findings = json.loads(out)
    placed = [f for f in findings if (f["line"], f["column"]) != (f["end_line"], f["end_column"])]
    assert {"SRC101", "SRC201", "SRC301"} <= {f["code"] for f in placed}
    _, page = report(path)
    assert page.stack == []  # every element closed, in order
    # findings are numbered in the CLI's order; each highlighted one has exactly one first piece
    for i, f in enumerate(findings):
        if f in placed:
            assert page.first_pieces.get(str(i)) == 1, f
            assert " ".join(page.words[str(i)].split()) == " ".join(words_at(STORY, f).split())
        else:
            assert str(i) not in page.first_pieces
    ids = [a["id"] for t, a in page.tags if t == "mark" and "id" in a]
    assert len(ids) == len(set(ids)) == len(placed)
    # keyboard: each highlight is focusable and described by its message
    for t, a in page.tags:
        if t == "mark" and "id" in a:
            assert a["tabindex"] == "0" and a["aria-describedby"].startswith("m-")
            assert a["data-fam"] == a["data-code"][:3]  # a text label, not colour alone


def test_markdown_story_highlights_the_words_not_the_markup(tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text("# Ferry Fares Rise Again\n\nBy Ines Varga\n\n**According to sources**, fares rise. "
                    "*Critics say* it is steep.\n", encoding="utf-8")
    _, page = report(path)
    marked = {page.words[fid].strip() for fid in page.first_pieces}
    assert "According to sources" in marked
    assert "Critics say" in marked
    assert "**" not in "".join(page.article_text)


def test_article_text_cannot_inject_markup_or_script(tmp_path):
    for name in ("pier.txt", "pier.md", "pier.html"):
        path = tmp_path / name
        path.write_text(HOSTILE, encoding="utf-8")
        raw, page = report(path)
        assert len(page.scripts) == 1 and page.scripts[0] == _SCRIPT  # only copydesk's own script
        for tag, attrs in page.tags:
            assert tag in ALLOWED_TAGS, tag
            assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
            for k in ("src", "href"):
                assert not (attrs.get(k) or "").lstrip().lower().startswith(("http", "//", "javascript:", "data:text"))
        assert "<script>alert" not in raw and "<img src=x" not in raw
        if name == "pier.txt":  # plain text shows the markup as words
            assert "<script>alert('pwned')</script>" in "".join(page.article_text)
        csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
        digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
        assert "default-src 'none'" in csp and f"'sha256-{digest}'" in csp and "unsafe-inline' ;" not in csp
        assert "script-src 'unsafe-inline'" not in csp


def test_hostile_file_name_is_escaped(tmp_path):
    out = tmp_path / "o.html"
    stdin = io.TextIOWrapper(io.BytesIO(STORY.encode()), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import sys

        old = sys.stdin
        sys.stdin = stdin
        try:
            code = cli.main(["report", "-", "--stdin-filename", '"><script>alert(3)</script>.txt', "-o", str(out)])
        finally:
            sys.stdin = old
    assert code == 0
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    assert len(page.scripts) == 1


def test_summary_counts_and_chart(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    raw, page = report(path)
    _, out, _ = run_cli("check", "--format", "json", "--quiet", str(path))
    n_src = sum(f["code"].startswith("SRC") for f in json.loads(out))
    rows = [r for r in raw.split("<tr>") if '<span class="code">SRC</span>' in r]
    assert rows and f"<td>{n_src}</td>" in rows[0]
    assert "Reading grade:" in raw
    bars = [a for t, a in page.tags if t == "rect"]
    assert len(bars) == 2  # two running paragraphs (headline and byline are not charted)


def test_overlapping_findings_nest_and_crossing_ones_reopen():
    class F:
        def __init__(self, code, words):
            self.code, self.words, self.severity, self.message = code, words, "warning", "m"

    prose = "aaa bbb ccc ddd"
    outer = Placed(0, F("RDB201", prose), 0, 15)
    inner = Placed(1, F("SRC101", "bbb"), 4, 7)
    cross = Placed(2, F("SUP101", "ccc ddd"), 8, 15)
    cross2 = Placed(3, F("SUP102", "bbb ccc"), 4, 11)
    html = "<article>" + _render_block(prose, 0, 15, [outer, inner, cross, cross2]) + "</article>"
    page = Page()
    page.feed(html)
    assert page.stack == []
    assert {k: v for k, v in page.words.items()} == {"0": prose, "1": "bbb", "2": "ccc ddd", "3": "bbb ccc"}
    assert all(v == 1 for v in page.first_pieces.values()) and len(page.first_pieces) == 4


# -- rendered by a real browser ------------------------------------------------------------------

def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of raw pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            depth, color = body[8], body[9]
            assert depth == 8 and color in (2, 6)
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


@pytest.mark.slow
@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed")
def test_headless_chromium_paints_the_highlights(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    report(path)
    shot = tmp_path / "shot.png"
    p = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={shot}", "--window-size=900,600", path.with_name(path.name + ".html").as_uri()],
                       capture_output=True, text=True, timeout=60)
    if not shot.exists():
        pytest.skip(f"Chromium could not take a screenshot here: {p.stderr[-300:]}")
    width, bpp, rows = _png_pixels(shot.read_bytes())
    src = bytes.fromhex("ffd8a8")  # the sourcing family's highlight
    def near(px):
        return all(abs(a - b) <= 8 for a, b in zip(px, src, strict=True))

    painted = sum(near(row[x:x + 3]) for row in rows for x in range(0, width * bpp, bpp))
    assert painted > 500, painted  # three SRC highlights of several words each
