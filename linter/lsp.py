"""`copydesk lsp`: a Language Server Protocol server on stdio, built on pygls.

An editor sends the buffer as the writer types; the server lints that unsaved text (never
the file on disk) with the same engine and per-file config as `copydesk check`, and
publishes the findings as diagnostics:

- on open and save at once, on change after a short debounce (`DEBOUNCE_SECONDS`);
- positions converted from the SPEC's columns (code points) to the position encoding the
  client and server agreed on (UTF-16 unless the client offers another);
- each diagnostic's code links to the rule's explanation (`codeDescription`), hover shows
  that explanation, and code actions offer the rule's plain-word fix and, in Markdown and
  HTML, a `<!-- copydesk: disable-next-line CODE -->` comment;
- a bad config, or a plugin that raises, becomes a `window/showMessage`; the server lives on.

The plugin registry, the `Linter` (configs, compiled patterns, rule instances) stay warm
for the whole session. pygls is an optional extra (`pip install 'copydesk[lsp]'`) and is
imported only here, only when the server starts.

The pure parts — position conversion, findings to diagnostics, code actions — are plain
functions over dicts in the LSP's JSON shape, so they can be read and tested without pygls.
`StdioClient` is a minimal JSON-RPC client for tests and benchmarks that drive the server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from typing import Any

from linter import __version__

__all__ = ["DEBOUNCE_SECONDS", "LintSession", "StdioClient", "main", "to_client_column", "from_client_column"]

DEBOUNCE_SECONDS = 0.1
LINTED_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
COMMENT_EXTENSIONS = (".md", ".markdown", ".html", ".htm")
LANGUAGE_EXTENSIONS = {"plaintext": ".txt", "text": ".txt", "markdown": ".md", "html": ".html"}
SEVERITY = {"error": 1, "warning": 2, "info": 3}
SOURCE = "copydesk"
MISSING_PYGLS = ("the language server needs pygls: pip install 'copydesk[lsp]' "
                 "(or pip install 'pygls>=2,<3' in copydesk's environment)")


# -- positions -------------------------------------------------------------------------------

def split_lines(text: str) -> list[str]:
    """The buffer's lines as the SPEC and the LSP count them: CRLF, CR and LF all end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _units(s: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(s)
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def to_client_column(line_text: str, codepoints: int, encoding: str = "utf-16") -> int:
    """A 0-based column in code points -> the client's units (UTF-16: astral characters count 2)."""
    if encoding == "utf-32" or line_text.isascii():
        return codepoints
    return _units(line_text[:codepoints], encoding)


def from_client_column(line_text: str, units: int, encoding: str = "utf-16") -> int:
    """A 0-based column in the client's units -> code points (a position inside a character rounds down)."""
    if encoding == "utf-32" or line_text.isascii():
        return min(units, len(line_text))
    used = 0
    for i, ch in enumerate(line_text):
        used += _units(ch, encoding)
        if used > units:
            return i
    return len(line_text)


class PositionMap:
    """SPEC positions (1-based line, 1-based code-point column) <-> LSP positions for one buffer.

    The engine drops a leading BOM before counting columns; the editor's buffer may still
    hold it, so line 1 is shifted by one code point in that case.
    """

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.lines = split_lines(text)
        self.encoding = encoding
        self.bom = 1 if text.startswith("\ufeff") else 0

    def to_client(self, line: int, column: int) -> dict:
        i = max(0, min(line - 1, len(self.lines) - 1))
        text = self.lines[i]
        cp = column - 1 + (self.bom if i == 0 else 0)
        return {"line": i, "character": to_client_column(text, max(0, min(cp, len(text))), self.encoding)}

    def from_client(self, position: dict) -> tuple[int, int]:
        """(line, column), 1-based code points, of an LSP position."""
        i = max(0, min(position["line"], len(self.lines) - 1))
        cp = from_client_column(self.lines[i], position["character"], self.encoding)
        if i == 0:
            cp = max(0, cp - self.bom)
        return i + 1, cp + 1

    def range(self, line: int, column: int, end_line: int, end_column: int) -> dict:
        return {"start": self.to_client(line, column), "end": self.to_client(end_line, end_column)}


