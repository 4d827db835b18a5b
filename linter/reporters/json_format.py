"""`--format json`: one JSON array on stdout, one object per finding, in SPEC order."""

from __future__ import annotations

import json


def write(result, out) -> None:
    out.write(json.dumps([f.as_json() for f in result.findings], ensure_ascii=False, indent=1))
    out.write("\n")
