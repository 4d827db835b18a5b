"""Configuration: `[tool.copydesk]` in pyproject.toml, or copydesk.toml / .copydesk.toml.

For each linted file the nearest config walking up from its folder applies (ruff and
ESLint do the same); `--config FILE` applies one file to everything. Every key, code and
type is checked, and a mistake is a `ConfigError` naming the file and the key.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from linter.records import Record
from linter.rule import SEVERITIES

__all__ = ["Config", "ConfigError", "ConfigResolver", "load_config", "find_config_file", "glob_matches"]

CONFIG_NAMES = (".copydesk.toml", "copydesk.toml", "pyproject.toml")
DEFAULT_MAX_FILE_BYTES = 10_000_000


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


class Config(Record):
    """One config file's settings, or the defaults (path None)."""

    __slots__ = ("path", "root", "select", "ignore", "fail_on", "exclude", "per_file_ignores", "max_file_bytes",
                 "severity", "rules", "date_order")
    path: str | None  # the file it came from, None for defaults
    root: str  # folder globs are relative to
    select: list[str] | None
    ignore: list[str]
    fail_on: str
    exclude: list[str]
    per_file_ignores: dict[str, list[str]]
    max_file_bytes: int
    severity: dict[str, str]
    rules: dict[str, dict[str, Any]]
    date_order: str

    def __init__(self, path: str | None = None, root: str = ".", select: list[str] | None = None,
                 ignore: list[str] | None = None, fail_on: str = "warning", exclude: list[str] | None = None,
                 per_file_ignores: dict[str, list[str]] | None = None, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
                 severity: dict[str, str] | None = None, rules: dict[str, dict[str, Any]] | None = None,
                 date_order: str = "month-first"):
        self.path = path
        self.root = root
        self.select = select
        self.ignore = [] if ignore is None else ignore
        self.fail_on = fail_on
        self.exclude = [] if exclude is None else exclude
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.max_file_bytes = max_file_bytes
        self.severity = {} if severity is None else severity
        self.rules = {} if rules is None else rules
        self.date_order = date_order

    def settings(self) -> dict:
        """Document-wide settings readers and metadata use."""
        return {"date-order": self.date_order}


def _str_list(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {type(value).__name__}")
    return value


def _check_codes(codes: list[str], known: set[str], where: str) -> list[str]:
    out = []
    for code in codes:
        c = code.strip().upper()
        if not c or not any(k.startswith(c) for k in known):
            raise ConfigError(f"{where}: unknown rule code or prefix '{code}'")
        out.append(c)
    return out


def parse_config(data: dict, path: str, registry_rules: dict) -> Config:
    """A `Config` from the table of a config file; raises ConfigError on any mistake."""
    known = set(registry_rules)
    cfg = Config(path=path, root=os.path.dirname(os.path.abspath(path)))
    for key, value in data.items():
        where = f"{path}: key '{key}'"
        if key == "select":
            cfg.select = _check_codes(_str_list(value, where), known, where)
        elif key == "ignore":
            cfg.ignore = _check_codes(_str_list(value, where), known, where)
        elif key in ("fail-on", "fail_on"):
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
            cfg.fail_on = value
        elif key == "exclude":
            cfg.exclude = _str_list(value, where)
        elif key in ("per-file-ignores", "per_file_ignores"):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of glob = [codes], got {type(value).__name__}")
            cfg.per_file_ignores = {
                g: _check_codes(_str_list(v, f"{where} '{g}'"), known, f"{where} '{g}'") for g, v in value.items()
            }
        elif key in ("max-file-bytes", "max_file_bytes"):
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{where}: expected a positive whole number, got {value!r}")
            cfg.max_file_bytes = value
        elif key in ("date-order", "date_order"):
            if value not in ("month-first", "day-first"):
                raise ConfigError(f"{where}: expected 'month-first' or 'day-first', got {value!r}")
            cfg.date_order = value
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of CODE = severity")
            for code, sev in value.items():
                _check_codes([code], known, f"{where}.{code}")
                if code.upper() not in known:
                    raise ConfigError(f"{where}.{code}: severity is set per rule code, not prefix")
                if sev not in SEVERITIES:
                    raise ConfigError(f"{where}.{code}: expected one of {', '.join(SEVERITIES)}, got {sev!r}")
                cfg.severity[code.upper()] = sev
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of [rules.CODE] tables")
            for code, opts in value.items():
                rw = f"{path}: key 'rules.{code}'"
                rule = registry_rules.get(code.upper())
                if rule is None:
                    raise ConfigError(f"{rw}: unknown rule code '{code}'")
                if not isinstance(opts, dict):
                    raise ConfigError(f"{rw}: expected a table of options")
                checked = {}
                for opt, v in opts.items():
                    if opt not in rule.options:
                        allowed = ", ".join(rule.options) or "none"
                        raise ConfigError(f"{rw}: unknown option '{opt}' (options: {allowed})")
                    default = rule.options[opt]
                    if not _same_type(default, v):
                        raise ConfigError(f"{rw}.{opt}: expected {_type_name(default)}, got {type(v).__name__}")
                    checked[opt] = v
                cfg.rules[code.upper()] = checked
        else:
            raise ConfigError(f"{where}: unknown key (known: select, ignore, fail-on, exclude, per-file-ignores, "
                              f"max-file-bytes, date-order, severity, rules)")
    return cfg


def _same_type(default, value) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def _type_name(default) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, (int, float)):
        return "a number"
    if isinstance(default, list):
        return "a list of strings"
    return type(default).__name__


