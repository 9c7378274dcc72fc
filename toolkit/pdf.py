"""Reading PDF (pdfplumber) and OFD (through :mod:`toolkit.ofd`): a page's lines and its tables, ruled or not.

Running headers, page numbers and watermarks are left out; a font without a Unicode mapping (``(cid:NN)``) gives an
:class:`~toolkit.errors.UnmappedFontError`, never garbage text. Called by :func:`toolkit.readers.read_document`.
"""
from __future__ import annotations

import bisect
import contextlib
import contextvars
import copy
import functools
import io
import logging
import re
import statistics
import threading
import unicodedata
import zlib
from typing import Iterator

from toolkit.decoding import _content_named, _magic
from toolkit.document import DEFAULT_MAX_BYTES, RawDocument, _ZIP_EXPANSION, _own_title, _warn
from toolkit.errors import CorruptFileError, EmptyFileError, FileTooLargeError, ToolkitError, UnmappedFontError
from toolkit.markup import _is_cjk
from toolkit.normalize import _SPACES, is_continuation_caption, is_page_furniture, is_print_stamp, normalize_line
from toolkit.plaintext import text_lines


# A PDF whose extracted characters are (cid:NN) placeholders for more than
# this share of its non-space characters is refused (UnmappedFontError).
_CID_SHARE_LIMIT = 0.05
# Pages with more ruling-line edges than this are read as text only: finding
# tables is quadratic in the number of edges.
_MAX_PDF_EDGES = 6000

_CID_RE = re.compile(r"\(cid:\d+\)")


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
    if hint != "a PDF file":  # (a PNG named .pdf: said so, as the DOCX and OFD readers say it)
        raise CorruptFileError(path, f"not a valid PDF: {_content_named(hint, path) if hint else 'no %PDF- header'}")
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
            raise _unopened_pdf(path, exc, data) from exc
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


def _unopened_pdf(path: str, exc: Exception, data: bytes) -> CorruptFileError:
    """A PDF pdfminer cannot open (``exc``): said to be cut short where it ends without the end-of-file marker
    ('%%EOF') its writer puts last, with a word to download it again, as a DOCX cut short is (word._damaged_zip):
    'PdfminerException: Unexpected EOF' alone named the library's trouble, not the file's."""
    problem = f"not a valid PDF: {type(exc).__name__}: {exc}"
    if b"%%EOF" not in data[-1024:]:
        problem += " (it ends without its %%EOF marker: a PDF cut short?); download or save it again"
    return CorruptFileError(path, problem)


def _read_ofd(data: bytes, path: str, max_bytes: int) -> RawDocument:
    """An OFD (:mod:`toolkit.ofd`): its pages of positioned characters and rules read as a PDF's pages are."""
    from toolkit.ofd import read_ofd  # (lazily: a PDF is read without the Word and web readers OFD loads)

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
    carry: dict = {}  # the columns (and header) of an unruled table that ends a page, for its rows on the next
    carried: dict[int, dict] = {}  # the carry each page was read with (for a page read again)
    edge_numbers: list[tuple] = []  # bare numbers over a ruled table's bottom edge: maybe the page's number

    def read(number: int, page, carry: dict, found: list | None = None,
             drop: frozenset = frozenset()) -> tuple[int, int, list, dict, bool]:
        turned = None
        try:
            turned, upright = turn(page) if turn is not None else (None, None)
            chars, cids, page_lines, margin = _pdf_page(turned or page, path, number, carry, found, drop)
            # (a scan of a web page printed by a browser carries its header and footer: few characters below them)
            scan = _is_scanned(page) and _body_chars(page) < few
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
        return chars, cids, page_lines, margin, scan

    for number, page in enumerate(pages, start=1):
        if carry:
            carried[number] = copy.deepcopy(carry)
        chars, cids, page_lines, margin, scan = read(number, page, carry, edge_numbers)
        if scan:
            scanned.append(number)
        elif chars:
            text_pages += 1
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
    # a bare number over a table's bottom edge that counts the pages with the numbers at that height on the others
    # is the page's number: the page read again without it
    for number, drop in _page_numbers_on_edges(edge_numbers, [margin for _, margin in out]).items():
        out[number - 1] = read(number, pages[number - 1], carried.get(number, {}), drop=drop)[2:4]
    lines = _drop_page_furniture(out)
    if not lines:
        raise EmptyFileError(path, f"the {kind} holds no text")
    return lines


def _is_scanned(page) -> bool:
    """Whether a page is an image (a scan): its images cover ``pdf.scan_share`` of it or more (a stamp, a logo
    do not); the caller asks so of every page, and takes a page for a scan where it also holds fewer than
    ``pdf.scan_chars`` characters outside its margins (:func:`_body_chars`)."""
    area = sum(max(im["x1"] - im["x0"], 0) * max(im["bottom"] - im["top"], 0) for im in page.images)
    return area >= _pdf_settings()["scan_share"] * page.width * page.height


def _body_chars(page) -> int:
    """The characters of a page (not spaces) outside its top and bottom margins (``pdf.margin`` of formats.yaml),
    where running headers, footers and a browser's print stamp stand."""
    edge = _pdf_settings()["margin"] * float(page.height)
    return sum(1 for ch in page.chars if ch.get("text", "").strip()
               and ch["bottom"] > edge and ch["top"] < float(page.height) - edge)


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
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

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
    read blank). Optional content that a viewer hides when it opens the file (a layer, an OCG off in the catalog's
    default configuration: :func:`_hidden_groups`) is not drawn: its text (an editor's draft notes) was read. The
    characters of a Type3 font whose glyph space is upside down or mirrored are read as shown (:func:`_shown_device`).
    """
    if getattr(page, "page_obj", None) is None or hasattr(page, "_layout") or not (
            _sets_opacity(page.page_obj.resources) or _shown_annotations(page.page_obj)
            or _hidden_groups(_catalog_of(page.page_obj)) or _in_resources(page.page_obj.resources, _flipped_type3)):
        return page
    from pdfplumber.utils.exceptions import PdfminerException

    device = _shown_device()(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    try:  # (as pdfplumber's Page.layout reads a page, by an interpreter that applies the fill opacity)
        _shown_interpreter()(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:
        raise PdfminerException(exc) from exc
    page._layout = device.get_result()
    return page


def _in_resources(resources, test, depth: int = 0) -> bool:
    """Whether ``test`` holds of a page's (a form's) ``resources`` (a dictionary), or of its forms' (three forms deep
    at most)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    resources = resolve1(resources)
    if not isinstance(resources, dict):
        return False
    if test(resources):
        return True
    objects = resolve1(resources.get("XObject"))
    if depth >= 3 or not isinstance(objects, dict):
        return False
    for obj in objects.values():
        obj = resolve1(obj)
        if isinstance(obj, PDFStream) and getattr(obj.get("Subtype"), "name", None) == "Form" \
                and _in_resources(obj.get("Resources"), test, depth + 1):
            return True
    return False


