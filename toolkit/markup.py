"""What the readers of marked-up documents (HTML in :mod:`toolkit.webpage`, Word in :mod:`toolkit.readers`) share:
a cell's value text, cells merged down over rows (warned of: ``merged_down``), list numbers as Word or a browser
shows them, footnote marks, and white space.
"""
from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable, Collection
from typing import Literal

from toolkit.document import _warn
from toolkit.normalize import FOOTNOTE_SYMBOLS, NA_MARKS, alternation, cn_numeral_text


_WS_RE = re.compile(r"[ \t\n\r\f\x00]+")


# A footnote mark set as a superscript: '120<sup>1</sup>' would read as 1201; also in brackets or after 注
# ('120<sup>[1]</sup>', '<sup>(1)</sup>', '<sup>注1</sup>', '<sup>※</sup>'), which made the value no number, and two
# or more marks in one ('<sup>1,2</sup>', '<sup>[1,2]</sup>', '<sup>1、2</sup>'; a part after the first of one or two
# characters: '1,000' is no list of marks), a range of marks among them ('<sup>1-3</sup>', '<sup>[1~3]</sup>', '1,3-5';
# raised only: '1-3' in a cell's own text is never read as marks); a symbol mark is any of
# :data:`toolkit.normalize.FOOTNOTE_SYMBOLS` (an asterisk in its look-alikes, ※, daggers), as typed marks are.  The
# full-width forms a Chinese input method types ('<sup>［1］</sup>', '＃', 'ａ'; digits are \d) are marks too, as the
# text's normalization makes them the ASCII ones: they were read into the value ('88［1］', no number).
_MARK_CHARS = rf"[\d{FOOTNOTE_SYMBOLS}＃a-zａ-ｚ①-⑳]"
_MARKS = rf"{_MARK_CHARS}{{1,3}}(?:[,，、\-－–~～]{_MARK_CHARS}{{1,2}}){{0,4}}"
_FOOTNOTE_MARK = re.compile(rf"\s*(?:[\[［(（【]注?{_MARKS}[\]］)）】]|注?{_MARKS}[)）]?|注)\s*")

# Digits raised right after one of these are an exponent ('m' and a raised '2': m², read 'm2' as normalization reads
# a text's 'm²'), no footnote mark.
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


#: A cell with more text than this in two or more paragraphs holds a page, not a value or label; a hidden
#: element with more is not dropped.
_LAYOUT_CELL_CHARS = 200


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )


#: A table nested in a cell of at most this many cells is a label's sub-rows ('外' over '内1', '内2'), no page
#: set in the cell: a label beside it stays in its row.
_SMALL_NESTED_CELLS = 8


def _holds_page(nested_cells: int, paragraphs: int, chars: int) -> bool:
    """The rule for a table cell that holds page content (HTML and DOCX alike): paragraphs beside a nested table
    of more than ``_SMALL_NESTED_CELLS`` cells (``nested_cells``: its tables' cells, 0 for none), or several
    paragraphs of more than ``_LAYOUT_CELL_CHARS`` characters."""
    if nested_cells > _SMALL_NESTED_CELLS:
        return paragraphs >= 1
    return paragraphs >= 2 and chars > _LAYOUT_CELL_CHARS


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _full_first_line(first: str, second: str) -> bool:
    """Whether digits ``first`` over ``second`` in a cell read as a number wrapped in its narrow column: its first
    line full, as wide as the second or wider, as a PDF's wrapped number is joined (pdf._join_wrapped_numbers), and
    of two digits or more.  Else they stay apart: '1<br>2' (a DOCX cell's '1<w:br/>2') read 12, a count the report
    never gives (a column one digit wide is no column a number wraps in: two values stacked), NA and flagged."""
    return len(first) >= max(len(second), 2)


_DIGIT_RUN = re.compile(r"[0-9]+")


