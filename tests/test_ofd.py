"""OFD files (GB/T 33190): the seeds laid out as their PDF renders are, read as those PDFs read; the standard's
ways of placing text (DeltaX with g repeats, CTM, several TextCodes an object, templates, annotations, several
pages), and damaged or hostile packages refused by name."""
from __future__ import annotations

import functools
import math
import zipfile

import pytest

import toolkit
from toolkit import corpus
from toolkit.errors import CorruptFileError, EmptyFileError, FileTooLargeError, ReaderWarning
from toolkit.readers import read_document

from conftest import RAW, SEED_IDS
from renderers import ofd_package, render_ofd, render_pdf, rezip
from test_formats import _as_lines, _cells

A4 = (210.0, 297.0)


@functools.lru_cache(maxsize=None)
def _seed_lines(seed_id: str) -> list:
    return _as_lines(toolkit.parse_report(RAW / f"{seed_id}.txt"))


@functools.lru_cache(maxsize=None)
def _pdf_read(seed_id: str, folder: str) -> tuple:
    """The seed's PDF render: its reader lines and its parsed report."""
    path = f"{folder}/{seed_id}.pdf"
    render_pdf(_seed_lines(seed_id), path)
    return read_document(path).lines, toolkit.parse_report(path, report_id=seed_id)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("ofd_pdf"))


def _failed(report) -> list:
    return sorted(f"{c.check}[{c.key}]" for c in report.checks.itertuples() if c.status == "failed")


def _statements(report) -> list:
    return report.statements[["seq", "kind", "text", "labels"]].astype(str).values.tolist()


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_a_seed_as_ofd_reads_as_its_pdf(seed_id, folder, tmp_path):
    # An OFD was refused by its name ('unsupported file format .ofd'). Its characters, placed by TextObjects, and
    # its table rules, drawn by PathObjects, now go through the PDF reader's grouping into lines and cells.
    pdf_lines, pdf_report = _pdf_read(seed_id, folder)
    path = tmp_path / f"{seed_id}.ofd"
    render_ofd(_seed_lines(seed_id), path)
    assert read_document(path).lines == pdf_lines
    report = toolkit.parse_report(path, report_id=seed_id)
    assert report.source_format == "ofd"
    assert [s.key for s in report.sections] == [s.key for s in pdf_report.sections]
    assert _cells(report).keys() == _cells(pdf_report).keys() and len(_cells(report)) > 0
    assert all(_cells(report)[k][0] == _cells(pdf_report)[k][0] for k in _cells(report))
    assert _failed(report) == _failed(pdf_report)
    assert _statements(report) == _statements(pdf_report)


@pytest.mark.parametrize("variant, written", [
    (dict(codes="char"), lambda xml: "</ofd:TextCode><ofd:TextCode X=" in xml),  # a TextCode a character, Y once
    (dict(repeat=True), lambda xml: 'DeltaX="g ' in xml),  # DeltaX with g repeats
    (dict(scale=0.5), lambda xml: 'CTM="0.5 0 0 0.5 0 0"' in xml),  # coordinates and size under a scaling CTM
    (dict(scale=72 / 25.4), lambda xml: 'CTM="2.834' in xml),
    (dict(rules="lines"), lambda xml: "<ofd:PathObject" in xml and " C</ofd:AbbreviatedData>" not in xml),
    (dict(reverse_names=True),  # Page_0 holds the last page: the order is Document.xml's
     lambda xml: xml.index('BaseLoc="Pages/Page_1/') < xml.index('BaseLoc="Pages/Page_0/')),
    (dict(template=True), lambda xml: "<ofd:Template " in xml),  # a page's top and bottom lines in its template
], ids=["codes", "repeat", "ctm_half", "ctm_points", "rule_lines", "page_names", "template"])
def test_the_ways_ofd_places_text_read_alike(variant, written, folder, tmp_path):
    seed_id = "004_b232cca7e491c758"
    pdf_lines, _ = _pdf_read(seed_id, folder)
    path = tmp_path / "variant.ofd"
    render_ofd(_seed_lines(seed_id), path, **variant)
    with zipfile.ZipFile(path) as zf:
        assert written("".join(zf.read(name).decode() for name in zf.namelist()))  # (the writer wrote the variant)
    assert read_document(path).lines == pdf_lines


@pytest.mark.parametrize("angle, grey, written", [(30.0, 0, 'CTM="0.866000 -0.500000 0.500000 0.866000 0 0"'),
                                                   (0.0, 210, '<ofd:FillColor Value="210 210 210"/>')],
                         ids=["turned", "light"])
