"""Responsible units (责任单位 / 协办单位 …) and people (责任领导 …)."""
from __future__ import annotations

import functools
import re

from mszs.patterns import LazyPattern
from mszs.vocabulary import ORG_SUFFIXES

# Bare township-level nouns that inherit a 各/有关/相关 prefix from the unit before them.
TOWNSHIP_NOUNS = ("乡镇", "乡", "镇", "街道", "镇街", "社区", "村", "村居")
CARRIED_PREFIXES = ("各", "有关", "相关")
# Nouns that name no organisation alone: after 、 they close the list before them. Not 单位 or
# 部门: `县直有关部门、单位` addresses two groups.
CLOSING_NOUNS = ("政府", "人民政府", "党委", "中心", "办事处")
# Titles printed beside a leader's name, longest first.
TITLES = tuple(sorted((
    "县委常委", "区委常委", "市委常委", "常务副县长", "常务副区长", "常务副市长", "副县长", "县长", "副区长", "区长",
    "副市长", "市长", "县委书记", "区委书记", "副书记", "书记", "常委", "副主任", "主任", "副局长", "局长",
    "副部长", "部长", "副主席", "主席", "同志", "县领导", "区领导",
), key=len, reverse=True))
SEPARATORS = "、，,；;"
# `县住建局（牵头）`: a mark naming the lead inside a plain list of units.
LEAD_MARKS = ("牵头", "牵头单位", "总牵头", "负总责", "主责")
_LEAD_MARK = LazyPattern(rf"（(?:{'|'.join(LEAD_MARKS)})）$")
# `（列第一位者为牵头单位，下同）`: a note inside a list of units, not part of a name; when it
# says the first unit listed leads, it holds for every list of the notice.
_UNIT_NOTE = LazyPattern(r"（[^（）]*(?:下同|第一位|首位)[^（）]*）")
_FIRST_LEADS = LazyPattern(r"(?:列|排)在?(?:第一位|首位).{0,8}(?:牵头|主办|主责)")
# The shortest item of a collective list that is not a name itself: `东湖、西岭管理区`.
MAX_SHARED_ITEM = 4
# No unit's name is longer: a fragment this long takes no more pieces (which keeps joining linear).
MAX_NAME_LENGTH = 60
_FINAL_NOTE = LazyPattern(r"[（(][^（）()]*[)）]$")
_SHARED_ITEM = LazyPattern(rf"[\u4e00-\u9fff]{{2,{MAX_SHARED_ITEM}}}")
_UP_TO_PREFIX = LazyPattern(rf"^.*?({'|'.join(CARRIED_PREFIXES)})")
# `省财政厅主办，省国税局、地税局协办`, `由县民政局负责`, `县教育局牵头，县财政局配合`: units whose
# role is said by the verb after them, not by a label.
LEAD_VERBS = ("负总责", "总负责", "牵头", "主办", "主责", "负责")
STRONG_LEAD_VERBS = ("负总责", "总负责", "牵头", "主办", "主责")
CO_VERBS = ("协办", "配合", "参与", "协助", "协同")
_VERB_PART = LazyPattern(rf"^由?(.+?)(?:按职责分工|按照职责|按职责|分别|共同)?({'|'.join(LEAD_VERBS + CO_VERBS)})"
                        rf"(?:实施|落实|推进)?(?:的?(?:工作|事项|任务|项目))?$")
_VERB_AT_END = LazyPattern(rf"(?:{'|'.join(LEAD_VERBS + CO_VERBS)})(?:实施|落实|推进)?(?:的?(?:工作|事项|任务|项目))?[\s。；;，,]*$")
# Suffixes only offices have; places (区, 镇, 村) end like organisations too.
OFFICE_SUFFIXES = ("局", "委", "办", "院", "中心", "部", "公司", "集团", "政府", "指挥部", "办公室", "管委会", "厅",
                   "处", "队", "站", "所", "会", "联", "社", "专班", "科", "室")
MAX_UNIT_NAME = 25
_PARENTHESISED = LazyPattern(r"（[^（）]*）")
_FINAL_PARENTHESISED = LazyPattern(r"（[^（）]*）$")
_PAREN_MAP = str.maketrans({"(": "（", ")": "）"})
# `…、河南银保监局等相关部门`: the others alike, no unit of their own.
_OTHERS_ALIKE = LazyPattern(r"等(?:(?:相关|有关|其他|其它)?(?:部门|单位))?$")
_TRAILING_MARKS = "、，,；;。.：:"


