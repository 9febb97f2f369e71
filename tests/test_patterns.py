"""Patterns compiled on first use: the same answers as compiled ones, and none broken unseen."""
import dataclasses
import importlib
import re
from pathlib import Path

import mszs
from mszs.patterns import LazyPattern

SOURCE = Path(mszs.__file__).parent


def test_a_lazy_pattern_answers_as_the_compiled_one():
    lazy, compiled = LazyPattern(r"(?P<n>\d+)个", re.I), re.compile(r"(?P<n>\d+)个", re.I)
    text = "新建3个，改造12个"
    assert lazy.search(text).group("n") == compiled.search(text).group("n") == "3"
    assert lazy.match(text) is None and lazy.fullmatch("3个")
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == ["3", "12"]
    assert lazy.sub("N", text) == compiled.sub("N", text) and lazy.subn("N", text) == compiled.subn("N", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == \
           (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)


def test_a_lazy_pattern_compiles_at_its_first_use():
    lazy = LazyPattern("[\u4e00-\u9fff]")
    assert "search" not in vars(lazy)
    assert lazy.match("县")
    assert isinstance(vars(lazy)["search"].__self__, re.Pattern)  # later calls go straight to the pattern


def _lazy_patterns(value, seen):
    """The lazy patterns in a module-level value: itself, or inside its containers and dataclasses."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, LazyPattern):
        yield value
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _lazy_patterns(item, seen)
    elif isinstance(value, dict):
        for item in (*value.keys(), *value.values()):
            yield from _lazy_patterns(item, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _lazy_patterns(getattr(value, field.name), seen)


def test_every_lazy_pattern_of_mszs_compiles():
    """A typo in a pattern no longer fails at import: compile them all here."""
    found = 0
    for path in sorted(SOURCE.rglob("*.py")):
        if "LazyPattern(" not in path.read_text(encoding="utf-8") or path.name == "patterns.py":
            continue
        name = ".".join(("mszs", *path.relative_to(SOURCE).with_suffix("").parts)).removesuffix(".__init__")
        seen = set()
        for pattern in _lazy_patterns(list(vars(importlib.import_module(name)).values()), seen):
            assert isinstance(pattern.pattern, (str, bytes)), pattern  # compiling raises re.error if broken
            found += 1
    assert found > 100
