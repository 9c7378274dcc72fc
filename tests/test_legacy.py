"""Pre-2019 statistics tables (``legacy``) of seed 003 rendered with other headers, merged cells, two halves side
by side, signs: read as the seed's own table is, or flagged."""
from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit

from conftest import RAW
from renderers import render_docx, render_html, render_pdf, render_text
from scale import scaled

SEED = RAW / "003_ce1f8ef96d3daffd.txt"
KEYS = ["table", "row_key", "col_key", "value", "raw", "unit"]


def _seed_lines() -> list:
    """Seed 003 as renderer lines: text lines, and its pipe rows as table rows."""
    out: list = []
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        out.append([c.strip() for c in line.rstrip().split("|")][:-1] if line.rstrip().endswith("|") else line)
    return out


def _table_at(lines: list) -> tuple[int, int]:
    """(index of the statistics table's header, index after its last row)."""
    start = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith("统 计 指 标"))
    end = max(i for i, x in enumerate(lines) if isinstance(x, list)) + 1
    return start, end


def _parse(lines: list, fmt: str, tmp_path) -> toolkit.Report:
    """The report of ``lines`` written as ``fmt``: txt (pipe rows), html, docx, pdf, or unruled (a PDF without
    ruling lines, its columns only spaces)."""
    path = tmp_path / f"legacy.{'pdf' if fmt == 'unruled' else fmt}"
    if fmt == "unruled":
        render_pdf(lines, path, ruled=False)
    elif fmt == "txt":
        path.write_text(render_text(lines, "pipe_rows"), encoding="utf-8")
    elif fmt == "html":
        path.write_bytes(render_html(lines))
    elif fmt == "docx":
        render_docx(lines, path)
    else:
        render_pdf(lines, path)
    return toolkit.parse_report(path)


def _legacy(report: toolkit.Report, keys=KEYS) -> list[tuple]:
    t = report.tables[report.tables["table"] == "legacy"]
    return sorted(tuple("NA" if v != v else v for v in row) for row in t[keys].itertuples(index=False))


@pytest.fixture(scope="module")
def seed_cells() -> list[tuple]:
    return _legacy(toolkit.parse_report(SEED))


# --- a table whose header is worded otherwise, or absent ------------------------------------------------

def _with_header(header: list[str] | None, numbered: bool = False) -> list:
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = lines[start + 1:end]
    if numbered:  # every row numbered in a first column of its own
        rows = [[str(n), *row] for n, row in enumerate(rows, start=1)]
    return lines[:start] + ([header] if header else []) + rows + lines[end:]


@pytest.mark.parametrize("header, numbered", [
    (["序号", "统计指标", "单位", "统计数"], True),
    (["项目", "单位", "数量"], False),
    (["指标", "单位", "数值"], False),
    (["内容", "单位", "统计数"], False),
    (["统计项目", "计量单位", "统计数据"], False),
    (None, False),
    (None, True)])
def test_legacy_table_under_another_header_or_none_is_read(header, numbered, tmp_path, seed_cells):
    # Before, the whole table (85 cells) vanished with status ok and no flag: a table started only at the
    # header words 统计指标 / 指标名称.
    report = _parse(_with_header(header, numbered), "txt", tmp_path)
    assert _legacy(report) == seed_cells
    assert report.status == "ok"


@pytest.mark.parametrize("fmt", ["txt", "html", "docx", "pdf"])
def test_legacy_table_without_a_unit_column_keeps_its_blank_items(fmt, tmp_path, seed_cells):
    # Seed 003 without its 单位 column ('统计指标 | 统计数', '1﹒当面申请数 |  |'): pipe text drops a row's blank
    # cells to its end, and a blank item with no unit was read as a heading: 49 of the 85 items vanished. Now
    # each is there, NA, as with the unit column (the units the table does not write are unknown).
    lines = _seed_lines()
    start, end = _table_at(lines)
    lines[start:end] = [[row[0], *row[2:]] if len(row) == 3 else row for row in lines[start:end]]
    report = _parse(lines, fmt, tmp_path)
    got = _legacy(report)
    assert [row[:3] + row[4:5] for row in got] == [row[:3] + row[4:5] for row in seed_cells]
    # (a sum of money whose unit, 元 or 万元, is not written is NA, and flagged)
    assert [row[3] for row in got if row[1] != "fees_collected"] == [
        row[3] for row in seed_cells if row[1] != "fees_collected"]
    assert report.tables.loc[report.tables["table"] == "legacy", "unit"].isna().all()
    assert {f.code for f in report.flags if f.table == "legacy"} == {"unit_unknown"}


def _seed_without_unit_column(units_in_cells: bool) -> list:
    """Seed 003's lines with no 单位 column ('统计指标 | 统计数'), each value's unit written in its cell
    ('(一)主动公开政府信息数 | 480条') or nowhere ('… | 480')."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [[row[0], row[2] + row[1] if row[2] and units_in_cells else row[2]] if len(row) == 3 else row
            for row in lines[start + 1:end]]
    return lines[:start] + [["统计指标", "统计数"]] + rows + lines[end:]


@pytest.mark.parametrize("units_in_cells", [True, False])
@pytest.mark.parametrize("layout", ["lines", "tab"])
def test_legacy_without_a_unit_column_one_cell_a_line(layout, units_in_cells):
    # Seed 003 with no 单位 column, one cell a line ('统计指标' / '统计数' / '(一)主动公开政府信息数' / '480条', or
    # '480'): its text was read as glued rows, which need a unit after each label, so the whole table (85 cells)
    # was lost, flagged table_missing 'header found, no row read', while the pipe rows read it. Now each label is
    # a row, a value's unit kept in its cell (480, unit 条), the local items after the known rows too
    # ('十一、政务服务事项业务数' / '636件'), as the pipe rows read them.
    lines = _seed_without_unit_column(units_in_cells)
    want, got = (toolkit.parse_text(render_text(lines, x)) for x in ("pipe_rows", layout))
    assert len(want.tables) == 85 and want.tables["value"].notna().sum() == (36 if units_in_cells else 35)
    cols = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags] == [(f.code, f.detail) for f in want.flags]


def test_legacy_without_a_unit_column_one_cell_a_line_note_after_the_table():
    # The same table, a note after it ('二十、提交电子证照数' / '0件' / '说明:本年度…'): the last item's value, its
    # unit then text, was taken for digits whose end is not certain and the item dropped, unflagged. Its unit in
    # the cell bounds the value: 0件 read, as the pipe rows read it.
    lines = _seed_without_unit_column(True)
    _, end = _table_at(_seed_lines())
    lines = [*lines[:end], "说明:本年度主动公开政府信息数比上年增加12条。", *lines[end:]]
    want, got = (toolkit.parse_text(render_text(lines, x)) for x in ("pipe_rows", "lines"))
    cols = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    assert len(want.tables) == 85
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags] == [(f.code, f.detail) for f in want.flags]


@pytest.mark.parametrize("after", ["2018年2月28日", "12月31日印发"])
@pytest.mark.parametrize("cut", [False, True])
@pytest.mark.parametrize("layout", ["lines", "glued"])
def test_legacy_without_a_unit_column_last_value_then_digits_on_the_next_line(layout, cut, after):
    # The same table, a date on the line after it (the report's signature date): in page text joined from its lines
    # ('…二十、提交电子证照数' / '0件' / '2018年2月28日'), the last value's unit followed by digits was taken for digits
    # run into the text and the item dropped unseen (84 of 85 rows, no flag); cut after 接受培训人员数, '23人次'
    # was read '23人', unit 人. The unit, whole, then the next line bounds the value: read as the pipe rows read it.
    import re
    lines = _seed_without_unit_column(True)
    start, end = _table_at(_seed_lines())
    if cut:
        end = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith("互联网+政务服务"))
    lines = [*lines[:end], after]
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    text = render_text(lines, "lines" if layout == "lines" else "pipe_rows")
    if layout == "glued":  # (the table's lines run together, cell marks and all, the date on a line of its own)
        text = re.sub(r"\s*\n\s*", "", text[:text.index(after)]) + "\n" + after
    got = toolkit.parse_text(text)
    cols = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    assert len(want.tables) == (70 if cut else 85) and want.tables["raw"].iloc[-1] == ("23人次" if cut else "0件")
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [f for f in got.flags if f.table] == [f for f in want.flags if f.table] == []


@pytest.mark.parametrize("value", ["23", "7"])
def test_legacy_without_a_unit_column_local_item_run_into_the_next_line_is_flagged(value):
    # The same table with no unit in its cells, its lines run together in page text, the last item local and a
    # date on the next line ('…二十、提交电子证照数23' / '2018年2月28日'): the value may end anywhere in '232018' (a
    # number wrapped over two lines, or two), so it is not read; but a blank value and no unit read as a heading's
    # row, and the item vanished with its flag (84 of 85 rows, no word). The item not read is flagged
    # ambiguous_digits; the other rows as the pipe rows read them.
    import re
    lines = _seed_without_unit_column(False)
    _, end = _table_at(_seed_lines())
    assert lines[end - 1][0] == "二十、提交电子证照数"
    lines[end - 1] = [lines[end - 1][0], value]
    want = toolkit.parse_text(render_text(lines[:end], "pipe_rows"))
    got = toolkit.parse_text(re.sub(r"[\s|]+", "", render_text(lines[:end], "pipe_rows")) + "\n2018年2月28日")
    cols = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    kept = want.tables[want.tables["row_key"] != "提交电子证照数"].reset_index(drop=True)
    assert len(kept) == 84 and len(want.tables) == 85
    pd.testing.assert_frame_equal(got.tables[cols].reset_index(drop=True), kept[cols])
    assert [(f.code, f.line, f.detail) for f in got.flags if f.code == "ambiguous_digits"] == [
        ("ambiguous_digits", 1, "二十、提交电子证照数: value run into the digits opening the next line, the item not read")]


@pytest.mark.parametrize("value", ["0", "23"])
@pytest.mark.parametrize("units_in_cells, variant", [(False, "glued"), (True, "no_pipes")])
def test_legacy_without_a_unit_column_last_value_then_a_date_on_its_line(units_in_cells, variant, value):
    # The same table run together in page text, the last item local, a date right after it on the same line: with
    # its cell marks and no unit ('…二十、提交电子证照数 | 0 |' + '12月31日印发') the item was dropped unseen (84 of 85
    # rows, no flag); without marks, its unit in the cell ('…数0件12月31日印发'), the value was left NA, flagged not
    # read. A cell mark, or the unit whole, bounds the value: read as the pipe rows read it.
    import re
    lines = _seed_without_unit_column(units_in_cells)
    _, end = _table_at(_seed_lines())
    lines[end - 1] = [lines[end - 1][0], value + ("件" if units_in_cells else "")]
    piped = render_text(lines[:end], "pipe_rows")
    want = toolkit.parse_text(piped)
    got = toolkit.parse_text((re.sub(r"\s*\n\s*", "", piped) if variant == "glued" else re.sub(r"[\s|]+", "", piped))
                             + "12月31日印发")
    cols = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    assert len(want.tables) == 85 and want.tables["value"].iloc[-1] == int(value)
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


@pytest.mark.parametrize("units_in_cells", [False, True])
@pytest.mark.parametrize("layout", ["lines", "tab"])
def test_legacy_without_a_unit_column_one_cell_a_line_date_after_the_table(layout, units_in_cells):
    # The same table a cell a line, the last item local, the report's date on the line after it ('二十、提交电子证照数'
    # / '23' / '2018年2月28日', blank lines between): the value's cell is closed by its bound, but a local item's
    # value then digits was no item, so the item was dropped unseen (84 of 85 rows, no flag). A cell's bound after
    # the value ends it: 23 read, as the pipe rows read it.
    lines = _seed_without_unit_column(units_in_cells)
    _, end = _table_at(_seed_lines())
    lines[end - 1] = [lines[end - 1][0], "23件" if units_in_cells else "23"]
    lines = [*lines[:end], "2018年2月28日"]
    want, got = (toolkit.parse_text(render_text(lines, x)) for x in ("pipe_rows", layout))
    cols = ["table", "row_key", "col_key", "value", "raw", "unit", "flag"]
    assert len(want.tables) == 85 and want.tables["value"].iloc[-1] == 23
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_legacy_unit_in_the_labels_brackets(fmt, tmp_path, seed_cells):
    # Seed 003 with each unit in its label's brackets, no 单位 column ('制发规范性文件总数（件） | 0'): the units
    # were lost (every count's unit NA). Now each item has the unit its label names, as a unit column gives it.
    lines = _seed_lines()
    start, end = _table_at(lines)
    lines[start:end] = [[f"{row[0]}（{row[1]}）" if row[1] else row[0], *row[2:]] if len(row) == 3 else row
                        for row in lines[start:end]]
    report = _parse(lines, fmt, tmp_path)
    assert _legacy(report) == seed_cells


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_legacy_table_without_header_in_a_document(fmt, tmp_path, seed_cells):
    report = _parse(_with_header(None), fmt, tmp_path)
    assert _legacy(report) == seed_cells
    assert report.status == "ok"


def test_too_few_legacy_item_rows_to_read_are_flagged(tmp_path):
    # two rows of the table's items with no header: too few to tell its columns by, said rather than lost
    lines = _seed_lines()
    start, end = _table_at(lines)
    kept = [["四、行政复议数量", "件", "0"], ["六、举报投诉数量", "件", "675"]]
    report = _parse(lines[:start] + kept + lines[end:], "txt", tmp_path)
    assert "legacy" not in set(report.tables["table"])
    assert [(f.code, f.table, f.detail) for f in report.flags] == [
        ("table_missing", "legacy", "2 row(s) of the statistics table's items (四、行政复议数量, …) read in no table")]


# --- a unit cell merged over the rows below, a label spanning the unit column ----------------------------

def _unit_runs(rows: list[list[str]], longest: int = 20) -> dict[int, int]:
    """First row -> rows a unit cell merged down spans: each run of one unit (at most ``longest`` rows)."""
    spans, i = {}, 0
    while i < len(rows):
        j = i
        while rows[i][1] and j + 1 < len(rows) and rows[j + 1][1] == rows[i][1] and j - i + 1 < longest:
            j += 1
        spans[i], i = j - i + 1, j + 1
    return spans


def _merged_units(fmt: str, tmp_path) -> toolkit.Report:
    """Seed 003 with each run of one unit in its statistics table written as one merged cell."""
    import html

    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [row + [""] * (3 - len(row)) for row in lines[start:end]]
    spans = _unit_runs(rows)
    before = [x for x in lines[:start] if isinstance(x, str)]
    path = tmp_path / f"merged.{fmt}"
    if fmt == "html":
        covered = {k for s, n in spans.items() for k in range(s + 1, s + n)}
        body = "".join(
            "<tr><td>" + (html.escape(r[0]) or "&nbsp;") + "</td>"
            + ("" if i in covered else f'<td rowspan="{spans[i]}">{r[1] or "&nbsp;"}</td>')
            + f"<td>{r[2] or '&nbsp;'}</td></tr>" for i, r in enumerate(rows))
        paras = "".join(f"<p>{html.escape(x)}</p>" for x in before)
        path.write_text(f"<html><head><meta charset='utf-8'></head><body>{paras}<table border='1'>{body}</table>"
                        "</body></html>", encoding="utf-8")
    elif fmt == "docx":
        import docx

        doc = docx.Document()
        for x in before:
            doc.add_paragraph(x)
        table = doc.add_table(rows=len(rows), cols=3)
        for i, r in enumerate(rows):
            table.cell(i, 0).text, table.cell(i, 2).text = r[0], r[2]
        for s, n in spans.items():
            table.cell(s, 1).text = rows[s][1]
            if n > 1:
                table.cell(s, 1).merge(table.cell(s + n - 1, 1))
        doc.save(path)
    else:  # one tall box for the unit of each run, its text in the middle of the box
        from fpdf import FPDF

        from renderers import cjk_font_path

        pdf = FPDF(unit="pt")
        pdf.add_font("cjk", fname=cjk_font_path())
        pdf.set_font("cjk", size=9)
        pdf.set_auto_page_break(False)
        pdf.add_page(format=(700, 842 * 3))
        y = 20.0
        for x in before:
            pdf.set_xy(20, y)
            pdf.cell(660, 16, x[:60])
            y += 16
        for i, r in enumerate(rows, start=0):
            pdf.set_xy(20, y + 10)
            pdf.cell(520, 18, r[0], border=1)
            if i in spans:
                pdf.set_xy(540, y + 10)
                pdf.cell(40, 18 * spans[i], r[1], border=1, align="C")
            pdf.set_xy(580, y + 10)
            pdf.cell(50, 18, r[2], border=1)
            y += 18
        pdf.output(str(path))
    return toolkit.parse_report(path)


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_legacy_unit_cell_merged_over_rows(fmt, tmp_path, seed_cells):
    # Before, the rows under a merged 件 were a cell short: their number became the unit and the value NA
    # (61 of 85 cells wrong, status ok); in a PDF the rows with a blank value vanished.
    report = _merged_units(fmt, tmp_path)
    assert _legacy(report) == seed_cells
    assert report.status == "ok"


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("head, at", [("说明", 2), ("说明", 3), ("备注", 2)])
def test_legacy_note_column_merged_down_beside_the_counts(fmt, head, at, tmp_path, seed_cells):
    # Seed 003's table with a column of remarks (its header ``head``, before or after the counts: column ``at``)
    # whose '见附件' is merged down over every item's row, and its units merged down too. The covered notes were left
    # out of their rows (the counts one column left, under the note's column), and 说明 headed no column of remarks:
    # value was NA and value_2 each count, the report partial.
    import html

    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [row + [""] * (3 - len(row)) for row in lines[start:end]]
    spans = _unit_runs(rows)
    path = tmp_path / f"note.{fmt}"
    if fmt == "html":
        covered = {k for s, n in spans.items() for k in range(s + 1, s + n)}
        body = ""
        for i, r in enumerate(rows):
            cells = [f"<td>{html.escape(r[0]) or '&nbsp;'}</td>",
                     "" if i in covered else f'<td rowspan="{spans[i]}">{r[1] or "&nbsp;"}</td>',
                     f"<td>{r[2] or '&nbsp;'}</td>"]
            cells.insert(at, f"<td>{head}</td>" if i == 0 else f'<td rowspan="{len(rows) - 1}">见附件</td>' if i == 1
                         else "")
            body += "<tr>" + "".join(cells) + "</tr>"
        paras = "".join(f"<p>{html.escape(x)}</p>" for x in lines[:start] if isinstance(x, str))
        path.write_text(f"<html><head><meta charset='utf-8'></head><body>{paras}<table border='1'>{body}</table>"
                        "</body></html>", encoding="utf-8")
    else:
        import docx

        doc = docx.Document()
        for x in lines[:start]:
            if isinstance(x, str):
                doc.add_paragraph(x)
        table = doc.add_table(rows=len(rows), cols=4)
        value = 5 - at  # (the count's column: the other of 2 and 3)
        for i, r in enumerate(rows):
            table.cell(i, 0).text, table.cell(i, value).text = r[0], r[2]
        for s, n in spans.items():
            table.cell(s, 1).merge(table.cell(s + n - 1, 1)).text = rows[s][1]
        table.cell(0, at).text = head
        table.cell(1, at).merge(table.cell(len(rows) - 1, at)).text = "见附件"
        doc.save(path)
    report = toolkit.parse_report(path)
    assert _legacy(report) == seed_cells
    assert report.status == "ok"


def test_legacy_label_spanning_the_unit_column(tmp_path, seed_cells):
    # '六、举报投诉数量' written across the 单位 column (colspan=2): its 675 was read as the unit, value NA.
    lines = _seed_lines()
    start, end = _table_at(lines)
    at = next(i for i in range(start, end) if lines[i][0] == "六、举报投诉数量")
    html = render_html(lines).decode("utf-8")
    written = "<td>六、举报投诉数量</td><td>件</td>"
    assert html.count(written) == 1
    (tmp_path / "colspan.html").write_text(html.replace(written, '<td colspan="2">六、举报投诉数量</td>'),
                                           encoding="utf-8")
    report = toolkit.parse_report(tmp_path / "colspan.html")
    assert lines[at] == ["六、举报投诉数量", "件", "675"]
    assert _legacy(report) == seed_cells   # the unit of the rows above, the format's unit of the item too


@pytest.mark.parametrize("label, raw, value, unit, flags", [
    ("六、举报投诉数量", "675", 675.0, "件", []),
    # money under the 件 of the row above: that is not its unit, so its unit is unknown, as a blank unit cell's is
    ("八、依申请公开信息收取的费用", "0", "NA", "NA", ["unit_unknown"])])
def test_legacy_row_a_cell_short_never_has_a_number_as_unit(label, raw, value, unit, flags):
    # Before, the number was the unit and the value NA, with no flag.
    lines = SEED.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(label + " |"))
    lines[at] = f"{label} | {raw} |"
    report = toolkit.parse_text("\n".join(lines))
    cell = report.tables[report.tables["row_label"] == label]
    got = [tuple("NA" if v != v else v for v in r) for r in cell[["raw", "value", "unit"]].itertuples(index=False)]
    assert got == [(raw, value, unit)]
    assert [f.code for f in report.flags] == flags


# --- a table in two halves side by side -----------------------------------------------------------------

def _side_by_side(header: bool) -> list:
    """Seed 003 with its statistics table in two halves side by side (each with the header, or neither)."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [row + [""] * (3 - len(row)) for row in lines[start + 1:end]]
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:]
    if header:
        left, right = [lines[start], *left], [lines[start], *right]
    right += [["", "", ""]] * (len(left) - len(right))
    return lines[:start] + [a + b for a, b in zip(left, right)] + lines[end:]


@pytest.mark.parametrize("fmt, header", [("txt", True), ("txt", False), ("html", True), ("pdf", False)])
def test_legacy_table_in_two_halves_side_by_side(fmt, header, tmp_path, seed_cells):
    # Before, the right half's label, unit and number were values of the left half's rows (value_2 … value_4),
    # its rows lost, flagged not_a_number and identity_failed.
    report = _parse(_side_by_side(header), fmt, tmp_path)
    assert _legacy(report) == seed_cells
    assert report.status == "ok"


# --- signs ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["txt", "html", "tab", "lines"])
def test_negative_or_signed_legacy_count_is_flagged(fmt, tmp_path):
    # Before, a legacy table was left out of the check of signs: -675 complaints passed with status ok.
    # One cell a line with blank lines between (seed 000's layout, read as page text), a signed value on its line
    # ('件' / '' / '-675') was no cell: its row was lost, the complaints' count gone, flagged unlabelled_values only.
    lines = _seed_lines()
    start, end = _table_at(lines)
    signs = {"六、举报投诉数量": "-675", "(二)举办各类培训班数": "+3", "十四、政务服务事项不见面占比": "80"}
    for i in range(start, end):
        if lines[i][0] in signs:
            lines[i] = [lines[i][0], lines[i][1], signs[lines[i][0]]]
    # a local row that names a change may be signed
    lines.insert(end, ["二十一、政务服务事项业务数比上年增减", "件", "-12"])
    report = _parse(lines, fmt, tmp_path) if fmt in ("txt", "html") else _parse_layout(lines, fmt, tmp_path)
    got = report.tables.set_index("row_key")
    assert (got.loc["complaints", "value"], got.loc["trainings", "value"]) == (-675, 3)
    assert got.loc["政务服务事项业务数比上年增减", "value"] == -12
    assert [(f.code, f.table, f.detail) for f in report.flags] == [
        ("negative_value", "legacy", "complaints.value"), ("signed_value", "legacy", "trainings.value: +3")]


