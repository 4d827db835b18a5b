"""The compiled-pattern store: restored patterns match exactly as freshly compiled ones,
and a damaged, foreign or unwritable store costs time, never a wrong answer."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest
import regex

from linter import patterns

TEXT = "The best-ever deal, critics say; Most residents agreed. ÉLAN’s finest hour."
PATTERN = r"(?<![\p{L}\p{N}\-])(?:best(?:-ever)?|critics\s+say|finest)(?![\p{L}\p{N}\-])"


def run_py(code: str, cache_home: str, **env) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter whose store folders are both under cache_home."""
    full = dict(os.environ, XDG_CACHE_HOME=cache_home, **env)
    prelude = (
        "import linter.patterns as P, os\n"
        f"P.store_dirs = lambda: [os.path.join({cache_home!r}, 'copydesk')]\n"
    )
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, env=full, timeout=60)


def run_twice(code: str, cache_home: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """Run code in two fresh interpreters sharing one store: the first fills it, the second reads it."""
    first = run_py(code, cache_home)
    second = run_py(code, cache_home)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    return first, second


def test_a_restored_pattern_matches_like_a_compiled_one(tmp_path):
    code = (
        "import regex\n"
        f"p = P.compile({PATTERN!r}, regex.I)\n"
        f"print([m.span() for m in p.finditer({TEXT!r})])\n"
        f"print(P._loaded['regex'].get(({PATTERN!r}, int(regex.I))) is not None)\n"
    )
    first, second = run_twice(code, str(tmp_path))
    expected = [m.span() for m in regex.compile(PATTERN, regex.I).finditer(TEXT)]
    assert expected == [(4, 13), (20, 31), (63, 69)]  # spans checked by hand against TEXT
    assert first.stdout.splitlines() == [str(expected), "False"]  # compiled, then stored at exit
    assert second.stdout.splitlines() == [str(expected), "True"]  # restored from the store


def test_a_corrupt_store_is_ignored_and_rewritten(tmp_path):
    code = f"import regex\nprint(P.compile({PATTERN!r}, regex.I).search({TEXT!r}).group())\n"
    assert run_py(code, str(tmp_path)).stdout.strip() == "best-ever"
    (store,) = (tmp_path / "copydesk").iterdir()
    store.write_bytes(store.read_bytes()[:100] + b"garbage")
    again = run_py(code, str(tmp_path))
    assert again.returncode == 0 and again.stdout.strip() == "best-ever" and again.stderr == ""
    assert len(store.read_bytes()) > 200  # rewritten whole


def test_a_store_that_calls_anything_but_regex_is_refused(tmp_path):
    class Evil:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    body = pickle.dumps({"regex": {(PATTERN, 0): pickle.dumps(Evil())}, "re": {}})
    import zlib

    folder = tmp_path / "copydesk"
    folder.mkdir()
    (folder / patterns._store_name()).write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
    out = run_py(f"print(P.compile({PATTERN!r}).search('best').group())\n", str(tmp_path))
    assert out.returncode == 0 and out.stdout.strip() == "best" and "pwned" not in out.stdout
    # nor may the file itself, around the entries, call anything
    body = pickle.dumps(Evil())
    (folder / patterns._store_name()).write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
    out = run_py(f"print(P.compile({PATTERN!r}).search('best').group())\n", str(tmp_path))
    assert out.returncode == 0 and out.stdout.strip() == "best" and "pwned" not in out.stdout


def test_an_unwritable_store_folder_is_not_an_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "copydesk"
    folder.mkdir()
    folder.chmod(0o500)
    out = run_py(f"print(P.compile({PATTERN!r}).search('best').group())\n", str(tmp_path))
    assert out.returncode == 0 and out.stdout.strip() == "best" and out.stderr == ""


def test_the_store_can_be_turned_off(tmp_path):
    code = f"print(P.compile({PATTERN!r}).search('best').group())\n"
    out = run_py(code, str(tmp_path), COPYDESK_PATTERN_CACHE="0")
    assert out.stdout.strip() == "best"
    assert not (tmp_path / "copydesk").exists()


def test_flags_are_part_of_the_key():
    assert patterns.compile("best").search("BEST") is None
    assert patterns.compile("best", regex.I).search("BEST") is not None


def test_the_built_in_patterns_are_the_same_text_in_every_run(tmp_path):
    # a pattern built from a set in hash order would differ per process and always miss the store
    code = (
        "from linter.plugins import load_registry\nfrom linter.runner import Linter\n"
        "Linter(load_registry()).lint_text('The best deal ever, critics say. Officials said it.', 's.txt')\n"
        "import hashlib\nused = sorted(map(repr, P._used)) + sorted(map(repr, P._used_re))\n"
        "print(hashlib.sha256(repr(used).encode()).hexdigest(), len(P._used), len(P._used_re))\n"
    )
    runs = [run_py(code, str(tmp_path), PYTHONHASHSEED=seed, COPYDESK_PATTERN_CACHE="0") for seed in ("1", "2")]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr + runs[1].stderr
    assert runs[0].stdout == runs[1].stdout
    assert int(runs[0].stdout.split()[1]) > 20  # the rules' patterns really went through the store


RE_PATTERN = r"(?P<verb>\b(?:sa(?:id|ys)|told))\s+(?P<who>\w+)|\d+(?=%)"
RE_TEXT = "She said Tom told me 45% — officials SAID so, 7 %."


def test_a_restored_stdlib_pattern_is_the_pattern_re_compiles(tmp_path):
    import re

    code = (
        "import re\n"
        f"p = P.compile_re({RE_PATTERN!r}, re.I)\n"
        f"print([(m.span(), m.groupdict()) for m in p.finditer({RE_TEXT!r})], p.groupindex, p.groups, p.flags)\n"
        f"print(P._loaded['re'].get(({RE_PATTERN!r}, int(re.I))) is not None)\n"
    )
    first, second = run_twice(code, str(tmp_path))
    fresh = re.compile(RE_PATTERN, re.I)
    expected = [(m.span(), m.groupdict()) for m in fresh.finditer(RE_TEXT)]
    # checked by hand: "said Tom", "told me", "45" before "%", "SAID so" (case-blind); "7 %" has a space
    assert [span for span, _ in expected] == [(4, 12), (13, 20), (21, 23), (37, 44)]
    line = f"{expected} {dict(fresh.groupindex)} {fresh.groups} {fresh.flags}"
    assert first.stdout.splitlines() == [line, "False"]  # compiled, then stored at exit
    assert second.stdout.splitlines() == [line, "True"]  # restored from the store


def test_stdlib_patterns_keep_flags_in_the_key_and_bytes_patterns_work():
    import re

    assert patterns.compile_re("best").search("BEST") is None
    assert patterns.compile_re("best", re.I).search("BEST") is not None
    assert patterns.compile_re(b"ca(?:ll|st)").search(b"a broadcast").span() == (7, 11)
    assert patterns.compile_re("best") is patterns.compile_re("best")  # one object per process
    with pytest.raises(re.error):
        patterns.compile_re("(unclosed")


def test_a_derived_pattern_source_is_kept_and_comes_back_the_same(tmp_path):
    code = (
        "from linter.scan import literal_alternation\n"
        "print(literal_alternation(['says', 'said', 'told', 'said']))\n"
        "print(len(P._loaded['text']))\n"
    )
    first, second = run_twice(code, str(tmp_path))
    assert first.stdout.splitlines() == ["(?:sa(?:id|ys)|told)", "0"]  # built, then stored at exit
    assert second.stdout.splitlines() == ["(?:sa(?:id|ys)|told)", "1"]  # read back


def test_flags_and_escape_are_regex_own():
    for name in ("I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "R", "REVERSE", "V0", "V1"):
        assert getattr(patterns, name) == int(getattr(regex, name)), name
    every = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c <= 0xDFFF)
    assert patterns.escape(every) == regex.escape(every)
    assert patterns.escape("St. Mary's (Best) $5 a+b") == regex.escape("St. Mary's (Best) $5 a+b")


def test_a_check_restores_patterns_without_importing_regex_parser(tmp_path):
    # the second run finds every pattern in the store: regex's C engine alone serves them
    (tmp_path / "story.txt").write_text("Officials said the best plan ever was approved.\n\nBy admin\n", encoding="utf-8")
    code = (
        "import sys\nfrom linter.cli import main\n"
        f"main(['check', '--no-cache', '-q', {str(tmp_path / 'story.txt')!r}])\n"
        "print('regex._regex_core' in sys.modules, 'regex' in sys.modules, P._ENGINE is sys.modules['regex._regex'])\n"
    )
    first, second = run_twice(code, str(tmp_path))
    assert "SRC" in first.stdout and first.stdout.split("\n")[:-2] == second.stdout.split("\n")[:-2]
    assert first.stdout.splitlines()[-1] == "True True True"  # compiled: regex imported in full
    assert second.stdout.splitlines()[-1] == "False False True"  # restored: the engine only


def test_regex_imported_after_the_engine_shares_it():
    code = (
        "import linter.patterns as P\np = P.compile(r'\\\\bbest\\\\b', P.I)\n"
        "import regex\nprint(type(p) is regex.Pattern, regex.compile('x').search('axb').span())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.split() == ["True", "(1,", "2)"], out.stderr


def test_a_store_entry_that_is_not_plain_data_is_a_miss(tmp_path):
    import marshal
    import zlib

    code_object = compile("print('ran')", "x", "exec")  # marshal can carry code: never used
    table = {"regex": {(PATTERN, 0): marshal.dumps((code_object,)), ("best", 0): b"not marshal"},
             "re": {("best", 0): marshal.dumps(["a list, not arguments"])}, "text": {}}
    body = marshal.dumps(table)
    folder = tmp_path / "copydesk"
    folder.mkdir()
    (folder / patterns._store_name()).write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
    code = (f"print(P.compile({PATTERN!r}).search('the best').group(), P.compile('best').search('best').span(), "
            "P.compile_re('best').search('a best').span())\n")
    out = run_py(code, str(tmp_path))
    assert out.returncode == 0 and out.stdout.split() == ["best", "(0,", "4)", "(2,", "6)"], out.stderr
