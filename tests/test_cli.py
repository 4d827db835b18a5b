"""The command line as users and CI drive it: formats, exit codes, stdin, config, plugins."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.fake_plugin import install_fake_plugin

STORY = "Headline Here\n\nBy Ana Ruiz\nNov. 27, 2026\n\nAccording to sources, the mayor will resign.\n"


def copydesk(*args, cwd=None, stdin=None, env=None):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, cwd=cwd,
                          input=stdin, env=env, timeout=60)


@pytest.fixture
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def test_version():
    p = copydesk("--version")
    assert p.returncode == 0 and p.stdout.startswith("copydesk ")


def test_text_format_and_exit_1(story):
    p = copydesk("check", "--select", "SRC101", str(story))
    assert p.returncode == 1
    assert p.stdout == f"{story}:6:1: SRC101 " + p.stdout.split(" SRC101 ", 1)[1]
    assert "1 file, 1 finding: 1 SRC" in p.stderr


def test_json_fields_match_the_spec(story):
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(story))
    found = json.loads(p.stdout)
    assert len(found) == 1
    f = found[0]
    assert {k: f[k] for k in ("path", "line", "column", "end_line", "end_column", "code", "rule", "severity")} == {
        "path": str(story), "line": 6, "column": 1, "end_line": 6, "end_column": 21,
        "code": "SRC101", "rule": "anonymous-source", "severity": "warning"}
    assert "name the source" in f["message"]


def test_exit_0_when_clean_and_fail_on_error(tmp_path, story):
    clean = tmp_path / "clean.txt"
    clean.write_text("The mayor said the park will open.\n")
    assert copydesk("check", "--select", "SRC101", str(clean)).returncode == 0
    # the finding is a warning: with --fail-on error it no longer fails the run
    assert copydesk("check", "--select", "SRC101", "--fail-on", "error", str(story)).returncode == 0


def test_quiet_drops_the_summary(story):
    p = copydesk("check", "--quiet", "--select", "SRC101", str(story))
    assert p.stderr == ""


def test_stdin_with_filename():
    p = copydesk("check", "-", "--stdin-filename", "desk/story.md", "--format", "json", "--select", "SRC", stdin=STORY)
    found = json.loads(p.stdout)
    assert [(f["path"], f["line"]) for f in found] == [("desk/story.md", 6)]


def test_missing_file_is_exit_2_and_others_still_linted(tmp_path, story):
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(tmp_path / "nope.txt"), str(story))
    assert p.returncode == 2
    assert "nope.txt" in p.stderr and "Traceback" not in p.stderr
    assert len(json.loads(p.stdout)) == 1


def test_directory_is_searched_for_article_extensions(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(STORY)
    (tmp_path / "a" / "two.html").write_text("<p>Sources say it.</p>")
    (tmp_path / "a" / "skip.py").write_text("# Sources say python\n")
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(tmp_path))
    paths = sorted(os.path.basename(f["path"]) for f in json.loads(p.stdout))
    assert paths == ["one.md", "two.html"]


def test_unknown_select_code_is_a_usage_error(story):
    p = copydesk("check", "--select", "XYZ999", str(story))
    assert p.returncode == 2 and "XYZ999" in p.stderr and "Traceback" not in p.stderr


def test_unknown_format_is_a_usage_error(story):
    p = copydesk("check", "--format", "yaml", str(story))
    assert p.returncode == 2 and "yaml" in p.stderr


def test_rules_json_has_the_spec_keys():
    rules = json.loads(copydesk("rules", "--format", "json").stdout)
    assert rules
    for r in rules:
        assert {"code", "name", "family", "severity", "default_enabled", "summary"} <= set(r)
    assert any(r["code"] == "SRC101" for r in rules)


def test_explain_prints_the_rule_doc():
    p = copydesk("explain", "SRC101")
    assert p.returncode == 0
    for part in ("SRC101 anonymous-source", "What it does", "Why is this bad?", "Example", "Use instead", "silence"):
        assert part in p.stdout
    bad = copydesk("explain", "NOPE1")
    assert bad.returncode == 2 and "NOPE1" in bad.stderr


def test_inspect_json(tmp_path):
    p = tmp_path / "s.md"
    p.write_text("---\ntitle: Flood\nauthor: Ana Ruiz\ndate: 2026-11-27\n---\n\nWater rose.\n")
    info = json.loads(copydesk("inspect", "--format", "json", str(p)).stdout)
    assert info["byline"] == {"text": "Ana Ruiz", "line": 3, "column": 9, "source": "front-matter"}
    assert info["date"]["value"] == "2026-11-27" and info["date"]["line"] == 4
    assert info["title"]["text"] == "Flood"


# -- config ---------------------------------------------------------------------------------------

def test_nearest_config_applies_per_file(tmp_path):
    (tmp_path / "opinion").mkdir()
    (tmp_path / "news").mkdir()
    (tmp_path / "opinion" / "copydesk.toml").write_text('ignore = ["SRC"]\n')
    (tmp_path / "opinion" / "col.txt").write_text(STORY)
    (tmp_path / "news" / "n.txt").write_text(STORY)
    p = copydesk("check", "--format", "json", str(tmp_path))
    srcs = {os.path.basename(f["path"]) for f in json.loads(p.stdout) if f["code"].startswith("SRC")}
    assert srcs == {"n.txt"}


def test_pyproject_table_and_per_file_ignores_and_exclude(tmp_path):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [tool.copydesk]
        exclude = ["drafts/**"]
        per-file-ignores = { "opinion/**" = ["SRC1"] }
        [tool.copydesk.severity]
        SRC101 = "error"
    """))
    for d in ("drafts", "opinion", "news"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "s.txt").write_text(STORY)
    p = copydesk("check", "--format", "json", "--select", "SRC101", ".", cwd=tmp_path)
    found = json.loads(p.stdout)
    assert [(f["path"], f["severity"]) for f in found] == [(os.path.join(".", "news", "s.txt"), "error")]
    # exclude applies to named paths too (pre-commit names every file)
    p = copydesk("check", "--format", "json", "--select", "SRC101", "drafts/s.txt", cwd=tmp_path)
    assert json.loads(p.stdout) == [] and p.returncode == 0


