#!/usr/bin/env python3
"""copydesk's benchmark: start-up, one article, warm in-process, a newsroom archive, memory.

    python benchmarks/run.py                 # everything, prints a table
    python benchmarks/run.py --quick         # fewer repeats, no 2x corpus
    python benchmarks/run.py --compare       # also time write-good and proselint where installed

Reads ../shared/corpora/news-2016/articles.jsonl (never copied into the repo) and writes
it out as one .txt file per article in a temporary folder. Times are wall-clock medians
of repeated runs of the installed `copydesk` command. Runs that are compared with each
other are alternated (the one-article runs of copydesk, write-good and proselint; the
archive and the archive twice), because a virtual machine's speed drifts from minute to
minute; a 10M-step loop timed before and after shows the drift. Memory is the peak resident set of
the largest process of one more run (ru_maxrss of a fresh parent's waited-for children,
which covers pool workers). One untimed run first fills copydesk's store of compiled
patterns (linter/patterns.py), as any first run after an install does; the row "no pattern
store" shows what a run costs without it. One untimed archive run likewise builds the
syllable index that parallel runs load (linter/readability.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
CORPUS = os.path.join(SHARED, "corpora", "news-2016", "articles.jsonl")
SEED = os.path.join(SHARED, "samples", "content-farm-seed.txt")


def copydesk_cmd() -> list[str]:
    exe = shutil.which("copydesk")
    return [exe] if exe else [sys.executable, "-m", "linter"]


def wall(cmd: list[str], repeat: int, env: dict | None = None) -> tuple[float, float]:
    """(median seconds, peak RSS MiB of the largest process of one run) over `repeat` runs."""
    return walls_alternated([cmd], repeat, env)[0]


def walls_alternated(cmds: list[list[str]], repeat: int, env: dict | None = None) -> list[tuple[float, float]]:
    """`wall` for several commands, their runs alternated (A B A B ...): on a machine whose speed
    drifts from minute to minute, each command's median then comes from the same minutes."""
    env = dict(os.environ, **(env or {}))
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(repeat):
        for i, cmd in enumerate(cmds):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            times[i].append(time.perf_counter() - t)
    return [(statistics.median(ts), peak_of(cmd, env)) for ts, cmd in zip(times, cmds, strict=True)]


def machine_speed() -> float:
    """Seconds for a 10-million-step Python loop: printed before and after, so readers see the drift."""
    t = time.perf_counter()
    x = 0
    for i in range(10_000_000):
        x += i
    return time.perf_counter() - t


def peak_of(cmd: list[str], env: dict | None = None) -> float:
    """Peak RSS (MiB) of one run, measured in a fresh child so earlier runs do not count."""
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
            "stderr=subprocess.DEVNULL);print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, env=env)
    return int(out.stdout.strip() or 0) / 1024


