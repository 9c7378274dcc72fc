"""Finding the sections of a report.

A heading is a short line made of an optional numbering (``一、``, ``3、``,
``(一)``) and a title that matches one of the section patterns of
``formats.yaml``.  Web-page text can glue a whole report into one line; there a
numbered title is also found inside the line (``…问责。 二、主动公开政府信息情况…``),
and the line is cut there so that each section gets its own text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from toolkit.formats import load_formats
from toolkit.normalize import cn_numeral

__all__ = ["Segment", "Section", "split_segments", "find_sections"]


class Segment(NamedTuple):
    """A piece of text and the (1-based) line of the normalized text it stands on."""

    # A named tuple, not a frozen dataclass: a report makes hundreds, and this is 3x cheaper to create.
    text: str
    line: int


@dataclass
class Section:
    """One section of a report.

    Attributes
    ----------
    key : str
        Canonical key (``overview``, ``active``, ``requests``,
        ``review_litigation``, ``problems``, ``other``; pre-2019 reports also
        ``intro``, ``consultation``, ``fees``, ``improvements``, ``notes``).
    title : str
        The heading as written (normalized), numbering included.
    text : str
        The section's text without its heading, lines joined by ``\\n``; the last section
        ends before the report's signature (agency and date lines) and what follows it.
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


_TOP = r"(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]"
_SUB = r"[(]\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[)]"
_PART = r"第[一二三四五六七八九十]{1,2}部分[、:]?"
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_HEADING = re.compile(rf"^\s*(?P<num>{_TOP}|{_SUB}|{_PART})?\s*(?P<title>.+?)\s*[。.:;]?\s*$")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, list[re.Pattern[str]]]]:
    spec = load_formats()["sections"]
    return {
        family: {key: [re.compile(p) for p in pats] for key, pats in keys.items()}
        for family, keys in spec.items()
    }


@functools.lru_cache(maxsize=1)
def _inline_heading() -> re.Pattern[str]:
    # Numbered titles of the modern format inside a glued line.
    titles = "|".join(p.pattern for p in sum(_patterns()["modern"].values(), []))
    return re.compile(rf"(?:(?<=[\d。;!?\s)])|^)(?:[一二三四五六七八九十]{{1,2}}、)\s*(?:{titles})")


@functools.lru_cache(maxsize=65536)
def _title_key(title: str, family: str) -> str | None:
    for key, pats in _patterns()[family].items():
        if any(p.fullmatch(title) for p in pats):
            return key
    return None


_TITLE_REACH = 40  # how far into the next line a heading wrapped at a line's end may reach
_CN_DIGITS = "一二三四五六七八九十"
_CN_DUN = re.compile(rf"[{_CN_DIGITS}]、")


def split_segments(lines: list[str]) -> list[Segment]:
    """Cut lines into segments, also at numbered section titles inside a line.

    Web-page text can run a whole report into one line, and a PDF of such a page wraps it into
    lines of any width; a heading may then stand in the middle of a line or run on into the next
    (``…。五、存在的主要问题及改`` / ``进情况2023年…``): its start is carried on to that line.

    Parameters
    ----------
    lines : list of str
        Normalized lines of the report (table rows rendered as text).

    Returns
    -------
    list of Segment
    """
    out: list[Segment] = []
    pattern = _inline_heading()
    carry, carry_number = "", 0  # the start of a heading wrapped onto the next line, and its line
    for number, line in enumerate(lines, start=1):
        if carry:
            line, start_number, carry = carry + line, carry_number, ""
        elif "、" not in line:  # (most lines: no heading's number can end in them)
            out.append(Segment(line, number))
            continue
        else:
            start_number = number
        if line[0] == "、" and out:  # the number left at the previous line's end ('…。五' / '、存在的主要问题…')
            prev = out[-1].text
            k = len(prev) - len(prev.rstrip(_CN_DIGITS))
            if 0 < k <= 2 and pattern.match(prev + line[:_TITLE_REACH], len(prev) - k):
                start_number = out[-1].line
                line = prev[-k:] + line
                out[-1] = Segment(prev[:-k].rstrip(), start_number)
                if not out[-1].text:
                    out.pop()
        if not _CN_DUN.search(line, 1):  # a number at the start is no cut
            out.append(Segment(line, start_number))
            continue
        nxt = lines[number][:_TITLE_REACH] if number < len(lines) else ""
        cuts = [m for m in pattern.finditer(line + nxt) if 0 < m.start() < len(line)]
        start = 0
        for m in cuts:
            out.append(Segment(line[start:m.start()].rstrip(), start_number if start == 0 else number))
            start = m.start()
        if cuts and cuts[-1].end() > len(line):
            carry, carry_number = line[start:], number  # the heading goes on on the next line
        else:
            out.append(Segment(line[start:], start_number if start == 0 else number))
    if carry:
        out.append(Segment(carry, carry_number))
    return out