def test_a_watermark_turned_by_its_ctm_or_light_is_not_read(angle, grey, written, folder, tmp_path):
    # the PDF reader's overlay rule: characters turned away from the text (here by their object's CTM), or
    # light, are a watermark's
    from overlays import watermark

    seed_id = "004_b232cca7e491c758"
    path = tmp_path / "watermarked.ofd"
    render_ofd(_seed_lines(seed_id), path,
               decorate=watermark("内部资料请勿外传", angle=angle, grey=grey, step=(400.0, 200.0)))
    with zipfile.ZipFile(path) as zf:
        assert written in zf.read("Doc_0/Pages/Page_0/Content.xml").decode()
    assert read_document(path).lines == _pdf_read(seed_id, folder)[0]


# --------------------------------------------------------------------------
# hand-written pages: what each part of the standard means
# --------------------------------------------------------------------------


def _text_object(text: str, x: float, y: float, *, size: float = 5.0, delta: str | None = None,
                 ctm: str | None = None, box: str = "0 0 210 297", oid: int = 10, extra: str = "") -> str:
    delta = f' DeltaX="{delta}"' if delta else ""
    ctm = f' CTM="{ctm}"' if ctm else ""
    return (f'<ofd:TextObject ID="{oid}" Boundary="{box}" Font="1" Size="{size}"{ctm}{extra}>'
            f'<ofd:TextCode X="{x}" Y="{y}"{delta}>{text}</ofd:TextCode></ofd:TextObject>')


def _chars(data: bytes, tmp_path, name: str = "hand.ofd") -> list:
    from toolkit.ofd import read_ofd

    (tmp_path / name).write_bytes(data)
    return [ch for page in read_ofd(data, str(tmp_path / name), 10**7) for ch in page.objects["char"]]


def _read(data: bytes, tmp_path, name: str = "hand.ofd", **kwargs):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path, **kwargs)


def test_deltax_places_each_character_and_g_repeats_a_step(tmp_path):
    # 'g 3 10' is three steps of 10 mm, then 20: the characters at 20, 30, 40, 50 and 70 mm
    chars = _chars(ofd_package([(*A4, _text_object("一二三四五", 20, 30, delta="g 3 10 20"), [])]), tmp_path)
    assert [round(ch["x0"] * 25.4 / 72, 3) for ch in chars] == [20, 30, 40, 50, 70]
    assert {round(ch["size"] * 25.4 / 72, 3) for ch in chars} == {5}
    assert all(math.isclose(ch["bottom"] * 25.4 / 72, 30 + 0.141 * 5) for ch in chars)  # (below the baseline)


def test_ctm_scales_and_moves_the_text_of_its_object(tmp_path):
    # object coordinates in points under a CTM that makes millimetres of them, inside a Boundary at (50, 100)
    k = 25.4 / 72
    obj = _text_object("统计", 10, 20, size=14.173, delta="14.173", ctm=f"{k} 0 0 {k} 0 0", box="50 100 60 20")
    chars = _chars(ofd_package([(*A4, obj, [])]), tmp_path)
    assert [round(ch["x0"] * k, 2) for ch in chars] == [round(50 + 10 * k, 2), round(50 + 24.173 * k, 2)]
    assert [round(ch["size"], 2) for ch in chars] == [14.17, 14.17]
    assert round(chars[0]["bottom"] * k - 0.141 * 5, 2) == round(100 + 20 * k, 2)


def test_several_textcodes_of_one_object_and_a_code_without_x(tmp_path):
    # a TextCode without X goes on after the previous one's last character (its own width: 5 mm a character)
    obj = ('<ofd:TextObject ID="10" Boundary="0 0 210 297" Font="1" Size="5">'
           '<ofd:TextCode X="20" Y="30">总体</ofd:TextCode><ofd:TextCode>情况</ofd:TextCode>'
           '<ofd:TextCode X="20" Y="40">第二行</ofd:TextCode></ofd:TextObject>')
    data = ofd_package([(*A4, obj, [])])
    chars = _chars(data, tmp_path)
    assert [round(ch["x0"] * 25.4 / 72, 3) for ch in chars[:4]] == [20, 25, 30, 35]
    assert _read(data, tmp_path).lines == ["总体情况", "第二行"]


