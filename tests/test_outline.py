"""Outline induction: every enumeration style real notices use, levelled as the document nests them."""
from mszs.document import Document, Paragraph
from mszs.interpret import interpret
from mszs.interpret.outline import bare_mark, enumerator, number_paragraphs


def projects_of(*texts):
    _, projects, _ = interpret(Document(blocks=[Paragraph(t) for t in texts], format="text"))
    return projects


def styles(texts):
    return [(m.style, m.level, m.number) if m else None for m in number_paragraphs(texts)]


def test_each_mark_style_is_read_with_its_number():
    cases = {
        "一、总体要求": ("一、", 1), "第三，实施养老服务工程。": ("第一", 3), "（五）城乡居民体检": ("（一）", 5),
        "12.新增公共充电桩": ("1.", 12), "03 项目名称：农贸市场提升": ("01", 3), "（2）改造雨污管网": ("（1）", 2),
        "2）新建公厕20座": ("1）", 2), "③改造饮水工程5处": ("①", 3), "十是推进殡葬改革": ("一是", 10),
    }
    for text, (style, number) in cases.items():
        mark = enumerator(text)
        assert (mark.style, mark.number) == (style, number), text


def test_marks_counting_with_a_word():
    # 黄石 2022 十件实事进展: `实事一：创建11个…`, `实事二：…`
    assert styles(["实事一：创建11个省级美丽乡村建设试点村。", "截至6月30日，全面完工。", "实事二：新改扩建“四好农村路”300公里。"]) == [
        ("实事一", 0, 1), None, ("实事一", 0, 2)]


def test_words_that_only_look_like_marks_are_text():
    for text in ("一是否完成验收", "12 月底前完成", "2.5亿元用于", "第一季度完成招标"):
        mark = enumerator(text)
        assert mark is None or mark.style not in ("一是", "01", "1.", "第一"), text


def test_levels_follow_the_documents_own_nesting():
    texts = ["一、教育惠民", "1.新建学校", "一是新增学位", "二是改造校舍", "2.改造操场", "二、医疗惠民", "1.新建卫生院"]
    assert styles(texts) == [("一、", 0, 1), ("1.", 1, 1), ("一是", 2, 1), ("一是", 2, 2), ("1.", 1, 2),
                             ("一、", 0, 2), ("1.", 1, 1)]


def test_a_mark_that_breaks_its_run_is_text():
    texts = ["1、新建学校2所", "2、改造道路", "5、6月份完成验收", "3、新建公园"]
    assert [s and s[2] for s in styles(texts)] == [1, 2, None, 3]


def test_a_mark_alone_on_its_line_is_bare():
    assert bare_mark("（一）") and bare_mark(" 3. ") and not bare_mark("（一）新建学校")


def test_items_numbered_yi_shi_with_their_units():
    projects = projects_of("经研究，2023年为民办实事项目如下：",
                           "一是新建城区幼儿园2所，新增学位600个。责任单位：县教育局。",
                           "二是改造老旧小区12个。责任单位：县住建局。")
    assert [(p.seq, p.tasks[0].lead_units) for p in projects] == [(1, ["县教育局"]), (2, ["县住建局"])]


def test_items_numbered_di_yi_and_zero_padded():
    projects = projects_of("第一，实施教育提升工程。新建小学1所。牵头单位：区教育局；配合单位：区财政局。",
                           "第二，实施健康惠民工程。牵头单位：区卫健局。")
    assert [(p.seq, p.tasks[0].co_units) for p in projects] == [(1, ["区财政局"]), (2, [])]
    projects = projects_of("01 项目名称：城区学校建设", "建设内容：新建学校3所。", "责任单位：市教育局",
                           "02 项目名称：老旧小区改造", "建设内容：改造老旧小区30个。", "责任单位：市住建局")
    assert [(p.seq, p.name, p.tasks[0].content) for p in projects] == [
        (1, "城区学校建设", "新建学校3所"), (2, "老旧小区改造", "改造老旧小区30个")]


def test_a_bare_mark_and_labels_alone_on_their_lines():
    projects = projects_of("2021年民生实事项目", "（一）", "新建农村公路100公里。", "责任单位", "县交通运输局",
                           "完成时限", "2021年12月", "（二）", "改造农村危房200户。", "责任单位", "县住建局")
    assert [(p.seq, p.tasks[0].content, p.tasks[0].lead_units) for p in projects] == [
        (1, "新建农村公路100公里。", ["县交通运输局"]), (2, "改造农村危房200户。", ["县住建局"])]
    assert projects[0].tasks[0].deadline.text == "2021年12月"


