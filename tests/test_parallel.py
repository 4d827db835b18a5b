"""Parallel and serial runs give the same findings, in the same order."""

from linter.plugins import load_registry
from linter.runner import PARALLEL_MIN_FILES, Linter

STORIES = [
    "By Ana Ruiz\nNov. 27, 2026\n\nAccording to sources, the council will vote on Tuesday.\n",
    "Critics say the new park is the most beautiful in the world.\n\nBy admin\n",
    "# Flood\n\nThe river rose yesterday. It is believed that the levee failed.\n",
    "<p>Officials said the road would utilize a new surface in order to commence work.</p>",
]


def test_parallel_equals_serial(tmp_path):
    paths = []
    for i in range(PARALLEL_MIN_FILES + 6):
        ext = (".txt", ".txt", ".md", ".html")[i % 4]
        p = tmp_path / f"story{i:02d}{ext}"
        p.write_text(STORIES[i % 4])
        paths.append(str(p))
    linter = Linter(load_registry())
    serial = linter.lint_paths(paths, jobs=1)
    parallel = linter.lint_paths(paths, jobs=2)
    assert [r.path for r in parallel] == paths
    assert [r.findings for r in parallel] == [r.findings for r in serial]
    assert sum(len(r.findings) for r in serial) >= len(paths)  # every story has findings
