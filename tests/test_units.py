"""Unit and people rules of the contract, pinned with phrases from real notices."""
import pytest

from mszs.normalise.units import lead_and_co_units, says_first_leads, split_list, split_people, split_units


@pytest.mark.parametrize("text, expected", [
    ("县财政局\n\n县自然资源和规划局\n\n各乡镇、街道", ["县财政局", "县自然资源和规划局", "各乡镇", "各街道"]),
    ("县财政局\n有关乡镇、街道", ["县财政局", "有关乡镇", "有关街道"]),
    ("残疾人\n\n联合会", ["残疾人联合会"]),
    ("县水务局 徽矿集团", ["县水务局", "徽矿集团"]),
    ("发展软环境保障局、 王因街道、接庄街道、", ["发展软环境保障局", "王因街道", "接庄街道"]),
    ("党政办公室(宣传)", ["党政办公室（宣传）"]),
    ("县残联、县民政局、县人行,各乡镇(街道)、开发区", ["县残联", "县民政局", "县人行", "各乡镇（街道）", "开发区"]),
    ("县园区发展指挥部、园区发展服务中心、商务局、自然资源和规划局等,各产业园",
     ["县园区发展指挥部", "园区发展服务中心", "商务局", "自然资源和规划局", "各产业园"]),
    ("县大气(水)污染防治指挥部、生态环境局等,各镇街、各产业园",
     ["县大气（水）污染防治指挥部", "生态环境局", "各镇街", "各产业园"]),
    ("相关县(市、区)政府", ["相关县（市、区）政府"]),
    ("各县、市、区政府", ["各县、市、区政府"]),
    ("各地、各部门", ["各地", "各部门"]),  # 广东省 2021 部门分工: each its own 各, two names
    ("各开发区", ["各开发区"]),
    ("市发改委、农委、人保局,各市(县)、区政府", ["市发改委", "农委", "人保局", "各市（县）、区政府"]),  # 无锡 2011
    ("各县（市、区）人民政府", ["各县（市、区）人民政府"]),
    ("区政府各委、办、局", ["区政府各委、办、局"]),
    ("各乡镇党委、政府，县教育局", ["各乡镇党委、政府", "县教育局"]),  # 政府 names no one alone
    ("区政府各委、办、局（公司）、中心", ["区政府各委、办、局（公司）、中心"]),
    ("各镇、街道，东湖、西岭管理区", ["各镇", "各街道", "东湖、西岭管理区"]),  # two 管理区 sharing the noun
    ("县财政、县住建、县水务", ["县财政", "县住建", "县水务"]),  # short names, none a whole name: no shared noun
    ("市住建局、市城管局(列第一位者为工作牵头单位或汇总单位,下同)", ["市住建局", "市城管局"]),
    ("县“双招双引”指挥部、投资促进服务中心等", ["县“双招双引”指挥部", "投资促进服务中心"]),
    ("相关镇街", ["相关镇街"]),
    ("各级各部门", ["各级各部门"]),
    ("夏镇街道、昭阳街道、傅村街道,徽矿集团", ["夏镇街道", "昭阳街道", "傅村街道", "徽矿集团"]),
    ("有关乡镇（街道）", ["有关乡镇（街道）"]),
    ("县财政局；县教育局。", ["县财政局", "县教育局"]),
    ("各乡镇、街\n道", ["各乡镇", "各街道"]),  # a narrow PDF cell wrapped a name
    ("县农业农村\n局", ["县农业农村局"]),
    ("县残联\n县妇联", ["县残联", "县妇联"]),
    ("", []),
    (None, []),
])
def test_split_units(text, expected):
    assert split_units(text) == expected


def test_prefix_carries_only_to_bare_township_nouns():
    assert split_units("各乡镇、县教育局、街道") == ["各乡镇", "县教育局", "街道"]
    assert split_units("各镇、社区") == ["各镇", "各社区"]


@pytest.mark.parametrize("text, expected", [
    ("任  伟", ["任伟"]),
    ("李  静", ["李静"]),
    ("张三、李四", ["张三", "李四"]),
    ("王继讲 李静", ["王继讲", "李静"]),
    ("蒋红星，张呈祥", ["蒋红星", "张呈祥"]),
    ("", []),
])
def test_split_people(text, expected):
    assert split_people(text) == expected


