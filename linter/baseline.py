"""Baselines: record today's findings once, then report only the new ones.

A newsroom adopting copydesk on an archive cannot fix ten thousand old stories before the
linter is useful. `copydesk check --write-baseline FILE` records every finding as
(file, code, flagged words) with a count; `copydesk check --baseline FILE` hides that many
findings per key and reports the rest. Line numbers are not part of the key, so a paragraph
added above a finding does not bring it back; a story that is moved or renamed does.

Paths are stored relative to the baseline file's folder, so `copydesk check .` and
`copydesk check stories/` from another folder match the same entries.

The same identity (`finding_identity`) gives SARIF its stable `partialFingerprints`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable

from linter.files import write_atomically
from linter.rule import Finding

__all__ = ["BaselineError", "finding_identity", "fingerprints", "write_baseline", "read_baseline", "filter_new"]

FORMAT_KEY = "copydesk-baseline"
FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a copydesk baseline (exit status 2)."""


def normalise_words(words: str) -> str:
    """The flagged words as matched: case and line wrapping do not make a new finding."""
    return " ".join(words.split()).casefold()


def finding_identity(finding: Finding, path: str | None = None) -> tuple[str, str, str]:
    """(path, code, flagged words): what makes two findings in two runs the same finding."""
    return (path if path is not None else finding.path, finding.code, normalise_words(finding.words))


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable hash per finding: its identity plus how many identical ones precede it in the file.

    Editing text above a finding (or anywhere else) leaves its fingerprint unchanged, so
    code-scanning tools keep tracking it as the same alert.
    """
    seen: Counter = Counter()
    out = []
    for f in findings:
        ident = finding_identity(f, _portable(f.path))
        index = seen[ident]
        seen[ident] += 1
        digest = hashlib.sha256("\0".join((*ident, str(index))).encode("utf-8", "surrogatepass")).hexdigest()
        out.append(digest[:32])
    return out


def _portable(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _relative_to(path: str, folder: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), folder)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _counts(findings: Iterable[Finding], folder: str) -> Counter:
    return Counter(finding_identity(f, _relative_to(f.path, folder)) for f in findings)


def write_baseline(path: str, findings: Iterable[Finding], version: str = "") -> int:
    """Write the findings to `path` atomically (temp file, then rename); return how many."""
    folder = os.path.dirname(os.path.abspath(path))
    counts = _counts(findings, folder)
    entries = [{"path": p, "code": c, "words": w, "count": n} for (p, c, w), n in sorted(counts.items())]
    # one finding a line: a committed baseline diffs readably when it is refreshed
    text = "{\n" + f' "{FORMAT_KEY}": {FORMAT_VERSION},\n "copydesk-version": {json.dumps(version)},\n "findings": [\n'
    text += ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    text += ("\n" if entries else "") + " ]\n}\n"
    try:
        write_atomically(path, text, prefix=".copydesk-baseline-")
    except OSError as exc:
        raise BaselineError(f"--write-baseline: {path}: cannot write: {exc.strerror or exc}") from None
    return sum(counts.values())


def read_baseline(path: str) -> Counter:
    """The baseline's (path, code, words) -> count, paths relative to the baseline's folder."""
    where = f"--baseline: {path}"
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{where}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{where}: not a copydesk baseline (invalid JSON: {exc}); "
                            "write a new one with --write-baseline") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{where}: not a copydesk baseline (expected an object with \"{FORMAT_KEY}\": {FORMAT_VERSION} "
                            "and a \"findings\" list); write a new one with --write-baseline")
    counts: Counter = Counter()
    for i, e in enumerate(data["findings"]):
        ok = (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "code", "words"))
              and isinstance(e.get("count", 1), int) and not isinstance(e.get("count", 1), bool) and e.get("count", 1) > 0)
        if not ok:
            raise BaselineError(f"{where}: findings[{i}] is malformed (expected path, code, words strings and a positive count)")
        counts[(e["path"], e["code"], normalise_words(e["words"]))] += e.get("count", 1)
    return counts


def filter_new(findings: list[Finding], baseline: Counter, baseline_path: str) -> tuple[list[Finding], int]:
    """The findings not covered by the baseline, in order, and how many were hidden.

    When a key occurs more often than the baseline recorded, the later occurrences are new.
    """
    folder = os.path.dirname(os.path.abspath(baseline_path))
    left = Counter(baseline)
    new, hidden = [], 0
    for f in findings:
        key = finding_identity(f, _relative_to(f.path, folder))
        if left[key] > 0:
            left[key] -= 1
            hidden += 1
        else:
            new.append(f)
    return new, hidden