def _sets_opacity(resources) -> bool:
    """Whether a page's (a form's) ``resources`` hold a graphics state of a fill opacity (``/ca``) below 1, or
    its forms' do."""
    return _in_resources(resources, _opacity_below_one)


def _opacity_below_one(resources: dict) -> bool:
    """Whether ``resources`` hold a graphics state of a fill opacity (``/ca``) below 1."""
    from pdfminer.pdftypes import resolve1

    states = resolve1(resources.get("ExtGState"))
    for state in states.values() if isinstance(states, dict) else ():
        state = resolve1(state)
        alpha = resolve1(state.get("ca")) if isinstance(state, dict) else None
        if isinstance(alpha, (int, float)) and alpha < 1:
            return True
    return False


def _flipped_type3(resources: dict) -> bool:
    """Whether ``resources`` hold a Type3 font whose glyph space is upside down or mirrored left to right (its
    ``/FontMatrix`` turns one axis over: :func:`_flip`)."""
    from pdfminer.pdftypes import resolve1

    fonts = resolve1(resources.get("Font"))
    for font in fonts.values() if isinstance(fonts, dict) else ():
        font = resolve1(font)
        if isinstance(font, dict) and getattr(resolve1(font.get("Subtype")), "name", None) == "Type3" \
                and _flip(resolve1(font.get("FontMatrix"))):
            return True
    return False


def _flip(matrix) -> str | None:
    """How a font matrix turns its glyph space over: 'down' (y down, x as it is: upside down), 'mirrored' (x
    leftward, y as it is: mirrored left to right), else None."""
    if not isinstance(matrix, (list, tuple)) or len(matrix) != 6:
        return None
    try:
        a, b, c, d = (float(v) for v in matrix[:4])
    except (TypeError, ValueError):
        return None
    if b != 0 or c != 0:
        return None
    return "down" if a > 0 > d else "mirrored" if d > 0 > a else None


@functools.lru_cache(maxsize=1)
def _shown_device() -> type:
    """pdfplumber's layout device, the characters of a Type3 font whose glyph space is upside down (``/FontMatrix
    [.001 0 0 -.001 0 0]``, drawn by a text matrix upside down too: upright on the page) or mirrored left to right
    (``/FontMatrix [-.001 0 0 .001 0 0]``, by a text matrix mirrored too) set upright.

    pdfminer places a character by the text matrix alone: those came out upside down (or mirrored), turned away
    from the page's text (a heading so set was dropped as a watermark's, a page of them read a character at a
    time), their boxes below the baseline. The font matrix's flip is put into the character's matrix; upside down,
    the font's descent is its glyph box's top, turned down; mirrored, its widths (leftward in its glyph space) are
    rightward, and the pen moves on as the text matrix has it."""
    from pdfminer.pdffont import PDFType3Font
    from pdfminer.utils import mult_matrix
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class Upright:
        """A Type3 font upside down, seen upright: its descent the top of its glyph box, turned down."""

        def __init__(self, font) -> None:
            self._font = font

        def get_descent(self) -> float:
            return self._font.get_ascent()

        def __getattr__(self, name: str):
            return getattr(self._font, name)

    class Unmirrored(Upright):
        """A Type3 font mirrored left to right, seen upright: its widths rightward."""

        def get_descent(self) -> float:
            return self._font.get_descent()

        def char_width(self, cid: int) -> float:
            return -self._font.char_width(cid)

    class ShownDevice(PDFPageAggregatorWithMarkedContent):
        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            flip = _flip(font.matrix) if isinstance(font, PDFType3Font) else None
            if flip == "down":
                matrix, font = mult_matrix((1, 0, 0, -1, 0, 0), matrix), Upright(font)
            elif flip == "mirrored":  # (the advance given back as the font has it: the text matrix turns it right)
                return -super().render_char(mult_matrix((-1, 0, 0, 1, 0, 0), matrix), Unmirrored(font), fontsize,
                                            scaling, rise, cid, ncs, graphicstate)
            return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)

    return ShownDevice


def _shown_annotations(page_obj) -> list:
    """The annotations of a page that show text: text fields (a widget of ``/FT /Tx``, its own or its parent
    field's), FreeText notes and stamps (an official seal set as a ``/Stamp`` annotation, whose text an OFD's
    stamp annotation gives too: :mod:`toolkit.ofd`), not hidden (``/F`` Hidden or NoView, or its ``/OC`` optional
    content a viewer hides: :func:`_hidden_groups`), each with the appearance stream it is drawn
    by: its own (``/AP /N``), or, where it has none or the form asks a viewer to draw its fields anew
    (``/NeedAppearances true``), one drawn from its text as a viewer draws it (:func:`_drawn_appearance`); a stamp
    without one shows a viewer's icon, no text of the report (its ``/Contents`` is its pop-up note's)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    annots = resolve1(getattr(page_obj, "annots", None))
    shown = []
    anew = None  # whether the form asks for its fields' appearances anew (looked up at the first text field)
    hidden = None  # the layers off (looked up at the first annotation of text with an /OC of its own)
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
        if not (kind in ("FreeText", "Stamp") or widget) or (isinstance(flags, int) and flags & (2 | 32)):
            continue
        if annot.get("OC") is not None:  # (a reviewer's notes in a layer turned off: a viewer shows none)
            hidden = _hidden_groups(_catalog_of(page_obj)) if hidden is None else hidden
            if _optional_off(annot.get("OC"), hidden):
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
        if kind == "Stamp":
            look = look if isinstance(look, PDFStream) else None
        elif not isinstance(look, PDFStream) or (widget and anew):
            look = _drawn_appearance(annot, parent, widget, _catalog_of(page_obj))
        if look is not None:
            shown.append((annot, look))
    return shown


def _hidden_groups(catalog: dict) -> frozenset[int]:
    """The object numbers of the optional content groups (layers) a viewer hides when it opens the document: those
    its default configuration (``/OCProperties /D``) turns off (``/OFF``, or all but ``/ON`` where its
    ``/BaseState`` is ``/OFF``); empty where it has none (most documents)."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    try:
        props = resolve1(catalog.get("OCProperties"))
        config = resolve1(props.get("D")) if isinstance(props, dict) else None
        if not isinstance(config, dict):
            return frozenset()

        def refs(name: str, where: dict) -> set[int]:
            value = resolve1(where.get(name))
            return {r.objid for r in value if isinstance(r, PDFObjRef)} if isinstance(value, list) else set()

        off = refs("OFF", config)
        if getattr(resolve1(config.get("BaseState")), "name", "ON") == "OFF":
            off |= refs("OCGs", props) - refs("ON", config)
        return frozenset(off)
    except Exception:  # (a damaged dictionary: every layer shows, as the content does without one)
        return frozenset()