def _wrapped_digits(runs: list[str]) -> bool:
    """Whether ``runs``, the lines of a cell's text, are two runs of digits that read as one number wrapped in its
    column (see _full_first_line): the rule a page's ``13<br>63`` and a DOCX cell's ``13<w:br/>63`` share."""
    return len(runs) == 2 and all(map(_DIGIT_RUN.fullmatch, runs)) and _full_first_line(*runs)


# The value cells merged down over rows met in the document being read (see _merge_note)
_MERGE_NOTES: contextvars.ContextVar["list | None"] = contextvars.ContextVar("toolkit_merge_notes", default=None)


def _merge_note(text: str, row: list, place: int) -> list | None:
    """A note of a cell merged down over rows holding ``text`` (the ``place``-th cell, from 0, of the row whose cells
    before it are those of ``row``: where a researcher sees it in the row, not its grid column, which the table's
    other rows may split further): [its text, the row's label (its first cell of words), its place, the cells it
    covers so far, the first row it covers (see _cover), False: no merge across (see _spread_across)], kept for
    _MergedDownWarned; None where the text is no value's (see
    _value_text: what a cell of words leaves in the cells it covers is _covered_words)."""
    if not _value_text(text):
        return None
    note = [text, next((cell for cell in row if not _value_text(cell)), ""), place, 0, None, False]
    notes = _MERGE_NOTES.get()
    if notes is not None:
        notes.append(note)
    return note


#: The most cells one cell spanning columns is read as (Word's grid has at most 63 columns; a bad page's colspan of
#: a thousand in a spacer is no thousand cells)
_MAX_SPAN_CELLS = 63


def _blank_span_cells(pieces: int, last: bool) -> int:
    """The blank cells a blank cell spanning grid columns gives its row (HTML's ``<td colspan="2">&nbsp;</td>``,
    Word's ``w:gridSpan``, a .doc's wider cell alike): as many as the ``pieces`` the other rows of its table split its
    columns into (see _pieces: one blank in the place of two moved every value after it one column left, the row
    ragged and its counts NA; a blank over three grid columns that the other rows split in two is two blanks, not
    three, each under a column of the table), but one where it is the row's ``last`` cell, no cell nor cell merged
    down from above after it (no value after it to keep in its column).  Only over columns another row of its table
    splits (its callers' test, as _spread_across's ``pieces``): a blank under a column merged in every row (the
    Article 20 table's middle one) is one, its row's count after it in its own column.  A page and the same table
    saved as DOCX or .doc so give the same rows."""
    return 1 if last else min(pieces, _MAX_SPAN_CELLS)


def _pieces(starts: Collection[int], first: int, end: int) -> int:
    """The pieces the rows of a table split grid columns ``first`` to ``end`` (exclusive) into: the number of grid
    columns among them a cell of the table starts in (``starts``: the grid columns its rows' cells start in).  A cell
    over them stands for as many cells (see _spread_across, _blank_span_cells): a cell over three grid columns that
    the other rows split as one of two and one of one stands for two, one under each of the table's columns there,
    not three (its row one cell too long, its count after it a column right); a cell over a column merged in every
    row (the Article 20 table's middle one) is one piece, split by none.  A cell starting at ``first`` counts
    itself."""
    return len({start for start in starts if first <= start < end})


