"""Statements of the problems section: one row per admitted problem or planned measure.

The section 存在的主要问题及改进情况 (2019/2021 formats), 存在的主要问题和改进措施 or the
separate 存在问题 / 改进措施 sections (pre-2019) are cut into statements the way a coder
reads them (``spec/codebook.md``):

1. the text is normalized (NFKC, simplified characters, pinyin annotations removed) with
   :func:`toolkit.normalize.normalize_text`; circled numbers ①② are kept as ``(1)(2)``;
2. sub-headings (``(一)存在的问题``, ``(二)改进措施``, ``(二)2024年工作打算``, ``存在问题``,
   ``下一步工作打算如下:``, ``下一步工作打算是:``) set the kind of what follows and never become statement text; glued to
   the text, a numbered one is read in its longest wording (``(二)改进措施和下一步工作打算一是…``),
   an unnumbered one when a colon, a ``。`` or the first item's marker follows it, or a sentence opening with a year and a
   comma (``存在的问题2023年,…``) or, a measures' one, as a switch does (``改进措施下一步,…``) (not a numbered measures' one whose
   words go on to say a problem: ``1.整改措施落实不到位。`` is an item); an item's label saying its kind
   (``问题一:``, ``措施二:``) is one whose text is that one item; the section's title in both kinds' words
   (``存在问题及改进措施``) is none and is left out;
3. without sub-headings, a sentence that opens with a switch cue (``下一步…``, ``针对存在的
   问题…``, ``2024年,我区将…``) starts the measures; inside an enumerated item (the numbering
   goes on after it: ``一是…。下一步,将…。二是…``) it is that item's own measure and the
   problems go on (unless the list numbers on into measures: ``1.…不够。下一步,将…。2.加强…``), or no switch at
   all if it admits a shortcoming itself; so is a clause after a
   comma opening with a measure cue in an item that admits a shortcoming (``一是…不够,下一步将…;二是``);
4. each part is split at the report's own enumeration (``一是…二是…``, ``一要…二要…``, ``(一)(二)``,
   ``一. 二.``, ``1. 2.``, ``(1)(2)``, ``1)2)``, ``①②``, ``Ⅰ、Ⅱ、``, ``A. B.``, ``第一,`` (``第一是``), ``其一,``, order words
   ``首先,…其次,…最后,``, ``一要`` — these six only with a second item); the
   first style that occurs is the statement level, other styles inside an item stay in its
   text; a part without enumeration is split at ``;`` between list items;
5. the text before the first item (``虽然取得一定成效,但…还存在一些不足:``) and opening
   sentences that only frame the section are not statements, unless they hold the only
   content of their kind; a switch sentence there that says a measure of its own (``下一步,我们将加强业务
   培训。1.…``; not one that only switches, ``下一步,我局将加强改进。``) is one, and so is a lead-in's measure said
   before its clause announcing the list (``下一步,我们将加强业务培训,主要做好以下工作:``) or in it (``下一步,我们将加强业务
   培训:``, ``下一步,我们将从以下方面加强业务培训:``); before a list split at
   ``;``, such a lead-in ending in 。 is not the first item's text;
6. a section given as a table whose header (or rows' first cell) names problems and measures
   (``存在问题 | 改进措施``; also exported one cell a line) gives each cell as a part of that kind, row by
   row; a short numbered
   title in a wording not known is a sub-heading where its number goes on from a known one
   of the other kind (``(一)存在问题`` … ``(二)着力点``); text that runs on into the next
   section (``(六)其他需要报告的事项``) ends before it; a closing ``总之,…`` is a statement of its own, ``特此报告`` none;
7. where neither a sub-heading nor a switch says which kind a list is, a list none of whose
   items admits a shortcoming (``不够``, ``有待``, ``还需`` …) but which has measure cues
   (``加强``, ``进一步`` …) is a list of measures, unless the sentence before it admits
   shortcomings (``还存在一些不足:``) without naming them (``…但仍存在信息更新不及时的问题。`` is a problem, and
   so before a colon where each item opens with a measure's verb: ``…的问题:一是加强巡查;二是完善制度。``).

All patterns live in ``toolkit/data/classify/statements.yaml``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Callable, cast

import pandas as pd

from toolkit.annex import (_CN_NUM, _MARKERS, _STATED_ENDS, _annex_cues, _annex_start, _is_furniture, _is_note,
                           _is_page_or_site_furniture, _sequence_words, _styles)
from toolkit.cues import _WS_NEAR_WIDE, _nothing_to_report, _site_furniture, _spec
from toolkit.formats import load_formats
# (metadata's _undated_signature reads a signature's lines; this module's, a section's last lines with its cues)
from toolkit.metadata import _undated_signature as _undated_agency
from toolkit.metadata import _agency_like, _date_in, _rules, _seal, glued_signature_start, signature_start
from toolkit.normalize import (_HAN, CID_GLYPHS, HAN_RANGES, _convert_traditional, cn_numeral, cn_numeral_text,
                               normalize_text, remove_pinyin, to_simplified)

__all__ = ["extract_statements", "statement_records", "STATEMENT_COLUMNS", "KINDS"]

#: Columns of ``statements.csv`` (``spec/schema.md``), in order.
STATEMENT_COLUMNS: tuple[str, ...] = ("report_id", "seq", "kind", "text", "labels")
#: Allowed values of the ``kind`` column.
KINDS: tuple[str, ...] = ("problem", "measure")

# a., b. (also a、 a) (a)): a lowercase letter numbering sub-items, as a word processor's second list level does
# ('1.' / 'a.'), only at a line's start inside a statement (_sub_item_break), no list of its own: 'a.m.', 'e.g.' are
# none (a letter follows)
_SUB_LETTER = re.compile(r"(?<![A-Za-z])(?:\([a-j]\)|[a-j](?:\.|、|\)))(?![A-Za-z])")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@functools.lru_cache(maxsize=1)
def _intent_words() -> tuple[str, ...]:
    """Words after which 一是 opens a list inside a sentence (statements.yaml ``enumeration_after_words``)."""
    return tuple(_spec()["enumeration_after_words"])


@functools.lru_cache(maxsize=1)
def _intent_subject() -> re.Pattern[str]:
    """The agency as the subject right before 一是 (statements.yaml ``enumeration_after_subject``: '我局一是…')."""
    return re.compile(_spec()["enumeration_after_subject"])


@functools.lru_cache(maxsize=1)
def _words_in_sentence() -> frozenset[str]:
    """The styles of the order-word lists whose words also follow a comma, and after the first glue to the item before
    (statements.yaml ``sequence_words_in_sentence``: '首先,…不够及时,其次,…', '…不够及时其次,…')."""
    firsts = set(_spec()["sequence_words_in_sentence"])
    return frozenset(f"words{k}" for k, seq in enumerate(_sequence_words()) if seq[0] in firsts)


def _marker_number(style: str, match: re.Match[str], found: list[tuple[int, int, int]]) -> int:
    """The number of a marker (-1 where it cannot be one here).

    Bullets and order words carry no number: they count 1, 2, 3 … in order; an order word other
    than the first of its list goes on an open list only (首先 then 其次; 最后 closes it), and the first
    starts a list again (``首先,…;其次,…。下一步,我们将:首先,…``, as 一是 after 二是 does).
    """
    if style in _UNNUMBERED:
        return len(found) + 1
    groups = match.groupdict()
    if groups.get("word"):
        seq = _sequence_words()[int(style.removeprefix("words"))]
        if match["word"] == seq[0]:
            return 1
        closed = bool(found) and match.string[found[-1][0]:found[-1][1]] == seq[-1]
        if not found or closed:
            return -1
        first = max(k for k, (_, _, n) in enumerate(found) if n == 1)  # (where the open list starts: 其次 is 2 again)
        return len(found) - first + 1
    if groups.get("roman"):
        return _ROMAN[match["roman"].upper()]
    if groups.get("letter"):
        return ord(match["letter"]) - ord("A") + 1
    return cn_numeral(match["n"]) or -1


# Styles that are a list only with a second item: a PDF's line wrap can put 第一 of '位居全区第一,' at a
# line start, where it looks like a marker; '首先,' alone is a sentence's word (so are all order words, words<k>),
# '一要' alone may be one ('…。一要…' with no 二要), and 'A、' of '。A、B两类信息…' a name; a dash at a line's start
# may be a sentence's ('——这是…').
_NEEDS_SECOND = frozenset({"di", "qi", "yao", "roman", "roman_lower", "letter", "dash", "text_bullet"})
_AFTER_COMMA = ("shi", "yao")  # styles whose markers also follow a comma or the agency's 将 ('我局将一要…,二要…')
# styles whose markers also open a list right after the agency's 将 (拟, 要), as 一是 does: '下一步,我们将(1)…;(2)…',
# '我局将①…;②…', '我局将1.…;2.…'
_AFTER_INTENT = ("paren_cn", "paren_num", "num", "num_close")
# styles whose next item may follow the last one's text with no separator ('①信息更新不及时②解读不到位'): a bracketed
# number is no word's part, so one numbering on a list already open is its next item; nor is 二是 right after 一是's
# item, read as the numeral that numbers on only ('…单一三是…' after 二是: 三是, not 一三是; _glued_start); nor (二)
# after (一)'s item, nor 2. (2)) after 1.'s right after a Chinese character ('…提升2.政策…', not '共1.5万条', '第2.3节');
# nor 二、 or 第二, (其二,) after a Chinese character where no later item restates its number ('…到位二、政策…', '…到位第二,政策…',
# '…到位其二,政策…'); nor a bullet after a Chinese character, the list's own bullet before another Chinese character
# ('●信息更新不及时●解读不到位', list items whose breaks a web page's text lost; not '张●●', a name masked)
_GLUED_NEXT = ("paren_num", "paren_cn", "num", "num_close", "shi", "dun_cn", "di", "qi", "bullet")
_GLUED_AFTER = re.compile(rf"[{HAN_RANGES}\")》]")  # what a glued 2. follows: a word's character, a closing quote
# styles whose next item may be misnumbered, repeating the last item's number or skipping one ('①…②…②…④', '①…③…④'):
# a bracketed number (a circled one, ①②) after a list already open is no word's, so it is the list's next item
_MISNUMBERED = ("paren_num",)
# styles whose next item may be misnumbered so only at a boundary (a line's or a sentence's start) and before no digit
# nor numeral: there '2.' or '4.' is no decimal's nor a date's ('1.5万', '2.1日' are, glued or not), '三、' no run's ('三、四月')
_MISNUMBERED_BARE = ("num", "num_close", "dun_cn")
_UNNUMBERED = ("bullet", "text_bullet", "dash")  # styles whose items count 1, 2, 3 … without a number
_BOUNDARY = set("。;:!?\n")
_BARE_NUMBER = re.compile(r"\d{1,3}")
_SPACES = re.compile(r"\s*")
_WRAP_STOPS = set("。:!?")  # not ";": a sentence goes on after it
_TAIL_STOPS = tuple("。;:!?")  # where the sentence a wrapped line's fragment belongs to starts
_SENTENCE_END = set("。!?\n")
_SENTENCE_STOP = re.compile(f"[{re.escape(''.join(sorted(_SENTENCE_END)))};]")  # where the next sentence starts
_SENTENCE_STOPS = tuple("。;!?")  # where the sentence before an item's closing colon starts
_CLAUSE_STOP = re.compile("[,;。!?]")  # (normalized text: the comma and semicolon are ASCII)
_LABEL_LENGTH = 24  # where the colon after an item's label stands at the latest ('针对上述问题的整改措施和下一步工作打算:': 19)
_TITLE_LENGTH = 24  # the longest title sentence opening an item ('进一步规范工作流程,完善信息公开工作机制。…': 20)
_MARKER_CUT = re.compile(rf"(?:^|[。;:!?]){_CN_NUM}$")  # a line ending in the 二 of 二是
_TRIM_END = " \t\n;,、。"
# (a statement's own end, trimmed: its stop, also '!' and '?' (NFKC of ！？) ending it as 。 does; one inside it is kept)
_STATEMENT_END = _TRIM_END + "!?"
# a '.' (or two) ending a statement, typed for its 。 where the text's other stops are 。 (so no 。 was made of it): not
# three or more, an ellipsis ('...', NFKC of …)
_TRAILING_DOTS = re.compile(r"(?<!\.)\.\.?$")
_TRIM_START = " \t\n;,、:。."  # (and the '.' typed after a bracketed number, left by its marker: '①.加强…')
_PUNCT_ONLY = re.compile(r"^[\W_]*$")
# a line break after a line ending in no stop nor comma (inside a statement: _sub_item_break)
_BREAK_IN_ITEM = re.compile(r"(?<=[^\s;,、:。!?])[ \t]*\n\s*")
_OPENING, _CLOSING = set("([《【"), set(")]》】")  # brackets (NFKC: （ is '(')
# a line of a bilingual report in the other language (no Han character, three Latin words): a translation of the
# statements, none of them
_FOREIGN_LINE = re.compile(rf"(?=[^{HAN_RANGES}]*$)(?:[^A-Za-z]*[A-Za-z]+){{3}}")
_ROW_CELL = "|"  # between the cells of a table row in the readers' text (HTML, DOCX, a text export's rows)
# a numbered line with a short title alone: a sub-heading where its number says so
# (ending in no 。: that is an item's sentence)
_NUMBER = rf"(?:\({_CN_NUM}\)|{_CN_NUM}[、.]|\d{{1,2}}[.、])"  # a heading's number: (一) 一、 一. 1. 1、
_LEADING_NUMBER = re.compile(_NUMBER)
_SECTION_NUMBER = re.compile(rf"{_CN_NUM}、")  # how a report numbers its sections
_NUMBERED_TITLE = re.compile(rf"^(?P<num>{_LEADING_NUMBER.pattern})[^。;:!?,()]{{2,16}}:?$")
# the same ending the text before a sub-heading, glued after a sentence or alone ('…完善内容。(二)更新方面。' / '存在问题:…')
_TRAILING_TITLE = re.compile(
    rf"(?:^|(?<=[。;!?]))(?P<title>(?P<num>{_LEADING_NUMBER.pattern})[^。;:!?,()\n]{{2,16}})[。:]?$")
# A sentence typed with a half-width stop ('…不够及时.2.解读形式单一.'): a '.' after a Chinese character, a closing
# quote or bracket is a 。 (never a decimal point), unless it is the 一. of a marker at a sentence start.  Only in a
# text without any 。: where 。 is used, '.' after a Chinese character is rather the 一. of a marker glued to a
# sub-heading, '(二)改进措施一.进一步…'.  A '.' a line wrap put at a line's start goes with the line before (a bracket
# there may close a pinyin note the wrap broke, not yet removed: '…领导(d' / 'ǎo).将推进…').
_SIGNATURE_LINES = 8  # the most lines a signature with its contact, attachment and footer lines is sought in
_WRAP_GAP = r"[ \t]*\n?[ \t]*"
# spaces between two characters that are not ASCII, in a text without a sentence's end: the line breaks they stand for
# (after a closing quote or bracket too, before a number: '…接地气" 2024年,我区将…', '…单一 2.…', '…单一 (二)…')
_SPACE_FOR_BREAK = re.compile(r"(?<=[^\x00-\x7f]|[\")]) +(?=[^\x00-\x7f]|[\d(])")
# in a text with 。, such a space before an item's number only ('…有待提高 二是…', '…单一 (二)…', '…不够 2.…')
_SPACE_BEFORE_ITEM = re.compile(
    rf"(?<=[^\x00-\x7f]|[\")]) +(?={_CN_NUM}是(?!否)|\({_CN_NUM}\)|\(\d{{1,2}}\)|\d{{1,2}}[.、](?![\dA-Za-z]))")
# (a '.' typed for 。, or two: '…有待提高..下一步'; not three or more, an ellipsis '...')
_FULL_STOP = re.compile(rf"(?P<marker>(?:^|(?<=[。;:!?,.\s])){_CN_NUM}{_WRAP_GAP}\.)"
                        rf"|(?<=[{HAN_RANGES}》\"”)\]])(?P<gap>{_WRAP_GAP})\.\.?(?!\.)", re.MULTILINE)


def _subheading_tail(tails: dict[str, list[str]]) -> str:
    """The optional words ending a sub-heading's title (statements.yaml ``subheading_tails``).

    Parameters
    ----------
    tails : dict of str to list of str
        ``any``: words that may end the title anywhere (``如下``); ``before_colon``: words that end it only before a
        colon (``是``, ``为``: ``下一步工作打算是:``); ``after_number``, read by the numbered patterns only, also before
        the text (``(二)下一步工作是优化栏目设置。``).

    Returns
    -------
    str
        A regex fragment matching one such word or nothing.
    """
    return rf"(?:{_announcing_tail(tails)})?"


def _announcing_tail(tails: dict[str, list[str]]) -> str:
    """A regex fragment matching one of the words ending a sub-heading's title (:func:`_subheading_tail`), not
    nothing."""
    return rf"{'|'.join(tails['any'])}|(?:{'|'.join(tails['before_colon'])})(?=:)"


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    spec = _spec()
    annex = _annex_cues()
    join = "|".join
    # (an item's label, 问题一: 措施二: 问题(1):, is read as a sub-heading whose text is one item: see _is_label)
    n = rf"(?:{_CN_NUM}|\d{{1,2}})"
    labels = {kind: rf"(?:{join(words)})(?:{n}|\({n}\))" for kind, words in spec["item_labels"].items()}
    # (without a number, before a colon, a label is a sub-heading: '问题1:…。措施:…。问题2:…'; so is one after its
    # item's number, '(1)问题:…整改措施:…(2)问题:…')
    bare = {kind: rf"(?:\(\d{{1,2}}\))?(?:{join(words)})(?=:)" for kind, words in spec["item_labels"].items()}
    sub = {kind: join([*(f"(?:{p})" for p in pats), labels[kind], bare[kind]])
           for kind, pats in spec["subheadings"].items()}
    number = _NUMBER
    any_title = join(f"(?P<{kind}>{pat})" for kind, pat in sub.items())
    marks = spec["subheading_marks"]  # (brackets set around an unnumbered sub-heading, dashes after it)
    opening, closing, dash = (f"[{re.escape(marks[key])}]" for key in ("opening", "closing", "dash"))
    dash += "{1,2}"
    bullet = _styles()["bullet"][0].pattern + "?"  # (a bullet before an unnumbered one: '■存在问题:')
    tail = _subheading_tail(spec["subheading_tails"])
    # (a numbered one glued to its text ends in these words also before the text: '(二)下一步工作是优化栏目设置。')
    after_number = join(spec["subheading_tails"]["after_number"])
    numbered_tail = rf"(?:{_announcing_tail(spec['subheading_tails'])}|(?:{after_number})(?!否))?"
    return {
        "section_heading": _section_headings(),
        # the same glued to the section's first text ('五、存在的主要问题及改进情况(一)存在的问题一是…'; _without_glued_heading)
        "section_heading_glued": _section_headings(glued=True),
        # the section's title unnumbered, a whole line (_is_both_title)
        "section_title": re.compile(rf"^(?:{join(_section_titles())})[。.:]?$"),
        # the same glued between a sentence's end and a list's marker (_without_both_title)
        "both_title_glued": re.compile(rf"(?<=[。!?])(?:{join(_ANY_BEFORE.sub('', t) for t in _section_titles())})"
                                       rf"(?={spec['first_item']}|{_NUMBER}|{_CN_NUM}是)"),
        "next_section": _next_section(),
        # a whole line that is a sub-heading
        "heading_line": re.compile(rf"^(?:(?P<num>{number})|{bullet}){opening}?(?:{any_title}){tail}{closing}?[。.:]?$"),
        # a numbered sub-heading glued to its text, or an unnumbered one followed by a colon, a 。, a dash, the first
        # item's marker (also a bullet: '…单一。改进措施●加强…') or the line's end (a wrapped line is joined before), or
        # set in brackets ('【存在问题】信息更新…')
        "heading_glued": re.compile(
            rf"(?:^|(?<=[。;:!?]))(?:(?P<num>{number})(?:{any_title}){numbered_tail}[。.:]?"
            rf"|{bullet}(?:{any_title.replace('?P<', '?P<u_')}){tail}"
            rf"(?:[:。]|{dash}|(?={spec['first_item']}|{_styles()['bullet'][0].pattern}|$))"
            rf"|{bullet}{opening}(?:{any_title.replace('?P<', '?P<b_')}){tail}{closing}[:。]?"
            # (or before a sentence opening with a year, '存在的问题2023年,…', or, a measures' one, a switch to them:
            # '…加强。改进措施下一步,我们将…')
            rf"|(?:{any_title.replace('?P<', '?P<g_')})(?={spec['subheading_glued_before']['any']})"
            rf"|(?P<s_measure>{sub['measure']})(?={join(spec['subheading_glued_before']['measure'])})"
            # (or a measures' one announcing its list after a comma, the last problem's sentence turning to it: '…查找
            # 信息,下一步工作计划如下:一是…', also framed so, '…查找信息,针对以上问题,下一步工作计划如下:')
            rf")|(?<=,)(?:(?:{spec['subheading_frame']}),)?(?:{sub['measure']})"
            rf"(?:{_announcing_tail(spec['subheading_tails'])}):"
        ),
        # a numbered sub-heading anywhere, glued to the text before it too ('…存在着挑战(二)改进措施'; _numbered_on_glued)
        "heading_numbered": re.compile(rf"(?P<num>{number})(?:{any_title}){numbered_tail}[。.:]?"),
        # an unnumbered sub-heading opening a line or a sentence, set off from its text by spaces only ('改进措施 加强培训,…'
        # copied from a PDF or a web page): the spaces stand for its line break (_clean_lines), not its words going on
        "heading_spaced": re.compile(rf"(?P<head>(?:^|(?<=[。;!?]))[ \t]*{bullet}{opening}?"
                                     rf"(?:{any_title.replace('?P<', '?P<sp_')}){tail}{closing}?)"
                                     r" +(?=[^\x00-\x7f]|[\d(])",
                                     re.M),
        "first_item": annex["first_item"],
        # an item's short title before a first item of its own list ('主动公开方面:1.…', also ended as a sentence,
        # '主动公开方面。一是…'; _grouped's cheap test)
        # an area's title alone on its line, and the words ending one that set its kind (_area_title)
        "area_title": re.compile(rf"[{HAN_RANGES}]{{2,{spec['area_title']['longest']}}}"),
        "area_title_longest": spec["area_title"]["longest"],
        # the words opening a sentence of its own after a measure's title alone on its line (_measure_title)
        "after_measure_title": tuple(spec["area_title"]["sentence_after_measure"]),
        "subject_openings": tuple(spec["area_title"]["subject_openings"]),
        "predicate_openings": tuple(spec["area_title"]["predicate_openings"]),
        "open_endings": tuple(spec["area_title"]["open_endings"]),
        "join_openings": tuple(spec["area_title"]["join_openings"]),
        "area_title_kinds": {kind: re.compile(spec["area_title"][kind]) for kind in KINDS},
        "group_title": re.compile(rf"(?P<name>[^。;:!?,()\n]{{2,16}}?)[ \t]*[:。]?\s*(?={spec['first_item']})"),
        "furniture": _site_furniture(),
        # an attachment's label alone, a label with its title or a note, a note's label over numbered notes
        # (toolkit.annex, which reads the end of a section's text by them)
        "annex_label": annex["annex_label"],
        "annex_line": annex["annex_line"],
        "appendix_line": annex["appendix_line"],
        "notes_label": annex["notes_label"],
        "additive": re.compile(rf"(?:{join(spec['additive_lead_in'])}),"),
        "closing_summary": re.compile(rf"(?:^|(?<=[。!?\n]))(?:{join(spec['closing_summary'])}),"),
        # (a count may stand between: 以上几个问题, 上述两方面不足; a sentence of its own, ending its part: _closing_frame)
        "closing_frame": re.compile(rf"(?<=[。!?\n])(?:{join(spec['boilerplate_closing']['refer'])})"
                                    rf"(?:[几两二三四五六七八九十]?(?:个|点|方面|项|类)?的?)"
                                    rf"(?:{join(spec['boilerplate_closing']['nouns'])})"
                                    rf"(?:(?!{join(spec['boilerplate_closing']['not_with'])})[^。!?;\n])*[。!?]?\s*$"),
        # (a summing-up ending the problems, '…单一。综上所述,我局信息公开工作仍需加强。', not one giving their cause)
        "closing_summary_sentence": re.compile(
            rf"(?<=[。!?\n])(?:{join(spec['closing_summary'])}),"
            rf"(?:(?!{join(spec['boilerplate_closing']['not_with'])})[^。!?;\n])*[。!?]?\s*$"),
        "closing_formula": re.compile(rf"(?:^|(?<=[。!?]))(?:{join(spec['closing_formula'])})[。!]?$"),
        # a label right after an item's marker, before a colon ('一是存在问题:…', '第二,改进措施:…'): the item's kind, no
        # text of it (_enumerated)
        "label_after_marker": re.compile(rf"(?:{any_title.replace('?P<', '?P<l_')}){tail}:"),
        "item_label": re.compile(rf"(?:{join(labels.values())}|\(\d{{1,2}}\)(?:{join(bare.values())}))[。.:]?$"),
        # a short numbered title glued at the text's start, before a sentence or the first item's marker
        "leading_title": re.compile(rf"(?:^|(?<=[。;!?]))(?P<num>{number})(?P<problem>[^。;:!?,()]{{2,16}}?)"
                                    rf"(?:[。:]|(?={spec['first_item']}))"),
        # a short title numbered 2 glued without punctuation to a first item (_glued_pair_form's cheap test)
        "second_title": re.compile(rf"(?:\(二\)|二[、.]|2[.、])[^。;:!?,()]{{2,16}}?(?={spec['first_item']})"),
        "implied_glued": re.compile(rf"(?:^|(?<=[。;!?]))(?P<num>{number})(?P<measure>[^。;:!?,()]{{2,16}}?)"
                                    rf"(?:[。:]|(?={spec['first_item']}))"),
        "table_column": {kind: re.compile("|".join(pats)) for kind, pats in spec["table_columns"].items()},
        # (a status column naming no kind, 整改进展, is one of them: table_status_column)
        "other_column": re.compile("|".join(f"(?:{p})" for p in [*spec["table_other_columns"],
                                                                 spec["table_status_column"]])),
        "status_column": re.compile(spec["table_status_column"]),
        # a line holding a problems column's name alone (a table exported one cell a line; a cheap test on the text)
        "problem_column_line": re.compile(
            rf"^[ \t]*(?:{sub['problem']}|{join(spec['table_columns']['problem'])})[ \t]*(?:\|[ \t]*)?$", re.M),
        "switch": [re.compile(p) for p in spec["switch_to_measure"]],
        "item_measure": re.compile("(?<=,)(?:" + join(f"(?:{p})" for p in spec["item_measure_cues"]) + ")"),
        "lead_in": [re.compile(p) for p in spec["measure_lead_in"]],
        "intro": [re.compile(p) for p in spec["boilerplate_intro"]],
        # a lead-in alone on its line ('具体如下:'): never the end of the sentence on the line before (_wrapped)
        "announcing_line": re.compile(spec["announcing_line"]),
        "admits": [re.compile(p) for p in spec["admits_shortcomings"]],
        "announces_list": [re.compile(p) for p in spec["announces_list"]],
        "aspects": re.compile(spec["announced_aspects"]),
        "only_switches": re.compile("|".join(f"(?:{p})" for p in spec["only_switches"])),
        "empty": _nothing_to_report(),
        "problem_cues": tuple(spec["problem_cues"]),
        "cue_qualifies": re.compile(spec["cue_qualifies"]),
        "admitted_verb": re.compile(spec["admitted_as_object"]["verb"]),
        "admitted_object_end": re.compile(spec["admitted_as_object"]["object_end"]),
        "measure_cues": tuple(spec["measure_cues"]),
        # a sentence opening with a measure's verb ('加强培训,…'; not a noun: '规范性文件…', '落实的情况…')
        "measure_opening": re.compile(rf"(?:{join(spec['measure_cues'])})(?![的性])"),
        # a need's word right before a measure's verb ('培训需要加强', '信息质量需提升'; not '根据需要加强…')
        "need": re.compile(rf"(?:{join(spec['needs']['words'])})"
                           rf"(?:进一步)?(?!{join(spec['needs']['not_before'])})(?:{join(spec['measure_cues'])})"),
        "need_as_needed": re.compile(rf"(?:{join(spec['needs']['not_after'])})[^,;。:!?]*$"),
    }


_ANY_BEFORE = re.compile(r"^\.\{0,\d+\}")  # a title's leading '.{0,12}', for a number or words before it


def _section_titles() -> list[str]:
    """The problems section's titles, in the wordings of formats.yaml (both families)."""
    sections = load_formats()["sections"]
    return [p for family in sections.values() for p in family.get("problems", [])]


