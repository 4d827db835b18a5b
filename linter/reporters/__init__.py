"""Built-in reporters (output formats), registered as a plugin like any other.

Each reporter's module is imported only when its format is asked for.
"""

from __future__ import annotations

from linter.plugins import hookimpl


class _LazyReporter:
    def __init__(self, name: str, module: str, description: str):
        self.name = name
        self.description = description
        self._module = module

    def write(self, result, out) -> None:
        import importlib

        importlib.import_module(self._module).write(result, out)


@hookimpl
def copydesk_reporters():
    return [
        _LazyReporter("text", "linter.reporters.text", "path:line:col: CODE message, one a line"),
        _LazyReporter("json", "linter.reporters.json_format", "one JSON array of findings"),
        _LazyReporter("sarif", "linter.reporters.sarif", "SARIF 2.1.0, for GitHub code scanning and other dashboards"),
        _LazyReporter("github", "linter.reporters.github", "GitHub Actions annotations (workflow commands)"),
    ]
