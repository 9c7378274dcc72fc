"""Tables in the text of an unruled PDF (templates-detail §8.1.6): each row one line, its cells set with spaces.

The seeds are rendered so (every table row one line, blank cells gone, as pdfplumber gives an unruled PDF), then
written as real reports write them: not-applicable marks and counts with a measure word in the cells (§8.3), a
header set vertically one character per line, running page headers, provincial notes on header labels (§8.2).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

import toolkit

from conftest import RAW
from test_formats import _as_lines

CID = re.compile(r"(?:\(cid:\d+\))+")  # a run of glyphs of no Unicode map, as pdfplumber writes them
MARKS = ["-", "/", "—", "——", "无"]


def _pdf_text(seed_id: str) -> str:
    """The seed as an unruled PDF's text: a table row a line, its cells set with spaces (blank cells gone)."""
    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    return "\n".join(" ".join(c for c in x if c) if isinstance(x, list) else x for x in lines) + "\n"


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _cells(report, table: str) -> pd.DataFrame:
    t = report.tables
    return t[t["table"] == table].set_index(["row_key", "col_key"])


def _without(cells: pd.DataFrame, *rows: str) -> pd.DataFrame:
    return cells[~cells.index.get_level_values("row_key").isin(rows)]


def _codes(report) -> list[str]:
    return sorted(f.code for f in report.flags)


@pytest.mark.parametrize("mark", MARKS)
def test_marks_in_a_request_row(mark):
    # '一、本年新收… 88 11 - - - - 99': before, the whole line was one label; its row was read with all seven cells
    # blank and no flag, and blank_as_zero made the written 88, 11 and 99 zeros.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "数量 88 11 0 0 0 0 99", f"数量 88 11 {mark} {mark} {mark} {mark} 99"))
    got, want = _cells(report, "requests"), _cells(plain, "requests")
    new = got.loc["new"]
    assert new["raw"].tolist() == ["88", "11", mark, mark, mark, mark, "99"]
    assert new["value"].iloc[[0, 1, 6]].tolist() == want.loc["new", "value"].iloc[[0, 1, 6]].tolist() == [88, 11, 99]
    assert new["value"].iloc[2:6].isna().all()
    assert report.table("requests", blank_as_zero=True).loc["new"].iloc[2:6].isna().all()   # a mark is no 0
    pd.testing.assert_frame_equal(_without(got, "new"), _without(want, "new"))
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("mark", MARKS)
def test_marks_and_units_in_article_20_rows(mark):
    # '行政强制 135 36 -' (R3 writes '-' for a decisions count), '行政处罚 2307起 -22 610起': before, both rows
    # vanished with status ok.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    text = _replace(text, "行政强制 135 36 21", f"行政强制 135 36 {mark}")
    report = toolkit.parse_text(_replace(text, "行政处罚 2307 -22 610", "行政处罚 2307起 -22 610起"))
    got, want = _cells(report, "active"), _cells(plain, "active")
    assert got.loc["coercion", "raw"].tolist() == ["135", "36", mark]
    assert got.loc["coercion", "value"].iloc[:2].tolist() == [135, 36] and math.isnan(got.loc[("coercion", "decisions"), "value"])
    assert got.loc["penalty", "raw"].tolist() == ["2307起", "-22", "610起"]
    assert got.loc["penalty", "value"].tolist() == want.loc["penalty", "value"].tolist() == [2307, -22, 610]
    pd.testing.assert_frame_equal(_without(got, "coercion", "penalty"), _without(want, "coercion", "penalty"),
                                  check_dtype=False)
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("mark", MARKS)
def test_marks_in_the_review_row(mark):
    # 15 counts on one line, the direct-litigation group not applicable: before, 'table_missing' (false).
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "\n4 0 0 0 4 0 1 0 1 2 1 0 0 0 1\n",
                                         f"\n4 0 0 0 4 {' '.join([mark] * 5)} 1 0 0 0 1\n"))
    got, want = _cells(report, "review_litigation"), _cells(plain, "review_litigation")
    assert (got.loc["litigation_direct", "raw"] == mark).all() and got.loc["litigation_direct", "value"].isna().all()
    assert want.loc["litigation_direct", "value"].tolist() == [0, 1, 0, 1, 2]
    rest = ["review", "litigation_after_review"]
    pd.testing.assert_frame_equal(got.loc[rest], want.loc[rest])
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("row, flag", [
    ("7.属于行政执法案卷 0 11 约0 0 0 0 11", "not_a_number"),   # a word with a number: kept in its column, flagged
    ("7.属于行政执法案卷 0 11 0 0 0 0 11*", "not_a_number"),
    ("7.属于行政执法案卷 十一", "ragged"),                      # nothing read as a cell, yet a value is written
])
def test_a_row_with_words_it_could_not_read_is_flagged(row, flag):
    # Before, the line was one label, its row read as seven blank cells, status ok: 'blank' where the report
    # writes values.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "7.属于行政执法案卷 0 11 0 0 0 0 11", row))
    key = "denied_enforcement"
    assert [f.code for f in report.flags if f.table == "requests" and key in f.detail] == [flag]
    cells = _cells(report, "requests").loc[key]
    blank = report.table("requests", blank_as_zero=True).loc[key]
    assert not (blank.isna() & ~cells["value"].isna().to_numpy()).any()
    written = row.split()[1:]
    if len(written) == 7:   # the cells that are numbers are read as written
        read = cells["value"].notna().to_numpy()
        assert cells["raw"].tolist() == written and read.sum() == 6
        assert blank.isna().sum() == 1
    else:
        assert cells["value"].isna().all() and (cells["flag"] == "ragged").all() and blank.isna().all()
    assert set(_codes(report)) == set(_codes(plain)) | {flag}


@pytest.mark.parametrize("cell, raw", [("99*", "99*"), ("99①", "99(1)"), ("99注", "99注"), ("(99)", "(99)"),
                                       ("（99）", "(99)"), ("99※", "99※")])
def test_a_marked_value_on_a_long_label_row_is_the_one_cell_flagged(cell, raw):
    # '一、本年新收政府信息公开申请数量 88 11 0 0 0 0 99*': a footnote mark after a value of a row whose label makes the
    # line longer than 30 characters read the line as glued page text, all seven values lost (ambiguous_digits),
    # where the same mark on a short row ('7.属于行政执法案卷 … 11*') keeps the row, the marked cell flagged.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "数量 88 11 0 0 0 0 99", f"数量 88 11 0 0 0 0 {cell}"))
    got, want = _cells(report, "requests"), _cells(plain, "requests")
    assert got.loc["new", "raw"].tolist() == ["88", "11", "0", "0", "0", "0", raw]
    assert got.loc["new", "value"].iloc[:6].tolist() == want.loc["new", "value"].iloc[:6].tolist()
    assert math.isnan(got.loc["new", "value"].iloc[6])
    pd.testing.assert_frame_equal(_without(got, "new"), _without(want, "new"))
    assert [(f.code, f.detail) for f in report.flags if f not in plain.flags] == [("not_a_number", f"new: {raw}")]


@pytest.mark.parametrize("row, at, raw", [("88 11 N/A 0 0 0 99", 2, "N/A"), ("88 11 0 0 0 0 99【注】", 6, "99[注]"),
                                          ("88 11 0 0 0 0 99[1]", 6, "99[1]")])
def test_n_a_or_a_bracketed_note_mark_on_a_long_label_row_is_read_as_on_a_short_row(row, at, raw):
    # 'N/A' for a value or a note mark in brackets ('99【注】') on '一、本年新收政府信息公开申请数量 …' read the line as
    # glued page text (all seven values lost, ambiguous_digits); the same cells on the short row '7.属于行政执法案卷 …'
    # are read as that row reads them.
    text = _pdf_text("001_4d29bfef72dd56db")
    short_row = " ".join(["0", "11", *row.split()[2:6], row.split()[6].replace("99", "11")])
    short = toolkit.parse_text(_replace(text, "7.属于行政执法案卷 0 11 0 0 0 0 11", f"7.属于行政执法案卷 {short_row}"))
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "数量 88 11 0 0 0 0 99", f"数量 {row}"))
    got, want = _cells(report, "requests"), _cells(short, "requests")
    # the same flags as on the short row (but the identities, over another row's values)
    assert [f.code for f in report.flags if f not in plain.flags and f.code != "identity_failed"] == \
        [f.code for f in short.flags if f not in plain.flags and f.code != "identity_failed"]
    assert got.loc["new", "flag"].fillna("").tolist() == want.loc["denied_enforcement", "flag"].fillna("").tolist()
    assert got.loc["new", "raw"].tolist() == row.replace(row.split()[at], raw).split()