def _spread_across(text: str, row: list, place: int, across: int, last: bool, pieces: int) -> list | None:
    """The cells a count merged across ``across`` grid columns gives its row (HTML and DOCX alike: ``colspan``,
    ``w:gridSpan``): as many blank cells as the ``pieces`` the other rows of its table split those columns into (see
    _pieces; 1: none splits them), noted for _MergedDownWarned (``merged_down``, the merge named), else None.

    ``text`` is the cell's text, ``row`` the row's cells before it (the list the document's lines will hold),
    ``place`` where its first cell will stand in the row once it is whole (from 0), ``last`` whether it is the row's
    last cell.  The flag names the cells given, as the row shows them, not the grid columns spanned.  The format does
    not say that one figure over several columns counts each (``<td colspan="6">0</td>`` under six applicants'
    headers may mean all zero, or one zero of the first): read as one cell, every value after it stood columns to
    the left, the row ragged; copied, a count the report never gives. Only a number after the row's label and before
    another cell, over columns the table splits: a count over a column merged in every row (the Article 20 table's
    middle column, two grid columns wide) is one value, a cell of words spanning columns (a merged header, a label
    over the label columns) stays one, and so does the row's last count spanning the columns its row leaves free (no
    value after it to move)."""
    if (last or pieces < 2 or across < 2 or not any(ch.isdigit() for ch in text) or not _value_text(text)
            or all(map(_value_text, row))):
        return None
    # (the note names the cells the row gets, where its row holds them: not the grid columns, which the table's
    # other rows may split further than its columns, a count over three grid columns read as two missing counts)
    cells = min(pieces, across, _MAX_SPAN_CELLS)
    note = [text, next(cell for cell in row if not _value_text(cell)), place, cells, row, True]
    notes = _MERGE_NOTES.get()
    if notes is not None:
        notes.append(note)
    return [""] * cells


@functools.lru_cache(maxsize=1)
def _unit_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """A unit column's header (formats.yaml ``legacy.unit_headers``: 单位, 计量单位, letter-spaced or not) and the
    units of the legacy tables (their rows' units, ``extra_units`` and money's)."""
    from toolkit.formats import load_formats, vocabulary  # (lazily: readers load formats' YAML on first use)

    return re.compile(alternation(load_formats()["legacy"]["unit_headers"], spaced=True)), vocabulary().legacy_units


def _unit_header(text: str) -> bool:
    """Whether a cell's ``text`` heads a column of units ('单位', '计 量 单 位'; see _covered_words)."""
    return _unit_words()[0].fullmatch(text.strip()) is not None