# -- findings -> LSP --------------------------------------------------------------------------

def diagnostic(finding, positions: PositionMap, docs_link) -> dict:
    """The LSP Diagnostic (JSON shape) for one Finding."""
    out = {
        "range": positions.range(finding.line, finding.column, finding.end_line, finding.end_column),
        "severity": SEVERITY.get(finding.severity, 2),
        "code": finding.code,
        "source": SOURCE,
        "message": finding.message,
        "data": {"rule": finding.rule},
    }
    href = docs_link(finding.code)
    if href:
        out["codeDescription"] = {"href": href}
    return out


def _covers(finding, line: int, column: int) -> bool:
    start, end = (finding.line, finding.column), (finding.end_line, finding.end_column)
    if start == end:  # a finding about the whole document sits at 1:1
        return (line, column) == start
    return start <= (line, column) < end or (line, column) == end  # the cursor just past the words counts


def findings_at(findings: Iterable, line: int, column: int) -> list:
    return [f for f in findings if _covers(f, line, column)]


def _overlaps(finding, start: tuple[int, int], end: tuple[int, int]) -> bool:
    f_start, f_end = (finding.line, finding.column), (finding.end_line, finding.end_column)
    return f_start <= end and start <= f_end


def _front_matter_end(lines: list[str]) -> int:
    """0-based index of the line closing a leading front-matter block, or -1."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return -1
    fence = lines[0].strip()
    for i in range(1, len(lines)):
        if lines[i].strip() in (fence, "..."):
            return i
    return len(lines) - 1


def code_actions(uri: str, path: str, text: str, findings: list, start: tuple[int, int], end: tuple[int, int],
                 encoding: str, positions: PositionMap | None = None) -> list[dict]:
    """Quick fixes for the findings that touch [start, end] (1-based SPEC positions).

    A finding with a `fix` gets "Replace with ...". In Markdown and HTML every finding also
    gets "Suppress CODE here": a `disable-next-line` comment on its own line above the
    finding's line (indented like it), or, for a finding about the whole document, a
    `disable-file` comment at the end of the file. Front matter is never edited.
    """
    positions = positions or PositionMap(text, encoding)
    comments = path.lower().endswith(COMMENT_EXTENSIONS)
    fm_end = _front_matter_end(positions.lines) if path.lower().endswith((".md", ".markdown")) else -1
    actions: list[dict] = []
    suppressed: set[tuple[str, int]] = set()
    for f in findings:
        if not _overlaps(f, start, end):
            continue
        diag = diagnostic(f, positions, lambda code: None)
        if f.fix is not None:
            fix = f.fix
            actions.append({
                "title": f"Replace '{f.words}' with '{fix.replacement}' ({f.code})" if f.words
                else f"Replace with '{fix.replacement}' ({f.code})",
                "kind": "quickfix", "diagnostics": [diag], "isPreferred": True,
                "edit": {"changes": {uri: [{
                    "range": positions.range(fix.line, fix.column, fix.end_line, fix.end_column),
                    "newText": fix.replacement}]}},
            })
        if not comments:
            continue
        document_level = (f.line, f.column) == (f.end_line, f.end_column)
        if document_level or f.line - 1 <= fm_end:
            key = (f.code, 0)
            if key in suppressed:
                continue
            last = len(positions.lines) - 1
            end_pos = {"line": last, "character": _units(positions.lines[last], encoding)}
            sep = "" if positions.lines[last] == "" else "\n"
            edit_text = f"{sep}<!-- copydesk: disable-file {f.code} -->\n"
            title = f"Suppress {f.code} in this file"
        else:
            key = (f.code, f.line)
            if key in suppressed:
                continue
            line_text = positions.lines[f.line - 1]
            indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
            end_pos = {"line": f.line - 1, "character": 0}
            edit_text = f"{indent}<!-- copydesk: disable-next-line {f.code} -->\n"
            title = f"Suppress {f.code} here (disable-next-line comment)"
        suppressed.add(key)
        actions.append({
            "title": title, "kind": "quickfix", "diagnostics": [diag],
            "edit": {"changes": {uri: [{"range": {"start": end_pos, "end": end_pos}, "newText": edit_text}]}},
        })
    return actions


def hover_markdown(findings: list, rules: dict, explain) -> str:
    parts = []
    for f in findings:
        rule = rules.get(f.code)
        head = f"**{f.code}** `{f.rule}` ({f.severity}): {f.message}"
        parts.append(head + ("\n\n" + explain(rule) if rule is not None else ""))
    return "\n\n---\n\n".join(parts)


# -- the session: warm linter, documents, messages -------------------------------------------

class LintSession:
    """What the server keeps between keystrokes: the registry, the Linter, each buffer's findings.

    Independent of pygls: `lint(uri, text, ...)` returns diagnostics (JSON shape) and the
    messages the user should see (each distinct message once, until it goes away).
    """

    def __init__(self, config_file: str | None = None, docs_url: str | None = None):
        from linter.plugins import load_registry
        from linter.runner import Linter

        self.registry = load_registry()
        self.config_file = config_file
        self.docs_url = docs_url
        self.linter = Linter(self.registry, config_file=config_file)
        self.findings: dict[str, list] = {}
        self.texts: dict[str, str] = {}
        self.paths: dict[str, str] = {}
        self._shown: dict[str, set[str]] = {}
        self._config_stamps: dict[str, float | None] = {}
        self._doc_files: dict[str, str] = {}
        self.startup_problems = list(self.registry.problems)

    def warm_up(self) -> None:
        """Lint a small story once so the first keystroke finds patterns compiled and rules built."""
        sample = ("Headline\n\nBy A Reporter\n\nAccording to sources, the council will vote on Tuesday. "
                  "Critics say the most ambitious plan ever was rushed.\n")
        for ext in (".txt", ".md", ".html"):
            try:
                self.linter.lint_text(sample, os.path.join(os.getcwd(), "warm-up" + ext))
            except Exception:
                pass

    # -- paths and config ----------------------------------------------------------------

    @staticmethod
    def path_for(uri: str, language_id: str | None, fs_path: str | None) -> str | None:
        """The path a buffer is linted as, or None when copydesk does not read this kind of file."""
        if fs_path and fs_path.lower().endswith(LINTED_EXTENSIONS):
            return fs_path
        ext = LANGUAGE_EXTENSIONS.get((language_id or "").lower())
        if ext is None:
            return None
        base = fs_path or os.path.join(os.getcwd(), "untitled")
        return base + ext

    def _refresh_config(self, path: str) -> None:
        """Start a fresh Linter when the config that applies to `path` was edited, added or removed."""
        try:
            cpath = self.linter.resolver.config_path_for(path)
        except OSError:
            return
        key = os.path.dirname(os.path.abspath(path))
        stamp = None
        if cpath:
            try:
                stamp = os.stat(cpath).st_mtime_ns
            except OSError:
                stamp = None
        token = f"{cpath}@{stamp}"
        old = self._config_stamps.get(key)
        self._config_stamps[key] = token
        if old is not None and old != token:
            from linter.runner import Linter

            self.linter = Linter(self.registry, config_file=self.config_file)
            self._config_stamps = {key: token}

    def docs_link(self, code: str) -> str | None:
        """Where a rule's explanation lives: the configured URL template, else a local Markdown file."""
        if self.docs_url:
            return self.docs_url.replace("{code}", code)
        target = self._doc_files.get(code)
        if target is None:
            rule = self.registry.rules.get(code)
            if rule is None:
                return None
            from linter.cli import explain_text

            folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                                  "copydesk", __version__, "rules")
            target = os.path.join(folder, f"{code}.md")
            try:
                os.makedirs(folder, exist_ok=True)
                with open(target, "w", encoding="utf-8") as fh:
                    fh.write(explain_text(rule))
            except OSError:
                return None
            self._doc_files[code] = target
        from pathlib import Path

        return Path(target).as_uri()

    # -- linting ---------------------------------------------------------------------------

    def lint(self, uri: str, text: str, path: str, encoding: str) -> tuple[list[dict], list[tuple[int, str]]]:
        """Diagnostics for a buffer, and (LSP MessageType, text) messages to show."""
        self.texts[uri] = text
        self.paths[uri] = path
        messages: list[tuple[int, str]] = []
        try:
            self._refresh_config(path)
            result = self.linter.lint_text(text, path)
        except Exception as exc:  # the server outlives anything a document or plugin does
            self.findings[uri] = []
            return [], self._fresh(uri, [(1, f"copydesk could not lint {os.path.basename(path)}: {type(exc).__name__}: {exc}")])
        self.findings[uri] = result.findings
        for problem in result.problems:
            messages.append((1 if not result.linted else 2, f"copydesk: {problem}"))
        positions = PositionMap(text, encoding)
        return [diagnostic(f, positions, self.docs_link) for f in result.findings], self._fresh(uri, messages)

    def _fresh(self, uri: str, messages: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The messages not already shown for this buffer's previous lint (a problem is shown once
        while it lasts, and again if it comes back after being fixed)."""
        before = self._shown.get(uri, set())
        self._shown[uri] = {m for _, m in messages}
        return [(k, m) for k, m in messages if m not in before]

    def forget(self, uri: str) -> None:
        self.findings.pop(uri, None)
        self.texts.pop(uri, None)
        self.paths.pop(uri, None)
        self._shown.pop(uri, None)

    def explain(self, rule) -> str:
        from linter.cli import explain_text

        return explain_text(rule)


# -- the pygls server --------------------------------------------------------------------------

def build_server(session: LintSession, debounce: float = DEBOUNCE_SECONDS):
    """A pygls LanguageServer wired to `session`. Imports pygls (the optional `lsp` extra)."""
    import asyncio

    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    server = LanguageServer("copydesk", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
    pending: dict[str, asyncio.Task] = {}
    converter = None

    def encoding() -> str:
        enc = server.workspace.position_encoding or "utf-16"
        return str(getattr(enc, "value", enc))

    def show(messages: list[tuple[int, str]]) -> None:
        for kind, text in messages:
            server.window_show_message(types.ShowMessageParams(type=types.MessageType(kind), message=text))

    def structure(cls, data):
        nonlocal converter
        if converter is None:
            from lsprotocol.converters import get_converter

            converter = get_converter()
        return converter.structure(data, cls)

    def publish(uri: str) -> None:
        doc = server.workspace.get_text_document(uri)
        path = session.path_for(uri, doc.language_id, to_fs_path(uri) if uri.startswith("file:") else None)
        if path is None:
            return
        diagnostics, messages = session.lint(uri, doc.source, path, encoding())
        show(messages)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=[structure(types.Diagnostic, d) for d in diagnostics]))

    def lint_now(uri: str) -> None:
        task = pending.pop(uri, None)
        if task is not None:
            task.cancel()
        publish(uri)

    async def lint_later(uri: str) -> None:
        await asyncio.sleep(debounce)
        pending.pop(uri, None)
        publish(uri)

    @server.feature(types.INITIALIZED)
    def initialized(ls, params):
        show([(2, f"copydesk: {p}") for p in session.startup_problems])
        session.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams):
        lint_now(params.text_document.uri)

    def cancel_pending(uri: str) -> None:
        task = pending.pop(uri, None)
        if task is not None:
            task.cancel()

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams):
        uri = params.text_document.uri
        cancel_pending(uri)
        pending[uri] = asyncio.get_running_loop().create_task(lint_later(uri))

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls, params: types.DidSaveTextDocumentParams):
        lint_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        cancel_pending(uri)
        session.forget(uri)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        uri = params.text_document.uri
        if uri not in session.findings:
            return None
        positions = PositionMap(session.texts[uri], encoding())
        line, col = positions.from_client({"line": params.position.line, "character": params.position.character})
        found = findings_at(session.findings[uri], line, col)
        if not found:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                       value=hover_markdown(found, session.registry.rules, session.explain)))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        only = params.context.only
        if only and not any(str(getattr(k, "value", k)).startswith("quickfix") for k in only):
            return []
        if uri not in session.findings:
            return []
        text, path = session.texts[uri], session.paths[uri]
        positions = PositionMap(text, encoding())
        start = positions.from_client({"line": params.range.start.line, "character": params.range.start.character})
        end = positions.from_client({"line": params.range.end.line, "character": params.range.end.character})
        actions = code_actions(uri, path, text, session.findings[uri], start, end, encoding(), positions)
        return [structure(types.CodeAction, a) for a in actions]

    return server


def main(config_file: str | None = None, docs_url: str | None = None, debounce: float = DEBOUNCE_SECONDS) -> int:
    """Run the server on stdin/stdout until the client says exit. 2 when pygls is missing."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        sys.stderr.write(f"copydesk: {MISSING_PYGLS}\n")
        return 2
    session = LintSession(config_file=config_file, docs_url=docs_url)
    server = build_server(session, debounce)
    server.start_io()
    return 0


