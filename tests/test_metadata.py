"""Notice metadata from the front matter and signature."""
from pathlib import Path

import pytest

from mszs import parse
from mszs.interpret.metadata import read_metadata

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("line, expected", [
    ("汶政办发〔2021〕1号", "汶政办发〔2021〕1号"),
    ("汶政办发[2021]1号", "汶政办发〔2021〕1号"),
    ("汶政办发（2021）1号", "汶政办发〔2021〕1号"),
    ("汶政办发【2021】 1 号", "汶政办发〔2021〕1号"),
    ("济高新管发〔2021〕 号", "济高新管发〔2021〕号"),
    ("金政发〔2021〕1号关于印发2021年金乡县政府重要工作事项责任分工的通知", "金政发〔2021〕1号"),
    ("汶政办发〔２０２１〕１号", "汶政办发〔2021〕1号"),
])
def test_doc_number_variants(line, expected):
    assert read_metadata([line]).doc_number == expected


def test_title_broken_over_paragraphs_and_issuer_before_it():
    info = read_metadata(["汶政办发〔2021〕1号", "汶上县人民政府办公室", "关于办好2021年县政府民生实事项目的", "通    知",
                          "各乡镇（街道）人民政府（办事处），县政府各部门："])
    assert info.title == "关于办好2021年县政府民生实事项目的通知"
    assert info.issuer == "汶上县人民政府办公室"
    assert info.region == "汶上县"
    assert info.year == 2021
    assert info.recipients == ["各乡镇（街道）人民政府（办事处）", "县政府各部门"]


def test_issuer_printed_on_the_title_line():
    info = read_metadata(["微山县人民政府", "微政发〔2024〕2号", "微山县人民政府 关于办好2024年民生实事的通知"])
    assert (info.issuer, info.title) == ("微山县人民政府", "关于办好2024年民生实事的通知")


@pytest.mark.parametrize("front, issuer", [
    (["云政办发〔2022〕6号", "云溪县人民政府办公室关于", "对县《政府工作报告》确定的2022年", "民生实事进行责任分解的通知"],
     "云溪县人民政府办公室"),
    (["【民生实事项目】青禾市人民政府关于2023年市政府民生实事项目及责任分解的通知"], "青禾市人民政府"),
    (["根据市人民政府关于民生实事的部署，现将有关事项通知如下。"], None),  # 关于 in a sentence
])
def test_issuer_before_guanyu_on_the_title_line(front, issuer):
    assert read_metadata(front).issuer == issuer


def test_issuer_printed_without_its_place_is_named_by_the_signature():
    info = read_metadata(["区人民政府办公室关于印发2024年区政府民生实事项目责任分解方案的通知",
                          "各街道办事处，区人民政府各部门：", "正文。", "云溪区人民政府办公室", "2024年1月8日"])
    assert (info.issuer, info.region) == ("云溪区人民政府办公室", "云溪区")


def test_signature_names_the_issuer_when_the_front_matter_does_not():
    info = read_metadata(["关于印发2024年民生实事项目的通知", "正文。", "云溪区人民政府", "", "2024年1月8日"])
    assert (info.issuer, info.region) == ("云溪区人民政府", "云溪区")


def test_signature_of_another_office_does_not_replace_the_issuer():
    info = read_metadata(["青禾市人民政府办公室", "关于印发2024年民生实事项目的通知", "正文。", "青禾市人民政府", "2024年1月8日"])
    assert info.issuer == "青禾市人民政府办公室"


def test_masthead_with_wen_jian_is_the_issuer():
    assert read_metadata(["泾源县人民政府办公室文件", "泾政办发〔2023〕4号"]).issuer == "泾源县人民政府办公室"


def test_metadata_box_of_a_government_site():
    info = read_metadata(["索  引  号 jnsjxx/2021-00428 公开方式 主动公开", "发布机构 金乡县人民政府 组配分类 金政发",
                          "成文日期 2021-02-10 废止日期"])
    assert (info.issuer, info.issue_date, info.region) == ("金乡县人民政府", "2021-02-10", "金乡县")


@pytest.mark.parametrize("line, expected", [
    ("2021年1月19日", "2021-01-19"),
    ("二〇二一年一月十九日", "2021-01-19"),
    ("二○二二年十二月三十一日", "2022-12-31"),
    ("2021年3月 日", None),  # the day is left blank
    ("(二〇〇九年三月二日)", "2009-03-02"),  # printed under the heading
    ("（二OO八年二月二十六日）", "2008-02-26"),
])
def test_signature_date(line, expected):
    assert read_metadata(["某某县人民政府", line]).issue_date == expected


