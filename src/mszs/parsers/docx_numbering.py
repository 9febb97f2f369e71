"""The labels Word draws in front of auto-numbered paragraphs (一、 （一） 1. …).

Word keeps them out of the paragraph's text, in numbering.xml; the
interpreter reads a notice's outline from these very labels, so the DOCX
reader puts them back. Counters follow Word: one set per list instance
(``w:numId``), a level's counter reset when a shallower level advances.
"""
from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_DIGITS = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    import cn2an

    return cn2an.an2cn(n)


def _roman(n: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while n >= value:
            out, n = out + numeral, n - value
    return out


# w:numFmt → how a counter is written
NUMBER_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "chineseLegalSimplified": _chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "ideographDigital": lambda n: "".join(_CHINESE_DIGITS[int(d)] for d in str(n)),
    "taiwaneseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


class ListNumbering:
    """Labels of the numbered paragraphs of one document, in reading order."""

    def __init__(self, numbering, styles):
        """``numbering``: the root of the document's numbering part, or None; ``styles``: a function
        giving the root of its styles part, or None, called only when a paragraph with a style and
        no numbering of its own is met (Word's styles part is often 350 KB: parsing it cost more than
        reading the rest of a notice)."""
        self._levels = _level_definitions(numbering) if numbering is not None else {}
        self._styles = styles
        self._style_numbering: dict[str, tuple[str, int]] | None = None
        self._counters: dict[str, dict[int, int]] = {}

    def label(self, paragraph) -> str:
        """The label Word shows before ``paragraph`` (a w:p element), '' for none.
        Call it once per paragraph, in document order: it advances the counters."""
        num_id, level = self._numbering_of(paragraph)
        definition = self._levels.get(num_id, {})
        if level not in definition:
            return ""
        counters = self._counters.setdefault(num_id, {})
        start = definition[level]["start"]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        return re.sub(r"%(\d)", lambda m: self._written(num_id, int(m.group(1)) - 1), definition[level]["text"])

    def _written(self, num_id: str, level: int) -> str:
        definition = self._levels[num_id].get(level)
        if definition is None:
            return ""
        count = self._counters[num_id].get(level, definition["start"])
        return NUMBER_FORMATS.get(definition["format"], str)(count)

    def _numbering_of(self, paragraph) -> tuple[str | None, int]:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            style = paragraph.find(f"{W}pPr/{W}pStyle")
            if style is None:
                return None, 0
            if self._style_numbering is None:
                styles = self._styles()
                self._style_numbering = _style_numbering(styles) if styles is not None else {}
            return self._style_numbering.get(style.get(W + "val"), (None, 0))
        num_id = num_pr.find(W + "numId")
        level = num_pr.find(W + "ilvl")
        return (num_id.get(W + "val") if num_id is not None else None,
                _number(level.get(W + "val") if level is not None else None, 0))


def _level_definitions(numbering) -> dict[str, dict[int, dict]]:
    """numId → level → {format, text, start}, bullets left out."""
    abstract = {a.get(W + "abstractNumId"): a for a in numbering.findall(W + "abstractNum")}
    definitions: dict[str, dict[int, dict]] = {}
    for num in numbering.findall(W + "num"):
        ref = num.find(W + "abstractNumId")
        source = abstract.get(ref.get(W + "val")) if ref is not None else None
        if source is None:
            continue
        levels = {}
        for lvl in source.findall(W + "lvl"):
            fmt = _val(lvl, "numFmt") or "decimal"
            if fmt in ("bullet", "none"):
                continue
            levels[_number(lvl.get(W + "ilvl"), 0)] = {
                "format": fmt, "text": _val(lvl, "lvlText") or "", "start": _number(_val(lvl, "start"), 1)}
        for override in num.findall(W + "lvlOverride"):
            level = _number(override.get(W + "ilvl"), 0)
            start = _val(override, "startOverride")
            if start and level in levels:
                levels[level] = dict(levels[level], start=_number(start, 1))
        definitions[num.get(W + "numId")] = levels
    return definitions


def _style_numbering(styles) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (List Number…): styleId → (numId, level)."""
    found = {}
    for style in styles.findall(W + "style"):
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num_id = num_pr.find(W + "numId") if num_pr is not None else None
        if num_id is not None:
            level = num_pr.find(W + "ilvl")
            found[style.get(W + "styleId")] = (num_id.get(W + "val"),
                                               _number(level.get(W + "val") if level is not None else None, 0))
    return found


def _val(element, tag: str) -> str | None:
    child = element.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _number(value: str | None, default: int) -> int:
    """A level or start attribute; ``default`` when missing or not a number (a damaged file), and
    kept within the 0-32767 Word allows, so a huge start cannot make a Roman numeral endless."""
    try:
        return max(0, min(int(value), 32767))
    except (TypeError, ValueError):
        return default
