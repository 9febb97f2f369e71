"""A body list and an attached table of the same projects."""
from mszs.interpret.merge import merge_body_and_tables
from mszs.interpret.records import ProjectRecord, TaskRecord


def project(seq, name, content, **fields):
    return ProjectRecord(seq=seq, name=name, tasks=[TaskRecord(content=content, fields=fields)])


def test_attached_rows_become_tasks_of_the_body_project_with_its_co_units():
    body = [project(1, "医疗健康惠民工程", "…", lead_units="卫健局", co_units="财政局"),
            project(2, "教育工程", "…", lead_units="教体局", co_units="财政局、住建局")]
    attached = ProjectRecord(seq=1, name="医疗健康 惠民工程", from_table=True, tasks=[
        TaskRecord("改造卫生院", {"lead_units": "卫健局、王因街道", "progress": "已完成"}),
        TaskRecord("建设托育机构", {"lead_units": "卫健局"}),
    ])
    merged = merge_body_and_tables(body, [attached, project(2, "教育工程", "新增学位", lead_units="教体局")])
    assert [(p.seq, p.name, len(p.tasks)) for p in merged] == [(1, "医疗健康惠民工程", 2), (2, "教育工程", 1)]
    first = merged[0].tasks[0]
    assert first.fields == {"lead_units": "卫健局、王因街道", "progress": "已完成", "co_units": "财政局"}
    assert merged[1].tasks[0].fields["co_units"] == "财政局、住建局"


def test_numbering_that_restarts_in_each_section_is_not_merged_by_seq():
    body = [project(1, None, "a", units="甲局"), project(2, None, "b", units="乙局"), project(1, None, "c", units="丙局")]
    tables = [project(1, "x", "d", units="丁局"), project(2, "y", "e", units="戊局")]
    assert merge_body_and_tables(body, tables) == body + tables


def test_unrelated_lists_are_kept_side_by_side():
    body = [project(1, None, "a", units="甲局")]
    tables = [project(7, "x", "d", units="丁局"), project(8, "y", "e", units="戊局")]
    assert merge_body_and_tables(body, tables) == body + tables
