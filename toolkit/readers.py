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
"""
from __future__ import annotations

import bisect
import codecs
import contextlib
import contextvars
import copy
import errno
import functools
import io
import logging
import operator
import os
import re
import sys
import threading
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Iterator, Literal

from toolkit.errors import (
    BinaryFileError,
    CorruptFileError,
    DecodeError,
    EmptyFileError,
    FileTooLargeError,
    ReadError,
    ReaderWarning,
    ToolkitError,
    UnmappedFontError,
    UnsupportedFormatError,
)
from toolkit.msdoc import _page_field
from toolkit.normalize import (_HAN, HAN_RANGES, HAN_UNIFIED, NA_MARKS, is_continuation_caption, is_page_furniture,
                               normalize_line, to_simplified)

__all__ = ["DEFAULT_MAX_BYTES", "RawDocument", "read_document", "decode_bytes"]

#: Largest file :func:`read_document` reads, in bytes (50 MiB); change it per
#: call with ``max_bytes=``.
DEFAULT_MAX_BYTES: int = 50 * 1024 * 1024

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
# an OLE compound file: a Word 97–2003 document, or a workbook, presentation … (toolkit.msdoc.OLE_MAGIC, which is
# imported only to read one)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX)"),
    (_OLE_MAGIC, "a legacy Office file (.doc/.xls/.wps)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"{\\rtf", "an RTF document"),
)

# A PDF whose extracted characters are (cid:NN) placeholders for more than
# this share of its non-space characters is refused (UnmappedFontError).
_CID_SHARE_LIMIT = 0.05
# Pages with more ruling-line edges than this are read as text only: finding
# tables is quadratic in the number of edges.
_MAX_PDF_EDGES = 6000
# UTF-16 without BOM: at least this share of the characters, read in one byte order, are those of a report
# (see _NOT_REPORT_CHARS); binary data read so gives characters from all over the 16-bit range.
_UTF16_TEXT = 0.95
# A DOCX may expand to at most this many times ``max_bytes`` when unzipped, and a PDF's streams decode to as much
# in all (see _bounded_streams).
_ZIP_EXPANSION = 10
# Its XML parts (the text, styles ...), which are parsed whole, to at most this or max_bytes, the larger: a
# parsed part takes some 20 times its size in memory, and a part a thousand times its compressed size (a zip
# bomb) is tiny on disk.
_DOCX_XML_LIMIT = DEFAULT_MAX_BYTES
# A web archive may hold at most this many MIME boundaries (its parts: a page and its images), and one line per
# this many bytes of max_bytes (or DEFAULT_MAX_BYTES, the larger): see _web_archive_page.
_MHT_MAX_PARTS = 10000
_MHT_LINE_BYTES = 40

_CID_RE = re.compile(r"\(cid:\d+\)")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = frozenset(list(range(0x00, 0x09)) + list(range(0x0E, 0x20)) + [0x7F])
_WS_RE = re.compile(r"[ \t\n\r\f\x00]+")
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_DOCTYPE_SUBSET_RE = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_HTML_SNIFF_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|table)\b", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030"}


@dataclass(repr=False)
class RawDocument:
    """A report as read from its source, before any interpretation.

    Parameters
    ----------
    path : str or None
        The file path as given, ``None`` for text held in memory.
    format : str
        ``'text'``, ``'html'``, ``'mht'`` (a web archive: its page read as HTML), ``'docx'``, ``'doc'`` (Word
        97–2003), ``'pdf'`` or ``'ofd'`` (GB/T 33190).
    encoding : str or None
        The codec used to decode text and HTML (``'utf-8'``, ``'utf-8-sig'``,
        ``'gbk'``, ``'gb18030'``, ``'utf-16'``...); ``None`` for DOCX, DOC, PDF and OFD.
    lines : list of (str or list of str)
        The report in reading order: a ``str`` per line of text, a
        ``list[str]`` per table row (cells left to right, ``''`` for a blank
        cell).
    title : str or None
        The title the document gives itself apart from its text (an HTML page's ``<title>``, which no line holds; a
        DOCX's in its properties, a PDF's in its document information, else in its XMP metadata, unless only a
        template's or a file's name: 'Normal', '文档1', 'Untitled', '年报.doc'), white space collapsed; ``None`` where
        it gives none.
    """

    path: str | None
    format: str
    encoding: str | None
    lines: Sequence[str | list[str]] = field(default_factory=list)
    title: str | None = None

    def __repr__(self) -> str:
        rows = sum(1 for line in self.lines if isinstance(line, list))
        name = os.path.basename(self.path) if self.path else "<text>"
        enc = f" {self.encoding}" if self.encoding else ""
        return f"<RawDocument {name} {self.format}{enc} lines={len(self.lines)} rows={rows}>"


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


def decode_bytes(
    data: bytes,
    *,
    path: str | os.PathLike | None = None,
    encoding: str | None = None,
) -> tuple[str, str]:
    """Decode the bytes of a text report, detecting the codec if not given.

    Parameters
    ----------
    data : bytes
        The raw bytes.
    path : str or os.PathLike or None, default None
        The file the bytes come from, named in errors.
    encoding : str or None, default None
        Codec to use (data beginning with the byte-order mark of another codec are read in the mark's,
        the codec returned); ``None`` detects it in this order: byte-order marks
        (UTF-8 → ``'utf-8-sig'``, UTF-32, UTF-16 → ``'utf-16'``, GB18030);
        UTF-16 without BOM (``'utf-16-le'``/``'utf-16-be'``) for data with NUL
        bytes that decode in one byte order into characters of a report (ASCII,
        Chinese characters and punctuation, full-width forms: 95% of them), and for data without NUL bytes
        that decode so into common Chinese characters alone (``'暂无内容'``: flagged ``encoding_uncertain``, after
        strict UTF-8); strict UTF-8 (``'utf-8'``;
        data whose last character is cut off is accepted with a warning, and so
        is UTF-8 with up to 256 stray byte sequences of another encoding,
        outnumbered 50 to 1 by its valid characters, replaced by U+FFFD, and UTF-8 whose only other bytes are
        Windows-1252 punctuation (“ ” ‘ ’ – — …), read as such with a ``mixed_encoding`` warning; 7-bit ASCII
        holding ``~{`` is read as HZ, ``'hz'``, where it decodes so into Chinese); strict GBK (``'gbk'``); strict GB18030 (``'gb18030'``)
        (either with lines in UTF-8 read as such, with a ``mixed_encoding`` warning), or
        Big5 (``'big5'``, ``'big5hkscs'``) where the bytes read as Big5 too and its reading has the
        more common characters; a warning ``encoding_uncertain`` where too little tells the two apart,
        ``bad_bytes`` for private-use characters in a GB text.

    Returns
    -------
    text : str
        The decoded text, without a leading byte-order mark.
    codec : str
        The codec actually used.

    Raises
    ------
    TypeError
        If `data` is not bytes.
    ValueError
        If `encoding` is not a known text codec.
    BinaryFileError
        If the data holds NUL bytes (outside UTF-16; a run of them that ends the
        data is dropped, with a warning ``bad_bytes``) or more than 1% control
        characters.
    DecodeError
        If the bytes do not decode with `encoding`, or with any detected codec.

    Examples
    --------
    >>> from toolkit.readers import decode_bytes
    >>> decode_bytes("政府信息公开".encode("gbk"))
    ('政府信息公开', 'gbk')
    >>> decode_bytes("政府信息公开".encode("utf-8-sig"))
    ('政府信息公开', 'utf-8-sig')
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    spath = None if path is None else os.fspath(path)
    codec = None if encoding is None else _check_encoding(encoding)
    if codec is not None:
        codec = _codec_given(data, codec)
        text = _decode_strict(data, codec, spath)
    else:
        text, codec, _same = _detect(data, spath)
    _check_not_binary(text, spath)
    return text, codec


# --------------------------------------------------------------------------
# bytes, codecs and sniffing
# --------------------------------------------------------------------------


def _warn(path: str | None, detail: str, code: str, line: int | None = None) -> None:
    """Warn (a :class:`ReaderWarning` with the flag ``code``, on ``line`` of the document's lines where it names one),
    attributed to the first caller outside the toolkit."""
    frame = sys._getframe(0)
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("toolkit"):
        frame = frame.f_back
        level += 1
    warnings.warn(ReaderWarning(f"{path or '<bytes>'}: {detail}", code, detail, line), stacklevel=level)


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


def _check_encoding(encoding: object) -> str:
    """Return the canonical name of a text codec, or raise ValueError."""
    if not isinstance(encoding, str):
        raise ValueError(
            f"encoding must be a codec name such as 'utf-8', 'gbk', 'gb18030' or "
            f"'utf-16', or None to detect it; got {encoding!r}"
        )
    try:
        name = codecs.lookup(encoding).name
        "".encode(encoding)  # rejects non-text codecs such as 'base64'
    except LookupError as exc:
        raise ValueError(
            f"encoding must be a known text codec such as 'utf-8', 'gbk', 'gb18030' "
            f"or 'utf-16', or None to detect it; got {encoding!r}"
        ) from exc
    return name


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


_ENCRYPTED_OFFICE = "EncryptedPackage".encode("utf-16-le")  # the stream of a password-protected DOCX


def _magic(data: bytes) -> str | None:
    """Name the file type whose signature `data` starts with, if any."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "a PDF file"
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_OFFICE in data:
        return "a password-protected Office file (remove the password, then save it as .docx)"
    for sig, what in _MAGIC:
        if data.startswith(sig):
            return what
    return None


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


def _decode_strict(data: bytes, codec: str, path: str | None) -> str:
    """Decode with one codec, raising DecodeError naming file and codec."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            path,
            f"cannot decode the bytes as {codec}: {exc.reason} at byte offset "
            f"{exc.start} (0x{data[exc.start:exc.start + 4].hex()})",
        ) from exc
    return text.lstrip("\ufeff") if text.startswith("\ufeff") else text


def _codec_given(data: bytes, codec: str) -> str:
    """The codec given for a file, or its byte-order mark's where it begins with the mark of another codec (a UTF-8
    file with Notepad's mark in a corpus read with ``--encoding gbk``): the mark says what the file is, as a browser
    takes it over a page's declared charset; read in the codec given, the file failed at some byte far into it, or
    became mojibake without a word.

    GB 2312 or GBK given, for bytes that are no such text, is the first of its supersets, GBK then GB18030, that
    reads them (a GBK character such as 镕 in a 'GB2312' corpus, a rare name's character of GB18030 alone), as a
    browser reads those labels: the file failed whole at that character.  GB 2312 given is read as GBK even where
    its own codec reads the bytes, as a browser reads the label (and as a page declaring it is read): Python's GB 2312
    reads the dash ——, A1AA twice, as ―― (U+2015) and the middle dot as ・, in every line and table cell."""
    bom = _detect_bom(data)
    if bom is None and codec == "gb2312":
        codec = "gbk"
    if bom is None and codec == "gbk" and _try(data, codec) is None:
        return "gb18030" if _try(data, "gb18030") is not None else codec
    if bom is None or codec == bom:
        return codec
    try:  # the codec given reads the mark as one ('utf-16-le' a little-endian mark, 'utf-8' Notepad's): it is its own
        return codec if data[:{"utf-8-sig": 3, "utf-16": 2}.get(bom, 4)].decode(codec) == "\ufeff" else bom
    except UnicodeDecodeError:
        return bom


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Bytes that read as GB and as Big5: readings whose shares of rare characters (_rare_share) are closer than
# the first margin, or the second where they hold fewer non-ASCII characters than the sample (and any of one
# or two), cannot be told apart (flagged encoding_uncertain).
_GB_BIG5_SAMPLE = 8
_GB_BIG5_MARGIN = (0.2, 0.4)


# Chinese characters and punctuation: a line of UTF-8 in a GB text holds some (see _utf8_lines).
_CJK_CHAR = re.compile(f"[\u3000-\u303f{HAN_RANGES}\uff00-\uffef]")


def _utf8_lines(data: bytes, path: str | None) -> tuple[str, str] | None:
    """GBK or GB18030 text with lines in UTF-8 (a title pasted from a web page), each line read in its own
    encoding, with a warning naming the UTF-8 lines; None where no line is UTF-8.

    A line is taken for UTF-8 when it decodes as UTF-8 into at least two Chinese characters, or one common one, and
    nothing but a report's characters (_mixed_line): the bytes of GB text almost never do, and UTF-8 read as GB18030
    is mojibake without an error ('甯備綇寤哄眬' for '市住建局').
    """
    lines, ends = _pieces(data)  # (a GB character holds no 0x0A byte; a long line of markup in pieces: see _pieces)
    utf8: dict[int, str] = {}
    for number, line in enumerate(lines):
        if line.isascii():
            continue
        text = _try(line, "utf-8")
        if text is not None and _mixed_line(text):  # (one character: '无', a cell of a table row)
            utf8[number] = text
    if not utf8:
        return None
    found = _decode_gb(b"\n".join(line for number, line in enumerate(lines) if number not in utf8), path,
                       mixed=False)
    if found is None:
        return None
    rest = iter(found[0].split("\n"))  # (the pieces joined by line breaks, which none holds, and split again)
    text = "".join((utf8[number] if number in utf8 else next(rest)) + ends[number] for number in range(len(lines)))
    numbers = _line_numbers(ends, sorted(utf8))
    _warn(path, f"mixed encodings: line(s) {numbers} in UTF-8 in a {found[1].upper()} text, read as UTF-8 "
                "(as GB18030 they are other characters)", "mixed_encoding")
    return text, found[1]


#: A line longer than this (in bytes) that holds markup is cut into pieces at its tags by _pieces.
_LONG_LINE = 1000
_TAG_START = re.compile(rb"(?<=<)")


def _pieces(data: bytes) -> tuple[list[bytes], list[str]]:
    """The lines of ``data`` (split at its line breaks), a long one holding markup (a page written on one line, a CMS's
    minified markup) cut after each '<' into pieces, each piece with what ends it (``'\n'`` or ``''``): the text
    between two tags can then be read in its own encoding, as a line is (a cell pasted in another encoding: the line,
    the page, was read in the page's).  No byte of a GB, Big5 or UTF-8 character is 0x0A or 0x3C.  Short lines are
    not cut: a page written with line breaks pays for no more pieces."""
    lines = data.split(b"\n")
    if len(data) <= _LONG_LINE or b"<" not in data or all(len(line) <= _LONG_LINE for line in lines):
        return lines, ["\n"] * (len(lines) - 1) + [""]
    pieces: list[bytes] = []
    ends: list[str] = []
    for line in lines:
        cut = _TAG_START.split(line) if len(line) > _LONG_LINE and b"<" in line else [line]
        pieces.extend(cut)
        ends.extend([""] * (len(cut) - 1) + ["\n"])
    ends[-1] = ""
    return pieces, ends


def _line_numbers(ends: list[str], numbers: list[int]) -> str:
    """The (1-based) lines of the pieces ``numbers`` (see _pieces: ``ends``), the first ten, for a warning."""
    starts = [0]
    for end in ends:
        starts.append(starts[-1] + (end == "\n"))
    return _first_ten(sorted({starts[number] + 1 for number in numbers}))


def _first_ten(lines: list[int]) -> str:
    """Line numbers for a warning: the first ten, and '…' where there are more."""
    return ", ".join(map(str, lines[:10])) + (" …" if len(lines) > 10 else "")


def _gb_lines(data: bytes, path: str | None) -> str | None:
    """UTF-8 text with lines in GBK or GB18030 (a title, a table row or a footer pasted from a GB page), each line
    read in its own encoding, with a warning naming the GB lines (and one on the bytes of other lines still
    undecoded, shown as U+FFFD, as _utf8_with_stray_bytes allows them); None where no line is GB, or the text is
    rather GB with lines in UTF-8 (_utf8_lines).

    The reverse of _utf8_lines: a line that is no UTF-8 is taken for GB when it decodes so strictly into a GB line
    (_mixed_line: at least two Chinese characters, or one common one, and nothing but a report's characters), and the
    UTF-8 lines hold more characters other than ASCII than the GB lines.  Read as UTF-8 with its bad bytes replaced,
    such a line's Chinese was lost ('市住建局…' became '\ufffd\ufffd…', a row's label with it), and a long one made the
    whole report fail to decode.  A line pasted in Big5 is read so too (see _pasted_reading), and named apart.
    """
    lines, ends = _pieces(data)  # (a long line of markup in pieces: a cell pasted in GBK in a page on one line)
    failed: list[int] = []
    utf8_chars = 0  # Chinese characters of the UTF-8 lines (a short GB line may be UTF-8 too, of Latin or Greek)
    signed: dict[int, str] = {}  # UTF-8 lines with Windows-1252 punctuation (see _utf8_with_cp1252_signs), read so
    for number, line in enumerate(lines):
        if not line.isascii():
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                # (beside a GB line, quotes written as Windows-1252 bytes made their lines fail: taken for lines in no
                # encoding, they made the GB line lost too; a GB line's common characters fail on other bytes, at once)
                escaped = line.decode("utf-8", errors="surrogateescape") \
                    if exc.end - exc.start == 1 and 0xDC00 + line[exc.start] in _CP1252_SIGNS else ""
                text = escaped.translate(_CP1252_SIGNS) if _cp1252_strays(escaped) else ""
                if not text or _NOT_REPORT_CHARS.search(text):
                    failed.append(number)
                    continue
                signed[number] = escaped
            utf8_chars += len(_CJK_CHAR.findall(text))
    if not failed or utf8_chars == 0:  # (GB text: hardly a line of it is UTF-8)
        return None
    gb: dict[int, str] = {}
    big5: set[int] = set()  # the lines of gb in Big5
    bad: list[int] = []  # the other lines that are no UTF-8
    for number in failed:
        found = _pasted_reading(lines[number])
        if found is None:
            bad.append(number)
        else:
            gb[number] = found[0]
            if found[1].startswith("big5"):
                big5.add(number)
    if not gb or sum(len(_CJK_CHAR.findall(text)) for text in gb.values()) >= utf8_chars:
        return None
    count = sum(lines[number].decode("utf-8", errors="replace").count("\ufffd") for number in bad)
    if count > 256 or utf8_chars < 50 * count:
        return None
    for number, escaped in signed.items():
        gb[number] = escaped.translate(_CP1252_SIGNS)
    text = "".join((gb[number] if number in gb else line.decode("utf-8", errors="replace")) + end
                   for number, (line, end) in enumerate(zip(lines, ends)))
    _refuse_mojibake(text, path)
    if signed:
        strays = [char for escaped in signed.values() for char in _ESCAPED_BYTE.findall(escaped)]
        _warn_cp1252(path, len(strays), "".join(strays).translate(_CP1252_SIGNS), _line_numbers(ends, sorted(signed)))
    for name, pasted in (("GBK", sorted(set(gb) - big5 - set(signed))), ("Big5", sorted(big5))):
        if pasted:
            _warn(path, f"mixed encodings: line(s) {_line_numbers(ends, pasted)} in {name} in a UTF-8 text, read as "
                        f"{name} (as UTF-8 they are undecodable bytes)", "mixed_encoding")
    if bad:
        at = sum(len(line) + len(end) for line, end in zip(lines[:bad[0]], ends))
        offset, shown = _first_error(lines[bad[0]], "utf-8").split(" ", 1)
        _warn(path, f"{count} byte sequence(s) that are not UTF-8 in a UTF-8 text (first at byte offset "
                    f"{at + int(offset)} {shown}) were replaced by U+FFFD", "bad_bytes")
    return text


def _pasted_reading(line: bytes) -> tuple[str, str] | None:
    """(text, codec) of a line of a UTF-8 text that is no UTF-8, read as a line pasted from a GB page (see
    _gb_reading) or a Big5 one (a line from a Hong Kong or Taiwan page: it was U+FFFD, its GB reading being no line
    of a report) where that reading is such a line (_mixed_line); of both, the one whose characters are the more
    common of its encoding (see _decode_gb); None where neither is."""
    found = _gb_reading(line)
    if found is not None and not _mixed_line(found[0]):
        found = None
    for codec in ("big5", "big5hkscs"):  # (HKSCS adds characters such as 裏 衆 羣)
        text = _try(line, codec)
        if text is not None and _mixed_line(text):
            if found is None or _rare_share(text, _common_big5)[0] < _rare_share(found[0], _common_gb)[0]:
                return text, codec
            break
    return found