def _optional_off(entry, hidden: frozenset[int]) -> bool:
    """Whether optional content marked by ``entry`` (an OCG or a membership dictionary, OCMD, as a reference) is
    hidden, ``hidden`` being the groups off (:func:`_hidden_groups`): an OCG off; an OCMD by its policy ``/P``
    over its groups (AnyOn by default: hidden where all of them are off)."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    if not hidden:
        return False
    if isinstance(entry, PDFObjRef) and entry.objid in hidden:
        return True
    entry = resolve1(entry)
    if not isinstance(entry, dict) or getattr(resolve1(entry.get("Type")), "name", None) != "OCMD":
        return False
    groups = resolve1(entry.get("OCGs"))
    groups = groups if isinstance(groups, list) else [groups]
    on = [not (isinstance(g, PDFObjRef) and g.objid in hidden) for g in groups if g is not None]
    if not on:
        return False
    policy = getattr(resolve1(entry.get("P")), "name", "AnyOn")
    shown = {"AllOn": all(on), "AnyOff": not all(on), "AllOff": not any(on)}.get(policy, any(on))
    return not shown


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
        hidden: frozenset[int] = frozenset()  # the optional content groups off (_hidden_groups)
        marked: list[bool] = []  # for each marked-content sequence open: whether it is optional content hidden

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
            self.hidden = _hidden_groups(_catalog_of(page))
            super().process_page(page)

        def init_state(self, ctm) -> None:
            super().init_state(ctm)
            self.graphicstate.fill_alpha = self.inherited  # type: ignore[attr-defined]
            self.marked = []

        def do_BMC(self, tag) -> None:
            self.marked.append(False)
            super().do_BMC(tag)

        def do_BDC(self, tag, props) -> None:
            entry = None
            if getattr(tag, "name", None) == "OC":  # (its property list named in the resources' /Properties)
                named = resolve1((self.resources or {}).get("Properties"))
                entry = named.get(literal_name(props)) if isinstance(named, dict) else None
            self.marked.append(_optional_off(entry, self.hidden))
            super().do_BDC(tag, props)

        def do_EMC(self) -> None:
            if self.marked:
                self.marked.pop()
            super().do_EMC()

        def do_Do(self, xobjid) -> None:
            if any(self.marked):
                return
            if self.hidden:  # (a form or an image of optional content of its own, /OC)
                xobj = resolve1((self.resources or {}).get("XObject") or {})
                xobj = resolve1(xobj.get(literal_name(xobjid))) if isinstance(xobj, dict) else None
                if xobj is not None and _optional_off(getattr(xobj, "attrs", {}).get("OC"), self.hidden):
                    return
            super().do_Do(xobjid)

        def get_current_state(self):
            ctm, text, graphic = super().get_current_state()
            graphic.fill_alpha = getattr(self.graphicstate, "fill_alpha", 1.0)  # type: ignore[attr-defined]
            return ctm, text, graphic

        def subinterp(self):
            interp = super().subinterp()
            interp.inherited = getattr(self.graphicstate, "fill_alpha", 1.0)  # type: ignore[attr-defined]
            interp.hidden = self.hidden  # type: ignore[attr-defined]
            return interp

        def do_gs(self, name) -> None:
            states = resolve1((self.resources or {}).get("ExtGState"))
            state = resolve1(states.get(literal_name(name))) if isinstance(states, dict) else None
            alpha = resolve1(state.get("ca")) if isinstance(state, dict) else None
            if isinstance(alpha, (int, float)):
                self.graphicstate.fill_alpha = min(max(float(alpha), 0.0), 1.0)  # type: ignore[attr-defined]

        def do_S(self) -> None:
            self._paint(super().do_S)

        def do_f(self) -> None:
            self._paint(super().do_f)

        def do_f_a(self) -> None:
            self._paint(super().do_f_a)

        def do_B(self) -> None:
            self._paint(super().do_B)

        def do_B_a(self) -> None:
            self._paint(super().do_B_a)

        def _paint(self, paint) -> None:
            """Paint the current path as ``paint`` does, unless it is optional content hidden: a table's rules in
            a layer a viewer hides are no rules of the page (they made cells of the prose under them)."""
            if any(self.marked):
                self.curpath = []
                return
            paint()

        def do_EI(self, obj) -> None:
            if not any(self.marked):  # (an inline image hidden is no scan of the page)
                super().do_EI(obj)

        def do_TJ(self, seq) -> None:
            if any(self.marked):  # (optional content hidden: no text a viewer shows)
                return
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
    dark_fills = _dark_fills(page, limit)
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


def _dark_fills(page, limit: float) -> list[tuple]:
    """The boxes (x0, top, x1, bottom) of a page's rectangles filled darker than ``limit``."""
    return [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects
            if r.get("fill") and (_lightness(r.get("non_stroking_color")) or 0.0) < limit]


_RULES = ("line", "rect", "curve")


def _unseen_rules(page, settings: dict):
    """A ``page.filter`` test that drops the rules a viewer does not show on white paper, or None where the page
    draws none: lines, rectangles and curves whose every ink (the stroke, the fill they are drawn with) is white or
    nearly so (``pdf.white_rule``), unless a dark fill lies under their middle (a white rule between the cells of a
    coloured table head shows).

    pdfplumber finds a table's cells by every rule drawn: a rule drawn in white (a cell border hidden so, not
    removed) split a cell that shows whole, its text cut into two cells ('第二十条 | 第(一)项').
    """
    white = settings["white_rule"]

    def unseen(obj: dict) -> bool:
        inks = [obj.get(colour) for drawn, colour in (("stroke", "stroking_color"), ("fill", "non_stroking_color"))
                if obj.get(drawn)]
        # (a bare number is a grey level: pdfminer gives a path's colour so)
        levels = [_lightness((ink,) if isinstance(ink, (int, float)) else ink) for ink in inks]
        return bool(levels) and all(level is not None and level >= white for level in levels)

    rules = [obj for kind in _RULES for obj in page.objects.get(kind, ()) if unseen(obj)]
    if not rules:
        return None
    fills = _dark_fills(page, settings["light_colour"])
    dropped = {id(obj) for obj in rules if not any(_inside(obj, box) for box in fills)}
    return (lambda obj: id(obj) not in dropped) if dropped else None


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
    report's (a spread's text twice). The crop box is placed as the characters are (:func:`_shown_box`): turned by
    the page's /Rotate, from its media box's corner.
    """
    from pdfminer.pdftypes import resolve1

    page_obj = getattr(page, "page_obj", None)
    attrs = getattr(page_obj, "attrs", None)
    if page_obj is None or not isinstance(attrs, dict) or "CropBox" not in attrs:
        return page
    try:
        crop = [float(resolve1(v)) for v in resolve1(attrs["CropBox"])]
        media = [float(v) for v in page_obj.mediabox]  # (pdfminer's, by which it turns the page)
    except (TypeError, ValueError, AttributeError):
        return page
    if len(crop) != 4 or len(media) != 4:
        return page
    mx0, my0, mx1, my1 = min(media[::2]), min(media[1::2]), max(media[::2]), max(media[1::2])
    cx0, cy0 = max(min(crop[::2]), mx0), max(min(crop[1::2]), my0)  # (a crop box is cut to the media box)
    cx1, cy1 = min(max(crop[::2]), mx1), min(max(crop[1::2]), my1)
    if cx1 <= cx0 or cy1 <= cy0 or (cx0 - mx0 < 1 and cy0 - my0 < 1 and mx1 - cx1 < 1 and my1 - cy1 < 1):
        return page  # (none to speak of, or as large as the page)
    box = _shown_box(page, (cx0, cy0, cx1, cy1))
    return page.filter(lambda obj: obj.get("object_type") != "char" or _inside(obj, box))


def _rotation_ctm(rotate: int, mediabox) -> tuple:
    """The matrix by which pdfminer's interpreter turns a page's user space by its ``/Rotate`` (another angle than a
    quarter turn: not turned), moving its ``mediabox``'s corner to the origin."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return 0, -1, 1, 0, -y0, x1
    if rotate == 180:
        return -1, 0, 0, -1, x1, y1
    if rotate == 270:
        return 0, 1, -1, 0, y1, -x0
    return 1, 0, 0, 1, -x0, -y0


