"""Reading OFD files (GB/T 33190, China's fixed-layout document format): bytes in, pages of positioned text out.

An OFD is a ZIP package of XML parts: ``OFD.xml`` names the document (``DocBody/DocRoot``, e.g.
``Doc_0/Document.xml``), whose ``Document.xml`` gives the page size (``CommonData/PageArea``), the templates
and the pages in order (``Pages/Page`` with their ``BaseLoc``, e.g. ``Pages/Page_0/Content.xml``).  A page's
``Content`` holds layers of graphic objects placed by their ``Boundary`` (``x y w h``, millimetres from the top
left): a ``TextObject`` writes the Unicode text of its ``TextCode`` elements from their ``X``/``Y`` (the first
character's baseline), each next character ``DeltaX``/``DeltaY`` further (``g n d``: ``n`` steps of ``d``),
through the object's ``CTM``; a ``PathObject`` draws lines (a table's rules); a ``PageBlock`` groups objects.
Templates (``Template``) and annotations (``Annots``) hold objects too; signatures are not read.

:func:`read_ofd` gives each page as a PDF reader sees one (points, from the top left; pdfplumber's characters,
lines, rectangles and images), so that :mod:`toolkit.readers` groups its characters into lines and table cells
as it does a PDF's.
"""
from __future__ import annotations

import math
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from toolkit.document import _warn
from toolkit.errors import CorruptFileError, EmptyFileError, UnsupportedFormatError
from toolkit.word import _check_zip, _open_package

__all__ = ["OFD_NAMESPACE", "OfdPage", "read_ofd"]

#: The namespace of the OFD standard's elements.
OFD_NAMESPACE = "http://www.ofdspec.org/2016"
_NS = f"{{{OFD_NAMESPACE}}}"
_PT = 72 / 25.4  # points per millimetre: pages come out in points, as a PDF's do
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_DEFAULT_BOX = (0.0, 0.0, 210.0, 297.0)  # A4, when neither the document nor the page gives its size


@dataclass
class OfdPage:
    """One page of an OFD, its objects as pdfplumber gives a PDF page's.

    Parameters
    ----------
    width, height : float
        The page size in points.
    doctop : float
        The height of the pages before it, in points (pdfplumber's ``doctop`` of its top).
    objects : dict
        ``'char'``, ``'line'``, ``'rect'`` and ``'image'`` objects (dicts with ``x0``, ``x1``, ``top``,
        ``bottom`` in points from the page's top left, and pdfplumber's other keys).
    """

    width: float
    height: float
    doctop: float = 0.0
    objects: dict = field(default_factory=dict)


def read_ofd(data: bytes, path: str, max_bytes: int) -> list[OfdPage]:
    """Read the pages of an OFD package.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : str
        The file, named in errors and warnings.
    max_bytes : int
        The size limit of the file: the package may expand to 10 times it when unzipped, its XML parts to it
        or 50 MiB, the larger (as a DOCX).

    Returns
    -------
    list of OfdPage
        The pages of the first document, in the order ``Document.xml`` lists them.

    Raises
    ------
    CorruptFileError
        If the file is no ZIP package, or a part it needs (``OFD.xml``, the document, a page) is missing or is
        no well-formed XML: the error names the part.
    FileTooLargeError
        If the package expands beyond the limits.
    EmptyFileError
        If the document has no page.

    Examples
    --------
    >>> from toolkit.ofd import read_ofd
    >>> read_ofd(b"not a zip", "x.ofd", 1000)
    Traceback (most recent call last):
    ...
    toolkit.errors.CorruptFileError: x.ofd: not a valid OFD: not a ZIP archive
    """
    zf = _open_package(data, path, "OFD")
    with zf:
        _check_zip(zf, path, max_bytes, "OFD")
        return _Package(zf, path).pages()


