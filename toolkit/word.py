"""Reading Word documents: DOCX (and .docm, .dotx, Strict Open XML) as Word shows them, and Word 97–2003 ``.doc``
(its text and properties from :mod:`toolkit.msdoc`, read as a DOCX's body).

Word's list numbers, merged cells (see :mod:`toolkit.readers`), text boxes, WordArt, page headers, fields (their
results, not page numbers), tracked changes (as accepted), hidden and struck-through text (left out) and embedded
worksheets are read as Word shows them. Called by :func:`toolkit.readers.read_document`.
"""
from __future__ import annotations

import copy
import itertools
import functools
import io
import posixpath
import re
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from typing import Iterator

from toolkit.decoding import _content_named, _magic
from toolkit.document import DEFAULT_MAX_BYTES, RawDocument, _ZIP_EXPANSION, _own_title, _warn
from toolkit.errors import (CorruptFileError, EmptyFileError, FileTooLargeError, ReadError, ToolkitError,
                            UnsupportedFormatError)
from toolkit.markup import (_BULLET_MARK, _FOOTNOTE_MARK, _LATIN_LETTERS, _MergedDownWarned, _NUM_FORMATS, _WS_RE,
                            _DIGIT_RUN, _blank, _blank_span_cells, _cover, _covered_words, _holds_page, _list_marker,
                            _merge_note, _numbered, _own_cells, _pieces, _spread_across, _typed_bullet,
                            _unit_header, _value_text, _wrapped_digits)
from toolkit.msdoc import _page_field, read_doc
from toolkit.normalize import _INVISIBLE_FORMAT_RE, is_page_furniture, normalize_line
from toolkit.plaintext import _read_text
from toolkit.webpage import _read_html, _read_web_archive


# Its XML parts (the text, styles ...), which are parsed whole, to at most this or max_bytes, the larger: a
# parsed part takes some 20 times its size in memory, and a part a thousand times its compressed size (a zip
# bomb) is tiny on disk.
_DOCX_XML_LIMIT = DEFAULT_MAX_BYTES