def test_legacy_table_without_header_with_a_code_column():
    # The statistics bureau's table (Gansu) without its header: the column of row codes 01 … 35 holds no values.
    from test_tables import _GANSU, _legacy_report

    rows = _GANSU.format(denied=2).split("\n")[2:]   # no header, no row of column letters
    report = _legacy_report("\n".join(rows))
    legacy = report.tables.query("table == 'legacy'").set_index(["row_key", "col_key"])["value"]
    assert set(legacy.index.get_level_values("col_key")) == {"value", "value_2"}
    assert legacy[("proactive_items", "value")] == 120 and legacy[("proactive_items", "value_2")] == 480
    assert legacy[("appeals_first", "value")] == 0


# Gansu's codes of several levels (1, 1.1, 2.1, 3.3.1) in place of its 01 … 35
_DOTTED_CODES = {"01": "1", "02": "1.1", "10": "2", "11": "2.1", "12": "2.2", "13": "2.3", "14": "2.4", "15": "2.5",
                 "16": "2.6", "17": "3", "18": "3.1", "19": "3.2", "20": "3.3", "21": "3.3.1", "22": "3.3.2",
                 "25": "3.3.3", "32": "4", "34": "5", "35": "5.1"}


@pytest.mark.parametrize("word, dotted", [("代码", False), ("统计代码", False), ("代码", True), ("统计代码", True)])
@pytest.mark.parametrize("layout", ["lines", "pipe_rows", "html", "pipe_cells", "tab"])
def test_legacy_code_column_between_label_and_unit(word, dotted, layout, tmp_path):
    # Gansu's table with its code column between the label and the unit column (指标名称 | 统计代码 | 计量单位 |
    # 本期实际 | 本年累计, codes 01 or 1, 1.1, 3.3.1): one cell a line, the rows were not found (each row's code
    # stood between its label and unit), the whole table lost, flagged table_missing; headed 统计代码 (not a
    # code header), in any layout each code was read as a value (proactive_items value 1, its counts value_2 and
    # cumulative).  Now each reads the cells of the table with its code column after the unit, unflagged.
    # One cell a line ending in ' |' (pipe_cells), each row was cut at its code into two ('主动公开信息数 | 01' and
    # '条 | 120 | 480'): every row flagged ragged (its label 条), and with codes of levels the table was lost but for
    # 3 rows; now a label and its code alone are joined to the unit and values after them.
    from test_tables import _GANSU, _assert_reads_as_gansu, read_as

    rows = [line.rstrip(" |").split(" | ") for line in _GANSU.format(denied=2).strip().split("\n")]
    rows = [[x[0], word if n == 0 else _DOTTED_CODES[x[2]] if dotted else x[2], x[1], *x[3:]]
            for n, x in enumerate(rows) if x[0] != "甲"]
    head = SEED.read_text(encoding="utf-8").split("\n")[:38]
    report = read_as(head + rows, layout, tmp_path)
    _assert_reads_as_gansu(report, ("row_key", "col_key", "value", "raw", "unit"))


@pytest.mark.parametrize("dotted", [False, True])
@pytest.mark.parametrize("sep", [" ", "  "])
def test_legacy_code_column_between_label_and_unit_spaced_rows(dotted, sep):
    # Gansu's table with its code column between the label and the unit column (指标名称 | 代码 | 计量单位 | 本期实际 |
    # 本年累计), a row a line with spaces between its cells (a PDF without ruling lines): each row's code was read
    # into its label ('主动公开信息数 01'), so that no row was known, all 19 kept as local items keyed
    # 主动公开信息数01 …, unflagged.  Now the code after the label is a cell of its own, under the header's 代码, and
    # the rows read as the pipe rows do (proactive_items …), unflagged.
    from test_tables import _GANSU, _assert_reads_as_gansu

    rows = [line.rstrip(" |").split(" | ") for line in _GANSU.format(denied=2).strip().split("\n")]
    rows = [[x[0], "代码" if n == 0 else _DOTTED_CODES[x[2]] if dotted else x[2], x[1], *x[3:]]
            for n, x in enumerate(rows) if x[0] != "甲"]
    head = SEED.read_text(encoding="utf-8").split("\n")[:38]
    report = toolkit.parse_text("\n".join(head + [sep.join(x) for x in rows]))
    _assert_reads_as_gansu(report)


@pytest.mark.parametrize("letters", [True, False])
@pytest.mark.parametrize("layout", ["lines", "glued"])
def test_legacy_dotted_codes_after_the_unit_one_cell_a_line_or_glued(letters, layout, tmp_path):
    # Gansu's table with its code column after the unit's (指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计) and codes
    # of several levels (1, 1.1, 3.3.1): one cell a line, or glued into one run with its cell marks (a web page's
    # table copied), a code of two dots ('3.3.1') was no cell, so the rows from 其中:"非《规定》所指政府信息"数 on
    # ended the table and the whole was lost, flagged table_missing.  Now a code is no value whatever its levels:
    # the rows read as with the codes 01 … 35, unflagged.
    import re

    from test_tables import _GANSU, _assert_reads_as_gansu, read_as

    rows = [line.rstrip(" |").split(" | ") for line in _GANSU.format(denied=2).strip().split("\n")]
    rows = [[*x[:2], _DOTTED_CODES[x[2]] if n > 1 else x[2], *x[3:]] for n, x in enumerate(rows)
            if letters or x[0] != "甲"]
    head = SEED.read_text(encoding="utf-8").split("\n")[:38]
    if layout == "glued":
        report = toolkit.parse_text(re.sub(r"\s*\n\s*", "", render_text(head + rows, "pipe_rows")))
    else:
        report = read_as(head + rows, layout, tmp_path)
    _assert_reads_as_gansu(report)


@pytest.mark.parametrize("header", [["上年数", "本年数"], ["本年数", "上年数"], ["上年度", "本年度"], ["去年", "今年"],
                                    ["上年", "本年"], ["本年", "上年"]])
@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html", "pipe_cells"])
def test_legacy_last_years_column_is_not_the_value(header, layout, tmp_path, seed_cells):
    # A statistics table giving last year's count beside this year's (统计指标 | 单位 | 上年数 | 本年数): the first
    # column was read as `value` and this year's as value_2, so the metrics read last year's count (上年数 first)
    # or none (value_2 beside value: columns not told apart).  Now last year's column is `previous` and `value`
    # this year's, read as seed 003's one column is, whichever comes first.  One cell a line ending ' |' (seed
    # 001's layout), the bare words 上年 | 本年 were read as value, value_2, and 本年 | 上年 lost every value (上年
    # read as a row, each row's two values extra_cells): the header's words on the lines after it are its own.
    from test_metrics import report_metrics
    from test_tables import read_as

    lines = _seed_lines()
    start, end = _table_at(lines)
    this = header.index(next(h for h in header if not h.startswith(("上", "去"))))

    def widened(row: list[str]) -> list[str]:
        if row[0].startswith("统 计 指 标"):
            return [*row[:2], *header]
        if len(row) < 3 or not row[2]:
            return [*row[:2], "", ""] if len(row) >= 2 else row
        cells = ["", ""]
        cells[this], cells[1 - this] = row[2], "7"  # (last year's 7 everywhere)
        return [*row[:2], *cells]

    lines[start:end] = [widened(list(x)) for x in lines[start:end]]
    report = read_as(lines, layout, tmp_path)
    assert _legacy(report, ["row_key", "col_key", "value", "raw", "unit"]) and not [
        f for f in report.flags if f.table == "legacy" and f.code not in ("identity_failed", "soft_check_failed")]
    cells = _legacy(report)
    assert [c for c in cells if c[2] == "value"] == [c for c in seed_cells if c[2] == "value"]
    assert [c[:2] + c[3:4] for c in cells if c[2] == "previous"] == [  # (blank where this year's is blank)
        (c[0], c[1], 7.0 if c[4] else "NA") for c in seed_cells if c[2] == "value"]
    assert {c[2] for c in cells} == {"value", "previous"}
    metrics = report_metrics(report.tables, flags=report.flags_frame()).iloc[0]
    assert metrics[["reviews", "lawsuits", "normative_documents_issued"]].tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "html"])
def test_legacy_zero_padded_count_is_flagged(layout, tmp_path, seed_cells):
    # Seed 003's 政府公报 and 政府网站 counts written zero-padded ('036', '00012'): read as 36 and 12, unflagged, though
    # no count is so written (the zeros may be other cells' digits run in).  Now each is read as before, its cell
    # as written in raw, flagged ambiguous_digits naming the cell; '0' alone and '0.5' are counts as written.
    from test_tables import read_as

    lines = _seed_lines()
    start, end = _table_at(lines)
    written = {"1﹒政府公报公开政府信息数": "036", "2.政府网站公开政府信息数": "00012", "八、依申请公开信息收取的费用": "0.5"}
    for x in lines[start:end]:
        x[2:3] = [written.get(x[0], x[2] if len(x) > 2 else "")]
    report = read_as(lines, layout, tmp_path)
    got = {c[1]: c[3:5] for c in _legacy(report)}
    assert (got["via_gazette"], got["via_website"], got["fees_collected"]) == ((36.0, "036"), (12.0, "00012"),
                                                                                 (0.5, "0.5"))
    assert got["normative_documents_issued"] == (0.0, "0")
    flags = [(f.code, f.detail) for f in report.flags if f.table == "legacy" and f.code != "identity_failed"]
    assert sorted(flags) == [("ambiguous_digits", "via_gazette.value: 036 (leading zeros: read as 36)"),
                             ("ambiguous_digits", "via_website.value: 00012 (leading zeros: read as 12)")]


@pytest.mark.parametrize("fees, fees_wan, budget, budget_wan", [("3500元", 0.35, "1.2万元", 1.2),
                                                                ("1,200元", 0.12, "35000元", 3.5),
                                                                ("0.5万", 0.5, "12.50", 12.5)])
@pytest.mark.parametrize("layout", ["lines", "pipe_rows", "html"])
def test_legacy_money_with_its_unit_in_the_cell_one_cell_a_line(fees, fees_wan, budget, budget_wan, layout,
                                                                 tmp_path):
    # Seed 003's 万元 rows (依申请公开信息收取的费用, 政府信息公开专项经费) with the money written with its unit in the
    # cell ('3500元'): one cell a line, the cell's unit was dropped, so 3500元 was read as 3500 万元 (raw '3500'),
    # unflagged, while the pipe rows read 0.35 万元, raw '3500元'.  Now every layout reads the pipe rows' cells.
    from test_tables import read_as

    lines = _seed_lines()
    start, end = _table_at(lines)
    for x in lines[start:end]:
        if x[0].startswith("八、依申请公开信息收取的费用"):
            x[2] = fees
        elif x[0].startswith("(五)政府信息公开专项经费"):
            x[2] = budget
    got = read_as(lines, layout, tmp_path)
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    cells = _legacy(got)
    assert cells == _legacy(want)
    assert {c[1]: c[3:5] for c in cells if c[1] in ("fees_collected", "special_budget")} == {
        "fees_collected": (fees_wan, fees), "special_budget": (budget_wan, budget)}
    assert [f.code for f in got.flags if f.table] == [f.code for f in want.flags if f.table]


@pytest.mark.parametrize("header", [["统计指标", "单位", "数量"], ["统计指标", "计量单位", "数值"], ["项目", "单位", "数量"],
                                    ["指 标", "单 位", "本年"], ["指标名称", "计量单位", "统计数"]])
@pytest.mark.parametrize("layout", ["lines", "pipe_rows"])
def test_legacy_one_value_column_headed_by_a_word_not_known_one_cell_a_line(header, layout, tmp_path, seed_cells):
    # Seed 003's table under a header whose value column's word is none of formats.yaml's (数量, 数值, 本年): the pipe
    # rows read it, but one cell a line the table was lost, flagged table_missing (the glued reader knew no number
    # of value columns).  A short word alone after the unit column's heads the one value column: read as the pipe
    # rows read it, unflagged.
    from test_tables import read_as

    lines = _seed_lines()
    start, _ = _table_at(lines)
    lines[start] = header
    report = read_as(lines, layout, tmp_path)
    assert _legacy(report) == seed_cells
    assert not [f for f in report.flags if f.table == "legacy"]


@pytest.mark.parametrize("layout", ["lines", "pipe_rows", "html"])
def test_legacy_rows_in_jianci_one_cell_a_line(layout, tmp_path, seed_cells):
    # Seed 003's 件 rows written in 件次 (a count's unit of formats.yaml cell_units): one cell a line, the glued reader
    # took 件 for the unit and 次 for text before the value, so 31 of 85 cells were lost or misplaced (duplicate_row
    # flags); the pipe rows read them.  Read alike now, the unit as written.
    from test_tables import read_as

    lines = _seed_lines()
    start, end = _table_at(lines)
    lines[start:end] = [[x[0], "件次", *x[2:]] if len(x) > 1 and x[1] == "件" else x for x in lines[start:end]]
    report = read_as(lines, layout, tmp_path)
    assert _legacy(report) == [c[:5] + ("件次" if c[5] == "件" else c[5],) for c in seed_cells]
    assert not [f for f in report.flags if f.table == "legacy"]


# --- two value columns in a text layout of one cell a line -----------------------------------------------

_PUTIAN = [["指 标 名 称", "计量单位", "2009年度", "历年累计"], ["主动公开信息数", "条", "100", "260"],
           ["受理依申请公开信息总数", "件", "5", "9"], ["行政复议数", "件", "", "2"], ["行政诉讼数", "件", "0", "1"]]


def test_legacy_two_value_columns_one_cell_a_line(tmp_path):
    # Putian's 年度 | 历年累计 table as seed 001 writes cells, one a line ending in ' |', a blank cell appended to
    # the line before ('件 | |'). Before, '2009年度' stood on a row of its own after '指标名称 | 计量单位' (no
    # header then): the table was read by its rows, its columns value, value_2 with no labels, and 行政复议数's
    # cumulative 2 was read as this year's, unflagged. Then the header was whole but the blank cell's mark after
    # '件' was dropped, so the row was flagged ragged, its values placed under neither column; the mark is the
    # blank cell: 2 is the cumulative one, this year's blank, as the pipe rows read it.
    text = render_text(["2009年莆田市某局政府信息公开工作年度报告", "一、概述", "本局工作。", *_PUTIAN], "pipe_cells")
    report = toolkit.parse_text(text)
    t = report.tables[report.tables["table"] == "legacy"].set_index(["row_key", "col_key"])
    assert t.loc[("proactive_items", "cumulative"), ["value", "col_label"]].tolist() == [260.0, "历年累计"]
    assert t.loc[("proactive_items", "value"), "col_label"] == "2009年度"
    assert np.isnan(t.loc[("reconsiderations", "value"), "value"])
    assert t.loc[("reconsiderations", "cumulative"), "value"] == 2.0
    assert set(t["flag"]) == {""} and not [f for f in report.flags if f.table]
    assert t.loc[("lawsuits", "cumulative"), "value"] == 1.0


@pytest.mark.parametrize("year, cumulative", [("本年", "累计"), ("本年数", "累计数"), ("2009年度", "自2008年5月1日以来累计"),
                                             ("本期", "本年累计数")])
@pytest.mark.parametrize("layout", ["pipe_rows", "tab", "html"])
def test_legacy_cumulative_column_in_other_words(year, cumulative, layout, tmp_path):
    # Putian's table (templates-detail 6.4) with its 历年累计 column headed in other words: the column was value_2
    # beside value, neither told apart (schema.md: `value` and `cumulative`), so a researcher asking for the
    # cumulative counts found none, and the year's counts could not be told from them.  A column whose words end
    # in 累计 or 累计数 is the cumulative one, as 历年累计 is.
    lines = ["2009年莆田市某局政府信息公开工作年度报告", "一、概述", "本局工作。",
             [_PUTIAN[0][0], _PUTIAN[0][1], year, cumulative], *_PUTIAN[1:]]
    if layout == "html":
        path = tmp_path / "putian.html"
        path.write_bytes(render_html(lines))
        report = toolkit.parse_report(path)
    else:
        report = toolkit.parse_text(render_text(lines, layout))
    t = report.tables[report.tables["table"] == "legacy"].set_index(["row_key", "col_key"])
    assert sorted(set(t.index.get_level_values("col_key"))) == ["cumulative", "value"]
    assert t.loc[("proactive_items", "value"), ["value", "col_label"]].tolist() == [100.0, year]
    assert t.loc[("proactive_items", "cumulative"), ["value", "col_label"]].tolist() == [260.0, cumulative]
    assert t.loc[("reconsiderations", "cumulative"), "value"] == 2.0


def _seed_two_value_columns() -> list:
    """Seed 003's lines with its table in two value columns (本期实际 | 本年累计: a row's count and one more), two
    rows with a blank cell: 收到申请数's first, 网络申请数's second."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    blanks = {"(一)收到申请数": ["", "1"], "3﹒网络申请数": ["2", ""]}
    rows = [[*x[:2], *blanks.get(x[0], [x[2], str(int(x[2]) + 1)] if len(x) > 2 and x[2].isdigit() else ["", ""])]
            for x in lines[start + 1:end]]
    return lines[:start] + [["统计指标", "单位", "本期实际", "本年累计"]] + rows + lines[end:]


def test_legacy_two_value_columns_one_cell_a_line_blank_cells_marked():
    """Seed 003 with two value columns (本期实际 | 本年累计) in seed 001's layout, one cell a line ending in ' |', a
    blank cell a mark appended to the line before ('件 | |' then '1 |', '2 | |'): the marks were dropped, so a row of
    one value was flagged ragged, both cells NA (the two rows with a blank value cell). The marks are the blank
    cells: all 170 cells as the pipe rows read them, no flag but the identity the pipe rows fail too."""
    lines = _seed_two_value_columns()
    want, got = (toolkit.parse_text(render_text(lines, layout)) for layout in ("pipe_rows", "pipe_cells"))
    assert len(want.tables) == 170 and (want.tables["value"] == 1).sum() > 0
    pd.testing.assert_frame_equal(got.tables.drop(columns="line"), want.tables.drop(columns="line"))
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


def test_legacy_two_value_columns_one_cell_a_line_blank_cells_left_out():
    """Seed 003 with two value columns (本期实际 | 本年累计) in seed 000's layout: each cell on a line of its own, a
    blank line after it, blank cells left out.  The table is read as page text, its lines joined with nothing
    between them, so a row's two values ran into one run of digits ('480' and '481' as 480481) and 54 of its 72
    values were NA, flagged ambiguous_digits.  A blank line is no wrap: the values are a cell each, as the pipe rows
    read them; a row whose blank cell left no trace places neither value, flagged ragged."""
    lines = _seed_two_value_columns()
    want = toolkit.parse_text(render_text(lines, "pipe_rows")).tables.set_index(["row_key", "col_key"])
    report = toolkit.parse_text(render_text(lines, "lines"))
    got = report.tables.set_index(["row_key", "col_key"])
    assert len(want) == 170 and want["value"].notna().sum() == 72 and sorted(got.index) == sorted(want.index)
    short = [("requests_received", "cumulative"), ("requests_online", "value")]
    same = [k for k in want.index if k not in short]
    pd.testing.assert_series_equal(got.loc[same, "value"], want.loc[same, "value"])
    assert got.loc[short, "value"].isna().all() and (got.loc[short, "flag"] == "ragged").all()
    assert [f.code for f in report.flags if f.table] == ["ragged"] * len(short)


@pytest.mark.parametrize("last", [["23", "24"], ["0", "1"]])
def test_legacy_two_value_columns_one_cell_a_line_last_values_end_the_file(last):
    """Seed 003 with two value columns in seed 000's layout, cut after its table, its last row's second value the
    file's last line with no newline after it ('件' / '' / '23' / '' / '24'<EOF>): the line '24' was taken for text
    the cells run into (digits before nothing, as '12月' is), so the row was flagged ragged ('23 for 2 value
    columns'), 24 lost and 23 placed under neither column.  A number alone on its line after a cell's bound that
    ends the text is a cell: both values read, as with a newline after them."""
    lines = _seed_two_value_columns()
    _, end = _table_at(_seed_lines())  # (the same lines, the header's words other)
    assert lines[end - 1][0] == "二十、提交电子证照数"
    lines = [*lines[:end - 1], ["二十、提交电子证照数", "件", *last]]
    want = toolkit.parse_text(render_text(lines, "lines"))
    got = toolkit.parse_text(render_text(lines, "lines").rstrip("\n"))
    t = got.tables.set_index(["row_key", "col_key"])
    assert t.loc[("提交电子证照数", "value"), "raw"] == last[0] and t.loc[("提交电子证照数", "cumulative"), "raw"] == last[1]
    pd.testing.assert_frame_equal(got.tables, want.tables)
    assert [(f.code, f.detail) for f in got.flags] == [(f.code, f.detail) for f in want.flags]


def _seed_one_of_two_columns(blank: int) -> list:
    """Seed 003's lines with its table under 本年 | 历年累计, its values in one of the two columns, the other
    (``blank``: 0 本年, 1 历年累计) blank on every row."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [[*x[:2], *((["", x[2]] if blank == 0 else [x[2], ""]) if len(x) > 2 else ["", ""])]
            for x in lines[start + 1:end]]
    return lines[:start] + [["统计指标", "单位", "本年", "历年累计"]] + rows + lines[end:]


@pytest.mark.parametrize("blank", [0, 1])
def test_legacy_one_of_two_columns_one_cell_a_line_blank_cells_left_out(blank):
    """Seed 003 under 本年 | 历年累计, one of the two blank on every row, in seed 000's layout (a cell a line, a blank
    line after it, blank cells left out): each value ran with nothing beside it into a run of digits of both
    columns, cut where the identities tell, so the 36 rows with a value were NA, flagged ambiguous_digits (72
    cells).  A value alone between blank lines is one cell, but which column's is not known: NA, flagged ragged,
    as a row of two columns that lost a blank; the rows without a value read as the pipe rows."""
    lines = _seed_one_of_two_columns(blank)
    want = toolkit.parse_text(render_text(lines, "pipe_rows")).tables.set_index(["row_key", "col_key"])
    report = toolkit.parse_text(render_text(lines, "lines"))
    got = report.tables.set_index(["row_key", "col_key"])
    assert len(want) == 170 and sorted(got.index) == sorted(want.index)
    valued = want.index[want["value"].notna()].get_level_values(0).unique()
    assert len(valued) == 36
    short = got.index.get_level_values(0).isin(valued)
    assert got.loc[short, "value"].isna().all() and set(got.loc[short, "flag"]) == {"ragged"}
    pd.testing.assert_frame_equal(got.loc[~short, ["value", "raw", "unit", "flag"]],
                                  want.loc[got.index[~short], ["value", "raw", "unit", "flag"]])
    assert [f.code for f in report.flags if f.table] == ["ragged"] * 36