_SPACE_RUN = re.compile(r"\s+")


def _headings(segments: list[Segment]) -> list[tuple[int, str, str, str]]:
    """(segment index, title, number, text) of every heading-like segment (the same for both families)."""
    found = []
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if not text or "|" in text[:50] or not _HAS_HAN.search(text[:12]):
            continue  # headings start with Chinese; table cells of numbers never are
        match = _HEADING.match(text)
        if match:
            found.append((i, _SPACE_RUN.sub("", match["title"]), match["num"] or "", text))
    return found


@functools.lru_cache(maxsize=65536)  # numbered table labels recur in every report
def _heading_key(title: str, num: str, family: str) -> tuple[str | None, str]:
    """(section key or None, level) of a heading-like segment's title and number."""
    level = "sub" if num.startswith("(") else ("top" if num else "none")
    key = _title_key(title, family) if len(title) <= 40 else None
    if key is None and num and not num.startswith("("):
        # A glued segment: a numbered title starts the text, its body follows.
        for k, pats in _patterns()[family].items():
            if any(p.match(title) for p in pats):
                return k, "inline"
    return key, level


def _candidates(headings: list[tuple[int, str, str, str]], family: str) -> list[tuple[int, str, str, str]]:
    """(segment index, key, level, text) of the headings that name a section of this family."""
    found = []
    for i, title, num, text in headings:
        key, level = _heading_key(title, num, family)
        if key is not None:
            found.append((i, key, level, text))
    return found


_SUB_NUMBER = re.compile(rf"^\s*({_SUB})")


def _sub_number(text: str) -> int | None:
    match = _SUB_NUMBER.match(text)
    return cn_numeral(match.group(1).strip("() ")) if match else None


@functools.lru_cache(maxsize=2)
def _numbered_only(family: str) -> frozenset[str]:
    """Keys of sections that a report numbering its sections must number (formats.yaml ``section_numbered_only``)."""
    return frozenset(load_formats().get("section_numbered_only", {}).get(family, []))


def _choose(cands: list[tuple[int, str, str, str]], order: list[str], family: str) -> list[tuple[int, str, str]]:
    has_top = any(level in ("top", "inline") for _, _, level, _ in cands)
    if has_top:
        # an unnumbered 改进措施 line among numbered sections is the problems section's sub-heading
        only = _numbered_only(family)
        cands = [c for c in cands if not (c[1] in only and c[2] == "none")]
        return _choose_levels(cands, order, {"top", "inline", "none"})
    # Without numbered sections, the titles may stand alone (Word numbered them, and the number is not
    # in the text) or be numbered (一)…(六). Where the plain titles make a report's sections (four or more,
    # or as many as with the (一) headings), they win: the (一) headings are then the sections' own
    # sub-headings ((一)主动公开情况 in the overview, (二)改进措施 in the problems section).
    plain = _choose_levels(cands, order, {"none"})
    numbered = _choose_levels(cands, order, {"none", "sub"})
    return plain if len(plain) >= min(4, len(numbered)) else numbered


def _choose_levels(cands: list[tuple[int, str, str, str]], order: list[str],
                   allowed: set[str]) -> list[tuple[int, str, str]]:
    chosen: list[tuple[int, str, str]] = []
    last = -1
    last_number = 0
    for key in order:
        for i, k, level, text in cands:
            if k == key and i > last and level in allowed:
                number = _sub_number(text) if level == "sub" else None
                if number is not None and number <= last_number:
                    # Sections numbered (一)…(六) run on; a sub-heading such as the overview's
                    # (一)主动公开情况 restarts its own count and names no section.
                    continue
                chosen.append((i, key, text))
                last = i
                last_number = number or last_number
                break
    return chosen