def _without_trailing_marks(text: str) -> str:
    """The text without the marks and spaces it ends with (`县教育局、` → `县教育局`), read from its end:
    a pattern anchored at the end is tried from every character (ten times slower on a name)."""
    end = len(text)
    while end and (text[end - 1] in _TRAILING_MARKS or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def _full_width_parens(text: str) -> str:
    """`(` and `)` as `（` and `）`; most texts have none, told faster than str.translate reads them."""
    return text.translate(_PAREN_MAP) if "(" in text or ")" in text else text


def split_units(text: str | None) -> list[str]:
    """One string per organisation, per the contract's unit rules."""
    return list(_split_units(text)) if text else []


@functools.lru_cache(maxsize=4096)  # a notice names the same units row after row
def _split_units(text: str) -> tuple[str, ...]:
    text = _full_width_parens(text)
    pieces = _split_outside_parens(_UNIT_NOTE.sub("", text) if "（" in text else text)
    names = []
    for piece in _join_collective_lists(pieces):
        name = _tidy(piece)
        if name:
            names.append(name)
    return tuple(_carry_prefixes(names))


def lead_and_co_units(lead: str | None, plain: str | None, co: str | None,
                      first_leads: bool = False) -> tuple[list[str], list[str]]:
    """Lead and co-units from the texts of a task's 牵头 (lead), plain 责任 and 配合 (co) units.

    Plain units are the leads, unless a lead is named beside them, by its own
    column or label or by a `（牵头）` mark inside the list: then they are co-units.
    With ``first_leads`` (the notice says the unit listed first leads), the first
    plain unit is the lead when none is named."""
    by_verb = units_by_verb(plain)
    if by_verb:
        lead, plain, co = "、".join(filter(None, (lead, by_verb[0]))), None, "、".join(filter(None, (co, by_verb[1])))
    leads, plains, cos = split_units(lead), split_units(plain), split_units(co)
    named = leads + plains
    if any(_LEAD_MARK.search(u) for u in named):
        leads = [_LEAD_MARK.sub("", u) for u in named if _LEAD_MARK.search(u)]
        plains = [u for u in named if not _LEAD_MARK.search(u)]
    if not leads and first_leads:
        leads, plains = plains[:1], plains[1:]
    if leads:
        return leads, plains + [u for u in cos if u not in plains]
    return plains, cos


def units_by_verb(text: str | None) -> tuple[str, str] | None:
    """The lead and co-units of a clause whose every part ends in the verb saying its role
    (`省财政厅主办，省国税局、地税局协办` → `省财政厅`, `省国税局、地税局`); None when a part does not."""
    if not text or not _VERB_AT_END.search(text):
        return None  # the common case, told without splitting
    parts = [part.strip() for part in re.split(r"[，,；;]", text) if part.strip()]
    roles = []
    for part in parts:
        match = _VERB_PART.match(part)
        units = match.group(1).rstrip("、").removesuffix("等") if match else ""  # `省科技厅、省发改委等负责`
        if not units.endswith(ORG_SUFFIXES):
            return None
        roles.append((units, match.group(2)))
    # Beside a unit that leads (`省发展改革委牵头`), those plainly responsible work with it.
    leading = LEAD_VERBS if not any(verb in STRONG_LEAD_VERBS for _, verb in roles) else STRONG_LEAD_VERBS
    lead = [units for units, verb in roles if verb in leading]
    co = [units for units, verb in roles if verb not in leading]
    return ("、".join(lead), "、".join(co)) if parts else None


@functools.lru_cache(maxsize=4096)
def is_unit_list(text: str | None) -> bool:
    """Whether a text is nothing but names of organisations (`区人社局、区财政局`), at least one of
    them plainly an office (`局`, `中心`…) or all of a kind (`各开发区`), not only places such
    as `东城区`."""
    if not text or not _without_trailing_marks(text).endswith(ORG_SUFFIXES + ("等",)):
        return False  # the common case, told without splitting
    pieces = [_tidy(piece) for piece in _join_collective_lists(_split_outside_parens(_full_width_parens(text)))]
    if not pieces or not all(pieces) or any(len(piece) > MAX_UNIT_NAME for piece in pieces):
        return False
    # `各开发区`, `有关乡镇`: every one of a kind is an organisation, as an office is
    return all(p.endswith(ORG_SUFFIXES) for p in pieces) and any(
        p.endswith(OFFICE_SUFFIXES) or p.startswith(CARRIED_PREFIXES) for p in pieces)


def says_first_leads(text: str | None) -> bool:
    """Whether a note in a list of units says the unit listed first leads (`列第一位者为牵头单位`)."""
    return bool(text) and any(_FIRST_LEADS.search(note) for note in _UNIT_NOTE.findall(_full_width_parens(text)))


def split_list(text: str | None) -> list[str]:
    """A plain list (主送机关, 抄送机关): split at separators outside parentheses, no carry-over."""
    if not text:
        return []
    pieces = _split_outside_parens(_full_width_parens(text), split_on_space=False)
    return [name for name in (_tidy(p) for p in _join_collective_lists(pieces)) if name]


def split_people(text: str | None) -> list[str]:
    """Names of leaders: split at 、，, and spaces; spaces inside one name (`任  伟`) removed;
    titles around a name (`副县长张三`, `张三（副县长）`, `张三同志`) dropped."""
    if not text:
        return []
    pieces = _pieces_outside_parens(_full_width_parens(text), SEPARATORS + "/\n")
    return [name for piece, _ in pieces for name in _people_in(piece) if name]


@functools.lru_cache(maxsize=4096)  # leaders are named task after task, a hostile cell's pieces thousands of times
def _people_in(piece: str) -> tuple[str, ...]:
    """The names one piece of a list of leaders holds."""
    if piece.strip().startswith(CARRIED_PREFIXES):
        return (_tidy(piece),)  # 各区区长: an office many hold, kept with its title
    tokens = _PARENTHESISED.sub(" ", piece).split()
    # Names are two to four characters; a one-character token is half a name padded with spaces.
    if len(tokens) > 1 and all(len(t) >= 2 for t in tokens):
        return tuple(_without_titles(_without_trailing_marks(t)) for t in tokens)
    return (_without_titles(_without_trailing_marks("".join(tokens))),) if tokens else ()


def _without_titles(name: str) -> str:
    previous = None
    while name != previous and name not in TITLES:
        previous = name
        for title in TITLES:
            if len(name) > len(title) + 1:
                name = name.removeprefix(title).removesuffix(title)
    return "" if name in TITLES else name


def _split_outside_parens(text: str, split_on_space: bool = True) -> list[tuple[str, str]]:
    """Pieces with the separator that ended each: (piece, separator) where separator is
    a punctuation mark, "\\n" for a line break or "space" for a space; fragments joined."""
    separators = SEPARATORS + "\n" + (" \t\u3000" if split_on_space else "")
    return _join_fragments(_pieces_outside_parens(text, separators))


_OPENING, _CLOSING = "（【《[", "）】》]"
_SPACE_NAMED = dict.fromkeys(" \t\u3000", "space")  # a piece's separator, other marks as themselves
_BRACKETS = LazyPattern(f"[{re.escape(_OPENING + _CLOSING)}]")


def _pieces_outside_parens(text: str, separators: str) -> list[tuple[str, str]]:
    if not _BRACKETS.search(text):
        # Most texts have no brackets: split in one call, not mark by mark (a cell of 10^5 marks).
        parts = _marks(separators).split(text)
        return list(zip(parts[::2], [*map(_SPACE_NAMED.get, parts[1::2], parts[1::2]), ""]))
    pieces: list[tuple[str, str]] = []
    depth = 0
    start = 0  # of the current piece
    for mark in _marks(separators).finditer(text):  # only brackets and separators are looked at
        ch = mark.group()
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append((text[start:mark.start()], _SPACE_NAMED.get(ch, ch)))
            start = mark.end()
    pieces.append((text[start:], ""))
    return pieces


@functools.lru_cache(maxsize=None)
def _marks(separators: str) -> re.Pattern:
    """Brackets and separators, captured (splitting keeps them)."""
    return re.compile("([" + "".join(map(re.escape, _OPENING + _CLOSING + separators)) + "])")


def _join_fragments(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A piece ended by a line break or space that is not a whole name joins the next piece."""
    joined: list[tuple[str, str]] = []
    carry = ""
    after = 0  # the first non-blank piece after the current one, looked for only when asked
    for k, (piece, sep) in enumerate(pieces):
        piece = carry + piece.strip()
        carry = ""
        if sep in ("\n", "space") and piece and len(piece) <= MAX_NAME_LENGTH:
            if after <= k:  # else the pieces up to it are blank, as seen for a piece before
                after = k + 1
            while after < len(pieces) and not pieces[after][0].strip():
                after += 1
            following = pieces[after][0].strip() if after < len(pieces) else ""
            if following and (not _is_whole_name(piece) or _is_wrapped_tail(following)):
                carry = piece
                continue
        joined.append((piece, sep))
    if carry:
        joined.append((carry, ""))
    return joined


def _is_wrapped_tail(piece: str) -> bool:
    """`局`, `道`: a character or two that a narrow cell wrapped off the end of a name."""
    return len(_without_trailing_marks(piece)) <= 2 and not _is_bare_township(piece) and not piece.startswith(CARRIED_PREFIXES)


@functools.lru_cache(maxsize=4096)  # asked of every piece by several steps
def _is_whole_name(piece: str) -> bool:
    if not piece:
        return False
    piece = _without_trailing_marks(piece)
    piece = piece.removesuffix("等")
    if piece.endswith("）"):  # (the pattern is tried from every character of the piece)
        piece = _FINAL_PARENTHESISED.sub("", piece) or piece
    return piece.endswith(ORG_SUFFIXES)


def _join_collective_lists(pieces: list[tuple[str, str]]) -> list[str]:
    """`各县、市、区政府`, `区政府各委、办、局`, `东湖、西岭管理区`: items that share the noun of
    the last piece keep the run whole, as does a list closed by a noun that names no one alone
    (`各乡镇党委、政府`, `区政府各委、办、局（公司）、中心`)."""
    # Empty pieces in a row (`、、、…`, `、 、 …`) name no one: the first ends a run, the second leaves
    # nothing for a closing noun to join, the last's mark says whether the noun after it closes a
    # list, and the rest change nothing, so three are kept (a cell of marks costs three steps, not
    # one per mark).
    pieces = [piece for k, piece in enumerate(pieces)
              if piece[0] or k < 2 or pieces[k - 2][0] or pieces[k - 1][0] or k + 1 == len(pieces) or pieces[k + 1][0]]
    out: list[str] = []
    run: list[str] = []
    bares = [piece.strip() for piece, _ in pieces]
    reaches = _reaches_a_name(bares)
    bares.append("")  # what follows the last piece
    for k, (_, sep) in enumerate(pieces):
        bare = bares[k]
        if bare in CLOSING_NOUNS and out and not run and pieces[k - 1][1] == "、":
            out[-1] += "、" + bare  # `各乡镇党委、政府`: a noun naming no one alone closes the list before it
            continue
        if (sep == "、" and _is_collective_item(bare, run, reaches[k + 1]) and not _is_bare_township(bares[k + 1])
                and not bares[k + 1].startswith(CARRIED_PREFIXES)):  # `各地、各部门`: each its own prefix, two names
            run.append(bare)
            continue
        if run:
            run.append(bare)
            out.append("、".join(run))
            run = []
        else:
            out.append(bare)
    if run:
        out.append("、".join(run))
    return out


def _is_collective_item(piece: str, run: list[str], next_reaches_a_name: bool) -> bool:
    return _core_length(piece) == 1 or (bool(run) and len(piece) == 1) or (
        _shares_following_noun(piece) and next_reaches_a_name)


@functools.lru_cache(maxsize=4096)
def _core_length(piece: str) -> int:
    """The length of the piece after a carried prefix (`各`, `有关`…), without a note in brackets
    (`各市（县）` is one level, as `各市`)."""
    return len(_UP_TO_PREFIX.sub("", _FINAL_NOTE.sub("", piece)))


def _shares_following_noun(piece: str) -> bool:
    """A short item that is no name, which shares the noun of a name after it if the items
    between reach one: `东湖` in `东湖、西岭管理区`."""
    return not _is_whole_name(piece) and bool(_SHARED_ITEM.fullmatch(piece))


def _reaches_a_name(items: list[str]) -> list[bool]:
    """For each position (and one past the end), whether the items from it on are short
    no-names up to a whole name: one pass from the end."""
    reaches = [False] * (len(items) + 1)
    for k in range(len(items) - 1, -1, -1):
        reaches[k] = _is_whole_name(items[k]) or (reaches[k + 1] and bool(_SHARED_ITEM.fullmatch(items[k])))
    return reaches


@functools.lru_cache(maxsize=4096)  # a list repeats its names, a hostile cell thousands of times
def _tidy(name: str) -> str:
    name = "".join(name.split())  # (without spaces, the marks at either end are stripped as characters)
    name = name.strip(_TRAILING_MARKS)
    if "等" in name:
        name = _OTHERS_ALIKE.sub("", name)
    return name.rstrip(_TRAILING_MARKS)


def _carry_prefixes(names: list[str]) -> list[str]:
    """`各乡镇、街道` → `各乡镇`, `各街道`: a bare township noun takes the prefix of the unit before it."""
    out = []
    prefix = None
    for name in names:
        if prefix and _is_bare_township(name):
            out.append(prefix + name)
            continue
        prefix = next((p for p in CARRIED_PREFIXES if name.startswith(p) and _is_bare_township(name[len(p):])),
                      None) if name.startswith(CARRIED_PREFIXES) else None
        out.append(name)
    return out


@functools.lru_cache(maxsize=4096)
def _is_bare_township(name: str) -> bool:
    core = _FINAL_PARENTHESISED.sub("", name)
    return core in TOWNSHIP_NOUNS
