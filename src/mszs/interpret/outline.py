"""The outline of a notice: enumerated headings and items, read from text patterns.

Official documents number their levels 一、 → （一） → 1. → （1）; the level
comes from the pattern, never from Word styles, so every format reads alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十百零〇两"
# level → pattern of the enumerator at the start of a paragraph
ENUMERATORS: tuple[tuple[int, re.Pattern], ...] = (
    (0, re.compile(rf"^\s*([{_CN}]{{1,4}})\s*(?:、|[.．](?!\d))\s*")),
    (1, re.compile(rf"^\s*[（(]\s*([{_CN}]{{1,4}})\s*[)）]\s*[、.．]?\s*")),
    (2, re.compile(r"^\s*(\d{1,3})\s*[、.．](?!\d)\s*")),
    (3, re.compile(r"^\s*[（(]\s*(\d{1,3})\s*[)）]\s*[、.．]?\s*")),
    (4, re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# `教育惠民（2项）`: a count of the items below, not part of the heading.
_COUNT_NOTE = re.compile(r"(?<!\s)\s*[（(]\s*(?:共\s*)?[\d一二三四五六七八九十]{1,3}\s*[项件个类条]\s*[)）]\s*$")
_FINAL_PUNCT = re.compile(r"[。.；;：:，,！!\s]+$")


@dataclass(frozen=True)
class Enumerated:
    level: int
    number: int | None
    body: str  # the text after the enumerator


def enumerator(text: str) -> Enumerated | None:
    """The leading enumerator of a paragraph, if any."""
    for level, pattern in ENUMERATORS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return Enumerated(level, enumerator_value(match.group(1)), text[match.end():])
    return None


def enumerator_value(token: str) -> int | None:
    """`12` → 12, `十二` → 12, `③` → 3; None when it is not a number."""
    token = token.strip()
    if token.isdecimal():  # not isdigit: ① is a digit to Python, and int() refuses it
        return int(token)
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    from mszs.normalise.numbers import parse_number

    value = parse_number(token)
    return int(value) if isinstance(value, (int, float)) and value == int(value) else None


def seq_value(cell: str) -> int | None:
    """A 序号 cell as an int: `1`, `1.`, `（一）`, `一`, `第3项`."""
    text = re.sub(r"\s+", "", cell or "")
    text = re.sub(r"^第|[项个]$", "", text)
    text = text.strip("（()）.．、")
    if not text or len(text) > 4:
        return None
    return enumerator_value(text)


def heading_text(body: str) -> str:
    """A heading without its trailing sentence and final punctuation: `加强组织领导。各…` → `加强组织领导`."""
    head = re.split(r"[。！!]", body, maxsplit=1)[0]
    head = _COUNT_NOTE.sub("", head)
    return _FINAL_PUNCT.sub("", head).strip()
