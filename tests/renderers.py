"""Write a report given as lines into HTML, DOCX, PDF or plain-text files.

Test helpers (no tests here). A report is ``lines: list[str | list[str]]``,
the shape of :attr:`toolkit.readers.RawDocument.lines`: a ``str`` is a line
of text, a ``list[str]`` a table row (``''`` for a blank cell). Consecutive
rows form one table.

``colspan_header=True`` (HTML, DOCX, PDF) writes a row shorter than its
table's widest row as a merged header: its last cell spans the remaining
columns. Otherwise HTML writes the row as it is, and DOCX/PDF pad it with
``''`` cells.
"""
from __future__ import annotations

import glob
import html
import itertools
import os
import re
import struct
from functools import lru_cache
from pathlib import Path
from typing import Iterator

__all__ = ["render_html", "render_mht", "render_docx", "render_docx_worksheets", "strict_docx", "rezip",
           "render_doc", "doc_bytes", "ole_bytes", "render_pdf", "render_text", "cjk_font_path", "rotate_pdf_pages",
           "render_ofd", "ofd_package", "OFD_NS", "TEXT_LAYOUTS", "deflated", "deflated_bytes", "pdf_stream",
           "pdf_update", "pdf_bomb", "lzw_run", "PDF_BOMBS", "PAGE_BREAK", "render_type3_pdf"]

TEXT_LAYOUTS = ("pipe_rows", "pipe_cells", "tab", "lines")
# An item of `lines` that render_pdf (and render_ofd) turns into a page break: the page ends there, inside a table
# too (the table goes on at the top of the next page, in its columns); the other renderers take no such item.
# PAGE_BREAK followed by text ('\f续表') sets that text as a line at the top of the next page, above what goes on
# there: a table's caption repeated where it goes on, its rows still in the table's columns (a line of text
# between rows would start a table of its own); text before it ('(续下表)\f') is a line at the foot of the page
# that ends, under what stands there (the note under a table's last rows there that it goes on).
PAGE_BREAK = "\f"


def _blocks(lines: list) -> Iterator[tuple[str, object]]:
    """Yield ('text', str) and ('table', list of rows) blocks in order."""
    rows: list = []
    for item in lines:
        if isinstance(item, str):
            if rows:
                yield "table", rows
                rows = []
            yield "text", item
        elif isinstance(item, (list, tuple)):
            if not all(isinstance(c, str) for c in item):
                raise TypeError(f"a table row must hold str cells, got {item!r}")
            rows.append(list(item))
        else:
            raise TypeError(f"lines must hold str or list[str] items, got {item!r}")
    if rows:
        yield "table", rows


def _page_breaks(lines: list) -> tuple[list, dict]:
    """`lines` without their PAGE_BREAK items, and where each was: (block, row) in the blocks of the lines left
    (row 0 for a break before a text line or a table) → (the line set at the foot of the page that ends, the line
    set at the top of the next page) ('' for none)."""
    kept, at = [], []
    for item in lines:
        if isinstance(item, str) and PAGE_BREAK in item:
            before, _, after = item.partition(PAGE_BREAK)
            at.append((len(kept), (before, after)))
        else:
            kept.append(item)
    breaks: dict = {}
    block, row, start = -1, 0, 0
    for k, item in enumerate(kept):
        table_goes_on = isinstance(item, list) and k > 0 and isinstance(kept[k - 1], list)
        block, row = (block, row + 1) if table_goes_on else (block + 1, 0)
        while start < len(at) and at[start][0] == k:
            breaks[(block, row)] = at[start][1]
            start += 1
    return kept, breaks


def _width(rows: list) -> int:
    return max((len(r) for r in rows), default=0)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def _merged_into_above(rows: list, colspan_header: bool) -> dict:
    """Map (row, column) of each leading blank cell that stands for a merged one to the (row, column) of the cell
    above it that the merge keeps (a row's blanks before its first filled cell, under a cell of the row above that
    spans no columns: with `colspan_header`, a short row's last cell does)."""
    width = _width(rows)
    merged: dict = {}
    for r in range(1, len(rows)):
        if not any(rows[r]):
            continue
        above = len(rows[r - 1]) - (colspan_header and len(rows[r - 1]) < width)
        for c, text in enumerate(rows[r]):
            if text or c >= above:
                break
            merged[(r, c)] = merged.get((r - 1, c), (r - 1, c))
    return merged


def _merge_down(merged: dict, cells, first: int, n: int) -> int:
    """Add to `merged` (see _merged_into_above) the `cells` (row, column) of a block of `n` rows starting at row
    `first` of all tables, each merged into the cell above it; return the next block's first row."""
    for row, column in sorted(cells):
        if first < row < first + n:
            r = row - first
            merged[(r, column)] = merged.get((r - 1, column), (r - 1, column))
    return first + n