def _mixed_line(text: str) -> bool:
    """Whether a line of a text in another encoding, read as UTF-8 or as GB (``text``), is a line pasted in that
    encoding: nothing but a report's characters, and two Chinese characters or more, or one that is common (see
    _common_gb).

    A line of one character ('无', '12件': a cell of a table row) was read as U+FFFD or as garbage; a common one is asked
    of it, as a few bytes of another encoding read so give a rare one (a Latin-1 'é' before a letter read as GBK: trail
    bytes under 0xA1).
    """
    if _NOT_REPORT_CHARS.search(text):
        return False
    cjk = _CJK_CHAR.findall(text, 0, 4096)
    return len(cjk) >= 2 or (len(cjk) == 1 and _common_gb(cjk[0]))


def _gb_reading(data: bytes) -> tuple[str, str] | None:
    """(text, codec) of ``data`` read as GBK, else as GB18030 (its superset: a rare name's character); None where
    neither reads it."""
    for codec in ("gbk", "gb18030"):
        text = _try(data, codec)
        if text is not None:
            return text, codec
    return None


def _decode_gb(data: bytes, path: str | None = None, *, mixed: bool = True) -> tuple[str, str] | None:
    """GBK, else GB18030 (else Big5: see below); with `mixed`, lines in UTF-8 read as such (_utf8_lines)."""
    if mixed:
        found = _utf8_lines(data, path)
        if found is not None:
            return found
    found = _gb_reading(data)
    if found is None:
        return _gb_with_stray_bytes(data, path)
    text, codec = found
    # Big5 (traditional text from Hong Kong or Taiwan tools) may decode as GBK or GB18030 too, and short GB
    # text as Big5: the reading whose characters are the more common ones of its encoding wins.
    if not text.isascii():
        for big5_codec in ("big5", "big5hkscs"):  # HKSCS adds characters such as 裏 衆 羣
            big5 = _try(data, big5_codec)
            if big5 is not None and not _PRIVATE_USE.search(big5):
                break
        else:
            big5 = None
        if big5 is not None:
            (rare_gb, n), (rare_big5, _) = _rare_share(text, _common_gb), _rare_share(big5, _common_big5)
            chosen = (big5, big5_codec) if rare_big5 < rare_gb else (text, codec)
            if n and (n < 3 or abs(rare_gb - rare_big5) < _GB_BIG5_MARGIN[n < _GB_BIG5_SAMPLE]):  # too little to tell
                _warn(path, f"the bytes read as {codec.upper()} ({text[:12]!r}) or as Big5 ({big5[:12]!r}), and "
                            f"too little tells which: read as {chosen[1].upper()}; pass encoding= if you know the "
                            "codec", "encoding_uncertain")
            if chosen[0] is big5:
                return chosen
    private = len(_PRIVATE_USE.findall(text))
    if private:  # no character of any standard: say so rather than pass them on as text
        _warn(path, f"{private} private-use character(s) in the {codec.upper()} text (user-defined characters, or "
                    f"text in another encoding; first at character {_PRIVATE_USE.search(text).start()}); pass "  # type: ignore[union-attr]  # private counts them
                    "encoding= if you know the codec", "bad_bytes")
    return text, codec


#: The largest share of rare characters (_rare_share) of GB or Big5 text with stray bytes: a report's is under 0.1,
#: UTF-8 read as GB18030 (mojibake, with a few bytes no GB character) near 0.8.
_STRAY_RARE_MAX = 0.3


def _gb_with_stray_bytes(data: bytes, path: str | None) -> tuple[str, str] | None:
    """GB18030 or Big5 text with a few bytes of another encoding (a character cut in two, a byte of a footer
    pasted from elsewhere), those bytes read as U+FFFD and flagged ``bad_bytes``, as _utf8_with_stray_bytes reads
    UTF-8: at most 256 sequences fail, characters read outnumber them 50 to 1, and few are rare ones (mojibake is
    no such text).  Of the two readings, the one whose characters are the more common of its encoding (see
    _decode_gb); None where neither is such text."""
    best: tuple[float, str, str, int] | None = None
    for codec, common in (("gb18030", _common_gb), ("big5hkscs", _common_big5)):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if 0 < bad <= 256 and len(_NON_ASCII.findall(text)) - bad >= 50 * bad:
            rare = _rare_share(text.replace("\ufffd", ""), common)[0]  # (U+FFFD is of neither encoding)
            if rare <= _STRAY_RARE_MAX and (best is None or rare < best[0]):
                best = (rare, text, codec, bad)
    if best is None:
        return None
    _, text, codec, bad = best
    _warn(path, f"{bad} byte sequence(s) that are not {codec.upper()} in a {codec.upper()} text (first at byte "
                f"offset {_first_error(data, codec)}) were replaced by U+FFFD", "bad_bytes")
    return text, codec


# Characters that text read in the wrong one of GB and Big5 gives: kana, bopomofo, vertical and small forms.
_ODD_CJK = re.compile("[\u3040-\u312f\ufe30-\ufe6f]")


@functools.lru_cache(maxsize=4096)
def _common_gb(char: str) -> bool:
    """A GB 2312 character of level 1 (the common ones) or punctuation (rows A1, A3), or the traditional form of
    one (GBK holds traditional text too)."""
    for one in dict.fromkeys((char, to_simplified(char))):
        code = one.encode("gb18030")
        if len(code) == 2 and code[1] >= 0xA1 and (0xB0 <= code[0] <= 0xD7 or code[0] in (0xA1, 0xA3)):
            return True
    return False


def _common_big5(char: str) -> bool:
    """A Big5 character of the common level (A440-C67E) or punctuation (A140-A3BF)."""
    code = char.encode("big5hkscs")
    return len(code) == 2 and 0xA140 <= int.from_bytes(code, "big") <= 0xC67E


def _rare_share(text: str, common) -> tuple[float, int]:
    """The share of the first 2000 non-ASCII characters that are odd (_ODD_CJK) or not common in the encoding,
    and their number; spaces and private-use characters are left out (a user-defined character of GB text, as
    often as Big5 read as GB)."""
    sample = [c for c in _NON_ASCII.findall(text, 0, 20000)[:2000] if not _PRIVATE_USE.match(c) and not c.isspace()]
    return sum(1 for c in sample if _ODD_CJK.match(c) or not common(c)) / max(len(sample), 1), len(sample)


# The characters of a report: ASCII (tabs and line breaks, not other controls), Latin-1's signs, general
# punctuation, circled numbers and box drawing, CJK punctuation, the common Chinese characters and full-width forms
# (not the extensions' rare characters: UTF-16 read in the wrong byte order gives many of extension A's).
_NOT_REPORT_CHARS = re.compile(f"[^\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u2460-\u25ff\u3000-\u303f{HAN_UNIFIED}"
                               "\uff00-\uffef]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text and codec ('utf-16-le'/'utf-16-be', or 'utf-32-le'/'utf-32-be') of UTF-16 or UTF-32 without
    BOM, or None.

    Both byte orders are tried; the one whose characters are a report's (at least ``_UTF16_TEXT`` of them) wins.
    Not the side of the NUL bytes: in UTF-16-LE '开' (U+5F00) has its NUL on the side opposite to ASCII's,
    and a report with many 开 and 一 and little ASCII fell under the share that said so.  (UTF-16 is no
    UTF-32: its pairs of characters make code points above U+10FFFF, which fail to decode.)
    """
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be") + (("utf-32-le", "utf-32-be") if len(data) % 4 == 0 else ()):
        text = _try(data, codec)
        if not text:
            continue
        sample = text[:32768]
        share = 1 - len(_NOT_REPORT_CHARS.findall(sample)) / len(sample)
        if share >= _UTF16_TEXT and (best is None or share > best[0]):
            best = (share, text, codec)
    return None if best is None else best[1:]


#: UTF-16 without NUL bytes is read where its characters' share of rare ones is lower by this than the GB and Big5
#: readings' (see _utf16_without_nul).
_UTF16_NUL_FREE_MARGIN = 0.2


def _utf16_without_nul(data: bytes, path: str | None) -> tuple[str, str] | None:
    """The text and codec ('utf-16-le'/'utf-16-be') of UTF-16 without BOM of Chinese alone, which holds no NUL byte
    (no ASCII, no line break: a stub's '暂无内容'), flagged ``encoding_uncertain``; None where it is no such text.

    Taken where one byte order reads into a report's characters, Chinese ones among them, whose share of rare ones
    (_rare_share) is under _STRAY_RARE_MAX and lower by _UTF16_NUL_FREE_MARGIN than that of the GB and Big5 readings
    (or these fail): read as GBK it was garbage of rare characters without a flag ('俧鄀匭筟').  GB text of common
    characters never reads so: in either byte order its units are then Hangul, surrogates or private-use characters.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        head = _try(data[:64], codec)  # (a cheap look first: any GB or UTF-8 text fails on its first characters)
        if not head or _NOT_REPORT_CHARS.search(head):
            continue
        text = _try(data, codec)
        if not text or _NOT_REPORT_CHARS.search(text) or not _HAN.search(text):
            continue
        rare = _rare_share(text, _common_gb)[0]
        if rare >= _STRAY_RARE_MAX:
            continue
        others = [(_try(data, other), common) for other, common in (("gbk", _common_gb), ("gb18030", _common_gb),
                                                                      ("big5hkscs", _common_big5))]
        if all(other is None or _rare_share(other, common)[0] - rare >= _UTF16_NUL_FREE_MARGIN
               for other, common in others):
            gb = next((other for other, _ in others if other is not None), None)
            _warn(path, f"the bytes hold no NUL byte (no ASCII, no line break) and read as {codec.upper()} "
                        f"({text[:8]!r}; as GB {gb[:8] if gb else None!r}): read as {codec.upper()}; pass encoding= "
                        "if you know the codec", "encoding_uncertain")
            return text, codec
    return None


def _utf8_truncated(data: bytes) -> str | None:
    """Decode UTF-8 whose only fault is an incomplete last character."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (
            exc.reason == "unexpected end of data"
            and exc.end == len(data)
            and 0 < exc.start
            and len(data) - exc.start < 4
        ):
            return _try(data[: exc.start], "utf-8")
    return None


_NON_ASCII = re.compile("[^\x00-\x7f]")
# (a class then the class repeated: the regex engine skips to the class's characters, where a pattern opening with a
# repeat is tried at every character; the same runs)
_ASCII_RUN = re.compile("[\x00-\x7f][\x00-\x7f]*")
_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The characters of ``text`` other than ASCII, in order.

    In UTF-8 every byte of a character other than ASCII is 0x80 or above, so deleting the ASCII bytes of the
    encoded text leaves those characters' encodings: three C passes, where a pattern's substitution made a
    match a run of markup (a word processor's page alternates thousands of them with its words).
    """
    try:
        return text.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _ASCII_RUN.sub("", text)


def _refuse_mojibake(text: str, path: str | None) -> None:
    """Raise DecodeError for UTF-8 text that was read as GBK and saved again ('鏀垮簻' for '政府').

    Its characters, written back as GBK, are UTF-8 again: Chinese characters come back by the hundred,
    where real text gives a few among thousands of undecodable bytes.
    """
    sample = _non_ascii(text[:20000])[:2000]
    back = sample.encode("gbk", errors="ignore").decode("utf-8", errors="replace")
    found = len(_HAN.findall(back))
    if found >= 20 and found > 2 * back.count("\ufffd"):
        raise DecodeError(path, f"the text is UTF-8 that was once read as GBK and saved again (mojibake: "
                                f"{sample[:6]!r} for {back.replace(chr(0xFFFD), '')[:3]!r}); use the original file")
    # GBK read as Big5 (a tool taking a page for Taiwan's) and saved again: '葬陓洘鼠羲' for '府信息公开', Chinese
    # characters of which most are rare in GB, which written back as Big5 are GBK of common ones.  (A report names
    # its topic, 公开, at once; only a text without it pays for the test.  Refused as the others are: the bytes
    # Big5 has no character for were lost.)
    if "公开" not in text and "公開" not in text and len(_HAN.findall(sample)) >= 20:
        if _rare_share(sample, _common_gb)[0] >= _STRAY_RARE_MAX:
            back = sample.encode("big5hkscs", errors="ignore").decode("gbk", errors="ignore")
            if len(_HAN.findall(back)) >= 20 and _rare_share(back, _common_gb)[0] < _STRAY_RARE_MAX:
                raise DecodeError(path, f"the text is GBK that was once read as Big5 and saved again (mojibake: "
                                        f"{sample[:6]!r} for {back[:3]!r}); use the original file")
    # UTF-8 or GBK read as ISO-8859-1 (a scraper's default) or Windows-1252 and saved again: 'æ”¿åºœ' or 'ÕþÇø' for
    # '政府', characters of those codecs alone, which written back in one of them are UTF-8 or GBK of common Chinese
    # characters.  (A report's own Chinese characters stop the test at once: beyond U+2122, Windows-1252's last
    # sign; a browser reads Windows-1252's undefined bytes as C1 controls, which it cannot write back: left out.)
    if sample and max(sample) <= "\u2122":
        head = text[:6000]
        # (up to U+00FF both codecs are ISO-8859-1 to a browser; above it, Windows-1252's signs: '€', '”', 'Œ' …)
        codec = "latin-1" if max(head) <= "\xff" else "cp1252"
        raw = b"".join(c.encode("latin-1") if c <= "\xff" else c.encode("cp1252", errors="ignore") for c in head)
        for original, name in (("utf-8", "UTF-8"), ("gb18030", "GBK")):
            back = raw.decode(original, errors="ignore")
            if len(_HAN.findall(back)) >= 20 and _rare_share(back, _common_gb)[0] < _STRAY_RARE_MAX:
                raise DecodeError(path, f"the text is {name} that was once read as {codec} and saved again (mojibake: "
                                        f"{sample[:6]!r} for {_non_ascii(back)[:3]!r}); use the original file")


def _utf8_with_stray_bytes(data: bytes, codec: str = "utf-8") -> tuple[str | None, int]:
    """UTF-8 with a few bytes of another encoding (a Latin-1 ©, a footer line pasted from a GBK page).

    Read strictly, the whole report failed; read as GBK it could become mojibake.  A text is taken for
    such UTF-8 when at most 256 sequences fail and valid multi-byte characters outnumber them 50 to 1
    (GBK text read as UTF-8 fails on most of its characters).  The same holds for the ``codec`` of a
    byte-order mark (a UTF-16 file that lost its last byte).
    """
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if 0 < bad <= 256 and len(_NON_ASCII.findall(text)) - bad >= 50 * bad:
        return text, bad
    return None, bad


#: Bytes 0x80-0x9F that Windows-1252 reads as punctuation or a sign (“ ” ‘ ’ – — … • € ™ ‰ †), keyed by the lone
#: surrogate that UTF-8 decoding with ``surrogateescape`` makes of each (see _utf8_with_cp1252_signs).  Letters of
#: the range (Š Œ Ž ƒ) are left out: no editor writes them alone into Chinese text.
_CP1252_SIGNS = {0xDC00 + byte: sign for byte in range(0x80, 0xA0)
                 for sign in [bytes([byte]).decode("cp1252", errors="ignore")]
                 if sign and unicodedata.category(sign)[0] in "PS"}
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _utf8_with_cp1252_signs(data: bytes, path: str | None) -> str | None:
    """UTF-8 text whose only bytes that are no UTF-8 are lone bytes of Windows-1252 punctuation (“ ” ‘ ’ – — …, as a
    Windows editor writes them into a pasted line), read as those characters with a warning ``mixed_encoding`` naming
    their lines; None where it is no such text.

    Read as UTF-8 with stray bytes they were U+FFFD, and a long report with more than 256 of them (a quote mark every
    few lines) was refused whole.  Such a byte is a UTF-8 continuation byte without its lead, which UTF-8 decodes
    alone.  GB, GB18030 and Big5 text is no such text: its common Chinese characters fail as UTF-8 on other bytes
    (GBK's '政', D5 FE, on D5); and the text is asked at least 20 Chinese characters, no fewer than the bytes so read.
    """
    try:  # (a cheap look first: GB or Big5 text fails at once on a byte of no sign)
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end - exc.start != 1 or 0xDC00 + data[exc.start] not in _CP1252_SIGNS:
            return None
    escaped = data.decode("utf-8", errors="surrogateescape")  # (each byte that is no UTF-8 a lone surrogate)
    strays = _cp1252_strays(escaped)
    if not strays:
        return None
    text = escaped.translate(_CP1252_SIGNS)
    if len(_HAN.findall(text)) < max(20, len(strays)):
        return None
    _refuse_mojibake(text, path)
    breaks = [m.start() for m in re.finditer("\n", escaped)]  # (a stray's line: the breaks before it, + 1)
    numbers = _first_ten(sorted({bisect.bisect(breaks, at) + 1 for at in strays}))
    _warn_cp1252(path, len(strays), "".join(text[at] for at in strays), numbers)
    return text


def _cp1252_strays(escaped: str) -> list[int] | None:
    """The places of the bytes that are no UTF-8 in ``escaped`` (bytes decoded with ``surrogateescape``) where all
    are Windows-1252 punctuation (_CP1252_SIGNS); None where one is not, or there is none."""
    strays: list[int] = []
    for match in _ESCAPED_BYTE.finditer(escaped):
        if ord(match.group()) not in _CP1252_SIGNS:
            return None
        strays.append(match.start())
    return strays or None


def _warn_cp1252(path: str | None, count: int, signs: str, numbers: str) -> None:
    """Warn of ``count`` bytes of Windows-1252 punctuation, ``signs``, read so on the lines ``numbers``."""
    _warn(path, f"mixed encodings: {count} byte(s) of Windows-1252 punctuation ({''.join(dict.fromkeys(signs))!r}) on "
                f"line(s) {numbers} in a UTF-8 text, read as Windows-1252 (as UTF-8 they are undecodable bytes)",
          "mixed_encoding")  # (no line: in a page, the lines of its bytes are not the document's)


def _detect_bom(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"\x84\x31\x95\x33"):
        return "gb18030"
    return None


def _detect(data: bytes, path: str | None, declared: str | None = None) -> tuple[str, str, bool]:
    """Detect the codec of `data` (see decode_bytes); `declared` comes from HTML.  (text, codec, whether the
    text is `data` read as UTF-8 byte for byte: its UTF-8 encoding is `data` itself, not to be made again.)"""
    bom = _detect_bom(data)
    if bom is not None and data.endswith(b"\x00"):
        # NUL padding (see below) after a byte-order mark, Notepad's: it was refused as binary data.  The padding ends
        # at the last character's last byte that is not NUL, in UTF-16 or UTF-32 at the end of its code unit ('\n'
        # in UTF-16-LE ends in a NUL byte; a U+0000 is no character of a text): a run cut anywhere ends so too.
        unit = {"utf-16": 2, "utf-32": 4}.get(bom, 1)
        end = len(data.rstrip(b"\x00"))
        end += -end % unit  # (the mark is of whole units: ends of units are multiples of the unit)
        if len(data) - end >= unit:  # (less, in UTF-16 or UTF-32, is rather a last character cut: see below)
            text, codec, _same = _detect(data[:end], path, declared)
            if "\x00" in text:
                raise BinaryFileError(path, "contains NUL characters: binary data, not text")
            _warn(path, f"{len(data) - end} NUL byte(s) at the end of the text (padding of a file cut short or "
                        "preallocated) were dropped", "bad_bytes")
            return text, codec, False
    if bom is not None:
        text = _try(data, bom)
        if text is None and bom == "utf-8-sig":
            # Windows-1252 punctuation or lines pasted from a GB page in Notepad's UTF-8, which writes the mark, are read
            # as without a mark (see _utf8_with_cp1252_signs, _gb_lines): they were U+FFFD, or the whole file refused
            text = _utf8_with_cp1252_signs(data[3:], path)
            if text is None:
                text = _gb_lines(data[3:], path)
        if text is None:
            # a few bad bytes (a stray byte, a last byte lost) are read as without a mark: flagged, not fatal
            text, bad = _utf8_with_stray_bytes(data, bom)
            if text is None:
                raise DecodeError(
                    path, f"the file starts with a {bom} byte-order mark but is not valid {bom}"
                )
            _warn(path, f"{bad} byte sequence(s) that are not {bom} in a {bom} text (first at byte offset "
                        f"{_first_error(data, bom)}) were replaced by U+FFFD", "bad_bytes")
        _refuse_mojibake(text, path)  # Notepad saves a mojibake page with a byte-order mark
        return text.lstrip("\ufeff"), bom, False
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            # A text padded with NUL bytes at its end (a download cut short, a file preallocated or recovered from a
            # disk) holds no other: its text is read, the padding dropped and flagged (it made the report fail whole).
            body = data.rstrip(b"\x00")
            if body and b"\x00" not in body:
                text, codec, _same = _detect(body, path, declared)
                _warn(path, f"{len(data) - len(body)} NUL byte(s) at the end of the text (padding of a file cut short "
                            "or preallocated) were dropped", "bad_bytes")
                return text, codec, False
            raise BinaryFileError(path, "contains NUL bytes: binary data, not text")
        return (*found, False)
    text = _try(data, "utf-8")
    if text is not None:
        if b"~{" in data and data.isascii():  # (a fast search first: most texts hold no '~{')
            hz = _hz_text(data)
            if hz is not None:
                return hz, "hz", False
        _refuse_mojibake(text, path)
        return text, "utf-8", True
    text = _utf8_truncated(data)
    if text is not None:
        _warn(path, "the data ends in the middle of a UTF-8 character (truncated file?); the incomplete "
                    "character was dropped", "bad_bytes")
        return text, "utf-8", False
    text = _utf8_with_cp1252_signs(data, path)  # (quotes written as Windows-1252 bytes: U+FFFD, or the file refused)
    if text is not None:
        return text, "utf-8", False
    if not len(data) % 2:  # (UTF-16 of Chinese alone: no NUL byte told it above)
        found = _utf16_without_nul(data, path)
        if found is not None:
            return (*found, False)
    gb_lines = _gb_lines(data, path)
    if gb_lines is not None:
        return gb_lines, "utf-8", False
    text, bad = _utf8_with_stray_bytes(data)
    if text is not None:
        _refuse_mojibake(text, path)
        _warn(path, f"{bad} byte sequence(s) that are not UTF-8 in a UTF-8 text (first at byte offset "
                    f"{_first_error(data, 'utf-8')}) were replaced by U+FFFD", "bad_bytes")
        return text, "utf-8", False
    if declared is not None:
        if declared in _GB_FAMILY:
            found = _decode_gb(data, path)
            if found is not None:
                if found[1].startswith("big5"):  # read against the page's word: say so (a template's charset)
                    _warn(path, f"the page declares {declared} but its bytes read as {found[1].upper()} "
                                f"({_non_ascii(found[0])[:8]!r}): read as {found[1].upper()}; pass encoding= if you "
                                "know the codec", "encoding_uncertain")
                return (*found, False)
        elif not _single_byte(declared):
            text = _try(data, declared)
            if text is not None:
                if declared in _BIG5_FAMILY and not text.isascii():
                    return (*_big5_or_gb(data, text, declared, path), False)
                if not text.isascii():
                    found = _gb_over_declared(data, text, declared, path)
                    if found is not None:
                        return (*found, False)
                return text, declared, False
    found = _decode_gb(data, path)
    if found is not None:
        if declared in _BIG5_FAMILY and not found[1].startswith("big5"):  # (see _big5_or_gb: no Big5 at all here)
            _warn(path, f"the page declares {declared} but its bytes are no {declared.upper()} and read as "
                        f"{found[1].upper()} ({_non_ascii(found[0])[:8]!r}): read as {found[1].upper()}; pass "
                        "encoding= if you know the codec", "encoding_uncertain")
        return (*found, False)
    if declared is not None and _single_byte(declared):
        text = _try(data, declared)
        if text is not None:
            return text, declared, False
    controls = sum(1 for b in data[:65536] if b in _CONTROL_BYTES)
    if controls > 0.01 * min(len(data), 65536):
        raise BinaryFileError(path, f"binary data, not text ({controls} control bytes)")
    tried = "UTF-8, GBK, GB18030, Big5" + (f", {declared}" if declared else "")
    raise DecodeError(
        path,
        f"cannot decode the bytes in any supported encoding ({tried}); first bad byte "
        f"for UTF-8 at offset {_first_error(data, 'utf-8')}, for GB18030 at offset "
        f"{_first_error(data, 'gb18030')}; pass encoding= if you know the codec",
    )


_BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}


@functools.lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """Whether ``codec`` (a canonical name) is ASCII or a single-byte codec, one character a byte: any bytes read so
    without an error, so a page declaring one is read as GB first (a template's charset over GBK bytes).

    Told by the bytes 0x80-0xFF alone, which such a codec reads one by one (all but a few it leaves undefined) and a
    multi-byte one does not (Shift_JIS reads its 63 half-width katakana so): not a list of names, which missed
    KOI8-R, CP866, Mac Cyrillic, the DOS code pages … and read GBK under them as Cyrillic or box drawing.
    """
    if codec == "ascii":
        return True
    return sum(1 for b in range(0x80, 0x100) if _try(bytes([b]), codec) is not None) >= 90


def _big5_or_gb(data: bytes, big5: str, declared: str, path: str | None) -> tuple[str, str]:
    """A page declaring a Big5 charset, read as Big5 (``big5``), or as GBK/GB18030 where that reading's
    characters are clearly the more common (flagged ``encoding_uncertain``).

    A page saved as GBK under a template's ``charset=big5`` reads as Big5 without an error (most GB 2312 bytes
    are Big5 bytes too), into rare characters: '淉葬陓洘鼠羲' for '政府信息公开'.  The declaration wins a tie.
    """
    found = _gb_reading(data)
    if found is None:
        return big5, declared
    text, codec = found
    (rare_gb, n), (rare_big5, _) = _rare_share(text, _common_gb), _rare_share(big5, _common_big5)
    if n >= _GB_BIG5_SAMPLE and rare_big5 - rare_gb >= _GB_BIG5_MARGIN[0]:
        _warn(path, f"the page declares {declared} but its bytes read as {codec.upper()} ({_non_ascii(text)[:8]!r}; "
                    f"as Big5 {_non_ascii(big5)[:8]!r}): read as {codec.upper()}; pass encoding= if you know the codec",
              "encoding_uncertain")
        return text, codec
    return big5, declared


def _gb_over_declared(data: bytes, text: str, declared: str, path: str | None) -> tuple[str, str] | None:
    """The GBK or GB18030 reading of a page whose ``text`` in the multi-byte charset it declares (EUC-KR, EUC-JP,
    Shift_JIS: a template's) is another, where that reading is Chinese of common characters (flagged
    ``encoding_uncertain``); else None.

    GB 2312's bytes are EUC-KR's and EUC-JP's too, and most are Shift_JIS's: a GBK page under such a charset read
    without an error into Korean, kanji or half-width katakana ('漣리斤口' for '政府信息', 'ﾔﾝﾎﾞﾄﾚﾈﾝ' for '暂无内容').
    """
    found = _gb_reading(data)
    if found is None:
        return None
    gb, codec = found
    if gb == text or not _HAN.search(gb) or _rare_share(gb, _common_gb)[0] >= _STRAY_RARE_MAX or _own_script(text):
        return None
    _warn(path, f"the page declares {declared} but its bytes read as {codec.upper()} ({_non_ascii(gb)[:8]!r}; as "
                f"{declared.upper()} {_non_ascii(text)[:8]!r}): read as {codec.upper()}; pass encoding= if you know "
                "the codec", "encoding_uncertain")
    return gb, codec


_HANGUL = re.compile("[\uac00-\ud7a3]")
_KANA = re.compile("[\u3041-\u30ff]")  # (hiragana, katakana; not the half-width katakana of GBK read as Shift_JIS)


def _own_script(text: str) -> bool:
    """Whether ``text``, read in the Korean or Japanese charset a page declares, is written in that language's own
    script: Hangul for 95 % of its Hangul and Chinese characters (10 at least), or kana for a tenth of its kana and
    Chinese characters (3 at least).

    Real Korean and Japanese read as GBK into common Chinese characters too (Hangul's rows of EUC-KR are GB 2312's
    first level, EUC-JP's kana GB 2312's): a Korean page of Yanbian ('정부 정보 공개') was read as GBK garbage
    ('沥何 沥焊 傍俺').  GBK text read so gives Hangul and hanja mixed, or kanji without kana.
    """
    sample = text[:20000]
    hangul, kana = len(_HANGUL.findall(sample)), len(_KANA.findall(sample))
    if hangul < 10 and kana < 3:
        return False
    han = len(_HAN.findall(sample))
    return (hangul >= 10 and hangul >= 0.95 * (hangul + han)) or (kana >= 3 and kana >= 0.1 * (kana + han))


def _hz_text(data: bytes) -> str | None:
    """7-bit ASCII ``data`` read as HZ (RFC 1843: GB 2312 between ``~{`` and ``~}``, as old mail and news sent
    Chinese), or None where it is no HZ: it does not decode, or gives fewer than :data:`_HZ_MIN_HAN` Chinese
    characters, or mostly rare ones (ASCII that happens to hold ``~{ab~}``)."""
    text = _try(data, "hz")
    if text is None or len(_HAN.findall(text, 0, 20000)) < _HZ_MIN_HAN:
        return None
    share, _ = _rare_share(text, _common_gb)
    return text if share < _HZ_MAX_RARE else None


# HZ text holds Chinese characters, common ones for the most part: 4 of them at least, at most half of them rare.
_HZ_MIN_HAN = 4
_HZ_MAX_RARE = 0.5


def _first_error(data: bytes, codec: str) -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return f"{exc.start} (0x{data[exc.start:exc.start + 4].hex()})"
    return "-"  # pragma: no cover - only called when decoding failed


_CONTROL_BYTE_STRING = bytes(sorted(_CONTROL_BYTES))
_C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F in UTF-8


def _check_not_binary(text: str, path: str | None, utf8: bytes | None = None) -> None:
    """Refuse a text with a NUL or more than 1 % of control characters.

    ``utf8`` is the text encoded as UTF-8, where the caller has it: the controls are then counted in its bytes,
    some six times faster than a pattern over the text, with the same count (in UTF-8 a control below U+0080
    is its own byte, which no other character's bytes hold, and U+0080-U+009F are C2 80-C2 9F).
    """
    if "\x00" in text:
        raise BinaryFileError(path, "contains NUL characters: binary data, not text")
    if utf8 is None:
        controls = len(_CONTROL_RE.findall(text))
    else:
        controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTE_STRING))
        if b"\xc2" in utf8:
            controls += len(_C1_UTF8_RE.findall(utf8))
    if controls and controls > 0.01 * len(text):
        raise BinaryFileError(
            path,
            f"binary data, not text: {controls} control characters in {len(text)} characters",
        )


