"""The attachment and note lines that end a text, and the page furniture among them (statements.yaml's cues).

Shared by :mod:`toolkit.sections` (the last section's text ends before an attachment's label and the titles listed
under it) and :mod:`toolkit.statements` (neither these lines nor the furniture are a statement's), so that sections
need not import statements, a later stage that loads pandas.  The list styles (``_MARKERS``, :func:`_styles`) live
here too: a line opening a list's item is no running title (:func:`_is_furniture`).
"""
from __future__ import annotations

import functools
import re
from typing import Any

from toolkit.cues import _WS_NEAR_WIDE, _site_furniture, _spec
from toolkit.formats import _CN_DIGITS, load_formats
from toolkit.metadata import _is_annex, _without_print_time, is_running_title
from toolkit.normalize import is_footnote, is_page_furniture, is_print_stamp

__all__ = ["attachment_start"]


_CN = _CN_DIGITS  # (formats.py's: the numerals of an item's number, 一 to 十)
_CN_NUM = rf"[{_CN}]{{1,3}}"
# Enumeration styles: name -> (pattern, strict).  A strict style is only accepted as a
# sequence (1, 2, 3 …) because its marker also occurs in ordinary text ("3、" "12.").
_MARKERS: dict[str, tuple[re.Pattern[str], bool]] = {
    "shi": (re.compile(rf"(?P<n>{_CN_NUM})是(?!否)"), False),  # 一是 二是
    "paren_cn": (re.compile(rf"\((?P<n>{_CN_NUM})\)"), False),  # (一) (二)
    "di": (re.compile(rf"第(?P<n>{_CN_NUM})(?:[,、:]|是(?!否))"), False),  # 第一, 第二, (also 第一是 第二是)
    "qi": (re.compile(rf"其(?P<n>{_CN_NUM})[,、:]"), False),  # 其一, 其二,
    # 一要 二要, as measures are listed ('下一步,我局将:一要强化…;二要…'): only as a sequence and with a second item (not
    # 一要求, 一要素 …; 统一要求 has no boundary before it)
    "yao": (re.compile(rf"(?P<n>{_CN_NUM})要(?![求素件点闻])"), True),
    "dun_cn": (re.compile(rf"(?P<n>{_CN_NUM})(?:、|\.)"), True),  # 一、 二、 (also typed 一. 二.)
    "paren_num": (re.compile(r"\((?P<n>\d{1,2})\)"), True),  # (1) (2) and ①②
    # 1. 2、 (also before a digit, '1.2020年…' '2.12345热线…': the group d says so, and such a marker needs its
    # neighbour in the sequence, 1. then 2., so that '1.5万' or a decimal is no item; unit: '3.5%' is a decimal; not
    # before a year, '1.2023年,我局…', never a decimal)
    "num": (re.compile(r"(?P<n>\d{1,2})(?:\.|、)(?P<d>(?=(?!(?:19|20)\d\d年)\d+(?P<unit>[%‰万亿倍])?))?"), True),
    "num_close": (re.compile(r"(?<![(\d])(?P<n>\d{1,2})\)"), True),  # 1) 2) (NFKC of 1）)
    # Ⅰ、 Ⅱ. (NFKC writes Ⅱ as II) and A. B.: the group says which, its value is the number
    "roman": (re.compile(r"(?P<roman>X|IX|IV|V?I{1,3}|V)(?:\.|、)(?![A-Za-z])"), True),
    # ⅰ. ⅱ. (NFKC writes ⅱ as ii): the roman style's lowercase form, a list of its own ('i.e.' is none: a letter
    # follows)
    "roman_lower": (re.compile(r"(?<![A-Za-z])(?P<roman>x|ix|iv|v?i{1,3}|v)(?:\.|、)(?![A-Za-z])"), True),
    "letter": (re.compile(r"(?P<letter>[A-J])(?:\.|、)(?![A-Za-z])"), True),
}


@functools.lru_cache(maxsize=1)
def _styles() -> dict[str, tuple[re.Pattern[str], bool]]:
    """The enumeration styles: the numbered ones of ``_MARKERS``, bullets and dashes (formats.yaml ``bullets``,
    ``text_bullets``, ``dashes``), whose items have no number but count 1, 2, 3 … in order."""
    # a list worded in order words (首先,…其次,…最后,…): the words of statements.yaml sequence_words, each list a style,
    # a word before a comma or a colon (also before none: statements.yaml sequence_words_unpunctuated, '一方面信息…')
    unpunctuated = set(_spec()["sequence_words_unpunctuated"])
    words = {f"words{k}": (re.compile("(?P<word>" + "|".join(map(re.escape, seq)) + ")"
                                      + ("" if seq[0] in unpunctuated else "(?=[,:])")), False)
             for k, seq in enumerate(_sequence_words())}
    formats = load_formats()
    return {**_MARKERS, **words,
            "bullet": (re.compile(f"[{re.escape(formats['bullets'])}]"), False),
            # (○ □ before no numeral nor another of them: '二○' / '○二一年' wrapped, missing glyphs '□□')
            "text_bullet": (re.compile(f"[{re.escape(formats['text_bullets'])}]"
                                       f"(?![{re.escape(formats['text_bullets'])}〇零{_CN}\\d])"), False),
            "dash": (re.compile(f"[{re.escape(formats['dashes'])}]{{1,2}}(?!\\d)"), False)}


@functools.lru_cache(maxsize=1)
def _sequence_words() -> tuple[tuple[str, ...], ...]:
    """Lists of order words (statements.yaml ``sequence_words``): the first opens a list, the last closes it."""
    return tuple(tuple(seq) for seq in _spec()["sequence_words"])


