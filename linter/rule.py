"""Rules, what they report, and the phrase-list rule most checks are made of.

A rule is a class with a code, a name, a default severity, a one-line summary and its
documentation (sections "What it does", "Why is this bad?", "Example", "Use instead",
"Options", "How to silence"); `copydesk explain` prints that text and `copydesk rules`
lists the rest, so a rule and its explanation cannot drift apart.

`check(doc, options)` yields `Hit`s in prose offsets; the runner turns them into
`Finding`s with file lines and columns. A `PhraseRule` is a rule that is only data: a
list of phrases, a message, and whether quoted text counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from linter.records import Frozen, set_frozen

if TYPE_CHECKING:
    from linter.document import Document

__all__ = ["Finding", "Fix", "Hit", "PhraseRule", "Rule", "SEVERITIES", "FAMILIES"]

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
USER_PATTERN_TIMEOUT = 1.0  # seconds a pattern from config may run on one block

FAMILIES = {
    "SRC": "sourcing",
    "BYL": "byline",
    "DAT": "dates",
    "SUP": "superlatives",
    "RDB": "readability",
}


class Hit(Frozen):
    """What a rule yields: a span of prose [start, end), or the whole document when start is None.

    severity lowers the rule's default for this one finding when the evidence is weaker
    (never raises it). replacement, when set, is the plain fix for the span. file_span,
    set by `Hit.in_file`, places the finding at ORIGINAL-file offsets instead: for
    metadata outside the prose (front matter, a `<meta>` tag in the page's head).
    """

    __slots__ = ("start", "end", "message", "severity", "replacement", "file_span")
    start: int | None
    end: int | None
    message: str
    severity: str | None
    replacement: str | None
    file_span: tuple[int, int] | None

    def __init__(self, start: int | None, end: int | None, message: str, severity: str | None = None,
                 replacement: str | None = None, file_span: tuple[int, int] | None = None):
        set_frozen(self, "start", start)
        set_frozen(self, "end", end)
        set_frozen(self, "message", message)
        set_frozen(self, "severity", severity)
        set_frozen(self, "replacement", replacement)
        set_frozen(self, "file_span", file_span)

    @classmethod
    def document(cls, message: str, severity: str | None = None) -> Hit:
        return cls(None, None, message, severity)

    @classmethod
    def in_file(cls, start: int, end: int, message: str, severity: str | None = None) -> Hit:
        """A finding at [start, end) of the original file (e.g. a byline in a `<meta>` tag)."""
        return cls(None, None, message, severity, file_span=(start, end))


class Fix(Frozen):
    __slots__ = ("replacement", "line", "column", "end_line", "end_column")
    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, replacement: str, line: int, column: int, end_line: int, end_column: int):
        set_frozen(self, "replacement", replacement)
        set_frozen(self, "line", line)
        set_frozen(self, "column", column)
        set_frozen(self, "end_line", end_line)
        set_frozen(self, "end_column", end_column)

    def as_json(self) -> dict:
        return {"replacement": self.replacement, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}


class Finding(Frozen):
    """One problem in one file, positioned per the SPEC (1-based, code points, end exclusive)."""

    __slots__ = ("path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message",
                 "fix", "words")
    _uncompared = ("words",)  # the offending words, shown in reports: not part of what the finding is
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: str
    message: str
    fix: Fix | None
    words: str

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, code: str, rule: str,
                 severity: str, message: str, fix: Fix | None = None, words: str = ""):
        set_frozen(self, "path", path)
        set_frozen(self, "line", line)
        set_frozen(self, "column", column)
        set_frozen(self, "end_line", end_line)
        set_frozen(self, "end_column", end_column)
        set_frozen(self, "code", code)
        set_frozen(self, "rule", rule)
        set_frozen(self, "severity", severity)
        set_frozen(self, "message", message)
        set_frozen(self, "fix", fix)
        set_frozen(self, "words", words)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def as_json(self) -> dict:
        out = {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
               "end_column": self.end_column, "code": self.code, "rule": self.rule,
               "severity": self.severity, "message": self.message}
        if self.fix is not None:
            out["fix"] = self.fix.as_json()
        return out


class Rule:
    """Base class of every rule, built-in or from a plugin.

    Class attributes to set: code ("ABC123"), name ("kebab-case-name"), severity (default
    "warning"), default_enabled, summary (one line), doc (the explanation), and options: a
    dict of option name -> default value; a config's `[tool.copydesk.rules.CODE]` table may
    set these, and its values must have the default's type.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    default_enabled: ClassVar[bool] = True
    summary: ClassVar[str] = ""
    doc: ClassVar[str] = ""
    options: ClassVar[dict[str, Any]] = {}
    family: ClassVar[str] = ""

    @classmethod
    def family_name(cls) -> str:
        return cls.family or FAMILIES.get(cls.code[:3], cls.code[:3].lower())

    def check(self, doc: Document, options: dict[str, Any]) -> Iterable[Hit]:
        raise NotImplementedError

    @classmethod
    def prepare(cls) -> None:
        """Called once before a run lints many files, in the main process before its worker
        processes start, so what it loads is shared by all of them (a word list, an index).
        Never needed for correctness: `check` must work without it. Default: nothing."""


class PhraseRule(Rule):
    """A rule that is a phrase list.

    phrases: phrase -> plain replacement (or None). Matching ignores case and respects word
    edges; a phrase may use regex syntax. message: a format string with {phrase} (the words
    found) and {replacement}. skip_quotes: leave quoted speech alone. Options
    "extra-phrases" (list) and "allowed-phrases" (list) let a newsroom extend or trim it.
    """

    phrases: ClassVar[dict[str, str | None]] = {}
    message: ClassVar[str] = "'{phrase}'"
    skip_quotes: ClassVar[bool] = True
    skip_kinds: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[dict[str, Any]] = {"extra-phrases": [], "allowed-phrases": []}
    _compiled: ClassVar[dict] = {}

    @classmethod
    def pattern(cls, extra: tuple[str, ...] = ()):
        key = (cls, extra)
        pat = PhraseRule._compiled.get(key)
        if pat is None:
            from linter import patterns

            alts = sorted(list(cls.phrases) + list(extra), key=len, reverse=True)
            body = "|".join(a if _is_regex(a) else patterns.escape(a).replace(r"\ ", r"\s+") for a in alts)
            pat = patterns.compile(r"(?<![\p{L}\p{N}\-])(?:" + body + r")(?![\p{L}\p{N}\-])", patterns.I)
            PhraseRule._compiled[key] = pat
        return pat

    def replacement_for(self, found: str) -> str | None:
        low = " ".join(found.lower().split())
        return self.phrases.get(low)

    def accept(self, doc: Document, start: int, end: int) -> bool:
        """Hook for subclasses: False drops this match."""
        return True

    def check(self, doc: Document, options: dict[str, Any]) -> Iterator[Hit]:
        extra = tuple(options.get("extra-phrases", ()))
        allowed = {" ".join(a.lower().split()) for a in options.get("allowed-phrases", ())}
        pat = self.pattern(extra)
        prose = doc.prose
        # patterns from config are untrusted: they run with a timeout, reported when it strikes
        timeout = USER_PATTERN_TIMEOUT if extra else None
        for block in doc.blocks:
            if block.kind in self.skip_kinds:
                continue
            try:
                matches = list(pat.finditer(prose, block.start, block.end, timeout=timeout))
            except TimeoutError:
                raise TimeoutError(f"a pattern from config (extra-phrases) timed out after {USER_PATTERN_TIMEOUT} s "
                                   f"on this document: simplify it") from None
            for m in matches:
                found = m.group()
                if " ".join(found.lower().split()) in allowed:
                    continue
                if self.skip_quotes and doc.in_quote(m.start(), m.end()):
                    continue
                if not self.accept(doc, m.start(), m.end()):
                    continue
                repl = self.replacement_for(found)
                yield Hit(m.start(), m.end(), self.message.format(phrase=found, replacement=repl or ""),
                          replacement=_match_case(found, repl) if repl else None)


def _is_regex(phrase: str) -> bool:
    return any(c in phrase for c in "\\[](){}|?*+^$")


def _match_case(found: str, repl: str) -> str:
    if found[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl
