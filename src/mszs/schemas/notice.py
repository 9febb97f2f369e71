"""The contract's output models (schema version 1).

Field names and meanings are fixed by CONTRACT.md; the extra fields (``precision``,
``metric``, ``origin``…) are additions other tools may ignore. The fields are defined once,
on the plain dataclasses of :mod:`mszs.output`, which the parser builds (and ``mszs parse``
writes without importing pydantic); each model here is made from the dataclass of its name,
with its fields, order, defaults and docstring, so the two cannot drift apart.
:func:`from_output` makes the models of what the parser built.
"""
from __future__ import annotations

import dataclasses
import inspect
import typing

from pydantic import BaseModel, ConfigDict, Field

from mszs import output
from mszs.output import SCHEMA_VERSION


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def _model(plain: type, models: dict[str, type[BaseModel]]) -> type[BaseModel]:
    """The model of one of mszs.output's dataclasses, as a class statement would write it: its
    fields (those of a base dataclass come from the base's model), their types with every
    dataclass named in them read as its model, their defaults and default factories alike."""
    base = next((models[parent.__name__] for parent in plain.__bases__ if parent.__name__ in models), _Model)
    types = typing.get_type_hints(plain, vars(output), models)
    namespace: dict = {"__module__": __name__, "__qualname__": plain.__name__, "__annotations__": {}}
    for field in dataclasses.fields(plain):
        if field.name in base.model_fields:
            continue
        namespace["__annotations__"][field.name] = types[field.name]
        if field.default_factory is not dataclasses.MISSING:
            factory = field.default_factory
            namespace[field.name] = Field(default_factory=models.get(getattr(factory, "__name__", ""), factory))
        elif field.default is not dataclasses.MISSING:
            namespace[field.name] = field.default
    if plain.__doc__ != plain.__name__ + str(inspect.signature(plain)).replace(" -> None", ""):
        namespace["__doc__"] = plain.__doc__  # its own docstring, not the signature dataclasses writes instead
    return type(base)(plain.__name__, (base,), namespace)


def _models() -> dict[str, type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for plain in vars(output).values():  # in the order defined, each after those its fields name
        if isinstance(plain, type) and dataclasses.is_dataclass(plain):
            models[plain.__name__] = _model(plain, models)
    return models


_MODELS = _models()
Source = _MODELS["Source"]
NoticeInfo = _MODELS["NoticeInfo"]
Target = _MODELS["Target"]
DatedText = _MODELS["DatedText"]
Deadline = _MODELS["Deadline"]
Milestone = _MODELS["Milestone"]
Detail = _MODELS["Detail"]
TaskOrigin = _MODELS["TaskOrigin"]
Task = _MODELS["Task"]
Project = _MODELS["Project"]
Notice = _MODELS["Notice"]


def from_output(notice: output.Notice) -> Notice:
    """The model of a notice as the parser built it, validated."""
    return Notice.model_validate(notice, from_attributes=True)