def test_a_run_goes_on_across_sections_and_starts_at_one_otherwise():
    texts = ["（一）聚焦产业", "1.实施技改", "2.培育企业", "（二）聚焦城乡", "3.启动行动", "111.jpg"]
    assert [s and s[2] for s in styles(texts)] == [1, 1, 2, 2, 3, None]


def test_items_numbered_inside_one_paragraph_even_across_a_line_break():
    projects = projects_of("这10件民生实事涉及以下领域：一是新建学校3所；二是改造道路20公里；三是加大",
                           "医疗投入，新增床位100张；四是新建公园2个。")
    assert [p.tasks[0].content for p in projects] == [
        "新建学校3所", "改造道路20公里", "加大医疗投入，新增床位100张", "新建公园2个。"]


def test_items_whose_closing_bracket_names_units_by_their_verbs():
    projects = projects_of("一、主要目标", "（一）地区生产总值增长11%左右。（省发改委负责）（二）公共财政收入增长13%左右。"
                           "（省财政厅主办，省国税局、地税局协办）")
    assert [(p.seq, p.tasks[0].lead_units, p.tasks[0].co_units) for p in projects] == [
        (1, ["省发改委"], []), (2, ["省财政厅"], ["省国税局", "地税局"])]


def test_a_numbered_items_short_first_sentence_is_its_name():
    projects = projects_of("2025年为民实事", "（一）提高民生保障标准",
                           "1.提高养老金待遇。全面落实国家和省市部署要求，稳步提高基本养老金。（区人社局、区财政局）",
                           "2.阶段性减征医疗保险费。将参保单位缴费费率由7%降至6%。（区医保局）")
    assert [(p.name, p.tasks[0].content[:6], p.tasks[0].lead_units) for p in projects] == [
        ("提高养老金待遇", "全面落实国家", ["区人社局", "区财政局"]),
        ("阶段性减征医疗保险费", "将参保单位缴", ["区医保局"])]


def test_an_attached_task_list_beats_the_requirements_above_it():
    projects = projects_of("一、责任到人，闭环管理。任务分解明确133项任务。", "二、节点管控，动态调度。",
                           "附件1", "一、县示范区管委会牵头工作（2项）",
                           "1.投资3000万元建设循环水养殖基地。", "2.建设3个劳动密集型产业园。")
    assert [(p.seq, p.tasks[0].content, p.tasks[0].lead_units) for p in projects] == [
        (1, "投资3000万元建设循环水养殖基地。", ["县示范区管委会"]), (2, "建设3个劳动密集型产业园。", ["县示范区管委会"])]


def test_projects_named_in_one_sentence():
    projects = projects_of("经票决，2022年张寨镇共实施民生实事项目4项，分别为：护理院改造项目、老年大学建设工程、"
                           "农村公路提档升级工程、村内路灯亮化工程。")
    # Names listed in a sentence carry no printed number.
    assert [(p.seq, p.name, p.tasks[0].content) for p in projects][1:3] == [
        (None, "老年大学建设工程", "老年大学建设工程"), (None, "农村公路提档升级工程", "农村公路提档升级工程")]
    assert len(projects) == 4


def test_items_listed_in_a_sentence_with_commas_of_their_own_are_apart_at_semicolons():
    # 福州 2024 十件实事评选结果
    projects = projects_of("这10件实事分别为：实施适龄女性人乳头瘤病毒（HPV）疫苗免费接种；中小学新建6所、改扩建9所，"
                           "新增学位12000个；完成福州科技馆新馆建设；治理“餐桌污染”，改造危桥6座。")
    assert [p.tasks[0].content for p in projects] == [
        "实施适龄女性人乳头瘤病毒（HPV）疫苗免费接种", "中小学新建6所、改扩建9所，新增学位12000个", "完成福州科技馆新馆建设",
        "治理“餐桌污染”，改造危桥6座"]


def test_a_chinese_numeral_and_spaces_mark_a_heading():
    assert styles(["一    生态环境", "二    教育惠民"]) == [("一、", 0, 1), ("一、", 0, 2)]