_MAIN_DOCUMENT = "word/document.xml"  # where Word writes a document's main part, but for some (see _word_main_part)
_RELATIONSHIP_TAG = re.compile(rb"<(?:[\w.-]+:)?Relationship\s[^>]*>")
_XML_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _word_main_part(zf: zipfile.ZipFile, names: set) -> str | None:
    """The name of a Word package's main part: word/document.xml, else the part its relationships name
    (_rels/.rels, of type officeDocument) where the package holds it, else None.

    Word for the web, and others, save the main part as word/document2.xml: such a file was refused ('not a valid
    DOCX: word/document.xml is missing'), where Word, and python-docx, open it by its relationship.
    """
    if _MAIN_DOCUMENT in names:
        return _MAIN_DOCUMENT  # (almost every file: its relationships not read)
    try:
        rels = zf.read("_rels/.rels")
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return None
    for tag in _RELATIONSHIP_TAG.finditer(rels[:1 << 20]):
        attributes = {name: double or single for name, double, single in _XML_ATTRIBUTE.findall(tag[0])}
        if attributes.get(b"Type", b"").endswith(b"/officeDocument"):
            target = attributes.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
            return target if target in names and target.lower().startswith("word/") else None
    return None


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MC_ALTERNATE = f"{{{_MC}}}AlternateContent"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _read_docx(data: bytes, path: str, max_bytes: int) -> RawDocument:
    import docx

    zf = _open_package(data, path, "DOCX")
    with zf:
        names = set(zf.namelist())
        if _word_main_part(zf, names) is None:
            raise CorruptFileError(path, "not a valid DOCX: word/document.xml is missing")
        _check_zip(zf, path, max_bytes, "DOCX")
        data = _as_plain_document(zf, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise CorruptFileError(
            path, f"not a valid DOCX: {type(exc).__name__}: {exc}"
        ) from exc
    if document.element.tag != _w("document"):  # (python-docx reads any root, then has no body to give)
        raise CorruptFileError(path, f"not a valid DOCX: word/document.xml holds no Word document (its root "
                                     f"element is {_word_name(document.element.tag)}, not w:document)")
    lines: list = []
    body = document.element.body
    with _MergedDownWarned(path) as merged:  # (an embedded document's merges too: its rows go among the lines)
        chunks = _docx_alt_chunks(document, body, path, max_bytes)
        chunks.update(_docx_embedded_objects(document, body, path))  # (by relationship id too: ids are unique)
        hidden = _docx_hidden_styles(document)
        _table_styled_runs(body, document, hidden[1])
        _vanish_styled_runs(body, hidden)
        _raise_styled_runs(body, document, hidden[1])
        _vanish_placeholders(body, document)
        _hide_spanning_instructions(body)
        _blank_struck_runs(body, document, hidden[1])
        _blank_lowered_marks(body)
        _blank_custom_note_marks(body)
        _style_tab_stops(body, document)
        _docx_block(body, lines, _WordNumbering(document), chunks)
    if not lines:
        raise EmptyFileError(path, "the DOCX holds no text")
    lines[:0] = _docx_header_title(document, lines)
    merged.warn(lines)
    return RawDocument(path=path, format="docx", encoding=None, lines=lines, title=_docx_property_title(document))


def _docx_property_title(document) -> str | None:
    """The title in the DOCX's properties (docProps/core.xml dc:title), as :func:`_own_title` reads it."""
    try:
        title = document.core_properties.title or ""
    except Exception:  # (a damaged properties part: the title is no part of the report's text)
        return None
    return _own_title(title)


def _check_zip(zf: zipfile.ZipFile, path: str, max_bytes: int, kind: str) -> None:
    """Refuse a package (a DOCX, an OFD: ``kind``) that expands beyond the limits (a zip bomb) or is damaged."""
    expanded = sum(info.file_size for info in zf.infolist())
    if expanded > _ZIP_EXPANSION * max_bytes:
        raise FileTooLargeError(
            path,
            f"{kind} expands to {expanded} bytes when unzipped, more than "
            f"{_ZIP_EXPANSION} x max_bytes={max_bytes}",
        )
    xml = sum(info.file_size for info in zf.infolist() if info.filename.lower().endswith((".xml", ".rels")))
    if xml > max(max_bytes, _DOCX_XML_LIMIT):
        raise FileTooLargeError(
            path,
            f"the XML parts of the {kind} expand to {xml} bytes when unzipped, more than the limit of "
            f"{max(max_bytes, _DOCX_XML_LIMIT)} bytes (the larger of max_bytes and {_DOCX_XML_LIMIT})",
        )
    # Every part is unzipped once here, as ZipFile.testzip does, but a part whose compressed data or directory
    # entry is damaged is named with what is wrong (testzip lets zlib's and seek errors out unnamed).
    for info in zf.infolist():
        try:
            with zf.open(info) as part:
                while part.read(1 << 20):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise CorruptFileError(
                path, f"not a valid {kind}: damaged part {info.filename} ({_zip_damage(exc)})"
            ) from exc


def _word_name(tag: str) -> str:
    """An element's name as a reader knows it: ``w:`` for WordprocessingML's namespace, else ``{namespace}name``."""
    return "w:" + tag.removeprefix(_w("")) if tag.startswith(_w("")) else tag


_ZIP_MAGIC = b"PK\x03\x04"  # a ZIP's first local header: how a ZIP cut short (its directory lost) still begins
# a local header's fixed part: the name's length at offset 26, the name after the 30 bytes
_LOCAL_NAME_RE = re.compile(rb"PK\x03\x04.{22}(..).{2}", re.DOTALL)
# the kind of package a part's name shows (lower-cased, without a leading '/': the name or its folder), or else
# the file's extension; and the kind named with its article
_PACKAGE_OF_PART = (("ofd.xml", "OFD"), ("word/", "DOCX"))
_PACKAGE_OF_EXTENSION = {".ofd": "OFD", ".docx": "DOCX"}
_PACKAGE_NAMED = {"OFD": "an OFD", "DOCX": "a DOCX"}


def _zip_package(data: bytes, path: str) -> str | None:
    """The kind of package (``"DOCX"``, ``"OFD"``) that a ZIP whose directory cannot be read was: by the names of the
    parts its local headers give (they stand before each part, so a ZIP cut short keeps those of its first parts),
    else by the file's extension; None where neither tells."""
    for match in _LOCAL_NAME_RE.finditer(data):
        size = int.from_bytes(match.group(1), "little")
        name = data[match.end():match.end() + size].decode("cp437").lstrip("/").lower()
        for start, kind in _PACKAGE_OF_PART:
            if name.startswith(start):
                return kind
    return _PACKAGE_OF_EXTENSION.get(posixpath.splitext(path.replace("\\", "/"))[1].lower())


def _damaged_zip(path: str, exc: BaseException, data: bytes = b"") -> CorruptFileError:
    """A ZIP whose directory cannot be read (``exc``, zipfile's), in one message whatever the file is called: a
    DOCX cut short was 'not a valid DOCX: not a ZIP archive or truncated' as .docx, and 'a damaged ZIP archive
    that cannot be opened …' under another name (readers._zip_reason); an OFD cut short is named an OFD, as the
    names of its parts in ``data`` (or its extension) show (see _zip_package)."""
    if isinstance(exc, zipfile.BadZipFile):  # ('File is not a zip file': no end record, as in a file cut short)
        kind = _zip_package(data, path)
        damage = f"its central directory is missing or damaged: {_PACKAGE_NAMED.get(kind or '', 'a file')} cut short?"
    else:  # NotImplementedError: a damaged directory asking for a later version of ZIP ('zip file version 16.1')
        damage = str(exc) or type(exc).__name__
    return CorruptFileError(path, f"a damaged ZIP archive that cannot be opened ({damage}); download or save it again")


def _open_package(data: bytes, path: str, kind: str) -> zipfile.ZipFile:
    """The ZIP of a package (a DOCX, an OFD: ``kind``), or the error that says what it is instead: a ZIP that cannot
    be opened is said as under any other name (readers), other content by what it is (see _not_a_zip)."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        if data.startswith(_ZIP_MAGIC):
            raise _damaged_zip(path, exc, data) from exc
        raise _not_a_zip(path, data, kind) from exc


def _not_a_zip(path: str, data: bytes, kind: str) -> CorruptFileError:
    """A package (a DOCX, an OFD: ``kind``) whose content is no ZIP: what it is where its signature shows it (a
    PNG image named .docx), not 'not a ZIP archive or truncated', as a ZIP cut short still begins as one."""
    what = _magic(data)
    if what is None or data.startswith(_ZIP_MAGIC):
        return CorruptFileError(path, f"not a valid {kind}: not a ZIP archive")
    return CorruptFileError(path, f"not a valid {kind}: {_content_named(what, path)}")


def _zip_damage(exc: BaseException) -> str:
    """What is wrong with a part of a ZIP package that could not be unzipped, in words, then the library's."""
    if isinstance(exc, zlib.error):
        what = "its compressed data is corrupt"
    elif isinstance(exc, NotImplementedError):
        what = "it is compressed by a method this reader cannot undo"
    elif isinstance(exc, EOFError):
        what = "it is cut short"
    elif "CRC" in str(exc):
        what = "its content does not match its checksum"
    else:  # a negative seek, a bad local header: the directory's entry does not lead to the part
        what = "the archive's directory does not lead to it"
    return f"{what}: {exc}"


def _read_doc(data: bytes, path: str) -> RawDocument:
    """A Word 97–2003 document (:mod:`toolkit.msdoc`), its blocks read as the body of a DOCX holding them."""
    from lxml import etree

    found = read_doc(data, path)
    body = etree.Element(_w("body"))
    _word_blocks(body, found.blocks)
    lines: list = []
    with _MergedDownWarned(path) as merged:
        _blank_lowered_marks(body)  # (a footnote mark set low after a cell's number, as in a DOCX)
        _docx_block(body, lines, _WordNumbering.of_lists(found.lists))
    if lines:
        lines[:0] = _header_title(lines, ([line for part in header for line in _text_lines(part)]
                                          for header in found.headers))
        merged.warn(lines)
    _warn_embedded(path, found.objects)
    if not lines:
        raise EmptyFileError(path, "the Word document holds no text")
    return RawDocument(path=path, format="doc", encoding=None, lines=lines)


def _word_blocks(parent, blocks: list) -> None:
    """Write paragraphs and tables (see :mod:`toolkit.msdoc`) under ``parent`` as a DOCX writes them: a cell
    covered by the cell above as one continuing a vertical merge, the cell above it (in its grid column) starting it
    (so a value merged down covers blank cells, as in a DOCX), a cell covered by the cell left of it as one
    continuing a horizontal merge, both of which the DOCX reader leaves out, and a cell spanning grid columns (a
    wider cell: newer Word's merge across) with its w:gridSpan."""
    from lxml.etree import SubElement

    for block in blocks:
        if isinstance(block, str):
            p = SubElement(parent, _w("p"))
            number, leader = getattr(block, "number", None), getattr(block, "leader", None)
            if number or leader:
                props = SubElement(p, _w("pPr"))
                if number:  # an item of a list: its number, as a DOCX's w:numPr
                    numbering = SubElement(props, _w("numPr"))
                    SubElement(numbering, _w("ilvl")).set(_w("val"), str(number[1]))
                    SubElement(numbering, _w("numId")).set(_w("val"), str(number[0]))
                if leader:  # its rightmost tab stop's leader (a table of contents' dots), as a DOCX's w:tabs
                    SubElement(SubElement(props, _w("tabs")), _w("tab"),
                               {_w("val"): "right", _w("leader"): leader, _w("pos"): "0"})
            _word_runs(p, block)
            continue
        table = SubElement(parent, _w("tbl"))
        above: list = []  # the row above's cells
        row_above: list = []  # (and as read: whether each is merged)
        above_at: dict = {}  # the grid column each cell of the row above starts in -> its place in that row
        for row in block:
            tr = SubElement(table, _w("tr"))
            tcs = []
            # (a covered cell's merge starts in the cell above it in the same grid column, not at the same place: a
            # wider cell before it, newer Word's merge across, puts the two rows' places apart)
            starts = list(itertools.accumulate((cell.span for cell in row), initial=0))
            for k, cell in enumerate(row):
                tc = SubElement(tr, _w("tc"))
                tcs.append(tc)
                if cell.span > 1:
                    SubElement(SubElement(tc, _w("tcPr")), _w("gridSpan")).set(_w("val"), str(cell.span))
                if cell.merged:
                    props = tc.find(_w("tcPr"))
                    props = SubElement(tc, _w("tcPr")) if props is None else props
                    SubElement(props, _w("vMerge" if cell.above else "hMerge"))
                    j = above_at.get(starts[k]) if cell.above else None
                    if j is not None and not row_above[j].merged:
                        keeper = above[j].find(_w("tcPr"))  # (a w:gridSpan's, if the cell is wider)
                        keeper = SubElement(above[j], _w("tcPr")) if keeper is None else keeper
                        SubElement(keeper, _w("vMerge")).set(_w("val"), "restart")
                _word_blocks(tc, cell.blocks)
            above, row_above, above_at = tcs, row, {start: k for k, start in enumerate(starts[:-1])}


def _word_runs(p, text: str) -> None:
    """Write a paragraph's text (see :class:`toolkit.msdoc.Paragraph`) under ``p`` as a DOCX's runs: its raised
    parts as runs set superscript, its lowered parts as runs set subscript, so that a footnote mark typed raised or
    low after a value is read as in a DOCX."""
    from lxml.etree import SubElement

    spans = sorted([(start, end, "superscript") for start, end in getattr(text, "raised", ())]
                   + [(start, end, "subscript") for start, end in getattr(text, "lowered", ())])
    if not spans:  # (almost every paragraph)
        _word_text(SubElement(p, _w("r")), text)
        return
    at = 0
    for start, end, align in (*spans, (len(text), len(text), None)):
        for part, place in ((text[at:start], None), (text[start:end], align)):
            if part:
                r = SubElement(p, _w("r"))
                if place:
                    SubElement(SubElement(r, _w("rPr")), _w("vertAlign")).set(_w("val"), place)
                _word_text(r, part)
        at = end


def _word_text(r, text: str) -> None:
    """Write ``text`` under the run ``r`` as a DOCX's: its tabs as w:tab (one may reach a tab stop's leader)."""
    from lxml.etree import SubElement

    for k, part in enumerate(text.split("\t")):
        if k:
            SubElement(r, _w("tab"))
        if part or not k:
            SubElement(r, _w("t")).text = part


# The main part of a Word document with macros (.docm) or of a template (.dotx, .dotm): the same XML as a .docx's,
# which python-docx refuses by its content type alone
_WORD_MAIN_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# A Strict Open XML document (Word's 'Strict Open XML Document', its body in http://purl.oclc.org/ooxml/
# wordprocessingml/main): its namespaces and relationship types, and the transitional ones they stand for (a
# longer one before the one it begins with)
_OOXML = b"http://schemas.openxmlformats.org/"
_STRICT = b"http://purl.oclc.org/ooxml/"
_STRICT_NAMESPACES = tuple((_STRICT + strict, _OOXML + transitional) for strict, transitional in (
    (b"officeDocument/relationships/extendedProperties", b"officeDocument/2006/relationships/extended-properties"),
    (b"officeDocument/relationships/customProperties", b"officeDocument/2006/relationships/custom-properties"),
    (b"officeDocument/relationships", b"officeDocument/2006/relationships"),
    (b"officeDocument/extendedProperties", b"officeDocument/2006/extended-properties"),
    (b"officeDocument/customProperties", b"officeDocument/2006/custom-properties"),
    (b"officeDocument/", b"officeDocument/2006/"),  # math, sharedTypes, docPropsVTypes, customXml, bibliography
    (b"wordprocessingml/main", b"wordprocessingml/2006/main"),
    (b"drawingml/", b"drawingml/2006/"),  # main, wordprocessingDrawing, picture, chart
    (b"schemaLibrary/main", b"schemaLibrary/2006/main"),
))


def _as_plain_document(zf: zipfile.ZipFile, data: bytes) -> bytes:
    """``data``, or a copy python-docx reads: a .docm's or a template's main part typed as a .docx's, a Strict
    Open XML document's namespaces written as the transitional ones.

    Such a file was refused: 'not a valid DOCX: ValueError: file '<_io.BytesIO …>' is not a Word file', or, a
    Strict one, "KeyError: no relationship of type '…/officeDocument'"; Word opens it, and its text is read as
    a .docx's. Macros are not run.
    """
    try:
        types = zf.read("[Content_Types].xml")
        strict = _STRICT in zf.read("_rels/.rels")
    except KeyError:
        return data
    found = next((t for t in _WORD_MAIN_TYPES if t in types), None)
    if found is None and not strict:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in zf.infolist():
            part = zf.read(info)
            if found is not None and info.filename == "[Content_Types].xml":
                part = part.replace(found, _DOCX_MAIN_TYPE)
            if strict and info.filename.endswith((".xml", ".rels")):
                for name, transitional in _STRICT_NAMESPACES:
                    part = part.replace(name, transitional)
            copy.writestr(info, part)
    return out.getvalue()


def _docx_header_title(document, lines: list) -> list:
    """The report's title when Word holds it only in the page header of the first section.

    Some agencies put '某某局2020年政府信息公开工作年度报告' in the header of every page and start the body
    with 一、总体情况; the title names the agency and the year, so it is put before the body's lines.
    """
    if not document.sections:
        return []
    section = document.sections[0]
    parts = [section.first_page_header] if section.different_first_page_header_footer else []
    parts.append(section.header)

    def headers() -> Iterator[list]:  # (read only when the body holds no title)
        hidden = _docx_hidden_styles(document)
        for part in parts:
            if not part.is_linked_to_previous:
                found: list = []
                _table_styled_runs(part._element, document, hidden[1])
                _vanish_styled_runs(part._element, hidden)
                _vanish_placeholders(part._element, document)  # (a header's empty control: its prompt, no title)
                _blank_struck_runs(part._element, document, hidden[1])
                _docx_block(part._element, found)
                yield found

    return _header_title(lines, headers())


def _header_title(lines: list, headers: Iterator[list]) -> list:
    """The title lines the first of ``headers`` (the lines of a page header each) holding a title gives, when
    ``lines`` (the body's) hold none (a DOCX's or a Word 97–2003 document's). A header's table (an emblem beside
    the title) gives its cells as lines, as a Word 97–2003 document's header gives them: its title was not found.
    The title is looked for as the body's lines are read for it, normalized (see _title_lines); the lines are given
    as written, normalized with the body's."""
    from toolkit.metadata import _find_title  # (lazily: readers load no pipeline stage)

    text = _title_lines(line if isinstance(line, str) else " | ".join(line) for line in lines)  # rows hold no title
    if _find_title(text, len(text)) is not None:
        return []
    for found in headers:
        found = [cell for line in found for cell in ([line] if isinstance(line, str) else line) if cell.strip()]
        normal = _title_lines(found)
        span = _find_title(normal, len(normal))
        if span is not None:
            return found[span[0] : span[1] + 1]
    return []


def _title_lines(lines: Iterable[str]) -> list:
    """The first lines of a document or a page header where a title is looked for (metadata.yaml ``title:
    max_line``, and the line after: a title broken in two), normalized as the pipeline reads them (see
    normalize_line): a title in traditional characters ('某某市交通運輸局2023年政府資訊公開工作年度報告') or with
    invisible characters was no title (the agency NA) when held only in the page header."""
    from toolkit.metadata import _rules  # (lazily: readers load no pipeline stage)

    return [normalize_line(line) for line in itertools.islice(lines, _rules()["title"]["max_line"] + 1)]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _WordNumbering:
    """The list numbers Word shows before paragraphs (一、 (一) 1. …), which are not in the document's text.

    A report numbered by Word's lists (the paragraph's own numbering or its style's, also a parent
    style's) read without them ran its items together and lost its section numbers.  Counters run per
    list definition and level, as Word counts them (lists sharing a definition count on together, a
    ``startOverride`` starts again); a damaged numbering part gives no numbers, never an error.
    """

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (numId, ilvl) -> (start, format, text)
        self.abstract_of: dict[str, str] = {}  # numId -> abstractNumId (the counters it shares)
        self.restarts: dict[str, set[int]] = {}  # numId -> levels its startOverride starts again
        self.style_num: dict[str, tuple[str, int]] = {}  # styleId -> (numId, ilvl)
        self.style_levels: dict[tuple[str, str], int] = {}  # (numId, styleId) -> the level whose w:pStyle names it
        self.legal: set[tuple[str, int]] = set()  # (numId, ilvl) of levels in legal form (w:isLgl): 1.1, not 一.1
        self.restart_after: dict[tuple[str, int], int] = {}  # (numId, ilvl) -> its w:lvlRestart (0: never restarts)
        self.counters: dict[str, list[int]] = {}
        self.box_numbering: "_WordNumbering | None" = None  # the counters of the text boxes (see in_text_boxes)
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering = None
        if numbering is not None:
            self._read_levels(numbering, document.styles.element)
        self._read_styles(document.styles.element)

    @classmethod
    def of_lists(cls, lists: dict) -> "_WordNumbering":
        """The numbering of a Word 97–2003 document's lists (:attr:`toolkit.msdoc.DocText.lists`), its
        paragraphs' lists as numIds."""
        self = cls.__new__(cls)
        found = [((str(k), ilvl), level) for k, (_, levels) in lists.items() for ilvl, level in levels.items()]
        self.levels = {key: level[:3] for key, level in found}
        self.abstract_of = {str(k): str(lsid) for k, (lsid, _) in lists.items()}
        self.restarts, self.style_num, self.style_levels, self.counters = {}, {}, {}, {}
        self.legal = {key for key, level in found if level[3]}  # (fLegal, as w:isLgl)
        self.restart_after = {key: level[4] for key, level in found if level[4] is not None}  # (as w:lvlRestart)
        self.box_numbering = None
        return self

    def in_text_boxes(self) -> "_WordNumbering":
        """The numbering of the paragraphs of text boxes: the same lists, counted apart from the body's (Word's
        text boxes are a story of their own, whose lists do not count on the body's), once for all the boxes.

        Returns
        -------
        _WordNumbering
            This numbering's levels and styles, with counters (and restarts still due) of its own.
        """
        if self.box_numbering is None:
            boxes = copy.copy(self)
            boxes.counters = {}
            boxes.restarts = {num_id: set(levels) for num_id, levels in self.restarts.items()}
            boxes.box_numbering = boxes  # (a box in a box counts with the boxes)
            self.box_numbering = boxes
        return self.box_numbering

    def state(self) -> tuple[dict, dict]:
        """A copy of what counting changes (the counters, the restarts still due), for :meth:`restore`."""
        return ({k: list(v) for k, v in self.counters.items()}, {k: set(v) for k, v in self.restarts.items()})

    def restore(self, state: tuple[dict, dict]) -> None:
        """Put back the counting of :meth:`state` (paragraphs counted since then are counted no more)."""
        self.counters, self.restarts = state

    def _read_levels(self, numbering, styles) -> None:
        abstract = {a.get(_w("abstractNumId")): a for a in numbering.iter(_w("abstractNum"))}
        linked = self._style_links(numbering, abstract, styles)
        for num in numbering.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            ref_id = ref.get(_w("val")) if ref is not None else None
            ref_id = linked.get(ref_id, ref_id)  # type: ignore[arg-type]  # None finds nothing
            definition = abstract.get(ref_id)
            if definition is None:
                continue
            num_id = num.get(_w("numId"))
            self.abstract_of[num_id] = ref_id  # type: ignore[assignment]  # its definition was found
            for lvl in definition.iter(_w("lvl")):
                self._read_level(num_id, lvl)
            for override in num.iter(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), -1)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    self._read_level(num_id, lvl, ilvl)
                    # a level overridden whole makes the list one of its own: Word counts it apart from the
                    # definition's other lists (a key no abstractNumId has)
                    self.abstract_of[num_id] = f"{ref_id}\0{num_id}"
                start = override.find(_w("startOverride"))
                if start is not None and (num_id, ilvl) in self.levels:
                    _, fmt, text = self.levels[(num_id, ilvl)]
                    self.levels[(num_id, ilvl)] = (_int(start.get(_w("val")), 1), fmt, text)
                    self.restarts.setdefault(num_id, set()).add(ilvl)

    @staticmethod
    def _style_links(numbering, abstract: dict, styles) -> dict[str, str]:
        """abstractNumId -> the abstractNumId whose levels it takes: a definition that names a list style
        (w:numStyleLink) has no levels of its own; the definition of that style (w:styleLink, else the one the
        style's own w:numId uses) has them.  Word writes lists so when they use a list style."""
        links = {aid: link.get(_w("val")) for aid, a in abstract.items()
                 if (link := a.find(_w("numStyleLink"))) is not None}
        if not links:
            return {}
        defines = {link.get(_w("val")): aid for aid, a in abstract.items()
                   if (link := a.find(_w("styleLink"))) is not None}
        num_abstract = {num.get(_w("numId")): ref.get(_w("val")) for num in numbering.iter(_w("num"))
                        if (ref := num.find(_w("abstractNumId"))) is not None}
        for style in styles.iter(_w("style")):
            sid = style.get(_w("styleId"))
            own = _WordNumbering._num_pr(style.find(_w("pPr")))
            if sid not in defines and own is not None and own[0] in num_abstract:
                defines[sid] = num_abstract[own[0]]
        # one step only: the style's definition is the one with the levels, never itself a link
        return {aid: defines[name] for aid, name in links.items()
                if defines.get(name) not in (None, aid) and defines[name] not in links}

    def _read_level(self, num_id: str, lvl, ilvl: int | None = None) -> None:
        ilvl = _int(lvl.get(_w("ilvl")), -1) if ilvl is None else ilvl
        if not 0 <= ilvl <= 8:
            return
        start, text = (lvl.find(_w(tag)) for tag in ("start", "lvlText"))
        self.levels[(num_id, ilvl)] = (_int(start.get(_w("val")) if start is not None else None, 1),
                                       _level_format(lvl), (text.get(_w("val")) or "") if text is not None else "")
        legal = lvl.find(_w("isLgl"))
        if legal is not None and legal.get(_w("val"), "true") not in _OFF:
            self.legal.add((num_id, ilvl))
        else:
            self.legal.discard((num_id, ilvl))  # (an override's level may drop it)
        restart = lvl.find(_w("lvlRestart"))
        if restart is not None:
            self.restart_after[(num_id, ilvl)] = _int(restart.get(_w("val")), ilvl)
        else:
            self.restart_after.pop((num_id, ilvl), None)
        style = lvl.find(_w("pStyle"))
        if style is not None and style.get(_w("val")):
            self.style_levels[(num_id, style.get(_w("val")))] = ilvl

    def _read_styles(self, styles) -> None:
        found = _docx_style_settings(styles, lambda style: self._num_pr(style.find(_w("pPr"))))
        for sid, (num_id, ilvl) in found.items():
            if num_id is not None:
                self.style_num[sid] = (num_id, ilvl or 0)

    @staticmethod
    def _num_pr(p_pr) -> tuple[str | None, int | None] | None:
        num_pr = p_pr.find(_w("numPr")) if p_pr is not None else None
        if num_pr is None:
            return None
        num_id, ilvl = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
        level = _int(ilvl.get(_w("val")), 0) if ilvl is not None else None
        return (num_id.get(_w("val")) if num_id is not None else None,
                level if level is None or 0 <= level <= 8 else 0)

    def marker(self, p, text: str, bullets: bool = True) -> str:
        """The number Word shows before paragraph ``p`` of text ``text``, counting it ('' for none or a number
        typed at the start of the text), or '•' for a bullet (with ``bullets``: not before a table's cell)."""
        p_pr = p.find(_w("pPr"))
        own = self._num_pr(p_pr)
        style = p_pr.find(_w("pStyle")) if p_pr is not None else None
        from_style = self.style_num.get(style.get(_w("val"))) if style is not None else None
        if own is None and from_style is None:
            return ""
        num_id = own[0] if own is not None and own[0] is not None else (from_style or (None, 0))[0]
        ilvl = own[1] if own is not None and own[1] is not None else (from_style or (None, 0))[1]
        if (own is None or own[1] is None) and style is not None:  # numbered by its style: the level that names
            # the style (w:pStyle of a w:lvl, ECMA-376 17.9.23), not the style's own w:ilvl, which may be left out
            ilvl = self.style_levels.get((num_id, style.get(_w("val"))), ilvl)  # type: ignore[arg-type]
        if num_id in (None, "0") or (num_id, ilvl) not in self.levels:
            return ""  # numId 0: numbering switched off
        counts = self.counters.setdefault(self.abstract_of[num_id], [0] * 9)
        if ilvl in self.restarts.get(num_id, ()):
            self.restarts[num_id].discard(ilvl)  # this list starts again where it is first used
            counts[ilvl] = 0
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):  # a deeper level starts again, but after the levels its w:lvlRestart names
            # (a 1-based level: it starts again after that level or one above it; 0: it never does)
            if ilvl < self.restart_after.get((num_id, deeper), 9):
                counts[deeper] = 0
        start, fmt, pattern = self.levels[(num_id, ilvl)]
        if fmt == "bullet":
            return _BULLET_MARK if bullets and not (_typed_bullet(text) or _list_marker().match(text)) else ""
        if (fmt not in _NUM_FORMATS and fmt != "none") or not pattern or _list_marker().match(text):
            return ""
        legal = (num_id, ilvl) in self.legal  # every level's number in digits ('1.1', Word's 正规形式编号)
        for level in range(ilvl + 1):
            level_start, level_fmt, _ = self.levels.get((num_id, level), (1, "decimal", ""))
            value = level_start + max(counts[level], 1) - 1
            pattern = pattern.replace(f"%{level + 1}", _level_number(value, level_fmt, legal))
        if fmt != "none":
            return pattern
        symbol = pattern.strip()  # (a level showing no number: its text alone, a bullet's symbol or a literal)
        return "" if not bullets and len(symbol) == 1 and _typed_bullet(symbol) else symbol


