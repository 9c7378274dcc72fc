"""Rebuilding table rows from the layouts reports come in.

Readers of HTML, DOCX and PDF already give rows of cells.  Plain text copied
from web pages holds tables in several layouts, all turned here into the same
rows of :class:`Cell`:

* ``a | b | c |`` one row per line, and one cell per line ending in ``|``
  (seeds 001, 002), with filler lines of pipes only;
* one cell per line marked by a leading tab, rows separated by a blank line
  (seed 004);
* one cell per line separated by blank lines, no row marks (seed 000);
* ``label | unit | value |`` lines of pre-2019 statistics tables (seed 003);
* page text whose cells lost their boundaries (``一、本年新收…数量801000081``):
  labels are found by the format's vocabulary and the digit runs between them
  become cells marked ``glued`` for the table stage to split;
* a pre-2019 statistics table run together in page text
  (``…统计指标单位统计数…主动公开政府信息数条480其中:…``): its rows read as label, unit,
  value by :func:`glued_legacy_rows`, where no row of it was read otherwise.
* the text of an unruled PDF, each row a line of cells set with spaces
  (``5.属于三类内部事务信息 2 - - - - - 2``, ``行政处罚 12起``), headers wrapped in
  their cells or set vertically one character a line.

Where rows are not marked, they are rebuilt from the labels of the official
format (``formats.yaml``): a known row label after values starts a new row, a
group label (``(三)不予公开``) shares the row of its first item, header labels
form header rows.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import NamedTuple

from toolkit.formats import _CN_NUMBERING, alternation, load_formats, vocabulary
from toolkit.glued import _glued_labels, _glued_pattern, _has_glued_table, _stray_pipe
from toolkit.metadata import _block_heading, is_furniture
from toolkit.normalize import (_CN_COUNT_CHARS, _HAN, CID_GLYPHS, FOOTNOTE_SYMBOLS, HAN_RANGES, HAN_UNIFIED, NA_MARKS,
                               _furniture_page_number, cell_units, cn_numeral, is_continuation_caption, is_footnote,
                               is_page_furniture, is_value_cell, label_key, number_units, parse_number)
from toolkit.sections import _SEGMENT_TEXT, Segment, _nearest_filled

__all__ = ["Cell", "Row", "build_rows", "spread_label_words"]


class Cell(NamedTuple):
    """A table cell: its normalized text and the 1-based line it stands on.

    ``glued`` marks a run of digits from page text that may hold several cells; ``grouped`` three digits set one
    space after a number in a row whose columns are runs of spaces: that number's thousands ('1 288') or a cell of
    their own, as the table's columns tell (:func:`_thousands_joined`). ``col`` is the display column (a wide
    character counts 2) where the cell starts on its line, in a row whose cells runs of spaces set apart (text copied
    from a web page or a PDF), where a blank cell leaves only its place; -1 elsewhere. ``folded`` the columns its
    text as written is wider than normalized (a full-width '１２' takes 4, '12' 2): ``end`` is where it ends as
    written. ``page_like`` marks a count in brackets alone ('(99)') that stood, a cell a line, after a row's last
    value and before the next row's label: the row's last value, or a page number between the rows; the tables
    stage keeps it where the row is short of it (:func:`toolkit.tables._trim_values`).
    """

    text: str
    line: int
    glued: bool = False
    grouped: bool = False
    col: int = -1
    folded: int = 0
    page_like: bool = False

    @property
    def is_value(self) -> bool:
        return self.glued or is_value_cell(self.text)

    @property
    def end(self) -> int:
        """The display column after the cell's last character as written (``col`` its first)."""
        return self.col + _display_width(self.text) + self.folded


@dataclass
class Row:
    """A table row: cells left to right; ``explicit`` when the source marked the row.

    ``grid`` marks a row of a reader's table grid (HTML, DOCX, a ruled PDF), whose cells keep their columns;
    ``spaced`` a row whose columns were only spaces (an unruled PDF), where a blank cell leaves no trace;
    ``named`` a row whose cells stand in the format's columns, each value placed by the name written before it
    (the review table's '维持 4 纠正 0 …'), whatever order a header names the columns in.
    """

    cells: list[Cell] = field(default_factory=list)
    explicit: bool = False
    grid: bool = False
    spaced: bool = False
    named: bool = False

    @property
    def line(self) -> int:
        return self.cells[0].line if self.cells else 0

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def __repr__(self) -> str:
        return f"Row({self.texts!r})"


_PIPE_ONLY = re.compile(r"^[|\s]*$")
_PROSE_END = re.compile(r"[。!?;]$")
_MARK = alternation(NA_MARKS)
# a label word, perhaps numbered ('3.危及…'); a not-applicable mark standing alone ('-', '无') is a cell, and so is
# a number with a PDF's glyphs of no Unicode map glued before it ('(cid:3)135')
_LABEL_TOKEN = rf"(?!(?:{_MARK})(?:\s|$)|{CID_GLYPHS.pattern}[+-]?\d)(?:\d{{1,2}}[.、])?[^\d\s+-]\S*"
# a cell of a row set with spaces: a number, with the unit a cell may carry ('21.53万元', '12起'), or a mark, or
# a PDF's glyphs of no Unicode map ('(cid:21)(cid:21)': a value not read, flagged, its row's other cells kept), also
# glued to a number ('4 (cid:3)0 0', '4(cid:3)': a glyph that may be a digit, so that one cell not read, flagged)
_NUMBER_TOKEN = (rf"(?:(?:{CID_GLYPHS.pattern})?[+-]?\d[\d,.]*(?:{'|'.join(map(re.escape, number_units()))})?"
                 rf"(?:{CID_GLYPHS.pattern})?|{_MARK}|{CID_GLYPHS.pattern})")
# Several numbers on one line, optionally after a label: PDF text rows ('四、结转下年度继续办理 0 0 0 0 0 0 0').
# The label may be numbered itself ('3.危及"三安全一稳定" 24 0 0 0 0 0 24').
_SPACED_NUMBERS = re.compile(rf"(?P<label>(?:{_LABEL_TOKEN}\s+){{1,3}})?{_NUMBER_TOKEN}(?:\s+{_NUMBER_TOKEN})+")


# glyphs of no Unicode map glued before a line's first value, a number set with others after it ('(cid:3)4 0 0')
_LEADING_GLYPHS = re.compile(rf"{CID_GLYPHS.pattern}(?=[+-]?\d[\d,.]*\s+\S)")
# the same in a ruled row's first cell ('(cid:3)4 | 0 | 0')
_GLYPHS_BEFORE_NUMBER = re.compile(rf"{CID_GLYPHS.pattern}(?=[+-]?\d[\d,.]*$)")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d,.]*")
_LABEL_NUMBER = re.compile(rf"(?P<labels>(?:{_LABEL_TOKEN}\s+){{0,2}})(?P<label>{_LABEL_TOKEN})\s+(?P<n>{_NUMBER_TOKEN})")


def _between_blank_lines(segments: Sequence[Segment], i: int) -> bool:
    """Whether line ``i`` stands between blank lines (or the text's end): a cell of text that sets each cell apart so
    ('4' / '' / '|' / ''), where a lone '|' is a blank cell of its own, not the closing mark of the cell before."""
    return i > 0 and not segments[i - 1].text.strip() and (i + 1 >= len(segments) or not segments[i + 1].text.strip())


def _split_pipes(text: str) -> list[str]:
    parts = list(map(str.strip, text.split("|")))  # (in C: every pipe line of a table is split)
    if text.rstrip().endswith("|"):
        parts = parts[:-1]
    return parts


@functools.lru_cache(maxsize=65536)
def _is_prose(text: str) -> bool:
    vocab = vocabulary()
    if vocab.is_row_label(text) or vocab.is_header(text) or vocab.is_identity_note(text):
        return False
    return len(text) > 45 or (len(text) > 12 and bool(_PROSE_END.search(text)))


def build_rows(segments: Sequence[Segment], *, explicit_rows: dict[int, list[str]] | None = None,
               table_region: bool = True, page_lines: Collection[str] = (),
               raw_lines: Sequence[str] | None = None) -> list[Row]:
    """Rebuild the table rows of a run of segments (usually one section).

    Parameters
    ----------
    segments : list of Segment
        Normalized text of the section, in order.
    explicit_rows : dict, optional
        Line number → cells, for lines a reader already gave as table rows.
    table_region : bool, default True
        Whether bare lines are table cells (inside a table section) or prose.
    page_lines : collection of str, optional
        Stripped lines that are this report's page furniture wherever they stand inside wrapped page text (a
        running header of the agency's name alone, as its metadata gives it).
    raw_lines : sequence of str, optional
        The report's lines as written, before normalizing (``Segment.line`` 1-based into them): the display columns
        of a row set in columns by runs of spaces are those of the text as written (:func:`_written_columns`).

    Returns
    -------
    list of Row
        Rows in document order; prose lines are left out.
    """
    explicit_rows = explicit_rows or {}
    texts = list(map(_SEGMENT_TEXT, segments))
    section_text = "\n".join(texts)
    tab_layout, indented = _tab_layout(texts, section_text)
    # (a PDF's glyphs of no Unicode map anywhere: one scan, so that a line's own test is paid only where they are)
    glyphs = "(cid:" in section_text
    # page text with glued cells, wrapped (a PDF of the page, a copy from a narrow window): its lines are
    # joined again, so that a break inside a number or a label changes no cell
    wrapped = _wrapped_glued_runs(segments, explicit_rows, page_lines) if table_region and not tab_layout else {}
    stream = _Stream(join_units=table_region)
    prev_bare = False
    units_seen = False
    label_alone = False  # the last line read outside table regions was a label alone, kept as a row's first cell
    marked: set[int] = set()  # lines whose cell marks are blank cells of a requests row (_row_blank_marks)
    extras: frozenset[str] = frozenset()  # header cells met that head no column of the format (_extra_headers)
    after_header = False  # the line before was a legacy header set with spaces
    code_first = False  # the last such header has a code column before the unit's (指标名称 代码 计量单位 …)
    # (cells, labels) of the line before where it held labels then blank cells only: '8.属于行政查询事项 | ||||||'
    label_line: tuple[int, int] | None = None
    last_labels: tuple[int, int, int] | None = None  # the last such line's (cells, labels, segment), for a head between
    widths: dict[int, tuple[int, int]] = {}  # line → such a line's (cells, labels' cells), for _across_repeated_head
    # outside table regions a bare line is prose, unless it is short and a table row follows: the first
    # part of a row label wrapped onto its own line ('四、行政' / '复议数量 | 件 | 0 |')
    before_row = [False] * len(segments)
    if not table_region:
        for i in range(len(segments) - 1):
            # past a page break's lines: a label alone before a page number, its row's cells on the next page
            # ('5.其他方式回应事件数' / '- 3 -' / '| 次 | 371 |'), was prose, its values left with no label
            j = i + 1
            while j + 1 < len(segments) and (not segments[j].text.strip()
                                             or is_page_furniture(segments[j].text.strip(), in_table=True)):
                j += 1
            after = segments[j]
            # a spaced row too (an unruled PDF): '(三)从事政府信息公开' / '工作人员数 人 3'
            before_row[i] = ("|" in after.text or after.line in explicit_rows
                             or _legacy_spaced(after.text.strip()) is not None
                             or _legacy_unit_values(after.text.strip()) is not None)
    # (the review table's rows with each value after its result's name: placed by the names)
    review_rows = _labelled_review_rows(segments, section_text) if table_region else {}
    skip = -1
    for i, seg in enumerate(segments):
        if review_rows and i <= skip:
            continue
        if i in review_rows:
            skip, cells = review_rows[i]
            stream.explicit([Cell(c, seg.line) for c in cells], named=True)
            prev_bare = False
            continue
        if wrapped:  # (most sections have no wrapped glued text: one test a line, not two)
            if i <= skip:
                continue  # a line of wrapped glued text, read with the run's first
            if i in wrapped:
                run = wrapped[i]
                skip = run[-1]
                _add_glued(stream, [(segments[j].text.strip(), segments[j].line) for j in run
                                    if not _skipped_in_run(segments[j].text, page_lines)])
                prev_bare = False
                continue
        text = _tab_cell_line(seg.text) if indented else seg.text
        if explicit_rows and seg.line in explicit_rows:  # (the dict's own test first: plain text has no reader's rows)
            cells = explicit_rows[seg.line]
            # A reader's grid keeps a blank cell at the end of a row of values (总计 left blank); only
            # rows without values (headers, article lines) end in merged-cell filler.
            # (_text_kind's "value" is is_value_cell's true, both cached: asked in C, no generator a row)
            kept = cells if any(map(is_value_cell, filter(str.strip, cells))) else _trim(cells)
            stream.explicit(_cells(kept, seg.line), grid=True)
            prev_bare = False
            continue
        if not text:  # (a blank line, a third of a table's text, read in one test; one of spaces is read below)
            if tab_layout:
                stream.flush()
            continue
        if text.startswith("\t"):
            inner = text.strip("\t")
            if "\t" in inner:
                stream.explicit([_cell(p.strip(), seg.line) for p in _trim(inner.split("\t"))])
            elif tab_layout:
                for part in _label_then_value(inner.strip()) or (inner.strip(),):  # ('行政许可67': two cells)
                    stream.append(_cell(part, seg.line))  # rows are marked by blank lines
            else:
                stream.add(_cell(inner.strip(), seg.line))
            prev_bare = False
            continue
        stripped = text.strip()
        if not stripped:
            if tab_layout:
                stream.flush()
            continue
        if tab_layout and _unit_note().fullmatch(stripped):
            # a line naming the table's unit ('单位:件') before a row's tab cells: a note of its own, as in the other
            # layouts (taken as the row's first cell, it cut a block's header: its rows header_missing)
            stream.flush()
            stream.rows.append(Row([_cell(stripped, seg.line)]))
            continue
        if tab_layout and stream.current and _tab_cell_line(segments[i - 1].text)[:1] == "\t" and (
                _continues_cell(stream.current[-1], stripped)) and _line_sort(stripped) != _FURNITURE:
            # the rest of a tab cell's text wrapped onto a line without a tab ('\t(二)部分公开(…只计这一情形,' /
            # '不计其他情形)'): it was a cell of its own, the row's values a column late (unknown_row, missing_rows).
            # Not a page number ('第2页', '2/8' at a page break): no text of the cell (seed 004's '对外公开总数量第2页')
            stream.current[-1] = stream.current[-1]._replace(text=stream.current[-1].text + stripped)
            continue
        sort = _line_sort(stripped)
        if sort:  # (one cached look-up a line: most lines are _PLAIN)
            if sort == _TABBED:
                # a row's cells split by tabs, a blank cell between two ('数量\t87\t4\t\t97', a row copied from
                # a sheet): read as spaces the blank was lost, the values after it a column early; its cells are kept.
                # So with no blank cell (single tabs): a short row was glued text ('…申请数量\t0\t0\t0\t0\t0', its
                # zeros one digit run, ambiguous_digits), a cell '1 302' two cells (extra_cells)
                stream.explicit([_cell(c, seg.line) for c in _tab_row(stripped) or ()])
                prev_bare = False
                continue
            if sort == _FURNITURE:
                continue  # a page number inside a table (a PDF's page break), or the table's caption over its rest
            if _between_row_lines(segments, texts, i, explicit_rows):
                continue  # '1' printed alone at a page's foot between two rows of a row-a-line table
        above, label_line = label_line, None
        if table_region and "|" in stripped and _stray_pipe(stripped):
            # a '|' typed into page text that lost its cells ('…行政处罚1330行政强制|54第二十条…'): read as a pipe
            # row of two cells, its glued text was not cut and the table was lost (table_missing)
            _add_glued(stream, [(stripped, seg.line)])
            prev_bare = False
            continue
        if "|" in text:
            parts = _split_pipes(text)
            if table_region and len(parts) > 1:
                # (a row's label cell holding its first value, '| 行政强制36 | |', read as the two cells it lost the
                # rule between; a line of one cell, '行政强制36 |', is a table of a cell a line's: cut as added)
                parts = _label_parts_apart(parts)
            if glyphs and parts[0][:5] == "(cid:" and len(parts) > 1 and (lead := _GLYPHS_BEFORE_NUMBER.match(parts[0])):
                # (glyphs of no Unicode map glued before a ruled row's first value, as before an unruled one's)
                parts[0] = parts[0][lead.end():]
            filled = list(filter(None, parts))  # (the filled cells, in C: every pipe line)
            if not filled:
                if above and last_labels and table_region:
                    # a row's values, one a line, after its labels' line and their own cells' marks alone: a page
                    # break split the row (pipe text one cell a line); the marks are its labels' cells where the
                    # values fill the labels' blank cells, else not known, the values left with no label
                    cells, lines = _values_after(segments, i)
                    blank = 0 if cells == above[0] - above[1] else _blank_counts(
                        text.count("|"), above[1] + _label_cells_before(segments, last_labels[2]), cells, above)
                    if blank is not None:
                        marked.update(lines)  # (the values' marks are their blank cells, as the labels' line has)
                        for _ in range(blank):  # (the marks past the labels' cells: the row's first counts, blank)
                            stream.add(Cell("", seg.line))
                    else:
                        stream.flush()
                        stream.rows[-1].cells.extend(Cell("", seg.line) for _ in range(above[0] - above[1]))
                elif table_region and last_labels and (lines := _values_under_repeated_head(
                        segments, i, last_labels)):
                    marked.update(lines)  # (the marks are the labels' cells, dropped; the values' marks blank cells)
                elif i - 2 in marked and i - 1 not in marked and text.count("|") > 1 and _next_is_value(segments, i):
                    # marks alone right after a requests row whose marks and counts filled its columns, and a count
                    # after them: the blank cells of a row whose label line was lost, not that row's ('6 |' then
                    # '||||||||' and '0 |': the 0 was read as that row's, its marks dropped and its counts placed by
                    # the identities elsewhere); marks before the next row's label are its filler, as before
                    stream.flush()
                    for _ in range(text.count("|")):
                        stream.add(Cell("", seg.line))
                elif text.count("|") == 1 and (not prev_bare or _between_blank_lines(segments, i)):
                    # a lone '|' is a blank cell; after a bare cell it is that cell's closing mark ('4' / '|'),
                    # unless blank lines set it apart as every cell is (text of a cell a line, blank lines between)
                    stream.add(Cell("", seg.line))
                prev_bare = False
                continue
            if table_region and not parts[-1]:
                label_line = _labels_line(parts)
                if label_line:
                    widths[seg.line] = label_line
                    last_labels = (*label_line, i)
            # (a row's one value after its labels' line, led by marks, too: '||||||||| 0 |', seed 004's rows whose
            # first counts are blank; so is such a line after a row of its own: a row whose label line was lost,
            # its blank cells kept so that its value is flagged unlabelled_values, not taken for a page number)
            if len(filled) >= 2 or not parts[0] and is_value_cell(filled[0]) and (
                    above or table_region and len(parts) > 2):
                split = False
                if above and not parts[0] and all(not p or is_value_cell(p) for p in parts):
                    # a row's values after its labels' line, led by a mark: a page break split the row
                    under = _under_labels(parts, above[1], above[0])
                    if under is None:  # (not known: the labels' row keeps its blank cells, the values no label)
                        stream.flush()
                        stream.rows[-1].cells.extend(Cell("", seg.line) for _ in range(above[0] - above[1]))
                    parts, split = (parts, False) if under is None else (parts[under:], True)
                # as in a reader's grid, a row of values keeps its blank cells to the end ('| 0 |  |': 总计
                # left blank); tables drop surplus ones
                kept = parts if any(p and is_value_cell(p) for p in parts) else _trim(parts)
                stream.explicit(_cells(kept, seg.line), split=split)
            else:
                stream.add(_cell(filled[0], seg.line))
                if table_region and parts[0] and not any(parts[1:]):
                    kind = _text_kind(parts[0])
                    if kind != "value" and not (kind == "label" and _WORDY_COUNT.match(parts[0])):
                        if parts[0] in _extra_headers() and not _next_is_value(segments, i):
                            extras |= {parts[0]}  # (a header's cell: a row's label has its values next)
                        marked.update(_row_blank_marks(segments, i, parts[0], extras))
                    if i in marked:  # (its marks are a requests row's blank cells)
                        for _ in parts[1:]:
                            stream.add(Cell("", seg.line))
                if not table_region and parts[0] and len(parts) > 1 and (
                        is_value_cell(parts[0]) or parts[0] in vocabulary().legacy_units):
                    # the marks after a statistics table's unit or value are its row's blank cells ('件 | |' then
                    # '1 |': the first value column blank; '2 | |': the second), one cell a line (pipe_cells)
                    for _ in parts[1:]:
                        stream.add(Cell("", seg.line))
                if not table_region and (parts[-1] == "" and not _next_is_value(segments, i)
                                         or len(parts) == 1 and _word_value_after_unit(stream.current)):
                    # a statistics table one cell a line: a row's blank cells end it ('条 | |' or a block's
                    # heading '一、主动公开情况 | |||' before the next item), or the next item ran into it; so does
                    # its value in words right after its unit ('条 |' / '三 |': no label, yet the next item's label
                    # and cells ran into its row, extra_cells, the value lost)
                    stream.flush()
            prev_bare = False
            continue
        if not table_region:
            # a row with a blank unit cell only in a table whose rows show units: without them its columns
            # are unknown
            spaced = _legacy_spaced(stripped, no_unit=units_seen)
            units_seen = units_seen or bool(spaced and len(spaced) > 1 and spaced[1] in vocabulary().legacy_units)
            # the line after the header may be the parts' names under 统计数 ('区政府 区直单位 乡镇街道 合计'),
            # though a block's heading, no row, follows it: kept for the tables stage to tell
            parts = after_header and _PARTS_LINE.fullmatch(stripped) is not None
            after_header = spaced is not None and label_key(spaced[0]) in _legacy_label_headers()
            if after_header and spaced is not None:
                code_first = _code_before_unit(spaced)
            elif code_first and spaced is not None and len(spaced) > 1 and (
                    code := _LABEL_THEN_CODE.fullmatch(spaced[0])):
                # a row's code between its label and unit ('主动公开信息数 01 条 120 480') is a cell of its own,
                # under the header's 代码, not the end of its label
                spaced = [code["label"], code["code"], *spaced[1:]]
            if spaced is None and label_alone:
                # a spaced row's unit and values after its label alone on the line before ('六、举报投诉数量' /
                # '件 675'): the row's rest, joined to the label by the tables stage (it was prose, the row lost)
                spaced = _legacy_unit_values(stripped)
            label_alone = False
            if spaced is not None:
                # a statistics table whose columns are only spaces (a PDF without ruling lines)
                stream.explicit(_cells(spaced, seg.line), spaced=True)
                continue
            last = stream.current or (stream.rows[-1].cells if stream.rows else [])
            if last and last[-1].is_value and _BRACKETED_COUNT.fullmatch(stripped) and not _next_is_value(segments, i):
                # a page number in brackets alone after a whole row of cells ending in '|' ('0 |' / '(3)' / the next
                # item): no cell; taken for a label alone it started a row of its own, read under a key ')' unflagged
                continue
            if (before_row[i] or parts) and len(stripped) <= 24 and "|" not in stripped \
                    and not _PROSE_END.search(stripped):
                stream.flush()
                stream.add(_cell(stripped, seg.line))
                label_alone = True
            continue
        if glyphs and stripped[:5] == "(cid:" and (lead := _LEADING_GLYPHS.match(stripped)):
            # a PDF's glyphs of no Unicode map glued before a line's first value ('(cid:3)4 0 0 …': a bullet in a
            # symbol font) are no cell, as before a row's label (the reader flags them, cid_characters)
            stripped = stripped[lead.end():]
        # one word (most cells of a cell-a-line table): no row set with spaces, tested once here
        words = _SPACE.search(stripped) is not None
        spaced = _spaced_row(stripped) if words else None
        if words and (spaced is None or _several_words(spaced[0]["label"])) and (
                joined := _unspread_label(stripped)) is not None:
            # a row label set spread out ('一 、 本 年 … 数 量 88 11 …', '( 七 ) 总 计 0 …'): read as the label
            stripped = joined
            spaced = _spaced_row(stripped)
        if _glued_line(stripped, spaced):
            _add_glued(stream, [(stripped, seg.line)])
            prev_bare = False
            continue
        if spaced is not None and not spaced[1] and _glued_head(spaced[0]["label"]):
            # page text whose header ran into a row of values set with spaces, a mark among them ('…尚未审结总计4 0 0 0
            # 4 / / / / / 1 0 0 0 1', '— — —'): read as one spaced row, its label the header's words run together, the
            # table was lost (table_missing), where a row of digits alone was read as glued text. The header is read
            # so, and each value set apart a cell of its own, the marks too (glued, '4-----1' is no row's)
            stream.flush()
            head = spaced[0]["label"]
            for cell in _glued_cells([(head.strip(), seg.line)]):
                stream.add(cell)
            for token in stripped[len(head):].split():
                stream.add(Cell(token, seg.line, glued=_PLAIN_NUMBER.fullmatch(token) is not None))
            stream.flush()
            prev_bare = False
            continue
        if spaced:
            spaced = spaced[0]
            head = spaced.group("label")
            if not head and _GROUPED_NUMBER.fullmatch(stripped) and not _beside_row_line(segments, i, explicit_rows):
                # '65 651' among cells a line: one number, its thousands set apart by a space. Read as two cells
                # it filled a row whose blank cell had vanished (302 | blank | 65 651 read 302 | 65 | 651);
                # read as one, a row it leaves short is flagged ragged, never a wrong number
                stream.add(Cell(stripped, seg.line))
                prev_bare = True
                continue
            numbers = _spaced_cells(stripped, len(head or ""), seg.line)
            # (where runs of spaces set the cells apart, each keeps its place: a blank cell leaves only that)
            raw = _raw_line(raw_lines, seg)
            places = _token_columns(text, stripped, raw) if _set_in_columns(stripped, raw) else None
            if places is not None:
                numbers = [c._replace(col=at, folded=wider)
                           for c, (at, wider) in zip(numbers, places[-len(numbers):])]
            if head:
                words_before = head.split()
                if len(words_before) > 1 and words_before[-1] in _unit_cells():
                    # the row's unit between its label and its values ('规章 件 2 0 30'): each value carries it
                    # (:func:`_units_joined`), not a label word starting a row of its own
                    unit = words_before.pop()
                    numbers = [c._replace(text=c.text + unit) if _takes_unit(c) else c for c in numbers]
                # an unruled PDF puts a wrapped group label beside the row's own: '(三)不 4.保护第三方… 1 0 …'
                for k, token in enumerate(words_before):
                    at, wider = (-1, 0) if places is None else places[k]
                    stream.add(Cell(token, seg.line, col=at, folded=wider))
            for cell in numbers:
                if glyphs and "(cid:" in cell.text:
                    stream.append(cell)  # (a value not read: a cell of the row, no label starting another)
                else:
                    stream.add(cell)
            prev_bare = False
            continue
        if words:  # rows of one line set with spaces
            single = _LABEL_NUMBER.fullmatch(stripped)
            if single and vocabulary().is_row_label(single["label"]):
                # a row of one value set with a space: '行政许可 253', '(三)不予公开 1.属于国家秘密 0'
                for token in (*single["labels"].split(), single["label"]):
                    stream.add(Cell(token, seg.line))
                value = _cell(single["n"], seg.line)
                raw = _raw_line(raw_lines, seg)
                if _set_in_columns(stripped, raw) and (places := _token_columns(text, stripped, raw)) is not None:
                    value = value._replace(col=places[-1][0], folded=places[-1][1])  # (its place tells its column)
                stream.add(value)
                prev_bare = False
                continue
            cells = _row_with_words(stripped)
            if cells is not None:
                # a spaced row with a cell that is no number ('5.属于三类内部事务信息 2 约3 0 0 0 0 2'): its cells
                # are kept, to be flagged where they are no number, rather than the whole line read as a label
                stream.explicit(_cells(cells, seg.line), spaced=True)
                prev_bare = False
                continue
            tokens = _header_tokens(stripped)
            if tokens is not None:
                # a header row set with spaces only (its words' places tell its columns where runs of spaces set them)
                raw = _raw_line(raw_lines, seg)
                places = _word_columns(text, stripped, tokens, raw) if _set_in_columns(stripped, raw) else None
                stream.explicit([Cell(t, seg.line, col=at, folded=wider)
                                 for t, (at, wider) in zip(tokens, places or itertools.repeat((-1, 0)))])
                prev_bare = False
                continue
        if _is_prose(stripped):
            # a note between the cells of a row (a page break's footnote) leaves the row whole
            if not (stream.has_row and _next_is_value(segments, i)):
                stream.flush()
            prev_bare = False
            continue
        stream.add(_cell(stripped, seg.line))
        prev_bare = True
    stream.flush()
    return _join_wrapped(stream.rows, widths)