@pytest.mark.parametrize("mark", ["|", ""])
@pytest.mark.parametrize("table", ["本年 blank", "历年累计 blank", "本期实际 | 本年累计"])
def test_legacy_two_value_columns_one_cell_a_line_blank_cells_traced(table, mark):
    """Seed 003 in two value columns in seed 000's layout (a cell a line, a blank line after it), a blank cell
    written as a line of its own, '|' or an empty one (three blank lines where a cell's one is): the trace was
    dropped, so a row of one value was NA (flagged ambiguous_digits or ragged, 72 or 4 cells).  The trace is the
    blank cell: all 170 cells as the pipe rows read them, and their flags; but blank lines that end the text are
    no trace (a file ends in any number of them), so the table's last row, its value and then an empty line
    (二十、提交电子证照数 | 件 | 0 | blank), is NA flagged ragged, as without a trace."""
    lines = (_seed_two_value_columns() if "|" in table else _seed_one_of_two_columns(0 if table.startswith("本年")
                                                                                   else 1))
    want, got = (toolkit.parse_text(text) for text in (render_text(lines, "pipe_rows"),
                                                       render_text(lines, "lines", blank_cell=mark)))
    assert len(want.tables) == 170 and want.tables["value"].notna().sum() >= 36
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    last = want.tables["row_key"] == "提交电子证照数"
    untraced = mark == "" and table == "历年累计 blank"
    assert (got.tables.loc[last, "flag"] == "ragged").all() if untraced else not got.tables.loc[last, "flag"].any()
    kept = ~last if untraced else slice(None)
    pd.testing.assert_frame_equal(got.tables.loc[kept, cols], want.tables.loc[kept, cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table] + [
        ("ragged", "二十、提交电子证照数: 0 for 2 value columns, the blank one unknown")] * untraced


@pytest.mark.parametrize("mark", ["—", "-", "/", "无"])
@pytest.mark.parametrize("table", ["统计数", "本期实际 | 本年累计", "历年累计 blank"])
def test_legacy_not_applicable_marks_one_cell_a_line(table, mark):
    """Seed 003's table in seed 000's layout (a cell a line, a blank line after it), every blank value cell of an
    item written as a not-applicable mark ('条' / '' / '—' / '' / '4﹒政务微信…'): a glued row's unit was followed by
    a value, an item number or a label, not a mark, so the rows holding one were no rows, and the value before them
    ran into the text after it; the whole table was lost (one value column: 0 of 85 cells, flagged table_missing;
    two: 72 or 42 of 170).  A mark set apart on its line is a cell, read as the pipe rows read it (NA, the mark as
    written): all cells and flags as the pipe rows'."""
    lines = (_seed_lines() if table == "统计数" else _seed_two_value_columns() if "|" in table
             else _seed_one_of_two_columns(1))
    start = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].replace(" ", "") == "统计指标")
    lines = [[*x[:2], *(c or mark for c in x[2:])] if isinstance(x, list) and i > start and x[1] else x
             for i, x in enumerate(lines)]
    want, got = (toolkit.parse_text(render_text(lines, layout)) for layout in ("pipe_rows", "lines"))
    assert len(want.tables) in (85, 170) and (want.tables["raw"] == mark).sum() >= 49
    assert want.tables.loc[want.tables["raw"] == mark, "value"].isna().all()
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


@pytest.mark.parametrize("heading, item", [("一、主动公开情况", "本地特色信息数"),
                                           ("(二)通过不同渠道和方式公开政府信息的情况", "本地渠道公开数"),
                                           ("三、依申请公开情况", "本地信息数"),
                                           ("一、主动公开情况", "本地特色政府信息公开数"),
                                           ("(二)通过不同渠道和方式公开政府信息的情况", "本地特色、重点领域信息数"),
                                           ("九、机构建设和保障经费情况", "本地机构数,含派出机构")])
def test_legacy_local_item_after_a_block_heading_one_cell_a_line(heading, item):
    """Seed 003's table in seed 000's layout (a cell a line, a blank line after it), an item not in the format
    right after a block's heading ('一、主动公开情况' / '' / '本地特色信息数' / '' / '条' / '' / '5'): the heading was
    read as the local item's numbering and words, its key '主动公开情况本地特色信息数', unflagged; before an item
    number ('(二)…情况', then '1.政府公报…') it was not read, flagged unlabelled_values.  The blank line between
    them is a cell's bound: the heading is a row of its own, and the item's key, value and flag (unknown_row: perhaps
    a label wrapped) are the pipe rows'.  A label of more than eight characters or with punctuation
    ('本地特色政府信息公开数', '本地机构数,含派出机构') left no bound (its blank lines are no cell's, as a prose line's
    are not): the heading was still joined into its key, unflagged; a known block's heading (formats.yaml
    legacy.block_headings) run into a local item's label is now that row of its own."""
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == heading)
    lines.insert(at + 1, [item, "条", "5"])
    want, got = (toolkit.parse_text(render_text(lines, layout)) for layout in ("pipe_rows", "lines"))
    assert want.tables.loc[want.tables["value"] == 5, "unit"].tolist() == ["条"] and len(want.tables) == 86
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]
    assert [f.detail for f in got.flags if f.code == "unknown_row"] == [f"{heading}/{item}"]


@pytest.mark.parametrize("after, item", [("其中:主动公开规范性文件数", "本地特色信息数"),
                                         ("2.政府网站公开政府信息数", "本地特色政府信息公开数"),
                                         ("四、行政复议数量", "本地特色信息数"),
                                         ("(三)接受培训人员数", "本地培训数"),
                                         ("二十、提交电子证照数", "本地特色信息数")])
def test_legacy_local_item_not_numbered_after_a_value_one_cell_a_line(after, item):
    """Seed 003's table in seed 000's layout (a cell a line, a blank line after it), an item not in the format and
    not numbered right after a row's value ('条' / '' / '0' / '' / '本地特色信息数' / '' / '条' / '' / '5'): only a
    Chinese-numbered local item was read between rows, so it was flagged unlabelled_values and its value lost (or,
    after the table's last item of the format, it stood before every local item after it).  Its label is a cell
    between cell bounds, as a pipe row's: the tables frame and flags are the pipe rows' (its value 5, key the label,
    no flag); run together in page text, where nothing bounds it, it is still not read (flagged between rows; after
    the table's last row it cannot be told from the text after the table)."""
    import re
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == after)
    lines.insert(at + 1, [item, "件", "5"])
    want, got = (toolkit.parse_text(render_text(lines, layout)) for layout in ("pipe_rows", "lines"))
    assert want.tables.loc[want.tables["row_key"] == item, "value"].tolist() == [5.0] and len(want.tables) == 86
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]
    glued = toolkit.parse_text(re.sub(r"[\s|]+", "", render_text(lines, "pipe_rows")))
    assert item not in set(glued.tables["row_key"]) and 5 not in glued.tables["value"].tolist()
    assert ("unlabelled_values" in [f.code for f in glued.flags if f.table]) == (after != "二十、提交电子证照数")


@pytest.mark.parametrize("layout", ["pipe_cells", "tab", "lines"])
@pytest.mark.parametrize("after, unit", [("2.政府网站公开政府信息数", "条"), ("二十、提交电子证照数", "件")])
def test_legacy_local_item_whose_label_ends_in_a_known_one(after, unit, layout):
    """Seed 003's table with an item not in the format whose label lists two things, the second an item's label of
    the format ('本地特色信息数,其他' after a row's value): in seed 000's layout (a cell a line, a blank line after it)
    其他 was read as the known row 7.其他 (src_other), its row read twice, flagged duplicate_row, and the local
    item's words and the next rows lost (unlabelled_values).  A label after a comma goes on the label before it,
    as the pipe rows' cell tells: the tables frame and flags are the pipe rows' (key 本地特色信息数其他, value 5)."""
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == after)
    lines.insert(at + 1, ["本地特色信息数,其他", unit, "5"])
    want, got = (toolkit.parse_text(render_text(lines, lay)) for lay in ("pipe_rows", layout))
    assert want.tables.loc[want.tables["value"] == 5, "row_key"].tolist() == ["本地特色信息数其他"]
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


@pytest.mark.parametrize("before, value", [("四、行政复议数量", ""), ("四、行政复议数量", "3"), ("六、举报投诉数量", ""),
                                           ("(四)申请来源", ""), ("互联网+政务服务", "")])
def test_legacy_local_item_of_no_value_before_a_heading_one_cell_a_line(before, value):
    """Seed 003's table in seed 000's layout (a cell a line, a blank line after it), an item not in the format and
    not numbered after a row of no value and before a block's heading or a known row ('7.其他' / '' / '件' / '' /
    '本地特色信息数' / '' / '件' / '' / '四、行政复议数量'): a blank cell leaves no line, so the row before it was
    followed by a label that was neither an item's nor a value: that row was lost (src_other), or the local item's
    label took it in (key '(三)其他情形数件本地特色信息数'), or the local item was lost, unflagged, or flagged
    unlabelled_values.  A label between cell bounds after a unit ends that row and is a local item's: the tables
    frame and flags are the pipe rows' (a row of NA where no value is written)."""
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == before)
    lines.insert(at, ["本地特色信息数", "件", value])
    want, got = (toolkit.parse_text(render_text(lines, layout)) for layout in ("pipe_rows", "lines"))
    assert want.tables["row_key"].tolist().count("本地特色信息数") == 1 and len(want.tables) == 86
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


@pytest.mark.parametrize("before, row", [("四、行政复议数量", ["其中:本地特色信息数", "件", "2"]),
                                         ("2﹒传真申请数", ["其中:本地申请数", "件", "3"]),
                                         ("二、回应解读情况", ["其中:本地特色信息数", "条", "4"]),
                                         ("互联网+政务服务", ["其中:本地培训数", "人次", "4"]),
                                         ("十二、政务服务事项办件情况(2017年实际办件数)", ["其中:本地办件数", "件", "7"])])
def test_legacy_local_part_not_numbered_one_cell_a_line(before, row):
    """Seed 003's table in seed 000's layout (a cell a line, a blank line after it), an item not in the format that
    opens with 其中 (a local part of the row before: '其中:本地特色信息数' / '' / '件' / '' / '2'): a label between cell
    bounds was a local item's only without the colon, so it was not read, flagged unlabelled_values, its value
    lost.  The words of an item's parts may open it: the tables frame and flags are the pipe rows'."""
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == before)
    lines.insert(at, row)
    want, got = (toolkit.parse_text(render_text(lines, layout)) for layout in ("pipe_rows", "lines"))
    local = want.tables[want.tables["row_key"].str.contains("本地")]
    assert len(want.tables) == 86 and local[["value", "unit"]].values.tolist() == [[float(row[2]), row[1]]]
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html", "docx"])
def test_legacy_block_heading_with_qizhong_and_an_item_of_a_header_word(layout, tmp_path):
    """Seed 003's (四)申请来源 block written '(四)申请来源 | 其中' (its parts announced in the unit's column), its last
    item '其他 | 件 | 1' without its number: the heading was read as an item, key 申请来源 with unit 其中 (every
    layout), and one cell a line (seed 001's layout) '其他', a word of the 2019 tables' headers, ended its row, so
    that '件 | 1' was an item keyed 件, flagged unknown_row '其他/件'.  其中 is no unit: the heading is no item, as seed
    003's own '(四)申请来源 | |' is; a unit after a label alone is that label's row: src_other 1, as the seed's
    '7.其他' with the same value reads, no flag."""
    lines = _seed_lines()
    seed = [["7.其他", "件", "1"] if isinstance(x, list) and x[0] == "7.其他" else x for x in lines]
    rep = {"(四)申请来源": ["(四)申请来源", "其中", ""], "7.其他": ["其他", "件", "1"]}
    lines = [rep.get(x[0], x) if isinstance(x, list) else x for x in lines]
    want = toolkit.parse_text(render_text(seed, "pipe_rows"))
    got = (_parse(lines, layout, tmp_path) if layout in ("html", "docx") else
           toolkit.parse_text(render_text(lines, layout)))
    cols = ["table", "row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    assert len(want.tables) == 85 and want.tables.loc[want.tables["row_key"] == "src_other", "value"].tolist() == [1]
    pd.testing.assert_frame_equal(got.tables[cols], want.tables[cols])
    assert [(f.code, f.detail) for f in got.flags if f.table] == [(f.code, f.detail) for f in want.flags if f.table]


_TWO_COLUMNS = st.sampled_from([["本年", "历年累计"], ["本期实际", "本年累计"]])
# a row's two cells: both filled, one of them, or none (the counts drawn)
_TWO_CELLS = st.tuples(st.integers(0, 3), st.integers(0, 9999), st.integers(0, 9999)).map(
    lambda t: [str(t[1]) if t[0] in (0, 1) else "", str(t[2]) if t[0] in (0, 2) else ""])


@settings(max_examples=scaled(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=_TWO_COLUMNS, cells=st.lists(_TWO_CELLS, min_size=85, max_size=85), mark=st.sampled_from([None, "|", ""]))
def test_legacy_two_value_columns_one_cell_a_line_any_blank_cells(header, cells, mark):
    """Seed 003 under two value columns, each row's two cells drawn (both, one of them or none filled, any
    counts), in seed 000's layout (a cell a line, a blank line after it) with the blank cells left out or traced
    ('|', or an empty line).  Traced, every cell and flag is the pipe rows' (but the table's last row where its
    last cell is blank and traced by an empty line: blank lines end any text, so it is NA, flagged ragged);
    left out, a cell reads the pipe rows' value or is NA, its row flagged: never a count in the other column."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    drawn = iter(cells)
    rows = [[*x[:2], *(next(drawn) if x[1] else ["", ""])] for x in lines[start + 1:end]]
    lines = lines[:start] + [["统计指标", "单位", *header]] + rows + lines[end:]
    want, got = (toolkit.parse_text(text) for text in (render_text(lines, "pipe_rows"),
                                                       render_text(lines, "lines", blank_cell=mark)))
    # (a row of no value before a heading row, '(三)接受培训人员数 | 人次 | | |' then '互联网+政务服务', leaves no row
    # in this layout, traced or not: no value lost, so only rows of values are compared)
    both = want.tables.merge(got.tables, on=["row_key", "col_key"], how="left", suffixes=("", "_got"))
    assert both.loc[both["line_got"].isna(), "value"].isna().all()
    both = both[both["line_got"].notna()]
    same = both["value"].eq(both["value_got"]) | both["value"].isna() & both["value_got"].isna()
    flagged = {f.detail for f in got.flags if f.code in ("ragged", "ambiguous_digits")}
    unsure = both["row_label"].map(lambda label: any(d.startswith(f"{label}: ") for d in flagged))
    if mark is None:   # (left out: which column a lone value is in is not known)
        assert both.loc[~same, "value_got"].isna().all() and unsure[~same].all()
        return
    last = both["row_label"].eq(rows[-1][0]) & (mark == "") & (not rows[-1][-1])   # (blank lines end any text)
    assert same[~last].all() and (same[last].all() or unsure[last].all())
    for key in ("raw", "unit", "col_label", "flag"):
        assert both.loc[~last, key].fillna("").eq(both.loc[~last, f"{key}_got"].fillna("")).all(), key
    assert {(f.code, f.detail) for f in got.flags if f.table and f.code != "identity_failed"} <= (
        {(f.code, f.detail) for f in want.flags if f.table} | {("ragged", f"{rows[-1][0]}: {rows[-1][2]} for 2 value "
                                                                          "columns, the blank one unknown")})


@pytest.mark.parametrize("columns", [1, 2])
def test_legacy_rows_of_blank_values_one_cell_a_line(columns):
    """Seed 003's table one cell a line ending in ' |', a blank cell appended to the line before (seed 001's layout):
    a row whose values are all blank ('3﹒政务微博名称:,公开政府信息数 |', '条 | |') or a block's heading
    ('一、主动公开情况 | |||') ran into the next item's row, so that both were lost, flagged extra_cells: 36 of 85
    cells read (one value column), 72 of 170 (two, 本期实际 | 本年累计).  Their blank cells end them now: every cell
    as the pipe rows read it, no flag."""
    lines = _seed_lines()
    if columns == 2:
        start, end = _table_at(lines)
        rows = [[*x[:2], *([x[2], x[2]] if len(x) > 2 else ["", ""])] for x in lines[start + 1:end]]
        lines = lines[:start] + [["统计指标", "单位", "本期实际", "本年累计"]] + rows + lines[end:]
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    got = toolkit.parse_text(render_text(lines, "pipe_cells"))
    assert len(_legacy(want)) == 85 * columns
    assert _legacy(got) == _legacy(want)
    assert [f for f in got.flags if f.table] == []


def test_legacy_parts_header_over_two_rows_one_cell_a_line():
    # 统计数 over '区政府统计数 | 区直单位统计数 | 乡镇街道统计数', one cell a line: the second header row was run
    # into the first item's row ('区政府统计数' read as an item, its value '乡镇街道统计数', the item lost)
    rows = [["统计指标", "单位", "统计数", "", ""], ["", "", "区政府统计数", "区直单位统计数", "乡镇街道统计数"],
            ["主动公开政府信息数", "条", "100", "200", "300"], ["举报投诉数量", "件", "1", "0", "2"]]
    report = toolkit.parse_text(render_text(["2017年某区政府信息公开工作年度报告", "一、概述", "本区工作。", *rows],
                                            "pipe_cells"))
    t = report.tables[report.tables["table"] == "legacy"]
    got = t[t["row_key"] == "proactive_items"][["col_key", "col_label", "value"]].values.tolist()
    assert got == [["value", "区政府统计数", 100.0], ["value_2", "区直单位统计数", 200.0],
                   ["value_3", "乡镇街道统计数", 300.0]]
    assert set(t["row_key"]) == {"proactive_items", "complaints"}


@pytest.mark.parametrize("layout", ["pipe_cells", "tab"])
@pytest.mark.parametrize("heading", [False, True])
def test_legacy_parts_header_of_one_row_one_cell_a_line(layout, heading):
    # The 2024 town-level table's header of one row (templates-detail 6.2, qianlima), '统计指标 | 单位 | 区政府统计数 |
    # 区直单位统计数 | 乡镇街道统计数 | 合计', one cell a line: the rows are rebuilt from the labels, the header ended
    # after 单位 and its value columns' words ran into the first row; '统计指标 | 单位' alone names no value column, so
    # the words were no header: the columns were read as value … value_4 with no labels, 合计 a fourth part and its
    # sum unchecked. Now the words are the header's value columns: the cells, labels and checks of the pipe rows.
    rows = [["统计指标", "单位", "区政府统计数", "区直单位统计数", "乡镇街道统计数", "合计"],
            *([["一、主动公开情况", "", "", "", "", ""]] if heading else []),
            ["(一)主动公开政府信息数", "条", "100", "200", "300", "600"], ["(一)收到申请数", "件", "5", "6", "7", "18"],
            ["1.当面申请数", "件", "1", "2", "3", "6"], ["四、行政复议数量", "件", "0", "1", "0", "1"]]
    lines = ["2017年某区政府信息公开工作年度报告", "一、概述", "本区工作。", *rows]
    want, got = (toolkit.parse_text(render_text(lines, x)) for x in ("pipe_rows", layout))

    def legacy(report) -> pd.DataFrame:
        t = report.tables
        return t[t["table"] == "legacy"][["row_key", "col_key", "col_label", "value", "raw", "flag"]].reset_index(drop=True)

    assert len(legacy(want)) == 16 and set(legacy(want)["col_key"]) == {"value", "value_2", "value_3", "total"}
    pd.testing.assert_frame_equal(legacy(got), legacy(want))
    sums = got.checks[got.checks["check"] == "columns_sum"]
    assert len(sums) == 4 and set(sums["status"]) == {"ok"}
    assert not [f for f in got.flags if f.table == "legacy"]


def test_putian_channel_rows_are_the_national_tables_channels():
    # Putian 2009 (templates-detail §6.4): 主动公开信息数, 其中:1.政府网站 2.政府公报. The two rows were kept under
    # their labels as keys ('政府网站', '政府公报'), not comparable with via_website / via_gazette of the 2014 table.
    rows = ["指 标 名 称 | 计量单位 | 2009年度 | 历年累计 |", "主动公开信息数 | 条 | 100 | 260 |",
            "其中:1.政府网站 | 条 | 90 | 200 |", "2.政府公报 | 条 | 10 | 60 |", "行政复议数 | 件 | 0 | 1 |"]
    report = toolkit.parse_text("2009年莆田市某局政府信息公开工作年度报告\n一、概述\n工作。\n" + "\n".join(rows) + "\n")
    t = report.tables[report.tables["col_key"] == "value"].set_index("row_key")["value"]
    assert t.to_dict() == {"proactive_items": 100, "via_website": 90, "via_gazette": 10, "reconsiderations": 0}


@pytest.mark.parametrize("table", ["putian", "seed"])
def test_local_item_whose_label_starts_with_a_channel_is_no_channel(table):
    """A local item whose label opens with Putian's words for a channel, 政府网站留言办理数 (messages answered on the
    website): it was read as via_website, unflagged in Putian's table (12 and 30 as the website's items), flagged only
    duplicate_row beside seed 003's own row.  The words after 政府网站 are an item's own: a local item, unflagged; the
    channel's row is read as before, and so is a label that goes on after a mark or a name (政务微博名称高港微博…)."""
    if table == "putian":
        rows = ["指 标 名 称 | 计量单位 | 2009年度 | 历年累计 |", "主动公开信息数 | 条 | 100 | 260 |",
                "其中:1.政府网站 | 条 | 90 | 200 |", "2.政府公报 | 条 | 10 | 60 |", "政府网站留言办理数 | 件 | 12 | 30 |"]
        report = toolkit.parse_text("2009年莆田市某局政府信息公开工作年度报告\n一、概述\n工作。\n" + "\n".join(rows) + "\n")
        website = 90
    else:
        lines = _with_label("3﹒政务微博名称: ,公开政府信息数", "3﹒政务微博名称高港微博公开政府信息数", "5")
        at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith("5﹒其他方式公开政府信息数"))
        lines.insert(at + 1, ["政府网站留言办理数", "件", "12"])
        report = toolkit.parse_text(render_text(lines, "pipe_rows"))
        website = 245
        assert report.tables.set_index("row_key").loc["via_weibo", "value"] == 5
    t = report.tables[report.tables["col_key"] == "value"].set_index("row_key")["value"]
    assert (t["政府网站留言办理数"], t["via_website"]) == (12, website)
    assert not [f for f in report.flags if f.table]


def test_legacy_spaced_header_with_value_columns_of_no_fixed_word():
    # An unruled PDF's Putian table: '指 标 名 称 计量单位 2009年度 历年累计'. '2009年度' is no fixed header word, so
    # the line was no header: the rows were read by themselves, their columns value, value_2 with no labels, and
    # 历年累计 was not `cumulative`; so for the town-level '统计指标 单位 区政府统计数 … 合计' (合计 not `total`).
    rows = ["指 标 名 称 计量单位 2009年度 历年累计", "主动公开信息数 条 100 260", "受理依申请公开信息总数 件 5 9",
            "行政复议数 件 0 1", "行政诉讼数 件 0 0"]
    report = toolkit.parse_text("2009年莆田市某局政府信息公开工作年度报告\n一、概述\n工作。\n" + "\n".join(rows) + "\n")
    t = report.tables
    got = t[t["row_key"] == "proactive_items"][["col_key", "col_label", "value"]].values.tolist()
    assert got == [["value", "2009年度", 100.0], ["cumulative", "历年累计", 260.0]]
    rows = ["统计指标 单位 区政府统计数 区直单位统计数 乡镇街道统计数 合计", "(一)主动公开政府信息数 条 100 200 300 600"]
    report = toolkit.parse_text("2024年某区政府信息公开工作年度报告\n一、概述\n工作。\n" + "\n".join(rows) + "\n")
    assert report.tables["col_key"].tolist() == ["value", "value_2", "value_3", "total"]
    assert report.checks[["check", "status"]].values.tolist() == [["columns_sum", "ok"]]


