"""Reading web pages: HTML as a browser shows it, and web archives (MHT).

A page is read as a desktop browser shows it: what its markup, style attributes and style sheets hide is left out
(hidden, zero-size, transparent, clipped or struck-through text, footnote marks), list numbers are written as shown,
tables give their rows (merged cells emitted once; see :mod:`toolkit.readers`), and a ``<pre>`` keeps its lines. A web
archive (a "single file web page" saved by IE, Chrome, Word or WPS) is read as its page, with its style sheets.
Called by :func:`toolkit.readers.read_document`.
"""
from __future__ import annotations

import codecs
import functools
import itertools
import operator
import os
import re
from collections.abc import Callable
from typing import Generator, Iterator

from toolkit.decoding import (_check_not_binary, _check_not_blank, _check_text_file, _codec_given, _decode_strict,
                              _detect, _detect_bom)
from toolkit.document import DEFAULT_MAX_BYTES, RawDocument, _warn
from toolkit.errors import CorruptFileError, EmptyFileError, FileTooLargeError, ToolkitError
from toolkit.markup import (_BULLET_MARK, _FOOTNOTE_MARK, _LATIN_LETTERS, _LAYOUT_CELL_CHARS, _LEGAL_SIMPLIFIED,
                            _LEGAL_TRADITIONAL, _MergedDownWarned, _NUM_FORMATS, _STEMS, _WS_RE, _ZODIAC, _blank,
                            _DIGIT_RUN, _chinese_longhand, _cover, _covered_words, _holds_page, _is_cjk,
                            _blank_span_cells, _list_marker, _merge_note, _numbered, _own_cells, _roman,
                            _pieces, _spread_across, _typed_bullet, _unit_header, _value_text,
                            _wrapped_digits)
from toolkit.normalize import _INVISIBLE, _INVISIBLE_FORMAT, _INVISIBLE_FORMAT_RE, NA_MARKS


# A web archive may hold at most this many MIME boundaries (its parts: a page and its images), and one line per
# this many bytes of max_bytes (or DEFAULT_MAX_BYTES, the larger): see _web_archive_page.
_MHT_MAX_PARTS = 10000
_MHT_LINE_BYTES = 40
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_DOCTYPE_SUBSET_RE = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)


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
              # a gauge shows its bar, not the text inside it (a fallback for browsers of before HTML5)
              "meter", "progress",
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
               sheets: dict | None = None, on_disk: bool = False, frames: dict | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """An HTML page's lines; ``declared``: the charset its container names (a web archive's part header); ``sheets``:
    the style sheets it holds beside the page (a web archive's: see _archive_sheets); ``on_disk``: ``path`` is the
    page's file, whose folder may hold the sheets it links (see _folder_sheet) and its frames' pages (see
    _folder_frames); ``frames``: the pages of its frames it holds beside the page (a web archive's: see
    _archive_frames); ``max_bytes``: the most bytes the page and its frames' pages read add up to (see
    _FrameBudget)."""
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
    _check_not_blank(text, path, data)
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
    framed = False  # (whether the markup holds a frame, an object or an embed: see _framed)
    if root is not None:
        if sheets and (b"<link" in encoded or b"<LINK" in encoded):
            base = sheets.get("", "")
            encoded = encoded + b"\n" + _linked_sheets(root, sheets.get, base)  # (the passes' gates read them too)
        elif on_disk and (b"<link" in encoded or b"<LINK" in encoded):
            # a page saved 'complete' ('网页，全部'): its sheets in '报告_files/' ('报告.files/') beside it
            folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))  # (a link's own folder, as a browser)
            find = functools.lru_cache(maxsize=256)(functools.partial(_folder_sheet, folder, used))  # (read once)
            encoded = encoded + b"\n" + _linked_sheets(root, find, "")
        low = _as_shown(root, encoded)
        framed = _framed(encoded, low)  # (searched once: the frames read, then those not read)
        if on_disk and framed:
            # (a page saved 'complete': its frames' pages in its folder; after the page's passes, which do not reach
            # into a frame's page, as a srcdoc's)
            folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
            budget = _FrameBudget(path, max_bytes, len(data))
            _folder_frames(root, functools.partial(_folder_fetch, folder, folder), budget)
        elif frames and framed:  # (a web archive's frames: its parts)
            budget = _FrameBudget(path, max_bytes, len(data))
            _folder_frames(root, functools.partial(_archive_fetch, frames, sheets or {}, frames[""]), budget)
    unread = _unread_frames(root) if root is not None and framed else []
    with _MergedDownWarned(path) as merged:
        lines = _html_lines(root) if root is not None else []
        if not lines and root is not None and (b"<noframes" in encoded or b"<NOFRAMES" in encoded):
            lines = _frames_fallback_lines(root, parser)
    if not lines:
        raise EmptyFileError(path, f"the HTML page holds no text{_shown_elsewhere(unread)}")
    _warn_unread_frames(path, unread, _holds_counts(lines))
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


#: An <iframe> or a <frame> (of a <frameset>), and a saved page's frames read from its folder (see _folder_frames): the
#: largest page, how many in all, how deep.
_FRAME_BYTES = re.compile(rb"<(?:i?frame|object|embed)[\s>/]", re.IGNORECASE)
_FRAME_NAMES = (b"frame", b"object", b"embed")  # (lower-cased: see _framed)
#: What an <object> or <embed> shows as a page, as a frame does: its type, or with none the extension of its file.
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAGE_EXTENSIONS = (".htm", ".html", ".shtml", ".xhtml")
#: The documents a page may show in a frame, an object or an embed (see _shown_document): the PDF, Word and OFD
#: files of toolkit.readers' extensions (not imported: the readers are a layer above).
_DOCUMENT_EXTENSIONS = frozenset({".pdf", ".ofd", ".doc", ".dot", ".wps", ".docx", ".docm", ".dotx", ".dotm"})
_FOLDER_FRAME_MAX = 16 * 1024 * 1024
_FOLDER_FRAMES_MOST = 32
_FOLDER_FRAMES_DEPTH = 3


class _FrameBudget:
    """What a page's frames (see _folder_frames) may still read: at most _FOLDER_FRAMES_MOST pages, whose bytes and
    the page's add up to at most the document's ``max_bytes`` (32 frames of 16 MiB each read 512 MiB past a limit of
    50 MiB; a web archive's frames may name one large part again and again).  The first frame's page past the bytes
    left, and every frame after it, is not read, warned of once (``part_unread``) naming the document ``path``."""

    def __init__(self, path: str, max_bytes: int, used: int) -> None:
        self.path, self.max_bytes = path, max_bytes
        self.read = 0  # the frames' pages read
        self.left = max_bytes - used  # (the page's own bytes count)
        self.spent = False  # the bytes ran out: no frame is read after

    def take(self, src: str, size: int) -> bool:
        """Whether the page of the frame ``src``, of ``size`` bytes, is read (counted then); warns where it is the
        first past the bytes left."""
        if self.spent:
            return False
        if size > self.left:
            self.spent = True
            _warn(self.path, f"the page of the frame {src!r} and the frames after it are not read: the page and its "
                             f"frames' pages add up to more than max_bytes={self.max_bytes} (pass a larger max_bytes "
                             "to read them)", "part_unread")
            return False
        self.read += 1
        self.left -= size
        return True


def _folder_frames(root, fetch: Callable[[str], tuple | None], budget: _FrameBudget, depth: int = 0) -> None:
    """Put in place of each ``<iframe src="…">`` or ``<frame src="…">`` (of a ``<frameset>``), and each ``<object>`` or
    ``<embed>`` of a page (see _frame_src), of a saved page the page a browser shows in it, read as shown (its charset,
    its sheets, its frames), where ``fetch(src)`` finds it (see _folder_fetch: a page saved 'complete', its frames'
    pages in its '报告_files/' folder; _archive_fetch: a web archive's parts); a frame whose page is not there (a URL,
    '..', missing, not read as a page) is left out, as before (an object's or embed's warned of: see
    _warn_unread_frames), and so is a document it shows (a PDF: see _shown_document).  Every such frame was left out,
    and the report's table a CMS shows in one with it; a page of frames alone was refused ('holds no text') or read as
    its <noframes> fallback.  ``budget``: what the frames may still read (see _FrameBudget), _FOLDER_FRAMES_DEPTH
    deep."""
    import lxml.etree

    for frame in list(root.iter("iframe", "frame", "object", "embed")):
        src = _frame_src(frame)
        if (not src or frame.get("srcdoc") is not None or _shown_document(frame)
                or budget.read >= _FOLDER_FRAMES_MOST or _hidden_style(frame.get("style") or "")
                or any(_tag_name(a.tag) in _DROP_TAGS for a in frame.iterancestors())):
            continue  # (a srcdoc wins over the src: see _srcdoc_frames; a frame hidden shows nothing)
        found = fetch(src)
        if found is None or not budget.take(src, len(found[1])):
            continue
        path, data, declared, sheets, base, nested = found
        try:
            _check_text_file(data, path)
            text, used, _ = _detect(data, path, declared=declared or _declared_charset(data))
            encoded = text.lstrip("\ufeff").encode("utf-8")
            _check_not_binary(text, path, encoded)
            page = lxml.etree.fromstring(encoded, _html_parser())
        except (ToolkitError, UnicodeError, lxml.etree.XMLSyntaxError):
            continue
        body = page.find("body") if page is not None else None
        if body is None:
            continue
        if b"<link" in encoded or b"<LINK" in encoded:  # (its sheets: the same rules as the page's)
            encoded = encoded + b"\n" + _linked_sheets(page, sheets(used), base)
        low = _as_shown(page, encoded)
        if depth + 1 < _FOLDER_FRAMES_DEPTH and _framed(encoded, low):
            _folder_frames(page, nested, budget, depth + 1)
        tail = frame.tail
        frame.clear()  # (its attributes, and the fallback the parser keeps as its text)
        frame.tag, frame.text, frame.tail = "div", body.text, tail
        frame.extend(list(body))


def _framed(encoded: bytes, low: bytes | None = None) -> bool:
    """Whether the markup ``encoded`` (``low``: its bytes in lower case, where _as_shown made them) holds a frame, an
    object or an embed (_FRAME_BYTES finds one): searched only where one of their names stands in it, in any case (the
    search tries its pattern at every '<' of the markup: run on every page, twice, it cost 3 % of reading one)."""
    if low is None:
        low = encoded.lower()
    return any(name in low for name in _FRAME_NAMES) and _FRAME_BYTES.search(encoded) is not None


def _frame_src(el) -> str:
    """The page the frame ``el`` shows: an ``<iframe>``'s or ``<frame>``'s src; an ``<object>``'s data or an
    ``<embed>``'s src where it is an HTML page (see _PAGE_TYPES, _PAGE_EXTENSIONS: a browser shows it as a frame's, a
    report's body put in a page so); '' where none."""
    tag = _tag_name(el.tag)
    src = (el.get("data" if tag == "object" else "src") or "").strip()
    if tag in ("iframe", "frame") or not src:
        return src
    kind = (el.get("type") or "").split(";")[0].strip().lower()
    page = kind in _PAGE_TYPES if kind else src.split("#")[0].split("?")[0].lower().endswith(_PAGE_EXTENSIONS)
    return src if page else ""


def _shown_document(el) -> str:
    """The document (a PDF, a Word file, an OFD: a file of one of the formats read, by its extension) the frame,
    object or embed ``el`` shows in the page ('<embed src="2020年报.pdf">'), '' where none."""
    src = (el.get("data" if _tag_name(el.tag) == "object" else "src") or "").strip()
    ext = os.path.splitext(src.split("#")[0].split("?")[0])[1].lower()
    return src if ext in _DOCUMENT_EXTENSIONS else ""


def _unread_frames(root) -> list:
    """The pages (see _frame_src) of the frames, objects and embeds of the page not read (not in its folder nor its
    web archive: see _folder_frames), and the documents they show (see _shown_document: never read in the page),
    shown (not hidden nor in a fallback), in order: [(tag, 'document' or 'widget' (see _widget), src)]."""
    return [("document" if _shown_document(el) else "widget" if _widget(el, src) else _tag_name(el.tag), src)
            for el in root.iter("iframe", "frame", "object", "embed")
            if (src := _shown_document(el) or _frame_src(el)) and not _hidden_style(el.get("style") or "")
            and not any(_tag_name(a.tag) in _DROP_TAGS for a in el.iterancestors())]


def _shown_elsewhere(unread: list) -> str:
    """What a page of no text of its own shows, where the first of ``unread`` (see _unread_frames) is: the words
    that end the error's message ('' where it shows none)."""
    if not unread:
        return ""
    tag, src = unread[0]
    if tag == "document":
        return f": what it shows is the document {src!r}, not read with it; read that file"
    return (f": what it shows is the page of its frame {src!r}, not read (not saved in the page's folder: a URL, or "
            "missing); read that page's file")


def _warn_unread_frames(path: str, unread: list, counted: bool = False) -> None:
    """Warn (``part_unread``) of the pages of the ``<object>``s and ``<embed>``s among ``unread`` (see _unread_frames),
    which embed a document where they stand, and of the documents any of them shows (a PDF: the report itself, often):
    what the researcher reads lacks it (an iframe's page, often a video or a share button's, is named only where the
    page holds no text: see _read_html).  ``counted``: the page's own lines hold a table of counts (see _holds_counts),
    the report's body there: a widget's page (see _widget) is no part of it, not named."""
    documents = [src for tag, src in unread if tag == "document"]
    if documents:
        _warn(path, f"the page shows the document(s) {', '.join(map(repr, dict.fromkeys(documents)))} in a frame, "
                    "<object> or <embed>, not read with it: the report may be that file (read it)", "part_unread")
    embedded = [src for tag, src in unread if tag in ("object", "embed") or (tag == "widget" and not counted)]
    if embedded:
        _warn(path, f"the page shown in the page's <object>/<embed> ({', '.join(map(repr, dict.fromkeys(embedded)))}) "
                    "is not read: not saved in the page's folder (a URL, or missing); the report's text may be there: "
                    "read that page's file", "part_unread")


def _holds_counts(lines: list) -> bool:
    """Whether ``lines`` (a page's) hold a table row of a count (a cell of digits alone): a report's statistics."""
    return any(isinstance(line, list) and any(cell.isdigit() for cell in line) for line in lines)


#: An address a browser fetches from a site, no file of the page's folder (see _folder_file): a URL ('https://…',
#: '//…') or a path from the site's root ('/plugin/widget.html').
_REMOTE_RE = re.compile(r"(?i)(?:[a-z][a-z\d+.-]*:|[/\\])")
#: The largest box (CSS px: width, height) of an <object>'s or <embed>'s page that is a widget (a weather, a clock,
#: a share bar: '<object type="text/html" data="https://…/weather.html" width="200" height="60">'), too small for
#: a report's text; a box wider and taller than both holds a page one reads.
_WIDGET_BOX = (240, 150)
_BOX_RE = re.compile(r"(?<![\w-])(width|height)\s*:\s*([^;]*)", re.IGNORECASE)
_PX_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*")


def _widget(el, src: str) -> bool:
    """Whether the page ``src`` an ``<object>`` or ``<embed>`` ``el`` shows is a widget's: the site's (see _REMOTE_RE)
    shown in a box as narrow or as low as _WIDGET_BOX, by its width and height attributes or its style's."""
    if _tag_name(el.tag) not in ("object", "embed") or not _REMOTE_RE.match(src):
        return False
    box = {name: el.get(name) or "" for name in ("width", "height")}
    for name, value in _BOX_RE.findall(el.get("style") or ""):
        box[name.lower()] = value  # (the style's over the attribute's, as a browser: '100%' no widget's)
    for value, most in zip(box.values(), _WIDGET_BOX):
        length = _PX_RE.fullmatch(value)
        if length is not None and float(length.group(1)) <= most:
            return True
    return False


def _folder_fetch(folder: str, top: str, src: str) -> tuple | None:
    """The page of a frame ``src`` of a page saved in ``folder`` (see _folder_frames), where its file is inside the
    page's folder ``top`` (see _folder_file: the same rules as its sheets'): (its path, its bytes, None, the finder of
    its sheets in its own folder by its codec, '', the fetch of its own frames), else None."""
    found = _folder_file(folder, src, _FOLDER_FRAME_MAX, top)
    if found is None:
        return None
    path, data = found
    here = os.path.dirname(path)

    def sheets(codec: str) -> Callable[[str], str | None]:
        return functools.lru_cache(maxsize=256)(functools.partial(_folder_sheet, here, codec, within=top))

    return path, data, None, sheets, "", functools.partial(_folder_fetch, here, top)


# The start of each tag of a page (after its '<', up to 15 bytes) but the end tags and the start tags of the cells,
# rows, paragraphs and spans that make up most of a page's tags (a table's hundreds of '<td>'): _as_shown's gates
# asking for a rarer start tag ('<li', '<s>', '<caption') look in these, joined after '<'s, where each of them
# scanned the whole page (some twenty scans of a page's bytes, ~1 M instructions).  A needle '<' + what no excluded
# tag's start ('td', 'tr', 'p', 'span', then white space or '>'; '/') can begin with, without a second '<', and of
# at most 15 bytes after it, is in the joined starts exactly where it is in the page: '<td' and '<p' are asked of
# the page's bytes.
_RARE_TAG_STARTS = re.compile(rb"<(?!/|(?:td|tr|p|span)[\s>])([^<]{0,15})")


