"""Clean-up every reader's output gets: character forms, page furniture, PDF artefacts.

Runs on a whole :class:`~mszs.document.Document` after reading, so that the
interpreter sees the same text whatever the format it came from.
"""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from mszs.document import Cell, Document, Paragraph, Table
from mszs.patterns import LazyPattern
from mszs.vocabulary import is_header_row

# A page-number line: — 3 —, -3-, - 3 -, 第3页, 第 3 页 共 10 页, 3/10.
_PAGE_NUMBER = LazyPattern(
    r"^\s*(?:[—–\-－]+\s*\d{1,4}\s*[—–\-－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = LazyPattern("[０-９]")  # searching first is quicker than translating every text
_FULLWIDTH_POINT = LazyPattern(r"(?<=\d)[．｡](?=\d)")
_FULL_WIDTH = LazyPattern("[０-９．｡\u2e80-\u2fdf\u3400-\u4dbf\uf900-\ufaff]")  # what clean_text changes outside PDFs
# Characters printed for the ones they look like. A font may give one glyph to several code
# points (a radical and its ideograph, a compatibility ideograph and its unified one, 戶 and
# 户); a PDF maker that maps the glyph back to text may then pick the wrong one (Chromium
# with Noto CJK writes ⼯⼈⺠⼾ for 工人民户). This table is drawn from fonts-noto-cjk (Sans
# and Serif, SC): every code point sharing its glyph with exactly one GB2312 character, mapped
# to that character. Kangxi radicals it lacks fold by NFKC.
_GLYPH_TWINS = str.maketrans(
    "⺅⺉⺎⺐⺒⺓⺕⺖⺘⺙⺟⺠⺡⺣⺦⺨⺭⺰⺺⺾⻁⻂⻅⻆⻈⻉⻋⻌⻐⻓⻔⻖⻘⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⼀⼁⼂⼃⼄⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼣⼤⼥⼦⼧⼨"
    "⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽩⽪⽫⽬⽭⽮⽯⽰⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅"
    "⾆⾇⾈⾉⾊⾌⾍⾎⾏⾐⾔⾕⾖⾗⾘⾚⾛⾜⾝⾟⾠⾢⾣⾥⾦⾩⾪⾫⾬⾮⾯⾰⾲⾳⾷⾸⾹⾼⾽⾿⿀⿁⿅⿇⿉⿊⿋⿍⿎⿏⿐⿕㬵更串句金喇奈洛烙珞落酪老路露弄磊雷漏勒肋丹北便不泌沈拾若略凉梁量力年列咽烈"
    "例醴了僚尿料燎阮律栗隆利吏履易李梨泥理里林淋炙什刺拓洞暴行兀勉勤卑器墨碑臭巽拔爨",
    "亻刂兀尢巳幺彐忄扌攵母民氵灬丬犭礻纟肀艹虎衤见角讠贝车辶钅长门阝青韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟一丨丶丿乙二亠人儿入八冂冖冫几凵刀力勹匕匚十卜卩厂厶又口囗土士夂夕大女子宀寸"
    "小尢尸屮山巛工己巾干幺广廴廾弋弓彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒白皮皿目矛矢石示禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼"
    "舌舛舟艮色虍虫血行衣言谷豆豕豸赤走足身辛辰邑酉里金阜隶隹雨非面革韭音食首香高髟鬯鬲鬼鹿麻黍黑黹鼎鼓鼠鼻龠胶更串句金喇奈洛烙珞落酪老路露弄磊雷漏勒肋丹北便不泌沈拾若略凉梁量力年列咽烈"
    "例醴了僚尿料燎阮律栗隆利吏履易李梨泥理里林淋炙什刺拓洞暴行兀勉勤卑器墨碑臭巽拔爨")
_GLYPH_TWIN = LazyPattern("[\u2e80-\u2fdf\u3400-\u4dbf\uf900-\ufaff]")
_KANGXI = LazyPattern("[\u2f00-\u2fdf]")
_SPACES = LazyPattern(r"\s+")
_HAN = LazyPattern(r"[\u4e00-\u9fff]")
_NOT_HAN = LazyPattern(r"[^\u4e00-\u9fff]+")

# Share of Han characters that must change under t2s before a text counts as
# traditional; simplified notices change none, traditional ones a fifth or more.
_TRADITIONAL_SHARE = 0.02
_TRADITIONAL_MIN = 3
_SAMPLE_SIZE = 1500
_RAW_SAMPLE = 20_000  # characters of a raw text searched for its sample of Han characters
# A simplified page holds a few characters GB2312 lacks (rare names, symbols); a traditional one hundreds.
_OUTSIDE_GB2312_MIN = 20
TRADITIONAL_WARNING = "the notice is in traditional characters; converted to simplified"

_CJK_CHAR = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
# What OCR predictably misreads in a notice: (what it is, pattern, replacement). Applied to text
# read by OCR only, each with a warning that counts the mends.
OCR_MENDS = [
    ("a 发文字号 year in mismatched brackets",  # 汶政办发〔2021）1号, 〔2021]1号
     LazyPattern(r"(?<=[发办字函委府])[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】](?=\s*第?\d{1,4}\s*号)"),
     lambda m: f"〔{m.group(1)}〕"),
    ("O read for 0 in a number", LazyPattern(r"(?<=\d)[OoＯｏ](?=[\d年月日])|(?<=[\s年月日])[Oo](?=\d)"), "0"),
    ("O or 0 read for 〇 in a year in Chinese numerals",
     LazyPattern(r"(?<=[一二三四五六七八九〇零])[OoＯｏ0](?=[一二三四五六七八九〇零])"), "〇"),
    ("l or I read for 1 in a number", LazyPattern(r"(?<=\d)[lI|](?=[\d年月日号])|(?<=[\s：:年月])[lI](?=\d)"), "1"),
    ("丶 read for the enumeration comma 、", LazyPattern("丶"), "、"),
    ("half-width punctuation in Chinese text",
     LazyPattern(rf"(?<={_CJK_CHAR})[,;:?!](?!\d)|[,;:](?={_CJK_CHAR})"),
     lambda m: {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}[m.group()]),
    ("half-width brackets around Chinese text", LazyPattern(rf"\(({_CJK_CHAR}[^()（）]*)\)"), r"（\1）"),
    ("a full-width bracket closed by a half-width one, or the other way round",
     LazyPattern(r"（([^()（）]*)\)|\(([^()（）]*)）"), lambda m: f"（{m.group(1) or m.group(2) or ''}）"),
]


def clean_document(document: Document) -> Document:
    """Normalise the document's text in place and return it."""
    clean = _text_cleaner(document)
    if document.ocr:
        clean = _OcrMender(clean)
    blocks = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            block.text = clean(block.text)
            if not block.text.strip() or is_page_number(block.text):
                continue
        else:
            for row in block.rows:
                for cell in row.cells:
                    cell.text = clean(cell.text)
            pad_rows(block)
        blocks.append(block)
    document.blocks = join_continued_tables(blocks)
    document.metadata = {clean(name): clean(value) for name, value in document.metadata.items()}
    if document.ocr:
        document.warnings += clean.warnings()
    return document


def _text_cleaner(document: Document):
    """The function that cleans each of this document's texts (noting on the document what it will do)."""
    convert = _traditional_converter(document)
    if convert:
        document.warnings.append(TRADITIONAL_WARNING)
    undoubling = document.format == "pdf"  # fake bold is a PDF artefact
    if not convert and not undoubling and not _FULL_WIDTH.search("\n".join(document_texts(document))):
        return str  # nothing to change: one search over the whole text instead of one per text

    def clean(text: str) -> str:
        return clean_text(convert(text) if convert else text, undoubling)

    return clean


class _OcrMender:
    """A text cleaner followed by the OCR mends, counting what they changed for the warnings."""

    def __init__(self, clean):
        self.clean = clean
        self.mended: dict[str, list] = {}  # what → [count, first text before, after]

    def __call__(self, text: str) -> str:
        text = self.clean(text)
        for what, pattern, replacement in OCR_MENDS:
            mended = pattern.sub(replacement, text)
            if mended != text:
                self.mended.setdefault(what, [0, text, mended])[0] += 1
                text = mended
        return text

    def warnings(self) -> list[str]:
        return [f"OCR text mended: {what}, in {count} text{'s' if count > 1 else ''} "
                f"(“{_shortened(before)}” → “{_shortened(after)}”)"
                for what, (count, before, after) in self.mended.items()]


def _shortened(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width] + "…"


def pad_rows(table: Table) -> None:
    """Give every row as many cells as the widest, so that columns line up whatever the reader."""
    width = max((len(row.cells) for row in table.rows), default=0)
    for row in table.rows:
        row.cells += [Cell("", row.origin._replace(column=c)) for c in range(len(row.cells), width)]


def join_continued_tables(blocks: list) -> list:
    """A table continued on the next page, or split where its header repeats, as one table.

    Header rows repeated inside a table, or at the top of its continuation, are
    dropped, whichever way the reader met them.
    """
    joined: list = []
    for block in blocks:
        if isinstance(block, Table) and block.rows:
            previous = joined[-1] if joined and isinstance(joined[-1], Table) else None
            if previous and _continues(previous, block):
                previous.rows.extend(block.rows)
                block = previous
            else:
                joined.append(block)
            header = _squashed(block.rows[0].texts)
            block.rows = block.rows[:1] + [row for row in block.rows[1:] if not _repeats(row.texts, header)]
        else:
            joined.append(block)
    return joined


def _continues(previous: Table, table: Table) -> bool:
    first = table.rows[0].texts
    if len(first) != len(previous.rows[0].cells):
        return False
    return _squashed(first) == _squashed(previous.rows[0].texts) or not is_header_row(first)


def _squashed(texts: list[str]) -> list[str]:
    return [_SPACES.sub("", t) for t in texts]


def _repeats(texts: list[str], squashed_header: list[str]) -> bool:
    """Whether a row repeats the header; most rows differ in their first cell, where this stops."""
    return len(texts) == len(squashed_header) and all(
        _SPACES.sub("", text) == word for text, word in zip(texts, squashed_header))


def clean_text(text: str, undoubling: bool = True) -> str:
    """Full-width digits as digits, radicals as the characters they stand for; with ``undoubling``,
    lines of fake-bold doubled characters undoubled."""
    if _GLYPH_TWIN.search(text):
        text = ideographs(text)
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    if "．" in text or "｡" in text:
        text = _FULLWIDTH_POINT.sub(".", text)
    if not undoubling:
        return text
    return "\n".join(undouble(line) for line in text.split("\n"))


def is_glyph_twin(text: str) -> bool:
    return bool(_GLYPH_TWIN.search(text))


def ideographs(text: str) -> str:
    """``⾼新区为⺠`` → ``高新区为民``: characters standing for the GB2312 ones they look like."""
    text = text.translate(_GLYPH_TWINS)
    if not _KANGXI.search(text):
        return text
    return _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def undouble(line: str) -> str:
    """``微微软软`` → ``微软``: fake bold (text printed twice) extracted as doubled characters.

    Only a line made wholly of pairs is undoubled, so real repeats (人人, 天天) stay.
    """
    chars = line.strip()
    if len(chars) < 4 or len(chars) % 2 or not _HAN.search(chars):
        return line
    if all(chars[i] == chars[i + 1] for i in range(0, len(chars), 2)):
        return chars[::2]
    return line


def simplified(text: str) -> str | None:
    """The text in simplified characters when it is written in traditional ones, else None.

    For readers that find structure by its words (header words, box labels) before
    the clean-up runs; they add TRADITIONAL_WARNING themselves."""
    head = text[:_RAW_SAMPLE]
    if _may_be_traditional(head) and _is_traditional(_NOT_HAN.sub("", head)[:_SAMPLE_SIZE]):
        return _t2s().convert(text)
    return None


def _may_be_traditional(text: str) -> bool:
    """False for the usual simplified text, told at the codecs' speed without building a sample
    (a short text needs fewer characters outside GB2312)."""
    return _outside_gb2312(text) >= min(_OUTSIDE_GB2312_MIN, max(_TRADITIONAL_MIN, len(text) // 10))


def _outside_gb2312(text: str) -> int:
    """About how many characters of the text GB2312, a simplified-only character set, lacks:
    a traditional text lacks hundreds, a simplified one a few rare names at most."""
    return (len(text.encode("gb18030")) - len(text.encode("gb2312", "ignore"))) // 2


def _traditional_converter(document: Document):
    """OpenCC's t2s when the document is written in traditional characters, else None."""
    if not _may_be_traditional("\n".join(document_texts(document))[:_RAW_SAMPLE]):
        return None
    return _t2s().convert if _is_traditional("".join(_han_sample(document))) else None


def _is_traditional(sample: str) -> bool:
    """Counts the sample's characters that t2s's character table maps to another
    character; converting the sample to compare cost milliseconds."""
    found = set(sample) & _traditional_chars()  # usually none: counting each is then free
    changed = sum(sample.count(ch) for ch in found)
    return changed >= _TRADITIONAL_MIN and changed >= len(sample) * _TRADITIONAL_SHARE


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Every character t2s's character table writes differently in simplified Chinese."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values.split() and values.split()[0] != key:
            chars.add(key)
    return frozenset(chars)


def _han_sample(document: Document):
    """The first Han characters of the document: enough to tell its script, cheap to convert."""
    total = 0
    for text in document_texts(document):
        han = _NOT_HAN.sub("", text)
        yield han[:_SAMPLE_SIZE - total]
        total += len(han)
        if total >= _SAMPLE_SIZE:
            return


def document_texts(document: Document):
    """Every paragraph's and every cell's text, in order."""
    for block in document.blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            for row in block.rows:
                yield from row.texts
