"""Finding the sections of a report.

A heading is a short line made of an optional numbering (``一、``, ``3、``,
``(一)``) and a title that matches one of the section patterns of
``formats.yaml``.  Web-page text can glue a whole report into one line; there a
numbered title is also found inside the line (``…问责。 二、主动公开政府信息情况…``),
and the line is cut there so that each section gets its own text (a pre-2019 report's own titles too, where the
text is one: ``…空间;七、说明与附表…``).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Callable, NamedTuple

from toolkit.annex import attachment_start
from toolkit.cues import _nothing_to_report
from toolkit.formats import _ARTICLE, _CN_DIGITS, alternation, load_formats, vocabulary
from toolkit.glued import _INLINE_AFTER, _SENTENCE_BREAK, _inline_heading, _patterns, _stray_pipe
from toolkit.metadata import (_TABLE_CELLS, _annex_end, _date_in, _starts_with_box_label, _undated_signature,
                               glued_signature_start, is_furniture, is_running_title, report_title_lines,
                               signature_notes, signature_start, table_leads, table_start)
from toolkit.normalize import (_HAN, CID_GLYPHS, HAN_RANGES, NA_MARKS, _appendix_line, _furniture_page_number,
                                _matching_lines, _page_furniture, cn_numeral, is_footnote, is_page_furniture,
                                is_value_cell, label_key, remove_pinyin)

__all__ = ["Segment", "Section", "split_segments", "find_sections"]


class Segment(NamedTuple):
    """A piece of text and the (1-based) line of the normalized text it stands on."""

    # A named tuple, not a frozen dataclass: a report makes hundreds, and this is 3x cheaper to create.
    text: str
    line: int


# A Segment made without the named tuple's own __new__ (a Python function): split_segments makes one a line.
_new_segment = functools.partial(tuple.__new__, Segment)


@dataclass
class Section:
    """One section of a report.

    Attributes
    ----------
    key : str
        Canonical key (``overview``, ``active``, ``requests``,
        ``review_litigation``, ``problems``, ``other``; pre-2019 reports also
        ``intro``, ``consultation``, ``fees``, ``improvements``, ``notes``,
        ``responses`` 回应解读情况, ``institutions`` 机构建设和保障经费情况).
    title : str
        The heading as written (normalized), numbering included.
    text : str
        The section's text without its heading, lines joined by ``\\n``; the last section
        ends before the report's signature (agency and date lines, or glued after its last
        sentence) and what follows it.
    first_line, last_line : int
        1-based lines of the normalized text: the heading's line and the last
        line before the next section.
    """

    key: str
    title: str
    text: str
    first_line: int
    last_line: int
    segments: list[Segment]

    def __repr__(self) -> str:
        return f"<Section {self.key} lines {self.first_line}-{self.last_line} {self.title!r}>"


_CN_NUM = "[一二三四五六七八九十]{1,2}"
_ROMAN = "(?:VI{0,3}|IV|IX|I{1,3}|X)"  # Ⅰ Ⅱ … after NFKC
# 一、 1. 一: 一) 1) [一] (【一】 after NFKC) I、, a Chinese numeral before a comma typed for 、 (一，总体情况), and a
# numeral set off by a space only (一 总体情况, 1 总体情况, Ⅰ 总体情况, as a PDF or Word copy gives it; an Arabic or Roman
# one only before a Chinese character: '3 0 0' is a row of a table set with spaces); a full stop typed for 、
# (一。总体情况) numbers a whole title only, no text glued after it (_STOP_NUMBER); an Arabic numeral before a comma
# or a middle dot only before a Chinese character (2，主动公开…, 1·总体情况: '1,577' is a count); a middle dot after a
# Chinese numeral (一·总体情况)
_MIDDLE_DOTS = "·・"
_TOP = (rf"(?:(?:{_CN_NUM}|\d{{1,2}})\s*[、.．:)。]|{_CN_NUM}\s*[,{_MIDDLE_DOTS}]"
        rf"|\d{{1,2}}\s*[,{_MIDDLE_DOTS}](?=\s*[{HAN_RANGES}])"
        rf"|\[\s*(?:{_CN_NUM}|\d{{1,2}})\s*\]|{_ROMAN}\s*[、.．]|{_CN_NUM}(?=\s)"
        rf"|(?:\d{{1,2}}|{_ROMAN})(?=\s+[{HAN_RANGES}]))")
_SUB = rf"[(]\s*(?:{_CN_NUM}|\d{{1,2}})\s*[)]"
# a part's number: 第一部分 (第一章, 第一节), or an ordinal before a 、 or a comma (第一、总体情况, 第二，主动公开…: a
# heading only where a section's title and nothing else follows, as for any number; a sentence's 第一，… is none)
_PART = rf"第{_CN_NUM}(?:(?:部分|章|节)[、:]?|\s*[、,])"
# what stands between a number and its title: spaces, and a 、 after a closing bracket ('(一)、总体情况', '①、…' after
# NFKC) or after the number's own 、 (a typo, '五、、其他…'): read as the title's first character, the title named
# no section
_AFTER_NUM = r"(?:\s|(?<=[)、])、)*"


def _whole_before_text(run: str) -> str:
    """The starred pattern ``run`` taken whole, possessive, where a non-space follows it, else as it is (giving back
    what the rest of the pattern needs: a title of one space where only spaces stand)."""
    return rf"(?:(?={run}+\S){run}+|(?!{run}+\S){run})"


# (the spaces before the number, and those after it, are taken whole where a non-space follows them: a title starting
# inside them matches only where the one starting after them does, which is tried first; given back space by space
# and split two ways between them, a line of 700 spaces, 'x', 700 spaces and a second line took 6 s, cubic)
# (a text of spaces alone: its title is its last space not a newline, the spaces before it the lead, as given back;
# found from the end at once, not tried against _AFTER_NUM's: a few thousand newlines took seconds, squared)
_LEAD = r"(?:(?=\s*+\S)\s*+|(?!\s*+\S)\s*(?=[^\S\n]))"
_BEFORE_TITLE = _whole_before_text(_AFTER_NUM)
# (a run of spaces is taken whole, possessive, in the title and after it: tried space by space, a line with a run
# of a few thousand spaces took minutes, cubic in the run; the matches are the same, a space ending no title)
# a bullet typed before a heading's number ('■一、总体情况', formats.yaml bullets) is none of its title; before no
# number it stays the line's ('■一是加强…' is text)
_BULLET_BEFORE_NUMBER = rf"(?:[{re.escape(load_formats()['bullets'])}][^\S\n]*(?=(?:{_TOP}|{_SUB}|{_PART})))?"
# the opening quote a numbered title may be set in (formats.yaml section_title_quotes: '二、“主动公开政府信息情况”')
_OPEN_QUOTE = f"[{re.escape(''.join(q[0] for q in load_formats()['section_title_quotes']))}]"
_HEADING = re.compile(rf"^{_LEAD}{_BULLET_BEFORE_NUMBER}(?P<num>{_TOP}|{_SUB}|{_PART})?{_BEFORE_TITLE}"
                      rf"(?P<title>(?:[^\S\n]++|\S)+?)\s*+[。.:;]?\s*+$")


def _inline_after(number: str) -> str:
    """``_INLINE_AFTER`` then the heading's ``number`` (a pattern), as one pattern.

    A number opening with '(' is written '(' first, its look back after it (not after a character other than
    those of ``_SENTENCE_BREAK``): the same matches, but the regex engine skips to the '(' characters where a
    pattern opening with the look back is tried at every character of the line.
    """
    if number.startswith(r"\("):
        return rf"\((?<![^{_SENTENCE_BREAK}]\()(?:{number[2:]})"
    return rf"{_INLINE_AFTER}(?:{number})"


def _numbered_titles(after: str, number: str) -> re.Pattern[str]:
    # The modern format's titles and (group ``legacy``) the pre-2019 format's own after ``after`` and a number of
    # formats.yaml section_inline_numbers (group ``top``).
    titles = "|".join(p.pattern for p in sum(_patterns()["modern"].values(), []))
    legacy = "|".join(_inline_legacy_titles())
    # (_AFTER_NUM: the number's 、 typed twice, '…。五、、其他需要报告的事项', cuts as on a line of its own; a bullet
    # before the number, '…。■二、主动公开…', and the title's opening quote, '…。二、“主动公开…”', cut as the plain
    # heading does: the cut before the bullet, which _HEADING reads as no part of the title)
    return re.compile(rf"{after}{_BULLET_BEFORE_NUMBER}(?P<top>{number}){_AFTER_NUM}{_OPEN_QUOTE}?"
                      rf"(?:{titles}|(?P<legacy>{legacy}))")


@functools.lru_cache(maxsize=1)
def _inline_any_heading() -> re.Pattern[str]:
    # The numbered titles of _inline_heading, and (group ``legacy``) the titles only the pre-2019 format uses
    # (formats.yaml section_inline_legacy): those cut only where the text is a pre-2019 report (_legacy_glued).
    return _numbered_titles(_INLINE_AFTER, load_formats()["section_inline_numbers"]["top"])


#: What a section title numbered 六. or 六, (formats.yaml section_inline_numbers' marked) glued inside a line follows:
#: a sentence's end, or a digit or a comma that :func:`_marked_cuts` finds to end a table row's value; not a space
#: as a title numbered 六、 may (nor a quote: '按照"六.其他…"的要求')
_MARKED_AFTER = "(?<=[。;!?\\d,])"
_SENTENCE_END = frozenset("。;!?")


@functools.lru_cache(maxsize=1)
def _inline_marked_heading() -> re.Pattern[str]:
    # The titles of _inline_any_heading numbered 六. or 六, (groups ``top`` and ``legacy`` as there), after a
    # sentence's end or a table row's value: they cut only numbered one more than the section title before them
    # (_marked_cuts, which tells a row's value from a digit or a comma of prose).
    return _numbered_titles(_MARKED_AFTER, load_formats()["section_inline_numbers"]["marked"])


# the cheap test a line passes before _inline_marked_heading is sought in it
_MARKED_NUMBER = re.compile(rf"[。;!?\d,]{_CN_NUM}[.,]")
# a line split_segments may cut (or the sub-cuts' lines): one with a 、 or a _MARKED_NUMBER ('、|' + its pattern).
# Written to open on a character either must hold, a 、 or a Chinese numeral (the mark before it looked behind), so
# that the search skips to them: opening on _MARKED_NUMBER's class, \d, a Unicode class was asked of every character
# of every line.  (_CN_NUM, one or two numerals: the first here, then one more.)
_MAY_CUT = re.compile(rf"[、{_MIDDLE_DOTS}{_CN_DIGITS}](?:(?<=[、{_MIDDLE_DOTS}])|(?<=[。;!?\d,].)[{_CN_DIGITS}]?[.,])")

# a table's value alone in its cell, ending the text before a glued title: after a cell mark or at the line's start
# ('… | 0', '\t12', '1,577', '0.5'; a comma after it or not, '0,'), not a date's or a version's digits ('2021.1.26')
_CELL_VALUE = re.compile(r"(?:^|[|\t])\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*,?$")


def _after_row_value(head: str, before: Sequence[str]) -> bool:
    """Whether ``head``, a line's text before a title numbered 六. glued after a digit or a comma, ends in a table
    row's value: a number alone in its cell, after a cell mark on the line (pipe rows, a web page's row, tab text:
    ``… | 0 | 0五.存在的主要问题…``) or starting the line where the filled line before it, the last of ``before``,
    is a table's cell too (a cell a line: ``0 |`` / ``0五.…``, or a number alone).  A comma or a digit in prose
    (``报告如下,六.其他…``, ``…共3,六.…``) ends no cell."""
    m = _CELL_VALUE.search(head)
    if m is None:
        return False
    if m.group()[:1] in "|\t":
        return True
    prev = next((t.strip() for t in reversed(before) if t.strip()), "")
    return prev.endswith("|") or _CELL_VALUE.fullmatch(prev) is not None


def _last_title_number(texts: Sequence[str]) -> int | None:
    """The number of the last numbered section title (一、 or 一., :func:`_inline_any_heading` or
    :func:`_inline_marked_heading`) that starts one of ``texts``, the last first; None where none does."""
    for text in reversed(texts):
        if text[:1] not in _CN_DIGITS:
            continue
        # (a title numbered 六. starts a line as it follows a sentence's end)
        m = _inline_any_heading().match(text) or _inline_marked_heading().match("。" + text, 1)
        if m is not None:
            return cn_numeral(m["top"][:-1])
    return None


@functools.lru_cache(maxsize=1)
def _legacy_evidence() -> re.Pattern[str]:
    """What tells a pre-2019 report anywhere in its text, glued or not: its statistics table's header (统计指标 |
    单位, letter-spaced or not) or its overview numbered 一 and titled in its own words (一、概述)."""
    spec = load_formats()
    header = alternation(spec["legacy"]["label_header_words"], spaced=True)
    unit = alternation(spec["legacy"]["unit_headers"], spaced=True)
    words = "|".join(spec.get("section_family_words", {}).get("legacy", []))
    return re.compile(rf"(?:{header})[\s|]*(?:{unit})|{_INLINE_AFTER}一、\s*(?:{words})")


def _legacy_glued(lines: list[str]) -> Callable[[re.Match[str]], bool]:
    """Which glued titles of only the pre-2019 format (group ``legacy`` of :func:`_inline_any_heading`) cut the
    line: all where the text is a pre-2019 report (:func:`_legacy_evidence`); else a title numbered next to
    another section's numbered title, the one before it numbered one less or the one after it one more (a run of
    the format's titles: '三、依申请公开政府信息情况…四、咨询情况…').  A modern report's own items are no such run.
    Titles of the modern format always cut (they match no ``legacy`` group)."""
    text = "\n".join(lines)
    if _legacy_evidence().search(text):
        return lambda m: True
    ok: set[tuple[int | None, str]] = set()
    # the lines as given, and joined end to end (a title broken by a line's end, '…。四、咨' / '询情况…')
    for scan in (text, "".join(lines)):
        found = [(cn_numeral(m["top"][:-1]), _SPACE_RUN.sub("", m["legacy"] or ""))
                 for m in _inline_any_heading().finditer(scan)]
        for j, (n, title) in enumerate(found):
            if title and n is not None and ((j > 0 and found[j - 1][0] == n - 1)
                                            or (j + 1 < len(found) and found[j + 1][0] == n + 1)):
                ok.add((n, title))
    return lambda m: (cn_numeral(m["top"][:-1]), _SPACE_RUN.sub("", m["legacy"])) in ok


def _optional_legacy_patterns() -> list[str]:
    """The title patterns of the optional pre-2019 sections (formats.yaml section_optional: 回应解读情况,
    机构建设和保障经费情况, as ``sections.legacy`` words them), which are also block headings of the statistics table."""
    return [p for key in sorted(_optional_keys()) for p in load_formats()["sections"]["legacy"].get(key, [])]


@functools.lru_cache(maxsize=1)
def _inline_legacy_titles() -> tuple[str, ...]:
    """The pre-2019 titles that cut a glued line (formats.yaml ``section_inline_legacy``) and those of the optional
    sections."""
    return (*load_formats()["section_inline_legacy"], *_optional_legacy_patterns())


@functools.lru_cache(maxsize=1)
def _optional_legacy_title() -> re.Pattern[str]:
    """A title of an optional pre-2019 section (:func:`_optional_legacy_patterns`)."""
    return re.compile("|".join(_optional_legacy_patterns()))


def _after_a_value(m: re.Match[str]) -> bool:
    """Whether the glued title matched by ``m`` follows a number, past spaces and cell marks (a table row's value)."""
    return m.string[:m.start()].rstrip(" \t\r|")[-1:].isdigit()


@functools.lru_cache(maxsize=1)
def _inline_sub_heading() -> re.Pattern[str]:
    # Titles numbered (一) of the modern format inside a glued line, a group named k0, k1, … for each section key.
    groups = "|".join(f"(?P<k{n}>{'|'.join(p.pattern for p in pats)})"
                      for n, pats in enumerate(_patterns()["modern"].values()))
    number = load_formats()["section_inline_numbers"]["sub"]
    return re.compile(rf"{_inline_after(number)}\s*(?:{groups})")


#: Above these many candidate headings of known titles, or headings numbered in the sections' own form, the
#: search for the run that explains the most sections (cubic in them) is not made: real reports have a dozen.
_MAX_RUN_CANDIDATES = 24
_MAX_RUN_ITEMS = 200


_SUB_RUN_MIN = 3  # the fewest (一) titles that make a report's sections in a glued line (as a table of contents')
_SUB_MARK = re.compile(rf"\(\s*{_CN_NUM}\s*\)")


class _SubCuts(NamedTuple):
    """Where to cut glued lines at section titles numbered (一): ``cuts``, line number to the offsets in that line;
    ``carried``, line number to the offset of a title that runs on into the next line (its start is carried on,
    as a wrapped 一、 title's is)."""

    cuts: dict[int, list[int]]
    carried: dict[int, int]


def _glued_sub_cuts(lines: list[str], min_run: int = _SUB_RUN_MIN) -> _SubCuts:
    """Where to cut glued lines at section titles numbered (一) (see :class:`_SubCuts`).

    Only a report that numbers its sections (一)…(六) is cut there: the titles numbered (一) that stand on a
    longest run in the format's order (an allowed swap too), numbers rising, of at least ``min_run`` titles
    and more than the report's titles numbered 一、.  The overview's own items ((一)主动公开政府信息的情况), the
    problems section's ((一)存在的主要问题) are then no cut: no run holds them, or :func:`find_outline` picks among
    the runs that tie (see :func:`_run_on_sections`).  A title that a line's end breaks ('…问责。(二)主动公开政府信'
    / '息情况第二十条…') is sought in the line and the next line's start, as a 一、 title is.
    """
    found: list[tuple[int, int, int, int, bool]] = []  # (line number, offset, number, section's rank, wrapped)
    pattern = None
    # (only the lines with a '(': picked in C by `in`, a fraction of a regex search's cost; most lines have none)
    with_bracket = map(operator.contains, lines, itertools.repeat("("))
    for number, line in itertools.compress(enumerate(lines, start=1), with_bracket):
        # the next line's start: a title broken by the line's end, in its number or its words
        joined = line + lines[number][:_TITLE_REACH] if number < len(lines) else line
        if not _SUB_MARK.search(joined):
            continue
        pattern = pattern or _inline_sub_heading()
        for m in pattern.finditer(joined):
            if m.start() >= len(line):
                break  # (the next line's own: found there)
            rank = next(int(name[1:]) for name, value in m.groupdict().items() if value is not None and name[0] == "k")
            found.append((number, m.start(), cn_numeral(m["number"]) or 0, rank, m.end() > len(line)))
    if not min_run <= len(found) <= _MAX_RUN_ITEMS or not any(f[1] for f in found):
        return _SubCuts({}, {})  # (the longest run is sought in time quadratic in the titles: bounded as the run search)
    on_run = _sub_run(found, lines, min_run, 0)
    # Two reports in one file (a report's title on a line of its own after the first line): each report's run and
    # titles numbered 一、 are its own (a report numbered 一、 before or after a glued one numbered (一) left the
    # glued one uncut, all its sections lost)
    starts = [0] + [i for i in report_title_lines(lines) if i > 0]
    if len(starts) > 1:
        for a, b in zip(starts, starts[1:] + [len(lines)]):
            part = [j for j, f in enumerate(found) if a < f[0] <= b]
            on_run.update(part[k] for k in _sub_run([found[j] for j in part], lines[a:b], min_run, a))
    cuts: dict[int, list[int]] = {}
    carried: dict[int, int] = {}
    for j in sorted(on_run):
        number, start, wrapped = found[j][0], found[j][1], found[j][4]
        cuts.setdefault(number, []).append(start)  # (at 0 no cut: there only for a title carried on)
        if wrapped:
            carried[number] = start
    return _SubCuts(cuts, carried)


def _sub_run(found: list[tuple[int, int, int, int, bool]], lines: list[str], min_run: int, first: int) -> set[int]:
    """Indexes in ``found`` (section titles numbered (一) in ``lines``, as :func:`_glued_sub_cuts` finds them, their
    line numbers counted from ``first`` lines before ``lines``) of the titles on a longest run, numbers rising in
    the format's order (an allowed swap too), of at least ``min_run`` titles and more than the titles numbered 一、 in
    ``lines`` that do not all stand after the run or all before it (those are another report's: a report numbered
    一、 with no title of its own after a glued one numbered (一)); else none."""
    if len(found) < min_run:
        return set()
    keys = list(_patterns()["modern"])
    on_run: set[int] = set()
    longest = 0
    for order in _orders("modern"):
        rank = [order.index(keys[f[3]]) for f in found]
        n = len(found)
        # ending[j] / starting[j]: the longest run ending / starting at title j; j is on a longest run where they
        # add up to it
        ending, starting = [1] * n, [1] * n
        for j in range(n):
            for a in range(j):
                if rank[a] < rank[j] and found[a][2] < found[j][2]:
                    ending[j] = max(ending[j], ending[a] + 1)
        for j in range(n - 1, -1, -1):
            for b in range(j + 1, n):
                if rank[j] < rank[b] and found[j][2] < found[b][2]:
                    starting[j] = max(starting[j], starting[b] + 1)
        best = max(ending)
        if best > longest:
            longest, on_run = best, set()
        if best == longest:
            on_run.update(j for j in range(n) if ending[j] + starting[j] - 1 == best)
    if longest < min_run:
        return set()
    top = _inline_heading()
    tops = [(first + n, m.start()) for n, line in enumerate(lines, start=1) if "、" in line
            for m in top.finditer(line)]
    run = sorted(found[j][:2] for j in on_run)
    if len(tops) >= longest and not (tops[0] > run[-1] or tops[-1] < run[0]):
        return set()  # the report's sections are numbered 一、: its (一) titles are items
    return on_run


@functools.lru_cache(maxsize=1)
def _inline_arabic_heading() -> re.Pattern[str]:
    # Section titles numbered 2、 inside a glued line (formats.yaml section_inline_numbers' arabic): of the modern
    # format and the pre-2019 format's own.
    titles = "|".join(p.pattern for p in sum(_patterns()["modern"].values(), []))
    legacy = "|".join(_inline_legacy_titles())
    number = load_formats()["section_inline_numbers"]["arabic"]
    return re.compile(rf"{_INLINE_AFTER}(?<!\d)(?P<arabic>{number})\s*(?:{titles}|{legacy})")  # (not '…1003、')


_ARABIC_DUN = re.compile(r"\d、")


def _glued_arabic_cuts(lines: list[str]) -> _SubCuts:
    """Where to cut glued lines at section titles numbered 2、 in a report that numbers its sections now 一、 now
    2、 (seed 004: 一、…总体情况, 2、 主动公开…, 3、 依申请公开…, 四、…): a title numbered so inside a line cuts it only
    where it stands on a run of titles numbered one after another (no other title between) that begins and ends
    with a title numbered 一、 (一、 … 2、 … 3、 … 四、).  A section's own items numbered 1、 2、 (一、总体情况 … 1、…
    2、主动公开情况 … 二、…) are no such run: their numbers do not run on to the next section's.  A title broken by
    a line's end is sought in the line and the next line's start, as a 一、 title is."""
    found: list[tuple[int, int, int, bool, bool]] = []  # (line number, offset, number, numbered 2、, wrapped)
    # the titles numbered 2、 first (most reports have none inside a line: no more is asked), then those numbered 一、
    # (only the lines with a 2、, then with a 、: picked in C, most lines have none.  A 2、 is sought only in the
    # lines with a 、, found by `in`: its pattern opens on \d, a Unicode class asked of every character of every line)
    with_dun = list(itertools.compress(enumerate(lines, start=1), map(operator.contains, lines, itertools.repeat("、"))))
    for pattern, key in ((None, "arabic"), (_inline_any_heading(), "top")):
        has = (with_dun if pattern is not None
               else itertools.compress(with_dun, map(_ARABIC_DUN.search, map(operator.itemgetter(1), with_dun))))
        for number, line in has:
            joined = line + lines[number][:_TITLE_REACH] if number < len(lines) else line
            for m in (pattern or _inline_arabic_heading()).finditer(joined):
                if m.start() >= len(line):
                    break
                value = int(m[key][:-1]) if key == "arabic" else cn_numeral(m[key][:-1])
                if value is not None:
                    found.append((number, m.start(), value, key == "arabic", m.end() > len(line)))
        if not any(f[1] for f in found) or len(found) > _MAX_RUN_ITEMS:
            return _SubCuts({}, {})
    found.sort()
    cuts: dict[int, list[int]] = {}
    carried: dict[int, int] = {}
    for j, (number, start, value, is_arabic, wrapped) in enumerate(found):
        if not is_arabic or not start:
            continue
        left = j  # walk to the run's ends: numbers one apart, numbered 2、 up to a title numbered 一、
        while left > 0 and found[left - 1][2] == found[left][2] - 1 and found[left][3]:
            left -= 1
        right = j
        while right + 1 < len(found) and found[right + 1][2] == found[right][2] + 1 and found[right][3]:
            right += 1
        if found[left][3] or found[right][3]:
            continue
        cuts.setdefault(number, []).append(start)
        if wrapped:
            carried[number] = start
    return _SubCuts(cuts, carried)


@functools.lru_cache(maxsize=65536)
def _title_key(title: str, family: str) -> str | None:
    return _first_key(_family_titles(family).fullmatch(title), family)


@functools.lru_cache(maxsize=2)
def _family_titles(family: str) -> re.Pattern[str]:
    """The family's section titles as one pattern, a group a key in formats.yaml's order: a match's group is the
    first key that has a pattern matching, as asked of each in turn (every line's title of a report is asked: one
    search in C, not a Python loop over some 30 patterns)."""
    pats = _patterns()[family]
    if any(p.groups for ps in pats.values() for p in ps):
        raise ValueError(f"formats.yaml sections.{family}: a title pattern has a capturing group; use (?:...)")
    return _keys_pattern(family, tuple(pats))


def _keys_pattern(family: str, keys: tuple[str, ...]) -> re.Pattern[str]:
    """The title patterns of the section ``keys`` as one pattern, a group a key in the order given: a match's
    ``lastindex`` is the first key that has a pattern matching, as asked of each in turn."""
    pats = _patterns()[family]
    return re.compile("|".join("(" + "|".join(f"(?:{p.pattern})" for p in pats[k]) + ")" for k in keys))


def _first_key(m: re.Match[str] | None, family: str) -> str | None:
    """The key of the group that a match of :func:`_family_titles` took, or None."""
    return None if m is None or m.lastindex is None else list(_patterns()[family])[m.lastindex - 1]


_TITLE_REACH = 40  # how far into the next line a heading wrapped at a line's end may reach
# a Chinese numeral before a heading's 、 or a middle dot typed for it (一·总体情况, _TOP's)
# (an Arabic numeral too before a middle dot: formats.yaml section_inline_numbers' top, '…。2·主动公开…')
_CN_DUN = re.compile(rf"[{_CN_DIGITS}][、{_MIDDLE_DOTS}]|\d[{_MIDDLE_DOTS}]")


def split_segments(lines: list[str], page_lines: Collection[str] = ()) -> list[Segment]:
    """Cut lines into segments, also at numbered section titles inside a line.

    Web-page text can run a whole report into one line, and a PDF of such a page wraps it into
    lines of any width; a heading may then stand in the middle of a line or run on into the next
    (``…。五、存在的主要问题及改`` / ``进情况2023年…``): its start is carried on to that line, past a page
    break's lines (blank lines and page furniture, kept as segments of their own before the heading).

    Parameters
    ----------
    lines : list of str
        Normalized lines of the report (table rows rendered as text).
    page_lines : collection of str, optional
        Stripped lines that are this report's page furniture wherever they stand (a running header of the agency's
        name alone, as its metadata gives it).

    Returns
    -------
    list of Segment
    """
    joined = "\n".join(lines)  # (one scan for the marks: a line-by-line test cost more than the rest of this step)
    given = lines
    if "]" in joined:
        lines = _without_heading_marks(lines, joined, _BRACKETED_HEAD)
    if "*" in joined or "_" in joined:  # (the text joined again only where brackets were removed)
        lines = _without_heading_marks(lines, joined if lines is given else "\n".join(lines), _EMPHASIZED_HEAD)
    if "**" in joined or "__" in joined or "#" in joined:
        lines = [_without_markup(line) for line in lines]
    out: list[Segment] = []
    pattern = _inline_any_heading()
    legacy_ok: Callable[[re.Match[str]], bool] | None = None  # (asked of the text only where such a title stands)

    def cuts_at(m: re.Match[str] | None) -> bool:
        nonlocal legacy_ok
        if m is None or m["legacy"] is None:
            return m is not None
        if _after_a_value(m) and _optional_legacy_title().fullmatch(_SPACE_RUN.sub("", m["legacy"])):
            return False  # (a statistics table's block heading after a row's value: '…次 | 20 | 九、机构建设和…')
        legacy_ok = legacy_ok or _legacy_glued(lines)
        return legacy_ok(m)

    sub_cuts, sub_carried = _glued_sub_cuts(lines)  # a report numbering its sections (一)…: where its titles stand
    arabic = _glued_arabic_cuts(lines)  # and one numbering some of them 2、 between others numbered 一、
    for at, offsets in arabic.cuts.items():
        sub_cuts = {**sub_cuts, at: sorted(sub_cuts.get(at, []) + offsets)}
    sub_carried = {**sub_carried, **arabic.carried}
    carry, carry_number = "", 0  # the start of a heading wrapped onto the next line, and its line
    resume = 0  # the line a carried heading goes on on, past a page break's lines (0-based)
    # the lines a heading's number can end in (a 、, a number marked after a sentence, a sub-cut), then an end mark:
    # the lines between, most lines, are segments as they are, made in bulk in C
    # (one search of the joined text: a match never spans a line's end, and the '\n' before a line is no mark
    # _MAY_CUT looks behind for, as no character is before a line alone)
    may_cut = _matching_lines(_MAY_CUT, lines, joined if lines is given else None)
    visit = sorted({i + 1 for i in may_cut}.union(sub_cuts))
    visit.append(len(lines) + 1)
    number = 0
    while True:
        if carry:
            number += 1  # (the heading goes on on the next line, whatever it holds)
        else:
            upto = visit[bisect.bisect_right(visit, number)]
            out.extend(map(_new_segment, zip(lines[number : upto - 1], range(number + 1, upto))))
            number = upto
        if number > len(lines):
            break
        line = lines[number - 1]
        if carry and number <= resume:
            out.append(Segment(line, number))  # a page break's line inside the heading: no part of it
            continue
        if carry:
            line, start_number, carry = carry + line, carry_number, ""
        else:
            start_number = number
        if line[0] == "、" and out:  # the number left at the previous line's end ('…。五' / '、存在的主要问题…')
            tail = [x.text for x in out[-_PAGE_BREAK_MAX:]]  # (the number may stand before a page break's lines)
            back = len(out) - len(tail) + _past_page_break(tail, len(tail) - 1, -1, page_lines)
            prev = out[back].text
            k = len(prev) - len(prev.rstrip(_CN_DIGITS))
            ahead = (line + lines[number][:_TITLE_REACH] if number < len(lines) else line)[:_TITLE_REACH]
            if 0 < k <= 2 and cuts_at(pattern.match(prev + ahead, len(prev) - k)):
                start_number = out[back].line
                line = prev[-k:] + line
                out[back] = Segment(prev[:-k].rstrip(), start_number)
                if not out[back].text:
                    del out[back]
        marked = _MARKED_NUMBER.search(line) is not None  # (a title numbered 六. glued after a sentence or a value)
        inside = _CN_DUN.search(line, 1) is not None or number in sub_cuts or marked  # (a number at the start: no cut)
        short_head = len(line) < _TITLE_REACH and _CN_DUN.match(line) is not None
        if not inside and not short_head:
            out.append(Segment(line, start_number))
            continue
        # (a heading may go on after a page break: a blank line or a short one next)
        resume = _past_page_break(lines, number, page_lines=page_lines) \
            if number < len(lines) and len(lines[number]) <= 120 else number
        nxt = lines[resume][:_TITLE_REACH] if resume < len(lines) else ""
        if len(nxt) < _TITLE_REACH and resume + 1 < len(lines):  # lines narrower than a title: the one after too
            nxt = (nxt + lines[resume + 1])[:_TITLE_REACH]
        # (not a whole title before a line opening with the next one's number, as a table of contents lists them:
        # '五、复议、诉讼和申诉情况' / '六、存在的主要问题和改进措施' reads as one title, a problems title's words free
        # in its start)
        if short_head and number not in sub_cuts and nxt and "|" not in nxt \
                and (head := pattern.match(line + nxt)) and head.end() > len(line) and cuts_at(head) \
                and not (_NUMBERED.match(nxt) and _heading_keys(line.strip(), whole=True)):
            # a title that starts a short line and runs on into the next one, its text glued after it (a glued
            # line wrapped narrow: '五、因政府信息公开申请行政复议、提起行政' / '诉讼的情况2017年…'): carried on as a
            # title wrapped inside a line is
            carry, carry_number = line, start_number
            continue
        if not inside:
            out.append(Segment(line, start_number))
            continue
        cuts = [m for m in pattern.finditer(line + nxt) if 0 < m.start() < len(line) and cuts_at(m)]
        if marked:
            cuts = _marked_cuts(line, nxt, cuts, [x.text for x in out], cuts_at)
        starts = [m.start() for m in cuts]
        if len(cuts) > 1:
            starts = sorted(set(starts).union(_line_title_cuts(line, [pattern.match(line), *cuts])))
        if _page_mark_edge(last=False).match(line) and (after := _page_number_before(line, nxt, cuts_at)) is not None:
            starts = sorted({*starts, after})  # (the page's number glued before the heading: a segment of its own)
        firsts = line.count(_FIRST_ENTRY)
        if firsts and (end := _glued_contents_end(line) if firsts > 1 else _glued_lead_contents_end(line)) is not None:
            starts = sorted({*starts, end})  # (a table of contents on one line, the first heading glued after it)
        shift = len(line) - len(lines[number - 1])  # sub_cuts' offsets are in the line as given, before a carry
        if number in sub_cuts:
            starts = sorted(set(starts).union(k + shift for k in sub_cuts[number] if k + shift > 0))
        start, first = 0, len(out)
        for at in starts:
            out.append(Segment(line[start:at].rstrip(), start_number if start == 0 else number))
            start = at
        if (cuts and cuts[-1].end() > len(line) and cuts[-1].start() == start) \
                or (number in sub_carried and sub_carried[number] + shift == start):
            carry, carry_number = line[start:], number  # the heading goes on on the next line
        else:
            # (a table's row or cell: a mark before the cut, or the line before ends in one, a cell a line)
            part = line[start:]
            row = start > 0 and ("|" in line[:start] or (number > 1 and lines[number - 2].rstrip().endswith("|")))
            if row and "|" in line[:starts[0]]:
                # (a row on one line, the title in a middle cell: the row's values after it go back to the row)
                part, after = _row_after_title(part)
                out[first] = Segment(out[first].text + after, out[first].line)
            out.append(Segment(_row_end_dropped(part) if row else part, start_number if start == 0 else number))
    if carry:
        out.append(Segment(carry, carry_number))
    if paged := set(_matching_lines(_glued_page_heading(), lines, joined if lines is given else None)):
        out = _page_marks_cut(out, {k + 1 for k in paged})
    if bare := set(_matching_lines(_DIGITS_BEFORE_NUMBER, lines, joined if lines is given else None)):
        out = _bare_page_numbers_cut(out, {k + 1 for k in bare})
    return out


# a line opening with a number of two digits or more before a heading's 、 or . ('32、 主动公开…'): the lines that
# _bare_page_numbers_cut asks
_DIGITS_BEFORE_NUMBER = re.compile(r"^[^\S\n]*[1-9]\d{1,5}[^\S\n]*[、.]", re.M)


def _bare_page_numbers_cut(segments: list[Segment], lines: set[int]) -> list[Segment]:
    """``segments`` with a bare page number glued before a heading numbered in Arabic numerals on a segment of
    ``lines`` (1-based) cut off it, as it stands on a line of its own (:func:`_bare_page_number_before`)."""
    out: list[Segment] = []
    for segment in segments:
        at = _bare_page_number_before(segment.text, out) if segment.line in lines else None
        out.extend([Segment(segment.text[:at].rstrip(), segment.line), Segment(segment.text[at:], segment.line)]
                   if at else [segment])
    return out


def _bare_page_number_before(text: str, before: Sequence[Segment]) -> int | None:
    """Where a section heading numbered 2、 starts in ``text`` after a bare page number glued before it ('32、 主动
    公开…': PDF text whose footer '3' ran into the next page's first line, the heading read numbered 32), else None.

    Only where the numbering goes on so and not as read: the last section heading of ``before`` is numbered one
    less (1、 or 一、), and not the whole number's one less (a report's own 12、 after 11、).  A bare number may be a
    table's row ('3'), so no such line is page furniture of its own.
    """
    lead = re.match(r"\s*(\d+)", text)
    if lead is None:
        return None
    digits = lead[1]
    # (the heading's own number is of one or two digits, the page's of the rest: '122、' page 12's 2、 or page 1's 22、)
    splits = [k for k in range(max(1, len(digits) - 2), len(digits))
              if digits[k] != "0" and _heading_keys(text[lead.start(1) + k:])]
    previous = _last_top_number(before) if splits else None
    if previous is None or int(digits) == previous + 1:
        return None
    return next((lead.start(1) + k for k in splits if int(digits[k:]) == previous + 1), None)


def _last_top_number(segments: Sequence[Segment]) -> int | None:
    """The number's value of the last section heading numbered 一、 or 1、 (no (一)) among ``segments``, None where
    none is."""
    for segment in reversed(segments):
        top = _TOP_AT_START.match(segment.text)
        if top is not None and _heading_keys(segment.text.strip()):
            return _number_style(top.group())[1]
    return None


# a line opening with a section heading's number 一、 or 1、 (no (一)), past white space
_TOP_AT_START = re.compile(rf"\s*{_TOP}")


@functools.lru_cache(maxsize=1)
def _glued_page_heading() -> re.Pattern[str]:
    # A heading numbered (五), 第五部分 or 2、 (seed 004 numbers some so) after a page mark's last character
    # (formats.yaml page_mark_ends) inside its line: the lines _page_marks_cut asks (a heading numbered 五、 is cut by
    # split_segments' own search)
    # (written to open on the number's first character, the mark's end and a character before it looked behind: a
    # search opening on a look-behind asks it at every character of the report, 3-4 times slower)
    ends = load_formats()["page_mark_ends"]
    return re.compile(rf"[(第\d](?<!\n.)(?<=[^\n]{ends}.)(?:(?<=\()\s*(?:{_CN_NUM}|\d{{1,2}})\s*\)"
                      rf"|(?<=第){_CN_NUM}(?:部分|章|节)|(?<=\d)\d?、)")


def _page_marks_cut(segments: list[Segment], lines: set[int]) -> list[Segment]:
    """``segments`` with a page mark glued before a numbered heading on a segment of ``lines`` (1-based) cut off it
    ('- 5 -(五)存在的主要问题…', '第5页第五部分 其他…', '- 3 -2、 主动公开…': PDF text whose footer ran into the next page's first line), as
    it stands on a line of its own; a heading numbered 五、 is cut so where split_segments visits its line."""
    out = []
    for segment in segments:
        at = _page_mark_before_heading(segment.text) if segment.line in lines else None
        out.extend([Segment(segment.text[:at].rstrip(), segment.line), Segment(segment.text[at:], segment.line)]
                   if at else [segment])
    return out


def _page_mark_before_heading(text: str) -> int | None:
    """Where a numbered heading starts in ``text`` after page furniture that opens it, nothing else between, else
    None."""
    lead = _page_furniture().match(text)
    if lead is None or not lead.end() or not is_page_furniture(text[: lead.end()]):
        return None
    rest = text[lead.end():].lstrip()
    return len(text) - len(rest) if rest and _NUMBERED.match(rest) and _heading_keys(rest) else None


@functools.lru_cache(maxsize=2)
def _page_mark_edge(last: bool) -> re.Pattern[str]:
    """One character a page's furniture opens with, or ends with where ``last`` (formats.yaml ``page_mark_opens``,
    ``page_mark_ends``).  It is asked before a page number is looked for glued before (after) a heading on its
    line."""
    return re.compile(load_formats()["page_mark_ends" if last else "page_mark_opens"])


def _page_number_before(line: str, nxt: str, cuts_at: Callable[[re.Match[str] | None], bool]) -> int | None:
    """Where a numbered section title starts in ``line`` after a page number glued before it, nothing else there
    ('- 5 -五、政府信息公开工作存在…', '第5页 共6页六、其他…': PDF text whose page footer ran into the next page's first
    line; no sentence's end before the number, so no cut was made and the section was lost), else None.  ``nxt``:
    the start of the next line, where the title may go on."""
    lead = _page_furniture().match(line)
    if lead is None or not lead.end() or not is_page_furniture(line[: lead.end()]):
        return None
    at = lead.end() + len(line[lead.end():]) - len(line[lead.end():].lstrip())
    return at if at < len(line) and cuts_at(_inline_any_heading().match(line[at:] + nxt)) else None


# Markdown's marks around a heading, as a web page saved as Markdown gives it ('**一、总体情况**', '## 二、…',
# '### **三、…**', its text glued after: '**一、总体情况**2020年…'): bold marks (** or __), a heading's hashes; or
# bold marks around the title alone, after its number ('一、**总体情况**')
_MARKUP = re.compile(r"\s*(?:#{1,6}\s+)?(?:(?P<mark>\*\*|__)(?P<bold>.+?)(?P=mark)\s*(?P<after>.*)"
                     rf"|(?P<num>{_TOP}|{_SUB}|{_PART}){_AFTER_NUM}(?P<nmark>\*\*|__)(?P<title>.+?)(?P=nmark)\s*(?P<rest>.*)"
                     r"|(?P<plain>.+))")

_ATX_CLOSE = re.compile(r"\s+#+\s*$")  # a Markdown heading's closing hashes ('## 二、主动公开政府信息情况 ##')


def _without_markup(line: str) -> str:
    """``line`` without the Markdown marks around a heading that names a section (the marks made it no heading:
    a bold report had no section at all, its hashes went to the section before); any other line as it is."""
    if "**" not in line and "__" not in line and line[:1] != "#":
        return line
    # (a heading's closing hashes, '## 二、… ##', are no text of it)
    m = _MARKUP.fullmatch(_ATX_CLOSE.sub("", line) if line[:1] == "#" else line)
    if m is None or (m["plain"] is not None and line[:1] != "#"):
        return line
    if m["bold"] is not None:
        head = m["bold"] + m["after"]
    elif m["title"] is not None:
        head = m["num"] + m["title"] + m["rest"]
    else:
        head = m["plain"]
    return head if _heading_keys(head.strip()) else line


# a heading in brackets ('[一、总体情况]', 【】 after normalization) where a heading starts: at a line's start (alone on
# its line, or the section's text after it: '[二、主动公开政府信息情况] 无。'), or glued after a sentence's end in web
# text ('…情况。[二、主动公开政府信息情况]…'); spaces after a bracket ending its line are taken with it.  Not one
# before another bracket: a table of contents' entries set in brackets on one line ('[一、总体情况][二、…]')
_BRACKETED_HEAD = re.compile(r"(?:^|(?<=[。;!?]))[^\S\n]*\[(?P<inner>[^\[\]\n]+)\](?:[^\S\n]*$)?(?![^\S\n]*\[)",
                             re.M)


# Markdown's marks around a heading that the line-start forms of _MARKUP do not read: italics or bold italics around
# a line's heading ('*一、总体情况*', '_一、总体情况_', '***一、…***', '**_一、…_**', the section's text after it or not),
# also after a heading's hashes ('## *一、总体情况*': the hashes are kept for _without_markup), and bold, italics or
# bold italics around a heading glued after a sentence's end in web text ('…。**三、收到和处理政府信息公开申请情况**…').
# Bold alone at a line's start ('**一、…**') is _MARKUP's.  Mixed bold italics close in reverse ('**_' … '_**'):
# checked by :func:`_without_heading_marks`
_MIXED_MARKS = r"\*\*_|__\*|_\*\*|\*__"
_EMPHASIZED_HEAD = re.compile(rf"^[^\S\n]*(?P<hashes>#{{1,6}}[^\S\n]+)?(?:(?P<i>\*{{3}}|_{{3}}|[*_])(?P<italic>[^*_\n]+)(?P=i)"
                              rf"|(?P<o>{_MIXED_MARKS})(?P<both>[^*_\n]+)(?P<c>{_MIXED_MARKS}))(?:[^\S\n]*$)?"
                              r"|(?<=[。;!?])[^\S\n]*(?P<m>\*{3}|_{3}|\*\*|__|[*_])(?P<glued>[^*_\n]+)(?P=m)", re.M)


def _without_heading_marks(lines: list[str], joined: str, pattern: re.Pattern[str]) -> list[str]:
    """``lines`` (joined by newlines, ``joined``) without the marks ``pattern`` finds around a whole heading that
    names a section (:data:`_BRACKETED_HEAD`'s brackets, :data:`_EMPHASIZED_HEAD`'s Markdown marks): at a line's
    start the closing mark ended the title, which named no section; glued after a sentence's end the opening mark hid
    the number, and the line was not cut there.  Other text as it is: only the places the pattern finds are asked (a
    page's '[打印]' lines are no heading), and mixed bold italics must close in reverse ('**_' … '_**')."""
    changed = False

    def plain(m: re.Match[str]) -> str:
        nonlocal changed
        found = m.groupdict()
        inner = next(v for k in ("inner", "italic", "both", "glued") if (v := found.get(k)) is not None).strip()
        if (found.get("both") is not None and m["c"] != m["o"][::-1]) or not _heading_keys(inner, whole=True):
            return m.group()
        changed = True
        return (found.get("hashes") or "") + inner  # (a heading's hashes, and its closing ones, are _without_markup's)

    text = pattern.sub(plain, joined)
    return text.split("\n") if changed else lines


_ROW_END = re.compile(r"\s*\|[\s|]*$")  # a table row's closing mark, and the blank cells' marks before it


def _row_end_dropped(part: str) -> str:
    """``part``, a glued section title and its text that cut a table's row or cell in its last cell (``0 | 0五、存在的
    主要问题及改进情况经过…引向深入。 |``, or ``0五、…引向深入。 |`` a cell a line): the row's closing mark dropped, no
    text of that section (the text has no cell of its own: no other ``|`` in it)."""
    end = _ROW_END.search(part)
    return part[:end.start()] if end is not None and "|" not in part[:end.start()] else part


_ROW_VALUE = re.compile(r"[+-]?\d[\d,.]*%?|[-/—–]|无")  # a table's value or a mark for a blank one


def _row_after_title(part: str) -> tuple[str, str]:
    """(the title and its text, the row's cells after their cell) of ``part``, a glued section title and its text
    that cut a table's row on one line in a middle cell (``… | 0 | 0五、存在的主要问题…引向深入。 | 1 |``, pipe rows or
    a web page's row): where the cells after that cell are values or blank, one at least a value, they are the
    row's (`` | 1 |``, joined back to it), no text of the section; else ``(part, '')``."""
    at = part.find("|")
    cells = part[at + 1:].split("|") if at >= 0 else []
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or not all(_ROW_VALUE.fullmatch(c) for c in filled):
        return part, ""
    return part[:at].rstrip(), " " + part[at:].rstrip()


def _marked_cuts(line: str, nxt: str, cuts: list[re.Match[str]], before: list[str],
                 cuts_at: Callable[[re.Match[str]], bool]) -> list[re.Match[str]]:
    """``cuts`` (titles numbered 一、 that cut ``line``, ``nxt`` the next line's start) and the titles numbered 六. or
    六, (:func:`_inline_marked_heading`) glued inside ``line`` after a sentence's end, or after a table row's value
    (:func:`_after_row_value`: ``… | 0 | 0五.存在的主要问题…``, ``0,五.…``), that are numbered one more than
    the section title before them: cut earlier in the line, starting it, or starting one of the segments
    ``before`` it (…五、存在的主要问题及改进情况 / …引向深入。六.其他需要报告的事项…), in the order they stand.  A title
    so numbered out of that order (another number, or no title before it and a number other than 一) is no cut: the
    same words may be quoted or an item's."""
    found = sorted(cuts + [m for m in _inline_marked_heading().finditer(line + nxt)
                           if 0 < m.start() < len(line) and cuts_at(m)
                           and (line[m.start() - 1] in _SENTENCE_END or _after_row_value(line[:m.start()], before))],
                   key=lambda m: m.start())
    out: list[re.Match[str]] = []
    for m in found:
        if m.re is _inline_marked_heading():
            prior = cn_numeral(out[-1]["top"][:-1]) if out else _last_title_number([*before, line])
            # (no title before it: only the first section's number, 一, starts the run: '…如下。一,总体情况…')
            if cn_numeral(m["top"][:-1]) != (1 if prior is None else prior + 1):
                continue
        out.append(m)
    return out


@functools.lru_cache(maxsize=1)
def _inline_line_title() -> re.Pattern[str]:
    """The titles that name a section only on a line of their own (formats.yaml's modern titles ending in $:
    五、存在的问题, 二、政府信息主动公开情况), numbered 一、, as they stand glued inside a line."""
    titles = [p.pattern[:-1] for p in sum(_patterns()["modern"].values(), []) if p.pattern.endswith("$")]
    number = load_formats()["section_inline_numbers"]["top"]
    return re.compile(rf"{_INLINE_AFTER}(?P<top>{number})\s*(?:{'|'.join(titles)})")


_TITLE_END_MARKS = re.compile(r"[:。\s]*")  # what ends a title glued before its text ('五、存在的问题:一是…')


def _line_title_cuts(line: str, cuts: list[re.Match[str] | None]) -> list[int]:
    """Where a title that names a section only on a line of its own stands glued inside ``line`` numbered right
    between the section titles cut in it on either side (``…四、…复议…情况…000五、存在的问题一是…六、其他…``): cut
    before it and after it (and the marks after it), the title alone a segment as on a line of its own.  Only so:
    elsewhere the same words number a section's own items (``五、存在的主要问题…一、存在的问题…二、改进措施…``)."""
    numbered = [(m.start(), cn_numeral(m["top"][:-1])) for m in cuts if m is not None]
    ends = {m.start(): m.end() for m in cuts if m is not None}
    out = []
    for m in _inline_line_title().finditer(line):  # (a line with two cuts or more: glued web text only)
        value = cn_numeral(m["top"][:-1])
        if value is None:  # (no numeral: '一二、' glued in the text)
            continue
        before = [n for at, n in numbered if at < m.start()]
        after = [n for at, n in numbered if at > m.start()]
        # (not the start of a longer title cut there: '五、存在的主要问题及改进' of '…及改进情况')
        if before and after and before[-1] == value - 1 and after[0] == value + 1 and ends.get(m.start(), 0) <= m.end():
            end = _TITLE_END_MARKS.match(line, m.end()).end()  # type: ignore[union-attr]  # […]* always matches
            out += [m.start()] + ([end] if end < len(line) else [])
    return out


_PAGE_BREAK_MAX = 6  # the most lines a page break puts inside a heading (blank lines, page number, running header)
_BREAK_FIRST = frozenset(_CN_DIGITS + "(〇零第[")  # how a broken section heading starts (not "1.", a row label)


def _past_page_break(texts: list[str], i: int, step: int = 1, page_lines: Collection[str] = ()) -> int:
    """Index of the first line of text at or after ``i`` (before, with ``step`` -1) past a page break's lines: blank
    lines and page furniture (:func:`toolkit.metadata.is_furniture`, a table's footnote, ``page_lines``), one line
    of furniture at least; ``i`` where none stands there."""
    furniture = False
    for j in range(i, max(-1, min(i + step * _PAGE_BREAK_MAX, len(texts))), step):
        text = texts[j].strip()
        if text and not _is_furniture(text) and text not in page_lines:
            return j if furniture else i
        furniture |= bool(text)
    return i


@functools.lru_cache(maxsize=4096)  # (asked of the lines after a heading's start; a running header recurs)
def _is_furniture(text: str) -> bool:
    return len(text) <= 120 and (is_furniture(text) or is_footnote(text))


_SPACE_RUN = re.compile(r"\s+")
# a table of contents' entry: its title, a dot leader and the page number ('一、总体情况......1')
_CONTENTS_ENTRY = re.compile(r"^(?P<entry>.+?)\s*[.·・_\-—]{3,}\s*\d{1,3}$")
# a heading and a page number after white space, no leader ('一、总体情况  3': PDF text, or a contents' entry)
_PAGE_NUMBER_AFTER = re.compile(r"^(?P<entry>.+?)\s+\d{1,3}$")


class _Heading(NamedTuple):
    """A heading-like segment: its index, title (white space removed), number and text; ``listed`` for an entry
    of a table of contents (a dot leader and a page number after the title); ``gapped``, for a heading a PDF set
    partly in glyphs of no Unicode map, its title (number and white space removed) with a NUL where each run of
    them stood ('存在的\0及改进\0'), else ''."""

    index: int  # type: ignore[assignment]  # a field named index shadows tuple.index
    title: str
    num: str
    text: str
    listed: bool
    gapped: str = ""


# what a stripped line _headings reads has: a Chinese character in its first 12 (_heading_form asks it; a table of
# contents' label and page number removed leave the line's start), or a '|' in its first 50 (a heading in a cell)
_HEADING_HINT = re.compile(rf".{{0,11}}[{HAN_RANGES}]|[^|]{{0,49}}\|", re.S)


def _headings(segments: list[Segment]) -> list[_Heading]:
    """Every heading-like segment (the same for both families)."""
    found = []
    texts = list(map(str.strip, map(_SEGMENT_TEXT, segments)))
    glyphs: dict[int, str] = {}  # the lines with such glyphs, as written
    if "(cid:" in "\0".join(texts):  # (rare: one search of the joined lines first)
        # a PDF's glyphs of no Unicode map are no words of a title ('五、存在的主要问题(cid:7)及改进情况': the section
        # was lost); the heading is read without them (the PDF reader flags them, cid_characters)
        glyphs = {i: text for i, text in enumerate(texts) if "(cid:" in text}
        texts = [CID_GLYPHS.sub("", text).strip() if "(cid:" in text else text for text in texts]
    # (a blank line, half the lines of a table a cell a line: no heading, its form not asked; passed over in C, and
    # not asked _HEADING_HINT: a pattern's call costs some 800 instructions even on an empty line)
    for i in itertools.compress(itertools.compress(itertools.count(), texts),
                                map(_HEADING_HINT.match, filter(None, texts))):
        text = texts[i]
        # (a '|' typed into glued page text, '四、…行政诉讼情况…结果维持|结果纠正…': no cell of a heading, read as the
        # glued text it stands in; taken for a row's, the section was lost)
        if "|" in text[:50] and not _stray_pipe(text):
            number, _, title = text.strip(" \t|").partition("|")
            # (the title's test first: a count's row, '0 |', has none, and the number's pattern was slow to fail on '0')
            if title.strip() and "|" not in title and _NUMBERED.fullmatch(number.strip()):
                text = number.strip() + title.strip()  # number and title in two cells ('一、 | 概述')
            elif text[-1] != "|" and text[0] != "|" and _bar_in_title(text):
                pass  # (read as written, its title keeping the bar; a bar at an end, most pipe lines', is a cell's)
            elif len(text) < 7 or text.count("|") > 2 or not (text[-1] == "|" or text[0] == "|"):  # ('六、其他 |')
                continue
            text = text.strip(" \t|")
            if ("|" in text and not _bar_in_title(text)) or not _heading_keys(text) or (
                    _in_table(segments, i, -1) and _in_table(segments, i, 1) and _table_row_label(text)):
                continue
        labelled = False
        # (cheap tests first, asked of every line: most lines ending in a digit are a table's)
        if text[0] == "目" or (text[-1].isdigit() and text.rstrip("0123456789")[-1:].isspace()):
            text, labelled = _without_contents_marks(text, segments, i)
        form = _heading_form(text)
        if form is not None and not (form.close_only and _after_open_bracket(segments, i)):
            gapped = _gapped_title(glyphs[i], form.num) if i in glyphs else ""
            found.append(_Heading(i, form.title, form.num, form.text, form.listed or labelled, gapped))
    return found


def _gapped_title(written: str, num: str) -> str:
    """A heading line ``written`` with glyphs of no Unicode map: its title after the number ``num``, white space
    removed, a NUL for each run of glyphs ('五、存在的(cid:7)(cid:8)及改进(cid:9)' gives '存在的\0及改进\0'); '' where the
    glyphs stand before the number or none stands in the title."""
    marked = CID_GLYPHS.sub("\0", _SPACE_RUN.sub("", written))
    num = _SPACE_RUN.sub("", num)
    title = marked[len(num):] if marked.startswith(num) else ""
    return title if "\0" in title else ""


def _bar_in_title(text: str) -> bool:
    """Whether a (stripped) line's one '|', inside it, stands in a numbered section title, typed for its '、' ('五、政府
    信息公开行政复议 | 行政诉讼情况'): the line's whole text names a section, no cell of it is a value; not a row of
    two cells, a label and its value or a row label ('四、结转下年度继续办理 | 0'), which names none."""
    if text.count("|") != 1 or text[0] == "|" or text[-1] == "|":
        return False
    left, right = map(str.strip, text.split("|"))
    return _TOP_AT_START.match(left) is not None and not is_value_cell(right) and _heading_keys(text, whole=True)


def _without_contents_marks(text: str, segments: list[Segment], i: int) -> tuple[str, bool]:
    """Segment ``i``'s stripped ``text`` without a table of contents' label before it and a page number after it
    (:func:`_paged_heading`), and whether it had the label ('目录：一、总体情况  1': an entry for certain; read as no
    heading, the contents' run lacked its overview and was taken for the sections, the report for a second one)."""
    label = _CONTENTS_LABEL.match(text) if text[0] == "目" else None
    if label is not None:
        text = text[label.end():]
    if text[-1:].isdigit() and (paged := _paged_heading(text, segments, i)):
        text = paged
    return text, label is not None


def _paged_heading(text: str, segments: list[Segment], i: int) -> str | None:
    """The heading of segment ``i`` (stripped ``text``) without the page number after it ('一、总体情况  3', as PDF
    text or a heading copied with its contents' page number gives it: the '3' was read as the text glued after the
    title, opening the section), where the rest is a whole section title; None where the number and the next
    filled segment's start read a year (glued text wrapped inside it: '六、存在的主要问题和改进措施 20' / '17年,…')."""
    paged = _PAGE_NUMBER_AFTER.match(text)
    if paged is None or not _heading_keys(paged["entry"], whole=True):
        return None
    nxt = _nearest_filled(segments, i, 1)
    wrapped = nxt is not None and _WRAPPED_YEAR.match(text[paged.end("entry"):].strip() + nxt.text.lstrip())
    return None if wrapped else paged["entry"]


_WRAPPED_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")


class _Form(NamedTuple):
    """What a line says as a heading: its title (white space removed), number and text (a table of contents'
    leader and page number removed), whether it is such an entry (``listed``), and whether its number is only
    a numeral and a closing bracket ('二)')."""

    title: str
    num: str
    text: str
    listed: bool
    close_only: bool


@functools.lru_cache(maxsize=4096)  # table labels on lines of their own recur in every report
def _heading_form(text: str) -> _Form | None:
    """The heading form of a stripped line, or None for a line that cannot be a heading."""
    if not text or not _HAN.search(text[:12]):
        return None  # headings start with Chinese; table cells of numbers never are
    entry = _CONTENTS_ENTRY.match(text) if text[-1].isdigit() else None
    if entry:
        text = entry["entry"]
    match = _HEADING.match(text)
    if not match:
        return None
    num = match["num"] or ""
    return _Form(_match_title(match), num, text, entry is not None, bool(num and _CLOSE_ONLY.match(num)))


def _match_title(match: re.Match[str]) -> str:
    """The title of a ``_HEADING`` match, its spaces removed and, numbered, the quotes it is set in whole."""
    title = _SPACE_RUN.sub("", match["title"])
    return _unquoted(title) if match["num"] else title


_TITLE_QUOTES = frozenset(load_formats()["section_title_quotes"])


def _unquoted(title: str) -> str:
    """A numbered heading's ``title`` without the quotes it is set in whole ('“总体情况”', '《…》';
    formats.yaml ``section_title_quotes``), else as it is."""
    if len(title) > 2 and title[0] + title[-1] in _TITLE_QUOTES:
        return title[1:-1]
    return title


_OPENING_QUOTES = {q[0]: q[1] for q in _TITLE_QUOTES}


def _open_quote_end(title: str) -> int:
    """Where a numbered heading's ``title`` starts past the opening quote it is set in (1), else 0."""
    return 1 if title[:1] in _OPENING_QUOTES else 0


_CLOSE_ONLY = re.compile(rf"(?:{_CN_NUM}|\d{{1,2}})\s*\)$")


def _after_open_bracket(segments: list[Segment], i: int) -> bool:
    """Whether the segment before ``i`` ends with '(': a PDF wrapped a sub-heading's number '(二)' after it, so
    '二)改进措施' is no heading numbered 二)."""
    return i > 0 and segments[i - 1].text.rstrip().endswith("(")


# A pipe export puts a heading in a table of one cell ('二、主动公开政府信息情况 |'); a row of a table (one filled cell
# and empty ones, '一、主动公开情况 | ||', or a cell of a table with one cell a line among others) is no heading.


def _table_row_label(text: str) -> bool:
    """Whether a one-cell row between table rows is a row label of a table (the pre-2019 table's 一、主动公开情况),
    not a section's heading that a page set as a row of its tables (三、收到和处理政府信息公开申请情况 |)."""
    vocab = vocabulary()
    return vocab.is_row_label(text) or label_key(text) in vocab.legacy_rows


def _in_table(segments: list[Segment], i: int, step: int) -> bool:
    """Whether the nearest non-blank segment before (step -1) or after (step 1) segment ``i`` is a table's row."""
    near = _nearest_filled(segments, i, step)
    return near is not None and "|" in near.text


def _nearest_filled(segments: Sequence[Segment], i: int, step: int) -> Segment | None:
    """The nearest non-blank segment before (step -1) or after (step 1) segment ``i``, or None.

    (Walked by index, not by slices: a table of a cell a line asks it of every lone number.)
    """
    i += step
    while 0 <= i < len(segments):
        if segments[i].text.strip():
            return segments[i]
        i += step
    return None


# a number's full stop typed for 、 ('一。总体情况'): the stop may end a sentence ('一。主动公开政府信息情况不够全面…'
# opens no section), so such a number is read only before a whole title, never a title with its text glued after it
_STOP_NUMBER = "。"


@functools.lru_cache(maxsize=65536)  # numbered table labels recur in every report
def _heading_key(title: str, num: str, family: str) -> tuple[str | None, str]:
    """(section key or None, level) of a heading-like segment's title and number."""
    level = "sub" if num.startswith("(") else ("top" if num else "none")
    key = _title_key(title, family) if len(title) <= 40 else None
    if key is None and level == "top" and "一" in _number_style(num)[0]:
        key = _bare_key(title, family)
    if key is None and num and not num.endswith(_STOP_NUMBER):
        # A glued segment: a numbered title starts the text, its body follows (numbered (一): a sub-level one,
        # a section only where no heading is numbered 一、)
        # (a pattern matching the title's start, past its opening quote: '“主动公开政府信息情况”本年度…')
        inline = _first_key(_family_titles(family).match(title, _open_quote_end(title)), family)
        if inline is not None:
            return inline, "sub_inline" if num.startswith("(") else "inline"
    if key is None and not num:
        # an unnumbered lead section's title glued to its text ('引言。本报告…'): kept only before the other
        # headings (see _candidates)
        lead, keys = _lead_titles(family)
        m = lead.match(title) if lead is not None else None
        if m is not None and m.lastindex:  # (every alternative is a group: a match has one)
            return keys[m.lastindex - 1], "lead"
    return key, level


@functools.lru_cache(maxsize=2)
def _lead_titles(family: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The lead keys' title patterns as one pattern, a group a key in ``section_lead``'s order (the first key with a
    pattern matching wins, as asked of each in turn), and the keys of its groups; (None, ()) where none has a
    pattern.  (Every unnumbered prose line is asked: one match in C, not a Python loop over the patterns.)"""
    pats = _patterns()[family]
    keys = tuple(k for k in _lead_keys(family) if pats.get(k))  # (a key of no pattern would be a group matching '')
    if not keys:
        return None, ()
    return _keys_pattern(family, keys), keys


@functools.lru_cache(maxsize=2)
def _lead_keys(family: str) -> tuple[str, ...]:
    """Keys of the sections that stand unnumbered before the numbered ones (formats.yaml ``section_lead``)."""
    return tuple(load_formats().get("section_lead", {}).get(family, []))


def _candidates(headings: list[_Heading], family: str, segments: list[Segment]) -> list[tuple[int, str, str, str]]:
    """(segment index, key, level, text) of the headings that name a section of this family, a table of
    contents left out."""
    found = _named(headings, family)
    listed = {h.index for h in headings if h.listed}
    if any(c[2] == "lead" for c in found):
        # a glued lead title counts only before every other heading: later, '引言…' is a sentence
        first = min((c[0] for c in found if c[2] != "lead"), default=len(segments))
        found = [c for c in found if c[2] != "lead" or c[0] < first]
    return _prefer_report_numbering(_without_contents(_without_copies(found, segments), family, segments, listed))


def _without_copies(cands: list[tuple[int, str, str, str]], segments: list[Segment]) -> list[tuple[int, str, str, str]]:
    """The candidates without a heading's copy right after it (blank lines or a page break between at most, a mark
    after either at most: '二、主动公开政府信息情况' / '二、主动公开政府信息情况：'): a copy artefact, no section of its
    own.  With more headings so written, the outline took some copies and some first lines, and a first line left
    stood in the section before as its text; the copy after a heading chosen is dropped from its text as a running
    header is (:func:`_without_running_heads`)."""
    kept = cands[:1]
    for before, cand in itertools.pairwise(cands):
        if _bare_heading(cand[3]) == _bare_heading(before[3]) and all(
                not (text := seg.text.strip()) or _is_furniture(text) for seg in segments[before[0] + 1: cand[0]]):
            continue
        kept.append(cand)
    return kept


def _bare_heading(text: str) -> str:
    """A heading line without its white space and the marks after its title (a copy of it ends otherwise: '：')."""
    return _SPACE_RUN.sub("", text).rstrip(_TITLE_SEPARATORS)


def _named(headings: list[_Heading], family: str) -> list[tuple[int, str, str, str]]:
    """(segment index, key, level, text) of every heading that names a section of this family.

    A heading whose key words a PDF set in glyphs of no Unicode map ('五、存在的(cid:7)(cid:8)(cid:9)及改进(cid:10)',
    no title of the family's) names the one section its number and readable words leave (:func:`_official_key`),
    where no other heading names that section; the outline then takes it only in its place among the others.
    """
    found = []
    unnamed = []
    for h in headings:
        key, level = _heading_key(h.title, h.num, family)
        if key is not None:
            found.append((h.index, key, level, h.text))
        elif h.gapped:
            unnamed.append(h)
    if unnamed:  # (rare: a PDF's font without a map)
        named = {c[1] for c in found}
        for h in unnamed:
            key = _official_key(h.gapped, h.num, family)
            if key is not None and key not in named:
                found.append((h.index, key, "top", h.text))
        found.sort(key=lambda c: c[0])
    return found


_GAPPED_READABLE_MIN = 2  # the fewest readable Han characters of such a title (a number and glyphs alone say nothing)


@functools.lru_cache(maxsize=64)
def _official_key(gapped: str, num: str, family: str) -> str | None:
    """The key of the one section of ``family`` that formats.yaml ``section_official_titles`` numbers ``num`` and
    titles with the readable words of ``gapped`` (:func:`_gapped_title`) in their order, each NUL standing for one
    character or more ('存在的\0及改进\0': 五、存在的主要问题及改进情况); None where none or more than one does."""
    if len(_HAN.findall(gapped)) < _GAPPED_READABLE_MIN:
        return None
    wanted = _number_style(num)
    if wanted[1] is None:
        return None
    pattern = re.compile(".+".join(map(re.escape, gapped.split("\0"))))
    keys = {key for key, number, title in _official_titles(family)
            if _number_style(number) == wanted and pattern.fullmatch(title)}
    return keys.pop() if len(keys) == 1 else None


@functools.lru_cache(maxsize=2)
def _official_titles(family: str) -> list[tuple[str, str, str]]:
    """(key, number, title) of each of formats.yaml ``section_official_titles`` of ``family``."""
    out = []
    for key, titles in load_formats().get("section_official_titles", {}).get(family, {}).items():
        for written in titles:
            number = _NUM_AT_START.match(written)
            if number is not None:  # (every title there is numbered)
                out.append((key, number.group().strip(), written[number.end():].strip()))
    return out


def _contents_entries(headings: list[_Heading], segments: list[Segment]) -> set[int]:
    """Segment indices of the headings that either family reads as a table of contents' entries."""
    entries: set[int] = set()
    listed = {h.index for h in headings if h.listed}
    for family in ("modern", "legacy"):
        found = _named(headings, family)
        entries |= {c[0] for c in found} - {c[0] for c in _without_contents(found, family, segments, listed)}
    return entries


def _contents_pages() -> dict[str, str]:
    """formats.yaml ``contents_pages``, each pattern's ``{number}`` and ``{page}`` written out (``page`` first: it
    holds ``{number}``)."""
    pages = dict(load_formats()["contents_pages"])
    for name in ("page", "number"):
        pages = {key: pattern.replace(f"{{{name}}}", pages[name]) for key, pattern in pages.items()}
    return pages


# what stands between a table of contents' entries: dot leaders and page numbers, also written (2), 第2页 or P2, the
# cells' bars of a contents set as a table, or its label (formats.yaml contents_pages; read once, as the parse reads
# the file anyway)
_CONTENTS_PAGES = _contents_pages()
_PAGE_MARKED = _CONTENTS_PAGES["marked"]
# the contents' label before the first entry on its line ('目录：一、总体情况  1')
_CONTENTS_LABEL = re.compile(rf"{_CONTENTS_PAGES['label']}\s*:?\s*(?=\S)")
_FILLER = re.compile(rf"{_CONTENTS_PAGES['leader']}(?:{_PAGE_MARKED}|{_CONTENTS_PAGES['prefixed']})?"
                     rf"|{_CONTENTS_PAGES['label']}")
# a glued contents line's entry's page number, bracketed or 第N页, ending the entry or before a sub-entry
# ('二、主动公开政府信息情况(2) ', '一、总体情况(1)(一)主动公开(1)(二)…'): no sub-entry, though (2) is numbered as one (a
# sub-entry has its title after its number)
_ENTRY_PAGE = re.compile(rf"\s*(?:{_PAGE_MARKED})\s*(?={_SUB}|\Z)")
_CONTENTS_GAP = 4  # the most segments from one entry to the next (blank lines, a page number)
# a sub-heading's entry listed under its section's in a table of contents of two levels ('（一）主动公开', '1.主动公开  3'):
# short, numbered, no sentence's end in it, a dot leader and page number after it at most
_SUB_ENTRY = re.compile(rf"(?:{_SUB}|\d{{1,2}}\s*[.、])\s*[^\s。;!?|]{{1,30}}"
                        rf"(?:\s*[.·…_\-—]*\s*(?:{_CONTENTS_PAGES['number']}|{_CONTENTS_PAGES['page']}))?")
_SUB_ENTRIES_MAX = 12  # the most sub-entries listed under one entry
_SUB_ENTRY_START = re.compile(rf"(?={_SUB})")


def _sub_entries(rest: str) -> bool:
    """Whether ``rest``, the words after a heading's title on its line, are only its sub-headings' entries in a table
    of contents ('(一)主动公开 (二)依申请公开 (三)政府信息管理', page numbers after them at most, also bracketed:
    '(1)(一)主动公开(2)(二)…')."""
    rest = _ENTRY_PAGE.sub("", rest).lstrip("0123456789 .·…-—")  # (the page numbers: the entry's before them, theirs)
    if not rest.startswith("("):
        return False  # (cheap: most glued text is a sentence)
    entries = [e.strip() for e in _SUB_ENTRY_START.split(rest) if e.strip()]
    return 0 < len(entries) <= _SUB_ENTRIES_MAX and all(_SUB_ENTRY.fullmatch(e) for e in entries)


def _without_contents(cands: list[tuple[int, str, str, str]], family: str, segments: list[Segment],
                      listed: set[int]) -> list[tuple[int, str, str, str]]:
    """The candidates without those of a table of contents.

    A table of contents lists the section titles with no text between them (page numbers and dot leaders at
    most): a run of three or more titles in the format's order, the overview among them, whose first title comes
    again after the run.  Taken for the sections, it left them empty and the report in the last one.  So does the
    list of the later sections' titles that a section's text gives ('现将相关情况总结如下：' / '1.主动公开政府信息情况' /
    '2.…'), the run coming after the title of a section before its first (the overview's), not among it.  A title with
    its text glued after it (a glued line cut at its titles) is no entry, though nothing stands between it and the
    next: taken for one, a glued report followed by another lost all its sections to the second.
    """
    rank = _section_ranks(family)
    drop = {c[0] for c in cands if c[0] in listed}
    run: list[tuple[int, str, str, str]] = []
    inner: list[tuple[int, str, str, str]] = []  # the sub-headings' entries under the run's entries, dropped with it

    def close(run: list[tuple[int, str, str, str]], after: list[tuple[int, str, str, str]]) -> None:
        # (the overview's entry may be glued in the paragraph above the others, not cut from it: _entry_glued_before)
        # (an unnumbered lead title listed first, 引言, may stand before the contents, not again after it: the first
        # numbered entry comes again)
        again = run[1] if len(run) > 1 and run[0][1] in _lead_keys(family) else run[0] if run else None
        if len(run) >= 3 and (any(c[1] == "overview" for c in run) or _entry_glued_before(run[0], family, segments)
                              or _listed_in_section(run[0], cands, rank)) \
                and again is not None and any(c[1] == again[1] for c in after):
            drop.update(c[0] for c in run + inner)
        inner.clear()

    for n, cand in enumerate(cands):
        rest = _heading_rest(cand[3], family, cand[1]) if cand[2] in ("inline", "sub_inline", "lead") else ""
        if rest and _glued_contents(rest, family, cand[1]) and any(c[1] == cand[1] for c in cands[n + 1:]):
            # the contents on one line, its entries glued with nothing between them, so not cut at them ('一、总体情况
            # 二、主动公开政府信息情况…六、其他需要报告的事项'; its first title comes again after it): no section
            drop.add(cand[0])
            close(run, cands[n:])
            run = [cand]  # (the entries cut from its line after it go on the contents: '…3、 依申请…情况  3' / '四、…')
        elif rest and not _FILLER.fullmatch(rest) and not _sub_entries(rest):
            # its text glued after the title (web-page text cut at its titles): a section, no entry (not the entries
            # of its sub-headings listed after it on the contents' line: '一、总体情况 （一）主动公开 （二）…')
            close(run, cands[n:])
            run = []
        elif run and cand[2] in _SUB_LEVELS and run[-1][2] not in _SUB_LEVELS \
                and _SUB_ENTRY.fullmatch(cand[3].strip()) and _contents_between(segments[run[-1][0] + 1: cand[0]]):
            inner.append(cand)  # a sub-heading's entry named as a section ('（一）主动公开政府信息情况'), under an entry
        elif run and rank[cand[1]] > rank[run[-1][1]] and _contents_between(segments[run[-1][0] + 1: cand[0]]):
            run.append(cand)
        else:
            close(run, cands[n:])
            run = [cand]
    close(run, [])
    return [c for c in cands if c[0] not in drop] if drop else cands


def _listed_in_section(first: tuple[int, str, str, str], cands: list[tuple[int, str, str, str]],
                       rank: dict[str, int]) -> bool:
    """Whether the candidate right before ``first`` (a run's first entry) names a section before it in the format's
    order: the run stands in that section's text, a list of the sections to come (seed 004's overview listing
    '1.主动公开政府信息情况' … '5.其他需要报告的事项' before its real headings), not the report's contents."""
    before = [c for c in cands if c[0] < first[0]]
    return bool(before) and rank[before[-1][1]] < rank[first[1]]


def _entry_glued_before(cand: tuple[int, str, str, str], family: str, segments: list[Segment]) -> bool:
    """Whether the segment right before candidate ``cand`` ends with a numbered title of a section before it in the
    format's order: a table of contents run on in a paragraph ('…联系。目录一、总体情况 二、主动公开…'), its first entry
    glued after a word (目录, a date, a colon) and no sentence's end, so not cut from the paragraph as the next
    entries are."""
    if cand[0] == 0:
        return False
    end = segments[cand[0] - 1].text.rstrip()[-_TITLE_REACH:]
    numbers = list(_CN_DUN.finditer(end))
    if not numbers:
        return False  # (cheap: most segments before a heading end in a sentence)
    match = _HEADING.fullmatch(end[numbers[-1].start():])
    key = _title_key(_SPACE_RUN.sub("", match["title"]), family) if match and match["num"] else None
    rank = _section_ranks(family)
    return key is not None and rank[key] < rank[cand[1]]


@functools.lru_cache(maxsize=None)
def _section_ranks(family: str) -> dict[str, int]:
    """Each section key of ``family`` ("modern" or "legacy") -> its place in the format's order."""
    return {key: n for n, key in enumerate(_patterns()[family])}


# where a glued contents line's next entry starts: 二、, or 2、 in a report numbering some sections so ('2、 主动公开…')
_CONTENTS_NUMBER = re.compile(rf"(?=(?:{_CN_NUM}|(?<!\d)\d{{1,2}})\s*、)")


def _glued_contents(rest: str, family: str, key: str) -> bool:
    """Whether ``rest``, the words glued after a heading's title (section ``key``), are only the titles of two or
    more later sections in the format's order, each numbered 二、 (or 2、), a dot leader and a page number after it at
    most (also bracketed or 第N页: '二、主动公开政府信息情况(2) '), the heading's own page number before them: a table
    of contents copied as one line ('一、总体情况二、主动公开政府信息情况三、…')."""
    if "、" not in rest:
        return False  # (cheap: most headings' text glued after them is a sentence)
    rank = _section_ranks(family)
    last = rank[key]
    entries = [e for e in (_ENTRY_PAGE.sub("", e) for e in _CONTENTS_NUMBER.split(rest)) if e.strip()]
    if entries and _FILLER.fullmatch(entries[0]):
        entries = entries[1:]  # the heading's own entry's page number ('一、…情况  1 2、 主动公开…  2')
    for n, entry in enumerate(entries):
        entry = _SPACE_RUN.sub("", entry)
        sub = _SUB_ENTRY_START.search(entry)  # (its sub-headings' entries after it: '二、…情况(一)…(二)…')
        if sub is not None:
            entry, subs = entry[: sub.start()], entry[sub.start():]
            if not _sub_entries(subs) or not entry and n:
                return False
            if not entry:
                continue  # (the sub-entries of the heading's own title, before the next entry)
        listed = _CONTENTS_ENTRY.match(entry) or _PAGE_NUMBER_AFTER.match(entry)
        match = _HEADING.match(listed["entry"] if listed else entry.rstrip("0123456789"))
        found = _title_key(match["title"], family) if match and match["num"] else None
        if found is None or rank[found] <= last:
            return False
        last = rank[found]
    return sum(1 for e in entries if not _SUB_ENTRY_START.match(e.strip())) >= 2


_FIRST_ENTRY = "一、"  # a table of contents' first entry's number, and the report's first section's
_GLUED_CONTENTS_MAX = 1500  # the most characters of a table of contents copied as one line (sub-entries listed too)


def _glued_contents_end(line: str) -> int | None:
    """Where in ``line`` the report's first section title stands, glued right after a table of contents copied as
    one line ('目录一、总体情况二、…六、其他需要报告的事项一、总体情况2020年，我局…'), or None.

    No sentence's end stands before it, so the line was not cut there: the contents, labelled, was dropped with the
    overview's heading in it (sections_missing), or unlabelled read as the overview's heading with the contents as its
    text.  The contents ends where its first entry's title comes again, numbered 一、, after the titles of two or more
    later sections in the format's order (:func:`_glued_contents`).
    """
    starts = [m.start() for m in _CONTENTS_NUMBER.finditer(line)]
    firsts = [at for at in starts if line.startswith(_FIRST_ENTRY, at)]
    for n, first in enumerate(firsts[:-1]):
        after = next((at for at in starts if at > first), None)
        if after is None:
            return None
        entry = _SPACE_RUN.sub("", _ENTRY_PAGE.sub("", line[first:after]))
        sub = _SUB_ENTRY_START.search(entry)  # (its sub-headings' entries after it: '一、总体情况(一)主动公开(二)…')
        if sub is not None and sub.start() and _sub_entries(entry[sub.start():]):
            entry = entry[: sub.start()]
        listed = _CONTENTS_ENTRY.match(entry) or _PAGE_NUMBER_AFTER.match(entry)
        match = _HEADING.match(listed["entry"] if listed else entry.rstrip("0123456789"))
        for again in firsts[n + 1:]:
            if again - first > _GLUED_CONTENTS_MAX:
                break
            for family in ("modern", "legacy"):
                key = _title_key(match["title"], family) if match and match["num"] else None
                if key is None or not _glued_contents(line[after:again], family, key):
                    continue
                head = _inline_any_heading().match(line[again: again + _TITLE_REACH + len(_FIRST_ENTRY)])
                if head is not None and _title_key(_SPACE_RUN.sub("", head[0][len(head["top"]):]).lstrip("、"),
                                                   family) == key:
                    return again
    return None


_LEAD_ENTRY_MAX = 8  # the most characters of an unnumbered lead title listed first in a table of contents ('引言')


def _glued_lead_contents_end(line: str) -> int | None:
    """Where in ``line`` the report's unnumbered lead title (formats.yaml ``section_lead``: 引言) stands, glued right
    after a table of contents copied as one line that lists it first ('目录引言一、概述二、…七、说明与附表引言…'), or
    None: as :func:`_glued_contents_end`, the contents ending where its first entry, the lead title, comes again."""
    first = line.find(_FIRST_ENTRY)
    body = line.lstrip()
    label = _CONTENTS_LABEL.match(body)
    lead = line[len(line) - len(body) + (label.end() if label else 0): first].strip()
    if not lead or len(lead) > _LEAD_ENTRY_MAX:
        return None  # (cheap: most lines with 一、 in them have more words before it, or none)
    for family in ("modern", "legacy"):
        if _title_key(_SPACE_RUN.sub("", lead), family) not in _lead_keys(family):
            continue
        again = line.find(lead, first)
        after = next((m.start() for m in _CONTENTS_NUMBER.finditer(line, first + 1)), None)
        if again < 0 or after is None or after > again or again - first > _GLUED_CONTENTS_MAX:
            return None
        match = _HEADING.match(_SPACE_RUN.sub("", line[first:after]))
        key = _title_key(match["title"], family) if match and match["num"] else None
        if key is not None and _glued_contents(line[after:again], family, key):
            return again
    return None


def _contents_between(between: list[Segment]) -> bool:
    """Whether the segments between two entries of a table of contents are its own: blank lines, dot leaders and page
    numbers (at most ``_CONTENTS_GAP - 1`` of them), and the sub-headings' entries of a contents of two levels."""
    if len(between) > _CONTENTS_GAP + _SUB_ENTRIES_MAX:
        return False
    subs = [seg for seg in between if not _FILLER.fullmatch(seg.text.strip())]
    return len(between) - len(subs) < _CONTENTS_GAP and all(_SUB_ENTRY.fullmatch(seg.text.strip()) for seg in subs)


_SUB_LEVELS = ("sub", "sub_inline")  # a heading numbered (一), alone or with its text glued after
_SUB_NUMBER = re.compile(rf"^\s*({_SUB})")


def _sub_number(text: str) -> int | None:
    match = _SUB_NUMBER.match(text)
    return cn_numeral(match.group(1).strip("() ")) if match else None


@functools.lru_cache(maxsize=2)
def _bare_patterns(family: str) -> dict[str, list[re.Pattern[str]]]:
    spec = load_formats().get("section_bare_titles", {}).get(family, {})
    return {key: [re.compile(p) for p in pats] for key, pats in spec.items()}


def _bare_key(title: str, family: str) -> str | None:
    """The key a title names under a Chinese top-level number only (formats.yaml ``section_bare_titles``:
    六、其他; unnumbered, or as 3.其他, the word is a table's row label)."""
    for key, pats in _bare_patterns(family).items():
        if any(p.fullmatch(title) for p in pats):
            return key
    return None


_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_NUMERAL = re.compile(rf"{_CN_NUM}|\d{{1,2}}|{_ROMAN}")


@functools.lru_cache(maxsize=4096)
def _number_style(num: str) -> tuple[str, int | None]:
    """The form of a heading's number, its numeral replaced by 一, 1 or I ('一、' for '三、', '(1)' for '(2)'),
    and its value."""
    # (a full stop typed for 、 is the report's own 、: '四。' among '三、' '五、' is no other numbering)
    num = _SPACE_RUN.sub("", num).replace("．", ".").replace(_STOP_NUMBER, "、")
    match = _NUMERAL.search(num)
    if not match:
        return num, None
    numeral = match.group()
    if numeral in _ROMAN_VALUES:
        form, value = "I", _ROMAN_VALUES[numeral]
    elif numeral.isdigit():
        form, value = "1", int(numeral)
    else:
        form, value = "一", cn_numeral(numeral)
    return num[: match.start()] + form + num[match.end():], value


_NUM_AT_START = re.compile(rf"^\s*(?:{_TOP}|{_SUB}|{_PART})")


def _style_of(text: str) -> str:
    """The number form of a heading's text ('' when unnumbered)."""
    match = _NUM_AT_START.match(text)
    return _number_style(match.group())[0] if match else ""


def _item_before(tops: Sequence[tuple[int, str, int | None]], start: int, end: int, text: str, number: int) -> bool:
    """Whether a heading of ``tops`` (segment index, number form, value) numbered in the form of ``text`` and one less
    than ``number`` stands between the segments ``start`` and ``end``: ``text`` goes on a run of items."""
    style = _style_of(text)
    return any(start < i < end and value == number - 1 and form == style for i, form, value in tops)


def _top_number(text: str) -> int | None:
    """The value of a heading's number numbered 一、 or 1. (None where it has none)."""
    match = _NUM_AT_START.match(text)
    return _number_style(match.group())[1] if match else None


def _prefer_report_numbering(cands: list[tuple[int, str, str, str]]) -> list[tuple[int, str, str, str]]:
    """The candidates without the numbered headings whose number form is not the report's own where the report
    also names their section in its own form: the overview's items 1.主动公开情况, 2.依申请公开情况 are no
    sections where 二、主动公开政府信息情况 follows.  A section numbered otherwise with no other heading
    (一、 2、 3、 四、 in one report), or none in the report's form after it (seed 004's 2、主动公开政府信息情况 after
    the overview's items 一、主动公开情况 二、依申请公开情况), keeps its heading."""
    numbered = [(c, _style_of(c[3])) for c in cands if c[2] in ("top", "inline")]
    if len({style for _, style in numbered}) < 2:
        return cands  # one form: nothing to prefer (most reports)
    counts = Counter(style for _, style in numbered).most_common(2)
    if counts[0][1] == counts[1][1]:
        return cands
    main = counts[0][0]
    # (the last heading of each key in the report's own form: an item in another form stands before it, in the
    # overview; a heading in another form after it is the section, where the overview numbers its own items as
    # the report numbers its sections, 一、主动公开情况 … 2、主动公开政府信息情况: the run of numbers chooses)
    named: dict[str, int] = {}
    for c, style in numbered:
        if style == main:
            named[c[1]] = max(named.get(c[1], c[0]), c[0])
    drop = {c[0] for c, style in numbered if style != main and c[0] < named.get(c[1], -1)}
    return [c for c in cands if c[0] not in drop] if drop else cands


@functools.lru_cache(maxsize=2)
def _numbered_only(family: str) -> frozenset[str]:
    """Keys of sections that a report numbering its sections must number (formats.yaml ``section_numbered_only``)."""
    return frozenset(load_formats().get("section_numbered_only", {}).get(family, []))


def _choose(cands: list[tuple[int, str, str, str]], order: list[str], family: str,
            subs: list[tuple[int, int]] | None = None,
            tops: list[tuple[int, str, int | None]] | None = None) -> list[tuple[int, str, str]]:
    has_top = any(level in ("top", "inline") for _, _, level, _ in cands)
    if has_top:
        # an unnumbered 改进措施 line among numbered sections is the problems section's sub-heading
        only = _numbered_only(family)
        cands = [c for c in cands if not (c[1] in only and c[2] == "none")]
        levels = {"top", "inline", "none", "lead"}
        chosen = _choose_levels(cands, order, levels, tops=tops or ())
        if tops:
            better = _run_on_top_sections(cands, order, levels, tops, chosen)
            if better is not None:
                return better
        return chosen
    # Without numbered sections, the titles may stand alone (Word numbered them, and the number is not
    # in the text) or be numbered (一)…(六). Where the plain titles make a report's sections (four or more,
    # or as many as with the (一) headings), they win: the (一) headings are then the sections' own
    # sub-headings ((一)主动公开情况 in the overview, (二)改进措施 in the problems section).
    plain = _choose_levels(cands, order, {"none", "lead"})
    numbered = _choose_levels(cands, order, {"none", "sub", "sub_inline", "lead"}, subs)
    return plain if len(plain) >= min(4, len(numbered)) else numbered


def _choose_levels(cands: list[tuple[int, str, str, str]], order: list[str], allowed: set[str],
                   subs: list[tuple[int, int]] | None = None,
                   tops: Sequence[tuple[int, str, int | None]] = ()) -> list[tuple[int, str, str]]:
    """The section headings among the candidates: for each key in ``order``, the first candidate of an allowed level
    after the section before (sections numbered (一)…(六) must run on).  Given ``subs``, the (segment index, number)
    of every heading numbered (一) (a known title or not), a run of (一) headings that explains more of the
    report's sections, or as many with fewer numbers out of place, wins over that first pick (see
    :func:`_run_on_sections`).  Given ``tops``, the (segment index, number form, value) of every heading numbered
    一、 (or 1.), a title numbered below the section before it that goes on a run of that section's items is none
    (:func:`_item_before`)."""
    chosen: list[tuple[int, str, str]] = []
    last = -1
    last_number = 0
    # (the candidates of an allowed level by key, in their order: each key looks at its own, not at every one)
    by_key: dict[str, list[tuple[int, str, str, str]]] = {}
    for cand in cands:
        if cand[2] in allowed:
            by_key.setdefault(cand[1], []).append(cand)
    last_top = 0  # the number of the last section chosen numbered 一、 (or 1.)
    for key in order:
        for i, _, level, text in by_key.get(key, ()):
            if i > last:
                number = _sub_number(text) if level in _SUB_LEVELS else None
                if number is not None and number <= last_number:
                    # Sections numbered (一)…(六) run on; a sub-heading such as the overview's
                    # (一)主动公开情况 restarts its own count and names no section.
                    continue
                top = _top_number(text) if level in ("top", "inline") else None
                if top is not None and top < last_top and _item_before(tops, last, i, text, top):
                    # a title numbered below the section before it, after the title numbered one less in its own
                    # form in that section, is that section's own item ('六、存在的问题和改进措施' / '1.存在问题…' /
                    # '2.改进措施…': no pre-2019 improvements section); without such a run, a section out of place
                    # ('五、存在的主要问题…' before '四、…复议…') or a typo stays a section
                    continue
                chosen.append((i, key, text))
                last = i
                last_number = number or last_number
                last_top = top or last_top
                break
    if subs and "sub" in allowed and any(c[2] in _SUB_LEVELS for c in cands):
        better = _run_on_sections(cands, order, allowed, subs, chosen)
        if better is not None:
            return better
    return chosen


def _run_on_top_sections(cands: list[tuple[int, str, str, str]], order: list[str], allowed: set[str],
                         tops: list[tuple[int, str, int | None]],
                         first: list[tuple[int, str, str]]) -> list[tuple[int, str, str]] | None:
    """The sections of a report numbered 一、…六、 whose overview numbers its own items 一、… with section titles
    among them (一、主动公开情况 二、依申请公开情况, then the real 二、主动公开政府信息情况): as
    :func:`_run_on_sections`, with the numbers of the headings in the sections' own form (``tops``: segment
    index, number form, value of every numbered heading).  None where no section's title stands twice among the
    numbered candidates (most reports: nothing to choose between) or the first pick scores as well.  A section
    numbered in another form than the report's most headings counts on in the run by its value (一、 2、 3、 四、)."""
    numbered = [c for c in cands if c[2] in ("top", "inline")]
    taken = {i for i, _, _ in first}
    keys = {k for _, k, _ in first}
    if not any(c[0] not in taken and c[1] in keys for c in numbered):
        return None
    counts = Counter(_style_of(c[3]) for c in numbered).most_common(1)
    main = counts[0][0]
    subs = [(i, value) for i, style, value in tops if style == main and value is not None]

    def number_of(text: str, level: str) -> int | None:
        # (a section numbered in another form still counts on: 一、 2、 3、 四、 in one report, seed 004; its
        # overview's items 1.主动公开情况 2.依申请公开情况 count from 1 again and are no sections)
        if level not in ("top", "inline"):
            return None
        return _top_number(text)

    return _run_on_sections(cands, order, allowed, subs, first, number_of)


def _out_of_place(subs: list[tuple[int, int]], start: int, end: int | None, before: int, after: int | None) -> int:
    """How many (一) headings between two sections (segment indices ``start`` and ``end``, numbered ``before`` and
    ``after``) cannot stand there.  Inside a section, (一) headings are its own items: a run that starts at (一) and
    counts on by one, and may hold runs of its own (each open run can go on, closing those inside it); a section
    of no known title may stand between, numbered ``before`` + 1 (and below ``after``).  A section's number that
    comes again after a run of items went past it ((二) after the overview's items (一)…(五)) is out of place."""
    bad, top = 0, before
    runs: list[int] = []  # the last number of each open run of items, outermost first
    first = bisect.bisect_right(subs, (start, math.inf))  # (subs is in the text's order)
    for i, number in itertools.islice(subs, first, None):
        if end is not None and i >= end:
            break
        if number == 1:
            runs.append(1)
            continue
        level = next((k for k in range(len(runs) - 1, -1, -1) if runs[k] + 1 == number), None)
        if level is not None:
            del runs[level + 1:]
            runs[level] = number
        elif number == top + 1 and (after is None or number < after):
            top, runs = number, []  # an unknown section in the run: its own items count from (一) again
        else:
            bad += 1
    return bad


def _run_on_sections(cands: list[tuple[int, str, str, str]], order: list[str], allowed: set[str],
                     subs: list[tuple[int, int]], first: list[tuple[int, str, str]],
                     number_of: Callable[[str, str], int | None] | None = None) -> list[tuple[int, str, str]] | None:
    """The sections of a report numbered (一)…(六) whose sections' own items are numbered (一)… too, where the first
    pick (``first``) took items for sections: the chain of candidates (in the text's order and the format's, numbers
    rising) with the most sections, then the fewest (一) headings out of place between them (:func:`_out_of_place`);
    None where ``first`` scores as well.  ``number_of`` gives a candidate's number (default: its (一) number); a
    report numbered 一、 whose overview's items are numbered 一、 too is read so with the number of its 一、 headings
    (``subs`` then holds those).

    The overview's items (一)总体情况 (二)主动公开政府信息情况 (三)依申请公开情况 named sections; taken for them, the
    real (二)…(三) headings came after a higher number and were left out, their text and tables in the wrong
    section.  Their run of numbers ((一), then (二) once the overview's own items end) explains them.
    """
    rank = {key: n for n, key in enumerate(order)}
    if number_of is None:
        number_of = lambda text, level: _sub_number(text) if level in _SUB_LEVELS else None  # noqa: E731
    pool = sorted(((i, k, level, text, number_of(text, level))
                   for i, k, level, text in cands if level in allowed and k in rank), key=lambda c: c[0])
    if len(pool) > _MAX_RUN_CANDIDATES or len(subs) > _MAX_RUN_ITEMS:
        return None  # the search grows with the cube of them: such a report keeps the first pick

    def score(chain: list[int]) -> tuple[int, int]:
        bad, number = 0, 0
        for a, b in zip(chain, chain[1:]):
            number = pool[a][4] or number
            bad += _out_of_place(subs, pool[a][0], pool[b][0], number, pool[b][4])
            # a section numbered below the one before is out of place too (一、 二、 五、 三、: 五、 was an item)
            bad += pool[b][4] is not None and pool[b][4] <= number  # type: ignore[operator]  # not None, checked before the and
        return len(chain), -bad

    # best[j]: for each last number, the best chain ending at candidate j (score, chain)
    best: list[dict[int, tuple[tuple[int, int], list[int]]]] = []
    for j, (_, key, _, _, number) in enumerate(pool):
        here: dict[int, tuple[tuple[int, int], list[int]]] = {(number or 0): ((1, 0), [j])}
        for a in range(j):
            if rank[pool[a][1]] >= rank[key]:
                continue
            for last, ((size, bad), chain) in best[a].items():
                if number is not None and number <= last:
                    continue
                gap = _out_of_place(subs, pool[a][0], pool[j][0], last, number)
                cand = ((size + 1, bad - gap), chain + [j])
                key_number = number if number is not None else last
                if key_number not in here or cand[0] > here[key_number][0]:
                    here[key_number] = cand
        best.append(here)
    top = max((entry for here in best for entry in here.values()), key=lambda e: e[0], default=None)
    if top is None:
        return None
    index = {c[0]: n for n, c in enumerate(pool)}
    first_score = score([index[i] for i, _, _ in first])
    if top[0] <= first_score:
        return None
    if first and pool[top[1][0]][0] > first[0][0] and top[0][0] <= first_score[0]:
        # a run that begins after the report's first section and finds no more sections is another report's
        # (a second report after this one, with fewer headings out of place than this one's)
        return None
    return [(pool[n][0], pool[n][1], pool[n][3]) for n in top[1]]


@functools.lru_cache(maxsize=8)
def _orders(family: str, optional: bool = False) -> list[list[str]]:
    """The orders a family's sections may come in: the format's, and with each swap of formats.yaml applied.

    Parameters
    ----------
    family : str
        ``'modern'`` or ``'legacy'``.
    optional : bool
        Whether to add, after those orders, the orders holding the family's optional sections (formats.yaml
        ``section_optional``) at each of their places; without, those sections are left out of every order.

    Returns
    -------
    list of list of str
        The orders, the format's first (callers must not change them: they are cached).
    """
    places: dict[str, list[str]] = load_formats().get("section_optional", {}).get(family, {})
    order = [key for key in _patterns()[family] if key not in places]
    orders = _swapped(order, family)
    if optional and places:
        # every placing of the optional sections (each before one of its listed sections), after the orders
        # without them: on a tie those win, so a report read right without them reads the same
        placed = [order]
        for key, befores in places.items():
            placed = [[*o[:o.index(b)], key, *o[o.index(b):]] for o in placed for b in befores if b in o]
        orders += [swapped for o in placed for swapped in _swapped(o, family)]
    return orders


def _swapped(order: list[str], family: str) -> list[list[str]]:
    """``order``, then ``order`` with each swap of formats.yaml ``section_swaps`` applied."""
    orders = [order]
    for a, b in load_formats().get("section_swaps", {}).get(family, []):
        swapped = list(order)
        i, j = swapped.index(a), swapped.index(b)
        swapped[i], swapped[j] = b, a
        orders.append(swapped)
    return orders


@functools.lru_cache(maxsize=1)
def _optional_keys() -> frozenset[str]:
    """Keys of the sections of either family that formats.yaml ``section_optional`` names."""
    return frozenset(key for places in load_formats().get("section_optional", {}).values() for key in places)


class Note(NamedTuple):
    """Something about a report's outline that a reader should know: a flag's code, line and detail."""

    code: str
    line: int | None
    detail: str


@dataclass
class Outline:
    """The outline of a report: what :func:`find_outline` finds.

    Attributes
    ----------
    sections : list of Section
        In document order.
    family : str
        ``'modern'`` or ``'legacy'``.
    notes : list of Note
        Headings that were not taken as sections (``unknown_section``), a second report after this one
        (``second_report``).
    end : int or None
        The 1-based line where the report's own text ends (before an appendix or a second report), None when it
        runs to the end.
    appendix : list of Segment
        The segments of an appendix after the signature (``附件：…统计表``), where reports put their tables.
    appendix_parts : dict of str to list of Segment
        The appendix cut at its headings of the sections with tables (``二、主动公开政府信息情况`` …): key to the
        segments under the heading.
    """

    sections: list[Section]
    family: str
    notes: list[Note]
    end: int | None
    appendix: list[Segment]
    appendix_parts: dict[str, list[Segment]]


def find_sections(segments: list[Segment]) -> tuple[list[Section], str]:
    """Find the sections of a report.

    Parameters
    ----------
    segments : list of Segment
        From :func:`split_segments`.

    Returns
    -------
    sections : list of Section
        In document order.
    family : str
        ``'modern'`` (2019/2021 formats) or ``'legacy'`` (pre-2019), whichever
        explains more headings.
    """
    outline = find_outline(segments)
    return outline.sections, outline.family


def find_outline(segments: list[Segment], page_lines: Collection[str] = ()) -> Outline:
    """Find the sections of a report, where its own text ends, and the headings left out.

    Parameters
    ----------
    segments : list of Segment
        The report's segments, as :func:`split_segments` cuts its lines.
    page_lines : collection of str, optional
        Lines that are the report's page furniture wherever they stand (as :func:`split_segments`).

    Returns
    -------
    Outline
        The sections (as :func:`find_sections`), the family, the notes, the end of the report's own text and
        its appendix.
    """
    segments = _join_wrapped_headings(segments, page_lines)
    headings = _headings(segments)
    # each family's candidates, asked by the outline and by where the report's own text ends
    candidates = {family: _candidates(headings, family, segments) for family in ("modern", "legacy")}
    chosen, family = _best_outline(headings, segments, candidates)
    notes: list[Note] = []
    # (the segments' texts, listed once for where the report's own text ends and where its last section does)
    texts = list(map(_SEGMENT_TEXT, segments)) if chosen else []  # (mapped in C, as the bodies' texts below)
    cut, second = _body_end(segments, headings, chosen, family, candidates, texts)
    appendix: list[Segment] = []
    end_line = segments[cut].line if cut is not None else None
    if cut is not None:
        if second is not None:
            title = segments[second]
            notes.append(Note("second_report", title.line, f"another report follows: {title.text.strip()[:60]}"))
        else:
            appendix = _cut_appendix(segments[cut:])
        segments = segments[:cut]
        texts = texts[:cut]
        headings = [h for h in headings if h.index < cut]
        chosen, family = _best_outline(headings, segments)
    sections = []
    end = len(segments)
    report_title = _report_title(segments, chosen[0][0]) if chosen else None
    pages: list[tuple[int, int]] | None = None  # the page numbers the report shows, read where first asked
    for n, (i, key, title) in enumerate(chosen):
        end = chosen[n + 1][0] if n + 1 < len(chosen) else _text_end(segments, i, texts)
        body = segments[i + 1 : end]
        if n == 0 and key in _lead_keys(family) and len(chosen) > 1:
            # (a lead section, 引言, is the report's opening: a table of contents may stand in it, above the first
            # numbered heading; its lines were kept as the section's text)
            body = _without_contents_lines(body, i + 1, _contents_entries(headings, segments))
        heading = segments[i]
        body = _without_running_heads(body, heading.text, report_title)
        # A glued heading carries text after the title on the same segment.
        rest = _heading_rest(title, family, key)
        if not rest:
            body = _past_page_marks(body)
            if (first := next((seg.text for seg in body if seg.text.strip()), None)) is not None \
                    and _BARE_PAGE_NUMBER.fullmatch(first.strip()):
                pages = _page_numbers_seen(segments) if pages is None else pages
                body = _past_bare_page_number(body, pages)
        if rest and _page_mark_edge(last=True).match(rest, len(rest) - 1) \
                and (paged := _page_number_after(title, rest)) is not None:
            # a page number glued after the title ('四、…情况—3—', PDF text): no part of the title or the text
            title, rest = paged, _heading_rest(paged, family, key)
        if not rest and (noted := _text_noted(title)):
            # a note saying there is nothing to report ('六、其他需要报告的事项(无)'), or a note on the data ('(注:本部分
            # 数据截至…)'), is the section's text: it stood in the title (the text left empty), where a longer one or
            # one with text glued after it is the text's
            title, rest = title.rstrip(), noted
        if rest:
            body = [Segment(rest, heading.line)] + body
            # (the mark that set the text apart is no part of the title: '一、总体情况。本机关…' is titled 一、总体情况)
            title = title[: len(title) - len(rest)].strip().rstrip(_TITLE_SEPARATORS)
        else:
            # (nor is a mark after a title alone on its line: '二、主动公开政府信息情况：' is titled as without it)
            title = title.rstrip().rstrip(_TITLE_SEPARATORS) or title
        if n + 1 < len(chosen):
            body = _before_page_marks(body)
        if n + 1 == len(chosen) and body:
            body = _without_glued_signature(body)
        if n + 1 == len(chosen) and end < len(segments):
            # a note on the report under its signature ('XX局' / '2021年1月30日' / '注：…'): the report's text, cut with
            # the signature and read nowhere; kept at the last section's end
            body = body + [segments[k] for k in signature_notes(texts, end)]
        last_line = body[-1].line if body else heading.line
        sections.append(Section(key, title, _readable_text(body), heading.line, last_line, body))
    notes[:0] = _unknown_headings(headings, segments[:end], chosen, sections, family)
    if family == "modern":
        sections = [part for sec in sections for part in _merged_split(sec, {s.key for s in sections})]
    return Outline(sections, family, notes, end_line, appendix, _appendix_parts(appendix))


_RUNNING_HEAD_MIN = 3  # the fewest page breaks a line must stand at, on one side, to be a running header
_RUNNING_HEAD_MIN_HAN = 2  # the fewest Han characters of one (a count, a cell's '0', is never a running header)


def running_head_lines(lines: Sequence[str]) -> list[int]:
    """Indexes of the lines of ``lines`` that are a PDF's running page header or footer: the same line (whitespace
    taken out, ``_RUNNING_HEAD_MIN_HAN`` Han characters at least) next to a page number (blank lines between, as
    :func:`toolkit.normalize.is_page_furniture` reads one) on the same side of ``_RUNNING_HEAD_MIN`` page breaks
    at least: the agency's name, a shortened title ('2021年政府信息公开工作年度报告') above each page.  Only those
    places: the same line elsewhere (the title line, a table's label that two tables share) is the report's.

    Parameters
    ----------
    lines : sequence of str
        The report's lines, normalized.

    Returns
    -------
    list of int
        The indexes, in order; none in most reports (no page numbers, or no line repeated beside them).
    """
    # (a page number a cell may also be, '(3)', '3-3', is no page break here: in_table)
    marks = [i for i, line in enumerate(lines) if line.strip() and is_page_furniture(line, in_table=True)]
    if len(marks) < _RUNNING_HEAD_MIN:
        return []  # (most reports: no page numbers in the text)
    places: dict[tuple[str, int], set[int]] = {}
    for i in marks:
        for step in (-1, 1):  # the first line of text before the page number, and after it
            j = i + step
            while 0 <= j < len(lines) and (not lines[j].strip() or is_page_furniture(lines[j], in_table=True)):
                j += step
            if 0 <= j < len(lines) and len(_HAN.findall(own := _SPACE_RUN.sub("", lines[j]))) >= _RUNNING_HEAD_MIN_HAN:
                places.setdefault((own, step), set()).add(j)
    # (one page break of several page numbers, '- 3 -' then '第4页', counts once: its places are one line)
    return sorted({j for at in places.values() if len(at) >= _RUNNING_HEAD_MIN for j in at})


_TITLE_MIN_HAN = 6  # the fewest Han characters of a report's title line that a running header repeats


def _report_title(segments: list[Segment], first: int) -> str | None:
    """The report's title line, whitespace taken out: the first line of text above its first section heading
    (segment index ``first``), where it holds ``_TITLE_MIN_HAN`` Han characters at least; else None."""
    line = next((text for seg in segments[:first] if (text := _SPACE_RUN.sub("", seg.text))), None)
    return line if line and len(_HAN.findall(line)) >= _TITLE_MIN_HAN else None


def _readable_text(body: list[Segment]) -> str:
    """A section's text: its segments' lines joined, without a PDF's glyphs of no Unicode map ('(cid:NN)' runs: no
    words a reader can read; the PDF reader flags them, cid_characters), a line of nothing else left out.

    The segments keep them: a table's cell of such glyphs is read as a value not known (NA, flagged).
    """
    text = "\n".join(map(_SEGMENT_TEXT, body))
    if "(cid:" in text:  # (rare: one search of the joined text first)
        text = "\n".join(kept for line in map(_SEGMENT_TEXT, body)
                         if (kept := CID_GLYPHS.sub("", line)).strip() or not line.strip())
    return text.strip("\n")


_RUNNING_TITLE_MAX = 120  # the longest line read as one (the pattern's title and site lengths, and spaces)


def _without_running_heads(body: list[Segment], heading: str, title: str | None = None) -> list[Segment]:
    """``body`` without the lines that repeat its section's heading line or the report's title line (``title``,
    as :func:`_report_title` gives it) whole: a PDF's running page header, on each page the section goes on
    ('三、收到和处理政府信息公开申请情况', 'XX局2020年政府信息公开工作年度报告' above each page of a table).  Kept, it
    stood in the section's text and broke its table's rows (unknown_row, missing_rows).  So does a line that reads
    as a report's title repeated as a running header (:func:`toolkit.metadata.is_running_title`, the question the
    metadata asks of page furniture): the title with a site's name after it or shortened ('XX局2020年政府信息公开
    工作年度报告-XX市人民政府', '2020年政府信息公开工作年度报告'), equal to no line of the report's own."""
    # (a copy of the heading right after it, a mark after either, is no text either: _without_copies)
    heads = {own} if (own := _bare_heading(heading)) else set()
    if title and (bare := _bare_heading(title)):
        heads.add(bare)
    # (most reports: the heading and the title stand once; a line equal to one holds it in the body's text without
    # its whitespace, asked in one pass, the NUL parting the lines as no whitespace does; str.split's whitespace is
    # _SPACE_RUN's, and faster taken out; a running title holds 报, its pattern ending in 报告 or 年报)
    squeezed = "".join("\0".join(map(_SEGMENT_TEXT, body)).split())
    titled = "报" in squeezed
    # (a line equal to a head holds it in ``squeezed``: where none does, no line's heading is asked)
    headed = any(head in squeezed for head in heads)
    if not titled and not headed:
        return body
    return [seg for seg in body if not (headed and _bare_heading(seg.text) in heads)
            and not (titled and "报" in (text := seg.text.strip()) and len(text) <= _RUNNING_TITLE_MAX
                     and is_running_title(text))]


def _past_page_marks(body: list[Segment]) -> list[Segment]:
    """``body`` from its first line that is no page furniture (:func:`toolkit.normalize.is_page_furniture`, read as
    a table's cell may be: '- 3 -', '第3页', not '(12)') nor blank: a page break right under a heading (a PDF's
    footer of the page the heading ends) is no part of the section's text, as it is none at the end of the last."""
    start = 0
    while start < len(body) and (not (text := body[start].text.strip()) or is_page_furniture(text, in_table=True)):
        start += 1
    # (blank lines alone stay: the text is stripped of them anyway)
    return body[start:] if any(seg.text.strip() for seg in body[:start]) else body


# a page's number alone on its line ('3'), as a PDF's footer gives it
_BARE_PAGE_NUMBER = re.compile(r"[1-9]\d{0,2}")


def _before_page_marks(body: list[Segment]) -> list[Segment]:
    """``body`` up to its last line that is no page furniture (:func:`toolkit.normalize.is_page_furniture`, read as
    a table's cell may be: '- 3 -', '第3页') nor blank: a page break right above the next heading (the footer of the
    page the section ends on) is no part of the section's text, as it is none under a heading
    (:func:`_past_page_marks`).  A number alone ('3') is a page's only after a sentence's end: in a table it may be
    the last row's count, and no count stands alone between a sentence and the next heading."""
    end = len(body)
    while end and (not (text := body[end - 1].text.strip()) or is_page_furniture(text, in_table=True)):
        end -= 1
    if end and _BARE_PAGE_NUMBER.fullmatch(body[end - 1].text.strip()):
        above = end - 1
        while above and not body[above - 1].text.strip():
            above -= 1
        if above and body[above - 1].text.rstrip()[-1:] in _SENTENCE_END:
            end = above
    # (blank lines alone stay: the text is stripped of them anyway)
    return body[:end] if any(seg.text.strip() for seg in body[end:]) else body


def _page_numbers_seen(segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """(line, number) of each segment of ``segments`` that reads a page's number: page furniture ('- 3 -', '第3页',
    '第三页 共五页'), or a number alone after a sentence's end (no count stands there, :func:`_before_page_marks`)."""
    seen = []
    ended = False  # (whether the last filled segment ended a sentence)
    for seg in segments:
        if not (text := seg.text.strip()):
            continue
        if ended and _BARE_PAGE_NUMBER.fullmatch(text):
            seen.append((seg.line, int(text)))
        elif (number := _furniture_page_number(text)) is not None:
            seen.append((seg.line, number))
        ended = text[-1] in _SENTENCE_END
    return seen


def _past_bare_page_number(body: list[Segment], pages: Sequence[tuple[int, int]]) -> list[Segment]:
    """``body`` from its first filled line on, without the number alone that opens it ('5' right under a
    heading: a PDF's footer of the page the heading ends) where it is a page's number: a sentence follows it (in a
    table it may be a count, kept) and the page numbers seen around it (``pages``, :func:`_page_numbers_seen`)
    have it in their sequence, one at least lower before it or higher after it, none out of order."""
    first = next(k for k, seg in enumerate(body) if seg.text.strip())
    number, line = int(body[first].text.strip()), body[first].line
    nxt = next((seg.text for seg in body[first + 1:] if seg.text.strip()), "")
    if "|" in nxt or not any(mark in nxt for mark in _SENTENCE_END):
        return body
    at = bisect.bisect_left(pages, (line, 0))
    before = pages[at - 1][1] if at else None
    after = next((n for k, n in pages[at:] if k > line), None)
    if (before is None and after is None) or (before is not None and before >= number) \
            or (after is not None and after <= number):
        return body
    return body[first + 1:]


# a note in brackets ending a heading's line ('六、其他需要报告的事项(无)'), its words captured
_NOTE_AT_END = re.compile(rf"(?!{_SUB}$)\(([^()]{{1,20}})\)$")


def _text_noted(title: str) -> str:
    """The note in brackets ending ``title`` where it says there is nothing to report ('(无)', '(暂无)', '(本年度无此
    类情况)', statements.yaml ``empty``) or opens as a note on the data does ('(注:本部分数据截至…)', formats.yaml
    ``footnote``), else '': the section's text, where a note on the title ('(含政策解读)') is the title's."""
    note = _NOTE_AT_END.search(title.rstrip())
    if note is None:
        return ""
    words = note[1].strip()
    return note[0] if is_footnote(words) or any(p.match(words) for p in _nothing_to_report()) else ""


def _page_number_after(title: str, rest: str) -> str | None:
    """``title``, a heading with ``rest`` read as the text glued after it, without the page number that ends it
    ('四、…诉讼的情况—3—', '一、总体情况 - 3 -', '二、…情况第3页': a PDF's page footer run into the heading's line), where
    the page number takes in the whole ``rest`` (a separator mark before it at most), else None."""
    reach = len(title) - len(rest) - len(_TITLE_SEPARATORS)  # (the separators stripped off the rest's start)
    for k in range(max(1, reach), len(title) - len(rest) + 1):
        if is_page_furniture(title[k:]) and title[:k].strip():
            return title[:k].rstrip()
    return None


# a table of contents' label on its own line ('目 录', '目录：')
_CONTENTS_LABEL_ALONE = re.compile(rf"{_CONTENTS_PAGES['label']}\s*:?")


def _without_contents_lines(body: list[Segment], start: int, entries: set[int]) -> list[Segment]:
    """``body``, the segments from index ``start`` on, without the table of contents in it: the entries (segment
    indices ``entries``, as :func:`_contents_entries` finds them), the filler and sub-entries between them (as
    :func:`_contents_between` allows), and the label and blank lines right above the first entry."""
    inside = sorted(i - start for i in entries if 0 <= i - start < len(body))
    if not inside:
        return body
    lo, hi = inside[0], inside[-1]
    while lo > 0 and (not body[lo - 1].text.strip() or _CONTENTS_LABEL_ALONE.fullmatch(body[lo - 1].text.strip())):
        lo -= 1
    drop = {k for k in range(lo, hi + 1) if k + start in entries or k < inside[0]
            or _FILLER.fullmatch(text := body[k].text.strip()) or _SUB_ENTRY.fullmatch(text)}
    return [seg for k, seg in enumerate(body) if k not in drop]


_APPENDIX_RUN_MIN = 1  # the fewest (一) titles that make an appendix's parts in a glued line


def _cut_appendix(appendix: list[Segment]) -> list[Segment]:
    """The appendix's segments cut at the section titles numbered (一) glued in them (a web page's appendix on one
    line: '(二)主动公开政府信息情况第二十条…(三)收到和处理政府信息公开申请情况…').  After the signature and the
    appendix's own line, one such title already heads a part (the report's text needs a run of ``_SUB_RUN_MIN``:
    there the overview's own items are (一) titles too); none where the appendix numbers its parts 一、."""
    cuts, _ = _glued_sub_cuts([s.text for s in appendix], _APPENDIX_RUN_MIN)
    if not cuts:
        return appendix
    out = []
    for number, seg in enumerate(appendix, start=1):
        start = 0
        for at in sorted(k for k in cuts.get(number, []) if k > 0):
            out.append(Segment(seg.text[start:at].rstrip(), seg.line))
            start = at
        out.append(Segment(seg.text[start:], seg.line))
    return out


def _appendix_parts(appendix: list[Segment]) -> dict[str, list[Segment]]:
    """The appendix's segments under each heading of a modern section (numbered in any form, or not; its table
    glued after the title, as web-page text has it: '二、主动公开政府信息情况第二十条第(一)项…', '(二)…')."""
    if not appendix:
        return {}
    cands = _candidates(_headings(appendix), "modern", appendix)
    chosen = _choose_levels(cands, list(_patterns()["modern"]), {"top", "inline", "none", "sub", "sub_inline"})
    ends = [i for i, _, _ in chosen[1:]] + [len(appendix)]
    parts = {}
    for (i, key, text), end in zip(chosen, ends):
        # the text glued after the title is the part's (its table), as it is a section's
        rest = _heading_rest(text, "modern", key)
        parts[key] = ([Segment(rest, appendix[i].line)] if rest else []) + appendix[i + 1: end]
    return parts


_SENTENCE = re.compile(r"[,;。!?]")


def _unknown_headings(headings: list[_Heading], segments: list[Segment], chosen: list[tuple[int, str, str]],
                      sections: list[Section], family: str) -> list[Note]:
    """Notes of the numbered headings among the sections that name no section the toolkit knows
    (六、政府信息公开保障工作 between 五、 and 七、), or a section already found (a heading out of the format's
    order): their text stays in the section before them, flagged.

    Only a short title numbered in the form of the report's sections, with a number after that of the section it
    stands in and up to the next section's (after the last section: the next number), is taken for one.  A
    section's own items count from 一 again (and the items after such an item are items too), and a table's row
    labels (四、结转下年度继续办理) are left alone.
    """
    numbered = [(i, *_number_style(m.group())) for i, _, text in chosen if (m := _NUM_AT_START.match(text))]
    counts = Counter(style for _, style, _ in numbered).most_common(1)
    if not counts:
        return []
    main = counts[0][0]
    numbers = [(i, value) for i, style, value in numbered if style == main and value is not None]
    taken = {i for i, _, _ in chosen}
    vocab = vocabulary()
    notes = []
    counting: set[int] = set()  # sections whose own items are numbered as the sections are
    for h in headings:
        if not h.num or h.index in taken or not chosen[0][0] < h.index < len(segments) or len(h.title) > 30 \
                or _SENTENCE.search(h.title):
            continue
        style, value = _number_style(h.num)
        before = [n for i, n in numbers if i < h.index]
        if style != main or value is None or not before:
            continue
        after = [n for i, n in numbers if i > h.index]
        holder = max(n for n, c in enumerate(chosen) if c[0] < h.index)
        if value <= before[-1]:
            counting.add(holder)
            continue
        # up to the next section's number: a report that numbers two sections 五 numbers one of them wrongly
        between = value <= after[0] if after else value == before[-1] + 1
        if between and holder not in counting and not vocab.is_row_label(h.text) and not _group_and_row(h.text) \
                and label_key(h.title) not in vocab.legacy_rows:
            known = _heading_key(h.title, h.num, family)[0]
            what = f"a {known} heading out of order" if known else "names no known section"
            notes.append(Note("unknown_section", segments[h.index].line,
                              f"{h.text[:40]}: {what}; its text is kept in {sections[holder].key}"))
    return notes


def _group_and_row(text: str) -> bool:
    """A requests group's label and its first row's on one line, as an unruled PDF's or page text's row gives them
    ('三、本年度办理结果 (一)予以公开 995 0 0 0 0 0 995'): a table's row, no heading (in a report numbering
    its sections 2、 and 3、, it stood between 一、 and 四、 and was flagged ``unknown_section``)."""
    vocab = vocabulary()
    key = label_key(text)
    return any(key.startswith(group) and vocab.request_row(key[len(group):]) is not None
               for group in vocab.request_groups)


@functools.lru_cache(maxsize=2)
def _family_words(family: str) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in load_formats().get("section_family_words", {}).get(family, [])]


def _best_outline(headings: list[_Heading], segments: list[Segment],
                  candidates: dict[str, list[tuple[int, str, str, str]]] | None = None,
                  ) -> tuple[list[tuple[int, str, str]], str]:
    """The chosen headings (segment index, key, text) and the family that explains the most headings; on a tie,
    the family whose own wording a title is (formats.yaml ``section_family_words``: 一、概述 is pre-2019), else
    the modern one, also where the text holds the modern format's Article 20 table (:func:`_article_table`).
    ``candidates``: each family's :func:`_candidates` of these headings, if known.

    The optional sections (formats.yaml ``section_optional``) count only after the others: an order holding them
    wins over one of the same family explaining as many other headings, never over one explaining more, nor over
    the other family (a statistics table's block headings after a modern report's signature, 二、回应解读情况,
    九、机构建设和保障经费情况, made a pre-2019 outline of them win)."""
    best: tuple[list[tuple[int, str, str]], str] = ([], "modern")
    best_score = (0, 0, 0)
    subs = _sub_numbers(headings)
    tops = [(h.index, *_number_style(h.num)) for h in headings if h.num and not h.num.startswith("(") and not h.listed]
    optional = _optional_keys()
    for family in ("modern", "legacy"):
        cands = candidates[family] if candidates is not None else _candidates(headings, family, segments)
        words = _family_words(family)
        for order in _orders(family, any(c[1] in optional for c in cands)):
            chosen = _choose(cands, order, family, subs, tops)
            own = sum(1 for _, _, text in chosen if any(p.fullmatch(_title_of(text)) for p in words)) if words else 0
            extra = sum(1 for c in chosen if c[1] in optional)
            score = (len(chosen) - extra, own, extra)
            # (across families the optional sections do not count)
            if (score > best_score if family == best[1] else score[:2] > best_score[:2]) \
                    and not (family == "legacy" and best[1] == "modern" and score[0] == best_score[0]
                             and _article_table(segments)):
                best, best_score = (chosen, family), score
    return best


def _article_table(segments: list[Segment]) -> bool:
    """Whether a line starts with an Article 20 block's label ('第二十条第(一)项', in a table's cell or not): the
    modern format's active table, so the report is a modern one whatever its overview's title (a report whose
    titles both families read, with 一、概述: read as pre-2019, its tables were lost)."""
    return any(_ARTICLE.match(seg.text.strip(" \t|")) for seg in segments)


def _sub_numbers(headings: list[_Heading]) -> list[tuple[int, int]]:
    """(segment index, number) of every heading numbered (一), a known title or not (a table of contents' entry
    left out)."""
    return [(h.index, n) for h in headings if h.num.startswith("(") and not h.listed
            and (n := _sub_number(h.num)) is not None]


@functools.lru_cache(maxsize=4096)
def _title_of(text: str) -> str:
    match = _HEADING.match(text)
    return _SPACE_RUN.sub("", match["title"]) if match else text


_NEXT_TITLE_WITHIN = 20  # segments between a second report's title and its first heading
_SECOND_REPORT_SECTIONS = 3  # the fewest sections of each report that tell two reports apart without the outline


def _body_end(segments: list[Segment], headings: list[_Heading], chosen: list[tuple[int, str, str]],
              family: str, candidates: dict[str, list[tuple[int, str, str, str]]],
              texts: list[str] | None = None) -> tuple[int | None, int | None]:
    """(index of the segment where the report's own text ends, index of the second report's title or first
    heading when a second report starts there, else None), or (None, None).

    Two reports in one file: a report's title (a line that is one and nothing else, in metadata.yaml's title words)
    after this report's first section, followed by the heading of a section that opens this report again: its first
    one, or one up to its first numbered one (a pre-2019 report opens with an unnumbered 引言 that the other report
    need not have, then 一、概述), in either family's titles (the other report may be of the other family).  The
    outline ``chosen`` over the whole text may be the second report's (a pre-2019 report explains more headings
    than a modern one before it): so a title, or with no title a heading numbered 一 that opens a report, that
    stands between two outlines of at least ``_SECOND_REPORT_SECTIONS`` sections each (the first ending before it,
    the second beginning with it) starts a second report too.  A second report's header box above its title (索引号
    | … / 发布机构 | …) is its own.  An appendix: a line 附件 (附表) after the last section's heading, right after
    the signature, or a table there with no such label (its first row, or its title before its rows:
    :func:`_table_after`), or a statistics table's title, header or first block heading there, after the first
    section's heading (:func:`toolkit.metadata.table_lead`: '…统计表', '统计指标 | 单位 | …', '一、主动公开情况': a
    pre-2019 table whose block headings are no sections, though ``chosen`` may have taken them for the last ones).
    ``candidates``: each family's :func:`_candidates` of the headings; ``texts``: the segments' texts, if listed.
    """
    if not chosen:
        return None, None
    start, last = chosen[0][0], chosen[-1][0]
    opening = next((n for n, c in enumerate(chosen) if _NUM_AT_START.match(c[2])), 0)
    first_keys = {c[1] for c in chosen[:opening + 1]}
    texts = [seg.text for seg in segments] if texts is None else texts
    titles = {i for i in report_title_lines(texts) if len(texts[i]) <= 80}
    # with no title: a heading numbered 一 of an opening section's title
    ones = {h.index for h in headings[1:] if h.num and not h.num.startswith("(") and _number_style(h.num)[1] == 1}
    cands: list[tuple[int, str]] = []
    if ones or (headings and any(i > headings[0].index for i in titles)):  # (most reports: neither)
        cands = sorted({c[:2] for fam in ("modern", "legacy") for c in candidates[fam]})
    opens = {i for i, key in cands if key in first_keys or key in _opening_keys()}
    restarts = ones & opens
    appendix_line = _appendix_line()
    begin = min(start, cands[0][0]) if cands else start
    two = _TwoOutlines(headings, segments) if cands else None
    leads = {i for i in table_leads(texts) if i > start}
    # (only the lines that may end the text are visited: a title, a restart, a table's lead, and every line after
    # the last heading; the rest, nearly all, are passed over at once)
    for i in sorted({*titles, *restarts, *leads, *range(last + 1, len(segments))}):
        if i <= begin:
            continue
        if i in titles:
            if i > start and any(i < j <= i + _NEXT_TITLE_WITHIN and key in first_keys for j, key in cands):
                return _header_box_start(texts, i), i
            if any(i < j <= i + _NEXT_TITLE_WITHIN for j in opens) and two is not None and two(i, None):
                return _header_box_start(texts, i), i
        elif i in restarts and two is not None and two(i, i):
            return i, i
        # (a statistics table's block headings may be taken for the report's last sections, '一、主动公开情况': its
        # title, header or first block heading right after the signature is sought after the first section's)
        if (i > last and (appendix_line.match(texts[i]) or _table_after(texts, i))) \
                or i in leads:
            before = _before_page_numbers(texts, i)  # (a page's number above it ends no text: a page break)
            if signature_start(texts[:before]) < before:
                return i, None
    return None, None


def _before_page_numbers(texts: list[str], i: int) -> int:
    """``i``, or the index of the first of the blank lines and page numbers right above it ('- 3 -', '第3页 共5页':
    page furniture that reads a page's number, not a web page's buttons): a page break, after which a pre-2019
    report's '七、说明与附表' was taken for an appendix after the signature, as the text seemed to end there."""
    while i > 0 and (not (text := texts[i - 1].strip()) or _page_number_line(text)):
        i -= 1
    return i


def _page_number_line(text: str) -> bool:
    """Whether ``text`` is page furniture reading a page's number (formats.yaml's patterns capture it)."""
    match = _page_furniture().fullmatch(text)
    return match is not None and match.lastindex is not None and is_page_furniture(text)


@functools.lru_cache(maxsize=1)
def _opening_keys() -> frozenset[str]:
    """Keys of the sections a report opens with: the first of each family's format and the lead sections (概述,
    引言; not the tables' sections: an appendix repeats those under the report's title)."""
    return frozenset({next(iter(_patterns()[fam])) for fam in ("modern", "legacy")}
                     | {key for fam in ("modern", "legacy") for key in _lead_keys(fam)})


class _TwoOutlines:
    """Whether the text before segment ``cut`` and the text from it on each have an outline of at least
    ``_SECOND_REPORT_SECTIONS`` sections (the second's beginning at segment ``first`` when given): called as
    ``two(cut, first)``.  The text before is read without the entries of a table of contents that the whole text
    has (they are known for entries only where their titles come again after them: cut off before the real
    headings, they made an outline).

    Each outline is sought only where enough keys are named on its side of the cut (an outline takes a key once):
    sought at every cut, a text of many headings that each could open a report (400 lines '一、总体情况') took
    seconds, the time quadratic in them; the entries are found once.
    """

    def __init__(self, headings: list[_Heading], segments: list[Segment]) -> None:
        self.headings, self.segments = headings, segments
        self.entries: set[int] | None = None

    @functools.cached_property
    def spans(self) -> list[tuple[list[int], list[int]]]:
        """Per family, each named key's first and last segment index, sorted (found when first asked: most
        reports are never cut)."""
        spans = []
        for family in ("modern", "legacy"):
            first: dict[str, int] = {}
            last: dict[str, int] = {}
            for i, key, _, _ in _named(self.headings, family):
                first.setdefault(key, i)
                last[key] = i
            spans.append((sorted(first.values()), sorted(last.values())))
        return spans

    def __call__(self, cut: int, first: int | None) -> bool:
        # (the two outlines may be of two families)
        if not (any(bisect.bisect_left(firsts, cut) >= _SECOND_REPORT_SECTIONS for firsts, _ in self.spans)
                and any(len(lasts) - bisect.bisect_left(lasts, cut) >= _SECOND_REPORT_SECTIONS
                        for _, lasts in self.spans)):
            return False  # (too few keys named on a side of the cut for an outline there)
        headings, segments = self.headings, self.segments
        if self.entries is None:
            self.entries = _contents_entries(headings, segments)
        before, _ = _best_outline([h for h in headings if h.index < cut and h.index not in self.entries],
                                  segments[:cut])
        if len(before) < _SECOND_REPORT_SECTIONS:
            return False
        after, _ = _best_outline([h._replace(index=h.index - cut) for h in headings if h.index >= cut],
                                 segments[cut:])
        return len(after) >= _SECOND_REPORT_SECTIONS and (first is None or after[0][0] == first - cut)


def _header_box_start(texts: list[str], title: int) -> int:
    """Where a second report starts whose title is segment ``title``: at the first line of a header box of fields
    just above it (索引号 | … / 发布机构 | …, as a web page sets it), else at the title."""
    start = title
    for i in range(title - 1, max(title - _NEXT_TITLE_WITHIN, -1), -1):
        if _starts_with_box_label(texts[i]):
            start = i
        elif texts[i].strip():
            break
    return start


def _table_after(texts: list[str], i: int) -> bool:
    """Whether segment ``i`` starts a table with no appendix's label (:func:`toolkit.metadata.table_start`: its first
    row, or its title before its rows, '2020年度政府信息公开工作统计表'), the segment before it no table's row, itself
    no line ending in a date (a signature's date line right before the table's rows: the signature's)."""
    if not texts[i].strip():
        return False
    k = i - 1
    while k >= 0 and not texts[k].strip():
        k -= 1
    if k >= 0 and _TABLE_CELLS.search(texts[k]) or not table_start(texts, i):
        return False  # (cheap first: most lines after the last heading are text, or a table's rows after its first)
    text = re.sub(r"\s+", "", texts[i])
    return _date_in(text)[2] != len(text)


_WRAP_MAX = 15  # the most characters of a heading's end wrapped onto the next line (more: a whole title's only)


@functools.lru_cache(maxsize=4096)  # the same numbered row labels ('1.属于国家秘密') recur in every report
def _heading_keys(text: str, whole: bool = False) -> bool:
    """Whether a line is a heading that names a section of either family; with ``whole``, by its whole title (no
    text glued after it, not a lead title's)."""
    match = _HEADING.match(text)
    if not match or not _HAN.search(text[:12]):
        return False
    title, num = _SPACE_RUN.sub("", match["title"]), match["num"] or ""
    return any(key is not None and level != "sub_inline" and not (whole and level in ("inline", "lead"))
               for key, level in (_heading_key(title, num, family) for family in ("modern", "legacy")))


_NUMBERED = re.compile(rf"\s*(?:{_TOP}|{_SUB}|{_PART})")
_FRAGMENT_STOP = re.compile(r"[,;:。!?]")  # a heading's wrapped end is no sentence
# a table's row of counts set with spaces (PDF text), numbered to _TOP by its first count before a mark ('1 无 3 0 0')
_COUNTS_ROW = re.compile(rf"[+-]?\d[\d,.]*(?:\s+(?:[+-]?\d[\d,.]*|{alternation(NA_MARKS)}))+")


def _join_wrapped_headings(segments: list[Segment], page_lines: Collection[str] = ()) -> list[Segment]:
    """Segments with a heading that a large font wrapped ('四、因政府信息公开申请行政复议、提起行政诉讼的情' / '况')
    joined into one: when the join names a section and the first line alone does not, or when the first line
    names one by a shorter title that the join completes ('五、存在的主要问题及改进' / '情况': a pre-2019 title
    alone, or a title with '及改进' glued after it).  An unnumbered first line ('政府信息公开行政复议和行政' /
    '诉讼情况') is joined only when neither line alone names a section, neither has a sentence's marks, and the
    join is a whole title (the one-cell-per-line layouts have hundreds of short lines).  A page break inside a
    numbered heading (a page number, the title as a running header, blank lines around them) is passed over, its
    lines kept after the heading; so are one or two blank lines alone, where the join is a whole title ('2、 主动公开'
    / '' / '政府信息情况').  A numbered heading's second line longer than ``_WRAP_MAX`` is joined only where the join
    is a whole official title ('五、政府信息' / '公开工作存在的主要问题及改进措施').  A pinyin note the wrap broke
    ('四、政府信息公开行政复(' / 'fù)议、行政诉讼情况', seed 002 as some sites publish it) is dropped from the join, as
    from a line (:func:`~toolkit.normalize.remove_pinyin`)."""
    joined: dict[int, str] = {}  # index of a wrapped heading's first line -> the heading whole
    taken: set[int] = set()  # their last lines' indices (the next line's, or past a page break's lines)
    texts = list(map(str.strip, map(_SEGMENT_TEXT, segments)))  # (mapped in C: hundreds of lines a report)
    # (every check below asks a first line of 1 to 40 characters, no '|', opening with a number or a Chinese
    # character: blank lines, prose, table rows and a table's cells of counts a line go at once, in one pass, in C)
    # (blank lines not asked at all: filtered in C, the indices of the others beside them)
    for i in itertools.compress(itertools.compress(range(len(texts) - 1), texts),
                                map(_WRAP_FIRST_LINE.match, filter(None, texts))):
        first = texts[i]
        nxt, end = texts[i + 1], i + 1
        if first[:1] in _BREAK_FIRST and len(first) <= 40 and _NUMBERED.match(first) \
                and (not nxt or _is_furniture(nxt) or nxt in page_lines):
            # a page break inside the heading ('四、政府信息公开行政复议、' / '- 5 -' / '行政诉讼情况')
            end = _past_page_break(texts, i + 1, page_lines=page_lines)
            if not texts[end] and first[0] == "第" and _PART_ALONE.fullmatch(first):
                # a part's number alone, a blank paragraph, then its title ('第一部分' / '' / '总体情况', as Word sets it)
                end = next((j for j in range(i + 2, min(i + 2 + _PART_BLANKS_MAX, len(texts))) if texts[j]), end)
            nxt = texts[end]
        apart = not nxt and (end := _past_blank_lines(texts, i + 1)) > i + 1 and _NUMBERED.match(first) is not None
        if apart:
            nxt = texts[end]  # a numbered heading's pieces a blank paragraph apart ('1、主动公开' / '' / '政府信息情况')
        # either wrap is of two short filled lines: lines of prose, blank lines and the lines before them go at once
        if not (0 < len(first) <= 40 and 0 < len(nxt) <= _TITLE_REACH):
            continue
        text = segments[i].text
        if len(text) > 80 or i in taken:
            continue
        if _COUNTS_ROW.fullmatch(first):
            continue  # (a row of the table before the heading: '1 无 3 0 0 0 5 0 0 0 1' / '五、存在的主要问题及改进情况')
        whole = _wrap_joined(first, nxt)
        if not _NUMBERED.match(text):
            if _unnumbered_wrap(first, nxt):
                joined[i] = whole
                taken.add(end)
            continue
        # a number alone on its line ('四、' / '政府信息公开行政复议和行政诉讼情况') is followed by the whole title
        alone = _NUMBERED.fullmatch(first) is not None
        if alone and _NUMBERED.match(nxt):
            continue  # (a title numbered on its own line is none of this number's: '(3)', a page's, / '四、…')
        # (an end longer than _WRAP_MAX, '五、政府信息' / '公开工作存在的主要问题及改进措施', only where the join is a
        # whole official title: a line of body text after a short heading makes none)
        long_end = not alone and len(nxt) > _WRAP_MAX
        if not (0 < len(first) <= 40 and 0 < len(nxt) <= _TITLE_REACH and "|" not in first + nxt):
            continue
        if _heading_keys(first):
            # a whole title already: join only a fragment that makes a longer whole title (not '一、总体情况' / '无')
            if not _FRAGMENT_STOP.search(nxt) and not _NUMBERED.match(nxt) and _heading_keys(whole, whole=True):
                joined[i] = whole
                taken.add(end)
        elif _heading_keys(whole, whole=apart or long_end):  # (a whole title, not a paragraph opening with its
            # words)
            joined[i] = whole
            taken.add(end)
    if not joined:
        return segments
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        if i in joined:
            out.append(Segment(joined[i], seg.line))
        elif i not in taken:
            out.append(seg)  # (a page break's lines inside a heading come after it)
    return out


_PINYIN_REACH = 26  # a pinyin note's longest part on either side of a wrap: its brackets and up to 24 letters


def _wrap_joined(first: str, nxt: str) -> str:
    """A wrapped heading's two lines joined, without the pinyin note the wrap broke between them ('…行政复(' /
    'fù)议…'): each line was normalized alone, so neither half of the note was dropped."""
    joined = first + nxt
    # (cheap: a line ending inside a note has a bracket left open near its end, the next line one closed near its
    # start, or opens with the note of the Han character ending the line before; a note after a Han character on its
    # own line was dropped already)
    tail, head = first[-_PINYIN_REACH:], nxt[:_PINYIN_REACH]
    cut = (tail.rfind("(") > tail.rfind(")") or head.startswith("(")
           or head.find(")") >= 0 and not 0 <= head.find("(") < head.find(")"))
    return remove_pinyin(joined) if cut else joined


_SEGMENT_TEXT = operator.itemgetter(0)  # (Segment.text, its first field, read in C; layout maps it too)
# a wrapped heading's first line, as _join_wrapped_headings asks it (stripped): 1 to 40 characters, no '|', a
# number (_NUMBERED) or a Chinese character first (_unnumbered_wrap; a Chinese numeral too)
# (the length's look-ahead possessive: a line longer than 40 fails at once, where the engine stepped back over its
# 40 characters asking for the end at each; giving back characters never reaches the end, so the same lines match)
# (a count alone, '0', a third of the lines of a table a cell a line, fails at once too: no form below is digits alone,
# and the numbers' alternatives took some 3,800 instructions to fail on it)
_WRAP_FIRST_LINE = re.compile(rf"(?=[^|]{{1,40}}+\Z)(?!\d+\Z)(?:[{HAN_RANGES}]|{_TOP}|{_SUB}|{_PART})")
_PART_ALONE = re.compile(_PART)  # a part's number ('第一部分'), alone on its line
_PART_BLANKS_MAX = 2  # the most blank lines between a part's number alone and its title


_WRAPPED_MIN = 6  # the shortest first line of a wrapped heading whose end alone is a title


def _past_blank_lines(texts: list[str], i: int) -> int:
    """Index of the first filled line at or after ``i`` (stripped ``texts``) past at most ``_PART_BLANKS_MAX`` blank
    lines; ``i`` where more stand there or the text ends."""
    for j in range(i, min(i + _PART_BLANKS_MAX + 1, len(texts))):
        if texts[j]:
            return j
    return i


@functools.lru_cache(maxsize=4096)
def _unnumbered_wrap(first: str, nxt: str) -> bool:
    """Whether two unnumbered lines are one heading wrapped: neither is a sentence's and the join is a whole title
    that at most one of them names alone.  Where the second does ('政府信息公开行政' / '复议和行政诉讼情况', a title
    free in its start), the first must be a full line, longer than the second: a short body line before a heading
    ('暂无' / '存在的主要问题及改进情况') is no heading's start."""
    if not (2 <= len(first) <= 30 and 0 < len(nxt) <= _WRAP_MAX and len(first) + len(nxt) <= 40) \
            or "|" in first + nxt or _FRAGMENT_STOP.search(first + nxt) or not _HAN.match(first) \
            or not _heading_keys(first + nxt, whole=True):
        return False
    if _heading_keys(nxt):
        return not _heading_keys(first) and len(first) > max(len(nxt), _WRAPPED_MIN - 1)
    return True


def _text_end(segments: list[Segment], heading: int, texts: list[str] | None = None) -> int:
    """Where the last section ends: before the signature (and the page or site footer lines after it), and before
    the attachment or contact lines right above it ('附件：…统计表' / 'XX局' / '2021年1月20日'), an attachment's label
    alone with the titles listed under it too ('附件：' / '1.…统计表'; a note on the data, '说明：…', is the section's),
    and before the page's furniture right above the signature ('- 3 -', '(此页无正文)')."""
    texts = [s.text for s in segments] if texts is None else texts
    end = signature_start(texts, (heading,))  # (a signature written date first may stand under the heading)
    if end < len(texts):
        # (also an attachment's label alone with the titles listed under it: '附件：' / '1.…统计表' / '2.…')
        end = _annex_end(texts[:end])
        end = heading + 1 + attachment_start(texts[heading + 1 : end])
        # (nor the page's furniture right above the signature, a page break before a signature on a page of its own:
        # '- 3 -', '(此页无正文)', the note a printed report puts on that page; they stayed the section's last lines)
        while end > heading + 1 and (not (text := texts[end - 1].strip()) or is_page_furniture(text)):
            end -= 1
    return max(heading + 1, end)


def _without_glued_signature(body: list[Segment]) -> list[Segment]:
    """The last section's segments without the signature glued after its last sentence, and what follows it
    ('…暂无。 XX局 2021年1月26日 (联系人:…) 附件下载', web-page text, also wrapped: '…无。平潭综合实' / '验区经济发展局' /
    '2024年1月29日'; one on lines of its own ends the section already, :func:`_text_end`): the section's last lines
    joined as the wrap broke them, read by :func:`toolkit.metadata.glued_signature_start`; without a date, an
    agency's name glued after the last sentence's 。 where it is certain ('…提升公开质量。市交通运输局', also wrapped,
    '…无。平潭综合实' / '验区经济发展局'), read by :func:`toolkit.metadata._undated_signature` as the statements and the
    metadata read it (:mod:`toolkit.statements`)."""
    last = len(body) - 1
    while last > 0 and not body[last].text.strip():
        last -= 1
    first = max(0, last - _SIGNATURE_LINES)
    joined = "".join(s.text for s in body[first : last + 1])
    at = glued_signature_start(joined)
    if at == len(joined):
        if body[last].text.endswith(_STATED):
            return body  # (cheap: most sections end in a sentence's end)
        # (also wrapped: '…无。平潭综合实' / '验区经济发展局'; one on lines of its own ends the section already)
        undated = _undated_signature([(k, body[k].text) for k in range(first, last + 1)])
        if undated is None or not undated[1]:
            return body
        first, at = undated[:2]
    k = first
    while at > len(body[k].text):  # (the segment the agency starts in)
        at -= len(body[k].text)
        k += 1
    kept = body[k].text[:at].rstrip()
    return [*body[:k], Segment(kept, body[k].line)] if kept or not k else body[:k]


_SIGNATURE_LINES = 5  # the most lines before the last that a wrapped signature and its contact start on
_STATED = ("。", "!", "?", "！", "？")  # a section's last line ending a sentence: no name glued after it


_TITLE_SEPARATORS = ":;,.。 —"  # what sets a glued heading's title apart from its text (a colon, a dash '——')


# a heading's number and what stands between it and its title (compiled once: _heading_rest is asked of every glued
# heading and table of contents' entry, some 6 a report, and formatted the pattern anew at each)
_NUM_BEFORE_TITLE = re.compile(rf"^\s*(?:{_TOP}|{_SUB}|{_PART})?{_AFTER_NUM}")


def _heading_rest(text: str, family: str, key: str) -> str:
    """The text that follows the title on a glued heading line ('' for a plain heading)."""
    stripped = text.strip()
    match = _HEADING.match(stripped)
    if match and _title_key(_match_title(match), family) == key:
        return ""
    num = _NUM_BEFORE_TITLE.match(stripped)
    body = stripped[num.end() :] if num else stripped
    quote = _open_quote_end(body) if num else 0  # (the title set in quotes: '二、“主动公开政府信息情况”本年度…')
    for pat in _patterns()[family][key]:
        m = pat.match(body, quote)
        if m:
            # another section's title joined to it ('五、存在的主要问题及改进情况和其他需要报告的事项') is the heading's too
            rest = body[m.end() + _merged_title(body[m.end() :], family, key)[0] :]
            if quote and rest[:1] == _OPENING_QUOTES[body[0]]:
                rest = rest[1:]  # (the closing quote is the title's)
            # '六、其他需要报告的事项:无' / '…措施。2017年…' / '一、总体情况——2020年…': the text starts after the mark
            rest = rest.strip().lstrip(_TITLE_SEPARATORS)
            if rest[:1] == "|" and _stray_pipe(stripped):
                rest = rest[1:]  # (a '|' typed between the title and its glued text: the body's no pipe cell)
            # (a page number in brackets is no note of the title's: '六、其他需要报告的事项(第3页)')
            if _title_tail().fullmatch(rest) and not is_page_furniture(rest):
                return ""
            # a note in brackets before the glued text is the title's, as on a heading alone on its line
            # ('五、…改进情况(含整改落实情况):经过…': the text starts after it)
            note = _title_note().match(rest)
            if note and not is_page_furniture(note[0]):
                rest = rest[note.end():].strip().lstrip(_TITLE_SEPARATORS)
            return rest
    return ""


@functools.lru_cache(maxsize=1)
def _title_join() -> re.Pattern[str]:
    """What joins two sections' titles merged in one heading (formats.yaml ``section_title_joins``)."""
    return re.compile(rf"\s*(?:{alternation(load_formats()['section_title_joins'])})\s*")


def _merged_title(rest: str, family: str, key: str) -> tuple[int, str | None]:
    """The length and key of another section's title joined to a heading's at the start of ``rest`` (the words
    after the title: '和其他需要报告的事项', also glued to the text, '和其他需要报告的事项暂无。'), else (0, None)."""
    join = _title_join().match(rest)
    if join is None:
        return 0, None
    for other, pats in _patterns()[family].items():
        if other != key:
            for pat in pats:
                m = pat.match(rest, join.end())
                if m:
                    return m.end(), other
    return 0, None


_VALUES_ONLY = re.compile(r"[\s|]*(?:[-+]?\d+(?:\.\d+)?[\s|]*)+")  # a table's row of values alone ('0 | 4 |', '\t0')


def merged_into(section: Section) -> str | None:
    """The key of another modern section whose title the section's heading merges after its own
    ('五、存在的主要问题及改进情况和其他需要报告的事项': ``'other'``), else None.

    Parameters
    ----------
    section : Section
        A section of a report of the 2019/2021 formats.

    Returns
    -------
    str or None
        The merged section's key.
    """
    if "|" in section.title:
        return None  # a table's row taken for a heading merges no title
    num = _NUM_AT_START.match(section.title)
    title = section.title[num.end() if num else 0 :].strip()
    for pat in _patterns()["modern"].get(section.key, []):
        m = pat.match(title)
        if m:
            return _merged_title(title[m.end() :], "modern", section.key)[1]
    return None


def _merged_split(section: Section, found: set[str]) -> list[Section]:
    """A section whose heading merges the title of a section not found, cut where the other's text starts: both
    under the heading.  A table section's ('四、…行政诉讼情况及存在的问题') is cut after its table's last row of values
    alone, where some line after it ends a sentence; another's ('五、存在的主要问题及改进情况和其他需要报告的事项')
    where the other's title stands as a sub-heading or a sentence of its template's wording starts
    (:func:`_merged_start`).  Else the section as it is, the other not found."""
    other = merged_into(section)
    body = section.segments
    if other is None or other in found:
        return [section]
    if section.key not in load_formats():
        at = _merged_start(body, other)
        if at is None:
            return [section]
        k, i = at
        before = [*body[:k], Segment(body[k].text[:i].rstrip(), body[k].line)] if i else body[:k]
        after = [Segment(body[k].text[i:], body[k].line), *body[k + 1 :]]
    else:
        last = max((k for k, seg in enumerate(body) if _VALUES_ONLY.fullmatch(seg.text)), default=None)
        after = body[last + 1 :] if last is not None else []
        if not any(_SENTENCE.search(seg.text) for seg in after):
            return [section]
        before = body[: last + 1]  # type: ignore[operator]  # last is set: else nothing follows it and the section returned above
    return [Section(section.key, section.title, _readable_text(before), section.first_line, before[-1].line, before),
            Section(other, section.title, _readable_text(after), section.first_line, section.last_line, after)]


@functools.lru_cache(maxsize=1)
def _merged_starts() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Per section key, what starts its text inside a section whose heading merged its title: its title as a
    sub-heading, numbered or not, and a sentence holding its template's wording (formats.yaml
    ``section_start_words``)."""
    starts = {}
    for key, words in load_formats()["section_start_words"].items():
        titles = "|".join(p.pattern for p in _patterns()["modern"][key])
        starts[key] = (re.compile(rf"(?:{_TOP}|{_SUB})?\s*(?:{titles})"),
                       re.compile(rf"[^。!?]*?(?:{alternation(words)})"))
    return starts


# an item's number opening a sentence or a clause (一是 (一) 1.): the first section's enumeration goes on after it
_ITEM_AFTER = re.compile(rf"(?:^|[\s,;:。!?])(?:{_CN_NUM}是(?!否)|{_SUB}|\d{{1,2}}[.、](?!\d))")


def _merged_start(body: list[Segment], other: str) -> tuple[int, int] | None:
    """The (segment, offset) where the ``other`` section's text starts in a merged section's body, after some text
    of the first section's: its title as a sub-heading at a line's or a sentence's start, else the first sentence
    of its template's wording after which no item's number comes (a sentence of the first section's items naming
    the fees, '四是部分申请人对信息处理费收费标准理解不一…', is theirs); None where nothing tells."""
    starts = _merged_starts().get(other)
    if starts is None:
        return None
    at = [(k, len(seg.text) - len(seg.text[i:].lstrip()))  # (a sentence's start, after the spaces there)
          for k, seg in enumerate(body) for i in [0, *(m.end() for m in _SENTENCE.finditer(seg.text))]
          if (k or i) and seg.text[i:].strip()]
    title, words = starts
    for k, i in at:
        if title.match(body[k].text, i):
            return k, i
    for k, i in at:
        if words.match(body[k].text, i) and not _ITEM_AFTER.search(
                "\n".join([body[k].text[i:], *(seg.text for seg in body[k + 1 :])])):
            return k, i
    return None


_TITLE_NOTE = r"\([^()]{1,20}\)"  # a note in brackets after a title ('(含政策解读)', '(含整改落实情况)')


@functools.lru_cache(maxsize=1)
def _title_tail() -> re.Pattern[str]:
    """Words after a known title that are still the title's: a note in brackets ('(含政策解读)'), or one of
    formats.yaml's section_title_tails ('概述').  An item's number in brackets is no note: the section's first item
    ('五、存在的主要问题及改进情况(一)' / '存在的主要问题…', its title cut off by a line's end) starts its text."""
    return re.compile(rf"(?!{_SUB}$){_TITLE_NOTE}|{alternation(load_formats()['section_title_tails'])}")


@functools.lru_cache(maxsize=1)
def _title_note() -> re.Pattern[str]:
    """A note in brackets at the start of the text glued after a title, a mark setting the text apart after it
    ('(含整改落实情况):经过…'): the title's. An item's number in brackets ('(一)主动公开…') is the text's first
    item, and a note with no mark after it may be the text's own first words ('(一是…)'), so both are none."""
    return re.compile(rf"(?!{_SUB}){_TITLE_NOTE}(?=\s*[{re.escape(_TITLE_SEPARATORS)}])")
