"""Projects listed in running text (news reports, 票决 announcements, speeches): found from the
sentences themselves, a count that matches the items, a listing word, fields of work. Each
phrase is from a real notice, shortened where the list is long."""
import json
import subprocess
import sys

from mszs.document import Document, Paragraph
from mszs.interpret import interpret


def projects_of(*texts):
    _, projects, _ = interpret(Document(blocks=[Paragraph(t) for t in texts], format="text"))
    return projects


def rows(projects):
    return [(p.seq, p.name, p.tasks[0].content) for p in projects]


def test_a_count_closing_the_list_gives_its_items_after_the_word_leading_into_them():
    # 连州市三水瑶族乡 2020 票决
    projects = projects_of("经37名到会代表投票，共选出三水瑶族乡乡村振兴综合示范片、沙洞自来水建设、新村段河堤砌筑挡土墙、"
                           "沙坪村村中桥梁建设、完成6个美丽乡村建设等5个项目作为2020年度民生实事实施项目。")
    assert [p.name for p in projects] == ["三水瑶族乡乡村振兴综合示范片", "沙洞自来水建设", "新村段河堤砌筑挡土墙",
                                          "沙坪村村中桥梁建设", "完成6个美丽乡村建设"]
    assert rows(projects)[0] == (None, "三水瑶族乡乡村振兴综合示范片", "三水瑶族乡乡村振兴综合示范片")


def test_the_last_two_items_may_be_joined_by_a_word():
    # 浮梁县臧湾乡 2023
    projects = projects_of("通过票决，臧湾乡确定了全乡新农村整体建设、马家村小背坞组道路建设及仓下村新家坞组危桥重建等3项民生实事项目。")
    assert [p.name for p in projects] == ["全乡新农村整体建设", "马家村小背坞组道路建设", "仓下村新家坞组危桥重建"]


def test_a_pause_between_numerals_separates_no_items():
    # 马关县 2024: `六、七组` is one place.
    projects = projects_of("截至目前，全县已启动建设2024年度重大民生实事项目32个，其中马白镇木都底六、七组产业道路项目、"
                           "马白镇木都底八组产业道路项目、八寨镇浪建线修复工程3个项目已实现1个月内完成。")
    assert [p.name for p in projects] == ["马白镇木都底六、七组产业道路项目", "马白镇木都底八组产业道路项目", "八寨镇浪建线修复工程"]


def test_numbered_items_apart_by_semicolons_before_the_count_keep_their_numbers():
    # 海头镇 2024
    projects = projects_of("经过大会代表投票表决，分别确定：1.关于海头镇洋加东村委会白沙地村安装路灯的建议；2.关于推进港口居委会"
                           "北一街道路硬化的建议等两个项目为海头镇2024年镇级民生项目。")
    assert rows(projects) == [(1, "关于海头镇洋加东村委会白沙地村安装路灯的建议", "关于海头镇洋加东村委会白沙地村安装路灯的建议"),
                              (2, "关于推进港口居委会北一街道路硬化的建议", "关于推进港口居委会北一街道路硬化的建议")]


def test_a_count_of_places_or_people_closes_no_list_of_projects():
    assert projects_of("今年将覆盖城关镇、东关镇、南关镇等3个乡镇，惠及张三、李四等2人。") == []


def test_a_count_in_the_sentence_before_a_listing_word():
    # 武城县 2011
    projects = projects_of("该县在今年的“两会”上共确定了3件为民实事。分别为实施爱心助学工程、教育基础设施提升工程、卫生服务体系完善工程。")
    assert [p.name for p in projects] == ["实施爱心助学工程", "教育基础设施提升工程", "卫生服务体系完善工程"]


