r"""Reading: turn a report file (text, HTML, web archive, DOCX, Word 97–2003, PDF or OFD) into lines.

This is the first stage of the pipeline. Whatever the source, a report comes
out as a :class:`RawDocument` whose ``lines`` hold the report in reading
order: a ``str`` for a line of text, a ``list[str]`` for a table row (its
cells left to right, ``''`` for a blank cell). Later stages (layout,
normalizing, sections, tables) work on these lines only.

Plain text keeps its physical lines exactly (ended by ``\n``, ``\r\n`` or
``\r``; a form feed is no line break), so line numbers stay 1:1 with the
file; tables written as text are rebuilt by :mod:`toolkit.layout`. HTML,
DOCX (and a Word 97–2003 ``.doc``, read as a DOCX's body) and PDF (and an OFD,
read as a PDF's pages: :mod:`toolkit.ofd`) give table rows directly. Merged cells are emitted once, as in the HTML source: a ``colspan`` cell is one cell (no filler cells after it)
and the cells a ``rowspan`` covers are absent from the rows below, but a covered value cell (see ``_value_text``) is blank
(warned of: ``merged_down``). Blank text
lines are dropped from HTML, DOCX and PDF (they carry no line numbers a reader
could point to), except inside an HTML ``<pre>``, whose lines are kept as
written, blank ones and tabs included.

This module reads plain text, Word (DOCX, and .doc through :mod:`toolkit.msdoc`) and PDF, and chooses the reader
(:func:`read_document`). HTML and web archives are read by :mod:`toolkit.webpage`, OFD by :mod:`toolkit.ofd`; the
codecs of text and web pages are found by :mod:`toolkit.decoding`; :class:`RawDocument` is defined in
:mod:`toolkit.document`, and what the HTML and Word readers share in :mod:`toolkit.markup`.
"""
from __future__ import annotations

import bisect
import contextlib
import contextvars
import copy
import errno
import functools
import io
import logging
import os
import re
import threading
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from typing import Iterator

from toolkit.decoding import (_ENCRYPTED_OFFICE, _OLE_MAGIC, _check_encoding, _check_not_blank, _check_text_file,
                              _magic, decode_bytes)
from toolkit.document import DEFAULT_MAX_BYTES, RawDocument, _warn
from toolkit.errors import (BinaryFileError, CorruptFileError, DecodeError, EmptyFileError, FileTooLargeError,
                            ReadError, ToolkitError, UnmappedFontError, UnsupportedFormatError)
from toolkit.markup import (_BULLET_MARK, _FOOTNOTE_MARK, _MergedDownWarned, _NUM_FORMATS, _WS_RE, _blank, _cover,
                            _holds_page, _is_cjk, _list_marker, _merge_note, _numbered, _own_cells, _typed_bullet)
from toolkit.msdoc import _page_field
from toolkit.normalize import is_continuation_caption, is_page_furniture, normalize_line
from toolkit.webpage import _is_web_archive, _read_html, _read_web_archive

__all__ = ["DEFAULT_MAX_BYTES", "RawDocument", "read_document", "decode_bytes"]

_FORMATS = ("text", "html", "mht", "docx", "doc", "pdf", "ofd")
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".mht": "mht",  # a web archive (a browser's or Word's 'single file web page'): the page read as HTML
    ".mhtml": "mht",
    ".docx": "docx",
    ".docm": "docx",  # a Word document with macros, and templates: the text is a .docx's (macros never run)
    ".dotx": "docx",
    ".dotm": "docx",
    ".doc": "doc",  # Word 97–2003 (told by its content: many are a web page, a DOCX or an RTF so named)
    ".dot": "doc",
    ".wps": "doc",  # WPS Office writes the Word binary format under its own name
    ".pdf": "pdf",
    ".ofd": "ofd",  # GB/T 33190, China's fixed-layout format: its pages read as a PDF's
}
# Extensions of pages saved from web servers: the content decides (HTML or text). ('.': a name ending in a dot, a
# download saved as '报告.', has no extension either)
_SNIFF_EXTENSIONS = {"", ".", ".asp", ".aspx", ".jsp", ".php", ".do", ".action", ".cgi"}
_LEGACY_OFFICE = {".xls", ".xlsx", ".et", ".rtf", ".ppt", ".pptx"}
# Formats (told by the extension) whose files are read as HTML when they start as a web page (_is_html_page)
_HTML_UNDER = frozenset({"text", "mht", "doc", "ofd", "pdf"})

# A PDF whose extracted characters are (cid:NN) placeholders for more than
# this share of its non-space characters is refused (UnmappedFontError).
_CID_SHARE_LIMIT = 0.05
# Pages with more ruling-line edges than this are read as text only: finding
# tables is quadratic in the number of edges.
_MAX_PDF_EDGES = 6000
# A DOCX may expand to at most this many times ``max_bytes`` when unzipped, and a PDF's streams decode to as much
# in all (see _bounded_streams).
_ZIP_EXPANSION = 10
# Its XML parts (the text, styles ...), which are parsed whole, to at most this or max_bytes, the larger: a
# parsed part takes some 20 times its size in memory, and a part a thousand times its compressed size (a zip
# bomb) is tiny on disk.
_DOCX_XML_LIMIT = DEFAULT_MAX_BYTES

_CID_RE = re.compile(r"\(cid:\d+\)")
_HTML_SNIFF_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|table)\b", re.IGNORECASE)


# --------------------------------------------------------------------------
# public entry points
# --------------------------------------------------------------------------