def test_a_mark_glued_to_a_number_is_an_item_only_where_its_run_goes_on():
    # 宝山区 2022: `2.50个小区…` is item 2, not the decimal 2.50; alone it stays text.
    texts = ["1.既有多层住宅加装电梯新增400台。", "2.50个小区新增电动自行车充电设施。", "3.开设40个小学生爱心暑托班办班点。"]
    assert [s and s[2] for s in styles(texts)] == [1, 2, 3]
    assert styles(["2.50万元用于补助。"]) == [None]


def test_headings_ended_by_a_full_stop_take_the_text_below_them():
    # 广东省 2023: `一、深入实施…三项工程。` then its text on the lines below, no units anywhere.
    projects = projects_of("2023年广东省政府工作报告公布了今年的十件民生实事。",
                           "一、深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程。", "开展“粤菜师傅”培训4万人次以上。",
                           "二、优化生育支持政策。", "免费为超过50万名适龄妇女提供一次乳腺癌筛查。",
                           "65岁及以上老年人医养结合服务率超30%")
    assert [(p.seq, p.name, p.tasks[0].content) for p in projects] == [
        (1, "深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程", "开展“粤菜师傅”培训4万人次以上。"),
        (2, "优化生育支持政策", "免费为超过50万名适龄妇女提供一次乳腺癌筛查。65岁及以上老年人医养结合服务率超30%")]


def test_short_headings_each_over_several_one_sentence_lines_are_their_sections():
    # 无锡市 2020 (江南晚报): `一    生态环境` then one project a line, no marks.
    projects = projects_of("2020年有哪些为民办实事项目呢", "一    生态环境", "完成无锡环境监控物联网应用示范工程(二期)建设。",
                           "完成芦村、城北、太湖等全市现有48座污水处理厂提标改造工程建设。", "二    重点道桥", "开工建设312国道快速化改造工程。",
                           "完成太湖大道体育中心南大门人行过街天桥工程。")
    assert [(p.section, p.name, p.tasks[0].content) for p in projects] == [
        ("生态环境", None, "完成无锡环境监控物联网应用示范工程(二期)建设。"),
        ("生态环境", None, "完成芦村、城北、太湖等全市现有48座污水处理厂提标改造工程建设。"),
        ("重点道桥", None, "开工建设312国道快速化改造工程。"),
        ("重点道桥", None, "完成太湖大道体育中心南大门人行过街天桥工程。")]


def test_an_item_numbered_yi_shi_may_open_with_wei_or_yi():
    # 河津市 2024: `四是为全市所有在校孤儿减免食宿费用` is item 4, not `是为` (that is).
    projects = projects_of("河津市政府承诺的这6件民生实事涉及城乡人居环境改善、公用设施和教育等领域。一是新改造一批城市背街小巷;"
                           "二是新建一批城市“口袋公园”;三是新建165个城市公交候车亭;四是为全市所有在校孤儿减免食宿费用;"
                           "五是以奖代补点亮全市125个农村街巷路灯。")
    assert [p.tasks[0].content.rstrip(";。") for p in projects][2:] == [
        "新建165个城市公交候车亭", "为全市所有在校孤儿减免食宿费用", "以奖代补点亮全市125个农村街巷路灯"]


def test_items_marked_zhi_yi_under_a_line_ending_in_a_dash_with_quoted_names():
    # 汉滨区老城办 2014: a promise of four numbered in one sentence, then `…敞出了“十大工程”的盘子——` and
    # `之一：“亮点工程”——…`, `之二：…`: the list the dash opens is the projects.
    projects = projects_of("年前，办党委书记做出来了三项郑重承诺：1.切实做好南正街综合改造工作；2.力促大南门净菜市场竣工落成；"
                           "3.确保兴安路社区建成。",
                           "年后，办事处主任王宏在收心会上，敞出了“十大工程”的盘子——",
                           "之一：“亮点工程”——南正街改造提升是该办2014年重中之重的标杆工作。",
                           "之二：“地标工程”——力争投资逾2亿元的大南门净菜市场项目主体框架竣工。")
    assert [(p.seq, p.name, p.tasks[0].content) for p in projects] == [
        (1, "“亮点工程”", "南正街改造提升是该办2014年重中之重的标杆工作。"),
        (2, "“地标工程”", "力争投资逾2亿元的大南门净菜市场项目主体框架竣工。")]


