"""copydesk's built-in rules, one module per family, registered as a pluggy plugin.

This module is named in the `copydesk` entry-point group exactly as a third-party rule
pack would be; the engine has no special path for it. Each family module exports
`RULES`, the list of its rule classes.
"""

from __future__ import annotations

import importlib

from linter import hookimpl

FAMILY_MODULES = ("rules.sourcing", "rules.byline", "rules.dates", "rules.superlatives", "rules.readability")


@hookimpl
def copydesk_rules():
    found = []
    for name in FAMILY_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a family not written yet
            raise
        found.extend(module.RULES)
    return found