ODD_ROWS = ["数量 88 11 0 0 0 0 99", "7.属于行政执法案卷 0 11 0 0 0 0 11"]


def _one_odd_cell(row: str, cell: str) -> None:
    """The seed's ``row`` with ``cell`` for its last value ('99' there the row's own): that cell kept raw, missing,
    flagged not_a_number, the row's other values and the other rows read as written."""
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    key = "new" if row.startswith("数量") else "denied_enforcement"
    last = row.split()[-1]
    cell = cell.replace("99", last)
    report = toolkit.parse_text(_replace(text, row, f"{row[:-len(last)]}{cell}"))
    got, want = _cells(report, "requests"), _cells(plain, "requests")
    assert got.loc[key, "raw"].tolist() == [*row.split()[-7:-1], cell]
    assert got.loc[key, "value"].iloc[:6].tolist() == want.loc[key, "value"].iloc[:6].tolist()
    assert math.isnan(got.loc[key, "value"].iloc[6])
    pd.testing.assert_frame_equal(_without(got, key), _without(want, key))
    assert [(f.code, f.detail) for f in report.flags if f not in plain.flags and f.code != "identity_failed"] == \
        [("not_a_number", f"{key}: {cell}")]


@pytest.mark.parametrize("cell", ["99件左右", "99左右", "99余", "99^1"])
@pytest.mark.parametrize("row", ODD_ROWS, ids=["long", "short"])
def test_a_value_with_a_remark_after_it_on_a_long_label_row_is_the_one_cell_flagged(row, cell):
    # '一、本年新收政府信息公开申请数量 88 11 0 0 0 0 99件左右' (or '99^1'): a remark or a caret's note number after
    # the last value of a row whose label makes the line longer than 30 characters read the line as glued page text,
    # all seven values lost (ambiguous_digits), where the short row '7.属于行政执法案卷 … 11件左右' keeps its values,
    # the odd cell flagged not_a_number. The long row now reads as the short one (the short row: a control).
    _one_odd_cell(row, cell)


@pytest.mark.parametrize("row", ODD_ROWS, ids=["long", "short"])
def test_a_value_with_a_note_number_in_square_brackets_is_the_one_cell_flagged(row):
    # '… 0 0 0 0 99[1]': the value and its note's number in square brackets was taken for a note after the values
    # (extra_cells), the row left six cells for seven columns: none placed (ragged), all seven values lost. It is a
    # value with a note mark, as '99(1)' or '99*': that cell flagged not_a_number, the other six read.
    _one_odd_cell(row, "99[1]")


@pytest.mark.parametrize("cell", ["99行政许可", "99二"])
def test_a_label_or_its_numeral_after_the_last_value_is_no_remark(cell):
    # A control: a label run into the last value ('99行政许可'), or a label's numeral ('99二', '二、…' cut), is page
    # text that lost its cells, read as before: the row's values, the words no cell of it.
    text = _pdf_text("001_4d29bfef72dd56db")
    report = toolkit.parse_text(_replace(text, "数量 88 11 0 0 0 0 99", f"数量 88 11 0 0 0 0 {cell}"))
    assert _cells(report, "requests").loc["new", "raw"].tolist() == ["88", "11", "0", "0", "0", "0", "99"]
    assert "not_a_number" not in _codes(report)


def test_a_count_and_its_measure_word_cut_apart_is_read_as_written_together():
    # '行政处罚 2307 起 -22 610': the measure word is the count's unit, read as '2307起' is (layout._units_joined); it
    # was a cell too many, every value missing, flagged extra_cells.  A word that is no unit is still a cell too many:
    # flagged, not the row dropped without a word.
    text = _pdf_text("001_4d29bfef72dd56db")
    glued = toolkit.parse_text(_replace(text, "行政处罚 2307 -22 610", "行政处罚 2307起 -22 610"))
    report = toolkit.parse_text(_replace(text, "行政处罚 2307 -22 610", "行政处罚 2307 起 -22 610"))
    assert _cells(report, "active").loc["penalty", "raw"].tolist() == ["2307起", "-22", "610"]
    assert _cells(report, "active").loc["penalty"].equals(_cells(glued, "active").loc["penalty"])
    assert [f.code for f in report.flags if "penalty" in f.detail] == [f.code for f in glued.flags if "penalty" in f.detail]
    worded = toolkit.parse_text(_replace(text, "行政处罚 2307 -22 610", "行政处罚 2307 合计 -22 610"))
    assert "penalty" in _cells(worded, "active").index.get_level_values(0)
    assert [f.code for f in worded.flags if "penalty" in f.detail] == ["extra_cells"]


VERTICAL_REVIEW = [  # the review header of seed 001, one character a line per column (R7)
    "行政复议 行政诉讼",
    "结 结 其 尚 未经复议直接起诉 复议后起诉",
    "果 果 他 未 总 结 结 其 尚 总 结 结 其 尚 总",
    "维 纠 结 审 计 果 果 他 未 计 果 果 他 未 计",
    "持 正 果 结 维 纠 结 审 维 纠 结 审",
    "持 正 果 结 持 正 果 结",
]


@pytest.mark.parametrize("header", ["vertical", "Page 9 - 乌当区人民政府2020年政府信息公开工作年度报告", "P. 9",
                                    "Page 9 of 12"])
def test_review_table_under_a_vertical_header_or_a_page_header(header):
    # Before: 'table_missing' (false) under the vertical header and 'Page 9 - …'; 15 NA and extra_cells after 'P. 9'.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    start = text.index("\n行政复议\n")
    end = text.index("\n4 0 0 0 4 0 1 0 1 2 1 0 0 0 1\n")
    head = VERTICAL_REVIEW if header == "vertical" else text[start + 1 : end].split("\n") + [header]
    report = toolkit.parse_text(text[: start + 1] + "\n".join(head) + text[end:])
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("furniture", ["Page 3 - 政府信息公开工作年度报告", "P. 3", "page 3 / 5"])
def test_a_running_page_header_inside_a_request_row_is_no_cell(furniture):
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    # a row label, the page's header, then the row's cells
    row = "2.其他法律行政法规禁止公开"
    report = toolkit.parse_text(_replace(text, f"\n{row} 0 0 0 0 0 0 0\n", f"\n{row}\n{furniture}\n0 0 0 0 0 0 0\n"))
    keys = ["table", "row_key", "col_key", "value", "raw"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])


# --- page text whose cells lost their boundaries (pingtan-2020-05) --------------------------------------------

HUBEI = {  # templates-detail §8.2: the notes Hubei's 2020 format appends to the standard labels
    "上一年项目数量": "上一年项目数量(指2019年事项数)",
    "本年增/减": "本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8)",
    "处理决定数量": "处理决定数量(指2020年办件量)",
}


def test_provincial_notes_on_the_header_leave_its_columns_whole():
    # pingtan-2020-05's glued header with Hubei's notes: before, the 27-character note on 本年增/减 cut the
    # header in two, and '行政许可88-720' was read with certainty as 88 | -720 in two columns (decisions lost).
    text = (RAW / "pingtan-2020-05.txt").read_text(encoding="utf-8")
    plain = toolkit.parse_text(text)
    header = "上一年项目数量本年增/减处理决定数量"
    assert text.count(header) == 2   # the 2019 blocks (五) and (六)
    annotated = toolkit.parse_text(text.replace(header, "".join(HUBEI.values())))
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(annotated.tables[keys], plain.tables[keys])
    licensing = _cells(annotated, "active").loc["licensing"]
    assert licensing["flag"].tolist() == ["", "ambiguous_digits", "ambiguous_digits"]
    assert _codes(annotated) == _codes(plain)