@pytest.mark.parametrize("body, needle", [
    ("no-such-key = 3\n", "no-such-key"),
    ('select = ["NOPE"]\n', "NOPE"),
    ('fail-on = "loud"\n', "fail-on"),
    ("max-file-bytes = \"big\"\n", "max-file-bytes"),
    ("[rules.SRC101]\nbogus = 1\n", "bogus"),
    ("[severity]\nSRC101 = \"fatal\"\n", "SRC101"),
    ("select = [\n", "not valid TOML"),
])
def test_bad_config_is_exit_2_naming_the_key(tmp_path, story, body, needle):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(body)
    p = copydesk("check", "--config", str(cfg), str(story))
    assert p.returncode == 2
    assert needle in p.stderr and str(cfg) in p.stderr and "Traceback" not in p.stderr


def test_cli_select_replaces_config_select(tmp_path, story):
    cfg = tmp_path / "c.toml"
    cfg.write_text('select = ["SRC"]\n')
    p = copydesk("check", "--config", str(cfg), "--ignore", "SRC101", "--format", "json", str(story))
    assert all(f["code"] != "SRC101" for f in json.loads(p.stdout))


# -- suppression comments -----------------------------------------------------------------------------

def test_suppression_comments_in_markdown(tmp_path):
    md = tmp_path / "s.md"
    md.write_text(textwrap.dedent("""\
        Sources say one.

        <!-- copydesk: disable-next-line SRC101 -->
        Sources say two.

        <!-- copydesk: disable SRC -->
        Sources say three.
        <!-- copydesk: enable -->

        Sources say four.
    """))
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(md))
    assert [f["line"] for f in json.loads(p.stdout)] == [1, 10]


def test_disable_file_in_html(tmp_path):
    h = tmp_path / "s.html"
    h.write_text("<!-- copydesk: disable-file SRC1 --><p>Sources say one.</p>")
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(h))
    assert json.loads(p.stdout) == []


def test_plain_text_comment_does_not_suppress(tmp_path):
    t = tmp_path / "s.txt"
    t.write_text("<!-- copydesk: disable-file -->\nSources say one.\n")
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(t))
    assert len(json.loads(p.stdout)) == 1


# -- third-party plugins ------------------------------------------------------------------------------

def test_third_party_rule_pack_is_loaded_from_entry_points(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "newsroom-style", '''
        from linter import Hit, Rule, hookimpl

        class NoMayor(Rule):
            code = "NWS101"
            name = "no-mayor"
            summary = "The word mayor"
            doc = "## What it does\\nFlags 'mayor'."

            def check(self, doc, options):
                i = doc.prose.find("mayor")
                if i >= 0:
                    yield Hit(i, i + 5, "House style: name the mayor")

        @hookimpl
        def copydesk_rules():
            return [NoMayor]
    ''')
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    p = copydesk("check", "--format", "json", str(story), env=env)
    found = json.loads(p.stdout)
    # "the mayor" on line 6: "According to sources, the " is 26 characters, so column 27
    assert ("NWS101", 6, 27) in [(f["code"], f["line"], f["column"]) for f in found]
    assert any(f["code"] == "SRC101" for f in found)
    rules = json.loads(copydesk("rules", "--format", "json", env=env).stdout)
    assert any(r["code"] == "NWS101" for r in rules)


def test_plugin_that_fails_to_import_is_reported_and_exit_2(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "broken-pack", "raise RuntimeError('kaput')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    p = copydesk("check", "--format", "json", "--select", "SRC101", str(story), env=env)
    assert p.returncode == 2
    assert "broken_pack" in p.stderr and "kaput" in p.stderr and "Traceback" not in p.stderr
    assert len(json.loads(p.stdout)) == 1


def test_plugin_rule_that_raises_is_reported_and_others_run(tmp_path, story):
    install_fake_plugin(tmp_path / "site", "raising-pack", '''
        from linter import Rule, hookimpl

        class Boom(Rule):
            code = "BOM101"
            name = "boom"
            summary = "raises"

            def check(self, doc, options):
                raise ValueError("bad day")

        @hookimpl
        def copydesk_rules():
            return [Boom]
    ''')
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    p = copydesk("check", "--format", "json", str(story), env=env)
    assert p.returncode == 2
    assert "BOM101" in p.stderr and "raising_pack" in p.stderr and "bad day" in p.stderr
    assert any(f["code"] == "SRC101" for f in json.loads(p.stdout))


def test_output_file_is_written_and_never_over_a_linted_file(tmp_path, story):
    report = tmp_path / "out.json"
    p = copydesk("check", "--format", "json", "--select", "SRC101", "--output", str(report), str(story))
    assert p.returncode == 1 and p.stdout == ""
    assert json.loads(report.read_text())[0]["code"] == "SRC101"
    before = story.read_bytes()
    p = copydesk("check", "--select", "SRC101", "--output", str(story), str(story))
    assert p.returncode == 2 and "never writes" in p.stderr
    assert story.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir() if x.name.startswith(".copydesk-")) == []
