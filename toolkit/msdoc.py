r"""Word 97–2003 binary documents (``.doc``, and WPS Office's ``.wps`` of the same format): bytes in, blocks out.

The main document of a Word binary file ([MS-DOC]) comes out as blocks in document order: a paragraph (``str``,
its line breaks and page breaks as ``\n``) or a table (a list of rows, a row a list of :class:`Cell`, a cell
holding blocks in turn, nested tables included). :mod:`toolkit.readers` turns them into the lines of a DOCX's
body, so that everything downstream is shared.

The main document is read (the first ``ccpText`` characters), and the text boxes (the text-box story, ccpTxbx: each
box's blocks before the paragraph its shape, or the group of shapes it is drawn in, is anchored in, as a DOCX's;
one anchored in a table after the table; WordArt's text, from its shape's properties in the drawings, so too);
headers, footnotes and comments are stories after it, as a DOCX's are parts other than its body; the paragraphs of
the first section's page headers are given apart, their text boxes' and WordArt's first (:attr:`DocText.headers`: a
title some agencies hold only there).
Text Word does not show (a tracked deletion, hidden text: the character properties of PlcBteChpx, and of the
character style a run names or the paragraph style a paragraph names, from the style sheet) is left out; text set
raised (superscript, a footnote mark typed after a value, on the run or by its character style) or set low
(subscript) is a :class:`Paragraph` naming where it stands. A paragraph numbered by a list (its own or its paragraph
style's) is a :class:`Paragraph` naming it, the lists' levels in :attr:`DocText.lists`. A character set from a
symbol font (sprmCSymbol) reads as a DOCX's w:sym. A field shows its result, not its code; an embedded object
(``EMBED Excel.Sheet.8``) is named in :attr:`DocText.objects`, its content is not read.

The container is an OLE compound file (:mod:`olefile`). The text is found through the piece table (Clx) of the
table stream; a table's cells end with a cell mark (``\x07``), its rows with a further mark whose paragraph
properties say it ends a row (sprmPFTtp; sprmPFInnerTtp and sprmPFInnerTableCell in a nested table, whose marks
are paragraph marks), read from the PAPX of the FKPs PlcBtePapx points to. An empty cell is a lone cell mark
too, so row ends are never guessed from the text.
"""
from __future__ import annotations

import bisect
import io
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from toolkit.errors import CorruptFileError, UnsupportedFormatError
from toolkit.normalize import is_page_furniture, normalize_line

__all__ = ["OLE_MAGIC", "Cell", "DocText", "Paragraph", "read_doc"]

#: The first bytes of an OLE compound file (a .doc, .xls, .ppt, .wps, .et …).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_WORD_IDENT = 0xA5EC  # FibBase.wIdent of a Word binary document
_NFIB_WORD97 = 0xC1  # FibBase.nFib of Word 97; Word 6 and 95 wrote less (0x65-0x68)
_F_ENCRYPTED = 0x0100  # FibBase flags: fEncrypted
_F_WHICH_TABLE = 0x0200  # FibBase flags: fWhichTblStm (1Table, else 0Table)
_FIB_RGW = 0x20  # csw, then the FibRgW97
_PAGE = 512  # an FKP's size in the WordDocument stream
# entries of the FibRgFcLcb97: the style sheet, the character and paragraph properties, the piece table
_FC_STSHF, _FC_STTBF_FFN = 1, 15  # (and the font table)
_FC_PLCF_HDD, _FC_PLCF_BTE_CHPX, _FC_PLCF_BTE_PAPX, _FC_CLX, _FC_PLF_LST, _FC_PLF_LFO = 11, 12, 13, 33, 73, 74
# the shapes anchored in the main document (PlcSpaMom) and the text boxes' text in the text-box story (PlcftxbxTxt)
_FC_PLC_SPA_MOM, _FC_PLCF_TXBX_TXT = 40, 56
# the shapes anchored in the headers (PlcSpaHdr) and their text boxes' text in the header text-box story
_FC_PLC_SPA_HDR, _FC_PLCF_HDR_TXBX_TXT = 41, 58
# the drawings (OfficeArtContent, [MS-DOC] 2.9.172): the shapes, and the groups that hold them
_FC_DGG_INFO = 50
# OfficeArt record types ([MS-ODRAW]): the drawing group, a drawing, a group of shapes, a shape, a shape's id (FSP)
_OA_DGG, _OA_DG, _OA_GROUP, _OA_SHAPE, _OA_FSP, _OA_FOPT = 0xF000, 0xF002, 0xF003, 0xF004, 0xF00A, 0xF00B
# a shape's property (OfficeArtFOPTE.opid): its id, whether its value is complex (its size: its data after the
# properties), and the id of WordArt's text (gtextUNICODE)
_OA_PID, _OA_COMPLEX, _OA_GTEXT = 0x3FFF, 0x8000, 0x00C0
_MAIN_DRAWING, _HEADER_DRAWING = 0, 1  # OfficeArtWordDrawing.dgglbl of the main document's drawing, the headers'
# the header stories of the first section (PlcfHdd: six separator stories, then six a section): the first page's
# header, then the header of odd pages (every page's, without a different first page or odd and even pages)
_FIRST_HEADERS = (6 + 4, 6 + 1)
# (a bound on the piece table: Word writes one piece per edit of a fast save, a few hundred in a long history)
_MAX_PIECES = 100_000
_MAX_DEPTH = 64  # tables nested deeper are read as the depth-64 table's cells

# sprms ([MS-DOC] 2.6): the paragraph's table depth and marks, and a row's cell merges
_P_IN_TABLE = 0x2416
_P_TTP = 0x2417
_P_INNER_CELL = 0x244B
_P_INNER_TTP = 0x244C
_P_ITAP = 0x6649
_P_ILFO, _P_ILVL = 0x460B, 0x260A  # the paragraph's list (1-based, into the PlfLfo) and level
# sprmPDcs: the paragraph is a drop cap (its DCS.fdct: 1 in the text, 2 in the margin; 0 none)
_P_DCS, _DROP_CAPS = 0x442C, (1, 2)
_NO_LIST = (0, 0xF801)  # no list; 'no list, whatever the style says'
_LVL_LEGAL, _LVL_NO_RESTART = 0x04, 0x08  # LVLF's fLegal (every level's number in digits) and fNoRestart
# a list level's number format (LVLF.nfc), by its value: ECMA-376's ST_NumberFormat in order
_NUMBER_FORMATS = (
    "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText", "ordinalText",
    "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha", "decimalFullWidth",
    "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand", "decimalEnclosedCircle", "decimalFullWidth2",
    "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet", "ganada", "chosung", "decimalEnclosedFullstop",
    "decimalEnclosedParen", "decimalEnclosedCircleChinese", "ideographEnclosedCircle", "ideographTraditional",
    "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting", "ideographLegalTraditional",
    "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting", "chineseLegalSimplified",
    "chineseCountingThousand")
_NFC_NONE = 0xFF  # (a level showing no number, its text alone: ECMA-376's 'none'; other values past the list: none known)
_P_CHG_TABS, _P_CHG_TABS_PAPX = 0xC615, 0xC60D
# a tab stop's leader (TBD.tlc), by its value: ECMA-376's ST_TabTlc
_TAB_LEADERS = ("none", "dot", "hyphen", "underscore", "heavy", "middleDot")
_P_HUGE_PAPX = (0x6646, 0x646B)  # sprmPHugePapx, sprmPTableProps: the properties are in the Data stream
_T_DEF_TABLE = 0xD608
_T_VERT_MERGE = 0xD62B
_SPRA_SIZE = (1, 1, 2, 4, 2, 2, 0, 3)  # operand size by spra (6: variable)
# character sprms of text Word does not show: a tracked deletion (sprmCFRMarkDel), hidden text (sprmCFVanish); on
# when their operand is 1, or 0x81 (the opposite of the style's, which hides nothing)
_C_DELETED, _C_HIDDEN = 0x0800, 0x083C
# character sprms of text struck through (sprmCFStrike, sprmCFDStrike), set as hidden text is: left out but where a
# table cell's text is all struck (see _keep_struck_cells)
_C_STRIKES = (0x0837, 0x2A53)
_ON = (b"\x01", b"\x81")
_C_ISS, _SUPERSCRIPT, _SUBSCRIPT = 0x2A48, b"\x01", b"\x02"  # sprmCIss: the text's position (1: raised, 2: low)
_C_HPS_POS = 0x4845  # sprmCHpsPos: the text lifted (> 0) or lowered by so many half-points ('Raised by 3 pt')
_C_ISTD = 0x4A30  # sprmCIstd: the text's character style (its properties in the style sheet, STSH)
# sprmCSymbol: a character set from a symbol font (Insert > Symbol): its font (an index into the font table) and its
# character, the text stream holding '(' in its place
_C_SYMBOL, _SYMBOL_HELD = 0x6A09, "("
_NO_STYLE = 0x0FFF  # StdfBase.istdBase of a style based on none
_RAISE, _LOWER = "\ufdd0", "\ufdd1"  # (noncharacters) where raised text begins and ends, until _with_raised
_SUB, _SUB_END = "\ufdd2", "\ufdd3"  # (noncharacters) where subscript text begins and ends, until _with_raised

# 8-bit text is cp1252, the bytes cp1252 leaves undefined standing for the same code point ([MS-DOC] 2.4.1)
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# special characters in the text ([MS-DOC] 2.8.25): a line break (\x0b), page break (\x0c) or column break (\x0e,
# a DOCX's w:br w:type="column": dropped, it glued a heading to the text before it) ends a line, a
# non-breaking hyphen (\x1e) is a hyphen; an optional hyphen (\x1f), a picture or object (\x01, \x08), a
# footnote, comment or separator mark (\x02-\x05) and other controls show no text
# (and U+FFFE, U+FFFF are no characters)
_SHOWN = {0x0B: "\n", 0x0C: "\n", 0x0E: "\n", 0x1E: "-",
          **{c: None for c in (*range(0x00, 0x09), *range(0x0F, 0x1E), 0x1F, 0xFFFE, 0xFFFF)}}