def read_document(
    path: str | os.PathLike,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RawDocument:
    r"""Read a report file into lines of text and table rows.

    The content decides over the extension: a PDF, DOCX, OFD (a ZIP package
    holding ``OFD.xml``), Word 97–2003 document
    (an OLE compound file) or web archive is read as what it is under any name
    (a ``download.jsp`` saved as ``.doc``), and a web page saved as ``.txt``
    (or ``.doc``) as HTML.  Otherwise the format comes from the extension:
    ``.txt``/``.text`` (plain text), ``.html``/``.htm``/``.shtml``/``.xhtml``
    (HTML), ``.mht``/``.mhtml`` (a web archive, a page saved as one file: its
    HTML page is read, with the style sheets it holds; a page saved 'complete' reads the sheets it links by a
    relative address in its own folder or below, such as ``报告_files/``), ``.docx`` (also ``.docm``, ``.dotx``, ``.dotm``),
    ``.doc`` (also ``.dot``, and WPS Office's ``.wps``: the main document, its
    tables as a DOCX's), ``.pdf`` and ``.ofd`` (GB/T 33190, read as a PDF's
    pages are: :mod:`toolkit.ofd`).  A file without
    extension, or saved from a web server (``.asp``, ``.aspx``, ``.jsp``,
    ``.php``, ``.do``, ``.action``, ``.cgi``), is recognised by its content
    (PDF, DOCX, OFD, web archive, HTML, else plain text).

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    encoding : str or None, default None
        Codec of a text or HTML file; ``None`` detects it: byte-order marks
        (UTF-8, UTF-16, UTF-32, GB18030), then UTF-16 without BOM when data
        with NUL bytes reads as a report's characters in one byte order, strict UTF-8, the charset an
        HTML page declares, then GBK/GB18030 (recorded as ``'gbk'`` when the
        bytes are valid GBK, else ``'gb18030'``), or Big5 where its reading
        has the more common characters (too short a text to tell is flagged
        ``encoding_uncertain``; pass ``encoding='big5'`` if you know it).
        A file beginning with the byte-order mark of another codec (UTF-8, UTF-16, UTF-32, GB18030) is
        read in the mark's codec, the one recorded. Ignored for DOCX, PDF and OFD.
    max_bytes : int, default DEFAULT_MAX_BYTES (50 MiB)
        Largest file size accepted, checked before reading. A DOCX (an OFD) may
        expand to at most 10 times this size when unzipped, its XML parts
        to at most this size or 50 MiB, the larger; a web archive may hold
        at most 10,000 parts and a line per 40 bytes of this size or 50 MiB.

    Returns
    -------
    RawDocument
        ``lines`` in reading order. Plain text gives its physical lines,
        ended by ``\n``, ``\r\n`` or ``\r`` (blank lines kept, so line numbers
        match the file; form feeds dropped). HTML, DOCX, PDF and OFD give
        non-blank text lines (an HTML ``<pre>`` its lines as written), and one
        ``list[str]`` per table row; a merged cell appears once (see the module
        docstring). In a PDF (an OFD), text lines are the physical lines of the page, and the lines of a wrapped cell are joined (without a
        space between Chinese characters, with one otherwise).

    Raises
    ------
    TypeError
        If `path` is not a str or path-like object.
    ValueError
        If `max_bytes` is not a positive int, `encoding` is not a known
        text codec, or `path` holds a NUL character (no file name can).
    ReadError
        If the file does not exist or cannot be opened.
    FileTooLargeError
        If the file is larger than `max_bytes` (or a DOCX or web archive
        exceeds the limits above).
    EmptyFileError
        If the file is empty or holds only white space (or a DOCX/DOC/PDF holds
        no text, e.g. a scanned PDF without a text layer).
    BinaryFileError
        If a text or HTML file holds binary data (NUL bytes, control
        characters, or the signature of another file type).
    DecodeError
        If the bytes cannot be decoded (with `encoding`, or with any codec
        tried by detection).
    UnsupportedFormatError
        If the extension or content is not a supported format.
    CorruptFileError
        If a DOCX, Word 97–2003, PDF, OFD, web archive or HTML file is damaged, encrypted, or
        not what its extension says (a web archive without an HTML page, or
        whose MIME parts cannot be told apart).
    UnmappedFontError
        If more than 5% of the non-space characters extracted from a PDF
        are ``(cid:NN)`` placeholders (fonts without a Unicode mapping).

    Examples
    --------
    >>> from toolkit.readers import read_document
    >>> doc = read_document("data/raw/001_4d29bfef72dd56db.txt")
    >>> doc.format, doc.encoding, len(doc.lines)
    ('text', 'utf-8', 308)
    >>> doc.lines[3]
    '一、总体情况'
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"path must be a str or os.PathLike, got {type(path).__name__}: {path!r}"
        )
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(
            f"max_bytes must be a positive int (number of bytes), got {max_bytes!r}"
        )
    codec = None if encoding is None else _check_encoding(encoding)
    spath = os.fspath(path)
    if "\0" in spath:  # the system's own error names neither the file nor the problem ('embedded null byte')
        raise ValueError(f"path holds a NUL character, which no file name can: {spath!r}")

    data = _read_bytes(spath, max_bytes)
    ext = _extension(spath)  # (art.jsp?id=123, a page saved by wget, is a .jsp)
    fmt = _EXTENSIONS.get(ext)
    actual = _container(data)
    if actual is not None:
        fmt = actual  # a PDF or DOCX under another name (download.jsp saved as .doc, a .docx named .txt)
    elif _is_web_archive(data):
        fmt = "mht"  # also under .html or .doc (Word's 'save as .doc' of a single file web page)
    elif (fmt in _HTML_UNDER or ext in _LEGACY_OFFICE) and _is_html_page(data):
        # a web page saved as .txt, or as .doc (as Word's 'Web page' is served by many sites), or as .pdf (a
        # download link that serves the page): a PDF with no header but a page's start is that page
        fmt = "html"
    elif fmt == "mht":
        raise CorruptFileError(spath, "not a web archive: no MIME header (Content-Type: multipart/related or "
                                      "text/html) at the start")
    if fmt is None:
        if ext in _SNIFF_EXTENSIONS:
            fmt = _sniff(data, spath, codec)
        elif ext in _LEGACY_OFFICE:
            raise UnsupportedFormatError(
                spath,
                f"unsupported file format {ext!r}; save the report as .docx, .pdf, "
                f".html or .txt ({_supported()})",
            )
        else:
            raise UnsupportedFormatError(
                spath, f"unsupported file extension {ext!r} ({_supported()})"
            )

    if fmt == "doc" and actual is None:  # a .doc that is no Word document, web page, DOCX or PDF either
        what = _magic(data)
        if what is not None:
            raise UnsupportedFormatError(spath, f"unsupported format: the content is {what}, not a Word document")
        raise CorruptFileError(spath, "not a valid Word document: not an OLE compound file (nor a web page, "
                                      "web archive, DOCX or PDF)")
    if fmt in ("text", "html") and not data.strip(b" \t\r\n\x0b\x0c"):
        raise EmptyFileError(spath, "file holds only white space")

    try:
        if fmt == "text":
            return _read_text(data, spath, codec)
        if fmt == "html":
            return _read_html(data, spath, codec, on_disk=True)
        if fmt == "mht":
            return _read_web_archive(data, spath, codec, max_bytes)
        if fmt == "docx":
            return _read_docx(data, spath, max_bytes)
        if fmt == "doc":
            return _read_doc(data, spath)
        if fmt == "ofd":
            return _read_ofd(data, spath, max_bytes)
        return _read_pdf(data, spath, max_bytes)
    except ToolkitError:
        raise
    except (MemoryError, KeyboardInterrupt):  # pragma: no cover - resource limits
        raise
    except Exception as exc:  # a library failed on a damaged file
        raise CorruptFileError(
            spath, f"cannot read this {fmt.upper()} file: {type(exc).__name__}: {exc}"
        ) from exc


# --------------------------------------------------------------------------
# files and sniffing (the codecs: toolkit.decoding)
# --------------------------------------------------------------------------


def _extension(path: str) -> str:
    """The lower-case extension of a file name; of a page saved with its URL's query, the page's own.

    wget names a page after its URL, query included (``art.jsp?id=123``, or ``art.jsp@id=123`` with
    ``--restrict-file-names=windows``): its extension was ``.jsp?id=123``, which no reader takes, so such pages
    were refused, and passed over in a folder.  A query begins at the first ``?``; at an ``@`` only when what
    comes before it ends in an extension the readers know (``a@b.txt`` keeps ``.txt``, ``icon@2x.png`` ``.png``).
    """
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    if ("?" not in name and "@" not in name) or ext in _EXTENSIONS or ext in _SNIFF_EXTENSIONS:
        return ext  # (the usual case)
    if "?" in name:  # ('view.jsp?v=1.2': the query's dot is no extension)
        return os.path.splitext(name.split("?", 1)[0])[1].lower()
    page = os.path.splitext(name.split("@", 1)[0])[1].lower()
    return page if page and (page in _EXTENSIONS or page in _SNIFF_EXTENSIONS) else ext


def _supported() -> str:
    exts = ", ".join(_EXTENSIONS)
    return f"supported: {exts}, or no extension (format told from the content)"


_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)  # (a report's address pasted as its file)


def _not_found(path: str) -> str:
    """Why ``path`` is not found: ``'file not found'``, naming the target of a link whose file was moved or
    deleted (the link is still listed in its folder, so the bare message would puzzle), and saying that a URL
    is not downloaded."""
    try:
        target = os.readlink(path)
    except (OSError, ValueError):  # no link (or no file at all)
        if _URL.match(path):
            return ("file not found: a URL is not downloaded; save the page (or the document it links to) and give "
                    "its file")
        return "file not found"
    return f"file not found (a link to {target}, which does not exist)"


def _cannot_open(exc: OSError) -> str:
    """Why a file cannot be opened, as the reader and a corpus run both say it: a link that loops (ELOOP) is
    named so, the system's bare 'Too many levels of symbolic links' telling little."""
    if exc.errno == errno.ELOOP:
        return "cannot open the file: a link that loops (a chain of links that comes back to itself)"
    return f"cannot open the file: {exc.strerror or exc}"


def _too_large(path: str, size: int, max_bytes: int) -> FileTooLargeError:
    """The error of a file of ``size`` bytes over ``max_bytes``: in one place, for the corpus's check before
    parsing says the same (one cause, one wording)."""
    return FileTooLargeError(
        path, f"file is {size} bytes, larger than the limit max_bytes={max_bytes} (pass a larger max_bytes to read it)"
    )


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """Read a whole file after checking that it exists, is a regular file and is small enough."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise ReadError(path, _not_found(path)) from exc
    except OSError as exc:
        raise ReadError(path, _cannot_open(exc)) from exc
    import stat  # (here, with the checks that need it)

    if stat.S_ISDIR(st.st_mode):  # (the stat above: os.path.isdir would make another)
        raise ReadError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):  # opening a named pipe blocks until a writer comes, reading a device never ends
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a special file")
        raise ReadError(path, f"not a regular file: {kind}")
    if st.st_size > max_bytes:
        raise _too_large(path, st.st_size, max_bytes)
    try:
        with open(path, "rb") as fh:
            # the size stat gives and a byte more, to see whether the file grew since: a read of max_bytes + 1
            # takes a buffer of that size (50 MiB) from the system for every file, which costs more than the read
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:  # grown, or a size the system does not give (/proc): the rest, to the limit
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise ReadError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise FileTooLargeError(
            path, f"file is larger than the limit max_bytes={max_bytes}"
        )
    if not data:
        raise EmptyFileError(path, "file is empty (0 bytes)")
    return data


def _container(data: bytes) -> str | None:
    """'pdf', 'docx', 'ofd' or 'doc' when the bytes are one, whatever the file is called.

    Any OLE compound file is taken for a Word 97–2003 document (its reader names what else it holds), but a
    password-protected DOCX (an EncryptedPackage inside), refused as a DOCX."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_document(data)
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_OFFICE not in data:
        return "doc"
    return None


_HTML_PAGE_START = re.compile(  # a whole tag: prose that begins with '<html' is no page; a comment ends at its
    # first '-->' (as a browser ends it: '.*?' let comments in a row be taken as one, in every way, 2**n of them)
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|meta|title|body)(?:\s[^<>]*)?/?>", re.IGNORECASE | re.DOTALL)


def _is_html_page(data: bytes) -> bool:
    """Whether a text file is an HTML page (it starts with <!DOCTYPE html>, <html>, <head>, <meta> …)."""
    return bool(_HTML_PAGE_START.match(data[:4096]))


def _sniff(data: bytes, path: str, codec: str | None) -> str:
    """Tell the format of a file with no (or a web-server) extension that is no PDF or DOCX (see _container)."""
    if data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormatError(
            path, "unsupported format: a ZIP archive that is not a DOCX (no word/document.xml) nor an OFD (no OFD.xml)"
        )
    what = _magic(data)
    if what is not None:
        raise UnsupportedFormatError(path, f"unsupported format: the content is {what}")
    head = data[:65536]
    if len(data) > len(head) and b"\x00" not in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # end at an ASCII byte: a cut inside a GBK or UTF-8 character failed to decode (and the page was
        # taken for text) or warned of a truncated file.  A character ends at any ASCII byte.
        head = head.rstrip(bytes(range(0x80, 0x100))) or head
    try:
        text = decode_bytes(head, path=path, encoding=codec)[0]
    except BinaryFileError as exc:
        raise UnsupportedFormatError(
            path, "unsupported format: binary content that is not PDF, DOCX, HTML or text"
        ) from exc
    except DecodeError:
        return "text"  # let the full read report the decoding problem
    return "html" if _HTML_SNIFF_RE.search(text[:8192]) else "text"


def _zip_document(data: bytes) -> str | None:
    """'docx' for a ZIP package holding a Word document's main part (see _word_main_part), 'ofd' for one holding
    OFD.xml, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if _word_main_part(zf, set(names)) is not None:
                return "docx"
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):  # (a version of ZIP it cannot read)
        return None
    return "ofd" if any(name.lstrip("/").lower() == "ofd.xml" for name in names) else None


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
# plain text
# --------------------------------------------------------------------------


def _read_text(data: bytes, path: str, codec: str | None) -> RawDocument:
    _check_text_file(data, path)
    text, used = decode_bytes(data, path=path, encoding=codec)
    if "\x1a" in text[-256:] and text.rstrip().endswith("\x1a"):
        # Ctrl-Z, the end-of-file mark DOS tools (copy /a, old editors) write after the text: no character of its
        # last line ('2024年1月29日\x1a' read as no date)
        text = text.rstrip().rstrip("\x1a")
    if "\r\r\n" in text and text.count("\r\r\n") == text.count("\n"):
        # every line ending in CR CR LF (a CRLF file written again by a tool's text mode, or sent by FTP as ASCII):
        # one line end each, not a blank line after every line, which cut the rows of a table (values lost)
        text = text.replace("\r\r\n", "\n")
    _check_not_blank(text, path)
    return RawDocument(path=path, format="text", encoding=used, lines=text_lines(text))


def text_lines(text: str) -> list[str]:
    """The lines of a plain text, read as a text file's are: a form feed (pdftotext's page break) ends no line.

    Examples
    --------
    >>> text_lines("正文。\\n\\f二、主动公开政府信息情况\\r\\n正文")
    ['正文。', '二、主动公开政府信息情况', '正文']
    """
    if "\n" not in text and "\r" not in text and _UNICODE_BREAKS.search(text):
        # a text with no ordinary line end (web-page text copied from a browser) ends its lines with
        # U+2028/U+2029/NEL: read them as line ends, else the whole report is one line and its tables are lost
        text = _UNICODE_BREAKS.sub("\n", text)
    return _ODD_BREAKS.sub(_odd_break, text).splitlines()


_UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")


# Only \n, \r\n and \r end a line of a text file (as in an editor); str.splitlines() also breaks at
# these.  A form feed (pdftotext's page break, at the start of a page's first line) and the others are
# dropped, the Unicode line and paragraph separators become spaces.
_ODD_BREAKS = re.compile("[\f\v\x1c\x1d\x1e\x85\u2028\u2029]")


def _odd_break(match: re.Match[str]) -> str:
    return " " if match.group() in "\u2028\u2029" else ""


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

    hint = _magic(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as exc:  # a damaged central directory asking for a later version of ZIP
        raise CorruptFileError(path, f"not a valid DOCX: a damaged ZIP archive ({exc})") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        extra = f" (the content is {hint})" if hint and not hint.startswith("a ZIP") else ""
        raise CorruptFileError(
            path, f"not a valid DOCX: not a ZIP archive or truncated{extra}"
        ) from exc
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
        _vanish_styled_runs(body, hidden)
        _raise_styled_runs(body, document)
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


def _own_title(title: str) -> str | None:
    """A title a document gives itself apart from its text (a DOCX's dc:title, a PDF's Title), white space
    collapsed, or None where there is none or it is only a template's or a new document's name, a converter's
    stamp or a file's name (formats.yaml template_titles: 'Normal', '文档1', 'Untitled', 'Microsoft Word - …',
    '年报.doc')."""
    from toolkit.formats import load_formats

    text = " ".join(title.split())
    if not text or re.fullmatch(load_formats()["template_titles"], text):
        return None
    return text


def _pdf_info_title(pdf) -> str | None:
    """The Title of the PDF's document information, as :func:`_own_title` reads it (its bytes decoded by
    :func:`_pdf_text_string`), or None where it has none or it cannot be read."""
    from pdfminer.pdftypes import resolve1

    try:
        for info in pdf.doc.info:
            value = resolve1(info.get("Title"))
            if isinstance(value, bytes):
                return _own_title(_pdf_text_string(value))
    except Exception:  # (a damaged information dictionary: the title is no part of the report's text)
        return None
    return None


_XMP_NS = {"dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pdf_xmp_title(pdf) -> str | None:
    """The dc:title of the PDF's XMP metadata (the catalog's Metadata stream), as :func:`_own_title` reads it: its
    default language's entry (xml:lang x-default), else its first, else its text; None where it has none or it
    cannot be read."""
    import lxml.etree
    from pdfminer.pdftypes import PDFStream, resolve1

    try:
        stream = resolve1(pdf.doc.catalog.get("Metadata"))
        if not isinstance(stream, PDFStream):
            return None
        # (no entity is expanded nor anything fetched: the stream is the producer's, not ours)
        parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
        root = lxml.etree.fromstring(stream.get_data(), parser)
        title = root.find(".//dc:title", _XMP_NS) if root is not None else None
        if title is None:
            return None
        items = title.findall(".//rdf:li", _XMP_NS)
        chosen = next((li for li in items if li.get(_XML_LANG) == "x-default"), items[0] if items else title)
        return _own_title("".join(chosen.itertext()))
    except Exception:  # (a damaged stream or XML: the title is no part of the report's text)
        return None


def _pdf_text_string(data: bytes) -> str:
    """A PDF text string: UTF-16 after its byte order mark, else UTF-8 or GB18030 where the bytes read as one (a
    Chinese producer writing its own encoding, which pdfminer's PDFDocEncoding would turn to mojibake), else
    PDFDocEncoding."""
    if data[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return data[2:].decode("utf-16-be" if data[0] == 0xFE else "utf-16-le", "replace")
    if data.isascii():
        return data.decode("ascii")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    from pdfminer.utils import decode_text

    return decode_text(data)


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

    from toolkit.msdoc import read_doc

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
    covered by the cell above as one continuing a vertical merge, the cell above it starting it (so a value merged
    down covers blank cells, as in a DOCX), a cell covered by the cell left of it as one continuing a horizontal
    merge, both of which the DOCX reader leaves out."""
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
        for row in block:
            tr = SubElement(table, _w("tr"))
            tcs = []
            for k, cell in enumerate(row):
                tc = SubElement(tr, _w("tc"))
                tcs.append(tc)
                if cell.merged:
                    SubElement(SubElement(tc, _w("tcPr")), _w("vMerge" if cell.above else "hMerge"))
                    if cell.above and k < len(above) and above[k].find(_w("tcPr")) is None:
                        SubElement(SubElement(above[k], _w("tcPr")), _w("vMerge")).set(_w("val"), "restart")
                _word_blocks(tc, cell.blocks)
            above = tcs


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
                _vanish_styled_runs(part._element, hidden)
                _blank_struck_runs(part._element, document, hidden[1])
                _docx_block(part._element, found)
                yield found

    return _header_title(lines, headers())


def _header_title(lines: list, headers: Iterator[list]) -> list:
    """The title lines the first of ``headers`` (the lines of a page header each) holding a title gives, when
    ``lines`` (the body's) hold none (a DOCX's or a Word 97–2003 document's)."""
    from toolkit.metadata import _find_title

    text = [line if isinstance(line, str) else " | ".join(line) for line in lines]  # rows hold no title
    if _find_title(text, len(text)) is not None:
        return []
    for found in headers:
        found = [line for line in found if isinstance(line, str)]
        span = _find_title(found, len(found))
        if span is not None:
            return found[span[0] : span[1] + 1]
    return []


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
        start, fmt, text = (lvl.find(_w(tag)) for tag in ("start", "numFmt", "lvlText"))
        self.levels[(num_id, ilvl)] = (_int(start.get(_w("val")) if start is not None else None, 1),
                                       fmt.get(_w("val"), "decimal") if fmt is not None else "decimal",
                                       (text.get(_w("val")) or "") if text is not None else "")
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
        if fmt not in _NUM_FORMATS or not pattern or _list_marker().match(text):
            return ""
        legal = (num_id, ilvl) in self.legal  # every level's number in digits ('1.1', Word's 正规形式编号)
        for level in range(ilvl + 1):
            level_start, level_fmt, _ = self.levels.get((num_id, level), (1, "decimal", ""))
            value = level_start + max(counts[level], 1) - 1
            pattern = pattern.replace(f"%{level + 1}", str(value) if legal else _NUM_FORMATS.get(level_fmt, str)(value))
        return pattern


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


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
            text = _docx_paragraph(child)
            mark = child.find(_MARK_PROPS)
            if mark is not None and (_mark_taken_away(mark) or (not text.strip() and _hidden_mark(mark))):
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


def _docx_hidden_styles(document) -> tuple[dict, str | None]:
    """Which styles set hidden text (w:vanish) on or off, by style id, and the default paragraph style.

    Text can be hidden by a style as well as by the run itself; a style that does not set w:vanish
    takes its parent's (w:basedOn). Empty when no style hides anything (the usual case).
    """
    styles = document.styles.element
    default = next((style.get(_w("styleId")) for style in styles.iter(_w("style"))
                    if style.get(_w("type"), "paragraph") == "paragraph"
                    and style.get(_w("default")) in ("1", "true", "on")), None)

    def vanish(style) -> bool | None:
        found = style.find(f"{_w('rPr')}/{_w('vanish')}")
        return None if found is None else found.get(_w("val"), "true") not in _OFF

    sets = _docx_style_settings(styles, vanish)
    return (sets if any(sets.values()) else {}), default


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


def _vanish_styled_runs(element, hidden: tuple[dict, str | None]) -> None:
    """Mark as hidden (w:vanish, in memory) the runs under ``element`` that a style hides, and the paragraph marks
    (a paragraph style hides its mark as its text: see _hidden_mark, _runs_in).

    The run's own w:vanish decides first, then its styles': w:vanish is a toggle (ECMA-376 17.7.3, as w:strike, see
    _struck), so text hidden by its character style and by its paragraph style both is shown, as Word shows it.
    """
    sets, default = hidden
    if not sets:
        return

    def styled(rstyle, para_hidden: bool) -> bool:
        by_character = sets.get(rstyle.get(_w("val"))) if rstyle is not None else None
        return para_hidden if by_character is None else by_character and not para_hidden

    for p in element.iter(_w("p")):
        props = p.find(_w("pPr"))
        style = props.find(_w("pStyle")) if props is not None else None
        para_hidden = sets.get(style.get(_w("val")) if style is not None else default, False)
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


def _raise_styled_runs(element, document) -> None:
    """Mark as superscript (w:vertAlign, in memory) the runs under ``element`` raised by their character style
    (w:rStyle, as Word's 'Footnote Reference' or a user's style raises them), not by their own w:vertAlign, so
    that a footnote mark so set is told (see _is_footnote_mark); a run's own w:vertAlign decides first."""

    def raised(style) -> bool | None:
        props = style.find(_w("rPr"))
        return None if props is None else _raised_props(props)

    styles = document.styles.element
    sets = _docx_style_settings(styles, raised)
    if not any(sets.values()):
        return  # (most documents: no character style raises its text)
    for rstyle in list(element.iter(_w("rStyle"))):
        props = rstyle.getparent()
        if sets.get(rstyle.get(_w("val"))) and props.tag == _w("rPr") and _raised_props(props) is None:
            props.append(props.makeelement(_w("vertAlign"), {_w("val"): "superscript"}))


def _raised_props(props) -> bool | None:
    """Whether run properties (w:rPr) set their text raised: superscript (w:vertAlign), or lifted above the line by
    a positive w:position ('Raised by 3 pt', a footnote mark so typed: half-points); None where they set neither."""
    align, position = props.find(_w("vertAlign")), props.find(_w("position"))
    if align is None and position is None:
        return None
    return (align is not None and align.get(_w("val")) == "superscript") or (
        position is not None and _int(position.get(_w("val")), 0) > 0)


# Word's strikethrough, single and double: each set on or off by the run (w:val "0", "false", "off": off), else by
# its character style, else by its paragraph style (a style's own, or its parent's); a toggle, so set by both styles
# it is off
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
    sets = {tag: _docx_style_settings(styles, lambda style, tag=tag: _strike_setting(style.find(_w("rPr")), tag))
            if styled else {} for tag in _STRIKES}
    cells: dict = {}  # a table cell (its nearest) -> its struck runs
    for run in list(element.iter(_w("r"))):
        if not _struck(run, sets, default):
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
        if not _FOOTNOTE_MARK.fullmatch("".join(t.text or "" for t in run.iterchildren(_w("t")))):
            continue
        p = _paragraph_of(run)
        if p is None or next(run.iterancestors(_w("tc")), None) is None:
            continue
        before: list = []  # the text the paragraph shows before the mark
        for other in p.iter(_w("r")):
            if other is run:
                break
            if not _unshown_run(other, p):
                before.extend(t.text or "" for t in other.iterchildren(_w("t")))
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
        if after is not None and _FOOTNOTE_MARK.fullmatch("".join(t.text or "" for t in after.iterchildren(_w("t")))):
            _blank_run_text(after)


def _strike_setting(props, tag: str) -> bool | None:
    """Whether run properties (a w:rPr, or None) set the strike ``tag`` on or off; None where they do not set it."""
    found = props.find(tag) if props is not None else None
    return None if found is None else found.get(_w("val"), "true") not in _OFF


def _struck(run, sets: dict, default: str | None) -> bool:
    """Whether ``run`` is struck through, by its own properties or its styles (``sets``: by strike tag, the styles'
    settings, see _docx_style_settings; ``default``: the default paragraph style's id)."""
    props = run.find(_w("rPr"))
    rstyle = props.find(_w("rStyle")) if props is not None else None
    for tag in _STRIKES:
        on = _strike_setting(props, tag)
        if on is None and sets[tag]:
            on = sets[tag].get(rstyle.get(_w("val"))) if rstyle is not None else None
            if on is not False:
                p = _paragraph_of(run)
                pstyle = p.find(f"{_w('pPr')}/{_w('pStyle')}") if p is not None else None
                by_paragraph = sets[tag].get(pstyle.get(_w("val")) if pstyle is not None else default)
                # (a toggle property, ECMA-376 17.7.3: struck by the character style and by the paragraph style
                # both, the text is not struck, as Word shows it)
                on = by_paragraph if on is None else not by_paragraph
        if on:
            return True
    return False


def _blank_run_text(run) -> None:
    for t in run.iterchildren(_w("t")):
        t.text = ""


def _vanish(run) -> None:
    """Mark ``run`` (or a paragraph's mark: its w:pPr) as hidden text (w:vanish, in memory)."""
    props = run.find(_w("rPr"))
    if props is None:
        props = run.makeelement(_w("rPr"), {})
        run.insert(0, props)
    props.append(props.makeelement(_w("vanish"), {}))


def _vanish_placeholders(element, document=None) -> None:
    """Mark as hidden the runs of the content controls under ``element`` that show their placeholder
    (w:showingPlcHdr): a template's prompt, '单击或点击此处输入文字。', in a control left empty, whose cell or
    paragraph holds nothing.

    But a control holding another text than the placeholder it names (w:placeholder/w:docPart, its text in the
    ``document``'s glossary, see _placeholder_texts): a system filling a template may leave w:showingPlcHdr on, and
    Word shows what the control holds, its value ('5' was left out as a prompt)."""
    placeholders: dict | None = None
    for shows in list(element.iter(_w("showingPlcHdr"))):
        props = shows.getparent()
        sdt = props.getparent() if props is not None else None
        content = sdt.find(_w("sdtContent")) if sdt is not None and props.tag == _w("sdtPr") else None
        if content is None or shows.get(_w("val"), "true") in _OFF:
            continue
        named = props.find(f"{_w('placeholder')}/{_w('docPart')}")
        if named is not None and document is not None:
            placeholders = _placeholder_texts(document) if placeholders is None else placeholders
            prompt = placeholders.get(named.get(_w("val")))
            if prompt and _WS_RE.sub("", "".join(t.text or "" for t in content.iter(_w("t")))) != prompt:
                continue  # (filled in: its value shown)
        for run in content.iter(_w("r")):
            _vanish(run)


def _placeholder_texts(document) -> dict:
    """The texts of the placeholders of a Word document's glossary (its building blocks, word/glossary/document.xml:
    w:docPart by name), without white space; empty where it has none or it cannot be read."""
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
            texts[name.get(_w("val"))] = _WS_RE.sub("", "".join(t.text or "" for t in body.iter(_w("t"))))
    return texts


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
    text = "".join(t.text or "" for t in run.iter(_w("t")))
    if not _FOOTNOTE_MARK.fullmatch(text):
        return False
    # digits set raised alone in a table cell are its value (a footnote mark stands after what it marks)
    cell = next(run.iterancestors(_w("tc")), None)
    return cell is None or "".join(t.text or "" for t in cell.iter(_w("t"))).strip() != text.strip()


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
    sets it), its numbers in runs of their own, lost them all ('2020年…收到申请5件' read '0年…收到申请件')."""
    chars: dict[tuple[bool, int], int] = {}
    for run in p.iter(_w("r")):
        text = "".join(t.text or "" for t in run.iter(_w("t")))
        if text.strip() and not _FOOTNOTE_MARK.fullmatch(text) and not _unshown_run(run, p):
            chars[_raise_of(run)] = chars.get(_raise_of(run), 0) + len(text)
    return max(chars, key=lambda raise_: chars[raise_]) if chars else (False, 0)


def _docx_text_boxes(p) -> list:
    """The text boxes anchored in a paragraph (outermost ones, once: Word also writes a VML fallback)."""
    return [box for box in p.iter(_w("txbxContent")) if not _inside_box_or_fallback(box, p)]


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
            if _raise_of(run) != baseline:  # (raised no more than its paragraph's text: not raised at all)
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
    return "".join(out)


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
    from toolkit.formats import load_formats

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
    merged_values: dict = {}  # grid column -> the note of a value cell merged down from it (see _merge_note)
    for tr in _docx_children(tbl):
        if tr.tag != _w("tr"):
            continue
        row_props = tr.find(_w("trPr"))
        if row_props is not None and row_props.find(_w("del")) is not None:
            continue  # a row deleted with tracked changes: gone once the change is accepted, as its text
        cells: list = []
        after: list = []
        column = _grid_skip(row_props, "gridBefore")
        covered = 0  # value cells covered by a merge since the row's last cell of its own
        for tc in _docx_children(tr):
            if tc.tag != _w("tc"):
                continue
            props = tc.find(_w("tcPr"))
            at, restart = column, False
            column += 1
            if props is not None:
                if props.find(_w("cellDel")) is not None:
                    continue  # a cell deleted with tracked changes, as a deleted row
                span = props.find(_w("gridSpan"))
                if span is not None:
                    column = at + min(max(_int(span.get(_w("val")), 1), 1), _MAX_GRID_SKIP)
                vmerge = props.find(_w("vMerge"))
                if vmerge is not None and vmerge.get(_w("val"), "continue") != "restart":
                    note = merged_values.get(at)
                    if cells and note is not None:
                        covered += 1
                        _cover(note, cells)
                    continue  # covered by the cell above
                restart = vmerge is not None
                hmerge = props.find(_w("hMerge"))
                if hmerge is not None and hmerge.get(_w("val"), "continue") != "restart":
                    continue  # legacy horizontal merge
            paragraphs: list = []  # (paragraph, its text)
            nested = False
            box_numbering, box_state = None, None  # the text boxes' numbering, and its counting before this cell
            held = ""  # the text of paragraphs whose mark is taken away: joined to the next, as in _docx_block
            run_in: set[int] = set()  # the paragraphs whose mark is a style separator: on one line with the next
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
                    held_rows.extend(b for b in boxes if isinstance(b, list))  # its table's rows: as a nested table's
                    if chunks:
                        _docx_object_rows(child, held_rows, chunks)  # a worksheet in a cell: as a table in it
                    t = " ".join([*(b for b in boxes if isinstance(b, str)),
                                  *_docx_paragraph(child).split("\n")]).strip()
                    mark = child.find(_MARK_PROPS)
                    if mark is not None and (_mark_taken_away(mark) or (not t and _hidden_mark(mark))):
                        held += t  # (an empty paragraph with a hidden mark: not shown nor counted, as in the body)
                        continue
                    if mark is not None and _runs_in(mark):
                        run_in.add(len(paragraphs))
                    paragraphs.append((child, held + t))
                    held = ""
                elif child.tag == _w("altChunk") and _chunk_text(chunks, child) is not None:
                    # an embedded document of text alone (a web page holding the count: systems filling a template
                    # from HTML write cells so) is the cell's text where Word shows it, not a line after its row;
                    # its lines count as paragraphs (many, long: a layout cell, read as a page)
                    shown = list(_chunk_text(chunks, child) or ())
                    shown[0] = held + shown[0]  # (a paragraph before whose mark is taken away: on its first line)
                    paragraphs.extend((None, line) for line in shown)
                    held = ""
                elif child.tag == _w("altChunk") or (child.tag == _w("tbl") and _docx_holds_text(child)):
                    nested = True  # a table, or a whole document, inside the cell (an empty table is no page)
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
            if restart:
                merged_values[at] = _merge_note(text, cells or [text], at)
            cells.extend([""] * covered)
            covered = 0
            cells.extend(_own_cells(text, inner, after))
        if cells:
            cells.extend([""] * covered)
            # the grid columns a row leaves without a cell before its first or after its last (a row cut short:
            # w:gridBefore, w:gridAfter) are blank in their columns, as Word shows them
            cells[:0] = [""] * _grid_skip(row_props, "gridBefore")  # (in place: a merge's note holds the row)
            cells.extend([""] * _grid_skip(row_props, "gridAfter"))
            lines.append(cells)
        lines.extend(after)


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


def _grid_skip(row_props, name: str) -> int:
    """The number of grid columns a DOCX row skips (``name``: gridBefore or gridAfter of its w:trPr)."""
    skip = row_props.find(_w(name)) if row_props is not None else None
    return 0 if skip is None else min(max(_int(skip.get(_w("val")), 0), 0), _MAX_GRID_SKIP)


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """Silence pdfminer's log warnings unless the user configured its logger."""
    logger = logging.getLogger("pdfminer")
    changed = logger.level == logging.NOTSET
    if changed:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        if changed:
            logger.setLevel(logging.NOTSET)


