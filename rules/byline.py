"""Bylines (BYL): does the story say who wrote it?

BYL1xx the byline itself (missing).
BYL2xx a byline that names no one: a CMS account or default name ("By admin").

Where bylines come from is decided once, in `linter.metadata`: front matter `author`,
`<meta name="author">`, JSON-LD `author`, `rel="author"` and byline-class elements, and a
"By ..." / "Posted by ..." line near the top or the end of the text.
"""

from __future__ import annotations

from linter import Hit, Rule, patterns

PLACEHOLDERS = (
    "admin", "administrator", "admins", "webmaster", "web master", "root", "sysadmin", "superuser", "editor",
    "author", "test", "tester", "testing", "guest", "guest user", "anonymous", "anon", "unknown", "user",
    "default", "wordpress", "wpadmin", "wp admin", "site admin", "site administrator", "siteadmin", "owner",
    "moderator", "demo", "nobody", "none", "n/a", "null", "undefined", "your name", "author name", "name",
)
# Institutional bylines a newsroom uses on purpose (lower case; matched against the whole byline).
INSTITUTIONS = (
    "the associated press", "associated press", "ap", "reuters", "afp", "agence france-presse", "cnn", "bloomberg",
    "upi", "bbc", "npr", "staff", "staff reports", "staff report", "staff writer", "staff writers", "the editors",
    "editorial board", "the editorial board", "news desk", "newsdesk", "news staff", "wire reports", "wire services",
)
_BY_PREFIX = patterns.compile(r"(?i)^(?:by|posted\s+by|written\s+by)[:\s]+")
_SPLIT_AFFILIATION = patterns.compile(r"\s*(?:\||\s[-–—]\s|,|/|•|·)\s*")
_NAMES = patterns.compile(r"\s*(?:,|\band\b|&|;)\s*", patterns.I)
_HANDLE = patterns.compile(
    r"^@[\w.]+$"                                    # @handle
    r"|^[\w-]+\.(?:com|net|org|info|biz|co|io|news|blog|us|uk|de|in)$"  # a bare site name
    r"|^(?=[\w.-]*\d)[a-z][\w.-]*$"                  # user123, jsmith99
    r"|^[a-z]+_[a-z0-9_]+$",                         # john_doe
    patterns.I,
)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .:")


def classify_byline(text: str, extra: tuple[str, ...] = (), allowed: tuple[str, ...] = ()) -> str | None:
    """The placeholder a byline amounts to ("admin", "a handle"), or None when it names a person or a newsroom."""
    whole = _norm(_BY_PREFIX.sub("", text.strip()))
    if not whole or whole in allowed or whole in INSTITUTIONS:
        return None
    names = _SPLIT_AFFILIATION.split(whole)[0]
    placeholders = set(PLACEHOLDERS) | set(extra)
    for name in _NAMES.split(names):
        name = name.strip(" .:")
        if not name or name in allowed or name in INSTITUTIONS:
            continue
        if name in placeholders:
            return name
        if name.split(".")[0] in INSTITUTIONS:  # "CNN.com"
            continue
        original = _original_case(text, name)
        if " " not in name and (_HANDLE.match(original) or (original.islower() and original.isalpha() and len(names.split()) == 1)):
            return original
    return None


def _original_case(text: str, lowered: str) -> str:
    i = text.lower().replace("’", "'").find(lowered)
    return text[i:i + len(lowered)] if i >= 0 else lowered


class MissingByline(Rule):
    code = "BYL101"
    name = "missing-byline"
    severity = "warning"
    summary = "The story has no byline anywhere"
    doc = """
    ## What it does
    Flags a story with no byline anywhere: no `author` in front matter, no author in the
    page's metadata (`<meta name="author">`, JSON-LD `author`, `rel="author"`), and no
    "By ..." or "Posted by ..." line near the top or the end of the text.

    ## Why is this bad?
    Readers trust a story more when they know who stands behind it, and newsroom
    standards (The Trust Project's "author" indicator) ask for it. An unsigned story
    cannot be checked against its author's record or corrected through them.

    ## Example
        The council voted on Tuesday to close the library.

    ## Use instead
        By Maria Chen

        The council voted on Tuesday to close the library.
    An institutional byline ("By The Associated Press", "By Staff Reports") is fine.

    ## How to silence
    Per file: `per-file-ignores` (plain text) or `<!-- copydesk: disable-file BYL101 -->`.
    """

    def check(self, doc, options):
        if doc.metadata.byline is None:
            yield Hit.document("No byline found; add a 'By ...' line or an author in the front matter "
                               "or page metadata")


class PlaceholderByline(Rule):
    code = "BYL201"
    name = "placeholder-byline"
    severity = "warning"
    summary = "A byline that is a CMS account or default name, not a person or a newsroom"
    doc = """
    ## What it does
    Flags a byline that names no one: a CMS account or default name ("By admin", "Posted
    by webmaster", `author: editor`, `<meta name="author" content="guest">`), or a bare
    handle or site name where a person is expected ("By user123", "By example.com"),
    wherever the byline is found. Names ("By Maria Chen and Tom Okafor", "By JANE SMITH")
    and newsrooms ("By The Associated Press", "By Staff Reports", "Jane Smith | Reuters")
    pass.

    ## Why is this bad?
    A default account name tells the reader nothing about who wrote the story and is a
    common mark of scraped or auto-published content.

    ## Example
        By admin

    ## Use instead
        By Maria Chen

    ## Options
    `extra-placeholders` (list): more names to treat as placeholders (lower case).
    `allowed-bylines` (list): bylines your newsroom uses on purpose, e.g. `["metro desk"]`.
    """
    options = {"extra-placeholders": [], "allowed-bylines": []}

    def check(self, doc, options):
        extra = tuple(_norm(x) for x in options.get("extra-placeholders", ()))
        allowed = tuple(_norm(x) for x in options.get("allowed-bylines", ()))
        seen = set()
        for field in doc.metadata.bylines:
            placeholder = classify_byline(field.text, extra, allowed)
            if placeholder is None or (field.line, field.column) in seen:
                continue
            seen.add((field.line, field.column))
            start = doc.lines.line_start(field.line) + field.column - 1
            end = start + len(field.text) if doc.text[start:start + len(field.text)] == field.text else start
            yield Hit.in_file(start, end, f"Byline '{field.text}' is a placeholder, not a person or a newsroom; "
                              "put the writer's name (or the newsroom's) in the byline")


RULES = [MissingByline, PlaceholderByline]
