"""Prose text with a map back to the original file.

A reader turns a file into the prose the rules see. Markup is dropped, entities are
decoded and block boundaries become blank lines, so the prose is shorter or longer
than the file. `ProseBuilder` records, piece by piece, which original characters each
run of prose came from; `OffsetMap` answers "where in the file is prose index i?".
Blanking markup out with spaces of the same length is the special case where a piece
maps one to one.
"""

from __future__ import annotations

import bisect

__all__ = ["OffsetMap", "ProseBuilder", "LineIndex"]


class OffsetMap:
    """Maps prose indices to original-file indices.

    Stored as runs: (prose_start, orig_start, prose_len, orig_len). A run whose two
    lengths are equal maps character for character; any other run (an entity decoded
    to one character, a separator the reader inserted) maps every character inside it
    to the run's original start, and its end to the run's original end.
    """

    __slots__ = ("_prose_starts", "_runs", "_prose_len", "_orig_len")

    def __init__(self, runs: list[tuple[int, int, int, int]], prose_len: int, orig_len: int):
        self._runs = runs
        self._prose_starts = [r[0] for r in runs]
        self._prose_len = prose_len
        self._orig_len = orig_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length, length)], length, length)

    def _run_at(self, index: int) -> tuple[int, int, int, int] | None:
        i = bisect.bisect_right(self._prose_starts, index) - 1
        return self._runs[i] if i >= 0 else None

    def start(self, index: int) -> int:
        """Original index of the character at prose `index`."""
        if index >= self._prose_len:
            return self._orig_len
        run = self._run_at(index)
        if run is None:
            return 0
        ps, os_, pl, ol = run
        if pl == ol:
            return os_ + min(index - ps, ol)
        return os_

    def end(self, index: int) -> int:
        """Original index just past the prose character at `index - 1` (an exclusive end)."""
        if index <= 0:
            return 0
        run = self._run_at(index - 1)
        if run is None:
            return 0
        ps, os_, pl, ol = run
        if pl == ol:
            return os_ + min(index - ps, ol)
        return os_ + ol


class ProseBuilder:
    """Builds prose from pieces of an original text, recording the offset map.

    keep(a, b)        copy original[a:b] into the prose
    replace(a, b, s)  put `s` in the prose for original[a:b] (an entity, a tag that breaks a line)
    blank(a, b)       spaces for original[a:b], keeping its newlines, so line structure stays
    drop(a, b)        nothing in the prose for original[a:b] (an inline tag inside a word)
    """

    def __init__(self, original: str):
        self.original = original
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int, int]] = []
        self._length = 0

    def _add(self, text: str, orig_start: int, orig_len: int) -> None:
        if not text:
            return
        plen = len(text)
        runs = self._runs
        if runs and plen == orig_len:
            ps, os_, pl, ol = runs[-1]
            if pl == ol and ps + pl == self._length and os_ + ol == orig_start:
                runs[-1] = (ps, os_, pl + plen, ol + plen)
                self._parts.append(text)
                self._length += plen
                return
        runs.append((self._length, orig_start, plen, orig_len))
        self._parts.append(text)
        self._length += plen

    def keep(self, start: int, end: int) -> None:
        if end > start:
            self._add(self.original[start:end], start, end - start)

    def replace(self, start: int, end: int, text: str) -> None:
        self._add(text, start, end - start)

    def blank(self, start: int, end: int) -> None:
        if end > start:
            chunk = self.original[start:end]
            if "\n" in chunk:
                blanked = "".join("\n" if c == "\n" else " " for c in chunk)
            else:
                blanked = " " * (end - start)
            self._add(blanked, start, end - start)

    def drop(self, start: int, end: int) -> None:
        """Nothing enters the prose; the map simply skips these characters."""

    @property
    def length(self) -> int:
        return self._length

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._runs, self._length, len(self.original))


class LineIndex:
    """1-based line and column of an index in a text whose lines end with '\\n'."""

    __slots__ = ("_starts",)

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1