def _join_wrapped(text: str | None) -> str:
    """Join the lines of a wrapped PDF cell: no space between CJK characters, nor between digits (a number
    wrapped in a narrow cell, '6565' over '1', is one number: 65651)."""
    if not text:
        return ""
    parts = [p.strip() for p in text.split("\n")]
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(part[0])) and not (out[-1].isdigit() and part[0].isdigit()):
            out += " "
        out += part
    return out


def _inside(obj: dict, bbox: tuple) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _is_encrypted(exc: BaseException) -> bool:
    """Whether pdfminer failed because the PDF needs a password."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return _cause(exc, (PDFPasswordIncorrect, PDFEncryptionError)) is not None


def _cause(exc: BaseException, kinds: type | tuple) -> BaseException | None:
    """The first error of the ``kinds`` that ``exc`` is, holds in its arguments (pdfplumber's PdfminerException
    wraps pdfminer's error so) or was raised from, or None."""
    seen: set = set()
    todo = [exc]
    while todo:
        err = todo.pop()
        if id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, kinds):
            return err
        todo += [a for a in err.args if isinstance(a, BaseException)]
        todo += [e for e in (err.__cause__, err.__context__) if e is not None]
    return None


# pdfminer decodes a PDF's streams whole in memory, and a FlateDecode stream may be a thousand times its size on
# disk (two in a chain a million times; LZW some 2,700, RunLength 64, held as a list of ints). While the toolkit
# reads a PDF, pdfminer's decoders are bounded by the budget of that read (see _bounded_streams); elsewhere, and
# in other threads meanwhile, they are pdfminer's own.
_PDF_BUDGET: contextvars.ContextVar["_StreamBudget | None"] = contextvars.ContextVar("toolkit_pdf_budget",
                                                                                     default=None)
_PDF_DECODERS = threading.Lock()
_pdf_decoders_saved: dict = {}  # pdfminer's own decoders while bounded ones stand in for them
_pdf_reads = 0  # reads under way (threads): the last to end puts pdfminer's decoders back


class _StreamBudget:
    """The bytes a PDF's streams may still decode to, ``_ZIP_EXPANSION`` times ``max_bytes`` in all."""

    def __init__(self, path: str, max_bytes: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.limit = self.left = _ZIP_EXPANSION * max_bytes
        self.error: FileTooLargeError | None = None

    def charge(self, n: int) -> None:
        """Count ``n`` decoded bytes; raise FileTooLargeError (and keep raising it) once past the limit."""
        self.left -= n
        if self.left < 0:
            if self.error is None:
                self.error = FileTooLargeError(
                    self.path, f"the PDF's compressed streams decode to more than {self.limit} bytes, "
                               f"{_ZIP_EXPANSION} x max_bytes={self.max_bytes} (a decompression bomb, or pass a "
                               f"larger max_bytes)")
            raise self.error

    def room(self) -> int:
        """The most a decoder may give before the budget is known to be spent (one byte past what is left)."""
        return max(self.left, 0) + 1


class _BoundedInflater:
    """A ``zlib.decompressobj`` that charges what it gives to a budget (pdfminer's reading of a damaged stream)."""

    def __init__(self, inflater, budget: _StreamBudget) -> None:
        self._inflater = inflater
        self._budget = budget

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = self._budget.room()
        out = self._inflater.decompress(data, min(max_length, room) if max_length else room)
        self._budget.charge(len(out))
        return out

    def __getattr__(self, name: str):
        return getattr(self._inflater, name)


class _BoundedZlib:
    """Stands for the ``zlib`` module in ``pdfminer.pdftypes`` (see _bounded_streams): what the budget of the
    current read allows, zlib's answer and errors otherwise."""

    error = zlib.error

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        budget = _PDF_BUDGET.get()
        if budget is None or args:
            return zlib.decompress(data, *args)
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, budget.room())  # (stops there: a bomb is never decoded whole)
        if not inflater.eof and not inflater.unconsumed_tail:  # as zlib.decompress says of it
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        budget.charge(len(out))
        return out

    @staticmethod
    def decompressobj(*args):
        budget = _PDF_BUDGET.get()
        inflater = zlib.decompressobj(*args)
        return inflater if budget is None else _BoundedInflater(inflater, budget)


def _bounded_lzw(data: bytes) -> bytes:
    """pdfminer's ``lzwdecode``, charging each code's bytes to the budget as they come."""
    from pdfminer.lzw import LZWDecoder

    budget = _PDF_BUDGET.get()
    if budget is None:
        return _pdf_decoders_saved["lzwdecode"](data)
    out = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        budget.charge(len(piece))
        out.append(piece)
    return b"".join(out)


def _bounded_run_length(data: bytes) -> bytes:
    """pdfminer's ``rldecode``, once the size of what it gives (counted from the run lengths) fits the budget."""
    budget = _PDF_BUDGET.get()
    if budget is not None:
        size = i = 0
        while i < len(data) and data[i] != 128:  # 128: the end
            run = data[i]
            size += run + 1 if run < 128 else 257 - run  # a run copied, or a byte repeated
            i += run + 2 if run < 128 else 2
        budget.charge(size)
    return _pdf_decoders_saved["rldecode"](data)


_BOUNDED_DECODERS = {"zlib": _BoundedZlib(), "lzwdecode": _bounded_lzw, "rldecode": _bounded_run_length}


@contextlib.contextmanager
def _bounded_streams(path: str, max_bytes: int) -> Iterator[_StreamBudget]:
    """Bound what pdfminer decodes while a PDF is read: its streams in all to ``_ZIP_EXPANSION`` x ``max_bytes``
    (as a DOCX's unzipped parts), each decode stopping one byte past what is left (FileTooLargeError).

    pdfminer's decoders (the names ``zlib``, ``lzwdecode`` and ``rldecode`` of ``pdfminer.pdftypes``, which its
    ``PDFStream.decode`` calls) are replaced by bounded ones only while a read is under way, and behave as
    pdfminer's in any other context (another thread's own use of pdfminer); the last read to end puts them back.
    """
    global _pdf_reads
    import pdfminer.pdftypes as pdftypes

    budget = _StreamBudget(path, max_bytes)
    token = _PDF_BUDGET.set(budget)
    with _PDF_DECODERS:
        if not _pdf_reads:
            # (only the names this pdfminer has: another release may name its decoders otherwise, and then the
            # per-file time limit is what bounds that decoder)
            _pdf_decoders_saved.clear()
            _pdf_decoders_saved.update((name, getattr(pdftypes, name)) for name in _BOUNDED_DECODERS
                                       if hasattr(pdftypes, name))
            for name in _pdf_decoders_saved:
                setattr(pdftypes, name, _BOUNDED_DECODERS[name])
        _pdf_reads += 1
    try:
        yield budget
    finally:
        with _PDF_DECODERS:
            _pdf_reads -= 1
            if not _pdf_reads:
                for name, decoder in _pdf_decoders_saved.items():
                    setattr(pdftypes, name, decoder)
        _PDF_BUDGET.reset(token)


