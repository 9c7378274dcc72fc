"""Extracting the statistical tables into the canonical long (tidy) schema.

Tables (``shared/spec/schema.md``): ``active`` (Article 20 blocks),
``requests``, ``review_litigation`` and ``legacy`` (pre-2019 statistics
tables).  Every value is kept as written in ``raw``; ``value`` is the number or
NA.  Labels are matched through the vocabulary of ``formats.yaml``; each
Article 20 block's columns come from its own header row, never from the year.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy as np

from toolkit.checks import identity_applies
from toolkit.formats import alternation, load_formats, load_identities, load_output_schema, vocabulary
from toolkit.layout import (_COUNT_MARK, _YEAR, Cell, Row, _is_count_in_words, _sub_item, _sums_to_last,
                            _thousands_joined)
from toolkit.normalize import (_CN_COUNT_CHARS, _SPACES, CID_GLYPHS, FOOTNOTE_SYMBOLS, HAN_RANGES, HAN_UNIFIED,
                               NA_MARKS, cell_units, is_value_cell, label_key, number_text, parse_cell, parse_number, unit_kind)
from toolkit.placement import Constraint, Placed, Placement, RowInput, place

__all__ = ["TABLE_COLUMNS", "Flag", "TableResult", "extract_tables", "flag_codes"]

TABLE_COLUMNS = ["report_id", "table", "row_key", "col_key", "value", "raw", "unit", "row_label",
                 "col_label", "line", "flag"]


@dataclass(frozen=True)
class Flag:
    """Something a researcher should know about a report's data.

    Attributes
    ----------
    code : str
        Short code, e.g. ``ragged``, ``truncated``, ``table_missing``,
        ``identity_failed``, ``ambiguous_digits`` (documented in the README).
    table : str
        The table it concerns ('' for the whole report).
    line : int or None
        1-based line of the normalized text.
    detail : str
        Human-readable detail.
    """

    code: str
    table: str = ""
    line: int | None = None
    detail: str = ""

    def __post_init__(self) -> None:
        # every code is documented (output_schema.yaml flag_codes, the data dictionary, the README)
        if self.code not in flag_codes():
            raise ValueError(f"undocumented flag code {self.code!r}: add it to output_schema.yaml flag_codes")


@functools.lru_cache(maxsize=1)
def flag_codes() -> dict[str, str]:
    """The flag codes and their meaning (``toolkit/data/output_schema.yaml``, ``flag_codes``).

    Returns
    -------
    dict of str to str
        Code to a one-line description, in the order of the file.

    Examples
    --------
    >>> flag_codes()["unit_unknown"]
    'Money without a unit: missing, never assumed.'
    """
    return dict(load_output_schema()["flag_codes"])


@dataclass
class TableResult:
    """Extracted cells, flags and the template each table follows."""

    records: list[dict] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    templates: dict[str, str | None] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)


def _record(table: str, row_key: str, col_key: str, placed: Placed | None, *, row_label: str,
            col_label: str, line: int | None, unit: str | None = None, flag: str = "",
            inferred: bool = False) -> dict:
    """One cell.  ``flag`` names why a missing cell is unknown rather than blank ('' otherwise);
    ``inferred`` marks a value the row's cells or digits alone did not place (a row that lost cells, digits
    run together), put in its column by the convention or the identities: the checks do not count it."""
    # (one test of ``placed`` a branch, not one again for the flag: every cell of every table is built here)
    if placed is None:
        value, raw, pline = np.nan, "", line
    else:
        value = placed.value
        if value is None:
            value = np.nan
        raw, pline = placed.raw, placed.line
        unit = unit or placed.unit
        flag = "inferred" if inferred else ""  # (a placed cell is no unknown one: ``flag`` is for missing cells)
    return {"table": table, "row_key": row_key, "col_key": col_key, "value": value, "raw": raw,
            "unit": unit, "row_label": row_label, "col_label": col_label, "line": pline, "flag": flag}


# a placed cell's number and raw text (Placed is a named tuple: its fields 0 and 1), read in C
_PLACED_VALUE, _PLACED_RAW = operator.itemgetter(0), operator.itemgetter(1)


def _read_row_records(table: str, row_key: str, row_label: str, col_keys: Sequence[str], col_labels: Sequence[str],
                      cells: Sequence[Placed | None]) -> list[dict] | None:
    """The records of a row whose every cell was placed and read as a number (``cells[i]`` in ``col_keys[i]``),
    as :func:`_record` builds each with no unit, flag or inference of its own; None for any other row.

    The common row is built in one comprehension: a call of :func:`_record` for each cell of every table was the
    tables' largest cost after the rows' reading.
    """
    if None in cells:
        return None
    placed: Sequence[Placed] = cells  # type: ignore[assignment]  # no None: tested just above (no cast: a call a row)
    values = tuple(map(_PLACED_VALUE, placed))
    if None in values:  # (a cell not read as a number: NA, flagged, built by _record)
        return None
    # (a dict display a cell, as _record's: dict(zip(keys, values)) took fewer Python steps but more machine
    # instructions, 0.6 M a report by cachegrind)
    return [{"table": table, "row_key": row_key, "col_key": col_key, "value": value, "raw": raw, "unit": unit,
             "row_label": row_label, "col_label": col_label, "line": line, "flag": ""}
            for col_key, col_label, (value, raw, line, unit) in zip(col_keys, col_labels, placed)]


def _unplaced_flag(placement, unread: bool = False) -> str:
    """The flag an unplaced cell of this row carries; ``unread`` when its label cell holds a value not read."""
    if placement.mode == "ragged" and placement.readings == 1 and not any(placement.cells):
        return "ragged" if unread else ""  # a row with no value at all: its cells are blank, not unknown
    if placement.mode == "glued":
        return "ambiguous_digits"
    if placement.mode == "extra":
        return "extra_cells"
    return "ragged" if placement.mode == "ragged" else ""


_ENDS_IN_NUMBER = re.compile(r"\s[+-]?\d[\d,.]*$")
# a label cell's last word holds a digit (not an item number, '1.属于…'), is a mark or a number in words: a
# value left in the cell (a word of prose, '信息2条、', is none)
_ENDS_IN_VALUE = re.compile(r"\s(?:(?!\d{1,2}[.、]\D)[^\s、,。;]*\d[^\s、,。;]*|[零〇一二两三四五六七八九十百]+|%s)$"
                            % alternation(NA_MARKS))
# (also a number in brackets, '(12)': a note, an accounting negative or a sub-count, no plain count; a note's
# number in square brackets after a number, '12[1]'; and two numbers in a cell, '12/3', '12 / 3', '4 0', '1、2': a
# count and a part of it, or two counts run together where a cell mark was lost, no one count (so with a footnote
# mark after them, '1 2*', never 12); a footnote mark typed after a number whose own digits end the cell, '12注1',
# '12[注1]', '12^1', '12*1', '12※2', as
# :data:`toolkit.layout._MARKED_VALUE` knows them: such a cell was read as a label, its row lost, missing_rows)
_WORDY_NUMBER = re.compile(r"[^\d、,。;]{0,3}[+-]?\d[\d,.]*[^\d、,。;()]{0,4}"
                           r"(?:\([^()]{0,12}\)|\[\d{1,2}\]|\[注\d{1,2}\]|注\d{1,2}|\^\d{1,2}|"
                           rf"[{FOOTNOTE_SYMBOLS}]{{1,3}}" r"\d{1,2})?"
                           r"|\([+-]?\d[\d,.]*\)"
                           rf"|[+-]?\d[\d,.]*(?:\s*[/、]\s*|\s+)[+-]?\d[\d,.]*(?:\s*{_COUNT_MARK})?")
# a value written in a few Chinese words and no digit ('零', '暂无', '不适用', '三万元'), in a row's value place
_WORDS_VALUE = re.compile(rf"[{HAN_UNIFIED}〇]{{1,6}}")
# a PDF value of glyphs with no Unicode map ('(cid:21)'), or a number with such glyphs glued to it ('(cid:3)135')
_GLYPHS_VALUE = re.compile(rf"(?:{CID_GLYPHS.pattern})?[+-]?\d[\d,.]*(?:{CID_GLYPHS.pattern})?|{CID_GLYPHS.pattern}")


def _split_row(row: Row) -> tuple[list[Cell], list[Cell]]:
    """Label cells and value cells of a row (leading blank cells dropped)."""
    # (the bounds found first, the cells cut once: every row of the tables is split here)
    cells = list(row.cells)
    n = len(cells)
    start = 0
    while start < n and not cells[start].text and cells[start].is_value:
        start += 1
    end = start
    while end < n and not cells[end].is_value:
        end += 1
    return cells[start:end], cells[end:]


def _leading_blanks(row: Row) -> int:
    return next((i for i, c in enumerate(row.cells) if c.text or c.glued), len(row.cells))


def _text_in_value_place(labels: list[Cell], values: list[Cell], is_row) -> tuple[list[Cell], list[Cell]]:
    """Cells after the last known row label are the row's values, even where they are not numbers.

    '行政处罚 | 12起左右', '采购总金额 | 约25万元': read as labels, they made the row vanish (its last "label" is
    no row); as values they are kept in their columns and flagged ``not_a_number``.
    """
    if is_row(labels[-1].text):
        return labels, values
    for i in range(len(labels) - 2, -1, -1):
        if is_row(labels[i].text):
            rest = labels[i + 1:]
            # a number with a word or two around it ('12起左右', '约25万元', '(3)'), or a value in words without
            # digits ('暂无', '零': the row vanished, flagged as left out by the report), in a table row, not prose
            # (or a PDF value of glyphs with no Unicode map, '(cid:21)', '(cid:3)135': that cell missing, not the
            # row unknown)
            if all(_is_wordy_value(c.text) or _GLYPHS_VALUE.fullmatch(c.text) for c in rest) \
                    and all(len(c.text) <= 30 for c in labels[:i]):
                return labels[: i + 1], rest + values
            break
    return labels, values


# The kinds of value that are whole numbers (cell_units of formats.yaml): a count or people with decimals is none.
_WHOLE_KINDS = ("count", "people")
_MARK_AT_END = re.compile("[—―-]\n")  # a dash ending a cell's text, of the cells' texts each ended by '\n'
_CN_DIGIT = re.compile(f"[{_CN_COUNT_CHARS}]")  # (a count in words has one: normalize.cn_count)

_PLACEMENT_CELLS = operator.attrgetter("cells")
_CELL_TEXT, _CELL_GLUED = operator.itemgetter(0), operator.itemgetter(2)  # (Cell.text, Cell.glued, read in C)


def _flag_text_values(res: TableResult, table: str, row_key: str, placement,
                      money_cols: frozenset[int] = frozenset(), dots: bool | None = None) -> None:
    """Flag ``not_a_number`` the cells that hold words, a hedged number ('约3') or a unit not of their column's
    kind ('3次' in a 万元 column, '5%' in a count column), and ``value_note`` those read with a note in brackets
    after their number ('88(含上年结转3)') or an item number in brackets before it ('(1)36').

    A count with decimals ('3.5', '1.234': a European thousands' point) is no count: made missing (its text kept)
    and flagged ``not_a_number``, never half a request in the sums; '3.0' is 3.  ``dots`` tells whether any placed
    cell's raw text holds a '.' (None: found here); where none does, no cell is tested for decimals.
    """
    cells = placement.cells
    if dots is None:  # (one test of the row's raw texts, joined in C, spares most rows a test of each cell)
        dots = _placed_dots((placement,))
    fractions = _fractional_counts(cells, money_cols) if dots else ()
    placed = list(filter(None, cells))
    raws = "\n".join(map(_PLACED_RAW, placed)) + "\n"
    if None not in map(_PLACED_VALUE, placed) and ")" not in raws and "）" not in raws \
            and _MARK_AT_END.search(raws) is None and _CN_DIGIT.search(raws) is None:
        return  # (the common row, its every placed cell a number in digits, no bracket or dash after it: told in C)
    for i, cell in enumerate(cells):
        if cell is None:
            continue
        if cell.value is None:
            if i in fractions or parse_number(cell.raw, expect="money" if i in money_cols else "count").kind == "text":
                res.flags.append(Flag("not_a_number", table, cell.line, f"{row_key}: {cell.raw}"))
        elif (cell.raw[-1:] in ")）—―-" and ((num := parse_number(cell.raw)).note or num.mark)) or (
                cell.raw[:1] == "(" and parse_number(cell.raw).item) or (  # ('(1)36': an item number before it)
                not cell.raw[-1:].isdigit() and parse_cell(cell.raw).words):  # (a plain count ends in a digit)
            res.flags.append(Flag("value_note", table, cell.line, f"{row_key}: {cell.raw}"))


def _fractional_counts(cells: list[Placed | None], money_cols: frozenset[int]) -> set[int]:
    """The places of ``cells`` holding a count with decimals ('3.5', not '3.0'; money keeps its decimals), each
    made missing in ``cells``, its text kept, for :func:`_flag_text_values` to flag ``not_a_number``."""
    out = set()
    for i, cell in enumerate(cells):
        if cell is not None and cell.value is not None and i not in money_cols and "." in cell.raw \
                and not float(cell.value).is_integer():
            cells[i] = cell._replace(value=None)
            out.add(i)
    return out


def _placed_dots(placements: Collection[Placement]) -> bool:
    """Whether any cell placed in ``placements`` has a '.' in its raw text (joined and tested in C)."""
    return "." in "".join(map(_PLACED_RAW, filter(None, itertools.chain.from_iterable(
        map(_PLACEMENT_CELLS, placements)))))


_GROUP_ITEM = re.compile(r"(?P<group>\([一二三四五六七]\)\D{2,12}?)\s*(?P<item>\d{1,2}[.、].+)")


def _split_group_items(labels: list[Cell]) -> list[Cell]:
    """A group label and its first item in one cell ('(六)其他处理 1.申请人无正当理由…'): two labels.

    Read as one, the cell was the group's own row (2021's (六) subtotal) and the item's values went there.
    """
    vocab = vocabulary()
    out: list[Cell] = []
    for cell in labels:
        # (a cell not opening with '(' cannot match: most labels skip the substitution)
        m = cell.text[:1] == "(" and _GROUP_ITEM.fullmatch(_SPACES.sub(" ", cell.text))
        if m and vocab.request_group(m["group"]) and vocab.request_row(m["item"]):
            out += [Cell(m["group"].strip(), cell.line), Cell(m["item"], cell.line)]
        else:
            out.append(cell)
    return out


# a label's note in brackets in a cell of its own ('(二)部分公开 | (区分处理的,只计这一情形,不计其他情形) | 2 | …'):
# words, not a count in brackets ('(4)', a cell not read as a value, flagged not_a_number)
_NOTE_CELL = re.compile(f"\\([^()]*[{HAN_RANGES}][^()]*\\)")


def _join_label_note(labels: list[Cell]) -> list[Cell]:
    """The labels with a last cell that is only a note in brackets joined to the label before it, whose note it is
    ('(二)部分公开' then '(区分处理的,只计这一情形,不计其他情形)', '规章' then '(设区的市、自治州人民政府应提供相关
    数据)': one label). Read as a label of its own, the note was the row's last label, no row: the row was lost,
    flagged unknown_row and missing_rows."""
    if len(labels) < 2 or labels[-1].text[:1] != "(" or not _NOTE_CELL.fullmatch(labels[-1].text):
        return labels
    return [*labels[:-2], labels[-2]._replace(text=labels[-2].text + labels[-1].text)]


def _words_at_end(values: list[Cell]) -> int:
    """How many cells end a row's values as words, no count ('含撤回1件', '备注:含补正', with the blank cells
    after them): a row's surplus that is a note, not proof of an empty label cell before its counts."""
    end = _written_end(values)
    start = end
    while start and values[start - 1].text and not values[start - 1].glued and \
            not values[start - 1].text[-1:].isdigit() and parse_number(values[start - 1].text).kind == "text":
        start -= 1
    return len(values) - start if start < end else 0


def _gap_by_identity(values: list[Cell], ncols: int) -> bool:
    """Whether the row identity tells that a row one cell longer than the columns, its first cell blank, has an
    empty label cell before its counts: the counts after the blank all written, the last not 0 and their sum, and
    not the count before it repeated (a surplus repeating 总计, '| | 0 | … | 0 | 3 | 3', fits both readings)."""
    return len(values) == ncols + 1 and _sums_to_last(values[1:]) and values[-1].text != values[-2].text


def _written_end(values: list[Cell]) -> int:
    """Where a row's written cells end: the index after its last cell that holds something (0 where none does)."""
    end = len(values)
    while end and not values[end - 1].text and not values[end - 1].glued:
        end -= 1
    return end


def _written(cells: list[Cell]) -> bool:
    """Whether any of ``cells`` holds something (text, or digits glued to a neighbour's)."""
    return any(map(_CELL_TEXT, cells)) or any(map(_CELL_GLUED, cells))  # (in C: asked of most rows)


# a cell of several digits (a decimal point among them): a glued run of a row's values, cut as page text is
_DIGIT_RUN = re.compile(r"\d[\d.]+")


def _trim_values(values: list[Cell], ncols: int) -> list[Cell]:
    out = list(values)
    if out and out[-1].page_like and (len(out) != ncols or len(out) == 2 and _DIGIT_RUN.fullmatch(out[0].text)):
        # a count in brackets after a row's values, a cell a line (layout.Cell.page_like): the row's last value where
        # the row is one cell short without it, else a page number between the rows (after a whole row, or after
        # one cell of several digits, a glued run cut as page text is: '263042532' / '(3)')
        out.pop()
    while len(out) > ncols and not out[-1].text and not out[-1].glued:
        out.pop()
    if len(out) > ncols and any(c.grouped for c in out):
        # a number with its thousands set a space apart in a row of spaced columns ('1 288'): one cell where the
        # columns are one too few for each group (the row's values were extra_cells, every one NA)
        out = _thousands_joined(out, ncols)
    if len(out) >= ncols:
        out = _line_joined(out, ncols)
    return out


def _line_joined(values: list[Cell], ncols: int) -> list[Cell]:
    """A row's ``values`` with the cells that share a line joined into one ('1' '2' of a line '1 2' as '1 2', a cell
    that is no number), where the row's values stand on several lines (text of a cell a line) and that leaves just
    as many values as its ``ncols`` columns; else as they are.

    A count written '1 2' between the blank lines of a cell-a-line table was read as two cells, the row one too long
    (extra_cells) and every count lost; read as one cell, the others keep their places and that one is flagged.

    Examples
    --------
    >>> [c.text for c in _line_joined([Cell("3", 1), Cell("1", 3), Cell("2", 3), Cell("5", 5)], 3)]
    ['3', '1 2', '5']
    """
    lines = len({c.line for c in values})
    if len(values) < ncols or lines < 2 or lines == len(values):
        return values  # (most rows: no more values than columns, all on one line, or each on a line of its own)
    runs: list[list[Cell]] = []
    for cell in values:
        if runs and cell.line == runs[-1][-1].line and cell.text and runs[-1][-1].text \
                and not (cell.glued or runs[-1][-1].glued):
            runs[-1].append(cell)
        else:
            runs.append([cell])
    if len(values) == ncols:
        # just as many cells as columns with the line's two read apart: the row may have lost a blank cell (text of
        # a cell a line writes none), its places then not known. Where every other value stands on a line of its
        # own, the two are one cell, the row short: placed as a ragged row is, never a count in a wrong column
        several = [run for run in runs if len(run) > 1]
        if len(several) != 1 or len(several[0]) != 2 or len(runs) < 3:
            return values
    elif len(runs) != ncols:
        return values
    return [run[0]._replace(text=" ".join(c.text for c in run)) if len(run) > 1 else run[0] for run in runs]


def _is_note(text: str, is_row) -> bool:
    """A cell of words that is clearly no value ('备注:含补正', '其中3件为补正后申请'): not a number, a mark, a
    number with a word or two around it ('约3', '3件左右') or a short value in words ('暂无', '零': these may be a
    value in the wrong place; '三 件', a space inside, as '三件'), nor a row's label (``is_row``)."""
    return parse_number(text).kind == "text" and not _is_wordy_value(text) and not is_row(text)


def _is_wordy_value(text: str) -> bool:
    """Whether ``text`` may be a value written with words: a number with a word or two around it ('约3', '12起左右'),
    a few words ('暂无', '零', '三件'), or a count in words or hedged with one space inside ('三 件', as '三件': it
    was a row's label, the row lost, unknown_row)."""
    return bool(_WORDY_NUMBER.fullmatch(text) or _WORDS_VALUE.fullmatch(text) or _is_count_in_words(text))


def _drop_notes(res: TableResult, table: str, row_key: str, row: Row, values: list[Cell], ncols: int,
                is_row) -> list[Cell]:
    """The row's values without the note cells that end it where it has more cells than columns.

    '… | 5 | 3 | 备注:含补正': the surplus cell made the whole row NA (``extra_cells``); a note is no value, so the
    values before it are kept, and the note flagged ``extra_cells`` with its text (not kept as a cell).  A
    surplus that may be a value (a number, '约3', '暂无') leaves the row as it was.
    """
    out = _trim_values(values, ncols)
    notes: list[Cell] = []
    while len(out) > ncols and not out[-1].glued and _is_note(out[-1].text, is_row):
        notes.insert(0, out.pop())
        out = _trim_values(out, ncols)
    if notes:
        res.flags.append(_note_flag(table, row_key, row, notes))
    return out


def _note_flag(table: str, row_key: str, row: Row, notes: list[Cell]) -> Flag:
    """The flag of the notes after a row's values, not read: ``extra_cells`` with their text."""
    return Flag("extra_cells", table, row.line, f"{row_key}: a note after the values, not read: "
                + " | ".join(c.text for c in notes))


# --- active (Article 20) --------------------------------------------------------

def _parse_active_header(cells: list[Cell]) -> list[tuple[str | None, str, str | None]]:
    """Column (key, label as written, unit) from a header row, joining split labels."""
    vocab = vocabulary()
    known = vocab.active_cols
    cols: list[tuple[str | None, str, str | None]] = []
    buf, written = "", []
    texts = [c.text for c in cells if c.text.strip()]
    if texts and label_key(texts[0]) in {label_key(w) for w in load_formats()["active"]["header_words"]}:
        texts = texts[1:]
    unit_headers = load_formats()["legacy"]["unit_headers"]
    if texts and label_key(texts[0]) in unit_headers:
        # a unit column between the labels' and the values' ('信息内容 | 单位 | 本年制发件数 …'): the layout joins its
        # cells to the row's values ('规章 | 件 | 2' is '规章 | 2件'), so it heads no column of its own (it was an
        # unknown column, every row of the block one cell short: none of its values placed)
        texts = texts[1:]
    if len(texts) > 1 and label_key(texts[-1]) in unit_headers:
        texts = texts[:-1]  # the same after the values ('… | 现行有效件数 | 单位' over '规章 | 0 | 0 | 39 | 件')
    keys = [label_key(t) for t in texts]
    for i, text in enumerate(texts):
        buf += keys[i]
        written.append(text)
        joined = " ".join(written)
        # '本年增' then '/减': the longer label wins when the next piece continues it
        longer = buf + keys[i + 1] if i + 1 < len(texts) else ""
        continued = bool(longer) and any(map(str.startswith, known, itertools.repeat(longer)))  # (in C)
        if buf in known and not continued:
            cols.append((known[buf], joined, _unit_of(joined)))
            buf, written = "", []
        elif buf and not continued:
            # a label no piece continues: unknown, or one cut short ('对外公' of a narrow column) where it begins
            # one column's labels only; it was read with the next label as one unknown column
            cols.append((_cut_column(buf, known), joined, _unit_of(joined)))
            buf, written = "", []
    if any(k is None for k, _, _ in cols):
        return _stacked_header(texts, keys) or cols
    return cols


def _stacked_header(texts: list[str], keys: list[str]) -> list[tuple[str | None, str, str | None]] | None:
    """A header whose labels are split over two rows, column by column ('本年新 | 本年新 | 对外公开' over '制作数量 |
    公开数量 | 总数量'): the top row's pieces then the bottom row's, each top piece joined with the one under it;
    None unless every pair makes a column of the format (read one after the other, the pieces were unknown
    columns, every row of the block lost)."""
    half, rest = divmod(len(texts), 2)
    known = vocabulary().active_cols
    if rest or not half or any(keys[i] + keys[i + half] not in known for i in range(half)):
        return None
    return [(known[keys[i] + keys[i + half]], f"{texts[i]} {texts[i + half]}",
             _unit_of(f"{texts[i]} {texts[i + half]}")) for i in range(half)]


def _stacked_cells(top: Row, bottom: Row) -> list[Cell] | None:
    """The header row ``top`` with the row ``bottom`` under it joined cell by cell, where ``bottom`` holds the rest
    of its labels wrapped, each under its start, beside blank cells ('信息内容 | 上一年 | 本年增/减 | 处理决' over '|
    项目数量 | | 定数量', a label short enough left whole): every column then one of the format. Read alone, the top
    row's pieces named their columns, but the bottom row was an unknown_row, and a unit in a label cut ('采购总金额(' /
    '元)') was lost, the money read in no unit; None where the rows do not stack so."""
    if len(top.cells) != len(bottom.cells) or bottom.cells[0].text or not _written(bottom.cells) or any(
            c.glued or (c.text and (c.is_value or not t.text)) for t, c in zip(top.cells, bottom.cells)):
        return None
    joined = [t._replace(text=t.text + c.text) for t, c in zip(top.cells, bottom.cells)]
    cols = _parse_active_header(joined)
    return joined if cols and all(k is not None for k, _, _ in cols) else None


def _ends_in_notes(cols: list[tuple[str | None, str, str | None]]) -> bool:
    """The header's last column is one of remarks (备注, formats.yaml ``note_headers``), no value's column."""
    return bool(cols) and cols[-1][0] is None and label_key(cols[-1][1]) in _note_headers()


@functools.lru_cache(maxsize=1)
def _note_headers() -> frozenset[str]:
    """The label keys of a column of remarks after a table's values (formats.yaml ``legacy.note_headers``)."""
    return frozenset(label_key(w) for w in load_formats()["legacy"]["note_headers"])


def _is_note_header(text: str, words: frozenset[str] | None = None) -> bool:
    """A cell that heads a column of remarks (备注, formats.yaml ``note_headers``), or one of ``words`` (label keys)."""
    words = _note_headers() if words is None else words
    return text[:1] in _starts(words) and label_key(text) in words


@functools.lru_cache(maxsize=8)
def _starts(words: frozenset[str]) -> frozenset[str]:
    """The first characters of ``words``: most cells are told none of them by their first character alone."""
    return frozenset(w[:1] for w in words)


@functools.lru_cache(maxsize=1)
def _request_extras() -> frozenset[str]:
    """The label keys of the requests header's words that head no column of the format: a column of remarks
    after the counts (``legacy.note_headers``) and the organisations' subtotal (``requests.subtotal_headers``)."""
    return _note_headers() | _subtotal_headers()


@functools.lru_cache(maxsize=1)
def _subtotal_headers() -> frozenset[str]:
    """The label keys of a column of the organisations' subtotal (formats.yaml ``requests.subtotal_headers``)."""
    return frozenset(label_key(w) for w in load_formats()["requests"]["subtotal_headers"])


def _without_empty_remark(row: Row, values: list[Cell]) -> list[Cell]:
    """A row's values under a header ending in 备注, the remark that says there is none ('无', '/', a mark of
    ``NA_MARKS``) its last written cell, as a blank remark: a blank cell where the row keeps its blank cells
    (a reader's grid, pipe rows), none where a layout drops them (a cell a line). Read as a value, it made the
    row one cell longer than its columns, every count missing."""
    end = _written_end(values)
    if end < 2 or values[end - 1].glued or values[end - 1].text not in NA_MARKS:
        return values
    return [*values[:end - 1], values[end - 1]._replace(text="")] + values[end:] if row.explicit \
        else values[:end - 1] + values[end:]


def _continues_header(text: str, header: list[Cell]) -> bool:
    """A piece of a broken header line: a header word, or the rest of the header's last label ('/减', '减', ')')."""
    vocab = vocabulary()
    key = label_key(text)
    if vocab.is_header(text) or text[:1] in "/)" or key in vocab.active_cols:
        return True
    joined = label_key(header[-1].text) + key if header else key
    return any(k.startswith(joined) for k in vocab.active_cols)


def _header_pieces(labels: list[Cell], values: list[Cell], header: list[Cell]) -> int:
    """How many of a row's labels after the header row ``header`` are not the header's pieces: 0 for a row of
    pieces only, without values; 1 for pieces before an Article 20 row's label ('现行有效数 | 规章 | 0 | …', a header
    of a cell a line whose last word, not known, ran into the first row); all of them for any other row."""
    def piece(cell: Cell) -> bool:
        return _continues_header(cell.text, header) or _column_like(cell.text)

    if not values and all(map(piece, labels)):
        return 0
    if len(labels) > 1 and vocabulary().active_row(labels[-1].text) and all(map(piece, labels[:-1])):
        return 1
    return len(labels)


