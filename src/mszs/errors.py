"""Errors that name what went wrong with an input, in one line."""
from __future__ import annotations


class MszsError(Exception):
    """A file mszs cannot read. ``kind`` is a stable machine word, the message plain words."""

    kind = "error"

    def __init__(self, message: str, kind: str | None = None):
        super().__init__(message)
        if kind:
            self.kind = kind


class UnreadableInput(MszsError):
    """The bytes are not a notice mszs can read (empty, binary, truncated…)."""

    kind = "unreadable"


class UnsupportedFormat(MszsError):
    kind = "unsupported"


class EncryptedInput(MszsError):
    kind = "encrypted"


class NeedsOcr(MszsError):
    kind = "needs_ocr"


class TooLarge(MszsError):
    kind = "too_large"


class MissingTool(MszsError):
    """An external program a format needs (LibreOffice for .doc) is not installed."""

    kind = "missing_tool"


class SpecialFile(MszsError):
    """A named pipe, socket, device or folder where a file was expected: refused unopened,
    since reading one may never end (a FIFO, /dev/zero)."""

    kind = "special_file"