def _read_pdf(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    import pdfplumber

    hint = _magic(data)
    if hint != "a PDF file":
        extra = f" (the content is {hint})" if hint else ""
        raise CorruptFileError(path, f"not a valid PDF: no %PDF- header{extra}")
    with _quiet_pdfminer(), _bounded_streams(path, max_bytes) as budget:
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except Exception as exc:
            if budget.error is not None:  # (a cross-reference or object stream)
                raise budget.error from exc
            if _is_encrypted(exc):
                raise CorruptFileError(
                    path, "the PDF is encrypted (a password is needed to open it)"
                ) from exc
            raise CorruptFileError(
                path, f"not a valid PDF: {type(exc).__name__}: {exc}"
            ) from exc
        try:
            with pdf:
                lines = _read_pages(pdf.pages, path, "PDF",
                                    lambda page: _turned_upright(pdf, _pdf_as_shown(page)))
                title = _pdf_info_title(pdf) or _pdf_xmp_title(pdf)  # (the XMP's where the Info gives none)
        except ToolkitError:
            raise
        except Exception as exc:  # (the page tree in an object stream, which closing reads again: wrapped)
            if budget.error is not None:
                raise budget.error from exc
            raise
        if budget.error is not None:  # raised where pdfminer let it pass
            raise budget.error
    return RawDocument(path=path, format="pdf", encoding=None, lines=lines, title=title)



def _read_ofd(data: bytes, path: str, max_bytes: int) -> RawDocument:
    """An OFD (:mod:`toolkit.ofd`): its pages of positioned characters and rules read as a PDF's pages are."""
    from toolkit.ofd import read_ofd

    page_class = _laid_out_page()
    pages = [page_class(page, number) for number, page in enumerate(read_ofd(data, path, max_bytes), start=1)]
    lines = _read_pages(pages, path, "OFD")
    return RawDocument(path=path, format="ofd", encoding=None, lines=lines)


@functools.lru_cache(maxsize=1)
def _laid_out_page() -> type:
    """A pdfplumber page made of objects already laid out (an OFD page's characters, lines, rectangles and
    images, as pdfplumber gives a PDF page's): its text lines, tables and crops are a PDF page's."""
    from pdfplumber.page import Page

    class LaidOutPage(Page):
        def __init__(self, page, number: int) -> None:  # (page: a toolkit.ofd.OfdPage)
            self.pdf = self.page_obj = None  # type: ignore[assignment]
            self.root_page = self
            self.page_number = number
            self.initial_doctop = page.doctop
            self.rotation = 0
            self.mediabox = self.cropbox = self.bbox = (0.0, 0.0, page.width, page.height)
            self._objects = page.objects
            self.get_textmap = functools.lru_cache()(self._get_textmap)

    return LaidOutPage

def _read_pages(pages: list, path: str, kind: str, turn=None) -> list:
    """The lines of a document's pages (pdfplumber pages), each read by :func:`_pdf_page`, without the furniture
    of the pages (:func:`_drop_page_furniture`); ``kind`` ('PDF', 'OFD') names the document in messages, and
    ``turn(page)`` gives a page turned upright and its part that stands upright (:func:`_turned_upright`).

    Raises EmptyFileError for a document without a page of text (scans, blank pages), UnmappedFontError where
    too many characters come out as (cid:NN); warns of scanned pages and of a few such characters.
    """
    out: list = []
    n_chars = n_cid = 0
    cid_pages: list[int] = []  # the pages with (cid:NN) characters
    scanned: list[int] = []  # the pages that are an image without text
    text_pages = 0
    few = _pdf_settings()["scan_chars"]
    n_pages = len(pages)
    carry: dict = {}  # the columns of an unruled table that ends a page, for its rows on the next
    for number, page in enumerate(pages, start=1):
        turned = None
        try:
            turned, upright = turn(page) if turn is not None else (None, None)
            chars, cids, page_lines, margin = _pdf_page(turned or page, path, number, carry)
            if chars < few and _is_scanned(page):  # (only a page of a few characters is looked at)
                scanned.append(number)
            elif chars:
                text_pages += 1
            if upright is not None:  # the page's few upright lines (a heading above a turned table) first
                carry.clear()
                _, _, first, first_margin = _pdf_page(upright, path, number)
                margin = {**first_margin, **{i + len(first): m for i, m in margin.items()}}
                page_lines = first + page_lines
        except ToolkitError:
            raise
        except (MemoryError, KeyboardInterrupt):  # pragma: no cover
            raise
        except Exception as exc:
            inner = _cause(exc, (ToolkitError, MemoryError))  # (pdfplumber wraps them: a stream too large …)
            if isinstance(inner, MemoryError):  # memory out (a corpus worker's limit) is no damaged file
                raise inner from exc
            if inner is not None:
                raise type(inner)(path, f"page {number}: {inner.problem}") from exc  # type: ignore[attr-defined]  # a ToolkitError: a MemoryError was raised above
            raise CorruptFileError(
                path,
                f"cannot read page {number} of the {kind}: {type(exc).__name__}: {exc}",
            ) from exc
        finally:
            page.close()
            if turned is not None:
                turned.close()
        n_chars += chars
        n_cid += cids
        if cids:
            cid_pages.append(number)
        out.append((page_lines, margin))
    if not text_pages:  # (a scan's page numbers or a portal's stamp set over it are no text layer)
        raise EmptyFileError(path, _no_text_layer(scanned, n_pages, n_chars, kind))
    if n_cid > _CID_SHARE_LIMIT * n_chars:
        raise UnmappedFontError(
            path,
            f"fonts without a Unicode mapping: {len(cid_pages)} of {n_pages} pages affected, "
            f"{n_cid} of {n_chars} characters come out as (cid:NN); "
            f"the text cannot be extracted (OCR the file or find another copy)",
        )
    if n_cid:
        _warn(path, f"{n_cid} characters on {_page_list(cid_pages)} come out as (cid:NN) (fonts without a Unicode "
                    f"mapping)", "cid_characters")
    if scanned:  # (a scanned table, the signed last page: their text is lost)
        one = len(scanned) == 1
        _warn(path, f"{_page_list(scanned)} {'is an image' if one else 'are images'} without text (a scan): not "
                    f"read; OCR the file to read {'it' if one else 'them'}", "scanned_pages")
    lines = _drop_page_furniture(out)
    if not lines:
        raise EmptyFileError(path, f"the {kind} holds no text")
    return lines


def _is_scanned(page) -> bool:
    """Whether a page is an image (a scan): its images cover ``pdf.scan_share`` of it or more (a stamp, a logo
    do not); the caller asks only of a page of fewer than ``pdf.scan_chars`` characters."""
    area = sum(max(im["x1"] - im["x0"], 0) * max(im["bottom"] - im["top"], 0) for im in page.images)
    return area >= _pdf_settings()["scan_share"] * page.width * page.height


def _no_text_layer(scanned: list[int], n_pages: int, n_chars: int, kind: str = "PDF") -> str:
    """Why a PDF (an OFD: ``kind``) without a page of text holds no text: its pages are scans (an OCR is
    needed), or blank."""
    are = "is an image" if len(scanned) == 1 else "are images"
    scan = "a scan without a text layer" + (f", but for {n_chars} characters set over it" if n_chars else "")
    if len(scanned) == n_pages:
        what = "its page" if n_pages == 1 else f"its {n_pages} pages"
        return f"the {kind} holds no text: {what} {are} ({scan}); OCR it to read the report"
    if scanned:
        return (f"the {kind} holds no text: {_page_list(scanned)} of {n_pages} {are} ({scan}), the others blank; "
                "OCR it to read the report")
    what = "its page holds" if n_pages == 1 else f"its {n_pages} pages hold"
    return f"the {kind} holds no text: {what} no character and no image (blank, or text drawn as shapes)"


def _page_list(pages: list[int], shown: int = 10) -> str:
    """'page 3', 'pages 2, 5 and 7', or the first ``shown`` of them and how many there are in all."""
    if len(pages) == 1:
        return f"page {pages[0]}"
    if len(pages) > shown:
        return f"{len(pages)} pages ({', '.join(map(str, pages[:shown]))}, …)"
    return f"pages {', '.join(map(str, pages[:-1]))} and {pages[-1]}"


def _pdf_settings() -> dict:
    """The PDF reader's thresholds and stamp lines (``pdf`` of formats.yaml)."""
    from toolkit.formats import load_formats  # (toolkit.formats imports toolkit.normalize, as we do)

    return load_formats()["pdf"]


def _turned(ch: dict, slant: float = 0.5) -> bool:
    """Whether a character is drawn turned away from the page's text (any rotation, or a shear steeper than
    ``slant``, ``pdf.slant`` of formats.yaml): a character slanted as a faked italic sets it (a word processor
    shears the upright glyphs of a font without an italic face) is not, and is read."""
    a, b, c, d = ch.get("matrix", (1, 0, 0, 1, 0, 0))[:4]
    return abs(b) > 1e-3 or abs(c) > slant * abs(d) or a <= 0 or d <= 0 or not ch.get("upright", True)


def _diagonal(ch: dict) -> bool:
    """Whether a character is turned by an angle that is no quarter turn (a watermark's 30 or 45 degrees); a
    character only slanted (a faked italic's shear) is not."""
    a, b = ch.get("matrix", (1, 0, 0, 1, 0, 0))[:2]
    size = max(abs(a), abs(b))
    return size > 0 and min(abs(a), abs(b)) > 1e-3 * size


def _quarter_turn(ch: dict) -> int | None:
    """The quarter turn (0, 90, 180 or 270 degrees, counter-clockwise) a character is drawn at; None for
    another angle or a shear."""
    a, b, c, d = ch.get("matrix", (1, 0, 0, 1, 0, 0))[:4]
    size = max(abs(a), abs(b))
    if size == 0 or min(abs(a), abs(b)) > 1e-3 * size or abs(a - d) > 1e-3 * size or abs(b + c) > 1e-3 * size:
        return None
    return (0 if a > 0 else 180) if abs(a) > abs(b) else (90 if b > 0 else 270)


def _turned_upright(pdf, page) -> tuple:
    """``page`` read again turned upright when most of its characters are drawn at one quarter turn, and the
    part of it that is upright as it stands: ``(turned page, upright part)``, each None where there is none.

    A page set sideways or upside down (a landscape table printed onto a portrait page, or a page whose
    ``/Rotate`` turns upright text away) gave its lines character by character, or each line backwards
    ('告报度年…'), and lost every table on it. Turning the page by that angle, as a reader turns the paper,
    gives the text as printed; a heading left upright above a turned table is read from the page as it stands
    (turned, it would be dropped as a watermark). A watermark's turned characters are fewer than half, and
    light ones and those at an angle that is no quarter turn do not count: they turn no page.
    """
    import copy
    from collections import Counter

    from pdfplumber.page import Page

    settings = _pdf_settings()
    limit = settings["light_colour"]
    counted = [ch for ch in page.chars  # (a diagonal watermark's, dropped, do not count)
               if ch.get("text", "").strip() and (_lightness(ch.get("non_stroking_color")) or 0.0) < limit
               and not _diagonal(ch)]
    # a watermark tiled down the page at a quarter turn in a mid grey outnumbers the text of a page of tables, which
    # was turned away and lost its tables: grey characters turn a page only where it has no other text
    dark = [ch for ch in counted if not _grey(ch.get("non_stroking_color"), settings["watermark_grey"], limit)]
    turns = Counter(_quarter_turn(ch) for ch in dark or counted)
    turn, n = turns.most_common(1)[0] if turns else (None, 0)
    if turn in (None, 0) or n <= sum(turns.values()) / 2:
        return None, None
    page_obj = copy.copy(page.page_obj)  # the file's own page is left as it is
    page_obj.rotate = (page_obj.rotate + turn) % 360
    page_obj.attrs = {**page_obj.attrs, "Rotate": page_obj.rotate}
    turned = _pdf_as_shown(Page(pdf, page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop))
    upright = None
    if turns.get(0):
        upright = page.filter(lambda obj: obj.get("object_type") == "char" and _quarter_turn(obj) == 0)
    return turned, upright


def _pdf_as_shown(page):
    """``page`` (a pdfplumber page of a PDF) with its characters' fill colours as they show on white paper: blended
    with white by the fill opacity they are drawn at, where the page sets one below 1; else ``page`` as it is.

    A watermark made faint by its opacity alone (black text drawn through an ExtGState of ``/ca 0.2``, set by the
    ``gs`` operator, which pdfminer does not apply) came out black and was read into the text. Blended, it is as light
    as it shows, and dropped as a light or a mid grey watermark is (:func:`_overlay_filter`). Only a page whose
    resources (or its forms') set an opacity below 1 is read so (a cheap look first: most pages set none, or 1).

    The text that the page's annotations show is drawn over it too (:func:`_shown_annotations`): a form's filled
    text fields and FreeText notes, which pdfminer does not read (the values of a table filled in as a form were
    read blank).
    """
    if getattr(page, "page_obj", None) is None or hasattr(page, "_layout") or not (
            _sets_opacity(page.page_obj.resources) or _shown_annotations(page.page_obj)):
        return page
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent
    from pdfplumber.utils.exceptions import PdfminerException

    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number,
                                                laparams=page.pdf.laparams)
    try:  # (as pdfplumber's Page.layout reads a page, by an interpreter that applies the fill opacity)
        _shown_interpreter()(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:
        raise PdfminerException(exc) from exc
    page._layout = device.get_result()
    return page


def _sets_opacity(resources, depth: int = 0) -> bool:
    """Whether a page's (a form's) ``resources`` hold a graphics state of a fill opacity (``/ca``) below 1, or
    its forms' do (three forms deep at most)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    resources = resolve1(resources)
    if not isinstance(resources, dict):
        return False
    states = resolve1(resources.get("ExtGState"))
    for state in states.values() if isinstance(states, dict) else ():
        state = resolve1(state)
        alpha = resolve1(state.get("ca")) if isinstance(state, dict) else None
        if isinstance(alpha, (int, float)) and alpha < 1:
            return True
    objects = resolve1(resources.get("XObject"))
    if depth >= 3 or not isinstance(objects, dict):
        return False
    for obj in objects.values():
        obj = resolve1(obj)
        if isinstance(obj, PDFStream) and getattr(obj.get("Subtype"), "name", None) == "Form" \
                and _sets_opacity(obj.get("Resources"), depth + 1):
            return True
    return False


def _shown_annotations(page_obj) -> list:
    """The annotations of a page that show text: text fields (a widget of ``/FT /Tx``, its own or its parent
    field's) and FreeText notes, not hidden (``/F`` Hidden or NoView), each with the appearance stream it is drawn
    by: its own (``/AP /N``), or, where it has none or the form asks a viewer to draw its fields anew
    (``/NeedAppearances true``), one drawn from its text as a viewer draws it (:func:`_drawn_appearance`)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    annots = resolve1(getattr(page_obj, "annots", None))
    shown = []
    anew = None  # whether the form asks for its fields' appearances anew (looked up at the first text field)
    for annot in annots[:1000] if isinstance(annots, list) else ():  # (a cheap look: most pages have none)
        annot = resolve1(annot)
        if not isinstance(annot, dict):
            continue
        kind = getattr(resolve1(annot.get("Subtype")), "name", None)
        parent = resolve1(annot.get("Parent"))
        parent = parent if isinstance(parent, dict) else {}
        field = resolve1(annot.get("FT")) or resolve1(parent.get("FT"))
        flags = resolve1(annot.get("F"))
        widget = kind == "Widget" and getattr(field, "name", None) == "Tx"
        if not (kind == "FreeText" or widget) or (isinstance(flags, int) and flags & (2 | 32)):
            continue
        look = resolve1(annot.get("AP"))
        look = resolve1(look.get("N")) if isinstance(look, dict) else None
        if widget and anew is None:
            form = resolve1(_catalog_of(page_obj).get("AcroForm"))
            anew = isinstance(form, dict) and resolve1(form.get("NeedAppearances")) is True
        # a viewer draws an annotation without an appearance stream from its text and /DA (a FreeText note's
        # /Contents, a field's value /V), and a form's fields anew where it says /NeedAppearances true (a script
        # filling in a form's values leaves their appearance streams as they were, often empty): those values
        # were read blank
        if not isinstance(look, PDFStream) or (widget and anew):
            look = _drawn_appearance(annot, parent, widget, _catalog_of(page_obj))
        if look is not None:
            shown.append((annot, look))
    return shown


def _catalog_of(page_obj) -> dict:
    """The document catalog of a pdfminer page, or {} where it cannot be had."""
    catalog = getattr(getattr(page_obj, "doc", None), "catalog", None)
    return catalog if isinstance(catalog, dict) else {}


# The font size of an annotation's default appearance ('/Helv 9 Tf 0 g'); 0 is 'fit the box'
_DA_SIZE = re.compile(rb"(\d+(?:\.\d*)?|\.\d+)\s+Tf\b")


def _drawn_appearance(annot: dict, parent: dict, widget: bool, catalog: dict):
    """The appearance stream a viewer draws for an annotation of text that has none: the text (a text field's
    value ``/V``, its own or its parent field's; a FreeText note's ``/Contents``) in its lines, in the size of its
    ``/DA`` (the field's, the form's; 0 or none: fitting the box's height), set by its quadding ``/Q`` (left,
    centred, right) in its ``/Rect``; None where it shows no text (a password field's dots, a value of no text)."""
    from pdfminer.psparser import LIT
    from pdfminer.pdftypes import PDFStream, resolve1

    form = resolve1(catalog.get("AcroForm"))
    form = form if isinstance(form, dict) else {}

    def inherited(name: str):
        for where in ((annot, parent, form) if widget else (annot,)):
            value = resolve1(where.get(name))
            if value is not None:
                return value
        return None

    field_flags = inherited("Ff")
    if widget and isinstance(field_flags, int) and field_flags & (1 << 13):
        return None  # a password field shows dots
    value = inherited("V") if widget else resolve1(annot.get("Contents"))
    rect = resolve1(annot.get("Rect"))
    if not isinstance(value, bytes) or not isinstance(rect, list) or len(rect) != 4:
        return None
    lines = [line for line in re.split(r"\r\n|\r|\n", _pdf_text_string(value)[:2000]) if line.strip()]
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in rect)
    except (TypeError, ValueError):
        return None
    w, h = abs(x1 - x0), abs(y1 - y0)
    if not lines or w <= 0 or h <= 0:
        return None
    da = inherited("DA")
    size = float(m[1]) if isinstance(da, bytes) and (m := _DA_SIZE.search(da)) else 0.0
    size = size if size > 0 else min(12.0, h / (1.2 * len(lines)))
    chars = sorted(set("".join(lines)))
    cid = {c: n for n, c in enumerate(chars, start=1)}
    width = {c: 500 if unicodedata.east_asian_width(c) in ("Na", "H") else 1000 for c in chars}
    unicode_map = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Shown def "
                   "1 begincodespacerange <0000> <FFFF> endcodespacerange "
                   f"{len(chars)} beginbfchar "
                   + " ".join(f"<{cid[c]:04X}> <{c.encode('utf-16-be').hex()}>" for c in chars)
                   + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    font = {"Type": LIT("Font"), "Subtype": LIT("Type0"), "BaseFont": LIT("Shown"), "Encoding": LIT("Identity-H"),
            "DescendantFonts": [{"Type": LIT("Font"), "Subtype": LIT("CIDFontType2"), "BaseFont": LIT("Shown"),
                                 "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Identity", "Supplement": 0},
                                 "FontDescriptor": {"Type": LIT("FontDescriptor"), "FontName": LIT("Shown"),
                                                    "Flags": 4, "FontBBox": [0, -120, 1000, 880], "Ascent": 880,
                                                    "Descent": -120, "ItalicAngle": 0, "StemV": 80, "CapHeight": 700},
                                 "DW": 1000, "W": [x for c in chars for x in (cid[c], [width[c]])]}],
            "ToUnicode": PDFStream({"Length": len(unicode_map)}, unicode_map)}
    quadding = inherited("Q") if widget else resolve1(annot.get("Q"))
    content = []
    for k, line in enumerate(lines):
        advance = sum(width[c] for c in line) * size / 1000
        x = {1: (w - advance) / 2, 2: w - 2 - advance}.get(quadding, 2.0)
        # (one line in the middle of the box, as a viewer sets a field's; more from its top down)
        y = (h - size) / 2 if len(lines) == 1 else h - 2 - (k + 1) * 1.15 * size
        codes = "".join(f"{cid[c]:04X}" for c in line)
        content.append(f"BT /Shown {size:.2f} Tf 0 g {max(x, 0.0):.2f} {y:.2f} Td <{codes}> Tj ET")
    data = "\n".join(content).encode()
    look = PDFStream({"Type": LIT("XObject"), "Subtype": LIT("Form"), "BBox": [0, 0, w, h],
                      "Resources": {"Font": {"Shown": font}}, "Length": len(data)}, data)
    # (pdfminer draws only streams of the file's objects, told by their number: one no object of a file has)
    look.set_objid(-1 - id(annot) % (1 << 30), 0)
    return look