def _level_number(value: int, fmt: str, legal: bool) -> str:
    """A list level's number ``value`` as its format ``fmt`` writes it: nothing for 'none' (Word shows the level's
    text alone, '（一）' or '★' typed as its w:lvlText), in digits where the list is in legal form (``legal``)."""
    if fmt == "none":
        return ""
    return str(value) if legal else _NUM_FORMATS.get(fmt, str)(value)


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _level_format(lvl) -> str:
    """A list level's number format (w:numFmt's value, 'decimal' where it gives none). A custom format (Word 2010's
    '一, 二, 三, ...', '001, 002, 003, ...') Word writes in a compatibility block (mc:AlternateContent), the nearest
    standard format in its fallback, which is taken: such a list was numbered 1、2、 where Word shows 一、二、."""
    fmt = lvl.find(_w("numFmt"))
    if fmt is None:
        for block in lvl.iterchildren(_MC_ALTERNATE):
            choices = [*block.iterfind(f"{{{_MC}}}Choice/{_w('numFmt')}"),
                       *block.iterfind(f"{{{_MC}}}Fallback/{_w('numFmt')}")]
            fmt = next((f for f in choices if f.get(_w("val")) not in (None, "custom")), None)
    return fmt.get(_w("val"), "decimal") if fmt is not None else "decimal"


def _docx_alt_chunks(document, body, path: str, max_bytes: int) -> dict:
    """The lines of each w:altChunk of the body, by relationship id.

    An altChunk puts a whole other document (a web page, text, a DOCX, a web archive) where it stands; some
    systems assemble reports that way. One that cannot be read is warned of (``part_unread``), not skipped
    silently: the report's tables could be in it.
    """
    chunks: dict = {}
    for el in body.iter(_w("altChunk")):
        rid = el.get(_R_ID)
        part = document.part.related_parts.get(rid) if rid else None
        if part is None:
            _warn(path, f"an embedded document (altChunk {rid}) is missing from the file", "part_unread")
            continue
        kind = part.content_type.split(";")[0].strip().lower()
        name = f"{path}#{part.partname.lstrip('/')}"
        try:
            if kind in ("text/html", "application/xhtml+xml"):
                chunks[rid] = _read_html(part.blob, name, None).lines
            elif kind == "text/plain":
                chunks[rid] = _read_text(part.blob, name, None).lines
            elif kind == "message/rfc822":
                chunks[rid] = _read_web_archive(part.blob, name, None, max_bytes).lines
            elif kind.startswith("application/vnd.openxmlformats-officedocument.wordprocessingml"):
                chunks[rid] = _read_docx(part.blob, name, max_bytes).lines
            else:
                _warn(path, f"an embedded document ({part.partname}, {kind}) cannot be read", "part_unread")
        except EmptyFileError:
            chunks[rid] = []
        except ToolkitError as exc:
            _warn(path, f"an embedded document ({part.partname}) cannot be read: {exc.problem}", "part_unread")
    return chunks


# The relationships of an object embedded in a DOCX (OLE: a worksheet pasted as an object), and its element
_EMBEDDED_RELS = ("/oleObject", "/package")
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
# An embedded Excel package is read when it expands to no more than this when unzipped (a zip bomb inside a DOCX is
# refused by name, not read into memory), and its worksheet when the range it shows holds no more cells than this
# (a statistics table has some hundreds)
_SHEET_PACKAGE_LIMIT = 8 * 1024 * 1024
_SHEET_MAX_CELLS = 100_000
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _docx_embedded_objects(document, body, path: str) -> dict:
    """The rows of the Excel worksheets embedded in the body as objects (OLE), by relationship id.

    A worksheet pasted into Word as an object shows its table as a picture, and the text holds none of it (the
    table was missing without a word, then said unread): its package is read, and its rows stand at the object's
    place (see ``_docx_object_rows``). An object that is no worksheet, or one that cannot be read (damaged, too
    large, a legacy .xls), is warned of (``part_unread``), naming it and why.
    """
    if not any(rel.reltype.endswith(_EMBEDDED_RELS) for rel in document.part.rels.values()):
        return {}  # (the body is searched only when the document embeds an object)
    sheets: dict = {}
    kinds: list = []
    reasons: list = []
    for el in body.iter(_OLE_OBJECT):
        rid = el.get(_R_ID)
        part = document.part.related_parts.get(rid) if rid else None
        if part is not None:
            try:
                sheets[rid] = _worksheet_rows(part.blob, f"{path}#{part.partname.lstrip('/')}")
                continue
            except ReadError as exc:
                reasons.append(f"{part.partname.lstrip('/')}: {exc.problem}")
        else:
            reasons.append(f"{rid}: missing from the file")
        kinds.append(el.get("ProgID") or "of unknown kind")
    _warn_embedded(path, kinds, reasons)
    return sheets


def _warn_embedded(path: str, kinds: list, reasons: Sequence[str] = ()) -> None:
    """Warn (``part_unread``) of the embedded objects not read (``kinds``: their ProgIDs), with why where known."""
    if kinds:
        why = f" ({'; '.join(reasons)})" if reasons else ""
        _warn(path, f"{len(kinds)} embedded object(s) ({', '.join(dict.fromkeys(kinds))}) not read: a table "
                    f"pasted as an object is not in the text{why}", "part_unread")


def _docx_object_rows(p, lines: list, chunks: dict) -> None:
    """Append to ``lines`` the rows of the worksheets embedded as objects in paragraph ``p`` (``chunks``: by
    relationship id, see _docx_embedded_objects), but for those Word does not show there (see ``_unshown_run``: in a
    text box, read as its own lines, a compatibility fallback, a tracked deletion)."""
    for obj in p.iter(_OLE_OBJECT):
        run = next(obj.iterancestors(_w("r")), None)
        if run is None or not _unshown_run(run, p):
            lines.extend(chunks.get(obj.get(_R_ID), ()))


def _worksheet_rows(data: bytes, name: str) -> list:
    """The rows of the worksheet an Excel package (an embedded .xlsx, ``name``) shows, cells as Excel shows them.

    The active sheet, in the range the object shows (the workbook's ``oleSize``, else the cells that hold
    something), hidden rows and columns, empty rows and the blank columns at its edges left out; a merged range is
    one cell, as in a Word table (the cells it covers are absent), a blank cell ``''``. Raises a ReadError saying
    why a package cannot be read.
    """
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            expanded = sum(info.file_size for info in zf.infolist())
            types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in zf.namelist() else b""
            book_xml = zf.read("xl/workbook.xml") if "xl/workbook.xml" in zf.namelist() else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        if data.startswith(b"PK"):
            raise CorruptFileError(name, f"a damaged Excel package: {exc}") from exc
        hint = _magic(data)  # a legacy .xls (an OLE file), a picture ...
        raise UnsupportedFormatError(name, f"no Excel worksheet package (.xlsx){f': {hint}' if hint else ''}") from exc
    if b"sheet.main+xml" not in types and b"template.main+xml" not in types:
        raise UnsupportedFormatError(name, "no Excel worksheet package (.xlsx): it holds no workbook")
    if expanded > _SHEET_PACKAGE_LIMIT:
        raise FileTooLargeError(name, f"the Excel package expands to {expanded} bytes when unzipped, more than the "
                                      f"limit of {_SHEET_PACKAGE_LIMIT} bytes")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # (openpyxl's notes on the parts it leaves out: styles, extensions)
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # a formula's cached value
    except Exception as exc:
        cause = exc.__cause__ or exc  # (openpyxl's ValueError 'could not read worksheets' says why in its cause)
        raise CorruptFileError(name, f"a damaged Excel package: {type(cause).__name__}: "
                                     f"{(str(cause).splitlines() or [''])[0]}") from exc
    sheet = book.active
    if sheet is None or not hasattr(sheet, "merged_cells"):
        raise UnsupportedFormatError(name, "the workbook shows no worksheet (a chart sheet)")
    top, left, bottom, right = _sheet_range(sheet, book_xml)
    if (bottom - top + 1) * (right - left + 1) > _SHEET_MAX_CELLS:
        raise FileTooLargeError(name, f"the worksheet '{sheet.title}' is {bottom - top + 1} rows by "
                                      f"{right - left + 1} columns, more than the limit of {_SHEET_MAX_CELLS} cells")
    covered: set[tuple[int, int]] = set()  # the cells a merged range covers
    for merged in sheet.merged_cells.ranges:
        for r in range(max(merged.min_row, top), min(merged.max_row, bottom) + 1):
            covered.update((r, c) for c in range(max(merged.min_col, left), min(merged.max_col, right) + 1))
        covered.discard((merged.min_row, merged.min_col))
    hidden = {c for dim in sheet.column_dimensions.values() if dim.hidden for c in range(dim.min, dim.max + 1)}
    grid = [[None if (cell.row, cell.column) in covered or cell.column in hidden else _sheet_cell_text(cell)
             for cell in row]
            for row in sheet.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right)
            if not sheet.row_dimensions[row[0].row].hidden]
    filled = [k for k in range(right - left + 1) if any(row[k] for row in grid)]
    grid = [row[filled[0]:filled[-1] + 1] for row in grid if any(row)] if filled else []
    return [cells for row in grid if (cells := [text for text in row if text is not None])]


def _sheet_range(sheet, book_xml: bytes) -> tuple[int, int, int, int]:
    """The rows and columns of ``sheet`` an embedded object shows (top, left, bottom, right): the workbook's
    ``oleSize`` (the range Excel draws in Word) within the cells the sheet holds."""
    from lxml import etree
    from openpyxl.utils.cell import range_boundaries

    top, left, bottom, right = sheet.min_row, sheet.min_column, sheet.max_row, sheet.max_column
    try:
        shown = etree.fromstring(book_xml).find(f"{_SHEET_NS}oleSize") if book_xml else None
        if shown is not None:
            c1, r1, c2, r2 = range_boundaries(shown.get("ref", ""))
            top, left, bottom, right = max(top, r1 or top), max(left, c1 or left), min(bottom, r2 or bottom), \
                min(right, c2 or right)
    except (etree.XMLSyntaxError, ValueError, TypeError):
        pass  # (a bad size: the sheet's cells)
    return top, left, max(bottom, top), max(right, left)


