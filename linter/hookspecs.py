"""The whole plugin API of copydesk: three hooks.

A plugin is an installed distribution that names a module in the `copydesk` entry-point
group::

    [project.entry-points.copydesk]
    my_newsroom = "my_newsroom_rules"

copydesk imports that module and registers it with pluggy; the module implements any of
the hooks below, each marked with `linter.hookimpl`. copydesk's own rules, readers and
reporters are registered exactly this way (see `rules/__init__.py`,
`linter/readers/__init__.py`, `linter/reporters/__init__.py`).

A plugin that fails to import, or whose hook raises, is reported by name on stderr; the
other plugins still run and the exit status is 2. Nothing in an article or a config can
make copydesk import a module: plugins come only from installed entry points.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("copydesk")


@hookspec
def copydesk_rules() -> list:
    """Return the rule classes this plugin provides.

    Called once per run, before any file is read. Each item is a subclass of
    `linter.Rule` (or `linter.PhraseRule`) with a unique `code`: three capital letters
    and three digits. The prefixes SRC, BYL, DAT, SUP and RDB are copydesk's own; a rule
    pack picks its own prefix. A rule's `check(doc, options)` is called once per
    document and yields `linter.Hit` objects in prose offsets (`doc.prose`); it must
    not read files or keep state between documents.
    """


@hookspec
def copydesk_readers() -> list:
    """Return the readers (input formats) this plugin provides.

    Called once per run. A reader is an object with `name` (str), `extensions` (a tuple
    of lower-case file endings such as ".rst") and `read(text, path) -> linter.ReadResult`.
    `text` is the decoded file with newlines normalised to "\\n"; the result gives the
    prose the rules see and an `OffsetMap` (see `linter.ProseBuilder`) from prose index
    to index in `text`, plus blocks and metadata candidates. A later reader for the same
    extension replaces an earlier one.
    """


@hookspec
def copydesk_reporters() -> list:
    """Return the reporters (output formats) this plugin provides.

    Called once per run. A reporter is an object with `name` (the `--format` value) and
    `write(result, out)`: `result` is a `linter.RunResult` (sorted findings, the files
    linted, the problems met, the rules known) and `out` a text stream to write to.
    Reporters that embed article text in markup must escape it.
    """
