"""Loading plugins from the `copydesk` entry-point group and collecting what they provide.

Each hook implementation is called on its own, so one plugin that raises cannot take
the others down: its failure becomes a `problem` naming the plugin, and the run goes on.
"""

from __future__ import annotations

import pluggy

from linter import hookspecs, patterns
from linter.records import Frozen, Record, set_frozen

__all__ = ["Registry", "load_registry", "hookimpl"]

hookimpl = pluggy.HookimplMarker("copydesk")
CODE_PATTERN = patterns.compile_re(r"^[A-Z]{3}\d{3}$")


class Registry(Record):
    """Everything the installed plugins provide, by code or name."""

    __slots__ = ("rules", "rule_plugin", "readers", "reporters", "problems")
    rules: dict  # code -> rule class
    rule_plugin: dict  # code -> plugin name
    readers: dict  # extension -> reader
    reporters: dict  # name -> reporter
    problems: list  # one line each

    def __init__(self, rules: dict | None = None, rule_plugin: dict | None = None, readers: dict | None = None,
                 reporters: dict | None = None, problems: list | None = None):
        self.rules = {} if rules is None else rules
        self.rule_plugin = {} if rule_plugin is None else rule_plugin
        self.readers = {} if readers is None else readers
        self.reporters = {} if reporters is None else reporters
        self.problems = [] if problems is None else problems

    def reader_for(self, path: str):
        lower = path.lower()
        best = None
        for ext, reader in self.readers.items():
            if lower.endswith(ext) and (best is None or len(ext) > len(best[0])):
                best = (ext, reader)
        if best is not None:
            return best[1]
        return self.readers.get(".txt")


class _Dist(Frozen):
    """The distribution an entry point comes from: its name and version."""

    __slots__ = ("name", "version")
    name: str
    version: str

    def __init__(self, name: str, version: str):
        set_frozen(self, "name", name)
        set_frozen(self, "version", version)


class EntryPoint(Frozen):
    """One `copydesk` entry point of an installed distribution."""

    __slots__ = ("name", "value", "dist")
    name: str
    value: str
    dist: _Dist | None

    def __init__(self, name: str, value: str, dist: _Dist | None = None):
        set_frozen(self, "name", name)
        set_frozen(self, "value", value)
        set_frozen(self, "dist", dist)

    def load(self):
        import importlib

        module, _, attr = self.value.partition(":")
        obj = importlib.import_module(module.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _parse_group(text: str, group: str) -> list[tuple[str, str]]:
    out, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            inside = line == f"[{group}]"
            continue
        if inside and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def _entry_points(group: str = "copydesk") -> list[EntryPoint]:
    """Entry points of `group` in every distribution on sys.path, first distribution of a name wins.

    Reads `*.dist-info/entry_points.txt` (and `.egg-info`) directly: the same files
    importlib.metadata reads, without importing its e-mail header machinery, which
    would cost more start-up time than everything else copydesk does for one article.
    """
    import os
    import sys

    found: list[EntryPoint] = []
    seen_dists: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in sorted(names):
            if not folder.endswith((".dist-info", ".egg-info")):
                continue
            stem = folder.rsplit(".", 1)[0]
            dist_name, _, version = stem.partition("-")
            key = dist_name.lower().replace("-", "_").replace(".", "_")
            if key in seen_dists:
                continue
            seen_dists.add(key)
            try:
                with open(os.path.join(entry or ".", folder, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if f"[{group}]" not in text:
                continue
            dist = _Dist(dist_name, version.partition("-")[0])
            found.extend(EntryPoint(n, v, dist) for n, v in _parse_group(text, group))
    return found


def _rule_fault(rule) -> str | None:
    """Why a rule cannot be used as it is (its name, severity, summary or options), or None."""
    from linter.rule import SEVERITIES

    name = getattr(rule, "name", None)
    if not isinstance(name, str) or not name:
        return f"name must be a non-empty string, not {name!r:.40}"
    severity = getattr(rule, "severity", "warning")
    if severity not in SEVERITIES:
        return f"severity {severity!r:.40} is not one of {', '.join(SEVERITIES)}"
    if not isinstance(getattr(rule, "summary", ""), str) or not isinstance(getattr(rule, "doc", ""), str):
        return "summary and doc must be strings"
    if not isinstance(getattr(rule, "options", {}) or {}, dict):
        return "options must be a dict"
    return None


def load_registry(extra_plugins: tuple = ()) -> Registry:
    """Import every `copydesk` entry point, register it, and collect rules, readers and reporters.

    extra_plugins: (name, module-or-object) pairs registered after the entry points (tests use it).
    """
    pm = pluggy.PluginManager("copydesk")
    pm.add_hookspecs(hookspecs)
    reg = Registry()
    seen = set()
    for ep in sorted(_entry_points(), key=lambda e: (e.name not in ("rules", "readers", "reporters"), e.name)):
        if ep.name in seen:
            continue
        seen.add(ep.name)
        dist = getattr(ep, "dist", None)
        who = f"plugin '{ep.name}'" + (f" ({dist.name} {dist.version})" if dist is not None else "")
        try:
            module = ep.load()
            pm.register(module, name=ep.name)
        except Exception as exc:  # a broken plugin must not stop the run
            reg.problems.append(f"{who} failed to load: {type(exc).__name__}: {exc}")
    for name, plugin in extra_plugins:
        pm.register(plugin, name=name)

    def collect(hook, what):
        for impl in hook.get_hookimpls():
            try:
                items = list(impl.function() or ())
            except Exception as exc:  # raised, or returned something that is not a list
                reg.problems.append(f"plugin '{impl.plugin_name}' failed in {hook.name}: {type(exc).__name__}: {exc}")
                continue
            for item in items:
                yield impl.plugin_name, item

    for plugin_name, rule in collect(pm.hook.copydesk_rules, "rules"):
        code = getattr(rule, "code", "")
        if not isinstance(code, str) or not CODE_PATTERN.match(code) or not callable(getattr(rule, "check", None)):
            reg.problems.append(f"plugin '{plugin_name}' provides an invalid rule {rule!r}: a code like ABC123 and a check() are required")
            continue
        fault = _rule_fault(rule)
        if fault:
            reg.problems.append(f"plugin '{plugin_name}' rule {code} is invalid: {fault}; skipped")
            continue
        if code in reg.rules:
            first = reg.rule_plugin[code]
            reg.problems.append(f"plugin '{plugin_name}' rule {code} clashes with one from plugin '{first}'; kept the first")
            continue
        reg.rules[code] = rule
        reg.rule_plugin[code] = plugin_name
    for plugin_name, reader in collect(pm.hook.copydesk_readers, "readers"):
        exts = getattr(reader, "extensions", ())
        if not callable(getattr(reader, "read", None)) or isinstance(exts, str) or not all(isinstance(e, str) for e in exts):
            reg.problems.append(f"plugin '{plugin_name}' provides an invalid reader {reader!r:.80}: "
                                "extensions (a tuple of strings) and a read() are required")
            continue
        for ext in exts:
            reg.readers[ext.lower()] = reader
    for plugin_name, reporter in collect(pm.hook.copydesk_reporters, "reporters"):
        if not isinstance(getattr(reporter, "name", None), str) or not callable(getattr(reporter, "write", None)):
            reg.problems.append(f"plugin '{plugin_name}' provides an invalid reporter {reporter!r:.80}: "
                                "a name and a write() are required")
            continue
        reg.reporters[reporter.name] = reporter
    reg.rules = dict(sorted(reg.rules.items()))
    return reg