# --- web-page text glued into one line ----------------------------------------------------------------------

def _glued_seed() -> str:
    """Seed 003 as web-page text joined into one line (the pingtan files' way, data/raw/pingtan-*.txt)."""
    import re
    return re.sub(r"\s*\n\s*", "", SEED.read_text(encoding="utf-8"))


def _legacy_missing(report: toolkit.Report) -> list[tuple]:
    return [(f.code, f.line, f.detail) for f in report.flags if f.table == "legacy" and f.code == "table_missing"]


def _key_value_unit(report: toolkit.Report) -> list[tuple]:
    return _legacy(report, ["row_key", "value", "unit"])


@pytest.mark.parametrize("variant", ["glued", "no_pipes", "no_header", "no_header_no_pipes"])
def test_glued_legacy_table_is_read(variant):
    """Seed 003 glued into one line gave 0 table records and only no_title (no table_missing), so a researcher read
    the report's figures as NA.  Its rows run together as label + unit + value (with or without the cell marks,
    with or without the header: 主动公开政府信息数条480其中:…, 政府公报公开政府信息数条362.政府网站… read as 36 then
    item 2) are now read as the unglued seed's: the same 85 (key, value, unit), no flag."""
    import re
    text = _glued_seed()
    if variant in ("no_pipes", "no_header_no_pipes"):
        text = re.sub(r"[\s|]+", "", text)
    if variant.startswith("no_header"):
        text = re.sub(r"统\s*计\s*指\s*标[\s|]*单位[\s|]*统计数[\s|]*", "", text)
        assert "统计指标" not in text.replace(" ", "")
    report = toolkit.parse_text(text)
    assert _key_value_unit(report) == _key_value_unit(toolkit.parse_report(SEED))
    assert [f for f in report.flags if f.table] == []
    assert report.metadata["template"] == "legacy"