def _section_headings(glued: bool = False) -> list[re.Pattern[str]]:
    """The problems section's own numbered heading, in the wordings of formats.yaml (both families), numbered 五、 or
    as a part of a report numbered otherwise, (五) or 5.; ``glued``: opening a line, in the wordings that may stand
    before text (not those matched only on a line of their own, ending in ``$``)."""
    if glued:  # (unnumbered too: _without_glued_heading)
        return [re.compile(rf"^(?:{_NUMBER}\s*)?(?:{t})[。.:]?\s*") for t in _section_titles() if not t.endswith("$")]
    return [re.compile(rf"^{_NUMBER}\s*(?:{t})[。.:]?\s*$") for t in _section_titles()]


def _is_section_heading(line: str, cues: dict[str, Any]) -> bool:
    """Whether ``line`` is the problems section's own heading: numbered 五、, or as a part, (五) or 5., where it is
    no sub-heading (``(一)存在的问题`` under a 五、 heading is one, though a pre-2019 section may be titled so)."""
    if not any(p.match(line) for p in cues["section_heading"]):
        return False
    return _SECTION_NUMBER.match(line) is not None or not cues["heading_line"].match(line)


def _without_glued_heading(line: str, cues: dict[str, Any]) -> str:
    """``line`` without the problems section's own heading glued before its text, as a web page's text loses the
    heading's line break ('五、存在的主要问题及改进情况(一)存在的问题一是…': the heading's words were the first item's, its
    sub-heading no sub-heading); in its longest wording, and only where it is no sub-heading (a problems' title,
    '一、存在问题', may be an item's verb and object glued to its number: '一、存在问题整改不及时的情况。'); unnumbered
    ('存在的主要问题及改进情况2023年,…'), only where the text after it opens with no word (a number, a bracket, a stop)
    or with a first item's marker, not as words going on from it."""
    end = max((m.end() for p in cues["section_heading_glued"] if (m := p.match(line))), default=0)
    if not end or end == len(line):
        return line
    if cues["heading_line"].match(line[:end].rstrip()):
        return line  # (a problems' sub-heading glued to its text, or an item: '一、存在问题整改不及时的情况。')
    if not _LEADING_NUMBER.match(line) and _GLUED_AFTER.match(line, end) and not cues["first_item"].match(line, end):
        return line
    return line[end:]


def _is_both_title(line: str, cues: dict[str, Any]) -> bool:
    """Whether ``line`` is the section's title in both kinds' words, unnumbered, on a line of its own (``存在问题及改进措施``
    after the problems, as a page repeats it): no statement's text, and no sub-heading, since it names neither kind
    alone (``存在的问题``, a title of the legacy sections, is the problems' sub-heading).  Not a line holding a sentence
    before it (``3.信息更新不够及时。存在问题及改进措施``, taken in by the titles' leading ``.{0,12}`` for a number: the line
    was dropped whole; :func:`_without_both_title` cuts the title off)."""
    return (("问题" in line or "不足" in line) and cues["section_title"].match(line) is not None
            and not _SENTENCE_STOP.search(line.rstrip("。.:")) and not cues["heading_line"].match(line))


def _without_both_title(line: str, cues: dict[str, Any]) -> str:
    """``line`` without the section's title in both kinds' words glued after its last sentence's end and ending it
    (``…加强。存在问题及改进措施``, a page's text that lost the break before it; see :func:`_is_both_title`), or glued
    after a sentence's end before a list's marker (``…健全。存在问题及改进措施1.强化…``, both breaks lost)."""
    if line[-1] in _STATED_ENDS:
        if "问题" not in line and "不足" not in line:
            return line  # (cheap: most lines end in a sentence's end and name no problem)
        # (not a sub-heading, 存在问题, a legacy section's title: _is_both_title)
        return cues["both_title_glued"].sub(lambda m: m[0] if cues["heading_line"].match(m[0]) else "", line)
    end = max(map(line.rfind, _STATED_ENDS))
    return line[: end + 1] if end >= 0 and _is_both_title(line[end + 1:], cues) else line


def _next_section() -> re.Pattern[str]:
    """The heading of the section after the problems one, 其他需要报告的事项 (formats.yaml ``other``), numbered in any
    way, at a line's start or after a sentence's end (a glued line), or unnumbered alone on a line or before a colon
    or a stop, at a line's start or after a sentence's end;
    a numbered one stands as a heading (statements.yaml ``next_section_start``), not quoted in a sentence."""
    sections = load_formats()["sections"]
    title = "|".join(p for family in sections.values() for p in family.get("other", []))
    number = _NUMBER
    # (followed by the line's end, a colon, a sentence's end or how that section starts: not by running text, which
    # quotes the title, '(六)其他需要报告的事项中所列的工作…')
    after = "|".join(_spec()["next_section_start"])
    # (unnumbered, also glued after a sentence's end before a colon, a stop or the line's end, as web text loses the break
    # before it: '…加强培训。其他需要报告的事项:无。')
    # (numbered, also glued with no stop after a sentence's last word, as a web page's text loses the stop and the break:
    # '…完善制度六、其他需要报告的事项:无。', before what follows a heading, not a sentence going on)
    return re.compile(rf"(?:^|(?<=[。;!?])){number}(?:{title})(?=[。.:\s]|$|{after})|^(?:{title})(?:[。.:]|$)"
                      rf"|(?<=[。;!?])(?:{title})(?=[。.:]|$)|(?<=[{HAN_RANGES}]){number}(?:{title})(?=[。.:\s]|$|{after})")


def _normalize(text: str) -> str:
    """Normalize with the toolkit's normalizer (which keeps circled numbers as ``(n)``), traditional words a line
    break cut converted whole (:func:`_words_across_breaks`)."""
    normalized = normalize_text(text)
    return _words_across_breaks(text, normalized) if normalized != text and "\n" in text else normalized


_WRAP_WORD = 3  # the most characters of a word cut by a line break sought on each side ('答' / '覆', '藉' / '助')
_HAN_TAIL = re.compile(f"{_HAN.pattern}{{1,{_WRAP_WORD}}}$")
_HAN_HEAD = re.compile(f"{_HAN.pattern}{{1,{_WRAP_WORD}}}")


def _words_across_breaks(raw: str, normalized: str) -> str:
    """``normalized`` (``raw`` normalized line by line) with a traditional word a line break cut converted as one
    (``答`` / ``覆`` is 答复, not 答覆: OpenCC converts words, and each half alone was left as written), as the
    classifier's normalizer, which joins the wraps first, reads it.  Only on a line read as traditional: a simplified
    report's 答覆 stays."""
    raws, lines = raw.split("\n"), normalized.split("\n")
    if len(raws) != len(lines) or to_simplified(raw) == raw:  # (cheap: most reports are simplified, left at that)
        return normalized
    for i in range(len(lines) - 1):
        tail, head = _HAN_TAIL.search(raws[i].rstrip()), _HAN_HEAD.match(raws[i + 1].lstrip())
        if not (tail and head):
            continue
        apart = _convert_traditional(tail.group()) + _convert_traditional(head.group())
        whole = _convert_traditional(tail.group() + head.group())
        if whole == apart or len(whole) != len(apart):  # (cheap: most breaks cut no word OpenCC converts whole)
            continue
        if all(to_simplified(line) == line for line in raws[i:i + 2]):
            continue  # (simplified text)
        before, after = lines[i].rstrip(), lines[i + 1].lstrip()
        cut = len(tail.group())
        if before.endswith(apart[:cut]) and after.startswith(apart[cut:]):
            lines[i] = before[:len(before) - cut] + whole[:cut]
            lines[i + 1] = whole[cut:] + after[len(apart) - cut:]
    return "\n".join(lines)


# words set in Markdown bold, a line as a whole ('**(二)改进措施**', '__存在问题__') or a run-in one glued to its text
# ('**(一)存在的问题**一是…', '…加强。**(二)改进措施**一是…'), the marks taken away where they are a sub-heading
_BOLD_RUN = re.compile(r"(?P<mark>\*\*|__)(?P<inner>[^*_\n]+)(?P=mark)")

# the rest of a number a wrap split, at a line's start ('20' / '23年,我局…'), not an item's number ('3' / '1.加强…')
_NUMBER_GOES_ON = re.compile(r"\d+(?![\d.、．)）])")

def _clean_lines(text: str, page_lines: frozenset[str] = frozenset(),
                 titles: dict[int, str] | None = None, wraps: list[int] | None = None) -> list[str]:
    """Normalized, non-empty lines without white space next to Chinese characters, without the lines of
    ``page_lines`` (see :func:`statement_records`); the lines that are an area's title (:func:`_area_title`) are put
    in ``titles``, by their index, with the kind they set ('' for none); the indexes of the lines that a PDF's wrap or
    page break cut (joined to the line before, or a page number left out) are put in ``wraps``."""
    cues = _cues()
    text = _normalize(text)
    if "(cid:" in text:
        # a PDF's glyphs of no Unicode map ('进一步(cid:7)提升', a bullet '(cid:3)' before an item) are no words of a
        # statement: left out (the PDF reader flags them, cid_characters)
        text = CID_GLYPHS.sub("", text)
    kept_line = functools.partial(_kept_line, page_lines=page_lines)
    if "**" in text or "__" in text:
        # (a Markdown export's bold sub-heading alone on its line or run in: the marks made it no sub-heading)
        text = _BOLD_RUN.sub(lambda m: m["inner"] if cues["heading_line"].match(m["inner"].strip()) else m[0], text)
    if "。" not in text:
        text = _FULL_STOP.sub(_full_stop, text)
    if " " in text:
        # (web text whose lines ended without a stop, copied with a space for each line break: '…不够全面 二是…'; where
        # some sentences end in 。, only a space before an item's number is taken so)
        text = _SPACE_FOR_BREAK.sub("\n", text) if "。" not in text else _SPACE_BEFORE_ITEM.sub("\n", text)
        # (an unnumbered sub-heading set off from its text by a space, '改进措施 加强培训,…': the space was taken away
        # with the others next to Chinese characters, and the sub-heading read as its words going on, kept in the text)
        text = cues["heading_spaced"].sub(r"\g<head>\n", text)
    raw_lines = text.split("\n")
    if "附" in text or "说明" in text or "注:" in text:  # (cheap: most sections name no attachment, no note)
        raw_lines = raw_lines[: _annex_start(raw_lines, cues)]
    if cues["problem_column_line"].search(text):
        # (the section's own lines only: a table read one cell a line took the next section's heading and text, or
        # the signature's agency and date, for more rows)
        own = [k for k, raw in enumerate(raw_lines) if kept_line(raw)]
        n_own = len(_own_lines([kept_line(raw_lines[k]) for k in own], cues))
        end = own[n_own - 1] + 1 if n_own else 0
        while 0 < end < len(raw_lines) and not raw_lines[end].strip():
            end += 1  # (with the blank lines after them: a tab layout's last row may end in a blank cell, a lone tab)
        raw_lines = _cells_as_rows(raw_lines[:end])
    kept = _own_lines([line for line in map(kept_line, raw_lines) if line], cues)
    lines: list[str] = []
    alone = -1  # the index in kept of the last line of lines, where it is that line alone
    implied: dict[int, tuple[str, int]] | None = None  # sub-headings in unknown wordings (sought where needed)
    for k, line in enumerate(kept):
        if (not lines and _is_section_heading(line, cues)) or _is_both_title(line, cues):
            continue  # the caller passed the section heading along
        if not lines:
            line = _without_glued_heading(line, cues)
        if _BARE_NUMBER.fullmatch(line) and (
                ((not lines or lines[-1].endswith(_TAIL_STOPS) or cues["heading_line"].match(lines[-1]))
                 and not (k + 1 < len(kept) and _NUMBER_GOES_ON.match(kept[k + 1])))
                or (k + 1 < len(kept) and (kept[k + 1][0] in _WRAP_STOPS
                                         or (lines and _wrapped(lines[-1], kept[k + 1], cues))))):
            # a page number between the two halves of a sentence ('…进一步' / '3' / '加强;…', also before its stop: '…提高' /
            # '3' / '。二是…') or after the section's heading, a sentence's end or a sub-heading, where a page ended with it
            # (no statement holds a number alone); but not the start of a number the wrap split ('20' / '23年,我局…')
            if wraps is not None:
                wraps.append(k)
            continue
        if lines and (_marker_cut_at_colon(lines[-1]) if line.startswith(":") else _ordinal_cut(lines[-1], line)):
            # '…加强;其三' / ':工作体制…': a line break between a marker's words and its colon (before a title's test:
            # '其一' alone on its line is no area's title), or after its 其 or 第 ('…噪音。其' / '三、拓宽…')
            lines[-1] += line
            alone = -1
            if wraps is not None:
                wraps.append(k)
            continue
        if alone >= 0 and titles is not None and len(lines[-1]) <= cues["area_title_longest"]:
            # (cheap: a short line alone before this one)
            kind = _area_title(lines, line, cues, titles)
            if kind is not None:
                titles[len(lines) - 1] = kind
                lines.append(line)
                alone = k
                continue
        if lines and line.startswith("是") and _MARKER_CUT.search(lines[-1]):
            lines[-1] += line  # '…意识。二' / '是进一步…': a line break inside the marker 二是
            alone = -1
            if wraps is not None:
                wraps.append(k)
            continue
        if (alone >= 0 and line.startswith(cues["after_measure_title"]) and len(lines[-1]) < len(line)
                and _measure_title(lines, cues)):
            # (a measure's title alone on its line before a sentence of its own, '加强队伍建设' / '我局将定期开展…': its
            # first words set apart, not a PDF's wrap nor glued when the lines are joined; one line with it, one
            # paragraph)
            lines[-1] += "。" + line
            alone = -1
            continue
        if lines and _wrapped(lines[-1], line, cues):
            # (not after a sub-heading in an unknown wording, '(一)工作短板' / '2023年,我局…', as after a known one)
            if alone >= 0 and _NUMBERED_TITLE.match(lines[-1]):
                implied = _implied_headings(list(map(remove_pinyin, kept))) if implied is None else implied
            if not (alone >= 0 and implied and alone in implied):
                # (a short line alone that is a sentence's subject, '部分栏目' / '更新不及时。', was cut by a copy, no page's
                # width: its lines may still be paragraphs)
                cut_subject = (alone >= 0 and len(lines[-1]) <= cues["area_title_longest"]
                               and _cut_phrase(lines[-1], line, cues))
                lines[-1] += line  # a PDF's line wrap inside a sentence ('…公开方' / '式和渠道不够多元化的问题。')
                alone = -1
                if wraps is not None and not cut_subject:
                    wraps.append(k)
                continue
        lines.append(line)
        alone = k
    # ('密切关(guān' / ')系': a pinyin note broken by the wrap)
    return [remove_pinyin(_without_both_title(line, cues)) for line in lines]


def _kept_line(raw: str, page_lines: frozenset[str] = frozenset()) -> str:
    """A line of the text without white space next to Chinese characters, '' for a blank, furniture or note line (or
    one of ``page_lines``)."""
    line = _WS_NEAR_WIDE.sub("", raw.strip())
    if not line or line in page_lines or _is_furniture(line) or _is_note(line) or _FOREIGN_LINE.match(line):
        return ""
    return line


def _without_glued_furniture(line: str) -> str:
    """The text's last line without a web page's furniture glued after its last sentence, as a page's text is copied
    ('…工作。发布日期:2023-01-05 来源:XX局', '…工作。[打印本页][关闭窗口]')."""
    if line[-1] in _SENTENCE_END:
        return line
    end = max(map(line.rfind, _STATED_ENDS))
    # (not a running title: '…要求。政府信息公开工作年度报告' / '的质量…' is a sentence the wrap broke)
    if 0 <= end < len(line) - 1 and _is_page_or_site_furniture(line[end + 1:]):
        return line[: end + 1]
    return line


def _own_lines(kept: list[str], cues: dict[str, Any]) -> list[str]:
    """The lines of the section itself: not the next section's (text running on into it) nor the signature's."""
    kept = _before_next_section(kept, cues["next_section"])
    if kept:  # (the page's fields come after the report's text: not a wrapped sentence's fragment, '…。审核:严格' / '落实…')
        kept = [*kept[:-1], _without_glued_furniture(kept[-1])]
    kept = _without_glued_signature(kept)
    # a section passed with the report's signature (agency, date, contact lines) after it: a few lines, the last a
    # date's or a contact's or attachment's ('联系人:…', '附件:…')
    if kept and any(mark in kept[-1] for mark in _spec()["signature_end_marks"]):
        tail = max(len(kept) - _SIGNATURE_LINES, 0)
        kept = kept[: tail + signature_start(kept[tail:])]
    kept = kept[: _undated_signature(kept, cues)]
    kept = _without_inner_signature(kept)
    formula = cues["closing_formula"].search(kept[-1]) if kept else None
    if formula:  # ('…不完整信息。特此报告。': no statement's text)
        kept = kept[:-1] + ([kept[-1][: formula.start()]] if formula.start() else [])
    return kept


def _without_inner_signature(kept: list[str]) -> list[str]:
    """``kept`` without a signature inside the section after a sentence's end: an agency's line then a whole date's
    line ('…健全。' / '贵阳市乌当区人民政府办公室' / '2021年1月20日' / the measures), or both on one line; no statement's
    text."""
    drop: set[int] = set()
    for k in range(1, len(kept)):
        line = kept[k]
        if line[-1] != "日" and not line[-1].isdigit():
            continue  # (cheap: a date line ends so)
        date, start, end = _date_in(line)
        if date is None or end != len(line):
            continue
        # (the agency on the date's line, or alone on the line above)
        first = k if start else k - 1
        name = line[:start] if start else kept[k - 1]
        if _agency_like(_seal().sub("", name)) and (first < 1 or kept[first - 1].endswith(_STATED_ENDS)):
            drop.update(range(first, k + 1))
    return [line for k, line in enumerate(kept) if k not in drop] if drop else kept


def _without_glued_signature(kept: list[str]) -> list[str]:
    """``kept`` without a signature glued to its last sentence: an agency's name then a whole date ending the text
    after a sentence's end, a ';' or a ',' ('…丰富解读形式;贵阳市乌当区人民政府办公室2021年1月20日', as web text copies
    it), or the agency so glued with the date alone on the next line; no statement's text.  The last two lines read by
    :func:`toolkit.metadata.glued_signature_start` (a sentence's words before a date are no agency: '…已报送区政府办公室');
    without a date, an agency's name ending the text where it is certain, glued after the last sentence's 。 or on
    lines of its own, also wrapped (:func:`toolkit.metadata._undated_signature`)."""
    last = kept[-2:]
    text = "\n".join(last)
    at = glued_signature_start(text)
    if at == len(text):
        if not kept or kept[-1][-1:] in _SENTENCE_END:
            return kept  # (cheap: most sections end in a sentence's end)
        # (on lines of its own or glued, also wrapped: '…。' / '平潭综合实' / '验区经济发展局')
        undated = _undated_agency(list(enumerate(kept))[-_UNDATED_LINES:])
        if undated is None:
            return kept
        k, at = undated[:2]
        return [*kept[:k], *([kept[k][:at]] if at else [])]
    before = text[:at].rstrip()
    return [*kept[: len(kept) - len(last)], *(before.split("\n") if before else [])]


_UNDATED_LINES = 3  # a name without its date wrapped over two lines and the line above it

_SIGNING_AGENCIES = 2  # the most agencies signing together, each on its line ('中共XX县委办公室' / 'XX县人民政府办公室')


def _undated_signature(kept: list[str], cues: dict[str, Any]) -> int:
    """Where a signature without its date starts: the agency's name alone on the last line (or two), after a
    sentence's end, a ';' or a ',' (the last item's: '…丰富解读形式;' / '贵阳市乌当区人民政府办公室'), also with its seal's
    place (``XX局(盖章)``), else ``len(kept)``.

    metadata's signature needs a date; without one the name was read as the last statement's text.  Not in a table
    exported one cell a line, whose last cell may be a department (``办公室`` under ``责任科室``).
    """
    if not kept or kept[-1].endswith(_STATED_ENDS):
        return len(kept)  # (cheap: most sections end in a sentence's end)
    end = len(kept)
    while end > 1 and len(kept) - end < _SIGNING_AGENCIES and _agency_like(_seal().sub("", kept[end - 1])):
        end -= 1
    # (the last item's line ends as a glued signature's text before it does, metadata.yaml signature.glue_stops)
    if end == len(kept) or not kept[end - 1].endswith(tuple(_rules()["signature"]["glue_stops"])) or any(
            cues["problem_column_line"].match(line) for line in kept):
        return len(kept)
    return end


_SHORT_CELL = 12  # the longest column name of a table's header


def _column_name(line: str) -> str | None:
    """'problem', 'measure' or 'other' for a line that is a table's column name alone (a cell exported on its own
    line: ``\t存在问题``, ``序号 |``), else None."""
    cell = line.strip().removesuffix(_ROW_CELL).strip()
    if not cell or len(cell) > _SHORT_CELL or _ROW_CELL in cell or _LEADING_NUMBER.match(cell):
        return None  # (a numbered one, (一)存在问题, is a sub-heading)
    return _cell_kind(cell) or ("other" if _cues()["other_column"].fullmatch(cell) else None)


def _cells_as_rows(lines: list[str]) -> list[str]:
    """``lines`` with a table exported one cell a line written as rows (``a | b |``), read as such tables are.

    The header is a run of column names, one a line, naming a problems and a measures column (``存在问题`` /
    ``改进措施``, also ``序号`` / ``责任科室``: statements.yaml ``table_columns``, ``table_other_columns``).  Its
    rows are the cells after it: a tab-indented cell a line, rows apart by a blank line (a blank cell a lone tab);
    ``cell |`` a line, the blank cells after it as more ``|``; or a cell a line, rows told by their 序号 numbers
    (1, 2, …, a row one cell short read by :func:`_numbered_rows`) or, without such a column, by the header's width
    where the cells fill whole rows.  Where the rows cannot be told so, the lines are left as they are.
    """
    header: list[int] = []
    for k, line in enumerate(lines):
        if line.strip() and len(line.strip()) <= _SHORT_CELL + 2 and _column_name(line):
            header = _header_run(lines, k)
            if header:
                break
    if not header:
        return lines
    names = _without_status([_cells(lines[k])[0] for k in header], [_column_name(lines[k]) for k in header], "other")
    # (a first column of numbers, 序号: each row starts with the next number)
    first = next((line.strip() for line in lines[header[-1] + 1:] if line.strip()), "")
    start = header[-1] + 1
    layout = lines[start - 1]  # (the header's last line: a tab or a '|' marks the other layouts)
    if names[0] == "other" and first == "1" and not layout.startswith("\t") and not layout.rstrip().endswith(_ROW_CELL):
        rows, end = _numbered_rows(lines, start, names)
    else:
        rows, end = _table_cells(lines, start, names)
    if not rows:
        return lines
    table = [f"{' | '.join(_cells(lines[k])[0] for k in header)} |"] + [" | ".join(row) + " |" for row in rows]
    return lines[: header[0]] + table + lines[end:]


