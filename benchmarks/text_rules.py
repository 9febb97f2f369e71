"""Time per character of every text rule on hostile inputs, from 10^3 to 10^5 characters.

    python benchmarks/text_rules.py            # every rule × every input, about a minute
    python benchmarks/text_rules.py --sizes 1000 10000 --rule units

A hostile or merely broken cell (thousands of 、, brackets, digits, labels or
enumeration marks) must cost time in proportion to its length: the table
printed gives microseconds per character at each size and the ratio of the
largest size's to the smallest's. A ratio near 1 is linear; 100 at 10^5 is
quadratic. A rule that passes --give-up seconds at one size is not run at the
next (it would take minutes), and is shown as such.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from mszs.api import parse_bytes  # noqa: E402
from mszs.errors import MszsError  # noqa: E402
from mszs.interpret.outline import enumerator  # noqa: E402
from mszs.normalise.dates import date_matches, find_date  # noqa: E402
from mszs.normalise.schedule import read_schedule, split_steps  # noqa: E402
from mszs.normalise.targets import extract_targets  # noqa: E402
from mszs.normalise.text import clean_lines, clean_text  # noqa: E402
from mszs.normalise.units import split_list, split_people, split_units  # noqa: E402
from mszs.parsers import read_bytes  # noqa: E402
from readers import clear_caches  # noqa: E402

# The repeated pieces a hostile cell is made of.
PATTERNS = {
    "、": "、",
    "。": "。",
    "、 ": "、 ",
    "（": "（",
    "（）": "（）",
    "（县": "（县",
    "）": "）",
    "digits": "1",
    "digit,": "1，",
    "、digit": "、1",
    ",digit": "，1",
    "digit、 ": "1、 ",
    "(digit)": "（1）",
    "digit ": "1 ",
    "一是": "一是",
    "：": "：",
    "第一，": "第一，",
    "2021年": "2021年",
    "3月": "3月",
    "个": "3个",
    "万元": "3.5万元",
    "label": "责任单位：",
    "一、": "一、",
    "（一）": "（一）",
    "1.": "1.",
    "局 ": "局 ",
    "quote": "“",
    "space": " ",
    "x+spaces": "x" + " " * 99,
    "newline": "\n",
    "tab": "\t",
    "|": "|",
    "各": "各乡镇、",
    "字": "县教体局",
}


def _table_notice(cell: str) -> bytes:
    """A text notice whose one project has the cell as its units and its content."""
    return ("关于办好2021年民生实事项目的通知\n序号\t项目名称\t项目内容\t责任单位\t完成时限\n"
            f"1\t教育提升工程\t{cell}\t{cell}\t{cell}\n").encode("utf-8")


def _parse(cell: str) -> None:
    try:
        parse_bytes(_table_notice(cell))
    except MszsError:
        pass


RULES = {
    "units": split_units,
    "list": split_list,
    "people": split_people,
    "targets": extract_targets,
    "find_date": lambda text: find_date(text, 2021),
    "date_matches": lambda text: list(date_matches(text, 2021)),
    "schedule": lambda text: read_schedule(text, 2021),
    "steps": lambda text: split_steps(text, 2021),
    "clean": lambda text: (clean_text(text), clean_lines(text)),
    "enumerator": enumerator,
    "text reader": lambda text: read_bytes(text.encode("utf-8")),
    "whole parse": _parse,
}


def time_best(rule, text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_caches()  # else a repeated run finds its units, dates… cached and costs nothing
        started = time.perf_counter()
        try:
            rule(text)
        except MszsError:
            pass
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    options.add_argument("--rule", action="append", choices=sorted(RULES), help="only these rules")
    options.add_argument("--pattern", action="append", choices=sorted(PATTERNS), help="only these inputs")
    options.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    options.add_argument("--give-up", type=float, default=2.0, help="seconds past which a rule is not run larger")
    args = options.parse_args()
    sizes = sorted(args.sizes)
    print(f"| rule | input | {' | '.join(f'µs/char at {n:,}' for n in sizes)} | slowest case | ratio |")
    print("|" + " --- |" * (len(sizes) + 4))
    worst = 0.0
    for rule_name in args.rule or RULES:
        rule = RULES[rule_name]
        for pattern_name in args.pattern or PATTERNS:
            pattern = PATTERNS[pattern_name]
            per_char, slowest = [], 0.0
            for size in sizes:
                if slowest > args.give_up:
                    per_char.append(None)
                    continue
                text = (pattern * (size // len(pattern) + 1))[:size]
                seconds = time_best(rule, text, args.repeat)
                slowest = max(slowest, seconds)
                per_char.append(seconds / size * 1e6)
            ratio = per_char[-1] / per_char[0] if per_char[-1] is not None and per_char[0] else float("inf")
            worst = max(worst, ratio)
            cells = " | ".join("gave up" if value is None else f"{value:.2f}" for value in per_char)
            print(f"| {rule_name} | `{pattern_name}` | {cells} | {slowest:.3f} s | {ratio:.1f} |", flush=True)
    print(f"\nworst ratio of time per character, {sizes[-1]:,} against {sizes[0]:,}: {worst:.1f}")


if __name__ == "__main__":
    main()