def test_plan_year_from_title_before_doc_number():
    info = read_metadata(["某政发〔2020〕9号", "关于下达2021年民生实事项目的通知"])
    assert info.year == 2021


@pytest.mark.parametrize("chrome", [
    "来源:县政府督查室 发布日期:2023-04-12 09:30 【字体: 大   中   小 分享到:",
    "访问次数:",
    "信息来源:",
    "  • 浏览次数:",
    "现将2021年市政府民生实事项目及责任单位通知如下:",
])
def test_a_line_ending_in_a_colon_that_names_no_organisation_is_not_the_recipients(chrome):
    info = read_metadata(["2023年县委、县政府为民办实事事项一季度进展情况通报", chrome, "各镇人民政府，县政府各部门，云溪经济开发区："])
    assert info.recipients == ["各镇人民政府", "县政府各部门", "云溪经济开发区"]


def test_cc_continues_on_the_next_line_and_attachments_list():
    info = read_metadata(["附件：1.2021年民生实事项目表", "2.责任分工表", "正文。",
                          "抄送：县委各部门，县人大常委会办公室，", "县法院，县检察院。"])
    assert info.attachments == ["2021年民生实事项目表", "责任分工表"]
    assert info.cc == ["县委各部门", "县人大常委会办公室", "县法院", "县检察院"]


@pytest.mark.parametrize("issuer, region", [
    ("济宁高新区管委会", "济宁高新区"),
    ("枣庄市市中区人民政府", "市中区"),
    ("曲阜市人民政府办公室", "曲阜市"),
])
def test_region_is_the_governed_area(issuer, region):
    assert read_metadata([issuer]).region == region


@pytest.mark.parametrize("title, region", [
    ("关于印发2021年金乡县政府重要工作事项责任分工的通知", "金乡县"),
    ("关于印发某某县2022年民生实事项目实施方案的通知", "某某县"),
    ("关于对县《政府工作报告》确定的2022年民生实事进行责任分解的通知", None),
    ("关于做好全县2022年民生实事工作的通知", None),
    ("关于印发全区2023年民生实事项目的通知", None),
    ("关于印发2023年度省政府民生实事涉我区工作任务的通知", None),
    ("关于2016年市政府民生实事项目进展情况的通报", None),
    ("关于扎实推进溪口县民生实事工作的通知", None),  # where the name begins is not known
    ("关于对县《政府工作报告》确定的2021年重点工作及市《政府工作报告》涉及嘉鱼的重点事项进行责任分解的通知", None),
    ("关于印发和平区2022年民生实事项目的通知", "和平区"),
])
def test_region_from_the_title_is_a_place_name(title, region):
    assert read_metadata([title]).region == region


@pytest.mark.parametrize("heading, year, region", [
    ("县文旅局2022年为民办实事", 2022, None),
    ("2022年度溪口县民生实事项目进度表(截至10月31日)", 2022, "溪口县"),
    ("岳阳楼区2019年1-8月省市重点民生实事项目完成情况", 2019, "岳阳楼区"),
    ("2023年度省政府民生实事涉我区工作任务一季度进展情况", 2023, None),
])
def test_a_report_or_tables_heading_is_the_title_and_gives_plan_year_and_region(heading, year, region):
    info = read_metadata([heading, "来源: 县文旅局 发布时间:2022-03-08 09:12", "1.新建农家书屋20个,更新图书1.5万册。"])
    assert (info.title, info.year, info.region) == (heading, year, region)


def test_a_heading_row_flattened_to_text_is_the_title_without_its_pipes():
    info = read_metadata(["岳阳楼区2019年1-8月省市重点民生实事项目完成情况 | |||||||", "序号 | 项目名称 | 责任单位 |"])
    assert (info.title, info.year, info.region) == ("岳阳楼区2019年1-8月省市重点民生实事项目完成情况", 2019, "岳阳楼区")


def test_a_breadcrumb_is_no_title():
    assert read_metadata(["首页>政务公开>重点领域信息公开>为民办实事", "2018年6月民生实事进展情况"]).title == "2018年6月民生实事进展情况"


@pytest.mark.parametrize("line", ["2022年03月08日 09:12", "1.2020年新建农家书屋20个", "今年新建农家书屋20个，2020年完成。"])
def test_a_date_an_item_or_a_sentence_is_no_heading(line):
    from mszs.interpret.metadata import _heading

    assert _heading([line]) is None


def test_title_without_guanyu():
    info = read_metadata(["某某县人民政府", "2024年某某县民生实事项目实施方案", "为进一步保障和改善民生，制定本方案。"])
    assert info.title == "2024年某某县民生实事项目实施方案"
    assert info.year == 2024