def _shown_box(page, rect: tuple) -> tuple:
    """Where pdfplumber places what a page draws inside ``rect`` (x0, y0, x1, y1 of its user space): (x0, top, x1,
    bottom) turned by the page's /Rotate as pdfminer turns its characters, then from the top left as pdfplumber
    sets them (offset by the corner of its media box)."""
    from pdfminer.utils import apply_matrix_pt

    ctm = _rotation_ctm(page.page_obj.rotate, page.page_obj.mediabox)
    corners = [apply_matrix_pt(ctm, (x, y)) for x in rect[::2] for y in rect[1::2]]
    left, top, _, bottom = page.mediabox  # (pdfplumber's: y from the top, the page's height below it)
    xs = [x + left for x, _ in corners]
    tops = [bottom - y for _, y in corners]
    return min(xs), min(tops), max(xs), max(tops)


def _pdf_page(page, path: str, number: int, carry: dict | None = None, found: list | None = None,
              drop: frozenset = frozenset()) -> tuple[int, int, list, dict]:
    """Return (non-space chars, cid chars, lines in reading order, margin lines) of one page.

    Watermarks, stamps and raised footnote marks are left out; the margin lines map the index of each
    text line in the top or bottom margin of the page to its text (page furniture is decided over
    the whole document).  ``carry`` holds the columns of an unruled table that ended the page before, for
    its rows carried onto this page, and is set for the next (:func:`_unruled_cells`). A bare number over a ruled
    table's bottom edge may be the page's number, which the other pages tell: it is added to ``found`` as
    (page, number, distance from the page's bottom edge, place), and the page read again without the numbers at the
    places in ``drop`` (:func:`_page_numbers_on_edges`).
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
    # a point apart: read once ('一一、、总总体体' lost every heading and table label so set); the copy may be set in
    # another subset of the font, of another name (pdfplumber's default tells fonts apart by name)
    page = page.dedupe_chars(tolerance=settings["duplicate_shift"], extra_attrs=("size",))
    unseen = _unseen_rules(page, settings)
    if unseen is not None:
        page = page.filter(unseen)
    marks = _superscripts(page.chars, settings)
    if marks:
        page = page.filter(lambda obj: id(obj) not in marks)
    tables = []
    if len(page.edges) <= _MAX_PDF_EDGES:
        tables = page.find_tables()
        numbers, bare = _numbers_on_bottom_edges(page, tables, settings) if tables else (set(), [])
        for text, where, place, ids in bare:
            if place in drop:
                numbers |= ids
            elif found is not None:
                found.append((number, text, where, place))
        if numbers:  # (rare: the tables found again without the page's number)
            page = page.filter(lambda obj: id(obj) not in numbers)
            tables = page.find_tables()
    else:
        _warn(path, f"page {number} has {len(page.edges)} ruling lines; its tables are read as text",
              "tables_as_text")
    items: list = []  # (top, order, line, in the margin)
    tables = [table for table in tables if not _no_columns(table)]  # (a box around text, shaded bands: no table)
    bboxes = [table.bbox for table in tables]
    shelves = _side_by_side(bboxes)
    for t, table in enumerate(tables):
        rows = table.extract()
        for row, cells in zip(table.rows, rows):
            top = row.bbox[1] if row.bbox else table.bbox[1]
            kept = [_join_wrapped(c) for c in cells if c is not None]
            if any(c and _SPREAD_DIGITS.fullmatch(c) for c in kept):  # (a cheap test first: rare)
                edges = {x for r in table.rows for b in r.cells if b for x in (b[0], b[2])}  # (the table's columns)
                kept = [_digits_joined(page, box, c, settings, edges) if c and _SPREAD_DIGITS.fullmatch(c) else c
                        for box, c in zip((b for b, c in zip(row.cells, cells) if c is not None), kept)]
            if kept:  # (a table beside another: all its rows after those of the tables to its left)
                items.append(((shelves[t][0], shelves[t][1], top) if t in shelves else (top, 0, 0.0), len(items), kept,
                              False))
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
        going_on = (carry or {}).get("columns") if not bboxes else None  # (the page before's last table's)
        text_lines = _spread_counts_joined(text_lines, settings, going_on[0] if going_on else None, edge)
    if carry is not None and (bands or bboxes):
        carry.clear()  # (a ruled table or prose in columns: no unruled table goes on from this page or onto it)
    gridded = {} if bands else _unruled_cells([line for _, line, _ in text_lines], settings,
                                              None if bboxes else carry, (edge, float(page.height) - edge),
                                              float(page.width))
    # the foot of the page's text: a page number's pattern alone there is the footer's, where the footer is set
    # above the bottom margin (the official layout sets it 7 mm under the text, some 80 pt above the page's edge)
    foot = max([float(line["top"]) for _, line, _ in text_lines] + [float(bb[3]) for bb in bboxes], default=0.0)
    for k, (key, line, inner) in enumerate(text_lines):
        if shelves:  # (rare: tables side by side) a line beside them is read in its place among them
            key = _beside_tables(line, shelves, bboxes) or key
        if k in gridded:  # a row of an unruled table, as cells in its columns (its blank cells kept)
            if gridded[k]:  # (no cells: a half of a row's label joined into its row, _label_around)
                items.append((key, len(items), gridded[k], False))
            continue
        if shelves and (captions := _captions_over_tables(line, shelves, bboxes)):  # (rare: tables side by side)
            items += [(at, len(items) + n, caption, None) for n, (at, caption) in enumerate(captions)]
            continue
        text = _without_letter_spacing(line, settings).strip()
        if text:
            if inner:
                items.append((key, len(items), text, None))
                continue
            margin = None  # where a running header or footer stands: its side and distance from the edge
            if line["bottom"] <= edge:
                margin = ("top", float(line["top"]))
            elif line["top"] >= float(page.height) - edge or (
                    float(line["top"]) >= foot and is_page_furniture(normalize_line(text))):
                margin = ("bottom", float(page.height) - float(line["bottom"]))
            items.append((key, len(items), text, margin))
    items.sort(key=lambda item: (item[0], item[1]))
    margin_lines = {i: (item[2],) + item[3] for i, item in enumerate(items) if item[3]}
    return n_chars, n_cid, [item[2] for item in items], margin_lines


def _side_by_side(bboxes: list[tuple]) -> dict[int, tuple[float, int]]:
    """The ruled tables set beside one another (their heights overlapping, a gap between them across): {table's
    index: (the top of its row of tables, its place in that row from the left)}; a table alone is not in it.

    pdfplumber finds each table of such a row by itself, but their rows, sorted by their tops, would interleave:
    the reading order is each table whole, the left one first (as prose in two columns is read).
    """
    if len(bboxes) < 2:
        return {}
    group = list(range(len(bboxes)))  # (union-find over the tables beside one another)

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i
    for i, a in enumerate(bboxes):
        for j in range(i):
            b = bboxes[j]
            if a[1] < b[3] and b[1] < a[3] and (a[2] <= b[0] or b[2] <= a[0]):
                group[root(i)] = root(j)
    rows: dict[int, list[int]] = {}
    for i in range(len(bboxes)):
        rows.setdefault(root(i), []).append(i)
    return {i: (min(float(bboxes[k][1]) for k in row), place)
            for row in rows.values() if len(row) > 1
            for place, i in enumerate(sorted(row, key=lambda k: float(bboxes[k][0])))}


def _beside_tables(line: dict, shelves: dict[int, tuple[float, int]], bboxes: list[tuple]) -> tuple | None:
    """The sort key of a text line standing level with a row of ruled tables set side by side (``shelves``, as
    :func:`_side_by_side` gives them, of the tables' ``bboxes``), or None for a line above or below every such row.

    Its tables are read each whole, the left one first; a line level with them is read among them as a column of
    their row: after the rows of a table above it (or before those of one under it) in its width, else after the
    tables to its left and before those to its right ('第二十条第(五)项', the caption over the right table set lower than
    the left one, a note in the gap between them; read after both tables, it was no longer the right one's caption).
    """
    middle = (float(line["top"]) + float(line["bottom"])) / 2
    x0, x1 = float(line["x0"]), float(line["x1"])
    for top in {shelf_top for shelf_top, _ in shelves.values()}:
        level = [(bboxes[t], place) for t, (shelf_top, place) in shelves.items() if shelf_top == top]
        if not min(float(b[1]) for b, _ in level) <= middle <= max(float(b[3]) for b, _ in level):
            continue
        under = [place for b, place in level if x0 < float(b[2]) and float(b[0]) < x1]  # (in a table's width)
        place = min(under) if under else sum(float(b[2]) <= x0 for b, _ in level) - 0.5
        return (top, place, float(line["top"]))
    return None


_CAPTION_REACH = 2.0  # how far above a row of tables side by side a line of their captions stands (its heights)


def _captions_over_tables(line: dict, shelves: dict[int, tuple[float, int]],
                          bboxes: list[tuple]) -> list[tuple[tuple, str]] | None:
    """The sort keys and texts of the captions on one text line right above a row of ruled tables set side by side
    (``shelves``, as :func:`_side_by_side` gives them, of the tables' ``bboxes``), each over its own table ('表1
    第二十条第(一)项      表2 第二十条第(五)项'), or None for any other line.

    Read as one line, both captions stood before both tables, the right one's no longer over it; each is read
    right before its table's rows.  Only a line whose every word stands inside one table's width, two tables at
    least having words, the words left to right in the tables' order.
    """
    top_of, bottom = float(line["top"]), float(line["bottom"])
    reach = _CAPTION_REACH * (bottom - top_of)
    for top in {shelf_top for shelf_top, _ in shelves.values()}:
        if not top - reach <= bottom <= top:
            continue
        level = [(bboxes[t], place) for t, (shelf_top, place) in shelves.items() if shelf_top == top]
        words = line["text"].split()
        chars = [ch for ch in line.get("chars", ()) if ch.get("text", "").strip()]
        if len(words) < 2 or sum(map(len, words)) != len(chars):
            return None  # (a word's characters not told apart: read as one line, as before)
        pieces: dict[int, list[str]] = {}
        k = 0
        for word in words:
            own, k = chars[k:k + len(word)], k + len(word)
            x0, x1 = min(float(ch["x0"]) for ch in own), max(float(ch["x1"]) for ch in own)
            under = [place for b, place in level if float(b[0]) <= x0 and x1 <= float(b[2])]
            if len(under) != 1 or (pieces and under[0] < max(pieces)):
                return None
            pieces.setdefault(under[0], []).append(word)
        if len(pieces) < 2:
            return None
        return [((top, place, top_of), " ".join(said)) for place, said in sorted(pieces.items())]
    return None


def _numbers_on_bottom_edges(page, tables: list, settings: dict) -> tuple[set[int], list[tuple]]:
    """The ids of the characters of a page number printed over (or touching) the bottom edge of a ruled table that
    ends in the page's bottom margin, or above it with no text under it ('- 1 -' set where the footer stands, over
    the last row's rule, as a footer set high, by the official layout's 7 mm under the text, meets a table ending
    the page's text a little above the margin): characters
    inside the table's width reaching from above the edge to it (to ``pdf.edge_number_touch`` times their size
    above it), a group of them no farther apart than their size, read together as a page number
    (:func:`toolkit.normalize.is_page_furniture`: '- 1 -', '第1页', no bare number).

    Inside the last row, they were read as its cell's ('0 - 1 -': the row unknown, its values lost); a value of
    the row stands inside its cell, clear of the rule, and a bare number crossing it is kept here: it is given
    apart, as (its text, its distance from the page's bottom edge, its place, its characters' ids), the page's
    number only where the other pages tell so (:func:`_page_numbers_on_edges`)."""
    low = float(page.height) * (1 - float(settings["margin"]))
    touch = float(settings["edge_number_touch"])
    out: set[int] = set()
    bare: list[tuple] = []
    for table in tables:
        x0, _, x1, bottom = table.bbox
        if bottom < low and any(ch["top"] > bottom for ch in page.chars if ch["text"].strip()):
            continue  # (a table ending above the margin, text under it: no footer on its edge)
        on = sorted((ch for ch in page.chars if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1 and ch["top"] < bottom
                     and ch["bottom"] >= bottom - touch * ch["size"]), key=lambda ch: ch["x0"])
        groups: list[list[dict]] = []
        for ch in on:  # (the characters in groups along the edge: a page number, apart from anything else there)
            if groups and ch["x0"] - groups[-1][-1]["x1"] <= ch["size"]:
                groups[-1].append(ch)
            else:
                groups.append([ch])
        for group in groups:
            text = "".join(ch["text"] for ch in group)
            if is_page_furniture(text):
                out.update(id(ch) for ch in group)
            elif re.fullmatch(settings["side_number"], text):
                foot = max(float(ch["bottom"]) for ch in group)
                place = (text, round(float(group[0]["x0"]), 1), round(foot, 1))
                bare.append((text, float(page.height) - foot, place, {id(ch) for ch in group}))
    return out, bare


def _page_numbers_on_edges(found: list[tuple], margins: list[dict]) -> dict[int, frozenset]:
    """The bare numbers over ruled tables' bottom edges (``found``: (page, number, distance from the page's bottom
    edge, place), :func:`_numbers_on_bottom_edges`) that are their pages' numbers, by page: those that count the
    pages with the bare numbers at the same height (``pdf.furniture_shift``) on the other pages, in their bottom
    margins (``margins``, as :func:`_pdf_page` gives them) or over a table's edge too, on half the pages or more
    (two at least), as a running footer's (:func:`_drop_page_furniture`).

    A table's value set low on its last row's rule ('1' crossing it) stands on one page, or does not count up with
    the pages: kept, a cell's."""
    if not found:
        return {}
    settings = _pdf_settings()
    shift = float(settings["furniture_shift"])
    numbers = [(n, text, where) for n, text, where, _ in found]
    for n, margin in enumerate(margins, start=1):
        numbers += [(n, text.strip(), where) for text, side, where in margin.values()
                    if side == "bottom" and re.fullmatch(settings["side_number"], text.strip())]
    out: dict[int, set] = {}
    for n, text, where, place in found:
        same = {m for m, other, at in numbers
                if abs(at - where) <= shift and _moved_on(text, other, m - n, settings["running_year"])}
        if len(same) >= max(2, len(margins) / 2):
            out.setdefault(n, set()).add(place)
    return {n: frozenset(places) for n, places in out.items()}


