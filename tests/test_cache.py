"""The findings cache: an unchanged file is not linted again, and nothing stale is ever returned."""

import json
import os
import subprocess
import sys

from linter.cache import FindingsCache
from linter.plugins import load_registry
from linter.runner import Linter

STORY = "By Ana Ruiz\nNov. 27, 2026\n\nAccording to sources, the mayor will resign.\n"


def make(tmp_path, select=("SRC101",)):
    reg = load_registry()
    linter = Linter(reg, select=list(select))
    linter.cache = FindingsCache(reg, "test", str(tmp_path / "cache"))
    return linter


def test_second_run_is_a_hit_with_the_same_findings(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    linter = make(tmp_path)
    first = linter.lint_file(str(story))
    second = linter.lint_file(str(story))
    assert (linter.cache.misses, linter.cache.hits) == (1, 1)
    assert first.findings == second.findings and len(first.findings) == 1
    assert second.findings[0].words == "According to sources"


def test_an_edited_file_is_linted_again(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    linter = make(tmp_path)
    linter.lint_file(str(story))
    story.write_text(STORY.replace("According to sources", "The mayor said"))
    assert linter.lint_file(str(story)).findings == []
    assert linter.cache.hits == 0


def test_other_rules_or_config_never_reuse_an_entry(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    make(tmp_path).lint_file(str(story))
    other = make(tmp_path, select=("SRC2",))
    assert other.lint_file(str(story)).findings == []
    assert other.cache.hits == 0
    (tmp_path / "copydesk.toml").write_text('[severity]\nSRC101 = "error"\n')
    again = make(tmp_path)
    assert [f.severity for f in again.lint_file(str(story)).findings] == ["error"]
    assert again.cache.hits == 0


def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    make(tmp_path).lint_file(str(story))
    entries = [os.path.join(d, f) for d, _, fs in os.walk(tmp_path / "cache") for f in fs if f.endswith(".json")]
    assert len(entries) == 1
    with open(entries[0], "w") as fh:
        fh.write("{not json")
    linter = make(tmp_path)
    assert len(linter.lint_file(str(story)).findings) == 1
    with open(entries[0]) as fh:
        assert json.load(fh)["findings"][0]["code"] == "SRC101"


def test_cli_writes_a_self_ignoring_cache_and_no_cache_writes_nothing(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    run = [sys.executable, "-m", "linter", "check", "--format", "json", "--select", "SRC101", "s.txt"]
    p1 = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path)
    p2 = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path)
    assert p1.stdout == p2.stdout and json.loads(p1.stdout)[0]["line"] == 4
    assert (tmp_path / ".copydesk_cache" / ".gitignore").read_text().strip().endswith("*")
    other = tmp_path / "other"
    other.mkdir()
    (other / "s.txt").write_text(STORY)
    subprocess.run(run + ["--no-cache"], capture_output=True, text=True, cwd=other)
    assert not (other / ".copydesk_cache").exists()
