"""Property tests of reading a cell as a number (docs/reading.md#normalizing): an integer written any way the
reports write one reads back as itself, and digits that are no one number are no number, never a wrong one.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.normalize import normalize_line, number_text, parse_number

from scale import scaled

SETTINGS = settings(max_examples=scaled(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])

_FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
# a space between thousands' groups: plain, no-break, thin, narrow no-break, ideographic
_GROUP_SPACES = [" ", "\xa0", "\u2009", "\u202f", "\u3000"]
_PADS = ["", " ", "  ", "\u3000", "\xa0", "\t"]
# (unit, the row's kind, the unit as a traditional report may write it)
_UNITS = [(None, "count"), ("件", "count"), ("条", "count"), ("個", "count"), ("个", "count"), ("項", "count"),
          ("件次", "count"), ("起", "count"), ("人", "people"), ("人次", "people"), ("万元", "money")]


def _grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@SETTINGS
@given(n=st.one_of(st.integers(0, 999), st.integers(0, 10**10)),
       style=st.sampled_from(["plain", "comma", "space", "full_width", "full_width_comma"]),
       space=st.sampled_from(_GROUP_SPACES), unit=st.sampled_from(_UNITS),
       unit_gap=st.sampled_from(["", " ", "\u3000"]), bracketed=st.booleans(),
       before=st.sampled_from(_PADS), after=st.sampled_from(_PADS))
def test_an_integer_as_written_reads_back(n, style, space, unit, unit_gap, bracketed, before, after):
    # Thousands' commas or spaces (any of the spaces a report sets between groups), full-width digits and commas,
    # a measure word or 万元 after it, or in brackets after it (in traditional characters too), white space around
    # it: the integer.
    written = {"plain": str(n), "comma": f"{n:,}", "space": _grouped(n, space),
               "full_width": str(n).translate(_FULL_WIDTH), "full_width_comma": f"{n:,}".translate(_FULL_WIDTH)}[style]
    word, kind = unit
    cell = before + written + (unit_gap + (f"（{word}）" if bracketed else word) if word else "") + after
    got = parse_number(normalize_line(cell).strip(), expect=kind, to_wan=kind == "money")
    assert (got.kind, got.value) == ("number", float(n)), (cell, got)


def _is_grouped(groups: list[str]) -> bool:
    # thousands' groups: a first of one to three digits with no leading zero (a lone 0 has no groups), then threes
    return (len(groups) == 1 or (0 < len(groups[0]) <= 3 and groups[0][0] != "0")) and all(
        len(g) == 3 for g in groups[1:])


@SETTINGS
@given(groups=st.lists(st.text(alphabet="0123456789", min_size=1, max_size=5), min_size=2, max_size=4),
       sep=st.sampled_from([",", " ", "\u2009", "\u202f", "\xa0", "\u3000", "，"]),
       decimals=st.sampled_from(["", ".5", ".25"]), unit=st.sampled_from(["", "件", "万元"]))
@example(groups=["0", "123"], sep=" ", decimals="", unit="")  # two counts, 0 and 123, their cell mark lost: read 123
@example(groups=["0", "123"], sep=",", decimals="", unit="")  # read 123
@example(groups=["012", "345"], sep="\u2009", decimals="", unit="")  # read 12345
def test_digits_that_are_no_thousands_groups_are_no_number(groups, sep, decimals, unit):
    # Digits a comma or a space apart are one number only as thousands' groups ('12,0', '4 0', '1234 5' are
    # none: two counts whose cell mark was lost): read as written, or no number, never another integer.
    cell = sep.join(groups) + decimals + unit
    got = parse_number(normalize_line(cell).strip(), expect={"": None, "件": "count", "万元": "money"}[unit])
    if _is_grouped(groups):
        assert (got.kind, got.value) == ("number", float("".join(groups) + decimals)), (cell, got)
    else:
        assert got.kind == "text" and got.value is None, (cell, got)


@SETTINGS
@given(whole=st.integers(0, 999), decimals=st.text(alphabet="0123456789", min_size=1, max_size=3),
       rest=st.text(alphabet="0123456789", min_size=1, max_size=4), sep=st.sampled_from([" ", ",", "\u2009"]))
@example(whole=12, decimals="5", rest="678", sep=" ")  # two amounts, 12.5 and 678, their cell mark lost: read 12.5678
def test_digits_after_a_decimal_point_take_no_groups(whole, decimals, rest, sep):
    # No thousands' separator stands after a decimal point: '12.5 678' is two amounts run together, no number.
    cell = f"{whole}.{decimals}{sep}{rest}"
    got = parse_number(normalize_line(cell).strip())
    assert got.kind == "text" and got.value is None, (cell, got)


@SETTINGS
@given(x=st.one_of(st.integers(-10**12, 10**12), st.decimals(-10**9, 10**9, places=2).map(float)))
def test_a_sum_is_written_in_full(x):
    # A flag's or a summary's sum (normalize.number_text): every digit, no exponent, no trailing '.0'; ':g' wrote
    # 1234567 and 1234566 alike, '1.23457e+06'.
    text = number_text(x)
    assert "e" not in text and not text.endswith((".", ".0"))
    assert float(text) == float(x) and (text == str(int(x)) if float(x).is_integer() else True)
    assert number_text(-0.0) == "0"