_MARKS = re.compile("[\r\x07]")  # paragraph and cell marks: the end of a paragraph
_FIELD_CHARS = re.compile("([\x13\x14\x15])")  # field begin, separator, end
# what an OLE file without a WordDocument stream holds, by one of its streams
_OTHER_OLE = (("Workbook", "an Excel workbook (.xls/.et)"), ("Book", "an Excel 5 workbook (.xls)"),
              ("PowerPoint Document", "a PowerPoint presentation (.ppt/.dps)"),
              ("EncryptedPackage", "a password-protected Office file (remove the password, then save it as .docx)"),
              ("CONTENTS", "a Microsoft Works document"), ("VisioDocument", "a Visio drawing"))


@dataclass
class Cell:
    """A table cell: its paragraphs (``str``) and nested tables (lists of rows), in order.

    ``merged`` is true for a cell covered by a merged cell above it or left of it: Word shows nothing of it;
    ``above`` for one covered by the cell above it (a vertical merge). ``span`` is how many of the table's grid
    columns the cell spans (its row's cell boundaries against all its rows', as a DOCX's ``w:gridSpan``): newer Word
    writes two cells merged across as one wider cell, with no merge flag.
    """

    blocks: list = field(default_factory=list)
    merged: bool = False
    above: bool = False
    span: int = 1


class Paragraph(str):
    """A paragraph's text that Word numbers as an item of a list: ``number`` is (list, level), the list an
    index of :attr:`DocText.lists` (``None``: no list's); or that holds text set raised: ``raised`` gives where,
    (start, end) spans of the text (superscript, as a footnote mark typed after a value: '610' then a raised '1')."""

    number: tuple | None = (0, 0)
    raised: tuple = ()
    lowered: tuple = ()  # (start, end) spans of its text set subscript (a footnote mark set low: '88' then a low '1')
    leader: str | None = None  # the leader of its rightmost tab stop (ST_TabTlc): a table of contents' dots


@dataclass
class DocText:
    """What :func:`read_doc` finds: the main document's blocks, the embedded objects its fields name, the paragraphs
    of the first section's page headers (first page's, then odd pages'; a header's text boxes' first), a list each,
    and the lists numbered paragraphs refer to: list -> (its definition's id, {level: (start, format, text, legal,
    restart)}), the format one of ECMA-376's (``'chineseCounting'``, ``'decimal'`` …), the text with ``%1`` … for
    the levels' numbers, ``legal`` whether every level's number shows in digits (fLegal, a DOCX's w:isLgl),
    ``restart`` None where the level restarts after any level above it, else the first level that does not restart
    it (fNoRestart's ilvlRestartLim, a DOCX's w:lvlRestart: 0 never restarts)."""

    blocks: list
    objects: list
    headers: list = field(default_factory=list)
    lists: dict = field(default_factory=dict)


def read_doc(data: bytes, path: str | None = None) -> DocText:
    r"""Read the main document of a Word 97–2003 binary file.

    Parameters
    ----------
    data : bytes
        The file's bytes (an OLE compound file).
    path : str or None, default None
        The file, named in errors.

    Returns
    -------
    DocText
        ``blocks``: paragraphs (``str``, line breaks as ``\n``, fields showing their result) and tables (lists of
        rows of :class:`Cell`) in document order; ``objects``: the ProgIDs of the embedded objects
        (``EMBED`` fields), whose content is not read.

    Raises
    ------
    UnsupportedFormatError
        If the file is no Word document (an OLE file without a WordDocument stream: a workbook, a presentation,
        a message …, named), or a Word 95 or older one.
    CorruptFileError
        If the container is damaged, the document encrypted, or the piece table or paragraph properties point
        outside their streams.

    Examples
    --------
    >>> from toolkit.msdoc import read_doc
    >>> read_doc(b"not an OLE file", "a.doc")
    Traceback (most recent call last):
    ...
    toolkit.errors.CorruptFileError: a.doc: not a valid Word document: not an OLE compound file
    """
    word, table, extra = _streams(data, path)
    (ccp, notes, headers), fc_lcb = _fib(word, path)
    clx = _slice(table, *fc_lcb(_FC_CLX), path, "the piece table (Clx)")
    pieces = _pieces(clx, len(word), path)
    notes, headers = max(notes, 0), max(headers, 0)
    boxes_at, boxes_end = _text_box_story(word, ccp)
    header_boxes_at, header_boxes_end = _text_box_story(word, ccp, headers=True)
    text, marks = _main_text(word, pieces, ccp, path, max(ccp + notes + headers, boxes_end, header_boxes_end))
    span = ccp if boxes_end <= ccp or len(text) < boxes_end else boxes_end  # (the text the masks cover)
    plc = _slice(table, *fc_lcb(_FC_PLCF_BTE_PAPX), path, "the paragraph properties (PlcBtePapx)")
    papx = _Papx(word, plc, extra, path)
    papx.style_numbers = _style_numbers(table, fc_lcb(_FC_STSHF))
    papx.style_tabs = _style_tab_stops(table, fc_lcb(_FC_STSHF))
    by_paragraph = _paragraph_toggles(table, fc_lcb(_FC_STSHF))
    codes = bytearray(span) if by_paragraph else None  # (only where a style may hide or strike a paragraph's text)
    symbols: dict = {}
    unshown = _unshown(word, table, fc_lcb(_FC_PLCF_BTE_CHPX), pieces, span, fc_lcb(_FC_STSHF), codes, symbols)
    if symbols:
        text = _with_symbols(text, symbols, table, fc_lcb(_FC_STTBF_FFN))
    if codes is not None:
        unshown = _paragraph_styled(text, unshown, codes, span, by_paragraph, lambda cp: papx.at(marks(cp)).style)
    if unshown is not None and _STRUCK in unshown:
        _keep_struck_cells(text, unshown, span, lambda cp: papx.at(marks(cp)))
    story = _Story(text, unshown, papx, marks)
    builder = _Builder()
    anchors = _shape_anchors(table, fc_lcb(_FC_PLC_SPA_MOM))
    groups, arts = _drawing(table, fc_lcb(_FC_DGG_INFO), anchors, _MAIN_DRAWING)
    # the text boxes and WordArt: (the CP of their anchor in the main document, their blocks)
    boxes: list = [(anchor, [art]) for anchor, art in arts]
    if span > ccp:  # (a document with text boxes: their story read, its boxes' blocks put where they are anchored)
        for anchor, lo, hi in _text_boxes(table, anchors, fc_lcb(_FC_PLCF_TXBX_TXT), boxes_at, span, groups):
            box = _Builder()
            story.read(box, lo, hi)
            boxes.append((ccp if anchor is None else anchor, box.close()))
            builder.numbered = builder.numbered or box.numbered
    boxes.sort(key=lambda found: found[0])
    story.read(builder, 0, ccp, boxes)
    header_anchors = _shape_anchors(table, fc_lcb(_FC_PLC_SPA_HDR))
    header_groups, header_arts = _drawing(table, fc_lcb(_FC_DGG_INFO), header_anchors, _HEADER_DRAWING)
    header_boxes = _text_boxes(table, header_anchors, fc_lcb(_FC_PLCF_HDR_TXBX_TXT), header_boxes_at,
                               header_boxes_end, header_groups)
    return DocText(builder.close(), story.objects,
                   _headers(text, table, fc_lcb(_FC_PLCF_HDD), ccp + notes, header_boxes, header_arts),
                   _lists(table, fc_lcb(_FC_PLF_LST), fc_lcb(_FC_PLF_LFO)) if builder.numbered else {})


class _Story:
    """The paragraphs of a story of the document's ``text`` (the main document, a text box) into a _Builder: their
    shown text (``unshown``: see _unshown), fields showing their result, and properties (``papx`` at the byte offset
    ``marks(cp)`` gives of a paragraph's mark)."""

    def __init__(self, text: str, unshown: bytearray | None, papx: "_Papx", marks: Callable[[int], int]) -> None:
        self.text, self.unshown, self.papx, self.marks = text, unshown, papx, marks
        self.objects: list = []  # the embedded objects the stories' fields name (see _Fields)

    def read(self, builder: "_Builder", lo: int, hi: int, boxes: list | tuple = ()) -> None:
        """Add the paragraphs of ``text[lo:hi]`` to ``builder``; ``boxes`` ((anchor CP, blocks), by CP): the blocks
        of the text boxes anchored in them, put before the paragraph of their anchor (one in a table: after the
        table, before the next paragraph outside it)."""
        text, unshown, papx, marks, fields = self.text, self.unshown, self.papx, self.marks, _Fields()
        fields.objects = self.objects
        waiting: list = []  # the blocks of boxes anchored so far, not yet put
        next_box = 0
        start, joined, joined_props = lo, "", _NO_PROPS
        for match in _MARKS.finditer(text, lo, hi):
            cp = match.start()
            while next_box < len(boxes) and boxes[next_box][0] <= cp:
                waiting.extend(boxes[next_box][1])
                next_box += 1
            shown = text[start:cp] if unshown is None else _shown(text, unshown, start, cp)
            start = cp + 1
            props = papx.at(marks(cp))
            if match.group() == "\r" and (props.drop_cap or (unshown is not None and unshown[cp] in _JOINING)):
                # a paragraph whose mark is deleted or hidden, or a drop cap: Word shows it joined to the next
                joined += shown
                joined_props = props
                continue
            if joined and props.depth != joined_props.depth:  # (the next is in a table, or out of it: no run-in)
                builder.add(_with_raised(fields.shown(joined)), "\r", joined_props)
                joined = ""
            if waiting and not props.depth:  # (a box's own lines, before its anchor's paragraph, as a DOCX's)
                builder.put(waiting)
                waiting = []
            builder.add(_with_leader(_with_raised(fields.shown(joined + shown)), props.leader), match.group(), props,
                        unshown is not None and unshown[cp] == _DELETED)
            joined = ""
        builder.add(_with_raised(fields.shown(joined + text[start:hi] if unshown is None else
                                              joined + _shown(text, unshown, start, hi))), "", _NO_PROPS)
        builder.put(waiting + [block for _, blocks in boxes[next_box:] for block in blocks])