def _grid_and_cells(attrs: str = "") -> tuple[str, str]:
    """A grid of two rows and three columns drawn as one path of lines (its PathObject given ``attrs``), and the
    text objects of its cells."""
    grid = " ".join([f"M 0 {y} L 90 {y}" for y in (0, 10, 20)] + [f"M {x} 0 L {x} 20" for x in (0, 30, 60, 90)])
    cells = [("项目", 2, 7), ("申请", 32, 7), ("数量", 62, 7), ("当面", 2, 17), ("12", 32, 17), ("3", 62, 17)]
    text = "".join(_text_object(t, 20 + x, 50 + y, size=4, oid=20 + i) for i, (t, x, y) in enumerate(cells))
    path = (f'<ofd:PathObject ID="11" Boundary="20 50 90 20" LineWidth="0.25"{attrs}>'
            f'<ofd:AbbreviatedData>{grid}</ofd:AbbreviatedData></ofd:PathObject>')
    return path, text


def test_a_table_drawn_by_path_objects_reads_as_rows_of_cells(tmp_path):
    # a grid of two rows and three columns drawn as one path of lines (PageBlock nesting on the way)
    path, text = _grid_and_cells()
    layer = f'<ofd:PageBlock ID="9"><ofd:PageBlock ID="8">{path}</ofd:PageBlock>{text}</ofd:PageBlock>'
    lines = _read(ofd_package([(*A4, _text_object("表格之前", 20, 40) + layer, [])]), tmp_path).lines
    assert lines == ["表格之前", ["项目", "申请", "数量"], ["当面", "12", "3"]]
    unruled = _read(ofd_package([(*A4, _text_object("表格之前", 20, 40) + text, [])]), tmp_path, "unruled.ofd")
    assert unruled.lines == ["表格之前", "项目 申请 数量", "当面 12 3"]  # (the rules make the cells)


@pytest.mark.parametrize("attrs", [' Stroke="false"', ' Stroke="false" Fill="false"'])
def test_a_path_neither_stroked_nor_filled_draws_no_rule(attrs, tmp_path):
    # A PathObject with Stroke="false" (and no Fill, false by default) paints nothing: a viewer shows the cells'
    # text unruled (a producer's layout frame, a clip outline). Its lines were read as a table's rules, the text under
    # them cut into cells. Such a path draws no rule now; the text reads as without it.
    path, text = _grid_and_cells(attrs)
    drawn = _read(ofd_package([(*A4, _text_object("表格之前", 20, 40) + path + text, [])]), tmp_path)
    unruled = _read(ofd_package([(*A4, _text_object("表格之前", 20, 40) + text, [])]), tmp_path, "unruled.ofd")
    assert drawn.lines == unruled.lines == ["表格之前", "项目 申请 数量", "当面 12 3"]


def test_pages_read_in_the_order_the_document_lists_them(tmp_path):
    pages = [(*A4, _text_object(f"第{n}页的正文", 20, 40), []) for n in "一二三"]
    data = ofd_package(pages, page_names=["Page_2", "Page_10", "Page_1"])  # (no order of the names)
    assert _read(data, tmp_path).lines == ["第一页的正文", "第二页的正文", "第三页的正文"]


def test_text_of_templates_and_annotations_is_read_but_a_watermark_annotation_is_not(tmp_path):
    annot = ('<ofd:Annot ID="30" Type="Stamp"><ofd:Appearance Boundary="20 60 100 20">'
             f'{_text_object("盖章处的说明", 0, 10, oid=31)}</ofd:Appearance></ofd:Annot>'
             '<ofd:Annot ID="32" Type="Watermark"><ofd:Appearance Boundary="20 80 100 20">'
             f'{_text_object("内部资料", 0, 10, oid=33)}</ofd:Appearance></ofd:Annot>'
             '<ofd:Annot ID="34" Type="Link" Visible="false"><ofd:Appearance Boundary="20 90 100 20">'
             f'{_text_object("看不见的", 0, 10, oid=35)}</ofd:Appearance></ofd:Annot>')
    data = ofd_package([(*A4, _text_object("正文第一行", 20, 50), ["7"])],
                       templates={"7": _text_object("模板里的标题", 20, 40, oid=40)}, annotations={0: annot})
    assert _read(data, tmp_path).lines == ["模板里的标题", "正文第一行", "盖章处的说明"]