_LONE_PAGE_NUMBER = re.compile(r"\d{1,3}")

# The sorts of a stripped line that build_rows tests before its cells: a row split by tabs (_tab_row), page
# furniture or a continuation caption, a lone number (a page number where rows of a line stand around it), else
# _PLAIN (most lines: a cell, a row with '|')
_PLAIN, _TABBED, _FURNITURE, _LONE_NUMBER = range(4)


@functools.lru_cache(maxsize=65536)
def _line_sort(stripped: str) -> int:
    """The sort of a stripped line (``_PLAIN`` …): cached, as lines recur ('0', the labels), so that a line costs
    build_rows one look-up instead of a chain of tests, in the order it read them."""
    if "\t" in stripped and "|" not in stripped and _tab_row(stripped) is not None:
        return _TABBED
    if is_page_furniture(stripped, in_table=True) or is_continuation_caption(stripped):
        return _FURNITURE
    if _LONE_PAGE_NUMBER.fullmatch(stripped):
        return _LONE_NUMBER
    return _PLAIN


_SPACE = re.compile(r"\s")


def _is_row_line(text: str, line: int, explicit_rows: dict[int, list[str]]) -> bool:
    """Whether a line holds a whole table row: a reader's grid row, cells set apart by '|' or by spaces."""
    return line in explicit_rows or _is_row_text(text)


@functools.lru_cache(maxsize=4096)  # (asked of the lines around every lone number; cells and labels recur)
def _is_row_text(text: str) -> bool:
    """Whether a line's text holds a whole table row, cells set apart by '|' or by spaces (:func:`_is_row_line`)."""
    stripped = text.strip()
    if "|" in stripped:
        if not _stray_pipe(stripped):
            return len([p for p in _split_pipes(stripped) if p]) >= 2
        stripped = stripped.replace("|", " ")  # (glued text: the '|' a break between two cells)
    if _SPACE.search(stripped) is None:
        return False  # one word: no row set with spaces
    return bool(_spaced_row(stripped)) or _legacy_spaced(stripped) is not None


# a number whose thousands are set apart by spaces ('65 651', '1 234 567'); no leading zero
_GROUPED_NUMBER = re.compile(r"[1-9]\d{0,2}(?: \d{3})+")


def _beside_row_line(segments: Sequence[Segment], i: int, explicit_rows: dict[int, list[str]]) -> bool:
    """Whether the filled line before or after segment ``i`` holds a whole row (a table of a row a line)."""
    return any(near is not None and _is_row_line(near.text, near.line, explicit_rows)
               for near in (_nearest_filled(segments, i, -1), _nearest_filled(segments, i, 1)))


def _between_row_lines(segments: Sequence[Segment], texts: list[str], i: int,
                       explicit_rows: dict[int, list[str]]) -> bool:
    """Whether the filled lines before and after segment ``i`` (``texts``: the segments' texts) both hold a whole
    row (:func:`_is_row_line`).

    In such a table (a row a line: a PDF's text, ruled or not) a number alone on its line is no cell but the
    page number of a page break; in a table of a cell a line it is a cell, and is kept.
    """
    # (asked of every lone number of a table of a cell a line, where the line before is none: walked here on the
    # texts, without a call of _nearest_filled and _is_row_line for each side; the reader's rows only where given)
    j = i - 1
    while j >= 0 and not texts[j].strip():
        j -= 1
    if j < 0 or not (explicit_rows and segments[j].line in explicit_rows or _is_row_text(texts[j])):
        return False
    j, end = i + 1, len(texts)
    while j < end and not texts[j].strip():
        j += 1
    return j < end and (explicit_rows and segments[j].line in explicit_rows or _is_row_text(texts[j]))


_MARKS_ROW = 5  # marks set with spaces, as many or more: a row's values (a rule of dashes, '— —', is fewer)


def _spaced_row(text: str) -> tuple[re.Match[str], bool] | None:
    """A row of an unruled PDF, label words then two cells or more set with spaces, and whether its cells
    are all plain numbers (that page text may have glued); None for another line.

    Marks and units are cells too ('5.属于三类内部事务信息 2 - - - - - 2', '行政处罚 12起 3起'), but a line of
    marks alone ('— —') only with a label, or as wide as a row of a table's values is (the review table's fifteen
    '——', none of each: read as no row, the table was lost, table_missing).
    """
    match = _SPACED_NUMBERS.fullmatch(text)
    if not match:
        return None
    cells = text[len(match["label"] or ""):].split()
    plain = all(_PLAIN_NUMBER.fullmatch(c) for c in cells)
    if not match["label"] and len(cells) < _MARKS_ROW and not any(c[:1].isdigit() or c[1:2].isdigit() for c in cells):
        return None
    return match, plain


# a number's first digits and its next three set one space apart ('1 288'), in a row of cells set by runs of spaces
_THOUSANDS = re.compile(r"(?<![^ ])[1-9]\d{0,2}(?: \d{3})+(?![^ ])")


def _spaced_cells(text: str, start: int, line: int) -> list[Cell]:
    """The cells of a spaced row's values, ``text[start:]`` split at spaces.

    Where the row's columns are set by runs of spaces (text copied from a PDF viewer), three digits one space after
    a number may be its thousands ('行政许可   302   142   1 288'): such a cell is marked ``grouped``, joined to the
    number before it where the table's columns leave one cell too many for each (:func:`_thousands_joined`).
    """
    cells = [Cell(t, line) for t in text[start:].split()]
    if "  " not in text or " " not in text[start:].strip():
        return cells
    # (each group of three after the first: '1 234 567' is '1', then '234' and '567' grouped)
    groups = {at for m in _THOUSANDS.finditer(text, start)
              for at in range(m.start() + 1, m.end()) if text[at - 1] == " "}
    if not groups:
        return cells
    tokens = [m.start() for m in _TOKEN.finditer(text, start)]
    return [c._replace(grouped=True) if at in groups else c for c, at in zip(cells, tokens)]


def _token_columns(text: str, stripped: str, raw: str | None = None) -> list[tuple[int, int]] | None:
    """(the display column where it starts, the columns it is wider as written: ``Cell.folded``) of each word of
    ``stripped`` on its line ``text``, as written in ``raw`` (:func:`_written_columns`; a wide character counts 2,
    as a monospaced font sets it); None where ``stripped`` is not the line's own text (a label joined again).

    Examples
    --------
    >>> _token_columns("  行政许可  3    12", "行政许可  3    12")
    [(2, 0), (12, 0), (17, 0)]
    >>> _token_columns("(一)予以公开 3    12", "(一)予以公开 3    12", "（一）予以公开　3    １２")
    [(0, 2), (16, 0), (21, 2)]
    """
    at = text.find(stripped)
    if at < 0:
        return None
    words = [(m.start(), len(m.group())) for m in _TOKEN.finditer(text, at, at + len(stripped))]
    if raw is not None and (written := _written_columns(text, words, raw)) is not None:
        return written
    places: list[tuple[int, int]] = []
    width, last = 0, 0
    for start, _ in words:
        width += _display_width(text[last:start])
        last = start
        places.append((width, 0))
    return places


def _word_columns(text: str, stripped: str, words: Sequence[str],
                  raw: str | None = None) -> list[tuple[int, int]] | None:
    """(the display column where it starts, the columns it is wider as written) of each of ``words``, ``stripped``
    cut in order, on its line ``text`` (as written in ``raw``, :func:`_written_columns`); None where one is not found
    there."""
    at = text.find(stripped)
    found: list[tuple[int, int]] = []
    pos = 0
    for word in words:
        pos = stripped.find(word, pos)
        if at < 0 or pos < 0:
            return None
        found.append((at + pos, len(word)))
        pos += len(word)
    if raw is not None and (written := _written_columns(text, found, raw)) is not None:
        return written
    return [(_display_width(text[:start]), 0) for start, _ in found]


def _raw_line(raw_lines: Sequence[str] | None, seg: Segment) -> str | None:
    """The line of ``seg`` as written, where the report's lines are given."""
    return raw_lines[seg.line - 1] if raw_lines is not None and 0 < seg.line <= len(raw_lines) else None


def _set_in_columns(stripped: str, raw: str | None) -> bool:
    """Whether runs of spaces set the words of a line apart (its cells' places then tell their columns): two spaces
    or more in ``stripped``, or an ideographic space (U+3000, two columns wide) between two words as written in
    ``raw``, which normalizing made one space."""
    return "  " in stripped or (raw is not None and "\u3000" in raw.strip())


def _written_columns(text: str, words: Sequence[tuple[int, int]], raw: str) -> list[tuple[int, int]] | None:
    """(the display column in ``raw``, the line as written, where it starts, the columns it is wider there) of each
    word of ``text``, the line normalized, of ``words`` (its start, its length), each at the start of one of the
    text's runs of non-spaces; None where the runs of the two lines are not the same one for one, or a start is no
    run's.

    Normalizing folds a full-width '（一）' or '１２' to half width and an ideographic space (U+3000) to one
    space, each a column narrower than written: the columns of the normalized text shifted a row's cells off
    the columns the report set them in, and ended a right-aligned full-width number short of its own.

    Examples
    --------
    >>> _written_columns("(一)予以公开 3", [(0, 7), (8, 1)], "（一）予以公开　３")
    [(0, 2), (16, 1)]
    """
    if raw == text:
        return None  # (the same columns: the normalized text's are counted)
    runs = list(_TOKEN.finditer(text))
    written = list(_TOKEN.finditer(raw))  # (\s is any Unicode space, U+3000 too)
    if len(written) != len(runs):
        return None
    index = {m.start(): (m, w) for m, w in zip(runs, written)}
    if any(start not in index for start, _ in words):
        return None
    return [(_display_width(raw[:index[start][1].start()]), _folded(*index[start], start, n)) for start, n in words]


def _folded(run: re.Match[str], written: re.Match[str], start: int, n: int) -> int:
    """The columns the ``n`` characters of the normalized line from ``start``, in its run of non-spaces ``run``, are
    wider as ``written``: those characters' where normalizing kept each one (full-width to half width), the whole
    run's where the word is the run; else 0 (its written characters not told)."""
    if len(written.group()) == len(run.group()):
        at = start - run.start()
        return _display_width(written.group()[at:at + n]) - _display_width(run.group()[at:at + n])
    return _display_width(written.group()) - _display_width(run.group()) if n == len(run.group()) else 0


def _display_width(text: str) -> int:
    """The columns ``text`` takes in a monospaced font: East Asian wide and full-width characters two, others one."""
    return len(text) + sum(unicodedata.east_asian_width(c) in "WF" for c in text)


def _thousands_joined(values: list[Cell], ncols: int) -> list[Cell]:
    """A row's ``values`` with each ``grouped`` cell joined to the number before it ('1' '288' as '1 288'), where
    that leaves the row just as many values as its ``ncols`` columns; else as they are (two cells, '1 2' too).

    Examples
    --------
    >>> [c.text for c in _thousands_joined([Cell("302", 1), Cell("1", 1), Cell("288", 1, grouped=True)], 2)]
    ['302', '1 288']
    """
    if len(values) - sum(c.grouped for c in values) != ncols:
        return values
    out: list[Cell] = []
    for cell in values:
        if cell.grouped and out:
            out[-1] = out[-1]._replace(text=f"{out[-1].text} {cell.text}", folded=out[-1].folded + cell.folded)
        else:
            out.append(cell)
    return out


def _unspread_label(text: str) -> str | None:
    """``text`` with the row label it starts with set spread out joined again, or None (:func:`spread_label_words`)."""
    tokens = text.split()
    groups = spread_label_words(tokens)
    if groups is None:
        return None
    words, at = [], 0
    for n in groups:
        words.append("".join(tokens[at:at + n]))
        at += n
    return " ".join(words + tokens[at:])


def spread_label_words(tokens: Sequence[str]) -> list[int] | None:
    """How many of ``tokens`` (the words of a row line) make each word of its labels, the row's label set spread
    out; None where it is not.

    An unruled PDF's row label set with wide letter spacing (distributed alignment in a wide cell) comes out one
    character a word ('一 、 本 年 新 收 … 数 量 88 11 0 …', '( 七 ) 总 计 0 …'): more words than a label has, so
    the line was one label and the row lost. Where the words before the first value end in a known row label once
    joined (from a word on, the words after that one a character each), they are that label, the words before it
    kept as words, runs of single characters joined (a group label spread out too). A vertical header's characters
    ('结 结 其 尚') join into no row label and are left.

    Parameters
    ----------
    tokens : sequence of str
        The words of the line, left to right.

    Returns
    -------
    list of int or None
        The number of tokens in each label word, the row label's last; the tokens after them are its cells.
    """
    if sum(len(t) == 1 for t in tokens) < 2:  # (cheap: a spread label has several one-character words)
        return None
    n = 0  # the label's words: those before the first value ('4 . 保 护 …': a number then '.' numbers the label)
    while n < len(tokens) and not _label_ends(tokens, n):
        n += 1
    if n < 2 or n == len(tokens):
        return None
    vocab = vocabulary()
    for j in range(n - 1):  # (the longest label first)
        label = "".join(tokens[j:n])
        # (a requests row unnumbered, '总　　计 0 …', is no row label alone, but is on a line of values)
        if all(len(t) == 1 for t in tokens[j + 1:n]) and (vocab.is_row_label(label) or not j and vocab.request_row(label)):
            groups: list[int] = []  # (a group label before the row's: a run of single characters is one word)
            for k in range(j):
                if k and len(tokens[k]) == 1 and len(tokens[k - 1]) == 1:
                    groups[-1] += 1
                else:
                    groups.append(1)
            return groups + [n - j]
    return None


def _several_words(label: str | None) -> bool:
    """Whether a spaced row's label words are several, one a single character ('总 计'): maybe spread out."""
    return label is not None and label.count(" ") > 1 and any(len(t) == 1 for t in label.split())


def _label_ends(tokens: Sequence[str], n: int) -> bool:
    """Whether word ``n`` of a spread-out row is its first value: a number not numbering the label ('4 . 保 护'),
    or a mark with a value or nothing after it (not '无' of '( 五 ) 无 法 提 供')."""
    if not _CELL_TOKEN.fullmatch(tokens[n]):
        return False
    after = tokens[n + 1] if n + 1 < len(tokens) else None
    if after is None:
        return True
    if tokens[n][-1:].isdigit():
        return after not in _ITEM_MARKS
    return _CELL_TOKEN.fullmatch(after) is not None


@functools.lru_cache(maxsize=1)
def _unit_note() -> re.Pattern[str]:
    """A line naming a table's unit, '单位:件' or '(单位:万元)' (formats.yaml ``unit_note_words`` and ``cell_units``)."""
    words = alternation(load_formats()["unit_note_words"])
    return re.compile(rf"\(?(?:{words})\s*:\s*(?:{alternation(number_units())})\)?")


@functools.lru_cache(maxsize=1)
def _unit_cells() -> frozenset[str]:
    return frozenset(number_units())


_CODE_NUMBER = re.compile(r"0\d")  # '01': a row's code, not a count
_CELL_TEXT, _CELL_GLUED = operator.itemgetter(0), operator.itemgetter(2)  # (Cell.text, Cell.glued, read in C)


def _tab_row(text: str) -> list[str] | None:
    """The cells of a row whose label and values are split by tabs (``text`` stripped), or None unless its first
    cell is no value and every other filled cell is one or a unit ('规章\t0\t件\t\t件\t39\t件': each value's unit in a
    cell of its own, joined to it or dropped after a blank by :func:`_units_joined`; such a row was read as spaces,
    its blank lost and its values placed nowhere, ambiguous_digits). A group's label may stand before the row's
    ('三、本年度办理结果\t(一)予以公开\t5\t1\t\t…\t6': the row was read as spaces, its blanks lost, the values
    ambiguous_digits)."""
    parts = [p.strip() for p in text.split("\t")]
    units = _unit_cells()
    if _text_kind(parts[0]) == "value":
        return None
    labels = 1
    while labels < min(3, len(parts)) and parts[labels] and _text_kind(parts[labels]) in _LABEL_KINDS:
        labels += 1  # (a header's words, '申请人情况\t\t自然人', are no row's labels: no row)
    values = parts[labels:]
    if not all(_text_kind(p) == "value" or p in units for p in values if p) or labels > 1 and not any(values):
        return None
    return parts


_LABEL_KINDS = frozenset(("group", "row"))  # (the kinds of _text_kind of a row's label cells)


def _takes_unit(cell: Cell) -> bool:
    """Whether a unit standing alone beside ``cell`` is its value's: a plain number, not glued, not a code."""
    return not cell.glued and _PLAIN_NUMBER.fullmatch(cell.text) is not None and not _CODE_NUMBER.match(cell.text)


def _units_joined(cells: list[Cell]) -> list[Cell]:
    """A row's cells with a unit standing alone after a number joined to it: '2 | 件 | 0 | 件 | 30 | 件' is
    '2件 | 0件 | 30件', each value in its column (the unit then read, and checked against the column's, as
    where it is written in the value's cell). A unit alone after no number (a label, a blank) stays a cell, but
    for a blank's or a mark's in a row whose other units follow their numbers: that value's unit, dropped.

    Before, each unit was a cell of its own: the row had more cells than columns, every value lost (NA) and
    flagged ``extra_cells``.
    """
    units = _unit_cells()
    if units.isdisjoint(map(_CELL_TEXT, cells)):  # (most rows: one look per cell, in C)
        return cells
    before = [i - 1 for i in range(1, len(cells)) if cells[i].text in units]  # the cells the units follow
    # units that follow their values: one after a number at least, or (a row of blanks and marks only, '规章 | |
    # 件 | | 件 | | 件') two or more, each after a blank or a mark past the label: that row was a cell too long for
    # each unit (every value NA, extra_cells)
    after_values = any(_takes_unit(cells[i]) for i in before) or (
        len(before) > 1 and before[0] > 0 and all(not cells[i].text or cells[i].text in NA_MARKS for i in before))
    out: list[Cell] = []
    for i, cell in enumerate(cells):
        if cell.text in units and out and _takes_unit(out[-1]):
            out[-1] = out[-1]._replace(text=out[-1].text + cell.text)
        elif cell.text in units and len(out) > 1 and (not out[-1].text or out[-1].text in NA_MARKS) and after_values:
            # a blank or marked value's unit in a row whose units follow their values ('规章 | 2 | 件 | | 件 | 30 |
            # 件'): it was a cell of its own, the row a cell too long (every value NA, extra_cells); dropped, the
            # blank or mark stays the value's (NA)
            continue
        elif cell.text in units and out and out[-1].text and _text_kind(out[-1].text) != "value" and (
                rest := _values_of_a_unit(cells[i + 1:])) is not None:
            # the row's unit in a column of its own between its label and its values ('规章 | 件 | 2 | 0 | 30',
            # a 单位 column): each value carries it, as if written in its cell
            return out + [c._replace(text=c.text + cell.text) if add else c for c, add in rest]
        else:
            out.append(cell)
    return out


def _values_of_a_unit(cells: list[Cell]) -> list[tuple[Cell, bool]] | None:
    """The cells after a row's unit, each with whether the unit joins it (a plain number); None unless they
    are all values, marks or blanks, one at least a number."""
    rest = []
    for c in cells:
        plain = _takes_unit(c)
        if not (plain or not c.text or c.glued or _text_kind(c.text) == "value"):
            return None
        rest.append((c, plain))
    return rest if any(plain for _, plain in rest) else None


_CELL_TOKEN = re.compile(_NUMBER_TOKEN)
_ITEM_MARKS = frozenset(".、")


_VALUE_LIKE = re.compile(rf"\S*\d\S*|{_MARK}")
_PUNCTUATION = re.compile(r"[、,。;:!?]")


def _row_with_words(text: str) -> list[str] | None:
    """The cells of a spaced row whose cells are not all numbers or marks, or None.

    The row starts with a known row label (after up to two label words: a wrapped group label), followed by
    short words of which one at least holds a digit or is a mark ('行政处罚 12起左右', '行政处罚 12 起',
    '… 2 约3 0 0 0 0 2', '… 2 N/A 0 0 0 0 2').
    """
    tokens = text.split()
    if len(tokens) < 2 or len(tokens) > 40:
        return None
    vocab = vocabulary()
    for k in range(min(3, len(tokens) - 1), 0, -1):
        if vocab.is_row_label(tokens[k - 1]):
            rest = tokens[k:]
            # (not prose: '…公开类别主要涉及政策 规范性文件 信息2条、')
            if (all(len(t) <= 24 for t in tokens[:k]) and all(len(t) <= 12 and not _PUNCTUATION.search(t) for t in rest)
                    and any(_VALUE_LIKE.fullmatch(t) for t in rest)):
                return tokens
            return None
    return None


