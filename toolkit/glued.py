"""Page text that lost its table's cells: the format's labels touching digits or each other, a stray '|'.

Shared by :mod:`toolkit.sections` (a '|' typed into glued text is no cell of a heading) and :mod:`toolkit.layout`
(which rebuilds the rows of such text), so that neither imports the other inside a function.
"""
from __future__ import annotations

import functools
import re

from toolkit.formats import alternation, load_formats, vocabulary
from toolkit.normalize import _HAN, is_value_cell, label_key


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, list[re.Pattern[str]]]]:
    # The section titles' patterns of formats.yaml ``sections``: family → key → patterns.
    spec = load_formats()["sections"]
    return {
        family: {key: [re.compile(p) for p in pats] for key, pats in keys.items()}
        for family, keys in spec.items()
    }


_SENTENCE_BREAK = r"\d。;!?\s)"  # what a glued heading follows: it starts a sentence, not after a comma
_INLINE_AFTER = rf"(?:(?<=[{_SENTENCE_BREAK}])|^)"


@functools.lru_cache(maxsize=1)
def _inline_heading() -> re.Pattern[str]:
    # Numbered titles (一、) of the modern format inside a glued line.
    titles = "|".join(p.pattern for p in sum(_patterns()["modern"].values(), []))
    number = load_formats()["section_inline_numbers"]["top"]
    return re.compile(rf"{_INLINE_AFTER}(?:{number})\s*(?:{titles})")


@functools.lru_cache(maxsize=4096)  # (asked of every pipe line of a table section; cells recur)
def _stray_pipe(stripped: str) -> bool:
    """Whether a (stripped) line's one '|' is a stray mark in page text that lost its cells, not a pipe row's
    cell break: the '|' stands inside the line and the text read without it shows a label touching digits
    ('…行政处罚1330行政强制|54第二十条…', or a wrapped piece of it), unless the '|' sets a value apart from a
    label ('行政强制 | 54': a row's cells) rather than from glued text ('0|行政强制54第二十条…', the wrap's). A row
    of pipes has two or more; a '|' that ends or starts a line is the cell's mark of a table of a cell a line. A '|'
    touching glued text on both sides in a wrapped piece that shows no digits after a label yet is stray too
    (:func:`_glued_at_pipe`)."""
    if stripped.count("|") != 1 or stripped[0] == "|" or stripped[-1] == "|":
        return False
    left, right = map(str.strip, stripped.split("|"))
    values = is_value_cell(left), is_value_cell(right)
    if any(values):
        return not all(values) and _has_glued_table(right if values[0] else left)
    return _has_glued_table(left + right) or _glued_at_pipe(stripped)


def _glued_at_pipe(stripped: str) -> bool:
    """Whether a line's one '|' (inside it) touches the text on both sides, which read without it is glued text that
    shows no label touching digits (a wrapped piece): labels touching each other ('…第(一)项|信息内容本年制发件数本年
    废止件数…'), or a section's numbered title ending right before the '|' ('二、主动公开政府信息情况|信息内容…'). A
    pipe row sets its cells apart with spaces ('二、主动公开政府信息情况 | 信息内容')."""
    at = stripped.index("|")
    if stripped[at - 1].isspace() or stripped[at + 1].isspace():
        return False
    # (the last title that ends at the '|'; the pattern looks back for a sentence's end before its number)
    return _glued_labels(stripped[:at] + stripped[at + 1:]) or any(
        m.end() == at for m in _inline_heading().finditer(stripped, 0, at))


_NUM_PREFIX = r"(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、|\d[.、])?"
# A note in brackets after a label is part of its cell, whatever its length: a unit ('采购总金额(元)') or a
# province's annotation ('本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8)', Hubei 2020); the brackets
# bound it, and an item number ('(二)') is no note.
_NOTE_SUFFIX = r"(?:\((?![一二三四五六七八九十\d]{1,2}\))[^()]{1,60}\))?"


@functools.lru_cache(maxsize=1)
def _glued_pattern() -> re.Pattern[str]:
    fm = load_formats()
    labels: set[str] = set()
    labels.update(l for ls in fm["active"]["rows"].values() for l in ls)
    labels.update(l for spec in fm["active"]["cols"].values() for l in spec["labels"])
    labels.update(fm["active"]["header_words"])
    for spec in fm["requests"]["rows"].values():
        labels.update(spec["labels"])
    labels.update(l for ls in fm["requests"]["groups"].values() for l in ls)
    labels.update(fm["requests"]["header_words"])
    labels.update(fm["review_litigation"]["header_words"])
    labels = {label_key(l, keep_numbering=True) for l in labels if len(label_key(l)) >= 2}
    # (a label's quotes single or double, as label_key reads them: '危及‘三安全一稳定’' is '危及“三安全一稳定”')
    words = alternation(labels).replace('"', "[\"']")
    article = r"第二十条第?\([一二三四五六七八九十]+\)项"
    note = r"\(本列数据的勾稽关系[^()]*\)"
    return re.compile(rf"{article}|{note}|{_NUM_PREFIX}(?:{words}){_NOTE_SUFFIX}")


# a count and a note in brackets, the whole cell: '88(上年结转3)' (a note of no value_notes word, NA)
_NOTED_COUNT = re.compile(r"[+-]?\d[\d,.]*\s*\([^()]{1,30}\)")


@functools.lru_cache(maxsize=4096)  # tested on every cell of a table, and cells recur ('0', labels)
def _has_glued_table(text: str) -> bool:
    """Whether a label of the format stands right before digits in the text (page text that lost its cells); not
    in a cell of a count whose note names a row ('88(其中上年结转3)', '88(上年结转3)'), nor where the label is
    inside words, after a word of no label ('含上年结转1件'), or ends in a count with its unit ('上年结转1件'): a
    remark in a cell of its own (a review table's 备注, one cell a line), which was cut into '含 | 上年结转 | 1件' and
    the next row's counts glued to it."""
    ends = {0}
    glued = False
    pattern = _glued_pattern()
    for m in pattern.finditer(text):
        after = text[m.end() : m.end() + 3]
        if after.lstrip()[:1].isdigit() and (m.start() in ends or not _HAN.match(
                text[m.start() - 1])) and not _count_in_words().fullmatch(text, m.end()) and (
                # (the digit numbering the next label, a group's item set apart: '(三)不予公开  1.属于国家秘密')
                after[:1] != " " or not pattern.match(text, m.end() + len(after) - len(after.lstrip()))):
            glued = True
            break
        ends.add(m.end())
    return glued and not is_value_cell(text) and not _NOTED_COUNT.fullmatch(text)


@functools.lru_cache(maxsize=1)
def _count_in_words() -> re.Pattern[str]:
    """A count and its unit (a legacy table's, ``vocabulary().legacy_units``) ending a cell after a label
    ('上年结转1件'): a remark's words, no table's cells."""
    return re.compile(rf"\d+(?:{alternation(vocabulary().legacy_units)})")


@functools.lru_cache(maxsize=4096)
def _glued_labels(text: str) -> bool:
    """Whether two labels of the format touch in the text ('…尚未审结总计结果维持…'): a header row that lost
    its cells' boundaries, not one cell."""
    ends = set()
    for m in _glued_pattern().finditer(text):
        if m.start() in ends:
            return True
        ends.add(m.end())
    return False
