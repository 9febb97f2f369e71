import pytest

from mszs.normalise.numbers import parse_number, to_decimal


@pytest.mark.parametrize("text, expected", [
    ("3,800", 3800),
    ("3800", 3800),
    ("2.2", 2.2),
    ("69.64", 69.64),
    ("３８００", 3800),
    ("两", 2),
    ("三", 3),
    ("十五", 15),
    ("一百二十", 120),
    ("两千万", 20000000),
    ("一千零五", 1005),
    ("0.8", 0.8),
])
def test_parse_number(text, expected):
    value = parse_number(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", ["", "十四五", "万", "千", "3万", "5G", "abc", "1.2.3"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_decimal_is_exact():
    assert to_decimal("16.4") * 10**8 == 1640000000