def write_corpus(folder: str, copies: int = 1) -> tuple[int, int]:
    n = size = 0
    with open(CORPUS, encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh]
    for c in range(copies):
        for a in arts:
            body = a["text"] or ""
            path = os.path.join(folder, f"{a['id']}-{c}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(body)
            n += 1
            size += len(body.encode("utf-8"))
    return n, size


def warm_per_article(words: int = 1000, repeat: int = 200) -> tuple[float, int]:
    """(milliseconds, words) to lint one ~1,000-word article in process, registry and patterns warm."""
    from linter.plugins import load_registry
    from linter.runner import Linter

    with open(CORPUS, encoding="utf-8") as fh:
        arts = [json.loads(line)["text"] or "" for line in fh]
    arts = [a for a in arts if len(a.split()) >= words]
    text = " ".join(arts[0].split()[:words]) if arts else ("The mayor said the park will open. " * 150)
    text = arts[0] if arts and abs(len(arts[0].split()) - words) < 200 else text
    linter = Linter(load_registry())
    for _ in range(5):
        linter.lint_text(text, "warm.txt")
    t = time.perf_counter()
    for i in range(repeat):
        linter.lint_text(text + " " * (i % 3), "warm.txt")
    return (time.perf_counter() - t) / repeat * 1000, len(text.split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--compare", action="store_true", help="also time write-good and proselint where installed")
    args = ap.parse_args()
    if not os.path.exists(CORPUS):
        print("the shared news corpus is absent: nothing to measure", file=sys.stderr)
        return 2
    cd = copydesk_cmd()
    speed_before = machine_speed()
    rep = 5 if args.quick else 15
    rows = []
    seed = SEED if os.path.exists(SEED) else None
    wg, pl = (shutil.which("write-good"), shutil.which("proselint")) if args.compare else (None, None)
    # proselint 0.14+ takes a `check` subcommand; older versions take the files directly
    pl_cmd = [pl] if pl else []
    if pl and subprocess.run([pl, "version"], capture_output=True).returncode == 0:
        pl_cmd = [pl, "check"]
    single = [("copydesk --version", cd + ["--version"])]
    if seed:
        # one untimed run fills the pattern store, as the first run after an install does
        subprocess.run(cd + ["check", "--no-cache", seed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        single += [("check 1 article (3.3 KB), all default rules", cd + ["check", "--no-cache", seed]),
                   ("check 1 article, --ignore RDB", cd + ["check", "--no-cache", "--ignore", "RDB", seed])]
        single += [("write-good, 1 article", [wg, seed])] if wg else []
        single += [("proselint, 1 article", pl_cmd + [seed])] if pl else []
    # one-article runs alternated, so copydesk and the other linters are timed in the same minutes
    rows += [(name, *timed) for (name, _), timed in zip(single, walls_alternated([c for _, c in single], rep),
                                                          strict=True)]
    if seed:
        # the first run after an install or upgrade compiles every pattern (linter/patterns.py)
        rows.append(("check 1 article, all rules, no pattern store", *wall(
            cd + ["check", "--no-cache", seed], rep, env={"COPYDESK_PATTERN_CACHE": "0"})))
    ms, words = warm_per_article()
    with tempfile.TemporaryDirectory() as d:
        one = os.path.join(d, "one")
        os.mkdir(one)
        n, size = write_corpus(one)
        # untimed: the first archive run after an install builds the syllable index (~0.5 s, once)
        subprocess.run(cd + ["check", "--quiet", "--no-cache", one], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        one_cmd = cd + ["check", "--quiet", "--no-cache", one]
        if args.quick:
            rows.append((f"news-2016: {n} files, {size / 1e6:.1f} MB", *wall(one_cmd, 1)))
        else:
            # the archive and the archive twice, alternated, so their ratio is not the machine's drift
            two = os.path.join(d, "two")
            os.mkdir(two)
            n2, size2 = write_corpus(two, 2)
            (t1, m1), (t2, m2) = walls_alternated([one_cmd, cd + ["check", "--quiet", "--no-cache", two]], 3)
            rows.append((f"news-2016: {n} files, {size / 1e6:.1f} MB", t1, m1))
            rows.append((f"news-2016 twice: {n2} files, {size2 / 1e6:.1f} MB ({t2 / t1:.2f}x)", t2, m2))
        cache = os.path.join(d, "cache")
        wall(cd + ["check", "--quiet", "--cache-dir", cache, one], 1)
        rows.append(("news-2016 again, cache warm (unchanged files)",
                     *wall(cd + ["check", "--quiet", "--cache-dir", cache, one], 3)))
        big = os.path.join(d, "big.txt")
        with open(CORPUS, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] or "" for line in fh]
        blob = "\n\n".join(texts)
        while len(blob.encode()) < 3_000_000:
            blob += "\n\n" + blob
        with open(big, "w", encoding="utf-8") as out:
            out.write(blob[:3_000_000])
        rows.append(("one 3 MB article", *wall(cd + ["check", "--quiet", "--no-cache", big], 1)))
        if args.compare:
            if wg:
                files = sorted(os.path.join(one, f) for f in os.listdir(one))[:500]
                rows.append(("write-good, 500 articles", *wall([wg, *files], 1)))
            if pl:
                files = sorted(os.path.join(one, f) for f in os.listdir(one))[:500]
                rows.append(("proselint, 500 articles", *wall(pl_cmd + files, 1)))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"{'measurement':<48} {'wall s':>8} {'peak MiB':>9}")
    for name, t, mem in rows:
        print(f"{name:<48} {t:>8.3f} {mem:>9.1f}")
    print(f"{f'warm, in process, one {words:,}-word article':<48} {ms / 1000:>8.4f}   "
          f"({ms:.2f} ms; {ms * 1000 / words:.2f} ms per 1,000 words)")
    print(f"machine speed: a 10M-step Python loop took {speed_before:.2f} s before, {machine_speed():.2f} s after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