def test_a_heading_naming_an_official_who_leads_gives_the_items_below_their_leader():
    # 浙江省 2020 重点工作责任分解: `一、袁家军省长主抓重点工作` over items with 牵头单位 lines.
    projects = projects_of("一、袁家军省长主抓重点工作", "1. 稳企业、防风险。扎实做好稳企业各项工作。",
                           "牵头单位：省发展改革委、省经信厅", "2. 全面构建“多规合一”国土空间规划体系。",
                           "牵头单位：省发展改革委、省自然资源厅", "二、高兴夫常务副省长牵头重点工作",
                           "3. 加快推进杭州城西科创大走廊建设。", "牵头单位：杭州市政府、省科技厅",
                           # 海曙区 2024: an office before the title
                           "三、张盈军区政府党组成员牵头重点工作", "4. 推动临空经济示范区建设。", "牵头单位：区发改局")
    assert [p.tasks[0].leaders for p in projects] == [["袁家军"], ["袁家军"], ["高兴夫"], ["张盈军"]]


def test_two_levels_with_each_items_text_on_the_line_below():
    # 贵阳市 2024: `一、` projects over `（一）` tasks, each task's text on the next line; `二、` has no
    # tasks and states an amount over its own text.
    projects = projects_of("2024年贵阳市为民办“十件实事”拟办项目",
                           "一、新建中小学、幼儿园25所，新增学位2.7万个。普通高中招生扩招3000人以上。",
                           "（一）新建中小学、幼儿园25所，新增学位2.7万个", "建设花溪区燕楼镇中心完小等教育项目25个，新增学位2.7万个。",
                           "（二）普通高中招生扩招3000人以上", "2024年普通高中招生计划人数较2023年增加3000人。",
                           "二、贵阳贵安完成城镇新增就业15万人。", "强化就业优先政策，着力稳岗扩岗，完成城镇新增就业15万人。")
    assert [(p.seq, p.name, [t.content for t in p.tasks]) for p in projects] == [
        (1, "新建中小学、幼儿园25所，新增学位2.7万个", [
            "新建中小学、幼儿园25所，新增学位2.7万个建设花溪区燕楼镇中心完小等教育项目25个，新增学位2.7万个。",
            "普通高中招生扩招3000人以上2024年普通高中招生计划人数较2023年增加3000人。"]),
        (2, "贵阳贵安完成城镇新增就业15万人", ["强化就业优先政策，着力稳岗扩岗，完成城镇新增就业15万人。"])]


def test_a_first_sentence_that_states_an_amount_is_the_items_text_not_its_name():
    # 安阳市 2017: `1.实施118条市政道路建设。其中…` is a task; `2.提高养老金待遇。全面落实…` is named.
    projects = projects_of("2017年安阳市十件民生实事",
                           "1.实施118条市政道路建设。其中建成文明大道北延等道路45条。",
                           "2.提高养老金待遇。全面落实城乡居民基本养老保险制度。")
    assert [(p.name, p.tasks[0].content[:6]) for p in projects] == [(None, "实施118条"), ("提高养老金待遇", "全面落实城乡")]


def test_topics_alone_on_their_lines_over_lines_of_items():
    # 天津市 2023 重点工作 (武清 news): `居住` / items a line / `教育` / … , no marks anywhere.
    projects = projects_of("2023年市政府重点工作明确，今年经济社会发展主要预期目标为：全市地区生产总值增长4%左右",
                           "居住", "实施一批城市更新项目，改造城镇老旧小区410万平方米。", "健全弹性供暖机制，持续提升供暖服务质量",
                           "教育", "推进基础教育综合改革国家实验区建设，新增义务教育学位2.2万个",
                           "交通", "年底前建成8条城市道路，优化公交线路40条")
    assert [(p.section, p.tasks[0].content[:8]) for p in projects] == [
        ("居住", "实施一批城市更新"), ("居住", "健全弹性供暖机制"), ("教育", "推进基础教育综合"), ("交通", "年底前建成8条城")]


