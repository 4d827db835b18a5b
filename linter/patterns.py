"""Compiled patterns kept between runs, the way Python keeps bytecode in `__pycache__`.

The rules hold a few hundred patterns, some of them alternations of hundreds of phrases.
The `regex` module takes about 0.2 s to compile them, most of a one-file run. A compiled
`regex` pattern can be pickled with its compiled code, and restoring it skips parsing and
compiling: the whole set comes back in about 5 ms.

`compile(pattern, flags)` is a drop-in for `regex.compile`. The first call in a process
loads the store; a pattern not in it is compiled as usual and, when the process exits,
the store is rewritten with it. An entry is keyed by the pattern's text and flags, and the
store by the versions of Python and `regex`, so an entry can never be stale: a changed
pattern is a different key.

The store lives in `__pycache__` beside this module when that folder is writable, else in
the user's cache folder (`$XDG_CACHE_HOME/copydesk`, `~/.cache/copydesk`). A store that is
missing, unreadable, corrupt or of another version is ignored, and one that cannot be
written is not written: the cost is time, never a wrong match or an error.
`COPYDESK_PATTERN_CACHE=0` turns the store off.

Loading is restricted to `regex`'s own pattern constructor; nothing else in the file can
be called.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import zlib

import regex

__all__ = ["compile", "enabled", "store_dirs", "store_path"]

_FORMAT = 1
_MAX_ENTRIES = 2000  # config-supplied phrase lists add entries; past this, keep only this run's

_loaded: dict[tuple[str, int], regex.Pattern] | None = None
_used: dict[tuple[str, int], regex.Pattern] = {}
_dirty = False


def enabled() -> bool:
    """Is the store on (`COPYDESK_PATTERN_CACHE` not 0)? Other stores of derived data follow it too."""
    return os.environ.get("COPYDESK_PATTERN_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")


def _store_name() -> str:
    tag = f"{_FORMAT}|{sys.version}|{regex.__version__}|{regex.DEFAULT_VERSION}"
    return f"copydesk-patterns-{zlib.crc32(tag.encode()):08x}.pickle"


def store_dirs() -> list[str]:
    """The folders a store may live in, in order of preference."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
    user = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [here, os.path.join(user, "copydesk")]


def store_path() -> str | None:
    """Where the store is read from: the first candidate folder that holds one."""
    name = _store_name()
    for folder in store_dirs():
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


class _PatternUnpickler(pickle.Unpickler):
    """Unpickles only `regex` patterns: any other callable in the file is refused."""

    def find_class(self, module: str, name: str):
        if module in ("_regex", "regex._regex") and name == "compile":
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a regex pattern")


def _load() -> dict[tuple[str, int], regex.Pattern]:
    if not enabled():
        return {}
    path = store_path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        digest, body = data[:4], data[4:]
        if zlib.crc32(body).to_bytes(4, "big") != digest:  # a torn or damaged file
            return {}
        table = _PatternUnpickler(io.BytesIO(body)).load()
        if not isinstance(table, dict):
            return {}
        return {k: v for k, v in table.items()
                if isinstance(k, tuple) and len(k) == 2 and isinstance(v, regex.Pattern) and v.pattern == k[0]}
    except Exception:  # a damaged store is a miss, never an error
        return {}


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - a drop-in for regex.compile
    """`regex.compile(pattern, flags)`, restored from the store when it holds the pattern."""
    global _loaded, _dirty
    key = (pattern, int(flags))
    found = _used.get(key)
    if found is not None:
        return found
    if _loaded is None:
        _loaded = _load()
        if enabled():
            import atexit

            atexit.register(save)
    found = _loaded.get(key)
    if found is None:
        found = regex.compile(pattern, flags)
        _dirty = True
    _used[key] = found
    return found


def save() -> None:
    """Write the store if this process compiled a pattern it did not hold. Never raises."""
    global _dirty
    if not _dirty or not enabled():
        return
    _dirty = False
    table = dict(_loaded or {})
    table.update(_used)
    if len(table) > _MAX_ENTRIES:
        table = dict(_used)
    try:
        body = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    data = zlib.crc32(body).to_bytes(4, "big") + body
    from linter.files import write_atomically

    for folder in store_dirs():
        try:
            os.makedirs(folder, exist_ok=True)
            write_atomically(os.path.join(folder, _store_name()), data, prefix=".copydesk-patterns-", durable=False)
            return
        except OSError:
            continue
