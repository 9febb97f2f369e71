"""Whitespace and character clean-up shared by every field."""
from __future__ import annotations

import re
import unicodedata

from mszs.patterns import LazyPattern

# CJK ideographs, CJK punctuation and full-width forms: whitespace between two of
# these is a line break or a justification gap, never a word boundary.
_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·"
_CJK_GAP = LazyPattern(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = LazyPattern(r"[ \t\u00a0\u3000\u2002-\u200b]+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = LazyPattern("[０-９]")
_WHITESPACE = LazyPattern(r"\s")
_WHITESPACE_RUN = LazyPattern(r"\s+")


def clean_text(text: str | None) -> str:
    """Contract rule: drop whitespace between CJK characters, fold other runs to one space, strip."""
    if not text:
        return ""
    if not _WHITESPACE.search(text):  # most texts: told by one search, ten times faster than the subs
        return text
    text = _CJK_GAP.sub("", text)
    text = _WHITESPACE_RUN.sub(" ", text)
    return text.strip()


def clean_lines(text: str | None) -> str:
    """Like :func:`clean_text` but keeps line breaks (for cells holding a list)."""
    if not text:
        return ""
    lines = (_CJK_GAP.sub("", _SPACES.sub(" ", line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fold_digits(text: str) -> str:
    """Full-width digits to ASCII (１２ → 12)."""
    # str.translate costs ten times a search on Chinese text, and most texts have none to fold
    return text.translate(_FULLWIDTH_DIGITS) if _FULLWIDTH_DIGIT.search(text) else text


def squash(text: str) -> str:
    """All whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text or ""))


def is_cjk(ch: str) -> bool:
    return bool(re.match(rf"[{_CJK}]", ch))
