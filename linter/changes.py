"""`--changed-since REF`: keep only the findings on lines a pull request added or changed.

A pull request that fixes a typo in a ten-year-old story should not be asked to rewrite
it. The lines that count are those added or changed in the working tree since the point
where the current branch left REF (`git merge-base REF HEAD`, as `git diff REF...` does),
read from `git diff -U0`. A finding is kept when any of its lines is one of them. A finding
about the document as a whole (no byline, no date: line 1, column 1, empty) is kept only
for a file added since then, since an old story's missing byline is not this change's doing.

A file git does not know at REF (untracked, or new) counts as added, every line of it. A
file renamed since REF keeps its history (rename detection), so only its edits count.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

from linter.rule import Finding

__all__ = ["ChangesError", "ChangedLines", "changed_lines", "filter_changed"]

GIT_TIMEOUT = 120
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_C_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class ChangesError(Exception):
    """Not a git repository, an unknown ref, or git failing: exit status 2."""


class _GitFailed(ChangesError):
    """git ran and refused (the first line of its stderr is the message)."""


@dataclass
class ChangedLines:
    """What changed since the base commit, by absolute path."""

    root: str  # the repository's top folder (real path)
    base: str  # the commit lines are compared with
    lines: dict[str, set[int]] = field(default_factory=dict)  # modified or renamed file -> changed lines
    added: set[str] = field(default_factory=set)  # files new since the base
    known: set[str] = field(default_factory=set)  # every file in the base commit

    def is_added(self, path: str) -> bool:
        real = os.path.realpath(path)
        return real in self.added or (real not in self.lines and real not in self.known)

    def lines_of(self, path: str) -> set[int]:
        return self.lines.get(os.path.realpath(path), set())


def _git(args: list[str], cwd: str) -> bytes:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=true", *args], cwd=cwd, capture_output=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise ChangesError("--changed-since: git is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise ChangesError(f"--changed-since: 'git {args[0]}' took more than {GIT_TIMEOUT} s") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitFailed(detail[0] if detail else f"git {args[0]} exited with status {proc.returncode}")
    return proc.stdout


def _unquote(raw: bytes) -> str:
    """A path as git prints it in a diff header: C-quoted ("a/caf\\303\\251.md") when unusual."""
    if not raw.startswith(b'"'):
        return raw.decode("utf-8", "surrogateescape")
    body, out, i = raw[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i:i + 1]
        if c == b"\\" and i + 1 < len(body):
            nxt = chr(body[i + 1])
            if nxt in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_C_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out += c
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_diff(diff: bytes, root: str) -> tuple[dict[str, set[int]], set[str]]:
    """From `git diff -U0` output: changed lines per file (absolute path) and the added files."""
    lines: dict[str, set[int]] = {}
    added: set[str] = set()
    current: str | None = None
    new_file = False
    for raw in diff.split(b"\n"):
        if raw.startswith(b"diff --git "):
            current, new_file = None, False
        elif raw.startswith(b"new file mode"):
            new_file = True
        elif raw.startswith(b"+++ "):
            target = raw[4:].rstrip(b"\r")
            if target == b"/dev/null":  # deleted
                current = None
                continue
            name = _unquote(target)
            name = name[2:] if name.startswith("b/") else name
            current = os.path.join(root, name)
            lines.setdefault(current, set())
            if new_file:
                added.add(current)
        elif raw.startswith(b"@@") and current is not None:
            m = _HUNK.match(raw.decode("ascii", "replace"))
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                lines[current].update(range(start, start + count))  # count 0: only a deletion
    return lines, added


def changed_lines(ref: str, cwd: str = ".") -> ChangedLines:
    """Lines added or changed in the working tree since `ref` branched off (merge base with HEAD)."""
    try:
        root = _git(["rev-parse", "--show-toplevel"], cwd).decode("utf-8", "surrogateescape").strip()
    except _GitFailed as exc:
        raise ChangesError(f"--changed-since: {os.path.abspath(cwd)} is not in a git repository ({exc})") from None
    root = os.path.realpath(root)
    if ref.startswith("-"):
        raise ChangesError(f"--changed-since: '{ref}' is not a git revision")
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root).decode().strip()
    except _GitFailed:
        commit = ""
    if not commit:
        raise ChangesError(f"--changed-since: unknown git revision '{ref}' (a branch, tag or commit; "
                           "in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)")
    try:
        base = _git(["merge-base", commit, "HEAD"], root).decode().strip()
    except _GitFailed:
        raise ChangesError(f"--changed-since: '{ref}' and HEAD have no common history "
                           "(a shallow clone? fetch the full history, e.g. fetch-depth: 0)") from None
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/",
                 base, "--"], root)
    lines, added = parse_diff(diff, root)
    names = _git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", base], root).split(b"\0")
    known = {os.path.join(root, n.decode("utf-8", "surrogateescape")) for n in names if n}
    return ChangedLines(root, base, lines, added, known)


def is_document_level(f: Finding) -> bool:
    return (f.line, f.column, f.end_line, f.end_column) == (1, 1, 1, 1) and not f.words


def _last_line(f: Finding) -> int:
    # an end just past a line break (end exclusive, column 1) does not touch the next line
    return f.end_line - 1 if f.end_line > f.line and f.end_column == 1 else f.end_line


def filter_changed(findings: list[Finding], changes: ChangedLines) -> list[Finding]:
    """The findings on changed lines, plus every finding of a file added since the base."""
    kept = []
    for f in findings:
        if changes.is_added(f.path):
            kept.append(f)
        elif not is_document_level(f) and changes.lines_of(f.path) & set(range(f.line, _last_line(f) + 1)):
            kept.append(f)
    return kept