def _blended(colour, alpha: float):
    """A fill colour (gray, RGB or CMYK, told by its number of channels as :func:`_lightness` does) drawn at the
    opacity ``alpha`` over white paper; another colour (a pattern, an unknown space) as it is."""
    channels = colour if isinstance(colour, (tuple, list)) else (colour,)
    if not channels or not all(isinstance(v, (int, float)) for v in channels) or len(channels) not in (1, 3, 4):
        return colour
    if len(channels) == 4:  # CMYK: less of each ink
        out = tuple(alpha * v for v in channels)
    else:
        out = tuple(1 - alpha * (1 - v) for v in channels)
    return out if isinstance(colour, (tuple, list)) else out[0]


@functools.lru_cache(maxsize=1)
def _shown_interpreter() -> type:
    """pdfminer's page interpreter applying a graphics state's fill opacity (``/ca``, set by ``gs``, kept by
    ``q``/``Q``, passed on to the forms it draws) to the colour of the text it shows (:func:`_blended`), and drawing
    the appearance of the page's annotations that show text (:func:`_shown_annotations`) over its content, each
    mapped onto its rectangle as a viewer draws it."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name
    from pdfminer.utils import apply_matrix_pt, mult_matrix

    class OpacityInterpreter(PDFPageInterpreter):
        inherited = 1.0  # the opacity a form is drawn at

        def render_contents(self, resources, streams, ctm=(1, 0, 0, 1, 0, 0)) -> None:
            super().render_contents(resources, streams, ctm=ctm)
            page = getattr(self, "shown_page", None)
            if page is None:
                return
            self.shown_page = None  # (the page's own contents only: not a form's)
            for n, (annot, look) in enumerate(_shown_annotations(page)):
                rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect")) or ()]
                box = [float(resolve1(v)) for v in resolve1(look.get("BBox")) or ()]
                if len(rect) != 4 or len(box) != 4:
                    continue
                matrix = tuple(float(resolve1(v)) for v in resolve1(look.get("Matrix")) or (1, 0, 0, 1, 0, 0))
                corners = [apply_matrix_pt(matrix, (x, y)) for x in box[::2] for y in box[1::2]]  # type: ignore[arg-type]
                x0, y0 = min(x for x, _ in corners), min(y for _, y in corners)
                x1, y1 = max(x for x, _ in corners), max(y for _, y in corners)
                rx0, ry0, rx1, ry1 = min(rect[::2]), min(rect[1::2]), max(rect[::2]), max(rect[1::2])
                if x1 <= x0 or y1 <= y0:
                    continue
                sx, sy = (rx1 - rx0) / (x1 - x0), (ry1 - ry0) / (y1 - y0)
                onto = (sx, 0, 0, sy, rx0 - sx * x0, ry0 - sy * y0)  # (the appearance's box onto the rectangle)
                name = f"annot{n}"
                self.device.begin_figure(name, box, matrix)  # type: ignore[arg-type]
                self.subinterp().render_contents(resolve1(look.get("Resources")) or resources, [look],
                                                 ctm=mult_matrix(mult_matrix(matrix, onto), ctm))  # type: ignore[arg-type]
                self.device.end_figure(name)

        def process_page(self, page) -> None:
            self.shown_page = page
            super().process_page(page)

        def init_state(self, ctm) -> None:
            super().init_state(ctm)
            self.graphicstate.fill_alpha = self.inherited  # type: ignore[attr-defined]

        def get_current_state(self):
            ctm, text, graphic = super().get_current_state()
            graphic.fill_alpha = getattr(self.graphicstate, "fill_alpha", 1.0)  # type: ignore[attr-defined]
            return ctm, text, graphic

        def subinterp(self):
            interp = super().subinterp()
            interp.inherited = getattr(self.graphicstate, "fill_alpha", 1.0)  # type: ignore[attr-defined]
            return interp

        def do_gs(self, name) -> None:
            states = resolve1((self.resources or {}).get("ExtGState"))
            state = resolve1(states.get(literal_name(name))) if isinstance(states, dict) else None
            alpha = resolve1(state.get("ca")) if isinstance(state, dict) else None
            if isinstance(alpha, (int, float)):
                self.graphicstate.fill_alpha = min(max(float(alpha), 0.0), 1.0)  # type: ignore[attr-defined]

        def do_TJ(self, seq) -> None:
            alpha = getattr(self.graphicstate, "fill_alpha", 1.0)
            if alpha >= 1:
                return super().do_TJ(seq)
            colour = self.graphicstate.ncolor
            self.graphicstate.ncolor = _blended(colour, alpha)
            try:
                super().do_TJ(seq)
            finally:
                self.graphicstate.ncolor = colour

    return OpacityInterpreter


def _lightness(colour) -> float | None:
    """The lightness of a fill colour from 0 (black) to 1 (white) by its darkest channel; None if unknown."""
    if not isinstance(colour, (tuple, list)) or not colour:
        return None
    if not all(isinstance(v, (int, float)) for v in colour):
        return None  # a pattern or a named colour space
    if len(colour) == 1:
        return float(colour[0])
    if len(colour) == 3:
        return float(min(colour))
    if len(colour) == 4:  # CMYK: white is no ink at all
        c, m, y, k = colour
        return float(min((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)))
    return None


def _grey(colour, lightest: float, limit: float) -> bool:
    """Whether a fill colour is a neutral grey (no hue: equal channels, or black ink alone) of a lightness from
    ``lightest`` up to ``limit`` (lighter: dropped as light, whatever its size)."""
    light = _lightness(colour)
    if light is None or not lightest <= light < limit:
        return False
    if len(colour) == 3:
        return max(colour) - min(colour) < 0.02
    return len(colour) == 1 or (len(colour) == 4 and max(colour[:3]) < 0.02)


def _overlay_filter(page, settings: dict):
    """A ``page.filter`` test that drops a watermark or stamp: turned or very light characters.

    Turned characters are dropped only while they are fewer than half of the page's characters (a page
    set sideways keeps its text), but those turned by an angle that is no quarter turn always are: no line of a
    report runs at 30 or 45 degrees, and a watermark tiled over a page of little text (the last section alone
    on the last page) outnumbers its characters. A light character over a dark fill is kept (a white heading
    on a coloured table head). Characters in a mid grey (``pdf.watermark_grey``) at least ``pdf.watermark_size``
    times the size of the page's other text are a flat watermark's, dropped too.
    """
    chars = [ch for ch in page.chars if ch.get("text", "").strip()]
    slant = settings["slant"]
    limit = settings["light_colour"]
    greys = {id(ch) for ch in chars if _grey(ch.get("non_stroking_color"), settings["watermark_grey"], limit)}
    # (the page's own text decides: a mid grey watermark at a quarter turn may outnumber a page of little text)
    own = [ch for ch in chars if id(ch) not in greys] or chars
    turned = sum(_turned(ch, slant) for ch in own)
    drop_turned = turned < len(own) / 2 and (turned > 0 or len(own) < len(chars))
    dark_fills = [
        (r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects
        if r.get("fill") and (_lightness(r.get("non_stroking_color")) or 0.0) < limit
    ]
    # a flat watermark in a mid grey (a portal's '内部资料' or the agency's name, its lightness set by opacity, which
    # pdfplumber does not give): grey characters much larger than the page's dark text (asked only where a grey
    # one is there: most pages are black text)
    body = sorted(ch["size"] for ch in chars if id(ch) not in greys) if greys else []
    grey_over = settings["watermark_size"] * body[len(body) // 2] if body else float("inf")
    # ... and one tiled in the body's size: no line of a report is printed over another, so grey characters of a
    # colour and size of which some stand over the page's other characters are a watermark's, all of them
    layers = _grey_layers_over_text(chars, greys) if greys and body else set()

    def keep(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        if _turned(obj, slant) and (drop_turned or _diagonal(obj)):
            return False
        if id(obj) in greys and (obj["size"] >= grey_over or _grey_layer(obj) in layers):
            return False
        light = _lightness(obj.get("non_stroking_color"))
        if light is None or light < limit:
            return True
        return any(_inside(obj, bb) for bb in dark_fills)

    return keep


def _grey_layer(ch: dict) -> tuple:
    """A grey character's colour and size (rounded): the characters of a watermark share them."""
    return tuple(ch.get("non_stroking_color") or ()), round(float(ch["size"]), 1)


def _grey_layers_over_text(chars: list, greys: set) -> set:
    """The layers (:func:`_grey_layer`) of the grey characters of ``chars`` (ids in ``greys``) of which one or more
    stand over another character of the page: the middle of the grey character inside the other's box."""
    dark = sorted((ch for ch in chars if id(ch) not in greys), key=lambda ch: ch["top"])
    tops = [ch["top"] for ch in dark]
    reach = max(ch["bottom"] - ch["top"] for ch in dark)
    layers: set = set()
    for ch in chars:
        if id(ch) not in greys or (layer := _grey_layer(ch)) in layers:
            continue
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for other in dark[bisect.bisect_left(tops, y - reach):bisect.bisect_right(tops, y)]:
            if other["x0"] < x < other["x1"] and other["top"] < y < other["bottom"]:
                layers.add(layer)
                break
    return layers


def _superscripts(chars: list, settings: dict) -> set:
    """The ids of the characters that are footnote marks set as raised small digits after a digit.

    A mark is much smaller than the digit it follows, raised above that digit's baseline and right
    after it (or after another mark of the same footnote number, '12'); a digit of the line's own
    size is never one.
    """
    digits = [ch for ch in chars if ch.get("text", "").isdigit() and ch.get("upright", True)]
    if not digits:
        return set()
    ratio, raise_, gap = settings["superscript_size"], settings["superscript_raise"], settings["superscript_gap"]
    largest = max(ch["size"] for ch in digits)
    small = [ch for ch in digits if ch["size"] <= ratio * largest]  # the few that may be marks
    marks: set = set()
    for ch in sorted(small, key=lambda c: c["x0"]):
        for prev in digits:
            if prev is ch:
                continue
            size = prev["size"]
            base = prev if id(prev) not in marks else None
            if base is None:  # the next digit of a mark: same size and height as the mark
                if abs(prev["size"] - ch["size"]) < 0.1 and abs(prev["top"] - ch["top"]) < 0.5 \
                        and -0.5 <= ch["x0"] - prev["x1"] <= gap * size:
                    marks.add(id(ch))
                    break
                continue
            if (ch["size"] <= ratio * size
                    and -0.5 <= ch["x0"] - prev["x1"] <= gap * size
                    and ch["bottom"] <= prev["bottom"] - raise_ * size
                    and ch["top"] >= prev["top"] - 0.5 * size):
                marks.add(id(ch))
                break
    return marks


