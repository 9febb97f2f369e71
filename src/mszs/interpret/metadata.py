"""Notice metadata: 发文字号, issuer, title, 成文日期, plan year, region, 主送, 抄送, 附件."""
from __future__ import annotations

import re

from mszs.normalise.text import clean_text, fold_digits, squash
from mszs.normalise.units import CARRIED_PREFIXES, split_list
from mszs.output import NoticeInfo
from mszs.patterns import LazyPattern
from mszs.vocabulary import ORG_SUFFIXES

# How far into the paragraphs the front matter (doc number, issuer, title, recipients) may lie.
FRONT_MATTER_PARAGRAPHS = 25

_OPEN = "〔[【(（〈［﹝"
_CLOSE = "〕]】)）〉］﹞"
DOC_NUMBER = LazyPattern(
    rf"([\u4e00-\u9fa5]{{1,12}}?)\s*[{re.escape(_OPEN)}]\s*((?:19|20)\d\d)\s*[{re.escape(_CLOSE)}]\s*(\d{{0,4}})\s*号"
)
# Words a title ends with: the genre of the document first, then what a
# 印发 notice issues (…实施方案的通知 ends at 通知, not at 方案).
TITLE_GENRES = ("通知", "意见", "决定", "通报", "公告", "通告", "公示", "批复", "报告", "函", "纪要")
TITLE_ENDINGS = TITLE_GENRES + ("方案", "办法", "规定", "安排", "计划", "清单", "分工", "要点", "细则")
# What a title without 关于 may also end with: a report's or a table's name (`…民生实事进展情况`, `…进度表`,
# `2021年上海市为民办实事项目`), perhaps before a note (`（截至9月底）`, `（三季度）`).
REPORT_TITLE_ENDINGS = ("情况", "进度表", "情况表", "计划表", "一览表", "实事项目", "实事")
_TITLE_NOTE = LazyPattern(r"[（(][^（）()]{1,12}[)）]$")
ISSUER_SUFFIXES = (
    "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "管理委员会", "管委会",
    "办公室", "委员会", "政府",
    "主席团",  # a 人大 session's 主席团 signs the 公告 of the vote on the projects
    "民生办",
)
# The second line of a congress's signature (`第二次会议主席团`), its first naming the congress.
_SESSION_PART = LazyPattern(r"^第[一二三四五六七八九十\d]{1,3}次(?:会议|全体会议)")
_CONGRESS = LazyPattern(r"[省市县区州旗]第[一二三四五六七八九十\d]{1,3}届人民代表大会$")
_HAN = LazyPattern(r"[\u4e00-\u9fa5]")
_ISSUER = LazyPattern(
    rf"^([\u4e00-\u9fa5（）()]{{2,30}}?(?:{'|'.join(ISSUER_SUFFIXES)}))(?:文件)?$"
)
# What a place's name may open with, up to its suffix: Han characters, a dozen at most.
_PLACE_OPENING = LazyPattern(r"[\u4e00-\u9fa5]{1,12}")
# Words that name the governed area inside an issuer, longest first.
REGION_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区", "高新区", "新区", "自治县", "县", "区", "市", "旗", "镇", "乡",
                   "自治州", "省")
# A character right before 县/区/市 that makes the word a reference, not a place's name
# (全县, 涉我区, 本市, 各区, 市县, 年度省政府).
NOT_PLACE_MARKS = "全我本该各省市县区度"
# Words no place name holds: a stem with one is a phrase running into the suffix (`重点工作及市`).
NOT_PLACE_WORDS = ("及", "的", "工作", "重点", "项目", "实事", "民生", "任务", "目标", "报告", "政府", "年度", "委", "已经")
# How far from the end an undated signature may lie: below it only a page's footer.
UNDATED_SIGNATURE_LINES = 2
# The Party's name before a joint issuer's place (`中共南溪县委南溪县人民政府`).
PARTY_PREFIXES = ("中国共产党", "中共")
# Words a title opens with after 关于, before the place or year it names (关于印发某某县…, 关于对县…).
TITLE_VERBS = ("进一步", "印发", "转发", "下达", "公布", "做好", "办好", "抓好", "实施", "推进", "落实",
               "开展", "确定", "调整", "分解", "加快", "加强", "对")