@pytest.mark.parametrize("after", ["说明:本表数据统计期限为2017年1月1日至12月31日。", "泰州市高港区住房和城乡建设局",
                                   "七、其他需要报告的事项2018年我局无其他需要报告的事项。"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_table_ending_in_a_local_item_before_text(variant, after):
    """Seed 003 glued into one line, text after its table (a note, the signature, the next heading): the table's last
    row, a local item ('二十、提交电子证照数件0', not in the format), was bound only by the next Chinese item number
    or the text's end, so it was dropped, unflagged (84 of 85 cells).  Its value's digits end for certain where
    text follows, and its number goes on the table's (十九、 before it): it is read as without the text; the next
    heading ('七、其他需要报告的事项2018年', a unit 项 then digits too, numbered as no item of the table) is none."""
    import re
    text = _glued_seed()
    if variant == "no_pipes":
        text = re.sub(r"[\s|]+", "", text)
    report = toolkit.parse_text(text + after)
    assert _key_value_unit(report) == _key_value_unit(toolkit.parse_report(SEED))
    assert ("提交电子证照数", 0.0, "件") in _key_value_unit(report)
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("after", ["七、其他需要报告的事项", "\n七、其他需要报告的事项\n"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_table_then_a_bare_heading_ending_the_text(variant, after):
    """Seed 003 glued into one line, then the next heading alone, its section's text left out ('…提交电子证照数件0'
    + '七、其他需要报告的事项'): the heading, a label then a unit's character (项) and nothing after, read as a local
    item of no value, '其他需要报告的事' unit 项 (86 rows).  Numbered as no item of the table, it is none, as it
    is with its section's text after it: the seed's 85 (key, value, unit), no flag."""
    import re
    text = _glued_seed()
    if variant == "no_pipes":
        text = re.sub(r"[\s|]+", "", text)
    report = toolkit.parse_text(text + after)
    assert _key_value_unit(report) == _key_value_unit(toolkit.parse_report(SEED))
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("after", ["2018年2月28日", "12", " 3件已办结"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_table_then_a_line_opening_with_digits(variant, after):
    """Seed 003 glued into one line, then a line of text opening with digits (the report's date, a page number):
    the lines are joined with nothing between them, so the digits ran into the table's last value ('…提交电子证照数件0'
    then '2018年2月28日': 2018, raw '02018', no flag), or, after a cell mark ('件 | 0 |' then '12'), made the row no
    row, dropped unseen (84 of 85 cells).  '02018' is no number as written and a cell mark bounds a value: the line
    start ends it, all 85 (key, value, unit) as the seed's, no flag."""
    import re
    text = _glued_seed()
    if variant == "no_pipes":
        text = re.sub(r"[\s|]+", "", text)
    report = toolkit.parse_text(text + "\n" + after)
    assert _key_value_unit(report) == _key_value_unit(toolkit.parse_report(SEED))
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_last_value_before_a_line_opening_with_digits(variant, last):
    """Seed 003 glued into one line ending at a row of value 23 (its local item 二十、提交电子证照数 given 23, or the
    table cut after its last item of the format, 接受培训人员数), then a line '2018年2月28日': the digits ran into
    the value (232018, no flag).  Right after a value's digits the line start may be a number wrapped (23 | 2018 as
    '2' then '3说明'…) or the value's end: NA, flagged ambiguous_digits, never a guess; after a cell mark
    ('| 23 |' then '2018年…') the value is certain, 23.  The other cells as the seed's."""
    import re
    text = _glued_seed()
    if last == "提交电子证照数":
        text = re.sub(r"(提交电子证照数 \| 件 \| )0", r"\g<1>23", text)
    else:
        text = text[:text.index("互联网+政务服务")]
    if variant == "no_pipes":
        text = re.sub(r"[\s|]+", "", text)
    report = toolkit.parse_text(text.rstrip("| ") + ("" if variant == "no_pipes" else " |") + "\n2018年2月28日")
    seed = toolkit.parse_report(SEED).tables.set_index("row_key")
    t = report.tables.set_index("row_key")
    key = "trainees" if last == "接受培训人员数" else last
    assert len(t) == (85 if key == last else 70)
    assert t.drop(index=key)["value"].equals(seed.loc[t.index.drop(key), "value"])
    if variant == "glued":
        assert t.loc[key, "value"] == 23 and [f for f in report.flags if f.table] == []
    else:
        assert np.isnan(t.loc[key, "value"]) and t.loc[key, "flag"] == "ambiguous_digits"
        assert [(f.code, f.detail.split(": ")[1]) for f in report.flags if f.table] == [
            ("ambiguous_digits", "value run into the digits opening the next line")]


def _last_row_and_key(report: toolkit.Report, last: str) -> tuple[pd.DataFrame, str]:
    """The legacy records by row key and the key of the table's last row ``last``, the other cells asserted the
    seed's (85, or 70 where the table ends at 接受培训人员数)."""
    seed = toolkit.parse_report(SEED).tables.set_index("row_key")
    t = report.tables.set_index("row_key")
    key = "trainees" if last == "接受培训人员数" else last
    assert len(t) == (85 if key == last else 70)
    assert t.drop(index=key)["value"].equals(seed.loc[t.index.drop(key), "value"])
    return t, key


@pytest.mark.parametrize("after", ["12月31日印发", "2018年2月28日"])
@pytest.mark.parametrize("value", ["0", "23"])
@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_last_value_run_into_text_on_its_line(variant, last, value, after):
    """Seed 003 glued into one line ending at its local item 二十、提交电子证照数 (or cut after its last item of the
    format, 接受培训人员数), the text after it on the same line opening with digits (a date): the digits ran into
    the last value ('件0' and '12月31日印发': '012', read 12; '件23' and '2018年…': 232018, no flag), and after a cell
    mark ('件 | 0 |12月…') the row was dropped unseen (84 of 85 cells), or the whole table lost as values set apart
    in a table of one value column (人次 | 23 |12…, table_missing).  A cell mark before the digits, or a leading zero
    ('012': no number as written), leaves the value certain; digits run into a word that follows a number in prose
    (a date's 月 or 年) may end anywhere: NA, flagged ambiguous_digits.  The other cells as the seed's."""
    import re
    text = _glued_seed()
    if last == "提交电子证照数":
        text = re.sub(r"(提交电子证照数 \| 件 \| )0", rf"\g<1>{value}", text)
    else:
        text = re.sub(r"(接受培训人员数 \| 人次 \| )23", rf"\g<1>{value}", text[:text.index("互联网+政务服务")])
    if variant == "no_pipes":
        text = re.sub(r"[\s|]+", "", text)
    report = toolkit.parse_text(text + after)
    t, key = _last_row_and_key(report, last)
    flags = [(f.code, f.detail.split(": ")[1]) for f in report.flags if f.table]
    if variant == "glued" or value == "0":
        assert t.loc[key, "value"] == int(value) and flags == []
    else:
        assert np.isnan(t.loc[key, "value"]) and t.loc[key, "flag"] == "ambiguous_digits"
        assert flags == [("ambiguous_digits", "value run into the text after the table")]


@pytest.mark.parametrize("after", ["12月31日印发", "说明:本表数据统计期限为2017年。"])
@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
def test_glued_legacy_last_cell_blank_before_text_on_its_line(last, after):
    """Seed 003 glued into one line with its cell marks, its last row's value cell blank ('件 | |'), the text after
    the table on the same line: '12月31日印发' was read as the value (12, no flag), '说明…' dropped the row unseen
    (84 of 85 cells).  Two cell marks close the blank cell: NA, no flag, the other cells as the seed's."""
    import re
    text = _glued_seed()
    if last == "提交电子证照数":
        text = text.replace("提交电子证照数 | 件 | 0 |", "提交电子证照数 | 件 | |")
    else:
        text = text[:text.index("互联网+政务服务")].replace("人员数 | 人次 | 23 |", "人员数 | 人次 | |")
    report = toolkit.parse_text(text + after)
    seed = toolkit.parse_report(SEED).tables.set_index("row_key")
    t = report.tables.set_index("row_key")
    key = "trainees" if last == "接受培训人员数" else last
    assert len(t) == (85 if key == last else 70) and np.isnan(t.loc[key, "value"]) and t.loc[key, "raw"] == ""
    assert t.drop(index=key)["value"].equals(seed.loc[t.index.drop(key), "value"])
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("after", ["", "说明:本表数据统计期限为2017年。", "2018年2月28日"])
@pytest.mark.parametrize("dash", ["—", "——", " — "])
def test_glued_legacy_blank_cells_written_as_dashes(dash, after):
    """Seed 003 with every blank value cell written '—' (its last row's too), glued into page text with nothing
    between cells ('(一)收到申请数件—1﹒当面申请数件—2﹒…'): a mark run into its unit was no value, so the rows after
    each were no rows and the values before them ran into the next item's number: 53 of 85 cells lost, flagged
    unlabelled_values and ambiguous_digits; the last row, a dash then text, was dropped unseen.  A dash is no word
    nor a sign: it is a blank cell's mark however set, read as the pipe rows read it (NA, '—' in raw), no flag."""
    import re
    marked = re.sub(r"\| (\S+) \| \|", r"| \1 | — |", SEED.read_text(encoding="utf-8"))
    marked = marked.replace("提交电子证照数 | 件 | 0 |", "提交电子证照数 | 件 | — |")
    want = toolkit.parse_text(marked)
    assert (want.tables["raw"] == "—").sum() == 50 and want.tables.loc[want.tables["raw"] == "—", "value"].isna().all()
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", marked).replace("—", dash) + after)
    assert _legacy(report, KEYS[:-2] + ["unit"]) == _legacy(want, KEYS[:-2] + ["unit"])
    assert report.tables["raw"].tolist() == want.tables["raw"].replace("—", dash.strip()).tolist()
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("mark", ["-", "/", "--", "×"])
def test_glued_legacy_blank_cells_written_as_other_marks(mark):
    """As test_glued_legacy_blank_cells_written_as_dashes, every blank value cell written with another not-applicable
    mark, glued into page text with nothing between cells ('件-1﹒当面申请数件-2﹒…', '件/涉及商业秘密…'): a mark run
    into the next row's start was no value, so 50 of 85 cells were lost, the last row's ('件-' at the text's end)
    unflagged.  Before the next row's item number, 其中 or a word, or the text's end, the mark is a blank cell's: read
    as the pipe rows read it (NA, the mark in raw), no flag."""
    import re
    marked = re.sub(r"\| (\S+) \| \|", rf"| \1 | {mark} |", SEED.read_text(encoding="utf-8"))
    marked = marked.replace("提交电子证照数 | 件 | 0 |", f"提交电子证照数 | 件 | {mark} |")
    want = toolkit.parse_text(marked)
    assert (want.tables["raw"] == mark).sum() == 50 and want.tables.loc[want.tables["raw"] == mark, "value"].isna().all()
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", marked))
    assert _legacy(report) == _legacy(want)
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("row", ["制发规范性文件总数 | 件 | 0 |", "2.政府网站公开政府信息数 | 条 | 245 |",
                                 "3﹒网络申请数 | 件 | 1 |", "六、举报投诉数量 | 件 | 675 |",
                                 "十七、实现在线办理业务数 | 件 | 61 |", "提交电子证照数 | 件 | 0 |"])
def test_glued_legacy_value_written_none_before_the_next_row(row):
    """Seed 003 with one value written 无 (none), glued into page text with nothing between cells ('十七、…业务数件无十八、
    实现在线办理占比%33', '…总数件无(二)…', '…数件无3﹒…'): 无 was no value (it may open a word), so the row and the next
    ran into one label ('实现在线办理业务数件无十八实现在线办理占比', 33), a row lost, unflagged.  Before the next row's
    item number or the text's end, 无 opens no word: the row's cell, read as the pipe rows read it (NA, 无 in raw)."""
    import re
    none = SEED.read_text(encoding="utf-8").replace(row, re.sub(r"\| \d+ \|$", "| 无 |", row))
    want = toolkit.parse_text(none)
    assert want.tables.loc[want.tables["raw"] == "无", "value"].isna().sum() == 1
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", none))
    assert _legacy(report) == _legacy(want)
    assert [f for f in report.flags if f.table] == [f for f in want.flags if f.table]


@pytest.mark.parametrize("value, flag", [("-675", ("negative_value", "complaints.value")),
                                         ("+675", ("signed_value", "complaints.value: +675"))])
@pytest.mark.parametrize("variant", ["glued", "spaces", "run_together"])
def test_glued_legacy_signed_value_set_apart_is_read_flagged(variant, value, flag):
    """Seed 003 glued into page text, its complaints' count signed and set apart by cell marks or spaces
    ('六、举报投诉数量 | 件 | -675 |七、…', '…件 -675 七、…'): a sign was no glued cell, so the row was no row, lost from
    the frame (flagged unlabelled_values only).  Set apart on both sides, the signed number is the row's cell: read
    as the pipe rows read it, -675 flagged negative_value (+675 signed_value).  Run together with nothing between
    (run_together, '…件-675七、…'), before the next row's Chinese item number, it was lost too: '-' may be a blank
    cell's mark, but 675 would then be no row's value; it is read the same."""
    import re
    signed = SEED.read_text(encoding="utf-8").replace("六、举报投诉数量 | 件 | 675 |", f"六、举报投诉数量 | 件 | {value} |")
    want = toolkit.parse_text(signed)
    glued = re.sub(r"\s*\n\s*", "", signed)
    report = toolkit.parse_text({"glued": glued, "spaces": re.sub(r"\s*\|\s*", " ", glued),
                                 "run_together": re.sub(r"[\s|]+", "", glued)}[variant])
    assert _legacy(report) == _legacy(want)
    assert [(f.code, f.detail) for f in report.flags if f.table] == [flag]


def test_glued_legacy_value_run_into_an_unexpected_item_number_is_na():
    """政府公报…数条369.政府网站…: the item after 1. numbered 9 (not 2), the value cannot be told from the number
    (36 then 9? 3 then 69?): NA and flagged ambiguous_digits, and so are the next values glued to numbers, until a
    Chinese-numbered item settles the numbering again; never a guess."""
    import re
    text = re.sub(r"[\s|]+", "", SEED.read_text(encoding="utf-8")).replace("2.政府网站公开", "9.政府网站公开")
    report = toolkit.parse_text(text)
    t = report.tables.set_index("row_key")
    unsure = ["via_gazette", "via_website", "via_weibo", "via_wechat"]
    assert t.loc[unsure, "value"].isna().all() and (t.loc[unsure, "flag"] == "ambiguous_digits").all()
    assert t.loc["via_other", "value"] == 89 and t.loc["proactive_items", "value"] == 480
    assert sum(f.code == "ambiguous_digits" for f in report.flags) == 4


@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_header_rows_not_read_is_flagged(variant):
    """The header glued mid-line (…统计表统 计 指 标 | 单位 | 统计数 |…) with rows that cannot be read (their units
    lost): table_missing (legacy) at the line, not a report that looks as if it gave no figures."""
    import re
    text = re.sub(r"\| (条|件|次|人次|人|个|份|篇|万元|%) \|", "|", _glued_seed())
    if variant == "no_pipes":
        text = re.sub(r"[\s|]+", "", text)
    report = toolkit.parse_text(text)
    assert "legacy" not in set(report.tables["table"])
    assert _legacy_missing(report) == [("table_missing", 1, "header found, no row read")]


@pytest.mark.parametrize("text", [
    "一、概述\n按照统计指标要求，本机关主动公开政府信息数480条，收到申请数3件。\n二、主动公开政府信息情况\n公开信息。",
    "一、概述按照统计指标要求,统计指标单位换算后本年度统计指标年度考核,主动公开政府信息数480条。",
])
def test_prose_naming_statistics_words_is_no_table(text):
    """A sentence that names 统计指标 (and items with their numbers before the units) is no statistics table."""
    report = toolkit.parse_text(text)
    # never a table found and lost at the sentence's line; a pre-2019 report whose figures are in sentences only
    # is flagged for having no statistics table at all (templates-detail §8.4)
    want = [("table_missing", None, "no statistics table")] if report.metadata["template"] == "legacy" else []
    assert _legacy_missing(report) == want


def test_real_reports_no_legacy_table_missing():
    """The ten real reports (seeds and pingtan page text): a legacy table_missing only where the table is lost."""
    for path in sorted(RAW.glob("*.txt")):
        report = toolkit.parse_report(path)
        assert _legacy_missing(report) == [], path.name


def test_glued_legacy_table_of_two_value_columns_is_read_where_certain():
    """Putian's table (年度 and 历年累计 columns) glued into one line: no row was read (table_missing), though some
    runs can be cut one way only ('01': 0 | 1; '00': 0 | 0; a number has no leading zero).  Those are read; a run
    that may be cut several ways, or be one number beside a blank cell ('59': 5 | 9, 59 | blank, blank | 59),
    stays NA, flagged ambiguous_digits: never a guess."""
    text = ("2009年莆田市某局政府信息公开工作年度报告一、概述工作。指标名称计量单位2009年度历年累计主动公开信息数条100260"
            "受理依申请公开信息总数件59行政复议数件01行政诉讼数件00")
    report = toolkit.parse_text(text)
    t = report.tables[report.tables["table"] == "legacy"]
    got = {(r.row_key, r.col_key): (r.col_label, "NA" if r.value != r.value else r.value, r.flag)
           for r in t.itertuples()}
    unsure = ("NA", "ambiguous_digits")
    assert got == {("proactive_items", "value"): ("2009年度", *unsure),
                   ("proactive_items", "cumulative"): ("历年累计", *unsure),
                   ("requests_received", "value"): ("2009年度", *unsure),
                   ("requests_received", "cumulative"): ("历年累计", *unsure),
                   ("reconsiderations", "value"): ("2009年度", 0, ""),
                   ("reconsiderations", "cumulative"): ("历年累计", 1, ""),
                   ("lawsuits", "value"): ("2009年度", 0, ""), ("lawsuits", "cumulative"): ("历年累计", 0, "")}
    assert [(f.code, f.detail) for f in report.flags if f.table == "legacy"] == [
        ("ambiguous_digits", "proactive_items: 5 readings of the digits remain (written: 100260)"),
        ("ambiguous_digits", "requests_received: 3 readings of the digits remain (written: 59)")]


def _two_columns(values) -> tuple[str, str]:
    """Seed 003 with two value columns, 本期实际 | 本年累计 (``values``: a row's value → its two cells), as pipe rows and
    as web-page text glued into one line without cell marks."""
    import re
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [[*x[:2], *values(x[2] if len(x) > 2 else "", x[0])] for x in lines[start + 1:end]]
    text = render_text(lines[:start] + [["统计指标", "单位", "本期实际", "本年累计"]] + rows + lines[end:], "pipe_rows")
    return text, re.sub(r"[\s|]+", "", text)


def test_glued_legacy_table_of_two_value_columns_places_no_cell_wrong():
    """Seed 003 with the year's value under 本期实际 and 本年累计 alike (an annual report of the statistics bureau's
    table), glued without cell marks: 0 cells were read and the table flagged missing.  Now each of the 170 cells
    is the one the pipe rows give, or NA flagged ambiguous_digits where its run has several cuts ('480480': 480 |
    480, 4804 | 80, 480480 | blank …): the 18 cells of runs of zeros are read, the blank rows are blank."""
    text, glued = _two_columns(lambda v, _label: [v, v])
    want = toolkit.parse_text(text).tables.set_index(["row_key", "col_key"])
    got = toolkit.parse_text(glued)
    t = got.tables.set_index(["row_key", "col_key"])
    assert len(want) == 170 and sorted(t.index) == sorted(want.index)
    placed = t["value"].notna()
    assert (t.loc[placed, "value"] == want.loc[t.index[placed], "value"]).all()
    assert set(t.loc[~placed & want.loc[t.index, "value"].notna().to_numpy(), "flag"]) == {"ambiguous_digits"}
    assert sorted(t.index[placed]) == sorted(want.index[want["raw"] == "0"]) and placed.sum() == 18
    assert not [f for f in got.flags if f.code == "table_missing"]


def test_glued_legacy_run_cut_by_the_identities():
    """A run one identity settles: 收到申请数 '01' (0 this period, 1 in the year: no other cut) and 网络申请数 '1' with
    its period's cell blank; 收到申请数 is the sum of its four channels per column, so the period's 0 leaves no room
    for 1 there: 1 is the year's.  Placed, flagged inferred and glued_digits (the identity chose it, so its check
    is unverifiable)."""
    cells = {"(一)收到申请数": ["0", "1"], "3﹒网络申请数": ["", "1"]}
    _text, glued = _two_columns(lambda v, label: cells.get(label, [v, v]))
    report = toolkit.parse_text(glued)
    t = report.tables.set_index(["row_key", "col_key"])
    assert t.loc[[("requests_received", "value"), ("requests_received", "cumulative")], "value"].tolist() == [0, 1]
    assert np.isnan(t.loc[("requests_online", "value"), "value"]) and t.loc[("requests_online", "value"), "flag"] == ""
    assert t.loc[("requests_online", "cumulative"), ["value", "flag"]].tolist() == [1, "inferred"]
    assert ("glued_digits", "requests_online: 2 readings of the digits, the identities left one:  | 1") in [
        (f.code, f.detail) for f in report.flags]


@pytest.mark.parametrize("marks", ["cells", "spaces"])
def test_glued_legacy_table_of_two_value_columns_set_apart_is_read(marks):
    """Seed 003 with two value columns (本期实际 | 本年累计) run together in page text whose values stay set apart,
    by cell marks ('…数 | 条 | 480 | 481 |其中:…') or spaces ('…数 条 480 481 其中:…'): no row was read (all 170 cells
    lost, flagged table_missing), though each value is whole.  The values are read a cell each; a blank cell keeps
    its column between cell marks, and a row whose blank left no trace between spaces places neither value, flagged
    ragged, as an unruled PDF's row is."""
    import re
    blanks = {"(一)收到申请数": ["", "1"], "3﹒网络申请数": ["2", ""]}
    text, _glued = _two_columns(lambda v, label: blanks.get(label, [v, str(int(v) + 1) if v.isdigit() else v]))
    glued = re.sub(r"\s*\n\s*", "", text) if marks == "cells" else re.sub(r"[\s|]*\n[\s|]*|\s*\|\s*", " ", text)
    want = toolkit.parse_text(text).tables.set_index(["row_key", "col_key"])
    report = toolkit.parse_text(glued)
    got = report.tables.set_index(["row_key", "col_key"])
    assert len(want) == 170 and sorted(got.index) == sorted(want.index)
    short = [("requests_received", "cumulative"), ("requests_online", "value")] if marks == "spaces" else []
    same = [k for k in want.index if k not in short]
    pd.testing.assert_series_equal(got.loc[same, "value"], want.loc[same, "value"])
    assert got.loc[short, "value"].isna().all() and (got.loc[short, "flag"] == "ragged").all()
    assert [f.code for f in report.flags if f.table] == ["ragged"] * len(short)


def test_glued_legacy_header_of_parts_not_known_is_flagged_not_read():
    """The parts' header glued into page text ('统计指标单位区政府区直单位乡镇街道合计'): one value column was assumed
    (合计 the only word known), so each row's four values were read as one number, unflagged (480 | 0 | 0 | 480 as
    48000480, 36 such rows).  The columns' number is not known, so no row is read and the table is flagged missing."""
    import re
    lines, _want, _shares = _parts_lines([["统计指标", "单位", "区政府", "区直单位", "乡镇街道", "合计"]])
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", render_text(lines, "pipe_rows")))
    assert "legacy" not in set(report.tables["table"])
    assert [f.code for f in report.flags if f.table == "legacy"] == ["table_missing"]


@pytest.mark.parametrize("width", [60, 200, 1000])
def test_glued_legacy_table_wrapped_over_lines_is_read_whole(width):
    """Glued seed 003 (no cell marks) wrapped over lines of a width (a PDF of the page, a narrow window): the
    first reading read the first line holding rows and dropped the others with no flag; the lines are read
    as the unwrapped text, all 85 (key, value, unit) as the seed's, each row at the line its label is on."""
    import re
    flat = re.sub(r"[\s|]+", "", SEED.read_text(encoding="utf-8"))
    text = "\n".join(flat[i:i + width] for i in range(0, len(flat), width))
    report = toolkit.parse_text(text)
    assert _key_value_unit(report) == _key_value_unit(toolkit.parse_report(SEED))
    t = report.tables.set_index("row_key")
    assert t.loc["trainees", "line"] == flat.find("接受培训人员数") // width + 1


@pytest.mark.parametrize("around", ["\n\n", "\n"])
@pytest.mark.parametrize("furniture", ["- 3 -", "第 3 页 共 5 页", "2017年高港区住房和城乡建设局信息公开年度报告", "3", "12"])
def test_glued_legacy_table_wrapped_across_a_page_break(furniture, around):
    """Glued seed 003 wrapped at 60 characters with a page break after one of its table's lines (blank lines around a
    page number or the report's title as a running header): the furniture was read as table text, so a label cut
    by the break was lost or the number ran into a value; with the break after each of the table's 22 lines, 14 of
    the 22 texts read otherwise (16 with the title).  The furniture is none of the text: all 85 as the seed.
    A bare page number ('3', '12') was still read as text: with blank lines around it 14 of the 22 read otherwise
    (a blank 答复数 read 3, no flag), without them 16 (其他行政权力 90 read 903, no flag; at a width of 37
    characters 615 read 3615)."""
    import re
    flat = re.sub(r"[\s|]+", "", SEED.read_text(encoding="utf-8"))
    lines = [flat[i:i + 60] for i in range(0, len(flat), 60)]
    want = _key_value_unit(toolkit.parse_report(SEED))
    first = flat.find("统计指标") // 60 + 1
    wrong = [k for k in range(first, len(lines)) if _key_value_unit(toolkit.parse_text(
        "\n".join(lines[:k]) + f"{around}{furniture}{around}" + "\n".join(lines[k:]))) != want]
    assert len(range(first, len(lines))) == 22 and wrong == []


def test_glued_legacy_item_of_other_words_is_flagged_not_dropped():
    """An item worded otherwise (3.政务头条号发布信息数条7) between known rows of glued text: its 7 ran into the next
    item's number (条74.政务微信…) and would have been dropped unseen; it is flagged unlabelled_values, and the
    next value, whose item number (4) is not the one expected after it, stays NA flagged ambiguous_digits."""
    import re
    flat = re.sub(r"[\s|]+", "", SEED.read_text(encoding="utf-8"))
    report = toolkit.parse_text(flat.replace("3﹒政务微博名称:,公开政府信息数条", "3﹒政务头条号发布信息数条7"))
    t = report.tables.set_index("row_key")
    assert t.loc["via_website", "value"] == 245 and t.loc["via_other", "value"] == 89
    assert np.isnan(t.loc["via_wechat", "value"]) and t.loc["via_wechat", "flag"] == "ambiguous_digits"
    codes = [(f.code, f.detail) for f in report.flags if f.table == "legacy"]
    assert ("unlabelled_values", "not read: 政务头条号发布信息数条74.") in codes


# --- the parts' columns named in words of their own ---------------------------------------------------------

def _parts_lines(header: list[list[str]]) -> tuple[list, dict]:
    """Seed 003 with its value column split into three parts and their 合计 (the value, 0, 0, the value), under
    ``header``; and the cells it should give: (row_key, col_key) -> (col_label, value)."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows, want = [], {}
    for x in lines[start + 1:end]:
        value = x[2] if len(x) > 2 else ""
        rows.append([*x[:2], value, "0" if value else "", "0" if value else "", value])
    out = lines[:start] + header + rows + lines[end:]
    names = [("value", "区政府"), ("value_2", "区直单位"), ("value_3", "乡镇街道"), ("total", "合计")]
    seed = toolkit.parse_report(SEED).tables
    for r in seed[seed["table"] == "legacy"].itertuples():
        for j, (col, label) in enumerate(names):
            want[(r.row_key, col)] = (label, r.value if j in (0, 3) else (0.0 if r.value == r.value else np.nan))
    shares = {r.row_key for r in seed.itertuples() if r.unit == "%"}   # (a 合计 of shares is no sum: not checked)
    return out, want, shares


_PARTS_HEADERS = {"over two rows": [["统计指标", "单位", "统计数", "", "", ""], ["", "", "区政府", "区直单位", "乡镇街道", "合计"]],
                  "second row alone": [["统计指标", "单位", "统计数"], ["区政府", "区直单位", "乡镇街道", "合计"]]}


@pytest.mark.parametrize("layout", ["txt", "html", "docx", "tab", "pipe_cells", "unruled"])
@pytest.mark.parametrize("header", [*_PARTS_HEADERS, "one row", "one row, letter-spaced"])
def test_legacy_parts_named_without_a_header_word(header, layout, tmp_path):
    # 统计数 over '区政府 | 区直单位 | 乡镇街道 | 合计' (no 统计数 in the parts' names): the second row was taken for
    # another table's header, the rows then read by themselves, their columns value … value_4 with no labels and
    # 合计 a fourth part, unchecked. Now the second row names the columns, and 合计 is checked.
    # In a PDF without ruling lines the parts' line was dropped by the layout (a block heading, 一、主动公开情况,
    # and no row after it): every row flagged extra_cells, its values lost (36 rows of seed 003); and the header of
    # one row ('统计指标 单位 区政府 区直单位 乡镇街道 合计') was no header, the columns value … value_4, 合计 unchecked.
    # One cell a line (seed 001's layout) the header of one row ended after 单位, the parts' names run into the
    # first row, and '统计指标 | 单位' names no value column: value … value_4 again (all 340 cells so keyed).
    one = ["统 计 指 标" if header.endswith("spaced") else "统计指标", "单位", "区政府", "区直单位", "乡镇街道", "合计"]
    lines, want, shares = _parts_lines(_PARTS_HEADERS.get(header, [one]))
    report = toolkit.parse_text(render_text(lines, layout)) if layout in ("tab", "pipe_cells") else _parse(
        lines, layout, tmp_path)
    _assert_parts_read(report, want, shares)


def _assert_parts_read(report: toolkit.Report, want: dict, shares: set) -> None:
    """``report`` reads the cells ``want`` of `_parts_lines` under the parts' names, unflagged, each known 合计
    of counts checked against its parts (ok)."""
    t = report.tables[report.tables["table"] == "legacy"]
    got = {(r.row_key, r.col_key): (r.col_label, r.value) for r in t.itertuples()}
    assert got.keys() == want.keys()
    for key, (label, value) in want.items():
        assert got[key][0] == label and (got[key][1] == value or value != value and got[key][1] != got[key][1]), key
    assert not [f for f in report.flags if f.code in ("extra_cells", "ragged", "table_missing", "not_a_number")]
    sums = report.checks[report.checks["check"] == "columns_sum"].set_index("key")["status"]
    known = [f"{row}.total" for (row, col), (_, v) in want.items() if col == "total" and v == v and row not in shares]
    assert known and set(sums[known]) == {"ok"} and set(sums) == {"ok", "unverifiable"}


@pytest.mark.parametrize("layout", ["txt", "html", "docx", "tab", "pipe_cells", "lines"])
@pytest.mark.parametrize("header", [*_PARTS_HEADERS, "one row"])
def test_legacy_parts_with_block_headings_written_as_marks(header, layout, tmp_path):
    # The blocks' headings written with a mark in every cell ('一、主动公开情况 | — | — | — | — | —', 10 rows of
    # seed 003): in tab text the layout keeps no heading label, and its marks' row right under the header
    # ('—\t—\t—\t—\t—') was taken for a case list's row (a value first), ending the table: the rows were read by
    # themselves, the columns value … value_4 without the parts' names, 合计 unchecked. The marks' rows later got
    # the unit of the row above (a unit cell merged down) and were read as an item '—'. Now the header's columns
    # are read as without the marks, and no heading is an item.
    lines, want, shares = _parts_lines(_PARTS_HEADERS.get(header, [["统计指标", "单位", "区政府", "区直单位",
                                                                        "乡镇街道", "合计"]]))
    marked = [[x[0]] + ["—"] * 5 if isinstance(x, list) and len(x) == 6 and not any(x[1:]) else x for x in lines]
    assert sum(x != y for x, y in zip(marked, lines)) == 10
    report = toolkit.parse_text(render_text(marked, layout)) if layout in ("tab", "pipe_cells", "lines") else (
        _parse(marked, layout, tmp_path))
    _assert_parts_read(report, want, shares)


@pytest.mark.parametrize("layout", ["tab", "pipe_cells", "html"])
@pytest.mark.parametrize("header", [None, ["统计指标", "单位", "本年", "历年累计"]])
def test_legacy_block_headings_as_marks_read_as_blank_ones(header, layout, tmp_path):
    # Seed 003 (统计数, or 本年 | 历年累计 over a blank second column) with its blocks' headings written with marks
    # ('一、主动公开情况 | — | —'): in tab text an item '—' was read (the marks' row given the unit above), and
    # 历年累计 was value_2, the table ended at the marks' row under the header. Now as with the headings blank.
    lines = _seed_lines()
    start, end = _table_at(lines)
    width = len(header or lines[start])
    blank = [x + [""] * (width - len(x)) if start < i < end else x for i, x in enumerate(lines)]
    blank[start] = header or blank[start]
    marked = [[x[0]] + ["—"] * (width - 1) if start < i < end and not any(x[1:]) else x for i, x in enumerate(blank)]
    assert sum(x != y for x, y in zip(marked, blank)) == 10
    keys = ["row_key", "col_key", "col_label", "value", "raw", "unit", "flag"]
    want, got = [_parse(x, layout, tmp_path) if layout == "html" else toolkit.parse_text(render_text(x, layout))
                 for x in (blank, marked)]
    pd.testing.assert_frame_equal(got.tables[keys], want.tables[keys])
    assert set(want.tables.loc[want.tables["table"] == "legacy", "col_key"]) == {"value", "cumulative"} - (
        set() if header else {"cumulative"})
    assert [(f.code, f.detail) for f in got.flags] == [(f.code, f.detail) for f in want.flags]


@pytest.mark.parametrize("sep", ["  ", "\t"])
@pytest.mark.parametrize("mark", ["—", "/"])
def test_legacy_group_heading_as_marks_in_rows_set_with_spaces_or_tabs(sep, mark, tmp_path, seed_cells):
    # Seed 003's rows set apart by spaces (an unruled PDF's text) or tabs, each blank cell a mark and the heading
    # '(四)申请来源' too ('(四)申请来源  —  —'): that line was no row but one label, so its items were no longer the
    # requests' sources, keyed by their own words ('党政机关', not src_party_gov).  Now read as its pipe row is.
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [sep.join(c if c or j == 0 else mark for j, c in enumerate(x)) if start <= i < end else x
            for i, x in enumerate(lines)]
    assert f"(四)申请来源{sep}{mark}{sep}{mark}" in rows
    report = toolkit.parse_text("\n".join(x if isinstance(x, str) else " | ".join(x) + " |" for x in rows))
    got = {(k, u) for _t, k, _c, _v, _r, u in _legacy(report)}
    assert got == {(k, u) for _t, k, _c, _v, _r, u in seed_cells}
    assert not [f for f in report.flags if f.table == "legacy"]


@pytest.mark.parametrize("marks", ["cells", "spaces", "lines"])
@pytest.mark.parametrize("header", ["one row", *_PARTS_HEADERS])
def test_glued_legacy_header_of_parts_set_apart_is_read(header, marks):
    """The parts' header named in words of their own run into page text with the rows, its words set apart by cell
    marks or spaces ('…统计指标 | 单位 | 区政府 | 区直单位 | 乡镇街道 | 合计 |一、主动公开情况…', also with 统计数 over
    them: the header's two rows run into one), or on lines of their own between blank lines (seed 000's layout, read
    as page text): the words were read as one ('区政府区直单位乡镇街道合计', their number
    unknown), so the table was not read, all 340 cells lost (table_missing).  Each word set apart is a column now:
    all 340 cells as the pipe rows read them, 合计 the parts' total, checked."""
    import re
    one = [["统计指标", "单位", "区政府", "区直单位", "乡镇街道", "合计"]]
    lines, want, shares = _parts_lines(_PARTS_HEADERS.get(header, one))
    text = render_text(lines, "pipe_rows")
    if marks == "lines":
        # seed 000's layout: a cell a line, a blank line after it; read as page text, its lines joined, the words
        # ran together as in page text without marks (not read, table_missing)
        text = render_text(lines, "lines")
    report = toolkit.parse_text(re.sub(r"\s*\n\s*", "", text) if marks == "cells"
                                else re.sub(r"[\s|]*\n[\s|]*|\s*\|\s*", " ", text) if marks == "spaces" else text)
    t = report.tables[report.tables["table"] == "legacy"]
    got = {(r.row_key, r.col_key): (r.col_label, r.value) for r in t.itertuples()}
    assert len(want) == 340 and got.keys() == want.keys()
    for key, (label, value) in want.items():
        assert got[key][0] == label and (got[key][1] == value or value != value and got[key][1] != got[key][1]), key
    assert [f for f in report.flags if f.table] == []
    sums = report.checks[report.checks["check"] == "columns_sum"].set_index("key")["status"]
    assert (sums == "ok").sum() == len([k for k, (_, v) in want.items() if k[1] == "total" and v == v
                                        and k[0] not in shares])


@pytest.mark.parametrize("spaced", [False, True])
def test_legacy_row_with_more_values_than_the_header_has_columns(spaced):
    # '统计指标 | 单位 | 统计数' over rows of four values (the parts and their 合计, the parts' header left out): the
    # first was read as 统计数 (it is 区政府's part) and the other three dropped, unflagged. None is placed now,
    # flagged extra_cells with the values as written (the flag is the one place that keeps them); a note after a
    # row's value is no value (kept, the note flagged).
    rows = [["统计指标", "单位", "统计数"], ["主动公开政府信息数", "条", "100", "200", "300", "600"],
            ["收到申请数", "件", "5", "2", "3", "10"], ["举报投诉数量", "件", "4", "备注:含匿名举报"]]
    text = "\n".join(["2017年某区政府信息公开工作年度报告", "一、概述", "本区工作。"]
                     + [(" " if spaced else " | ").join(r) for r in rows]) + "\n"
    report = toolkit.parse_text(text)
    t = report.tables[report.tables["table"] == "legacy"].set_index("row_key")
    assert t.loc[["proactive_items", "requests_received"], "value"].isna().all()
    assert set(t.loc[["proactive_items", "requests_received"], "flag"]) == {"extra_cells"}
    assert [f.detail for f in report.flags if f.code == "extra_cells"] == [
        "proactive_items: 4 values for 1 value columns, none placed (written: 100 | 200 | 300 | 600)",
        "requests_received: 4 values for 1 value columns, none placed (written: 5 | 2 | 3 | 10)",
        "complaints: a note after the values, not read: 备注:含匿名举报"]
    assert t.loc["complaints", "value"] == 4


@pytest.mark.parametrize("header", list(_PARTS_HEADERS))
def test_legacy_parts_names_run_into_the_first_row_one_cell_a_line(header):
    # One cell a line, the parts' names ran into the first item's row ('区政府 | … | 合计 | 主动公开政府信息数 | 条 |
    # 100 | …'): '区政府' was read as an item whose value was '乡镇街道' (not_a_number) and 主动公开政府信息数 was lost.
    rows = [*_PARTS_HEADERS[header], ["主动公开政府信息数", "条", "100", "200", "300", "600"],
            ["收到申请数", "件", "5", "2", "3", "10"], ["举报投诉数量", "件", "1", "0", "2", "3"]]
    report = toolkit.parse_text(render_text(["2017年某区政府信息公开工作年度报告", "一、概述", "本区工作。", *rows],
                                            "pipe_cells"))
    t = report.tables[report.tables["table"] == "legacy"]
    got = {(r.row_key, r.col_key): (r.col_label, r.value) for r in t.itertuples()}
    names = [("value", "区政府"), ("value_2", "区直单位"), ("value_3", "乡镇街道"), ("total", "合计")]
    assert got == {(key, col): (label, float(v)) for key, r in zip(["proactive_items", "requests_received",
                                                                    "complaints"], rows[-3:])
                   for (col, label), v in zip(names, r[2:])}
    assert report.flags == [f for f in report.flags if f.code == "sections_missing"]


def test_legacy_header_at_line_start_same_as_a_line_start_pattern():
    """The header cell at the start of its line (spaces and cell marks before it), found from its words and not
    tried at every position: the same offset as the line-start pattern it replaces, over the real reports and
    thousands of texts mixing the words with sentences, cell marks, line breaks and letter-spacing."""
    import random
    import re

    from toolkit.formats import alternation, load_formats
    from toolkit.report import _legacy_header_at

    words = alternation(load_formats()["legacy"]["label_header_words"], spaced=True)
    pattern = re.compile(rf"^[ \t|]*(?:{words})", re.M)

    def expected(text):
        found = pattern.search(text)
        return None if found is None else found.start()

    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    pieces = ["统计指标", "统 计 指 标", "指标名称", "指\n标名称", "统计指标名称", "统计", "指标", " ", "\t", "|", "\n",
              "\r\n", "一、概述", "按照", "本年度", "单位", "件", "12", "　"]
    rng = random.Random(13)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    texts += [text.replace("统 计 指 标", "按统计指标") for text in texts[:10]]
    found = [_legacy_header_at(text) for text in texts]
    assert found == [expected(text) for text in texts]
    assert sum(at is not None for at in found) > 1000  # the texts hold headers, not only sentences
    assert found[3] is not None  # seed 003's own table


def test_glued_rows_found_from_their_units_same_as_the_rows_search():
    """Whether a glued row stands in a text, found from its units and the label read backwards before them: the
    same answer as the row pattern's search, over the real reports, seed 003 glued, and thousands of texts mixing
    labels (letter-spaced too), names after colons, notes, cell marks, units, values and prose."""
    import random

    from toolkit.formats import load_formats, vocabulary
    from toolkit.layout import glued_legacy_patterns, may_hold_glued_rows

    row = glued_legacy_patterns()[1]
    fm = load_formats()["legacy"]
    labels = [lab for lab, _u, _p in fm["rows"].values()]
    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    texts += [_glued_seed(), _glued_seed().replace("|", "")]
    rng = random.Random(5)
    pieces = (labels[:20] + [" ".join(labels[3]), labels[5][:-1], "主动", "文件", "公开"] + sorted(vocabulary().legacy_units)
              + ["12", "0", "3.5", " ", "|", "\n", ":", "：政务微信名称:高港微住建,", "（含网站）", "(注", ")", "一、", "(二)",
                 "其中", "。", "本机关", "万"])
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(6000)]
    got = [may_hold_glued_rows(text) for text in texts]
    assert got == [row.search(text) is not None for text in texts]
    assert 500 < sum(got) < len(texts) - 500  # both answers, many times
    assert got[10] and not any(got[:3])  # seed 003 glued holds rows, the modern seeds none


def test_a_label_used_twice_is_told_apart_in_a_long_table(tmp_path) -> None:
    # Which item a label of two (被依法纠错数 under 行政复议 or 行政诉讼) is: the item of the parent met last. (It was
    # a backward search through the keys of every row before, quadratic in the rows: 80,000 rows of seed 003's
    # 复议/诉讼 block took 11.7 s, now 6.7 s; speed is the benchmark's business, the reading is this test's.)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("四、行政复议数量"))
    block = lines[start:start + 8]  # 四、行政复议数量 … 五、行政诉讼数量 …: (二)被依法纠错数 and (三)其他情形数 twice
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines[:start] + block * 300 + lines[start + 8:]), encoding="utf-8")
    grid = toolkit.parse_report(path).tables.query("table == 'legacy'")
    counts = grid["row_key"].str.replace(r"_\d+$", "", regex=True).value_counts()  # a repeated key gets _<line>
    assert counts["reconsideration_corrected"] == counts["lawsuit_corrected"] == counts["lawsuit_other"] == 300


# --- the counts of cases (四、行政复议数量, 五、行政诉讼数量) worded otherwise, 其中 with a comma ---------------

def _review_block(review: str, lawsuits: str) -> list:
    """Seed 003 with its counts of reconsiderations and lawsuits labelled ``review`` and ``lawsuits`` and the items
    under them filled: 3 = 1 + 1 + 1 reconsiderations, 2 = 0 + 2 + 0 lawsuits."""
    filled = {"四、行政复议数量": (review, "3"), "五、行政诉讼数量": (lawsuits, "2")}
    items = iter(["1", "1", "1", "0", "2", "0"])
    out, under = [], False
    for line in _seed_lines():
        if isinstance(line, list) and line[0] in filled:
            line, under = [filled[line[0]][0], "件", filled[line[0]][1]], True
        elif isinstance(line, list) and under and line[0].startswith("("):
            line = [line[0], "件", next(items)]
        elif isinstance(line, list):
            under = False
        out.append(line)
    return out


_CASES = {("reconsiderations", "value"): 3, ("reconsideration_upheld", "value"): 1,
          ("reconsideration_corrected", "value"): 1, ("reconsideration_other", "value"): 1,
          ("lawsuits", "value"): 2, ("lawsuit_upheld", "value"): 0, ("lawsuit_corrected", "value"): 2,
          ("lawsuit_other", "value"): 0}


@pytest.mark.parametrize("layout", ["pipe_rows", "lines", "tab", "one_line"])
def test_legacy_bare_word_of_a_group_is_its_item_only_under_its_heading(layout):
    # The request sources of the Jiangsu table (申请来源: 1.党政机关 … 7.其他, templates-detail 6.2) are bare words.
    # '5.其他' among the channels of 主动公开 (1.政府公报 2.政府网站 … 5.其他, short labels) was read as src_other, 89
    # requests from 'other' sources, unflagged, and the table's own 7.其他 under 申请来源 was then flagged
    # duplicate_row, kept as src_other_94; so was a local '(七)其他' after the table's last block.  An item of a
    # group heading is its item only under that heading, up to the next item of the format's with no parent;
    # elsewhere the word is a local item under its own label.
    lines = _seed_lines()
    short = {"1﹒政府公报公开政府信息数": "1.政府公报", "2.政府网站公开政府信息数": "2.政府网站", "5﹒其他方式公开政府信息数": "5.其他"}
    lines = [[short.get(x[0], x[0]), *x[1:]] if isinstance(x, list) else x for x in lines]
    at = lines.index(["(六)其他行政权力", "件", "90"])
    lines.insert(at + 1, ["(七)其他", "件", "7"])
    text = render_text(lines, "lines" if layout == "one_line" else layout)
    report = toolkit.parse_text(text.replace("\n", "") if layout == "one_line" else text)
    got = report.tables.query("table == 'legacy'")
    others = got[got["row_label"].str.endswith("其他")]
    cells = [(key, "NA" if value != value else value) for key, value in zip(others["row_key"], others["value"])]
    assert cells[:2] == [("其他", 89), ("src_other", "NA")]
    assert cells[2][0].startswith("其他") and cells[2][1] == 7  # (其他 met twice: the second flagged duplicate_row)
    assert set(got["row_key"]) >= {"via_gazette", "via_website", "src_party_gov", "src_lawyers", "src_other"}
    assert not [f for f in report.flags if f.code in ("duplicate_row", "unknown_row") and f.detail.startswith("src")]


@pytest.mark.parametrize("heading", ["(四)申请来源情况", "(四)申请人来源", "(四)申请人来源情况"])
@pytest.mark.parametrize("layout", ["pipe_rows", "lines"])
def test_legacy_group_heading_in_other_words_keeps_its_items(heading, layout):
    # The request sources' heading worded otherwise: its items, bare words, are its only under it, so the heading
    # must be known in these words too, else 1.党政机关 … 7.其他 were local items.
    lines = [[heading, *x[1:]] if isinstance(x, list) and x[0] == "(四)申请来源" else x for x in _seed_lines()]
    assert any(isinstance(x, list) and x[0] == heading for x in lines)
    report = toolkit.parse_text(render_text(lines, layout))
    assert _legacy(report) == _legacy(toolkit.parse_report(SEED))


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("review, lawsuits", [
    ("四、行政复议数量", "五、行政诉讼数量"),
    ("四、行政复议案件数", "五、行政诉讼案件数"),
    ("四、行政复议件数", "五、行政诉讼件数"),
    ("四、行政复议数", "五、行政诉讼数")])
def test_legacy_counts_of_cases_worded_otherwise_are_read(review, lawsuits, fmt, tmp_path):
    # '五、行政诉讼案件数' was kept under its text, and the (二)被依法纠错数 and (三)其他情形数 under it were read as
    # the reconsiderations' items met twice (reconsideration_corrected_101, flagged duplicate_row): the lawsuits'
    # 2 corrected cases went to a key of the reconsiderations
    report = _parse(_review_block(review, lawsuits), fmt, tmp_path)
    t = report.tables.query("table == 'legacy'")
    got = {(r.row_key, r.col_key): r.value for r in t.itertuples() if r.row_key.startswith(("reconsideration", "lawsuit"))}
    assert got == _CASES
    assert not [f for f in report.flags if f.code in ("duplicate_row", "identity_failed")]


@pytest.mark.parametrize("lawsuits", ["五、行政诉讼", "五、被提起行政诉讼的案件"])
def test_legacy_items_under_a_count_of_no_known_words_are_its_own(lawsuits, tmp_path):
    # the lawsuits' count in words no item has (a bare 行政诉讼 is the review table's header word): kept under its
    # text, and the items under it are still the lawsuits' (each is the reconsiderations' only before the
    # reconsiderations' items were met)
    report = _parse(_review_block("四、行政复议数量", lawsuits), "txt", tmp_path)
    t = report.tables.query("table == 'legacy'").set_index("row_key")["value"]
    assert t[lawsuits[2:]] == 2
    assert [t[k] for k in ("lawsuit_upheld", "lawsuit_corrected", "lawsuit_other")] == [0, 2, 0]
    assert [t[k] for k in ("reconsideration_upheld", "reconsideration_corrected", "reconsideration_other")] == [1, 1, 1]
    assert not [f for f in report.flags if f.code == "duplicate_row"]


def test_legacy_lawsuit_upheld_worded_as_the_reconsiderations_one(tmp_path):
    # '(一)维持具体行政行为数' under 行政诉讼 too (the national table's own wording is longer): the lawsuits' item
    lines = [["(一)维持具体行政行为数", *x[1:]] if isinstance(x, list) and x[0].startswith("(一)维持具有") else x
             for x in _review_block("四、行政复议数量", "五、行政诉讼数量")]
    report = _parse(lines, "txt", tmp_path)
    t = report.tables.query("table == 'legacy'")
    got = {(r.row_key, r.col_key): r.value for r in t.itertuples() if r.row_key.startswith(("reconsideration", "lawsuit"))}
    assert got == _CASES
    assert not [f for f in report.flags if f.code in ("duplicate_row", "identity_failed")]


@pytest.mark.parametrize("mark", ["，", ",", "、", "：", ""])
def test_legacy_sub_item_after_qizhong_and_any_mark(mark, tmp_path, seed_cells):
    # '其中，主动公开规范性文件数' (a comma, not a colon) was kept under its text: the five 其中 items of seed 003
    # (proactive_normative_documents, the two heads counts, denied_state_secret, src_lawyers) left their keys
    lines = [[x[0].replace("其中:", f"其中{mark}"), *x[1:]] if isinstance(x, list) else x for x in _seed_lines()]
    assert _legacy(_parse(lines, "txt", tmp_path)) == seed_cells


# --- rows of the table's items that no table reads: said, not lost -----------------------------------------

def _in_review_section(rows: list, keep_table: bool) -> list:
    """Seed 003 with ``rows`` under its section 五、复议、诉讼和申诉情况 (its sentence replaced), with or without
    its statistics table."""
    lines = _seed_lines()
    at = lines.index(next(x for x in lines if isinstance(x, str) and x.startswith("五、复议")))
    out = lines[:at + 1] + rows + lines[at + 2:]
    start, end = _table_at(out)
    return out if keep_table else out[:start] + out[end:]


@pytest.mark.parametrize("keep_table", [True, False])
@pytest.mark.parametrize("rows", [
    [["行政复议数量", "件", "1"], ["行政诉讼数量", "件", "2"]],       # two rows: too few to tell a table by
    [["行政复议数量", "行政诉讼数量", "行政申诉数"], ["1", "2", "0"]]])  # the items set across, a row of values
def test_legacy_item_rows_read_in_no_table_are_flagged(rows, keep_table, tmp_path, seed_cells):
    # Beside the statistics table (kept), the two rows were lost with no flag, and the items set across were
    # lost with status ok either way; both are flagged table_missing now, their values never read as the items'
    report = _parse(_in_review_section(rows, keep_table), "txt", tmp_path)
    assert _legacy(report) == (seed_cells if keep_table else [])
    missing = [f for f in report.flags if f.code == "table_missing"]
    assert [(f.table, f.detail.split(" row(s)")[1]) for f in missing] == [
        ("legacy", f" of the statistics table's items (行政复议数量{', …' if rows[0][1] == '件' else ''}) read in no table")]


@pytest.mark.parametrize("fmt", ["txt", "html", "unruled"])
@pytest.mark.parametrize("note", ["", "含转办", "3"])
def test_legacy_remarks_column_is_no_value_column(note, fmt, tmp_path, seed_cells):
    # '统计指标 | 单位 | 统计数 | 备注': the 备注 column was read as a second value column (value_2 of every row, a
    # remark that is a number read as a count, '含转办' flagged not_a_number); its cells are notes after the values
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [[*row, *[""] * (3 - len(row)), note if row[0] == "六、举报投诉数量" else ""] for row in lines[start + 1:end]]
    report = _parse(lines[:start] + [["统计指标", "单位", "统计数", "备注"]] + rows + lines[end:], fmt, tmp_path)
    assert _legacy(report) == seed_cells
    assert [f.detail for f in report.flags if f.code == "extra_cells"] == (
        [f"complaints: a note after the values, not read: {note}"] if note else [])


_NOTES = {"六、举报投诉数量": "备注:含匿名举报", "四、行政复议数量": "其中2件为补正后申请", "3﹒网络申请数": "含 转办 信件"}


@pytest.mark.parametrize("header", [False, True])
def test_unruled_legacy_row_with_a_note_after_its_value(header, tmp_path, seed_cells):
    # An unruled PDF (cells set apart by spaces only), a note after a row's value ('六、举报投诉数量 件 675
    # 备注:含匿名举报'), with a 备注 column in the header or none: the line was no row, the item lost unflagged. It is
    # read as the row it is, the note flagged extra_cells with its text; prose ending in a number then words, and
    # a known item's line whose words end as a sentence does, stay prose (no row, no flag).
    lines = _seed_lines()
    start, end = _table_at(lines)
    rows = [[*row, *[""] * (3 - len(row)), ""] if header else list(row) for row in lines[start + 1:end]]
    for row in rows:
        if row[0] in _NOTES:
            row[3 if header else len(row):] = [_NOTES[row[0]]]
    assert sum(row[0] in _NOTES and row[2] != "" for row in rows) == len(_NOTES)
    prose = ["全年共收到举报投诉 件 675 件,同比增长", "六、举报投诉数量 件 675 件,同比增长百分之十二。"]
    head = [["统计指标", "单位", "统计数", "备注"]] if header else [lines[start]]
    report = _parse(lines[:start] + head + rows + lines[end:] + prose, "unruled", tmp_path)
    assert _legacy(report) == seed_cells
    notes = {f.detail.split(":")[0]: f.detail.split("not read: ")[1] for f in report.flags if f.code == "extra_cells"}
    assert set(notes.values()) == set(_NOTES.values()) and len(notes) == len(_NOTES)
    assert [f for f in report.flags if f.table and f.code != "extra_cells"] == []


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("mark", ["—", "/", "-"])
def test_legacy_heading_rows_with_marks_are_no_items(mark, fmt, tmp_path, seed_cells):
    # '一、主动公开情况 | — | —': a block's heading with a mark in its unit and value cells was read as an item of
    # its own, '主动公开情况' (unit '—', value NA), and so were the other nine headings; a mark is no unit
    lines = [[x[0], mark, mark] if isinstance(x, list) and not any(x[1:]) else x for x in _seed_lines()]
    assert sum(isinstance(x, list) and x[1:] == [mark, mark] for x in lines) == 10
    assert _legacy(_parse(lines, fmt, tmp_path)) == seed_cells


def _with_year_column(at: int, years=lambda i: "2017") -> list:
    """Seed 003 with a column of the report's year (header 年度) at column ``at``, the year in every item's row."""
    lines = _seed_lines()
    start, end = _table_at(lines)
    head = ["统计指标", "单位", "统计数"]
    head.insert(at, "年度")
    rows = [[*row, *[""] * (3 - len(row))][:at] + [years(n)] + row[at:] if any(row[1:]) else row
            for n, row in enumerate(lines[start + 1:end])]
    return lines[:start] + [head] + rows + lines[end:]


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "lines", "html", "docx", "glued", "no_pipes"])
@pytest.mark.parametrize("at", [2, 3])
def test_legacy_column_of_the_reports_year_is_no_value_column(at, layout, tmp_path, seed_cells):
    """Seed 003's table with a column of the report's year ('统计指标 | 单位 | 年度 | 统计数' over '… | 条 | 2017 |
    480', or 年度 last): 2017 was read as a value of every row (value or value_2 beside the counts), flagged only by
    the identities it broke (ragged in seed 000's layout, a cell a line).  A column headed by a year's word whose
    cells are all one year holds no count: the table is read without it, as the seed's, no flag.  One row of
    another year leaves the column a value column (its 2017 read, or the runs glued with it left unplaced, flagged;
    never dropped unseen).  Glued
    into page text without cell marks ('…条2017480…', '条4802017') the year ran into each count: 2017 was placed as
    a count, or every row flagged ambiguous_digits; the year that opens, or ends, every run is taken off it."""
    import re
    if layout in ("html", "docx"):
        parse = lambda lines: _parse(lines, layout, tmp_path)  # noqa: E731
    elif layout == "glued":
        parse = lambda lines: toolkit.parse_text(re.sub(r"\s*\n\s*", "", render_text(lines, "pipe_rows")))  # noqa: E731
    elif layout == "no_pipes":
        parse = lambda lines: toolkit.parse_text(re.sub(r"[\s|]+", "", render_text(lines, "pipe_rows")))  # noqa: E731
    else:
        parse = lambda lines: toolkit.parse_text(render_text(lines, layout))  # noqa: E731
    report = parse(_with_year_column(at))
    assert _legacy(report) == seed_cells
    assert [f for f in report.flags if f.table] == []
    other = parse(_with_year_column(at, lambda n: "2016" if n == 5 else "2017"))
    assert 2017 in other.tables["value"].tolist() or "ambiguous_digits" in [f.code for f in other.flags]


def _glued_seed_ending_at(last: str, value: str, variant: str) -> str:
    """Seed 003 glued into one line ending at its last row ``last`` (its local item 提交电子证照数, or cut after
    接受培训人员数) given ``value``: with its cell marks (glued), without (no_pipes), or its last one lost
    (open_cell: '件 | 0')."""
    import re
    text = _glued_seed()
    if last == "提交电子证照数":
        text = text.replace("提交电子证照数 | 件 | 0 |", f"提交电子证照数 | 件 | {value} |")
    else:
        text = text[:text.index("互联网+政务服务")].replace("人员数 | 人次 | 23 |", f"人员数 | 人次 | {value} |")
    if variant == "no_pipes":
        return re.sub(r"[\s|]+", "", text)
    return text.rstrip("| ") if variant == "open_cell" else text


@pytest.mark.parametrize("after", ["1.说明:本表数据统计期限为2017年。", "1、本表数据统计期限为2017年。", "1﹒说明"])
@pytest.mark.parametrize("value", ["0", "23", ""])
@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes", "open_cell"])
def test_glued_legacy_last_value_then_a_numbered_note(variant, last, value, after):
    """Seed 003 glued into one line, its notes after the table numbered ('…提交电子证照数件0' then '1.说明:…'): the
    note's 1 ran into the last value ('01.'), so its local item was dropped unseen (84 of 85 cells); a known last
    row read 231 for 23 or 1 for 0, no flag, and with its cell marks ('人次 | 23 |1.说明') the whole table was
    lost (table_missing).  A value is followed by no stop and word, and notes are numbered from 1: the value is
    the digits before it, no flag; a blank cell with nothing to close it ('件1.说明': blank, or 1 then '.说明') is
    NA, flagged ambiguous_digits."""
    report = toolkit.parse_text(_glued_seed_ending_at(last, value, variant) + after)
    t, key = _last_row_and_key(report, last)
    flags = [(f.code, f.detail) for f in report.flags if f.table]
    if value or variant == "glued":
        assert t.loc[key, "raw"] == value and flags == []
        assert t.loc[key, "value"] == float(value) if value else np.isnan(t.loc[key, "value"])
    else:
        assert np.isnan(t.loc[key, "value"])
        label = "(三)接受培训人员数" if key == "trainees" else "二十、提交电子证照数"
        assert flags == [("ambiguous_digits", f"{label}: value run into the text after the table")]


@pytest.mark.parametrize("after", ["", "\n说明:本表数据统计期限为2017年。", "七、其他需要报告的事项2018年我局无其他需要报告的事项。",
                                   "\n2018年2月28日"])
@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes", "open_cell"])
def test_glued_legacy_last_value_with_its_unit_before_the_text_after(variant, last, after):
    """Seed 003 glued into one line, its last row's cell writing the row's unit after the value ('件 | 7件', '人次7人次')
    then the text's end or the next paragraph: the value was NA, flagged ambiguous_digits 'value run into the text
    after the table', as if digits of the text after had run into it.  The row's unit repeated in its cell, then a
    bound (a cell mark, a line's start, the next heading, the end), ends the value, as in the rows before it: 7, the
    unit kept in the raw cell, no flag; the other cells as the seed's."""
    unit = "件" if last == "提交电子证照数" else "人次"
    report = toolkit.parse_text(_glued_seed_ending_at(last, f"7{unit}", variant) + after)
    t, key = _last_row_and_key(report, last)
    assert (t.loc[key, "value"], t.loc[key, "raw"], t.loc[key, "unit"]) == (7, f"7{unit}", unit)
    assert [f for f in report.flags if f.table] == []


@pytest.mark.parametrize("end", ["12", "", "\n- 12 -", "\n\n12"])
@pytest.mark.parametrize("value", ["23", "20", "0"])
@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
@pytest.mark.parametrize("variant", ["glued", "no_pipes", "open_cell"])
def test_glued_legacy_last_value_at_the_texts_end(variant, last, value, end):
    """Seed 003 glued into one line that ends at the table's last value (its local item 二十、提交电子证照数, or cut
    after 接受培训人员数), the last page's number perhaps run into it ('…件23' and '12': read 2312, no flag).  A
    PDF's last page ends with its number: digits that end the text may hold it (23 and page 12, or 2312; '件23' alone,
    2 and page 3, or 23), so the value is NA, flagged ambiguous_digits, never a guess; a cell mark after the value
    ('件 | 23 |12'), a page number set apart on a line of its own ('- 12 -', or after a blank line), or a run no
    page number can end ('20', '0': a page number opens with no zero) leave it certain, as the seed's."""
    report = toolkit.parse_text(_glued_seed_ending_at(last, value, variant) + end)
    t, key = _last_row_and_key(report, last)
    flags = [(f.code, f.detail) for f in report.flags if f.table]
    run = value + end if end in ("12", "") else None  # (the digits that end the text, where they do)
    if variant == "glued" or run in (None, "0", "20", "012"):  # ('012': no number as written, its zero the value)
        assert t.loc[key, "raw"] == value and t.loc[key, "value"] == int(value) and flags == []
    else:
        assert np.isnan(t.loc[key, "value"]) and t.loc[key, "flag"] == "ambiguous_digits"
        label = "(三)接受培训人员数" if key == "trainees" else "二十、提交电子证照数"
        assert flags == [("ambiguous_digits", f"{label}: value run into the digits that end the text")]


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("end", ["12", ""])
@pytest.mark.parametrize("last", ["提交电子证照数", "接受培训人员数"])
def test_glued_legacy_last_value_at_the_end_of_a_web_page_or_word_file(last, end, fmt, tmp_path):
    """The same text (:func:`test_glued_legacy_last_value_at_the_texts_end`, '…件2312' or '…件23' at its end) as a
    web page's or a Word file's paragraph: it was read NA, flagged ambiguous_digits, as a PDF's, though no page
    number ends an HTML page nor a DOCX's text.  The digits are the value as written (2312, 23), no flag; the
    same text as plain text, perhaps copied from a PDF, stays NA."""
    from renderers import render_file

    text = _glued_seed_ending_at(last, "23", "no_pipes") + end
    render_file(text.split("\n"), tmp_path / f"glued.{fmt}")
    t, key = _last_row_and_key(toolkit.parse_report(tmp_path / f"glued.{fmt}"), last)
    assert t.loc[key, "raw"] == "23" + end and t.loc[key, "value"] == int("23" + end) and t.loc[key, "flag"] == ""
    t, key = _last_row_and_key(toolkit.parse_text(text), last)
    assert np.isnan(t.loc[key, "value"]) and t.loc[key, "flag"] == "ambiguous_digits"


# the seed's glued text with page numbers run into it: those of the prose's pages before three of its headings,
# where no count stands ('…成效。2二、…'), as a PDF copied into page text gives them
_PROSE_PAGES = [("二、政府信息主动公开情况", 2), ("六、存在的主要问题", 3), ("七、说明与附表", 4)]
_TABLE_NOTE = "说明:本表数据统计期限为2017年。"


def _glued_with_pages(pages: list[tuple[str, int]], form: str = "line", end: str = "") -> str:
    """Seed 003 glued into page text without cell marks, each page number of ``pages`` (the text it opens, its
    number) run into the text before it, then ``end``; one line, or wrapped at 60 characters (``form``)."""
    import re
    text = re.sub(r"[\s|]+", "", SEED.read_text(encoding="utf-8"))
    for before, n in sorted(pages, key=lambda p: -text.index(p[0])):
        at = text.index(before)
        text = text[:at] + str(n) + text[at:]
    text += end
    return text if form == "line" else "\n".join(text[i:i + 60] for i in range(0, len(text), 60))


@pytest.mark.parametrize("form", ["line", "wrapped"])
@pytest.mark.parametrize("opens, key, raw", [
    ("三、依申请公开情况", "other_responses", "3715"), ("4﹒信函申请数", "requests_online", "15"),
    ("其中:主动公开规范性文件数", "proactive_items", "4805")])
def test_glued_legacy_value_run_into_a_page_number_mid_text(opens, key, raw, form):
    """Seed 003 glued into page text copied from a PDF, the page numbers run into it, the prose's (2, 3, 4) and the
    next one (5) where a page opens inside the table, right after a value and before the next row ('…次3715三、…',
    '…件154﹒信函…', '…条4805其中:…'): the value read with the page's number (3715, 15, 4805), no flag, a misreading
    nothing told.  A page opening there may be page 5 (after page 4, at least 150 characters a page): the value is NA,
    flagged ambiguous_digits (371 and page 5, or 3715), never a guess; every other cell as the same text without it
    (whose values that may end with a 5, 245 or 615, stay NA too: a page 5 may open after any)."""
    report = toolkit.parse_text(_glued_with_pages([*_PROSE_PAGES, (opens, 5)], form))
    control = toolkit.parse_text(_glued_with_pages(_PROSE_PAGES, form)).tables.set_index("row_key")
    t = report.tables.set_index("row_key")
    assert t.loc[key, "raw"] != raw and np.isnan(t.loc[key, "value"]) and t.loc[key, "flag"] == "ambiguous_digits"
    assert t.drop(index=key)[["value", "flag"]].equals(control.drop(index=key)[["value", "flag"]])
    assert (f"{t.loc[key, 'row_label']}: value run into the next page's number"
            in [f.detail for f in report.flags if f.code == "ambiguous_digits"])


@pytest.mark.parametrize("form", ["line", "wrapped"])
@pytest.mark.parametrize("paged", [False, True])
def test_glued_legacy_page_numbers_that_leave_no_page_in_the_table(paged, form):
    """Controls: seed 003 glued into page text with no page number, or with the prose's (2, 3, 4) and the next
    page's (5) run into the notes after the table ('…统计期限为2017年。5'): no page opens inside the table (page 4
    before it, page 5 after it), so values that may end with a page's number (245, 615, 675, each a 5) are read as
    written; all 85 cells as the seed's, no flag.  Page 5 opening inside the table instead ('…次3715三、…', page 6
    after the notes), 371 is NA, flagged, and so are the values that may hold page 5 (a page 5 may open after any)."""
    report = toolkit.parse_text(_glued_with_pages(_PROSE_PAGES if paged else [], form,
                                                  _TABLE_NOTE + ("5" if paged else "")))
    assert _key_value_unit(report) == _key_value_unit(toolkit.parse_report(SEED))
    assert [f for f in report.flags if f.table] == []
    if paged:
        moved = [*_PROSE_PAGES, ("三、依申请公开情况", 5)]
        t = toolkit.parse_text(_glued_with_pages(moved, form, _TABLE_NOTE + "6")).tables.set_index("row_key")
        unsure = ["via_website", "via_wechat", "other_responses", "complaints"]
        assert t.loc[unsure, "value"].isna().all() and (t.loc[unsure, "flag"] == "ambiguous_digits").all()
        seed = toolkit.parse_report(SEED).tables.set_index("row_key")
        assert t.drop(index=unsure)["value"].equals(seed.drop(index=unsure)["value"])


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_glued_legacy_page_number_mid_text_of_a_web_page_or_word_file(fmt, tmp_path):
    """The same text with a page number run into the table (:func:`test_glued_legacy_value_run_into_a_page_number_mid_text`)
    as a web page's or a Word file's paragraph, which no page number breaks: its digits are the value as written
    (3715), no flag; the same text as plain text, perhaps copied from a PDF, is NA."""
    from renderers import render_file

    text = _glued_with_pages([*_PROSE_PAGES, ("三、依申请公开情况", 5)])
    render_file([text], tmp_path / f"glued.{fmt}")
    t = toolkit.parse_report(tmp_path / f"glued.{fmt}").tables.set_index("row_key")
    assert t.loc["other_responses", "value"] == 3715 and t.loc["other_responses", "flag"] == ""
    assert np.isnan(toolkit.parse_text(text).tables.set_index("row_key").loc["other_responses", "value"])


@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
@pytest.mark.parametrize("at", [0, 1])
def test_glued_legacy_column_of_the_reports_year_beside_the_labels(at, variant, seed_cells):
    """Seed 003's table with a column of the report's year before its labels ('年度 | 统计指标 | 单位 | 统计数' over
    '2017 | (一)主动公开… | 条 | 480') or right after them ('统计指标 | 年度 | 单位 | 统计数'), glued into page text:
    before the labels the year ran into the value before it ('条4802017其中:…', read 4802017, and '条3620172.政府网站'
    cut by the item number, 36201), no flag on those rows; after them it stood between each label and its unit,
    so no row was found: the table lost, unflagged.  The year after the header that stands before every row (or
    before every unit) is the column's, no count: the table reads as the seed's, no flag.  A row of another year
    leaves where the years end unknown: not read, flagged table_missing (no year read as a count)."""
    import re
    blank = (lambda s: re.sub(r"\s*\n\s*", "", s)) if variant == "glued" else (lambda s: re.sub(r"[\s|]+", "", s))
    report = toolkit.parse_text(blank(render_text(_with_year_column(at), "pipe_rows")))
    assert _legacy(report) == seed_cells
    assert [f for f in report.flags if f.table] == []
    other = toolkit.parse_text(blank(render_text(_with_year_column(at, lambda n: "2016" if n == 5 else "2017"),
                                                 "pipe_rows")))
    assert not {2016, 2017} & set(other.tables["value"]) and _legacy(other) == []
    assert [(f.code, f.detail) for f in other.flags if f.table] == [("table_missing", "header found, no row read")]


@pytest.mark.parametrize("layout", ["pipe_rows", "tab", "lines", "html", "docx"])
@pytest.mark.parametrize("at", [0, 1])
def test_legacy_column_of_the_reports_year_beside_the_labels(at, layout, tmp_path, seed_cells):
    """Seed 003's table with a column of the report's year before its labels ('年度 | 统计指标 | 单位 | 统计数' over
    '2017 | (一)主动公开… | 条 | 480') or right after them: before them the header was no header (its first word
    no label column's), so the table was not read (pipe rows, tab: table_missing; HTML, DOCX: each block's
    heading and the year flagged unlabelled_values, its rows read by themselves), and after them, a cell a line
    (seed 000's layout), table_missing.  A year's column before the labels is read as a 序号 column is (its cells
    dropped, whatever year they hold: no count stands before a label); after them, as where it stands after the
    units: the table reads as the seed's, no flag.  A cell a line is read as page text is (its cells' bounds
    joined): a row of another year there is not read, flagged table_missing.  (A cell a line ending in ' |', seed
    001's layout, rebuilds the rows from the cells and splits each at its year: left alone, flagged.)"""
    if layout in ("html", "docx"):
        parse = lambda lines: _parse(lines, layout, tmp_path)  # noqa: E731
    else:
        parse = lambda lines: toolkit.parse_text(render_text(lines, layout))  # noqa: E731
    report = parse(_with_year_column(at))
    assert _legacy(report) == seed_cells
    assert [f for f in report.flags if f.table] == []
    if at == 0:
        other = parse(_with_year_column(at, lambda n: "2016" if n == 5 else "2017"))
        flags = [(f.code, f.detail) for f in other.flags if f.table]
        if layout == "lines":
            assert _legacy(other) == [] and flags == [("table_missing", "header found, no row read")]
        else:
            assert _legacy(other) == seed_cells and flags == []


_SEED_TEXT = SEED.read_text(encoding="utf-8")
# seed 003's rows with a value whose label alone on its line, the row's unit and value on the next, is read as the
# row: items of the format (a local item's label alone, one naming an account or of more than 24 characters, is not)
_VALUED = [line for line in _SEED_TEXT.split("\n") if line.count("|") == 3 and line.split("|")[2].strip()
           and len(line.split(" | ")[0]) <= 24 and "名称" not in line
           and not line.split(" | ")[0].startswith(("统", "其中", "(", "十", "二十"))]


def _split_row(line: str, between: list[str]) -> str:
    """Seed 003's text with the pipe row ``line`` cut after its label, ``between`` standing between the label alone
    and the row's unit and value (a page break of a web page's text or a copy of a PDF's)."""
    label, rest = line.split(" | ", 1)
    return _SEED_TEXT.replace(line, "\n".join([label, *between, "| " + rest]), 1)


@pytest.mark.parametrize("between", [["- 3 -"], ["", "第 3 页", ""], ["", "— 12 —", ""], ["3/5"]])
@pytest.mark.parametrize("line", _VALUED)
def test_legacy_label_alone_before_a_page_break_keeps_its_row(line, between):
    """A row of seed 003's statistics table whose label stands alone before a page number, its unit and value after
    it: read as the seed's row (the label was prose, its value read under an empty key with no flag, the item
    missing)."""
    base = toolkit.parse_text(_SEED_TEXT, report_id="x")
    report = toolkit.parse_text(_split_row(line, between), report_id="x")
    assert _legacy(report) == _legacy(base)
    assert not [f for f in report.flags if f.code == "unlabelled_values"]


@pytest.mark.parametrize("line", _VALUED)
def test_legacy_values_with_no_label_are_flagged(line):
    """A row's unit and value after a line that may be a value ('3', no page number for certain) and not after its
    label: the value is under no key and flagged unlabelled_values (it was read under an empty key, unflagged)."""
    report = toolkit.parse_text(_split_row(line, ["3"]), report_id="x")
    t = report.tables
    assert not (t["row_key"] == "").any()
    value = line.split("|")[2].strip()
    assert [f.detail for f in report.flags if f.code == "unlabelled_values"] == [
        f"1 values without a row label: {value}"]


def _spaced(text: str) -> str:
    """Seed 003's text with its statistics table's pipe rows set with spaces (an unruled PDF's text)."""
    return "\n".join(" ".join(c.strip() for c in line.split("|") if c.strip()) if line.count("|") == 3 else line
                     for line in text.split("\n"))


@pytest.mark.parametrize("between", [[], ["- 3 -"]])
@pytest.mark.parametrize("line", _VALUED)
def test_legacy_spaced_label_alone_before_its_unit_and_value(line, between):
    """Seed 003's table set with spaces, a row's label alone on its line and its unit and value on the next
    (`六、举报投诉数量` / `件 675`, a label top-aligned in a tall cell; or a page number between): read as the seed's
    row (the line of unit and value was prose, the item dropped unflagged)."""
    label, rest = line.split(" | ", 1)
    row, tail = " ".join(c.strip() for c in line.split("|") if c.strip()), " ".join(rest.replace("|", " ").split())
    text = _spaced(_SEED_TEXT)
    base = toolkit.parse_text(text, report_id="x")
    report = toolkit.parse_text(text.replace(row, "\n".join([label, *between, tail]), 1), report_id="x")
    assert _legacy(report) == _legacy(base)
    assert len(base.tables) == 85


@pytest.mark.parametrize("sep", [" ", "  "])
@pytest.mark.parametrize("value, read, flags", [("3 件", 3, []),
                                                ("约 3 件", "NA", [("not_a_number", "via_website: 约 3 件")]),
                                                ("约3 件", "NA", [("not_a_number", "via_website: 约3 件")]),
                                                ("约 3", "NA", [("not_a_number", "via_website: 约 3")]),
                                                ("三 件", "NA", [("not_a_number", "via_website: 三 件")]),
                                                ("3 件左右", "NA", [("not_a_number", "via_website: 3 件左右")]),
                                                ("3 左右", "NA", [("not_a_number", "via_website: 3 左右")]),
                                                ("十 二", 12, [("value_note", "via_website: 十 二")])])
def test_legacy_spaced_row_value_with_spaces_inside_is_one_cell(value, read, flags, sep):
    """Seed 003's table set with spaces (an unruled PDF's text), a known item's value with a space or two inside its
    cell ('2.政府网站公开政府信息数 条 3 件', '… 条 约 3 件'): the row was cut at the value's unit, a row of no known item
    ('2.政府网站公开政府信息数 条 3', its value NA), unflagged; or lost unflagged ('约 3', '十 二'); or its words were two
    values (extra_cells, '3 左右'). It is the row's one value cell, read as a ruled table's: 3, 12 (as '十二'), or NA
    flagged not_a_number; the rest of the table as the seed's."""
    text = _spaced(_SEED_TEXT)
    base = toolkit.parse_text(text, report_id="x")
    row = "2.政府网站公开政府信息数 条 245"
    assert row in text
    report = toolkit.parse_text(text.replace(row, sep.join(["2.政府网站公开政府信息数", "条", value])), report_id="x")
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", read, value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == flags
    assert [x for x in _legacy(report) if x[1] != "via_website"] == [x for x in _legacy(base) if x[1] != "via_website"]


@pytest.mark.parametrize("line", ["十一、政务服务事项业务数 | 件 | 636 |", "4﹒政务微信名称:高港微住建 ,公开政府信息数 | 条 | 615 |",
                                  "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条) | 条 | 480 |"])
def test_legacy_row_after_a_label_alone_not_joined_is_flagged(line):
    """A row's unit and value after its label alone on its line, where the label is a local item's or longer than 24
    characters (not joined to it): flagged unlabelled_values, under no key (they were read under an empty key,
    unflagged)."""
    report = toolkit.parse_text(_split_row(line, []), report_id="x")
    assert not (report.tables["row_key"] == "").any()
    assert [f.detail for f in report.flags if f.code == "unlabelled_values"] == [
        f"1 values without a row label: {line.split('|')[2].strip()}"]


# --- a label one character from a known item's ------------------------------------------------------------

def _with_label(old: str, new: str, value: str | None = None) -> list:
    """Seed 003's lines with the label cell starting ``old`` written ``new`` (and its value ``value``)."""
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith(old))
    lines[at] = [new + lines[at][0][len(old):], *lines[at][1:-1], lines[at][-1] if value is None else value]
    return lines