def test_the_last_of_items_kept_apart_by_semicolons_ends_at_its_full_stop():
    # 旌德县 2016: `…；九是…；十是大力推进…大气污染综合治理工作。在做好以上实事的同时，支持乡镇…`.
    projects = projects_of("今年将办好十件民生实事：一是新建城区停车场；二是完成县乡道升级改造不少于50公里；"
                           "三是大力推进城区粉尘、油烟等大气污染综合治理工作。在做好以上实事的同时，支持乡镇办好辖区群众呼声较高的实事。")
    assert projects[-1].tasks[0].content == "大力推进城区粉尘、油烟等大气污染综合治理工作。"


def test_a_headline_of_short_phrases_names_its_item_but_a_list_of_things_done_does_not():
    # 浙江省 2020: `1. 稳企业、防风险。扎实做好…`; 安阳市 2017: `开工建设市一中新校区、市实验幼儿园新园。确保…`.
    projects = projects_of("2020年十方面民生实事", "1. 稳企业、防风险。扎实做好稳企业各项工作，完善风险体系。",
                           "2. 开工建设市一中新校区、市实验幼儿园新园。确保六十九中竣工，招聘农村特岗教师。")
    assert [p.name for p in projects] == ["稳企业、防风险", None]


def test_the_last_of_items_numbered_in_one_paragraph_takes_no_paragraph_below():
    # 河南省 2021: `…九是…；十是扩大村(居)法律顾问服务面。` then a paragraph of the news story.
    projects = projects_of("这10件民生实事是：一是开展妇女“两癌”筛查；二是实施残疾儿童康复救助；"
                           "三是推进城镇老旧小区改造提升，全年完成改造不少于50万户；四是改善农村出行条件；"
                           "五是扩大5G网络覆盖面；六是扩大村(居)法律顾问服务面。",
                           "自2005年开始，河南省已连续17年请全省人民建言民生实事。")
    assert [p.tasks[0].content for p in projects][-1] == "扩大村(居)法律顾问服务面。"


def test_a_page_copied_as_one_line_is_split_where_marks_follow_spaces():
    # 河南省 2023 (豫政〔2023〕5号), every paragraph run into one line.
    line = ("河南省人民政府 关于明确政府工作报告提出的2023年 重点工作责任单位的通知 豫政〔2023〕5号 "
            "现将《政府工作报告》提出的2023年重点工作任务予以分解并明确责任单位。各责任单位要尽快制定具体落实方案，"
            "明确时间节点、责任领导、主要措施，确保年度重点工作任务圆满完成。 一、加快提振市场信心 (一)全面促进消费增长。 "
            "1.把恢复和扩大消费摆在优先位置，改善消费条件，创新消费场景。(省商务厅、财政厅等相关部门按职责分工负责) "
            "2.落实好提振市场信心90条措施。(省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责) "
            "(二)扩大有效投资。 3.实施重大项目1万个以上。(省发展改革委负责)")
    projects = projects_of(line)
    assert [(p.seq, p.section, p.tasks[0].lead_units, p.tasks[0].co_units) for p in projects] == [
        (1, "全面促进消费增长", ["省商务厅", "财政厅"], []),
        (2, "全面促进消费增长", ["省发展改革委"], ["省商务厅", "财政厅"]),
        (3, "扩大有效投资", ["省发展改革委"], [])]


def test_spaces_inside_an_ordinary_paragraph_split_nothing():
    text = "2023年 重点工作 1个 2处 现将有关事项通知如下，" * 3
    assert projects_of(text) == []


def test_bullets_mark_items_without_numbers():
    # 无锡东北塘街道 2025: `☑` before each project, its progress on the line below.
    projects = projects_of("2025年街道各民生实事项目总体进展良好", "已完工项目",
                           "☑辖区内老旧路灯改造出新工程项目", "对承塘路、东政路的478盏路灯进行刷漆出新，该项目已于3月完成。",
                           "☑建成投用巴士邻居服务点2处", "大马巷顺塘巴士邻居服务点已于2月建成投用。")
    assert [(p.seq, p.name) for p in projects] == [(None, "辖区内老旧路灯改造出新工程项目"), (None, "建成投用巴士邻居服务点2处")]
    assert [p.tasks[0].progress for p in projects] == [
        "对承塘路、东政路的478盏路灯进行刷漆出新，该项目已于3月完成。", "大马巷顺塘巴士邻居服务点已于2月建成投用。"]


