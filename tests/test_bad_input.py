"""Bad input to toolkit.readers: each problem is a ToolkitError naming the file."""
from __future__ import annotations

import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest

from toolkit.errors import (
    BinaryFileError,
    CorruptFileError,
    DecodeError,
    EmptyFileError,
    FileTooLargeError,
    ReaderWarning,
    ReadError,
    ToolkitError,
    UnmappedFontError,
    UnsupportedFormatError,
)
from toolkit import readers, webpage, word
from toolkit.decoding import _magic
from toolkit.readers import decode_bytes, read_document

try:
    from renderers import PDF_BOMBS, cjk_font_path, ole_bytes, pdf_bomb, render_docx, render_html, render_pdf
except ImportError:  # tests/ imported as a package
    from tests.renderers import PDF_BOMBS, cjk_font_path, ole_bytes, pdf_bomb, render_docx, render_html, render_pdf

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEED_001 = RAW / "001_4d29bfef72dd56db.txt"
ROWS = [
    "二、主动公开政府信息情况",
    ["信息内容", "本年新制作数量", "本年新 公开数量", "对外公开 总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "1", "1", "5"],
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def expect(error: type, path: Path, problem: str, **kwargs) -> ToolkitError:
    """read_document(path) raises `error` whose message is '<path>: <problem...>'."""
    with pytest.raises(error, match=re.escape(str(path)) + ": " + problem) as info:
        read_document(path, **kwargs)
    assert isinstance(info.value, ToolkitError)
    assert info.value.path == str(path)
    return info.value


# --------------------------------------------------------------------------
# missing, empty, too large
# --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    err = expect(ReadError, tmp_path / "nope.txt", "file not found")
    assert isinstance(err.__cause__, FileNotFoundError)


def test_a_link_to_a_missing_file_says_so(tmp_path: Path) -> None:
    # A link whose file was moved or deleted (a 'latest.txt' left behind) failed as 'file not found': the
    # researcher sees the name in the folder and cannot tell why.  The message names the link's target.
    (tmp_path / "latest.txt").symlink_to("old/report-2023.txt")
    err = expect(ReadError, tmp_path / "latest.txt",
                 re.escape("file not found (a link to old/report-2023.txt, which does not exist)"))
    assert isinstance(err.__cause__, FileNotFoundError)
    expect(ReadError, tmp_path / "nope.txt", "file not found$")  # no link: as before

def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    expect(ReadError, folder, "is a directory")


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.docx", "empty.pdf", "empty"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    expect(EmptyFileError, write(tmp_path, name, b""), r"file is empty \(0 bytes\)")


@pytest.mark.parametrize(
    "data",
    [b" \n\t \r\n", "\u3000\u3000\n\xa0 \n".encode("utf-8"), " \n\u3000".encode("utf-16"),
     "\ufeff  \n".encode("utf-8"), "\u3000 \n".encode("gbk")],
    ids=["ascii", "fullwidth-utf8", "utf16", "bom-only", "gbk"],
)
def test_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    expect(EmptyFileError, write(tmp_path, "blank.txt", data), "file holds only white space")


@pytest.mark.parametrize("name", ["blank.txt", "blank.html"])
@pytest.mark.parametrize("data, codec", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                                         (b"\x84\x31\x95\x33", "gb18030")], ids=["utf8", "utf16", "gb18030"])
def test_a_file_of_a_byte_order_mark_alone_is_named_so(tmp_path: Path, name: str, data: bytes, codec: str) -> None:
    # An editor's new file saved empty, its byte-order mark alone, was said to hold 'only white space', of which it
    # holds none: the mark is named.  (A mark and white space still hold only white space.)
    expect(EmptyFileError, write(tmp_path, name, data),
           rf"file holds only a byte-order mark \({data.hex(' ').upper()}\)")
    expect(EmptyFileError, write(tmp_path, name, data + " \n".encode(codec)), "file holds only white space")


def test_whitespace_only_html(tmp_path: Path) -> None:
    expect(EmptyFileError, write(tmp_path, "blank.html", b"  \r\n "), "file holds only white space")
    page = b"<html><head><title>t</title></head><body><script>x()</script> &nbsp; </body></html>"
    expect(EmptyFileError, write(tmp_path, "notext.html", page), "the HTML page holds no text")


def _pdf_of_pages(path: Path, pages: list) -> Path:
    """A PDF of one page per item: 'scan' (a page-wide image), 'numbered scan' (one with its page number set over
    it as text), 'printed scan' (one a browser printed, its print header and footer in the margins), 'stamp' (a
    small image), 'shapes', 'blank', or text."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=cjk_font_path())
    pdf.set_font("cjk", size=10)
    for n, page in enumerate(pages, start=1):
        pdf.add_page()
        if page in ("scan", "numbered scan", "printed scan", "stamp"):
            pdf.image(Image.new("L", (300, 400), 200), x=0, y=0, w=40 if page == "stamp" else 210)
            if page == "numbered scan":
                pdf.set_xy(90, 280)
                pdf.cell(30, 8, f"第{n}页")
            if page == "printed scan":
                for y, text in ((2, "2021/1/30 下午6:41    乌当区人民政府2020年政府信息公开工作年度报告"),
                                (288, f"http://www.example.gov.cn/zfxxgk/t20210130_66265123.html    {n}/2")):
                    pdf.set_xy(5, y)
                    pdf.cell(200, 6, text)
        elif page == "shapes":
            pdf.rect(20, 20, 100, 50)
        elif page != "blank":
            pdf.multi_cell(0, 8, page)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("pages, problem", [
    (["scan", "scan"], r"its 2 pages are images \(a scan without a text layer\); OCR it to read the report"),
    (["scan"], r"its page is an image \(a scan without a text layer\); OCR it"),
    (["numbered scan"] * 2,
     r"its 2 pages are images \(a scan without a text layer, but for 6 characters set over it\)"),
    (["blank", "scan"], r"page 2 of 2 is an image \(a scan without a text layer\), the others blank; OCR it"),
    (["shapes"], r"its page holds no character and no image \(blank, or text drawn as shapes\)"),
    (["blank", "stamp"], r"its 2 pages hold no character and no image"),  # (a stamp alone is no scan)
    # a web page of the report as images, printed by a browser: its print header and footer (title, date, URL) set
    # over each scan were more than a few characters, so the scans were pages of text, read as the title alone
    (["printed scan"] * 2,
     r"its 2 pages are images \(a scan without a text layer, but for \d+ characters set over it\); OCR it"),
], ids=["scan", "one-page-scan", "numbered-scans", "scan-and-blank", "shapes", "blank-and-stamp", "printed-scans"])
def test_pdf_without_text_layer(tmp_path: Path, pages: list, problem: str) -> None:
    # Before, every PDF without a character was 'a scanned image without a text layer?', blank pages too, and a scan
    # with its page numbers set over it as text was 'the PDF holds no text', without a reason.
    expect(EmptyFileError, _pdf_of_pages(tmp_path / "scan.pdf", pages), "the PDF holds no text: " + problem)


def test_pdf_with_scanned_pages_among_text_pages_says_so(tmp_path: Path) -> None:
    # A report printed and scanned in part (the statistics tables, the signed last page): before, those pages
    # were left out without a word.
    import toolkit

    path = _pdf_of_pages(tmp_path / "mixed.pdf", ["一、总体情况\n二、主动公开政府信息情况", "scan", "stamp",
                                                  "numbered scan", "printed scan"])
    with pytest.warns(ReaderWarning, match="pages 2, 4 and 5 are images without text \\(a scan\\): not read"):
        report = toolkit.parse_report(path)
    assert [f.code for f in report.flags if f.code == "scanned_pages"] == ["scanned_pages"]


def test_oversize_file_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "big.txt", SEED_001.read_bytes())
    size = path.stat().st_size

    def no_open(*args, **kwargs):  # the size check must come before reading
        raise AssertionError("file was opened")

    monkeypatch.setattr("builtins.open", no_open)
    expect(
        FileTooLargeError, path,
        f"file is {size} bytes, larger than the limit max_bytes=1000", max_bytes=1000,
    )
    monkeypatch.undo()
    assert read_document(path, max_bytes=size).lines  # exactly at the limit is fine


def _stat_smaller(monkeypatch, path: Path, size: int) -> None:
    """Make os.stat give ``path`` as ``size`` bytes, as if it grew after the stat (or as /proc gives 0)."""
    real = os.stat

    def stat(p, *args, **kwargs):
        st = real(p, *args, **kwargs)
        if os.fspath(p) != os.fspath(path):
            return st
        fields = list(st)
        fields[6] = size  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stat)


@pytest.mark.parametrize("stated", [0, 100])
def test_file_larger_than_stat_says_is_read_whole(tmp_path: Path, monkeypatch, stated: int) -> None:
    # the read takes the size stat gives and a byte more, then the rest: seed 001 is read as it is
    path = write(tmp_path, "grown.txt", SEED_001.read_bytes())
    size = path.stat().st_size
    _stat_smaller(monkeypatch, path, stated)
    assert read_document(path).lines == read_document(SEED_001).lines
    # grown past the limit between the stat and the read: refused as before, not cut at the limit
    expect(FileTooLargeError, path, "file is larger than the limit max_bytes=1000", max_bytes=1000)
    assert read_document(path, max_bytes=size).lines == read_document(SEED_001).lines


def test_docx_that_expands_too_much(tmp_path: Path) -> None:
    render_docx(ROWS, tmp_path / "ok.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "ok.docx") as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("word/media/padding.bin", b"\0" * 5_000_000)  # compresses to ~5 KB
    path = write(tmp_path, "bomb.docx", buf.getvalue())
    assert path.stat().st_size < 60_000
    expect(FileTooLargeError, path, r"DOCX expands to \d+ bytes when unzipped", max_bytes=60_000)


def test_a_pages_linked_sheets_are_put_in_up_to_a_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A page's linked style sheets (in a web archive, or in its folder: 报告_files/) were each put in as a <style>,
    # without bound: a page of 10,000 links to one sheet of 2 MiB put in 20 GB of text.  Past a total of sheets'
    # text (8 MiB; scaled down here), a link's sheet is no longer put in: what it hides is read.
    monkeypatch.setattr(webpage, "_LINKED_SHEETS_MAX", 60, raising=False)
    (tmp_path / "a_files").mkdir()
    (tmp_path / "a_files" / "a.css").write_text(".a { display: none }" + " " * 20, encoding="utf-8")
    (tmp_path / "a_files" / "b.css").write_text(".b { display: none }" + " " * 20, encoding="utf-8")
    path = write(tmp_path, "a.html", ("<html><head><link rel=stylesheet href='a_files/a.css'>"
                                      "<link rel=stylesheet href='a_files/b.css'></head><body>"
                                      "<p>一、总体情况<span class=a>旧</span><span class=b>新</span></p>"
                                      "</body></html>").encode())
    assert read_document(path).lines == ["一、总体情况新"]

def test_docx_whose_text_part_is_a_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Paragraphs of one word repeated: word/document.xml compresses some 300 times. Under the limit of the
    # whole file's expansion (10 x max_bytes) it was parsed whole: a 270 KB file whose document.xml held 79 MB
    # took 140 s and 1.9 GB, one at the default limit (500 MB) some 10 GB. Scaled down here.
    monkeypatch.setattr(word, "_DOCX_XML_LIMIT", 1_000_000, raising=False)
    render_docx(ROWS, tmp_path / "ok.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "ok.docx") as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "word/document.xml":
                part = part.replace(b"</w:body>", "<w:p><w:r><w:t>公开</w:t></w:r></w:p>".encode() * 20_000
                                    + b"</w:body>")
            dst.writestr(info, part)
    path = write(tmp_path, "bomb.docx", buf.getvalue())
    assert path.stat().st_size < 100_000
    expect(FileTooLargeError, path, r"the XML parts of the DOCX expand to \d+ bytes when unzipped, more than the "
           r"limit of 1000000 bytes \(the larger of max_bytes and 1000000\)", max_bytes=200_000)
    assert read_document(tmp_path / "ok.docx", max_bytes=200_000).lines  # the file it was made from is read


# --------------------------------------------------------------------------
# binary, undecodable, unsupported
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data, not text: the content is a PNG image"),
        ("一、总体情况\n".encode() + b"\x00\x01\x02\x03" * 50, "contains NUL bytes: binary data, not text"),
        ("一、总体情况".encode() + b"\x01\x02\x1b\x7f" * 20, r"binary data, not text: 80 control characters"),
    ],
    ids=["png", "nul", "controls"],
)
def test_binary_text_file(tmp_path: Path, data: bytes, problem: str) -> None:
    expect(BinaryFileError, write(tmp_path, "report.txt", data), problem)


@pytest.mark.parametrize("name", ["report.txt", "report.html"])
def test_an_rtf_document_named_txt_or_html_is_refused_as_one_named_rtf(tmp_path: Path, name: str) -> None:
    # An RTF saved as .txt (or .html) was read as text: its control words in the report's lines ('{\\rtf1\\ansi…'
    # as its first line, a '\\par' after each), where named .rtf, .doc or with no extension it is refused
    lines = SEED_001.read_text(encoding="utf-8").splitlines()
    body = "".join(f"{line}\\par\n" for line in lines).encode("gbk", errors="replace")
    data = b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil SimSun;}}\n" + body + b"}\n"
    err = expect(UnsupportedFormatError, write(tmp_path, name, data), r"unsupported format: the content is an RTF "
                 rf"document named \{name[6:]}; save the report as \.docx, \.pdf, \.html or \.txt$")
    rtf = expect(UnsupportedFormatError, write(tmp_path, "report.rtf", data), "unsupported file format")
    assert err.problem.rsplit("; ", 1)[1] == rtf.problem.rsplit("; ", 1)[1].split(" (", 1)[0]


@pytest.mark.parametrize("codec, half", [("utf-16-le", b"\x3d\xd8"), ("utf-16-be", b"\xd8\x3d"),
                                         ("utf-16-le", b"\x00\xdc")])
def test_utf16_without_bom_with_a_lone_surrogate_is_read(tmp_path: Path, codec: str, half: bytes) -> None:
    # seed 001 saved as UTF-16 without a byte-order mark, with half of an emoji (a lone surrogate) in it, was
    # refused whole as 'contains NUL bytes: binary data'; with a mark the same bytes were read, the unit as U+FFFD
    # flagged bad_bytes: so they are now
    from toolkit.report import parse_report

    text = SEED_001.read_text(encoding="utf-8")
    data = text.encode(codec)
    cut = data.index("一、总体情况".encode(codec))
    path = write(tmp_path, "report.txt", data[:cut] + half + data[cut:])
    with pytest.warns(ReaderWarning, match=rf"1 byte sequence\(s\) that are not {codec.upper()} in a "
                                           rf"{codec.upper()} text without byte-order mark"):
        doc = read_document(path)
    assert doc.encoding == codec and "\n".join(doc.lines).replace("\ufffd", "") == "\n".join(
        read_document(SEED_001).lines)
    with pytest.warns(ReaderWarning):
        report = parse_report(path)
    assert "bad_bytes" in {f.code for f in report.flags}
    assert report.table("requests").equals(parse_report(SEED_001).table("requests"))


def test_binary_html_file(tmp_path: Path) -> None:
    expect(BinaryFileError, write(tmp_path, "report.html", b"<html>\x00\x00\x00\x01</html>" * 10), "contains NUL bytes")


@pytest.mark.parametrize("control", ["\x01", "\x1b", "\x7f", "\x85", "\x9f"])
@pytest.mark.parametrize("count", [1, 3, 4, 40])
def test_html_control_characters_counted_in_the_pages_bytes(tmp_path: Path, control: str, count: int) -> None:
    # A page's control characters are counted in its UTF-8 bytes (C1 controls are two bytes there), with the
    # count of the text's: the same pages refused, with the same message. Characters whose bytes look alike
    # (U+00A0 and Â are C2 A0 and C3 82, U+0100 is C4 80) are no controls.
    from toolkit import decoding

    text = "<html><body><p>" + "一、总体情况\xa0Â\u0100" * 30 + control * count + "</p></body></html>"
    for one in (text, text.replace("一", "a")):  # a page of Chinese characters and one of Latin-1 ones
        expected = None
        try:
            decoding._check_not_binary(one, "x.html")
        except BinaryFileError as exc:
            expected = str(exc)
        found = None
        try:
            decoding._check_not_binary(one, "x.html", one.encode("utf-8"))
        except BinaryFileError as exc:
            found = str(exc)
        assert found == expected
    path = write(tmp_path, "report.html", text.encode("utf-8"))
    if count * 100 > len(text):
        expect(BinaryFileError, path, f"binary data, not text: {count} control characters in {len(text)} characters")
    else:
        assert "一、总体情况" in read_document(path).lines[0]


@pytest.mark.parametrize("name", ["report.txt", "report.html"])
def test_undecodable_bytes(tmp_path: Path, name: str) -> None:
    data = "一、总体情况 ".encode("utf-8") + b"\x80\x80\xff\xfe text"
    err = expect(
        DecodeError, write(tmp_path, name, data),
        r"cannot decode the bytes in any supported encoding \(UTF-8, GBK, GB18030.*\); "
        r"first bad byte for UTF-8 at offset 19 \(0x8080fffe\), for GB18030 at offset 2 ",
    )
    assert "pass encoding=" in str(err)


def test_wrong_explicit_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "gbk.txt", "一、总体情况".encode("gbk"))
    err = expect(DecodeError, path, r"cannot decode the bytes as utf-8: invalid start byte at byte offset 2 \(0xa1a2d7dc\)", encoding="utf-8")
    assert isinstance(err.__cause__, UnicodeDecodeError)
    assert read_document(path, encoding="gbk").lines == ["一、总体情况"]


def test_decode_bytes_errors_name_the_file() -> None:
    with pytest.raises(DecodeError, match=r"^a\.txt: cannot decode the bytes as gbk"):
        decode_bytes(b"\xff\xff\xff", path="a.txt", encoding="gbk")
    with pytest.raises(BinaryFileError, match=r"^<text>: contains NUL bytes"):
        decode_bytes(b"\x00\x01\x02\x03\x04\x05abc")
    with pytest.raises(TypeError, match="data must be bytes, got str"):
        decode_bytes("一、总体情况")


@pytest.mark.parametrize(
    "name, problem",
    [
        ("report.xyz", r"unsupported file extension '\.xyz' \(supported: \.txt"),
        ("report.json", r"unsupported file extension '\.json'"),
        ("report.rtf", r"unsupported file format '\.rtf'; save the report as \.docx"),
        ("report.xls", r"unsupported file format '\.xls'"),
    ],
)
def test_unknown_extension(tmp_path: Path, name: str, problem: str) -> None:
    expect(UnsupportedFormatError, write(tmp_path, name, SEED_001.read_bytes()), problem)


@pytest.mark.parametrize(
    "data, problem",
    [
        (ole_bytes({"Workbook": b"\x09\x08"}), r"an OLE compound file holding an Excel workbook \(\.xls/\.et\)"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "the content is a PNG image"),
        (bytes(range(256)) * 8, "binary content that is not PDF, DOCX, HTML or text"),
    ],
    ids=["ole", "png", "random"],
)
def test_unrecognised_content_without_extension(tmp_path: Path, data: bytes, problem: str) -> None:
    expect(UnsupportedFormatError, write(tmp_path, "download", data), "unsupported format: " + problem)


@pytest.mark.parametrize("name", ["reports.zip", "reports.RAR", "reports.7z"])
def test_an_archive_is_named_one_to_unpack(tmp_path: Path, name: str) -> None:
    # A folder's downloaded archive got 'unsupported file extension' and the list of those read, with no word
    # that its reports are inside: it is named an archive, to unpack
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(SEED_001.name, SEED_001.read_bytes())
    ext = re.escape(repr(Path(name).suffix.lower()))
    expect(UnsupportedFormatError, write(tmp_path, name, buf.getvalue()),
           f"unsupported file format {ext}: an archive; unpack it and give the files it holds")


def _seed_archive(kind: str) -> bytes:
    """Seed 001 packed as ``kind`` ('zip', 'gzip'), or the start of a RAR archive ('rar')."""
    if kind == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(SEED_001.name, SEED_001.read_bytes())
        return buf.getvalue()
    if kind == "gzip":
        import gzip

        return gzip.compress(SEED_001.read_bytes())
    return b"Rar!\x1a\x07\x01\x00" + bytes(range(256))


@pytest.mark.parametrize("name, kind", [("download", "zip"), ("view.jsp?id=3", "zip"), ("report", "rar"),
                                        ("report.", "gzip")])
def test_an_archive_without_its_extension_is_named_one_to_unpack(tmp_path: Path, name: str, kind: str) -> None:
    # a 'download.jsp' that served the reports zipped was 'a ZIP archive that is not a DOCX' (or 'the content is
    # a RAR archive') with no word to unpack it, which a .zip of the same bytes gets; its row in a corpus run too
    from toolkit.corpus import extract_corpus

    path = write(tmp_path, name, _seed_archive(kind))
    expect(UnsupportedFormatError, path, r"unsupported format: .*archive.*; unpack it and give the files it holds")
    row = extract_corpus([path], jobs=1)["reports"].iloc[0]
    assert row["status"] == "failed" and "; unpack it and give the files it holds" in row["error"], row["error"]


def test_a_zip_package_without_its_extension_is_not_said_to_be_unpacked(tmp_path: Path) -> None:
    # an Office package that is no DOCX (a workbook saved as 'download') holds no reports to unpack
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    err = expect(UnsupportedFormatError, write(tmp_path, "download", buf.getvalue()),
                 "unsupported format: a ZIP archive that is not")
    assert "unpack" not in str(err)


def _workbook() -> bytes:
    """A ZIP package that is no DOCX: an Office workbook's parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".doc", ".mht"])
@pytest.mark.parametrize("kind", ["archive", "workbook"])
def test_a_zip_under_a_read_extension_is_named_and_told_what_to_do(tmp_path: Path, ext: str, kind: str) -> None:
    # seed 001 zipped and saved as report.txt failed 'binary data, not text: the content is a ZIP archive
    # (DOCX/XLSX)', as .pdf 'no %PDF- header (...)', as .doc 'not a Word document': as if it were a DOCX (which
    # would be read), with no word to unpack it; it is now told as a file with no extension is, in a corpus too
    from toolkit.corpus import extract_corpus

    data = _seed_archive("zip") if kind == "archive" else _workbook()
    path = write(tmp_path, "report" + ext, data)
    todo = "unpack it and give the files it holds" if kind == "archive" else "save the report as .docx"
    problem = "unsupported format: a ZIP archive that is not a DOCX (no word/document.xml) nor an OFD (no OFD.xml); "
    err = expect(UnsupportedFormatError, path, re.escape(problem + todo))
    assert "DOCX/XLSX" not in str(err)
    row = extract_corpus([path], jobs=1)["reports"].iloc[0]
    assert row["status"] == "failed" and problem + todo in row["error"], row["error"]


@pytest.mark.parametrize("ext", [".docx", ".ofd"])
def test_a_zip_of_files_named_docx_or_ofd_is_told_to_be_unpacked(tmp_path: Path, ext: str) -> None:
    # seed 001 zipped and saved as report.docx was 'not a valid DOCX: word/document.xml is missing' (as .ofd 'not a
    # valid OFD: OFD.xml is missing'), a package missing its main part, where under every other name it is an
    # archive to unpack; a ZIP holding no XML part, which every package holds, is told so under these names too
    path = write(tmp_path, "report" + ext, _seed_archive("zip"))
    expect(UnsupportedFormatError, path, re.escape("unsupported format: a ZIP archive that is not a DOCX (no "
                                                   "word/document.xml) nor an OFD (no OFD.xml); unpack it and give "
                                                   "the files it holds (or their folder)"))
    # a package missing its main part is still that format's reader's
    expect(CorruptFileError, write(tmp_path, "book" + ext, _workbook()),
           r"not a valid (DOCX: word/document|OFD: OFD)\.xml is missing")


@pytest.mark.parametrize("members, unpack", [
    ([("Doc_0/Document.xml", "<ofd:Document/>"), ("Doc_0/Pages/Page_0/Content.xml", "<ofd:Page/>")], False),
    ([("mimetype", "application/zip"), ("001.txt", None)], True)])
def test_a_zip_is_an_archive_or_a_package_by_one_rule_under_every_name(tmp_path: Path, members: list,
                                                                       unpack: bool) -> None:
    # an OFD's parts without OFD.xml were a package missing its main part named .ofd or .docx (it holds XML
    # parts), an archive of files to unpack named .txt or with no extension (no [Content_Types].xml nor mimetype);
    # seed 001 zipped beside a mimetype the other way round: two rules answered one question
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members:
            zf.writestr(name, SEED_001.read_bytes() if text is None else text.encode())
    told = {}
    for ext in (".txt", ".html", ".pdf", ".doc", "", ".docx", ".ofd"):
        with pytest.raises(ToolkitError) as info:
            read_document(write(tmp_path, "report" + ext, buf.getvalue()))
        told[ext] = "unpack it and give the files it holds" in str(info.value)
    assert told == dict.fromkeys(told, unpack)


@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".doc", ".docx", ".ofd", ".mht", ""])
def test_an_empty_zip_is_named_an_empty_zip_under_every_name(tmp_path: Path, ext: str) -> None:
    # a ZIP that holds no file begins with its end of central directory (PK\x05\x06), no local header: named .txt
    # it was 'binary data, not text: 2 control characters in 4 characters', named .pdf 'no %PDF- header', named
    # .docx 'word/document.xml is missing', with no extension 'binary content that is not PDF, DOCX, HTML or text'
    from toolkit.corpus import extract_corpus

    buf = io.BytesIO()
    zipfile.ZipFile(buf, "w").close()
    path = write(tmp_path, "report" + ext, buf.getvalue())
    problem = "unsupported format: the content is an empty ZIP archive (it holds no file)"
    expect(UnsupportedFormatError, path, re.escape(problem))
    row = extract_corpus([path], jobs=1)["reports"].iloc[0]
    assert row["status"] == "failed" and problem in row["error"], row["error"]


