"""`--format sarif`: SARIF 2.1.0, the format GitHub code scanning and other dashboards read.

One run; `tool.driver` lists every rule that fired with its summary, its "What it does"
text and its full explanation (the text of `copydesk explain CODE`). Each result carries the
same position as the JSON finding (columns in Unicode code points, end exclusive, declared
by `columnKind`) and a `partialFingerprints` entry that does not depend on the line, so a
finding keeps its identity when text above it is edited. Files that could not be linted
are `toolExecutionNotifications` of the invocation.

Article text reaches the output only inside JSON strings. `<`, `>` and `&` are written as
`\\u003c`-style escapes so the file can be embedded in an HTML page as it is, and `[`, `]`
and `\\` in messages are backslash-escaped as SARIF requires of plain-text messages (an
unescaped `[text](1)` would be an embedded link).
"""

from __future__ import annotations

import json
import posixpath
import re
import textwrap
from urllib.parse import quote

from linter.baseline import fingerprints

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/copydesk/copydesk"  # the project home: change it where copydesk is published
FINGERPRINT_KEY = "copydeskFindingHash/v1"
LEVELS = {"info": "note", "warning": "warning", "error": "error"}
_SECTION = re.compile(r"^##\s+What it does\s*\n(.*?)(?=^##\s|\Z)", re.MULTILINE | re.DOTALL)
_MESSAGE_ESCAPE = re.compile(r"([\\\[\]])")
_HTML_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def escape_message(text: str) -> str:
    """A plain-text SARIF message: `\\`, `[` and `]` escaped with a backslash."""
    return _MESSAGE_ESCAPE.sub(r"\\\1", text)


def artifact_uri(path: str) -> str:
    """The path as a URI reference: relative paths stay relative (code scanning resolves them
    against the checkout), absolute ones become file: URIs; unsafe characters are %-encoded."""
    p = path.replace("\\", "/")
    absolute = p.startswith("/") or re.match(r"^[A-Za-z]:/", p) is not None
    p = posixpath.normpath(p)
    if absolute:
        return "file://" + ("" if p.startswith("/") else "/") + quote(p, safe="/:")
    return quote(p, safe="/")


def _full_description(rule) -> str:
    doc = textwrap.dedent(getattr(rule, "doc", "") or "")
    m = _SECTION.search(doc)
    text = " ".join(m.group(1).split()) if m else ""
    return text or getattr(rule, "summary", "") or getattr(rule, "code", "")


def _rule_descriptor(code: str, rule) -> dict:
    from linter.cli import explain_text

    help_text = explain_text(rule)
    return {
        "id": code,
        "name": getattr(rule, "name", code),
        "shortDescription": {"text": getattr(rule, "summary", "") or code},
        "fullDescription": {"text": _full_description(rule)},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS.get(getattr(rule, "severity", "warning"), "warning")},
        "properties": {"tags": [rule.family_name() if hasattr(rule, "family_name") else code[:3]]},
    }


def build_log(result) -> dict:
    """The SARIF log (a dict) for a RunResult."""
    fired = sorted({f.code for f in result.findings})
    rules = [_rule_descriptor(code, result.rules[code]) for code in fired if code in result.rules]
    # a finding whose rule the registry no longer knows still gets a descriptor, so every ruleId resolves
    rules += [{"id": code, "shortDescription": {"text": code}} for code in fired if code not in result.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for finding, fingerprint in zip(result.findings, fingerprints(result.findings), strict=True):
        item = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS.get(finding.severity, "warning"),
            "message": {"text": escape_message(finding.message)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(finding.path)},
                "region": {"startLine": finding.line, "startColumn": finding.column,
                           "endLine": finding.end_line, "endColumn": finding.end_column},
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            "properties": {"severity": finding.severity, "rule": finding.rule},
        }
        results.append(item)
    notifications = [{"level": "error", "message": {"text": p}} for p in result.problems]
    notifications += [{"level": "warning", "message": {"text": w}} for w in result.warnings]
    invocation = {"executionSuccessful": not result.problems, "exitCode": result.exit_status()}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {"name": "copydesk", **({"version": result.version} if result.version else {}),
              "informationUri": INFORMATION_URI, "rules": rules}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def write(result, out) -> None:
    text = json.dumps(build_log(result), ensure_ascii=False, indent=1)
    out.write(re.sub(r"[<>&]", lambda m: _HTML_UNSAFE[m.group()], text))
    out.write("\n")