def test_names_one_per_line_under_the_line_that_opens_the_list():
    # 郑州市 2014: `2014年十大实事一览表` then one name per line, no marks.
    projects = projects_of("郑州市政府确定了2014年“十大民生实事”。", "2014年十大实事一览表", "强化路网建设缓解交通拥堵",
                           "加强雾霾治理改善空气质量", "加大教育投入缓解入学难", "上一篇：不要以为包装上全是洋文才是进口食品")
    assert [(p.name, p.tasks[0].content) for p in projects] == [
        ("强化路网建设缓解交通拥堵", "强化路网建设缓解交通拥堵"), ("加强雾霾治理改善空气质量", "加强雾霾治理改善空气质量"),
        ("加大教育投入缓解入学难", "加大教育投入缓解入学难")]


def test_each_places_list_has_the_place_above_its_opening_line_as_section():
    # 呼和浩特市 2026: each district's name, its government, `…民生实事项目N项`, then the names.
    projects = projects_of("先来看看市四区的民生新规划", "新城区", "新城区人民政府", "2026年实施民生实事项目2项",
                           "讨思浩小学教学楼及宿舍楼维修改造项目", "岭秀阁小区消防设施维修项目", "回民区", "回民区人民政府",
                           "2026年实施民生实事项目2项", "老旧街区及道路维修改造项目", "老旧小区雨污水管网改造项目")
    assert [(p.section, p.name) for p in projects] == [
        ("新城区", "讨思浩小学教学楼及宿舍楼维修改造项目"), ("新城区", "岭秀阁小区消防设施维修项目"),
        ("回民区", "老旧街区及道路维修改造项目"), ("回民区", "老旧小区雨污水管网改造项目")]


def test_a_number_alone_on_its_line_numbers_the_line_below_when_it_counts_on():
    # 上海 2016 实事项目完成情况: `1` ⏎ `新增 7069张 公办养老床位，为计划的101%。`
    projects = projects_of("2016年市政府10件、27项实事项目具体完成情况", "1", "新增 7069张 公办养老床位，为计划的101%。",
                           "2", "新建 81家 老年人日间服务中心，为计划的101.3%。", "3", "新增 51家 “长者照护之家”，为计划的102%。")
    assert [(p.seq, p.tasks[0].content) for p in projects] == [
        (1, "新增 7069张公办养老床位，为计划的101%。"), (2, "新建 81家老年人日间服务中心，为计划的101.3%。"),
        (3, "新增 51家“长者照护之家”，为计划的102%。")]


def test_a_list_of_nothing_but_names_names_its_projects():
    # 沅江市 2023 票决: each item a name ended by `；`.
    projects = projects_of("沅江市2023年民生实事项目：", "1.中心城区水环境综合治理；", "2.“三线一站”新型电力系统建设；",
                           "3.丁家坝安置区二期建设；", "4.安全饮水提级扩能。")
    assert [p.name for p in projects] == ["中心城区水环境综合治理", "“三线一站”新型电力系统建设", "丁家坝安置区二期建设", "安全饮水提级扩能"]


def test_names_are_not_taken_from_a_list_of_tasks():
    # One item is a sentence with an amount: the items are tasks, none of them a name.
    projects = projects_of("2023年民生实事项目：", "1.启动实施民生工程提标三年行动计划；", "2.新建幼儿园3所，新增学位900个；",
                           "3.完成新安大道一期工程。")
    assert [p.name for p in projects] == [None, None, None]


def test_each_opening_line_that_states_a_count_heads_that_many_names():
    # 呼和浩特 2026: slogan lines, then each district's count line over its names.
    projects = projects_of("2026年民生实事正式出炉", "每一项规划都贴合民生需求", "每一个举措都致力生活提质", "先来看看市四区的民生新规划",
                           "新城区", "2026年实施民生实事项目2项", "岭秀阁小区消防设施维修项目", "兰亭小区消防设施维修项目",
                           "回民区", "2026年实施民生实事项目3项", "老旧街区及道路维修改造项目", "和美乡村道路建设项目",
                           "社区党群服务中心建设项目", "来源：青橙融媒综合")
    assert [p.name for p in projects] == ["岭秀阁小区消防设施维修项目", "兰亭小区消防设施维修项目", "老旧街区及道路维修改造项目",
                                          "和美乡村道路建设项目", "社区党群服务中心建设项目"]


