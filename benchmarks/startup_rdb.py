#!/usr/bin/env python3
"""What the readability rules (RDB) cost a cold `copydesk check` of one article.

    python benchmarks/startup_rdb.py [ARTICLE] [--runs N]

Runs `copydesk check ARTICLE` with all default rules and with `--ignore RDB`, alternating,
N times each (default 15, at least 10), and prints the median, minimum and maximum wall time
of each, the median CPU time (user + system; steadier than wall time on a busy machine)
and the differences of the medians. With no ARTICLE, the seed sample in ../shared is
used when present, else a generated 600-word story. The network is dropped (`unshare -n`)
where that works, to show the cost is the same offline.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "..", "shared", "samples", "content-farm-seed.txt")


def copydesk_cmd() -> list[str]:
    exe = shutil.which("copydesk")
    return [exe] if exe else [sys.executable, "-m", "linter"]


def offline_prefix() -> list[str]:
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n"]
    return []


def generated_story(folder: str) -> str:
    path = os.path.join(folder, "story.txt")
    paragraph = ("The county board voted on Tuesday to repair the old bridge over the river, which has been closed "
                 "to trucks since spring. Work will start in May and should end before the school year begins. ")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("By Dana Reyes\n\n" + "\n\n".join([paragraph] * 17) + "\n")
    return path


def once(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = max(10, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        article = args.article or (SEED if os.path.exists(SEED) else generated_story(folder))
        prefix = offline_prefix()
        base = prefix + copydesk_cmd() + ["check", "--quiet", article]
        variants = {"all default rules": base, "--ignore RDB": base + ["--ignore", "RDB"]}
        for cmd in variants.values():  # warm the file cache and the .pyc files
            once(cmd)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for _ in range(runs):
            for name, cmd in variants.items():
                times[name].append(once(cmd))
        py = [once([sys.executable, "-c", "pass"]) for _ in range(runs)]
    print(f"article: {article}  runs: {runs} each, alternating  network: {'none (unshare -n)' if prefix else 'as is'}")
    print(f"{'variant':<22}{'median s':>10}{'min s':>9}{'max s':>9}{'median CPU s':>14}")
    for name, ts in list(times.items()) + [("python -c pass", py)]:
        wall = [w for w, _ in ts]
        cpu = [c for _, c in ts]
        print(f"{name:<22}{statistics.median(wall):>10.3f}{min(wall):>9.3f}{max(wall):>9.3f}{statistics.median(cpu):>14.3f}")
    med = {name: (statistics.median(w for w, _ in ts), statistics.median(c for _, c in ts)) for name, ts in times.items()}
    wall_cost = med["all default rules"][0] - med["--ignore RDB"][0]
    cpu_cost = med["all default rules"][1] - med["--ignore RDB"][1]
    print(f"RDB costs {wall_cost:.3f} s wall, {cpu_cost:.3f} s CPU (differences of the medians); "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