def _parse_layout(lines: list, layout: str, tmp_path) -> toolkit.Report:
    if layout in ("html", "docx"):
        return _parse(lines, layout, tmp_path)
    return toolkit.parse_text(render_text(lines, layout))


# (seed 003's label, as written with a character wrong, missing or extra, the item, its label in the format)
_TYPOS = [("(一)主动公开政府信息数", "(一)主动公开政府信患数", "proactive_items", "主动公开政府信息数"),
          # (it starts with 政府网站, Putian's wording of via_website: it was read as that, flagged duplicate_row)
          ("2﹒政府网站在线访谈次数", "2﹒政府网站在线访淡次数", "online_interviews", "政府网站在线访谈次数"),
          ("3﹒政策解读稿件发布数", "3﹒政策解读稿件发布", "interpretation_articles", "政策解读稿件发布数"),
          ("(三)接受培训人员数", "(三)接受培训人人员数", "trainees", "接受培训人员数")]


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab", "html", "docx"])
@pytest.mark.parametrize("old, new, key, known", _TYPOS)
def test_legacy_label_one_character_from_a_known_one_is_its_item_flagged(old, new, key, known, layout, tmp_path,
                                                                         seed_cells):
    """Seed 003's table with a label one character from the format's (a typo, a variant character): it was read as
    a local item under its own label, unflagged, the item missing.  One item's label of six characters or more,
    named by no other row: read as that item, every cell the seed's, flagged unknown_row naming both labels.  (Text
    that keeps no cell marks, the lines layout, reads no row of a label not known: its value is flagged
    unlabelled_values.)"""
    report = _parse_layout(_with_label(old, new), layout, tmp_path)
    assert _legacy(report) == seed_cells
    label = next(r for r in report.tables.itertuples() if r.row_key == key).row_label
    assert label.startswith(new.replace("﹒", "."))
    assert [(f.code, f.detail) for f in report.flags if f.table == "legacy"] == [
        ("unknown_row", f"{label}: read as {key}, one character from {known}")]