class _Package:
    """The parts of an OFD package, read on demand."""

    def __init__(self, zf: zipfile.ZipFile, path: str) -> None:
        from lxml import etree

        from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

        self.zf = zf
        self.path = path
        self.names = {info.filename.lstrip("/"): info.filename for info in zf.infolist()}
        self.folded = {name.lower(): name for name in self.names}
        # no entity is expanded (an entity bomb stays a few bytes), no DTD or network fetched, no huge tree
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                      remove_comments=True, remove_pis=True)
        self.settings = load_formats()["ofd"]

    # -- parts ------------------------------------------------------------

    def find(self, base: str, loc: str | None) -> str | None:
        """The package name of ``loc`` as written in the part at ``base`` (absolute from the package root when
        it starts with '/', else relative to that part's folder; a writer that wrote it relative to the root is
        read too), or None if there is none."""
        if not loc or not loc.strip():
            return None
        loc = loc.strip().replace("\\", "/")
        tries = [loc.lstrip("/")] if loc.startswith("/") else [
            posixpath.normpath(posixpath.join(posixpath.dirname(base), loc)), posixpath.normpath(loc)]
        for name in tries:
            if name in self.names:
                return name
            if name.lower() in self.folded:
                return self.folded[name.lower()]
        return None

    def xml(self, name: str | None, what: str, loc: str | None = None):
        """The root element of the part ``name`` (``what`` it is, ``loc`` as it was referred to, for errors)."""
        from lxml import etree

        if name is None:
            where = f"{what} {loc.strip()}" if loc and loc.strip() else what
            raise CorruptFileError(self.path, f"not a valid OFD: {where} is missing")
        try:
            data = self.zf.read(self.names[name])
            if b"<!ENTITY" in data:  # (no OFD declares any; entities nested a few levels deep expand a billionfold)
                raise CorruptFileError(self.path, f"not a valid OFD: {what} {name} declares XML entities, which no "
                                                  f"OFD part needs (an entity bomb)")
            return etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise CorruptFileError(self.path, f"not a valid OFD: {what} {name} is not well-formed XML: {exc}") from exc
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:  # damaged, unsupported
            raise CorruptFileError(self.path, f"not a valid OFD: {what} {name} cannot be unzipped: {exc}") from exc

    def optional(self, base: str, loc: str | None, what: str):
        """The root of a part that only adds to the pages (a template, the annotations), or None with a
        warning (``part_unread``) when it is missing or damaged."""
        name = self.find(base, loc)
        try:
            return name, self.xml(name, what, loc)
        except CorruptFileError as exc:
            _warn(self.path, f"{exc.problem.removeprefix('not a valid OFD: ')}: not read", "part_unread")
            return name, None

    # -- the document -----------------------------------------------------

    def pages(self) -> list[OfdPage]:
        entry = self.folded.get("ofd.xml")
        if entry is None:
            raise CorruptFileError(self.path, "not a valid OFD: OFD.xml is missing")
        root = self.xml(entry, "the entry part")
        if root.tag != f"{_NS}OFD":
            raise UnsupportedFormatError(self.path, f"not an OFD: the root of OFD.xml is {root.tag!r}, not ofd:OFD "
                                                    f"(namespace {OFD_NAMESPACE})")
        bodies = root.findall(f"{_NS}DocBody")
        doc_root = bodies[0].findtext(f"{_NS}DocRoot") if bodies else None
        if doc_root is None or not doc_root.strip():
            raise CorruptFileError(self.path, "not a valid OFD: OFD.xml names no document (DocBody/DocRoot)")
        if len(bodies) > 1:
            _warn(self.path, f"the OFD holds {len(bodies)} documents: only the first ({doc_root.strip()}) is read",
                  "part_unread")
        doc_name: str = self.find(entry, doc_root)  # type: ignore[assignment]  # doc_root is not blank
        document = self.xml(doc_name, "the document", doc_root)
        common = document.find(f"{_NS}CommonData")
        box = _box(common.findtext(f"{_NS}PageArea/{_NS}PhysicalBox") if common is not None else None) or _DEFAULT_BOX
        templates = {}
        for tpl in common.iterfind(f"{_NS}TemplatePage") if common is not None else ():
            templates[tpl.get("ID")] = tpl.get("BaseLoc")
        entries = document.findall(f"{_NS}Pages/{_NS}Page")
        if not entries:
            raise EmptyFileError(self.path, "the OFD holds no page (Document.xml lists none)")
        annots = self.annotations(doc_name, document)
        read_templates: dict = {}
        pages, doctop = [], 0.0
        for number, entry_el in enumerate(entries, start=1):
            loc = entry_el.get("BaseLoc")
            name = self.find(doc_name, loc)
            page = self.xml(name, f"page {number}", loc)
            page_box = _box(page.findtext(f"{_NS}Area/{_NS}PhysicalBox")) or box
            out = _Objects(self, page_box, number, doctop)
            for tpl in page.iterfind(f"{_NS}Template"):
                tid = tpl.get("TemplateID")
                if tid not in read_templates:
                    read_templates[tid] = self.optional(doc_name, templates.get(tid), f"template {tid}")
                tpl_name, tpl_root = read_templates[tid]
                if tpl_root is not None:
                    out.walk(tpl_root.find(f"{_NS}Content"), tpl_name)
            out.walk(page.find(f"{_NS}Content"), name)
            for annot_name, annot in annots.get(entry_el.get("ID"), ()):
                out.annotation(annot, annot_name)
            pages.append(OfdPage(out.width, out.height, doctop, out.objects))
            doctop += out.height
        return pages

    def annotations(self, doc_name: str, document) -> dict:
        """Page ID -> [(part name, ofd:Annot)] of the document's annotations that are shown."""
        loc = document.findtext(f"{_NS}Annotations")
        if loc is None or not loc.strip():
            return {}
        index_name, index = self.optional(doc_name, loc, "the annotations")
        found: dict = {}
        if index is None:
            return found
        skip = set(self.settings["skip_annotations"])
        for page in index.iterfind(f"{_NS}Page"):
            file_loc = page.findtext(f"{_NS}FileLoc")
            name, part = self.optional(index_name, file_loc, f"the annotations of page {page.get('PageID')}")
            for annot in part.iterfind(f"{_NS}Annot") if part is not None else ():
                if annot.get("Visible", "true").lower() != "false" and annot.get("Type") not in skip:
                    found.setdefault(page.get("PageID"), []).append((name, annot))
        return found