def test_a_one_character_unit_in_brackets_stays_with_its_header():
    # pingtan-2020-05 writes '采购总金额（元）政府集中采购263042532'; with its digits spaced ('2 63042532') the amount
    # was missing and flagged unit_unknown, the '(元)' cut off the label: it is 6304.2532 万元.
    text = (RAW / "pingtan-2020-05.txt").read_text(encoding="utf-8")
    report = toolkit.parse_text(_replace(text, "政府集中采购263042532", "政府集中采购 2 63042532"))
    amount = _cells(report, "active").loc[("procurement", "amount_wan")]
    assert (amount["value"], amount["raw"], amount["unit"], amount["col_label"]) == (
        6304.2532, "63042532", "万元", "采购总金额(元)")
    assert not [f for f in report.flags if f.code.startswith("unit")]
    # as written, the glued digits stay ambiguous, under the header as written
    glued = _cells(toolkit.parse_text(text), "active").loc[("procurement", "amount_wan")]
    assert glued["col_label"] == "采购总金额(元)" and glued["flag"] == "ambiguous_digits"


@pytest.mark.parametrize("spaced", [("总计", "总 计"), ("自然人", "自 然 人")])
def test_a_letter_spaced_label_in_a_header_line_is_no_vertical_header(spaced):
    # '… 总 计 商业 企业 …': the line was cut into cells as a vertical header, not taken for a header by the
    # table, and its last cell '其他' read as the row (三)其他: the real row flagged duplicate_row, its cells lost.
    text = _pdf_text("002_809f9474e249d214")
    plain = toolkit.parse_text(text)
    header = next(line for line in text.splitlines() if line.startswith("申请人情况 "))
    report = toolkit.parse_text(_replace(text, header, header.replace(*spaced)))
    pd.testing.assert_frame_equal(_cells(report, "requests"), _cells(plain, "requests"))
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("line", ["2020年,全区通过政府网站主动公开政府信息 16730",   # prose wrapped after a number
                                  "政府信息公开工作年度报告 - 3 -"])                   # a running footer
def test_prose_and_a_running_footer_between_rows_are_no_rows(line):
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "\n行政强制 135 36 21\n", f"\n行政强制 135 36 21\n{line}\n"))
    # the same cells (the rows after the line one line further down)
    pd.testing.assert_frame_equal(_cells(report, "active").drop(columns="line"), _cells(plain, "active").drop(columns="line"))
    assert _codes(report) == _codes(plain)


def _pdf_rows(seed_id: str, sep: str) -> list[str]:
    """The seed as a PDF's text, a table row a line: cells set with spaces (unruled) or '|' (a ruled grid)."""
    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    return [sep.join(c for c in x if c) if isinstance(x, list) else x for x in lines]


@pytest.mark.parametrize("sep", [" ", " | "], ids=["unruled", "ruled"])
@pytest.mark.parametrize("seed_id, row", [("002_809f9474e249d214", "二、上年结转"),   # its 自然人 cell blank
                                          ("001_4d29bfef72dd56db", "二、上年结转"),
                                          ("001_4d29bfef72dd56db", "(三)不予公开")])
def test_a_bare_page_number_between_rows_is_no_cell(seed_id, row, sep):
    # A table split across pages with the page number printed alone ('1') at the page's foot: it was read as
    # a cell of the row above (its values shifted a column silently, or extra_cells).
    lines = _pdf_rows(seed_id, sep)
    plain = toolkit.parse_text("\n".join(lines) + "\n")
    at = next(i for i, x in enumerate(lines) if x.startswith(row)) + 1
    report = toolkit.parse_text("\n".join(lines[:at] + ["1"] + lines[at:]) + "\n")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214"])
def test_a_short_review_row_with_a_mark_before_the_next_heading_stays_a_row(seed_id):
    # The review row with its blank cells gone and a mark second ('1 无 3 0 0 0 5 0 0 0 1': numbered '1' to a heading
    # pattern) was joined to the next line as a wrapped heading ('1 无 3 … 1五、存在的主要问题及改进情况'): the review
    # table lost (table_missing, false), the problems section titled with the row.  Now the row is the table's.
    text = _pdf_text(seed_id)
    row = next(line for line in text.split("\n") if len(line.split()) == 15)
    report = toolkit.parse_text(_replace(text, row, "1 无 3 0 0 0 5 0 0 0 1"))
    problems = next(s for s in report.sections if s.key == "problems")
    assert problems.title.startswith("五、")
    assert "table_missing" not in _codes(report)
    cells = _cells(report, "review_litigation")
    assert len(cells) == 15 and cells["value"].isna().all()  # 11 values for 15 cells: none placed, flagged ragged
    assert "review_litigation: 0 of 15 cells placed (written: 1 | 无 | 3 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 1)" in [
        f.detail for f in report.flags if f.code == "ragged"]


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214"])
@pytest.mark.parametrize("label, spread", [
    ("一、本年新收政府信息公开申请数量", "一 、 本 年 新 收 政 府 信 息 公 开 申 请 数 量"),
    ("二、上年结转政府信息公开申请数量", "二、上　年　结　转　政　府　信　息　公　开　申　请　数　量"),
    ("(一)予以公开", "( 一 ) 予 以 公 开"),      # after its group's label '三、本年度办理结果'
    ("(七)总计", "( 七 ) 总 计"), ("(七)总计", "总　　计"), ("行政处罚", "行 政 处 罚")])
def test_a_row_label_set_spread_out_reads_as_the_label(seed_id, label, spread):
    # An unruled PDF's row label set with wide letter spacing (distributed alignment in a wide cell) comes out a
    # character a word: before, the line was one label (ragged, 'no cell read'), or its characters were cells of
    # their own ('总', '计': unknown_row, missing_rows), the row's values lost. It reads as the label now.
    text = _pdf_text(seed_id)
    plain = toolkit.parse_text(text)
    line = next(x for x in text.split("\n") if f"{label} " in x and x.split(label)[1][1:2].isdigit())
    report = toolkit.parse_text(_replace(text, line, line.replace(label, spread)))
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert _codes(report) == _codes(plain)


def test_a_vertical_header_of_single_characters_is_not_joined():
    # A control: a header set one character a column ('结 结 其 尚 …') joins into no row label and stays as it was.
    from toolkit.layout import spread_label_words

    assert spread_label_words("结 结 其 尚 总 结 结 其 尚 总".split()) is None
    assert spread_label_words("果 果 他 未 1 2 3".split()) is None
    assert spread_label_words("(三)不 4.保护第三方合法权益 0 0 0 0 0 0 0".split()) is None
    assert spread_label_words("4 . 保 护 第 三 方 合 法 权 益 0 0 0 0 0 0 0".split()) == [11]


@pytest.mark.parametrize("old, new, key", [
    ("数量 88 11 0 0 0 0 99", "数量 (cid:5)(cid:5) 11 0 0 0 0 99", ("requests", "new", "natural_person")),
    ("行政强制 135 36 21", "行政强制 135 (cid:2)(cid:3) 21", ("active", "coercion", "change")),
    ("\n4 0 0 0 4 0 1 0 1 2 1 0 0 0 1\n", "\n4 0 0 0 4 0 1 (cid:7) 1 2 1 0 0 0 1\n",
     ("review_litigation", "litigation_direct", "other")),
    ("7.属于行政执法案卷 0 11 0", "7.属于行政执法案卷 0 (cid:1)(cid:1) 0", ("requests", "denied_enforcement", "commercial")),
    # a glyph glued to a value (it may be a digit of the number: the value not known)
    ("\n4 0 0 0 4 0 1 0 1 2 1 0 0 0 1\n", "\n4 (cid:3)0 0 0 4 0 1 0 1 2 1 0 0 0 1\n",
     ("review_litigation", "review", "corrected")),
    ("\n4 0 0 0 4 0 1 0 1 2 1 0 0 0 1\n", "\n4 0 0 0 4 0 1 0 1 2 1 0 0 0 1(cid:3)\n",
     ("review_litigation", "litigation_after_review", "total")),
    ("行政强制 135 36 21", "行政强制 (cid:3)135 36 21", ("active", "coercion", "prev_items")),
    ("行政强制 135 36 21", "行政强制 135 (cid:3)36 21", ("active", "coercion", "change")),
    ("数量 88 11 0 0 0 0 99", "数量 (cid:3)88 11 0 0 0 0 99", ("requests", "new", "natural_person")),
    ("数量 88 11 0 0 0 0 99", "数量 88 11 (cid:3)0 0 0 0 99", ("requests", "new", "research")),
    ("7.属于行政执法案卷 0 11 0", "7.属于行政执法案卷 0 (cid:3)11 0", ("requests", "denied_enforcement", "commercial"))])
