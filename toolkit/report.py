"""The entry points :func:`parse_report` and :func:`parse_text`, and the :class:`Report`.

The pipeline, one module per stage::

    readers → normalize → sections → layout → tables → checks
                                   ↘ metadata      ↘ statements

A :class:`Report` mirrors the document: its sections, its tables as one tidy
DataFrame, the identity checks, the flags that say what could not be read for
certain, and the problems-section statements.
"""
from __future__ import annotations

import functools
import itertools
import os
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from toolkit.checks import CHECK_COLUMNS, check_records, soft_checks
from toolkit.decoding import _REPLACED, _replaced_in
from toolkit.errors import ReaderWarning
from toolkit.formats import alternation, load_formats, load_identities, vocabulary
from toolkit.layout import (_BRACKETED_COUNT, _LONE_PAGE_NUMBER, _MARKED_NUMBER, _NUMBERS_IN_CELL, _PART_NAME,
                            _SPACED_COUNT, HEDGED_NUMBER, Row, _page_number_of, _skipped_in_run, build_rows,
                            glued_legacy_patterns, glued_legacy_rows, may_hold_glued_rows)
from toolkit.metadata import _last_filled, _metadata_of
from toolkit.metrics import _is_blank  # the rule the metrics use, one place
from toolkit.normalize import detect_script, normalize_line, normalize_lines
from toolkit.plaintext import text_lines
from toolkit.readers import DEFAULT_MAX_BYTES, RawDocument, read_document
from toolkit.sections import (Outline, Section, Segment, find_outline, merged_into, running_head_lines,
                              split_segments)
from toolkit.statements import statement_records
from toolkit.tables import TABLE_COLUMNS, Flag, TableResult, extract_tables

__all__ = ["Report", "parse_report", "parse_text", "TABLE_NAMES"]

TABLE_NAMES = ("active", "requests", "review_litigation", "legacy")
_MODERN_TABLES = ("active", "requests", "review_litigation")
FLAG_COLUMNS = ["report_id", "code", "table", "line", "detail"]
_DIGIT = re.compile(r"\d")
_PAGED_FORMATS = frozenset({"text", "pdf", "ofd"})  # (sources whose text may end with a page's number)
# (sources a download or a copy may cut anywhere, inside a value too: plain text; a web page, a DOCX or a PDF cut
# short is no document its reader reads to the cut)
_CUT_FORMATS = frozenset({"text"})


@functools.lru_cache(maxsize=1)
def _legacy_header_words() -> tuple[re.Pattern[str], ...]:
    """The statistics table's header cell's words (formats.yaml ``legacy.label_header_words``, letter-spaced or
    not), anywhere: a pattern for each first character, which the engine looks for as a literal."""
    words = load_formats()["legacy"]["label_header_words"]
    return tuple(re.compile(alternation([w for w in words if w[:1] == lead], spaced=True))
                 for lead in sorted({w[:1] for w in words}))


_CELL_LEAD = re.compile(r"[ \t|]*")


def _legacy_header_at(text: str) -> int | None:
    """Where the statistics table's header cell starts its line (after spaces and cell marks), not the words in
    a sentence: the offset of that line's start, or None.

    The header words are searched for, then the line before them looked at: a pattern starting with a line
    start is tried at every position of the text instead, some 0.2 M instructions a report.
    """
    starts = [at for words in _legacy_header_words() if (at := _line_led(words, text)) is not None]
    return min(starts, default=None)