def _header_run(lines: list[str], start: int) -> list[int]:
    """The lines of a one-cell-a-line header from ``start`` (column names, blank lines between them allowed in the
    layout that puts one after every line), or [] where they do not name a problems and a measures column."""
    run: list[int]
    run, k = [], start
    while k < len(lines):
        if not lines[k].strip():
            if lines[k].startswith("\t") or (run and lines[run[0]].startswith("\t")):
                break  # (a tab layout's blank line ends the header row)
            k += 1
            continue
        if not _column_name(lines[k]):
            break
        run.append(k)
        k += 1
    kinds = {_column_name(lines[k]) for k in run}
    return run if {"problem", "measure"} <= kinds else []


def _numbered_rows(lines: list[str], start: int, names: list[str | None]) -> tuple[list[list[str]], int]:
    """The rows of a table one cell a line whose first column numbers them (序号: a row starts at its number) and the
    index after them, or ([], ``start``) where they cannot be told.

    A row one cell short has a blank cell left out (seed 000's layout): the problems' or the measures' one, the one
    where the row then reads as the table's full rows do, these telling their problems from their measures by wording
    (each problem admits a shortcoming in a word of problem_cues, no measure does) and the row's other cells (责任科室,
    原因) being as in those rows; where both or neither place it so, the rows are not told.
    """
    width = len(names)
    rows: list[list[str]] = []
    k = start
    while k < len(lines):
        cell = lines[k].strip()
        if cell == str(len(rows) + 1):
            rows.append([cell])
        elif cell:
            if not rows or len(rows[-1]) == width:
                break  # (the next row's number is not there: the table has ended)
            rows[-1].append(cell)
        k += 1
    full = [row for row in rows if len(row) == width]
    if len(full) == len(rows):
        return (rows, k) if rows else ([], start)
    problem, measure = names.index("problem"), names.index("measure")
    seen = {i: {row[i] for row in full} for i, name in enumerate(names) if name not in ("problem", "measure") and i}
    if not full or not all(_has(row[problem], "problem_cues") and not _has(row[measure], "problem_cues")
                           for row in full):
        return [], start
    for n, row in enumerate(rows):
        if len(row) == width - 1:
            # (the blank cell where the row then reads as the full rows do: a cause column between, 序号 | 问题 | 原因 |
            # 措施, puts a measure's row's cause, which may admit a shortcoming, where the problem would stand)
            fits = [placed for placed in (row[:blank] + [""] + row[blank:] for blank in (problem, measure))
                    if (not placed[problem] or _has(placed[problem], "problem_cues"))
                    and not _has(placed[measure], "problem_cues")
                    and all(placed[i] in values for i, values in seen.items())]
            row = rows[n] = fits[0] if len(fits) == 1 else row
        if len(row) < width or any(row[i] not in values for i, values in seen.items()):
            return [], start
    return rows, k


def _table_cells(lines: list[str], start: int, names: list[str | None]) -> tuple[list[list[str]], int]:
    """The rows of a one-cell-a-line table from ``start`` (see :func:`_cells_as_rows`) whose columns are of the kinds
    ``names``, and the index after them."""
    width = len(names)
    tab = lines[start - 1].startswith("\t")
    piped = lines[start - 1].rstrip().endswith(_ROW_CELL)
    rows: list[list[str]] = []
    cells: list[str] = []
    k = start
    while k < len(lines):
        line = lines[k]
        if tab:
            if not line.strip() and not line.startswith("\t"):
                if cells:
                    rows.append(cells)
                cells = []
            elif line.startswith("\t"):
                cells.append(line.strip())
            else:
                break
        elif piped:
            if line.strip() and _ROW_CELL not in line:
                break
            if line.strip():
                cells += _cells(line) if line.strip() != _ROW_CELL else [""]
        elif line.strip():
            cells.append(line.strip())
        k += 1
    if tab:
        rows += [cells] if cells else []
        return (rows, k) if rows and all(len(r) == width for r in rows) else ([], start)
    if len(cells) <= width:
        return [], start  # (one row with nothing to tell it from two parts' text)
    rows = [] if len(cells) % width else [cells[i:i + width] for i in range(0, len(cells), width)]
    if sorted(map(str, names)) == ["measure", "problem"] and not (
            rows and all(_has(row[names.index("problem")], "problem_cues") for row in rows)):
        rows = _rows_by_wording(cells, names)  # (a blank cell was left out: whole rows of cells misalign the kinds)
    return (rows, k) if rows else ([], start)


def _rows_by_wording(cells: list[str], names: list[str | None]) -> list[list[str]]:
    """The rows of a table of a problems and a measures column exported a cell a line with its blank cells left out
    and no 序号 column (seed 000's layout), told by the cells' wording, else [].

    Each problem admits a shortcoming in a word of problem_cues (as all 29 hand-read problems do, and none of the 29
    measures: cue_qualifies): the cells are full rows, a problem and its measure in the columns' order, then the cells
    of one column alone (the rows after the shorter list, their other cell blank).  Cells that read otherwise (a measure
    admitting a shortcoming among the full rows, a blank cell before a full row) leave the rows unknown.
    """
    problem = names.index("problem")
    first = [_has(cell, "problem_cues") == (problem == 0) for cell in cells]  # a cell of the first column's kind
    rows, k = [], 0
    while k + 1 < len(cells) and first[k] and not first[k + 1]:
        rows.append(cells[k:k + 2])
        k += 2
    if len(set(first[k:])) > 1:
        return []
    return rows + [[cell, ""] if first[k] else ["", cell] for cell in cells[k:]]


def _title_alone(lines: list[str], cues: dict[str, Any], titles: dict[int, str] | None = None) -> bool:
    """Whether the last of ``lines`` may be a title alone on its line: a short line of Chinese characters only
    (statements.yaml ``area_title.longest``) after a sentence's end, a sub-heading or another area's title (of
    ``titles``), or the section's first line."""
    if not cues["area_title"].fullmatch(lines[-1]):
        return False
    before = lines[-2] if len(lines) > 1 else ""
    return not before or bool(before.endswith(_TAIL_STOPS) or (titles is not None and len(lines) - 2 in titles)
                              or cues["heading_line"].match(before))


def _area_title(lines: list[str], line: str, cues: dict[str, Any], titles: dict[int, str]) -> str | None:
    """The kind an area's title set (``''`` for none), where the last of ``lines``, before ``line``, is one
    (statements.yaml ``area_title``: ``政务公开平台建设`` / ``网站信息更新不够及时。``), else None.

    It is a short line of Chinese characters alone, opening with no item's marker, after a sentence's end, a
    sub-heading or another title (or the section's first line), that admits no shortcoming and names no measure, and
    with ``line`` opens no switch sentence nor a sub-heading (``下一步`` / ``我局将…``, ``存在的`` / ``问题:``) and
    opens with no word of how many fall short (statements.yaml ``area_title.subject_openings``: ``部分栏目`` /
    ``更新不及时。`` is one sentence wrapped), ending in no phrase's join nor before a predicate's word
    (:func:`_cut_phrase`: ``信息公开工作的`` / ``宣传力度…``, ``主动公开的意识`` / ``还不够强。…``); one
    setting no kind is shorter than ``line``, which holds a comma or a stop (a PDF's wrap leaves a line as long as
    the next one, or longer; a wrap's short piece before the text's last words is followed by no sentence).
    """
    title = lines[-1]
    if not _title_alone(lines, cues, titles):
        return None
    if any(pattern.match(title) for pattern, _ in _styles().values()):
        return None  # (an item's start a wrap cut: '一是未能' / '规范…')
    if _cut_phrase(title, line, cues):
        return None  # (a sentence's subject a wrap cut off its words: '部分栏目' / '更新不及时。')
    if _cue_across(title, line, cues):
        return None  # (a statement a wrap cut inside its word: '一些栏目更新不' / '及时;…', no title over '及时')
    if (cues["heading_line"].match(title) or _opens_with_heading(title + line, cues)
            or any(p.match(title + line) for p in cues["switch"])):
        return None
    kind = ""
    for name, ending in cues["area_title_kinds"].items():
        said = ending.search(title)
        if said:
            title, kind = title[: said.start()], name
            break
    if not kind and (len(title) >= len(line) or not _SENTENCE_MARKS.search(line)):
        # (a wrap's short piece before words that end the text, '工作由' / '平潭综合实验区经济发展局', is no title: a
        # statement's first line after a title holds a comma or a stop)
        return None
    if _has(title, "problem_cues") or _has(title, "measure_cues"):
        return None
    return kind


def _cut_phrase(title: str, line: str, cues: dict[str, Any]) -> bool:
    """Whether the short line ``title`` and ``line`` after it are one sentence a copy's wrap cut, no area's title over
    its text (statements.yaml ``area_title``): ``title`` opens with a word of how many fall short (``subject_openings``,
    ``部分栏目`` / ``更新不及时。``) or ends in a phrase's join (``open_endings``, ``信息公开工作的`` / ``宣传力度…``), or
    ``line`` opens with one (``join_openings``, ``信息公开工作`` / ``的标准…``) or with a predicate's word
    (``predicate_openings``, ``主动公开的意识`` / ``还不够强。``)."""
    return (title.startswith(cues["subject_openings"]) or title.endswith(cues["open_endings"])
            or line.startswith(cues["join_openings"]) or line.startswith(cues["predicate_openings"]))


_SENTENCE_MARKS = re.compile(r"[。,;:!?、]")  # (after NFKC: ，；：！？ are ASCII)


def _cue_across(before: str, after: str, cues: dict[str, Any]) -> bool:
    """Whether a word of statements.yaml ``problem_cues`` is cut by the line break between ``before`` and ``after``
    (``…更新不`` / ``及时;…``, ``…有`` / ``待提高``): the two lines are one sentence, whatever else they look like."""
    return any(joined.find(cue, max(len(before) - len(cue) + 1, 0), len(before) + len(cue) - 1) >= 0
               for joined in [before + after] for cue in cues["problem_cues"] if len(cue) > 1)


def _measure_title(lines: list[str], cues: dict[str, Any]) -> bool:
    """Whether the last of ``lines`` is a measure's title alone on its line (``加强队伍建设``, also after its item's
    marker: ``一是加强队伍建设``, ``(一)加强队伍建设``, ``1.加强队伍建设``): short, Chinese characters only, opening with a
    measure's verb (measure_cues) and naming its object, after a sentence's end, a sub-heading or as the first line."""
    title = lines[-1]
    # (an item's marker before the title: the title is the words after it, as where it is glued to its sentence,
    # '一是加强队伍建设。我局将…')
    marker = next((m for m in (pattern.match(title) for pattern, _ in _styles().values()) if m), None)
    if marker:
        title = title[marker.end():].lstrip(_TRIM_START)
        lines = [*lines[-2:-1], title]
    if not _title_alone(lines, cues):
        return False
    # (opening with a measure's verb and naming its object: not a sentence's start a wrap cut, '进一步加强' / '在…', nor
    # the agency's will, '我局将继续' / '在…')
    return (cues["measure_opening"].match(title) is not None and "将" not in title
            and not title.endswith(cues["measure_cues"]))


def _full_stop(match: re.Match[str]) -> str:
    return match[0] if match["marker"] else "。" + match["gap"]


def _before_next_section(lines: list[str], heading: re.Pattern[str]) -> list[str]:
    """The lines before the next section's heading, where the text runs on into it (numbered as no section
    heading is, '(六)其他需要报告的事项', or glued to the last measure in web text)."""
    for k, line in enumerate(lines):
        found = heading.search(line)
        if found:
            return lines[:k] + ([line[: found.start()]] if found.start() else [])
    return lines


_COLON_STYLES = ("qi", "di")  # the numbered styles whose marker ends in a colon (其三: 第三:), with the order words'


def _marker_cut_at_colon(previous: str) -> bool:
    """Whether ``previous`` ends in a list's marker that takes a colon, after a sentence's end or a comma (``…加强;其三``,
    ``…健全。最后``), so that a line opening with the colon goes on that line: a PDF's wrap before the colon."""
    glued = previous + ":"
    styles = _styles()
    names = [*_COLON_STYLES, *(name for name in styles if name.startswith("words"))]
    for name in names:
        for match in styles[name][0].finditer(glued, max(len(glued) - 8, 0)):
            if match.end() >= len(glued) - 1 and (match.start() == 0 or glued[match.start() - 1] in _BOUNDARY | {","}):
                return True
    return False


def _ordinal_cut(previous: str, line: str) -> bool:
    """Whether ``line`` goes on a list's marker (其三、, 第三, 第三是) whose 其 or 第 ends ``previous`` (no sentence ends
    so, nor does a sub-heading: '(二)改进措施其' / '一、…'): a PDF's wrap inside the marker, the numeral opening the line
    taken for one of its own."""
    return previous.endswith(("其", "第")) and any(
        _MARKERS[style][0].match(previous[-1] + line) for style in _COLON_STYLES)


def _wrapped(previous: str, line: str, cues: dict[str, Any]) -> bool:
    """Whether ``line`` goes on the sentence of ``previous``, broken by a line wrap.

    Not after a sentence's end or a colon; not before an enumeration marker or a
    sub-heading; not after a line that is itself a sub-heading; before a switch sentence
    or a sub-heading only where the fragment after ``previous``'s last sentence end is its
    start (``2024年,`` / ``我区将…``, ``(二)`` / ``改进措施。``), and a sub-heading only where it is so (not after a
    switch sentence whose stop is missing: ``针对上述问题,我局将加强培训`` / ``改进措施:``, nor a switch sentence after
    one said up to its verb: ``…我局将加强培训`` / ``下一步,我们将:``); a lead-in adding a list of measures is as a switch
    sentence (``…我局将加强培训`` / ``同时,我局将重点做好以下工作:``).
    """
    if previous[-1] in _WRAP_STOPS or line[0] in _WRAP_STOPS or _ROW_CELL in previous or _ROW_CELL in line:
        return False  # (a table's rows are never wrapped lines)
    if any(pattern.match(line) for pattern, _ in _styles().values()) or _sub_letter_after(previous, line):
        return False  # (also a sub-item's lowercase letter: '…有待加强' / 'a.部分群众…')
    # the wrap fell inside a switch sentence or after a sub-heading's number ('…接地气"。2024年,' / '我区将采取…',
    # '…加强。(二)' / '改进措施。'): the fragment after the last sentence end starts what the line goes on with
    if cues["heading_line"].match(previous) or _title_line(line):
        return False
    if previous[-1] not in ",、" and cues["announcing_line"].match(line):
        return False  # (a lead-in of its own, '…质量双提升' / '具体如下:': the sentence before it ends with its line)
    tail = previous[max(map(previous.rfind, _TAIL_STOPS)) + 1:]
    heading = _opens_with_heading(line, cues)
    if tail and _opens_with_heading(tail + line, cues):
        return True
    if tail and _heading_ends(tail, line, cues):
        return False
    # ('下一步,我局将…' starts the measures; so does a lead-in adding a list to them, '同时,我局将做好以下工作:')
    switch = any(p.match(line) for p in cues["switch"]) or _adds_a_list(line, cues)
    if tail and any(p.match(tail + line) for p in cues["switch"]):
        # (but a sub-heading after a switch sentence said up to its verb, its stop missing, '针对上述问题,我局将加强培训' /
        # '改进措施:', starts a part as after any other sentence, and so does a switch sentence: '下一步,我们将:')
        said = any(word in tail for word in _intent_words()) and not tail.endswith(_intent_words())
        return not (heading or (switch and said))  # (said up to the verb after 将: not '下一步,我们将' / '针对上述问题,…')
    return not (heading or switch)


def _title_line(line: str) -> bool:
    """Whether ``line`` opens with a whole measure's title before its colon (``强化平台管理:``, :func:`_is_title`
    opening with a measure's verb), alone or before a list's marker: a line of its own over the text after it, not the
    end of a wrapped sentence (``…实现双提升`` / ``强化平台管理:`` / ``一是…``, or ``强化平台管理:一是…``; a problem's
    title is not told so from a wrapped lead-in, ``…工作还存`` / ``在一些不足:一是…``)."""
    head, colon, rest = line.partition(":")
    head, rest = head.strip(), rest.lstrip()
    return (bool(colon) and _is_title(head) and _cues()["measure_opening"].match(head) is not None
            and (not rest or any(pattern.match(rest) for pattern, _ in _styles().values())))


def _heading_ends(tail: str, line: str, cues: dict[str, Any]) -> bool:
    """Whether ``tail``, the fragment after a line's last sentence's end, is a whole sub-heading or the section's title in
    both kinds' words (:func:`_is_both_title`) that ends there, before ``line`` (``…加强。存在问题及改进措施`` / ``加强培训;…``,
    also before a switch sentence, ``…加强。下一步工作打算`` / ``下一步,我们将…``): not a sentence the wrap broke, unless a
    measures' one whose words go on to say a problem (``2.整改措施`` / ``落实不到位。``, :func:`_goes_on_as_problem`)."""
    heading = cues["heading_line"].match(tail)
    if not heading:
        return _is_both_title(tail, cues)
    return _heading_kind(heading) == "problem" or not _goes_on_as_problem(tail + line, len(tail))


def _adds_a_list(sentence: str, cues: dict[str, Any]) -> bool:
    """Whether ``sentence`` is a lead-in adding a list of measures (``同时,我局将重点做好以下工作:``)."""
    return bool(cues["additive"].match(sentence)) and _matches(sentence, "announces_list")


def _opens_with_heading(line: str, cues: dict[str, Any]) -> bool:
    """Whether ``line`` is a sub-heading or opens with one glued to its text."""
    return bool(cues["heading_line"].match(line) or cues["heading_glued"].match(line))


# --- sub-headings ------------------------------------------------------------


@dataclass
class _Heading:
    kind: str
    cell: bool = False  # a table cell under a column's name: the text after it is one row's item
    label: str = ""  # an unnumbered sub-heading's wording as written ('问题:'), to tell one used again
    words: str = ""  # a numbered sub-heading's wording without its number ('1.存在问题:' → '存在问题'), to tell one used again
    resumed: bool = False  # the list before going on after a measures label (see _items_resumed)