def _rare_tags(low: bytes) -> bytes:
    """The rarer tags' starts of the page (its UTF-8 bytes ``low`` in lower case), each distinct one once, each after a
    '<' (see _RARE_TAG_STARTS): ``b'<li' in _rare_tags(low)`` is ``b'<li' in low``, in one scan of the page."""
    return b"<" + b"<".join(set(_RARE_TAG_STARTS.findall(low)))


def _as_shown(root, encoded: bytes) -> bytes:
    """Make the parsed page ``root`` (of the UTF-8 bytes ``encoded``, which gate the passes most pages do not need)
    read as a browser shows it: hidden elements, footnote marks, deleted text … removed, footers last, lists
    numbered by the style sheet.  Returns ``encoded`` in lower case, which _framed's gate reads too (lowering the
    page's bytes once, not twice)."""
    low = encoded.lower()  # (the gates below that case does not matter to)
    tags = _rare_tags(low)  # (the gates asking for a start tag but '<td' and '<p' look here: see _RARE_TAG_STARTS)
    if b"shadowroot" in low:  # (first: the passes below read a shadow root's content as the page's)
        _shadow_roots(root)
    if b"<noscript" in tags:  # (before the passes: a fallback read is the page's)
        _noscript_tables(root)
    if b"/*" in encoded and _COMMENTED_STYLE_BYTES.search(encoded):
        _uncomment_styles(root)
    zero_font = _ZERO_FONT_BYTES.search(low)  # (one scan of the bytes: most pages set no font of size 0)
    clear = (b"transparent" in low or b"a(" in low or b"/ 0" in low) and _TRANSPARENT_BYTES.search(encoded)
    if _may_hide(low) or zero_font or clear or b"line-through" in low:
        _sheet_hidden(root)  # (what the page's style sheets hide, written as if by a style attribute)
        if b"collapse" in low and b"<col" in tags:  # (before _drop_hidden drops the <col>s that say so)
            _collapsed_columns(root)
        _drop_hidden(root)
        if b"display" in low and _BLOCK_DISPLAY_BYTES.search(low):
            _display_blocks(root)
        if b"table-cell" in low or b"flex" in low or b"grid" in low:  # (a table of blocks: see _display_tables)
            _display_tables(root)
        if b"<li" in tags and b"inline" in low:  # (a list laid out in a line: see _inline_items)
            _inline_items(root)
    if zero_font:
        _blank_zero_font(root)
    if clear:  # (text in a transparent colour)
        _blank_zero_font(root, _color_shown)
    raised = b"vertical-align" in low or b"notereference" in low  # (marks set so: see _raised_by_style)
    lowered = raised and _raised_by_style(root, "sub")
    if raised:
        _raised_by_style(root, "sup")
    _drop_footnote_marks(root)
    # (a tag the bytes write in one of two cases, or more, is searched for in them only where the lower-cased bytes
    # hold it at all: most pages have none, one search of the page's bytes, not two)
    if lowered or (b"<sub" in tags and (b"<sub" in encoded or b"<SUB" in encoded)):
        _drop_subscript_marks(root)
    if b"<del" in tags and (b"<del" in encoded or b"<DEL" in encoded):
        _drop_deleted(root)
    if b"<s>" in tags or b"<s " in tags or b"<strike" in tags or b"line-through" in low:
        _drop_struck(root)
    if b"<input" in tags:
        _input_values(root)
    if b"<img" in tags and b"alt" in low:
        _image_values(root)
    if b"<button" in tags:
        _cell_buttons(root)
    if _private_use(encoded):
        _cell_icon_glyphs(root)
    if any(name in (tags if name[:1] == b"<" else low) for name in _UNSHOWN_CONTROL_NAMES) \
            and any(tag in encoded for tag in _UNSHOWN_CONTROL_TAGS):
        _drop_unshown_controls(root)
    if b"colspan" in low:  # (after what hides or fills a cell: its text seen as shown)
        _split_counts(root)
        _blank_spans(root)
    blocks = b"<div" in tags or b"<p" in low or b"display" in low  # (a cell's blocks: see _wrapped_numbers)
    if b"<br" in tags or (blocks and b"<td" in low):  # (after what hides or drops a cell's pieces: the digits seen)
        _wrapped_numbers(root, blocks=blocks)
    if b"x:num=" in encoded:
        _excel_zero_dashes(root)
    if b"<caption" in tags:
        _captions_first(root)
    if b"<thead" in tags and (b"<thead" in encoded or b"<THEAD" in encoded):
        _row_groups_where_shown(root, "thead")
    if b"<tfoot" in tags and (b"<tfoot" in encoded or b"<TFOOT" in encoded):
        _row_groups_where_shown(root, "tfoot")
    if b"<textarea" in tags or (b"white-space" in low and _KEPT_BREAKS_BYTES.search(low)):
        _kept_line_breaks(root)
    if b"<q" in tags:
        _quote_marks(root)
    custom = _counter_styles(root) if b"@counter-style" in low else {}
    pseudos = tuple(pseudo for pseudo in ("before", "after", "marker") if b":" + pseudo.encode() in low)
    if pseudos and b"content" in low:  # (text a sheet gives: see _generated_text)
        _generated_text(root, pseudos, custom)
    if b"list-style" in encoded:  # (a list numbered by a style sheet's rule: see _sheet_list_styles)
        _sheet_list_styles(root, custom)
    if custom:
        _custom_list_markers(root, custom)
    if b"srcdoc" in low:  # (last: the page's passes and sheets do not reach into a frame's document)
        _srcdoc_frames(root)
    return low


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


# The text a browser shows of a page: none of what _DROP_TAGS drop (a <noscript>'s, a script's, a template's …)
_SHOWN_TEXT_XPATH = "//text()[not({})]".format(" or ".join(f"ancestor::{tag}" for tag in sorted(_DROP_TAGS)))


# (an editor's zero-width space, "&#8203;", a soft hyphen or a joiner, "&shy;", "&#8205;", is no text: see normalize)
_SQUEEZED_RE = re.compile(rf"(?:\s|{_INVISIBLE.pattern})+")


def _squeezed(texts) -> str:
    """The ``texts`` joined without their white space nor the characters that show nothing, which a cell's text
    drops (see _clean_text and normalize's _INVISIBLE): a table's text as a script writes it, or as a page does."""
    return _SQUEEZED_RE.sub("", "".join(texts))


def _noscript_tables(root) -> None:
    """Read as the page's the ``<noscript>`` fallbacks holding a table of text no table nor text of the page outside
    them holds: a page that fills its table by a script keeps the table's copy there, what a reader without scripts
    sees, and the table was lost (its section read without it).  Where the page holds the table's text (a page
    saved from a browser, the script's copy in it), the fallback is dropped, as any other: no table read twice;
    nor is a second fallback of the same tables, the one beside the table a script fills read (see _shells: where
    the table stands), else the first."""
    fallbacks = [el for el in root.iter("noscript") if next(el.iterancestors("noscript", "head"), None) is None
                 and any(_squeezed(table.itertext()) for table in el.iter("table"))]
    if not fallbacks:
        return
    shown = _squeezed(root.xpath(_SHOWN_TEXT_XPATH))
    unshown = []
    for noscript in fallbacks:
        tables = [_uncaptioned_text(table) for table in noscript.iter("table")
                  if next(table.iterancestors("table", "noscript")) is noscript]  # (its outermost tables)
        if not all(text in shown for text in tables if text):
            unshown.append((noscript, tables))
    if len(unshown) > 1:
        unshown.sort(key=lambda fallback: not _shells(fallback[0], empty=True))  # (stable: else in page order)
    read: list[str] = []  # (the tables' text of the fallbacks read)
    for noscript, tables in unshown:
        if not all(any(text in held for held in read) for text in tables if text):
            noscript.tag = "div"  # (read where it stands, as a browser without scripts shows it)
            for shell in _shells(noscript):
                _remove_keeping_tail(shell)
            read.append("".join(tables))


def _uncaptioned_text(table) -> str:
    """The squeezed text of ``table`` but its ``<caption>``: a fallback's copy may carry a caption ('表一') the
    script's table the page holds lacks, and the fallback was read beside the page's copy, the caption an extra line
    (a browser with scripts shows the script's table, no caption)."""
    texts = [table.text or ""]
    for child in table:
        if isinstance(child.tag, str) and child.tag != "caption":
            texts.extend(child.itertext())
        texts.append(child.tail or "")
    return _squeezed(texts)