def test_a_value_of_unmapped_glyphs_is_the_one_cell_missing(old, new, key):
    # A PDF value set in a font without a Unicode map comes out as '(cid:NN)': before, it was a label, its row
    # unknown (all its values lost, missing_rows) or cut in two (ambiguous_digits), the review table lost. Now that
    # cell alone is missing, flagged not_a_number, the cid text no value; the row's other cells read as written.
    # A glyph glued to a value ('4 (cid:3)0 0', '行政强制 (cid:3)135') lost the review table (table_missing) or the
    # row (unknown_row, missing_rows): now the same, that one cell missing.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, old, new))
    keys = ["table", "row_key", "col_key", "value", "raw"]
    got, want = report.tables.set_index(keys[:3]), plain.tables.set_index(keys[:3])
    assert math.isnan(got.loc[key, "value"]) and "(cid:" in got.loc[key, "raw"]
    pd.testing.assert_frame_equal(got.drop(index=[key])[["value", "raw"]], want.drop(index=[key])[["value", "raw"]])
    assert [f.code for f in report.flags if f not in plain.flags] == ["not_a_number"]


def test_a_row_label_of_unmapped_glyphs_stays_an_unknown_row():
    # A control: glyphs with no map first on a line are the row's label, no value: the row unknown, as before,
    # the row above left whole.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "7.属于行政执法案卷 0 11", "(cid:1)(cid:2)(cid:3) 0 11"))
    assert {(f.code, f.detail) for f in report.flags} - {(f.code, f.detail) for f in plain.flags} >= {
        ("unknown_row", "(cid:1)(cid:2)(cid:3) (written: 0 | 11 | 0 | 0 | 0 | 0 | 11)"), ("missing_rows", "denied_enforcement")}
    cells, want = _cells(report, "requests"), _cells(plain, "requests")
    pd.testing.assert_frame_equal(_without(cells, "denied_enforcement")[["value", "raw"]],
                                  _without(want, "denied_enforcement")[["value", "raw"]])


@pytest.mark.parametrize("sep", [" ", " | "], ids=["unruled", "ruled"])
@pytest.mark.parametrize("label, glyphs", [("规章", "(cid:9)"), ("行政许可", "(cid:9)"), ("(七)总计", "(cid:9)"),
                                           ("(七)总计", "(cid:9)(cid:10)"),
                                           ("一、本年新收政府信息公开申请数量", "(cid:3)")])  # (long: read before)
def test_unmapped_glyphs_run_into_a_known_row_label_leave_the_row_read(sep, label, glyphs):
    # A glyph with no Unicode map set before a row's label in its cell (a bullet or a mark in a symbol font):
    # '(cid:9)规章 0 0 0' was no row's label, its row lost (unknown_row, missing_rows); glued into a long line it was
    # already read. Before a label of the format the glyphs are no part of it: the row reads as without them, the
    # label as written (with the glyphs) its row_label, the glyphs reported by the PDF reader (cid_characters).
    lines = _pdf_rows("001_4d29bfef72dd56db", sep)
    at = next(i for i, x in enumerate(lines) if x.startswith(f"{label}{sep}"))
    plain = toolkit.parse_text("\n".join(lines) + "\n")
    lines[at] = glyphs + lines[at]
    report = toolkit.parse_text("\n".join(lines) + "\n")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert _codes(report) == _codes(plain)
    assert set(report.tables["row_label"]) - set(plain.tables["row_label"]) <= {glyphs + label}


@pytest.mark.parametrize("sep", [" ", " | "], ids=["unruled", "ruled"])
@pytest.mark.parametrize("seed_id, row", [("001_4d29bfef72dd56db", "4 0 0 0 4 0 1 0 1 2 1 0 0 0 1"),
                                          ("002_809f9474e249d214", "1 1 1 0 3 1 0 4 0 5 0 0 1 0 1")])
def test_unmapped_glyphs_before_a_row_s_first_value_leave_the_row_read(sep, seed_id, row):
    # A glyph with no Unicode map glued before the first value of a row with no label on its line (the review
    # table's rows: '(cid:3)4 0 0 0 4 …', a bullet in a symbol font) made that value a row label: the whole review
    # table was lost (table_missing). As before a row's label, the glyphs are no cell: the row reads as without
    # them (the PDF reader's cid_characters flag reports them).
    lines = _pdf_rows(seed_id, sep)
    at = next(i for i, x in enumerate(lines) if x == row.replace(" ", sep))
    plain = toolkit.parse_text("\n".join(lines) + "\n")
    lines[at] = "(cid:3)" + lines[at]
    report = toolkit.parse_text("\n".join(lines) + "\n")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert _codes(report) == _codes(plain)


def test_a_marked_value_on_a_long_label_row_of_a_real_unruled_pdf(tmp_path):
    # The same row as test_a_marked_value_on_a_long_label_row_is_the_one_cell_flagged, in a real unruled PDF's text
    # (pdfplumber): before, the row's seven values were lost, flagged ambiguous_digits.
    from renderers import render_pdf

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    row = next(x for x in lines if isinstance(x, list) and x and x[0].startswith("一、本年新收"))
    assert row[1:] == ["88", "11", "0", "0", "0", "0", "99"]
    row[-1] = "99*"
    render_pdf(lines, tmp_path / "marked.pdf", ruled=False)
    report = toolkit.parse_report(tmp_path / "marked.pdf")
    cells = _cells(report, "requests").loc["new"]
    assert cells["raw"].tolist() == ["88", "11", "0", "0", "0", "0", "99*"]
    assert cells["value"].iloc[:6].tolist() == [88, 11, 0, 0, 0, 0] and math.isnan(cells["value"].iloc[6])
    assert "ambiguous_digits" not in _codes(report)
    assert [f.detail for f in report.flags if f.code == "not_a_number"] == ["new: 99*"]


def test_a_unit_cell_at_the_top_of_pages_is_no_running_header(tmp_path):
    # Seed 003's statistics table one cell a line, its text set from 20 pt below each page's top (inside the band a
    # reader takes for a running header's): the unit cell '件' stood at the same place at the top of half the pages,
    # so it was dropped as a running header, three of its rows losing their unit (3 cells lost, ambiguous_digits).
    # A table's unit alone is no header's words: every cell is kept, the table read as set lower on the page.
    from renderers import render_pdf

    from toolkit.readers import read_document

    cells = []
    for x in _as_lines(toolkit.parse_report(RAW / "003_ce1f8ef96d3daffd.txt")):
        for line in x if isinstance(x, list) else [x]:
            cells += [p.strip() for p in line.split("|") if p.strip()] if "|" in line and len(line) < 200 else [line]
    cells = [c for c in cells if c]
    render_pdf(cells, tmp_path / "top.pdf", font_size=10.0)
    render_pdf(cells, tmp_path / "lower.pdf", font_size=10.0, top_margin=72.0)
    assert read_document(tmp_path / "top.pdf").lines.count("件") == cells.count("件")
    report, want = toolkit.parse_report(tmp_path / "top.pdf"), toolkit.parse_report(tmp_path / "lower.pdf")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], want.tables[keys])
    assert _codes(report) == _codes(want)



