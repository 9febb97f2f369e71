"""Quantified targets in a task's text: 新增学位3800个以上 → 3800 个 (>=).

A number is a target only when a known unit (or %) follows it, so years,
dates, ages, durations and bare numbers never are. Multipliers (万/亿/千)
are folded into the value exactly; the unit is kept as printed without them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal

from mszs.normalise.dates import leading_date
from mszs.normalise.numbers import CHINESE_NUMERAL_CHARS, CHINESE_NUMERAL_START, as_number, to_decimal
from mszs.normalise.text import fold_digits
from mszs.output import Target
from mszs.patterns import LazyPattern

# Units a delivered quantity is counted in, as printed.
UNITS = (
    # things and places
    "个", "所", "处", "座", "家", "台套", "台", "张", "件", "条", "栋", "幢", "辆", "套", "项",
    "类", "种", "支", "口", "间", "床", "眼", "孔", "盏", "株", "棵", "只", "头", "块", "部",
    "门", "册", "本", "份", "宗", "例",
    # people and events
    "人次", "人", "名", "位", "户", "场次", "场", "批次", "次",
    # lengths, areas, volumes, weights, power
    "公里", "千米", "延米", "米", "平方公里", "平方米", "㎡", "亩", "公顷", "立方米", "方",
    "吨", "千克", "公斤", "千瓦时", "千瓦", "兆瓦",
    # money and shares
    "美元", "元", "个百分点", "百分点", "%", "％", "‰",
)
UNIT_ALIASES = {"％": "%"}

# Denominators of a rate written with a slash (5批次/千人, 200元/年).
PER_UNITS = UNITS + ("年", "月", "日", "天", "周", "季度", "学期", "村", "镇")

MULTIPLIERS = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3}

# A unit followed by these is part of another word (3个月, 二元酸, 5方面).
NOT_UNIT_BEFORE = {
    "个": ("月", "工作日", "小时", "季度"),
    "元": ("素", "化", "酸"),
    "场": ("所", "景"),
    "项": ("目",),
    "支": ("持", "付"),
    "座": ("谈",),
    "处": ("理", "置"),
    "名": ("单", "称"),
    "人": ("民",),
    "台": ("账",),
    "方": ("面", "案", "式", "向", "法"),
    "门": ("户", "槛"),
    "部": ("门", "署"),
    "头": ("部",),
    "本": ("年", "月", "次", "届", "期", "轮", "科", "地", "级", "市", "县", "区", "镇", "村", "单位", "部门", "辖区"),
}

# What follows a Chinese-numeral count inside a name: fixed phrases (中央八项规定,
# 三项制度) and place names (五台山路, 三家庄村).
NAME_HEADS = ("规定", "制度", "原则", "机制", "体系", "模式", "意识", "自信", "维护", "精神", "理念", "战略",
              "会议", "全会", "大会",
              "山", "寺", "庄", "营", "屯", "铺", "沟", "岭", "峰", "湾", "洲", "堡", "店")

# Chinese numerals that are almost never counts on their own: 一村一品, 一站式, 二元酸.
IDIOM_NUMERALS = ("一", "二")

COMPARATORS_BEFORE = {
    "不少于": ">=", "不低于": ">=", "至少": ">=", "超过": ">=", "突破": ">=", "多于": ">=", "高于": ">=",
    "不超过": "<=", "不高于": "<=", "不多于": "<=", "低于": "<=", "少于": "<=",
    "约": "~", "大约": "~",
}
# A cap unless the words after the number say otherwise (控制在5.5%左右 is ~).
WEAK_BEFORE = {"控制在": "<="}
# Adverbs that may stand a few words before the number (至少建成2所).
ADVERB_COMPARATORS = {"至少": ">=", "最少": ">=", "最多": "<="}
# What may stand between a comparator and its number: a rate (不低于每人每月80元).
_RATE_WORDS = LazyPattern(r"(?:每[人户年月日天次名亩]|人均|户均|年均|月均|平均)+")
COMPARATORS_AFTER = {
    "及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=", "之内": "<=",
    "左右": "~", "上下": "~",
}
# 200余项, 100多个: at least the number.
MORE_THAN = {"余": ">=", "多": ">="}

# 由8万元提高到16万元: the words between the two amounts of a change.
CHANGE_VERBS = ("提高到", "提高至", "提高为", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至",
                "增至", "上调到", "上调至", "调整为", "调整到", "调整至", "降低到", "降低至", "降至",
                "下降到", "下降至", "减少到", "减少至", "压减到", "压减至")
CHANGE_FROM = ("由", "从")

RANGE_SEPARATORS = ("-", "－", "—", "–", "~", "～", "至", "到")

# Words that open a clause without saying what is measured.
METRIC_FILLERS = ("确保", "力争", "争取", "实现", "其中", "累计", "共计", "全年", "当年")
METRIC_TAILS = ("达到", "达", "为", "至", "到", "共", "计", "由", "从")

# Quoted or titled text is a name: numbers inside it are not amounts.
_QUOTED = LazyPattern(r"“[^“”]{0,30}”|《[^《》]{0,40}》|\"[^\"\n]{0,30}\"|「[^「」]{0,30}」|‘[^‘’]{0,30}’")
_CLAUSE_BREAK = LazyPattern(r"[，,。；;：:！!？?、（）()“”\"|\t\n]")
_ENUMERATOR = LazyPattern(r"^\s*(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = rf"(?<![{CHINESE_NUMERAL_CHARS}])[{CHINESE_NUMERAL_START}][{CHINESE_NUMERAL_CHARS}]*(?![{CHINESE_NUMERAL_CHARS}])"
_GAP = r"[ \t\u3000]*"
_MULTIPLIER = _alternation(MULTIPLIERS)
# 百分之九十 is a percentage with no unit after it; 30余万元 puts 余 before the multiplier.
# (what a quantity may start with is looked at first: a lookbehind tried at every character costs more)
_QUANTITY = LazyPattern(
    rf"(?=[百\d{CHINESE_NUMERAL_START}])(?<![\d.A-Za-z+第])(?P<pct>百分之)?(?P<num>{_ARABIC}|{_CHINESE}){_GAP}(?P<mult>{_MULTIPLIER})?"
    rf"(?:{_GAP}(?:{_alternation(RANGE_SEPARATORS)}){_GAP}(?P<num2>{_ARABIC}|{_CHINESE}){_GAP}(?P<mult2>{_MULTIPLIER})?)?"
    rf"(?P<more>[余多])?(?P<mult3>{_MULTIPLIER})?(?(pct)|{_GAP}(?P<unit>{_alternation(UNITS)}))"
    rf"(?:{_GAP}/{_GAP}(?P<per>[千万百十]?(?:{_alternation(PER_UNITS)})))?"
    r"(?![A-Za-z])"
)
_PER_EACH = LazyPattern(r"每[\u4e00-\u9fff]{1,2}$")
_METRIC_END = LazyPattern(rf"[\d{CHINESE_NUMERAL_START}的]")
# A task states a handful of amounts (16 at most in the corpus); a cell of thousands (`3个3个…`) is
# broken, not a list of targets, and reading every one would cost seconds: the first are kept.
MAX_TARGETS = 100
# How far before and after a quantity its comparator words are looked for (不低于每人每月…).
_NEAR = 32
# A metric names what is counted in a few words, and 由/从 opens a change close to its verb:
# the clause around a quantity is read this far at most.
MAX_METRIC_CLAUSE = 60


class _Clauses:
    """The clause around any position of a text, from the clause breaks found once
    (slicing the text up to each quantity made extraction quadratic in its length)."""

    def __init__(self, text: str):
        self.text = text
        self._breaks: list[int] | None = None

    def breaks(self) -> list[int]:
        """Found when a quantity first asks: a text with none (`1，1，…`) needs no breaks.
        (Not a cached_property, whose lock cost more than finding them.)"""
        if self._breaks is None:
            self._breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]
        return self._breaks

    def before(self, position: int, limit: int = MAX_METRIC_CLAUSE) -> str:
        """The clause's text up to ``position`` (``_CLAUSE_BREAK.split(text[:position])[-1]``),
        its last ``limit`` characters at most."""
        breaks = self.breaks()
        k = bisect_left(breaks, position)
        return self.text[max(breaks[k - 1] + 1 if k else 0, position - limit):position]

    def after(self, position: int, limit: int = MAX_METRIC_CLAUSE) -> str:
        """The clause's text from ``position`` (``_CLAUSE_BREAK.split(text[position:])[0]``),
        its first ``limit`` characters at most."""
        breaks = self.breaks()
        k = bisect_left(breaks, position)
        return self.text[position:min(breaks[k] if k < len(breaks) else len(self.text), position + limit)]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _is_quoted(position: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a position falls inside one of the (sorted, disjoint) quoted spans."""
    k = bisect_left(quoted, (position + 1,)) - 1
    return k >= 0 and quoted[k][0] <= position < quoted[k][1]


