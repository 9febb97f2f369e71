"""A user's vocabulary file (`mszs parse --vocab my.toml`): words and patterns mszs does not know.

```toml
[header_words]            # column headers and labels, by the field they fill
lead_units = ["主抓单位"]
deadline = ["办结时间"]

[label_words]             # labels only items written as forms use
content = ["惠民内容"]

[head_words]              # heads: a header or label ending in one fills that field
leaders = ["挂点人"]

[list_words]              # lists in running text: words that open one, lead into its first item, …
opening = ["列为"]

[[marks]]                 # enumeration marks; the group is the number
name = "实事一"
pattern = '^\\s*实事([一二三四五六七八九十]{1,3})[：:]\\s*'
rank = 1                  # 0 outermost (一、), 1 like （一）, 2 like 1., 3 like （1）

[noise]                   # spans removed from text and web pages before reading
"reporter line" = '本网讯[（(]记者[^）)]*[）)]'
```

A vocabulary extends mszs's own for the rest of the process; load it before parsing.
"""
from __future__ import annotations

import functools
import os
import re
import sys

from mszs import vocabulary
from mszs.interpret.outline import MarkStyle, add_mark_style
from mszs.parsers.noise import NOISE_PATTERNS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SECTIONS = ("header_words", "label_words", "head_words", "list_words", "marks", "noise")


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used, with the reason."""


@functools.lru_cache(maxsize=None)  # one load per file and process, however many notices use it
def load_vocabulary(path: str | os.PathLike) -> None:
    try:
        with open(path, "rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise VocabularyError(f"{path}: {exc}") from None
    try:
        use_vocabulary(data)
    except (ValueError, TypeError, KeyError, re.error) as exc:
        raise VocabularyError(f"{path}: {exc}") from None


def use_vocabulary(data: dict) -> None:
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(sorted(unknown))}; sections: {', '.join(SECTIONS)}")
    vocabulary.extend({name: data[name] for name in ("header_words", "label_words", "head_words", "list_words")
                       if name in data})
    for mark in data.get("marks", []):
        add_mark_style(MarkStyle(mark["name"], int(mark.get("rank", 2)), re.compile(mark["pattern"])))
    for name, pattern in data.get("noise", {}).items():
        NOISE_PATTERNS[name] = re.compile(pattern)
