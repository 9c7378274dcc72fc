"""Word 97–2003 binary documents (.doc, .wps): toolkit.msdoc and their reading by toolkit.readers.

A .doc reads as the DOCX it was saved from: the fixtures in tests/data/doc are the seeds (and a document of
Word's special characters) written as DOCX here and saved as .doc by LibreOffice (see its README); the variants
of the format (several pieces, 8-bit text, properties in the Data stream, nested tables, damaged files) are
written by tests/renderers.doc_bytes.
"""
from __future__ import annotations

import re
import struct
import sys
import warnings
from pathlib import Path

import pytest

import toolkit
from toolkit.errors import CorruptFileError, ReaderWarning, UnsupportedFormatError
from toolkit.msdoc import Cell, _pieces, _streams, read_doc
from toolkit.readers import read_document

from conftest import RAW
from renderers import _sprm, doc_bytes, doc_paragraphs, render_doc, render_docx

FIXTURES = Path(__file__).parent / "data" / "doc"
STEMS = sorted(p.stem for p in RAW.glob("*.txt"))
# the fixtures saved from a seed's DOCX render: name -> (seed, render_docx options)
SEED_FIXTURES = {"001_4d29bfef72dd56db": ("001_4d29bfef72dd56db", {}),
                 "003_ce1f8ef96d3daffd": ("003_ce1f8ef96d3daffd", {}),
                 "004_b232cca7e491c758-colspan": ("004_b232cca7e491c758", {"colspan_header": True}),
                 "pingtan-2023-03-layout": ("pingtan-2023-03", {"layout_table": True})}


def _lines_of(stem: str) -> list:
    from test_formats import _as_lines
    from conftest import _parsed

    return _as_lines(_parsed(stem))


def _features_docx(path) -> None:
    """A DOCX of what Word writes as special characters in a .doc: fields (a hyperlink, a page number), a
    non-breaking and an optional hyphen, a line break, a tab, a vertically merged cell and empty cells."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run(p, tag: str | None = None, text: str | None = None, **attrs) -> None:
        r = OxmlElement("w:r")
        if tag is not None:
            el = OxmlElement(tag)
            for name, value in attrs.items():
                el.set(qn(name), value)
            if text is not None:
                el.text = text
                el.set(qn("xml:space"), "preserve")
            r.append(el)
        p._p.append(r)

    def field(p, code: str, result: str) -> None:
        run(p, "w:fldChar", **{"w:fldCharType": "begin"})
        run(p, "w:instrText", code)
        run(p, "w:fldChar", **{"w:fldCharType": "separate"})
        run(p, "w:t", result)
        run(p, "w:fldChar", **{"w:fldCharType": "end"})

    d = docx.Document()
    d.add_paragraph("2020年某某区人民政府信息公开工作年度报告")
    p = d.add_paragraph("见网站")
    field(p, ' HYPERLINK "http://www.example.gov.cn/" ', "www.example.gov.cn")
    p.add_run("。")
    p = d.add_paragraph("第")
    field(p, " PAGE ", "1")
    p.add_run("页")
    p = d.add_paragraph("联系电话:0851")
    run(p, "w:noBreakHyphen")
    p.add_run("8888")
    run(p, "w:softHyphen")
    p.add_run("8888")
    p.add_run("第一行").add_break()
    p.add_run("第二行\t制表")
    table = d.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for i, row in enumerate([["三、本年度办理结果", "(一)予以公开", "74"], ["", "(二)部分公开", ""],
                             ["", "(三)不予公开", "0"], ["合计", "", "74"]]):
        for j, value in enumerate(row):
            if value:
                table.cell(i, j).text = value
    table.cell(0, 0).merge(table.cell(2, 0))
    d.add_paragraph("暂无")
    d.save(str(path))


def _revisions_docx(path) -> None:
    """A DOCX of text Word does not show: a tracked deletion in a count ('12' deleted before '15'), hidden text,
    and a paragraph whose mark is a tracked deletion (Word shows it joined to the next)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def deletion(tag: str, number: int):
        el = OxmlElement(tag)
        for name, value in (("w:id", str(number)), ("w:author", "a"), ("w:date", "2021-01-01T00:00:00Z")):
            el.set(qn(name), value)
        return el

    d = docx.Document()
    d.add_paragraph("2020年某某区人民政府信息公开工作年度报告")
    p = d.add_paragraph("共收到申请")
    deleted, r, t = deletion("w:del", 1), OxmlElement("w:r"), OxmlElement("w:delText")
    t.text = "12"
    r.append(t)
    deleted.append(r)
    p._p.append(deleted)
    p.add_run("15件。")
    p = d.add_paragraph("公开")
    p.add_run("隐藏文字").font.hidden = True
    p.add_run("完毕")
    p = d.add_paragraph("第一段")
    props = OxmlElement("w:rPr")
    props.append(deletion("w:del", 2))
    p._p.get_or_add_pPr().append(props)
    d.add_paragraph("接着的第二段")
    d.save(str(path))