# Inside a title nothing marks where a place's name begins, so a longer name is a phrase
# running into the suffix (`扎实推进溪口县`); county and district names are short.
TITLE_PLACE_STEM = 5
# Zero is also typed as a letter O in year numerals (`二OO八年`).
_ZEROS = "〇○零OＯ"
_DIGIT = f"0-9０-９{_ZEROS}一二三四五六七八九十"
# A date alone on its line; under the heading it may be printed in parentheses (`（二〇〇九年三月二日）`).
_DATE = LazyPattern(rf"^[(（]?\s*([{_DIGIT}]{{4}})\s*年\s*([{_DIGIT}]{{1,3}})\s*月\s*([{_DIGIT}]{{0,3}})\s*日\s*[)）]?$")
_ISO_DATE = LazyPattern(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# Metadata box names as government sites print them, with the field each fills.
BOX_FIELDS = {
    "发布机构": "issuer", "发文机关": "issuer", "发文单位": "issuer", "发布单位": "issuer",
    "成文日期": "issue_date", "发文日期": "issue_date",
    "发文字号": "doc_number", "文号": "doc_number",
}
# A label may be spread out to the width of the box (`文       号`), and followed by a
# colon, a cell border or both (`成文日期: | 2018-02-08 |`).
_SPREAD_LABELS = "|".join("[ \u3000]*".join(label) for label in BOX_FIELDS)
_BOX_LINE = LazyPattern(rf"({_SPREAD_LABELS})\s*[:：]?\s*[|｜]?\s*([^\s|｜]+)")
# A web page's tag before a title (`【民生实事项目】`).
_WEB_TAG = LazyPattern(r"^【[^】]*】")
# 主送机关: one line ending in a colon and holding no other, so not a page's `来源:… 分享到:`.
_RECIPIENTS = LazyPattern(r"^[^。；;:：]{2,200}[:：]$")
# What a name in a collective recipient opens with (`各乡镇`, `有关单位`).
# A speech's greeting addresses people, not organisations (`各位代表：`).
GREETING_PREFIXES = ("各位",)
# Words that say a sentence is about the projects, so a year in it is their plan year.
PLAN_WORDS = ("实事", "民生", "惠民")
# A place right before a body that governs it: its government, people's congress or Party committee.
# Words a news sentence puts before the place it names (`记者从宜城市获悉`, `随着马关县…`, `欢迎访问吴兴区…`).
_LEADING_FILLER = LazyPattern(r"^(?:.*(?:今年|去年|明年|近日|日前|目前|随着|访问|记者|获悉))?(?:年|在|从|据|经|对|由|是|的|和|与)*")
_GOVERNED_PLACE = LazyPattern(r"(?:^|(?<=[^\u4e00-\u9fa5])|(?<=[的在从据经对由是]))"
                             r"(?=([\u4e00-\u9fa5]{2,8}?(?:县|区|市|旗|镇|乡|省|自治州))"
                             r"(?:人民政府|政府|人大|第[一二三四五六七八九十\d]{1,3}届|委员会|党委))")
_CC = LazyPattern(r"^\s*抄\s*送\s*[:：]\s*(.*)$")
_ATTACHMENT = LazyPattern(r"^\s*附\s*件\s*[:：]\s*(.*)$")
_ATTACHMENT_ITEM = LazyPattern(r"^\s*(\d{1,2})\s*[.．、]\s*(.+)$")


def read_metadata(paragraphs: list[str], box: dict[str, str] | None = None) -> NoticeInfo:
    """Metadata from the paragraphs in reading order and a reader's metadata box."""
    front = paragraphs[:FRONT_MATTER_PARAGRAPHS]
    fields = _box_fields(front, box or {})
    doc_number = fields.get("doc_number") or _doc_number(front)
    title, title_line = _title(front)
    heading = title or _heading(front)
    issuer = _with_signed_place(fields.get("issuer") or _issuer(front, title_line), _signer(paragraphs))
    issue_date = _iso_date(fields["issue_date"]) if fields.get("issue_date") else _signature_date(paragraphs)
    return NoticeInfo(
        doc_number=_normal_doc_number(doc_number) if doc_number else None,
        issuer=issuer,
        title=title,
        issue_date=issue_date,
        year=_plan_year(heading, doc_number, _stated_year(front), issue_date) or _year_named_most(front),
        region=_region(issuer, heading) or _place_governing(front),
        recipients=_recipients(front),
        cc=_cc(paragraphs),
        attachments=_attachments(paragraphs),
    )


def _box_fields(front: list[str], box: dict[str, str]) -> dict[str, str]:
    """Fields of the metadata box a government site prints above a notice, from the
    reader's box or from box lines in the text (`文       号 : 某政发〔2024〕1号`).
    A value that does not read as its field (`文号: 无`) is ignored."""
    pairs = [(squash(k), v) for k, v in box.items()]
    for text in front:
        pairs.extend((squash(name), value) for name, value in _BOX_LINE.findall(text))
    fields: dict[str, str] = {}
    for name, value in pairs:
        field = BOX_FIELDS.get(name)
        value = value.strip()
        if field and field not in fields and _BOX_VALID[field](value):
            fields[field] = value
    return fields


_BOX_VALID = {
    "issuer": lambda v: bool(_ISSUER.match(v)),
    "issue_date": lambda v: _iso_date(v) is not None,
    "doc_number": lambda v: bool(DOC_NUMBER.search(fold_digits(v))),
}


def _doc_number(front: list[str]) -> str | None:
    for text in map(fold_digits, front):
        match = DOC_NUMBER.search(text)
        if match and "《" not in text[:match.start()]:
            return match.group(0)
    return None


def _normal_doc_number(text: str) -> str:
    match = DOC_NUMBER.search(fold_digits(text))
    if not match:
        return squash(text)
    prefix, year, number = match.groups()
    return f"{prefix}〔{year}〕{number}号"


def _title(front: list[str]) -> tuple[str | None, int | None]:
    """From 关于 to the closing word, joining a title broken over paragraphs; and the
    paragraph the 关于 is on."""
    for k, text in enumerate(front):
        compact = squash(text)
        start = compact.find("关于")
        if start < 0 or "《" in compact[:start] or re.search(r"[，,。；;]", compact[:start]):
            continue
        title = compact[start:]
        for following in front[k + 1:k + 4]:
            if title.endswith(TITLE_ENDINGS) or (title.endswith(REPORT_TITLE_ENDINGS)
                                                 and not squash(following).endswith(TITLE_ENDINGS)):
                break
            title += squash(following)
        title = _cut_after_ending(title)
        if title:
            return title, k
    return _title_without_guanyu(front), None


def _title_without_guanyu(front: list[str]) -> str | None:
    """A title such as `2024年某某县民生实事项目实施方案` or `2023年区政府民生实事进展情况(截至9月底)`:
    a short line ending with a title word, perhaps before a note in brackets."""
    for text in front:
        compact = squash(text).rstrip("|")  # a heading row of a table flattened to text
        words = _TITLE_NOTE.sub("", compact)
        if (8 <= len(compact) <= 60 and words.endswith(TITLE_ENDINGS + REPORT_TITLE_ENDINGS)
                and not re.search(r"[，,。；;：:>|]", compact) and re.search(r"\d{4}年|民生|实事", compact)):
            return DOC_NUMBER.sub("", compact)
    return None


def _cut_after_ending(title: str) -> str | None:
    """The title up to its closing word; a title holds no sentence punctuation, so
    text after the first comma or full stop is the paragraph running on."""
    title = re.split(r"[，,。；;！!]", title, maxsplit=1)[0]
    # A closing word inside 《…》 belongs to the document the title names.
    searchable = re.sub(r"《[^《》]*》", lambda m: "《" + "\0" * (len(m.group(0)) - 2) + "》", title)
    genre_ends = _ends_of(TITLE_GENRES, searchable)
    if genre_ends:
        # `…的通知` closes a title; a genre word without 的 may be part of it (进行公示的通知).
        closing = [end for end in genre_ends if searchable[:end].endswith(_AFTER_DE)]
        return title[:(closing or genre_ends)[0]]
    ending_ends = _ends_of(TITLE_ENDINGS, searchable)
    if ending_ends:
        return title[:ending_ends[-1]]
    return title if title.endswith(REPORT_TITLE_ENDINGS) else None  # `关于2020年…实事项目完成情况`


_AFTER_DE = tuple("的" + word for word in TITLE_GENRES)


def _ends_of(words: tuple[str, ...], text: str) -> list[int]:
    return sorted(m.end() for word in words for m in re.finditer(re.escape(word), text))


def _issuer(front: list[str], title_line: int | None) -> str | None:
    """The first line that is only an issuer's name, or the name before 关于 on the title's
    line (`【民生实事】青禾市人民政府关于…`, `县人民政府办公室关于` with the title going on below)."""
    for k, text in enumerate(front):
        compact = squash(text)
        if k == title_line:
            compact = DOC_NUMBER.sub("", _WEB_TAG.sub("", compact[:compact.find("关于")]))
        match = _ISSUER.match(compact)
        if match:
            return match.group(1)
    return None


def _signer(paragraphs: list[str]) -> str | None:
    """The issuer's name signed on the line above the 成文日期, or, undated, among the last
    lines (`六安市民生办` above a page's `扫一扫在手机打开当前页`)."""
    lines = [text for text in paragraphs if text.strip()]
    for k, (above, text) in enumerate(zip(lines, lines[1:])):
        match = _DATE.match(text.strip()) and _ISSUER.match(squash(above))
        if match:
            return _with_congress(match.group(1), lines[k - 1] if k else "")
    last = len(lines) - UNDATED_SIGNATURE_LINES
    for k, text in reversed(list(enumerate(lines[last:], max(last, 0)))):
        match = _ISSUER.match(squash(text))
        if match:
            return _with_congress(match.group(1), lines[k - 1] if k else "")
    return None


def _with_congress(signer: str, above: str) -> str:
    """`第二次会议主席团` under `沅江市第十八届人民代表大会`: a congress's presidium signs on two lines."""
    above = squash(above)
    congress = _CONGRESS.search(above) if _SESSION_PART.match(signer) else None
    if not congress:
        return signer
    # The place's name starts where the line does or after what is no Han character; on a line
    # a web page ran into it (`…登陆网址荆州区第七届…`), at its shortest.
    end = congress.start() + 1
    starts = [start for start in range(end - 2, max(end - 7, -1), -1)
              if start == 0 or not _HAN.match(above[start - 1])]
    return above[starts[0] if starts else end - 3:end] + congress.group(0)[1:] + signer


def _with_signed_place(issuer: str | None, signer: str | None) -> str | None:
    """An issuer printed without its place (`区人民政府办公室`) is named in full by the signature
    (`云溪区人民政府办公室`); with no issuer in the front matter the signature names it."""
    if signer and (issuer is None or signer.endswith(issuer)):
        return signer
    return issuer


def _iso_date(text: str) -> str | None:
    match = _ISO_DATE.search(fold_digits(text))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _signature_date(paragraphs: list[str]) -> str | None:
    """The first paragraph that is only a date (the 成文日期 under the signature or the heading).

    A date whose day is left blank (`2021年3月 日`) gives None."""
    for text in paragraphs:
        match = _DATE.match(text.strip().strip("|｜").strip())  # `2022年12月21日 |` in a pasted table's cell
        if not match:
            continue
        year, month, day = (_date_number(g) for g in match.groups())
        if not (year and month and day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _date_number(token: str) -> int | None:
    token = fold_digits(token.strip())
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if len(token) == 4:  # 二〇二一: digit by digit
        digits = "〇一二三四五六七八九"
        token = re.sub(f"[{_ZEROS}]", "〇", token)
        if all(ch in digits for ch in token):
            return int("".join(str(digits.index(ch)) for ch in token))
    from mszs.normalise.numbers import parse_number

    value = parse_number(token)
    return int(value) if value else None


def _heading(front: list[str]) -> str | None:
    """A page without a 关于 title is headed by a line naming its year, or a table's caption:
    short, with no sentence punctuation, not a date (`县文旅局2022年为民办实事`,
    `2022年度溪口县民生实事项目进度表`); a caption spanning a pipe table keeps its empty cells."""
    for text in front:
        compact = fold_digits(squash(text)).strip("|｜")
        if (6 <= len(compact) <= 60 and _HEADING_YEAR.search(compact)
                and not re.search(r"[，,。；;：:|｜]", compact) and not _ENUMERATOR.match(compact)):
            return compact
    return None


_HEADING_YEAR = LazyPattern(r"(?:19|20)\d\d年(?!\d{1,2}月)")
_ENUMERATOR = LazyPattern(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])")


def _plan_year(heading: str | None, doc_number: str | None, stated: int | None,
               issue_date: str | None) -> int | None:
    """The year the projects are for: named by the title or caption, the doc number, or the
    body; the 成文日期 (a box's may be years later than the plan) only when none names it."""
    for text in (heading or "", doc_number or ""):
        match = re.search(r"((?:19|20)\d\d)\s*(?:年|[〕\]】)）〉］﹞])", fold_digits(text))
        if match:
            return int(match.group(1))
    if stated:
        return stated
    return int(issue_date[:4]) if issue_date else None


def _stated_year(front: list[str]) -> int | None:
    """A year the body states for the projects: in the first sentence that names both
    (`为扎实推进我市2021年33项民生工程…`, `2018年，区政府将为民办好十件实事：`)."""
    for text in front:
        for sentence in re.split(r"[。；;！!？?]", fold_digits(squash(text))):
            match = _HEADING_YEAR.search(sentence)
            if match and any(word in sentence for word in PLAN_WORDS):
                return int(match.group(0)[:4])
    return None


def _year_named_most(front: list[str]) -> int | None:
    """A page that dates nothing else: the year its text names most often, the first named of
    equals (`截止2019年12月31日，…“十件实事”…全面完成`, `…该办2014年重中之重的标杆工作`)."""
    counts: dict[int, int] = {}
    for text in front:
        for match in _HEADING_YEAR.finditer(fold_digits(squash(text))):
            year = int(match.group(0)[:4])
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None  # dicts keep the first named first


def _region(issuer: str | None, heading: str | None) -> str | None:
    """The governed area: the issuer without its office words (`汶上县人民政府办公室` → `汶上县`),
    else a place the title or heading names (`关于印发2021年金乡县政府…` → `金乡县`)."""
    return (issuer and _place_at(issuer)) or (heading and _place_in_heading(heading)) or None


def _place_governing(front: list[str]) -> str | None:
    """A news page names its place only in the body: before the body that governs it
    (`河津市政府承诺的这6件民生实事`, `甘谷县第十七届人民代表大会`, `官垱镇人大代表`)."""
    for text in front:
        for match in _GOVERNED_PLACE.finditer(squash(text)):
            named = _LEADING_FILLER.sub("", match.group(1))
            place = _place_at(named)
            if place:  # the body governs the last area named (`连州市三水瑶族乡第九届人民代表大会`)
                return (named.startswith(place) and _place_at(named[len(place):])) or place
    return None


def _place_in_heading(heading: str) -> str | None:
    """A place where the heading's words begin: after 关于 and its verbs, or after a year."""
    body = re.sub(rf"^关于(?:{'|'.join(TITLE_VERBS)})*", "", heading)
    starts = [0, *(m.end() for m in re.finditer(r"(?:19|20)\d\d年度?", body))]
    places = (_place_at(body[start:], TITLE_PLACE_STEM) for start in starts)
    return next((place for place in places if place), None)


def _place_at(text: str, longest_stem: int = 12) -> str | None:
    """The place `text` opens with (`汶上县人民政府` → `汶上县`), the innermost when it names
    several (`某某市某某区人民政府` → `某某区`); none for a reference such as 全县 or 我区."""
    text = _without_party_prefix(text)
    opening = _PLACE_OPENING.match(text)
    if not opening:
        return None
    for suffix in REGION_SUFFIXES:
        # The suffix after the fewest characters of the opening (a place's name is short).
        start = text.find(suffix, 1, opening.end() + len(suffix))
        if start < 0:
            continue
        area = _innermost_area(text[:start + len(suffix)])
        stem = area[:-len(suffix)]
        if (stem and stem[-1] not in NOT_PLACE_MARKS and len(stem) <= longest_stem
                and not any(word in stem for word in NOT_PLACE_WORDS)):
            return area
    return None


def _without_party_prefix(text: str) -> str:
    for prefix in PARTY_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _innermost_area(area: str) -> str:
    """`某某市某某区` → `某某区`, `浮梁县臧湾乡` → `臧湾乡`: the last of the nested areas a name runs through."""
    match = re.match(r"^(?:.{2,7}?省)?(?:.{2,7}?[市州盟])?(?:.{2,9}?(?:县|区|旗|市))?(.{2,9}?(?:县|区|旗|镇|乡|街道))$", area)
    return match.group(1) if match else area


def _recipients(front: list[str]) -> list[str]:
    for text in front:
        compact = text.strip()
        if _RECIPIENTS.match(compact) and "关于" not in compact:
            names = split_list(compact.rstrip(":："))
            if names and all(map(_names_organisations, names)):
                return names
    return []


def _names_organisations(name: str) -> bool:
    """`县政府各部门`, `各乡镇（街道）`: not `访问次数`, `现将有关事项通知如下` or `各位代表`."""
    if name.startswith(GREETING_PREFIXES):
        return False
    bare = re.sub(r"（[^（）]*）$", "", name)
    return name.startswith(CARRIED_PREFIXES) or bare.endswith(ORG_SUFFIXES)


def _cc(paragraphs: list[str]) -> list[str]:
    value, following = _labelled(paragraphs, _CC, 3)
    if value is None:
        return []
    for line in following:  # a list ending in a comma goes on in the next paragraph
        if not value.rstrip().endswith(("，", ",", "、")):
            break
        value += line
    return split_list(clean_text(value).rstrip("。."))


def _attachments(paragraphs: list[str]) -> list[str]:
    first, following = _labelled(paragraphs, _ATTACHMENT, 9)
    if first is None:
        return []
    items = [first.strip()]
    if _ATTACHMENT_ITEM.match(items[0]):  # `附件：1.…` numbers the attachments that follow it
        for line in following:
            if not _ATTACHMENT_ITEM.match(line):
                break
            items.append(line)
    titles = [clean_text(_ATTACHMENT_ITEM.sub(r"\2", item)) for item in items]
    return [t for t in titles if t]


def _labelled(paragraphs: list[str], label: re.Pattern, lookahead: int) -> tuple[str | None, list[str]]:
    """The value of the first paragraph that starts with ``label`` and the paragraphs after it."""
    for k, text in enumerate(paragraphs):
        match = label.match(text)
        if match:
            return match.group(1), paragraphs[k + 1:k + 1 + lookahead]
    return None, []