def _check_text_file(data: bytes, path: str) -> None:
    """Refuse a .txt/.html file that is really another file type."""
    what = _magic(data)
    if what is not None and not what.startswith("an RTF"):
        raise BinaryFileError(path, f"binary data, not text: the content is {what}")


_VISIBLE_RE = re.compile(r"[^\s\ufeff\u200b]")  # (\s is str.strip's white space)


def _check_not_blank(text: str, path: str) -> None:
    if not _VISIBLE_RE.search(text):  # (stops at the first visible character, where two replaces copied the text)
        raise EmptyFileError(path, "file holds only white space")


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
# HTML
# --------------------------------------------------------------------------

# (noframes and noembed: fallbacks a browser does not show, whose content the parser keeps as text, markup and all)
# (a ruby annotation, <rt> and the brackets <rp> a browser without ruby shows, is pinyin over the characters, no text
# of the report, as Word's phonetic guide is not in a DOCX: '政<rt>zhèng</rt>府' read '政zhèng府')
# (the content of a <video>, <audio> or <canvas> is the fallback of a browser that cannot play or draw it, which
# every browser now can: '您的浏览器不支持 video 标签。' was read as a line of the report, glued to the text after it;
# a <datalist>'s options are suggestions a text box offers as it is typed in, never shown in the page)
_DROP_TAGS = {"script", "style", "noscript", "head", "template", "title", "iframe", "object", "noframes", "noembed",
              "rt", "rp", "video", "audio", "canvas", "datalist",
              # an inline SVG's description and its editor's data, never shown (its <title>, a tooltip, is above)
              "desc", "metadata"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
    "section", "summary", "ul",
}
_CELL_TAGS = {"td", "th"}
_BR = "\x00"  # marks a forced space (<br>, block edge) inside a cell


def _declared_charset(data: bytes) -> str | None:
    head = data[:8192]
    match = _META_CHARSET_RE.search(head) or _XML_DECL_RE.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _read_html(data: bytes, path: str, codec: str | None, declared: str | None = None,
               sheets: dict | None = None, on_disk: bool = False) -> RawDocument:
    """An HTML page's lines; ``declared``: the charset its container names (a web archive's part header); ``sheets``:
    the style sheets it holds beside the page (a web archive's: see _archive_sheets); ``on_disk``: ``path`` is the
    page's file, whose folder may hold the sheets it links (see _folder_sheet)."""
    import lxml.etree

    _check_text_file(data, path)
    same = False  # whether the bytes read are the text's UTF-8, which lxml parses: not made again
    if codec is not None:
        used = _codec_given(data, codec)
        text = _decode_strict(data, used, path)
    else:
        text, used, same = _detect(data, path, declared=declared or _declared_charset(data))
        if text.startswith("\ufeff"):
            text, same = text.lstrip("\ufeff"), False
    try:
        encoded: bytes | None = data if same else text.encode("utf-8")  # the control characters counted on it
    except UnicodeEncodeError:  # a lone surrogate: fails below, after the checks, as it did
        encoded = None
    _check_not_binary(text, path, encoded)
    _check_not_blank(text, path)
    # An internal DTD subset can only serve entity tricks; HTML never needs one.  (It opens with '[': a page
    # without one is not searched, a search trying the pattern at every '<' of the markup.)
    text, removed = _DOCTYPE_SUBSET_RE.subn("", text, count=1) if "[" in text else (text, 0)
    parser = _html_parser()
    try:
        if removed or encoded is None:
            encoded = text.encode("utf-8")
        root = lxml.etree.fromstring(encoded, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise CorruptFileError(path, f"cannot parse the HTML: {exc}") from exc
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise CorruptFileError(
                path, "cannot parse the HTML: elements nested deeper than 2048 levels"
            )
    if root is not None:
        if sheets and (b"<link" in encoded or b"<LINK" in encoded):
            base = sheets.get("", "")
            encoded = encoded + b"\n" + _linked_sheets(root, sheets.get, base)  # (the passes' gates read them too)
        elif on_disk and (b"<link" in encoded or b"<LINK" in encoded):
            # a page saved 'complete' ('网页，全部'): its sheets in '报告_files/' ('报告.files/') beside it
            folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))  # (a link's own folder, as a browser)
            find = functools.lru_cache(maxsize=256)(functools.partial(_folder_sheet, folder, used))  # (read once)
            encoded = encoded + b"\n" + _linked_sheets(root, find, "")
        _as_shown(root, encoded)
    with _MergedDownWarned(path) as merged:
        lines = _html_lines(root) if root is not None else []
        if not lines and root is not None and (b"<noframes" in encoded or b"<NOFRAMES" in encoded):
            lines = _frames_fallback_lines(root, parser)
    if not lines:
        raise EmptyFileError(path, "the HTML page holds no text")
    merged.warn(lines)
    return RawDocument(path=path, format="html", encoding=used, lines=lines, title=_page_title(root))


def _html_parser():
    """The parser of a page's UTF-8 bytes: lxml.etree's, not lxml.html's (the same tree, without a Python class
    lookup per element)."""
    import lxml.etree

    return lxml.etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,  # nesting up to 2048 levels; the size is capped by max_bytes
        default_doctype=False,
    )


def _srcdoc_frames(root) -> None:
    """Put in place of each ``<iframe srcdoc="…">`` the document a browser shows in it (the srcdoc, read as shown:
    its own sheets hide what they hide), read once: the frame's fallback text is not read, as before.  A frame so
    written (a CMS embedding a piece of the report as a little page) lost its text: every iframe was left out."""
    import lxml.etree

    for frame in list(root.iter("iframe")):
        markup = frame.get("srcdoc")
        if not markup or not markup.strip() or any(_tag_name(a.tag) in _DROP_TAGS for a in frame.iterancestors()):
            continue
        encoded = markup.encode("utf-8", "replace")
        try:
            page = lxml.etree.fromstring(encoded, _html_parser())
        except lxml.etree.XMLSyntaxError:
            continue
        body = page.find("body") if page is not None else None
        if body is None:
            continue
        _as_shown(page, encoded)  # (a frame in it is put in place there)
        tail = frame.tail
        frame.clear()  # (its attributes, and the fallback the parser keeps as its text)
        frame.tag, frame.text, frame.tail = "div", body.text, tail
        frame.extend(list(body))


def _as_shown(root, encoded: bytes) -> None:
    """Make the parsed page ``root`` (of the UTF-8 bytes ``encoded``, which gate the passes most pages do not need)
    read as a browser shows it: hidden elements, footnote marks, deleted text … removed, footers last, lists
    numbered by the style sheet."""
    low = encoded.lower()  # (the gates below that case does not matter to)
    if b"shadowroot" in low:  # (first: the passes below read a shadow root's content as the page's)
        _shadow_roots(root)
    if b"/*" in encoded and _COMMENTED_STYLE_BYTES.search(encoded):
        _uncomment_styles(root)
    zero_font = _ZERO_FONT_BYTES.search(low)  # (one scan of the bytes: most pages set no font of size 0)
    clear = (b"transparent" in low or b"a(" in low or b"/ 0" in low) and _TRANSPARENT_BYTES.search(encoded)
    if _may_hide(low) or zero_font or clear:
        _sheet_hidden(root)  # (what the page's style sheets hide, written as if by a style attribute)
        _drop_hidden(root)
        if b"display" in low and _BLOCK_DISPLAY_BYTES.search(low):
            _display_blocks(root)
    if zero_font:
        _blank_zero_font(root)
    if clear:  # (text in a transparent colour)
        _blank_zero_font(root, _color_shown)
    raised = b"vertical-align" in low or b"notereference" in low  # (marks set so: see _raised_by_style)
    lowered = raised and _raised_by_style(root, "sub")
    if raised:
        _raised_by_style(root, "sup")
    _drop_footnote_marks(root)
    if b"<sub" in encoded or b"<SUB" in encoded or lowered:
        _drop_subscript_marks(root)
    if b"<del" in encoded or b"<DEL" in encoded:
        _drop_deleted(root)
    if b"<s>" in low or b"<s " in low or b"<strike" in low or b"line-through" in low:
        _drop_struck(root)
    if b"<input" in low:
        _input_values(root)
    if b"<img" in low and b"alt" in low:
        _image_values(root)
    if any(tag in encoded for tag in _UNSHOWN_CONTROL_TAGS):
        _drop_unshown_controls(root)
    if b"x:num=" in encoded:
        _excel_zero_dashes(root)
    if b"<thead" in encoded or b"<THEAD" in encoded:
        _row_groups_where_shown(root, "thead")
    if b"<tfoot" in encoded or b"<TFOOT" in encoded:
        _row_groups_where_shown(root, "tfoot")
    if b"<textarea" in low or (b"white-space" in low and _KEPT_BREAKS_BYTES.search(low)):
        _kept_line_breaks(root)
    if b"list-style" in encoded:  # (a list numbered by a style sheet's rule: see _sheet_list_styles)
        _sheet_list_styles(root)
    if b"srcdoc" in low:  # (last: the page's passes and sheets do not reach into a frame's document)
        _srcdoc_frames(root)


# An element whose white-space keeps the line breaks of its text (pre, pre-wrap, pre-line, break-spaces: a CMS showing
# the text of a plain box so, a <textarea>, whose own is pre-wrap) shows each line of it on a line of its own; its text
# was read as one line ('一、总体情况本年度无。二、…', the report's headings lost in it).  The property is inherited; a
# child setting normal or nowrap runs its lines together again.  (A <pre> is read as written: see _html_lines.)
_WHITE_SPACE_RE = re.compile(r"(?<![\w-])white-space\s*:\s*([\w-]+)", re.IGNORECASE)
_KEPT_BREAKS_BYTES = re.compile(rb"white-space\s*:\s*(?:pre|break-spaces)")  # (of the lower-cased bytes)
_BREAKS_KEPT = frozenset({"pre", "pre-wrap", "pre-line", "break-spaces"})
_BREAKS_RUN = frozenset({"normal", "nowrap", "initial"})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "colgroup", "col"})


def _white_space(style: str) -> bool | None:
    """Whether a style's declarations keep the line breaks of the text (see _BREAKS_KEPT), None when they set no
    white-space (or inherit it)."""
    values = _WHITE_SPACE_RE.findall(style)
    last = values[-1].lower() if values else ""
    return True if last in _BREAKS_KEPT else False if last in _BREAKS_RUN else None