def _extend_active_header(res: TableResult, header: list[Cell], pieces: list[Cell], row: Row,
                          cols: list[tuple[str | None, str, str | None]]) -> list[tuple[str | None, str, str | None]]:
    """The Article 20 columns of ``header`` (extended in place) with its next ``pieces``, their unknown labels
    flagged ``unknown_column`` as a header row's are (those of ``cols``, read before, already were)."""
    flagged = {lab for k, lab, _ in cols if k is None}
    header += pieces
    cols = _parse_active_header(header)
    unknown = [lab for k, lab, _ in cols if k is None and lab not in flagged]
    if unknown:
        res.flags.append(Flag("unknown_column", "active", row.line, "; ".join(unknown)))
    return cols


def _split_header_rest(full: list[tuple[str | None, str, str | None]],
                       head: list[tuple[str | None, str, str | None]]) -> list[tuple[str | None, str, str | None]] | None:
    """The columns ``full``, a block's header ``head`` and what follows it, name after ``head``'s, where they are
    the rest of an earlier header row split by a page break, under the table's first rows repeated: its columns'
    labels alone ('| 上一年项目数量 | 本年增/减 | 处理决定数量', its label's cell left blank), or run into the
    repeated header's row where a blank cell leaves no trace. Only where every column is known; else None."""
    n = len(head)
    if 0 < n < len(full) and all(k is not None for k, _, _ in full) and _keys(full[:n]) == _keys(head):
        return full[n:]
    return None


def _keys(cols: list[tuple[str | None, str, str | None]]) -> list[str | None]:
    """The keys of header columns ``cols``."""
    return [k for k, _, _ in cols]


def _column_like(text: str) -> bool:
    """A word that ends as an Article 20 column's label ends (数, 量, 额: '本年度制发件数', '收费金额'), and names no
    row: a column not known, where it stands among the header's pieces."""
    vocab = vocabulary()
    key = label_key(text)
    return key[-1:] in _column_ends() and not vocab.is_row_label(text) and not vocab.article_item(text)


@functools.lru_cache(maxsize=1)
def _column_ends() -> frozenset[str]:
    """The last characters of the Article 20 columns' labels (formats.yaml ``active.cols``)."""
    return frozenset(key[-1] for key in vocabulary().active_cols if key)


@functools.lru_cache(maxsize=1)
def _header_unit() -> re.Pattern[str]:
    """A unit of money in a header's or a label's brackets ('(万元)', '(单位:千元)'; formats.yaml ``cell_units``)."""
    return re.compile(rf"\((?:单位:)?({alternation(cell_units()['money'])})\)")


def _unit_of(label: str) -> str | None:
    """The unit of money a column's header or a row's label names in brackets ('采购总金额(千元)'), or None."""
    match = _header_unit().search(_SPACES.sub("", label))
    return match.group(1) if match else None