def test_metadata_box_printed_as_a_pipe_table():
    info = read_metadata(["索 引 号 | 11370828593615886A/2025-00693 | 公开方式 | 主动公开 |",
                          "发布机构 | 金乡县人民政府办公室 | 组配分类 | 金政发 |", "成文日期 | 2025-02-28 | 废止日期 | |"])
    assert (info.issuer, info.issue_date) == ("金乡县人民政府办公室", "2025-02-28")


def test_metadata_box_with_a_colon_and_a_cell_border_after_each_label():
    info = read_metadata(["文号: | 青政办函〔2021〕9号 | 成文日期: | 2021-03-02 |",
                          "发布单位: | 青禾市人民政府办公厅 | 主题分类: | 综合政务/其他 |"])
    assert (info.doc_number, info.issue_date, info.issuer) == ("青政办函〔2021〕9号", "2021-03-02", "青禾市人民政府办公厅")
    assert info.region == "青禾市"


def test_metadata_box_with_spaced_labels_and_an_empty_doc_number():
    info = read_metadata(["索引号 : 01105619X/2024-07672 文       号 : 无",
                          "主题分类: 政务督查 发文单位: 嘉鱼县人民政府办公室",
                          "有效性: 有效 发文日期: 2024年02月22日"])
    assert (info.doc_number, info.issuer, info.issue_date) == (None, "嘉鱼县人民政府办公室", "2024-02-22")
    info = read_metadata(["索引号 : 01105619X/2024-07672 文       号 : 嘉政办发〔2024〕1号"])
    assert info.doc_number == "嘉政办发〔2024〕1号"


@pytest.mark.parametrize("paragraphs, title", [
    (["金政发〔2021〕1号关于印发2021年金乡县政府重要工作事项责任分工的通知分享各镇政府,县政府制定实施方案"],
     "关于印发2021年金乡县政府重要工作事项责任分工的通知"),
    (["关于印发某某县2022年民生实事项目实施方案的通知"], "关于印发某某县2022年民生实事项目实施方案的通知"),
    (["关于转发《关于做好民生实事工作的通知》的通知"], "关于转发《关于做好民生实事工作的通知》的通知"),
    (["关于下达2022年民生实事项目计划"], "关于下达2022年民生实事项目计划"),
    (["关于2016年市政府民生实事项目1—6月份进展情况的公示"], "关于2016年市政府民生实事项目1—6月份进展情况的公示"),
    (["关于对2022年民生实事项目征集结果进行公示的通知"], "关于对2022年民生实事项目征集结果进行公示的通知"),
    (["关于印发县政府工作报告重点任务分解的通知"], "关于印发县政府工作报告重点任务分解的通知"),
])
def test_title_ends_at_its_closing_word(paragraphs, title):
    assert read_metadata(paragraphs).title == title


@pytest.mark.parametrize("name, year, dates", [
    ("metadata_caption_only.txt", 2022, ["2022-09-30", "2022-10-31"]),
    ("metadata_gongshi_title.txt", 2016, ["2016-09-30", "2016-11-30"]),
])
def test_bare_month_deadlines_take_the_year_of_a_caption_or_a_gongshi_title(name, year, dates):
    notice = parse(FIXTURES / name)
    assert notice.notice.year == year
    assert [task.deadline.date for project in notice.projects for task in project.tasks] == dates


@pytest.mark.parametrize("front, year", [
    (["青川市1至6月份民生工程实施进度通报", "为扎实推进我市2022年30项民生工程实施，现将1至6月份实施进度通报如下："], 2022),
    (["区长作政府工作报告时表示，2018年，区政府将为民办好十件实事："], 2018),
    # a year not said of the projects counts only when the page dates nothing else, the most named first
    (["2020年，全县地区生产总值增长5%。", "2021年，全县新建学校3所。", "2021年，改造道路10公里。"], 2021),
])
def test_plan_year_stated_only_in_the_body(front, year):
    assert read_metadata(front).year == year


def test_a_box_date_does_not_override_the_plan_year_the_body_states():
    notice = parse(FIXTURES / "metadata2_box_date_after_plan_year.txt").notice
    assert (notice.issue_date, notice.year) == ("2021-11-03", 2019)


def test_joint_party_and_government_issuer_governs_the_county():
    notice = parse(FIXTURES / "metadata2_joint_issuer.txt").notice
    assert (notice.issuer, notice.region) == ("中共东溪县委东溪县人民政府", "东溪县")
    assert notice.recipients == ["各乡镇（场）党委、政府", "县直各单位"]
    info = read_metadata(["中共东溪县委办公室东溪县人民政府办公室"])
    assert info.region == "东溪县"


