"""Every documented flag code is emitted by the toolkit on some real input.

test_readme.py checks that each code of ``output_schema.yaml``'s ``flag_codes`` is documented; nothing checked
that the toolkit can still emit it: a code no path emits is a dead promise to users, and a change that stops
emitting one went unseen.  ``_CASES`` maps each code to an input that provokes it (a seed of data/raw, or a small
variant of one: a cell edited, a row dropped, bytes of another encoding, a PDF, DOCX or HTML page of the seed made
with the builders the other tests use) and to what its flag says; each input is read by ``toolkit.parse_report``.
"""
from __future__ import annotations

import functools
import re
import warnings
from pathlib import Path
from typing import Callable, NamedTuple

import pytest

import toolkit
from conftest import RAW
from renderers import render_html, render_pdf
from toolkit.tables import flag_codes

SEED_001 = "001_4d29bfef72dd56db"
Build = Callable[[Path], Path]


class Case(NamedTuple):
    """An input that emits a code: ``build(tmp_path)`` gives its file; a flag of the code has ``table`` and
    ``detail`` holds ``detail`` (where given), and its line of the report holds ``line`` (where given)."""

    build: Build
    table: str | None = None
    detail: str | None = None
    line: str | None = None


# --- the inputs -------------------------------------------------------------------------------------------------

def _seed(name: str) -> Build:
    """A seed of data/raw as it is."""
    return lambda tmp_path: RAW / f"{name}.txt"


