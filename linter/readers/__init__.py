"""Built-in readers: plain text, Markdown and HTML, registered as a plugin like any other."""

from __future__ import annotations

from linter.plugins import hookimpl


class _LazyReader:
    """Imports a reader module only when a file of its kind is read (keeps start-up cheap)."""

    def __init__(self, name: str, extensions: tuple[str, ...], module: str):
        self.name = name
        self.extensions = extensions
        self._module = module

    def read(self, text: str, path: str):
        import importlib

        return importlib.import_module(self._module).read(text, path)


TEXT = _LazyReader("text", (".txt", ".text"), "linter.readers.text")
MARKDOWN = _LazyReader("markdown", (".md", ".markdown", ".mdx"), "linter.readers.markdown")
HTML = _LazyReader("html", (".html", ".htm", ".xhtml"), "linter.readers.html")


@hookimpl
def copydesk_readers():
    return [TEXT, MARKDOWN, HTML]