def _line_led(words: re.Pattern[str], text: str) -> int | None:
    """The start of the first line that ``words`` open (after spaces and cell marks), or None."""
    pos = 0
    while (found := words.search(text, pos)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        if _CELL_LEAD.fullmatch(text, start, found.start()):
            return start
        # a word in a sentence: none later on its line starts the line either
        end = text.find("\n", found.start())
        if end < 0:
            return None
        pos = end + 1
    return None


# a cell alone on its line: a number, or a column's name in the header (a part's: '区政府', '合计'; the unit's);
# a number signed too ('-675', a data error the tables stage flags: set apart, lest its row be lost)
_LONE_VALUE_LINE = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
# (a row's code of several levels, '3.3.1', in a statistics bureau's code column is a cell too; and a number with a
# word before it, '约3', a value the tables stage flags: unbounded, it ran into the next label and the table was lost;
# with one space inside, '3 件左右', '约 3', '三 件': unbounded, read 3, the hedge dropped unsaid, or the table lost;
# a number with a footnote mark, '245*': its mark was dropped unsaid, read 245; numbers set apart by spaces, '1 2':
# the 2 ran into the next item's number)
_LONE_CELL = re.compile(
    rf"{_LONE_VALUE_LINE.pattern}|\d{{1,2}}(?:\.\d{{1,2}}){{2,3}}|{_PART_NAME}|{HEDGED_NUMBER}|{_SPACED_COUNT}"
    rf"|{_MARKED_NUMBER}|{_NUMBERS_IN_CELL}")
_LABEL_MAX = 45  # characters: no statistics table's label is longer (a line of wrapped page text may be)
# a number alone on its line (a value, or a row's code of several levels): a cell, bounded by its line's breaks
_LONE_NUMBER_LINE = re.compile(rf"{_LONE_VALUE_LINE.pattern}|\d{{1,2}}(?:\.\d{{1,2}}){{2,3}}")


def _value_after_unit(lines: list[str], i: int) -> bool:
    """Whether line ``i``, a count in brackets alone ('(0)', a page number's form), follows a line that is a unit alone
    (a statistics table one cell a line: '制发规范性文件总数' / '件' / '(0)'): the row's value, written so, for the
    tables stage to keep as written and flag, not page furniture (the value was dropped, the row read blank unflagged).
    A page number after a whole row follows its value, not its unit; one between a unit and its value ('件' / '(3)' /
    '0', a page break) has the value after it."""
    if _BRACKETED_COUNT.fullmatch(lines[i].strip()) is None:
        return False
    before = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    after = next((lines[j].strip() for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return before in vocabulary().legacy_units and not after[:1].isdigit()


def _lone_page_numbers_dropped(lines: list[str]) -> list[str]:
    """The lines to join into page text, a page number alone on its line ('3', a PDF's page break, with or without
    blank lines around it) between two lines of wrapped page text made blank: run into the text, it was a value
    (条615 read 3615) or cut a label. A line of wrapped text holds more than a cell and stands next to another such
    line (a wrap) or is longer than any label; in a table one cell a line a number's neighbour is a cell."""
    out = lines
    for i, line in enumerate(lines):
        if _LONE_PAGE_NUMBER.fullmatch(line.strip()) and _wrapped_beside(lines, i, -1) and _wrapped_beside(lines, i, 1):
            if out is lines:
                out = list(lines)
            out[i] = ""
    return out


def _wrapped_beside(lines: list[str], i: int, step: int) -> bool:
    """Whether the filled line next to line ``i`` in the direction ``step`` (past blank lines) is wrapped page text:
    no lone cell, and longer than a label, next to another line of more than a cell, or the text's last line."""
    def text(k: int) -> str:
        return lines[k].strip() if 0 <= k < len(lines) else ""

    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    near, far = text(j), text(j + step)
    # (the text's last line, after a page break, is a wrap's end)
    return bool(near) and not _LONE_CELL.fullmatch(near) and (
        len(near) > _LABEL_MAX or j + step == len(lines) or bool(far) and not _LONE_CELL.fullmatch(far))


def _cells_on_lines_apart(lines: list[str]) -> list[str]:
    """The lines to join into page text, a blank line beside a lone cell made a cell's bound: a value or a header's
    word on a line of its own with blank lines around it ('480' / '' / '481' / '' / '2.政府网站…', '单位' / '' /
    '区政府' / '' / '区直单位', a table one cell a line as seed 000's layout writes it) is no wrap of one number
    (480481) nor run into an item number (4812.) or into the next word (区政府区直单位: the columns' number lost),
    while a wrap leaves no blank line (a page break in a wrapped text does, but puts no lone cell beside it).

    The bound is a carriage return, found in no line, so that a value alone between two is known as one cell
    (layout.glued_legacy_rows).  A blank cell that left a trace beside a value, a lone '|' or a line of its own
    (three blank lines where a cell's one is: '条' / '' / '' / '' / '480'), is a '|' between bounds: the cells are
    then certain ('\\r|\\r480\\r', 480 in the second value column)."""
    out = lines
    bounds: set[int] = set()  # the lines after which a cell's bound goes, no blank line between (below)
    for i, line in enumerate(lines):
        cell = line.strip()
        if cell and (cell == "|" or _LONE_CELL.fullmatch(cell)):
            if _LONE_NUMBER_LINE.fullmatch(cell):
                # a number alone on its line next to a filled one (a table one cell a line, no blank line between
                # rows): the break is a cell's bound, so that it is not glued to the next ('120' / '480' read
                # 120480, a row's code run into its values: '01' / '120'); not after a line of text ending in a
                # digit, which may be a number wrapped ('…条4' / '80')
                before = lines[i - 1].strip() if i else ""
                if before and (not before[-1].isdigit() or _LONE_NUMBER_LINE.fullmatch(before)):
                    bounds.add(i - 1)
                if i + 1 < len(lines) and lines[i + 1].strip():
                    bounds.add(i)
            for step in (-1, 1):
                j = i + step
                if 0 <= j < len(lines) and not lines[j].strip():
                    if out is lines:
                        out = list(lines)
                    lo, hi = j, j
                    while lo > 0 and not lines[lo - 1].strip():
                        lo -= 1
                    while hi + 1 < len(lines) and not lines[hi + 1].strip():
                        hi += 1
                    # (the run's first line holds the bounds, whichever cell beside it is met first)
                    out[lo] = "\r" + "|\r" * _blank_cells_in_run(lines, lo, hi)
    if bounds:
        out = list(out)
        for i in bounds:
            out[i] += "\r"
    return out


def _blank_cells_in_run(lines: list[str], lo: int, hi: int) -> int:
    """How many blank cells the run of blank lines ``lo`` .. ``hi`` stands for, in a table one cell a line with a
    blank line after each: a blank cell is one line more and its blank one, so a run of 2k + 1 lines beside a
    value (a number or '|') holds k; an even run, or one beside no value, holds none (a page break, prose)."""
    run = hi - lo + 1
    if run < 3 or run % 2 == 0 or lo == 0 or hi + 1 == len(lines):
        return 0
    beside = (lines[lo - 1].strip(), lines[hi + 1].strip())
    return (run - 1) // 2 if any(c == "|" or _LONE_VALUE_LINE.fullmatch(c) for c in beside) else 0


def _legacy_unread_at(text: str, header_at: int | None) -> tuple[int, str] | None:
    """Where a statistics table's header or rows stand in a text whose table gave no row: (offset, what).

    A header starting a line (``header_at``: :func:`_legacy_header_at` of ``text``, as the report has it), a header
    glued into a line, or ``legacy.min_item_rows`` of its rows run together with their units (web-page text): a
    table lost is flagged, never left to read as NA.
    """
    glued_header, glued_row, _other = glued_legacy_patterns()
    at = header_at
    if at is None and (glued := glued_header.search(text)):
        at = glued.start()
    if at is not None:
        return at, "header found, no row read"
    if not may_hold_glued_rows(text):  # (the rows' own search is the costlier, on a text with none)
        return None
    rows = list(glued_row.finditer(text))
    if len({m.group() for m in rows}) >= load_formats()["legacy"]["min_item_rows"]:
        return rows[0].start(), f"{len(rows)} row(s) of the statistics table's items found, no row read"
    return None


@functools.lru_cache(maxsize=1)
def _refers_to_appendix() -> re.Pattern[str]:
    """A section's words that refer to the appendix, anywhere in its text ('详见附件', '见附表', '附后'):
    formats.yaml's appendix words and refer_words."""
    spec = load_formats()["appendix"]
    return re.compile(f"{alternation(spec['words'], spaced=True)}|{alternation(spec['refer_words'])}")


def _n_space(text: str) -> int:
    """White space in a text: n_chars leaves it out, so layouts that only space or wrap differently compare.

    ``str.split()`` splits at the characters ``\\s`` matches (``str.isspace``), without a list of matches.
    """
    return len(text) - sum(map(len, text.split()))


SECTION_COLUMNS = ["report_id", "seq", "key", "title", "first_line", "last_line", "n_chars", "text"]
STATEMENT_COLUMNS = ["report_id", "seq", "kind", "text", "labels"]
REPORT_COLUMNS = ["report_id", "path", "status", "error", "agency", "report_year", "published", "template",
                  "script", "level", "province", "agency_kind", "source_format", "encoding", "n_flags", "flags"]



@functools.lru_cache(maxsize=1)
def _section_keys() -> tuple[str, ...]:
    """The section keys of the formats (formats.yaml ``sections``), modern then pre-2019, each once."""
    return tuple(dict.fromkeys(key for family in load_formats()["sections"].values() for key in family))


class Report:
    """A parsed annual report.

    Do not build one directly: use :func:`parse_report` or :func:`parse_text`.

    Attributes
    ----------
    report_id : str
        Stable id (the file stem unless given).
    path : str or None
        The file read, None for text given in memory.
    source_format : str
        ``'text'``, ``'html'``, ``'mht'`` (a web archive), ``'docx'``, ``'doc'`` (Word 97–2003), ``'pdf'`` or
        ``'ofd'``.
    encoding : str or None
        The codec used to decode a text or HTML file.
    text : str
        The normalized text; ``line`` numbers everywhere refer to its lines.
    original_text : str
        The text as read, before normalization (same lines).
    sections : list of Section
        The sections found, in document order.
    metadata : dict
        agency, report_year, published, template, script, level, province,
        agency_kind.
    flags : list of Flag
        What could not be read for certain, or does not add up.
    tables : DataFrame
        All extracted cells, long format (the columns of ``tables.csv``: those of ``schema.md``
        plus ``unit`` and ``flag``).
    checks : DataFrame
        One row per identity checked.
    statements : DataFrame
        The statements of the problems-and-improvements section(s), ``statements.csv``'s
        columns (``labels`` empty until :func:`toolkit.classify.label_statements`).
    status : str
        ``'ok'`` when nothing was flagged, else ``'partial'``.
    template : str
        ``metadata['template']``: ``'2019'``, ``'2021'``, ``'legacy'`` or ``'unknown'``.
    """

    def __init__(self, *, report_id: str, path: str | None, raw: RawDocument,
                 notes: Sequence[ReaderWarning] = ()) -> None:
        self.report_id = report_id
        self.path = path
        self.source_format = raw.format
        self.encoding = raw.encoding
        self._page_title = normalize_line(raw.title) if raw.title else None  # (an HTML page's <title>, a DOCX's, a PDF's)
        normalized = normalize_lines(raw.lines)
        # (line number -> row: the rows picked out in C, not a comprehension over every line; a text report has none)
        self._explicit = dict(itertools.compress(zip(itertools.count(1), normalized),
                                                 map(isinstance, normalized, itertools.repeat(list))))
        if self._explicit:  # (_render inlined: a line is mostly a str, and these run over every line)
            self.original_lines = [item if item.__class__ is str else _render(item) for item in raw.lines]
            self.lines = [item if item.__class__ is str else _render(item) for item in normalized]
        else:  # lines only (a text report): as they are, normalize_lines' list this report's own
            self.original_lines, self.lines = list(raw.lines), normalized  # type: ignore[arg-type]
        self.flags: list[Flag] = []
        self._build(notes)

    # --- construction -----------------------------------------------------------

    def _replacements_possible(self, notes: Sequence[ReaderWarning]) -> bool:
        """Whether the U+FFFD characters of the lines may be bytes the reader could not decode: in a text or a page
        decoded from bytes (``encoding``) only where the decoder said it replaced some; a report quoting '\ufffd' as
        written (UTF-8's EF BF BD) was flagged bad_bytes, its text taken for damaged.  (A PDF's, a DOCX's come from
        an extractor, which says nothing: taken for damage, as before.)"""
        return self.encoding is None or any(note.code == "bad_bytes" and note.detail.endswith(_REPLACED)
                                            for note in notes)

    def _build(self, notes: Sequence[ReaderWarning]) -> None:
        original = "\n".join(self.original_lines)
        undecoded = [i for i, line in enumerate(self.original_lines, start=1) if "\ufffd" in line] \
            if "\ufffd" in original and self._replacements_possible(notes) else []
        if undecoded:  # bytes the reader could not decode (a stray byte of another encoding): shown as �
            n = sum(self.original_lines[i - 1].count("\ufffd") for i in undecoded)
            if self.encoding is not None:  # (a text's own U+FFFD, quoted, beside them is none: the decoder's count)
                n = min(n, sum(_replaced_in(note.detail) for note in notes if note.code == "bad_bytes"))
            self.flags.append(Flag("bad_bytes", "", undecoded[0], f"{n} character(s) could not be decoded (shown as \ufffd)"))
        for note in notes:  # what the reader warned of, kept with the report (a corpus run prints no warning)
            if not (note.code == "bad_bytes" and undecoded):
                self.flags.append(Flag(note.code, "", note.line, note.detail))
        # a PDF's running header or footer repeated at its page breaks (the agency's name, a shortened title) is no
        # part of the text: left in, it stood in the sections' text and broke the tables' rows.  Blanked, and no
        # segment: a section's text reads as the page break's without it
        self._running = frozenset(i + 1 for i in running_head_lines(self.lines))
        for line in self._running:
            self.lines[line - 1] = ""
        segments, outline = self._outline()
        # (the metadata first: a running header of the agency's name alone is furniture inside a table's page text)
        meta, meta_flags = self._metadata()
        self._page_lines = frozenset([meta["agency"]] if meta.get("agency") else [])
        if self._unread(outline) and self._page_lines & {line.strip() for line in self.lines}:
            # the agency's name as a running header inside a wrapped heading ('…0000000四、' / 'XX局' / '政府信息
            # 公开行政复议…'): the sections again with it passed over, where that reads headings the first did not
            again = self._outline(self._page_lines)
            if self._unread(again[1]) < self._unread(outline):
                segments, outline = again
                meta, meta_flags = self._metadata()
        self.sections, self._end, family = outline.sections, outline.end, outline.family
        self._tables_end = None if outline.appendix else outline.end
        if outline.end is not None:
            segments = [s for s in segments if s.line < outline.end]
        keys = [s.key for s in self.sections]
        if not self.sections:
            self.flags.append(Flag("sections_not_found", "", None, "no section heading recognised"))
        elif missing := self._missing(outline):
            self.flags.append(Flag("sections_missing", "", None, ", ".join(self._missing_detail(missing))))
        for note in outline.notes:
            self.flags.append(Flag(note.code, "", note.line, note.detail))
        rows_by_table = self._table_rows(segments, family, outline.appendix, outline.appendix_parts)
        result = extract_tables(rows_by_table, load_identities())
        unread = None
        if "legacy" not in result.present and not any(
                f.code == "table_missing" and f.table == "legacy" for f in result.flags):
            unread = _legacy_unread_at(self.text, self._legacy_header)
            if unread and self._read_glued_legacy(result):
                unread = None
        self._value_cut_by_the_end(result)
        self.flags.extend(result.flags)
        if family == "modern" or result.present & set(_MODERN_TABLES):
            for table in _MODERN_TABLES:
                if table not in result.present:
                    where = "section has no table" if table in keys else "section not found"
                    self.flags.append(Flag("table_missing", table, None, where))
        if unread:
            # the statistics table's header or rows are there, its rows are not read: say so rather than 'ok'
            line = self.text.count("\n", 0, unread[0]) + 1
            self.flags.append(Flag("table_missing", "legacy", line, unread[1]))
        elif family == "legacy" and not result.present and not any(
                f.code == "table_missing" and f.table == "legacy" for f in result.flags):
            # a pre-2019 report with no statistics table at all (its figures in sentences only): partial, as a
            # 2019/2021 report without its tables is (templates-detail §8.4, prose-only reports)
            self.flags.append(Flag("table_missing", "legacy", None, "no statistics table"))
        for r in result.records:  # fresh dicts, this report's own: no copy needed
            r["report_id"] = self.report_id
        self._records = result.records
        template = self._template(result.templates, family)
        self._check_records = check_records(self._records, report_id=self.report_id,
                                            templates=result.templates)
        soft = soft_checks()
        for chk in self._check_records:
            if chk["status"] == "failed":
                code = "soft_check_failed" if (chk["table"], chk["check"]) in soft else "identity_failed"
                self.flags.append(Flag(code, chk["table"], None, chk["detail"]))

        self.metadata: dict[str, Any] = {"agency": None, "report_year": None, "published": None, "template": template,
                                         "script": detect_script(original), "level": None, "province": None,
                                         "agency_kind": None}
        self.metadata.update(meta)
        self.flags.extend(Flag(code, "", None, "metadata") for code in meta_flags)

    def _outline(self, page_lines: frozenset[str] = frozenset()) -> tuple[list[Segment], Outline]:
        """The report's segments and outline (``page_lines``: lines that are page furniture wherever they stand),
        kept as its sections and the end of its own text (an appendix or a second report after it is no part of
        its sections or signature)."""
        segments = split_segments(self.lines, page_lines)
        if self._running:
            segments = [s for s in segments if s.line not in self._running]
        outline = find_outline(segments, page_lines)
        self.sections, self._end = outline.sections, outline.end
        self._tables_end = None if outline.appendix else outline.end  # (an appendix's tables are the report's)
        return segments, outline

    @staticmethod
    def _missing(outline: Outline) -> list[str]:
        """The sections of the outline's format it does not have (all of them where none was found)."""
        keys = {s.key for s in outline.sections}
        return [k for k in load_formats()["section_expected"][outline.family] if k not in keys]

    def _missing_detail(self, missing: list[str]) -> list[str]:
        """The missing sections named for the flag's detail; one whose title a found section's heading merges is
        named with it ('other (merged into problems)': its text is in that section's, not told apart)."""
        merged = {merged_into(s): s.key for s in self.sections}
        return [f"{k} (merged into {merged[k]})" if k in merged else k for k in missing]

    @classmethod
    def _unread(cls, outline: Outline) -> int:
        """How many of the format's sections the outline misses, and of numbered headings it read as no section."""
        return len(cls._missing(outline)) + sum(note.code == "unknown_section" for note in outline.notes)

    def _value_cut_by_the_end(self, result: TableResult) -> None:
        """A table cut short by the text's end (flagged ``truncated``) whose last value ends the text, no cell mark
        nor word after its digits, in plain text (``_CUT_FORMATS``): the file may be cut inside the value too (``79``
        cut to ``7``), so it is left missing, flagged ``ambiguous_digits``.  A complete file's (a web page's, a
        DOCX's) table ending its text with rows left out keeps its last value."""
        tail = _last_filled(self.lines, 1)
        if not tail or not tail[0][1][-1].isdigit() or self.source_format not in _CUT_FORMATS:
            return  # (almost every report: its text ends in words or a mark)
        last = tail[0][0]
        cut = {f.table for f in result.flags if f.code == "truncated"}
        for rec in reversed(result.records):
            if rec["line"] == last + 1 and rec["table"] in cut and rec["value"] == rec["value"] \
                    and self.lines[last].rstrip().endswith(rec["raw"]):
                rec["value"], rec["flag"] = np.nan, "ambiguous_digits"
                result.flags.append(Flag("ambiguous_digits", rec["table"], rec["line"],
                                         f"{rec['row_key']}: {rec['raw']} ends the text, which cuts the table"))
                return

    def _read_glued_legacy(self, result: TableResult) -> bool:
        """A statistics table run together in page text (label, unit, value, no cells), read into
        ``result`` where no row of it was read otherwise; a value the item numbering does not settle stays NA,
        flagged ``ambiguous_digits``, and digits between rows that are no row read are flagged
        ``unlabelled_values``.  Whether a table was read."""
        # the lines joined with nothing between them: a table wrapped over lines reads as the unwrapped line
        written = self.lines if self._tables_end is None else self.lines[: self._tables_end - 1]
        # page furniture at a page break inside the table (a page number, a running header, a footnote) is none of
        # its text: left in, it cut a label wrapped across the break or ran into a value (…件 / - 3 - / 1﹒…)
        lines = [x if not x.strip() or not _skipped_in_run(x, self._page_lines) or _value_after_unit(written, i)
                 else "" for i, x in enumerate(written)]
        lines = _cells_on_lines_apart(_lone_page_numbers_dropped(lines))
        starts = list(itertools.accumulate((len(x) for x in lines[:-1]), initial=0))
        # (the text's last digits may hold the last page's number where nothing after them was left out, and only
        # in a paged source's text: a PDF's or OFD's, or plain text copied from one; not a web page's nor Word's)
        paged = self.source_format in _PAGED_FORMATS
        ends = paged and [i for i, _ in _last_filled(lines, 1)] == [i for i, _ in _last_filled(self.lines, 1)]
        # (and the page numbers set aside there tell which page may open where a value runs into the next row)
        pages = [(at, n) for at, x, kept in zip(starts, written, lines)
                 if not kept and x.strip() and (n := _page_number_of(x)) is not None] if paged else None
        rows, ambiguous, unlabelled = glued_legacy_rows("".join(lines), starts, ends, pages)
        if rows:
            more = extract_tables({"legacy": rows}, load_identities())
            if "legacy" in more.present:
                for rec in more.records:
                    if rec["row_label"] in ambiguous and rec["value"] != rec["value"]:
                        rec["flag"] = "ambiguous_digits"
                        result.flags.append(Flag("ambiguous_digits", "legacy", rec["line"],
                                                 f"{rec['row_label']}: value run into {ambiguous[rec['row_label']]}"))
                if ambiguous and len(read := {r["row_label"] for r in more.records if r["row_label"] in ambiguous}) \
                        < len(ambiguous):
                    # a local item of a table with no unit column, its value not certain: a blank value and no unit
                    # read as a heading's row, so the item and its flag were dropped unseen; said, with its line
                    for row in rows:
                        if (label := row.cells[0].text) in ambiguous and label not in read:
                            result.flags.append(Flag("ambiguous_digits", "legacy", row.line,
                                                     f"{label}: value run into {ambiguous[label]}, the item not read"))
                result.records.extend(more.records)
                result.flags.extend(more.flags)
                result.flags.extend(Flag("unlabelled_values", "legacy", line, f"not read: {what}")
                                    for line, what in unlabelled)
                result.present.add("legacy")
                result.templates["legacy"] = more.templates.get("legacy")
                return True
        return False

    def _table_rows(self, segments: list[Segment], family: str, appendix: Sequence[Segment] = (),
                    appendix_parts: dict[str, list[Segment]] | None = None) -> dict[str, list[Row]]:
        by_key = {s.key: s for s in self.sections} if family == "modern" else {}
        explicit = _rows_cut_by_titles(self._explicit, segments) if self._explicit else self._explicit
        rows_of = functools.partial(build_rows, explicit_rows=explicit, page_lines=self._page_lines,
                                    raw_lines=self.original_lines)
        out: dict[str, list[Row]] = {}
        for key in _MODERN_TABLES:
            if key in by_key:
                out[key] = rows_of(by_key[key].segments)
        if any(k not in by_key for k in _MODERN_TABLES):
            # Sections not found (a pre-2019 outline too: a 2019 report whose headings were not read has the
            # tables all the same): locate the tables by their own markers.
            for key, rows in _split_by_markers(rows_of(segments)).items():
                out.setdefault(key, rows)
        if appendix:
            # Tables in an appendix after the signature (附件:…统计表), under their sections' headings there or
            # found by their markers, for the sections that refer to it (详见附件) or hold no number at all, and
            # those not found.
            parts = {key: rows_of(part) for key, part in (appendix_parts or {}).items()
                     if key in _MODERN_TABLES}
            if len(parts) < len(_MODERN_TABLES):
                for key, rows in _split_by_markers(rows_of(appendix)).items():
                    parts.setdefault(key, rows)
            for key, rows in parts.items():
                sec = by_key.get(key)
                if sec is None or _refers_to_appendix().search(sec.text) or not _DIGIT.search(sec.text):
                    out[key] = out.get(key, []) + rows
        # Pre-2019 statistics tables: explicit rows anywhere in the report, after their header, its appendix's too
        # (a modern report's old-format table after its signature).
        if family == "legacy" or self._legacy_header is not None:
            out["legacy"] = rows_of([*segments, *appendix], table_region=False)
        return out

    @functools.cached_property
    def _legacy_header(self) -> int | None:
        """:func:`_legacy_header_at` of the report's text, asked by its tables' rows and by the check of a
        statistics table left unread: the whole text searched once."""
        return _legacy_header_at(self.text)

    def _template(self, templates: dict[str, str | None], family: str) -> str:
        found = {t for k, t in templates.items() if t and k != "legacy"}
        # a pre-2019 statistics table beside 2019/2021 tables is a mix too (templates-detail §2: per table)
        if len(found) > 1 or (found and templates.get("legacy")):
            self.flags.append(Flag("mixed_template", "", None,
                                   "tables follow different formats: " + ", ".join(
                                       f"{k}={v}" for k, v in sorted(templates.items()) if v)))
        if templates.get("requests"):
            return templates["requests"]  # type: ignore[return-value]  # set: checked above
        if found:
            return sorted(found)[0]
        if templates.get("legacy") or family == "legacy":
            return "legacy"
        return "unknown"

    def _metadata(self) -> tuple[dict[str, Any], list[str]]:
        """The report's metadata and the codes of its flags."""
        index = {s.key: s.first_line - 1 for s in self.sections}
        # the signature is the report's own, before an appendix or a second report
        lines = self.lines if self._end is None else self.lines[: self._end - 1]
        meta = dict(_metadata_of(lines, index, self.path, self._page_title))
        return meta, list(meta.pop("flags", None) or [])

    # --- public API ----------------------------------------------------------------

    @functools.cached_property
    def tables(self) -> pd.DataFrame:
        """All extracted cells, long format (``tables.csv`` schema)."""
        tables = pd.DataFrame(self._records, columns=TABLE_COLUMNS)
        tables["value"] = tables["value"].astype(float)
        tables["line"] = tables["line"].astype("Int64")
        return tables

    @functools.cached_property
    def checks(self) -> pd.DataFrame:
        """One row per identity checked (``checks.csv`` schema)."""
        return pd.DataFrame(self._check_records, columns=CHECK_COLUMNS).astype({"ok": bool})

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def original_text(self) -> str:
        return "\n".join(self.original_lines)

    @property
    def status(self) -> str:
        """``'ok'`` when nothing was flagged, else ``'partial'``."""
        return "partial" if self.flags else "ok"

    @property
    def template(self) -> str:
        return self.metadata["template"]

    def section(self, key: str) -> Section | None:
        """The section with this key, or None.

        Parameters
        ----------
        key : str
            A section key such as ``'problems'`` (those of :attr:`Section.key`).

        Returns
        -------
        Section or None
            None where the report has no section of this key.

        Raises
        ------
        ValueError
            If ``key`` is no section key of the 2019/2021 or pre-2019 formats (``'problem'``), which
            no report has.
        """
        if key not in _section_keys():  # a typo gave None, as a report without that section does
            raise ValueError(f"key must be a section key ({', '.join(_section_keys())}), got {key!r}")
        for sec in self.sections:
            if sec.key == key:
                return sec
        return None

    def table(self, name: str, *, wide: bool = True, blank_as_zero: bool = False) -> pd.DataFrame:
        """One table, rows × columns (``wide=True``) or long.

        Parameters
        ----------
        name : {'active', 'requests', 'review_litigation', 'legacy'}
            The table.
        wide : bool, default True
            Pivot to row_key × col_key (rows and columns in the format's order).
        blank_as_zero : bool, default False
            Read blank cells (``raw == ''``) as 0.  An analysis choice, never
            the default; not-applicable marks (``/``), cells that could not be
            placed, the cells of rows flagged ``ragged`` or ``ambiguous_digits``
            and a blank total of a row whose other cells are not all 0 stay NA,
            as does a blank cell that a row's stated total or one of the
            requests table's column identities says holds a number (the rule
            of :func:`toolkit.metrics.report_metrics`, in ``docs/metrics.md``).

        Returns
        -------
        DataFrame
            Wide: ``value`` by ``row_key`` (index) and ``col_key`` (columns), the rows and columns
            the report has; long: its rows of :attr:`tables`.  A table the report does not have
            (the 2019/2021 tables of a pre-2019 report, a table flagged ``table_missing``) gives an
            empty frame: check ``len`` or ``report.flags`` before reading a cell.

        Raises
        ------
        ValueError
            For an unknown table name.
        TypeError
            If ``wide`` or ``blank_as_zero`` is not True or False.

        Examples
        --------
        >>> import toolkit
        >>> report = toolkit.parse_report("data/raw/001_4d29bfef72dd56db.txt")
        >>> int(report.table("requests").loc["new", "total"])
        99
        """
        if name not in TABLE_NAMES:
            raise ValueError(f"name must be one of {', '.join(TABLE_NAMES)}; got {name!r}")
        for option, value in (("wide", wide), ("blank_as_zero", blank_as_zero)):
            # a str is true: blank_as_zero="False" would turn blank cells into 0 (as report_metrics refuses it)
            if not isinstance(value, (bool, np.bool_)):
                raise TypeError(f"{option} must be True or False, got {value!r}")
        part = self.tables[self.tables["table"] == name].copy()
        if blank_as_zero:
            part.loc[_is_blank(part, self.flags_frame()), "value"] = 0.0
        if not wide:
            return part.reset_index(drop=True)
        rows = list(dict.fromkeys(part["row_key"]))
        cols = list(dict.fromkeys(part["col_key"]))
        grid = part.pivot_table(index="row_key", columns="col_key", values="value", aggfunc="first",
                                dropna=False)
        return grid.reindex(index=rows, columns=cols)

    @functools.cached_property
    def statements(self) -> pd.DataFrame:
        """Statements of the problems-and-improvements section(s) (``statements.csv`` schema)."""
        frame = pd.DataFrame(self._statement_records, columns=STATEMENT_COLUMNS)
        frame["seq"] = frame["seq"].astype("int64")
        return frame

    @functools.cached_property
    def _statement_records(self) -> list[dict]:
        out: list[dict] = []
        for key in ("problems", "improvements"):
            sec = self.section(key)
            if sec is not None and sec.text.strip():
                first_kind = "measure" if key == "improvements" else None
                # (the agency's name as a running header of a PDF's text is no statement's text, as in tables)
                out.extend(statement_records(sec.text, report_id=self.report_id, first_kind=first_kind,
                                             page_lines=self._page_lines))
        for seq, rec in enumerate(out, start=1):
            rec["seq"] = seq
        return out

    def _flag_records(self) -> list[dict]:
        return [{"report_id": self.report_id, "code": f.code, "table": f.table, "line": f.line,
                 "detail": f.detail} for f in self.flags]

    def _section_records(self) -> list[dict]:
        return [{"report_id": self.report_id, "seq": i, "key": s.key, "title": s.title,
                 "first_line": s.first_line, "last_line": s.last_line, "n_chars": len(s.text) - _n_space(s.text),
                 "text": s.text} for i, s in enumerate(self.sections, start=1)]

    def flags_frame(self) -> pd.DataFrame:
        """The flags as a DataFrame (``flags.csv`` schema; ``line`` Int64, as in :attr:`tables`)."""
        frame = pd.DataFrame(self._flag_records(), columns=FLAG_COLUMNS)
        # (pandas makes the lines int64, float64 (2.0, NaN) or object (None) as the report's flags have them)
        frame["line"] = frame["line"].astype("Int64")
        return frame

    def sections_frame(self) -> pd.DataFrame:
        """The sections as a DataFrame (``sections.csv`` schema)."""
        return pd.DataFrame(self._section_records(), columns=SECTION_COLUMNS)

    def summary(self) -> dict:
        """This report's row of ``reports.csv``."""
        from toolkit.corpus import _codes  # the order of flags.csv (not at the top: corpus imports this module)

        meta = self.metadata
        codes = _codes(self._flag_records())
        return {"report_id": self.report_id, "path": self.path, "status": self.status, "error": None,
                "agency": meta.get("agency"), "report_year": meta.get("report_year"),
                "published": meta.get("published"), "template": meta.get("template"),
                "script": meta.get("script"), "level": meta.get("level"), "province": meta.get("province"),
                "agency_kind": meta.get("agency_kind"), "source_format": self.source_format,
                "encoding": self.encoding, "n_flags": len(self.flags), "flags": ";".join(codes)}

    def to_records(self) -> dict[str, list[dict]]:
        """Everything extracted, as plain rows (what :meth:`to_frames` puts in DataFrames).

        Corpus runs use this: building DataFrames once per batch of reports
        instead of six per report is most of their speed.

        Returns
        -------
        dict of str to list of dict
            The keys of :meth:`to_frames`; each row a dict keyed by column name.
        """
        return {"reports": [self.summary()], "sections": self._section_records(),
                # (each record copied in C: a report has hundreds of table records)
                "tables": list(map(dict, self._records)), "checks": list(map(dict, self._check_records)),
                "statements": list(map(dict, self._statement_records)), "flags": self._flag_records()}

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Everything extracted, as the DataFrames of a corpus run of this one report.

        Returns
        -------
        dict
            ``reports`` (one row), ``sections``, ``tables``, ``checks``,
            ``statements``, ``flags``: the columns, dtypes and row order of the data dictionary,
            equal to what :func:`toolkit.extract_corpus` gives for this file.
        """
        from toolkit.corpus import _combine, _empty, _frames_of  # (not at the top: corpus imports this module)

        frames = _combine([_frames_of(self, self.path, self.report_id)])  # type: ignore[arg-type]
        # an empty frame of _combine is the runner's shared one: the caller gets its own
        return {name: frame if len(frame) else _empty(name) for name, frame in frames.items()}

    def __repr__(self) -> str:
        year = self.metadata.get("report_year") or "?"
        return f"<Report {self.report_id} {year} template={self.template} flags={len(self.flags)}>"


def _render(item: str | list[str]) -> str:
    return item if isinstance(item, str) else " | ".join(item)


def _rows_cut_by_titles(explicit: dict[int, list[str]], segments: Sequence[Segment]) -> dict[int, list[str]]:
    """The reader's rows ``explicit`` (line → cells), those that a glued section title cut in a cell
    (:func:`toolkit.sections.split_segments`: a web page's row ``… | 0 | 0五、存在的主要问题…`` whose cell holds the
    next section's title and text) as the row's part before the title holds them: the value before the title read,
    the title and its text no cell (the whole cell was read as the value, flagged ``not_a_number``), the row's values
    after that cell kept.  A row is so cut only where its first part's cells are the row's, the last cut short."""
    first: dict[int, str] = {}
    cut = []
    for seg in segments:
        if seg.line in explicit:
            if seg.line in first:
                cut.append(seg.line)
            else:
                first[seg.line] = seg.text
    if not cut:
        return explicit
    out = dict(explicit)
    for line in cut:
        text = first[line].rstrip()
        cells = (text[:-1].rstrip() if text.endswith("|") else text).split(" | ")
        whole = explicit[line]
        # (the cells before the cut one as the row has them; the values after it, if any, its last ones)
        at = next((k for k, (a, b) in enumerate(zip(cells, whole)) if a != b), len(cells) - 1)
        rest = len(cells) - at - 1
        if at < len(whole) and whole[at].startswith(cells[at]) and cells[at + 1:] == whole[len(whole) - rest:]:
            out[line] = cells
    return out


def _split_by_markers(rows: list[Row]) -> dict[str, list[Row]]:
    """Assign rows to tables by the tables' own first rows (article line, identity note, review header)."""
    vocab = vocabulary()
    out: dict[str, list[Row]] = {}
    current = None
    for row in rows:
        first = row.cells[0].text if row.cells else ""
        if vocab.article_item(first):
            current = "active"
        elif vocab.is_identity_note(first) or (vocab.request_row(first) == "new"):
            current = "requests"
        elif first.replace(" ", "") in ("行政复议",):
            current = "review_litigation"
        if current:
            out.setdefault(current, []).append(row)
    return out


def parse_report(path: str | os.PathLike, report_id: str | None = None, *, encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read and parse one annual report.

    Parameters
    ----------
    path : str or os.PathLike
        A report as text, HTML, a web archive (``.mht``), DOCX, Word 97–2003
        ``.doc``, PDF or OFD, told by its content over its name (see
        :func:`toolkit.readers.read_document`).
    report_id : str, optional
        Id to use; defaults to the file stem (the whole name where the stem is
        blank, ``'  .txt'``), as a corpus run gives it.
    encoding : str, optional
        Codec of a text/HTML file; detected when None (UTF-8, UTF-16/32, GBK/GB18030,
        Big5: see :func:`toolkit.readers.read_document`).
    max_bytes : int, default 50 MiB
        Files larger than this raise :class:`~toolkit.errors.FileTooLargeError`.

    Returns
    -------
    Report

    Raises
    ------
    toolkit.errors.ToolkitError
        When the file cannot be read; the message names the file and the problem.
    TypeError
        If ``path`` is not a str or path-like (bytes included), or ``report_id`` is not a str.
    ValueError
        If ``report_id`` is empty, or ``path`` holds a NUL character (no file name can).

    Examples
    --------
    >>> import toolkit
    >>> toolkit.parse_report("data/raw/001_4d29bfef72dd56db.txt")
    <Report 001_4d29bfef72dd56db 2020 template=2019 flags=5>
    """
    if isinstance(path, (bytes, bytearray)):
        raise TypeError("path must be a str or os.PathLike; for a document's bytes, decode them "
                        "(toolkit.readers.decode_bytes) and use toolkit.parse_text")
    _check_report_id(report_id)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReaderWarning)
        raw = read_document(path, encoding=encoding, max_bytes=max_bytes)
    notes = [w.message for w in caught if isinstance(w.message, ReaderWarning)]
    for w in caught:  # warned as before, and kept as flags of the report
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    rid = report_id if report_id is not None else _default_id(os.fspath(path))
    return Report(report_id=rid, path=os.fspath(path), raw=raw, notes=notes)


def parse_text(text: str, report_id: str | None = None) -> Report:
    """Parse a report given as a string (plain text, any of the text layouts).

    Parameters
    ----------
    text : str
        The report's text.
    report_id : str, optional
        Defaults to ``'text'``.

    Returns
    -------
    Report

    Raises
    ------
    TypeError
        If ``text`` or ``report_id`` is not a str.
    ValueError
        If ``report_id`` is empty.

    Examples
    --------
    >>> import toolkit
    >>> toolkit.parse_text("一、总体情况\\n本年度工作正常开展。").sections[0].key
    'overview'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    _check_report_id(report_id)
    raw = RawDocument(path=None, format="text", encoding=None, lines=text_lines(text))
    return Report(report_id="text" if report_id is None else report_id, path=None, raw=raw)


def _default_id(path: str) -> str:
    """The id a file's report gets by default: its stem (``a/b/x.txt``: ``'x'``), the whole name when the stem
    is blank (``'  .txt'``: a blank id is refused), the folder's own name for ``.`` or ``..``, and ``'report'``
    when even that is blank."""
    p = Path(path)
    if p.name in ("", ".", ".."):  # '.', './', '..', '/': the folder they name, which abspath spells out
        p = Path(os.path.abspath(path))
    for name in (p.stem, p.name):
        if name.strip():
            return name
    return "report"


def _check_report_id(report_id: object) -> None:
    if report_id is None:
        return
    if not isinstance(report_id, str):
        raise TypeError(f"report_id must be a str, got {type(report_id).__name__}: {report_id!r}")
    if not report_id.strip():
        raise ValueError("report_id must not be empty")