@pytest.mark.parametrize("line, recipients", [
    ("各镇人民政府，区政府各委、办、局（公司）、中心，各街道办事处：",
     ["各镇人民政府", "区政府各委、办、局（公司）、中心", "各街道办事处"]),
    ("县直有关部门、单位，有关企业：", ["县直有关部门", "单位", "有关企业"]),  # two groups, as in the reviewed sample
    ("各位代表：", []),  # a speech's greeting
])
def test_recipients_keep_a_bare_noun_with_its_list_and_skip_greetings(line, recipients):
    assert read_metadata([line]).recipients == recipients


def test_issuer_signed_by_a_congress_presidium():
    info = read_metadata(["公告", "现将表决确定的2020年民生实事项目公告如下：", "1.新建学校3所。", "现予公告。",
                          "南岗市北湖区第三届人民代表大会第四次会议主席团", "2020年5月21日"])
    assert (info.issuer, info.region, info.issue_date) == ("南岗市北湖区第三届人民代表大会第四次会议主席团", "北湖区", "2020-05-21")


def test_undated_signature_above_a_page_footer():
    info = read_metadata(["青川市民生工程实施进度通报", "1、农村饮水提升。牵头单位：市水利局。",
                          "青川市民生办", "扫一扫在手机打开当前页"])
    assert (info.issuer, info.region) == ("青川市民生办", "青川市")


def test_a_news_page_names_its_place_before_the_body_that_governs_it():
    from mszs.interpret.metadata import read_metadata

    info = read_metadata(["实现镇村公交免费全覆盖", "据了解，今年河津市政府承诺的这6件民生实事涉及城乡人居环境改善。"])
    assert info.region == "河津市"
    info = read_metadata(["近日，从闭幕的辛集市第十届人民代表大会第四次会议获悉，2023年民生实事确定。"])
    assert info.region == "辛集市"


@pytest.mark.parametrize("first_line, region", [
    ("从河北省政府新闻办召开的2021年20项民生工程新闻发布会上获悉，今年，河北省继续实施20项民生工程。", "河北省"),
    ("记者从宜城市人民政府获悉，今年该市将实施十件民生实事。", "宜城市"),
    ("随着马关县第十八届人民代表大会第三次会议胜利闭幕，全县共票决出民生实事项目76件。", "马关县"),
    ("6月12日，连州市三水瑶族乡第九届人民代表大会第八次会议圆满完成各项议程。", "三水瑶族乡"),
    ("黔东南苗族侗族自治州人民政府办公室关于印发2022年民生实事的通知", "黔东南苗族侗族自治州"),
])
def test_region_of_a_news_page_is_the_place_before_the_body_that_governs_it(first_line, region):
    assert read_metadata([first_line]).region == region


def test_a_title_with_guanyu_may_end_with_a_reports_words():
    # 杨浦区 2020: `关于…实事项目完成情况` over `一、总体情况`.
    info = read_metadata(["关于2020年区政府要完成的与人民生活密切相关的实事项目完成情况", "一、总体情况"])
    assert info.title == "关于2020年区政府要完成的与人民生活密切相关的实事项目完成情况"


def test_a_page_that_dates_nothing_else_is_for_the_year_it_names_most():
    # 汉滨区老城办 2014 (news): no title, no date; the body names 2014 for the work.
    info = read_metadata(["汉滨老城办未雨绸缪打造十大民生工程", "通讯员：翁军",
                          "之一：“亮点工程”——南正街改造提升是该办2014年重中之重的标杆工作。",
                          "之二：“地标工程”——2014年力争大南门净菜市场项目主体框架竣工，2013年已开工。"])
    assert info.year == 2014


def test_a_date_names_no_plan_year_by_itself():
    info = read_metadata(["各位代表：", "截止2019年12月31日，各项工作全面完成。"])
    assert info.year is None


@pytest.mark.parametrize("lines, issuer", [
    (["现予公告。", "沅江市第十八届人民代表大会", "第二次会议主席团", "2022年12月21日"], "沅江市第十八届人民代表大会第二次会议主席团"),
    # a page's spam run into the first line (荆州区 2022)
    (["现予以公告。", "365bet体育登陆网址荆州区第七届人民代表大会", "第二次会议主席团", "2022年12月27日"],
     "荆州区第七届人民代表大会第二次会议主席团"),
])
def test_a_congress_presidium_signs_on_two_lines(lines, issuer):
    assert read_metadata(lines).issuer == issuer


def test_a_signature_date_in_a_pasted_tables_cell_dates_the_notice():
    # 沅江市 2022 人大公告: the date line keeps the cell's `|`.
    assert read_metadata(["沅江市第十八届人民代表大会", "第二次会议主席团", "2022年12月21日 |"]).issue_date == "2022-12-21"