def _heading_kind(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("problem") or groups.get("u_problem") or groups.get("b_problem") or groups.get("g_problem"):
        return "problem"
    return "measure"


def _heading_number(match: re.Match[str]) -> int | None:
    num = match["num"]
    return cn_numeral(num.strip("()、.")) if num else None


def _split_headings(lines: list[str], titles: dict[int, str] | None = None) -> list[_Heading | str]:
    """Alternate sub-headings and the text (lines joined by '\\n') between them; the lines of ``titles``, areas'
    titles (:func:`_area_title`), are sub-headings of the kind they set (of none, ``''``: the text goes on in its
    kind)."""
    cues = _cues()
    out: list[_Heading | str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append("\n".join(buffer))
            buffer.clear()

    last_number = 0  # number of the last sub-heading: sub-headings number on, (一) then (二)
    problems_form = ""  # how the last sub-heading, if a numbered problems one, is numbered
    columns: list[str | None] = []  # the kinds of the columns of the table being read (its header's)
    implied = _implied_headings(lines)
    headers = _table_headers(lines)
    leading_form: str | None = None  # _first_measures_form, sought only while no sub-heading was found
    for k, line in enumerate(lines):
        if _ROW_CELL in line:
            if k not in headers:
                columns = _table_row(line, columns, out, buffer, flush)
            continue
        columns = []
        if titles and k in titles:
            flush()
            out.append(_Heading(titles[k]))
            continue
        if k in implied:
            flush()
            out.append(_Heading(implied[k][0]))
            last_number = implied[k][1]
            problems_form = _number_form(_LEADING_NUMBER.match(line)[0]) if implied[k][0] == "problem" else ""  # type: ignore[index]  # an implied sub-heading's line starts with its number
            continue
        whole = cues["heading_line"].match(line)
        if whole:
            _drop_area_title(buffer, _heading_kind(whole), whole["num"])
            flush()
            out.append(_Heading(_heading_kind(whole), cell=_is_label(whole), label=_unnumbered(whole),
                                words=_numbered_words(whole)))
            last_number = _heading_number(whole) or last_number
            problems_form = _number_form(whole["num"]) if whole["num"] and _heading_kind(whole) == "problem" else ""
            continue
        rest = line
        pos = 0
        while True:
            found = [cues["heading_glued"].search(rest, pos),
                     _implied_glued(rest, pos, last_number, problems_form, buffer) if problems_form else None,
                     _numbered_on_glued(rest, pos, last_number, problems_form, buffer) if problems_form else None]
            if not last_number:
                if leading_form is None:
                    leading_form = _first_measures_form(lines) or _glued_pair_form(lines)
                found.append(_leading_glued(rest, pos, leading_form) if leading_form else None)
            glued = min(filter(None, found), key=lambda m: m.start(), default=None)
            if not glued:
                break
            number = _heading_number(glued)
            if (number is not None and number > 1 and number != last_number + 1
                    and (last_number or _item_numbered_before(glued["num"], lines[:k], rest[: glued.start()]))):
                # "(一)公开内容不全。(二)存在问题整改不及时…": an item that starts like a sub-heading (but with no
                # sub-heading and no item (一) before it, '1.…。2.…加强。(二)改进措施下一步,…' is the measures' one)
                pos = glued.end()
                continue
            if number is not None and _goes_on(rest, glued):
                if _numbered_on_as_item(glued, last_number, buffer, rest):
                    # (numbered on from the sub-heading, '(一)存在的问题' / '1.…。' / '(二)改进措施落实不到位。', it is a
                    # problem of its own, not the text of the list's last item)
                    if rest[: glued.start()]:
                        buffer.append(rest[: glued.start()])
                    flush()
                    rest = rest[glued.end("num"):]
                    pos = 0
                    continue
                pos = glued.end()  # ('1.整改措施落实不到位。': an item whose words open like a sub-heading's)
                continue
            last_number = number or last_number
            kind = _heading_kind(glued)
            problems_form = _number_form(glued["num"]) if glued["num"] and kind == "problem" else ""
            before = rest[: glued.start()]
            if before:
                buffer.append(before)
            _drop_area_title(buffer, kind, glued["num"])
            flush()
            out.append(_Heading(kind, cell=_is_label(glued), label=_unnumbered(glued), words=_numbered_words(glued)))
            rest = rest[glued.end() :]
            pos = 0
        if rest:
            buffer.append(rest)
    flush()
    _labels_in_turn(out)
    return out


def _numbered_on_as_item(heading: re.Match[str], last_number: int, buffer: list[str], rest: str) -> bool:
    """Whether a sub-heading's words going on as an item's sentence (``heading``, :func:`_goes_on`) are numbered on from
    the last sub-heading (``(一)存在的问题`` / ``1.…`` / ``(二)改进措施落实不到位。``) and not from an item typed as
    it is in the text since (``buffer`` and ``rest`` before it): an item of its own after the sub-heading's list."""
    before = rest[: heading.start()].rstrip(" \t")
    # (at a line's start or after a sentence's end: web text glued, '1.…及时。(二)改进措施落实不到位。')
    return (bool(last_number) and _heading_number(heading) == last_number + 1
            and (not before or before.endswith(("。", "!", "?")))
            and not _item_numbered_before(heading["num"], buffer, before))


def _drop_area_title(buffer: list[str], kind: str, number: str | None) -> None:
    """Drop from the text before a problems' sub-heading the numbered short title ending it that names an area
    (``(一)主动公开方面`` / ``存在问题:…`` / ``改进措施:…`` / ``(二)依申请公开方面`` / ``存在问题:…``): the heading of a
    problem and its measure, no statement (it was one, or glued to the measure before it).  A title that admits a
    shortcoming or names a measure is an item (``(一)公开内容不够全面。整改措施:…``), as :func:`_grouped` reads one; so
    is one numbered on from an item before it (``措施:1.组织专题培训;2.建立工作台账`` / ``问题:…``).  A numbered
    sub-heading after it is the area's own only numbered otherwise (``(一)主动公开方面`` / ``1.存在问题:…``) or
    numbered 一, a list restarted under the title (``(一)主动公开方面`` / ``(一)存在问题:…`` / ``(二)改进措施:…``)."""
    if kind != "problem" or not buffer:
        return
    title = _TRAILING_TITLE.search(buffer[-1])
    if (not title or _has(title["title"], "problem_cues") or _has(title["title"], "measure_cues")
            # (but a sub-heading numbered 一 restarts a list under the title, '(一)主动公开方面' / '(一)存在问题:…')
            or (number and _number_form(number) == _number_form(title["num"])
                and cn_numeral(number.strip("()、.")) != 1)
            or _item_numbered_before(title["num"], buffer[:-1], buffer[-1][: title.start()])):
        return
    buffer[-1] = buffer[-1][: title.start()]
    if not buffer[-1]:
        buffer.pop()


# a measure's verb opening a clause, then the shortcoming's word, maybe after an adverb ('落实不到位', '落实还不够')
_ADVERB = re.compile("[还仍尚也都]?")


def _goes_on_as_problem(text: str, end: int) -> bool:
    """Whether the words of a numbered measures' sub-heading glued to the text (ending at ``end``) are rather the start
    of an item's sentence that says a problem (``1.整改措施落实不到位。``, ``2.改进措施不够具体。``, also after a comma,
    ``(二)改进措施,落实不到位。``): a sub-heading is the words alone (or before a colon or 。), not a sentence going on.

    So where the clause after them admits a shortcoming (problem_cues), is no switch (``针对上述不足,我局将…``) nor the
    first item, and opens with no measure's verb but one the shortcoming's word follows (``落实不到位``; not
    ``进一步解决更新不及时的问题``, a measure under its sub-heading).
    """
    cues = _cues()
    if text[end - 1] in "。.:" or end == len(text):
        return False
    # (a comma after the words ends no sub-heading, whose words stand alone: the clause after it goes on the sentence,
    # '(二)改进措施,落实不到位。')
    end += text[end] == ","
    clause = _CLAUSE_STOP.split(text[end:], 1)[0].partition(":")[0]
    if not _has(clause, "problem_cues") or cues["first_item"].match(clause) or _is_switch(text, end):
        return False  # (cheap: the measures after their sub-heading admit no shortcoming)
    verb = cues["measure_opening"].match(clause)
    return not verb or clause.startswith(cues["problem_cues"], _ADVERB.match(clause, verb.end()).end())  # type: ignore[union-attr]  # an optional adverb always matches


def _goes_on(text: str, heading: re.Match[str]) -> bool:
    """Whether the words of a numbered sub-heading glued to the text (``heading``) are rather the start of an item's
    sentence: a measures' one going on to say a problem (:func:`_goes_on_as_problem`), a problems' one the verb 存在
    going on to its object (:func:`_goes_on_as_object`)."""
    if _heading_kind(heading) == "measure":
        return _goes_on_as_problem(text, heading.end())
    return _goes_on_as_object(text, heading)


def _goes_on_as_object(text: str, heading: re.Match[str]) -> bool:
    """Whether the words of a numbered problems' sub-heading glued to the text (``heading``) are rather the verb 存在
    and the start of its object, which runs on in the same clause to a shortcoming's noun (``(一)存在问题整改不及时的情况。``:
    statements.yaml ``admitted_as_object``): an item admitting a problem, not the sub-heading and its text."""
    cues = _cues()
    if not cues["admitted_verb"].search(heading.group().rstrip("。.:")) or heading.group()[-1] in "。.:":
        return False  # (cheap: most problems' sub-headings are nouns, 存在的问题)
    return bool(cues["admitted_object_end"].search(_CLAUSE_STOP.split(text[heading.end():], 1)[0]))


def _item_numbered_before(number: str, lines: Sequence[str], before: str) -> bool:
    """Whether the text before a numbered sub-heading (``lines`` and ``before`` on its own line) holds the item
    numbered just before it, typed as it is (``(一)`` before ``(二)``, ``1.`` before ``2.``): the sub-heading is then
    rather that list's next item."""
    wanted = (_number_form(number), cast(int, cn_numeral(number.strip("()、."))) - 1)
    return any((_number_form(m[0]), cn_numeral(m[0].strip("()、."))) == wanted
               for text in (*lines, before) for m in _LEADING_NUMBER.finditer(text))


def _unnumbered(heading: re.Match[str]) -> str:
    """The wording of an unnumbered sub-heading found, without its closing stop or colon ('' for a numbered one)."""
    return "" if heading["num"] else heading.group().rstrip("。.:")


def _numbered_words(heading: re.Match[str]) -> str:
    """The wording of a numbered sub-heading found, without its number and its closing stop or colon ('' for an
    unnumbered one): ``1.存在问题:`` → ``存在问题``."""
    return heading.group()[heading.end("num") - heading.start():].rstrip("。.:") if heading["num"] else ""


def _labels_in_turn(parts: list[_Heading | str]) -> None:
    """Mark as items' labels the sub-headings whose wording is used again (``问题:…。措施:…。问题:…``; numbered,
    ``1.存在问题:…。改进措施:…。2.存在问题:…`` or ``1.存在问题:…2.改进措施:…`` under each area's title).

    A sub-heading opens a kind's part once; one written again before each problem (or measure) labels that one
    item, as ``问题一:`` does, so its text is one statement, not split at ';' (seed 003's second problem).
    """
    seen: dict[str, int] = {}
    for part in parts:
        if isinstance(part, _Heading) and (part.label or part.words):
            # (a numbered wording is counted apart: '(一)存在问题' once and '存在问题:' once is no label used again)
            key = part.label or "#" + part.words
            seen[key] = seen.get(key, 0) + 1
    for part in parts:
        if isinstance(part, _Heading) and seen.get(part.label or "#" + part.words, 0) > 1:
            part.cell = True


def _is_label(heading: re.Match[str]) -> bool:
    """Whether a sub-heading found is an item's label (``问题一:``, ``措施二:``: statements.yaml ``item_labels``), whose
    text is that one item, as a table's cell under a column's name is (not split at ';')."""
    return _cues()["item_label"].search(heading.group()) is not None


def _first_measures_form(lines: list[str]) -> str:
    """How the measures' sub-heading is numbered where it is the first known one, numbered 2 (``(二)改进措施``) and
    ended as a heading (by 。, a colon, the first item's marker or its line's end): the problems' one before it, in a
    wording not known, is numbered 1 in that form.  Else ''."""
    cues = _cues()
    for line in lines:
        for known in cues["heading_glued"].finditer(line):
            if not known["num"]:
                continue
            ends = (known.group().endswith(("。", ":")) or known.end() == len(line)
                    or cues["first_item"].match(line, known.end()))
            if _heading_kind(known) == "measure" and _heading_number(known) == 2 and ends:
                return _number_form(known["num"])
            return ""
    return ""


def _glued_pair_form(lines: list[str]) -> str:
    """How the two sub-headings are numbered where both are in wordings not known and glued without punctuation to
    their lists' first items (``(一)工作短板一是…。(二)着力点一是…``): a short title numbered 1 and, after it, one
    numbered 2 in the same form, each right before a first item's marker, the first admitting no problem itself (as
    :func:`_leading_glued` asks) and the second's list a list of measures (:func:`_vote`: none of its items admits a
    shortcoming, ``(二)依申请公开方面一是答复文书格式多样;二是办理流程不规范`` is a second group of problems).  Else ''."""
    cues = _cues()
    for line in lines:
        if not cues["second_title"].search(line):
            continue  # (cheap: no title numbered 2 before a first item, no pair)
        titles = [t for t in cues["leading_title"].finditer(line) if not t.group().endswith(("。", ":"))]
        for first in titles:
            form = _number_form(first["num"])
            if cn_numeral(first["num"].strip("()、.")) != 1 or _has(first["problem"], "problem_cues"):
                continue
            for second in titles:
                if (second.start() > first.end() and _number_form(second["num"]) == form
                        and cn_numeral(second["num"].strip("()、.")) == 2
                        and _vote(re.split("[。;]", line[second.end():])) == "measure"):
                    return form
    return ""


def _leading_glued(text: str, pos: int, form: str) -> re.Match[str] | None:
    """The problems' sub-heading in a wording not known, glued to the text (``…加强和改进。(一)工作短板一是…``): a
    short title numbered 1 in ``form`` (see :func:`_first_measures_form`) before a sentence or the first item's
    marker, admitting no problem itself (not an item: ``(一)公开内容不够全面。``).  Its title is the group
    ``problem``, so it is read as a known problems sub-heading is."""
    for found in _cues()["leading_title"].finditer(text, pos):
        if (cn_numeral(found["num"].strip("()、.")) == 1 and _number_form(found["num"]) == form
                and not _has(found["problem"], "problem_cues")):
            return found
    return None


def _implied_glued(text: str, pos: int, last_number: int, form: str,
                   earlier: Sequence[str] = ()) -> re.Match[str] | None:
    """In a glued line, the measures' sub-heading in a wording not known: after a numbered problems sub-heading, a
    short title numbered next in the same form before the first item's marker (``…单一。(二)着力点。一是…``) or a
    sentence that opens the measures (``(二)着力点。2024年,我局将…``); ``earlier`` are the lines read since that
    sub-heading (see :func:`_numbered_before`).

    The match has the groups of a known sub-heading's (``num``, ``measure``), so it is read as one.
    """
    for found in _cues()["implied_glued"].finditer(text, pos):
        number = found["num"]
        if cn_numeral(number.strip("()、.")) == last_number + 1 and _number_form(number) == form:
            # (not where the problems are numbered as the sub-headings are: '(一)存在问题。(一)…。(二)更新慢。')
            if _numbered_before(text, found.start(), form, earlier):
                return None
            # before the first item's marker, or a sentence that opens the measures ('(二)着力点。2024年,我局将…';
            # not '(二)更新慢。', a problem numbered after an unnumbered first one)
            if found.group().endswith(("。", ":")) and not (_cues()["first_item"].match(text, found.end())
                                                            or _is_switch(text, found.end())):
                continue
            # (not a title admitting a shortcoming: '(二)信息更新不够及时。下一步,…' is a problem, its words were lost)
            return None if _has(found["measure"], "problem_cues") else found
    return None


def _numbered_on_glued(text: str, pos: int, last_number: int, form: str,
                       earlier: Sequence[str] = ()) -> re.Match[str] | None:
    """The measures' sub-heading in a known wording glued with no stop to the last problem's text (``…存在着挑战(二)改进措施``
    / ``一是…``, or the next line joined to it: ``…加强(二)下一步改进措施根据…``): after a numbered problems
    sub-heading, numbered next in the same ``form``, where the problems are not numbered so (then it is an item's:
    ``(一)存在问题。(一)…(二)改进措施落实不到位``, also with (一) on one of the lines ``earlier``; an item's words
    going on are told after, :func:`_goes_on`)."""
    for found in _cues()["heading_numbered"].finditer(text, pos):
        if (_heading_kind(found) == "measure" and _heading_number(found) == last_number + 1
                and _number_form(found["num"]) == form):
            return None if _numbered_before(text, found.start(), form, earlier) else found
    return None


def _numbered_before(text: str, end: int, form: str, earlier: Sequence[str] = ()) -> bool:
    """Whether an item numbered in ``form`` opens a sentence of ``text`` before ``end``, or of one of the lines
    ``earlier`` (read since the problems sub-heading): the problems are numbered as the sub-headings are
    (``(一)存在问题。(一)…。(二)更新慢。``, or ``(一)存在问题`` / ``(一)公开工作。一是…`` / ``(二)平台建设。一是…``,
    each item on its own line)."""
    spans = [*((line, len(line)) for line in earlier), (text, end)]  # (each line opens a sentence)
    return any(_number_form(m[0]) == form for line, stop in spans
               for m in _LEADING_NUMBER.finditer(line, 0, stop) if not m.start() or line[m.start() - 1] in "。;!?")


def _implied_headings(lines: list[str]) -> dict[int, tuple[str, int]]:
    """Lines that are sub-headings in a wording not known, by their number: {index: (kind, number)}.

    A short numbered line right in the sequence of the known sub-headings is the other one: ``(二)应对措施``
    after ``(一)存在的问题``, ``(一)工作短板`` before ``(二)改进措施`` (typed as they are: ``(二)`` after
    ``(一)``, ``二、`` after ``一、``).  Without this, the first was glued to the last problem and the
    measures were marked problems, the second made one statement of all the problems.
    """
    titles = {k: title for k, title in enumerate(map(_NUMBERED_TITLE.match, lines)) if title}
    if not titles:
        return {}
    cues = _cues()
    known = []  # (index, number, how it is typed, kind) of the known numbered sub-heading lines
    for k, line in enumerate(lines):
        match = cues["heading_line"].match(line) or cues["heading_glued"].match(line)
        if match and match.start() == 0 and match["num"] and not (match.end() < len(line) and _goes_on(line, match)):
            known.append((k, _heading_number(match), _number_form(match["num"]), _heading_kind(match)))
    implied: dict[int, tuple[str, int]] = {}
    if not known:
        return _title_pair(lines, titles)
    for k, title in titles.items():
        if k + 1 == len(lines) or any(k == index for index, *_ in known):
            continue
        n, form = cast(int, cn_numeral(title["num"].strip("()、."))), _number_form(title["num"])
        before = [h for h in known if h[0] < k]
        after = [h for h in known if h[0] > k]
        # (not where the items are numbered as the sub-headings are: (一)存在的问题 / (一)… / (二)…)
        if (before and before[-1][1:] == (n - 1, form, "problem")
                and not any(_numbered_as(line, form) for line in lines[before[-1][0] + 1:k])):
            implied[k] = ("measure", n)
        elif (after and after[0][1:] == (n + 1, form, "measure") and not before
              and not any(_numbered_as(line, form) for line in lines[k + 1:after[0][0]])):
            implied[k] = ("problem", n)
    return implied


def _title_pair(lines: list[str], titles: dict[int, re.Match[str]]) -> dict[int, tuple[str, int]]:
    """Two lines that are sub-headings both in wordings not known (``(一)工作短板`` / … / ``(二)着力点`` / …), as
    :func:`_implied_headings` gives them, else {}.

    The only two lines numbered in their form are short titles numbered 1 and 2; the first names neither a problem
    nor a measure (not an item's title: ``(一)公开意识不强``, ``(一)加强组织领导``); every item of its list admits a
    shortcoming (as every problem of the seeds and corpus reports does in a word of problem_cues) and at most one in
    four of the second's (a measure may name what it mends: ``排查…各环节的薄弱之处``), else they are two groups of
    problems (``(一)主动公开方面`` / ``(二)依申请公开方面``) or of measures.
    """
    numbered = [k for k, line in enumerate(lines) if _LEADING_NUMBER.match(line)]
    cues = _cues()
    for k, title in titles.items():
        form = _number_form(title["num"])
        same = [j for j in numbered if _numbered_as(lines[j], form)]
        if len(same) != 2 or same[0] != k or same[1] not in titles or same[1] == len(lines) - 1:
            continue
        second = same[1]
        name = lines[k][title.end("num"):]
        if (cn_numeral(title["num"].strip("()、.")) != 1 or cn_numeral(titles[second]["num"].strip("()、.")) != 2
                or _has(name, "problem_cues") or _has(name, "measure_cues")):
            continue
        # (the second's list ends at a known sub-heading after it; one of the measures says the two are groups of
        # problems: '存在的问题:' / '(一)主动公开方面' / … / '(二)依申请公开方面' / … / '改进措施:' / …)
        end = next((j for j in range(second + 1, len(lines)) if cues["heading_line"].match(lines[j])), len(lines))
        following = cues["heading_line"].match(lines[end]) if end < len(lines) else None
        if following and _heading_kind(following) == "measure":
            continue
        if _problems_then_measures(_items("\n".join(lines[k + 1:second])), _items("\n".join(lines[second + 1:end]))):
            return {k: ("problem", 1), second: ("measure", 2)}
    return {}


def _problems_then_measures(problems: list[str], measures: list[str]) -> bool:
    """Whether two lists are the problems and the measures: every item of the first admits a shortcoming (as every
    problem of the seeds and corpus reports does in a word of problem_cues), the second has measure cues and at most
    one in four of its items admits one (a measure may name what it mends: ``排查…各环节的薄弱之处``)."""
    admitting = sum(_has(t, "problem_cues") for t in measures)
    return (bool(problems) and all(_has(t, "problem_cues") for t in problems)
            and any(_has(t, "measure_cues") for t in measures) and 4 * admitting <= len(measures))


def _items(text: str) -> list[str]:
    """The items of a text's list at the statement level (:func:`_markers`), or its sentences where it has none."""
    marks = _markers(text)
    if not marks:
        return [t for t in re.split("[。;]", text) if _clean(t)]
    return [text[end:stop] for (_, end, _), stop in zip(marks, [m[0] for m in marks[1:]] + [len(text)])]


def _numbered_as(line: str, form: str) -> bool:
    """Whether ``line`` starts with a number typed in ``form`` (see :func:`_number_form`)."""
    number = _LEADING_NUMBER.match(line)
    return bool(number) and _number_form(number[0]) == form  # type: ignore[index]  # bool(number) said it matched


def _number_form(number: str) -> str:
    """How a sub-heading's number is typed: '(一)' and '(二)' alike, '一、' otherwise, '1.' otherwise."""
    return re.sub(r"\d+", "1", re.sub(_CN_NUM, "一", number)).replace(".", "、")


def _table_row(line: str, columns: list[str | None], out: list[_Heading | str], buffer: list[str],
               flush: Callable[[], None]) -> list[str | None]:
    """Read a table row (cells between '|', as the readers write them) of a section given as a table.

    A header naming a problems and a measures column (``存在问题 | 改进措施``, also with ``序号`` or
    ``责任单位`` columns) makes each cell below it a part of its column's kind, row by row; a row whose
    first cell names the kind (``存在问题 | 信息更新不及时;…``) makes the others that kind.  A table that
    says neither stays text.  Returns the column kinds for the next row.
    """
    cells = _cells(line)
    kinds = [_cell_kind(cell) for cell in cells]
    named = [k for k in kinds if k]
    lead = _row_kind(cells)
    if len(named) >= 2 or (len(named) == 1 and lead is None):
        flush()
        return _without_status(cells, kinds, None)  # a header: the kinds of the columns
    if lead is not None and any(cells[lead + 1:]):
        columns = [None] * (lead + 1) + [kinds[lead]] * (len(cells) - lead - 1)
    elif not columns:
        buffer.append(line)
        return columns
    for kind, cell in zip(columns, cells):
        if kind and cell:
            flush()
            out.append(_Heading(kind, cell=lead is None))
            buffer.append(cell)
    flush()
    return columns if lead is None else []


def _without_status(names: list[str], kinds: list[str | None], none: str | None) -> list[str | None]:
    """``kinds`` of a table header's columns ``names`` with a column saying how far the measure has got (``整改情况``:
    statements.yaml ``table_status_column``) made ``none`` where another column holds the measures
    (``存在问题 | 整改措施 | 整改情况``)."""
    status = [kind == "measure" and _cues()["status_column"].fullmatch(name) is not None
              for name, kind in zip(names, kinds)]
    if not any(kind == "measure" and not late for kind, late in zip(kinds, status)):
        return kinds
    return [none if late else kind for kind, late in zip(kinds, status)]


def _row_kind(cells: list[str]) -> int | None:
    """The index of the cell naming a row's kind where it leads the row: the first cell, or the second after a
    序号 number (``1 | 存在问题 | 信息更新不及时``: a number is no column name, so the row is no header)."""
    lead = 1 if len(cells) > 2 and _BARE_NUMBER.fullmatch(cells[0]) else 0
    return lead if _cell_kind(cells[lead]) else None


def _table_headers(lines: list[str]) -> set[int]:
    """The header rows of tables whose rows' first cells (or second, after a 序号 number) name the kind
    (``类别 | 具体内容`` above ``存在问题 | …``):
    the rows before the first such row, in a run of table rows.  They are no statements."""
    headers: set[int] = set()
    if not any(_ROW_CELL in line for line in lines):
        return headers
    run: list[int] = []
    for k, line in enumerate([*lines, ""]):
        if _ROW_CELL in line:
            run.append(k)
            continue
        first = next((i for i in run if _row_kind(_cells(lines[i])) is not None), None)
        if first is not None and not any(_cell_kind(cell) for i in run[: run.index(first)]
                                         for cell in _cells(lines[i])):
            headers.update(run[: run.index(first)])
        run = []
    return headers


def _cells(line: str) -> list[str]:
    """The cells of a table row (a text export ends a row with '|'; a blank first cell leaves the row starting with
    one)."""
    return [cell.strip() for cell in line.strip().removesuffix(_ROW_CELL).split(_ROW_CELL)]


def _cell_kind(cell: str) -> str | None:
    """'problem' or 'measure' for a table cell that names a column or row of that kind, else None."""
    cues = _cues()
    whole = cues["heading_line"].match(cell)
    if whole:
        return _heading_kind(whole)
    return next((kind for kind, pattern in cues["table_column"].items() if pattern.fullmatch(cell)), None)


# --- kinds -------------------------------------------------------------------


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_STOP.finditer(text, 0, max(len(text) - 1, 0)))]


def _is_switch(text: str, start: int) -> bool:
    """Does the sentence at ``start`` switch from problems to measures?"""
    cues = _cues()
    sentence = text[start:]
    if any(p.match(sentence) for p in cues["switch"]):
        return True
    end = next((i for i, ch in enumerate(sentence) if ch in _BOUNDARY), len(sentence))
    if end < len(sentence) and sentence[end] == ":":
        lead = sentence[:end]
        return _matches(lead, "lead_in") and not _has(lead, "problem_cues")
    return False


def _has(text: str, cue_list: str) -> bool:
    """Whether ``text`` holds a word of ``cue_list``; a problem cue only where it admits a shortcoming, not where it
    qualifies the thing a measure mends (statements.yaml ``cue_qualifies``: '对…网站中缺少的目录进行充实')."""
    cues = _cues()
    if cue_list != "problem_cues":
        return any(cue in text for cue in cues[cue_list])
    return any(_admits(text, cue, cues["cue_qualifies"]) for cue in cues[cue_list] if cue in text) or (
        "需" in text and _admits_need(text, cues))


def _admits_need(text: str, cues: dict[str, Any]) -> bool:
    """Whether ``text`` holds a need of what mends a thing (statements.yaml ``needs``: '培训需要加强') that qualifies
    no thing a measure mends (``cue_qualifies``) and is no 'as needed' (``not_after`` in its clause: '根据工作需要加强…')."""
    return any(not cues["cue_qualifies"].match(text, m.end()) and not cues["need_as_needed"].search(text, 0, m.start())
               for m in cues["need"].finditer(text))


def _matches(text: str, patterns: str) -> bool:
    """Whether a pattern of the statements.yaml list ``patterns`` (compiled: ``announces_list``, ``lead_in``,
    ``admits``, ``intro``) is found in ``text``."""
    return any(p.search(text) for p in _cues()[patterns])


def _admits(text: str, cue: str, qualifies: re.Pattern[str]) -> bool:
    """Whether some occurrence of the problem cue ``cue`` in ``text`` is not followed by ``qualifies``."""
    at = text.find(cue)
    while at >= 0:
        if not qualifies.match(text, at + len(cue)):
            return True
        at = text.find(cue, at + 1)
    return False


@dataclass
class _Block:
    kind: str
    text: str
    fixed: bool  # kind given by a sub-heading, a switch sentence or first_kind
    order: int = 0
    cell: bool = False  # a table cell under a column's name (see _Heading)
    resumed: bool = False  # the problems' list going on after an item's own measure: its first marker numbers on
    cut: bool = False  # cut from the same part as the block before it (a switch sentence between them)


def _next_item(marks: Sequence[tuple[int, int, int]], start: int, text: str | None = None) -> int | None:
    """Start of the item that continues the numbering after ``start`` (None if the list does not go on).

    ``一是…。下一步,将…。二是…``: the 二是 after the sentence at ``start`` numbers on from the 一是
    before it, so that sentence stands inside the list.  Bullets and dashes count their items but do not number them:
    given the ``text``, such a list goes on only where its next item admits a shortcoming (``●…不够。`` /
    ``下一步,我局将…。`` / ``●进一步加大…`` switches to the measures).
    """
    before = [m for m in marks if m[0] < start]
    after = [m for m in marks if m[0] > start]
    if before and after and after[0][2] == before[-1][2] + 1:
        if text is not None and any(_styles()[style][0].match(text, after[0][0]) for style in _UNNUMBERED):
            stop = after[1][0] if len(after) > 1 else len(text)
            return after[0][0] if _has(text[after[0][1]:stop], "problem_cues") else None
        return after[0][0]
    return None


def _problem_cuts(part: str) -> list[tuple[int, str]]:
    """(start, kind) where a part that begins with problems changes kind after its start.

    A switch sentence starts the measures for the rest of the part.  One inside an enumerated
    item (the numbering goes on after it) is the item's own measure, and the problems go on
    at the next item; if it admits a shortcoming itself (``今后一段时间内…难以满足``) it is
    no switch at all.  One that announces a list (``做好以下工作``) switches in any case.  A lone number that is no
    item of the list (``…不够完善。(六)下一步,我们将…``, numbered on from an earlier part) may stand before it.
    """
    marks = _markers(part)
    cuts: list[tuple[int, str]] = []
    for start in _sentence_starts(part):
        if start == 0:
            continue
        # (the lone number is text of neither kind: a cut of no kind)
        lone = [] if _is_switch(part, start) else [(start, "")]
        if lone:
            start = _after_lone_number(part, start, marks)
            if start == lone[0][0] or not _is_switch(part, start):
                continue
        resume = _next_item(marks, start, part)
        if (resume is None or any(p.search(part[start:resume]) for p in _cues()["announces_list"])
                or _numbered_on_measures(part, marks, start, resume)):
            # (a sentence announcing a list, '下一步,我局将重点做好以下工作。', switches even where the
            # measures number on from the problems: (三)(四) after (一)(二))
            # (after the last of items each with its own measure, the list's lead-in is no part of that measure)
            own = any(kind == "problem" for _, kind in cuts)
            said = [] if own else _measure_ending_problems(part, start, marks)
            cuts += said + lone + [(start, "measure")] + (_lead_in_after_own_measure(part, start) if own else [])
            cuts += _problems_after_measures(part, start)  # (measures first, then the problems: '…成效。下一步,…')
            break
        if not _has(part[start:resume], "problem_cues"):
            cuts += lone + [(start, "measure"), (resume, "problem")]
    if marks and _cues()["item_measure"].search(part):
        cuts = sorted(cuts + _clause_cuts(part, marks, cuts))
    return cuts


