"""Baselines: write today's findings, then report only new ones, whatever moved above them."""

import json
import os

import pytest

from linter import baseline as baseline_module
from linter.cli import main

STORY = ("Council Raises Parking Fees\n\nBy Ana Ruiz\nNov. 27, 2026\n\n"
         "According to sources, the council will raise parking fees.\n\n"
         "Critics say the plan will hurt shops on Main Street.\n")


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings(capsys, *args):
    code, out, err = run(capsys, "check", "--format", "json", "--select", "SRC", *args)
    return code, [(f["code"], f["line"]) for f in json.loads(out)], err


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "fees.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_written_baseline_hides_old_findings_even_after_lines_shift(newsroom, capsys):
    code, out, err = run(capsys, "check", "--select", "SRC", "stories", "--write-baseline", "baseline.json")
    assert code == 0 and out == "" and "wrote 2 findings in 1 file to the baseline baseline.json" in err
    assert findings(capsys, "stories", "--baseline", "baseline.json")[:2] == (0, [])
    # an edit above both findings moves them down three lines: still the same findings
    story = newsroom / "stories" / "fees.txt"
    story.write_text(STORY.replace("Nov. 27, 2026\n\n", "Nov. 27, 2026\n\nA new first paragraph\nover two lines.\n\n"),
                     encoding="utf-8")
    assert findings(capsys, "stories")[1] == [("SRC101", 9), ("SRC201", 11)]
    code, found, err = findings(capsys, "stories", "--baseline", "baseline.json")
    assert (code, found) == (0, [])
    assert "2 findings in the baseline baseline.json not shown" in err
    # a new finding is reported, and only it
    story.write_text(story.read_text(encoding="utf-8") + "\nIt is believed the vote is close.\n", encoding="utf-8")
    assert findings(capsys, "stories", "--baseline", "baseline.json")[:2] == (1, [("SRC301", 13)])


def test_a_repeat_of_a_baselined_phrase_is_new(newsroom, capsys):
    run(capsys, "check", "--select", "SRC", "stories", "--write-baseline", "baseline.json")
    story = newsroom / "stories" / "fees.txt"
    story.write_text(STORY + "\nThe mayor disagreed. Critics say the fees are too high.\n", encoding="utf-8")
    assert findings(capsys, "stories", "--baseline", "baseline.json")[:2] == (1, [("SRC201", 10)])


def test_paths_are_relative_to_the_baseline_so_any_folder_works(newsroom, capsys, monkeypatch):
    run(capsys, "check", "--select", "SRC", ".", "--write-baseline", "baseline.json")
    data = json.loads((newsroom / "baseline.json").read_text(encoding="utf-8"))
    assert data["copydesk-baseline"] == 1
    assert {(e["path"], e["code"], e["words"], e["count"]) for e in data["findings"]} == {
        ("stories/fees.txt", "SRC101", "according to sources", 1), ("stories/fees.txt", "SRC201", "critics say", 1)}
    monkeypatch.chdir(newsroom / "stories")
    assert findings(capsys, "fees.txt", "--baseline", "../baseline.json")[:2] == (0, [])
    assert findings(capsys, str(newsroom / "stories" / "fees.txt"), "--baseline", str(newsroom / "baseline.json"))[:2] == (0, [])


def test_matching_ignores_case_and_line_wrapping(newsroom, capsys):
    run(capsys, "check", "--select", "SRC", "stories", "--write-baseline", "baseline.json")
    story = newsroom / "stories" / "fees.txt"
    story.write_text(STORY.replace("According to sources,", "according to\nsources,"), encoding="utf-8")
    assert findings(capsys, "stories", "--baseline", "baseline.json")[:2] == (0, [])


@pytest.mark.parametrize("content, needle", [
    ("{not json", "not a copydesk baseline (invalid JSON"),
    ('{"findings": []}', "not a copydesk baseline (expected an object"),
    ('{"copydesk-baseline": 1, "findings": [{"path": "a.txt", "code": "SRC101"}]}', "findings[0] is malformed"),
    ('{"copydesk-baseline": 1, "findings": [{"path": "a", "code": "X", "words": "", "count": 0}]}', "findings[0] is malformed"),
    (b"\xff\xfe\x00garbage", "not a copydesk baseline"),
])
def test_a_corrupt_baseline_is_a_clear_error(newsroom, capsys, content, needle):
    path = newsroom / "baseline.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, out, err = run(capsys, "check", "stories", "--baseline", "baseline.json")
    assert code == 2 and out == ""
    assert err.startswith("copydesk: --baseline: baseline.json: ") and needle in err
    assert "Traceback" not in err and "internal error" not in err


def test_a_missing_baseline_is_a_clear_error(newsroom, capsys):
    code, _, err = run(capsys, "check", "stories", "--baseline", "nope.json")
    assert code == 2 and "--baseline: nope.json: cannot read" in err


def test_write_is_atomic_and_leaves_no_temp_file(newsroom, capsys, monkeypatch):
    target = newsroom / "baseline.json"
    target.write_text("previous", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(baseline_module.os, "replace", failing_replace)
    code, _, err = run(capsys, "check", "stories", "--write-baseline", "baseline.json")
    assert code == 2 and "--write-baseline: baseline.json: cannot write: No space left on device" in err
    assert target.read_text(encoding="utf-8") == "previous"
    monkeypatch.undo()
    monkeypatch.chdir(newsroom)
    assert run(capsys, "check", "stories", "--write-baseline", "baseline.json")[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["copydesk-baseline"] == 1
    # no temporary file left beside the baseline (the findings cache is copydesk's own folder)
    assert sorted(n for n in os.listdir(newsroom) if n != ".copydesk_cache") == ["baseline.json", "stories"]


def test_write_baseline_into_a_missing_folder_is_exit_2(newsroom, capsys):
    code, _, err = run(capsys, "check", "stories", "--write-baseline", "no/such/dir/b.json")
    assert code == 2 and "cannot write" in err


def test_write_baseline_does_not_combine_with_baseline(newsroom, capsys):
    code, _, err = run(capsys, "check", "stories", "--write-baseline", "a.json", "--baseline", "b.json")
    assert code == 2 and "cannot be combined" in err