def _text_box_story(word: bytes, ccp: int, headers: bool = False) -> tuple[int, int]:
    """Where the text-box story begins and ends (CPs): after the main document, the footnotes, the headers, the
    comments and the endnotes (FibRgLw97's ccpText … ccpEdn), ccpTxbx characters long; with ``headers``, the
    header text-box story after it (ccpHdrTxbx: the text boxes drawn in the headers); (0, 0) where the document
    has no such text box (the usual case), or the FIB does not say."""
    lw = _FIB_RGW + 2 + 2 * struct.unpack_from("<H", word, _FIB_RGW)[0]
    if struct.unpack_from("<H", word, lw)[0] < (11 if headers else 10):  # (cslw: FibRgLw97 up to ccpHdrTxbx)
        return 0, 0
    # ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx (and ccpHdrTxbx)
    counts = struct.unpack_from("<8i" if headers else "<7i", word, lw + 2 + 12)
    if counts[-1] <= 0 or min(counts) < 0:
        return 0, 0
    first = sum(counts[:-1])
    return first, first + counts[-1]


def _shape_anchors(table: bytes, spa: tuple) -> dict[int, int]:
    """The shapes anchored in the main document: their id (spid) -> the CP of their anchor, by the PlcSpaMom at
    ``spa`` (a CP and an FSPA, 26 bytes, its shape's id, spid, first, each); {} where there is none or it is
    damaged."""
    fc, lcb = spa
    n = (lcb - 4) // 30 if fc + lcb <= len(table) else 0
    if n <= 0:
        return {}
    cps = struct.unpack_from(f"<{n}i", table, fc)
    return {struct.unpack_from("<I", table, fc + 4 * (n + 1) + 26 * k)[0]: cps[k] for k in range(n)}


def _text_boxes(table: bytes, anchors: dict, txbx: tuple, first: int, end: int, groups: dict | None = None) -> list:
    """The text boxes of the text-box story (from CP ``first`` to ``end``): (the CP of their anchor in the main
    document, or None where it is not found, their first CP, their end) each, in the story's order. Their text is
    given by the PlcftxbxTxt at ``txbx`` (a CP into the story and an FTXBXS, 22 bytes, each: its shape's id, lid, 14
    bytes in; a box deleted and kept for reuse, fReusable, left out), their shapes' anchors by ``anchors`` (see
    _shape_anchors); a box in a group of shapes is anchored by its group's (``groups``: shape id -> its outermost
    group's); [] where these are damaged."""
    groups = groups or {}
    try:
        fc, lcb = txbx
        n = (lcb - 4) // 26 if fc + lcb <= len(table) else 0
        if n < 1:
            return []
        cps = struct.unpack_from(f"<{n + 1}i", table, fc)
        out = []
        for k in range(n):
            at = fc + 4 * (n + 1) + 22 * k
            reusable, = struct.unpack_from("<H", table, at + 8)
            lo, hi = first + cps[k], min(first + cps[k + 1], end)
            if not reusable and first <= lo < hi:
                lid = struct.unpack_from("<I", table, at + 14)[0]
                out.append((anchors.get(lid, anchors.get(groups.get(lid, -1))), lo, hi))
        return out
    except struct.error:
        return []


def _drawing(table: bytes, dgg: tuple, anchors: dict, label: int) -> tuple[dict, list]:
    """The groups of shapes and the WordArt of the drawing ``label`` (see _drawn_shapes) whose shapes ``anchors``
    anchors (see _shape_anchors): (each grouped shape's id -> its outermost group's id, for _text_boxes; (the CP of
    its anchor, its text) of each WordArt, in the drawing's order); empty where nothing is anchored."""
    drawn = _drawn_shapes(table, dgg, label) if anchors else []
    groups = {spid: shapes[0][0] for shapes in drawn for spid, _ in shapes[1:]}
    return groups, [(anchors[shapes[0][0]], art) for shapes in drawn if shapes[0][0] in anchors
                    for _, art in shapes if art]


def _drawn_shapes(table: bytes, dgg: tuple, label: int = _MAIN_DRAWING) -> list[list[tuple[int, str | None]]]:
    """The shapes drawn on the main document's page (``label``: the dgglbl of its drawing, _HEADER_DRAWING for
    the headers'), from the OfficeArtContent at ``dgg`` (the drawing group, then a dgglbl and a drawing each: its
    page's group holds the shapes): a list for each shape or group of shapes (drawn as one, anchored by one FSPA in
    the PlcSpaMom, or PlcSpaHdr, under the group's id), of (the id, spid, of each of its shapes, the group's own
    first; their WordArt's text, or None: see _word_art); [] where there is none or it is damaged.

    A text box drawn in a group (a box and an arrow, a title over a picture) was anchored by no shape, its text put
    after the document's last paragraph; WordArt's text (a title so set), in no story, was lost.
    """
    fc, lcb = dgg
    hi = fc + lcb
    if lcb <= 8 or hi > len(table):
        return []
    drawn: list = []
    found = next(_office_art_records(table, fc, hi), None)
    at = found[2] if found is not None and found[0] == _OA_DGG else hi
    while at + 9 <= hi:  # (an OfficeArtWordDrawing: its dgglbl, then its drawing)
        _, kind, size = struct.unpack_from("<HHI", table, at + 1)
        end = at + 9 + size
        if kind != _OA_DG or end > hi:
            break
        pages = (r for r in _office_art_records(table, at + 9, end) if r[0] == _OA_GROUP)
        for _, lo, top in (pages if table[at] == label else ()):
            drawn.extend(shapes for shapes in (list(_shapes(table, first - 8, last))
                                               for _, first, last in _office_art_records(table, lo, top)) if shapes)
        at = end
    return drawn


def _office_art_records(data: bytes, lo: int, hi: int) -> Iterator[tuple[int, int, int]]:
    """The OfficeArt records from ``lo`` to ``hi`` of ``data``, one after another: (their type, where their body
    begins, where it ends); a record running past ``hi`` ends them."""
    while lo + 8 <= hi:
        _, kind, size = struct.unpack_from("<HHI", data, lo)
        if lo + 8 + size > hi:
            return
        yield kind, lo + 8, lo + 8 + size
        lo += 8 + size


def _shapes(data: bytes, lo: int, hi: int, depth: int = 0) -> Iterator[tuple[int, str | None]]:
    """The shapes (OfficeArtSpContainer) from ``lo`` to ``hi``, in groups too (nested to _MAX_DEPTH), in order:
    (their id, OfficeArtFSP.spid; their WordArt's text or None)."""
    for kind, first, last in _office_art_records(data, lo, hi):
        if kind == _OA_SHAPE:
            records = {held: (start, end) for held, start, end in _office_art_records(data, first, last)}
            spid = records.get(_OA_FSP)
            if spid is not None and spid[1] - spid[0] >= 8:
                yield struct.unpack_from("<I", data, spid[0])[0], _word_art(data, *records.get(_OA_FOPT, (0, 0)))
        elif kind == _OA_GROUP and depth < _MAX_DEPTH:
            yield from _shapes(data, first, last, depth + 1)


def _word_art(data: bytes, lo: int, hi: int) -> str | None:
    """The text of a WordArt shape, from its properties (the OfficeArtFOPT from ``lo`` to ``hi``: recInstance
    properties of 6 bytes, an id and a value each, then the complex ones' data in order): gtextUNICODE, UTF-16
    ending in a NUL, its lines parted by line feeds; None for a shape that is no WordArt."""
    if hi <= lo:
        return None
    count = struct.unpack_from("<H", data, lo - 8)[0] >> 4  # (the record's recInstance)
    extra = lo + 6 * count
    for k in range(count if extra <= hi else 0):
        pid, size = struct.unpack_from("<HI", data, lo + 6 * k)
        if pid & _OA_COMPLEX:
            if pid & _OA_PID == _OA_GTEXT and extra + size <= hi:
                return data[extra:extra + size].decode("utf-16-le", "replace").split("\0")[0].replace("\r", "\n")
            extra += size
    return None


def _level_format(nfc: int) -> str:
    """A list level's number format (ECMA-376's name, as a DOCX's w:numFmt) of its LVLF.nfc: 'none' for a level
    showing its text alone (0xFF), 'unknown' for a value past the formats known (its number not shown)."""
    if nfc < len(_NUMBER_FORMATS):
        return _NUMBER_FORMATS[nfc]
    return "none" if nfc == _NFC_NONE else "unknown"


