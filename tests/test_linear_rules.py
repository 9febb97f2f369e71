"""Text rules on hostile cells of 10^5 characters: repeated separators, brackets, digits, labels,
enumeration marks. Each finishes (a quadratic rule would take minutes here: that is what
benchmarks/text_rules.py measures) and gives what it promises."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mszs.normalise.dates import date_matches, find_date
from mszs.normalise.targets import extract_targets
from mszs.normalise.units import SEPARATORS, split_list, split_people, split_units
from mszs.vocabulary import header_role

LONG = 100_000
PIECES = ["、", "（", "）", "（县", "（一）", "一、", "1.", "1", "1，", "3个", "3.5万元", "2021年", "3月",
          "责任单位：", "局 ", " ", "\n", "\t", "“", "。", "各乡镇、", "县教体局"]


def _long(piece: str) -> str:
    return (piece * (LONG // len(piece) + 1))[:LONG]


@pytest.mark.parametrize("piece", PIECES)
def test_units_of_a_hostile_cell_are_tidy_names_from_it(piece):
    text = _long(piece)
    for split in (split_units, split_list):
        names = split(text)
        assert all(name and name[0] not in SEPARATORS and name[-1] not in SEPARATORS for name in names)
        # 各 carried to a bare township noun is the only text a name may gain
        assert set("".join(names)) <= set(text) and len("".join(names)) <= len(text)


@pytest.mark.parametrize("piece", PIECES)
def test_people_of_a_hostile_cell(piece):
    assert all(name for name in split_people(_long(piece)))


@pytest.mark.parametrize("piece", PIECES)
def test_targets_of_a_hostile_cell_are_quantities_in_it(piece):
    text = _long(piece)
    targets = extract_targets(text)
    assert all(target.text in text for target in targets)
    if piece == "3个":
        assert len(targets) == LONG // 2 and all(target.value == 3 for target in targets)


@pytest.mark.parametrize("piece", PIECES)
def test_dates_of_a_hostile_cell_are_in_it(piece):
    text = _long(piece)
    assert all(parsed.text in text for _, parsed in date_matches(text, 2021))
    found = find_date(text, 2021)
    assert found is None or found.text in text


@pytest.mark.parametrize("piece", PIECES)
def test_a_hostile_cell_is_no_header_word(piece):
    assert header_role(_long(piece)) is None


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["县财政局", "牵头", "（牵头）", "等", "前"]), min_size=1, max_size=40),
       st.integers(min_value=100, max_value=1_000))
def test_mixtures_of_hostile_pieces(pieces, repeat):
    text = "".join(pieces) * repeat
    units = split_units(text)
    assert all(name and name[-1] not in SEPARATORS for name in units)
    assert all(target.text in text for target in extract_targets(text))
    assert all(parsed.text in text for _, parsed in date_matches(text, 2021))