def read_config_table(path: str) -> dict | None:
    """The copydesk table of a config file, or None for a pyproject.toml without one."""
    import tomllib

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "copydesk" not in tool:
            return None
        table = tool["copydesk"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: key 'tool.copydesk': expected a table")
        return table
    return data


def load_config(path: str, registry_rules: dict) -> Config:
    table = read_config_table(path)
    if table is None:
        return Config(path=path, root=os.path.dirname(os.path.abspath(path)))
    return parse_config(table, path, registry_rules)


def find_config_file(directory: str, memo: dict | None = None) -> str | None:
    """The nearest config file at or above `directory` (an absolute path).

    memo: a dict the caller keeps (one run, one resolver) so folders are looked at once.
    """
    if memo is not None and directory in memo:
        return memo[directory]
    found = _find_config_file(directory, memo)
    if memo is not None:
        memo[directory] = found
    return found


def _find_config_file(directory: str, memo: dict | None) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            if name != "pyproject.toml":
                return candidate
            try:
                with open(candidate, "rb") as fh:
                    if b"[tool.copydesk" in fh.read() and read_config_table(candidate) is not None:
                        return candidate
            except (OSError, ConfigError):
                return candidate
    parent = os.path.dirname(directory)
    if parent == directory:
        return None
    return find_config_file(parent, memo)


class ConfigResolver:
    """The config for each file: one fixed file (`--config`), or the nearest one above it."""

    def __init__(self, registry_rules: dict, fixed: str | None = None):
        self.rules = registry_rules
        self.fixed = fixed
        self._loaded: dict[str | None, Config] = {}
        self._found: dict[str, str | None] = {}
        if fixed is not None:
            self._loaded[fixed] = load_config(fixed, registry_rules)

    def config_path_for(self, path: str | None) -> str | None:
        if self.fixed is not None:
            return self.fixed
        folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        return find_config_file(folder, self._found)

    def for_path(self, path: str | None) -> Config:
        """The Config for a file (None: standard input, resolved from the current folder)."""
        cpath = self.config_path_for(path)
        cfg = self._loaded.get(cpath)
        if cfg is None:
            cfg = load_config(cpath, self.rules) if cpath else Config()
            self._loaded[cpath] = cfg
        return cfg


@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern:
    i, out = 0, []
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
            else:
                out.append("[" + pattern[i + 1:j].replace("!", "^", 1) + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def glob_matches(pattern: str, relpath: str) -> bool:
    """gitignore-like: a pattern without '/' matches any path component; '**' crosses folders."""
    relpath = relpath.replace(os.sep, "/").lstrip("./") if relpath.startswith("./") else relpath.replace(os.sep, "/")
    pat = pattern.strip()
    if pat.startswith("/"):
        pat = pat[1:]
    elif "/" not in pat.rstrip("/"):
        pat = "**/" + pat
    return bool(_glob_regex(pat.rstrip("/")).match(relpath))