def test_items_apart_by_semicolons_keep_apart_what_is_done_already():
    # 福州 2023 进展: the clause that says what is done is progress.
    projects = projects_of("提前完成的3件实事包括：建成福建医科大学孟超肝胆医院（福建省肝病科学研究中心）；新建市政燃气管网60公里，"
                           "已新建62.675公里；建成金山绿轴道路工程，项目已完工并通车。")
    assert [(p.name, t.content, t.progress) for p in projects for t in p.tasks] == [
        (None, "建成福建医科大学孟超肝胆医院（福建省肝病科学研究中心）", None),
        (None, "新建市政燃气管网60公里", "已新建62.675公里"), (None, "建成金山绿轴道路工程", "项目已完工并通车")]


def test_titles_one_after_another_are_the_items():
    # 天祝县 2023 政策解读: items that state amounts are tasks, not names.
    projects = projects_of("《通知》内容主要包括《城镇新增就业2000人以上》《建成幼儿园3所，新增园位1000个以上》《建成全民健身中心1个》"
                           "3个县列为民办实事方案，分别明确了实事办理的目标任务。")
    assert rows(projects) == [(None, None, "城镇新增就业2000人以上"), (None, None, "建成幼儿园3所，新增园位1000个以上"),
                              (None, None, "建成全民健身中心1个")]


def test_fewer_items_than_counted_when_semicolons_keep_them_apart():
    # 山西 2023 政府工作报告: six of the 12 named.
    projects = projects_of("12件民生实事主要体现在，实施农村寄递物流服务全覆盖提质工程，让农产品有个好销路；实施城镇社区幸福养老提速工程，"
                           "让老年人能够享受“家门口的幸福养老”；免费送戏下乡演出1万场以上，将丰富的精神食粮送到老百姓家门口。")
    assert [p.tasks[0].content for p in projects] == [
        "实施农村寄递物流服务全覆盖提质工程，让农产品有个好销路", "实施城镇社区幸福养老提速工程，让老年人能够享受“家门口的幸福养老”",
        "免费送戏下乡演出1万场以上，将丰富的精神食粮送到老百姓家门口"]


def test_a_page_cut_short_lists_fewer_items_than_counted():
    # 张家川县 2016: `，即A；B；…` and the page ends mid-item.
    projects = projects_of("这十件实事涉及住房、交通、教育等领域，即投资9530万元，实施6乡镇7村596户3523人的易地扶贫搬迁工程；"
                           "投资4000万元，实施20村2890户1.38万人的整村推进项目；投资500万元，建设新城大桥；投资762万元，实施刘堡梁")
    assert [p.tasks[0].content for p in projects][:3] == [
        "投资9530万元，实施6乡镇7村596户3523人的易地扶贫搬迁工程", "投资4000万元，实施20村2890户1.38万人的整村推进项目",
        "投资500万元，建设新城大桥"]


def test_groups_each_listing_their_projects_give_way_to_them_as_categories():
    # 张家港 2022: `一是X类，包括A、B等N个项目；二是…`
    projects = projects_of("2022年度民生实事项目共包括六大类24个项目。一是城市配套提升类，包括城市靓化工程、“口袋公园”建设等2个项目；"
                           "二是城市更新行动类，包括老旧小区改造、小区排水管网养护等2个项目；三是社会公共服务类，包括增加优质教育供给、"
                           "市特殊教育学校改造提升工程、健身步道提升工程等3个项目；")
    assert [(p.category, p.name) for p in projects][1:4] == [
        ("城市配套提升类", "“口袋公园”建设"), ("城市更新行动类", "老旧小区改造"), ("城市更新行动类", "小区排水管网养护")]
    assert len(projects) == 7


def test_fields_of_work_are_sections_and_their_sentences_items():
    # 辛集 2023: each sentence of a field is an item.
    projects = projects_of("在城市建设方面，城市交通扩容提质，开工建设朝阳路等7条市区道路。保障居民住房需求，实施新康家园保障房工程。",
                           "在民生保障方面，促进就业创业，完成职业技能培训4525人次。")
    assert [(p.section, p.tasks[0].content) for p in projects] == [
        ("城市建设方面", "城市交通扩容提质，开工建设朝阳路等7条市区道路。"), ("城市建设方面", "保障居民住房需求，实施新康家园保障房工程。"),
        ("民生保障方面", "促进就业创业，完成职业技能培训4525人次。")]


