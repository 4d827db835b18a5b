"""A table-driven rule tester, in the manner of ESLint's RuleTester.

A rule's tests are a table of texts it must pass (`valid`) and texts with the exact
findings expected (`invalid`); `run_table` runs both, so a new rule needs a new table,
not new test machinery::

    from tests.rule_tester import Case, run_table

    VALID = ["The mayor said the park will open.", Case("...", path="story.md")]
    INVALID = [Case("Sources say the park will close.", [(1, 1, "SRC101", "Sources say")])]

    def test_src101():
        run_table("SRC101", VALID, INVALID)

An expected finding is (line, column, code) or (line, column, code, flagged words).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.plugins import load_registry
from linter.runner import Linter

_REGISTRY = None


def registry():
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = load_registry()
    return _REGISTRY


@dataclass
class Case:
    text: str
    expected: list = field(default_factory=list)
    path: str = "story.txt"
    options: dict = field(default_factory=dict)  # rule options, as [tool.copydesk.rules.CODE]


def lint(text: str, select: str | list[str], path: str = "story.txt", options: dict | None = None):
    """Findings for `text` with only the selected codes or prefixes, using no config file."""
    from linter.config import Config

    sel = [select] if isinstance(select, str) else list(select)
    linter = Linter(registry(), select=sel)
    cfg = Config(rules=options or {})
    result = linter.lint_text(text, path, cfg=cfg)
    assert not result.problems, result.problems
    return result.findings


def _options_for(select, options):
    if not options:
        return {}
    if isinstance(select, str) and len(select) == 6:
        return {select: options}
    return options


def run_table(select, valid, invalid) -> None:
    for case in valid:
        if isinstance(case, str):
            case = Case(case)
        found = lint(case.text, select, case.path, _options_for(select, case.options))
        assert not found, f"expected no findings for {case.text!r:.120}, got " + "; ".join(
            f"{f.line}:{f.column} {f.code} {f.words!r}" for f in found)
    for case in invalid:
        found = lint(case.text, select, case.path, _options_for(select, case.options))
        got = []
        for f in found:
            got.append((f.line, f.column, f.code, f.words))
        want = []
        for e in case.expected:
            want.append(tuple(e))
        simplified = [g[:len(w)] for g, w in zip(got, want, strict=True)] if len(got) == len(want) else got
        assert len(got) == len(want) and simplified == want, (
            f"for {case.text!r:.160}\n  want {want}\n  got  {got}")