def test_recipients_keep_collective_lists_whole():
    assert split_list("各乡镇（街道）人民政府（办事处），县政府各部门") == ["各乡镇（街道）人民政府（办事处）", "县政府各部门"]
    assert split_list("各乡、镇人民政府，各街道办事处")[0] == "各乡、镇人民政府"


@pytest.mark.parametrize("text, expected", [
    ("张三（副县长）", ["张三"]),
    ("副县长张三", ["张三"]),
    ("县委常委、副县长 张三", ["张三"]),
    ("李明同志", ["李明"]),
])
def test_titles_around_leaders_are_dropped(text, expected):
    assert split_people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("各区区长", ["各区区长"]),
    ("各县（市、区）政府主要负责同志", ["各县（市、区）政府主要负责同志"]),
    ("张三、各乡镇镇长", ["张三", "各乡镇镇长"]),
])
def test_an_office_many_hold_is_kept_with_its_title(text, expected):
    assert split_people(text) == expected


@pytest.mark.parametrize("lead, plain, co, expected", [
    (None, "县住建局（牵头），县财政局、各镇街", None, (["县住建局"], ["县财政局", "各镇街"])),
    (None, "县住建局、县财政局", None, (["县住建局", "县财政局"], [])),
    ("县教育局", "县住建局、县自然资源局", None, (["县教育局"], ["县住建局", "县自然资源局"])),
    (None, "县卫健局", "各乡镇、街道", (["县卫健局"], ["各乡镇", "各街道"])),
    ("县人社局", None, "县财政局", (["县人社局"], ["县财政局"])),
])
def test_lead_and_co_units(lead, plain, co, expected):
    assert lead_and_co_units(lead, plain, co) == expected


def test_first_listed_unit_leads_when_the_notice_says_so():
    note = "市住建局、市财政局、市城管局(列第一位者为工作牵头单位或汇总单位,下同)"
    assert says_first_leads(note)
    assert not says_first_leads("县住建局、县大气(水)污染防治指挥部")
    assert not says_first_leads(None)
    assert lead_and_co_units(None, note, None, first_leads=True) == (["市住建局"], ["市财政局", "市城管局"])
    assert lead_and_co_units(None, "县民政局、县卫健委", None, first_leads=True) == (["县民政局"], ["县卫健委"])
    assert lead_and_co_units("县教育局", "县财政局", None, first_leads=True) == (["县教育局"], ["县财政局"])


def test_units_named_by_the_verb_after_them():
    from mszs.normalise.units import lead_and_co_units, units_by_verb

    assert units_by_verb("省财政厅主办,省国税局、地税局协办") == ("省财政厅", "省国税局、地税局")
    assert units_by_verb("由县民政局负责") == ("县民政局", "")
    assert units_by_verb("地区生产总值增长11%左右") is None
    assert lead_and_co_units(None, "县教育局牵头，县财政局、县人社局配合", None) == (
        ["县教育局"], ["县财政局", "县人社局"])
    # 河南省 2023: beside the unit that leads, those plainly responsible work with it.
    assert units_by_verb("省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责") == (
        "省发展改革委", "省商务厅、财政厅等相关部门")
    assert units_by_verb("省商务厅、财政厅等相关部门按职责分工负责") == ("省商务厅、财政厅等相关部门", "")


@pytest.mark.parametrize("text, units", [
    ("省商务厅、人行郑州中心支行、河南银保监局等相关部门", ["省商务厅", "人行郑州中心支行", "河南银保监局"]),
    ("县财政局、县人社局等有关单位", ["县财政局", "县人社局"]),
    ("县财政局等", ["县财政局"]),
])
def test_others_alike_after_the_units_are_no_unit(text, units):
    assert split_units(text) == units


def test_a_bracket_of_every_one_of_a_kind_names_units_but_a_place_alone_does_not():
    from mszs.normalise.units import is_unit_list

    # 长春新区 2017: `8、提升社区服务水平…。(各开发区)`; a place in brackets (`(东城区)`) is no unit list.
    assert is_unit_list("各开发区") and is_unit_list("人社局、各开发区")
    assert not is_unit_list("东城区")