def test_a_field_of_one_sentence_is_cut_at_semicolons_and_may_follow_a_sentence():
    # 天津 2024 (`；` in one sentence) and 西宁城中区 2025 (a field after a lead sentence).
    projects = projects_of("在城市建设方面，凤聚路等7条城市道路建设完成；开工改造城镇老旧小区46个。",
                           "聚焦“急难愁盼”，精准施策解民忧。教育惠民方面，全面提升万科星光小区配建幼儿园教学楼。")
    assert [(p.section, p.tasks[0].content) for p in projects] == [
        ("城市建设方面", "凤聚路等7条城市道路建设完成"), ("城市建设方面", "开工改造城镇老旧小区46个。"),
        ("教育惠民方面", "全面提升万科星光小区配建幼儿园教学楼。")]


def test_paragraphs_opened_by_a_short_sentence_name_their_items():
    # 河北 2021 二十项民生工程, copied as one line: a space after each full stop.
    line = ("棚户区改造工程。新开工11万套，基本建成13.2万套，改善群众居住条件。 老旧小区改造工程。改造老旧小区3057个，完善老旧小区"
            "基础设施和安全设施，提升社区公共服务管理水平。 城中村改造工程。启动203个城中村改造，改善人居环境，提升城市品位。 "
            "城市排水管网雨污分流改造工程。实施雨污分流改造690公里，全面完成市县雨污分流改造。 "
            "城市公共停车设施建设工程。城市（含县城）新增公共停车位20万个以上，有效缓解停车难问题。")
    projects = projects_of("河北省继续实施20项民生工程。", line)
    assert [(p.name, p.tasks[0].content) for p in projects][:2] == [
        ("棚户区改造工程", "新开工11万套，基本建成13.2万套，改善群众居住条件。"),
        ("老旧小区改造工程", "改造老旧小区3057个，完善老旧小区基础设施和安全设施，提升社区公共服务管理水平。")]
    assert len(projects) == 5


def test_in_a_progress_report_the_short_sentence_is_the_item_and_the_rest_its_progress():
    # 重庆 2015 上半年进度
    projects = projects_of("2015年25件重点民生实事主要进度如下：",
                           "2606个撤并村通公路（2013—2017年）。上半年已完成建设4022公里，新解决1075个撤并村通公路。",
                           "完成7.4万口山坪塘整治（2013—2017年）。上半年已全部完工。全市7.4万口山坪塘整治工作已提前完成总目标任务。",
                           "3000公里农村公路危险路段安装安全保障设施（2015—2017年）。上半年已完成610公里。")
    assert [(p.name, t.content, t.progress) for p in projects for t in p.tasks][1] == (
        None, "完成7.4万口山坪塘整治（2013—2017年）。", "上半年已全部完工。全市7.4万口山坪塘整治工作已提前完成总目标任务。")


def test_a_users_listing_word_opens_a_list(tmp_path):
    vocab = tmp_path / "words.toml"
    vocab.write_text('[list_words]\nopening = ["涵盖了"]\n', encoding="utf-8")
    notice = tmp_path / "notice.txt"
    notice.write_text("今年3件民生实事涵盖了城区供水管网改造、老旧小区改造提升、农村公路建设。\n", encoding="utf-8")
    def names(*args):
        out = subprocess.run([sys.executable, "-m", "mszs", "parse", str(notice), *args], capture_output=True, text=True).stdout
        return [p["name"] for p in json.loads(out)["projects"]]
    assert names() == []
    assert names("--vocab", str(vocab)) == ["城区供水管网改造", "老旧小区改造提升", "农村公路建设"]