@functools.lru_cache(maxsize=2)
def _orders(family: str) -> list[list[str]]:
    """The orders a family's sections may come in: the format's, and with each swap of formats.yaml applied."""
    order = list(_patterns()[family])
    orders = [order]
    for a, b in load_formats().get("section_swaps", {}).get(family, []):
        swapped = list(order)
        i, j = swapped.index(a), swapped.index(b)
        swapped[i], swapped[j] = b, a
        orders.append(swapped)
    return orders


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
    best: tuple[list[tuple[int, str, str]], str] = ([], "modern")
    segments = _join_wrapped_headings(segments)
    headings = _headings(segments)
    for family in ("modern", "legacy"):
        cands = _candidates(headings, family)
        for order in _orders(family):
            chosen = _choose(cands, order, family)
            if len(chosen) > len(best[0]):
                best = (chosen, family)
    chosen, family = best
    sections = []
    for n, (i, key, title) in enumerate(chosen):
        end = chosen[n + 1][0] if n + 1 < len(chosen) else _text_end(segments, i)
        body = segments[i + 1 : end]
        heading = segments[i]
        # A glued heading carries text after the title on the same segment.
        rest = _heading_rest(heading.text, family, key)
        if rest:
            body = [Segment(rest, heading.line)] + body
            title = heading.text[: len(heading.text) - len(rest)].strip()
        last_line = body[-1].line if body else heading.line
        text = "\n".join(s.text for s in body).strip("\n")
        sections.append(Section(key, title, text, heading.line, last_line, body))
    return sections, family


_WRAP_MAX = 15  # the most characters of a heading's end wrapped onto the next line


@functools.lru_cache(maxsize=4096)  # the same numbered row labels ('1.属于国家秘密') recur in every report
def _heading_keys(text: str) -> bool:
    """Whether a line is a heading that names a section of either family."""
    match = _HEADING.match(text)
    if not match or not _HAS_HAN.search(text[:12]):
        return False
    title = _SPACE_RUN.sub("", match["title"])
    return any(_heading_key(title, match["num"] or "", family)[0] is not None for family in ("modern", "legacy"))


_NUMBERED = re.compile(rf"\s*(?:{_TOP}|{_SUB}|{_PART})")


def _join_wrapped_headings(segments: list[Segment]) -> list[Segment]:
    """Segments with a heading that a large font wrapped ('四、因政府信息公开申请行政复议、提起行政诉讼的情' / '况')
    joined into one: when the join names a section and the first line alone does not.  Only a numbered first
    line is tried (the one-cell-per-line layouts have hundreds of short lines; a heading's number is rare)."""
    joined: dict[int, str] = {}  # index of a wrapped heading's first line -> the heading whole
    for i in range(len(segments) - 1):
        text = segments[i].text
        if len(text) > 80 or not _NUMBERED.match(text) or i - 1 in joined:
            continue
        first, nxt = text.strip(), segments[i + 1].text.strip()
        if 0 < len(first) <= 40 and 0 < len(nxt) <= _WRAP_MAX and "|" not in first + nxt \
                and not _heading_keys(first) and _heading_keys(first + nxt):
            joined[i] = first + nxt
    if not joined:
        return segments
    out: list[Segment] = []
    skip = False
    for i, seg in enumerate(segments):
        if skip:
            skip = False
        elif i in joined:
            out.append(Segment(joined[i], seg.line))
            skip = True
        else:
            out.append(seg)
    return out


def _text_end(segments: list[Segment], heading: int) -> int:
    """Where the last section ends: before the signature (and the page or site footer lines after it)."""
    from toolkit.metadata import signature_start

    return max(heading + 1, signature_start([s.text for s in segments]))


def _heading_rest(text: str, family: str, key: str) -> str:
    """The text that follows the title on a glued heading line ('' for a plain heading)."""
    stripped = text.strip()
    match = _HEADING.match(stripped)
    if match and _title_key(re.sub(r"\s+", "", match["title"]), family) == key:
        return ""
    num = re.match(rf"^\s*(?:{_TOP}|{_SUB}|{_PART})?\s*", stripped)
    body = stripped[num.end() :] if num else stripped
    for pat in _patterns()[family][key]:
        m = pat.match(body)
        if m:
            return body[m.end() :].strip()
    return ""