def _numbered_on_measures(part: str, marks: Sequence[tuple[int, int, int]], start: int, resume: int) -> bool:
    """Whether the list numbers on from the problems into the measures through the switch sentence at ``start``
    (``1.公开不及时。2.更新不够及时。下一步,我局将加强改进。3.加强业务培训。4.完善工作制度。``): the items before it
    and those from ``resume`` on read as problems then measures (:func:`_problems_then_measures`).  The sentence then
    leads in the measures, as before a restarted list; it is no item's own measure after which the problems go on
    (``1.…不够。下一步,将加强巡查。2.…不及时。``, the next item admitting a shortcoming)."""
    stops = [m[0] for m in marks[1:]] + [len(part)]
    after = [part[end:stop] for (a, end, _), stop in zip(marks, stops) if a >= resume]
    if _has(after[0], "problem_cues"):
        return False  # (cheap: after an item's own measure the next problem admits a shortcoming)
    before = [part[end:min(stop, start)] for (a, end, _), stop in zip(marks, stops) if a < start]
    return _problems_then_measures(before, after)


def _measure_ending_problems(part: str, start: int, marks: Sequence[tuple[int, int, int]]) -> list[tuple[int, str]]:
    """[(at, 'measure')] where the last problem before the lead-in of a list of measures at ``start`` ends with
    sentences that state a measure without a switch's words (``…二是更新不及时。加强培训,提高业务水平。下一步,我们将:
    一是…``), else [].

    As between a list of problems and a restarted list of measures (:func:`_stated_after_list`: each other problem
    one sentence, the sentences after the last one's first admitting no shortcoming), and only where they open with a
    measure's verb (``加强``, ``完善``: statements.yaml ``measure_cues``) and the lead-in announces the list.
    """
    items = [(n, part[end:min(stop, start)]) for (_, end, n), stop in zip(marks, [m[0] for m in marks[1:]] + [start])
             if end <= start]
    if len(items) < 2:
        return []
    stop = next((i + 1 for i in range(start, len(part)) if part[i] in "。:!?\n"), len(part))
    if not any(p.search(part[start:stop]) for p in _cues()["announces_list"]):
        return []
    moved = _stated_after_list([(n, _clean(text)) for n, text in items], [])
    at = part.rfind(moved, 0, start) if moved else -1
    return [(at, "measure")] if at > 0 and _cues()["measure_opening"].match(moved) else []


def _problems_after_measures(part: str, switch: int = 0) -> list[tuple[int, str]]:
    """[(start, 'problem')] where the measures from the switch sentence at ``switch`` go on with the problems after a
    lead-in admitting shortcomings (``2024年,我局将:一是…。同时,我局工作还存在一些不足:一是…``), else [].

    The lead-in is a sentence ending in a colon right before a list's first item, that admits shortcomings
    (statements.yaml ``admits_shortcomings``) and neither opens nor announces measures (``针对存在的问题,我局将…:``);
    a problem cue after it says a shortcoming follows (not ``针对工作中存在的不足:一是加强培训…``).
    """
    cues = _cues()
    if not any(p.search(part, switch) for p in cues["admits"]):
        return []  # (cheap: most parts of measures admit nothing)
    for start in _sentence_starts(part):
        stop = next((i for i in range(start, len(part)) if part[i] in _BOUNDARY), len(part))
        lead = part[start:stop]
        if (start > switch and stop < len(part) and part[stop] == ":"
                and cues["first_item"].match(part, _SPACES.match(part, stop + 1).end())  # type: ignore[union-attr]
                and _matches(lead, "admits") and not _matches(lead, "lead_in")
                and not _is_switch(part, start) and _has(part[stop:], "problem_cues")):
            return [(start, "problem")]
    return []


def _lead_in_after_own_measure(part: str, start: int) -> list[tuple[int, str]]:
    """[(start, 'measure')] of the sentence leading in the measures' list right after the last problem's own measure
    that starts at ``start`` (``…二是…单一。下一步,将创新方式。下一步,我局将重点做好以下工作:一是…``), else [].  That
    measure is a statement of its own, not a sentence of the list's lead-in (it was dropped with it)."""
    cues = _cues()
    end = next((i + 1 for i in range(start, len(part)) if part[i] in _SENTENCE_END), len(part))
    if any(p.search(part[start:end]) for p in cues["announces_list"]):
        return []
    lead = _SPACES.match(part, end).end()  # type: ignore[union-attr]  # \s* always matches
    stop = next((i + 1 for i in range(lead, len(part)) if part[i] in "。:!?\n"), len(part))
    sentence = part[lead:stop]
    if sentence and _is_switch(part, lead) and _matches(sentence, "announces_list"):
        return [(lead, "measure")]
    return []


def _after_lone_number(text: str, start: int, marks: Sequence[tuple[int, int, int]]) -> int:
    """Where the sentence at ``start`` goes on after a number that opens it but is no marker of the list level
    ``marks`` (a lone ``(六)``, left out of the statement level by :func:`_markers`, or the level itself where it is
    the only marker, numbered on from an earlier part), also alone on its line (``(二)`` / ``下一步,我们将…``), else
    ``start``."""
    number = _LEADING_NUMBER.match(text, start)
    if number is None or (any(m[0] == start for m in marks) and len(marks) > 1):
        return start
    return _SPACES.match(text, number.end()).end()  # type: ignore[union-attr]  # \s* always matches


def _clause_cuts(part: str, marks: Sequence[tuple[int, int, int]],
                 cuts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(start, kind) where an item holds a problem and then, after a comma, its measure (``一是信息更新不够及时,
    下一步将加强栏目巡查;二是…``): the clause from a measure cue (statements.yaml ``item_measure_cues``) on is a measure
    and the problems go on at the next item.  Only where the clause before admits a shortcoming and the measure's
    does not, inside an item of the list, before any switch sentence."""
    end_of_problems = min((a for a, kind in cuts if kind == "measure"), default=len(part))
    found: list[tuple[int, str]] = []
    for cue in _cues()["item_measure"].finditer(part, 0, end_of_problems):
        at = cue.start()
        item = next((m for m in reversed(marks) if m[1] <= at), None)
        if item is None or (found and found[-1][0] > item[0]):
            continue  # before the list, or a second cue in an item already cut
        resume = _next_item(marks, at)
        stop = resume if resume is not None else next(
            (i for i in range(at, len(part)) if part[i] in _SENTENCE_END), len(part))
        if (_has(part[item[1]:at], "problem_cues") and not _has(part[at:stop], "problem_cues")
                and not _is_switch(part, item[1])):
            found += [(at, "measure")] + ([(resume, "problem")] if resume is not None else [])
    return found


def _items_resumed(parts: list[_Heading | str], kind: str) -> list[_Heading | str]:
    """``parts`` with the problems' list going on after a measure labelled inside a problem's item.

    ``(一)公开内容不够全面。整改措施:进一步丰富公开内容。(二)解读形式单一。整改措施:…``: an item holds its problem
    and, after an unnumbered measures label, that problem's measure (two statements, as an item's own ``下一步…``
    sentence gives).  Where the text after the label numbers on the problems' list (``(二)`` after ``(一)``) with an
    item that admits a shortcoming, that item and the text after it are problems again (they were all measures).  Not
    where the label stands right before the next number (Word counting on through a sub-heading, ``1.…2.…`` /
    ``改进措施:`` / ``3.…``) or its text announces a list.  After the last item, the sentence leading in a list of
    measures (:func:`_lead_in_after_own_measure`) opens a part of its own: the item's measure is no part of it.
    """
    out: list[_Heading | str] = []
    before_kind = kind  # the kind of the text before the last sub-heading
    for part in parts:
        if isinstance(part, _Heading):
            before_kind, kind = kind, part.kind or kind  # (an area's title of no kind: the kind goes on)
        elif (before_kind == "problem" and len(out) > 1 and isinstance(out[-2], str) and isinstance(out[-1], _Heading)
              and out[-1].kind == "measure" and out[-1].label):
            joined = out[-2] + "\n" + part
            marks = _markers(joined)
            at = _next_item(marks, len(out[-2]))
            if at is not None:
                stop = next((m[0] for m in marks if m[0] > at), len(joined))
                measure = joined[len(out[-2]) + 1:at]
                if (_clean(measure) and _has(joined[at:stop], "problem_cues")
                        and not any(p.search(measure) for p in _cues()["announces_list"])):
                    out += [measure, _Heading("problem", resumed=True)]
                    part = joined[at:]
                    before_kind, kind = "measure", "problem"
                else:
                    # (the measures number on from the problems after the label's own sentence, '1.…2.…。改进措施:我局将
                    # 继续努力。3.…4.…': a list going on, led in by that sentence)
                    out[-1].resumed = True
            elif _markers(out[-2]):
                lead = _lead_in_after_own_measure(part, 0)  # (the last item's measure, then the list's lead-in)
                if lead:
                    out += [part[: lead[0][0]], _Heading("measure")]
                    part = part[lead[0][0]:]
        out.append(part)
    return out


def _blocks(parts: list[_Heading | str], first_kind: str | None) -> list[_Block]:
    parts = _items_resumed(parts, first_kind or "problem")
    kind = first_kind or "problem"
    fixed = first_kind is not None
    cell = resumed_list = False
    blocks: list[_Block] = []
    last_kind = kind  # the kind of the last block, or of the sub-heading after it
    for part in parts:
        if isinstance(part, _Heading) and not part.kind:
            # (an area's title of no kind: a part of its own, of the kind the text before it ended in)
            kind, cell, resumed_list = last_kind, False, False
            continue
        if isinstance(part, _Heading):
            kind, fixed, cell, resumed_list = part.kind, True, part.cell, part.resumed
            last_kind = kind
            continue
        cuts = [(0, kind)]
        if kind == "problem":
            if _is_switch(part, 0):
                cuts = [(0, "measure"), *_problems_after_measures(part)]
            else:
                cuts += _problem_cuts(part)
        else:
            # (measures given first under their sub-heading, then the problems after a lead-in admitting them:
            # '(一)改进措施:一是…。同时,我局还存在一些不足:一是…')
            cuts += _problems_after_measures(part)
        if len(cuts) > 1 or cuts[0][1] != kind:
            fixed = True  # a switch sentence said which kind each piece is
        closing = [m.start() for m in _cues()["closing_summary"].finditer(part)] if part is parts[-1] else []
        summed = next((k for a, k in reversed(cuts) if a < closing[-1]), "") if closing else ""
        if closing and closing[-1] and summed != "problem":
            # (a summing-up closing the section, '…不完整信息。总之,我局将…', is a statement of its own, of the kind before it;
            # after the problems it is none, _closing_frame)
            cuts.append((closing[-1], summed))
            cuts.sort()
        cuts = _closing_frame(part, cuts)
        for k, ((a, kind), (b, _)) in enumerate(zip(cuts, cuts[1:] + [(len(part), "")])):
            if kind and part[a:b].strip():
                before = next((kd for _, kd in reversed(cuts[:k]) if kd), "")  # (a dropped frame's '' skipped)
                # (after an item's own measure, '1.…不够。下一步,将…。2.…', the list's 2. goes on: an item, not text)
                resumed = (bool(k) and kind == "problem" and before == "measure") or (not k and resumed_list)
                # (so are the measures after the switch, numbered on from the problems: '1.…2.…。下一步,我们将:3.…4.…')
                resumed = resumed or (bool(k) and kind == "measure" and before == "problem"
                                      and all(kd != "problem" for _, kd in cuts[k + 1:])
                                      and _next_item(_markers(part), a) is not None)
                blocks.append(_Block(kind, part[a:b], fixed, cell=cell, resumed=resumed, cut=bool(k)))
                last_kind = kind
        cell = False  # (text after the table is no cell)
    for i, block in enumerate(blocks):
        block.order = i
    return blocks


def _closing_frame(part: str, cuts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``cuts`` with a problems' piece's closing frame cut off as no statement's (kind ``''``).

    A last sentence that only refers back to the problems as a whole (statements.yaml ``boilerplate_closing``:
    ``…形式单一。以上问题有待下一步加以改进。``) frames the list: it is no part of the last problem's text.  So does
    one summing them up (``closing_summary``: ``…形式单一。总的来看,以上问题…。``, ``综上所述,…``), no problem itself.
    """
    ends = [a for a, _ in cuts[1:]] + [len(part)]
    dropped = []
    cues = _cues()
    for (a, kind), b in zip(cuts, ends):
        frame = None
        if kind == "problem":
            frame = cues["closing_summary_sentence"].search(part, a, b) or cues["closing_frame"].search(part, a, b)
        if frame and frame.start() > a and part[a:frame.start()].strip():
            dropped.append((frame.start(), ""))
    return sorted(cuts + dropped) if dropped else cuts


# --- enumeration -------------------------------------------------------------


def _markers(text: str, numbered_on: bool = False) -> tuple[tuple[int, int, int], ...]:
    """(start, end, number) of the enumeration markers at the statement level; with ``numbered_on``, ``text`` goes on
    with a list whose earlier items stand before it, so that a lone marker numbered on at its start is an item."""
    return _markers_of(text, numbered_on)


@functools.lru_cache(maxsize=256)  # (a part's markers are asked again of the block it makes: most parts make one)
def _markers_of(text: str, numbered_on: bool) -> tuple[tuple[int, int, int], ...]:
    accepted: dict[str, list[tuple[int, int, int]]] = {}
    brackets = _brackets(text)
    blank_to = len(text) - len(text.lstrip())  # (the text before a marker at or before this is blank)
    bullet = _styles()["bullet"][0]
    for style, (pattern, strict) in _styles().items():
        last = firm = 0  # the last number, and the last of a marker not followed by a digit
        written = outer = 0  # the last marker's number as written, and the last outline title's (_outline_title)
        found: list[tuple[int, int, int]] = []
        before_digit: dict[int, bool] = {}  # marker followed by a digit ('1.2020年', or a decimal '1.5万') -> unit
        for m in pattern.finditer(text):
            start = m.start()
            k = start
            while k and text[k - 1] == " ":  # '1.…; 2.…' copied with a space after the ';'
                k -= 1
            b = len(text[:k].rstrip())  # (a space copied after the bullet may stand as its line's break: '●' / '(1)…')
            set_off = bool(b) and style != "bullet" and bullet.match(text, b - 1) is not None
            if set_off:
                # (a bullet setting off a numbered marker, '…问题。●一是…;二是…': part of that marker, no list's own)
                k = start = b - 1
                while k and text[k - 1] == " ":
                    k -= 1
            # (a bullet glued after a word sets the marker off as a stop would: '…存在一些问题●一是…。二是…')
            prev = "\n" if set_off or not k else text[k - 1]
            # (一是 also right after 将 or the agency: '我局将一是…;二是…', '我局一是…;二是…'; the agency sought in the
            # few characters before: searched from the text's start, a long list took time quadratic in its items)
            glued = None
            if not (prev in _BOUNDARY or (prev == "," and style in _words_in_sentence())
                    or (style in _AFTER_COMMA and (
                    prev == "," or text.endswith(_intent_words(), 0, k)
                    or _intent_subject().search(text, max(k - 8, 0), k)))
                    or (style in _AFTER_INTENT and text.endswith(_intent_words(), 0, k))):
                glued = _glued_start(style, m, found, last, k)
                if glued is None:
                    continue
                start = glued
            # (a list's marker misnumbered after a firm one only: after a decimal taken for an item, '1.…。2.5万人次…。2.…',
            # the real 2. takes its place, below)
            n = last + 1 if glued is not None else _numbered_on(style, _marker_number(style, m, found), last, found,
                                                                m if last == firm else None)
            outline = (written, outer)
            if glued is None and style in _OUTLINED:
                n, outline = _outline_number(style, m, n, (last, written, outer), found)
            # a list inside brackets is an item's detail; a bracket left open hides no next item of the list
            if brackets[start] == _CLOSED or (brackets[start] == _LEFT_OPEN and n != last + 1):
                continue
            # a list at the start of a part may go on from the one before it (Word counts on through a
            # sub-heading: problems 1.-4., (二)改进措施, measures 5.-8.), if its next item follows
            # (or, with numbered_on, after a lead-in sentence: '改进措施:我局将继续努力。3.…4.…')
            # (or after a colon lead-in alone before it: '(二)改进措施' / '下一步,我们将:3.…4.…')
            opens = not found and n > 1 and (start <= blank_to or numbered_on or _after_lead_in_alone(text, k, blank_to))
            # (a decimal taken for the next item, '1.…。2.5万人次…。2.…', leaves the real 2. its place)
            if n < 1 or (strict and not (n == 1 or n == last + 1 or n == firm + 1 or opens)):
                continue
            found.append((start, m.end(), n))
            last = n
            written, outer = outline
            if m.groupdict().get("d") is not None:
                # (a decimal is typed with '.', never '、': '1、5万元…' then '2、10万元…' is a list)
                before_digit[start] = m["unit"] is not None and text[m.end() - 1] == "."
            else:
                firm = n
        if before_digit:
            found = _confirmed(found, before_digit, text)
        if style.startswith("words"):
            found = _word_list(style, found, text)
        if found and found[0][2] > 1 and strict and len(found) < 2 and not numbered_on:
            found = []  # a lone '5.' at a part's start is no list
        # (a lone marker at the part's start followed by a label saying its item's kind, '第二,改进措施:…', is an item's:
        # the part was cut there from the list's other items, the measures' label switching to them)
        if found and not ((style in _NEEDS_SECOND or style.startswith("words")) and len(found) < 2
                          and not (found[0][0] <= blank_to and _labelled(text, found[0][1]))):
            accepted[style] = found
    if not accepted:
        return ()
    # the style that occurs first is the statement level; not a lone marker numbered on from an earlier part (a list
    # of one item, '(六)存在的主要问题及改进情况' / '一是…;二是…') where another style makes a list; a lone 二是 is the
    # second item of a list whose first is written without its marker ('存在问题:…不够及时。二是…', _unmarked_first_item),
    # so only after some text (at a part's start, '(二)下一步,我局将…:一是…', it is a number alone, as (六) is)
    lists = {s: found for s, found in accepted.items()
             if len(found) > 1 or found[0][2] == 1 or (found[0][2] == 2 and found[0][0] > blank_to)
             or (numbered_on and found[0][0] <= blank_to)} or accepted
    style = min(lists, key=lambda s: lists[s][0][0])
    return tuple(_numbered_on_in_other_styles(text, lists[style], accepted))


_ITEM_OPENS = tuple("。;!?\n")  # (the ends after which a marker of another style numbering on opens an item)


def _numbered_on_in_other_styles(text: str, found: list[tuple[int, int, int]],
                                 accepted: dict[str, list[tuple[int, int, int]]]) -> list[tuple[int, int, int]]:
    """``found``, the statement level's markers, with the markers of another style of ``accepted`` that number its list
    on after its last item, opening a sentence or a line (``一是…。二是…。`` / ``(三)…`` / ``(四)…``, or the reverse):
    each opens a statement, as the items written in one style do.  A list of another style that does not number on
    (``二是…:(1)…;(2)…``), or that opened before (``1.…`` / ``下一步,…:一是…;二是…``, a list of its own), stays as it
    was; so does a lone marker (``(二)`` / ``下一步,…一是…``: a number of its own, numbered on from an earlier part)."""
    out = list(found)
    while len(out) > 1:
        _, end, last = out[-1]
        # (the other style's first marker: one numbered on inside a list of its own is that list's)
        on = next((style for style, markers in accepted.items() for start, _, n in markers[:1]
                   if start >= end and n == last + 1 and text[:start].rstrip(" ").endswith(_ITEM_OPENS)), None)
        if on is None:
            return out
        out.append(accepted[on][0])
        for marker in accepted[on][1:]:
            if marker[2] != out[-1][2] + 1:
                break
            out.append(marker)
    return out


_OUTLINED = _MISNUMBERED + _MISNUMBERED_BARE  # the styles numbering both a list's titles and their details
_TITLE_END = re.compile("[。!?:\n]")  # where an outline's title ends (its stop, its colon, its line)


def _outline_number(style: str, match: re.Match[str], n: int, numbers: tuple[int, int, int],
                    found: list[tuple[int, int, int]]) -> tuple[int, tuple[int, int]]:
    """The number of the marker ``match`` (``n`` as numbered so far) in an outline numbering titles and their details
    alike (``1.标题。1.…2.…2.标题。1.…``), with the outline's numbers after it: the titles (numbered on from the last
    title's, ``outer``) and their details (each from 1, on from the last detail's, ``written``; 0 after a title)
    number on the list, as the first title's repeated 1. does; ``numbers`` are the list's last number, ``written`` and
    ``outer`` (0: no outline)."""
    last, written, outer = numbers
    number = _marker_number(style, match, found)
    if _outline_title(style, match, found):
        if number == 1:
            return n, (0, 1)
        if outer and number == outer + 1:
            return last + 1, (0, number)
    if outer and number == written + 1:
        return last + 1, (number, outer)  # (a title's next detail)
    return n, (number, outer)


def _outline_title(style: str, match: re.Match[str], found: list[tuple[int, int, int]]) -> bool:
    """Whether the marker ``match`` numbers a short title (:func:`_is_title`) ending at its stop, colon or line, with
    the details under it numbered from 1 right after it in the same style (``1.强化队伍建设。1.…``)."""
    text = match.string
    stop = _TITLE_END.search(text, match.end())
    if stop is None or not _is_title(text[match.end():stop.start()].strip()):
        return False
    after = len(text) - len(text[stop.end():].lstrip())
    detail = _styles()[style][0].match(text, after)
    return detail is not None and _marker_number(style, detail, found) == 1


def _glued_start(style: str, match: re.Match[str], found: list[tuple[int, int, int]], last: int,
                 k: int) -> int | None:
    """Where the marker ``match``, glued to the text of the list's last item, starts as that list's next item (None
    where it is none): a bracketed number numbering on, not a reference's ('第(2)项'); a 2. or 2) numbering on after
    a Chinese character, not a number's ('共1.5万条', '第2项'); a Chinese numeral's 是 whose
    numeral ends in the next number, which alone is the marker (the word before may end in a numeral: '单一三是'); an
    order word numbering on after a word's character ('…不够及时其次,': statements.yaml ``sequence_words_in_sentence``);
    ``k`` is where the marker's text starts, before the spaces ahead of it."""
    text = match.string
    if style in _words_in_sentence() and found:
        # (an order word after the first, numbering on the open list, after a word's character: '…不够及时其次,')
        numbered_on = _marker_number(style, match, found) == last + 1
        return match.start() if numbered_on and _GLUED_AFTER.match(text, k - 1) else None
    if style not in _GLUED_NEXT or not found:
        return None
    glued = _numbered_on(style, _marker_number(style, match, found), last, found) == last + 1
    if style in ("paren_num", "paren_cn"):
        return match.start() if glued and not _reference_number(text, k, match.end()) else None
    if style == "bullet":
        same = text[found[-1][0]] == match.group()  # (the list's own bullet, between two words' characters)
        between_words = same and _GLUED_AFTER.match(text, k - 1) and _HAN.match(text, match.end())
        return match.start() if between_words and not _bullets_set_apart(text, match, found) else None
    if style in ("num", "num_close"):
        # (after a word's character, not a digit's or a list's '、' ('1、2月'); before no digit: '第2.3节' is a decimal)
        after_word = _GLUED_AFTER.match(text, k - 1) is not None and not text[match.end():match.end() + 1].isdigit()
        return match.start() if glued and after_word and not _reference_number(text, k, match.end()) else None
    numeral = cn_numeral_text(last + 1) if 0 < last + 1 < 100 else ""
    if style in ("dun_cn", "di", "qi"):
        return _glued_ordinal(style, match, numeral)
    start = match.end("n") - len(numeral)
    # (not an ordinal's numeral: '…排名第三是…' after 二是 is a sentence's 第三)
    ordinal = match.string.endswith("第", 0, start)
    return start if numeral and match["n"].endswith(numeral) and not ordinal else None


_ITEM_ENDS = (";", "。")  # what ends a list's item before the next one's bullet set apart from it


def _bullets_set_apart(text: str, match: re.Match[str], found: list[tuple[int, int, int]]) -> bool:
    """Whether the open list's bullets stand apart from the items before them, after an item's ';' or '。' (a line
    break between), one of its items after the first or the next bullet after ``match``: a list so laid out lost no
    break, and its bullet between two words' characters is a masked name's (``如张●明反映的…``), no item."""
    bullet = match.group()
    first = max((i for i, (_, _, n) in enumerate(found) if n == 1), default=0)
    later = [start for start, _, _ in found[first + 1:]]
    following = text.find(bullet, match.end())
    apart = later + ([following] if following >= 0 else [])
    if any(text[at] == bullet and _after_item_end(text, at) for at in apart):
        return True
    # (a list of one item on its line: '存在不足:' / '●…,如张●明反映的…。' / '下一步,…')
    return not apart and _item_on_its_line(text, found[first][0], match.end())


def _item_on_its_line(text: str, start: int, inside: int) -> bool:
    """Whether the item whose marker starts at ``text[start]`` opens a line and ends it in an item's end
    (``_ITEM_ENDS``) after ``inside``: an item laid out on its line, which lost no break."""
    end = text.find("\n", inside)
    line_end = (text[inside:] if end < 0 else text[inside:end]).rstrip()
    opens = not text[:start].strip(" \t") or text[:start].rstrip(" \t").endswith("\n")
    return opens and line_end.endswith(_ITEM_ENDS)


