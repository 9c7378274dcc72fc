"""Tests of toolkit.readers on the seeds and on documents written at test time."""
from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from html import escape as html_escape, unescape as html_unescape
from pathlib import Path

import pytest

from toolkit.errors import CorruptFileError, EmptyFileError, ReaderWarning
from toolkit.plaintext import text_lines
from toolkit.readers import DEFAULT_MAX_BYTES, RawDocument, decode_bytes, read_document

try:
    from renderers import (
        TEXT_LAYOUTS,
        cjk_font_path,
        render_docx,
        render_html,
        render_mht,
        render_pdf,
        render_text,
        rezip,
        strict_docx,
    )
except ImportError:  # tests/ imported as a package
    from tests.renderers import (
        TEXT_LAYOUTS,
        cjk_font_path,
        render_docx,
        render_html,
        render_mht,
        render_pdf,
        render_text,
        rezip,
        strict_docx,
    )

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = sorted(RAW.glob("00[0-4]_*.txt"))
SEED = {p.name[:3]: p for p in SEEDS}


def seed_lines(key: str) -> list[str]:
    return SEED[key].read_text(encoding="utf-8").splitlines()


# Seed 001, 二、主动公开政府信息情况 (lines 16-70), written by hand as table rows.
# A merged header row is written with its three blank filler cells, as the
# seed's text export has them ('第二十条第(一)项 | |||').
ACTIVE_001 = [
    ["第二十条第(一)项", "", "", ""],
    ["信息内容", "本年新制作数量", "本年新 公开数量", "对外公开 总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "1", "1", "5"],
    ["第二十条第(五)项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "302", "142", "65651"],
    ["其他对外管理服务事项", "664", "167", "1342"],
    ["第二十条第(六)项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政处罚", "2307", "-22", "610"],
    ["行政强制", "135", "36", "21"],
    ["第二十条第(八)项", "", "", ""],
    ["信息内容", "上一年项目数量", "本年增/减", ""],
    ["行政事业性收费", "10", "55", ""],
    ["第二十条第(九)项", "", "", ""],
    ["信息内容", "采购项目数量", "采购总金额(万元)", ""],
    ["政府集中采购", "4", "630.2"],
]
ACTIVE_001_DOC = ["二、主动公开政府信息情况", *ACTIVE_001, "三、收到和处理政府信息公开申请情况"]

# The same table with its merged headers as single cells (HTML colspan etc.),
# and the first request rows of seed 001 (lines 72-98).
MERGED_001 = [
    "二、主动公开政府信息情况",
    ["第二十条第(一)项"],
    ["信息内容", "本年新制作数量", "本年新 公开数量", "对外公开 总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "1", "1", "5"],
    ["第二十条第(八)项"],
    ["信息内容", "上一年项目数量", "本年增/减", ""],
    ["行政事业性收费", "10", "55", ""],
    "三、收到和处理政府信息公开申请情况",
    ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"],
    ["自然人", "法人或其他组织", "总计"],
    ["商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他"],
    ["一、本年新收政府信息公开申请数量", "88", "11", "0", "0", "0", "0", "99"],
    ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"],
    ["三、本年度办理结果", "(一)予以公开", "74", "0", "0", "0", "0", "0", "74"],
    ["(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "2", "0", "0", "0", "0", "0", "2"],
    "四、行政复议、行政诉讼情况",
]


def nonblank(lines: list) -> list:
    """What HTML/DOCX/PDF readers give back for `lines`: blank text lines dropped."""
    return [ln for ln in lines if isinstance(ln, list) or ln.strip()]


# --------------------------------------------------------------------------
# plain text: the seeds
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_reads_as_utf8_text_line_for_line(path: Path) -> None:
    raw = path.read_bytes()
    doc = read_document(path)
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.encoding, doc.path) == ("text", "utf-8", str(path))
    physical = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    assert len(doc.lines) == physical
    assert doc.lines == raw.decode("utf-8").splitlines()
    assert all(isinstance(line, str) for line in doc.lines)
    assert read_document(str(path), encoding="utf-8").lines == doc.lines


@pytest.mark.parametrize(
    "key, number, text",
    [
        ("000", 1, "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告"),
        ("000", 2, ""),
        ("000", 5, "一、\xa0总体情况"),
        ("001", 4, "一、总体情况"),
        ("001", 17, "第二十条第(一)项 | |||"),
        ("003", 40, "一、主动公开情况 | ||"),
        ("004", 12, "\t第二十条第（一）项"),
        ("004", 13, ""),
    ],
)
def test_seed_lines_keep_their_numbers(key: str, number: int, text: str) -> None:
    assert read_document(SEED[key]).lines[number - 1] == text


# Which seeds hold characters outside GBK (read by hand: 000 has U+00A0, 001 has U+2022).
GBK_SAFE = ["002", "003", "004"]


@pytest.mark.parametrize(
    "key, codec, recorded",
    [(k, "gbk", "gbk") for k in GBK_SAFE]
    + [(k, "gb18030", "gbk") for k in GBK_SAFE]
    + [("000", "gb18030", "gb18030"), ("001", "gb18030", "gb18030")]
    + [(k, "utf-8-sig", "utf-8-sig") for k in SEED]
    + [(k, "utf-16", "utf-16") for k in SEED]
    + [("001", "utf-16-le", "utf-16-le"), ("004", "utf-16-be", "utf-16-be")],
)
def test_reencoded_seed_reads_back(tmp_path: Path, key: str, codec: str, recorded: str) -> None:
    text = SEED[key].read_text(encoding="utf-8")
    path = tmp_path / f"{key}.txt"
    path.write_bytes(text.encode(codec))
    doc = read_document(path)
    assert doc.encoding == recorded
    assert doc.lines == text.splitlines()
    explicit = read_document(path, encoding=codec)
    assert explicit.lines == text.splitlines()


_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_of_chinese_with_little_ascii_is_read(codec, tmp_path, parsed_seed):
    # Told by the side of its NUL bytes, which in LE '开' (U+5F00) and '一' (U+4E00) have where ASCII has
    # none: a report in full-width digits and punctuation was refused as binary data.
    import toolkit

    seed = "pingtan-2023-02"
    text = "".join(_FULL_WIDTH.get(c, c) for c in (RAW / f"{seed}.txt").read_text(encoding="utf-8"))
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(codec))
    got = toolkit.parse_report(path)
    assert got.encoding == codec and got.original_text == text.rstrip("\n")
    assert _cells_of(got) == _cells_of(parsed_seed(seed))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_that_lost_its_last_byte_is_read_and_flagged(codec, tmp_path, parsed_seed):
    # Seed pingtan-2023-02 in UTF-16 without a byte-order mark whose download lost its last byte (an odd number of
    # bytes) was refused whole as 'contains NUL bytes: binary data', where with a mark it is read: it is read without
    # the half of a unit, flagged bad_bytes.
    import toolkit

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    path = write_bytes(tmp_path / "cut.txt", text.encode(codec)[:-1])
    with pytest.warns(ReaderWarning, match=rf"cut.txt: the data ends in the middle of a {codec.upper()} character") \
            as caught:
        got = toolkit.parse_report(path)
    assert [w.message.code for w in caught] == ["bad_bytes"]
    assert got.encoding == codec and got.original_text == text.rstrip("\n")
    assert _cells_of(got) == _cells_of(parsed_seed(seed))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["暂无内容", "本机关本年度未收到申请", "暂无"])
def test_utf16_without_bom_of_chinese_alone_holds_no_nul_and_is_read_and_flagged(codec, text):
    # UTF-16 of Chinese characters alone holds no NUL byte (no ASCII, no line break: a stub's text), which told
    # UTF-16 without BOM: it was read as GBK garbage without a flag ('俧鄀匭筟' for '暂无内容') or refused.
    with pytest.warns(ReaderWarning, match="no NUL byte") as caught:
        assert decode_bytes(text.encode(codec)) == (text, codec)
    assert [w.message.code for w in caught] == ["encoding_uncertain"]


@pytest.mark.parametrize("config, codec", [("t2s", "gbk"), ("t2s", "gb18030"), ("s2tw", "big5")])
def test_short_gb_or_big5_text_is_no_utf16(config, codec):
    # (a guard for the test above: the seeds' lines cut to 2 to 30 characters, and to an even number of bytes)
    from toolkit.errors import DecodeError

    for text, data in _snippets(config, codec):
        for cut in (data, data[:len(data) // 2 * 2]):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    used = decode_bytes(cut)[1]
                except DecodeError:  # (a character cut in two)
                    continue
            assert not used.startswith("utf-16"), text


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_is_read(codec, tmp_path, parsed_seed):
    # The README's 'UTF-16/32 with or without a byte-order mark': UTF-32 without one was refused as binary
    # data (contains NUL bytes).
    import toolkit

    for seed in ("001_4d29bfef72dd56db", "pingtan-2023-02"):
        text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
        path = tmp_path / f"{seed}.txt"
        path.write_bytes(text.encode(codec))
        got = toolkit.parse_report(path)
        assert got.encoding == codec and got.original_text == text.rstrip("\n")
        assert _cells_of(got) == _cells_of(parsed_seed(seed))


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, b"\x00\x01\x02\x03" * 100,
                                  "政府信息公开".encode("utf-8") + b"\x00\x00" + bytes(range(1, 201)) * 5])
def test_binary_data_that_decodes_as_utf16_is_still_refused(data):
    # (a guard for the fix above: UTF-16 is told by the characters it decodes into)
    from toolkit.errors import BinaryFileError

    with pytest.raises(BinaryFileError):
        decode_bytes(data)


def test_gb18030_only_characters_are_recorded_as_gb18030() -> None:
    data = "一、总体情况\xa0• 2020年".encode("gb18030")
    assert decode_bytes(data) == ("一、总体情况\xa0• 2020年", "gb18030")
    assert decode_bytes("一、总体情况".encode("gbk")) == ("一、总体情况", "gbk")


def test_decode_bytes_with_explicit_codec_and_bom() -> None:
    assert decode_bytes("规章".encode("gbk"), encoding="GBK") == ("规章", "gbk")
    assert decode_bytes("\ufeff规章".encode("utf-8"), encoding="utf-8") == ("规章", "utf-8")
    assert decode_bytes(bytearray("规章".encode("utf-8"))) == ("规章", "utf-8")



@pytest.mark.parametrize("given", ["gb2312", "GBK", "cp936"])
def test_a_gb_codec_given_reads_the_characters_of_its_superset(given: str, tmp_path: Path) -> None:
    # A corpus read with --encoding gb2312 (what most such pages declare) holds GBK characters (镕, 喆) and GB18030
    # ones (䶮, 𠀀, a rare name's): such a file failed whole ('cannot decode the bytes as gb2312: illegal multibyte
    # sequence'); it is now read as GB18030, their superset, as a browser reads those labels.
    from toolkit.errors import DecodeError

    lines = ["一、总体情况", "本机关负责人朱镕基、王喆、刘䶮、𠀀。"]
    path = write_bytes(tmp_path / "report.txt", "\n".join(lines).encode("gb18030"))
    doc = read_document(path, encoding=given)
    assert doc.lines == lines and doc.encoding == "gb18030"
    if given == "gb2312":  # GBK characters alone: GBK
        gbk = ["一、总体情况", "本机关负责人朱镕基、王喆。"]
        doc = read_document(write_bytes(tmp_path / "gbk.txt", "\n".join(gbk).encode("gbk")), encoding=given)
        assert doc.lines == gbk and doc.encoding == "gbk"
    page = f'<html><head><meta charset="{given}"></head><body>{"".join(f"<p>{x}</p>" for x in lines)}</body></html>'
    assert read_document(write_bytes(tmp_path / "page.html", page.encode("gb18030")), encoding=given).lines == lines
    # text in the codec given is read in it, and bytes of no GB text still fail, naming the codec given
    assert decode_bytes("一、总体情况".encode("gb2312"), encoding=given) == ("一、总体情况", given.lower().replace("cp936", "gbk").replace("gb2312", "gbk"))
    with pytest.raises(DecodeError, match=rf"cannot decode the bytes as (gb2312|gbk)"):
        decode_bytes(b"\xff\xff\xff", encoding=given)


@pytest.mark.parametrize("given", ["gb2312", "GB2312", "euc-cn"])
def test_gb2312_given_reads_the_dash_and_the_middle_dot_as_a_browser_does(given: str) -> None:
    # Python's GB 2312 codec reads A1AA (each half of the dash ——) as U+2015 and A1A4 as the katakana middle dot;
    # a browser reads the label as GBK (and a page declaring it was read so): with --encoding gb2312 every '——'
    # of a report, not-applicable marks of its tables too, came out '――'
    text = "规章——无；负责人·张三"
    data = text.encode("gbk")
    assert data.decode("gb2312") != text  # (the codec's own reading differs: the test would pass for nothing)
    assert decode_bytes(data, encoding=given) == (text, "gbk")
    page = f'<html><head><meta charset="gb2312"></head><body><p>{text}</p></body></html>'.encode("gbk")
    assert decode_bytes(page, encoding=given)[0] == decode_bytes(page)[0]


@pytest.mark.parametrize("marked", ["utf-8-sig", "utf-16", "utf-32", "gb18030"])
@pytest.mark.parametrize("given", ["gbk", "gb18030", "big5", "utf-8", "utf-16"])
def test_a_byte_order_mark_of_another_codec_wins_over_the_codec_given(tmp_path: Path, marked: str,
                                                                       given: str) -> None:
    # a corpus read with --encoding gbk holding a UTF-8 file Notepad saved with its mark: the mark says what the
    # file is; read as GBK it failed at some byte far into the file ('illegal multibyte sequence at byte offset 8')
    text = "\n".join(seed_lines("004"))
    data = ("\ufeff" + text).encode("gb18030") if marked == "gb18030" else text.encode(marked)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    if given.startswith(marked.removesuffix("-sig")):
        return  # the mark's own codec: read as given (above)
    doc = read_document(str(path), encoding=given)
    assert doc.lines == read_document(str(path)).lines == text.split("\n")
    assert doc.encoding == marked
    page = f"<html><head><meta charset=\"{given}\"></head><body><p>规章</p><p>行政许可</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(("\ufeff" + page).encode("gb18030") if marked == "gb18030" else page.encode(marked))
    assert read_document(str(path), encoding=given).lines == ["规章", "行政许可"]
    if marked == "utf-16":  # a UTF-16 codec given in the other byte order than the mark's: the mark's order
        other = "utf-16-be" if data.startswith(b"\xff\xfe") else "utf-16-le"
        assert decode_bytes(data, encoding=other) == (text, "utf-16")
    if marked == "utf-8-sig":  # a short text of Chinese characters alone: read as GBK it was mojibake, no error
        assert decode_bytes("\ufeff政府自然人".encode("utf-8"), encoding=given) == ("政府自然人", "utf-8-sig")

def test_truncated_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    data = SEED["001"].read_bytes().rstrip(b"\n")[:-1]  # cut the last character in half
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    with pytest.warns(UserWarning, match=r"cut\.txt: the data ends in the middle of a UTF-8"):
        doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert doc.lines[:-1] == seed_lines("001")[:-1]
    assert doc.lines[-1] == seed_lines("001")[-1][:-1]


def test_path_like_and_repr(tmp_path: Path) -> None:
    doc = read_document(SEED["003"])
    assert doc.path == str(SEED["003"])
    assert repr(doc) == f"<RawDocument {SEED['003'].name} text utf-8 lines={len(doc.lines)} rows=0>"
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_no_warning_escapes_normal_reads(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_bytes(render_html(MERGED_001, colspan_header=True))
    pdf = tmp_path / "a.pdf"
    render_pdf(MERGED_001, pdf, colspan_header=True)
    docx = tmp_path / "a.docx"
    render_docx(MERGED_001, docx)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for path in [*SEEDS, html, pdf, docx]:
            read_document(path)


# --------------------------------------------------------------------------
# the text renderers reproduce the seeds' layouts
# --------------------------------------------------------------------------


def test_render_text_pipe_cells_is_seed_001() -> None:
    lines = seed_lines("001")
    assert render_text(ACTIVE_001_DOC, "pipe_cells") == "\n".join(lines[15:70]) + "\n"


def test_render_text_pipe_rows_is_seed_003() -> None:
    rows = [
        ["统 计 指 标", "单位", "统计数"],
        ["一、主动公开情况", "", ""],
        ["(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)", "条", "480"],
        ["其中:主动公开规范性文件数", "条", "0"],
        ["制发规范性文件总数", "件", "0"],
        ["(二)通过不同渠道和方式公开政府信息的情况", "", ""],
        ["1﹒政府公报公开政府信息数", "条", "36"],
        ["2.政府网站公开政府信息数", "条", "245"],
        ["3﹒政务微博名称: ,公开政府信息数", "条", ""],
        ["4﹒政务微信名称:高港微住建 ,公开政府信息数", "条", "615"],
        ["5﹒其他方式公开政府信息数", "条", "89"],
    ]
    assert render_text(rows, "pipe_rows") == "\n".join(seed_lines("003")[38:49]) + "\n"


def test_render_text_tab_is_seed_004() -> None:
    doc = [
        "2、 主动公开政府信息情况",
        ["第二十条第（一）项"],
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "0", "0", "2"],
        ["第二十条第（五）项"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "67", "0", "1363"],
        ["其他对外管理服务事项", "56", "0", "1546"],
    ]
    assert render_text(doc, "tab") == "\n".join(seed_lines("004")[10:45]) + "\n"


def test_render_text_lines_is_seed_000() -> None:
    rows = [
        ["第二十条第(五)项"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "7", "4", "2,887"],
        ["其他对外管理服务事项", "12", "5", "9,818"],
    ]
    assert render_text(rows, "lines") == "\n".join(seed_lines("000")[60:86]) + "\n"


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_rendered_text_layouts_read_line_for_line(tmp_path: Path, layout: str) -> None:
    text = render_text(MERGED_001, layout)
    path = tmp_path / f"{layout}.txt"
    path.write_text(text, encoding="gbk")
    doc = read_document(path)
    assert doc.encoding == "gbk"
    assert doc.lines == text.splitlines()


def test_render_text_rejects_unknown_layout() -> None:
    with pytest.raises(ValueError, match="layout must be one of"):
        render_text(MERGED_001, "csv")


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def test_html_round_trip_seed_rows(tmp_path: Path) -> None:
    path = tmp_path / "001.html"
    path.write_bytes(render_html(ACTIVE_001_DOC))
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("html", "utf-8")
    assert doc.lines == ACTIVE_001_DOC


def test_html_colspan_header_is_one_cell(tmp_path: Path) -> None:
    page = render_html(MERGED_001, colspan_header=True)
    assert b'colspan="4"' in page and b'colspan="7"' in page
    path = tmp_path / "merged.htm"
    path.write_bytes(page)
    assert read_document(path).lines == MERGED_001


@pytest.mark.parametrize("declared", ["gbk", "gb2312", "GB18030"])
def test_gbk_html_with_meta_charset(tmp_path: Path, declared: str) -> None:
    page = render_html(MERGED_001, encoding="gbk").replace(b'charset="gbk"', f'charset="{declared}"'.encode())
    path = tmp_path / "gbk.shtml"
    path.write_bytes(page)
    doc = read_document(path)
    assert doc.encoding == "gbk"
    assert doc.lines == MERGED_001


@pytest.mark.parametrize("declared", ["windows-1252", "KOI8-R", "koi8-u", "cp866", "mac-cyrillic", "IBM437",
                                      "cp850"])
def test_gbk_html_declaring_a_single_byte_charset_is_read_as_gbk(tmp_path: Path, declared: str) -> None:
    # A template's charset over GBK bytes: single-byte charsets were known by a list of names (Latin-1, Windows-125x,
    # Mac Roman), and a page declaring KOI8-R, a DOS code page or Mac Cyrillic was read in it without a word, every
    # character Cyrillic or box drawing ('╢■йЦ' for '二〇二〇'); now read as GBK, as under windows-1252.
    page = render_html(MERGED_001, encoding="gbk").replace(b'charset="gbk"', f'charset="{declared}"'.encode())
    path = tmp_path / "gbk.html"
    path.write_bytes(page)
    doc = read_document(path)
    assert doc.encoding == "gbk" and doc.lines == MERGED_001
    # Cyrillic that is no GB text stays in the charset declared
    russian = "Отчёт о работе по открытости правительственной информации за 2020 год"
    path.write_bytes(f'<html><head><meta charset="koi8-r"></head><body><p>{russian}</p></body></html>'.encode("koi8-r"))
    assert read_document(path).lines == [russian]


@pytest.mark.parametrize("declared", ["euc-kr", "ks_c_5601-1987", "EUC-JP", "shift_jis"])
def test_gbk_html_declaring_a_korean_or_japanese_charset_is_read_as_gbk_and_flagged(tmp_path: Path,
                                                                                   declared: str) -> None:
    # GB 2312's bytes are EUC-KR's and EUC-JP's too, and most are Shift_JIS's: a GBK page under such a template
    # charset was read without a word into Korean, kanji or half-width katakana ('漣리斤口' for '政府信息', a stub
    # page's 'ﾔﾝﾎﾞﾄﾚﾈﾝ' for '暂无内容'); now read as GBK, the wrong charset flagged.
    lines = ["本机关贯彻落实政府信息公开条例，主动公开政府信息。", ["规章", "0"], ["行政许可", "302"]]
    japanese = declared.lower() in ("euc-jp", "shift_jis")  # (whose codes these lines' bytes are not: read as GBK)
    for want in ([["暂无内容"]] if japanese else [lines, ["暂无内容"]]):
        page = render_html(want, encoding="gbk").replace(b'charset="gbk"', f'charset="{declared}"'.encode())
        assert page.decode(declared) != page.decode("gbk")  # (it reads in the charset declared without an error)
        path = write_bytes(tmp_path / "gbk.html", page)
        with pytest.warns(ReaderWarning, match=r"declares (euc_kr|euc_jp|shift_jis) .*read as GBK") as caught:
            doc = read_document(path)
        assert {w.message.code for w in caught} == {"encoding_uncertain"}
        assert doc.encoding == "gbk" and doc.lines == want
    # Japanese or Korean under its own charset stays so, without a flag: their bytes read as GBK too, into common
    # characters, and were so read (a Korean page of Yanbian: '沥何 沥焊' for '정부 정보'; '蜡绍攫鼠给…' for '政府情報公開…')
    own = (["政府情報公開に関する年次報告書を公表します。", "政府情報公開年次報告書。本報告書は条例に基づき作成された。"]
           if japanese else ["연변조선족자치주 정부 정보 공개 연례 보고서. 본 보고서는 정부정보공개조례에 따라 작성되었다."])
    for text in own:
        path.write_bytes(f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
                         .encode(declared))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert read_document(path).lines == [text]


@pytest.mark.parametrize("declared", ["big5", "BIG5-HKSCS", "cp950"])
def test_gbk_html_declaring_big5_is_read_as_gbk_and_flagged(tmp_path: Path, declared: str) -> None:
    # a page saved as GBK under a template's charset=big5: most GB 2312 bytes are Big5 too, and it was read as
    # Big5 mojibake ('淉葬陓洘鼠羲' for '政府信息公开') without a word; now read as GBK, the wrong charset flagged
    lines = ["本机关贯彻落实政府信息公开条例，主动公开政府信息。", ["规章", "0"], ["行政许可", "302"]]
    page = render_html(lines, encoding="gbk").replace(b'charset="gbk"', f'charset="{declared}"'.encode())
    assert page.decode(declared) != page.decode("gbk")  # (it reads as Big5 without an error)
    path = tmp_path / "gbk.html"
    path.write_bytes(page)
    with pytest.warns(ReaderWarning, match=r"declares (big5|cp950).*'本机关.*read as GBK") as caught:
        doc = read_document(path)
    assert {w.message.code for w in caught} == {"encoding_uncertain"}
    assert doc.encoding == "gbk"
    assert doc.lines == lines
    # one whose bytes are no Big5 (认 is C8CF) was read as GBK, right, but without a word on the charset declared
    page = render_html(MERGED_001, encoding="gbk").replace(b'charset="gbk"', f'charset="{declared}"'.encode())
    path.write_bytes(page)
    with pytest.warns(ReaderWarning, match=r"declares (big5|cp950).*read as GBK") as caught:
        doc = read_document(path)
    assert {w.message.code for w in caught} == {"encoding_uncertain"}
    assert doc.encoding == "gbk" and doc.lines == MERGED_001
    # Big5 under its own charset stays Big5, without a flag
    big5 = "本機關貫徹落實政府資訊公開條例，主動公開政府資訊。"
    path.write_bytes(f'<html><head><meta charset="{declared}"></head><body><p>{big5}</p></body></html>'.encode("big5"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = read_document(path)
    assert doc.lines == [big5] and doc.encoding == declared.lower().replace("-", "")


@pytest.mark.parametrize("declared", ["gbk", "gb2312", "GB18030"])
def test_big5_html_declaring_gbk_is_read_as_big5_and_flagged(tmp_path: Path, declared: str) -> None:
    # the reverse: read as Big5 (its GBK reading is rare characters) as before, but without a word on the charset
    # the page declares; now flagged
    big5 = "本機關貫徹落實政府資訊公開條例，主動公開政府資訊。"
    path = tmp_path / "big5.html"
    path.write_bytes(f'<html><head><meta charset="{declared}"></head><body><p>{big5}</p></body></html>'.encode("big5"))
    with pytest.warns(ReaderWarning, match=r"declares gb.*read as BIG5") as caught:
        doc = read_document(path)
    assert {w.message.code for w in caught} == {"encoding_uncertain"}
    assert doc.lines == [big5] and doc.encoding == "big5"


def test_html_declared_charset_wrong_but_bytes_utf8(tmp_path: Path) -> None:
    page = render_html(MERGED_001).replace(b'charset="utf-8"', b'charset="gb2312"')
    path = tmp_path / "mislabelled.html"
    path.write_bytes(page)
    doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert doc.lines == MERGED_001


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.html"
    path.write_bytes(render_html(MERGED_001, encoding="utf-16"))
    doc = read_document(path)
    assert doc.encoding == "utf-16"
    assert doc.lines == MERGED_001


HAND_HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>不要</title><style>td {{ color: red }}</style>
<script>document.write("<table><tr><td>脚本</td></tr></table>");</script></head>
<body>
<!-- 注释 -->
<noscript>请启用脚本</noscript><template><p>模板</p></template>
<div class="title">驻马店市住房和城乡建设局2020年政府信息公开工作年度报告</div>
<p>二、主动公开<span>政府信息</span>情况</p>
<p>2020年在市政府门户网站上
   主动发布信息111条，
   包括工作动态。</p>
<table>
 <tbody>
  <tr><th colspan="3">第二十条第（五）项</th></tr>
  <tr><td>信息内容</td><td>本年新<br>公开数量</td><td>&nbsp;</td></tr>
  <tr><td rowspan="2">行政许可</td><td> 7 </td><td>2,887</td></tr>
  <tr><td>4</td><td><p>9,818</p><p>件</p></td></tr>
  <tr><td>&nbsp; &nbsp;</td><td><table><tr><td>嵌套</td><td>表</td></tr></table>外</td>
      <td><style>x{{}}</style>-22</td></tr>
 </tbody>
</table>
<script>var s = "三、收到";</script>
<ul><li>（一）予以公开</li><li>（二）部分公开<br/>第二行</li></ul>
</body></html>
"""


def test_html_merged_cells_nbsp_br_scripts(tmp_path: Path) -> None:
    path = tmp_path / "hand.html"
    path.write_bytes(HAND_HTML.format().encode("gbk"))
    doc = read_document(path)
    assert doc.encoding == "gbk"
    assert doc.lines == [
        "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "2020年在市政府门户网站上主动发布信息111条，包括工作动态。",
        ["第二十条第（五）项"],
        ["信息内容", "本年新 公开数量", ""],
        ["行政许可", "7", "2,887"],
        ["4", "9,818 件"],
        ["", "外", "-22"],
        ["嵌套", "表"],
        "（一）予以公开",
        "（二）部分公开",
        "第二行",
    ]


@pytest.mark.parametrize("order", ["head foot body", "foot body head", "body head foot"])
@pytest.mark.parametrize("nested", [False, True])
def test_a_table_footer_written_before_its_body_is_read_last(tmp_path: Path, nested: bool, order: str) -> None:
    # HTML 4's order (thead, tfoot, tbody): a browser shows the footer's row last; it was read first, before the
    # header rows. (`nested`: a cell holding a table, read by the general walk, not the plain table's path.)
    # A header written after the body (some generators: tfoot, tbody, thead): a browser shows it first; its rows were
    # read after the values.
    rows = MERGED_001[9:16]
    inner = "<table><tr><td>嵌套</td></tr></table>" if nested else ""

    def group(tag: str, part: list) -> str:
        return f"<{tag}>" + "".join("<tr>" + "".join(f"<td>{html_escape(c)}</td>" for c in row) + "</tr>"
                                    for row in part) + f"</{tag}>"
    groups = {"head": group('thead', rows[:3]),
              "foot": f"<TFOOT><tr><td>{html_escape(rows[-1][0])}</td>"
                      f"{''.join(f'<td>{c}</td>' for c in rows[-1][1:-1])}<td>{rows[-1][-1]}{inner}</td></tr></TFOOT>",
              "body": group('tbody', rows[3:-1])}
    page = (f"<html><body><p>{MERGED_001[8]}</p><TABLE border=1>{chr(10).join(groups[g] for g in order.split())}"
            f"</TABLE><p>{MERGED_001[16]}</p></body></html>")
    path = tmp_path / "footer.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines == [MERGED_001[8], *rows, *([["嵌套"]] if nested else []), MERGED_001[16]]


@pytest.mark.parametrize("where", ["after the rows", "after the body", "in a row", "below, by its style"])
def test_a_tables_caption_written_after_its_rows_is_read_before_them(tmp_path: Path, where: str) -> None:
    # A browser shows a table's caption above its rows wherever the markup puts it; one written after the rows
    # (after the <tbody>, or inside a row, which libxml2 leaves there) was read after them, its heading
    # ('二、主动公开政府信息情况') taking the table's rows into the section before it.  One shown below the table
    # (caption-side: bottom) is still the table's title, read before its rows.
    heading, rows = MERGED_001[0], MERGED_001[1:8]
    trs = ["<tr>" + "".join(f"<td>{html_escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    caption = f"<caption>{heading}</caption>"
    body = {"after the rows": "".join(trs) + caption,
            "after the body": f"<tbody>{''.join(trs)}</tbody>{caption}",
            "in a row": trs[0][:-5] + caption + "</tr>" + "".join(trs[1:]),
            "below, by its style": caption.replace("<caption>", "<caption style='caption-side:bottom'>") + "".join(trs),
            }[where]
    page = f"<html><body><p>一、总体情况</p><table border=1>{body}</table><p>{MERGED_001[8]}</p></body></html>"
    path = tmp_path / "caption.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", *MERGED_001[:9]]


def test_a_subscript_mark_after_a_cells_number_is_no_digit_of_it(tmp_path: Path) -> None:
    # '88<sub>1</sub>' (a footnote mark set low) was read 881, '74<sub>[2]</sub>' no number; a subscript after a
    # letter ('CO<sub>2</sub>') or standing alone in its cell stays
    page = render_html(MERGED_001).decode("utf-8").replace("<td>88</td>", "<td>88<sub>1</sub></td>").replace(
        "<td>74</td>", "<td><span>74</span><sub>[2]</sub></td>", 1).replace("<td>11</td>", "<td><sub>11</sub></td>")
    page = page.replace("<td>自然人</td>", "<td>自然人（CO<sub>2</sub>）</td>")
    (tmp_path / "sub.html").write_text(page, encoding="utf-8")
    want = [[cell.replace("自然人", "自然人（CO2）") for cell in line] if isinstance(line, list) else line
            for line in MERGED_001]
    assert read_document(tmp_path / "sub.html").lines == want


def test_digits_raised_after_a_latin_letter_are_an_exponent_not_a_mark(tmp_path: Path) -> None:
    # 'm<sup>2</sup>' (an area in square metres) was read 'm', its 2 taken for a footnote mark; digits raised right
    # after a Latin letter are an exponent, read 'm2' (as normalization reads a text's 'm²'); a mark after a value or a
    # Chinese character, or one in brackets or linked to its note after a letter, is still no digit of anything
    from toolkit.normalize import nfkc

    page = render_html(MERGED_001).decode("utf-8").replace("<td>88</td>", "<td>88<sup>1</sup></td>").replace(
        f"<p>{MERGED_001[0]}</p>", f"<p>{MERGED_001[0]}</p><p>新建档案馆12000<span>m</span><sup>2</sup>，"
                                   "见注<sup>1</sup>，PM<sup>[2]</sup>，km<sup><a href='#n3'>3</a></sup></p>", 1)
    (tmp_path / "area.html").write_text(page, encoding="utf-8")
    lines = read_document(tmp_path / "area.html").lines
    assert lines == [MERGED_001[0], "新建档案馆12000m2，见注，PM，km", *MERGED_001[1:]]
    assert lines[1].startswith(nfkc("新建档案馆12000m²"))


def test_docx_digits_raised_after_a_latin_letter_are_an_exponent_not_a_mark(tmp_path: Path) -> None:
    # as in a web page: '12000m' and a raised '2' (an area) read '12000m', the 2 dropped as a footnote mark; a mark
    # after a Chinese character or a value, or one in brackets after a letter, is still no digit of anything
    import docx

    render_docx(MERGED_001, tmp_path / "area.docx")
    plain = read_document(tmp_path / "area.docx").lines
    document = docx.Document(tmp_path / "area.docx")
    para = document.paragraphs[0].insert_paragraph_before("新建档案馆12000m")
    for text, raised in [("2", True), ("，见注", False), ("1", True), ("，PM", False), ("[2]", True), ("。", False)]:
        para.add_run(text).font.superscript = raised
    document.save(tmp_path / "area.docx")
    lines = read_document(tmp_path / "area.docx").lines
    assert lines[0] == "新建档案馆12000m2，见注，PM。"
    assert lines[1:] == plain


@pytest.mark.parametrize("mark", [
    "<sup><a href='#fn1'>1</a></sup>",  # (a mark linked to its note: read 881)
    "<sup><span style='font-size:9pt'>[2]</span></sup>",  # (read 88[2], no number)
    # raised or set low by its style, not <sup>/<sub>: an editor's span (read 881), Word's note reference
    "<span style='vertical-align:super'>1</span>",
    "<span style='font-size:8pt; VERTICAL-ALIGN: super'>[1]</span>",
    "<span style='vertical-align:sub'>1</span>",
    "<sub><a href='#n1'>1</a></sub>",  # (read 881: only a <sub> without children was a mark)
    "<a style='mso-footnote-id:ftn1' href='#_ftn1' name='_ftnref1'><span class=MsoFootnoteReference><span "
    "style='mso-special-character:footnote'><span class=MsoFootnoteReference><span style='font-size:10.5pt'>[1]"
    "</span></span></span></span></a>",
])
def test_a_raised_footnote_mark_after_a_cells_number_is_no_digit_of_it(mark: str, tmp_path: Path) -> None:
    # A footnote mark set raised after a value is no digit of it, whatever markup holds its text or raises it; one
    # alone in its cell is the cell's value.
    import re

    page = render_html(MERGED_001).decode("utf-8").replace("<td>88</td>", f"<td>88{mark}</td>").replace(
        "<td>11</td>", f"<td>{re.sub(r'>[^<>]+<', '>11<', mark)}</td>", 1)
    (tmp_path / "raised.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "raised.html").lines == MERGED_001


@pytest.mark.parametrize("struck", ["<s>91</s>", "<strike>91</strike> ", "<S>9</S>",
                                    "<span style='TEXT-DECORATION: line-through'>91</span>",
                                    "<span style='font-size:9pt;text-decoration-line:underline line-through'>9</span>",
                                    "<s>9</s><strike>1</strike>"])
def test_an_old_value_struck_through_beside_the_new_one_is_not_read(struck: str, tmp_path: Path) -> None:
    # An old value struck through before the one that corrected it ('<s>91</s>88': Word's strikethrough saved as a
    # web page, an editor's line-through span) was read into it, 9188; it is left out, as <del> is.  A cell all of
    # whose text is struck keeps it, its value (of two pieces struck, the second was kept alone); a span underlined
    # only is read.
    alone = "<s>1</s><strike>1</strike>" if "</s><strike>" in struck else struck.replace("91", "11").replace(">9<", ">11<")
    page = render_html(MERGED_001).decode("utf-8").replace("<td>88</td>", f"<td>{struck}88</td>").replace(
        "<td>11</td>", f"<td>{alone}</td>", 1).replace(
        "<td>74</td>", "<td><span style='text-decoration:underline'>74</span></td>", 1)
    (tmp_path / "struck.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "struck.html").lines == MERGED_001


def _merged_001_page_with(path: Path, swaps: list[tuple[str, str, int]]) -> Path:
    """Seed 001's merged table as a web page with each (old, new, count) replaced, written to ``path``."""
    page = render_html(MERGED_001).decode("utf-8")
    for old, new, count in swaps:
        page = page.replace(old, new, count)
    path.write_text(page, encoding="utf-8")
    return path


def test_a_value_shown_in_a_text_box_is_read(tmp_path: Path) -> None:
    # A form system's page shows a table's counts in text boxes ('<td><input value="88" readonly></td>'): the value,
    # which a browser shows, was read blank (NA); a button's label or a hidden field's value is no text.
    path = _merged_001_page_with(tmp_path / "form.html", [
        ("<td>88</td>", "<td><input type='text' class='num' value='88' readonly></td>", -1),
        ("<td>11</td>", "<td><INPUT value=11 size=4><input type=hidden name=id value=7></td>", 1),
        ("</body>", "<input type='button' value='打印本页'><input type='checkbox' value='1'></body>", -1)])
    assert read_document(path).lines == MERGED_001


def test_a_cells_buttons_are_not_read_into_its_value(tmp_path: Path) -> None:
    # A form system's table with its controls beside the counts ('<td>88<button>编辑</button></td>') read '88编辑', no
    # number, as '<input type=button>' labels are not read; a cell whose only text is a button's number keeps it (a
    # count that opens its list), and a button outside the tables (a section's title that opens it) is read.
    path = _merged_001_page_with(tmp_path / "buttons.html", [
        ("<td>88</td>", "<td>88<button type='button' onclick='edit(3)'>编辑</button></td>", -1),
        ("<td>11</td>", "<td><BUTTON class='link'>11</BUTTON></td>", 1),
        ("<td>74</td>", "<td><span>74</span><button><span>查看</span></button><button>删除</button></td>", 1),
        ("<p>三、收到和处理政府信息公开申请情况</p>", "<p><button class='fold'>三、收到和处理政府信息公开申请情况</button></p>", -1)])
    assert "<button class='fold'>" in path.read_text(encoding="utf-8")
    assert read_document(path).lines == MERGED_001


def test_an_icon_fonts_glyph_beside_a_cells_value_is_not_read_into_it(tmp_path: Path) -> None:
    # An icon font's glyph written in the page (iconfont's '<i class="iconfont">&#xe600;</i>', an arrow beside a
    # count) is a picture, no text: the value read '88\ue600', no number (NA).  A glyph alone in its element of a
    # cell is left out; a private-use character among a cell's words stays (a name's rare character).  Each way of
    # writing one is found: a reference, U+E000-U+EFFF's bytes and U+F000-U+F8FF's (Font Awesome's '\uf062').
    path = _merged_001_page_with(tmp_path / "icons.html", [
        ("<td>88</td>", "<td>88<i class='iconfont icon-up'>&#xe600;</i></td>", -1),
        ("<td>11</td>", "<td><span class='iconfont'>\ue601 </span>11</td>", 1),
        ("<td>74</td>", "<td>74<i class='icon'>&#58881;</i></td>", 1)])
    assert read_document(path).lines == MERGED_001
    kept = path.read_text(encoding="utf-8").replace("<td>规章</td>", "<td>规\ue602章</td>", 1)
    (tmp_path / "icons.html").write_text(kept, encoding="utf-8")
    assert ["规\ue602章", "0", "0", "0"] in read_document(tmp_path / "icons.html").lines
    only_f = _merged_001_page_with(tmp_path / "awesome.html", [("<td>99</td>", "<td>99<i class='fa'>\uf062</i></td>", -1)])
    assert read_document(only_f).lines == MERGED_001


@pytest.mark.parametrize("nested", [False, True])
def test_a_value_shown_as_images_of_its_digits_is_read(nested: bool, tmp_path: Path) -> None:
    # Some CMS show a table's counts as images of their digits, the digits in each image's alt text
    # ('<td><img src="8.gif" alt="8"><img src="8.gif" alt="8"></td>'): a reader of the page sees 88, the cell was
    # read blank (NA, the value lost). A picture whose alt text is no number (an icon, a QR code) shows no text,
    # nor does an image outside a table. (`nested`: a cell holding a table, read by the general walk.)
    inner = "<table><tr><td>嵌套</td></tr></table>" if nested else ""
    page = render_html(MERGED_001).decode("utf-8").replace(
        "<td>88</td>", "<td><img src='d8.gif' alt='8'><IMG SRC=d8.gif ALT=8></td>").replace(
        "<td>11</td>", "<td><span><img alt=' 11 ' src='n11.png'></span><img alt='二维码' src='qr.png'></td>", 1).replace(
        "<td>74</td>", "<td>74<img src='new.gif' alt='新'></td>", 1).replace(
        "<td>99</td>", f"<td>99{inner}</td>").replace("<body>", "<body><img src='logo.png' alt='2020'>")
    (tmp_path / "digits.html").write_text(page, encoding="utf-8")
    at = next(i for i, line in enumerate(MERGED_001) if "99" in line) + 1
    assert read_document(tmp_path / "digits.html").lines == [*MERGED_001[:at], *([["嵌套"]] if nested else []),
                                                             *MERGED_001[at:]]


def _seed_page_and_its_first_table() -> tuple[str, str]:
    """Seed 001 rendered as a web page, and its first table's markup (the noscript and shell tests rewrite it)."""
    page = render_html(MERGED_001).decode("utf-8")
    return page, page[page.index("<table"):page.index("</table>") + len("</table>")]


@pytest.mark.parametrize("copy", ["none", "rendered", "squeezed", "header", "header after", "zero-width"])
def test_a_table_held_only_in_a_noscript_fallback_is_read(copy: str, tmp_path: Path) -> None:
    # A page that fills its table by a script keeps the table's copy in <noscript>, what a reader without scripts
    # sees ('<table id="t"></table><script>…</script><noscript><table>…</table></noscript>'): dropped with the
    # fallback, the table was lost.  Where the page holds a copy (saved from a browser: the script's table, its white
    # space its own), the fallback is dropped, no table read twice; a fallback of no table is never read.  A shell
    # holding the table's header rows alone (the script fills its body) is dropped with the fallback read: the
    # header was read twice (and still was where the shell stands after the fallback, 'header after').  An editor's
    # zero-width space at a cell's edge ('<td>&#8203;规章</td>'), which the cell's text drops, made the page's copy
    # no copy: the table was read twice.
    page, table = _seed_page_and_its_first_table()
    third_row = table.index("<tr", table.index("<tr", table.index("<tr") + 1) + 1)
    shown = {"none": "<table id='t1'></table>", "rendered": table,
             "squeezed": re.sub(r">\s*<", "><", table).replace("<td>", "<td> "),
             "header": table[:third_row] + "<tbody id='t1'></tbody></table>",
             "zero-width": table.replace("<td>规章</td>", "<td>&#8203;规章&#xFEFF;</td>")}[copy.split()[0]]
    placed = (f"<noscript>{table}</noscript>{shown}<script>fill('t1')</script>" if copy.endswith("after") else
              f"{shown}<script>fill('t1')</script><noscript>{table}</noscript>")
    page = page.replace(table, placed, 1).replace(
        "<body>", "<body><noscript><p>请启用JavaScript</p><style>td { display: none }</style></noscript>", 1)
    (tmp_path / "noscript.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "noscript.html").lines == MERGED_001


@pytest.mark.parametrize("shown", ["rendered", "squeezed"])
def test_a_noscript_fallbacks_caption_the_pages_table_lacks_is_not_read(shown: str, tmp_path: Path) -> None:
    # A fallback's copy may carry a caption the script's table the page holds lacks ('<table>…</table><script>…
    # </script><noscript><table><caption>表一</caption>…'): the caption made the copy's text no text of the page,
    # the fallback was read and its caption came out as an extra line.  A browser with scripts shows the script's
    # table, no caption: the fallback is dropped as any other the page holds.
    page, table = _seed_page_and_its_first_table()
    copy = table.replace(">", "><caption>表一</caption>", 1)
    own = table if shown == "rendered" else re.sub(r">\s*<", "><", table)
    page = page.replace(table, f"{own}<script>fill('t1')</script><noscript>{copy}</noscript>", 1)
    (tmp_path / "caption.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "caption.html").lines == MERGED_001


@pytest.mark.parametrize("mark", ["&shy;", "&#8205;", "&#8288;", "&lrm;"])
def test_a_pages_table_with_an_invisible_character_drops_its_noscript_copy(mark: str, tmp_path: Path) -> None:
    # The page's (script's) table may hold a character that shows nothing, a soft hyphen, a joiner or a direction
    # mark, its <noscript> copy not ('<td>规&shy;章</td>' … '<noscript>…<td>规章</td>'): the page's copy was no copy,
    # the fallback read too, the table twice.  Such characters are no text, as a zero-width space is (normalize
    # drops them from the cell later).
    page, table = _seed_page_and_its_first_table()
    own = table.replace("<td>规章</td>", f"<td>规{mark}章</td>")
    page = page.replace(table, f"{own}<script>fill('t1')</script><noscript>{table}</noscript>", 1)
    (tmp_path / "invisible.html").write_text(page, encoding="utf-8")
    lines = read_document(tmp_path / "invisible.html").lines
    assert [[cell.replace(html_unescape(mark), "") for cell in line] if isinstance(line, list) else line
            for line in lines] == MERGED_001


@pytest.mark.parametrize("mark", ["&shy;", "&#8203;", "&#xFEFF;", "&#8288;", "&zwnj;"])
def test_a_character_that_shows_nothing_is_not_in_a_pages_lines(mark: str, tmp_path: Path) -> None:
    # A soft hyphen, a zero-width space, a BOM inside the text, a word joiner or a non-joiner shows nothing in a
    # browser, yet reached the document's lines, splitting a heading ('主动公开政府信息&#8203;情况'), a label
    # ('规&shy;章'), a number ('8&shy;8') and a <pre> line: they are dropped as the page is read.
    page, table = _seed_page_and_its_first_table()
    heading = "主动公开政府信息情况"
    page = page.replace(heading, f"{heading[:-2]}{mark}{heading[-2:]}", 1).replace(
        table, table.replace("<td>规章</td>", f"<td>规{mark}章</td>"), 1).replace(
        "<td>88</td>", f"<td>8{mark}8</td>", 1).replace("</body>", f"<pre>注:{mark}单位为件</pre></body>", 1)
    (tmp_path / "invisible.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "invisible.html").lines == [*MERGED_001, "注:单位为件"]


def test_a_character_that_shows_nothing_is_not_in_a_pages_title(tmp_path: Path) -> None:
    # The page's <title> kept the characters that show nothing which its lines drop ('政府信息&#8203;公开', and
    # '&shy;&#x2060;' between two spaces, which then stood apart): they are dropped before its spaces collapse.
    page, _ = _seed_page_and_its_first_table()
    page = page.replace("<title>report</title>", "<title>政府信息&#8203;公开 &shy;&#x2060; 年报</title>", 1)
    (tmp_path / "title.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "title.html").title == "政府信息公开 年报"


@pytest.mark.parametrize("between", ["pager", "second shell"])
def test_a_shell_table_not_next_to_its_noscript_fallback_is_dropped(between: str, tmp_path: Path) -> None:
    # The shell a script fills (the table's header alone) and the table's <noscript> copy need not be neighbours: a
    # pager's table between them ('<table><thead>…</thead></table><table><tr><td>上一页</td>…</table><noscript>…'),
    # or two shells before their two fallbacks.  Only the nearest table was looked at: the header was read twice.
    page = render_html(MERGED_001).decode("utf-8")
    first, second = re.findall(r"<table.*?</table>", page, re.S)
    head = [first[:first.index("<tr", first.index("<tr", first.index("<tr") + 1) + 1)],
            second[:second.index("<tr", second.index("<tr", second.index("<tr", second.index("<tr") + 1) + 1) + 1)]]
    shells = [f"{part}<tbody id='t{i}'></tbody></table>" for i, part in enumerate(head)]
    pager = "<table><tr><td>上一页</td><td>下一页</td></tr></table>"
    expected = list(MERGED_001)
    if between == "pager":
        page = page.replace(first, f"{shells[0]}{pager}<script>fill('t0')</script><noscript>{first}</noscript>")
        expected.insert(1, ["上一页", "下一页"])
    else:
        page = page.replace(second, "").replace(first, f"{shells[0]}{shells[1]}<script>fill()</script>"
                                                      f"<noscript>{first}</noscript><noscript>{second}</noscript>")
        at = expected.index("三、收到和处理政府信息公开申请情况")
        expected = [*expected[:at], *expected[at + 1:-1], expected[at], expected[-1]]
    (tmp_path / "shell.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "shell.html").lines == expected


@pytest.mark.parametrize("shell_at", ["first", "second"])
def test_a_table_in_two_noscript_fallbacks_is_read_once_where_its_shell_is(shell_at: str, tmp_path: Path) -> None:
    # A page may hold one table's <noscript> copy twice, page text between them ('<noscript><table>…</noscript>
    # <p>二、…</p> … <table id=t1></table><script>…</script><noscript><table>…</noscript>'): both were read, the
    # table twice (or once, before its heading, in the section above).  The copy beside the table the script fills
    # is read, the other dropped.
    page, table = _seed_page_and_its_first_table()
    copy, shell = f"<noscript>{table}</noscript>", "<table id='t1'></table><script>fill('t1')</script>"
    if shell_at == "first":
        page = page.replace(table, f"{shell}{copy}", 1).replace("<p>四、", f"{copy}<p>四、", 1)
    else:
        page = page.replace(table, f"{copy}{shell}", 1).replace("<p>二、", f"{copy}<p>二、", 1)
    (tmp_path / "twice.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "twice.html").lines == MERGED_001


def test_noframes_and_noembed_fallbacks_are_not_read_as_markup(tmp_path: Path) -> None:
    # A browser shows neither a <noframes> nor a <noembed> fallback, and the parser keeps their content as text: it
    # was read as lines of markup ('<p>您的浏览器不支持框架</p>'), in a cell too. A page of frames whose only text
    # is its fallback (a saved frameset page) is that fallback's page.  Nor the fallback of a <video>, <audio> or
    # <canvas>, which every browser plays or draws: '您的浏览器不支持 video 标签。' was read as a line of the report.
    page = render_html(MERGED_001).decode("utf-8")
    fallback = "<noframes><p>您的浏览器不支持框架，请升级浏览器。</p></noframes><noembed><b>不支持插件</b></noembed>" \
        "<video src='v.mp4' controls>您的浏览器不支持 video 标签。</video><AUDIO controls><source src='a.mp3'>" \
        "您的浏览器不支持音频播放</AUDIO><canvas id='chart'>您的浏览器不支持canvas</canvas>"
    shown = page.replace("<body>", "<body>" + fallback).replace("<td>0</td>", "<td>0<noframes>9</noframes></td>", 1)
    (tmp_path / "page.html").write_text(shown, encoding="utf-8")
    assert read_document(tmp_path / "page.html").lines == MERGED_001
    body = page[page.index("<body>"):page.index("</html>")]
    frames = page[:page.index("<body>")] + f"<frameset cols='20%,*'><frame src='menu.html'><noframes>{body}</noframes>" \
        "</frameset></html>"
    (tmp_path / "frames.html").write_text(frames, encoding="utf-8")
    assert read_document(tmp_path / "frames.html").lines == MERGED_001


def test_an_svg_images_description_is_not_read(tmp_path: Path) -> None:
    # An inline SVG's <desc> and <metadata> (a chart's description for screen readers, its editor's data) are never
    # shown: '柱状图：2023年各类申请数量' was read as a line of the report, and in a cell glued to its value ('0零').
    # (Its <title>, a tooltip, was not read; its <text>, drawn, is.)
    page = render_html(MERGED_001).decode("utf-8")
    chart = "<svg width='300' height='90'><title>图表</title><desc>柱状图：2023年各类申请数量</desc>" \
        "<metadata>Created with 某某编辑器</metadata><rect width='30' height='60'/></svg>"
    shown = page.replace("<body>", "<body>" + chart).replace("<td>0</td>", "<td>0<svg><desc>零</desc></svg></td>", 1)
    (tmp_path / "page.html").write_text(shown, encoding="utf-8")
    assert read_document(tmp_path / "page.html").lines == MERGED_001


def test_a_noframes_fallback_read_as_the_page_is_read_as_shown(tmp_path: Path) -> None:
    # The fallback of a page of frames, read as its page, skipped the passes a page's body goes through: its hidden
    # text was read ('二、主动公开政府信息情况旧版'), a footnote mark glued to a value ('88<sup>1</sup>' read 881).
    page = render_html(MERGED_001).decode("utf-8").replace("<td>88</td>", "<td>88<sup>1</sup></td>").replace(
        "情况</p>", "情况<span style='display:none'>旧版</span></p>", 1)
    body = page[page.index("<body>"):page.index("</html>")]
    frames = page[:page.index("<body>")] + f"<frameset cols='20%,*'><frame src='menu.html'><noframes>{body}</noframes>" \
        "</frameset></html>"
    (tmp_path / "frames.html").write_text(frames, encoding="utf-8")
    assert read_document(tmp_path / "frames.html").lines == MERGED_001


@pytest.mark.parametrize("attribute", ["shadowrootmode='open'", "SHADOWROOTMODE=closed", "shadowroot='open'"])
def test_a_declarative_shadow_roots_content_is_read_as_shown(attribute: str, tmp_path: Path) -> None:
    # A web component's declarative shadow root ('<gov-report><template shadowrootmode="open">…'), which a browser
    # shows in place of its host's children, was never read (a template's content is not): the report lost whole.
    # Its slots show the host's children they name (the rest, and the host's text, in the slot without a name; a
    # slot nothing fills its own content); a child no slot takes is not shown.  (A plain <template> stays unread.)
    page = render_html(MERGED_001).decode("utf-8")
    body = page[page.index("<body>") + 6:page.index("</body>")]
    shadow = (f"<gov-report><template {attribute}><h1><slot name='title'>无标题</slot></h1>{body}"
              "<p><slot name='note'>（完）</slot></p><p><slot>无附件</slot></p></template>"
              "<span slot='title'>某局2023年报告</span>附件：<b>统计表</b><i slot='other'>不显示</i></gov-report>"
              "<template><p>模板</p></template>")
    (tmp_path / "page.html").write_text(page.replace(body, shadow), encoding="utf-8")
    assert read_document(tmp_path / "page.html").lines == ["某局2023年报告", *MERGED_001, "（完）", "附件：统计表"]


def test_a_frames_srcdoc_document_is_read_once_where_the_frame_stands(tmp_path: Path) -> None:
    # A browser shows an <iframe srcdoc="…">'s document in the frame (a CMS embedding the report's table as a little
    # page): every iframe was left out, and the table with it.  Its document is read once, as shown (its hidden text,
    # a footnote mark glued to a value left out), where the frame stands; the frame's fallback text is not read.
    import html

    page = render_html(MERGED_001).decode("utf-8").replace("<td>88</td>", "<td>88<sup>1</sup></td>")
    start, end = page.index("<table"), page.index("</table>") + len("</table>")
    inner = "<style>.old{display:none}</style>" + page[start:end].replace("<table", "<table class='t'", 1) + \
        "<p class='old'>旧表</p>"
    framed = page[:start] + f"<iframe srcdoc=\"{html.escape(inner)}\" src='old.html'>您的浏览器不支持框架</iframe>" + \
        page[end:]
    (tmp_path / "framed.html").write_text(framed, encoding="utf-8")
    assert read_document(tmp_path / "framed.html").lines == MERGED_001


def test_a_frames_page_saved_in_the_pages_folder_is_read_where_the_frame_stands(tmp_path: Path) -> None:
    # A page saved 'complete' ('网页，全部') keeps the page of each of its frames in its folder ('报告_files/frame.htm'),
    # which a browser shows in the frame (a CMS showing the report's table so): every iframe was left out, and the table
    # with it.  The frame's page is read as shown (its own sheets, in its folder, hide what they hide; its charset its
    # own), where the frame stands; a frame's page outside the page's folder ('..', an absolute path, a URL) or missing
    # is not read, as a sheet there is not (see test_a_saved_pages_style_sheets_in_its_folder_hide_what_they_hide).
    page = render_html(MERGED_001).decode("utf-8")
    start, end = page.index("<table"), page.index("</table>") + len("</table>")
    (tmp_path / "报告_files").mkdir()
    (tmp_path / "报告_files" / "a.css").write_text(".old { display: none }", encoding="utf-8")
    inner = ("<html><head><meta charset='gbk'><link rel='stylesheet' href='a.css'></head><body>"
             f"{page[start:end]}<p class='old'>旧表</p></body></html>")
    (tmp_path / "报告_files" / "frame.htm").write_bytes(inner.encode("gbk"))
    (tmp_path / "out.htm").write_text("<p>外</p>", encoding="utf-8")
    framed = page[:start] + "<iframe src='%E6%8A%A5%E5%91%8A_files/frame.htm'>您的浏览器不支持框架</iframe>" + page[end:]
    (tmp_path / "报告.html").write_text(framed, encoding="utf-8")
    assert read_document(tmp_path / "报告.html").lines == MERGED_001
    (tmp_path / "sub").mkdir()
    outside = page[:start] + "".join(f"<iframe src='{src}'></iframe>" for src in (
        "../out.htm", (tmp_path / "out.htm").as_posix(), "http://www.example.gov.cn/out.htm", "no.htm")) + page[end:]
    (tmp_path / "sub" / "报告.html").write_text(outside, encoding="utf-8")
    (tmp_path / "sub" / "none.html").write_text(page[:start] + page[end:], encoding="utf-8")
    assert read_document(tmp_path / "sub" / "报告.html").lines == read_document(tmp_path / "sub" / "none.html").lines


def _read_warned_part_unread(path: Path, match: str) -> list:
    """The lines of ``path``, read with one warning: part_unread, its message matching ``match``."""
    with pytest.warns(ReaderWarning, match=match) as caught:
        lines = read_document(path).lines
    assert [w.message.code for w in caught if isinstance(w.message, ReaderWarning)] == ["part_unread"]
    return lines


def test_an_objects_or_embeds_page_is_read_as_a_frames_or_named_where_not_saved(tmp_path: Path) -> None:
    # A CMS may show the report's body as a page in an <object data="….html"> (an <embed src> in it for older
    # browsers): the object was dropped with its fallback, the report's table lost without a word.  Its page saved
    # in the page's folder is read where it stands, once, as an iframe's is; one not saved (a URL, missing) is warned
    # of, naming it, and a page that shows nothing else is refused naming the frame's page.  An object of no page
    # (a video) is not read as one.
    page = render_html(MERGED_001).decode("utf-8")
    start, end = page.index("<table"), page.index("</table>") + len("</table>")
    (tmp_path / "报告_files").mkdir()
    (tmp_path / "报告_files" / "body.htm").write_text(f"<html><body>{page[start:end]}</body></html>", encoding="utf-8")
    (tmp_path / "报告_files" / "x.swf").write_text("<html><body><p>不是网页</p></body></html>", encoding="utf-8")
    embedded = ("<object data='报告_files/body.htm' type='text/html'>您的浏览器不支持<embed src='报告_files/body.htm'>"
                "</object><object data='报告_files/x.swf'></object><embed src='报告_files/x.swf' type='video/x-flv'>")
    (tmp_path / "报告.html").write_text(page[:start] + embedded + page[end:], encoding="utf-8")
    assert read_document(tmp_path / "报告.html").lines == MERGED_001
    away = embedded.replace("报告_files/body.htm", "http://www.example.gov.cn/body.htm")
    (tmp_path / "away.html").write_text(page[:start] + away + page[end:], encoding="utf-8")
    lines = _read_warned_part_unread(tmp_path / "away.html", r"away\.html: the page shown in the page's <object>/<embed> "
                                     r"\('http://www\.example\.gov\.cn/body\.htm'\) is not read")
    assert lines == MERGED_001[:1] + MERGED_001[8:]
    (tmp_path / "only.html").write_text(f"<html><body>{away}</body></html>", encoding="utf-8")
    with pytest.raises(EmptyFileError, match=r"holds no text: what it shows is the page of its frame "
                                             r"'http://www\.example\.gov\.cn/body\.htm', not read"):
        read_document(tmp_path / "only.html")


def test_a_remote_widgets_object_beside_the_reports_tables_is_not_warned_of(tmp_path: Path) -> None:
    # A page holding the report's tables may show a site's widget, a weather's or a share bar's, in a small <object>
    # of a URL ('<object type="text/html" data="https://…/widget.html" width="200" height="60">'): it was warned of
    # as a page that may hold the report's text.  A box that small shows no report: not named where the page holds
    # its counts; named where its style makes it large, or where the page holds no table of counts.
    page = render_html(MERGED_001).decode("utf-8")
    widgets = ("<div class='foot'><object type='text/html' data='https://tianqi.example.com/plugin/widget.html' "
               "width='200' height='60'></object><embed type='text/html' src='//share.example.com/bar.htm' "
               "style='width: 180px; height:40px'></div>")
    (tmp_path / "widget.html").write_text(page.replace("</body>", f"{widgets}</body>"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        assert read_document(tmp_path / "widget.html").lines == MERGED_001
    large = widgets.replace("width='200'", "style='width:100%;height:800px' width='200'")
    (tmp_path / "large.html").write_text(page.replace("</body>", f"{large}</body>"), encoding="utf-8")
    assert _read_warned_part_unread(tmp_path / "large.html", r"<object>/<embed> \('https://tianqi\.example\.com/"
                                    r"plugin/widget\.html'\) is not read") == MERGED_001
    (tmp_path / "bare.html").write_text(f"<html><body><p>年度报告</p>{widgets}</body></html>", encoding="utf-8")
    assert _read_warned_part_unread(tmp_path / "bare.html", r"widget\.html', '//share\.example\.com/bar\.htm'\) "
                                    r"is not read") == ["年度报告"]


@pytest.mark.parametrize("src", ["/plugin/widget.html", "\\plugin\\widget.html"])
def test_a_site_root_widgets_object_beside_the_reports_tables_is_not_warned_of(src: str, tmp_path: Path) -> None:
    # A small <object> of a page by its path from the site's root ('<object data="/plugin/widget.html" width="200"
    # height="60">', saved with the page) is the site's, never in the page's folder, as a URL's: it was warned of as a
    # page that may hold the report's text where the page holds the report's tables.  Named only where the page holds
    # no table of counts.
    page = render_html(MERGED_001).decode("utf-8")
    widget = f"<object data='{src}' width='200' height='60'></object>"
    (tmp_path / "widget.html").write_text(page.replace("</body>", f"{widget}</body>"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        assert read_document(tmp_path / "widget.html").lines == MERGED_001
    (tmp_path / "bare.html").write_text(f"<html><body><p>年度报告</p>{widget}</body></html>", encoding="utf-8")
    assert _read_warned_part_unread(tmp_path / "bare.html", rf"\({re.escape(repr(src))}\) is not read") == ["年度报告"]


def test_a_document_a_page_shows_in_an_embed_or_a_frame_is_named(tmp_path: Path) -> None:
    # A page may show the report itself as a PDF ('<embed src="2020年报.pdf">', an <object data>, an iframe): the
    # page read gave its wrapper's text alone, without a word that the report is that file.  It is warned of
    # (part_unread) naming the file, never read as a page (a PDF saved beside the page is not parsed as HTML); a page
    # showing nothing else is refused naming it.
    page = render_html(MERGED_001).decode("utf-8")
    start, end = page.index("<table"), page.index("</table>") + len("</table>")
    (tmp_path / "报告_files").mkdir()
    (tmp_path / "报告_files" / "a.pdf").write_text("<html><body><p>不是网页</p></body></html>", encoding="utf-8")
    shown = "<embed src='/u/2020年报.pdf' type='application/pdf'><iframe src='报告_files/a.pdf#page=1'></iframe>"
    (tmp_path / "报告.html").write_text(page[:start] + shown + page[end:], encoding="utf-8")
    lines = _read_warned_part_unread(tmp_path / "报告.html", r"报告\.html: the page shows the document\(s\) "
                                     r"'/u/2020年报\.pdf', '报告_files/a\.pdf#page=1' in a frame, <object> or <embed>, not read")
    assert lines == MERGED_001[:1] + MERGED_001[8:]
    (tmp_path / "only.html").write_text("<html><body><object data='2020.PDF'><a href='2020.PDF'>下载</a></object>"
                                        "</body></html>", encoding="utf-8")
    with pytest.raises(EmptyFileError, match=r"holds no text: what it shows is the document '2020\.PDF', not read"):
        read_document(tmp_path / "only.html")
    from toolkit import readers, webpage  # (the documents named are the files of the formats read but a page's)

    assert webpage._DOCUMENT_EXTENSIONS == {ext for ext, kind in readers._EXTENSIONS.items() if kind in (
        "pdf", "ofd", "doc", "docx")}


def test_a_framesets_pages_saved_in_the_pages_folder_are_read_in_order(tmp_path: Path) -> None:
    # A page of frames (<frameset><frame src=…>, an older site's) saved 'complete' keeps each frame's page in its
    # folder: a browser shows them, the reader refused the page ('holds no text') or read its <noframes> fallback.
    # Each frame's page is read, in order, as an iframe's is (see the test above); the fallback is not read then.
    (tmp_path / "报告_files").mkdir()
    (tmp_path / "报告_files" / "menu.htm").write_text("<html><body><p>一、总体情况</p></body></html>", "utf-8")
    (tmp_path / "报告_files" / "main.htm").write_bytes(render_html(MERGED_001))
    (tmp_path / "报告.html").write_text(
        "<html><head><title>年报</title></head><frameset cols='20%,80%'><frame src='报告_files/menu.htm'>"
        "<frameset rows='*'><frame name=main src='报告_files/main.htm'></frameset><frame src='../x.htm'>"
        "<noframes><p>您的浏览器不支持框架</p></noframes></frameset></html>", encoding="utf-8")
    assert read_document(tmp_path / "报告.html").lines == ["一、总体情况", *MERGED_001]


def test_a_pages_frames_read_add_up_to_at_most_max_bytes(tmp_path: Path) -> None:
    # Each frame's page was capped (16 MiB), their count too (32), but not their sum: 32 frames of 16 MiB read 512 MiB
    # past --max-bytes (50 MiB), and a web archive's frames may name one large part again and again.  The page and its
    # frames' pages add up to at most max_bytes: the frames past it are not read, warned of once naming the file, and
    # the rest of the page is read.
    (tmp_path / "报告_files").mkdir()
    for i in range(6):
        (tmp_path / "报告_files" / f"f{i}.htm").write_text(f"<html><body><p>框架{i}</p><!--{'x' * 4000}--></body></html>",
                                                           "utf-8")
    page = "<html><body><p>一、总体情况</p>" + "".join(
        f"<iframe src='报告_files/f{i}.htm'></iframe>" for i in range(6)) + "<p>（完）</p></body></html>"
    path = tmp_path / "报告.html"
    path.write_text(page, "utf-8")
    assert read_document(path).lines == ["一、总体情况", *(f"框架{i}" for i in range(6)), "（完）"]
    with pytest.warns(ReaderWarning, match=r"报告\.html: the page of the frame '报告_files/f3\.htm' and the frames after "
                      r"it are not read") as caught:
        lines = read_document(path, max_bytes=len(page.encode()) + 3 * 4100).lines
    assert lines == ["一、总体情况", "框架0", "框架1", "框架2", "（完）"]
    assert [w.message.code for w in caught if isinstance(w.message, ReaderWarning)] == ["part_unread"]
    # a web archive: its frames name one part again and again
    inner = f"<html><body><p>框架</p><!--{'x' * 4000}--></body></html>".encode()
    framed = ("<html><body><p>一、总体情况</p>" + "<iframe src='cid:frame-1@mhtml.blink'></iframe>" * 6 +
              "<p>（完）</p></body></html>").encode()
    archive = tmp_path / "page.mht"
    archive.write_bytes(render_mht([], page=framed, frames=(({"Content-Location": "cid:frame-1@mhtml.blink",
                                                               "Content-Type": "text/html"}, inner),)))
    assert read_document(archive).lines == ["一、总体情况", *["框架"] * 6, "（完）"]
    with pytest.warns(ReaderWarning, match="are not read"):
        lines = read_document(archive, max_bytes=archive.stat().st_size).lines
    assert "框架" in lines and len(lines) < 8 and lines[-1] == "（完）"


@pytest.mark.parametrize("key", ["001", "004"])
def test_html_pre_keeps_its_line_breaks(tmp_path: Path, key: str) -> None:
    # Some sites paste the report as preformatted text.
    import html as html_lib

    import toolkit

    text = SEED[key].read_text(encoding="utf-8")
    path = tmp_path / "pre.html"
    path.write_text(f"<html><body><h1>标题</h1><pre>{html_lib.escape(text)}</pre><p>页脚</p></body></html>",
                    encoding="utf-8")
    lines = read_document(path).lines
    assert lines[0] == "标题" and lines[-1] == "页脚"
    # the lines as written, tabs and blank lines kept: before, blank lines were dropped and tabs collapsed,
    # and 004's tab layout (cells after a tab, rows between blank lines) lost 20 of its 38 request numbers
    assert lines[1:-1] == [line.rstrip(" \r") for line in text.rstrip().splitlines()]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    assert toolkit.parse_report(path).tables[keys].equals(toolkit.parse_report(SEED[key]).tables[keys])


@pytest.mark.parametrize("box", ["<div style='white-space: pre-wrap'>{}</div>", "<div class='c'><span>{}</span></div>",
                                 "<textarea readonly>{}</textarea>"])
def test_html_text_whose_white_space_keeps_its_line_breaks_is_read_line_by_line(box: str, tmp_path: Path) -> None:
    # A CMS showing the report's plain text in a box whose white-space keeps its line breaks (pre-wrap, pre-line: by
    # the box's style or a sheet's rule; a <textarea>'s own) shows it line by line, as a <pre>: it was read as one
    # line, its headings and table rows run together, and no table was found.  A child whose white-space is normal
    # runs its lines together, as a browser shows it.
    import html as html_lib

    import toolkit

    text = SEED["001"].read_text(encoding="utf-8")
    path = tmp_path / "box.html"
    path.write_text("<html><head><style>.c { white-space: pre-line } .n { white-space: normal }</style></head><body>"
                    f"<h1>标题</h1>{box.format(html_lib.escape(text))}<p class='c'>页脚<span class='n'>甲\n乙</span>\n完"
                    "</p></body></html>", encoding="utf-8")
    lines = read_document(path).lines
    assert lines[0] == "标题" and lines[-2:] == ["页脚甲乙", "完"]
    assert lines[1:4] == [line.strip() for line in text.splitlines()[:3]]
    keys = ["table", "row_key", "col_key", "value", "raw", "flag"]
    assert toolkit.parse_report(path).tables[keys].equals(toolkit.parse_report(SEED["001"]).tables[keys])
    # (the white space between a table's rows and cells is no line break; a cell's own is)
    path.write_text("<html><body><div style='white-space: pre-wrap'>\n<table>\n<tr>\n<td>行政\n许可</td>\n<td>1</td>"
                    "\n</tr>\n<tr><td>其他</td><td>2</td></tr>\n</table>\n</div></body></html>", encoding="utf-8")
    assert read_document(path).lines == [["行政 许可", "1"], ["其他", "2"]]


def test_a_web_archives_style_sheets_hide_what_they_hide(tmp_path: Path) -> None:
    # A page saved as one file by a browser (Chrome's, IE's MHT) keeps its style sheets as parts of the archive, which
    # its <link rel="stylesheet"> name by their address (relative to the page's, absolute, or 'cid:'): a class they hide
    # (an old version's words, a hidden copy of a cell) was read as shown, the sheets not read.  A sheet for print, an
    # alternate one (a user's choice), a disabled one (a theme a script turns on: it hid what a browser shows), or one
    # no link names, hides nothing.
    page = ("<html><head><link rel='stylesheet' href='css/a.css'><link rel=stylesheet href='cid:b@mhtml.blink'>"
            "<link rel='stylesheet' media='print' href='http://www.example.gov.cn/p.css'>"
            "<link rel='alternate stylesheet' href='/n.css'><link rel='stylesheet' disabled href='/d.css'></head><body>"
            "<p>一、总体情况<span class='old'>旧版</span><span class='b'>隐</span><span class='p'>印</span>"
            "<span class='n'>无</span></p><table><tr><td>件</td><td><span class='old'>9</span>7</td></tr></table>"
            "<p class='d'>（完）</p></body></html>").encode()
    sheets = (({"Content-Location": "http://www.example.gov.cn/zfxxgk/css/a.css"}, ".old { display: none }"),
              ({"Content-Location": "cid:b@mhtml.blink"}, ".b { visibility: hidden }"),
              ({"Content-Location": "http://www.example.gov.cn/p.css"}, ".p { display: none }"),
              ({"Content-Location": "http://www.example.gov.cn/n.css"}, ".n { display: none }"),
              ({"Content-Location": "http://www.example.gov.cn/d.css"}, ".d { display: none }"))
    path = tmp_path / "page.mht"
    path.write_bytes(render_mht([], page=page, sheets=sheets))
    assert read_document(path).lines == ["一、总体情况印无", ["件", "7"], "（完）"]


def test_a_web_archives_frames_are_read_where_they_stand(tmp_path: Path) -> None:
    # A browser saving a page as one file keeps the page of each of its frames as a part of the archive (Chrome's
    # 'cid:frame-…@mhtml.blink', IE's by its address): the frames were left out, and the report's table a CMS shows in
    # one with them.  A frame's page is read as shown (its sheets in the archive hide what they hide, its charset its
    # part's), where the frame stands; a frame whose page the archive does not hold is left out.
    page = render_html(MERGED_001).decode("utf-8")
    start, end = page.index("<table"), page.index("</table>") + len("</table>")
    framed = (page[:start] + "<iframe src='cid:frame-1@mhtml.blink'></iframe><iframe src='t/old.html'></iframe>"
              "<iframe src='http://www.example.gov.cn/ad.html'></iframe>" + page[end:]).encode("utf-8")
    inner = (f"<html><head><link rel='stylesheet' href='http://www.example.gov.cn/zfxxgk/t/a.css'></head><body>"
             f"{page[start:end]}<p class='old'>旧表</p></body></html>").encode("gbk")
    frames = (({"Content-Location": "cid:frame-1@mhtml.blink", "Content-Type": "text/html; charset=gbk"}, inner),)
    sheets = (({"Content-Location": "http://www.example.gov.cn/zfxxgk/t/a.css"}, ".old { display: none }"),)
    frames += (({"Content-Location": "http://www.example.gov.cn/zfxxgk/t/old.html", "Content-Type": "text/html"},
                b"<html><head><link rel=stylesheet href='a.css'></head><body><p class='old'>x</p></body></html>"),)
    path = tmp_path / "page.mht"
    path.write_bytes(render_mht([], page=framed, sheets=sheets, frames=frames))
    assert read_document(path).lines == MERGED_001


def test_a_saved_pages_style_sheets_in_its_folder_hide_what_they_hide(tmp_path: Path) -> None:
    # A page saved by a browser as 'web page, complete' ('网页，全部') keeps its style sheets in a folder beside it
    # ('报告_files/', IE's '报告.files/'), linked by a relative address: a class they hide (an old version's words, a
    # hidden copy of a cell) was read as shown.  A sheet outside the page's folder ('..', an absolute path, a URL),
    # a missing one, or one for print, hides nothing.
    (tmp_path / "报告_files").mkdir()
    (tmp_path / "报告_files" / "a.css").write_text(".old { display: none }", encoding="utf-8")
    (tmp_path / "报告.files").mkdir()
    (tmp_path / "报告.files" / "b c.css").write_text(".b { visibility: hidden }", encoding="utf-8")
    (tmp_path / "报告_files" / "p.css").write_text(".p { display: none }", encoding="utf-8")
    (tmp_path / "out.css").write_text(".u { display: none }", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    page = ("<html><head><link rel='stylesheet' href='报告_files/a.css?v=2'>"
            "<link rel=stylesheet href='./%E6%8A%A5%E5%91%8A.files/b%20c.css'>"
            "<link rel='stylesheet' media='print' href='报告_files/p.css'><link rel='stylesheet' href='../out.css'>"
            f"<link rel='stylesheet' href='{(tmp_path / 'out.css').as_posix()}'><link rel='stylesheet' href='no.css'>"
            "<link rel='stylesheet' href='http://www.example.gov.cn/out.css'></head><body>"
            "<p>一、总体情况<span class='old'>旧版</span><span class='b'>隐</span><span class='p'>印</span>"
            "<span class='u'>外</span></p><table><tr><td>件</td><td><span class='old'>9</span>7</td></tr></table>"
            "</body></html>")
    path = tmp_path / "sub" / "报告.html"
    path.write_text(page.replace("'报告_files/", "'../报告_files/"), "utf-8")  # (the sheets outside its folder)
    assert read_document(path).lines == ["一、总体情况旧版隐印外", ["件", "97"]]
    path = tmp_path / "报告.html"
    path.write_text(page, "utf-8")
    assert read_document(path).lines == ["一、总体情况印外", ["件", "7"]]


def test_web_page_without_html_extension_is_sniffed(tmp_path: Path) -> None:
    # (a name ending in a dot, a download saved as '报告.', has no extension either: it was refused, "unsupported
    # file extension '.'", where the same file without the dot is read)
    for name in ("report.asp", "report", "report."):
        path = tmp_path / name
        path.write_bytes(render_html(MERGED_001, encoding="gbk", colspan_header=True))
        doc = read_document(path)
        assert (doc.format, doc.encoding) == ("html", "gbk")
        assert doc.lines == MERGED_001
    for name in ("plain", "plain."):
        plain = tmp_path / name
        plain.write_bytes(SEED["004"].read_bytes())
        assert read_document(plain).lines == seed_lines("004")


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------


def test_docx_round_trip_seed_rows(tmp_path: Path) -> None:
    path = tmp_path / "001.docx"
    render_docx(ACTIVE_001_DOC, path)
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("docx", None)
    # the last row is padded to the table's width by the renderer
    assert doc.lines == [*ACTIVE_001_DOC[:-2], ["政府集中采购", "4", "630.2", ""], ACTIVE_001_DOC[-1]]


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\ufeff", "\u2060", "\u200c"])
def test_a_character_that_shows_nothing_is_not_in_a_docx_documents_lines(mark: str, tmp_path: Path) -> None:
    # Text pasted from a page into Word keeps a soft hyphen, a zero-width space, a BOM, a word joiner or a
    # non-joiner, which Word shows as nothing: they reached the document's lines, splitting a heading
    # ('二、主动公开政府信息\u200b情况'), a label ('规\u00ad章') and a number ('6\u200c30.2'); dropped as a page's are.
    def marked(item):
        if isinstance(item, list):
            return [f"{cell[0]}{mark}{cell[1:]}" if cell else cell for cell in item]
        return f"{item[:-2]}{mark}{item[-2:]}"

    render_docx([marked(item) for item in ACTIVE_001_DOC], tmp_path / "marked.docx")
    render_docx(ACTIVE_001_DOC, tmp_path / "plain.docx")
    assert read_document(tmp_path / "marked.docx").lines == read_document(tmp_path / "plain.docx").lines


@pytest.mark.parametrize("fmt, numbers", [
    ("decimalEnclosedCircleChinese", "①②③"), ("decimalEnclosedFullstop", "⒈⒉⒊"), ("ideographEnclosedCircle", "㊀㊁㊂"),
    ("chineseLegalSimplified", "壹贰叁"), ("ideographLegalTraditional", "壹貳參"), ("ideographDigital", "一二三"),
    ("taiwaneseCountingThousand", "一二三"), ("ideographZodiac", "子丑寅")])
def test_docx_list_numbers_in_chinese_formats(fmt: str, numbers: str, tmp_path: Path) -> None:
    # Word's Chinese number formats (① in 编号库, 壹 贰 叁, 子 丑 寅 …): before, such list items got no number at all
    import re
    import zipfile

    import docx

    document = docx.Document()
    items = ["加强组织领导。", "完善工作机制。", "强化监督考核。"]
    for item in items:
        document.add_paragraph(item, style="List Number")
    document.save(tmp_path / "plain.docx")
    with zipfile.ZipFile(tmp_path / "plain.docx") as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    numbering = parts["word/numbering.xml"].decode("utf-8")
    parts["word/numbering.xml"] = re.sub(r'<w:numFmt w:val="decimal"/>', f'<w:numFmt w:val="{fmt}"/>', numbering).encode()
    with zipfile.ZipFile(tmp_path / "list.docx", "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    assert read_document(tmp_path / "plain.docx").lines == [f"{n}.{item}" for n, item in zip("123", items)]
    assert read_document(tmp_path / "list.docx").lines == [f"{n}.{item}" for n, item in zip(numbers, items)]


_MAIN_TYPES = {
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


@pytest.mark.parametrize("kind", sorted(_MAIN_TYPES))
@pytest.mark.parametrize("renamed", [False, True])
def test_docx_with_macros_or_a_template_is_read(kind: str, renamed: bool, tmp_path: Path) -> None:
    # A Word document with macros (.docm) or a template (.dotx, .dotm), also renamed .docx by a document system,
    # was refused: "not a valid DOCX: ValueError: file '<_io.BytesIO object at 0x…>' is not a Word file"
    import zipfile

    from toolkit.corpus import SUPPORTED_EXTENSIONS

    render_docx(ACTIVE_001_DOC, tmp_path / "plain.docx")
    with zipfile.ZipFile(tmp_path / "plain.docx") as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(main, _MAIN_TYPES[kind].encode())
    path = tmp_path / (f"{kind}.docx" if renamed else f"report.{kind}")
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    doc = read_document(path)
    assert doc.format == "docx" and doc.lines == read_document(tmp_path / "plain.docx").lines
    assert f".{kind}" in SUPPORTED_EXTENSIONS  # a corpus run finds them in a folder


@pytest.mark.parametrize("extension", [".docx", ""])
def test_a_docx_whose_main_part_has_another_name_is_read(extension: str, tmp_path: Path) -> None:
    # The main part is the one the package's relationships name (_rels/.rels, officeDocument), and Word for the web
    # and others save it as word/document2.xml: such a file was refused, "not a valid DOCX: word/document.xml is
    # missing" (and, with no extension, "a ZIP archive that is not a DOCX"); Word opens it, and so does this reader
    render_docx(MERGED_001, tmp_path / "plain.docx", colspan_header=True)

    def rename(parts: dict) -> None:
        parts["word/document2.xml"] = parts.pop("word/document.xml")
        parts["word/_rels/document2.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
        for name in ("[Content_Types].xml", "_rels/.rels"):
            assert b"word/document.xml" in parts[name]
            parts[name] = parts[name].replace(b"word/document.xml", b"word/document2.xml")

    path = tmp_path / f"renamed{extension}"
    path.write_bytes(rezip((tmp_path / "plain.docx").read_bytes(), rename))
    doc = read_document(path)
    assert doc.format == "docx" and doc.lines == MERGED_001
    # a package whose relationships name no part it holds is still refused, by name
    path = tmp_path / "missing.docx"
    path.write_bytes(rezip((tmp_path / "plain.docx").read_bytes(), lambda parts: parts.pop("word/document.xml")))
    with pytest.raises(CorruptFileError, match="word/document.xml is missing"):
        read_document(path)


def test_a_strict_open_xml_docx_is_read(tmp_path: Path, parsed_seed) -> None:
    # Word's 'Strict Open XML Document' (its parts in the http://purl.oclc.org/ooxml/ namespaces) was refused:
    # "not a valid DOCX: KeyError: no relationship of type '…/officeDocument' in collection".
    import toolkit
    from test_formats import _as_lines, _cells, _same

    original = parsed_seed("001_4d29bfef72dd56db")
    render_docx(_as_lines(original), tmp_path / "plain.docx")
    render_docx(_as_lines(original), tmp_path / "strict.docx")
    strict_docx(tmp_path / "strict.docx")
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(tmp_path / "strict.docx").read(
        "word/document.xml")
    doc = read_document(tmp_path / "strict.docx")
    assert doc.format == "docx" and doc.lines == read_document(tmp_path / "plain.docx").lines
    assert _same(_cells(toolkit.parse_report(tmp_path / "strict.docx")), _cells(original))


def test_worksheet_object_cells_read_as_excel_shows_them() -> None:
    # A worksheet pasted into Word as an object: numbers in their formats' decimals (a percentage as one), the
    # accounting format's dash for zero and brackets for a negative as the value, a formula's cached value (one
    # never computed is blank, not 0), a merged range one cell as in a Word table, hidden rows and the blank edge
    # of the used range left out.
    import datetime
    import io

    import openpyxl

    from toolkit.word import _worksheet_rows

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, None])  # a blank edge
    sheet.append([None, "项目", 0.125, 1.5, 0, -22, "已办\n结", datetime.datetime(2021, 1, 30)])
    sheet.append([None, "合计", None, None, 700, 800])
    sheet.append([None, "小计", 1])
    sheet.append([None, None, 2])
    sheet.append([None, "内部", 99])
    for ref, fmt in (("C2", "0.0%"), ("D2", "0.00"), ("E2", '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)'),
                     ("F2", "#,##0;(#,##0)"), ("H2", "yyyy-mm-dd")):
        sheet[ref].number_format = fmt
    sheet.merge_cells("B3:D3")
    sheet.merge_cells("B4:B5")
    sheet.row_dimensions[6].hidden = True
    out = io.BytesIO()
    book.save(out)

    def formulas(parts: dict) -> None:  # one with its cached value, one never computed
        xml = parts["xl/worksheets/sheet1.xml"].replace(b'<c r="E3" t="n"><v>700</v></c>',
                                                        b'<c r="E3"><f>SUM(E2:E2)+7</f><v>7</v></c>')
        parts["xl/worksheets/sheet1.xml"] = xml.replace(b'<c r="F3" t="n"><v>800</v></c>', b'<c r="F3"><f>F2*2</f></c>')
        assert parts["xl/worksheets/sheet1.xml"].count(b"<f>") == 2

    assert _worksheet_rows(rezip(out.getvalue(), formulas), "a.docx#word/embeddings/sheet.xlsx") == [
        ["项目", "12.5%", "1.50", "0", "-22", "已办 结", "2021-01-30"],
        ["合计", "7", "", "", ""],
        ["小计", "1", "", "", "", "", ""],
        ["2", "", "", "", "", ""],
    ]


@pytest.mark.parametrize("kind", ["drop", "margin"])
def test_docx_drop_cap_starts_its_paragraph(kind: str, tmp_path: Path) -> None:
    # a drop cap (Word's 首字下沉: the paragraph's first letters in a frame of their own, w:framePr w:dropCap) is a
    # paragraph of its own in the file, which Word shows as the start of the next: '2' then '020年…' read as two
    # lines, the year lost. It is joined to the next paragraph (a frame of no drop cap stays apart)
    import docx
    from docx.oxml import parse_xml

    lines = [line.strip() for line in seed_lines("001")[:20] if line.strip()]
    document = docx.Document()
    capped = [k for k, line in enumerate(lines) if len(line) > 20][:2]
    for k, line in enumerate(lines):
        p = document.add_paragraph(line[1:] if k in capped else line)
        if k in capped:
            cap = "none" if k == capped[1] else kind  # (a frame of no drop cap: '…' stays apart)
            p._p.addprevious(parse_xml(
                f'<w:p xmlns:w="{_W}"><w:pPr><w:framePr w:dropCap="{cap}" w:lines="3" w:wrap="around"/></w:pPr>'
                f'<w:r><w:t>{line[0]}</w:t></w:r></w:p>'))
    path = tmp_path / "cap.docx"
    document.save(path)
    second = capped[1]
    assert read_document(path).lines == [*lines[:second], lines[second][0], lines[second][1:], *lines[second + 1:]]


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("first_page", [False, True])
@pytest.mark.parametrize("in_table", [False, True])
def test_docx_title_held_only_in_the_page_header(tmp_path: Path, first_page: bool, strict: bool,
                                                 in_table: bool) -> None:
    # (``in_table``: the header laid out as a table, an emblem's cell beside the title's: the title was not found,
    # the rows of a header being left out, and agency and year were NA)
    import docx
    from docx.shared import Cm

    import toolkit

    lines = seed_lines("001")
    title = lines[0]
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = first_page
    header = section.first_page_header if first_page else section.header
    if in_table:
        cells = header.add_table(1, 2, Cm(16)).rows[0].cells
        cells[0].text, cells[1].text = "（徽标）", title
    else:
        header.paragraphs[0].text = title
    for line in lines[2:40]:  # from the preamble on: no title in the body
        document.add_paragraph(line)
    path = tmp_path / "header.docx"
    document.save(path)
    if strict:  # the header's relationship in the strict namespace
        strict_docx(path)
    doc = read_document(path)
    assert doc.lines[0] == title and doc.lines[1] == lines[2]
    meta = toolkit.parse_report(path).metadata
    assert (meta["agency"], meta["report_year"]) == ("乌当区人民政府", 2020)


def test_docx_title_in_the_page_header_beside_an_empty_content_control_is_read(tmp_path: Path) -> None:
    # A header template's content control left empty shows its prompt (w:showingPlcHdr, Word's placeholder style):
    # the body's such prompts were hidden, the header's not, so its line read '单击或点击此处输入文字。2020年乌当区…
    # 年度报告', no title, and agency was NA. The header's prompts are hidden as the body's.
    import docx
    from docx.oxml import parse_xml

    import toolkit

    lines = seed_lines("001")
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(f'<w:sdt xmlns:w="{_W}"><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>'
                               '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t>'
                               '</w:r></w:sdtContent></w:sdt>'))
    header.add_run(lines[0])
    for line in lines[2:40]:  # from the preamble on: no title in the body
        document.add_paragraph(line)
    path = tmp_path / "header.docx"
    document.save(path)
    assert read_document(path).lines[:2] == [lines[0], lines[2]]
    assert toolkit.parse_report(path).metadata["agency"] == "乌当区人民政府"

def test_docx_page_header_is_not_read_when_the_body_has_the_title(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某某局2019年政府信息公开工作年度报告"
    for line in seed_lines("001")[:20]:
        document.add_paragraph(line)
    path = tmp_path / "both.docx"
    document.save(path)
    assert read_document(path).lines == [line.strip() for line in seed_lines("001")[:20] if line.strip()]


_TRADITIONAL_001 = "2020年烏當區人民政府信息公開工作年度報告"  # seed 001's title in traditional characters


@pytest.mark.parametrize("in_body", [False, True])
def test_docx_title_in_traditional_characters_is_found_in_the_header_or_the_body(tmp_path: Path,
                                                                                 in_body: bool) -> None:
    # The title was looked for in the page header's lines and in the body's as written, not as the pipeline reads
    # them (normalized: simplified): seed 001's title in traditional characters held only in the header was no
    # title (agency NA), and one in the body was none either, so another title in the header was put before it.
    import docx

    import toolkit

    lines = seed_lines("001")
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = "某某局2019年政府信息公开工作年度报告" if in_body else _TRADITIONAL_001
    for line in ([_TRADITIONAL_001] if in_body else []) + lines[2:40]:
        document.add_paragraph(line)
    path = tmp_path / "traditional.docx"
    document.save(path)
    assert read_document(path).lines[:2] == [_TRADITIONAL_001, lines[2]]
    meta = toolkit.parse_report(path).metadata
    assert (meta["agency"], meta["report_year"]) == ("乌当区人民政府", 2020)


def test_docx_horizontal_merge_is_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "merged.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    assert read_document(path).lines == MERGED_001


# A count merged across columns ('<td colspan="6">0</td>', a Word cell of w:gridSpan 6 holding 0: one zero over the
# six applicants' columns of seed 001's '二、上年结转…' row, a layout for 'all zero') was read as one cell: the row
# ragged, its total 0 moved under 自然人 and all seven counts NA, unflagged.  The format does not say that one figure
# over several columns counts each: the six counts it spans are NA and flagged (merged_down, naming the merge), the
# total after it in its column; the headers merged across (words) and the rows' last counts spanning the columns
# their rows leave free stay one cell each.
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_count_merged_across_columns_is_as_many_missing_counts_and_flagged(fmt: str, tmp_path: Path) -> None:
    import docx

    import toolkit

    label = "二、上年结转政府信息公开申请数量"
    path = tmp_path / f"across.{fmt}"
    if fmt == "html":
        page = render_html(MERGED_001, colspan_header=True).decode("utf-8")
        row = f"<td>{label}</td>" + "<td>0</td>" * 6
        assert row in page
        path.write_text(page.replace(row, f'<td>{label}</td><td colspan="6">0</td>'), encoding="utf-8")
    else:
        render_docx(MERGED_001, path, colspan_header=True)
        document = docx.Document(path)
        cells = next(r.cells for t in document.tables for r in t.rows if r.cells[0].text == label)
        cells[1].merge(cells[6]).text = "0"  # (w:gridSpan 6)
        document.save(path)
    with pytest.warns(ReaderWarning, match="merged across 6 columns"):
        lines = read_document(path).lines
    rows = [line for line in lines if isinstance(line, list)]
    assert [label, *[""] * 6, "0"] in rows
    assert ["一、本年新收政府信息公开申请数量", "88", "11", "0", "0", "0", "0", "99"] in rows  # (its 99 spans two)
    assert ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"] in rows
    with pytest.warns(ReaderWarning):
        report = toolkit.parse_report(path)
    values = report.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
    assert values.loc[("requests", "carried_over", "total")] == 0
    assert values.loc["requests", "carried_over"].drop("total").isna().all()
    assert values.loc[("requests", "new", "total")] == 99
    flags = [f for f in report.flags if f.code == "merged_down"]
    assert [f.detail for f in flags] == [f"'0' in columns 2 to 7 of the row '{label}' is one cell merged across 6 "
                                         f"columns: they are read as missing (one figure for several columns)"]
    assert report.lines[flags[0].line - 1].startswith(label)
    assert not [f for f in report.flags if f.code == "ragged"]

# The Article 20 table as the official page lays it out (templates-detail.md 3.2: its grid five columns wide, the middle
# value column two grid columns merged in every row): a count over that merged column is one value of its column, no
# count merged across (no row splits the two grid columns), read as written and not flagged.
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_count_over_a_column_merged_in_every_row_is_one_value(fmt: str, tmp_path: Path) -> None:
    import docx

    rows = [["信息内容", "本年新制作数量", "本年新 公开数量", "对外公开 总数量"], ["规章", "0", "0", "0"],
            ["规范性文件", "1", "1", "5"]]
    path = tmp_path / f"middle.{fmt}"
    if fmt == "html":
        cells = ["".join(f"<td{' colspan=2' if k == 2 else ''}>{cell}</td>" for k, cell in enumerate(row))
                 for row in rows]
        path.write_text("<html><body><p>二、主动公开政府信息情况</p><table>" + "".join(f"<tr>{row}</tr>" for row in cells)
                        + "</table></body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph("二、主动公开政府信息情况")
        table = document.add_table(rows=len(rows), cols=5)
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            cells[2].merge(cells[3])  # (w:gridSpan 2)
            for cell, text in zip([cells[0], cells[1], cells[2], cells[4]], row):
                cell.text = text
        document.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        lines = read_document(path).lines
    assert [line for line in lines if isinstance(line, list)] == rows


def _write_active_001_page(path: Path, title: str, rows: list[str]) -> None:
    """Write to ``path`` a page of seed 001's Article 20 table as the official page lays it out: its title over the
    grid's five columns, then ``rows`` (each a row's ``<td>`` cells), under seed 001's heading."""
    path.write_text(f"<html><body><p>{MERGED_001[0]}</p><table><tr><td colspan=5>{title}</td></tr>"
                    + "".join(f"<tr>{row}</tr>" for row in rows) + "</table></body></html>", encoding="utf-8")


def _active_001_docx(title: str, rows: list[list[str]]):
    """A Word document (unsaved) of seed 001's Article 20 table as the official form lays it out: its title over the
    grid's five columns, the middle value column two grid columns (w:gridSpan 2) in every row of ``rows``."""
    import docx

    document = docx.Document()
    document.add_paragraph(MERGED_001[0])
    table = document.add_table(rows=len(rows) + 1, cols=5)
    table.rows[0].cells[0].merge(table.rows[0].cells[4]).text = title
    for r, row in enumerate(rows, start=1):
        cells = table.rows[r].cells
        cells[2].merge(cells[3])  # (w:gridSpan 2)
        for cell, text in zip([cells[0], cells[1], cells[2], cells[4]], row):
            cell.text = text
    return document


# A blank under the Article 20 table's middle column as the official page lays it out (seed 001's table, its grid five
# columns wide, the middle value column two grid columns merged in every row: '<td colspan=2>&nbsp;</td>', a Word
# cell of w:gridSpan 2) was read as two blanks, the row five cells under a four-cell header and its last count a
# column right.  A blank over columns no other row splits is one blank: NA in its column, the last count in its own.
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_blank_over_a_column_merged_in_every_row_is_one_missing_value(fmt: str, tmp_path: Path) -> None:
    import pandas as pd

    import toolkit

    (title, *_), head, regulations, normative = ACTIVE_001[:4]
    normative = [*normative[:2], "", normative[3]]  # (规范性文件: 1, blank, 5)
    rows = [head, regulations, normative]
    path = tmp_path / f"middle.{fmt}"
    if fmt == "html":
        _write_active_001_page(path, title, [
            "".join(f"<td{' colspan=2' if k == 2 else ''}>{cell or '&nbsp;'}</td>" for k, cell in enumerate(row))
            for row in rows])
    else:
        _active_001_docx(title, rows).save(path)
    assert [line for line in read_document(path).lines if isinstance(line, list)] == [[title], *rows]
    report = toolkit.parse_report(path)
    values = report.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
    assert values.loc[("active", "normative_documents", "made")] == 1
    assert pd.isna(values.loc[("active", "normative_documents", "published")])
    assert values.loc[("active", "normative_documents", "total_public")] == 5
    assert values.loc[("active", "regulations")].tolist() == [0, 0, 0]
    assert not [f for f in report.flags if f.code in ("ragged", "merged_down")]


# A cell over three grid columns that the other rows split in two (seed 001's Article 20 table as the official page
# lays it out, its middle value column two grid columns: '规范性文件' | '<td colspan=3>0</td>' over 本年新制作数量 and the
# middle column | 5, a Word cell of w:gridSpan 3) was read as three missing counts (a blank as three blanks), the row
# five cells under a four-cell header, its 5 a column right.  It stands for the two cells the table has there.
@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("value", ["0", ""])
def test_a_cell_over_three_grid_columns_split_in_two_is_two_cells(fmt: str, value: str, tmp_path: Path) -> None:
    import docx
    import pandas as pd

    import toolkit

    (title, *_), head, regulations, normative = ACTIVE_001[:4]
    path = tmp_path / f"three.{fmt}"
    if fmt == "html":
        cells = ["".join(f"<td{' colspan=2' if k == 2 else ''}>{cell}</td>" for k, cell in enumerate(row))
                 for row in (head, regulations)]
        cells.append(f"<td>{normative[0]}</td><td colspan=3>{value or '&nbsp;'}</td><td>{normative[3]}</td>")
        path.write_text(f"<html><body><p>{MERGED_001[0]}</p><table><tr><td colspan=5>{title}</td></tr>"
                        + "".join(f"<tr>{row}</tr>" for row in cells) + "</table></body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph(MERGED_001[0])
        table = document.add_table(rows=4, cols=5)
        table.rows[0].cells[0].merge(table.rows[0].cells[4]).text = title
        for r, row in enumerate((head, regulations), start=1):
            cells = table.rows[r].cells
            cells[2].merge(cells[3])  # (w:gridSpan 2)
            for cell, text in zip([cells[0], cells[1], cells[2], cells[4]], row):
                cell.text = text
        cells = table.rows[3].cells
        cells[1].merge(cells[3]).text = value  # (w:gridSpan 3)
        cells[0].text, cells[4].text = normative[0], normative[3]
        document.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReaderWarning)  # (the merge's, flagged below)
        report = toolkit.parse_report(path)
        rows = [line for line in read_document(path).lines if isinstance(line, list)]
    assert rows[-1] == [normative[0], "", "", normative[3]]
    values = report.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
    assert values.loc[("active", "normative_documents", "total_public")] == 5
    assert pd.isna(values.loc[("active", "normative_documents", "made")])
    assert pd.isna(values.loc[("active", "normative_documents", "published")])
    assert not [f for f in report.flags if f.code == "ragged"]
    merged = [f.detail for f in report.flags if f.code == "merged_down"]
    # (the flag names the two cells made NA, the row's 2nd and 3rd, not the three grid columns it spans)
    assert merged == ([f"'0' in columns 2 to 3 of the row '{normative[0]}' is one cell merged across 2 columns: they "
                       f"are read as missing (one figure for several columns)"] if value else [])


# A count merged down over rows in the Article 20 table as the official page lays it out (seed 001's table, its middle
# value column two grid columns: 规章's 对外公开总数量 '<td rowspan=2>0</td>' over 规范性文件's, a Word cell of
# w:vMerge) was flagged as 'in column 5 of the row 规章', its grid column, where the row shows it 4th and the table
# has four columns.  The flag names the cell where the row holds it, agreeing with the NA it leaves in the tables.
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_value_merged_down_is_named_by_its_place_in_its_row_not_its_grid_column(fmt: str, tmp_path: Path) -> None:
    import pandas as pd

    import toolkit

    (title, *_), head, regulations, normative = ACTIVE_001[:4]
    rows = [head, regulations, normative]
    path = tmp_path / f"down.{fmt}"
    if fmt == "html":
        cells = ["".join(f"<td{' colspan=2' if k == 2 else ''}{' rowspan=2' if (r, k) == (1, 3) else ''}>{cell}</td>"
                         for k, cell in enumerate(row) if (r, k) != (2, 3)) for r, row in enumerate(rows)]
        _write_active_001_page(path, title, cells)
    else:
        document = _active_001_docx(title, rows)
        table = document.tables[0]
        table.cell(2, 4).merge(table.cell(3, 4)).text = regulations[3]  # (w:vMerge)
        document.save(path)
    with pytest.warns(ReaderWarning, match="merged down"):
        report = toolkit.parse_report(path)
    flags = [f for f in report.flags if f.code == "merged_down"]
    assert [f.detail for f in flags] == [f"'0' in column 4 of the row '{regulations[0]}' is merged down over the 1 "
                                         f"cell(s) below it: they are read as missing (one figure for several rows)"]
    assert report.lines[flags[0].line - 1].split(" | ") == [*normative[:3], ""]  # (its 4th cell the one covered)
    values = report.tables.set_index(["table", "row_key", "col_key"])["value"].sort_index()
    assert pd.isna(values.loc[("active", "normative_documents", "total_public")])
    assert values.loc[("active", "regulations")].tolist() == [0, 0, 0]


# The same blank merged down over the Article 20 table's rows ('<td colspan=2 rowspan=2>&nbsp;</td>', a Word cell of
# w:gridSpan 2 and w:vMerge) gave a DOCX's covered row two blanks, its last count a column right, where the page's
# gave one; and the middle column merged by the legacy flags in every row (w:hMerge restart and continue, as a
# converter writes it) gave a blank in it two.  Both are one blank over columns no other row splits.
@pytest.mark.parametrize("fmt", ["html", "docx", "legacy"])
def test_a_blank_merged_over_a_column_merged_in_every_row_is_one_blank_in_each_row(fmt: str, tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    head, regulations, normative = ACTIVE_001[1:4]
    rows = [head, [*regulations[:2], "", regulations[3]], [*normative[:2], "", normative[3]]]
    path = tmp_path / f"down.{fmt.replace('legacy', 'docx')}"
    if fmt == "html":
        page = "".join(f"<td{' colspan=2' if k == 2 else ''}>{cell}</td>" for k, cell in enumerate(head))
        page += "<tr><td>{}</td><td>{}</td><td colspan=2 rowspan=2>&nbsp;</td><td>{}</td></tr>".format(*rows[1][:2],
                                                                                                   rows[1][3])
        page += "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(*rows[2][:2], rows[2][3])
        path.write_text(f"<html><body><p>{MERGED_001[0]}</p><table><tr>{page}</table></body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph(MERGED_001[0])
        table = document.add_table(rows=len(rows), cols=5)
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            if fmt == "legacy":  # (every row's cells 3 and 4 merged by w:hMerge)
                for tc, val in ((cells[2]._tc, "restart"), (cells[3]._tc, None)):
                    merge = OxmlElement("w:hMerge")
                    if val:
                        merge.set(qn("w:val"), val)
                    tc.get_or_add_tcPr().append(merge)
            elif r == 0:
                cells[2].merge(cells[3])  # (w:gridSpan 2)
            for cell, text in zip([cells[0], cells[1], cells[2], cells[4]], row):
                cell.text = text
        if fmt == "docx":
            table.rows[1].cells[2].merge(table.rows[2].cells[3])  # (w:gridSpan 2, merged down: w:vMerge)
        document.save(path)
    assert [line for line in read_document(path).lines if isinstance(line, list)] == rows


# A blank cell spanning columns at a row's end (the head's '自然人 | 法人或其他组织 | 总计' row of seed 001's requests
# table, its blanks after 总计 ending in '<td colspan="2">&nbsp;</td>', a Word cell of w:gridSpan 2) gave a page two
# blank cells and the DOCX one, as a .doc gives it: the tables came out equal, the rows not.  Both give the row's last
# blank spanning cell as one blank (nothing after it to keep in its column); one before another cell stays as many.
def test_a_blank_cell_spanning_columns_at_a_rows_end_gives_a_page_and_a_docx_the_same_rows(tmp_path: Path) -> None:
    import docx

    table = [line if isinstance(line, str) else line + [""] * (9 - len(line)) for line in MERGED_001]
    head = ["自然人", "法人或其他组织", "总计"]
    page = render_html(table).decode("utf-8")
    row = "".join(f"<td>{cell}</td>" for cell in head) + "<td>&nbsp;</td>" * 6
    assert row in page
    pair, blank = '<td colspan="2">&nbsp;</td>', "<td>&nbsp;</td>"
    page = page.replace(row, "".join(f"<td>{cell}</td>" for cell in head) + pair + blank * 2 + pair)
    (tmp_path / "wide.html").write_text(page, encoding="utf-8")
    render_docx(table, tmp_path / "wide.docx")
    document = docx.Document(tmp_path / "wide.docx")
    cells = next(r.cells for t in document.tables for r in t.rows if r.cells[0].text == head[0])
    for first in (3, 7):  # (the row's cells 4 and 5, 8 and 9 merged: w:gridSpan 2)
        cells[first].merge(cells[first + 1])
    document.save(tmp_path / "wide.docx")
    page_rows, docx_rows = ([line for line in read_document(tmp_path / f"wide.{fmt}").lines if isinstance(line, list)]
                            for fmt in ("html", "docx"))
    assert page_rows == docx_rows
    assert [*head, "", "", "", "", ""] in page_rows  # (a pair two blanks, two blanks, the last pair one)
    assert ["一、本年新收政府信息公开申请数量", "88", "11", "0", "0", "0", "0", "99", ""] in page_rows


_STRUCK_STYLE = ('<w:style w:type="character" w:styleId="Old"><w:name w:val="Old"/><w:rPr><w:dstrike/></w:rPr>'
                 '</w:style><w:style w:type="character" w:styleId="OldNote"><w:name w:val="Old Note"/>'
                 '<w:basedOn w:val="Old"/></w:style>')


@pytest.mark.parametrize("props", ["<w:strike/>", '<w:dstrike w:val="1"/>', '<w:rStyle w:val="OldNote"/>',
                                   '<w:strike w:val="0"/><w:dstrike w:val="true"/>'])
def test_docx_an_old_value_struck_through_beside_the_new_one_is_not_read(props: str, tmp_path: Path) -> None:
    # Word's strikethrough (w:strike, w:dstrike, or set by the run's character style): an old value struck through
    # before the one that corrected it read into it, 9188, as the HTML reader read '<s>91</s>88' before it left it
    # out.  A cell all of whose text is struck keeps it, its value; a strike turned off (w:val="0", here over a style
    # that sets it) is no strike, and a struck word in a paragraph is left out too.
    run = "<w:r><w:rPr>{}</w:rPr><w:t>{}</w:t></w:r>"
    path = tmp_path / "struck.docx"
    render_docx(MERGED_001, path, colspan_header=True)

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        for old, new in (("<w:r><w:t>88</w:t></w:r>", run.format(props, "91") + "<w:r><w:t>88</w:t></w:r>"),
                         ("<w:r><w:t>11</w:t></w:r>", run.format(props, "1") + run.format(props, "1")),
                         ("<w:r><w:t>74</w:t></w:r>", run.format('<w:rStyle w:val="Old"/><w:dstrike w:val="false"/>'
                                                                 '<w:strike w:val="off"/>', "74")),
                         ("<w:r><w:t>四、行政复议、行政诉讼情况</w:t></w:r>",
                          run.format(props, "五、") + "<w:r><w:t>四、行政复议、行政诉讼情况</w:t></w:r>")):
            assert old in xml
            xml = xml.replace(old, new, 1)
        parts["word/document.xml"] = xml.encode()
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"</w:styles>", _STRUCK_STYLE.encode()
                                                                    + b"</w:styles>")

    path.write_bytes(rezip(path.read_bytes(), edit))
    assert read_document(path).lines == MERGED_001


def _set_by_the_defaults(tmp_path: Path, edit: Callable[[str], str], tag: str, normal_off: bool, style: str) -> Path:
    """MERGED_001 as a DOCX whose document.xml is ``edit``-ed and has a paragraph '五、旧标题' of a paragraph style
    Draft (setting nothing, based on none) before heading 四, and whose styles.xml sets ``tag`` (w:strike, w:vanish)
    in w:docDefaults, off (w:val="0") in Normal where ``normal_off``, and holds ``style``."""
    path = tmp_path / "defaults.docx"
    render_docx(MERGED_001, path, colspan_header=True)

    def edit_parts(parts: dict) -> None:
        xml = edit(parts["word/document.xml"].decode())
        at = xml.rindex("<w:p>", 0, xml.index("四、行政复议、行政诉讼情况"))
        xml = xml[:at] + '<w:p><w:pPr><w:pStyle w:val="Draft"/></w:pPr><w:r><w:t>五、旧标题</w:t></w:r></w:p>' + xml[at:]
        parts["word/document.xml"] = xml.encode()
        styles = parts["word/styles.xml"].decode()
        styles = re.sub(r"(<w:rPrDefault>\s*<w:rPr>)", rf"\1<w:{tag}/>", styles, count=1)
        assert f"<w:rPr><w:{tag}/>" in styles
        if normal_off:
            normal = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
            assert normal in styles
            styles = styles.replace(normal, normal + f'<w:rPr><w:{tag} w:val="0"/></w:rPr>', 1)
        draft = '<w:style w:type="paragraph" w:styleId="Draft"><w:name w:val="Draft"/></w:style>'
        parts["word/styles.xml"] = styles.replace("</w:styles>", style + draft + "</w:styles>").encode()

    path.write_bytes(rezip(path.read_bytes(), edit_parts))
    return path


_UNSTRUCK = {"run": ('<w:r><w:rPr><w:strike w:val="0"/></w:rPr>', ""),
             "character style": ('<w:r><w:rPr><w:rStyle w:val="Kept"/></w:rPr>',
                                 '<w:style w:type="character" w:styleId="Kept"><w:name w:val="Kept"/>'
                                 '<w:rPr><w:strike w:val="0"/></w:rPr></w:style>'),
             "paragraph style": ("<w:r>", "")}


@pytest.mark.parametrize("how", sorted(_UNSTRUCK))
def test_docx_strike_of_the_document_defaults_is_read_as_a_styles(how: str, tmp_path: Path) -> None:
    # Word's strikethrough set for the whole document (w:docDefaults/w:rPrDefault/w:rPr/w:strike of styles.xml) was
    # not applied: a paragraph of a style setting no strike ('五、旧标题', of a style based on none) and an old value
    # typed plain before its correction ('91' then 88) were read, as Word shows them struck; the text the run, its
    # character style or the paragraph style (Normal, the default) sets unstruck (w:val="0") is read
    run, style = _UNSTRUCK[how]

    def edit(xml: str) -> str:
        xml = re.sub(r"<w:r>(?=<w:t)", run, xml)
        if how != "paragraph style":  # (a plain run in a Normal paragraph: struck by the document's default alone)
            cell = f"{run}<w:t>88</w:t></w:r>"
            assert cell in xml
            xml = xml.replace(cell, "<w:r><w:t>91</w:t></w:r>" + cell, 1)
        return xml

    path = _set_by_the_defaults(tmp_path, edit, "strike", how == "paragraph style", style)
    assert read_document(path).lines == MERGED_001


_SHOWN = {"run": ('<w:vanish w:val="0"/>', ""),
          "character style": ('<w:rStyle w:val="Shown"/>',
                              '<w:style w:type="character" w:styleId="Shown"><w:name w:val="Shown"/>'
                              '<w:rPr><w:vanish w:val="false"/></w:rPr></w:style>')}


@pytest.mark.parametrize("how", sorted(_SHOWN))
def test_docx_hidden_text_of_the_document_defaults_is_read_as_a_styles(how: str, tmp_path: Path) -> None:
    # Hidden text set for the whole document (w:docDefaults/w:rPrDefault/w:rPr/w:vanish of styles.xml) was not
    # applied, as its strike is: a paragraph of a style setting no w:vanish ('五、旧标题', of a style based on none)
    # and an old value typed plain before its correction ('91' then 88, in a cell paragraph of such a style) were
    # read, as Word hides them; the text the run, its character style or the paragraph style (Normal, the default,
    # w:val="0") shows is read
    shown, style = _SHOWN[how]

    def edit(xml: str) -> str:
        cell = "<w:p><w:r><w:t>88</w:t></w:r></w:p>"
        assert cell in xml
        return xml.replace(cell, f'<w:p><w:pPr><w:pStyle w:val="Draft"/><w:rPr>{shown}</w:rPr></w:pPr>'
                                 f'<w:r><w:t>91</w:t></w:r><w:r><w:rPr>{shown}</w:rPr><w:t>88</w:t></w:r></w:p>', 1)

    path = _set_by_the_defaults(tmp_path, edit, "vanish", True, style)
    assert read_document(path).lines == MERGED_001


# a character style setting its text low, and one based on it (setting nothing of its own)
_LOWERED_STYLES = ('<w:style w:type="character" w:styleId="NoteLow"><w:name w:val="Note Low"/>'
                   '<w:rPr><w:vertAlign w:val="subscript"/></w:rPr></w:style>'
                   '<w:style w:type="character" w:styleId="NoteLow2"><w:name w:val="Note Low 2"/>'
                   '<w:basedOn w:val="NoteLow"/></w:style>')


@pytest.mark.parametrize("props", ['<w:vertAlign w:val="subscript"/>', '<w:rStyle w:val="NoteLow2"/>'],
                         ids=["direct", "style"])
def test_docx_a_subscript_mark_after_a_cells_number_is_no_digit_of_it(props: str, tmp_path: Path) -> None:
    # a footnote mark set low (w:vertAlign subscript) after a cell's number: '88' then a subscript '1' read 881,
    # '74' then '[2]' no number, as the HTML reader read '88<sub>1</sub>' before it left such marks out; a subscript
    # after a letter ('CO' then '2') or standing alone in its cell stays.  So too where the mark is set low by its
    # character style (w:rStyle, here of a style based on one setting w:vertAlign subscript), read 881 before
    path = tmp_path / "sub.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    low = f'<w:r><w:rPr>{props}</w:rPr><w:t>{{}}</w:t></w:r>'

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        for old, new in (("<w:r><w:t>88</w:t></w:r>", "<w:r><w:t>88</w:t></w:r>" + low.format("1")),
                         ("<w:r><w:t>74</w:t></w:r>", "<w:r><w:t>74 </w:t></w:r>" + low.format("[2]")),
                         ("<w:r><w:t>11</w:t></w:r>", low.format("11")),
                         ("<w:r><w:t>自然人</w:t></w:r>", "<w:r><w:t>自然人（CO</w:t></w:r>" + low.format("2")
                          + "<w:r><w:t>）</w:t></w:r>")):
            assert old in xml
            xml = xml.replace(old, new, 1)
        parts["word/document.xml"] = xml.encode()
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"</w:styles>", _LOWERED_STYLES.encode()
                                                                    + b"</w:styles>")

    path.write_bytes(rezip(path.read_bytes(), edit))
    want = [[cell.replace("自然人", "自然人（CO2）") for cell in line] if isinstance(line, list) else line
            for line in MERGED_001]
    assert read_document(path).lines == want


@pytest.mark.parametrize("sym", ['w:font="Wingdings" w:char="F081"', 'w:font="Symbol" w:char="F031"'],
                         ids=["circled", "digit"])
def test_docx_a_footnote_mark_typed_as_a_symbol_is_no_digit_of_the_value(sym: str, tmp_path: Path) -> None:
    # a footnote mark inserted from a symbol font (w:sym: Wingdings' ①, Symbol's 1) set raised after a cell's number
    # ('88' then a superscript ①) or low after it ('11' then a subscript 1) was no mark, as its run holds no w:t:
    # 88 read '88①' (no number: NA) or 881, 11 read '11①' or 111; a symbol's character is the run's text too
    path = tmp_path / "sym.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    mark = '<w:r><w:rPr><w:vertAlign w:val="{}"/></w:rPr><w:sym ' + sym + '/></w:r>'

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        for old, place in (("<w:r><w:t>88</w:t></w:r>", "superscript"), ("<w:r><w:t>11</w:t></w:r>", "subscript")):
            assert old in xml
            xml = xml.replace(old, old + mark.format(place), 1)
        parts["word/document.xml"] = xml.encode()

    path.write_bytes(rezip(path.read_bytes(), edit))
    assert read_document(path).lines == MERGED_001


# Asterisks a reader meets as a footnote mark besides '*': the Symbol font's F02A (U+2217 ∗, what Word's Insert >
# Symbol gives), the full-width ＊, the low ⁎ and the heavy ✱
_ASTERISK_MARKS = ["\u2217", "\uff0a", "\u204e", "\u2731"]


@pytest.mark.parametrize("mark", ['<w:sym w:font="Symbol" w:char="F02A"/>']
                         + [f"<w:t>{m}</w:t>" for m in _ASTERISK_MARKS], ids=["sym"] + _ASTERISK_MARKS)
def test_docx_a_raised_asterisk_look_alike_is_a_footnote_mark(mark: str, tmp_path: Path) -> None:
    # '88' then a raised Symbol-font asterisk (w:sym F02A: ∗) read '88∗' (NA, not_a_number) while a raised '*' was
    # a footnote mark left out: the asterisks' look-alikes are marks as '*' is
    path = tmp_path / "star.docx"
    render_docx(MERGED_001, path, colspan_header=True)

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        old = "<w:r><w:t>88</w:t></w:r>"
        assert old in xml
        parts["word/document.xml"] = xml.replace(
            old, old + f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>{mark}</w:r>', 1).encode()

    path.write_bytes(rezip(path.read_bytes(), edit))
    assert read_document(path).lines == MERGED_001


@pytest.mark.parametrize("mark", _ASTERISK_MARKS + ["[\u2217]", "\u2217\u2217", "1,\u2217"])
def test_html_a_raised_asterisk_look_alike_is_a_footnote_mark(mark: str, tmp_path: Path) -> None:
    # '88<sup>∗</sup>' (as some pages set an asterisk) read '88∗', no number, while '88<sup>*</sup>' read 88
    page = render_html(MERGED_001, colspan_header=True).decode("utf-8")
    assert "<td>88</td>" in page
    path = tmp_path / "star.html"
    path.write_text(page.replace("<td>88</td>", f"<td>88<sup>{mark}</sup></td>", 1), encoding="utf-8")
    assert read_document(path).lines == MERGED_001


@pytest.mark.parametrize("mark", ["［1］", "［１］", "＃", "ａ", "［1－3］", "△"])
def test_html_a_raised_full_width_mark_is_a_footnote_mark(mark: str, tmp_path: Path) -> None:
    # Seed 001's '88<sup>［1］</sup>' (the brackets, '＃' or 'ａ' as a Chinese input method types them) was read
    # '88［1］', no number (not_a_number), while '88<sup>[1]</sup>' read 88: the text's normalization makes them the
    # ASCII marks, which the raised ones now are too.  (△, FOOTNOTE_SYMBOLS', was a mark already.)
    page = render_html(MERGED_001, colspan_header=True).decode("utf-8")
    path = tmp_path / "wide.html"
    path.write_text(page.replace("<td>88</td>", f"<td>88<sup>{mark}</sup></td>", 1), encoding="utf-8")
    assert read_document(path).lines == MERGED_001


_TOGGLED_STYLES = ('<w:style w:type="paragraph" w:styleId="Revised"><w:name w:val="Revised"/>'
                   '<w:rPr><w:{tag}/></w:rPr></w:style>'
                   '<w:style w:type="character" w:styleId="Struck"><w:name w:val="Struck"/>'
                   '<w:rPr><w:{tag}/></w:rPr></w:style>')


@pytest.mark.parametrize("tag", ["strike", "vanish"])
@pytest.mark.parametrize("struck_cell", [False, True])
def test_docx_strike_of_a_paragraph_style_and_a_character_style_cancel(struck_cell: bool, tag: str,
                                                                       tmp_path: Path) -> None:
    # w:strike and w:vanish (hidden text) are toggle properties (ECMA-376 17.7.3): set by the paragraph's style and
    # by the run's character style both, they cancel, and Word shows the text plain. The character style alone
    # decided: the run was read struck or hidden, its text blanked ('88' of a row, '政府信息公开…' of a paragraph
    # lost). The paragraph style alone, or the character style alone, still strikes or hides (a struck old value
    # beside its correction is left out).  Each paragraph's mark is set in the character style too (as Word does
    # when a whole paragraph is given it), so that, toggled off, it does not hide the mark.
    path = tmp_path / "toggled.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    styled = '<w:r><w:rPr><w:rStyle w:val="Struck"/></w:rPr><w:t>{}</w:t></w:r>'

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        pairs = [("<w:r><w:t>88</w:t></w:r>", styled.format("88")),  # both styles: shown, the cell's value
                 ("<w:r><w:t>四、行政复议、行政诉讼情况</w:t></w:r>", styled.format("四、行政复议、行政诉讼情况"))]
        if struck_cell:  # the paragraph style alone strikes an old value beside its correction: left out
            pairs.append(("<w:r><w:t>74</w:t></w:r>", f'<w:r><w:t>74</w:t></w:r><w:r><w:rPr><w:{tag} w:val="0"/>'
                          '</w:rPr><w:t>X</w:t></w:r>'))
        for old, new in pairs:
            assert old in xml
            xml = xml.replace(old, new, 1)
        # every paragraph holding a run so styled, or the 74, set in the struck paragraph style
        for text in ("88", "四、行政复议、行政诉讼情况", "74"):
            at = xml.index(f"<w:t>{text}</w:t>")
            start = xml.rindex("<w:p>", 0, at) if "<w:p>" in xml[:at] else xml.rindex("<w:p ", 0, at)
            head = xml.index(">", start) + 1
            xml = xml[:head] + ('<w:pPr><w:pStyle w:val="Revised"/><w:rPr><w:rStyle w:val="Struck"/></w:rPr></w:pPr>'
                                + xml[head:])
        parts["word/document.xml"] = xml.encode()
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(
            b"</w:styles>", _TOGGLED_STYLES.format(tag=tag).encode() + b"</w:styles>")

    path.write_bytes(rezip(path.read_bytes(), edit))
    # (a cell all of whose text is struck keeps it; hidden by the paragraph style alone, the 74 is not shown)
    kept = "X" if struck_cell else "74" if tag == "strike" else ""
    want = [[*x[:2], kept, *x[3:]] if isinstance(x, list) and x[1:3] == ["(一)予以公开", "74"] else x
            for x in MERGED_001]
    assert read_document(path).lines == want


_TABLE_STYLE = ('<w:style w:type="table" w:styleId="Revised"><w:name w:val="Revised"/>{own}{first}</w:style>'
                '<w:style w:type="table" w:styleId="Revised2"><w:name w:val="Revised 2"/>'
                '<w:basedOn w:val="Revised"/></w:style>'
                '<w:style w:type="character" w:styleId="Plain"><w:name w:val="Plain"/>'
                '<w:rPr><w:{tag} w:val="0"/></w:rPr></w:style>')


@pytest.mark.parametrize("where", ["table", "first row"])
@pytest.mark.parametrize("tag", ["strike", "vanish"])
def test_docx_hidden_or_struck_text_of_a_table_style_is_read_as_a_styles(tag: str, where: str,
                                                                          tmp_path: Path) -> None:
    # A table style (w:tblStyle, here one based on a style setting it) hiding or striking its text, in its own
    # w:rPr or in a conditional format's (w:tblStylePr firstRow, the table look showing the first row apart) was not
    # read: an old value typed plain before its correction ('91' then 88) read 9188, as Word shows it hidden or
    # struck; the text the run or its character style sets plain (w:val="0") is read, and a conditional format is
    # applied to its cells alone ('91' before 88, outside the first row, is read there).
    path = tmp_path / "table-style.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    own, first = f"<w:rPr><w:{tag}/></w:rPr>", ""
    if where == "first row":
        own, first = "", f'<w:tblStylePr w:type="firstRow"><w:rPr><w:{tag}/></w:rPr></w:tblStylePr>'

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        assert xml.count('<w:tblStyle w:val="TableGrid"/>') > 1 and "<w:r><w:t>88</w:t></w:r>" in xml
        xml = xml.replace('<w:tblStyle w:val="TableGrid"/>', '<w:tblStyle w:val="Revised2"/>')
        xml = xml.replace("<w:r><w:t>88</w:t></w:r>", f'<w:r><w:rPr><w:{tag} w:val="off"/></w:rPr><w:t>88</w:t></w:r>')
        xml = xml.replace("<w:r><w:t>", '<w:r><w:rPr><w:rStyle w:val="Plain"/></w:rPr><w:t>')
        for text in ("88", "第二十条第(一)项"):  # an old value before each, typed plain
            at = xml.rindex("<w:r>", 0, xml.index(f"<w:t>{text}</w:t>"))
            xml = xml[:at] + "<w:r><w:t>91</w:t></w:r>" + xml[at:]
        parts["word/document.xml"] = xml.encode()
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(
            b"</w:styles>", _TABLE_STYLE.format(tag=tag, own=own, first=first).encode() + b"</w:styles>")

    path.write_bytes(rezip(path.read_bytes(), edit))
    want = [[cell.replace("88", "9188") if where == "first row" else cell for cell in x]
            if isinstance(x, list) else x for x in MERGED_001]
    assert read_document(path).lines == want


@pytest.mark.parametrize("props", ['<w:position w:val="6"/>', '<w:vertAlign w:val="superscript"/>'])
def test_docx_text_lifted_by_its_table_style_keeps_numbers_lifted_as_much(props: str, tmp_path: Path) -> None:
    # A table style lifting its text (w:position or superscript in its w:rPr), a cell's number in runs of their own
    # each lifted as much by their own setting ('共', '8', '8', '件', as WPS writes a lifted paragraph's): they were
    # taken for footnote marks above the cell's plain text and dropped ('共88件' read '共件'), as the table style's
    # lift was not read
    path = tmp_path / "lifted.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    style = (f'<w:style w:type="table" w:styleId="Lifted"><w:name w:val="Lifted"/><w:rPr>{props}</w:rPr></w:style>')

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        assert "<w:r><w:t>88</w:t></w:r>" in xml
        xml = xml.replace('<w:tblStyle w:val="TableGrid"/>', '<w:tblStyle w:val="Lifted"/>')
        lifted = f"<w:r><w:rPr>{props}</w:rPr><w:t>8</w:t></w:r>"
        xml = xml.replace("<w:r><w:t>88</w:t></w:r>",
                          f"<w:r><w:t>共</w:t></w:r>{lifted}{lifted}<w:r><w:t>件</w:t></w:r>", 1)
        parts["word/document.xml"] = xml.encode()
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"</w:styles>", style.encode() + b"</w:styles>")

    path.write_bytes(rezip(path.read_bytes(), edit))
    want = [[cell.replace("88", "共88件") for cell in x] if isinstance(x, list) else x for x in MERGED_001]
    assert read_document(path).lines == want


@pytest.mark.parametrize("lift", ['<w:position w:val="6"/>', '<w:vertAlign w:val="superscript"/>', "table style"])
def test_docx_a_cells_number_lifted_whole_keeps_its_digits(lift: str, tmp_path: Path) -> None:
    # A cell showing nothing but a number, its digits in runs of their own all lifted alike ('8' '8': each by its own
    # w:position as WPS writes a lifted paragraph, each set superscript, or by the table's style), and a footnote mark
    # lifted higher after the '74' of another cell: no text of the cell but what could be marks, the paragraph's
    # text was taken to stand on the line, every digit raised above it for a mark, and the cell read blank (88 and 74
    # lost); its lowest text is its line, a mark raised above it still left out
    path = tmp_path / "lifted-cell.docx"
    render_docx(MERGED_001, path, colspan_header=True)
    own = "" if lift == "table style" else lift
    run = f"<w:r><w:rPr>{own}</w:rPr><w:t>{{}}</w:t></w:r>"
    above = '<w:vertAlign w:val="superscript"/><w:position w:val="6"/>' if "vertAlign" in lift else (
        '<w:position w:val="12"/>')
    higher = f"<w:r><w:rPr>{above}</w:rPr><w:t>1</w:t></w:r>"
    style = ('<w:style w:type="table" w:styleId="Lifted"><w:name w:val="Lifted"/><w:rPr><w:position w:val="3"/>'
             '</w:rPr></w:style>')

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        for old, new in (("<w:r><w:t>88</w:t></w:r>", run.format("8") + run.format("8")),
                         ("<w:r><w:t>74</w:t></w:r>", run.format("74") + higher)):
            assert old in xml
            xml = xml.replace(old, new, 1)
        if lift == "table style":
            xml = xml.replace('<w:tblStyle w:val="TableGrid"/>', '<w:tblStyle w:val="Lifted"/>')
            styles = parts["word/styles.xml"]
            parts["word/styles.xml"] = styles.replace(b"</w:styles>", style.encode() + b"</w:styles>")
        parts["word/document.xml"] = xml.encode()

    path.write_bytes(rezip(path.read_bytes(), edit))
    assert read_document(path).lines == MERGED_001


def test_docx_hand_built_merges_breaks_and_nested_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("　　二、主动公开政府信息情况")  # full-width indent
    document.add_paragraph("")
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 2)).text = "第二十条第（五）项"
    table.cell(1, 0).text = "信息内容"
    table.cell(1, 1).text = "本年新"
    table.cell(1, 1).add_paragraph("公开数量")
    table.cell(1, 2).text = ""
    table.cell(2, 0).merge(table.cell(3, 0)).text = "行政许可"
    table.cell(2, 1).text = "7"
    table.cell(2, 2).text = "2,887"
    table.cell(3, 1).text = "4"
    inner = table.cell(3, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "嵌套"
    inner.cell(0, 1).text = "表"
    heading = document.add_paragraph("三、收到和处理")
    heading.add_run().add_break()
    heading.add_run("政府信息公开申请情况")
    path = tmp_path / "hand.docx"
    document.save(path)
    assert read_document(path).lines == [
        "二、主动公开政府信息情况",
        ["第二十条第（五）项"],
        ["信息内容", "本年新 公开数量", ""],
        ["行政许可", "7", "2,887"],
        ["4", ""],
        ["嵌套", "表"],
        "三、收到和处理",
        "政府信息公开申请情况",
    ]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_words_merged_down_keep_their_column_a_unit_its_unit(tmp_path: Path, kind: str) -> None:
    # A note merged down over rows between a label and its count ('见附件' under 说明: Word's vMerge, whose
    # continuation cell holds words Word does not show; a rowspan) was left out of the rows it covers, so ['乙', '件',
    # '2'] stood the count under the note's column. A covered cell of such words is now a blank in its place, but a
    # unit's (件, a unit word; 宗次 under the 单位 header) is the unit, each row's own (a blank made the legacy
    # tables' unit NA); words covered at the row's end keep no column, a label merged down before its first cell none.
    import docx
    from docx.oxml.ns import qn

    cells = {(0, 1): "项目", (0, 2): "单位", (0, 3): "说明", (0, 4): "数量", (0, 5): "备注", (1, 1): "甲", (1, 4): "7",
             (2, 1): "乙", (2, 4): "2", (3, 0): "", (3, 1): "丙", (3, 4): "3", (3, 5): "", (4, 0): "", (4, 1): "丁", (4, 4): "4", (4, 5): ""}
    merges = {(1, 0): "组", (1, 2): "件", (1, 3): "见附件", (1, 5): "另", (3, 2): "宗次", (3, 3): "见附件"}
    if kind == "html":
        rows = [{c: f"<td>{t}</td>" for (rr, c), t in cells.items() if rr == r} for r in range(5)]
        for (r, c), t in merges.items():
            rows[r][c] = f"<td rowspan=2>{t}</td>"
        rows[0][0] = "<td></td>"
        body = "".join("<tr>" + "".join(t for _, t in sorted(row.items())) + "</tr>" for row in rows)
        path = write_bytes(tmp_path / "merged.html", f"<html><body><p>前</p><table>{body}</table></body></html>".encode())
    else:
        document = docx.Document()
        document.add_paragraph("前")
        table = document.add_table(rows=5, cols=6)
        for (r, c), t in cells.items():
            table.cell(r, c).text = t
        for (r, c), t in merges.items():
            table.cell(r, c).merge(table.cell(r + 1, c)).text = t
        hidden = table.rows[2]._tr.findall(qn("w:tc"))[3]  # words typed in a continuation cell: not shown
        run = hidden.find(qn("w:p")).makeelement(qn("w:r"), {})
        run.append(run.makeelement(qn("w:t"), {}))
        run[-1].text = "另"
        hidden.find(qn("w:p")).append(run)
        path = tmp_path / "merged.docx"
        document.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)  # (words merged down: nothing flagged)
        assert read_document(path).lines == [
            "前", ["", "项目", "单位", "说明", "数量", "备注"], ["组", "甲", "件", "见附件", "7", "另"],
            ["乙", "件", "", "2"], ["", "丙", "宗次", "见附件", "3", ""], ["", "丁", "宗次", "", "4", ""]]


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_label_beside_a_small_nested_table_stays_in_its_row(tmp_path: Path, kind: str) -> None:
    # A cell holding a label paragraph and a small table of sub-rows ('外' over '内1', '内2') beside its value was
    # read as page content: its row kept ['7'] alone and the label came after it as a line. A label and its value
    # stay one row, the sub-rows after it; a paragraph beside a larger nested table is still a page (a layout cell).
    import docx

    def cells(n: int) -> list:
        return [f"内{k}" for k in range(1, n + 1)]

    def page(sub: list) -> Path:
        if kind == "html":
            inner = "".join(f"<tr><td>{t}</td></tr>" for t in sub)
            html = (f"<html><body><p>前</p><table><tr><td><p>外</p><table>{inner}</table></td><td>7</td></tr>"
                    "<tr><td>乙</td><td>8</td></tr></table></body></html>")
            return write_bytes(tmp_path / f"{len(sub)}.html", html.encode())
        document = docx.Document()
        document.add_paragraph("前")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "外"
        nested = table.cell(0, 0).add_table(rows=len(sub), cols=1)
        for k, t in enumerate(sub):
            nested.cell(k, 0).text = t
        table.cell(0, 1).text = "7"
        table.cell(1, 0).text, table.cell(1, 1).text = "乙", "8"
        path = tmp_path / f"{len(sub)}.docx"
        document.save(path)
        return path

    small, large = cells(2), cells(9)
    assert read_document(page(small)).lines == ["前", ["外", "7"], *([t] for t in small), ["乙", "8"]]
    assert read_document(page(large)).lines == ["前", ["7"], "外", *([t] for t in large), ["乙", "8"]]


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def test_pdf_round_trip_seed_rows(tmp_path: Path) -> None:
    path = tmp_path / "001.pdf"
    render_pdf(ACTIVE_001_DOC, path)
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("pdf", None)
    assert doc.lines == [*ACTIVE_001_DOC[:-2], ["政府集中采购", "4", "630.2", ""], ACTIVE_001_DOC[-1]]


def test_pdf_merged_header_is_one_cell_and_pages_break(tmp_path: Path) -> None:
    lines = MERGED_001 + [[f"第{i}行", str(i), "", str(i * 2)] for i in range(60)] + ["五、存在的主要问题"]
    path = tmp_path / "merged.pdf"
    render_pdf(lines, path, colspan_header=True)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
    assert read_document(path).lines == lines


def test_pdf_rowspan_cells_are_absent_below(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.add_font("cjk", fname=cjk_font_path())
    pdf.set_font("cjk", size=10)
    pdf.add_page()
    pdf.set_xy(40, 40)
    pdf.cell(300, 14, "二、主动公开政府信息情况")
    x, y, w, h = 40, 70, 100, 20
    pdf.set_xy(x, y)
    pdf.cell(w, 2 * h, "行政许可", border=1)  # spans two rows
    for r, cells in enumerate([["7", "2,887"], ["4", "9,818"]]):
        for c, text in enumerate(cells):
            pdf.set_xy(x + (c + 1) * w, y + r * h)
            pdf.cell(w, h, text, border=1)
    pdf.set_xy(40, 130)
    pdf.cell(300, 14, "三、收到和处理")
    path = tmp_path / "rowspan.pdf"
    pdf.output(str(path))
    assert read_document(path).lines == [
        "二、主动公开政府信息情况",
        ["行政许可", "7", "2,887"],
        ["4", "9,818"],
        "三、收到和处理",
    ]


def test_pdf_full_seed_text_reads_back(tmp_path: Path) -> None:
    lines = seed_lines("004")
    path = tmp_path / "004.pdf"
    render_pdf(lines, path)
    assert read_document(path).lines == [ln.strip() for ln in lines if ln.strip()]


def test_content_sniffing_for_pdf_and_docx_without_extension(tmp_path: Path) -> None:
    render_pdf(MERGED_001, tmp_path / "a.pdf", colspan_header=True)
    render_docx(MERGED_001, tmp_path / "a.docx", colspan_header=True)
    for name, fmt in (("a.pdf", "pdf"), ("a.docx", "docx")):
        bare = tmp_path / f"download_{fmt}"
        bare.write_bytes((tmp_path / name).read_bytes())
        doc = read_document(bare)
        assert doc.format == fmt
        assert doc.lines == MERGED_001


_CELL_CASES = [
    "<td><p>一、</p><p>本年新收</p></td><td>21</td>",          # two paragraphs: a space between
    "<td><span>社会</span><span>公益</span></td><td>34<br>5</td>",  # inline spans join, a count's wrap joins
    "<td>a<script>x()</script>b</td><td><b>7</b> </td>",          # script text dropped, its tail kept
    "<td><p>x</p><table><tr><td>n</td></tr></table>尾</td>",      # a nested table: the general walk
    "<td>\n<p class='MsoNormal'><span>信息\n公开</span></p>\n</td>",  # source line break between CJK
    "<td><div><ul><li>1</li><li>2</li></ul></div></td>",
    "<td><ol><li>收到申请</li></ol></td><td><ol><li>21</li></ol></td>",  # no list number in a cell: '1. 21'
    "<td>1</td>\xa0<td><p><span>2</span></p></td>\n",  # blank text between cells (a row's tails told at once)
    "<td>1</td>x<td>2</td>",  # text between cells
    "<td>1</td><span>s</span><td>2</td>",  # an element between cells
]
# Cells merged down over rows (see _with_covered_values), which the general walk read as if none covered any: a
# label's (left out below) and a value's (a blank cell below), also a table nested in a cell beside them, and a
# merge ending with its row group
_MERGED_TABLES = [
    "<tr><td rowspan=2>组</td><td>甲</td><td rowspan=3>0</td><td>7</td></tr><tr><td>乙</td><td>8</td></tr>"
    "<tr><td>丙</td><td>丁</td><td>9</td></tr>",
    "<tr><td>甲</td><td rowspan=2 colspan=2>0</td><td><table><tr><td>注</td></tr></table>7</td></tr>"
    "<tr><td>乙</td><td>8</td></tr>",
    "<thead><tr><td>项目</td><td rowspan=3>5</td><td>a</td></tr></thead><tbody><tr><td>x</td><td>1</td></tr>"
    "<tr><td>y</td><td>2</td></tr></tbody>",
]


@pytest.mark.parametrize("markup", ["plain", "word"])
def test_html_fast_paths_read_as_the_general_walk(monkeypatch: pytest.MonkeyPatch, markup: str) -> None:
    # Plain tables and cells with a word processor's markup are taken whole; what they give must be
    # exactly what walking them element by element gives.
    from toolkit import synth, webpage

    pages = [synth.make_report(s, layout="html", html_markup=markup)[0].encode() for s in range(6)]
    pages += [f"<html><body><p>前</p><table><tbody><tr>{c}</tr>\n<tr><td>x</td></tr></tbody></table>后</body></html>"
              .encode() for c in _CELL_CASES]
    pages += [f"<html><body><p>前</p><table>{t}</table>后</body></html>".encode() for t in _MERGED_TABLES]
    with pytest.warns(ReaderWarning, match="merged down"):
        fast = [webpage._read_html(p, "page.html", None).lines for p in pages]
    monkeypatch.setattr(webpage, "_plain_table_rows", lambda table: None)
    monkeypatch.setattr(webpage, "_cell_text", lambda cell: None)
    with pytest.warns(ReaderWarning, match="merged down"):
        walked = [webpage._read_html(p, "page.html", None).lines for p in pages]
    assert fast == walked
    assert fast[-3][1:4] == [["组", "甲", "0", "7"], ["乙", "", "8"], ["丙", "丁", "", "9"]]
    assert fast[-2][1:4] == [["甲", "0", "7"], ["注"], ["乙", "", "8"]]
    assert fast[-1][1:4] == [["项目", "5", "a"], ["x", "1"], ["y", "2"]]
    rows = [line for line in fast[6] if isinstance(line, list)]
    assert rows[0] == ["一、 本年新收", "21"]
    assert [line for line in fast[7] if isinstance(line, list)][0] == ["社会公益", "345"]
    assert [line for line in fast[8] if isinstance(line, list)][0] == ["ab", "7"]
    assert [line for line in fast[10] if isinstance(line, list)][0] == ["信息公开"]
    assert [line for line in fast[12] if isinstance(line, list)][0] == ["收到申请", "21"]


def test_cell_chain_reads_as_its_pieces() -> None:
    # A cell of one element in one element … holding text (a word processor's <td><p><span>217</span></p></td>)
    # is read without gathering its pieces (_chain_text): for every chain of tags, texts and tails, what it
    # gives must be what the pieces give, and where it declines, the pieces are read.
    import itertools

    import lxml.etree

    from toolkit import webpage

    texts = ["217", " 21 7 ", "\n信息\n公开\n", "\u3000x\u3000", "\u200b12\ufeff", "", " ", "\n", "a\tb", "x\u2028y"]
    tags = ["span", "p", "b", "div", "br", "script", "li", "table", "td"]
    taken = 0
    for depth in (1, 2, 3):
        for chain in itertools.product(tags, repeat=depth):
            for inner, stray in itertools.product(texts, (None, "outer", "tail", "sibling")):
                cell = lxml.etree.Element("td")
                el = cell
                for tag in chain:
                    el = lxml.etree.SubElement(el, tag)
                el.text = inner or None
                if stray == "outer":
                    cell.text = " 1"
                elif stray == "tail":
                    cell[0].tail = "\n"
                elif stray == "sibling":
                    lxml.etree.SubElement(cell, "span").text = "2"
                pieces = [cell.text] if cell.text else []
                walked = webpage._clean(pieces) if webpage._cell_pieces(cell, pieces) else None
                assert webpage._cell_text(cell) == walked, (chain, inner, stray)
                taken += stray is None and webpage._chain_text(cell) is not None
    assert taken == len(texts) * (7 + 7**2 + 7**3)  # every chain without a script or a table, taken whole
    deep = lxml.etree.Element("td")
    el = deep
    for _ in range(webpage._MAX_CELL_DEPTH + 1):
        el = lxml.etree.SubElement(el, "span")
    el.text = "7"
    assert webpage._chain_text(deep) is None and webpage._cell_text(deep) is None  # too deep: the general walk


def test_clean_text_shortcut_is_the_pattern() -> None:
    # _clean_text takes a printable text with no space but single ones inside for clean without its pattern,
    # and a text of white space only for blank: that must hold of every character, and the cells of real pages
    # (plain, word processor's, wrapped labels, &nbsp;, with white space) read the same.
    from toolkit import webpage

    unclean = [chr(i) for i in range(0x110000) if webpage._UNCLEAN_RE.search(chr(i))]
    assert all(ch == " " or not ch.isprintable() for ch in unclean)
    blank = [chr(i) for i in range(0x110000) if chr(i).isspace()]
    assert all(webpage._clean_text(ch) == webpage._collapse(ch).strip() == "" for ch in blank)
    for text in ["217", "申请人情况", "\x00217\x00", " 商业 企业 ", "a\u3000b", "\u200b12\ufeff", "信息\n公开", "x\x1cy",
                 "商业 企业", "现行有效 件数", "1 2 3", " 商业 企业", "商业 企业 ", "商业  企业", "a b\u3000c", "a b\x00",
                 "a b\u200b", "\xa0", "\u3000", " \xa0\n", "\n", "规\u00ad章", "a \u200b b", "\u2060 1\u200c2 "]:
        expected = webpage._collapse(webpage._INVISIBLE_FORMAT_RE.sub("", text)).strip()
        assert webpage._clean_text(text) == expected


def test_non_ascii_is_the_text_without_its_ascii() -> None:
    # The mojibake check samples a text's characters other than ASCII through its UTF-8 bytes: the same
    # characters as the pattern removing the ASCII runs, a lone surrogate included.
    from toolkit import decoding

    texts = [(RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")[:3000],
             '<td style="x">政府</td>\x00\x7f\x80é😀', "\ud800ab\udc00政", "", "ascii only"]
    for text in texts:
        assert decoding._non_ascii(text) == decoding._ASCII_RUN.sub("", text)


def test_a_page_without_a_bracket_is_not_searched_for_a_dtd_subset(monkeypatch: pytest.MonkeyPatch) -> None:
    # An internal DTD subset opens with '[': a page without one reads the same without the search (which tries
    # its pattern at every '<' of the markup); a page with one has it cut (test_bad_input's entity bomb).
    from toolkit import synth, webpage

    pages = [synth.make_report(s, layout="html", html_markup=m)[0].encode() for s in range(3) for m in ("plain", "word")]
    want = [webpage._read_html(p, "page.html", None).lines for p in pages]

    class Refused:
        def subn(self, *args, **kwargs):
            raise AssertionError("searched")

    monkeypatch.setattr(webpage, "_DOCTYPE_SUBSET_RE", Refused())
    assert [webpage._read_html(p, "page.html", None).lines for p in pages] == want
    with pytest.raises(AssertionError, match="searched"):
        webpage._read_html(b"<!DOCTYPE html [ ]><p>x</p>", "page.html", None)


def test_a_page_without_a_frames_name_is_not_searched_for_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    # A frame, an object or an embed: a page whose markup names none reads the same without the search (which tries
    # its pattern at every '<' of the markup: run twice on every page, 3 % of reading one); one naming one in any
    # case ('<IFrame', '<OBJECT') is searched, once.
    from toolkit import synth, webpage

    pages = [synth.make_report(s, layout="html", html_markup=m)[0].encode() for s in range(3) for m in ("plain", "word")]
    want = [webpage._read_html(p, "page.html", None, on_disk=True).lines for p in pages]
    searched: list = []

    class Counted:
        def search(self, data: bytes):
            searched.append(data)
            return re.search(rb"<(?:i?frame|object|embed)[\s>/]", data, re.IGNORECASE)

    monkeypatch.setattr(webpage, "_FRAME_BYTES", Counted())
    assert [webpage._read_html(p, "page.html", None, on_disk=True).lines for p in pages] == want
    assert searched == []
    for tag in ("IFrame", "OBJECT", "Embed"):
        assert webpage._framed(f"<p>x</p><{tag} src='a.htm'>".encode())
    assert len(searched) == 3
    assert not webpage._framed(b"<p>frames, objects and embeds</p>")


def test_docx_text_box_is_its_own_line_once(tmp_path: Path) -> None:
    # Word writes a text box twice (the drawing and a VML fallback) inside the run of the paragraph it is
    # anchored to. Before, its text was glued to that paragraph: '…年度报告一、总体情况' lost the section.
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    box = '<w:txbxContent><w:p><w:r><w:t>某某局2020年政府信息公开工作年度报告</w:t></w:r></w:p></w:txbxContent>'
    run = parse_xml(f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx>'
                    f'</mc:Choice><mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>')
    document = docx.Document()
    heading = document.add_paragraph("一、总体情况")
    heading._p.insert(0, run)
    document.add_paragraph("2020年,我局认真贯彻落实《条例》。")
    path = tmp_path / "box.docx"
    document.save(path)
    assert read_document(path).lines == ["某某局2020年政府信息公开工作年度报告", "一、总体情况",
                                         "2020年,我局认真贯彻落实《条例》。"]



_WORD_ART = ('<w:r {ns}>{props}<w:pict><v:shapetype id="_x0000_t136" o:spt="136" coordsize="21600,21600">'
             '<v:textpath on="t" fitshape="t"/></v:shapetype><v:shape id="WordArt{k}" type="#_x0000_t136" '
             'style="position:absolute;width:400pt;height:40pt" fillcolor="red" stroked="f"><v:textpath '
             'style="font-family:&quot;SimSun&quot;;font-size:36pt" string="{text}"/></v:shape></w:pict></w:r>')


def test_docx_word_art_is_its_own_line(tmp_path: Path) -> None:
    # WordArt (VML's v:textpath, as Word writes a red title '某某县人民政府' set so) holds its text in its string, in
    # no run's w:t: it was lost. It is read as a text box is, its lines before its paragraph's; not where it is
    # hidden (w:vanish on its run) or deleted (w:del)
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
    document = docx.Document()
    heading = document.add_paragraph("一、总体情况")
    for k, (text, props) in enumerate((("某某县人民政府&#10;2020年政府信息公开工作年度报告", ""),
                                       ("旧标题", "<w:rPr><w:vanish/></w:rPr>"))):
        heading._p.insert(k, parse_xml(_WORD_ART.format(ns=ns, props=props, k=k, text=text)))
    deleted = parse_xml(f'<w:del {ns} w:id="1" w:author="a">' + _WORD_ART.format(ns="", props="", k=2, text="删")
                        + "</w:del>")
    heading._p.append(deleted)
    document.add_paragraph("2020年,我局认真贯彻落实《条例》。")
    path = tmp_path / "art.docx"
    document.save(path)
    assert read_document(path).lines == ["某某县人民政府", "2020年政府信息公开工作年度报告", "一、总体情况",
                                         "2020年,我局认真贯彻落实《条例》。"]


def test_docx_word_art_in_a_table_cell_is_its_text(tmp_path: Path) -> None:
    # WordArt in a table cell (a row's label '自然人' set so) is part of the cell's text, as a text box in it is: the
    # cell read blank
    ns = ('xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
    path = tmp_path / "art_cell.docx"
    render_docx(MERGED_001, path, colspan_header=True)

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        assert "<w:r><w:t>自然人</w:t></w:r>" in xml
        xml = xml.replace("<w:r><w:t>自然人</w:t></w:r>", _WORD_ART.format(ns=ns, props="", k=0, text="自然人"), 1)
        parts["word/document.xml"] = xml.encode()

    path.write_bytes(rezip(path.read_bytes(), edit))
    assert read_document(path).lines == MERGED_001


def _table_in_text_box_run(rows: list[list[str]]):
    """A w:r holding a text box (wps, with its VML fallback) whose content is a table of ``rows`` of plain cells."""
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    table = "<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row)
                                + "</w:tr>" for row in rows) + "</w:tbl>"
    box = f"<w:txbxContent>{table}<w:p/></w:txbxContent>"
    return parse_xml(f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx>'
                     f'</mc:Choice><mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_table_in_a_text_box_in_a_table_cell_keeps_its_rows(tmp_path: Path) -> None:
    # A text box anchored in a cell holding a table (counts set in a box over the form): only the box's text lines
    # were kept as the cell's text, the table's rows were lost without a word.  They follow the row, as the rows of
    # a table nested in the cell do (and as a table in a text box in the body is read).
    import docx

    rows = [["规章", "0", "0"], ["规范性文件", "1", "5"]]
    run = _table_in_text_box_run(rows)
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    form = document.add_table(rows=1, cols=2)
    form.cell(0, 0).text = "第二十条第(一)项"
    form.cell(0, 1).paragraphs[0]._p.append(run)
    path = tmp_path / "box.docx"
    document.save(path)
    assert read_document(path).lines == ["二、主动公开政府信息情况", ["第二十条第(一)项", ""], *rows]


def test_a_table_in_a_text_box_in_a_layout_cell_is_read_once(tmp_path: Path) -> None:
    # The report set in a table's one cell (a layout cell, read as the body), a statistics table in a text box in it:
    # the box's rows were put after the row when the cell was read as a cell, then again when it was read as a page,
    # so every row of the table stood twice.
    import docx

    rows = [["规章", "0", "0"], ["规范性文件", "1", "5"]]
    run = _table_in_text_box_run(rows)
    text = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，" * 4
    document = docx.Document()
    page = document.add_table(rows=1, cols=1).cell(0, 0)
    page.paragraphs[0].add_run("二、主动公开政府信息情况")
    page.add_paragraph(text)
    page.add_paragraph()._p.append(run)
    page.add_paragraph(text)
    path = tmp_path / "layout.docx"
    document.save(path)
    assert read_document(path).lines == ["二、主动公开政府信息情况", text, *rows, text]


def test_an_embedded_document_in_a_text_box_in_a_table_cell_is_read(tmp_path: Path) -> None:
    # A whole other document (w:altChunk: a web page holding the counts) in a text box anchored in a form's cell was
    # dropped without a word, where one in the body, in a cell or in a body's text box is read: its rows follow the
    # row, as those of a table in the box do.
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    rows = [["规章", "0", "0"], ["规范性文件", "1", "5"]]
    document = docx.Document()
    document.add_paragraph("二、主动公开政府信息情况")
    page = Part(PackURI("/word/chunk1.html"), "text/html", render_html(rows), document.part.package)
    rid = document.part.relate_to(page, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    box = f'<w:txbxContent><w:altChunk r:id="{rid}"/><w:p/></w:txbxContent>'
    run = parse_xml(f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx>'
                    f'</mc:Choice><mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>')
    form = document.add_table(rows=1, cols=2)
    form.cell(0, 0).text = "第二十条第(一)项"
    form.cell(0, 1).paragraphs[0]._p.append(run)
    path = tmp_path / "chunk.docx"
    document.save(path)
    assert read_document(path).lines == ["二、主动公开政府信息情况", ["第二十条第(一)项", ""], *rows]


def test_docx_office_math_text_is_read_in_place(tmp_path: Path) -> None:
    # A number typed as an equation (Office Math: m:oMath, m:oMathPara, whose text is in m:t, not w:t), in a
    # paragraph or in a table's cell, was dropped without a word: the cell read blank, '共受理申请件'.  Its text is
    # read where it stands, a fraction as numerator/denominator (glued, 1 over 2 would read as 12).
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')

    def math(inner: str, para: bool = False):
        xml = f"<m:oMath {ns}>{inner}</m:oMath>"
        return parse_xml(f"<m:oMathPara {ns}>{xml}</m:oMathPara>" if para else xml)

    document = docx.Document()
    sentence = document.add_paragraph("本年度共受理政府信息公开申请")
    sentence._p.append(math("<m:r><m:t>12</m:t></m:r>"))
    sentence.add_run("件。")
    document.add_paragraph()._p.append(math("<m:f><m:num><m:r><m:t>1</m:t></m:r></m:num>"
                                            "<m:den><m:r><m:t>2</m:t></m:r></m:den></m:f>", para=True))
    form = document.add_table(rows=1, cols=2)
    form.cell(0, 0).text = "规范性文件"
    form.cell(0, 1).paragraphs[0]._p.append(math("<m:r><m:t>35</m:t></m:r>"))
    path = tmp_path / "math.docx"
    document.save(path)
    assert read_document(path).lines == ["本年度共受理政府信息公开申请12件。", "1/2", ["规范性文件", "35"]]


# --- encodings and characters seen in the wild (each failed before its fix) --------------------------

def _cells_of(report) -> dict:
    return {(r.table, r.row_key, r.col_key): (r.raw, None if r.value != r.value else r.value, r.flag)
            for r in report.tables.itertuples()}


def test_a_form_feed_is_no_line_break(tmp_path, parsed_seed):
    # pdftotext starts every page with \f; str.splitlines() broke the line there, adding a line, which split
    # a tab-layout row of seed 004 and moved every later line number.
    import toolkit

    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    marked = [("\f" + x if i % 40 == 39 else x) for i, x in enumerate(lines)]
    (tmp_path / "ff.txt").write_text("\n".join(marked) + "\u2028\f", encoding="utf-8")
    got = toolkit.parse_report(tmp_path / "ff.txt")
    original = parsed_seed(seed)
    assert _cells_of(got) == _cells_of(original)
    assert [(s.key, s.first_line) for s in got.sections] == [(s.key, s.first_line) for s in original.sections]
    assert len(got.original_lines) == len(original.original_lines)


def _page_break_for_some_line_ends(lines: list[str]) -> str:
    # every 40th line end between two lines of text a form feed alone, as a page break with no line end
    return "".join(line + ("\f" if n % 40 == 39 and line and lines[n + 1] else "\n")
                   for n, line in enumerate(lines[:-1])) + lines[-1]


@pytest.mark.parametrize("written", [
    lambda lines: "\v".join(lines),  # Word's plain-text export: a manual line break for each line end
    lambda lines: "".join(line + ("\v" if n % 7 == 3 else "\n") for n, line in enumerate(lines[:-1])) + lines[-1],
    _page_break_for_some_line_ends,
], ids=["vt-line-ends", "vt-among-line-ends", "form-feed-between-pages"])
def test_a_vertical_tab_or_a_page_break_between_lines_ends_a_line(written, tmp_path, parsed_seed):
    # A vertical tab (Word's manual line break, Shift+Enter, as its plain-text export writes it) or a form feed
    # between two pages' text was dropped: two lines glued ('第二十条第（一）项' and the next), and seed 004 written
    # with a VT for every line end was one line, its sections and tables lost.
    import toolkit

    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    got = toolkit.parse_report(write_bytes(tmp_path / "vt.txt", written(lines).encode("utf-8")))
    want = parsed_seed(seed)
    assert got.original_lines == want.original_lines
    assert [(s.key, s.first_line) for s in got.sections] == [(s.key, s.first_line) for s in want.sections]
    assert _cells_of(got) == _cells_of(want)


def test_lines_ending_in_cr_cr_lf_are_read_line_for_line(tmp_path, parsed_seed):
    # A CRLF file written again by a tool's text mode (or sent by FTP as ASCII) ends every line in CR CR LF: read as a
    # line end and a blank line each, it cut the rows of seed 002's last table (15 values lost, extra_cells).
    import toolkit

    seed = "002_809f9474e249d214"
    data = (RAW / f"{seed}.txt").read_bytes().replace(b"\n", b"\r\r\n")
    got = toolkit.parse_report(write_bytes(tmp_path / "crcrlf.txt", data))
    want = parsed_seed(seed)
    assert got.original_lines == want.original_lines
    assert _cells_of(got) == _cells_of(want)
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in want.flags)


def test_lines_mostly_ending_in_cr_cr_lf_are_read_line_for_line(tmp_path, parsed_seed):
    # A file of mixed line ends (CR LF, some LF alone) written again by a tool's text mode ends most lines in CR CR LF
    # and the others in CR LF: read as a line end and a blank line each (the rule asked every line to end so), it cut
    # seed 004's tab-layout rows (117 of 198 cells wrong, ragged).  Its own blank lines stay blank lines.
    import toolkit

    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_bytes().split(b"\n")
    data = b"".join(line + (b"\r\n" if number % 7 == 3 else b"\r\r\n") for number, line in enumerate(lines[:-1]))
    got = toolkit.parse_report(write_bytes(tmp_path / "mixed.txt", data + lines[-1]))
    want = parsed_seed(seed)
    assert got.original_lines == want.original_lines and "" in got.original_lines
    assert _cells_of(got) == _cells_of(want)
    assert sorted(f.code for f in got.flags) == sorted(f.code for f in want.flags)


@pytest.mark.parametrize("end", [b"\x1a", b"\r\n\x1a", b"\x1a\r\n"])
def test_a_dos_end_of_file_mark_is_no_character_of_the_last_line(end, tmp_path, parsed_seed):
    # A text file written by a DOS tool (copy /a, an old editor) ends in Ctrl-Z: it stayed on the last line, whose
    # date ('2024年1月29日\x1a') was then read as none (metadata 'published' lost, without a flag).
    import toolkit

    seed = "pingtan-2023-02"
    data = (RAW / f"{seed}.txt").read_bytes().rstrip(b"\n")
    got = toolkit.parse_report(write_bytes(tmp_path / "dos.txt", data + end))
    want = parsed_seed(seed)
    assert want.metadata["published"] == "2024-01-29"
    assert got.metadata == want.metadata and got.original_lines == want.original_lines
    assert _cells_of(got) == _cells_of(want)


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_a_page_sniffed_from_its_first_64_kib_cut_inside_a_character(encoding, tmp_path, parsed_seed):
    # A page saved as .asp is sniffed from its first 65536 bytes; a cut inside a GBK character failed to
    # decode and the page was read as plain text, tags and all (every cell lost).
    import toolkit

    original = parsed_seed("001_4d29bfef72dd56db")
    lines = [x.replace("\u2022", "·") for x in original.original_lines]
    page = render_html(lines, encoding=encoding).decode(encoding)
    for pad in range(2):
        menu = "<div>" + " " * pad + "政务公开" * 9000 + "</div>"  # no line break in the first 64 KiB
        path = tmp_path / f"page{pad}.asp"
        path.write_bytes(page.replace("<body>", "<body>" + menu, 1).encode(encoding))
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no false 'truncated file?' warning either
            assert read_document(path).format == "html"


def test_big5_text_is_detected(tmp_path, parsed_seed):
    # Big5 decodes as GB18030 without an error, into private-use characters: before, status partial and
    # no cell at all, the flags blaming the document.
    import opencc

    import toolkit

    seed = "001_4d29bfef72dd56db"
    original = parsed_seed(seed)
    for config, codec in (("s2tw", "big5"), ("s2t", "big5hkscs")):  # s2t writes 裏, which only HKSCS has
        text = opencc.OpenCC(config).convert((RAW / f"{seed}.txt").read_text(encoding="utf-8"))
        (tmp_path / f"{codec}.txt").write_bytes(text.replace("\u2022", "·").replace("爲", "為").encode(codec))
        got = toolkit.parse_report(tmp_path / f"{codec}.txt")
        assert got.encoding == codec and got.metadata["script"] == "traditional"
        assert _cells_of(got) == _cells_of(original)
        assert got.metadata["agency"] == original.metadata["agency"]


def test_a_gbk_euro_sign_byte_is_read(tmp_path, parsed_seed):
    # CP936 (Windows' GBK) writes the euro sign as the one byte 0x80, which Python's GBK lacks: seed 004 in GBK with
    # a price in euros was read as GB18030 with U+FFFD in its place, flagged bad_bytes (a short text was refused).
    import toolkit

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(k for k, line in enumerate(lines) if "。" in line)
    data = "\n".join(lines[:at + 1]).encode("gbk") + "另有外文资料费用12".encode("gbk") + b"\x80" \
        + ("\n" + "\n".join(lines[at + 1:])).encode("gbk")
    (tmp_path / "euro.txt").write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        got = toolkit.parse_report(tmp_path / "euro.txt")
    assert got.encoding == "gbk" and "另有外文资料费用12\u20ac" in got.original_text
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    assert decode_bytes("费用".encode("gbk") + b"\x80") == ("费用\u20ac", "gbk")


@pytest.mark.parametrize("word", ["没", "省", "牟"])
def test_gbk_whose_only_chinese_is_valid_utf8_is_read_as_gbk_and_flagged(word: str, tmp_path: Path) -> None:
    # GBK '没' is C3 BB, UTF-8's 'û': a GBK text whose only Chinese is such a character (seed 001's numbers kept, its
    # words in ASCII but one) was read as UTF-8 without a word, its Chinese lost.  Read as GBK, encoding_uncertain.
    rows = [line for line in seed_lines("001") if line.isascii() and any(c.isdigit() for c in line)][:5]
    data = "\n".join([f"2020 {word}", *rows]).encode("gbk")
    assert data.decode("utf-8") != data.decode("gbk")
    path = write_bytes(tmp_path / "one.txt", data)
    with pytest.warns(ReaderWarning, match="too little tells which: read as GBK") as caught:
        doc = read_document(path)
    assert [w.message.code for w in caught] == ["encoding_uncertain"]
    assert doc.encoding == "gbk" and doc.lines[0] == f"2020 {word}" and doc.lines[1:] == rows
    # a Latin word's accented letter ('café', whose 'é' is GBK's '茅') is read as UTF-8, as it was, unflagged
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        assert decode_bytes("2020 café\n".encode("utf-8")) == ("2020 café\n", "utf-8")


def test_hz_text_is_detected(tmp_path, parsed_seed):
    # HZ (RFC 1843) writes GB 2312 in 7-bit ASCII, the Chinese between '~{' and '~}': it decodes as UTF-8 without
    # an error, and was read as ASCII gibberish ('~{JPU~Pm?I~}'), no section, no cell and no flag on the encoding.
    import toolkit

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    (tmp_path / "hz.txt").write_bytes(text.encode("hz"))
    got = toolkit.parse_report(tmp_path / "hz.txt")
    assert got.encoding == "hz" and got.original_text == text
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    # ASCII text with a tilde and a brace is no HZ: read as it is
    assert decode_bytes(b"x = ~{ab~} in a formula") == ("x = ~{ab~} in a formula", "utf-8")
    assert decode_bytes(b"\xef\xbb\xbfx = ~{ab~}") == ("x = ~{ab~}", "utf-8-sig")
    assert decode_bytes(b"a ~{ and ~}") == ("a ~{ and ~}", "utf-8")


def test_hz_text_of_half_rare_characters_is_hz_as_a_pasted_hz_line_is():
    # Seed 004's title in HZ with as many rare characters of GB 2312 (level 2: 睢睥…) after it was no HZ as a whole
    # text (_hz_text wanted under _HZ_MAX_RARE of them rare) but its lines were HZ inside UTF-8 (_hz_lines allows
    # at most that share): read as UTF-8, the title's line by line and flagged mixed_encoding.  Half is HZ in both.
    title = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    han = len(re.findall("[^\x00-\x7f]", title))
    rare = bytes(byte for n in range(han + 1) for byte in (0xEE, 0xA1 + n)).decode("gb2312")
    text = f"{title}\n{rare[:han]}\n"
    assert decode_bytes(text.encode("hz")) == (text, "hz")
    more = f"{title}\n{rare}\n"  # (one more rare than common: mostly rare, no HZ text)
    with pytest.warns(ReaderWarning, match=r"HZ on line\(s\) 1 of a UTF-8 text"):
        assert decode_bytes(more.encode("hz"))[1] == "utf-8"


def test_hz_text_after_a_utf8_byte_order_mark_is_read_as_hz(tmp_path, parsed_seed):
    # Seed 004 in HZ saved by Notepad as UTF-8 (its 7-bit bytes unchanged, the mark written before them) was read as
    # ASCII gibberish ('~{JPU~Pm?I~}'), no section and no cell: the HZ reading was tried without a mark alone.
    import toolkit

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    path = write_bytes(tmp_path / "hz.txt", b"\xef\xbb\xbf" + text.encode("hz"))
    got = toolkit.parse_report(path)
    assert got.encoding == "hz" and got.original_text == text
    assert _cells_of(got) == _cells_of(parsed_seed(seed))


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"])
def test_hz_inside_a_utf8_text_is_read_as_hz_and_flagged(mark, tmp_path, parsed_seed):
    # Seed 004's title pasted in HZ into its UTF-8 text ('~{JPW!=(>V~}2020~{Dj6H~}…': 7-bit ASCII, valid UTF-8) stayed
    # ASCII gibberish, the agency lost without a flag: HZ was read only where the whole text is HZ.
    import toolkit

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    path = write_bytes(tmp_path / "hz.txt", mark + title.encode("hz") + b"\n" + rest.encode("utf-8"))
    with pytest.warns(ReaderWarning, match=r"hz.txt: mixed encodings: HZ on line\(s\) 1 of a UTF-8 text") as caught:
        got = toolkit.parse_report(path)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got.original_text == text and got.metadata["agency"] == parsed_seed(seed).metadata["agency"] == "市住建局"
    # a tilde and a brace in ASCII ('x = ~{ab~}', HZ of a rare character) stay as written
    line = "公式 x = ~{ab~} 不是HZ"
    assert decode_bytes((text + line).encode("utf-8")) == (text + line, "utf-8")


@pytest.mark.parametrize("shift", [0, 2])  # (the line cut before 2020, or inside it: '20~' / '20年度…')
def test_hz_continued_on_the_next_line_inside_a_utf8_text_is_joined(shift, tmp_path, parsed_seed):
    # Seed 004's title pasted in HZ with a '~' line continuation (RFC 1843: '~{JPW!=(>V~}~' / '2020~{Dj6H…', as a mail
    # wrapped it) into its UTF-8 text was read as two lines, '市住建局~' and '2020年度…', the title cut and a '~' left in
    # it; HZ-GB-2312 (Python's hz codec, the whole text in HZ) joins the lines, and so does a pasted HZ line.
    import toolkit

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    hz = title.encode("hz")
    at = hz.index(b"2020") + shift
    path = write_bytes(tmp_path / "hz.txt", hz[:at] + b"~\n" + hz[at:] + b"\n" + rest.encode("utf-8"))
    assert (hz[:at] + b"~\n" + hz[at:]).decode("hz") == title
    with pytest.warns(ReaderWarning, match=r"hz.txt: mixed encodings: HZ on line\(s\) 1, 2 of a UTF-8 text"):
        got = toolkit.parse_report(path)
    assert got.original_text == text and got.metadata["agency"] == parsed_seed(seed).metadata["agency"]


@pytest.mark.parametrize("note", ["（1~12月）", "(1~12月)~", "~~{不是HZ}"])
def test_a_written_tilde_in_hz_inside_a_utf8_text_is_one_tilde(note, tmp_path, parsed_seed):
    # Seed 004's title with '（1~12月）' pasted in HZ into its UTF-8 text ('~{JPW!=(>V~}…(1~~12~{TB~})') kept HZ's '~~'
    # as two tildes ('（1~~12月）'): RFC 1843 (and the hz codec, the whole text in HZ) reads '~~' as one '~'.
    import toolkit

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    hz = (title + note).encode("hz")
    assert b"~~" in hz and hz.decode("hz") == title + note
    with pytest.warns(ReaderWarning, match=r"hz.txt: mixed encodings: HZ on line\(s\) 1 of a UTF-8 text"):
        got = toolkit.parse_report(write_bytes(tmp_path / "hz.txt", hz + b"\n" + rest.encode("utf-8")))
    assert got.original_lines[0] == title + note
    assert got.metadata["agency"] == parsed_seed(seed).metadata["agency"]


@pytest.mark.parametrize("text", ["總體情況\n本年度無。", "一、總體情況\n本年度無。", "鄉鎮人民政府政府資訊公開年度報告\n無"])
def test_short_big5_text_is_read(text, tmp_path):
    # Big5 was taken only where GB18030 gave more than 3 private-use characters: a short text was read as
    # GB18030 mojibake ('羆砰薄猵'), with no flag.
    import toolkit

    path = tmp_path / "b.txt"
    path.write_bytes(text.encode("big5"))
    got = toolkit.parse_report(path)
    assert got.encoding == "big5" and got.original_text == text
    assert not {"encoding_uncertain", "bad_bytes"} & {f.code for f in got.flags}


def _snippets(config: str, codec: str, mark: str = "") -> list:
    """Short texts cut from every line of the seeds in `config`'s characters: 2, 4, 8 and 30 characters (with
    `mark` inserted in the middle) that `codec` can encode, as (text, bytes)."""
    import opencc

    out = []
    for path in sorted(RAW.glob("*.txt")):
        for line in opencc.OpenCC(config).convert(path.read_text(encoding="utf-8")).split("\n")[::3]:
            for n in (2, 4, 8, 30):
                text = line.strip()[:n]
                text = text[: len(text) // 2] + mark + text[len(text) // 2:]
                try:
                    data = text.encode(codec)
                except UnicodeEncodeError:
                    continue
                if not data.isascii():
                    out.append((text, data))
    return out


@pytest.mark.parametrize("config, codec, mark", [("s2tw", "big5", ""), ("s2t", "big5hkscs", ""),
                                                 ("s2t", "gb18030", "\ue4c6")])
def test_big5_or_gb_text_is_read_or_flagged(config, codec, mark):
    # Big5 read as GBK or GB18030, or GB text with a private-use (user-defined) character read as Big5, is
    # garbage: never without a flag.  Short texts are mostly read right.
    wrong = right = 0
    for text, data in _snippets(config, codec, mark):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            got, used = decode_bytes(data)
        codes = {w.message.code for w in caught}
        if got == text:
            right += 1
        else:
            wrong += 1
            assert codes & {"encoding_uncertain", "bad_bytes"}, (text, got, used)
    assert right > 4 * wrong


def test_short_gb_text_of_common_characters_is_no_guess():
    # its Big5 reading ('淉葬陓洘鼠羲') has rare characters enough to tell
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_bytes("政府信息公开".encode("gbk")) == ("政府信息公开", "gbk")


@pytest.mark.parametrize("footer, line, codes", [
    (b"Copyright \xa9 2024", "Copyright \ufffd 2024", ["bad_bytes"]),
    # D6 F7 is GBK for 主: read so and flagged too, the lone FF still U+FFFD
    (b"\xd6\xf7 2024 \xff", "主 2024 \ufffd", ["mixed_encoding", "bad_bytes"]),
])
def test_utf8_with_a_few_stray_bytes_is_read_and_flagged(footer, line, codes, tmp_path, parsed_seed):
    # A site footer in another encoding made the whole report fail to decode (status failed).  (A line that reads as
    # GBK text is read so: test_gbk_lines_in_a_utf8_text_are_read_and_flagged.)
    import toolkit

    seed = "pingtan-2023-02"
    path = tmp_path / "stray.txt"
    path.write_bytes((RAW / f"{seed}.txt").read_bytes() + b"\n" + footer + b"\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = toolkit.parse_report(path)
    assert [w.message.code for w in caught] == codes
    assert re.search(r"stray.txt: \d+ byte sequence\(s\) that are not UTF-8 .* replaced by U\+FFFD", str(caught[-1].message))
    assert got.encoding == "utf-8" and got.original_lines[-1] == line
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    [flag] = [f for f in got.flags if f.code == "bad_bytes"]
    assert flag.line == len(got.original_lines) and "could not be decoded" in flag.detail
    # GBK text is still GBK, not UTF-8 with replacements
    assert decode_bytes("政府信息公开工作年度报告\n".encode("gbk") * 50)[1] == "gbk"


# Windows-1252 punctuation as a Windows editor writes it into a pasted line: “ ” ‘ ’ – — …
_CP1252_PUNCTUATION = {"“": b"\x93", "”": b"\x94", "‘": b"\x91", "’": b"\x92", "–": b"\x96", "—": b"\x97", "…": b"\x85"}


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_windows_1252_punctuation_is_read_and_flagged(bom, tmp_path, parsed_seed):
    # A UTF-8 report whose quotes, dashes and ellipses were written as Windows-1252 bytes (0x93 0x94 …: lone bytes
    # no UTF-8 character holds) was read with them as U+FFFD, flagged bad_bytes, where it had at most 256 of them, and
    # refused whole (DecodeError) where it had more: a long report lost for its punctuation.  They are read as the
    # Windows-1252 characters they are, flagged mixed_encoding.
    import toolkit

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    data = text.encode("utf-8")
    for char, byte in _CP1252_PUNCTUATION.items():
        data = data.replace(char.encode("utf-8"), byte)
    assert text.count("“") > 10
    path = write_bytes(tmp_path / "quotes.txt", bom + data)
    with pytest.warns(ReaderWarning, match=r"quotes.txt: mixed encodings: \d+ byte\(s\) of Windows-1252 "
                                           r"punctuation \('“”'\) on line\(s\) \d+") as caught:
        got = toolkit.parse_report(path)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    want = parsed_seed(seed)
    assert got.encoding == ("utf-8-sig" if bom else "utf-8") and got.original_lines == want.original_lines
    assert _cells_of(got) == _cells_of(want)
    assert {f.code for f in got.flags} - {f.code for f in want.flags} == {"mixed_encoding"}
    # a long report, with more than 256 such bytes (it was refused), and every sign of the range
    signs = "“政府信息”‘公开’2023–2024年—完毕…"
    long = text + "\n".join([signs] * 300)
    data = long.encode("utf-8")
    for char, byte in _CP1252_PUNCTUATION.items():
        data = data.replace(char.encode("utf-8"), byte)
    with pytest.warns(ReaderWarning, match="Windows-1252"):
        assert decode_bytes(bom + data) == (long, "utf-8-sig" if bom else "utf-8")
    # GB and Big5 text, whose lead bytes are 0x81-0xFE, stays GB and Big5 (0x93 0x94 lead bytes of GBK characters)
    gb = "“政府信息公开”工作—年度报告…\n".encode("gbk") * 3 + "丂亐仯".encode("gbk") + text.encode("gbk", errors="ignore")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_bytes(gb) == (gb.decode("gbk"), "gbk")
        assert decode_bytes(gb + "䶮".encode("gb18030")) == ((gb + "䶮".encode("gb18030")).decode("gb18030"), "gb18030")
        big5 = "「政府資訊公開」工作—年度報告…\n".encode("big5") * 30
        assert decode_bytes(big5) == (big5.decode("big5"), "big5")



@pytest.mark.parametrize("char", ["機", "區"])
def test_a_gbk_character_whose_second_byte_is_ascii_is_no_windows_1252_sign(char):
    # Seed 000's '5.要求行政机关确认…' with one character pasted in GBK, '機' (99 43) or '區' (85 5E), was read
    # '行政™C关…' (or '…'): its first byte is a Windows-1252 sign's, its second an ASCII letter.  Between two Chinese
    # characters, where the two bytes read as a common GB character, they are that character.
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    label = "5.要求行政机关确认或重新出具已获取信息"
    pasted = label.replace("机", char) if char == "機" else label.replace("行政机关", "行政" + char)
    before, after = pasted.split(char)
    data = text.encode("utf-8").replace(label.encode("utf-8"),
                                        before.encode("utf-8") + char.encode("gbk") + after.encode("utf-8"))
    assert 0x40 <= char.encode("gbk")[1] <= 0x7E
    with pytest.warns(ReaderWarning, match="mixed encodings: characters in GBK inside UTF-8 line") as caught:
        got, codec = decode_bytes(data)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert codec == "utf-8" and got == text.replace(label, pasted)
    # a sign before an ASCII letter that starts a word stays a sign
    quoted = text.replace(label, "5.要求行政机关\x99Chinese确认").encode("utf-8").replace(b"\xc2\x99", b"\x99")
    with pytest.warns(ReaderWarning, match="Windows-1252"):
        assert "行政机关™Chinese确认" in decode_bytes(quoted)[0]


@pytest.mark.parametrize("quoted", ["行政机关“Q版”确认", "行政“微信”Q群确认"])
def test_a_windows_1252_quote_before_an_ascii_letter_is_no_gbk_character(quoted):
    # Seed 000's '5.要求行政机关确认…' with '“Q版”' in it, its quotes written as Windows-1252 bytes, was read
    # '行政机关換版\ufffd确认': 93 51 between two Chinese characters is GBK's common '換'.  A quote whose other half
    # stands on its line is a quote.
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    new = text.replace("行政机关确认", quoted, 1)
    data = new.encode("utf-8")
    for char, byte in _CP1252_PUNCTUATION.items():
        data = data.replace(char.encode("utf-8"), byte)
    assert b"\x93Q" in data or b"\x94Q" in data
    with pytest.warns(ReaderWarning, match="Windows-1252 punctuation") as caught:
        assert decode_bytes(data) == (new, "utf-8")
    assert [w.message.code for w in caught] == ["mixed_encoding"]


@pytest.mark.parametrize("gb_line", [False, True])
def test_gbk_characters_that_are_valid_utf8_in_a_utf8_text_are_read_as_gbk(gb_line, tmp_path, parsed_seed):
    # Seed pingtan-2023-02 with '平潭' pasted in GBK into its UTF-8 lines (C6BD CCB6, UTF-8's 'ƽ̶' by chance) was read
    # 'ƽ̶综合实验区财政金融局…' without a flag, the agency lost: no byte failed, so no reading of stray bytes saw it
    # (also beside a line in GBK that fails as UTF-8).  Such a run is read as GBK, flagged; a Greek or Russian word
    # whose bytes are GBK of common characters too ('αβγ', 'она') stays as written.
    import toolkit

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert text.count("平潭") > 2 and "平潭".encode("gbk").decode("utf-8") == "ƽ̶"
    gbk = "平潭".encode("gbk")
    data = b"\n".join(line.encode("gbk") if gb_line and number == 3 else line.encode("utf-8").replace(
        "平潭".encode("utf-8"), gbk) for number, line in enumerate(lines))
    path = write_bytes(tmp_path / "pasted.txt", data)
    with pytest.warns(ReaderWarning, match=r"characters in GBK that are valid UTF-8 \('平潭', as UTF-8 'ƽ̶'\) on "
                                           r"line\(s\) 1, ") as caught:
        got = toolkit.parse_report(path)
    assert {w.message.code for w in caught} == {"mixed_encoding"}
    want = parsed_seed(seed)
    assert got.encoding == "utf-8" and got.original_lines == want.original_lines
    assert got.metadata["agency"] == want.metadata["agency"] and _cells_of(got) == _cells_of(want)
    for word in ("αβγ", "она"):
        assert word.encode("utf-8").decode("gbk")  # (common GB characters: 'λαλβλγ' …)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert decode_bytes(f"{lines[0]}{word}\n{text}".encode("utf-8")) == (f"{lines[0]}{word}\n{text}", "utf-8")


def test_windows_1252_punctuation_beside_a_gbk_line_in_a_utf8_text_is_read(tmp_path, parsed_seed):
    # A UTF-8 report with its title pasted in GBK and its quotes written as Windows-1252 bytes: the quoted lines
    # were taken for lines in no encoding, and the title was lost with them ('ƽ̶\ufffd\ufffd…', agency lost), the
    # whole read as UTF-8 with bad bytes.  Each line is read in its own encoding, both flagged mixed_encoding.
    import toolkit

    seed = "pingtan-2023-02"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    data = b"\n".join(line.encode("gbk") if i == 0 else line.encode("utf-8") for i, line in enumerate(lines))
    for char, byte in _CP1252_PUNCTUATION.items():
        data = data.replace(char.encode("utf-8"), byte)
    path = write_bytes(tmp_path / "mixed.txt", data)
    with pytest.warns(ReaderWarning) as caught:
        got = toolkit.parse_report(path)
    said = sorted(str(w.message).split(": ", 1)[1] for w in caught)
    assert [w.message.code for w in caught] == ["mixed_encoding", "mixed_encoding"]
    assert said[0].startswith("mixed encodings: 30 byte(s) of Windows-1252 punctuation ('“”') on line(s) 2 in a "
                              "UTF-8 text"), said
    assert said[1].startswith("mixed encodings: line(s) 1 in GBK in a UTF-8 text"), said
    want = parsed_seed(seed)
    assert got.encoding == "utf-8" and got.original_lines == want.original_lines
    assert got.metadata["agency"] == want.metadata["agency"]
    assert _cells_of(got) == _cells_of(want)

@pytest.mark.parametrize("codec, damage", [("utf-8-sig", "stray"), ("utf-8-sig", "cut"), ("utf-16", "cut"),
                                           ("utf-16", "stray"), ("utf-16-be", "cut"), ("utf-32", "cut")])
def test_text_with_a_byte_order_mark_and_a_few_bad_bytes_is_read_and_flagged(codec, damage, tmp_path,
                                                                             parsed_seed):
    # Notepad saves UTF-8 with a byte-order mark: such a report with one stray byte, or a UTF-16 one whose
    # download lost its last byte, failed whole ('starts with a utf-16 byte-order mark but is not valid
    # utf-16'), where the same text without the mark is read, the bad bytes shown as U+FFFD and flagged
    # bad_bytes.  It is now read so too, in the mark's codec.
    import toolkit
    from toolkit.errors import DecodeError

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    plain = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-16-be": "utf-16-be", "utf-32": "utf-32-le"}[codec]
    data = ("\ufeff" + text).encode(plain)
    at = data.index("\n".encode(plain), len(data) // 2) + len("\n".encode(plain))
    stray = b"\xff" if codec == "utf-8-sig" else b"\x00\xd8"  # (a lone surrogate in UTF-16 LE)
    # cut: the file's last byte lost (of its last character, in UTF-8)
    end = max(i for i, b in enumerate(data) if b >= 0x80) if codec == "utf-8-sig" else len(data) - 1
    path = tmp_path / "bom.txt"
    path.write_bytes(data[:end] + data[end + 1:] if damage == "cut" else data[:at] + stray + data[at:])
    with pytest.warns(UserWarning, match=r"bom.txt: \d+ byte sequence\(s\) that are not "):
        got = toolkit.parse_report(path)
    assert got.encoding == codec.replace("-be", "")
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    assert [f.code for f in got.flags if f.code == "bad_bytes"] == ["bad_bytes"]
    # a mark before bytes of another codec is still refused
    path.write_bytes(b"\xff\xfe" + text.encode("gbk"))
    with pytest.raises(DecodeError, match="byte-order mark"):
        toolkit.parse_report(path)

@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gb_text_after_a_utf8_byte_order_mark_is_read_and_flagged(codec, tmp_path, parsed_seed):
    # Seed pingtan-2023-02 saved as GBK (or GB18030) after a UTF-8 byte-order mark (a tool that writes the mark before
    # any text) was refused whole ('starts with a utf-8-sig byte-order mark but is not valid utf-8-sig'), where the
    # same bytes without the mark are read: it is read in its codec, flagged.  (A UTF-16 mark before GBK is still
    # refused: test_text_with_a_byte_order_mark_and_a_few_bad_bytes_is_read_and_flagged.)
    import toolkit

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    body = text.encode(codec)
    path = write_bytes(tmp_path / "marked.txt", b"\xef\xbb\xbf" + body)
    with pytest.warns(ReaderWarning, match=r"marked.txt: the file starts with a UTF-8 byte-order mark but its bytes "
                                           r"are GBK") as caught:
        got = toolkit.parse_report(path)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got.encoding == decode_bytes(body)[1] and got.original_lines == text.splitlines()
    assert _cells_of(got) == _cells_of(parsed_seed(seed))


@pytest.mark.parametrize("given", ["big5", "gbk", "gb2312"])
def test_gb_or_big5_text_after_a_utf8_byte_order_mark_is_read_in_the_codec_given(given, tmp_path, parsed_seed):
    # Seed pingtan-2023-02 saved as Big5 (in traditional characters) or GBK after a UTF-8 byte-order mark was read in
    # its codec when detected, but refused with that codec given ('cannot decode the bytes as utf-8-sig'): the mark
    # took over the codec given.  The bytes after the mark are read in the codec given, flagged as when detected.
    import toolkit
    from toolkit.errors import DecodeError
    from toolkit.normalize import _opencc

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    if given.startswith("big5"):
        text = _opencc("s2t").convert(text).translate(str.maketrans("爲羣裏衆", "為群裡眾"))  # (Big5's forms)
    path = write_bytes(tmp_path / "marked.txt", b"\xef\xbb\xbf" + text.encode(given))
    with pytest.warns(ReaderWarning, match=r"marked.txt: the file starts with a UTF-8 byte-order mark but its bytes "
                                           r"are (BIG5|GBK), the codec given") as caught:
        got = toolkit.parse_report(path, encoding=given)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got.encoding == ("gbk" if given == "gb2312" else given) and got.original_lines == text.splitlines()
    if not given.startswith("big5"):
        assert _cells_of(got) == _cells_of(parsed_seed(seed))
    # a UTF-8 text after its mark is still read as such, a second mark after it is still refused
    assert decode_bytes("\ufeff政府信息".encode("utf-8"), encoding=given) == ("政府信息", "utf-8-sig")
    with pytest.raises(DecodeError, match="utf-8-sig"):
        decode_bytes(b"\xef\xbb\xbf\xff\xfe" + "政府".encode("utf-16-le"), encoding=given)


def test_big5_lines_in_a_gb_text_are_read_as_big5():
    # Seed 000 saved as GB18030 with two lines pasted in Big5 (traditional characters, from a Hong Kong or Taiwan
    # page) was read as GB18030 with those lines as private-use characters and kana ('()笆そ秨現┎獺薄猵' for '(一)主動
    # 公開政府信息情況', the section heading lost), flagged as user-defined characters.  They are read as Big5, flagged.
    from toolkit.normalize import _opencc

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    traditional = {number: _opencc("s2t").convert(lines[number]) for number in (6, 8)}
    data = b"\n".join(traditional[number].encode("big5") if number in traditional else line.encode("gb18030")
                      for number, line in enumerate(lines))
    want = "\n".join(traditional.get(number, line) for number, line in enumerate(lines))
    with pytest.warns(ReaderWarning, match=r"mixed encodings: line\(s\) 7, 9 in Big5 in a GB text") as caught:
        got, codec = decode_bytes(data)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got == want and codec == "gb18030"
    assert got.split("\n")[6] == "(一)主動公開政府信息情況"


def test_big5_lines_that_read_as_gb_of_rare_characters_are_read_as_big5():
    # Seed 000 saved as GB18030 with its lines '规章' and '总计' pasted in Big5 read without a word as GB's rare
    # '砏彻' and '羆璸' (a Big5 character whose second byte is 0x40-0x7E reads as one of GBK's rare ones): no private-use
    # character or kana told them.  A line mostly of rare characters is asked too; the seed's own lines are not.
    from toolkit.normalize import _opencc

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    numbers = (lines.index("规章"), lines.index("总计"))
    traditional = {number: _opencc("s2t").convert(lines[number]) for number in numbers}
    data = b"\n".join(traditional[number].encode("big5") if number in traditional else line.encode("gb18030")
                      for number, line in enumerate(lines))
    assert [data.split(b"\n")[number].decode("gbk") for number in numbers] == ["砏彻", "羆璸"]
    want = "\n".join(traditional.get(number, line) for number, line in enumerate(lines))
    shown = ", ".join(str(number + 1) for number in numbers)
    with pytest.warns(ReaderWarning, match=rf"mixed encodings: line\(s\) {shown} in Big5 in a GB text") as caught:
        got, codec = decode_bytes(data)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got == want and codec == "gb18030"
    assert decode_bytes("\n".join(lines).encode("gb18030")) == ("\n".join(lines), "gb18030")


def test_gb_lines_of_counts_with_circled_footnote_marks_stay_gb():
    # Seed 000 saved as GB18030 with a footnote's mark glued to each count ('14①', as a page's <sup>①</sup> reads):
    # ① (GB 2312's row A2 of list numbers, ⒈ ⑴ ① Ⅰ) counted as a rare character, so the line '14①' was taken for a
    # Big5 line and read '14Ｋ', and '规章' beside marked counts in a row as '寞梒'.  The text is read as written.
    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join(line.strip() + "①" if re.fullmatch(r"\s*\d+\s*", line) else line for line in lines)
    row = "规章 0① 0① 2⑴ ⒈"
    for written in (text, f"{text}\n{row}"):
        with warnings.catch_warnings():
            warnings.simplefilter("error", ReaderWarning)
            assert decode_bytes(written.encode("gb18030")) == (written, "gb18030")


def test_a_big5_line_read_as_gb_into_private_use_and_common_characters_is_read_as_big5():
    # Seed 000 saved as GB18030 with its line '第二十条第(一)项' pasted in Big5: read as GB, '材\ue5ed\ue5f7兵材(\ue5e6)兜',
    # its characters other than the private-use ones are common, so its share of rare ones (which left those out) was
    # no higher than the Big5 reading's: the line stayed so, flagged only as user-defined characters.
    from toolkit.normalize import _opencc

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    number = lines.index("第二十条第(一)项")
    pasted = _opencc("s2t").convert(lines[number])
    data = b"\n".join(pasted.encode("big5") if at == number else line.encode("gb18030")
                      for at, line in enumerate(lines))
    with pytest.warns(ReaderWarning, match=rf"mixed encodings: line\(s\) {number + 1} in Big5 in a GB text") as caught:
        got, codec = decode_bytes(data)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got.split("\n")[number] == pasted == "第二十條第(一)項" and codec == "gb18030"


@pytest.mark.parametrize("padding", [4096, 5])
@pytest.mark.parametrize("codec", ["utf-8", "gbk", "utf-8-sig", "utf-16", "utf-32"])
def test_text_padded_with_nul_bytes_at_its_end_is_read_and_flagged(codec, padding, tmp_path, parsed_seed):
    # A report whose file ends in a run of NUL bytes (a download cut short, a file preallocated or recovered from a
    # disk) failed whole as 'contains NUL bytes: binary data'; its text is now read, the padding dropped and flagged.
    # (So it is with a byte-order mark, Notepad's UTF-8 or UTF-16, where it still failed: a UTF-16 text's last
    # character ends in a NUL byte, not padding, and a run of padding cut anywhere ends the text in the middle of one.)
    import toolkit
    from toolkit.errors import BinaryFileError

    seed = "pingtan-2023-02"
    data = (RAW / f"{seed}.txt").read_text(encoding="utf-8").encode(codec)
    path = write_bytes(tmp_path / "padded.txt", data + b"\x00" * padding)
    with pytest.warns(ReaderWarning, match=rf"padded.txt: {padding} NUL byte\(s\) at the end of the text .* dropped"):
        got = toolkit.parse_report(path)
    assert got.encoding == codec and got.original_lines == parsed_seed(seed).original_lines
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    assert [f.code for f in got.flags if f.code == "bad_bytes"] == ["bad_bytes"]
    # NUL bytes inside the text are still binary data (a NUL character, in UTF-16 or UTF-32)
    nul = b"\x00" * {"utf-16": 2, "utf-32": 4}.get(codec, 1)
    at = 100 if len(nul) > 1 else data.index(b"\n") + 1  # (between two characters)
    with pytest.raises(BinaryFileError, match="contains NUL (bytes|characters)"):
        read_document(write_bytes(tmp_path / "inside.txt", data[:at] + nul + data[at:] + b"\x00" * 8))


@pytest.mark.parametrize("padding", [4096, 3, 2])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_padded_with_nul_bytes_is_read_and_flagged(codec, padding, tmp_path, parsed_seed):
    # Seed pingtan-2023-02 in UTF-16 without a byte-order mark, padded with NUL bytes (a file preallocated, a download
    # cut short: three bytes, an odd length, too) was read with the padding as U+0000 characters and refused whole as
    # binary data, after a false 'truncated' warning for an odd length; the padding is dropped and flagged as with a
    # mark.
    import toolkit

    seed = "pingtan-2023-02"
    path = write_bytes(tmp_path / "padded.txt",
                       (RAW / f"{seed}.txt").read_text(encoding="utf-8").encode(codec) + b"\x00" * padding)
    with pytest.warns(ReaderWarning, match=rf"padded.txt: {padding} NUL byte\(s\) at the end of the text") as caught:
        got = toolkit.parse_report(path)
    assert [w.message.code for w in caught] == ["bad_bytes"]
    assert got.encoding == codec and got.original_lines == parsed_seed(seed).original_lines
    assert _cells_of(got) == _cells_of(parsed_seed(seed))


@pytest.mark.parametrize("text_codec, line_codec, named", [("utf-8", "gbk", "GBK in a UTF-8"),
                                                           ("utf-8", "big5", "Big5 in a UTF-8"),
                                                           ("gb18030", "utf-8", "UTF-8 in a GB18030"),
                                                           ("gb18030", "big5", "Big5 in a GB")])
def test_a_line_pasted_in_another_encoding_is_read_so_where_lines_end_in_cr_alone(text_codec, line_codec, named):
    # Seed 001 with its lines ending in CR alone, or in CR and CR LF by turns (a file mixing them), and its sixth line
    # pasted in another encoding: the lines were split at LF alone, so the text was one line (or pairs of lines), read
    # in the text's encoding: the pasted line lost to U+FFFD ('29 byte sequence(s) that are not UTF-8'), or its Big5
    # left as private-use characters.  Each line is read in its own encoding, as with LF.  So with lines ending in a
    # vertical tab (Word's manual line break in its text export), which ends a line of the text read (text_lines).
    from toolkit.normalize import _opencc

    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    pasted = _opencc("s2t").convert(lines[5]) if line_codec == "big5" else lines[5]
    for ends in (["\r"], ["\r", "\r\n"], ["\v"], ["\v", "\n"]):
        data = b"".join((pasted.encode(line_codec) if number == 5 else line.encode(text_codec))
                        + ends[number % len(ends)].encode() * (number < len(lines) - 1)
                        for number, line in enumerate(lines))
        with pytest.warns(ReaderWarning, match=rf"mixed encodings: line\(s\) 6 in {named} text") as caught:
            text, codec = decode_bytes(data)
        assert [w.message.code for w in caught] == ["mixed_encoding"]
        assert codec == text_codec and text.splitlines() == lines[:5] + [pasted] + lines[6:]


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n", "\v"])
@pytest.mark.parametrize("pasted, shown", [(b"\x93", "punctuation ('“') on line(s) 6 in"),
                                           ("平潭".encode("gbk"), "('平潭', as UTF-8 'ƽ̶') on line(s) 6 of")])
def test_the_lines_of_windows_1252_quotes_and_gb_runs_are_named_where_lines_end_in_cr_alone(end, pasted, shown):
    # Seed 001 with a Windows-1252 quote, or '平潭' in GBK (valid UTF-8: 'ƽ̶'), on its sixth line, its lines ending in
    # CR alone: the warning named line 1, counting LF alone.  A lone CR ends a line, as in the text read; so does a
    # vertical tab.
    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    data = end.join(lines[:5]).encode() + end.encode() + pasted + end.join(lines[5:]).encode()
    with pytest.warns(ReaderWarning, match="mixed encodings") as caught:
        text, codec = decode_bytes(data)
    assert codec == "utf-8" and text.splitlines()[5].startswith(("“", "平潭"))
    assert len(caught) == 1 and shown in str(caught[0].message)


@pytest.mark.parametrize("other, warned", [(b"\x93", "Windows-1252 punctuation"), (b"\xff", "were replaced by U+FFFD"),
                                           (b"\xe6\x94", "ends in the middle of a UTF-8 character")])
def test_gbk_valid_as_utf8_is_read_beside_other_bytes_that_are_no_utf8(other, warned):
    # Seed 001 with '平潭' in GBK (valid UTF-8: 'ƽ̶') on its sixth line and a Windows-1252 quote, a stray byte or a last
    # character cut: the GBK was read as such in strict UTF-8 alone, and stayed 'ƽ̶' (the agency lost) beside them.
    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    lines[5] += "平潭"
    data = "\n".join(lines).encode().replace("平潭".encode(), "平潭".encode("gbk"))
    data = data + other if other.startswith(b"\xe6") else data.replace(b"\n", b"\n" + other, 1)
    with pytest.warns(ReaderWarning) as caught:
        text, codec = decode_bytes(data)
    assert codec == "utf-8" and text.splitlines()[5].endswith("平潭")
    assert [warned in str(w.message) for w in caught] == [True, False]
    assert "('平潭', as UTF-8 'ƽ̶') on line(s) 6 of" in str(caught[1].message)


@pytest.mark.parametrize("own", [3, 300])
@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_the_bytes_replaced_are_counted_without_the_texts_own_replacement_characters(own, codec):
    # Seed 001 in UTF-8 or GB18030, holding U+FFFD of its own (characters a scraper could not read, kept as written)
    # and one stray byte: the warning counted every U+FFFD as a byte sequence that is no UTF-8 ('4 byte sequence(s)'
    # for one), and 300 of them made the text fail the limit of 256 (refused whole).  The sequences replaced are
    # counted, the text's own U+FFFD left out.
    seed = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    step = len(seed) // own
    text = "".join(seed[at:at + step] + "\ufffd" * (at < own * step) for at in range(0, len(seed), step))
    assert text.count("\ufffd") == own
    data = text.encode(codec, errors="replace")
    at = data.index(b"\n", len(data) // 2) + 1
    with pytest.warns(ReaderWarning, match=rf": 1 byte sequence\(s\) that are not {codec.upper()} "):
        got, read = decode_bytes(data[:at] + b"\xff" + data[at:])
    assert read == codec and got.count("\ufffd") == own + 1


@pytest.mark.parametrize("stray", [b"\x80", b"\xff", b"\xb9\n", b"\xa9 2024"])
@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_gb_or_big5_text_with_a_few_stray_bytes_is_read_and_flagged(stray, codec, tmp_path, parsed_seed):
    # A GBK report with one stray byte (a byte of another encoding, a character cut in two at a line's end) failed
    # whole ('cannot decode the bytes in any supported encoding'), where UTF-8 with such a byte is read, the byte
    # shown as U+FFFD and flagged bad_bytes; it is now read so too, in the codec its other characters say (Big5
    # text with a stray byte stays Big5, not GB mojibake).
    import toolkit
    from toolkit.errors import DecodeError

    seed = "pingtan-2023-02"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    if codec == "big5":
        text = toolkit.normalize.to_simplified(text)  # (the seed's cells, in traditional characters below)
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
    data = text.encode(codec, errors="replace")
    at = data.index(b"\n", len(data) // 2) + 1
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:at] + stray + data[at:])
    if (codec, stray) == ("gbk", b"\x80"):  # no stray byte in GBK: CP936's euro sign, read as such, unflagged
        got = toolkit.parse_report(path)
        assert got.encoding == "gbk" and "\n\u20ac" in got.original_text
        assert _cells_of(got) == _cells_of(parsed_seed(seed))
        assert not [f for f in got.flags if f.code == "bad_bytes"]
        return
    with pytest.warns(UserWarning, match=r"stray.txt: \d+ byte sequence\(s\) that are not "):
        got = toolkit.parse_report(path)
    assert got.encoding.replace("hkscs", "") == ("gb18030" if codec == "gbk" else "big5")
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    assert [f.code for f in got.flags if f.code == "bad_bytes"] == ["bad_bytes"]
    # many stray bytes are no GB text: still refused
    path.write_bytes(b"\x80".join(data[i:i + 20] for i in range(0, len(data), 20)))
    with pytest.raises(DecodeError):
        toolkit.parse_report(path)


_CODEC_NAMES = {"gbk": "GBK", "utf-8": "UTF-8", "utf-8-sig": "UTF-8"}


@pytest.mark.parametrize(("codec", "pasted_codec", "pasted"), [
    ("gbk", "utf-8", [0]), ("gbk", "utf-8", [0, 5]), ("utf-8", "gbk", [0]), ("utf-8", "gbk", [0, 35]),
    ("utf-8", "gbk", [396]),  # (line 397 is '无', one character: it was read '\ufffd\ufffd', a bad byte)
    ("gbk", "utf-8", [396]),  # (… and in UTF-8 in a GBK text, as GB18030 with a bad byte: '鏃\ufffd')
    ("utf-8-sig", "gbk", [35])])  # (Notepad's UTF-8, with its byte-order mark: the line was lost, or the file refused)
def test_lines_pasted_in_another_encoding_are_read_and_flagged(codec, pasted_codec, pasted, tmp_path, parsed_seed):
    # A title pasted in UTF-8 into a GBK file was read as GB18030 without an error, into mojibake ('甯備綇寤哄眬…'):
    # agency lost, nothing said the bytes were mixed.  The reverse, a title or a table row pasted in GBK into a UTF-8
    # file, was read as UTF-8 with its bytes replaced by U+FFFD ('\ufffd\ufffd…' for '市住建局…', '行政许可'): agency
    # and the row's label lost, flagged only as bytes that could not be decoded.  Each such line is read in its own
    # encoding, the mixed encodings flagged.
    import toolkit

    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    assert lines[35].strip() == "行政许可"
    data = b"\n".join(line.encode(pasted_codec if i in pasted else codec.removesuffix("-sig"))
                      for i, line in enumerate(lines))
    path = write_bytes(tmp_path / "mixed.txt", b"\xef\xbb\xbf" * codec.endswith("-sig") + data)
    numbers = ", ".join(str(i + 1) for i in pasted)
    said = rf"mixed.txt: mixed encodings: line\(s\) {numbers} in {_CODEC_NAMES[pasted_codec]} in a {_CODEC_NAMES[codec]} text"
    with pytest.warns(UserWarning, match=said):
        got = toolkit.parse_report(path)
    want = parsed_seed(seed)
    assert got.encoding == codec and got.original_lines == want.original_lines
    assert got.metadata["agency"] == want.metadata["agency"] == "市住建局"
    assert _cells_of(got) == _cells_of(want)
    assert {f.code for f in got.flags} - {f.code for f in want.flags} == {"mixed_encoding"}


def test_a_gbk_footer_in_a_utf8_text_is_read_beside_a_stray_byte(tmp_path, parsed_seed):
    import toolkit

    seed = "004_b232cca7e491c758"
    want = parsed_seed(seed)
    # a site footer pasted in GBK, with a stray byte of no encoding on another line: the footer read, the byte flagged
    footer = "主办单位：平潭综合实验区管理委员会办公室 承办：平潭综合实验区政务服务中心"
    path = write_bytes(tmp_path / "footer.txt", (RAW / f"{seed}.txt").read_bytes() + b"\n\xff\n" + footer.encode("gbk") + b"\n")
    with pytest.warns(UserWarning) as caught:
        got = toolkit.parse_report(path)
    assert sorted(w.message.code for w in caught) == ["bad_bytes", "mixed_encoding"]
    assert got.original_lines[-2:] == ["\ufffd", footer]
    assert _cells_of(got) == _cells_of(want)


@pytest.mark.parametrize("codec, pasted_codec", [("utf-8", "gbk"), ("gbk", "utf-8")])
def test_a_pasted_line_with_pinyin_is_read_in_its_own_encoding(codec, pasted_codec, tmp_path):
    # Seed 002's row label '…行政機關(guān)不再處理…' pasted in GBK into a UTF-8 file was read as U+FFFD (47 bad byte
    # sequences, the row lost), and in UTF-8 into a GBK file made the whole file GB18030 with stray bytes, the line
    # mojibake ('(gu膩n)'): the tone letter ā was taken for no character of a report.
    lines = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8").split("\n")
    assert "(guān)" in lines[261]
    data = b"\n".join(line.encode(pasted_codec if i == 261 else codec) for i, line in enumerate(lines))
    with pytest.warns(UserWarning, match=rf"line\(s\) 262 in {_CODEC_NAMES[pasted_codec]} in a {_CODEC_NAMES[codec]} text"):
        doc = read_document(write_bytes(tmp_path / "pinyin.txt", data))
    assert doc.encoding == codec and doc.lines == lines


@pytest.mark.parametrize("word", ["行政机关", "审批制度改革", "一直以来"])
def test_a_gbk_word_inside_a_utf8_line_is_read_and_flagged(word, tmp_path, parsed_seed):
    # Seed 000's row label '5.要求行政机关确认或重新出具已获取信息' with '行政机关' pasted in GBK (a cell copied from a GB
    # page) was read '5.要求\ufffd…确认…' (8 bad byte sequences, the row lost): only whole lines were read as GB.  A
    # run of GB bytes inside a UTF-8 line is read so where it reads strictly into Chinese characters, flagged
    # mixed_encoding; some of its pairs are UTF-8 by chance ('审批制度改革': 'ƶȸĸ'; '一直', D2 BB D6 B1: 'һֱ').
    import toolkit

    seed = "000_438c5e5d2b6f4db4"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    label = "5.要求行政机关确认或重新出具已获取信息"
    assert text.count(label) == 1
    pasted = label.replace("行政机关", word)
    before, after = pasted.split(word)
    data = text.replace(label, pasted).encode("utf-8").replace(
        pasted.encode("utf-8"), before.encode("utf-8") + word.encode("gbk") + after.encode("utf-8"))
    with pytest.warns(ReaderWarning, match="mixed encodings: characters in GBK inside UTF-8 line") as caught:
        doc = read_document(write_bytes(tmp_path / "run.txt", data))
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert doc.encoding == "utf-8" and doc.lines == text.replace(label, pasted).split("\n")
    if word == "行政机关":
        with pytest.warns(ReaderWarning, match="mixed encodings"):
            got = toolkit.parse_report(tmp_path / "run.txt")
        assert _cells_of(got) == _cells_of(parsed_seed(seed))
    # a byte of no encoding beside the run stays U+FFFD, flagged
    data = data.replace(word.encode("gbk"), word.encode("gbk") + b"\xff")
    with pytest.warns(ReaderWarning) as caught:
        doc = read_document(write_bytes(tmp_path / "run.txt", data))
    assert sorted(w.message.code for w in caught) == ["bad_bytes", "mixed_encoding"]
    assert pasted.replace(word, word + "\ufffd") in doc.lines


@pytest.mark.parametrize("utf8, pasted", [("负责人：", "王"), ("负责人：", "张伟"), ("主要负责人：", "王芳")])
def test_a_utf8_line_with_a_gb_word_that_reads_whole_as_gb_is_read_by_its_runs(utf8, pasted):
    # Seed 004 with a line '负责人：张伟同志' in UTF-8 but for the name pasted in GBK: the whole line read as GBK without
    # an error, into mojibake ('璐熻矗浜猴細张伟鍚屽織'), flagged as a line in GBK; where that reading is mostly rare
    # characters and the line's runs of GB read it whole, these are taken (the name read as GBK, the rest as UTF-8).
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    data = "\n".join(lines[:3]).encode("utf-8") + b"\n" + utf8.encode("utf-8") + pasted.encode("gbk") \
        + "同志\n".encode("utf-8") + "\n".join(lines[3:]).encode("utf-8")
    with pytest.warns(ReaderWarning, match=r"characters in GBK inside UTF-8 line\(s\) 4, read as GBK") as caught:
        got = decode_bytes(data)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got == ("\n".join(lines[:3] + [utf8 + pasted + "同志"] + lines[3:]), "utf-8")


@pytest.mark.parametrize("utf8, pasted", [("负责人：王", "㛃"), ("主要负责人：", "王㛃"), ("负责人：王", "𬱖"),
                                           ("负责人：王", "\U00013406")])
def test_a_gb18030_character_of_four_bytes_inside_a_utf8_line_is_read_and_flagged(utf8, pasted):
    # Seed 004 with a head's name written in its UTF-8 text but for a rare name's character (or the name) pasted in
    # GB18030, four bytes (㛃 82 30 B7 31): its second and fourth bytes are digits, which broke the run of bytes that
    # are no UTF-8, and one rare character made no pasted line's: U+FFFD, the name lost.  (An Egyptian hieroglyph of
    # four bytes is no Han character: not taken.)
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    data = "\n".join(lines[:3]).encode("utf-8") + b"\n" + utf8.encode("utf-8") + pasted.encode("gb18030") \
        + "同志\n".encode("utf-8") + "\n".join(lines[3:]).encode("utf-8")
    want = "\n".join(lines[:3] + [utf8 + pasted + "同志"] + lines[3:])
    if pasted == "\U00013406":
        with pytest.warns(ReaderWarning, match="not UTF-8 in a UTF-8 text") as caught:
            assert pasted not in decode_bytes(data)[0]
        assert [w.message.code for w in caught] == ["bad_bytes"]
        return
    with pytest.warns(ReaderWarning,
                      match=r"characters in GB18030 inside UTF-8 line\(s\) 4, read as GB18030") as caught:
        assert decode_bytes(data) == (want, "utf-8")
    assert [w.message.code for w in caught] == ["mixed_encoding"]


@pytest.mark.parametrize("pasted", [[0], [0, 35]])
def test_lines_pasted_in_big5_into_a_utf8_text_are_read_and_flagged(pasted, tmp_path, parsed_seed):
    # A title or a row label pasted from a Hong Kong or Taiwan page in Big5 into a UTF-8 file was read with its bytes
    # replaced by U+FFFD (the agency and the row's label lost: its GB reading is no line of a report); read in Big5,
    # as a line pasted in GBK is read in GBK, and flagged.
    import opencc

    import toolkit

    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    traditional = opencc.OpenCC("s2t")
    data = b"\n".join(traditional.convert(line).encode("big5") if i in pasted else line.encode("utf-8")
                      for i, line in enumerate(lines))
    path = write_bytes(tmp_path / "big5.txt", data)
    numbers = ", ".join(str(i + 1) for i in pasted)
    with pytest.warns(UserWarning, match=rf"big5.txt: mixed encodings: line\(s\) {numbers} in Big5 in a UTF-8 text"):
        got = toolkit.parse_report(path)
    want = parsed_seed(seed)
    assert got.encoding == "utf-8"
    assert [got.original_lines[i] for i in pasted] == [traditional.convert(lines[i]) for i in pasted]
    assert got.metadata["agency"] == want.metadata["agency"] == "市住建局"
    assert _cells_of(got) == _cells_of(want)
    assert {f.code for f in got.flags} - {f.code for f in want.flags} == {"mixed_encoding"}


@pytest.mark.parametrize("codec, kind", [("utf-8", "UTF-8"), ("gb18030", "GB")])
def test_big5_lines_with_a_small_full_stop_are_read_as_big5(codec, kind):
    # Seed 003 numbers its items with the small full stop ('1﹒政府公报…', Big5 A14F): its lines pasted in Big5 were taken
    # for no Big5 (﹒ counted as a misreading's small form), read as U+FFFD in a UTF-8 text and as private-use
    # characters in a GB one ('1\ue4d5現┎そ厨…'), the row labels lost.
    from toolkit.normalize import _opencc

    lines = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8").split("\n")
    pasted = [number for number, line in enumerate(lines) if "\ufe52" in line][:3]
    traditional = {number: _opencc("s2t").convert(lines[number]) for number in pasted}
    data = b"\n".join(traditional[number].encode("big5") if number in traditional else line.encode(codec)
                      for number, line in enumerate(lines))
    numbers = ", ".join(str(number + 1) for number in pasted)
    with pytest.warns(ReaderWarning, match=rf"mixed encodings: line\(s\) {numbers} in Big5 in a {kind} text") as caught:
        got, used = decode_bytes(data)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert got == "\n".join(traditional.get(number, line) for number, line in enumerate(lines)) and used == codec


@pytest.mark.parametrize("codec, pasted_codec", [("utf-8", "gbk"), ("gbk", "utf-8")])
def test_a_cell_pasted_in_another_encoding_in_a_page_of_one_line_is_read_and_flagged(codec, pasted_codec, tmp_path):
    # A page written on one line (a CMS's minified markup) with a row label pasted in another encoding: in GBK into
    # UTF-8, the label's bytes were replaced by U+FFFD (the row's label lost, flagged only as bad bytes, or the page
    # refused); in UTF-8 into GBK, read as GB18030 into mojibake ('琛屾斂浜嬩笟鎬ф敹璐'), as the line, the whole page,
    # is in neither encoding.  No GB or UTF-8 byte is '<' (nor '\n'): the text between two tags is read in its own
    # encoding, as a line is.
    page = render_html(MERGED_001).decode("utf-8").replace("\n", "").replace('charset="utf-8"', f'charset="{codec}"')
    before, after = page.split("行政事业性收费", 1)
    path = write_bytes(tmp_path / "oneline.html", before.encode(codec) + "行政事业性收费".encode(pasted_codec)
                       + after.encode(codec))
    said = rf"oneline.html: mixed encodings: line\(s\) 1 in {_CODEC_NAMES[pasted_codec]} in a {_CODEC_NAMES[codec]} text"
    with pytest.warns(UserWarning, match=said) as caught:
        doc = read_document(path)
    assert [w.message.code for w in caught] == ["mixed_encoding"]
    assert doc.encoding == codec and doc.lines == MERGED_001


def test_a_warning_about_the_gb_part_of_a_mixed_text_names_the_file(tmp_path):
    # (it named '<bytes>': the GB lines were decoded apart from the path)
    path = tmp_path / "mixed.txt"
    gb = "\n".join(["一、总体情况", "本年度无\ue4c6。"] * 10).encode("gb18030")
    path.write_bytes("市住建局2020年度政府信息公开工作年度报告".encode("utf-8") + b"\n" + gb)
    with pytest.warns(UserWarning) as caught:
        read_document(path)
    assert sorted(w.message.code for w in caught) == ["bad_bytes", "mixed_encoding"]
    assert all(str(w.message).startswith(f"{path}: ") for w in caught)


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_mojibake_is_refused_with_its_reason(tmp_path):
    # UTF-8 read as GBK and saved again is valid UTF-8 of the wrong characters: before, status partial with
    # flags blaming the document (no title, no sections), every cell lost.
    from toolkit.errors import DecodeError

    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    moji = text.encode("utf-8").decode("gbk", errors="replace")
    for name, data in (("moji.txt", moji.encode("utf-8")), ("bom.txt", moji.encode("utf-8-sig"))):  # as Notepad saves
        with pytest.raises(DecodeError, match=rf"{name}: the text is UTF-8 that was once read as GBK .* for '年乌当'"):
            read_document(write_bytes(tmp_path / name, data))
    clean = moji.replace("\ufffd", "")  # with a stray byte too: not read as UTF-8 with a replaced byte
    with pytest.raises(DecodeError, match=r"stray.txt: the text is UTF-8 that was once read as GBK"):
        read_document(write_bytes(tmp_path / "stray.txt", clean.encode("utf-8") + b"\xa9\n"))
    for seed in sorted(RAW.glob("*.txt")):  # real text is never taken for it
        assert read_document(seed).format == "text"


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_gbk_read_as_latin1_and_saved_again_is_refused_with_its_reason(wrong, tmp_path):
    # A page fetched as GBK, decoded as ISO-8859-1 (a scraper's default) or Windows-1252 and saved as UTF-8 is valid
    # UTF-8 of the wrong characters ('ÕþÇø' for '政府'): it was read without a word, a report of Latin letters (no
    # title, no section, no cell); now refused with its reason, as UTF-8 read as GBK is.
    from toolkit.errors import DecodeError

    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    data = text.encode("gbk", errors="replace")
    moji = data.decode(wrong, errors="replace").replace("\ufffd", "?")  # (Windows-1252 leaves 5 bytes undefined)
    page = f'<html><head><meta charset="utf-8"></head><body><pre>{moji}</pre></body></html>'
    for name, raw in (("moji.txt", moji.encode("utf-8")), ("moji.html", page.encode("utf-8"))):
        with pytest.raises(DecodeError, match=rf"{name}: the text is GBK that was once read as (latin-1|cp1252) .* for '年乌当'"):
            read_document(write_bytes(tmp_path / name, raw))
    # a little Latin-1 in a report (°, ×, ±, ·, é) is no sign of it
    assert read_document(write_bytes(tmp_path / "latin.txt", "Café Müller, 25°C ± 2 × 3 · naïve".encode())).lines


@pytest.mark.parametrize("wrong", ["big5", "big5hkscs"])
def test_gbk_read_as_big5_and_saved_again_is_refused_with_its_reason(wrong, tmp_path):
    # A GBK page a tool took for Big5 and saved as UTF-8 is valid UTF-8 of rare Chinese characters ('葬陓洘鼠羲' for
    # '府信息公开'): it was read without a word, a report of garbage (no title, no section, no cell); now refused with
    # its reason, as GBK read as Latin-1 is.
    import opencc

    from toolkit.errors import DecodeError

    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    moji = text.encode("gbk", errors="replace").decode(wrong, errors="replace")
    page = f'<html><head><meta charset="utf-8"></head><body><pre>{moji}</pre></body></html>'
    for name, raw in (("moji.txt", moji.encode("utf-8")), ("bom.txt", moji.encode("utf-8-sig")),
                      ("moji.html", page.encode("utf-8"))):
        with pytest.raises(DecodeError, match=rf"{name}: the text is GBK that was once read as Big5 .* for '年乌当'"):
            read_document(write_bytes(tmp_path / name, raw))
    # real text, simplified or traditional, is never taken for it, even without the report's topic word
    for seed in sorted(RAW.glob("*.txt")):
        plain = seed.read_text(encoding="utf-8")
        for config in ("s2t", "s2tw", None):
            real = (opencc.OpenCC(config).convert(plain) if config else plain).replace("公開", "").replace("公开", "")
            assert read_document(write_bytes(tmp_path / "real.txt", real.encode("utf-8"))).lines


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_utf8_read_as_latin1_and_saved_again_is_refused_with_its_reason(wrong, tmp_path):
    # UTF-8 decoded as Windows-1252 and saved again ('æ”¿åºœ' for '政府', double-encoded UTF-8) was read without a
    # word as Latin letters; decoded as ISO-8859-1 it was refused as 'binary data' (its C1 controls), no reason given
    from toolkit.errors import DecodeError

    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    # (a browser reads Windows-1252's 5 undefined bytes as C1 controls, as ISO-8859-1 does)
    moji = "".join(text.encode("utf-8")[i:i + 1].decode(wrong, errors="ignore") or chr(text.encode("utf-8")[i])
                   for i in range(len(text.encode("utf-8"))))
    with pytest.raises(DecodeError, match=r"moji.txt: the text is UTF-8 that was once read as (latin-1|cp1252) .* "
                                          r"for '年乌当'"):
        read_document(write_bytes(tmp_path / "moji.txt", moji.encode("utf-8")))


# --- list numbers Word shows (numbering.xml) and a browser shows (<ol>) ---------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _lvl(ilvl: int, fmt: str, text: str, start: str = "1") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _numbered_docx(path: Path, paragraphs: list, abstracts: dict, nums: dict) -> Path:
    """A DOCX of (text, numId or None, ilvl) paragraphs with its own numbering part.

    ``abstracts``: abstractNumId -> <w:lvl> strings; ``nums``: numId -> (abstractNumId, extra XML inside <w:num>).
    """
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    for text, num_id, ilvl in paragraphs:
        p = document.add_paragraph(text)
        if num_id is not None:
            num_pr = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))
            etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), str(ilvl))
            etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), str(num_id))
    document.save(path)
    return _with_numbering(path, abstracts, nums)


def _with_numbering(path: Path, abstracts: dict, nums: dict) -> Path:
    """Replace the numbering part of the DOCX at ``path`` (see :func:`_numbered_docx`)."""
    import zipfile

    xml = (f'<w:numbering xmlns:w="{_W}">'
           + "".join(f'<w:abstractNum w:abstractNumId="{a}">{"".join(lv)}</w:abstractNum>' for a, lv in abstracts.items())
           + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/>{extra}</w:num>' for n, (a, extra) in nums.items())
           + "</w:numbering>")
    with zipfile.ZipFile(path) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    parts["word/numbering.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return path


_HEADS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
          "存在的主要问题及改进情况", "其他需要报告的事项"]


@pytest.mark.parametrize("level", [
    '<w:lvl w:ilvl="0"><w:start/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>',
    '<w:lvl w:ilvl="x"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>',
    _lvl(0, "chineseCounting", "%1、", start="one"), _lvl(0, "chineseCounting", "%1、", start="100")])
def test_damaged_word_numbering_gives_no_error(level, tmp_path):
    # A start without a value, a level or a start that is no number, a count past 99: the DOCX failed whole.
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0)]
    for head in _HEADS:
        paragraphs += [(head, 1, 0), ("本年度工作正常开展。", None, 0)]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs, {0: [level]}, {1: (0, "")}))
    assert [x for x in doc.lines if isinstance(x, str) and x.endswith(_HEADS[0])]


def test_word_numbers_count_as_word_counts(tmp_path):
    # Lists sharing one definition count on together; a startOverride starts again; a number typed in the
    # text is not doubled (一、一、总体情况 lost four sections); the parent style's numbering is not needed here.
    import toolkit

    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), (_HEADS[0], 1, 0), ("本年度工作正常开展。", None, 0),
                  ("二、" + _HEADS[1], 1, 0), ("本年度工作正常开展。", None, 0)]
    paragraphs += [(h, 2, 0) for h in _HEADS[2:4]] + [(h, 3, 0) for h in _HEADS[4:]]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, "chineseCounting", "%1、")]},
                                       {1: (0, ""), 2: (0, ""),
                                        3: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>')}))
    assert [x for x in doc.lines if isinstance(x, str) and x[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")] == [
        f"{n}、{h}" for n, h in zip("一二三四五六", _HEADS)]
    report = toolkit.parse_report(tmp_path / "n.docx")
    assert [s.key for s in report.sections] == ["overview", "active", "requests", "review_litigation", "problems", "other"]


@pytest.mark.parametrize("fmt, numbers", [("chineseCounting", ["九十九", "一百", "一百零一", "一百零二"]),
                                          ("chineseCountingThousand", ["九十九", "一百", "一百零一", "一百零二"]),
                                          ("chineseLegalSimplified", ["玖拾玖", "壹佰", "壹佰零壹", "壹佰零贰"])])
def test_word_numbers_past_99_in_chinese_counting_formats(fmt, numbers, tmp_path):
    # A list of Word's chineseCounting level started at 99 read 九十九、 then 100、 101、 (Arabic digits past 99);
    # Word writes 一百、 一百零一、 (壹佰、 壹佰零壹、 in the financial numerals).
    items = ["加强组织领导。", "完善工作机制。", "强化监督考核。", "落实工作责任。"]
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0)] + [(item, 1, 0) for item in items]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, fmt, "%1、", start="99")]},
                                       {1: (0, "")}))
    assert [x for x in doc.lines if isinstance(x, str)][1:] == [f"{n}、{item}" for n, item in zip(numbers, items)]


_MC_NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


@pytest.mark.parametrize("choice, fallback, numbers", [("一, 二, 三, ...", "chineseCounting", "一二"),
                                                       ("壹, 贰, 叁, ...", "chineseLegalSimplified", "壹贰")])
def test_word_numbers_of_a_custom_format_read_as_its_fallback(choice, fallback, numbers, tmp_path):
    # A level of a custom number format (Word 2010's w:numFmt w:val="custom" w:format="一, 二, 三, ...") is written
    # in a compatibility block (mc:AlternateContent), the nearest standard format in its fallback: the level was
    # taken for a decimal one, the headings read 1、总体情况 where Word shows 一、总体情况
    level = (f'<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent {_MC_NS}><mc:Choice Requires="w14">'
             f'<w:numFmt w:val="custom" w:format="{choice}"/></mc:Choice><mc:Fallback><w:numFmt w:val="{fallback}"/>'
             '</mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1、"/></w:lvl>')
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0)]
    for head in _HEADS[:2]:
        paragraphs += [(head, 1, 0), ("本年度工作正常开展。", None, 0)]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs, {0: [level]}, {1: (0, "")}))
    assert doc.lines[1:4:2] == [f"{numbers[0]}、{_HEADS[0]}", f"{numbers[1]}、{_HEADS[1]}"]


def test_word_numbers_in_roman_numerals(tmp_path):
    # Word's upperRoman and lowerRoman levels (I. II., (i) (ii)) were numbered by no format known: the items read
    # without their numbers, run together
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), (_HEADS[0], 1, 0), ("公开", 1, 1), ("申请", 1, 1),
                  (_HEADS[1], 1, 0), ("规章", 1, 1)] + [(str(k), 1, 0) for k in range(7)]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs,
                                       {0: [_lvl(0, "upperRoman", "%1."), _lvl(1, "lowerRoman", "(%2)")]}, {1: (0, "")}))
    assert doc.lines[1:] == [f"I.{_HEADS[0]}", "(i)公开", "(ii)申请", f"II.{_HEADS[1]}", "(i)规章", "III. 0",
                             "IV. 1", "V. 2", "VI. 3", "VII. 4", "VIII. 5", "IX. 6"]


def test_word_list_levels_of_no_number_show_their_text(tmp_path):
    # A level whose number format is none (w:numFmt w:val="none") shows its w:lvlText alone, a symbol ('★') or a
    # literal ('（一）', every item so): the text was lost, the items read run together with no marker; a level whose
    # text is its own number alone ('%1') shows nothing
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), (_HEADS[0], 1, 0), ("公开", 1, 1), ("申请", 1, 1),
                  ("规章", 1, 2), ("制度", 2, 0)]
    levels = [_lvl(0, "chineseCounting", "%1、"), _lvl(1, "none", "★"), _lvl(2, "none", "（一）")]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs, {0: levels, 1: [_lvl(0, "none", "%1")]},
                                       {1: (0, ""), 2: (1, "")}))
    assert doc.lines[1:] == [f"一、{_HEADS[0]}", "★公开", "★申请", "（一）规章", "制度"]


@pytest.mark.parametrize("style_link", [True, False])
def test_word_numbers_through_a_list_style(style_link, tmp_path):
    # A list that uses a list style: its definition only names the style (w:numStyleLink), the levels are in the
    # style's own definition (w:styleLink, or the one the style's numId uses).  The numbers were not read: every
    # title lost its 一、 (seed 003 so numbered read 引言, 概述, …).
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from lxml import etree

    import toolkit

    document = docx.Document()
    style = document.styles.add_style("ReportList", WD_STYLE_TYPE.LIST)
    num_pr = etree.SubElement(style.element.get_or_add_pPr(), qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "2")
    document.add_paragraph("某市某局2020年政府信息公开工作年度报告")
    for head in _HEADS:
        p = document.add_paragraph(head)
        num_pr = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))
        etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0")
        etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "1")
        document.add_paragraph("本年度工作正常开展。")
    path = tmp_path / "n.docx"
    document.save(path)
    defining = ['<w:styleLink w:val="ReportList"/>'] if style_link else []
    _with_numbering(path, {0: ['<w:numStyleLink w:val="ReportList"/>'],
                           1: defining + [_lvl(0, "chineseCounting", "%1、")]}, {1: (0, ""), 2: (1, "")})
    assert [x for x in read_document(path).lines if x[1:2] == "、"] == [f"{n}、{h}" for n, h in zip("一二三四五六", _HEADS)]
    report = toolkit.parse_report(path)
    assert [s.title[:2] for s in report.sections] == [f"{n}、" for n in "一二三四五六"]


def test_headings_numbered_by_styles_whose_level_is_named_in_the_list(tmp_path):
    # A multilevel list linked to heading styles: each style's w:numPr names only the list, the level that shows
    # it names the style (<w:lvl w:ilvl="1"><w:pStyle w:val="H2"/>, ECMA-376 17.9.23).  Every subheading was read
    # at level 0: （一）工作机制 read 二、工作机制, and the sections after it took its numbers (三、主动公开…).
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from lxml import etree

    import toolkit

    document = docx.Document()
    for name in ("H1", "H2"):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        num_pr = etree.SubElement(style.element.get_or_add_pPr(), qn("w:numPr"))
        etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "1")
    document.add_paragraph("某市某局2020年政府信息公开工作年度报告")
    for head in _HEADS:
        document.add_paragraph(head, style="H1")
        for sub in ("工作机制", "平台建设"):
            document.add_paragraph(sub, style="H2")
            document.add_paragraph("本年度工作正常开展。")
    path = tmp_path / "n.docx"
    document.save(path)
    linked = [_lvl(k, "chineseCounting", text).replace("</w:lvl>", f'<w:pStyle w:val="H{k + 1}"/></w:lvl>')
              for k, text in enumerate(["%1、", "（%2）"])]
    _with_numbering(path, {0: linked}, {1: (0, "")})
    lines = read_document(path).lines
    assert [x for x in lines if x.endswith(tuple(_HEADS))] == [f"{n}、{h}" for n, h in zip("一二三四五六", _HEADS)]
    assert lines.count("（一）工作机制") == lines.count("（二）平台建设") == 6
    report = toolkit.parse_report(path)
    assert [s.key for s in report.sections] == ["overview", "active", "requests", "review_litigation", "problems", "other"]


def test_a_level_in_legal_form_numbers_every_level_in_digits(tmp_path):
    # Word's 正规形式编号 (w:isLgl): a level '%1.%2' under a level 一、 shows 1.1, 1.2; it was read 一.1, 一.2.
    level = _lvl(1, "decimal", "%1.%2").replace("</w:lvl>", "<w:isLgl/></w:lvl>")
    paragraphs = [(_HEADS[0], 1, 0), ("机构建设", 1, 1), ("制度建设", 1, 1), (_HEADS[1], 1, 0), ("规章", 1, 1)]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs,
                                       {0: [_lvl(0, "chineseCounting", "%1、"), level]}, {1: (0, "")}))
    assert doc.lines == ["一、总体情况", "1.1机构建设", "1.2制度建设", "二、主动公开政府信息情况", "2.1规章"]


def _contents_entries(sections: list, props: str) -> str:
    """Word's table of contents (a TOC field) of ``sections``, each entry a paragraph of properties ``props``
    (w:pPr) with its title, a tab and its page number (a PAGEREF field)."""
    return "".join(
        f"<w:p>{props}"
        + (r'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" \h </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' if k == 0 else "")
        + f'<w:hyperlink w:anchor="_Toc{k}"><w:r><w:t>{section.title}</w:t></w:r><w:r><w:tab/></w:r>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc{k} \\h </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{k + 1}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>'
        + ('<w:r><w:fldChar w:fldCharType="end"/></w:r>' if k == len(sections) - 1 else "") + "</w:p>"
        for k, section in enumerate(sections))


_TOC_STYLE = ('<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8296"/></w:tabs></w:pPr></w:style>')


@pytest.mark.parametrize("props, style", [
    ('<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8296"/></w:tabs></w:pPr>', ""),
    # the leader's tab stop set in the entries' paragraph style ('toc 1'), not in each entry: it was not read
    ('<w:pPr><w:pStyle w:val="TOC1"/></w:pPr>', _TOC_STYLE),
    ('<w:pPr><w:pStyle w:val="TOC2"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>',
     _TOC_STYLE + '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>'
                  '<w:basedOn w:val="TOC1"/><w:pPr><w:ind w:left="420"/></w:pPr></w:style>'),
    # a style with a tab stop of its own (no leader) based on one whose stop draws the dots: Word merges the chain's
    # stops, the nearest style's were taken alone and the leader lost
    ('<w:pPr><w:pStyle w:val="TOC2"/></w:pPr>',
     _TOC_STYLE + '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="TOC1"/>'
                  '<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:ind w:left="420"/></w:pPr></w:style>'),
], ids=["own_tabs", "style_tabs", "parent_style_tabs", "style_and_parent_style_tabs"])
def test_a_word_table_of_contents_is_read_as_one(props, style, tmp_path, parsed_seed):
    # Word's table of contents (a TOC field) draws the dots before each page number as a right tab stop's leader
    # (w:leader="dot"), not as text: its entries read '一、总体情况\t1', no table of contents' entries, and their titles
    # were taken for the sections' (seed 004: active and requests lost, 36 cells of 198 read).  The last tab of a
    # paragraph whose rightmost stop has a leader reads as that leader ('一、总体情况......1'), the stop set in the
    # paragraph or in its style (or the style's parents, whose stops Word merges down the w:basedOn chain).
    import re

    import toolkit
    from test_formats import _as_lines

    original = parsed_seed("004_b232cca7e491c758")
    path = tmp_path / "seed.docx"
    render_docx(_as_lines(original), path)
    plain = toolkit.parse_report(path)
    entries = _contents_entries(original.sections, props)

    def with_contents(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        at = xml.index("</w:p>") + len("</w:p>")  # after the title
        parts["word/document.xml"] = (xml[:at] + "<w:p><w:r><w:t>目录</w:t></w:r></w:p>" + entries + xml[at:]).encode()
        styles = parts["word/styles.xml"].decode()
        parts["word/styles.xml"] = styles.replace("</w:styles>", style + "</w:styles>").encode()

    path.write_bytes(rezip(path.read_bytes(), with_contents))
    lines = read_document(path).lines
    assert lines[2] == original.sections[0].title + "......1"
    got = toolkit.parse_report(path)
    assert [s.key for s in got.sections] == [s.key for s in plain.sections] == [s.key for s in original.sections]
    assert _cells_of(got) == _cells_of(plain)
    assert not [x for x in lines if isinstance(x, str) and re.search("PAGEREF|TOC", x)]


_FLD = '<w:r><w:fldChar w:fldCharType="{}"/></w:r>'


def _docx_with_paragraphs(path: Path, xml: str) -> list:
    """The lines of a DOCX whose body is the paragraphs ``xml`` (before a paragraph and a one-row table)."""
    render_docx(["@@", "后文", ["规章", "5"]], path)

    def edit(parts: dict) -> None:
        parts["word/document.xml"] = parts["word/document.xml"].replace(
            b"<w:p><w:r><w:t>@@</w:t></w:r></w:p>", xml.encode())

    path.write_bytes(rezip(path.read_bytes(), edit))
    return read_document(path).lines


def test_a_field_instruction_wrapped_over_paragraphs_shows_only_the_result(tmp_path):
    # Word wraps a long field instruction over paragraphs ({ IF { MERGEFIELD 性别 } = "男" "先生" "女士" } as a mail
    # merge writes it, the begin in one paragraph, the rest in the next): fields were followed within a paragraph,
    # so the nested field's result in the next one ('男') was read into the text before the outer field's result
    run = "<w:r><w:t>{}</w:t></w:r>"
    instr = "<w:r><w:instrText>{}</w:instrText></w:r>"
    xml = ("<w:p>" + _FLD.format("begin") + instr.format("IF ") + "</w:p><w:p>" + _FLD.format("begin")
           + instr.format("MERGEFIELD 性别") + _FLD.format("separate") + run.format("男") + _FLD.format("end")
           + instr.format(' = "男" "先生" "女士"') + _FLD.format("separate") + run.format("先生") + _FLD.format("end")
           + run.format("：您好") + "</w:p>")
    assert _docx_with_paragraphs(tmp_path / "f.docx", xml) == ["先生：您好", "后文", ["规章", "5"]]
    # a field whose begin is never closed (a damaged file) hides nothing after its own paragraph, as before
    xml = "<w:p>" + run.format("前文") + _FLD.format("begin") + instr.format("PAGE") + "</w:p>"
    assert _docx_with_paragraphs(tmp_path / "g.docx", xml) == ["前文", "后文", ["规章", "5"]]


@pytest.mark.parametrize("simple", [False, True])
def test_a_page_number_field_is_no_digit_of_a_cells_value(simple, tmp_path):
    # a page-number field (PAGE, NUMPAGES: furniture, as a PDF's page numbers) after a cell's value: its result was
    # read into the value, '5' and page 3 read 53; a paragraph that is a page number alone ('- 3 -', '第 3 页')
    # keeps it, a line dropped as furniture later, as before
    run = "<w:r><w:t>{}</w:t></w:r>"

    def field(code: str, result: str) -> str:
        if simple:
            return f'<w:fldSimple w:instr="{code}">{run.format(result)}</w:fldSimple>'
        return (_FLD.format("begin") + f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
                + _FLD.format("separate") + run.format(result) + _FLD.format("end"))

    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    xml = ("<w:tbl><w:tr>" + cell.format(run.format("规章")) + cell.format(run.format("5") + field(" PAGE ", "3"))
           + cell.format(run.format("7") + field(" numpages \\* Arabic ", "12")) + "</w:tr></w:tbl>"
           + "<w:p>" + run.format("- ") + field(" PAGE ", "3") + run.format(" -") + "</w:p>"
           + "<w:p>" + run.format("见第") + field(" PAGEREF _Toc1 \\h ", "4") + run.format("页") + "</w:p>")
    assert _docx_with_paragraphs(tmp_path / "p.docx", xml) == [["规章", "5", "7"], "- 3 -", "见第4页", "后文",
                                                                ["规章", "5"]]


@pytest.mark.parametrize("around", ['<w:hyperlink w:anchor="a">{}</w:hyperlink>',
                                    '<w:smartTag w:uri="u" w:element="e">{}</w:smartTag>',
                                    '<w:ins w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z">{}</w:ins>',
                                    '<w:fldSimple w:instr=" MERGEFORMAT ">{}</w:fldSimple>'],
                         ids=["hyperlink", "smartTag", "ins", "fldSimple"])
def test_a_simple_page_number_fields_result_inside_a_wrapper_is_no_digit_of_a_cells_value(around, tmp_path):
    # a PAGE field written as w:fldSimple whose result run stands in a hyperlink, a smart tag, a tracked insertion or
    # another field inside it: only a run right under the w:fldSimple was taken for its result, '5' and page 3 read 53
    run = "<w:r><w:t>{}</w:t></w:r>"
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    page = '<w:fldSimple w:instr=" PAGE ">' + around.format(run.format("3")) + "</w:fldSimple>"
    xml = "<w:tbl><w:tr>" + cell.format(run.format("规章")) + cell.format(run.format("5") + page) + "</w:tr></w:tbl>"
    assert _docx_with_paragraphs(tmp_path / "p.docx", xml)[0] == ["规章", "5"]


@pytest.mark.parametrize("note", ["footnoteReference", "endnoteReference"])
@pytest.mark.parametrize("own_run", [False, True], ids=["next run", "own run"])
def test_a_custom_note_mark_typed_after_the_reference_is_no_digit_of_a_cells_value(note, own_run, tmp_path):
    # a footnote (endnote) reference with w:customMarkFollows: its mark is the text of the run after it (ECMA-376
    # 17.11.14), not raised where its style is missing (as a generator or WPS writes it); '5' then the custom mark '1'
    # read 51; so where the mark is typed in the reference's own run, unraised (an endnote's, or a footnote's whose
    # run has no properties). Text after the reference that is no mark ('件') is still read.
    run = "<w:r><w:t>{}</w:t></w:r>"
    reference = f'<w:r><w:{note} w:customMarkFollows="1" w:id="1"/></w:r>'
    if own_run:
        reference, run_after = "", f'<w:r><w:{note} w:customMarkFollows="1" w:id="1"/><w:t>{{}}</w:t></w:r>'
    else:
        run_after = run
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    xml = ("<w:tbl><w:tr>" + cell.format(run.format("规章"))
           + cell.format(run.format("5") + reference + run_after.format("1"))
           + cell.format(run.format("7") + reference + run_after.format("件")) + "</w:tr></w:tbl>")
    assert _docx_with_paragraphs(tmp_path / "n.docx", xml)[0] == ["规章", "5", "7件"]


_GLOSSARY = ('<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docParts>'
             '<w:docPart><w:docPartPr><w:name w:val="DefaultPlaceholder_-1854013440"/></w:docPartPr><w:docPartBody>'
             '<w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p>'
             '</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>')


def _docx_with_placeholder_controls(path: Path, prompt: str, glossary: bool) -> Path:
    """A DOCX of a paragraph's content control showing ``prompt`` and a cell's control holding '5', both naming the
    placeholder of _GLOSSARY and marked as showing it (w:showingPlcHdr), the glossary in the file where
    ``glossary``."""
    control = ('<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>'
               '<w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>')
    run = '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{}</w:t></w:r>'
    render_docx(["@@", "后文", ["规章", "5"]], path)

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"]
        for old, new in ((b"<w:p><w:r><w:t>@@</w:t></w:r></w:p>", control.format(f"<w:p>{run.format(prompt)}</w:p>")),
                         (b"<w:r><w:t>5</w:t></w:r>", control.format(run.format("5")))):
            assert old in xml
            xml = xml.replace(old, new.encode())
        parts["word/document.xml"] = xml
        if glossary:
            parts["word/glossary/document.xml"] = _GLOSSARY.encode()
            parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
                b"</Relationships>", b'<Relationship Id="rIdGlossary" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/glossaryDocument" Target="glossary/document.xml"/>'
                b"</Relationships>")
            parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
                b"</Types>", b'<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.'
                b'openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/></Types>')

    path.write_bytes(rezip(path.read_bytes(), edit))
    return path


@pytest.mark.parametrize("glossary", [True, False])
def test_a_content_control_filled_in_but_still_marked_as_showing_its_placeholder_shows_its_value(glossary, tmp_path):
    # A system filling a template's content controls may leave w:showingPlcHdr on: Word shows what the control holds
    # (its value, '5', in the placeholder's grey), and the value was left out as if it were the template's prompt.
    # The prompt is the text of the placeholder the control names in the glossary (word/glossary/document.xml): a
    # control holding it is still left out; one holding another text is read. Without a glossary, as before.
    path = _docx_with_placeholder_controls(tmp_path / "filled.docx", "单击或点击此处输入文字。", glossary)
    assert read_document(path).lines == ["后文", ["规章", "5" if glossary else ""]]


@pytest.mark.parametrize("prompt", ["单击或点击此处输入文字", "单击或点击\u3000此处输入文字.", "单击或点击此处输入文字\xa0…",
                                    "（单击或点击此处输入文字。）"], ids=["no stop", "spaces", "no-break", "brackets"])
def test_a_content_control_showing_its_prompt_spaced_or_stopped_otherwise_is_left_out(prompt: str, tmp_path) -> None:
    # The glossary's prompt is '单击或点击此处输入文字。'; a control showing it without its full stop, with an ideographic
    # or no-break space, a Latin stop or brackets (a template copied between Word and WPS) was taken for a value the
    # user typed and read as a line of the report.  Only the words are compared: no value is punctuation alone.
    path = _docx_with_placeholder_controls(tmp_path / "prompt.docx", prompt, True)
    assert read_document(path).lines == ["后文", ["规章", "5"]]




@pytest.mark.parametrize("level", ["paragraph", "run"])
@pytest.mark.parametrize("named", [False, True], ids=["no docPart", "docPart not in a glossary"])
def test_text_typed_into_a_control_that_kept_its_placeholder_flag_is_read(named, level, tmp_path):
    # An author typed into a content control around a paragraph (or a run) and Word kept w:showingPlcHdr: Word shows
    # what the control holds, but with no placeholder text to compare (no glossary) every run was hidden and seed
    # 001's sentence was lost. As in a control around cells, only runs in Word's placeholder style or a prompt's
    # text are hidden: the typed text is read, the prompts beside it are not.
    sentence = next(x for x in text_lines(SEEDS[1].read_text(encoding="utf-8"))
                    if x.startswith("2020年全区共受理"))
    part = ('<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>' if named else "")
    control = f"<w:sdt><w:sdtPr>{part}<w:showingPlcHdr/></w:sdtPr><w:sdtContent>{{}}</w:sdtContent></w:sdt>"
    styled = '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r>'
    runs = (f"<w:r><w:t>{sentence}</w:t></w:r>", styled, "<w:r><w:t>请输入</w:t></w:r>")
    if level == "paragraph":
        xml = "".join(control.format(f"<w:p>{run}</w:p>") for run in runs)
    else:
        xml = "".join(f"<w:p>{control.format(run)}</w:p>" for run in runs)
    assert _docx_with_paragraphs(tmp_path / "typed.docx", xml) == [sentence, "后文", ["规章", "5"]]

_SHOWING_PLACEHOLDER = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"


def _merged_001_row_edited(path: Path, at: str, change: Callable[[str], str]) -> list:
    """The lines of MERGED_001 written as a DOCX whose table row holding the XML ``at`` is passed through
    ``change``."""
    render_docx(MERGED_001, path, colspan_header=True)

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        where = xml.index(at)
        start, end = xml.rindex("<w:tr>", 0, where), xml.index("</w:tr>", where) + len("</w:tr>")
        parts["word/document.xml"] = (xml[:start] + change(xml[start:end]) + xml[end:]).encode()

    path.write_bytes(rezip(path.read_bytes(), edit))
    return read_document(path).lines


@pytest.mark.parametrize("prompt", [False, True])
def test_a_content_control_around_a_table_row_showing_its_placeholder_keeps_the_row(prompt, tmp_path):
    # A half-filled template: a content control wrapping a whole row (w:sdt around w:tr) left marked as showing its
    # placeholder (w:showingPlcHdr) while its cells hold the row's labels and numbers, which Word shows; every run of
    # the row was hidden, the row read blank. Of such a control only the runs in Word's placeholder style (the
    # prompt, '单击或点击此处输入文字。') are hidden.
    text = '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r>'

    def change(row: str) -> str:
        return _SHOWING_PLACEHOLDER.format(row.replace("</w:t></w:r>", "</w:t></w:r>" + text, 1) if prompt else row)

    assert _merged_001_row_edited(tmp_path / "row.docx", "<w:r><w:t>88</w:t></w:r>", change) == MERGED_001


@pytest.mark.parametrize("level", ["cell", "row"])
@pytest.mark.parametrize("prompt", ["请输入", "单击此处输入文字", "请输入数量。", "Click or tap here to enter text."])
def test_a_prompt_typed_in_no_placeholder_style_is_no_value_of_a_control_showing_its_placeholder(prompt, level,
                                                                                              tmp_path):
    # WPS (and some templates) type a content control's prompt in no placeholder style: a control around a cell (or
    # its row) showing its placeholder (w:showingPlcHdr) gave its prompt as the cell's value, '行政事业性收费 | 10 | 55
    # | 请输入'. A paragraph whose whole text is such a prompt is hidden; the row's labels and numbers are read.
    def change(row: str) -> str:
        blank = row.rindex("<w:tc>")
        cell = row[blank:-len("</w:tr>")].replace("<w:r/>", f"<w:r><w:t>{prompt}</w:t></w:r>")
        if level == "cell":
            return row[:blank] + _SHOWING_PLACEHOLDER.format(cell) + "</w:tr>"
        return _SHOWING_PLACEHOLDER.format(row[:blank] + cell + "</w:tr>")

    assert _merged_001_row_edited(tmp_path / "wps.docx", "<w:t>行政事业性收费</w:t>", change) == MERGED_001


@pytest.mark.parametrize("named", [True, False])
@pytest.mark.parametrize("run, shown", [
    ("<w:r><w:t>在此填写数量</w:t></w:r>", ""),  # a template's own prompt, in no placeholder style nor grey
    ("<w:r><w:t>此处输入</w:t></w:r>", ""),
    ('<w:r><w:rPr><w:color w:val="808080"/></w:rPr><w:t>本栏为本年数</w:t></w:r>', ""),  # words in the prompt's grey
    ('<w:r><w:rPr><w:color w:val="a6a6a6"/></w:rPr><w:t>数量</w:t></w:r>', ""),
    # the greys of formats.yaml's docx: placeholder_greys, 60 to D9: the first and last hidden, those past read
    ('<w:r><w:rPr><w:color w:val="606060"/></w:rPr><w:t>数量</w:t></w:r>', ""),
    ('<w:r><w:rPr><w:color w:val="D9D9D9"/></w:rPr><w:t>数量</w:t></w:r>', ""),
    ('<w:r><w:rPr><w:color w:val="5F5F5F"/></w:rPr><w:t>数量</w:t></w:r>', "数量"),
    ('<w:r><w:rPr><w:color w:val="DADADA"/></w:rPr><w:t>数量</w:t></w:r>', "数量"),
    ('<w:r><w:rPr><w:color w:val="808080"/></w:rPr><w:t>7</w:t></w:r>', "7"),  # a number filled in, grey: read
    ('<w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>另计</w:t></w:r>', "另计")])  # words typed in red: read
def test_a_custom_or_grey_prompt_is_no_value_of_a_control_showing_its_placeholder(named, run, shown, tmp_path):
    # A control around a cell showing its placeholder (w:showingPlcHdr) whose prompt is none of Word's or WPS's (a
    # template's own '在此填写数量') or is typed in a grey of its own, no placeholder style, the placeholder it names
    # (w:placeholder/w:docPart) in no glossary or none named: its prompt was read as the cell's value,
    # '行政事业性收费 | 10 | 55 | 在此填写数量'. Such a paragraph is the prompt, hidden; a grey number is still read.
    part = '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>' if named else ""

    def change(row: str) -> str:
        blank = row.rindex("<w:tc>")
        cell = row[blank:-len("</w:tr>")].replace("<w:r/>", run)
        control = f"<w:sdt><w:sdtPr>{part}<w:showingPlcHdr/></w:sdtPr><w:sdtContent>{cell}</w:sdtContent></w:sdt>"
        return row[:blank] + control + "</w:tr>"

    lines = _merged_001_row_edited(tmp_path / "custom.docx", "<w:t>行政事业性收费</w:t>", change)
    assert lines == [["行政事业性收费", "10", "55", shown] if line == ["行政事业性收费", "10", "55", ""] else line
                     for line in MERGED_001]


def test_the_placeholder_styles_are_read_once_per_document(monkeypatch, tmp_path):
    # The ids of Word's placeholder style were looked up in the document's styles again for every content control
    # around rows showing its placeholder (a template's table holds one per row): they are the document's, read once.
    import toolkit.word as word

    calls: list = []
    styles = word._placeholder_styles
    monkeypatch.setattr(word, "_placeholder_styles", lambda document: calls.append(1) or styles(document))
    path = tmp_path / "rows.docx"
    render_docx(MERGED_001, path, colspan_header=True)

    def edit(parts: dict) -> None:
        xml = parts["word/document.xml"].decode()
        parts["word/document.xml"] = xml.replace("<w:tr>", "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                                                 "<w:tr>").replace("</w:tr>", "</w:tr></w:sdtContent></w:sdt>").encode()

    path.write_bytes(rezip(path.read_bytes(), edit))
    assert read_document(path).lines == MERGED_001
    assert len(calls) == 1


def test_an_absolute_position_tab_separates_what_it_stands_between(tmp_path):
    # w:ptab (an absolute position tab: a contents' entry, a line set flush right) was read as nothing: the entry
    # '一、总体情况' + a dot-leader ptab + '1' read '一、总体情况1', a date set flush right was glued to the text.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for leader, before, after in (("dot", "一、总体情况", "1"), ("none", "某市某局", "2021年1月")):
        p = document.add_paragraph(before)
        p._p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:ptab w:relativeTo="margin" w:alignment="right" '
                              f'w:leader="{leader}"/><w:t>{after}</w:t></w:r>'))
    path = tmp_path / "ptab.docx"
    document.save(path)
    assert read_document(path).lines == ["一、总体情况......1", "某市某局\t2021年1月"]


def test_a_level_that_never_restarts_counts_on_under_the_next_heading(tmp_path):
    # w:lvlRestart 0: the subheadings (一)(二) of one section and (三) of the next are numbered on, as Word numbers
    # them; (三) was read (一), a number the report has twice.
    level = _lvl(1, "chineseCounting", "（%2）").replace("</w:lvl>", '<w:lvlRestart w:val="0"/></w:lvl>')
    paragraphs = [(_HEADS[0], 1, 0), ("机构建设", 1, 1), ("制度建设", 1, 1), (_HEADS[1], 1, 0), ("平台建设", 1, 1)]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs,
                                       {0: [_lvl(0, "chineseCounting", "%1、"), level]}, {1: (0, "")}))
    assert doc.lines == ["一、总体情况", "（一）机构建设", "（二）制度建设", "二、主动公开政府信息情况", "（三）平台建设"]


def test_a_row_label_numbered_by_word_in_a_table_cell(tmp_path, parsed_seed):
    # '(七)总计' with (七) from Word's numbering read '总计': the handled_total row was lost.
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    import toolkit
    from test_formats import _as_lines

    original = parsed_seed("001_4d29bfef72dd56db")
    path = tmp_path / "seed.docx"
    render_docx(_as_lines(original), path)
    document = docx.Document(path)
    cell_p = next(p for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
                  if p.text == "(七)总计")
    for run in cell_p.runs[1:]:
        run._r.getparent().remove(run._r)
    cell_p.runs[0].text = "总计"
    num_pr = etree.SubElement(cell_p._p.get_or_add_pPr(), qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0")
    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "1")
    document.save(path)
    _with_numbering(path, {0: [_lvl(0, "chineseCounting", "(%1)", start="7")]}, {1: (0, "")})
    got = toolkit.parse_report(path).table("requests")
    assert got.loc["handled_total"].equals(original.table("requests").loc["handled_total"])


def test_ol_item_numbers_in_their_first_block_and_before_a_figure(tmp_path):
    # <li><p>…</p></li> put the number on a line of its own; an item starting with '12.5%' was taken for one
    # numbered by its text, and the three items ran together.
    page = ("<html><body><p>五、存在的主要问题及改进情况</p><ol>"
            "<li><p>12.5%的答复超过法定期限。</p></li><li><p>政策解读形式单一。</p></li><li>培训不够系统。</li></ol>"
            "</body></html>")
    path = tmp_path / "ol.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines[1:] == ["1. 12.5%的答复超过法定期限。", "2.政策解读形式单一。", "3.培训不够系统。"]


def test_an_ol_item_without_text_leaves_its_number_behind(tmp_path):
    # '<li><img></li>' before a heading: its number went onto the heading ('1.二、主动公开…'), a section lost.
    page = ("<html><body><p>一、总体情况</p><ol><li><img src='x.png'></li></ol><p>二、主动公开政府信息情况</p>"
            "<ol><li>一是已有编号的条目</li></ol></body></html>")
    path = tmp_path / "ol.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "二、主动公开政府信息情况", "一是已有编号的条目"]


@pytest.mark.parametrize("stem", ["000_438c5e5d2b6f4db4", "003_ce1f8ef96d3daffd", "004_b232cca7e491c758", "pingtan-2023-01"])
def test_headings_numbered_by_a_word_list_in_formal_numerals(stem, tmp_path, parsed_seed):
    # The sections' headings numbered by a list of Word's chineseLegalSimplified format (壹、 贰、 … as Word
    # shows them): before, such headings were no headings (sections_missing, the tables lost with them).
    import re

    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    import toolkit
    from test_differential import _reading
    from test_formats import _as_lines
    from toolkit.normalize import cn_numeral

    original = parsed_seed(stem)
    numbered = {s.title: m for s in original.sections if (m := re.match("([一二三四五六七八九十]{1,2})、\\s*", s.title))}
    # (typed as Word shows a list's number: no space after it, as seed 000's '一、 总体情况' has)
    render_docx([f"{numbered[x][1]}、{x[numbered[x].end():]}" if isinstance(x, str) and x in numbered else x
                 for x in _as_lines(original)],
                tmp_path / "typed.docx")
    numbered = {f"{m[1]}、{title[m.end():]}": m for title, m in numbered.items()}
    document = docx.Document(tmp_path / "typed.docx")
    nums = {}
    for p in (p for p in document.paragraphs if p.text in numbered):
        number = numbered[p.text]
        for run in p.runs[1:]:
            run._r.getparent().remove(run._r)
        p.runs[0].text = p.text[len(number[1]) + 1:]
        num_pr = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))  # a list that starts at the number
        etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0")
        etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), str(len(nums) + 1))
        nums[len(nums) + 1] = (0, f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{cn_numeral(number[1])}"/>'
                                  "</w:lvlOverride>")
    document.save(tmp_path / "list.docx")
    _with_numbering(tmp_path / "list.docx", {0: [_lvl(0, "chineseLegalSimplified", "%1、")]}, nums)
    formal = str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾")
    shown = [line for line in read_document(tmp_path / "list.docx").lines if isinstance(line, str)]
    assert [title for title, m in numbered.items()
            if m[1].translate(formal) + title[len(m[1]):] not in shown] == []
    want = _reading(toolkit.parse_report(tmp_path / "typed.docx"))
    got = _reading(toolkit.parse_report(tmp_path / "list.docx"))
    assert {name: got[name] for name in want if got[name] != want[name]} == {}


@pytest.mark.parametrize("fmt, typed", [("chineseCounting", "壹贰叁肆伍陆"), ("chineseLegalSimplified", "壹贰叁肆伍陆"),
                                        ("ideographLegalTraditional", "壹貳參肆伍陸")])
def test_a_number_typed_in_formal_numerals_is_not_doubled(fmt, typed, tmp_path):
    # 壹、总体情况 typed in a paragraph of a Word list: the list's number was added before it (一、壹、总体情况,
    # 壹、壹、…), as it is not before a typed 一、
    import toolkit

    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0)]
    for n, head in zip(typed, _HEADS):
        paragraphs += [(f"{n}、{head}", 1, 0), ("本年度工作正常开展。", None, 0)]
    path = _numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, fmt, "%1、")]}, {1: (0, "")})
    assert [x for x in read_document(path).lines if x.endswith(tuple(_HEADS))] == [
        f"{n}、{h}" for n, h in zip(typed, _HEADS)]
    assert [s.title for s in toolkit.parse_report(path).sections] == [f"{n}、{h}" for n, h in zip("一二三四五六", _HEADS)]


def test_html_bytes_parsed_as_read_only_where_they_are_the_texts_utf8():
    """A web page whose bytes decode strictly as UTF-8 is given to lxml as read, not encoded again (some 0.4 M
    instructions a page): the detection says so only where the text's UTF-8 is those bytes, never on the
    other paths that also report utf-8 (a character cut at the end, stray bytes) nor on a byte-order mark,
    GB or UTF-16 bytes; and such pages read as the same lines as the clean page where they should."""
    from toolkit.decoding import _detect
    from toolkit.webpage import _declared_charset

    pages = [render_html(lines) for lines in ([["统计指标", "单位", "统计数"], ["收到申请数", "件", "3"]],
                                              ["一、概述", "本机关主动公开政府信息480条。"])]
    pages += [path.read_bytes() for path in sorted(RAW.glob("*.txt"))]
    variants = []
    for data in pages:
        text, mid = data.decode("utf-8"), data.rfind(b"\n", 0, len(data) // 2) + 1
        variants += [data, data + "政".encode("utf-8")[:2], b"\xef\xbb\xbf" + data, text.encode("gb18030"),
                     text.encode("utf-16"), data.replace(b"\n", b"\r\n")]
        if len(text) > 1000:  # (a stray byte is taken for one among 50 characters of UTF-8 or more)
            variants.append(data[:mid] + b"\xff" + data[mid:])
    same_seen = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for data in variants:
            text, _codec, same = _detect(data, None, declared=_declared_charset(data))
            if same:
                assert text.encode("utf-8") == data
                same_seen += 1
            else:
                assert text.encode("utf-8") != data
    assert same_seen == 2 * len(pages)  # the clean bytes and their CR LF copy


# a layout cell (the report set in a cell, read as lines after its row) beside a value merged down over rows was no
# column of its row to the merges' arithmetic: the value stood a column to the left of its own, so the row below
# lost the blank cell in its place ('b' read under the merged value's column) and the merge was not flagged
def test_a_layout_cell_beside_a_merged_value_is_a_column_of_its_row() -> None:
    from toolkit import webpage

    box = "<td><p>" + "本机关依法公开政府信息。" * 20 + "</p><p>特此报告。</p></td>"
    page = (f"<html><body><table><tr>{box}<td rowspan=2>5</td><td>a</td></tr><tr><td>x</td><td>b</td></tr>"
            "</table></body></html>").encode()
    # (the flag names '5' where its row shows it, 1st: the layout cell is no cell of the row, its text lines after it)
    with pytest.warns(ReaderWarning, match="'5' in column 1 .* merged down over the 1 cell"):
        lines = webpage._read_html(page, "page.html", None).lines
    assert [line for line in lines if isinstance(line, list)] == [["5", "a"], ["x", "", "b"]]
    assert lines[1] == "本机关依法公开政府信息。" * 20 and lines[2] == "特此报告。"


@pytest.mark.parametrize("span, covers", [("2", True), ("2.0", True), ("2px", True), (" +2", True), ("2;", True),
                                          ("２", False), ("2_0", True), ("-2", False), ("x2", False)])
def test_html_spans_are_read_by_the_html_rules(span: str, covers: bool, tmp_path: Path) -> None:
    # rowspan/colspan are read as a browser reads them (HTML's rules for non-negative integers): '2.0' or '2px'
    # spans two, '２' none. int() refused '2.0', so the value merged down covered no cell and the value after it in
    # the row below stood one column left (['个', '7'] for ['个', '', '7']), and a value after a cell spanning
    # '2.0' columns took the column its span covers; it read '２' as 2 (the browser: no span) and '2_0' as 20.
    page = (f"<html><body><table><tr><td>件</td><td rowspan='{span}'>5</td><td>6</td></tr>"
            f"<tr><td>个</td><td>7</td></tr></table>"
            f"<table><tr><td>甲</td><td colspan='{span}'>1</td><td rowspan=2>9</td></tr>"
            f"<tr><td>乙</td><td>3</td><td>4</td></tr></table></body></html>")
    path = tmp_path / "span.html"
    path.write_text(page, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReaderWarning)
        rows = read_document(str(path)).lines
    assert rows[:2] == ([["件", "5", "6"], ["个", "", "7"]] if covers else [["件", "5", "6"], ["个", "7"]])
    # ('1' over two columns the row below splits, a count merged across: its two counts missing, see
    # test_a_count_merged_across_columns_is_as_many_missing_counts_and_flagged)
    assert rows[2:] == ([["甲", "", "", "9"], ["乙", "3", "4", ""]] if covers else [["甲", "1", "9"], ["乙", "3", "", "4"]])


@pytest.mark.parametrize("walk", [False, True])
def test_html_rowspan_zero_spans_the_rest_of_its_row_group(monkeypatch: pytest.MonkeyPatch, walk: bool,
                                                           tmp_path: Path) -> None:
    # rowspan="0" spans the cell to the end of its row group (HTML's rule; what a browser shows): it was read as 1,
    # the value merged down covered no cell, and every value after it in the rows below stood one column left
    # (['乙', '8'] for ['乙', '', '8']); the rows of the next tbody are not covered.  Both the plain-table path and
    # the general walk.
    from toolkit import webpage

    if walk:
        monkeypatch.setattr(webpage, "_plain_table_rows", lambda table: None)
        monkeypatch.setattr(webpage, "_cell_text", lambda cell: None)
    page = ("<html><body><table><tbody><tr><td>甲</td><td rowspan='0'>5</td><td>7</td></tr>"
            "<tr><td>乙</td><td>8</td></tr><tr><td>丙</td><td>9</td></tr></tbody>"
            "<tbody><tr><td>丁</td><td>1</td><td>2</td></tr></tbody></table></body></html>")
    path = tmp_path / "span0.html"
    path.write_text(page, encoding="utf-8")
    with pytest.warns(ReaderWarning, match="merged down"):
        rows = read_document(str(path)).lines
    assert rows == [["甲", "5", "7"], ["乙", "", "8"], ["丙", "", "9"], ["丁", "1", "2"]]


@pytest.mark.parametrize("body, shown", [
    # a closed <details> shows its summary only; an open one all of it
    ("<details><summary>附件</summary><p>收起的说明</p>尾</details>", ["附件"]),
    ("<details open><summary>附件</summary><p>展开的说明</p></details>", ["附件", "展开的说明"]),
    # a drop-down shows the option selected, else its first; a list box (multiple, size > 1) all of them
    ("<select><option>2019年</option><option selected>2020年</option><option>2021年</option></select>", ["2020年"]),
    ("<select><optgroup label='市'><option>市政府</option><option>市发改委</option></optgroup></select>",
     ["市政府"]),
    ("<select multiple><option>甲</option><option>乙</option></select>", ["甲", "乙"]),
    # (of two selected, the last, as the browser's rule says; unselected, the first not disabled: the first was read)
    ("<select><option selected>2022年</option><option selected>2023年</option></select>", ["2023年"]),
    ("<select><option disabled>请选择</option><option>2023年</option></select>", ["2023年"]),
    # (a drop-down stands in its line, as a word: its option was a line of its own, '统计年度：' / '2020' / '年')
    ("<p>统计年度：<select><option>2019</option><option selected>2020</option></select>年</p>", ["统计年度：2020年"]),
    # a closed <dialog> (no open: a login box or a share pop-up a script opens) shows nothing; an open one all of it
    ("<dialog><p>用户登录</p><button>确定</button></dialog>", []),
    ("<DIALOG class='share'>分享到：微信 微博</DIALOG>", []),
    ("<dialog open><p>提示</p></dialog>", ["提示"]),
    ("<div popover id='share'>分享到：微信</div><button popovertarget='share'>分享</button>", ["分享"]),
    # a <datalist>'s options are a text box's suggestions, never shown in the page
    ("<input list='y'><datalist id='y'><option>2019年</option><option>2020年</option></datalist>年度", ["年度"]),
])
def test_html_closed_details_and_select_options_read_as_shown(body: str, shown: list, tmp_path: Path) -> None:
    # Every option of a drop-down or a datalist (a page's year or link selector: '2019年', '2021年' as lines of their
    # own) and the content of a closed <details>, <dialog> or popover were read, though a browser shows none; now
    # only what it shows is.  A large closed <details> or <dialog> (a report a script opens, over
    # _LAYOUT_CELL_CHARS), or one holding a table, is still read, as _drop_hidden keeps one.
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>一、总体情况</p>{body}<p>本年度无。</p></body></html>", encoding="utf-8")
    assert read_document(str(path)).lines == ["一、总体情况", *shown, "本年度无。"]
    big = "<p>" + "本机关依法公开政府信息。" * 20 + "</p>"
    path.write_text(f"<html><body><details><summary>全文</summary>{big}</details></body></html>", encoding="utf-8")
    assert read_document(str(path)).lines == ["全文", "本机关依法公开政府信息。" * 20]
    path.write_text(f"<html><body><dialog>{big}</dialog><dialog><table><tr><td>件</td><td>1</td></tr></table>"
                    "</dialog></body></html>", encoding="utf-8")
    assert read_document(str(path)).lines == ["本机关依法公开政府信息。" * 20, ["件", "1"]]


def test_html_closed_details_folding_a_numbered_section_is_read(tmp_path: Path) -> None:
    # A page folding a section of the report in a closed <details> (seed 001's '六、其他需要报告的事项' / '暂无', its
    # heading the summary) lost the section's few lines, dropped as a share box's are; a numbered summary now keeps
    # them, while a small closed <details> summed up otherwise still shows its summary only.
    page = render_html(seed_lines("001")).decode("utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text(page, encoding="utf-8")
    folded = page.replace("<p>六、其他需要报告的事项</p>\n<p>暂无</p>",
                          "<details><summary>六、其他需要报告的事项</summary><p>暂无</p></details>"
                          "<details><summary>分享</summary>微信 微博</details>")
    assert folded != page
    path = tmp_path / "folded.html"
    path.write_text(folded, encoding="utf-8")
    lines = read_document(str(path)).lines
    assert lines[-3:] == ["六、其他需要报告的事项", "暂无", "分享"]
    assert lines[:-1] == read_document(str(plain)).lines


def test_an_inline_element_displayed_as_a_block_is_a_line_of_its_own(tmp_path: Path) -> None:
    # A CMS writes lines as spans displayed as blocks ('<span style="display:block">'): a browser shows each on lines
    # of its own; they were read run into one line ('二、主动公开政府信息情况本年度新制作…', the heading lost in its
    # paragraph).  In a cell they are a cell's lines ('行政 许可', as its <p>s); an inline-block, or a later display
    # that is inline, stays in its line.
    path = tmp_path / "page.html"
    path.write_text("<html><body><div><span style='display:block'>一、总体情况</span>"
                    "<a href='#' style='DISPLAY: Block'>二、主动公开政府信息情况</a>本年度新制作规章0件。</div>"
                    "<table><tr><td><span style='display:block'>行政</span><span style='display:block'>许可</span></td>"
                    "<td>1</td></tr></table><p>共<span style='display:inline-block'>12</span>件，"
                    "<b style='display:block;display:inline'>无</b>其他。</p></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "二、主动公开政府信息情况", "本年度新制作规章0件。",
                                         ["行政 许可", "1"], "共12件，无其他。"]
    # the same displays set by a style sheet's rules (a class, a tag in a class)
    page = path.read_text(encoding="utf-8")
    for old, new in (("style='display:block'", "class='line'"), ("style='DISPLAY: Block'", "class='a'"),
                     ("style='display:inline-block'", "class='ib'"),
                     ("style='display:block;display:inline'", "class='b'"),
                     ("<html>", "<html><head><style>.line { display: block } div > a { display: block } .ib { display: "
                                "inline-block } .b { display: block } p > .b { display: inline } "
                                # (a rule read widened, showing what another hides: it leaves a block a block)
                                "td .line:first-child { display: block }</style></head>")):
        page = page.replace(old, new)
    assert "style=" not in page
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "二、主动公开政府信息情况", "本年度新制作规章0件。",
                                         ["行政 许可", "1"], "共12件，无其他。"]


def test_a_table_of_blocks_displayed_as_a_table_is_read_as_its_rows(tmp_path: Path) -> None:
    # A CMS lays out the report's table in <div>s displayed as a table ('display:table-row', 'display:table-cell'):
    # a browser shows a table, whose cells were read each as a line of its own, the table lost.  They are read as a
    # table's rows and cells, by their style or the page's sheet; a cell without a row is one row's, as a browser shows;
    # a lone cell (a block centred so) is the line it was.
    rows = MERGED_001[2:5]
    cells = "".join("<div style='display:table-row'>" + "".join(
        f"<div style='display: table-cell'>{html_escape(cell)}</div>" for cell in row) + "</div>" for row in rows)
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>一、总体情况</p><div style='display:table'>{cells}</div>"
                    "<p><span style='display:table-cell'>甲</span><span style='display:table-cell'>乙</span></p>"
                    "<div style='display:table-cell'>完</div></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", *rows, ["甲", "乙"], "完"]
    # (a table's own cells and rows so displayed are read as they are: no table made in its row)
    own = tmp_path / "own.html"
    own.write_text("<html><body><table><tr><td style='display:table-cell'>件</td><td style='display:table-cell'>7</td>"
                   "</tr><tr style='display:table-row'><td>条</td><td>8</td></tr></table></body></html>", "utf-8")
    assert read_document(own).lines == [["件", "7"], ["条", "8"]]
    page = path.read_text(encoding="utf-8")
    for old, new in (("style='display:table-row'", "class='tr'"), ("style='display: table-cell'", "class='td'"),
                     ("style='display:table'", "class='t'"), ("style='display:table-cell'", "class='c'"),
                     # (rows in a block not displayed as a table: in a table a browser makes for them)
                     ("<html>", "<html><head><style>.t > .tr { display: table-row } .tr .td, "
                                "p .c { display: table-cell }</style></head>")):
        page = page.replace(old, new)
    assert "style=" not in page
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", *rows, ["甲", "乙"], "完"]


@pytest.mark.parametrize("sheet", [False, True])
def test_a_table_of_flex_or_grid_rows_is_read_as_its_rows(sheet, tmp_path, parsed_seed):
    # Seed 002's tables laid out by a CMS in <div> rows displayed flex or grid, each child a cell (by their style, or
    # by the page's sheet): a browser shows a row of cells, which were read each as a line, the requests table's
    # values lost.  They are read as a table's rows; a flex column or a grid of one column (a browser's default) stack
    # them as lines, a grid of fewer columns than cells lays them out in rows of its columns, a reversed row is read in
    # the order shown, and a logo beside a title or a menu of links laid out in a line is no table.
    import re

    from test_formats import _as_lines

    original = parsed_seed("002_809f9474e249d214")
    page = render_html(_as_lines(original)).decode("utf-8")
    looks = ["display:flex", "display: grid; grid-template-columns: repeat(10, minmax(4em, 1fr))",
             "display:inline-flex;flex-flow:row wrap", "display:grid;grid-template:auto / [a] 2fr repeat(9, 1fr)"]
    tables = iter(range(100))

    def as_divs(table: re.Match) -> str:
        look = looks[next(tables) % len(looks)]
        row = f"class='r{looks.index(look)}'" if sheet else f"style='{look}'"
        return re.sub(r"<td([^>]*)>(.*?)</td>", r"<div\1>\2</div>", table[1].replace("<tr>", f"<div {row}>")
                      .replace("</tr>", "</div>"))

    page = re.sub(r"<table[^>]*>(.*?)</table>", as_divs, page, flags=re.DOTALL)
    assert "<td" not in page and next(tables) == 3
    if sheet:
        page = page.replace("</style>", "".join(f".r{i} {{ {look} }} " for i, look in enumerate(looks)) + "</style>")
    path = tmp_path / "flex.html"
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    rows = "".join(f"<div style='{look}'><div>甲{i}</div><div>{i}</div><div>{i + 1}</div></div>"
                   for i, look in enumerate(
        ["display:flex;flex-direction:column", "display:flex; flex-flow: column wrap", "display:grid",
         "display:grid;grid-template-columns:1fr 1fr", "display:flex;flex-direction:row-reverse"]))
    path.write_text("<html><body><div style='display:flex'><img src='logo.png'><span>一、总体情况</span></div>"
                    "<div style='display:flex'><a>首页</a><a>公开</a></div><div style='display:flex'><a>新闻</a></div>"
                    f"{rows}<div style='display:flex;flex-direction:row-reverse'><div>1</div><div>乙</div></div>"
                    "</body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "首页公开", "新闻", *"甲0 0 1 甲1 1 2 甲2 2 3".split(),
                                         ["甲3", "3"], ["4"], ["5", "4", "甲4"], ["乙", "1"]]


@pytest.mark.parametrize("sheet", [False, True])
def test_flex_rows_whose_cells_set_an_order_are_read_in_the_order_shown(sheet, tmp_path, parsed_seed):
    # Seed 002's tables laid out in <div> rows displayed flex, each row's cells written last first and put in place
    # by their 'order' (by the style, or the sheet's rule on a class): a browser shows them in that order, which were
    # read as written, each row's values before its label and reversed.  They are read as the seed's tables; cells of
    # one order keep theirs as written.
    from test_formats import _as_lines

    original = parsed_seed("002_809f9474e249d214")
    page = render_html(_as_lines(original)).decode("utf-8")

    def as_flex(row: re.Match) -> str:
        cells = re.findall(r"<td[^>]*>.*?</td>", row[1])
        ordered = [re.sub(r"^<td([^>]*)>(.*)</td>$", (rf"<div\1 class='o{k}'>\2</div>" if sheet else
                                                     rf"<div\1 style='order: {k}'>\2</div>"), cell)
                   for k, cell in enumerate(cells, start=1)]
        return "<div style='display:flex'>" + "".join(reversed(ordered)) + "</div>"

    page = re.sub(r"<tr>(.*?)</tr>", as_flex, re.sub(r"</?table[^>]*>", "", page), flags=re.DOTALL)
    assert "<td" not in page and "order" in page or sheet
    if sheet:
        page = page.replace("</style>", "".join(f".o{k} {{ order:{k} }} " for k in range(1, 30)) + "</style>")
    assert _read_as_the_seed_then(tmp_path / "order.html", page, original, (
        "<html><body><div style='display:flex'><div>1</div><div style='order:-1'>甲</div><div>2</div></div>"
        "<div style='display:flex'><div>3</div><div style='order:-1'>乙</div><div>4</div></div></body></html>")) == [
        ["甲", "1", "2"], ["乙", "3", "4"]]


def test_flex_rows_holding_their_label_as_text_of_their_own_are_read_as_rows(tmp_path, parsed_seed):
    # Seed 002's tables laid out in <div> rows displayed flex, each row's label written as the row's own text before
    # its values' <div>s ('<div style="display:flex">规章<div>0</div>…'): a browser lays the text out as an item of
    # its own beside them (an anonymous flex item), a row of cells, which were read a line each, the tables lost.
    # They are read as the seed's tables; text beside inline children (a line of words and links) is no row.
    original = parsed_seed("002_809f9474e249d214")

    def as_flex(table: list) -> str:
        return "".join("<div style='display:flex'>" + (html_escape(row[0]) if len(row) > 1 and row[0] else
                                                        f"<div>{html_escape(row[0])}</div>")
                       + "".join(f"<div>{html_escape(cell)}</div>" for cell in row[1:]) + "</div>" for row in table)

    page = "<html><body>" + _tables_as(original, as_flex) + "</body></html>"
    assert _read_as_the_seed_then(tmp_path / "text.html", page, original, (
        "<html><body><div style='display:flex'>详见<a>附件</a><span>一</span></div>"
        "<div style='display:flex'>联系<span>电话</span></div></body></html>")) == ["详见附件一", "联系电话"]


@pytest.mark.parametrize("sheet", [False, True])
def test_a_table_laid_out_as_one_grid_is_read_as_its_rows(sheet, tmp_path, parsed_seed):
    # Seed 002's tables each one <div> displayed as a grid of as many columns as its widest row, every cell a child
    # of it (a short row filled with blank cells, a row of one cell across the grid: 'grid-column: 1 / -1', 'span N'),
    # by the style or the page's sheet: a browser lays the cells out in the table's rows, which were read a line per
    # cell.  They are read as the table's rows; a page's columns laid out by a grid (a cell holding more text than a
    # value's) are no table.
    original = parsed_seed("002_809f9474e249d214")

    def as_grid(table: list) -> str:
        width = max(map(len, table))
        across = "grid-column: 1 / -1" if width % 2 else f"grid-column: span {width}"
        wide = f"class='a{width}'" if sheet else f"style='{across}'"
        cells = "".join(f"<div {wide}>{html_escape(row[0])}</div>" if len(row) == 1 else
                        "".join(f"<div>{html_escape(cell)}</div>" for cell in row + [""] * (width - len(row)))
                        for row in table)
        look = f"display: grid; grid-template-columns: 3fr repeat({width - 1}, 1fr)"
        return (f"<div class='g{width}'>{cells}</div><style>.g{width} {{ {look} }} .a{width} {{ {across} }}</style>"
                if sheet else f"<div style='{look}'>{cells}</div>")

    path = tmp_path / "grid.html"
    path.write_text("<html><body>" + _tables_as(original, as_grid) + "</body></html>", encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    path.write_text("<html><body><div style='display:grid;grid-template-columns:200px 1fr'><div>导航</div>"
                    f"<div>{'正文' * 120}</div><div>页脚</div></div></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["导航", "正文" * 120, "页脚"]


@pytest.mark.parametrize("sheet", [False, True])
def test_a_grid_whose_cells_are_placed_is_read_in_the_rows_shown(sheet, tmp_path, parsed_seed):
    # Seed 002's tables each one <div> grid, its cells written column by column (every row's label, then every row's
    # first value …) and each placed by its style's 'grid-row: R; grid-column: C' (or the sheet's rules on classes):
    # a browser shows them in the table's rows, which were read as written, the labels all in the first rows.  They
    # are read as the seed's tables; a grid whose cells give their column alone places them as a browser does (one
    # before the cursor starts the next row), a column left empty a blank cell.
    original = parsed_seed("002_809f9474e249d214")
    rules = set()

    def as_grid(table: list) -> str:
        width = max(map(len, table))
        cells = []
        for c in range(1, width + 1):
            for r, row in enumerate(table, start=1):
                if len(row) > 1 or c == 1:
                    column = str(c) if len(row) > 1 else "1 / -1"
                    name = f"p{r}-{column.replace(' / -', 'a')}"
                    rules.add(f".{name} {{ grid-row: {r}; grid-column: {column} }}")
                    where = f"class='{name}'" if sheet else f"style='grid-row: {r}; grid-column: {column}'"
                    cells.append(f"<div {where}>{html_escape((row + [''] * width)[c - 1])}</div>")
        return f"<div style='display:grid;grid-template-columns:3fr repeat({width - 1}, 1fr)'>{''.join(cells)}</div>"

    body = _tables_as(original, as_grid)
    sheet_text = f"<style>{' '.join(sorted(rules))}</style>" if sheet else ""
    page = f"<html><head>{sheet_text}</head><body>{body}</body></html>"
    assert _read_as_the_seed_then(tmp_path / "placed.html", page, original, (
        "<html><body><div style='display:grid;grid-template-columns:repeat(3,1fr)'><div style='grid-column:2'>0</div>"
        "<div style='grid-column:1'>规章</div><div style='grid-column:3'>5</div></div></body></html>")) == [
        ["", "0"], ["规章", "", "5"]]


@pytest.mark.parametrize("sheet", [False, True])
def test_a_grid_whose_cells_are_put_in_named_areas_is_read_in_the_rows_shown(sheet, tmp_path, parsed_seed):
    # Seed 002's tables each one <div> grid whose template names its areas ('grid-template-areas: "r1c1 r1c2 …"
    # "r2c1 …"', a row of one cell one area across the grid) and no columns, each cell put in its area by
    # 'grid-area: r2c3' (by its style, or the sheet's rules on classes), written last row first: a browser shows them
    # in the table's rows, which were read as written, one cell a line (a grid of one column).  They are read as the
    # seed's tables; a cell placed by the area's lines ('grid-area: 1 / 2 / 2 / 3') is put there too, and an area
    # left empty ('.') is a blank cell.
    original = parsed_seed("002_809f9474e249d214")
    rules = []

    def as_grid(table: list) -> str:
        width = max(map(len, table))
        names = [[f"r{r}c{c if len(row) > 1 else 1}" for c in range(1, width + 1)] for r, row in enumerate(table)]
        cells = []
        for r, row in reversed(list(enumerate(table))):
            for c, text in enumerate(row):
                name = names[r][c]
                rules.append(f".{name} {{ grid-area: {name} }}")
                cells.append(f"<div class='{name}'>" if sheet else f"<div style='grid-area: {name}'>")
                cells[-1] += f"{html_escape(text)}</div>"
        areas = " ".join('"' + " ".join(line) + '"' for line in names)
        return (f"<div class='g{len(rules)}'>{''.join(cells)}</div><style>.g{len(rules)} {{ display: grid; "
                f"grid-template-areas: {areas} }} {' '.join(rules)}</style>" if sheet else
                f"<div style='display:grid;grid-template-areas:{areas}'>{''.join(cells)}</div>")

    page = "<html><body>" + _tables_as(original, as_grid) + "</body></html>"
    assert _read_as_the_seed_then(tmp_path / "areas.html", page, original, (
        "<html><body><div style='display:grid;grid-template-areas:\"l a .\" \"l b c\"'><div style='grid-area:c'>5"
        "</div><div style='grid-area:1 / 2 / 2 / 3'>0</div><div style='grid-area:l'>规章</div><div style='grid-area:b'>"
        "1</div></div></body></html>")) == [["规章", "0"], ["", "1", "5"]]


@pytest.mark.parametrize("sheet", [False, True])
def test_html_columns_collapsed_by_their_col_are_not_read(sheet, tmp_path, parsed_seed):
    # Seed 002's tables with a column of row numbers first, collapsed by its <col> ('visibility:collapse', by its
    # style or the sheet's rule on a class, the active table's on its colgroup): a browser removes the column, whose
    # cells were read, each row's values a column right.  They are read as the seed's tables; a cell
    # spanning a collapsed column and shown ones (a header's colspan) spans the shown ones, a cell below a rowspan
    # counts its column past it, and another visibility on a column does nothing.
    import re

    from test_formats import _as_lines

    original = parsed_seed("002_809f9474e249d214")
    page = render_html(_as_lines(original), colspan_header=True).decode("utf-8")
    hide = "class='old'" if sheet else "style='visibility: collapse'"
    numbered = iter(range(1000))
    page = re.sub("<tr>", lambda _: f"<tr><td>{next(numbered)}</td>", page)
    page = page.replace('<table border="1">', f"<table border='1'><colgroup {hide}><col></colgroup>"
                        "<col style='visibility:hidden' span='4'>", 1)
    page = page.replace('<table border="1">', f"<table border='1'><col {hide}>")
    if sheet:
        page = page.replace("</style>", ".old { visibility: collapse }</style>")
    assert _read_as_the_seed_then(tmp_path / "collapsed.html", page, original, (
        "<html><body><table><col span='2'><col style='visibility:collapse'><tr><td rowspan='2'>甲</td><td>1</td>"
        "<td>9</td></tr><tr><td>2</td><td>8</td></tr><tr><td colspan='3'>合计</td></tr></table></body></html>")) == [
        ["甲", "1"], ["2"], ["合计"]]


def test_a_gauges_fallback_text_is_not_read(tmp_path, parsed_seed):
    # Seed 002's counts each shown with a gauge beside it ('<td>12<meter value="12" max="1000">12/1000</meter></td>',
    # a <progress> before it): a browser shows the bar, not the text inside (a fallback for browsers of before
    # HTML5), which was read into the cell ('1212/1000', no number).  They are read as the seed's tables.
    from test_formats import _as_lines

    original = parsed_seed("002_809f9474e249d214")
    page = render_html(_as_lines(original)).decode("utf-8")
    gauged = re.sub(r"<td>(\d+)</td>", lambda m: (
        f"<td>{m[1]}<meter value='{m[1]}' max='1000'>{m[1]}/1000</meter></td>" if int(m[1]) % 2 else
        f"<td><progress value='{m[1]}' max='1000'>{m[1]}%</progress>{m[1]}</td>"), page)
    assert gauged.count("<meter") > 5 and gauged.count("<progress") > 5
    path = tmp_path / "gauges.html"
    path.write_text(gauged, encoding="utf-8")
    _assert_read_as_the_seed(path, original)


def test_counts_a_sheet_shows_from_an_attribute_are_read(tmp_path, parsed_seed):
    # Seed 002's counts kept in an attribute and shown by the page's sheet ('<td data-n="12"></td>', 'td[data-n]::
    # before { content: attr(data-n) }'): a browser shows the count, which was lost (the cell blank, NA), as a
    # content of strings alone was read.  They are read as the seed's tables; an attribute the cell lacks gives
    # nothing, and strings beside it are read with it.
    lines = _counts_written_as(tmp_path, parsed_seed, r"<td data-n='\1'></td>", (
        "td[data-n]::before { content: attr(data-n) } .u::after { content: attr(title) '件' attr(data-none) }"),
        "<p class='u' title='共12'>合计</p>")
    assert lines[-1] == "合计共12件"


def test_values_a_sheet_strikes_through_are_not_read(tmp_path, parsed_seed):
    # Seed 002's counts each after the old value it corrects, struck through by the page's sheet ('<span class="old">
    # 9</span>12', '.old { text-decoration: line-through }'): read in ('912'), where the same struck by a style
    # attribute was dropped.  They are read as the seed's tables; a rule reached only by a selector read widened (a
    # ':hover') strikes nothing.
    lines = _counts_written_as(tmp_path, parsed_seed, r"<td><span class='old'>9</span>\1</td>", (
        ".old { text-decoration: line-through } .u:hover { text-decoration: line-through }"),
        "<p>共<span class='u'>12</span>件</p>")
    assert lines[-1] == "共12件"


def _counts_written_as(tmp_path: Path, parsed_seed, cell: str, rules: str, last: str) -> list:
    """The lines of seed 002's page whose every count's cell is written ``cell`` (the count its ``\\1``), ``rules``
    put in its sheet and the paragraph ``last`` at its end, once the page has been read as the seed's tables."""
    from test_formats import _as_lines

    original = parsed_seed("002_809f9474e249d214")
    page, count = re.subn(r"<td>(\d+)</td>", cell, render_html(_as_lines(original)).decode("utf-8"))
    assert count > 20
    path = tmp_path / "counts.html"
    path.write_text(page.replace("</style>", rules + "</style>").replace("</body>", last + "</body>"), encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    return read_document(path).lines


def test_html_one_span_walk_places_collapsed_columns_and_merged_values(tmp_path):
    # The columns collapsed (_collapsed_columns) and the values merged down (_covered_row) are placed by one walk over
    # the rows' spans (_span_walk): in one table, a collapsed column after a value merged down over two rows (and one
    # to the group's end, rowspan='0') is counted past the merge, and the covered cells read blank in their places.
    path = tmp_path / "spans.html"
    path.write_text("<html><body><table><col><col><col style='visibility:collapse'><tbody>"
                    "<tr><td>规章</td><td rowspan='2'>5</td><td>2020</td><td rowspan='0'>7</td><td>3</td></tr>"
                    "<tr><td>规范性文件</td><td>2020</td><td>2</td></tr>"
                    "<tr><td>其他</td><td>1</td><td>2020</td><td>4</td></tr></tbody>"
                    "<tbody><tr><td>合计</td><td colspan='2'>6</td><td>8</td><td>9</td></tr></tbody>"
                    "</table></body></html>", encoding="utf-8")
    with pytest.warns(ReaderWarning, match="merged down"):
        lines = read_document(path).lines
    assert lines == [["规章", "5", "7", "3"], ["规范性文件", "", "", "2"], ["其他", "1", "", "4"], ["合计", "6", "8", "9"]]


def test_html_quotations_are_read_with_the_marks_a_browser_shows(tmp_path, parsed_seed):
    # Seed 000's quotations (“放管服”, “一网通办” …) written as <q>: a browser shows them in quotation marks, which were
    # lost ('深化放管服改革').  They are read as the page shows them, the same lines as the page written with the
    # marks; a quotation in another in single marks, in the marks its style's quotes gives, in none for 'none'; a
    # page whose sheet sets the marks reads them as the sheet writes them.
    from test_formats import _as_lines

    page = render_html(_as_lines(parsed_seed("000_438c5e5d2b6f4db4"))).decode("utf-8")  # (its marks read '"')
    quoted = re.sub("&quot;([^&<]*)&quot;", r"<q>\1</q>", page)
    assert quoted.count("<q>") >= 10
    written, path = tmp_path / "written.html", tmp_path / "q.html"
    written.write_text(re.sub("&quot;([^&<]*)&quot;", "“\\1”", page), encoding="utf-8")
    path.write_text(quoted, encoding="utf-8")
    assert read_document(path).lines == read_document(written).lines
    path.write_text("<html><body><p>坚持<q>三审<q>三校</q></q>，<q><b>甲</b>乙</q></p><p style='quotes: \"「\" \"」\" "
                    "\"『\" \"』\"'><q>公开<q>为</q></q>；<q style='quotes:none'>无</q></p></body></html>", "utf-8")
    assert read_document(path).lines == ["坚持“三审‘三校’”，“甲乙”", "「公开『为』」；无"]
    path.write_text("<html><head><style>q::before { content: '「' } q::after { content: '」' }</style></head>"
                    "<body><p>坚持<q>公开</q></p></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["坚持「公开」"]


@pytest.mark.parametrize("style", ["font-size:0", "FONT-SIZE: 0px", "font-size:0pt;color:red", "font-size: 0.0em"])
def test_html_text_set_in_a_font_of_size_zero_is_not_read(style: str, tmp_path: Path) -> None:
    # Text in a font of size 0 shows nothing (a keyword-stuffing or tracking span: '一、总体情况<span
    # style="font-size:0">隐藏</span>'); it was read into the heading ('一、总体情况隐藏').  A child set in a size
    # again is shown (the inline-block gap trick: <ul style="font-size:0"><li style="font-size:14px">), a cell
    # keeps its place in its row, blank, and a size of 0.5 or 10 hides nothing.
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>一、总体情况<span style='{style}'>隐藏</span></p>"
                    f"<div style='{style}'>看不见<span style='font-size:14px'>看得见</span>尾</div>"
                    f"<table><tr><td>甲</td><td style='{style}'>9</td><td>7</td></tr></table>"
                    "<p><span style='font-size:0.5em'>小字</span><span style='font-size:10pt'>十</span></p>"
                    "</body></html>", encoding="utf-8")
    assert read_document(str(path)).lines == ["一、总体情况", "看得见", ["甲", "", "7"], "小字十"]


@pytest.mark.parametrize("sheet", [False, True])
@pytest.mark.parametrize("style", ["color:transparent", "COLOR: Transparent", "color:rgba(255, 255, 255, 0)",
                                   "color: rgb(0 0 0 / 0%)"])
def test_html_text_in_a_transparent_colour_is_not_read(style: str, sheet: bool, tmp_path: Path) -> None:
    # Text in a transparent colour shows nothing (keyword stuffing, a placeholder a script fills): it was read in
    # ('一、总体情况隐藏'), by the element's style or a sheet's rule on its class.  A child given a colour again is
    # shown, one inheriting it not; half transparent, a transparent background or a colour of blue 0 hide nothing; a
    # cell keeps its place in its row, blank.
    page = (f"<html><head><style>.c {{ color: #333 }}</style></head><body><p>一、总体情况<span style='{style}'>隐藏"
            f"</span></p><div style='{style}'>看不见<span style='color:#333'>看得见</span><b style='color:inherit'>继承"
            f"</b>尾</div><table><tr><td>甲</td><td style='{style}'>9</td><td>7</td></tr></table>"
            "<p><span style='color:rgba(0,0,0,0.5)'>半透明</span><span style='background-color:transparent'>底</span>"
            "<span style='color:rgb(10,20,0)'>蓝</span></p></body></html>")
    if sheet:
        page = page.replace(f" style='{style}'", " class='t'").replace(" style='color:#333'", " class='c'").replace(
            "</style>", f" .t {{ {style} }}</style>")
        assert f"style='{style}'" not in page
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "看得见", ["甲", "", "7"], "半透明底蓝"]


@pytest.mark.parametrize("sheet", [False, True])
@pytest.mark.parametrize("style", ["opacity:0", "OPACITY: 0.0; color:red", "height:0;overflow:hidden",
                                   "max-height: 0px; overflow-y: hidden; padding: 0", "content-visibility: hidden"])
def test_html_text_transparent_or_clipped_to_nothing_is_not_read(style: str, sheet: bool, tmp_path: Path) -> None:
    # Text fully transparent (opacity:0: a button a script fades in) or in a box of height 0 whose overflow is hidden
    # (a collapsed panel, a keyword block) shows nothing; it was read in ('一、总体情况隐藏').  Half transparent, a
    # height of 0 that does not hide its overflow, or one given its size back by padding (a video frame's
    # 'height:0;padding-bottom:56%'), shows it, and so does an inline element's or a cell's, which no height clips
    # (a transparent cell stays blank in its row).  `sheet`: the same set by a style sheet's rule on a class ('.fold
    # { height: 0; overflow: hidden }'), which was read in when the style attribute's was not.  A block or a cell
    # whose content-visibility is hidden shows none of its content either (an inline element's is shown); the cell's
    # was read in ('9', where Chromium shows the cell blank).
    path = tmp_path / "page.html"
    shown = "隐藏" if "opacity" not in style.lower() else ""  # (the span and the cell: no block)
    in_cell = "9" if shown and "content-visibility" not in style else ""
    page = (f"<html><head><style>.pad {{ padding-bottom: 56% }}</style></head><body>"
            f"<p>一、总体情况<span style='{style}'>隐藏</span></p>"
            f"<table><tr><td>件</td><td style='{style}'>9</td><td>7</td></tr></table>"
            f"<div style='{style}'><p>返回顶部</p></div><p style='opacity:0.5'>半透明</p>"
            "<div style='height:0'>溢出</div><div style='height:0;padding-bottom:56%;overflow:hidden'>视频</div>"
            f"<p>本年度无。<span style='display:inline-block;{style}'>见下</span></p></body></html>")
    if sheet:
        for old, new in ((f"display:inline-block;{style}", "display:inline-block"), (f" style='{style}'", " class='x'"),
                         ("<span style='display:inline-block'", "<span class='x' style='display:inline-block'"),
                         ("<p style='opacity:0.5'>", "<p class='y'>"),
                         ("</style>", f" .x {{ {style} }} .y {{ opacity: 0.5 }} </style>")):
            page = page.replace(old, new)
        if "height" in style.lower():  # (the padding of another rule gives the box its size back)
            page = page.replace("<div style='height:0;padding-bottom:56%;overflow:hidden'>", "<div class='x pad'>")
        assert f"style='{style}'" not in page and page.count("class='x") >= 4
    path.write_text(page, encoding="utf-8")
    assert read_document(str(path)).lines == ["一、总体情况" + shown, ["件", in_cell, "7"], "半透明", "溢出", "视频",
                                              "本年度无。"]


@pytest.mark.parametrize("sheet", [".sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; "
                                   "clip: rect(0, 0, 0, 0) }", ".sr-only{position:absolute !important;clip:rect(1px 1px "
                                   "1px 1px)}", ".sr-only { clip-path: inset(50%); white-space: nowrap }",
                                   ".sr-only{clip-path:inset(0 50% round 2px)} p{clip-path:inset(10%)}"])
def test_html_text_only_for_a_screen_reader_is_not_read(sheet: str, tmp_path: Path) -> None:
    # Text positioned out of the flow and clipped to nothing (Bootstrap's .sr-only, .visually-hidden: '当前位置',
    # '(当前)', a label for a screen reader) shows nothing; it was read into the lines around it.  A clip of some
    # area, or one on an element in the flow (which clip does not reach), shows it.  A clip-path of no area
    # ('inset(50%)': an inset of half the box from each side) hides it too, on any element; one of some area shows it.
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><style>{sheet}</style></head><body><p>一、总体情况<span class='sr-only'>当前</span>"
                    "</p><table><tr><td>件</td><td class='sr-only'>9</td><td>7</td></tr></table><p>本年度无。"
                    "<span style='position:absolute;clip:rect(0,10px,10px,0)'>见下</span><span style='clip:rect(0,0,0,0)'>"
                    "。</span></p></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", ["件", "", "7"], "本年度无。见下。"]


@pytest.mark.parametrize("sheet", [".z { font-size: 0 }", "p > .z, .y{font-size:0px !important}", ".z{FONT-SIZE:0}"])
def test_html_text_a_style_sheet_sets_in_a_font_of_size_zero_is_not_read(sheet: str, tmp_path: Path) -> None:
    # A font of size 0 set by a style sheet's rule ('.z { font-size: 0 }') hides the text as one set by the
    # element's own style; it was read in ('一、总体情况隐藏').  The element's own size, or a child's, shows it again.
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><style>{sheet}</style></head><body><p>一、总体情况<span class='z y'>隐藏</span></p>"
                    "<div class='z y'>看不见<span style='font-size:14px'>看得见</span>尾</div>"
                    "<p>本年度无。<span class='z' style='font-size:12px'>见下</span></p></body></html>", encoding="utf-8")
    shown = "" if "important" in sheet else "见下"
    assert read_document(str(path)).lines == ["一、总体情况", "看得见", "本年度无。" + shown]


@pytest.mark.parametrize("ol, items, shown", [
    ("<ol>", ["a", "b"], ["1.a", "2.b"]),
    ("<ol start='3.'>", ["a", "b"], ["3.a", "4.b"]),  # int() refused '3.': read 1., 2.
    ("<ol start='x'>", ["a"], ["1.a"]),
    ("<ol reversed>", ["a", "b", "c"], ["3.a", "2.b", "1.c"]),
    ("<ol>", ["a", "<li value='9'>b", "c"], ["1.a", "9.b", "10.c"]),
    ("<ol type='a'>", ["a", "b"], ["a.a", "b.b"]),
    ("<ol type='I'>", ["a", "b", "c", "d"], ["I.a", "II.b", "III.c", "IV.d"]),
    ("<ol style='list-style-type: cjk-ideographic'>", ["概述", "主动公开"], ["一、概述", "二、主动公开"]),
    ("<ol start='4' style='list-style-type:simp-chinese-informal'>", ["复议"], ["四、复议"]),
    ("<ol style='list-style: none'>", ["首页", "政务公开"], ["首页", "政务公开"]),
    ("<ol type='a' style='list-style:inside decimal'>", ["a"], ["1.a"]),
    # the other Chinese counter styles a browser knows (each was read 1., 2. …): formal (financial) numerals,
    # traditional ones, the heavenly stems and earthly branches (past their last, in cjk-decimal, as they fall back)
    ("<ol style='list-style-type: simp-chinese-formal'>", ["概述", "主动公开"], ["壹、概述", "贰、主动公开"]),
    ("<ol start='10' style='list-style-type:trad-chinese-formal'>", ["复议", "诉讼"], ["壹拾、复议", "壹拾壹、诉讼"]),
    ("<ol start='3' style='list-style:trad-chinese-informal'>", ["收到"], ["三、收到"]),
    ("<ol start='9' style='list-style-type:cjk-heavenly-stem'>", ["a", "b", "c"], ["壬、a", "癸、b", "一一、c"]),
    ("<ol style='list-style-type:cjk-earthly-branch'>", ["a", "b"], ["子、a", "丑、b"]),
    # the Chinese longhand styles from -9999 to 9999 (past 99, 0 and below it, each was read in digits: '100.a'),
    # past that range in cjk-decimal, as they fall back
    ("<ol start='99' style='list-style-type:cjk-ideographic'>", ["a", "b", "c"], ["九十九、a", "一百、b", "一百零一、c"]),
    ("<ol start='0' style='list-style-type:simp-chinese-informal'>", ["a", "b"], ["零、a", "一、b"]),
    ("<ol start='-2' style='list-style-type:simp-chinese-formal'>", ["a"], ["负贰、a"]),
    ("<ol start='110' style='list-style-type:trad-chinese-formal'>", ["a"], ["壹佰壹拾、a"]),
    ("<ol start='2020' style='list-style-type:simp-chinese-informal'>", ["a"], ["二千零二十、a"]),
    ("<ol start='9999' style='list-style-type:trad-chinese-informal'>", ["a", "b"], ["九千九百九十九、a", "一〇〇〇〇、b"]),
    # decimal-leading-zero pads the digits to two, its minus sign before them (-1 read '-1.')
    ("<ol start='-1' style='list-style-type:decimal-leading-zero'>", ["a", "b", "c"], ["-01.a", "00.b", "01.c"]),
    # an item displayed as other than a list item (a CMS's 'display:block' on its <li>) shows no number and is not
    # counted: it was read '1.a', the next '2.b'
    ("<ol>", ["<li style='display:flex'>a", "b", "<li style='DISPLAY: Block; display: list-item'>c"],
     ["a", "1.b", "2.c"]),
    # the two-value display of a list item ('block list-item', 'list-item block'): a list item, numbered and counted
    # (its first word read alone, 'block', it was read 'a', '1.b', 'c')
    ("<ol>", ["<li style='display: block list-item'>a", "b", "<li style='display:flex;display:List-Item Block'>c"],
     ["1.a", "2.b", "3.c"]),
    # the same displays set by the page's style sheet (a page that hides nothing: its sheet was not read for them,
    # the items read '1.a', '2.b', '3.c'); the item's own style wins over the sheet's rule
    ("<style>li.b { display: block } ol .c { display: block list-item }</style><ol>",
     ["<li class='b'>a", "b", "<li class='b' style='display:list-item'>c", "<li class=c>d", "<li class='b'>e"],
     ["a", "1.b", "2.c", "3.d", "e"]),
    # items displayed inline (a CMS's list of links laid out in a line, by their style or the sheet's rule) are shown
    # in one line, without numbers: they were read one per line; an 'inline list-item' keeps its number
    ("<ol>", ["<li style='display:inline'>首页 ", "<li style='display: inline-block'>政务公开", "b"],
     ["首页 政务公开", "1.b"]),
    ("<style>.nav li { display: inline }</style><ol class=nav>", ["首页", "年报", "<li style='display:block'>c"],
     ["首页年报", "c"]),
    ("<ol>", ["<li style='display:inline list-item'>a", "b"], ["1.a", "2.b"]),
    # a list-style-type that is a string ('list-style-type: "一、"', CSS Lists 3) shows it before every item, no
    # number: it was read 1., 2. …; escapes read, on the list or its items, by a style or the sheet's rule
    ("<ol style='list-style-type: \"一、\"'>", ["概述", "主动公开"], ["一、概述", "一、主动公开"]),
    ("<style>ol.h { list-style: '\\4E09\\3001' inside }</style><ol class=h>", ["复议", "<li style='list-style:"
                                                                               "\"※ \"'>诉讼"], ["三、复议", "※诉讼"]),
    # a ::marker whose content is none, an empty string or no text, or set in a font of size 0, shows no number:
    # it was read 1., 2. …; one whose content is normal, or a rule without content, leaves the number
    ("<style>ol.p li::marker { content: none } ol.p li.q::marker { content: normal } ol.p li::marker { color: red }"
     "</style><ol class=p>", ["本年度无", "b", "<li class=q>c"], ["本年度无", "b", "3.c"]),
    ("<style>li::marker { content: '' } li.i::marker { content: url(dot.png) } li.z::marker { content: '一、'; "
     "font-size: 0 }</style><ol>", ["a", "<li class=i>b", "<li class=z>c"], ["a", "b", "c"]),
    # a list style of bullets ('list-style-type: disc', in the list's style or the sheet's rule) shows a bullet, no
    # number: the items were read 1., 2. …
    ("<ol style='list-style-type:disc'>", ["加强组织领导。", "完善制度建设。"], ["•加强组织领导。", "•完善制度建设。"]),
    ("<style>ol.b { list-style: square inside }</style><ol class=b>", ["a"], ["•a"]),
    # a list style of the page's own (@counter-style, CSS Counter Styles 3) shows its symbols, its prefix and suffix
    # (". " where it sets none), past its range its fallback's (decimal): the items were read 1., 2. …
    ("<style>@counter-style cn { system: fixed; symbols: '一' \"二\"; suffix: '、' }</style><ol style='list-style:cn'>",
     ["总体情况", "主动公开", "c"], ["一、总体情况", "二、主动公开", "3.c"]),
    ("<style>@counter-style d { system: numeric; symbols: '〇' 一 二 三 四 五 六 七 八 九; suffix: '、' }</style>"
     "<ol start=9 style='list-style-type: d'>", ["a", "b"], ["九、a", "一〇、b"]),
    ("<style>@counter-style p { system: extends cjk-ideographic; prefix: '（'; suffix: '）' } ol.p { list-style: p }"
     "</style><ol class=p>", ["a", "<li style='list-style-type:decimal'>b"], ["（一）a", "2.b"]),
    ("<style>@counter-style s { symbols: '※' } @counter-style c { system: cyclic; symbols: A B }</style>"
     "<ol style='list-style-type:s'>", ["a", "b", "<li style='list-style-type:c'>c"], ["※.a", "※※.b", "A.c"]),
    # a numeric style's negative number shows its negative sign ('-', or the 'negative' descriptor's symbols about
    # it) and the digits of its absolute value, as a browser: it fell back on decimal ('-1.a')
    ("<style>@counter-style d { system: numeric; symbols: '〇' 一 二; suffix: '、'; negative: '负' }</style>"
     "<ol start=-1 style='list-style-type: d'>", ["a", "b", "c"], ["负一、a", "〇、b", "一、c"]),
    ("<style>@counter-style d { system: numeric; symbols: '〇' 一 二 三; negative: '(' ')' } "
     "@counter-style m { system: numeric; symbols: '0' '1' }</style><ol start=-5 style='list-style-type: d'>",
     ["a", "<li style='list-style-type:m'>b"], ["(一一).a", "-100.b"]),
    # a style's 'range' (pairs of bounds, 'infinite' unbounded; auto: from 1 for alphabetic and symbolic, from 0
    # for additive, else every integer; a pair whose low is above its high makes it auto) decides where its fallback
    # writes a number, and a negative number in range shows the negative sign about its absolute value's symbols:
    # the range was not read, alphabetic, symbolic and additive styles fell back on decimal below 1 (or 0), and
    # none fell back past a range of the author's
    ("<style>@counter-style a { system: alphabetic; symbols: A B C; range: infinite infinite; suffix: '、' }"
     "</style><ol start=-2 style='list-style-type:a'>", ["x", "y", "z", "w"], ["-B、x", "-A、y", "0.z", "A、w"]),
    ("<style>@counter-style s { system: symbolic; symbols: '※'; range: 1 2 }</style><ol style='list-style-type:s'>",
     ["x", "y", "z"], ["※.x", "※※.y", "3.z"]),
    ("<style>@counter-style c { system: cyclic; symbols: 甲 乙; range: 2 3, 5 infinite; suffix: '、' }</style>"
     "<ol style='list-style-type:c'>", ["a", "b", "c", "d", "e"], ["1.a", "乙、b", "甲、c", "4.d", "甲、e"]),
    ("<style>@counter-style n { system: additive; additive-symbols: 10 十, 1 一; range: -20 20; negative: '负' } "
     "@counter-style v { system: additive; additive-symbols: 1 一; range: 5 1 }</style>"
     "<ol start=-11 style='list-style-type:n'>", ["a", "<li style='list-style-type:v' value=-1>b", "c"],
     ["负十一.a", "-1.b", "0.c"]),
    ("<style>@counter-style p { system: extends cjk-ideographic; range: 1 2; suffix: '）' }</style>"
     "<ol style='list-style-type:p'>", ["a", "b", "c"], ["一）a", "二）b", "3.c"]),
    # a style's 'pad' ('2 "0"', either order) writes its symbol before a number's symbols short of that length (less
    # a negative sign's), in its own system or extending another's: it was not read, '1.' for '01.'
    ("<style>@counter-style z { system: extends decimal; pad: 2 '0'; suffix: '、' } @counter-style n { system: "
     "numeric; symbols: '0' '1' '2' '3' '4' '5' '6' '7' '8' '9'; pad: '0' 3 }</style><ol start=9 style='list-style:z'>",
     ["a", "b", "<li style='list-style-type:n' value=-5>c", "<li style='list-style-type:n' value=1000>d"],
     ["09、a", "10、b", "-05.c", "1000.d"]),
    # a style extending another of the page's takes each descriptor it states over the other's (its range, fallback,
    # pad, prefix, suffix, negative): the extended style's range and fallback were used ('〇3）'), and the pad lost
    # about its marker, suffix and all ('第-2. 、'), as about a negative number of a built-in style ('-2.')
    ("<style>@counter-style b { system: fixed; symbols: 一 二 三; range: 1 2; suffix: '、' } @counter-style e { "
     "system: extends b; range: 1 3; fallback: lower-alpha; pad: 2 '〇'; suffix: '）' }</style><ol style='list-style:e'>",
     ["a", "b", "c", "d"], ["〇一）a", "〇二）b", "〇三）c", "d.d"]),
    ("<style>@counter-style b { system: numeric; symbols: '0' '1' '2' '3' '4' '5' '6' '7' '8' '9'; prefix: '第' } "
     "@counter-style e { system: extends b; pad: 3 '0'; suffix: '、' } @counter-style z { system: extends decimal; "
     "pad: 3 '0'; negative: '负' }</style><ol start=-2 style='list-style:e'>",
     ["a", "b", "c", "<li style='list-style-type:z' value=-2>d"], ["第-02、a", "第-01、b", "第000、c", "负02.d"]),
])
def test_ol_item_numbers_are_the_browsers(ol: str, items: list, shown: list, tmp_path: Path) -> None:
    # An <ol>'s numbers as a browser shows them: its start, reversed, an item's value, its type and list-style-type
    # (numbers in Chinese, or none). Every list was numbered 1., 2. … from its start as int() read it: a section's
    # heading numbered by a list styled cjk-ideographic ('一、概述' in a browser) read '1.概述' and was no heading.
    body = "".join(item if item.startswith("<li") else f"<li>{item}" for item in items)
    path = tmp_path / "ol.html"
    path.write_text(f"<html><body><p>前</p>{ol}{body}</ol></body></html>", encoding="utf-8")
    assert read_document(path).lines[1:] == shown


@pytest.mark.parametrize("ul, shown", [
    ("<ul style='list-style-type:decimal' start='5' reversed>", ["1.加强组织领导。", "2.完善制度建设。"]),
    ("<style>ul.n { list-style: cjk-ideographic }</style><ul class=n>", ["一、加强组织领导。", "二、完善制度建设。"]),
    ("<ul style='list-style: none'>", ["加强组织领导。", "完善制度建设。"]),
    ("<ul>", ["•加强组织领导。", "•完善制度建设。"]),
])
def test_ul_item_markers_follow_the_list_style(ul: str, shown: list, tmp_path: Path) -> None:
    # A <ul> styled with numbers ('<ul style="list-style-type:decimal">', or by the sheet's rule) shows 1. 2. as an
    # <ol> does (its start and reversed are no <ul>'s), one styled none no marker: the list style decides, not the
    # tag; its items were read with bullets.
    path = tmp_path / "ul.html"
    path.write_text(f"<html><body><p>前</p>{ul}<li>加强组织领导。<li>完善制度建设。</ul></body></html>", encoding="utf-8")
    assert read_document(path).lines[1:] == shown


def _assert_read_as_the_seed(path: Path, original) -> None:
    """The page ``path`` gives the sections and tables of the seed ``original`` (its headings' '、 ' read '、')."""
    import toolkit

    got = toolkit.parse_report(path)
    assert [s.title for s in got.sections] == [s.title.replace("、 ", "、") for s in original.sections]
    pd_testing = pytest.importorskip("pandas").testing
    for name in ("active", "requests", "review_litigation"):
        pd_testing.assert_frame_equal(got.table(name), original.table(name), check_dtype=False)


def _tables_as(original, as_html: Callable[[list], str]) -> str:
    """The lines of the seed ``original`` as a page's body: each a paragraph, each table what ``as_html`` writes of
    its rows."""
    from test_formats import _as_lines

    parts, table = [], []
    for line in [*_as_lines(original), ""]:
        if isinstance(line, list):
            table.append(line)
            continue
        if table:
            parts.append(as_html(table))
            table = []
        parts.append(f"<p>{html_escape(line)}</p>" if line else "")
    return "".join(parts)


def _read_as_the_seed_then(path: Path, page: str, original, other: str) -> list:
    """The lines of the page ``other`` written at ``path``, once ``page`` written there has been read as the seed
    ``original`` (see _assert_read_as_the_seed)."""
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    path.write_text(other, encoding="utf-8")
    return read_document(path).lines


def test_headings_numbered_by_a_sheets_before_text_are_headings(tmp_path, parsed_seed):
    # Seed 000's headings numbered by the page's sheet ('.h3::before { content: "三、" }', CSS 2's ':before' too): the
    # text a browser shows before them was lost, '总体情况' … no headings, the sections and their tables lost.  A
    # pseudo-element's strings are read where its rules show it: not a clearfix's hidden '.', an icon font's glyph, a
    # counter, or the text of a rule on a pseudo-class (a heading hovered).
    import re

    from test_formats import _as_lines

    original = parsed_seed("000_438c5e5d2b6f4db4")
    lines = _as_lines(original)
    page = render_html(lines).decode("utf-8")
    digits = "一二三四五六七八九十"
    rules = []
    for line in lines:
        m = re.match(f"([{digits}])、\\s*(.+)", line) if isinstance(line, str) else None
        if m and f"<p>{html_escape(line)}</p>" in page:
            n = digits.index(m[1]) + 1
            page = page.replace(f"<p>{html_escape(line)}</p>", f"<p class='h{n} cf'><i class='ic'></i>"
                                                               f"{html_escape(m[2])}</p>", 1)
            rules.append(f"p.h{n}{'::' if n % 2 else ':'}before {{ content: '{m[1]}' \"\\3001\" }}")
    assert len(rules) >= 5
    page = page.replace("</style>", "\n".join(rules) + "\n.cf:after { content: '.'; display: block; height: 0; "
                        "visibility: hidden }\n.ic::before { content: '\\e600' } p:hover::before { content: '旧' }"
                        "\n.h1::after { content: counter(item) }\n</style>")
    path = tmp_path / "generated.html"
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)


@pytest.mark.parametrize("counted_by", ["pseudo", "heading", "custom"])
def test_headings_numbered_by_a_sheets_counter_are_headings(counted_by, tmp_path, parsed_seed):
    # Seed 000's headings numbered by a counter of the page's sheet ('.h::before { counter-increment: sec; content:
    # counter(sec, cjk-ideographic) "、" }', or counted by the heading's own rule, reset on the body): the numbers a
    # browser shows were lost ('总体情况' …), the section titles read without them.  A sub-heading's counter, reset by
    # each heading, starts again under it; a list numbered by counters shows them, not its own numbers as well.
    # `custom`: the counters shown in the page's own @counter-style (cn's symbols 一 … 五, then its fallback's; its
    # prefix and suffix a list marker's, not counter()'s; sub extending it): they were read 1、总体情况 …, decimal.
    original = parsed_seed("000_438c5e5d2b6f4db4")
    page = _headings_as(original, lambda n, title: f"<p class='h'>{title}</p>")
    assert page.count("<p class='h'>") == 6
    at = page.index("<p class='h'>", page.index("<p class='h'>") + 1)  # (before the second heading)
    page = page[:at] + "<h4>甲</h4><h4>乙</h4><ol class='n'><li>丙</li><li>丁</li></ol>" + page[at:]
    counting = (".h::before { counter-increment: sec; }\n.h::before" if counted_by == "pseudo"
                else "body { counter-reset: sec } p.h { counter-increment: sec } .h::before")
    styles = ("cjk-ideographic", "cjk-ideographic") if counted_by != "custom" else ("cn", "sub")
    custom = ("@counter-style cn { system: fixed; symbols: 一 二 三 四 五; suffix: '：'; prefix: '第'; fallback: "
              "cjk-ideographic }\n@counter-style sub { system: extends cn; suffix: '）' }\n")
    page = page.replace("</style>", (custom if counted_by == "custom" else "") + f"{counting} {{ content: counter("
                        f"sec, {styles[0]}) '、' }}\n.h {{ counter-reset: sub }} h4::before {{ counter-increment: sub; "
                        f"content: '（' counter(sub, {styles[1]}) '）' }}\n.n {{ counter-reset: n; list-style: none }}\n"
                        ".n li::before { counter-increment: n; content: counter(n) '.' counters(n, '-') ' ' }"
                        "\n</style>")
    path = tmp_path / "counted.html"
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    wanted = ["一、总体情况", "（一）甲", "（二）乙", "1.1 丙", "2.2 丁", "二、主动公开政府信息情况", "六、其他需要报告的事项"]
    assert [line for line in read_document(path).lines if line in wanted] == wanted


def test_a_counter_in_a_page_counter_style_follows_the_styles_range(tmp_path: Path) -> None:
    # counter() in one of the page's counter styles writes the numbers in its 'range' ('-1 1' here) with its symbols,
    # a negative one with its negative sign, and the others in its fallback (decimal): the range was not read, -1 fell
    # back on decimal ('-1、a') and 2, past the range, was written 乙.
    path = tmp_path / "counter.html"
    path.write_text("<html><head><style>@counter-style r { system: alphabetic; symbols: 甲 乙 丙; range: -1 1; "
                    "negative: 负 } body { counter-reset: k -2 } p.h::before { counter-increment: k; content: "
                    "counter(k, r) '、' }</style></head><body><p>前</p>" + "".join(
                        f"<p class=h>{text}</p>" for text in "abcd") + "</body></html>", encoding="utf-8")
    assert read_document(path).lines == ["前", "负甲、a", "0、b", "甲、c", "2、d"]


def _headings_as(original, heading: Callable[[int, str], str]) -> str:
    """The seed ``original`` as a page (see render_html) whose numbered headings ('三、…', each its own paragraph) are
    what ``heading(3, '…')`` writes of their number and escaped title."""
    import re

    from test_formats import _as_lines

    lines = _as_lines(original)
    page = render_html(lines).decode("utf-8")
    digits = "一二三四五六七八九十"
    for line in lines:
        m = re.match(f"([{digits}])、\\s*(.+)", line) if isinstance(line, str) else None
        if m and f"<p>{html_escape(line)}</p>" in page:
            page = page.replace(f"<p>{html_escape(line)}</p>", heading(digits.index(m[1]) + 1, html_escape(m[2])), 1)
    return page


@pytest.mark.parametrize("sheet", [False, True])
def test_headings_numbered_by_a_cjk_ol_are_headings(sheet, tmp_path, parsed_seed):
    # Seed 000's headings as pages write them, each its own <ol start=N style='list-style-type:cjk-ideographic'>:
    # the same sections and tables as the text (before: '1.总体情况' … no headings, sections and tables lost).
    # `sheet`: the style set by the page's style sheet, on the list's class (the headings were read 1.总体情况 …);
    # a rule of a pseudo-class (a list hovered) or a class the lists lack styles none of them.
    original = parsed_seed("000_438c5e5d2b6f4db4")
    page = _headings_as(original, lambda n, title: f"<ol start='{n}' style='list-style-type:cjk-ideographic'>"
                                                   f"<li>{title}</li></ol>")
    assert page.count("cjk-ideographic") >= 5
    if sheet:
        page = page.replace(" style='list-style-type:cjk-ideographic'", " class='nb'").replace(
            "</style>", "\n/* 标题 */ div.content ol.nb, ol.nb li { list-style-type: cjk-ideographic }\n"
                        ".other, ol.nb:hover { list-style: lower-roman }\n</style>")
        assert "cjk-ideographic" not in page.split("</style>", 1)[1]
    path = tmp_path / "listed.html"
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)


@pytest.mark.parametrize("how", ["marker", "before"])
def test_headings_numbered_by_a_lists_item_counter_are_headings(how, tmp_path, parsed_seed):
    # Seed 000's headings each its own <ol start=N>, numbered by the sheet's 'li::marker { content:
    # counter(list-item, cjk-ideographic) "、" }' (or, the list's own marker none, by its items' ::before): a browser
    # shows 一、 … in place of the list's 1. 2. …, which were read ('1.总体情况', the section titles without their
    # numbers); a bulleted list's marker given text shows it in place of its bullet.
    original = parsed_seed("000_438c5e5d2b6f4db4")
    page = _headings_as(original, lambda n, title: f"<ol class='h' start='{n}'><li>{title}</li></ol>")
    assert page.count("<ol class='h'") == 6
    page = page.replace("</body>", "<ul class='h'><li>附件</li></ul></body>")
    rule = ("ol.h li::marker { content: counter(list-item, cjk-ideographic) '、' } ul.h li::marker { content: '※' }"
            if how == "marker" else "ol.h { list-style: none } ol.h li::before { content: counter(list-item, "
                                    "cjk-ideographic) '、' } ul.h li::before { content: '※' }")
    page = page.replace("</style>", f"\n{rule}\n</style>")
    path = tmp_path / "items.html"
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    assert read_document(path).lines[-1] == "※附件"


def test_headings_numbered_by_a_string_list_marker_are_headings(tmp_path, parsed_seed):
    # Seed 000's headings each its own list whose marker is a string ('ol.h3 { list-style-type: "三、" }', CSS Lists
    # 3, or in the list's style): a browser shows the string before the item, which was read '1.总体情况' (the
    # section titles without their numbers); a bulleted list's string shows in place of its bullet.
    digits = "一二三四五六七八九十"
    original = parsed_seed("000_438c5e5d2b6f4db4")
    page = _headings_as(original, lambda n, title: f"<ol class='h{n}'><li>{title}</li></ol>" if n % 2 else
                        f"<ol style='list-style-type:\"{digits[n - 1]}、\"'><li>{title}</li></ol>")
    rules = " ".join(f"ol.h{n} {{ list-style: '{digits[n - 1]}\\3001' inside }}" for n in range(1, 10, 2))
    page = page.replace("</style>", f"\n{rules}\n</style>").replace(
        "</body>", "<ul style='list-style-type: \"※ \"'><li>附件</li></ul></body>")
    assert page.count("<ol class='h") == 3
    path = tmp_path / "strings.html"
    path.write_text(page, encoding="utf-8")
    _assert_read_as_the_seed(path, original)
    assert read_document(path).lines[-1] == "※附件"


@pytest.mark.parametrize("style, row", [
    ("visibility:hidden", ["件", "", "12"]),  # the cell's box stays, blank: 12 stays in its column
    ("visibility: collapse", ["件", "", "12"]),  # (on a cell, collapse is hidden)
    ("display:none", ["件", "12"]),  # no box: the browser moves 12 left as well
    ("opacity:0", ["件", "", "12"]),  # (transparent: its box stays too)
])
def test_an_invisible_cell_keeps_its_place_in_its_row(style: str, row: list, tmp_path: Path) -> None:
    # A cell made invisible (visibility:hidden) was removed like one not displayed, and the cells after it stood
    # one column left, under another column's key (['件', '12'] for ['件', '', '12']); a browser shows it blank.
    path = tmp_path / "hidden.html"
    path.write_text(f"<html><body><table><tr><td>件</td><td style='{style}'><p>7</p></td><td>12</td></tr>"
                    f"<tr><td>个</td><td style='{style}' rowspan=2>7</td><td>5</td></tr><tr><td>条</td><td>6</td></tr>"
                    f"</table></body></html>", encoding="utf-8")
    lines = read_document(path).lines
    assert lines[0] == row
    assert lines[1:] == ([["个", "", "5"], ["条", "", "6"]] if len(row) == 3 else [["个", "5"], ["条", "6"]])


@pytest.mark.parametrize("sheet, media, shown", [
    (".old { display: none }", None, []),
    ("p span.on, #x { visibility:hidden }", None, []),
    ("span.old{display:none}", "screen", []),
    ("@charset 'utf-8'; <!-- .old { color: red; DISPLAY: none } -->", "all", []),
    ("@media screen { .old { display: none } }", None, []),
    (".old { display: none } .on { display: inline }", None, ["旧版"]),  # (shown again by a later rule)
    (".old { display: none } span { display: inline }", None, []),  # (a class outweighs a tag)
    ("@media print { .old, #x { display: none } }", None, ["旧版"]),  # (hidden on paper only)
    ("@media (max-width: 600px) { .old { display: none } }", None, ["旧版"]),  # (a phone's: not read as hidden)
    # (a desktop's width, _SCREEN_WIDTH: hidden above 768px, shown again below 600px or above 100em)
    ("@media screen and (min-width: 768px) { .old { display: none } }", None, []),
    (".old { display: none } @media (max-width:600px), (min-width:100em) { .on { display: inline } }", None, []),
    (".old { display: none }", "only screen and (max-width: 40em)", ["旧版"]),
    (".old { display: none }", "print", ["旧版"]),
    # (a desktop's other features: a landscape window, a mouse, the light scheme; 'not print' is the screen's; the
    # width in level 4's ranges: these were not read, and what they hide was read in)
    (".old { display: none }", "not print", []),
    # (a framework's @layer, Tailwind 4's, and an @supports of a feature a browser has: their rules were not read; an
    # @supports not, or an @container, is not read)
    ("@layer base, utilities; @layer utilities { .old { display: none } }", None, []),
    # (the layers weigh as a browser weighs them, before specificity: an unlayered rule over a layered one, a later
    # layer over an earlier one (in the order first named), a sublayer under its layer's own rules; '!important' the
    # other way round.  Read by specificity alone, a layered rule hid what an unlayered one shows, and showed what it
    # hides)
    ("@layer base { .old.on { display: inline } } .old { display: none }", None, []),
    ("@layer u { .old.on { display: none } } .on { display: inline }", None, ["旧版"]),
    ("@layer a, b; @layer b { .old { display: none } } @layer a { span.old.on { display: inline } }", None, []),
    ("@layer a { @layer s { p .old.on { display: none } } } @layer a { .on { display: inline } }", None, ["旧版"]),
    ("@layer a { @layer s { .on { display: inline } } .old { display: none } } @layer { }", None, []),
    ("@layer base { .on { display: none !important } } .old.on { display: inline !important }", None, []),
    ("@layer a, b; @layer a { .on { display: inline !important } } @layer b { .old.on { display: none !important } }",
     None, ["旧版"]),
    # (a revert-layer rolls the display back to what the layers before set: read as a display of its own, neither
    # none nor a block's, it showed what an earlier layer hides; in a rule of no layer it rolls back to the browser's)
    ("@layer a, b; @layer a { .old { display: none } } @layer b { .old.on { display: revert-layer } }", None, []),
    ("@layer a { .old { display: none } } .on { color: red; display: REVERT-LAYER }", None, []),
    (".old { display: none } .on { display: revert-layer }", None, ["旧版"]),
    ("@supports (display: grid) { @media screen { .old { display: none } } }", None, []),
    ("@supports not (display: grid) { .old { display: none } } @container (min-width: 1px) { .old { display: none } }",
     None, ["旧版"]),
    ("@media screen and (orientation: landscape) { .old { display: none } }", None, []),
    ("@media (hover: hover) and (prefers-color-scheme: light) { .old { display: none } }", None, []),
    ("@media (width >= 48rem) { .old { display: none } }", None, []),
    ("@media (orientation: portrait), (prefers-color-scheme: dark), (hover: none), (400px <= width <= 700px), "
     "(min-resolution: 2dppx) { .old { display: none } }", None, ["旧版"]),
    (".old { display: none } .old:hover { display: inline }", None, []),  # (a pseudo-class: not read)
    ("p > span.old { display: none }", None, []),  # (a child combinator: the span is the p's child)
    ("body>p>.old { display: none }", None, []),
    ("body > .old, html > body > span { display: none }", None, ["旧版"]),  # (a grandchild is no child)
    ("p > .old { display: none } body > p > .on { display: inline }", None, ["旧版"]),  # (more specific)
    ("span[class] { display: none }", None, []),  # (an attribute named)
    ("[class] { display: none } .on { display: inline }", None, ["旧版"]),  # (as specific as a class: the last wins)
    # (an attribute's value is read as CSS reads it: '[aria-hidden="true"] { display: none }' hid nothing)
    ("span[class~=old] { display: none }", None, []),
    ("[class='old on'] { display: none }", None, []),
    ("p > [class^=ol]:not(.x), [class$=\"ON\" i] { display: none }", None, []),
    ("span[class=old], [class|=on], [class*=''], [class~=\"d o\"], [title=old] { display: none }", None, ["旧版"]),
    # (siblings and :not are not read: they hide nothing, rather than more than they do)
    ("p + span, p ~ span, span:not(.x), [title] { display: none }", None, ["旧版"]),
    # (... but a rule of such a selector showing what another hides shows it: the shown text was lost; read as if
    # its selector matched more, at its own specificity; a user's action or a pseudo-element's box shows nothing)
    (".old { display: none } span:not(.x) { display: inline }", None, ["旧版"]),
    ("p > span:first-child { display: inline } .old { display: none }", None, ["旧版"]),
    (".old { display: none } .old[class~=on], :is(.y, .z) { display: inline }", None, ["旧版"]),
    ("#x, .old { visibility: hidden } td ~ #x, p > :nth-child(1) { visibility: visible }", None, ["旧版"]),
    (".old { display: none } .old:focus, .old::after, a:hover + .old { display: inline }", None, []),
])
def test_html_elements_hidden_by_the_style_sheet_are_not_read(sheet: str, media: str | None, shown: list,
                                                              tmp_path: Path) -> None:
    # An element a style sheet's rule hides (on its class, id or tag: '.old { display: none }') is not shown, as one
    # its own style hides; it was read ('一、总体情况旧版'), an invisible cell's value in its row.  A rule for print
    # or for another screen (@media) hides nothing on this one; the most specific rule wins, then the last.
    attr = f" media='{media}'" if media else ""
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><style{attr}>{sheet}</style></head><body>"
                    f"<p>一、总体情况<span class='old on'>旧版</span></p>"
                    f"<table><tr><td>件</td><td id='x'>{'9' if '#x' in sheet else ''}</td><td>7</td></tr></table>"
                    f"<p>本年度无。<span class='old' style='display:inline'>见下</span></p></body></html>",
                    encoding="utf-8")
    cell = "9" if "#x" in sheet and shown else ""
    assert read_document(path).lines == ["一、总体情况" + "".join(shown), ["件", cell, "7"], "本年度无。见下"]


def test_a_class_name_escaped_in_a_style_sheet_is_read(tmp_path: Path) -> None:
    # Tailwind's classes hold characters a selector escapes ('md:block' is '.md\\:block', '2xl:block' '.\\32xl\\:block'):
    # such a selector was not read, so a desktop's 'class="hidden md:block"' (hidden on a phone, shown from 768px on)
    # was read hidden by '.hidden { display: none }', a paragraph the browser shows lost; one shown from 1536px on
    # only stays hidden on the desktop the page is read on.
    path = tmp_path / "page.html"
    path.write_text("<html><head><style>.hidden { display: none } @media (min-width: 768px) { .md\\:block { display: "
                    "block } } @media (min-width: 1536px) { .\\32xl\\:block { display: block } }</style></head><body>"
                    "<p>一、总体情况</p><div class='hidden md:block'>本年度无。</div><div class='hidden 2xl:block'>宽屏"
                    "</div><div class='hidden'>菜单</div></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "本年度无。"]


@pytest.mark.parametrize("hide", [
    "<div style='display:none'>{}</div>",
    "{}",  # (the table itself hidden: see the replace below)
    "<section hidden>{}</section>",
    "<div class='old'>{}</div>",
])
def test_a_hidden_duplicate_table_is_not_read(hide: str, tmp_path: Path) -> None:
    # A whole table hidden (by its own style, a container's, the hidden attribute or a sheet's rule: an old version
    # left in the page) was read beside the visible one, so each value counted twice; a browser shows the visible
    # table only.  A hidden table is dropped when the page shows another; a page hiding its only table keeps it.
    old = "<table><tr><td>件</td><td>9</td></tr></table>"
    hidden = hide.format(old) if hide != "{}" else old.replace("<table>", "<table style='display:none'>")
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><style>.old{{display:none}}</style></head><body><p>一、总体情况</p>{hidden}"
                    f"<table><tr><td>件</td><td>7</td></tr></table><p>本年度无。</p></body></html>",
                    encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", ["件", "7"], "本年度无。"]
    path = tmp_path / "only.html"
    path.write_text(f"<html><head><style>.old{{display:none}}</style></head><body><p>一、总体情况</p>{hidden}"
                    f"<p>本年度无。</p></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", ["件", "9"], "本年度无。"]


@pytest.mark.parametrize("sheet, shown", [
    ("article, aside, section { display: block }", ["本年度无。"]),
    ("section { display: block } [hidden] { display: none }", []),
    ("section[hidden] { display: none } section { display: block }", []),
    ("[hidden] { display: block }", ["本年度无。", "旧版"]),
])
def test_an_element_the_hidden_attribute_hides_is_shown_by_a_display(sheet: str, shown: list, tmp_path: Path) -> None:
    # The hidden attribute hides as the browser's own rule '[hidden] { display: none }', which any display of the
    # page's weighs more than: the HTML5 reset of old templates ('article, aside, section { display: block }') shows a
    # <section hidden>, and so does a display in its style.  It was read as hidden ('本年度无。' lost); a sheet's
    # '[hidden] { display: none }' hides it again.
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><style>{sheet}</style></head><body><p>一、总体情况</p><section hidden>本年度无。"
                    "</section><div hidden>旧版</div><p hidden style='display:block'>（完）</p></body></html>",
                    encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", *shown, "（完）"]


def test_a_declaration_commented_out_in_a_style_attribute_hides_nothing(tmp_path: Path) -> None:
    # A browser ignores a CSS comment in a style attribute ('/* display:none; */', a declaration an editor commented
    # out): it was read as the declaration, the text taken for hidden and lost ('（全文）', a cell's 7).
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>一、总体情况<span style='/* display:none; */ color:red'>（全文）</span></p>"
                    "<table><tr><td>件</td><td style=\"/*visibility:hidden*/\">7</td></tr></table>"
                    "<p>本年度无<span style='color:red /* x */; display:none'>旧</span>。</p></body></html>",
                    encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况（全文）", ["件", "7"], "本年度无。"]


def test_html_style_sheet_important_rule_outweighs_the_elements_style(tmp_path: Path) -> None:
    # '!important' in a sheet wins over the element's own style, as in a browser; the element's own '!important'
    # wins over the sheet's (it was read hidden: '本年度无。' lost its '见下')
    path = tmp_path / "page.html"
    path.write_text("<html><head><style>.old{display:none !important}</style></head><body>"
                    "<p>一、总体情况<span class='old' style='display:inline'>旧版</span></p>"
                    "<p>本年度无。<span class='old' style='DISPLAY: inline ! important'>见下</span></p></body></html>",
                    encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况", "本年度无。见下"]


def test_html_style_sheet_in_a_noscript_hides_nothing(tmp_path: Path) -> None:
    # A sheet in a <noscript> ('<noscript><style>.js{display:none}</style></noscript>': for a browser without scripts)
    # is not the page's, as the noscript's text is not read: it hid the paragraph a browser shows.
    path = tmp_path / "page.html"
    path.write_text("<html><head><noscript><style>.js{display:none}</style></noscript></head><body>"
                    "<p>一、总体情况<span class='js'>（全文）</span></p></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["一、总体情况（全文）"]


def test_a_long_ol_is_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each item's number was found by counting the items before it, for every item: a list of n items looked at
    # n²/2 elements (5,000 items, 8 s; 20,000, two minutes). Each list is now counted once.
    from toolkit import webpage

    calls = [0]
    tag_name = webpage._tag_name

    def counted(tag: str) -> str:
        calls[0] += 1
        return tag_name(tag)

    monkeypatch.setattr(webpage, "_tag_name", counted)
    n = 2000
    lines = webpage._read_html(f"<html><body><ol>{'<li>条目' * n}</ol></body></html>".encode(), "p.html", None).lines
    assert lines[0] == "1.条目" and lines[-1] == f"{n}.条目" and len(lines) == n
    assert calls[0] < 10 * n  # (counting the items before each: about n²/2)


def test_word_numbers_of_list_items_in_a_text_box(tmp_path):
    # A heading typed as an item of a Word list inside a text box (w:txbxContent) lost its number: 一、总体情况 set in
    # a box read 总体情况, and the section was not found.  A text box is a story of its own in Word: its lists count
    # apart from the body's.
    from docx.oxml import parse_xml

    ns = (f'xmlns:w="{_W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    items = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                    f'<w:r><w:t>{head}</w:t></w:r></w:p>' for head in _HEADS[:2])
    box = f"<w:txbxContent>{items}</w:txbxContent>"
    run = f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>' \
          f'<mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>'
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), ("机构建设", 2, 0), ("制度建设", 2, 0)]
    path = _numbered_docx(tmp_path / "n.docx", paragraphs,
                          {0: [_lvl(0, "chineseCounting", "%1、")], 1: [_lvl(0, "chineseCounting", "（%1）")]},
                          {1: (0, ""), 2: (1, "")})
    import docx

    document = docx.Document(path)
    document.paragraphs[0]._p.append(parse_xml(run))
    document.save(path)
    assert read_document(path).lines == ["一、总体情况", "二、主动公开政府信息情况", "某市某局2020年政府信息公开工作年度报告",
                                         "（一）机构建设", "（二）制度建设"]


def test_a_level_overridden_whole_counts_apart_in_its_own_format(tmp_path):
    # <w:lvlOverride><w:lvl> in a w:num: the level's start, format and text replace the definition's, and Word
    # counts that list apart.  It counted on with the other lists of the definition: its items read 3. 4. after
    # 一、 二、, and the next heading 五、 for 三、.
    override = '<w:lvlOverride w:ilvl="0">' + _lvl(0, "decimal", "%1.") + "</w:lvlOverride>"
    paragraphs = [(_HEADS[0], 1, 0), (_HEADS[1], 1, 0), ("规章", 2, 0), ("规范性文件", 2, 0), (_HEADS[2], 1, 0)]
    doc = read_document(_numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, "chineseCounting", "%1、")]},
                                       {1: (0, ""), 2: (0, override)}))
    assert doc.lines == ["一、总体情况", "二、主动公开政府信息情况", "1.规章", "2.规范性文件", "三、收到和处理政府信息公开申请情况"]


def test_a_paragraph_moved_with_tracked_changes_is_numbered_where_it_went(tmp_path):
    # A numbered heading moved with tracked changes on: Word leaves its source paragraph, its runs and its mark in
    # w:moveFrom, gone once the move is accepted, and shows it at its w:moveTo.  The empty source still took a number:
    # 总体情况 read 二、总体情况 and every heading after it was one on.
    from docx.oxml import parse_xml

    def moved(kind: str, text: str) -> str:
        stamp = 'w:author="a" w:date="2021-01-01T00:00:00Z"'
        return (f'<w:p xmlns:w="{_W}"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                f'<w:rPr><w:{kind} w:id="1" {stamp}/></w:rPr></w:pPr><w:{kind}RangeStart w:id="9" w:name="move1"/>'
                f'<w:{kind} w:id="2" {stamp}><w:r><w:t>{text}</w:t></w:r></w:{kind}><w:{kind}RangeEnd w:id="9"/></w:p>')

    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), (_HEADS[0], 1, 0), ("本年度工作正常开展。", None, 0),
                  (_HEADS[2], 1, 0)]
    path = _numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, "chineseCounting", "%1、")]}, {1: (0, "")})
    import docx

    document = docx.Document(path)
    body = document.paragraphs
    body[1]._p.addprevious(parse_xml(moved("moveFrom", _HEADS[1])))
    body[3]._p.addprevious(parse_xml(moved("moveTo", _HEADS[1])))
    document.save(path)
    assert read_document(path).lines == ["某市某局2020年政府信息公开工作年度报告", "一、总体情况", "本年度工作正常开展。",
                                         "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]


def test_a_cells_paragraph_whose_mark_is_deleted_joins_the_next(tmp_path):
    # A paragraph whose mark is a tracked deletion (Delete pressed at its end, changes tracked) is shown joined to the
    # next one, as in the body; in a table cell the two were read apart, '规范性 文件', a row label the form lacks.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("（二）主动公开政府信息情况")
    table = document.add_table(rows=2, cols=3)
    for k, text in enumerate(["规章", "0", "0"]):
        table.cell(0, k).text = text
    label = table.cell(1, 0)
    label.text = "规范性"
    label.paragraphs[0]._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr xmlns:w="{_W}"><w:del w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z"/></w:rPr>'))
    label.add_paragraph("文件")
    table.cell(1, 1).text, table.cell(1, 2).text = "1", "5"
    path = tmp_path / "cell.docx"
    document.save(path)
    assert read_document(path).lines == ["（二）主动公开政府信息情况", ["规章", "0", "0"], ["规范性文件", "1", "5"]]


def test_a_hidden_numbered_paragraph_takes_no_number(tmp_path):
    # A numbered paragraph hidden whole (its runs and its mark w:vanish: a template's note left in) is not shown, nor
    # counted, by Word; its number was read alone on a line ('二、') and the headings after it were one on.
    from docx.oxml import parse_xml

    paragraphs = [(_HEADS[0], 1, 0), ("本年度工作正常开展。", None, 0), (_HEADS[1], 1, 0), (_HEADS[2], 1, 0)]
    path = _numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, "chineseCounting", "%1、")]}, {1: (0, "")})
    import docx

    document = docx.Document(path)
    document.paragraphs[2]._p.addprevious(parse_xml(
        f'<w:p xmlns:w="{_W}"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:vanish/>'
        '</w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>填写说明：本节由办公室填写</w:t></w:r></w:p>'))
    document.save(path)
    assert read_document(path).lines == ["一、总体情况", "本年度工作正常开展。", "二、主动公开政府信息情况",
                                         "三、收到和处理政府信息公开申请情况"]


@pytest.mark.parametrize("layout", [False, True], ids=["plain_cell", "layout_cell"])
def test_word_numbers_of_list_items_in_a_text_box_in_a_table_cell(layout, tmp_path):
    # A heading numbered by a Word list inside a text box anchored in a plain table cell (a form's heading cell, a
    # title set in a box over it) was read without its number: '总体情况' for 一、总体情况, the section lost, where a
    # box in the body had its number.  Its boxes count with the body's boxes, once (a layout cell, read as the body,
    # counts its box once too).
    from docx.oxml import parse_xml

    ns = (f'xmlns:w="{_W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    box = (f'<w:txbxContent><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
           f'<w:r><w:t>{_HEADS[0]}</w:t></w:r></w:p></w:txbxContent>')
    run = f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>' \
          f'<mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>'
    path = _numbered_docx(tmp_path / "n.docx", [("某市某局2020年政府信息公开工作年度报告", None, 0)],
                          {0: [_lvl(0, "chineseCounting", "%1、")]}, {1: (0, "")})
    import docx

    document = docx.Document(path)
    text = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，" * 5 if layout else "本年度工作正常开展。"
    table = document.add_table(rows=1, cols=1 if layout else 2)
    table.cell(0, 0).paragraphs[0]._p.append(parse_xml(run))
    table.cell(0, 0 if layout else 1).add_paragraph(text)
    if layout:
        table.cell(0, 0).add_paragraph(text)
    document.save(path)
    lines = read_document(path).lines
    if layout:
        assert lines == ["某市某局2020年政府信息公开工作年度报告", "一、总体情况", text, text]
    else:
        assert lines == ["某市某局2020年政府信息公开工作年度报告", ["一、总体情况", "本年度工作正常开展。"]]


_STYLE_SEPARATOR = f'<w:rPr xmlns:w="{_W}"><w:vanish/><w:specVanish/></w:rPr>'


def test_a_style_separator_shows_its_paragraph_and_the_next_as_one_line(tmp_path):
    # A style separator (a paragraph mark hidden always, w:vanish + w:specVanish: Word's Ctrl+Alt+Enter) sets a heading
    # for the table of contents run in with the text after it: Word shows the two paragraphs as one line, the
    # heading's list number before it.  They were read as two lines.
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), (_HEADS[0], 1, 0), ("本年度工作正常开展。", None, 0),
                  (_HEADS[1], 1, 0), ("本年度主动公开政府信息1369条。", None, 0)]
    path = _headings_with_marks_docx(tmp_path / "n.docx", paragraphs, _STYLE_SEPARATOR)
    assert read_document(path).lines == ["某市某局2020年政府信息公开工作年度报告", "一、总体情况本年度工作正常开展。",
                                         "二、主动公开政府信息情况本年度主动公开政府信息1369条。"]


def _headings_with_marks_docx(path: Path, paragraphs: list, mark: str) -> Path:
    """A DOCX of ``paragraphs`` (see _numbered_docx: the headings numbered 一、 二、 …) whose second and fourth
    paragraphs (the first two headings) carry the paragraph-mark properties ``mark`` (XML of a w:rPr)."""
    import docx
    from docx.oxml import parse_xml

    _numbered_docx(path, paragraphs, {0: [_lvl(0, "chineseCounting", "%1、")]}, {1: (0, "")})
    document = docx.Document(path)
    for k in (1, 3):
        document.paragraphs[k]._p.get_or_add_pPr().append(parse_xml(mark))
    document.save(path)
    return path


@pytest.mark.parametrize("stem", ["001_4d29bfef72dd56db", "pingtan-2023-01"])
def test_headings_set_with_a_style_separator_still_split_the_sections(stem, tmp_path, parsed_seed):
    # The sections' headings run in with their first paragraph by a style separator (one line, as Word shows it):
    # the sections and tables are found as in the report without them.
    import docx
    from docx.oxml import parse_xml
    from docx.text.paragraph import Paragraph

    import toolkit
    from test_formats import _as_lines

    original = parsed_seed(stem)
    render_docx(_as_lines(original), tmp_path / "plain.docx")
    titles = {s.title for s in original.sections}
    document = docx.Document(tmp_path / "plain.docx")
    run_in = []
    for p in document.paragraphs:
        after = p._p.getnext()
        if p.text in titles and after is not None and after.tag == f"{{{_W}}}p":
            text = Paragraph(after, p._parent).text
            if text.strip() and text not in titles:
                p._p.get_or_add_pPr().append(parse_xml(_STYLE_SEPARATOR))
                run_in.append(p.text + text)
    document.save(tmp_path / "run_in.docx")
    assert len(run_in) >= 3
    lines = read_document(tmp_path / "run_in.docx").lines
    assert all(line in lines for line in run_in)
    plain, got = toolkit.parse_report(tmp_path / "plain.docx"), toolkit.parse_report(tmp_path / "run_in.docx")
    assert [(s.key, s.title) for s in got.sections] == [(s.key, s.title) for s in plain.sections]
    assert _cells_of(got) == _cells_of(plain)


def _list_cell_docx(path: Path, cell: list) -> Path:
    """A DOCX of a title and a table of one row: a label cell and a cell of (text, numbered, mark) paragraphs,
    numbered by one list ('%1.'), their mark's properties (a w:rPr, as _STYLE_SEPARATOR) given or none."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from lxml import etree

    path = _numbered_docx(path, [("某市某局2020年政府信息公开工作年度报告", None, 0)],
                          {0: [_lvl(0, "decimal", "%1.")]}, {1: (0, "")})
    document = docx.Document(path)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("存在的主要问题")
    target = table.cell(0, 1)
    for k, (text, numbered, mark) in enumerate(cell):
        p = target.paragraphs[0] if k == 0 else target.add_paragraph()
        if text:
            p.add_run(text)
        if numbered:
            num_pr = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))
            etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0")
            etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "1")
        if mark:
            p._p.get_or_add_pPr().append(parse_xml(mark))
    document.save(path)
    return path


@pytest.mark.parametrize("hidden", [False, True], ids=["shown_mark", "hidden_mark"])
def test_an_empty_numbered_paragraph_in_a_table_cell_is_counted(hidden, tmp_path):
    # Word counts an empty numbered paragraph (it shows its number), in a cell as in the body: the cell's next item
    # read 2. for Word's 3., where the body's read 3.  Its number stays unshown in a cell (no value reads '2.').
    # An empty one whose mark is hidden (w:vanish) is neither shown nor counted, as in the body.
    mark = f'<w:rPr xmlns:w="{_W}"><w:vanish/></w:rPr>' if hidden else None
    items = [("政策解读形式单一。", True, None), ("", True, mark), ("培训不够系统。", True, None)]
    lines = read_document(_list_cell_docx(tmp_path / "n.docx", items)).lines
    assert lines[1] == ["存在的主要问题", f"1.政策解读形式单一。 {2 if hidden else 3}.培训不够系统。"]
    if hidden:
        return
    body = _numbered_docx(tmp_path / "b.docx", [(t, 1, 0) for t, _, _ in items], {0: [_lvl(0, "decimal", "%1.")]},
                          {1: (0, "")})
    assert read_document(body).lines[-1] == "3.培训不够系统。"


@pytest.mark.parametrize("numbered", [False, True])
def test_a_style_separator_in_a_table_cell_shows_one_line(numbered, tmp_path):
    # A style separator (w:specVanish) in a cell: Word shows its paragraph and the next as one line, as in the body,
    # with no space between; the cell read '1.总体情况 本年度工作正常开展。'.
    items = [("总体情况", numbered, _STYLE_SEPARATOR), ("本年度工作正常开展。", False, None), ("培训不够系统。", True, None)]
    lines = read_document(_list_cell_docx(tmp_path / "n.docx", items)).lines
    first, last = ("1.", "2.") if numbered else ("", "1.")
    assert lines[1] == ["存在的主要问题", f"{first}总体情况本年度工作正常开展。 {last}培训不够系统。"]


_HIDDEN_MARK = f'<w:rPr xmlns:w="{_W}"><w:vanish/></w:rPr>'


@pytest.mark.parametrize("place", ["body", "cell"])
def test_a_paragraph_whose_mark_alone_is_hidden_joins_the_next(place, tmp_path):
    # A paragraph whose mark alone is hidden text (w:vanish in its w:pPr/w:rPr, no w:specVanish), its text shown: Word,
    # hidden text not shown, shows it on one line with the next paragraph, its list number before it (the next one's
    # counted, not shown mid-line), as a style separator.  It was read as a line of its own.
    if place == "cell":
        items = [("总体情况", True, _HIDDEN_MARK), ("本年度工作正常开展。", False, None), ("培训不够系统。", True, None)]
        lines = read_document(_list_cell_docx(tmp_path / "n.docx", items)).lines
        assert lines[1] == ["存在的主要问题", "1.总体情况本年度工作正常开展。 2.培训不够系统。"]
        return
    paragraphs = [("某市某局2020年政府信息公开工作年度报告", None, 0), (_HEADS[0], 1, 0), ("本年度工作正常开展。", None, 0),
                  (_HEADS[1], 1, 0), ("本年度主动公开政府信息1369条。", None, 0), (_HEADS[2], 1, 0)]
    path = _headings_with_marks_docx(tmp_path / "n.docx", paragraphs, _HIDDEN_MARK)
    assert read_document(path).lines == ["某市某局2020年政府信息公开工作年度报告", "一、总体情况本年度工作正常开展。",
                                         "二、主动公开政府信息情况本年度主动公开政府信息1369条。",
                                         "三、收到和处理政府信息公开申请情况"]


def test_a_numbered_paragraph_hidden_by_its_style_takes_no_number(tmp_path):
    # A numbered paragraph whose paragraph style is hidden text (a template's '填写说明' style, w:vanish in its w:rPr):
    # the style hides its runs and its mark alike, so Word neither shows nor counts it.  Its runs were taken as
    # hidden but not its mark: its number stood alone on a line ('二、') and every heading after it was one on.
    from docx.enum.style import WD_STYLE_TYPE

    paragraphs = [(_HEADS[0], 1, 0), ("本年度工作正常开展。", None, 0), ("填写说明：本节由办公室填写", 1, 0),
                  (_HEADS[1], 1, 0), (_HEADS[2], 1, 0)]
    path = _numbered_docx(tmp_path / "n.docx", paragraphs, {0: [_lvl(0, "chineseCounting", "%1、")]}, {1: (0, "")})
    import docx

    document = docx.Document(path)
    note = document.styles.add_style("填写说明", WD_STYLE_TYPE.PARAGRAPH)
    note.font.hidden = True
    document.paragraphs[2].style = note
    document.save(path)
    assert read_document(path).lines == ["一、总体情况", "本年度工作正常开展。", "二、主动公开政府信息情况",
                                         "三、收到和处理政府信息公开申请情况"]


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_ends_in_a_text_without_newlines_end_lines(sep):
    # web-page text copied from a browser may end every line with U+2028/U+2029/NEL and have no \n
    assert text_lines(f"二、主动公开政府信息情况{sep}规章{sep}2") == ["二、主动公开政府信息情况", "规章", "2"]
    # beside ordinary line ends they stay what they were (a space, or nothing)
    assert text_lines("规章\u2028一\n2") == ["规章 一", "2"]


def test_a_text_file_of_nel_line_ends_is_read_not_refused_as_binary(tmp_path, parsed_seed):
    # Seed 004 with NEL (U+0085, C2 85 in UTF-8) ending each line and no \n was refused as binary data ('397 control
    # characters in 2735 characters'): text_lines reads such NELs as line ends, but the decoder counted them as
    # controls.  A NEL among ordinary line ends is still one.
    import toolkit
    from toolkit.errors import BinaryFileError

    seed = "004_b232cca7e491c758"
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8")
    path = write_bytes(tmp_path / "nel.txt", text.replace("\n", "\x85").encode("utf-8"))
    got = toolkit.parse_report(path)
    assert _cells_of(got) == _cells_of(parsed_seed(seed))
    with pytest.raises(BinaryFileError):
        decode_bytes(text.replace("\n", "\x85", text.count("\n") - 1).encode("utf-8"))


@pytest.mark.parametrize("markup", [
    "<ruby>政<rt>zhèng</rt>府<rt>fǔ</rt></ruby>信息",
    "<ruby>政府<rp>(</rp><rt>zhèngfǔ</rt><rp>)</rp></ruby>信息",
])
def test_html_ruby_annotation_is_not_read_into_the_text(markup: str, tmp_path: Path) -> None:
    # A ruby annotation (<rt>, pinyin over the characters; <rp>, the brackets a browser without ruby shows) is no text
    # of the report, as Word's phonetic guide is not in a DOCX: it read '政zhèng府fǔ信息'; the text after it is kept.
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>{markup}公开</p><table><tr><td>规章</td><td><ruby>9<rt>jiǔ</rt></ruby></td></tr>"
                    "</table></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["政府信息公开", ["规章", "9"]]


@pytest.mark.parametrize("kind, part, shown", [("text/html", "<html><body><p>88</p></body></html>", "88"),
                                               ("text/plain", "88\n", "88"),
                                               ("text/html", "<p>本年新收</p><p>88件</p>", "本年新收 88件")])
def test_an_embedded_document_of_text_in_a_table_cell_is_the_cells_text(kind: str, part: str, shown: str,
                                                                        tmp_path: Path) -> None:
    # A cell whose text is a whole other document (w:altChunk: a web page or text holding the count, as systems that
    # fill a template from HTML write it): its text was read as a line after the cell's row, the cell blank (the
    # count under no column, the row's other values a column off). Text alone is the cell's own, where Word shows it.
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    chunk = Part(PackURI("/word/chunk1.part"), kind, part.encode("utf-8"), document.part.package)
    rid = document.part.relate_to(chunk, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    form = document.add_table(rows=1, cols=3)
    form.cell(0, 0).text = "一、本年新收政府信息公开申请数量"
    form.cell(0, 2).text = "99"
    cell = form.cell(0, 1)._tc
    cell.remove(cell.find(f"{{{_W}}}p"))
    cell.append(parse_xml(f'<w:altChunk xmlns:w="{_W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                          f'relationships" r:id="{rid}"/>'))
    cell.append(parse_xml(f'<w:p xmlns:w="{_W}"/>'))
    path = tmp_path / "chunk.docx"
    document.save(path)
    assert read_document(path).lines == [["一、本年新收政府信息公开申请数量", shown, "99"]]


def test_reading_modules_import_downward_only():
    # the reading stage is layered: what a document is, then codecs, then what the HTML and Word readers share, then
    # the readers (web pages, text, Word, PDF), then read_document; a module importing one above it would make an
    # import cycle
    import ast

    import toolkit

    layers = ["document", "decoding", "markup", "webpage", "plaintext", "word", "pdf", "readers"]
    root = Path(toolkit.__file__).parent
    for rank, name in enumerate(layers):
        tree = ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module.split(".")[1] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("toolkit.")}
        assert not imported & set(layers[rank:]), (name, sorted(imported & set(layers[rank:])))
    assert {"webpage", "plaintext", "word", "pdf", "decoding", "document"} <= {
        node.module.split(".")[1] for node in ast.walk(ast.parse((root / "readers.py").read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("toolkit.")}


def test_utf8_broken_on_every_line_is_refused_not_read_as_gb18030_mojibake(tmp_path):
    # UTF-8 with a byte pair that is no UTF-8 on each of its lines (too many to replace) read strictly as GB18030:
    # it was returned as mojibake ('淇℃伅鍐呭' for '信息内容'), flagged only as private-use characters; now refused.
    from toolkit.decoding import _try
    from toolkit.errors import DecodeError

    lines = [line + b"\xa1\xa1" for line in (RAW / "000_438c5e5d2b6f4db4.txt").read_bytes().split(b"\n")
             if not line.isascii()]  # (GB's full-width space, 'A1 A1', after each line of Chinese)
    data = b"\n".join(line for line in lines if _try(line + b"\n", "gb18030") is not None) + b"\n"
    assert data.decode("gb18030")  # (the bytes read strictly as GB18030)
    with pytest.raises(DecodeError, match=r"broken\.txt: the bytes are UTF-8 .* read as GB18030 they are mojibake"):
        read_document(write_bytes(tmp_path / "broken.txt", data))
    gb = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").encode("gb18030")  # real GB text is read
    assert read_document(write_bytes(tmp_path / "gb.txt", gb)).encoding == "gb18030"


@pytest.mark.parametrize("text_codec, line_codec, read",
                         [("utf-8", "gb18030", "GB18030"), ("gb18030", "utf-8", "UTF-8")])
def test_a_line_pasted_with_a_rare_names_character_is_read_in_its_encoding(text_codec, line_codec, read):
    # A line pasted from a GB18030 page into a UTF-8 report, or in UTF-8 into a GB one, holding a rare name's character
    # ('䶮', of extension A, which GBK lacks): taken for no line of a report, it was U+FFFD whole ('(\ufffd)\ufffd…'),
    # or read as GB18030 into mojibake ('(涓\ufffd)涓诲姩鍏…') flagged only as one byte replaced.  The line is named
    # in GB18030, where the warning said GBK, which cannot write '䶮'.
    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    pasted = lines[5] + "刘䶮"
    data = "\n".join(lines[:5]).encode(text_codec) + b"\n" + pasted.encode(line_codec) + b"\n" + \
        "\n".join(lines[6:]).encode(text_codec)
    with pytest.warns(ReaderWarning, match=rf"line\(s\) 6 in {read} in a {text_codec.upper()} text"):
        text, codec = decode_bytes(data)
    assert codec == text_codec and text.split("\n")[5] == pasted