def _value(number: str, multiplier: str | None) -> Decimal | None:
    value = to_decimal(number)
    if value is None:
        return None
    return value * MULTIPLIERS.get(multiplier or "", 1)


def _is_name_or_idiom(match: re.Match, text: str) -> bool:
    number, unit = match.group("num"), match.group("unit")
    if match.group("pct"):
        return False
    end = match.end()
    if text.startswith(NOT_UNIT_BEFORE.get(unit, ()), end):
        return True
    if number[0] == "0" and len(number) > 1 and "." not in number:
        return True  # 0537…: a code, not an amount
    if not number[0].isdigit():
        lone = number in IDIOM_NUMERALS and not match.group("num2")
        return lone or text.startswith(NAME_HEADS, end)
    return False


def _by_length(table: dict) -> list[tuple[str, str]]:
    return sorted(table.items(), key=lambda item: -len(item[0]))


# longest first, so that 不少于 is tried before 少于
_BEFORE_BY_LENGTH = _by_length(COMPARATORS_BEFORE)
_AFTER_BY_LENGTH = _by_length(COMPARATORS_AFTER)
_LEAD_WORDS = frozenset([*COMPARATORS_BEFORE, *WEAK_BEFORE])
_AFTER_WORDS = tuple(COMPARATORS_AFTER)
_WEAK_WORDS = tuple(WEAK_BEFORE)
_ADVERB = LazyPattern("|".join(ADVERB_COMPARATORS))
_LONGEST_LEAD_WORD = max(map(len, _LEAD_WORDS))
_LEAD_WORD_LAST_CHARACTERS = frozenset(word[-1] for word in _LEAD_WORDS)