def _written(tmp_path: Path, data: str | bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _raw_edit(name: str, old: str, new: str, file_name: str = "report.txt") -> Build:
    """A seed's text with ``old`` (which it holds) replaced by ``new`` once."""
    def build(tmp_path: Path) -> Path:
        text = (RAW / f"{name}.txt").read_text(encoding="utf-8")
        assert old in text
        return _written(tmp_path, text.replace(old, new, 1), file_name)
    return build


@functools.lru_cache(maxsize=None)
def _pipe(name: str) -> tuple[str, ...]:
    """A seed as its title and one table row a line ('a | b | c |'); seed 001 so reads flag-free but for its
    broken identities."""
    from test_tables import _pipe_rows

    report = toolkit.parse_report(RAW / f"{name}.txt")
    return (report.lines[0], *_pipe_rows(report, wrap=False).split("\n"))


def _at(lines: list[str], prefix: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(prefix))


def _pipe_edit(edit: Callable[[list[str]], list[str] | None], name: str = SEED_001) -> Build:
    """A seed's pipe rows (``_pipe``) changed by ``edit`` (in place, or returning the new lines)."""
    def build(tmp_path: Path) -> Path:
        lines = list(_pipe(name))
        return _written(tmp_path, "\n".join(edit(lines) or lines))
    return build


def _replace_row(prefix: str, *new: str) -> Callable[[list[str]], None]:
    """Replace the row starting with ``prefix`` by the ``new`` rows."""
    def edit(lines: list[str]) -> None:
        at = _at(lines, prefix)
        lines[at:at + 1] = new
    return edit


def _cell(prefix: str, old: str, new: str) -> Callable[[list[str]], None]:
    """Set the first cell ``old`` of the row starting with ``prefix`` to ``new``."""
    def edit(lines: list[str]) -> None:
        at = _at(lines, prefix)
        assert f"| {old} |" in lines[at]
        lines[at] = lines[at].replace(f"| {old} |", f"| {new} |", 1)
    return edit


def _cut(start: str, end: str) -> Callable[[list[str]], list[str]]:
    """Drop the lines from the one starting with ``start`` to the one before that starting with ``end``."""
    return lambda lines: lines[:_at(lines, start)] + lines[_at(lines, end):]


def _mixed_template(lines: list[str]) -> list[str]:
    # seed 002 (2021 format) with seed 001's Article 20 table (2019 format)
    old = list(_pipe(SEED_001))
    a, b = _at(lines, "二、") + 1, _at(lines, "三、")
    return lines[:a] + old[_at(old, "二、") + 1:_at(old, "三、")] + lines[b:]


def _unknown_section(lines: list[str]) -> list[str]:
    # a section the format has not, numbered between the others (test_outline)
    at = _at(lines, "五、存在")
    lines[at] = "六、" + lines[at][2:]
    lines[_at(lines, "六、其他需要")] = "七、" + lines[_at(lines, "六、其他需要")][2:]
    return lines[:at] + ["五、政府信息公开保障工作", "本年度加强组织保障。"] + lines[at:]


def _yearless(file_name: str) -> Build:
    # seed 000 without a year of its own (title, overview, publication date): test_metadata
    def build(tmp_path: Path) -> Path:
        text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
        return _written(tmp_path, re.sub(r"(?<!\d)20[12]\d(?=\s*年)", "", text), file_name)
    return build


def _gbk_with_a_utf8_line(tmp_path: Path) -> Path:
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    return _written(tmp_path, b"\n".join(line.encode("utf-8" if i == 5 else "gbk") for i, line in enumerate(lines)))


def _utf8_with_a_latin1_byte(tmp_path: Path) -> Path:
    # (a footer pasted in GBK is read as GBK now, mixed_encoding; a Latin-1 '©' is no character of either)
    footer = "Copyright © 2023".encode("latin-1")
    return _written(tmp_path, (RAW / "pingtan-2023-02.txt").read_bytes() + b"\n" + footer + b"\n")


@functools.lru_cache(maxsize=1)
def _lines_001() -> list:
    """Seed 001 as reader lines (text lines and rows of cells), for the PDF, DOCX and HTML builders."""
    from test_formats import _as_lines

    return _as_lines(toolkit.parse_report(RAW / f"{SEED_001}.txt"))


def _pdf(tmp_path: Path, **options) -> Path:
    path = tmp_path / "report.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (fpdf2: the font lacks a glyph of the seed's prose)
        render_pdf(_lines_001(), path, **options)
    return path


def _ruled_page(pdf, page_no: int) -> None:
    # more ruling lines than pdf._MAX_PDF_EDGES on the first page (a page of a form drawn in hairlines)
    if page_no == 1:
        for i in range(6001):
            pdf.line(5 + i * 0.05, 5, 5 + i * 0.05, 8)


def _merged_zero(tmp_path: Path) -> Path:
    # the 0 of item 3. of (三)不予公开 merged down over item 4.'s (an HTML rowspan)
    rows = [x for x in _lines_001() if isinstance(x, list)]
    below = next(k for k, row in enumerate(rows) if row and row[0].startswith("4.保护第三方"))
    return _written(tmp_path, render_html(_lines_001(), merge_down={(below, 1)}), "report.html")


def _scan_among_text(tmp_path: Path) -> Path:
    from test_bad_input import _pdf_of_pages

    return _pdf_of_pages(tmp_path / "report.pdf", ["一、总体情况\n二、主动公开政府信息情况", "scan"])


def _embedded_rtf(tmp_path: Path) -> Path:
    # a DOCX whose requests table is an embedded RTF document (w:altChunk), which is not read
    from test_formats import _requests_in_alt_chunk

    return _requests_in_alt_chunk(toolkit.parse_report(RAW / f"{SEED_001}.txt"), "application/rtf",
                                  b"{\\rtf1 ...}", tmp_path)[1]


_CASES: dict[str, Case] = {
    # tables
    "ragged": Case(_seed("000_438c5e5d2b6f4db4"), "active", "fees: 0 of 2 cells placed"),
    "ambiguous_digits": Case(_seed("pingtan-2020-05"), "active", "licensing: 2 readings of the digits remain"),
    "glued_digits": Case(_seed("pingtan-2023-01"), "requests", "new: 5 readings of the digits"),
    "truncated": Case(_pipe_edit(_cut("2.没有现成", "四、政府信息公开行政复议")), "requests",
                      "table ends before unable_needs_creation"),
    "missing_rows": Case(_seed("pingtan-2023-03"), "active", "regulations"),
    "table_missing": Case(_pipe_edit(_cut("行政复议 |", "五、存在")), "review_litigation", "section has no table"),
    "group_subtotal": Case(_pipe_edit(_replace_row("(三)不予公开", "(三)不予公开 | 0 | 11 | 0 | 0 | 0 | 0 | 11 |",
                                                   "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |")), "requests"),
    "unit_unknown": Case(_pipe_edit(_replace_row("信息内容 | 采购项目数量", "信息内容 | 采购项目数量 | 采购总金额 |")),
                         "active", "采购总金额: 630.2 has no unit", "630.2"),
    "unit_assumed": Case(_raw_edit("pingtan-2023-01", "本年收费金额（单位：万元）", "本年收费金额"), "active",
                         "本年收费金额: 5949.088667 read in 万元"),
    "unknown_row": Case(_pipe_edit(_replace_row("规范性文件", "规范性文件 | 1 | 1 | 5 |", "地方性法规汇编 | 1 | 1 | 1 |")),
                        "active", "地方性法规汇编", "地方性法规汇编"),
    "unknown_column": Case(_pipe_edit(_replace_row("信息内容 | 采购项目数量",
                                                   "信息内容 | 采购项目数量 | 采购总金额(万元) | 备注数量 |")),
                           "active"),
    "missing_columns": Case(_pipe_edit(_replace_row("信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
                                                    "信息内容 | 上一年项目数量 | 处理决定数量 |")),
                            "active", "第二十条第(五)项: change"),
    "header_missing": Case(_pipe_edit(_replace_row("信息内容 | 本年新制作数量")), "active", "规章", "规章 |"),
    "duplicate_row": Case(_pipe_edit(_replace_row("行政强制", "行政强制 | 135 | 36 | 21 |", "行政强制 | 135 | 36 | 21 |")),
                          "active", "coercion"),
    "extra_cells": Case(_pipe_edit(_replace_row("行政强制", "行政强制 | 135 | 36 | 21 | 7 |")), "active",
                        "coercion: more values than columns", "行政强制"),
    "unlabelled_values": Case(_pipe_edit(_replace_row("二、上年结转", "0 | 0 | 0 | 0 | 0 | 0 | 0 |")), "requests",
                              "7 values without a row label"),
    "negative_value": Case(_pipe_edit(_cell("二、上年结转", "0", "-1")), "requests", "carried_over.natural_person",
                           "二、上年结转"),
    "signed_value": Case(_pipe_edit(_cell("一、本年新收", "88", "+88")), "requests", "new.natural_person: +88"),
    "not_a_number": Case(_pipe_edit(_cell("行政强制", "36", "约36")), "active", "约36", "行政强制"),
    "value_note": Case(_pipe_edit(_cell("一、本年新收", "88", "88(含上年结转3)")), "requests", "88(含上年结转3)"),
    "mixed_template": Case(_pipe_edit(_mixed_template, "002_809f9474e249d214"), "",
                           "tables follow different formats: active=2019, requests=2021"),
    "identity_failed": Case(_seed(SEED_001), "requests", "balance[natural_person]"),
    "soft_check_failed": Case(_pipe_edit(_replace_row("规范性文件", "规范性文件 | 1 | 9 | 5 |")), "active",
                              "published_le_total[normative_documents]"),
    # the bytes of a text
    "bad_bytes": Case(_utf8_with_a_latin1_byte, "", "could not be decoded"),
    "mixed_encoding": Case(_gbk_with_a_utf8_line, "", "line(s) 6 in UTF-8 in a GBK text"),
    "encoding_uncertain": Case(lambda tmp_path: _written(tmp_path, "暂无".encode("gbk")), "", "or as Big5"),
    # PDF, DOCX, HTML
    "cid_characters": Case(lambda tmp_path: _pdf(tmp_path, unmapped={"302", "142", "65651"}), "",
                           "come out as (cid:NN)"),
    "tables_as_text": Case(lambda tmp_path: _pdf(tmp_path, decorate=_ruled_page), "",
                           "its tables are read as text"),
    "part_unread": Case(_embedded_rtf, "", "embedded document"),
    "merged_down": Case(_merged_zero, "", "merged down over the 1 cell(s)", "4.保护第三方合法权益"),
    "scanned_pages": Case(_scan_among_text, "", "page 2 is an image without text"),
    # sections
    "sections_missing": Case(_pipe_edit(_cut("五、存在", "六、其他")), "", "problems"),
    "sections_not_found": Case(lambda tmp_path: _written(tmp_path, "这是一段没有任何标题的文字。\n第二段。"), ""),
    "unknown_section": Case(_pipe_edit(_unknown_section), "", "五、政府信息公开保障工作: names no known section",
                            "五、政府信息公开保障工作"),
    "second_report": Case(_pipe_edit(lambda lines: lines + list(_pipe("002_809f9474e249d214"))), "",
                          "another report follows"),
    # metadata
    "no_title": Case(_seed("002_809f9474e249d214"), ""),
    "agency_unknown": Case(_pipe_edit(_replace_row("2020年乌当区", "政府信息公开工作年度报告")), ""),
    "level_unknown": Case(_raw_edit("000_438c5e5d2b6f4db4", "驻马店市住房和城乡建设局2020年",
                                    "郑州经济技术开发区管理委员会2020年"), ""),
    "year_unknown": Case(_yearless("report.txt"), ""),
    "year_inferred": Case(_seed("002_809f9474e249d214"), ""),
    "year_from_file_name": Case(_yearless("report2020.txt"), ""),
    "year_conflict": Case(_raw_edit(SEED_001, "2020年1月1日至2020年12月31日", "2019年1月1日至2019年12月31日"), ""),
    "published_garbled": Case(_raw_edit(SEED_001, "发布日期:2021-01-30", "发布日期:2021-02-30"), ""),
    "published_before_period_end": Case(_seed("002_809f9474e249d214"), ""),
}


# --- the tests --------------------------------------------------------------------------------------------------

def test_every_flag_code_has_an_input_that_emits_it():
    # a new code without an emitting input below fails here (and a code dropped from the schema too)
    assert list(_CASES) == list(flag_codes())


@pytest.mark.parametrize("code", list(_CASES))
def test_flag_code_is_emitted(code, tmp_path):
    case = _CASES[code]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the readers warn of what they flag)
        report = toolkit.parse_report(case.build(tmp_path))
    flags = [f for f in report.flags if f.code == code]
    assert flags, f"{code} not emitted; the report's flags: {sorted({f.code for f in report.flags})}"
    if case.table is not None:
        assert case.table in {f.table for f in flags}
    if case.detail is not None:
        assert any(case.detail in f.detail for f in flags), [f.detail for f in flags]
    if case.line is not None:
        assert any(f.line is not None and case.line in report.lines[f.line - 1] for f in flags), [
            (f.line, f.line and report.lines[f.line - 1]) for f in flags]