def test_paragraphs_opened_by_a_quoted_name_with_short_headings_between_them():
    # 大连 2021 前三季度: `“X”项目，…` per paragraph, grouped under short lines.
    projects = projects_of("4个项目完成全年目标",
                           "“婚姻登记跨区通办”项目，我市于3月22日起全面实行婚姻登记跨区通办业务。",
                           "“公共场所布设自动体外除颤器(AED)”项目，于8月份完成安装100台的年度目标，并投入使用。",
                           "10个项目超额完成9月份节点目标",
                           "“老旧小区改造”项目，截至9月底，累计完成总工程量70.8%。")
    assert [(p.section, p.name) for p in projects] == [
        ("4个项目完成全年目标", "婚姻登记跨区通办"), ("4个项目完成全年目标", "公共场所布设自动体外除颤器(AED)"),
        ("10个项目超额完成9月份节点目标", "老旧小区改造")]
    assert projects[2].tasks[0].content == "截至9月底，累计完成总工程量70.8%。"


def test_a_one_character_listing_word_before_a_colon():
    # 吉县 2016: `10项重点建设项目为：A、B…`, the page cut short.
    projects = projects_of("10项重点建设项目为：苹果园基础设施提升工程、东城提黄灌溉工程、旅游循环路改造工程、新城路网工程、新城供")
    assert [p.name for p in projects][:4] == ["苹果园基础设施提升工程", "东城提黄灌溉工程", "旅游循环路改造工程", "新城路网工程"]


def test_names_apart_by_commas_as_many_as_counted_before_the_sentence_goes_on():
    # 荥经县 2019: `5个项目包括A，B，…，E，估算总投资4.66亿元`
    projects = projects_of("5个项目包括第四幼儿园建设项目，农村公路提升改造工程，经河、荥河县城段河道治理工程（两河公园打造），"
                           "农村生活污水治理“千村示范工程”项目，农村妇女“宫颈癌”“乳腺癌”免费检查项目，估算总投资4.66亿元。")
    assert [p.name for p in projects] == ["第四幼儿园建设项目", "农村公路提升改造工程", "经河、荥河县城段河道治理工程（两河公园打造）",
                                          "农村生活污水治理“千村示范工程”项目", "农村妇女“宫颈癌”“乳腺癌”免费检查项目"]


def test_one_field_of_work_is_a_list_right_under_a_line_announcing_it():
    # 天津 2024 三季度: `…新增完成的16项具体工作包括：` ⏎ `在城市建设方面，A；B；…`
    projects = projects_of("在第三季度里，各区、各部门提速加力推动民心工程建设，新增完成的16项具体工作包括：",
                           "在城市建设方面，凤聚路等7条城市道路建设完成；开工改造城镇老旧小区46个；完成燃气管网改造128公里。")
    assert [(p.section, p.tasks[0].content) for p in projects] == [
        ("城市建设方面", "凤聚路等7条城市道路建设完成"), ("城市建设方面", "开工改造城镇老旧小区46个"),
        ("城市建设方面", "完成燃气管网改造128公里。")]
    assert projects_of("在城市建设方面，凤聚路等7条城市道路建设完成；开工改造城镇老旧小区46个。") == []


def test_a_numbered_agenda_gives_way_to_the_list_a_count_closes():
    # 海头镇 2024: the meeting's agenda `1.听取…7.票决…` names no project; the vote's result does.
    projects = projects_of("本次大会主要议程为：1.听取和审议海头镇人民政府工作报告；2.听取和审议海头镇人民代表大会主席团工作报告；"
                           "3.审查海头镇2023年预算执行情况及2024年预算（草案）报告；4.票决2024年镇级民生实事项目。",
                           "经过大会代表投票表决，分别确定：1.关于海头镇洋加东村委会白沙地村安装路灯的建议；2.关于推进港口居委会"
                           "北一街道路硬化的建议；3.关于完善新坊井村道路硬化配套工程的建议等三个项目为海头镇2024年镇级民生项目。")
    assert [(p.seq, p.tasks[0].content) for p in projects] == [
        (1, "关于海头镇洋加东村委会白沙地村安装路灯的建议"), (2, "关于推进港口居委会北一街道路硬化的建议"),
        (3, "关于完善新坊井村道路硬化配套工程的建议")]


