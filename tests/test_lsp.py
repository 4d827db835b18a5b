"""The language server, driven over stdio with real JSON-RPC messages as an editor sends them.

Diagnostics are checked against `copydesk check --format json` on the same text, converted to
UTF-16 (or the negotiated encoding) by this file's own arithmetic, and against ranges worked out
by hand for a line holding astral characters (each counts 2 in UTF-16, 1 in the SPEC's columns).
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from linter import cli  # noqa: E402
from linter.lsp import StdioClient  # noqa: E402

SHIP = "\U0001f6a2"  # outside the BMP: two UTF-16 code units, one code point
STORY = (
    "Harbour Plan Stalls Again\n"
    "\n"
    "By Mara Quint\n"
    "\n"
    f"{SHIP}{SHIP} According to sources, the harbour board will pick the old pier. Critics say the plan is late.\n"
)
CALM = "Harbour Plan Stalls Again\n\nBy Mara Quint\n\nThe harbour board will pick the old pier, its chair, Ana Ruiz, said.\n"


def utf16(line_text: str, column: int) -> int:
    """0-based UTF-16 offset of a 1-based code-point column."""
    return len(line_text[: column - 1].encode("utf-16-le")) // 2


def cli_findings(path: Path, *args) -> list[dict]:
    """`copydesk check --format json` run in this process (same code path, no interpreter start-up)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        cli.main(["check", "--format", "json", "--quiet", *args, str(path)])
    return json.loads(out.getvalue())


def open_doc(client, uri, text, language="plaintext", version=1):
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": version,
                                                           "text": text}})


def change_doc(client, uri, text, version):
    return client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                    "contentChanges": [{"text": text}]})


def codes(diags):
    return sorted(d["code"] for d in diags)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp")
    client = StdioClient(cwd=str(root))
    init = client.initialize(root=str(root))
    client.root = root
    client.init = init
    yield client
    assert client.close() == 0


def test_initialize_advertises_utf16_hover_and_quick_fixes(server):
    caps = server.init["result"]["capabilities"]
    assert caps["positionEncoding"] == "utf-16"
    assert caps["hoverProvider"] is True
    assert "quickfix" in caps["codeActionProvider"]["codeActionKinds"]
    assert caps["textDocumentSync"]["openClose"] is True
    assert server.init["result"]["serverInfo"]["name"] == "copydesk"


def test_diagnostic_ranges_match_the_cli_in_utf16(server):
    path = server.root / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    uri = path.as_uri()
    open_doc(server, uri, STORY)
    diags = server.diagnostics(uri)["params"]["diagnostics"]
    expected = cli_findings(path)
    assert expected, "the fixture must give the CLI something to find"
    lines = STORY.split("\n")
    got = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
                  d["range"]["end"]["line"], d["range"]["end"]["character"]) for d in diags)
    want = sorted((f["code"], f["line"] - 1, utf16(lines[f["line"] - 1], f["column"]),
                   f["end_line"] - 1, utf16(lines[f["end_line"] - 1], f["end_column"])) for f in expected)
    assert got == want
    # by hand: two ships (2 code points, 4 UTF-16 units) and a space precede "According to sources"
    src = next(d for d in diags if d["code"] == "SRC101")
    assert src["range"] == {"start": {"line": 4, "character": 5}, "end": {"line": 4, "character": 25}}
    assert src["severity"] == 2 and src["source"] == "copydesk"
    assert src["codeDescription"]["href"].startswith("file://")
    assert "SRC101" in Path(src["codeDescription"]["href"][len("file://"):]).read_text(encoding="utf-8")


def test_lints_the_unsaved_buffer_not_the_file_on_disk(server):
    path = server.root / "draft.txt"
    path.write_text(CALM, encoding="utf-8")  # the disk holds a clean story ...
    uri = path.as_uri()
    open_doc(server, uri, STORY)  # ... the editor's buffer does not
    assert "SRC101" in codes(server.diagnostics(uri)["params"]["diagnostics"])
    for version in (2, 3, 4):  # a burst of keystrokes: the debounce publishes once, for the last
        change_doc(server, uri, CALM.replace("pier", "pier" + "!" * version), version)
    msg = server.diagnostics(uri)
    assert msg["params"]["version"] == 4
    assert "SRC101" not in codes(msg["params"]["diagnostics"])
    path.write_text(STORY, encoding="utf-8")  # saving does not make it read the disk either
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert "SRC101" not in codes(server.diagnostics(uri)["params"]["diagnostics"])


def test_hover_on_a_diagnostic_shows_the_rule_explanation(server):
    uri = (server.root / "hover.txt").as_uri()
    open_doc(server, uri, STORY)
    server.diagnostics(uri)
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 10}})
    value = hover["result"]["contents"]["value"]
    assert value.startswith("**SRC101**")
    assert "## What it does" in value and "name the source" in value
    miss = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 3}})
    assert miss["result"] is None