def _kept_line_breaks(root) -> None:
    """Put a ``<br>`` for each line break of the text an element's white-space (its style's, a sheet's rule's, a
    ``<textarea>``'s own) keeps, as a browser shows it (see _WHITE_SPACE_RE); a ``<pre>`` is left to _html_lines."""
    import lxml.etree

    rules = _sheet_rules(root, lambda declarations: (_white_space(declarations) if "white-space" in
                                                      declarations.lower() else None))
    texts: list = []  # (element, whether its text's breaks are kept, whether its tail's are)
    kept = [False]  # the setting of each open element, the page's (normal) first
    parents = [""]  # the tag of each open element
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            kept.pop()
            parents.pop()
            continue
        tag = _tag_name(el.tag) if isinstance(el.tag, str) else ""
        if tag in _DROP_TAGS or tag == "pre" or not tag:
            walker.skip_subtree()  # (its end event comes next, and pops this)
            texts.append((el, False, kept[-1] and parents[-1] not in _TABLE_PARTS))
            kept.append(False)
            parents.append(tag)
            continue
        own = _white_space(el.get("style") or "")
        if own is None and rules:
            for _, _, compounds, value in rules:
                if value is not None and _css_matches(el, compounds):
                    own = value
        if own is None and tag == "textarea":
            own = True
        kept.append(kept[-1] if own is None else own)
        # (white space between a table's rows or cells is no text a browser shows, whatever its white-space: a table
        # part's text and its children's tails keep no break)
        texts.append((el, kept[-1] and tag not in _TABLE_PARTS, kept[-2] and parents[-1] not in _TABLE_PARTS))
        parents.append(tag)
    for el, inside, outside in texts:
        if inside and el.text and "\n" in el.text:
            lines = el.text.split("\n")
            el.text = lines[0]
            for i, line in enumerate(lines[1:]):
                el.insert(i, lxml.etree.Element("br"))
                el[i].tail = line
        if outside and el.tail and "\n" in el.tail and el.getparent() is not None:
            lines = el.tail.split("\n")
            el.tail = lines[0]
            at = el.getparent().index(el) + 1
            for i, line in enumerate(lines[1:]):
                br = lxml.etree.Element("br")
                br.tail = line
                el.getparent().insert(at + i, br)


def _shadow_roots(root) -> None:
    """Put in place of each declarative shadow root (``<template shadowrootmode="open">``, or Chrome's first
    ``shadowroot``, in the element it is the shadow of) what a browser shows of its host: the shadow root's content,
    its ``<slot>`` elements filled with the host's children (those named by a ``slot`` attribute, the rest and the
    host's text in the slot without a name; a slot nothing fills shows its own content), the host's children that no
    slot takes not shown.  A template's content is never read: a page (a web component's) so written lost its text.
    """
    hosts: set = set()
    for template in list(root.iter("template")):
        host = template.getparent()
        mode = (template.get("shadowrootmode") or template.get("shadowroot") or "").strip().lower()
        if mode not in ("open", "closed") or host is None or host in hosts or any(
                _tag_name(a.tag) in _DROP_TAGS for a in template.iterancestors()):
            continue
        hosts.add(host)
        named: dict = {}  # the host's children by the name of the slot they ask for
        rest: list = [host.text, template.tail]  # the rest: text and elements, in order, for the slot without a name
        host.text = template.tail = None
        for child in list(host):
            if child is template:
                continue
            tail, child.tail = child.tail, None
            host.remove(child)
            name = child.get("slot") if isinstance(child.tag, str) else None
            (named.setdefault(name, []) if name else rest).append(child)
            rest.append(tail)
        for slot in list(template.iter("slot")):
            items = named.pop(slot.get("name"), []) if slot.get("name") else rest
            if not any(item is not None and (not isinstance(item, str) or item.strip()) for item in items):
                continue  # (nothing fills it: its own content is shown)
            slot.text = None
            for child in list(slot):
                slot.remove(child)
            for item in items:
                if isinstance(item, str):
                    last = slot[-1] if len(slot) else None
                    if last is None:
                        slot.text = (slot.text or "") + item
                    else:
                        last.tail = (last.tail or "") + item
                elif item is not None:
                    slot.append(item)
            if items is rest:
                rest = []
        template.attrib.clear()
        template.tag = "div"


#: A style attribute holding a CSS comment (Word's pages hold many in their sheet, few in an element's style).
_COMMENTED_STYLE_BYTES = re.compile(rb"""(?i)\bstyle\s*=\s*(?:"[^"]*/\*|'[^']*/\*)""")


def _uncomment_styles(root) -> None:
    """Drop the CSS comments of the style attributes (``style="/* display:none; */ color:red"``, a declaration an editor
    commented out), which a browser ignores: the passes reading a style took the commented declaration for one (the
    text read as hidden, and lost)."""
    for el in root.xpath("//*[@style]"):
        style = el.get("style")
        if "/*" in style:
            el.set("style", _CSS_COMMENT_RE.sub(" ", style))


def _frames_fallback_lines(root, parser) -> list:
    """The lines of the ``<noframes>`` fallback of a page of frames that shows no text of its own (a saved frameset
    page: the report in its fallback), its markup read as a page; [] where it has none."""
    import lxml.etree

    markup = "".join(el.text or "" for el in root.iter("noframes"))
    if not markup.strip():
        return []
    encoded = markup.encode("utf-8")
    try:
        fallback = lxml.etree.fromstring(encoded, parser)
    except lxml.etree.XMLSyntaxError:
        return []
    if fallback is None:
        return []
    _as_shown(fallback, encoded)  # (the fallback is a page: its hidden text, footnote marks … as the page's)
    return _html_lines(fallback)


def _page_title(root) -> str | None:
    """The text of the page's ``<title>`` (in its head, where the parser puts it), white space collapsed, or None."""
    title = root.find("head/title")
    text = " ".join("".join(title.itertext()).split()) if title is not None else ""
    return text or None


# A footnote mark set as a superscript: '120<sup>1</sup>' would read as 1201; also in brackets or after 注
# ('120<sup>[1]</sup>', '<sup>(1)</sup>', '<sup>注1</sup>', '<sup>※</sup>'), which made the value no number, and two
# or more marks in one ('<sup>1,2</sup>', '<sup>[1,2]</sup>', '<sup>1、2</sup>'; a part after the first of one or two
# characters: '1,000' is no list of marks), a range of marks among them ('<sup>1-3</sup>', '<sup>[1~3]</sup>', '1,3-5';
# raised only: '1-3' in a cell's own text is never read as marks).
_MARKS = r"[\d*†‡#a-z①-⑳※]{1,3}(?:[,，、\-–~～][\d*†‡#a-z①-⑳※]{1,2}){0,4}"
_FOOTNOTE_MARK = re.compile(rf"\s*(?:[\[(（【]注?{_MARKS}[\])）】]|注?{_MARKS}[)）]?|注)\s*")


# Text set raised or low by its style, not by <sup> or <sub>: an editor's '<span style="vertical-align:super">1</span>'
# and Word's footnote and endnote references (class MsoFootnoteReference, which Word's sheet raises).
_VERTICAL_ALIGN_RE = re.compile(r"(?<![\w-])vertical-align\s*:\s*([\w-]+)", re.IGNORECASE)
_WORD_NOTE_REFERENCES = frozenset({"MsoFootnoteReference", "MsoEndnoteReference"})
_INLINE_MARK_TAGS = frozenset({"span", "font", "a", "small", "b", "i", "em", "strong"})


def _raised_by_style(root, how: str) -> bool:
    """Make ``<sup>`` (``how='sup'``) or ``<sub>`` (``'sub'``) of the elements of the page set so by their style
    (the last ``vertical-align`` of their style attribute; Word's note references raised), so that the footnote
    mark passes read them as marks ('88<span style="vertical-align:super">1</span>' read 881); whether any was."""
    found = False
    for el in root.xpath("//*[@style or @class]"):
        if el.tag not in _INLINE_MARK_TAGS:
            continue  # (a cell or block set so is no mark)
        aligns = _VERTICAL_ALIGN_RE.findall(el.get("style") or "")
        if (aligns[-1].lower() == ("super" if how == "sup" else how) if aligns else
                how == "sup" and not _WORD_NOTE_REFERENCES.isdisjoint((el.get("class") or "").split())):
            el.tag = how
            found = True
    return found


def _drop_footnote_marks(root) -> None:
    """Remove the superscript footnote marks of an HTML page, keeping the text after them.

    Digits set raised alone in a table cell (``<td><sup>88</sup></td>``) are its value: a footnote mark stands
    after what it marks.  A mark is read with what it holds: a link to its note (``<sup><a href="#fn1">1</a></sup>``,
    read 881 after 88 when only a mark without children was one).
    """
    for sup in list(root.iter("sup")):
        mark = "".join(sup.itertext()) if len(sup) else sup.text or ""
        if _FOOTNOTE_MARK.fullmatch(mark):
            cell = next(sup.iterancestors("td", "th"), None)
            if cell is None or "".join(cell.itertext()).strip() != mark.strip():
                _remove_keeping_tail(sup)


def _drop_subscript_marks(root) -> None:
    """Remove the footnote marks set low right after a table cell's number (``88<sub>1</sub>`` read 881,
    ``74<sub>[2]</sub>`` no number), as _drop_footnote_marks removes raised ones.

    Only after a digit in a cell: a subscript after a letter is a formula's (``CO<sub>2</sub>``), and one alone in
    its cell is its value.
    """
    for sub in list(root.iter("sub")):
        if not _FOOTNOTE_MARK.fullmatch("".join(sub.itertext()) if len(sub) else sub.text or ""):
            continue  # (a mark read with what it holds: '<sub><a href="#n1">1</a></sub>', as a raised one)
        prev = sub.getprevious()
        before = (prev.tail or "".join(prev.itertext())) if prev is not None else sub.getparent().text
        if before and before.rstrip()[-1:].isdigit() and next(sub.iterancestors("td", "th"), None) is not None:
            _remove_keeping_tail(sub)


# The dashes a number format shows for a zero (Excel's accounting format: '-', padded with spaces).
_ZERO_DASHES = frozenset(mark for mark in NA_MARKS if not mark.strip("-—"))


def _excel_zero_dashes(root) -> None:
    """Write as ``0`` the cells of Excel's "save as web page" that show a zero as a dash.

    Excel keeps a number cell's value in ``x:num`` ('<td x:num="0"> - </td>'): the dash is only its display
    format (accounting), and the value is the report's, 0; a dash without it stays a not-applicable mark.
    """
    for cell in root.iter("td"):
        value = cell.get("x:num")
        if value and "".join("".join(cell.itertext()).split()) in _ZERO_DASHES:
            try:
                if float(value) != 0:
                    continue
            except ValueError:
                continue
            for child in list(cell):
                cell.remove(child)
            cell.text = "0"


_ROW_GROUP_ORDER = ("thead", "tbody", "tr", "tfoot")  # (a table's rows and row groups)


def _row_groups_where_shown(root, tag: str) -> None:
    """Move each table's first ``<thead>`` (``tag='thead'``) before its rows, or its first ``<tfoot>``
    (``'tfoot'``) after them, where a browser shows it.

    A generator that writes the header after the body (``<tbody>…</tbody><thead>…</thead>``, thead last or after a
    tfoot) had the header rows read after the values, under which no column key stood; HTML 4 wrote the footer
    before the body (``<thead>``, ``<tfoot>``, ``<tbody>``): read in the page's order, its row (a total, a note) came
    before the table's header rows and its values were lost or put under other keys.  A second header or footer is
    a row group where it stands, as a browser shows it.
    """
    for group in list(root.iter(tag)):
        table = group.getparent()
        if table is None or table.tag != "table" or table.find(tag) is not group:
            continue
        if tag == "thead":
            first = next((sibling for sibling in table if sibling.tag in _ROW_GROUP_ORDER), None)
            if first is None or first is group:
                continue
        elif not any(sibling.tag in ("tbody", "tr") for sibling in group.itersiblings()):
            continue
        _remove_keeping_tail(group)
        group.tail = None
        if tag == "thead":
            first.addprevious(group)
        else:
            table.append(group)


#: The types of ``<input>`` that show their value as text in a box (no type is text); a button's label, a check box
#: or a hidden field's value is no text of the report.
_TEXT_INPUTS = frozenset({"", "text", "number", "tel", "email", "url", "search", "date", "month"})


def _input_values(root) -> None:
    """Write the value of each text box in a table cell (``<td><input value="88" readonly></td>``: a form system's
    page shows a table's counts so) as its text, which a browser shows and the page's text lacks: the cell was read
    blank.  Only in a cell: elsewhere a box is the site's (a search box's hint, '请输入关键字'), not the report's."""
    for el in root.iter("input"):
        value = el.get("value")
        if value and (el.get("type") or "").strip().lower() in _TEXT_INPUTS \
                and next(el.iterancestors("td", "th"), None) is not None:
            el.text = value


#: The alt text of an image that shows a value's digits (one or more of them, a sign, a decimal point, a separator or a
#: per cent sign): see _image_values.
_DIGITS_ALT = re.compile(r"[-+]?[\d,.%]+")


def _image_values(root) -> None:
    """Write the alt text of each image of digits in a table cell (``<td><img src="8.gif" alt="8"><img src="8.gif"
    alt="8"></td>``: some CMS show a table's counts so) as its text: a reader of the page sees the value, the cell was
    read blank.  Only a number's alt text, and only in a cell: another picture (an icon, a QR code, a logo) shows no
    text of the report."""
    for el in root.iter("img"):
        alt = (el.get("alt") or "").strip()
        if alt and _DIGITS_ALT.fullmatch(alt) and next(el.iterancestors("td", "th"), None) is not None:
            el.text = alt


def _drop_deleted(root) -> None:
    """Remove the text marked deleted (``<del>``: Word's tracked deletions saved as a web page, shown struck through
    before the text that replaced it), as the DOCX reader leaves out Word's tracked deletions."""
    for deleted in list(root.iter("del")):
        _remove_keeping_tail(deleted)


# Text struck through: <s>, <strike> (Word's strikethrough saved as a web page) or an editor's
# '<span style="text-decoration: line-through">' (UEditor's, TinyMCE's strikethrough button)
_STRUCK_TAGS = frozenset({"s", "strike"})
_TEXT_DECORATION_RE = re.compile(r"(?<![\w-])text-decoration(?:-line)?\s*:\s*([^;]*)", re.IGNORECASE)


def _drop_struck(root) -> None:
    """Remove the text struck through (an old value left beside the one that corrected it, '<s>12</s>13': read
    1213), as ``<del>`` is removed, keeping the text after it; a table cell all of whose text is struck through
    keeps it, its value (losing a value would be worse than reading one struck out)."""
    struck = set()
    for el in root.xpath("//s | //strike | //*[@style]"):
        if _tag_name(el.tag) not in _STRUCK_TAGS:
            decorations = _TEXT_DECORATION_RE.findall(el.get("style") or "")
            if not decorations or "line-through" not in decorations[-1].lower() or el.tag in _CELL_TAGS:
                continue
        struck.add(el)
    kept: dict = {}  # cell -> whether it keeps its struck text (it has no other)
    for el in [el for el in struck if not any(a in struck for a in el.iterancestors())]:
        cell = next(el.iterancestors("td", "th"), None)
        if cell is not None and kept.setdefault(cell, not _unstruck_text(cell, struck).strip()):
            continue
        _remove_keeping_tail(el)


def _unstruck_text(el, struck: set) -> str:
    """The text of ``el`` outside the elements ``struck``."""
    if el in struck:
        return ""
    return (el.text or "") + "".join(_unstruck_text(child, struck) + (child.tail or "") for child in el)


#: The start tags of the elements _drop_unshown_controls reads (as the page's bytes write them: lxml lowers them).
_UNSHOWN_CONTROL_TAGS = (b"<details", b"<DETAILS", b"<Details", b"<select", b"<SELECT", b"<Select",
                         b"<dialog", b"<DIALOG", b"<Dialog", b" popover")


def _small_and_tableless(el, rest: list) -> bool:
    """Whether the text of ``el`` but its children other than ``rest`` is at most _LAYOUT_CELL_CHARS long and none of
    ``rest`` is or holds a table (what _drop_hidden drops: a report a script shows is read, losing it would be worse
    than reading a hidden word)."""
    size = len(el.text or "") + sum(len(t) for child in rest for t in child.itertext()) + sum(
        len(child.tail or "") for child in el)
    return size <= _LAYOUT_CELL_CHARS and not any(child.tag == "table" or child.find(".//table") is not None
                                                  for child in rest)


def _drop_unshown_controls(root) -> None:
    """Remove what a browser does not show of a closed ``<details>`` (all but its first ``<summary>``, when small:
    see _drop_hidden), of a closed ``<dialog>`` or a ``popover`` (all of it, when small) and of a drop-down
    ``<select>`` (its options but the one shown: the last selected, else the first not disabled; a list box,
    ``multiple`` or ``size`` over 1, shows them all)."""
    # A <dialog> without ``open``, or an element with a ``popover`` attribute, is not shown until a script opens it
    # (a login box, a '分享到' pop-up): its words were read into the page between the report's paragraphs.
    for dialog in list(root.xpath("//dialog[not(@open)] | //*[@popover]")):
        if _small_and_tableless(dialog, list(dialog)):
            _remove_keeping_tail(dialog)
    for details in list(root.iter("details")):
        if details.get("open") is not None or details.getparent() is None:
            continue
        summary = details.find("summary")
        rest = [child for child in details if child is not summary]
        if not _small_and_tableless(details, rest):
            continue
        details.text = None
        for child in rest:
            details.remove(child)  # (its tail with it: hidden too)
        if summary is not None:
            summary.tail = None
    for select in list(root.iter("select")):
        if select.get("multiple") is not None or (_html_integer(select.get("size")) or 1) > 1:
            continue
        options = list(select.iter("option"))
        # the last selected (a browser unselects all others of a drop-down), else the first not disabled (by itself
        # or its <optgroup>)
        shown = next((o for o in reversed(options) if o.get("selected") is not None), None)
        if shown is None:
            shown = next((o for o in options if o.get("disabled") is None and (
                o.getparent().tag != "optgroup" or o.getparent().get("disabled") is None)), None)
        for option in options:
            if option is not shown:
                option.getparent().remove(option)