def _table_rows_text(table) -> list:
    """The squeezed text of each row of ``table`` (not of a table nested in it)."""
    return [_squeezed(tr.itertext()) for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _shells(fallback, empty: bool = False) -> list:
    """The tables a script fills beside the ``<noscript>`` ``fallback`` (tables outside any fallback near it, see
    _near_tables) where each row of text a table holds is a row of the fallback's tables (``empty``: a table of no
    text too): a shell holding the table's header alone ('<table><thead>…</thead></table><noscript><table><thead>…
    </thead><tbody>…', or the shell after the fallback, or a pager's table between them), read with the fallback,
    read the header twice."""
    repeated = {text for table in fallback.iter("table") for text in _table_rows_text(table)}
    shells = []
    for table in _near_tables(fallback):
        rows = [text for text in _table_rows_text(table) if text]
        if (rows or empty) and all(text in repeated for text in rows):
            shells.append(table)
    return shells


def _near_tables(fallback) -> Iterator:
    """The tables outside any fallback before and after ``fallback``, nearest first, as far as the page's text
    outside tables on each side (a heading, a paragraph): tables of one place of the page, where a pager's or a
    layout's table may stand between a shell and its fallback."""
    order = [el for el in fallback.getroottree().iter() if isinstance(el.tag, str)]
    at = order.index(fallback)
    inside = set(fallback.iter())
    above = set(fallback.iterancestors())
    yield from _tables_up_to_text(reversed(order[:at]), above)
    if not _page_text(fallback.tail, fallback.getparent()):  # (text right after it: no table after is its shell)
        yield from _tables_up_to_text((el for el in order[at + 1:] if el not in inside), above)


def _tables_up_to_text(elements: Iterator, above: set) -> Iterator:
    """The tables outside any fallback among ``elements`` (in the order walked), up to the first element holding
    or followed by page text (see _page_text); ``above``: the fallback's ancestors, holding it, no table near it."""
    for el in elements:
        if el.tag == "table" and el not in above and next(el.iterancestors("noscript"), None) is None:
            yield el
        elif _page_text(el.text, el) or (el not in above and _page_text(el.tail, el.getparent())):
            return


def _page_text(text: str | None, holder) -> bool:
    """Whether ``text``, held by the element ``holder``, is text the page shows outside its tables."""
    if holder is None or not text or text.isspace():
        return False
    return not any(el.tag == "table" or el.tag in _DROP_TAGS for el in holder.iterancestors()) \
        and holder.tag != "table" and holder.tag not in _DROP_TAGS


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
    """The text of the page's ``<title>`` (in its head, where the parser puts it), white space collapsed and the
    characters that show nothing dropped (as the page's lines: see _clean_text), or None."""
    title = root.find("head/title")
    text = " ".join(_INVISIBLE_FORMAT_RE.sub("", "".join(title.itertext())).split()) if title is not None else ""
    return text or None


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
    read 881 after 88 when only a mark without children was one).  Digits raised right after a Latin letter are an
    exponent (``m<sup>2</sup>``, read ``m2``, as normalization reads a text's ``m²``), no mark.
    """
    for sup in list(root.iter("sup")):
        mark = "".join(sup.itertext()) if len(sup) else sup.text or ""
        if not _FOOTNOTE_MARK.fullmatch(mark) or (not len(sup) and mark.isdigit() and _after_latin_letter(sup)):
            continue
        cell = next(sup.iterancestors("td", "th"), None)
        if cell is None or "".join(cell.itertext()).strip() != mark.strip():
            _remove_keeping_tail(sup)


def _text_before(el) -> str:
    """The text right before the element ``el`` in its parent (its previous sibling's tail, else that sibling's
    text, else the parent's own text), '' where none."""
    prev = el.getprevious()
    return ((prev.tail or "".join(prev.itertext())) if prev is not None else el.getparent().text) or ""


def _after_latin_letter(el) -> bool:
    """Whether the element ``el`` stands right after a Latin letter (``m<sup>2</sup>``: an exponent, as
    normalize._SUPERSCRIPT keeps one after a letter)."""
    return _text_before(el)[-1:] in _LATIN_LETTERS


def _drop_subscript_marks(root) -> None:
    """Remove the footnote marks set low right after a table cell's number (``88<sub>1</sub>`` read 881,
    ``74<sub>[2]</sub>`` no number), as _drop_footnote_marks removes raised ones.

    Only after a digit in a cell: a subscript after a letter is a formula's (``CO<sub>2</sub>``), and one alone in
    its cell is its value.
    """
    for sub in list(root.iter("sub")):
        if not _FOOTNOTE_MARK.fullmatch("".join(sub.itertext()) if len(sub) else sub.text or ""):
            continue  # (a mark read with what it holds: '<sub><a href="#n1">1</a></sub>', as a raised one)
        if _text_before(sub).rstrip()[-1:].isdigit() and next(sub.iterancestors("td", "th"), None) is not None:
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


def _captions_first(root) -> None:
    """Move each table's ``<caption>`` written after some of its rows (``<tr>…</tr><caption>…``, after the
    ``<tbody>``, or inside a row) before its rows, where a browser shows it.

    A caption's box stands above the table wherever the markup puts it; read where written, it came after the
    rows, and a caption holding a heading ('二、主动公开政府信息情况') put the table under the heading before it.
    One set below the table (``caption-side: bottom``) is read before the rows too: it is still the table's title.
    """
    for caption in list(root.iter("caption")):
        table = caption.getparent()
        while table is not None and table.tag in _ROW_GROUP_ORDER:  # (libxml2 leaves one met in a row there)
            table = table.getparent()
        if table is None or table.tag != "table":
            continue
        first = next((child for child in table if child.tag in _ROW_GROUP_ORDER), None)
        if first is None or caption.getparent() is table and table.index(caption) < table.index(first):
            continue  # (no rows, or before them already: most captions)
        _remove_keeping_tail(caption)
        caption.tail = None
        first.addprevious(caption)


def _wrapped_numbers(root, blocks: bool = False) -> None:
    """Join the digits of a table cell broken by a line break (``<td>12<br>34</td>``, a narrow column's number
    wrapped by a converter or an editor; with ``blocks``, also set in two blocks, ``<span style="display:block">12
    </span><span style="display:block">34</span>``, ``<div>12</div><div>34</div>``, ``12<p>34</p>``, which a browser
    shows as the break) into the one number a report means (1234), where the cell, not its row's first (the label),
    holds nothing but the two runs of digits, its first line full (see _full_first_line: '1<br>2', '1<br>363' stay
    apart).  It was read '12 34', no number (1 234 a thousands' group, 1234 by chance).  A cell of words keeps its
    break ('行政<br>许可'), and so does a row whose label is broken too and none of whose numbers is whole
    ('行政许可<br>其他' | '3<br>5': two rows' values set one above the other in one row, never joined into one)."""
    cells = dict.fromkeys(cell for br in root.iter("br") for cell in br.iterancestors("td", "th"))
    if blocks:  # (two blocks in a cell: see _display_blocks, which made a <div> of a block span)
        cells.update(dict.fromkeys(cell for cell in root.iter("td", "th") if len(cell) and _not_one_element(cell)
                                   and _TWO_DIGITS.search("".join(cell.itertext())) and _block_lines(cell)))
    for cell in cells:
        parts = _broken_digits(cell)
        row = cell.getparent()
        if parts is None or row is None or row.index(cell) == 0:
            continue
        first = row[0]
        if first.tag not in _CELL_TAGS or len(_cell_runs(first) or ()) < 2 or any(
                _plain_number(other) for other in row if other is not cell and other.tag in _CELL_TAGS):
            tail, attributes = cell.tail, dict(cell.attrib)
            cell.clear()  # (its children, the break among them)
            cell.attrib.update(attributes)
            cell.text, cell.tail = "".join(parts), tail


# Two digits in a cell's text, which two runs of digits need: a cell without (a label, a count of one digit) is no
# broken number, and is not asked for its blocks (lxml's search for 40 block tags, 10 M instructions a web page)
_TWO_DIGITS = re.compile("[0-9０-９].*?[0-9０-９]", re.S)


def _not_one_element(cell) -> bool:
    """Whether a cell holds more than a chain of single elements around one text with at most one block among them
    ('<td><p><span>12</span></p></td>', most cells of a page with children), which sets one line: told from the
    tree, not from its text."""
    el, blocks = cell, 0
    while len(el) == 1:
        child = el[0]
        if not isinstance(child.tag, str) or (el.text or "").strip() or (child.tail or "").strip():
            return True  # (a comment, or text beside the child)
        blocks += child.tag in _BLOCK_TAGS
        el = child
    return len(el) > 0 or blocks > 1


def _block_lines(cell) -> bool:
    """Whether a cell's blocks set its text on two lines or more, as a browser shows them: two blocks, or one beside
    text of the cell outside it ('13<p>63</p>', a number and a paragraph: shown as '13<br>63' is, and read as it)."""
    blocks = cell.iterdescendants(*_BLOCK_TAGS)  # (lxml picks them, not a Python test of each descendant)
    block = next(blocks, None)
    if block is None or next(blocks, None) is not None:
        return block is not None
    if len(cell) == 1 and cell[0] is block:  # (most such cells, '<td><p>…</p></td>': text outside is around it)
        return bool((cell.text or "").strip() or (block.tail or "").strip())
    return len("".join(cell.itertext()).strip()) > len("".join(block.itertext()).strip())


def _cell_runs(cell) -> list | None:
    """The runs of text of a table cell between its line breaks (``<br>``, a block's edges), None where it holds a
    table or markup too deep to read so."""
    if cell.find(".//table") is not None:
        return None
    pieces: list = [cell.text or ""]
    if not _cell_pieces(cell, pieces):
        return None
    return [part.strip() for part in "".join(pieces).split(_BR) if part.strip()]


def _broken_digits(cell) -> list | None:
    """The two runs of digits of a cell holding them alone on either side of one line break (one ``<br>`` or none,
    and blocks), where they read as one number wrapped (see _full_first_line), else None."""
    if _inner_breaks(cell) > 1:
        return None
    runs = _cell_runs(cell)
    return runs if runs is not None and _wrapped_digits(runs) else None


def _inner_breaks(cell) -> int:
    """The ``<br>`` of a cell between its first text and its last: one before or after all its text (a CMS editor's
    '13<br>63<br>') shows no line a browser sets, and kept a wrapped number apart ('13 63', no number)."""
    pieces: list = []
    _text_and_breaks(cell, pieces)
    shown = [k for k, piece in enumerate(pieces) if piece is not None and piece.strip()]
    return pieces[shown[0]:shown[-1]].count(None) if shown else 0


def _text_and_breaks(el, out: list) -> None:
    """Put the texts of ``el``'s content in ``out`` in order, a None for each ``<br>``."""
    if el.text and isinstance(el.tag, str):
        out.append(el.text)
    for child in el:
        if child.tag == "br":
            out.append(None)
        elif isinstance(child.tag, str):  # (a comment's text is no text of the cell)
            _text_and_breaks(child, out)
        if child.tail:
            out.append(child.tail)


def _plain_number(cell) -> bool:
    """Whether a table cell holds a number unbroken: digits alone, in one run (see _cell_runs)."""
    if not len(cell):
        return _DIGIT_RUN.fullmatch((cell.text or "").strip()) is not None
    runs = _cell_runs(cell)
    return runs is not None and len(runs) == 1 and _DIGIT_RUN.fullmatch(runs[0]) is not None


#: The types of ``<input>`` that show their value as text in a box (no type is text); a button's label, a check box
#: or a hidden field's value is no text of the report.
_TEXT_INPUTS = frozenset({"", "text", "number", "tel", "email", "url", "search", "date", "month"})


#: The mark of a cell of a number or a blank spanning columns that another row of its table splits: the pieces the
#: table's rows split them into (see _split_counts)
_SPLIT = "data-toolkit-split"


def _split_counts(root) -> None:
    """Mark (``_SPLIT``) each cell of a number or a blank spanning columns whose columns another row of its table
    splits, a cell of it starting among them, with the pieces they are split into (see _pieces): a number is read as
    as many counts, missing (see _spread_across), a blank as as many blanks (_blank_spans).  Before _blank_spans
    writes those blanks: a blank it writes splits nothing, and a cell under a column merged in every row (the
    Article 20 table's middle one) is one value."""
    tables: dict = {}
    for cell in root.iter("td", "th"):
        if _span(cell.get("colspan")) > 1:
            text = _clean_text("".join(cell.itertext()))
            table = next(cell.iterancestors("table"), None)
            if table is not None and (any(map(str.isdigit, text)) and _value_text(text)
                                      or not text and cell.find(".//table") is None):
                tables.setdefault(table, []).append(cell)
    for table, counts in tables.items():
        placed: dict = {}  # a cell -> (its first column, its columns)
        merged: dict = {}  # (see _span_walk)
        group = None
        for tr in table.iter("tr"):
            if next(tr.iterancestors("table"), None) is not table:
                continue  # (a nested table's row)
            if tr.getparent() is not group:  # (a merge ends with its row group)
                group, merged = tr.getparent(), {}
            row = [c for c in tr if c.tag in _CELL_TAGS]
            for k, column, across, _ in _span_walk(merged, row):
                if k is not None:
                    placed[row[k]] = (column, across)
        starts = {column for column, _ in placed.values()}
        for cell in counts:
            column, across = placed.get(cell, (0, 1))
            pieces = _pieces(starts, column, column + across)
            if pieces > 1:
                cell.set(_SPLIT, str(pieces))


def _blank_spans(root) -> None:
    """Write a blank cell spanning columns (``<td colspan="2">&nbsp;</td>``) as as many blank cells, in a row holding
    text: one blank cell read in the place of two moved every value after it one column left, the row ragged and its
    counts NA; but the row's last cell as one (see _blank_span_cells, the rule of DOCX and .doc too), and so is a
    blank over columns no other row of its table splits (not marked by _split_counts: a column merged in every row,
    the Article 20 table's middle one, whose two blanks put the row's last count one column right).  A cell of text
    spanning columns stays one cell (a merged header, a label over the label columns)."""
    for cell in [c for c in root.iter("td", "th") if _span(c.get("colspan")) > 1]:
        row = cell.getparent()
        if row is None or cell.find(".//table") is not None or _clean_text("".join(cell.itertext())) \
                or not _clean_text("".join(row.itertext())) or cell.get(_SPLIT) is None:
            continue
        across = _blank_span_cells(_pieces_marked(cell), _ends_its_row(cell, row))
        cell.set("colspan", "1")
        for _ in range(across - 1):
            twin = cell.makeelement(cell.tag, {k: v for k, v in cell.attrib.items() if k == "rowspan"})
            cell.addnext(twin)


def _pieces_marked(cell) -> int:
    """The pieces the rows of its table split the columns of a ``cell`` (a ``<td>``, or a mapping of its spans; see
    _shared_spans) into, as _split_counts marked it: 1 where it is not marked (no other row splits them)."""
    mark = cell.get(_SPLIT)
    return int(mark) if mark else 1


def _ends_its_row(cell, row) -> bool:
    """Whether ``cell`` is the last of its ``row`` (a ``<tr>``): no cell after it, nor a cell of the rows above in
    its row group merged down (``rowspan``) into a column after it."""
    if any(el.tag in _CELL_TAGS for el in cell.itersiblings()):
        return False
    rows = [tr for tr in reversed(list(row.itersiblings(preceding=True))) if tr.tag == "tr"]
    if not any(c.get("rowspan") is not None for tr in rows for c in tr):
        return True
    merged: dict = {}  # (see _span_walk)
    for tr in rows:
        for _ in _span_walk(merged, [c for c in tr if c.tag in _CELL_TAGS]):
            pass
    walk = list(_span_walk(merged, [c for c in row if c.tag in _CELL_TAGS]))
    return walk[-1][0] is not None  # (the walk's last step is a merge's where one covers a column after it)


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


def _cell_buttons(root) -> None:
    """Remove the buttons of each table cell (``<td>88<button>编辑</button></td>``: a form system's table with its
    controls beside the counts read '88编辑', no number), as a button ``<input>``'s label is not read: a page's
    control, not the report's text.  A cell whose only text is a button's number keeps it (a count shown as a
    button that opens its list: losing a value would be worse).  Outside the tables a button is left as read: a page
    may show its sections' titles as buttons that open them, and a bare button's word is page furniture; so in a
    cell that holds page content (a page laid out in a table)."""
    cells: dict = {}  # the nearest cell -> its outermost buttons
    for button in root.iter("button"):
        cell = next(button.iterancestors("td", "th"), None)
        if cell is not None and next(button.iterancestors("button"), None) is None:
            cells.setdefault(cell, []).append(button)
    for cell, buttons in cells.items():
        if _is_layout_cell(cell, None):
            continue
        shown = "".join(t for b in buttons for t in b.itertext()).strip()
        if _DIGITS_ALT.fullmatch(shown) and not _unstruck_text(cell, set(buttons)).strip():
            continue
        for button in buttons:
            _remove_keeping_tail(button)


# A character of Unicode's private use area in the page's bytes, or as a character reference ('&#xe600;', '&#58880;'):
# an icon font's glyph, as iconfont's 'Unicode' way writes one in the page.  Three patterns, each opening with a
# literal byte the search skips to: one pattern of the three scanned each byte of every page for the rare glyph.
_PRIVATE_USE_BYTES = (re.compile(rb"\xee[\x80-\xbf]"), re.compile(rb"\xef[\x80-\xa3]"),
                      re.compile(rb"&#(?:[xX][eEfF][0-9a-fA-F]{3}|5[7-9]\d{3}|6[0-3]\d{3});"))


def _private_use(encoded: bytes) -> bool:
    """Whether the page's UTF-8 bytes ``encoded`` hold a character of the private use area (see _PRIVATE_USE_BYTES)."""
    return any(pattern.search(encoded) for pattern in _PRIVATE_USE_BYTES)


def _cell_icon_glyphs(root) -> None:
    """Remove the icon fonts' glyphs of the table cells: an inline element in a cell whose text is characters of the
    private use area alone (``<td>88<i class="iconfont">&#xe600;</i></td>``, an arrow beside a count) shows a
    picture, no text, and the value read '88\ue600', no number (NA).  Only in a cell and alone in its element: a
    report's rare character (a name's, in a font of its own) stays, flagged as it was."""
    for el in root.iter(*_INLINE_MARK_TAGS):
        text = el.text
        if text and len(el) == 0 and _PRIVATE_USE_RE.search(text) and not _PRIVATE_USE_RE.sub("", text).strip() \
                and next(el.iterancestors("td", "th"), None) is not None:
            el.text = None


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
#: Those tags lower-cased, each once: where the lower-cased bytes hold none, the page's bytes hold none of the tags.
_UNSHOWN_CONTROL_NAMES = tuple(dict.fromkeys(tag.lower() for tag in _UNSHOWN_CONTROL_TAGS))


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
    ``multiple`` or ``size`` over 1, shows them all).  A closed ``<details>`` whose summary is a numbered heading
    ('六、其他需要报告的事项') folds a part of the report, however short: all of it is read."""
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
        if not _small_and_tableless(details, rest) or _numbered_summary(summary):
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
        if shown is not None:  # (a drop-down is a box in its line: its option no block, no line of its own)
            shown.tag = "span"


def _numbered_summary(summary) -> bool:
    """Whether a ``<details>``' ``summary`` starts with a number typed as a report's headings are (see _list_marker:
    '六、', '（二）', '3.'): a section folded until clicked, whose few lines ('本年度无其他需要报告的事项。') were
    dropped as a page's share box is."""
    return summary is not None and _list_marker().match("".join(summary.itertext())[:12]) is not None


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
                      r"clip(?:-path)?|position)\s*:\s*"
                      r"([^;!\"']*)", re.IGNORECASE)


#: The displays whose box a height or width sizes: an inline element's (a span's) is sized by its text, and a table
#: cell's or row's height is a least one (its text is shown whole in either).
_SIZED_DISPLAYS = frozenset({"block", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "flow-root",
                             "list-item"})


def _clipped_style(style: str, tag: str) -> bool:
    """Whether a style attribute shows nothing of its element's (of tag ``tag``) text though it keeps its box: the
    last opacity is 0, it is positioned out of the flow and clipped to a rectangle of no area (see _empty_clip), its
    content-visibility is hidden on a block or a table's cell (by its tag or its style's display), or the element is a
    block whose last height or width (or max-) is 0 with the overflow hidden and no padding."""
    last: dict[str, str] = {}
    for prop, value in _CLIP_RE.findall(style):
        last[prop.lower()] = value.strip()
    if _ZERO_SIZE.fullmatch(last.get("opacity", "")):
        return True
    if last.get("position", "").lower() in ("absolute", "fixed") and _empty_clip(last.get("clip", "")):
        return True  # (a screen reader's text: Bootstrap's .sr-only, .visually-hidden: 'clip: rect(0, 0, 0, 0)')
    if _empty_clip_path(last.get("clip-path", "")):
        return True  # (a screen reader's text too, clipped so: 'clip-path: inset(50%)', on any element)
    displays = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(style) if prop.lower() == "display"]
    hidden_content = last.get("content-visibility", "").lower() == "hidden"
    if hidden_content and (displays[-1] == "table-cell" if displays else tag in _CELL_TAGS):
        return True  # (a cell's content skipped too, as Chromium skips it: its box stays, blank in its row)
    if not (displays[-1] in _SIZED_DISPLAYS if displays else tag in _BLOCK_TAGS and tag not in ("caption", "html")):
        return False
    if hidden_content:  # (its content skipped, its box kept: a block's, as its size containment asks; an inline
        return True  # element's content is shown)
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


_CLIP_INSET_RE = re.compile(r"inset\(\s*([^)]*?)\s*(?:round\b[^)]*)?\)", re.IGNORECASE)
_CLIP_CIRCLE_RE = re.compile(r"(?:circle|ellipse)\(\s*0+(?:\.0*)?(?:px|%)?(?![\w.%])", re.IGNORECASE)


def _empty_clip_path(clip_path: str) -> bool:
    """Whether a ``clip-path`` value leaves no area of its element shown: an inset of half of it or more from each
    side ('inset(50%)': its top and bottom, or its left and right, inset by 100% or more together) or a circle or
    an ellipse of radius 0; other shapes, and lengths but 0 (the element's size not known), are not read."""
    if _CLIP_CIRCLE_RE.search(clip_path):
        return True
    found = _CLIP_INSET_RE.search(clip_path)
    if found is None:
        return False
    values = found.group(1).split()
    if not values or len(values) > 4 or not all(value.endswith("%") or value == "0" for value in values):
        return False
    try:
        sides = [float(value.rstrip("%")) for value in values]
    except ValueError:
        return False
    top, right, bottom, left = (sides * 4)[:4] if len(sides) != 3 else (*sides, sides[1])  # (as margin's sides)
    return top + bottom >= 100 or left + right >= 100


def _last_visibility(el) -> str | None:
    """The last visibility ``el``'s style sets (lower case), None where it sets none."""
    values = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(el.get("style") or "")
              if prop.lower() == "visibility"]
    return values[-1] if values else None


def _collapsed_columns_of(table) -> set:
    """The columns of ``table`` (counted from 0) whose ``<col>`` or ``<colgroup>`` is ``visibility: collapse`` (a col
    inherits its colgroup's; another visibility does nothing to a column)."""
    collapsed: set = set()
    first = 0
    for child in table:
        tag = _tag_name(child.tag) if isinstance(child.tag, str) else ""
        if tag not in _COLUMN_TAGS:
            continue
        cols = [child] if tag == "col" else [col for col in child if col.tag == "col"] or [child]
        around = _last_visibility(child) if tag == "colgroup" else None
        for col in cols:
            width = _span(col.get("span"))
            if ((_last_visibility(col) if col.tag == "col" else None) or around) == "collapse":
                collapsed.update(range(first, first + width))
            first += width
    return collapsed


def _table_row_groups(table) -> list:
    """The rows of ``table``'s row groups (a rowspan ends with its group), its rows outside one a group of their own."""
    groups: list = []
    loose: list = []
    for child in table:
        tag = _tag_name(child.tag) if isinstance(child.tag, str) else ""
        if tag == "tr":
            loose.append(child)
        elif tag in _ROW_GROUPS:
            groups.append([row for row in child if row.tag == "tr"])
    return [*groups, loose] if loose else groups


def _collapsed_columns(root) -> None:
    """Remove the cells of a table's columns collapsed by their ``<col>`` (``<col style="visibility:collapse">``, by
    its style or a sheet's rule: an old year's column a page keeps but does not show), as a browser removes the
    column; a cell spanning one and a shown column spans the shown ones.  They were read, a value more in each row
    and the values after it a column right."""
    for table in list(root.iter("table")):
        collapsed = _collapsed_columns_of(table)
        if not collapsed:
            continue
        for rows in _table_row_groups(table):
            merged: dict = {}  # (see _span_walk)
            for row in rows:
                cells = [cell for cell in row if cell.tag in _CELL_TAGS]
                for k, column, width, _ in _span_walk(merged, cells):
                    if k is None:
                        continue
                    hidden = len(collapsed.intersection(range(column, column + width)))
                    if hidden == width:
                        _remove_keeping_tail(cells[k])
                    elif hidden:
                        cells[k].set("colspan", str(width - hidden))


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


#: The displays that make an element inline-level: shown in the line of the text around it.
_INLINE_DISPLAYS = frozenset({"inline", "inline-block", "inline-flex", "inline-grid", "ruby"})


