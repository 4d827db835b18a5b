"""Markdown: prose without the markup, front matter read as metadata.

Kept out of the prose: YAML (---) and TOML (+++) front matter, fenced and indented code,
inline code, HTML comments and tags, link URLs, images, reference definitions, and the
markers of headings, lists, quotes, emphasis and tables. Link text stays. Blocks record
what each piece is (heading, list item, block quote, table row, paragraph) so rules can
skip what is not running prose. Markers inside a word are dropped, not blanked, so
`**wor**d` still reads as one word; entities are decoded without shifting columns.
"""

from __future__ import annotations

import html
import re

from linter.document import Block, MetaCandidate, ReadResult
from linter.prose import ProseBuilder

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST = re.compile(r"^[ \t]{0,6}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_INLINE = re.compile(
    r"(?P<comment><!--(?:(?!<!--).)*?-->)"
    r"|(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<image>!\[[^\[\]\n]*\]\([^)\n]{0,2048}\))"
    r"|(?P<linkopen>\[)(?=[^\[\]\n]+\](?:\([^)\n]{0,2048}\)|\[[^\[\]\n]*\]))"
    r"|(?P<linkclose>\](?:\([^)\n]{0,2048}\)|\[[^\[\]\n]*\]))"
    r"|(?P<autolink><(?:https?|mailto|ftp):[^<>\s]*>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\(?=[!-/:-@\[-`{-~]))"
    r"|(?P<emph>\*{1,3}|~~|(?<![\w])_{1,3}|_{1,3}(?![\w]))"
    r"|(?P<pipe>\|)"
)


def _front_matter(text: str) -> tuple[int, str, int] | None:
    """(end of front matter, kind, start of its body) or None."""
    for marker, kind in (("---", "yaml"), ("+++", "toml")):
        if text.startswith(marker + "\n"):
            m = re.compile(r"^(?:" + re.escape(marker) + r"|\.\.\.)[ \t]*$", re.M).search(text, len(marker) + 1)
            if m:
                end = m.end()
                return (end + 1 if text[end:end + 1] == "\n" else end), kind, len(marker) + 1
    return None


_KEYVAL = re.compile(r"^(?P<key>[A-Za-z_][\w.\-]*)[ \t]*[:=][ \t]*(?P<value>.*?)[ \t]*$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.+?)[ \t]*$")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def read_front_matter(text: str, body_start: int, end: int) -> list[MetaCandidate]:
    """Top-level `key: value` pairs (and `- item` lists) of simple YAML or TOML front matter."""
    out = []
    pos = body_start
    last_key = None
    for line in text[body_start:end].split("\n"):
        m = _KEYVAL.match(line)
        if m:
            key = m.group("key")
            value = m.group("value")
            vstart = pos + m.start("value")
            last_key = key
            if value.startswith("[") and value.endswith("]"):
                inner = value[1:-1]
                off = vstart + 1
                for part in re.finditer(r"[^,]+", inner):
                    v = _unquote(part.group())
                    if v:
                        out.append(MetaCandidate("front-matter", key, v, off + part.start() + part.group().find(v[:1]), off + part.end()))
            elif value and value not in ("|", ">", "{"):
                v = _unquote(value)
                vs = vstart + value.find(v[:1]) if v else vstart
                out.append(MetaCandidate("front-matter", key, v, vs, vs + len(v)))
        else:
            mi = _ITEM.match(line)
            if mi and last_key:
                v = _unquote(mi.group("value"))
                if v and ":" not in v.split(" ")[0]:
                    vs = pos + mi.start("value")
                    out.append(MetaCandidate("front-matter", last_key, v, vs, vs + len(v)))
        pos += len(line) + 1
    return out


def _inline(b: ProseBuilder, text: str, start: int, end: int) -> None:
    """Prose for one line's content [start, end), inline markup removed."""
    pos = start
    for m in _INLINE.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "ticks":
            kind = "code"
        b.keep(pos, m.start())
        if kind in ("code", "image", "autolink"):
            b.blank(m.start(), m.end())
        elif kind == "entity":
            decoded = html.unescape(m.group())
            b.replace(m.start(), m.end(), decoded if decoded != m.group() else m.group())
        elif kind == "pipe":
            b.replace(m.start(), m.end(), " ")
        else:
            b.drop(m.start(), m.end())
        pos = m.end()
    b.keep(pos, end)


