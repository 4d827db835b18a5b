"""copydesk's engine and its public API.

For plugin authors::

    from linter import hookimpl, Rule, PhraseRule, Hit

    class NoDashes(Rule):
        code = "XYZ101"
        name = "no-em-dashes"
        summary = "Em dashes are not house style"
        doc = "## What it does\\n..."

        def check(self, doc, options):
            for i, ch in enumerate(doc.prose):
                if ch == "—":
                    yield Hit(i, i + 1, "Use a comma or a full stop instead of an em dash")

    @hookimpl
    def copydesk_rules():
        return [NoDashes]

and name the module in your distribution's `copydesk` entry-point group. The hooks are
documented in `linter.hookspecs`. For programs (editors, servers)::

    from linter import lint_text
    findings = lint_text("According to sources, ...", path="story.md")

Names are imported lazily, so `copydesk --version` stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "hookimpl": "linter.plugins",
    "load_registry": "linter.plugins",
    "Registry": "linter.plugins",
    "Rule": "linter.rule",
    "PhraseRule": "linter.rule",
    "Hit": "linter.rule",
    "Finding": "linter.rule",
    "Fix": "linter.rule",
    "Document": "linter.document",
    "ReadResult": "linter.document",
    "Block": "linter.document",
    "MetaCandidate": "linter.document",
    "MetaField": "linter.document",
    "ProseBuilder": "linter.prose",
    "OffsetMap": "linter.prose",
    "Linter": "linter.runner",
    "RunResult": "linter.runner",
    "FileResult": "linter.runner",
    "Config": "linter.config",
    "ConfigError": "linter.config",
}

__all__ = sorted([*_EXPORTS, "lint_text", "__version__"])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'linter' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


_DEFAULT_LINTER = None


def lint_text(text: str, path: str = "story.txt", config_file: str | None = None) -> list:
    """Findings for `text` as if it were the file `path` (its extension picks the reader).

    Uses the nearest config above `path` unless `config_file` is given. Keeps the plugin
    registry warm between calls. Raises ConfigError for a bad config.
    """
    global _DEFAULT_LINTER
    from linter.plugins import load_registry
    from linter.runner import Linter

    if config_file is not None:
        linter = Linter(load_registry(), config_file=config_file)
    else:
        if _DEFAULT_LINTER is None:
            _DEFAULT_LINTER = Linter(load_registry())
        linter = _DEFAULT_LINTER
    result = linter.lint_text(text, path)
    if result.problems and not result.linted:
        from linter.config import ConfigError

        raise ConfigError(result.problems[0])
    return result.findings
