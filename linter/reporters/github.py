"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=stories/raid.txt,line=5,endLine=5,col=1,endColumn=21,title=SRC101 anonymous-source::Claim ...

info becomes `notice`, warning `warning`, error `error`. The runner reads these lines from
a step's output and shows them on the pull request's changed files.

Everything from an article or a file name is escaped as the runner expects: `%`, CR and LF
in the message, and `:` and `,` as well in property values. A story holding a line such as
`::error::...` or `::add-mask::` therefore stays data inside one annotation and cannot start
a command of its own.

GitHub shows only the first 10 annotations of each level per step, so the output ends with
a plain summary line (not a command) counting them and pointing to SARIF for the rest.
"""

from __future__ import annotations

from collections import Counter

COMMANDS = {"info": "notice", "warning": "warning", "error": "error"}
SHOWN_PER_LEVEL = 10


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    props = [("file", finding.path), ("line", finding.line), ("endLine", finding.end_line),
             ("col", finding.column), ("endColumn", finding.end_column), ("title", f"{finding.code} {finding.rule}")]
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{COMMANDS.get(finding.severity, 'warning')} {joined}::{escape_data(finding.message)}"


def summary(findings) -> str:
    counts = Counter(COMMANDS.get(f.severity, "warning") for f in findings)
    n = len(findings)
    parts = [f"{counts[c]} {c}{'s' if counts[c] != 1 else ''}" for c in ("error", "warning", "notice") if counts[c]]
    line = f"copydesk: {n} finding{'s' if n != 1 else ''}" + (f" ({', '.join(parts)})" if parts else "")
    if any(c > SHOWN_PER_LEVEL for c in counts.values()):
        line += (f". GitHub shows only the first {SHOWN_PER_LEVEL} annotations of each level per step; "
                 "for all of them, run with --format sarif and upload the file to code scanning "
                 "(github/codeql-action/upload-sarif)")
    return line + "."


def write(result, out) -> None:
    for finding in result.findings:
        out.write(annotation(finding) + "\n")
    for problem in result.problems:
        out.write(f"::error title=copydesk::{escape_data(problem)}\n")
    out.write(summary(result.findings) + "\n")
