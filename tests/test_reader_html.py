from mszs.document import Origin, Paragraph, Table
from mszs.parsers import read_bytes
from mszs.parsers.html import read_html

NOTICE_TABLE = """
<table border="1">
<tr><td><p><strong>序号</strong></p></td><td>项目名称</td><td>项目内容</td><td>责任单位</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">教育提升工程</td><td><p>新建中学</p><p>新增学位2700个</p></td><td>县教体局<br/>县财政局</td></tr>
<tr><td>改造操场</td><td>县教体局</td></tr>
<tr><td>2</td><td>畅通工程</td><td colspan="2">另行通知</td></tr>
</table>"""


def _page(body: str, charset: str | None = "gb2312") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>通知</title><script>var a = '当前位置';</script></head><body>{body}</body></html>"


def test_gb2312_page_with_meta():
    document = read_html(_page("<p>关于办好2021年民生实事项目的通知</p>").encode("gb2312"))
    assert document.encoding == "gb18030"
    assert [b.text for b in document.blocks] == ["关于办好2021年民生实事项目的通知"]


def test_gb2312_page_without_meta_is_detected():
    text = "<p>各乡镇人民政府，县政府各部门：现将2021年县政府民生实事项目通知如下，请认真抓好落实。</p>" * 3
    document = read_html(_page(text, charset=None).encode("gbk"))
    assert document.blocks[0].text.startswith("各乡镇人民政府")


def test_utf8_page_declaring_gb2312_is_read_as_utf8():
    document = read_html(_page("<p>民生实事</p>").encode("utf-8"))
    assert document.encoding == "utf-8"
    assert document.blocks[0].text == "民生实事"


def test_rowspan_and_colspan_are_expanded_with_their_origin():
    table = read_html(_page(NOTICE_TABLE).encode("gb18030")).tables[0]
    assert [row.texts for row in table.rows[1:]] == [
        ["1", "教育提升工程", "新建中学\n新增学位2700个", "县教体局\n县财政局"],
        ["1", "教育提升工程", "改造操场", "县教体局"],
        ["2", "畅通工程", "另行通知", "另行通知"],
    ]
    assert table.rows[2].cells[0].merged_from == Origin(table=0, row=1, column=0)
    assert table.rows[3].cells[3].merged_from == Origin(table=0, row=3, column=2)
    assert table.rows[2].cells[2].merged_from is None


def test_site_furniture_layout_tables_and_metadata_box():
    body = f"""
    <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li>政务公开</li></ul></div>
    <table width="1000"><tr><td class="position">当前位置：<a>首页</a> &gt; <a>政府文件</a></td></tr>
    <tr><td>
      <table class="xxgk"><tr><td>索 引 号：</td><td>11370830/2021-00001</td><td>发布机构：</td><td>汶上县人民政府办公室</td></tr>
      <tr><td>成文日期：</td><td>2021-01-19</td><td>发文字号：</td><td>汶政办发〔2021〕1号</td></tr></table>
      <h1>关于办好2021年县政府民生实事项目的通知</h1>
      <div id="zoom"><p>各乡镇（街道）人民政府：</p>{NOTICE_TABLE}<p>汶上县人民政府办公室</p></div>
      <div class="bdshare">分享到：<a>微信</a></div>
      <div>【打印本页】【关闭窗口】</div>
    </td></tr></table>
    <div class="footer">主办单位：汶上县人民政府办公室 网站标识码3708300001</div>"""
    document = read_bytes(_page(body).encode("gb18030"))
    assert document.metadata == {"索引号": "11370830/2021-00001", "发布机构": "汶上县人民政府办公室",
                                 "成文日期": "2021-01-19", "发文字号": "汶政办发〔2021〕1号"}
    assert [type(b) for b in document.blocks] == [Paragraph, Paragraph, Table, Paragraph]
    assert [b.text for b in document.paragraphs] == [
        "关于办好2021年县政府民生实事项目的通知", "各乡镇（街道）人民政府：", "汶上县人民政府办公室"]
    assert document.tables[0].rows[0].texts == ["序号", "项目名称", "项目内容", "责任单位"]


def test_br_splits_paragraphs_and_nested_table_stays_in_its_cell():
    body = """<p>汶政办发〔2021〕1号<br>汶上县人民政府办公室</p>
    <table border="1"><tr><td>序号</td><td>项目内容</td><td>责任单位</td></tr>
    <tr><td>1</td><td>分两步：<table><tr><td>3月底</td><td>完成设计</td></tr><tr><td>6月底</td><td>开工</td></tr></table></td>
    <td>县卫健局</td></tr></table>"""
    document = read_html(_page(body).encode("gb18030"))
    assert [b.text for b in document.paragraphs] == ["汶政办发〔2021〕1号", "汶上县人民政府办公室"]
    assert len(document.tables) == 1
    assert document.tables[0].rows[1].texts == ["1", "分两步：\n3月底 完成设计\n6月底 开工", "县卫健局"]


def test_unclosed_cells_are_still_cells():
    body = "<table border=1><tr><td>序号<td>项目名称<td>责任单位<tr><td>1<td>教育工程<td>县教体局</table>"
    assert read_html(_page(body).encode("gb18030")).tables[0].rows[1].texts == ["1", "教育工程", "县教体局"]


def test_ordered_list_items_get_the_numbers_a_browser_draws():
    from mszs.parsers.html import read_html

    page = ("<html><body><ol><li>新建学校2所。</li><li>新增学位900个。</li></ol>"
            "<ol start='3'><li>3. 改造道路10公里。</li></ol></body></html>")
    texts = [b.text for b in read_html(page.encode()).blocks]
    assert texts == ["1.新建学校2所。", "2.新增学位900个。", "3. 改造道路10公里。"]


def test_a_traditional_page_is_converted_before_its_box_and_tables_are_looked_for():
    body = ("<table><tr><td>索引號：</td><td>001/2024-00012</td><td>發布機構：</td><td>洋縣人民政府</td></tr>"
            "<tr><td>成文日期：</td><td>2024-04-02</td></tr></table>"
            "<p>關於印發洋縣2024年十大民生實事項目的通知</p>"
            "<p>各鎮人民政府、街道辦事處，縣政府各工作部門、直屬事業單位：《洋縣2024年十大民生實事項目》已經"
            "縣第十八屆人民代表大會第三次會議投票表決通過，現印發給你們，請相關單位精心組織實施，確保按時完成。</p>")
    document = read_bytes(_page(body, charset="utf-8").encode("utf-8"))
    assert document.metadata == {"索引号": "001/2024-00012", "发布机构": "洋县人民政府", "成文日期": "2024-04-02"}
    assert document.warnings == ["the notice is in traditional characters; converted to simplified"]