def _remove_keeping_tail(el) -> None:
    """Remove ``el`` and what it holds from the tree; the text after it stays where it was."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


# What a browser does not show: Word's hidden text saved as a web page ('display:none;mso-hide:all'), a hidden
# cell or span. Only small elements that are or hold no table are dropped: a page may hide its whole article,
# or a table, in a container that a script shows, and losing the report would be worse than reading a hidden
# word.
_HIDDEN_STYLE_RE = re.compile(r"(?<![\w-])(display|visibility)\s*:\s*([\w-]+)", re.IGNORECASE)


def _hidden_style(style: str) -> str | None:
    """How a style attribute hides its element: ``'display'`` (the last display is none: nothing of it is
    shown), ``'visibility'`` (the last visibility is hidden: a child can be made visible again), else None
    (Word's mso-hide:all alone hides nothing in a browser)."""
    last: dict[str, str] = {}
    for prop, value in _HIDDEN_STYLE_RE.findall(style):
        last[prop.lower()] = value.lower()
    if last.get("display") == "none":
        return "display"
    return "visibility" if last.get("visibility") in ("hidden", "collapse") else None


def _visibility(el) -> bool | None:
    """The visibility an element's style sets (True visible, False hidden), None when it sets none."""
    last = None
    for prop, value in _HIDDEN_STYLE_RE.findall(el.get("style") or ""):
        if prop.lower() == "visibility":
            last = value.lower()
    return None if last is None else last == "visible"


def _blank_unshown(el, setting: Callable[..., bool | None] = _visibility, shown: bool = False) -> None:
    """Blank the text of ``el``'s subtree that is not shown, by an inherited ``setting`` of each element's style
    (:func:`_visibility`, :func:`_font_shown`: True shown, False not, None inherited; a child can set it back)."""
    own = setting(el)
    shown = shown if own is None else own
    if not shown:
        el.text = None
    for child in el:
        _blank_unshown(child, setting, shown)
        if not shown:
            child.tail = None


# Text set in a font of size 0 shows nothing (a keyword-stuffing or tracking span); a child set in a size again is
# shown (the inline-block gap trick, <ul style="font-size:0"><li style="font-size:14px">).  The bytes' pattern gates
# the walk; the style's last font-size decides.  Searched in bytes made lower case (ASCII's letters: the same matches
# as a case-insensitive search): a pattern opening on a literal is skipped to in C, where one ignoring case was tried
# at every byte of the page (~2 ms a page).
_ZERO_FONT_BYTES = re.compile(rb"font-size\s*:\s*(?:0+(?:\.0*)?|\.0+)(?![\d.])")
_FONT_SIZE_RE = re.compile(r"(?<![\w-])font-size\s*:\s*([^;!\"']*)", re.IGNORECASE)
_ZERO_SIZE = re.compile(r"(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?", re.IGNORECASE)


def _font_shown(el) -> bool | None:
    """Whether an element's style sets a font size that shows its text (False: size 0), None when it sets none."""
    return _font_shown_by(el.get("style") or "")


def _font_shown_by(style: str) -> bool | None:
    """Whether a style's declarations set a font size that shows text (False: size 0), None when they set none."""
    sizes = _FONT_SIZE_RE.findall(style)
    return None if not sizes else _ZERO_SIZE.fullmatch(sizes[-1].strip()) is None


def _blank_zero_font(root, setting: Callable[..., bool | None] = _font_shown) -> None:
    """Blank the text an HTML page sets in a font of size 0 (or that another inherited ``setting`` does not show:
    see _color_shown), in small elements that are or hold no table (see _drop_hidden: a page's whole article is read
    even so); a cell keeps its place in its row, blank."""
    for el in root.xpath("//*[@style]"):
        if setting(el) is not False or el.tag == "table" or el.find(".//table") is not None \
                or sum(map(len, el.itertext())) > _LAYOUT_CELL_CHARS:
            continue
        _blank_unshown(el, setting)


# Text in a transparent colour shows nothing (keyword stuffing, a placeholder a script fills): 'color:transparent',
# or a colour of alpha 0 ('rgba(0,0,0,0)'); a child given a colour again is shown, and one that inherits it not.  The
# bytes' pattern gates the walk (background-color and -webkit-text-fill-color, which hide no text, are not it).
_TRANSPARENT_BYTES = re.compile(rb"(?i)(?<![\w-])color\s*:\s*(?:transparent|(?:rgb|hsl)a?\((?:(?:[^,()]*,){3}|[^/()]*/)"
                                rb"\s*[0.]+%?\s*\))")
_COLOR_RE = re.compile(r"(?<![\w-])color\s*:\s*([^;!\"']*)", re.IGNORECASE)
_ZERO_ALPHA = re.compile(r"(?:rgb|hsl)a?\((?:(?:[^,()]*,){3}|[^/()]*/)\s*(?:0+(?:\.0*)?|\.0+)%?\s*\)")  # (4th value)
_INHERITED_COLORS = frozenset({"inherit", "unset", "currentcolor", "revert", "revert-layer"})


def _color_shown(el) -> bool | None:
    """Whether an element's style sets a colour that shows its text (False: transparent), None when it sets none."""
    return _color_shown_by(el.get("style") or "")


def _color_shown_by(style: str) -> bool | None:
    """Whether a style's declarations set a colour that shows text (False: transparent, or of alpha 0), None when
    they set none (or inherit it)."""
    colors = _COLOR_RE.findall(style)
    last = colors[-1].strip().lower() if colors else ""
    if not last or last in _INHERITED_COLORS:
        return None
    return last != "transparent" and not _ZERO_ALPHA.fullmatch(last)


def _may_hide(low: bytes) -> bool:
    """Whether a page (its UTF-8 bytes in lower case) can hide anything at all: most cannot, and five searches of
    its bytes cost less than looking at the style of every element."""
    return b"display" in low or b"hidden" in low or b"visibility" in low or b"opacity" in low or b"clip" in low


# Text a style attribute shows nothing of though its box stays: fully transparent ('opacity:0', a button a script
# fades in) or clipped to nothing (a zero height or width with its overflow hidden: a collapsed panel, an
# SEO keyword block).  Padding gives a box of zero height its size back (the 'height:0;padding-bottom:56%' trick of
# a video's frame): not clipped then.
_CLIP_RE = re.compile(r"(?<![\w-])(opacity|(?:max-)?(?:height|width)|overflow(?:-[xy])?|padding[\w-]*|content-visibility|"
                      r"clip|position)\s*:\s*"
                      r"([^;!\"']*)", re.IGNORECASE)


#: The displays whose box a height or width sizes: an inline element's (a span's) is sized by its text, and a table
#: cell's or row's height is a least one (its text is shown whole in either).
_SIZED_DISPLAYS = frozenset({"block", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "flow-root",
                             "list-item"})


def _clipped_style(style: str, tag: str) -> bool:
    """Whether a style attribute shows nothing of its element's (of tag ``tag``) text though it keeps its box: the
    last opacity is 0, it is positioned out of the flow and clipped to a rectangle of no area (see _empty_clip), or
    the element is a block (by its tag or its style's display) whose content-visibility is hidden, or whose last height
    or width (or max-) is 0 with the overflow hidden and no padding."""
    last: dict[str, str] = {}
    for prop, value in _CLIP_RE.findall(style):
        last[prop.lower()] = value.strip()
    if _ZERO_SIZE.fullmatch(last.get("opacity", "")):
        return True
    if last.get("position", "").lower() in ("absolute", "fixed") and _empty_clip(last.get("clip", "")):
        return True  # (a screen reader's text: Bootstrap's .sr-only, .visually-hidden: 'clip: rect(0, 0, 0, 0)')
    displays = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(style) if prop.lower() == "display"]
    if not (displays[-1] in _SIZED_DISPLAYS if displays else tag in _BLOCK_TAGS and tag not in ("caption", "html")):
        return False
    if last.get("content-visibility", "").lower() == "hidden":  # (its content skipped, its box kept: a block's, as
        return True  # its size containment asks; an inline element's or a cell's content is shown)
    if any(prop.startswith("padding") and not all(map(_ZERO_SIZE.fullmatch, value.split()))
           for prop, value in last.items()):
        return False
    return any(last.get(prop, "").lower() in ("hidden", "clip") for prop in ("overflow", "overflow-x", "overflow-y")) \
        and any(_ZERO_SIZE.fullmatch(last.get(prop, "")) for prop in ("height", "max-height", "width", "max-width"))


_CLIP_RECT_RE = re.compile(r"rect\(\s*([^,\s)]+)[\s,]+([^,\s)]+)[\s,]+([^,\s)]+)[\s,]+([^,\s)]+)\s*\)", re.IGNORECASE)
_CLIP_LENGTH_RE = re.compile(r"(-?[\d.]+)(?:px)?", re.IGNORECASE)


def _empty_clip(clip: str) -> bool:
    """Whether a ``clip`` value is a rectangle of no area ('rect(0, 0, 0, 0)', 'rect(1px 1px 1px 1px)': its top at
    or under its bottom, or its left at or right of its right; an 'auto' edge is the box's, not read)."""
    found = _CLIP_RECT_RE.search(clip)
    if found is None:
        return False
    edges = [_CLIP_LENGTH_RE.fullmatch(edge) for edge in found.groups()]
    if any(edge is None for edge in edges):
        return False
    try:
        top, right, bottom, left = (float(edge.group(1)) for edge in edges)  # type: ignore[union-attr]  # all found
    except ValueError:
        return False
    return bottom <= top or right <= left


#: A cell with more text than this in two or more paragraphs holds a page, not a value or label; a hidden
#: element with more is not dropped.
_LAYOUT_CELL_CHARS = 200


def _drop_hidden(root) -> None:
    """Remove the small hidden elements of an HTML page (see ``_hidden_style``), keeping the text after them, and
    the hidden tables of a page that shows another table (see ``_drop_hidden_tables``)."""
    tabled = []
    for el in root.xpath("//*[@hidden or @style]"):
        style = el.get("style") or ""
        how = _hidden_style(style)
        if el.get("hidden") is not None and how != "display" and not any(
                prop.lower() == "display" for prop, _ in _HIDDEN_STYLE_RE.findall(style)):
            how = "hidden"  # (a display its style sets, or a sheet's rule: see _sheet_hidden, shows it)
        if how is None:
            low = style.lower()
            if ("opacity" not in low and "overflow" not in low and "content-visibility" not in low
                    and "clip" not in low) or \
                    not _clipped_style(style, _tag_name(el.tag)):
                continue
            how = "clipped"
        if el.tag == "table" or el.find(".//table") is not None:
            if _text_outside_tables(el) <= _LAYOUT_CELL_CHARS and not (
                how == "visibility" and any(_visibility(d) for d in el.iterdescendants())
            ):
                tabled.append(el)
            continue
        if sum(map(len, el.itertext())) > _LAYOUT_CELL_CHARS:
            continue
        if how == "visibility" and (
            any(_visibility(d) for d in el.iterdescendants()) or _tag_name(el.tag) in _CELL_TAGS
        ):
            # a child made visible again is shown, the rest not; and an invisible cell keeps its place in its row,
            # blank (removed, the cells after it stood one column left, under another column's key)
            _blank_unshown(el)
            continue
        if how == "clipped" and _tag_name(el.tag) in _CELL_TAGS:
            _blank_unshown(el, lambda _: False)  # (its box stays: blank in its row, as an invisible cell)
            continue
        _remove_keeping_tail(el)
    if tabled:
        _drop_hidden_tables(root, tabled)


#: Elements of text the reader runs on in their line (no block of _BLOCK_TAGS), and the displays that make one a
#: block, which a browser shows on lines of its own (an inline-block stays in its line).
_INLINE_TAGS = frozenset({"span", "font", "a", "small", "big", "b", "i", "u", "em", "strong", "label", "code", "nobr",
                          "abbr", "cite", "q", "mark", "ins", "time", "tt", "var", "samp", "kbd", "dfn", "bdi", "bdo"})
_BLOCK_DISPLAYS = frozenset({"block", "flex", "grid", "list-item", "table", "flow-root"})
_BLOCK_DISPLAY_BYTES = re.compile(  # the same displays, sought in a lower-cased tag's bytes
    rb"display\s*:\s*(?:" + "|".join(sorted(_BLOCK_DISPLAYS)).encode() + rb")(?![\w-])")


def _display_blocks(root) -> None:
    """Make blocks (``<div>``) of the inline elements whose style's last display is a block's (``<span
    style="display:block">``, a CMS's way of writing lines): a browser shows each on lines of its own, they were read
    run into one line with the text around them ('第一行第二行', a heading glued to its paragraph)."""
    for el in root.xpath("//*[@style]"):
        if _tag_name(el.tag) not in _INLINE_TAGS or "display" not in (style := el.get("style")).lower():
            continue
        # (a 'revert' is a rule's read widened, showing what another hides: see _sheet_hidden; it says nothing of the
        # box, which the rules read whole make: '.line { display: block }' and 'td .line:first-child { display:
        # block }' left the lines inline, run together)
        displays = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(style)
                    if prop.lower() == "display" and value.lower() != "revert"]
        if displays and displays[-1] in _BLOCK_DISPLAYS:
            el.tag = "div"


def _text_outside_tables(el) -> int:
    """How many characters of ``el``'s text stand outside the tables in it (``el`` itself a table: none)."""
    count = 0 if el.tag == "table" else len(el.text or "")
    for child in el:
        if child.tag != "table" and el.tag != "table":
            count += _text_outside_tables(child)
        count += len(child.tail or "") if el.tag != "table" else 0
    return count


def _drop_hidden_tables(root, tabled: list) -> None:
    """Remove the hidden elements ``tabled`` (tables, or small wrappers of tables: see _drop_hidden) when the page
    shows a data table (one holding no table) outside them: a hidden copy of a table (an old version left in the
    page, a closed tab) read beside the shown one counted each value twice.  A page whose only tables are hidden
    keeps them (a report a script shows: losing it would be worse than reading a hidden table)."""
    hidden = {t for el in tabled for t in el.iter("table")}  # (the elements, kept alive: an id can be reused)
    if not any(t not in hidden and t.find(".//table") is None for t in root.iter("table")):
        return
    for el in tabled:
        _remove_keeping_tail(el)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )


def _collapse(text: str) -> str:
    """Collapse HTML white space; a source line break between CJK characters vanishes."""
    if "\n" not in text and "\r" not in text:
        return _WS_RE.sub(" ", text)  # no line break: every run is one space

    def repl(m: re.Match) -> str:
        run = m.group()
        if _BR in run:
            return " "
        if "\n" in run or "\r" in run:
            start, end = m.start(), m.end()
            if 0 < start and end < len(text) and _is_cjk(text[start - 1]) and _is_cjk(text[end]):
                return ""
        return " "

    return _WS_RE.sub(repl, text)


_UNCLEAN_RE = re.compile(r"[\s\x00\u200b\ufeff]")  # what _clean removes or collapses
_EDGE_SPACE = " \t\n\r\f" + _BR  # what _WS_RE collapses: a run of it at either end of a text is stripped anyway


def _clean(pieces: list) -> str:
    """The text of ``pieces`` as a browser shows it: white space collapsed (see _collapse) and stripped."""
    return _clean_text("".join(pieces))


def _is_clean(text: str) -> bool:
    """Whether ``text`` is its own cleaning: it holds nothing _clean removes or collapses but single spaces
    between its characters, which cleaning keeps as they are.

    Every character of _UNCLEAN_RE but the space is one str.isprintable refuses (a control, format or separator
    character): a printable text is clean unless it holds two spaces in a row or starts or ends with one, told
    by C scans cheaper than a search (which a wrapped label, '商业 企业', would otherwise take twice).
    _clean_text makes the same test inline (a call a cell saved): change both together.
    """
    if text.isprintable():
        return " " not in text or ("  " not in text and text[0] != " " and text[-1] != " ")
    return not _UNCLEAN_RE.search(text)


def _clean_text(text: str) -> str:
    """_clean of a single piece (a cell holding text only), without building a list to join."""
    if text.isprintable():  # (_is_clean's test, inline)
        if " " not in text or ("  " not in text and text[0] != " " and text[-1] != " "):
            return text  # most cells ("217", "申请人情况", "商业 企业"): nothing to collapse or strip
    elif not _UNCLEAN_RE.search(text):
        return text
    if text.isspace():
        return ""  # a blank cell ('&nbsp;'): cleaning strips it all
    inner = text.strip(_EDGE_SPACE)
    if _is_clean(inner):
        # a word processor's cell ("\x00217\x00", from <p>): nothing inside to collapse, and what the full
        # cleaning would strip is exactly these runs at the ends
        return inner
    return _collapse(text).strip().strip("\u200b\ufeff").strip()


_TAG_NAMES: dict = {}  # lxml tag -> bare lower-case name; the same few dozen tags recur on every page


def _tag_name(tag: str) -> str:
    name = _TAG_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1].lower()
        if len(_TAG_NAMES) < 4096:  # a page of made-up tags must not grow it without end
            _TAG_NAMES[tag] = name
    return name


_ROW_GROUPS = {"tbody", "thead", "tfoot"}
_COLUMN_TAGS = {"col", "colgroup"}


def _holds_page(nested_table: bool, paragraphs: int, chars: int) -> bool:
    """The rule for a table cell that holds page content (HTML and DOCX alike): paragraphs beside a nested
    table, or several paragraphs of more than ``_LAYOUT_CELL_CHARS`` characters."""
    return paragraphs >= 1 if nested_table else (paragraphs >= 2 and chars > _LAYOUT_CELL_CHARS)
_BOUNDARY_TAGS = _BLOCK_TAGS | _CELL_TAGS | {"br", "tr"}  # a forced space inside a cell
_MAX_CELL_DEPTH = 32  # deeper markup inside a cell goes down the general walk
# What an element inside a cell is to _cell_pieces: inline markup, a boundary (forced space around it),
# dropped (its tail kept), or a table (the cell is walked instead); in this order (above _EDGE: no text of the cell).
_INLINE, _EDGE, _DROPPED, _TABLE = 0, 1, 2, 3
_CELL_KINDS: dict = {}  # lxml tag -> kind; bounded as _TAG_NAMES


def _cell_kind(tag: str) -> int:
    """What an element with this lxml tag is inside a cell (_INLINE, _EDGE, _DROPPED or _TABLE)."""
    kind = _CELL_KINDS.get(tag)
    if kind is None:
        name = _tag_name(tag)
        kind = (_TABLE if name == "table" else _DROPPED if name in _DROP_TAGS
                else _EDGE if name in _BOUNDARY_TAGS else _INLINE)
        if len(_CELL_KINDS) < 4096:
            _CELL_KINDS[tag] = kind
    return kind


def _cell_pieces(el, out: list, depth: int = 0) -> bool:
    """Append the text pieces of ``el``'s children as the general walk would; False where it must walk instead.

    Handles what word processors put in a cell (paragraphs, spans, fonts, line breaks): every
    block, cell or break element adds a forced space before and after its content.
    """
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            kind = _CELL_KINDS.get(tag)  # (_cell_kind's own look-up, without a call an element)
            if kind is None:
                kind = _cell_kind(tag)
            if kind == _TABLE or depth >= _MAX_CELL_DEPTH:
                return False
            if kind != _DROPPED:
                if kind == _EDGE:
                    out.append(_BR)
                text = child.text  # (each read of .text or .tail builds a new string)
                if text:
                    out.append(text)
                if len(child) and not _cell_pieces(child, out, depth + 1):
                    return False
                if kind == _EDGE:
                    out.append(_BR)
        tail = child.tail
        if tail:
            out.append(tail)
    return True


def _cell_text(cell) -> str | None:
    """The cleaned text of a cell taken whole, or None if it holds a table (or is too deep)."""
    text = cell.text
    if not len(cell):  # most cells: text only
        return _clean_text(text) if text else ""
    return _markup_text(cell, text)


def _markup_text(cell, text: str | None) -> str | None:
    """_cell_text of a cell holding elements, whose own text (before them) is ``text``."""
    if not text:
        inner = _chain_text(cell)
        if inner is not None:
            return inner
    pieces = [text] if text else []
    return _clean(pieces) if _cell_pieces(cell, pieces) else None


def _chain_text(cell) -> str | None:
    """The cleaned text of a cell that holds one element holding one element … holding text only (a word
    processor's ``<td><p><span>217</span></p></td>``), else None (the cell is taken piece by piece).

    Nothing but the innermost text stands in such a chain, so _cell_pieces would put its forced spaces only
    before and after that text, where cleaning strips them: the text cleaned alone is the cell's.
    """
    el = cell
    for _ in range(_MAX_CELL_DEPTH):  # (deeper: _cell_pieces gives up, as it does)
        if len(el) != 1:
            return None
        child = el[0]
        if child.tail:
            return None
        tag = child.tag
        kind = _CELL_KINDS.get(tag)
        if kind is None:
            if not isinstance(tag, str):
                return None  # a comment or processing instruction (never in _CELL_KINDS)
            kind = _cell_kind(tag)
        if kind > _EDGE:  # dropped, or a table
            return None
        text = child.text
        if not len(child):
            return _clean_text(text) if text else ""
        if text:
            return None
        el = child
    return None


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


_ROWSPAN = operator.methodcaller("get", "rowspan")  # a cell's rowspan attribute (None where not given)
_TAG = operator.attrgetter("tag")
_TAIL = operator.attrgetter("tail")


def _plain_table_rows(table) -> list | None:
    """The rows of a table that holds nothing but rows of text-only cells, else None.

    Such a table (the usual table of these reports, its cells plain or with a word
    processor's paragraphs and spans) gives what the general walk would (one list of
    cleaned cell texts per non-empty row, no other line) at a fraction of its cost.  A
    nested table, stray cell or text outside the cells sends it down the general walk.
    """
    if not _blank(table.text):
        return None
    rows: list = []
    grid: list = []  # every row's texts and cells, for the cells merged down (see _with_covered_values)
    merged = False
    for child in table:
        tag = child.tag
        if tag in _ROW_GROUPS:
            if not (_blank(child.text) and _blank(child.tail)):
                return None
            trs = child
        elif tag == "tr":
            trs = (child,)
        elif tag in _COLUMN_TAGS and _blank(child.tail) and not any(not _blank(t) for t in child.itertext()):
            continue  # the columns' widths (Word's and Excel's pages): no text
        else:
            return None
        for tr in trs:
            if tr.tag != "tr" or not (_blank(tr.text) and _blank(tr.tail)):
                return None
            # Only cells, with blank tails: told a row in C passes (map over the row), not by a test a cell; over a
            # list of the row's cells, whose Python proxies then lxml makes once, not once a pass
            row = list(tr)
            if not _CELL_TAGS.issuperset(map(_TAG, row)):
                return None
            tails = "".join(filter(None, map(_TAIL, row)))
            if tails and not tails.isspace():
                return None
            cells = []
            for cell in row:
                text = cell.text
                if not len(cell):  # most cells: text only, taken here (and no layout cell: it has no paragraphs)
                    cells.append(_clean_text(text) if text else "")
                    continue
                text = _markup_text(cell, text)
                if text is None or (len(text) > _LAYOUT_CELL_CHARS and _is_layout_cell(cell, text)):
                    return None
                cells.append(text)
            # A rowspan given in the row, in one C pass: an empty one (rowspan="") spans one row, so leaving it out
            # changes nothing (_with_covered_values gives the rows as they are where no cell spans two)
            merged = merged or any(map(_ROWSPAN, row))
            grid.append((cells, tr))
            if cells:
                rows.append(cells)
    return _with_covered_values(grid) if merged else rows