def _no_columns(table) -> bool:
    """Whether a table pdfplumber found has no columns to speak of: one cell (a box drawn around text), or a cell a
    row (a column of boxes: a full-width shaded band under each row of an unruled table, whose edges met as a
    table's; its rows were read as one cell each, the spaces between their values lost, the table missing)."""
    return all(sum(cell is not None for cell in row.cells) <= 1 for row in table.rows)


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


_SPREAD_COUNT = re.compile(r"(?<!\S)\d(?: +\d)+(?!\S)")  # two digits or more, each a word: '6 5 6', '1 1'


def _spread_counts_joined(text_lines: list, settings: dict, carried: list[list[float]] | None = None,
                          top_edge: float = 0.0) -> list:
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

    Two digits a column's gap apart or more are joined only where a header line sets one word over them
    (:func:`_one_column_over`) or, in the rows of a table going on from the page before at the page's top (nothing
    above them but lines above ``top_edge`` or a caption '续表'), where one of its columns there (``carried``:
    :func:`_unruled_cells`) reaches over both.
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
        heads_at: set[int] = set()  # (the header lines among them)
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
                if not row:
                    heads_at.add(j)
        chars = [ch for ch in lines[k]["chars"] if ch.get("text", "").strip()]
        column_gap = settings["unruled_column_gap"] * _line_size(lines[k])
        tolerance = settings["letter_spacing"] * _line_size(lines[k])
        joined: set[int] = set()  # the characters joined to the one before
        claimed: set[int] = set()  # (the digits of the runs of three or more joined)
        for first, last in sorted(found, key=lambda run: (run[1] - run[0] < 2, run)):  # (the runs of three first)
            x0, x1 = chars[first]["x0"], chars[last]["x1"]
            wide = last == first + 1 and chars[last]["x0"] - chars[first]["x1"] >= column_gap
            if wide and (first in joined or claimed & {first, last}):
                continue  # (its first digit the second of a pair joined, '1   2 3': '12' and '3'; or in a count)
            if wide:  # (a line with a pair as wide at the same place, a count spread alike, tells nothing)
                alike = lambda a, b: abs(a - x0) <= tolerance and abs(b - x1) <= tolerance  # noqa: E731
            else:  # (a line with a narrower run over these digits tells nothing; its wide pairs count)
                alike = lambda a, b: a < x1 and b > x0  # noqa: E731
            over = {j: sum(1 for a, b, _ in _words(lines[j]) if a < x1 and b > x0) for j in block
                    if not any(alike(a, b) for a, b in _run_spans(lines[j], runs[j], None if wide else column_gap))}
            inner = (chars[first]["x1"], chars[last]["x0"])  # (their inner edges: a column over both reaches them)
            if over and max(over.values()) == 1 and (
                    not wide or _one_column_over(lines, over, heads_at, inner, column_gap)
                    or (carried and not heads_at and _goes_on(lines, min(block, default=k), top_edge)
                        and any(a <= inner[0] and b >= inner[1] for a, b in carried))):
                joined.update(range(first + 1, last + 1))
                claimed.update(range(first, last + 1) if last > first + 1 else ())
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
    a word of its own, evenly apart (within a fifth) at least ``pdf.letter_spacing`` times the text size, and of
    each pair of digits that may be a count of two spread out (:func:`_spread_pair`); then, among the digits left
    and those of a run a column's gap apart (as likely a count of two and the next cell's digit, evenly apart by
    chance), of each pair a column's gap apart or more that may be one (:func:`_spread_counts_joined` asks more of
    it, and tries the runs of three first)."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    chars = [ch for ch in line.get("chars", ()) if ch.get("text", "").strip()]
    wide = settings["letter_spacing"] * _line_size(line) if chars else 0.0
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    column = settings["unruled_column_gap"] * _line_size(line) if chars else 0.0
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
        elif i + 1 < len(chars) and digit(i) and digit(i + 1) and _spread_pair(line, chars, gaps, i, (0.0, column)):
            found.append((i, i + 1))
            i += 2
        else:  # (a digit of a run too short, or of a wider number, may start one: '67 0 1 3 6 3')
            i += 1
    # (a run a column's gap apart may be '1   1' of one cell and the next cell's '0': its pairs are offered too)
    taken = {m for first, last in found if min(gaps[first:last]) < column for m in range(first, last + 1)}
    found += [(i, i + 1) for i in range(len(chars) - 1) if digit(i) and digit(i + 1) and not taken & {i, i + 1}
              and _spread_pair(line, chars, gaps, i, (column, float("inf")), beside=False)]
    return sorted(found)


