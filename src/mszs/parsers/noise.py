"""Noise that copies of notices on real web pages carry, taken out before the text is read.

Mirror sites print pinyin after characters (`單(dān)位(wèi)`), spam sites glue SEO
strings into the text (`365bet账号被限制_beat365在线_…`), and a merged cell copied
from a page may come one character per line (`县` ⏎ `教` ⏎ `育` ⏎ `局`). Each
kind removed is named in a warning. The patterns are data (:data:`NOISE_PATTERNS`);
a user vocabulary may add more.
"""
from __future__ import annotations

import re

from mszs.patterns import LazyPattern

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# Pinyin after a Han character: with a tone mark always; toneless (`(de)`) only on a page that
# prints glosses, told by MIN_TONED_GLOSSES toned ones.
# (the bracket first and the Han character behind it: a pattern that starts with a character class
# is tried only where one stands, one that starts with a lookbehind at every character)
_TONED_GLOSS = LazyPattern(rf"[（(](?<=[\u4e00-\u9fff][（(])[a-zü{_TONED}]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,5}}[)）]")
_ANY_GLOSS = LazyPattern(rf"[（(](?<=[\u4e00-\u9fff][（(])[a-zü{_TONED}]{{1,6}}[)）]")
MIN_TONED_GLOSSES = 3

# name → pattern of a span to remove wherever it stands. A spam string's end cannot be told
# from the text it is glued to, so its last piece is taken only as far as its Latin letters go.
NOISE_PATTERNS: dict[str, re.Pattern] = {
    # (tried only where a run of letters starts, so a long text costs one pass)
    "spam strings": LazyPattern(r"(?<![0-9A-Za-z\u4e00-\u9fff])(?:[0-9A-Za-z\u4e00-\u9fff]{2,}_){2,}[0-9A-Za-z]+"),
}
# What a match of a pattern above must hold, searched first: it costs a hundredth of the pattern,
# and a text without it has nothing to remove (keyed by the pattern: a user's pattern of the same
# name gets no such test).
_NEEDED = {NOISE_PATTERNS["spam strings"]: LazyPattern(r"_(?<=[0-9A-Za-z\u4e00-\u9fff]{2}_)[0-9A-Za-z\u4e00-\u9fff]{2,}_")}
# Lines of one character each, this many in a row, are one cell printed a character per line.
MIN_CHARACTER_RUN = 3
# (Blank lines are matched a line at a time: `\s*` across line breaks made the search quadratic in a
# run of them, 3 s for 10^4 empty lines.)
_TWO_CHARACTER_LINES = LazyPattern(r"\n[^\S\n]*[\u4e00-\u9fff][^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*[\u4e00-\u9fff][^\S\n]*\n")
_ONE_CHARACTER = LazyPattern(r"^\s*[\u4e00-\u9fff]\s*$")
# Lone numerals are more likely 序号 cells or group marks than the pieces of a name.
_NUMERALS = set("一二三四五六七八九十")


def remove_noise(text: str) -> tuple[str, list[str]]:
    """The text without page noise, and a warning for each kind removed."""
    warnings = []
    pattern = _ANY_GLOSS if len(_TONED_GLOSS.findall(text)) >= MIN_TONED_GLOSSES else _TONED_GLOSS
    text, count = pattern.subn("", text)
    if count:
        warnings.append(f"removed {count} pinyin gloss(es) printed after characters")
    for name, noise in NOISE_PATTERNS.items():
        needed = _NEEDED.get(noise)
        if needed and not needed.search(text):
            continue
        text, count = noise.subn("", text)
        if count:
            warnings.append(f"removed {count} {name}")
    text, count = _join_character_runs(text)
    if count:
        warnings.append(f"joined {count} run(s) of one character per line")
    return text, warnings


def _join_character_runs(text: str) -> tuple[str, int]:
    if not _TWO_CHARACTER_LINES.search(text):
        return text, 0  # the common case, told by one search
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []
    joined = 0

    def flush():
        nonlocal joined
        if len(run) >= MIN_CHARACTER_RUN:
            out.append("".join(line.strip() for line in run))
            joined += 1
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        if _ONE_CHARACTER.match(line) and line.strip() not in _NUMERALS:
            run.append(line)
        elif not line.strip() and run:
            continue  # blank lines between the characters of one run
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out), joined
