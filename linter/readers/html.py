"""HTML: the visible article text, with the page's metadata.

A small tokenizer (tolerant of broken markup: an unclosed tag or a stray `<` is text)
walks the page once. Kept out of the prose: tags, comments, `<head>`, `<script>`,
`<style>`, `<noscript>`, `<template>`, `<svg>`, `<nav>`, `<footer>`, `<aside>`, `<form>`,
`<pre>` and `<code>`. Inline tags are dropped without a trace (`<b>wor</b>d` is one word);
block tags end a block. Entities are decoded, each mapped to its place in the file.

Metadata candidates: `<title>`, `<meta name|property|itemprop=... content=...>`, JSON-LD
(`NewsArticle` and kin: author, datePublished, dateModified, headline), `<time datetime>`,
and the text of elements marked `rel="author"`, `itemprop="author"` or with a class
naming a byline or author.
"""

from __future__ import annotations

import html
import json
import re

from linter.document import Block, MetaCandidate, ReadResult
from linter.prose import ProseBuilder

_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<decl><![^>]*>|<\?[^>]*>)"
    r"|(?P<tag><(?P<close>/)?(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s+[^\s\"'>/=<]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)",
    re.S,
)
_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
RAW_TEXT = {"script", "style", "textarea", "title", "xmp"}
SKIP = {"head", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form", "pre", "code",
        "button", "select", "iframe", "object", "canvas", "audio", "video", "map", "dialog"}
BLOCK_KIND = {
    "p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph", "main": "paragraph",
    "header": "paragraph", "body": "paragraph", "address": "paragraph", "center": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list", "dt": "list", "dd": "list", "ul": "list", "ol": "list", "dl": "list",
    "blockquote": "quote", "td": "table", "th": "table", "tr": "table", "table": "table", "caption": "caption",
    "figure": "paragraph", "figcaption": "caption", "hr": "paragraph", "br": None, "html": "paragraph",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|NewsArticle|Report|WebPage|Posting", re.I)
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|author|byl|contributor|writer)(?:$|[\s_-])", re.I)


_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|dateline|pubdate|published|timestamp|time|posted-on)(?:$|[\s_-])", re.I)
_UPDATED_CLASS = re.compile(r"updated|modified", re.I)


def _capture_key(name: str, attrs: dict) -> str | None:
    """Which metadata an element's text is: "author", "time-text", "date-text", "updated-text" or None."""
    itemprop = attrs.get("itemprop", ("",))[0].lower()
    cls = attrs.get("class", ("",))[0] or ""
    if "comment" in cls.lower():  # a commenter's name or date is not the story's
        return None
    if "author" in attrs.get("rel", ("",))[0].lower() or itemprop == "author" or _BYLINE_CLASS.search(cls):
        return "author"
    if name == "time" and "datetime" not in attrs:
        return "time-text"
    if itemprop in ("datepublished", "datecreated") or _DATE_CLASS.search(cls):
        return "updated-text" if _UPDATED_CLASS.search(cls) or itemprop == "datemodified" else "date-text"
    return None


def _attrs(raw: str, base: int) -> dict[str, tuple[str, int]]:
    """attribute name -> (value, index of the value in the file)."""
    out = {}
    for m in _ATTR.finditer(raw):
        name = m.group(1).lower()
        for g in (2, 3, 4):
            if m.group(g) is not None:
                out[name] = (html.unescape(m.group(g)), base + m.start(g))
                break
        else:
            out[name] = ("", base + m.start())
    return out


def _json_ld(text: str, start: int, end: int) -> list[MetaCandidate]:
    raw = text[start:end]
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return []
    found: list[MetaCandidate] = []

    def where(value: str) -> int:
        i = raw.find(value)
        return start + (i if i >= 0 else 0)

    def names(author) -> list[str]:
        if isinstance(author, str):
            return [author]
        if isinstance(author, dict):
            n = author.get("name")
            return [n] if isinstance(n, str) else []
        if isinstance(author, list):
            return [x for a in author[:10] for x in names(a)]
        return []

    def visit(node, depth=0):
        if depth > 20:
            return
        if isinstance(node, list):
            for x in node[:50]:
                visit(x, depth + 1)
        elif isinstance(node, dict):
            kind = node.get("@type", "")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind)
            if _ARTICLE_TYPES.search(kind):
                for key, mk in (("headline", "headline"), ("datePublished", "datePublished"),
                                ("dateModified", "dateModified")):
                    v = node.get(key)
                    if isinstance(v, str) and v.strip():
                        found.append(MetaCandidate("json-ld", mk, v, where(v), where(v) + len(v)))
                author = ", ".join(n for n in names(node.get("author")) if n.strip())
                if author:
                    first = names(node.get("author"))[0]
                    found.append(MetaCandidate("json-ld", "author", author, where(first), where(first) + len(first)))
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if key in node:
                    visit(node[key], depth + 1)

    visit(data)
    return found