# -- a small client, for tests and benchmarks ---------------------------------------------------

class StdioClient:
    """Drives `copydesk lsp` over stdio with Content-Length framed JSON-RPC, as an editor does.

    Messages from the server are read on a thread and queued; `wait_for(predicate)` returns
    the first matching one (and keeps the rest).
    """

    def __init__(self, argv: list[str] | None = None, cwd: str | None = None, env: dict | None = None):
        argv = argv or [sys.executable, "-m", "linter", "lsp"]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd, env=env)
        self._next_id = 0
        self._messages: list[dict] = []
        self._stamps: list[float] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    def _read_loop(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                header = out.readline()
                if not header:
                    with self._cond:
                        self._cond.notify_all()
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            body = out.read(length or 0)
            msg = json.loads(body.decode("utf-8"))
            with self._cond:
                self._messages.append(msg)
                self._stamps.append(time.perf_counter())
                self._cond.notify_all()

    def send(self, message: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def notify(self, method: str, params: Any = None) -> float:
        return self.send({"method": method, **({"params": params} if params is not None else {})})

    def request(self, method: str, params: Any = None, timeout: float = 20) -> dict:
        self._next_id += 1
        rid = self._next_id
        self.send({"id": rid, "method": method, **({"params": params} if params is not None else {})})
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait_for(self, predicate, timeout: float = 20, with_time: bool = False):
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i, m in enumerate(self._messages):
                    if predicate(m):
                        stamp = self._stamps.pop(i)
                        self._messages.pop(i)
                        return (m, stamp) if with_time else m
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None and not self._reader.is_alive():
                    raise TimeoutError(f"no matching message from the server in {timeout}s; "
                                       f"stderr: {self._stderr_tail()}")
                self._cond.wait(min(left, 0.5))

    def diagnostics(self, uri: str, timeout: float = 20, with_time: bool = False):
        def match(m):
            return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        return self.wait_for(match, timeout, with_time)

    def drain(self, method: str) -> list[dict]:
        with self._cond:
            keep, out, stamps = [], [], []
            for m, s in zip(self._messages, self._stamps, strict=True):
                if m.get("method") == method:
                    out.append(m)
                else:
                    keep.append(m)
                    stamps.append(s)
            self._messages, self._stamps = keep, stamps
        return out

    def _stderr_tail(self) -> str:
        if self.proc.poll() is None:
            return "(server still running)"
        return (self.proc.stderr.read() or b"").decode("utf-8", "replace")[-2000:]

    def initialize(self, capabilities: dict | None = None, root: str | None = None, options: dict | None = None) -> dict:
        from pathlib import Path

        params = {"processId": os.getpid(), "capabilities": capabilities or {},
                  "rootUri": Path(root).as_uri() if root else None}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        try:
            if self.proc.poll() is None:
                self.request("shutdown", timeout=10)
                self.notify("exit")
            return self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            return self.proc.wait(timeout=10)
        finally:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    stream.close()
                except Exception:
                    pass