_FORMAT_DECIMALS = re.compile(r"0\.(0+)")
_FORMAT_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # literal text and colours/conditions of a number format


def _sheet_cell_text(cell) -> str:
    """A worksheet cell's text as Excel shows it: a number in its format's decimals (a percentage as one, 12.5%),
    a formula's cached value, a date as 2021-01-30; a blank cell ``''`` (a number format's dash for zero, or the
    brackets of a negative amount, are shown as the value: 0, -22)."""
    import datetime

    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        return str(value)
    if isinstance(value, (int, float)):
        return _shown_number(value, cell.number_format or "General")
    return " ".join(str(value).split("\n")).strip().strip("\u200b\ufeff").strip()  # line breaks, as a Word cell's


def _shown_number(value: float, number_format: str) -> str:
    """``value`` in the decimals of the first section of its ``number_format`` (General: as typed)."""
    section = _FORMAT_QUOTED.sub("", number_format.split(";")[0])
    percent = "%" in section
    if percent:
        value *= 100
    decimals = _FORMAT_DECIMALS.search(section)
    if decimals is not None or percent or "0" in section or "#" in section:
        text = f"{value:.{len(decimals.group(1)) if decimals else 0}f}"
    elif isinstance(value, int) or float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:.10g}"  # (Excel's General shows ten or eleven digits)
    return text + ("%" if percent else "")


def _docx_children(el) -> Iterator:
    """Children of `el`, looking through content controls (w:sdt) and compatibility blocks (mc:AlternateContent:
    its first mc:Choice, as the runs' (see ``_UNSHOWN_RUN_PARENTS``), else its mc:Fallback)."""
    for child in el.iterchildren():
        if child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _docx_children(content)
        elif child.tag == _w("customXml") or child.tag == _w("smartTag"):
            yield from _docx_children(child)
        elif child.tag == _MC_ALTERNATE:  # around whole paragraphs, tables or rows (WPS, newer Word)
            chosen = child.find(f"{{{_MC}}}Choice")
            chosen = child.find(f"{{{_MC}}}Fallback") if chosen is None else chosen
            if chosen is not None:
                yield from _docx_children(chosen)
        else:
            yield child


# The properties of a paragraph's mark, and the tracked changes that take the mark away (a deletion, or the source
# of a move: the paragraph now stands at its w:moveTo), joining what is left of the paragraph to the next; and hidden
# text (w:vanish), which takes away the mark of a paragraph showing nothing
_MARK_PROPS = f"{_w('pPr')}/{_w('rPr')}"
_DELETED, _MOVED_AWAY, _VANISH, _SPEC_VANISH = _w("del"), _w("moveFrom"), _w("vanish"), _w("specVanish")


def _drop_cap(p) -> bool:
    """Whether paragraph ``p`` is a drop cap (Word's 首字下沉: the paragraph's first letters set large in a frame of
    their own, w:framePr w:dropCap 'drop' or 'margin'), which Word shows as the start of the next paragraph: '2'
    then '020年…' was read as two lines."""
    frame = p.find(f"{_w('pPr')}/{_w('framePr')}")
    return frame is not None and frame.get(_w("dropCap"), "none") in ("drop", "margin")


def _mark_taken_away(mark) -> bool:
    """Whether a paragraph's mark (its w:pPr/w:rPr) is taken away by a tracked change (a deletion, or the source of
    a move): what is left of the paragraph is joined to the next, as Word shows it."""
    return mark.find(_DELETED) is not None or mark.find(_MOVED_AWAY) is not None


def _hidden_mark(mark) -> bool:
    """Whether a paragraph's mark (its w:pPr/w:rPr) is hidden text (w:vanish): a paragraph with nothing shown and
    such a mark is not shown at all, nor numbered, by Word."""
    vanish = mark.find(_VANISH)
    return vanish is not None and vanish.get(_w("val"), "true") not in _OFF


def _style_separator(mark) -> bool:
    """Whether a paragraph's mark (its w:pPr/w:rPr) is a style separator (w:specVanish: hidden always, even where
    hidden text is shown): Word shows the paragraph and the next as one line, a heading set so for the table of
    contents ('一、总体情况' in a heading style, the text after it in the body's style) run in with the text."""
    special = mark.find(_SPEC_VANISH)
    return special is not None and special.get(_w("val"), "true") not in _OFF


def _runs_in(mark) -> bool:
    """Whether a paragraph's mark (its w:pPr/w:rPr) makes Word show the paragraph on one line with the next: a style
    separator (see _style_separator), or a mark hidden as text (w:vanish) of a paragraph that shows text, as Word
    shows it with hidden text not shown (a paragraph showing nothing is left out, see _hidden_mark)."""
    return _style_separator(mark) or _hidden_mark(mark)


def _docx_block(container, lines: list, numbering: "_WordNumbering | None" = None,
                chunks: dict | None = None) -> None:
    """Append the paragraphs and table rows of a body (or cell) to `lines` (``chunks``: see _docx_alt_chunks)."""
    joined = ""  # the text of paragraphs whose mark is a tracked deletion: Word shows them joined to the next
    for child in _docx_children(container):
        if child.tag == _w("p"):
            for box in _docx_text_boxes(child):  # a text box (a title set in one): its own lines, not glued
                _docx_block(box, lines, numbering.in_text_boxes() if numbering is not None else None, chunks)
            for art in _docx_word_art(child):  # WordArt (a red title set so): its own lines, as a text box's
                _append_text_lines(lines, art)
            text = _docx_paragraph(child)
            mark = child.find(_MARK_PROPS)
            if _drop_cap(child) or (mark is not None and (_mark_taken_away(mark)
                                                          or (not text.strip() and _hidden_mark(mark)))):
                joined += text
                if chunks:
                    _docx_object_rows(child, lines, chunks)  # (before the joined text: no object lost)
                continue
            text, joined = joined + text, ""
            marker = numbering.marker(child, text) if numbering is not None else ""  # (an empty one counts too)
            if mark is not None and _runs_in(mark):
                joined = _numbered(marker, text)  # its number its own, shown on one line with the next
                if chunks:
                    _docx_object_rows(child, lines, chunks)
                continue
            _append_text_lines(lines, _numbered(marker, text))
            if chunks:
                _docx_object_rows(child, lines, chunks)  # a worksheet pasted as an object, after the text
        elif child.tag == _w("tbl"):
            _append_text_lines(lines, joined)  # a table ends the joined paragraphs
            joined = ""
            _docx_table(child, lines, numbering, chunks)
        elif child.tag == _w("altChunk") and chunks:
            _append_text_lines(lines, joined)
            joined = ""
            lines.extend(chunks.get(child.get(_R_ID), ()))
    _append_text_lines(lines, joined)


def _text_lines(text: str) -> list:
    """The non-blank lines of a paragraph's text, stripped."""
    lines: list = []
    _append_text_lines(lines, text)
    return lines


def _append_text_lines(lines: list, text: str) -> None:
    for line in text.split("\n"):
        line = line.strip().strip("\u200b\ufeff").strip()
        if line:
            lines.append(line)


def _inside_box_or_fallback(el, stop) -> bool:
    """Whether ``el`` lies in a text box (read as lines of its own) or a compatibility fallback, below ``stop``."""
    for a in el.iterancestors():
        if a is stop:
            return False
        if a.tag == f"{{{_MC}}}Fallback" or a.tag == _w("txbxContent"):
            return True
    return False


# Runs Word does not show as text: a text box (read as lines of its own), a compatibility fallback (a
# duplicate), a tracked deletion or the source of a tracked move (the text now stands at its w:moveTo),
# and the phonetic guide above a character (w:rt of w:ruby: 乌 with 'wū' above it is 乌).
_UNSHOWN_RUN_PARENTS = frozenset({f"{{{_MC}}}Fallback", _w("txbxContent"), _w("del"), _w("moveFrom"), _w("rt")})
_OFF = frozenset({"0", "false", "off"})


def _docx_hidden_styles(document) -> tuple[dict, str | None, bool]:
    """Which styles set hidden text (w:vanish) on or off, by style id, the default paragraph style, and whether the
    document's default run properties (w:docDefaults) hide text.

    Text can be hidden by a style as well as by the run itself; a style that does not set w:vanish
    takes its parent's (w:basedOn), and text no style sets takes the document's default (as a strike does, see
    _struck). The styles are empty when neither a style nor the default hides anything (the usual case).
    """
    styles = document.styles.element
    default = next((style.get(_w("styleId")) for style in styles.iter(_w("style"))
                    if style.get(_w("type"), "paragraph") == "paragraph"
                    and style.get(_w("default")) in ("1", "true", "on")), None)

    def vanish(style) -> bool | None:
        return _toggle_setting(style.find(_w("rPr")), _VANISH)

    sets = _docx_style_settings(styles, vanish)
    by_default = _toggle_setting(_docx_default_run_props(styles), _VANISH) or False
    return (sets if by_default or any(sets.values()) else {}), default, by_default


def _docx_style_settings(styles, read) -> dict:
    """``read(style)`` for every style of ``styles``, a style whose own is None taking its nearest parent's
    (w:basedOn); styles with no setting in their line are left out."""
    own: dict = {}
    based: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId"))
        value = read(style)
        if value is not None:
            own[sid] = value
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[sid] = parent.get(_w("val"))
    settings: dict = {}
    for sid in set(own) | set(based):
        seen, cur = set(), sid
        while cur is not None and cur not in own and cur not in seen:  # a parent style's setting
            seen.add(cur)
            cur = based.get(cur)
        if cur in own:
            settings[sid] = own[cur]
    return settings


def _vanish_styled_runs(element, hidden: tuple[dict, str | None, bool]) -> None:
    """Mark as hidden (w:vanish, in memory) the runs under ``element`` that a style or the document's default run
    properties hide, and the paragraph marks (a paragraph style hides its mark as its text: see _hidden_mark,
    _runs_in).

    The run's own w:vanish decides first, then its styles': w:vanish is a toggle (ECMA-376 17.7.3, as w:strike, see
    _struck), so text hidden by its character style and by its paragraph style both is shown, as Word shows it;
    text neither style sets takes the document's default (w:docDefaults), which a style's w:val="0" undoes.
    """
    sets, default, by_default = hidden
    if not sets:
        return

    def styled(rstyle, para_hidden: bool | None) -> bool:
        by_character = sets.get(rstyle.get(_w("val"))) if rstyle is not None else None
        if by_character is None:
            return by_default if para_hidden is None else para_hidden
        return by_character if para_hidden is None else by_character and not para_hidden

    for p in element.iter(_w("p")):
        props = p.find(_w("pPr"))
        style = props.find(_w("pStyle")) if props is not None else None
        para_hidden = sets.get(style.get(_w("val")) if style is not None else default)
        mark = props.find(_w("rPr")) if props is not None else None
        if mark is None or mark.find(_w("vanish")) is None:  # (the mark's own setting decides first)
            if styled(mark.find(_w("rStyle")) if mark is not None else None, para_hidden):
                if props is None:
                    props = p.makeelement(_w("pPr"), {})
                    p.insert(0, props)
                _vanish(props)
        for run in p.iter(_w("r")):
            props = run.find(_w("rPr"))
            if props is not None and props.find(_w("vanish")) is not None:
                continue  # the run's own setting
            if styled(props.find(_w("rStyle")) if props is not None else None, para_hidden):
                _vanish(run)


def _raise_styled_runs(element, document, default: str | None) -> None:
    """Mark as superscript or subscript (w:vertAlign, in memory) the runs under ``element`` raised or lowered by their
    character style (w:rStyle, as Word's 'Footnote Reference' or a user's style raises them), not by their own
    w:vertAlign, so that a footnote mark so set is told (see _is_footnote_mark, _blank_lowered_marks); a run's own
    w:vertAlign (or w:position) decides first.  The runs of a paragraph whose paragraph style moves its text
    (w:position) take that position as their own (see _lift_paragraph_styled_runs); ``default``: the default
    paragraph style's id."""

    def placed(style) -> str | None:
        props = style.find(_w("rPr"))
        return None if props is None else _styled_place(props)

    styles = document.styles.element
    sets = _docx_style_settings(styles, placed)
    _lift_paragraph_styled_runs(element, styles, sets, default)
    if not any(place != "baseline" for place in sets.values()):
        return  # (most documents: no character style raises or lowers its text)
    for rstyle in list(element.iter(_w("rStyle"))):
        props = rstyle.getparent()
        place = sets.get(rstyle.get(_w("val")))
        if place in ("superscript", "subscript") and props.tag == _w("rPr") and _raised_props(props) is None:
            props.append(props.makeelement(_w("vertAlign"), {_w("val"): place}))


def _lift_paragraph_styled_runs(element, styles, placed: dict, default: str | None) -> None:
    """Give (in memory) the runs of the paragraphs under ``element`` whose paragraph style raises or lowers its text
    (w:position in its w:rPr, or a parent style's) that position as their own, where neither the run nor its
    character style (``placed``: see _styled_place) places it: a paragraph lifted whole by its style, a number in it
    lifted as much by its own w:position (as WPS writes it) was taken for a footnote mark above the paragraph's text
    and dropped ('收到申请5件' read '收到申请件'), as it is not where the paragraph's runs lift it each (see
    _paragraph_raise)."""

    def position(style) -> str | None:
        found = style.find(f"{_w('rPr')}/{_w('position')}")
        return None if found is None else found.get(_w("val"))

    lifts = {sid: val for sid, val in _docx_style_settings(styles, position).items() if _int(val, 0)}
    if not lifts:
        return  # (most documents: no paragraph style moves its text)
    for p in list(element.iter(_w("p"))):
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        lift = lifts.get(style.get(_w("val")) if style is not None else default)
        if lift is None:
            continue
        for run in p.iter(_w("r")):
            props = run.find(_w("rPr"))
            rstyle = props.find(_w("rStyle")) if props is not None else None
            if _paragraph_of(run) is not p or (props is not None and _raised_props(props) is not None) or (
                    rstyle is not None and placed.get(rstyle.get(_w("val"))) is not None):
                continue  # (a text box's paragraph, or placed by the run or its character style)
            if props is None:
                props = run.makeelement(_w("rPr"), {})
                run.insert(0, props)
            props.append(props.makeelement(_w("position"), {_w("val"): lift}))


