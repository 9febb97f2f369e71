"""The parser's plain notice (mszs.output) and the library's models (mszs.schemas), made from it, are
one output: the same fields in the same order with the same defaults, and the same JSON for real notices."""
import dataclasses
from pathlib import Path

import pytest
from pydantic import BaseModel

from mszs import output, schemas
from mszs.api import read_notice
from mszs.emit import to_json
from mszs.schemas import from_output

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MODELS = [model for model in vars(schemas.notice).values()
          if isinstance(model, type) and issubclass(model, BaseModel) and model.__module__ == "mszs.schemas.notice"
          and not model.__name__.startswith("_")]


def _plain_default(field):
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def _as_data(value):
    if isinstance(value, BaseModel):
        return value.model_dump()
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_each_model_has_a_plain_class_with_its_fields_and_defaults(model):
    plain = getattr(output, model.__name__)
    fields = {f.name: f for f in dataclasses.fields(plain)}
    assert list(fields) == list(model.model_fields)
    for name, info in model.model_fields.items():
        expected = dataclasses.MISSING if info.is_required() else info.get_default(call_default_factory=True)
        assert _as_data(_plain_default(fields[name])) == _as_data(expected), name


def test_the_models_name_each_other_where_the_plain_classes_do():
    assert schemas.Task.model_fields["targets"].annotation == list[schemas.Target]
    assert schemas.Task.model_fields["deadline"].annotation == schemas.Deadline | None
    assert schemas.Notice.model_fields["notice"].default_factory is schemas.NoticeInfo
    assert issubclass(schemas.Milestone, schemas.DatedText) and issubclass(schemas.Deadline, schemas.DatedText)
    assert schemas.TaskOrigin.__doc__ == output.TaskOrigin.__doc__ and schemas.Task.__doc__ is None


def test_a_plain_notice_with_defaults_gives_the_json_of_its_model():
    notice = output.Notice(source=output.Source(path="a.txt", format="text", sha256="0" * 64),
                           projects=[output.Project(tasks=[output.Task(content="x", deadline=output.Deadline(text="y"),
                                                                       milestones=[output.Milestone(text="z")],
                                                                       origin=output.TaskOrigin())])])
    assert to_json(notice) == to_json(from_output(notice))


NOTICES = [*sorted((SAMPLES / "notices").glob("*.txt")), *sorted((SAMPLES / "html").glob("*.html")),
           *sorted((SAMPLES / "docx").glob("*.docx"))]


@pytest.mark.parametrize("path", NOTICES, ids=[p.name for p in NOTICES])
def test_validating_a_parsed_notice_changes_nothing(path):
    notice = read_notice(path.read_bytes(), path=path.name)
    assert to_json(notice) == to_json(from_output(notice))