def _numbers(text: str | None, name: str | None, path: str, what: str) -> list[float]:
    """The numbers of an attribute ('25 30 160 6'); a damaged one is an error naming its part."""
    if not text:
        return []
    found = text.split()
    try:
        return [float(x) for x in found]
    except ValueError:
        raise CorruptFileError(path, f"not a valid OFD: {name}: {what} {text[:60]!r} is no list of numbers") from None


def _number(text: str | None, name: str | None, path: str, what: str, default: float) -> float:
    """A one-number attribute (a TextCode's X, an object's CharDirection), ``default`` where it is absent; a
    damaged one is an error naming its part, as :func:`_numbers` says of a list."""
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        raise CorruptFileError(path, f"not a valid OFD: {name}: {what} {text[:60]!r} is no number") from None


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    """A PhysicalBox ``x y w h`` (millimetres), or None if absent or unusable."""
    try:
        x, y, w, h = (float(v) for v in (text or "").split())
    except ValueError:
        return None
    return (x, y, w, h) if w > 0 and h > 0 else None


def _deltas(text: str | None, name: str | None, path: str, what: str, needed: int) -> list[float]:
    """A DeltaX/DeltaY list with its ``g n d`` repeats spelt out ('g 3 4.2 5' is 4.2 4.2 4.2 5), up to its first
    ``needed`` offsets (the characters of the TextCode: a damaged list's repeats would fill the memory)."""
    if not text:
        return []
    tokens, i = text.split(), 0
    out: list[float] = []
    try:
        while i < len(tokens):
            if tokens[i] == "g":
                count = int(float(tokens[i + 1]))
                if count < 0 or count > 1_000_000:
                    raise ValueError(count)
                out += [float(tokens[i + 2])] * max(0, min(count, needed - len(out)))
                i += 3
            else:
                out.append(float(tokens[i]))
                i += 1
    except (ValueError, IndexError):
        raise CorruptFileError(path, f"not a valid OFD: {name}: {what} {text[:60]!r} is no list of offsets") \
            from None
    return out