def _spread_pair(line: dict, chars: list, gaps: list[float], i: int, within: tuple[float, float],
                 beside: bool = True) -> bool:
    """Whether the digits ``i`` and ``i + 1`` of a line's ``chars`` (spaces left out; ``gaps`` between them) may be
    a count of two digits spread over its cell: apart, their gap ``within`` (from, below) and (with ``beside``)
    narrower than either's to its other neighbour (a value of the next cell), and no space drawn between them (a
    character of its own: typed, '1 2' is two values).

    Two digits ``pdf.unruled_column_gap`` times the text size apart or more are as likely two values of neighbouring
    columns whose cells are blank in the other rows, which then set one word over them as over a count spread out:
    :func:`_spread_counts_joined` joins them only under one word of the table's header."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    gap = gaps[i]
    if not (DEFAULT_X_TOLERANCE < gap and within[0] <= gap < within[1]
            and (not beside or ((i == 0 or gaps[i - 1] > gap) and (i + 1 == len(gaps) or gaps[i + 1] > gap)))):
        return False
    first, second = chars[i], chars[i + 1]
    return not any(not ch.get("text", "x").strip() and first["x1"] - 0.5 <= ch["x0"] < second["x0"]
                   and ch["top"] < first["bottom"] and ch["bottom"] > first["top"] for ch in line.get("chars", ()))


def _one_column_over(lines: list, over: dict[int, int], heads_at: set[int], reach: tuple[float, float],
                     column_gap: float) -> bool:
    """Whether a header line among the ``lines`` ``over`` two digits a column's gap apart or more (index: the words
    set over them) sets one word over them that reaches from the first's right edge to the second's left one
    (``reach``), or nearer to each than ``column_gap``: the header names one column there. A group's label over two
    columns stands in a line above its columns' labels, which set two; a column's label reaching over its value
    alone ends a column's gap or more before the next value (the text of two columns stands that far apart, so a
    digit nearer the label's end is in its column: a count spread wider than its label, '9   9' under '总计')."""
    return any(over[j] == 1 and any(a - column_gap < reach[0] and b + column_gap > reach[1]
                                    for a, b, _ in _words(lines[j]))
               for j in over if j in heads_at)