def _spread_requests(tmp_path, spacing: float, centered: bool) -> dict[str, list[str]]:
    """The values of four rows of seed 001's requests table in an unruled PDF under a one-line header, its counts
    of two digits (88, 11, 74, 99) spread ``spacing`` pt apart, its last rows on a second page (no header there):
    {label's words: the values read}."""
    from renderers import render_pdf
    from test_formats import _requests_under_a_header

    from toolkit.readers import read_document

    lines = _requests_under_a_header("001_4d29bfef72dd56db")
    spaced = {c: spacing for x in lines if isinstance(x, list) for c in x if c.isdigit() and len(c) == 2}
    render_pdf(lines, tmp_path / "spread.pdf", ruled=False, spaced=spaced, centered=centered)
    got = [x if isinstance(x, str) else " ".join(c for c in x if c)
           for x in read_document(tmp_path / "spread.pdf").lines]
    return {key: next(x for x in got if key in x).split()[1:] for key in ("本年新收", "予以公开", "执法案卷", "(七)总计")}


@pytest.mark.parametrize("spacing, centered", [(24.0, False), (28.0, False), (24.0, True), (32.0, True)])
def test_counts_of_two_digits_spread_24_pt_apart_or_more_read_as_written(spacing, centered, tmp_path):
    # Seed 001's counts of two digits spread over their cells of an unruled table 24 pt apart or more: the second
    # '1' of '1   1' and the '0's of the next two cells stood as evenly apart (within a fifth) as a count of three
    # spread out, so that run took it ('1 0 0', parted by the header's columns) and '11' read as two values (extra
    # cells, the row's cells shifted); centered, '7 4 0' took the '4' of 74 so. The pairs inside a run a column's
    # gap apart are offered as counts of two: '1   1' under one header word is 11.
    from renderers import render_pdf

    from toolkit.readers import read_document

    rows = _spread_requests(tmp_path, spacing, centered)
    assert rows["本年新收"][:6] == ["88", "11", "0", "0", "0", "0"] and rows["予以公开"][:6] == ["74", *["0"] * 5]
    assert rows["执法案卷"][:6] == ["0", "11", "0", "0", "0", "0"]
    # a control: single digits of neighbouring cells, as evenly apart, each under its header word, stay apart
    rows = [["信息内容", "合计", "其他", "总计"], ["行政许可", "1", "2", "3"], ["行政处罚", "4", "5", "6"]]
    render_pdf(rows, tmp_path / "digits.pdf", ruled=False, centered=centered)
    got = read_document(tmp_path / "digits.pdf").lines[-2:]
    assert [x.split()[-3:] for x in got] == [["1", "2", "3"], ["4", "5", "6"]]


@pytest.mark.parametrize("spacing, centered, total", [(16.0, True, "99"), (20.0, True, "99"), (32.0, True, "99"),
                                                      (22.0, False, "99"), (24.0, False, "9 9")])
def test_a_count_spread_under_the_total_header_reads_alike_on_both_pages(spacing, centered, total, tmp_path):
    # '9   9' under the 18-pt-wide header '总计' (the last column): centered 16 and 20 pt apart, it read 99 on the
    # header's page and two values on the next ('(七)总计 … 9 9', its cells shifted), as 88 on the first page had
    # been lost to a run of three across a column edge (test_counts_of_two_digits_spread_24_pt_apart_or_more_…),
    # its columns then not carried. The header's span decides, on every page the table goes on: the digits are one
    # count where '总计' reaches each nearer than a column's gap; set at its left, 24 pt apart, the second stands
    # 10.5 pt past its end (9 pt at 9 pt text), in a column of its own (a blank header cell): two values.
    rows = _spread_requests(tmp_path, spacing, centered)
    assert " ".join(rows["本年新收"][6:]) == " ".join(rows["(七)总计"][6:]) == total
    assert " ".join(rows["予以公开"][6:]) == total.replace("9", "7", 1).replace("9", "4")
    assert rows["执法案卷"][6:] == total.replace("9", "1").split()


def _numbered(x: float, dy: float):
    """A page's number ('1', '2', …) in 9 pt at ``x`` (from the right edge where negative), ``dy`` above the
    page's bottom edge: a printer's footer set in a side margin."""
    from overlays import _text

    def draw(pdf, n: int) -> None:
        _text(pdf, x if x >= 0 else pdf.w + x, pdf.h - dy, str(n), 9)
    return draw


@pytest.mark.parametrize("x", [-30.0, 5.0])
def test_a_bare_page_number_in_the_side_margin_level_with_a_row_is_no_cell(x, tmp_path):
    # Seed 001 in an unruled PDF, its page number '2' set in the right margin (30 pt from the edge) or the left one
    # (5 pt from it), 120 pt above the bottom: level with the row '4.无正当理由大量反复申请'. Taken as a cell it set a
    # column of its own beyond the table's last (the row's seven values read as extra cells, lost) or before its
    # first (the row's label a column right: missing_rows). A bare number in a side margin beyond the page's text
    # is page furniture; a value inside the text's width stays a cell (extra, where the table has no column for it).
    from renderers import render_pdf

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    render_pdf(lines, tmp_path / "plain.pdf", ruled=False)
    render_pdf(lines, tmp_path / "numbered.pdf", ruled=False, decorate=_numbered(x, 120.0))
    report, plain = toolkit.parse_report(tmp_path / "numbered.pdf"), toolkit.parse_report(tmp_path / "plain.pdf")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], plain.tables[keys])
    assert _codes(report) == _codes(plain)
    # a control: a real eighth value on that row, inside the table's width, is still an extra cell
    row = next(r for r in lines if isinstance(r, list) and r and r[0].startswith("4.无正当理由"))
    row.append("5")
    render_pdf(lines, tmp_path / "extra.pdf", ruled=False, decorate=_numbered(x, 120.0))
    extra = toolkit.parse_report(tmp_path / "extra.pdf")
    written = [f.detail for f in extra.flags if f.code == "extra_cells"]
    assert len(written) == 1 and written[0].endswith(f"(written: {' | '.join(row[1:])})")
    assert "extra_cells" not in _codes(plain)


@pytest.mark.parametrize("seed_id, carried", [("000_438c5e5d2b6f4db4", 1), ("001_4d29bfef72dd56db", 3),
                                              ("002_809f9474e249d214", 1)])
def test_rows_carried_under_the_table_s_header_repeated_read_as_without_it(seed_id, carried, tmp_path):
    # A seed's requests table in an unruled PDF, its last rows (a column blank in all of them) going on at the next
    # page's top under the table's header row repeated there (the same labels): the header, a line of text above
    # the rows, stopped the carry (seeds 001 and 002: rows read as text, ragged, values lost), or its labels, a
    # group's flattened into one line, set the lone row's columns (seed 000: the values a column off). A header
    # repeating the lines over the table's rows on the page before is passed over as the caption is, and rows going
    # on are placed in the columns of the page before first.
    from renderers import PAGE_BREAK, render_pdf
    from test_formats import _requests_carried
    from test_formats import _cells as _all_cells

    reference = _requests_carried(seed_id, carried)
    lines = list(reference)
    header = next(x for x in lines if isinstance(x, list) and x[:1] == ["申请人情况"])
    lines.insert(lines.index(PAGE_BREAK) + 1, header)
    render_pdf(reference, tmp_path / "reference.pdf", ruled=False, top_margin=72.0)
    render_pdf(lines, tmp_path / "header.pdf", ruled=False, top_margin=72.0)
    report, want = toolkit.parse_report(tmp_path / "header.pdf"), toolkit.parse_report(tmp_path / "reference.pdf")
    got, expected = _all_cells(report), _all_cells(want)
    assert got.keys() == expected.keys()
    assert {k: v[0] for k, v in got.items()} == {k: v[0] for k, v in expected.items()}
    assert sorted(f.code for f in report.flags if f.table) == sorted(f.code for f in want.flags if f.table)