def _inline_items(root) -> None:
    """Make inline elements (``<span>``) of the list items whose style's last display is an inline one (``<li
    style="display:inline">``, by their style or a sheet's rule: a CMS's list of links or words laid out in a line):
    a browser shows them in one line, without markers; they were read one per line, as items.  An item displayed
    ``inline list-item`` keeps its marker, and is left as it is."""
    for li in root.iter("li"):
        style = li.get("style")
        if not style or "inline" not in style.lower():
            continue
        displays = [words for words in (value.lower().split() for value in _DISPLAY_VALUE_RE.findall(style))
                    if words and words != ["revert"]]  # (a 'revert': see _display_blocks)
        if displays and len(displays[-1]) == 1 and displays[-1][0] in _INLINE_DISPLAYS:
            li.tag = "span"


#: The displays of a table's parts, and the tag of each (see _display_tables).
_TABLE_DISPLAYS = {"table": "table", "inline-table": "table", "table-row-group": "tbody", "table-header-group": "thead",
                   "table-footer-group": "tfoot", "table-row": "tr", "table-cell": "td"}


def _display_tables(root) -> None:
    """Make a table (``<table>``, ``<tr>``, ``<td>``) of the elements whose style's last display is a table's part
    (``<div style="display:table-row">``, ``display:table-cell``: a CMS's table of blocks), where a row of them holds
    two cells or more: a browser shows a table, whose cells were read each as a line, the table lost.  Cells without
    a row (or rows without a table) are put in one, as a browser puts them.  A lone cell (a block centred by
    ``display:table-cell``) is left as it is: a one-cell row would not be the line it reads as."""
    import lxml.etree

    kinds: dict = {}
    laid_out: list = []  # (the flex and grid boxes that may be a table's rows: see _flex_rows)
    for el in root.xpath("//*[@style]"):
        style = el.get("style")
        low = style.lower()
        if ("table" not in low and "flex" not in low and "grid" not in low) or not isinstance(
                el.tag, str) or el.tag in _TABLE_PARTS or el.tag in ("td", "th", "caption"):
            continue  # (a table's own parts are read as they are)
        displays = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(style)
                    if prop.lower() == "display" and value.lower() != "revert"]
        if displays and displays[-1] in _TABLE_DISPLAYS:
            kinds[el] = _TABLE_DISPLAYS[displays[-1]]
        elif displays and displays[-1] in _ROW_BOX_DISPLAYS and el.tag in _ROW_BOX_TAGS:
            laid_out.append((el, displays[-1]))
    if laid_out:
        kinds.update(_flex_rows(laid_out))

    def runs(parent, kind: str) -> list:
        """The runs of ``parent``'s children of the part ``kind`` next to each other (only white space between)."""
        found: list = []
        run: list = []
        for child in parent:
            if kinds.get(child) == kind:
                run.append(child)
                if child.tail and child.tail.strip():
                    found.append(run)
                    run = []
            elif run:
                found.append(run)
                run = []
        return [*found, run] if run else found

    def wrap(run: list, tag: str):
        """Put the elements of ``run`` in a new element ``tag`` where the first stands."""
        parent = run[0].getparent()
        box = lxml.etree.Element(tag)
        parent.insert(parent.index(run[0]), box)
        box.extend(run)
        box.tail, run[-1].tail = run[-1].tail, None
        return box

    parents = {el.getparent() for el, kind in kinds.items() if kind == "td"} - {None}
    for parent in parents:
        if kinds.get(parent) != "tr" and not any(len(run) > 1 for run in runs(parent, "td")):
            continue
        if kinds.get(parent) == "tr":  # (its table: the rows of the element holding it, or of its row group)
            holder = parent.getparent()
            if kinds.get(holder) in ("tbody", "thead", "tfoot"):
                holder = holder.getparent()
            if holder is None or kinds.get(holder) == "done":
                continue
            rows = [row for item in holder for row in ([item] if kinds.get(item) == "tr" else list(item) if kinds.get(
                item) in ("tbody", "thead", "tfoot") else []) if kinds.get(row) == "tr"]
            if not any(sum(kinds.get(cell) == "td" for cell in row) > 1 for row in rows):
                continue
            for item in holder:
                if kinds.get(item) in ("tbody", "thead", "tfoot"):
                    item.tag = kinds[item]
            for row in rows:
                row.tag = "tr"
                for cell in row:
                    if kinds.get(cell) == "td":
                        cell.tag = "td"
            if kinds.get(holder) == "table":
                holder.tag = "table"
            else:
                for run in runs(holder, "tr"):
                    wrap(run, "table")
            kinds[holder] = "done"
        else:
            for run in runs(parent, "td"):
                for cell in run:
                    cell.tag = "td"
                wrap([wrap(run, "tr")], "table")


#: The displays of a box laying out its children side by side (a flex row, a grid of columns), and the elements such
#: a box is a table's row of (a list or a table's own part is not: a menu of links in a line is no row of values).
_ROW_BOX_DISPLAYS = frozenset({"flex", "inline-flex", "grid", "inline-grid"})
_ROW_BOX_TAGS = frozenset({"div", "section", "p", "span"})
_FLEX_DIRECTION_RE = re.compile(r"(?<![\w-])flex-(?:direction|flow)\s*:\s*([^;!\"']*)", re.IGNORECASE)
_GRID_COLUMNS_RE = re.compile(r"(?<![\w-])(grid-template-columns|grid-template|grid|grid-auto-flow)\s*:\s*([^;!\"']*)",
                              re.IGNORECASE)
_GRID_SPAN_RE = re.compile(r"(?<![\w-])grid-column\s*:\s*([^;!\"']*)", re.IGNORECASE)
_GRID_ROW_RE = re.compile(r"(?<![\w-])grid-row\s*:\s*([^;!\"']*)", re.IGNORECASE)
_GRID_REPEAT_RE = re.compile(r"repeat\(\s*(\d+)\s*,((?:[^()]|\([^()]*\))*)\)", re.IGNORECASE)
_GRID_TRACK_RE = re.compile(r"[\w.%-]+(?:\((?:[^()]|\([^()]*\))*\))?|\[[^\]]*\]")
# A grid's named areas ('grid-template-areas: "l a b" "l c d"', each string a row of names, '.' a cell of none) and
# the area a cell is put in ('grid-area: l', or its lines: '1 / 2 / 2 / 4'): see _grid_area_starts
_GRID_AREAS_RE = re.compile(r"""(?<![\w-])grid-template-areas\s*:\s*((?:\s*(?:"[^"]*"|'[^']*'))+)""", re.IGNORECASE)
_GRID_AREA_RE = re.compile(r"(?<![\w-])grid-area\s*:\s*([^;!\"']*)", re.IGNORECASE)
_GRID_AREA_ROW_RE = re.compile(r""""([^"]*)"|'([^']*)'""")
_ORDER_RE = re.compile(r"(?<![\w-])order\s*:\s*([-+]?\d+)(?![\w.])", re.IGNORECASE)


def _row_box(style: str, display: str, cells: int) -> bool | None:
    """How a box of ``style`` displayed ``display`` (flex or grid: see _display_tables) lays out its ``cells``
    children: side by side in one row (True: a flex row, a grid of as many columns or more, or one flowing by column),
    the row reversed ('flex-direction: row-reverse': None), else stacked or wrapped into rows (False: a flex column,
    a grid of fewer columns, of one by a browser's default)."""
    if "flex" in display:
        directions = [value.lower().split() for value in _FLEX_DIRECTION_RE.findall(style)]
        direction = next((word for words in reversed(directions) for word in words if word.startswith(("row", "col"))),
                         "row")
        return None if direction == "row-reverse" else direction == "row"
    return cells <= _grid_columns(style, cells)


def _grid_columns(style: str, cells: int) -> int:
    """The columns of a grid of ``style`` holding ``cells`` children: its template's tracks (1 where it sets none),
    all its cells where it flows by column."""
    columns = 1
    for prop, value in _GRID_COLUMNS_RE.findall(style):
        prop, value = prop.lower(), value.strip().lower()
        if prop == "grid-auto-flow":
            columns = cells if "column" in value.split() else columns
        elif prop == "grid-template-columns" or "/" in value:
            tracks = value.rpartition("/")[2]  # (grid-template and grid: the rows, then '/' and the columns)
            count = sum(int(n) * len(_GRID_TRACK_RE.findall(inner)) for n, inner in _GRID_REPEAT_RE.findall(tracks))
            rest = _GRID_REPEAT_RE.sub(" ", tracks)
            columns = count + sum(not track.startswith("[") for track in _GRID_TRACK_RE.findall(rest))
    return columns


def _grid_areas(style: str) -> dict:
    """The named areas of a grid's template (see _GRID_AREAS_RE): name -> (first row, first column, columns), from
    1; none where it names none."""
    found = _GRID_AREAS_RE.findall(style)
    corners: dict = {}  # name -> [first row, first column, last column]
    for row, (double, single) in enumerate(_GRID_AREA_ROW_RE.findall(found[-1]) if found else (), start=1):
        for column, name in enumerate((double or single).split(), start=1):
            if name.strip("."):
                corner = corners.setdefault(name, [row, column, column])
                corner[2] = max(corner[2], column)
    return {name: (row, first, last - first + 1) for name, (row, first, last) in corners.items()}


def _grid_area_starts(box, cells: list) -> None:
    """Write the place of each of ``cells`` put in an area of the grid ``box`` by its ``grid-area`` (a name of the
    box's template, see _grid_areas, or its lines '1 / 2 / 2 / 4') as the row and columns it stands in (``grid-row``,
    ``grid-column``: see _grid_placed), and the template's columns as the box's: a browser shows the cells so,
    whatever their order (a label written after its values), and they were read in the order written."""
    style = box.get("style") or ""
    areas = _grid_areas(style)
    for cell in cells:
        found = _GRID_AREA_RE.findall(cell.get("style") or "")
        value = found[-1].strip() if found else ""
        lines = [line.strip() for line in value.split("/")]
        if value in areas:
            row, column, width = areas[value]
            place = f"grid-row:{row};grid-column:{column} / span {width}"
        elif len(lines) > 1 and all(re.fullmatch(r"[-+]?\d+|span\s+\d+", line) for line in lines):
            place = f"grid-row:{lines[0]};grid-column:{lines[1]}{' / ' + lines[3] if len(lines) > 3 else ''}"
        else:
            continue
        cell.set("style", f"{cell.get('style')};{place}")
    if areas and not any(prop.lower() == "grid-template-columns" or "/" in value
                         for prop, value in _GRID_COLUMNS_RE.findall(style)):
        box.set("style", f"{style};grid-template-columns:repeat({max(a[1] + a[2] - 1 for a in areas.values())},auto)")


def _grid_span(style: str | None, columns: int) -> int:
    """The columns a grid's cell of ``style`` spans, of the grid's ``columns``: its grid-column's ('span 4', '1 / -1',
    '2 / 4'), 1 where it sets none or lines not read."""
    found = _GRID_SPAN_RE.findall(style or "")
    if not found:
        return 1
    start, _, end = (part.strip().lower() for part in found[-1].partition("/"))
    spans = [int(value.split()[1]) for value in (start, end) if re.fullmatch(r"span\s+\d+", value)]
    if spans:
        return max(1, min(spans[0], columns))
    if re.fullmatch(r"-?\d+", start) and re.fullmatch(r"-?\d+", end):
        first, last = (int(line) if int(line) > 0 else columns + 2 + int(line) for line in (start, end))
        return max(1, min(last - first, columns))
    return 1


def _grid_lines(cells: list, columns: int) -> list:
    """The rows a grid of ``columns`` columns lays its ``cells`` out in, in their order, each cell spanning its
    columns (see _grid_span, written as its colspan)."""
    lines: list = [[]]
    used = 0
    for cell in cells:
        width = _grid_span(cell.get("style"), columns)
        if used + width > columns and lines[-1]:
            lines.append([])
            used = 0
        if width > 1:
            cell.set("colspan", str(width))
        lines[-1].append(cell)
        used += width
    return lines


def _grid_start(value: str | None, lines: int | None = None) -> int | None:
    """The column (or row), from 1, a grid's cell starts in by its ``grid-column`` (``grid-row``) ``value`` ('2',
    '2 / 4', '2 / span 2'; '-3' counted back from the grid's ``lines`` where given), None where it sets none (auto,
    'span 2', a line's name)."""
    start = (value or "").partition("/")[0].strip()
    if not re.fullmatch(r"[-+]?\d+", start) or not int(start):
        return None
    line = int(start) if int(start) > 0 else (lines or 0) + 1 + int(start)  # (-1: the last line)
    return line if line > 0 and (int(start) > 0 or lines) else None


def _grid_starts(cell, columns: int) -> tuple[int | None, int | None]:
    """The row and column a grid's ``cell`` is placed in by its style (see _grid_start), None for each not given."""
    style = cell.get("style") or ""
    rows, across = _GRID_ROW_RE.findall(style), _GRID_SPAN_RE.findall(style)
    return (_grid_start(rows[-1]) if rows else None), (_grid_start(across[-1], columns + 1) if across else None)


def _grid_placed(cells: list, columns: int) -> list | None:
    """The rows a grid of ``columns`` columns shows its ``cells`` in, where one or more is placed by its style
    (``grid-row: 2``, ``grid-column: 3``: a label written after its values and shown before them), placed as a
    browser places them (those given a row and a column there, then those given a row in it, then the others in
    turn from a cursor, one given a column in it: CSS Grid's sparse auto-placement); each row's cells by column, a
    blank cell for a column left empty before one (each cell's span written as its colspan).  None where no cell
    is placed."""
    import lxml.etree

    starts = [_grid_starts(cell, columns) for cell in cells]
    if not any(row or column for row, column in starts):
        return None
    columns = max([columns, *(column for _, column in starts if column)])
    widths = [_grid_span(cell.get("style"), columns) for cell in cells]
    taken: set = set()
    at: dict = {}  # cell's index -> (row, column)

    def free(row: int, column: int, width: int) -> bool:
        return all((row, c) not in taken for c in range(column, column + width))

    def put(k: int, row: int, column: int) -> None:
        taken.update((row, c) for c in range(column, column + widths[k]))
        at[k] = (row, column)

    for k, (row, column) in enumerate(starts):
        if row and column:
            put(k, row, column)
    ends: dict = {}  # (the next column of each row placed in by a cell given its row alone)
    for k, (row, column) in enumerate(starts):
        if row and not column:
            column = ends.get(row, 1)
            while not free(row, column, widths[k]):
                column += 1
            put(k, row, column)
            ends[row] = column + widths[k]
    cursor = [1, 1]
    for k, (row, column) in enumerate(starts):
        if row:
            continue
        if column:  # (in its column: on the cursor's row, or the next where the cursor has passed it)
            cursor = [cursor[0] + (column < cursor[1]), column]
            while not free(cursor[0], column, widths[k]):
                cursor[0] += 1
        else:
            while not free(cursor[0], cursor[1], widths[k]):
                cursor = [cursor[0] + 1, 1] if cursor[1] + widths[k] > columns else [cursor[0], cursor[1] + 1]
        put(k, cursor[0], cursor[1])
    lines = []
    for row in sorted({row for row, _ in at.values()}):
        line: list = []
        for column, k in sorted((column, k) for k, (r, column) in at.items() if r == row):
            line.extend(lxml.etree.Element("div") for _ in range(column - len(line) - 1))  # (a column left empty)
            if widths[k] > 1:
                cells[k].set("colspan", str(widths[k]))
            line.append(cells[k])
        lines.append(line)
    return lines


def _in_order(cells: list) -> list:
    """A flex or grid box's ``cells`` in the order a browser lays them out: by their style's last ``order`` (0 where
    it sets none), those of one order as written; ``cells`` itself where none sets one."""
    orders = [found[-1] if (found := _ORDER_RE.findall(cell.get("style") or "")) else "0" for cell in cells]
    if not any(int(order) for order in orders):
        return cells
    return [cell for _, cell in sorted(zip(map(int, orders), cells), key=lambda pair: pair[0])]


def _anonymous_items(box, cells: list) -> bool:
    """Whether a flex or grid ``box`` of element children ``cells`` may be a table's row by its own text: it holds
    none (its text and its children's tails blank), or, beside children all blocks (``<div style="display:flex">
    规章<div>0</div><div>5</div></div>``: read a line each), short runs of it, each of which a browser lays out as an
    item of its own (an anonymous flex item), put in a ``<span>`` of its own among ``cells`` (in their place)."""
    import lxml.etree

    runs = [box.text, *(cell.tail for cell in cells)]
    if not any(text and text.strip() for text in runs):
        return not any((child.tail or "").strip() for child in box)  # (after a comment: none of the runs)
    if len(box) > len(cells) or any(_tag_name(cell.tag) not in _BLOCK_TAGS for cell in cells) or any(
            text and len(text.strip()) > _LAYOUT_CELL_CHARS for text in runs):
        return False
    for k in reversed(range(len(runs))):  # (from the last: the places of those before it stay)
        if runs[k] and runs[k].strip():
            item = lxml.etree.Element("span")
            item.text = runs[k].strip()
            if k:
                cells[k - 1].tail = None
            else:
                box.text = None
            box.insert(box.index(cells[k - 1]) + 1 if k else 0, item)
            cells.insert(k, item)
    return True