def _matrix(text: str | None, name: str | None, path: str) -> tuple[float, ...]:
    """A CTM ``a b c d e f`` (identity when absent)."""
    values = _numbers(text, name, path, "CTM")
    if not values:
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if len(values) != 6:
        raise CorruptFileError(path, f"not a valid OFD: {name}: CTM {text[:60]!r} holds {len(values)} numbers, not 6")  # type: ignore[index]  # values were read from it
    return tuple(values)


def _colour(el, alpha: float) -> tuple[float, ...]:
    """The fill colour of an object (0 black … 1 white per channel), made lighter by its transparency."""
    fill = el.find(f"{_NS}FillColor")
    values = (fill.get("Value") if fill is not None else None) or "0 0 0"
    try:
        channels = [min(max(float(v) / 255, 0.0), 1.0) for v in values.split()]
    except ValueError:
        channels = [0.0]
    if fill is not None and fill.get("Alpha") is not None:
        alpha *= _share(fill.get("Alpha"))
    if len(channels) == 4:  # CMYK: how much of each ink; white is none
        c, m, y, k = channels
        channels = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    return tuple(1 - alpha * (1 - v) for v in channels or [0.0])  # (seen over white paper)


def _share(text: str | None) -> float:
    """An Alpha attribute (0 transparent … 255 opaque) as a share."""
    try:
        return min(max(float(text) / 255, 0.0), 1.0) if text is not None else 1.0
    except ValueError:
        return 1.0


