"""Pre-2019 statistics tables (``legacy``) of seed 003 rendered with other headers, merged cells, two halves side
by side, signs: read as the seed's own table is, or flagged."""
from __future__ import annotations

import copy

import pytest

import toolkit

from conftest import RAW
from renderers import render_docx, render_html, render_pdf, render_text

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
    path = tmp_path / f"legacy.{fmt}"
    if fmt == "txt":
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
