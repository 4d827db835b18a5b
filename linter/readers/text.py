"""Plain text: the prose is the file itself, so the offset map is the identity."""

from __future__ import annotations

from linter.document import ReadResult
from linter.prose import OffsetMap


def read(text: str, path: str) -> ReadResult:
    return ReadResult(prose=text, offsets=OffsetMap.identity(len(text)))