class _Objects:
    """The characters, lines, rectangles and images of one page, in points from its top left."""

    def __init__(self, package: _Package, box: tuple, number: int, doctop: float) -> None:
        self.package = package
        self.path = package.path
        self.settings = package.settings
        self.origin = box[:2]
        self.width, self.height = box[2] * _PT, box[3] * _PT
        self.number = number
        self.doctop = doctop
        self.objects: dict = {"char": [], "line": [], "rect": [], "image": []}

    def point(self, ctm: tuple, origin: tuple, x: float, y: float) -> tuple[float, float]:
        """A point of an object (its own coordinates) on the page, in points from the top left."""
        a, b, c, d, e, f = ctm
        return ((origin[0] + a * x + c * y + e - self.origin[0]) * _PT,
                (origin[1] + b * x + d * y + f - self.origin[1]) * _PT)

    def walk(self, parent, name: str | None, origin: tuple = (0.0, 0.0), depth: int = 0) -> None:
        """Read the objects under ``parent`` (a Content, Layer, PageBlock or Appearance), ``origin`` the page
        position (mm) their Boundary is measured from."""
        if parent is None:
            return
        for el in parent:
            tag = el.tag if isinstance(el.tag, str) else ""
            if el.get("Visible") is not None and el.get("Visible").strip().lower() == "false":
                continue  # a hidden graphic unit (GB/T 33190 CT_GraphicUnit/@Visible) is not shown, so not read
            if tag in (f"{_NS}Layer", f"{_NS}PageBlock"):
                self.walk(el, name, origin, depth + 1)
            elif tag == f"{_NS}TextObject":
                self.text(el, name, origin)
            elif tag == f"{_NS}PathObject":
                self.path_object(el, name, origin)
            elif tag == f"{_NS}ImageObject":
                self.image(el, name, origin)

    def annotation(self, annot, name: str | None) -> None:
        for appearance in annot.iterfind(f"{_NS}Appearance"):
            box = _numbers(appearance.get("Boundary"), name, self.path, "Boundary")
            self.walk(appearance, name, tuple(box[:2]) if len(box) >= 2 else (0.0, 0.0))

    def placed(self, el, name: str | None, origin: tuple) -> tuple[tuple, tuple]:
        """(page position of the object's coordinates, its CTM)."""
        box = _numbers(el.get("Boundary"), name, self.path, "Boundary")
        if len(box) != 4:
            raise CorruptFileError(self.path, f"not a valid OFD: {name}: object {el.get('ID')} has no Boundary "
                                              f"'x y w h' ({el.get('Boundary')!r})")
        return (origin[0] + box[0], origin[1] + box[1]), _matrix(el.get("CTM"), name, self.path)

    def base(self, top: float, bottom: float) -> dict:
        return {"page_number": self.number, "top": top, "bottom": bottom, "doctop": self.doctop + top,
                "y0": self.height - bottom, "y1": self.height - top}

    def text(self, el, name: str | None, origin: tuple) -> None:
        """The characters of a TextObject: each TextCode's from its X/Y (the previous code's end where it
        gives none), each next one DeltaX/DeltaY on (a character's own width where no delta is given)."""
        at, ctm = self.placed(el, name, origin)
        size = _numbers(el.get("Size"), name, self.path, "Size")
        if len(size) != 1 or size[0] <= 0:
            raise CorruptFileError(self.path, f"not a valid OFD: {name}: text object {el.get('ID')} has no Size")
        size = size[0]
        a, b, c, d = ctm[:4]
        scale = math.sqrt(abs(a * d - b * c)) or 1.0
        h_scale = _numbers(el.get("HScale"), name, self.path, "HScale") or [1.0]
        turn = math.radians(_number(el.get("CharDirection"), name, self.path, "CharDirection", 0.0))
        colour = _colour(el, _share(el.get("Alpha")))
        wide, narrow, descent = self.settings["wide"], self.settings["narrow"], self.settings["descent"]
        x = y = 0.0
        for code in el.iterfind(f"{_NS}TextCode"):
            text = code.text or ""
            if not text:
                continue
            x = _number(code.get("X"), name, self.path, "X", x)
            y = _number(code.get("Y"), name, self.path, "Y", y)
            dx = _deltas(code.get("DeltaX"), name, self.path, "DeltaX", len(text))
            dy = _deltas(code.get("DeltaY"), name, self.path, "DeltaY", len(text))
            for i, char in enumerate(text):
                own = (wide if unicodedata.east_asian_width(char) in "WFA" else narrow) * size * h_scale[0]
                step = dx[i] if i < len(dx) else (0.0 if i < len(dy) else own)
                width = min(own, step) if 0 < step else own
                # the glyph's box (left to right, top to bottom: object coordinates grow down), turned by its
                # CharDirection about its origin, then through the CTM
                corners = [(u * math.cos(turn) - v * math.sin(turn), u * math.sin(turn) + v * math.cos(turn))
                           for u in (0.0, width) for v in (descent * size - size, descent * size)]
                points = [self.point(ctm, at, x + u, y + v) for u, v in corners]
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                top, bottom = min(ys), max(ys)
                base_x, base_y = self.point(ctm, at, x, y)
                # the text matrix as pdfminer gives it (y up), and its 'upright' (a slanted line is, as in a PDF)
                ca, sa = math.cos(turn), math.sin(turn)
                m = (a * ca + c * sa, -(b * ca + d * sa), -(c * ca - a * sa), d * ca - b * sa)
                self.objects["char"].append({
                    **self.base(top, bottom), "object_type": "char", "text": char, "fontname": el.get("Font", ""),
                    "size": size * scale * _PT, "adv": width * scale * _PT, "upright": m[0] * m[3] > 0 and m[1] * m[2] <= 0,
                    "x0": min(xs), "x1": max(xs), "width": max(xs) - min(xs),
                    "height": bottom - top, "matrix": (*m, base_x, self.height - base_y),
                    "non_stroking_color": colour, "stroking_color": colour})
                x += step
                y += dy[i] if i < len(dy) else 0.0

    def path_object(self, el, name: str | None, origin: tuple) -> None:
        """The straight lines of a PathObject: an axis-aligned rectangle as a rect, every other horizontal or
        vertical segment as a line (a table's rules; curves draw none); none of a path neither stroked nor filled."""
        stroke = el.get("Stroke", "true").strip().lower() != "false"
        fill = el.get("Fill", "false").strip().lower() == "true"
        if not stroke and not fill:
            return  # (it paints nothing, as a PDF's path ended by 'n': a layout frame under unruled cells is no rule)
        at, ctm = self.placed(el, name, origin)
        data = el.findtext(f"{_NS}AbbreviatedData") or ""
        tokens = _PATH_TOKEN.findall(data)
        width = (_numbers(el.get("LineWidth"), name, self.path, "LineWidth") or [0.353])[0] * _PT
        colour = _colour(el, _share(el.get("Alpha")))
        subpaths: list = []
        current: list = []  # the points of the subpath drawn so far (None after a curve)
        closed = False
        arity = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0, "Z": 0}
        i = 0
        pen = (0.0, 0.0)
        while i < len(tokens):
            op = tokens[i]
            n = arity.get(op.upper() if op.isalpha() else "")
            if n is None:
                raise CorruptFileError(self.path, f"not a valid OFD: {name}: path {el.get('ID')} has an unknown "
                                                  f"command {op!r} in its AbbreviatedData")
            try:
                args = [float(v) for v in tokens[i + 1:i + 1 + n]]
            except ValueError:
                args = []
            if len(args) != n:
                raise CorruptFileError(self.path, f"not a valid OFD: {name}: path {el.get('ID')}: command {op} "
                                                  f"lacks its {n} numbers")
            i += 1 + n
            op = op.upper()
            if op in ("S", "M"):
                if current:
                    subpaths.append((current, closed))
                pen = (args[0], args[1])
                current, closed = [pen], False
            elif op == "L":
                pen = (args[0], args[1])
                current.append(pen)
            elif op in ("Q", "B", "A"):
                if current:
                    subpaths.append((current, closed))
                pen = (args[-2], args[-1])
                current, closed = [pen], False
            else:  # C (Z): close the subpath
                closed = True
                if current:
                    subpaths.append((current, True))
                    current, closed = [current[0]], False
                    pen = current[0]
        if current:
            subpaths.append((current, closed))
        style = {"linewidth": width, "stroke": stroke, "fill": fill, "stroking_color": colour,
                 "non_stroking_color": colour}
        for points, shut in subpaths:
            page = [self.point(ctm, at, px, py) for px, py in points]
            if len(page) > 1 and page[-1] == page[0]:
                page, shut = page[:-1], True
            xs, ys = sorted({round(p[0], 3) for p in page}), sorted({round(p[1], 3) for p in page})
            if shut and len(page) == 4 and len(xs) == 2 and len(ys) == 2:
                self.objects["rect"].append({**self.base(ys[0], ys[1]), "object_type": "rect", "x0": xs[0],
                                             "x1": xs[1], "width": xs[1] - xs[0], "height": ys[1] - ys[0],
                                             "pts": page, **style})
                continue
            for p, q in zip(page, page[1:] + page[:1] if shut else page[1:]):
                if abs(p[0] - q[0]) > 1e-3 and abs(p[1] - q[1]) > 1e-3:
                    continue  # slanted: no rule of a table
                top, bottom = sorted((p[1], q[1]))
                x0, x1 = sorted((p[0], q[0]))
                self.objects["line"].append({**self.base(top, bottom), "object_type": "line", "x0": x0, "x1": x1,
                                             "width": x1 - x0, "height": bottom - top, "pts": [p, q], **style})

    def image(self, el, name: str | None, origin: tuple) -> None:
        """An image's place (a scanned page is one image over the page)."""
        at, ctm = self.placed(el, name, origin)
        points = [self.point(ctm, at, u, v) for u in (0.0, 1.0) for v in (0.0, 1.0)]  # (its unit square)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self.objects["image"].append({**self.base(min(ys), max(ys)), "object_type": "image", "x0": min(xs),
                                      "x1": max(xs), "width": max(xs) - min(xs), "height": max(ys) - min(ys)})
