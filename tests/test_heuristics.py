"""Inputs the extraction's heuristics must leave alone.

Each heuristic of layout, tables, sections, statements and metadata was added for one kind of real
page (a PDF's page numbers, a wrapped line, a filler cell …). These are realistic inputs that a first
version of them read worse than before; each test fails on that version.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import toolkit
from toolkit import synth
from toolkit.readers import read_document
from toolkit.statements import extract_statements

from renderers import render_html

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _synthetic(seed: int = 3) -> list:
    """A clean 2019-format report as reader lines (text lines and rows of cells)."""
    rng = np.random.default_rng(seed)
    truth = synth.make_truth(rng, "2019", report_id="s")
    return synth.render_lines(truth, rng, template="2019", agency="某市某局", year=2020, traditional=False,
                              label_variants=False, number_styles=False)


def test_legacy_table_whose_value_header_spans_a_spacer_column(tmp_path: Path) -> None:
    # 统计数 spans two columns, so every row ends in an empty cell: the label and its unit cell must not be
    # taken for a label split in two (which read 480 as the unit and lost all 36 values, status ok).
    lines = []
    for line in (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8").splitlines():
        if "|" in line and not line.startswith(("索引号", "发布机构", "文号")):
            cells = [c.strip() for c in line.rstrip(" |").split("|")]
            lines.append(cells if cells[0].replace(" ", "") == "统计指标" else cells + [""] * (4 - len(cells)))
        else:
            lines.append(line)
    (tmp_path / "spacer.html").write_bytes(render_html(lines, colspan_header=True))
    got = toolkit.parse_report(tmp_path / "spacer.html").tables
    want = toolkit.parse_report(RAW / "003_ce1f8ef96d3daffd.txt").tables
    keys = ["table", "row_key", "col_key", "value", "raw", "unit"]
    pd.testing.assert_frame_equal(got[keys], want[keys])


def test_statements_that_name_the_annual_report_are_kept() -> None:
    # A line naming 政府信息公开工作年度报告 is a running page title only when it is a report's title alone.
    web = ("(一)存在的问题\n一是政府信息公开工作年度报告编制质量有待提高;\n二是政策解读形式较为单一。\n"
           "(二)改进措施\n一是严格按照格式要求编制政务公开年报;\n二是丰富政策解读形式。")
    assert extract_statements(web)["text"].tolist() == [
        "政府信息公开工作年度报告编制质量有待提高", "政策解读形式较为单一", "严格按照格式要求编制政务公开年报", "丰富政策解读形式"]
    wrapped = ("一是部分单位对政务公开重视不够,政府信息公开年度报告\n的编制和发布不够及时,内容不够详实。\n"
               "2020年某某区人民政府信息公开工作年度报告\n二是政策解读形式较为单一。")
    assert extract_statements(wrapped)["text"].tolist() == [
        "部分单位对政务公开重视不够,政府信息公开年度报告的编制和发布不够及时,内容不够详实", "政策解读形式较为单一"]


def test_a_line_without_a_full_stop_is_not_joined_to_the_switch_to_measures() -> None:
    text = ("我局政府信息公开工作虽取得一定成效,但仍存在公开内容不够全面、解读形式较为单一等问题\n"
            "下一步,我局将进一步拓宽公开渠道,丰富政策解读形式,提升政务公开质量。")
    assert extract_statements(text)["kind"].tolist() == ["problem", "measure"]


def test_a_page_glued_into_one_line_keeps_its_signature_date_whatever_its_words() -> None:
    # 承办 in the body of a one-line page: a site-footer word, but the line is the whole report.
    text = (RAW / "pingtan-2023-03.txt").read_text(encoding="utf-8")
    original = toolkit.parse_text(text).metadata["published"]
    assert original is not None and "承办" not in text
    changed = text.replace("不收取费用。", "不收取费用,依申请公开由承办科室按时答复。", 1)
    assert changed != text
    assert toolkit.parse_text(changed).metadata["published"] == original


def test_the_legacy_header_words_in_a_sentence_are_no_table() -> None:
    lines = _synthetic()
    i = next(k for k, line in enumerate(lines) if isinstance(line, str) and line.startswith("（五）"))
    lines.insert(i + 2, "严格按照年度报告格式的统计指标口径核对数据,确保数据准确。")
    report = toolkit.parse_text(synth.render_text(lines, "pipe_rows"))
    assert not [f for f in report.flags if f.table == "legacy"]


def test_an_article_20_block_with_a_misnumbered_or_missing_label_line() -> None:
    lines = _synthetic()
    original = toolkit.parse_text(synth.render_text(lines, "pipe_rows")).table("active")
    i = lines.index(["第二十条第（六）项"])
    for variant in (lines[:i] + [["第二十条第（五）项"]] + lines[i + 1:], lines[:i] + lines[i + 1:]):
        got = toolkit.parse_text(synth.render_text(variant, "pipe_rows"))
        assert got.table("active").equals(original)
        assert not [f for f in got.flags if f.table == "active"]


def test_a_blank_total_in_a_group_row_with_its_filler_002() -> None:
    # Seed 002's group rows end in a filler '|'; a row that also leaves 总计 blank ('|') keeps its six zeros.
    lines = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8").split("\n")
    assert lines[111] == "0 |" and lines[112] == "|"
    lines[111] = "|"
    row = toolkit.parse_text("\n".join(lines)).table("requests").loc["denied_state_secret"]
    assert pd.isna(row["total"]) and (row.drop("total") == 0).all()


def test_docx_text_box_inside_a_table_cell_is_the_cells_text(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    box = "<w:txbxContent><w:p><w:r><w:t>本年处理决定253件</w:t></w:r></w:p></w:txbxContent>"
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "行政许可"
    table.cell(0, 1).paragraphs[0]._p.append(parse_xml(
        f"<w:r {ns}><mc:AlternateContent><mc:Choice Requires='wps'><wps:txbx>{box}</wps:txbx></mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r>"))
    document.save(tmp_path / "cell.docx")
    assert read_document(tmp_path / "cell.docx").lines == ["一、总体情况", ["行政许可", "本年处理决定253件"]]