def test_a_hidden_text_or_path_object_is_not_read(tmp_path):
    # Visible="false" (a GraphicUnit's attribute) hides an object; a hidden text object was read all the same
    hidden = _text_object("隐藏的说明文字", 20, 50, oid=11, extra=' Visible="false"')
    rule = ('<ofd:PathObject ID="12" Boundary="20 60 90 1" LineWidth="0.25" Visible="false">'
            '<ofd:AbbreviatedData>M 0 0 L 90 0</ofd:AbbreviatedData></ofd:PathObject>')
    shown = _text_object("正文第二行", 20, 70, oid=13, extra=' Visible="true"')
    data = ofd_package([(*A4, _text_object("正文第一行", 20, 40) + hidden + rule + shown, [])])
    assert _read(data, tmp_path).lines == ["正文第一行", "正文第二行"]
    from toolkit.ofd import read_ofd
    assert read_ofd(data, str(tmp_path / "hand.ofd"), 10**7)[0].objects["line"] == []


def test_bold_faked_by_a_second_copy_in_another_font_is_read_once(tmp_path):
    # A heading's bold faked by drawing it again 0.1 mm to the right in a font of another ID and name (a converter's
    # 'SimHei-Bold' entry for a font without a bold face): it read '一一、、总总体体情情况况', as pdfplumber tells
    # characters of fonts of other names apart where it reads a character drawn twice once.
    again = _text_object("一、总体情况", 20.1, 30, oid=11).replace('Font="1"', 'Font="2"')

    def bold_font(parts: dict) -> None:
        res = "Doc_0/PublicRes.xml"
        parts[res] = parts[res].replace(b"</ofd:Fonts>",
                                        b'<ofd:Font ID="2" FontName="SimHei-Bold" FamilyName="SimHei"/></ofd:Fonts>')
    body = _text_object("一、总体情况", 20, 30) + again + _text_object("本年度共收到申请88件", 20, 40, oid=12)
    data = rezip(ofd_package([(*A4, body, [])]), bold_font)
    assert len({ch["fontname"] for ch in _chars(data, tmp_path)}) == 2
    assert _read(data, tmp_path).lines == ["一、总体情况", "本年度共收到申请88件"]


def test_signatures_are_not_read(tmp_path):
    data = rezip(ofd_package([(*A4, _text_object("正文", 20, 40), [])]),
                 lambda parts: parts.update({"Doc_0/Signs/Signatures.xml": b"<not-xml", "Doc_0/Signs/Sign_0/"
                                             "SignedValue.dat": b"\x30\x82"}))
    assert _read(data, tmp_path).lines == ["正文"]


def test_the_first_of_several_documents_is_read_with_a_warning(tmp_path):
    data = ofd_package([(*A4, _text_object("正文", 20, 40), [])], documents=2)
    with pytest.warns(ReaderWarning, match="holds 2 documents: only the first"):
        assert _read(data, tmp_path).lines == ["正文"]


def test_a_missing_template_is_said_and_the_page_read(tmp_path):
    data = ofd_package([(*A4, _text_object("正文", 20, 40), ["7"])], templates={"7": ""})
    data = rezip(data, lambda parts: parts.pop("Doc_0/Tpls/Tpl_7/Content.xml"))
    with pytest.warns(ReaderWarning, match="template 7 Tpls/Tpl_7/Content.xml is missing"):
        assert _read(data, tmp_path).lines == ["正文"]


def test_an_ofd_is_told_by_its_content_and_found_in_folders(tmp_path):
    data = ofd_package([(*A4, _text_object("正文", 20, 40), [])])
    assert _read(data, tmp_path, "download").format == "ofd"  # (no extension)
    assert ".ofd" in corpus.SUPPORTED_EXTENSIONS and ".ofd" not in corpus.REPORT_LIKE_EXTENSIONS
    (tmp_path / "in").mkdir()
    render_ofd(_seed_lines("004_b232cca7e491c758"), tmp_path / "in" / "r.ofd")
    rows = corpus.extract_corpus(tmp_path / "in", jobs=1)["reports"].set_index("report_id")
    assert rows.loc["r", "source_format"] == "ofd" and rows.loc["r", "status"] in ("ok", "partial")


def test_a_web_page_saved_as_ofd_reads_as_html(tmp_path):
    # (as it did while .ofd was refused: a portal's page served under the download's name)
    from renderers import render_html

    doc = _read(render_html(_seed_lines("004_b232cca7e491c758")), tmp_path, "report.ofd")
    assert doc.format == "html" and doc.lines == _read(render_html(_seed_lines("004_b232cca7e491c758")), tmp_path,
                                                       "report.html").lines