def _active_values(labels: list[Cell], values: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """Label cells and value cells of a row of the Article 20 table, from its cells as `_split_row` splits them."""
    if labels:
        labels, values = _text_in_value_place(labels, values, vocabulary().active_row)
    return labels, values


def _active_fillers(rows: list[Row], split: list[tuple[list[Cell], list[Cell]]]) -> dict[int, frozenset[int]]:
    """Filler columns of each block: header row index -> positions among the values to skip.

    A pipe rendering of the official grid (five columns, the middle value column a merge of two) writes the
    merge as a cell and an empty filler cell in the header and in every row ('本年新公开数量 | | 对外公开总数量',
    '规章 | 0 | 0 | | 0').  Cells are matched by position: a position blank in the header and in every row
    of its block is filler; a value there in any row, or a header whose labels are not one to a cell (split,
    or broken over two lines), leaves the block as it is.  A grid may keep such a cell in the rows only, the
    header's labels one to a cell ('规章 | 5 | | 20 | 19' under three columns): see :func:`_active_spacer`.
    ``split`` holds each row's cells as `_split_row` splits them.
    """
    out: dict[int, frozenset[int]] = {}
    for at, row in enumerate(rows):
        labels, _ = split[at]
        if not labels or label_key(labels[0].text) != "信息内容":
            continue
        slots = row.cells[_leading_blanks(row) + 1:]
        blank = {j for j, c in enumerate(slots) if not c.text and not c.glued}
        ncols = len(_parse_active_header(list(row.cells)))
        if ncols != len(slots) - len(blank):
            continue
        block = _block_values(rows, split, at)
        if block is None:
            continue
        if not blank:  # (the header's labels one to a cell, none blank: the common block, no filler unless a spacer)
            blank = _active_spacer(block, ncols)
        for values in block:
            blank = {j for j in blank if j >= len(values) or not (values[j].text or values[j].glued)}
        if blank:
            out[at] = frozenset(blank)
    return out


def _block_values(rows: list[Row], split: list[tuple[list[Cell], list[Cell]]], at: int) -> list[list[Cell]] | None:
    """The value cells of each labelled row of the Article 20 block whose header row is ``rows[at]``; None where
    the header goes on on the next line (its positions say nothing). Values without a label are not placed by
    position (flagged unlabelled_values): not among them."""
    vocab = vocabulary()
    header = list(rows[at].cells)
    out = []
    for other, other_split in zip(rows[at + 1:], split[at + 1:]):
        first = other.cells[0].text if other.cells else ""
        labels, values = _active_values(*other_split)
        if vocab.article_item(first) or (labels and label_key(labels[0].text) == "信息内容"):
            break  # the block ends
        if labels and not values and all(_continues_header(c.text, header) for c in labels):
            return None
        if labels:
            out.append(values)
    return out


def _active_spacer(block: list[list[Cell]], ncols: int) -> set[int]:
    """The position of a spacer the rows of a block keep and their header does not: each of two rows or more
    one value longer than the header's ``ncols`` columns, its last value written, blank at one same place
    among the others and only there ('规章 | 5 | | 20 | 19', '规范性文件 | 1 | | 1 | 5' under '本年新制作数量 |
    本年新公开数量 | 对外公开总数量': the values were one too many, every count lost, flagged extra_cells). A row
    that does not show it, or two such places, leaves the block as it is."""
    common: set[int] | None = None
    for values in block:
        if len(values) <= ncols or not _written(values[ncols:ncols + 1]) or _written(values[ncols + 1:]):
            return set()
        blank = {j for j in range(ncols) if not _written(values[j:j + 1])}
        common = blank if common is None else common & blank
    return common if len(block) >= 2 and common is not None and len(common) == 1 else set()


def _extract_active(rows: list[Row], res: TableResult) -> None:
    fm = load_formats()["active"]
    vocab = vocabulary()
    col_templates = {k: v["template"] for k, v in fm["cols"].items()}
    money_keys = {k for k, v in fm["cols"].items() if v.get("money")}
    signed = set(fm["signed_cols"])
    block_templates: set[str] = set()
    cols: list[tuple[str | None, str, str | None]] | None = None
    header: list[Cell] | None = None  # the header row just read, while the next rows may continue it
    seen: set[str] = set()
    met: set[str] = set()  # rows met, also those flagged header_missing (left out is something else)
    block_of = {r: b for b in fm["blocks"].values() for r in b["rows"]}  # row key -> its 第二十条 block
    item_of = {r: b["item"] for r, b in block_of.items()}  # row key -> 第二十条 item
    absent_flagged: set[tuple[str, ...]] = set()
    item: str | None = None  # the item of the block being read
    cols_of: dict[str, list] = {}  # item -> its columns, as its header gave them
    head_at: int | None = None  # the index of the header row of the block being read (its cells' places)
    head_of: dict[str, int] = {}  # item -> its block's header row index
    split = [_split_row(row) for row in rows]  # (each row split once: the fillers and the rows read it)
    fillers = _active_fillers(rows, split)
    filler: frozenset[int] = frozenset()  # filler positions of the block being read
    filler_of: dict[str, frozenset[int]] = {}  # item -> its block's filler positions
    # the row just read under a header ending in 备注, when its remark was not among its cells: a layout of a cell
    # a line puts a remark in words before the next row's label, or on a row of its own ('规章 | 0 | 0 | 0' /
    # '含上年结转项目 | 规范性文件 | 1 | 1 | 5'), as its header's 备注 before the first row's label
    remark_of: tuple[str, Row] | None = None
    stacked = -1  # the bottom row of a header split over two rows (_stacked_header), read with its top row
    # a block's header row naming no column ('信息内容 | | |'), split by a page break, the table's first rows repeated
    # before its rest (_split_header_rest): its item, and the columns the repeated block's header gave
    open_header: tuple[str | None, list | None] | None = None
    for at, row in enumerate(rows):
        first = row.cells[0].text if row.cells else ""
        pending, remark_of = remark_of, None
        title_item = vocab.article_item(first)
        if title_item:
            item, header = title_item, None
            # (a block's title again, whose header was read: the table's head repeated)
            open_header = (open_header[0], cols_of[item]) if open_header and cols_of.get(item) else None
            # the block's title again without its header (a page break repeated the table's first row): its
            # rows keep the columns its header gave
            cols, filler = cols_of.get(item), filler_of.get(item, frozenset())
            head_at = head_of.get(item)
            continue
        labels, values = split[at]
        if at == stacked:
            continue  # (the bottom row of a header split over two, read with it)
        if labels and label_key(labels[0].text) == "信息内容":
            header = list(row.cells)
            cols = _parse_active_header(header)
            head_at = at
            if at + 1 < len(rows) and (joined := _stacked_cells(row, rows[at + 1])) is not None:
                header, cols, stacked = joined, _parse_active_header(joined), at + 1
            elif any(k is None for k, _, _ in cols):
                # a header split over two rows, its bottom row's pieces under its top row's: read together (a
                # layout of a cell a line puts the bottom row's blank first cell on a row of its own between)
                nxt = next((j for j in range(at + 1, len(rows)) if split[j][0] or _written(split[j][1])), len(rows))
                under = _parse_active_header(header + split[nxt][0]) if nxt < len(rows) \
                    and not _written(split[nxt][1]) else cols
                if all(k is not None for k, _, _ in under):
                    header, cols, stacked = header + split[nxt][0], under, nxt
            filler = fillers.get(at, frozenset())
            block_templates |= {t for k, _, _ in cols if k and (t := col_templates.get(k)) is not None}
            unknown = [lab for k, lab, _ in cols[:len(cols) - _ends_in_notes(cols)] if k is None]
            if unknown:
                res.flags.append(Flag("unknown_column", "active", row.line, "; ".join(unknown)))
            if open_header and open_header[1] and not filler and (rest := _split_header_rest(cols, open_header[1])):
                # (the split header's rest run into the table's head repeated: its block's columns)
                item, cols, header, open_header = open_header[0], rest, None, None
            if item is not None:
                cols_of[item], filler_of[item], head_of[item] = cols, filler, at
            open_header = (item, None) if not cols else open_header
            continue
        if open_header and open_header[1] and header is not None and labels and not _written(values) \
                and _keys(cast(list, cols)) == _keys(open_header[1]) \
                and (rest := _split_header_rest(_parse_active_header(header + labels), cast(list, cols))):
            # (the split header's rest after the table's head repeated: its block's columns, its rows next)
            item, cols, header, open_header = open_header[0], rest, None, None
            if item is not None:
                cols_of[item] = cols
            continue
        if not labels:
            _flag_unlabelled(res, "active", row, values)
            continue
        if header is not None and cols and not _ends_in_notes(cols) and _is_note_header(labels[0].text):
            header.append(labels[0])  # (the header's 备注, put before the first row's label: '备注 | 规章 | 0 | …')
            cols = _parse_active_header(header)
            if item is not None:
                cols_of[item] = cols
            labels = labels[1:]
            if not labels:
                continue
        if header is not None:
            # the header row broken by the page ('…本年增' / '/减 | 处理决定数量'): read it whole; a word not known
            # breaks a header of a cell a line ('信息内容' / '本年度制发件数' / '本年废止件数 | …', or its last word
            # run into the first row, '现行有效数 | 规章'): it is a column of its own, flagged as in a row (the
            # block's columns were lost, its blank rows dropped unflagged)
            rest = _header_pieces(labels, values, header)
            if rest < len(labels):
                cols = _extend_active_header(res, header, labels[:len(labels) - rest], row, cols)  # type: ignore[arg-type]  # a header read gave cols
                if item is not None:
                    cols_of[item] = cols
                if not rest:
                    continue
                labels = labels[len(labels) - rest:]
        header = None
        # ('规章 | (设区的市、自治州人民政府应提供相关数据) | 5 | …': the note was the row's label, no row's)
        labels, values = _active_values(_join_label_note(labels), values)
        row_key = vocab.active_row(labels[-1].text)
        remark = (labels[:-1] if row_key is not None else [] if values else labels) if pending else []
        if pending and remark:  # (the row before's remark, in words, not read)
            res.flags.append(_note_flag("active", *pending, remark))
            if row_key is None:
                continue
        if row_key is None:
            # a row's label with a value left in it ('行政处罚 十一'); a line of prose wrapped after a number
            # ('…主动公开政府信息 16730') has no row's label before it and is no row
            unread = _ENDS_IN_VALUE.search(labels[-1].text)
            if values or (unread and vocab.active_row(labels[-1].text[:unread.start()])):
                res.flags.append(Flag("unknown_row", "active", row.line, labels[-1].text))
            continue
        row_cols, row_filler, row_head = cols, filler, head_at
        own = item_of.get(row_key)
        if own is not None and item is not None and own != item:
            # a row of another block under this block's header: a page break repeated the table's first
            # rows (第二十条第(一)项 and its header) inside a later block; the row keeps its own block's columns
            row_cols = cols_of.get(own, cols)  # (a block whose own head is missing or mis-numbered: as before)
            row_filler = filler_of.get(own, filler)
            row_head = head_of.get(own, head_at)
        if row_filler:
            values = [c for j, c in enumerate(values) if j not in row_filler]
        met.add(row_key)
        if not row_cols:  # (no header, or one that named no column: '信息内容 | | |')
            res.flags.append(Flag("header_missing", "active", row.line, labels[-1].text))
            continue
        if row_key in seen:
            res.flags.append(Flag("duplicate_row", "active", row.line, row_key))
            continue
        seen.add(row_key)
        noted = _ends_in_notes(row_cols)
        if noted:  # (a blank note, '| 规章 | 0 | 0 | 3 | |', is dropped as filler: an empty remark; so is '无')
            row_cols = row_cols[:-1]
            values = _without_empty_remark(row, values)
        ncols = len(row_cols)
        values = _trim_values(values, ncols)
        if noted and len(values) == ncols + 1 and not values[-1].glued:
            # a remark in the 备注 column, words or a number: a note after the values, not read
            res.flags.append(_note_flag("active", row_key, row, values[-1:]))
            values = values[:-1]
        elif noted:
            remark_of = (row_key, row)
        money_cols = frozenset(i for i, (k, _, _) in enumerate(row_cols) if k in money_keys)
        sparse = False
        signed_cols = frozenset(i for i, (k, _, _) in enumerate(row_cols) if k in signed)
        if values and values[0].glued and values[0].text[:1] == "-" and 0 not in signed_cols:
            values = _leading_hyphen_cut(values)
        values = _dash_run_cut(values, ncols)
        if 1 < len(values) < ncols and values[0].col >= 0 and row_head is not None:
            # (a row set in columns by runs of spaces, a blank cell left only its place: its values by their places;
            # one value alone may be a merged cell over the row, seed 000's '行政事业性收费   /': not told, ragged)
            values = _active_by_columns(res, row_key, row, values, _active_spans(rows, split, row_head, ncols, noted))
        if len(values) == 1 and ncols > 1 and not values[0].glued and (values[0].text[-1:].isdigit() or money_cols):
            # a row's one cell of glued digits ('| 规章 | 3015 |'): its cells, not one count, cut as page text
            # is; with no identity on the row and its blanks maybe lost too, only what every cut into at most
            # its columns agrees on is read ('005' is 0 | 0 | 5; '3015' is 3 | 0 | 15 or 30 | 1 | 5: missing;
            # '0630.2' is 0 | 630.2, the decimals the money's)
            values = _one_glued_run(values, ncols, money=bool(money_cols))
            sparse = values[0].glued
        if len(values) > ncols:  # a note after the values ('行政许可 | 88 | -7 | 20 | 含上年结转项目')
            values = _drop_notes(res, "active", row_key, row, values, ncols, lambda t: vocab.active_row(t) is not None)
        placement = place([RowInput(row_key, values, ncols, sparse=sparse)], [], money_cols=money_cols,
                          signed_cols=signed_cols)[row_key]
        if signed_cols:
            placement = _signed_in_words(placement, signed_cols)
        _flag_placement(res, "active", row, placement, row_key, values)
        _flag_text_values(res, "active", row_key, placement, money_cols)
        unplaced = _unplaced_flag(placement)
        col_keys = [k for k, _, _ in row_cols]
        # (a row of no money column nor unknown one, its every cell read as a number: its records built in bulk)
        built = None if money_cols or placement.inferred or None in col_keys else _read_row_records(
            "active", row_key, labels[-1].text, col_keys,  # type: ignore[arg-type]  # no None: tested just before
            [lab for _, lab, _ in row_cols], placement.cells)
        if built is not None:
            res.records += built
        for i, (col_key, col_label, header_unit) in enumerate(row_cols if built is None else ()):
            if col_key is None:
                continue
            placed = placement.cells[i]
            unit = None
            if col_key in money_keys and placed is not None and placed.value is not None:
                placed, unit = _money(placed, header_unit, col_label, res, row)
            res.records.append(_record("active", row_key, col_key, placed, row_label=labels[-1].text,
                                       col_label=col_label, line=row.line, unit=unit, flag=unplaced,
                                       inferred=i in placement.inferred))
        absent = _absent_columns(block_of.get(row_key), row_cols, col_templates)
        for col_key in absent:  # (no cell of it: NA, flagged by the column's name, as in the requests table)
            res.records.append(_record("active", row_key, col_key, None, row_label=labels[-1].text,
                                       col_label=fm["cols"][col_key]["labels"][0], line=row.line,
                                       flag="missing_columns"))
        if absent and (item_of[row_key], *absent) not in absent_flagged:
            absent_flagged.add((item_of[row_key], *absent))
            res.flags.append(Flag("missing_columns", "active", row.line,
                                  f"第二十条第({item_of[row_key]})项: {', '.join(absent)}"))
    if seen:
        res.present.add("active")
    if len(block_templates) > 1:
        res.flags.append(Flag("mixed_template", "active", None,
                              "Article 20 blocks use both the 2019 and the 2021 columns"))
    template = block_templates.pop() if len(block_templates) == 1 else None
    res.templates["active"] = template
    if seen:
        # blocks or rows left out (第(八)/(九)项, a 行政强制 row): flagged as in the requests table; with no
        # format or both, only the rows both formats have are expected
        expected = fm.get(f"expected_rows_{template}") or [
            k for k in fm["expected_rows_2019"] if k in fm["expected_rows_2021"]]
        _flag_missing_rows(res, "active", expected, met)


def _active_spans(rows: list[Row], split: list[tuple[list[Cell], list[Cell]]], head: int, ncols: int,
                  noted: bool) -> list[tuple[int, int]] | None:
    """The display columns each of the ``ncols`` value columns of the Article 20 block whose header row is
    ``rows[head]`` spans where runs of spaces set its cells apart (``Cell.col``): as the block's rows of all their
    values show them, else as the header's labels stand (a label's words one space apart one label; ``noted``: the
    header's last, 备注, no value's); None where neither tells them."""
    block = _block_values(rows, split, head)
    spans = _column_spans(block, ncols) if block else None
    if spans is not None:
        return spans
    labels = _label_spans(rows[head].cells[1:])
    labels = labels[:-1] if noted else labels
    return labels if len(labels) == ncols and _apart(labels) else None


def _label_spans(cells: Iterable[Cell]) -> list[tuple[int, int]]:
    """The display columns each label of a header row set apart by runs of spaces spans, from the places of its
    ``cells`` (``Cell.col``; those of none left out): words one space apart are one label's ('本年新 公开数量')."""
    labels: list[tuple[int, int]] = []
    for cell in cells:
        if not cell.text or cell.col < 0:
            continue
        end = cell.end
        if labels and cell.col - labels[-1][1] < 2:
            labels[-1] = (labels[-1][0], end)
        else:
            labels.append((cell.col, end))
    return labels


def _active_by_columns(res: TableResult, row_key: str, row: Row, values: list[Cell],
                       spans: list[tuple[int, int]] | None) -> list[Cell]:
    """An Article 20 row's ``values``, fewer than its columns and set apart by runs of spaces, each under the column
    of ``spans`` it overlaps, a blank cell in each other (read in order, the values after a blank one stood a column
    early); none where one stands under no column or two (flagged ragged: its columns are not told), and as they
    are where the spans are not known or the cells have no places."""
    if spans is None or not all(c.col >= 0 and c.text and not c.glued for c in values):
        return values
    at = _columns_under(values, spans)
    if at is None:
        res.flags.append(Flag("ragged", "active", row.line, f"{row_key}: the columns of the values are not told by "
                                                            f"their places{_as_written(values)}"))
        return []
    return _in_their_columns(values, at, len(spans))


def _absent_columns(block: dict | None, cols: list[tuple[str | None, str, str | None]],
                    col_templates: dict[str, str | None]) -> list[str]:
    """The columns of ``block``'s format (formats.yaml ``active.blocks``) its header ``cols`` leave out.

    Only where the header names one format and every label of it is known: a header of the 2019 format without
    本年增/减 leaves ``change`` out, one naming 处理决定数量 alone (either format) nothing, and an unknown label
    may be the column not found.  A header naming only columns of either format names the block's format where the
    block has one (第二十条第(九)项, of the 2019 format only: 采购总金额 alone leaves 采购项目数量 out).
    """
    keys = [k for k, _, _ in cols]
    templates = {t for k in keys if k is not None and (t := col_templates.get(k)) is not None}
    if not templates and block is not None and len(block["cols"]) == 1:
        templates = set(block["cols"])
    if block is None or None in keys or len(templates) != 1:
        return []
    return [k for k in block["cols"].get(templates.pop(), []) if k not in keys]


def _money(placed: Placed, header_unit: str | None, col_label: str, res: TableResult,
           row: Row, table: str = "active") -> tuple[Placed, str | None]:
    """Money in 万元: the cell's unit first, then the header's; a bare number with no unit is NA."""
    cell_money = unit_kind(placed.unit) == "money"
    unit = placed.unit if cell_money else header_unit
    if unit is None and "收费金额" in label_key(col_label):
        unit = "万元"  # the 2021 format fixes this column's unit; said, since the report's header does not
        res.flags.append(Flag("unit_assumed", "active", placed.line,
                              f"{col_label}: {placed.raw} read in 万元, the unit of the 2021 format (the header names none)"))
    if unit is None:
        res.flags.append(Flag("unit_unknown", table, placed.line,
                              f"{col_label}: {placed.raw} has no unit (元 or 万元)"))
        return Placed(None, placed.raw, placed.line, None), None
    value = placed.value
    if cell_money:
        # the cell's own unit (251000元, 3.5千元, 25.1万, 0.35(万元)) converted
        value = parse_number(placed.raw, to_wan=True).value
    elif cell_units()["money"].get(unit, 1) != 1:   # type: ignore[union-attr]  # a bare number under a header in 元
        value = round(value / cell_units()["money"][unit], 10)  # type: ignore[operator, call-overload]
    # the unit of the value, now in 万元 (the 元 as written stays in raw, or in the header's col_label)
    return Placed(value, placed.raw, placed.line, "万元"), "万元"


_GLUED_ALONE = re.compile(r"0\d+|\d{4,}")  # digits no page number is: a leading zero, or four digits or more


def _flag_unlabelled(res: TableResult, table: str, row: Row, values: list[Cell]) -> None:
    """Values on a row of their own, with no label to place them by: flagged, never silently dropped.

    A single number alone on its line is left alone: page numbers stand on lines of their own; not one no page number
    is, a row's counts glued in one cell ('0000000', '000': a row split by a page break, its label on one page).
    """
    if len(values) >= 2 or (values and (len(row.cells) >= 2 or _GLUED_ALONE.fullmatch(values[0].text))):
        res.flags.append(Flag("unlabelled_values", table, row.line,
                              f"{len(values)} values without a row label: {' '.join(c.text for c in values[:8])}"))


def _as_written(values: Sequence[Cell]) -> str:
    """' (written: 12 | 34 | 5)', a row's value cells as written where one holds a value, else '': added to the
    flag of a row none of whose cells was placed, the one place its digits are then kept."""
    return f" (written: {' | '.join(c.text for c in values)})" if _written(list(values)) else ""


def _flag_placement(res: TableResult, table: str, row: Row, placement, row_key: str,
                    values: Sequence[Cell] = ()) -> None:
    """Flag a row whose ``placement`` left cells undecided; ``values``, the row's value cells as written, are given
    where none of them was placed (an Article 20 row, '行政强制 | 135 | |': its cells are NA, and the flag is then
    the one place that keeps the number; so for digits of several readings, '行政强制 | 135', of none, or more values
    than columns, in any table: none placed)."""
    if placement.mode == "complete":
        return  # (most rows: a complete row is flagged by none of the branches below)
    placed = len(placement.cells) - placement.cells.count(None)
    written = "" if placed else _as_written(values)
    # (a ragged row of no reading the identities allow is unplaced too: flagged, not only of several)
    if placement.mode == "ragged" and (placed or placement.readings != 1):
        res.flags.append(Flag("ragged", table, row.line,
                              f"{row_key}: {placed} of {len(placement.cells)} cells placed{written}"))
    elif placement.mode == "glued" and not placement.certain:
        res.flags.append(Flag("ambiguous_digits", table, row.line,
                              f"{row_key}: {placement.readings} readings of the digits remain{written}"))
    elif placement.mode == "glued" and placement.inferred:
        # one reading left, but only because the identities ruled the others out: they chose it, so they
        # cannot confirm it (its cells are `inferred`, the checks on them unverifiable)
        cells = " | ".join(c.raw if c is not None else "" for c in placement.cells)
        res.flags.append(Flag("glued_digits", table, row.line,
                              f"{row_key}: {placement.initial} readings of the digits, the identities left one: "
                              f"{cells}"))
    elif placement.mode == "extra":
        res.flags.append(Flag("extra_cells", table, row.line, f"{row_key}: more values than columns{written}"))


def _flag_missing_rows(res: TableResult, table: str, expected: list[str], met: Collection[str]) -> None:
    """Flag the rows of the format (``expected``, in its order) that the table leaves out.

    Rows missing only after the last one met are a table that stops early (``truncated``); otherwise the
    report left rows or blocks out (``missing_rows``).  Either way the rows have no cells: absent, never 0.
    """
    missing = [k for k in expected if k not in met]
    found = [expected.index(k) for k in met if k in expected]
    if not missing or not found:
        return
    if all(expected.index(k) > max(found) for k in missing):
        res.flags.append(Flag("truncated", table, None, f"table ends before {missing[0]}"))
    else:
        res.flags.append(Flag("missing_rows", table, None, ", ".join(missing)))


# --- requests ---------------------------------------------------------------------


def _only_total(values: list[Cell], ncols: int) -> bool:
    """Whether a requests row's one written cell stands in 总计's place (the last of ``ncols``)."""
    return [i for i, c in enumerate(values) if c.text or c.glued] == [ncols - 1]


def _first_items_of_groups(subtotals: list[tuple[str, str, list[Cell], Row]],
                           found: dict[str, tuple[list[Cell], Row, str]], order: list[str], apart: list[int],
                           ncols: int) -> list[tuple[str, str, list[Cell], Row]]:
    """The values on a group's own row read as its first item's, where that item's label was lost; the other
    group rows with values, kept as subtotals.

    In a table that writes a group's label on its first item's row ('(三)不予公开 | 1.属于国家秘密 | 0 | …', the
    format's merged cell), a group's row of values whose first item is missing and whose next row is the group's
    second item is that first item's row, its label lost: seed 000 without '1.属于国家秘密' read '(三)不予公开' then
    its seven counts as the group's subtotal (not kept), 1.属于国家秘密 missing.  Not where a group row's first
    item is met too (a table of subtotals), nor where a row of values without a label (``apart``, their lines)
    stands between the group's row and the next row met, nor where a row keeping its blank cells starts with one it
    may not have one too many of (the lost label's, or a blank count).  ``found`` and ``order`` take the items found
    so.
    """
    rows = load_formats()["requests"]["rows"]
    firsts: dict[str, str] = {}
    for key, spec in rows.items():
        if spec.get("group"):
            firsts.setdefault(spec["group"], key)
    if any(firsts.get(group, "") in found for group, _, _, _ in subtotals):
        return subtotals  # (a group row with values above its first item: the table writes subtotals)
    kept = []
    for group, label, values, row in subtotals:
        first = firsts.get(group)
        after = [k for k in order if found[k][1].line > row.line]
        nxt = after[0] if after else None
        end = found[nxt][1].line if nxt else float("inf")
        if first is None or nxt is None or rows[nxt].get("group") != group or \
                any(row.line < line < end for line in apart):
            kept.append((group, label, values, row))
            continue
        values = _trim_values(values, ncols)
        if row.explicit and values and not values[0].text and not values[0].glued:
            if len(values) <= ncols:  # (a blank first count, or the lost label's cell and a count lost: not told)
                kept.append((group, label, values, row))
                continue
            values = values[1:]  # (the lost label's cell, left empty: '(三)不予公开 | | 0 | …')
        found[first] = (values, row, label)
        order.insert(order.index(nxt), first)
    return kept


def _first_item_of_other_format(found: dict[str, tuple[list[Cell], Row, str]], order: list[str],
                                subtotals: list[tuple[str, str, list[Cell], Row]], apart: list[int], ncols: int,
                                ) -> list[tuple[str, str, list[Cell], Row]]:
    """:func:`_first_items_of_groups`, a row read as one format's own row in a table of the other format taken for
    the group its label names there, where that group's first item is missing.

    '(六)其他处理' names the 2019 format's single row and the 2021 format's group of three items.  In a 2021 table
    (its items read) whose first item's label was lost (seed 002 one cell a line without its line
    '1.申请人无正当理由逾期不补正…'), the group's label then that item's counts were read as the 2019 row, a row
    that table does not have.
    Where the table writes its groups' labels on their first items' rows, they are that item's counts.  Else the
    row keeps its reading (the 2021 subtotal written on the group's row, checked against its items).
    """
    rows = load_formats()["requests"]["rows"]
    vocab = vocabulary()
    firsts: dict[str, str] = {}
    for key, spec in rows.items():
        if spec.get("group"):
            firsts.setdefault(spec["group"], key)
    templates = {rows[k].get("template") for k in found} - {None}
    moved: dict[int, tuple[str, tuple[list[Cell], Row, str]]] = {}  # id(row) -> (its key, its reading)
    for key in [k for k in found if rows[k].get("template")]:
        values, row, label = found[key]
        group = vocab.request_group(label)
        if templates - {rows[key]["template"]} and group and firsts.get(group) not in found and _written(values):
            subtotals = [*subtotals, (group, label, values, row)]
            moved[id(row)] = (key, found.pop(key))
            order.remove(key)
    kept = _first_items_of_groups(subtotals, found, order, apart, ncols)
    for entry in [x for x in kept if id(x[3]) in moved]:  # (not its group's first item: read as before)
        key, was = moved[id(entry[3])]
        kept.remove(entry)
        found[key] = was
        after = [k for k in order if found[k][1].line > was[1].line]
        order.insert(order.index(after[0]) if after else len(order), key)
    return kept


def _untested_rows(identities: list[dict], found: dict, outcome_rows: list[str]) -> set[str]:
    """The rows of ``found`` that every per-column identity naming them leaves untested, a row of it missing.

    A row short of values (blank cells lost, a cell a line) is read by the convention, first value in the first
    column and last in 总计, only where the identities do not refute it.  Where a row they need is lost, they test
    nothing: seed 002 one cell a line without '一、本年新收…' (or '(七)总计') read 上年结转's '0 0 0 0 0 4' with
    its first 0 as the natural persons' count, a cell the report leaves blank.  Such a row's cells are placed only
    where every reading agrees.
    """
    tested: set[str] = set()
    named: set[str] = set()
    for ident in identities:
        if ident["per"] != "column" or not identity_applies(ident, found.keys()):
            continue  # (an identity of the other format, or of a row the table does not write)
        rows = [*ident["lhs"], *(outcome_rows if ident["rhs"] == "@outcome_rows" else ident["rhs"])]
        named.update(rows)
        if found.keys() >= set(rows):
            tested.update(rows)
    return (named - tested) & found.keys()


def _six_undecided(fm: dict) -> str:
    """The (六) rows a table of neither known format leaves out, as its missing_rows flag names them."""
    only = {y: [k for k in fm[f"outcome_rows_{y}"] if k not in fm[f"outcome_rows_{x}"]]
            for y, x in (("2019", "2021"), ("2021", "2019"))}
    return f"{', '.join(only['2019'])} (2019) or {', '.join(only['2021'])} (2021)"


def _extract_requests(rows: list[Row], res: TableResult, identities: list[dict]) -> None:
    fm = load_formats()["requests"]
    vocab = vocabulary()
    col_keys = list(fm["cols"])
    ncols = len(col_keys)
    rows = _joined_halves(rows, col_keys)
    found: dict[str, tuple[list[Cell], Row, str]] = {}
    shapes: dict[str, int] = {}  # row key -> number of label cells, for rows that kept all their cells
    filler_shapes: set[int] = set()  # label counts of rows that ended in filler cells
    order: list[str] = []
    runs: set[str] = set()  # rows whose values are one cell of glued digits (_one_glued_run)
    apart: list[int] = []  # the lines of rows of values without a label (flagged unlabelled_values)
    lone: list[tuple[Row, list[Cell]]] = []  # those rows and their values
    group: str | None = None
    header: list[str] = []  # the label keys of the header rows' cells, in order
    head_cells: list[Cell] = []  # the header rows' cells (their places, where spaces set them: _place_by_columns)
    subtotals: list[tuple[str, str, list[Cell], Row]] = []  # (group, label, values, row) of group rows with values
    beside = False  # a group's label read on its first item's row ('(三)不予公开 | 1.属于国家秘密 | 0 | …')
    # A reader's grid row with more cells than columns has an empty cell too many: an unmerged label cell
    # before the counts ('(一)予以公开 | (empty) | 3 | …'), or a spacer column after them. Where no row shows
    # a spacer column (an excess that can only be at the end), the empty cell is the label's.  Pipe text (rows
    # not of a reader's grid) writes a merged span's cells as filler at a row's end ('99 | |||', seed 001): there
    # a row whose counts are all blank but 总计 ('| | … | 12 | |||') had it moved left under other_org; such a row
    # keeps its surplus at its end unless a row shows an empty label cell (a blank first and a count last). So
    # does a grid's row: a DOCX grid pads a row of fewer label cells at its end, and where the rows of most
    # label cells fill the columns exactly, no row shows a spacer; with only 总计 filled, every total of a row
    # of one label was read under other_org, unflagged (seed 001: 38 cells).
    split = [(row, *_split_row(row)) for row in rows]
    extras = _header_extras(split)
    remarks = bool(extras & _note_headers())
    if remarks and _remarks_are_marks(split):  # a header naming 备注: a row's last '无' is its empty remark
        split = [(row, labels, _without_empty_remark(row, vals)) for row, labels, vals in split]
    # the row just read under a header naming 备注, when its remark was not among its cells: a layout of a cell a
    # line puts a remark in words before the next row's label, or on a row of its own after the table's last
    remark_of: tuple[str, Row] | None = None
    subtotal = bool(extras & _subtotal_headers())
    if subtotal:  # (a 小计 column of the organisations: a column of its own, found where the header names it)
        ncols += 1
    if any(len(vals) > ncols for _, _, vals in split):  # (rows of a surplus only: the common table has none)
        if not remarks and not subtotal:
            split = _without_blank_column(split, ncols)
        split = _under_label_columns(split, ncols, remarks)
    # A spacer column shows in a row whose first count is written, or in a row of two label cells (a group and
    # its item), which has no label cell to leave empty: with only 总计 filled, the rows of one label were read
    # as having an empty label cell, and every total moved under other_org, unflagged.
    spacer = any(row.explicit and len(vals) > ncols and not vals[-1].text and (vals[0].text or len(labels) >= 2)
                 for row, labels, vals in split)
    # (under a header naming 备注, rows of all their counts and a blank remark's cell after them show the remarks'
    # column in any layout that keeps blank cells: a row of a blank first count ends in its remark, a number too)
    shown = spacer or remarks and any(len(vals) == ncols + 1 and _written(vals[:1]) and not _written(vals[-1:])
                                      for _, labels, vals in split if labels)
    # (a note after the counts, '| | 2 | … | 20 | 含撤回1件 |', is no count: the row's blank first cell is its
    # natural-person count, not an empty label cell, else every count moved one column left, unflagged)
    # (a row that alone shows one, its last cell a number: '| | 5.属于三类内部事务信息 | | … | 0 | 12 |' may as
    # well be a blank first count and a surplus count; no count is placed on its word, the row is left missing,
    # unless its row identity tells: its counts after the blank all written, the last their sum)
    gap_rows = [(row, len(labels), vals) for row, labels, vals in split  # (grid rows, pipe rows: where a row shows one)
                if row.explicit and len(vals) > ncols and not vals[0].text and vals[-1].text
                and len(vals) - _words_at_end(vals) > ncols]
    # (rows of as many label cells that show none, their first count written: the rows that do are one cell too
    # long for a count after them, '一、本年新收… | | 0 | … | 4 | 3' beside '(七)总计 | 4 | … | 4', not for an empty
    # label cell; read as one, every count moved one column left, flagged only by identities)
    told = {(row.grid, len(labels)) for row, labels, vals in split
            if gap_rows and row.explicit and vals and _written(vals[:1])}
    gaps = Counter(row.grid for row, n, _ in gap_rows if (row.grid, n) not in told)
    # (and where none shows it, one row's identity tells at least: rows of blank first counts all ending in a
    # number, '| | 0 | … | 0 | 3' each, may as well be read either way; each is left to its own identity)
    confirmed = {row.grid for row, n, vals in gap_rows
                 if (row.grid, n) not in told and not subtotal and _gap_by_identity(vals, ncols)}
    label_gap = {grid for grid in gaps if gaps[grid] == 1 or grid in confirmed}
    lone_gap = {id(row) for row, n, _ in gap_rows
                if gaps[row.grid] <= 1 or row.grid not in confirmed or (row.grid, n) in told}

    def is_row(text: str) -> bool:
        return vocab.request_row(text) is not None or vocab.request_group(text) is not None

    unnumbered: dict[str, Row] = {}  # rows read by a name the format reads only numbered ('合计 | …'), by key
    results = {*fm["outcome_rows_2019"], *fm["outcome_rows_2021"]}
    among: set[str] = set()  # the keys of ``unnumbered`` read after a result's row

    def _drop_unnumbered(keys: list[str]) -> None:
        """The rows read unnumbered under ``keys`` unread again, each flagged unknown_row by its label and its values
        as written (the one place that keeps them)."""
        for key in keys:
            res.flags.append(Flag("unknown_row", "requests", unnumbered[key].line,
                                  f"{found[key][2]}{_as_written(found[key][0])}"))
            del found[key], unnumbered[key]
            among.discard(key)
            shapes.pop(key, None)
            runs.discard(key)
            order.remove(key)
    missing: str | None = None  # the one column the header and every row leave out
    undecided = False  # rows that fit both that reading and one of every column: their last count not placed
    for row, labels, values in split:
        pending, remark_of = remark_of, None
        if header and not found and ncols == len(col_keys) + subtotal and any(c.text and c.is_value for c in values):
            missing, undecided = _missing_column(header, col_keys, split, identities, subtotal)
            if missing:
                ncols -= 1
            elif undecided:
                res.flags.append(Flag("ragged", "requests", None, _UNDECIDED))
        if undecided:  # (a row one count short of the columns, flagged ragged by its placement)
            values = _trim_values(values, ncols - 1)
        if not labels:
            _flag_unlabelled(res, "requests", row, values)
            if _written(values):
                apart.append(row.line)
                lone.append((row, values))
            continue
        # (the one count of a pipe row in 总计's place, were the surplus at its end: only 总计 filled, not an
        # empty label cell before a lone other_org count; asked only of the rows where it tells, as it looks at
        # each cell)
        if row.explicit and not spacer and (row.grid in label_gap or not _only_total(values, ncols)) and \
                (id(row) not in lone_gap or (not subtotal and _gap_by_identity(values, ncols))):
            note = _words_at_end(values) if len(values) > ncols else 0
            # (under a header naming 备注, a blank last cell is the row's blank remark, a surplus at its end: with
            # remarks in words elsewhere, '二、上年结转… | | 0 | … | 4 | (blank)' was read one column left, 总计 NA)
            note = note or int(remarks and len(values) > ncols and not _written(values[-1:]))
            while len(values) - note > ncols and not values[0].text and not values[0].glued:
                values = values[1:]  # an empty label cell, not a blank count
        if vocab.is_identity_note(labels[0].text):
            continue
        if extras and len(labels) >= 2 and _is_note_header(labels[0].text, extras):
            # the header's last cell before the first row's label (a layout of a cell a line: '小计' or '备注' then
            # '一、本年新收… | 4 | …')
            header.append(label_key(labels[0].text))
            labels = labels[1:]
        if pending:  # (the row before's remark: its label cells before this row's label or group, or all of them)
            n = next((i for i, c in enumerate(labels) if is_row(c.text) or vocab.is_header(c.text)), len(labels))
            if n and (n < len(labels) or not any(c.text for c in values)):
                res.flags.append(_note_flag("requests", *pending, labels[:n]))
                labels = labels[n:]
                if not labels:
                    continue
        # (a row of counts is none: '总计 | 0 | 0 | …', 总计 without its item number (四), is the row of that name)
        if _header_row(labels, values) and not any(vocab.request_row(c.text) and
                                                   c.text[:1] in "一二三四(" for c in labels) \
                and not (header and any(c.text and c.is_value for c in values)):
            header += [label_key(c.text) for c in row.cells]
            head_cells += row.cells
            continue
        labels = _join_label_note(_split_group_items(labels))
        row_key = None
        for cell in labels:
            g = vocab.request_group(cell.text)
            if g:
                group = g
        labels, values = _text_in_value_place(labels, values, is_row)
        last = labels[-1]
        last_group = vocab.request_group(last.text)
        if last_group and _group_names_row(last_group, values, fm):
            # ('三、本年度办理结果 | 合计 | 4 | …', as one cell a line reads the heading alone on its line before the
            # row: the row of 合计 under its group, read as where the heading stands on a row of its own)
            labels, values, last, last_group = values[:1], values[1:], values[0], None
        if group == "other_2021" and vocab.request_row(last.text) == "other_misc":  # (3.其他, 3.其它)
            row_key = "other_misc"
        elif last_group == "other_2021":
            row_key = "other_handling"  # the 2019 format's single row
        elif last_group:
            if _written(values):
                # a subtotal written on a group's row ((三)不予公开 | 7 | … | 7): the schema has no key for it;
                # flagged below with its values, never dropped silently
                subtotals.append((last_group, last.text, values, row))
            continue  # a group label on a row of its own
        else:
            row_key = vocab.request_row(last.text)
        if row_key is None and len(labels) == 1 and _written(values):
            # (a name read only with its item number names the row too where it stands first before counts: '合计 |
            # 4 | … | 4' is the total row, where the header's '… | 其他 | 合计' names a column)
            row_key = vocab.request_numbered_row(last.text)
            if row_key in found:
                row_key = None
            elif row_key:
                unnumbered[row_key] = row
                if results.intersection(found):
                    among.add(row_key)
        else:
            # (the unnumbered 合计 before was a group's sum where the row is then named as the format does, or where it
            # stands among the results' rows: the total is their last, or their first ('三、… | 合计 | … / (一)…'),
            # '合计' between (三)'s items and (四) summed (三) alone)
            _drop_unnumbered([k for k in unnumbered if k == row_key or k in among and row_key in results])
        if row_key is None:
            if values or _ENDS_IN_NUMBER.search(last.text):  # '… 0': a value that stayed in its label's cell
                res.flags.append(Flag("unknown_row", "requests", row.line, f"{last.text}{_as_written(values)}"))
            continue
        if row_key in found:
            res.flags.append(Flag("duplicate_row", "requests", row.line, row_key))
            continue
        beside = beside or any(vocab.request_group(c.text) for c in labels[:-1])
        trimmed = _dash_run_cut(_trim_values(values, ncols), ncols)
        if len(trimmed) == 1 and not trimmed[0].glued and trimmed[0].text[-1:].isdigit():
            # a row's one cell of glued digits ('| 本年新收… | 8811000099 |'): its cells, not one count, cut as
            # page text is; only a cut the identities leave is read ('1400014' is no 1|4|0|0|0|1|4 where its
            # blanks lost their marks too, 14 | | | 0 | 0 | 0 | 14)
            trimmed = _one_glued_run(trimmed, ncols)
            if trimmed[0].glued:
                runs.add(row_key)
        if len(trimmed) < len(values) and not row.explicit:  # (a reader's grid has no filler cells)
            filler_shapes.add(len(labels))
        # (a row of no more cells than columns, the common one, has no surplus note, but for a row of text that lost
        # its blank cells: '(二)部分公开… | 0 | … | 0 | 备注:含补正' (seed 000's layout) ends in a note in 总计's place)
        kept = trimmed
        if remarks and len(trimmed) == ncols + 1 and not trimmed[-1].glued and (
                _written(trimmed[:1]) or not trimmed[-1].text[-1:].isdigit() or shown and len(values) == ncols + 1
                or _sums_to_last(trimmed[1:ncols]) and not _sums_to_last(trimmed[1:])):
            # the remark under the header's 备注, whatever it says: no count, as the legacy table's ('… | 99 |
            # 含补正' or '| 3': a short word or a number, which _drop_notes keeps as a value, lost the row,
            # extra_cells); one saying there is none ('无') is not said. A blank first count before a number is
            # kept so only where rows show the remarks' column (``shown``) and this row no cell after the number,
            # or the row identity holds so alone: else the blank may be an empty label cell ('| | 74 | … | 74 | |').
            if trimmed[-1].text not in NA_MARKS:
                res.flags.append(_note_flag("requests", row_key, row, trimmed[-1:]))
            kept = trimmed[:-1]
        elif len(trimmed) > ncols:
            kept = _drop_notes(res, "requests", row_key, row, trimmed, ncols, is_row)
        elif len(trimmed) == ncols and trimmed[-1].text[-1:] not in "0123456789" and not trimmed[-1].glued \
                and not row.grid and not trimmed[-1].page_like:
            # (in a reader's grid the note stands in 总计's cell; a count in brackets the row takes back is its 总计)
            kept = _drop_notes(res, "requests", row_key, row, trimmed, ncols - 1, is_row)
        found[row_key] = (kept, row, last.text)
        if remarks and len(trimmed) <= ncols:
            remark_of = (row_key, row)
        if len(trimmed) == len(values):  # (a row whose filler was trimmed has its blank 总计 as written)
            shapes[row_key] = len(labels)
        order.append(row_key)
    if beside:
        subtotals = _first_item_of_other_format(found, order, subtotals, apart, ncols)
    if not found:
        _flag_subtotals(res, subtotals, {}, [], ncols)
        return
    for key, (values, row, label) in found.items():
        # Where rows of this shape end in a filler cell ('(一)予以公开 |' … '3 |' then a lone '|'), a row of
        # exactly as many cells as columns whose last is blank has lost a value, not left 总计 blank.
        if (shapes.get(key) in filler_shapes and len(values) == ncols and not values[-1].text
                and not values[-1].glued and not row.explicit):
            found[key] = (values[:-1], row, label)
    _place_by_columns(res, found, ncols, head_cells)
    res.present.add("requests")
    template = "2021" if any(k in found for k in ("other_no_correction", "other_unpaid_fee", "other_misc")) \
        else ("2019" if "other_handling" in found else None)
    if template == "2021" and "other_handling" in found and not any(c.text for c in found["other_handling"][0]):
        # (六)其他处理 on a row of its own: the 2021 group label, not the 2019 row
        del found["other_handling"]
        order.remove("other_handling")
    res.templates["requests"] = template
    # Rows left out are named by the table's own format; a table without any (六) row does not show it, and
    # the Article 20 table's format (read before) names them; with neither, both formats' (六) rows are named.
    basis = template or res.templates.get("active")
    outcome_rows = fm[f"outcome_rows_{basis or '2019'}"]
    named = outcome_rows if basis else [_six_undecided(fm) if k == "other_handling" else k for k in outcome_rows]
    expected = ["new", "carried_over", *named, "handled_total", "carried_forward"]
    _lost_last_label(res, found, order, expected, lone, apart, ncols)
    _flag_missing_rows(res, "requests", expected, found)
    kept_cols = [col for col in col_keys if col != missing]
    if missing:
        res.flags.append(Flag("missing_columns", "requests", None, missing))
    written = _written_columns(header, kept_cols)
    # (the row identity by the columns where they stand: 总计 first is no sum of the counts after it)
    constraints = _constraints(identities, sorted(kept_cols, key=lambda col: written[kept_cols.index(col)]), order,
                               outcome_rows)
    places = _subtotal_places(header, kept_cols) if subtotal else []
    sub_at = places[0] if len(places) == 1 else _subtotal_by_rows(places, written, kept_cols,
                                                                   [found[k][0] for k in order],
                                                                   identities) if places else None
    unsure = sub_at is None and bool(places)  # (where neither the header nor the rows tell: no count placed)
    if unsure:
        sub_at = places[0]
        res.flags.append(Flag("ragged", "requests", None, _SUBTOTAL_UNDECIDED))
    if sub_at is not None:  # (the columns from the 小计 on stand one further; it is the organisations' sum)
        constraints = [Constraint(*(tuple((r, c + (c >= sub_at)) for r, c in side) for side in con))
                       for con in constraints]
        written = [w + (w >= sub_at) for w in written]
        # (the organisations' places by their names: a column left out is not among ``written`` yet)
        orgs = tuple(w for col, w in zip(kept_cols, written) if col not in (col_keys[0], col_keys[-1]))
        constraints += [Constraint(((k, sub_at),), tuple((k, w) for w in orgs)) for k in order]
    joined = _joined_lost_rows(found, order, expected, apart, ncols)
    # (a row a lost row's values may have joined is placed with no value: none is known to be its own)
    untested = _untested_rows(identities, found, outcome_rows)
    inputs = [RowInput(k, [] if k in joined else found[k][0], ncols, anchored=k not in untested, confirmed=k in runs)
              for k in order]
    placements = place(inputs, constraints)
    at_of: list[int | None] = list(written)
    if missing:  # (no cell of it: NA, flagged by its column's name)
        at_of.insert(col_keys.index(missing), None)
    # (each column's key, label and place in the cells, once a table rather than once a record: the loop below
    # runs for every cell of the table)
    columns = [(col, fm["cols"][col][0], at) for col, at in zip(col_keys, at_of)]
    col_labels = [col_label for _, col_label, _ in columns]
    # (a row's cells in the columns' order, taken in C; the table has several columns, so a tuple)
    in_order = None if missing or unsure else operator.itemgetter(*written)
    dots = unsure or _placed_dots(placements.values())  # (no decimals test of each cell where no '.' was placed)
    append = res.records.append
    for key in order:
        values, row, label = found[key]
        placement = placements[key]
        unread = not values and bool(_ENDS_IN_VALUE.search(label))
        if unsure:
            unplaced = "ragged"
        else:
            _flag_placement(res, "requests", row, placement, key, values)
            _flag_text_values(res, "requests", key, placement, dots=dots)
            if key in joined:
                res.flags.append(Flag("ragged", "requests", row.line, f"{key}: 0 of {ncols} cells placed, the "
                                      f"values of the lost row after it may be among them{_as_written(values)}"))
            if unread:  # nothing placed, yet the label holds a value: unknown, not blank
                res.flags.append(Flag("ragged", "requests", row.line,
                                      f"{key}: no cell read; the label holds {label!r}"))
            unplaced = "ragged" if key in joined else _unplaced_flag(placement, unread)
        line = row.line
        cells, inferred = placement.cells, placement.inferred
        built = (None if in_order is None or inferred or key in joined
                 else _read_row_records("requests", key, label, col_keys, col_labels, in_order(cells)))
        if built is not None:  # (the common row: every cell read as a number)
            res.records += built
        else:
            for col, col_label, at in columns:  # (``at``: the column where the header puts this one)
                append(_record("requests", key, col, None if at is None or unsure else cells[at],
                               row_label=label, col_label=col_label, line=line,
                               flag="missing_columns" if at is None else unplaced, inferred=at in inferred))
        if sub_at is not None and not unsure:
            _flag_subtotal_column(res, row, key, placement.cells[sub_at], [placement.cells[w] for w in orgs])
    # (where the 小计's place is unsure, the placement is a guess: the groups' sums are not known)
    _flag_subtotals(res, subtotals, {} if unsure else placements, outcome_rows, ncols)


def _joined_lost_rows(found: dict[str, tuple[list[Cell], Row, str]], order: list[str], expected: list[str],
                      apart: list[int], ncols: int) -> set[str]:
    """The requests rows of text that the values of a lost row after them may have joined.

    Text that writes no blank cell, a cell a line, reads a row whose label line was lost ('2.其他法律行政法规禁止公开')
    as going on: its values follow the row before ('1.属于国家秘密' then '0' and '0'), and which of them are that
    row's own is not known.  Such a row is one with values, not of a reader's grid, whose next row in the format
    (``expected``) is missing where a later one is met, and no row of values without a label (``apart``, their
    lines) stands between it and the next row met.  A row holding just its ``ncols`` counts is its own: a report
    leaving a row out whole (seed 001 without '(七)总计') lost the counts of the row before it.  The last row met,
    the format's rows after it all missing, is such a row too where its values cannot all be its own by the
    convention (first the first column, last the total, the others no more than it): seed 004 without the label
    '四、结转下年度继续办理' read (七)总计 as '15 4 19 1 1'.  (Where they can, the table stops early: ``truncated``.)
    """
    joined = set()
    for i, key in enumerate(order):
        values, row, _ = found[key]
        if row.explicit or row.grid or key not in expected or not _written(values):
            continue
        if sum(1 for c in values if c.text or c.glued) == ncols:
            continue  # (a whole row, every count written: nothing of a lost row's is in it)
        at = expected.index(key) + 1
        if at == len(expected) or expected[at] in found:
            continue
        if not any(k in found for k in expected[at + 1:]) and (i + 1 < len(order) or not _over_its_total(values)):
            continue
        end = found[order[i + 1]][1].line if i + 1 < len(order) else float("inf")
        if not any(row.line < line < end for line in apart):
            joined.add(key)
    return joined


def _whole_row(values: list[Cell], ncols: int) -> list[Cell] | None:
    """``values`` without the blank cells around them where just ``ncols`` are left, each a value as written (none
    blank, none glued): a row of all its counts, whose cells' places are known however its blanks were set."""
    start, end = 0, _written_end(values)
    while start < end and not values[start].text and not values[start].glued:
        start += 1
    cells = values[start:end]
    ok = len(cells) == ncols and all(c.text and not c.glued and c.is_value for c in cells)
    return cells if ok else None


def _lost_last_label(res: TableResult, found: dict[str, tuple[list[Cell], Row, str]], order: list[str],
                     expected: list[str], lone: list[tuple[Row, list[Cell]]], apart: list[int], ncols: int) -> None:
    """Read the counts of the requests table's last row whose label line was lost ('四、结转下年度继续办理' gone in a
    copy, its counts kept) as that row where it is certain, in ``found`` and ``order``, flagged unlabelled_values.

    The format's last row (``expected[-1]``) is missing and the row before it (``expected[-2]``, (七)总计) is the
    last met.  Its counts stand either on a row of their own after it (``lone``: rows of values without a label,
    whose lines are ``apart``; they were flagged unlabelled_values and left NA, the table ``truncated``), or, in a
    layout of a cell a line, after 总计's own (总计 read with 14 values: all NA, flagged ragged).  They are that row's
    where they are all its ``ncols`` counts, each written: the one row of values after 总计, or 总计's values just
    twice ``ncols`` written, the first ``ncols`` its own (a row holds no more).  Anything less, or more, is left as
    it was: NA, flagged.
    """
    last, before = expected[-1], expected[-2]
    if last in found or not order or order[-1] != before:
        return
    values, row, label = found[before]
    after = [(r, v) for r, v in lone if r.line >= row.line]
    if after:  # (a row of values after 总计: where it is the only one, its counts are the last row's)
        lost_row, lost = after[0]
        cells = _whole_row(lost, ncols) if len(after) == 1 else None
        if cells is None:
            return
        apart.remove(lost_row.line)
        res.flags[:] = [f for f in res.flags
                        if not (f.code == "unlabelled_values" and f.table == "requests" and f.line == lost_row.line)]
    else:  # (总计's values and the lost row's read as one row: each a whole row, or not told apart)
        split = len(values) >= 2 * ncols and _whole_row(values[:ncols], ncols) and _whole_row(values[-ncols:], ncols)
        if not split or sum(1 for c in values if c.text or c.glued) != 2 * ncols:
            return
        cells = values[-ncols:]
        found[before] = (values[:ncols], row, label)
        lost_row = Row(cells=cells, explicit=row.explicit, spaced=row.spaced)
    found[last] = (cells, lost_row, "")
    order.append(last)
    res.flags.append(Flag("unlabelled_values", "requests", lost_row.line,
                          f"{last}: its label lost, the {ncols} values after {before}'s read as its row"
                          f"{_as_written(cells)}"))


def _over_its_total(values: list[Cell]) -> bool:
    """Whether ``values``, a requests row's cells as written, cannot be its own by the convention: all numbers, the
    others (the first column and those between) summing to more than the last (the total)."""
    nums = [parse_number(c.text) for c in values if c.text]
    counts = [n.value for n in nums if n.kind == "number" and n.value is not None]
    return 2 <= len(counts) == len(nums) and sum(counts[:-1]) > counts[-1]


def _group_names_row(group: str, values: list[Cell], fm: dict) -> bool:
    """Whether the first of ``values`` after a group's label names a row of that group read only with its item number
    or first before counts (``numbered_labels``: 合计 under 本年度办理结果), the counts after it written."""
    key = vocabulary().request_numbered_row(values[0].text) if values else None
    return key is not None and fm["rows"][key].get("group") == group and _written(values[1:])


def _place_by_columns(res: TableResult, found: dict[str, tuple[list[Cell], Row, str]], ncols: int,
                      head: list[Cell]) -> None:
    """Put the values of each row short of the ``ncols`` columns where runs of spaces set the cells apart (text
    copied from a web page or a PDF, ``Cell.col``) under the column whose span each value overlaps, as the rows of
    all their cells show the spans, else the ``head`` cells naming the columns: a blank cell left only its place, and
    read in order the values after it stood a column early. Where most rows' values stand under no such columns,
    the cells are set apart by spaces but not in columns, and their places tell nothing. In a table in columns, a
    row of a value under no column or under two is not told: its cells are NA, flagged."""
    if not any(vals and vals[0].col >= 0 and len(vals) < ncols for vals, _, _ in found.values()):
        return  # (the common table: no cell of a place, or no row short)
    spans = _column_spans([vals for vals, _, _ in found.values()], ncols) or _header_spans(head, ncols)
    if spans is None:
        return
    under = {key: _columns_under(values, spans) for key, (values, _, _) in found.items()
             if values and all(c.col >= 0 and c.text and not c.glued for c in values)}
    if 2 * sum(at is not None for at in under.values()) <= len(under):
        return
    for key, at in under.items():
        values, row, label = found[key]
        if len(values) >= ncols:
            continue
        if at is None:
            res.flags.append(Flag("ragged", "requests", row.line,
                                  f"{key}: the columns of the values are not told by their places"
                                  f"{_as_written(values)}"))
            found[key] = ([], row, label)
            continue
        found[key] = (_in_their_columns(values, at, ncols), row, label)


def _in_their_columns(values: list[Cell], at: list[int], ncols: int) -> list[Cell]:
    """A row of ``ncols`` cells, each of ``values`` in its column of ``at`` (:func:`_columns_under`), the others
    blank."""
    cells = [Cell("", values[0].line)] * ncols
    for k, cell in zip(at, values):
        cells[k] = cell
    return cells


def _columns_under(values: list[Cell], spans: list[tuple[int, int]]) -> list[int] | None:
    """The column each of a row's ``values`` stands under, the one whose span it overlaps, left to right; None where
    one overlaps none or two, or two share one."""
    out: list[int] = []
    for cell in values:
        start, end = cell.col, cell.end
        under = [k for k, (lo, hi) in enumerate(spans) if start < hi and lo < end]
        if len(under) != 1 or out and under[0] <= out[-1]:
            return None
        out.append(under[0])
    return out


def _column_spans(rows: Iterable[list[Cell]], ncols: int) -> list[tuple[int, int]] | None:
    """The display columns each of ``ncols`` columns spans, from its first to its last character over the rows of
    all their cells with their places (``Cell.col``); None where no row shows them, where a column's values do not
    overlap one another or two columns' spans overlap (cells set apart by runs of spaces but not in columns: their
    places tell nothing)."""
    full = [vals for vals in rows if len(vals) == ncols and all(c.col >= 0 and c.text for c in vals)]
    if not full:
        return None
    spans = [(min(vals[k].col for vals in full), max(vals[k].end for vals in full))
             for k in range(ncols)]
    # (a column's values overlap one another: left, right or centred in it)
    shared = all(max(vals[k].col for vals in full) < min(vals[k].end for vals in full)
                 for k in range(ncols))
    return spans if shared and _apart(spans) else None


def _header_spans(head: list[Cell], ncols: int) -> list[tuple[int, int]] | None:
    """The display columns each of the ``ncols`` columns spans, as the header cell naming it (formats.yaml
    ``requests.cols``) stands, left to right; None where the header does not name each once with its place."""
    named = _column_names()
    spans = {named[key]: (c.col, c.end)
             for c in head if c.col >= 0 and (key := label_key(c.text)) in named}
    if len(spans) != ncols:
        return None
    out = sorted(spans.values())
    return out if _apart(out) else None


@functools.lru_cache(maxsize=1)
def _column_names() -> dict[str, str]:
    """The requests table's column labels (label keys) → the column each names."""
    return {label_key(label): col for col, labels in load_formats()["requests"]["cols"].items() for label in labels}


def _apart(spans: list[tuple[int, int]]) -> bool:
    """Whether each span ends before the next starts: columns a value can be told under."""
    return all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def _label_columns(split: list[tuple[Row, list[Cell], list[Cell]]], ncols: int,
                   remarks: bool = False) -> tuple[int, int] | None:
    """How many label columns a requests table's head shows, where it writes its merges as blank cells: a head row
    of ``ncols`` columns after its corner, blank or the identity note ('| | | 申请人情况 | | … |', '| | | 自然人 |
    法人或其他组织 | … | 总计', the official ten-column grid unmerged: 3), and whether a column of remarks follows
    them (1, else 0): under a header naming 备注 (``remarks``), a head row may end in one more cell, 备注 or the
    blank under it. The organisations' row stands a column further ('| | | | 商业企业 | …'): it tells none (its
    blank cells after them may fill the width). None where no head row tells one width."""
    vocab = vocabulary()
    orgs = list(load_formats()["requests"]["cols"])[1:-1]
    found = set()
    noted = 0
    for row, labels, values in split:
        head = next((c for c in labels if vocab.is_header(c.text)), None)
        if head is None or vocab.request_cols.get(label_key(head.text)) in orgs:
            continue
        k = next(i for i, c in enumerate(row.cells) if c is head)
        after = row.cells[k + ncols:]
        if k and len(after) <= remarks and len(row.cells) >= k + ncols \
                and all(not c.text or _is_note_header(c.text) for c in after) \
                and all(not c.text or vocab.is_identity_note(c.text) for c in row.cells[:k]):
            found.add(k)
            noted |= any(c.text for c in after)
    return (found.pop(), noted) if len(found) == 1 else None


def _without_blank_column(split: list[tuple[Row, list[Cell], list[Cell]]],
                          ncols: int) -> list[tuple[Row, list[Cell], list[Cell]]]:
    """``split`` without a blank spacer column between the counts: where every labelled row that writes a count is one
    cell too long, blank at one and the same place inside its counts and at no other place they all share ('… | 88 |
    (blank) | 11 | … | 99'), that cell is left out of every row as long. Each such row was read with more values than
    columns (extra_cells) and all its counts were lost. A blank at the counts' end is filler (:func:`_trim_values`);
    one at their start, in rows of cell marks or a grid, an empty label cell (:func:`_under_label_columns`), and in
    text without marks (a lone tab a cell) a spacer column after the labels, left out likewise."""
    # (rows of counts: a header row's words after a blank cell, '自然人 | (blank) | 法人或其他组织', are none)
    long_rows = [_trim_values(vals, ncols) for _, labels, vals in split
                 if labels and any(c.text and c.is_value for c in vals)]
    if len(long_rows) < 2 or any(len(vals) != ncols + 1 for vals in long_rows):
        return split
    shared = [k for k in range(ncols + 1) if all(not vals[k].text and not vals[k].glued for vals in long_rows)]
    # (a blank first: an empty label cell, which rows of marks or a grid tell by their own rules; in text of no marks,
    # a lone tab a cell, every row's alike is a spacer column after the labels. The rows of counts tell the marks: a
    # header's words set with spaces ('商业 企业') are an explicit row in text of a cell a line with lone '|' blanks)
    marked = any(row.explicit or row.grid for row, labels, vals in split
                 if labels and any(c.text and c.is_value for c in vals))
    if len(shared) > 1:  # (a data column blank in every row too: the header's blank tells the spacer, if it does)
        told = _header_blanks(split)
        shared = [k for k in shared if k in told]
    if len(shared) != 1 or not (0 < shared[0] < ncols or shared[0] == 0 and not marked):
        return split
    k = shared[0]
    return [(row, labels, vals[:k] + vals[k + 1:] if len(_trim_values(vals, ncols)) == ncols + 1
             and not vals[k].text and not vals[k].glued else vals) for row, labels, vals in split]


def _header_blanks(split: list[tuple[Row, list[Cell], list[Cell]]]) -> set[int]:
    """The places among a requests row's counts of the blank cells its header rows show right after a column's word
    and before another word ('自然人 | (blank) | 法人或其他组织': 1, after 自然人's count). A spacer column is blank in
    its header too, a data column has its word: where two columns are blank in every row of counts, this tells
    which is the spacer (:func:`_without_blank_column`)."""
    vocab = vocabulary()
    col_keys = list(load_formats()["requests"]["cols"])
    out = set()
    for row, _, vals in split:
        cells = row.cells
        if any(c.text and c.is_value for c in vals) or not any(label_key(c.text) in vocab.request_cols for c in cells):
            continue
        for i in range(1, len(cells) - 1):
            key = vocab.request_cols.get(label_key(cells[i - 1].text))
            if key and not cells[i].text and not cells[i].glued and any(c.text for c in cells[i + 1:]):
                out.add(col_keys.index(key) + 1)
    return out


def _under_label_columns(split: list[tuple[Row, list[Cell], list[Cell]]], ncols: int,
                         remarks: bool = False) -> list[tuple[Row, list[Cell], list[Cell]]]:
    """``split`` with the blank cells right after a row's labels up to the head's label columns left out of its
    values, where the head tells them (:func:`_label_columns`) and the row is as wide as the head: a table typed
    without its merges writes each span's cells blank ('一、本年新收… | | | 88 | 11 | … | 99', three label columns), and
    those blanks were read as counts, the row one cell too long (extra_cells). A row of another width keeps its
    cells: a blank there may be a blank count (a row one count short). Where the head names 备注 after the counts'
    columns (``remarks``), a row is as wide as the head with its remark's cell ('… | 99 | 含上年结转', '… | 99 | ')."""
    told = _label_columns(split, ncols, remarks)
    if told is None:
        return _under_lost_label_columns(split, ncols, remarks)
    width, noted = told
    out = []
    for row, labels, values in split:
        end = len(row.cells) - len(values)  # (the labels' end: the first value cell)
        if labels and len(values) > ncols and len(row.cells) == width + ncols + noted and end <= width \
                and not any(c.text for c in row.cells[end:width]):
            values = row.cells[width:]
        out.append((row, labels, values))
    return out


def _lost_head_width(split: list[tuple[Row, list[Cell], list[Cell]]], ncols: int,
                     remarks: bool = False) -> int | None:
    """The label columns of the unmerged ten-column grid where its head lost its blank cells (a cell a line: the
    head's marks '申请人情况 | ||||||' are no cells of a row): a row of one label, blank cells after it and then
    ``ncols`` counts all written ('一、本年新收… | ||' then '88 |' … '99 |': 3), the widest such row; two blanks at least,
    as one may be a blank first count before a surplus ('一、本年新收… | |' then '0 |' … '4 |', '3 |'). Under a header
    naming 备注 (``remarks``) the last of them may be the row's remark after a blank first count ('二、… | ||' then a
    blank, '0 |' … '4 |' and '无 |' or '3 |': four blanks' width): there the counts must hold the row identity, the
    last their sum, not 0. None where no row tells one."""
    found = set()
    for row, labels, values in split:
        blanks = next((i for i, c in enumerate(values) if c.text), len(values))
        rest = values[blanks:]
        if not row.explicit and len(labels) == 1 and blanks >= 2 and len(rest) >= ncols \
                and all(c.text for c in rest[:ncols]) and not any(c.text for c in rest[ncols:]) \
                and (not remarks or _sums_to_last(rest[:ncols])):
            found.add(1 + blanks)
    # (the widest: a row whose leading covered cell went to the end of the row above shows one blank fewer)
    return max(found, default=None)


def _under_lost_label_columns(split: list[tuple[Row, list[Cell], list[Cell]]], ncols: int,
                              remarks: bool = False) -> list[tuple[Row, list[Cell], list[Cell]]]:
    """``split`` with the blank cells right after a row's labels left out of its values, up to the label columns a
    row of the unmerged grid tells (:func:`_lost_head_width`), in a table of a cell a line only: there a span's
    covered cells are marks after the cell before them ('(一)予以公开 | |', a group's covered cell at the end of the
    row above), so a row is no longer as wide as the head, and its blanks were read as counts (extra_cells, the row
    lost). A row's blanks go only as many as the label columns its labels and the covered cells at the end of the row
    above leave: a row one count short ('一、本年新收… | ||' then six counts) is not read with a blank count. Under a
    header naming 备注 (``remarks``), the row above's remark that such text puts before a row's label ('含上年结转'
    then '二、上年结转… | ||') is none of the row's labels."""
    width = _lost_head_width(split, ncols, remarks)
    if width is None:
        return split
    vocab = vocabulary()
    out = []
    carried = 0  # the covered cells of this row's label columns at the end of the row above (its blanks past ncols)
    for row, labels, values in split:
        remark = next((i for i, c in enumerate(labels) if vocab.request_row(c.text) or vocab.request_group(c.text)),
                      0) if remarks else 0
        drop = width - len(labels) + remark - carried
        blanks = next((i for i, c in enumerate(values) if c.text), len(values))
        if labels and not row.explicit and len(values) > ncols and 0 < drop <= blanks:
            values = values[drop:]
        ends = len(values) - next((i for i, c in enumerate(reversed(values)) if c.text), len(values))
        carried = max(len(values) - max(ends, ncols), 0) if not row.explicit else 0
        out.append((row, labels, values))
    return out


def _remarks_are_marks(split: list[tuple[Row, list[Cell], list[Cell]]]) -> bool:
    """Whether the requests rows under a header naming 备注 write an empty remark as a mark ('… | 99 | 无'): as
    many rows end in a mark of ``NA_MARKS`` as in a count. Where most end in a count, the remarks are blank (or
    vanished with the blank cells of a cell a line), and a row's last '无' is its 总计 as written, not a remark
    (its raw was blanked, '')."""
    return _end_in_marks([vals for _, labels, vals in split if labels])


def _end_in_marks(rows: list[list[Cell]]) -> bool:
    """Whether as many of the rows of values (those holding something) end in a mark of ``NA_MARKS`` as in a count:
    their remarks under a 备注 column are written as marks ('无'), so a row's last mark is its remark."""
    ends = [vals[_written_end(vals) - 1].text in NA_MARKS for vals in rows if _written(vals)]
    return 2 * sum(ends) >= len(ends)


def _header_extras(split: list[tuple[Row, list[Cell], list[Cell]]]) -> frozenset[str]:
    """The words of the requests table's header that head no column of the format (`_request_extras`: 备注, 小计),
    found in its rows of labels without a value, also after blank cells (the head typed without its merges, '| | |
    申请人情况 | | … | 备注': its blanks are value cells), or before a row's own label (a layout of a cell a line puts
    the header's last cell there: '小计' then '一、本年新收…'). Only the rows down to the first of counts are the
    header's: a bare '小计' row among the counts (a group's subtotal left blank) heads no column."""
    extras = _request_extras()
    found: set[str] = set()
    for _, labels, values in split:
        written = [c for c in values if c.text]
        cells = [*labels, *written] if all(_is_note_header(c.text, extras) for c in written) \
            else labels[:1] if len(labels) >= 2 else ()
        found.update(label_key(c.text) for c in cells if _is_note_header(c.text, extras))
        if any(c.is_value for c in written):  # (the first row of counts: the header is above it)
            break
    return frozenset(found)


def _subtotal_places(header: list[str], col_keys: list[str]) -> list[int]:
    """Where the organisations' 小计 stands among a row's values: one place, or two where the header does not tell.

    A 小计 named after an organisation's name stands among them, after those the header names before it, their
    columns where the header puts them (:func:`_top_columns`): '… | 其他 | 小计 | 总计' after 自然人 and the five,
    before 总计; '总计 | 自然人 | … | 其他 | 小计' after all seven (counted from 自然人's column, it was put before
    其他's count, each read under the other's); after 总计 too where the header names 总计 among them, a header of
    one row ('自然人 | 商业企业 | … | 其他 | 总计 | 小计': it was put under 总计 and 总计 under it). A 小计 named before
    them, after the word over them (法人或其他组织), is a column of the header's upper row, where it names them
    all before it ('自然人 | 法人或其他组织 | 小计 | 总计 | 商业企业 | …': it was put before the organisations);
    right before their names it may as well be the first of their row ('… | 总计 | 小计 | 商业企业 | …'): both
    places (:func:`_subtotal_by_rows` tells them apart).
    """
    at = next(i for i, key in enumerate(header) if key in _subtotal_headers())
    every = list(load_formats()["requests"]["cols"])
    tops = [col for col in (every[0], every[-1]) if col in col_keys]
    order = _top_columns(header, every[0], every[-1])
    before = order[:order.index("orgs")]
    orgs = [col for col in col_keys if col not in tops]
    cols = vocabulary().request_cols
    first = next((i for i in range(len(header)) if _header_names(header[:i + 1], orgs)), len(header))
    if first < at:
        named = {cols.get(key) for key in header[first:at]}
        return [sum(col in tops and (col in before or col in named) for col in every)
                + len(_header_names(header[:at], orgs))]
    lead = sum(col in tops for col in before)  # (the first of the organisations' row)
    if not _org_group_words() & set(header[:at]):
        return [lead]
    upper = sum(col in tops for col in map(cols.get, header[:at])) + len(orgs)
    return [upper] if at + 1 < first else sorted({lead, upper})


def _subtotal_by_rows(places: list[int], written: list[int], col_keys: list[str], rows: list[list[Cell]],
                      identities: list[dict]) -> int | None:
    """The one of ``places`` where a requests table's 小计 stands by its rows, or None where they do not tell.

    A row whose cells are all numbers fits a place where, read with the 小计 there (the columns at and after it
    one further, ``written`` their places without it), its 小计 is the organisations' sum and it holds the format's
    row identity (总计 the sum of the applicants' counts).  A row that fits one place alone tells it; the rows must
    tell one place and none the other (a row that fits neither, its identity broken as written, tells nothing),
    unless every place reads every row alike.
    """
    every = list(load_formats()["requests"]["cols"])
    ident = next((i for i in identities if i["per"] == "row" and set(i["lhs"]) | set(i["rhs"]) <= set(col_keys)),
                 None)
    reads, cells = [], set()
    for sub in places:
        at = dict(zip(col_keys, (w + (w >= sub) for w in written)))
        orgs = [at[col] for col in col_keys if col not in (every[0], every[-1])]
        sums = [([sub], orgs)] + ([([at[c] for c in ident["lhs"]], [at[c] for c in ident["rhs"]])] if ident else [])
        reads.append((sub, sums))
        # (each row's cells as read so: where every place reads them alike, '0 | 0 | … | 0', nothing is unsure)
        cells.add(tuple(tuple(values[at[col]].text if len(values) > at[col] else None for col in col_keys)
                        + (len(values),) for values in rows))
    if len(cells) == 1:
        return places[0]
    told: set[int] = set()
    for values in rows:
        numbers = [parse_number(c.text).value if not c.glued else None for c in values]
        if None in numbers or len(numbers) != len(col_keys) + 1:
            continue
        fits = [sub for sub, sums in reads
                if all(sum(numbers[i] for i in lhs) == sum(numbers[i] for i in rhs) for lhs, rhs in sums)]  # type: ignore[misc]  # None in numbers tested above
        told.update(fits if len(fits) == 1 else ())
    return told.pop() if len(told) == 1 else None


_SUBTOTAL_UNDECIDED = ("the header's 小计 may stand first among the organisations or after the columns over them, "
                       "and the rows do not tell which: no count placed")


def _flag_subtotal_column(res: TableResult, row: Row, key: str, subtotal: Placed | None,
                          orgs: list[Placed | None]) -> None:
    """Flag ``group_subtotal`` a row's 小计 of the organisations that is not the sum of their five counts as read
    (its value is not kept: the schema has no key for it; where it is their sum, nothing is lost)."""
    known = [c.value for c in orgs if c is not None and c.value is not None]
    if subtotal is None or subtotal.value is None or len(known) < len(orgs) or subtotal.value == sum(known):
        return
    res.flags.append(Flag("group_subtotal", "requests", subtotal.line,
                          f"{key}: 小计 {subtotal.raw} written beside the organisations, not kept (no key in the "
                          f"schema); they sum to {number_text(sum(known))}"))


def _header_row(labels: list[Cell], values: list[Cell]) -> bool:
    """Whether a requests row of these label and value cells is a header row: every label a header word, or all
    but one of three or more with no value beside them ('自然人 | 法人或者其他组织 | 总计', '商业企业 | 科研单位 | … |
    其他', '… | 其他 | 备注').  Such a row with a word not known was read as the row its last known word names
    (总计, 其他), and the table's own row of that name was dropped as its duplicate."""
    vocab = vocabulary()
    # (a 备注 column after the organisations' names its remarks: '… | 其他 | 备注' is the header, no row 其他)
    def known(cell: Cell) -> bool:
        return vocab.is_header(cell.text) or _is_note_header(cell.text, _request_extras())

    if all(map(known, labels)):
        return True
    # (a row of counts, or of fewer labels, the common row, is no header: tested first, before each word is)
    if any(c.text for c in values):
        return False
    # (a header over three rows breaks its names where a word begins or ends none, '社会 | 公益 | 组织', '法人 |
    # 或其他 | 组织': a row of such words, no row's label, was flagged unknown_row '服务')
    if all(known(c) or _request_header_fragment(c.text) for c in labels):
        return True
    return len(labels) >= 3 and sum(map(known, labels)) == len(labels) - 1  # (备注 counted known: '… | 科研单位 | … | 备注')


@functools.lru_cache(maxsize=1)
def _request_header_pieces() -> frozenset[str]:
    """The words of two characters or more inside a name of the requests table's header (``requests.cols`` and
    ``requests.header_words``), neither its start nor its end ('公益' of 社会公益组织, '或其他' of 法人或其他组织)."""
    fm = load_formats()["requests"]
    names = {label_key(w) for w in fm.get("header_words", [])} | {
        label_key(w) for labels in fm["cols"].values() for w in labels}
    return frozenset(name[i:j] for name in names for i in range(1, len(name)) for j in range(i + 2, len(name)))


def _request_header_fragment(text: str) -> bool:
    """A requests header word broken where it begins or ends no name ('公益', '服务'), and no row's label."""
    vocab = vocabulary()
    return label_key(text) in _request_header_pieces() and vocab.request_row(text) is None and \
        vocab.request_group(text) is None


def _header_names(header: list[str], col_keys: list[str]) -> list[str]:
    """The columns among ``col_keys`` the requests table's header names, in its order. A name set with a space
    and read as two header cells ('商业 企业' in a layout of a cell a line: '商业' then '企业') is the two joined;
    a name cut short ('社会公', '法律服', as seed 002 writes them) is the column whose name it begins, where it
    begins one column's name only (:func:`_cut_column`)."""
    every = vocabulary().request_cols  # (label key -> column, of every column)
    by_label = {label: col for label, col in every.items() if col in col_keys}
    named, part = [], ""
    for k, key in enumerate(header):
        col = by_label.get(key) or by_label.get(part + key)
        if col is None and (k + 1 == len(header) or key + header[k + 1] not in every):  # (not a name's half)
            col = _cut_column(key, every)
        if col in col_keys:
            named.append(col)
            part = ""
        else:
            part = key
    return named


def _header_runs(rows: list[Row]) -> list[list[int]]:
    """The indices of the requests table's header rows, in runs of consecutive rows (one run a header)."""
    runs: list[list[int]] = []
    for i, row in enumerate(rows):
        labels, values = _split_row(row)
        if labels and not _written(values) and _header_row(labels, values):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def _labelled(rows: list[Row]) -> list[tuple[tuple[str, ...], Row, list[Cell]]]:
    """The rows of a table's part that have label cells, but its identity note: (label texts, row, value cells)."""
    vocab = vocabulary()
    out = []
    for row in rows:
        labels, values = _split_row(row)
        if labels and not vocab.is_identity_note(labels[0].text):
            out.append((tuple(c.text for c in labels), row, values))
    return out


def _joined_halves(rows: list[Row], col_keys: list[str]) -> list[Row]:
    """The requests table printed in two halves as one table: the rows of the second half's counts read after the
    first's.

    Some reports print the table as two, 自然人 in the first, the organisations and 总计 in the second (or the other
    way round), each under a header of its own and repeating the row labels: read as one table, every row stood
    twice (its first counts placed nowhere, every cell NA, each row flagged duplicate_row). Joined only where the
    two headers name disjoint columns that together are the format's, and the halves' rows carry the same labels in
    the same order, each row of the first half no more counts than its header names; otherwise the rows are
    returned as they are (a row written twice under the same columns is a duplicate, flagged so).

    Parameters
    ----------
    rows : list of Row
        The requests table's rows.
    col_keys : list of str
        The format's columns.

    Returns
    -------
    list of Row
        The rows with the halves joined: the first header, the second's cells it does not repeat, then each row
        of the first half with the second half's counts of the same row after its own.
    """
    runs = _header_runs(rows)
    if len(runs) != 2:
        return rows
    heads = [[label_key(c.text) for i in run for c in rows[i].cells] for run in runs]
    first, second = (_header_names(head, col_keys) for head in heads)
    if not first or not second or set(first) & set(second) or set(first) | set(second) != set(col_keys):
        return rows
    top, bottom = _labelled(rows[runs[0][-1] + 1:runs[1][0]]), _labelled(rows[runs[1][-1] + 1:])
    if [labels for labels, _, _ in top] != [labels for labels, _, _ in bottom]:
        return rows
    if any(_written(row.cells) and not _split_row(row)[0] for row in rows[runs[1][-1] + 1:]):
        return rows  # (the second half's rows are dropped once joined: one of no label would go unflagged)
    joined: dict[int, Row] = {}
    for (_, row, values), (_, _, more) in zip(top, bottom):
        # (a row of no count in the first half has its counts there blank: a pipe row drops its blank cells at its
        # end, '二、上年结转… | |' is the label alone; a row of some counts but fewer, or more, is not placed so)
        own = values[:len(first)] or [Cell("", row.line)] * len(first)
        if len(own) < len(first) or _written(values[len(first):]):
            return rows
        # (so in the second half: the organisations' half first, a row's blank 自然人 there is its label alone; its
        # counts left out, the row was short, none of its counts placed: ragged)
        more = more or [Cell("", row.line)] * len(second)
        cells = row.cells[:len(row.cells) - len(values)] + own + more
        joined[id(row)] = dataclasses.replace(row, cells=cells)
    repeated = set(heads[0])
    header = [dataclasses.replace(rows[i], cells=[c for c in rows[i].cells if label_key(c.text) not in repeated])
              for i in runs[1]]
    before = [joined.get(id(row), row) for row in rows[:runs[1][0]]]
    at = runs[0][-1] + 1
    return before[:at] + [row for row in header if row.cells] + before[at:]


def _cut_column(key: str, labels: dict[str, str]) -> str | None:
    """The column whose name ``key`` begins, cut short, of ``labels`` (label key -> column): two characters or
    more, as a header's fragment is read (``Vocabulary.is_header``); None where it begins no name, or the names of
    two columns."""
    if len(key) < 2:
        return None
    found = {col for label, col in labels.items() if len(label) > len(key) and label.startswith(key)}
    return found.pop() if len(found) == 1 else None


_UNDECIDED = ("the header leaves out one column and its rows end in a blank cell or one count before it: each "
              "row's last count may be 总计 or the column before it (总计 blank), not placed")


def _missing_column(header: list[str], col_keys: list[str], split: list, identities: list[dict],
                    subtotal: bool = False) -> tuple[str | None, bool]:
    """The one column of the requests table its header leaves out, where the header names each other column once
    and no row holds more counts than those (科研机构 dropped from the header and from every row: each row one
    count short was flagged ragged, its counts NA or placed by the identities under the wrong columns). None
    where the header names every column, or fewer but one (a header read in part names no missing column), or
    where no row is one column narrower or a row is wider.

    The second value is True where the rows fit two readings the identities do not tell apart: rows one cell
    wider, that cell blank (a filler cell a row of two label cells keeps, seed 002), beside rows of the columns
    left, are also a table of every column whose 总计 is blank and whose header lost a name
    (:func:`_last_is_total`); with a 小计 column (``subtotal``, one cell more a row) that reading is not checked.
    """
    named = _header_names(header, col_keys)
    left = [col for col in col_keys if col not in named]
    if len(left) != 1 or len(named) != len(set(named)):
        return None, False
    ncols = len(col_keys) - 1 + subtotal
    # (rows of one column fewer, none wider, blank cells counted, an empty label cell not: a row of glued
    # digits, '2000002', tells no width)
    counted = [(row, labels, values) for row, labels, values in split if labels and any(c.text for c in values)]
    if not counted:
        return None, False
    # A DOCX grid pads a row of fewer label cells with blank cells at its end: not columns (seed 001's rows of one
    # label were wider than the columns left, and flagged ragged). The rows of most cells before their values
    # (label cells, and the empty ones a merged group label leaves) have no padding.
    most = max(len(row.cells) - len(values) for row, _, values in counted)
    counted = [(labels, _trim_values(values, ncols) if row.grid and len(row.cells) - len(values) < most else values)
               for row, labels, values in counted]
    widths = [len(values) - next(i for i, c in enumerate(values) if c.text) for _, values in counted]
    # A row one cell wider whose last cell is blank: a filler cell, or the blank 总计 of a table of every column
    wider = [width == ncols + 1 and not values[-1].text for width, (_, values) in zip(widths, counted)]
    if ncols not in widths or any(width > ncols and not wide for width, wide in zip(widths, wider)):
        return None, False
    # Of the rows whose first cell holds a count, that width must be the most common: where blank cells vanish
    # (a cell a line), rows of any width are rows that lost blanks, and a header read in part ('法律服') made a
    # column missing, every row's counts placed one column short (a random 2021 table, 60 % of cells blank).
    full = Counter(len(values) - wide for (_, values), wide in zip(counted, wider) if values[0].text)
    if any(n >= full[ncols] for width, n in full.items() if width != ncols):
        return None, False
    if any(wider) and left[0] != col_keys[-1]:  # (总计 left out: both readings put each count in one column)
        rows = [values[:len(values) - wide] for (_, values), wide in zip(counted, wider)]
        if subtotal or not _last_is_total(rows, [col for col in col_keys if col != left[0]], identities):
            return None, True
    return left[0], False


def _last_is_total(rows: list[list[Cell]], cols: list[str], identities: list[dict]) -> bool:
    """Whether each row's last count is its 总计 by the format's row identity (总计 = the sum of the applicants'
    counts): on every row whose ``cols`` are all written, the column the identity sums to equals the sum of the
    others, and on one row at least it is not 0. Read so, the column the table leaves out holds 0 on those rows;
    were the last count 其他 (the 总计 of a table of every column blank), it would equal the others' sum on each
    row by chance only."""
    ident = next((i for i in identities if i["per"] == "row" and len(i["lhs"]) == 1 and i["lhs"][0] in cols), None)
    if ident is None:
        return False
    at, parts = cols.index(ident["lhs"][0]), [cols.index(col) for col in ident["rhs"] if col in cols]
    told = False
    for values in rows:
        if len(values) != len(cols):
            continue
        numbers = [parse_number(c.text).value if not c.glued else None for c in values]
        if None in numbers:
            continue
        if numbers[at] != sum(numbers[i] for i in parts):  # type: ignore[misc]  # None in numbers tested above
            return False
        told = told or numbers[at] != 0
    return told


def _written_columns(header: list[str], col_keys: list[str]) -> list[int]:
    """Where each of the requests table's columns stands among the values: the format's order, but the
    organisations' five columns in the order the header names them ('其他 | 商业企业 | …': a table that lists them
    otherwise had its counts read under the format's order, each organisation's under another's, unflagged), and
    自然人, the organisations and 总计 in the order its first row names them (:func:`_top_columns`: '总计 | 自然人 |
    法人或其他组织', rows written total-first, were read as natural-person counts first, each column's under the
    next one's, flagged only identity_failed). The format's order where the header does not name them each once."""
    every = list(load_formats()["requests"]["cols"])
    first, last = every[0], every[-1]  # (natural_person and total: the organisations stand between them)
    orgs = [col for col in col_keys if col not in (first, last)]
    named = _header_names(header, orgs)
    if sorted(named) == sorted(orgs):
        orgs = named
    parts = {first: [first] if first in col_keys else [], "orgs": orgs, last: [last] if last in col_keys else []}
    written = [col for top in _top_columns(header, first, last) for col in parts[top]]
    return [written.index(col) for col in col_keys]


def _top_columns(header: list[str], first: str, last: str) -> list[str]:
    """``first`` (自然人), ``'orgs'`` and ``last`` (总计) in the order the requests header names them: by the places
    of 自然人, of the word over the organisations' columns (``requests.org_group``) and of 总计, each named once (the
    organisations, where no such word stands, after 自然人, as in the format; 自然人, where the header leaves it out,
    before them: '总计 | 法人或其他组织', a table without its column); the format's order where the header does not
    name 总计 and one of the others once."""
    cols = vocabulary().request_cols
    groups = _org_group_words()
    places: dict[str, list[float]] = {}
    for i, key in enumerate(header):
        top = "orgs" if key in groups else cols.get(key)
        if top in (first, last, "orgs"):
            places.setdefault(top, []).append(i)
    if any(len(at) > 1 for at in places.values()) or last not in places or len(places) < 2:
        return [first, "orgs", last]
    if "orgs" not in places:
        places["orgs"] = [places[first][0] + 0.5]
    elif first not in places:
        places[first] = [places["orgs"][0] - 0.5]
    return sorted(places, key=lambda top: places[top][0])


@functools.lru_cache(maxsize=1)
def _org_group_words() -> frozenset[str]:
    """The label keys of the requests header's word over the organisations' five columns (法人或其他组织)."""
    return frozenset(label_key(w) for w in load_formats()["requests"]["org_group"])


def _flag_subtotals(res: TableResult, subtotals: list[tuple[str, str, list[Cell], Row]], placements: dict,
                    outcome_rows: list[str], ncols: int) -> None:
    """Flag ``group_subtotal``: values written on a group's own row, with the sum of the group's rows beside.

    The schema has no key for a group's subtotal ((三)不予公开 of the 2019 format, 三、本年度办理结果), so its
    values are not kept as cells; the flag gives them as written, and what the group's rows add up to
    per column (NA where a cell of them is missing), for the reader to compare.
    """
    rows = load_formats()["requests"]["rows"]
    for group, label, values, row in subtotals:
        # 三、本年度办理结果 is the group of every outcome row; (三)…(五) of their own items
        members = [k for k in outcome_rows if group == "results" or rows[k].get("group") == group]
        sums = []
        for col in range(ncols):
            cells = [placements[k].cells[col] if k in placements else None for k in members]
            known = [c.value for c in cells if c is not None and c.value is not None]
            sums.append(number_text(sum(known)) if members and len(known) == len(members) else "NA")
        written = " | ".join(c.text for c in values)
        res.flags.append(Flag("group_subtotal", "requests", row.line,
                              f"{label}: {written} written on the group's row, not kept (no key in the schema); "
                              f"its rows sum to {' | '.join(sums)}"))


def _constraints(identities: list[dict], col_keys: list[str], row_keys: list[str],
                 outcome_rows: list[str] | None = None) -> list[Constraint]:
    """The identities of identities.yaml as cell constraints for the placement stage."""
    out: list[Constraint] = []
    for ident in identities:
        if ident["per"] == "column":
            rhs = outcome_rows if ident["rhs"] == "@outcome_rows" else ident["rhs"]
            out += _column_constraints(tuple(ident["lhs"]), tuple(rhs), len(col_keys))  # type: ignore[arg-type]  # outcome_rows is given with @outcome_rows
        elif ident["per"] == "row" and set(ident["lhs"]) | set(ident["rhs"]) <= set(col_keys):
            # (a row identity over a column the table leaves out cannot be placed by)
            out += _row_constraints(tuple(ident["lhs"]), tuple(ident["rhs"]), tuple(col_keys), tuple(row_keys))
    return out


@functools.lru_cache(maxsize=64)
def _column_constraints(lhs: tuple[str, ...], rhs: tuple[str, ...], ncols: int) -> tuple[Constraint, ...]:
    """The constraints of a per-column identity, one a column (the same for every report: made once)."""
    return tuple(Constraint(tuple((r, c) for r in lhs), tuple((r, c) for r in rhs)) for c in range(ncols))


@functools.lru_cache(maxsize=64)
def _row_constraints(lhs: tuple[str, ...], rhs: tuple[str, ...], col_keys: tuple[str, ...],
                     row_keys: tuple[str, ...]) -> tuple[Constraint, ...]:
    """The constraints of a per-row identity, one a row (most tables have the same rows: made once)."""
    idx = {k: i for i, k in enumerate(col_keys)}
    return tuple(Constraint(tuple((r, idx[k]) for k in lhs), tuple((r, idx[k]) for k in rhs)) for r in row_keys)


# --- review and litigation --------------------------------------------------------

def _pipe_positions(row: Row, n: int) -> list[Cell] | None:
    """The cells of a pipe row of the whole table by position, or None when their positions are not sure.

    Explicit pipe cells hold their positions (' |  |  |  |  | 0 | 1 | …': a blank 行政复议 before the
    lawsuits), where the row has exactly the table's ``n`` cells, filler after them aside; or one more, a
    blank first: a line that begins with '|' ('| | | | | | 0 | 1 | …', as some pages write every row).
    """
    cells = _trim_values(list(row.cells), n)
    if len(cells) == n + 1 and not cells[0].text and not cells[0].glued:
        cells = cells[1:]
    return cells if len(cells) == n else None


# a thousands separator between groups of three digits (a comma, as the text's thin spaces are read, or a space)
_SET_APART = re.compile(r"(?<=\d)[, ](?=\d{3}(?!\d))")
# a run of digits that ends in decimals, commas among them ('4630.2', '88,687.376'): a money column's at its end
_MONEY_RUN = re.compile(r"\d[\d,]*\.\d+")


@functools.lru_cache(maxsize=1)
def _money_run() -> re.Pattern[str]:
    """`_MONEY_RUN` with a unit of money after it ('4521.53万元'; formats.yaml ``cell_units.money``) or none."""
    return re.compile(rf"({_MONEY_RUN.pattern})(?:{alternation(cell_units()['money'])})?")


@functools.lru_cache(maxsize=1)
def _money_unit_run() -> re.Pattern[str]:
    """A run of whole digits with a unit of money after it ('43500元'; formats.yaml ``cell_units.money``)."""
    return re.compile(rf"(\d[\d,]*)(?:{alternation(cell_units()['money'])})")


def _one_glued_run(values: list[Cell], n: int, money: bool = False) -> list[Cell]:
    """A row's values that are one cell of ``n`` digits or more, as one glued run; other values as they are.

    As many digits as the row has cells, or more, are no count but the row's cells written with nothing
    between them (narrow cells of a PDF, a page's cells, a copy that lost its spaces): cut as glued page text
    is, where the identities decide. A run of fewer digits may be one count beside blank cells: left as it is.
    Its digits set apart in threes ('110,024,001,510,102', a run taken for a number and given separators) are
    no thousands of one count, so the run is cut without them. In a row with a money column (``money``) the
    run may end in that column's decimals ('4630.2': 4 | 630.2, 46 | 30.2 …; ``n`` digits or more before the
    point, '0.5' being one amount), its commas kept for the cutter (a thousands separator of the money,
    '88,687.376', or two cells' boundary), and a unit of money after it ('4521.53万元') the amount's, as in its
    own cell (the cutter leaves it on the run's last number).
    """
    if len(values) != 1:
        return values
    text = values[0].text
    # (a run of whole digits with its unit of money, '03500元', too: it was no run, the row ragged, its values lost
    # where the digits leave one reading, 0 | 3500元, as '03500' and '00.35万元' gave one)
    amount = (_money_run().fullmatch(text) or _money_unit_run().fullmatch(text)) if money else None
    if amount:  # (its digits before the point: the counts' and the money's whole)
        whole = amount[1].split(".", 1)[0]
        return [values[0]._replace(glued=True)] if len(whole) - whole.count(",") >= n else values
    run = _SET_APART.sub("", text)
    if run.isdigit() and len(run) >= n:
        return [values[0]._replace(text=run, glued=True)]
    return values


@functools.lru_cache(maxsize=1)
def _signed_word() -> tuple[re.Pattern[str], dict[str, int]]:
    """(a change written with its verb and a count, '减22', '增加5'; each verb's sign: formats.yaml
    ``active.signed_words``)."""
    words = load_formats()["active"]["signed_words"]
    return re.compile(rf"(?P<verb>{alternation(words)})(?P<n>\d+)"), words


def _signed_in_words(placement: Placement, signed_cols: frozenset[int]) -> Placement:
    """``placement`` with a signed column's cell written with the verb of 本年增/减 ('减22', '增加5') read as the
    signed count it says (-22, 5), its text kept as written.

    It was no number (NA, flagged ``not_a_number``): the change the report gives was lost. Only the verbs of the
    header's words, in a signed column: '减免22' (a fee waived) and a verb in a count column stay no number.
    """
    cells = placement.cells
    found = [i for i in signed_cols if i < len(cells) and (c := cells[i]) is not None and c.value is None
             and c.raw[:1] in "增减"]
    if not found:  # (the common row: its change a number)
        return placement
    pattern, sign = _signed_word()
    cells = list(cells)
    for i in found:
        cell = cells[i]
        if (m := pattern.fullmatch(cell.raw)) is not None:  # type: ignore[union-attr]  # found: not None
            cells[i] = cell._replace(value=float(sign[m["verb"]] * int(m["n"])))  # type: ignore[union-attr]
    return dataclasses.replace(placement, cells=cells)


_DASH_RUN = re.compile(r"—+|―+|-+")
_LEADING_HYPHEN = re.compile(r"-(?=\d)")


def _leading_hyphen_cut(values: list[Cell]) -> list[Cell]:
    """A row's values whose first glued run opens with a hyphen before digits ('行政强制-36-' in page text that lost
    its cells, its blanks marked '-'), that hyphen a cell of its own, where the row's first column takes no sign (the
    caller's test) and the row marks a blank with '-' elsewhere: the hyphen stands in the first cell's place, where
    no minus can, so it is that blank's mark.  Read as a sign, the row had no reading and lost every value
    (ambiguous_digits, '0 readings').  Two hyphens ('--37') stay as they are: the second may be the next cell's
    sign (- | -3 | 7) or its mark (- | - | 37)."""
    if _LEADING_HYPHEN.match(values[0].text) is None or not any(c.text == "-" for c in values[1:]):
        return values
    first = values[0]
    return [Cell("-", first.line), first._replace(text=first.text[1:]), *values[1:]]


def _dash_run_cut(values: list[Cell], n: int) -> list[Cell]:
    """A row's values with its one glued run of dashes ('———' in page text that lost its cells: the blank marks
    of several cells run together, layout._value_cells) cut into the cells the row lacks, each the same mark;
    left as it is where the run does not cut evenly into them, or into a mark (flagged by the placement).

    Before, the run was one word: the row was lost (missing_rows), its values with it.
    """
    if not any(map(_CELL_GLUED, values)):
        return values  # (the common row: no glued cell, asked in C)
    runs = [i for i, c in enumerate(values) if c.glued and c.text[:1] in "—―-" and _DASH_RUN.fullmatch(c.text)]
    if len(runs) != 1:  # (the common row: no such cell)
        return values
    at = runs[0]
    text, span = values[at].text, n - len(values) + 1
    if span < 1 or len(text) % span or (mark := text[:len(text) // span]) not in NA_MARKS:
        return values
    return [*values[:at], *[Cell(mark, values[at].line)] * span, *values[at + 1:]]


def _extract_review(rows: list[Row], res: TableResult, identities: list[dict]) -> None:
    fm = load_formats()["review_litigation"]
    row_keys, col_keys = list(fm["rows"]), list(fm["cols"])
    n = len(row_keys) * len(col_keys)
    values: list[Cell] = []
    # a grid row's blank cells before its first value: a blank 结果维持 there, after any spacer column
    # (blank cells that begin every row of the table, told by two grid rows at least: a lone grid row, an unruled
    # PDF's values placed under a header read as text, leads with its blank 结果维持); so a pipe row's, where its
    # cells are the table's
    with_blanks: list[Cell] = []
    grid = [_leading_blanks(r) for r in rows if r.grid]
    spacer = min(grid) if len(grid) > 1 else 0
    first_row: Row | None = None
    header: list[str] = []  # the header rows' label keys, in order
    heads: list[str] = []  # the label keys before the first value, words that name no column of the format's too
    kinds: list[list[str]] | None = None  # each kind of case's columns as the header names them, if not the format's
    overall: int | None = None  # the place among the values of a column of the three kinds' 总计 (none in the format)
    m = n  # the cells of the whole table's row, as the header names its columns
    labelled: list[tuple[str, list[Cell]]] = []  # (label key, values) of the rows led by a label
    by_name = False  # a row's values placed by their results' names (in the format's columns, not the header's)
    led: list[tuple[Row, int | None]] = []  # each such row and its label cells (None: its label a row of its own)
    lone: str | None = None  # the label key of a header row of one word, the label of values right under it
    notes: list[Flag] = []  # the remarks under a header's 备注 that a cell a line sets apart from their row's values
    remark_of: tuple[str, Row] | None = None  # the row just read under a 备注 when its remark was not among its cells
    rows_read = 0  # the rows of values
    head_row: list[Cell] = []  # the last header row's cells (their places, where spaces set them apart)
    untold: list[Cell] = []  # a row's values set in columns whose places tell no column (the table's row not read)
    for row in rows:
        filled = [c.text for c in row.cells if c.text]
        if filled and not any(map(_CELL_GLUED, row.cells)) and all(
                _review_word(t) or _is_note_header(t) for t in filled) and not _is_note_header(filled[0]):
            # (a header row, its last column one of remarks too: '| | 结果维持 | … | 总计 | 备注 |')
            header, heads = _review_header_words(header, filled), _review_header_words(heads, filled)
            head_row = row.cells
            # (a name set with a space is two words to a layout of a cell a line: '结果 维持')
            lone = _review_row_label("".join(filled))
            lone = lone if len(filled) == 1 or lone in _review_names()[0] else None
            continue  # a header row, also with blank filler cells between its labels ('| 行政复议 | | | 行政诉讼 |')
        over, lone = lone, None
        pending, remark_of = remark_of, None
        labels, vals = _split_row(row)
        if labels and all(_WORDY_NUMBER.fullmatch(c.text) for c in labels) and (vals or len(labels) > 1):
            labels, vals = [], labels + vals  # a row of counts that starts with one written with words ('1*')
        data = bool(vals) and any(c.text or c.glued for c in vals)  # (rows of filler blanks are not data)
        if first_row is None:
            if data and not labels and not over and _review_total_ends_header(header):
                # (a layout of a cell a line puts a 总计 row's label first on the header's line: '总计 | 结果维持 | … |
                # 尚未审结 | 总计' over '9 | 2 | …', then the kinds' rows; its values were taken for the whole table's)
                over, heads = header[-1], heads[:-1]
            heads = _review_header_words(heads, [c.text for c in labels])  # (a cell that names no column may head one)
            if len(labels) > 1 and _is_note_header(labels[0].text):
                # (a cell a line puts the header's 备注 before the first row's label: '备注 | 行政复议 | 4 | …')
                header.append(label_key(labels[0].text))
                labels = labels[1:]
            if data and row.named:  # (its values placed by their results' names: in the format's columns)
                kinds, m = None, n
            elif data:
                if (named := _review_overall(heads)) is not None:  # (its column aside, the kinds read as without it)
                    word, overall = named
                    heads = [*heads[:word], *heads[word + 1:]]
                kinds = _review_columns(heads)
                m = (sum(map(len, kinds)) if kinds else n) + (overall is not None)
                overall = m - 1 if overall == -1 else overall
        if pending and labels:
            # (the row before's remark, in words: a cell a line puts it before this row's label, or alone)
            lead = next((i for i, c in enumerate(labels) if _review_word(c.text)), None)
            remark = labels[:lead] if lead is not None else [] if data else labels
            if remark:
                notes.append(_note_flag("review_litigation", *pending, remark))
                labels = labels[len(remark):]
                if not labels:
                    continue
        if labels and not all(_review_word(c.text) for c in labels):
            if not (data and first_row is None and (kinds is not None or _results_prefixed(labels))):
                continue  # (the header's last cell before the values, in a layout of a cell a line, read on)
        elif labels and data:
            labelled.append((_review_row_label(labels[-1].text), vals))
            led.append((row, len(labels)))
            width = len(col_keys)
            if any(k in _note_headers() for k in header) and len(_trim_values(vals, width + 1)) <= width:
                remark_of = _review_kind(labelled[-1][0]), row
        elif data and over and not labels:
            # a cell a line writes a row's label alone, a header word over its values ('结果维持' then '4' '0'
            # '1', a table a row for each result): their label (the values were read as the whole table's row)
            labelled.append((over, vals))
            led.append((row, None))
        if data:
            first_row = first_row or row
            by_name = by_name or row.named
            rows_read += 1
            values.extend(vals)
            if row.grid and not labels:
                with_blanks.extend(row.cells[spacer:])
            elif row.explicit and not labels and (cells := _pipe_positions(row, m)) is not None:
                with_blanks.extend(cells)
            elif not (row.explicit or row.spaced or labels) and len(cells := _trim_values(list(row.cells), m)) == m:
                # a text layout that writes its blank cells (a lone tab, seed 004; a lone '|'): the whole table's
                # row keeps them in their columns, a blank 行政复议 before the lawsuits (it was lost, 0 of 15 placed)
                with_blanks.extend(cells)  # type: ignore[arg-type]  # this cells is _trim_values' list
            elif not labels and 1 < len(vals) < m and vals[0].col >= 0 and (
                    spans := _review_spans(vals, head_row, m)) is not None:
                # a row set in columns by runs of spaces, a blank cell left only its place: each value under the
                # header's label it stands under (read in order, those after the blank stood a column early; one value
                # alone, as in the Article 20 table, may be a merged cell over the row). A value under no label or
                # two tells no column: the row is not read (placed by the identities, it put counts in wrong columns)
                at = _columns_under(vals, spans)
                untold = untold or (vals if at is None else [])
                with_blanks.extend(vals if at is None else _in_their_columns(vals, at, m))
            else:
                with_blanks.extend(vals)
    if first_row is None:
        return
    res.present.add("review_litigation")
    values = _trim_values(_one_glued_run(values, m), m)
    if len(values) != m and len(_trim_values(with_blanks, m)) == m:
        values = _trim_values(with_blanks, m)  # the blanks keep the values in their columns
    if len(values) == m + 1 and kinds is None and overall is None:
        values = _without_blank_between_kinds(values, len(col_keys))
    labelled, remarks = _review_labelled(header, labelled, led, len(col_keys))
    # (a row for each kind of case with a 总计 row of the three: the kinds' rows read, the 总计 checked)
    partial = len(led) == rows_read  # (every row led by a label: a kind's row left out is read as missing)
    by_kind, summed, between = _review_total_row(header, labelled, led, partial)
    if by_name:  # (the header's order of the results is not theirs)
        by_kind = ([], by_kind[1])
    by_rows = _review_transposed(header, labelled, row_keys, col_keys)
    read = None if by_rows else _review_by_kind(*by_kind, row_keys, col_keys, partial)
    # (the kinds of case the table writes, their values)
    present, by_rows = read or (row_keys, by_rows or (
        _review_kinds_glued(header, labelled, row_keys, col_keys) if kinds is None else None))
    # (the kinds of case in the order the header names them; None where its words do not tell which is which)
    order = present if by_rows else _review_kinds_order(heads)
    overall = None if by_rows else overall
    if by_rows or (kinds is None and order is not None):  # (rows read by their names are in the format's columns)
        m = len(col_keys) * len(order) + (overall is not None)  # type: ignore[arg-type]  # order is present where by_rows, else checked not None
        kinds, values = [col_keys] * len(order), by_rows or values  # type: ignore[arg-type]
        if by_rows:
            res.flags.extend(notes + remarks)
    else:  # (read by its header: its words that name no result, the results it leaves out, flagged)
        kinds = kinds if order is not None else []
        # (kinds is set where order is, [] else: mypy cannot tell)
        _flag_review_columns(res, first_row, heads, kinds, values)  # type: ignore[arg-type]
    key = "review_litigation"
    astray = None if by_rows or not kinds else _review_row_astray(labelled, led, order or row_keys, partial)
    if astray and len(values) <= m:  # (read by the kinds' order over a row that says it is another's: not read)
        kinds = []
        res.flags.append(Flag("ragged", key, first_row.line, f"review_litigation: 0 of {n} cells placed; "
                                                             f"{between or astray}{_as_written(values)}"))
    elif untold and kinds and not by_rows:  # (as an Article 20 row's: NA, flagged with the values as written)
        kinds = []
        res.flags.append(Flag("ragged", key, untold[0].line, f"{key}: the columns of the values are not told by "
                                                             f"their places{_as_written(untold)}"))
    # (row key, column key) -> its cell among the values
    at = _review_positions(kinds, order or row_keys)  # type: ignore[arg-type]
    if overall is not None:  # (the columns after the kinds' 总计 stand one further)
        at = {cell: i + (i >= overall) for cell, i in at.items()}
    constraints = []
    for ident in identities:
        for rk in row_keys:
            if all((rk, k) in at for k in (*ident["lhs"], *ident["rhs"])):  # (a column left out: nothing to check)
                constraints.append(Constraint(tuple((key, at[rk, k]) for k in ident["lhs"]),
                                              tuple((key, at[rk, k]) for k in ident["rhs"])))
    placement = place([RowInput(key, values if kinds else [], m)], constraints)[key]
    _flag_placement(res, "review_litigation", first_row, placement, key, values if kinds else ())
    if between and not by_rows and res.flags and res.flags[-1].code == "extra_cells":
        # (where the 总计 row stands, the total of which rows not told)
        res.flags[-1] = dataclasses.replace(res.flags[-1], detail=f"{key}: more values than columns: {between}"
                                                                  f"{_as_written(values)}")
    _flag_text_values(res, "review_litigation", key, placement)
    if by_rows and summed[1]:
        _flag_review_total_row(res, *summed, [[placement.cells[at[rk, ck]] for rk in present] for ck in col_keys],
                               [rk for rk in row_keys if rk not in present])
    if summed[1] and len(present) < len(row_keys):  # (a kind's row left out, no cells; the 总计's: not cut short)
        res.flags.append(Flag("missing_rows", key, None, ", ".join(rk for rk in row_keys if rk not in present)))
    else:
        _flag_missing_rows(res, key, row_keys, present)
    unplaced = _unplaced_flag(placement) if kinds else "ragged"
    col_labels = [fm["cols"][ck][0] for ck in col_keys]
    for rk in present:
        # (a row of every column, its every cell read as a number: its records built in bulk)
        places = [at.get((rk, ck)) for ck in col_keys] if kinds and not placement.inferred else [None]
        built = None if None in places else _read_row_records(
            "review_litigation", rk, fm["rows"][rk][0], col_keys, col_labels, [placement.cells[i] for i in places])  # type: ignore[index]  # no None
        if built is not None:
            res.records += built
            continue
        for ck in col_keys:
            cell = at.get((rk, ck))
            res.records.append(_record("review_litigation", rk, ck, None if cell is None else placement.cells[cell],
                                       row_label=fm["rows"][rk][0], col_label=fm["cols"][ck][0],
                                       line=first_row.line,
                                       flag="missing_columns" if kinds and cell is None else unplaced,
                                       inferred=cell in placement.inferred))
    if overall is not None and kinds:
        totals = [placement.cells[at[rk, col_keys[-1]]] if (rk, col_keys[-1]) in at else None for rk in row_keys]
        _flag_review_overall(res, placement.cells[overall], totals)


def _review_spans(values: list[Cell], head: list[Cell], m: int) -> list[tuple[int, int]] | None:
    """The display columns each of the review table's ``m`` columns spans, as the labels of its header row ``head``
    stand, for its row of ``values`` set apart by runs of spaces (:func:`_columns_under`); None where the header's
    labels are not the ``m`` columns or a value has no place (the row is then read in order)."""
    spans = _label_spans(head)
    if len(spans) != m or not _apart(spans) or not all(c.col >= 0 and c.text and not c.glued for c in values):
        return None
    return spans


def _without_blank_between_kinds(values: list[Cell], width: int) -> list[Cell]:
    """The review table's row of values without a blank spacer cell between two kinds of case: one cell more than the
    format's, its one blank cell standing right after a kind's ``width`` columns ('4 | 0 | 0 | 0 | 4 | (blank) | 0 |
    1 | …', a spacer column between 行政复议 and 行政诉讼). The row was read with more values than columns
    (extra_cells) and all its cells were lost; any other row is returned as it is."""
    blanks = [i for i, c in enumerate(values) if not c.text and not c.glued]
    if len(blanks) == 1 and 0 < blanks[0] < len(values) - 1 and blanks[0] % width == 0:
        return values[:blanks[0]] + values[blanks[0] + 1:]
    return values


def _review_overall(heads: list[str]) -> tuple[int, int] | None:
    """(its place among the review header's words, its column: 0 first, -1 last) of a 总计 of the three kinds of
    case, a column beside each kind's total ('行政复议 | 行政诉讼 | 总计' over each kind's '结果维持 | … | 合计', or
    '复议维持 | … | 复议后诉合计 | 总计'), or None.  It is the one 总计 of one column more than the format's, named
    beside no result but the kinds' words or the results after a kind's words, before them all or after words
    naming every kind (the sixteen counts were not read, flagged extra_cells; between two kinds it stays so).  The
    format has no such column (templates.md): not read, so not checked (:func:`_flag_review_overall`)."""
    fm = load_formats()["review_litigation"]
    total = list(fm["cols"])[-1]  # (总计, each kind's last column in the format)
    cols = _review_header_columns(heads)
    if not cols or len(cols) != len(fm["rows"]) * len(fm["cols"]) + 1 or cols.count(total) != len(fm["rows"]) + 1:
        return None
    result_of = _review_names()[0]
    kinds = _review_kind_words().keys() | {label_key(w) for w in fm["lawsuit_group"]["words"]}
    named = [i for i, key in enumerate(heads) if key in result_of or key in kinds or _result_prefix(key, result_of)]
    for j, i in enumerate(named):
        beside = [heads[named[k]] for k in (j - 1, j + 1) if 0 <= k < len(named)]
        if result_of.get(heads[i]) == total and not any(key in result_of for key in beside):
            before = set(_review_kinds_named([heads[k] for k in named[:j]]))
            return (i, 0) if j == 0 else (i, -1) if before == set(fm["rows"]) else None
    return None


def _review_kinds_named(keys: list[str]) -> list[str]:
    """The kinds of case (row keys) review header words name: a kind's words, the lawsuits' word over both, a
    result after a kind's words ('复议维持')."""
    fm = load_formats()["review_litigation"]
    kind_of, group = _review_kind_words(), fm["lawsuit_group"]
    result_of = _review_names()[0]
    out = []
    for key in keys:
        prefix = _result_prefix(key, result_of)
        rows = group["rows"] if key in {label_key(w) for w in group["words"]} else [
            kind_of.get(prefix[0] if prefix else key)]
        out += [rk for rk in rows if rk]
    return out


def _flag_review_overall(res: TableResult, cell: Placed | None, totals: list[Placed | None]) -> None:
    """Flag ``group_subtotal`` the review table's 总计 of the three kinds of case (:func:`_review_overall`), with
    the kinds' totals as read: not kept (the schema has no key for it), not checked (the format has no such sum)."""
    if cell is None or not cell.raw:
        return
    known = [c.value for c in totals if c is not None and c.value is not None]
    summed = f"; the kinds' totals sum to {number_text(sum(known))}" if len(known) == len(totals) else ""
    res.flags.append(Flag("group_subtotal", "review_litigation", cell.line,
                          f"总计 {cell.raw} of the kinds of case written beside their totals, not kept (no key in "
                          f"the schema){summed}"))


def _review_labelled(header: list[str], labelled: list[tuple[str, list[Cell]]], led: list[tuple[Row, int | None]],
                     width: int) -> tuple[list[tuple[str, list[Cell]]], list[Flag]]:
    """The review table's rows led by a label with the cells that are none of their values left out, and the
    flags of the remarks left out.

    A row with fewer label cells than another (行政复议 over one column where '行政诉讼 | 未经复议直接起诉' take
    two) writes a blank cell in the labels' place ('行政复议 | | 4 | 0 | …'): read as its first value, every row
    was one cell too long (extra_cells, all 15 counts lost).  Under a header naming a column of remarks (备注,
    formats.yaml ``legacy.note_headers``) a row's remark after its values is no count: an empty one ('无')
    dropped, one in words or a number flagged ``extra_cells`` with its text (as the Article 20 table's), where
    the table is read by its rows (it made every row ragged).
    """
    span = max((n for _, n in led if n is not None), default=0)
    noted = any(k in _note_headers() for k in header)
    # (a row's last mark is its empty remark where the rows' remarks are marks or it stands after all the values,
    # unless the row keeps a blank remark after them: where most rows end in a count, or the remark's cell is
    # blank, a row's '—' is its 总计 as written)
    marks = noted and _end_in_marks([vals for _, vals in labelled])
    out: list[tuple[str, list[Cell]]] = []
    flags: list[Flag] = []
    for (key, vals), (row, n) in zip(labelled, led):
        for _ in range(span - n if n is not None else 0):
            if vals and not vals[0].text and not vals[0].glued:
                vals = vals[1:]
        if noted:
            if (marks or len(_trim_values(vals, width)) > width) and not (
                    len(vals) > width and not _written(vals[width:])):
                vals = _without_empty_remark(row, vals)
            vals = _trim_values(vals, width)
            if len(vals) == width + 1 and not vals[-1].glued:
                flags.append(_note_flag("review_litigation", _review_kind(key), row, vals[-1:]))
                vals = vals[:-1]
        out.append((key, vals))
    return out, flags


def _review_total_row(header: list[str], labelled: list[tuple[str, list[Cell]]], led: list[tuple[Row, int | None]],
                      partial: bool = False
                      ) -> tuple[tuple[list[str], list[tuple[str, list[Cell]]]], tuple[str, list[Cell]], str]:
    """The review table written a row for each kind of case with a row of their 总计: ((header, the kinds' rows),
    (the 总计 row's label key, its values by the format's results), '') where it stands before or after the three kinds' rows, the
    total of all three.

    The format has no such row (templates-detail.md 3.4): it was one row too many, all 15 counts lost (flagged
    extra_cells).  Standing between two kinds' rows it may be the total of the rows above it alone, so it is no
    reading: (header, rows) as given, no label nor values, and where it stands, for the flag.  A layout of a cell a line
    sets its label apart, a header word alone (its values read under it): that word is no header's.  Only a
    grid of the three kinds and the 总计, five values a row, under a header naming no result more often than
    another (else which column each word heads is not sure); where ``partial`` (every row of the table led by a
    label), of the kinds it writes (a kind left out has no row: its counts missing, the 总计 not checked).
    """
    as_given: tuple[tuple[list[str], list[tuple[str, list[Cell]]]], tuple[str, list[Cell]], str] = (
        (header, labelled), ("", []), "")
    if len(labelled) < 2:
        return as_given  # (the common table: one row of 15 values, no label)
    words = {label_key(w) for w in _review_results()["total"]}
    at = [i for i, (key, _) in enumerate(labelled) if key in words]
    if len(at) != 1:
        return as_given
    i, result_of = at[0], _review_names()[0]
    heads = header
    if led[i][1] is None:  # (its label a header word alone: not the header's)
        j = len(header) - 1 - header[::-1].index(labelled[i][0])
        heads = [*header[:j], *header[j + 1:]]
    # (a kind's row left out: the kinds there read, the 总计 not checked; :func:`_review_by_kind`)
    cells = _named_lines(heads, labelled, {**_review_kinds(), "": [labelled[i][0]]}, _review_results(), partial)
    if cells is None or len(set(Counter(result_of[k] for k in heads if k in result_of).values())) > 1:
        return as_given
    if 0 < i < len(labelled) - 1:
        line = next((c.line for c in labelled[i][1]), 0)
        return as_given[:2] + (f"a {labelled[i][0]} row (line {line}) between {labelled[i - 1][0]} and "
                               f"{labelled[i + 1][0]}, the total of which rows not told",)
    summed = [cells["", ck] for ck in _review_results()]
    return (heads, [*labelled[:i], *labelled[i + 1:]]), (labelled[i][0], summed), ""


def _review_total_ends_header(header: list[str]) -> bool:
    """Whether the review header's last word is a 总计 after words naming each result once ('总计 | 结果维持 | 结果纠正
    | 其他结果 | 尚未审结 | 总计', or '结果维持 | … | 总计 | 总计'): the label of the row under it, not a header's."""
    result_of = _review_names()[0]
    if not header or result_of.get(header[-1]) != "total":
        return False
    named = Counter(result_of[k] for k in header[:-1] if k in result_of)
    return len(named) == len(_review_results()) and set(named.values()) == {1}


def _flag_review_total_row(res: TableResult, label: str, summed: list[Cell], by_result: list[list[Placed | None]],
                           absent: list[str]) -> None:
    """Flag ``group_subtotal`` a review table's 总计 row of the three kinds of case (:func:`_review_total_row`)
    that is not, for a result, the sum of the kinds' counts as read (a sum of the cells there above it too, a
    cell missing): not kept (the schema has no key for it; where it is their sum, nothing is lost).  Where the
    table leaves a kind's row out (``absent``), the 总计 holds its counts too: not checked, always flagged."""
    sums, wrong = [], False
    for cell, kinds in zip(summed, by_result):
        known = [c.value for c in kinds if c is not None and c.value is not None]
        value = parse_number(cell.text).value if cell.text else None
        sums.append(number_text(sum(known)) if len(known) == len(kinds) else "NA")
        wrong |= value is not None and (sum(known) > value or len(known) == len(kinds) and sum(known) != value)
    written = (f"{label}: {' | '.join(c.text for c in summed)} written on a row of the kinds of case, not kept (no "
               f"key in the schema)")
    if absent:
        res.flags.append(Flag("group_subtotal", "review_litigation", summed[0].line,
                              f"{written}, not checked: the table has no row of {', '.join(absent)} (the rows read "
                              f"sum to {' | '.join(sums)})"))
    elif wrong:
        res.flags.append(Flag("group_subtotal", "review_litigation", summed[0].line,
                              f"{written}; their rows sum to {' | '.join(sums)}"))


def _review_row_astray(labelled: list[tuple[str, list[Cell]]], led: list[tuple[Row, int | None]],
                       order: list[str], partial: bool) -> str | None:
    """Where the review table's values are read in the order of its kinds of case (its rows not read by their
    labels), the first row whose label says it is no row of the kind its place gives it, or None.

    Only where every row is led by a label (``partial``) and holds one kind's values or fewer ('行政复议 | 4 | 0 |
    …'), each the kinds' in their order: a row labelled 总计 (two kinds and their 总计 row, not read by their
    labels for a cell short) or another kind had its counts read as 复议后起诉's, unflagged.  The whole table's
    row after a header's last word (a layout of a cell a line: '总计 | 4', its other values on lines of their own)
    is no such row.
    """
    width = len(load_formats()["review_litigation"]["cols"])
    if not partial or any(len(_trim_values(vals, width)) > width for _, vals in labelled):
        return None  # (the whole table's row, or rows of more than a kind: read as before)
    kind_of = _review_kind_words()
    for k, ((label, _), (row, _)) in enumerate(zip(labelled, led)):
        kind = order[k] if k < len(order) else None
        if kind_of.get(label) != kind:
            return (f"read in the format's order of the kinds, the row {label} (line {row.line}) is not "
                    f"{kind}'s" if kind else f"the row {label} (line {row.line}) is no kind's")
    return None


# Dashes that join a kind of case to the lawsuits' word in a review row's label ('行政诉讼—复议后起诉')
_KIND_DASHES = ("-", "—", "–", "－", "─")


def _review_row_label(text: str) -> str:
    """The label key of a review table row's label, the kind of case its parenthesis names where it names one.

    A table written a row for each kind of case may name a lawsuit's kind in a parenthesis ('行政诉讼(未经复议直接起诉)',
    '行政诉讼(复议后起诉)'), which label_key strips as an annotation: both rows were read as 行政诉讼, and all 15
    cells were left unplaced (ragged).  The parenthesis's words name the row where they name a kind of case, as
    do the words after a dash ('行政诉讼-未经复议直接起诉', '行政诉讼—复议后起诉': only the 行政复议 row was read,
    the lawsuits' cells flagged truncated)."""
    key = label_key(text)
    if key in _review_kind_words():
        return key
    if "(" in text:
        inner = label_key(text[text.rfind("(") + 1:].rstrip(")"))
    else:  # (the kind joined to the lawsuits' word by a dash, '行政诉讼-未经复议直接起诉', '行政诉讼—复议后起诉')
        at = max(key.rfind(d) for d in _KIND_DASHES)
        inner = key[at + 1:] if at > 0 else ""
    return inner if inner in _review_kind_words() else key


def _review_kind(key: str) -> str:
    """The row key of the kind of case a label key names (行政复议 -> review), else the label key itself."""
    return _review_kind_words().get(key, key)


def _results_prefixed(labels: list[Cell]) -> bool:
    """Header cells that each name a result after words of their own, a kind of case's, in the format's order
    ('复议结果维持 | 复议结果纠正 | … | 复议后诉总计', :func:`_review_header_columns`): a layout of a cell a line
    puts them before the values as their row's labels, and the values were not read (table_missing), where
    pipe rows read them in the format's order (in another, read by :func:`_review_columns`)."""
    cols = list(load_formats()["review_litigation"]["cols"])
    named = _review_header_columns([label_key(c.text) for c in labels])
    return bool(named) and len(named) == len(labels) and named == cols * (len(named) // len(cols))  # type: ignore[arg-type]  # bool(named) tested first


def _review_columns(heads: list[str]) -> list[list[str]] | None:
    """Each kind of case's columns in the review table as its header names them, where not the format's.

    A kind's columns (:func:`_review_header_columns`) end where a result they name already comes again, so a
    header that leaves a result out (尚未审结 dropped, twelve columns) or orders them otherwise (总计 first) is
    read by them.  None for the format's own columns or a header not read so (a name cut short, the results named
    once): read in the format's order as before; ``[]`` for such a header with a column of no result, whose
    cells are then not placed for certain (a column of no result is never read as a result's).
    """
    fm = load_formats()["review_litigation"]
    cols = _review_header_columns(heads)
    kinds: list[list[str]] = []
    for col in cols or ():
        if not kinds or col in kinds[-1]:
            kinds.append([])
        kinds[-1].append(col)
    if kinds == [list(fm["cols"])] * len(fm["rows"]) or cols is None:
        return None
    if len(kinds) != len(fm["rows"]) or not all(set(kind) & set(fm["cols"]) for kind in kinds):
        return [] if set(cols) - set(fm["cols"]) else None
    return kinds


@functools.lru_cache(maxsize=1)
def _review_results() -> dict[str, list[str]]:
    """The review table's results (column key -> the words naming it in its header: ``cols``, then
    ``header_only_cols``, 合计)."""
    fm = load_formats()["review_litigation"]
    return {ck: [*labs, *fm["header_only_cols"].get(ck, [])] for ck, labs in fm["cols"].items()}


@functools.lru_cache(maxsize=1)
def _review_names() -> tuple[dict[str, str], frozenset[str]]:
    """The review table's result names (label key -> column key, the longest first: '复议结果维持' ends in 结果维持
    before 维持) and its header's words (formats.yaml)."""
    fm = load_formats()["review_litigation"]
    names = sorted(((label_key(lab), k) for k, labs in _review_results().items() for lab in labs),
                   key=lambda n: -len(n[0]))
    return dict(names), frozenset(label_key(w) for w in fm["header_words"])


def _review_header_words(keys: list[str], texts: list[str]) -> list[str]:
    """A review header's label keys ``keys`` with those of ``texts`` after them, a word joined to the one before
    where together they are a result's name (formats.yaml ``review_litigation.cols``).

    A name set with a space ('结果 维持', seed 002) is two words to a layout of a cell a line: '总计 | 结果 | 维持 | 结果
    | 纠正 | …' named 总计, 维持, 纠正 and 其他 once, no more each result once, so a row for each kind had its counts
    read in the format's order (总计 first under 结果维持, flagged only identity_failed).
    """
    result_of = _review_names()[0]
    out = list(keys)
    for key in map(label_key, texts):
        if out and out[-1] + key in result_of:
            out[-1] += key
        else:
            out.append(key)
    return out


def _review_word(text: str) -> bool:
    """A header word of any table or one naming a review result in this table alone (合计)."""
    return vocabulary().is_header(text) or label_key(text) in _review_names()[0] or (
        # (a kind of case joined to the lawsuits' word by a dash, '行政诉讼-复议后起诉': the row was not read)
        any(d in text for d in _KIND_DASHES) and _review_row_label(text) in _review_kind_words())


def _review_header_columns(heads: list[str]) -> list[str] | None:
    """The review table's columns in the order its header names them, or None where a name is cut short.

    ``heads`` are the label keys of the header's cells, in order: a result's name is its column (its key), a
    short word that names no result beside one (备注 in 总计's place, or a sixth column) a column of no result
    (the word itself); the kinds of case (行政复议, 复议后起诉) and other words are no columns.  A cell of a PDF's
    glyphs of no Unicode map ('(cid:1)(cid:2)' for 总计) is the format's column after the one before it, where so
    the header names the format's own columns (:func:`_unmapped_results`); else no column, as before.
    """
    result_of, words = _review_names()
    cols: list[str] = []
    glyphs: list[int] = []  # where cells of such glyphs stand among the columns
    for i, key in enumerate(heads):
        if key in result_of:
            cols.append(result_of[key])
        elif key in words:
            continue
        elif key[:5] == "(cid:" and CID_GLYPHS.fullmatch(key):
            glyphs.append(len(cols))
        elif (named := _prefixed_result(key, result_of)) is not None:
            cols.append(named)
        elif vocabulary().is_header(key):
            return None  # a name cut short ('结果维', '审结'): not sure which columns the header names
        elif _column_word(key) and any(k in result_of for k in heads[max(i - 1, 0):i + 2]):
            cols.append(key)
    return _unmapped_results(cols, glyphs) if glyphs else cols


def _unmapped_results(cols: list[str], glyphs: list[int]) -> list[str]:
    """The review header's columns ``cols`` with a column for each of its cells of glyphs of no Unicode map (before
    ``cols[k]`` for each ``k`` of ``glyphs``), where the format's own columns of every kind of case are then what the
    header names, each such cell one of them in the format's order (every 总计 cell '(cid:1)(cid:2)': the total
    column was lost, the fifteen counts read as twelve columns, none placed); else ``cols`` as they are."""
    fm = load_formats()["review_litigation"]
    order = list(fm["cols"])
    full = order * len(fm["rows"])
    if len(cols) + len(glyphs) != len(full):
        return cols
    filled = list(cols)
    for k in reversed(glyphs):  # (from the last: an index of ``glyphs`` counts the columns before it)
        filled.insert(k, "")
    return full if all(col in ("", want) for col, want in zip(filled, full)) else cols


# the longest words before a result's name that say whose result it is ('复议', '未经复议直接起诉': '复议总计')
_RESULT_PREFIX_MAX = 8


def _prefixed_result(key: str, result_of: dict[str, str]) -> str | None:
    """The result (column key) a header word names after words of its own ('复议结果维持', '直诉总计': read as
    no column, the header's order of the results was lost), or None."""
    named = _result_prefix(key, result_of)
    return named[1] if named else None


def _result_prefix(key: str, result_of: dict[str, str]) -> tuple[str, str] | None:
    """(the words before the result, the result's column key) of a header word naming a result after words of its
    own ('复议结果维持': ('复议', 'upheld')), or None."""
    for name, col in result_of.items():
        if key.endswith(name) and 0 < len(key) - len(name) <= _RESULT_PREFIX_MAX and not any(
                ch.isdigit() for ch in key):
            return key[:-len(name)], col
    return None


# the longest header word read as a column of its own (备注, 合计, 其他情况): longer ones are prose
_COLUMN_WORD_MAX = 6


def _column_word(key: str) -> bool:
    """A label key short enough to be a column's name (备注, 合计), not a line of prose; no number in it."""
    return 0 < len(key) <= _COLUMN_WORD_MAX and not any(ch.isdigit() for ch in key)


def _review_kinds_order(heads: list[str]) -> list[str] | None:
    """The review table's kinds of case (row keys) in the order its header names them, each once: 行政复议 and
    the lawsuits where the word over them stands (``review_litigation.lawsuit_group``; without it each kind where
    it is named, a name over each of its results counted once), the two lawsuits by their own places ('复议后起诉 | 未经复议直接起诉', '行政诉讼 | 行政复议':
    their counts were read in the format's order, each under another kind's, unflagged, the identities holding),
    or the words before each result (:func:`_review_kinds_prefixed`). The format's order where the header does
    not name each kind once; None where those words do not tell which kind each result is, or tell another order
    than the kinds' own names."""
    fm = load_formats()["review_litigation"]
    prefixed = _review_kinds_prefixed(heads)
    group = fm["lawsuit_group"]
    kind_of = _review_kind_words()
    words = {label_key(w) for w in group["words"]}
    places: dict[str, list[int]] = {}
    last = None
    for i, key in enumerate(heads):
        top = kind_of.get(key) or ("lawsuits" if key in words else None)
        if top and top != last:  # (a name over each of its kind's results, '行政复议 | 结果维持 | 行政复议 | …', once)
            places.setdefault(top, []).append(i)
        last = top or last
    if any(len(at) > 1 for at in places.values()) or not set(fm["rows"]) <= set(places):
        return list(fm["rows"]) if prefixed == [] else prefixed
    lawsuits = sorted(group["rows"], key=lambda rk: places[rk][0])
    grouped = group["rows"] if "lawsuits" in places else []  # (else each where it is named, '直诉 | 复议 | 复议后诉')
    tops = sorted((rk for rk in places if rk not in grouped), key=lambda top: places[top][0])
    named = [rk for top in tops for rk in (lawsuits if top == "lawsuits" else [top])]
    return named if prefixed in ([], named) else None


def _review_kinds_prefixed(heads: list[str]) -> list[str] | None:
    """The review table's kinds of case in the order the words before its results name them ('直诉结果维持 | … |
    复议结果维持 | …', ``review_litigation.kind_words``; they were read in the format's order, each kind's counts
    under another's, unflagged), ``[]`` where no such words tell of the kinds (none, or one word before the results
    of no kind, '案件总计'), None where they do not tell each result's kind (words of no kind, or a result
    without them beside results with them, or a kind's results not side by side)."""
    fm = load_formats()["review_litigation"]
    result_of = _review_names()[0]
    kind_of = _review_kind_words()
    prefixes = [("", None) if key in result_of else _result_prefix(key, result_of) for key in heads]
    prefixes = [p for p, _ in filter(None, prefixes)]
    if not any(p in kind_of for p in prefixes) and len(set(prefixes) - {""}) < 2:
        return []
    kinds = [kind_of.get(p) for p in prefixes]
    runs = [rk for i, rk in enumerate(kinds) if i == 0 or rk != kinds[i - 1]]
    if None in runs or sorted(runs) != sorted(fm["rows"]):  # type: ignore[type-var]  # None in runs is tested first
        return None
    return runs  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def _review_kinds() -> dict[str, list[str]]:
    """The review table's kinds of case (row key -> the words naming it: its labels, then
    ``review_litigation.kind_words``, '复议', '直接起诉')."""
    fm = load_formats()["review_litigation"]
    return {rk: [*labs, *fm["kind_words"].get(rk, [])] for rk, labs in fm["rows"].items()}


@functools.lru_cache(maxsize=1)
def _review_kind_words() -> dict[str, str]:
    """The words naming a kind of case in the review table (label key) -> its row key."""
    return {label_key(w): rk for rk, words in _review_kinds().items() for w in words}


def _review_positions(kinds: list[list[str]], row_keys: list[str]) -> dict[tuple[str, str], int]:
    """(row key, result key) -> the position of its cell among the review table's values, by ``kinds``."""
    at: dict[tuple[str, str], int]
    at, start = {}, 0
    for rk, kind in zip(row_keys, kinds):
        at.update(((rk, ck), start + i) for i, ck in enumerate(kind))
        start += len(kind)
    return at


def _flag_review_columns(res: TableResult, row: Row, heads: list[str], kinds: list[list[str]],
                         values: Sequence[Cell] = ()) -> None:
    """Flag the review table's header columns that name no result (unknown_column) and the results a kind of
    case leaves out (missing_columns, their cells NA); cells not placed for a header whose kinds are not clear,
    ``values`` (the counts as written) then given."""
    fm = load_formats()["review_litigation"]
    unknown = [k for k in dict.fromkeys(_review_header_columns(heads) or ()) if k not in fm["cols"]]
    if unknown:
        res.flags.append(Flag("unknown_column", "review_litigation", row.line, "; ".join(unknown)))
    if not kinds:
        res.flags.append(Flag("ragged", "review_litigation", row.line,
                              f"review_litigation: 0 of {len(fm['rows']) * len(fm['cols'])} cells placed; "
                              f"the header's columns of each kind of case are not clear{_as_written(values)}"))
        return
    absent = [[ck for ck in fm["cols"] if ck not in kind] for kind in kinds]
    if any(absent):  # (named once where every kind leaves the same out, as the requests table names its one)
        detail = ", ".join(absent[0]) if absent.count(absent[0]) == len(absent) else "; ".join(
            f"{rk}: {', '.join(cols)}" for rk, cols in zip(fm["rows"], absent) if cols)
        res.flags.append(Flag("missing_columns", "review_litigation", None, detail))


def _review_transposed(header: list[str], labelled: list[tuple[str, list[Cell]]], row_keys: list[str],
                       col_keys: list[str]) -> list[Cell] | None:
    """The review table's values in the format's order where it is written transposed, or None.

    A row for each result (结果维持 | 4 | 0 | 1, … 总计 | 4 | 2 | 1) under a header naming the three kinds of case
    (行政复议 | 未经复议直接起诉 | 复议后起诉): the values were read in the format's order as if they were one row,
    each under another cell.  Only a complete grid, each result named once and three values a row.
    """
    cells = _named_lines(header, labelled, _review_results(), _review_kinds())
    return [cells[ck, rk] for rk in row_keys for ck in col_keys] if cells else None


def _review_by_kind(header: list[str], labelled: list[tuple[str, list[Cell]]], row_keys: list[str],
                    col_keys: list[str], partial: bool = False) -> tuple[list[str], list[Cell]] | None:
    """(the kinds of case read, their values in the format's order) where the review table is written a row for
    each kind of case, or None.

    Rows led by 行政复议, 未经复议直接起诉 and 复议后起诉, five values each, are read by those rows and by the
    results in the order the header names them (结果纠正 | 结果维持 | …, 总计 first): they were read in the
    format's order whatever the header said (upheld and corrected swapped unflagged, 总计 read as 结果维持 and
    the identities failed). Only each kind named once with five values a row; a header that does not name the
    five results once each leaves them in the format's order.  Where ``partial`` (every row of the table led by
    a label), a kind the table leaves out has no cells (its row missing): the rows there were read in the
    format's order, a 复议后起诉 row read as 未经复议直接起诉's (or a 总计 row as 复议后起诉's), unflagged.
    """
    cells = _named_lines(header, labelled, _review_kinds(), _review_results(), partial)
    kinds = [rk for rk in row_keys if (rk, col_keys[0]) in (cells or {})]
    return (kinds, [cells[rk, ck] for rk in kinds for ck in col_keys]) if cells else None


def _review_kinds_glued(header: list[str], labelled: list[tuple[str, list[Cell]]], row_keys: list[str],
                        col_keys: list[str]) -> list[Cell] | None:
    """The review table's three glued runs in the format's order of the kinds, where it is written a row for each
    kind with its five counts glued into one cell ('| 行政复议 | 40004 |'), or None.

    The runs are cut as the whole table's run is, where its identities decide (a cut across two rows' runs is
    one more reading, never a value).  Only each kind named once with one run of five digits or more, under a
    header that does not name the results in another order than the format's (else left as they were read).
    """
    width = len(col_keys)
    runs = [(lab, _one_glued_run(_trim_values(vals, width), width)) for lab, vals in labelled]
    if not runs or not all(len(vals) == 1 and vals[0].glued for _, vals in runs):
        return None  # (the common table: one row of 15 values, no label)
    result_of = _review_names()[0]
    named = [result_of[k] for k in header if k in result_of]
    if sorted(named) == sorted(col_keys) and named != col_keys:
        return None
    cells = _named_lines([], runs, _review_kinds(), {"run": []})
    return [cells[rk, "run"] for rk in row_keys] if cells else None


def _named_lines(header: list[str], labelled: list[tuple[str, list[Cell]]], lines: dict,
                 across: dict, partial: bool = False) -> dict[tuple[str, str], Cell] | None:
    """(line key, across key) -> cell of a grid whose rows are named by ``lines``' labels (key -> labels), each
    once, with a value under each of ``across``' keys, in the order the header names them where it names each
    once or each alike several times over (:func:`_header_order`; else in ``across``' order); None where the rows
    are not such a grid or the header's orders differ.  Where ``partial``, some of
    ``lines`` may be left out (no cell of theirs in the result), every row still named by one of them."""
    line_of = {label_key(lab): k for k, labs in lines.items() for lab in labs}
    across_of = {label_key(lab): k for k, labs in across.items() for lab in labs}
    by_line = {line_of.get(lab): _trim_values(vals, len(across)) for lab, vals in labelled}
    if len(by_line) != len(labelled) or None in by_line or not by_line or not (
            partial or len(by_line) == len(lines)) or any(len(vals) != len(across) for vals in by_line.values()):
        return None
    order = _header_order([across_of[k] for k in header if k in across_of], list(across))
    if order is None:
        return None
    return {(lk, ak): by_line[lk][order.index(ak)] for lk in lines if lk in by_line for ak in across}


def _header_order(named: list[str], keys: list[str]) -> list[str] | None:
    """The order of ``keys`` a header naming them ``named`` (keys, as it names them) gives each row: its own where it
    names each once, or each alike several times over (the review table's three header rows, '结果纠正 | 结果维持 |
    …' under each kind of case); None where it names each as often, in orders that differ (which one a row follows
    is not known); else ``keys`` as given (a header of other words, or not naming each as often)."""
    n = len(keys)
    runs = [named[i:i + n] for i in range(0, len(named), n)]
    if not named or len(named) % n or any(sorted(run) != sorted(keys) for run in runs):
        return keys
    return runs[0] if all(run == runs[0] for run in runs) else None


# --- legacy statistics tables -------------------------------------------------------

def _legacy_header(keys: list[str]) -> tuple[int | None, list[tuple[int, str]]]:
    """(index of the unit column, [(index, col_key)] of the value columns) of a legacy header row.

    The first column holds the labels; a 代码 (row code) column is neither unit nor value, nor is a 备注 column.
    """
    fm = load_formats()["legacy"]
    unit_at = None
    values: list[tuple[int, str]] = []
    for i, k in enumerate(keys[1:], start=1):
        if not k or k in fm["code_headers"] or k in fm["note_headers"]:
            continue
        if k in fm["unit_headers"] and unit_at is None:
            unit_at = i
        else:
            values.append((i, _legacy_value_key(k)))
    if len(values) == 1 and keys[values[0][0]] not in fm["value_headers"]:
        values = [(values[0][0], "value")]  # ('累计' alone: the one column of counts, the table's own)
    names = _distinct_value_names([c for _, c in values])
    return unit_at, [(i, c) for (i, _), c in zip(values, names)]


def _legacy_year_column(keys: list[str], value_cols: list[tuple[int, str]],
                        below: list[Row]) -> tuple[list[tuple[int, str]], tuple[int, str] | None]:
    """The value columns without a column of the report's year, and that column's (index, year), or None.

    '统计指标 | 单位 | 年度 | 统计数' over '收到申请数 | 件 | 2017 | 3': a column headed by a year's word (formats.yaml
    ``legacy.year_headers``) whose written cells are all one year, three at least, beside another value column,
    holds no count (its 2017 was read as a value of every row, flagged only where identities failed).  The
    cells looked at are the column's in the rows below the header, up to the next header.
    """
    words = load_formats()["legacy"]["year_headers"]
    at = next((i for i, _ in value_cols if keys[i] in words), None) if len(value_cols) > 1 else None
    if at is None:
        return value_cols, None
    written = []
    for row in below:
        if _legacy_header_start([label_key(c.text) for c in row.cells]) is not None:
            break
        if len(row.cells) > at and row.cells[at].text:
            written.append(row.cells[at].text)
    if len(written) < 3 or len(set(written)) != 1 or not _YEAR.fullmatch(written[0]):
        return value_cols, None
    rest = [i for i, _ in value_cols if i != at]
    names = _distinct_value_names([_legacy_value_key(keys[i]) for i in rest])
    return [(i if i < at else i - 1, c) for i, c in zip(rest, names)], (at, written[0])


def _without_year(row: Row, at: int, year: str) -> Row:
    """The row without its cell of the report's year (``_legacy_year_column``): the cell at ``at``, or, in a row
    too short to reach it whose last cell is the year (a text layout that leaves out blank cells: '收到申请数 | 件
    | 2017' under '… | 统计数 | 年度'), that cell, its count blank."""
    cells = row.cells
    if len(cells) > at and cells[at].text == year:
        cut = at
    elif 1 < len(cells) <= at and cells[-1].text == year:
        cut = len(cells) - 1
    else:
        return row
    return Row(cells[:cut] + cells[cut + 1:], explicit=row.explicit, grid=row.grid, spaced=row.spaced)


def _legacy_value_key(key: str) -> str:
    """The col_key of a value column headed by the label key ``key``: formats.yaml ``legacy.value_headers``', else
    ``cumulative`` for words ending as a cumulative count's do (``legacy.cumulative_endings``: 累计, 累计数), else
    ``value``."""
    fm = load_formats()["legacy"]
    if key in fm["value_headers"]:
        return fm["value_headers"][key]
    if any(key.endswith(w) for w in fm["cumulative_endings"]):
        return "cumulative"
    return "previous" if _previous_year_word(key) else "value"


def _previous_year_word(key: str) -> bool:
    """Whether a value column's header (label key) names last year's count (formats.yaml
    ``legacy.previous_starts``: 上年数, 上年度, 去年)."""
    return key.startswith(tuple(load_formats()["legacy"].get("previous_starts", ())))


def _value_names(n: int) -> list[str]:
    """The col_keys of ``n`` value columns their header does not tell apart: value, value_2, value_3 …"""
    return ["value"] + [f"value_{i}" for i in range(2, n + 1)]


def _distinct_value_names(names: list[str]) -> list[str]:
    """The value columns' col_keys, made distinct: a key that only one column has keeps it (``total`` of a
    合计 column), the others are value, value_2 … in order ('区政府统计数 | 区直单位统计数 | 乡镇街道统计数 | 合计':
    value, value_2, value_3, total)."""
    if "total" in names and not any(n == "value" or n.startswith("value_") for n in names):
        names = ["value" if n == "total" else n for n in names]  # 合计 alone ('统计指标 | 单位 | 合计'): no parts
    if len(set(names)) == len(names):
        return names
    kept = {n for n in names if n != "value" and names.count(n) == 1}
    generic = iter(_value_names(sum(n not in kept for n in names)))
    return [n if n in kept else next(generic) for n in names]


def _legacy_column_name(text: str) -> str | None:
    """The col_key a second header row's cell gives its value column ('2009年度': value, '历年累计': cumulative,
    '合计': total), 'value' for a part named in words of its own ('区政府', '乡镇街道'; a short word, not a value, a
    unit, an item, a block's name or numbered), or None."""
    key = label_key(text)
    match = next((v for h, v in load_formats()["legacy"]["value_headers"].items() if key == h or key.endswith(h)),
                 None)
    if match is None and any(key.endswith(w) for w in load_formats()["legacy"]["cumulative_endings"]):
        match = "cumulative"  # ('累计', '累计数': the cumulative count, as 历年累计)
    if match is None and _previous_year_word(key):
        match = "previous"  # ('上年数': last year's count, not this year's value)
    if match is not None:
        return match
    vocab = vocabulary()
    if not 0 < len(key) <= 8 or is_value_cell(key) or key in vocab.legacy_units or key in vocab.legacy_rows \
            or key in vocab.legacy_parents or _NUMBERED.match(re.sub(r"\s+", "", text)):
        return None
    return "value"


def _legacy_sub_header(texts: list[str]) -> list[str] | None:
    """The col_keys of a second header row of value columns ('2009年度 | 历年累计'), or None for a data row.

    The parts' columns may be named by no header word ('区政府 | 区直单位 | 乡镇街道 | 合计' under 统计数): two such
    names or more make the row a header (it ended the table as another table's header, the rows then read by
    themselves: 合计 a fourth part, value_4, unchecked, the columns unnamed).
    """
    found = [_legacy_column_name(t) for t in texts]
    if not found or None in found:
        return None
    if len(found) < 2 and not any(label_key(texts[0]).endswith(h) for h in load_formats()["legacy"]["value_headers"]):
        return None  # one word of no header's alone: a label on its line, not a header
    # 统计数 over '区政府统计数 | 区直单位统计数 | 乡镇街道统计数' (a 2024 town-level reuse): three value columns
    return _distinct_value_names(found)  # type: ignore[arg-type]  # no None: checked above


def _legacy_parts_run_in(row: Row) -> tuple[list[str], Row] | None:
    """The value columns' own header run into the next row (its words), and that row without it; or None.

    '区政府 | 区直单位 | 乡镇街道 | 合计 | 一、主动公开情况 | …' (a text layout of a cell a line), or '区政府 区直单位
    乡镇街道 合计' joined to the row as its first cell (an unruled PDF's short line): the header's words were read
    as the row's label, and the parts' values dropped or read under 统计数.
    """
    words: list[str] = []
    for at, cell in enumerate(row.cells):
        split = cell.text.split()
        if not split or None in map(_legacy_column_name, split):
            break
        words += split
    else:
        return None
    if at == 0 or len(words) < 2 or row.cells[at].is_value:
        return None
    return words, Row(row.cells[at:], explicit=row.explicit, grid=row.grid, spaced=row.spaced)


@functools.lru_cache(maxsize=1)
def _legacy_parents() -> dict[str, str | None]:
    """Each legacy item's parent (formats.yaml ``legacy.rows``): the item a label used twice falls under."""
    return {k: p for k, (_l, _u, p) in load_formats()["legacy"]["rows"].items()}


def _legacy_label_key(label: str) -> str:
    """The label key of a legacy row's label without a leading 其中 ('其中:1.同意公开答复数': the item number
    follows 其中, so the key is taken again after it)."""
    return label_key(re.sub(rf"^(?:{_sub_item()})[:：,，、]?", "", label_key(label)))


class _Recent:
    """The keys of a table's rows read so far, each with where it was last met (for `_legacy_key`).

    A list searched backwards for each row of a label used twice made a table of n rows take n² steps.
    """

    def __init__(self) -> None:
        self._last: dict[str, int] = {}
        self._count = 0
        self._top = -1  # where the last item of the format's with no parent was met (四、行政复议数量 …)

    def append(self, key: str) -> None:
        self._last[key] = self._count
        if key in _legacy_parents() and _legacy_parents()[key] is None:
            self._top = self._count
        self._count += 1

    def last(self, key: str | None) -> int:
        """Where ``key`` was last met (a larger number: later), -1 if never."""
        return -1 if key is None else self._last.get(key, -1)

    def open_group(self, group: str) -> bool:
        """Whether the rows read now stand under the group heading ``group`` (申请来源): met, and no item of the
        format's with no parent met since (its block ended there)."""
        return self.last(group) > self._top


def _legacy_candidates(lk: str) -> list[str]:
    """The items a legacy label key names: its own, else the longest known label's it starts with where the rest
    goes on that label (政务微博名称:xx,公开政府信息数; `_goes_on`), else none (a local item).  Two for a label used
    twice (被依法纠错数)."""
    vocab = vocabulary()
    candidates = vocab.legacy_rows.get(lk)
    if not candidates:
        matches = [lab for lab in vocab.legacy_rows if len(lab) >= 4 and lk.startswith(lab) and _goes_on(lab, lk)]
        if matches:
            candidates = vocab.legacy_rows[max(matches, key=len)]
    return candidates or []


def _goes_on(known: str, lk: str) -> bool:
    """Whether the label key ``lk``, which starts with the known label ``known``, is that label's item: the rest
    after a mark (政务微博名称:xx,…, 信函申请数/件), a name after a label that announces one (政务微博名称高港微博…:
    ``legacy.name_words``), or one character (主动公开政府信息数量).  Not words of an item of its own: 政府网站留言办理数
    starts with Putian's 政府网站 (via_website), and was read as that item, unflagged."""
    rest = lk[len(known):]
    return (len(rest) <= 1 or not re.match(r"\w", rest)
            or any(known.endswith(w) for w in load_formats()["legacy"]["name_words"]))


def _local_key(lk: str) -> str:
    """The key of a local item (a label no item of the format's): its label key without marks."""
    return re.sub(r"[^\w]", "", lk) or lk


@functools.lru_cache(maxsize=1)
def _legacy_groups() -> dict[str, str]:
    """Each legacy item under a group heading (formats.yaml ``legacy.parents``: 申请来源), at any depth, and that
    heading: src_other and src_lawyers under requests_source."""
    groups = set(vocabulary().legacy_parents.values())
    parents = _legacy_parents()
    out: dict[str, str] = {}
    for key in parents:
        up, seen = parents.get(key), {key}
        while up is not None and up not in groups and up not in seen:
            seen.add(up)
            up = parents.get(up)
        if up in groups:
            out[key] = up
    return out


def _legacy_key(label: str, recent: _Recent) -> str:
    lk = _legacy_label_key(label)
    # an item of a group heading is named by a bare word (其他, 企业, 公民, 律师): that item only under its heading,
    # else a local item (5.其他 among the channels of 主动公开 was read as src_other, the request source)
    groups = _legacy_groups()
    candidates = [c for c in _legacy_candidates(lk) if c not in groups or recent.open_group(groups[c])]
    if not candidates:
        return _local_key(lk)
    return _legacy_resolve(candidates, recent)


def _legacy_resolve(candidates: list[str], recent: _Recent) -> str:
    """The item of a label's ``candidates`` (`_legacy_candidates`), two for a label used twice."""
    parents = _legacy_parents()
    if len(candidates) == 1:
        return candidates[0]
    # the item under the parent met last; one already met under its parent's last row is not met again there
    # (被依法纠错数 after 行政诉讼's row in words not known is the lawsuits' one, not the reconsiderations' again)
    return max(candidates, key=lambda cand: (recent.last(cand) <= recent.last(parents.get(cand)),
                                             recent.last(parents.get(cand))))


def _one_edit(a: str, b: str) -> bool:
    """Whether two labels differ by one character: one wrong, missing or extra (edit distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


@functools.lru_cache(maxsize=4096)
def _near_legacy_labels(lk: str) -> tuple[str, ...]:
    """The known labels (formats.yaml ``legacy.rows`` and ``aliases``, as label keys) one character from the label
    key ``lk``, of ``legacy.near_labels.flag`` characters or more; none for a known label."""
    vocab = vocabulary()
    if lk in vocab.legacy_rows:
        return ()
    least = load_formats()["legacy"]["near_labels"]["flag"]
    return tuple(lab for lab in vocab.legacy_rows if len(lab) >= least and _one_edit(lk, lab))


def _legacy_named(rows: list[Row]) -> tuple[frozenset[str], frozenset[str]]:
    """The items the label cells of a legacy table's ``rows`` name (both of a label used twice), and the label
    keys of its other labels (local items, and labels one character from a known one: `_near_legacy_labels`)."""
    vocab = vocabulary()
    named: set[str] = set()
    local: set[str] = set()
    for row in rows:
        for cell in row.cells:
            lk = _legacy_label_key(cell.text) if cell.text and not cell.is_value else ""
            if len(lk) < 2 or lk in vocab.legacy_units:
                continue
            candidates = [] if _near_legacy_labels(lk) else _legacy_candidates(lk)
            if candidates:
                named.update(candidates)
            else:
                local.add(lk)
    return frozenset(named), frozenset(local)


def _near_key(label: str, recent: _Recent, named: Collection[str], local: Collection[str]) -> tuple[str, str] | None:
    """The key of a legacy row whose label is one character from a known item's (`_near_legacy_labels`), and
    what its unknown_row flag says; None for a label not so near (read by `_legacy_key`).

    The row is that item's only where certain (``legacy.near_labels`` in formats.yaml): one item's label near it,
    of ``read`` characters or more, an item that no other row of the table names (``named``), and no other local
    label of the table (``local``) one character from it; else it keeps its own label.  A known label and one
    character more (主动公开政府信息数量) is that label's item, unflagged, as every label it starts.
    """
    vocab = vocabulary()
    lk = _legacy_label_key(label)
    near = _near_legacy_labels(lk)
    items = sorted({tuple(vocab.legacy_rows[lab]) for lab in near})
    if not near or (len(items) == 1 and any(lk.startswith(lab) for lab in near)):
        return None  # a known label and one character more: its item's, as any label it starts (_legacy_key)
    known = max(near, key=len)
    said = " and ".join(f"{lab} ({'/'.join(vocab.legacy_rows[lab])})" for lab in near)
    others = sorted(other for other in local if other != lk and _one_edit(other, lk))
    if len(items) > 1:
        why = "several items"
    elif len(known) < load_formats()["legacy"]["near_labels"]["read"]:
        why = "too short a label to tell a typo from a word of its own"
    elif set(items[0]) & set(named):
        why = "another row of the table names that item"
    elif others:
        why = f"so is the table's own {others[0]}"
    else:
        key = _legacy_resolve(list(items[0]), recent)
        return key, f"{label}: read as {key}, one character from {known}"
    return _local_key(lk), f"{label}: kept under its own label; one character from {said}: {why}"


def _legacy_unit(label: str, recent: _Recent) -> str | None:
    """The unit the format gives the item a label names, or None (an item not known)."""
    return load_formats()["legacy"]["rows"].get(_legacy_key(label, recent), (None, None))[1]


def _legacy_collapse_header(texts: list[str]) -> list[str]:
    """A legacy header row with its label column as one cell.

    A header whose 统计指标 spans two columns ('其中 | 1.当面申请数' under it) is written with a blank cell or
    the label repeated after the first; the rows' label cells are joined to match (`_legacy_join_label`).
    """
    first = label_key(texts[0]) if texts else ""
    n = 1
    while n < len(texts) and (not texts[n].strip() or label_key(texts[n]) == first):
        n += 1
    return texts[:1] + texts[n:]


def _label_like(cell: Cell, units: frozenset[str]) -> bool:
    """A cell that may be part of a row's label: blank (a merged 其中 cell not repeated) or words, not a unit."""
    return not cell.text or (not cell.is_value and cell.text not in units)


def _legacy_join_label(row: Row, width: int) -> Row:
    """The row with its label cells joined into one, where it has more cells than the header (``width``).

    '其中 | 1.当面申请数 | 件 | 2' and '(blank) | 2.传真申请数 | 件 | 0' under a header whose label is one
    cell: before, every column after the label was read one place off, and the blank cell was the label.
    """
    vocab = vocabulary()
    cells = list(row.cells)
    filled = len(cells)
    while filled and not cells[filled - 1].text:
        filled -= 1  # trailing empty cells (a header cell spanning two columns) are no label part
    for n in (len(cells) - width + 1, filled - width + 1):
        parts = cells[:n]
        if n >= 2 and all(_label_like(c, vocab.legacy_units) for c in parts) and any(c.text for c in parts):
            break
    else:
        return row
    texts = [c.text for c in parts if c.text]
    joined = "".join(texts)
    if label_key(joined) not in vocab.legacy_rows and label_key(texts[-1]) in vocab.legacy_rows:
        joined = texts[-1]  # the cells before it name a block ('主动公开情况', 其中), not the item
    line = next(c.line for c in parts if c.text)
    return Row([Cell(joined, line), *cells[n:]], explicit=row.explicit, grid=row.grid, spaced=row.spaced)


def _legacy_merged_unit(row: Row, width: int, unit_at: int | None, carried: str, recent: _Recent) -> Row:
    """The row with its unit cell put back where a cell merged over several rows covered it.

    A 单位 cell merged down over rows of one unit (HTML rowspan, DOCX vMerge, a tall PDF box), or a label cell
    spanning the unit column, leaves the rows a cell short (the readers drop covered cells): their value stood in
    the unit's place (`当面申请数 | 4`), read as the unit, the value NA.  A row a cell short of the table's
    ``width`` with a number or a mark in the unit's place gets the unit of the row above (``carried``, when the
    item's own unit, where the format knows it, is that one; a row set with spaces shows no merge) or a blank
    one; a grid row of a known item with its label only (the unit covered, the value blank) gets the unit above.
    ``recent`` are the keys of the rows before, telling the item of a label used twice (`_legacy_key`).
    """
    cells = list(row.cells)
    if unit_at is None or len(cells) >= width:
        return row
    if len(cells) == 1:
        if not (row.grid and carried and _legacy_unit(cells[0].text, recent) == carried):
            return row
        cells += [Cell("", cells[0].line)] * (unit_at - 1)
    else:
        at = cells[unit_at] if unit_at < len(cells) else None
        if at is None or not at.text or not at.is_value or at.text in vocabulary().legacy_units:
            return row
        key_unit = _legacy_unit(cells[0].text, recent)
        carried = carried if key_unit in (None, carried) and not row.spaced else ""
    return Row(cells[:unit_at] + [Cell(carried, cells[0].line)] + cells[unit_at:], explicit=row.explicit,
               grid=row.grid, spaced=row.spaced)


def _legacy_cell(cell: Cell, unit: str, money: bool, key: str, label: str, res: TableResult,
                 row: Row) -> tuple[Placed, str | None]:
    """A legacy value cell and its unit; money in 万元, as everywhere in tables.csv.

    Money's unit is the cell's own (3.5万元 under 元), else the unit column's, else the label's
    (专项经费(万元)); money with none of them is NA and flagged ``unit_unknown``, as in the active table.
    """
    # the kind of value the row holds, told by its unit cell (or the format's money): a cell whose own unit says
    # another kind ('3次' in a 万元 row, '5%' in a 件 row) is no number of it
    in_money = unit_kind(unit) == "money"  # the unit column's 元, 千元, 万元, 亿元 …
    expect = "money" if money or in_money else unit_kind(unit)
    # (a count in Chinese numerals, '三', '十二', '一百零五', '〇', too: its number, the cell as written in raw)
    num = parse_cell(cell.text, expect=expect)
    if expect in _WHOLE_KINDS and num.value is not None and "." in cell.text and not num.value.is_integer():
        num = dataclasses.replace(num, value=None, kind="text")  # a count with decimals is no count (480.5 条)
    if num.kind == "text" or num.note or num.mark or num.words or num.item:
        res.flags.append(Flag("not_a_number" if num.kind == "text" else "value_note", "legacy", cell.line,
                              f"{key}: {cell.text}"))
    placed = Placed(num.value, cell.text, cell.line, num.unit)
    if num.value is None or not (money or unit_kind(num.unit) == "money" or in_money):
        return placed, unit or None
    header_unit = unit if in_money else _unit_of(label)
    return _money(placed, header_unit, label, res, row, table="legacy")


def _short_spaced(row: Row, cells: list[Cell | None]) -> bool:
    """A row with some value but fewer than the table's value columns, its blank cells left no trace: which one
    is blank is unknown.  So a spaced row (an unruled PDF), and a row a text layout of a cell a line rebuilt
    where a blank cell is no line ('08 | |' then '7 |': 7 was read as 本期实际, 本年累计 NA, unflagged)."""
    written = sum(c is not None and bool(c.text) for c in cells)
    if row.spaced:
        return 0 < written < len(cells)
    return not (row.explicit or row.grid) and written > 0 and None in cells


def _other_table_header(texts: list[str]) -> bool:
    """A header or row of another table ('序号 | 申请日期 | 申请内容', '项目 | 内容', '1 | 2017-03-05 | …').

    A case list's row: three cells or more, the first a number, no unit anywhere (a legacy row with its number
    in a cell of its own, '1 | 当面申请数 | 件 | 2', has one), not marks alone.  A header: words in two cells or
    more, no value, no unit, no known item first, none numbered like the table's own blocks and sub-blocks
    ('(四)申请来源 | 其中', '九、机构建设和保障经费情况 | (不含政府网站)'), no note in brackets after the first.
    """
    vocab = vocabulary()
    words = [t.strip() for t in texts if t.strip()]
    if any(t in vocab.legacy_units for t in words):
        return False
    if len(words) >= 3 and is_value_cell(words[0]):
        # marks alone are no case's row: a block heading's cells ('一、主动公开情况\t—\t—', its label lost to the
        # text layout) under the table's own header
        return not all(t in NA_MARKS for t in words)
    if len(words) < 2 or any(is_value_cell(t) for t in words) or label_key(words[0]) in vocab.legacy_rows:
        return False
    _headers, _labels, serials = _legacy_header_keys()
    if label_key(words[0]) in serials:
        # a column of row numbers first (序号 | 申请日期 | 申请内容); the statistics table's own header with one
        # (序号 | 统计指标 | 单位 | 统计数) is told by _legacy_header_start before
        return True
    return not any(_NUMBERED.match(t) or "其中" in t for t in words) and not any(
        t.startswith(("(", "（")) for t in words[1:])


# an item's own numbering: a label that starts with it is no continuation of the line before
_NUMBERED = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|其中)")
# a row's number in a column of its own ('1 | 收到申请数 | 件 | 3')
_SERIAL = re.compile(r"\d{1,3}")
# rows looked at after a row of the table's items to tell whether a table without a header starts there
_ITEM_WINDOW = 12


@functools.lru_cache(maxsize=1)
def _legacy_header_keys() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The label keys of a legacy header's words (formats.yaml ``legacy``): (``header_words``, ``label_headers``,
    ``serial_headers``), read once, not for every row looked at."""
    fm = load_formats()["legacy"]
    headers, labels, serials = (frozenset(label_key(w) for w in fm[name])
                                for name in ("header_words", "label_headers", "serial_headers"))
    return headers, labels, serials


@functools.lru_cache(maxsize=1)
def _legacy_year_keys() -> frozenset[str]:
    """The label keys of a column of the report's year's header words (formats.yaml ``legacy.year_headers``)."""
    return frozenset(label_key(w) for w in load_formats()["legacy"]["year_headers"])


def _legacy_header_start(keys: list[str]) -> int | None:
    """Where a legacy header row's label column is (0, or 1 after a 序号 column), or None for no header.

    '统计指标 | 单位 | 统计数' (and 统计指标 | 统计数); a label column's header in other words ('项目 | 单位 | 数量')
    only with a unit or value column's word after it; '序号 | 统计指标 | …' with a column of row numbers first, or
    '年度 | 统计指标 | …' with one of the report's year (no value column: _drop_serial drops its cells).
    """
    fm = load_formats()["legacy"]
    headers, labels, serials = _legacy_header_keys()
    start = int(len(keys) >= 3 and (keys[0] in serials or keys[0] in _legacy_year_keys())
                and keys[1] in headers | labels)
    first, rest = (keys[start], keys[start + 1:]) if len(keys) > start else ("", [])
    if first in headers and (len(rest) >= 2 or rest[:1] and rest[0] in fm["value_headers"]):
        return start
    if first in labels and any(k in fm["unit_headers"] or k in fm["value_headers"] for k in rest):
        return start
    return None


def _drop_serial(row: Row) -> Row:
    """The row without its first cell where a label follows it: blank, a serial number ('1 | 收到申请数 | 件 | 3', a
    序号 column) or a year, whichever ('2017 | 收到申请数 | 件 | 3', a 年度 column first)."""
    cells = row.cells
    first = cells[0].text if cells else ""
    if len(cells) >= 2 and (not first or _SERIAL.fullmatch(first) or _YEAR.fullmatch(first)) and cells[1].text \
            and not cells[1].is_value:
        return Row(cells[1:], explicit=row.explicit, grid=row.grid, spaced=row.spaced)
    return row


def _legacy_item_row(row: Row) -> bool:
    """A row of a statistics table's item: a known label (not a short word such as 企业, 其他, which other
    tables' rows have too) and after it only units and numbers, at least one."""
    fm = load_formats()["legacy"]
    vocab = vocabulary()
    if len(row.cells) < 2 or row.cells[0].is_value:
        return False
    label = row.cells[0].text
    if len(_legacy_label_key(label)) < 4 or _legacy_key(label, _Recent()) not in fm["rows"]:
        return False
    rest = row.cells[1:]
    return any(c.text for c in rest) and all(c.is_value or c.text in vocab.legacy_units for c in rest)


def _legacy_items_across(row: Row, below: Row | None) -> bool:
    """A row of the statistics table's items' labels with a row of values under it ('行政复议数量 | 行政诉讼数量',
    then '1 | 2'): a table set across, whose values are not read as the items' (a table is read down)."""
    if below is None or not any(c.text for c in below.cells) or not all(c.is_value for c in below.cells if c.text):
        return False
    texts = [c.text for c in row.cells if c.text]
    rows = load_formats()["legacy"]["rows"]
    return len(texts) >= 2 and not any(c.is_value for c in row.cells) and all(
        len(_legacy_label_key(t)) >= 4 and _legacy_key(t, _Recent()) in rows for t in texts)


def _legacy_rows_layout(rows: list[Row], at: int) -> tuple[int | None, list[tuple[int, str]], int, bool] | None:
    """(unit column, value columns, width, numbered) of a table without a header that starts at ``rows[at]``.

    A table whose header is missing or worded in no known way is recognised by its rows (templates.md: the
    items 收到申请数, 同意公开答复数, 行政复议数量 …): the row at ``at`` and ``min_item_rows`` in all among the next
    rows are rows of known items.  Its columns are told by what the cells hold: the column of unit words is the
    unit column, the other columns after the label the value columns; a first column of numbers before the labels
    is the rows' numbering.
    """
    fm = load_formats()["legacy"]
    vocab = vocabulary()
    plain = _legacy_item_row(rows[at])
    numbered = not plain and _legacy_item_row(_drop_serial(rows[at]))
    if not (plain or numbered):
        return None
    items: list[Row] = []
    for row in rows[at:at + _ITEM_WINDOW]:
        texts = [c.text for c in row.cells]
        if items and (_legacy_header_start([label_key(t) for t in texts]) is not None
                      or _other_table_header(texts)):
            break  # another table
        row = _drop_serial(row) if numbered else row
        if _legacy_item_row(row):
            items.append(row)
    if len(items) < fm["min_item_rows"]:
        return None
    width = max(len(r.cells) for r in items)
    units = [sum(j < len(r.cells) and r.cells[j].text in vocab.legacy_units for r in items) for j in range(width)]
    unit_at = max(range(1, width), key=lambda j: units[j]) if max(units) else None
    positions = [j for j in range(1, width) if j != unit_at and not _code_column(items, j)]
    if not positions:
        return None
    return unit_at, list(zip(positions, _value_names(len(positions)))), width, numbered


def _code_column(items: list[Row], j: int) -> bool:
    """Column ``j`` holds the rows' codes (the statistics bureau's 01, 02 … 35), no values: two digits in every
    row, rising (a column of counts has blanks, or falls somewhere)."""
    codes = [r.cells[j].text if j < len(r.cells) else "" for r in items]
    return all(re.fullmatch(r"\d{2}", c) for c in codes) and all(a < b for a, b in zip(codes, codes[1:]))


def _halves_width(row: Row) -> int | None:
    """The width of each half of a table set in two halves side by side, as this row shows it, or None.

    A header written twice ('统计指标 | 单位 | 统计数 | 统计指标 | 单位 | 统计数'), or a row of two items
    ('收到申请数 | 件 | 3 | 行政复议数量 | 件 | 1').
    """
    cells = row.cells
    w = len(cells) // 2
    if w < 2 or len(cells) != 2 * w:
        return None
    keys = [label_key(c.text) for c in cells]
    if keys[:w] == keys[w:] and _legacy_header_start(keys[:w]) is not None:
        return w
    halves = [Row(cells[:w], grid=row.grid, spaced=row.spaced), Row(cells[w:], grid=row.grid, spaced=row.spaced)]
    return w if all(_legacy_item_row(h) for h in halves) else None


def _legacy_header_cell(key: str) -> bool:
    """A cell of a legacy header's words: 单位, 统计数, a code column's (统计代码) … or a value column's ('2009年度',
    '区直单位统计数', '合计')."""
    fm = load_formats()["legacy"]
    return key in fm["header_words"] or key in fm["code_headers"] or any(key == h or key.endswith(h) for h in fm["value_headers"])


# The most characters of a value column's word that a cell-a-line header leaves on the lines after it (上年, 本年数,
# 上年度): a longer one is a row's label (上年结转申请数).
_YEAR_WORD_CHARS = 4


def _year_column_word(text: str) -> bool:
    """Whether a cell is a short word naming a value column, last year's (上年, 去年) or another (本年, 今年)."""
    key = label_key(text)
    return 0 < len(key) <= _YEAR_WORD_CHARS and _legacy_column_name(text) in ("previous", "value")


def _header_year_words(rows: list[Row], at: int) -> tuple[list[Cell], int, Row | None] | None:
    """The value columns' words opening the rows from ``at`` (a text layout of a cell a line), last year's among
    them (formats.yaml ``legacy.previous_starts``), or None.

    Returns (their cells, the index of the first row not taken, the rest of a row they open or None): '上年' then
    '本年' each a row of its own gives both, the next row's index; '上年 | 一、主动公开情况' gives 上年, the row after
    it, and '一、主动公开情况'.
    """
    words: list[Cell] = []
    rest = None
    j = at
    while j < len(rows) and not (rows[j].explicit or rows[j].grid) and len(words) < 3:
        cells = rows[j].cells
        n = next((m for m, c in enumerate(cells) if not _year_column_word(c.text)), len(cells))
        words += cells[:n]
        if n < len(cells):
            if n:
                rest, j = Row(cells[n:], spaced=rows[j].spaced), j + 1
            break
        j += 1
    if not any(_previous_year_word(label_key(c.text)) for c in words):
        return None
    return words, j, rest


def _legacy_join_header(rows: list[Row]) -> list[Row]:
    """The rows with a header written one cell a line joined into one row.

    A text layout of a cell a line rebuilds its rows from the labels it knows; a value column's header that is
    no fixed word ('2009年度') then stands on a row of its own after '指标名称 | 计量单位', which alone is no
    header: the table was read by its rows, its value columns value, value_2 instead of value, cumulative.
    """
    out: list[Row] = []
    rows = list(rows)  # (a first row the year's header is taken from is replaced in this copy)
    i = 0
    while i < len(rows):
        row = rows[i]
        i += 1
        keys = [label_key(c.text) for c in row.cells]
        if row.explicit or row.grid or not keys or keys[0] not in _legacy_header_keys()[0]:
            out.append(row)
            continue
        cells = list(row.cells)
        while _legacy_header_start(keys) != 0 and i < len(rows) and len(rows[i].cells) == 1 \
                and not rows[i].explicit and _legacy_header_cell(label_key(rows[i].cells[0].text)):
            cells.append(rows[i].cells[0])
            i += 1
        if len(_legacy_header([label_key(c.text) for c in cells])[1]) <= 1 \
                and (years := _header_year_words(rows, i)) is not None:
            # last year's column's word on the lines after the header, a cell a line ('统计指标 | 单位 | 本年' then
            # '上年 | 一、主动公开情况', or '上年' then '本年' each a row of its own): the header's value columns
            words, i, rest = years
            out.append(Row(cells + words, explicit=row.explicit, grid=row.grid, spaced=row.spaced))
            if rest is not None:
                out.append(rest)
            continue
        nxt = rows[i] if i < len(rows) else Row()  # (none: a row of no cells, k stays 0)
        k = 0  # (the next row's cells of header words before its first other cell)
        bare = not _legacy_header([label_key(c.text) for c in cells])[1]  # (a header of no value column)
        if not (nxt.explicit or nxt.grid):
            k = next((j for j, c in enumerate(nxt.cells) if not _legacy_header_cell(label_key(c.text)) and not (
                bare and _legacy_column_name(c.text) is not None)), len(nxt.cells))
        if k >= 2 and bare:
            # a header of no value column ('统计指标 | 单位') then the value columns' own words, perhaps run into the
            # first item's row ('区政府统计数 | … | 合计 | 一、主动公开情况', or the parts' names alone, '区政府 | … |
            # 合计'): they are the header's value columns
            out.append(Row(cells + nxt.cells[:k], explicit=row.explicit, grid=row.grid, spaced=row.spaced))
            if k < len(nxt.cells):
                out.append(Row(nxt.cells[k:], spaced=nxt.spaced))
            i += 1
            continue
        if k == 1 < len(nxt.cells) and label_key(nxt.cells[0].text) in load_formats()["legacy"]["year_headers"]:
            # the year's column's header last, run into the first row ('统计指标 | 单位 | 统计数' / '年度 | 一、主动公开
            # 情况 | 2017', a cell a line): the header's
            cells, nxt = cells + nxt.cells[:1], Row(nxt.cells[1:], spaced=nxt.spaced)
            rows[i], k = nxt, 0
        out.append(Row(cells, explicit=row.explicit, grid=row.grid, spaced=row.spaced))
        if 2 <= k < len(nxt.cells):
            # the value columns' own header row (统计数 over '区政府统计数 | …') run into the first item's row
            out.append(Row(nxt.cells[:k], spaced=nxt.spaced))
            out.append(Row(nxt.cells[k:], spaced=nxt.spaced))
            i += 1
    return out


# A row's code in a statistics bureau's code column (Gansu: 01, 1, 1.1, 3.3.1)
_ROW_CODE_CELL = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}")


def _legacy_code_rows_joined(rows: list[Row]) -> list[Row]:
    """The rows with a row's label and code joined to the row of its unit and values after them, in a table whose
    code column stands before the unit's (指标名称 | 代码 | 计量单位 | 本期实际 | 本年累计).

    One cell a line, the cells are cut into rows at a value after which a word comes: the code is one, so
    '主动公开信息数 | 01' and '条 | 120 | 480' were two rows, the second read as an item 条, its values flagged
    ragged (or the table lost where the codes have levels, '1.1').
    """
    units = vocabulary().legacy_units
    # (cheap tests first: almost no table has a row of a label and a code alone, then a unit)
    pairs = [k for k in range(len(rows) - 1) if len(rows[k].cells) == 2 and rows[k + 1].cells
             and rows[k + 1].cells[0].text in units and _ROW_CODE_CELL.fullmatch(rows[k].cells[1].text)]
    if not pairs:
        return rows
    fm = load_formats()["legacy"]
    code_first = False  # under a header with a code column before the unit's
    out: list[Row] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        keys = [label_key(c.text) for c in row.cells] if len(row.cells) > 3 else []
        if keys and _legacy_header_start(keys) is not None:
            codes = [i for i, key in enumerate(keys) if key in fm["code_headers"]]
            units_at = [i for i, key in enumerate(keys) if key in fm["unit_headers"]]
            code_first = bool(codes and units_at) and codes[0] < units_at[0]
        elif code_first and k in pairs:
            after = rows[k + 1]
            out.append(Row([*row.cells, *after.cells], explicit=row.explicit, grid=row.grid, spaced=row.spaced))
            k += 2
            continue
        out.append(row)
        k += 1
    return out


def _legacy_unfold(rows: list[Row]) -> list[Row]:
    """The rows of a table set in two halves side by side, the left half's rows first, then the right half's.

    Read as one row, the right half's label, unit and value were values of the left row (value_2 …); the halves
    are told by a header written twice or by rows of two items (two at least).  The halves' rows run on while
    they follow line by line and have no more cells than two halves.
    """
    out: list[Row] = []
    i = 0
    while i < len(rows):
        w = _halves_width(rows[i])
        if w is None or (_legacy_header_start([label_key(c.text) for c in rows[i].cells[:w]]) is None
                         and sum(_halves_width(r) == w for r in rows[i:i + _ITEM_WINDOW]) < 2):
            out.append(rows[i])
            i += 1
            continue
        first = i
        while first > 0 and w < len(rows[first - 1].cells) <= 2 * w and out \
                and rows[first].line - rows[first - 1].line <= 2:
            first -= 1  # rows of both halves before the first that tells them (headings of the blocks)
            out.pop()
        end = i + 1
        while end < len(rows) and len(rows[end].cells) <= 2 * w and rows[end].line - rows[end - 1].line <= 2:
            end += 1
        left, right = [], []
        for row in rows[first:end]:
            left.append(Row(row.cells[:w], explicit=row.explicit, grid=row.grid, spaced=row.spaced))
            if any(c.text for c in row.cells[w:]):
                right.append(Row(row.cells[w:], explicit=row.explicit, grid=row.grid, spaced=row.spaced))
        out += left + right
        i = end
    return out


@functools.lru_cache(maxsize=1)
def _legacy_label_unit() -> re.Pattern[str]:
    """A legacy unit alone in a label's brackets ('(条)', '(单位:件)'), not a note that ends in one ('(计1条)')."""
    return re.compile(rf"\((?:单位:)?({alternation(sorted(vocabulary().legacy_units, key=len, reverse=True))})\)")


def _legacy_next_is_label(label: str, rows: list[Row], at: int) -> bool:
    """Whether the row after ``rows[at]`` (a label alone) opens with a label of its own (a known item's or
    heading's, or one numbered or led by 其中), not the rest of ``label`` wrapped, nor values: so no values of ``label``'s row follow it."""
    vocab = vocabulary()
    nxt = rows[at + 1].cells if at + 1 < len(rows) else []
    if not nxt:
        return at + 1 >= len(rows)
    key = label_key(nxt[0].text)
    return (not nxt[0].is_value and (key in vocab.legacy_rows or key in vocab.legacy_parents
                                     or bool(_NUMBERED.match(nxt[0].text)))
            and label_key(label + nxt[0].text) not in vocab.legacy_rows)


def _extract_legacy(rows: list[Row], res: TableResult) -> None:
    fm = load_formats()["legacy"]
    vocab = vocabulary()
    parents = _legacy_parents()
    value_cols: list[tuple[int, str]] | None = None
    unit_at: int | None = 1
    recent = _Recent()
    seen: set[str] = set()
    header: list[str] = []
    sub_header = False
    numbered = False  # the table has a 序号 column before its labels
    unread: list[Row] = []  # rows of the table's items met outside any table read
    note_at: int | None = None  # the column of remarks (备注) right of the values, if the header has one
    year: tuple[int, str] | None = None  # the column of the report's year (年度 | 2017), no value's, and its year
    carried = ""  # the unit of the row above, for a row whose unit cell a merged cell covers
    rows = _legacy_unfold(_legacy_code_rows_joined(_legacy_join_header(rows)))
    named = _legacy_named(rows)  # the items the table's labels name, and its local labels (_near_key)
    wrapped = ""  # a label cell alone on its line: the first part of a wrapped row label ('四、行政' / '复议数量')
    glued: list[tuple] = []  # rows whose values of several columns are one run of digits (_place_glued_legacy)
    for at, row in enumerate(rows):
        if numbered and value_cols is not None:
            row = _drop_serial(row)
        texts = [c.text for c in row.cells]
        keys = [label_key(t) for t in texts]
        start = _legacy_header_start(keys) if keys else None
        if start is not None:
            numbered = bool(start)
            texts = _legacy_collapse_header(texts[start:])
            keys = [label_key(t) for t in texts]
            unit_at, value_cols = _legacy_header(keys)
            note_at = next((i for i, k in enumerate(keys) if k in fm["note_headers"]), None)
            value_cols, year = _legacy_year_column(keys, value_cols, rows[at + 1:])
            if year is not None:  # read as the table without the year's column
                texts = texts[:year[0]] + texts[year[0] + 1:]
                unit_at = unit_at - 1 if unit_at is not None and unit_at > year[0] else unit_at
            header = texts
            sub_header, carried = True, ""
            continue
        if sub_header and value_cols:
            sub_header = False
            # a full grid keeps blank cells under the rowspan'd 指标名称/计量单位 and the colspan'd 统计数
            written = [t for t in texts if t.strip()]
            words = written[0].split() if len(written) == 1 else []
            if len(words) > 1 and (subs := _legacy_sub_header(words)) is not None:
                written = words  # an unruled PDF's line of the parts' names, one cell: its words
            else:
                subs = _legacy_sub_header(written)
            run_in = None if subs is not None else _legacy_parts_run_in(row)
            if run_in is not None:
                # the parts' header run into the first item's row: read as the header, then the row
                written, row = run_in
                subs = _legacy_sub_header(written)
                texts, keys = [c.text for c in row.cells], [label_key(c.text) for c in row.cells]
            if subs is not None:
                # the value header split over two rows: 统计数 over '2009年度 | 历年累计'. A value column after the
                # split one (合计 beside 统计数 over the parts' columns) stays, moved right where the first row
                # wrote 统计数 once (a merged cell; it was lost: 合计 neither read nor checked)
                start, rest = value_cols[0][0], value_cols[1:]
                shift = max(0, start + len(subs) - rest[0][0]) if rest else 0
                names = _distinct_value_names(subs + [key for _, key in rest])
                value_cols = [(start + j, key) for j, key in enumerate(names[:len(subs)])] + [
                    (i + shift, key) for (i, _), key in zip(rest, names[len(subs):])]
                header = header[:start] + written + header[start + len(written) - shift:]
                if run_in is None:
                    continue
        if value_cols is not None and _other_table_header(texts):
            # the statistics table ended: later tables (a 2019 report's, a case list) are no legacy rows
            value_cols, header, wrapped, numbered, carried, year = None, [], "", False, "", None
        if year is not None:
            row = _without_year(row, *year)
            texts, keys = [c.text for c in row.cells], [label_key(c.text) for c in row.cells]
        # a row of the table's items outside any table read, numbered or not: only at one can a table with no
        # header start (``row`` is ``rows[at]``, or it without its number, which tells the same)
        item = value_cols is None and (_legacy_item_row(row) or _legacy_item_row(_drop_serial(row)))
        if item and (layout := _legacy_rows_layout(rows, at)) is not None:
            # a table with no header, or a header in words not known, told by its rows
            unit_at, value_cols, width, numbered = layout
            header, wrapped = [""] * width, ""
            if numbered:
                row = _drop_serial(row)
                texts, keys = [c.text for c in row.cells], [label_key(c.text) for c in row.cells]
        if value_cols is None:
            if item or _legacy_items_across(row, rows[at + 1] if at + 1 < len(rows) else None):
                unread.append(row)
            continue
        if keys[0] in fm["column_letters"]:
            continue
        if texts[0] in NA_MARKS and all(t in NA_MARKS for t in texts):
            # marks alone: a block heading's cells, its label lost to a text layout ('一、主动公开情况\t—\t—'), no
            # item; read as its blank row would be (no unit carried down, no label wrapped)
            wrapped, carried = "", ""
            continue
        if (wrapped and unit_at == 1 and not row.grid and texts[0] in vocab.legacy_units
                and _legacy_key(wrapped, recent) in fm["rows"]):
            # a known item's label alone, then a row that opens with a unit ('其他' / '件 | 1', one cell a line: the
            # stream ends a row at a word of a header, 其他): the row's label, as the pipe rows read it (a heading's
            # label, '一、主动公开情况' / '条 | 480', may be no item: left so, flagged unknown_row)
            row = Row([Cell(wrapped, row.line), *row.cells], explicit=row.explicit, spaced=row.spaced)
            texts, wrapped = [c.text for c in row.cells], ""
        # a row of one cell is joined with nothing; it gets its unit back only as a grid row of a known item
        # whose unit a merged cell covers and whose value is blank, else it is a label alone on its line (a
        # row of words joined into one cell under a header of one column is not)
        if (len(row.cells) == 1 and unit_at is None and texts[0] and _legacy_key(texts[0], recent) in fm["rows"]
                and (row.grid or _legacy_next_is_label(texts[0], rows, at))):
            # a known item's label alone in a table without a 单位 column, a row of a reader's grid or the next row
            # another label: a row's blank cells are dropped to its end (pipe text '1﹒当面申请数 |  |', a grid's
            # row), so this is the item's blank row, read NA as a table with a unit column reads it (each such
            # item vanished, 49 of seed 003's 85 rows)
            row = Row([*row.cells, Cell("", row.line)], explicit=row.explicit)
            texts = [c.text for c in row.cells]
        single = len(row.cells) < 2
        row = _legacy_merged_unit(_legacy_join_label(row, len(header)), len(header), unit_at, carried, recent)
        texts = [c.text for c in row.cells]
        if single and len(row.cells) < 2:
            if texts and label_key(texts[0]) in vocab.legacy_parents:
                recent.append(vocab.legacy_parents[label_key(texts[0])])  # a group heading alone ('(四)申请来源')
            wrapped = texts[0] if texts and texts[0] and not row.cells[0].is_value else ""
            carried = ""
            continue
        label = texts[0]
        broken = bool(wrapped) and label_key(label) not in vocab.legacy_rows and not _NUMBERED.match(label)
        wrapped_text = wrapped
        if broken and label_key(wrapped + label) in vocab.legacy_rows:
            label, broken = wrapped + label, False
        wrapped = ""
        lk = label_key(label)
        if lk in vocab.legacy_parents:
            recent.append(vocab.legacy_parents[lk])
        unit = texts[unit_at] if unit_at is not None and unit_at < len(texts) else ""
        # a mark is no unit ('一、主动公开情况 | — | —', a block's heading), nor is 其中, which announces the parts
        # below ('(四)申请来源 | 其中')
        unit = "" if unit in NA_MARKS or unit in fm["sub_item_words"] else unit
        carried = unit if unit in vocab.legacy_units else ""  # a unit merged down over the rows below
        if not unit and unit_at is None and "(" in label and (match := _legacy_label_unit().search(label)):
            # no 单位 column, the item's unit in its label's brackets ('(一)主动公开政府信息数(条)'): that is its
            # unit, as a unit column's would be (it was lost, every count's unit NA)
            unit = match.group(1)
        cells = [row.cells[i] if i < len(row.cells) else None for i, _ in value_cols]
        if _short_spaced(row, cells):
            # a blank 统计数 left no trace between spaces: the one value may be this year's or the
            # cumulative one, so it is placed under neither
            res.flags.append(Flag("ragged", "legacy", row.line,
                                  f"{label}: {' '.join(c.text for c in cells if c is not None)} for "
                                  f"{len(value_cols)} value columns, the blank one unknown"))
            cells = [None] * len(cells)
            ragged = "ragged"
        else:
            ragged = ""
        blank = not any(c is not None and c.text for c in cells)
        marks = all(c is None or c.text in NA_MARKS for c in cells)
        if not unit and (blank or marks) and _legacy_key(label, recent) not in fm["rows"]:
            # a heading row of the table (一、主动公开情况), its cells blank or marks, and no known item; a known
            # item's blank row is kept NA whether or not the table has a 单位 column (without one, every blank
            # item vanished: 49 of seed 003's 85 rows)
            continue
        if not label_key(label) and not marks:
            # values under no label (a page break between a label and its row's cells, or a label lost): whose
            # they are is unknown; they were read under an empty key, unflagged, and the item was left missing
            res.flags.append(Flag("unlabelled_values", "legacy", row.line,
                                  f"{sum(c is not None and bool(c.text) for c in cells)} values without a row label: "
                                  + " ".join(c.text for c in cells if c is not None and c.text)))
            continue
        near = _near_key(label, recent, *named)
        if near is not None:
            # one character from a known item's label: that item's where certain, else its own; said either way
            key = near[0]
            res.flags.append(Flag("unknown_row", "legacy", row.line, near[1]))
        else:
            key = _legacy_key(label, recent)
        if broken and key not in parents:
            # an unknown label right after a label alone on its line: perhaps the rest of a label
            # wrapped in a way that reads as no known item; kept under its text, and said so
            res.flags.append(Flag("unknown_row", "legacy", row.line, f"{wrapped_text}/{label}"))
        recent.append(key)
        # values beyond the header's columns (parts the header does not name: '统计数' over four columns): which
        # value is 统计数 is unknown, so none is placed (the first was read as 统计数, the others dropped unseen); a
        # note after the values is no value
        last = max([i for i, _ in value_cols] + [unit_at or 0])
        if note_at == last + 1:
            # the 备注 column's remark is a note whatever it says (a number too): said, and no surplus value
            if note_at < len(row.cells) and row.cells[note_at].text:
                res.flags.append(_note_flag("legacy", key, row, [row.cells[note_at]]))
            last = note_at
        if len(row.cells) > last + 1 and any(c.text or c.glued for c in row.cells[last + 1:]) and _drop_notes(
                res, "legacy", key, row, row.cells[last + 1:], 0, lambda t: label_key(t) in vocab.legacy_rows):
            res.flags.append(Flag("extra_cells", "legacy", row.line,
                                  f"{key}: {len(row.cells) - 1 - (unit_at is not None)} values for "
                                  f"{len(value_cols)} value columns, none placed"
                                  f"{_as_written(_legacy_values(row, value_cols, unit_at, note_at))}"))
            cells, ragged = [None] * len(cells), "extra_cells"
        money = unit_kind(fm["rows"].get(key, (None, None))[1]) == "money"
        if key in seen:
            # met before (a second statistics table): kept under a key of its own line, and said, as the
            # other tables say it
            res.flags.append(Flag("duplicate_row", "legacy", row.line, key))
            key = f"{key}_{row.line}"
        seen.add(key)
        if len(value_cols) > 1 and cells[0] is not None and cells[0].glued and not any(
                c is not None and c.text for c in cells[1:]):
            # the values of several columns run into one run of digits (page text): recorded NA here, cut after
            # the table, where the identities tell
            glued.append((key, cells[0], label, row, unit, money, len(res.records),
                          [(col, header[i] if i < len(header) and header[i] else col) for i, col in value_cols]))
            cells = [None] * len(cells)
        for cell, (i, col) in zip(cells, value_cols):
            if cell is None:
                placed, cell_unit = None, unit or None
            else:
                placed, cell_unit = _legacy_cell(cell, unit, money, key, label, res, row)
            res.records.append(_record("legacy", key, col, placed, row_label=label,
                                       col_label=header[i] if i < len(header) and header[i] else col,
                                       line=row.line, unit=cell_unit, flag=ragged))
    if glued:
        _place_glued_legacy(glued, res)
    if seen:
        res.present.add("legacy")
        res.templates["legacy"] = "legacy"
    if unread:
        # rows of the statistics table's items, too few or too scattered to tell the table's columns by; also
        # beside a table read (two rows in the 复议诉讼 section before the statistics table): not lost unsaid
        res.flags.append(Flag("table_missing", "legacy", unread[0].line,
                              f"{len(unread)} row(s) of the statistics table's items ({unread[0].cells[0].text}"
                              f"{', …' if len(unread) > 1 else ''}) read in no table"))


def _legacy_values(row: Row, value_cols: list[tuple[int, str]], unit_at: int | None, note_at: int | None) -> list[Cell]:
    """A legacy row's cells from its first value column on, its unit and note aside: its values as written."""
    first = min(i for i, _ in value_cols)
    return [c for i, c in enumerate(row.cells) if i >= first and i not in (unit_at, note_at)]


def _place_glued_legacy(glued: list[tuple], res: TableResult) -> None:
    """Cut the runs of digits of a legacy table's rows into their value columns, where certain.

    A row's run may hold a number a column or fewer, its other cells blank ('480480' under 本期实际 | 本年累计:
    480 | 480, 4804 | 80, 480480 | blank …): the readings are kept that the table's identities allow (合计 the
    sum of its parts, 收到申请数 the sum of its channels, per column; a blank is any count), and a cell takes the
    value they all give it; the others stay NA, the row flagged ``ambiguous_digits``, never a guess.  The row's
    cells were recorded NA in the table's order (``glued``: key, run, label, row, unit, money, index of the
    first, the columns' keys and labels: those of the one table glued into page text); they are replaced.
    """
    col_keys = [col for col, _ in glued[0][-1]]
    keys = {key for key, *_ in glued} | {rec["row_key"] for rec in res.records if rec["table"] == "legacy"}
    units = {key: unit for key, _c, _l, _r, unit, *_ in glued}
    constraints: list[Constraint] = []
    for ident in load_identities()["legacy"]:
        if ident.get("relation", "eq") != "eq":
            continue
        if ident["per"] == "row" and all(k in col_keys for k in ident["lhs"]):
            rhs = [c for c in col_keys if c not in ident["lhs"] and c not in ident.get("except", ())]
            rows = tuple(k for k in units if units[k] not in ident.get("not_units", ()))
            constraints += _row_constraints(tuple(ident["lhs"]), tuple(rhs), tuple(col_keys), rows)
        elif ident["per"] == "value" and identity_applies(ident, keys):
            constraints += _column_constraints(tuple(ident["lhs"]), tuple(ident["rhs"]), len(col_keys))
    placements = place([RowInput(key, [run], len(col_keys), sparse=True) for key, run, *_ in glued], constraints)
    for key, run, label, row, unit, money, first, columns in glued:
        placement = placements[key]
        _flag_placement(res, "legacy", row, placement, key, [run])
        flag = "" if placement.certain else _unplaced_flag(placement)
        for j, (col, col_label) in enumerate(columns):
            cell, cell_unit = placement.cells[j], unit or None
            if cell is not None:
                cell, cell_unit = _legacy_cell(Cell(cell.raw, cell.line), unit, money, key, label, res, row)
            res.records[first + j] = _record("legacy", key, col, cell, row_label=label, col_label=col_label,
                                             line=row.line, unit=cell_unit, flag=flag,
                                             inferred=j in placement.inferred)


# a cell as written that opens with a zero and a digit after it ("00012"), at a line's start of the cells joined
_PADDED_COUNT = re.compile(r"^\s*0\d", re.M)


def _flag_leading_zeros(res: TableResult, rec: dict) -> None:
    """Flag ``ambiguous_digits`` a count written with leading zeros ('00012', '036'): no count is so written, and
    the zeros may be other cells' digits run in; it is read as its number (12), the cell kept as written in raw.
    ('0' alone and '0.5' are written as counts are.)"""
    res.flags.append(Flag("ambiguous_digits", rec["table"], rec["line"], f"{rec['row_key']}.{rec['col_key']}: "
                          f"{rec['raw'].strip()} (leading zeros: read as {number_text(rec['value'])})"))


# --- the whole report -----------------------------------------------------------------

def extract_tables(rows_by_table: dict[str, list[Row]], identities: dict[str, list[dict]]) -> TableResult:
    """Extract every table from the rows of its region.

    Parameters
    ----------
    rows_by_table : dict
        ``'active'``, ``'requests'``, ``'review_litigation'``, ``'legacy'`` →
        the rows of the part of the report that holds that table.
    identities : dict
        The parsed identities.yaml.

    Returns
    -------
    TableResult
    """
    res = TableResult()
    if rows_by_table.get("active"):
        _extract_active(rows_by_table["active"], res)
    if rows_by_table.get("requests"):
        _extract_requests(rows_by_table["requests"], res, identities["requests"])
    if rows_by_table.get("review_litigation"):
        _extract_review(rows_by_table["review_litigation"], res, identities["review_litigation"])
    if rows_by_table.get("legacy"):
        _extract_legacy(rows_by_table["legacy"], res)
    # Counts are not negative and carry no sign (only 本年增/减 is signed, and a legacy row that names a change):
    # a negative one, or one written with a sign ('+74', '-0'), is kept as written (the sign in raw), and flagged.
    signed = set(load_formats()["active"]["signed_cols"])
    change_words = [label_key(w) for w in load_formats()["legacy"]["signed_label_words"]]
    if _PADDED_COUNT.search("\n".join(map(operator.itemgetter("raw"), res.records))):
        # (one scan of the cells as written first: most reports write no count with leading zeros)
        for rec in res.records:
            lead = rec["raw"].lstrip()[:2]
            if lead[:1] == "0" and lead[1:].isdigit() and rec["value"] == rec["value"]:
                _flag_leading_zeros(res, rec)
    # (the common cell, not negative and without a sign, is passed over in C: each cell's value and raw text tested
    # by maps, only the cells either test picks asked below)
    negative = map(operator.lt, map(operator.itemgetter("value"), res.records), itertools.repeat(0))
    signed_raw = map(str.startswith, map(str.lstrip, map(operator.itemgetter("raw"), res.records)),
                     itertools.repeat(("+", "-")))
    for rec in itertools.compress(res.records, map(operator.or_, negative, signed_raw)):
        if rec["table"] == "active" and rec["col_key"] in signed:
            continue
        if rec["table"] == "legacy" and any(w in label_key(rec["row_label"]) for w in change_words):
            continue
        if rec["value"] < 0:
            res.flags.append(Flag("negative_value", rec["table"], rec["line"], f"{rec['row_key']}.{rec['col_key']}"))
        elif rec["value"] >= 0 and rec["raw"].lstrip()[:1] in ("+", "-"):
            res.flags.append(Flag("signed_value", rec["table"], rec["line"],
                                  f"{rec['row_key']}.{rec['col_key']}: {rec['raw']}"))
    return res