def _join_wrapped(rows: list[Row], widths: dict[int, tuple[int, int]] | None = None) -> list[Row]:
    """A row label alone, then its cells on a row without any label: one row.

    A blank line or a note between a row's label and its cells (tab layout: '\t二、上年转结…', a blank
    line, then '\t' … '\t0') cut the row; its values would be left without a label. The rest of a row
    label wrapped in its cell of an unruled PDF, under the label's first part and its values
    ('2.其他法律行 0 0 …' / '政法规禁止公开'), comes at the start of the next row: it goes back to its label.
    A label wrapped over two rows of a grid, its start on a row of blank cells and its end before the values
    ('7.属于行 | | …' / '政执法案卷 | 0 | 11 | …'), is one row where neither part alone is a row's label, or
    where the start reads as one only by its first words ('一、本年新收政府' / '信息公开申请数量'); so is a label
    wrapped over two cells of a row the layout does not mark (a filled cell a line: '7.属于行' / '政执法案卷' / '0').
    """
    out: list[Row] = []
    for row in rows:
        if not row.explicit and len(row.cells) > 1:
            second = _kind(row.cells[1])
            if second == "label":
                row = _label_over_cells(row)
            elif second == "header":
                row = _header_over_cells(row)
        # (the first row: no row before to join it to; a row led by a row's label, a header or a note, most rows: no
        # label's end to join to the row before, no values alone, no label's rest; told by its first cell's kind)
        if not out or row.cells and _kind(row.cells[0]) not in ("label", "group", "value"):
            out.append(row)
            continue
        prev = out[-1]
        over = _label_over_rows(prev, row)
        if over is not None:
            start, at = over
            label = Cell(prev.cells[start].text + row.cells[at].text, prev.cells[start].line)
            out[-1] = Row([*row.cells[:at], label, *row.cells[at + 1:]], explicit=row.explicit, grid=row.grid,
                          spaced=row.spaced)
            continue
        # (a row of values alone, asked once: most rows start with a label, so this is most often one test)
        values = all(c.is_value for c in row.cells) and any(c.text for c in row.cells)
        if values and prev.cells and _kind(prev.cells[-1]) in ("row", "group") and all(
                c.text and not c.is_value for c in prev.cells):
            out[-1] = Row(prev.cells + row.cells, explicit=prev.explicit)
            continue
        # (a header's row just before, or a row ending in blank cells: rare)
        if values and prev.cells and (not prev.cells[-1].text or any(
                c.text and _kind(c) == "header" for c in prev.cells)):
            joined = _across_repeated_head(out, row, widths or {})
            if joined is not None:
                out[joined[0]] = joined[1]
                continue
        # (a grid's row keeps its blank cells: there the label's rest below its values stands on a row of blanks)
        if row.cells and not row.cells[0].is_value and (
                not (prev.grid or row.grid) or not any(map(_CELL_TEXT, row.cells[1:]))):
            joined = _label_rest(prev, row.cells[0])
            if joined is not None:
                out[-1] = joined
                row = Row(row.cells[1:], explicit=row.explicit, spaced=row.spaced)
                if not row.cells or row.grid:
                    continue
        out.append(row)
    return out


def _across_repeated_head(out: list[Row], row: Row, widths: dict[int, tuple[int, int]]) -> tuple[int, Row] | None:
    """A row split by a page break after its rows were built: ``row``, values alone, after its labels' row, a row's
    labels alone, perhaps with their blank cells ('7.属于行政执法案卷 | | …', then '| 0 | 11 | …'), or after rows of
    ``out`` that repeat its first rows, a header's among them (the table's head again between them). The labels' row's
    index and the row joined, where :func:`_under_labels` tells where the values stand: a grid's leading blank cells,
    the labels' row's width where it kept its blank cells (the tab layout), in pipe text, which trims them, the labels'
    line's ``widths`` (its cells, its labels' cells); or the labels alone and no blank cell before the values. Else
    None."""
    last = out[-1].texts
    # (the rows between: the table's first m rows again, its head, the labels' row before them; none where the row
    # just before ends in blank cells, a labels' row that kept them)
    m = next((m for m in range(1, (len(out) - 1) // 2 + 1) if out[m - 1].texts == last and all(
        out[j].texts == out[len(out) - m + j].texts for j in range(m - 1))), None)
    if m is None and last[-1]:
        return None
    k = len(out) - (m or 0)
    cells = out[k - 1].cells
    n = max((i + 1 for i, c in enumerate(cells) if c.text), default=0)
    if not n or _kind(cells[n - 1]) not in ("row", "group") or any(c.is_value for c in cells[:n] if c.text):
        return None
    texts = row.texts
    if row.grid:
        under = _under_labels(texts, n)
    elif n == len(cells) and texts[0]:
        under = 0
    else:
        # (the labels' row's width: its own where it kept its blank cells, the tab layout's; else its line's in pipe
        # text, which trims them)
        width = (len(cells), n) if n < len(cells) else widths.get(cells[n - 1].line, (0, 0))
        under = _under_labels(texts, n, width[0]) if width[1] == n else None
    if under is None:
        return None
    return k - 1, Row(cells[:n] + row.cells[under:], explicit=out[k - 1].explicit)


def _label_over_rows(prev: Row, row: Row) -> tuple[int, int] | None:
    """The indexes of a row label's cell in ``prev`` and in ``row`` where ``prev`` holds only the label's start (its
    other cells blank) and ``row`` begins with the label's end, before values: '7.属于行 | | …' then '政执法案卷 | 0 | 11
    | …', or a row's label whose note in brackets the wrap left open, '(二)部分公开(区分处理的, | | …' then
    '只计这一情形,不计其他情形) | 2 | 0 | …'. Blank group cells may lead both rows ('|| 7.属于行 | |…' then '|| 政执法案卷 |
    2 | …', seed 004's rows, across a page break too), the start's row keeping them or not (pipe text: a line of one
    label is read as that cell alone). Else None."""
    start = at = 0
    if row.cells and not row.cells[0].text:  # (blank group cells first: seed 004's rows, rare)
        at = next((i for i, c in enumerate(row.cells) if c.text), 0)
        start = next((i for i, c in enumerate(prev.cells) if c.text), -1)
        if not at or start not in (0, at):
            return None
    if not prev.cells or len(row.cells) < at + 2 or _kind(row.cells[at]) not in ("label", "group"):
        return None  # (a group's name after its number: '(六)' / '其他处理 | 0 | …')
    if (all(c.is_value and not c.text for c in prev.cells[start + 1:])
            and any(c.is_value and c.text for c in row.cells[at + 1:])
            and _label_halves(prev.cells[start].text, row.cells[at].text)):
        return start, at
    return None


def _label_halves(start: str, end: str) -> bool:
    """Whether ``start`` then ``end`` (a label's end, no label of any row) are one row label wrapped: ``start`` is
    no row's label either, or a row's note in brackets left open ('(二)部分公开(区分处理的,'), or a row's only by
    the first words a row label may begin with ('一、本年新收政府'), the two then naming a row exactly."""
    kind = _text_kind(start)
    if kind == "label" or start.count("(") > start.count(")"):
        return _text_kind(start + end) in ("row", "group")
    return kind == "row" and not _exact_label(start) and _exact_label(start + end)


@functools.lru_cache(maxsize=4096)
def _exact_label(text: str) -> bool:
    # a row label as the format writes it whole ('本年新收' names the row 'new' only as a label's first words)
    vocab = vocabulary()
    key = label_key(text)
    return any(key in table for table in (vocab.request_rows, vocab.active_rows, vocab.review_rows))


def _label_over_cells(row: Row) -> Row:
    """``row`` (of a layout that marks no cells: a filled cell a line) with a label wrapped over two of its cells
    before the values ('7.属于行' / '政执法案卷' / '0' …) one cell, as :func:`_label_over_rows` joins two rows."""
    cells = row.cells
    for i in range(len(cells) - 1):
        if cells[i].is_value:
            break
        if _kind(cells[i + 1]) == "label" and _label_halves(cells[i].text, cells[i + 1].text):
            joined = Cell(cells[i].text + cells[i + 1].text, cells[i].line)
            return Row([*cells[:i], joined, *cells[i + 2:]], explicit=row.explicit, grid=row.grid, spaced=row.spaced)
    return row


def _header_over_cells(row: Row) -> Row:
    """``row`` (of a layout that marks no cells: a filled cell a line) with its first cell, a table's labels'
    column header wrapped over two cells ('信息' / '内容' / '本年新制作数量' …), one cell: neither piece is that
    header, the two together are (formats.yaml ``header_words``). Read apart, the header was no header and its
    block's rows were left without columns (header_missing)."""
    first, second = row.cells[0], row.cells[1]
    if label_key(first.text + second.text) not in _active_label_headers() or label_key(first.text) in \
            _active_label_headers():
        return row
    return Row([Cell(first.text + second.text, first.line), *row.cells[2:]], explicit=row.explicit, grid=row.grid,
               spaced=row.spaced)


@functools.lru_cache(maxsize=1)
def _active_label_headers() -> frozenset[str]:
    """The label keys of the Article 20 table's labels' column header (formats.yaml ``active.header_words``)."""
    return frozenset(label_key(w) for w in load_formats()["active"]["header_words"])


def _label_rest(prev: Row, first: Cell) -> Row | None:
    """``prev`` with ``first`` joined to its last label, where ``prev``'s values follow a label that is no
    row's and the two make one ('其他对外管' + '理服务事项'), else None."""
    if _kind(first) not in ("label", "group"):  # (most rows start with a row's label: asked first, cached)
        return None
    at = next((i for i, c in enumerate(prev.cells) if c.is_value), 0)
    if at == 0:
        return None
    label = prev.cells[at - 1]
    if _kind(label) in ("row", "group", "article"):
        # (a row's label only by its first words or with its note left open, '一、本年新收政府' + '信息公开申请数量', the
        # rest below its values in a table that keeps blank cells: as a label wrapped over two rows of a grid is told)
        joins = _label_halves(label.text, first.text)
    else:
        joins = _text_kind(label.text + first.text) in ("row", "group")  # ((六)其他处理: the 2019 format's row)
    if not joins:
        return None
    cells = [*prev.cells[:at - 1], Cell(label.text + first.text, label.line), *prev.cells[at:]]
    return Row(cells, explicit=prev.explicit, grid=prev.grid, spaced=prev.spaced)


# Two or more numbers glued by their signs ('88-720', '15-15'): one cell of page text, split by the placement.
_SIGNED_RUN = re.compile(r"[+-]?\d[\d,.]*(?:[+-]\d[\d,.]*)+")
# a number, then a dash typed after it in the same cell ('1330--', '2307—')
_NUMBER_THEN_DASH = re.compile(r"[+-]?\d[\d,.]*(?:—+|―+|-+)")


# the name of a value column's part in a legacy header ('区政府', '乡镇街道'): a short word, no digit, no stop
_PART_NAME = r"[^\s\d|,，、。;；:：()（）]{1,8}"
# a line of the parts' names alone, two or more
_PARTS_LINE = re.compile(rf"{_PART_NAME}(?:\s+{_PART_NAME})+")


# a short note after a spaced legacy row's values: up to three words, the first no number nor sign, 20 characters
_NOTE_WORDS = r"(?=[^\n]{1,20}$)[^\s\d+-]\S*(?:\s+\S+){0,2}"


@functools.lru_cache(maxsize=1)
def _legacy_label_headers() -> frozenset[str]:
    """The label keys of the label column's header words (formats.yaml ``legacy.label_header_words``)."""
    return frozenset(label_key(w) for w in load_formats()["legacy"]["label_header_words"])


@functools.lru_cache(maxsize=1)
def _legacy_spaced_patterns() -> tuple[re.Pattern[str], ...]:
    """(header, header word, row, row with a note after its values, row with no unit, unit and values with no label,
    one value, label and unit then words) of a pre-2019 statistics
    table set with spaces: '统 计 指 标 单位 统计数', '(一)主动公开政府信息数 (…计1条) 条 480' (label, unit, values;
    words and units from formats.yaml). A value may carry its unit ('480条', '0.35万元', '350元') or be a not-applicable mark.
    After the unit column's word, the value columns may be parts named in words of their own ('统计指标 单位
    区政府 区直单位 乡镇街道 合计'): short words without digits."""
    units = alternation(vocabulary().legacy_units)
    marks = _MARK
    fm = load_formats()["legacy"]
    first = alternation(fm["label_header_words"], spaced=True)
    # a value column's header may be no fixed word but end in one: '2009年度' (Putian), '区直单位统计数'
    word = rf"{alternation(fm['header_words'], spaced=True)}|[^\s\d]{{0,6}}\d{{0,4}}(?:{alternation(fm['value_headers'])})"
    unit = alternation(fm["unit_headers"], spaced=True)
    header = re.compile(rf"(?P<first>{first})(?:(?P<rest>(?:\s+(?:{word}))+)"
                        rf"|\s+(?P<unit>{unit})(?P<parts>(?:\s+{_PART_NAME}){{2,}}))")
    # (a value's unit after a space too, '3 件': the row was cut at that unit, its label '… 条 3', its value lost)
    value = rf"\s+(?:[+-]?\d[\d,.]*(?:[^\S\n]?(?:%|{units}))?|{marks})"
    row = rf"(?P<label>\S.*?)\s+(?P<unit>{units})(?P<values>(?:{value})*)"
    # a short note of words after the values ('六、举报投诉数量 件 675 含转办'), as in a 备注 column
    noted = re.compile(rf"{row}\s+(?P<note>{_NOTE_WORDS})")
    bare = re.compile(rf"(?P<label>\S.*?)(?P<values>(?:{value})+)")
    unit_values = re.compile(rf"(?P<unit>{units})(?P<values>(?:{value})+)")
    # (a label, its unit, then the rest of the line: a known item's one value in words with spaces inside, '约 3 件')
    worded = re.compile(rf"(?P<label>\S.*?)\s+(?P<unit>{units})\s+(?P<value>\S.*)")
    return (header, re.compile(word), re.compile(row), noted, bare, unit_values, re.compile(value.removeprefix(r"\s+")),
            worded)


def _spaced_values(values: str) -> list[str]:
    """The value cells of a spaced legacy row's ``values`` ('480', '3 件' with its unit after a space, '—')."""
    return [v.strip() for v in _legacy_spaced_patterns()[6].findall(values)]


# A spaced row's label then its code (Gansu: 01, 1, 1.1, 3.3.1), set apart by a space, in a table whose code column
# stands between the label and the unit column
_LABEL_THEN_CODE = re.compile(r"(?P<label>.*?\S)\s+(?P<code>\d{1,2}(?:\.\d{1,2}){0,3})")


def _code_before_unit(cells: list[str]) -> bool:
    """Whether a spaced legacy header's ``cells`` name a code column before the unit column (formats.yaml
    ``legacy.code_headers`` then ``unit_headers``: '指 标 名 称 代码 计量单位 本期实际 本年累计')."""
    fm = load_formats()["legacy"]
    keys = [label_key(c) for c in cells]
    codes = [i for i, k in enumerate(keys) if k in fm["code_headers"]]
    units = [i for i, k in enumerate(keys) if k in fm["unit_headers"]]
    return bool(codes and units) and codes[0] < units[0]


def _legacy_unit_values(text: str) -> list[str] | None:
    """The cells of a spaced legacy row's unit and values with no label ('件 675'), or None: the rest of a row whose
    label stands alone on the line before (a label top-aligned in a tall cell, or a page break after it)."""
    m = _legacy_spaced_patterns()[5].fullmatch(text) if _SPACE.search(text) else None
    return [m["unit"], *_spaced_values(m["values"])] if m else None


def _legacy_spaced(text: str, no_unit: bool = False) -> list[str] | None:
    """The cells of a spaced legacy table line, or None; with ``no_unit``, a known item with no unit too.

    A known item's short note after its values ('六、举报投诉数量 件 675 含转办') is one last cell, a remark."""
    if _SPACE.search(text) is None:
        return None  # one word (most lines): each pattern sets its cells apart with spaces
    header, word, row, noted, bare, _, _, worded = _legacy_spaced_patterns()
    m = header.fullmatch(text)
    if m:
        if m["rest"] is None:
            return [m["first"], m["unit"], *m["parts"].split()]
        return [m["first"], *(w.strip() for w in word.findall(m["rest"]))]
    m = worded.fullmatch(text) if len(text) <= 100 else None
    if m and _SPACE.search(m["value"]) and label_key(m["label"]) in vocabulary().legacy_rows \
            and _is_count_in_words(m["value"]):
        # a known item's one value in words or hedged with a space or two inside ('约 3 件', '3 件左右', '十 二'):
        # its value cell, as a ruled row's, for the tables stage to read or flag; its spaces are no cells' bounds
        # (the row was cut at the value's unit, '2.政府网站公开政府信息数 条 约 3' a row of no known item, unflagged;
        # or its words split into two values, extra_cells)
        return [m["label"], m["unit"], m["value"]]
    m = row.fullmatch(text)
    if m and len(m["label"]) <= 80 and "。" not in m["label"] and not _PROSE_END.search(m["label"]):
        return [m["label"], m["unit"], *_spaced_values(m["values"])]
    # (cheap tests first: most lines that are no row are sentences, long or ending as one does)
    m = noted.fullmatch(text) if m is None and len(text) <= 100 and not _PROSE_END.match(text[-1]) else None
    if m and m["values"] and label_key(m["label"]) in vocabulary().legacy_rows:
        # a note after a known item's values is its remark (the tables stage flags it): only a known label, lest
        # a sentence ending in a number then words be a row
        return [m["label"], m["unit"], *_spaced_values(m["values"]), m["note"]]
    if m and label_key(m["label"]) in vocabulary().legacy_rows and _SPACE.search(m["note"]) is None:
        # a known item's one value in words ('2.政府网站公开政府信息数 条 三', '… 条 约3'): its value cell, as in a
        # ruled row, read or flagged by the tables stage (as a line of text the row was lost, unflagged)
        return [m["label"], m["unit"], m["note"]]
    m = bare.fullmatch(text) if no_unit else None
    if m and label_key(m["label"]) in vocabulary().legacy_rows:
        # a known item with its unit cell blank ('4.信函申请数 12'): only a known label, lest prose be a row
        return [m["label"], "", *_spaced_values(m["values"])]
    if text.rsplit(None, 1)[-1] in NA_MARKS and (m := bare.fullmatch(text)) is not None and label_key(
            m["label"]) in vocabulary().legacy_parents and all(v in NA_MARKS for v in m["values"].split()):
        # a group heading whose unit and value cells are marked not applicable ('(四)申请来源 — —', set with spaces
        # or tabs) is the heading, as '(四)申请来源 | — | — |' is: read as one label it was no heading, and its
        # items were keyed by their own words ('党政机关', not src_party_gov)
        return [m["label"], *m["values"].split()]
    return None


# A word of a header set with spaces, with the notes in brackets set apart after it ('现行有效件数 (历史累计)')
_HEADER_WORD = re.compile(r"\S+(?:\s+\([^()]+\)(?=\s|$))*")


@functools.lru_cache(maxsize=4096)
def _header_tokens(text: str) -> list[str] | None:
    """The cells of a table header set with spaces only ('信息内容 本年制发件数 本年废止件数', '结果 结果 其他 尚未'),
    or None: every word a header label of the format, or the start or end of one (a label wrapped in its cell),
    or one character of one: a header set vertically, a character per line ('结 结 其 尚' / '果 果 他 未' / …).
    A note in brackets after a space is of the label before it ('现行有效件数 (历史累计)'), a word of no cell."""
    tokens = _HEADER_WORD.findall(text) if "(" in text else text.split()
    if len(tokens) < 2:
        return None
    vocab = vocabulary()
    # single characters only in a line mostly of them ('结 结 其 尚 未经复议直接起诉'): a letter-spaced label in a
    # header line ('… 总 计 商业 企业 …') is no vertical header, and the line cut there made '其他' a row label
    vertical = 2 * sum(len(token) == 1 for token in tokens) >= len(tokens)
    for token in tokens:
        if vocab.is_header(token) or (vertical and token in _header_characters()):
            continue
        key = label_key(token)
        if len(key) < 2 or not any(h.startswith(key) or h.endswith(key) for h in vocab.header_words):
            return None
    return tokens


@functools.lru_cache(maxsize=1)
def _header_characters() -> frozenset[str]:
    """The Han characters of the format's header labels."""
    return frozenset(c for word in vocabulary().header_words for c in word if _HAN.match(c))


def _next_is_value(segments: Sequence[Segment], i: int) -> bool:
    """Whether the next non-blank line after segment ``i`` is a value cell ('4', '4 |', '\t0')."""
    for seg in segments[i + 1 : i + 4]:
        text = seg.text.strip()
        if text:
            text = text[:-1].strip() if text.endswith("|") else text
            return bool(text) and "|" not in text and is_value_cell(text)
    return False


_WORDY_COUNT = re.compile(r"[(（]?\d")  # a cell that starts as a count does, '(16)', '16/3', '16(上年结转3)'


@functools.lru_cache(maxsize=1)
def _extra_headers() -> frozenset[str]:
    """The words heading a requests column no column of the format: remarks after the counts (formats.yaml
    ``legacy.note_headers``) and the organisations' subtotal (``requests.subtotal_headers``)."""
    formats = load_formats()
    return frozenset(formats["legacy"]["note_headers"]) | frozenset(formats["requests"]["subtotal_headers"])


def _row_blank_marks(segments: Sequence[Segment], i: int, label: str, extras: frozenset[str] = frozenset()) -> list[int]:
    """The lines of a requests row, its label on line ``i`` and its values one a line after it (pipe text one cell a
    line), whose cell marks are its blank cells: those after its label and after each value but the last, where
    they and the values fill the columns exactly (``'(一)予以公开 | ||||||'`` then ``'74 |'``; ``'5 |'``, ``'1 | ||||'``,
    ``'6 |'``). Else none.

    Such text writes a merged cell's span as marks at a row's end (``'99 | |||'``, seed 001), so marks are read as
    no cells, and a row whose blank cells are marks inside it (only 总计 filled) was flagged ragged, its values
    lost. Marks and values that fill the columns exactly leave no other reading: a span's filler inside the row
    would leave it short of cells, none of which this layout loses. The header's ``extras`` met before: under
    小计 (the organisations' subtotal) a row has one column more; under 备注 a mark after as many cells as columns
    ('无 |') is the row's empty remark, no count.
    """
    if _other_table_label(label):
        return []  # (tested first, cached: most labels met are the other tables' rows and headers, no values read)
    ncols, remarks = _requests_columns(extras)
    cells = marks = segments[i].text.count("|") - 1  # (the label's marks, after its own)
    lines = [i]
    for seg in segments[i + 1 : i + 2 + ncols]:
        value, bar, rest = seg.text.partition("|")
        value = value.strip()
        kind = _text_kind(value) if bar and value and not rest.strip("| ") else None
        if kind != "value" and not (kind == "label" and _WORDY_COUNT.match(value)):
            break  # (a count, or one with words, '(16)' or '16/3', that is no label: the row's next label ends it)
        if remarks and cells >= ncols and value in NA_MARKS:
            break
        lines.append(lines[-1] + 1)
        marks = rest.count("|")
        cells += 1 + marks
    cells -= marks  # (the last value's marks: the row's end, filler)
    last = lines[-1]
    after = segments[last + 1].text.strip() if last + 1 < len(segments) else ""
    # (the label's marks before more cells than columns: a span's filler, or blank counts before a number after
    # 总计 where rows like it show no filler)
    spare = 0 < cells - ncols <= segments[i].text.count("|") - 1 and _no_label_filler(segments, i, ncols)
    if last == i or cells != ncols and not spare or (
            after == "|" and _next_is_value(segments, last + 1)):
        return []  # (no value; cells too few or too many; a lone blank mark before more values: the row goes on)
    return lines[:-1]


@functools.lru_cache(maxsize=4096)
def _other_table_label(label: str) -> bool:
    """Whether ``label`` is a row label or a header of a table other than requests: no requests row's label, nor
    the end of one wrapped over two rows ('转政府信息公开申请数量'), whose marks :func:`_row_blank_marks` reads."""
    vocab = vocabulary()
    return vocab.request_row(label) is None and (vocab.is_row_label(label) or vocab.is_header(label))


@functools.lru_cache(maxsize=16)
def _requests_columns(extras: frozenset[str]) -> tuple[int, bool]:
    """(columns of a requests row, whether the header has a remarks column) under the header's ``extras``
    (:func:`_row_blank_marks`): under 小计 (the organisations' subtotal) a row has one column more."""
    formats = load_formats()
    ncols = len(formats["requests"]["cols"]) + bool(extras.intersection(formats["requests"]["subtotal_headers"]))
    return ncols, bool(extras.intersection(formats["legacy"]["note_headers"]))