def _flex_rows(boxes: list) -> dict:
    """The table's parts (see _display_tables: 'tr', 'td', 'table') of the flex and grid boxes ``boxes`` (each with
    its display) that lay out their element children side by side (see _row_box; ``<div style="display:flex"><div>
    规章</div><div>0</div></div>``, a CMS's table of blocks): a browser shows each a row of cells, which were read
    each as a line of its own, the table lost.  Boxes are rows only in a run of two or more next to each other, one of
    two cells or more, holding no text of their own but beside blocks (see _anonymous_items), not only links and no cell
    holding a page (a table, or more text than a value's or label's: a page's header laid out in a line, a logo beside
    its title, a menu, a page's columns, are no table).  A reversed row's cells, and cells given an ``order``, are put
    in the order shown.  A grid of two columns or more holding more cells (``grid-template-columns: repeat(4, 1fr)``,
    the whole table one grid) is a table of the rows it lays them out in (see _grid_lines, _grid_placed; its cells
    put in the areas its template names, see _grid_area_starts), each put in a box of its own."""
    import lxml.etree

    rows: dict = {}
    grids: list = []
    for box, display in boxes:
        cells = [child for child in box if isinstance(child.tag, str)]
        if not cells or all(_tag_name(cell.tag) == "a" for cell in cells) or any(
                cell.find(".//table") is not None or sum(map(len, cell.itertext())) > _LAYOUT_CELL_CHARS
                for cell in cells) or not _anonymous_items(box, cells):
            continue  # (a menu of links laid out in a line is no row of values either, nor a page's columns)
        if (ordered := _in_order(cells)) is not cells:  # ('order: 2': shown where its order puts it)
            box[:] = cells = ordered
        if "grid" in display and "grid-area" in "".join(cell.get("style") or "" for cell in cells):
            _grid_area_starts(box, cells)  # (cells put in the areas of a template: see _grid_area_starts)
        laid = _row_box(box.get("style"), display, len(cells))
        placed = _grid_placed(cells, _grid_columns(box.get("style"), len(cells))) if "grid" in display else None
        if placed is not None and len(placed) == 1:  # (a row of cells placed in their columns)
            box[:] = cells = placed[0]
        elif placed is not None:
            grids.append((box, placed))
            continue
        elif laid is False:
            if "grid" in display and (columns := _grid_columns(box.get("style"), len(cells))) > 1:
                grids.append((box, _grid_lines(cells, columns)))
            continue
        if laid is None:
            box[:] = reversed(list(box))
            cells.reverse()
        rows[box] = cells
    kinds: dict = {}
    for box in rows:
        previous = box.getprevious()
        if previous in rows and not (previous.tail or "").strip():
            continue  # (a run is taken from its first box)
        run = [box]
        while (after := run[-1].getnext()) in rows and not (run[-1].tail or "").strip():
            run.append(after)
        if len(run) > 1 and any(len(rows[row]) > 1 for row in run):
            for row in run:
                kinds[row] = "tr"
                kinds.update((cell, "td") for cell in rows[row])
    for box, lines in grids:
        kinds[box] = "table"
        box[:] = [lxml.etree.Element("div") for _ in lines]  # (a row each: all the box shows, its cells in them)
        for row, line in zip(box, lines):
            row.extend(line)
            kinds[row] = "tr"
            kinds.update((cell, "td") for cell in line)
    return kinds


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


# What _clean removes or collapses: white space, and the characters that show nothing (normalize's _INVISIBLE, its
# format characters: a soft hyphen, a zero-width space or joiner, a direction mark), which split a label or a number
# ('1&shy;288', '政府信息&#8203;公开') in the document's lines
_UNCLEAN_RE = re.compile(rf"[\s\x00{_INVISIBLE_FORMAT}]")
_EDGE_SPACE = " \t\n\r\f" + _BR  # what _WS_RE collapses: a run of it at either end of a text is stripped anyway


def _clean(pieces: list) -> str:
    """The text of ``pieces`` as a browser shows it: white space collapsed (see _collapse) and stripped."""
    return _clean_text("".join(pieces))


def _is_clean(text: str) -> bool:
    """Whether ``text`` is its own cleaning: it holds nothing _clean removes or collapses but single spaces
    between its characters, which cleaning keeps as they are.

    Every character of _UNCLEAN_RE but the space is one str.isprintable refuses (a control, format or separator
    character): a printable text is clean unless it holds two spaces in a row or starts or ends with one, told
    by C scans cheaper than a search (which a wrapped label, '商业 企业', would otherwise take twice).  (The
    printable ones of _INVISIBLE, the combining grapheme joiner and the variation selectors, which follow a
    character and split no word, are left to normalize.)
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
    return _collapse(_INVISIBLE_FORMAT_RE.sub("", text)).strip()


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


_ROWSPAN = operator.methodcaller("get", "rowspan")  # a cell's rowspan attribute (None where not given)
_TAG = operator.attrgetter("tag")
_TAIL = operator.attrgetter("tail")
_TEXT = operator.attrgetter("text")


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
            texts = list(map(_TEXT, row))
            joined = "".join(filter(None, texts))
            if " " not in joined and joined.isprintable() and not any(map(len, row)):
                # (most rows: text-only cells, none with a space or a character _clean_text would change, each
                # cell's text its own, told for the row in C)
                cells = [text or "" for text in texts]
            else:
                cells = []
                for cell in row:
                    text = cell.text
                    if not len(cell):  # a cell of text only, taken here (and no layout cell: it has no paragraphs)
                        cells.append(_clean_text(text) if text else "")
                        continue
                    text = _markup_text(cell, text)
                    if text is None or (len(text) > _LAYOUT_CELL_CHARS and _is_layout_cell(cell, text)):
                        return None
                    cells.append(text)
            # A rowspan given in the row, in one C pass: an empty one (rowspan="") spans one row, so leaving it out
            # changes nothing (_with_covered_values gives the rows as they are where no cell spans two)
            merged = merged or any(map(_ROWSPAN, row)) or _spans_a_count(row, cells)
            grid.append((cells, tr))
            if cells:
                rows.append(cells)
    return _with_covered_values(grid) if merged else rows


def _spans_a_count(cells, texts: list) -> bool:
    """Whether a row's ``cells`` (each a ``<td>``, or a mapping of its spans; see _shared_spans), whose texts are
    ``texts``, hold a number spanning columns its table splits (see _split_counts): read by _covered_row, which
    spreads it (see _spread_across)."""
    return any(text and cell.get(_SPLIT) is not None for cell, text in zip(cells[:-1], texts))  # (the last: one)


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
    units: set = set()  # the columns headed by a unit header (see _unit_header)
    rows: list = []
    group = None
    for texts, tr in grid:
        if tr.getparent() is not group:  # (a merge ends with its row group, thead or tbody, as a browser ends it)
            group = tr.getparent()
            merged.clear()
        row = _covered_row(merged, texts, tr, units)
        if row:
            rows.append(row)
    return rows


def _covered_row(merged: dict, texts: list, cells, units: set) -> list:
    """A row's cell ``texts``, a blank cell put in the place of each value cell a cell merged down over it covers
    (``rowspan``; see _value_text), and a unit or a blank in that of each cell of words it covers (see
    _covered_words; ``units``: the columns headed by a unit header, those of this row added), but before the row's
    first cell; ``cells``: the ``<td>`` of each text (its spans shared among the cells of a table nested in it: see
    _shared_spans), ``merged`` the merges still open above it (see _span_walk), brought to the next row. A text None
    is a layout cell's (see _is_layout_cell): no cell of the row, but its columns counted."""
    row: list = []
    kept = 0  # the row's cells but the blanks of words after its last other cell (no value after them to keep)
    for k, column, across, merge in _span_walk(merged, cells):
        if k is None:  # a column a merge above covers, once the row has a cell
            if merge and merge[2] is not None and row:
                words = isinstance(merge[2], str)
                row.append(merge[2] if words else "")
                if not words:
                    _cover(merge[2], row)
                if not words or merge[2]:
                    kept = len(row)
            continue
        text = texts[k]
        if text is not None:  # (None: a layout cell, read as lines after the row, but a column of it)
            # (a count merged across columns: as many blank cells, flagged; see _spread_across)
            spread = merge is None and _spread_across(text, row, len(row), across, k == len(texts) - 1,
                                                      _pieces_marked(cells[k]))
            row.extend(spread or (text,))
            kept = len(row)
            if merge is not None:
                note = _merge_note(text, row, len(row) - 1)
                merge[2] = _covered_words(text, column in units) if note is None else note
            if _unit_header(text):
                units.add(column)
    del row[kept:]  # (in place: a merge's note holds the row)
    return row


def _shared_spans(owner, count: int) -> list:
    """What _covered_row takes as the ``<td>`` of each of the ``count`` cells a cell (``owner``) gives its row: the
    cell itself, or, for the cells of a table of one row nested in it (see _own_cells), the columns it spans shared
    among them (one each, the last the rest) and its rowspan each (every value of the row merged down)."""
    if count == 1:
        return [owner]
    across, down = _span(owner.get("colspan")), owner.get("rowspan")
    return [{"colspan": str(max(across - k, 1)) if k == count - 1 else "1", "rowspan": down} for k in range(count)]


def _span_walk(merged: dict, cells) -> Iterator[tuple[int | None, int, int, list | None]]:
    """Place a row's ``cells`` (each a ``<td>``, or a mapping of its ``rowspan`` and ``colspan``) in their table's
    columns, past those the cells merged down from the rows above cover (``merged``: the first column of each such
    cell -> [the rows it still covers, its columns, what the caller keeps of it], brought to the next row).

    Yields, left to right, (None, column, columns, merge) for each merge above passed and (the cell's index, its
    first column, its columns, its own merge or None) for each cell, the merge of a cell spanning rows down put in
    ``merged`` before it is yielded (its third item the caller's); the walk over, a row of each merge is spent.
    One walk for the cells merged down (_covered_row) and the columns collapsed (_collapsed_columns)."""
    column = 0
    for k, cell in enumerate(cells):
        column = yield from _merges_passed(merged, column)
        down, across = _rowspan(cell.get("rowspan")), _span(cell.get("colspan"))
        merge = [down, across, None] if down > 1 else None
        if merge is not None:
            merged[column] = merge
        yield k, column, across, merge
        column += across
    yield from _merges_passed(merged, column)
    for start in list(merged):
        merged[start][0] -= 1
        if not merged[start][0]:
            del merged[start]


def _merges_passed(merged: dict, column: int) -> Generator[tuple[None, int, int, list], None, int]:
    """Yield (None, its first column, its columns, the merge) for each merge of ``merged`` met from ``column`` on
    (see _span_walk); return the first column none covers."""
    while column in merged:
        yield None, column, merged[column][1], merged[column]
        column += merged[column][1]
    return column


def _is_layout_cell(cell, text: str | None) -> bool:
    """Does a cell hold page content rather than a value or label?

    Many sites set the whole report inside a layout table.  A cell with paragraphs (or line
    breaks) and either a nested table or more than ``_LAYOUT_CELL_CHARS`` characters is read like
    the page itself, line by line, and not as one cell.  ``text`` is the cell's text taken whole
    (None where it is not taken whole).
    """
    if text is not None and len(text) <= _LAYOUT_CELL_CHARS:
        return False  # almost every cell: a value or a label
    nested = sum(sum(1 for el in table.iter("td", "th")) for table in cell.iter("table")
                 if table is not cell and not _blank("".join(table.itertext())))
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

    __slots__ = ("kind", "owner", "buf", "items", "cells", "after", "mark", "spans", "merged", "units", "group")

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
        self.units: set = set()  # (table) its columns headed by a unit header (see _covered_row)
        self.group = None  # (table) the row group (tbody, thead …) of its last row


