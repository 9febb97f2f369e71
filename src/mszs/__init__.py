"""mszs: parse and normalise Chinese local-government notices on 民生实事.

    >>> from mszs import parse
    >>> notice = parse("notice.docx")
    >>> notice.projects[0].tasks[0].lead_units
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["parse", "parse_bytes", "MszsError", "__version__"]

_LAZY = {"parse": "mszs.api", "parse_bytes": "mszs.api", "MszsError": "mszs.errors"}


def __getattr__(name: str):
    # Imported on first use so that `mszs --version` does not load the parsers.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mszs' has no attribute {name!r}")
