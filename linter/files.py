"""Reading a file's bytes into text the way the SPEC fixes it.

UTF-8 with or without BOM; anything else is decoded as Windows-1252 with a warning; NUL
bytes in the first 8 KiB mean binary (skipped). CRLF and lone CR become LF, which keeps
every other character's line and column as they are in the file.
"""

from __future__ import annotations

__all__ = ["decode", "BinaryFile", "normalise_newlines", "write_atomically"]


class BinaryFile(Exception):
    """The file looks binary: it is skipped and reported."""


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode(data: bytes) -> tuple[str, list[str]]:
    """(text, warnings) for a file's bytes; raises BinaryFile."""
    warnings = []
    if b"\x00" in data[:8192]:
        raise BinaryFile("binary file (NUL bytes in the first 8 KiB): skipped")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"not valid UTF-8 (byte {exc.start}): read as Windows-1252")
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text), warnings


def write_atomically(path: str, text: str | bytes, prefix: str = ".copydesk-", durable: bool = True) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename, so a
    reader never sees half a file and a failure leaves the old one. Raises OSError.

    durable: fsync before the rename (a baseline, a report); a cache entry can skip it."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=os.path.dirname(os.path.abspath(path)))
    try:
        mode = {"mode": "wb"} if isinstance(text, bytes) else {"mode": "w", "encoding": "utf-8", "newline": "\n"}
        with os.fdopen(fd, **mode) as fh:
            fh.write(text)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