def _lead_word_ending(text: str, words=_LEAD_WORDS) -> str | None:
    """The longest of the words the text ends with, found by looking its last characters up
    (a loop of endswith over every word cost more), once its last character may end one."""
    if text[-1:] not in _LEAD_WORD_LAST_CHARACTERS:
        return None
    for size in range(min(len(text), _LONGEST_LEAD_WORD), 0, -1):
        if text[-size:] in words:
            return text[-size:]
    return None


def _ends_with_rate_after(before: str, word: str) -> bool:
    """`不低于每人每月`: the comparator, then only a rate (one-character words such as 约 are
    too often part of another word: 节约每人…)."""
    at = before.rfind(word)
    return len(word) > 1 and at >= 0 and bool(_RATE_WORDS.fullmatch(before[at + len(word):]))


def _comparator(match: re.Match, text: str) -> str:
    before = text[max(0, match.start() - _NEAR):match.start()].rstrip(" \t\u3000")
    after = text[match.end():match.end() + _NEAR].lstrip(" \t\u3000")
    if _RATE_WORDS.fullmatch(before[-2:]):  # every rate word is two characters
        for word, sign in _BEFORE_BY_LENGTH:
            if before.endswith(word) or _ends_with_rate_after(before, word):
                return sign
    elif word := _lead_word_ending(before, COMPARATORS_BEFORE):
        return COMPARATORS_BEFORE[word]
    # (each group of words is looked for at once first: most quantities have none of them)
    if _ADVERB.search(before):
        clause = _CLAUSE_BREAK.split(before)[-1]
        for word, sign in ADVERB_COMPARATORS.items():
            at = clause.rfind(word)
            if at >= 0 and len(clause) - at - len(word) <= 4:
                return sign
    if after.startswith(_AFTER_WORDS):
        return next(sign for word, sign in _AFTER_BY_LENGTH if after.startswith(word))
    if match.group("more"):
        return MORE_THAN[match.group("more")]
    if before.endswith(_WEAK_WORDS):
        return next(sign for word, sign in WEAK_BEFORE.items() if before.endswith(word))
    return "="