def _lists(table: bytes, lst: tuple, lfo: tuple) -> dict:
    """The lists of the PlfLfo, their levels read from the PlfLst and the LVLs after it (see DocText); {} for
    damaged ones (a damaged numbering gives no numbers, never an error)."""
    try:
        fc, lcb = lst
        definitions: dict = {}
        at = fc + lcb  # (the LVLs follow the PlfLst)
        for k in range(struct.unpack_from("<h", table, fc)[0]):
            lsid, = struct.unpack_from("<i", table, fc + 2 + 28 * k)
            levels: dict = {}
            for ilvl in range(1 if table[fc + 2 + 28 * k + 26] & 0x01 else 9):  # fSimpleList: one level
                start, nfc, flags = struct.unpack_from("<iBB", table, at)
                # fNoRestart: the level restarts only after a level above ilvlRestartLim (0: never), as lvlRestart
                restart = table[at + 26] if flags & _LVL_NO_RESTART else None
                at += 28 + table[at + 24] + table[at + 25]  # the LVLF, its grpprlPapx and grpprlChpx
                size, = struct.unpack_from("<H", table, at)
                xst = table[at + 2:at + 2 + 2 * size].decode("utf-16-le", "replace")
                at += 2 + 2 * size
                pattern = re.sub("[\x00-\x08]", lambda m: f"%{ord(m.group()) + 1}", xst)
                levels[ilvl] = (start, _level_format(nfc), pattern, bool(flags & _LVL_LEGAL), restart)
            definitions[lsid] = levels
        fc, lcb = lfo
        count, = struct.unpack_from("<i", table, fc)
        lsids = struct.unpack_from("<" + "i12x" * min(count, lcb // 16), table, fc + 4)
    except (struct.error, IndexError):
        return {}
    return {k + 1: (lsid, definitions[lsid]) for k, lsid in enumerate(lsids) if lsid in definitions}


def _headers(text: str, table: bytes, fc_lcb: tuple, first: int, boxes: list | tuple = (),
             arts: list | tuple = ()) -> list:
    """The paragraphs of the first section's headers (see _FIRST_HEADERS) whose text ``text`` holds from CP
    ``first`` on (the header stories follow the main document and the footnotes), each header's text boxes' and
    WordArt's first, in the order of their anchors (``boxes``: see _text_boxes, anchored by a CP of the headers'
    text: a title set in a box there was lost; ``arts``: (the CP of its anchor, its text) each, see _drawing)."""
    fc, lcb = fc_lcb
    n = lcb // 4
    if fc + lcb > len(table) or n <= max(_FIRST_HEADERS) + 1:
        return []
    cps = struct.unpack_from(f"<{n}i", table, fc)

    def lines(lo: int, hi: int) -> list[str]:
        return [line for line in _Fields().shown(text[lo:hi].replace("\x07", "\r")).split("\r") if line]

    drawn = sorted([(anchor, lines(lo, hi)) for anchor, lo, hi in boxes if anchor is not None]
                   + [(anchor, [line for line in art.split("\n") if line]) for anchor, art in arts],
                   key=lambda found: found[0])
    out = []
    for story in _FIRST_HEADERS:
        boxed = [line for anchor, found in drawn if cps[story] <= anchor < cps[story + 1] for line in found]
        out.append(boxed + lines(first + cps[story], first + cps[story + 1]))
    return out


def _streams(data: bytes, path: str | None) -> tuple[bytes, bytes, bytes]:
    """The WordDocument stream, the table stream it names and the Data stream (or b''), else an error saying
    what the file is."""
    import olefile

    if not data.startswith(OLE_MAGIC):
        raise CorruptFileError(path, "not a valid Word document: not an OLE compound file")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            names = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
            if "WordDocument" not in names:
                raise UnsupportedFormatError(path, f"unsupported format: an OLE compound file holding "
                                                   f"{_held(names)}, not a Word document")
            for name in names & {"WordDocument", "0Table", "1Table", "Data"}:
                if ole.get_size(name) > len(data):  # (a damaged chain cannot make a stream larger than the file)
                    raise CorruptFileError(path, f"not a valid Word document: the {name} stream claims "
                                                 f"{ole.get_size(name)} bytes, more than the file's {len(data)}")
            word = ole.openstream("WordDocument").read()
            flags = struct.unpack_from("<H", word, 0x0A)[0] if len(word) >= 0x0C else 0
            name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
            if name not in names:
                if len(word) >= 0x0C and not flags & _F_ENCRYPTED and _nfib(word) >= _NFIB_WORD97:
                    raise CorruptFileError(path, f"not a valid Word document: its table stream {name} is missing")
                return word, b"", b""  # (Word 95 has none, an encrypted file is refused by its FIB)
            extra = ole.openstream("Data").read() if "Data" in names else b""
            return word, ole.openstream(name).read(), extra
    except (UnsupportedFormatError, CorruptFileError):
        raise
    except Exception as exc:  # olefile's errors on a damaged container (OSError, struct.error, IndexError …)
        raise CorruptFileError(path, f"not a valid Word document: damaged OLE container "
                                     f"({type(exc).__name__}: {exc})") from exc


def _held(names: set) -> str:
    """What an OLE file without a WordDocument stream holds, by its streams."""
    if any(name.startswith("__substg1.0_") for name in names):
        return "an Outlook message (.msg)"
    found = next((what for stream, what in _OTHER_OLE if stream in names), None)
    return found or "no WordDocument stream (its streams: " + ", ".join(sorted(names)[:8]) + ")"


def _nfib(word: bytes) -> int:
    return struct.unpack_from("<H", word, 2)[0]


def _fib(word: bytes, path: str | None) -> tuple[tuple[int, int, int], Callable[[int], tuple[int, int]]]:
    """The FIB's ccpText, ccpFtn and ccpHdd, and a function giving (fc, lcb) of the FibRgFcLcb97 entry of an
    index."""
    if len(word) < _FIB_RGW + 2:
        raise CorruptFileError(path, f"not a valid Word document: the WordDocument stream is {len(word)} bytes, "
                                     "too short for its header (FIB)")
    ident, nfib = struct.unpack_from("<HH", word, 0)
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if ident != _WORD_IDENT:
        raise CorruptFileError(path, f"not a valid Word document: its header (FIB) begins 0x{ident:04X}, "
                                     f"not 0x{_WORD_IDENT:04X}")
    if nfib < _NFIB_WORD97:
        raise UnsupportedFormatError(path, f"unsupported format: a Word 95 or older document (nFib 0x{nfib:X}); "
                                           "save it as .docx")
    if flags & _F_ENCRYPTED:
        raise CorruptFileError(path, "the Word document is encrypted (password-protected): remove the password, "
                                     "then save it as .docx")
    csw = struct.unpack_from("<H", word, _FIB_RGW)[0]
    lw = _FIB_RGW + 2 + 2 * csw  # cslw, then FibRgLw97
    if len(word) < lw + 2:
        raise CorruptFileError(path, "not a valid Word document: its header (FIB) is cut short")
    cslw = struct.unpack_from("<H", word, lw)[0]
    rg = lw + 2 + 4 * cslw + 2  # cbRgFcLcb, then FibRgFcLcb97
    if cslw < 4 or len(word) < rg or len(word) < rg + 8 * struct.unpack_from("<H", word, rg - 2)[0]:
        raise CorruptFileError(path, "not a valid Word document: its header (FIB) is cut short")
    # ccpText, ccpFtn, ccpHdd: the characters of the main document, the footnotes and the headers
    ccps = struct.unpack_from("<3i", word, lw + 2 + 12)
    count = struct.unpack_from("<H", word, rg - 2)[0]

    def fc_lcb(index: int) -> tuple[int, int]:
        if index >= count:
            raise CorruptFileError(path, "not a valid Word document: its header (FIB) is cut short")
        return struct.unpack_from("<II", word, rg + 8 * index)

    return ccps, fc_lcb


def _slice(stream: bytes, fc: int, lcb: int, path: str | None, what: str) -> bytes:
    if lcb == 0 or fc + lcb > len(stream):
        raise CorruptFileError(path, f"not a valid Word document: {what} lies outside the table stream "
                                     f"({fc}+{lcb} of {len(stream)} bytes)")
    return stream[fc:fc + lcb]


def _pieces(clx: bytes, size: int, path: str | None) -> list:
    """The pieces of the piece table: (first CP, last CP + 1, byte offset, 8-bit text?)."""
    i = 0
    while i + 3 <= len(clx) and clx[i] == 0x01:  # a Prc (property changes of pieces), skipped
        size = struct.unpack_from("<h", clx, i + 1)[0]
        if size < 0:  # (a step back would loop for ever)
            raise CorruptFileError(path, f"not a valid Word document: its piece table is damaged (a property "
                                         f"change of {size} bytes)")
        i += 3 + size
    if i + 5 > len(clx) or clx[i] != 0x02:
        raise CorruptFileError(path, "not a valid Word document: its piece table (Pcdt) is missing")
    lcb = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + lcb]
    n = (len(plc) - 4) // 12
    if lcb != len(plc) or n < 1 or (len(plc) - 4) % 12:
        raise CorruptFileError(path, f"not a valid Word document: its piece table is damaged ({lcb} bytes)")
    if n > _MAX_PIECES:
        raise CorruptFileError(path, f"not a valid Word document: its piece table has {n} pieces, more than "
                                     f"{_MAX_PIECES}")
    cps = struct.unpack_from(f"<{n + 1}i", plc)
    if cps[0] != 0:
        raise CorruptFileError(path, f"not a valid Word document: its piece table begins at character {cps[0]}, "
                                     "not 0")
    out = []
    for k in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc & 0x40000000)
        start = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        length = cps[k + 1] - cps[k]
        if length < 0 or start + length * (1 if compressed else 2) > size:
            raise CorruptFileError(path, f"not a valid Word document: piece {k + 1} of its piece table points "
                                         f"outside the WordDocument stream")
        out.append((cps[k], cps[k + 1], start, compressed))
    return out


def _main_text(word: bytes, pieces: list, ccp: int, path: str | None, upto: int | None = None):
    """The main document's text (and what follows up to CP ``upto``, as far as the pieces hold it), and a
    function giving the byte offset of a character of it."""
    upto = ccp if upto is None else max(upto, ccp)
    parts = []
    for first, end, start, compressed in pieces:
        if first >= upto:
            break
        n = min(end, upto) - first
        if compressed:
            parts.append(word[start:start + n].decode("latin-1").translate(_CP1252))
        else:
            parts.append(word[start:start + 2 * n].decode("utf-16-le", "replace"))
    text = "".join(parts)
    if ccp < 0 or len(text) < ccp:
        raise CorruptFileError(path, f"not a valid Word document: its piece table holds {len(text)} characters "
                                     f"of the main document's {ccp}")
    firsts = [p[0] for p in pieces]

    def offset(cp: int) -> int:
        first, _end, start, compressed = pieces[bisect.bisect_right(firsts, cp) - 1]
        return start + (cp - first) * (1 if compressed else 2)

    return text, offset


