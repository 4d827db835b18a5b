"""The built-in text and JSON reporters."""

import io
import json

from linter.reporters import json_format, text
from linter.rule import Finding
from linter.runner import RunResult

SOURCE = "Headline\n\tAccording to sources, it rained.\n"
FINDING = Finding("s.txt", 2, 2, 2, 22, "SRC101", "anonymous-source", "warning", "Unnamed sources", None,
                  "According to sources")


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_text_lines_are_editor_parsable():
    out = io.StringIO()
    text.write(RunResult(findings=[FINDING]), out)
    assert out.getvalue() == "s.txt:2:2: SRC101 Unnamed sources\n"


def test_text_on_a_terminal_shows_the_words_in_context():
    out = FakeTerminal()
    text.write(RunResult(findings=[FINDING], sources={"s.txt": SOURCE}), out)
    lines = out.getvalue().split("\n")
    assert lines[0] == "s.txt:2:2: SRC101 Unnamed sources"
    # the tab is shown as one space, so the caret line starts under column 2
    assert "According to sources" in lines[1]
    assert lines[2] == "    " + " " + "^" * 20


def test_json_is_one_array_with_the_spec_fields():
    out = io.StringIO()
    json_format.write(RunResult(findings=[FINDING]), out)
    data = json.loads(out.getvalue())
    assert data == [{"path": "s.txt", "line": 2, "column": 2, "end_line": 2, "end_column": 22, "code": "SRC101",
                     "rule": "anonymous-source", "severity": "warning", "message": "Unnamed sources"}]