def _within_crop_box(page):
    """``page`` (a pdfplumber page) without the characters outside its crop box, where it has one smaller than its
    media box; else ``page`` as it is.

    A viewer and a printer show a page's crop box alone: what a page draws outside it is not shown (a printer's
    slug, a file name and a date set beside the page; the other half of a two-page spread cut into pages, each
    page drawing the whole spread). pdfplumber gives every character of the media box: that text was read into the
    report's (a spread's text twice). Only a page as it stands (no /Rotate: pdfplumber does not turn a crop box as
    pdfminer turns the characters) is cut so.
    """
    from pdfminer.pdftypes import resolve1

    attrs = getattr(getattr(page, "page_obj", None), "attrs", None)
    turned: int = getattr(page, "rotation", 0)
    if not isinstance(attrs, dict) or "CropBox" not in attrs or turned:
        return page
    try:
        crop = [float(resolve1(v)) for v in resolve1(attrs["CropBox"])]
        media = [float(resolve1(v)) for v in resolve1(attrs["MediaBox"])]
    except (TypeError, ValueError, KeyError):
        return page
    if len(crop) != 4 or len(media) != 4:
        return page
    mx0, my0, mx1, my1 = min(media[::2]), min(media[1::2]), max(media[::2]), max(media[1::2])
    cx0, cy0 = max(min(crop[::2]), mx0), max(min(crop[1::2]), my0)  # (a crop box is cut to the media box)
    cx1, cy1 = min(max(crop[::2]), mx1), min(max(crop[1::2]), my1)
    if cx1 <= cx0 or cy1 <= cy0 or (cx0 - mx0 < 1 and cy0 - my0 < 1 and mx1 - cx1 < 1 and my1 - cy1 < 1):
        return page  # (none to speak of, or as large as the page)
    box = (cx0 - mx0, my1 - cy1, cx1 - mx0, my1 - cy0)  # (in pdfplumber's terms: from the media box's top left)
    return page.filter(lambda obj: obj.get("object_type") != "char" or _inside(obj, box))