# of a character in _unshown's mask (_RAISED: shown, set raised; _STRUCK: struck through, not shown; _LOWERED: shown,
# set subscript)
_HIDDEN, _DELETED, _RAISED, _STRUCK, _LOWERED = 1, 2, 3, 4, 5
_PLACED = (_RAISED, _LOWERED)  # (shown, raised or set low)
# a paragraph mark Word does not show, deleted or hidden: the paragraph is shown on one line with the next (a hidden
# one too, as a DOCX's: a heading run in with its text; a paragraph hidden whole left out, its list number uncounted)
_JOINING = (_DELETED, _HIDDEN)


def _unshown(word: bytes, table: bytes, fc_lcb: tuple, pieces: list, ccp: int,
             stshf: tuple = (0, 0), codes: bytearray | None = None, symbols: dict | None = None) -> bytearray | None:
    """Which characters of the main document Word does not show (a mask: _HIDDEN, _DELETED) or shows raised
    (_RAISED), or None when it shows them all as set (the usual case): the runs of the character properties
    (PlcBteChpx → FKP → CHPX) marked as a tracked deletion, hidden text or superscript, set on the run or by its
    character style (sprmCIstd: the style sheet at ``stshf``, read only where a run names a style; see _styled).
    ``codes``, if given, takes each character's _toggle_codes (see _paragraph_styled); ``symbols``, if given, the
    operand of the sprmCSymbol of the characters set from a symbol font, by CP (see _with_symbols)."""
    styles: dict | None = None
    fc, lcb = fc_lcb
    n = (lcb - 4) // 8
    if n < 1 or fc + lcb > len(table):
        return None  # (no character properties: nothing hidden)
    ranges = []
    kinds: dict = {}
    symbol_runs = []
    for pn in struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1)):
        page = word[(pn & 0x3FFFFF) * _PAGE:((pn & 0x3FFFFF) + 1) * _PAGE]
        crun = page[-1] if len(page) == _PAGE else 0
        if 5 * crun + 4 > _PAGE - 1:
            continue  # (a damaged page hides nothing)
        rgfc = struct.unpack_from(f"<{crun + 1}I", page)
        for j in range(crun):
            at = 2 * page[4 * (crun + 1) + j]
            grpprl = page[at + 1:at + 1 + page[at]] if at else b""
            if symbols is not None and b"\x09\x6a" in grpprl:  # (sprmCSymbol's code: a cheap test first)
                operand = dict(_sprms(grpprl)).get(_C_SYMBOL)
                if operand is not None:
                    symbol_runs.append((rgfc[j], rgfc[j + 1], operand))
            found = kinds.get(grpprl)
            if found is None:
                sprms = dict(_sprms(grpprl))
                if _C_ISTD in sprms:  # a character style (the sheet read once, for the first)
                    styles = _style_sheet(table, *stshf) if styles is None else styles
                code = _toggle_codes(sprms, styles) if codes is not None else 0
                if _C_ISTD in sprms:
                    sprms = _styled(sprms, styles or {})
                found = kinds[grpprl] = (_DELETED if sprms.get(_C_DELETED, b"")[:1] in _ON else
                                         _HIDDEN if sprms.get(_C_HIDDEN, b"")[:1] in _ON else
                                         _STRUCK if any(sprms.get(s, b"")[:1] in _ON for s in _C_STRIKES) else
                                         _RAISED if _raised(sprms) else _LOWERED if _lowered(sprms) else 0,
                                         code | (0 if codes is None else _CODE_RAISED if _raised(sprms) else
                                                 _CODE_LOWERED if _lowered(sprms) else 0))
            if found != (0, 0):
                ranges.append((rgfc[j], rgfc[j + 1], *found))
    if symbols is not None:
        for cp_lo, cp_hi, operand in _cp_ranges(symbol_runs, pieces, ccp):
            symbols.update((cp, operand) for cp in range(cp_lo, cp_hi))
    if not ranges:
        return None
    mask = bytearray(ccp)
    for cp_lo, cp_hi, kind, code in _cp_ranges(ranges, pieces, ccp):
        mask[cp_lo:cp_hi] = bytes([kind]) * (cp_hi - cp_lo)
        if codes is not None:
            codes[cp_lo:cp_hi] = bytes([code]) * (cp_hi - cp_lo)
    return mask if any(mask) else None


