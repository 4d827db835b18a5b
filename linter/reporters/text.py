"""`--format text`: `path:line:column: CODE message`, the form editors and CI problem matchers parse.

When the output is a terminal, each finding is followed by its line with the flagged
words marked, so a reader sees the words in context.
"""

from __future__ import annotations


def _context(source: str, line: int, col: int, end_line: int, end_col: int, color: bool) -> list[str]:
    lines = source.split("\n")
    if not 1 <= line <= len(lines):
        return []
    text = lines[line - 1].replace("\t", " ")
    stop = end_col if end_line == line else len(text) + 1
    width = max(1, stop - col)
    shown = text
    if len(text) > 160:  # keep the flagged words in view on long lines
        lo = max(0, col - 60)
        shown = ("…" if lo else "") + text[lo:lo + 160]
        col = col - lo + (1 if lo else 0)
    if color:
        a, b = col - 1, col - 1 + width
        shown = shown[:a] + "\x1b[1;31m" + shown[a:b] + "\x1b[0m" + shown[b:]
    return [f"    {shown}", "    " + " " * (col - 1) + "^" * min(width, 160)]


def write(result, out) -> None:
    tty = getattr(out, "isatty", lambda: False)()
    for f in result.findings:
        out.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n")
        if tty and f.path in result.sources and (f.line, f.column) != (f.end_line, f.end_column):
            for row in _context(result.sources[f.path], f.line, f.column, f.end_line, f.end_column, True):
                out.write(row + "\n")