def _span(value: str | None) -> int:
    """A cell's rowspan or colspan as a browser takes it (1 where missing or not a positive number).

    Read by HTML's rules, not ``int``: ``rowspan="2.0"`` spans two rows (``int`` refused it, the span was read as
    1 and every value after it in the rows below one column left), ``'２'`` is no span and ``'2_0'`` spans two
    (``int`` read 2 and 20).
    """
    number = _html_integer(value)  # (a negative one, '-2', is no span either: HTML reads spans unsigned)
    return 1 if number is None else min(max(number, 1), 1000)


#: What ``rowspan="0"`` spans: the rest of its row group (HTML's rule), which ends the merge (_with_covered_values).
_ROWS_TO_GROUP_END = 65534


def _rowspan(value: str | None) -> int:
    """A cell's rowspan as a browser takes it (see _span): ``'0'`` spans the rest of its row group (thead, tbody)."""
    if value is not None and _html_integer(value) == 0:
        return _ROWS_TO_GROUP_END
    return _span(value)


def _with_covered_values(grid: list) -> list:
    """The rows of a table (``grid``: each row's cell texts and ``<tr>``), a blank cell put in the place of each
    value cell a cell merged down over it covers (``rowspan``; see _covered_row)."""
    merged: dict = {}  # first column of a cell merged down -> [rows it still covers, its columns, its note]
    rows: list = []
    group = None
    for texts, tr in grid:
        if tr.getparent() is not group:  # (a merge ends with its row group, thead or tbody, as a browser ends it)
            group = tr.getparent()
            merged.clear()
        row = _covered_row(merged, texts, tr)
        if row:
            rows.append(row)
    return rows


def _covered_row(merged: dict, texts: list, cells) -> list:
    """A row's cell ``texts``, a blank cell put in the place of each value cell a cell merged down over it covers
    (``rowspan``; see _value_text), but before the row's first cell; ``cells``: the ``<td>`` of each text (its
    spans shared among the cells of a table nested in it: see _shared_spans), ``merged`` the merges still open above
    it (see _with_covered_values), brought to the next row. A text None is a layout cell's (see _is_layout_cell): no
    cell of the row, but its columns counted."""
    row: list = []
    column = 0
    for text, cell in zip(texts, cells):
        column = _past_covered(merged, column, row)
        if text is not None:  # (None: a layout cell, read as lines after the row, but a column of it)
            row.append(text)
        down, across = _rowspan(cell.get("rowspan")), _span(cell.get("colspan"))
        if down > 1:
            merged[column] = [down, across, _merge_note(text, row, column) if text is not None else None]
        column += across
    if row:
        _past_covered(merged, column, row)
    for start in list(merged):
        merged[start][0] -= 1
        if not merged[start][0]:
            del merged[start]
    return row


def _shared_spans(owner, count: int) -> list:
    """What _covered_row takes as the ``<td>`` of each of the ``count`` cells a cell (``owner``) gives its row: the
    cell itself, or, for the cells of a table of one row nested in it (see _own_cells), the columns it spans shared
    among them (one each, the last the rest) and its rowspan each (every value of the row merged down)."""
    if count == 1:
        return [owner]
    across, down = _span(owner.get("colspan")), owner.get("rowspan")
    return [{"colspan": str(max(across - k, 1)) if k == count - 1 else "1", "rowspan": down} for k in range(count)]


def _past_covered(merged: dict, column: int, row: list) -> int:
    """The first column from ``column`` on that no cell merged down covers; a blank cell added to ``row`` (when it
    has a cell) for each value cell passed."""
    while column in merged:
        _, across, note = merged[column]
        if note is not None and row:
            row.append("")
            _cover(note, row)
        column += across
    return column


# The value cells merged down over rows met in the document being read (see _merge_note)
_MERGE_NOTES: contextvars.ContextVar["list | None"] = contextvars.ContextVar("toolkit_merge_notes", default=None)


def _merge_note(text: str, row: list, column: int) -> list | None:
    """A note of a cell merged down over rows holding ``text`` (in the grid's ``column`` of the row whose cells up
    to it are ``row``): [its text, the row's label (its first cell of words), the column, the cells it covers so
    far, the first row it covers (see _cover)], kept for _MergedDownWarned; None where the text is no value's (see
    _value_text: covered cells of words are left out)."""
    if not _value_text(text):
        return None
    note = [text, next((cell for cell in row if not _value_text(cell)), ""), column, 0, None]
    notes = _MERGE_NOTES.get()
    if notes is not None:
        notes.append(note)
    return note


def _cover(note: list, row: list) -> None:
    """Count a cell of ``row`` (the list the document's lines will hold) covered by the merge of ``note``, the
    first such row kept, so that the flag can name its line."""
    note[3] += 1
    if note[4] is None:
        note[4] = row


class _MergedDownWarned:
    """A context to read a document in, gathering each value merged down over rows (see _merge_note); once the
    document's lines are final, :meth:`warn` warns of each that covers cells (``merged_down``, on the line of the
    first row it covers), so that its covered cells, blank, tell why they are (one figure written for several
    rows, not copied into each: never guessed). Entered while another is open (a document embedded in a DOCX, its
    lines put among the DOCX's), it gathers into that one and warns of nothing itself."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.notes: list = []
        self.token: contextvars.Token[list | None] | None = None
        self.nested = False

    def __enter__(self) -> "_MergedDownWarned":
        outer = _MERGE_NOTES.get()
        self.nested = outer is not None
        self.notes = outer if self.nested else self.notes  # type: ignore[assignment]  # outer, when nested
        self.token = _MERGE_NOTES.set(self.notes)
        return self

    def __exit__(self, *_) -> Literal[False]:
        _MERGE_NOTES.reset(self.token)  # type: ignore[arg-type]  # set by __enter__
        return False

    def warn(self, lines: list) -> None:
        """Warn of the values merged down that cover cells, each with the line (1-based) of ``lines`` (the
        document's, final) holding the first row it covers."""
        notes = [note for note in self.notes if note[3] and note[0].strip()] if not self.nested else ()
        if notes:
            at = {id(line): i for i, line in enumerate(lines, start=1) if line.__class__ is list}
            for text, label, column, covered, row in notes:
                _warn(self.path, f"{text!r} in column {column + 1} of the row {label!r} is merged down over the "
                                 f"{covered} cell(s) below it: they are read as missing (one figure for several "
                                 f"rows)", "merged_down", at.get(id(row)))


def _is_layout_cell(cell, text: str | None) -> bool:
    """Does a cell hold page content rather than a value or label?

    Many sites set the whole report inside a layout table.  A cell with paragraphs (or line
    breaks) and either a nested table or more than ``_LAYOUT_CELL_CHARS`` characters is read like
    the page itself, line by line, and not as one cell.  ``text`` is the cell's text taken whole
    (None where it is not taken whole).
    """
    if text is not None and len(text) <= _LAYOUT_CELL_CHARS:
        return False  # almost every cell: a value or a label
    nested = any(not _blank("".join(table.itertext())) for table in cell.iter("table") if table is not cell)
    chars = len(text if text is not None else "".join(cell.itertext()).strip())
    blocks = 0
    for el in cell.iterdescendants():
        if isinstance(el.tag, str) and (_tag_name(el.tag) in _BLOCK_TAGS or el.tag == "br"):
            blocks += 1
            if blocks >= 2:
                break  # enough to decide
    return _holds_page(nested, blocks, chars)


class _Frame:
    """One level of the HTML walk: the document, a table, a row, a cell or a layout cell ('box')."""

    __slots__ = ("kind", "owner", "buf", "items", "cells", "after", "mark", "spans", "merged", "group")

    def __init__(self, kind: str, owner=None) -> None:
        self.kind = kind  # 'doc' | 'table' | 'row' | 'cell' | 'box' (a cell read like the page)
        self.owner = owner  # the element that opened it (None: implicit row)
        self.buf: list = []  # text pieces (doc, table, cell)
        self.items: list = []  # finished lines (doc, table)
        self.cells: list = []  # finished cells (row)
        self.after: list = []  # rows of nested tables, emitted after this row
        self.mark = 0  # (cell) where the lines of the tables nested in it begin in its row's ``after``
        self.spans: list = []  # (row) the <td> of each of its cells (or its spans shared: see _shared_spans)
        self.merged: dict = {}  # (table) its cells merged down over rows still open (see _with_covered_values)
        self.group = None  # (table) the row group (tbody, thead …) of its last row


def _list_number(li, ordinals: dict | None = None) -> str:
    """The number a browser shows before an item of an ``<ol>`` ('3.'), unless the item's text has its own,
    or the bullet ('•') before an item of a ``<ul>`` that is not a link alone (a site's menu).

    Items numbered by the list carry no number in their text, and a report's 1. 2. … items ran together;
    so did a bulleted list's.
    """
    parent = li.getparent()
    kind = _tag_name(parent.tag) if parent is not None else None
    if kind not in ("ol", "ul") or not _shown_as_item(li):
        return ""
    text = "".join(li.itertext())
    if _list_marker().match(text[:12]) or _typed_bullet(text):
        return ""
    if kind == "ul":
        # (menus, breadcrumbs and lists of other pages are links: their entries get no bullet)
        linked = "".join(t for a in li.iter("a") for t in a.itertext())
        return "" if not text.strip() or linked.strip() == text.strip() else _BULLET_MARK
    style = _list_style(li) or _list_style(parent) or _OL_TYPES.get(parent.get("type") or "1", "decimal")
    if style == "none":
        return ""
    counted = ordinals.get(parent) if ordinals is not None else None
    if counted is None:
        counted = _ordinals(parent)
        if ordinals is not None:
            ordinals[parent] = counted  # (each list counted once: counting it for every item took its square)
    return _LIST_STYLES.get(style, _LIST_STYLES["decimal"])(counted[li])


def _ordinals(ol) -> dict:
    """The ordinal of each item of an ``<ol>`` as a browser counts it: the list's start (in a reversed list, its
    number of items), each item one on (one back) from the item before it, or the number its own value sets."""
    items = [sib for sib in ol if isinstance(sib.tag, str) and _tag_name(sib.tag) == "li"]
    step = -1 if ol.get("reversed") is not None else 1
    start = _html_integer(ol.get("start"))
    number = (start if start is not None else len(items) if step < 0 else 1) - step
    counted = {}
    for item in items:
        if not _shown_as_item(item):
            continue  # (a browser counts the items displayed as list items only)
        value = _html_integer(item.get("value"))
        number = value if value is not None else number + step
        counted[item] = number
    return counted


def _shown_as_item(li) -> bool:
    """Whether a browser shows the ``<li>`` ``li`` as a list item, with a marker and counted: unless its style's last
    display is another ('display:block', a CMS's way of laying out a list: no marker shown)."""
    style = li.get("style")
    if not style or "display" not in style.lower():
        return True
    displays = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(style)
                if prop.lower() == "display" and value.lower() != "revert"]  # (a 'revert': see _display_blocks)
    return not displays or displays[-1] == "list-item"


# HTML's rules for parsing an integer (a cell's rowspan or colspan, an <ol>'s start, an <li>'s value): white space, a
# sign, ASCII digits, the rest ignored ('2.0', '2px', '3.' are 2, 2, 3); no digit there (' x', '２') is an error, the
# attribute not set.
_HTML_SIGNED = re.compile(r"[\t\n\f\r ]*([-+]?)([0-9]{1,4000})")


def _html_integer(value: str | None) -> int | None:
    """An integer attribute as a browser reads it (see _HTML_SIGNED), None where it gives none."""
    match = _HTML_SIGNED.match(value) if value else None
    return None if match is None else int(match.group(1) + match.group(2))


_OL_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
_LIST_STYLE_RE = re.compile(r"(?<![\w-])list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)


def _list_style(el) -> str | None:
    """The list-style-type an element's style attribute sets (``list-style-type`` or a keyword of ``list-style``),
    one of _LIST_STYLES or ``'none'``, else None."""
    return _declared_list_style(el.get("style") or "")


def _declared_list_style(declarations: str) -> str | None:
    """The list-style-type CSS ``declarations`` set (see _list_style), else None."""
    found = None
    for value in _LIST_STYLE_RE.findall(declarations):
        for word in value.lower().split():
            if word in _LIST_STYLES or word == "none":
                found = word
    return found


# A style sheet's comment, and a selector's compound of a tag, classes, ids and attributes, named or with a value
# ('ol', '.nb', 'ol.nb#x', '[hidden]', '[aria-hidden="true"]', '[class~=x i]'): other selectors (pseudo-classes,
# combinators but the descendant's and the child's) are not read, rather than read as matching more than they do.
# (A sheet's rules are found by _css_rules.)
_CSS_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_CSS_ATTRIBUTE = r"""\[\s*[a-z][\w-]*\s*(?:[~|^$*]?=\s*(?:"[^"]*"|'[^']*'|[\w-]+)\s*(?:[is]\s*)?)?\]"""
# (a class's or id's name may hold escaped characters: Tailwind's '.md\:block', '.w-1\/2', '.\32xl\:block' for 2xl:block)
_CSS_IDENT = r"(?:[\w-]|\\[0-9a-f]{1,6}|\\[^\n0-9a-f])+"
_CSS_ESCAPE_RE = re.compile(r"\\([0-9a-f]{1,6})|\\(.)", re.IGNORECASE)
_CSS_COMPOUND_RE = re.compile(rf"(\*|[a-z][a-z0-9]*)?((?:[.#]{_CSS_IDENT}|{_CSS_ATTRIBUTE})*)", re.IGNORECASE)
# a class, id or attribute of a compound: (the class or id; the attribute's name, its operator, its value quoted or
# not, its case flag)
_CSS_NAME_RE = re.compile(rf"""([.#]{_CSS_IDENT})|\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*"""
                          r"([is])?\s*)?\]", re.IGNORECASE)
# a selector's parts: a child combinator, else a compound (an attribute's quoted value may hold a space or a '>')
_CSS_PART_RE = re.compile(r"""\s*(>|(?:[^\s>\[]|\[(?:[^\]"']|"[^"]*"|'[^']*')*\])+)""")


def _css_compounds(selector: str) -> list | None:
    """The compounds of a selector of tags, classes, ids and attributes (``[hidden]``, ``[aria-hidden="true"]``)
    joined by descendant or child (``>``) combinators, each (tag or None, classes, ids, whether it is joined to the one
    before by ``>``, attributes: each (name, operator or '' for one named only, value, whether its case is
    ignored)), else None."""
    compounds: list = []
    child = False
    if _CSS_PART_RE.sub("", selector).strip():
        return None  # (a bracket left open: no selector)
    for part in _CSS_PART_RE.findall(selector):
        if part == ">":
            if child or not compounds:
                return None  # ('> p', 'div > > p': no selector)
            child = True
            continue
        match = _CSS_COMPOUND_RE.fullmatch(part)
        if match is None or not part:
            return None
        names = _CSS_NAME_RE.findall(match.group(2))
        if "\\" in part:
            names = [(_css_unescaped(n[0]), *n[1:]) for n in names]
        tag = match.group(1)
        compounds.append((None if tag in (None, "*") else tag.lower(), {n[0][1:] for n in names if n[0][:1] == "."},
                          {n[0][1:] for n in names if n[0][:1] == "#"}, child,
                          frozenset((n[1].lower(), n[2], n[3] or n[4] or n[5], bool(n[6])) for n in names if n[1])))
        child = False
    return None if child else compounds or None


def _css_unescaped(name: str) -> str:
    """A selector's class or id name with its escapes read ('md\\:block': 'md:block'; '\\32xl': '2xl')."""
    def char(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _CSS_ESCAPE_RE.sub(char, name)


def _css_matches(el, compounds: list) -> bool:
    """Whether ``el`` matches a selector's ``compounds`` (see _css_compounds): the last on it, each one before on an
    ancestor of the element the next one matched (its parent, for a child combinator)."""
    return _css_fits(el, compounds[-1]) and _css_above(el, compounds, len(compounds) - 1)


def _css_above(el, compounds: list, i: int) -> bool:
    """Whether the compounds before ``compounds[i]``, which ``el`` matched, match ``el``'s ancestors."""
    if not i:
        return True
    if compounds[i][3]:  # (a child combinator: the parent, only)
        parent = el.getparent()
        return parent is not None and _css_fits(parent, compounds[i - 1]) and _css_above(parent, compounds, i - 1)
    # A nearer ancestor leaves more above it: the nearest that fits is enough, unless a child combinator before
    # asks for a parent that only a farther one has ('div > p span').
    farther = any(c[3] for c in compounds[:i])
    for ancestor in el.iterancestors():
        if _css_fits(ancestor, compounds[i - 1]):
            if _css_above(ancestor, compounds, i - 1):
                return True
            if not farther:
                return False
    return False


def _css_fits(node, compound: tuple) -> bool:
    """Whether an element matches one compound of a selector (see _css_compounds)."""
    tag, classes, ids = compound[:3]
    return ((tag is None or (isinstance(node.tag, str) and _tag_name(node.tag) == tag))
            and classes <= set((node.get("class") or "").split()) and (not ids or ids == {node.get("id")})
            and all(_css_attribute_fits(node.get(attribute[0]), *attribute[1:]) for attribute in compound[4]))


def _css_attribute_fits(value: str | None, operator: str, wanted: str, ignore_case: bool) -> bool:
    """Whether an attribute's ``value`` (None: not given) fits an attribute selector's ``operator`` ('' for one named
    only, '=', '~=', '|=', '^=', '$=', '*=') and ``wanted`` value (its case ignored with the ``i`` flag), as CSS reads
    them ('[aria-hidden="true"] { display: none }' hid nothing: an attribute's value was not read)."""
    if value is None or not operator:
        return value is not None
    if ignore_case:
        value, wanted = value.lower(), wanted.lower()
    if operator == "=":
        return value == wanted
    if operator == "~=":
        return wanted in value.split()
    if operator == "|=":
        return value == wanted or value.startswith(wanted + "-")
    if not wanted:  # ('[class^=""]' matches nothing)
        return False
    return (value.startswith(wanted) if operator == "^=" else value.endswith(wanted) if operator == "$="
            else wanted in value)


#: The braces of a style sheet's blocks, and the markup comment marks an old page wraps a sheet in ('<!-- … -->').
_CSS_BRACE_RE = re.compile(r"[{}]")
_CSS_MARKUP_COMMENT_RE = re.compile(r"<!--|-->")


#: The window a page is read as shown in: a desktop browser's, this many CSS pixels wide (a media query on the width
#: is read for it: a sheet that hides the desktop's menu below 768px, or shows it above, is read as on a desktop), and
#: what its other media features are (a landscape window, a mouse that hovers, the light scheme, scripts on):
#: ``(orientation: landscape)``, ``(hover: hover)`` hold; a feature named alone holds unless its value is one of
#: _MEDIA_OFF ('(hover)' holds, '(prefers-reduced-motion)' does not).  A feature not in it is not read.
_SCREEN_WIDTH = 1280
_SCREEN_FEATURES = {"orientation": "landscape", "hover": "hover", "any-hover": "hover", "pointer": "fine",
                    "any-pointer": "fine", "prefers-color-scheme": "light", "prefers-reduced-motion": "no-preference",
                    "prefers-reduced-transparency": "no-preference", "prefers-reduced-data": "no-preference",
                    "prefers-contrast": "no-preference", "forced-colors": "none", "inverted-colors": "none",
                    "scripting": "enabled", "display-mode": "browser", "update": "fast", "overflow-block": "scroll",
                    "overflow-inline": "scroll", "color": "8", "monochrome": "0", "grid": "0"}
_MEDIA_OFF = frozenset({"none", "no-preference", "0"})
_MEDIA_FEATURE_RE = re.compile(r"\(([^()]*)\)|\band\b", re.IGNORECASE)
_MEDIA_LENGTH = r"([\d.]+)\s*(px|r?em)?"
_MEDIA_RANGE_RE = re.compile(rf"(?:{_MEDIA_LENGTH}\s*([<>]=?|=)\s*)?(width|device-width)(?:\s*([<>]=?|=)\s*{_MEDIA_LENGTH})?",
                             re.IGNORECASE)
_MEDIA_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}  # ('768px < width': 'width > 768px')


def _screen_media(media: str | None) -> bool:
    """Whether a media query (a ``<style>``'s ``media``, an ``@media`` block's) applies to a desktop browser's
    screen (_SCREEN_WIDTH wide, its features _SCREEN_FEATURES): none, ``all`` or ``screen`` (among others: ``screen,
    print``), with conditions it meets joined by ``and`` (``screen and (min-width: 768px)``, ``(width >= 48rem)``,
    ``(orientation: landscape)``), or ``not`` a query it does not meet (``not print``); not ``print`` nor ``speech``,
    nor one with a feature not read, rather than read as shown."""
    if media is None or not media.strip():
        return True
    for query in media.lower().split(","):
        words = query.split("(", 1)[0].split()
        negated = words[:1] == ["not"]
        if words[:1] in (["only"], ["not"]):
            words = words[1:]
        if words[:1] in ([], ["and"]) and negated:
            continue  # ('not (hover)': a condition's not, of level 4, not read)
        if words[-1:] == ["and"]:
            words = words[:-1]
        if len(words) != 1 and (words or negated):
            continue  # (no media type, or words that are no query)
        rest = query[query.find("("):] if "(" in query else ""
        if _MEDIA_FEATURE_RE.sub("", rest).strip() or (not words and not rest):
            continue  # (something else than conditions joined by 'and')
        held = [_media_feature_holds(found) for found in _MEDIA_FEATURE_RE.findall(rest) if found]
        if None in held:
            continue  # (a feature not read)
        if ((not words or words[0] in ("all", "screen")) and all(held)) != negated:
            return True
    return False


def _media_feature_holds(feature: str) -> bool | None:
    """Whether a media query's condition (the text in its parentheses: ``min-width: 768px``, ``width >= 48rem``,
    ``hover: hover``, ``color``) holds on the screen a page is read as shown on (see _screen_media), None for a feature
    not read."""
    name, colon, value = (part.strip() for part in feature.partition(":"))
    if colon:
        if name in ("min-width", "max-width", "min-device-width", "max-device-width"):
            length = re.fullmatch(_MEDIA_LENGTH, value)
            return None if length is None else _width_holds(name, *length.groups(""))
        return None if name not in _SCREEN_FEATURES else value == _SCREEN_FEATURES[name]
    if name in _SCREEN_FEATURES:  # (a feature named alone)
        return _SCREEN_FEATURES[name] not in _MEDIA_OFF
    found = _MEDIA_RANGE_RE.fullmatch(name)
    if found is None or not (found.group(3) or found.group(5)):
        return None
    before, before_unit, before_op, _, after_op, after, after_unit = found.groups("")
    checks = ([(_MEDIA_FLIPPED[before_op], before, before_unit)] if before_op else []) + (
        [(after_op, after, after_unit)] if after_op else [])
    held = True
    for op, number, unit in checks:  # ('400px <= width <= 700px')
        px = _media_px(number, unit)
        if px is None:
            return None
        held = held and _MEDIA_COMPARE[op](_SCREEN_WIDTH, px)
    return held


_MEDIA_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "=": operator.eq}