def render_html(lines: list, *, encoding: str = "utf-8", colspan_header: bool = False, rowspan: bool = False,
                dress=None, title: str = "report", merge_down=()) -> bytes:
    """Return an HTML page (with ``<meta charset>``) holding `lines`.

    Text lines become ``<p>`` elements, consecutive rows one ``<table>``;
    a blank cell is written ``&nbsp;``. With `colspan_header`, the last cell
    of a short row gets a ``colspan`` reaching the table's width. With
    `rowspan`, a row's leading blank cells are left out and the cell above
    each gets a ``rowspan`` over them (a group label, as pages write it).
    `merge_down` holds cells ``(row, column)`` (``row`` counting the rows of all tables) left out likewise, the
    cell above each spanning them (a column's equal values merged, as some pages and Word users write them).
    ``dress(text)`` gives the markup of a filled cell's escaped text (a
    ``<br>`` in a long label, ``&nbsp;`` around a number). `title` is the page's ``<title>``.
    """
    out = [
        "<!DOCTYPE html>",
        "<html>",
        f'<head><meta charset="{encoding}"><title>{html.escape(title)}</title>'
        "<style>td { border: 1px solid }</style></head>",
        "<body>",
    ]
    first = 0  # the block's first row, counting the rows of all tables
    for kind, block in _blocks(lines):
        if kind == "text":
            out.append(f"<p>{html.escape(block)}</p>")
            continue
        width = _width(block)
        merged = _merged_into_above(block, colspan_header) if rowspan else {}
        first = _merge_down(merged, merge_down, first, len(block))
        spans: dict = {}
        for keeper in merged.values():
            spans[keeper] = spans.get(keeper, 1) + 1
        out.append('<table border="1">')
        for r, row in enumerate(block):
            cells = []
            for i, cell in enumerate(row):
                if (r, i) in merged:
                    continue
                attr = f' rowspan="{spans[(r, i)]}"' if (r, i) in spans else ""
                if colspan_header and i == len(row) - 1 and len(row) < width:
                    attr += f' colspan="{width - len(row) + 1}"'
                text = (dress(html.escape(cell)) if dress else html.escape(cell)) if cell else "&nbsp;"
                cells.append(f"<td{attr}>{text}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode(encoding)


def render_mht(lines: list, *, encoding: str = "utf-8", transfer: str = "quoted-printable",
               charset_in: str = "both", sheets: tuple = (), page=None, frames: tuple = ()) -> bytes:
    """Return a web archive (MHT, as a browser or Word saves a page as one file) holding `lines`.

    A multipart/related MIME message (built with the ``email`` package) whose first part is the page of
    :func:`render_html` in `encoding` (else the bytes `page`), in `transfer` (``'quoted-printable'`` or
    ``'base64'``), and whose second is an image. `charset_in` says where the page's charset is named: ``'both'``,
    ``'header'`` (the part's Content-Type only: the page's meta tag is taken out) or ``'meta'`` (the page only).
    `sheets` holds style sheets ``(headers, css)``, each a text/css part after the image with those headers
    (``{"Content-Location": "http://…/a.css"}``), in quoted-printable; `frames` the pages of its frames ``(headers,
    html bytes)``, each a text/html part after them with those headers, in base64.
    """
    import re
    from email import encoders
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    page = render_html(lines, encoding=encoding) if page is None else page
    if charset_in == "header":
        page = re.sub(rb"<meta charset=[^>]*>", b"", page)
    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Windows Internet Explorer 8>"
    archive["Subject"] = "report"
    archive.preamble = "This is a multi-part message in MIME format."
    part = MIMENonMultipart("text", "html", **({} if charset_in == "meta" else {"charset": encoding}))
    if transfer == "quoted-printable" and "\n".encode(encoding) != b"\n":
        # (a page whose line breaks are not the bytes CR LF, UTF-16: every byte quoted but printable ASCII, as RFC
        # 2045 asks, where encode_quopri takes the bytes 0D and 0A inside its characters for line breaks)
        part.set_payload(_quoted_printable_binary(page))
        part["Content-Transfer-Encoding"] = "quoted-printable"
    else:
        part.set_payload(page)
        {"base64": encoders.encode_base64, "quoted-printable": encoders.encode_quopri}[transfer](part)
    part["Content-Location"] = "http://www.example.gov.cn/zfxxgk/report.html"
    archive.attach(part)
    archive.attach(MIMEImage(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "gif"))
    for headers, css in sheets:
        sheet = MIMENonMultipart("text", "css", charset="utf-8")
        sheet.set_payload(css.encode("utf-8"))
        encoders.encode_quopri(sheet)
        for name, value in headers.items():
            sheet[name] = value
        archive.attach(sheet)
    for headers, html in frames:
        frame = MIMENonMultipart("text", "html")
        frame.set_payload(html)
        encoders.encode_base64(frame)
        for name, value in headers.items():
            if name in frame:
                frame.replace_header(name, value)
            else:
                frame[name] = value
        archive.attach(frame)
    return archive.as_bytes()


def _quoted_printable_binary(data: bytes) -> str:
    """`data` in quoted-printable with every byte but printable ASCII as ``=XX`` (CR and LF too), in soft-broken lines."""
    out, line = [], ""
    for byte in data:
        piece = chr(byte) if 33 <= byte <= 126 and byte != 61 else f"={byte:02X}"
        if len(line) + len(piece) > 75:
            out.append(line + "=")
            line = ""
        line += piece
    return "\n".join(out + [line])


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------


def render_docx(lines: list, path, *, colspan_header: bool = False, layout_table: bool = False,
                rowspan: bool = False, merge_down=()) -> None:
    """Write `lines` to a DOCX file with python-docx.

    Text lines become paragraphs; consecutive rows become ONE Word table
    (style ``Table Grid``) whose short rows are padded with ``''`` cells, or,
    with `colspan_header`, whose last cell spans the rest (``gridSpan``).
    With `layout_table` the whole report sits in the one cell of a 1 x 1 table.
    With `rowspan`, a row's leading blank cells are merged into the cell above
    (``vMerge``), as Word users merge a group label's cells; so are the cells of `merge_down` (see
    :func:`render_html`), whatever they hold (their text is not written).
    """
    import docx

    document = docx.Document()
    body = document.add_table(rows=1, cols=1).cell(0, 0) if layout_table else document
    first = 0
    for kind, block in _blocks(lines):
        if kind == "text":
            body.add_paragraph(block)
            continue
        width = _width(block)
        merged = _merged_into_above(block, colspan_header) if rowspan else {}
        first = _merge_down(merged, merge_down, first, len(block))
        table = body.add_table(rows=len(block), cols=width)
        table.style = "Table Grid"
        rows = []
        for r, row in enumerate(block):
            cells = table.rows[r].cells
            if colspan_header and 0 < len(row) < width:
                cells[len(row) - 1].merge(cells[width - 1])
                cells = table.rows[r].cells
            # (the row's own cells: table.cell(r, c) lays out the whole table on each call, 1.8 s a report)
            for c, text in enumerate(row):
                if (r, c) not in merged:
                    cells[c].text = text
            rows.append(cells)
        for (r, c), keeper in merged.items():
            if keeper == (r - 1, c):  # (a merge's whole run, from the cell that keeps it, in one call)
                end = r
                while merged.get((end + 1, c)) == keeper:
                    end += 1
                rows[r - 1][c].merge(rows[end][c])
    document.save(os.fspath(path))


_SHEET_NUMBER = re.compile(r"(-?(?:0|[1-9]\d*))(?:\.(\d+))?(%?)")  # (a number typed 007 stays text)
# An Excel worksheet pasted into Word as an object, as Word writes it: the picture Word shows (v:imagedata, an EMF
# Excel draws) and the OLE object whose relationship leads to the embedded package
_WORD_OBJECT = (
    '<w:p><w:r><w:object w:dxaOrig="8306" w:dyaOrig="4000"><v:shapetype id="_x0000_t75" coordsize="21600,21600" '
    'o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"/>'
    '<v:shape id="_x0000_i10{k:02d}" type="#_x0000_t75" style="width:415.3pt;height:200pt" o:ole="">'
    '<v:imagedata r:id="rIdSheetImage{k}" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" '
    'ShapeID="_x0000_i10{k:02d}" DrawAspect="Content" ObjectID="_17000000{k:02d}" r:id="rIdSheet{k}"/></w:object>'
    '</w:r></w:p>')


def _worksheet(rows: list, *, merged: bool, formulas: bool, outside: bool) -> bytes:
    """An Excel package (.xlsx) whose one worksheet holds ``rows`` from cell B2 (numbers as numbers, in the format
    that shows them as written: 1.50, 12.5%); ``merged``: a row shorter than the widest ends in a merged cell (as
    ``colspan_header``); ``formulas``: every number a formula with its cached value (as Excel saves it);
    ``outside``: cells beyond the range the object shows (the workbook's oleSize) and a hidden column in it."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    width = _width(rows)
    for r, row in enumerate(rows, start=2):
        for c, text in enumerate(row, start=2):
            number = _SHEET_NUMBER.fullmatch(text)
            cell = sheet.cell(row=r, column=c)
            if number is None:
                cell.value = text or None  # (a blank cell holds nothing)
                continue
            decimals = len(number.group(2) or "")
            value = float(text.rstrip("%")) / (100 if number.group(3) else 1) if decimals or number.group(3) \
                else int(text)
            cell.value = value
            cell.number_format = ("0" + ("." + "0" * decimals if decimals else "")) + number.group(3) \
                if decimals or number.group(3) else "General"
        if merged and 0 < len(row) < width:
            sheet.merge_cells(start_row=r, start_column=len(row) + 1, end_row=r, end_column=width + 1)
    if outside:  # a hidden column of row numbers, a note below the shown range, a number right of it
        for r in range(2, len(rows) + 2):
            sheet.cell(row=r, column=1, value=r - 1)
        sheet.column_dimensions["A"].hidden = True
        sheet.cell(row=len(rows) + 3, column=2, value="计算用，不打印")
        sheet.cell(row=2, column=width + 3, value=12345)
    out = io.BytesIO()
    book.save(out)

    def edit(parts: dict) -> None:
        if formulas:  # a cached value beside each formula, which openpyxl does not write
            parts["xl/worksheets/sheet1.xml"] = re.sub(rb'<c r="([A-Z]+\d+)"( s="\d+")? t="n"><v>([^<]+)</v></c>',
                                                       rb'<c r="\1"\2><f>\3*1</f><v>\3</v></c>',
                                                       parts["xl/worksheets/sheet1.xml"])
        if outside:
            parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
                b"<calcPr", f'<oleSize ref="A1:{_column(width + 1)}{len(rows) + 1}"/><calcPr'.encode())

    return rezip(out.getvalue(), edit)


def rezip(package: bytes, edit) -> bytes:
    """The ZIP ``package`` (an Excel or Word file) written again with its parts, a dict by name, passed through
    ``edit`` (which changes the dict in place)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    edit(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return out.getvalue()


def _column(n: int) -> str:
    """The letters of the ``n``-th column (1: A)."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def render_docx_worksheets(lines: list, path, *, merged: bool = False, formulas: bool = False,
                           outside: bool = False) -> None:
    """Write `lines` as :func:`render_docx` does, but every table as an Excel worksheet pasted into the document as
    an object (OLE, ``word/embeddings/Microsoft_Excel_WorksheetN.xlsx``, shown as a picture), as offices paste their
    statistics tables; see ``_worksheet`` for `merged`, `formulas` and `outside`."""
    import zipfile

    tables: list = []
    placed: list = []
    for kind, block in _blocks(lines):
        if kind == "table":
            placed.append(f"@@SHEET{len(tables)}@@")
            tables.append(block)
        else:
            placed.append(block)
    render_docx(placed, path)
    with zipfile.ZipFile(os.fspath(path)) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")  # (its root declares the v: and o: namespaces)
    rels, types = "", ('<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.'
                       'spreadsheetml.sheet"/><Default Extension="emf" ContentType="image/x-emf"/>')
    for k, rows in enumerate(tables):
        placeholder = f"<w:p><w:r><w:t>@@SHEET{k}@@</w:t></w:r></w:p>"
        assert xml.count(placeholder) == 1
        xml = xml.replace(placeholder, _WORD_OBJECT.format(k=k))
        parts[f"word/embeddings/Microsoft_Excel_Worksheet{k}.xlsx"] = _worksheet(rows, merged=merged,
                                                                                formulas=formulas, outside=outside)
        parts[f"word/media/sheet{k}.emf"] = b"\x01\x00\x00\x00" + b"\x00" * 84  # (a picture no reader draws)
        rels += (f'<Relationship Id="rIdSheet{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 f'relationships/package" Target="embeddings/Microsoft_Excel_Worksheet{k}.xlsx"/>'
                 f'<Relationship Id="rIdSheetImage{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 f'relationships/image" Target="media/sheet{k}.emf"/>')
    parts["word/document.xml"] = xml.encode("utf-8")
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rels.encode("utf-8") + b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", types.encode() + b"</Types>")
    with zipfile.ZipFile(os.fspath(path), "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


# --------------------------------------------------------------------------
# Word 97-2003 (.doc): a small writer of the binary format ([MS-DOC], [MS-CFB])
# --------------------------------------------------------------------------

_SECTOR = 512
_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def ole_bytes(streams: dict) -> bytes:
    """An OLE compound file (version 3) holding `streams` (name -> bytes) at its root.

    Every stream is padded to 4096 bytes at least, so that none lives in a mini stream.
    """
    names = list(streams)
    datas = [streams[n] + b"\0" * max(4096 - len(streams[n]), 0) for n in names]
    datas = [d + b"\0" * (-len(d) % _SECTOR) for d in datas]
    dir_sectors = (len(names) + 1 + 3) // 4
    sectors = dir_sectors + sum(len(d) // _SECTOR for d in datas)
    fat_sectors = 1
    while (sectors + fat_sectors) > fat_sectors * 128:
        fat_sectors += 1
    fat = []
    starts = []
    for count in [dir_sectors] + [len(d) // _SECTOR for d in datas]:
        starts.append(len(fat))
        fat += [len(fat) + k + 1 for k in range(count - 1)] + [_END]
    fat_start = len(fat)
    fat += [_FAT] * fat_sectors
    fat += [_FREE] * (fat_sectors * 128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, _FREE, right, child) + b"\0" * 36
                + struct.pack("<III", start, size, 0))

    entries = [entry("Root Entry", 5, 1 if names else _FREE, _FREE, _END, 0)]
    for k, (name, data) in enumerate(zip(names, datas)):
        entries.append(entry(name, 2, _FREE, k + 2 if k + 1 < len(names) else _FREE, starts[k + 1], len(data)))
    directory = b"".join(entries).ljust(dir_sectors * _SECTOR, b"\0")
    for k in range(len(entries), dir_sectors * 4):  # unused entries
        at = k * 128
        directory = directory[:at + 68] + struct.pack("<III", _FREE, _FREE, _FREE) + directory[at + 80:]
    difat = [fat_start + k for k in range(fat_sectors)] + [_FREE] * (109 - fat_sectors)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, fat_sectors, starts[0], 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", *difat))
    return header + directory + b"".join(datas) + struct.pack(f"<{len(fat)}I", *fat)


_CELL, _ROW = {"depth": 1}, {"depth": 1, "row_end": True}


def _sprm(code: int, operand: bytes) -> bytes:
    return struct.pack("<H", code) + operand


def _grpprl(props: dict) -> bytes:
    """The sprms of a paragraph's table properties (see doc_bytes)."""
    depth = props.get("depth", 0)
    out = b""
    if depth:
        out += _sprm(0x2416, b"\x01") + _sprm(0x6649, struct.pack("<i", depth))
    if props.get("row_end"):
        out += _sprm(0x2417 if depth <= 1 else 0x244C, b"\x01")
    if props.get("cell_end"):
        out += _sprm(0x244B, b"\x01")
    if props.get("tabs"):  # tab stops added, (position in twips, leader: TBD.tlc) each: sprmPChgTabsPapx
        stops = props["tabs"]
        body = bytes([0, len(stops)]) + b"".join(struct.pack("<h", pos) for pos, _ in stops) + bytes(
            0x2 | tlc << 3 for _, tlc in stops)  # (jc 2: a right tab)
        out += _sprm(0xC60D, bytes([len(body)]) + body)
    if props.get("drop_cap"):  # a drop cap (DCS.fdct: 1 in the text, 2 in the margin; 3 lines): sprmPDcs
        out += _sprm(0x442C, bytes([props["drop_cap"] | 3 << 3, 0]))
    if props.get("list"):  # an item of a list: (its list, 1-based into the PlfLfo, and level): sprmPIlfo, sprmPIlvl
        ilfo, ilvl = props["list"]
        out += _sprm(0x460B, struct.pack("<H", ilfo)) + _sprm(0x260A, bytes([ilvl]))
    merged, restart = props.get("merged", ()), props.get("restart", ())
    across, widths, given = props.get("across", ()), props.get("widths", ()), props.get("bounds", ())
    if props.get("row_end") and (merged or restart or across or widths or given):
        cells = len(widths) or len(given) - 1 if widths or given else max([*merged, *restart, *across]) + 1
        # (TC80.tcgrf: vertMerge 1 covered by the cell above, 3 its first; horzMerge 2 merged into the cell left of
        # it, 1 the first of such a run)
        tcs = b"".join(struct.pack("<H", (0x20 if k in merged else 0x60 if k in restart else 0)
                                   | (2 if k in across else 1 if k + 1 in across else 0)) + b"\0" * 18
                       for k in range(cells))
        # (rgdxaCenter: the cells' boundaries, in twips; a cell `widths` grid columns wide each, 1000 twips a column)
        # (or as ``bounds`` gives them)
        bounds = list(given) or ([1000 * sum(widths[:k]) for k in range(cells + 1)] if widths else [0] * (cells + 1))
        body = bytes([cells]) + struct.pack(f"<{cells + 1}h", *bounds) + tcs
        out += _sprm(0xD608, struct.pack("<H", len(body) + 1) + body)
    return out


def _office_art(kind: int, body: bytes, container: bool = True) -> bytes:
    """An OfficeArt record ([MS-ODRAW]): its header (recVer 0xF for a container), then ``body``."""
    return struct.pack("<HHI", 0xF if container else 0, kind, len(body)) + body


def _office_art_drawings(grouped: list, word_art: list, header: tuple = ((), ())) -> bytes:
    """The drawings (OfficeArtContent) of text boxes 1025 + k, each in a group of its own (2049 + k, the group's
    shape first, then the box's, then an arrow's) where ``grouped[k]``, and of WordArt 4097 + k, its text
    ``word_art[k]`` (gtextUNICODE, a complex property of its OfficeArtFOPT): the drawing group, then the main
    document's drawing (dgglbl 0), its page's group holding the shapes; then, where ``header`` holds the headers'
    (grouped, word_art) alike, their drawing (dgglbl 1), its shapes' ids _HEADER_SHAPES more."""
    main = _office_art_drawing(grouped, word_art, 0)
    headers = b"\x01" + _office_art_drawing(*header, _HEADER_SHAPES) if any(header[0]) or header[1] else b""
    return _office_art(0xF000, b"") + b"\x00" + main + headers


_HEADER_SHAPES = 0x2000  # (added to the ids of the shapes drawn in the headers: ids are unique in a document)


def _office_art_drawing(grouped: list, word_art: list, base: int) -> bytes:
    """A drawing (OfficeArtDgContainer) of _office_art_drawings, its shapes' ids ``base`` more."""
    def shape(spid: int, art: str | None = None) -> bytes:  # (an OfficeArtSpContainer, its OfficeArtFSP: spid, flags)
        body = _office_art(0xF00A, struct.pack("<II", spid, 0), container=False)
        if art is not None:  # (an OfficeArtFOPT: 1 property, recVer 3 and recInstance 1, then its complex data)
            data = (art + "\0").encode("utf-16-le")
            body += struct.pack("<HHI", 0x13, 0xF00B, 6 + len(data)) + struct.pack("<HI", 0x80C0, len(data)) + data
        return _office_art(0xF004, body)

    shapes = shape(base + 1024)  # (the page's group's own shape)
    for k, group in enumerate(grouped):
        box = base + 1025 + k
        shapes += _office_art(0xF003, shape(box + 1024) + shape(box) + shape(box + 2048)) if group else shape(box)
    shapes += b"".join(shape(base + 4097 + k, art) for k, art in enumerate(word_art))
    drawing = _office_art(0xF008, struct.pack("<II", len(grouped) + 1, base + 1024), container=False) + _office_art(
        0xF003, shapes)
    return _office_art(0xF002, drawing)


def doc_bytes(paragraphs: list, *, pieces: int = 1, eight_bit: bool = False, reverse: bool = False,
              huge: bool = False, nfib: int = 0x00C1, flags: int = 0, streams: dict | None = None,
              clx: bytes | None = None, ccp: int | None = None, raised=(), chpx: bytes | None = None,
              styles: dict | None = None, lists: list | None = None, fonts: list | None = None,
              text_boxes: list | None = None, word_art: list | None = None, header: int = 0,
              header_boxes: list | None = None, header_word_art: list | None = None) -> bytes:
    r"""A Word 97-2003 document whose main text is `paragraphs`: (text ending with its mark, table properties).

    A paragraph's text ends with ``\r`` (or ``\x07``, a cell or row mark of a table); its properties are a
    dict: ``depth`` (the table depth, 0 outside tables), ``row_end`` (its mark ends a row: sprmPFTtp, or
    sprmPFInnerTtp in a nested table), ``cell_end`` (its paragraph mark ends a nested table's cell) and
    ``merged`` (of a row end: the cells covered by a vertical merge; ``restart``: the cells starting one;
    ``across``: those merged into the cell left of each, horzMerge; ``widths``: each cell's width in grid columns,
    written as the row's boundaries, rgdxaCenter; ``bounds``: the boundaries themselves, in twips) and
    ``tabs`` (tab stops it adds, (position in twips, leader: 1 dots … 5 middle dots) each), ``drop_cap`` (it is a
    drop cap: 1 in the text, 2 in the margin) and ``style`` (its paragraph style's istd, 0 if not given). The
    text is cut into `pieces` pieces of
    the piece table (with `eight_bit`, also where it turns from text cp1252 holds to other text and back, the
    first kind written 8-bit), stored in reverse order with `reverse` (as Word's fast saves leave them);
    `huge` puts the properties of row ends in the Data stream (sprmPHugePapx). `nfib` and `flags` are the
    FIB's, and so are `ccp` (ccpText, the text's length if None) and `clx` (the piece table, its bytes if given);
    `streams` adds streams to (or, given None, removes them from) the container. `raised` holds (start, end) spans
    of the text set raised (superscript: sprmCIss in the character properties, PlcBteChpx), in order; `chpx`, if
    given, holds the spans' character properties' sprms instead (sprmCIstd naming a character style, or others);
    `styles` is the style sheet's character styles, {istd: (the style it is based on or None, its sprms)}, a third
    item "paragraph" making one a paragraph style (its character properties' sprms), a fourth, if given, the sprms of
    its paragraph properties (a list it numbers: sprmPIlfo, sprmPIlvl).
    `lists` holds the lists' definitions (PlfLst, the LVLs after it, one LFO each in the PlfLfo: list k + 1 of a
    paragraph's ``list`` property, (list, level)), each a list of its 9 levels' dicts: ``start``, ``nfc`` (the number
    format's value), ``text`` (\x00 … \x08 for the levels' numbers), ``legal`` (fLegal) and ``restart_lim`` (with
    fNoRestart: the ilvlRestartLim), the last two optional. `fonts` names the fonts of the font table (SttbfFfn), a
    run's sprmCSymbol naming one by its index. `text_boxes` holds the text boxes, (the CP of its anchor in the main
    text, the count of its characters) each: their text is the paragraphs after the main text's ``ccp`` characters, in
    order (the text-box story: ccpTxbx, its boxes in PlcftxbxTxt, their anchors' shapes in PlcSpaMom); a third item,
    true, draws the box in a group of shapes (in the drawings, OfficeArtContent), the group's shape anchored in its
    place. `word_art` holds WordArt, (the CP of its anchor, its text) each, in the drawings. `header` is the count
    of the characters after the main text that are the first section's page header (of odd pages: PlcfHdd, ccpHdd),
    before the text boxes' text; `header_boxes` (after the boxes' text: the header text-box story, ccpHdrTxbx) and
    `header_word_art` are its text boxes and WordArt as `text_boxes` and `word_art` are, anchored by a CP of the
    header (PlcSpaHdr, PlcfHdrtxbxTxt; the headers' drawing).
    """
    text = "".join(t for t, _ in paragraphs)
    cuts = {len(text) * k // pieces for k in range(1, pieces)}
    if eight_bit:
        fits = [_cp1252(c) is not None for c in text]
        cuts |= {k for k in range(1, len(text)) if fits[k] != fits[k - 1]}
    bounds = sorted({0, len(text)} | cuts)
    spans = list(zip(bounds, bounds[1:]))
    fib_size = 0x400
    stored = {}
    blob = b""
    for first, end in (reversed(spans) if reverse else spans):
        chunk = text[first:end]
        small = eight_bit and all(_cp1252(c) is not None for c in chunk)
        data = b"".join(_cp1252(c) for c in chunk) if small else chunk.encode("utf-16-le")
        stored[first] = (fib_size + len(blob), small)
        blob += data
    word = bytearray(fib_size) + blob
    word += b"\0" * (-len(word) % _SECTOR)

    def fc_of(cp: int) -> int:
        first = max(b for b in bounds[:-1] if b <= cp)
        at, small = stored[first]
        return at + (cp - first) * (1 if small else 2)

    # the paragraph marks' byte offsets and properties, one FKP run each, in byte order
    marks, cp = [], 0
    extra = bytearray(b"\0" * 8)
    for t, props in paragraphs:
        cp += len(t)
        grpprl = _grpprl(props)
        if huge and props.get("row_end") and grpprl:
            extra += struct.pack("<H", len(grpprl)) + grpprl
            grpprl = _sprm(0x6646, struct.pack("<I", len(extra) - len(grpprl) - 2))
        mark = fc_of(cp - 1)
        marks.append((mark, mark + (1 if stored[max(b for b in bounds[:-1] if b <= cp - 1)][1] else 2),
                      struct.pack("<H", props.get("style", 0)) + grpprl))
    marks.sort()
    bte_fcs, bte_pns = [], []
    for k in range(0, len(marks), 8):
        group = marks[k:k + 8]
        starts = [0 if k == 0 and j == 0 else marks[k + j - 1][1] for j in range(len(group))]
        rgfc = starts + [group[-1][1]]
        page = bytearray(_SECTOR)
        struct.pack_into(f"<{len(rgfc)}I", page, 0, *rgfc)
        top = _SECTOR - 1
        for j, (_m, _e, grpprl) in enumerate(group):
            papx = grpprl  # (its istd, then the sprms)
            data = bytes([(len(papx) + 1) // 2]) + papx if len(papx) % 2 else b"\0" + bytes([len(papx) // 2]) + papx
            top = (top - len(data)) & ~1
            page[top:top + len(data)] = data
            page[4 * len(rgfc) + 13 * j] = top // 2
        page[_SECTOR - 1] = len(group)
        bte_fcs.append(rgfc[0])
        bte_pns.append(len(word) // _SECTOR)
        word += page
    bte_fcs.append(marks[-1][1])
    pcd = b"".join(struct.pack("<HIH", 0, stored[first][0] * 2 | 0x40000000 if stored[first][1] else stored[first][0], 0)
                   for first, _end in spans)
    plc = struct.pack(f"<{len(bounds)}i", *bounds) + pcd
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc if clx is None else clx
    bte = struct.pack(f"<{len(bte_fcs)}I", *bte_fcs) + struct.pack(f"<{len(bte_pns)}I", *bte_pns)
    table = clx + bte
    if raised:  # one FKP of character runs: the text between the spans plain (no CHPX), the spans raised
        bounds_fc = [fib_size] + [fc for start, end in raised for fc in (fc_of(start), fc_of(end - 1) + 2)]
        bounds_fc.append(max(fc_of(len(text) - 1) + 2, bounds_fc[-1]))
        crun = len(bounds_fc) - 1
        page = bytearray(_SECTOR)
        struct.pack_into(f"<{crun + 1}I", page, 0, *bounds_fc)
        chpx = _sprm(0x2A48, b"\x01") if chpx is None else chpx  # (sprmCIss 1: superscript)
        chpx = bytes([len(chpx)]) + chpx  # (cb, then the sprms)
        top = (_SECTOR - 1 - len(chpx)) & ~1
        page[top:top + len(chpx)] = chpx
        for j in range(1, crun, 2):
            page[4 * (crun + 1) + j] = top // 2
        page[_SECTOR - 1] = crun
        chpx_bte = struct.pack("<2I", bounds_fc[0], bounds_fc[-1]) + struct.pack("<I", len(word) // _SECTOR)
        word += page
        struct.pack_into("<II", word, 0x9A + 8 * 12, len(table), len(chpx_bte))  # PlcBteChpx
        table += chpx_bte
    struct.pack_into("<HHHH", word, 0, 0xA5EC, nfib, 0, 0x0804)
    if lists:
        plf_lst = struct.pack("<h", len(lists)) + b"".join(
            struct.pack("<ii", k + 1, 0) + b"\xff\x0f" * 9 + b"\0\0" for k in range(len(lists)))
        levels = b""
        for definition in lists:
            for level in definition:
                flags = (0x04 if level.get("legal") else 0) | (0x08 if level.get("restart_lim") is not None else 0)
                levels += struct.pack("<iBB", level["start"], level["nfc"], flags) + b"\0" * 18 + bytes(
                    [0, 0, level.get("restart_lim") or 0, 0])  # (rgbxchNums … unused2, no grpprls)
                levels += struct.pack("<H", len(level["text"])) + level["text"].encode("utf-16-le")
        plf_lfo = struct.pack("<i", len(lists)) + b"".join(struct.pack("<i12x", k + 1) for k in range(len(lists)))
        plf_lfo += b"\xff\xff\xff\xff" * len(lists)  # (the LFOData: a cp each, no LFOLVLs)
        struct.pack_into("<II", word, 0x9A + 8 * 73, len(table), len(plf_lst))  # PlfLst
        table += plf_lst + levels
        struct.pack_into("<II", word, 0x9A + 8 * 74, len(table), len(plf_lfo))  # PlfLfo
        table += plf_lfo
    main_ccp = len(text) if ccp is None else ccp
    if header:  # the header stories (PlcfHdd: six separator stories, then six of the first section, all empty
        # but the odd pages' header)
        hdd = struct.pack("<13i", *[0] * 8, *[header] * 5)
        struct.pack_into("<II", word, 0x9A + 8 * 11, len(table), len(hdd))
        table += hdd
        struct.pack_into("<i", word, 0x4C + 8, header)  # ccpHdd
    boxes, art = text_boxes or [], word_art or []
    header_box_chars = sum(box[1] for box in header_boxes or ())
    for spa_at, txbx_at, base, end, placed, drawn in ((40, 56, 0, main_ccp, boxes, art),
                                                     (41, 58, _HEADER_SHAPES, header, header_boxes or [],
                                                      header_word_art or [])):
        table += _anchored_shapes(word, len(table), spa_at, txbx_at, base, end, placed, drawn)
    grouped = [len(box) > 2 and box[2] for box in boxes]
    header_grouped = [len(box) > 2 and box[2] for box in header_boxes or ()]
    if any(grouped) or art or any(header_grouped) or header_word_art:
        drawings = _office_art_drawings(grouped, [a for _, a in art],
                                        (header_grouped, [a for _, a in header_word_art or ()]))
        struct.pack_into("<II", word, 0x9A + 8 * 50, len(table), len(drawings))  # DggInfo
        table += drawings
    if boxes:
        struct.pack_into("<i", word, 0x4C + 24, len(text) - main_ccp - header - header_box_chars)  # ccpTxbx
    if header_boxes:
        struct.pack_into("<i", word, 0x4C + 28, header_box_chars)  # ccpHdrTxbx
    if fonts:  # the font table: an FFN each, its cbFfnM1, 39 bytes of properties, its name (0-terminated)
        ffns = [bytes(39) + (name + "\0").encode("utf-16-le") for name in fonts]
        sttbf = struct.pack("<HH", len(ffns), 0) + b"".join(bytes([len(ffn)]) + ffn for ffn in ffns)
        struct.pack_into("<II", word, 0x9A + 8 * 15, len(table), len(sttbf))  # SttbfFfn
        table += sttbf
    if styles:
        struct.pack_into("<II", word, 0x9A + 8 * 1, len(table), len(_style_sheet(styles)))  # STSH
        table += _style_sheet(styles)
    struct.pack_into("<H", word, 0x0A, 0x0200 | flags)  # fWhichTblStm: 1Table
    struct.pack_into("<H", word, 0x20, 14)
    struct.pack_into("<H", word, 0x3E, 22)
    struct.pack_into("<i", word, 0x4C, len(text) if ccp is None else ccp)  # ccpText
    struct.pack_into("<H", word, 0x98, 93)
    struct.pack_into("<II", word, 0x9A + 8 * 13, len(clx), len(bte))  # PlcBtePapx
    struct.pack_into("<II", word, 0x9A + 8 * 33, 0, len(clx))  # Clx
    all_streams = {"WordDocument": bytes(word), "1Table": table, **({"Data": bytes(extra)} if huge else {})}
    for name, data in (streams or {}).items():
        if data is None:
            all_streams.pop(name, None)
        else:
            all_streams[name] = data
    return ole_bytes(all_streams)


def _anchored_shapes(word: bytearray, at: int, spa_at: int, txbx_at: int, base: int, end: int, boxes: list,
                     word_art: list) -> bytes:
    """The shapes of doc_bytes' text boxes and WordArt anchored in a story (the main document's or the headers',
    ``end`` characters long), written at ``at`` of the table stream, their places set in the FIB (``spa_at``,
    ``txbx_at``: the FibRgFcLcb97 entries of their PlcSpa and PlcftxbxTxt), their shapes' ids ``base`` more."""
    grouped = [len(box) > 2 and box[2] for box in boxes]  # (a group's shape id: 2049 + k)
    # the shapes anchored (PlcSpaMom, PlcSpaHdr: their anchors' CPs, then an FSPA each, its spid first): the boxes'
    # (1025 + k, or their groups'), WordArt's (4097 + k)
    shapes = sorted([(box[0], base + (2049 if grouped[k] else 1025) + k) for k, box in enumerate(boxes)]
                    + [(cp, base + 4097 + k) for k, (cp, _) in enumerate(word_art)])
    out = b""
    if shapes:
        spa = struct.pack(f"<{len(shapes) + 1}i", *(cp for cp, _ in shapes), end)
        spa += b"".join(struct.pack("<I", spid) + bytes(22) for _, spid in shapes)
        struct.pack_into("<II", word, 0x9A + 8 * spa_at, at, len(spa))
        out += spa
    if boxes:  # the boxes' text (PlcftxbxTxt: CPs into the story and an FTXBXS, its lid the shape's spid at 14,
        # each; a last, dummy box)
        cps = [0]
        for box in boxes:
            cps.append(cps[-1] + box[1])
        txbx = struct.pack(f"<{len(cps) + 1}i", *cps, cps[-1] + 1) + b"".join(
            bytes(14) + struct.pack("<II", base + 1025 + k, 0) for k in range(len(boxes) + 1))
        struct.pack_into("<II", word, 0x9A + 8 * txbx_at, at + len(out), len(txbx))
        out += txbx
    return out


def _style_sheet(styles: dict) -> bytes:
    """A style sheet (STSH) of the `styles` of doc_bytes, the other slots up to the last empty."""
    stshi = struct.pack("<HHH", max(styles) + 1, 10, 0) + b"\0" * 12  # cstd, cbSTDBaseInFile (Word 97's), …
    out = struct.pack("<H", len(stshi)) + stshi
    for istd in range(max(styles) + 1):
        if istd not in styles:
            out += b"\0\0"
            continue
        base, sprms, *kind = styles[istd]
        name = f"style {istd}".encode("utf-16-le")
        paragraph = kind[:1] == ["paragraph"]  # (stk 1, its UPXs: its paragraph properties, its istd first, first)
        papx = struct.pack("<H", istd) + (kind[1] if len(kind) > 1 else b"")
        std = (struct.pack("<HHHHH", 0, (1 if paragraph else 2) | (0x0FFF if base is None else base) << 4,
                           (2 if paragraph else 1) | istd << 4, 0, 0)
               + struct.pack("<H", len(name) // 2) + name + b"\0\0"
               + (struct.pack("<H", len(papx)) + papx + b"\0" * (len(papx) % 2) if paragraph else b"")
               + struct.pack("<H", len(sprms)) + sprms + b"\0" * (len(sprms) % 2))
        out += struct.pack("<H", len(std)) + std
    return out


def _cp1252(c: str) -> bytes | None:
    try:
        return c.encode("cp1252")
    except UnicodeEncodeError:
        return c.encode("latin-1") if 0x80 <= ord(c) < 0xA0 else None


def doc_paragraphs(lines: list, merge_down=(), merge_across=(), merge_wide=()) -> list:
    """`lines` as the paragraphs of doc_bytes: a text line a paragraph, consecutive rows one table (its short
    rows padded with ``''`` cells, as render_docx pads them); the cells of `merge_down` (see :func:`render_html`)
    merged into the cell above each, as Word writes a vertical merge (the covered cells' text not written), and
    those of `merge_across` (likewise, ``(row, column)``) into the cell left of each, as Word 97 merges cells
    (horzMerge); those of `merge_wide` (likewise) into the cell left of each as newer Word merges cells: not
    written, the cell left of it as much wider, no merge flag (every row's cell boundaries written, rgdxaCenter)."""
    out = []
    first = 0
    for kind, block in _blocks(lines):
        if kind == "text":
            out.append((block + "\r", {}))
            continue
        width = _width(block)
        merged: dict = {}
        first = _merge_down(merged, merge_down, first, len(block))
        for r, row in enumerate(block):
            covered = [c for c in range(width) if (r, c) in merged]
            starts = sorted({c for keeper_row, c in merged.values() if keeper_row == r})
            across = [c for c in range(width) if (first - len(block) + r, c) in merge_across]
            cells = row + [""] * (width - len(row))
            if merge_wide:
                wide = {c for c in range(width) if (first - len(block) + r, c) in merge_wide}
                widths = [1 + sum(1 for _ in itertools.takewhile(wide.__contains__, range(k + 1, width)))
                          for k in range(width) if k not in wide]
                out += [(cell + "\x07", _CELL) for k, cell in enumerate(cells) if k not in wide]
                out.append(("\x07", {**_ROW, "widths": widths}))
                continue
            out += [(("" if k in covered or k in across else cell) + "\x07", _CELL) for k, cell in enumerate(cells)]
            out.append(("\x07", {**_ROW, "merged": covered, "restart": starts, "across": across}
                        if covered or starts or across else _ROW))
    return out + [("\r", {})]


def render_doc(lines: list, path, merge_down=(), merge_across=(), merge_wide=(), **options) -> None:
    """Write `lines` to a Word 97-2003 file (see doc_paragraphs for `merge_down`, `merge_across` and `merge_wide`,
    doc_bytes for `options`)."""
    Path(path).write_bytes(doc_bytes(doc_paragraphs(lines, merge_down, merge_across, merge_wide), **options))


# The namespaces of the parts python-docx writes, and the ones Word's 'Strict Open XML Document' writes instead
# (ECMA-376 Part 1, strict conformance)
_TO_STRICT = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes":
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml":
        "http://purl.oclc.org/ooxml/officeDocument/customXml",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography":
        "http://purl.oclc.org/ooxml/officeDocument/bibliography",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "http://purl.oclc.org/ooxml/schemaLibrary/main",
}


def strict_docx(path) -> None:
    """Rewrite the DOCX at `path` (from :func:`render_docx`) as a Strict Open XML document: every XML part and
    relationship in the strict namespaces, the document marked ``w:conformance="strict"``."""
    import zipfile

    with zipfile.ZipFile(os.fspath(path)) as zin:
        parts = {info: zin.read(info) for info in zin.infolist()}
    with zipfile.ZipFile(os.fspath(path), "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in parts.items():
            if info.filename.endswith((".xml", ".rels")):
                for transitional, strict in _TO_STRICT.items():
                    data = data.replace(transitional.encode(), strict.encode())
                if info.filename == "word/document.xml":
                    data = data.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)
            zout.writestr(info, data)


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cjk_font_path() -> str:
    """Path of a TrueType CJK font shipped with the ``mplfonts`` package.

    fpdf2 embeds TrueType outlines with a ToUnicode map, so pdfplumber reads
    the characters back (the bundled CFF ``.otf`` fonts come out empty).
    """
    import mplfonts

    folder = os.path.join(os.path.dirname(mplfonts.__file__), "fonts")
    candidates = sorted(glob.glob(os.path.join(folder, "*.ttf")))
    preferred = [p for p in candidates if os.path.basename(p).lower() == "simhei.ttf"]
    found = preferred or candidates
    if not found:
        raise RuntimeError(f"no TrueType CJK font found in {folder}")
    return found[0]


def render_pdf(
    lines: list,
    path,
    *,
    colspan_header: bool = False,
    font_size: float = 9.0,
    compress: bool = True,
    ruled: bool = True,
    decorate=None,
    marks: dict | None = None,
    spaced: dict | None = None,
    doubled: set | None = None,
    doubled_apart: bool = False,
    wrapped: dict | None = None,
    middle: bool = False,
    unmapped: set | None = None,
    unmapped_runs: dict | None = None,
    title: str | None = None,
    xmp_title: str | None = None,
    spans: dict | None = None,
    centered: bool = False,
    top_margin: float = 20.0,
) -> None:
    """Write `lines` to a PDF with an embedded CJK font (fpdf2), ``title`` (if given) as its document
    information's Title and ``xmp_title`` (if given) as the dc:title of its XMP metadata stream.

    ``decorate(pdf, page_no)`` is called when a page is full (and for the last page) to draw over it what a
    printer or a document system adds (headers, footers, watermarks: ``overlays.py``); ``marks`` maps
    ``(first cell of a row, column index)`` to a footnote mark set as a raised small digit after that cell's text;
    ``spaced`` maps a text line or a table cell to the letter spacing (points) it is set with (a title or heading
    spread out, a cell's word set with distributed alignment);
    the text lines and cells in ``doubled`` are drawn twice, the second time 0.3 pt to the right (the bold a
    word processor fakes for a font without a bold face), with ``doubled_apart`` in a second subset of the font (a
    font of another name, as some producers embed the bold's copy); ``wrapped`` maps a cell's text to the lines it is set in,
    one under the other in a column as narrow as the widest of them (a number wrapped in a narrow cell, '6565' over
    '1'), the other cells of its row at the top of theirs (Word's default) or, with ``middle``, in their middle;
    the text lines and cells in ``unmapped`` are set in a second copy of the font whose Unicode map (and
    TrueType outlines, from which pdfminer would rebuild one) is then removed: they come out as (cid:NN);
    ``unmapped_runs`` maps a text line to a word of it set so (the rest of the line as usual).
    ``spans`` maps a cell's text to the number of columns its box spans (a group header over its columns, the
    blank cells after it in its row left out); with ``centered`` every cell's text is set in the middle of its box
    (else at its left, fpdf's default). ``top_margin`` is where each page's text starts, below its top edge (pt):
    the 20 pt of the other margins by default, inside the band a reader takes for a running header's (``pdf.margin``
    of formats.yaml); 72 (a word processor's 2.54 cm) sets it below that band, as a printed report's body is.

    With ``ruled=False`` the table cells are placed in their columns without any line, as many agencies
    print them: pdfplumber then finds no table and gives the rows as lines of text.

    Text lines are written one per physical line; consecutive rows are drawn
    as a ruled table (every cell boxed) that ``pdfplumber``'s
    ``find_tables`` finds. Short rows are padded with ``''`` cells, or, with
    `colspan_header`, their last cell is one wide box spanning the rest.
    The page is made wide enough that no line or cell wraps, so the text
    comes back exactly; pages break as needed, and where `lines` holds PAGE_BREAK (inside a table too: the rows
    after it go on at the top of the next page, in the table's columns, under the text the item carries after
    PAGE_BREAK, if any). ``compress=False`` leaves the
    content streams readable (used to make a PDF without a Unicode map).
    """
    from fpdf import FPDF

    margin = 20.0
    line_h = font_size * 1.8
    row_h = font_size * 2.2
    page_h = 842.0

    pdf = FPDF(unit="pt")
    unmapped_runs = unmapped_runs or {}
    if unmapped_runs:
        unmapped = set(unmapped or ()) | set(unmapped_runs.values())
    if not compress or unmapped:
        pdf.set_compression(False)
    pdf.add_font("cjk", fname=cjk_font_path())
    if unmapped:
        pdf.add_font("unmapped", fname=cjk_font_path())
    if doubled_apart:
        pdf.add_font("again", fname=cjk_font_path())
    pdf.set_font("cjk", size=font_size)
    if title is not None:
        pdf.set_title(title)
    if xmp_title is not None:
        pdf.set_xmp_metadata(
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt>'
            f'<rdf:li xml:lang="x-default">{html.escape(xmp_title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>'
            '</rdf:RDF></x:xmpmeta>')
    measure = pdf
    pad = 2 * pdf.c_margin + font_size

    lines, breaks = _page_breaks(lines)
    blocks = list(_blocks(lines))
    content_w = 555.0
    layouts = []
    for kind, block in blocks:
        if kind == "text":
            content_w = max(content_w, measure.get_string_width(block) + pad)
            layouts.append(None)
            continue
        width = _width(block)
        cols = [font_size * 2] * width
        for row in block:
            for i, cell in enumerate(row):
                spanning = colspan_header and i == len(row) - 1 and len(row) < width
                if not spanning and cell not in (spans or {}):
                    parts = (wrapped or {}).get(cell, [cell])
                    cols[i] = max(cols[i], max(measure.get_string_width(part) for part in parts) + pad
                                  + (spaced or {}).get(cell, 0) * len(cell))
        for row in block:  # make spanning cells fit
            if colspan_header and 0 < len(row) < width:
                i = len(row) - 1
                need = measure.get_string_width(row[i]) + pad
                have = sum(cols[i:])
                if need > have:
                    cols[-1] += need - have
        layouts.append(cols)
        content_w = max(content_w, sum(cols))

    page = (content_w + 2 * margin, page_h)
    pdf.set_auto_page_break(False)
    pdf.set_margins(margin, margin, margin)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.6)
    pdf.add_page(format=page)
    y = top_margin

    def room(height: float, new_page: bool = False, notes: tuple[str, str] = ("", "")) -> float:
        nonlocal y
        foot_line, top_line = notes
        if new_page and foot_line:  # (a note under a table's last rows that it goes on: text before PAGE_BREAK)
            pdf.set_xy(margin, y)
            pdf.cell(content_w, line_h, foot_line)
        if new_page or y + height > page_h - margin:
            if decorate:
                decorate(pdf, pdf.page_no())
            pdf.add_page(format=page)
            y = top_margin
            if top_line:  # (a caption repeated over a table going on: PAGE_BREAK followed by text)
                pdf.set_xy(margin, y)
                pdf.cell(content_w, line_h, top_line)
                y += line_h
        return y

    for b, ((kind, block), cols) in enumerate(zip(blocks, layouts)):
        if kind == "text":
            room(line_h, (b, 0) in breaks, breaks.get((b, 0), ("", "")))
            if block.strip():
                pdf.set_xy(margin, y)
                pdf.set_char_spacing((spaced or {}).get(block, 0))
                if (run := unmapped_runs.get(block)) is not None:  # (the line in pieces, each in its font)
                    x = margin
                    for piece in filter(None, re.split(f"({re.escape(run)})", block)):
                        pdf.set_font("unmapped" if piece == run else "cjk", size=font_size)
                        pdf.set_xy(x, y)
                        pdf.cell(pdf.get_string_width(piece), line_h, piece)
                        x += pdf.get_string_width(piece)
                else:
                    pdf.set_font("unmapped" if block in (unmapped or ()) else "cjk", size=font_size)
                    pdf.cell(content_w, line_h, block)
                if block in (doubled or ()):
                    pdf.set_xy(margin + 0.3, y)
                    pdf.set_font("again" if doubled_apart else "cjk", size=font_size)
                    pdf.cell(content_w, line_h, block)
                pdf.set_char_spacing(0)
            y += line_h
            continue
        y += font_size * 0.5
        width = len(cols)
        for r, row in enumerate(block):
            lines_in_row = max((len((wrapped or {}).get(cell, ())) for cell in row), default=0)
            height = row_h + max(lines_in_row - 1, 0) * font_size * 1.2  # a row grows for a wrapped cell
            room(height, (b, r) in breaks, breaks.get((b, r), ("", "")))
            x = margin
            cells = list(row)
            if not (colspan_header and 0 < len(row) < width):
                cells += [""] * (width - len(row))
            covered = 0  # (the columns a spanning cell before covers)
            for i, cell in enumerate(cells):
                if covered:
                    covered -= 1
                    continue
                w = sum(cols[i:]) if i == len(cells) - 1 else cols[i]
                if cell in (spans or {}):
                    covered = spans[cell] - 1
                    w = sum(cols[i:i + spans[cell]])
                pdf.set_xy(x, y)
                pdf.set_font("unmapped" if cell in (unmapped or ()) else "cjk", size=font_size)
                if height > row_h:  # the box, then the texts at the top, one line under the other
                    pdf.cell(w, height, "", border=1 if ruled else 0)
                    parts = (wrapped or {}).get(cell)
                    shift = (height - row_h) / 2 if middle and not parts else 0.0
                    for k, part in enumerate(parts or [cell]):
                        pdf.set_xy(x, y + shift + k * font_size * 1.2)
                        pdf.cell(w, row_h, part)
                else:
                    pdf.set_char_spacing((spaced or {}).get(cell, 0))
                    pdf.cell(w, row_h, cell, border=1 if ruled else 0, align="C" if centered else "L")
                    pdf.set_char_spacing(0)
                if cell and cell in (doubled or ()):
                    pdf.set_xy(x + 0.3, y)
                    pdf.set_font("again" if doubled_apart else "cjk", size=font_size)
                    pdf.cell(w, row_h, cell)
                mark = (marks or {}).get((row[0] if row else "", i))
                if mark:  # raised above the baseline, in a smaller size, right after the text
                    x_mark = x + pdf.get_string_width(cell)  # (both cells pad by c_margin)
                    pdf.set_font("cjk", size=font_size * 0.6)
                    pdf.set_xy(x_mark, y + row_h / 2 - font_size * 0.7)
                    pdf.cell(pdf.get_string_width(mark), font_size * 0.6, mark)
                    pdf.set_font("cjk", size=font_size)
                x += w
            y += height
        y += font_size * 0.5
    if decorate:
        decorate(pdf, pdf.page_no())
    pdf.output(os.fspath(path))
    if doubled_apart:  # (fpdf names every subset MPDFAA+: the second font's objects, the last, renamed)
        data = open(os.fspath(path), "rb").read()
        names = [m.start() for m in re.finditer(rb"/MPDFAA\+", data)]
        for at in names[len(names) // 2:]:
            data = data[:at] + b"/MPDFAB+" + data[at + len(b"/MPDFAB+"):]
        with open(os.fspath(path), "wb") as out:
            out.write(data)
    if unmapped:  # the second font's objects come last; same-length renames keep the xref offsets valid
        data = open(os.fspath(path), "rb").read()
        if data.count(b"/ToUnicode") != 2:
            raise ValueError("no text of the lines was set in the unmapped font")
        for key, renamed in ((b"/ToUnicode", b"/ToUnicodX"), (b"/FontFile2", b"/FontFilX2")):
            at = data.rindex(key)
            data = data[:at] + renamed + data[at + len(key):]
        with open(os.fspath(path), "wb") as out:
            out.write(data)


def render_type3_pdf(lines: list[str], path, *, flipped: set | frozenset = frozenset(), size: float = 10.5,
                     mirrored: bool = False) -> None:
    """Write the text ``lines`` (200 characters at most in all) to a one-page PDF in a Type3 font (each glyph a
    box, its ``/ToUnicode`` map giving the characters), one line every ``2 * size`` points from the top; the lines
    in ``flipped`` are set in a second copy of the font whose glyph space is upside down (``/FontMatrix [.001 0 0
    -.001 0 0]``) by a text matrix upside down too, as some producers write: upright on the page all the same. With
    ``mirrored`` their glyph space is mirrored left to right instead (``/FontMatrix [-.001 0 0 .001 0 0]``), and so
    is their text matrix: upright too."""
    chars = sorted(set("".join(lines)))
    if len(chars) > 200:
        raise ValueError("more than 200 characters: one byte a code")
    code = {c: k + 32 for k, c in enumerate(chars)}
    width = {c: 1000 if ord(c) > 255 else 500 for c in chars}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> int:
        return add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))

    def font(up: int, right: int = 1) -> int:  # up: 1 (y up) or -1 (upside down); right: -1 (mirrored)
        def glyph(c: str) -> int:  # (a box, in the glyph space: up or down from the baseline)
            return stream(f"{width[c]} 0 0 {min(0, 800 * up)} {width[c]} {max(0, 800 * up)} d1 "
                          f"0 0 {width[c] * 0.8:.0f} {700 * up} re f".encode())
        procs = " ".join(f"/g{code[c]} {glyph(c)} 0 R" for c in chars)
        cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def 1 begincodespacerange "
                f"<00> <FF> endcodespacerange {len(chars)} beginbfchar "
                + " ".join(f"<{code[c]:02X}> <{c.encode('utf-16-be').hex()}>" for c in chars)
                + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
        first, last = min(code.values()), max(code.values())
        widths = " ".join(str(next((width[c] for c in chars if code[c] == k), 0)) for k in range(first, last + 1))
        return add((f"<< /Type /Font /Subtype /Type3 /FontBBox [0 {min(0, 800 * up)} 1000 {max(0, 800 * up)}] "
                    f"/FontMatrix [{0.001 * right} 0 0 {0.001 * up} 0 0] /CharProcs << {procs} >> /Encoding << /Type /Encoding "
                    f"/Differences [{' '.join(f'{code[c]} /g{code[c]}' for c in chars)}] >> /FirstChar {first} "
                    f"/LastChar {last} /Widths [{widths}] /ToUnicode {stream(cmap)} 0 R /Resources << >> >>").encode())
    upright, upside_down = font(1), font(1, -1) if mirrored else font(-1)
    x_scale, y_scale = (-1, 1) if mirrored else (1, -1)  # (the flipped lines' text matrix)
    text = "\n".join(
        f"BT /F{2 if line in flipped else 1} 1 Tf {size * (x_scale if line in flipped else 1)} 0 0 "
        f"{size * (y_scale if line in flipped else 1)} 40 "
        f"{842 - 2 * size * (k + 1):.2f} Tm <{''.join(f'{code[c]:02X}' for c in line)}> Tj ET"
        for k, line in enumerate(lines))
    contents = stream(text.encode())
    pages = len(objects) + 3
    page = add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Contents {contents} 0 R "
               f"/Resources << /Font << /F1 {upright} 0 R /F2 {upside_down} 0 R >> >> >>".encode())
    catalog = add(f"<< /Type /Catalog /Pages {pages} 0 R >>".encode())
    add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, start)
    with open(os.fspath(path), "wb") as f:
        f.write(out)


def rotate_pdf_pages(path, angle: int, pages: set | None = None) -> None:
    """Set ``/Rotate angle`` on the pages of a PDF written by ``render_pdf(compress=False)`` (``pages``:
    their numbers from 1, else all), so that a viewer shows the upright text turned, as a page printed
    sideways is shown.

    The page dictionaries are rewritten in the same number of bytes, which keeps the cross-reference
    offsets valid.
    """
    import re

    data = open(os.fspath(path), "rb").read()
    seen = 0

    def turn(match: re.Match) -> bytes:
        nonlocal seen
        seen += 1
        old = match.group(0)
        if pages is not None and seen not in pages:
            return old
        body = re.sub(rb"\s*\n\s*", b"", old[2:-2]).replace(b"/MediaBox [", b"/MediaBox[")
        body = re.sub(rb"(\d)\.\d+", rb"\1", body) + b"/Rotate %d" % angle  # (whole points: room for /Rotate)
        new = b"<<" + body + b">>"
        if len(new) > len(old):
            raise ValueError(f"no room for /Rotate in {old!r}")
        return new + b" " * (len(old) - len(new))

    data = re.sub(rb"<<\n/Contents [^>]*/Type /Page\n>>", turn, data)
    if not seen:
        raise ValueError("no page dictionary found: write the PDF with compress=False")
    with open(os.fspath(path), "wb") as out:
        out.write(data)


def deflated(size: int, layers: int = 1, fill: bytes = b" ") -> bytes:
    """``size`` bytes of ``fill`` (a multiple of 1 MiB) compressed with zlib (a PDF's FlateDecode), ``layers`` times
    over (a chain of filters): some 1,000 times smaller a layer (a decompression bomb's stream).

    Made fast: one MiB compressed once and repeated (each piece ends in a full flush, so none refers back).
    """
    import zlib

    chunk = fill * (2**20 // len(fill))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    check = 1
    for _ in range(size // len(chunk)):
        check = zlib.adler32(chunk, check)
    data = b"\x78\xda" + piece * (size // len(chunk)) + b"\x03\x00" + struct.pack(">I", check)
    return deflated_bytes(data, layers - 1)


def deflated_bytes(data: bytes, layers: int = 1) -> bytes:
    """``data`` compressed with zlib ``layers`` times over."""
    import zlib

    for _ in range(layers):
        data = zlib.compress(data, 9)
    return data


def pdf_stream(stream: bytes, entries: str = "", filters: int = 1) -> bytes:
    """A PDF stream object's body: ``stream`` with ``entries`` (PDF syntax) and ``filters`` FlateDecode filters."""
    chain = "/Filter [" + " /FlateDecode" * filters + "] " if filters else ""
    return b"<< %s%s/Length %d >>\nstream\n%s\nendstream" % (chain.encode(), entries.encode(), len(stream), stream)


def pdf_update(data: bytes, objects: dict) -> bytes:
    """A PDF ``data`` with an incremental update appended that adds or replaces ``objects`` (number: the object's
    body in PDF syntax), as an editor saves a change: a new cross-reference section pointing back to the last.

    A key ``"xref_stream"`` (any value) writes the section as a cross-reference stream, which may place an object
    in an object stream: ``objects[n] = (stream_number, index)`` (the stream itself among ``objects``).
    """
    import re

    objects = dict(objects)
    as_stream = objects.pop("xref_stream", None) is not None
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    size = max(int(n) for n in re.findall(rb"/Size (\d+)", data))
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    where = {}
    for number, body in sorted(objects.items()):
        if isinstance(body, tuple):  # (object stream, index): inside a stream
            where[number] = (2, *body)
            continue
        where[number] = (1, len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    size = max(size, max(objects) + 2)
    start = len(out)
    if as_stream:
        where[size - 1] = (1, start, 0)
        index = " ".join(f"{n} 1" for n in sorted(where))
        rows = b"".join(struct.pack(">BIH", *where[n]) for n in sorted(where))
        out += b"%d 0 obj\n<< /Type /XRef /Size %d /Root %s /Prev %d /W [1 4 2] /Index [%s] /Length %d >>\n" \
               b"stream\n%s\nendstream\nendobj\n" % (size - 1, size, root, prev, index.encode(), len(rows), rows)
    else:
        out += b"xref\n"
        for number in sorted(where):
            out += b"%d 1\n%010d 00000 n \n" % (number, where[number][1])
        out += b"trailer\n<< /Size %d /Root %s /Prev %d >>\n" % (size, root, prev)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


#: The ways a PDF holds a stream that pdfminer decodes (see pdf_bomb).
PDF_BOMBS = ["content", "chain", "run_length", "lzw", "object_stream"]


def lzw_run(byte: bytes, size: int) -> bytes:
    """A PDF LZWDecode stream of ``byte`` repeated ``size`` times or a little more: each code names the run before
    it and one more byte, until the codes are 12 bits long, then the longest run over and over (some 2,500 times
    its size)."""
    out, bits, width, table, made = 0, 0, 9, 258, 1
    for code in (256, byte[0]):  # clear the table, then the byte
        out, bits = (out << width) | code, bits + width
    run = 1
    while made < size:
        code = min(table, 4095)
        run = run + 1 if code == table else run
        out, bits, made, table = (out << width) | code, bits + width, made + run, table + 1
        width = {511: 10, 1023: 11, 2047: 12}.get(table, width)
    out, bits = (out << width) | 257, bits + width  # the end
    return (out << (-bits % 8)).to_bytes((bits + 7) // 8, "big")


def pdf_bomb(seed: bytes, kind: str, size: int) -> bytes:
    """A PDF (``render_pdf(..., compress=False)``) with, on its first page, a stream decoding to ``size`` bytes or more, in one of the ways
    (``kind``) a PDF can hold one (two of them never decoded: an image, drawn or not)."""
    page, body = re.search(rb"\n(\d+) 0 obj\n(<<\n/Contents \d+ 0 R\n.*?/Type /Page\n>>)", seed, re.S).groups()
    page = int(page)
    resources = int(re.search(rb"/Resources (\d+) 0 R", body).group(1))
    with_image = re.search(rb"\n%d 0 obj\n(<<.*?>>)\nendobj" % resources, seed, re.S).group(1)[:-2] + \
        b"/XObject <</Im1 902 0 R>> >>"
    more = re.sub(rb"/Contents (\d+) 0 R", rb"/Contents [\1 0 R 901 0 R]", body)
    image = lambda: pdf_stream(deflated(size), f"/Type /XObject /Subtype /Image /Width {size // 3000} "  # noqa: E731
                                              f"/Height 1000 /ColorSpace /DeviceRGB /BitsPerComponent 8 ")
    held = lambda: b"%d 0 " % page + body + b" " * size  # noqa: E731 (an object stream holding the page, padded)
    objects = {
        "content": lambda: {page: more, 901: pdf_stream(deflated(size))},
        "chain": lambda: {page: more, 901: pdf_stream(deflated(size, 2), filters=2)},
        "run_length": lambda: {page: more, 901: pdf_stream(deflated_bytes(b"\x81 " * (size // 128 + 1)),
                                                            "/Filter [/FlateDecode /RunLengthDecode] ", filters=0)},
        "lzw": lambda: {page: more, 901: pdf_stream(lzw_run(b" ", size), "/Filter /LZWDecode ",
                                                     filters=0)},
        "object_stream": lambda: {page: (903, 0), "xref_stream": 1, 903: pdf_stream(
            deflated_bytes(held()), f"/Type /ObjStm /N 1 /First {len(str(page)) + 3} ")},
        "image": lambda: {resources: with_image, 902: image()},
        "drawn_image": lambda: {page: more, resources: with_image, 902: image(),
                                901: pdf_stream(b"q 100 0 0 100 10 10 cm /Im1 Do Q", filters=0)},
    }
    return pdf_update(seed, objects[kind]())


# --------------------------------------------------------------------------
# OFD (GB/T 33190)
# --------------------------------------------------------------------------

OFD_NS = "http://www.ofdspec.org/2016"
_MM = 25.4 / 72  # millimetres per point


def _mm(value: float) -> str:
    return f"{value * _MM:.4f}".rstrip("0").rstrip(".") or "0"


def ofd_package(pages: list, *, templates: dict | None = None, annotations: dict | None = None,
                documents: int = 1, page_names: list | None = None) -> bytes:
    """An OFD package (bytes) of ``pages``, each ``(width_mm, height_mm, layer XML, template ids)``: the layer's
    objects (ofd:TextObject …, written with the ``ofd:`` prefix) go into one ``ofd:Layer`` of the page's
    ``Content.xml``.

    ``templates`` maps a template id to its layer XML (``Tpls/Tpl_<id>/Content.xml``); ``annotations`` maps a
    page's index to the ``ofd:Annot`` elements of its ``Annots/Page_<i>/Annotation.xml``; ``documents`` > 1
    names that many DocBody in OFD.xml (the others point at the same document); ``page_names`` are the folder
    names of the pages (``Page_<i>`` by default), listed in ``Document.xml`` in the order of ``pages``.
    """
    import io
    import zipfile

    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    ns = f'xmlns:ofd="{OFD_NS}"'
    bodies = "".join(f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>{k}</ofd:DocID></ofd:DocInfo>"
                     f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                     f"<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody>"
                     for k in range(documents))
    parts = {"OFD.xml": f'{head}<ofd:OFD {ns} Version="1.0" DocType="OFD">{bodies}</ofd:OFD>'}
    names = page_names or [f"Page_{i}" for i in range(len(pages))]
    tpl_xml = "".join(f'<ofd:TemplatePage ID="{tid}" BaseLoc="Tpls/Tpl_{tid}/Content.xml"/>'
                      for tid in templates or {})
    width, height = pages[0][:2]
    page_list = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/{name}/Content.xml"/>' for i, name in enumerate(names))
    annots = ('<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>' if annotations else "")
    parts["Doc_0/Document.xml"] = (
        f'{head}<ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>1000</ofd:MaxUnitID>'
        f'<ofd:PageArea><ofd:PhysicalBox>0 0 {width:.4f} {height:.4f}</ofd:PhysicalBox></ofd:PageArea>'
        f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl_xml}</ofd:CommonData>'
        f'<ofd:Pages>{page_list}</ofd:Pages>{annots}</ofd:Document>')
    parts["Doc_0/PublicRes.xml"] = (f'{head}<ofd:Res {ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="SimHei" '
                                    f'FamilyName="SimHei"/></ofd:Fonts></ofd:Res>')
    for (w, h, layer, tpl_ids), name in zip(pages, names):
        uses = "".join(f'<ofd:Template TemplateID="{tid}" ZOrder="Background"/>' for tid in tpl_ids)
        parts[f"Doc_0/Pages/{name}/Content.xml"] = (
            f'{head}<ofd:Page {ns}>{uses}<ofd:Area><ofd:PhysicalBox>0 0 {w:.4f} {h:.4f}</ofd:PhysicalBox></ofd:Area>'
            f'<ofd:Content><ofd:Layer ID="2" Type="Body">{layer}</ofd:Layer></ofd:Content></ofd:Page>')
    for tid, layer in (templates or {}).items():
        parts[f"Doc_0/Tpls/Tpl_{tid}/Content.xml"] = (
            f'{head}<ofd:Page {ns}><ofd:Content><ofd:Layer ID="3" Type="Background">{layer}</ofd:Layer>'
            f'</ofd:Content></ofd:Page>')
    if annotations:
        listed = "".join(f'<ofd:Page PageID="{i + 1}"><ofd:FileLoc>Page_{i}/Annotation.xml</ofd:FileLoc></ofd:Page>'
                         for i in annotations)
        parts["Doc_0/Annots/Annotations.xml"] = f"{head}<ofd:Annotations {ns}>{listed}</ofd:Annotations>"
        for i, annot in annotations.items():
            parts[f"Doc_0/Annots/Page_{i}/Annotation.xml"] = f"{head}<ofd:PageAnnot {ns}>{annot}</ofd:PageAnnot>"
    parts["Doc_0/Signs/Signatures.xml"] = f"{head}<ofd:Signatures {ns}/>"  # (signatures: never read)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def _deltas(steps: list, repeat: bool) -> str:
    """A DeltaX list; ``repeat`` writes a run of equal steps as ``g n d``."""
    values = [_mm(step) for step in steps]
    if not repeat:
        return " ".join(values)
    out, i = [], 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        out.append(f"g {j - i} {values[i]}" if j - i > 1 else values[i])
        i = j
    return " ".join(out)


def _flat(ch: dict) -> bool:
    """Whether a PDF character is drawn unturned (its matrix scales only)."""
    a, b, c, d = ch["matrix"][:4]
    return a > 0 and d > 0 and abs(b) < 1e-3 and abs(c) < 1e-3


def _ofd_runs(chars: list) -> list:
    """The characters of a PDF page in runs drawn as one string: same baseline, size and font, left to right."""
    runs: list = []
    for ch in chars:
        last = runs[-1][-1] if runs else None
        if (last is not None and _flat(ch) and _flat(last) and ch["matrix"][5] == last["matrix"][5]
                and ch["size"] == last["size"] and ch["fontname"] == last["fontname"] and ch["x0"] > last["x0"]):
            runs[-1].append(ch)
        else:
            runs.append([ch])
    return runs


def _ofd_colour(colour) -> str:
    values = colour if isinstance(colour, (tuple, list)) else (colour,)
    values = [v for v in values if isinstance(v, (int, float))] or [0]
    if len(values) == 1:
        values = values * 3
    return " ".join(str(round(v * 255)) for v in values[:3])


def _ofd_text(run: list, height: float, ids, *, codes: str, repeat: bool, scale: float) -> str:
    """A TextObject of a run of characters (points, from a PDF page ``height`` high)."""
    first = run[0]
    size = first["size"]
    base = height - first["matrix"][5]  # the baseline, from the top
    colour = f'<ofd:FillColor Value="{_ofd_colour(first.get("non_stroking_color"))}"/>'
    if not _flat(first):  # a turned character (a watermark): its own object, turned by its CTM at its origin
        a, b, c, d = first["matrix"][:4]
        return (f'<ofd:TextObject ID="{next(ids)}" Boundary="{_mm(first["matrix"][4])} {_mm(base)} 1 1" Font="1" '
                f'Size="{_mm(size)}" CTM="{a:.6f} {-b:.6f} {-c:.6f} {d:.6f} 0 0">{colour}'
                f'<ofd:TextCode X="0" Y="0">{html.escape(first["text"])}</ofd:TextCode></ofd:TextObject>')
    x0, top = first["x0"] - size, base - 2 * size  # the Boundary, with room around the text
    right = max(ch["x1"] for ch in run) + size
    ctm = f' CTM="{scale} 0 0 {scale} 0 0"' if scale != 1 else ""
    k = 1 / scale  # object coordinates, which the CTM scales back
    box = f'{_mm(x0)} {_mm(top)} {_mm(right - x0)} {_mm(3 * size)}'
    out = f'<ofd:TextObject ID="{next(ids)}" Boundary="{box}" Font="1" Size="{_mm(size * k)}"{ctm}>{colour}'
    if codes == "run":
        steps = [(b["x0"] - a["x0"]) * k for a, b in zip(run, run[1:])]
        delta = f' DeltaX="{_deltas(steps, repeat)}"' if steps else ""
        text = html.escape("".join(ch["text"] for ch in run))
        out += (f'<ofd:TextCode X="{_mm((first["x0"] - x0) * k)}" Y="{_mm((base - top) * k)}"{delta}>{text}'
                '</ofd:TextCode>')
    else:  # one TextCode a character: X each, Y on the first only (the others keep it)
        for i, ch in enumerate(run):
            y = f' Y="{_mm((base - top) * k)}"' if i == 0 else ""
            out += f'<ofd:TextCode X="{_mm((ch["x0"] - x0) * k)}"{y}>{html.escape(ch["text"])}</ofd:TextCode>'
    return out + "</ofd:TextObject>"


def _ofd_rules(rect: dict, ids, rules: str) -> str:
    """The PathObject(s) of a PDF rectangle (a table cell's border): one closed path, or its four sides."""
    w, h = rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]
    style = f'LineWidth="{_mm(rect.get("linewidth") or 0.6)}"'
    if rules == "rect":
        return (f'<ofd:PathObject ID="{next(ids)}" Boundary="{_mm(rect["x0"])} {_mm(rect["top"])} {_mm(w)} {_mm(h)}" '
                f'{style}><ofd:AbbreviatedData>M 0 0 L {_mm(w)} 0 L {_mm(w)} {_mm(h)} L 0 {_mm(h)} C'
                f'</ofd:AbbreviatedData></ofd:PathObject>')
    box = f'{_mm(rect["x0"])} {_mm(rect["top"])} {_mm(w)} {_mm(h)}'
    sides = (f"M 0 0 L {_mm(w)} 0", f"M {_mm(w)} 0 L {_mm(w)} {_mm(h)}", f"M 0 {_mm(h)} L {_mm(w)} {_mm(h)}",
             f"M 0 0 L 0 {_mm(h)}")
    return "".join(f'<ofd:PathObject ID="{next(ids)}" Boundary="{box}" {style}><ofd:AbbreviatedData>{side}'
                   f'</ofd:AbbreviatedData></ofd:PathObject>' for side in sides)


def render_ofd(lines: list, path, *, codes: str = "run", repeat: bool = False, scale: float = 1.0,
               rules: str = "rect", template: bool = False, reverse_names: bool = False, **pdf_options) -> None:
    """Write `lines` to an OFD laid out as :func:`render_pdf` lays them out (same pages, same places).

    The PDF is written first, with ``pdf_options``; its characters become TextObjects, one per string drawn
    (``codes='run'``: one TextCode with a DeltaX per character, written with ``g`` repeats where ``repeat``) or
    one TextCode per character (``codes='char'``: each with its X, the Y on the first only); ``scale`` writes
    the objects' coordinates and size divided by it, under a CTM that scales them back; its cell borders become
    PathObjects, a closed path each (``rules='rect'``) or four lines (``'lines'``).  ``template`` moves what is
    drawn in the top and bottom 8 % of each page (running headers, page numbers) into a template of that page;
    ``reverse_names`` names the pages' folders backwards (Page_0 holds the last page).
    """
    import itertools
    import tempfile

    import pdfplumber

    with tempfile.TemporaryDirectory() as tmp:
        render_pdf(lines, os.path.join(tmp, "laid_out.pdf"), **pdf_options)
        pages, templates = [], {}
        ids = itertools.count(10)
        with pdfplumber.open(os.path.join(tmp, "laid_out.pdf")) as pdf:
            for n, page in enumerate(pdf.pages):
                height = float(page.height)
                body, margin = [], []
                for run in _ofd_runs(page.chars):
                    text = _ofd_text(run, height, ids, codes=codes, repeat=repeat, scale=scale)
                    edge = min(run[0]["top"], height - run[0]["bottom"])
                    (margin if template and edge < 0.08 * height else body).append(text)
                body += [_ofd_rules(rect, ids, rules) for rect in page.rects]
                if margin:
                    templates[str(500 + n)] = "".join(margin)
                pages.append((float(page.width) * _MM, height * _MM, "".join(body), [str(500 + n)] if margin else []))
    names = [f"Page_{len(pages) - 1 - i}" for i in range(len(pages))] if reverse_names else None
    Path(path).write_bytes(ofd_package(pages, templates=templates, page_names=names))


# --------------------------------------------------------------------------
# plain text
# --------------------------------------------------------------------------


def _pipe_items(cells: list) -> list:
    """``'cell |'`` for a filled cell, ``'|'`` for a blank one."""
    return [f"{c} |" if c else "|" for c in cells]


def _pipe_join(items: list) -> str:
    """Join pipe items as the web-page exports do: ``'a | ||'`` for a, '', ''."""
    out = ""
    for k, item in enumerate(items):
        if k and not (item == "|" and items[k - 1] == "|"):
            out += " "
        out += item
    return out


def render_text(lines: list, layout: str, *, blank_cell: str | None = None) -> str:
    """Return `lines` as plain text in one of the layouts of the seeds.

    Parameters
    ----------
    lines : list of (str or list of str)
        The report.
    layout : {'pipe_rows', 'pipe_cells', 'tab', 'lines'}
        ``'pipe_rows'``: one row per line, ``a | b | c |`` (seed 003; a blank
        cell is a lone ``|``). ``'pipe_cells'``: one filled cell per line
        ending in `` |``, blank cells appended to the line before as ``|``
        (seed 001). ``'tab'``: each cell on its own line prefixed by a tab,
        a blank cell a lone tab, a blank line after each row (seed 004).
        ``'lines'``: every text line and filled cell followed by a blank
        line, blank cells omitted (seed 000).
    blank_cell : str, optional
        In the ``'lines'`` layout, the line a blank cell is written as (``'|'``, or ``''``: an empty line, then its
        blank line), where it leaves a trace; None (the default) omits it.

    Returns
    -------
    str
        The text, ending with a newline.
    """
    if layout not in TEXT_LAYOUTS:
        raise ValueError(f"layout must be one of {TEXT_LAYOUTS}, got {layout!r}")
    out: list = []
    for kind, block in _blocks(lines):
        if kind == "text":
            out.append(block)
            if layout == "lines":
                out.append("")
            continue
        for row in block:
            if layout == "pipe_rows":
                out.append(_pipe_join(_pipe_items(row)))
            elif layout == "pipe_cells":
                current: list = []
                for cell, item in zip(row, _pipe_items(row)):
                    if cell and current:
                        out.append(_pipe_join(current))
                        current = []
                    current.append(item)
                if current:
                    out.append(_pipe_join(current))
            elif layout == "tab":
                out.extend("\t" + cell for cell in row)
                out.append("")
            else:
                for cell in row:
                    if cell.strip():
                        out += [cell, ""]
                    elif blank_cell is not None:
                        out += [blank_cell, ""]
    return "\n".join(out) + "\n"


def render_file(lines: list, path) -> None:
    """Write `lines` to `path` in the format its suffix names: ``.txt`` (pipe rows), ``.html``, ``.docx`` or ``.pdf``."""
    suffix = Path(path).suffix
    if suffix == ".txt":
        Path(path).write_text(render_text(lines, "pipe_rows"), encoding="utf-8")
    elif suffix == ".html":
        Path(path).write_bytes(render_html(lines))
    elif suffix == ".docx":
        render_docx(lines, path)
    else:
        render_pdf(lines, path)