def test_explain_shows_a_sentence_that_lists_several_projects_as_all_their_items(tmp_path):
    notice = tmp_path / "vote.txt"
    notice.write_text("2020年三水瑶族乡民生实事项目票决结果\n经37名到会代表投票，共选出沙洞自来水建设、新村段河堤砌筑挡土墙、"
                      "沙坪村村中桥梁建设等3个项目作为2020年度民生实事实施项目。\n民生实事项目确定后，将交由乡政府组织实施。\n",
                      encoding="utf-8")
    from mszs.explain import explain
    lines = explain(notice.read_bytes())
    assert "3 items → project 1 task 1 … project 3 task 1" in lines[1]
    assert "text (not read)" in lines[2]  # the sentence after a list in prose is no item's text


def test_names_quoted_together_before_their_count():
    # 青岛市湛山街道 2017: `围绕“A、B、…、J”十件惠民实事`.
    projects = projects_of("2017年，湛山街道将继续坚持以“以民为本、帮民解困、为民服务”宗旨。围绕“实施楼院综合整治、密织楼院安全网、"
                           "传递尊老爱老正能量、提高居民健康素养、新建一处党群综合服务中心”五件惠民实事，切实将“家门口服务”做精做细。")
    assert [p.name for p in projects] == ["实施楼院综合整治", "密织楼院安全网", "传递尊老爱老正能量", "提高居民健康素养",
                                          "新建一处党群综合服务中心"]


def test_clauses_apart_by_semicolons_below_a_paragraph_that_counts_them():
    # 博兴县 2015 (齐鲁晚报): the count in one paragraph, the projects as `；` clauses in the next, the page cut short.
    projects = projects_of("2015年博兴县要办的10件民生实事也已经确定，都是博兴县目前最紧迫、最现实的十个惠民事项。",
                           "今年，博兴县总投资13.6亿元的博兴水库将在年内开工建设；总投资3.4亿元的市民文化中心，年内建成地基基础和主体框架；"
                           "规划建设集休闲健身、旅游度假、品牌赛事于一体的体育主题公园；加快建设草柳编电商产业园，打造创新创业平")
    assert [p.tasks[0].content for p in projects] == [
        "今年，博兴县总投资13.6亿元的博兴水库将在年内开工建设", "总投资3.4亿元的市民文化中心，年内建成地基基础和主体框架",
        "规划建设集休闲健身、旅游度假、品牌赛事于一体的体育主题公园", "加快建设草柳编电商产业园，打造创新创业平"]


def test_clauses_fewer_than_counted_in_a_finished_paragraph_are_no_list():
    projects = projects_of("今年要办的10件民生实事已经确定。", "一是要高度重视；二是要加强督查；三是要严格考核。")
    assert not any(p.tasks[0].content.startswith("一是要高度重视") for p in projects)


def test_a_list_closed_by_gong_and_its_count():
    # 覃塘区樟木镇 2024: `依法票决出A、B、C、D共4个项目`.
    projects = projects_of("对樟木镇2024年拟票决的民生实事候选项目进行了票决，依法票决出樟木镇邓保村谭宝屯屯内道路建设项目、"
                           "那柳村韦柳屯生活污水生态净化项目、马班水库除险加固工程、元金村元村屯至汉世伟猪场道路硬化工程共4个项目，"
                           "总投资1100多万元。")
    assert [p.name for p in projects] == ["樟木镇邓保村谭宝屯屯内道路建设项目", "那柳村韦柳屯生活污水生态净化项目",
                                          "马班水库除险加固工程", "元金村元村屯至汉世伟猪场道路硬化工程"]


