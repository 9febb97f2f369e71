"""Numbers as printed in notices: Arabic (with thousands separators, decimals,
full-width digits) and Chinese numerals (两所, 十五, 一百二十).

Chinese numerals below a hundred (一, 两, 十五, 二十三) and digit by digit (二〇二一) are
read from a table of the digits; the rest (一百二十, 三千五百, 十一点五) go through cn2an,
which takes 0.1-0.2 s to import and so is imported only when such a numeral is met.
Values are computed with Decimal so that multipliers folded in later (16.4亿) stay exact.
"""
from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

from mszs.normalise.text import fold_digits
from mszs.patterns import LazyPattern

# Characters a Chinese numeral is made of, and those it may start with
# (a lone 万/千/百 is a word, not a number).
CHINESE_DIGITS = "〇零一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百千万亿点"
CHINESE_NUMERAL_START = CHINESE_DIGITS + "十"

_DIGIT_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}
# Below a hundred: an optional tens digit, 十, an optional unit digit (neither of them zero).
_TENS = LazyPattern(r"([一二两三四五六七八九])?十([一二两三四五六七八九])?")
_ARABIC = LazyPattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_CHINESE = LazyPattern(rf"[{CHINESE_NUMERAL_START}][{CHINESE_NUMERAL_CHARS}]*")


@functools.lru_cache(maxsize=4096)  # a notice prints the same few numbers again and again
def to_decimal(text: str) -> Decimal | None:
    """The exact value of a printed number, or None if the text is not one number."""
    if text.isascii() and text.isdigit():
        return Decimal(text)  # most numbers: what the rest would make of them, told at once
    text = fold_digits(text.strip()).replace("，", ",")
    if _ARABIC.fullmatch(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            return None
    if _CHINESE.fullmatch(text):
        small = _small_chinese(text)
        if small is not None:
            return Decimal(small)
        import cn2an

        try:
            value = cn2an.cn2an(text, "smart")
        except (ValueError, KeyError, IndexError):
            return None
        return Decimal(str(value))
    return None


def _small_chinese(text: str) -> int | None:
    """二〇二一 → 2021, 两 → 2, 十五 → 15, 二十三 → 23; None for what needs cn2an."""
    if all(ch in _DIGIT_VALUES for ch in text):
        return int("".join(str(_DIGIT_VALUES[ch]) for ch in text))
    tens = _TENS.fullmatch(text)
    if tens:
        return _DIGIT_VALUES.get(tens.group(1), 1) * 10 + _DIGIT_VALUES.get(tens.group(2), 0)
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