def _no_label_filler(segments: Sequence[Segment], i: int, ncols: int) -> bool:
    """Whether the marks after the requests row label on line ``i``, before more cells than the ``ncols`` columns, are
    its blank cells, no span's filler ('(一)予以公开 | |' then seven counts: natural persons blank and a number after
    总计; read as filler, every count one column left). They are where another row of as many label lines (after a
    group's label alone or not) has no mark after its label and its counts, one a line, fill the columns; else where
    no row with marks after its label shows them as filler by its identity, counts filling the columns exactly, the
    last written, not 0, not the one before it repeated, and the sum of the others ('一、本年新收… | |' then
    '88 |', '11 |', '0 |' … '99 |'), as the tables stage tells an empty label cell in pipe rows."""
    vocab = vocabulary()

    def grouped(j: int) -> bool:
        before = segments[j - 1].text.partition("|") if j else ("", "", "")
        return bool(before[1]) and not before[2].strip("| ") and vocab.request_group(before[0].strip()) is not None

    group, told = grouped(i), False
    for j, seg in enumerate(segments):
        label, bar, rest = seg.text.partition("|")
        if not bar or rest.strip("| ") or vocab.request_row(label.strip()) is None:
            continue
        lines = _values_after(segments, j)[1]
        if len(lines) != ncols or any(segments[k].text.count("|") > 1 for k in lines[:-1]):
            continue  # (counts one a line filling the columns, a span's filler after the last)
        if j != i and not rest.count("|") and grouped(j) == group:
            return True
        if rest.count("|") and not told:
            counts = [Cell(segments[k].text.partition("|")[0].strip(), k) for k in lines]
            told = _sums_to_last(counts) and counts[-1].text != counts[-2].text
    return not told


def _sums_to_last(values: list[Cell]) -> bool:
    """Whether ``values`` are all written numbers, the last one not 0 and the sum of the others (a requests row's
    identity, where it tells a reading: all zeros hold in any)."""
    nums = [parse_number(c.text) for c in values]
    return all(n.kind == "number" for n in nums) and nums[-1].value != 0 and \
        sum(n.value for n in nums[:-1]) == nums[-1].value  # type: ignore[misc]  # all numbers: each has a value


def _cell(text: str, line: int) -> Cell:
    """A cell of the text; a run of signed numbers is marked glued, for the placement to split (a number with a
    dash typed after it, '1330--', is one cell as written: parse_number reads its number)."""
    if ("-" in text or "+" in text) and _SIGNED_RUN.fullmatch(text):  # (the test in C first: most cells are '0')
        return Cell(text, line, glued=True)
    return _new_cell((text, line, False, False, -1, 0, False))


# A Cell made without the named tuple's own __new__ (a Python function): a table's text makes one a cell.
_new_cell = functools.partial(tuple.__new__, Cell)


def _cells(texts: list[str], line: int) -> list[Cell]:
    """The cells :func:`_cell` makes of a row's ``texts`` on ``line``: made in C where none holds a ``-`` or a ``+``
    (most rows, and so no cell is a signed run), without a Python call a cell."""
    joined = "".join(texts)
    if "-" in joined or "+" in joined:
        return [_cell(text, line) for text in texts]
    return list(map(_new_cell, zip(texts, itertools.repeat(line), _NOT, _NOT, _NO_COLUMN, _UNFOLDED, _NOT)))


# (endless: zip stops at the texts' end)
_NOT, _NO_COLUMN, _UNFOLDED = itertools.repeat(False), itertools.repeat(-1), itertools.repeat(0)


def _labels_line(parts: list[str]) -> tuple[int, int] | None:
    """(cells, labels' cells) of a pipe line ``parts`` of a row's labels, perhaps after blank group cells, then blank
    cells only ('8.属于行政查询事项 | ||||||', '| (四)无法提供 | 1.本机关不掌握相关政府信息 | ||||||'); else None. A header's
    row ending in a blank cell ('|| 商业企业 | … | 其他 | |', seed 004) is none: no values of its own follow it."""
    labels = max(i for i, p in enumerate(parts) if p) + 1
    if labels < len(parts) and not any(p and is_value_cell(p) for p in parts[:labels]) and \
            _text_kind(parts[labels - 1]) != "header":
        return len(parts), labels
    return None


def _under_labels(values: Sequence[str], labels: int, width: int | None = None) -> int | None:
    """How many of a row of values' first cells ``values`` stand under the ``labels`` label cells of its labels' row,
    left blank there: a page break split the row, its labels at a page's foot and its values on the next ('7.属于行政执法
    案卷' then ' | 0 | 11 | …'; one test for every layout, the rows joined as they are built or after them). A reader's
    grid (``width`` None) marks its cells: its leading blank ones, up to ``labels`` and a cell kept. Where the labels'
    row kept its blank cells, ``width`` in all (pipe text's labels' line, '8.属于行政查询事项 | ||||||', then '| 0 | 0 | … |'
    after a page break; the tab layout's row), only a row of as many cells led by ``labels`` blank ones; else None: a
    leading mark may be a blank count or a border."""
    if width is None:
        k = 0
        while k < labels and k < len(values) - 1 and not values[k]:
            k += 1
        return k
    return labels if len(values) == width and not any(values[:labels]) else None


def _label_cells_before(segments: Sequence[Segment], at: int) -> int:
    """How many cells of a row stand before its labels' line ``at`` in pipe text one cell a line: its blank cells'
    marks alone on a line (``'||'``) and a group's label (``'(四)无法提供 |'``), back to the row before."""
    k = 0
    for seg in (segments[j] for j in range(at - 1, -1, -1)):  # (by index: no copy of the lines before)
        label, bar, rest = seg.text.partition("|")
        label = label.strip()
        if not bar or rest.strip("| ") or label and (rest.strip() or _text_kind(label) != "group"):
            break
        k += 1 if label else 1 + rest.count("|")
    return k


def _blank_counts(marks: int, labels: int, cells: int, width: tuple[int, int]) -> int | None:
    """How many of a line of ``marks`` alone, after a row's labels' line of ``width`` (cells, labels' cells) and
    before values one a line of ``cells`` cells, are the row's first counts, blank: the marks past the row's
    ``labels`` cells, where with the values they fill the labels' blank cells (seed 004's '8.属于行政查询事项 |
    |||||||' at a page's foot, then '|||||||||' and '0 |': three labels' cells, six blank counts). Else None: not known
    which marks are blank counts."""
    blank = marks - labels
    return blank if blank >= 0 and blank + cells == width[0] - width[1] else None


def _before_bar(seg: Segment) -> str:
    """A pipe-text line's text before its first ``|``, stripped."""
    return seg.text.partition("|")[0].strip()


def _values_under_repeated_head(segments: Sequence[Segment], i: int, labels: tuple[int, int, int]) -> list[int]:
    """The lines of a row's values, one a line, after line ``i`` of marks alone, where the table's head repeated after
    a page break stands between them and the row's ``labels`` line (its cells, labels' cells and segment), in pipe
    text one cell a line ('1.本机关不掌握相关政府信息 | |||||||', the head again, '|||' then '5 |' …): where the lines
    between end in a header's cell and hold no value, the marks are as many as the row's labels' cells and the values
    fill its labels' blank cells. Else none: the values are left unlabelled, flagged."""
    at = labels[2]
    # (the line just before first: most lines of marks alone follow a value or a row's label)
    before = next((t for t in (_before_bar(segments[j]) for j in range(i - 1, at, -1)) if t), "")
    if _text_kind(before) != "header" or any(
            is_value_cell(t) for t in (_before_bar(segments[j]) for j in range(at + 1, i)) if t):
        return []
    cells, lines = _values_after(segments, i)
    k = labels[1] + _label_cells_before(segments, at)
    return lines if _blank_counts(segments[i].text.count("|"), k, cells, labels[:2]) == 0 else []


def _values_after(segments: Sequence[Segment], i: int) -> tuple[int, list[int]]:
    """(cells, lines) of the lines after segment ``i`` that hold a value each and its blank cells' marks after it (pipe
    text one cell a line: ``'0 |'``, ``'2 | |'``), up to the first line that is no such one."""
    n, lines = 0, []
    for j in range(i + 1, len(segments)):
        value, bar, rest = segments[j].text.partition("|")
        value = value.strip()
        if not (bar and value and is_value_cell(value)) or rest.strip("| "):
            break
        n += 1 + rest.count("|")
        lines.append(j)
    return n, lines


def _trim(cells: list[str]) -> list[str]:
    """Drop trailing blank cells (merged-header filler)."""
    out = list(cells)
    while out and not out[-1].strip():
        out.pop()
    return out


def _tab_cell_line(text: str) -> str:
    """The line without the spaces before its first tab: an indented '  \\t' is still a (blank) tab cell."""
    if text[:1] == " ":
        body = text.lstrip(" ")
        if body[:1] == "\t":
            return body
    return text


def _continues_cell(cell: Cell, text: str) -> bool:
    """Whether ``text``, a line without a tab right after the tab cell ``cell`` (tab layout), is that cell's
    text wrapped: both are words (a label's or a header's), neither a value, ``text`` no prose nor a row's
    label, an article line or a note of its own."""
    return (bool(cell.text) and not cell.is_value and "\t" not in text and len(text) <= 24
            and _text_kind(text) in ("label", "header") and not _PROSE_END.search(text)
            and _text_kind(cell.text) in ("label", "header", "row", "group"))


