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
(warned of: ``merged_down``), and a covered cell of words after a row's first cell is its unit or a blank (see
``markup._covered_words``). Blank text
lines are dropped from HTML, DOCX and PDF (they carry no line numbers a reader
could point to), except inside an HTML ``<pre>``, whose lines are kept as
written, blank ones and tabs included.

This module chooses the reader (:func:`read_document`: the content decides over the file name) and reads the file's
bytes. The readers are modules of their own: :mod:`toolkit.plaintext` (text), :mod:`toolkit.webpage` (HTML and web
archives), :mod:`toolkit.word` (DOCX, and .doc through :mod:`toolkit.msdoc`), :mod:`toolkit.pdf` (PDF, and OFD
through :mod:`toolkit.ofd`). The codecs of text and web pages are found by :mod:`toolkit.decoding`;
:class:`RawDocument` is defined in :mod:`toolkit.document`, and what the HTML and Word readers share in
:mod:`toolkit.markup`.
"""
from __future__ import annotations

import errno
import io
import os
import re
import zipfile

from toolkit.decoding import (_ARCHIVE_MAGIC, _ENCRYPTED_OFFICE, _OLE_MAGIC, _check_encoding, _content_named, _magic,
                              _pdf_header_after, decode_bytes)
from toolkit.document import DEFAULT_MAX_BYTES, RawDocument
from toolkit.errors import (BinaryFileError, CorruptFileError, DecodeError, EmptyFileError, FileTooLargeError,
                            ReadError, ToolkitError, UnsupportedFormatError)
from toolkit.pdf import _read_ofd, _read_pdf
from toolkit.plaintext import _read_text
from toolkit.webpage import _is_web_archive, _read_html, _read_web_archive
from toolkit.word import _damaged_zip, _read_doc, _read_docx, _word_main_part

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
# Archives a download often comes in: refused with a word to unpack them (a DOCX or OFD so named is read by content)
_ARCHIVES = frozenset({".zip", ".rar", ".7z"})
# Formats (told by the extension) whose files are read as HTML when they start as a web page (_is_html_page)
_HTML_UNDER = frozenset({"text", "mht", "doc", "docx", "ofd", "pdf"})
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
        An HTML page (a web archive's) and the pages of its frames read add
        up to at most this size: the frames past it are not read, warned of
        (``part_unread``).

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
        If the file is empty or holds only white space or a byte-order mark (or a DOCX/DOC/PDF holds
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
    elif fmt == "mht" and not data.startswith(_ARCHIVE_MAGIC + (b"PK\x03\x04", _EMPTY_ZIP)):
        # (an archive so named is told to be unpacked below, as under every other extension)
        raise _not_a_web_archive(data, spath)
    # (a ZIP named .docx or .ofd is the package's reader's; a gzip, RAR or 7z archive so named was 'not a valid
    # DOCX: the content is a RAR archive named .docx', with no word to unpack it)
    packaged = (fmt in ("docx", "ofd") and not data.startswith(_ARCHIVE_MAGIC + (_EMPTY_ZIP,))
                and not _zip_of_files(data))
    if actual is None and fmt is not None and not packaged and (archive := _archive_reason_of(data, spath)):
        # a ZIP (gzip, RAR, 7z) named .txt, .html, .pdf or .doc was refused by its extension's reader ('binary
        # data, not text: the content is a ZIP archive (DOCX/XLSX)'), as if it were a DOCX, with no word to unpack it
        raise UnsupportedFormatError(spath, archive)
    if fmt is None:
        if ext in _SNIFF_EXTENSIONS:
            fmt = _sniff(data, spath, codec)
        elif ext in _LEGACY_OFFICE:
            raise UnsupportedFormatError(
                spath,
                f"unsupported file format {ext!r}; save the report as .docx, .pdf, "
                f".html or .txt ({_supported()})",
            )
        elif ext in _ARCHIVES:
            raise UnsupportedFormatError(spath, _archive_reason(ext))
        else:
            raise UnsupportedFormatError(
                spath, f"unsupported file extension {ext!r} ({_supported()})"
            )

    if fmt == "doc" and actual is None:  # a .doc that is no Word document, web page, DOCX or PDF either
        what = _magic(data)
        if what is not None:  # (as a PNG named .docx, .pdf or .ofd is: one class and one wording for one cause)
            raise CorruptFileError(spath, f"not a valid Word document: {_content_named(what, spath)}")
        raise CorruptFileError(spath, "not a valid Word document: not an OLE compound file (nor a web page, "
                                      "web archive, DOCX or PDF)")
    if fmt in ("text", "html") and not data.strip(b" \t\r\n\x0b\x0c"):
        raise EmptyFileError(spath, "file holds only white space")

    try:
        if fmt == "text":
            return _read_text(data, spath, codec)
        if fmt == "html":
            return _read_html(data, spath, codec, on_disk=True, max_bytes=max_bytes)
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


def _not_a_web_archive(data: bytes, path: str) -> CorruptFileError:
    """A file named .mht that is no web archive: what it is where its signature shows it (a PNG image named .mht,
    as named .docx or .pdf), else the header it lacks."""
    what = _magic(data)
    if what is not None:
        return CorruptFileError(path, f"not a web archive: {_content_named(what, path)}")
    return CorruptFileError(path, "not a web archive: no MIME header (Content-Type: multipart/related or text/html) "
                                  "at the start")


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


def _archive_reason(ext: str) -> str:
    """Why an archive (``.zip``, ``.rar``, ``.7z``) is refused: the list of extensions read would not tell that its
    reports are inside, to be unpacked first."""
    return f"unsupported file format {ext!r}: an archive; {_UNPACK}"


_UNPACK = "unpack it and give the files it holds (or their folder)"


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
    if data.startswith(b"PK\x03\x04"):  # (before a PDF's header, which a ZIP holds where it stores a PDF first)
        return _zip_document(data)
    if data.startswith(b"%PDF-") or _pdf_header_after(data):
        return "pdf"
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
    # an archive downloaded without its .zip (a 'download.jsp' served one) is told to be unpacked, as a .zip is
    if archive := _archive_reason_of(data, path):
        raise UnsupportedFormatError(path, archive)
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


def _archive_reason_of(data: bytes, path: str) -> str | None:
    """Why content that is an archive (ZIP, gzip, RAR, 7z) but no DOCX nor OFD is refused, whatever the file is
    called (see _zip_reason); None for other content.  A damaged ZIP raises CorruptFileError."""
    if data.startswith(b"PK\x03\x04"):
        return _zip_reason(data, path)
    if data.startswith(_ARCHIVE_MAGIC):
        return f"unsupported format: the content is {_magic(data)}; {_UNPACK}"
    if data.startswith(_EMPTY_ZIP):  # (named .txt it was 'binary data, not text: 2 control characters')
        return "unsupported format: the content is an empty ZIP archive (it holds no file)"
    return None


# how a ZIP that holds no file begins: its end of central directory alone (no local header, PK\x03\x04, before it)
_EMPTY_ZIP = b"PK\x05\x06"


def _zip_reason(data: bytes, path: str) -> str:
    """Why a ZIP that is no DOCX nor OFD is refused, whatever the file is called: a damaged one (cut short) is
    named damaged; an archive of files is told to be unpacked; a package (a workbook) to be saved as a report the
    readers take.

    Raises
    ------
    CorruptFileError
        If the ZIP cannot be opened: its central directory missing or damaged, or an entry asking for a later
        version of ZIP than zipfile reads.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
        later = [info.extract_version for info in infos if info.extract_version > zipfile.MAX_EXTRACT_VERSION]
        # (reading such an entry raises NotImplementedError: zipfile checks the version only then)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        # a DOCX cut short in a download, named .doc or with no extension, was 'a ZIP archive that is not a DOCX
        # (no word/document.xml)': its parts cannot be listed, so nothing says it is no DOCX
        raise _damaged_zip(path, exc, data) from exc
    if later:
        raise _damaged_zip(path, NotImplementedError(f"zip file version {later[0] / 10:.1f}"))
    what = "unsupported format: a ZIP archive that is not a DOCX (no word/document.xml) nor an OFD (no OFD.xml)"
    if _files_not_parts([info.filename for info in infos]):
        return f"{what}; {_UNPACK}"
    return f"{what}; save the report as .docx, .pdf, .html or .txt"


def _zip_of_files(data: bytes) -> bool:
    """Whether ``data`` is a ZIP archive of files (reports zipped, named .docx or .ofd), to be unpacked, not a
    package missing its main part (see _files_not_parts).  A ZIP that cannot be opened is none (its package's reader
    names it damaged)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return False
    return _files_not_parts(names)


def _files_not_parts(names: list[str]) -> bool:
    """Whether a ZIP's member ``names`` are an archive's files, not a package's parts: the one rule under every
    name.  Every package holds an XML part (a DOCX or a workbook its [Content_Types].xml, an OpenDocument file its
    META-INF/manifest.xml, an OFD its OFD.xml); an archive of files none."""
    # (a ZIP holding Doc_0/Document.xml was a package named .ofd but an archive to unpack named .txt, where the
    # rule was [Content_Types].xml or mimetype; a mimetype beside a report.txt, the other way round)
    return bool(names) and not any(name.lower().endswith(_PACKAGE_PART) for name in names)


# the kind of member every package holds and an archive of reports does not
_PACKAGE_PART = ".xml"


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
