"""Broken third-party plugins never take copydesk down (issue 9).

Each test installs a fake rule pack the way pip would leave it (a `<name>.dist-info` folder
with METADATA and an `entry_points.txt` naming the module in the `[copydesk]` group) on a
temporary path, and runs the real command line with PYTHONPATH pointing there. What must
hold every time: no traceback, the failure is one stderr line naming the plugin and the
rule, the built-in rules' findings are still printed, and the exit status is 2.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.fake_plugin import install_fake_plugin

# Built-in findings we rely on: "According to sources" is SRC101 on line 6, column 1.
STORY = "Headline Here\n\nBy Ana Ruiz\nNov. 27, 2026\n\nAccording to sources, the mayor will resign.\n"


def _check(site, *paths, args=()):
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop("COPYDESK_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", *args, *map(str, paths)],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def _src101(found, path):
    return [(f["line"], f["column"]) for f in found if f["code"] == "SRC101" and f["path"] == str(path)]


def test_plugin_that_fails_to_import(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "copydesk-kaput", "import a_module_that_is_not_installed_anywhere\n")
    p = _check(tmp_path / "site", story)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    line = next(ln for ln in p.stderr.splitlines() if "copydesk_kaput" in ln)
    assert "failed to load" in line and "a_module_that_is_not_installed_anywhere" in line
    assert _src101(json.loads(p.stdout), story) == [(6, 1)]


def test_rule_that_raises_on_some_documents_only(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "copydesk-moody", '''
        from linter import Hit, Rule, hookimpl

        class Moody(Rule):
            code = "MDY101"
            name = "moody"
            summary = "Raises on stories about the zoo"
            doc = "## What it does\\nFlags 'mayor'; raises when the story mentions a zoo."

            def check(self, doc, options):
                if "zoo" in doc.prose:
                    raise KeyError("no zoos today")
                i = doc.prose.find("mayor")
                if i >= 0:
                    yield Hit(i, i + 5, "Name the mayor")

        @hookimpl
        def copydesk_rules():
            return [Moody]
    ''')
    zoo = tmp_path / "zoo.txt"
    zoo.write_text(STORY.replace("the mayor", "the zoo"), encoding="utf-8")
    p = _check(tmp_path / "site", story, zoo)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    problem = [ln for ln in p.stderr.splitlines() if "MDY101" in ln]
    assert len(problem) == 1
    assert "copydesk_moody" in problem[0] and str(zoo) in problem[0] and "no zoos today" in problem[0]
    found = json.loads(p.stdout)
    # the plugin still ran on the other story; built-in rules ran on both
    assert [(f["path"], f["line"], f["column"]) for f in found if f["code"] == "MDY101"] == [(str(story), 6, 27)]
    assert _src101(found, story) == [(6, 1)] and _src101(found, zoo) == [(6, 1)]


MALFORMED = '''
    from linter import Hit, Rule, hookimpl

    class Base(Rule):
        summary = "malformed on purpose"
        doc = "## What it does\\nNothing useful."

    class Tuple(Base):
        code, name = "BAD101", "yields-a-tuple"
        def check(self, doc, options):
            yield (0, 4, "not a Hit")

    class IntMessage(Base):
        code, name = "BAD102", "int-message"
        def check(self, doc, options):
            yield Hit(0, 4, 42)

    class StrOffsets(Base):
        code, name = "BAD103", "string-offsets"
        def check(self, doc, options):
            yield Hit("0", "4", "offsets are strings")

    class PastTheEnd(Base):
        code, name = "BAD104", "past-the-end"
        def check(self, doc, options):
            yield Hit(len(doc.prose) + 10, len(doc.prose) + 20, "beyond the last line")

    class Backwards(Base):
        code, name = "BAD105", "end-before-start"
        def check(self, doc, options):
            yield Hit(10, 2, "end before start")

    class Negative(Base):
        code, name = "BAD106", "negative-start"
        def check(self, doc, options):
            yield Hit(-5, 2, "negative start")

    class BadFileSpan(Base):
        code, name = "BAD107", "file-span-out-of-range"
        def check(self, doc, options):
            yield Hit.in_file(0, len(doc.text) + 100, "file span beyond the file")

    class MangledFileSpan(Base):
        code, name = "BAD108", "file-span-not-a-pair"
        def check(self, doc, options):
            yield Hit(None, None, "file span of three", file_span=(1, 2, 3))

    class NotIterable(Base):
        code, name = "BAD109", "returns-an-int"
        def check(self, doc, options):
            return 7

    class FloatOffsets(Base):
        code, name = "BAD110", "float-offsets"
        def check(self, doc, options):
            yield Hit(0.0, 4.5, "offsets are floats")

    class Fine(Base):
        code, name = "BAD199", "well-formed"
        def check(self, doc, options):
            yield Hit(0, 8, "Well-formed finding")
            yield Hit(0, 4, "Lowered to info", severity="info")
            yield Hit(0, 4, "An unknown severity is ignored", severity="catastrophic")

    @hookimpl
    def copydesk_rules():
        return [Tuple, IntMessage, StrOffsets, PastTheEnd, Backwards, Negative, BadFileSpan,
                MangledFileSpan, NotIterable, FloatOffsets, Fine]
'''


def test_malformed_findings_are_reported_by_plugin_and_rule(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "copydesk-mangled", MALFORMED)
    p = _check(tmp_path / "site", story)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "internal error" not in p.stderr
    for n in range(101, 111):
        lines = [ln for ln in p.stderr.splitlines() if f"BAD{n}" in ln]
        assert len(lines) == 1, (n, p.stderr)
        assert "copydesk_mangled" in lines[0] and str(story) in lines[0]
    found = json.loads(p.stdout)
    assert not [f for f in found if f["code"][:3] == "BAD" and f["code"] != "BAD199"]
    fine = sorted((f["line"], f["column"], f["end_column"], f["severity"], f["message"]) for f in found
                  if f["code"] == "BAD199")
    # "Headline" is prose [0, 8) = line 1, columns 1..9; the rule's default severity is warning
    assert fine == [(1, 1, 5, "info", "Lowered to info"), (1, 1, 5, "warning", "An unknown severity is ignored"),
                    (1, 1, 9, "warning", "Well-formed finding")]
    assert _src101(found, story) == [(6, 1)]


def test_broken_rule_classes_and_hooks(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "copydesk-shoddy", '''
        from linter import Hit, Rule, hookimpl

        class CannotBuild(Rule):
            code, name, summary = "SHD101", "cannot-build", "raises in __init__"
            def __init__(self):
                raise RuntimeError("constructor exploded")
            def check(self, doc, options):
                return []

        class BadSeverity(Rule):
            code, name, summary, severity = "SHD102", "bad-severity", "an unknown default severity", "fatal"
            def check(self, doc, options):
                yield Hit(0, 4, "would crash the exit-status count")

        class NoName(Rule):
            code, summary = "SHD103", "name is not a string"
            name = None
            def check(self, doc, options):
                return []

        @hookimpl
        def copydesk_rules():
            return [CannotBuild, BadSeverity, NoName]

        @hookimpl
        def copydesk_reporters():
            return 12  # not a list
    ''')
    p = _check(tmp_path / "site", story)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "internal error" not in p.stderr
    for code, needle in (("SHD101", "constructor exploded"), ("SHD102", "fatal"), ("SHD103", "name")):
        lines = [ln for ln in p.stderr.splitlines() if code in ln]
        assert lines and "copydesk_shoddy" in lines[0] and needle in lines[0], (code, p.stderr)
    assert any("copydesk_shoddy" in ln and "reporters" in ln for ln in p.stderr.splitlines()), p.stderr
    found = json.loads(p.stdout)
    assert not [f for f in found if f["code"].startswith("SHD")]
    assert _src101(found, story) == [(6, 1)]
    # the other commands survive the same plugin
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    rules = subprocess.run([sys.executable, "-m", "linter", "rules", "--format", "json"], capture_output=True,
                           text=True, env=env, timeout=60)
    assert rules.returncode == 2 and "Traceback" not in rules.stderr
    assert any(r["code"] == "SRC101" for r in json.loads(rules.stdout))