@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".doc", ".docx", ".ofd", ".mht"])
@pytest.mark.parametrize("kind, what", [("gzip", "a gzip archive"), ("rar", "a RAR archive")])
def test_an_archive_under_a_read_extension_is_told_to_be_unpacked(tmp_path: Path, ext: str, kind: str,
                                                                   what: str) -> None:
    # seed 001 gzipped and saved as report.txt failed 'binary data, not text: the content is a gzip archive' (as
    # .pdf 'no %PDF- header (...)', as .doc 'not a Word document', as .docx 'not a valid DOCX: the content is a
    # gzip archive named .docx'), with no word to unpack it, which the same bytes with no extension get; named .mht
    # it was a CorruptFileError, 'not a web archive: no MIME header'
    path = write(tmp_path, "report" + ext, _seed_archive(kind))
    expect(UnsupportedFormatError, path, re.escape(f"unsupported format: the content is {what}; unpack it and give "
                                                   "the files it holds (or their folder)"))


@pytest.mark.parametrize("ext", [".pdf", ".txt", ".doc", ""])
def test_a_zip_storing_a_pdf_first_is_an_archive_not_that_pdf(tmp_path: Path, ext: str) -> None:
    # A ZIP of two reports, the first a PDF stored uncompressed (as archivers store what does not compress), was
    # read as that PDF under any name: its '%PDF-' header stands in the ZIP's first 1024 bytes, where a PDF's header
    # may follow other bytes, and was looked for before the ZIP's signature; the second report was lost unsaid
    render_pdf(ROWS, tmp_path / "ok.pdf")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("report.pdf", (tmp_path / "ok.pdf").read_bytes())
        zf.writestr("report-2023.txt", SEED_001.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    assert b"%PDF-" in buf.getvalue()[:1024]
    expect(UnsupportedFormatError, write(tmp_path, "reports" + ext, buf.getvalue()),
           re.escape("unsupported format: a ZIP archive that is not a DOCX (no word/document.xml) nor an OFD (no "
                     "OFD.xml); unpack it and give the files it holds (or their folder)"))


def test_a_docx_named_zip_is_still_read(tmp_path: Path) -> None:
    # the content decides: only a ZIP that is no DOCX (OFD) is refused as an archive
    from renderers import render_docx

    render_docx(["一、总体情况", "本年度主动公开政府信息1条。"], tmp_path / "report.zip")
    assert read_document(tmp_path / "report.zip").format == "docx"


def test_zip_that_is_not_a_docx_without_extension(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("data.csv", "a,b\n1,2\n")
    expect(UnsupportedFormatError, write(tmp_path, "download", buf.getvalue()), "unsupported format: a ZIP archive that is not a DOCX")


# --------------------------------------------------------------------------
# corrupt DOCX / PDF
# --------------------------------------------------------------------------


def test_truncated_docx(tmp_path: Path) -> None:
    # A DOCX cut short was 'not a valid DOCX: not a ZIP archive or truncated' as .docx, and named a damaged ZIP
    # under any other name (test_a_docx_cut_short_under_another_name_is_named_a_damaged_zip): one fault, one message
    render_docx(ROWS, tmp_path / "ok.docx")
    data = (tmp_path / "ok.docx").read_bytes()
    err = expect(CorruptFileError, write(tmp_path, "cut.docx", data[: len(data) // 2]),
                 r"a damaged ZIP archive that cannot be opened \(its central directory is missing or damaged: "
                 r"a DOCX cut short\?\); download or save it again$")
    assert isinstance(err.__cause__, zipfile.BadZipFile)
    under_another_name = expect(CorruptFileError, write(tmp_path, "cut.doc", data[: len(data) // 2]), "a damaged")
    assert err.problem == under_another_name.problem


@pytest.mark.parametrize("data, problem", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, r"not a valid DOCX: the content is a PNG image named \.docx$"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 64, r"not a valid DOCX: the content is a JPEG image named \.docx$"),
    (b"plain words, no package", r"not a valid DOCX: not a ZIP archive$"),
], ids=["png", "jpeg", "unknown"])
def test_content_that_is_no_zip_named_docx_says_what_it_is(tmp_path: Path, data: bytes, problem: str) -> None:
    # A PNG named .docx was 'not a valid DOCX: not a ZIP archive or truncated (the content is a PNG image)': a DOCX
    # cut short still begins as a ZIP (test_truncated_docx), so the truncation was no cause to guess
    expect(CorruptFileError, write(tmp_path, "report.docx", data), problem)


# Content the readers tell by its signature, as written under a document's extension: one class for each, whatever
# the extension (a PNG named .doc was an UnsupportedFormatError, named .docx, .pdf or .ofd a CorruptFileError)
_MISNAMED = {
    "png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, CorruptFileError, "a PNG image"),
    "jpeg": (b"\xff\xd8\xff\xe0" + b"\0" * 64, CorruptFileError, "a JPEG image"),
    "gif": (b"GIF89a" + b"\0" * 64, CorruptFileError, "a GIF image"),
    "rtf": (b"{\\rtf1\\ansi hello}", CorruptFileError, "an RTF document"),
    "zip_cut": (b"PK\x03\x04" + b"\0" * 64, CorruptFileError, "a damaged ZIP archive"),
    "pdf_cut": (b"%PDF-1.4\n1 0 obj", CorruptFileError, "not a valid PDF"),
    "ole_cut": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, CorruptFileError, "not a valid Word document"),
    "gzip": (b"\x1f\x8b\x08\x00" + b"\0" * 64, UnsupportedFormatError, "a gzip archive; unpack it"),
    "rar": (b"Rar!\x1a\x07\x00" + b"\0" * 64, UnsupportedFormatError, "a RAR archive; unpack it"),
    "7z": (b"7z\xbc\xaf\x27\x1c" + b"\0" * 64, UnsupportedFormatError, "a 7z archive; unpack it"),
}


@pytest.mark.parametrize("kind", sorted(_MISNAMED))
def test_content_not_what_its_extension_says_is_one_class_under_every_extension(tmp_path: Path, kind: str) -> None:
    data, error, what = _MISNAMED[kind]
    # every extension of a document format (a text or HTML file holding such bytes is a BinaryFileError, and a file
    # named .mht that is no web archive a CorruptFileError, as documented)
    exts = sorted(ext for ext, fmt in readers._EXTENSIONS.items() if fmt in ("doc", "docx", "pdf", "ofd"))
    assert {".doc", ".dot", ".wps", ".docx", ".pdf", ".ofd"} <= set(exts)
    for ext in exts:
        err = expect(error, write(tmp_path, "report" + ext, data), ".*" + re.escape(what))
        assert type(err) is error, (ext, type(err).__name__)
        if _magic(data) == what:  # and in the same words (a PNG named .doc was 'unsupported format: the
            # content is a PNG image, not a Word document', named .docx 'the content is a PNG image named .docx')
            assert err.problem.endswith(f": the content is {what} named {ext}"), (ext, err.problem)


def test_zip_without_document_xml(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    expect(CorruptFileError, write(tmp_path, "hollow.docx", buf.getvalue()), "not a valid DOCX: word/document.xml is missing")


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    render_docx(ROWS, tmp_path / "ok.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "ok.docx") as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = body[: len(body) // 2]
            dst.writestr(info, body)
    expect(CorruptFileError, write(tmp_path, "broken.docx", buf.getvalue()), "not a valid DOCX: XMLSyntaxError")


@pytest.mark.parametrize("name", ["a.docx", "a.txt", "a.doc", "a.html", "a.pdf"])
def test_a_pdf_or_docx_under_another_name_is_read_for_what_it_is(tmp_path: Path, name: str) -> None:
    # Sites serve download.jsp files that are saved as .doc; before, a PDF named .docx or .txt and a DOCX
    # named .doc were refused ('save the report as .docx'), though the reader reads them.
    for fmt, render in (("pdf", render_pdf), ("docx", render_docx)):
        render(ROWS, tmp_path / f"real.{fmt}")
        (tmp_path / fmt).mkdir()
        doc = read_document(write(tmp_path / fmt, name, (tmp_path / f"real.{fmt}").read_bytes()))
        assert doc.format == fmt and ["规范性文件", "1", "1", "5"] in doc.lines
    # a broken PDF named .txt gets the PDF reader's error, not a text one
    expect(CorruptFileError, write(tmp_path, "broken.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "not a valid PDF")


@pytest.mark.parametrize("name", ["report.txt", "report.html"])
def test_a_text_naming_the_pdf_header_in_its_words_is_no_pdf(tmp_path: Path, name: str) -> None:
    # A report whose first 1024 bytes say '%PDF-' in its words (seed 001 with '附件格式为%PDF-1.7。' as its second
    # line) was taken for a PDF whose header follows other bytes: 'not a valid PDF: PdfminerException: No /Root
    # object!'; a header after other bytes is a line of its own ('%PDF-1.7' and the line's end)
    lines = SEED_001.read_text(encoding="utf-8").splitlines(keepends=True)
    text = "".join([lines[0], "附件格式为%PDF-1.7。\n", *lines[1:]])
    if name.endswith(".html"):
        text = render_html([line.rstrip("\n") for line in text.splitlines()])
        text = text if isinstance(text, str) else text.decode("utf-8")
    assert "%PDF-" in text.encode("utf-8")[:1024].decode("utf-8", "ignore")
    doc = read_document(write(tmp_path, name, text.encode("utf-8")))
    assert doc.format == name[7:].replace("txt", "text") and "附件格式为%PDF-1.7。" in doc.lines
    # a PDF after an HTTP header saved before it is still a PDF
    render_pdf(ROWS, tmp_path / "ok.pdf")
    served = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n" + (tmp_path / "ok.pdf").read_bytes()
    assert read_document(write(tmp_path, "served" + name[6:], served)).format == "pdf"


@pytest.mark.parametrize("name", ["page.txt", "page.doc", "page.pdf", "page.docx", "page.ofd"])
def test_a_web_page_saved_as_txt_or_doc_is_read_as_html(tmp_path: Path, name: str) -> None:
    # Before, the tags were read as text (no title or agency, '</p></body></html>' inside the last section),
    # and a page served as .doc (Word's 'Web page') was refused; one saved as .pdf (a site's download link that
    # serves the report's page) failed with 'no %PDF- header', and as .docx with 'not a valid DOCX: not a ZIP
    # archive or truncated', where the same page as .pdf or .ofd was read.
    page = render_html(ROWS)
    for data in (page, page[page.index(b"<meta"):]):  # also a page that starts with its <meta>
        doc = read_document(write(tmp_path, name, data))
        assert doc.format == "html" and ["规章", "0", "0", "0"] in doc.lines
    text = "一、总体情况\n<html> 标签不在行首时是正文\n".encode()
    assert read_document(write(tmp_path, "prose.txt", text)).format == "text"


def test_a_password_protected_docx_is_named_so(tmp_path: Path) -> None:
    # An encrypted DOCX is an OLE2 container holding an EncryptedPackage stream: before, 'a legacy Office file'.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
    expect(CorruptFileError, write(tmp_path, "locked.docx", data), r"not a valid DOCX: .*password-protected Office file")


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"garbage " * 100, r"not a valid PDF: no %PDF- header"),
        (b"%PDF-1.7\n" + b"garbage " * 100, r"not a valid PDF: PdfminerException"),
    ],
    ids=["no-header", "no-root"],
)
def test_garbage_pdf(tmp_path: Path, data: bytes, problem: str) -> None:
    expect(CorruptFileError, write(tmp_path, "report.pdf", data), problem)


@pytest.mark.parametrize("data, what", [(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "a PNG image"),
                                        (b"\xff\xd8\xff\xe0" + b"\0" * 64, "a JPEG image")], ids=["png", "jpeg"])
def test_an_image_named_pdf_says_what_it_is(tmp_path: Path, data: bytes, what: str) -> None:
    # A scan saved as .pdf that is a PNG was 'not a valid PDF: no %PDF- header (the content is a PNG image)', where
    # the DOCX and OFD readers say 'the content is a PNG image named .docx': the same words now
    docx = expect(CorruptFileError, write(tmp_path, "report.docx", data), "not a valid DOCX: ")
    err = expect(CorruptFileError, write(tmp_path, "report.pdf", data),
                 f"not a valid PDF: the content is {what} named \\.pdf$")
    assert err.problem.split(": ", 1)[1] == docx.problem.split(": ", 1)[1].replace(".docx", ".pdf")


def test_truncated_pdf(tmp_path: Path) -> None:
    render_pdf(ROWS, tmp_path / "ok.pdf")
    data = (tmp_path / "ok.pdf").read_bytes()
    path = write(tmp_path, "cut.pdf", data[: len(data) // 3])
    with pytest.raises(ToolkitError, match=re.escape(str(path)) + ": ") as info:
        read_document(path)
    # a cut-off PDF either fails to open or loses its text; never a library error
    assert isinstance(info.value, (CorruptFileError, EmptyFileError))


@pytest.mark.parametrize("fraction", [2, 3, 10])
def test_a_pdf_cut_short_is_named_so(tmp_path: Path, fraction: int) -> None:
    # A PDF cut short in a download was 'not a valid PDF: PdfminerException: Unexpected EOF', the library's words
    # alone, where a DOCX cut short is 'a DOCX cut short?; download or save it again'; one that ends without its
    # %%EOF marker is now said so too
    render_pdf(ROWS, tmp_path / "ok.pdf")
    data = (tmp_path / "ok.pdf").read_bytes()
    expect(CorruptFileError, write(tmp_path, "cut.pdf", data[: len(data) // fraction]), r"not a valid PDF: .*\(it "
           r"ends without its %%EOF marker: a PDF cut short\?\); download or save it again$")
    # a whole PDF that cannot be opened is not said to be cut short
    whole = data.replace(b"/Root", b"/Roof") + b"\n"
    err = expect(CorruptFileError, write(tmp_path, "whole.pdf", whole), "not a valid PDF: ")
    assert "cut short" not in err.problem


def test_encrypted_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=cjk_font_path())
    pdf.set_font("cjk", size=10)
    pdf.cell(0, 8, "一、总体情况")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    expect(CorruptFileError, path, r"the PDF is encrypted \(a password is needed")


def test_pdf_without_unicode_map(tmp_path: Path) -> None:
    """A real PDF whose font has no ToUnicode map: pdfplumber gives (cid:NN)."""
    import pdfplumber

    render_pdf(ROWS, tmp_path / "ok.pdf", compress=False)
    data = (tmp_path / "ok.pdf").read_bytes()
    assert data.count(b"/ToUnicode") == 1 and data.count(b"/FontFile2") == 1
    # same-length renames keep the xref offsets valid
    data = data.replace(b"/ToUnicode", b"/ToUnicodX").replace(b"/FontFile2", b"/FontFilX2")
    path = write(tmp_path, "cid.pdf", data)
    with pdfplumber.open(path) as pdf:
        assert "(cid:" in pdf.pages[0].extract_text()
    expect(
        UnmappedFontError, path,
        r"fonts without a Unicode mapping: 1 of 1 pages affected, (\d+) of \1 characters come out as \(cid:NN\)",
    )


def test_a_pdf_with_a_few_unmapped_characters_names_their_pages(tmp_path: Path, parsed_seed) -> None:
    # Under 5 % of the characters without a Unicode map (a font of a few cells and a last line): the file is read
    # and flagged cid_characters, naming the file and, now, the pages to look at (was '13 characters on 2 pages').
    import warnings

    import toolkit
    from test_formats import _as_lines

    lines = _as_lines(parsed_seed("001_4d29bfef72dd56db"))
    last = [line for line in lines if isinstance(line, str)][-1]
    path = tmp_path / "few.pdf"
    render_pdf(lines, path, unmapped={"302", "142", "65651", last})  # 行政许可's values (page 1), '暂无' (page 2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = toolkit.parse_report(path)
    detail = "13 characters on pages 1 and 2 come out as (cid:NN) (fonts without a Unicode mapping)"
    assert [str(w.message) for w in caught] == [f"{path}: {detail}"]
    assert [f.detail for f in report.flags if f.code == "cid_characters"] == [detail]
    assert report.table("active").reindex(["licensing"]).isna().all(axis=None)  # no value read from (cid:NN)


def test_prose_lines_of_unmapped_glyphs_are_left_out_of_the_sections_text(tmp_path: Path, parsed_seed) -> None:
    # Seed 001 with a few lines of prose set in a font without a Unicode map: a subheading of 总体情况 ('(四)平台建设。'),
    # the first sentence of 存在的主要问题 (a line of its own) and 其他需要报告的事项's '暂无'. The file is read, flagged
    # cid_characters, but each line stood in its section's text as '(cid:9)(cid:10)…' (124 placeholders, the whole
    # of 其他需要报告的事项's text '(cid:80)(cid:81)'). The placeholders are no words: left out of the sections' text
    # (a line of nothing else with them); the tables, the statements read and the other flags are those of the
    # file without them.
    import warnings

    import pandas as pd

    import toolkit
    from test_formats import _as_lines

    lines = _as_lines(parsed_seed("001_4d29bfef72dd56db"))
    at = next(i for i, x in enumerate(lines) if isinstance(x, str) and x.startswith("2020年,我区政府信息公开工作取得"))
    sentence, rest = lines[at].split("。", 1)
    lines[at:at + 1] = [sentence + "。", rest]
    render_pdf(lines, tmp_path / "plain.pdf")
    render_pdf(lines, tmp_path / "cid.pdf", unmapped={sentence + "。", "暂无", "(四)平台建设。"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain, report = (toolkit.parse_report(tmp_path / f"{name}.pdf") for name in ("plain", "cid"))
    assert [f.detail for f in report.flags if f.code == "cid_characters"] == [
        "124 characters on pages 1 and 2 come out as (cid:NN) (fonts without a Unicode mapping)"]
    assert [s.title for s in report.sections] == [s.title for s in plain.sections]
    for got, want in zip(report.sections, plain.sections):
        assert "(cid:" not in got.text
        left_out = [x for x in want.text.splitlines() if x in ("(四)平台建设。", sentence + "。", "暂无")]
        assert got.text.splitlines() == [x for x in want.text.splitlines() if x not in left_out]
    assert report.section("other").text == ""
    # (the problems stated in the unreadable sentence are not known)
    assert report.statements["text"].tolist() == [t for t in plain.statements["text"] if t not in sentence]
    pd.testing.assert_frame_equal(report.tables.drop(columns="report_id"), plain.tables.drop(columns="report_id"))
    assert sorted(f.code for f in report.flags if f.code != "cid_characters") == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_pdf_value_of_unmapped_glyphs_is_the_one_cell_missing(tmp_path: Path, parsed_seed, ruled: bool) -> None:
    # Two values of seed 001 in a font without a Unicode map ('88' of 一、本年新收, '2307' of 行政处罚, first after
    # their labels): each cell was taken for the row's label, the row unknown, its 7 (3) values lost. In an unruled
    # table pdfplumber gave the glyph once for each character of '(cid:NN)', 7 times. Now only those cells are
    # missing, flagged not_a_number, their rows read; the cid text is no value.
    import math
    import warnings

    import toolkit
    from test_formats import _as_lines, _cells

    lines = _as_lines(parsed_seed("001_4d29bfef72dd56db"))
    render_pdf(lines, tmp_path / "plain.pdf", ruled=ruled)
    render_pdf(lines, tmp_path / "cid.pdf", ruled=ruled, unmapped={"88", "2307"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain, report = (toolkit.parse_report(tmp_path / f"{name}.pdf") for name in ("plain", "cid"))
    got, want = _cells(report), _cells(plain)
    lost = {("requests", "new", "natural_person"): "(cid:5)(cid:5)",
            ("active", "penalty", "prev_items"): "(cid:1)(cid:2)(cid:3)(cid:4)"}
    assert got.keys() == want.keys()
    for key, (raw, value) in got.items():
        if key in lost:
            assert raw == lost[key] and math.isnan(value)
        else:
            assert raw == want[key][0] and (value == want[key][1] or math.isnan(value) and math.isnan(want[key][1]))
    new = sorted((f.code, f.detail) for f in report.flags if f not in plain.flags and f.code != "cid_characters")
    assert new == [("not_a_number", "new: (cid:5)(cid:5)"), ("not_a_number", "penalty: (cid:1)(cid:2)(cid:3)(cid:4)")]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_review_total_headers_of_unmapped_glyphs_keep_the_total_column(tmp_path: Path, parsed_seed,
                                                                       ruled: bool) -> None:
    # Seed 001 with every '总计' header cell in a font without a Unicode map ('(cid:1)(cid:2)'): in the ruled review
    # table those cells named no column, the total column was lost (missing_columns total) and the fifteen counts
    # were read as twelve columns, none placed (extra_cells: every value NA). The header's other cells name the
    # format's results in its order: each glyph cell is the format's column there (总计), the counts read as
    # without the glyphs, the file flagged cid_characters as before.
    import warnings

    import pandas as pd

    import toolkit
    from test_formats import _as_lines

    lines = _as_lines(parsed_seed("001_4d29bfef72dd56db"))
    render_pdf(lines, tmp_path / "plain.pdf", ruled=ruled)
    render_pdf(lines, tmp_path / "cid.pdf", ruled=ruled, unmapped={"总计"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain, report = (toolkit.parse_report(tmp_path / f"{name}.pdf") for name in ("plain", "cid"))
    got = report.table("review_litigation")
    assert got.loc[:, "total"].tolist() == [4, 2, 1]
    pd.testing.assert_frame_equal(got, plain.table("review_litigation"))
    pd.testing.assert_frame_equal(report.tables.drop(columns="report_id"), plain.tables.drop(columns="report_id"))
    assert sorted(f.code for f in report.flags if f.code != "cid_characters") == sorted(f.code for f in plain.flags)
    assert [f.detail.split(" on ")[0] for f in report.flags if f.code == "cid_characters"] == ["8 characters"]


# --------------------------------------------------------------------------
# PDF decompression bombs
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory) -> bytes:
    """Seed 001 as a PDF whose objects are written out (not compressed), so that an update can name them."""
    path = tmp_path_factory.mktemp("seed") / "001.pdf"
    render_pdf(read_document(SEED_001).lines, path, compress=False)
    return path.read_bytes()


@pytest.mark.parametrize("kind", PDF_BOMBS)
def test_a_pdf_stream_decoding_past_the_limit_is_refused(tmp_path: Path, seed_pdf: bytes, kind: str) -> None:
    # pdfminer decodes a stream whole: a 400 KB PDF whose page held a FlateDecode stream of 300 MB took 9 s and
    # 695 MB to read (two filters in a chain: 115 KB on disk, 3 GB decoded took the memory). Its streams now
    # decode to at most 10 x max_bytes in all (as a DOCX unzips), each stopping there. Scaled down here.
    path = write(tmp_path, f"{kind}.pdf", pdf_bomb(seed_pdf, kind, 4_000_000))
    where = "" if kind == "object_stream" else "page 1: "  # (the page itself is in the object stream)
    expect(FileTooLargeError, path, where + r"the PDF's compressed streams decode to more than 3000000 bytes, "
           r"10 x max_bytes=300000 \(a decompression bomb", max_bytes=300_000)
    import zlib

    import pdfminer.pdftypes

    assert pdfminer.pdftypes.zlib is zlib and pdfminer.pdftypes.rldecode.__module__ == "pdfminer.runlength"  # put back


@pytest.mark.parametrize("kind", PDF_BOMBS + ["image", "drawn_image"])
def test_a_pdf_stream_within_the_limit_is_read(tmp_path: Path, seed_pdf: bytes, kind: str) -> None:
    # The same streams, decoding to less; an image is never decoded (a scan's pages are images), whatever its size.
    size = 40_000_000 if kind.endswith("image") else 1_000_000
    path = write(tmp_path, f"{kind}.pdf", pdf_bomb(seed_pdf, kind, size))
    lines = read_document(path, max_bytes=300_000).lines
    assert lines == read_document(write(tmp_path, "seed.pdf", seed_pdf)).lines


def test_a_pdfminer_without_one_of_the_decoders_still_reads(tmp_path: Path, seed_pdf: bytes,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # The bound stands in for the decoders pdfminer.pdftypes has: a release that names one otherwise must not
    # make every PDF fail (an AttributeError before the first page); the others stay bounded.
    import pdfminer.pdftypes

    monkeypatch.delattr(pdfminer.pdftypes, "rldecode")
    path = write(tmp_path, "seed.pdf", seed_pdf)
    assert read_document(path).lines
    assert not hasattr(pdfminer.pdftypes, "rldecode")  # not added by the bound, nor left behind
    bomb = write(tmp_path, "bomb.pdf", pdf_bomb(seed_pdf, "content", 4_000_000))
    expect(FileTooLargeError, bomb, r"page 1: the PDF's compressed streams decode to more than", max_bytes=300_000)


def test_memory_running_out_on_a_pdf_page_is_no_damaged_file(tmp_path: Path, seed_pdf: bytes,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # pdfplumber wraps pdfminer's errors, a MemoryError too: it read as 'cannot read page 1 of the PDF:
    # PdfminerException: Unable to allocate output buffer.' (a damaged file); a corpus worker whose memory is
    # limited now says out of memory.
    from pdfminer.pdfinterp import PDFPageInterpreter

    def out_of_memory(*args, **kwargs):
        raise MemoryError("Unable to allocate output buffer.")

    monkeypatch.setattr(PDFPageInterpreter, "process_page", out_of_memory)
    with pytest.raises(MemoryError, match="Unable to allocate"):
        read_document(write(tmp_path, "seed.pdf", seed_pdf))


def test_a_pdf_bomb_at_the_default_limit_stops_early(tmp_path: Path, seed_pdf: bytes) -> None:
    # Two FlateDecode filters in a chain, 2 GiB of spaces in 6 KB: before, pdfminer decoded them whole (2 GiB and
    # more); now the read stops at 500 MiB decoded, in a few seconds and under 1.5 GB (in a child process, whose
    # address space is limited to 2.5 GB so that a regression fails here rather than taking the machine).
    import subprocess
    import sys

    path = write(tmp_path, "chain.pdf", pdf_bomb(seed_pdf, "chain", 2**31))
    code = ("import resource, sys, toolkit\n"
            "resource.setrlimit(resource.RLIMIT_AS, (2_500_000_000, 2_500_000_000))\n"
            "try:\n    toolkit.parse_report(sys.argv[1])\n"
            "except toolkit.errors.FileTooLargeError as exc:\n    print(exc)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})  # (not the tests' folder)
    message, peak = done.stdout.splitlines()[-2:] if done.returncode == 0 else (done.stderr, "0")
    assert message == (f"{path}: page 1: the PDF's compressed streams decode to more than 524288000 bytes, 10 x "
                       f"max_bytes=52428800 (a decompression bomb, or pass a larger max_bytes)")
    assert int(peak) < 1_500_000 and time.monotonic() - start < 60


# --------------------------------------------------------------------------
# web archives (MHT)
# --------------------------------------------------------------------------

ARCHIVE_HEAD = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'


def test_a_web_archive_without_a_page_is_named_so(tmp_path: Path) -> None:
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart

    archive = MIMEMultipart("related")
    archive.attach(MIMEImage(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "gif"))
    expect(CorruptFileError, write(tmp_path, "images.mht", archive.as_bytes()),
           r"the web archive holds no HTML page \(its parts: image/gif\)")
    page = b"--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nICAg\r\n--b--\r\n"
    expect(EmptyFileError, write(tmp_path, "blank.mht", ARCHIVE_HEAD + page), "the web archive's HTML page is empty")


@pytest.mark.parametrize("head, problem", [
    (ARCHIVE_HEAD, "the boundary 'b' its Content-Type names is not found"),
    (ARCHIVE_HEAD.replace(b'; boundary="b"', b""), "its Content-Type names no boundary"),
], ids=["boundary-not-found", "no-boundary"])
def test_a_web_archive_whose_parts_cannot_be_told_apart(tmp_path: Path, head: bytes, problem: str) -> None:
    body = b"--other\r\nContent-Type: text/html\r\n\r\n<html><body><p>\xe4\xb8\x80</p></body></html>\r\n"
    expect(CorruptFileError, write(tmp_path, "broken.mht", head + body), f"broken web archive: {problem}")


def test_a_file_named_mht_that_is_no_web_archive(tmp_path: Path) -> None:
    expect(CorruptFileError, write(tmp_path, "report.mht", SEED_001.read_bytes()), "not a web archive: no MIME header")
    assert read_document(write(tmp_path, "page.mht", render_html(ROWS))).format == "html"  # a page under that name
    mail = b"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + SEED_001.read_bytes()
    assert read_document(write(tmp_path, "mail.txt", mail)).format == "text"  # an e-mail is no web archive


@pytest.mark.parametrize("kind", ["png", "jpeg", "gif", "rtf"])
def test_a_picture_named_mht_says_what_it_is(tmp_path: Path, kind: str) -> None:
    # A PNG named .mht was 'not a web archive: no MIME header (Content-Type: multipart/related or text/html) at the
    # start', where named .docx, .pdf or .doc it is 'the content is a PNG image named .docx'
    data, _, what = _MISNAMED[kind]
    err = expect(CorruptFileError, write(tmp_path, "report.mht", data), f"not a web archive: the content is {what} "
                 r"named \.mht$")
    docx = expect(CorruptFileError, write(tmp_path, "report.docx", data), "not a valid DOCX: ")
    assert err.problem.split(": ", 1)[1] == docx.problem.split(": ", 1)[1].replace(".docx", ".mht")


@pytest.mark.parametrize("parts, problem", [
    ([b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i, i + 1) for i in range(1500)],
     "broken web archive: its MIME parts are nested too deep"),
    ([b"--b\r\nContent-Type: image/gif\r\n\r\nx\r\n"] * 10001, "the web archive holds 10001 MIME boundaries"),
    ([b"--b\r\nContent-Type: image/gif\r\n\r\n", b"x\n" * 1400000], "the web archive holds 1400006 lines"),
], ids=["nested", "parts", "lines"])
def test_a_web_archive_bomb_is_refused(tmp_path: Path, parts: list, problem: str) -> None:
    # a small file that would keep the MIME parser busy for minutes (a Python step per line, an object per part)
    head = ARCHIVE_HEAD.replace(b'"b"', b'"b0"') if parts[0].startswith(b"--b0") else ARCHIVE_HEAD
    error = FileTooLargeError if "holds" in problem else CorruptFileError
    started = time.perf_counter()
    expect(error, write(tmp_path, "bomb.mht", head + b"".join(parts)), problem)
    assert time.perf_counter() - started < 10


# --------------------------------------------------------------------------
# hostile HTML
# --------------------------------------------------------------------------

BOMB = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<p>一、总体情况 &lol9;</p>
<table><tr><td>规章</td><td>&lol9;&xxe;</td></tr></table>
</body></html>
"""


@pytest.mark.parametrize("name", ["bomb.html", "bomb.xhtml", "bomb"])
def test_entity_expansion_bomb_does_not_expand(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, BOMB.encode("utf-8"))
    start = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - start < 5
    assert doc.format == "html"
    text = "".join(c for line in doc.lines for c in (line if isinstance(line, list) else [line]))
    assert "lollol" not in text
    assert "root:" not in text  # no external entity read either
    assert len(text) < 200
    assert doc.lines[0].startswith("一、总体情况")
    assert doc.lines[1][0] == "规章"


def nested(depth: int) -> bytes:
    return ("<html><body>" + "<font>" * depth + "一、总体情况" + "</font>" * depth
            + "<p>二、主动公开</p></body></html>").encode()


def test_deeply_nested_html_is_read_without_recursion(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.html", nested(1500))
    assert read_document(path).lines == ["一、总体情况", "二、主动公开"]


def test_too_deeply_nested_html_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "deeper.html", nested(5000))
    expect(CorruptFileError, path, "cannot parse the HTML: elements nested deeper than 2048 levels")


# --------------------------------------------------------------------------
# bad arguments
# --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, -1, 1.5, "100", True, None])
def test_max_bytes_must_be_positive_int(value) -> None:
    with pytest.raises(ValueError, match=r"max_bytes must be a positive int .*got " + re.escape(repr(value))):
        read_document(SEED_001, max_bytes=value)


@pytest.mark.parametrize("value", ["no-such-codec", "base64", 8])
def test_encoding_must_be_a_text_codec(value) -> None:
    with pytest.raises(ValueError, match=r"encoding must be .*got " + re.escape(repr(value))):
        read_document(SEED_001, encoding=value)


@pytest.mark.parametrize("value", [123, None, ["a.txt"]])
def test_path_type(value) -> None:
    with pytest.raises(TypeError, match=r"path must be a str or os\.PathLike, got"):
        read_document(value)


def test_a_path_holding_a_nul_is_named(tmp_path: Path) -> None:
    path = str(tmp_path / "a\0b.txt")
    with pytest.raises(ValueError, match=r"path holds a NUL character, which no file name can: .*a\\x00b\.txt'"):
        read_document(path)


def test_library_failure_is_wrapped(tmp_path: Path, monkeypatch) -> None:
    """Anything unexpected from a parsing library becomes a CorruptFileError."""
    import pdfplumber.page

    render_pdf(ROWS, tmp_path / "ok.pdf")

    def boom(self, *args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", boom)
    err = expect(CorruptFileError, tmp_path / "ok.pdf", "cannot read page 1 of the PDF: RecursionError")
    assert isinstance(err.__cause__, RecursionError)
    monkeypatch.undo()


    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'tag'")

    render_docx(ROWS, tmp_path / "ok.docx")
    monkeypatch.setattr("toolkit.word._docx_block", broken)
    err = expect(CorruptFileError, tmp_path / "ok.docx", "cannot read this DOCX file: AttributeError")
    assert isinstance(err.__cause__, AttributeError)


def test_html_page_with_damage_still_reads(tmp_path: Path) -> None:
    """Broken markup is common on the web: lxml recovers, the text stays."""
    page = render_html(ROWS)[:-40] + b"<td><tr><p>\xe8\xa7\x84\xe7\xab\xa0"
    doc = read_document(write(tmp_path, "cut.html", page))
    assert doc.lines[0] == "二、主动公开政府信息情况"
    assert doc.lines[-1] in ("规章", ["规章"])


def test_a_named_pipe_fails_at_once_as_no_regular_file(tmp_path: Path) -> None:
    # Review: opening a FIFO blocks until something writes to it; the reader waited for ever (a corpus worker
    # until its time limit, `toolkit summary` for good). It is refused before it is opened.
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    box: list = []

    def read() -> None:
        try:
            read_document(fifo)
        except Exception as exc:  # noqa: BLE001 - what it raised is checked below
            box.append(exc)

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(60)
    if t.is_alive():  # blocked in open(): let it go (a writer that closes at once), then fail
        os.close(os.open(fifo, os.O_WRONLY))
        t.join(10)
        pytest.fail("read_document blocked on a named pipe")
    assert isinstance(box[0], ReadError) and str(box[0]) == f"{fifo}: not a regular file: a named pipe (FIFO)"


def test_an_ofd_whose_offsets_repeat_past_its_characters_is_read_in_little_memory(tmp_path: Path) -> None:
    # A damaged DeltaX 'g 1000000 1' repeated (each repeat within the limit of a million): before, every repeat was
    # spelt out, 8 bytes an offset, for a TextCode of 6 characters (30 of them: 240 MB; 1,000 of them in a 12 kB
    # file: a MemoryError, or the machine's memory). Only the offsets of the characters are spelt out now.
    import tracemalloc

    import toolkit

    try:
        from renderers import ofd_package
    except ImportError:  # tests/ imported as a package
        from tests.renderers import ofd_package

    delta = " ".join(["g 1000000 1"] * 30)
    obj = ('<ofd:TextObject ID="5" Boundary="0 0 200 20" Font="1" Size="5">'
           f'<ofd:TextCode X="20" Y="30" DeltaX="{delta}" DeltaY="{delta}">一、总体情况</ofd:TextCode>'
           '</ofd:TextObject>')
    path = write(tmp_path, "offsets.ofd", ofd_package([(210, 297, obj, [])]))
    tracemalloc.start()
    try:
        report = toolkit.parse_report(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "一、总体情况" in report.text
    assert peak < 64 * 2**20


@pytest.mark.parametrize("name", ["notes.txt", "page.doc"])
def test_a_text_file_opening_with_many_comments_is_read_at_once(tmp_path: Path, name: str) -> None:
    # A text (or .doc) file opening with 40 empty HTML comments '<!---->' in a row, then no page: before, telling
    # whether it was a web page tried every way of taking comments in a row as one ('.*?' past a '-->'), 2**39 of
    # them: the read never ended (22 comments: 0.7 s, each one more twice that). A comment ends at its first '-->'.
    import signal

    if not hasattr(signal, "SIGALRM"):
        pytest.skip("no SIGALRM")
    text = SEED_001.read_text(encoding="utf-8")
    path = write(tmp_path, name, ("<!---->" * 40 + "\n" + text).encode("utf-8"))

    def late(*args) -> None:
        raise TimeoutError("still telling the format of the file after 5 s")

    before = signal.signal(signal.SIGALRM, late)
    signal.alarm(5)
    try:
        if name.endswith(".doc"):
            expect(CorruptFileError, path, "not a valid Word document: not an OLE compound file")
        else:
            assert read_document(path).lines[1:] == read_document(SEED_001).lines
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def _later_zip_version(package: bytes) -> bytes:
    """``package`` with its first central directory entry asking for version 16.1 of ZIP to be extracted."""
    data = bytearray(package)
    data[data.index(b"PK\x01\x02") + 6] = 161
    return bytes(data)


@pytest.mark.parametrize("name, problem", [
    ("report.docx", r"a damaged ZIP archive that cannot be opened \(zip file version 16.1\); download or save it again$"),
    ("report.ofd", r"a damaged ZIP archive that cannot be opened \(zip file version 16.1\); download or save it again$"),
    ("report", r"a damaged ZIP archive that cannot be opened \(zip file version 16.1\)"),
])
def test_a_zip_asking_for_a_later_zip_version_is_named_damaged(tmp_path: Path, name: str, problem: str) -> None:
    # A byte of a DOCX's or OFD's central directory damaged (version needed to extract 16.1): before, zipfile's
    # NotImplementedError('zip file version 16.1') came out of read_document raw, as it told the format.
    try:
        from renderers import ofd_package
    except ImportError:  # tests/ imported as a package
        from tests.renderers import ofd_package

    if name.endswith(".ofd"):
        obj = ('<ofd:TextObject ID="5" Boundary="0 0 200 20" Font="1" Size="5">'
               '<ofd:TextCode X="20" Y="30">一、总体情况</ofd:TextCode></ofd:TextObject>')
        package = ofd_package([(210, 297, obj, [])])
    else:
        render_docx(ROWS, tmp_path / "ok.docx")
        package = (tmp_path / "ok.docx").read_bytes()
    expect(ReadError, write(tmp_path, name, _later_zip_version(package)), problem)


@pytest.mark.parametrize("name", ["report.doc", "report.txt", "report"])
def test_a_docx_cut_short_under_another_name_is_named_a_damaged_zip(tmp_path: Path, name: str) -> None:
    # A DOCX cut short in a download (its central directory lost) named .doc, .txt or with no extension was 'a ZIP
    # archive that is not a DOCX (no word/document.xml) ...; save the report as .docx': its parts cannot be listed
    render_docx(ROWS, tmp_path / "ok.docx")
    package = (tmp_path / "ok.docx").read_bytes()
    expect(CorruptFileError, write(tmp_path, name, package[:len(package) // 2]),
           r"a damaged ZIP archive that cannot be opened \(its central directory is missing or damaged: a DOCX cut "
           r"short\?\); download or save it again$")


@pytest.mark.parametrize("name", ["report.ofd", "report.txt", "report"])
def test_an_ofd_cut_short_is_named_an_ofd_cut_short(tmp_path: Path, name: str) -> None:
    # An OFD cut short was 'not a valid OFD: not a ZIP archive or truncated' as .ofd, and 'a DOCX cut short?' under
    # another name: the names of its parts that its local headers keep (OFD.xml) tell what it was
    try:
        from renderers import ofd_package
    except ImportError:  # tests/ imported as a package
        from tests.renderers import ofd_package

    obj = ('<ofd:TextObject ID="5" Boundary="0 0 200 20" Font="1" Size="5">'
           '<ofd:TextCode X="20" Y="30">一、总体情况</ofd:TextCode></ofd:TextObject>')
    package = ofd_package([(210, 297, obj, [])])
    expect(CorruptFileError, write(tmp_path, name, package[:len(package) // 2]),
           r"a damaged ZIP archive that cannot be opened \(its central directory is missing or damaged: an OFD cut "
           r"short\?\); download or save it again$")


def test_a_zip_cut_short_before_its_parts_names_show_what_it_was_is_named_by_its_extension(tmp_path: Path) -> None:
    # cut inside the first part: only the extension tells a DOCX from an OFD, and nothing does under another name
    render_docx(ROWS, tmp_path / "ok.docx")
    head = (tmp_path / "ok.docx").read_bytes()[:40]
    damaged = r"a damaged ZIP archive that cannot be opened \(its central directory is missing or damaged: "
    expect(CorruptFileError, write(tmp_path, "cut.ofd", head), damaged + r"an OFD cut short\?\)")
    expect(CorruptFileError, write(tmp_path, "cut.docx", head), damaged + r"a DOCX cut short\?\)")
    expect(CorruptFileError, write(tmp_path, "cut.txt", head), damaged + r"a file cut short\?\)")


def _local_header(package: bytes, name: bytes) -> int:
    """Where the local file header of the part ``name`` starts in the ZIP ``package``."""
    return package.index(b"PK\x03\x04" + package[package.index(name) - 26:package.index(name)])


def _damaged_stream(package: bytes, name: bytes) -> bytes:
    """``package`` with eight bytes inside the compressed data of the part ``name`` overwritten."""
    import struct

    data = bytearray(package)
    header = _local_header(package, name)
    size, = struct.unpack("<I", data[header + 18:header + 22])
    start = header + 30 + sum(struct.unpack("<HH", data[header + 26:header + 30]))
    data[start + size // 3:start + size // 3 + 8] = b"\xff" * 8
    return bytes(data)


def _directory_moved(package: bytes) -> bytes:
    """``package`` whose end record puts its central directory 500 bytes further than it is."""
    import struct

    data = bytearray(package)
    end = data.rindex(b"PK\x05\x06")
    offset, = struct.unpack("<I", data[end + 16:end + 20])
    data[end + 16:end + 20] = struct.pack("<I", offset + 500)
    return bytes(data)


def _ofd_seed_package() -> bytes:
    try:
        from renderers import ofd_package
    except ImportError:  # tests/ imported as a package
        from tests.renderers import ofd_package
    obj = ('<ofd:TextObject ID="5" Boundary="0 0 200 20" Font="1" Size="5">'
           '<ofd:TextCode X="20" Y="30">一、总体情况</ofd:TextCode></ofd:TextObject>')
    return ofd_package([(210, 297, obj, [])])


@pytest.mark.parametrize("name, damage, problem", [
    ("report.docx", "stream", r"not a valid DOCX: damaged part word/document.xml \(its compressed data is corrupt: "
                              r"Error -3 while decompressing data"),
    ("report.docx", "directory", r"not a valid DOCX: damaged part \[Content_Types\].xml \(the archive's directory "
                                 r"does not lead to it: negative seek value -500\)"),
    ("report.ofd", "stream", r"not a valid OFD: damaged part OFD.xml \(its compressed data is corrupt: "
                             r"Error -3 while decompressing data"),
    ("report.ofd", "directory", r"not a valid OFD: damaged part \S+ \(the archive's directory does not lead to it: "
                                r"negative seek value -500\)"),
])
def test_a_damaged_part_of_a_package_is_named(tmp_path: Path, name: str, damage: str, problem: str) -> None:
    # Before, zlib's and zipfile's errors from ZipFile.testzip reached the catch-all unnamed: 'cannot read this
    # DOCX file: error: Error -3 while decompressing data: invalid distance too far back', 'ValueError: negative
    # seek value -500'. Now the part and what is wrong with it are named. (Found by fuzzing.)
    if name.endswith(".ofd"):
        package, part = _ofd_seed_package(), b"OFD.xml"
    else:
        render_docx(ROWS, tmp_path / "ok.docx")
        package, part = (tmp_path / "ok.docx").read_bytes(), b"word/document.xml"
    damaged = _damaged_stream(package, part) if damage == "stream" else _directory_moved(package)
    expect(CorruptFileError, write(tmp_path, name, damaged), problem)


def test_a_docx_whose_text_part_is_no_word_document_is_named(tmp_path: Path) -> None:
    # A document.xml whose root is not w:document: python-docx read it and then had no body to give, and the
    # catch-all said "cannot read this DOCX file: AttributeError: 'lxml.etree._Element' object has no attribute
    # 'body'". (Found by fuzzing.)
    try:
        from renderers import rezip
    except ImportError:  # tests/ imported as a package
        from tests.renderers import rezip

    render_docx(ROWS, tmp_path / "ok.docx")

    def rename_root(parts: dict) -> None:
        parts["word/document.xml"] = (parts["word/document.xml"].replace(b"<w:document ", b"<w:documents ")
                                      .replace(b"</w:document>", b"</w:documents>"))

    damaged = rezip((tmp_path / "ok.docx").read_bytes(), rename_root)
    expect(CorruptFileError, write(tmp_path, "report.docx", damaged),
           r"not a valid DOCX: word/document.xml holds no Word document \(its root element is w:documents, "
           r"not w:document\)")
