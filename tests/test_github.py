"""The GitHub Actions reporter: one well-formed, escaped workflow command per finding, and a summary."""

import io
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from linter.cli import main
from linter.reporters import github
from linter.rule import Finding
from linter.runner import RunResult

STORY = "Parking Fees\n\nBy admin\n\nAccording to sources, the council will raise fees.\n"


def finding(path="s.txt", message="Unnamed sources", severity="warning", line=2):
    return Finding(path, line, 3, line, 9, "SRC101", "anonymous-source", severity, message, None, "words")


def parse(command):
    """Split `::name k=v,k=v::message` the way the Actions runner does, and unescape it."""
    m = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", command)
    assert m, command
    def data(s):
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    def prop(s):
        return data(s.replace("%3A", ":").replace("%2C", ","))
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), {k: prop(v) for k, v in props.items()}, data(m.group(3))


def test_annotation_escapes_file_names_and_messages():
    f = finding(path="news, 2026: 50%\nx.txt", message="50% said:\r\nyes, ::error::pwned")
    line = github.annotation(f)
    assert line == ("::warning file=news%2C 2026%3A 50%25%0Ax.txt,line=2,endLine=2,col=3,endColumn=9,"
                    "title=SRC101 anonymous-source::50%25 said:%0D%0Ayes, ::error::pwned")
    assert "\n" not in line and "\r" not in line
    kind, props, message = parse(line)
    assert kind == "warning" and props["file"] == f.path and message == f.message


@given(path=st.text(min_size=1, max_size=30), message=st.text(max_size=60))
def test_any_text_round_trips_in_one_line(path, message):
    line = github.annotation(finding(path=path, message=message))
    assert "\n" not in line and "\r" not in line  # the runner reads one command per line
    kind, props, parsed = parse(line)
    assert (props["file"], parsed, props["line"], props["col"]) == (path, message, "2", "3")


def test_levels_map_to_notice_warning_error():
    lines = [github.annotation(finding(severity=s)) for s in ("info", "warning", "error")]
    assert [line.split(" ", 1)[0] for line in lines] == ["::notice", "::warning", "::error"]


def test_summary_counts_and_points_to_sarif_past_ten():
    few = github.summary([finding(), finding(severity="info")])
    assert few == "copydesk: 2 findings (1 warning, 1 notice)."
    many = github.summary([finding(line=n) for n in range(11)])
    assert many.startswith("copydesk: 11 findings (11 warnings). GitHub shows only the first 10 annotations")
    assert "--format sarif" in many and not many.startswith("::")


def test_problems_become_error_annotations_without_a_file():
    out = io.StringIO()
    github.write(RunResult(findings=[finding()], problems=["x.txt: cannot read: denied, 100%"]), out)
    lines = out.getvalue().splitlines()
    assert lines[1] == "::error title=copydesk::x.txt: cannot read: denied, 100%25"
    assert lines[-1].startswith("copydesk: 1 finding")


def test_cli_one_annotation_per_json_finding_for_an_awkward_file_name(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "city hall, 2026: 100%.txt"
    (tmp_path / name).write_text(STORY + "::error file=x.txt::injected\n<script>alert(1)</script>\n", encoding="utf-8")
    assert main(["check", "--format", "json", name]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert main(["check", "--format", "github", name]) == 1
    lines = capsys.readouterr().out.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == len(findings) >= 2
    assert lines[-1].startswith(f"copydesk: {len(findings)} finding")
    for line, f in zip(annotations, findings, strict=True):
        kind, props, message = parse(line)
        assert props["file"] == name and message == f["message"]
        assert (int(props["line"]), int(props["col"]), int(props["endLine"]), int(props["endColumn"])) == \
               (f["line"], f["column"], f["end_line"], f["end_column"])
        assert props["title"].split()[0] == f["code"]