def _styled_place(props) -> str | None:
    """Where run properties (a style's w:rPr) set their text: 'superscript' (raised, see _raised_props),
    'subscript' (w:vertAlign), 'baseline' (set, neither: it undoes a parent style's), None where they set nothing."""
    raised = _raised_props(props)
    if raised is None:
        return None
    align = props.find(_w("vertAlign"))
    if raised:
        return "superscript"
    return "subscript" if align is not None and align.get(_w("val")) == "subscript" else "baseline"


def _raised_props(props) -> bool | None:
    """Whether run properties (w:rPr) set their text raised: superscript (w:vertAlign), or lifted above the line by
    a positive w:position ('Raised by 3 pt', a footnote mark so typed: half-points); None where they set neither."""
    align, position = props.find(_w("vertAlign")), props.find(_w("position"))
    if align is None and position is None:
        return None
    return (align is not None and align.get(_w("val")) == "superscript") or (
        position is not None and _int(position.get(_w("val")), 0) > 0)


# Word's strikethrough, single and double: each set on or off by the run (w:val "0", "false", "off": off), else by
# its character style, else by its paragraph style (a style's own, or its parent's), else by the document's defaults
# (w:docDefaults); a toggle, so set by both styles it is off
_STRIKES = (_w("strike"), _w("dstrike"))


def _blank_struck_runs(element, document, default: str | None) -> None:
    """Blank (in memory) the text of the runs under ``element`` struck through (w:strike, w:dstrike), as the HTML
    reader leaves out ``<s>`` (see _drop_struck): an old value left struck beside the one that corrected it
    ('<w:strike/>91' then 88) read 9188.  A table cell all of whose text is struck keeps it, its value (losing a
    value would be worse than reading one struck out).  Only the runs' w:t are blanked: a struck tab, break or
    field mark still separates what it stands between.  ``default``: the default paragraph style's id.

    Only where the document or its styles hold a strike (a walk over those elements alone) are the runs read.
    """
    styles = document.styles.element
    styled = next(styles.iter(*_STRIKES), None) is not None
    if not styled and next(element.iter(*_STRIKES), None) is None:
        return  # (most documents: nothing struck)
    sets = {tag: _docx_style_settings(styles, lambda style, tag=tag: _toggle_setting(style.find(_w("rPr")), tag))
            if styled else {} for tag in _STRIKES}
    base = _docx_default_run_props(styles)
    defaults = {tag: _toggle_setting(base, tag) or False for tag in _STRIKES}
    cells: dict = {}  # a table cell (its nearest) -> its struck runs
    for run in list(element.iter(_w("r"))):
        if not _struck(run, sets, default, defaults):
            continue
        cell = next(run.iterancestors(_w("tc")), None)
        if cell is None:
            _blank_run_text(run)
        else:
            cells.setdefault(cell, []).append(run)
    for cell, struck in cells.items():
        ids = {id(run) for run in struck}
        if any(not _blank(t.text) for run in cell.iter(_w("r")) if id(run) not in ids and not _unshown_run(run, cell)
               for t in run.iterchildren(_w("t"))):
            for run in struck:
                _blank_run_text(run)


# The run properties a table style (w:tblStyle) may set that change what is read: hidden text, a strike, a lift
# or lowering (see _styled_place); and its conditional formats (w:tblStylePr) in the order Word lays them on
# (ECMA-376 17.7.6: a later one overrides the earlier)
_TABLE_STYLED = (_VANISH, *_STRIKES, _w("position"), _w("vertAlign"))
_TABLE_PARTS = ("wholeTable", "band1Vert", "band2Vert", "band1Horz", "band2Horz", "firstCol", "lastCol", "firstRow",
                "lastRow", "neCell", "nwCell", "seCell", "swCell")
# the table look's flags (w:tblLook) by attribute, with their bit in its older form, a hex mask (w:val="04A0")
_TABLE_LOOK_BITS = {"firstRow": 0x20, "lastRow": 0x40, "firstColumn": 0x80, "lastColumn": 0x100,
                    "noHBand": 0x200, "noVBand": 0x400}


def _table_styled_runs(element, document, default: str | None) -> None:
    """Give (in memory) the runs in the tables under ``element`` the hidden text, strike and lift their table's style
    sets (w:tblStyle, else the default table style: its w:rPr and those of its conditional formats that apply to the
    run's cell, a parent style's through w:basedOn) as their own, so that they are read as a paragraph or character
    style's are (see _vanish_styled_runs, _blank_struck_runs, _is_footnote_mark).

    A table style lies under the paragraph and character styles (ECMA-376 17.7.2): the run's own setting, its
    character style's or its paragraph style's decides first, but for the default paragraph style's (``default``),
    over which Word lets a table style's formatting stand.
    """
    styles = document.styles.element
    tables = {style.get(_w("styleId")): style for style in styles.iter(_w("style"))
              if style.get(_w("type")) == "table"}
    if not any(next(style.iter(*_TABLE_STYLED), None) is not None for style in tables.values()):
        return  # (most documents: no table style hides, strikes or moves its text)
    fallback = next((sid for sid, style in tables.items() if style.get(_w("default")) in ("1", "true", "on")), None)
    by_style = {tag: _docx_style_settings(styles, lambda style, tag=tag: _run_setting(style.find(_w("rPr")), tag))
                for tag in (_VANISH, *_STRIKES, _w("position"))}
    parts_of: dict = {}
    for tbl in list(element.iter(_w("tbl"))):
        style = tbl.find(f"{_w('tblPr')}/{_w('tblStyle')}")
        sid = style.get(_w("val")) if style is not None else fallback
        if sid not in parts_of:
            parts_of[sid] = _table_style_parts(tables, sid)
        if not parts_of[sid]:
            continue
        for tc, applied in _table_cell_parts(tbl):
            props: dict = {}
            for part in _TABLE_PARTS:
                if part in applied:
                    props.update(parts_of[sid].get(part, {}))
            if props:
                _set_table_styled(tc, props, by_style, default)


def _run_setting(props, tag: str):
    """What run properties (a w:rPr, or None) set of ``tag``: a toggle on or off (see _toggle_setting), or for
    w:position where the text is placed (see _styled_place); None where they set nothing."""
    if tag == _w("position"):
        return None if props is None else _styled_place(props)
    return _toggle_setting(props, tag)


def _table_style_parts(tables: dict, sid: str | None) -> dict:
    """The run settings (see _TABLE_STYLED) of the table style ``sid`` (``tables``: the table styles by id) by
    conditional format, 'wholeTable' holding its own w:rPr's too, a parent style's (w:basedOn) where it sets none:
    {part: {tag: element}}."""
    chain: list = []
    while sid in tables and sid not in chain:
        chain.append(sid)
        parent = tables[sid].find(_w("basedOn"))
        sid = parent.get(_w("val")) if parent is not None else None
    parts: dict = {}
    for style in (tables[sid] for sid in reversed(chain)):  # (the parent's first: the child's override them)
        holders = [("wholeTable", style.find(_w("rPr")))]
        holders += [(cond.get(_w("type")), cond.find(_w("rPr"))) for cond in style.iterchildren(_w("tblStylePr"))]
        for part, props in holders:
            for el in props.iterchildren(*_TABLE_STYLED) if props is not None else ():
                parts.setdefault(part, {})[el.tag] = el
    return parts


def _table_look(tbl) -> set[str]:
    """The table look's flags (see _TABLE_LOOK_BITS) on for ``tbl``: by attribute, else by the older hex mask."""
    look = tbl.find(f"{_w('tblPr')}/{_w('tblLook')}")
    if look is None:
        return set()
    try:
        mask = int(look.get(_w("val")) or "0", 16)
    except ValueError:
        mask = 0
    return {flag for flag, bit in _TABLE_LOOK_BITS.items()
            if (look.get(_w(flag)) not in _OFF if look.get(_w(flag)) is not None else mask & bit)}


def _table_cell_parts(tbl) -> Iterator[tuple]:
    """Each cell (w:tc) of ``tbl`` with the conditional formats of its table style that apply to it: by the table
    look (see _table_look) and the cell's place, first or last row or column, odd or even band (of
    w:tblStyleRowBandSize rows, w:tblStyleColBandSize columns, 1 by default; a first row or column set apart by the
    look counts in no band), a corner."""
    look = _table_look(tbl)
    rows = [[tc for tc in _docx_children(tr) if tc.tag == _w("tc")] for tr in _docx_children(tbl) if tr.tag == _w("tr")]
    size = {}
    for axis in ("Row", "Col"):
        found = tbl.find(f"{_w('tblPr')}/{_w(f'tblStyle{axis}BandSize')}")
        size[axis] = max(_int(found.get(_w("val")) if found is not None else None, 1), 1)
    for r, cells in enumerate(rows):
        for c, tc in enumerate(cells):
            on = {"firstRow": r == 0 and "firstRow" in look, "lastRow": r == len(rows) - 1 and "lastRow" in look,
                  "firstCol": c == 0 and "firstColumn" in look,
                  "lastCol": c == len(cells) - 1 and "lastColumn" in look}
            row, col = r - ("firstRow" in look), c - ("firstColumn" in look)
            banded_row = not (on["firstRow"] or on["lastRow"]) and "noHBand" not in look
            banded_col = not (on["firstCol"] or on["lastCol"]) and "noVBand" not in look
            on[f"band{row // size['Row'] % 2 + 1}Horz"] = banded_row
            on[f"band{col // size['Col'] % 2 + 1}Vert"] = banded_col
            on.update(nwCell=on["firstRow"] and on["firstCol"], neCell=on["firstRow"] and on["lastCol"],
                      swCell=on["lastRow"] and on["firstCol"], seCell=on["lastRow"] and on["lastCol"],
                      wholeTable=True)
            yield tc, {part for part, at in on.items() if at}


def _set_table_styled(tc, props: dict, by_style: dict, default: str | None) -> None:
    """Give the runs of the cell ``tc`` (not those of a table nested in it) the table style's settings ``props``
    ({tag: element}) as their own, where neither the run, nor its character style, nor its paragraph style other
    than the default (``by_style``: the styles' settings by tag, see _run_setting) sets them."""
    for run in list(tc.iter(_w("r"))):
        if next(run.iterancestors(_w("tc")), None) is not tc:
            continue  # (a nested table's: its own style's)
        own = run.find(_w("rPr"))
        rstyle = own.find(_w("rStyle")) if own is not None else None
        p = _paragraph_of(run)
        pstyle = p.find(f"{_w('pPr')}/{_w('pStyle')}") if p is not None else None
        styled = [s.get(_w("val")) for s in (rstyle, pstyle) if s is not None and s.get(_w("val")) != default]
        kept = {key for key in by_style  # (decided before any is set: w:position and w:vertAlign place alike)
                if _run_setting(own, key) is not None or any(by_style[key].get(sid) is not None for sid in styled)}
        for tag, el in props.items():
            if (_w("position") if tag == _w("vertAlign") else tag) in kept:
                continue
            if own is None:
                own = run.makeelement(_w("rPr"), {})
                run.insert(0, own)
            own.append(copy.copy(el))


def _blank_lowered_marks(element) -> None:
    """Blank (in memory) the footnote marks set low (w:vertAlign subscript) right after a table cell's number: '88'
    then a subscript '1' read 881, '74' then '[2]' no number, as the HTML reader leaves out ``88<sub>1</sub>`` (see
    _drop_subscript_marks; raised marks: _is_footnote_mark).

    Only after a digit in a cell: a subscript after a letter is a formula's ('CO' then '2'), and one alone in its cell
    is its value.  Only the subscripts are visited (a walk over the w:vertAlign elements alone).
    """
    for align in list(element.iter(_w("vertAlign"))):
        props = align.getparent()
        run = props.getparent() if props is not None and props.tag == _w("rPr") else None
        if align.get(_w("val")) != "subscript" or run is None or run.tag != _w("r"):
            continue
        if not _FOOTNOTE_MARK.fullmatch(_chars(run.iterchildren(*_CHARS))):
            continue
        p = _paragraph_of(run)
        if p is None or next(run.iterancestors(_w("tc")), None) is None:
            continue
        before: list = []  # the text the paragraph shows before the mark
        for other in p.iter(_w("r")):
            if other is run:
                break
            if not _unshown_run(other, p):
                before.append(_chars(other.iterchildren(*_CHARS)))
        if "".join(before).rstrip()[-1:].isdigit():
            _blank_run_text(run)


_NOTE_REFERENCES = (_w("footnoteReference"), _w("endnoteReference"))


def _blank_custom_note_marks(element) -> None:
    """Blank (in memory) the custom marks of the footnote and endnote references under ``element`` typed in the run
    after the reference (w:customMarkFollows: the next run's text is the mark, ECMA-376 17.11.14): not raised where
    the 'Footnote Reference' style is missing, '5' then the custom mark '1' read 51; or typed after the reference in
    its own run.  Only text that is a mark (see _FOOTNOTE_MARK) is blanked.  Only the references are visited (a walk over those elements alone)."""
    for reference in list(element.iter(*_NOTE_REFERENCES)):
        run = reference.getparent()
        if run is None or run.tag != _w("r") or reference.get(_w("customMarkFollows"), "false") in _OFF:
            continue
        own = list(reference.itersiblings(_w("t")))  # (the mark typed in the reference's own run, after it)
        if any(t.text for t in own):
            if _FOOTNOTE_MARK.fullmatch("".join(t.text or "" for t in own)):
                for t in own:
                    t.text = ""
            continue
        after = next(run.itersiblings(_w("r")), None)
        if after is not None and _FOOTNOTE_MARK.fullmatch(_chars(after.iterchildren(*_CHARS))):
            _blank_run_text(after)