def _tab_layout(texts: list[str], joined: str) -> tuple[bool, bool]:
    """(one cell per line after a tab, rows cut by blank lines; those lines indented by spaces), of a section's lines
    ``texts`` and the same ``joined`` by newlines.

    Only where the cells are indented is a '  \\t' line a blank cell; elsewhere it is a blank line.
    """
    # (every line of every section asked: the lines are filtered and counted in C, no Python step a line)
    filled = list(filter(str.strip, texts))
    threshold = max(3, len(filled) // 2)
    # (most sections have fewer lines led by a tab or a space, filled or not, than that: counted in the joined text,
    # without a methodcaller's startswith asked of each line, which cost more than the rest of this test)
    if joined.count("\n\t") + joined.count("\n ") + joined.startswith(("\t", " ")) < threshold:
        return False, False
    if sum(map(_STARTS_INDENTED, filled)) < threshold:
        return False, False  # (most sections, told in one pass: the counts below are at most this one)
    tabbed = sum(map(_STARTS_TAB, filled))
    indented = len(list(filter(_SPACES_THEN_TAB.match, filled)))
    if tabbed + indented < threshold:
        return False, False
    # A blank line after every cell marks no row: rows are then rebuilt from the labels, as for seed 000.
    cell = list(map(bool, map(_TAB_CELL.match, texts)))  # (whether each line is a tab cell)
    marked = any(map(operator.and_, cell, cell[1:]))
    return marked, indented > tabbed


_STARTS_INDENTED = operator.methodcaller("startswith", ("\t", " "))
_STARTS_TAB = operator.methodcaller("startswith", "\t")
_SPACES_THEN_TAB = re.compile(r" +\t")  # an indented tab cell (:func:`_tab_cell_line`)
_TAB_CELL = re.compile(r" *\t")  # a tab cell, indented or not


class _Stream:
    """Collects cells and cuts them into rows by the kinds of their labels.

    ``join_units``: a unit in a cell of its own after a value of a row the source marked ('规章 | 2 | 件 | 0 | 件'),
    joined to that value (:func:`_units_joined`); off for a pre-2019 statistics table, whose unit column comes
    after a code column ('01 | 条').
    """

    def __init__(self, join_units: bool = False) -> None:
        self.rows: list[Row] = []
        self.join_units = join_units
        self._units = _unit_cells() if join_units else frozenset()  # (a unit alone joins no value where off)
        self._reset()

    def _reset(self) -> None:
        self._cut_by_bracket = False  # (the current row is one count in brackets that cut the row before it)
        self.current: list[Cell] = []
        self.n = 0
        self.n_header = 0
        self.n_group = 0
        self.has_values = False
        self.has_row = False

    def flush(self) -> None:
        if self._cut_by_bracket and self.n == 1:
            self._bracket_back()
            return
        if self.current:
            self.rows.append(Row(_units_joined(self.current) if self.join_units else self.current))
            # (reset only here: with no cell the counts are as reset, each changed only with a cell appended; a
            # blank line of a tab table flushes an empty row)
            self._reset()

    def explicit(self, cells: list[Cell], grid: bool = False, spaced: bool = False, split: bool = False,
                 named: bool = False) -> None:
        cells = _labels_apart(cells)
        if self.join_units:
            cells = _units_joined(cells)
        # (a grid's row may end in blank cells, its width's; ``split``: values after their labels' line, _under_labels)
        if cells and (cells[-1].text or grid and any(map(_CELL_TEXT, cells))) and _values_only(cells):
            # A row wrapped after its label ('(一)予以公开 |' then '3 | 0 | … |'): the values join the
            # row label just before them, when nothing but labels stands there.
            pending = self.current or (self.rows[-1].cells if self.rows and self.rows[-1].explicit else [])
            # ((六)其他处理 is a group label to the stream, and a leaf row of the 2019 format.)
            # (in a grid, a group's merged cell before the label is blank: '' | '' | '8.属于行政查询事项')
            if pending and _kind(pending[-1]) in ("row", "group") and not any(
                    (c.text or not (grid or split)) and _kind(c) == "value" for c in pending):
                if grid:  # (a reader's grid row split by a page break: its label's cells left blank on the next page)
                    cells = cells[_under_labels([c.text for c in cells], len(pending)):]
                pending.extend(cells)
                self.flush()
                return
        self.flush()
        if cells:
            self.rows.append(Row(cells, explicit=True, grid=grid, spaced=spaced, named=named))

    def _bracket_back(self) -> None:
        """Put the count in brackets that cut the row before back at that row's end, marked ``page_like``: with no
        value after it, it is that row's last value ('0' / '0' / '(99)' then the next row's label) or a page number
        between the rows ('(3)' at a page break), which the tables stage tells by the row's columns (dropped where the
        row is whole without it). It was the next row's first cell, its own row's count lost unflagged or the row
        left ragged."""
        cell = self.current[0]
        self._reset()
        self.rows[-1].cells.append(cell._replace(page_like=True))

    def append(self, cell: Cell) -> None:
        """Add a cell to the current row whatever its kind (the source marks rows)."""
        self.current.append(cell)
        self.n += 1

    def add(self, cell: Cell) -> None:
        if cell.text in self._units and self.has_values:
            # a value's unit alone (a cell a line) is no label starting a row: joined to the value at the flush,
            # as a unit after the row's label is (_units_joined)
            self.append(cell)
            return
        kind = "value" if cell.glued else _text_kind(cell.text)  # (_kind inlined: this runs for every cell)
        if kind == "label" and (apart := _label_then_value(cell.text)) is not None:
            for part in apart:  # (a row's label and its first value in one cell: '| 行政强制36 |')
                self.add(_cell(part, cell.line))
            return
        if kind == "label" and self.has_values and _is_unreadable_count(cell.text):
            # a count with a footnote mark after the row's values ('302' / '142' / '65651*'), or two numbers in one
            # cell ('302' / '1 2' / '65651', '1、2', an unreadable count), a cell a line: one of the row's values, not
            # a label starting a row (the row was cut, its values unplaced); the table stage keeps it in its column,
            # NA, flagged not_a_number
            kind = "value"
        elif kind == "label" and self.has_values and _is_count_in_words(cell.text) \
                and not is_page_furniture(cell.text, in_table=True):
            # a count in Chinese numerals or hedged after the row's values ('302' / '142' / '三', '约3', '3件左右'),
            # a cell a line: the row's last value, as a footnoted one (it started the next row, which was cut or
            # lost); the table stage reads '三' (value_note) or flags '约3' not_a_number. Not a page number left
            # between the rows ('第2页', '共3页'), no value of the row
            kind = "value"
        if kind == "label" and self.has_values and _BRACKETED_COUNT.fullmatch(cell.text):
            # a count in brackets after the row's values ('302' / '(142)'), a cell a line: a value (read NA, flagged
            # not_a_number, as in a ruled table) where more values follow it, which tells it from a page number
            # between the rows ('(3)'); not known yet, it cuts the row as a label, put back at the next value
            self.flush()
            self.current.append(cell)
            self.n = 1
            self._cut_by_bracket = True
            return
        if kind != "value" and self._cut_by_bracket and self.n == 1:
            self._bracket_back()  # (no value after the count in brackets: the cut row's last value or a page number)
        elif kind == "value" and self._cut_by_bracket and self.n == 1:
            # (the count in brackets had values after it: the row it cut goes on, that count one of its values)
            cut = self.current
            self._reset()
            for before in self.rows.pop().cells:
                self.add(before)
            for before in cut:
                self.append(before)
        header_only = self.n_header == self.n and self.n > 0  # (the test most cells fail first: values after labels)
        if kind in ("article", "note"):
            self.flush()
            self.rows.append(Row([cell]))
            return
        # (each kind counted in the branch that tests it, after the flush that may reset the counts)
        if kind == "value":
            # (a header's word alone before values is a row's label where it is one: '总计' / '0' …, the row
            # (四)总计 without its item number)
            if header_only and not (self.n == 1 and vocabulary().request_row(self.current[0].text)):
                self.flush()
            self.has_values = True
        elif kind == "header":
            if not header_only:
                self.flush()
            self.n_header += 1
        elif kind == "group":
            if self.n and self.n_group != self.n:  # (a group label after group labels only joins them)
                self.flush()
            self.n_group += 1
        elif kind == "row":
            if self.has_values or header_only or self.has_row:
                self.flush()
            self.has_row = True
        elif self.has_values or header_only:
            self.flush()
        self.current.append(cell)
        self.n += 1


# a cell's trailing number, or run of numbers glued with signs ('15-15'), after words
# (or a number with a dash typed after it, '行政处罚1330--': a cell of its own, see _cell)
_TRAILING_VALUE = re.compile(
    rf"(?P<label>.*?\D)\s*(?P<value>[+-]?\d[\d,.]*(?:[+-]\d[\d,.]*)*|{_NUMBER_THEN_DASH.pattern})")


@functools.lru_cache(maxsize=4096)
def _label_then_value(text: str) -> tuple[str, str] | None:
    """A cell of a row's label with its first value typed into it ('行政强制36', '规章000', '行政事业性收费15-15': a
    ruled table's cell copied without the rule between them) as (label, value), where the label without the number
    is a known row label of the format; else None (an unknown label keeps its digits: '2020年度')."""
    m = _TRAILING_VALUE.fullmatch(text)
    if m is None or m["label"][-1] in "+-" or not vocabulary().is_row_label(m["label"].strip()):
        return None
    return m["label"].strip(), m["value"]


def _label_with_value(texts: Iterable[str]) -> tuple[int, tuple[str, str]] | None:
    """(index, (label, value)) of the first of a row's cell ``texts`` that is a label cell holding its first value
    (:func:`_label_then_value`; one a row: the row's label cell), else None."""
    texts = list(texts)
    if "label" not in map(_text_kind, filter(None, texts)):
        return None  # (most rows: no cell of a plain label, each cell's kind a cached look-up in C)
    for k, text in enumerate(texts):
        if text and _text_kind(text) == "label" and (apart := _label_then_value(text)) is not None:
            return k, apart
    return None


@functools.lru_cache(maxsize=1)
def _review_results() -> tuple[dict[str, int], re.Pattern[str], frozenset[str], frozenset[str]]:
    """(each name of a review result → its column among a kind of case's: formats.yaml ``review_litigation``
    ``cols`` and ``header_only_cols``; a pattern of one name or value and the marks after it; the label keys of the
    kinds of case, ``rows`` and ``kind_words``; the upheld names, one of which a section's text holds where it may
    hold a row of names and values)."""
    fm = load_formats()["review_litigation"]
    cols = list(fm["cols"])
    names = {label_key(name): cols.index(col) for col in cols
             for name in (*fm["cols"][col], *fm["header_only_cols"].get(col, []))}
    token = re.compile(rf"(?:(?P<name>{alternation(names)})|(?P<value>\d[\d,]*|{_MARK}))\s*[:：]?[\s|]*")
    kinds = frozenset(label_key(w) for words in (*fm["rows"].values(), *fm["kind_words"].values()) for w in words)
    return names, token, kinds, frozenset(fm["cols"]["upheld"])


#: The pairs of a result's name and its value a run of lines holds at least, read as a review row by its names
#: (:func:`_labelled_review_rows`): fewer may be a header's last name over the first value of a row of values.
_REVIEW_PAIRS = 3


def _review_tokens(text: str) -> list[tuple[str, str]] | None:
    """The (kind, text) of the result names and values that are a line's whole text, cells set apart by spaces, '|'
    or tabs or by none ('维持 4 纠正 0', '维持4纠正0', '维持 |'); None for another line, [] for a blank one."""
    names, token, _, _ = _review_results()
    out: list[tuple[str, str]] = []
    pos, text = 0, text.strip(" \t|")
    while pos < len(text):
        m = token.match(text, pos)
        if m is None:
            return None
        out.append(("name", m["name"]) if m["name"] else ("value", m["value"]))
        pos = m.end()
    return out


def _labelled_review_rows(segments: Sequence[Segment], section_text: str) -> dict[int, tuple[int, list[str]]]:
    """The review table's rows written with each value after its result's name, on one line ('维持 1 纠正 0 其他 0
    尚未审结 0 总计 1 维持 …', led by its kind of case or not) or a pair, a name or a value a line: the index of the
    segment where one starts → (the index of its last segment, its cells in the format's columns, its kind's label
    first where it has one, a result it leaves out a blank cell).

    Read in order, a row that left a result out or named them in another order had its values under the wrong
    columns (or was lost as glued text). A kind of case's results end where a name comes again; a row of one kind
    or of the format's every kind is read so, another (two kinds: which ones?) as written.
    """
    names, _, _, upheld = _review_results()
    if not any(name in section_text for name in upheld):
        return {}
    width, kinds = len(set(names.values())), len(load_formats()["review_litigation"]["rows"])
    found: dict[int, tuple[int, list[str]]] = {}
    i = 0
    while i < len(segments):
        label, pairs = _review_kind_pairs(segments[i].text)
        pairs, last = (pairs, i) if label else _review_pairs(segments, i)
        groups: list[dict[int, str]] = []
        for name, value in pairs:
            if not groups or names[label_key(name)] in groups[-1]:
                groups.append({})  # (a result named again: the next kind's)
            groups[-1][names[label_key(name)]] = value
        if len(pairs) >= _REVIEW_PAIRS and len(groups) in ((1,) if label else (1, kinds)):
            cells = [group.get(col, "") for group in groups for col in range(width)]
            found[i] = last, [label, *cells] if label else cells
            i = last
        i += 1
    return found


_CELL_GAP = re.compile(r"[\s|]+")  # (what sets a row's cells apart on a line: spaces, tabs, '|')


def _review_kind_pairs(text: str) -> tuple[str | None, list[tuple[str, str]]]:
    """(the kind of case that leads a line, the (name, value) pairs after it) for a kind's row written with each
    value after its result's name ('行政复议 维持 4 纠正 0 …'); (None, []) for another line."""
    label, *rest = _CELL_GAP.split(text.strip(" \t|"), 1)
    tokens = _review_tokens(rest[0]) if rest and label_key(label) in _review_results()[2] else None
    if not tokens or len(tokens) % 2 or any(kind != ("name", "value")[k % 2] for k, (kind, _) in enumerate(tokens)):
        return None, []
    return label, list(zip([t for _, t in tokens[::2]], [t for _, t in tokens[1::2]]))


def _review_pairs(segments: Sequence[Segment], i: int) -> tuple[list[tuple[str, str]], int]:
    """The (name, value) pairs that the lines from segment ``i`` on hold, each value after its name, up to the
    first line that holds anything else or breaks the pairs, and the index of the line of the last value."""
    pairs: list[tuple[str, str]] = []
    name: str | None = None
    last = i
    for j in range(i, len(segments)):
        tokens = _review_tokens(segments[j].text)
        if tokens is None:
            break
        for kind, text in tokens:
            if (kind == "name") == (name is not None):
                return pairs, last  # (two names or two values in a row)
            if kind == "name":
                name = text
            else:
                pairs.append((name, text))  # type: ignore[arg-type]  # (a value after a name: not None)
                name, last = None, j
    return pairs, last


def _label_parts_apart(parts: list[str]) -> list[str]:
    """A row's cells' texts with a label cell holding its first value (:func:`_label_then_value`) cut in two."""
    if (found := _label_with_value(parts)) is None:
        return parts
    k, apart = found
    return [*parts[:k], *apart, *parts[k + 1:]]


def _labels_apart(cells: list[Cell]) -> list[Cell]:
    """A row's cells with a label cell holding its first value (:func:`_label_then_value`) cut in two."""
    texts = list(map(_CELL_TEXT, cells))  # (in C: every row of a reader's grid is asked)
    if any(map(_CELL_GLUED, cells)):
        texts = ["" if cell.glued else cell.text for cell in cells]  # (a glued run of digits is no label cell)
    if (found := _label_with_value(texts)) is None:
        return cells
    k, apart = found
    return [*cells[:k], *(_cell(part, cells[k].line) for part in apart), *cells[k + 1:]]


def _values_only(cells: list[Cell]) -> bool:
    """Every cell blank or a value (glued digits, or a text whose kind is a value)."""
    if any(map(_CELL_GLUED, cells)):
        return all(not c.text or _kind(c) == "value" for c in cells)
    # (most rows: each written cell's kind a cached look-up, in C)
    return {"value"}.issuperset(map(_text_kind, filter(None, map(_CELL_TEXT, cells))))


def _kind(cell: Cell) -> str:
    if cell.glued:
        return "value"
    return _text_kind(cell.text)


@functools.lru_cache(maxsize=65536)
def _text_kind(text: str) -> str:
    if is_value_cell(text):
        return "value"
    vocab = vocabulary()
    if vocab.article_item(text):
        return "article"
    if vocab.is_identity_note(text):
        return "note"
    if vocab.is_group_label(text) and not _is_leaf_2019(text):
        return "group"
    if vocab.is_row_label(text):
        return "row"
    if vocab.is_header(text):
        return "header"
    return "label"


def _is_leaf_2019(text: str) -> bool:
    # (六)其他处理 is a leaf in the 2019 format and a group in 2021; the stream cannot
    # tell yet, so it is kept as a group and the table stage decides.
    return False


# --- page text with glued cells --------------------------------------------------

# a count and a footnote mark typed after it, the whole cell ('12*', '12*1', '12※', '12注1', '12[1]', '12^1';
# '12①' is normalized '12(1)')
_COUNT_MARK = rf"(?:[{FOOTNOTE_SYMBOLS}]{{1,3}}" r"\d{0,2}|注\d{0,2}|\[注?\d{0,2}\]|\(\d{1,2}\)|\^\d{1,2})"
_FOOTNOTED_COUNT = re.compile(rf"[+-]?\d[\d,.]*{_COUNT_MARK}")
# such a mark ending a cell, a space before it or not ('1 2*', '142 *'): what it marks is read without it
_MARK_AT_END = re.compile(rf"\s*{_COUNT_MARK}$")

# digits and spaces only, the whole cell ('1 2'), or with a unit after them ('1 2件'): no label of any format, a
# count written unreadably (a value cell)
_SPACED_DIGITS = re.compile(r"\d+(?:\s+\d+)+\s*(?P<unit>\D*)")


def _is_spaced_count(text: str) -> bool:
    # (the unit, if any, one of the format's units (data/), so that '1 2 月' or words after digits stay labels)
    m = _SPACED_DIGITS.fullmatch(text)
    return m is not None and (not m["unit"] or m["unit"] in _unit_cells())


# a count in brackets, the whole cell ('(142)', '（142）' normalized '(142)'): a note, an accounting negative or a
# sub-count to the table stage, no plain count (NA, flagged not_a_number); between a table's rows, a page number too
_BRACKETED_COUNT = re.compile(r"\(\d[\d,]*\)")

# digits set apart by an enumeration comma or a comma that groups no thousands, the whole cell ('1、2', '1,2': a typo
# or two numbers in one cell): no label of any format (an item number is followed by words, '1、属于国家秘密'), a count
# written unreadably (a value cell)
_LISTED_DIGITS = re.compile(r"\d+(?:\s*[、,]\s*\d+)+")


def _is_unreadable_count(text: str) -> bool:
    """Whether a cell the stream reads as a label is a count written unreadably or marked, a value in a row's place:
    a footnote mark after it ('65651*', '142 *'), its digits set apart by spaces ('1 2') or by a comma ('1、2'), with
    a footnote mark after them or not ('1 2*': never 12)."""
    if _FOOTNOTED_COUNT.fullmatch(text):
        return True
    bare = _MARK_AT_END.sub("", text, count=1)
    return bool(_is_spaced_count(bare) or _LISTED_DIGITS.fullmatch(bare) and parse_number(bare).kind == "text"
                or bare != text and _PLAIN_NUMBER.fullmatch(bare))


def _glued_line(stripped: str, spaced: tuple[re.Match[str], bool] | None) -> bool:
    """Whether a (stripped) line is page text whose cells lost their boundaries.

    A short row too when its digits touch the label ('(一)予以公开220000022' on a line of its own). Not a row
    whose cells are spaced and one is a mark or carries a unit ('… 2 - - - - - 2'): gluing its cells would make
    '2-----2' of it. ``spaced`` is ``_spaced_row(stripped)`` (None for one word).
    """
    if not ((not spaced or spaced[1]) and (len(stripped) > 30 or " " not in stripped) and _has_glued_table(stripped)):
        return False
    if spaced and _label_set_apart(spaced[0]["label"]):
        return False
    # (checked last: only a line read as glued so far) a spaced row with one value marked ('… 0 0 99*', '(99)'):
    # a row to read with its words, its marked cell flagged, as a short row is, not its seven values glued
    return spaced is not None or _MARKED_VALUE.search(stripped) is None or _row_with_words(stripped) is None \
        or _spaced_row(_MARKED_VALUE.sub(_marked_value, stripped)) is None


def _label_set_apart(label: str | None) -> bool:
    """Whether a spaced row's label stands two spaces or more before its first value, and holds no label touching
    digits: a row of columns set by runs of spaces ('其他对外管理服务事项  664  167  1342'), no page text that lost its
    cells, which the glued reading would have run into one digit run ('6641671342', ambiguous_digits)."""
    return label is not None and label.endswith("  ") and not _has_glued_table(label)


def _glued_head(label: str | None) -> bool:
    """Whether a spaced row's label is a table's header words run together, three labels of the format or more and
    nothing else but the row's first value run into them ('行政复议行政诉讼结果维持…总计4': page text that lost the
    header's cells); not a row's own label, a group's and its item's ('(三)不予公开1.属于国家秘密')."""
    if not label or len(label) < 8 or " " in (head := label.strip()):
        return False
    head = head.rstrip("0123456789")
    pos, n = 0, 0
    for m in _glued_pattern().finditer(head):
        if m.start() != pos:
            return False
        pos, n = m.end(), n + 1
    return n >= 3 and pos == len(head)


def _marked_value(match: re.Match[str]) -> str:
    """The value of a marked value (:data:`_MARKED_VALUE`), its mark or brackets dropped."""
    if match["w"] and _glued_pattern().match(match["w"]):
        return match[0]  # (a label after the value, '99行政许可': page text that lost its cells, left as it is)
    return match["b"] or match["n"] or "0"  # (N/A: any value, the row's shape is what is tested)


# a value with a footnote mark typed after it ('99*', '99注', '99[1]', '99^1', '99【注】' and '99①': normalized
# '99[注]', '99(1)'), or a remark in a few words ('99件左右', '99余'; not a numeral, '99二': the next label's start
# in page text), or set in brackets ('(99)', '（99）': normalized '(99)'), or 'N/A' for a value, a word of its own
_MARKED_VALUE = re.compile(r"(?<!\S)(?:\((?P<b>\d[\d,.]*)\)|(?P<n>\d[\d,.]*)(?:"
                           rf"[{FOOTNOTE_SYMBOLS}]{{1,3}}" r"|\(\d{1,2}\)|\[(?:注\d?|\d{1,2})\]"
                           rf"|注\d?|\^\d{{1,2}}|(?P<w>(?![一二三四五六七八九十])[{HAN_RANGES}]{{1,4}}))|(?i:n/?a))(?!\S)")


@functools.lru_cache(maxsize=4096)
def _wrapped_line(text: str) -> str | None:
    """How a line takes part in a run of wrapped glued page text.

    'glued': digits touch a label and the line is no row set with spaces (so its cells did lose their
    boundaries); 'text': a piece of a label, of a note or of prose, or a row of plain numbers set with spaces
    (a wrap may leave one: '0(六)其他处理 0 0 0 0'); None: a line that is no such piece (blank, a row of pipes
    or tabs, a spaced row with a mark, a unit or a word among its cells, whose cells must not be glued).
    """
    stripped = text.strip()
    if not stripped or "\t" in text:
        return None  # a cell of the tab layout
    if "|" in stripped:
        return "glued" if _stray_pipe(stripped) else None  # (else a row of pipes)
    if _SPACE.search(stripped) is None:
        return "glued" if _has_glued_table(stripped) else "labels" if _glued_labels(stripped) else "text"
    spaced = _spaced_row(stripped)
    if spaced:
        return "text" if spaced[1] else None
    if _glued_line(stripped, spaced):
        return "glued"
    if _header_tokens(stripped) is not None:
        return None  # a header set with spaces (an unruled PDF's, wrapped in its cells)
    if _row_with_words(stripped) is not None and not _LABEL_NUMBER.fullmatch(stripped):
        # a row set with spaces, one cell a word ('行政处罚 12起左右'), unless a label touches digits: a piece of
        # glued text cut by the wrap ('0 四、结转下年度继续办理0 0 0 0 0 00')
        return "glued" if _touching_digits(stripped) else None
    return "text"


def _touching_digits(text: str) -> bool:
    """Whether a label of the format is followed right away by a digit, or a digit by an item number
    ('0(七', '0(' at the line's end: the wrap cut '(七)总计'), with no space between."""
    return (_DIGIT_BEFORE_ITEM.search(text) is not None or _WORDS_BEFORE_DIGIT.search(text) is not None
            or any(text[m.end() : m.end() + 1].isdigit() for m in _glued_pattern().finditer(text)))


# words, not a unit or a qualifier ('约3'), touching a digit: the end of a label cut by the wrap ('…公开申请0 0')
_WORDS_BEFORE_DIGIT = re.compile(rf"(?:{_HAN.pattern}){{4}}\d")
_DIGIT = re.compile(r"\d")
_DIGIT_BEFORE_ITEM = re.compile(r"\d(?:\((?:[一二三四五六七八九十]|$)|[一二三四五六七八九十]{1,2}、)")


def _wrapped_glued_runs(segments: Sequence[Segment], explicit_rows: dict[int, list[str]],
                        page_lines: Collection[str] = ()) -> dict[int, list[int]]:
    """Runs of lines that are one text of glued cells wrapped: index of the first line → indices of the run.

    A run is two lines or more, none blank nor a row of its own (pipes, tabs, a reader's grid, a spaced row
    with a mark or a word among its cells), and a line ending a sentence ends it (the prose before a table).
    It is joined when the lines show glued text: one holds a label touching digits; a header row of labels
    touching each other and digits after it; a label broken by a line end and followed by digits; or two
    labels broken by line ends. A table of a cell a line shows none of these: its lines are one cell each.
    Where a break fell between two digits the joined
    digits are one run, which the placement splits as it can (the break may have been a cell's end or not:
    every reading of it is kept, and a cell the readings disagree on is flagged, not guessed).
    Page furniture inside a run is skipped (a page number at a page break, the report's title or one of
    ``page_lines`` repeated as a running header, a table's footnote at the page's foot, its caption repeated at the
    next page's top), and so are blank lines
    once the run shows glued text or its last line is a header of labels touching each other, where the next
    filled line goes on with it (a page break, a row split across pages).
    """
    if _no_wrapped_run(segments, page_lines):
        return {}
    runs: dict[int, list[int]] = {}
    run: list[int] = []
    kinds: dict[int, str] = {}
    glued = False
    last = -1  # the run's last line of text

    def close() -> None:
        if len(run) < 2:  # (most lines: no run, or one line) nothing to join
            run.clear()
            return
        filled = [j for j in run if not _skipped_in_run(segments[j].text, page_lines)]
        across = [_label_across(segments[a].text, segments[b].text) for a, b in zip(filled, filled[1:])] \
            if len(filled) >= 2 and not glued else []
        # a header row that lost its boundaries, wrapped before its values ('…尚未审结' then '总计 00 0 …')
        labels = not glued and any(kinds[j] == "labels" for j in filled) and any(
            _DIGIT.search(segments[j].text) for j in filled)
        if len(filled) >= 2 and (glued or labels or "digits" in across or across.count("label") >= 2):
            runs[run[0]] = run.copy()
        run.clear()

    for i, seg in enumerate(segments):
        stripped = seg.text.strip()
        if not stripped:  # (half the lines of a table of a cell a line, where no run is open)
            if not run:
                glued = False
                continue
            if glued or kinds[last] == "labels":
                after = next((segments[j] for j in range(i + 1, len(segments))
                              if not _skipped_in_run(segments[j].text, page_lines)), None)
                if after is not None and after.line not in explicit_rows and _wrapped_line(after.text) is not None:
                    run.append(i)  # a page break in glued text: the text goes on after it
                    continue
            close()  # (a blank line is no piece of a run: _wrapped_line gives None)
            glued = False
            continue
        if run and _skipped_in_run(seg.text, page_lines):
            run.append(i)
            continue
        kind = None if seg.line in explicit_rows else _wrapped_line(seg.text)
        if kind is None and "|" in stripped:
            kind = _piece_with_pipe(stripped, glued)
        if kind is None:
            if run:
                close()
            glued = False
            continue
        if not run:
            glued = False
        run.append(i)
        kinds[i] = kind
        last = i
        glued |= kind == "glued"
        if _PROSE_END.search(stripped):
            close()
    close()
    return runs


def _piece_with_pipe(stripped: str, glued: bool) -> str | None:
    """How a line whose one '|' was typed into glued text takes part in a run of it (:func:`_wrapped_line`), where the
    run is ``glued`` so far or the piece shows labels touching: a piece that shows no label touching digits of its
    own, the '|' cutting a row label the wrap cut too ('…002.申请' / '人逾期未按|收费通知要求…申请0 0'), between a
    value and the rest ('…公开申请0|0000002.申请人逾…'), or right before or after the wrap ('…6.属于|' / '四类过程性
    信息0000000…', '…行政事业性' / '|收费5949.08…'). The '|' touches the text on both sides (a row of pipes sets its
    cells apart with spaces: '行政强制 | 54'); outside a glued run it opens or closes no value alone ('|0', '0|': the
    mark of a cell in a table of a cell a line, whose labels are one a line: '|本年新制作数量'); else None."""
    at = stripped.find("|")
    before, rest = stripped[:at], stripped[at + 1:]
    if at < 0 or "|" in rest or not (before or rest) or (rest and rest[0].isspace()) or (
            before and before[-1].isspace()) or (not glued and is_value_cell(before or rest)):
        return None
    kind = _wrapped_line(before + rest)
    return kind if glued or kind in ("glued", "labels") else None


def _no_wrapped_run(segments: Sequence[Segment], page_lines: Collection[str]) -> bool:
    """Whether :func:`_wrapped_glued_runs` surely finds no run in ``segments``: no line shows glued text or labels
    touching each other (the only ones a blank line does not end), and each line that may take part in a run is
    followed by one that ends it, blank or no such piece nor skipped (a table of a cell a line: its cells apart).

    The lines' kinds are read in C (:func:`_wrapped_line`, cached), then only the lines that may take part in a run
    are looked at, so that most sections, which hold no run, do not pay the walk of every line.
    """
    texts = [*map(_SEGMENT_TEXT, segments), ""]  # ('': the text's end, which ends a run)
    kinds = list(map(_wrapped_line, texts))
    if "glued" in kinds or "labels" in kinds:
        return False
    for i in itertools.compress(itertools.count(), kinds):  # (the lines of a kind: the pieces a run may hold)
        after = texts[i + 1]
        if after.strip() and (kinds[i + 1] is not None or _skipped_in_run(after, page_lines)):
            return False  # (a piece or a skipped line after it: the run may go on, walked line by line)
    return True



def _skipped_in_run(text: str, page_lines: Collection[str] = ()) -> bool:
    """Whether a line inside a run of wrapped glued text is none of its text: blank, page furniture, or one of the
    report's ``page_lines``."""
    text = text.strip()
    return not text or _furniture(text) or text in page_lines


@functools.lru_cache(maxsize=4096)  # asked of every line of a run; a running header recurs on every page
def _furniture(text: str) -> bool:
    """A page number, a print stamp, the report's title repeated as a running page header, a table's footnote
    at a page's foot ('注:1.本表数据截至…', formats.yaml ``footnote``), whose digits are no cells, or the table's
    caption repeated at the next page's top ('续表', formats.yaml ``continuation_caption``)."""
    return is_furniture(text) or is_footnote(text) or is_continuation_caption(text)


def _label_across(before: str, after: str) -> str | None:
    """What two lines joined hold across the line end that neither holds alone.

    'digits': a label of the format followed by digits, the label broken by the line end ('…尚未审结总' then
    '计000000000000000'), or ending a line of several cells ('…尚未审结总计' then '110024001510102'; not a
    line that is one cell, as in a table of a cell a line: '一、本年新收政府信息公开申请数量' then '3');
    'label': a label broken by the line end ('…其他结果尚' then '未审结总计'); None: neither.
    """
    before = _compact(before.strip())
    head = before[-40:]
    window = head + _compact(after.strip())[:40]
    found = None
    for m in _glued_pattern().finditer(window):
        if m.start() < len(head) <= m.end():
            if m.end() < len(window) and window[m.end()].isdigit() and (
                    m.end() > len(head) or len(before) > len(m.group(0))):
                return "digits"
            if m.end() > len(head):
                found = "label"
    return found


def _compact(text: str) -> str:
    """Glued page text without its stray spaces: those inside labels (社会公益 组织) and those between a label
    and digits go; spaces between digits separate cells and stay, and so do those around a dash set apart, a
    blank's mark ('申请数量 0 - - 0 0 0 0', '总计 4 — — 0 4'): dropped, the marks ran together and into the
    digits ('0--0', a glued run of signs with no reading; '0——0', two marks read as one), the row lost."""
    if ("-" in text or "—" in text or "―" in text) and _DASH_APART.search(text):  # (a cheap test first)
        parts = _DASH_APART.split(text)  # (text, mark, text, …)
        return " ".join(p if i % 2 else _compact(p).strip() for i, p in enumerate(parts)).strip()
    return _SPACE_BETWEEN.sub("", _SPACE_IN_LABEL.sub("", text))


_DASH_APART = re.compile(r"(?<!\S)([—―-]+)(?!\S)")


# (a run of spaces whole, bounded by no space: looked at from inside a run, '302  142' read a space as the non-digit
# beside the other, so both went and the digits ran together, '302142')
_SPACE_IN_LABEL = re.compile(r"(?<=[^\d ]) +(?=[^\d ])")
_SPACE_BETWEEN = re.compile(r"(?<=[^\d ]) +(?=\d)|(?<=\d) +(?=[^\d ])")


def _add_glued(stream: _Stream, pieces: list[tuple[str, int]]) -> None:
    """Add the cells of glued page text (:func:`_glued_cells`) to ``stream`` as rows of their own."""
    stream.flush()
    for cell in _glued_cells(pieces):
        stream.add(cell)
    stream.flush()


def _glued_cells(pieces: list[tuple[str, int]]) -> list[Cell]:
    """Cut glued page text into label cells and digit-run cells.

    ``pieces`` are (text, line): one line, or the lines of wrapped page text, joined here as they were
    before the wrap; a cell stands on the line where it starts.
    """
    starts: list[int] = []
    lines: list[int] = []
    compact_parts: list[str] = []
    at = 0
    for text, line in pieces:
        # (a stray '|' typed into the text, by a copy from a page: no sure break between two cells, it may cut a
        # label or a number, '…行政事业性|收费15-15…', '…行政处罚2|6-26…'; read as the text without it)
        part = _compact(text.replace("|", ""))
        starts.append(at)
        lines.append(line)
        compact_parts.append(part)
        at += len(part)
    compact = "".join(compact_parts)

    def line_at(pos: int) -> int:
        return lines[bisect.bisect_right(starts, pos) - 1]

    cells: list[Cell] = []
    pos = 0
    for match in _glued_pattern().finditer(compact):
        if match.start() > pos:
            cells.extend(_value_cells(compact, pos, match.start(), line_at))
        cells.append(Cell(match.group(0), line_at(match.start())))
        pos = match.end()
    if pos < len(compact):
        cells.extend(_value_cells(compact, pos, len(compact), line_at))
    return cells


# A number glued to the next heading of the page ('5949.09(二)主动公开政府信息的主要类别…').
_NUMBER_BEFORE_HEADING = re.compile(r"([+-]?\d[\d.,+-]*)(?=\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)")


def _value_cells(text: str, start: int, end: int, line_at) -> list[Cell]:
    """The cells of ``text[start:end]``, between two labels: digit runs and other words; ``line_at`` gives
    the line of a position."""
    out: list[Cell] = []
    for found in _TOKEN.finditer(text, start, end):
        token, line = found.group(0), line_at(found.start())
        if found.start() == start > 0 and token[:1] == ":" and _DIGIT_RUN.fullmatch(token, 1):
            # a colon between the label and its values ('行政强制：54'): no cell (read as a word, ':54', the value was
            # lost, flagged not_a_number)
            token = token[1:]
        if _DASHES.search(token) and _DASHED_RUN.fullmatch(token):
            # dashes, the blank mark, run together with digits ('行政强制—36—', '36--'; a hyphen before a digit
            # may be its sign: left to the digit run): each run of dashes a cell, a mark, or, where it is no one
            # mark ('规章———', several cells' marks), a glued run the tables stage cuts into its row's cells; the
            # digits between a glued run. Read as one word, or the hyphens as signs, the row was lost
            # (missing_rows, or ambiguous_digits with no reading)
            out.extend(Cell(piece, line, glued=piece not in NA_MARKS) for piece in _DASHED_PIECE.findall(token))
        elif _DIGIT_RUN.fullmatch(token):
            out.append(Cell(token, line, glued=True))
        elif "/" in token and _SLASHED_RUN.fullmatch(token) and not _RATIO.fullmatch(token):
            # not-applicable marks '/' run together with each other or with digits ('规章///', '/ / /' whose spaces
            # the compacting dropped, '行政强制/0/'): each '/' a cell of its own, a mark, and the digits between them
            # a glued run; read as one word, the row was lost (missing_rows) with the values beside the marks
            out.extend(Cell(piece, line, glued=piece != "/") for piece in _SLASHED_PIECE.findall(token))
        else:
            number = _NUMBER_BEFORE_HEADING.match(token)
            if number:
                out.append(Cell(number.group(1), line, glued=True))
                token = token[number.end():]
            out.append(Cell(token, line))
    return out


_TOKEN = re.compile(r"\S+")
_DIGIT_RUN = re.compile(r"[+-]?[\d.,+-]+")
# marks '/' and digit runs run together ('///', '/0/', '2/////2'), but not a ratio or date of digits between slashes
_SLASHED_RUN = re.compile(r"(?:/|[+-]?\d[\d.,]*)+")
_SLASHED_PIECE = re.compile(r"/|[+-]?\d[\d.,]*")
_RATIO = re.compile(r"\d[\d.,]*(?:/\d[\d.,]*)+")
# runs of dashes ('—', '―', or hyphens before no digit: a hyphen before one may be a sign) and digit runs run
# together ('—36—', '36---'); the token is left to _DIGIT_RUN where a hyphen only ever stands before a digit
_DASHES = re.compile(r"[—―]|-(?!\d)")
_DASHED_PIECE = re.compile(r"—+|―+|-++(?!\d)|(?:[+-]?\d[\d.,]*)+")
_DASHED_RUN = re.compile(rf"(?:{_DASHED_PIECE.pattern})+")


# --- a pre-2019 statistics table glued into one line of page text ------------------------------------------

# a glued row's value: digits, perhaps a decimal part (not the stop of an item number '2.'), or a not-applicable
# mark set apart by spaces or cell marks on both sides ('条\r—\r4.', seed 000's layout; '条无4.' is no value), or
# a dash, which is no word nor a sign, also run together ('件—1.当面申请数', page text)
_SET_MARK = (rf"(?<=[\s|])(?:{_MARK})(?=[\s|]|$)"
             rf"|(?:{alternation([m for m in NA_MARKS if set(m) <= {'—', '―'}])})(?![—―])"
             # (another mark but 无, which may open a word, run into the next row's start: its Chinese or Arabic
             # item number, 其中 or a word, or the text's end: '件-七、', '件/(二)', '件-1﹒当面申请数', '件/涉及…')
             rf"|(?:{alternation([m for m in NA_MARKS if m != '无' and not set(m) <= {'—', '―'}])})"
             rf"(?={_CN_NUMBERING}|\d\d?[.、﹒](?!\d)|其中|$|[{HAN_RANGES}])"
             # (无 only before the next row's item number, 其中 or the text's end, where it opens no word: '件无十八、'
             # was no value, so the row and the next were lost, unflagged; it is read as in a pipe row, NA)
             rf"|无(?={_CN_NUMBERING}|\d\d?[.、﹒](?!\d)|其中|$)")
# a signed value set apart on both sides by cell bounds, cell marks or spaces ('件\r-675\r', a cell a line;
# '件 | -675 |七、', '件 -675 七、'): a cell the tables stage flags (negative_value, signed_value), as a pipe row's
# '-675'; in text run together only before the next row's Chinese item number ('件-675七、'): a blank cell's mark
# '-' would leave 675 the value of no row there (it was lost, flagged unlabelled_values), while before an Arabic
# one ('件-1﹒当面申请数') '-' is the mark
_SIGNED_CELL = rf"(?<=[\s|])[+-]\d[\d,]*(?:\.\d+)?(?=[\s|]|$)|[+-]\d[\d,]*(?:\.\d+)?(?={_CN_NUMBERING})"
# a value in words alone between cell bounds (a cell a line: '条\r三\r3﹒…', '条\r约3\r'): a count in Chinese numerals
# or a number with a word or two around it, for the tables stage to read ('三': 3) or flag not_a_number ('约3'), as in
# a ruled table; it was no cell, the row not found, and the whole table lost (table_missing)
# (no counted repeats: the pattern goes into patterns that str.format fills)
_WORD = r"[^\d\s|、,，。;；:：()（）]"
_HAN_WORD = f"[{HAN_UNIFIED}]"  # (the common characters, as tables._WORDS_VALUE reads them)
# (a number with words before it: '约3', '大约3件', or a hedge after it (formats.yaml hedges_after), a unit's
# character before or after that: '3左右', '3件左右', '12余' (it was read 3 and 12, the hedge dropped unsaid),
# '30余件', '3件以上'; report._cells_on_lines_apart bounds it as a lone cell)
_HEDGE_AFTER = alternation(load_formats()["hedges_after"])
HEDGED_NUMBER = (rf"{_WORD}{_WORD}?{_WORD}?\d[\d,]*(?:\.\d+)?{_WORD}?{_WORD}?{_WORD}?{_WORD}?"
                 rf"|\d[\d,]*(?:\.\d+)?{_HAN_WORD}?(?:{_HEDGE_AFTER}){_HAN_WORD}?")
# (and a short value in words, '暂无', '不适用', for the tables stage to flag not_a_number: it was dropped unseen, NA;
# not a local item's label, whose unit's short cell follows it: '\r其他\r条\r')
_WORDS_CELL = (rf"{_HAN_WORD}{_HAN_WORD}{_HAN_WORD}?{_HAN_WORD}?{_HAN_WORD}?{_HAN_WORD}?"
               r"(?=\r(?![^\r][^\r]?[^\r]?[^\r]?\r)|$)")
# (a count in words or hedged with a space or two inside the cell, only where cell bounds stand on both sides: a hedge
# after a number, '3 件左右', '3件 左右', '3 件 左右' (it was read 3, the rest dropped unsaid), one before it
# (formats.yaml hedges_before: '约 3', '大约 3件', '约3 件', '约 3 件'), a unit after Chinese numerals ('三 件'), a
# space between two Chinese numerals ('十 二', which the tables stage reads 12): no cell, the table was lost; a space
# that is no cell's bound, not '\r'; not between two Arabic digits, '1 2', which may be two counts. The lookahead
# asks for a space: without one, HEDGED_NUMBER and the numerals' own pattern take the cell)
_SPACE_IN_CELL = r"[^\S\r\n]"
_COUNT_UNITS = alternation([*cell_units()["count"], *cell_units()["people"]])
_HEDGE_BEFORE = alternation(load_formats()["hedges_before"])
_OPT_SPACE = f"{_SPACE_IN_CELL}?"
_SPACED_COUNT = (rf"(?=[^\r\n]*?{_SPACE_IN_CELL})"
                 rf"(?:\d[\d,]*(?:\.\d+)?{_OPT_SPACE}{_HAN_WORD}?{_OPT_SPACE}(?:{_HEDGE_AFTER}){_HAN_WORD}?"
                 rf"|(?:{_HEDGE_BEFORE}){_OPT_SPACE}\d[\d,]*(?:\.\d+)?{_OPT_SPACE}{_HAN_WORD}?"
                 rf"|[{_CN_COUNT_CHARS}]+(?:{_SPACE_IN_CELL}[{_CN_COUNT_CHARS}]+)*{_OPT_SPACE}(?:{_COUNT_UNITS})?)")
# a number with a footnote mark after it ('245*', '245注', '245注1', '245[1]', '245(注)', '245①' normalized '245(1)'),
# which the tables stage reads or flags (not_a_number, value_note), as in a pipe row: one cell a line with pipes it
# was no value, the next item's label, unit and mark ran into the row (extra_cells), the value and that item's row
# lost; between blank lines its mark was dropped unsaid ('245*' read 245, unflagged)
# (no counted repeats: the pattern goes into patterns that str.format fills)
_MARK_SYMBOL = f"[{FOOTNOTE_SYMBOLS}]"
_MARKED_NUMBER = (rf"\d[\d,]*(?:\.\d+)?(?:{_MARK_SYMBOL}{_MARK_SYMBOL}?{_MARK_SYMBOL}?\d?\d?|\[注?\d?\d?\]|注\d?\d?"
                  r"|\^\d\d?|\(\d\d?\)|\(注\d?\d?\))")
# numbers set apart by spaces, a cell's whole text ('1 2'): in a table of one value column no count as written (the
# tables stage flags it not_a_number, as a pipe row's), in one of several the row's values (_values_apart); between
# blank lines the '2' ran into the next item's number ('23.', ambiguous_digits) and 1 was read, with pipes the next
# item's label, unit and mark ran into the row (extra_cells)
_NUMBERS_IN_CELL = rf"\d[\d,]*(?:\.\d+)?(?:{_SPACE_IN_CELL}+\d[\d,]*(?:\.\d+)?)+"
_WORD_CELL = (rf"(?<=\r)(?:(?:[{_CN_COUNT_CHARS}]+|{HEDGED_NUMBER}|{_SPACED_COUNT}|{_MARKED_NUMBER}"
              rf"|{_NUMBERS_IN_CELL})(?=\r|$)|{_WORDS_CELL})")
_GLUED_CELL = rf"{_WORD_CELL}|\d[\d,]*(?:\.\d+)?|{_SET_MARK}|{_SIGNED_CELL}"  # (a hedge after digits: words first)
# a count in Chinese numerals, its unit of counts or people after it or not, or a hedged number as a cell's whole
# text ('三', '三件', '约3', '3件左右'; a ruled table's '三件' is NA, flagged not_a_number)
_COUNT_IN_WORDS = re.compile(rf"[{_CN_COUNT_CHARS}]+(?:{_COUNT_UNITS})?|{HEDGED_NUMBER}")
_NUMERALS = frozenset(f"{_CN_COUNT_CHARS}0123456789")
_CN_NUMERALS = frozenset(_CN_COUNT_CHARS)
_ONE_SPACE = re.compile(r"\s")
_MOST_SPACES = 3  # (in a count in words: '三 十 五 件'; a line with more is text)


def _is_count_in_words(text: str) -> bool:
    """Whether ``text``, a cell a line, is a count in words or hedged (``_COUNT_IN_WORDS``), with a space or two
    inside it or not ('约 3', '约 3 件', '3 件左右', '三 件' as '约3', '约3件', '3件左右', '三件': the row's last value,
    not the next row's label). A space between two Chinese numerals too ('十 二', which the tables stage reads 12),
    not between two Arabic digits ('1 2', which may be two counts). (The glued-text reader's pattern takes one only
    in a cell alone between cell bounds, ``_SPACED_COUNT``.)"""
    if _COUNT_IN_WORDS.fullmatch(text):
        return True
    parts = _ONE_SPACE.split(text)
    if not 1 < len(parts) <= _MOST_SPACES + 1 or not all(parts):
        return False
    for before, after in zip(parts, parts[1:]):
        left, right = before[-1], after[0]
        if left in _NUMERALS and right in _NUMERALS and not {left, right} <= _CN_NUMERALS:
            return False
    return _COUNT_IN_WORDS.fullmatch("".join(parts)) is not None


# the same values in words as a cell's whole text ('三', '约3', '暂无'), for a table one cell a line with pipes; and a
# number with a footnote mark after it (_MARKED_NUMBER), or numbers set apart by spaces (_NUMBERS_IN_CELL)
_WORD_VALUE = re.compile(rf"{_COUNT_IN_WORDS.pattern}|{_HAN_WORD}{{2,6}}|{_MARKED_NUMBER}|{_NUMBERS_IN_CELL}")


def _word_value_after_unit(cells: Sequence[Cell]) -> bool:
    """Whether the last of a statistics table's row ``cells`` is a value in words (``_WORD_VALUE``) right after the
    row's unit: its value, a cell a line, which ends the row (a blank value leaves its mark, '条 | |', so a word
    there is no next item's label; one space inside it or not: '约 3', '三 件'; a number with a footnote mark,
    '245*'; a count in brackets, '(0)', read NA and flagged not_a_number as a ruled table's)."""
    return len(cells) >= 2 and cells[-2].text in vocabulary().legacy_units and not cells[-1].glued \
        and (_WORD_VALUE.fullmatch(cells[-1].text) is not None or _is_count_in_words(cells[-1].text)
             or _BRACKETED_COUNT.fullmatch(cells[-1].text) is not None)
# a value run together before the next row
_GLUED_VALUE = re.compile(rf"[\s|]*({_GLUED_CELL})?")
# a count in brackets right after a row's unit in page text ('件(0)(二)…', a cell a line joined): the row's value as
# written, NA and flagged not_a_number by the tables stage as a ruled table's '(0)' is (it was left between the rows,
# dropped unseen as a note in brackets, the row read blank)
_GLUED_BRACKETED = re.compile(rf"[\s|]*({_BRACKETED_COUNT.pattern})(?![\d,.])")


def _glued_value(text: str, pos: int = 0, endpos: int = sys.maxsize) -> tuple[str, int]:
    """The value run together before the next row at ``pos`` of ``text`` ('' where none) and where its cell marks
    or spaces then it end (_GLUED_VALUE, of optional parts only: it always matches).  A unit of money written
    after it in its cell ('3500元' between cell bounds, a cell a line) is the value's, as a pipe row's cell keeps
    it: the tables stage reads it in 万元 (the value was 3500 in a 万元 row, its 元 dropped)."""
    v = _GLUED_VALUE.match(text, pos, endpos)
    if v is None:
        return "", pos
    value, end = v.group(1) or "", v.end()
    if value and end < len(text):
        first, after = _money_after()
        if text[end] in first and (money := after.match(text, end, endpos)):  # (a cheap test first)
            return value + money.group(), money.end()
    return value, end


@functools.lru_cache(maxsize=1)
def _money_after() -> tuple[frozenset[str], re.Pattern[str]]:
    """(the first characters of the units of money, formats.yaml ``cell_units.money``; a unit of money right after
    a glued value, before its cell's bound, a carriage return, a cell mark or a space, the text's end, or the next
    row's item number or its words of parts: '3500元' a cell a line, '3500元八、机构建设…'; the item number may end
    the text looked at, the gap before the next row's label: '3500元2﹒' before '兼职人员数', whose 元 was left
    out, the value read as 3500万元)."""
    units = list(cell_units()["money"])
    return frozenset(u[0] for u in units), re.compile(rf"(?:{alternation(units)}){_value_bound().pattern}")


@functools.lru_cache(maxsize=1)
def _value_bound() -> re.Pattern[str]:
    """Where a glued value's cell ends, after its unit (`_money_after`, `_own_unit_end`): before a carriage return, a
    cell mark or a space, the text's end, or the next row's item number or its words of parts."""
    return re.compile(rf"(?=[\s|]|$|{_CN_NUMBERING}|\d{{1,2}}[.、﹒](?:\D|$)|(?:{_sub_item()})[:：])")


def _own_unit_end(text: str, pos: int, unit: str, starts: Sequence[int] = ()) -> int | None:
    """Where a glued row's own unit, repeated right after its value at ``pos`` in a table with a unit column,
    ends ('条 | 36条2﹒政府网站…': the cell '36条'), or None where the text there is not that unit then a bound, as a
    unit of money after a value is bounded (`_money_after`): the unit was left over before the next item's number
    ('条2.'), flagged unlabelled_values as if a value had been lost, though the value was read.  A line's start
    in ``starts`` (the offsets of the lines joined into ``text``) bounds it too: the table's last value, its unit,
    then the next paragraph ('件7件' / '说明:…')."""
    if not unit or not text.startswith(unit, pos):  # (a cheap test first)
        return None
    end = pos + len(unit)
    return end if _value_bound().match(text, end) or _opens_line(starts, end) else None


def _unit_to_line_end(text: str, pos: int, starts: Sequence[int]) -> re.Match[str] | None:
    """A unit of the legacy tables right at ``pos`` that ends its line (a line of ``starts`` opens after it, whatever
    it opens with: '0件' / '2018年2月28日'), or None: in a table with no unit column, the last value's unit then the
    text after the table on the next line bounds the value, as the unit before a word does."""
    unit = _legacy_unit().match(text, pos)
    return unit if unit is not None and _opens_line(starts, unit.end()) else None


def _opens_line(starts: Sequence[int], pos: int) -> bool:
    """Whether one of the lines joined into a text opens at ``pos`` (``starts``: their offsets, in order)."""
    k = bisect.bisect_left(starts, pos)
    return k < len(starts) and starts[k] == pos


@functools.lru_cache(maxsize=1)
def _legacy_unit() -> re.Pattern[str]:
    """One of the units of the legacy tables (formats.yaml ``legacy``: its rows' units and ``extra_units``)."""
    return re.compile(alternation(vocabulary().legacy_units))


# values set apart by spaces after a row's unit ('480 481'), not run into an item number after them ('36 2.')
_VALUES_APART = re.compile(r"\s*(\d[\d,]*(?:\.\d+)?(?:\s+\d[\d,]*(?:\.\d+)?)+)(?![\d.、])")
# cells alone on their lines between blank lines (seed 000's layout: report._cells_on_lines_apart made the blank
# lines carriage returns, a blank cell's trace a '|'): a value each, though fewer than the table's value columns
# (a blank one that left no trace)
_CELLS_ON_LINES = re.compile(rf"\r((?:{_GLUED_CELL}|\|)(?:\r(?:{_GLUED_CELL}|\|))*)(?:\r|$)")
# a local item's label not numbered, a cell between cell bounds ('0' / '' / '本地特色信息数' / '' / '条', seed 000's
# layout), as a pipe row's label is
_UNNUMBERED = r"[^\d|()（）。;；:：\s]{2,30}(?=\r)"
# what bounds a local item's text after it (its value's end): the next Chinese item number, the text's end, or an
# Arabic item number or a label not numbered after a cell's bound ('5\r1.', '条\r互联网+政务服务\r': seed 000's
# layout, where a blank value cell leaves no line)
_OTHER_END = re.compile(rf"[\s|]*(?:{_CN_NUMBERING}|$)|\r(?:\d{{1,2}}[.、]|{_UNNUMBERED})")
# an item number at the end of the text before a label: '2.' or '2、', after the value and a cell mark
_ARABIC_ITEM_FORM = r"(\d{{1,2}})[.、]\s*(?:(?:{sub})[:：])?\s*$"


@functools.lru_cache(maxsize=1)
def _sub_item() -> str:
    """The words that open an item's parts ('其中', formats.yaml ``legacy.sub_item_words``) as an alternation."""
    return alternation(load_formats()["legacy"]["sub_item_words"])


# Words after a sub-row's 其中: run into a known item's label (no digit, cell bound or punctuation): the start of
# a local sub-row's label ('其中:本地' of '其中:本地网络申请数')
_SUB_ROW_WORDS = r"[^\d|()（）。;；:：,，、.\s]{0,20}"


@functools.lru_cache(maxsize=1)
def _sub_row_label() -> re.Pattern[str]:
    """A row's label opened by an item's parts' words and a colon ('其中:当面申请数'), no item number of its own."""
    return re.compile(rf"(?:{_sub_item()})[:：]")


# A local sub-row not numbered in page text with no cell bounds, at the end of the text between two rows, its value
# (or a cell then the value) run into the next row's Arabic item number ('其中:本地公报数条122.', then 政府网站…):
# 其中: bounds its label, the numbering where its value ends (``{sub}``, ``{units}``: alternations)
_GLUED_SUB_ROW = (r"(?P<label>(?:{sub})[:：][^\d|()（）。;；:：\s]{{2,30}}?)(?:\s*[(（][^()（）\n]{{0,60}}[)）])?"
                  rf"[\s|]*(?P<unit>{{units}})[\s|]*(?:(?P<value>{_GLUED_CELL})[\s|]+)?(?P<run>\d[\d,]*)?[.、]\s*$")


@functools.lru_cache(maxsize=1)
def _glued_sub_row() -> re.Pattern[str]:
    """A local sub-row before the next row's item number (``_GLUED_SUB_ROW``)."""
    return re.compile(_GLUED_SUB_ROW.format(sub=_sub_item(), units=alternation(vocabulary().legacy_units)))


# A label opened by an item's number, Arabic or Chinese ('5.', '(三)', '四、'): the items before it are not
# counted as its parts (_sub_row_since)
_NUMBERED_LABEL = re.compile(rf"\d{{1,2}}[.、﹒．]|{_CN_NUMBERING}")


def _sub_row_since(items: list[tuple[str, str]]) -> bool:
    """Whether a sub-row not numbered ('其中:不同意公开答复数') is among the ``items`` (label, unit) since the last
    one numbered: the sub-row itself last, or its parts after it, not numbered either ('涉及国家秘密' …)."""
    for label, _unit in reversed(items):
        if _sub_row_label().match(label):
            return True
        if _NUMBERED_LABEL.match(label):
            return False
    return False


@functools.lru_cache(maxsize=1)
def _group_heading() -> re.Pattern[str]:
    """A group heading whose items follow ('(四)申请来源', formats.yaml ``legacy.parents``), with its number."""
    labels = [lab for labs in load_formats()["legacy"].get("parents", {}).values() for lab in labs]
    return re.compile(rf"{_CN_NUMBERING}?(?:{alternation(labels)})")


@functools.lru_cache(maxsize=1)
def _arabic_item() -> re.Pattern[str]:
    """An item number at the end of the text before a label: '2.' or '2、' (perhaps with 其中:)."""
    return re.compile(_ARABIC_ITEM_FORM.format(sub=_sub_item()))


# What may stand between a glued row's label and its unit: a name after a colon, a note in brackets (then cell
# marks and spaces); and the same read backwards (see may_hold_glued_rows).
_ROW_NAME = r"(?:[:：][^\d|()（）。;；]{0,20}?)?"
_ROW_NOTE = r"(?:\s*[(（][^()（）\n]{0,60}[)）])?"
_ROW_NAME_BACK = r"(?:[^\d|()（）。;；]{0,20}[:：])?"
_ROW_NOTE_BACK = r"(?:[)）][^()（）\n]{0,60}[(（]\s*)?"
# a known item's label after a comma is the end of a longer label ('本地特色信息数,其他' is no 其他), as a pipe
# row's cell tells; and the same read backwards
_LABEL_GOES_ON = r"(?<![,，])"
_LABEL_GOES_ON_BACK = r"(?![,，])"


@functools.lru_cache(maxsize=1)
def _glued_row_pieces() -> tuple[list[str], str, str]:
    """(the labels, the units as an alternation, the lookahead after a unit) of a glued statistics-table row."""
    fm = load_formats()["legacy"]
    labels = [lab for lab, _u, _p in fm["rows"].values()]
    labels += [lab for labs in fm.get("aliases", {}).values() for lab in labs]
    label = alternation(labels, spaced=True)
    after = (rf"(?=[\s|]*(?:\d|$|[(（]|{_CN_NUMBERING}|{_sub_item()}|{label}|{_SET_MARK}|{_SIGNED_CELL})"
             rf"|\r(?:{_WORD_CELL}|{_UNNUMBERED}))")
    return labels, alternation(vocabulary().legacy_units), after


@functools.lru_cache(maxsize=1)
def _glued_row_ends() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a unit with what may follow a glued row's, the text before a row's unit read backwards: label first)."""
    labels, units, after = _glued_row_pieces()
    back = alternation([lab[::-1] for lab in labels], spaced=True)
    return (re.compile(rf"(?:{units}){after}"),
            re.compile(rf"[\s|]*{_ROW_NOTE_BACK}{_ROW_NAME_BACK}(?:{back}){_LABEL_GOES_ON_BACK}"))


def may_hold_glued_rows(text: str) -> bool:
    """Whether a glued row (the second of ``glued_legacy_patterns``) stands anywhere in the text.

    The same answer as that pattern's search, found from the units instead: a unit followed as a row's is,
    then its label before it, matched on the text reversed.  The search for some fifty labels at every
    character one may start with costs about 1 M instructions a report; a report's units are few, and most
    stand after numbers (480条) or in cells, after no label.
    """
    unit_at, label_before = _glued_row_ends()
    back = None
    found = unit_at.search(text)
    while found is not None:
        if back is None:
            back = text[::-1]
        if label_before.match(back, len(text) - found.start()):
            return True
        found = unit_at.search(text, found.start() + 1)  # each unit's start (a shorter unit inside a longer)
    return False


@functools.lru_cache(maxsize=1)
def glued_legacy_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(header, known row, other item) of a statistics table run together in page text (formats.yaml ``legacy``).

    The header: the label column's header word followed by the unit column's and a value or code column's
    (``统计指标单位统计数``, ``统 计 指 标 | 单位 | 统计数``, ``指标名称计量单位代码``), or by a value column's of three
    characters or more (``统计指标统计数``; 年度 and 合计 start words of a sentence too), so that a sentence merely
    naming 统计指标 is none.  A known row: an item's label, a name after its colon (``政务微信名称:高港微住建,
    公开政府信息数``), a note in brackets, then its unit, followed by a value, a cell mark, an item number or
    another label (prose puts the number before the unit).  An item not in the format's rows (a local addition)
    only between Chinese item numbers (``十四、政务服务事项不见面占比%80十五、``), where its label, unit and value
    have sure bounds.
    """
    fm = load_formats()["legacy"]
    sep = r"[\s|:：]*"
    unit_header = alternation(fm["unit_headers"], spaced=True)
    column = alternation(list(fm["value_headers"]) + list(fm["code_headers"]), spaced=True)
    long_value = alternation([w for w in fm["value_headers"] if len(w) >= 3], spaced=True)
    # (a column of the report's year may stand between the label column and the unit's: _year_beside_label)
    # (and a code column may: 指标名称 | 统计代码 | 计量单位 | …, group ``code_first``; glued_legacy_rows blanks the codes)
    header = re.compile(rf"(?:{alternation(fm['label_header_words'], spaced=True)}){sep}"
                        rf"(?:(?:{alternation(fm['year_headers'], spaced=True)}){sep}(?={unit_header}))?"
                        rf"(?P<code_first>(?:{alternation(fm['code_headers'], spaced=True)}){sep}(?={unit_header}))?"
                        rf"(?:(?:{unit_header}){sep}(?:{column})|(?P<no_unit>{long_value}))[\s|]*")
    labels, units, after = _glued_row_pieces()
    label = alternation(labels, spaced=True)
    row = re.compile(rf"{_LABEL_GOES_ON}(?P<label>{label}){_ROW_NAME}{_ROW_NOTE}[\s|]*(?P<unit>{units}){after}")
    # (a local item's value ends for certain before the next row's 其中: too, '其中:本地公民数件4其中:律师')
    return header, row, re.compile(_other_item(units, rf"(?={_OTHER_END.pattern}|[\s|]*(?:{_sub_item()})[:：]\s*$)",
                                               sub_rows=True))