def _metric(clauses: _Clauses, start: int, end: int) -> str | None:
    """What the quantity measures: the clause words before it (新增学位3800个 →
    新增学位), joined to the words after it when only a verb precedes
    (完成65个行政村生活污水治理 → 完成行政村生活污水治理)."""
    before = clauses.before(start)
    enumerated = _ENUMERATOR.match(before)
    before = (before[enumerated.end():] if enumerated else before).rstrip(" \t\u3000")
    word = _lead_word_ending(before)
    if word:
        before = before[:-len(word)]
    date = leading_date(before, 2000)  # any year: only where the date ends matters
    if date:
        before = before[before.find(date.text) + len(date.text):]
    if before.startswith(METRIC_FILLERS):  # (one test first: most clauses open with none)
        for word in METRIC_FILLERS:
            before = before.removeprefix(word)
    if before.endswith(METRIC_TAILS):
        for word in METRIC_TAILS:
            before = before.removesuffix(word)
    before = before.strip()
    if len(before) > 2:
        return before
    after = clauses.after(end)
    if after.startswith(_AFTER_WORDS):
        for word in COMPARATORS_AFTER:
            after = after.removeprefix(word)
    metric_end = _METRIC_END.search(after)
    after = (after[:metric_end.start()] if metric_end else after).strip()
    return (before + after) or None


def _target(match: re.Match, clauses: _Clauses, printed: str) -> Target | None:
    """The target a quantity found in the digit-folded text states; ``printed`` is its text as printed."""
    text = clauses.text
    if _is_name_or_idiom(match, text):
        return None
    multiplier = match.group("mult") or match.group("mult2") or match.group("mult3")
    value = _value(match.group("num"), multiplier)
    if value is None:
        return None
    value_max = None
    if match.group("num2"):
        value_max = _value(match.group("num2"), match.group("mult2") or match.group("mult3"))
        if value_max is None or value_max <= value:
            return None
    unit = "%" if match.group("pct") else UNIT_ALIASES.get(match.group("unit"), match.group("unit"))
    kind = "percent" if unit in ("%", "‰") else "amount"
    if match.group("per"):
        unit = f"{unit}/{match.group('per')}"
        kind = "rate"
    elif "每" in (lead := text[max(0, match.start() - 3):match.start()]) and _PER_EACH.search(lead):
        kind = "rate"  # 每人2元
    return Target(
        text=printed,
        value=as_number(value),
        unit=unit,
        comparator=_comparator(match, text),
        value_max=None if value_max is None else as_number(value_max),
        metric=_metric(clauses, match.start(), match.end()),
        kind=kind,
    )


def _joined(first: tuple[re.Match, Target], second: tuple[re.Match, Target], clauses: _Clauses, text: str) -> Target | None:
    """Two amounts read as one: a change (由8万元提高到16万元) or a range
    written with the unit twice (400名至500名). ``clauses`` are of the digit-folded text, ``text`` as printed."""
    (match, target), (following, new) = first, second
    if new.unit != target.unit:
        return None
    between = text[match.end():following.start()].strip()
    span = text[match.start():following.end()]
    clause = clauses.before(match.start())
    if between in CHANGE_VERBS and any(word in clause for word in CHANGE_FROM):  # 从每人每年600元提高到800元
        return replace(new, text=span, kind="change", value_from=target.value, metric=target.metric)
    if between in RANGE_SEPARATORS and target.value_max is None and new.value_max is None and new.value > target.value:
        comparator = new.comparator if new.comparator != "=" else target.comparator
        return replace(target, text=span, value_max=new.value, comparator=comparator)
    return None


def _merge_pairs(found: list[tuple[re.Match, Target]], clauses: _Clauses, text: str) -> list[Target]:
    if len(found) < 2:
        return [target for _, target in found]
    targets: list[Target] = []
    i = 0
    while i < len(found):
        joined = _joined(found[i], found[i + 1], clauses, text) if i + 1 < len(found) else None
        targets.append(joined or found[i][1])
        i += 2 if joined else 1
    return targets


def extract_targets(text: str) -> list[Target]:
    """Every quantity in text that states an amount to deliver, the first MAX_TARGETS at most."""
    text = text or ""
    folded = fold_digits(text)
    quoted = _quoted_spans(folded)
    clauses = _Clauses(folded)
    found = []
    for match in _QUANTITY.finditer(folded):
        if _is_quoted(match.start(), quoted):
            continue
        target = _target(match, clauses, text[match.start():match.end()])
        if target:
            found.append((match, target))
            if len(found) == 2 * MAX_TARGETS:  # as many as the first MAX_TARGETS, joined in pairs, may take
                break
    return _merge_pairs(found, clauses, text)[:MAX_TARGETS]