def read(text: str, path: str) -> ReadResult:
    b = ProseBuilder(text)
    candidates: list[MetaCandidate] = []
    blocks: list[Block] = []
    kinds: list[str] = ["paragraph"]  # stack of open block kinds
    skip: dict[str, int] = {}  # open skipped elements by name
    skipping = 0
    captures: list[list] = []  # [tag name, depth, text parts, file start, source]
    cur_start = 0
    pos = 0
    n = len(text)

    def boundary(at_start: int, at_end: int, kind: str | None):
        nonlocal cur_start
        if b.length > cur_start:
            blocks.append(Block(cur_start, b.length, kinds[-1] if kinds else "paragraph"))
        b.replace(at_start, at_end, "\n\n")
        cur_start = b.length

    def text_piece(start: int, end: int, decoded: str | None = None):
        if skipping:
            return
        if decoded is None:
            b.keep(start, end)
        else:
            b.replace(start, end, decoded)
        for cap in captures:
            cap[2].append(text[start:end] if decoded is None else decoded)

    search = _TOKEN.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        if m.start() > pos:
            text_piece(pos, m.start())
        pos = m.end()
        kind = m.lastgroup
        if kind == "entity":
            raw = m.group()
            decoded = html.unescape(raw if raw.endswith(";") else raw + ";")
            if decoded.endswith(";") and not raw.endswith(";"):
                text_piece(m.start(), m.end())
            else:
                text_piece(m.start(), m.end(), decoded.replace("\u00a0", "\u00a0"))
            continue
        if kind != "tag":
            continue  # comments and declarations: nothing in the prose
        name = m.group("name").lower()
        closing = bool(m.group("close"))
        if not closing:
            attrs = _attrs(m.group("attrs") or "", m.start("attrs")) if m.group("attrs") else {}
            if name == "meta":
                content = attrs.get("content")
                key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or attrs.get("http-equiv")
                if content and key and content[0].strip():
                    candidates.append(MetaCandidate("meta", key[0].lower(), content[0].strip(), content[1],
                                                    content[1] + len(content[0])))
                continue
            if name in RAW_TEXT:
                close = re.compile(r"</" + name + r"\s*>", re.I).search(text, m.end())
                body_end = close.start() if close else n
                pos = close.end() if close else n
                if name == "script" and "ld+json" in attrs.get("type", ("",))[0].lower():
                    candidates.extend(_json_ld(text, m.end(), body_end))
                elif name == "title":
                    title = html.unescape(text[m.end():body_end]).strip()
                    if title:
                        off = m.end() + (len(text[m.end():body_end]) - len(text[m.end():body_end].lstrip()))
                        candidates.append(MetaCandidate("title", "title", " ".join(title.split()), off, body_end))
                if name == "textarea" and not skipping:
                    b.blank(m.end(), body_end)
                continue
            if name == "time" and "datetime" in attrs:
                dt = attrs["datetime"]
                key = "datePublished" if attrs.get("itemprop", ("",))[0].lower() == "datepublished" or "pubdate" in attrs else "datetime"
                candidates.append(MetaCandidate("time", key, dt[0], m.start(), m.end()))
            if name == "link" and "canonical" in attrs.get("rel", ("",))[0].lower() and attrs.get("href", ("",))[0]:
                href, at = attrs["href"]
                candidates.append(MetaCandidate("meta", "canonical", href, at, at + len(href)))
            cap_key = _capture_key(name, attrs)
            if cap_key in ("date-text", "updated-text") and not skipping:
                for attr in ("content", "title", "data-date", "data-timestamp"):
                    if attrs.get(attr, ("",))[0].strip():
                        val, at = attrs[attr]
                        candidates.append(MetaCandidate("date-text", cap_key, val, at, at + len(val)))
            if cap_key and name not in VOID and not skipping:
                captures.append([name, 0, [], m.end(), "time" if cap_key == "time-text" else
                                 "rel-author" if cap_key == "author" else "date-text", cap_key])
            elif captures and captures[-1][0] == name:
                captures[-1][1] += 1
            if name in SKIP and name not in VOID:
                skip[name] = skip.get(name, 0) + 1
                skipping += 1
                continue
            if name in BLOCK_KIND and not skipping:
                if BLOCK_KIND[name] is None:
                    b.replace(m.start(), m.end(), "\n")
                else:
                    boundary(m.start(), m.end(), BLOCK_KIND[name])
                    if name not in VOID:
                        kinds.append(BLOCK_KIND[name])
                continue
            if name == "img" and not skipping:
                continue
        else:
            if captures and captures[-1][0] == name:
                if captures[-1][1] == 0:
                    _, _, parts, start, source, cap_key = captures.pop()
                    value = " ".join("".join(parts).split())
                    if value and (cap_key == "author" or len(value) <= 200):
                        first = text.find(value.split()[0], start, m.start())
                        at = first if first >= 0 else start
                        candidates.append(MetaCandidate(source, cap_key, value, at, m.start(), value))
                else:
                    captures[-1][1] -= 1
            if name in SKIP and skip.get(name):
                skip[name] -= 1
                skipping -= 1
                continue
            if name in BLOCK_KIND and BLOCK_KIND[name] is not None and not skipping:
                boundary(m.start(), m.end(), None)
                # pop to the matching kind
                if len(kinds) > 1:
                    kinds.pop()
                continue
        # inline tags: dropped
    if pos < n:
        text_piece(pos, n)
    if b.length > cur_start:
        blocks.append(Block(cur_start, b.length, kinds[-1] if kinds else "paragraph"))
    prose, offsets = b.build()
    return ReadResult(prose=prose, offsets=offsets, blocks=blocks, candidates=candidates, comments=True)