def test_code_action_suppresses_in_markdown_with_a_comment_that_works(server):
    path = server.root / "story.md"
    uri = path.as_uri()
    md = STORY.replace("Harbour Plan Stalls Again\n", "# Harbour Plan Stalls Again\n")
    open_doc(server, uri, md, "markdown")
    diags = server.diagnostics(uri)["params"]["diagnostics"]
    src = next(d for d in diags if d["code"] == "SRC101")
    reply = server.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": src["range"],
                                                      "context": {"diagnostics": [src]}})
    actions = reply["result"]
    suppress = [a for a in actions if a["title"].startswith("Suppress SRC101")]
    assert len(suppress) == 1
    edit = suppress[0]["edit"]["changes"][uri]
    assert edit == [{"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
                     "newText": "<!-- copydesk: disable-next-line SRC101 -->\n"}]
    # apply it as the editor would and check the CLI no longer reports SRC101, and nothing else moved
    lines = md.split("\n")
    lines.insert(4, edit[0]["newText"].rstrip("\n"))
    path.write_text("\n".join(lines), encoding="utf-8")
    after = cli_findings(path)
    assert "SRC101" not in [f["code"] for f in after]
    assert "SRC201" in [f["code"] for f in after]


def test_plain_text_gets_no_comment_suppression(server):
    uri = (server.root / "plain.txt").as_uri()
    open_doc(server, uri, STORY)
    src = next(d for d in server.diagnostics(uri)["params"]["diagnostics"] if d["code"] == "SRC101")
    reply = server.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": src["range"],
                                                      "context": {"diagnostics": [src]}})
    assert not [a for a in reply["result"] if a["title"].startswith("Suppress")]


def test_config_is_resolved_per_document_and_a_bad_one_is_a_message(server):
    quiet = server.root / "quiet"
    quiet.mkdir()
    (quiet / "copydesk.toml").write_text('ignore = ["SRC2"]\n')
    uri = (quiet / "a.txt").as_uri()
    open_doc(server, uri, STORY)
    got = codes(server.diagnostics(uri)["params"]["diagnostics"])
    assert "SRC101" in got and "SRC201" not in got

    broken = server.root / "broken"
    broken.mkdir()
    (broken / "copydesk.toml").write_text('no-such-key = 1\n')
    uri = (broken / "b.txt").as_uri()
    open_doc(server, uri, STORY)
    shown = server.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert shown["params"]["type"] == 1 and "no-such-key" in shown["params"]["message"]
    assert server.diagnostics(uri)["params"]["diagnostics"] == []  # nothing linted with a config it cannot read
    # the server is alive: fix the config, type a character, and diagnostics come back
    (broken / "copydesk.toml").write_text('ignore = []\n')
    change_doc(server, uri, STORY + " ", 2)
    assert "SRC101" in codes(server.diagnostics(uri)["params"]["diagnostics"])


def _plugin(root: Path) -> None:
    mod = root / "desk_pack"
    mod.mkdir(parents=True)
    (mod / "__init__.py").write_text(textwrap.dedent('''
        from linter import PhraseRule, Rule, hookimpl

        class PlainWords(PhraseRule):
            code = "XPW101"
            name = "plain-words"
            summary = "A plain word exists"
            doc = "## What it does\\nSuggests plain words."
            phrases = {"utilise": "use"}
            message = "Say '{replacement}' instead of '{phrase}'"

        class Boom(Rule):
            code = "XBM101"
            name = "boom"
            summary = "raises"
            doc = "## What it does\\nRaises."

            def check(self, doc, options):
                raise ValueError("bad day")

        @hookimpl
        def copydesk_rules():
            return [PlainWords, Boom]
    '''))
    info = root / "desk_pack-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: desk-pack\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[copydesk]\ndesk_pack = desk_pack\n")


def test_quick_fix_a_crashing_plugin_rule_and_utf32(tmp_path):
    """A plugin pack with a fixable phrase rule and a rule that raises; the client prefers UTF-32."""
    _plugin(tmp_path / "site")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    client = StdioClient(cwd=str(tmp_path), env=env)
    try:
        init = client.initialize({"general": {"positionEncodings": ["utf-32", "utf-16"]}}, root=str(tmp_path))
        assert init["result"]["capabilities"]["positionEncoding"] == "utf-32"
        uri = (tmp_path / "fix.md").as_uri()
        text = f"# Pier\n\n{SHIP} The board will Utilise the pier, its chair, Ana Ruiz, said.\n"
        open_doc(client, uri, text, "markdown")
        diags = client.diagnostics(uri)["params"]["diagnostics"]
        shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert "XBM101" in shown["params"]["message"] and "bad day" in shown["params"]["message"]
        fixable = next(d for d in diags if d["code"] == "XPW101")
        # "🚢 The board will " is 17 code points (18 UTF-16 units): UTF-32 counts code points
        assert fixable["range"] == {"start": {"line": 2, "character": 17}, "end": {"line": 2, "character": 24}}
        reply = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": fixable["range"],
                                                          "context": {"diagnostics": [fixable]}})
        fix = next(a for a in reply["result"] if a.get("isPreferred"))
        assert fix["kind"] == "quickfix"
        assert fix["edit"]["changes"][uri] == [{"range": fixable["range"], "newText": "Use"}]
        # the same crash on the next keystroke is not shown again
        change_doc(client, uri, text + "\n", 2)
        client.diagnostics(uri)
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 20}})
        assert "XPW101" in hover["result"]["contents"]["value"]
        assert client.drain("window/showMessage") == []
    finally:
        assert client.close() == 0


def test_without_pygls_a_clear_error_and_exit_2(tmp_path):
    blocker = tmp_path / "block" / "pygls"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('pygls is not installed')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "block"))
    p = subprocess.run([sys.executable, "-m", "linter", "lsp"], capture_output=True, text=True, env=env, timeout=60,
                       stdin=subprocess.DEVNULL)
    assert p.returncode == 2
    assert "copydesk[lsp]" in p.stderr and "Traceback" not in p.stderr