def _toggle_setting(props, tag: str) -> bool | None:
    """Whether run properties (a w:rPr, or None) set the toggle ``tag`` (a strike, hidden text) on or off; None where
    they do not set it."""
    found = props.find(tag) if props is not None else None
    return None if found is None else found.get(_w("val"), "true") not in _OFF


def _docx_default_run_props(styles):
    """The document's default run properties (w:docDefaults/w:rPrDefault/w:rPr of styles.xml), or None."""
    return styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")


def _struck(run, sets: dict, default: str | None, defaults: dict | None = None) -> bool:
    """Whether ``run`` is struck through, by its own properties, its styles (``sets``: by strike tag, the styles'
    settings, see _docx_style_settings; ``default``: the default paragraph style's id), else by the document's
    default run properties (``defaults``: by strike tag, whether w:docDefaults strikes)."""
    props = run.find(_w("rPr"))
    rstyle = props.find(_w("rStyle")) if props is not None else None
    for tag in _STRIKES:
        on = _toggle_setting(props, tag)
        if on is None and sets[tag]:
            on = sets[tag].get(rstyle.get(_w("val"))) if rstyle is not None else None
            if on is not False:
                p = _paragraph_of(run)
                pstyle = p.find(f"{_w('pPr')}/{_w('pStyle')}") if p is not None else None
                by_paragraph = sets[tag].get(pstyle.get(_w("val")) if pstyle is not None else default)
                # (a toggle property, ECMA-376 17.7.3: struck by the character style and by the paragraph style
                # both, the text is not struck, as Word shows it)
                on = by_paragraph if on is None else not by_paragraph
        if on is None and defaults:  # (set by no style: the document's default, which a style's w:val="0" undoes)
            on = defaults[tag]
        if on:
            return True
    return False


def _blank_run_text(run) -> None:
    """Blank (in memory) the characters of ``run``: its w:t, and its w:sym (a symbol font's character)."""
    for t in run.iterchildren(_w("t")):
        t.text = ""
    for sym in list(run.iterchildren(_w("sym"))):
        run.remove(sym)


# The elements of a run that give characters: its text, and a character of a symbol font (Insert > Symbol: a
# footnote mark so typed, Wingdings' ① or Symbol's 1, was no mark: '88' then a raised ① read 881)
_CHARS = (_w("t"), _w("sym"))


def _chars(nodes) -> str:
    """The characters the w:t and w:sym elements ``nodes`` give, in order (see _docx_symbol)."""
    return "".join(_docx_symbol(node.get(_w("font")), node.get(_w("char"))) if node.tag == _w("sym")
                   else node.text or "" for node in nodes)


def _vanish(run) -> None:
    """Mark ``run`` (or a paragraph's mark: its w:pPr) as hidden text (w:vanish, in memory)."""
    props = run.find(_w("rPr"))
    if props is None:
        props = run.makeelement(_w("rPr"), {})
        run.insert(0, props)
    props.append(props.makeelement(_w("vanish"), {}))


_PLACEHOLDER_STYLE_IDS = frozenset({"PlaceholderText"})  # (the id of Word's placeholder style in English)


def _vanish_placeholders(element, document=None) -> None:
    """Mark as hidden the runs of the content controls under ``element`` that show their placeholder
    (w:showingPlcHdr): a template's prompt, '单击或点击此处输入文字。', in a control left empty, whose cell or
    paragraph holds nothing.

    A control holding the text of the placeholder it names (w:placeholder/w:docPart, its text in the ``document``'s
    glossary, see _placeholder_texts) is hidden whole, and one holding another text not at all: a system filling a
    template may leave w:showingPlcHdr on, and Word shows what the control holds, its value ('5' was left out as a
    prompt).  Where there is no such text to compare, only the runs that show a prompt are hidden (see
    _prompt_runs): Word shows what the control holds, the text an author typed into a paragraph's control whose
    flag it kept, a half-filled template's row with its labels and numbers."""
    placeholders: dict | None = None
    styles: frozenset[str] | None = None  # (read once, at the first control with no placeholder text to compare)
    for shows in list(element.iter(_w("showingPlcHdr"))):
        props = shows.getparent()
        sdt = props.getparent() if props is not None else None
        content = sdt.find(_w("sdtContent")) if sdt is not None and props.tag == _w("sdtPr") else None
        if content is None or shows.get(_w("val"), "true") in _OFF:
            continue
        named = props.find(f"{_w('placeholder')}/{_w('docPart')}")
        prompt = None
        if named is not None and document is not None:
            placeholders = _placeholder_texts(document) if placeholders is None else placeholders
            prompt = placeholders.get(named.get(_w("val")))
        if prompt:
            if _prompt_words("".join(t.text or "" for t in content.iter(_w("t")))) != prompt:
                continue  # (filled in: its value shown)
            runs = list(content.iter(_w("r")))
        else:
            if styles is None:
                styles = _placeholder_styles(document) if document is not None else _PLACEHOLDER_STYLE_IDS
            runs = _prompt_runs(content, styles)
        for run in runs:
            _vanish(run)


def _prompt_runs(content, styles: frozenset[str]) -> list:
    """The runs of a content control's ``content`` that show its prompt: those in a placeholder style (``styles``),
    and those of a paragraph whose whole text is a prompt typed in no such style ('请输入', '单击此处输入文字', as
    WPS writes them, a template's own '在此填写数量'; formats.yaml ``docx: placeholder_prompts``), or words (no value,
    see _value_text) all in a placeholder's grey (see _grey_run): a template's prompt of its own, greyed by hand."""
    prompt = _typed_prompt()
    # (the runs themselves kept: lxml gives a node the same proxy while one is held, so 'in' finds it)
    typed = {run for paragraph in list(content.iter(_w("p"))) or [content] if _prompt_paragraph(paragraph, prompt)
             for run in paragraph.iter(_w("r"))}
    return [run for run in content.iter(_w("r")) if run in typed or _run_style(run) in styles]


def _prompt_paragraph(paragraph, prompt: re.Pattern) -> bool:
    """Whether a paragraph of a control showing its placeholder is a prompt (see _prompt_runs): its whole text one
    (``prompt``), or words, every run holding text grey. A number in grey is read (a value a system filled in)."""
    text = _WS_RE.sub("", "".join(t.text or "" for t in paragraph.iter(_w("t"))))
    if prompt.fullmatch(text):
        return True
    if _value_text(text):
        return False
    return all(map(_grey_run, (run for run in paragraph.iter(_w("r")) if any(t.text for t in run.iter(_w("t"))))))


def _grey_run(run) -> bool:
    """Whether a run's own colour (w:color) is a grey of a template's prompt (see _prompt_greys)."""
    colour = run.find(f"{_w('rPr')}/{_w('color')}")
    value = ((colour.get(_w("val")) or "") if colour is not None else "").upper()
    if len(value) != 6 or value != value[:2] * 3:
        return False
    try:
        return int(value[:2], 16) in _prompt_greys()
    except ValueError:
        return False


@functools.lru_cache(maxsize=1)
def _prompt_greys() -> range:
    """The levels (one in red, green and blue) of the greys a template gives its own prompt (formats.yaml ``docx:
    placeholder_greys``, its first and last level, read once)."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

    first, last = (int(level, 16) for level in load_formats()["docx"]["placeholder_greys"])
    return range(first, last + 1)


@functools.lru_cache(maxsize=1)
def _typed_prompt() -> re.Pattern:
    """The pattern of a content control's prompt typed in no placeholder style (formats.yaml, compiled once)."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

    return re.compile(load_formats()["docx"]["placeholder_prompts"])


def _run_style(run) -> str | None:
    """The id of the character style of ``run`` (its w:rStyle), or None."""
    style = run.find(f"{_w('rPr')}/{_w('rStyle')}")
    return style.get(_w("val")) if style is not None else None


def _placeholder_styles(document) -> frozenset[str]:
    """The ids of the character styles that are Word's placeholder text's (named as ``docx: placeholder_style`` of
    formats.yaml: a Chinese Word gives it an id of its own, 'a3'), with the id Word gives it in English."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

    name = load_formats()["docx"]["placeholder_style"]
    return _PLACEHOLDER_STYLE_IDS | {style.get(_w("styleId")) for style in document.styles.element.iter(_w("style"))
                                     if (found := style.find(_w("name"))) is not None and found.get(_w("val")) == name}


def _placeholder_texts(document) -> dict:
    """The texts of the placeholders of a Word document's glossary (its building blocks, word/glossary/document.xml:
    w:docPart by name), their words (see _prompt_words); empty where it has none or it cannot be read."""
    from lxml import etree

    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype.endswith("/glossaryDocument") and not rel.is_external), None)
    if part is None:
        return {}
    try:
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    texts = {}
    for entry in root.iter(_w("docPart")):
        name, body = entry.find(f"{_w('docPartPr')}/{_w('name')}"), entry.find(_w("docPartBody"))
        if name is not None and body is not None:
            texts[name.get(_w("val"))] = _prompt_words("".join(t.text or "" for t in body.iter(_w("t"))))
    return texts


def _prompt_words(text: str) -> str:
    """The words of a placeholder's ``text``, compared with what its control shows: its width forms unified (NFKC),
    without white space or punctuation ('单击或点击此处输入文字。' as '单击或点击\u3000此处输入文字.', a template copied
    between Word and WPS); a value is never punctuation alone."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text)
                   if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def _paragraph_of(el):
    return next(el.iterancestors(_w("p")), None)


def _hide_spanning_instructions(body) -> None:
    """Mark as hidden (w:vanish, in memory) the runs of a field's instruction that lie in a paragraph after the one
    its w:fldChar begin stands in (Word wraps a long instruction: ``{ IF { MERGEFIELD 性别 } = "男" …`` over two
    paragraphs).

    _docx_paragraph follows fields within a paragraph: in the next one the instruction's nested field looked like a
    field of its own, and its result ('男') was read into the text before the outer field's.  The instruction's
    plain w:instrText is no text anyway, and the outer field's result, after its separate, is read as before.
    Only where some instruction does cross a paragraph (a walk over the fldChar elements alone) are the runs walked.
    """
    spanning = set()  # the begin marks of the instructions that cross a paragraph and are closed (a separate, an end)
    open_fields: list = []  # per open field: [its begin mark, its paragraph, whether its result has begun, crossed]
    for mark in body.iter(_w("fldChar")):
        kind, paragraph, run = mark.get(_w("fldCharType")), _paragraph_of(mark), mark.getparent()
        if paragraph is None or _unshown_run(run, paragraph):  # (as _docx_paragraph: a deleted field is none)
            continue
        for field in open_fields:
            field[3] = field[3] or (not field[2] and field[1] is not paragraph)
        if kind == "begin":
            open_fields.append([mark, paragraph, False, False])
        elif kind in ("separate", "end") and open_fields:
            if open_fields[-1][3] and not open_fields[-1][2]:
                spanning.add(open_fields[-1][0])
            open_fields[-1][2] = True
            if kind == "end":
                open_fields.pop()
    if not spanning:  # (a begin never closed, in a damaged file, hides no paragraph after its own)
        return
    open_fields = []
    for run in body.iter(_w("r")):
        paragraph = _paragraph_of(run)
        if paragraph is None or _unshown_run(run, paragraph):
            continue
        if any(not result and where is not paragraph and begin in spanning for begin, where, result in open_fields):
            _vanish(run)  # (the paragraph's own reading sees nothing of it, fldChar marks included)
        for mark in run.iterchildren(_w("fldChar")):
            kind = mark.get(_w("fldCharType"))
            if kind == "begin":
                open_fields.append([mark, paragraph, False])
            elif kind == "separate" and open_fields:
                open_fields[-1][2] = True
            elif kind == "end" and open_fields:
                open_fields.pop()


def _unshown_run(run, stop) -> bool:
    """Whether Word shows nothing of ``run`` (see ``_UNSHOWN_RUN_PARENTS``), or it is hidden text (w:vanish)."""
    props = run.find(_w("rPr"))
    if props is not None:
        vanish = props.find(_w("vanish"))
        if vanish is not None and vanish.get(_w("val"), "true") not in _OFF:
            return True
    for a in run.iterancestors():
        if a is stop:
            return False
        if a.tag in _UNSHOWN_RUN_PARENTS:
            return True
    return False


def _is_footnote_mark(run) -> bool:
    """A raised run (superscript, or lifted by w:position) of a footnote mark ('120' then a raised '1'), or a footnote
    reference."""
    props = run.find(_w("rPr"))
    if props is None:
        return False
    if not _raised_props(props):
        return run.find(_w("footnoteReference")) is not None
    text = _chars(run.iter(*_CHARS))
    if not _FOOTNOTE_MARK.fullmatch(text):
        return False
    # digits set raised alone in a table cell are its value (a footnote mark stands after what it marks)
    cell = next(run.iterancestors(_w("tc")), None)
    return cell is None or _chars(cell.iter(*_CHARS)).strip() != text.strip()


def _exponent_after(run, out: list[str]) -> bool:
    """Whether the raised ``run`` is digits right after a Latin letter of its paragraph's text so far (``out``): an
    exponent ('12000m' and a raised '2', an area), which was dropped as a footnote mark ('12000m')."""
    text = _chars(run.iter(*_CHARS))
    before = next((piece for piece in reversed(out) if piece), "")
    return text.isdigit() and before[-1:] in _LATIN_LETTERS


def _raise_of(run) -> tuple[bool, int]:
    """How a run is raised: (set superscript, lifted by w:position in half-points, 0 where not lifted)."""
    props = run.find(_w("rPr"))
    if props is None:
        return False, 0
    align, position = props.find(_w("vertAlign")), props.find(_w("position"))
    return ((align is not None and align.get(_w("val")) == "superscript"),
            max(_int(position.get(_w("val")), 0), 0) if position is not None else 0)