def test_a_scanned_ofd_says_so(tmp_path):
    image = ('<ofd:ImageObject ID="12" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="99"/>')
    with pytest.raises(EmptyFileError, match="the OFD holds no text: its page is an image"):
        _read(ofd_package([(*A4, image, [])]), tmp_path)


# --------------------------------------------------------------------------
# damaged and hostile files
# --------------------------------------------------------------------------


def _good() -> bytes:
    return ofd_package([(*A4, _text_object("正文", 20, 40), [])])


@pytest.mark.parametrize("make, error, message", [
    # (was 'not a ZIP archive or truncated (the content is a PNG image)': an OFD cut short still begins as a ZIP)
    (lambda: b"\x89PNG\r\n\x1a\n", CorruptFileError, "not a valid OFD: the content is a PNG image named .ofd$"),
    (lambda: b"just some text", CorruptFileError, "not a valid OFD: not a ZIP archive"),
    (lambda: rezip(_good(), lambda p: p.pop("OFD.xml")), CorruptFileError, "OFD.xml is missing"),
    (lambda: rezip(_good(), lambda p: p.update({"OFD.xml": p["OFD.xml"].replace(
        b"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", b"")})), CorruptFileError, "names no document"),
    (lambda: rezip(_good(), lambda p: p.pop("Doc_0/Document.xml")), CorruptFileError,
     "the document Doc_0/Document.xml is missing"),
    (lambda: rezip(_good(), lambda p: p.pop("Doc_0/Pages/Page_0/Content.xml")), CorruptFileError,
     "page 1 Pages/Page_0/Content.xml is missing"),
    (lambda: rezip(_good(), lambda p: p.update({"Doc_0/Pages/Page_0/Content.xml": b"<ofd:Page><unclosed>"})),
     CorruptFileError, "page 1 Doc_0/Pages/Page_0/Content.xml is not well-formed XML"),
    (lambda: rezip(_good(), lambda p: p.update({"Doc_0/Pages/Page_0/Content.xml": p[
        "Doc_0/Pages/Page_0/Content.xml"].replace(b'X="20"', b'X="20" DeltaX="g 2"')})),
     CorruptFileError, "Content.xml: DeltaX 'g 2' is no list of offsets"),
    # a TextCode's X, Y and an object's CharDirection are one number each: float() had raised a raw ValueError
    # ('could not convert string to float'), which the reader's catch-all passed on unnamed (found by fuzzing)
    (lambda: rezip(_good(), lambda p: p.update({"Doc_0/Pages/Page_0/Content.xml": p[
        "Doc_0/Pages/Page_0/Content.xml"].replace(b'X="20"', b'X="1 g"')})),
     CorruptFileError, "Content.xml: X '1 g' is no number"),
    (lambda: rezip(_good(), lambda p: p.update({"Doc_0/Pages/Page_0/Content.xml": p[
        "Doc_0/Pages/Page_0/Content.xml"].replace(b'Size=', b'CharDirection="right" Size=')})),
     CorruptFileError, "Content.xml: CharDirection 'right' is no number"),
])
def test_a_damaged_ofd_is_refused_naming_the_file_and_the_part(make, error, message, tmp_path):
    path = tmp_path / "bad.ofd"
    path.write_bytes(make())
    with pytest.raises(error, match=message) as info:
        read_document(path)
    assert info.value.path == str(path)


def test_a_zip_bomb_is_refused_before_it_is_unzipped(tmp_path):
    def inflate(parts: dict) -> None:
        parts["Doc_0/Res/padding.xml"] = b"<a>" + b" " * 3_000_000 + b"</a>"

    with pytest.raises(FileTooLargeError, match="OFD expands to .* bytes when unzipped"):
        _read(rezip(_good(), inflate), tmp_path, max_bytes=200_000)


def test_an_entity_bomb_is_refused_unexpanded(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE ofd:Page [<!ENTITY a "啊啊啊啊啊啊啊啊啊啊">'
            + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
            + ']>')

    def edit(parts: dict) -> None:
        page = parts["Doc_0/Pages/Page_0/Content.xml"].decode()
        page = page.replace('<?xml version="1.0" encoding="UTF-8"?>\n', bomb).replace("正文", "正文&i;")
        parts["Doc_0/Pages/Page_0/Content.xml"] = page.encode()

    with pytest.raises(CorruptFileError, match="Page_0/Content.xml declares XML entities"):
        _read(rezip(_good(), edit), tmp_path)