def read(text: str, path: str) -> ReadResult:
    b = ProseBuilder(text)
    candidates: list[MetaCandidate] = []
    warnings: list[str] = []
    blocks: list[Block] = []
    pos = 0
    fm = _front_matter(text)
    if fm:
        end, _kind, body = fm
        candidates = read_front_matter(text, body, end)
        b.blank(0, end)
        pos = end
    elif text.startswith(("---\n", "+++\n")):
        warnings.append("front matter is not closed: read as text")

    comments = [(m.start(), m.end()) for m in _COMMENT.finditer(text, pos)] if "<!--" in text else []
    ci = 0
    fence = None
    cur_start = None  # prose start of the open block
    cur_kind = None
    cur_lines = 0
    prev_blank = True

    def close():
        nonlocal cur_start, cur_kind, cur_lines
        if cur_start is not None:
            blocks.append(Block(cur_start, b.length, cur_kind))
        cur_start, cur_kind, cur_lines = None, None, 0

    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        line = text[pos:nl]
        # an HTML comment that starts on this line
        while ci < len(comments) and comments[ci][1] <= pos:
            ci += 1
        if ci < len(comments) and comments[ci][0] < nl and comments[ci][0] >= pos and not fence:
            cs, ce = comments[ci]
            if text[pos:cs].strip() == "" and ce > nl:
                # a block comment spanning lines: blank it whole
                close()
                b.blank(pos, ce)
                pos = ce
                ci += 1
                prev_blank = True
                continue
        if fence:
            b.blank(pos, nl)
            if re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", line):
                fence = None
        elif (m := _FENCE.match(line)):
            close()
            fence = m.group(1)
            b.blank(pos, nl)
        elif not line.strip(" \t\u00a0"):
            close()
            b.keep(pos, nl)
            prev_blank = True
        elif prev_blank and (line.startswith("    ") or line.startswith("\t")) and cur_kind != "list":
            close()
            b.blank(pos, nl)
        elif _REFDEF.match(line) or (_HR.match(line) and prev_blank):
            close()
            b.blank(pos, nl)
        elif (m := _SETEXT.match(line)) and cur_kind == "paragraph" and cur_lines == 1:
            b.blank(pos, nl)
            cur_kind = "heading"
            close()
        elif _TABLE_SEP.match(line) and "|" in line:
            b.blank(pos, nl)
        else:
            kind = "paragraph"
            content = pos
            if (m := _ATX.match(line)):
                kind = "heading"
                content = pos + m.end()
                b.blank(pos, content)
                # closing hashes
                stripped = line.rstrip()
                tail = len(stripped) - len(stripped.rstrip("#"))
                end = pos + len(stripped) - tail if tail and stripped[:-tail].endswith((" ", "\t")) else nl
            else:
                end = nl
                if (m := _QUOTE.match(line)):
                    kind = "quote"
                    b.blank(pos, pos + m.end())
                    content = pos + m.end()
                if (m := _LIST.match(line[content - pos:])):
                    kind = "list"
                    b.blank(content, content + m.end())
                    content += m.end()
                elif cur_kind in ("list", "quote") and not prev_blank:
                    kind = cur_kind
                if kind == "paragraph" and "|" in line and line.strip().startswith("|"):
                    kind = "table"
            if kind in ("heading", "list", "table") or kind != cur_kind or prev_blank:
                if not (kind == cur_kind and kind in ("paragraph", "quote") and not prev_blank):
                    close()
            if cur_start is None:
                cur_start = b.length
                cur_kind = kind
            cur_lines += 1
            _inline(b, text, content, end)
            b.blank(end, nl)
            if kind == "heading":
                close()
            prev_blank = False
        if nl < n:
            b.keep(nl, nl + 1)
        pos = nl + 1
    close()
    prose, offsets = b.build()
    return ReadResult(prose=prose, offsets=offsets, blocks=blocks, candidates=candidates, comments=True,
                      warnings=warnings)