def _footer(dy: float, text: str = "- {} -"):
    """A page's number (``text`` with the page's number) in 9 pt at x = 400 pt, its box's top ``dy`` above the
    page's bottom edge: a footer where a ruled table running to the page's foot may end."""
    from overlays import _text

    def draw(pdf, n: int) -> None:
        _text(pdf, 400.0, pdf.h - dy, text.format(n), 9)
    return draw


@pytest.mark.parametrize("dy", [37.0, 40.0])
def test_a_page_number_over_a_ruled_table_s_bottom_edge_is_no_cell(dy, tmp_path):
    # Seed 001 in a ruled PDF, its first page's table running to the foot of the page (its bottom rule 31 pt above
    # the page's edge) and the page's number '- 1 -' printed there, over the rule (37 pt up) or touching it from
    # inside (40 pt): the characters inside the last row were read as its cell's ('0 - 1 -': the row
    # '3.危及"三安全一稳定"' unknown, missing_rows, the sums failing). A page number's pattern over a ruled table's
    # bottom edge in the page's bottom margin is page furniture; the row reads as with the number set lower.
    from renderers import render_pdf

    from toolkit.readers import read_document

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    render_pdf(lines, tmp_path / "edge.pdf", decorate=_footer(dy))
    render_pdf(lines, tmp_path / "lower.pdf", decorate=_footer(16.0))
    report, want = toolkit.parse_report(tmp_path / "edge.pdf"), toolkit.parse_report(tmp_path / "lower.pdf")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], want.tables[keys])
    assert _codes(report) == _codes(want)
    # a control: a bare number there, on that page alone, is no page number's pattern, and may be the row's value
    # set low: kept (test_a_bare_page_number_over_a_ruled_table_s_bottom_edge_counting_the_pages_is_no_cell)
    render_pdf(lines, tmp_path / "bare.pdf", decorate=_on_pages(_footer(dy, "{}"), {1}))
    row = next(x for x in read_document(tmp_path / "bare.pdf").lines if "三安全一稳定" in str(x))
    assert row[1] == "01"  # (digits wrapped in a cell are joined: _join_wrapped)


def _on_pages(draw, pages: set[int]):
    """``draw`` (a decoration) on the pages numbered in ``pages`` only."""
    def on(pdf, n: int) -> None:
        if n in pages:
            draw(pdf, n)
    return on


@pytest.mark.parametrize("dy", [37.0, 40.0])
def test_a_bare_page_number_over_a_ruled_table_s_bottom_edge_counting_the_pages_is_no_cell(dy, tmp_path):
    # Seed 001 in a ruled PDF of two pages, the first page's table running to its foot, a bare page number ('1',
    # '2') printed on every page at the same height, over that table's bottom rule on the first page (37 pt up)
    # or touching it from inside (40 pt): the '1' was read into the last row's cell ('01': the row
    # '3.危及"三安全一稳定"' flagged, ambiguous_digits, an identity failing). A bare number there that counts the
    # pages with the numbers at the same height on the other pages is the page's number: the row reads as with
    # the numbers set lower. Controls: the same '1' on the first page only, or '1' on every page (no count), may be
    # a value set low: kept.
    from renderers import render_pdf

    from toolkit.readers import read_document

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    render_pdf(lines, tmp_path / "edge.pdf", decorate=_footer(dy, "{}"))
    render_pdf(lines, tmp_path / "lower.pdf", decorate=_footer(16.0, "{}"))
    report, want = toolkit.parse_report(tmp_path / "edge.pdf"), toolkit.parse_report(tmp_path / "lower.pdf")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], want.tables[keys])
    assert _cells(report, "requests").loc["denied_security", "raw"].tolist() == ["0"] * 7
    assert _codes(report) == _codes(want)
    for name, decorate in [("one", _on_pages(_footer(dy, "{}"), {1})), ("same", _footer(dy, "1"))]:
        render_pdf(lines, tmp_path / f"{name}.pdf", decorate=decorate)
        row = next(x for x in read_document(tmp_path / f"{name}.pdf").lines if "三安全一稳定" in str(x))
        assert row[1] == "01", name


def test_a_column_of_serial_numbers_in_the_side_margin_is_no_page_number(tmp_path):
    # Seed 001's requests table in an unruled PDF with a column of serial numbers first ('序号': 1, 2, …), a zero of
    # each row left blank, its rows after the sixth going on alone on the next page (no header, no prose there):
    # each serial number stands in the page's left margin, left of all the page's other text, as a page number
    # set in the side margin does (test_a_bare_page_number_in_the_side_margin_level_with_a_row_is_no_cell). Two
    # lines or more with such a number are a column of the table: its numbers are cells, every row read as written.
    from renderers import PAGE_BREAK, render_pdf
    from test_formats import _requests_under_a_header

    from toolkit.readers import read_document

    lines = _requests_under_a_header("001_4d29bfef72dd56db")
    numbered: list = [["序号", *lines[0]]]
    for x in lines[1:]:
        if x != PAGE_BREAK:
            x = list(x)
            x[x.index("0", 1)] = ""  # (a blank cell: the rows are read as cells in their columns)
            x = [str(sum(isinstance(r, list) for r in numbered)), *x]
        numbered.append(x)
    numbered += [PAGE_BREAK, "以上为本机关收到和处理政府信息公开申请情况。"]
    render_pdf(numbered, tmp_path / "numbered.pdf", ruled=False, top_margin=72.0)
    got = [x for x in read_document(tmp_path / "numbered.pdf").lines if isinstance(x, list)]
    want = [x for x in numbered[1:] if isinstance(x, list)]
    assert got == want


@pytest.mark.parametrize("text, dy", [("- {} -", 80.0), ("- {} -", 76.0), ("第{}页", 80.0), ("第 {} 页 共 8 页", 80.0)])
def test_a_page_number_on_the_edge_of_a_ruled_table_ending_above_the_margin_is_no_cell(text, dy, tmp_path):
    # Seed 001 in a ruled PDF, its requests table broken after the row '(三)不予公开 1.属于国家秘密' so that it ends
    # the first page 70 pt above its edge (above the bottom margin), and the page's number set high, as the
    # official layout sets it (7 mm under the text): over the second cell of the last row, touching its rule.
    # Before, it was read as that cell's ('0 - 1 -': the row unknown, missing_rows). With no text under the table, its
    # edge is where the footer stands: the number is page furniture, the row read as with the number set lower.
    from overlays import _text
    from renderers import PAGE_BREAK, render_pdf

    from toolkit.readers import read_document

    def footer(dy: float, text: str):
        def draw(pdf, n: int) -> None:
            _text(pdf, 480.0, pdf.h - dy, text.format(n), 9)
        return draw

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith("2.其他法律"))
    lines.insert(at, PAGE_BREAK)
    render_pdf(lines, tmp_path / "edge.pdf", decorate=footer(dy, text))
    render_pdf(lines, tmp_path / "lower.pdf", decorate=footer(16.0, text))
    report, want = toolkit.parse_report(tmp_path / "edge.pdf"), toolkit.parse_report(tmp_path / "lower.pdf")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], want.tables[keys])
    assert _codes(report) == _codes(want)
    assert _cells(report, "requests").loc["denied_state_secret", "raw"].tolist() == ["0"] * 7
    # a control: the same table with text under it on the page (a note): its edge is no footer's place, kept
    lines.insert(at, "注:本表数据截至12月31日。")
    render_pdf(lines, tmp_path / "note.pdf", decorate=footer(dy, text))
    row = next(x for x in read_document(tmp_path / "note.pdf").lines if "属于国家秘密" in str(x))
    assert row[2:] != ["0"] * 7  # (the number in a cell of the row)