@functools.lru_cache(maxsize=1)
def _unitless_row() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a known row, a unit after its value, a local item: its value then its unit) of a glued statistics table
    with no unit column (header ``统计指标统计数``, each count's unit written after it in its cell, or none:
    ``主动公开政府信息数`` / ``480条``).

    The row: an item's label, a name after its colon, a note in brackets, its unit group empty, followed as a
    glued row's unit is (a value, an item number, another label …).  The unit after a value: one of the units,
    then no digit but an item number's ('480条2.政府网站…'), so that it stays in the value's cell ('480条', read as
    the pipe rows read that cell)."""
    labels, units, after = _glued_row_pieces()
    label = alternation(labels, spaced=True)
    # (its note no Chinese item number: '信函申请数(二)申请办结数' is two rows, where a unit stood between them)
    note = rf"(?:\s*(?!{_CN_NUMBERING})[(（][^()（）\n]{{0,60}}[)）])?"
    return (re.compile(rf"{_LABEL_GOES_ON}(?P<label>{label}){_ROW_NAME}{note}(?P<unit>){after}"),
            # (a unit whole: '人次' before digits is no '人' before '次')
            re.compile(rf"(?>{units})(?:(?!\d)|(?=\d{{1,2}}[.、﹒](?:\D|$)))"),
            re.compile(_other_item(units, rf"(?={_OTHER_END.pattern}|[\s|]*(?:{_sub_item()})[:：]\s*$)", sub_rows=True,
                                   unit_after=True)))


# A row's code in a code column between its label and its unit (Gansu: 1, 1.1, 2.1 or 01 …), set apart from both
# by cell bounds or spaces; ``{units}``: the units' alternation.
_ROW_CODE = r"(?<=[\s|])\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}(?=[\s|]+(?:{units}))"


# A row's code of three levels or more (Gansu: 3.3.1) set apart as a cell, in a code column after the unit's
_DOTTED_CODE = re.compile(r"(?<=[\s|])\d{1,2}(?:\.\d{1,2}){2,3}(?=[\s|])")
# A row's code of two digits run into its values ('条01120480': 01, then 120480)
_GLUED_CODE = re.compile(r"(\d\d)(?![.,])")
_ZERO_PADDED = re.compile(r"0\d")


def _codes_run_in(values: list[str | list[str] | None], several: bool) -> list[str | list[str] | None] | None:
    """The values of a table with a code column whose rows' codes ran into them ('01120480'), each less its code,
    where the codes are certain; None where they are not.

    Certain: each run opens with two digits, the first run's a 0 and another digit (a code column written 01 … 09
    writes each code in two digits: the statistics bureau's 01 … 35), rising from row to row, and in a table of one
    value column (not ``several``) its value after it no zero-padded count ('0400': no code was there; of several
    columns, '00' is two zeros). A code of one digit or of several levels ('1', '3.3.1') leaves where a code ends
    unknown.
    """
    out: list[str | list[str] | None] = []
    last = -1
    for value in values:
        if value and isinstance(value, str):
            if (code := _GLUED_CODE.match(value)) is None or int(code.group(1)) <= last \
                    or (last < 0 and not value.startswith("0")) or not several and _ZERO_PADDED.match(value, 2):
                return None
            last = int(code.group(1))
            value = value[2:]
        out.append(value)
    return out if last >= 0 else None


@functools.lru_cache(maxsize=1)
def _row_code() -> re.Pattern[str]:
    """A row's code before its unit (``_ROW_CODE``), in a statistics table whose code column stands between the
    label and the unit column."""
    return re.compile(_ROW_CODE.format(units=_glued_row_pieces()[1]))


def _other_item(units: str, end: str, sub_rows: bool = False, unit_after: bool = False) -> str:
    """A local item's pattern (``glued_legacy_patterns``' third), its text after it bound by ``end``; with
    ``sub_rows``, also a sub-row not numbered that its words open ('其中:本地业务数件7十二、'), with no cell bound
    before it: 其中: bounds its label as an item number does; with ``unit_after``, of a table with no unit column,
    its value then its unit, if any ('十四、政务服务事项不见面占比80%十五、')."""
    # (a label not numbered may open with the words of an item's parts: '其中:本地特色信息数')
    sub = rf"|(?:{_sub_item()})[:：][^\d|()（）。;；:：\s]{{2,30}}?" if sub_rows else ""
    label = rf"(?P<label>{_CN_NUMBERING}[^\d|()（）。;；:：]{{2,30}}?|(?<=\r)(?:(?:{_sub_item()})[:：])?{_UNNUMBERED}{sub})"
    if unit_after:
        # (the unit may be left out, a bare count: '十一、政务服务事项业务数\r636\r十二、'; where written, it bounds
        # the value, whatever text follows: '二十、提交电子证照数0件说明:…')
        return (rf"{label}{_ROW_NOTE}[\s|]*(?P<cells>(?P<value>\d[\d,]*(?:\.\d+)?))"
                rf"(?:(?P<unit>(?>{units}))(?:(?!\d)|{end})|{end})")
    return (rf"{label}"
            rf"{_ROW_NOTE}"
            rf"[\s|]*(?P<unit>{units})"
            rf"(?P<cells>[\s|]*(?P<value>{_GLUED_CELL}|{_BRACKETED_COUNT.pattern})?"
            rf"(?:[\s|]+(?:{_GLUED_CELL})(?![\d.、])|\s*\|)*){end}")


@functools.lru_cache(maxsize=2)
def _last_other_items(unit_after: bool = False) -> re.Pattern[str]:
    """A local item after the table's last known row: bound as ``glued_legacy_patterns``' third, or by text after
    its value ('二十、提交电子证照数件0说明:…', the table's last row, then a note or the prose), where the value's
    digits end for certain (no digit, stop or separator after them), or after a dash or a cell mark (a blank cell's
    mark: '件—说明', '件 | |说明'), or before a note's first number ('件01.说明': 0), or a cell's bound after the value
    (a cell a line, blank lines between: '数\r23\r2018年2月28日', the table with no unit column, whose item was
    dropped unseen)."""
    # (no unit column: the value's cell bounds it too, a cell mark after its digits ('数 | 0 |12月31日印发') or its
    # unit whole before digits ('数0件12月31日'); the item was dropped unseen, or its value left NA)
    unitless = r"|(?<=\d)[ \t]*\||(?<=[^\d\s|])(?=\d)" if unit_after else ""
    return re.compile(_other_item(alternation(vocabulary().legacy_units),
                                  rf"(?={_OTHER_END.pattern}|(?<=\d)[\s|]*[^\d\s|.,、]|(?<=[—|])"
                                  rf"|(?={_NOTE_FIRST.pattern})|(?<=\d){_CELL_BOUND}{unitless})", sub_rows=True,
                                  unit_after=unit_after))


_CN_ITEM_NUMBER = re.compile(r"[(（]([一二三四五六七八九十]+)[)）]|([一二三四五六七八九十]+)、")


def _numbered_next(label: str, before: str) -> bool:
    """Whether an item's Chinese number ('二十、', '(六)') is the one after the last of its form in the text
    ``before`` it ('十九、'): the item goes on the table's numbering, no heading of the prose after it."""
    own = _CN_ITEM_NUMBER.match(label)
    if own is None:
        return False
    form = 1 if own.group(1) else 2
    prior = [m.group(form) for m in _CN_ITEM_NUMBER.finditer(before) if m.group(form)]
    n = cn_numeral(own.group(form))
    return bool(prior) and n is not None and cn_numeral(prior[-1]) == n - 1


def _second_value(rest: str) -> bool:
    """Whether the text after a row's value starts with another value (``480 | 1260``): a table of more value
    columns than one, whose glued runs have no sure bounds; not the next item's number (``| 2.``)."""
    return bool(re.match(r"[\s|]+\d", rest)) and not _arabic_item().match(rest.strip(" |\r"))


def _values_apart(gap: str, n: int) -> tuple[list[str], int] | None:
    """The values of a row of ``n`` value columns that cell marks or spaces set apart in page text, and where they
    end in ``gap`` (the text after the row's unit), or None where they are no such values.

    Cell marks keep a blank cell (`` | | 12 |2.``: '' and 12); spaces do not (`` 480 481其中``), so a row may give
    fewer values than columns (the tables stage flags it ``ragged``), never more.
    """
    if (lone := _CELLS_ON_LINES.match(gap)) is not None:
        # (numbers set apart by spaces in a cell, '480 481': the row's values, as in page text)
        cells = [x for c in lone.group(1).split("\r")
                 for x in (c.split() if re.fullmatch(_NUMBERS_IN_CELL, c) else ["" if c == "|" else c])]
        if len(cells) <= n and not _second_value(gap[lone.end():]):
            return cells, lone.end()
    if re.match(r"\s*\|", gap):
        pieces = gap.split("|")
        cells = [c.strip() for c in pieces[1:n + 1]]
        if len(pieces) < n + 2 or not all(not c or is_value_cell(c) for c in cells):
            return None
        return cells, len("|".join(pieces[:n + 1])) + 1
    m = _VALUES_APART.match(gap)
    if m is None or len(values := m.group(1).split()) > n or _second_value(gap[m.end():]):
        return None  # (more values than columns, or the last one run into what follows)
    return values, m.end()


def _text_end(pattern: str, text: str) -> str:
    """The end of ``text`` that ``pattern``, optional parts then spaces up to the end, finds (always: '' at least),
    stripped."""
    m = re.search(pattern, text)
    return m.group().strip() if m is not None else ""


def _split_glued_number(digits: str, expected: int | None, several: bool = False) -> str | None:
    """The value before an item number run into it (``362.政府网站…``: 36, then item 2), or None if not certain.

    The item number is the one expected (the one after the item before, 1 after a Chinese-numbered item); the
    value left must be a number as written (no leading zero, but in the run of ``several`` value columns: '01'),
    or nothing (a blank cell)."""
    if expected is None or not digits.endswith(str(expected)):
        return None
    value = digits[: len(digits) - len(str(expected))]
    if value and (value.endswith(".") or (not several and value[0] == "0" and len(value) > 1 and value[1] != ".")):
        return None
    return value


# the cells after a row's unit up to a line's start: values, marks, cell marks and bounds
_CELLS_BEFORE = re.compile(rf"(?:[\s|]|{_GLUED_CELL})*")
# digits opening a line that run into text that is no value nor a bound ('12月31日…', '2018年…'): the line's own
_DIGITS_INTO_TEXT = re.compile(rf"\d+(?![\d\s|.,、]|{_CN_NUMBERING}|[(（])")
_DIGITS_AT = re.compile(r"[ \t]*(\d+)")
_DIGITS_BEFORE = re.compile(r"\d[\d,]*(?:\.\d+)?$")
# a number alone on the text's last line after a cell's bound (report._cells_on_lines_apart's carriage return)
_LAST_LINE_CELL = re.compile(r"\r\d[\d,]*(?:\.\d+)?\s*$")


def _line_cut(text: str, lo: int, hi: int, starts: list[int], several: bool) -> tuple[int, bool] | None:
    """Where the cells after a row's unit (``text[lo:hi]``) stop at a line's start, and whether the value before it
    is certain; None where they go on across every line start (a wrap, or no line start in them).

    Text joined from lines with nothing between them runs the digits opening a line into a value before it
    ('…件0' then '12月31日…', read 12).  A line start ends the cells where the joined run is no number as written
    (a leading zero: '0' then '12', certain 0; not in a table of ``several`` value columns, whose run is theirs, a
    cell a line: '0' then '12' is 0 | 12), or where the digits opening the line run into text that is no value (a
    date, the prose after the table): a bound before them (a cell mark, a space) leaves the value certain; digits
    right before them may be a number the line wrapped ('4' then '80说明', 480) or one ending there (4): not certain.
    """
    first = _DIGIT.search(text, lo, hi)
    if first is None:
        return None
    for k in range(bisect.bisect_right(starts, first.start()), len(starts)):
        b = starts[k]
        if b >= hi or not _CELLS_BEFORE.fullmatch(text, lo, b):
            return None
        digits = _DIGITS_AT.match(text, b)
        if digits is None or _LAST_LINE_CELL.match(text, b - 1):
            # (a number alone on the text's last line after a cell's bound, '件\r23\r24'<end>: a cell, as it is
            # with a newline after it; digits before nothing run into no text)
            continue
        # (digits right before, with no space between, may be the same number's)
        before = None if digits.start(1) > b else _DIGITS_BEFORE.search(text, lo, b)
        joined = (before.group() if before else "") + digits.group(1)
        if before and not several and joined[0] == "0" and joined[1:2] != ".":
            return b, True
        if _DIGITS_INTO_TEXT.match(text, digits.start(1)):
            return b, before is None
    return None


@functools.lru_cache(maxsize=1)
def _number_word() -> re.Pattern[str]:
    """A word that follows a number in prose: a date's (formats.yaml ``legacy.date_words``) or a table's unit."""
    return re.compile(alternation([*load_formats()["legacy"]["date_words"], *vocabulary().legacy_units]))


# a value, then a bound (a cell mark, a space) and digits up to the cells' end: the text after the table's
_VALUE_THEN_DIGITS = re.compile(rf"[\s|]*(?:{_GLUED_CELL}|\|\s*(?=\|))[\s|]+(?=\d+$)")
_LONE_DIGITS = re.compile(r"[\s|]*(\d+)")
_RUN_INTO = re.compile(r"[^\d\s|.,、]")
# the first number of notes after a table ('1.说明:…', '1、本表…'), run into its last value in glued page text
_NOTE_FIRST = re.compile(r"1[.．﹒、](?=[^\d\s|.,、])")
# the last row's value, perhaps then digits after a bound: the cells _text_cut looks at
_LAST_CELLS = re.compile(rf"[\s|]*(?:{_GLUED_CELL})(?:[\s|]+\d+)?")
# the text's end after a table's last value (its last page's number may have run into the value)
_TEXT_END = re.compile(r"\s*$")
# the bound report._cells_on_lines_apart sets beside a cell on a line of its own (a carriage return, in no line)
_CELL_BOUND = "\r"


def _text_cut(text: str, lo: int, hi: int, ends: bool = True) -> tuple[int, bool] | None:
    """Where the cells of a table's last row (``text[lo:hi]``, one value column) stop where the text after the table
    runs into them on the same line, and whether the value before is certain; None where they end at ``hi``.

    Page text glued into one line runs digits opening the text after the table into the last value ('…件0' and
    '12月31日印发': '012', read 12).  After a value, a mark or a blank cell and a bound ('件 | 0 |12月', '件 — 2018年',
    '件 | |12月'), the digits are the text's: 0, certain.  A run with a leading zero is no number as written: its zero is the value ('012': 0), certain; a run
    into a word that follows a number in prose (a date's 月, a unit: '件2312月') may end anywhere: not certain.  A
    run that ends the text, where it ``ends`` the report's (no page furniture nor text cut after it), may hold the last
    page's number run into the value ('件2312': 23 and page 12, or 2312): not certain, unless no page number can end
    it ('件20', '件1000': a page number opens with no zero).
    """
    if hi <= lo or not text[hi - 1].isdigit():
        return None
    at_end = ends and _TEXT_END.match(text, hi) is not None
    if _NOTE_FIRST.match(text, hi - 1):
        # a note's first number ('件231.说明'): a value is followed by no stop and word, a list starts at 1
        kept = _VALUE_THEN_DIGITS.match(text, lo, hi) or _LONE_DIGITS.fullmatch(text, lo, hi - 1)
        return hi - 1, kept is not None
    if hi < len(text) and not at_end and (_OTHER_END.match(text, hi) or not _RUN_INTO.match(text, hi)):
        return None  # (a bound or the next item's number ends them)
    if (kept := _VALUE_THEN_DIGITS.match(text, lo, hi)) is not None:
        return kept.end(), True
    lone = _LONE_DIGITS.fullmatch(text, lo, hi)
    if lone is None:
        return None
    if lone.end(1) - lone.start(1) > 1 and text[lone.start(1)] == "0":
        return lone.start(1) + 1, True
    if at_end:
        # (a value set apart as a cell of its own, between cell bounds, '件\r23\r': one cell a line, a blank line
        # between, report._cells_on_lines_apart; a page number run in stands on the value's line, never such a cell;
        # the text's own end bounds the cell as well: the value is the file's last line, no blank line after it)
        if (text.startswith(_CELL_BOUND, hi) or hi == len(text)) and _CELL_BOUND in text[lo:lone.start(1)]:
            return None
        return (hi, False) if _page_number_may_end(lone.group(1)) else None
    return (hi, False) if _number_word().match(text, hi) else None


def _page_number_may_end(run: str, numbers: tuple[int, int] = (1, 999)) -> bool:
    """Whether a run of digits may be a value with a page number run into it (``_LONE_PAGE_NUMBER``, opening with no
    zero, one of ``numbers``, lowest and highest): '2312' (23 and 12, 231 and 2), not '20' nor '1000'."""
    return any(run[k] != "0" and _LONE_PAGE_NUMBER.fullmatch(run, k) and numbers[0] <= int(run[k:]) <= numbers[1]
               for k in range(1, len(run)))


# a page's number run into page text between a sentence's end and a heading, or ending the text ('…成效。3二、…'):
# no count stands there
_PAGE_NUMBER_IN_TEXT = re.compile(rf"(?<=[。！？；;!?])([1-9]\d{{0,2}})(?={_CN_NUMBERING}|\s*$)")


def _page_number_of(line: str) -> int | None:
    """The page number a line of page furniture gives: a number alone (``_LONE_PAGE_NUMBER``) or the number of the
    ``page_furniture`` pattern it is ('- 3 -', '第三页', 'Page 3 of 5', '3/5'), else None (a web page's buttons)."""
    line = line.strip()
    return int(line) if _LONE_PAGE_NUMBER.fullmatch(line) else _furniture_page_number(line)


def _page_numbers(text: str, seen: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The page numbers of page text (offset, number) where it shows some run into it where no count stands
    (``_PAGE_NUMBER_IN_TEXT``): those and the ones ``seen`` on lines of their own (set aside as page furniture);
    none where it shows none run in (a text that keeps its page numbers apart runs none into a value)."""
    glued = [(m.start(), int(m.group(1))) for m in _PAGE_NUMBER_IN_TEXT.finditer(text)]
    return sorted([*seen, *glued]) if glued else []


def _next_page_numbers(pages: Sequence[tuple[int, int]], at: int, page_chars: int) -> tuple[int, int]:
    """The numbers (lowest, highest) a page opening at offset ``at`` of page text may have, between the page numbers
    seen before and after it (``pages``: offset, number), a page holding ``page_chars`` characters at least; the
    lowest above the highest where none: the numbers seen around it are consecutive, no page opens there."""
    k = bisect.bisect_right(pages, (at, 1000))
    lo, hi = 2, 999
    if k:
        x, n = pages[k - 1]
        lo, hi = n + 1, n + 1 + (at - x) // page_chars
    if k < len(pages):
        x, n = pages[k]
        if k and n <= pages[k - 1][1]:
            return 2, 999  # (numbers seen out of order: one of them no page's, the page's number not known)
        lo, hi = max(lo, n - 1 - (x - at) // page_chars), min(hi, n - 1)
    return lo, hi


def _run_into(text: str, cut: int) -> str:
    """What the last value of a glued table cut at ``cut`` by ``_text_cut`` ran into, for its flag."""
    return "the text after the table" if _TEXT_END.match(text, cut) is None else "the digits that end the text"


def glued_legacy_rows(text: str, starts: list[int], ends: bool = True, pages: Sequence[tuple[int, int]] | None = None
                      ) -> tuple[list[Row], dict[str, str], list[tuple[int, str]]]:
    """The rows of a statistics table run together in page text (label, unit, value, no cells).

    Parameters
    ----------
    text : str
        The normalized lines joined with nothing between them, so that text wrapped over lines (a PDF of the web
        page, a narrow window) reads as the unwrapped line: ``…统计表统计指标单位统计数一、主动公开情况(一)主动公开
        政府信息数条480其中:…``.
    starts : list of int
        The offset in ``text`` where each line starts (line 1 first): a row's line is the one its label is on.
    ends : bool, default True
        Whether ``text`` ends where the report's text does (no page furniture nor text cut after it): digits that
        end it may hold the last page's number (see ``_text_cut``).
    pages : sequence of (int, int), optional
        Where ``text`` is a paged source's (a PDF's, an OFD's, plain text), the page numbers set aside on lines of
        their own (offset, number); where the text shows page numbers run into it (``_page_numbers``), these and
        those tell which page may open where a value runs into the next row, its number run into the value
        ('件2312三、…': 23 and page 12, or 2312). None: no page number stands in the text.

    Returns
    -------
    rows : list of Row
        A header row (``统计指标 | 单位 | 统计数``), then one explicit row ``label | unit | value`` an item, the
        value blank where none is written; none if the text holds fewer than ``legacy.min_item_rows`` items.
    ambiguous : dict of str to str
        The labels of rows whose value ran into the next item's number in a way the numbering does not settle, or
        into the digits opening the next line (see ``_line_cut``), and what it ran into: their value is left blank,
        for the caller to flag ``ambiguous_digits`` (never a guess).
    unlabelled : list of (int, str)
        Text with digits between rows that is no row read (an item worded otherwise), with its line: for the
        caller to flag ``unlabelled_values`` rather than drop it unseen.
    """
    header_re, row_re, other_re = glued_legacy_patterns()
    if (text := _year_beside_label_blanked(text, row_re)) is None:
        return [], {}, []  # (a column of years beside the labels, not all the report's: where they end is not known)
    header = header_re.search(text)
    start = header.end() if header else 0
    fm = load_formats()["legacy"]
    # (a code column before the unit's: each row's code stands between its label and unit, no value after it;
    # blanked, the same length, so that the row reads as label, unit and values and its offsets stay)
    code_first = header is not None and header["code_first"] is not None
    if code_first:
        text = text[:start] + _row_code().sub(lambda m: " " * len(m.group()), text[start:])
    found = list(row_re.finditer(text, start))
    unit_after: re.Pattern[str] | None = None
    if len(found) < fm["min_item_rows"] and header is not None and header["no_unit"] is not None:
        # a table with no unit column (统计指标 | 统计数, a cell a line: '主动公开政府信息数' / '480条'): no unit after
        # a label, so no row was found and the table was lost; its rows are the labels, each count's unit kept in
        # its value's cell as the pipe rows keep it.  Only as far as the rows follow one another: a label in the
        # prose after the table (a sentence's stop or a long text between) is no row.
        row_re, unit_after, other_re = _unitless_row()
        found = list(row_re.finditer(text, start))
        for k in range(1, len(found)):
            gap = text[found[k - 1].end():found[k].start()]
            if len(gap) > 80 or re.search(r"[。;；]", gap):
                found = found[:k]
                break
    if len(found) < fm["min_item_rows"]:
        return [], {}, []
    # the header before the first row, from its label column's word (or the few characters there): more value
    # columns than one (2009年度 | 历年累计, 本期实际 | 本年累计) run a row's values into one run of digits, for the
    # tables stage to cut where the identities tell (a glued cell); their number must be known
    before = text[max(0, found[0].start() - 80):found[0].start()]
    at = [m.start() for m in re.finditer(alternation(fm["label_header_words"], spaced=True), before)]
    before = before[at[-1]:] if at else before[-30:]
    value_words = alternation(list(fm["value_headers"]) + list(fm["column_letters"]), spaced=True)
    names = _glued_value_columns(before, len(re.findall(value_words, before)))
    if names is None:
        return [], {}, []
    # a code column before the values (指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计): each row's code, set apart from
    # its values ('条 01 120 480'), is no value
    codes = 0 if code_first else len(re.findall(alternation(fm["code_headers"], spaced=True), before))
    if codes and "." in text:
        # (a code of several levels, '3.3.1', is no number a cell reads: its dots made digits, the same length, so
        # that it is a cell, the row's code, dropped as '01' is)
        text = text[:start] + _DOTTED_CODE.sub(lambda c: c.group().replace(".", "0"), text[start:])
    ncells = len(names) + codes  # (a row's cells after its unit: its code's and its values)
    items: list[tuple[str, str]] = []  # (label, unit) of each row, in order
    values: list[str | list[str] | None] = []  # their values ('' blank, None not certain; cells set apart)
    ambiguous: dict[str, str] = {}
    unlabelled: list[tuple[int, str]] = []
    headings: set[int] = set()  # the items that are a block's heading, a label alone
    last: int | None = 0  # the last Arabic item number since a Chinese-numbered one (None: not known)

    lines: list[int] = []  # the line of each row
    unit_value = re.compile(rf"(?:{alternation(vocabulary().legacy_units)})[\s|]*\d")
    seen: list[tuple[int, int]] | None = None  # the page numbers of the text, found where first needed

    def line_at(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    def page_into(digits: str | None, at: int) -> bool:
        """Whether a value's ``digits`` ending at offset ``at``, run into the next row, may end with the number of a
        page opening there (the page numbers the text shows elsewhere telling which it may be)."""
        nonlocal seen
        if pages is None or not digits or len(digits) < 2 or not digits.isdigit():
            return False
        if seen is None:
            seen = _page_numbers(text, pages)
        return bool(seen) and _page_number_may_end(digits, _next_page_numbers(seen, at, fm["page_chars"]))

    def _apart(gap: str, digits: str, rest: str) -> tuple[list[str], int] | None:
        """A row's values set apart by cell marks or spaces in a table of several value columns (values
        glued into one run are cut by the tables stage instead)."""
        if ncells < 2 or not (gap.lstrip().startswith("|") or (digits and _second_value(rest))
                                          or _CELLS_ON_LINES.match(gap)):
            return None
        found = _values_apart(gap, ncells)
        return None if found is None else (found[0][codes:], found[1])

    def others(chunk: str, at: int, tail: bool = False) -> None:
        """Local items (not in the format) and Chinese-numbered headings in the text between rows (``tail``:
        after the last row, items only as long as they follow one another, not in the prose after the table);
        digits left over are noted unlabelled."""
        nonlocal last
        left, end = [], 0
        pattern = _last_other_items(unit_after is not None) if tail else other_re
        for m in pattern.finditer(chunk):
            # (the cells stop at a line the digits of whose start are none of them: the item read up to there)
            several = ncells > 1
            # (no unit column: a value's unit after it bounds it, no line's digits nor text run into it)
            bounded = unit_after is not None and bool(m.group("unit"))
            # (the table's last item, its row's unit repeated in its cell, '件7件' then the text after the table:
            # the unit bounds the value as well; it was NA, flagged ambiguous_digits)
            own_end, own_unit = None, m.group("unit") or ""
            if tail and not bounded and not several and m.group("value") and m.end("value") == m.end("cells"):
                if unit_after is None:
                    own_end = _own_unit_end(text, at + m.end("cells"), own_unit, starts)
                elif (unit := _unit_to_line_end(text, at + m.end("cells"), starts)) is not None:
                    # (no unit column: its unit then the next line, '0件' / '2018年2月28日', bounds it too; it
                    # was taken for digits run into the text, and the item dropped unseen)
                    own_unit, own_end = unit.group(), unit.end()
            bounded = bounded or own_end is not None
            cut = None if bounded else _line_cut(text, at + m.start("cells"), at + m.end("cells"), starts, several)
            into = "the digits opening the next line"
            if cut is None and tail and not several and not bounded:
                cut = _text_cut(text, at + m.start("cells"), at + m.end("cells"), ends)
                into = into if cut is None else _run_into(text, cut[0])
            m = m if cut is None else pattern.match(chunk, m.start(), cut[0] - at) or m
            cells = m.group("cells")
            written = m.group("value") or ""
            value: str | list[str] | None = written
            apart = _apart(cells, written, cells[_glued_value(cells)[1]:])
            if apart is not None and not cells[apart[1]:].strip(" |\r"):
                value = apart[0]
            elif not re.fullmatch(rf"[\s|]*(?:{_GLUED_CELL}|{_BRACKETED_COUNT.pattern})?[\s|]*", cells):
                continue  # values set apart, but not those of the table's value columns: no item of it
            between = chunk[end:m.start()]
            # (a heading of the text after the table whose title ends in a unit's character, alone at the text's
            # end, '七、其他需要报告的事项': a label, a unit, no value nor cell mark, as a blank item's; it was read as
            # a local item '其他需要报告的事', unit 项.  Such an item goes on the table's numbering, as one before text)
            blank = not cells and "\r" not in m.group() and _CN_ITEM_NUMBER.match(m.group("label")) is not None
            if tail and (len(between) > 60 or re.search(r"[。;；]", between)
                         or (blank or not _OTHER_END.match(chunk, m.end()))
                         and not (chunk.startswith("\r", m.end()) and not _CN_ITEM_NUMBER.match(m.group("label")))
                         and not _numbered_next(m.group("label"), text[max(0, at + m.start() - 2000):at + m.start()])
                         and not _sub_row_label().match(m.group("label"))):
                break  # (an item bound by the text after it only as the next of the table's numbering, a sub-row
                # opened by 其中:, or between cell bounds, a cell a line)
            left.append(between)
            heading, bound, label = m.group("label").strip().rpartition("\r")
            if not bound and (known := _block_heading().match(label)) is not None and known.end() < len(label):
                heading, label = label[:known.end()], label[known.end():]
            if heading:
                # a cell's bound in the label (seed 000's layout), or a known block's heading run into it: the
                # heading ('一、主动公开情况'), a row of its own, then an item not numbered ('本地特色信息数'), as the
                # pipe rows read them
                headings.add(len(items))
                items.append((heading.strip(), ""))
                lines.append(line_at(at + m.start()))
                values.append("")
            unit = m.group("unit") or ""
            if own_end is not None:
                value = f"{value}{own_unit}"  # (its unit in its cell, as written, as the rows before it keep it)
            if unit_after is not None and isinstance(value, str) and value:
                value, unit = value + unit, ""  # (no unit column: the unit in the value's cell, as written)
            items.append((label.strip(), unit))
            lines.append(line_at(at + m.start("label") + len(heading) + len(bound)))  # (the label's own line)
            if cut is not None and not cut[1] and m.end() == cut[0] - at:
                value, ambiguous[label.strip()] = None, into
            elif tail and not value and "|" not in cells and _NOTE_FIRST.match(chunk, m.end()):
                # '件1.说明': a blank cell then a note's number, or the value 1 then '.说明'
                value, ambiguous[label.strip()] = None, "the text after the table"
            values.append(value)
            end = m.end() if own_end is None else own_end - at
        if not tail:
            left.append(re.sub(rf"(?:{_CN_NUMBERING}|(?<!\d)\d{{1,2}}[.、])?(?:(?:{_sub_item()})[:：])?\s*$", "", chunk[end:]))
        rest = chunk[end:] if not tail else ""
        # digits outside notes, or a unit then a number (the value of an item not read, run into a number)
        if re.search(r"\d", re.sub(r"[(（][^()（）]*[)）]", "", "".join(left))) or unit_value.search(rest):
            unlabelled.append((line_at(at), ("".join(left) if tail else chunk).strip(" |\r")[:60]))
        if re.search(_CN_NUMBERING, chunk[:end] if tail else chunk):
            last = 0

    prev_end = found[0].start()
    # the text before the first row: headings (一、主动公开情况(一)) and its numbering
    head = text[start:prev_end]
    if header:  # (with no header, the text before is the report's prose)
        # (its row of column letters, '甲 乙 丙 1 2', is no item's value)
        letters = alternation(fm["column_letters"])
        others(re.sub(rf"(?:(?:{letters})[\s|]*){{2,}}(?:\d[\s|]*)*", " ", head, count=1), start)
    for k, m in enumerate(found):
        gap = text[prev_end:m.start()] if k else ""
        own = ""
        if k:
            digits, end = _glued_value(gap)
            if not digits and (bracketed := _GLUED_BRACKETED.match(gap)) is not None:
                digits, end = bracketed.group(1), bracketed.end()
            if unit_after is not None and digits[-1:].isdigit() and (unit := unit_after.match(gap, end)):
                digits, end = digits + unit.group(), unit.end()  # (its unit, as its cell writes it)
            elif unit_after is None and digits[-1:].isdigit() and (unit_end := _own_unit_end(gap, end, items[-1][1])):
                digits, end = digits + items[-1][1], unit_end  # (its row's unit repeated in its cell: '36条2﹒')
            rest = gap[end:]
            apart = _apart(gap, digits, rest)
            if apart is not None:
                values[-1], rest = apart[0], gap[apart[1]:]
            elif digits and _second_value(rest):
                return [], {}, []  # values set apart (cell marks, spaces) in a table of one value column: not read
            if apart is not None:
                others(rest, m.start() - len(rest))
                if (num := _arabic_item().search(rest)) is not None:
                    last = int(num.group(1))
                    own = rest[num.start():].strip()
            elif (digits if unit_after is None else digits[-1:].isdigit()) and rest[:1] in (".", "、") \
                    and not rest[1:2].isdigit():
                # (in a table with no unit column, a value's unit bounds it: the number after is the next row's)
                # the value runs into this row's item number ('362.'): the numbering tells where, or nothing
                value = _split_glued_number(digits, None if last is None else last + 1, len(names) > 1)
                if value is None and last is not None and _sub_row_since(items):
                    # a sub-row in its item's place, not numbered ('其中:当面申请数' for 1﹒当面申请数), perhaps with
                    # its parts after it: the number after them is the next but one
                    value = _split_glued_number(digits, last + 2, len(names) > 1)
                    last = last if value is None else last + 1
                if value is None:
                    ambiguous[items[-1][0]] = "the next item's number"
                    last = None
                else:
                    last = (last or 0) + 1
                    own = f"{last}."
                    if page_into(value, prev_end + end - len(digits) + len(value)):
                        value, ambiguous[items[-1][0]] = None, "the next page's number"
                values[-1] = value
                rest = rest[1:]
                others(rest, m.start() - len(rest))
            else:
                values[-1] = digits
                if rest[:1] not in ("", " ", "\t", "\r", "|") and page_into(digits, prev_end + end):
                    values[-1], ambiguous[items[-1][0]] = None, "the next page's number"
                # (no value: the bounds kept, a label between them a local item's, a blank cell that left no line)
                chunk = rest if digits else gap
                sub = (_glued_sub_row().search(chunk) if ncells == 1 and _sub_row_label().search(chunk) else None)
                if sub is not None and "\r" not in chunk:
                    # a local sub-row run into the next item's number ('其中:本地公报数条122.'): its value is the run
                    # less the number expected, as a known row's is; the number is this row's
                    others(chunk[:sub.start()], m.start() - len(chunk))
                    run = sub.group("run") or ""
                    value = sub.group("value")
                    if value is None:
                        value = _split_glued_number(run, None if last is None else last + 1)
                        number = None if value is None else (last or 0) + 1
                    else:
                        number = int(run) if run.isdigit() and len(run) <= 2 else None
                    items.append((sub.group("label").strip(), sub.group("unit")))
                    lines.append(line_at(m.start() - len(chunk) + sub.start()))
                    values.append(value)
                    if number is None:
                        ambiguous[items[-1][0]] = "the next item's number"
                        last = None
                    else:
                        last, own = number, f"{number}."
                else:
                    others(chunk, m.start() - len(chunk))
                    if (num := _arabic_item().search(rest)) is not None:
                        last = int(num.group(1))
                        own = rest[num.start():].strip()
            if not own:
                # (words between 其中: and a known label are the label's: '其中:本地网络申请数' is a local
                # sub-row, as its pipe row's cell tells, not 网络申请数)
                own = _text_end(rf"(?:{_CN_NUMBERING})?(?:(?:{_sub_item()})[:：]{_SUB_ROW_WORDS})?\s*$", rest)
        else:
            own = _text_end(rf"(?:{_CN_NUMBERING}|\d{{1,2}}[.、])?(?:(?:{_sub_item()})[:：])?\s*$", head)
            if (num := _arabic_item().search(head)) is not None:
                last = int(num.group(1))
        label = re.sub(r"[\s|]+$", "", text[m.start():m.start("unit")])
        if (group := _group_heading().search(text, prev_end if k else start, m.start())):
            # a group heading before the row ('(四)申请来源'): a row of its own, as the pipe rows read it (its bare
            # items, 其他 or 企业, are its only under it: tables._legacy_key)
            headings.add(len(items))
            items.append((group.group(0), ""))
            lines.append(line_at(group.start()))
            values.append("")
        items.append((own + label, m.group("unit")))
        lines.append(line_at(m.start()))
        values.append("")
        prev_end = m.end()
    # the value of the last row (its cells up to a line whose digits are none of them), then local items after it
    cut = _line_cut(text, prev_end, prev_end + 200, starts, ncells > 1)
    limit = len(text) if cut is None else cut[0]
    into = "the digits opening the next line"
    if (cut is None and ncells == 1 and (run := _LAST_CELLS.match(text, prev_end)) is not None
            and (cut := _text_cut(text, prev_end, run.end(), ends)) is not None):
        into, limit = _run_into(text, cut[0]), cut[0]
    digits, end = _glued_value(text, prev_end, limit)
    own_cell = _glued_value(text, prev_end)
    if own_cell[0][-1:].isdigit() and (bound := _unit_bound(text, own_cell[1], unit_after, items[-1][1], starts)):
        # a unit after the value bounds it, no page number nor text run into it (it was NA, flagged ambiguous_digits)
        digits, end, cut = own_cell[0] + bound[0], bound[1], None
    values[-1] = digits
    apart = _apart(text[prev_end:min(prev_end + 200, limit)], digits, text[end:min(end + 20, limit)])
    if apart is not None:
        values[-1], end = apart[0], prev_end + apart[1]
    elif values[-1] and _second_value(text[end:min(end + 20, limit)]):
        return [], {}, []
    if cut is not None and not cut[1]:
        values[-1], ambiguous[items[-1][0]] = None, into
    others(text[end:], end, tail=True)
    names, values = _without_glued_year(names, values)
    first = line_at(header.start() if header else found[0].start())
    rows = [Row([Cell(w, first) for w in ("统计指标", "单位", *names)], explicit=True)]
    apart = any(isinstance(value, list) for value in values)
    if codes and any(value and not isinstance(value, list) for value in values):
        # a row's code run into its values ('条01120480'): cut off where the codes are certain, else not read
        if apart or (cut_codes := _codes_run_in(values, len(names) > 1)) is None:
            return [], {}, []
        values = cut_codes
    for k, ((label, unit), value, line) in enumerate(zip(items, values, lines)):
        if k in headings:
            rows.append(Row([Cell(label, line)], explicit=True))
            continue
        if apart:
            # values set apart: a cell each; a row of fewer values than columns (spaces, a blank cell left no
            # trace, or one value alone) is spaced, for the tables stage to flag, its values placed under none
            cells = value if isinstance(value, list) else [value] if value else []
            rows.append(Row([Cell(label, line), Cell(unit, line), *(Cell(c, line) for c in cells)], explicit=True,
                            spaced=0 < len(cells) < len(names)))
            continue
        # (the values of several columns: one run of digits, cut by the tables stage where the identities tell)
        glued = len(names) > 1 and bool(value)
        rows.append(Row([Cell(label, line), Cell(unit, line), Cell(value or "", line, glued=glued)], explicit=True))  # type: ignore[arg-type]  # a str: lists only where apart
    return rows, ambiguous, unlabelled


def _unit_bound(text: str, pos: int, unit_after: re.Pattern[str] | None, row_unit: str,
                starts: Sequence[int]) -> tuple[str, int] | None:
    """The unit right after a glued legacy table's last value, ending at ``pos``, that bounds it, and where it ends,
    or None: with no unit column (``unit_after``), the value's own unit before the next line (`_unit_to_line_end`)
    or a word; else its row's unit ``row_unit`` repeated in its cell ('件 | 7件', then the text after the table,
    `_own_unit_end`)."""
    if unit_after is not None:
        unit = _unit_to_line_end(text, pos, starts) or unit_after.match(text, pos)
        return None if unit is None else (unit.group(), unit.end())
    end = _own_unit_end(text, pos, row_unit, starts)
    return None if end is None else (row_unit, end)


# a year as a report's statistics table writes it in a column of its own (年度 | 2017)
_YEAR = re.compile(r"(?:19|20)\d\d")


@functools.lru_cache(maxsize=1)
def _year_beside_label() -> re.Pattern[str]:
    """A glued table's header with a column of the report's year before or after its label column, then the unit
    column ('年度统计指标单位统计数', '统计指标 | 年度 | 单位 | 统计数')."""
    fm = load_formats()["legacy"]
    year, label = alternation(fm["year_headers"], spaced=True), alternation(fm["label_header_words"], spaced=True)
    return re.compile(rf"(?:(?P<first>{year})[\s|]*(?:{label})|(?:{label})[\s|]*(?P<second>{year}))[\s|]*"
                      rf"(?={alternation(fm['unit_headers'], spaced=True)})")


def _year_beside_label_blanked(text: str, row_re: re.Pattern[str]) -> str | None:
    """``text`` with a column of the report's year before or after a glued table's label column blanked (spaces
    as long, so that offsets hold), or None where the table holds other years there (not read: flagged).

    Before the labels ('年度统计指标单位统计数一、…2017(一)主动公开…条4802017其中:…'), the year runs into the value
    before it (4802017) or the item number after it (20172.政府网站…); after them ('…信息数2017条480…') it stands
    between a label and its unit, so no row was found (the table lost, unflagged).  The year is the one after the
    header; it is blanked with its cell mark before a row's number or label (first) or before a unit (second),
    where every row found then stands after it (first) or no other year stands before a unit (second).
    """
    head = _year_beside_label().search(text)
    if head is None:
        return text
    column = "first" if head.group("first") else "second"
    if column == "first":
        # (a year, then no digit but an item number's, '2017(一)', '20172.', '2017 | 其中'; not a date's '2017年')
        after = r"(?=[\s|]*(?:\d{1,2}[.、．﹒](?!\d)|[^\d\s|年]))"
    else:
        after = rf"(?=[\s|]*(?:{alternation(vocabulary().legacy_units)}))"
    years = list(re.finditer(rf"(?:\|[^\S\r\n|]*)?({_YEAR.pattern}){after}", text[head.end():]))
    if not years:
        return text
    own = [m.span() for m in years if m.group(1) == years[0].group(1)]
    out = "".join(_blanked(text, [head.span(column), *((lo + head.end(), hi + head.end()) for lo, hi in own)]))
    if column == "second":
        return out if len(own) == len(years) else None
    item = rf"(?:{_CN_NUMBERING}|\d{{1,2}}[.、．﹒])?(?:(?:{_sub_item()})[:：])?"
    placed = re.compile(rf"\s{{4}}[\s|]*{item}$")  # (the year's blank, then the row's number)
    rows = row_re.finditer(out, head.end())
    return out if all(placed.search(out, max(0, m.start() - 12), m.start()) for m in rows) else None


def _blanked(text: str, spans: list[tuple[int, int]]) -> Iterator[str]:
    """The pieces of ``text`` with each of ``spans`` written as spaces."""
    end = 0
    for lo, hi in spans:
        yield text[end:lo]
        yield " " * (hi - lo)
        end = hi
    yield text[end:]


def _without_glued_year(names: list[str], values: list) -> tuple[list[str], list]:
    """The value columns and the rows' values of a glued statistics table without a column of the report's year.

    '统计指标单位年度统计数' over '…条2017480…' (or 年度 last: '条4802017'): the year ran into each count, the runs cut
    as two columns' where the identities tell (2017 placed as a count, or every row ambiguous).  Where a column
    is headed by a year's word (formats.yaml ``legacy.year_headers``) beside one other, and every run (three at
    least) opens, or ends, with the same year, that year is the column's, no count: it is taken off the runs.
    """
    words = load_formats()["legacy"]["year_headers"]
    if len(names) != 2 or not any(n in words for n in names):
        return names, values
    first = names[0] in words
    runs = [v for v in values if isinstance(v, str) and v]
    years = {v[:4] if first else v[-4:] for v in runs}
    if len(runs) < 3 or len(years) != 1 or not _YEAR.fullmatch(years.pop()):
        return names, values
    return [n for n in names if n not in words], [
        (v[4:] if first else v[:-4]) if isinstance(v, str) and v else v for v in values]


def _glued_value_columns(before: str, n_words: int) -> list[str] | None:
    """The value columns named by the text before a statistics table's first row glued into page text (from
    its label column's word; ``n_words`` value columns' words in it), or None if their number is not certain.

    After the unit column's word come the value columns' words of formats.yaml and nothing else
    ('统计指标单位本期实际本年累计': 本期实际, 本年累计; '…单位统计数': 统计数) up to the first row or an item's
    number, and a row of column letters that numbers those columns ('…本年累计甲乙丙12').  Other words there (the
    parts' own names, '区政府区直单位乡镇街道合计', letters numbering other columns) leave their number unknown: one
    run of digits a row cannot then be cut (one column was assumed: '48000480' read as a number).  Without the
    unit's word (no header, or none known), one column unless two words name more.
    """
    fm = load_formats()["legacy"]
    unit = alternation(fm["unit_headers"], spaced=True)
    if "\r" in before and (apart := _value_words_apart(before, unit)) is not None:
        return apart
    body = re.sub(r"[\s|]+|[(（][^()（）]*[)）]", "", before)  # (a note in brackets names no column)
    m = re.search(rf"(?:{unit})(.*?)(?:{_CN_NUMBERING}|\d{{1,2}}[.、﹒]|{_sub_item()}|$)", body)
    if m is None:
        return None if n_words > 1 else ["统计数"]
    # (a value column's word may follow a year: '2009年度'; the statistics bureau's row of column letters under the
    # words, '甲乙丙12', numbers the value columns 1, 2, …)
    head, letters = _column_letters_row(m.group(1))
    words = re.findall(rf"\d{{0,4}}(?:{alternation([*fm['value_headers'], *fm['code_headers']])})", head)
    names = [w for w in words if w not in fm["code_headers"]]
    if letters is not None and letters != "".join(str(k) for k in range(1, len(names) + 1)):
        return None
    if names and "".join(words) == head:
        return names
    rest = head[len("".join(words)):] if names and head.startswith("".join(words)) else ""
    if rest.endswith(tuple(fm["cumulative_endings"])) and re.fullmatch(_PART_NAME, rest[:1]):
        # a cumulative column's words after the year's, run together ('2009年度自2008年5月1日以来累计', Putian's
        # header): its own column, as 历年累计 (the table was lost, no count of columns known)
        return [*names, rest]
    parts = _glued_part_names(before)
    if parts is None and not words and _one_value_word(head):
        return [head]  # (one value column headed by a short word not known: '统计指标单位数量', 数值, 本年)
    return parts


def _value_words_apart(before: str, unit: str) -> list[str] | None:
    """The value columns' words after the unit column's, each on a line of its own (a table one cell a line), two
    or more, each a value column's word (formats.yaml ``legacy.value_headers`` perhaps after a year, a word ending
    as ``cumulative_endings`` or opening as ``previous_starts``, or a short word not known: `_one_value_word`), one
    at least a cumulative or last year's one; else None.  Run together they were misread: '本年' / '累计' as one
    column 本年累计 (each row's two values one run)."""
    fm = load_formats()["legacy"]
    m = re.search(unit, before)
    if m is None:
        return None
    words = []
    for piece in re.split(r"[\s|]*\r[\s|]*", re.sub(r"[(（][^()（）]*[)）]", "", before[m.end():])):
        piece = re.sub(r"[\s|]+", "", piece)
        if not piece:
            continue
        if re.match(rf"{_CN_NUMBERING}|\d{{1,2}}[.、﹒]|{_sub_item()}", piece):
            break  # (the first row's numbering, or a block's heading: the header ends before it)
        if piece in fm["column_letters"] or piece in fm["code_headers"]:
            return None  # (a code column, or the row of column letters: read as before)
        words.append(piece)
    named = [w for w in words
             if w.endswith(tuple(fm["cumulative_endings"])) or w.startswith(tuple(fm["previous_starts"]))]
    known = [w for w in words if re.fullmatch(rf"\d{{0,4}}(?:{alternation(fm['value_headers'])})", w)]
    if len(words) < 2 or not named or not all(w in named or w in known or _one_value_word(w) for w in words):
        return None
    return words


# characters: a value column's header word not known ('数量', '数值', '本年'); two such words run together
# ('去年今年') are longer, and their values' run is not cut
_ONE_VALUE_WORD_MAX = 3


def _one_value_word(word: str) -> bool:
    """Whether ``word``, all that stands between a glued statistics table's unit column's word and its first row,
    heads its one value column: a short word (``_ONE_VALUE_WORD_MAX``) of no digits, no unit, no item's label (a
    table one cell a line headed '统计指标 | 单位 | 数量' was lost, flagged table_missing, where the pipe rows read
    it)."""
    vocab = vocabulary()
    return (0 < len(word) <= _ONE_VALUE_WORD_MAX and re.fullmatch(_PART_NAME, word) is not None
            and word not in vocab.legacy_units and label_key(word) not in vocab.legacy_rows)


def _column_letters_row(header: str) -> tuple[str, str | None]:
    """``header`` (a glued statistics table's words after its unit column's) without the row of column letters at
    its end ('…本年累计甲乙丙12': the label, unit and code columns' letters, the value columns' numbers), and those
    numbers ('12'); the header as it is and None where it ends in no such row."""
    letters = alternation(load_formats()["legacy"]["column_letters"])
    row = re.fullmatch(rf"(.*?[^\d])(?:{letters}){{2,}}(\d*)", header)
    return (header, None) if row is None else (row.group(1), row.group(2))


def _glued_part_names(before: str) -> list[str] | None:
    """The value columns of a glued statistics table's header that names its parts in words of their own, set apart
    by cell marks or spaces after the unit's word ('统计指标 | 单位 | 区政府 | 区直单位 | 乡镇街道 | 合计 |', as an
    unruled PDF's header line is read): a column a word, two or more; a 统计数 before them is their heading (统计数
    over the parts, a header of two rows run into one).  None where a word is no part's name (a number, a unit,
    an item), or the words run together ('区政府区直单位…': their number unknown)."""
    fm = load_formats()["legacy"]
    vocab = vocabulary()
    unit = alternation(fm["unit_headers"], spaced=True)
    body = re.sub(r"[(（][^()（）]*[)）]", " ", before)  # (a note in brackets names no column)
    m = re.search(rf"(?:{unit})[\s|]+(.*?)(?:{_CN_NUMBERING}|\d{{1,2}}[.、﹒]|{_sub_item()}|$)", body)
    if m is None:
        return None
    words = m.group(1).replace("|", " ").split()
    if words and fm["value_headers"].get(words[0]) == "value":
        words = words[1:]
    if len(words) < 2 or not all(re.fullmatch(_PART_NAME, w) and w not in vocab.legacy_units
                                 and label_key(w) not in vocab.legacy_rows for w in words):
        return None
    return words