def _pdf_page(page, path: str, number: int, carry: dict | None = None) -> tuple[int, int, list, dict]:
    """Return (non-space chars, cid chars, lines in reading order, margin lines) of one page.

    Watermarks, stamps and raised footnote marks are left out; the margin lines map the index of each
    text line in the top or bottom margin of the page to its text (page furniture is decided over
    the whole document).  ``carry`` holds the columns of an unruled table that ended the page before, for
    its rows carried onto this page, and is set for the next (:func:`_unruled_cells`).
    """
    n_chars = n_cid = 0
    page = _within_crop_box(page)
    for ch in page.chars:
        t = ch.get("text", "")
        if _CID_RE.fullmatch(t):
            n_cid += 1
            n_chars += 1
        elif t.strip():
            n_chars += 1
    if n_chars == 0:
        return 0, 0, [], {}
    settings = _pdf_settings()
    page = page.filter(_overlay_filter(page, settings))
    # a word processor fakes bold for a font without a bold face by drawing each character twice, a fraction of
    # a point apart: read once ('一一、、总总体体' lost every heading and table label so set)
    page = page.dedupe_chars(tolerance=settings["duplicate_shift"])
    marks = _superscripts(page.chars, settings)
    if marks:
        page = page.filter(lambda obj: id(obj) not in marks)
    tables = []
    if len(page.edges) <= _MAX_PDF_EDGES:
        tables = page.find_tables()
    else:
        _warn(path, f"page {number} has {len(page.edges)} ruling lines; its tables are read as text",
              "tables_as_text")
    items: list = []  # (top, order, line, in the margin)
    bboxes = []
    for table in tables:
        rows = table.extract()
        if len(table.cells) == 1:  # a box drawn around text, not a table
            continue
        bboxes.append(table.bbox)
        for row, cells in zip(table.rows, rows):
            top = row.bbox[1] if row.bbox else table.bbox[1]
            kept = [_join_wrapped(c) for c in cells if c is not None]
            if any(c and _SPREAD_DIGITS.fullmatch(c) for c in kept):  # (a cheap test first: rare)
                edges = {x for r in table.rows for b in r.cells if b for x in (b[0], b[2])}  # (the table's columns)
                kept = [_digits_joined(page, box, c, settings, edges) if c and _SPREAD_DIGITS.fullmatch(c) else c
                        for box, c in zip((b for b, c in zip(row.cells, cells) if c is not None), kept)]
            if kept:
                items.append(((top, 0, 0.0), len(items), kept, False))
    text_page = page.filter(
        lambda obj: obj.get("object_type") != "char"
        or not any(_inside(obj, bb) for bb in bboxes)
    ) if bboxes else page
    edge = settings["margin"] * float(page.height)
    bands = [] if bboxes else _column_bands(text_page, settings)
    text_lines = []  # (sort key, line, in a column after the first: no margin line)
    x0, top, x1, bottom = text_page.bbox
    if not bands:
        text_lines = [((line["top"], 0, 0.0), line, False) for line in text_page.extract_text_lines(return_chars=True)]
    edges = [top] + [y for band_top, band_bottom, _ in bands for y in (band_top, band_bottom)] + [bottom]
    for k in range(0, len(edges), 2) if bands else ():  # full-width parts: above, between and below the bands
        if edges[k + 1] > edges[k]:
            part = text_page.crop((x0, edges[k], x1, edges[k + 1]))
            text_lines += [((line["top"], 0, 0.0), line, False) for line in part.extract_text_lines(return_chars=True)]
    for band_top, band_bottom, split in bands:  # prose in two columns: the left column, then the right one
        left = text_page.crop((x0, band_top, split, band_bottom)).extract_text_lines(return_chars=True)
        right = text_page.crop((split, band_top, x1, band_bottom)).extract_text_lines(return_chars=True)
        end = max((line["bottom"] for line in right), default=band_bottom)
        # the left column may run a line or two below the right one at its line pitch; what follows after a
        # wider gap (the next heading) comes after the right column
        steps = sorted(b["top"] - a["top"] for a, b in zip(left, left[1:]))
        pitch = steps[len(steps) // 2] if steps else 0.0
        after = False
        for k, line in enumerate(left):
            after = after or (line["top"] >= end and k > 0
                              and line["top"] - left[k - 1]["top"] > settings["column_pitch"] * pitch)
            text_lines.append(((band_top, 2 if after else 0, line["top"]), line, after))
        text_lines += [((band_top, 1, line["top"]), line, True) for line in right]
    # (a line of digits alone is rare: a cheap test first; a page of two columns of prose holds no such table,
    # and a number alone in its right column is no cell of the left one)
    if not bands and any(_NUMBER_PART.fullmatch(line["text"].strip()) for _, line, _ in text_lines):
        text_lines = _join_wrapped_numbers(text_lines, settings)
    if not bands and any(_SPREAD_COUNT.search(line["text"]) for _, line, _ in text_lines):  # (rare: a cheap test)
        text_lines = _spread_counts_joined(text_lines, settings)
    if carry is not None and (bands or bboxes):
        carry.clear()  # (a ruled table or prose in columns: no unruled table goes on from this page or onto it)
    gridded = {} if bands else _unruled_cells([line for _, line, _ in text_lines], settings,
                                              None if bboxes else carry, (edge, float(page.height) - edge))
    for k, (key, line, inner) in enumerate(text_lines):
        if k in gridded:  # a row of an unruled table, as cells in its columns (its blank cells kept)
            if gridded[k]:  # (no cells: a half of a row's label joined into its row, _label_around)
                items.append((key, len(items), gridded[k], False))
            continue
        text = _without_letter_spacing(line, settings).strip()
        if text:
            if inner:
                items.append((key, len(items), text, None))
                continue
            margin = None  # where a running header or footer stands: its side and distance from the edge
            if line["bottom"] <= edge:
                margin = ("top", float(line["top"]))
            elif line["top"] >= float(page.height) - edge:
                margin = ("bottom", float(page.height) - float(line["bottom"]))
            items.append((key, len(items), text, margin))
    items.sort(key=lambda item: (item[0], item[1]))
    margin_lines = {i: (item[2],) + item[3] for i, item in enumerate(items) if item[3]}
    return n_chars, n_cid, [item[2] for item in items], margin_lines


_DIGITS_RE = re.compile(r"\d+")
_NUMBER_PART = re.compile(r"[\d.,%]+")  # the part of a number wrapped onto the next line of its cell


def _words(line: dict) -> list[tuple[float, float, str]]:
    """(x0, x1, text) of the words of a line of ``extract_text_lines``: its characters split where a gap is wider
    than pdfplumber's tolerance (where its text has a space); a character set back under the one before it (the
    lower part of a number wrapped in its cell, put into the line) stays in that word."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    words: list[list] = []
    last = None
    for ch in line["chars"]:
        text = ch.get("text", "")
        if ch is last or not text.strip():
            continue  # (pdfplumber gives a '(cid:NN)' glyph once for each character of its text: one glyph)
        last = ch
        if words and (ch["x0"] - words[-1][1] <= DEFAULT_X_TOLERANCE or ch.get("joined")):  # (_spread_counts_joined)
            words[-1][1] = max(words[-1][1], ch["x1"])
            words[-1][2] += text
        else:
            words.append([ch["x0"], ch["x1"], text])
    return [(x0, x1, text) for x0, x1, text in words]


_SPREAD_COUNT = re.compile(r"(?<!\S)\d(?: +\d){2,}(?!\S)")  # three digits or more, each a word: '6 5 6'


def _spread_counts_joined(text_lines: list, settings: dict) -> list:
    """``text_lines`` (sort key, line, flag; top to bottom) with a count spread over a wide cell of an unruled table
    one word again: its digits evenly apart (within a fifth), at least ``pdf.letter_spacing`` times the text size
    (narrower, :func:`_spread_words_joined` joins them), where no line of its table (the rows around it, lines ending in a
    number no farther apart than ``pdf.unruled_row_gap`` times the text size, and the ``pdf.unruled_header_lines``
    lines at most above them that end in none: its header) sets two words or more over them, and one
    sets one (a column); a line that has such digits over them too (the counts of the rows above and below, spread
    alike) does not tell.

    Word's distributed alignment spreads '656' over a wide value column, 8 or 12 pt apart: each digit was a word,
    three values (extra_cells, the row's values lost) or columns too near to tell apart (the table read as text). A
    row of single digits in columns of their own lies under the header's columns and the other rows' values, two or
    more: it stays apart. The digits after the first are flagged ``joined`` to the one before (:func:`_words`), the
    spaces between them taken out of the line's text.
    """
    lines = [line for _, line, _ in text_lines]
    reach = int(settings["unruled_header_lines"])
    runs = [_even_digit_runs(line, settings) if _SPREAD_COUNT.search(line["text"]) else [] for line in lines]
    out = list(text_lines)
    for k, found in enumerate(runs):
        if not found:
            continue
        row_gap = settings["unruled_row_gap"] * _line_size(lines[k])
        block = []  # its table's rows (lines ending in a number) around it and the header lines above them
        for step in (-1, 1):
            j, heads = k, 0
            while 0 <= j + step < len(lines) and abs(j + step - k) <= 60 and lines[j + step].get("chars"):
                upper, lower = (lines[j + step], lines[j]) if step < 0 else (lines[j], lines[j + step])
                row = bool(_NUMBER_PART.fullmatch(lines[j + step]["text"].rstrip()[-1:]))
                if lower["top"] - upper["bottom"] > row_gap or (not row and (step > 0 or heads >= reach)) \
                        or (row and heads):
                    break  # (below: the rows alone; above: the rows, then the header's lines over them)
                heads += not row
                j += step
                block.append(j)
        chars = [ch for ch in lines[k]["chars"] if ch.get("text", "").strip()]
        joined: set[int] = set()  # the characters joined to the one before
        for first, last in found:
            x0, x1 = chars[first]["x0"], chars[last]["x1"]
            over = [sum(1 for a, b, _ in _words(lines[j]) if a < x1 and b > x0) for j in block
                    if not any(a < x1 and b > x0 for a, b in _run_spans(lines[j], runs[j]))]
            if over and max(over) == 1:
                joined.update(range(first + 1, last + 1))
        if not joined:
            continue
        key, line, flag = text_lines[k]
        text = line["text"]
        for m in sorted(joined, reverse=True):  # (from the end: the positions before stay)
            at = _text_position(text, m)
            text = text[:at] + text[at:].lstrip()
        ids = {id(chars[m]) for m in joined}
        out[k] = (key, {**line, "text": text,
                        "chars": [{**ch, "joined": True} if id(ch) in ids else ch for ch in line["chars"]]}, flag)
    return out


def _even_digit_runs(line: dict, settings: dict) -> list[tuple[int, int]]:
    """(first, last) indexes among a line's characters (spaces left out) of each run of three digits or more, each
    a word of its own, evenly apart (within a fifth) at least ``pdf.letter_spacing`` times the text size."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    chars = [ch for ch in line.get("chars", ()) if ch.get("text", "").strip()]
    wide = settings["letter_spacing"] * _line_size(line) if chars else 0.0
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    digit = lambda i: len(chars[i]["text"]) == 1 and chars[i]["text"].isdigit()  # noqa: E731
    found = []
    i = 0
    while i < len(chars):
        end = i
        while (end + 1 < len(chars) and digit(end) and digit(end + 1) and gaps[end] >= wide
               and max(gaps[i:end + 1]) <= 1.2 * min(gaps[i:end + 1])):
            end += 1
        if end - i >= 2 and (i == 0 or gaps[i - 1] > DEFAULT_X_TOLERANCE) \
                and (end + 1 == len(chars) or gaps[end] > DEFAULT_X_TOLERANCE):
            found.append((i, end))
            i = end + 1
        else:  # (a digit of a run too short, or of a wider number, may start one: '67 0 1 3 6 3')
            i += 1
    return found


def _run_spans(line: dict, runs: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """The x extents of the runs (:func:`_even_digit_runs`) of a line."""
    chars = [ch for ch in line.get("chars", ()) if ch.get("text", "").strip()]
    return [(chars[first]["x0"], chars[last]["x1"]) for first, last in runs]


def _spread_label_joined(words: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """The words of a row of an unruled table (:func:`_words`) with its label set spread out one word again.

    A row label set with wide letter spacing (distributed alignment in its cell: '一 、 本 年 … 数 量') is a word a
    character, each a column of its own where no other row's label covers it: the run's columns were not certain
    and the table was read as text, rows whose blank cells left no trace flagged ragged. Its characters are one
    word where they join into a known row label (:func:`toolkit.layout.spread_label_words`).
    """
    from toolkit.layout import spread_label_words  # (layout reads the normalized text this module gives)

    groups = spread_label_words([text for _, _, text in words])
    if groups is None:
        return words
    out, at = [], 0
    for n in groups:
        part = words[at:at + n]
        out.append((part[0][0], part[-1][1], "".join(text for _, _, text in part)))
        at += n
    return out + words[at:]


def _unruled_cells(lines: list, settings: dict, carry: dict | None = None,
                   margins: tuple[float, float] = (0.0, float("inf"))) -> dict[int, list[str]]:
    """The rows of the unruled tables among ``lines`` (``extract_text_lines``, top to bottom) as cells placed
    in their columns, blank cells kept as '': {index of the line: cells}.

    An unruled table's row read as text lost its blank cells ('2、重复申请 0 0 0 0 0 0' for seven columns).  A
    run of consecutive rows (lines of two words or more ending in a number, no farther apart than
    ``pdf.unruled_row_gap`` times the text size) shares its columns: the x extents of the words of all its rows,
    merged where they overlap, as a reader sees under which column a number stands.
    Its rows are given as cells only where those columns are certain: at least two rows, the columns at least
    ``pdf.unruled_column_gap`` times the text size apart, no number sharing its column with another word of its
    row, the columns holding numbers no more than the most numbers of a row and one (a row of one label cell
    sets its numbers a column left of a row of two; more, and a column blank in every row may be missing), and
    some row leaving a column blank (a run without a blank is read as text, as before); a row of fewer label cells
    loses the cells past its own values (:func:`_values_aligned`).  A lone row is placed under
    its header's columns (:func:`_lone_row_cells`).  The few rows of a table carried onto the next page, none
    filling its columns, are placed in the columns of the run that ended the page before (``carry``: its
    columns, set here for the next page; :func:`_carried_cells`), where they come first on the page and that run
    last (nothing between but what lies in the pages' margins: above ``margins[0]``, below ``margins[1]``, and the
    table's caption repeated over its rows going on, '续表', or the note under its rows before that it goes on,
    '(续下表)': :func:`toolkit.normalize.is_continuation_caption`).
    """
    runs: list[list[tuple[int, list, float]]] = []
    last = -2  # (the index of the last row seen)
    for k, line in enumerate(lines):
        end = line["text"].rstrip()[-1:]
        if not end or not _NUMBER_PART.fullmatch(end) or not line.get("chars"):
            continue  # (a cheap test first: most lines are prose)
        words = _words(line)
        if len(words) > 2 and len(words[1][2]) == 1 and not words[1][2].isdigit():
            words = _spread_label_joined(words)  # (cheap test first: a spread label's second word is a character)
        numbers = [w for w in words if _NUMBER_PART.fullmatch(w[2])]
        if len(words) < 2 or not numbers or numbers[-1] is not words[-1] or is_page_furniture(line["text"]):
            continue  # (a page number, '1  /  3', close under a table's last row is no row of it)
        size = _line_size(line)
        if k != last + 1 or not runs or line["top"] - lines[last]["bottom"] > settings["unruled_row_gap"] * size:
            runs.append([])  # (a line set apart, a page's footer '2 / 10', is no row of the run above)
        runs[-1].append((k, words, size))
        last = k
    out: dict[int, list[str]] = {}
    before = carry.pop("columns", None) if carry is not None else None  # (the page before's last table's)
    # (a line alone in the bottom margin, a footer that no page number's pattern names, is no row of a table going on)
    body = runs[:-1] if runs and len(runs[-1]) == 1 and lines[runs[-1][0][0]]["top"] >= margins[1] else runs
    carried = None
    for run in runs:
        cells = _run_cells(run, settings) if len(run) > 1 else _lone_row_cells(lines, run[0], settings)
        if (cells is None and before and run is runs[0]
                and all(line["bottom"] <= margins[0] or _is_caption_line(line) for line in lines[:run[0][0]])):
            cells = _carried_cells(run, *before)
            carried = run if cells is not None else None
        if cells is not None:
            out.update(cells)
    if carry is not None and body and all(line["top"] >= margins[1] or _is_caption_line(line)
                                          for line in lines[body[-1][-1][0] + 1:]):
        ending = before if body[-1] is carried else _table_columns(body[-1], settings)
        if ending:  # (a table going on at the next page's top)
            carry["columns"] = ending
    return out


def _is_caption_line(line: dict) -> bool:
    """Whether a line (``extract_text_lines``) is only a table's caption repeated where it goes on ('续表', '（續表）':
    read normalized, as the report's text is)."""
    return is_continuation_caption(normalize_line(line["text"]))


def _table_columns(run: list[tuple[int, list, float]], settings: dict) -> tuple[list, set[int], int] | None:
    """The columns of a run of rows (:func:`_run_columns`), with those holding numbers and where the values of its
    rows of most label cells start (:func:`_values_start`), where its rows are placed in them; else None."""
    columns = _run_columns(run, settings)
    cells = _placed(run, columns) if columns is not None else None
    if columns is None or cells is None:
        return None
    numeric = {i for row in cells.values() for i, text in enumerate(row) if _NUMBER_PART.fullmatch(text)}
    return columns, numeric, _values_start(cells)


def _carried_cells(run: list[tuple[int, list, float]], columns: list[list[float]],
                   numeric: set[int], top: int) -> dict[int, list[str]] | None:
    """The cells of the rows of a table carried onto the next page (``run``, none filling its columns) placed in
    the ``columns`` of its rows on the page before, blank cells kept; None where not certain: a word under no
    column or two, a number beside another word in its column or under a column that held none, or no blank."""
    cells = _placed(run, columns, numeric)
    if cells is None or all(all(row) for row in cells.values()):
        return None
    return _values_aligned(cells, top)  # (``top``: where the values start in the table's rows on the page before)


def _overlapping(span: tuple[float, float], columns: list[list[float]]) -> list[int]:
    """The indexes of ``columns`` (x0, x1) that the x extent ``span`` overlaps."""
    return [i for i, (a, b) in enumerate(columns) if span[0] < b and span[1] > a]


def _header_columns(lines: list, k: int, size: float, settings: dict) -> list[list[float]]:
    """The columns (x0, x1, left to right) that the header lines just above ``lines[k]`` set, as a reader
    sees under which header a number of that row stands: the nearest line's words, then, going up, each word of a
    line above that stands over no column yet (a header spanning two lines beside a lower one's columns: beside
    them, for a line with a word in a gap between them, a block's title, ends the header); a word
    over two columns or more heads a group of them, over one it names the same column: neither is one more.
    The lines are at most ``pdf.unruled_header_lines``, each no farther above the next than ``pdf.unruled_row_gap``
    times the text size, none of them holding a number (a row of another table, a page's number)."""
    columns: list[list[float]] = []
    below = lines[k]
    for j in range(k - 1, max(k - 1 - int(settings["unruled_header_lines"]), -1), -1):
        line = lines[j]
        if not line.get("chars") or below["top"] - line["bottom"] > settings["unruled_row_gap"] * size:
            break
        words = _words(line)
        if not words or any(_NUMBER_PART.fullmatch(text) for _, _, text in words):
            break
        new = [[x0, x1] for x0, x1, _ in words if not _overlapping((x0, x1), columns)]
        if columns and any(columns[0][1] < x0 and x1 < columns[-1][0] for x0, x1 in new):
            # a word in a gap between the columns below, over none of them: no header spanning lines sets a column
            # there (the review table's reconsideration heads stand beside the lawsuits' ten, not among them), a
            # block's title does ('第二十条 第(五)项' over '信息内容 本年处理决定数量'): the header ends below it
            break
        columns = sorted(columns + new)
        below = line
    return columns


def _lone_row_cells(lines: list, row: tuple[int, list, float], settings: dict) -> dict[int, list[str]] | None:
    """The cells of a lone row of an unruled table (a run of one row, :func:`_unruled_cells`: the review
    table's values) placed under the columns of the header just above it (:func:`_header_columns`), blank cells
    kept; None where that is not certain: fewer than two columns, two of them nearer than ``pdf.unruled_column_gap``
    times the text size, a word of the row under no column or under two, two words under one column, or no column
    left blank (a row that fills its columns is read as text, as before)."""
    k, words, size = row
    columns = _header_columns(lines, k, size, settings)
    gap = float(settings["unruled_column_gap"]) * size
    if len(columns) < 2 or len(words) >= len(columns) or any(b[0] - a[1] < gap for a, b in zip(columns, columns[1:])):
        return None
    cells = [""] * len(columns)
    for x0, x1, text in words:
        under = _overlapping((x0, x1), columns)
        if len(under) != 1 or cells[under[0]]:
            return None  # under no header, under two, or beside another word: not certain
        cells[under[0]] = text
    return _label_around(lines, k, cells, columns, size, settings) or {k: cells}


def _label_around(lines: list, k: int, cells: list[str], columns: list[list[float]], size: float,
                  settings: dict) -> dict[int, list[str]] | None:
    """The cells of a lone row of values set in the middle of its label wrapped over two lines ('行政事' / '10 55' /
    '业性收费': the other cells vertically centred), the label's halves joined into its blank label cell, and the
    halves' lines as no lines ([]); None where the row is no such row.

    The label's first half stands just above the row and was taken for a header line (its column, blank in the
    row): the row's values were placed with no label and the label's halves were left as two lines of text, the
    row lost.  Both halves lie over the blank cells before the row's first value alone, each line no farther from
    the row than ``pdf.unruled_row_gap`` times the text size, neither holding a number.
    """
    lead = next((i for i, cell in enumerate(cells) if cell), 0)
    if not lead or k == 0 or k + 1 >= len(lines):
        return None  # (most lone rows: a label cell first)
    above, row, below = lines[k - 1], lines[k], lines[k + 1]
    gap = settings["unruled_row_gap"] * size
    if not above.get("chars") or not below.get("chars") or row["top"] - above["bottom"] > gap \
            or below["top"] - row["bottom"] > gap:
        return None
    halves = _words(above) + _words(below)
    at = set()
    for x0, x1, text in halves:
        under = _overlapping((x0, x1), columns)
        if len(under) != 1 or under[0] >= lead or _NUMBER_PART.fullmatch(text):
            return None
        at.add(under[0])
    if len(at) != 1 or not _words(above) or not _words(below):
        return None  # (one label cell: the words of both halves in one column)
    cells = list(cells)
    cells[at.pop()] = "".join(text for _, _, text in halves)
    return {k - 1: [], k: cells, k + 1: []}


def _run_cells(run: list[tuple[int, list, float]], settings: dict) -> dict[int, list[str]] | None:
    """The cells of a run of rows of an unruled table (:func:`_unruled_cells`), None where its columns are not
    certain or no row leaves one of them blank."""
    columns = _run_columns(run, settings)
    cells = _placed(run, columns) if columns is not None else None
    if cells is None or all(all(cells[k]) for k, _, _ in run):
        return None  # (a run without a blank is read as text, as before)
    return _values_aligned(cells)


def _run_columns(run: list[tuple[int, list, float]], settings: dict) -> list[list[float]] | None:
    """The columns (x0, x1) of a run of two rows or more of an unruled table: the x extents of its words, merged
    where they overlap; None where they are not certain (too near, or no row filling them nearly)."""
    if len(run) < 2:
        return None
    spans = sorted((x0, x1) for _, words, _ in run for x0, x1, _ in words)
    columns = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    sizes = sorted(size for _, _, size in run)
    gap = float(settings["unruled_column_gap"]) * sizes[len(sizes) // 2]
    if any(b[0] - a[1] < gap for a, b in zip(columns, columns[1:])):
        return None  # columns too near to tell apart
    numbers = [[(x0, x1) for x0, x1, t in words if _NUMBER_PART.fullmatch(t)] for _, words, _ in run]
    held = sum(1 for a, b in columns if any(a <= x0 and x1 <= b for row in numbers for x0, x1 in row))
    if held > max(map(len, numbers)) + 1:
        return None  # no row fills the columns: one blank in every row would be missing, and the rest cut short
    return columns


def _placed(run: list[tuple[int, list, float]], columns: list[list[float]],
            numeric: set[int] | None = None) -> dict[int, list[str]] | None:
    """The rows of ``run`` as cells in ``columns``, each word in the one column it overlaps, blank cells kept
    as ''; None where a word overlaps none or two, or a number shares its column with another word (the columns
    are not the table's), or, given the columns that hold numbers (``numeric``), a number stands in another."""
    out: dict[int, list[str]] = {}
    for k, words, _ in run:
        cells: list[list] = [[] for _ in columns]
        for x0, x1, text in words:
            under = _overlapping((x0, x1), columns)
            if len(under) != 1 or (numeric is not None and _NUMBER_PART.fullmatch(text) and under[0] not in numeric):
                return None
            cells[under[0]].append(text)
        if any(len(cell) > 1 and any(_NUMBER_PART.fullmatch(t) for t in cell) for cell in cells):
            return None  # a number beside another word in one column
        out[k] = [" ".join(cell) for cell in cells]
    return out


def _values_start(rows: dict[int, list[str]]) -> int:
    """The column where the values of the rows of most label cells start (:func:`_values_aligned`)."""
    return max((_label_end(cells) for cells in rows.values()), default=0)


def _label_end(cells: list[str]) -> int:
    """The column after a row's last label cell (a word, no number); 0 for a row of values alone."""
    labels = [i for i, cell in enumerate(cells) if cell and not _NUMBER_PART.fullmatch(cell)]
    return labels[-1] + 1 if labels else 0


def _values_aligned(rows: dict[int, list[str]], top: int | None = None) -> dict[int, list[str]] | None:
    """``rows`` (a run's cells in its columns) with the columns past a row's own values dropped, where rows of
    fewer label cells set their values a column left of the others' ('一、本年新收… 54 0 …' under '(一)予以公开 30 …'):
    such a row's last cells lie under the others' last values, beyond its own, blank; read as its cells, a column
    blank in every row (no column found for it) let its values pass for a full row's, each under the next column's
    key and the last blank. None where those cells are not blank (the columns are not the table's). ``top``: where
    the values of the rows of most label cells start (:func:`_values_start`), given for rows carried onto the next
    page (their table's rows on the page before tell it), else told from ``rows``."""
    # (row -> the column after its last label cell; a row without one, values alone, is left as it is)
    starts = {k: end for k, cells in rows.items() if (end := _label_end(cells))}
    top = max(starts.values(), default=0) if top is None else top
    for k, start in starts.items():
        if start < top:
            cells = rows[k]
            if any(cells[len(cells) - (top - start):]):
                return None
            rows[k] = cells[:len(cells) - (top - start)]
    return rows


def _line_size(line: dict) -> float:
    sizes = sorted(ch["size"] for ch in line["chars"]) or [0.0]
    return sizes[len(sizes) // 2]


def _join_wrapped_numbers(text_lines: list, settings: dict) -> list:
    """``text_lines`` (sort key, line, flag) with a number wrapped in a narrow cell of an unruled table put back
    together, in its row.

    A cell too narrow for '65651' sets '6565' and under it '1': set at the top of the cell, the row read 6565 and
    the '1' (a lone number between rows: a page number) was lost; set in the middle of the cell, both parts
    stand off the row's line and its three values were lost.  The lower part is a line of digits alone, no
    farther below than ``pdf.wrap_pitch`` times the text size, lying under a number at least as wide as it (the
    cell's first line is full): it ends that number; one as near over a row's number, as wide as it or wider, starts
    it (a number in three lines set in the middle of its cell: the middle line is on the row's line).  A line of
    digits alone whose middle is within that distance of the middle of a row's line, where that line has a gap, is
    that row's cell.
    """
    out = list(text_lines)
    for k in range(len(out) - 1, -1, -1):  # the first line of a number over its row's line
        _, high, _ = out[k]
        if not _NUMBER_PART.fullmatch(high["text"].strip()) or not high["chars"]:
            continue
        size = _line_size(high)
        for j, (key, line, flag) in enumerate(out):
            if (j == k or _NUMBER_PART.fullmatch(line["text"].strip())
                    or not 0 <= line["top"] - high["bottom"] <= settings["wrap_pitch"] * size):
                continue
            word = _number_above(line, high, size, upper=True)
            if word is not None:
                at = next(i for i, ch in enumerate(line["chars"]) if ch is word[0])
                out[j] = (key, _put_into(line, high, line["chars"][at - 1] if at else None, lead=True), flag)
                del out[k]
                break
    for k in range(len(out) - 1, 0, -1):
        _, low, _ = out[k]
        if not _NUMBER_PART.fullmatch(low["text"].strip()) or not low["chars"]:
            continue
        size = _line_size(low)
        for j in range(k):
            key, line, flag = out[j]
            if not 0 <= low["top"] - line["bottom"] <= settings["wrap_pitch"] * size or line["top"] >= low["top"]:
                continue
            word = _number_above(line, low, size)
            if word is not None:
                out[j] = (key, _put_into(line, low, word[-1]), flag)
                del out[k]
                break
    for k in range(len(out) - 1, -1, -1):
        _, cell, _ = out[k]
        if not _NUMBER_PART.fullmatch(cell["text"].strip()) or not cell["chars"]:
            continue
        size = _line_size(cell)
        middle = (cell["top"] + cell["bottom"]) / 2
        for j, (key, line, flag) in enumerate(out):
            if (j == k or _NUMBER_PART.fullmatch(line["text"].strip())
                    or abs((line["top"] + line["bottom"]) / 2 - middle) > settings["wrap_pitch"] * size
                    or any(ch["x1"] > cell["x0"] - size / 2 and ch["x0"] < cell["x1"] + size / 2 for ch in line["chars"])):
                continue
            before = [ch for ch in line["chars"] if ch["x1"] <= cell["x0"]]
            out[j] = (key, _put_into(line, cell, before[-1] if before else None, cell=True), flag)
            del out[k]
            break
    return out


def _put_into(line: dict, part: dict, after: dict | None, cell: bool = False, lead: bool = False) -> dict:
    """``line`` with the text and characters of ``part`` put right after its character ``after`` (None: first),
    or, a ``cell``, as a word of its own; ``lead``: at the start of the word after ``after``."""
    at = next(i for i, ch in enumerate(line["chars"]) if ch is after) + 1 if after is not None else 0
    text, piece = line["text"], part["text"].strip()
    pos = _text_position(text, sum(1 for ch in line["chars"][:at] if ch["text"].strip()))
    while lead and pos < len(text) and text[pos].isspace():
        pos += 1
    joined = {**line, "chars": line["chars"][:at] + part["chars"] + line["chars"][at:]}
    if cell:
        joined["text"] = " ".join(w for w in (text[:pos].rstrip(), piece, text[pos:].lstrip()) if w)
    else:  # the lines of one cell: their middle is the cell's
        joined.update(text=text[:pos] + piece + text[pos:], bottom=max(line["bottom"], part["bottom"]))
    return joined


def _number_above(line: dict, low: dict, size: float, upper: bool = False) -> list | None:
    """The characters of the number of ``line`` over which the digits of ``low`` stand, as wide as they or wider
    (``upper``: under which they stand, as wide as they or narrower: the cell's first line is the full one)."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    words: list = []
    for ch in line["chars"]:
        if words and ch["x0"] - words[-1][-1]["x1"] <= DEFAULT_X_TOLERANCE:
            words[-1].append(ch)
        else:
            words.append([ch])
    for word in words:
        x0, x1 = word[0]["x0"], word[-1]["x1"]
        if not all(_NUMBER_PART.fullmatch(ch["text"]) for ch in word):
            continue
        if upper and low["x0"] - size / 2 <= x0 and x1 <= low["x1"] + size / 2 and x1 - x0 <= low["x1"] - low["x0"]:
            return word
        if not upper and x0 - size / 2 <= low["x0"] and low["x1"] <= x1 + size / 2 and low["x1"] - low["x0"] <= x1 - x0:
            return word
    return None


# a ruled cell's text of single digits apart ('6 5 6 5 1'): a number set letter-spaced (Word's distributed alignment)
_SPREAD_DIGITS = re.compile(r"\d(?: [\d,.])+")


def _digits_joined(page, box, text: str, settings: dict, edges: set | frozenset = frozenset()) -> str:
    """A ruled table cell's ``text`` of digits apart ('6 5 6 5 1', :data:`_SPREAD_DIGITS`) without its spaces where
    the cell's characters in ``box`` stand about one gap apart (within a fifth), wider than pdfplumber's tolerance
    and narrower than ``pdf.letter_spacing`` times the text size, or wider where no column of the table's other rows
    (``edges``: the x of its cells' sides) begins or ends between the first digit and the last: one number set
    letter-spaced (Word's distributed alignment), read '6 5 6 5 1', not a number, NA. Digits unevenly apart, or
    wide apart across the columns of other rows (a box merged over cells a rule is missing between), are left as
    they are."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    chars = sorted((ch for ch in page.within_bbox(box).chars if ch.get("text", "").strip()), key=lambda ch: ch["x0"])
    if len(chars) != len(text.replace(" ", "")) or len(chars) < 3:
        return text
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    size = min(ch["size"] for ch in chars)
    if not (DEFAULT_X_TOLERANCE < min(gaps) and max(gaps) <= 1.2 * min(gaps)):
        return text
    # a count of three digits spread over a wide cell stands farther apart than letter spacing (8 or 12 pt in a
    # value column): read '2 5 3', not a number; within one column of the table it is one number all the same
    if max(gaps) < settings["letter_spacing"] * size \
            or not any(chars[0]["x1"] < x < chars[-1]["x0"] for x in edges):
        return text.replace(" ", "")
    return text


def _text_position(text: str, count: int) -> int:
    """The index in ``text`` (a line's characters, with spaces put in its gaps) just after its first ``count``
    characters that are not spaces."""
    if count <= 0:
        return 0
    seen = 0
    for pos, c in enumerate(text):
        if not c.isspace():
            seen += 1
            if seen == count:
                return pos + 1
    return len(text)


def _without_letter_spacing(line: dict, settings: dict) -> str:
    """The text of a line of ``extract_text_lines``; a line set letter-spaced loses the spaces put in its gaps.

    A title or heading spread out (letter spacing, Word's distributed alignment) has every character apart
    from the next by about one gap, wider than pdfplumber's tolerance: it read '一 、 总 体 情 况' and
    '2 0 2 0 年'. Where every gap is at least that wide but less than ``pdf.letter_spacing`` times the text
    size, a space is kept only at a gap wider than ``pdf.letter_space_word`` times the narrowest (a word
    break, a table's next cell); a row of an unruled table has characters that touch in its labels.
    """
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    text = line["text"]
    chars = [ch for ch in line.get("chars", ()) if ch.get("text", "").strip()]
    if len(chars) < 3 or " " not in text or sum(map(_is_cjk, text)) < 2:
        return text
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    narrowest = min(gaps)
    size = sorted(ch["size"] for ch in chars)[len(chars) // 2]
    if narrowest <= DEFAULT_X_TOLERANCE:  # some characters touch: a word of the line may still be spread out
        return _spread_words_joined(text, chars, gaps, size, settings)
    if narrowest >= settings["letter_spacing"] * size:
        return text
    word = settings["letter_space_word"] * narrowest
    return chars[0]["text"] + "".join((" " if gap > word else "") + ch["text"] for gap, ch in zip(gaps, chars[1:]))


def _spread_words_joined(text: str, chars: list, gaps: list[float], size: float, settings: dict) -> str:
    """``text`` (a line of ``extract_text_lines``) with the spaces taken out of a word of three CJK characters or
    more, or a count of three digits or more, spread out in it (a table cell set with distributed alignment,
    '信 息 内 容' beside '本年新制作数量' in
    an unruled table's header: the header was not found and the table lost): its characters apart by about one gap
    (within a fifth), wider than pdfplumber's tolerance and narrower than ``pdf.letter_spacing`` times the text size,
    the gaps before and after it ``pdf.letter_space_word`` times wider (a word break, the next cell)."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    limit, word = settings["letter_spacing"] * size, settings["letter_space_word"]
    spread = lambda g: DEFAULT_X_TOLERANCE < g < limit
    # (a count spread out so in its cell, '6 5 6 5 1' beside '302 142', is one number too: its digits a run of their
    # own, never joined to CJK characters)
    # (a glyph pdfplumber could not map, '(cid:9)', is one character of neither kind)
    kind = lambda ch: None if len(ch["text"]) != 1 else "cjk" if _is_cjk(ch["text"]) \
        else "digit" if ch["text"].isdigit() else None
    joined: list[int] = []  # the gaps taken out: gap i lies after the (i + 1)th character
    k = 0
    while k < len(gaps):
        end = k
        first = kind(chars[k])
        if spread(gaps[k]) and first:
            while (end + 1 < len(gaps) and spread(gaps[end + 1]) and kind(chars[end + 1]) == first
                   and max(gaps[k:end + 2]) <= 1.2 * min(gaps[k:end + 2])):
                end += 1
        run = gaps[k:end + 1]
        if (end > k and first and kind(chars[end + 1]) == first
                and (k == 0 or gaps[k - 1] > word * max(run)) and (end + 1 == len(gaps) or gaps[end + 1] > word * max(run))):
            joined += range(k, end + 1)
        k = end + 1
    for i in reversed(joined):  # (from the end: the positions before stay)
        at = _text_position(text, i + 1)
        rest = text[at:]
        text = text[:at] + rest.lstrip()
    return text


def _column_bands(page, settings: dict) -> list[tuple[float, float, float]]:
    """(top, bottom, x) of each part of a page set in two columns of prose, split at x; [] for none.

    Two columns share one clear vertical gap (no character in it, at least ``column_gap`` times the
    text size wide, in the middle third of the text) and most lines (``column_lines``) have text on
    both sides that fills its column (``column_fill``), as prose does (of the lines with text right of
    the gap; ``column_min_lines`` such lines at least); a table's columns of short cells and numbers do
    not fill theirs.  A line across the gap (a title or heading wider than the left column, a centred
    page number) cuts the page: the parts above and below it are tested alone, and it is read whole.
    """
    chars = [c for c in page.chars if c.get("text", "").strip()]
    if not chars:
        return []
    size = sorted(c["size"] for c in chars)[len(chars) // 2]
    x0, top, x1, bottom = page.bbox
    gap = _middle_gap(chars, size, settings)
    if gap is not None:
        split = _columns_filled(page, gap, settings)
        return [(top, bottom, split)] if split is not None else []
    # no gap that no character crosses: one that all lines but a few full-width ones leave clear
    rows: dict[int, list] = {}
    for c in chars:
        rows.setdefault(round(c["top"]), []).append(c)
    lo, hi = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
    third = (hi - lo) / 3
    common: tuple[float, float] | None = None
    n_split = 0
    for row in rows.values():
        row_gap = _middle_gap(row, size, settings, (lo + third, hi - third))
        if row_gap is not None:
            n_split += 1
            common = row_gap if common is None else (max(common[0], row_gap[0]), min(common[1], row_gap[1]))
    if (common is None or n_split < settings["column_min_lines"]
            or common[1] - common[0] < settings["column_gap"] * size):
        return []
    a, b = common
    across = sorted((min(c["top"] for c in row), max(c["bottom"] for c in row)) for row in rows.values()
                    if any(c["x1"] > a and c["x0"] < b for c in row))
    bands = []
    pad = 0.1 * size  # (a crop keeps a character that touches its edge)
    for band_top, band_bottom in zip([top] + [end + pad for _, end in across],
                                     [start - pad for start, _ in across] + [bottom]):
        if band_bottom - band_top > size:
            split = _columns_filled(page.crop((x0, band_top, x1, band_bottom)), common, settings)
            if split is not None:
                bands.append((band_top, band_bottom, split))
    return bands


def _middle_gap(chars: list, size: float, settings: dict,
                middle: tuple[float, float] | None = None) -> tuple[float, float] | None:
    """The one clear vertical gap (at least ``column_gap`` times ``size`` wide) no character of ``chars``
    crosses, centred in ``middle`` (the middle third of the chars' extent by default); None if not one."""
    spans = sorted((c["x0"], c["x1"]) for c in chars)
    lo, hi = spans[0][0], max(x1 for _, x1 in spans)
    if middle is None:
        middle = (lo + (hi - lo) / 3, hi - (hi - lo) / 3)
    gaps = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= settings["column_gap"] * size and middle[0] <= (reach + x0) / 2 <= middle[1]:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps[0] if len(gaps) == 1 else None


def _columns_filled(page, gap: tuple[float, float], settings: dict) -> float | None:
    """The x between the columns if the lines of ``page`` fill both sides of ``gap`` as prose does, else None."""
    lines = page.extract_text_lines(return_chars=True)  # (only now: the gap test is the cheap one)
    chars = [c for line in lines for c in line["chars"] if c.get("text", "").strip()]
    if not chars:
        return None
    lo, hi = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
    a, b = gap
    full = across = 0
    for line in lines:
        sides = ([c for c in line["chars"] if c["x1"] <= a], [c for c in line["chars"] if c["x0"] >= b])
        across += bool(sides[1])
        widths = (a - lo, hi - b)
        if all(side and sum(c["x1"] - c["x0"] for c in side) >= settings["column_fill"] * w
               for side, w in zip(sides, widths)):
            full += 1
    enough = full >= settings["column_min_lines"] and full >= settings["column_lines"] * across
    return (a + b) / 2 if enough else None


def _drop_page_furniture(pages: list) -> list:
    """The lines of all pages without their furniture: running headers and footers and page numbers.

    Parameters
    ----------
    pages : list
        One ``(lines, margin lines)`` pair per page, as :func:`_pdf_page` gives them.

    Returns
    -------
    list
        The lines of the document in page order. A line in a page's top or bottom margin is left out
        when it repeats at the same place in the margin of half the pages or more (digits masked: '1/2'
        and '2/2', a date; a number alone must count the pages: a table's '0' and '1' are kept, and so is a
        table's unit alone, '件'), is a
        page number (:func:`toolkit.normalize.is_page_furniture`) or, on a document of one page, is a
        browser's print stamp alone (a URL, a date and time).
    """
    from toolkit.formats import vocabulary
    from toolkit.normalize import is_page_furniture, is_print_stamp, normalize_line

    def key(text: str, side: str) -> tuple[str, str]:
        return _DIGITS_RE.sub("#", re.sub(r"\s+", "", text)), side

    settings = _pdf_settings()
    shift = settings["furniture_shift"]
    seen: dict = {}  # key -> [(page, distance from the edge, text)]
    for n, (_, margin) in enumerate(pages):
        for text, side, where in margin.values():
            seen.setdefault(key(text, side), []).append((n, where, text))

    def running(text: str, side: str, n: int, where: float) -> bool:
        """The same line at the same place on half the pages or more (two at least); a number alone must
        count the pages ('3', '3/5'), a table's '0' and '1' on two pages do not, nor does a unit alone ('件')."""
        if len(text) <= 2 and text in vocabulary().legacy_units:
            return False  # (a statistics table's unit cell, one cell a line, at a page's top: no header's words)
        same = {m for m, w, t in seen[key(text, side)] if abs(w - where) <= shift}
        if not re.search(r"[^\W\d_]", text):  # digits and signs only
            first = _DIGITS_RE.search(text)
            if first is None:
                return False
            same = {m for m, w, t in seen[key(text, side)] if abs(w - where) <= shift
                    and int(_DIGITS_RE.search(t)[0]) - int(first[0]) == m - n}  # type: ignore[index]  # t is a line of text's digits
        return len(same) >= max(2, len(pages) / 2)

    single = len(pages) == 1
    out: list = []
    headers: list = []  # the running lines of the first page that has any, in order
    for n, (lines, margin) in enumerate(pages):
        page_headers: list = []
        for i, line in enumerate(lines):
            if i in margin:
                text, side, where = margin[i]
                if running(text, side, n, where):
                    page_headers.append(line)
                    continue
                # the forms of page numbers and stamps are simplified and half-width: so is the line here
                # ('第1頁 共1頁', a full-width date), as later stages see it
                if is_page_furniture(plain := normalize_line(text)) or (single and is_print_stamp(plain)):
                    continue
            out.append(line)
        headers = headers or page_headers
    return _running_title(out, headers) + out


def _running_title(lines: list, running: list) -> list:
    """The report's title when it stands only in the running header or footer (``running``), else [].

    Some agencies put '某某局2020年政府信息公开工作年度报告' at the top of every page and start the body with
    一、总体情况, as a Word file holding its title only in the page header (see ``_docx_header_title``) gives
    it as a PDF; the title names the agency and the year, so it is put before the body's lines.
    """
    from toolkit.metadata import _find_title, _parse_title, _title_text

    if not running:
        return []
    text = [line if isinstance(line, str) else " | ".join(line) for line in lines]  # rows hold no title
    if _find_title(text, len(text)) is not None:
        return []
    # a page number set on the title's line ('某某局…年度报告    第1页', '1    某某局…'): not the title's
    running = [_without_page_number(line) if isinstance(line, str) else line for line in running]
    span = _find_title(running, len(running))
    if span is None or _parse_title(_title_text(running, span)) == (None, None):
        return []  # a browser's page title alone, '政府信息公开年度报告', says nothing the body lacks
    return running[span[0] : span[1] + 1]


_BARE_PAGE_NUMBER = re.compile(r"\d{1,3}")


def _without_page_number(line: str) -> str:
    """A running header's line without the page number set before or after its words ('第 1 页 共 3 页', '- 1 -',
    '1'): the words of the line from the first or to the last that are no page number."""
    from toolkit.normalize import normalize_line

    def number(words: list[str]) -> bool:
        text = " ".join(words)
        return bool(_BARE_PAGE_NUMBER.fullmatch(text)) or is_page_furniture(normalize_line(text))

    words = line.split()
    for k in range(len(words) - 1, 0, -1):  # the longest run of words first: '第 1 页 共 3 页' whole
        if number(words[:k]):
            words = words[k:]
            break
    for k in range(1, len(words)):
        if number(words[k:]):
            words = words[:k]
            break
    return " ".join(words) if len(words) < len(line.split()) else line