def _after_item_end(text: str, at: int) -> bool:
    """Whether ``text[at]`` follows an item's end (``_ITEM_ENDS``), white space between."""
    while at and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] in _ITEM_ENDS


def _glued_ordinal(style: str, match: re.Match[str], numeral: str) -> int | None:
    """Where a 二、, a 第二, or a 其二, (``style`` dun_cn, di or qi) glued after a Chinese character or after a comma
    starts as the list's next item, numbered ``numeral`` (None where it is none): the numeral alone for 二、 ('…单一二、'), not a
    sentence's ordinal ('第二、三批', '排名全市第二,': statements.yaml ``glued_marker_ordinal``) nor a number's run ('二、三季度'),
    and only where no later item restates the number after a boundary ('第一,…排名第二,…。第二,…': that one is the item)."""
    text = match.string
    start = match.end("n") - len(numeral) if style == "dun_cn" else match.start()
    if not numeral or not match["n"].endswith(numeral) or (style != "dun_cn" and match["n"] != numeral):
        return None
    spec = _spec()["glued_marker_ordinal"]
    if (style == "dun_cn" and text.endswith("第", 0, start)) or re.search(spec["after"], text[max(start - 4, 0):start]) \
            or re.match(spec["before"], text[match.end():match.end() + 1]) \
            or not (_GLUED_AFTER.match(text, start - 1) or _after_comma(text, start)):
        return None
    pattern = _MARKERS[style][0]
    restated = any(text[later.start() - 1] in _BOUNDARY and later["n"] == numeral
                   for later in pattern.finditer(text, match.end()))
    return None if restated else start


def _after_comma(text: str, at: int) -> bool:
    """Whether a comma stands before ``at``, spaces between; scanned back in place, as a copy of the text before each
    marker would grow with the square of a long section's markers."""
    while at and text[at - 1] == " ":
        at -= 1
    return text.endswith(",", 0, at)


def _numbered_on(style: str, n: int, last: int, found: list[tuple[int, int, int]],
                 bare: re.Match[str] | None = None) -> int:
    """The number ``n`` of a marker of ``style``, or the next one of the list open (``found``, ``last`` its last number)
    where the marker repeats the last item's number or skips one in a style whose numbers are no word's (``①…②…②…④``,
    ``①…③…④``: each its item, numbered on), or in a 1. 2. or 一、 二、 list where the marker ``bare`` stands after a
    boundary and before no digit nor numeral (``1.…。2.…。2.…。4.…``, ``一、…;三、…;三、…``; not ``1.5万``, ``2.1日``,
    ``三、四月份``: statements.yaml ``glued_marker_ordinal``'s ``before``); a
    repeated or skipped marker with no list open is none (``…详见③``)."""
    misnumbered = style in _MISNUMBERED or (style in _MISNUMBERED_BARE and bare is not None and not re.match(
        _spec()["glued_marker_ordinal"]["before"], bare.string[bare.end():bare.end() + 1]))
    if misnumbered and found and n in (last, last + 2):
        return last + 1
    return n


def _reference_number(text: str, start: int, end: int) -> bool:
    """Whether the bracketed number ``text[start:end]``, glued to the text before it, is a reference's number
    (statements.yaml ``glued_marker_reference``: '第(2)项', '附件(2)'), no list's item."""
    spec = _spec()["glued_marker_reference"]
    return bool(re.search(spec["after"], text[max(start - 4, 0):start]) or re.match(spec["before"], text[end:end + 1]))


def _labelled(text: str, end: int) -> bool:
    """Whether a label saying an item's kind (statements.yaml ``subheadings``, ``item_labels``) and its colon follow the
    marker ending at ``end`` in ``text`` (``第二,改进措施:…``)."""
    return _cues()["label_after_marker"].match(text, _SPACES.match(text, end).end()) is not None  # type: ignore[union-attr]


def _before_labelled_item(text: str, after: str) -> tuple[tuple[int, int, int], ...]:
    """The markers of ``text`` where the block ``after`` it, cut from the same part at a label after its lone marker
    (``第一,信息更新不及时。`` / ``第二,改进措施:…``), opens with the next item of a list whose first marker opens ``text``:
    that lone marker (of a style needing a second item, so none in ``text`` alone) is the first item's; else ()."""
    following = _markers(after)
    blank = len(after) - len(after.lstrip())
    if len(following) != 1 or following[0][0] > blank or not _labelled(after, following[0][1]):
        return ()  # (cheap: the block after it opens with no labelled item)
    joined = _markers(text + after)
    if not joined or joined[0][0] > len(text) - len(text.lstrip()) or (len(text) + following[0][0], ) != tuple(
            m[0] for m in joined if m[0] >= len(text)):
        return ()
    return tuple(m for m in joined if m[0] < len(text))


def _after_lead_in_alone(text: str, end: int, blank_to: int) -> bool:
    """Whether ``text`` from ``blank_to`` to ``end`` (a marker's start) is a lead-in alone (maybe on its own line): one
    sentence ending in a colon, or in 。 where it announces the list or switches to the measures (``…重点做好以下工作。``,
    ``下一步,我局将加强改进。``)."""
    before = text[blank_to:end].rstrip()
    return (before.endswith((":", "。")) and not _SENTENCE_STOP.search(before, 0, len(before) - 1)
            and ":" not in before[:-1]
            and (before[-1] == ":" or _matches(before, "announces_list") or _is_switch(before, 0)))


_CLOSED, _LEFT_OPEN = 1, 2  # where a character stands (_brackets): in closed brackets, in a bracket left open
_CLOSED_RUN, _LEFT_OPEN_RUN = bytes([_CLOSED]), bytes([_LEFT_OPEN])
_BRACKET_OR_END = re.compile(f"[{re.escape(''.join(sorted(_OPENING | _CLOSING | _SENTENCE_END)))}]")
_ITEM_SEPARATOR = re.compile("[;:]")  # where a bracket left open ends


def _brackets(text: str) -> bytes:
    """Where each character of ``text`` stands: 0 outside brackets, ``_CLOSED`` inside brackets closed in its
    sentence, ``_LEFT_OPEN`` after a bracket left open in it.

    A list inside brackets is an item's own detail, not items: ``一是栏目更新不及时(一是政策文件栏目,二是
    通知公告栏目);二是…``.  A bracket left open ends at the next ';' or ':' (which separate a list's items or
    lead it in) or at the sentence's end, so that a typo cannot hide the items after it
    (``一是公开意识不强(如…理解不深;二是队伍薄弱。``, ``还存在一些不足(主要表现为:一是…;二是…。``).
    One pass over the text (a long list without a sentence end is no longer quadratic).
    """
    marks = bytearray(len(text))
    start = 0
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []

    def close(end: int) -> None:
        done = start
        for opened in stack:  # left open: up to the next ';' or ':'
            stop = _ITEM_SEPARATOR.search(text, max(opened, done), end)
            cut = end if stop is None else stop.start()
            first = max(opened + 1, done)
            if cut > first:
                marks[first:cut] = _LEFT_OPEN_RUN * (cut - first)
            done = max(done, cut)
        covered = -1
        for opened, closed in sorted(pairs):
            if closed > covered:  # (not a pair inside one marked: each character once)
                marks[opened + 1:closed] = _CLOSED_RUN * (closed - opened - 1)
                covered = closed

    # (only the brackets and the sentences' ends are visited: a text is mostly neither)
    for found in _BRACKET_OR_END.finditer(text):
        i = found.start()
        ch = text[i]
        if ch in _SENTENCE_END:
            if stack or pairs:
                close(i)
                stack, pairs = [], []
            start = i + 1
        elif ch in _OPENING:
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
    if stack or pairs:
        close(len(text))
    return bytes(marks)


def _word_list(style: str, found: list[tuple[int, int, int]], text: str) -> list[tuple[int, int, int]]:
    """``found`` (markers in order words) where it is a list, else none.

    Order words are also a speech's: ``首先,要感谢…;最后,我们将继续努力`` is no list.  A list needs two of
    its opening words (首先 and 其次), or one after a colon lead-in (``主要有:首先,…;最后,…``); its closing
    word is no item before a remark (``最后,要说明的是,…``: statements.yaml ``sequence_remarks``).
    """
    seq = _sequence_words()[int(style.removeprefix("words"))]
    remark = re.compile("|".join(_spec()["sequence_remarks"]))
    if found and text[found[-1][0]:found[-1][1]] == seq[-1] and remark.match(text, found[-1][1] + 1):
        found = found[:-1]
    opening = sum(text[a:b] != seq[-1] for a, b, _ in found)
    after_colon = bool(found) and text[: found[0][0]].rstrip(" \n").endswith(":")
    return found if opening >= min(2, len(seq) - 1) or after_colon else []


def _confirmed(found: list[tuple[int, int, int]], before_digit: dict[int, bool],
               text: str) -> list[tuple[int, int, int]]:
    """``found`` without the markers followed by a digit that no neighbour in the sequence confirms.

    ``1.2020年…`` is an item where ``2.`` follows it (or ``1.`` precedes a ``2.12345…``); a lone
    ``1.5万`` at a sentence start is a decimal, and so is one next to the item of its own number
    (``1.访问量下降。1.5万人次…。2.…``) and one after the last item that reads as a decimal with
    its unit (``…2.解读形式单一。3.5%的信息…``; not one typed ``、``, never a decimal's: ``1、5万元…。2、10万元…`` is a
    list), or one typed otherwise than its neighbour
    (``2.解读形式单一。3、4月份…``).
    """
    kept = []
    for k, (start, end, n) in enumerate(found):
        if start not in before_digit:
            kept.append((start, end, n))
            continue
        prev = found[k - 1][2] if k > 0 else None
        after = found[k + 1][2] if k + 1 < len(found) else None
        # (the neighbour is typed as this one is: '2.…' then '3、4月份…' is March and April, not item 3)
        same_prev = k > 0 and text[found[k - 1][1] - 1] == text[end - 1]
        same_after = k + 1 < len(found) and text[found[k + 1][1] - 1] == text[end - 1]
        if n in (prev, after) or not ((after == n + 1 and same_after)
                                      or (prev == n - 1 and same_prev and not before_digit[start])):
            continue
        kept.append((start, end, n))
    return kept


def _clean(text: str) -> str:
    if "\n" in text.strip(_TRIM_END):
        text = _BREAK_IN_ITEM.sub(_sub_item_break, text.strip(_TRIM_END))
    text = text.replace("\n", "").strip(_TRIM_END).lstrip(_TRIM_START).rstrip(_STATEMENT_END)
    # (a footnote mark after the statement's stop or before it, '…及时。[1]' / '…及时[1]。', as a superscript one is dropped)
    text = _footnote_mark().sub("", text).rstrip(_STATEMENT_END)
    text = _TRAILING_DOTS.sub("", text).rstrip(_STATEMENT_END)  # ('…引向深入。.', '…引向深入.;')
    return "" if _PUNCT_ONLY.match(text) else text


def _sub_item_break(match: re.Match[str]) -> str:
    """A ';' for a line break after a line ending in no stop before a line opening with a list's marker (``…不够`` /
    ``(2)…``, a statement's sub-items each on its line): the lines are no PDF's wrap, so not one run; a '。' before a
    lead-in alone on its line (``…双提升`` / ``具体如下:``); else the break as it was (left out with the others).  A
    lowercase letter (``a.``/``b.``) marks such a sub-item too."""
    after = match.string[match.end():]
    marker = any(pattern.match(after) for pattern, _ in _styles().values())
    if marker or _sub_letter_after(match.string[:match.start()], after):
        return ";"
    # (a lead-in alone on its line, '…双提升' / '具体如下:' / '(1)…', opens a sentence of its own: _wrapped)
    return "。" if _cues()["announcing_line"].match(after.split("\n", 1)[0].rstrip()) else match[0]


def _sub_letter_after(previous: str, line: str) -> bool:
    """Whether ``line`` opens with a sub-item's lowercase letter (``a.``) after ``previous`` ending in a Han
    character: not a Latin word's wrap (a pinyin note broken as '(lǐn' / 'g)', 'e.g.')."""
    return bool(previous) and bool(_HAN.match(previous[-1])) and bool(_SUB_LETTER.match(line))


@functools.lru_cache(maxsize=1)
def _footnote_mark() -> re.Pattern[str]:
    """A footnote mark ending a statement (statements.yaml ``footnote_mark``: '[1]', '*', '※')."""
    return re.compile(_spec()["footnote_mark"])


def _split_lead_in(item: str) -> tuple[str, str]:
    """An item's text without a last sentence that ends in a colon, and that sentence.

    Such a sentence announces what follows the item, not the item itself: in
    ``二是完善制度。同时,我局将重点做好以下工作:一是…`` it leads in the next list (it was glued
    to 完善制度).  An item that is a colon sentence alone (``二是存在以下问题:``) keeps it.
    """
    if not _clean(item).endswith(":"):
        return _clean(item), ""
    item = item.strip()
    # (a stop inside an aside's brackets ends no sentence: '二是完善制度(如网站;微信),具体如下:' is one; nor does a line
    # break, but the colon sentence's own line starts after it: '…实现双提升' / '强化平台管理:' keeps 实现双提升)
    cut = max(_unbracketed(item, "".join(_SENTENCE_STOPS)) + [item.rfind("\n")], default=-1)
    if cut < 0:
        return _clean(item), ""
    return _clean(item[: cut + 1]), _clean(item[cut + 1 :])


_SENTENCE_PIECE = re.compile(r"[^。!?:\n]*(?:[。!?:]+|\n|$)")


def _sentence_pieces(text: str) -> list[str]:
    """``text`` cut after each 。!? or colon and line break (blank pieces kept), not after a colon inside closed
    brackets: an aside's colon (``…有待提升【如:网站;微信】``) leads in no sentence."""
    pieces = _SENTENCE_PIECE.findall(text)
    if ":" not in text:
        return pieces
    colons = set(_unbracketed(text, ":"))
    out: list[str] = []
    end = 0
    glue = False
    for piece in pieces:
        if glue:
            out[-1] += piece
        else:
            out.append(piece)
        end += len(piece)
        glue = piece.endswith(":") and end - 1 not in colons
    return out


def _split_sentences(text: str) -> list[str]:
    """Sentences ending in 。!? or a colon (a lead-in)."""
    return [s for s in _sentence_pieces(text) if s.strip()]


@dataclass
class _Found:
    statements: list[tuple[tuple[int, int], str, str]] = field(default_factory=list)
    dropped: list[tuple[tuple[int, int], str, str]] = field(default_factory=list)


def _plain(block: _Block, out: _Found, paragraphs: bool = False) -> None:
    """A block without enumeration: opening frame sentences dropped, split at ';' (a table cell under a column's
    name is neither framed nor split); with ``paragraphs`` (its line breaks are no PDF's wraps), also between its lines
    where each ends a sentence (:func:`_paragraphs`)."""
    sentences = _split_sentences(block.text)
    n_intro = 0
    listed = ""  # (the items after a framing clause ended by ';' in its sentence: '…但也存在一些不足;信息更新不及时;…')
    # (a cell under a column's name is one row's item, no sentence framing the section: '…有细节错误等问题')
    for sentence in () if block.cell else sentences:
        core = sentence.replace("\n", "").strip()
        if not _matches(core, "intro"):
            break
        n_intro += 1
        # (a framing clause ended by ';' before items that frame nothing: '…取得了一定成效,但也存在一些不足;信息更新不及时;
        # 解读形式单一。' (they were one statement with it), not clauses framing on, '…取得了一定成效,但…还有很大的作为空间;
        # 与…相比,还存在一些差距;…')
        first, semicolon, after = core.partition(";")
        if (semicolon and _matches(first, "intro")
                and not any(_matches(piece, "intro") for piece in after.split(";") if _clean(piece))):
            sentences[n_intro - 1] = first + semicolon
            listed = after
            break
    intro = _clean("".join(sentences[:n_intro]))
    rest = listed + "".join(sentences[n_intro:])
    if intro:
        # (a measures' lead-in announcing the list with 如下 is an intro sentence, '下一步,我们将加强培训,具体措施如下:':
        # the measure it says before announcing the list is one, as before a lead-in announcing it otherwise)
        said = _said_before_lead_in(intro) if block.kind == "measure" and intro.endswith(":") else ""
        if said:
            out.statements.append(((block.order, 0), block.kind, said))
        out.dropped.append(((block.order, 0), block.kind, _clean(intro.replace(said, "", 1)) if said else intro))
    if rest.rstrip().endswith(":"):
        # (a sentence ending the block in a colon leads in what follows it: '下一步,我局将采取以下措施:' / '措施一:…')
        *said, lead = _split_sentences(rest)
        out.dropped.append(((block.order, 0), block.kind, _clean(lead)))
        rest = "".join(said)
    # (a cell under a column's name is one row's item, as an enumerated item is: its ';' joins clauses of one
    # statement, seed 003's '…比较多;注重结果公开,忽略了过程公开;…')
    pieces = [p for p in ([rest] if block.cell else _semicolon_split(rest)) if _clean(p)]
    # (paragraphs each ending a sentence, '加强培训。定期组织…。' / '完善机制。建立…。', are statements of their own)
    kept = (_paragraphs(block.text, sentences[n_intro:], block.kind == "measure")
            if paragraphs and not (block.cell or listed) and "\n" in block.text.strip() else None)
    if not (kept or block.cell or listed):
        # (paragraphs glued without their line breaks, each titled before a colon: '…:改进工作作风:加强…。完善整改机制:…';
        # else the block as one paragraph, titled so alone: '加强培训:组织…;开展…。')
        kept = _glued_titled(sentences[n_intro:], block.kind == "measure") or [rest]
    n_first = 0  # (the statements of the first paragraph, where there are paragraphs)
    if kept:
        grouped = [[p for p in para if _clean(p)] for para in _titled_pieces(kept)]
        pieces, n_first = [p for para in grouped for p in para], len(grouped[0]) if len(grouped) > 1 else 0
    # (a titled paragraph alone holds its details' ';': its lead-in as a list's, '下一步,…以下工作。加强培训:组织…;开展…')
    # (so does a title only naming the problems' kind before one problem: '工作中的不足:…。', as '存在问题:…。')
    listing = (len(pieces) > 1 or (len(pieces) == 1 and len(_semicolon_split(pieces[0])) > 1)
               or (len(pieces) == 1 and _names_only_the_problems(pieces[0].partition(":")[0].strip())))
    lead, first = _unmarked_lead_in(pieces[0], block.kind == "measure") if listing else ("", "")
    lead, first = _title_with_its_text(lead, first, pieces[1:])
    if _clean(first):
        pieces[0] = first
        # (a measure said in the lead-in, '下一步,我们将加强培训,从以下方面改进。加强…;完善…', is one of its own)
        said = (_said_before_lead_in(lead) or _switch_said(lead)) if block.kind == "measure" else ""
        if said:
            out.statements.append(((block.order, 0), block.kind, said))
        out.dropped.append(((block.order, 0), block.kind, _clean(lead.replace(said, "", 1) if said else lead)))
    # (a paragraph admitting a shortcoming of its own before paragraphs of measures, '部分科室…重视不够。' / '加强培训:…',
    # is a problem, as the sentence before a numbered list of measures is: :func:`_enumerated`)
    admitted = (block.kind == "measure" and 0 < n_first < len(pieces) and not _clean(first)
                and all(map(_admits_own, pieces[:n_first])) and not any(map(_admits_own, pieces[n_first:])))
    for j, piece in enumerate(pieces, start=1):
        kind = "problem" if admitted and j <= n_first else block.kind
        out.statements.append(((block.order, j), kind, _clean(piece)))


def _semicolon_split(text: str) -> list[str]:
    """``text`` split at its ';' outside closed brackets: an aside's ';' (``…不够及时(如部分科室;个别单位);…``) joins
    the aside's parts, not two statements; a bracket left open hides no ';' (:func:`_brackets`)."""
    cuts = _unbracketed(text, ";")
    return [text[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(text)])]


def _unbracketed(text: str, chars: str) -> list[int]:
    """Where ``text`` holds one of ``chars`` outside closed brackets (:func:`_brackets`), in order."""
    brackets = _brackets(text)
    return [i for i, ch in enumerate(text) if ch in chars and brackets[i] != _CLOSED]


def _paragraphs(text: str, sentences: list[str], measures: bool) -> list[str] | None:
    """``sentences``, the last of :func:`_split_sentences`' sentences of ``text``, as the paragraphs its lines hold,
    where there are two or more and each ends a sentence (in 。!?) and opens with no item's marker, else None.

    The first may be a lead-in, ending in a colon or, in a list of ``measures``, switch sentences that announce the
    list or only switch (:func:`_unmarked_lead_in`: ``下一步,我们将从以下方面改进。``): it goes with the paragraph after
    it, as the lead-in of the first item.  A marker that makes no list (a dash alone, ``——这是群众反映最多的问题。``)
    leaves the lines one statement: the line may go on the one before it.
    """
    ends = set()  # the sentences, counted from the text's end, that end a line
    count = 0
    for piece in reversed(_sentence_pieces(text)):
        if piece.strip():
            count += 1
        elif "\n" in piece:
            ends.add(count)
    out: list[str] = []
    for k, sentence in enumerate(sentences):
        if not out or len(sentences) - k in ends:
            out.append("")
        out[-1] += sentence
    out = _titles_with_their_paragraphs(out)
    if len(out) < 2 or not all(p.rstrip().endswith(_STATED_ENDS) for p in out[1:]):
        return None
    if any(pattern.match(p.lstrip()) for p in out[1:] for pattern, _ in _styles().values()):
        return None
    out = _lead_in_joined(out, measures)
    if not out[0].rstrip().endswith(_STATED_ENDS):
        return None
    return out if len(out) > 1 else None


def _lead_in_joined(paragraphs: list[str], measures: bool) -> list[str]:
    """``paragraphs`` with the first joined to the one after it while it is a lead-in: it ends in a colon, or, in a
    list of ``measures``, it is switch sentences that announce the list or only switch (:func:`_switch_lead_in`)."""
    out = list(paragraphs)
    # (a lead-in's own line: '下一步,我局将采取以下措施:' / '加强培训。…', '下一步,我们将从以下方面改进。' / '加强…')
    # (not a colon after a paragraph's title, '加强培训:定期…。' / '完善机制:建立…。': each paragraph its statement)
    while len(out) > 1 and (out[0].rstrip().endswith(":")
                            or len(_switch_lead_in(out[0] + out[1], measures)[0]) >= len(out[0])):
        out[:2] = [out[0] + out[1]]
    return out


def _glued_titled(sentences: list[str], measures: bool) -> list[str] | None:
    """``sentences`` (:func:`_split_sentences`' of a block with no line between its measures) as the paragraphs they
    are, each opening with a title before its colon after the last one's stop (``改进工作作风:加强…。完善整改机制:…``),
    where two or more do and each title is one read so on lines (:func:`_is_title`, or :func:`_title_like` where one
    is), else None.  The sentences before the first title are a paragraph of their own where they end in a stop and
    say something (``我局将建立信息发布台账。加强培训:…``), as on a line of their own (:func:`_paragraphs`); a lead-in
    (its colon, or the switch sentences of ``measures`` announcing the list: ``下一步,我局将重点做好以下工作。``) goes
    with the first titled paragraph."""
    starts = [k for k in range(len(sentences) - 1) if _opens_titled(sentences, k)]
    heads = [sentences[k].strip().removesuffix(":") for k in starts]
    if len(starts) < 2 or not any(_is_title(head) for head in heads):
        return None
    # (a title's text between it and the next title, ended by a stop: no title right after a title)
    if any(b - a < 2 or not sentences[b - 1].rstrip().endswith(_STATED_ENDS) for a, b in zip(starts, starts[1:])):
        return None
    # (before the first title a lead-in ending in its colon, or sentences ending in their stops)
    if starts[0] and not sentences[starts[0] - 1].rstrip().endswith(_STATED_ENDS + (":",)):
        return None
    cuts = [0] + starts + [len(sentences)]
    return _lead_in_joined([p for p in ("".join(sentences[a:b]) for a, b in zip(cuts, cuts[1:])) if p.strip()],
                           measures)


def _titled_pieces(paragraphs: list[str]) -> list[list[str]]:
    """``paragraphs`` (:func:`_paragraphs`, :func:`_glued_titled`) each split at its ';' (:func:`_semicolon_split`),
    but for a paragraph opening with a title before its colon where two or more do (``加强培训:组织…;开展…。`` /
    ``完善制度:修订…;建立…。``, one title at least naming a measure or admitting a shortcoming, :func:`_is_title`):
    the ';'s after its title's colon join its details, one statement as in a titled numbered item's text
    (``一是加强培训:组织…;开展…``); the text before the title (a lead-in) is split as before, its last piece going
    on into the title's."""
    titled: list[tuple[str, str]] = []  # (the text before the title, the title with its text) or ("", "")
    for para in paragraphs:
        sentences = _split_sentences(para)
        at = next((k for k in range(len(sentences)) if _opens_titled(sentences, k)), None)
        # (a title's details follow its colon: a title with nothing after it is no titled paragraph)
        rest = "".join(sentences[at:]) if at is not None else ""
        titled.append(("".join(sentences[:at]), rest) if at is not None and _clean(rest.partition(":")[2])
                      else ("", ""))
    heads = [rest.strip().partition(":")[0] for _, rest in titled if rest]
    # (a title alone, no list of titled paragraphs, opens with a measure's verb or admits a shortcoming of its own:
    # '加强培训:组织…;开展…。', '公开内容不够全面:一些栏目…;解读材料偏少。' are one statement alone as after other paragraphs,
    # where '工作中的不足:…;…', naming only the kind, leads a list in (_admitting_title); and no colon follows in its
    # text: '加强培训:组织…;开展…交流' / '完善制度:修订…' joined over a line with no stop holds a second title, no details
    # of the first)
    alone = (len(heads) == 1 and _is_title(heads[0])
             and bool(_cues()["measure_opening"].match(heads[0]) or _admitting_title(heads[0]))
             and not any(":" in rest.strip().partition(":")[2] for _, rest in titled))
    if not alone and (len(heads) < 2 or not any(_is_title(head) for head in heads)):
        return [_semicolon_split(para) for para in paragraphs]
    out: list[list[str]] = []
    for para, (before, rest) in zip(paragraphs, titled):
        if not rest:
            out.append(_semicolon_split(para))
            continue
        *pieces, last = _semicolon_split(before) if before else [""]
        out.append([*pieces, last + rest])
    return out


