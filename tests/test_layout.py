"""The four plain-text layouts of the seeds rebuilt into the right rows and cells (read by hand)."""
from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest

from toolkit.layout import build_rows
from toolkit.normalize import normalize_line
from toolkit.sections import find_sections, split_segments

from conftest import RAW


def _rows(seed_id: str, section: str) -> list[list[str]]:
    lines = [normalize_line(x) for x in (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")]
    sections, _ = find_sections(split_segments(lines))
    sec = next(s for s in sections if s.key == section)
    return [r.texts for r in build_rows(sec.segments)]


def test_lines_layout_000_rebuilt_from_labels():
    rows = _rows("000_438c5e5d2b6f4db4", "requests")
    assert rows[2] == ["一、本年新收政府信息公开申请数量", "14", "0", "0", "0", "14"]
    assert rows[4] == ["三、本年度办理结果", "(一)予以公开", "7", "0", "0", "0", "0", "0"]
    assert rows[6] == ["(三)不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]
    assert rows[-1] == ["四、结转下年度继续办理"] + ["0"] * 7
    active = _rows("000_438c5e5d2b6f4db4", "active")
    assert active[1] == ["信息内容", "本年新制作数量", "本年新", "公开数量", "对外公开总数量"]
    assert active[14] == ["行政事业性收费", "0"]


def test_pipe_cells_layout_001():
    rows = _rows("001_4d29bfef72dd56db", "active")
    assert rows[:4] == [["第二十条第(一)项"], ["信息内容", "本年新制作数量", "本年新 公开数量", "对外公开 总数量"],
                        ["规章", "0", "0", "0"], ["规范性文件", "1", "1", "5"]]
    review = _rows("001_4d29bfef72dd56db", "review_litigation")
    assert review[-1] == ["4", "0", "0", "0", "4", "0", "1", "0", "1", "2", "1", "0", "0", "0", "1"]


def test_pipe_cells_with_lone_pipes_002():
    rows = _rows("002_809f9474e249d214", "requests")
    # a lone '|' after a closed cell is a blank cell; '4' then '|' on the next line is one cell
    assert rows[3] == ["二、上年结转政府信息公开申请数量", "", "0", "0", "0", "0", "0", "4"]
    assert rows[1][4:7] == ["商业 企业", "科研 机构", "社会公"]


def test_tab_layout_004_keeps_blank_cells():
    rows = _rows("004_b232cca7e491c758", "requests")
    new = next(r for r in rows if r and r[0].startswith("一、"))
    assert new == ["一、本年新收到政府信息公开申请数量", "16", "4", "", "", "", "", "20"]
    partial = next(r for r in rows if any("部分公开" in c for c in r))
    assert partial == ["", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "", "", "", "", "", "", "0"]


@pytest.mark.parametrize("indent", ["  ", "\u3000", " \u3000 "])
def test_tab_layout_indented_lines_read_alike(indent):
    # Copied text often indents every line; an indented blank cell ('  \t') is still a cell, not a row break.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    indented = "\n".join(indent + line if line else line for line in text.split("\n"))
    original, shifted = toolkit.parse_text(text), toolkit.parse_text(indented)
    assert shifted.tables["value"].equals(original.tables["value"])
    assert shifted.tables["value"].notna().sum() == original.tables["value"].notna().sum() > 50
    assert [f.code for f in shifted.flags] == [f.code for f in original.flags]


@pytest.mark.parametrize("cells, one", [("\t行政许可\n\t67\n", "\t行政许可67\n"),
                                       ("\t行政强制\n\t0\n\t0\n\t0\n", "\t行政强制0\t0\t0\n")])
def test_tab_layout_a_row_label_and_its_first_value_in_one_cell(cells, one):
    # A row's label and first value in one tab cell ('\t行政许可67', the cell's rule lost in the copy): the cell was an
    # unknown row's label, the row lost (missing_rows). A known label's trailing number is the row's first value.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    assert text.count(cells) == 1
    want, got = toolkit.parse_text(text), toolkit.parse_text(text.replace(cells, one))
    pd.testing.assert_frame_equal(_cells(got), _cells(want))
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("cell, wrapped", [
    ("\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n", "\t（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）\n"),
    ("\t（二）部分公开（区分处理的，只计这一情形，", "\t（二）部分公开（区分处理的，\n只计这一情形，"),
    ("\t2.其他法律行政法规禁止公开\n", "\t2.其他法律行政法规禁止\n公开\t\n"),
    ("\t一、本年新收到政府信息公开申请数量\n", "\t一、本年新收到政府信息公开\n申请数量\n"),
    ("\t本年新公开数量\n", "\t本年新\n公开数量\n")])
def test_tab_layout_a_cell_wrapped_onto_a_line_without_a_tab_is_one_cell(cell, wrapped):
    # A tab cell's text wrapped onto a line of its own without the tab ('\t（二）部分公开（…只计这一情形，' /
    # '不计其他情形）'): in a row led by blank group cells the rest was a cell of its own, the row flagged
    # unknown_row and its values lost (missing_rows). It is the cell's text: the report reads as unwrapped.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    assert cell in text
    original, report = toolkit.parse_text(text), toolkit.parse_text(text.replace(cell, wrapped, 1))
    keys = ["table", "row_key", "col_key", "raw", "flag"]
    pd.testing.assert_frame_equal(report.tables[keys], original.tables[keys])
    assert report.flags == original.flags


def test_tab_layout_with_a_blank_line_after_every_cell_loses_nothing_silently():
    # Some pages put a blank line after every cell: blank lines then mark no row, and the rows are
    # rebuilt from the labels. Before, every blank line cut a row, and 60 of 75 values vanished unflagged.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    spread = "\n".join(line + "\n" for line in text.split("\n") if line.strip())
    original, spread_report = toolkit.parse_text(text), toolkit.parse_text(spread)
    keys = ["table", "row_key", "col_key"]
    both = original.tables.merge(spread_report.tables, on=keys, how="left", suffixes=("", "_spread"))
    active = both[both.table == "active"]
    assert active["value"].equals(active["value_spread"]) and active["value"].notna().sum() == 22
    flagged = {(f.table, f.detail.split(":")[0]) for f in spread_report.flags if f.code == "ragged"}
    found = both[both["value_spread"].notna()]
    assert (found["value"] == found["value_spread"]).all()  # nothing placed in a wrong cell
    lost = both[both["value"].notna() & both["value_spread"].isna()]
    assert set(zip(lost.table, lost.row_key)) <= flagged  # what is lost is flagged on its row
    assert spread_report.tables["value"].notna().sum() >= 50


def test_label_unit_value_layout_003():
    lines = [normalize_line(x) for x in (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8").split("\n")]
    segments = split_segments(lines)
    rows = [r.texts for r in build_rows(segments, table_region=False)]
    assert ["统 计 指 标", "单位", "统计数"] in rows
    assert ["4.政务微信名称:高港微住建 ,公开政府信息数", "条", "615"] in rows
    assert ["3.政务微博名称: ,公开政府信息数", "条"] in rows  # trailing blank value cell trimmed


def test_glued_page_text_cut_into_labels_and_digit_runs():
    rows = _rows("pingtan-2023-01", "requests")
    assert ["一、本年新收政府信息公开申请数量", "801000081"] in rows
    cells = [c for r in build_rows([]) for c in r.cells]
    assert cells == []


@pytest.mark.parametrize("text,expected", [
    ("四、结转下年度继续办理 0 0 0 0 0 0 0", [["四、结转下年度继续办理"] + ["0"] * 7]),
    ("0 0 1 0 1", [["0", "0", "1", "0", "1"]]),
    # an unruled PDF table: the label is numbered itself
    ('3.危及"三安全一稳定" 24 0 0 0 0 0 24', [['3.危及"三安全一稳定"', "24"] + ["0"] * 5 + ["24"]]),
    ("1、没有现成信息需要另行制作 0 1 0 0 0 0 1", [["1、没有现成信息需要另行制作", "0", "1"] + ["0"] * 4 + ["1"]]),
])
def test_numbers_on_one_line(text, expected):
    from toolkit.sections import Segment

    assert [r.texts for r in build_rows([Segment(text, 1)])] == expected


def _requests(report):
    t = report.tables
    return t[t["table"] == "requests"].set_index(["row_key", "col_key"])["value"]


@pytest.mark.parametrize("stem, row", [("pingtan-2023-01", "（一）予以公开220000022"),
                                       ("pingtan-2023-03", "四、结转下年度继续办理0000000")])
def test_glued_row_on_a_line_of_its_own(stem, row):
    # A short glued row on its own line (page text wrapped there) is still cut into label and digits;
    # it was one label cell, and its cells read as blank.
    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    assert row in text
    original = _requests(toolkit.parse_text(text))
    alone = _requests(toolkit.parse_text(text.replace(row, f"\n{row}\n")))
    assert alone.notna().sum() == original.notna().sum() > 100
    pd.testing.assert_series_equal(alone, original)


def test_number_glued_to_the_next_heading_is_read():
    # pingtan-2023-02 writes '行政事业性收费5949.09(二)主动公开政府信息的主要类别…': the fees row was lost.
    import toolkit

    report = toolkit.parse_report(RAW / "pingtan-2023-02.txt")
    fees = report.tables.query("table == 'active' and row_key == 'fees'")
    assert fees[["col_key", "value", "raw"]].values.tolist() == [["amount_wan", 5949.09, "5949.09"]]


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_colon_between_a_label_and_its_values_in_glued_page_text(colon):
    # Page text that lost its cells with a colon after a row's label ('行政强制：54', '行政规范性文件：77132470'): the
    # colon and the digits were one word, ':54', read as no number (NA, flagged not_a_number), the value lost. The
    # colon is no cell: the rows read as without it.
    import toolkit

    page = (RAW / "pingtan-2023-01.txt").read_text(encoding="utf-8")
    want = toolkit.parse_text(page)
    for row in ("行政强制54", "行政规范性文件77132470", "行政许可2629"):
        assert row in page
        page = page.replace(row, row.replace("54", colon + "54", 1) if row.startswith("行政强制")
                            else re.sub(r"(?=\d)", colon, row, count=1))
    got = toolkit.parse_text(page)
    keys = ["table", "row_key", "col_key", "value", "raw"]
    pd.testing.assert_frame_equal(got.tables[keys], want.tables[keys])
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("stem, row, typed", [("pingtan-2023-01", "行政强制54", "行政强制|54"),
                                             ("pingtan-2023-01", "行政处罚1330行政强制", "行政处罚1330|行政强制"),
                                             ("pingtan-2020-05", "行政事业性收费15-15", "行政事业性收费|15-15"),
                                             # right after a section's title: the body opened with the '|'
                                             ("pingtan-2023-01", "情况第二十条", "情况|第二十条"),
                                             ("pingtan-2023-03", "情况第二十条", "情况|第二十条"),
                                             # in a label or a number, where a wrap falls before or after it
                                             ("pingtan-2023-01", "行政事业性收费5949", "行政事业性|收费5949"),
                                             ("pingtan-2023-02", "002.申请人逾期未按收费", "002.申请人逾期未按|收费"),
                                             ("pingtan-2023-04", "6.属于四类过程性", "6.属于|四类过程性"),
                                             ("pingtan-2023-02", "勾稽关系为", "勾稽关|系为"),
                                             ("pingtan-2020-05", "行政处罚26-26", "行政处罚2|6-26"),
                                             ("pingtan-2020-05", "政府集中采购263042532", "政府集中采购26|3042532"),
                                             ("pingtan-2023-03", "申请00000002.申请人逾", "申请0|0000002.申请人逾")])
@pytest.mark.parametrize("width", [None, 38, 104])
def test_a_stray_pipe_in_glued_page_text_is_no_pipe_row(stem, row, typed, width):
    # A '|' typed into page text that lost its cells ('…行政处罚1330行政强制|54第二十条…'): the line was read as a
    # pipe row of two cells, its glued text not cut, and the whole active table was lost (table_missing); so was
    # it where the '|' followed a section's title ('二、主动公开政府信息情况|第二十条…'), or stood in a wrapped piece
    # that shows no label touching digits of its own, or right before or after a wrap ('…行政事业性' / '|收费5949…').
    # The '|' is no sure break between two cells (it may cut a number, '2|6-26'): the tables read as without it,
    # wrapped or not.
    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    assert text.count(row) == 1
    piped = text.replace(row, typed)
    if width is not None:
        text, piped = _wrap(text, width, 1), _wrap(piped, width, 1)
    want, got = toolkit.parse_text(text), toolkit.parse_text(piped)
    assert _cells(want)["table"].eq("active").sum() >= 7  # (the table the stray pipe lost)
    pd.testing.assert_frame_equal(_cells(got), _cells(want))
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


def test_signed_numbers_glued_in_one_cell():
    # One cell per line, '88-720' and '15-15' (本年增/减 glued to its neighbours): split by the placement.
    import toolkit

    text = "\n".join(["某局2020年政府信息公开工作年度报告", "一、总体情况", "正常。", "二、主动公开政府信息情况",
                      "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可", "88-720",
                      "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "15-15",
                      "三、收到和处理政府信息公开申请情况"])
    report = toolkit.parse_text(text)
    active = report.tables.query("table == 'active'").set_index(["row_key", "col_key"])
    assert active.loc[("fees", "prev_items"), "value"] == 15 and active.loc[("fees", "change"), "value"] == -15
    # 88-720: 88 | -7 | 20 or 88 | -72 | 0: the change stays missing, and flagged
    assert active.loc[("licensing", "prev_items"), "value"] == 88
    assert active.loc[("licensing", "change"), "flag"] == "ambiguous_digits"
    assert "ambiguous_digits" in {f.code for f in report.flags}


@pytest.mark.parametrize("cut", ["本年增\n/减", "本年增/\n减", "上一年项目数量\n本年增/减"])
def test_header_broken_over_two_lines(cut):
    # Page text wrapped inside the header '本年增/减': the header is read whole, so '88-720' keeps its
    # three columns (88, then -7|20 or -72|0: left missing and flagged) instead of a certain -720 in two.
    import toolkit

    text = (RAW / "pingtan-2020-05.txt").read_text(encoding="utf-8")
    needle = "上一年项目数量本年增/减处理决定数量行政许可88-720"
    assert needle in text
    original = toolkit.parse_text(text).tables
    broken = toolkit.parse_text(text.replace(needle, needle.replace(cut.replace("\n", ""), cut))).tables
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    licensing = broken.query("table == 'active' and row_key == 'licensing'")
    assert licensing["col_key"].tolist() == ["prev_items", "change", "decisions"]
    assert licensing["flag"].tolist() == ["", "ambiguous_digits", "ambiguous_digits"]
    pd.testing.assert_frame_equal(broken[keys], original[keys])


def _insert(seed_id: str, at: int, new: str) -> tuple:
    """The seed parsed as is, and with the line `new` inserted before (1-based) line `at`."""
    import toolkit

    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    return toolkit.parse_text("\n".join(lines)), toolkit.parse_text("\n".join(lines[: at - 1] + [new] + lines[at - 1:]))


def _same_tables(a, b) -> None:
    keys = ["table", "row_key", "col_key", "value", "raw"]
    pd.testing.assert_frame_equal(a.tables[keys], b.tables[keys])
    assert sorted(f.code for f in a.flags) == sorted(f.code for f in b.flags)


@pytest.mark.parametrize("furniture", ["- 3 -", "— 12 —", "第 3 页", "第3页 共5页", "3/5"])
@pytest.mark.parametrize("seed_id, at", [("002_809f9474e249d214", 82),   # inside row 二、上年结转 (before its '4')
                                         ("000_438c5e5d2b6f4db4", 119),  # inside an Article 20 block header
                                         ("004_b232cca7e491c758", 204)])  # inside a tab-layout row
def test_a_page_number_inside_a_table_is_no_cell(seed_id, at, furniture):
    # A PDF's page break copied to the web leaves its page number between two cells of a row.
    _same_tables(*_insert(seed_id, at, furniture))


@pytest.mark.parametrize("note", ["以上数据截至2020年12月31日,不含已撤回申请。", "注:本表数据来源于本单位统计。"])
def test_a_note_between_the_cells_of_a_row_leaves_the_row_whole(note):
    # Before, the note cut 二、上年结转's row: its '4' was lost and a 0 was put in 总计 as certain.
    _same_tables(*_insert("002_809f9474e249d214", 82, note))


@pytest.mark.parametrize("between", ["", "以上数据截至2020年12月31日。"])
def test_tab_layout_row_label_cut_from_its_cells(between):
    # '\t二、上年转结…', then a blank line (or a note), then the row's cells: before, its only value vanished.
    original, cut = _insert("004_b232cca7e491c758", 113, between)
    _same_tables(original, cut)


def test_tab_layout_label_wrapped_under_its_values_goes_back_to_its_label():
    # A row label wrapped in its cell of a PDF's table, its rest on the row under its values, whose blank cells the
    # tab layout keeps ('\t一、本年新收到政府' … '\t20', then '\t信息公开申请数量' and seven '\t'): where the start reads
    # as a row's label by its first words, the rest stayed a row of its own, flagged unknown_row, though a start that
    # names no row took its rest back. Seed 004 so written reads as written.
    import toolkit

    label, cut = "一、本年新收到政府信息公开申请数量", 9
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("\t" + label)
    end = lines.index("", at)  # (the blank line after the row's cells)
    wrapped = [*lines[:at], "\t" + label[:cut], *lines[at + 1:end], "", "\t" + label[cut:], *["\t"] * 7, *lines[end:]]
    original, got = toolkit.parse_text("\n".join(lines)), toolkit.parse_text("\n".join(wrapped))
    assert label[cut:] not in {f.detail for f in got.flags}
    _same_tables(original, got)


def test_a_row_of_blank_cells_and_one_value_without_a_label_is_flagged():
    import toolkit

    report = toolkit.parse_text("三、收到和处理政府信息公开申请情况\n\t\n\t\n\t\n\t5\n")
    assert [f.code for f in report.flags if f.code == "unlabelled_values"] == ["unlabelled_values"]
    alone = toolkit.parse_text("三、收到和处理政府信息公开申请情况\n\t5\n")   # a lone number: a page number
    assert all(f.code != "unlabelled_values" for f in alone.flags)


def test_a_vanished_cell_never_puts_a_value_in_a_wrong_column_002():
    # Seed 002 writes one cell per line ('3 |'), and its group rows end in a filler '|'. Delete each
    # cell line of the requests table in turn: every value still read must be the one written in that
    # cell, and the rows that lost values must be flagged. (Before, the filler was taken for 总计 and the
    # other values moved one column left.)
    import re

    import toolkit

    lines = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8").split("\n")
    original = toolkit.parse_text("\n".join(lines))
    want = original.tables.set_index(["table", "row_key", "col_key"])["value"]
    sec = original.section("requests")
    cells = [i for i in range(sec.first_line, sec.last_line) if re.fullmatch(r"\d+ \|", lines[i])]
    assert len(cells) > 100
    for i in cells:
        report = toolkit.parse_text("\n".join(lines[:i] + lines[i + 1:]))
        got = report.tables.set_index(["table", "row_key", "col_key"])["value"]
        both = got.notna() & want.reindex(got.index).notna()
        assert (got[both] == want.reindex(got.index)[both]).all(), f"line {i + 1} deleted"
        assert not (got.notna() & want.reindex(got.index).isna()).any(), f"line {i + 1} deleted"
        lost = {rk for (t, rk, _), v in want.items() if t == "requests" and pd.notna(v) and pd.isna(got.get((t, rk, _)))}
        flagged = {f.detail.split(":")[0] for f in report.flags if f.table == "requests"}
        assert lost <= flagged, f"line {i + 1} deleted: {sorted(lost - flagged)} lost unflagged"


def test_a_bare_page_number_between_grid_rows_is_no_cell():
    # A ruled PDF's grid rows (a reader's explicit rows) with the page number '1' printed between two of them:
    # it was a cell of its own row, the review table got extra_cells.
    from toolkit.sections import Segment

    grid = [r for r in _rows("001_4d29bfef72dd56db", "review_litigation")]
    segments = [Segment("|".join(r), n) for n, r in enumerate(grid, start=1)]
    explicit = {s.line: r for s, r in zip(segments, grid)}
    plain = [r.texts for r in build_rows(segments, explicit_rows=explicit)]
    for at in range(1, len(segments)):
        broken = segments[:at] + [Segment("1", 100)] + segments[at:]
        assert [r.texts for r in build_rows(broken, explicit_rows=explicit)] == plain


def test_a_lone_number_between_lines_is_told_without_a_call_for_each_side(monkeypatch):
    # Seed 000's tables of a cell a line, blank lines between: build_rows asked of each lone number whether the filled
    # lines around it both hold a row by a call of _nearest_filled and of _is_row_line for each side (177 a report): the
    # sides are walked in _between_row_lines now, the same rows; a page number between two pipe rows of seed 001's
    # requests table (no reader's rows: the rows told by their text) is still no cell.  (The callers are read, not
    # timed.)
    import sys

    import toolkit.layout as layout
    from toolkit.sections import Segment

    lines = [normalize_line(x) for x in (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")]
    segments = next(s for s in find_sections(split_segments(lines))[0] if s.key == "requests").segments
    callers: list[str] = []

    def spy(name):
        real = getattr(layout, name)

        def asked(*args):
            callers.append(sys._getframe(1).f_code.co_qualname)
            return real(*args)
        monkeypatch.setattr(layout, name, asked)

    spy("_nearest_filled")
    spy("_is_row_line")
    rows = [r.texts for r in build_rows(segments)]
    monkeypatch.undo()
    assert rows == [r.texts for r in build_rows(segments)] and "14" in rows[2]
    assert not [c for c in callers if c == "_between_row_lines"]
    grid = _rows("001_4d29bfef72dd56db", "requests")
    requests = [Segment("| " + " | ".join(r) + " |", n) for n, r in enumerate(grid, start=1)]
    plain = [r.texts for r in build_rows(requests)]
    between = [at for at in range(1, len(grid)) if len(grid[at - 1]) > 1 and len(grid[at]) > 1]
    assert len(between) >= 10
    for at in between:  # (after a row of one cell, a lone number is a cell: not between two rows)
        broken = [*requests[:at], Segment("", 99), Segment("1", 100), Segment("", 101), *requests[at:]]
        assert [r.texts for r in build_rows(broken)] == plain


# --- page text with glued cells, wrapped (a PDF of the page, a copy from a narrow window) ---------------------

def _wrap(text: str, width: int, offset: int) -> str:
    """The report's glued second line hard-wrapped at `width` characters, `offset` spaces before it."""
    title, body = text.split("\n", 1)
    body = " " * offset + body
    return title + "\n" + "\n".join(body[i : i + width] for i in range(0, len(body), width))


def _cells(report) -> pd.DataFrame:
    keys = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    return report.tables[keys].sort_values(keys[:3]).reset_index(drop=True)


@pytest.mark.parametrize("stem, width, offset", [
    ("pingtan-2020-05", 118, 5),  # '15-1' / '5': fees read 15 and -1
    ("pingtan-2020-05", 21, 1),   # '…其他处理 0 0 0 0 0 0 0(' / '七)总计 2 0 00 0 0 2…': 总计 lost
    ("pingtan-2023-01", 104, 1),  # '…尚未审结总计' / '110024001510102': the review table's header lost as prose
    ("pingtan-2023-02", 27, 1),   # '…其他结果尚未' / '审结总计…总计 00 0' / ' 00 0 0 0 00…'
    ("pingtan-2023-02", 38, 2),   # '…公开申请0 0 0 0 0 002.申' / '请人逾期…': a row label cut
    ("pingtan-2023-04", 60, 0),
])
def test_wrapped_glued_page_text_reads_as_unwrapped(stem, width, offset):
    # Where the line breaks fall changed the cells read (pingtan-2020-05: 2 characters before the tables took
    # it from 113 cells to 122); a break inside a number or a label now changes no value.
    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    original = _cells(toolkit.parse_text(text))
    assert len(original) > 190
    pd.testing.assert_frame_equal(_cells(toolkit.parse_text(_wrap(text, width, offset))), original)


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-01", "pingtan-2023-03"])
@pytest.mark.parametrize("page_break", [[""], ["{title}"], ["", "- 3 -", "", "{title}", ""], ["{agency}"],
                                        ["注:1. 本表数据截至2023年12月31日"], ["", "续表", ""],
                                        ["", "- 3 -", "", "(续表)"], ["(续下表)", "- 3 -", ""]])
def test_a_page_break_inside_wrapped_glued_page_text_changes_no_cell(stem, page_break):
    # A PDF's copy of the page breaks the wrapped table text with blank lines, a page number and the report's
    # title as a running header. Before, a blank line or the title between two lines of the tables lost or
    # changed cells at 232 of 375 places (five seeds, three breaks: the title's year was read as digits of a
    # cell, a row's label was cut from its values and the row read as missing); now at 4, each flagged.
    # So too a table's footnote at the page's foot ('注:1.…'), whose date was read as digits of the cells: cells
    # lost at 85 of 125 places (the five seeds, after each line of the tables), flagged missing_rows,
    # ambiguous_digits, table_missing; and a running header of the agency's name alone (as the metadata reads it),
    # read into the table's text: at 84 of 125. And the table's caption repeated at the next page's top ('续表',
    # '(续表)' under the page number), read into the table's text: cells lost at 14 and 13 of 18 places.
    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].strip()
    agency = toolkit.parse_text(text).metadata["agency"]
    assert agency and agency in text
    lines = _wrap(text, 40, 0).split("\n")
    original = _cells(toolkit.parse_text("\n".join(lines)))
    first = next(i for i, line in enumerate(lines) if "第二十条" in line)
    last = next(i for i, line in enumerate(lines) if i > first and "存在的主要问题" in line)
    inserted = [x.format(title=title, agency=agency) for x in page_break]
    for k in range(first, last, 4):
        broken = toolkit.parse_text("\n".join(lines[: k + 1] + inserted + lines[k + 1 :]))
        pd.testing.assert_frame_equal(_cells(broken), original, obj=f"break after line {k - first} of the tables")


@pytest.mark.parametrize("wrapped, expected", [
    ("行政事业性收费15\n-15第二十条", [15.0, -15.0]),  # a break before a sign: a boundary of cells
    ("行政事业性收费1\n5-15第二十条", [15.0, -15.0]),  # a break inside a number
    # a break at the space between two cells ('15 15'), the space lost: 15|15, 1|515 or 151|5 cannot be told
    # apart, so both stay missing and flagged (read 1 and 5, unflagged, before)
    ("行政事业性收费15\n15第二十条", [None, None]),
])
def test_a_break_between_digits_is_read_or_flagged(wrapped, expected):
    import toolkit

    text = (RAW / "pingtan-2020-05.txt").read_text(encoding="utf-8")
    assert "行政事业性收费15-15第二十条" in text
    report = toolkit.parse_text(text.replace("行政事业性收费15-15第二十条", wrapped))
    fees = report.tables.query("table == 'active' and row_key == 'fees'")
    assert fees["col_key"].tolist() == ["prev_items", "change"]
    if expected[0] is None:
        assert fees["value"].isna().all() and set(fees["flag"]) == {"ambiguous_digits"}
    else:
        assert fees["value"].tolist() == expected and set(fees["flag"]) == {""}


@pytest.mark.parametrize("spaced", [False, True])
def test_alternation_finds_the_longest_word_at_each_place_of_the_seeds(spaced):
    # alternation() merges the words by their common starts; it must read as the plain longest-first list:
    # at every place of the seeds' text, the longest word of the format that starts there, or none
    import re

    from toolkit.formats import load_formats, vocabulary
    from toolkit.normalize import alternation

    fm = load_formats()
    words = {lab for lab, _u, _p in fm["legacy"]["rows"].values()} | set(vocabulary().header_words)
    words |= {w[:n] for w in list(words) for n in (2, 4)}  # words that start longer words
    sep = r"\s*" if spaced else ""
    pattern = re.compile(f"(?:{alternation(words, spaced=spaced)})")
    by_first: dict[str, list[re.Pattern[str]]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(re.compile(sep.join(map(re.escape, w))))
    for path in sorted(RAW.glob("00*.txt")):
        text = normalize_line(path.read_text(encoding="utf-8"))
        for at in range(len(text)):
            found = pattern.match(text, at)
            longest = max((m.end() for p in by_first.get(text[at], ()) if (m := p.match(text, at))), default=None)
            assert (found.end() if found else None) == longest, (path.name, at, text[at : at + 20])


def test_layout_imports_no_later_stage() -> None:
    # wt-hunt's skipping of a running title inside wrapped glued text imported the private statements._is_furniture
    # into layout, an earlier stage: `import toolkit.layout` loaded toolkit.statements and pandas with it. The test
    # is now toolkit.metadata.is_furniture, which both use.
    from conftest import later_stages_loaded

    assert later_stages_loaded("toolkit.layout") == []


def test_a_long_word_in_a_word_list_is_matched_longest_first():
    # wt-perf's trie called itself once a character: a word of some 400 characters (here the first sentence of a
    # glued page line and the line) raised RecursionError where the flat alternation matched it
    import re

    from toolkit.normalize import alternation

    line = (RAW / "pingtan-2020-05.txt").read_text(encoding="utf-8").split("\n")[1]
    words = [line[:600], line[:40]]
    assert re.compile(f"(?:{alternation(words)})").match(line).group() == line[:600]
    assert re.compile(f"(?:{alternation(words)})(?!{re.escape(line[600])})").match(line).group() == line[:40]


def test_text_kind_value_is_value_cell() -> None:
    # build_rows asks whether a reader's row holds a value through _text_kind (cached) rather than
    # is_value_cell: the same answer for every cell of the seeds' HTML tables and of the seeds' text.
    from toolkit import synth
    from toolkit.layout import _text_kind
    from toolkit.normalize import NA_MARKS, is_value_cell, normalize_lines
    from toolkit.webpage import _read_html

    cells = {c for s in range(8) for item in normalize_lines(
        _read_html(synth.make_report(s, layout="html")[0].encode(), "page.html", None).lines)
        if isinstance(item, list) for c in item}
    cells |= {w for path in sorted(RAW.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
              for w in line.replace("|", " ").split()}
    cells |= set(NA_MARKS) | {"", " ", "0", "-3", "1,234", "12.5%", "(12)", "12/3", "495000元"}
    assert any(is_value_cell(c) for c in cells) and not all(is_value_cell(c) for c in cells)
    assert all((_text_kind(c) == "value") == is_value_cell(c) for c in cells)


@pytest.mark.parametrize("line, number", [
    ("3", 3), ("- 3 -", 3), ("— 3 —", 3), ("·3·", 3), ("－ 12 －", 12), ("— 1234 —", 1234), ("第3页", 3),
    ("第 3 页 共 5 页", 3), ("共5页 第3页", 3), ("第三页", 3), ("第十二页", 12), ("3 / 5", 3), ("Page 3", 3),
    ("Page 9 of 12", 9), ("Page 9 - 政府信息公开工作年度报告", 9), ("P. 3", 3), ("2020年政府信息公开工作年度报告 - 4 -", 4),
    ("【打印本页】【关闭窗口】", None), ("16/3", None)])
def test_the_page_number_of_a_furniture_line_is_read_by_the_furniture_patterns(line, number):
    # page24's _PAGE_NUMBER_LINE copied formats.yaml's page_furniture as literals and disagreed with it: '第三页',
    # 'Page 3', 'P. 3', '— 1234 —' were furniture but gave no page number ('16/3', a cell's two numbers, gave 16).
    # The number is now the group of the page_furniture pattern the line is, Chinese numerals read by cn_numeral.
    from toolkit.layout import _page_number_of
    from toolkit.normalize import is_page_furniture

    assert _page_number_of(line) == number
    if number is not None and line != str(number):
        assert is_page_furniture(line)


@pytest.mark.parametrize("row", ["规章 | 2 | 件 | 0 | 件 | 30 | 件 |", "规章 2 件 0 件 30 件", "| 规章 | 2 | 件 | 0 | 件 | 30 | 件 |"])
def test_a_unit_in_a_cell_of_its_own_after_each_value_joins_the_value(row):
    # Each value's unit in a cell of its own made the row three cells too long: every value NA, flagged
    # extra_cells. The unit joins its value, read and checked as in '2件'.
    import toolkit
    from toolkit import synth
    from toolkit.sections import Segment

    assert [[c for c in r.texts if c] for r in build_rows([Segment(row, 1)])] == [["规章", "2件", "0件", "30件"]]
    text, _ = synth.make_report(0, layout="pipe_rows", traditional=False)
    assert "规章 | 0 | | 39 |" in text
    report = toolkit.parse_text(text.replace("规章 | 0 | | 39 |", row))
    t = report.tables
    got = t[(t["table"] == "active") & (t["row_key"] == "regulations")].set_index("col_key")
    assert got["value"].to_dict() == {"issued": 2.0, "repealed": 0.0, "in_force": 30.0}
    assert (got["unit"] == "件").all() and "extra_cells" not in set(report.flags_frame()["code"])


def test_a_unit_alone_joins_no_code_nor_a_pre_2019_tables_cell():
    from toolkit.sections import Segment

    # a unit after a code ('01') is a cell of its own; a pre-2019 statistics table (no table region) keeps its
    # unit column as it is
    assert [r.texts for r in build_rows([Segment("行政处罚 | 01 | 件 | 3 |", 1)])] == [["行政处罚", "01", "件", "3"]]
    assert [r.texts for r in build_rows([Segment("主动公开信息数 | 1 | 条 | |", 1)], table_region=False)] == [
        ["主动公开信息数", "1", "条", ""]]


@pytest.mark.parametrize("row, old", [("规章 | 件 | 2 | - | 30 |", "规章 | 0 | | 39 |"), ("规章 件 2 - 30", "规章 | 0 | | 39 |"),
                                      ("行政许可 | 件 | 28823 |", "行政许可 | 28823 | ||"),
                                      ("行政许可 件 28823", "行政许可 | 28823 | ||")])
def test_a_unit_column_between_a_rows_label_and_its_values_is_each_values_unit(row, old):
    # A 单位 column between the label and the values ('规章 | 件 | 2 | 0 | 30') made the row a cell too long:
    # every value NA, flagged extra_cells. Each value carries the unit, as if written in its cell; a mark stays
    # a mark.
    import toolkit
    from toolkit import synth

    text, _ = synth.make_report(0, layout="pipe_rows", traditional=False)
    assert old in text
    report = toolkit.parse_text(text.replace(old, row))
    t = report.tables
    label = row.split()[0]
    got = t[(t["table"] == "active") & (t["row_key"] == ("regulations" if label == "规章" else "licensing"))]
    want = [2.0, None, 30.0] if label == "规章" else [28823.0]
    assert [None if pd.isna(v) else v for v in got["value"]] == want
    assert set(got["unit"].dropna()) == {"件"} and "extra_cells" not in set(report.flags_frame()["code"])


@pytest.mark.parametrize("row, cells, values", [
    ("规章 | 2 | 件 | | 件 | 30 | 件 |", ["规章", "2件", "", "30件"], [2.0, None, 30.0]),
    ("规章 | — | 件 | 0 | 件 | 30 | 件 |", ["规章", "—", "0件", "30件"], [None, 0.0, 30.0]),
    ("规章 2 件 无 件 30 件", ["规章", "2件", "无", "30件"], [2.0, None, 30.0]),
    ("规章 | | 件 | | 件 | | 件 |", ["规章", "", "", ""], [None, None, None]),
    ("| 规章 | | 件 | — | 件 | | 件 |", ["", "规章", "", "—", ""], [None, None, None]),
    ("规章 无 件 无 件 无 件", ["规章", "无", "无", "无"], [None, None, None]),
    ("规章\t2\t件\t\t件\t30\t件", ["规章", "2件", "", "30件"], [2.0, None, 30.0])])
def test_a_blank_or_marked_values_unit_in_a_cell_of_its_own_is_dropped(row, cells, values):
    # A row whose units follow their values, one value blank or a mark with its unit still written after it:
    # that unit stayed a cell of its own, the row a cell too long, every value NA and flagged extra_cells. It is
    # the blank's unit, dropped: the blank or mark reads NA, the other values land in their columns.  So too in
    # a row of blanks and marks only, each with its unit after it (no number to show the units follow values).
    import toolkit
    from toolkit import synth
    from toolkit.sections import Segment

    assert [r.texts for r in build_rows([Segment(row, 1)])] == [cells]
    text, _ = synth.make_report(0, layout="pipe_rows", traditional=False)
    report = toolkit.parse_text(text.replace("规章 | 0 | | 39 |", row))
    t = report.tables
    got = t[(t["table"] == "active") & (t["row_key"] == "regulations")].set_index("col_key")["value"]
    assert [None if pd.isna(v) else v for v in got[["issued", "repealed", "in_force"]]] == values
    assert not [f for f in report.flags if "regulations" in f.detail]


def test_a_row_split_by_tabs_keeps_its_blank_cell():
    # A row copied from a sheet, its cells split by tabs, a blank between two ('…数量\t87\t0\t5\t1\t4\t\t97') was
    # read as a spaced row: the blank lost, 97 a column early (flagged ambiguous_digits, three values NA). The tabs
    # are its cells' bounds: the blank stays a cell (NA) and the total lands under 总计.
    import toolkit
    from toolkit import synth
    from toolkit.sections import Segment

    row = "一、本年新收到政府信息公开申请数量\t87\t0\t5\t1\t4\t\t97"
    assert [r.texts for r in build_rows([Segment(row, 1)])] == [[row.split("\t")[0], "87", "0", "5", "1", "4", "", "97"]]
    text, _ = synth.make_report(0, layout="pipe_rows", traditional=False)
    assert "一、本年新收到政府信息公开申请数量 | 87 | 0 | 5 | 1 | 4 | | 97 |" in text
    want = toolkit.parse_text(text)
    report = toolkit.parse_text(text.replace("一、本年新收到政府信息公开申请数量 | 87 | 0 | 5 | 1 | 4 | | 97 |", row))
    pd.testing.assert_frame_equal(report.table("requests"), want.table("requests"))
    assert [f for f in report.flags if f.table == "requests"] == [f for f in want.flags if f.table == "requests"]


@pytest.mark.parametrize("mark", ["*", "*1", "注1", "[1]", "①"])
@pytest.mark.parametrize("seed_id, cell", [("000_438c5e5d2b6f4db4", "2,887"),   # a cell a line between blank lines
                                           ("001_4d29bfef72dd56db", "65651 |")])  # a cell a line, each closed by '|'
def test_a_footnote_mark_on_a_rows_last_value_a_cell_a_line_keeps_the_row(seed_id, cell, mark):
    # '行政许可' / '302' / '142' / '65651*': the marked count, no value, started a row of its own, so 行政许可 had two
    # values for three columns, none placed (ragged, 0 of 3). It is the row's last cell: 302 and 142 are read, the
    # marked count kept as written in its column, NA, flagged not_a_number.
    import toolkit

    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index(cell)
    number = cell.rstrip(" |")
    lines[at] = cell.replace(number, number + mark)
    original = toolkit.parse_report(RAW / f"{seed_id}.txt")
    report = toolkit.parse_text("\n".join(lines))
    got, want = report.table("active"), original.table("active")
    assert want.loc["licensing", "decisions"] > 0 and pd.isna(got.loc["licensing", "decisions"])
    got.loc["licensing", "decisions"] = want.loc["licensing", "decisions"]
    pd.testing.assert_frame_equal(got, want)
    written = number + mark.replace("①", "(1)")  # (normalized as every circled number is)
    assert [f.detail for f in report.flags if "licensing" in f.detail] == [f"licensing: {written}"]
    assert [f.code for f in report.flags if "licensing" in f.detail] == ["not_a_number"]


def test_the_hedges_after_a_count_are_the_formats_data():
    # The words hedging a count after it ('3左右', '3件左右', '12余') were literals of layout.HEDGED_NUMBER: they are
    # formats.yaml's hedges_after, each a hedged count there, with a unit's character before it or not.
    from toolkit.formats import alternation, load_formats
    from toolkit.layout import HEDGED_NUMBER

    hedges = load_formats()["hedges_after"]
    assert {"左右", "余", "多", "上下"} <= set(hedges) and f"(?:{alternation(hedges)})" in HEDGED_NUMBER
    assert all(re.fullmatch(HEDGED_NUMBER, cell)
               for w in hedges for cell in (f"12{w}", f"3件{w}", f"1,200{w}", f"30{w}件"))
    assert not re.fullmatch(HEDGED_NUMBER, "12") and not re.fullmatch(HEDGED_NUMBER, "3件二")


@pytest.mark.parametrize("written, value, flag", [("三", 3, "value_note"), ("十二", 12, "value_note"),
                                                 ("约3", None, "not_a_number"), ("3件左右", None, "not_a_number"),
                                                 ("30余件", None, "not_a_number"), ("3件以上", None, "not_a_number"),
                                                 ("三件", None, "not_a_number"), ("十二人次", None, "not_a_number"),
                                                 # (a space inside the cell: as without it)
                                                 ("约 3", None, "not_a_number"), ("3 件左右", None, "not_a_number"),
                                                 ("三 件", None, "not_a_number")])
@pytest.mark.parametrize("seed_id, cell, table, row, col", [
    ("000_438c5e5d2b6f4db4", "2,887", "active", "licensing", "decisions"),  # a cell a line between blank lines
    ("001_4d29bfef72dd56db", "65651 |", "active", "licensing", "decisions"),  # a cell a line, each closed by '|'
    ("001_4d29bfef72dd56db", "74 | ||", "requests", "granted", "total")])  # 2021's requests row, its 总计
def test_a_count_in_words_as_a_rows_last_value_a_cell_a_line_keeps_the_row(seed_id, cell, table, row, col, written,
                                                                           value, flag):
    # '行政许可' / '302' / '142' / '三' (or '约3', '3件左右'): the count in words, no value, was taken for the next
    # row's label, so 行政许可 had two values for three columns, none placed (ragged, 0 of 3), as 予以公开 had six
    # for seven. It is the row's last cell, read as a ruled table's: '三' is 3 (value_note), '约3' NA (not_a_number).
    import toolkit

    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index(cell)
    lines[at] = cell.replace(cell.split(" |")[0], written)
    original = toolkit.parse_report(RAW / f"{seed_id}.txt")
    report = toolkit.parse_text("\n".join(lines))
    got, want = report.table(table), original.table(table)
    assert got.loc[row, col] == value if value is not None else pd.isna(got.loc[row, col])
    got.loc[row, col] = want.loc[row, col]
    pd.testing.assert_frame_equal(got, want)
    flags = [(f.code, f.detail) for f in report.flags if f.detail.startswith(f"{row}: ")]
    assert flags == [(flag, f"{row}: {written}")]


def _read_with_one_cell_missing(seed_id: str, lines: list[str], table: str, row: str, col: str):
    """The seed variant ``lines`` parsed, after checking that its ``table`` reads as the seed's but for the one cell
    (``row``, ``col``): NA where the seed has a count."""
    import toolkit

    original = toolkit.parse_report(RAW / f"{seed_id}.txt")
    report = toolkit.parse_text("\n".join(lines))
    got, want = report.table(table), original.table(table)
    assert want.loc[row, col] >= 0 and pd.isna(got.loc[row, col])
    got.loc[row, col] = want.loc[row, col]
    pd.testing.assert_frame_equal(got, want)
    return report


@pytest.mark.parametrize("written", ["1、2", "1,2", "14、2"])
@pytest.mark.parametrize("seed_id, cell, table, row, col", [
    ("000_438c5e5d2b6f4db4", "7", "active", "licensing", "prev_items"),  # a cell a line between blank lines
    ("000_438c5e5d2b6f4db4", "4", "active", "licensing", "change"),
    ("001_4d29bfef72dd56db", "302 |", "active", "licensing", "prev_items"),  # a cell a line, each closed by '|'
    ("001_4d29bfef72dd56db", "142 |", "active", "licensing", "change"),
    ("001_4d29bfef72dd56db", "88 |", "requests", "new", "natural_person"),
    ("001_4d29bfef72dd56db", "11 |", "requests", "new", "commercial"),
    ("002_809f9474e249d214", "4 |", "requests", "new", "natural_person"),
    ("002_809f9474e249d214", "0 |", "requests", "new", "commercial")])
def test_a_count_with_a_comma_inside_a_cell_a_line_is_one_unreadable_count(seed_id, cell, table, row, col, written):
    # '行政许可' / '302' / '1、2' / '65651': a count written with an enumeration comma (a typo, or two numbers in one
    # cell) was read as a label, an item number's: after the row's first value it started a row of its own (unknown_row
    # '1、2', the row's counts lost, ambiguous_digits or ragged); as its first value the row's label ended in it, the
    # row lost (missing_rows). It is one count the report writes unreadably: NA, flagged not_a_number with its text,
    # the row's other counts in their places.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    label = {"licensing": "行政许可", "new": "一、本年新收"}[row]
    at = next(i for i, line in enumerate(lines) if line.startswith(label))
    at = lines.index(cell, at)
    lines[at] = cell.replace(cell.split(" |")[0], written)
    report = _read_with_one_cell_missing(seed_id, lines, table, row, col)
    flags = [(f.code, f.detail) for f in report.flags if f.detail.startswith(f"{row}: ") or f.code == "unknown_row"]
    assert flags == [("not_a_number", f"{row}: {written}")]


@pytest.mark.parametrize("written", ["1 2*", "1 2 *", "1 2①", "1 2[1]", "1、2*", "142 *"])
@pytest.mark.parametrize("seed_id, cell, col", [
    ("000_438c5e5d2b6f4db4", "7", "prev_items"),  # a cell a line between blank lines
    ("000_438c5e5d2b6f4db4", "4", "change"),
    ("001_4d29bfef72dd56db", "302 |", "prev_items"),  # a cell a line, each closed by '|'
    ("001_4d29bfef72dd56db", "142 |", "change"),
    ("001_4d29bfef72dd56db", "65651 |", "decisions")])
def test_a_count_with_a_space_and_a_footnote_mark_a_cell_a_line_is_one_unreadable_count(seed_id, cell, col, written):
    # '行政许可' / '302' / '1 2*' / '65651': two numbers in one cell (or a count) with a footnote mark after them, a space
    # inside, was read as a label: after the row's first value it started a row of its own (unknown_row '1 2*', the
    # row's counts lost, ambiguous_digits or ragged), as the first the row's label ended in it (missing_rows). It is
    # one count the report writes unreadably, never 12 nor 142: NA, flagged not_a_number with its text, as '142*' is.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index(cell, lines.index("行政许可" + cell[len(cell.rstrip(" |")):]))
    lines[at] = cell.replace(cell.split(" |")[0], written)
    report = _read_with_one_cell_missing(seed_id, lines, "active", "licensing", col)
    flags = [(f.code, f.detail) for f in report.flags if "licensing" in f.detail or f.code == "unknown_row"]
    assert flags == [("not_a_number", "licensing: " + written.replace("①", "(1)"))]


@pytest.mark.parametrize("written", ["({n})", "（{n}）"])
@pytest.mark.parametrize("seed_id, cell, table, row, col", [
    ("000_438c5e5d2b6f4db4", "4", "active", "licensing", "change"),  # a cell a line between blank lines
    ("001_4d29bfef72dd56db", "142 |", "active", "licensing", "change"),  # a cell a line, each closed by '|'
    ("001_4d29bfef72dd56db", "11 |", "requests", "new", "commercial"),
    ("002_809f9474e249d214", "0 |", "requests", "new", "commercial")])
def test_a_count_in_brackets_inside_a_row_a_cell_a_line_keeps_the_row(seed_id, cell, table, row, col, written):
    # '行政许可' / '302' / '(142)' / '65651': a count in brackets after the row's first value was read as a label
    # starting a row of its own (unknown_row '(142)'), the row's counts lost (ambiguous_digits, ragged). Values after it
    # tell it is one of the row's: NA, flagged not_a_number, as a ruled table's '(142)' is (a note, a negative or a
    # sub-count, no plain count); the row's other counts in their places.
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    label = {"licensing": "行政许可", "new": "一、本年新收"}[row]
    at = lines.index(cell, next(i for i, line in enumerate(lines) if line.startswith(label)))
    number = cell.split(" |")[0]
    lines[at] = cell.replace(number, written.format(n=number))
    report = _read_with_one_cell_missing(seed_id, lines, table, row, col)
    flags = [(f.code, f.detail) for f in report.flags if f.detail.startswith(f"{row}: ") or f.code == "unknown_row"]
    assert flags == [("not_a_number", f"{row}: ({number})")]


@pytest.mark.parametrize("seed_id, after, page", [("000_438c5e5d2b6f4db4", "2,887", ["", "(3)"]),
                                                  ("001_4d29bfef72dd56db", "65651 |", ["(3) |"]),
                                                  ("001_4d29bfef72dd56db", "65651 |", ["(3)"])])
def test_a_page_number_in_brackets_between_rows_a_cell_a_line_is_no_value(seed_id, after, page):
    # A page number in brackets left between two rows ('65651' / '(3)' / '其他对外管理服务事项'), as a count in brackets
    # is written, is no value of the row before it (no value follows it in that row): read as the seed without it.
    import toolkit

    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index(after) + 1
    report = toolkit.parse_text("\n".join([*lines[:at], *page, *lines[at:]]))
    original = toolkit.parse_report(RAW / f"{seed_id}.txt")
    pd.testing.assert_frame_equal(report.table("active"), original.table("active"))
    assert sorted((f.code, f.detail) for f in report.flags) == sorted((f.code, f.detail) for f in original.flags)


@pytest.mark.parametrize("page", ["第2页 |", "共3页 |", "第二页 |", "第2页"])
def test_a_page_number_after_a_rows_last_value_a_cell_a_line_is_no_value(page):
    # A page number left between two rows of a table a cell a line, closed by '|' as the cells are ('65651 |' /
    # '第2页 |' / '其他对外管理服务事项 |'), words around a number as a hedged count's are, is no value of the row
    # before it (extra_cells): read as the seed without it.
    import toolkit

    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("65651 |")
    report = toolkit.parse_text("\n".join([*lines[:at + 1], page, *lines[at + 1:]]))
    original = toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt")
    pd.testing.assert_frame_equal(report.table("active"), original.table("active"))
    assert sorted((f.code, f.detail) for f in report.flags) == sorted((f.code, f.detail) for f in original.flags)


@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_grid_label_wrapped_under_its_values_goes_back_to_its_label(seed_id, tmp_path):
    # A web page's table (a PDF's lines, one row each) with a row label wrapped, its values on the row of its first
    # part and its rest on the row below, beside blank cells ('2.申请人逾期未按收费通知要求缴纳费 | 0 | 0 | …' then
    # '用、行政机关不再处理其政府信息公开申请 | | | …'): the rest was joined back only in a layout that marks no
    # blank cells, so in a grid both rows were unknown_row (seed 000 lost 94 of its cells, missing_rows). The rest
    # goes back to its label there too: every seed so written reads as unwrapped.
    import toolkit
    from renderers import render_html
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    wrapped: list = []
    for x in lines:
        long_label = isinstance(x, list) and len(x[0]) >= 10 and any(c.isdigit() for c in "".join(x[1:]))
        half = len(x[0]) // 2 if long_label else 0
        wrapped += [[x[0][:half], *x[1:]], [x[0][half:], *[""] * (len(x) - 1)]] if long_label else [x]
    assert len(wrapped) > len(lines)
    (tmp_path / "a.html").write_bytes(render_html(lines))
    (tmp_path / "b.html").write_bytes(render_html(wrapped))
    original, got = toolkit.parse_report(tmp_path / "a.html"), toolkit.parse_report(tmp_path / "b.html")
    _same_tables(original, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in original.flags)


@pytest.mark.parametrize("layout", ["pipe_cells", "lines", "tab"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "002_809f9474e249d214",
                                     "004_b232cca7e491c758"])
def test_an_article_20_labels_header_wrapped_over_two_lines_a_cell_a_line(seed_id, layout):
    # An Article 20 block's labels' column header wrapped in its cell, a cell a line ('信息' / '内容' / '本年新制作
    # 数量' / …): neither piece was the header, so no block had columns and every row was header_missing (seed 001
    # lost its 22 counts, table_missing). The two pieces are the header: every seed so written reads as unwrapped.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    wrapped = [["信息", "内容", *x[1:]] if isinstance(x, list) and x and x[0] == "信息内容" else x for x in lines]
    assert wrapped != lines
    original = toolkit.parse_text(render_text(lines, layout))
    got = toolkit.parse_text(render_text(wrapped, layout))
    assert original.tables.query("table == 'active'")["value"].notna().sum() >= 10
    _same_tables(original, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in original.flags)


def test_a_unit_notes_words_are_the_legacy_unit_headers():
    # formats.yaml wrote ['单位', '计量单位'] twice, as unit_note_words (a line '单位：件' over a table) and as
    # legacy.unit_headers (a pre-2019 table's 单位 column): one list, read under both keys, so a word added to one
    # names the unit in both places.
    from toolkit.formats import load_formats

    fm = load_formats()
    assert fm["unit_note_words"] is fm["legacy"]["unit_headers"]
    assert {"单位", "计量单位"} <= set(fm["unit_note_words"])


@pytest.mark.parametrize("unit", ["单位：件", "（单位：件）", "单位:条"])
@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_a_unit_line_before_a_tab_tables_header_is_no_cell(seed_id, unit):
    # Tab text (seed 004's layout) with a line naming the unit between a block's title and its header
    # ('\t第二十条第(一)项' / '单位：件' / '\t信息内容' / …): the line was taken as the header row's first cell, so the
    # header named no column and the block's rows were header_missing. It is a note of its own, as in the other
    # layouts: the tables read as without it.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    noted = [y for x in lines for y in ([x, unit] if isinstance(x, list) and x and "第二十条" in x[0]
                                        and "(一)" in x[0] else [x])]
    assert len(noted) == len(lines) + 1
    original, got = toolkit.parse_text(render_text(lines, "tab")), toolkit.parse_text(render_text(noted, "tab"))
    assert original.tables.query("table == 'active'")["value"].notna().sum() >= 10
    _same_tables(original, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in original.flags)


def _width(text: str) -> int:
    """The columns ``text`` takes in a monospaced font (East Asian wide characters two): the tests' own ruler for
    setting a report's tables in columns by runs of spaces."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _space_aligned(lines: list) -> str:
    """The report with each table row on a line, its cells set apart by runs of spaces (a PDF viewer's copy)."""
    rows = ["".join(c + " " * max(3, 14 - _width(c)) for c in x).rstrip() if isinstance(x, list) else x for x in lines]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("row, plain, grouped", [
    ("行政许可", ["302", "142", "65651"], ["302", "142", "65 651"]),
    ("行政处罚", ["1307", "-22", "1610"], ["1 307", "-22", "1 610"]),
    ("一、本年新收政府信息公开申请数量", ["1088", "11", "0", "0", "0", "0", "1099"],
     ["1 088", "11", "0", "0", "0", "0", "1 099"]),
])
def test_space_aligned_rows_read_a_number_with_its_thousands_a_space_apart(row, plain, grouped):
    # Seed 001's rows set with runs of spaces, a count written '65 651': read as two cells, the row one cell too
    # long for its header (extra_cells, every value of the row NA). Where the header's columns leave one cell too
    # many for each such group, the group is the number's thousands.
    import toolkit
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    at = next(k for k, x in enumerate(lines) if isinstance(x, list) and x[0] == row)
    want, got = (toolkit.parse_text(_space_aligned([*lines[:at], [*lines[at][:-len(v)], *v], *lines[at + 1:]]))
                 for v in (plain, grouped))
    keys = ["table", "row_key", "col_key", "value"]
    pd.testing.assert_frame_equal(want.tables[keys], got.tables[keys])
    assert want.tables["value"].notna().sum() > 150
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in want.flags)
    assert {"65 651", "1 307", "1 099"} & set(got.tables["raw"])


def test_space_aligned_row_keeps_two_cells_its_header_counts():
    # '302 142' one space apart, 65651 after a run of spaces: three cells under three columns, no number's thousands
    import toolkit
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    text = _space_aligned(lines)
    assert text.count("302           142") == 1
    got = toolkit.parse_text(text.replace("302           142", "302 142")).table("active")
    assert got.loc["licensing", ["prev_items", "change", "decisions"]].tolist() == [302, 142, 65651]


def _tab_rows(lines: list) -> str:
    """The report with each table row on a line, its cells split by tabs, a blank cell between two (a sheet's copy)."""
    return "\n".join("\t".join(x) if isinstance(x, list) else x for x in lines) + "\n"


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_tab_split_rows_read_as_pipe_rows(seed_id):
    # Seed 004's rows a line, cells split by tabs ('三、本年度办理结果\t(一)予以公开\t5\t1\t\t\t\t\t6'): a group's label
    # before the row's made it no tab row, so it was read as spaces, its blanks lost (予以公开 ambiguous_digits,
    # its three counts NA). The rows read as the same rows written with '|'.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    want, got = toolkit.parse_text(render_text(lines, "pipe_rows")), toolkit.parse_text(_tab_rows(lines))
    assert want.tables["value"].notna().sum() > 50
    _same_tables(want, got)


@pytest.mark.parametrize("mark", ["——", "-", "/"])
def test_space_aligned_review_row_of_marks_alone_is_a_row(mark):
    # Seed 000 set with runs of spaces, each 0 written '——' (none): the review table's one row, fifteen marks and no
    # label, was no row (a line of marks alone was one only with a label), so the table was lost (table_missing).
    # So wide a line is a row of values, read as the same rows written with '|' are.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / "000_438c5e5d2b6f4db4.txt"))
    marked = [[mark if c == "0" else c for c in x] if isinstance(x, list) else x for x in lines]
    want, got = toolkit.parse_text(render_text(marked, "pipe_rows")), toolkit.parse_text(_space_aligned(marked))
    assert (want.tables["table"] == "review_litigation").sum() == 15
    _same_tables(want, got)
    assert "table_missing" not in {f.code for f in got.flags}


@pytest.mark.parametrize("pad", [False, True])
def test_space_aligned_rows_two_spaces_apart_are_no_glued_text(pad):
    # Seed 001's rows with their cells two spaces apart ('一、本年新收政府信息公开申请数量  88  11  0  0  0  0  99', or
    # padded to columns, '其他对外管理服务事项  664             167               1342'): a label two spaces before
    # digits read as page text that lost its cells, the values run into one digit run ('8811000099', ambiguous_digits,
    # 14 cells NA). The label set apart so is a row's: every seed 001 cell reads as written with '|'.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    rows: list = []
    for x in lines:  # (a table's rows, each cell padded to its column's width where `pad`)
        if isinstance(x, list) and rows and isinstance(rows[-1], list):
            rows[-1].append(x)
        else:
            rows.append([x] if isinstance(x, list) else x)
    out = []
    for x in rows:
        if isinstance(x, str):
            out.append(x)
            continue
        cols = [max(_width(r[k]) for r in x if len(r) > k) for k in range(max(map(len, x)))]
        out += ["  ".join(c + " " * (cols[k] - _width(c) if pad else 0) for k, c in enumerate(r)).rstrip() for r in x]
    text = "\n".join(out) + "\n"
    assert "其他对外管理服务事项  664  " in text and ("数量  88  11  0" in text) != pad
    assert ("664             167" in text) == pad
    want, got = toolkit.parse_text(render_text(lines, "pipe_rows")), toolkit.parse_text(text)
    assert want.tables["value"].notna().sum() > 150
    _same_tables(want, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("seed_id, grouped", [("000_438c5e5d2b6f4db4", False), ("001_4d29bfef72dd56db", True)])
def test_tab_split_rows_without_a_blank_cell_read_as_pipe_rows(seed_id, grouped):
    # A sheet's rows copied with single tabs, no blank cell among them: seed 000's short rows
    # ('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0') were read as glued page text, their zeros one digit run
    # (ambiguous_digits, 14 cells NA), and a count written with its thousands a space apart in its cell ('1 302')
    # was two cells (extra_cells, the row NA). The tabs are the cells' bounds, as where a blank stands between two.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    if grouped:  # (each three-digit count a thousand more, written '1 302')
        lines = [[f"1 {c}" if k and len(c) == 3 and c.isdigit() else c for k, c in enumerate(x)]
                 if isinstance(x, list) else x for x in lines]
    plain = [[c.replace(" ", "") if c[:1].isdigit() else c for c in x] if isinstance(x, list) else x for x in lines]
    text = _tab_rows(lines)
    assert "\t\t" not in text and (not grouped or "\t1 302\t" in text)
    want, got = toolkit.parse_text(render_text(plain, "pipe_rows")), toolkit.parse_text(text)
    assert want.tables["value"].notna().sum() > 100
    keys = ["table", "row_key", "col_key", "value"]  # (the raw text keeps its '1 302')
    pd.testing.assert_frame_equal(want.tables[keys], got.tables[keys])
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


@pytest.mark.parametrize("sep", [" ", "  "])
def test_glued_page_text_with_its_values_two_spaces_apart_keeps_each_value(sep):
    # Seed 001's tables as page text that lost its cells, each table one line, a row's labels touching its values
    # and the values two spaces apart ('…行政许可302  142  65651其他对外管理服务事项664  167  1342…'): compacting the
    # text took each space of a run for a label's, so the values ran together ('30214265651', ambiguous_digits, 29
    # values NA). A run of spaces between two digits stays whole, as one space does: every value reads as with '|'.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))
    out: list = []
    for x in lines:
        if isinstance(x, list):
            values = [c for c in x if c[:1].isdigit() or c[:1] == "-"]
            row = "".join(c for c in x if c not in values) + sep.join(values)
            if out and isinstance(out[-1], list):
                out[-1].append(row)  # (a table's rows run on, one line)
            else:
                out.append([row])
        else:
            out.append(x)
    text = "\n".join("".join(x) if isinstance(x, list) else x for x in out) + "\n"
    assert "行政许可302" + sep + "142" + sep + "65651其他对外管理服务事项664" in text
    want, got = toolkit.parse_text(render_text(lines, "pipe_rows")), toolkit.parse_text(text)
    keys = ["table", "row_key", "col_key", "value"]
    assert want.tables["value"].notna().sum() > 150
    pd.testing.assert_frame_equal(want.tables[keys], got.tables[keys])
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


def test_rows_led_by_a_row_label_are_not_asked_for_a_labels_wrapped_parts(monkeypatch):
    # _join_wrapped asked every row whether it held the end of a label wrapped from the row before
    # (_label_over_rows), the rest of its label (_label_rest) and whether it was values alone, though a row led by a
    # row's label, a header or a note (most rows) can be none of them: it is told by its first cell's kind now, the
    # same rows built.  (The helpers are counted, not timed.)
    import toolkit.layout as layout

    lines = [normalize_line(x) for x in (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")]
    sections, _ = find_sections(split_segments(lines))
    segments = [s for s in sections if s.key == "requests"][0].segments
    expected = [r.texts for r in build_rows(segments)]
    asked: list[str] = []
    for name in ("_label_over_rows", "_label_rest"):
        real = getattr(layout, name)

        def counted(prev, row, real=real):
            first = row if isinstance(row, layout.Cell) else row.cells[0]
            asked.append(layout._kind(first))
            return real(prev, row)

        monkeypatch.setattr(layout, name, counted)
    assert [r.texts for r in build_rows(segments)] == expected
    assert expected[2][0] == "一、本年新收政府信息公开申请数量" and len(expected) > 20
    assert not set(asked) - {"label", "group", "value"}


def _in_columns(lines: list, gap: str = "  ", right: bool = False) -> str:
    """The report with its tables set in columns by runs of spaces (a PDF's text dump, a web page copied): each table
    a grid of its widest row's columns, a row's first cell spanning the columns its row lacks (a merged label), each
    cell padded with spaces to its column's width (East Asian wide characters two), ``gap`` between columns; a blank
    cell leaves only its spaces, ``right`` the cells after a row's first set flush right. A row's filler cells past the
    table's common width (a merged span's) are left out."""
    blocks: list = []
    for x in lines:
        if isinstance(x, list) and blocks and isinstance(blocks[-1], list):
            blocks[-1].append(x)
        else:
            blocks.append([x] if isinstance(x, list) else x)
    out: list = []
    for rows in blocks:
        if isinstance(rows, str):
            out.append(rows)
            continue
        lengths = [len(r) for r in rows]
        common = max(set(lengths), key=lengths.count)
        rows = [r[:max(common, len("".join("x" if c else " " for c in r).rstrip()))] for r in rows]
        n = max(map(len, rows))
        placed = [[(n - len(r) + 1 if k == 0 else 1, c) for k, c in enumerate(r)] for r in rows]
        cols = [0] * n
        for r in placed:
            at = 0
            for span, c in r:
                cols[at] = max(cols[at], _width(c)) if span == 1 else cols[at]
                at += span
        for (span, c), *_ in placed:  # (a merged first cell wider than its columns widens the first)
            cols[0] += max(0, _width(c) - sum(cols[:span]) - _width(gap) * (span - 1))
        for r in placed:
            line, at = "", 0
            for k, (span, c) in enumerate(r):
                pad = " " * (sum(cols[at:at + span]) + _width(gap) * (span - 1) - _width(c))
                line += (pad + c if right and k else c + pad) + gap
                at += span
            out.append(line.rstrip())
    return "\n".join(out) + "\n"


def test_a_group_label_two_spaces_before_its_items_number_is_no_glued_text():
    # Seed 004 set in columns by runs of spaces: the row '(三)不予公开  1.属于国家秘密  …  0' was read as a label
    # touching digits (the item's number '1'), page text that lost its cells, and the whole requests table, 23 lines,
    # joined as one run of glued text (ambiguous_digits, 38 values NA). A number that starts the next label of the
    # format is its item's: every value the table reads is the one written with '|'.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines
    from toolkit.glued import _has_glued_table

    lines = _as_lines(toolkit.parse_report(RAW / "004_b232cca7e491c758.txt"))
    text = _in_columns(lines)
    assert re.search(r"\n +\(三\)不予公开  1\.属于国家秘密 +0\n", text)
    assert not _has_glued_table("(三)不予公开  1.属于国家秘密" + " " * 12 + "0")
    assert _has_glued_table("(三)不予公开1.属于国家秘密0") and _has_glued_table("(三)不予公开  1")
    want, got = toolkit.parse_text(render_text(lines, "pipe_rows")), toolkit.parse_text(text)
    assert "ambiguous_digits" not in {f.code for f in got.flags}
    keys = ["table", "row_key", "col_key"]
    w, g = (r.tables.query("table == 'requests'").set_index(keys)["value"] for r in (want, got))
    read = g.notna()
    assert read.xs("new", level="row_key").sum() >= 2  # (16 | … | 20, in the cells' order: a blank's place is not told)
    pd.testing.assert_series_equal(g[read], w[g[read].index])


def _leaf_header(lines: list) -> list:
    """The requests table's header rows as one row of its columns' own words, each over its column (a PDF's
    header line; the group word 法人或其他组织 over the organisations left out)."""
    words = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    out: list = []
    for x in lines:
        if isinstance(x, list) and "自然人" in x:
            out.append(words)
        elif not (isinstance(x, list) and "科研机构" in "".join(x).replace(" ", "")):
            out.append(x)
    return out


def _requests_blanked(lines: list) -> list:
    """``lines`` with the other_org count of each requests row that reads 0 left blank."""
    return [[*x[:-2], "", x[-1]] if isinstance(x, list) and 8 <= len(x) <= 10 and x[-2] == "0" and x[-1].isdigit()
            else x for x in lines]


@pytest.mark.parametrize("seed_id", ["002_809f9474e249d214", "004_b232cca7e491c758"])
def test_space_aligned_rows_keep_the_places_of_their_blank_cells(seed_id):
    # Seeds 002 and 004 set in columns by runs of spaces, a blank cell left as its spaces ('二、上年结转政府信息公开申请
    # 数量' then its counts from the second column on): the counts were read in order, a column early, and placed by
    # the identities where they could (seed 002 lost six values, ragged; seed 004 thirteen, and more with some cells
    # blank). Each count goes under the column whose span it overlaps, as the rows of all their counts or else the
    # header's words set the spans: every value reads as written with '|'.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _requests_blanked(_leaf_header(_as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))))
    text = _in_columns(lines)
    assert re.search(r"\n二、上年[结转]{2}政府信息公开申请数量 {20,}\d", text)
    want, got = toolkit.parse_text(render_text(lines, "pipe_rows")), toolkit.parse_text(text)
    assert want.tables.query("table == 'requests'")["value"].notna().sum() >= 30
    _same_tables(want, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


def test_a_space_aligned_count_under_no_column_leaves_its_row_na():
    # A count of a row set in columns by runs of spaces that stands in the gap between two columns (seed 002's
    # '二、上年结转…' with its 总计 moved left of its column): its column is not told by its place, so none of the
    # row's counts is placed (NA, not another column's), and the row is flagged by its label.
    import toolkit
    from test_formats import _as_lines

    lines = _leaf_header(_as_lines(toolkit.parse_report(RAW / "002_809f9474e249d214.txt")))
    text = _in_columns(lines)
    row = next(x for x in text.splitlines() if x.startswith("二、上年结转"))
    assert row.endswith("0     4")
    got = toolkit.parse_text(text.replace(row, row[:-3] + "4  "))  # (two columns left: between 其他's and 总计's)
    assert got.table("requests").loc["carried_over"].isna().all()
    assert [f.detail for f in got.flags if f.code == "ragged"] == [
        "carried_over: the columns of the values are not told by their places (written: 0 | 0 | 0 | 0 | 0 | 4)"]


def test_a_section_with_few_indented_lines_is_no_tab_layout_without_asking_each_line(monkeypatch):
    # _tab_layout asked every filled line of every section whether it began with a tab or a space (a methodcaller's
    # startswith, the costliest step of the test) though most sections have fewer such lines, filled or not, than a
    # tab layout needs: they are counted in the section's joined text first, the same rows built.  (The lines asked
    # are counted, not timed; seed 004, a tab layout, is still told one.)
    import toolkit.layout as layout

    asked: list[str] = []
    real = layout._STARTS_INDENTED

    def counted(text: str) -> bool:
        asked.append(text)
        return real(text)

    segments = {seed: [s for s in find_sections(split_segments(
        [normalize_line(x) for x in (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")]))[0]
        if s.key == "requests"][0].segments for seed in ("001_4d29bfef72dd56db", "004_b232cca7e491c758")}
    expected = {seed: [r.texts for r in build_rows(segs)] for seed, segs in segments.items()}
    monkeypatch.setattr(layout, "_STARTS_INDENTED", counted)
    assert [r.texts for r in build_rows(segments["001_4d29bfef72dd56db"])] == expected["001_4d29bfef72dd56db"]
    assert expected["001_4d29bfef72dd56db"][2][0] == "一、本年新收政府信息公开申请数量" and not asked
    assert [r.texts for r in build_rows(segments["004_b232cca7e491c758"])] == expected["004_b232cca7e491c758"]
    assert asked and expected["004_b232cca7e491c758"][3][:3] == ["一、本年新收到政府信息公开申请数量", "16", "4"]


def test_a_rows_cells_are_made_in_one_step_unless_a_sign_or_dash_is_in_them(monkeypatch):
    # build_rows made each cell of a row it was given whole (a pipe row, a reader's grid row, a spaced row) with a
    # Python call of _cell, which only reads a signed run ('15-15') apart from a plain cell (a number with a dash
    # after it, '1330--', is a plain cell as written): a row without '-' or '+' is made in one step now, the same
    # cells.  (The calls are counted, not timed.)
    import toolkit.layout as layout
    from toolkit.sections import Segment

    lines = ["(七)总计 | 12 | 0 | 3 | | 15 |", "规章 | 0 | 1330-- | 15-15 |", "规范性文件 | 1 | 2 |"]
    segments = [Segment(text, n) for n, text in enumerate(lines, 1)]
    expected = [[layout._cell(t, n) for t in layout._split_pipes(text)] for n, text in enumerate(lines, 1)]
    asked: list[str] = []
    real = layout._cell

    def counted(text: str, line: int) -> layout.Cell:
        asked.append(text)
        return real(text, line)

    monkeypatch.setattr(layout, "_cell", counted)
    rows = build_rows(segments)
    assert [r.cells for r in rows] == expected
    assert [c.text for c in rows[1].cells] == ["规章", "0", "1330--", "15-15"] and rows[1].cells[3].glued
    assert not rows[1].cells[2].glued
    assert asked == ["规章", "0", "1330--", "15-15"]


_FULL_WIDTH = {"brackets": str.maketrans("()", "（）"), "digits": str.maketrans("()0123456789", "（）０１２３４５６７８９")}


@pytest.mark.parametrize("seed_id", ["002_809f9474e249d214", "004_b232cca7e491c758"])
@pytest.mark.parametrize("written", ["brackets", "digits", "ideographic gap"])
def test_space_aligned_rows_in_full_width_keep_the_columns_as_written(seed_id, written):
    # Seeds 002 and 004 set in columns by runs of spaces, their labels' brackets full width ('（一）予以公开'), their
    # digits too, or an ideographic space (U+3000, two columns wide) between the columns: normalizing folds each to
    # one column, so the places of the normalized text were off the columns as written and the counts after a
    # blank cell fell under no column or the wrong one (seed 002 lost 75 values). The places are those as written:
    # every value and flag reads as the half-width rewrite's.
    import toolkit
    from test_formats import _as_lines

    lines = _requests_blanked(_leaf_header(_as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))))
    if written == "ideographic gap":
        text = _in_columns(lines, gap="\u3000")
        assert re.search("数量 +\u3000", text)
    else:
        text = _in_columns([[c.translate(_FULL_WIDTH[written]) for c in x] if isinstance(x, list) else x
                            for x in lines])
        assert "（一）予以公开" in text and ("１" in text) == (written == "digits")
    want, got = toolkit.parse_text(_in_columns(lines)), toolkit.parse_text(text)
    assert want.tables.query("table == 'requests'")["value"].notna().sum() >= 30
    _same_tables(want, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


def test_space_aligned_right_aligned_full_width_digits_keep_their_columns():
    # Seed 002 set in columns by runs of spaces, its counts (each times 11, so the columns hold '0' and '44' alike,
    # the identities kept) set flush right in full-width digits ('４４', four columns as written, two normalized), a
    # blank cell in some rows: a cell's start was measured as written but its end on the normalized text, two
    # columns short, so a '０' right of a '４４' did not overlap it, the rows' columns were not told and the rows of a
    # blank cell were read in order (ragged). Each cell ends where it is written: every value and flag reads as the
    # half-width rewrite's.
    import toolkit
    from test_formats import _as_lines

    lines = _requests_blanked(_as_lines(toolkit.parse_report(RAW / "002_809f9474e249d214.txt")))
    lines = [[str(int(c) * 11) if c.isdigit() else c for c in x] if isinstance(x, list) else x for x in lines]
    text = _in_columns([[c.translate(_FULL_WIDTH["digits"]) for c in x] if isinstance(x, list) else x
                        for x in lines], right=True)
    assert re.search("  ４４\n", text) and re.search("  ０  ", text)
    want, got = toolkit.parse_text(_in_columns(lines, right=True)), toolkit.parse_text(text)
    assert want.tables.query("table == 'requests'")["value"].notna().sum() >= 30
    _same_tables(want, got)
    assert sorted((f.code, f.detail) for f in got.flags) == sorted((f.code, f.detail) for f in want.flags)


def test_a_grid_rows_values_are_told_without_a_generator_of_text_kinds(monkeypatch):
    # build_rows told whether a reader's grid row has a value (kept whole, a blank 总计 at its end, or trimmed of
    # merged-cell filler) by a Python generator asking _text_kind of each filled cell: is_value_cell is asked in C
    # now (_text_kind's "value" is its true), the same rows.  (The callers are read, not timed.)
    import sys

    import toolkit.layout as layout
    from toolkit.normalize import is_value_cell
    from toolkit.sections import Segment

    grid = _rows("001_4d29bfef72dd56db", "requests")
    grid = [*grid, [*grid[-1][:-1], ""], [*grid[0], "", ""]]  # a blank 总计 cell kept, a header's filler trimmed
    segments = [Segment("|".join(r), n) for n, r in enumerate(grid, start=1)]
    explicit = {s.line: r for s, r in zip(segments, grid)}
    callers: list[str] = []
    real = layout._text_kind

    def asked(text: str) -> str:
        callers.append(sys._getframe(1).f_code.co_qualname)
        return real(text)

    monkeypatch.setattr(layout, "_text_kind", asked)
    rows = build_rows(segments, explicit_rows=explicit)
    monkeypatch.undo()
    assert [r.texts for r in rows] == [r.texts for r in build_rows(segments, explicit_rows=explicit)]
    assert rows[-2].texts == grid[-2] and rows[-1].texts == grid[0]
    assert any(is_value_cell(c) for c in grid[-2] if c.strip()) and callers
    assert not [c for c in callers if c.startswith("build_rows")]


def _review_cells(report) -> dict:
    review = report.tables.query("table == 'review_litigation'")
    return {(r.row_key, r.col_key): r.value for r in review.itertuples()}


def _header_reordered(lines: list, at: int) -> list:
    """``lines`` with the review table's header rows before row ``at`` naming 结果纠正 before 结果维持."""
    out = list(lines)
    for k in range(at - 6, at):
        if isinstance(out[k], list):
            row = list(out[k])
            for i in range(len(row) - 1):
                if row[i:i + 2] == ["结果维持", "结果纠正"]:
                    row[i:i + 2] = ["结果纠正", "结果维持"]
            out[k] = row
    assert out != lines
    return out


@pytest.mark.parametrize("header", ["format's", "reordered"])
@pytest.mark.parametrize("written", ["one line", "cells", "kinds' rows", "kinds' rows, tabs"])
@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines"])
@pytest.mark.parametrize("seed_id", ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758"])
def test_a_review_row_with_each_value_after_its_result_is_placed_by_the_names(seed_id, layout, written, header):
    # The review table's values each written after its result's name ('纠正 0 维持 4 其他 0 尚未审结 0 总计 4 维持 0
    # 纠正 1 尚未审结 1 …', on one line, a name or a value a cell, or a row for each kind led by its name), the first
    # two results named the other way round and the direct lawsuits' 其他 left out: the values were read in order
    # (4 under 结果纠正, the next kind's a column early) or lost as glued text (0 of 15 placed).  Each is placed by
    # its name, the one left out NA; so too under a header naming 结果纠正 before 结果维持 (seed 001's: the row's
    # values, set in the format's columns by their names, were then moved by the header's order, 维持 4 under 纠正).
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    lines = _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))
    at = next(k for k, x in enumerate(lines) if isinstance(x, list) and len([c for c in x if c.isdigit()]) == 15
              and any("总计" in str(y) for y in lines[k - 3:k]))
    values = [c for c in lines[at] if c.isdigit()]
    names = ["维持", "纠正", "其他", "尚未审结", "总计"]
    pairs = [[name, value] for name, value in zip(names * 3, values)]
    pairs[0], pairs[1] = pairs[1], pairs[0]
    del pairs[7]  # (the direct lawsuits' 其他)
    flat = [c for pair in pairs for c in pair]
    if written == "one line":
        rows: list = [" ".join(flat)]
    elif written == "cells":
        rows = [flat]
    else:
        kinds = ["行政复议", "未经复议直接起诉", "复议后起诉"]
        gap = "\t" if written.endswith("tabs") else " "
        rows = [gap.join([kind, *flat[a:b]]) for kind, a, b in zip(kinds, (0, 10, 18), (10, 18, 28))]
    want = _review_cells(toolkit.parse_text(render_text(lines, layout)))
    above = _header_reordered(lines, at) if header == "reordered" else lines
    got = toolkit.parse_text(render_text([*above[:at], *rows, *lines[at + 1:]], layout))
    assert sum(pd.notna(v) for v in want.values()) == 15
    cells, left_out = _review_cells(got), ("litigation_direct", "other")
    assert pd.isna(cells.pop(left_out)) and pd.notna(want.pop(left_out))
    assert cells == want


def _requests_label_cuts(seed_id, layout, rows_cut=slice(None)):
    """Seed ``seed_id`` in text ``layout`` with a requests row's label cells cut, one report per row (``rows_cut`` of
    them): (the row as written, the report), once each report is checked to read no count but the seed's own."""
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    seed = toolkit.parse_report(RAW / f"{seed_id}.txt")
    want = seed.tables.set_index(["table", "row_key", "col_key"])["value"]
    labels = set(seed.tables.query("table == 'requests'")["row_label"])
    lines = _as_lines(seed)
    rows = [k for k, x in enumerate(lines) if isinstance(x, list) and labels & set(x)]
    assert len(rows) > 20
    for k in rows[rows_cut]:
        cut = ["" if c in labels else c for c in lines[k]]
        report = toolkit.parse_text(render_text([*lines[:k], cut, *lines[k + 1:]], layout))
        got = report.tables.set_index(["table", "row_key", "col_key"])["value"]
        read = got[got.notna()]
        assert (read == want.reindex(read.index)).all(), f"{lines[k]} without its label"
        yield lines[k], report


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_a_requests_rows_lost_label_line_puts_no_count_in_another_rows_column(seed_id):
    # Pipe text one cell a line (seed 001's layout) with a requests row's label line lost: seed 004's (二)部分公开
    # left its marks alone after (一)予以公开's last count ('6 |' then '||||||||' and '0 |'), so the 0 was read as
    # (一)予以公开's, its blank cells' marks were dropped and its counts placed by the identities (5, 1, 6 and 0 under
    # 科研机构 … 其他, natural persons and 总计 NA).  Those marks start a row of their own: its values, with no
    # label, are flagged unlabelled_values, and no count is read in a cell other than its own.
    for row, report in _requests_label_cuts(seed_id, "pipe_cells"):
        if "部分公开" in "".join(row) and seed_id.startswith("004"):
            assert "unlabelled_values" in {f.code for f in report.flags}


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_a_lost_requests_label_in_lines_text_puts_no_value_of_its_row_before(seed_id):
    # Text that writes no blank cell, a cell a line (seed 000's layout), with a requests row's label line lost: its
    # values follow the row before, read as that row's.  Seed 004 without '2.其他法律行政法规禁止公开' read
    # 1.属于国家秘密 as '0' and '0', natural_person 0 (the report writes nothing there) by the convention (first value
    # the first column, last 总计); without '(七)总计', (六)其他处理's '0 2 2 15 4 19' was placed by the identities (15,
    # 4, 19 under 社会公益组织 …).  Which values are the row's own is not known: none is placed, the row flagged.
    # (A lost last row is a table that stops early, ``truncated``: not cut here.)
    for row, report in _requests_label_cuts(seed_id, "lines", slice(-1)):
        if "2.其他法律行政法规禁止公开" in row and seed_id.startswith("004"):
            got = report.tables.set_index(["table", "row_key", "col_key"])["value"]
            assert pd.isna(got["requests", "denied_state_secret", "natural_person"])
            assert any(f.code == "ragged" and "denied_state_secret" in f.detail and "lost row" in f.detail
                       for f in report.flags)


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_a_requests_rows_lost_label_in_pipe_rows_flags_its_values(seed_id):
    # Pipe text one row a line (seed 003's layout) with a requests row's label cells lost: seed 004's
    # 2.其他法律行政法规禁止公开 became '||||||||| 0 |', read as a lone number (a page number's shape) with its marks
    # dropped, the 0 gone with only missing_rows.  The line keeps its blank cells: a row of values without a
    # label, flagged unlabelled_values as in pipe text one cell a line.
    for row, report in _requests_label_cuts(seed_id, "pipe_rows"):
        # (a row with its group's label before it, '(三)不予公开 | | 0 | …', is that group's row: its values
        # flagged group_subtotal)
        counts = [c for c in row if c.isdigit()]
        if counts and len([c for c in row if c]) == len(counts) + 1:
            assert "unlabelled_values" in {f.code for f in report.flags}, f"{row} without its label"


@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_a_lost_last_requests_label_in_lines_text_gives_the_total_no_value_of_it(seed_id):
    # Text that writes no blank cell, a cell a line (seed 000's layout), without the label of the table's last row:
    # seed 004 without '四、结转下年度继续办理' read (七)总计 as '15 4 19 1 1' (its own '15 4 19', then the lost row's
    # '1 1'), placed by the identities as 15, 4, 19, 1, 1 under 商业企业 … 其他, 自然人 and 总计 NA.  Which values are
    # the total's own is not known: none is placed, the row flagged.
    for row, report in _requests_label_cuts(seed_id, "lines", slice(-1, None)):
        assert "下年度继续办理" in "".join(row)
        got = report.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
        if seed_id.startswith("004"):
            assert got["requests", "handled_total"].isna().all()
            assert any(f.code == "ragged" and "handled_total" in f.detail and "lost row" in f.detail
                       for f in report.flags)


@pytest.mark.parametrize("seed_id, layout", [("000_438c5e5d2b6f4db4", "lines"), ("001_4d29bfef72dd56db", "lines"),
                                             ("004_b232cca7e491c758", "lines"), ("002_809f9474e249d214", "lines"),
                                             ("001_4d29bfef72dd56db", "pipe_rows"),
                                             ("004_b232cca7e491c758", "pipe_rows")])
def test_a_groups_first_item_without_its_label_keeps_its_counts(seed_id, layout):
    # A table writing each group's label on its first item's row ('(三)不予公开 | 1.属于国家秘密 | 0 | …'), that
    # item's label lost: seed 000 without '1.属于国家秘密' read '(三)不予公开' then its seven 0s as the group's
    # subtotal, not kept (group_subtotal), and 1.属于国家秘密 missing (missing_rows).  They are that item's counts.
    from toolkit.formats import vocabulary

    seed = toolkit_parse(seed_id)
    want = seed.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
    cut = 0
    for row, report in _requests_label_cuts(seed_id, layout):
        labels = [c for c in row if c and not c[-1:].isdigit()]
        if len(labels) < 2 or not vocabulary().request_group(labels[-2]):
            continue
        cut += 1
        key = vocabulary().request_row(labels[-1])
        got = report.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
        assert ("requests", key) in got.index.droplevel(2), f"{row} without its label"
        assert not any(f.code == "missing_rows" and key in f.detail for f in report.flags)
        assert not any(f.code == "group_subtotal" for f in report.flags)
        if layout != "lines" or seed_id.startswith("000"):  # (text keeping its blank cells: every count placed)
            assert got["requests", key].fillna(-1).to_dict() == want["requests", key].fillna(-1).to_dict(), row
    assert cut >= 3


def toolkit_parse(seed_id: str):
    import toolkit

    return toolkit.parse_report(RAW / f"{seed_id}.txt")


@pytest.mark.parametrize("layout", ["as written", "lines"])
def test_a_2021_other_handlings_first_item_without_its_label_is_no_2019_row_002(layout):
    # Seed 002 (2021 format) one cell a line without '1.申请人无正当理由逾期不补正…': '(六)其他处理' then that item's
    # seven counts were read as other_handling, the 2019 format's single row, which a 2021 table does not have.
    # They are the first item's counts, as where a group's other first item loses its label.
    import toolkit
    from renderers import render_text
    from test_formats import _as_lines

    seed = toolkit_parse("002_809f9474e249d214")
    if layout == "as written":
        lines = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8").split("\n")
        text = "\n".join(x for x in lines if "逾期不补正" not in normalize_line(x))
    else:
        rows = _as_lines(seed)
        text = render_text([[c for c in x if "逾期不补正" not in c] if isinstance(x, list) else x for x in rows],
                           layout)
    report = toolkit.parse_text(text)
    got = report.tables.query("table == 'requests'").set_index(["row_key", "col_key"])["value"]
    want = seed.tables.query("table == 'requests'").set_index(["row_key", "col_key"])["value"]
    assert "other_handling" not in got.index.get_level_values(0)
    assert got["other_no_correction"].to_dict() == want["other_no_correction"].to_dict() == dict.fromkeys(
        want["other_no_correction"].index, 0)
    assert not any(f.code in ("missing_rows", "group_subtotal") for f in report.flags if f.table == "requests")


@pytest.mark.parametrize("lost", ["本年新收", "(七)总计", "结转下年度"])
def test_a_blank_cell_of_a_row_short_of_values_stays_na_where_a_lost_row_leaves_it_untested_002(lost):
    # Seed 002 one cell a line, its blank cells not written (seed 000's layout): 二、上年结转 leaves 自然人 blank and
    # writes '0 0 0 0 0 4'.  Its first 0 was read as the natural persons' count (the convention, first value in the
    # first column) once a row of the balance identity lost its label ('一、本年新收…', '(七)总计' or '四、结转…'):
    # with that row the identity refutes that reading; without it, nothing tests it.  The blank is NA.
    from renderers import render_text
    from test_formats import _as_lines
    import toolkit

    seed = toolkit_parse("002_809f9474e249d214")
    cut = [[c for c in x if lost not in c] if isinstance(x, list) else x for x in _as_lines(seed)]
    report = toolkit.parse_text(render_text(cut, "lines"))
    got = report.tables.query("table == 'requests'").set_index(["row_key", "col_key"])["value"]
    assert seed.tables.query("table == 'requests' and row_key == 'carried_over' and col_key == 'natural_person'")[
        "value"].isna().all()
    assert pd.isna(got["carried_over", "natural_person"])
    assert any(f.code == "ragged" and f.detail.startswith("carried_over") for f in report.flags)
    want = seed.tables.set_index(["table", "row_key", "col_key"])["value"]
    read = report.tables.set_index(["table", "row_key", "col_key"])["value"].dropna()
    assert (read == want.reindex(read.index)).all()  # (no count but the seed's own)


@pytest.mark.parametrize("every", [13, 17, 23])
@pytest.mark.parametrize("mark", ["- {n} -", "第{n}页", "{n}/40"])
def test_tab_layout_bare_page_breaks_between_a_tables_lines(mark, every):
    # Seed 004's tables one tab cell a line, broken by a PDF's bare page numbers between their lines ('\t对外公开总数量'
    # / '第2页' / '' / '\t规章'): '第2页' and '2/40' were read as the rest of the cell above wrapped without a tab
    # ('对外公开总数量第2页', unknown_column; the review table's last column lost, extra_cells).  The counts now land
    # where they do without the page breaks, as they did under '- 2 -'.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    out, page = [], 1
    for i, line in enumerate(text.split("\n")):
        if i > 11 and i % every == 0:
            page += 1
            out.append(mark.format(n=page))
        out.append(line)
    plain, paged = toolkit.parse_text(text), toolkit.parse_text("\n".join(out))
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    pd.testing.assert_frame_equal(paged.tables[keys], plain.tables[keys])
    assert sorted(f.code for f in paged.flags) == sorted(f.code for f in plain.flags)
    assert paged.tables["value"].notna().sum() > 50