def _list_number(li, ordinals: dict | None = None) -> str:
    """The number a browser shows before an item of an ``<ol>`` ('3.'), unless the item's text has its own,
    or the bullet ('•') before an item of a ``<ul>`` that is not a link alone (a site's menu); the list's style
    decides over its tag (a ``<ul>`` styled decimal is numbered, an ``<ol>`` styled disc bulleted, one styled none
    shows no marker).

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
    # (the list's style decides, not its tag: '<ul style="list-style-type:decimal">' shows 1. 2., as an <ol> does)
    style = _list_style(li) or _list_style(parent) or (
        "disc" if kind == "ul" else _OL_TYPES.get(parent.get("type") or "1", "decimal"))
    if style == "none":
        return ""
    string = _BULLET_MARK if style in _BULLET_STYLES else _marker_string(style)
    if string is not None:  # ('list-style-type: "一、"' was read 1.: the string is the marker, no number)
        # (menus, breadcrumbs and lists of other pages are links: their entries get no bullet)
        linked = "".join(t for a in li.iter("a") for t in a.itertext())
        return "" if not text.strip() or linked.strip() == text.strip() else string
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
    numbered = _tag_name(ol.tag) == "ol"  # (a <ul> styled with numbers: its start and reversed are no list's)
    step = -1 if numbered and ol.get("reversed") is not None else 1
    start = _html_integer(ol.get("start")) if numbered else None
    number = (start if start is not None else len(items) if step < 0 else 1) - step
    counted = {}
    for item in items:
        if not _shown_as_item(item):
            continue  # (a browser counts the items displayed as list items only)
        value = _html_integer(item.get("value"))
        number = value if value is not None else number + step
        counted[item] = number
    return counted


#: A display declaration's whole value: a list item's may be written in two words ('block list-item').
_DISPLAY_VALUE_RE = re.compile(r"(?<![\w-])display\s*:\s*([^;!\"']*)", re.IGNORECASE)


def _shown_as_item(li) -> bool:
    """Whether a browser shows the ``<li>`` ``li`` as a list item, with a marker and counted: unless its style's last
    display is another ('display:block', a CMS's way of laying out a list: no marker shown).  A display of two words
    holding ``list-item`` ('block list-item', 'list-item block') is a list item's: its first word alone, read as
    _HIDDEN_STYLE_RE reads it, took the item for a block, its number lost and the items after it counted one less."""
    style = li.get("style")
    if not style or "display" not in style.lower():
        return True
    displays = [value.lower().split() for value in _DISPLAY_VALUE_RE.findall(style)]
    displays = [words for words in displays if words and words != ["revert"]]  # (a 'revert': see _display_blocks)
    return not displays or "list-item" in displays[-1]


# HTML's rules for parsing an integer (a cell's rowspan or colspan, an <ol>'s start, an <li>'s value): white space, a
# sign, ASCII digits, the rest ignored ('2.0', '2px', '3.' are 2, 2, 3); no digit there (' x', '２') is an error, the
# attribute not set.
_HTML_SIGNED = re.compile(r"[\t\n\f\r ]*([-+]?)([0-9]{1,4000})")


def _html_integer(value: str | None) -> int | None:
    """An integer attribute as a browser reads it (see _HTML_SIGNED), None where it gives none."""
    match = _HTML_SIGNED.match(value) if value else None
    return None if match is None else int(match.group(1) + match.group(2))


#: The list-style-types whose marker is a bullet, no number: each is read as _BULLET_MARK.
_BULLET_STYLES = frozenset({"disc", "circle", "square", "disclosure-open", "disclosure-closed"})
_OL_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
_LIST_STYLE_RE = re.compile(r"(?<![\w-])list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)


def _list_style(el) -> str | None:
    """The list-style-type an element's style attribute sets (``list-style-type`` or a keyword of ``list-style``),
    one of _LIST_STYLES, ``'none'`` or a string as written, quotes and all (``'"一、"'``: see _marker_string), else
    None."""
    return _declared_list_style(el.get("style") or "")


def _declared_list_style(declarations: str, custom: dict | None = None) -> str | None:
    """The list-style-type CSS ``declarations`` set (see _list_style), or one of the page's ``custom`` counter
    styles' names (see _counter_styles), else None."""
    found = None
    for value in _LIST_STYLE_RE.findall(declarations):
        string = _CSS_STRING_RE.search(value)
        if string is not None:  # (a string is the marker itself: CSS Lists 3)
            found = string.group(0).strip()
            continue
        for word in value.lower().split():
            if word in _LIST_STYLES or word in _BULLET_STYLES or word == "none" or (custom and word in custom):
                found = word
    return found


def _marker_string(style: str | None) -> str | None:
    """The marker the list-style-type ``style`` shows where it is a string (``list-style-type: "一、"``: the string
    before every item, escapes read, white space at its end dropped as a number's is), else None."""
    if not style or style[0] not in "\"'":
        return None
    return _css_string_text(style[1:-1]).rstrip()


def _css_string_text(body: str) -> str:
    """The text of a CSS string whose ``body`` (between its quotes) is given: its escapes read."""
    return _CSS_STRING_ESCAPE_RE.sub(lambda m: m.group(2) or (
        _css_unescaped("\\" + m.group(1)) if m.group(1) else ""), body)


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


#: An ``@layer`` statement's names ('@layer base, utilities;'), and the key of the rules in no layer (see _css_rules).
_CSS_LAYER_STATEMENT_RE = re.compile(r"@layer\s+([^;{}]*);", re.IGNORECASE)
_UNLAYERED = 1 << 30


def _css_layer(layers: dict, path: tuple, names: str) -> tuple:
    """The path of the layer ``names`` ('a.b'; '' an anonymous one) names inside the layer ``path``, each of its
    layers given its place among its siblings in ``layers`` (the order a browser weighs them in: first named,
    first) where it has none yet."""
    for name in (names.strip().split(".") if names.strip() else [f"\0{len(layers)}"]):
        path = (*path, name.strip())
        layers.setdefault(path, sum(len(key) == len(path) and key[:-1] == path[:-1] for key in layers))
    return path


def _css_layer_key(layers: dict, path: tuple) -> tuple:
    """The weight of the rules in the layer ``path``, as a browser weighs layers: a tuple that sorts a rule of an
    earlier layer before one of a later, a sublayer's before its layer's own, and all before an unlayered rule."""
    return (*(layers[path[:i + 1]] for i in range(len(path))), _UNLAYERED)


def _css_rules(sheet: str, layers: dict | None = None) -> Iterator[tuple[str, str, tuple]]:
    """The rules (selectors, declarations, the weight of their layer: see _css_layer_key) of a style sheet that apply
    on a screen: at its top level, in an ``@media`` block for the screen (see _screen_media), in an ``@layer`` block
    (a framework's: Tailwind 4 puts its utilities, '.hidden { display: none }', in one) or an ``@supports`` block
    without ``not`` (a feature a current browser has); the rules of ``@media print``, ``@supports not (…)`` and other
    at-rules' blocks (``@font-face``, ``@keyframes``, ``@container``), and the at-rule statements before a rule
    (``@charset …;``, ``@layer a, b;``), are not read as rules.  ``layers``: the places of the layers named so far
    (a page's sheets share them), which the layers of this sheet are added to."""
    layers = {} if layers is None else layers
    sheet = _CSS_MARKUP_COMMENT_RE.sub(" ", _CSS_COMMENT_RE.sub("", sheet))
    # the open blocks: (read, the rule's selectors or None for a block of rules, its start, the layer it is in)
    blocks: list = []
    last = 0  # where the text since the last brace starts
    for brace in _CSS_BRACE_RE.finditer(sheet):
        read = all(block[0] for block in blocks)
        layer = blocks[-1][3] if blocks else ()
        if brace.group() == "{":
            before = sheet[last:brace.start()]
            if "@" in before and not (blocks and blocks[-1][1] is not None):  # ('@layer a, b;': their order)
                for names in _CSS_LAYER_STATEMENT_RE.findall(before):
                    for name in names.split(","):
                        if name.strip():
                            _css_layer(layers, layer, name)
            prelude = before.rsplit(";", 1)[-1].strip()
            if blocks and blocks[-1][1] is not None:  # (a block nested in a rule's: not read)
                blocks.append((False, None, 0, layer))
            elif prelude[:1] == "@":
                at_rule = _CSS_AT_RULE_RE.match(prelude)
                keyword, condition = (at_rule.group(1).lower(), at_rule.group(2)) if at_rule else ("", "")
                if keyword == "layer":
                    layer = _css_layer(layers, layer, condition)
                blocks.append((read and (_screen_media(condition) if keyword == "media" else keyword == "layer" or (
                    keyword == "supports" and not _CSS_NOT_WORD.search(condition))), None, 0, layer))
            else:
                blocks.append((read, prelude, brace.end(), layer))
        elif blocks:
            _, selectors, start, layer = blocks.pop()
            if read and selectors is not None:
                yield selectors, sheet[start:brace.start()], layer
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


def _sheet_rules(root, wanted: Callable[[str], object], widen: Callable[..., object] | None = None,
                 pseudo: str | None = None) -> list:
    """The rules of the page's style sheets shown on a screen (see _css_rules) for which ``wanted(declarations)`` is
    not None, each (weight, order, compounds, wanted's value), sorted by weight (the rank of its layer, see
    _css_layer_key, then its specificity), then order (the last wins); a selector other than tags, classes and ids
    joined by spaces or '>' is not read (see _css_compounds), unless ``widen(value)`` gives a value for it: then it is
    read widened (see _css_widened), with that value.  With ``pseudo`` ('before', 'after', 'marker'), only the
    selectors of that pseudo-element are read, as the selectors of the element it is in ('.num::before': '.num')."""
    rules: list = []
    layers: dict = {}  # (the places of the page's layers: see _css_rules)
    for style in root.iter("style"):
        if not style.text or not _screen_media(style.get("media")):
            continue
        if any(_tag_name(a.tag) in _DROP_TAGS and a.tag != "head" for a in style.iterancestors()):
            continue  # (a sheet in a fallback or a template: <noscript><style>.js{display:none}… a browser skips)
        for selectors, declarations, layer in _css_rules(style.text, layers):
            value = wanted(declarations)
            if value is None:
                continue
            for selector in (selectors.split(",") if widen is None else _css_selectors(selectors)):
                if pseudo is not None:
                    host = _PSEUDO_ELEMENT_RE.fullmatch(selector)
                    if host is None or host.group(2).lower() != pseudo:
                        continue
                    selector = host.group(1)
                compounds = _css_compounds(selector)
                if compounds:
                    specificity = (sum(len(c[2]) for c in compounds), sum(len(c[1]) + len(c[4]) for c in compounds),
                                   sum(c[0] is not None for c in compounds))
                    rules.append((layer, specificity, compounds, value))
                elif widen is not None and selector.strip() and (shown := widen(value)) is not None:
                    widened = _css_widened(selector)
                    if widened is not None:
                        rules.append((layer, widened[1], widened[0], shown))
    # (a browser weighs the layers first: a rule in no layer over any layered one, a later layer over an earlier;
    # read by specificity alone, a layered rule hid what an unlayered one shows.  Each rule's weight is its layer's
    # rank, then its specificity; a page without layers has one rank)
    ranks = {key: rank for rank, key in enumerate(sorted({_css_layer_key(layers, rule[0]) for rule in rules}))}
    rules = [((ranks[_css_layer_key(layers, layer)], *specificity), order, compounds, value)
             for order, (layer, specificity, compounds, value) in enumerate(rules)]
    rules.sort(key=lambda rule: rule[:2])
    return rules


#: A selector of a pseudo-element a sheet may give text ('.num::before', CSS 2's '.num:before'): the selector of the
#: element it is in, and which.
_PSEUDO_ELEMENT_RE = re.compile(r"\s*(.*?[^\s>+~])::?(before|after|marker)\s*", re.IGNORECASE | re.DOTALL)
_CSS_CONTENT_RE = re.compile(r"(?<![\w-])content\s*:\s*([^;]*)", re.IGNORECASE)
_CSS_STRING_RE = re.compile(r"\s*(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)')", re.DOTALL)
_CSS_CONTENT_PART_RE = re.compile(r"\s*(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|attr\(\s*([\w-]+)\s*\)|(counters?)"
                                  r"\(\s*([\w-]+)\s*(?:,\s*(?:\"([^\"]*)\"|'([^']*)')\s*)?(?:,\s*([\w-]+)\s*)?\))",
                                  re.IGNORECASE | re.DOTALL)
_CSS_STRING_ESCAPE_RE = re.compile(r"\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\\n|\\(.)", re.IGNORECASE)
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")  # (an icon font's glyph: no text)


def _css_content(declarations: str, el=None, counters: dict | None = None, custom: dict | None = None) -> str | None:
    """The text a rule's last ``content`` gives its pseudo-element (of the element ``el``) where it is strings,
    attributes' values and counters alone (``content: "一、"``, ``"（" "注" "）"``, ``attr(data-value)``: a count a
    page keeps in an attribute and shows so; ``counter(sec, cjk-ideographic) "、"``: a heading numbered by the sheet,
    the counters' values at the pseudo-element in ``counters``, see _counters_shown, in a built-in style or one of
    the page's ``custom`` counter styles, see _counter_styles), escapes read, a missing
    attribute's value empty; None where it sets none or another value (an image, none: not read), or gives an icon
    font's glyph (a private-use character) or no text at all, or a counter none of that name is in scope of.  Without
    ``el``, an attribute's value and a counter are taken for text (whether the rule may give any)."""
    found = _CSS_CONTENT_RE.findall(declarations)
    if not found:
        return None
    value = found[-1].replace("!important", "").strip()
    strings, end = [], 0
    for match in _CSS_CONTENT_PART_RE.finditer(value):
        if match.start() != end:
            return None
        double, single, name, counter, counted, joint, joint1, style = match.groups()
        if counter is not None:
            values = (counters or {}).get(counted) if el is not None else [1]
            if not values:
                return None  # (none in scope: list-item's, which a list keeps without a rule, is not counted here)
            joint = joint if joint is not None else joint1
            strings.append(_counter_text(values if counter.lower() == "counters" else values[-1:], joint or "", style,
                                         custom or {}))
        else:
            strings.append(double if double is not None else single if single is not None else
                           _attribute_text(el, name))
        end = match.end()
    if not strings or value[end:].strip():
        return None
    text = _css_string_text("".join(strings))
    return None if not text.strip() or _PRIVATE_USE_RE.search(text) else text


def _attribute_text(el, name: str) -> str:
    """The value of ``el``'s attribute ``name`` as ``attr()`` shows it (its escapes no escapes: a backslash doubled),
    empty where it has none; 'x' where no element is given (see _css_content)."""
    if el is None:
        return "x"
    return (el.get(name) or el.get(name.lower()) or "").replace("\\", "\\\\")


def _counter_text(values: list, joint: str, style: str | None, custom: dict) -> str:
    """What ``counter()`` (the innermost of ``values``, the counter's values in scope) or ``counters()`` (all of them
    joined by ``joint``) shows in the list style ``style`` (decimal where none or one not known), a built-in one or
    one of the page's ``custom`` counter styles (see _counter_styles): the number without the list marker's suffix."""
    if style is not None and style.lower() == "none":
        return ""
    return joint.join(_counter_number(value, (style or "decimal").lower(), custom) for value in values)


def _counter_number(n: int, name: str, styles: dict, depth: int = 0) -> str:
    """The representation of ``n`` in the list style ``name``, a built-in one (its marker without its '.' or '、') or
    one of the page's counter ``styles`` (its symbols without its prefix and suffix, which CSS Counter Styles 3 puts
    on a list's marker alone, not on ``counter()``'s text; decimal past a chain of four styles naming each other)."""
    if name not in styles or depth >= 4:
        return _LIST_STYLES.get(name, _LIST_STYLES["decimal"])(n)[:-1]
    descriptors = _extended(styles[name], styles, depth)
    kind, system = _counter_system(descriptors)
    in_range = _in_counter_range(kind, descriptors, n)
    if kind == "extends" and in_range:  # (a built-in style's symbols, its own pad about them)
        text = _counter_number(n, system[1].lower() if len(system) > 1 else "decimal", styles, depth + 1)
        return _padded_builtin(text, descriptors, n)
    text = _counter_representation(kind, system, descriptors, n) if in_range else None
    return text if text is not None else _counter_number(n, _counter_fallback(descriptors), styles, depth + 1)


_COUNTER_PROPERTY_RE = re.compile(r"(?<![\w-])counter-(reset|set|increment)\s*:\s*([^;!]*)", re.IGNORECASE)
_COUNTER_CHANGE_RE = re.compile(r"([a-z_][\w-]*)(?:\s+([-+]?\d+))?", re.IGNORECASE)
_COUNTER_ORDER = ("reset", "set", "increment")  # (as a browser applies an element's, CSS Lists 3)


def _counter_changes(declarations: str) -> list:
    """The counters' changes ``declarations`` make, each (how, name, number) in the order a browser makes them; the
    last declaration of each property wins ('counter-increment: none' is none)."""
    last: dict = {}
    for how, value in _COUNTER_PROPERTY_RE.findall(declarations):
        last[how.lower()] = value
    changes = []
    for how in _COUNTER_ORDER:
        for name, number in _COUNTER_CHANGE_RE.findall(last.get(how, "")):
            if name.lower() not in ("none", "inherit", "initial", "unset"):
                changes.append((how, name, int(number) if number else 1 if how == "increment" else 0))
    return changes


def _list_item_counter(el, ordinals: dict) -> list:
    """The values of the list-item counter a browser keeps for the list items ``el`` is or is in (the ordinals of its
    items and theirs, outermost first: see _ordinals, each list's kept in ``ordinals``), which no rule sets."""
    values = []
    for item in (el, *el.iterancestors("li")) if _tag_name(el.tag) == "li" else el.iterancestors("li"):
        parent = item.getparent()
        if parent is not None and _tag_name(parent.tag) in ("ol", "ul") and _shown_as_item(item):
            if parent not in ordinals:
                ordinals[parent] = _ordinals(parent)
            values.append(ordinals[parent].get(item))
    return [value for value in reversed(values) if value is not None]


def _counters_shown(root, pseudos: tuple, wanted: set) -> dict:
    """The counters' values a browser shows in the pseudo-elements ``wanted`` (each (an element, 'before' or
    'after'), of ``pseudos``): (the element, pseudo) -> {name: the values in scope, outermost first}, of the changes
    the sheets' rules and the style attributes make (see _counter_changes).  A counter reset on an element is seen by
    it, what it holds and the siblings after it; one reset again by a later sibling starts anew (CSS Lists 3).  One
    that a change finds none of in scope starts on the element (on the element holding the pseudo-element, for a
    pseudo-element's)."""
    import lxml.etree

    own = _sheet_rules(root, lambda d: _counter_changes(d) or None)
    inner = {pseudo: _sheet_rules(root, lambda d: _counter_changes(d) or None, pseudo=pseudo) for pseudo in pseudos}
    changes: dict = {}
    for key, rules in (("", own), *inner.items()):
        for el, found in _matched_rules(root, rules):
            changes[(el, key)] = [change for rule in found for change in rule[3]]
    for el in root.iter():
        style = el.get("style") if isinstance(el.tag, str) else None
        if style and "counter-" in style:
            changes[(el, "")] = [*changes.get((el, ""), ()), *_counter_changes(style)]
    instances: dict = {}  # name -> [[value, scope]]: the counters in scope, innermost last
    shown: dict = {}

    def change(el, key: str) -> None:
        for how, name, number in changes.get((el, key), ()):
            stack = instances.setdefault(name, [])
            # (one a pseudo-element starts too: '.h::before { counter-increment: sec }' without a reset numbers the
            # headings one on from another, as the page's author saw them, not each 1)
            scope = el.getparent()
            if how == "reset" or not stack:
                if stack and stack[-1][1] is scope:
                    stack.pop()  # (a sibling's counter of the name: this reset replaces it)
                stack.append([0, scope])
            stack[-1][0] = number if how != "increment" else stack[-1][0] + number

    ordinals: dict = {}  # (each list's items' ordinals: see _list_item_counter)

    def snapshot(el, key: str) -> None:
        change(el, key)
        if (el, key) in wanted:
            shown[(el, key)] = {name: [value for value, _ in stack] for name, stack in instances.items() if stack}
            if "list-item" not in shown[(el, key)] and (items := _list_item_counter(el, ordinals)):
                shown[(el, key)]["list-item"] = items

    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            change(el, "")
            for key in ("marker", "before"):  # (an item's marker, then its ::before, then what it holds)
                if key in pseudos:
                    snapshot(el, key)
            continue
        if "after" in pseudos:
            snapshot(el, "after")
        for stack in instances.values():
            while stack and stack[-1][1] is el:
                stack.pop()
    return shown


def _generated_text(root, pseudos: tuple, custom: dict) -> None:
    """Put in the page the text the sheets' rules give the ``::before`` and ``::after`` (``pseudos``) of its elements (``.h1::before
    { content: "一、" }``: a heading numbered by the sheet; the most specific rule, then the last, wins), at the start
    and the end of the element's text, as a browser shows it: it was lost ('总体情况', no heading).  Strings,
    attributes' values and counters are read (see _css_content; the counters as the rules set them, see
    _counters_shown), and not where the rules hide the pseudo-element (the clearfix's '.cf:after { content: ".";
    visibility: hidden }').  A list item's ``::marker`` (``pseudos`` holding 'marker') given text is shown in place of
    its list's number or bullet ('li::marker { content: counter(list-item, cjk-ideographic) "、" }': 一、 where 1.
    was read).  ``custom``: the page's counter styles a counter may be shown in (see _counter_styles)."""
    matched = {}
    for pseudo in pseudos:
        rules = _sheet_rules(root, lambda declarations: declarations, pseudo=pseudo)
        if any(_css_content(rule[3]) is not None or (pseudo == "marker" and _CSS_CONTENT_RE.search(rule[3]))
               for rule in rules):
            matched[pseudo] = [(el, ";".join(rule[3] for rule in found)) for el, found in _matched_rules(root, rules)]
    counted = {(el, pseudo) for pseudo, found in matched.items() for el, merged in found if "counter" in merged}
    counters = _counters_shown(root, pseudos, counted) if counted else {}  # (before any text is put in the page)
    for pseudo, found in matched.items():
        for el, merged in found:
            text = _css_content(merged, el, counters.get((el, pseudo)), custom)
            if pseudo == "marker" and (_tag_name(el.tag) != "li" or not _list_number(el)):
                continue  # (a list item's marker only, one a browser shows)
            if text is None or _tag_name(el.tag) in _DROP_TAGS or _hidden_style(merged) or _font_shown_by(
                    merged) is False or _clipped_style(merged, "div"):
                if pseudo == "marker" and _marker_unshown(merged):
                    el.set("style", f"list-style-type:none;{el.get('style') or ''}")
                continue
            if pseudo != "after":
                el.text = text + (el.text or "")
                if _tag_name(el.tag) == "li" and (pseudo == "marker" or "counter" in _CSS_CONTENT_RE.findall(
                        merged)[-1].lower()):
                    # (the marker's text in place of the list's number; an item numbered by a counter: its list's own
                    # marker is none, or the author saw two numbers)
                    el.set("style", f"list-style-type:none;{el.get('style') or ''}")
            elif len(el):
                el[-1].tail = (el[-1].tail or "") + text
            else:
                el.text = (el.text or "") + text


#: The values of ``content`` that leave a ``::marker`` as the list shows it (its number or bullet).
_MARKER_KEPT = frozenset({"normal", "inherit", "initial", "unset", "revert", "revert-layer"})


def _marker_unshown(declarations: str) -> bool:
    """Whether a list item's ``::marker`` of the rules' ``declarations`` shows no text where the item's number was
    (see _generated_text): its last ``content`` is none, an empty string or no text (an image, an icon font's
    glyph), or its font is of size 0 ('li::marker { content: none }' kept the number, which a browser does not show;
    display and visibility do not apply to a marker)."""
    found = _CSS_CONTENT_RE.findall(declarations)
    if found and found[-1].replace("!important", "").strip().lower() not in _MARKER_KEPT:
        return True
    return _font_shown_by(declarations) is False


#: The marks a browser puts around a quotation (``<q>``) of a Chinese page, or of a page of no language: double
#: quotes, single ones in a quotation inside another ('quotes: auto').
_QUOTE_MARKS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
_QUOTES_RE = re.compile(r"(?<![\w-])quotes\s*:\s*([^;]*)", re.IGNORECASE)
_Q_SELECTOR_RE = re.compile(r"(?<![\w.#-])q(?![\w-])", re.IGNORECASE)


def _quotes(q) -> tuple | None:
    """The pairs of marks the ``quotes`` of the style attributes of ``q`` or of the nearest element around it that
    sets one give (the property is inherited): the strings it lists, none for ``none``, else the browser's."""
    for el in (q, *q.iterancestors()):
        found = _QUOTES_RE.findall(el.get("style") or "")
        if not found:
            continue
        value = found[-1].replace("!important", "").strip()
        if value.lower() == "none":
            return ()
        strings = [m.group(1) if m.group(1) is not None else m.group(2) for m in _CSS_STRING_RE.finditer(value)]
        return tuple(zip(strings[::2], strings[1::2])) or _QUOTE_MARKS
    return _QUOTE_MARKS


def _quote_marks(root) -> None:
    """Put around the text of each quotation (``<q>``) the marks a browser shows there (``<q>公开为常态</q>``:
    “公开为常态”; a quotation inside another in single marks, ‘…’; as its style's ``quotes`` says, none for
    ``none``): they were lost, '坚持公开为常态原则'.  A page whose sheets set the marks (``quotes``, or a rule on
    ``q``: its ``::before`` text is read as the sheet writes it, see _generated_text) is left as it is."""
    if any(_QUOTES_RE.search(sheet.text) or _Q_SELECTOR_RE.search(sheet.text)
           for sheet in root.iter("style") if sheet.text):
        return
    for q in list(root.iter("q")):
        pairs = _quotes(q)
        if not pairs:
            continue
        depth = sum(1 for el in q.iterancestors("q"))
        opening, closing = pairs[min(depth, len(pairs) - 1)]
        q.text = opening + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + closing
        else:
            q.text += closing


def _sheet_list_styles(root, custom: dict | None = None) -> None:
    """Write into the style attribute of each ``<ol>`` and ``<li>`` the list-style-type the page's style sheets
    set for it (a rule on its class, ``ol.nb { list-style-type: cjk-ideographic }``), where its own style sets
    none: the numbers a browser shows (a heading numbered 一、 by a class read 1.).

    The most specific rule wins, then the last; a sheet's ``none`` is not read (a reset of every list's style,
    ``ol, ul { list-style: none }``, is common, and a list's number is kept as before).  ``custom``: the page's
    counter styles (see _counter_styles), whose names are list-style-types too.
    """
    if not any(style.text and "list-style" in style.text for style in root.iter("style")):
        return

    def wanted(declarations: str) -> str | None:
        value = _declared_list_style(declarations, custom) if "list-style" in declarations else None
        return None if value == "none" else value

    rules = _sheet_rules(root, wanted)
    if not rules:
        return
    for el in root.iter("ol", "ul", "li"):  # (a <ul>'s: a string's marker, see _list_number)
        found = None
        for _, _, compounds, value in rules:
            if _css_matches(el, compounds):
                found = value
        if found is not None and _declared_list_style(el.get("style") or "", custom) is None:
            el.set("style", f"list-style-type:{found};{el.get('style') or ''}")


#: The words of the declarations _clipped_style reads (opacity, sizes, overflow, padding).
_CLIP_WORDS = ("opacity", "height", "width", "overflow", "padding", "content-visibility", "clip", "position")


def _hiding_declarations(declarations: str, clips: bool = False, colors: bool = False) -> tuple[str, str] | None:
    """The ``display``, ``visibility`` and ``font-size`` declarations of a rule (with ``clips``, those that
    _clipped_style reads too: ``opacity``, sizes, ``overflow``, ``padding``; with ``colors``, ``color``), as a style
    attribute writes them: (those of normal weight, those marked ``!important``), else None where it sets none."""
    low = declarations.lower()
    laid = "flex" in low or "grid" in low or bool(_ORDER_RE.search(low))  # (a box's layout: see _row_box, _in_order)
    laid = laid or "text-decoration" in low  # (text struck through: see _drop_struck)
    if "display" not in low and "visibility" not in low and "font-size" not in low and not laid and not (
            clips and any(word in low for word in _CLIP_WORDS)) and not (colors and "color" in low):
        return None
    normal: list[str] = []
    important: list[str] = []
    for declaration in declarations.split(";"):
        found = _HIDDEN_STYLE_RE.search(declaration)
        size = _FONT_SIZE_RE.search(declaration)  # (a font of size 0 hides as display does: see _blank_zero_font)
        clip = _CLIP_RE.search(declaration) if clips and not found and not size else None
        color = _COLOR_RE.search(declaration) if colors and not found and not size and not clip else None
        layout = (_FLEX_DIRECTION_RE.search(declaration) or _GRID_COLUMNS_RE.search(declaration)
                  or _GRID_SPAN_RE.search(declaration) or _GRID_ROW_RE.search(declaration)
                  or _GRID_AREAS_RE.search(declaration) or _GRID_AREA_RE.search(declaration)
                  or _ORDER_RE.search(declaration) or _TEXT_DECORATION_RE.search(declaration)) if laid and not (
            found or size or clip or color) else None
        # (a display is written whole: a list item's may take two words, 'block list-item', see _shown_as_item)
        whole = _DISPLAY_VALUE_RE.search(declaration) if found and found.group(1).lower() == "display" else None
        written = (f"display:{whole.group(1).strip()};" if whole
                   else f"{found.group(1)}:{found.group(2)};" if found
                   else f"font-size:{size.group(1).strip()};" if size
                   else f"{clip.group(1)}:{clip.group(2).strip()};" if clip
                   else f"color:{color.group(1).strip()};" if color
                   else f"{layout.group(0).strip()};" if layout else None)
        if written:
            (important if "!important" in declaration.replace(" ", "") else normal).append(written)
    return ("".join(normal), "".join(important)) if normal or important else None


def _layer_reverted(declarations: str) -> str:
    """``declarations`` (one layer's rules', or a style attribute's, ';' between them) without those of each property
    whose last is ``revert-layer``: that value rolls the property back to what the layers before set (an earlier
    layer's ``.old { display: none }``, the sheets' under a style attribute), which the declarations merged before
    them give; read as a value of its own, neither none nor a block's, it showed what the earlier layer hides."""
    if "revert-layer" not in declarations.lower():
        return declarations
    parts = declarations.split(";")
    last = {name.strip().lower(): value for name, _, value in (part.partition(":") for part in parts)}
    reverted = {name for name, value in last.items() if value.lower().split("!")[0].strip() == "revert-layer"}
    return ";".join(part for part in parts if part.partition(":")[0].strip().lower() not in reverted)


def _displays_inline_as_block(rule: tuple) -> bool:
    """Whether a sheet's rule (see _sheet_rules) displays as a block (``.line { display: block }``) what may be an
    inline element: see _display_blocks."""
    _, _, compounds, (normal, important) = rule
    displays = [value for prop, value in _HIDDEN_STYLE_RE.findall(normal + important) if prop.lower() == "display"]
    return bool(displays) and displays[-1].lower() in _BLOCK_DISPLAYS and (
        compounds[-1][0] is None or compounds[-1][0] in _INLINE_TAGS)


def _displays_an_item(rule: tuple) -> bool:
    """Whether a sheet's rule (see _sheet_rules) sets the display of what may be a list's item (``li { display:
    block }``, ``.nav-item { display: inline }``), which shows or hides its number: see _shown_as_item."""
    _, _, compounds, (normal, important) = rule
    return compounds[-1][0] in (None, "li") and "display" in (normal + important).lower()


def _displays_a_table_part(rule: tuple) -> bool:
    """Whether a sheet's rule (see _sheet_rules) displays what it matches as a table's cell or row (``.td { display:
    table-cell }``), or as a box that may be a row (``.tr { display: flex }``): see _display_tables."""
    displays = [value.lower() for prop, value in _HIDDEN_STYLE_RE.findall(rule[3][0] + rule[3][1])
                if prop.lower() == "display"]
    return bool(displays) and (displays[-1] in ("table-cell", "table-row") or displays[-1] in _ROW_BOX_DISPLAYS)


def _places_a_cell(rule: tuple) -> bool:
    """Whether a sheet's rule (see _sheet_rules) places what it matches among a flex or grid box's cells (``.label {
    order: -1 }``, ``grid-column: span 2``, ``grid-row: 3``, ``grid-area: l``): see _in_order, _grid_span,
    _grid_placed, _grid_area_starts."""
    declarations = rule[3][0] + rule[3][1]
    return bool(_ORDER_RE.search(declarations) or _GRID_SPAN_RE.search(declarations)
                or _GRID_ROW_RE.search(declarations) or _GRID_AREA_RE.search(declarations))


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
            sheet.encode("utf-8")) or _ORDER_RE.search(sheet) or "grid-" in sheet or "line-through" in sheet
            for sheet in sheets):
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
        # (nor strikes through what it may not reach: '.price:hover { text-decoration: line-through }')
        normal, important = (_WIDENED_DISPLAY_RE.sub("display:revert", _TEXT_DECORATION_RE.sub("", part))
                             for part in value)
        return normal, important

    rules = _sheet_rules(root, functools.partial(_hiding_declarations, clips=clips, colors=colors), widen)
    if not any(hides(normal + important) for _, _, _, (normal, important) in rules) and not any(
            map(_displays_inline_as_block, rules)) and not (
            any(map(_displays_an_item, rules)) and root.find(".//li") is not None) and not any(
            map(_displays_a_table_part, rules)) and not any(map(_places_a_cell, rules)) and not any(
            "line-through" in (normal + important).lower() for _, _, _, (normal, important) in rules) and not (
            # (a rule displaying an element the hidden attribute hides shows it: the HTML5 reset's 'section { display:
            # block }' a <section hidden>, as the browser's own '[hidden] { display: none }' weighs less)
            any("display" in normal + important for _, _, _, (normal, important) in rules)
            and root.find(".//*[@hidden]") is not None):
        return
    for el, found in _matched_rules(root, rules):
        if found:
            normal = _by_layer(found, 0)
            # (an '!important' of an earlier layer wins over a later layer's, and a layered one over an unlayered one:
            # the layers' ranks the other way round; see _sheet_rules)
            important = _by_layer(sorted(found, key=lambda rule: (-rule[0][0], rule[0][1:], rule[1])), 1)
            own = _layer_reverted(el.get("style") or "")  # (its revert-layer: back to the sheets' value)
            # (the element's own '!important' outweighs a sheet's, as in a browser: written after it again)
            own_important = ((_hiding_declarations(own, clips, colors) or ("", ""))[1] if "important" in own.lower()
                             else "")
            el.set("style", f"{normal}{own};{important}{own_important}")