@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells", "tab"])
@pytest.mark.parametrize("case", ["short", "named", "several", "series"])
def test_legacy_label_one_character_from_a_known_one_not_certain_is_kept_flagged(case, layout):
    """A label one character from a known one where reading it as that item is not certain keeps its own label, and
    is flagged unknown_row naming the item and why (it was read under its own label unflagged, or under the item
    its first words name, 政府网站: via_website): a short label (网站申请数, a word of its own beside 网络申请数), an
    item another row names (the typo before the row itself), near two items' labels (政务微视 beside 政务微博 and
    政务微信), or a local series (咨询电话接通数, 咨询电话接入数: near one another, not typos)."""
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith("5﹒其他方式公开政府信息数"))
    added = {"short": [["3﹒网站申请数", "件", "1"]], "named": [["2﹒政府网站在线访淡次数", "次", "5"]],
             "several": [["6﹒政务微视公开政府信息数", "条", "7"]],
             "series": [["咨询电话接通数", "次", "20"], ["咨询电话接入数", "次", "25"]]}[case]
    if case == "short":
        lines = _with_label("3﹒网络申请数", "3﹒网站申请数")
    elif case == "named":
        at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0].startswith("2﹒政府网站在线访谈次数"))
        lines[at:at] = added
    else:
        lines[at + 1:at + 1] = added
    report = toolkit.parse_text(render_text(lines, layout))
    t = report.tables.set_index("row_key")["value"]
    why = {"short": "one character from 网络申请数 (requests_online) and 网上申请数 (requests_online): too short a label to "
                    "tell a typo from a word of its own",
           "named": "one character from 政府网站在线访谈次数 (online_interviews): another row of the table names that item",
           "several": "one character from 政务微博公开政府信息数 (via_weibo) and 政务微信公开政府信息数 (via_wechat): "
                      "several items",
           "series": "one character from 咨询电话接听数 (phone_consultations): so is the table's own {}"}[case]
    flags = [(f.code, f.detail) for f in report.flags if f.table == "legacy"]
    if case == "series":
        assert flags == [("unknown_row", f"咨询电话接通数: kept under its own label; {why.format('咨询电话接入数')}"),
                         ("unknown_row", f"咨询电话接入数: kept under its own label; {why.format('咨询电话接通数')}")]
        assert (t["咨询电话接通数"], t["咨询电话接入数"]) == (20, 25) and "phone_consultations" not in t
        return
    label = added[0][0].replace("﹒", ".")
    assert flags == [("unknown_row", f"{label}: kept under its own label; {why}")]
    assert t[label.split(".", 1)[1]] == float(added[0][2])
    assert "requests_online" not in t if case == "short" else t["via_website"] == 245
    if case == "named":
        assert np.isnan(t["online_interviews"])


@pytest.mark.parametrize("label", ["(一)主动公开政府信息数量", "2.政府网站公开政府信息数目"])
def test_legacy_known_label_and_one_character_more_is_its_item_unflagged(label):
    """A known label and a character after it (数量 for 数) is its item's, as any label it starts, unflagged."""
    old = label[:-1]
    report = toolkit.parse_text(render_text(_with_label(old, label), "pipe_rows"))
    assert _legacy(report) == _legacy(toolkit.parse_report(SEED))
    assert not [f for f in report.flags if f.table == "legacy"]


# --- traditional script ------------------------------------------------------------------------------------

@pytest.mark.parametrize("config", ["s2twp", "s2hk", "s2t"])
@pytest.mark.parametrize("header", [None, ["项目", "单位", "数量"], ["统计项目", "计量单位", "统计数"], ["指标项目", "单位", "统计数"]])
@pytest.mark.parametrize("layout", ["pipe_rows", "pipe_cells"])
def test_legacy_table_in_traditional_script_reads_as_simplified(config, header, layout):
    """Seed 003's table, under its header or another, converted with OpenCC: every cell and key is the simplified
    reading's.  s2twp writes Taiwan's phrases: 在线办理 as 線上辦理 (the local rows 实现在线办理业务数, 占比 were keyed
    实现线上办理…), 项目 as 專案 (a header 專案 | 單位 | 數量 was no header: the rows were read under no column names)."""
    import opencc

    lines = _with_header(header) if header else _seed_lines()
    text = render_text(lines, layout)
    want = toolkit.parse_text(text)
    got = toolkit.parse_text(opencc.OpenCC(config).convert(text))
    assert len(want.tables) == 85
    pd.testing.assert_frame_equal(got.tables, want.tables)
    assert [(f.code, f.detail) for f in got.flags] == [(f.code, f.detail) for f in want.flags]


@pytest.mark.parametrize("value", ["23", "7", "0"])
@pytest.mark.parametrize("layout", ["lines", "pipe_rows"])
@pytest.mark.parametrize("newline", [True, False])
def test_legacy_last_value_at_the_texts_end_one_cell_a_line(layout, value, newline):
    # Seed 003 cut after its table, one cell a line (a blank line between cells), its last value 23: the value, a
    # cell on a line of its own ('件' / '' / '23'), was read NA, flagged ambiguous_digits ('value run into the digits
    # that end the text'), as if the last page's number had run into it; a page number run in stands on its line
    # with the value, never on a cell's line set apart by blank lines.  Read as the pipe rows read it, no flag.
    # The same where the value is the file's last line, no newline after it ('件' / '' / '23'<EOF>): read NA, flagged.
    from renderers import render_text

    lines = _seed_lines()
    _, end = _table_at(lines)
    assert lines[end - 1] == ["二十、提交电子证照数", "件", "0"]
    text = render_text([*lines[:end - 1], ["二十、提交电子证照数", "件", value]], layout)
    report = toolkit.parse_text(text if newline else text.rstrip("\n"))
    t = report.tables[report.tables["table"] == "legacy"].set_index("row_key")
    assert t.loc["提交电子证照数", "raw"] == value and t.loc["提交电子证照数", "value"] == int(value)
    assert not [f for f in report.flags if f.table]


@pytest.mark.parametrize("in_person", ["", "5", "12"])
@pytest.mark.parametrize("layout", ["lines", "no_pipes"])
def test_legacy_sub_row_in_place_of_a_numbered_item_one_cell_a_line(layout, in_person):
    # Seed 003's item 1﹒当面申请数 written as a sub-row of (一)收到申请数, '其中:当面申请数' (no number): one cell a line
    # or glued, the next item's number (2﹒传真申请数) was not the one expected after (一) (1), so the value before it
    # and those after were left NA, flagged ambiguous_digits ('value run into the next item's number').  The sub-row
    # stands in its item's place: its number is taken, the values read as the pipe rows read them, no flag.
    from renderers import render_text
    import re

    lines = _seed_lines()
    assert ["1﹒当面申请数", "件", ""] in lines
    lines = [["其中:当面申请数", "件", in_person] if x == ["1﹒当面申请数", "件", ""] else x for x in lines]
    plain = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert not [f for f in plain.flags if f.table]
    text = render_text(lines, "lines" if layout == "lines" else "pipe_rows")
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", text) if layout == "no_pipes" else text)
    assert _legacy(report) == _legacy(plain)
    assert not [f for f in report.flags if f.table]


@pytest.mark.parametrize("parts", [False, True])
@pytest.mark.parametrize("layout", ["lines", "no_pipes"])
def test_legacy_sub_row_in_place_of_a_numbered_item_with_its_parts_one_cell_a_line(layout, parts):
    # Seed 003's item 4﹒不同意公开答复数 written as a sub-row ('其中:不同意公开答复数', no number) followed by its six
    # parts, not numbered either, then 5﹒不属于本行政机关公开数: one cell a line or glued, the number after the parts
    # (5) was not the one expected (4), since the item before it was a part, no sub-row, so the last part's value
    # and those of 5﹒, 6﹒, 7﹒ were left NA, flagged ambiguous_digits ('value run into the next item's number').
    # A sub-row since the last numbered item stands in its item's place: the values read as the pipe rows read
    # them, no flag.
    from renderers import render_text
    import re

    lines = _seed_lines()
    written = {"4﹒不同意公开答复数": "3", "法律法规规定的其他情形": "1" if parts else "", "5﹒不属于本行政机关公开数": "2",
               "6﹒申请信息不存在数": "4", "7﹒告知作出更改补充数": "5"}
    assert all([label, "件", ""] in lines for label in written)
    lines = [[x[0].replace("4﹒", "其中:"), x[1], written[x[0]]] if isinstance(x, list) and x[0] in written else x
             for x in lines]
    plain = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert not [f for f in plain.flags if f.table]
    text = render_text(lines, "lines" if layout == "lines" else "pipe_rows")
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", text) if layout == "no_pipes" else text)
    assert _legacy(report) == _legacy(plain)
    assert {c[1]: c[3] for c in _legacy(report)}["replies_not_exist"] == 4.0
    assert not [f for f in report.flags if f.table]