def _with_serials(side: str) -> list:
    """Seed 001's requests table as in test_a_column_of_serial_numbers_in_the_side_margin_is_no_page_number: under a
    one-line header, a column of serial numbers ('序号': 1, 2, …) first (``side`` 'left') or last ('right'), a zero
    of each row left blank, its rows after the sixth going on alone on the next page, a line of prose on a third."""
    from renderers import PAGE_BREAK
    from test_formats import _requests_under_a_header

    lines = _requests_under_a_header("001_4d29bfef72dd56db")
    numbered: list = [["序号", *lines[0]] if side == "left" else [*lines[0], "序号"]]
    for x in lines[1:]:
        if x != PAGE_BREAK:
            x = list(x)
            x[x.index("0", 1)] = ""  # (a blank cell: the rows are read as cells in their columns)
            n = str(sum(isinstance(r, list) for r in numbered))
            x = [n, *x] if side == "left" else [*x, n]
        numbered.append(x)
    return numbered + [PAGE_BREAK, "以上为本机关收到和处理政府信息公开申请情况。"]


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("number", [None, 5.0, -10.0], ids=["no page number", "left margin", "right margin"])
def test_a_page_number_and_a_column_of_serial_numbers_in_a_side_margin(side, number, tmp_path):
    # Seed 001's requests table with its serial numbers in the left margin or the right one, the page's number set
    # in a side margin level with the row '9 5.属于三类内部事务信息' of the second page (between two rows on the
    # first). Before, a side margin holding a column of bare numbers (the serial numbers; on this narrow page the
    # '总计' column too) kept every number in it as a cell, the page's number too: the row a cell too many, the
    # second page's 18 rows read as text (lost). A number beyond that column (the middle of its numbers' outer ends)
    # is the page's number, dropped; the column's numbers stay cells, every row read as written.
    from renderers import render_pdf

    from toolkit.readers import read_document

    numbered = _with_serials(side)
    render_pdf(numbered, tmp_path / "numbered.pdf", ruled=False, top_margin=72.0,
               decorate=_numbered(number, 728.0) if number is not None else None)
    got = [x for x in read_document(tmp_path / "numbered.pdf").lines if isinstance(x, list)]
    assert got == [x for x in numbered[1:] if isinstance(x, list)]


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "004_b232cca7e491c758"])
@pytest.mark.parametrize("text", ["- {} -", "第 {} 页 共 8 页"])
def test_a_page_number_set_above_the_bottom_margin_under_the_page_s_text_is_left_out(seed_id, text, tmp_path):
    # A seed in a PDF whose pages end some 25 lines in, the page's number set where the official layout sets it,
    # under the text 80 pt above the page's edge (above the band taken for the bottom margin, 8 % of the page):
    # before, '- 2 -' or '第2页共8页' stayed in the text, a line of its own between the paragraphs or rows it
    # parted. The page number's pattern as the last line of its page is the footer's: left out, as set lower.
    from renderers import PAGE_BREAK, render_pdf

    from toolkit.readers import read_document

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    lines = [y for k, x in enumerate(lines) for y in ([PAGE_BREAK, x] if k and k % 25 == 0 else [x])]
    render_pdf(lines, tmp_path / "high.pdf", decorate=_footer(80.0, text))
    render_pdf(lines, tmp_path / "low.pdf", decorate=_footer(16.0, text))
    high, low = read_document(tmp_path / "high.pdf"), read_document(tmp_path / "low.pdf")
    assert high.lines == low.lines
    report, want = toolkit.parse_report(tmp_path / "high.pdf"), toolkit.parse_report(tmp_path / "low.pdf")
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], want.tables[keys])
    assert report.statements["text"].tolist() == want.statements["text"].tolist()
    assert _codes(report) == _codes(want)


def _small_tables_of_001_stacked(stacked: Path) -> tuple:
    """Seed 001's lines up to its small tables of 主动公开, the tables (each from its caption row on), a last section
    to close the report, and an empty 1000 pt page to draw them side by side on; the tables as rendered one under the
    other written to ``stacked``, the PDF to compare with."""
    from fpdf import FPDF
    from renderers import cjk_font_path, render_pdf

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    at = lines.index("二、主动公开政府信息情况") + 1
    end = next(i for i in range(at, len(lines)) if isinstance(lines[i], str))
    tables: list = []
    row: list = []
    for x in lines[at:end]:
        if len(x) == 1:
            tables.append(row := [])
        row.append(x)
    tail = ["六、其他需要报告的事项", "暂无"]
    render_pdf(lines[:end] + tail, stacked)
    pdf = FPDF(unit="pt", format=(1000, 1000))
    pdf.add_font("cjk", fname=cjk_font_path())
    pdf.set_font("cjk", size=9)
    pdf.add_page()
    return lines, at, tables, tail, pdf


_SMALL_TABLE_WIDTHS = (120.0, 100.0, 100.0, 100.0)  # (the caption/label column, then three counts)


def _draw_ruled_table(pdf, rows: list, x: float, top: float) -> float:
    """Draw ``rows`` on ``pdf`` as a ruled table of seed 001's small tables' widths from (``x``, ``top``), a row's
    missing cells blank; the table's bottom."""
    for r, cells in enumerate(rows):
        for i, w in enumerate(_SMALL_TABLE_WIDTHS):
            pdf.set_xy(x + sum(_SMALL_TABLE_WIDTHS[:i]), top + 20 * r)
            pdf.cell(w, 20, cells[i] if i < len(cells) else "", border=1)
    return top + 20 * len(rows)


def _draw_lines(pdf, lines: list, y: float) -> float:
    """Write ``lines`` on ``pdf`` one under another from ``y``; the y under them."""
    for line in lines:
        pdf.set_xy(20, y)
        pdf.cell(900, 16, line)
        y += 16
    return y


def test_two_ruled_tables_side_by_side_are_read_each_whole(tmp_path):
    # Seed 001's small tables of 主动公开 drawn two by two side by side (第二十条第(一)项 beside 第(五)项, 第(六)项 beside
    # 第(八)项), each its own ruled table 30 pt apart: pdfplumber found each, but their rows, sorted by their tops,
    # interleaved ('规章 0 0 0' followed by '行政许可 302 142 65651'): the right table's rows were read as rows of the left
    # one's (规范性文件's values lost, 行政处罚's extra cells). Each table is read whole, the left one first: the cells of
    # the tables set one under the other.
    from test_formats import _cells as _all_cells

    lines, at, tables, tail, pdf = _small_tables_of_001_stacked(tmp_path / "stacked.pdf")
    y = _draw_lines(pdf, lines[:at], 20.0) + 5
    for pair in (tables[0:2], tables[2:4], tables[4:]):
        y = max(_draw_ruled_table(pdf, rows, 20 + 450 * k, y) for k, rows in enumerate(pair)) + 10
    _draw_lines(pdf, tail, y)
    pdf.output(str(tmp_path / "side.pdf"))
    report, want = toolkit.parse_report(tmp_path / "side.pdf"), toolkit.parse_report(tmp_path / "stacked.pdf")
    got, expected = _all_cells(report), _all_cells(want)
    assert {k for k in got if k[0] == "active"} == {k for k in expected if k[0] == "active"}
    assert got == expected and got[("active", "normative_documents", "total_public")][0] == "5"
    assert _codes(report) == _codes(want)


@pytest.mark.parametrize("numbered", ["", "表{} "])
def test_two_captions_on_one_line_over_tables_side_by_side_each_head_their_own(numbered, tmp_path):
    # Seed 001's small tables of 主动公开 drawn two by two side by side, both captions of a pair on one text line above
    # them ('表1 第二十条第(一)项      表2 第二十条第(五)项'): the line was read whole before both tables, the right
    # table's caption no longer over it. Each caption is now read right before its own table's rows (reading
    # order: the left caption and table, then the right ones); the counts are those of the tables set one under
    # the other.
    from test_formats import _cells as _all_cells

    from toolkit.readers import read_document

    lines, at, tables, tail, pdf = _small_tables_of_001_stacked(tmp_path / "stacked.pdf")
    y = _draw_lines(pdf, lines[:at], 20.0) + 5
    heads = []  # (each table's caption as written, its first row)
    for pair in (tables[0:2], tables[2:4], tables[4:]):
        for k, rows in enumerate(pair):
            heads.append((numbered.format(len(heads) + 1) + rows[0][0], rows[1]))
            pdf.set_xy(20 + 450 * k, y)
            pdf.cell(400, 16, heads[-1][0])
        y = max(_draw_ruled_table(pdf, rows[1:], 20 + 450 * k, y + 20) for k, rows in enumerate(pair)) + 10
    _draw_lines(pdf, tail, y)
    pdf.output(str(tmp_path / "side.pdf"))
    read = read_document(tmp_path / "side.pdf").lines
    captions = [x for x in read if isinstance(x, str) and "第二十条" in x]
    assert captions == [caption for caption, _ in heads]   # (one a line, left to right, pair by pair)
    for caption, first in heads:
        k = read.index(caption)
        assert [c for c in read[k + 1] if c] == [c for c in first if c]   # (blank cells of a short row dropped)
    report, want = toolkit.parse_report(tmp_path / "side.pdf"), toolkit.parse_report(tmp_path / "stacked.pdf")
    assert _all_cells(report) == _all_cells(want)
    assert _all_cells(report)[("active", "licensing", "change")][0] == "142"
    assert _codes(report) == _codes(want)