def _cp_ranges(ranges: list, pieces: list, ccp: int) -> Iterator[tuple]:
    """The characters of the main document (CP ranges, with what follows them in each of ``ranges``) whose bytes
    begin in the byte ranges (lo, hi, …) of ``ranges``, piece by piece."""
    for first, end, start, compressed in pieces:
        width = 1 if compressed else 2
        count = min(end, ccp) - first
        for lo, hi, *rest in ranges:  # the piece's characters whose bytes begin in [lo, hi)
            k_lo = max(-(-(lo - start) // width), 0)
            k_hi = min(-(-(hi - start) // width), count)
            if k_lo < k_hi:
                yield (first + k_lo, first + k_hi, *rest)


def _with_symbols(text: str, symbols: dict, table: bytes, sttbf: tuple) -> str:
    """``text`` with the characters set from a symbol font (``symbols``: by CP, the operand of their sprmCSymbol: the
    font's index into the font table at ``sttbf``, the character) as a DOCX's w:sym reads them: the '(' the text
    stream holds in their place read a minus sign from the Symbol font before 22 as '(22'."""
    from toolkit.word import _docx_symbol  # (not at the top: toolkit.word imports this module)

    fonts = _font_names(table, sttbf)
    chars = list(text)
    for cp, operand in symbols.items():
        if cp < len(chars) and chars[cp] == _SYMBOL_HELD and len(operand) >= 4:
            ftc, xchar = struct.unpack_from("<HH", operand)
            # (a code below 0x100 is a byte of the symbol font, as F000 plus it)
            chars[cp] = _docx_symbol(fonts.get(ftc), f"{xchar | 0xF000 if xchar < 0x100 else xchar:04X}")
    return "".join(chars)


def _font_names(table: bytes, sttbf: tuple) -> dict:
    """The names of the fonts of the font table (SttbfFfn: an FFN each, its cbFfnM1 first, its name, 0-terminated
    UTF-16, 40 bytes in) at ``sttbf`` of the table stream, by index; {} where it is missing or damaged."""
    fc, lcb = sttbf
    end = min(fc + lcb, len(table))
    names: dict = {}
    try:
        count, = struct.unpack_from("<H", table, fc)
        at = fc + 4  # (after cData and cbExtra)
        for k in range(count):
            size = table[at] + 1
            if at + size > end:
                break
            name = table[at + 40:at + size].decode("utf-16-le", "replace")
            names[k] = name.split("\0", 1)[0]
            at += size
    except (struct.error, IndexError):
        pass
    return names


# A paragraph style's hidden text or strike (sprmCFVanish, sprmCFStrike, sprmCFDStrike in its character properties):
# what each character's own properties make of it, a code of two bits a property (_toggle_codes: hidden, struck,
# double struck), and whether it is raised. A run's own 0 or 1 decides; else its character style, which toggles the
# paragraph style's setting where it sets it on (ECMA-376 17.7.3, as in a DOCX) and sets it off where off; 0x81 is
# the opposite of what the styles make of it.
_SAME, _NOT, _OFF, _ON_ALWAYS = 0, 1, 2, 3
_TOGGLES = (_C_HIDDEN, *_C_STRIKES)
_CODE_RAISED, _CODE_LOWERED = 0x40, 0x80
_TOGGLE_BYTES = (b"\x3c\x08", b"\x37\x08", b"\x53\x2a")  # (the toggles' sprms, as a style sheet stores them)


def _toggle_codes(sprms: dict, styles: dict | None) -> int:
    """What a run's character ``sprms`` (as read, before _styled) make of each toggle its paragraph style sets: the
    codes (_SAME, _NOT, _OFF, _ON_ALWAYS) of hidden, struck and double struck, two bits each."""
    istd = int.from_bytes(sprms[_C_ISTD][:2], "little") if _C_ISTD in sprms else None
    out = 0
    for k, toggle in enumerate(_TOGGLES):
        by_style = _style_value(styles or {}, istd, toggle)[:1] if istd is not None else b""
        code = _NOT if by_style in _ON else _OFF if by_style else _SAME
        own = sprms.get(toggle, b"\x80")[:1]
        if own == b"\x81":
            code ^= 1  # (the opposite: _SAME and _NOT, _OFF and _ON_ALWAYS)
        elif own != b"\x80":
            code = _ON_ALWAYS if own in _ON else _OFF
        out |= code << 2 * k
    return out


def _toggled(code: int, on: bool) -> bool:
    """Whether a toggle of ``code`` (see _toggle_codes) is on in a paragraph whose style sets it ``on``."""
    return bool(code & 1) if code & 2 else on != bool(code & 1)


def _paragraph_toggles(table: bytes, stshf: tuple) -> dict:
    """The styles of the style sheet at ``stshf`` that set hidden text or a strike on (a paragraph style, or one
    of its bases): {istd: (hidden, struck, double struck)}; {} where none does (the usual case: the sheet's bytes
    hold none of the toggles' sprms, a check made before the sheet is read)."""
    styles = _style_sheet_holding(table, stshf, *_TOGGLE_BYTES)
    settings = {istd: tuple(_style_value(styles, istd, toggle)[:1] in _ON for toggle in _TOGGLES) for istd in styles}
    return {istd: on for istd, on in settings.items() if any(on)}


def _paragraph_styled(text: str, unshown: bytearray | None, codes: bytearray, ccp: int, by_paragraph: dict,
                      style_at: Callable[[int], int]) -> bytearray | None:
    """``unshown`` (see _unshown) with the text of the paragraphs whose style hides or strikes it (``by_paragraph``,
    see _paragraph_toggles; ``style_at(cp)``: the style of the paragraph whose mark is at ``cp``) hidden or struck,
    its mark too, unless the characters' own properties (``codes``, see _toggle_codes) say otherwise; a deleted
    character stays deleted."""
    mask = bytearray(ccp) if unshown is None else unshown
    start = 0
    for match in _MARKS.finditer(text, 0, ccp):
        cp = match.start()
        on = by_paragraph.get(style_at(cp))
        if on is not None:
            hidden, struck, double = on
            for k in range(start, cp + 1):
                code = codes[k]
                if mask[k] != _DELETED:
                    mask[k] = (_HIDDEN if _toggled(code, hidden) else
                               _STRUCK if _toggled(code >> 2 & 3, struck) or _toggled(code >> 4 & 3, double) else
                               _RAISED if code & _CODE_RAISED else _LOWERED if code & _CODE_LOWERED else 0)
        start = cp + 1
    return mask if any(mask) else None


def _keep_struck_cells(text: str, unshown: bytearray, ccp: int, props_at: Callable[[int], "_Props"]) -> None:
    """Show again (in ``unshown``, see _unshown) the struck text of the table cells all of whose shown text is struck
    through: it is the cell's value (losing a value would be worse than reading one struck out), as the DOCX and HTML
    readers keep it.  A cell is its paragraphs in a table up to its cell mark (a nested table's cell: up to the mark
    that ends it); ``props_at(cp)``: the properties of the paragraph whose mark is at ``cp``."""
    start, cell_start = 0, None
    for match in _MARKS.finditer(text, 0, ccp):
        cp = match.start()
        props = props_at(cp)
        if not props.depth:
            cell_start = None
        else:
            cell_start = start if cell_start is None else cell_start
            if match.group() == "\x07" or props.cell_end:
                span = range(cell_start, cp)
                if any(unshown[k] == _STRUCK for k in span) and not any(
                        unshown[k] in (0, *_PLACED) and not text[k].isspace() and text[k] not in "\r\x07"
                        for k in span):
                    for k in span:
                        if unshown[k] == _STRUCK:
                            unshown[k] = 0
                cell_start = None
        start = cp + 1


def _style_sheet(table: bytes, fc: int, lcb: int) -> dict:
    """The style sheet (STSH) at ``fc`` of the table stream, by style (istd): (the style it is based on, the
    sprms of its character properties that decide how its text is shown: sprmCIss, sprmCHpsPos, sprmCFVanish); {} where the sheet
    is missing, and a style cut short left out (its text shown as set on its runs, as before styles were read)."""
    out: dict = {}
    try:
        end = min(fc + lcb, len(table))
        at = fc + 2 + struct.unpack_from("<H", table, fc)[0]  # (after the STSHI)
        base_size = struct.unpack_from("<H", table, fc + 4)[0]  # STSHI's cbSTDBaseInFile
        for istd in range(struct.unpack_from("<H", table, fc + 2)[0]):  # STSHI's cstd
            size, = struct.unpack_from("<H", table, at)
            std, at = at + 2, at + 2 + size
            if not size or at > end:
                continue  # (an empty slot)
            kind_base, = struct.unpack_from("<H", table, std + 2)
            name = std + base_size
            upx = name + 4 + 2 * struct.unpack_from("<H", table, name)[0]  # (the name: cch, its chars, a 0)
            # the UPXs: a paragraph style's (stk 1) paragraph, then character properties; a character style's (2)
            # character properties only (each cbUpx, then the UPX, padded to an even size)
            sprms: dict = {}
            for _ in range({1: 1, 2: 0}.get(kind_base & 0x0F, -1)):
                size = struct.unpack_from("<H", table, upx)[0]
                if size > 2 and upx + 2 + size <= at:  # (its istd, then the sprms: the list it numbers)
                    sprms.update((sprm, op) for sprm, op in _sprms(table[upx + 4:upx + 2 + size])
                                 if sprm in _STYLE_LIST_SPRMS)
                upx += 2 + (size + 1 & ~1)
            if upx < at and kind_base & 0x0F in (1, 2):
                chpx = table[upx + 2:min(upx + 2 + struct.unpack_from("<H", table, upx)[0], at)]
                sprms.update((sprm, operand) for sprm, operand in _sprms(chpx) if sprm in _STYLE_SPRMS)
            out[istd] = (kind_base >> 4, sprms)
    except struct.error:
        return out
    return out


_STYLE_SPRMS = frozenset({_C_ISS, _C_HPS_POS, _C_HIDDEN, *_C_STRIKES})  # (those _style_sheet keeps)
# (and, of a paragraph style, the list and level it numbers and the tab stops it adds)
_STYLE_LIST_SPRMS = frozenset({_P_ILFO, _P_ILVL, _P_CHG_TABS_PAPX})
_ILFO_BYTES = b"\x0b\x46"  # (sprmPIlfo, as a style sheet stores it)


_TABS_BYTES = b"\x0d\xc6"  # (sprmPChgTabsPapx, as a style sheet stores it)


def _style_sheet_holding(table: bytes, stshf: tuple, *sprms: bytes) -> dict:
    """The style sheet at ``stshf`` (see _style_sheet) where its bytes hold one of ``sprms``' codes as a sheet stores
    them, else {}: most documents' styles set no such property, and the sheet is then not read."""
    fc, lcb = stshf
    return _style_sheet(table, fc, lcb) if any(table.find(sprm, fc, fc + lcb) >= 0 for sprm in sprms) else {}


def _style_tab_stops(table: bytes, stshf: tuple) -> dict:
    """The tab stops of the paragraph styles of the style sheet at ``stshf`` of which one has a leader (Word's
    'toc 1', whose right tab stop draws a table of contents' dots), {istd: {position: leader (TBD.tlc)}}, a style's
    merged with its bases' as Word merges them (a style's sprmPChgTabsPapx deletes and adds to its base's); {} where
    none has (the usual case: the sheet's bytes hold no sprmPChgTabsPapx, a check made before the sheet is read)."""
    styles = _style_sheet_holding(table, stshf, _TABS_BYTES)
    out = {}
    for istd in styles:
        chain, cur = [], istd
        while cur in styles and cur not in chain:  # (a loop of bases in a damaged sheet ends)
            chain.append(cur)
            cur = styles[cur][0]
        stops: dict = {}
        for base in reversed(chain):
            op = styles[base][1].get(_P_CHG_TABS_PAPX)
            if op is not None and len(op) >= 2:
                _change_tab_stops(stops, op, False)
        if any(stops.values()):
            out[istd] = stops
    return out


def _style_numbers(table: bytes, stshf: tuple) -> dict:
    """The lists the paragraph styles of the style sheet at ``stshf`` number (Word's 'Heading 1' linked to a list:
    sprmPIlfo, sprmPIlvl in the style's paragraph properties, or its base's), {istd: (ilfo, ilvl or None)}; {} where
    none does (the usual case: the sheet's bytes hold no sprmPIlfo, a check made before the sheet is read)."""
    styles = _style_sheet_holding(table, stshf, _ILFO_BYTES)
    out = {}
    for istd in styles:
        ilfo, ilvl = _style_value(styles, istd, _P_ILFO), _style_value(styles, istd, _P_ILVL)
        if len(ilfo) == 2:
            out[istd] = (ilfo[0] | ilfo[1] << 8, ilvl[0] if ilvl and ilvl[0] <= 8 else None)
    return out


def _raised(sprms: dict) -> bool:
    """Whether character ``sprms`` set their text raised: superscript (sprmCIss 1) or lifted above the line
    (sprmCHpsPos > 0: a footnote mark typed 'Raised by 3 pt')."""
    if sprms.get(_C_ISS, b"")[:1] == _SUPERSCRIPT:
        return True
    lift = sprms.get(_C_HPS_POS, b"")
    return len(lift) >= 2 and int.from_bytes(lift[:2], "little", signed=True) > 0


def _lowered(sprms: dict) -> bool:
    """Whether character ``sprms`` set their text subscript (sprmCIss 2: a footnote mark set low after a value, left
    out by the reader as a DOCX's w:vertAlign subscript is)."""
    return sprms.get(_C_ISS, b"")[:1] == _SUBSCRIPT


def _style_value(styles: dict, istd: int, sprm: int) -> bytes:
    """The operand of ``sprm`` that style ``istd`` of ``styles`` (see _style_sheet) sets, or a style it is based
    on does, the nearest first; b'' where none does."""
    seen = set()
    while istd in styles and istd not in seen:  # (a loop of bases in a damaged sheet ends)
        seen.add(istd)
        istd, sprms = styles[istd]
        if sprm in sprms:
            return sprms[sprm]
    return b""


def _styled(sprms: dict, styles: dict) -> dict:
    """A run's character ``sprms`` with what its character style (sprmCIstd, see _style_sheet) sets of the text's
    position and hiding: the style's position where the run sets none, hidden where the style hides and the run
    does not show it (sprmCFVanish 0 or 0x81, the opposite of the style's), or where it hides itself."""
    istd = int.from_bytes(sprms[_C_ISTD][:2], "little")
    if _C_ISS not in sprms and _C_HPS_POS not in sprms:  # (the run's own position, either way, decides)
        sprms[_C_ISS] = _style_value(styles, istd, _C_ISS)
        sprms[_C_HPS_POS] = _style_value(styles, istd, _C_HPS_POS)
    for toggle in (_C_HIDDEN, *_C_STRIKES):  # (struck through as hidden: the run's own setting decides first)
        own = sprms.get(toggle, b"\x80")[:1]  # (0x80: as the style)
        if own in (b"\x80", b"\x81"):
            hides = _style_value(styles, istd, toggle)[:1] in _ON
            sprms[toggle] = b"\x01" if hides != (own == b"\x81") else b"\x00"
    return sprms


def _shown(text: str, unshown: bytearray, start: int, end: int) -> str:
    """``text[start:end]`` but for the characters Word does not show, raised ones between _RAISE and _LOWER,
    subscript ones between _SUB and _SUB_END."""
    out = []
    place = 0  # (_RAISED or _LOWERED while such text runs)
    for c, kind in zip(text[start:end], unshown[start:end]):
        if kind == _HIDDEN or kind == _DELETED or kind == _STRUCK:
            continue
        now = kind if kind in _PLACED else 0
        if now != place:
            if place:
                out.append(_LOWER if place == _RAISED else _SUB_END)
            if now:
                out.append(_RAISE if now == _RAISED else _SUB)
            place = now
        out.append(c)
    if place:  # (closed at the chunk's end: a chunk joined after it, past a deleted paragraph mark, is not raised)
        out.append(_LOWER if place == _RAISED else _SUB_END)
    return "".join(out)


_PLACE_MARKS = re.compile(f"([{_RAISE}{_LOWER}{_SUB}{_SUB_END}])")


def _with_raised(text: str) -> str:
    """A paragraph's shown text, its raised parts (between _RAISE and _LOWER, see _shown) given as a
    :class:`Paragraph`'s ``raised`` spans, its subscript parts (between _SUB and _SUB_END) as its ``lowered``."""
    if _RAISE not in text and _SUB not in text:
        return text
    spans: dict = {_RAISE: [], _SUB: []}
    plain, at, begun, which = [], 0, 0, None
    for part in _PLACE_MARKS.split(text):
        if part == _RAISE or part == _SUB:
            which, begun = part, at
        elif part == _LOWER or part == _SUB_END:
            if which is not None and at > begun:
                spans[which].append((begun, at))
            which = None
        else:
            plain.append(part)
            at += len(part)
    out = Paragraph("".join(plain))
    out.number, out.raised, out.lowered = None, tuple(spans[_RAISE]), tuple(spans[_SUB])
    return out


@dataclass(frozen=True)
class _Props:
    """What a paragraph's properties say of its place in a table."""

    depth: int = 0  # the table depth (0: not in a table)
    row_end: bool = False  # its mark ends a row of the table at its depth (sprmPFTtp, sprmPFInnerTtp)
    cell_end: bool = False  # its paragraph mark ends a nested table's cell (sprmPFInnerTableCell)
    covered: tuple = ()  # of a row end: the cells covered by a merged cell (by index)
    down: tuple = ()  # of a row end: those of them covered by the cell above them (a vertical merge)
    bounds: tuple = ()  # of a row end: its cells' boundaries, in twips (sprmTDefTable's rgdxaCenter)
    number: tuple | None = None  # the list and level numbering the paragraph
    leader: str | None = None  # the leader of its rightmost tab stop (see Paragraph)
    style: int = 0  # its paragraph style (istd)
    drop_cap: bool = False  # it is a drop cap (sprmPDcs), which Word shows as the start of the next paragraph


_NO_PROPS = _Props()


class _Papx:
    """The paragraph properties of a paragraph, by the byte offset of its mark (PlcBtePapx → FKP → PAPX)."""

    def __init__(self, word: bytes, plc: bytes, extra: bytes, path: str | None) -> None:
        n = (len(plc) - 4) // 8
        if n < 1 or (len(plc) - 4) % 8:
            raise CorruptFileError(path, "not a valid Word document: its paragraph properties (PlcBtePapx) "
                                         "are damaged")
        self.fcs = struct.unpack_from(f"<{n + 1}I", plc)
        self.pages = [pn & 0x3FFFFF for pn in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))]
        self.word, self.extra, self.path = word, extra, path
        self.fkps: dict = {}
        self.props: dict = {}
        self.style_numbers: dict = {}  # the lists paragraph styles number (see _style_numbers)
        self.style_tabs: dict = {}  # the tab stops of paragraph styles, one with a leader (see _style_tab_stops)

    def at(self, fc: int) -> _Props:
        k = bisect.bisect_right(self.fcs, fc) - 1
        if k < 0 or k >= len(self.pages):
            return _NO_PROPS
        fkp = self.fkps.get(k)
        if fkp is None:
            fkp = self.fkps[k] = self._fkp(self.pages[k])
        rgfc, offsets = fkp
        j = bisect.bisect_right(rgfc, fc) - 1
        if j < 0 or j >= len(offsets):
            return _NO_PROPS
        grpprl = self._grpprl(self.pages[k], offsets[j])
        props = self.props.get(grpprl)  # (paragraphs share few distinct properties)
        if props is None:
            istd = int.from_bytes(grpprl[:2], "little")
            props = self.props[grpprl] = _paragraph(grpprl[2:], self.extra, istd, self.style_numbers.get(istd),
                                                    self.style_tabs.get(istd))
        return props

    def _fkp(self, pn: int) -> tuple:
        page = self.word[pn * _PAGE:(pn + 1) * _PAGE]
        if len(page) < _PAGE:
            raise CorruptFileError(self.path, f"not a valid Word document: its paragraph properties point to "
                                              f"page {pn}, outside the WordDocument stream")
        crun = page[-1]
        if 4 * (crun + 1) + 13 * crun > _PAGE - 1:
            raise CorruptFileError(self.path, f"not a valid Word document: paragraph properties page {pn} "
                                              "is damaged")
        rgfc = struct.unpack_from(f"<{crun + 1}I", page)
        return rgfc, [page[4 * (crun + 1) + 13 * j] for j in range(crun)]

    def _grpprl(self, pn: int, b: int) -> bytes:
        page = self.word[pn * _PAGE:(pn + 1) * _PAGE]
        if b == 0:
            return b""  # a paragraph with the default properties
        at = 2 * b
        cb = page[at] if at < _PAGE else 0
        if cb == 0 and at + 1 < _PAGE:
            at, size = at + 2, 2 * page[at + 1]
        else:
            at, size = at + 1, 2 * cb - 1
        return page[at:at + size]  # (the style index, istd, then the sprms)


def _sprms(grpprl: bytes) -> list:
    """The (sprm, operand) pairs of a grpprl."""
    out = []
    i, n = 0, len(grpprl)
    while i + 2 <= n:
        sprm = grpprl[i] | grpprl[i + 1] << 8
        i += 2
        size = _SPRA_SIZE[sprm >> 13]
        if not size:
            if sprm == _T_DEF_TABLE and i + 2 <= n:
                size = (grpprl[i] | grpprl[i + 1] << 8) + 1
            elif sprm == _P_CHG_TABS and i < n and grpprl[i] == 255 and i + 1 < n:
                deleted = grpprl[i + 1]
                added_at = i + 2 + 4 * deleted
                size = 2 + 4 * deleted + 1 + 3 * (grpprl[added_at] if added_at < n else 0)
            elif i < n:
                size = 1 + grpprl[i]
            else:
                break
        out.append((sprm, grpprl[i:i + size]))
        i += size
    return out


def _paragraph(grpprl: bytes, extra: bytes, style: int = 0, style_number: tuple | None = None,
               style_tabs: dict | None = None) -> _Props:
    """What a paragraph's sprms say of its place in a table (``extra``: the Data stream; ``style``: its istd), of
    the list numbering it, its own sprmPIlfo and sprmPIlvl deciding over its style's (``style_number``), and of its
    rightmost tab stop's leader (its own stops merged with its style's, ``style_tabs``)."""
    depth, in_table, ttp, inner_ttp, inner_cell, ilfo, ilvl = 0, False, False, False, False, 0, None
    leader, drop_cap = None, False
    stops = None if style_tabs is None else dict(style_tabs)
    covered: dict = {}
    bounds: tuple = ()
    sprms = _sprms(grpprl)
    for sprm, op in sprms:
        if sprm in _P_HUGE_PAPX and len(op) == 4:  # too many for the FKP: a PrcData in the Data stream
            at = struct.unpack("<I", op)[0]
            size = struct.unpack_from("<H", extra, at)[0] if at + 2 <= len(extra) else 0
            sprms.extend(_sprms(extra[at + 2:at + 2 + size]))
    for sprm, op in sprms:
        if not op:
            continue
        if sprm == _P_IN_TABLE:
            in_table = bool(op[0])
        elif sprm == _P_ITAP and len(op) == 4:
            depth = struct.unpack("<i", op)[0]
        elif sprm == _P_TTP:
            ttp = bool(op[0])
        elif sprm == _P_INNER_TTP:
            inner_ttp = bool(op[0])
        elif sprm == _P_INNER_CELL:
            inner_cell = bool(op[0])
        elif sprm == _P_ILFO and len(op) == 2:
            ilfo = op[0] | op[1] << 8
        elif sprm == _P_ILVL:
            ilvl = op[0] if op[0] <= 8 else 0
        elif sprm == _P_DCS:
            drop_cap = (op[0] & 0x07) in _DROP_CAPS
        elif sprm in (_P_CHG_TABS_PAPX, _P_CHG_TABS) and len(op) >= 2:
            if stops is None:
                leader = _tab_leader(op, sprm == _P_CHG_TABS)
            else:
                _change_tab_stops(stops, op, sprm == _P_CHG_TABS)
        elif sprm == _T_DEF_TABLE and len(op) >= 3:
            cells = op[2]
            at = 3 + 2 * (cells + 1)  # after itcMac and rgdxaCenter: the TC80s, 20 bytes each
            if len(op) >= at:
                bounds = struct.unpack_from(f"<{cells + 1}h", op, 3)
            for itc in range(min(cells, max(len(op) - at, 0) // 20)):
                tcgrf = op[at + 20 * itc] | op[at + 20 * itc + 1] << 8
                # horzMerge 2: merged into the cell left of it; vertMerge 1: into the cell above it
                covered[itc] = "across" if (tcgrf & 0x3) == 2 else "down" if (tcgrf >> 5 & 0x3) == 1 else None
        elif sprm == _T_VERT_MERGE and len(op) >= 3:
            covered[op[1]] = "down" if (op[2] & 0x3) == 1 else covered.get(op[1]) if op[2] & 0x3 else None
    if style_number is not None and not any(sprm == _P_ILFO for sprm, _ in sprms):  # (numbered by its style)
        ilfo, ilvl = style_number[0], style_number[1] if ilvl is None else ilvl
    ilvl = ilvl or 0
    if stops:  # (its style's stops, one with a leader, and its own: the rightmost decides)
        tlc = stops[max(stops)]
        leader = _TAB_LEADERS[tlc] if tlc < len(_TAB_LEADERS) else None
    depth = max(min(depth, _MAX_DEPTH), 1) if in_table or depth > 0 else 0
    row_end = ttp if depth <= 1 else inner_ttp
    return _Props(depth, row_end, inner_cell and depth > 1, tuple(sorted(k for k, v in covered.items() if v)),
                  tuple(sorted(k for k, v in covered.items() if v == "down")), bounds,
                  None if ilfo in _NO_LIST else (ilfo, ilvl), leader, style, drop_cap and not depth)


def _tab_leader(op: bytes, close: bool) -> str | None:
    """The leader of the rightmost tab stop the operand ``op`` (its cb first) of a sprmPChgTabsPapx adds (of a
    sprmPChgTabs, with ``close``: its deleted stops have a close width each too), None where it adds none."""
    deleted = op[1]
    at = 2 + (4 if close else 2) * deleted
    added = op[at] if at < len(op) else 0
    if not added or at + 1 + 3 * added > len(op):
        return None
    stops = [(struct.unpack_from("<h", op, at + 1 + 2 * k)[0], op[at + 1 + 2 * added + k] >> 3 & 0x7)
             for k in range(added)]
    tlc = max(stops)[1]
    return _TAB_LEADERS[tlc] if tlc < len(_TAB_LEADERS) else None


def _change_tab_stops(stops: dict, op: bytes, close: bool) -> None:
    """Apply to ``stops`` ({position: TBD.tlc}) the tab stops the operand ``op`` (its cb first) of a
    sprmPChgTabsPapx (of a sprmPChgTabs, with ``close``) deletes and adds, as Word merges a paragraph's with its
    style's."""
    deleted = op[1]
    for k in range(min(deleted, (len(op) - 2) // 2)):
        stops.pop(struct.unpack_from("<h", op, 2 + 2 * k)[0], None)
    at = 2 + (4 if close else 2) * deleted
    added = op[at] if at < len(op) else 0
    if added and at + 1 + 3 * added <= len(op):
        for k in range(added):
            stops[struct.unpack_from("<h", op, at + 1 + 2 * k)[0]] = op[at + 1 + 2 * added + k] >> 3 & 0x7


def _with_leader(text: str, leader: str | None) -> str:
    """A paragraph's text with the leader of its rightmost tab stop, which its last tab reaches (a table of
    contents' entry: '一、总体情况', a tab filled with dots, '1'), as a :class:`Paragraph`'s ``leader``."""
    if leader in (None, "none") or "\t" not in text:
        return text
    out = Paragraph(text)
    out.number = text.number if isinstance(text, Paragraph) else None
    out.raised, out.lowered, out.leader = getattr(text, "raised", ()), getattr(text, "lowered", ()), leader
    return out


# Fields whose result is a page number (the page's, the document's or the section's count of pages): furniture, as a
# PDF's page numbers, read into the text around it ('5' in a cell, then page 3: 53)
_PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})


def _page_field(code: str | None) -> bool:
    r"""Whether a Word field's code (its instruction, ``' PAGE \* MERGEFORMAT '``) is a page number's: its result is
    left out of a paragraph's text (DOCX and .doc alike), but where the paragraph is a page number alone.

    Examples
    --------
    >>> _page_field(" PAGE \\* MERGEFORMAT "), _page_field("numpages"), _page_field(" PAGEREF _Toc1 \\h ")
    (True, True, False)
    """
    words = (code or "").split(None, 1)
    return bool(words) and words[0].upper() in _PAGE_FIELDS


def _page_number_alone(text: str) -> bool:
    """Whether a paragraph's shown text is a page number alone ('- 3 -', '第 3 页 共 5 页': furniture, dropped later)."""
    return is_page_furniture(normalize_line(_PLACE_MARKS.sub("", text)))


class _Fields:
    """The text a paragraph shows: a field's result, not its code (fields may nest and span paragraphs)."""

    def __init__(self) -> None:
        # per open field: its code so far, or once its result has begun None (False: a page number's, see _page_field)
        self.open: list = []
        self.objects: list = []

    def shown(self, text: str) -> str:
        if not self.open and "\x13" not in text:
            return text.translate(_SHOWN)
        out: list[str] = []
        page_parts: list[int] = []  # where in ``out`` a page number field's result stands
        for part in _FIELD_CHARS.split(text):
            if part == "\x13":
                self.open.append("")
            elif part in ("\x14", "\x15"):
                if self.open and isinstance(self.open[-1], str):
                    self._code(self.open[-1])
                    self.open[-1] = False if _page_field(self.open[-1]) else None  # its result begins
                if part == "\x15" and self.open:
                    self.open.pop()
            elif not any(isinstance(code, str) for code in self.open):
                if False in self.open:
                    page_parts.append(len(out))
                out.append(part)  # text, or a field's result (not inside another field's code)
            elif isinstance(self.open[-1], str):
                self.open[-1] += part
        shown = "".join(out).translate(_SHOWN)
        if not page_parts or _page_number_alone(shown):
            return shown
        for k in page_parts:  # (as the DOCX reader: furniture read into a cell's value, '5' and page 3 read 53)
            out[k] = ""
        return "".join(out).translate(_SHOWN)

    def _code(self, code: str) -> None:
        words = code.split()
        if words[:1] == ["EMBED"]:  # an embedded object: its ProgID
            self.objects.append(words[1] if len(words) > 1 else "of unknown kind")


#: Cell boundaries closer than this (twips: a point) are one boundary of a table's grid; no column is so narrow.
_GRID_TOLERANCE = 20


class _Table:
    def __init__(self) -> None:
        self.rows: list = []
        self.row: list = []
        self.cell = Cell()
        self.bounds: list = []  # each row's cell boundaries (see _Props.bounds), () where it gives none

    def spans(self) -> None:
        """Set each cell's ``span``: the table's grid columns it spans, its row's cell boundaries against the grid
        all its rows' boundaries make (as Word makes a DOCX's w:tblGrid and w:gridSpan of them), boundaries closer
        than ``_GRID_TOLERANCE`` one."""
        grid: list = []
        for x in sorted({x for bounds in self.bounds for x in bounds}):
            # (a boundary a few twips from the one before, a writer's rounding, is that one: a grid column of a few
            # twips made each cell over it span two, a count read as merged across, a blank as two blanks)
            if not grid or x - grid[-1] >= _GRID_TOLERANCE:
                grid.append(x)
        for row, bounds in zip(self.rows, self.bounds):
            # (a row whose boundaries do not fit its cells, or do not rise, as a writer that leaves them 0: no spans)
            if len(bounds) != len(row) + 1 or any(b <= a for a, b in zip(bounds, bounds[1:])):
                continue
            for cell, left, right in zip(row, bounds, bounds[1:]):
                cell.span = max(bisect.bisect_right(grid, right) - bisect.bisect_right(grid, left), 1)


class _Builder:
    """Paragraphs, with their marks and properties, into blocks: the tables' cells and rows."""

    def __init__(self) -> None:
        self.body: list = []
        self.open: list = []  # the tables open at each depth
        self.numbered = False  # whether a paragraph is an item of a list

    def _into(self) -> list:
        return self.open[-1].cell.blocks if self.open else self.body

    def _close(self) -> None:
        table = self.open.pop()
        if table.cell.blocks:  # a row without its end mark (a damaged file): its cells so far
            table.row.append(table.cell)
        if table.row:
            table.rows.append(table.row)
        if table.rows:
            table.spans()
            self._into().append(table.rows)

    def add(self, text: str, mark: str, props: _Props, deleted: bool = False) -> None:
        """Add a paragraph's ``text`` ending with ``mark`` (``deleted``: the mark is a tracked deletion)."""
        depth = props.depth or (1 if mark == "\x07" else 0)
        while len(self.open) > depth:
            self._close()
        while len(self.open) < depth:
            self.open.append(_Table())
        if props.number is not None:
            if not isinstance(text, Paragraph):
                text = Paragraph(text)
            text.number = props.number
            self.numbered = True
        if not depth:
            self.body.append(text)
            return
        table = self.open[-1]
        if props.row_end and (mark == "\x07" or depth > 1):
            if deleted:  # (a row deleted as a tracked change, its end mark too: Word's final view shows no row)
                table.row, table.cell = [], Cell()
                return
            for itc in props.covered:
                if itc < len(table.row):
                    table.row[itc].merged = True
                    table.row[itc].above = itc in props.down
            table.rows.append(table.row)
            table.bounds.append(props.bounds)
            table.row, table.cell = [], Cell()
            return
        table.cell.blocks.append(text)
        if mark == "\x07" if depth == 1 else props.cell_end:
            table.row.append(table.cell)
            table.cell = Cell()

    def put(self, blocks: list) -> None:
        """Put ``blocks`` (a text box's) in the body, after the tables open (closed)."""
        if blocks:
            while self.open:
                self._close()
            self.body.extend(blocks)

    def close(self) -> list:
        while self.open:
            self._close()
        return self.body