def test_project_names_in_a_row_are_no_table_header():
    from mszs.vocabulary import is_header_row

    assert not is_header_row(["人居环境提升项目", "小区监控系统完善项目", "管网畅通项目", "城管进社区项目"])
    assert is_header_row(["项目名称", "责任单位", "完成时限"])


def test_the_one_heading_over_every_item_is_their_section_unless_it_names_the_list():
    # 辽中区 2024, a page cut before `二、`: the work's part stays the section.
    items = ["1.加快构建现代化产业体系。（区农业农村局负责）", "2.加快在建项目的建设进度。（区工信局负责）"]
    assert [p.section for p in projects_of("一、做大做强主导产业", *items)] == ["做大做强主导产业"] * 2
    # A heading naming the list is its title.
    assert [p.section for p in projects_of("二、实事内容及责任分工", *items)] == [None, None]


def test_paragraphs_each_opened_by_a_name_and_a_colon_are_a_list():
    # 徐州 2016: `这8大类72件实事分别为：` then `X工程：包括…等10项。` per paragraph.
    projects = projects_of("徐州市将继续为人民群众办好8大类72件实事。", "生态环境改善工程：包括城区空气质量改善、黑臭河道整治工程等10项。",
                           "出行便利工程：包括公交服务质量提升、农村公路建设等17项。", "安居乐居工程：包括社会治安技防监控七期等9项。",
                           "来源：徐州日报")
    assert [(p.name, p.tasks[0].content) for p in projects] == [
        ("生态环境改善工程", "包括城区空气质量改善、黑臭河道整治工程等10项。"), ("出行便利工程", "包括公交服务质量提升、农村公路建设等17项。"),
        ("安居乐居工程", "包括社会治安技防监控七期等9项。")]


def test_in_a_progress_report_a_numbered_items_first_sentence_is_the_item_and_the_rest_its_progress():
    # 银川 2017: the title says it reports progress; `1.X项目。` names the project, the rest is progress.
    projects = projects_of("关于自治区在银实施60周年大庆建设项目1-6月进展情况的通报",
                           "截至6月底，20个银川市列入自治区60周年大庆建设项目，已开工17个。",
                           "1.银川市妇幼保健院新建产科大楼项目。正在进行基础降水，基坑开挖土方外运，灌注桩160根。",
                           "2.银川市兴庆区民乐老城区（瓷砖市场）改造项目。目前已完成7万平方米违章部分的拆迁工作。")
    assert [(p.seq, p.name, t.content, t.progress) for p in projects for t in p.tasks] == [
        (1, "银川市妇幼保健院新建产科大楼项目", "银川市妇幼保健院新建产科大楼项目", "正在进行基础降水，基坑开挖土方外运，灌注桩160根。"),
        (2, "银川市兴庆区民乐老城区（瓷砖市场）改造项目", "银川市兴庆区民乐老城区（瓷砖市场）改造项目",
         "目前已完成7万平方米违章部分的拆迁工作。")]


def test_a_list_of_names_may_hold_numbers_that_are_no_amounts():
    # 沅江 2023: road codes and years are parts of names.
    projects = projects_of("沅江市人民政府2023年民生实事项目：", "1.中心城区水环境综合治理；", "2.S220四共轴线建设；",
                           "3.丁家坝安置区二期建设；", "4.2024年城区民宅改造工程。")
    assert [p.name for p in projects] == ["中心城区水环境综合治理", "S220四共轴线建设", "丁家坝安置区二期建设", "2024年城区民宅改造工程"]


def test_a_heading_that_reports_a_projects_progress_names_it():
    # 大陈乡 2021 实施情况的报告: `一、X项目完成情况` over what was done, then `现已…`.
    projects = projects_of("2021年度大陈乡确定的民生实事项目有2个。基本情况如下：",
                           "一、“书香大陈”文化健身公园建设项目完成情况",
                           "总投资230余万元，完成景墙、健身步道、智慧健身广场等民生服务项目建设，现已完工并投入投用。",
                           "二、大陈智慧农贸市场改造提升项目完成情况",
                           "总投资29万元，将原有农贸市场进行现代化提升改造，现已改造成为一座智慧化农贸市场。")
    assert [(p.name, t.content, t.progress) for p in projects for t in p.tasks] == [
        ("“书香大陈”文化健身公园建设项目", "总投资230余万元，完成景墙、健身步道、智慧健身广场等民生服务项目建设", "现已完工并投入投用。"),
        ("大陈智慧农贸市场改造提升项目", "总投资29万元，将原有农贸市场进行现代化提升改造", "现已改造成为一座智慧化农贸市场。")]


