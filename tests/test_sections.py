"""Tests of toolkit.sections on the real seeds: headings as a PDF gives them."""
from __future__ import annotations

import pandas as pd
import pytest

import toolkit
from conftest import RAW


def _outline(report) -> list[str]:
    return [s.key for s in report.sections]


@pytest.mark.parametrize("seed_id, heading", [
    ("004_b232cca7e491c758", "四、因政府信息公开申请行政复议、提起行政诉讼的情况"),
    ("000_438c5e5d2b6f4db4", "四、政府信息公开行政复议、行政诉讼情况"),
    ("001_4d29bfef72dd56db", "四、政府信息公开行政复议和行政诉讼情况"),
    ("000_438c5e5d2b6f4db4", "二、主动公开政府信息情况"),
])
@pytest.mark.parametrize("keep", [1, 2])
def test_a_heading_wrapped_by_a_large_font_is_found(seed_id, heading, keep):
    # A heading in a large font wraps its last characters onto the next line ('…提起行政诉讼的情' / '况'): the
    # section was not found (sections_missing) and its table was read into the section before it.
    text = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8")
    assert text.count(f"\n{heading}\n") == 1
    plain = toolkit.parse_text(text)
    wrapped = toolkit.parse_text(text.replace(f"\n{heading}\n", f"\n{heading[:-keep]}\n{heading[-keep:]}\n"))
    assert _outline(wrapped) == _outline(plain)
    assert [s.text for s in wrapped.sections] == [s.text for s in plain.sections]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(wrapped.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in wrapped.flags) == sorted(f.code for f in plain.flags)


def test_a_short_line_after_a_whole_heading_stays_in_the_section():
    # '一、总体情况' names a section by itself: the short line after it is the section's text, not the heading's.
    report = toolkit.parse_text("一、总体情况\n无\n二、主动公开政府信息情况\n暂无\n")
    assert [(s.key, s.title, s.text) for s in report.sections[:1]] == [("overview", "一、总体情况", "无")]