def _header_docx(path, first_page: bool, boxed: bool = False) -> None:
    """Seed 001 from its preamble on, its title held only in the page header (of the first page, with
    ``first_page``; in a text box drawn there, with ``boxed``), as tests/test_readers.py writes it."""
    import docx
    from lxml import etree
    from test_readers import _W, seed_lines

    lines = seed_lines("001")
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = first_page
    header = (section.first_page_header if first_page else section.header).paragraphs[0]
    if boxed:
        header._p.append(etree.fromstring(
            f'<w:r xmlns:w="{_W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="title" '
            'type="#_x0000_t202" style="position:absolute;width:300pt;height:40pt"><v:textbox><w:txbxContent>'
            f"<w:p><w:r><w:t>{lines[0]}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))
    else:
        header.text = lines[0]
    for line in lines[2:40]:
        document.add_paragraph(line)
    document.save(str(path))


_HEADING = re.compile(r"(</w:p>|</w:tbl>|<w:body>)<w:p><w:r><w:t>[一二三四五六七八九十]{1,2}、")  # not in a cell


def _numbered_docx(path) -> None:
    """Seed 001 whose section headings (一、 … 六、) are numbered by a Word list, not typed."""
    from test_formats import _seed_docx_edited
    from test_readers import _lvl, _with_numbering
    from conftest import _parsed

    def edit(xml: str) -> str:
        numbered = _HEADING.sub(r'\1<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                                "</w:pPr><w:r><w:t>", xml)
        assert numbered.count("<w:numPr>") == 6
        return numbered

    written = _seed_docx_edited(_parsed("001_4d29bfef72dd56db"), edit, Path(path).parent)
    _with_numbering(written, {"0": [_lvl(0, "chineseCounting", "%1、")]}, {"1": ("0", "")})
    written.replace(path)


def write_sources(folder) -> None:
    """Write the DOCX each fixture was saved from into ``folder`` (see tests/data/doc/README.md)."""
    folder = Path(folder)
    for name, (stem, options) in SEED_FIXTURES.items():
        render_docx(_lines_of(stem), folder / f"{name}.docx", **options)
    _features_docx(folder / "features.docx")
    _revisions_docx(folder / "revisions.docx")
    _header_docx(folder / "header.docx", False)
    _header_docx(folder / "header-first.docx", True)
    _header_docx(folder / "header-box.docx", False, boxed=True)
    _numbered_docx(folder / "numbered.docx")


# --- the fixtures: saved as .doc by LibreOffice, read as their DOCX ------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_FIXTURES))
def test_a_seed_saved_as_doc_reads_as_its_docx(name, tmp_path):
    # Before, a .doc was refused ('unsupported file format .doc; save the report as .docx').
    from test_differential import _reading

    stem, options = SEED_FIXTURES[name]
    render_docx(_lines_of(stem), tmp_path / "seed.docx", **options)
    doc = toolkit.parse_report(FIXTURES / f"{name}.doc", report_id=stem)
    docx = toolkit.parse_report(tmp_path / "seed.docx", report_id=stem)
    assert doc.source_format == "doc"
    assert read_document(FIXTURES / f"{name}.doc").lines == read_document(tmp_path / "seed.docx").lines
    assert _reading(doc) == _reading(docx)
    assert len(doc.tables) and doc.tables.equals(docx.tables)


def test_a_seed_s_totals_merged_across_grid_columns_are_its_totals():
    # Seed 004 saved as a .doc with its header's cells merged across columns (colspan_header): its totals ('20' for
    # new requests, '6' granted) stand each in a cell over three grid columns at the row's end. A rule spreading a
    # row's last count over the columns most other rows split (beee6e58, taken back) read them as merged counts, NA
    # and flagged merged_down, and the doc-vs-DOCX test above passed, both read alike. They are the seed's totals.
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        doc = toolkit.parse_report(FIXTURES / "004_b232cca7e491c758-colspan.doc")
    text = toolkit.parse_report(RAW / "004_b232cca7e491c758.txt")

    def totals(report) -> dict:
        rows = report.tables.query("table == 'requests' and col_key == 'total'")
        return dict(zip(rows["row_key"], rows["value"]))

    assert totals(doc)["new"] == 20 and totals(doc)["granted"] == 6
    assert totals(doc) == pytest.approx(totals(text), nan_ok=True)
    assert "merged_down" not in {flag.code for flag in doc.flags}


def test_word_special_characters_read_as_the_docx_shows_them(tmp_path):
    # fields show their result (not 'HYPERLINK …'), a non-breaking hyphen is '-', an optional one nothing, a line
    # break ends a line; the cells a vertical merge covers are left out, as in the DOCX, and an empty cell before
    # a row's end (three cell marks in a row) is a cell, not a row end
    _features_docx(tmp_path / "features.docx")
    got = read_document(FIXTURES / "features.doc").lines
    assert got == read_document(tmp_path / "features.docx").lines
    assert "见网站www.example.gov.cn。" in got and "第1页" in got and "联系电话:0851-88888888第一行" in got
    assert ["(二)部分公开", ""] in got and not any("HYPERLINK" in str(line) for line in got)


def test_text_word_does_not_show_is_not_read(tmp_path):
    # a tracked deletion and hidden text (sprmCFRMarkDel, sprmCFVanish of the character properties) were read:
    # '共收到申请1215件。' for 15, '公开隐藏文字完毕'; a paragraph whose mark is deleted is joined to the next
    _revisions_docx(tmp_path / "revisions.docx")
    got = read_document(FIXTURES / "revisions.doc").lines
    assert got == read_document(tmp_path / "revisions.docx").lines
    assert "共收到申请15件。" in got and "公开完毕" in got and "第一段接着的第二段" in got


@pytest.mark.parametrize("sprm", [0x0800, 0x083C], ids=["deleted", "hidden"])
def test_a_paragraph_whose_mark_word_does_not_show_joins_the_next(sprm):
    # a paragraph mark set hidden (sprmCFVanish on the mark, a heading set to run in with its text as a style
    # separator does, or a note hidden whole) is not shown, so Word shows the paragraph on one line with the next,
    # as the DOCX reader reads it; a deleted mark was so joined but a hidden one ended a line of its own
    # ('一、总体情况' then '本年度工作正常开展。'), and a numbered paragraph hidden whole still took its number
    paragraphs = [("一、总体情况\r", {}), ("本年度工作正常开展。\r", {}), ("填写说明\r", {"list": (1, 0)}),
                  ("二、主动公开政府信息情况\r", {})]
    found = read_doc(doc_bytes(paragraphs, raised=[(6, 7), (18, 23)], chpx=_sprm(sprm, b"\x01"))).blocks
    assert found[:2] == ["一、总体情况本年度工作正常开展。", "二、主动公开政府信息情况"]
    assert all(getattr(p, "number", None) is None for p in found)


@pytest.mark.parametrize("sprm", [0x0800, 0x083C], ids=["deleted", "hidden"])
def test_a_paragraph_whose_mark_word_does_not_show_stays_out_of_the_table_after_it(sprm):
    # such a paragraph before a table cannot run in with the table's first cell: Word shows it on its own line, as
    # the DOCX reader reads it; it was read into the cell ('说明文字规章' for the row label '规章'). After the table,
    # one that shows nothing is left out as before.
    paragraphs = [("说明文字\r", {}), ("规章\x07", {"depth": 1}), ("5\x07", {"depth": 1}),
                  ("\x07", {"depth": 1, "row_end": True}), ("\r", {}), ("完\r", {})]
    found = read_doc(doc_bytes(paragraphs, raised=[(4, 5), (11, 12)], chpx=_sprm(sprm, b"\x01"))).blocks
    assert found[0] == "说明文字" and [c.blocks for c in found[1][0]] == [["规章"], ["5"]] and found[2:4] == ["完", ""]


# text set raised (sprmCIss) was read as the text around it: a paragraph holding it now says where it stands (its
# text as before), and the reader writes it as a DOCX's raised run
def test_raised_text_is_named_where_it_stands():
    from lxml import etree

    from toolkit.word import _w, _word_blocks

    paragraphs = [("共收到申请610件1。\r", {}), ("1-3\r", {}), ("无上标\r", {})]
    found = read_doc(doc_bytes(paragraphs, raised=[(9, 10), (12, 15)])).blocks[:3]
    assert found == ["共收到申请610件1。", "1-3", "无上标"]
    assert [getattr(p, "raised", ()) for p in found] == [((9, 10),), ((0, 3),), ()]
    assert all(getattr(p, "number", None) is None for p in found)
    body = etree.Element(_w("body"))
    _word_blocks(body, found)
    runs = [[(r.findtext(_w("t")), r.find(f"{_w('rPr')}/{_w('vertAlign')}") is not None) for r in p] for p in body]
    assert runs == [[("共收到申请610件", False), ("1", True), ("。", False)], [("1-3", True)], [("无上标", False)]]


def test_raised_text_ending_a_paragraph_joined_to_the_next_stops_there():
    # a raised run reaching a paragraph's deleted mark was left open: the next paragraph, joined to it as Word shows
    # it, was read raised all along ('件1' + '。下一段': raised '1。下一段' for '1')
    from toolkit.msdoc import _DELETED, _RAISED, _shown, _with_raised

    text = "共收到申请610件1\r。下一段"
    unshown = bytearray(len(text))
    unshown[9], unshown[10] = _RAISED, _DELETED
    joined = _with_raised(_shown(text, unshown, 0, 10) + _shown(text, unshown, 11, len(text)))
    assert joined == "共收到申请610件1。下一段" and joined.raised == ((9, 10),)


# text raised or hidden by its character style (sprmCIstd naming a style whose character properties, or those of a
# style it is based on, set sprmCIss 1 or sprmCFVanish 1: Word's 'Footnote Reference'), not by the run's own sprms,
# was read as plain text ('件' then a styled '1' read '件1' with no raised span; a hidden '1' read); the style sheet
# (STSH) now says, the nearest style first, the run's own setting deciding over its style's
_ISS, _VANISH = 0x2A48, 0x083C
_STYLE = _sprm(0x4A30, b"\x0b\x00")  # sprmCIstd 11


@pytest.mark.parametrize("styles, chpx, shown, raised", [
    ({11: (None, _sprm(_ISS, b"\x01"))}, _STYLE, "件1。", True),  # the style raises
    ({11: (None, _sprm(_ISS, b"\x01")), 12: (11, b"")}, _sprm(0x4A30, b"\x0c\x00"), "件1。", True),  # its base
    ({11: (None, _sprm(_ISS, b"\x01")), 12: (11, _sprm(_ISS, b"\x00"))}, _sprm(0x4A30, b"\x0c\x00"), "件1。",
     False),  # its base raises, it lowers again
    ({11: (None, _sprm(_ISS, b"\x01"))}, _STYLE + _sprm(_ISS, b"\x00"), "件1。", False),  # the run lowers itself
    ({11: (None, _sprm(0x0835, b"\x01"))}, _STYLE, "件1。", False),  # the style sets bold only
    ({11: (12, b""), 12: (11, b"")}, _STYLE, "件1。", False),  # a loop of bases (a damaged sheet)
    ({12: (None, _sprm(_ISS, b"\x01"))}, _STYLE, "件1。", False),  # no such style
    ({11: (None, _sprm(_VANISH, b"\x01"))}, _STYLE, "件。", False),  # the style hides
    ({11: (None, _sprm(_VANISH, b"\x01"))}, _STYLE + _sprm(_VANISH, b"\x81"), "件1。", False),  # the run shows it
    ({11: (None, b"")}, _STYLE + _sprm(_VANISH, b"\x81"), "件。", False),  # the run hides it
], ids=["raises", "base raises", "lowered by style", "lowered by run", "bold", "loop", "no style", "hides",
        "run shows", "run hides"])
def test_text_raised_or_hidden_by_its_character_style(styles, chpx, shown, raised):
    paragraphs = [("共收到申请610件1。\r", {}), ("无上标\r", {})]
    found = read_doc(doc_bytes(paragraphs, raised=[(9, 10)], chpx=chpx, styles=styles)).blocks[:2]
    assert found == [f"共收到申请610{shown}", "无上标"]
    assert [getattr(p, "raised", ()) for p in found] == [((9, 10),) if raised else (), ()]


def test_a_style_sheet_cut_short_sets_nothing():
    from renderers import _style_sheet

    from toolkit.msdoc import _style_sheet as read_sheet

    whole = _style_sheet({11: (None, _sprm(_ISS, b"\x01"))})
    assert read_sheet(whole, 0, len(whole)) == {11: (0x0FFF, {_ISS: b"\x01"})}
    for cut in range(len(whole)):  # cut anywhere: the style cut is not read, nothing raised by guess
        assert read_sheet(whole[:cut], 0, len(whole)) == {}


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.doc")))
def test_the_style_sheet_of_a_word_97_file_is_read(name):
    # the fixtures LibreOffice wrote (tests/data/doc): every style's base is a style of the sheet or none, and its
    # character styles are those LibreOffice writes (Default Paragraph Font, on which the others are based)
    from toolkit.msdoc import _FC_STSHF, _fib, _style_sheet

    word, table, _ = _streams((FIXTURES / name).read_bytes(), name)
    styles = _style_sheet(table, *_fib(word, name)[1](_FC_STSHF))
    assert len(styles) > 20 and all(base == 0x0FFF or base in styles for base, _ in styles.values())
    # (nothing raised or hidden by a style there; the list styles of python-docx's template number their lists, and
    # its header and footer styles set tab stops, with no leader)
    assert all(set(sprms) <= {0x460B, 0x260A, 0xC60D} for _, sprms in styles.values())


@pytest.mark.parametrize("name, first_page, boxed", [("header", False, False), ("header-first", True, False),
                                                     ("header-box", False, True)])
def test_a_title_held_only_in_the_page_header_is_read(name, first_page, boxed, tmp_path):
    # the header stories (PlcfHdd) of the first section: before, the title was lost, and with it the agency and
    # the year ('乌当区人民政府', 2020 read None, None).  So too a title in a text box drawn in the header (the header
    # text-box story, ccpHdrTxbx, its boxes in PlcfHdrtxbxTxt anchored by PlcSpaHdr), read by the DOCX reader
    _header_docx(tmp_path / "header.docx", first_page, boxed)
    got = read_document(FIXTURES / f"{name}.doc").lines
    assert got == read_document(tmp_path / "header.docx").lines and got[0] == "2020年乌当区人民政府信息公开工作年度报告"
    meta = toolkit.parse_report(FIXTURES / f"{name}.doc").metadata
    assert (meta["agency"], meta["report_year"]) == ("乌当区人民政府", 2020)


def test_list_numbers_are_read_as_in_a_docx(tmp_path):
    # headings numbered by a Word list (一、 … 六、, not in the text: sprmPIlfo, sprmPIlvl, PlfLst, PlfLfo) lost
    # their numbers, and the report its sections
    from test_differential import _reading

    _numbered_docx(tmp_path / "numbered.docx")
    got = read_document(FIXTURES / "numbered.doc").lines
    assert got == read_document(tmp_path / "numbered.docx").lines and "一、总体情况" in got
    doc = toolkit.parse_report(FIXTURES / "numbered.doc", report_id="001")
    assert _reading(doc) == _reading(toolkit.parse_report(tmp_path / "numbered.docx", report_id="001"))
    assert _reading(doc)["sections"] == _reading(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt"))["sections"]


def test_damaged_lists_give_no_numbers():
    from toolkit.msdoc import _lists

    assert _lists(b"\x05\x00" + b"\xff" * 40, (0, 30), (0, 0)) == {} and _lists(b"", (0, 0), (0, 0)) == {}


# --- the format's variants, written by tests/renderers.doc_bytes ---------------------------------------------

DOC_FORMS = {"one_piece": {}, "fast_saved": {"pieces": 7, "reverse": True}, "eight_bit": {"eight_bit": True},
             "huge_papx": {"huge": True}}


# every seed in one piece, two in the format's variants
DOC_CASES = [(stem, "one_piece") for stem in STEMS] + [
    (stem, form) for form in sorted(DOC_FORMS) if form != "one_piece" for stem in ("001_4d29bfef72dd56db",
                                                                                  "pingtan-2020-05")]


@pytest.mark.parametrize("stem, form", DOC_CASES)
def test_a_seed_written_as_doc_reads_as_its_docx(stem, form, tmp_path):
    from test_differential import _reading

    lines = _lines_of(stem)
    render_docx(lines, tmp_path / "seed.docx")
    render_doc(lines, tmp_path / "seed.doc", **DOC_FORMS[form])
    if form == "eight_bit":  # (a piece of 8-bit text, a number or a blank cell: cp1252 holds no Chinese)
        word, table, _ = _streams((tmp_path / "seed.doc").read_bytes(), None)
        assert any(compressed for *_, compressed in _pieces(table[:table.index(b"\x02") + 5 + int.from_bytes(
            table[1:5], "little")], len(word), None))
    assert read_document(tmp_path / "seed.doc").lines == read_document(tmp_path / "seed.docx").lines
    assert _reading(toolkit.parse_report(tmp_path / "seed.doc", report_id=stem)) == _reading(
        toolkit.parse_report(tmp_path / "seed.docx", report_id=stem))


def _read(paragraphs: list, tmp_path, name: str = "a.doc", **options):
    path = tmp_path / name
    path.write_bytes(doc_bytes(paragraphs, **options))
    return read_document(path)


CHARACTERS = [
    ("见\x13 HYPERLINK \"http://a.gov.cn\" \x01\x14网站\x15。\r", "见网站。"),  # a field: its result
    ("共\x13 = \x13 REF a \x14 3\x15 + 1 \x14 4\x15件\r", "共 4件"),  # nested in the code: its result only
    ("第\x13 PAGE \x15页\r", "第页"),  # a field without result shows nothing
    ("0851\x1e8888\x1f8888\r", "0851-88888888"),  # non-breaking hyphen, optional hyphen
    ("注\x02:见附件\x01\x08\r", "注:见附件"),  # a footnote mark, a picture, a drawn object
    ("第一行\x0b第二行\x0c第三行\r", ["第一行", "第二行", "第三行"]),  # a line break, a page break
    # a column break (a DOCX's w:br w:type="column"): it was dropped, the text after it glued to the text before
    ("（一）主动公开情况。\x0e二、依申请公开情况\r", ["（一）主动公开情况。", "二、依申请公开情况"]),
    ("\x13 TOC \x14一、总体情况\r二、主动公开\x15\r", ["一、总体情况", "二、主动公开"]),  # a result over paragraphs
]


@pytest.mark.parametrize("text, shown", CHARACTERS)
def test_word_special_characters_show_what_word_shows(text, shown, tmp_path):
    got = _read([("标题\r", {}), (text, {})] if "\r" not in text[:-1] else
                [("标题\r", {})] + [(part + "\r", {}) for part in text[:-1].split("\r")], tmp_path).lines
    assert got == ["标题", *([shown] if isinstance(shown, str) else shown)]


@pytest.mark.parametrize("by", ["paragraph", "style", "base", "beside"])
def test_a_table_of_contents_reads_as_in_a_docx(by, tmp_path):
    # Word's table of contents draws the dots before each page number as a right tab stop's leader (sprmPChgTabsPapx
    # in the paragraph's properties): its entries read '一、总体情况\t1', no contents' entries, whose titles were
    # taken for the sections' (seed 001 with one: active, requests and review_litigation lost, as in a DOCX before).
    # The stop may be set by the entries' paragraph style ('toc 1', or the style it is based on), as the DOCX reader
    # reads it (_style_tab_stops): a .doc's entries so set read '一、总体情况\t1' still; a stop a paragraph adds at
    # another place, left of the style's, is merged with it as Word merges them.
    from renderers import _grpprl
    from test_differential import _reading

    stem = "001_4d29bfef72dd56db"
    lines = _lines_of(stem)
    titles = [s.title for s in toolkit.parse_report(RAW / f"{stem}.txt").sections]
    entry = {"paragraph": {"tabs": [(8296, 1)]}, "beside": {"style": 14, "tabs": [(420, 0)]}}.get(by, {"style": 14})
    contents = [("目录\r", {})] + [(f"{t}\t{k + 1}\r", entry) for k, t in enumerate(titles)]
    contents[1] = ("\x13 TOC \\o \x14" + contents[1][0], contents[1][1])
    contents[-1] = (contents[-1][0][:-1] + "\x15\r", contents[-1][1])
    paragraphs = doc_paragraphs(lines)
    path = tmp_path / "contents.doc"
    leader = _grpprl({"tabs": [(8296, 1)]})
    styles = ({13: (None, b"", "paragraph", leader), 14: (13, b"", "paragraph")} if by == "base" else
              {14: (None, b"", "paragraph", leader)})
    path.write_bytes(doc_bytes(paragraphs[:1] + contents + paragraphs[1:], styles=styles))
    got = read_document(path).lines
    assert got[1:3] == ["目录", titles[0] + "......1"]
    render_docx(lines, tmp_path / "seed.docx")
    assert _reading(toolkit.parse_report(path, report_id=stem)) == _reading(
        toolkit.parse_report(tmp_path / "seed.docx", report_id=stem))


def test_empty_cells_are_no_row_ends(tmp_path):
    # a row's end is told by its paragraph properties (sprmPFTtp): two cell marks in a row are an empty cell too
    lines = ["标题", ["信息内容", "", ""], ["", "", "5"], ["", "", ""], ["规章", "0", ""]]
    assert _read(doc_paragraphs(lines), tmp_path).lines == lines


def test_a_nested_table_reads_as_in_a_docx(tmp_path):
    # a table in a cell (depth 2: its cells end with paragraph marks marked sprmPFInnerTableCell, its rows with
    # sprmPFInnerTtp) reads as the DOCX of the same tables: the cell holding it is read like the page
    import docx

    inner = {"depth": 2, "cell_end": True}
    paragraphs = [("标题\r", {}), ("外表\x07", {"depth": 1}), ("说明\r", {"depth": 1}),
                  ("规章\r", inner), ("0\r", inner), ("\r", {"depth": 2, "row_end": True}),
                  ("\x07", {"depth": 1}), ("\x07", {"depth": 1, "row_end": True}), ("完\r", {})]
    document = docx.Document()
    document.add_paragraph("标题")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外表"
    outer.cell(0, 1).text = "说明"
    nested = outer.cell(0, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "规章", "0"
    outer.cell(0, 1).add_paragraph("")
    document.add_paragraph("完")
    document.save(str(tmp_path / "nested.docx"))
    got = _read(paragraphs, tmp_path).lines
    assert got == read_document(tmp_path / "nested.docx").lines and ["规章", "0"] in got
    blocks = read_doc(doc_bytes(paragraphs)).blocks
    assert blocks[1][0][1].blocks == ["说明", [[Cell(["规章"]), Cell(["0"])]], ""]


def test_a_page_number_fields_result_is_no_digit_of_a_cells_value(tmp_path):
    # a page-number field (PAGE, NUMPAGES) after a cell's value: its result was read into the value, '5' and page 3
    # read 53, as in a DOCX (see test_readers); a paragraph that is a page number alone keeps it (furniture, dropped
    # later), and a page reference (PAGEREF, a contents' entry) is kept
    cell = {"depth": 1}
    paragraphs = [("标题\r", {}), ("规章\x07", cell), ("5\x13 PAGE \x143\x15\x07", cell),
                  ("7\x13 numpages \\* Arabic \x1412\x15\x07", cell), ("\x07", {"depth": 1, "row_end": True}),
                  ("- \x13 PAGE \x143\x15 -\r", {}), ("见第\x13 PAGEREF _Toc1 \\h \x144\x15页\r", {})]
    assert _read(paragraphs, tmp_path).lines == ["标题", ["规章", "5", "7"], "- 3 -", "见第4页"]


def test_merged_cells_are_left_out_as_in_a_docx(tmp_path):
    row = [("合计\x07", {"depth": 1}), ("2\x07", {"depth": 1}), ("\x07", {"depth": 1, "row_end": True})]
    covered = [("\x07", {"depth": 1}), ("3\x07", {"depth": 1}), ("\x07", {"depth": 1, "row_end": True,
                                                                         "merged": [0]})]
    assert _read([("标题\r", {}), *row, *covered, ("完\r", {})], tmp_path).lines == ["标题", ["合计", "2"], ["3"], "完"]


# newer Word writes cells merged across as one wider cell, no merge flag: its width is in the row's cell boundaries
# (sprmTDefTable's rgdxaCenter).  A blank one spanning two of the table's grid columns was one blank, every count after
# it a column left; it is as many blanks, as a DOCX's w:gridSpan, but at the row's end; a cell with text is one cell.
def test_a_blank_cell_wider_across_grid_columns_is_as_many_blank_cells(tmp_path):
    def row(cells: list, widths: list) -> list:
        return [(c + "\x07", {"depth": 1}) for c in cells] + [("\x07", {"depth": 1, "row_end": True, "widths": widths})]

    paragraphs = [("标题\r", {}), *row(["项目", "甲", "乙", "丙", "丁"], [1, 1, 1, 1, 1]),
                  *row(["合计", "", "3", "4"], [1, 2, 1, 1]), *row(["小计", "7", "8", ""], [1, 1, 1, 2]),
                  *row(["说明", "9"], [1, 4]), ("完\r", {})]
    blocks = read_doc(doc_bytes(paragraphs)).blocks
    assert [[cell.span for cell in cells] for cells in blocks[1]] == [[1] * 5, [1, 2, 1, 1], [1, 1, 1, 2], [1, 4]]
    assert _read(paragraphs, tmp_path).lines == ["标题", ["项目", "甲", "乙", "丙", "丁"], ["合计", "", "", "3", "4"],
                                                 ["小计", "7", "8", ""], ["说明", "9"], "完"]


# the Article 20 table as the official page lays it out (seed 001's, its middle value column wider in every row) saved
# as .doc: its grid is made of the rows' cell boundaries, so a column as wide in every row is one grid column and a
# blank in it one blank, the count after it in its own column, as a page and a DOCX now read it (where it spans two
# grid columns no other row splits, it was two blanks there).
def test_a_blank_wider_over_a_column_merged_in_every_row_is_one_blank_cell(tmp_path):
    def row(cells: list) -> list:
        return [(c + "\x07", {"depth": 1}) for c in cells] + [("\x07", {"depth": 1, "row_end": True,
                                                                         "widths": [1, 1, 2, 1]})]

    head = ["信息内容", "本年新制作数量", "本年新 公开数量", "对外公开 总数量"]
    paragraphs = [("标题\r", {}), *row(head), *row(["规章", "0", "0", "0"]), *row(["规范性文件", "1", "", "5"]),
                  ("完\r", {})]
    assert [[cell.span for cell in cells] for cells in read_doc(doc_bytes(paragraphs)).blocks[1]] == [[1] * 4] * 3
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        assert _read(paragraphs, tmp_path).lines == ["标题", head, ["规章", "0", "0", "0"], ["规范性文件", "1", "", "5"],
                                                     "完"]


# cell boundaries a few twips apart (rgdxaCenter 2000 in the rows, 2004 in the head's: a writer's rounding) made a grid
# column of their own, four twips wide: each count over it spanned two grid columns, read as a count merged across
# (its row's counts NA, flagged) and a blank as two blanks (the counts after it a column right).  Boundaries closer
# than a point (20 twips, no column's width) are one, as Word lays them out.
def test_cell_boundaries_a_few_twips_apart_are_one_grid_column(tmp_path):
    def row(cells: list, bounds: list) -> list:
        return [(c + "\x07", {"depth": 1}) for c in cells] + [("\x07", {"depth": 1, "row_end": True, "bounds": bounds})]

    paragraphs = [("标题\r", {}), *row(["项目", "甲", "乙", "丙"], [0, 1000, 2004, 3000, 4000]),
                  *row(["合计", "", "2", "3"], [0, 1000, 2000, 3000, 4000]),
                  *row(["小计", "1", "2", "3"], [0, 1000, 2000, 2997, 4000]), ("完\r", {})]
    blocks = read_doc(doc_bytes(paragraphs)).blocks
    assert [[cell.span for cell in cells] for cells in blocks[1]] == [[1] * 4] * 3
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        assert _read(paragraphs, tmp_path).lines == ["标题", ["项目", "甲", "乙", "丙"], ["合计", "", "2", "3"],
                                                     ["小计", "1", "2", "3"], "完"]


# a value merged down over rows in a column after the row's label: the covered cell was left out (the counts after
# it a column to the left, as in a DOCX before); it is a blank cell in its place, flagged merged_down, and Word's mark
# of the merge's first cell (vertMerge 3) covers nothing
@pytest.mark.parametrize("restart", [False, True])
def test_a_value_merged_down_leaves_a_blank_cell_in_its_place(restart, tmp_path):
    top = [("合计\x07", {"depth": 1}), ("2\x07", {"depth": 1}), ("5\x07", {"depth": 1}),
           ("\x07", {"depth": 1, "row_end": True, **({"restart": [1]} if restart else {})})]
    covered = [("小计\x07", {"depth": 1}), ("\x07", {"depth": 1}), ("3\x07", {"depth": 1}),
               ("\x07", {"depth": 1, "row_end": True, "merged": [1]})]
    blocks = read_doc(doc_bytes([("标题\r", {}), *top, *covered, ("完\r", {})])).blocks
    assert [(cell.merged, cell.above) for cell in blocks[1][0] + blocks[1][1]] == [(False, False)] * 4 + [
        (True, True), (False, False)]
    with pytest.warns(ReaderWarning, match=r"'2' in column 2 of the row '合计' is merged down over the 1 cell") as info:
        lines = _read([("标题\r", {}), *top, *covered, ("完\r", {})], tmp_path).lines
    assert lines == ["标题", ["合计", "2", "5"], ["小计", "", "3"], "完"]
    assert [w.message.code for w in info] == ["merged_down"]


# a value merged down in a .doc table whose covered row holds a wider cell before the covered one (newer Word's merge
# across, no flag: '小计' over two grid columns): the merge was matched to the row above by the cells' places, not
# their grid columns, so the wrong cell ('2', its third) was taken as the merge's first and the covered cell read as
# no cell; the merge is matched by grid column: '5' is merged down, its covered cell blank, flagged.
def test_a_value_merged_down_below_a_wider_cell_is_matched_by_grid_column(tmp_path):
    def row(cells: list, widths: list, **merge) -> list:
        return [(c + "\x07", {"depth": 1}) for c in cells] + [("\x07", {"depth": 1, "row_end": True,
                                                                         "widths": widths, **merge})]

    paragraphs = [("标题\r", {}), *row(["项目", "甲", "乙", "丙"], [1, 1, 1, 1]),
                  *row(["合计", "1", "2", "5"], [1, 1, 1, 1], restart=[3]),
                  *row(["小计", "3", ""], [2, 1, 1], merged=[2]), ("完\r", {})]
    blocks = read_doc(doc_bytes(paragraphs)).blocks
    assert [[cell.span for cell in cells] for cells in blocks[1]] == [[1] * 4, [1] * 4, [2, 1, 1]]
    with pytest.warns(ReaderWarning, match=r"'5' in column 4 of the row '合计' is merged down over the 1 cell") as info:
        lines = _read(paragraphs, tmp_path).lines
    assert lines == ["标题", ["项目", "甲", "乙", "丙"], ["合计", "1", "2", "5"], ["小计", "3", ""], "完"]
    assert [w.message.code for w in info] == ["merged_down"]


# a value merged down in a .doc table whose label columns a row splits in two (the requests table's '(三)不予公开' |
# '1.属于国家秘密', the rows above one label over both): the flag named the merge's grid column ('2' in column 3 of
# the row '合计'), where the row shows it 2nd; it names its place in its row.
def test_a_value_merged_down_is_named_by_its_place_in_its_row(tmp_path):
    def row(cells: list, widths: list, **merge) -> list:
        return [(c + "\x07", {"depth": 1}) for c in cells] + [("\x07", {"depth": 1, "row_end": True,
                                                                         "widths": widths, **merge})]

    paragraphs = [("标题\r", {}), *row(["项目", "甲", "乙"], [2, 1, 1]), *row(["合计", "2", "5"], [2, 1, 1], restart=[1]),
                  *row(["不予公开", "1.国家秘密", "", "3"], [1, 1, 1, 1], merged=[2]), ("完\r", {})]
    with pytest.warns(ReaderWarning, match=r"'2' in column 2 of the row '合计' is merged down over the 1 cell") as info:
        lines = _read(paragraphs, tmp_path).lines
    assert lines == ["标题", ["项目", "甲", "乙"], ["合计", "2", "5"], ["不予公开", "1.国家秘密", "", "3"], "完"]
    assert [w.message.code for w in info] == ["merged_down"]


def test_an_embedded_object_is_named(tmp_path):
    paragraphs = [("标题\r", {}), ("\x13 EMBED Excel.Sheet.8 \x14\x01\x15\r", {}), ("完\r", {})]
    with pytest.warns(ReaderWarning, match=r"1 embedded object\(s\) \(Excel\.Sheet\.8\) not read") as info:
        assert _read(paragraphs, tmp_path).lines == ["标题", "完"]
    assert info[0].message.code == "part_unread"


def test_the_readers_tell_a_word_document_by_its_magic():
    from toolkit import decoding, msdoc, readers

    assert decoding._OLE_MAGIC == msdoc.OLE_MAGIC and readers._container(msdoc.OLE_MAGIC + b"\0" * 8) == "doc"


@pytest.mark.parametrize("name", ["report.wps", "report.dot", "report", "download.jsp", "report.docx", "report.txt"])
def test_a_word_document_is_read_under_any_name(name, tmp_path):
    # WPS Office writes the Word binary format in .wps; the content decides (an OLE file with a WordDocument)
    path = tmp_path / name
    path.write_bytes((FIXTURES / "003_ce1f8ef96d3daffd.doc").read_bytes())
    doc = read_document(path)
    assert doc.format == "doc" and doc.lines == read_document(FIXTURES / "003_ce1f8ef96d3daffd.doc").lines


# --- bad input: errors naming the file and the problem --------------------------------------------------------

PARAGRAPHS = [("标题\r", {}), ("正文\r", {})]


def _expect(error, tmp_path, data: bytes, problem: str, name: str = "bad.doc") -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error, match=re.escape(str(path)) + ": " + problem) as info:
        read_document(path)
    assert info.value.path == str(path)


def _piece_table(fc: int, count: int = 1) -> bytes:
    plc = b"".join(k.to_bytes(4, "little") for k in range(count + 1))
    plc += b"".join(b"\0\0" + fc.to_bytes(4, "little") + b"\0\0" for _ in range(count))
    return b"\x02" + len(plc).to_bytes(4, "little") + plc


BAD = {
    "word_95": ({"nfib": 0x65}, UnsupportedFormatError, r"unsupported format: a Word 95 or older document \(nFib "
                                                        r"0x65\); save it as \.docx"),
    "encrypted": ({"flags": 0x0100}, CorruptFileError, r"the Word document is encrypted \(password-protected\): "
                                                       r"remove the password"),
    "workbook": ({"streams": {"WordDocument": None, "Workbook": b"\x09\x08"}}, UnsupportedFormatError,
                 r"unsupported format: an OLE compound file holding an Excel workbook \(\.xls/\.et\), not a Word"),
    "message": ({"streams": {"WordDocument": None, "__substg1.0_0037001F": b"s"}}, UnsupportedFormatError,
                r"unsupported format: an OLE compound file holding an Outlook message \(\.msg\)"),
    "other_ole": ({"streams": {"WordDocument": None, "Stuff": b"s"}}, UnsupportedFormatError,
                  r"unsupported format: an OLE compound file holding no WordDocument stream \(its streams: "
                  r"1Table, Stuff\), not a Word document"),
    "no_table_stream": ({"streams": {"1Table": None}}, CorruptFileError,
                        r"not a valid Word document: its table stream 1Table is missing"),
    "piece_outside": ({"clx": _piece_table(10 ** 8)}, CorruptFileError,
                      r"not a valid Word document: piece 1 of its piece table points outside the WordDocument "
                      r"stream"),
    "too_many_pieces": ({"clx": _piece_table(0x400, 100_001)}, CorruptFileError,
                        r"not a valid Word document: its piece table has 100001 pieces, more than 100000"),
    "no_piece_table": ({"clx": b"\x01\x02\x00\x01\x02"}, CorruptFileError,
                       r"not a valid Word document: its piece table \(Pcdt\) is missing"),
    "negative_prc": ({"clx": b"\x01\xfd\xff" + _piece_table(0x400)}, CorruptFileError,
                     r"not a valid Word document: its piece table is damaged \(a property change of -3 bytes\)"),
    "piece_table_cut": ({"clx": _piece_table(0x400)[:-3]}, CorruptFileError,
                        r"not a valid Word document: its piece table is damaged"),
    "text_cut": ({"ccp": 10 ** 6}, CorruptFileError,
                 r"not a valid Word document: its piece table holds 6 characters of the main document's 1000000"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_word_document_is_named_so(case, tmp_path):
    options, error, problem = BAD[case]
    _expect(error, tmp_path, doc_bytes(PARAGRAPHS, **options), problem)


def test_a_damaged_container_is_named_so(tmp_path):
    data = (FIXTURES / "003_ce1f8ef96d3daffd.doc").read_bytes()
    _expect(CorruptFileError, tmp_path, data[:len(data) // 3], r"not a valid Word document: damaged OLE container")
    _expect(CorruptFileError, tmp_path, data[:512] + b"\xff" * 2048, r"not a valid Word document: damaged OLE")
    _expect(CorruptFileError, tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, r"not a valid Word document")


def test_a_doc_of_another_format_is_named_so(tmp_path):
    # a .doc is often something else: a web page, a DOCX or a PDF are read as such; an RTF or plain text is refused
    _expect(CorruptFileError, tmp_path, b"{\\rtf1\\ansi hello}", r"not a valid Word document: the content is an "
                                                                  r"RTF document named \.doc$")
    _expect(CorruptFileError, tmp_path, "一、总体情况\n".encode(), r"not a valid Word document: not an OLE compound "
                                                                 r"file \(nor a web page, web archive, DOCX or PDF\)")


@pytest.mark.parametrize("level, shown", [
    ({}, ["一.1机构建设", "一.2制度建设", "二、主动公开政府信息情况", "二.1平台建设"]),
    # fLegal (Word's 正规形式编号, w:isLgl in a DOCX): every level's number in digits
    ({"legal": True}, ["1.1机构建设", "1.2制度建设", "二、主动公开政府信息情况", "2.1平台建设"]),
    # fNoRestart with ilvlRestartLim 0 (w:lvlRestart 0): the level never restarts, counted on under the next heading
    ({"text": "（\x01）", "nfc": 37, "restart_lim": 0},
     ["（一）机构建设", "（二）制度建设", "二、主动公开政府信息情况", "（三）平台建设"]),
    ({"text": "（\x01）", "nfc": 37}, ["（一）机构建设", "（二）制度建设", "二、主动公开政府信息情况", "（一）平台建设"]),
    # a level of no number (nfc 0xFF, a DOCX's w:numFmt none) shows its text alone: it was lost, the items unmarked
    ({"text": "★", "nfc": 0xFF}, ["★机构建设", "★制度建设", "二、主动公开政府信息情况", "★平台建设"]),
], ids=["plain", "legal", "no_restart", "restarts", "no_number"])
def test_a_list_levels_legal_form_and_restart_are_read_as_in_a_docx(level, shown, tmp_path):
    # The LVLF's fLegal and fNoRestart (with ilvlRestartLim) were not read: a level in legal form read 一.1 for 1.1,
    # and subheadings numbered on across sections, (三) in Word, read (一), a number the report has twice.
    from test_readers import _HEADS

    levels = [{"start": 1, "nfc": 37, "text": "\x00、"}, {"start": 1, "nfc": 0, "text": "\x00.\x01", **level}]
    levels += [{"start": 1, "nfc": 0, "text": f"{chr(k)}."} for k in range(2, 9)]
    paragraphs = [(_HEADS[0] + "\r", {"list": (1, 0)}), ("机构建设\r", {"list": (1, 1)}), ("制度建设\r", {"list": (1, 1)}),
                  (_HEADS[1] + "\r", {"list": (1, 0)}), ("平台建设\r", {"list": (1, 1)})]
    assert _read(paragraphs, tmp_path, lists=[levels]).lines == ["一、总体情况", *shown]


if __name__ == "__main__":  # write the DOCX the fixtures were saved from (tests/data/doc/README.md)
    sys.path.insert(0, str(Path(__file__).parent))
    write_sources(sys.argv[1])


# text struck through (sprmCFStrike, sprmCFDStrike: an old value left beside the one that corrected it, '91' struck
# then 88) was read into it, 9188; it is left out, as the DOCX reader leaves out w:strike, but a table cell all of
# whose text is struck keeps it, its value; a style that strikes strikes too, a run may set it off again (0x81)
_STRIKE, _DSTRIKE = 0x0837, 0x2A53


@pytest.mark.parametrize("chpx, styles, struck", [
    (_sprm(_STRIKE, b"\x01"), None, True),
    (_sprm(_DSTRIKE, b"\x01"), None, True),
    (_STYLE, {11: (None, _sprm(_STRIKE, b"\x01"))}, True),
    (_STYLE + _sprm(_STRIKE, b"\x81"), {11: (None, _sprm(_STRIKE, b"\x01"))}, False),
    (_sprm(_STRIKE, b"\x00"), None, False),
], ids=["strike", "double", "by style", "run unstrikes", "off"])
def test_struck_text_is_not_read_but_a_cells_whole_value(chpx, styles, struck, tmp_path):
    paragraphs = [("共收到申请9188件。\r", {}), ("自然人\x07", {"depth": 1}), ("9188\x07", {"depth": 1}),
                  ("11\x07", {"depth": 1}), ("\x07", {"depth": 1, "row_end": True})]
    spans = [(5, 7), (16, 18), (21, 23)]  # '91' of the paragraph and of the cell, the cell's '11'
    got = read_doc(doc_bytes(paragraphs, raised=spans, chpx=chpx, styles=styles)).blocks
    assert got[0] == ("共收到申请88件。" if struck else "共收到申请9188件。")
    assert [c.blocks for c in got[1][0]] == [["自然人"], ["88" if struck else "9188"], ["11"]]


# text hidden or struck through by its paragraph style (a template's '填写说明' style set hidden, an old paragraph's
# style struck; the style's character properties in the style sheet, the paragraph's istd in its PAPX) was read,
# only the runs' own properties and character styles being read: a note Word does not show read as a line, and,
# numbered, took a number. A paragraph style hides (or strikes) its text and its mark, so Word shows a paragraph so
# hidden not at all (or, where a run shows itself again, on one line with the next), as the DOCX reader reads it;
# the run's own setting decides first (0, 1; 0x81: the opposite of the style's), and a character style that also
# hides shows it again (a toggle, ECMA-376 17.7.3, as in a DOCX).
_NOTE = [("一、总体情况\r", {}), ("填写说明：本节由办公室填写\r", {"style": 13, "list": (1, 0)}),
         ("本年度工作正常开展。\r", {})]


@pytest.mark.parametrize("styles, chpx, shown", [
    ({13: (None, _sprm(_VANISH, b"\x01"), "paragraph")}, None, ["本年度工作正常开展。"]),
    ({13: (14, b"", "paragraph"), 14: (None, _sprm(_VANISH, b"\x01"), "paragraph")}, None, ["本年度工作正常开展。"]),
    ({13: (None, _sprm(_VANISH, b"\x01"), "paragraph")}, _sprm(_VANISH, b"\x81"), ["本节由办公室填写本年度工作正常开展。"]),
    ({13: (None, _sprm(_VANISH, b"\x01"), "paragraph")}, _sprm(_VANISH, b"\x00"), ["本节由办公室填写本年度工作正常开展。"]),
    ({13: (None, _sprm(_VANISH, b"\x01"), "paragraph"), 11: (None, _sprm(_VANISH, b"\x01"))}, _STYLE,
     ["本节由办公室填写本年度工作正常开展。"]),
    ({13: (None, _sprm(0x0835, b"\x01"), "paragraph")}, None, ["填写说明：本节由办公室填写", "本年度工作正常开展。"]),
    ({13: (None, b"", "paragraph"), 11: (None, _sprm(_VANISH, b"\x01"))}, _STYLE, ["填写说明：", "本年度工作正常开展。"]),
], ids=["hides", "its base hides", "run shows", "run off", "character style toggles", "bold", "character style"])
def test_text_hidden_by_its_paragraph_style_is_not_read(styles, chpx, shown):
    # (the span: '本节由办公室填写', set by ``chpx``; the last case: the character style alone hides it)
    found = read_doc(doc_bytes(_NOTE, raised=[(12, 20)] if chpx else (), chpx=chpx, styles=styles)).blocks
    assert found[:len(shown) + 1] == ["一、总体情况", *shown]
    assert [getattr(p, "number", None) is not None for p in found[1:len(shown) + 1]] == [
        s.startswith("填写说明") for s in shown]


def test_text_struck_by_its_paragraph_style_is_not_read_but_a_cells_whole_value():
    paragraphs = [("共收到申请91件。\r", {"style": 13}), ("共收到申请88件。\r", {}), ("自然人\x07", {"depth": 1}),
                  ("9188\x07", {"depth": 1, "style": 13}), ("\x07", {"depth": 1, "row_end": True})]
    got = read_doc(doc_bytes(paragraphs, styles={13: (None, _sprm(_STRIKE, b"\x01"), "paragraph")})).blocks
    assert [b for b in got if not isinstance(b, list)][:2] == ["", "共收到申请88件。"]
    assert [c.blocks for c in got[2][0]] == [["自然人"], ["9188"]]


@pytest.mark.parametrize("own, shown", [
    ({}, ["一、总体情况", "本年度工作正常开展。", "二、主动公开政府信息情况", "（一）机构建设"]),
    ({"list": (0, 0)}, ["一、总体情况", "本年度工作正常开展。", "主动公开政府信息情况", "（一）机构建设"]),
], ids=["by style", "paragraph unnumbered"])
def test_headings_numbered_by_their_paragraph_style_are_numbered(own, shown, tmp_path):
    # Headings numbered by their style (Word's 'Heading 1' linked to a list: sprmPIlfo and sprmPIlvl in the style's
    # paragraph properties, its base's for 'Heading 2', none on the paragraph) lost their numbers, as a DOCX's
    # numbered through w:pStyle would not: '总体情况' for '一、总体情况', and the report its sections. A paragraph's
    # own sprmPIlfo decides first (0: not numbered, whatever its style says).
    from test_readers import _HEADS

    levels = [{"start": 1, "nfc": 37, "text": "\x00、"}, {"start": 1, "nfc": 37, "text": "（\x01）"}]
    levels += [{"start": 1, "nfc": 0, "text": f"{chr(k)}."} for k in range(2, 9)]
    heading = _sprm(0x460B, b"\x01\x00") + _sprm(0x260A, b"\x00")
    styles = {13: (None, b"", "paragraph", heading), 14: (13, b"", "paragraph", _sprm(0x260A, b"\x01"))}
    paragraphs = [(_HEADS[0] + "\r", {"style": 13}), ("本年度工作正常开展。\r", {}),
                  (_HEADS[1] + "\r", {"style": 13, **own}), ("机构建设\r", {"style": 14})]
    assert _read(paragraphs, tmp_path, lists=[levels], styles=styles).lines == shown


@pytest.mark.parametrize("by_style", [False, True], ids=["run", "style"])
def test_a_subscript_mark_after_a_cells_number_is_no_digit_of_it(by_style, tmp_path):
    # a footnote mark set low (sprmCIss 2: subscript, on the run or by its character style) after a cell's number:
    # '88' then a subscript '1' read 881, as a DOCX's did before (see test_readers); a subscript after a letter
    # ('CO' then '2') or standing alone in its cell stays
    cell = {"depth": 1}
    paragraphs = [("标题\r", {}), ("规章\x07", cell), ("881\x07", cell), ("11\x07", cell), ("CO2\x07", cell),
                  ("\x07", {"depth": 1, "row_end": True})]
    low = _sprm(_ISS, b"\x02")
    options = ({"chpx": _STYLE, "styles": {11: (None, low)}} if by_style else {"chpx": low})
    got = _read(paragraphs, tmp_path, raised=[(8, 9), (10, 12), (15, 16)], **options).lines
    assert got == ["标题", ["规章", "88", "11", "CO2"]]


@pytest.mark.parametrize("font, xchar, shown", [("Symbol", 0xF02D, "−22"), ("Symbol", 0x2D, "−22"),
                                                ("Wingdings", 0xF081, "①22"), ("Arial", 0x2212, "−22"),
                                                ("MT Extra", 0xF02D, "\ufffd22")])
def test_a_character_set_from_a_symbol_font_reads_as_in_a_docx(font, xchar, shown, tmp_path):
    # Word's Insert > Symbol in a .doc: a run with sprmCSymbol (its font, an index into the font table SttbfFfn, and
    # its character) whose text stream holds '(' only: a minus sign set from the Symbol font before 22 read '(22'.
    # Now the symbol's character, as a DOCX's w:sym reads (U+FFFD for a code of a font not known)
    cell = {"depth": 1}
    paragraphs = [("标题\r", {}), ("本年增/减\x07", cell), ("(22\x07", cell), ("\x07", {"depth": 1, "row_end": True}),
                  ("(见附件)\r", {})]
    symbol = _sprm(0x0855, b"\x01") + _sprm(0x6A09, struct.pack("<HH", 1, xchar))  # (sprmCFSpec, sprmCSymbol)
    got = _read(paragraphs, tmp_path, raised=[(9, 10)], chpx=symbol, fonts=["Times New Roman", font]).lines
    assert got == ["标题", ["本年增/减", shown], "(见附件)"]


@pytest.mark.parametrize("grouped", [False, True])
def test_a_text_box_is_read_where_it_is_anchored(grouped, tmp_path):
    # a .doc's text boxes are a story of their own after the main text (ccpTxbx): a title or a table set in one was
    # lost without a word. A box is read before the paragraph its shape is anchored in (as a DOCX's, see test_readers:
    # its own lines), one anchored in a table after the table. A box drawn in a group of shapes (a box and an arrow:
    # the group's shape is the one anchored, the box's found in the drawings, OfficeArtContent) was read after the
    # document's last paragraph, the title last and '附件：无' after '完'
    cell = {"depth": 1}
    main = [("\x08一、总体情况\r", {}), ("本年度工作正常开展。\r", {}), ("规章\x07", cell), ("\x085\x07", cell),
            ("\x07", {"depth": 1, "row_end": True}), ("\x08完\r", {})]
    boxes = [("某某局2020年政府信息公开工作年度报告\r", {}), ("行政许可\x07", cell), ("3\x07", cell),
             ("\x07", {"depth": 1, "row_end": True}), ("\r", {}), ("附件：无\r", {})]
    text = "".join(t for t, _ in main)
    anchors = [(0, len(boxes[0][0]), grouped), (text.index("\x085"), sum(len(t) for t, _ in boxes[1:5])),
               (text.index("\x08完"), len(boxes[5][0]), grouped)]
    got = _read(main + boxes, tmp_path, ccp=len(text), text_boxes=anchors).lines
    assert got == ["某某局2020年政府信息公开工作年度报告", "一、总体情况", "本年度工作正常开展。", ["规章", "5"],
                   ["行政许可", "3"], "附件：无", "完"]


@pytest.mark.parametrize("boxed", [False, True])
def test_word_art_is_read_where_it_is_anchored(boxed, tmp_path):
    # WordArt's text (a red title '某某县人民政府' over the report's, as agencies set them) is in no story of a .doc:
    # only in its shape's properties in the drawings (gtextUNICODE of its OfficeArtFOPT), and it was lost without a
    # word. It is read as a text box is, before the paragraph it is anchored in (one in a table after the table); a
    # text box's place is kept
    cell = {"depth": 1}
    main = [("\x08\x08一、总体情况\r", {}), ("规章\x07", cell), ("\x085\x07", cell),
            ("\x07", {"depth": 1, "row_end": True}), ("完\r", {})]
    boxes = [("附件：无\r", {})] if boxed else []
    text = "".join(t for t, _ in main)
    art = [(0, "某某县人民政府"), (1, "2020年政府信息公开工作年度报告"), (text.index("\x085"), "（表）")]
    got = _read(main + boxes, tmp_path, ccp=len(text), word_art=art,
                text_boxes=[(text.index("完"), len(boxes[0][0]))] if boxed else None).lines
    assert got == ["某某县人民政府", "2020年政府信息公开工作年度报告", "一、总体情况", ["规章", "5"], "（表）",
                   *(["附件：无"] if boxed else []), "完"]


@pytest.mark.parametrize("kind", ["word art", "grouped box"])
def test_word_art_and_grouped_text_boxes_of_the_page_header_are_read(kind, tmp_path):
    # a title held in the page header set as WordArt (its text only in the headers' drawing, dgglbl 1) or in a text
    # box drawn in a group of shapes there (the group's shape anchored in PlcSpaHdr, the box's found in that drawing)
    # was lost, and with it the agency and the year, as the headers' drawing was not read: they are read as the
    # main document's are, before the header's paragraph they are anchored in
    title = "2020年乌当区人民政府信息公开工作年度报告"
    main = [("一、总体情况\r", {}), ("本年度工作正常开展。\r", {})]
    header = [("\x08\r", {}), ("\r", {})]
    box = [(title + "\r", {})] if kind == "grouped box" else []
    drawn = {"header_boxes": [(0, len(title) + 1, True)]} if box else {"header_word_art": [(0, title)]}
    path = tmp_path / "a.doc"
    path.write_bytes(doc_bytes(main + header + box, ccp=sum(len(t) for t, _ in main),
                               header=sum(len(t) for t, _ in header), **drawn))
    assert read_document(path).lines == [title, "一、总体情况", "本年度工作正常开展。"]
    meta = toolkit.parse_report(path).metadata
    assert (meta["agency"], meta["report_year"]) == ("乌当区人民政府", 2020)


@pytest.mark.parametrize("kind", [1, 2], ids=["drop", "margin"])
def test_a_drop_cap_starts_its_paragraph(kind, tmp_path):
    # a drop cap (首字下沉, sprmPDcs: the first letters in a paragraph of their own) is shown by Word as the start of
    # the next paragraph; it was read as a line of its own, '2' then '020年…', as in a DOCX (see test_readers)
    paragraphs = [("一、总体情况\r", {}), ("2\r", {"drop_cap": kind}), ("020年,我局认真贯彻落实《条例》。\r", {}),
                  ("完\r", {})]
    assert _read(paragraphs, tmp_path).lines == ["一、总体情况", "2020年,我局认真贯彻落实《条例》。", "完"]


def test_a_table_row_deleted_as_a_tracked_change_is_left_out(tmp_path):
    # a row deleted with track changes on (its text and marks, the row's end mark too, sprmCFRMarkDel): Word's final
    # view shows no row, as a DOCX's w:trPr/w:del (see test_readers); it was read as a row of blank cells
    cell, row_end = {"depth": 1}, {"depth": 1, "row_end": True}
    paragraphs = [("标题\r", {}), ("规章\x07", cell), ("5\x07", cell), ("\x07", row_end), ("旧行\x07", cell),
                  ("9\x07", cell), ("\x07", row_end), ("规范性文件\x07", cell), ("7\x07", cell), ("\x07", row_end),
                  ("完\r", {})]
    text = "".join(t for t, _ in paragraphs)
    deleted = [(text.index("旧行"), text.index("规范性文件"))]
    got = _read(paragraphs, tmp_path, raised=deleted, chpx=_sprm(0x0800, b"\x01")).lines
    assert got == ["标题", ["规章", "5"], ["规范性文件", "7"], "完"]
