"""The pre-commit hook other repositories use, and this repository's own hooks."""

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from linter.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def pre_commit():
    exe = os.path.join(os.path.dirname(sys.executable), "pre-commit")
    exe = exe if os.path.exists(exe) else shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed (the 'test' extra brings it)")
    return exe


def load(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_hook_manifest_is_valid_and_picks_the_spec_extensions():
    p = subprocess.run([pre_commit(), "validate-manifest", os.path.join(ROOT, ".pre-commit-hooks.yaml")],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    (hook,) = load(".pre-commit-hooks.yaml")
    assert (hook["id"], hook["entry"], hook["language"], hook["types"]) == ("copydesk", "copydesk check", "python", ["text"])
    files = re.compile(hook["files"])
    for name in ("a.txt", "stories/b.md", "c.markdown", "d.html", "e.htm", "F.HTML", "g.Md"):
        assert files.search(name), name
    for name in ("x.py", "notes.txt.bak", "page.htmlx", "README.rst", "data.json"):
        assert not files.search(name), name


def test_own_config_is_valid_with_ruff_and_a_local_copydesk_hook_on_the_examples(monkeypatch, capsys):
    p = subprocess.run([pre_commit(), "validate-config", os.path.join(ROOT, ".pre-commit-config.yaml")],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    repos = {r["repo"]: r for r in load(".pre-commit-config.yaml")["repos"]}
    assert "ruff-check" in [h["id"] for h in repos["https://github.com/astral-sh/ruff-pre-commit"]["hooks"]]
    (hook,) = repos["local"]["hooks"]
    assert hook["id"] == "copydesk" and re.search(hook["files"], "examples/cartel-raid.txt")
    # the hook's own command on the example: the committed baseline reads (not exit 2), and copydesk still
    # sees the example's findings without it
    entry = hook["entry"].split()
    assert entry[:2] == ["copydesk", "check"]
    example = os.path.join("examples", "cartel-raid.txt")
    monkeypatch.chdir(ROOT)
    assert main([*entry[1:], example]) in (0, 1)
    assert "in the baseline examples/copydesk-baseline.json not shown" in capsys.readouterr().err
    assert main(["check", "--quiet", example]) == 1


@pytest.mark.slow
def test_try_repo_runs_the_hook_on_stories_only(tmp_path):
    exe = pre_commit()
    if not os.path.isdir(os.path.join(ROOT, ".git")):
        pytest.skip("try-repo needs copydesk as a git repository")
    work = tmp_path / "newsroom"
    work.mkdir()
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    (work / "story.md").write_text("# Fees Rise\n\nBy admin\n\nAccording to sources, parking fees will rise.\n",
                                   encoding="utf-8")
    (work / "clean.txt").write_text("Fees Rise\n\nBy Ana Ruiz\nNov. 27, 2026\n\nThe council voted 5-2 on Tuesday "
                                    "to raise parking fees, Mayor Ana Ruiz said.\n", encoding="utf-8")
    (work / "code.py").write_text("sources = 'According to sources'\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=work, check=True, env=env)
    # try-repo installs copydesk from this checkout's HEAD (plus tracked changes), as a user's pre-commit would
    p = subprocess.run([exe, "try-repo", ROOT, "copydesk", "--files", "story.md", "code.py"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "story.md:5:1: SRC101" in p.stdout and "code.py" not in p.stdout  # types/files keep code out
    p = subprocess.run([exe, "try-repo", ROOT, "copydesk", "--files", "clean.txt"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    assert re.search(r"copydesk\.+Passed", p.stdout)