def test_in_a_status_report_a_clause_that_opens_as_progress_does_is_the_items_progress():
    # 荆家镇 2020 重点民生实事项目情况: the item's text, then `截止目前，…` / `目前已顺利开工`.
    projects = projects_of("荆家镇2020年重点民生实事项目情况",
                           "一、深入开展河道整治工作。为确保汛期河道通畅，今年我镇共有8条河沟进行综合治理。截止目前，8条河沟全部具备行洪泄洪能力。",
                           "二、推进高标准农田建设。项目区涉及伊家、前刘四个村6000余亩，目前已顺利开工，预计明年4月底完工。")
    assert [(p.name, t.content, t.progress) for p in projects for t in p.tasks] == [
        ("深入开展河道整治工作", "为确保汛期河道通畅，今年我镇共有8条河沟进行综合治理。", "截止目前，8条河沟全部具备行洪泄洪能力。"),
        ("推进高标准农田建设", "项目区涉及伊家、前刘四个村6000余亩", "目前已顺利开工，预计明年4月底完工。")]


def test_a_short_line_without_a_mark_between_items_is_the_section_of_those_below_it():
    # 东亭街道 2025: `已完工项目` / `已启动实施项目` over `☑…` items.
    projects = projects_of("2025年街道各民生实事项目总体进展良好", "已完工项目", "☑辖区内老旧路灯改造出新工程项目",
                           "对承塘路、东政路的478盏路灯进行刷漆出新。", "已启动实施项目", "☑东蕾苑二期新建工程（2024年度续建项目）",
                           "该项目于2023年6月开工，目前主体完成约70%。", "☑建成投用巴士邻居服务点2处")
    assert [(p.section, p.name or p.tasks[0].content) for p in projects] == [
        ("已完工项目", "辖区内老旧路灯改造出新工程项目"), ("已启动实施项目", "东蕾苑二期新建工程（2024年度续建项目）"),
        ("已启动实施项目", "建成投用巴士邻居服务点2处")]


def test_a_numbered_heading_over_items_among_siblings_with_their_own_text_is_one_project():
    # 宜春 2021: `（一）…（六）` each a project with its text, but `（五）` holds `1.…2.…`: its tasks.
    projects = projects_of("一、纳入民生实事项目管理的内容",
                           "（一）城区教育基础设施建设。全市新改扩建学校10所，新增学位2.1万个。",
                           "（二）“四好农村路”建设。县道升级改造新改建320公里。",
                           "（三）中心城区畅通工程建设。1.提升改造明月路路段机非隔离带，道路改造长约8.5公里。2.在中心城区安装6处交通诱导屏。"
                           "3.启动中心城区智慧停车项目。",
                           "（四）中心城区老旧小区改造。改造中心城区老旧小区20个。")
    assert [(p.seq, p.name, [t.content for t in p.tasks]) for p in projects] == [
        (1, "城区教育基础设施建设", ["全市新改扩建学校10所，新增学位2.1万个。"]),
        (2, "“四好农村路”建设", ["县道升级改造新改建320公里。"]),
        (3, "中心城区畅通工程建设", ["提升改造明月路路段机非隔离带，道路改造长约8.5公里。", "在中心城区安装6处交通诱导屏。",
                                   "启动中心城区智慧停车项目。"]),
        (4, "中心城区老旧小区改造", ["改造中心城区老旧小区20个。"])]


def test_a_dated_heading_of_one_part_over_every_item_stays_their_section():
    # 广东省 2021 部门分工: `一、2021年经济社会发展主要预期目标` over the only items of the page.
    projects = projects_of("一、2021年经济社会发展主要预期目标", "1.地区生产总值增长6%以上。", "牵头单位：省发展改革委",
                           "2.地方一般公共预算收入增长5%左右。", "牵头单位：省财政厅")
    assert [p.section for p in projects] == ["2021年经济社会发展主要预期目标"] * 2