def test_a_list_closed_by_a_count_of_da_xiang():
    # 凤台县 2019: `其中A、B、…12大项，…等小项已提前完成全年任务` (shortened to 3).
    projects = projects_of("其中“四带一自”产业扶贫工程、农产品质量安全追溯工程、棚户区改造3大项，校舍维修改造等小项已提前完成全年任务。")
    assert [p.name for p in projects] == ["“四带一自”产业扶贫工程", "农产品质量安全追溯工程", "棚户区改造"]


def test_a_web_pages_byline_labels_make_no_item():
    # 樟木镇 2024 (mirror): the page title above `最后编辑时间:2024-03-16 15:02:33 来源:未知 作者:未知`.
    projects = projects_of("天各一方是传言还是实锤?", "最后编辑时间:2024-03-16 15:02:33 来源:未知 作者:未知 阅读量: 未知")
    assert projects == []


def test_items_opening_with_a_projects_name_before_a_pause_are_named_by_it():
    # 鹿城区山福镇 2018 (镇人大票决): `这十大民生实事项目分别是：低保暖心工程，为辖区…；交通惠民工程，…`.
    projects = projects_of("这三大民生实事项目分别是：低保暖心工程，为辖区431户684人低保对象投保2018年度《城乡小额人身意外保险》；"
                           "交通惠民工程，新建停车位200个以上，提升公交站台10个以上；深化“雪亮工程”，补齐全镇各村道路主要出入口监控安装。")
    assert [(p.name, p.tasks[0].content[:8]) for p in projects] == [
        ("低保暖心工程", "为辖区431户6"), ("交通惠民工程", "新建停车位200"), ("深化“雪亮工程”", "补齐全镇各村道路")]


def test_lists_grouped_by_status_give_each_item_its_groups_progress():
    # 莆田市城厢区 2016: `…A、B、C等3个子项目已完成任务，D、E、F等3个子项目正在有序推进，…`.
    projects = projects_of("至9月10日，洋西溪整治工程、助行、就业扶助等3个子项目已完成任务，“强村行动”工程、公厕建设、"
                           "优生优育惠民服务等3个子项目正在有序推进。")
    assert [(p.name, p.tasks[0].progress) for p in projects] == [
        ("洋西溪整治工程", "已完成任务"), ("助行", "已完成任务"), ("就业扶助", "已完成任务"),
        ("“强村行动”工程", "正在有序推进"), ("公厕建设", "正在有序推进"), ("优生优育惠民服务", "正在有序推进")]


def test_a_count_closing_a_list_of_winners_tells_no_progress():
    projects = projects_of("大会票决出城北道路建设项目、城南公园建设项目、老旧小区改造项目等3个项目为2024年民生实事项目。")
    assert [p.tasks[0].progress for p in projects] == [None, None, None]


def test_a_long_field_of_work_opens_its_paragraph_too():
    # 辛集市 2023: `在保障粮食安全和改善农村基础设施方面，…` (16 characters before 方面).
    projects = projects_of("在城市建设方面，城市交通扩容提质，开工建设朝阳路等7条市区道路。",
                           "在保障粮食安全和改善农村基础设施方面，保障粮食增产，新建、改造高标准农田3万亩。")
    assert [p.section for p in projects] == ["城市建设方面", "保障粮食安全和改善农村基础设施方面"]


def test_the_share_of_the_plan_done_is_an_items_progress():
    # 永州市 2018: `…即：新增城镇就业66289人，为任务的116.3%；…`; 盐城市 2013: `…完成投入1亿元，占年度计划99%；`.
    projects = projects_of("其中，有3个指标超额完成年度任务，即：新增城镇就业66289人，为任务的116.3%；"
                           "新建自然村水泥(沥青)路2062.642公里，为任务的103.13%；提质改造农村公路714.011公里，占年度计划102%。")
    assert [(p.tasks[0].content, p.tasks[0].progress) for p in projects] == [
        ("新增城镇就业66289人", "为任务的116.3%"), ("新建自然村水泥(沥青)路2062.642公里", "为任务的103.13%"),
        ("提质改造农村公路714.011公里", "占年度计划102%")]