def test_unmapped_glyphs_inside_a_line_of_prose_are_no_words_of_its_section():
    # A word of a sentence set in a font without a Unicode map ('一是主动公开(cid:3)(cid:4)还需进一步提升'): the section's
    # text carried the placeholders (the statements already left them out). They are left out of it too; a value of
    # them in a table's row stays that cell's raw text, the value missing (flagged not_a_number), as before.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    text = _replace(text, "一是主动公开意识", "一是主动公开(cid:3)(cid:4)")
    report = toolkit.parse_text(_replace(text, "数量 88 11 0 0 0 0 99", "数量 (cid:5)(cid:5) 11 0 0 0 0 99"))
    assert [s.title for s in report.sections] == [s.title for s in plain.sections]
    assert not any("(cid:" in s.text for s in report.sections)
    assert report.section("problems").text == plain.section("problems").text.replace("主动公开意识", "主动公开")
    assert report.statements["text"].tolist() == [t.replace("主动公开意识", "主动公开") for t in plain.statements["text"]]
    cells = _cells(report, "requests").loc[("new", "natural_person")]
    assert cells["raw"] == "(cid:5)(cid:5)" and math.isnan(cells["value"])


@pytest.mark.parametrize("written, run", [("五、存在的主要问题及改进情况", "及"),
                                          ("五、存在的主要问题·及改进情况", "·"),   # (a glyph of a symbol font)
                                          ("五、存在的主要问题及改进情况", "主要问题")])   # (key words: see below)
def test_unmapped_glyphs_inside_a_section_heading_leave_the_section_found(written, run, tmp_path):
    # Seed 001's heading '五、存在的主要问题及改进情况' with a glyph set in a font without a Unicode map: pdfplumber gives
    # '五、存在的主要问题(cid:1)及改进情况', no title of the format's: the section was lost (sections_missing,
    # unknown_section), its text kept in the review section's. The glyphs are no words of the title: the section is
    # found, titled without them, the file still flagged cid_characters (for those glyphs alone).
    import warnings

    from renderers import render_pdf

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    heading = "五、存在的主要问题及改进情况"
    render_pdf(lines, tmp_path / "plain.pdf")
    lines[lines.index(heading)] = written
    render_pdf(lines, tmp_path / "cid.pdf", unmapped_runs={written: run})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain, report = (toolkit.parse_report(tmp_path / f"{name}.pdf") for name in ("plain", "cid"))
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert report.section("problems").title == written.replace(run, "")
    assert report.section("problems").text == plain.section("problems").text
    assert report.statements["text"].tolist() == plain.statements["text"].tolist()
    pd.testing.assert_frame_equal(report.tables.drop(columns="report_id"), plain.tables.drop(columns="report_id"))
    assert [c for c in _codes(report) if c != "cid_characters"] == _codes(plain)
    assert [f.detail.split(" on ")[0] for f in report.flags if f.code == "cid_characters"] == [
        f"{len(run)} characters"]   # (the run's glyphs, and those alone)


@pytest.mark.parametrize("heading", ["五、存在的(cid:7)(cid:8)(cid:9)及改进(cid:10)(cid:11)", "五、(cid:7)(cid:8)问题及改进(cid:9)",
                                     "五、存在的主要问题及(cid:10)(cid:11)(cid:12)(cid:13)"])
def test_a_heading_whose_key_words_are_unmapped_glyphs_is_its_number_s_section(heading):
    # Seed 001's '五、存在的主要问题及改进情况' with its key words in a font without a Unicode map: read without the
    # glyphs ('五、存在的及改进') it named no section, the problems lost (sections_missing, unknown_section), their text
    # and statements kept in the review section's. The number, 五 between 四 and 六 of the format's titles, and the
    # readable words leave one section of the format: it is found, titled without the glyphs.
    text = _pdf_text("001_4d29bfef72dd56db")
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(_replace(text, "五、存在的主要问题及改进情况", heading))
    assert [s.key for s in report.sections] == [s.key for s in plain.sections]
    assert report.section("problems").title == CID.sub("", heading)
    assert report.section("problems").text == plain.section("problems").text
    assert report.section("review_litigation").text == plain.section("review_litigation").text
    assert report.statements["text"].tolist() == plain.statements["text"].tolist()
    assert _codes(report) == _codes(plain)


@pytest.mark.parametrize("heading", ["五、(cid:7)(cid:8)(cid:9)",          # no readable word
                                     "五、其他需要报告的(cid:7)(cid:8)",     # words of 六's title under 五
                                     "五、(cid:7)(cid:8)的事项"])          # (六's words: no title of 五 ends so)
def test_a_heading_of_unmapped_glyphs_no_one_section_s_stays_unknown(heading):
    # A control: where the number and the readable words leave no section, or none is readable, the heading
    # names none, as before (its text kept in the section before, the problems missing).
    text = _pdf_text("001_4d29bfef72dd56db")
    report = toolkit.parse_text(_replace(text, "五、存在的主要问题及改进情况", heading))
    assert "problems" not in [s.key for s in report.sections]
    assert "sections_missing" in _codes(report)


def test_a_caption_level_with_tables_side_by_side_is_read_in_its_place(tmp_path):
    # Seed 001's small tables of 主动公开 drawn two by two side by side, each right one's caption ('第二十条第(五)项') a
    # line of text over it, the right table set lower than the left one: the caption was read after both tables,
    # under the right table's rows (after '其他对外管理服务事项 664 167 1342'), no longer over them. A line level with
    # such tables is read in its place among them: after the left table, over the right one.
    from test_formats import _cells as _all_cells

    from toolkit.readers import read_document

    lines, at, tables, tail, pdf = _small_tables_of_001_stacked(tmp_path / "stacked.pdf")
    y = _draw_lines(pdf, lines[:at], 20.0) + 5
    captions = []
    for pair in (tables[0:2], tables[2:4], tables[4:]):
        bottoms = [_draw_ruled_table(pdf, pair[0], 20, y)]
        if len(pair) > 1:  # (the right table's caption a text line, its rows under it, below the left one's top)
            captions.append((pair[0][-1], pair[1][0][0], pair[1][1]))
            pdf.set_xy(470, y + 2)
            pdf.cell(400, 16, pair[1][0][0])
            bottoms.append(_draw_ruled_table(pdf, pair[1][1:], 470, y + 20))
        y = max(bottoms) + 10
    _draw_lines(pdf, tail, y)
    pdf.output(str(tmp_path / "side.pdf"))
    read = read_document(tmp_path / "side.pdf").lines
    assert len(captions) == 2
    for left_last, caption, right_first in captions:
        k = read.index(caption)
        filled = [[c for c in x if c] for x in (read[k - 1], read[k + 1], left_last, right_first)]
        assert filled[:2] == filled[2:]   # (blank cells of a short row dropped)
    report, want = toolkit.parse_report(tmp_path / "side.pdf"), toolkit.parse_report(tmp_path / "stacked.pdf")
    assert _all_cells(report) == _all_cells(want)
    assert _codes(report) == _codes(want)
