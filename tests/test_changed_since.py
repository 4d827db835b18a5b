"""`--changed-since REF` on a temporary git repository: only the lines a change touched."""

import json
import os
import subprocess

import pytest

from linter.changes import parse_diff
from linter.cli import main

OLD = ("Council Raises Parking Fees\n\nBy admin\n\n"
       "According to sources, the council will raise parking fees.\n\n"
       "Critics say the plan will hurt shops on Main Street.\n")
NEW = "Bridge Closes\n\nIt is believed the bridge will close. Critics say it is too late.\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def check(capsys, *args):
    code = main(["check", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, [(f["path"], f["code"], f["line"]) for f in json.loads(captured.out or "[]")], captured.err


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "fees.txt").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old story")
    git(tmp_path, "checkout", "-q", "-b", "edit")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_only_changed_lines_and_added_files(repo, capsys):
    fees = repo / "stories" / "fees.txt"
    # a paragraph inserted above the old findings, and one new claim in it
    fees.write_text(OLD.replace("By admin\n\n", "By admin\n\nIt is believed the fees will rise.\n\n"), encoding="utf-8")
    (repo / "stories" / "bridge.txt").write_text(NEW, encoding="utf-8")  # untracked: new since main
    code, everything, _ = check(capsys, "stories")
    assert ("stories/fees.txt", "SRC101", 7) in everything and ("stories/fees.txt", "DAT101", 1) in everything
    code, found, err = check(capsys, "stories", "--changed-since", "main")
    assert code == 1
    # fees.txt: only line 5 changed (no DAT101/BYL201 about the old story); bridge.txt: everything, DAT101 included
    assert [f for f in found if f[0] == "stories/fees.txt"] == [("stories/fees.txt", "SRC301", 5)]
    assert [f for f in found if f[0] == "stories/bridge.txt"] == [f for f in everything if f[0] == "stories/bridge.txt"]
    assert ("stories/bridge.txt", "DAT101", 1) in found
    # staged and committed new files count as added too
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "edit")
    assert check(capsys, "stories", "--changed-since", "main")[1] == found


def test_unchanged_since_ref_reports_nothing(repo, capsys):
    code, found, _ = check(capsys, "stories", "--changed-since", "HEAD")
    assert (code, found) == (0, [])


def test_a_renamed_story_keeps_its_history(repo, capsys):
    git(repo, "mv", "stories/fees.txt", "stories/parking-fees.txt")
    story = repo / "stories" / "parking-fees.txt"
    story.write_text(story.read_text(encoding="utf-8") + "\nMany experts warn the fees are too high.\n", encoding="utf-8")
    code, found, _ = check(capsys, "stories", "--changed-since", "main")
    assert found == [("stories/parking-fees.txt", "SRC201", 9)]


def test_changes_on_main_after_the_branch_left_do_not_count(repo, capsys):
    git(repo, "checkout", "-q", "main")
    (repo / "stories" / "fees.txt").write_text(OLD.replace("Critics say", "Analysts note"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "edit")
    assert check(capsys, "stories", "--changed-since", "main")[1] == []


def test_bad_ref_and_not_a_repo_are_exit_2(repo, capsys, tmp_path_factory, monkeypatch):
    code, _, err = check(capsys, "stories", "--changed-since", "no-such-branch")
    assert code == 2 and "unknown git revision 'no-such-branch'" in err and "Traceback" not in err
    code, _, err = check(capsys, "stories", "--changed-since=--output=x")
    assert code == 2 and "not a git revision" in err
    elsewhere = tmp_path_factory.mktemp("plain")
    (elsewhere / "a.txt").write_text(OLD, encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    code, _, err = check(capsys, "a.txt", "--changed-since", "main")
    assert code == 2 and "is not in a git repository" in err


def test_parse_diff_reads_quoted_paths_and_hunks():
    diff = (b'diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"\n'
            b'--- "a/caf\\303\\251 \\"x\\".md"\n+++ "b/caf\\303\\251 \\"x\\".md"\n'
            b"@@ -3 +3 @@\n-a\n+b\n@@ -7,0 +8,2 @@\n+c\n+d\n@@ -20,2 +21,0 @@\n-e\n-f\n"
            b"diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+g\n"
            b"diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-h\n")
    lines, added = parse_diff(diff, "/r")
    assert lines == {'/r/café "x".md': {3, 8, 9}, "/r/new.txt": {1}}
    assert added == {"/r/new.txt"}