_STATED_ENDS = tuple("。!?")  # a sentence right before a list that ends so states something (a lead-in ends in ':')


def _appendix_words() -> list[str]:
    """The words of an attachment's label (formats.yaml ``appendix.words``: 附件, 附表)."""
    return load_formats()["appendix"]["words"]


@functools.lru_cache(maxsize=1)
def _annex_cues() -> dict[str, Any]:
    """The patterns of an attachment's and a note's lines (statements.yaml ``appendix_labels``,
    ``data_note_labels``, ``first_item``; formats.yaml ``appendix.words``), by name, as :func:`_annex_start` reads
    them (statements' cues hold the same)."""
    spec = _spec()
    join = "|".join
    return {
        # an attachment's label alone ('附件:', '附件1', '附表二', '附:'), and a label with its title or a note ('附:…',
        # '说明:…') (_annex_start)
        "annex_label": re.compile(rf"(?:(?:{join(_appendix_words())})(?:\d{{1,2}}|{_CN_NUM})?"
                                  rf"|{join(spec['appendix_labels'])}):?"),
        "annex_line": re.compile(rf"(?:{join(spec['appendix_labels'] + spec['data_note_labels'])}):"),
        "appendix_line": re.compile(rf"(?:{join(spec['appendix_labels'])}):"),
        # a note's label over numbered notes, alone or before the first ('说明:' / '1.本报告中所列数据…'; _notes_start)
        "notes_label": re.compile(rf"(?:{join(spec['data_note_labels'])}):?(?:$|(?={spec['first_item']}))"),
        "first_item": re.compile(spec["first_item"]),
    }


def _is_furniture(line: str) -> bool:
    """Page furniture (:func:`toolkit.metadata.is_furniture`), though a line starting a list's item is no running
    title ('(一)…年度报告')."""
    if _is_page_or_site_furniture(line) or is_print_stamp(line):
        return True  # not a statement's text: gluing it to the line before would corrupt the statement
    # (after the date and time a browser prints before it: '2023/5/1 10:00 <title>')
    return is_running_title(_without_print_time(line)) and not any(p.match(line) for p, _ in _styles().values())


def _is_page_or_site_furniture(text: str) -> bool:
    """A page number or a web page's buttons (formats.yaml ``page_furniture``), or a signature's or a web page's
    furniture (statements.yaml ``furniture``)."""
    return is_page_furniture(text) or _site_furniture().fullmatch(text) is not None


_ANNEX_TITLE = 60  # the longest title of an attachment listed under its label


def _annex_start(raw_lines: list[str], cues: dict[str, Any], notes: bool = True) -> int:
    """Where the attachment and note lines that end the section start, else ``len(raw_lines)``: an attachment's label
    alone and the titles listed under it ('附件:' / '1.政府信息公开统计表', '附件1' / '…统计表'), a label with its title or
    a note ('附:2020年…统计表', '说明:本报告数据统计时限为…'; statements.yaml ``appendix_labels``, ``data_note_labels``),
    with blank and furniture lines among them.  A line without a sentence's end counts as a title only under a label.
    ``notes=False``: the attachment's lines only (a section's text keeps its notes on the data, a statement none)."""
    start = len(raw_lines)
    titles = False  # whether title lines stand after ``start``, not yet under a label
    line_label = cues["annex_line" if notes else "appendix_line"]
    for k in range(len(raw_lines) - 1, -1, -1):
        line = _WS_NEAR_WIDE.sub("", raw_lines[k].strip())
        if not line or _is_furniture(line):
            continue
        if cues["annex_label"].fullmatch(line):
            start, titles = k, False
        elif not titles and (line_label.match(line) or (_is_note(line) if notes else _is_annex(line))):
            start = k
        elif len(line) <= _ANNEX_TITLE and not any(stop in line for stop in _STATED_ENDS):
            titles = True
        else:
            return _notes_start(raw_lines, start, cues) if notes else start
    return start


def attachment_start(lines: list[str]) -> int:
    """Where the attachment's lines that end a text start (its label alone and the titles listed under it: '附件:' /
    '1.政府信息公开统计表' / '2.…', or a label with its title), else ``len(lines)``; notes on the data ('说明:…') stay.

    Parameters
    ----------
    lines : list of str
        The text's lines, in order.

    Returns
    -------
    int
        The index of the first of those lines.
    """
    return _annex_start(lines, _annex_cues(), notes=False)


_NOTE_LINES = 12  # the most lines of numbered notes under their label


def _notes_start(raw_lines: list[str], end: int, cues: dict[str, Any]) -> int:
    """Where a note's label with the numbered notes under it starts, the notes running to ``end`` ('说明:' / '1.本报告中
    所列数据的统计期限自…止。' / '2.…'; statements.yaml ``data_note_labels``, the first note's number a first item's),
    else ``end``; sought in the last lines before ``end`` only."""
    lines = [(k, _WS_NEAR_WIDE.sub("", raw_lines[k].strip())) for k in range(max(end - _NOTE_LINES, 0), end)]
    for j in range(len(lines) - 1, -1, -1):
        k, line = lines[j]
        label = cues["notes_label"].match(line)
        if label:
            first = line[label.end():] or next((text for _, text in lines[j + 1:] if text), "")
            return k if cues["first_item"].match(first) else end
    return end


def _is_note(line: str) -> bool:
    """A note or an attachment line ('注:以上问题已列入整改台账', '(注:数据截至…)', '附件:整改清单': the footnotes of
    :func:`toolkit.normalize.is_footnote`, the attachment and contact lines metadata reads): neither a problem nor a
    measure, no statement's text."""
    return is_footnote(line.lstrip("(")) or _is_annex(line)