def _media_px(value: str, unit: str) -> float | None:
    """A media query's length in CSS pixels (an em of a media query is 16px), None where it is no number."""
    try:
        return float(value) * (16 if unit.lower().endswith("em") else 1)
    except ValueError:
        return None


def _width_holds(feature: str, value: str, unit: str) -> bool:
    """Whether a media feature of a query ``(min-width: 768px)`` holds on _SCREEN_WIDTH (one not on the width: no)."""
    if feature not in ("min-width", "max-width", "min-device-width", "max-device-width") or not value:
        return False
    width = _media_px(value, unit)
    if width is None:
        return False
    return _SCREEN_WIDTH >= width if feature.startswith("min") else _SCREEN_WIDTH <= width


#: An at-rule's name and what follows it ('@media screen', '@media(min-width:768px)', '@layer utilities'), and a
#: 'not' of an @supports condition.
_CSS_AT_RULE_RE = re.compile(r"@([\w-]+)\s*(.*)", re.DOTALL)
_CSS_NOT_WORD = re.compile(r"(?<![\w-])not(?![\w-])", re.IGNORECASE)


def _css_rules(sheet: str) -> Iterator[tuple[str, str]]:
    """The rules (selectors, declarations) of a style sheet that apply on a screen: at its top level, in an
    ``@media`` block for the screen (see _screen_media), in an ``@layer`` block (a framework's: Tailwind 4 puts its
    utilities, '.hidden { display: none }', in one; read as if unlayered, by specificity and order) or an
    ``@supports`` block without ``not`` (a feature a current browser has); the rules of ``@media print``, ``@supports
    not (…)`` and other at-rules' blocks (``@font-face``, ``@keyframes``, ``@container``), and the at-rule statements
    before a rule (``@charset …;``, ``@layer a, b;``), are not read as rules."""
    sheet = _CSS_MARKUP_COMMENT_RE.sub(" ", _CSS_COMMENT_RE.sub("", sheet))
    blocks: list = []  # the open blocks: (read, the rule's selectors or None for a block of rules, its start)
    last = 0  # where the text since the last brace starts
    for brace in _CSS_BRACE_RE.finditer(sheet):
        read = all(block[0] for block in blocks)
        if brace.group() == "{":
            prelude = sheet[last:brace.start()].rsplit(";", 1)[-1].strip()
            if blocks and blocks[-1][1] is not None:  # (a block nested in a rule's: not read)
                blocks.append((False, None, 0))
            elif prelude[:1] == "@":
                at_rule = _CSS_AT_RULE_RE.match(prelude)
                keyword, condition = (at_rule.group(1).lower(), at_rule.group(2)) if at_rule else ("", "")
                blocks.append((read and (_screen_media(condition) if keyword == "media" else keyword == "layer" or (
                    keyword == "supports" and not _CSS_NOT_WORD.search(condition))), None, 0))
            else:
                blocks.append((read, prelude, brace.end()))
        elif blocks:
            _, selectors, start = blocks.pop()
            if read and selectors is not None:
                yield selectors, sheet[start:brace.start()]
        last = brace.end()


# A selector _css_compounds does not read, widened to one it reads that matches every element it matches (see
# _css_widened): its pseudo-classes, the values of its attributes and the siblings it names before its element
# dropped.  A user's action (hovering, focus, a link's target) or a pseudo-element's box is not widened: what it
# shows, a browser does not show on a page as opened.
_CSS_NOT_WIDENED = re.compile(r"::|:(?:hover|focus(?:-within|-visible)?|active|target(?:-within)?|before|after|"
                              r"first-line|first-letter|marker|placeholder|selection|popover-open|modal|fullscreen)"
                              r"(?![\w-])", re.IGNORECASE)
_CSS_PSEUDO_RE = re.compile(r":[a-z][\w-]*(?:\((?:[^()]|\([^()]*\))*\))?", re.IGNORECASE)
_CSS_ATTRIBUTE_VALUE_RE = re.compile(r"\[\s*([a-z][\w-]*)\s*[~|^$*]?=[^\]]*\]", re.IGNORECASE)
_CSS_SIBLING_RE = re.compile(r"\s*[+~]\s*")
_CSS_SPECIFICITY_RE = re.compile(r"(#[\w-]+)|(\.[\w-]+|\[|:(?!not\b|is\b|where\b|has\b)[a-z][\w-]*)|"
                                 r"((?:^|(?<=[\s>+~(,]))[a-z][a-z0-9]*)", re.IGNORECASE)


def _css_widened(selector: str) -> tuple[list, tuple[int, int, int]] | None:
    """The compounds (see _css_compounds) of a selector that matches every element ``selector`` matches, with
    ``selector``'s own specificity (counted on its text: ids, classes, attributes and pseudo-classes, tags), else
    None (a user's action or a pseudo-element: see _CSS_NOT_WIDENED)."""
    if _CSS_NOT_WIDENED.search(selector):
        return None
    counts = [0, 0, 0]
    for found in _CSS_SPECIFICITY_RE.finditer(selector.strip()):
        counts[(found.lastindex or 1) - 1] += 1  # (the group that matched: one always does)
    # ('.tab > :first-child': a compound of a pseudo-class alone is any element's, '*')
    wide = _CSS_PSEUDO_RE.sub(lambda m: "*" if m.start() == 0 or m.string[m.start() - 1] in " \t\n>+~" else "",
                              _CSS_ATTRIBUTE_VALUE_RE.sub(r"[\1]", selector.strip()))
    # 'X A + B' matches B in X, whose parent A's is too ('X > A ~ B': X > B)
    parts = _CSS_SIBLING_RE.split(wide)
    wide = " ".join([part.rsplit(None, 1)[0] if len(part.split()) > 1 else "" for part in parts[:-1]] + parts[-1:])
    compounds = _css_compounds(wide)
    if compounds is None or compounds == [(None, set(), set(), False, frozenset())]:
        return None  # (':root', ':first-child' alone: every element's, its declarations written into every one)
    return compounds, (counts[0], counts[1], counts[2])


def _css_selectors(selectors: str) -> list:
    """A rule's selectors: its text split at the commas outside brackets and parentheses (':is(.a, .b)')."""
    if "(" not in selectors and "[" not in selectors:
        return selectors.split(",")
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(selectors):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch == "," and not depth:
            parts.append(selectors[start:i])
            start = i + 1
    return [*parts, selectors[start:]]


def _sheet_rules(root, wanted: Callable[[str], object], widen: Callable[..., object] | None = None) -> list:
    """The rules of the page's style sheets shown on a screen (see _css_rules) for which ``wanted(declarations)`` is
    not None, each (specificity, order, compounds, wanted's value), sorted by specificity, then order (the last
    wins); a selector other than tags, classes and ids joined by spaces or '>' is not read (see _css_compounds),
    unless ``widen(value)`` gives a value for it: then it is read widened (see _css_widened), with that value."""
    rules: list = []
    for style in root.iter("style"):
        if not style.text or not _screen_media(style.get("media")):
            continue
        if any(_tag_name(a.tag) in _DROP_TAGS and a.tag != "head" for a in style.iterancestors()):
            continue  # (a sheet in a fallback or a template: <noscript><style>.js{display:none}… a browser skips)
        for selectors, declarations in _css_rules(style.text):
            value = wanted(declarations)
            if value is None:
                continue
            for selector in (selectors.split(",") if widen is None else _css_selectors(selectors)):
                compounds = _css_compounds(selector)
                if compounds:
                    specificity = (sum(len(c[2]) for c in compounds), sum(len(c[1]) + len(c[4]) for c in compounds),
                                   sum(c[0] is not None for c in compounds))
                    rules.append((specificity, len(rules), compounds, value))
                elif widen is not None and selector.strip() and (shown := widen(value)) is not None:
                    widened = _css_widened(selector)
                    if widened is not None:
                        rules.append((widened[1], len(rules), widened[0], shown))
    rules.sort(key=lambda rule: rule[:2])
    return rules


def _sheet_list_styles(root) -> None:
    """Write into the style attribute of each ``<ol>`` and ``<li>`` the list-style-type the page's style sheets
    set for it (a rule on its class, ``ol.nb { list-style-type: cjk-ideographic }``), where its own style sets
    none: the numbers a browser shows (a heading numbered 一、 by a class read 1.).

    The most specific rule wins, then the last; a sheet's ``none`` is not read (a reset of every list's style,
    ``ol, ul { list-style: none }``, is common, and a list's number is kept as before).
    """
    if not any(style.text and "list-style" in style.text for style in root.iter("style")):
        return

    def wanted(declarations: str) -> str | None:
        value = _declared_list_style(declarations) if "list-style" in declarations else None
        return None if value == "none" else value

    rules = _sheet_rules(root, wanted)
    if not rules:
        return
    for el in root.iter("ol", "li"):
        found = None
        for _, _, compounds, value in rules:
            if _css_matches(el, compounds):
                found = value
        if found is not None and _list_style(el) is None:
            el.set("style", f"list-style-type:{found};{el.get('style') or ''}")


#: The words of the declarations _clipped_style reads (opacity, sizes, overflow, padding).
_CLIP_WORDS = ("opacity", "height", "width", "overflow", "padding", "content-visibility", "clip", "position")


def _hiding_declarations(declarations: str, clips: bool = False, colors: bool = False) -> tuple[str, str] | None:
    """The ``display``, ``visibility`` and ``font-size`` declarations of a rule (with ``clips``, those that
    _clipped_style reads too: ``opacity``, sizes, ``overflow``, ``padding``; with ``colors``, ``color``), as a style
    attribute writes them: (those of normal weight, those marked ``!important``), else None where it sets none."""
    low = declarations.lower()
    if "display" not in low and "visibility" not in low and "font-size" not in low and not (
            clips and any(word in low for word in _CLIP_WORDS)) and not (colors and "color" in low):
        return None
    normal: list[str] = []
    important: list[str] = []
    for declaration in declarations.split(";"):
        found = _HIDDEN_STYLE_RE.search(declaration)
        size = _FONT_SIZE_RE.search(declaration)  # (a font of size 0 hides as display does: see _blank_zero_font)
        clip = _CLIP_RE.search(declaration) if clips and not found and not size else None
        color = _COLOR_RE.search(declaration) if colors and not found and not size and not clip else None
        written = (f"{found.group(1)}:{found.group(2)};" if found
                   else f"font-size:{size.group(1).strip()};" if size
                   else f"{clip.group(1)}:{clip.group(2).strip()};" if clip
                   else f"color:{color.group(1).strip()};" if color else None)
        if written:
            (important if "!important" in declaration.replace(" ", "") else normal).append(written)
    return ("".join(normal), "".join(important)) if normal or important else None


def _displays_inline_as_block(rule: tuple) -> bool:
    """Whether a sheet's rule (see _sheet_rules) displays as a block (``.line { display: block }``) what may be an
    inline element: see _display_blocks."""
    _, _, compounds, (normal, important) = rule
    displays = [value for prop, value in _HIDDEN_STYLE_RE.findall(normal + important) if prop.lower() == "display"]
    return bool(displays) and displays[-1].lower() in _BLOCK_DISPLAYS and (
        compounds[-1][0] is None or compounds[-1][0] in _INLINE_TAGS)


_WIDENED_DISPLAY_RE = re.compile(r"display:(?!none;)[\w-]+", re.IGNORECASE)  # (as _hiding_declarations writes it)


def _sheet_hidden(root) -> None:
    """Write into the style attribute of each element the ``display``, ``visibility`` and ``font-size`` the page's
    style sheets set for it (``.hide { display: none }``, ``#old { visibility: hidden }``, ``.z { font-size: 0 }``;
    ``.line { display: block }``, which makes a block of an inline element: see _display_blocks), and, where a sheet
    sets an opacity or an overflow, what _clipped_style reads (``.fade { opacity: 0 }``, ``.fold { height: 0;
    overflow: hidden }``: read in, where the same in a style attribute was not), and where a sheet sets a transparent
    colour, the colours (``.seo { color: transparent }``: see _color_shown), before its own
    (which wins) and after it those marked ``!important`` (and after these its own so marked), so that _drop_hidden
    (and _blank_zero_font) drop what a browser does not show as they drop what a style attribute hides (a class
    hiding an old version's words: they were read in).

    The most specific rule wins, then the last: a rule showing an element again (``.tab.active { display: block }``
    after ``.tab { display: none }``) is read as a browser reads it.  Nothing is looked at on a page whose sheets
    hide nothing and display no inline element as a block.
    """
    sheets = [style.text.lower() for style in root.iter("style") if style.text]
    clips = any("opacity" in sheet or "overflow" in sheet or "content-visibility" in sheet or "clip" in sheet
                for sheet in sheets)
    colors = any("color" in sheet and _TRANSPARENT_BYTES.search(sheet.encode("utf-8")) for sheet in sheets)
    if not clips and not colors and not any("display" in sheet or "visibility" in sheet or _ZERO_FONT_BYTES.search(
            sheet.encode("utf-8")) for sheet in sheets):
        return
    def hides(declarations: str) -> bool:
        return bool(_hidden_style(declarations) or _font_shown_by(declarations) is False
                    or (clips and _clipped_style(declarations, "div"))
                    or (colors and _color_shown_by(declarations) is False))

    def widen(value: tuple[str, str]) -> tuple[str, str] | None:
        # A rule showing what another hides, by a selector not read ('.tab:first-child { display: block }' after
        # '.tab { display: none }', 'p + .tab', '.tab:not(.old)'): the shown element was dropped.  Read widened (see
        # _css_widened), it shows more than a browser does (a hidden word read, rather than a shown one lost); its
        # display, 'revert', makes no block nor unmakes one (see _display_blocks: the rules read whole decide).
        if hides(value[0] + value[1]):
            return None
        return (_WIDENED_DISPLAY_RE.sub("display:revert", value[0]), _WIDENED_DISPLAY_RE.sub("display:revert", value[1]))

    rules = _sheet_rules(root, functools.partial(_hiding_declarations, clips=clips, colors=colors), widen)
    if not any(hides(normal + important) for _, _, _, (normal, important) in rules) and not any(
            map(_displays_inline_as_block, rules)) and not (
            # (a rule displaying an element the hidden attribute hides shows it: the HTML5 reset's 'section { display:
            # block }' a <section hidden>, as the browser's own '[hidden] { display: none }' weighs less)
            any("display" in normal + important for _, _, _, (normal, important) in rules)
            and root.find(".//*[@hidden]") is not None):
        return
    index: dict = {}  # the rules by the last compound's id, else a class, else an attribute, else tag, else '*'
    for rule in rules:
        last_tag, last_classes, last_ids, _, last_attributes = rule[2][-1]
        key = (("#", next(iter(last_ids))) if last_ids else (".", min(last_classes)) if last_classes
               else ("[", min(a[0] for a in last_attributes)) if last_attributes else ("", last_tag or "*"))
        index.setdefault(key, []).append(rule)
    tags = {name for kind, name in index if kind == ""}
    classes = {name for kind, name in index if kind == "."}
    ids = {name for kind, name in index if kind == "#"}
    attributes = {name for kind, name in index if kind == "["}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        ident, names = el.get("id"), (el.get("class") or "").split()
        tag = _tag_name(el.tag)
        keys = [("", "*"), ("", tag)] if "*" in tags or tag in tags else []
        if ident in ids:
            keys.append(("#", ident))
        keys.extend((".", name) for name in names if name in classes)
        if attributes:
            keys.extend(("[", name) for name in attributes if el.get(name) is not None)
        if not keys:
            continue
        found = sorted(rule for key in keys for rule in index.get(key, ()) if _css_matches(el, rule[2]))
        if found:
            normal = "".join(rule[3][0] for rule in found)
            important = "".join(rule[3][1] for rule in found)
            own = el.get("style") or ""
            # (the element's own '!important' outweighs a sheet's, as in a browser: written after it again)
            own_important = ((_hiding_declarations(own, clips, colors) or ("", ""))[1] if "important" in own.lower()
                             else "")
            el.set("style", f"{normal}{own};{important}{own_important}")


def _roman(n: int) -> str:
    """``n`` in lower-case Roman numerals (1 to 3999; other numbers in digits, as a browser falls back)."""
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    """``n`` in lower-case letters as a list counts (a … z, aa, ab …; below 1 in digits)."""
    if n < 1:
        return str(n)
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out


# The marker a browser shows before an <ol>'s item, by its list-style-type (the type attribute's too)
_LIST_STYLES: dict[str, Callable[[int], str]] = {
    "decimal": lambda n: f"{n}.",
    "decimal-leading-zero": lambda n: f"{n:02d}.",
    "lower-alpha": lambda n: f"{_letters(n)}.", "lower-latin": lambda n: f"{_letters(n)}.",
    "upper-alpha": lambda n: f"{_letters(n).upper()}.", "upper-latin": lambda n: f"{_letters(n).upper()}.",
    "lower-roman": lambda n: f"{_roman(n)}.", "upper-roman": lambda n: f"{_roman(n).upper()}.",
    "cjk-decimal": lambda n: _NUM_FORMATS["ideographDigital"](n) + "、" if n >= 0 else f"{n}.",  # (Word's 一〇)
    "cjk-ideographic": lambda n: f"{_cn_number(n)}、" if 0 < n < 100 else f"{n}.",
    "simp-chinese-informal": lambda n: f"{_cn_number(n)}、" if 0 < n < 100 else f"{n}.",
    "trad-chinese-informal": lambda n: f"{_cn_number(n)}、" if 0 < n < 100 else f"{n}.",  # (the same below 100)
    "simp-chinese-formal": lambda n: f"{_cn_number(n, _LEGAL_SIMPLIFIED)}、" if 0 < n < 100 else f"{n}.",  # 壹、
    "trad-chinese-formal": lambda n: f"{_cn_number(n, _LEGAL_TRADITIONAL)}、" if 0 < n < 100 else f"{n}.",
    # 甲、 乙、 … and 子、 丑、 …; past the last, cjk-decimal (their fallback)
    "cjk-heavenly-stem": lambda n: f"{_STEMS[n - 1]}、" if 1 <= n <= 10 else _LIST_STYLES["cjk-decimal"](n),
    "cjk-earthly-branch": lambda n: f"{_ZODIAC[n - 1]}、" if 1 <= n <= 12 else _LIST_STYLES["cjk-decimal"](n),
}


