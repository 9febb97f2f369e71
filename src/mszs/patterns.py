"""Regular expressions compiled on first use.

``re`` builds the table of a character class beyond Latin-1 (``[\\u4e00-\\u9fff]``,
``[一二三四五六七八九十]``) one character at a time, up to a millisecond a class. The parser,
the interpreter and the normalisers hold some 150 patterns with such classes; compiled at import
they took a quarter of a cold ``mszs parse`` of a small notice, which uses about half of them.
Their module-level patterns are therefore :class:`LazyPattern`\\ s; the readers of other
formats, imported only for a file of their format, compile theirs at import.
"""
from __future__ import annotations

import re

# What a compiled pattern offers; a LazyPattern holds all of them once compiled.
_PATTERN_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                       "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when one of its methods or attributes is first used."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # Called only for what the instance does not hold yet: compile, and keep the compiled
        # pattern's methods on the instance, so that every later call goes straight to them.
        compiled = re.compile(*self._source)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"