def _paragraph_raise(p) -> tuple[bool, int]:
    """How most of paragraph ``p``'s text (by characters, but for runs that could be marks: digits, [1] …) is raised.
    A run raised as much as its paragraph's text is no footnote mark: a paragraph lifted whole by w:position (as WPS
    sets it), its numbers in runs of their own, lost them all ('2020年…收到申请5件' read '0年…收到申请件').
    A paragraph showing nothing but what could be marks (a cell's number) is raised as its lowest text: a cell's
    '8' '8' each lifted alike (by their own w:position, or their table style's) were both taken for marks, the cell
    read blank."""
    chars: dict[tuple[bool, int], int] = {}
    marks: set[tuple[bool, int]] = set()
    for run in p.iter(_w("r")):
        text = _chars(run.iter(*_CHARS))
        if not text.strip() or _unshown_run(run, p):
            continue
        if _FOOTNOTE_MARK.fullmatch(text):
            marks.add(_raise_of(run))
        else:
            chars[_raise_of(run)] = chars.get(_raise_of(run), 0) + len(text)
    return max(chars, key=lambda raise_: chars[raise_]) if chars else min(marks, default=(False, 0))


def _docx_text_boxes(p) -> list:
    """The text boxes anchored in a paragraph (outermost ones, once: Word also writes a VML fallback)."""
    return [box for box in p.iter(_w("txbxContent")) if not _inside_box_or_fallback(box, p)]


_VML_TEXT_PATH = "{urn:schemas-microsoft-com:vml}textpath"


def _docx_word_art(p) -> list[str]:
    """The text of the WordArt anchored in a paragraph (VML's v:textpath, its string; not that of a compatibility
    fallback, nor one in a text box, read there, nor one deleted or hidden: see _unshown_run), which no run's text
    holds: a title so set was lost."""
    return [path.get("string", "") for path in p.iter(_VML_TEXT_PATH) if path.get("string", "").strip()
            and not _unshown_run(next(path.iterancestors(_w("r")), path), p)]


_FIELD_SIMPLE = _w("fldSimple")


def _in_page_field(run, p) -> bool:
    """Whether ``run`` is (part of) the result of a page number's w:fldSimple (see msdoc._page_field) in paragraph
    ``p``: right under it, or under a hyperlink, smart tag, tracked insertion or another field inside it (only a run
    right under it was taken for its result: '5' and page 3 read 53). A run right under its paragraph, as most are,
    is in none (no walk up)."""
    parent = run.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _FIELD_SIMPLE and _page_field(parent.get(_w("instr"))):
            return True
        parent = parent.getparent()
    return False


def _docx_paragraph(p) -> str:
    """Text of a paragraph as Word shows it: runs in order, breaks as newlines, tabs kept.

    A complex field (w:fldChar begin … separate … end) shows its result, not its instruction, and
    nested fields inside an instruction (``{ = { REF a } + { REF b } }``) show nothing of their own.
    A page number field's result (see msdoc._page_field) is left out, but in a paragraph that is a page number alone
    ('- 3 -', a line dropped as furniture later).
    """
    out: list = []
    fields: list = []  # per open field: False in its instruction, True once its result has begun, None: a page number's
    codes: list = []  # per open field: its instruction's text
    page_parts: list = []  # where in ``out`` a page number field's result stands
    last_tab = None  # where in ``out`` the paragraph's last tab stands
    baseline = None  # how the paragraph's text is raised (see _paragraph_raise), found at its first raised run
    math = None  # the last equation read (Office Math): the runs inside it are its own, read with it
    for run in p.iter(_w("r"), _MATH):
        if math is not None and math in run.iterancestors(_MATH):
            continue  # (inside the equation read last: read with it)
        if run.tag == _MATH:
            # an equation's text is in m:t (of m:r), which the loop over w:r never saw: a number typed as an
            # equation, in a sentence or a table's cell, was dropped without a word
            math = run
            if not _unshown_run(run, p) and not (fields and not all(fields)):
                out.append(_math_text(run, p))
            continue
        if _unshown_run(run, p):
            continue
        if _is_footnote_mark(run):
            if run.find(_w("footnoteReference")) is not None:
                continue
            baseline = _paragraph_raise(p) if baseline is None else baseline
            # (raised no more than its paragraph's text: not raised at all; digits raised right after a Latin
            # letter are an exponent, 'm' and a raised '2', read 'm2' as the HTML reader reads m<sup>2</sup>)
            if _raise_of(run) != baseline and not _exponent_after(run, out):
                continue
        page_run = _in_page_field(run, p)
        for node in run.iterchildren():
            tag = node.tag
            if tag == _w("fldChar"):
                kind = node.get(_w("fldCharType"))
                if kind == "begin":
                    fields.append(False)
                    codes.append([])
                elif kind == "separate" and fields:
                    page = fields[-1] is None or (fields[-1] is False and _page_field("".join(codes[-1])))
                    fields[-1] = None if page else True
                elif kind == "end" and fields:
                    fields.pop()
                    codes.pop()
                continue
            page = page_run
            if fields and not all(fields):
                if False in fields:  # inside a field's instruction
                    if tag == _w("instrText") and fields[-1] is False:
                        codes[-1].append(node.text or "")
                    continue
                page = True  # a page number's result
            at = len(out)
            if tag == _w("t"):
                out.append(node.text or "")
            elif tag == _w("tab"):
                last_tab = len(out)
                out.append("\t")
            elif tag in (_w("br"), _w("cr")):
                out.append("\n")
            elif tag == _w("ptab"):  # an absolute position tab (Word 2007's, in a header or a contents' entry)
                out.append(_LEADERS.get(node.get(_w("leader")) or "", "\t"))
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag == _w("sym"):
                out.append(_docx_symbol(node.get(_w("font")), node.get(_w("char"))))
            if page and len(out) > at:
                page_parts.append(at)
    leader = _tab_leader(p)
    if leader and last_tab is not None:
        out[last_tab] = leader
    if page_parts and not is_page_furniture(normalize_line("".join(out))):
        for k in page_parts:
            out[k] = ""
    text = "".join(out)
    # a character that shows nothing (pasted from a page: a zero-width space, a soft hyphen typed as text, a joiner)
    # splits a label or a number in the document's lines: dropped, as a page's (see webpage._clean_text)
    return text if text.isprintable() else _INVISIBLE_FORMAT_RE.sub("", text)


_OMML = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_MATH = f"{{{_OMML}}}oMath"


def _m(tag: str) -> str:
    return f"{{{_OMML}}}{tag}"


def _math_text(el, stop) -> str:
    """The text of an Office Math element (m:oMath and what it holds) in Word's linear format: runs' m:t in order, a
    fraction as ``num/den`` (glued, 1 over 2 would read as the number 12), a superscript as ``e^sup``, a subscript as
    ``e_sub``, a delimiter as its characters around its parts; the properties (``…Pr``) show nothing."""
    tag = el.tag
    if tag == _m("r") or tag == _w("r"):
        if _unshown_run(el, stop):
            return ""
        return "".join(t.text or "" for t in el.iter(_m("t"), _w("t")))
    shown = [child for child in el if isinstance(child.tag, str) and not child.tag.endswith("Pr")]  # (no comments)
    part = {child.tag: _math_text(child, stop) for child in shown}
    if tag == _m("f"):
        return f"{part.get(_m('num'), '')}/{part.get(_m('den'), '')}"
    if tag in (_m("sSup"), _m("sSub"), _m("sSubSup")):
        sub, sup = part.get(_m("sub")), part.get(_m("sup"))
        return part.get(_m("e"), "") + (f"_{sub}" if sub else "") + (f"^{sup}" if sup else "")
    if tag == _m("d"):
        props = el.find(_m("dPr"))

        def char(name: str, default: str) -> str:
            found = props.find(_m(name)) if props is not None else None
            return default if found is None else (found.get(_m("val")) or "")

        inner = char("sepChr", "|").join(_math_text(e, stop) for e in el.iterchildren(_m("e")))
        return char("begChr", "(") + inner + char("endChr", ")")
    return "".join(_math_text(child, stop) for child in shown)  # (a run's tracked deletion: see _unshown_run)


# The characters a tab stop's leader (w:leader) fills its tab with, as Word draws them
_LEADERS = {"dot": "......", "middleDot": "······", "hyphen": "------", "underscore": "______", "heavy": "______"}


def _tab_leader(p) -> str | None:
    """The leader Word draws before the page number of a table of contents' entry ('一、总体情况……1'): that of the
    paragraph's rightmost tab stop (w:tabs of its w:pPr, as Word writes an entry's), which its last tab reaches.
    Read as a plain tab, an entry was no entry: the contents' titles were taken for the sections' and a report lost
    its sections and tables."""
    stops = p.find(f"{_w('pPr')}/{_w('tabs')}")
    if stops is None:
        return None
    found = [(_int(tab.get(_w("pos")), 0), tab.get(_w("leader"))) for tab in stops.iterchildren(_w("tab"))
             if tab.get(_w("val")) != "clear"]
    return _LEADERS.get(max(found, key=lambda stop: stop[0])[1] or "") if found else None


def _style_tab_stops(element, document) -> None:
    """Give the paragraphs under ``element`` (in memory) the tab stops their paragraph style sets, where one of them
    has a leader, merged with their own as Word merges them (a paragraph's stop adds to its style's, or clears one
    at its position): the contents' entries of a style ('toc 1') whose stop draws the dots read as entries (see
    _tab_leader).  A style's stops are its parents' (w:basedOn) merged with its own the same way."""
    styles = document.styles.element
    if not any(tab.get(_w("leader"), "none") != "none" for tab in styles.iter(_w("tab"))):
        return  # (most documents: no style draws a leader)
    leading = {sid: stops for sid, stops in _style_tabs(styles).items()
               if any(tab.get(_w("leader"), "none") != "none" for tab in stops.values())}
    if not leading:
        return
    for style in list(element.iter(_w("pStyle"))):
        props = style.getparent()
        stops = leading.get(style.get(_w("val")))
        if stops is None or props.tag != _w("pPr") or props.getparent().tag != _w("p"):
            continue
        merged = dict(stops)
        own = props.find(_w("tabs"))
        _merge_tab_stops(merged, own)
        if own is None:
            own = props.makeelement(_w("tabs"), {})
            props.append(own)
        own[:] = [copy.copy(tab) for tab in merged.values()]


def _style_tabs(styles) -> dict[str, dict]:
    """The tab stops of each paragraph style that has any (by position), as Word merges them down the style's
    w:basedOn chain: a style's stop adds to its parents' or clears the one at its position."""
    own: dict = {}
    based: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId"))
        stops = style.find(f"{_w('pPr')}/{_w('tabs')}")
        if stops is not None:
            own[sid] = stops
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[sid] = parent.get(_w("val"))
    resolved: dict[str, dict] = {}
    for sid in own:  # (the styles with stops of their own; the others take their nearest parent's, below)
        chain, seen, cur = [], set(), sid
        while cur is not None and cur not in seen:  # (a loop of w:basedOn ends where it comes back)
            seen.add(cur)
            chain.append(cur)
            cur = based.get(cur)
        merged: dict = {}
        for name in reversed(chain):
            _merge_tab_stops(merged, own.get(name))
        if merged:
            resolved[sid] = merged
    for sid in based.keys() - own.keys():  # a style without stops of its own: its nearest parent's that has them
        seen, cur = set(), sid
        while cur is not None and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in resolved:
            resolved[sid] = resolved[cur]
    return resolved


def _merge_tab_stops(merged: dict, stops) -> None:
    """Merge the w:tab of ``stops`` (a w:tabs, or None) into ``merged`` (position -> w:tab) as Word does: a stop
    adds (or replaces) the one at its position, a clearing one (w:val="clear") takes it away."""
    for tab in stops.iterchildren(_w("tab")) if stops is not None else ():
        if tab.get(_w("val")) == "clear":
            merged.pop(tab.get(_w("pos")), None)
        else:
            merged[tab.get(_w("pos"))] = tab


@functools.lru_cache(maxsize=1)
def _symbol_fonts() -> dict[str, dict[int, str]]:
    """The characters of the symbol fonts (``docx: symbol_fonts`` of formats.yaml), by font and byte."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

    fonts: dict[str, dict[int, str]] = {}
    for font, table in load_formats()["docx"]["symbol_fonts"].items():
        chars = {0x20 + i: c for i, c in enumerate(table.get("ascii", ""))}
        chars.update({int(str(code), 16): c for code, c in table.items() if code != "ascii"})
        fonts[font] = chars
    return fonts


def _docx_symbol(font: str | None, char: str | None) -> str:
    """The character a w:sym shows: ``char`` itself, or, as F000 plus a byte, that byte of the symbol font
    ``font`` (U+FFFD where it is not known: a sign lost before a number read it as another number)."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return "\ufffd"
    if not 0xF000 <= code <= 0xF0FF:
        return chr(code) if 0 < code < 0x110000 else "\ufffd"
    return _symbol_fonts().get((font or "").strip().lower(), {}).get(code - 0xF000, "\ufffd")


# (a bound on a row's skipped grid columns: a bad file's gridBefore of a million is no million cells; Word's grid
# has at most 63 columns)
_MAX_GRID_SKIP = 63