def _names_only_the_problems(title: str) -> bool:
    """Whether ``title``, short (a colon's lead: :func:`_title_like`), only names the problems' kind
    (statements.yaml ``area_title.problem``: ``工作中的不足``, ``政务公开方面的问题``), admitting none of its own
    (:func:`_admitting_title`): a lead-in, as the sub-heading ``存在问题`` is, never a statement's text."""
    return (_title_like(title) and bool(_cues()["area_title_kinds"]["problem"].search(title))
            and not _admitting_title(title))


def _admitting_title(title: str) -> bool:
    """Whether ``title`` admits a shortcoming of its own past the words that only name the problems' kind
    (statements.yaml ``area_title.problem``, as an area's title does): ``公开内容不够全面``, not ``工作中的不足``, which
    names none and leads a list of them in."""
    said = _cues()["area_title_kinds"]["problem"].search(title)
    return _admits_own(title[: said.start()] if said else title)


def _titles_with_their_paragraphs(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with each after the first that is a measure's title alone before its colon (``强化队伍建设:``,
    :func:`_title_line`) joined to the paragraph after it: the title over its text, as when written on one line.  Where
    two or more are such titles, each takes all the paragraphs up to the next title (its sentences each on a line of its
    own, ``强化队伍建设:`` / ``加强培训。`` / ``完善考核。`` / ``拓宽渠道:`` / …), as its text on the title's line is one
    statement; not a closing summary (``总之,…``), a statement of its own."""
    titles = {k for k, paragraph in enumerate(paragraphs)
              if _title_line(paragraph.strip()) and not paragraph.strip().partition(":")[2]}
    closing = _cues()["closing_summary"]
    out: list[str] = []
    under = False  # (after a title, where two or more are)
    for k, paragraph in enumerate(paragraphs):
        under = under and not closing.match(paragraph.lstrip())
        if out and ((k > 1 and k - 1 in titles) or (under and k not in titles)):
            out[-1] += paragraph
        else:
            out.append(paragraph)
        under = under or (k in titles and len(titles) > 1)
    return out


def _unmarked_lead_in(piece: str, measures: bool) -> tuple[str, str]:
    """The lead-in of a list without enumeration split at ';' and its first item, both in ``piece``, the text before
    the first ';' (else ``("", "")``).

    The lead-in ends in a colon (``下一步,我局将采取以下措施:加强培训``), or, in a list of ``measures``, is the switch
    sentences that open the piece and end in 。, up to the last that announces the list or only switches (``下一步,我们将
    从以下方面改进。加强培训``, ``下一步,我局将加强改进。加强培训``: they were the first item's text); one that says a
    measure after it (``针对…的问题,我局将加强巡查。…``) may be the first item's own first sentence.
    """
    # (a colon inside an aside's brackets leads in nothing: '…有待提升【如:网站;微信】;…' is one item)
    colons = _unbracketed(piece, ":") if ":" in piece else []
    if colons:
        return piece[: colons[-1] + 1], piece[colons[-1] + 1 :]
    return _switch_lead_in(piece, measures)


def _title_with_its_text(lead: str, first: str, others: Sequence[str] = ()) -> tuple[str, str]:
    """``lead`` and ``first`` (:func:`_unmarked_lead_in`) with the lead's last sentence moved to ``first`` where it is
    the first statement's title before its colon (``加强培训:定期组织…。`` / ``完善机制:…``: a short title naming a
    measure or admitting a shortcoming, :func:`_is_title`), no lead-in: kept with its text as the others' are.  So is
    a title on its own line that names neither where the ``others`` statements are all titled so
    (``改进工作作风:加强…。`` / ``完善整改机制:…。``: :func:`_titled_as_others`).  A title only naming the problems'
    kind (``工作中的不足:…;…``, :func:`_admitting_title`) stays the lead-in, as a sub-heading (``存在问题:…;…``) is."""
    sentences = _split_sentences(lead) if lead.endswith(":") else []
    title = sentences[-1].strip().removesuffix(":") if sentences else ""
    if _names_only_the_problems(title):
        return lead, first
    if not (_is_title(title) or _titled_as_others(lead.removesuffix(sentences[-1] if sentences else ""), title,
                                                  others)):
        return lead, first
    return "".join(sentences[:-1]), sentences[-1].lstrip() + first


def _titled_as_others(before: str, title: str, others: Sequence[str]) -> bool:
    """Whether ``title``, a short colon title opening a sentence (``before`` it: the text up to it), heads the first of
    paragraphs that each open with a colon title (``others``, one at least naming a measure or admitting a
    shortcoming: :func:`_is_title`), not a lead-in (the agency's will, a switch, a list announced: ``具体措施如下``)."""
    if not others or before.strip() and not before.rstrip().endswith(_STATED_ENDS + (":",)):
        return False
    heads = [p.strip().partition(":") for p in others]
    if not all(colon and _title_like(head) for head, colon, _ in heads) or not any(_is_title(h) for h, _, _ in heads):
        return False
    return _title_like(title)


def _paragraph_title(sentence: str) -> str:
    """The title of a titled paragraph where ``sentence`` (one of :func:`_split_sentences`') is one before its colon
    (``加强培训:``, ``完善整改机制:``: :func:`_title_like`), else ''.  The one rule for a paragraph's title, whether its
    paragraphs are a list of their own (:func:`_titled_pieces`) or go on after a titled list's details
    (:func:`_titled_paragraphs`): where two or more are, one at least must name a measure or admit a shortcoming
    (:func:`_is_title`)."""
    title = sentence.strip().removesuffix(":")
    return title if sentence.rstrip().endswith(":") and _title_like(title) else ""


def _opens_titled(sentences: list[str], k: int) -> bool:
    """Whether sentence ``k`` of ``sentences`` opens a titled paragraph: a title before its colon
    (:func:`_paragraph_title`) first, or after a sentence's stop or a lead-in's colon."""
    return bool(_paragraph_title(sentences[k])) and (not k or sentences[k - 1].rstrip().endswith(_STATED_ENDS + (":",)))


def _title_like(title: str) -> bool:
    """Whether ``title`` is short (at most ``_TITLE_LENGTH`` characters) with no sentence mark and leads nothing in:
    not the agency's will (将), a switch (下一步), a sub-heading (``改进措施``) nor a list announced or a frame
    (statements.yaml ``announces_list``, ``boilerplate_intro``; a lead-in's word inside it, ``改进工作作风``,
    ``完善整改机制``, may name a measure)."""
    if not 0 < len(title) <= _TITLE_LENGTH or _SENTENCE_MARKS.search(title) or "将" in title:
        return False
    return not (_is_switch(title, 0) or _opens_with_heading(title + ":", _cues())
                or any(_matches(title, cue) for cue in ("announces_list", "intro")))


def _switch_lead_in(piece: str, measures: bool) -> tuple[str, str]:
    """The switch sentences leading in a list of ``measures`` in ``piece`` and the text after them, as
    :func:`_unmarked_lead_in` reads them (else ``("", "")``)."""
    sentences = _split_sentences(piece) if measures else ()
    if len(sentences) < 2 or not _is_switch(sentences[0].lstrip(_TRIM_START), 0):
        return "", ""  # (cheap: most first items are one sentence)
    end = 0
    # (of the switch or announcing sentences opening it, up to the last that says no measure: '针对上述问题,我局将加强培训。
    # 下一步,我们将从以下方面改进。' leads in, '针对…的问题,我局将加强巡查。' or '下阶段,我局将进一步完善…。' after it may be the
    # first item's own first sentence)
    for k, sentence in enumerate(sentences[:-1], start=1):
        announces = _matches(sentence, "announces_list")
        if not (announces or _is_switch(sentence.lstrip(_TRIM_START), 0)):
            break
        if announces or not _names_own_measure(_clean(sentence)):
            end = k
    return ("".join(sentences[:end]), "".join(sentences[end:])) if end else ("", "")


def _admits_own(item: str) -> bool:
    """Whether an item admits a shortcoming past the words that open it as a switch does: a measure naming the problem
    it mends ('针对信息更新不及时的问题,我局将加强巡查', statements.yaml ``switch_to_measure``) admits none of its own."""
    if not _has(item, "problem_cues"):
        return False
    # (the switch patterns are anchored: cheap, and asked only of an item holding a problem cue)
    switch = next((m for m in map(lambda p: p.match(item), _cues()["switch"]) if m), None)
    return switch is None or _has(item[switch.end():], "problem_cues")


def _vote(items: list[str]) -> str | None:
    """'measure' for a list none of whose items admits a shortcoming (:func:`_admits_own`), else None."""
    if any(_admits_own(t) for t in items):
        return None
    return "measure" if any(_has(t, "measure_cues") for t in items) else None


def _unmarked_first_item(preamble: str) -> str:
    """The first item of a list that starts at its second marker: the text after the lead-in's colon.

    ``存在问题:信息更新不够及时。二是解读形式单一。三是…`` numbers from 二是, the first item written without its
    一是; it is no framing sentence (``…还存在一些不足``), which stays out.
    """
    return _clean("".join(_after_framing(preamble)))


def _after_framing(preamble: str) -> list[str]:
    """The sentences of the text before a list after its lead-in's colon, without the opening ones that frame the
    section (``…还存在一些不足。``)."""
    # (a stop alone is no sentence: a wrap can leave the 。 of '(一)存在问题。' at the start of the next line)
    sentences = [s for s in _split_sentences(preamble.rpartition(":")[2]) if s.strip("。!? \n")]
    while sentences and any(p.search(sentences[0].strip("。!? ")) for p in _cues()["intro"]):
        sentences.pop(0)
    return sentences


def _stated_before_list(preamble: str) -> str:
    """The sentences right before a list that state something, not lead the list in (else '').

    A lead-in ends with a colon or announces the list (``主要表现在``, ``以下``, ``如下``: statements.yaml
    ``announces_list``, ``boilerplate_intro``); a framing sentence (``…还存在一些不足。``) or the one that opens the
    measures (``下一步,我局将采取更加有力措施加以改进。``, a switch, read as the seeds' lead-ins) is none either.  A
    sentence that ends with 。 right before the list and says something else is a statement:
    ``(一)存在问题。部分栏目信息更新不够及时。一是…`` (it was dropped with the lead-in).  So is a title alone on its line
    right before the list that admits a shortcoming (``存在的主要问题`` / ``政务公开专栏更新不及时`` / ``1.…``), as it is with
    its stop.
    """
    raw = preamble.rstrip()
    if not (raw.endswith(_STATED_ENDS) or _admitting_title_line(preamble)):
        return ""
    sentences = _after_framing(raw)
    if any(_matches(s, "announces_list") or _is_switch(s, 0) for s in sentences):
        return ""
    return _clean("".join(sentences))


def _admitting_title_line(preamble: str) -> bool:
    """Whether ``preamble`` ends in a line of its own, a title with no stop nor colon (at most ``_TITLE_LENGTH``
    characters), that admits a shortcoming (``政务公开专栏更新不及时`` / ``1.…``) or names a measure (``加强平台建设`` /
    ``1.…``, measure_cues opening it): a statement headed over its details."""
    if not preamble.rstrip(" \t").endswith("\n"):
        return False
    line = preamble.rstrip().rpartition("\n")[2].strip()
    return _is_title(line) and not any(p.search(line) for p in _cues()["intro"])


def _is_title(title: str) -> bool:
    """Whether ``title`` is a short title (at most ``_TITLE_LENGTH`` characters, no sentence mark inside) that heads a
    statement: it admits a shortcoming or opens with a measure's verb (``加强平台建设``; not the agency's will,
    ``我局将…``, nor a switch, ``下一步``: lead-ins)."""
    if not 0 < len(title) <= _TITLE_LENGTH or _SENTENCE_MARKS.search(title):
        return False
    if _has(title, "problem_cues"):
        return True
    return bool(_cues()["measure_opening"].match(title)) and "将" not in title and not _is_switch(title, 0)


def _title_before_restart(raw: str, number: int, following: int | None) -> str:
    """The title alone on the last line of ``raw``, an item's text (numbered ``number``), where the list restarts at 1
    right after it (``following``) and it admits a shortcoming (:func:`_admitting_title_line`), else ''.

    ``标题A`` / ``1.…`` / ``2.…滞后。`` / ``政策解读形式单一`` / ``1.…``: the line is the next group's title, a statement
    of its own as the first group's is (:func:`_stated_before_list`), not the text of item 2 before it.
    """
    if number < 2 or following != 1:
        return ""
    if _admitting_title_line(raw):
        return raw.rstrip().rpartition("\n")[2].strip()
    return _title_sentence_at_end(raw)


def _colon_title(text: str) -> str:
    """The title ending ``text`` before a colon, alone after the last stop or line break, where it heads the details
    numbered after it (``公开意识不强:`` / ``1.…``, ``…双提升。强化队伍建设:1.…``): a statement of its own as the title
    without the colon is (:func:`_is_title`), its colon left out as that one's stop is; else ''.

    Not a lead-in, words that introduce the list (``主要存在以下问题:``, ``具体如下:``, ``下一步,我们将:``: statements.yaml
    ``announces_list``, ``boilerplate_intro``, ``measure_lead_in``), nor a sentence admitting the shortcoming it names
    (``…还存在信息更新不及时的问题:``, ``admits_shortcomings``: :func:`_admitted_problem` reads it by the list's kind).
    """
    raw = text.rstrip()
    if not raw.endswith(":"):
        return ""
    title = raw[max(map(raw[:-1].rfind, _SENTENCE_STOPS + (":", "\n"))) + 1:-1].strip()
    if not _is_title(title):
        return ""
    return "" if any(_matches(title, cues) for cues in ("announces_list", "intro", "lead_in", "admits")) else title


def _title_sentence_at_end(raw: str) -> str:
    """The last sentence of ``raw``, an item's text of several sentences, where it is a short title over the details
    after it (``…及时更新信息。强化队伍建设。`` / ``1.…``: :func:`_is_title`), else ''."""
    sentences = [s for s in _split_sentences(_clean(raw) + "。") if s.strip("。")]
    if len(sentences) < 2 or not sentences[-2].endswith("。"):
        return ""
    title = sentences[-1].strip("。 ")
    if not _is_title(title):
        return ""
    return title


def _admitted_problem(preamble: str, colon: bool = False) -> str:
    """The sentence ending ``preamble`` where it admits a shortcoming it names (``虽然取得一定成效,但仍存在信息更新不及时的
    问题。``: a problem cue between the admission's verb and its noun, statements.yaml ``admits_shortcomings``), else ''.

    Not a sentence framing the section (``…但仍存在一些不足。``, ``…还有一定差距。``) nor one leading a list in with a
    colon, unless ``colon`` (the list's items each open with a measure's verb: ``…存在信息更新不及时的问题:一是加强巡查;``).
    """
    raw = preamble.rstrip()
    if not raw.endswith(_STATED_ENDS + ((":",) if colon else ())):
        return ""
    sentence = raw[max(map(raw[:-1].rfind, _SENTENCE_STOPS + (":", "\n"))) + 1:]
    cues = _cues()
    for admission in (m.group() for p in cues["admits"] for m in p.finditer(sentence)):
        # (the verbs, 存在 还有 仍有 尚有, and the nouns, 问题 不足 差距 …, are two characters each)
        named = admission[2:-2]
        if any(cue in named and _admits(admission[2:], cue, cues["cue_qualifies"]) for cue in cues["problem_cues"]):
            return _clean(sentence.removesuffix(":"))
    return ""


def _said_before_lead_in(preamble: str) -> str:
    """The sentences of a measures' list's preamble before its lead-in that are a measure said on its own (else '').

    A lead-in that ends in a colon (or in 。 right before the list) and opens the measures itself (``下一步,我们将:``,
    ``下一步,我局将重点做好以下工作。``, a switch sentence) leads in only the list after it, and so does one that adds the list to them (``同时,我局将做好以下工作:``, statements.yaml
    ``additive_lead_in``): the sentences before it, after those that frame the section, already said a measure
    (``针对上述问题,我局将加强培训。下一步,我们将:一是…``; they were dropped with the lead-in).  Not where they
    announce the list or name no measure (:func:`_names_own_measure`), nor before a lead-in that only announces
    it (``具体措施如下:``, ``主要做好以下工作:``): there they lead it in together, unless they open with a switch sentence
    that says a measure of its own (:func:`_switch_said`: ``下一步,我们将加强业务培训。具体措施如下:``).  A lead-in
    that says a measure before its clause announcing the list (:func:`_own_measure`: ``下一步,我们将加强业务培训,主要做好以下
    工作:``) says it as such a switch sentence does.
    """
    stated = preamble.rstrip().endswith((":", "。"))
    # (a lead-in saying a measure may end at a line's end, as web text copies it: '…,重点做好以下工作' / '1.…')
    if not stated and not preamble.rstrip(" \t").endswith("\n"):
        return ""
    preamble = preamble.rstrip()
    # (a line's end is a sentence's: '针对上述问题,我局将加强培训' / '下一步,我们将:' on lines of their own)
    cut = max(map(preamble[:-1].rfind, _SENTENCE_STOPS + ("\n",)))
    before, lead = preamble[: cut + 1], preamble[cut + 1:].strip()
    cues = _cues()
    if not lead:
        return ""
    own = _own_measure(lead)
    if own:
        # (a lead-in that says a measure before announcing the list, '下一步,我们将加强业务培训,主要做好以下工作:', says it
        # as a switch sentence of its own would: its announcing clauses alone lead the list in)
        return _switch_said(before + own + "。")
    if not stated:
        return ""
    if not (cues["additive"].match(lead) or any(p.match(lead) for p in cues["switch"])):
        # (a lead-in that only announces the list, '具体措施如下:', after a switch sentence saying a measure of its own)
        return _switch_said(before) if _matches(lead, "announces_list") else ""
    said = _clean("".join(_after_framing(before)))
    # (a sentence that names no measure, '我局高度重视上述问题。', stays out as before)
    return said if _names_own_measure(said) else ""


def _own_measure(lead: str) -> str:
    """The clauses of a lead-in before the one that announces the list where they name a measure of their own
    (:func:`_names_own_measure`), else ''.

    ``下一步,我们将加强业务培训,主要做好以下工作:`` says 下一步,我们将加强业务培训 before its announcing clause; a lead-in that
    only announces the list (``主要做好以下工作:``, ``下一步,我们将重点做好以下几方面工作:``) says nothing before it.  Where the
    announcing clause names the measure itself, announced only by its colon or as its aspects (``下一步,我们将加强培训:``,
    ``下一步,我们将从以下方面加强业务培训:``), the lead-in up to it without the colon is the measure.
    """
    if not _has(lead, "measure_cues"):
        return ""  # (cheap: most lead-ins name no measure)
    start = 0
    for clause in lead.split(","):
        if _matches(clause, "announces_list"):
            # (the announcing clause may say the measure itself, announced only by its colon or as its aspects:
            # '下一步,我们将加强培训:', '下一步,我们将从以下方面加强业务培训:')
            said = _names_own_measure(clause.removesuffix(":"))
            own = lead[: start + len(clause)].removesuffix(":") if said else lead[: max(start - 1, 0)]
            return own if own and _names_own_measure(own) else ""
        start += len(clause) + 1
    return ""


def _switch_said(preamble: str) -> str:
    """The switch sentence (and those after it) ending a measures' list's preamble where it says a measure of its own
    (:func:`_names_own_measure`), else ''.

    ``下一步,我们将加强业务培训,提高工作人员能力。1.…``, also inside a list numbered on through it (``…2.更新不及时。
    下一步,我们将加强培训。3.…``) or before a restarted one (``一是…。下一步,我们将建立考核机制。一是…``): it was dropped as
    the list's lead-in.  Not one that only switches (``下一步,我局将加强改进。``) or announces the list (``…以下工作。``).
    """
    raw = preamble.rstrip()
    # (a line's end before the list's first item is a sentence's: '下一步,我们将加强培训' / '1.…' on lines of their own)
    if not raw.endswith(_STATED_ENDS) and not preamble.rstrip(" \t").endswith("\n"):
        return ""
    sentences = _after_framing(raw)
    at = next((i for i, s in enumerate(sentences) if _is_switch(s, 0)), None)
    said = "" if at is None else _clean("".join(sentences[at:]))
    return said if said and _names_own_measure(said) else ""


def _only_switches_before(block: _Block, after: list[_Block]) -> bool:
    """Whether ``block``, measures cut from the problems' part by its switch sentence, is that sentence alone leading in
    the measures under the sub-heading after it (``…查找信息。下一步,我局将采取更加强有力措施加以改进。`` / ``下一步工作计划
    如下:`` / ``一是…``): it names no measure of its own (:func:`_names_own_measure`), as such a sentence right before
    the list is no statement."""
    if not (block.cut and block.kind == "measure" and after and after[0].kind == "measure" and not after[0].cut):
        return False
    said = _clean(block.text)
    return len(_split_sentences(said)) == 1 and _is_switch(said, 0) and not _names_own_measure(said)


def _without_switch_tail(block: _Block, after: list[_Block]) -> _Block:
    """``block`` without the clause ending its last sentence that only switches to the measures under the sub-heading
    after it (``…渠道不够多元化的问题,下一步将加以改进。`` / ``下一步工作计划如下:``, also ``…的问题,我局将持续加强政府
    信息公开工作,下一步工作计划如下:``): as that clause's own sentence (:func:`_only_switches_before`) it is no statement
    (not even the framing text kept where nothing else is), where the sentence before it admits a shortcoming.  A
    clause naming a measure (``我局将加强培训``, :func:`_names_own_measure`) stays."""
    if not (block.kind == "problem" and after and after[0].kind == "measure" and not after[0].cut):
        return block
    body = block.text.rstrip().rstrip("。,;")
    start = max(body.rfind(end) for end in (*_STATED_ENDS, ";", ":")) + 1
    # (the first comma after which the sentence only switches: '…的问题,下一步,我局将采取…加以改进')
    comma = _switch_comma(body, start, lambda clause: _is_switch(_clean(clause), 0))
    if comma is None or _names_own_measure(_clean(body[comma + 1:])):
        return block
    return replace(block, text=body[:comma] + "。")


def _switch_comma(text: str, start: int, switches: Callable[[str], bool]) -> int | None:
    """The first comma of ``text`` from ``start`` (its last sentence's) after which the clause ``switches`` to the
    measures (:func:`_without_switch_tail`, :func:`_split_lead_in_after_comma`), where the text before it admits a
    shortcoming (``problem_cues``); None where there is none, or the text before it admits none."""
    for comma in (i for i in range(start, len(text)) if text[i] == ","):
        if switches(text[comma + 1:]):
            return comma if _has(text[start:comma], "problem_cues") else None
    return None


def _split_lead_in_after_comma(block: _Block) -> list[_Block]:
    """``block`` cut before a switch to the measures announcing their list after a comma in the last problem's sentence
    (``…渠道不够多元化的问题,针对上述问题,我局将采取以下措施:`` / ``一是…``): the problem, then the measures led in by
    that clause, as after the problem's own stop (``…的问题。针对上述问题,…:``); else ``[block]``."""
    marks = _markers(block.text, block.resumed) if block.kind == "problem" else []
    intro = block.text[: marks[0][0]].rstrip() if marks else ""
    if not intro.endswith(":"):
        return [block]
    start = max(intro.rfind(end) for end in (*_STATED_ENDS, ";")) + 1
    comma = _switch_comma(intro, start, lambda clause: _is_switch(clause, 0) and _matches(clause, "announces_list"))
    if comma is None:
        return [block]
    return [replace(block, text=block.text[:comma] + "。"),
            replace(block, kind="measure", fixed=True, cut=True, text=block.text[comma + 1:])]


def _names_own_measure(said: str) -> bool:
    """Whether ``said``, sentences before a list of measures, names a measure of its own, not only leads the list in.

    Some clause, not the switch's words alone (``下一步``, ``针对上述问题``), names a measure (statements.yaml
    ``measure_cues``) and does not only switch to the measures (``only_switches``: ``我局将加强改进``, ``继续做好政务公开
    工作``, ``认真落实…的部署要求``); none announces the list (``…以下工作``).
    """
    cues = _cues()
    said = cues["aspects"].sub("", said)  # (a list announced as the aspects of the measure named after it)
    if not _has(said, "measure_cues") or _matches(said, "announces_list"):
        return False  # (cheap: most lead-ins name no measure or announce the list)
    return any(_has(clause, "measure_cues") and not cues["only_switches"].search(clause)
               and not any((m := p.match(clause)) and m.end() == len(clause) for p in cues["switch"])
               for clause in _CLAUSE_STOP.split(said) if clause)


def _stated_after_list(items: list[tuple[int, str]], after: list[tuple[int, str]]) -> str:
    """The sentences at the end of a list's last item that are a statement of their own before the restarted list
    ``after`` (else ''): ``一是…不够;二是…单一。丰富公开内容。一是…``.

    Where every other item is one sentence, they are those after the last item's first one where they state something
    (:func:`_stated_before_list`) admitting no shortcoming; before a restarted list they stand as a sentence before a
    first list does.  Where the items hold several sentences (seed 003's), they are those titled as the items of
    ``after`` are (:func:`_titled_after_list`).
    """
    if len(items) < 2:
        return ""
    last = items[-1][1]
    if any(ch in _STATED_ENDS for _, t in items[:-1] for ch in t):
        return _titled_after_list(last, after)
    first = next((i for i, ch in enumerate(last) if ch in _STATED_ENDS), None)
    if first is None:
        return ""
    moved = _stated_before_list(last[first + 1:] + "。")
    return moved if moved and last.endswith(moved) and not _has(moved, "problem_cues") else ""


def _titled(item: str) -> bool:
    """Whether an item opens with a title sentence (at most ``_TITLE_LENGTH`` characters) followed by its body."""
    title, stop, body = item.partition("。")
    return bool(stop and body) and len(title) <= _TITLE_LENGTH


def _titled_after_list(last: str, after: list[tuple[int, str]]) -> str:
    """The sentences at the end of ``last``, an item of several sentences, that are a statement titled as every item
    of ``after`` is (:func:`_titled`), admitting no shortcoming, else ''.

    ``…四是工作创新能力仍需进一步增强。适应…方面存在着挑战。牢固树立以公开促城建的理念。充分认识…。一是着力提升…。``:
    the statement starts at a title sentence after the item's first one, with a body after it, where no sentence from
    it on admits a shortcoming; of several such titles the first naming a measure (``进一步提高…``, measure_cues), else
    the last (a problem's own body may hold a short sentence admitting nothing: ``部分微信公众号文章出现文字错误。``).
    """
    if not after or not all(_titled(t) for _, t in after):
        return ""
    sentences = last.split("。")
    titles = []  # the title sentences from which on nothing admits a shortcoming, the last first
    for j in range(len(sentences) - 1, 0, -1):
        if _has(sentences[j], "problem_cues"):
            break
        if j + 1 < len(sentences) and 0 < len(sentences[j]) <= _TITLE_LENGTH:
            titles.append(j)
    if not titles:
        return ""
    start = next((j for j in reversed(titles) if _has(sentences[j], "measure_cues")), titles[0])
    return "。".join(sentences[start:])


def _grouped(item: str) -> tuple[str, list[str]] | None:
    """An item that is a short title naming an area, followed by a list of its own (``(一)主动公开方面:1.…;2.…``):
    the title and the list's items, else None.

    The problems (or measures) are then grouped by area, each group's items statements; a title that admits a
    shortcoming or names a measure (``(一)公开意识不强:1.…``, ``(一)加强组织领导:1.…``) is a statement of its own
    over its details, each a statement (:func:`_titled_details`).
    """
    title = _cues()["group_title"].match(item)  # (cheap: most items open with no short title before a first item)
    if not title or _has(title["name"], "problem_cues") or _has(title["name"], "measure_cues"):
        return None
    marks = _markers(item)
    if not marks or marks[0][0] != title.end() or marks[0][2] != 1:
        return None
    stops = [m[0] for m in marks[1:]] + [len(item)]
    return title["name"], [_clean(item[end:stop]) for (_, end, _), stop in zip(marks, stops)]


def _titled_details(item: str) -> tuple[str, list[str]] | None:
    """An item that is a short title before its colon, naming a measure or admitting a shortcoming (:func:`_is_title`),
    over details numbered from 1 (``强化平台管理:`` / ``1.…`` / ``2.…``, or on the title's line, ``公开意识不强:1.…;
    2.…``): the title and the details, each a statement as under a numbered title (:func:`_outline_number`), else
    None.  The details are the report's own enumeration (``spec/codebook.md``), so laid out on lines or glued after
    the colon they are split alike."""
    title = _cues()["group_title"].match(item)
    if not title or not re.fullmatch(r"[ \t]*:\s*", item[title.end("name"):title.end()]):
        return None
    if not _is_title(title["name"]):
        return None
    marks = _markers(item)
    if not marks or marks[0][0] != title.end() or marks[0][2] != 1:
        return None
    stops = [m[0] for m in marks[1:]] + [len(item)]
    return title["name"], [_clean(item[end:stop]) for (_, end, _), stop in zip(marks, stops)]


def _lone_item_under_title(block: _Block, marks: Sequence[tuple[int, int, int]]) -> _Block | None:
    """The text after the title of ``block``, where the block is one numbered item alone, opening it, whose words
    before its colon are a sub-heading of the block's kind (``(二)改进措施:a;b。`` after ``(一)工作的不足:…``, read as
    the list's second item) or, numbered 1, only name the problems' kind (``一、工作中的不足:a;b。``, ``一、当前存在的问题:…``:
    statements.yaml ``area_title.problem``, admitting no shortcoming of their own), else None: the number and title
    are a sub-heading's, never a statement's text, and the items after them split at ';' as after ``存在问题:``."""
    if len(marks) != 1 or _clean(block.text[: marks[0][0]]):
        return None
    title, colon, rest = block.text[marks[0][1]:].partition(":")
    title = title.strip()
    if not (colon and _clean(rest) and 0 < len(title) <= _TITLE_LENGTH):
        return None
    if "\n" in title or _SENTENCE_MARKS.search(title):
        return None  # (a sentence before a colon, or a line's words going on to one: no title)
    heading = _cues()["heading_line"].match(title)
    if heading and heading.end() == len(title) and _heading_kind(heading) == block.kind:
        return replace(block, text=rest)
    named = _cues()["area_title_kinds"]["problem"].search(title)
    if block.kind == "problem" and marks[0][2] == 1 and named and not _admitting_title(title):
        return replace(block, text=rest)
    return None


def _enumerated(block: _Block, marks: Sequence[tuple[int, int, int]], out: _Found, state: dict) -> None:
    text = block.text
    cues = _cues()
    preamble = _clean(text[: marks[0][0]])
    items = []
    first = _unmarked_first_item(preamble) if marks[0][2] == 2 and not block.resumed else ""  # (resumed: numbered on)
    stated = "" if first else _stated_before_list(text[: marks[0][0]])
    titled_list = False  # (a title before its colon over the list's details: '加强培训:1.…;2.…')
    if not (first or stated) and marks[0][2] == 1:
        # (a title before its colon over details numbered from 1: a statement as one with its stop is)
        stated = _colon_title(text[: marks[0][0]])
        titled_list = bool(stated)
    # the titled paragraphs after the last detail of a titled list ('…;2.开展案例交流。' / '完善制度:修订…;建立…。'): each
    # one statement with its details, as the paragraph before the list would be (:func:`_titled_pieces`)
    paragraphs_after: list[str] = []
    if first and preamble.endswith(first):
        items.append((1, first))
        preamble = _clean(preamble.removesuffix(first))
    full_preamble = preamble
    before_lead = ""
    if block.kind == "measure" and not (first or stated):
        before_lead = _said_before_lead_in(text[: marks[0][0]]) or _switch_said(text[: marks[0][0]])
    if stated and preamble.removesuffix(":").endswith(stated):
        preamble = _clean(preamble.removesuffix(":").removesuffix(stated))
    elif before_lead and before_lead in preamble:
        # (the lead-in after it stays out, dropped with the framing before it)
        stated = before_lead
        preamble = _clean(preamble.replace(before_lead, "", 1))
    else:
        stated = ""
    # (a measure naming the problem it mends, '针对公开内容不够全面的问题,我局将…', admits no shortcoming of its own)
    named = bool(before_lead) and _is_switch(stated, 0)
    # (titled paragraphs before a titled list, '完善制度:修订…;建立…。' / '加强培训:1.…': statements as those after it are)
    before = _titled_paragraphs(preamble, opening=True) if titled_list and stated else [preamble]
    # (the text before the first, where any, is the lead-in: dropped as before)
    lead_in = _clean(before[0])
    paragraphs_before = before[1:] if len(before) > 1 and (not lead_in or lead_in.endswith(":")) else []
    if preamble and not paragraphs_before:
        out.dropped.append(((block.order, 0), block.kind, preamble))
    elif lead_in:
        out.dropped.append(((block.order, 0), block.kind, lead_in))
    labelled: dict[int, str] = {}  # an item's index in items, and the kind its label after the marker says
    leads: dict[int, str] = {}  # an item's index in items, and the colon lead-in glued to the item before it
    # an item's index in items, and the next group's title ending it (on its own line or a short sentence), with the
    # item's whole text
    titled: dict[int, tuple[str, str]] = {}
    for k, (start, end, n) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        if titled_list and k + 1 == len(marks):
            paragraphs_after = _titled_paragraphs(text[end:stop])[1:]
            stop -= sum(map(len, paragraphs_after))
        elif k + 1 == len(marks) and _item_on_its_line(text, start, end):
            # (a list laid out an item a line: a titled paragraph on a line of its own after the last item, '3.…。' /
            # '加强培训:组织…。', is a statement, not that item's text; one title at least heads a statement, _is_title)
            after = _titled_paragraphs(text[end:stop], lines=True)[1:]
            if any(_is_title(_paragraph_title(_split_sentences(paragraph)[0])) for paragraph in after):
                paragraphs_after = after
                stop -= sum(map(len, paragraphs_after))
        item, lead = _split_lead_in(text[end:stop])
        if ":" in item[:_LABEL_LENGTH]:
            label = cues["label_after_marker"].match(item)
            if label:
                labelled[len(items)] = "problem" if label.group("l_problem") else "measure"
                item = _clean(item[label.end():])
        group = _grouped(text[end:stop].strip())
        details = None if group else _titled_details(text[end:stop].strip())
        if details:
            # (a title over its details on lines: the title and each detail a statement, on the list in turn)
            items += [(n, details[0])] + [(n, detail) for detail in details[1]]
        elif group:
            # (numbered as the group: its items go on one list, not a list restarted at each group's 1.)
            out.dropped.append(((block.order, 0), block.kind, group[0]))
            items += [(n, nested) for nested in group[1]]
        elif k + 1 == len(marks) and n > 1 and _unmarked_next(item, [t for _, t in items], block.kind):
            # ('一是…;二是…;…' with 三是 left out: the clause after the last item's ';' is the next item)
            head, tail = _semicolon_split(item)
            items += [(n, _clean(head)), (n + 1, _clean(tail))]
        else:
            following = marks[k + 1][2] if k + 1 < len(marks) else None
            title = _title_before_restart(text[end:stop], n, following)
            # (after item 1 too: '一是…双提升' / '强化平台管理:' / '一是…', a measure's title over its restarted list)
            colon = "" if title or following != 1 else _colon_title(text[end:stop])
            if title:
                titled[len(items)] = (title, item)
                item = _clean(_clean(text[end:stop]).removesuffix(title))
            elif colon and lead in ("", colon + ":"):
                # (the next group's title before its colon, after the item's last stop or on a line of its own)
                titled[len(items)] = (colon, item)
                item = _clean(item.removesuffix(colon + ":"))
            items.append((n, item))
        if lead:
            out.dropped.append(((block.order, 0), block.kind, lead))
            leads[len(items)] = lead
    # a restart of the numbering (… 三是 / 一是 …) begins a new list
    lists: list[list[tuple[int, str]]] = []
    admitting: list[bool] = []  # (per list: led in by a sentence admitting shortcomings, _admitting_lead_in)
    for index, (n, item) in enumerate(items):
        # (also after item 1 ending in the next group's title: '一是…' / '强化平台管理:' / '一是…')
        if not lists or (n == 1 and (lists[-1][-1][0] >= 2 or index - 1 in titled)):
            lists.append([])
            admitting.append(index in leads and _admitting_lead_in(leads[index]))
        lists[-1].append((n, item))
    # (not where the same lead-in announces measures: '还存在一些不足,下一步将重点做好以下工作:')
    admitted = _matches(full_preamble, "admits") and not any(
        p.search(full_preamble) for p in cues["lead_in"])
    if admitted and not (stated or block.fixed) and _vote([t for _, t in lists[0]]) == "measure":
        # (a sentence naming the problem it admits, '虽然…,但仍存在信息更新不及时的问题。', before a list of measures: a
        # problem of its own, not the list's lead-in; also before a colon where each item opens with a measure's verb,
        # '…存在信息更新不及时的问题:一是加强巡查;二是完善制度。')
        opened = all(cues["measure_opening"].match(t) for _, t in lists[0])
        stated = _admitted_problem(text[: marks[0][0]], colon=opened)
        admitted = not stated
    kinds: list[str] = []
    for k, lst in enumerate(lists):
        kind = block.kind
        # a list introduced by '…还存在一些不足:' is problems whatever its wording (需进一步增强)
        # (a list numbered again after a list of problems, without a switch, is measures where its items read so)
        # (a list restarted after a lead-in admitting shortcomings, '一是加强巡查;二是…。同时,我局还存在一些不足:一是…', is
        # the problems after measures voted so, where an item of it admits one)
        restarted_problems = admitting[k] and any(_admits_own(t) for _, t in lst)
        if not block.fixed and kind == "problem" and not (k == 0 and admitted) and not restarted_problems:
            if (state.get("voted_measure") or _vote([t for _, t in lst]) == "measure"
                    or (k and kinds[k - 1] == "problem" and _problems_then_measures([t for _, t in lists[k - 1]],
                                                                                    [t for _, t in lst]))):
                kind = "measure"
                state["voted_measure"] = True
        kinds.append(kind)
    # the sentences between a list of problems and a restarted list of measures that admit no shortcoming, where the
    # problems are one sentence each, are a measure, not the last problem's text
    between = [""] + [_stated_after_list(lst, lists[k + 1]) if kinds[k:k + 2] == ["problem", "measure"] else ""
                      for k, lst in enumerate(lists[:-1])]
    j = 0
    index = -1  # (the item's index in items: lists hold them in turn)
    for k, (lst, kind) in enumerate(zip(lists, kinds)):
        # (the items saying the agency's intent that end a list of problems are measures: '1.…不够及时。2.…单一。3.我局将加强
        # 培训。4.我局将丰富…', also after '还存在一些不足:')
        intent = _intent_from([t for _, t in lst]) if kind == "problem" and not block.fixed else len(lst)
        if k + 1 < len(lists) and between[k + 1]:
            lst[-1] = (lst[-1][0], _clean(lst[-1][1].removesuffix(between[k + 1])))
        if (k == 0 and stated) or between[k]:
            # (of the list's kind, unless it admits a shortcoming itself: '信息更新不够及时。一是加强巡查;二是…')
            said = between[k] or stated
            if not k:
                # (sorted by their place, as the list's title at the same place after them)
                out.statements += [((block.order, j), kind, _clean(paragraph)) for paragraph in paragraphs_before]
            j += bool(k)
            admits = _has(said, "problem_cues") and not (named and not between[k])
            out.statements.append(((block.order, j), "problem" if admits else kind, said))
        for i, (_, item) in enumerate(lst):
            j += 1
            index += 1
            title = _next_group_title(titled.get(index), kinds[k + 1] if k + 1 < len(kinds) else kind)
            if index in titled and not title:
                item = titled[index][1]
            if item:
                out.statements.append(((block.order, j), labelled.get(index) or ("measure" if i >= intent else kind),
                                       item))
            if title:
                # (the next group's title: a statement of its own, as the first group's is; its colon no lead-in)
                if ((block.order, 0), block.kind, title + ":") in out.dropped:
                    out.dropped.remove(((block.order, 0), block.kind, title + ":"))
                j += 1
                out.statements.append(((block.order, j), kinds[k + 1], title))
    for paragraph in paragraphs_after:
        j += 1
        out.statements.append(((block.order, j), kinds[-1], _clean(paragraph)))


def _titled_paragraphs(raw: str, opening: bool = False, lines: bool = False) -> list[str]:
    """``raw``, the last detail's text of a list under a title before its colon, cut before each titled paragraph
    after it: a title before its colon (:func:`_paragraph_title`) with its details after, on a line of its own or glued
    after a stop (``开展案例交流。`` / ``完善制度:修订…;建立…。``), the detail's own text first.  A detail ends there: the
    next paragraph, titled as the list is, is no part of it.  Where ``opening`` (the text before the list's title),
    ``raw`` may open with a titled paragraph, its own text then '' (or the lead-in before it).  Where ``lines`` (the
    last item's text of a list laid out an item a line), only a titled paragraph on a line of its own is cut."""
    cuts = [0]
    at = 0
    pieces = _sentence_pieces(raw)
    for i, piece in enumerate(pieces):
        before, at = raw[:at], at + len(piece)
        # (in the text before a list, also after its lead-in's colon: '…进一步改进:强化…建设:加强…;…。')
        ends = ("\n",) if lines else _STATED_ENDS + ("\n",) + ((":",) if opening else ())
        opens = before.rstrip(" \t").endswith(ends) or (opening and not before.strip())
        # (titled as the paragraphs of a list without numbers are, :func:`_titled_pieces`: the list's own title names a
        # measure or admits a shortcoming, so a paragraph's title need only read as one, '完善整改机制:…')
        if opens and _paragraph_title(piece) and _clean("".join(pieces[i + 1:])):
            cuts.append(len(before))
    return [raw[a:b] for a, b in zip(cuts, cuts[1:] + [len(raw)])]


def _next_group_title(titled: tuple[str, str] | None, following: str) -> str:
    """The next group's title ending an item (:func:`_title_before_restart`) where it is one of the ``following``
    list's kind, a problem's admitting a shortcoming, a measure's not: else '' (``…健全。主要是人员不足。`` before a
    restarted list of measures is the problem's own sentence)."""
    if titled is None:
        return ""
    admits = _has(titled[0], "problem_cues")
    return titled[0] if admits == (following == "problem") else ""


def _unmarked_next(item: str, earlier: list[str], kind: str) -> bool:
    """Whether the last item of a list of one clause each (``earlier``, none holding a ';' or a sentence's end) holds
    the next item with its marker left out after its one ';' (``一是…不够;二是…有待加强;工作机制还需健全。``): both
    clauses of ``kind`` as items are, a problem admitting a shortcoming of its own, a measure opening with its verb."""
    clauses = [c.strip() for c in _semicolon_split(item)]
    if len(clauses) != 2 or any(ch in item for ch in _SENTENCE_END) or not earlier or any(
            ch in t for t in earlier for ch in (";", *_SENTENCE_END)):
        return False
    if ":" in item:
        return False  # (the ';' of a list the item leads in: '…,主要表现在:1.解读材料少;2.形式不够丰富')
    if kind == "problem":
        return all(_admits_own(c) for c in clauses) and not any(p.match(clauses[1]) for p in _cues()["switch"])
    return all(_cues()["measure_opening"].match(c) for c in clauses)


def _admitting_lead_in(lead: str) -> bool:
    """Whether a colon lead-in inside a list's text admits shortcomings (statements.yaml ``admits_shortcomings``) and
    neither opens nor announces measures (``lead_in``, a switch: '针对存在的问题,我局将:'), as
    :func:`_problems_after_measures` asks of a part's sentence."""
    return _matches(lead, "admits") and not _matches(lead, "lead_in") and not _is_switch(lead, 0)


def _intent_from(items: list[str]) -> int:
    """Where the items that end a list read as problems start saying the agency's intent, each opening as a switch
    sentence does ('我局将加强业务培训', '下一步,我们将…') and admitting no shortcoming, every item before them admitting one
    (problem_cues); else ``len(items)``.  An item worded as a need only ('加强业务培训') is not told from a problem so."""
    start = len(items)
    while start and items[start - 1] and _is_switch(items[start - 1], 0) and not _admits_own(items[start - 1]):
        start -= 1
    if start == len(items) or not all(_has(t, "problem_cues") for t in items[:start]):
        return len(items)
    return start


def extract_statements(
    text: str,
    *,
    report_id: str | None = None,
    first_kind: str | None = None,
    page_lines: Collection[str] = (),
) -> pd.DataFrame:
    """Cut the text of a problems section into coded-to-be statements.

    Parameters
    ----------
    text : str
        The section's text without its heading (a heading line passed along is
        dropped).  Traditional characters and pinyin annotations are normalized
        here, so raw or normalized text give the same statements.
    report_id : str, optional
        Written into the ``report_id`` column (missing when not given).
    first_kind : {'problem', 'measure'}, optional
        Kind of the statements before any sub-heading or switch cue.  Pass
        ``'measure'`` for a pre-2019 改进措施 section of its own.  By default the
        section starts with problems, and a list without any admission of a
        shortcoming but with measure cues is read as measures.
    page_lines : collection of str, optional
        Lines that are the report's page furniture wherever they stand and so no
        statement's text: a running header or footer of the agency's name alone,
        as the report's metadata gives it, in text taken from a PDF.

    Returns
    -------
    pandas.DataFrame
        Columns ``report_id, seq, kind, text, labels`` (``statements.csv`` of
        ``spec/schema.md``): ``seq`` runs 1, 2, … in document order, ``kind`` is
        ``'problem'`` or ``'measure'``, ``text`` is the statement (normalized)
        without its enumeration marker and its final separator (``;`` ``。``), ``labels`` is ``''`` until classified.  A section that
        is empty or says only ``无`` gives no rows.

    Raises
    ------
    TypeError
        If ``text`` is not a str.
    ValueError
        If ``first_kind`` is not one of the allowed values.

    Examples
    --------
    >>> from toolkit.statements import extract_statements
    >>> df = extract_statements(
    ...     "工作虽然取得一定成效,但还存在一些不足:一是公开内容不够全面;二是更新不及时。"
    ...     "下一步,我局将:一是丰富公开内容;二是加强培训。", report_id="r1")
    >>> df[["seq", "kind", "text"]].values.tolist()
    [[1, 'problem', '公开内容不够全面'], [2, 'problem', '更新不及时'], [3, 'measure', '丰富公开内容'], [4, 'measure', '加强培训']]
    """
    frame = pd.DataFrame(statement_records(text, report_id=report_id, first_kind=first_kind, page_lines=page_lines),
                         columns=list(STATEMENT_COLUMNS))
    frame["seq"] = frame["seq"].astype("int64")
    return frame


def statement_records(text: str, *, report_id: str | None = None, first_kind: str | None = None,
                      page_lines: Collection[str] = ()) -> list[dict[str, Any]]:
    """The statements of :func:`extract_statements` as plain dicts (no DataFrame: cheaper in corpus runs).

    Parameters
    ----------
    text, report_id, first_kind, page_lines
        As for :func:`extract_statements`.

    Returns
    -------
    list of dict
        One dict per statement with the keys ``report_id, seq, kind, text, labels``.

    Examples
    --------
    >>> statement_records("一是公开内容不够全面;二是更新不及时。")[1]["text"]
    '更新不及时'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if first_kind is not None and first_kind not in KINDS:
        raise ValueError(
            f"first_kind must be one of {', '.join(map(repr, KINDS))} or None, got {first_kind!r}"
        )
    cues = _cues()
    # (normalized as the text's lines are, a name as metadata gives it)
    furniture = frozenset(_WS_NEAR_WIDE.sub("", _normalize(line).strip()) for line in page_lines)
    titles: dict[int, str] = {}
    wraps: list[int] = []
    lines = _clean_lines(text, furniture, titles, wraps)
    found = _Found()
    state: dict[str, bool] = {}
    blocks = _blocks(_split_headings(lines, titles), first_kind)
    split = [piece for block in blocks for piece in _split_lead_in_after_comma(block)]
    if len(split) > len(blocks):  # (each block's statements sort by its order: numbered anew)
        blocks = [replace(block, order=n) for n, block in enumerate(split)]
    for i, block in enumerate(blocks):
        block = _without_switch_tail(block, blocks[i + 1:i + 2])
        marks = _markers(block.text, block.resumed)
        if not marks and i + 1 < len(blocks) and blocks[i + 1].cut:
            marks = _before_labelled_item(block.text, blocks[i + 1].text)
        titled = _lone_item_under_title(block, marks)
        if titled:
            # (its number and title a sub-heading's, as '存在问题:' is: no text, not even framing kept where nothing else
            # is, '一是存在问题:2023年,…但仍存在…的问题。'; the text after them read on its own)
            block, marks = titled, _markers(titled.text)
        if marks:
            _enumerated(block, marks, found, state)
        elif _only_switches_before(block, blocks[i + 1:i + 2]):
            found.dropped.append(((block.order, 0), block.kind, _clean(block.text)))
        else:
            # (its lines are paragraphs where no line of the text was a PDF's wrap: a wrap may fall at a sentence's end)
            _plain(block, found, paragraphs=not wraps)
    statements = [s for s in found.statements if s[2]]
    for kind in KINDS:
        # framing text is kept where it is the only content of its kind
        if not any(k == kind for _, k, _ in statements):
            dropped = [d for d in found.dropped if d[1] == kind and d[2]]
            # (a table's framing cell without the lead-in before the table: '…还存在一些不足,具体如下:')
            cells = {b.order for b in blocks if b.cell}
            dropped = [d for d in dropped if d[0][0] in cells] or dropped
            if dropped and not any(p.match(_clean("".join(d[2] for d in dropped))) for p in cues["empty"]):
                # (without a lead-in's colon: '还存在一些不足:' before a list of the other kind)
                statements.append((dropped[0][0], kind, "".join(d[2] for d in dropped).removesuffix(":")))
    statements = [s for s in statements if not any(p.match(s[2]) for p in cues["empty"])]
    statements.sort(key=lambda s: s[0])
    return [
        {"report_id": report_id, "seq": i, "kind": kind, "text": stmt, "labels": ""}
        for i, (_, kind, stmt) in enumerate(statements, start=1)
    ]
