"""Page noise taken out before reading: pinyin glosses, spam strings, one character per line."""
from mszs import parse_bytes
from mszs.parsers.noise import remove_noise


def test_pinyin_glosses_after_characters_are_removed_and_real_brackets_kept():
    text, warnings = remove_noise("工业(yè)城园区(qū)路口改造工程(含交通监(jiān)控、路灯)，城镇(zhèn)老旧小区")
    assert text == "工业城园区路口改造工程(含交通监控、路灯)，城镇老旧小区"
    assert warnings == ["removed 4 pinyin gloss(es) printed after characters"]


def test_a_toneless_gloss_is_kept_on_a_page_without_glosses():
    assert remove_noise("附件(a)")[0] == "附件(a)"


def test_spam_strings_and_character_runs():
    text, warnings = remove_noise("第二次会议公告\n365bet账号被限制_beat365在线_beat365体育登陆网址荆州区\n县\n教\n育\n局\n一\n二")
    assert text == "第二次会议公告\n体育登陆网址荆州区\n县教育局\n一\n二"
    assert len(warnings) == 2


def test_a_glossed_label_is_read_as_its_label():
    notice = parse_bytes("2022年民生实事\n1.新建学校2所。责(zé)任(rèn)单(dān)位(wèi)：县教育局\n".encode())
    assert notice.projects[0].tasks[0].lead_units == ["县教育局"]


def test_a_run_of_characters_between_blank_lines_is_joined_among_thousands_of_them():
    """Blank lines between the characters of a run are skipped; 10^4 of them (a broken cell) are
    no run, and the search for one reads them in one pass."""
    blank = "\n" * 10_000
    text, warnings = remove_noise(f"通知{blank}县\n\n教\n \n育\n局{blank}完成")
    assert text == f"通知{blank}县教育局\n完成" and warnings == ["joined 1 run(s) of one character per line"]
    assert remove_noise(blank) == (blank, [])