def _html_lines(root) -> list:
    """Walk the parsed page without recursion and collect lines and rows."""
    import lxml.etree

    stack = [_Frame("doc")]
    owners: set = set()  # ids of the elements that opened a frame still open

    def flush(frame: _Frame) -> None:
        if frame.buf:
            line = _clean(frame.buf)
            frame.buf = []
            if line:
                frame.items.append(line)

    def text_sink() -> _Frame:
        top = stack[-1]
        if top.kind != "row":
            return top  # almost always (text in a row, between its cells, is rare)
        for frame in reversed(stack):
            if frame.kind != "row":
                return frame
        return stack[0]  # pragma: no cover - the doc frame is always there

    in_pre = [0]  # inside <pre>: a line break in the source is a line break

    def pre_flush(frame: _Frame) -> None:
        # a <pre> line as written: tabs kept and blank lines too (the tab layout marks cells and rows so)
        frame.items.append("".join(frame.buf).rstrip(" \r"))
        frame.buf = []

    pending_number = [""]  # an <ol> item's number, waiting for the item's text
    ordinals: dict = {}  # each <ol> met: its items' ordinals (see _list_number)

    def add_text(s: str | None) -> None:
        if s:
            if stack[-1].kind == "row" and not s.strip():
                return  # white space between cells
            if pending_number[0] and s.strip():
                number, pending_number[0] = pending_number[0], ""
                if text_sink().kind == "cell":
                    # a table's cell ('<td><ol><li>21</li>…'): a bullet would hide its value, a number would make
                    # it another ('1. 21'); as the fast path of a cell reads it
                    number = ""
                s = s if _list_marker().match(s) else _numbered(number, s)
            if in_pre[0] and text_sink().kind != "cell":
                for k, piece in enumerate(s.split("\n")):
                    if k:
                        pre_flush(text_sink())
                    text_sink().buf.append(piece)
                return
            if in_pre[0] and "\n" in s:
                for k, piece in enumerate(s.split("\n")):
                    if k:
                        boundary()
                    text_sink().buf.append(piece)
                return
            text_sink().buf.append(s)

    def boundary() -> None:
        sink = text_sink()
        if sink.kind == "cell":
            sink.buf.append(_BR)
        else:
            flush(sink)

    def close_top() -> None:
        frame = stack.pop()
        if frame.owner is not None:
            owners.discard(id(frame.owner))
        if frame.kind == "cell":
            row = stack[-1]
            nested = row.after[frame.mark:]
            del row.after[frame.mark:]
            cells = _own_cells(_clean(frame.buf), nested, row.after)
            row.cells.extend(cells)
            row.spans.extend(_shared_spans(frame.owner, len(cells)))
        elif frame.kind == "box":  # its lines and rows follow the row that holds it
            flush(frame)
            stack[-1].after.extend(frame.items)
            stack[-1].cells.append(None)  # (no cell, but a column of the row's: see _covered_row)
            stack[-1].spans.append(frame.owner)
        elif frame.kind == "row":
            table = stack[-1]
            flush(table)
            cells = frame.cells
            group = frame.owner.getparent() if frame.owner is not None else table.group
            if group is not table.group:  # (a merge ends with its row group, as in _with_covered_values)
                table.group = group
                table.merged.clear()
            if table.merged or any(cell.get("rowspan") is not None for cell in frame.spans):
                cells = _covered_row(table.merged, cells, frame.spans)  # (a table the plain path does not take)
            elif None in cells:
                cells = [cell for cell in cells if cell is not None]  # (a layout cell's column)
            if cells:
                table.items.append(cells)
            table.items.extend(frame.after)
        else:  # a table: hand its lines to whatever holds it
            flush(frame)
            holder = stack[-1]
            if holder.kind == "cell":
                holder = stack[-2]  # the row holding the cell
            if holder.kind == "row":
                holder.after.extend(frame.items)
            else:
                flush(holder)
                holder.items.extend(frame.items)

    def push(kind: str, owner) -> None:
        stack.append(_Frame(kind, owner))
        if owner is not None:
            owners.add(id(owner))

    leaf = None  # a cell or plain table taken whole at its start (subtree skipped): its end event comes next
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = _TAG_NAMES.get(el.tag)  # (_tag_name's own look-up, without a call an element)
        if tag is None:
            if not isinstance(el.tag, str):  # comment / PI / entity left in the tree (never in _TAG_NAMES)
                if event == "start":
                    walker.skip_subtree()
                else:
                    add_text(el.tail)
                continue
            tag = _tag_name(el.tag)
        if event == "start":
            if tag in _DROP_TAGS:
                walker.skip_subtree()
                continue
            top = stack[-1]
            if tag == "table":
                if text_sink().kind != "cell":
                    flush(text_sink())
                rows = _plain_table_rows(el)
                if rows is not None:  # what closing its frame would do, without walking it
                    holder = stack[-2] if top.kind == "cell" else top
                    if holder.kind == "row":
                        holder.after.extend(rows)
                    else:
                        flush(holder)
                        holder.items.extend(rows)
                    walker.skip_subtree()
                    leaf = el
                    continue
                push("table", el)
            elif tag == "tr" and (
                top.kind == "table" or (top.kind == "row" and top.owner is None)
            ):
                if top.kind == "row":
                    close_top()  # an implicit row opened by a stray <td>
                push("row", el)
            elif tag in _CELL_TAGS and top.kind in ("table", "row"):
                if top.kind == "table":
                    push("row", None)
                # Most cells need no frame: their text is taken whole (the general path gives the same).
                text = _cell_text(el)
                if _is_layout_cell(el, text):
                    push("box", el)
                elif text is not None:
                    stack[-1].cells.append(text)
                    stack[-1].spans.append(el)
                    walker.skip_subtree()
                    leaf = el
                    continue
                else:
                    push("cell", el)
                    stack[-1].mark = len(stack[-2].after)
            elif tag in _BLOCK_TAGS or tag in _CELL_TAGS or tag in ("br", "tr"):
                boundary()
            if tag == "pre":
                in_pre[0] += 1
                if el.text and el.text.startswith("\n"):
                    el.text = el.text[1:]  # a line break right after <pre> is not shown (HTML)
            elif tag == "li":
                pending_number[0] = _list_number(el, ordinals)  # put before the item's first text, in its first block
            add_text(el.text)
        else:
            if tag == "li":
                pending_number[0] = ""  # an item without text (an image): its number goes nowhere else
            if tag == "pre":
                if text_sink().kind != "cell" and "".join(text_sink().buf).strip():
                    pre_flush(text_sink())
                in_pre[0] -= 1
            if el is leaf:
                leaf = None
            elif tag in _DROP_TAGS:
                pass
            elif id(el) in owners:
                while stack[-1].owner is not el:
                    close_top()
                close_top()
            elif tag in _BLOCK_TAGS or tag in _CELL_TAGS or tag in ("br", "tr"):
                boundary()
            add_text(el.tail)
    while len(stack) > 1:  # unclosed structures (the parser normally closes them)
        close_top()
    flush(stack[0])
    return stack[0].items


# --------------------------------------------------------------------------
# web archives (MHT)
# --------------------------------------------------------------------------

# A MIME message's header block at the start of the file (a web archive: IE's, Chrome's, Word's or WPS's 'single
# file web page'): header lines, folded ones included, up to a blank line; one of them gives a web page's content
# type (not an e-mail's text/plain or multipart/mixed: a report mailed and saved as text is read as text).
_MIME_HEADERS = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*((?:[!-9;-~]{1,76}:[^\r\n]*\r?\n"
                           rb"(?:[ \t][^\r\n]*\r?\n)*){1,64})\r?\n")
_MIME_MARK = re.compile(rb"^Content-Type:\s*(?:multipart/related|text/html)\b", re.IGNORECASE | re.MULTILINE)


def _is_web_archive(data: bytes) -> bool:
    """Whether the bytes are a web archive: a MIME message of ``Content-Type`` multipart/related or text/html."""
    headers = _MIME_HEADERS.match(data, 0, 16384)  # (a report's first character, '<' or a Chinese one, ends it)
    return headers is not None and _MIME_MARK.search(headers.group(1)) is not None


def _read_web_archive(data: bytes, path: str, codec: str | None, max_bytes: int) -> RawDocument:
    """The page of a web archive, read as an HTML page is (``format`` ``'mht'``)."""
    page, charset, sheets = _web_archive_page(data, path, max_bytes)
    doc = _read_html(page, path, codec, declared=charset, sheets=sheets)
    doc.format = "mht"
    return doc


def _web_archive_page(data: bytes, path: str, max_bytes: int) -> tuple[bytes, str | None, dict]:
    """The HTML page of a web archive (MHT), the charset its part header names and its style sheets (see
    _archive_sheets), else an error saying why.

    The page is the archive's first part of type text/html, decoded from quoted-printable or base64; its
    charset may be in that part's header only (Word and IE write it there, not always in the page).
    """
    import email

    # The parser takes a Python step per line and an object per part: a small file of tiny parts or lines would
    # take minutes (40 MB of empty parts: 70 s), where an archive's page and images, in lines of 76
    # characters, hold some hundreds of parts and a line per 78 bytes.
    boundaries, lines = data.count(b"\n--"), data.count(b"\n")
    most = max(max_bytes, DEFAULT_MAX_BYTES) // _MHT_LINE_BYTES
    if boundaries > _MHT_MAX_PARTS or lines > most:
        what = (f"{boundaries} MIME boundaries, more than {_MHT_MAX_PARTS}" if boundaries > _MHT_MAX_PARTS else
                f"{lines} lines, more than {most} (one per {_MHT_LINE_BYTES} bytes of max_bytes or 50 MiB, the larger)")
        raise FileTooLargeError(path, f"the web archive holds {what}")
    try:
        message = email.message_from_bytes(data)
        parts = list(message.walk())
    except RecursionError as exc:  # (the parser and walk() go down one level per nested part)
        raise CorruptFileError(path, "broken web archive: its MIME parts are nested too deep") from exc
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        boundary = message.get_boundary()
        why = ("its Content-Type names no boundary" if boundary is None
               else f"the boundary {boundary!r} its Content-Type names is not found")
        raise CorruptFileError(path, f"broken web archive: {why}, so its parts cannot be told apart")
    pages = [item for item in parts if item.get_content_type() == "text/html"]
    if not pages:
        kinds = ", ".join(dict.fromkeys(item.get_content_type() for item in parts if not item.is_multipart()))
        raise CorruptFileError(path, f"the web archive holds no HTML page (its parts: {kinds or 'none'})")
    for item in pages:
        payload: bytes = item.get_payload(decode=True)  # type: ignore[assignment]  # decoded: a part's bytes
        if payload and payload.strip():
            charset = item.get_content_charset()
            sheets = _archive_sheets(parts, item)
            try:
                return payload, None if charset is None else codecs.lookup(charset).name, sheets
            except LookupError:
                return payload, None, sheets  # an unknown name: the page's own meta tag, or detection, decides
    raise EmptyFileError(path, "the web archive's HTML page is empty")


def _archive_sheets(parts: list, page) -> dict:
    """The style sheets (text/css parts) of a web archive whose HTML part is ``page``, by the addresses a page's
    ``<link rel="stylesheet" href="…">`` names them by (the part's Content-Location, 'cid:' and its Content-ID), and
    the page's own address under the key ''.  A browser saving a page as one file (Chrome's, IE's MHT) keeps its
    sheets so: a class they hide was read as shown, though the archive holds the sheet that hides it."""
    sheets: dict = {}
    for item in parts:
        if item.get_content_type() != "text/css":
            continue
        payload = item.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        try:
            css = payload.decode(item.get_content_charset() or "utf-8", "replace")
        except LookupError:
            css = payload.decode("utf-8", "replace")
        location, ident = (str(item.get(name) or "").strip() for name in ("Content-Location", "Content-ID"))
        if location:
            sheets[location] = css
        if ident.strip("<>"):
            sheets[f"cid:{ident.strip('<>')}"] = css
    if sheets:
        sheets[""] = (page.get("Content-Location") or "").strip()
    return sheets


#: The most text of linked style sheets put in a page (see _linked_sheets): a page of many links to one large sheet
#: put in each (10,000 links to a sheet of 2 MiB, 20 GB of text).
_LINKED_SHEETS_MAX = 8 * 1024 * 1024


def _linked_sheets(root, find: Callable[[str], str | None], base: str) -> bytes:
    """Put in place of each ``<link rel="stylesheet">`` of the page ``root`` the sheet ``find(address)`` gives (the
    link's address as written, else resolved against the page's address ``base``: see _archive_sheets,
    _folder_sheet), as a ``<style>`` of the link's ``media``, up to _LINKED_SHEETS_MAX characters in all (a sheet
    past it is not put in); the UTF-8 bytes of the sheets put in."""
    from urllib.parse import urldefrag, urljoin

    found = root.find("head/base")
    if found is not None and found.get("href"):
        base = urljoin(base, found.get("href").strip())
    added: list = []
    total = 0
    for link in list(root.iter("link")):
        href, rel = (link.get("href") or "").strip(), (link.get("rel") or "").lower().split()
        if not href or "stylesheet" not in rel or "alternate" in rel or link.getparent() is None:
            continue  # (an alternate sheet is one a user may choose: not shown)
        css = find(href)
        if css is None:
            try:
                css = find(urldefrag(urljoin(base, href))[0])
            except ValueError:  # (an address that is none)
                continue
        if css is None or total + len(css) > _LINKED_SHEETS_MAX:
            continue
        total += len(css)
        media = (link.get("media") or "").strip()
        link.attrib.clear()  # (its tail stays where it is)
        link.tag, link.text = "style", css
        if media:
            link.set("media", media)
        added.append(css)
    return "\n".join(added).encode("utf-8", "replace")


_FOLDER_SHEET_MAX = 2 * 1024 * 1024  # a style sheet's largest size read from a saved page's folder


def _folder_sheet(folder: str, codec: str, href: str) -> str | None:
    """The style sheet a page saved in ``folder`` links by the relative address ``href``, decoded (its byte-order
    mark, else UTF-8, else the page's ``codec``), else None: an address with a scheme, a host or an absolute path
    (a browser would fetch it, the file tool does not), one resolving outside ``folder`` ('..', a link leading
    out), a missing file, or one larger than _FOLDER_SHEET_MAX (2 MiB)."""
    from urllib.parse import unquote, urlsplit

    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    name = unquote(parts.path)
    if parts.scheme or parts.netloc or not name or name.startswith(("/", "\\")) or "\0" in name:
        return None
    target = os.path.realpath(os.path.join(folder, *name.replace("\\", "/").split("/")))
    if not target.startswith(os.path.join(folder, "")):
        return None  # (outside the page's folder: '..', a drive, or a link leading out)
    try:
        if not os.path.isfile(target) or os.path.getsize(target) > _FOLDER_SHEET_MAX:
            return None
        with open(target, "rb") as fh:
            data = fh.read(_FOLDER_SHEET_MAX + 1)
    except OSError:
        return None
    bom = _detect_bom(data)
    if bom is not None:
        return data.decode(bom, "replace").lstrip("\ufeff")  # (GB18030's mark is a character of its own)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode(codec, "replace")
        except LookupError:
            return data.decode("utf-8", "replace")


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
    parts as runs set superscript, so that a footnote mark typed raised after a value is read as in a DOCX."""
    from lxml.etree import SubElement

    spans = getattr(text, "raised", ())
    if not spans:  # (almost every paragraph)
        _word_text(SubElement(p, _w("r")), text)
        return
    at = 0
    for start, end in (*spans, (len(text), len(text))):
        for part, raised in ((text[at:start], False), (text[start:end], True)):
            if part:
                r = SubElement(p, _w("r"))
                if raised:
                    SubElement(SubElement(r, _w("rPr")), _w("vertAlign")).set(_w("val"), "superscript")
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


# Word's number formats written as the digits a reader sees (bullets give '•', unknown formats no marker)
_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖拾"  # the digits, then ten, of the financial numerals
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖拾"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


def _cn_number(n: int, digits: str = _CN_DIGITS + "十") -> str:
    """一 … 九十九 (Word's chineseCounting), or in the financial numerals ``digits`` (壹 … 玖拾玖, where ten is
    壹拾); larger numbers in digits."""
    if n < 10:
        return digits[n]
    if n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    lead = "" if tens == 1 and digits[1] == "一" else digits[tens]  # 十一, but 壹拾壹
    return lead + digits[10] + ("" if ones == 0 else digits[ones])


_NUM_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "decimalFullWidth": str, "decimalHalfWidth": str,
    "chineseCounting": _cn_number, "chineseCountingThousand": _cn_number, "japaneseCounting": _cn_number,
    "taiwaneseCounting": _cn_number, "taiwaneseCountingThousand": _cn_number,
    "ideographTraditional": lambda n: _STEMS[n - 1] if 1 <= n <= 10 else str(n),  # 甲 乙 丙
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),  # ① ② ③
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",  # ⒈ ⒉
    "ideographEnclosedCircle": lambda n: chr(0x3280 + n - 1) if 1 <= n <= 10 else str(n),  # ㊀ ㊁
    "chineseLegalSimplified": lambda n: _cn_number(n, _LEGAL_SIMPLIFIED),  # 壹 贰 … 壹拾
    "ideographLegalTraditional": lambda n: _cn_number(n, _LEGAL_TRADITIONAL),  # 壹 貳 … 壹拾
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),  # 一〇 for 10
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "ideographZodiac": lambda n: _ZODIAC[n - 1] if 1 <= n <= 12 else str(n),  # 子 丑 寅
    "decimalEnclosedParen": lambda n: f"({n})",
    "lowerLetter": lambda n: chr(96 + n) if 1 <= n <= 26 else str(n),
    "upperLetter": lambda n: chr(64 + n) if 1 <= n <= 26 else str(n),
}
# The bullet written before the items of a bulleted list (an HTML <ul>, Word's bullets), where the statements
# split a list (one of formats.yaml bullets); one typed at the start of the text is kept instead.
_BULLET_MARK = "•"


def _typed_bullet(text: str) -> bool:
    """Whether ``text`` starts with a bullet of its own (formats.yaml ``bullets``)."""
    from toolkit.formats import load_formats

    start = text.lstrip()[:1]
    return bool(start) and start in load_formats()["bullets"]


@functools.lru_cache(maxsize=1)
def _list_marker() -> re.Pattern[str]:
    """A number typed at the start of a text (一、 (一) 1. 一是 ① 第一, and 壹、 (贰) in the formal numerals of
    formats.yaml ``formal_numerals``): Word's or a list's own number is not added."""
    from toolkit.formats import load_formats

    formal = "".join(load_formats()["formal_numerals"])
    return re.compile(rf"\s*(?:[(（]?[一二三四五六七八九十{formal}\d]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}[、是]"
                      rf"|[{formal}]{{1,3}}[、.．]|\d{{1,2}}[.、．](?!\d)|[①-⑳]|第[一二三四五六七八九十]{{1,3}}[,，、])")


def _numbered(number: str, text: str) -> str:
    """``text`` after the list ``number`` Word or a browser shows before it, with a space where the text
    starts with a digit ('1. 12.5%…': glued, '1.12.5%' reads as no item marker)."""
    text = text.lstrip()
    if not number:
        return text
    return number + (" " if text[:1].isdigit() else "") + text


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
        page_run = run.getparent().tag == _FIELD_SIMPLE and _page_field(run.getparent().get(_w("instr")))
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


def _own_cells(text: str, nested: list, after: list) -> list:
    """The cells a table's cell gives its row (HTML and DOCX alike): its text, the lines and rows of the tables
    nested in it (``nested``) put in ``after``, to follow the row; but a cell holding nothing but a table of one
    row of values (see _value_text) gives that row's cells, shown side by side in its place (counts set in a table
    of their own: the cell was blank, the counts in a row after its row)."""
    if not text and len(nested) == 1 and isinstance(nested[0], list) and all(map(_value_text, nested[0])):
        return nested[0]
    after.extend(nested)
    return [text]


# A cell's text that is a value's: a number, blank or a not-applicable mark
_VALUE_TEXT = re.compile(r"[\d.,，%\s-]*")


def _value_text(text: str) -> bool:
    """Whether a cell's text is a value's: a number, a not-applicable mark or nothing, not words (a label, a unit).

    The cells a cell of a value merged down over rows covers (a column of zeros or blanks merged) stay in their rows
    as blank cells: left out, the values after them stood one column to the left, under another column's key.
    Covered cells of words are left out (see the module's docstring)."""
    return _VALUE_TEXT.fullmatch(text) is not None or text in NA_MARKS


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