def _matched_rules(root, rules: list) -> Iterator[tuple]:
    """Each element of the page ``root`` with the rules of ``rules`` (see _sheet_rules) that match it, in their
    order (the last weighs most), where any does; looked up by the last compound's id, class, attribute or tag."""
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
            yield el, found


def _by_layer(rules: list, weight: int) -> str:
    """The declarations of ``rules`` (see _sheet_rules, in the order they weigh) of normal weight (``weight`` 0) or
    marked ``!important`` (1), each layer's rolled back where a ``revert-layer`` of it says so (see
    _layer_reverted)."""
    return "".join(_layer_reverted("".join(rule[3][weight] for rule in group))
                   for _, group in itertools.groupby(rules, key=lambda rule: rule[0][0]))


def _letters(n: int) -> str:
    """``n`` in lower-case letters as a list counts (a … z, aa, ab …; below 1 in digits)."""
    if n < 1:
        return str(n)
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(97 + rest) + out
    return out


_LONGHAND_DIGITS = "一二三四五六七八九"  # (1 to 9 of the informal Chinese list styles)

# The marker a browser shows before an <ol>'s item, by its list-style-type (the type attribute's too)
_LIST_STYLES: dict[str, Callable[[int], str]] = {
    "decimal": lambda n: f"{n}.",
    "decimal-leading-zero": lambda n: f"{'-' if n < 0 else ''}{abs(n):02d}.",  # (-01: the sign before the pad)
    "lower-alpha": lambda n: f"{_letters(n)}.", "lower-latin": lambda n: f"{_letters(n)}.",
    "upper-alpha": lambda n: f"{_letters(n).upper()}.", "upper-latin": lambda n: f"{_letters(n).upper()}.",
    "lower-roman": lambda n: f"{_roman(n)}.", "upper-roman": lambda n: f"{_roman(n).upper()}.",
    "cjk-decimal": lambda n: _NUM_FORMATS["ideographDigital"](n) + "、" if n >= 0 else f"{n}.",  # (Word's 一〇)
    # (Chinese longhand to ±9999, past it cjk-decimal, their fallback: see _chinese_longhand)
    "cjk-ideographic": lambda n: _chinese_marker(n, _LONGHAND_DIGITS, "十百千", "負"),
    "simp-chinese-informal": lambda n: _chinese_marker(n, _LONGHAND_DIGITS, "十百千", "负"),
    "trad-chinese-informal": lambda n: _chinese_marker(n, _LONGHAND_DIGITS, "十百千", "負"),
    "simp-chinese-formal": lambda n: _chinese_marker(n, _LEGAL_SIMPLIFIED[1:10], "拾佰仟", "负"),  # 壹、
    "trad-chinese-formal": lambda n: _chinese_marker(n, _LEGAL_TRADITIONAL[1:10], "拾佰仟", "負"),
    # 甲、 乙、 … and 子、 丑、 …; past the last, cjk-decimal (their fallback)
    "cjk-heavenly-stem": lambda n: f"{_STEMS[n - 1]}、" if 1 <= n <= 10 else _LIST_STYLES["cjk-decimal"](n),
    "cjk-earthly-branch": lambda n: f"{_ZODIAC[n - 1]}、" if 1 <= n <= 12 else _LIST_STYLES["cjk-decimal"](n),
}


def _chinese_marker(n: int, digits: str, markers: str, negative: str) -> str:
    """The marker of ``n`` in a Chinese longhand list style (cjk-ideographic, simp-chinese-informal …): its
    numeral and '、' from -9999 to 9999 (see _chinese_longhand), past them cjk-decimal's, the styles' fallback.
    (0 read '0.', 100 '100.' and -3 '-3.', where a browser shows 零、 一百、 负三、.)"""
    if not -9999 <= n <= 9999:
        return _LIST_STYLES["cjk-decimal"](n)
    # (the informal styles' ten is 十, the formal ones' 拾)
    return _chinese_longhand(n, digits, markers, negative, informal=markers[0] == "十") + "、"


# A sheet's @counter-style rule (a list marker of its own: '@counter-style cn { system: fixed; symbols: "一" "二";
# suffix: "、" }'), its descriptors, and a symbol of them (a string, or an identifier: 一 unquoted)
_COUNTER_STYLE_RE = re.compile(r"@counter-style\s+([^\s{};]+)\s*\{((?:[^{}\"']|\"[^\"]*\"|'[^']*')*)\}", re.IGNORECASE)
_DESCRIPTOR_RE = re.compile(r"""([\w-]+)\s*:\s*((?:[^;"']|"[^"]*"|'[^']*')*)""")
_SYMBOL_RE = re.compile(r"""\"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"',]+)""")
_COUNTER_SYSTEMS = frozenset({"cyclic", "numeric", "alphabetic", "symbolic", "additive", "fixed", "extends"})


def _css_symbols(value: str) -> list:
    """The symbols a counter style's descriptor lists (strings, escapes read, or identifiers)."""
    return [_css_unescaped(m.group(3)) if m.group(3) is not None else _css_string_text(m.group(1) or m.group(2) or "")
            for m in _SYMBOL_RE.finditer(value)]


