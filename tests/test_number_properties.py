"""Property tests of reading a cell as a number (docs/reading.md#normalizing): an integer written any way the
reports write one reads back as itself, and digits that are no one number are no number, never a wrong one.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.normalize import cn_count, normalize_line, number_text, parse_cell, parse_number

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


_CN_DIGITS = "〇一二三四五六七八九"


def _cn_written(n: int, liang: bool = False, zero: str = "零") -> str:
    """``n`` (0 … 9999) as a report writes it in Chinese numerals: 十二 (no 一 before a leading 十), 一百零五 (a
    zero for the places skipped, once), 两 for 二 before 百 or 千 where ``liang``."""
    if n == 0:
        return zero
    out, skipped = "", False
    for place, digit in zip(("千", "百", "十", ""), f"{n:04d}"):
        if digit == "0":
            skipped = bool(out)
            continue
        out += (zero if skipped else "") + ("两" if liang and digit == "2" and place in "千百" and place else
                                             _CN_DIGITS[int(digit)]) + place
        skipped = False
    return out[1:] if out.startswith("一十") else out


@SETTINGS
@given(n=st.integers(0, 9999), liang=st.booleans(), zero=st.sampled_from(["零", "〇"]))
@example(n=2, liang=True, zero="零")  # 两 alone
def test_a_count_in_chinese_numerals_reads_back(n, liang, zero):
    # A count written in Chinese numerals as reports write one (两千零五, 一百〇五, 十二) reads back as itself, in a
    # count's cell flagged as read from words.
    written = "两" if (n, liang) == (2, True) else _cn_written(n, liang, zero)
    assert cn_count(written) == n, written
    got = parse_cell(written, expect="count")
    assert (got.value, got.words) == (float(n), True), (written, got)


def _malformed(written: str, how: str) -> str:
    if how == "place_doubled":  # 十十, 一百百
        k = next((k for k, c in enumerate(written) if c in "十百千"), None)
        return written[:k + 1] + written[k:] if k is not None else written + "十十"
    if how == "place_first":  # 百一
        return "百" + written
    if how == "zero_doubled":  # 一千零零一
        return written.replace("零", "零零") if "零" in written else written + "零零"
    if how == "zero_last":  # 一百零
        return written + "零"
    if how == "liang_last":  # 一百零两: 两 is no units digit
        return written + "零两" if written[-1:] in "百千" else written + "十两"
    return written + how  # 万, 亿: past the counts read (一百亿)


@SETTINGS
@given(n=st.integers(1, 9999), how=st.sampled_from(["place_doubled", "place_first", "zero_doubled", "zero_last",
                                                    "liang_last", "万", "亿", "万亿"]))
@example(n=1, how="place_doubled")  # 一十十 (十十 itself below)
@example(n=100, how="liang_last")  # 一百零两
def test_a_malformed_numeral_is_no_count(n, how):
    # A numeral no number is written as ('十十', '百一', '一千零零一', '一百零两', '一百亿': 万 and above are no count
    # read) is refused, not guessed: NA, its cell flagged not_a_number by the tables.
    written = _malformed(_cn_written(n), how)
    assert cn_count(written) is None, written
    assert parse_cell(written, expect="count").kind == "text", written


@SETTINGS
@given(text=st.text(alphabet="〇零一二两三四五六七八九十百千", max_size=9))
@example(text="")
@example(text="〇零")
@example(text="十十")
def test_a_numeral_read_writes_its_numbers_digits(text):
    # Whatever characters of counts a cell holds, what cn_count reads is a count below 一万 whose digits but its zeros
    # are the digits written, in order (a 十 with none before it one): never another number, nor 0 for no digit.
    got = cn_count(text)
    if got is None:
        return
    digits = [("一" if c == "十" and (k == 0 or text[k - 1] in "百千〇零") else "") + c for k, c in enumerate(text)]
    written = [_CN_DIGITS.index(c) if c != "两" else 2 for c in "".join(digits) if c in _CN_DIGITS[1:] + "两"]
    assert 0 <= got <= 9999 and written == [int(d) for d in str(got) if d != "0"], (text, got)
    assert got > 0 or text in ("〇", "零")