@pytest.mark.parametrize("words", [["本年", "累计"], ["2009年度", "自2008年5月1日以来累计"], ["本年数", "历年累计"]])
def test_legacy_two_value_columns_headed_apart_on_lines(words):
    # Putian's table (templates-detail 6.4) one cell a line, its value columns headed by words on lines of their own
    # that the glued reader ran together: '本年' / '累计' was read as one column 本年累计 (each row's two values one
    # run), and '2009年度' / '自2008年5月1日以来累计' named no column count known, so the table was lost, flagged
    # table_missing.  Words set apart on lines of their own, each a value column's, are the columns: read as under
    # '2009年度 | 历年累计' (value, cumulative).
    def read(head: list[str]) -> toolkit.Report:
        lines = ["2009年莆田市某局政府信息公开工作年度报告", "一、概述", "本局工作。", [*_PUTIAN[0][:2], *head],
                 *_PUTIAN[1:], "二、其他", "无。"]
        return toolkit.parse_text(render_text(lines, "lines"))

    want, got = read(["2009年度", "历年累计"]), read(words)
    assert _legacy(got) == _legacy(want) and {c[2] for c in _legacy(got)} == {"value", "cumulative"}
    assert [(f.code, f.detail) for f in got.flags] == [(f.code, f.detail) for f in want.flags]


def _assert_glued_reads_as_pipes(lines: list, local_value: str, layout: str) -> None:
    """The seed's ``lines`` with a local 本地… sub-row (its value written ``local_value``) read glued into one line
    (``layout`` 'glued': the lines joined; 'no_pipes': no white space nor cell marks left) as their pipe rows read:
    the local row's value, the same legacy cells, no table flag."""
    import re

    piped = render_text(lines, "pipe_rows")
    plain = toolkit.parse_text(piped)
    local = plain.tables[plain.tables["row_key"].str.contains("本地")]
    assert local["raw"].tolist() == [local_value] and not [f for f in plain.flags if f.table]
    report = toolkit.parse_text(re.sub(r"[\s|]+", "", piped) if layout == "no_pipes" else re.sub(r"\s*\n\s*", "", piped))
    assert _legacy(report) == _legacy(plain)
    assert not [(f.code, f.detail) for f in report.flags if f.table]


@pytest.mark.parametrize("layout", ["glued", "no_pipes"])
@pytest.mark.parametrize("after, row", [("1﹒政府公报公开政府信息数", ["其中:本地公报数", "条", "12"]),
                                        ("2﹒传真申请数", ["其中:本地申请数", "件", "3"]),
                                        ("3﹒网络申请数", ["其中:本地特色件数", "件", ""]),
                                        ("十一、政务服务事项业务数", ["其中:本地业务数", "件", "7"])])
def test_glued_legacy_local_sub_row_after_a_numbered_item(after, row, layout):
    # Seed 003 glued into one line (a web page's table copied as one run), a local sub-row not numbered after a
    # numbered item ('1﹒政府公报公开政府信息数条36其中:本地公报数条122.政府网站…'): a label not numbered was read only
    # after a cell's bound, so the sub-row was not read, flagged unlabelled_values, its value lost, and its value
    # run into the next item's number ('33.') was taken for that number, so the next item's value was left NA,
    # flagged ambiguous_digits.  其中: bounds the label as an item number does, the numbering where its value ends:
    # the rows read as the pipe rows read them, no flag.
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == after)
    lines.insert(at + 1, row)
    _assert_glued_reads_as_pipes(lines, row[2], layout)


@pytest.mark.parametrize("layout", ["glued", "no_pipes"])
@pytest.mark.parametrize("after, row, text", [("6.公民", ["其中:本地公民数", "件", "4"], ""),
                                              ("二十、提交电子证照数", ["其中:本地证照数", "件", "5"],
                                               "说明:本表数据统计期限为2017年。")])
def test_glued_legacy_local_sub_row_before_a_sub_row_or_text(after, row, text, layout):
    # Seed 003 glued into one line, a local sub-row not numbered before a sub-row of the format ('6.公民件其中:本地公民数
    # 件4其中:律师…') or as the table's last row before a note ('…件0其中:本地证照数件5说明:…'): its end was bound only by
    # a Chinese item number, a cell's bound or the text's end, so before 其中:律师 it was flagged unlabelled_values,
    # its value lost, and before the note it was dropped, unflagged.  The next row's 其中: and text after digits
    # end its value for certain: the rows read as the pipe rows read them, no flag.
    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == after)
    lines[at + 1:at + 1] = [row, text] if text else [row]
    _assert_glued_reads_as_pipes(lines, row[2], layout)


@pytest.mark.parametrize("layout", ["glued", "no_pipes", "lines"])
@pytest.mark.parametrize("after, label", [("2﹒传真申请数", "其中:本地网络申请数"), ("4﹒信函申请数", "其中:本地传真申请数"),
                                          ("1﹒当面申请数", "其中:本地传真申请数")])
def test_glued_legacy_local_sub_row_ending_in_a_known_label(after, label, layout):
    # Seed 003 glued into one line (or a cell a line), a local sub-row whose label ends in a known item's
    # ('其中:本地网络申请数' before 3﹒网络申请数): the known label alone was read, its words before it dropped, the
    # row keyed as the known item (requests_online value 4, the real row's 1 under requests_online_1), flagged
    # duplicate_row only.  The words between 其中: and the known label are the label's, as the pipe rows' cell tells:
    # a local item 本地网络申请数, the rows and flags (none) the pipe rows'.
    import re

    lines = _seed_lines()
    at = next(i for i, x in enumerate(lines) if isinstance(x, list) and x[0] == after)
    lines.insert(at + 1, [label, "件", "4"])
    piped = render_text(lines, "pipe_rows")
    plain = toolkit.parse_text(piped)
    assert plain.tables.loc[plain.tables["value"] == 4, "row_key"].tolist() == [label[3:]]
    text = {"glued": re.sub(r"\s*\n\s*", "", piped), "no_pipes": re.sub(r"[\s|]+", "", piped),
            "lines": render_text(lines, "lines")}[layout]
    report = toolkit.parse_text(text)
    assert _legacy(report) == _legacy(plain)
    assert not [(f.code, f.detail) for f in report.flags if f.table]


@pytest.mark.parametrize("code, dotted", [(None, False), ("after_unit", False), ("after_unit", True),
                                          ("before_unit", False), ("before_unit", True)])
@pytest.mark.parametrize("letters", [True, False])
def test_legacy_one_cell_a_line_no_blank_lines_between(code, dotted, letters):
    # Gansu's table one cell a line with no blank line between cells nor rows (a PDF's table copied): the lines were
    # joined with nothing between them, so with a code column (指标名称 | 代码 | 计量单位 | 本期实际 | 本年累计, or the
    # code after the unit) each row's code ran into its values ('条01120480') and the whole table was lost, flagged
    # table_missing; without one the values of a row ran together ('120480') and were cut by the identities, rows
    # flagged ambiguous_digits.  Now a number alone on its line is a cell: the table reads as its pipe rows, unflagged.
    from test_tables import _GANSU, _assert_reads_as_gansu

    rows = [line.rstrip(" |").split(" | ") for line in _GANSU.format(denied=2).strip().split("\n")]
    rows = [x for x in rows if letters or x[0] != "甲"]
    if code is None:
        rows = [[c for k, c in enumerate(x) if k != 2] for x in rows]
    elif dotted:
        rows = [[*x[:2], _DOTTED_CODES.get(x[2], x[2]), *x[3:]] if x[0] not in ("甲", "指 标 名 称") else x
                for x in rows]
    if code == "before_unit":
        rows = [[x[0], x[2], x[1], *x[3:]] for x in rows]
    text = SEED.read_text(encoding="utf-8").split("\n")[:38] + [c for x in rows for c in x]
    report = toolkit.parse_text("\n".join(text + ["", "三、存在的主要问题和改进措施", "无。"]))
    _assert_reads_as_gansu(report, ("row_key", "col_key", "value", "raw", "unit"))


@pytest.mark.parametrize("codes, read", [("01", True), ("1", False), ("1.1", False), ("none_on_a_row", False)])
def test_legacy_codes_run_into_one_value_column(codes, read):
    # Gansu's table of one value column glued into page text, each row's code run into its value ('条01120'):
    # the whole table was lost, flagged table_missing.  Codes written 01 … 35 are of two digits each, rising, so where
    # one ends is certain: the table reads as its pipe rows, unflagged.  Codes of one digit or of several levels
    # ('条1120', '条1.1100'), or a row written without its code ('条100' under a code column: code 10 and value 0?),
    # leave it unknown: the table is still flagged table_missing, never read with a wrong number.
    from test_tables import _GANSU, _legacy_report

    rows = [line.rstrip(" |").split(" | ")[:4] for line in _GANSU.format(denied=2).strip().split("\n")]
    want = _legacy_report("\n".join(" | ".join(x) + " |" for x in rows)).tables.query("table == 'legacy'")
    assert len(want) == 19 and want["value"].notna().all()
    if codes in ("1", "1.1"):
        rows = [[*x[:2], _DOTTED_CODES[x[2]] if codes == "1.1" else str(int(x[2])), x[3]] if x[2].isdigit() else x
                for x in rows]
    elif codes == "none_on_a_row":
        rows = [[*x[:2], "", x[3]] if x[0] == "申请总数" else x for x in rows]
    head = SEED.read_text(encoding="utf-8").split("\n")[:38]
    report = toolkit.parse_text("\n".join(head + ["".join(x) for x in rows] + ["三、存在的主要问题和改进措施", "无。"]))
    legacy = report.tables.query("table == 'legacy'")
    if read:
        pd.testing.assert_frame_equal(legacy[KEYS].reset_index(drop=True), want[KEYS].reset_index(drop=True))
        assert not [f for f in report.flags if f.table == "legacy"]
    else:
        assert legacy.empty
        assert [(f.code, f.detail) for f in report.flags if f.table == "legacy"] == [
            ("table_missing", "header found, no row read")]


def _glued_seed_with(old: str, new: str, variant: str) -> str:
    """Seed 003 with ``old`` written ``new``, glued into one line: with its cell marks (glued) or without
    (no_pipes)."""
    import re
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    text = re.sub(r"\s*\n\s*", "", text.replace(old, new))
    return re.sub(r"[\s|]+", "", text) if variant == "no_pipes" else text


@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_count_with_its_unit_before_the_next_items_number(variant):
    """Seed 003 glued into one line, a count written with its unit in the cell right before the next row's item
    number ('…数条36条2﹒政府网站…'): the value was read 36, but its unit was left over, flagged unlabelled_values
    ('not read: 条2.') as if a value had been lost. The unit is the value's, as in a pipe row's cell: 36条, 36."""
    old = "1﹒政府公报公开政府信息数 | 条 | 36 |"
    report = toolkit.parse_text(_glued_seed_with(old, old.replace("36", "36条"), variant))
    t = report.tables.set_index("row_key")
    assert t.loc["via_gazette", ["value", "raw", "unit"]].tolist() == [36, "36条", "条"]
    assert t.loc["via_website", "value"] == 245
    assert not [f for f in report.flags if f.table]


@pytest.mark.parametrize("variant", ["glued", "no_pipes"])
def test_glued_legacy_money_with_its_unit_before_the_next_items_number(variant):
    """Seed 003 glued into one line, a row's money written with its unit in the cell right before the next row's
    Arabic item number ('…万元3500元2﹒兼职人员数…', the cell marks gone): the unit was no part of the value, as
    the gap before the next label ends at the item number ('3500元2﹒'), so the value was read 3500 in the row's
    万元, 元 dropped (10,000 times too much; flagged only as an unlabelled '元2.'). It is 3500元, 0.35万元, as
    with the cell marks and in a table of rows on lines of their own."""
    old = "1﹒专职人员数(不包括政府公报及政府网站工作人员数) | 人 | |"
    report = toolkit.parse_text(_glued_seed_with(old, old.replace("人 | |", "万元 | 3500元 |"), variant))
    t = report.tables.set_index("row_key")
    assert t.loc["staff_full_time", ["value", "raw", "unit"]].tolist() == [0.35, "3500元", "万元"]
    assert t.loc["staff_part_time", "value"] == 2
    assert not [f for f in report.flags if f.code == "unlabelled_values"]


_IN_WORDS = {"2.政府网站公开政府信息数": ("三", 3), "5﹒其他方式公开政府信息数": ("十二", 12),
             "5﹒其他方式回应事件数": ("一百零五", 105), "3﹒政策解读稿件发布数": ("〇", 0),
             "4﹒微博微信回应事件数": ("两千三百", 2300), "四、行政复议数量": ("零", 0)}


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_legacy_count_in_chinese_numerals_is_its_number(fmt, tmp_path):
    """Seed 003's counts written in Chinese numerals ('三', '十二', '一百零五', '〇', '两千三百', '零'): each was NA,
    flagged not_a_number, where the count is certain. Read as its number, the cell as written in raw; a numeral
    that is no sure count ('一百五', 150 or 105) stays text."""
    lines = _seed_lines()
    written = [[x[0], x[1], _IN_WORDS[x[0]][0]] if isinstance(x, list) and x and x[0] in _IN_WORDS else x
               for x in lines]
    written = [[x[0], x[1], "一百五"] if isinstance(x, list) and x and x[0] == "1﹒政府公报公开政府信息数" else x
               for x in written]
    report = _parse(written, fmt, tmp_path)
    t = report.tables[report.tables.table == "legacy"]
    got = sorted(t[t.raw.isin([w for w, _ in _IN_WORDS.values()])][["raw", "value"]].itertuples(index=False))
    assert got == sorted(_IN_WORDS.values())
    assert t.set_index("row_key").loc["via_gazette", ["value", "raw"]].fillna("NA").tolist() == ["NA", "一百五"]
    assert [f.detail for f in report.flags if f.code == "not_a_number"] == ["via_gazette: 一百五"]
    # (read from words, not digits: flagged value_note, as a 2019 table's count in words is)
    assert sorted(f.detail.split(": ")[1] for f in report.flags if f.code == "value_note") == sorted(
        w for w, _ in _IN_WORDS.values())
    (tmp_path / "seed").mkdir()
    seed = _parse(lines, fmt, tmp_path / "seed")
    assert _legacy(report, ["table", "row_key", "unit"]) == _legacy(seed, ["table", "row_key", "unit"])


@pytest.mark.parametrize("value, read, flags", [("三", 3, [("value_note", "via_website: 三")]),
                                                ("约3", "NA", [("not_a_number", "via_website: 约3")])])
def test_unruled_legacy_row_of_a_value_in_words_is_kept(value, read, flags, tmp_path):
    """An unruled PDF of seed 003 (cells set apart by spaces only), a known item's one value in words ('2.政府网站公开
    政府信息数 条 三', '… 条 约3'): the line was no row, taken for text, the row lost unflagged, where a ruled table
    reads the count or flags it not_a_number. It is the row's value cell, read as the ruled table's."""
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in _seed_lines()]
    report = _parse(lines, "unruled", tmp_path)
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", read, value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == flags


@pytest.mark.parametrize("value, read, flags", [("三", 3, [("value_note", "via_website: 三")]),
                                                ("约3", "NA", [("not_a_number", "via_website: 约3")]),
                                                # (one space inside the cell: as without it)
                                                ("约 3", "NA", [("not_a_number", "via_website: 约 3")]),
                                                ("大约 3件", "NA", [("not_a_number", "via_website: 大约 3件")]),
                                                ("三 件", "NA", [("not_a_number", "via_website: 三 件")]),
                                                ("十二 人", "NA", [("not_a_number", "via_website: 十二 人")]),
                                                # (a space between two numerals, or after a hedged count's digits)
                                                ("十 二", 12, [("value_note", "via_website: 十 二")]),
                                                ("约3 件", "NA", [("not_a_number", "via_website: 约3 件")]),
                                                ("大约3 人", "NA", [("not_a_number", "via_website: 大约3 人")]),
                                                # (two spaces inside the cell)
                                                ("约 3 件", "NA", [("not_a_number", "via_website: 约 3 件")]),
                                                ("3 件 左右", "NA", [("not_a_number", "via_website: 3 件 左右")]),
                                                ("三 十 五", 35, [("value_note", "via_website: 三 十 五")])])
def test_legacy_cell_a_line_value_in_words_is_a_cell(value, read, flags):
    """Seed 003 copied one cell a line, a known item's one value in words ('2.政府网站公开政府信息数' / '条' / '三', or
    '约3'): no cell, so that row was not found and the whole table was lost (table_missing: header found, no row
    read). It is the row's value cell, read as in a ruled table (3), or NA flagged not_a_number; the rest as the
    seed's. With a space or two inside the cell ('约 3', '三 件', '约3 件', '约 3 件', '十 二') as well, which lost the
    table the same way; '十 二' is read 12, as '十二' is (it was NA, flagged not_a_number, in a ruled table too)."""
    seed = _seed_lines()
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in seed]
    report = toolkit.parse_text(render_text(lines, "lines"))
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", read, value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == flags
    want = toolkit.parse_text(render_text(seed, "lines"))
    rest = [x for x in _legacy(want) if x[1] != "via_website"]
    assert [x for x in _legacy(report) if x[1] != "via_website"] == rest


@pytest.mark.parametrize("value, read, flag", [("三", 3, "value_note"), ("十二", 12, "value_note"),
                                               ("约3", "NA", "not_a_number"), ("暂无", "NA", "not_a_number"),
                                               # (a space inside the value: as without it)
                                               ("约 3", "NA", "not_a_number"), ("三 件", "NA", "not_a_number"),
                                               ("3 件左右", "NA", "not_a_number"), ("十 二", 12, "value_note"),
                                               ("约 3 件", "NA", "not_a_number"), ("三 十 五", 35, "value_note")])
def test_legacy_pipe_cell_a_line_value_in_words_ends_its_row(value, read, flag):
    """Seed 003 copied one cell a line with pipes, a known item's value in words ('2.政府网站公开政府信息数 |' / '条 |' /
    '三 |'): no value, so the row went on, the next item's label, unit and blank mark ran into it (extra_cells), the
    value lost and that item's row with it. A word right after the row's unit is its value, which ends the row (a
    blank value leaves its mark, '条 | |'): read as in a row a line."""
    seed = _seed_lines()
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in seed]
    report = toolkit.parse_text(render_text(lines, "pipe_cells"))
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", read, value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == [(flag, f"via_website: {value}")]
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert _legacy(report, ["table", "row_key", "value", "raw", "unit"]) == _legacy(
        want, ["table", "row_key", "value", "raw", "unit"])


@pytest.mark.parametrize("layout", ["pipe_cells", "lines"])
@pytest.mark.parametrize("value", ["245*", "245注", "245注1", "245[1]", "245①", "245※", "245(注)"])
def test_legacy_cell_a_line_value_with_a_footnote_mark_is_read_as_in_rows(value, layout):
    """Seed 003 copied one cell a line, a known item's count with a footnote mark after it ('2.政府网站公开政府信息数'
    / '条' / '245*'): with pipes ('245* |') no value, so the row went on, the next item's label, unit and blank mark
    ran into it (extra_cells), the count lost and the next item's row with it; between blank lines read 245 with raw
    '245' and no flag, the mark dropped unsaid.  Both are read as the seed's own pipe rows read it (kept as written,
    NA flagged not_a_number; '245(注)': 245, flagged value_note), the rest the seed's."""
    seed = _seed_lines()
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in seed]
    report = toolkit.parse_text(render_text(lines, layout))
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert _legacy(report) == _legacy(want)
    assert [(f.code, f.detail) for f in report.flags if f.table] == [
        (f.code, f.detail) for f in want.flags if f.table]
    assert "via_weibo" in [x[1] for x in _legacy(report)]
    assert [x[2] for x in _legacy(report, ["row_key", "value", "raw"]) if x[0] == "via_website"] != ["245"]


@pytest.mark.parametrize("layout", ["lines", "pipe_cells"])
@pytest.mark.parametrize("value", ["3件左右", "3左右", "12余", "12多", "30余件", "3件以上",
                                   # (one space inside the cell: as without it)
                                   "3 件左右", "3 左右", "3件 左右", "30 余件"])
def test_legacy_cell_a_line_count_with_a_hedge_after_it_is_flagged(value, layout):
    """Seed 003 copied one cell a line, a known item's count with a hedge after it ('2.政府网站公开政府信息数' / '条' /
    '3件左右'): read 3, the hedge dropped unsaid (with pipes, '3件左右 |', the next item ran into the row: extra_cells),
    where '约3件' and a ruled table's '3件左右' are NA, flagged not_a_number. It is read so, kept as written; with one
    space inside the cell ('3 件左右', a cell a line between blank lines) as well, which was read 3 unflagged."""
    seed = _seed_lines()
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in seed]
    report = toolkit.parse_text(render_text(lines, layout))
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", "NA", value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == [("not_a_number", f"via_website: {value}")]
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert _legacy(report, ["table", "row_key", "value", "raw", "unit"]) == _legacy(
        want, ["table", "row_key", "value", "raw", "unit"])


@pytest.mark.parametrize("value", ["暂无", "不适用"])
def test_legacy_cell_a_line_short_words_value_is_flagged(value):
    """Seed 003 copied one cell a line, a known item's value a short word ('2.政府网站公开政府信息数' / '条' / '暂无'):
    the cell was dropped unseen, the value NA with no flag, where a ruled table keeps it in raw and flags it
    not_a_number. It is read as there; a local item's short label, its unit's cell after it, is no value."""
    seed = _seed_lines()
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in seed]
    report = toolkit.parse_text(render_text(lines, "lines"))
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", "NA", value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == [("not_a_number", f"via_website: {value}")]
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert _legacy(report) == _legacy(want)
    at = next(i for i, x in enumerate(seed) if isinstance(x, list) and x[0].startswith("3﹒政务微博"))
    local = [*seed[:at + 1], ["其他情况", "条", "5"], *seed[at + 1:]]  # (after a blank value)
    got, want = (toolkit.parse_text(render_text(local, x)) for x in ("lines", "pipe_rows"))
    assert ("其他情况", 5) in [(x[1], x[3]) for x in _legacy(got, ["table", "row_label", "row_key", "value"])]
    assert _legacy(got) == _legacy(want)


@pytest.mark.parametrize("layout", ["lines", "pipe_cells"])
@pytest.mark.parametrize("value", ["1 2", "12 3"])
def test_legacy_cell_a_line_two_numbers_in_a_count_are_flagged(value, layout):
    """Seed 003 copied one cell a line, a known item's count two numbers set apart by a space ('2.政府网站公开政府信息数'
    / '条' / '1 2'): between blank lines read 1, the 2 run into the next item's number ('23.政务微博…', ambiguous_digits);
    with pipes the next item's label, unit and mark ran into the row (extra_cells), via_weibo's row lost. It is read as
    the seed's pipe rows read it: kept as written, NA, flagged not_a_number, never 12 nor a value of another row."""
    seed = _seed_lines()
    lines = [[x[0], x[1], value] if isinstance(x, list) and x and x[0] == "2.政府网站公开政府信息数" else x
             for x in seed]
    report = toolkit.parse_text(render_text(lines, layout))
    want = toolkit.parse_text(render_text(lines, "pipe_rows"))
    assert _legacy(report, ["row_key", "value", "raw"]).count(("via_website", "NA", value)) == 1
    assert [(f.code, f.detail) for f in report.flags if f.table] == [("not_a_number", f"via_website: {value}")]
    assert _legacy(report) == _legacy(want)
