"""Language-server latency: a warm lint of a 1,000-word buffer, and keystroke-to-diagnostics time.

    python benchmarks/lsp_latency.py [--runs 30] [--words 1000] [--debounce-ms 100]

1. In process: `Linter.lint_text` on a 1,000-word story, after one warm-up lint (the server keeps
   the registry, configs and compiled patterns warm the same way). Target: under 50 ms.
2. Over stdio: `copydesk lsp` in a subprocess; for each run, a burst of five didChange
   notifications 30 ms apart, then the time from the LAST didChange being written to the
   publishDiagnostics for that version arriving. Target: under 200 ms, debounce included.

The story is built from this file's own sentences (news copy with anonymous sources, vague
groups, relative dates and long sentences, so every rule family has work to do).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PARAGRAPHS = [
    "According to sources, the county will close two branch libraries next spring to save money.",
    "Critics say the plan was rushed, and many experts warn that rural readers will lose their only "
    "quiet place to study, to print forms and to reach the internet without paying for it.",
    "The county's finance director, Ruth Okafor, said on Tuesday that the savings would reach "
    "$1.2 million a year once the leases end.",
    "It is believed that a third branch is also under review, though no list has been published.",
    "Residents packed the council chamber yesterday, and the meeting ran past midnight as speaker "
    "after speaker described the library as the heart of a town that has already lost its bank, "
    "its post office and the grocery store that stood on the square for ninety years.",
    "The decision has been described as a bold, unprecedented step toward a leaner county budget.",
]


def story(words: int) -> str:
    out, n, i = ["Library Cuts Draw Crowd", "", "By Sam Ortega", ""], 0, 0
    while n < words:
        p = PARAGRAPHS[i % len(PARAGRAPHS)]
        out += [p, ""]
        n += len(p.split())
        i += 1
    return "\n".join(out)


def warm_lint(text: str, runs: int, folder: str) -> list[float]:
    from linter.plugins import load_registry
    from linter.runner import Linter

    linter = Linter(load_registry())
    path = os.path.join(folder, "story.txt")
    linter.lint_text(text, path)
    times = []
    for k in range(runs):
        edited = text + " x" * (k % 3)  # a fresh Document each time, as a keystroke makes
        t = time.perf_counter()
        linter.lint_text(edited, path)
        times.append((time.perf_counter() - t) * 1000)
    return times


def keystroke_to_diagnostics(text: str, runs: int, debounce_ms: int, folder: str) -> tuple[list[float], float]:
    from linter.lsp import StdioClient

    client = StdioClient([sys.executable, "-m", "linter", "lsp", "--debounce-ms", str(debounce_ms)], cwd=folder)
    uri = Path(folder, "story.txt").as_uri()
    try:
        client.initialize(root=folder)
        t0 = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                               "text": text}})
        _, arrived = client.diagnostics(uri, with_time=True)
        first = (arrived - t0) * 1000
        version, times = 1, []
        for _ in range(runs):
            for k in range(5):
                version += 1
                sent = client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                                "contentChanges": [{"text": text + " y" * k}]})
                if k < 4:
                    time.sleep(0.03)
            msg, arrived = client.diagnostics(uri, with_time=True)
            assert msg["params"]["version"] == version, msg["params"]["version"]
            times.append((arrived - sent) * 1000)
        return times, first
    finally:
        client.close()


def describe(times: list[float]) -> str:
    s = sorted(times)
    p95 = s[max(0, int(len(s) * 0.95) - 1)]
    return f"median {statistics.median(s):.1f} ms, p95 {p95:.1f} ms, min {s[0]:.1f} ms, max {s[-1]:.1f} ms (n={len(s)})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--debounce-ms", type=int, default=100)
    ap.add_argument("--select", metavar="CODES", help="only these rules (written to a copydesk.toml beside the buffer), "
                    "to tell the server's own overhead from the rules' time")
    args = ap.parse_args()
    text = story(args.words)
    folder = tempfile.mkdtemp(prefix="copydesk-lsp-bench-")
    if args.select:
        codes = ", ".join(f'"{c.strip().upper()}"' for c in args.select.split(",") if c.strip())
        Path(folder, "copydesk.toml").write_text(f"select = [{codes}]\n", encoding="utf-8")
        print(f"rules: {args.select}")
    print(f"buffer: {len(text.split())} words, {len(text)} characters")
    lint = warm_lint(text, args.runs, folder)
    print(f"warm lint_text:                {describe(lint)}  (target < 50 ms)")
    keys, first = keystroke_to_diagnostics(text, max(5, args.runs // 2), args.debounce_ms, folder)
    print(f"didOpen -> diagnostics (first): {first:.1f} ms")
    print(f"last didChange -> diagnostics: {describe(keys)}  (debounce {args.debounce_ms} ms; target < 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