def _docx_table(tbl, lines: list, numbering: _WordNumbering | None = None, chunks: dict | None = None) -> None:
    merged_values: dict = {}  # grid column -> the note of a value cell merged down from it (see _merge_note), or
    # what the cells a cell of words merged down covers hold (see _covered_words)
    units: set = set()  # the grid columns headed by a unit header (see _unit_header)
    blank_merged: set = set()  # the grid columns of a blank cell merged down (each row it covers: as wide, blank)
    starts = _cell_starts(tbl)  # (a count spanning columns another row splits: see _spread_across)
    for tr in _docx_children(tbl):
        if tr.tag != _w("tr"):
            continue
        row_props = tr.find(_w("trPr"))
        if row_props is not None and row_props.find(_w("del")) is not None:
            continue  # a row deleted with tracked changes: gone once the change is accepted, as its text
        cells: list = []
        after: list = []
        column = _grid_skip(row_props, "gridBefore")
        covered: list = []  # the cells a merge covers since the row's last cell of its own (see _covered_cells)
        wrapped: dict = {}  # a cell's index in ``cells`` -> its number wrapped by a break or paragraph mark
        padded = -1  # where the blanks the row's last cell adds start, when it is a blank spanning cell (see below)
        blank_left: list | None = None  # where the cell left of the next put its blanks (cells or covered), if blank
        label_lines = 0  # the lines of the row's first cell (its label) between its paragraphs and line breaks
        tcs = [tc for tc in _docx_children(tr) if tc.tag == _w("tc")]
        for tc in tcs:
            props = tc.find(_w("tcPr"))
            at, restart = column, False
            column += 1
            if props is not None:
                if props.find(_w("cellDel")) is not None:
                    continue  # a cell deleted with tracked changes, as a deleted row
                span = props.find(_w("gridSpan"))
                if span is not None:
                    column = at + min(max(_int(span.get(_w("val")), 1), 1), _MAX_GRID_SKIP)
                hmerge = props.find(_w("hMerge"))
                across = hmerge is not None and hmerge.get(_w("val"), "continue") != "restart"
                if across and blank_left is not None:
                    # a cell merged across into a blank one (the legacy hMerge: Word 97's, a .doc's merged cells)
                    # is one more blank cell, as a blank cell spanning grid columns is: one blank in the place of
                    # two moved every value after it one column left; none where no other row splits them
                    pieces = _pieces(starts, at, column)  # (its own start none: merged into the one left of it)
                    if pieces:
                        if blank_left is cells and padded < 0:
                            padded = len(cells)
                        blank_left.extend([""] * pieces)
                    continue
                vmerge = props.find(_w("vMerge"))
                if vmerge is not None and vmerge.get(_w("val"), "continue") != "restart":
                    note = merged_values.get(at)
                    blank_left = None
                    if cells and note is not None:  # (a group's label merged down before the row's first: left out)
                        covered.append(note)
                        if isinstance(note, list):  # a value's: blank, flagged
                            _cover(note, cells)
                        if at in blank_merged:
                            # a blank cell spanning grid columns covers as many blank cells in each row, as it is
                            # in the row it starts in: one blank in the place of two moved the counts after it left;
                            # one over columns no other row splits (see _blank_span_cells)
                            covered.extend([""] * (_pieces(starts, at, column) - 1))
                            blank_left = covered
                    continue  # covered by the cell above
                restart = vmerge is not None
                if across:
                    continue  # legacy horizontal merge
            blank_left = None
            paragraphs: list = []  # (paragraph, its text)
            nested = 0  # the cells of the tables nested in it (see _holds_page)
            box_numbering, box_state = None, None  # the text boxes' numbering, and its counting before this cell
            held = ""  # the text of paragraphs whose mark is taken away: joined to the next, as in _docx_block
            run_in: set[int] = set()  # the paragraphs whose mark is a style separator: on one line with the next
            shown: list = []  # the text of each paragraph of text, its line breaks kept (see _wrapped_number)
            held_rows: list = []  # rows of its boxes' tables and objects: after the row, unless read as a page
            for child in _docx_children(tc):
                if child.tag == _w("p"):
                    boxes: list = []
                    for box in _docx_text_boxes(child):  # a text box in a cell is part of the cell's text, its
                        # list items numbered as the body's boxes' (counted again below if the cell reads as a page)
                        if numbering is not None and box_numbering is None:
                            box_numbering = numbering.in_text_boxes()
                            box_state = box_numbering.state()
                        _docx_block(box, boxes, box_numbering, chunks)  # (an embedded document in it too)
                    boxes.extend(line for art in _docx_word_art(child) for line in _text_lines(art))  # (as a box's)
                    held_rows.extend(b for b in boxes if isinstance(b, list))  # its table's rows: as a nested table's
                    if chunks:
                        _docx_object_rows(child, held_rows, chunks)  # a worksheet in a cell: as a table in it
                    own = _docx_paragraph(child)
                    t = " ".join([*(b for b in boxes if isinstance(b, str)), *own.split("\n")]).strip()
                    mark = child.find(_MARK_PROPS)
                    if mark is not None and (_mark_taken_away(mark) or (not t and _hidden_mark(mark))):
                        held += t  # (an empty paragraph with a hidden mark: not shown nor counted, as in the body)
                        continue
                    if mark is not None and _runs_in(mark):
                        run_in.add(len(paragraphs))
                    paragraphs.append((child, held + t))
                    if t:
                        shown.append(own if not held and not boxes else t)
                    held = ""
                elif child.tag == _w("altChunk") and _chunk_text(chunks, child) is not None:
                    # an embedded document of text alone (a web page holding the count: systems filling a template
                    # from HTML write cells so) is the cell's text where Word shows it, not a line after its row;
                    # its lines count as paragraphs (many, long: a layout cell, read as a page)
                    shown = list(_chunk_text(chunks, child) or ())
                    shown[0] = held + shown[0]  # (a paragraph before whose mark is taken away: on its first line)
                    paragraphs.extend((None, line) for line in shown)
                    held = ""
                elif child.tag == _w("altChunk"):
                    nested += _MAX_GRID_SKIP * _MAX_GRID_SKIP  # a whole document inside the cell: no small table
                elif child.tag == _w("tbl") and _docx_holds_text(child):
                    nested += sum(1 for _ in child.iter(_w("tc")))  # (an empty table is no page)
            if held:
                paragraphs.append((None, held))  # (the cell's last mark taken away: its text, no number)
            texts = [t for _, t in paragraphs if t]
            if _holds_page(nested, len(texts), sum(map(len, texts))):
                if box_numbering is not None and box_state is not None:
                    box_numbering.restore(box_state)  # (its boxes are counted once, by the reading as a page)
                _docx_block(tc, after, numbering, chunks)  # a layout cell (the report set in a table): read like the body
                continue  # (its boxes' tables and objects read there, in their places: not twice)
            after.extend(held_rows)
            inner: list = []
            for child in _docx_children(tc):
                if child.tag == _w("tbl"):
                    _docx_table(child, inner, numbering, chunks)
                elif child.tag == _w("altChunk") and chunks and _chunk_text(chunks, child) is None:
                    inner.extend(chunks.get(child.get(_R_ID), ()))
            if run_in:
                texts = _run_in_texts(paragraphs, run_in, numbering)
            elif numbering is not None:  # a row label numbered by Word ('(七)总计'); counted as Word counts
                # (no bullet: one before a label or a value would hide it)
                # (an empty numbered paragraph is counted too, as Word counts it; its number is not shown)
                numbers = [numbering.marker(p, t, bullets=False) if p is not None else "" for p, t in paragraphs]
                texts = [_numbered(number, t) for number, (_, t) in zip(numbers, paragraphs) if t]
            text = " ".join(texts).strip().strip("\u200b\ufeff").strip()
            cells.extend(_covered_cells(covered))
            covered = []
            place = len(cells) + _grid_skip(row_props, "gridBefore")  # (the row's gridBefore blanks: put first below)
            if restart:
                note = _merge_note(text, cells or [text], place)
                merged_values[at] = _covered_words(text, at in units) if note is None else note
                if not text and not inner:
                    blank_merged.add(at)
                else:
                    blank_merged.discard(at)
            if _unit_header(text):
                units.add(at)
            if not cells:  # (the row's first cell)
                label_lines = sum(len(part.split("\n")) for part in shown)
            # a count merged across grid columns: as many blank cells, flagged (see _spread_across)
            pieces = _pieces(starts, at, column)  # (1 where no other row splits its grid columns)
            spread = None if restart or inner else _spread_across(text, cells, place, column - at, tc is tcs[-1],
                                                                  pieces)
            number = _wrapped_number(shown, text) if cells and not inner and not spread else None
            if number is not None:
                wrapped[len(cells)] = number
            cells.extend(spread or _own_cells(text, inner, after))
            padded = -1
            blank_left = cells if not text and not inner else None
            if not text and not inner and pieces > 1:
                # a blank cell spanning grid columns is as many blank cells: one blank in the place of two moved every
                # value after it one column left (as a page's blank colspan; see _blank_span_cells: one at the end);
                # one over columns no other row splits (a column merged in every row: two blanks moved the rest right)
                padded = len(cells)
                cells.extend([""] * (_blank_span_cells(pieces, last=False) - 1))
        if wrapped and (label_lines < 2 or any(_DIGIT_RUN.fullmatch(c) for c in cells)):
            # (a row whose label is broken too and none of whose counts is whole: two rows' values set one above the
            # other in one row, never joined into one, as a page's: see webpage._wrapped_numbers)
            for k, number in wrapped.items():
                cells[k] = number
        if cells:
            if padded >= 0 and not _covered_cells(covered, end=True):
                del cells[padded:]  # (the row's last cell: one blank, see _blank_span_cells, as .doc and a page)
            cells.extend(_covered_cells(covered, end=True))
            # the grid columns a row leaves without a cell before its first or after its last (a row cut short:
            # w:gridBefore, w:gridAfter) are blank in their columns, as Word shows them
            cells[:0] = [""] * _grid_skip(row_props, "gridBefore")  # (in place: a merge's note holds the row)
            cells.extend([""] * _grid_skip(row_props, "gridAfter"))
            lines.append(cells)
        lines.extend(after)




def _wrapped_number(shown: list, text: str) -> str | None:
    """The number a cell's two runs of digits on either side of one line break or paragraph mark make
    (``13<w:br/>63``, ``<w:p>13</w:p><w:p>63</w:p>``: a narrow column's number wrapped by a converter or an editor,
    1363), where its first line is full (see markup._full_first_line, as a page's ``13<br>63`` and
    ``<p>13</p><p>63</p>``), else None: '1<w:br/>2' stays '1 2', two values stacked, no number.  ``shown``: the text
    of each of the cell's paragraphs of text, its line breaks kept; ``text``: the cell's text read (its breaks and
    paragraph marks spaces), which must be the two runs alone (no number of a list before them)."""
    runs = [run.strip() for part in shown for run in part.strip().split("\n")]
    return "".join(runs) if _wrapped_digits(runs) and text == " ".join(runs) else None


def _covered_cells(covered: list, end: bool = False) -> list:
    """The cells of a row that merges from the rows above cover (``covered``: each a value's note, see
    _merge_note, or what a cell of words leaves, see _covered_words), in their columns: a blank for a value, the
    words' unit or blank; at the row's ``end`` the blanks of words after its last other cell are left out (no value
    after them to keep in its column)."""
    cells = ["" if isinstance(note, list) else note for note in covered]
    if end:
        while cells and cells[-1] == "" and isinstance(covered[len(cells) - 1], str):
            cells.pop()
    return cells


def _run_in_texts(paragraphs: list, run_in: set[int], numbering: _WordNumbering | None) -> list:
    """The texts of a table cell's paragraphs (paragraph, text), numbered, those of a style separator (their
    index in ``run_in``) on one line with the next, with nothing between, as _docx_block shows them in the body.

    Parameters
    ----------
    paragraphs : list
        The cell's (w:p or None, text) pairs, in order.
    run_in : set of int
        The indexes of the paragraphs whose mark runs them in with the next (see _runs_in).
    numbering : _WordNumbering or None
        The document's list numbering, counting every paragraph (no bullet shown).

    Returns
    -------
    list
        The cell's non-blank texts, each its paragraphs' run together.
    """
    texts: list = []
    line = ""  # the text of style-separator paragraphs before, shown on one line with this one
    for k, (p, t) in enumerate(paragraphs):
        t = line + t  # (the next paragraph's number is counted on the whole line: not shown mid-line, as in the body)
        number = numbering.marker(p, t, bullets=False) if numbering is not None and p is not None else ""
        line = _numbered(number, t) if t else ""
        if k not in run_in:
            if line:
                texts.append(line)
            line = ""
    if line:
        texts.append(line)
    return texts


def _chunk_text(chunks: dict | None, chunk) -> list[str] | None:
    """The lines of an embedded document (a w:altChunk, ``chunks``: its lines by relationship id, see
    _docx_alt_chunks) that holds lines of text alone; None where it holds a table's rows, or nothing was read of
    it."""
    lines = (chunks or {}).get(chunk.get(_R_ID))
    if not lines or not all(isinstance(line, str) for line in lines):
        return None
    return lines


def _docx_holds_text(el) -> bool:
    """Whether a Word element (a table nested in a cell) holds any text (``w:t``) but white space."""
    return any(not _blank(t.text) for t in el.iter(_w("t"), _m("t")))  # (m:t: an equation's)


def _cell_starts(tbl) -> set:
    """The grid columns a cell of a row of DOCX table ``tbl`` starts in (its row's w:gridBefore and the w:gridSpan
    of the cells before it; a cell merged into the one left of it, the legacy w:hMerge, starts none)."""
    starts: set = set()
    for tr in _docx_children(tbl):
        if tr.tag != _w("tr"):
            continue
        column = _grid_skip(tr.find(_w("trPr")), "gridBefore")
        for tc in _docx_children(tr):
            if tc.tag != _w("tc"):
                continue
            props = tc.find(_w("tcPr"))
            span = props.find(_w("gridSpan")) if props is not None else None
            hmerge = props.find(_w("hMerge")) if props is not None else None
            if hmerge is None or hmerge.get(_w("val"), "continue") == "restart":
                starts.add(column)
            column += 1 if span is None else min(max(_int(span.get(_w("val")), 1), 1), _MAX_GRID_SKIP)
    return starts


def _grid_skip(row_props, name: str) -> int:
    """The number of grid columns a DOCX row skips (``name``: gridBefore or gridAfter of its w:trPr)."""
    skip = row_props.find(_w(name)) if row_props is not None else None
    return 0 if skip is None else min(max(_int(skip.get(_w("val")), 0), 0), _MAX_GRID_SKIP)