def _goes_on(lines: list, first: int, top_edge: float) -> bool:
    """Whether nothing stands above line ``first`` of a page's ``lines`` but lines above ``top_edge`` (a running
    header) or a table's caption repeated ('续表'): its rows go on a table of the page before."""
    return all(line["bottom"] <= top_edge or _is_caption_line(line) for line in lines[:first])


def _run_spans(line: dict, runs: list[tuple[int, int]], narrower: float | None = None) -> list[tuple[float, float]]:
    """The x extents of the runs (:func:`_even_digit_runs`) of a line; with ``narrower``, of its runs of three
    digits or more and its pairs of digits nearer than that."""
    chars = [ch for ch in line.get("chars", ()) if ch.get("text", "").strip()]
    return [(chars[first]["x0"], chars[last]["x1"]) for first, last in runs
            if narrower is None or last > first + 1 or chars[last]["x0"] - chars[first]["x1"] < narrower]


def _spread_label_joined(words: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """The words of a row of an unruled table (:func:`_words`) with its label set spread out one word again.

    A row label set with wide letter spacing (distributed alignment in its cell: '一 、 本 年 … 数 量') is a word a
    character, each a column of its own where no other row's label covers it: the run's columns were not certain
    and the table was read as text, rows whose blank cells left no trace flagged ragged. Its characters are one
    word where they join into a known row label (:func:`toolkit.layout.spread_label_words`).
    """
    from toolkit.layout import spread_label_words  # (lazily: readers load no pipeline stage)

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
                   margins: tuple[float, float] = (0.0, float("inf")),
                   width: float | None = None) -> dict[int, list[str]]:
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
    '(续下表)': :func:`toolkit.normalize.is_continuation_caption`; or the lines of its header there repeated, the
    same labels: ``carry``'s header, :func:`_header_lines`).  A page number set in the side margin level
    with a row (the page ``width`` wide) is no cell of it (:func:`_without_side_number`).
    """
    sides = _body_sides(lines, settings, width) if width is not None else None
    runs: list[list[tuple[int, list, float]]] = []
    last = -2  # (the index of the last row seen)
    for k, line in enumerate(lines):
        end = line["text"].rstrip()[-1:]
        if not end or not _NUMBER_PART.fullmatch(end) or not line.get("chars"):
            continue  # (a cheap test first: most lines are prose)
        words = _words(line)
        if len(words) > 2 and len(words[1][2]) == 1 and not words[1][2].isdigit():
            words = _spread_label_joined(words)  # (cheap test first: a spread label's second word is a character)
        if sides is not None and len(words) > 2:
            words = _without_side_number(words, sides, settings, _line_size(line))
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
    heads = carry.pop("header", frozenset()) if carry is not None else frozenset()  # (its header's lines)
    # (the page's first run goes on from the table that ended the page before: nothing above it but the margin,
    # the caption repeated, or the lines of the table's header repeated)
    goes_on = bool(before) and bool(runs) and all(
        line["bottom"] <= margins[0] or _is_caption_line(line) or _unspaced(line) in heads
        for line in lines[:runs[0][0][0]])
    carried = None
    for run in runs:
        # (rows going on are placed in the columns of the table's rows before first: a header repeated over them,
        # a group's labels flattened into one line, sets no columns of the table)
        cells = _carried_cells(run, *before) if before and goes_on and run is runs[0] else None
        carried = run if cells is not None else carried
        if cells is None:
            cells = _run_cells(run, settings) if len(run) > 1 else _lone_row_cells(lines, run[0], settings)
        if cells is not None:
            out.update(cells)
    if carry is not None and body and all(line["top"] >= margins[1] or _is_caption_line(line)
                                          for line in lines[body[-1][-1][0] + 1:]):
        ending = before if body[-1] is carried else _table_columns(body[-1], settings)
        if ending:  # (a table going on at the next page's top)
            carry["columns"] = ending
            # (a table's rows going on from the page before: its header is that page's, or one before)
            carry["header"] = heads if goes_on and body[-1] is runs[0] else _header_lines(lines, body[-1][0], settings)
    return out


def _unspaced(line: dict) -> str:
    """A line's text (``extract_text_lines``) normalized, without its spaces: a header's line repeated on the next
    page, its labels set a little apart otherwise, reads alike."""
    return _SPACES.sub("", normalize_line(line["text"]))


def _header_lines(lines: list, row: tuple[int, list, float], settings: dict) -> frozenset[str]:
    """The lines (:func:`_unspaced`) of the header just above the first ``row`` of a run: at most
    ``pdf.unruled_header_lines`` lines without a number, each no farther above the next than ``pdf.unruled_row_gap``
    times the text size (as :func:`_header_columns` reads them)."""
    k, _, size = row
    heads = set()
    below = lines[k]
    for line in reversed(lines[max(k - int(settings["unruled_header_lines"]), 0):k]):
        if not line.get("chars") or below["top"] - line["bottom"] > settings["unruled_row_gap"] * size \
                or any(_NUMBER_PART.fullmatch(text) for text in line["text"].split()):
            break
        heads.add(_unspaced(line))
        below = line
    return frozenset(heads)


def _side_band(settings: dict, width: float) -> tuple[float, float]:
    """The x extent of a page ``width`` wide inside its side margins: ``pdf.margin`` of the width on each side."""
    band = float(settings["margin"]) * width
    return band, width - band


def _margin_ends(words: list[tuple[float, float, str]], inner: tuple[float, float],
                 settings: dict) -> tuple[bool, bool]:
    """Whether a line's first word, and its last, is a bare page number ('2', ``pdf.side_number``) in a side margin:
    the first left of ``inner[0]``, the last right of ``inner[1]``."""
    def bare(text: str) -> bool:
        return re.fullmatch(settings["side_number"], text) is not None

    if not words:
        return False, False
    return words[0][1] <= inner[0] and bare(words[0][2]), words[-1][0] >= inner[1] and bare(words[-1][2])


def _body_sides(lines: list, settings: dict, width: float) -> tuple[float, float, float, float]:
    """(left, right) of the text of a page's ``lines`` (``extract_text_lines``), a bare page number in a side margin
    first or last on a line left out (:func:`_margin_ends`), and the page's side margins (:func:`_side_band`); on a
    side where two lines or more hold such a number (a column of serial numbers, no page's number) the margin ends
    where that column does, if one number alone stands beyond it (:func:`_column_edge`)."""
    inner = _side_band(settings, width)
    left, right = float("inf"), float("-inf")
    held: tuple[list, list] = ([], [])  # (the x extents of the bare numbers in the left margin, in the right one)
    for line in lines:
        if not line.get("chars"):
            continue
        x0, x1 = float(line["x0"]), float(line["x1"])
        parts = line["text"].split()
        if parts and (re.fullmatch(settings["side_number"], parts[0])
                      or re.fullmatch(settings["side_number"], parts[-1])):  # (rare: a cheap test first)
            words = _words(line)
            first, last = _margin_ends(words, inner, settings)
            if first:
                held[0].append(words[0][:2])
            if last:
                held[1].append(words[-1][:2])
            words = words[first:len(words) - last]
            if not words:
                continue
            x0, x1 = words[0][0], words[-1][1]
        left, right = min(left, x0), max(right, x1)
    return left, right, _column_edge(held[0], inner[0], 0), _column_edge(held[1], inner[1], 1)


def _column_edge(ends: list[tuple[float, float]], band: float, side: int) -> float:
    """Where a side margin ends for a page number (``side`` 0 the left, 1 the right), given the (x0, x1) of the bare
    numbers standing in it (``ends``) and the margin's inner edge ``band``: that edge where one number at most stands
    there; else (a column of them: serial numbers) the column's outer end (the middle of its numbers'), if one
    number alone stands beyond it (a page's number stands once on a page); else none (two beyond it: a column too,
    of a wider table's rows)."""
    if len(ends) < 2:
        return band
    edge = (statistics.median_low(x0 for x0, _ in ends) if side == 0
            else statistics.median_high(x1 for _, x1 in ends))
    beyond = sum(x1 <= edge if side == 0 else x0 >= edge for x0, x1 in ends)
    return edge if beyond == 1 else (float("-inf"), float("inf"))[side]


def _without_side_number(words: list[tuple[float, float, str]], sides: tuple[float, float, float, float],
                         settings: dict, size: float) -> list[tuple[float, float, str]]:
    """The words of a row of an unruled table without a page number standing in the page's side margin, level with
    the row by chance: a bare number first or last (:func:`_margin_ends`) at least ``pdf.unruled_column_gap``
    times the text size beyond the page's text on its side (``sides``: :func:`_body_sides`).

    Taken as a cell, it set a column of its own beyond the table's last (the row's values read as extra cells,
    lost) or before its first (the row's label a column right, the row missing).  A value inside the text's width
    is a cell (extra, where the table has no column for it)."""
    left, right, band_left, band_right = sides
    gap = float(settings["unruled_column_gap"]) * size
    first, last = _margin_ends(words, (band_left, band_right), settings)
    first = first and words[0][1] <= left - gap
    last = last and words[-1][0] >= right + gap
    return words[first:len(words) - last]


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
    letter-spaced (Word's distributed alignment), read '6 5 6 5 1', not a number, NA. Digits unevenly apart, two
    digits with a space typed between them, or digits wide apart across the columns of other rows (a box merged
    over cells a rule is missing between), are left as they are."""
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE

    inside = page.within_bbox(box).chars
    chars = sorted((ch for ch in inside if ch.get("text", "").strip()), key=lambda ch: ch["x0"])
    if len(chars) != len(text.replace(" ", "")) or len(chars) < 2:
        return text
    # two digits have one gap, evenly apart or not: a space typed between them (drawn as a character) parts them
    if len(chars) == 2 and any(not ch.get("text", "x").strip() and chars[0]["x1"] - 0.5 <= ch["x0"] < chars[1]["x0"]
                               for ch in inside):
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
        and '2/2', a date; a number alone must count the pages, after a year or not, '2023  1': a table's '0' and
        '1' are kept, and so is a table's unit alone, '件'; or be a year, the same on every page but the first:
        '2023'), is a
        page number (:func:`toolkit.normalize.is_page_furniture`) or, on a document of one page, is a
        browser's print stamp alone (a URL, a date and time).
    """
    from toolkit.formats import vocabulary  # (lazily: readers load formats' YAML on first use)

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
            if _DIGITS_RE.search(text) is None:
                return False
            if re.fullmatch(settings["running_year"], text.strip()):  # the same year on the pages ('2023')
                same = {m for m, w, t in seen[key(text, side)] if abs(w - where) <= shift and t == text}
                return len(same) >= max(2, len(pages) - 1)  # (a cover page may have no header)
            same = {m for m, w, t in seen[key(text, side)] if abs(w - where) <= shift
                    and _moved_on(text, t, m - n, settings["running_year"])}
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


def _moved_on(line: str, other: str, pages: int, year: str) -> bool:
    """Whether ``other``, a line of digits and signs of the same form, is ``line`` ``pages`` pages on: its page
    number, the first run of digits (after a year that stays the same, ``year``: '2023  1' and '2023  2'), more by
    ``pages``."""
    runs, others = _DIGITS_RE.findall(line), _DIGITS_RE.findall(other)
    k = 0
    while k < len(runs) - 1 and runs[k] == others[k] and re.fullmatch(year, runs[k]):
        k += 1
    return int(others[k]) - int(runs[k]) == pages


def _running_title(lines: list, running: list) -> list:
    """The report's title when it stands only in the running header or footer (``running``), else [].

    Some agencies put '某某局2020年政府信息公开工作年度报告' at the top of every page and start the body with
    一、总体情况, as a Word file holding its title only in the page header (see ``_docx_header_title``) gives
    it as a PDF; the title names the agency and the year, so it is put before the body's lines.
    """
    from toolkit.metadata import _find_title, _parse_title, _title_text  # (lazily: readers load no pipeline stage)

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
