"""Compiled patterns kept between runs, the way Python keeps bytecode in `__pycache__`.

The rules hold a few hundred patterns, some of them alternations of hundreds of phrases.
The `regex` module takes about 0.2 s to compile them, most of a one-file run. Both `regex`
and stdlib `re` parse and compile a pattern in Python and hand plain data (the compiled
code, the group names) to a C constructor; the store keeps that data, and restoring a
pattern is one call of the constructor. A restored `regex` pattern needs only `regex`'s C
engine, which is loaded without the rest of `regex` (see `_engine`).

`compile(pattern, flags)` is a drop-in for `regex.compile`, `compile_re(pattern, flags)`
for `re.compile`. The first call in a process reads the store; each entry is restored
only when a run asks for it. A pattern not in the store is compiled as usual and, when
the process exits, the store is rewritten with it. An entry is keyed by the pattern's
text and flags, and the store by the versions of Python and of `regex`'s engine, so an
entry can never be stale: a changed pattern is a different key.

The store lives in `__pycache__` beside this module when that folder is writable, else in
the user's cache folder (`$XDG_CACHE_HOME/copydesk`, `~/.cache/copydesk`). A store that is
missing, unreadable, corrupt or of another version is ignored, and one that cannot be
written is not written: the cost is time, never a wrong match or an error.
`COPYDESK_PATTERN_CACHE=0` turns the store off.

The file is `marshal` data, as the bytecode beside it is, and holds plain data only:
strings, numbers and containers of them, checked before use. Nothing in it is called or
run: it only ever reaches the two pattern constructors, as arguments.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import threading
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

__all__ = ["compile", "compile_re", "derived_text", "enabled", "escape", "store_dirs", "store_path",
           "IGNORECASE", "I", "MULTILINE", "M", "DOTALL", "S", "VERBOSE", "X", "REVERSE", "R", "V0", "V1"]

# `regex`'s flags, so a module can name them without importing `regex` (see _engine);
# tests/test_patterns.py checks them against regex's own.
I = IGNORECASE = 0x2
M = MULTILINE = 0x8
S = DOTALL = 0x10
X = VERBOSE = 0x40
V1 = 0x100
R = REVERSE = 0x400
V0 = 0x2000

_FORMAT = 3
_MAX_ENTRIES = 2000  # config-supplied phrase lists add entries; past this, keep only this run's

# What the store file held, as bytes per entry: an entry is decoded (and its pattern built)
# only when a run asks for it, so entries a run does not need cost it nothing.
_loaded: dict[str, dict[tuple[str, int], bytes]] | None = None
# What this run asked for. Every entry is the arguments of a C pattern constructor, marshalled.
_used: dict[tuple[str, int], regex.Pattern] = {}
_used_re: dict[tuple[str, int], re.Pattern] = {}
_stored: dict[str, dict[tuple[str, int], bytes]] = {"regex": {}, "re": {}, "text": {}}
_dirty = False
_capture_lock = threading.Lock()


def enabled() -> bool:
    """Is the store on (`COPYDESK_PATTERN_CACHE` not 0)? Other stores of derived data follow it too."""
    return os.environ.get("COPYDESK_PATTERN_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")


_ENGINE = None


def _engine():
    """`regex`'s C engine, `regex._regex`, loaded without the Python half of `regex`.

    Importing `regex` imports its pattern parser (~15 ms, a sixth of a one-file check),
    which a pattern restored from the store never uses: `_regex.compile` rebuilds it from
    its compiled code. So the engine is loaded on its own, under its own name, where
    `import regex` later finds and shares it. Anything unusual: the ordinary import.
    """
    global _ENGINE
    if _ENGINE is None:
        engine = sys.modules.get("regex._regex")
        if engine is None:
            try:
                from importlib.machinery import PathFinder

                package = PathFinder.find_spec("regex")
                spec = PathFinder.find_spec("regex._regex", package.submodule_search_locations)
                engine = spec.loader.create_module(spec)
                spec.loader.exec_module(engine)
                sys.modules["regex._regex"] = engine
            except Exception:
                import regex  # noqa: F401 - importing it loads the engine

                engine = sys.modules["regex._regex"]
        _ENGINE = engine
    return _ENGINE


def _store_name() -> str:
    engine = _engine()
    try:  # the engine's build: a new `regex` is a new file
        st = os.stat(engine.__file__)
        build = f"{engine.__file__}|{st.st_size}|{st.st_mtime_ns}"
    except (AttributeError, OSError):
        build = "?"
    tag = f"{_FORMAT}|{sys.version}|{engine.MAGIC}|{engine.CODE_SIZE}|{build}"
    return f"copydesk-patterns-{zlib.crc32(tag.encode()):08x}.marshal"


def _default_version() -> bool:
    """Is `regex`'s default version (V0) in force? A program may change it, and then a
    pattern without an explicit version compiles differently: the store is not used."""
    loaded = sys.modules.get("regex")
    return loaded is None or int(getattr(loaded, "DEFAULT_VERSION", V0)) == V0


_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")


def escape(text: str) -> str:
    """`regex.escape(text)`: a backslash before each metacharacter and each space character
    (tests/test_patterns.py checks it against regex's over every code point)."""
    return "".join("\\" + c if c in _METACHARS or c.isspace() else c for c in text)


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


_SCALARS = frozenset((str, bytes, int, bool, type(None)))


def _plain(value, depth: int = 0) -> bool:
    """Is value plain data: strings, bytes, ints, None, and tuples, lists, dicts, frozensets of them?"""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if depth > 4:
        return False
    if kind in (tuple, list, frozenset):
        # a pattern's code is a list of thousands of ints: their types are gathered in C
        return set(map(type, value)) <= _SCALARS or all(_plain(v, depth + 1) for v in value)
    if kind is dict:
        return _plain(tuple(value), depth + 1) and _plain(tuple(value.values()), depth + 1)
    return False


def _arguments(blob: bytes) -> tuple | None:
    """A stored entry's constructor arguments, or None when it is not a tuple of plain data."""
    try:
        arguments = marshal.loads(blob)
    except Exception:  # a damaged entry is a miss
        return None
    return arguments if isinstance(arguments, tuple) and _plain(arguments) else None


def _load() -> dict[str, dict[tuple[str, int], bytes]]:
    empty: dict[str, dict[tuple[str, int], bytes]] = {"regex": {}, "re": {}, "text": {}}
    if not enabled():
        return empty
    path = store_path()
    if path is None:
        return empty
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        digest, body = data[:4], data[4:]
        if zlib.crc32(body).to_bytes(4, "big") != digest:  # a torn or damaged file
            return empty
        table = marshal.loads(body)
        return {kind: {k: v for k, v in table.get(kind, {}).items()
                       if isinstance(k, tuple) and len(k) == 2 and isinstance(v, bytes)} for kind in empty}
    except Exception:  # a damaged store is a miss, never an error
        return empty


def _table(kind: str) -> dict[tuple[str, int], bytes]:
    global _loaded
    if _loaded is None:
        _loaded = _load()
        if enabled():
            import atexit

            atexit.register(save)
    return _loaded[kind]


def _restored(kind: str, key: tuple, construct):
    """The pattern the store holds for key, rebuilt by `construct(*arguments)`; None on a miss."""
    blob = _table(kind).get(key)
    arguments = _arguments(blob) if blob is not None else None
    if arguments is None:
        return None
    try:
        found = construct(*arguments)
    except Exception:  # a damaged entry is a miss
        return None
    if found.pattern != key[0]:
        return None
    _stored[kind][key] = blob
    return found


def _remember(kind: str, key: tuple, arguments: tuple | None) -> None:
    """A pattern this run compiled: its constructor arguments (None: not storable) go to the store at exit."""
    global _dirty
    _dirty = True
    if arguments is not None:
        try:
            _stored[kind][key] = marshal.dumps(arguments)
        except ValueError:  # not marshallable: the pattern is compiled again next time
            pass


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - a drop-in for regex.compile
    """`regex.compile(pattern, flags)`, restored from the store when it holds the pattern."""
    key = (pattern, int(flags))
    found = _used.get(key)
    if found is not None:
        return found
    if not _default_version():
        import regex

        return regex.compile(pattern, flags)
    found = _restored("regex", key, lambda *arguments: _engine().compile(*arguments))
    if found is None:
        import regex

        found = regex.compile(pattern, flags)
        _remember("regex", key, getattr(found, "_pickled_data", None))  # what regex pickles a pattern as
    _used[key] = found
    return found


def _sre_arguments(pattern: str, flags: int) -> tuple | None:
    """The arguments stdlib `re` passes its C constructor for this pattern, or None.

    `re` parses and compiles a pattern in Python (milliseconds for a long alternation) and
    hands the result to `_sre.compile`; the arguments are plain data, and calling
    `_sre.compile` with them again builds the very same pattern. They are caught on the
    way, once, by standing in for `_sre` in `re`'s compiler module.
    """
    import re._compiler as compiler

    caught: list[tuple] = []
    real = compiler._sre

    class _Catch:
        def __getattr__(self, name):
            return getattr(real, name)

        @staticmethod
        def compile(*args):
            caught.append(args)
            return real.compile(*args)

    with _capture_lock:
        compiler._sre = _Catch()
        try:
            compiler.compile(pattern, flags)
        except Exception:
            return None
        finally:
            compiler._sre = real
    if len(caught) != 1:
        return None
    pis, flags, code, *rest = caught[0]
    return (pis, flags, [int(op) for op in code], *rest)  # opcodes are named ints: stored as plain ones


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)` for stdlib patterns, restored from the store when it holds them.

    Stdlib `re` scans simple patterns faster than `regex`, but compiles them in Python at
    every start; the store keeps what its compiler produced, keyed like the `regex` entries
    (and the store by Python's exact version, which fixes that compiler's output).
    """
    key = (pattern, int(flags))
    found = _used_re.get(key)
    if found is not None:
        return found
    import _sre

    found = _restored("re", key, _sre.compile)
    if found is None:
        arguments = _sre_arguments(pattern, key[1]) if not key[1] & re.DEBUG else None
        found = _sre.compile(*arguments) if arguments is not None else None
        if found is None or found.pattern != pattern:
            found, arguments = re.compile(pattern, flags), None
        _remember("re", key, arguments)
    _used_re[key] = found
    return found


def derived_text(key: str, build) -> str:
    """`build()`, a string that depends on `key` alone (a pattern's source built from a word
    list, say), kept in the store like a pattern: a run that finds it skips the building."""
    global _dirty
    found = _table("text").get((key, 0))
    if found is not None:
        try:
            text = found.decode("utf-8")
            _stored["text"][(key, 0)] = found
            return text
        except UnicodeDecodeError:  # a damaged entry is a miss
            pass
    text = build()
    _stored["text"][(key, 0)] = text.encode("utf-8", "surrogatepass")
    _dirty = True
    return text


def save() -> None:
    """Write the store if this process compiled a pattern it did not hold. Never raises."""
    global _dirty
    if not _dirty or not enabled():
        return
    _dirty = False
    table = {}
    for kind, mine in _stored.items():
        entries = dict((_loaded or {}).get(kind, {}))
        entries.update(mine)
        table[kind] = entries if len(entries) <= _MAX_ENTRIES else dict(mine)
    try:
        body = marshal.dumps(table)
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