def _counter_styles(root) -> dict:
    """The page's ``@counter-style`` rules (in its ``<style>`` sheets), each name (lower-cased) to its descriptors
    (see _counter_marker): a list styled with one was numbered 1. 2. (the name no list style known), where a browser
    shows the rule's symbols ('一、', '二、')."""
    found: dict = {}
    for style in root.iter("style"):
        if not style.text or "@counter-style" not in style.text.lower():
            continue
        for name, body in _COUNTER_STYLE_RE.findall(_CSS_COMMENT_RE.sub("", style.text)):
            descriptors = {key.lower(): value.strip() for key, value in _DESCRIPTOR_RE.findall(body)}
            found[name.lower()] = descriptors
    return found


def _counter_marker(descriptors: dict, styles: dict, n: int, depth: int = 0) -> str:
    """The marker of the number ``n`` in the counter style of ``descriptors`` (CSS Counter Styles 3: its system's
    representation of ``n``, between its prefix and suffix, default ". "), or in its fallback (decimal by default)
    where the system has none for ``n``; ``styles``: the page's counter styles, which 'extends' and 'fallback' name."""
    descriptors = _extended(descriptors, styles, depth)
    kind, system = _counter_system(descriptors)
    suffix = _css_symbols(descriptors["suffix"]) if "suffix" in descriptors else None
    prefix = "".join(_css_symbols(descriptors.get("prefix", "")))
    in_range = _in_counter_range(kind, descriptors, n)
    if kind == "extends" and in_range:  # (a built-in style's symbols: its marker without its suffix)
        base = system[1].lower() if len(system) > 1 else "decimal"
        marker = _named_marker(base, styles, n, depth + 1)
        text, own = (marker[:-1], marker[-1:]) if marker[-1:] in ".、" else (marker, "")
        text = _padded_builtin(text, descriptors, n)  # (its pad about the base's symbols)
        return prefix + text + ("".join(suffix) if suffix is not None else own)
    text = _counter_representation(kind, system, descriptors, n) if in_range else None
    if text is None:
        return _named_marker(_counter_fallback(descriptors), styles, n, depth + 1)
    return prefix + text + ("".join(suffix) if suffix is not None else ". ")


def _extended(descriptors: dict, styles: dict, depth: int) -> dict:
    """The descriptors of a counter style extending another of the page's ``styles`` ('system: extends cn'): those
    of the style it extends (itself so resolved), each the extending style states but its system overriding the
    extended style's (CSS Counter Styles 3: its range, fallback, pad, prefix, suffix, negative); any other style's,
    one extending a built-in style (see _padded_builtin) or past a chain of four, as they are."""
    kind, system = _counter_system(descriptors)
    base = system[1].lower() if len(system) > 1 else "decimal"
    if kind != "extends" or base not in styles or depth >= 4:
        return descriptors
    own = {key: value for key, value in descriptors.items() if key != "system"}
    return {**_extended(styles[base], styles, depth + 1), **own}


def _padded_builtin(text: str, descriptors: dict, n: int) -> str:
    """``text``, a built-in style's representation of ``n`` (a negative one '-' before its digits), after the pad
    of a style extending it, and the style's own negative sign where it states one."""
    if n < 0 and not text.startswith("-"):
        return text
    return _signed(text[1:] if n < 0 else text, descriptors, n < 0)


def _counter_system(descriptors: dict) -> tuple:
    """A counter style's system (one of _COUNTER_SYSTEMS, symbolic where none or another is named) and the words of
    its ``system`` descriptor (the style 'extends' names, the first symbol's value of 'fixed')."""
    system = descriptors.get("system", "symbolic").split()
    return (system[0].lower() if system and system[0].lower() in _COUNTER_SYSTEMS else "symbolic"), system


# The lowest number each counter system's range reaches where its 'range' is auto (CSS Counter Styles 3; none:
# every integer, its highest always infinite)
_AUTO_RANGE_LOW = {"alphabetic": 1, "symbolic": 1, "additive": 0}
_RANGE_BOUND_RE = re.compile(r"[-+]?\d+|infinite", re.IGNORECASE)


def _counter_range(value: str) -> list | None:
    """The ranges a counter style's ``range`` descriptor lists ('1 10, 20 infinite'), each (low, high), None for an
    unbounded end; None where it is 'auto' or invalid (a bound no integer nor 'infinite', a low above its high),
    which a browser reads as auto."""
    ranges = []
    for pair in value.split(","):
        bounds = pair.split()
        if len(bounds) != 2 or not all(_RANGE_BOUND_RE.fullmatch(bound) for bound in bounds):
            return None
        low, high = (None if bound.lower() == "infinite" else int(bound) for bound in bounds)
        if low is not None and high is not None and low > high:
            return None
        ranges.append((low, high))
    return ranges


def _in_counter_range(kind: str, descriptors: dict, n: int) -> bool:
    """Whether ``n`` is in the range of the counter style of ``descriptors`` (system ``kind``): its ``range``
    descriptor's, else the system's own (see _AUTO_RANGE_LOW; an 'extends' style's is the style it extends, which
    checks it); out of it, the style's fallback writes ``n``."""
    ranges = _counter_range(descriptors.get("range", "auto"))
    if ranges is None:
        return kind == "extends" or n >= _AUTO_RANGE_LOW.get(kind, n)
    return any((low is None or low <= n) and (high is None or n <= high) for low, high in ranges)


def _counter_fallback(descriptors: dict) -> str:
    """The style (lower-cased) a counter style falls back on where its system cannot write a number: decimal by
    default."""
    words = descriptors.get("fallback", "").split()
    return words[0].lower() if words else "decimal"


def _named_marker(name: str, styles: dict, n: int, depth: int) -> str:
    """The marker of ``n`` in the list style ``name``: a built-in one (see _LIST_STYLES) or one of the page's counter
    ``styles`` (decimal where neither, or past a chain of four styles naming each other)."""
    if name in styles and depth < 4:
        return _counter_marker(styles[name], styles, n, depth)
    return _LIST_STYLES.get(name, _LIST_STYLES["decimal"])(n)


_SIGNED_SYSTEMS = frozenset({"symbolic", "alphabetic", "numeric", "additive"})  # (those writing a negative sign)


def _counter_representation(kind: str, system: list, descriptors: dict, n: int) -> str | None:
    """How the counter system ``kind`` writes ``n`` with the symbols of ``descriptors`` (CSS Counter Styles 3),
    None where it cannot (0 in a symbolic or alphabetic system, past a fixed one's symbols, or no symbols); a
    negative ``n`` of a system with a negative sign (see _in_counter_range: where its range reaches it) is the sign
    about the symbols of ``-n``."""
    signed = n < 0 and kind in _SIGNED_SYSTEMS  # (a range reaching below 0: its negative sign about |n|'s symbols)
    written = _system_text(kind, system, descriptors, -n if signed else n)
    if written is None:
        return None
    return _signed(written, descriptors, signed)


def _signed(written: str, descriptors: dict, negative: bool) -> str:
    """A number's symbols ``written`` after the pad of the style of ``descriptors``, about its negative sign where
    ``negative`` (the 'negative' descriptor's symbols, '-' by default; the pad counts their characters)."""
    sign = (_css_symbols(descriptors.get("negative", "'-'")) or ["-"])[:2] if negative else ["", ""]
    return sign[0] + _padded(written, descriptors.get("pad", ""), len("".join(sign))) + "".join(sign[1:2])


_PAD_RE = re.compile(r"""^\s*(?:(\d+)\s+(\S.*?)|(\S.*?)\s+(\d+))\s*$""", re.DOTALL)
_MAX_PAD = 60  # (a page's 'pad: 999999999 "0"' writes no billion zeros: CSS lets a browser stop at 60 characters)


def _padded(text: str, pad: str, sign: int) -> str:
    """``text``, a counter style's representation of a number, after the symbol of its ``pad`` descriptor ('3 "0"',
    either order) as many times as it falls short of the length named, less the ``sign``'s characters about it
    (CSS Counter Styles 3: '01.' for 1 in 'extends decimal; pad: 2 "0"')."""
    found = _PAD_RE.match(pad)
    if not found:
        return text
    width = min(int(found.group(1) or found.group(4)), _MAX_PAD)
    symbol = "".join(_css_symbols(found.group(2) or found.group(3))[:1])
    return symbol * max(width - sign - len(text), 0) + text


def _system_text(kind: str, system: list, descriptors: dict, n: int) -> str | None:
    """How the counter system ``kind`` writes ``n`` (0 or more for a system of a negative sign) with the symbols of
    ``descriptors``, None where it cannot (see _counter_representation)."""
    if kind == "additive":
        pairs = [(int(weight), symbol) for weight, symbol in re.findall(
            r"(\d+)\s+((?:\"[^\"]*\"|'[^']*'|[^\s,\"']+))", descriptors.get("additive-symbols", ""))]
        pairs = [(weight, _css_symbols(symbol)[0]) for weight, symbol in pairs]
        if not pairs:
            return None
        if n == 0:
            return next((symbol for weight, symbol in pairs if weight == 0), None)
        out, left = "", n
        for weight, symbol in pairs:
            if weight and left >= weight:
                out += symbol * (left // weight)
                left %= weight
        return out if left == 0 else None
    symbols = _css_symbols(descriptors.get("symbols", ""))
    count = len(symbols)
    if not count:
        return None
    if kind == "cyclic":
        return symbols[(n - 1) % count]
    if kind == "fixed":
        first = _html_integer(system[1]) if len(system) > 1 else 1
        first = 1 if first is None else first
        return symbols[n - first] if first <= n < first + count else None
    if kind == "symbolic":
        return symbols[(n - 1) % count] * ((n - 1) // count + 1) if n >= 1 else None
    if count < 2 or n < (1 if kind == "alphabetic" else 0):
        return None
    if kind == "numeric":
        return "".join(_numeric_digits(symbols, n))
    digits = []
    while n > 0:  # (alphabetic)
        n -= 1
        digits.append(symbols[n % count])
        n //= count
    return "".join(reversed(digits))


def _numeric_digits(symbols: list, n: int) -> list:
    """The digits of ``n`` (0 or more) in the numeric counter system of ``symbols`` (its digits, 0 first), the
    first digit first."""
    count = len(symbols)
    digits = [symbols[n % count]]
    while n >= count:
        n //= count
        digits.append(symbols[n % count])
    return digits[::-1]


def _custom_list_markers(root, custom: dict) -> None:
    """Write before each item of a list styled with one of the page's counter styles (``custom``: see
    _counter_styles) the marker the style shows for its ordinal (see _ordinals), as the item's string
    list-style-type (see _marker_string)."""
    ordinals: dict = {}
    for li in root.iter("li"):
        parent = li.getparent()
        if parent is None or _tag_name(parent.tag) not in ("ol", "ul") or not _shown_as_item(li):
            continue
        name = _declared_list_style(li.get("style") or "", custom) or _declared_list_style(
            parent.get("style") or "", custom)
        if name is None or name not in custom:
            continue
        if parent not in ordinals:
            ordinals[parent] = _ordinals(parent)
        marker = _named_marker(name, custom, ordinals[parent][li], 0).replace("\\", "\\\\").replace('"', '\\"')
        li.set("style", f'{li.get("style") or ""};list-style-type:"{marker}"')


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
        frame.items.append(_INVISIBLE_FORMAT_RE.sub("", "".join(frame.buf)).rstrip(" \r"))
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
            if (table.merged or any(cell.get("rowspan") is not None for cell in frame.spans)
                    or any(_unit_header(cell) for cell in cells if cell)  # (its units: see _covered_row)
                    or _spans_a_count(frame.spans, cells)):  # (a count merged across: see _spread_across)
                cells = _covered_row(table.merged, cells, frame.spans, table.units)  # (a table the plain path does
                # not take)
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
    page, charset, sheets, frames = _web_archive_page(data, path, max_bytes)
    doc = _read_html(page, path, codec, declared=charset, sheets=sheets, frames=frames, max_bytes=max_bytes)
    doc.format = "mht"
    return doc


def _web_archive_page(data: bytes, path: str, max_bytes: int) -> tuple[bytes, str | None, dict, dict]:
    """The HTML page of a web archive (MHT), the charset its part header names, its style sheets (see
    _archive_sheets) and its frames' pages (see _archive_frames), else an error saying why.

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
            frames = _archive_frames(pages, item) if len(pages) > 1 else {}
            try:
                return payload, None if charset is None else codecs.lookup(charset).name, sheets, frames
            except LookupError:
                return payload, None, sheets, frames  # an unknown name: the page's own meta tag, or detection, decides
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


def _archive_frames(pages: list, page) -> dict:
    """The pages of a web archive's frames: its text/html parts but its page ``page``, each (its bytes, the charset
    its header names), by the addresses a frame's ``src`` names them by (the part's Content-Location, 'cid:' and its
    Content-ID: Chrome's 'cid:frame-…@mhtml.blink'), and the page's own address under the key ''."""
    frames: dict = {"": (page.get("Content-Location") or "").strip()}
    for item in pages:
        payload = item.get_payload(decode=True) if item is not page else None
        if not isinstance(payload, bytes):
            continue
        try:
            charset = codecs.lookup(item.get_content_charset() or "").name if item.get_content_charset() else None
        except LookupError:
            charset = None
        location, ident = (str(item.get(name) or "").strip() for name in ("Content-Location", "Content-ID"))
        if location:
            frames[location] = (payload, charset)
        if ident.strip("<>"):
            frames[f"cid:{ident.strip('<>')}"] = (payload, charset)
    return frames


def _archive_fetch(frames: dict, sheets: dict, base: str, src: str) -> tuple | None:
    """The page of a frame ``src`` of a web archive's page at the address ``base`` (see _folder_frames), where the
    archive holds it (see _archive_frames): (its address, its bytes, its charset, the finder of its sheets in the
    archive, its address, the fetch of its own frames), else None."""
    from urllib.parse import urldefrag, urljoin

    address = src if src in frames else None
    if address is None:
        try:
            address = urldefrag(urljoin(base, src))[0]
        except ValueError:  # (an address that is none)
            return None
    if not address or address not in frames:
        return None
    data, charset = frames[address]
    return address, data, charset, lambda _codec: sheets.get, address, functools.partial(_archive_fetch, frames,
                                                                                          sheets, address)


#: The most text of linked style sheets put in a page (see _linked_sheets): a page of many links to one large sheet
#: put in each (10,000 links to a sheet of 2 MiB, 20 GB of text).
_LINKED_SHEETS_MAX = 8 * 1024 * 1024


def _linked_sheets(root, find: Callable[[str], str | None], base: str) -> bytes:
    """Put in place of each ``<link rel="stylesheet">`` of the page ``root`` the sheet ``find(address)`` gives (the
    link's address as written, else resolved against the page's address ``base``: see _archive_sheets,
    _folder_sheet; an alternate or a disabled sheet is not put in), as a ``<style>`` of the link's ``media``, up
    to _LINKED_SHEETS_MAX characters in all (a sheet past it is not put in); the UTF-8 bytes of the sheets put in."""
    from urllib.parse import urldefrag, urljoin

    found = root.find("head/base")
    if found is not None and found.get("href"):
        base = urljoin(base, found.get("href").strip())
    added: list = []
    total = 0
    for link in list(root.iter("link")):
        href, rel = (link.get("href") or "").strip(), (link.get("rel") or "").lower().split()
        if not href or "stylesheet" not in rel or "alternate" in rel or link.getparent() is None or \
                link.get("disabled") is not None:
            continue  # (an alternate sheet is one a user may choose, a disabled one a script may turn on: not shown)
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


def _folder_file(folder: str, href: str, most: int, within: str | None = None) -> tuple[str, bytes] | None:
    """The path and bytes of the file a page in ``folder`` names by the relative address ``href`` (a linked sheet,
    a frame's page), else None: an address with a scheme, a host or an absolute path (a browser would fetch it, the
    file tool does not), one resolving outside ``within`` (by default ``folder``: '..', a link leading out), a missing
    file, or one larger than ``most`` bytes."""
    from urllib.parse import unquote, urlsplit

    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    name = unquote(parts.path)
    if parts.scheme or parts.netloc or not name or name.startswith(("/", "\\")) or "\0" in name:
        return None
    target = os.path.realpath(os.path.join(folder, *name.replace("\\", "/").split("/")))
    if not target.startswith(os.path.join(within or folder, "")):
        return None  # (outside the page's folder: '..', a drive, or a link leading out)
    try:
        if not os.path.isfile(target) or os.path.getsize(target) > most:
            return None
        with open(target, "rb") as fh:
            return target, fh.read(most + 1)
    except OSError:
        return None


def _folder_sheet(folder: str, codec: str, href: str, within: str | None = None) -> str | None:
    """The style sheet a page saved in ``folder`` links by the relative address ``href``, decoded (its byte-order
    mark, else UTF-8, else the page's ``codec``), else None: an address with a scheme, a host or an absolute path
    (a browser would fetch it, the file tool does not), one resolving outside ``within`` (by default ``folder``:
    '..', a link leading out), a missing file, or one larger than _FOLDER_SHEET_MAX (2 MiB)."""
    found = _folder_file(folder, href, _FOLDER_SHEET_MAX, within)
    if found is None:
        return None
    data = found[1]
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
