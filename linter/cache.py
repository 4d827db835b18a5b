"""A content-hash cache of findings, so an unchanged file costs nothing on the next run.

Like ruff's cache: one small JSON file per linted file under `.copydesk_cache/`, named by
a hash of everything the findings depend on — the file's bytes and path, copydesk's
version, every rule's code, class and the size and modification time of the module that
defines it, the plugins' distributions, and the file's resolved configuration (selected
codes, severities, options, date order). Change any of these and the key changes, so a
stale entry is never read; it is simply not found.

Entries are written atomically (a temporary file, then a rename). An entry that cannot be
read or parsed is ignored and rewritten: a corrupt cache costs time, never a wrong
answer or a crash. The cache folder holds a `.gitignore` of `*` so it is never committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys

from linter.files import write_atomically
from linter.rule import Finding, Fix

__all__ = ["FindingsCache", "DEFAULT_DIR"]

DEFAULT_DIR = ".copydesk_cache"
FORMAT = 1


def _rules_fingerprint(registry) -> str:
    parts = []
    for code, rule in sorted(registry.rules.items()):
        cls = rule if isinstance(rule, type) else type(rule)
        module = sys.modules.get(cls.__module__)
        path = getattr(module, "__file__", None) or ""
        try:
            st = os.stat(path)
            stamp = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            stamp = "?"
        parts.append(f"{code}={cls.__module__}.{cls.__qualname__}@{stamp}/{registry.rule_plugin.get(code)}")
    for ext, reader in sorted(registry.readers.items()):
        parts.append(f"reader{ext}={type(reader).__module__}.{getattr(reader, 'name', '?')}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class FindingsCache:
    """Findings by content hash. `get` returns None on any miss; `put` never raises."""

    def __init__(self, registry, version: str, directory: str = DEFAULT_DIR):
        self.directory = os.path.join(directory, f"v{FORMAT}")
        self._base = f"{version}\n{_rules_fingerprint(registry)}\n"
        self.hits = 0
        self.misses = 0
        self._ready = False

    def key(self, path: str, data: bytes, settings: str) -> str:
        h = hashlib.sha256()
        h.update(self._base.encode())
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(settings.encode())
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key[2:] + ".json")

    def get(self, key: str) -> tuple[list[Finding], list[str]] | None:
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                data = json.load(fh)
            findings = []
            for f in data["findings"]:
                fix = Fix(**f["fix"]) if f.get("fix") else None
                findings.append(Finding(f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["code"],
                                        f["rule"], f["severity"], f["message"], fix, f.get("words", "")))
            warnings = [str(w) for w in data["warnings"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings, warnings

    def put(self, key: str, findings: list[Finding], warnings: list[str]) -> None:
        record = {"findings": [dict(f.as_json(), words=f.words) for f in findings], "warnings": warnings}
        target = self._path(key)
        try:
            self._prepare()
            os.makedirs(os.path.dirname(target), exist_ok=True)
            write_atomically(target, json.dumps(record, ensure_ascii=False), prefix=".tmp-", durable=False)
        except OSError:
            pass  # a read-only checkout or a full disk: lint without caching

    def _prepare(self) -> None:
        if self._ready:
            return
        root = os.path.dirname(self.directory)
        os.makedirs(root, exist_ok=True)
        ignore = os.path.join(root, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as fh:
                fh.write("# Automatically created by copydesk.\n*\n")
        self._ready = True
