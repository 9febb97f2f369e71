"""Numbers as printed in notices: Arabic (with thousands separators, decimals,
full-width digits) and Chinese numerals (两所, 十五, 一百二十).

Chinese numerals go through cn2an; values are computed with Decimal so that
multipliers folded in later (16.4亿) stay exact.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from mszs.normalise.text import fold_digits

# Characters a Chinese numeral is made of, and those it may start with
# (a lone 万/千/百 is a word, not a number).
CHINESE_DIGITS = "〇零一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百千万亿点"
CHINESE_NUMERAL_START = CHINESE_DIGITS + "十"

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_CHINESE = re.compile(rf"[{CHINESE_NUMERAL_START}][{CHINESE_NUMERAL_CHARS}]*")


def to_decimal(text: str) -> Decimal | None:
    """The exact value of a printed number, or None if the text is not one number."""
    text = fold_digits(text.strip()).replace("，", ",")
    if _ARABIC.fullmatch(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            return None
    if _CHINESE.fullmatch(text):
        import cn2an  # 0.1 s to import: paid only by a notice that has a Chinese numeral

        try:
            value = cn2an.cn2an(text, "smart")
        except (ValueError, KeyError, IndexError):
            return None
        return Decimal(str(value))
    return None


def as_number(value: Decimal) -> int | float:
    """An int when the value is integral, else a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_number(text: str) -> int | float | None:
    """"3,800" → 3800, "2.2" → 2.2, "３８００" → 3800, "两" → 2, "一百二十" → 120."""
    value = to_decimal(text)
    return None if value is None else as_number(value)
