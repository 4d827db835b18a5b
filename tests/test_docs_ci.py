"""The README's CI recipes parse, use options copydesk has, and do what their text says."""

import os
import re
import shlex
import subprocess
import sys

import pytest
import yaml

from linter.cli import build_parser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def section(title):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        text = fh.read()
    m = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", text + "\n##", re.MULTILINE | re.DOTALL)
    assert m, f"README has no '### {title}' section"
    blocks = re.findall(r"```yaml\n(.*?)```", m.group(1), re.DOTALL)
    assert len(blocks) == 1, title
    return yaml.safe_load(blocks[0])


def copydesk_commands(script: str) -> list[list[str]]:
    """Every `copydesk ...` command in a shell script, as argv after 'copydesk', up to `||`, `;` or `&&`."""
    out = []
    for m in re.finditer(r"(?<![\w/-])copydesk (check [^;&|\n]*)", script):
        out.append(shlex.split(m.group(1)))
    return out


def shell_syntax_ok(script: str) -> None:
    p = subprocess.run(["sh", "-n"], input=script, capture_output=True, text=True, timeout=10)
    assert p.returncode == 0, p.stderr


def parses(argv):
    args = build_parser().parse_args(argv)
    assert args.command == "check"
    return args


def test_github_actions_workflow():
    wf = section("GitHub Actions")
    assert wf["permissions"]["security-events"] == "write"
    steps = wf["jobs"]["copydesk"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert steps[0]["with"]["fetch-depth"] == 0
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    commands = [c for s in steps for c in copydesk_commands(s.get("run", ""))]
    shell_syntax_ok("\n".join(s["run"] for s in steps if "run" in s))
    formats = {parses(c).format: parses(c) for c in commands}
    assert set(formats) == {"github", "sarif"}
    assert formats["sarif"].output == upload["with"]["sarif_file"]
    assert formats["github"].changed_since == "origin/$BASE"  # the shell expands it
    # the base branch reaches the shell through the environment, not by template expansion in the script
    assert "${{" not in next(s["run"] for s in steps if "--format github" in s.get("run", ""))


def test_gitlab_ci_job():
    job = section("GitLab CI")["copydesk"]
    script = "\n".join(job["script"])
    shell_syntax_ok("\n".join(job["before_script"]) + "\n" + script)
    commands = [parses(c) for c in copydesk_commands(script)]
    assert {c.format for c in commands} == {"sarif", "text"}
    sarif_cmd = next(c for c in commands if c.format == "sarif")
    assert job["artifacts"]["paths"] == [sarif_cmd.output] and job["artifacts"]["when"] == "always"
    assert any(c.changed_since for c in commands) and any(c.baseline for c in commands)
    assert job["variables"]["GIT_DEPTH"] == "0"


def test_pre_commit_snippet(tmp_path):
    config = section("pre-commit")
    (hook,) = config["repos"][0]["hooks"]
    assert hook["id"] == "copydesk"
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        assert hook["id"] in [h["id"] for h in yaml.safe_load(fh)]
    parses(["check", *hook["args"], "story.md"])
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    exe = os.path.join(os.path.dirname(sys.executable), "pre-commit")
    if not os.path.exists(exe):
        pytest.skip("pre-commit is not installed")
    p = subprocess.run([exe, "validate-config", str(path)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr


def test_the_or_test_idiom_passes_findings_and_fails_trouble():
    """`copydesk ... || test $? -eq 1` in the recipes: exit 1 (findings) passes, exit 2 fails."""
    for status, ok in ((0, True), (1, True), (2, False)):
        p = subprocess.run(["sh", "-c", f"sh -c 'exit {status}' || test $? -eq 1"], timeout=10)
        assert (p.returncode == 0) is ok
