"""Inline suppression comments in Markdown and HTML.

    <!-- copydesk: disable CODE[,CODE] -->   ... <!-- copydesk: enable [CODE] -->
    <!-- copydesk: disable-next-line CODE -->
    <!-- copydesk: disable-file CODE -->

A code may be a prefix ("SUP", "SRC1"); no code means every rule. Plain text has no
comment syntax, so there `per-file-ignores` is the way to silence a rule.
"""

from __future__ import annotations

import re

__all__ = ["Suppressions", "parse_suppressions"]

_DIRECTIVE = re.compile(
    r"<!--\s*copydesk:\s*(?P<verb>disable-next-line|disable-file|disable|enable)\b(?P<codes>[^>]*?)\s*-->", re.I
)


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c.upper() for c in re.split(r"[\s,]+", raw.strip()) if c)


class Suppressions:
    """Answers `suppressed(code, line)` for one document."""

    def __init__(self):
        self.file_codes: list[tuple[str, ...]] = []
        self.lines: dict[int, list[tuple[str, ...]]] = {}
        self.ranges: list[tuple[int, int, tuple[str, ...]]] = []  # [start line, end line], codes

    def __bool__(self) -> bool:
        return bool(self.file_codes or self.lines or self.ranges)

    @staticmethod
    def _matches(code: str, codes: tuple[str, ...]) -> bool:
        return not codes or any(code.startswith(c) for c in codes)

    def suppressed(self, code: str, line: int) -> bool:
        if any(self._matches(code, c) for c in self.file_codes):
            return True
        if any(self._matches(code, c) for c in self.lines.get(line, ())):
            return True
        return any(a <= line <= b and self._matches(code, c) for a, b, c in self.ranges)


def parse_suppressions(text: str) -> Suppressions:
    """Find every directive in `text` (the original file, newlines normalised)."""
    sup = Suppressions()
    if "copydesk" not in text:
        return sup
    open_ranges: list[tuple[int, tuple[str, ...]]] = []
    for m in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        end_line = text.count("\n", 0, m.end()) + 1
        verb, codes = m.group("verb").lower(), _codes(m.group("codes"))
        if verb == "disable-file":
            sup.file_codes.append(codes)
        elif verb == "disable-next-line":
            sup.lines.setdefault(end_line + 1, []).append(codes)
        elif verb == "disable":
            open_ranges.append((line, codes))
        else:  # enable: closes the matching ranges, or all of them
            keep = []
            for start, c in open_ranges:
                if not codes or c == codes or (c and all(x in codes for x in c)):
                    sup.ranges.append((start, line, c))
                else:
                    keep.append((start, c))
            open_ranges = keep
    for start, c in open_ranges:
        sup.ranges.append((start, 10**9, c))
    return sup