def _covered_words(text: str, unit_column: bool) -> str:
    """What each cell a cell of words merged down over rows (``text``) covers after its row's first cell holds: the
    unit, where the words are one (a legacy table's 件 merged down its unit column, whether ``unit_column``: headed
    by a unit header, see _unit_header, or ``text`` a unit word), each row's own; else a blank (a note merged down
    beside the counts: '见附件' under 说明), so that the values after it keep their columns, its text shown once as
    Word and a browser show it. (Left out, the counts after a note stood one column left, under the note's key; a
    blank unit made each covered row's unit NA.)"""
    text = text.strip()
    return text if unit_column or text in _unit_words()[1] else ""


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
        document's, final) holding the first row it covers, and of the counts merged across columns (see
        _spread_across), each with the line of its row."""
        notes = [note for note in self.notes if note[3] and note[0].strip()] if not self.nested else ()
        if notes:
            at = {id(line): i for i, line in enumerate(lines, start=1) if line.__class__ is list}
            for text, label, column, covered, row, across in notes:
                if across:  # (see _spread_across)
                    _warn(self.path, f"{text!r} in columns {column + 1} to {column + covered} of the row {label!r} "
                                     f"is one cell merged across {covered} columns: they are read as missing (one "
                                     f"figure for several columns)", "merged_down", at.get(id(row)))
                    continue
                _warn(self.path, f"{text!r} in column {column + 1} of the row {label!r} is merged down over the "
                                 f"{covered} cell(s) below it: they are read as missing (one figure for several "
                                 f"rows)", "merged_down", at.get(id(row)))


# Word's number formats written as the digits a reader sees (bullets give '•', unknown formats no marker)
_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖拾"  # the digits, then ten, of the financial numerals
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖拾"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


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


def _chinese_longhand(n: int, digits: str, markers: str, negative: str, informal: bool) -> str:
    """``n`` (at most 9999 either side of 0) as CSS Counter Styles 3 writes Chinese longhand: each digit but 0 with
    its marker (``markers``: ten, hundred, thousand), a run of zeros between two read 零 once, those at the end
    dropped; in the ``informal`` styles the 一 of 10 to 19 dropped (十一, but 一百一十); ``negative`` before a number
    below 0."""
    if n < 0:
        return negative + _chinese_longhand(-n, digits, markers, negative, informal)
    if n == 0:
        return "零"
    if informal and 10 <= n <= 19:
        return markers[0] + (digits[n - 11] if n > 10 else "")
    out, zero = "", False
    for place in range(3, -1, -1):
        digit = n // 10 ** place % 10
        if digit == 0:
            zero = bool(out)  # (a zero after a digit written: 零 before the next digit, if any)
            continue
        out += ("零" if zero else "") + digits[digit - 1] + (markers[place - 1] if place else "")
        zero = False
    return out


def _counting(n: int, digits: str = "〇一二三四五六七八九十", markers: str = "十百千") -> str:
    """A number of Word's counting formats (chineseCounting …, or the financial chineseLegalSimplified …, their
    ``digits`` 0 to 10 and ``markers``): 一 … 九十九, then 一百, 一百零一 to 九千九百九十九 as Word writes them (not
    100, 101); digits past them."""
    if 100 <= n <= 9999:
        return _chinese_longhand(n, digits[1:10], markers, "", informal=False)
    return cn_numeral_text(n, digits)


_NUM_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "decimalFullWidth": str, "decimalHalfWidth": str,
    "chineseCounting": _counting, "chineseCountingThousand": _counting, "japaneseCounting": _counting,
    "taiwaneseCounting": _counting, "taiwaneseCountingThousand": _counting,
    "ideographTraditional": lambda n: _STEMS[n - 1] if 1 <= n <= 10 else str(n),  # 甲 乙 丙
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),  # ① ② ③
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",  # ⒈ ⒉
    "ideographEnclosedCircle": lambda n: chr(0x3280 + n - 1) if 1 <= n <= 10 else str(n),  # ㊀ ㊁
    "chineseLegalSimplified": lambda n: _counting(n, _LEGAL_SIMPLIFIED, "拾佰仟"),  # 壹 贰 … 壹拾 … 壹佰
    "ideographLegalTraditional": lambda n: _counting(n, _LEGAL_TRADITIONAL, "拾佰仟"),  # 壹 貳 … 壹拾
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),  # 一〇 for 10
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "ideographZodiac": lambda n: _ZODIAC[n - 1] if 1 <= n <= 12 else str(n),  # 子 丑 寅
    "decimalEnclosedParen": lambda n: f"({n})",
    "lowerLetter": lambda n: chr(96 + n) if 1 <= n <= 26 else str(n),
    "upperLetter": lambda n: chr(64 + n) if 1 <= n <= 26 else str(n),
    "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),  # i ii iii, I II III
}
# The bullet written before the items of a bulleted list (an HTML <ul>, Word's bullets), where the statements
# split a list (one of formats.yaml bullets); one typed at the start of the text is kept instead.
_BULLET_MARK = "•"


def _typed_bullet(text: str) -> bool:
    """Whether ``text`` starts with a bullet of its own (formats.yaml ``bullets``)."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

    start = text.lstrip()[:1]
    return bool(start) and start in load_formats()["bullets"]


@functools.lru_cache(maxsize=1)
def _list_marker() -> re.Pattern[str]:
    """A number typed at the start of a text (一、 (一) 1. 一是 ① 第一, and 壹、 (贰) in the formal numerals of
    formats.yaml ``formal_numerals``): Word's or a list's own number is not added."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

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
    Covered cells of words after the row's first cell hold a unit or a blank (see _covered_words); before it (a
    group's label merged down over its items' rows) they are left out, each row opening with its own label."""
    return _VALUE_TEXT.fullmatch(text) is not None or text in NA_MARKS
