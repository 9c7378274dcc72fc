"""Report metadata: who reports, on which year, when it was published, and where.

:func:`extract_metadata` reads the normalized lines of a report and tells its
agency, the year reported on, the publication date, the tier of government
(``national`` … ``township``), whether the agency is a government or one of its
departments, and the province.  What the text does not say stays ``None``;
inferences that could be wrong are marked in ``flags``.

The knowledge it uses lives in two data files: ``data/metadata.yaml`` (title
words, field labels, agency endings, place-name endings) and
``data/gazetteer.csv`` (all province- and prefecture-level units of China, and
the county-level units: those of about 2016 from cpca's adcodes, rebuilt by
``data/gazetteer/build_counties.py``, and a few more written by hand), with
``data/gazetteer_changes.csv`` (county-level units created or renamed since,
written by hand with their source).
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable


from toolkit.cues import _is_site_furniture, _nothing_to_report
from toolkit.formats import _CN_NUMBERING, alternation, load_formats, read_data_yaml
from toolkit.normalize import (HAN_RANGES, _appendix_line, _matching_lines, _page_furniture, _stamp_time_pattern,
                               _time_form, cn_numeral, is_footnote, is_page_furniture, is_print_stamp,
                               normalize_line)

__all__ = ["extract_metadata", "is_report_title", "load_gazetteer", "report_title_lines", "signature_notes",
           "signature_start", "glued_signature_start"]

LEVELS = ("national", "province", "prefecture", "county", "township")
AGENCY_KINDS = ("government", "department")

# A year in Chinese numerals; its zero also typed as an Arabic 0 or a letter O (二0二一), so one digit at least
# is a Chinese numeral (0000 is no year).  Also in the formal ("capital") numerals of amounts (贰零贰零年, 贰〇贰壹年:
# the year was no year, its characters left in the agency's name), those of formats.yaml ``formal_numerals`` but
# 拾, read from it here (once: the parse that follows an import of this module reads the file anyway, so the
# patterns below cost no second read).
_FORMAL_DIGITS = {ch: "一二三四五六七八九".index(common) + 1
                  for ch, common in load_formats()["formal_numerals"].items() if common != "十"}
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, **_FORMAL_DIGITS}
_CN_NONZERO = "一二三四五六七八九" + "".join(_FORMAL_DIGITS)
_CN_YEAR = f"(?=[〇○零OＯ0]{{0,3}}[{_CN_NONZERO}])[〇○零OＯ0{_CN_NONZERO}]{{4}}"
# A month's or a day's number in Chinese numerals (三十一), its tens also written as one character: 廿 20, 卅 30
# (一月廿六日, 三月卅一日), read as the tens they stand for.
# Also in the formal numerals, as a year may be (贰零贰壹年壹月拾伍日: the date was none), read as the common ones.
_CN_SMALL = f"[一二三四五六七八九十廿卅拾{''.join(_FORMAL_DIGITS)}]{{1,3}}"
_CN_TENS = str.maketrans({"廿": "二十", "卅": "三十", "拾": "十",
                          **{ch: "一二三四五六七八九"[n - 1] for ch, n in _FORMAL_DIGITS.items()}})
# 元月 is January (二〇二一年元月三十日, 2021年元月30日).
_FIRST_MONTH = "元"
# (a university's academic year, 2022-2023学年, is a range: its later year is read, as of 2019—2020年)
# (a doubled 年 too, '2020年年度乌当区…': the year's tail is no part of the agency after it)
_YEAR_TOKEN = re.compile(rf"(\d{{4}}|{_CN_YEAR})\s*学?年(?:年?(度))?")
# a year alone on its line, in brackets or not ('（2020年度）' under a title naming no year: a cover's layout)
_YEAR_LINE = re.compile(rf"[(（]?\s*(\d{{4}}|{_CN_YEAR})\s*年度?\s*[)）]?")
_YEAR_RANGE_START = re.compile(rf"(\d{{4}}|{_CN_YEAR})\s*年?\s*[-—–~～至到]+\s*$")
_YEAR_RANGE_END = re.compile(rf"\s*[-—–~～至到]+\s*(\d{{4}}|{_CN_YEAR})\s*年(度)?")
# a running page header: the report's title with its year (is_running_title)
_RUNNING_TITLE = re.compile(r"[^,;:。、]{0,30}(?:19|20)\d{2}年度?[^,;:。、]{0,30}报告")
# A date written with 年月日 (Arabic or Chinese numerals) or with - / . separators; its day marked 号 as web-page text
# may ('2021年1月30号': read as no date, a signature so dated stayed the last section's text)
# (_YMD: its year, month and day in Arabic numerals, the groups _matched_date reads; _WHOLE_DATE writes it too)
_YMD = rf"(\d{{4}})\s*年\s*(\d{{1,2}}|{_FIRST_MONTH})\s*月\s*(\d{{1,2}})\s*"
_DATE_YMD = re.compile(rf"(?<!\d){_YMD}[日号]?(?!\d)")
_DATE_CN = re.compile(rf"({_CN_YEAR})\s*年\s*({_CN_SMALL}|{_FIRST_MONTH})\s*月\s*({_CN_SMALL})\s*[日号]")
# (the year's first digit before the look back that no digit stands before it: a pattern opening with a character
# lets the regex engine skip to the digits, where one opening with a look back is tried at every character)
_DATE_SEP = re.compile(r"(\d(?<!\d\d)\d{3})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")
# Scraped dates that lost their 年/月 characters: 2019318日, 2019年318日.
_DATE_GARBLED = re.compile(r"(?<!\d)\d{4}(?:年)?\d{2,4}\s*日")
# A year in a file name (2022年XX局….docx, report_2021.pdf, XX局2020年度报告.txt): four digits standing as a word
# of their own, set apart from letters and digits (not a hash's or an id's: ab2019cd, 0012021, a UUID's group), nor
# joined by a separator to other digits (a date's, 2023-01, 2023-01-15, 15.01.2023; a range's, 2019-2020), nor a
# date's before 年…月 (2022年1月15日) nor a number's (第2021号); in Chinese numerals before 年.  Letters not all hex
# digits before a year ending the name (report2021) or before a number and the year (附件2_2021) are no id's.
_WORD = "(?=[A-Za-z]*[g-zG-Z])[A-Za-z]+"  # a word of letters not all hex digits, as an id's or a hash's are
_JOIN = "[-_./~–—至]"  # what joins a date's parts or a range's years in a file name
_FILE_YEAR = re.compile(
    rf"(?<![0-9A-Za-z])(?<!\d{_JOIN})(?<!\d\s{_JOIN})(?<!\d{_JOIN}\s)(?<!\d\s{_JOIN}\s)(?<!第)"
    rf"(\d{{4}})(?![0-9A-Za-z]|\s*{_JOIN}\s*\d|号)(?!年\s*\d{{1,2}}\s*月)"
    rf"|({_CN_YEAR})\s*年(?!\s*(?:{_CN_SMALL}|{_FIRST_MONTH})\s*月)"
    # a word of letters not all hex digits (an id's are) then the year ending the name (report2021, zmd2021(1)),
    # or such a word or Chinese then a number, an attachment's, and the year (附件2_2021年报, file2-2021)
    rf"|(?:(?<![0-9A-Za-z]){_WORD}(\d{{4}})(?=\s*(?:[(（]\d{{1,2}}[)）])?$)"
    rf"|(?:(?<=[^\W\d_A-Za-z])|(?<![0-9A-Za-z]){_WORD})\d{{1,2}}\s*[-_]\s*(\d{{4}})"
    rf"(?![0-9A-Za-z]|\s*{_JOIN}\s*\d|号)(?!年\s*\d{{1,2}}\s*月))"
)
_UUID = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.IGNORECASE)  # its groups may be all digits
_PERIOD = re.compile(
    rf"(\d{{4}})\s*年\s*(?:0?1|{_FIRST_MONTH})\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|-|~|－)\s*"
    r"(\d{4})\s*年\s*12\s*月\s*31\s*日"
)
_PERIOD_CN = re.compile(
    rf"({_CN_YEAR})年[一{_FIRST_MONTH}]月[一]日(?:起)?(?:至|到|—|-|~|－)({_CN_YEAR})年一?十二月三十一日"
)
_PERIOD_SEP = re.compile(
    r"(?<!\d)(\d{4})[.\-/]0?1[.\-/]0?1\s*(?:起)?\s*(?:至|到|—|-|~)\s*(\d{4})[.\-/]12[.\-/]31(?!\d)"
)
_OVERVIEW_HEAD = re.compile(
    rf"^\s*(?:一|1|第一部分)\s*[、.,:]?\s*[{HAN_RANGES}]{{0,10}}?(?:总体情况|概述|概况|总体)"
)
_NEXT_HEAD = re.compile(r"^\s*(?:二|三|2|3|第二部分)\s*[、.]")
# A year in the overview's text: 2024年, 二〇二四年.
_YEAR_IN_TEXT = re.compile(rf"(?<!\d)(\d{{4}}|{_CN_YEAR})\s*年")
_MIN_YEAR, _MAX_YEAR = 1990, 2100


# --- data files ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """A place named in an agency name: known from the gazetteer or told by its ending."""

    text: str
    level: str | None
    province: str | None
    zone: bool = False
    # a name the gazetteer gives several units (鼓楼区): their (parent, province), the province left unknown
    candidates: tuple[tuple[str, str], ...] = ()


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return read_data_yaml("metadata.yaml")


@functools.lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    """Endings of a government's or a department's name (metadata.yaml's government_endings, department_endings)."""
    rules = _rules()["agency"]
    return tuple(rules["government_endings"] + rules["department_endings"])


@functools.lru_cache(maxsize=None)
def _longest_first(group: str, *keys: str) -> tuple[str, ...]:
    """The words of metadata.yaml's lists ``keys`` of ``group``, longest first (a prefix tried before its own
    start: 中共中央 before 中共)."""
    return tuple(sorted((w for key in keys for w in _rules()[group][key]), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _not_body_endings() -> tuple[str, ...]:
    """Endings of ordinary words that end as a department's name does (metadata.yaml's not_body_endings: 落到实处)."""
    return tuple(_rules()["agency"]["not_body_endings"])


@functools.lru_cache(maxsize=1)
def _gazetteer_rows() -> tuple[dict[str, str], ...]:
    """The rows of gazetteer.csv, then those of gazetteer_changes.csv (units created or renamed since its counties)."""
    out: list[dict[str, str]] = []
    for name in ("gazetteer.csv", "gazetteer_changes.csv"):
        text = resources.files("toolkit").joinpath(f"data/{name}").read_text(encoding="utf-8")
        rows = csv.reader(text.splitlines())
        header = next(rows)
        out += (dict(zip(header, row)) for row in rows)  # (half the time of a DictReader: 3,200 rows, read once)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Any]:
    """Lookup tables built from the gazetteer.

    ``full``: every full name and alias → list of rows (a county-level name may
    name several units: 鼓楼区), and the ``prefecture_short_forms`` of
    metadata.yaml (博州); ``short``: short names of provinces and
    prefectures (province first) → rows; ``county_short``: short names of
    county-level units → row, read only before the ending of a central body's
    local office (义乌调查队: as a prefix of any name, 公安县's 公安 would make
    every 公安局 a county); ``text``: the names that may be matched in free text;
    ``lengths``: first character → lengths of the names starting with it,
    longest first (a place is looked for at each character of a name: only the
    lengths that may match there are tried); ``province_names``: a province's
    short name → its full name.
    """
    full: dict[str, list[dict[str, str]]] = {}
    short: dict[str, list[dict[str, str]]] = {}
    county_short: dict[str, dict[str, str]] = {}
    in_text: set[str] = set()
    for row in _gazetteer_rows():
        names = [row["name"]] + [a for a in row["aliases"].split(";") if a]
        for name in names:
            full.setdefault(name, []).append(row)
            if row["in_text"] == "yes":
                in_text.add(name)
        if row["short"] and row["level"] == "county":
            county_short[row["short"]] = row
        elif row["short"]:
            short.setdefault(row["short"], []).append(row)
    for short_form, name in _rules()["places"]["prefecture_short_forms"].items():
        full.setdefault(short_form, []).extend(full[name])  # not in ``in_text``
    order = {"province": 0, "prefecture": 1, "county": 2}
    for rows in short.values():
        rows.sort(key=lambda r: order.get(r["level"], 3))
    by_first: dict[str, set[int]] = {}
    for n in {*full, *short}:
        by_first.setdefault(n[0], set()).add(len(n))
    lengths = {first: sorted(ns, reverse=True) for first, ns in by_first.items()}
    provinces = {r["short"]: r["name"] for r in _gazetteer_rows() if r["level"] == "province"}
    return {"full": full, "short": short, "county_short": county_short, "text": in_text, "lengths": lengths,
            "province_names": provinces}


def load_gazetteer():
    """Return the gazetteer of administrative units the toolkit uses.

    Returns
    -------
    pandas.DataFrame
        One row per unit with columns ``name`` (full official name; a county-level
        name may name several units, 鼓楼区), ``short`` (usual short form, ''
        when it would be ambiguous), ``aliases`` (former names, ``;``-joined),
        ``level`` (``province``, ``prefecture``, ``county``), ``parent``
        (prefecture of a county-level unit, '' for one directly under its
        province), ``province`` (short name of the province-level unit),
        ``in_text`` (``yes`` when the name may be matched in running text) and
        ``note`` (for a unit created or renamed since about 2016, the year,
        the unit it was and the source).

    Examples
    --------
    >>> g = load_gazetteer()
    >>> int((g["level"] == "province").sum()), int((g["level"] == "prefecture").sum()) >= 333
    (34, True)
    >>> g.loc[g["name"] == "驻马店市", "province"].item()
    '河南'
    >>> g.loc[g["name"] == "义乌市", ["short", "parent", "province"]].values.tolist()
    [['义乌', '金华市', '浙江']]
    >>> g.loc[g["name"] == "龙港市", ["parent", "province"]].values.tolist()
    [['温州市', '浙江']]
    """
    import pandas as pd

    return pd.DataFrame(list(_gazetteer_rows()), dtype="string")


# --- small parsers -------------------------------------------------------------------


def _year_value(token: str) -> int | None:
    """'2020' or '二〇二〇' → 2020 when plausible, else None."""
    if token.isdigit() and len(token) == 4 and token.isascii():
        year = int(token)
    elif len(token) == 4 and all(ch in _CN_DIGITS for ch in token):
        year = int("".join(str(_CN_DIGITS[ch]) for ch in token))
    else:
        return None
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


def _matched_date(m: re.Match[str]) -> _dt.date | None:
    """The date a match of _DATE_YMD, _DATE_SEP or _DATE_CN stands for (None for no such day)."""
    if m.re is _DATE_SEP:
        return _make_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    month = 1 if m.group(2) == _FIRST_MONTH else cn_numeral(m.group(2).translate(_CN_TENS))
    if m.re is _DATE_YMD:
        return _make_date(int(m.group(1)), month, int(m.group(3)))
    return _make_date(_year_value(m.group(1)), month, cn_numeral(m.group(3).translate(_CN_TENS)))


def _make_date(year: int | None, month: int | None, day: int | None) -> _dt.date | None:
    if year is None or month is None or day is None or not (_MIN_YEAR <= year <= _MAX_YEAR):
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _parse_date_at(text: str) -> tuple[_dt.date | None, bool]:
    """Parse a date at the start of ``text``.

    Returns the date (or None) and whether something date-like but garbled
    stands there (``2019318日``).
    """
    head = text[:40]
    for pattern in (_DATE_YMD, _DATE_SEP, _DATE_CN):
        m = pattern.match(head)
        if not m:
            continue
        date = _matched_date(m)
        if date is not None:
            rest = head[m.end():]
            if re.match(r"\s*(?:起|至|到|—|~|-\s*\d)", rest):
                return None, False  # a period (统计时间: 2020年1月1日至…), not a date
            return date, False
        return None, True
    return None, bool(_DATE_GARBLED.match(head))


# --- title ---------------------------------------------------------------------------


def is_report_title(line: str, *, whole: bool = False) -> bool:
    """Whether a line is a report's title: it names the disclosure work and the report, with one of the
    ``title.topic_words`` and one of the ``report_words`` of metadata.yaml ('…政府信息公开工作年度报告',
    '…关于…政府信息公开工作的报告').

    Parameters
    ----------
    line : str
        A line of the report.
    whole : bool, default False
        Whether the line must be a title and nothing else, as a title standing among a report's lines is (a second
        report's, in the same file): the topic word near its start, the report word at its end (a note in brackets
        may follow).  Without it, a line holding the words anywhere is one: the top lines read for the title,
        a notice issuing the report ('关于印发…年度报告的通知') among them.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_report_title("XX市人民政府关于2020年政府信息公开工作的报告", whole=True)
    True
    >>> notice = "XX市人民政府办公室关于印发XX市2020年政府信息公开工作年度报告的通知"
    >>> is_report_title(notice), is_report_title(notice, whole=True)
    (True, False)
    """
    topic, report, title = _title_patterns()
    if whole:
        return report.search(line) is not None and title.match(line) is not None
    return topic.search(line) is not None and report.search(line) is not None


def report_title_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that are a report's title and nothing else (:func:`is_report_title` of the stripped
    line with ``whole``), in order.

    The report words are sought once in the whole text, and only the lines holding one are tested: a report
    has hundreds of lines, and a title among them is rare.

    Parameters
    ----------
    lines : list of str
        The report's lines.

    Returns
    -------
    list of int
        0-based indexes into ``lines``, rising.

    Examples
    --------
    >>> report_title_lines(["一、总体情况", "本年度报告如下", "  XX市2021年政府信息公开工作年度报告"])
    [2]
    """
    report = _title_patterns()[1]
    text = "\n".join(lines)
    found: list[int] = []
    line, pos = 0, 0
    for m in report.finditer(text):  # (the words hold no line break: a match stands in one line)
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if (not found or found[-1] != line) and is_report_title(lines[line].strip(), whole=True):
            found.append(line)
    return found


@functools.lru_cache(maxsize=1)
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a topic word, a report word, a whole title) of metadata.yaml's title words."""
    rules = _rules()["title"]
    topic, report = alternation(rules["topic_words"]), alternation(rules["report_words"])
    # a short line that ends in the report word, the topic word before it ('…2020年政府信息公开工作年度报告(摘要)'), a
    # note in round or square brackets ('（全文）', '【全文】') or a colon leading to the text after it or not
    note = r"(?:[(（].{0,30}[)）]|[\[【].{0,30}[\]】])"
    whole = re.compile(rf"^.{{0,40}}(?:{topic}).{{0,10}}(?:{report})\s*{note}?\s*[:：]?$")
    return re.compile(topic), re.compile(report), whole


# A whole date: 2024年1月20日, 2024-01-20 (or with / or .), 二〇二四年一月二十日; its month 元月 or its day marked 号
# as _DATE_YMD reads them ('2021年元月31日', '2021年1月31号' under a title: read as no date, published NA); its day's
# mark is not optional here.  (Its patterns are read by their named groups only: _YMD's and _DATE_CN's groups count
# for nothing.)
_WHOLE_DATE = (rf"(?:{_YMD}[日号]"
               rf"|\d{{4}}(?P<sep>[-/.])\d{{1,2}}(?P=sep)\d{{1,2}}(?!\d)|{_DATE_CN.pattern})")


@functools.lru_cache(maxsize=1)
def _stamp_pattern() -> re.Pattern[str]:
    """A browser's date and time before a title (the form of ``pdf.stamp_date`` and ``pdf.stamp_time`` in
    formats.yaml), or a page's date of publication, maybe in brackets ('2024年1月20日 <title>', '[2024-01-20]<title>'):
    a title never starts with a whole date (but with a period: '2023年1月1日至…' is kept)."""
    # (the date's weekday after it, '2021-01-20 星期三 <title>', also glued to the title: no title starts with one;
    # read as the title's, it opened the agency: '星期三市住建局')
    day = rf"(?:{alternation(_rules()['signature']['weekday_words'])})[一二三四五六日天]"
    weekday = rf"(?:\s*(?:[(（]\s*{day}\s*[)）]|{day}))?"
    dated = rf"[\[【(（]?\s*{_WHOLE_DATE}{weekday}\s*[\]】)）]?\s*(?![至到起\-—–~～])"
    return re.compile(rf"^\s*(?:(?:{_stamp_time_pattern()})\s+|{dated})")


@functools.lru_cache(maxsize=1)
def _stamp_time() -> re.Pattern[str]:
    """The date and time a browser prints at the top of a page, before the page's title (``pdf.stamp_time``)."""
    return re.compile(rf"^(?:{_stamp_time_pattern()})\s*")  # (a space taken away before a Chinese title)


def _without_print_time(line: str) -> str:
    """A line without the date and time a browser prints before the page's title at its top ('2023/5/1 10:00 <title>',
    read as a running title then)."""
    return _stamp_time().sub("", line, count=1) if line[:1].isdigit() else line


@functools.lru_cache(maxsize=1)
def _beside_title_pattern() -> re.Pattern[str]:
    """A line holding a date and nothing else, maybe with its time or weekday and in brackets ('2021-01-20',
    '[2021年1月20日 10:30]', '2021-01-20 星期三'), or after the page's source ('来源：驻马店市住建局 2021-01-20', ``fields.source``), or
    before the page's furniture ('2021-01-20 浏览次数：3', ``signature.footer_words``)."""
    source = alternation(_rules()["fields"]["source"])
    furniture = alternation(_rules()["signature"]["footer_words"])
    weekday = rf"(?:\s*(?:{_weekday().pattern}))?"  # (the date's weekday before or after its time: '2021-01-20 星期三')
    return re.compile(rf"\s*(?P<source>(?:{source})\s*[:：]?[^\d|:：]{{0,40}}?)?\s*[\[【(（]?\s*(?P<date>{_WHOLE_DATE})"
                      rf"{weekday}(?P<time>\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?{weekday}\s*[\]】)）]?\s*(?:(?:{furniture}).*)?")


def _dated_line(line: str) -> re.Match[str] | None:
    """:func:`_beside_title_pattern` matching the whole ``line``, tried only where it starts as a date or a bracket
    does (most lines do not)."""
    start = line.lstrip()[:1]
    return _beside_title_pattern().fullmatch(line) if start.isdigit() or start in "[【(（二" else None


def _date_beside_title(lines: list[str], span: tuple[int, int], limit: int, title: str) -> _dt.date | None:
    """The date standing with no label on the line under the title (:func:`_beside_title_pattern`), else a date
    alone on the line above it (above the lines holding a piece of its text ``title``, a title broken over lines:
    '2021-01-20' / '驻马店市住房和城乡建设局' / '2020年…年度报告'), else one opening the title's line
    (:func:`_date_opening_title`), or None."""
    filled = (line for line in lines[span[1] + 1: limit] if line.strip())
    below = next(filled, "")
    if _YEAR_LINE.fullmatch(below.strip()):
        below = next(filled, "")  # (past the title's year on its own line: '…年度报告' / '（2020年度）' / '2021-01-20')
    m = _beside_title_pattern().fullmatch(below)
    if m is None:
        rules = _rules()["title"]
        above = ""
        for line in itertools.islice((line for line in reversed(lines[: span[0]]) if line.strip()),
                                     rules["wrapped_lines"] + rules["wrapped_pieces"]):
            above = line.strip()
            if re.sub(r"\s+", "", above) not in title:
                break
        m = _dated_line(above)
        # a date alone only: with a time it may be the date a browser printed the page on (formats.yaml's
        # pdf.stamp_time), a source line stands under the title
        if m is not None and (m.group("source") or m.group("time")):
            m = None
    if m is not None:
        return _parse_date_at(m.group("date"))[0]
    return _date_opening_title(lines[span[0]]) or _date_ending_title(lines[span[1]])


def _date_opening_title(line: str) -> _dt.date | None:
    """The page's date of publication before the title on its ``line`` ('2021年1月30日 XX局2020年…', a list's
    '[2021-01-30]XX局…', its weekday after it or not: :func:`_stamp_pattern`), as a date alone on the line above the
    title is; not the date and time a browser printed the page on ('2021/1/30 下午6:41 <title>'), or None."""
    if not line[:1].isdigit() and line[:1] not in "[【(（二 ":
        return None  # (most titles)
    stamp = _stamp_pattern().match(line)
    if stamp is None or _stamp_time().match(line.lstrip()):
        return None
    return _date_in(stamp.group())[0]


@functools.lru_cache(maxsize=1)
def _date_after_title() -> re.Pattern[str]:
    """A whole date ending a title's line after its report word (metadata.yaml ``title.report_words``) and its note
    or not, with its time or its weekday or not and in brackets or not ('XX局2023年…年度报告 2024-01-20', '…报告
    （2024年1月20日）', '…报告 2024年1月20日 星期六')."""
    report = alternation(_rules()["title"]["report_words"])
    note = r"(?:[(（][^()（）]{0,30}[)）]|[\[【][^\[\]【】]{0,30}[\]】])"
    weekday = rf"(?:\s*(?:{_weekday().pattern}))?"
    return re.compile(rf"(?:{report})\s*{note}?\s*(?P<date>[\[【(（]?\s*{_WHOLE_DATE}{weekday}"
                      rf"(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?{weekday}\s*[\]】)）]?)\s*$")


def _date_after_title_in(line: str) -> re.Match[str] | None:
    """:func:`_date_after_title` in ``line``, sought only where it ends as a date does (most titles end in their
    report word)."""
    end = line.rstrip()[-1:]
    return _date_after_title().search(line) if end.isdigit() or end in "日]】)）" or end in _WEEKDAY_LAST else None


def _date_ending_title(line: str) -> _dt.date | None:
    """The page's date of publication after the title on its ``line`` ('XX局2023年…年度报告 2024-01-20':
    :func:`_date_after_title`), as a date alone on the line under the title is, or None."""
    m = _date_after_title_in(line)
    return _date_in(m.group("date"))[0] if m is not None else None


def _line_above_title(lines: list[str], first: int) -> str:
    """The filled line above the title's first line ``first``, past a date standing alone between them (the page's
    date of publication, :func:`_beside_title_pattern`: '驻马店市住房和城乡建设局' / '2021-01-20' / '2020年…'), or ''."""
    filled = (line for line in reversed(lines[:first]) if line.strip())
    above = next(filled, "")
    m = _dated_line(above)
    return next(filled, "") if m is not None and not m.group("source") else above


def _without_stamp(raw: str) -> str:
    """A line without the date and time a browser prints at the top of a page ('2021/1/30 下午6:41 <title>') or
    the date a page was published before its title or after it (:func:`_date_after_title`: its year read as the
    title's, '…年度报告 2024-01-20' was no title of a report)."""
    if (after := _date_after_title_in(raw)) is not None and _date_in(after.group("date"))[0] is not None:
        raw = raw[: after.start("date")]
    if not raw[:1].isdigit() and raw[:1] not in "[【(（二 ":
        return raw  # (most lines)
    return _stamp_pattern().sub("", raw, count=1)


def _title_candidate(raw: str) -> str | None:
    """The line without white space if it may be (part of) a title, else None."""
    rules = _rules()["title"]
    line = _without_full_stop(re.sub(r"\s+", "", _without_stamp(raw)))
    if not line or "|" in line or len(line) > rules["max_length"] or "。" in line:
        return None
    if any(line.startswith(p) for p in rules["not_title_prefixes"]):
        return None
    if line.lstrip(rules["quote_marks"]).startswith(tuple(rules["navigation_prefixes"])):
        return None  # the title of the report before or after this one, linked at the top of the page
    if _is_breadcrumb(raw):
        return None
    if _starts_with_box_label(raw):
        return None  # '索引号 分类 信息公开年报': a header box printed without its rules
    return _without_field_label(line)


def _without_full_stop(line: str) -> str:
    """A title line without the full stop a page put at its end ('某某区人民政府2023年政府信息公开工作年度报告。'): only
    where the rest is a title and nothing else naming a body's name (:func:`is_report_title` ``whole``), as a
    sentence of the text ending so ('我局编制了2020年政府信息公开工作年度报告。') does not."""
    if not line.endswith("。") or "。" in line[:-1]:
        return line  # (most lines: a sentence with a full stop inside it is no title either)
    bare = line.rstrip("。")
    if not is_report_title(bare, whole=True):
        return line
    agency = _parse_title(bare)[0]
    return bare if agency is not None and _agency_like(agency) else line


def _is_breadcrumb(raw: str) -> bool:
    """Whether the line is the site's breadcrumb: a mark of ``title.breadcrumb_marks`` in it, or its home link
    first."""
    return any(mark in raw for mark in _rules()["title"]["breadcrumb_marks"]) or bool(_breadcrumb_home().match(raw))


@functools.lru_cache(maxsize=1)
def _breadcrumb_home() -> re.Pattern[str]:
    """The site's home link opening a breadcrumb, a separator or a space after it ('首页 / 政务公开 / …')."""
    return re.compile(rf"\s*(?:{alternation(_rules()['title']['breadcrumb_homes'])})(?:[^{HAN_RANGES}]|$)")


@functools.lru_cache(maxsize=1)
def _crumb_separators() -> re.Pattern[str]:
    """What sets a breadcrumb's links apart: its marks (``title.breadcrumb_marks``), a slash, a dash, an underscore,
    a dot, a comma or a space."""
    return re.compile(rf"[\s/\-_·、{re.escape(''.join(_rules()['title']['breadcrumb_marks']))}]+")


def _breadcrumb_agency(lines: list[str], limit: int) -> str | None:
    """The agency that the last link of the site's breadcrumb names, in the lines above ``limit`` (首页 > 政务公开 >
    驻马店市住房和城乡建设局: the page of that agency's column), or the last link naming one when only its
    columns' names follow it (首页 > 部门 > 驻马店市住建局 > 年度报告, ``title.breadcrumb_columns``), or None; a
    breadcrumb of columns' names only (首页 > 政务公开 > 政府信息公开年报) names none."""
    rules = _rules()["title"]
    columns = tuple(rules["breadcrumb_columns"] + rules["site_name_endings"])
    for raw in lines[: min(limit, rules["max_line"])]:
        if not _is_breadcrumb(raw):
            continue  # (most lines)
        crumbs = [c for c in _crumb_separators().split(raw) if c]
        for crumb in reversed(crumbs[1:]):
            if _agency_like(crumb):
                return _clean_agency(crumb)
            if not crumb.endswith(columns):
                break
    return None


def _box_labels() -> set[str]:
    fields = _rules()["fields"]
    return set(fields["box_labels"]) | set(fields["published"]) | set(fields["agency"])


def _starts_with_box_label(raw: str) -> bool:
    """Whether the line starts with the label of a header box's field, set apart from what follows."""
    first = re.split(r"[\s:：|]+", _without_stamp(raw).strip(), maxsplit=1)
    return len(first) > 1 and first[0] in _box_labels() or bool(_spaced_box_label().match(raw))


@functools.lru_cache(maxsize=1)
def _spaced_box_label() -> re.Pattern[str]:
    """A box's label padded with spaces to the width of longer ones, then its colon ('分　　类：', '发 文 机 关：')."""
    return re.compile(rf"\s*(?:{alternation(_box_labels(), spaced=True)})\s*[:：]")


def _without_field_label(line: str) -> str:
    """A title line without the label of a header box's field ('标题：XX局…年度报告')."""
    for label in _rules()["fields"]["title"]:
        if line.startswith(label) and len(line) > len(label) + 1:
            return line[len(label):].lstrip(":：|")
    return line


def _find_title(lines: list[str], limit: int) -> tuple[int, int] | None:
    """First and last line of the title: one line, or two when a PDF broke it ('…政府信息公开工作' / '年度报告').

    Of a title that names neither agency nor year and a later one that does, the later.
    """
    rules = _rules()["title"]
    end = min(limit, rules["max_line"])
    bare = None  # a title naming neither agency nor year: a site's column ('政府信息公开年报') above the report's own
    for i in range(end):
        line = _title_candidate(lines[i])
        if line is None:
            continue
        if is_report_title(line):
            # (a column's path before it, '政务公开/政府信息公开年报', names no agency: '政务公开/' is no body's name)
            agency, year = _parse_title(line)
            if year is not None or agency is not None and _agency_like(agency):
                return i, i
            # (not a header box's value below its label: '分类' / '信息公开年报')
            if bare is None and not (i and _LABEL_MARKS.sub("", lines[i - 1]) in _box_labels()):
                bare = (i, i)
            continue
        nxt = _title_candidate(lines[i + 1]) if i + 1 < len(lines) else None
        if nxt is None or not is_report_title(line + nxt):
            continue
        # the break falls after a topic word ('…政府信息公开工作' / '年度报告') or inside one ('…政府信' / '息公开…');
        # a line above a whole title is not part of it, nor is a column's name above a title naming its agency
        # ('政府信息公开' / 'XX局2020年…')
        if any(w in line for w in rules["topic_words"]) and not (
                is_report_title(nxt) and _parse_title(nxt)[0] is not None) or (
                not is_report_title(nxt) and any(w in line + nxt and w not in line and w not in nxt
                                           for w in rules["topic_words"])):
            return i, i + 1
    return bare


def _title_text(lines: list[str], span: tuple[int, int]) -> str:
    """The title's text, with the short lines above it when the title alone names no agency or year.

    A PDF may break a title anywhere: '厦门市财政局' / '2023年度' / '政府信息公开工作年度报告'.
    """
    rules = _rules()["title"]
    first, last = span
    text = _without_field_label("".join(re.sub(r"\s+", "", _without_stamp(line)) for line in lines[first : last + 1]))
    agency, year = _parse_title(text)
    if agency is not None and year is not None:
        return _with_place_above(lines, first, text, agency, year)
    above = [(i, _title_candidate(lines[i])) for i in range(first - 1, -1, -1) if lines[i].strip()]
    joined = text
    for i, line in above[: rules["wrapped_lines"]]:
        if line is None or len(line) > rules["wrapped_max_length"] or is_report_title(line):
            break
        joined = line + joined
        a, y = _parse_title(joined)
        # only a name that reads as an agency's ('分类' above '信息公开年报' in a header box does not); broken
        # inside it, its start on the line above ('驻马店市住房和城' / '乡建设局2020年' / '政府信息公开…')
        if a is not None and _agency_like(a) and (y is not None or year is None):
            return _with_place_above(lines, i, joined, a, y)
    return text


def _with_place_above(lines: list[str], first: int, text: str, agency: str, year: int | None) -> str:
    """The title with the line above it when that line holds the start of the agency's name: a title in a large
    font broken after the city ('驻马店市' / '住房和城乡建设局2020年…') or inside it ('驻马店' / '市住房…'), or
    inside the name anywhere ('驻马店市住' / '房和城乡建设局2020年…', '平' / '潭综合实验区财政金融局2023年…').

    Where the agency names no place of its own (or a bare '市', or one the gazetteer does not know): when the place
    read from the joined title covers the whole line above, or when that line is a place the gazetteer knows and a
    piece of a name that holds no ending of one; a place the gazetteer does not know only when the text names the
    joined name elsewhere (its introduction, its signature): a column's name above the title ('正文', '工作动态' /
    '市住建局2020年…') reads as a place by the bare '市' after it.  A line that is no part of the name is left out.
    """
    above = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), None)
    if above is None:
        return text
    line = _title_candidate(lines[above])
    if line is None or len(line) > _rules()["title"]["wrapped_place_length"] \
            or not re.fullmatch(f"[{HAN_RANGES}]+", line):
        return text
    # a name set one or two characters a line ('驻' / '马' / '店市住房…'): the pieces right above joined, the most
    # that make the name ('驻马' / '店' / '市住房…' is not '店市住房…'); a page number or a longer line stops them
    rules = _rules()["title"]
    pieces, piece = [(above, line)], line
    while len(pieces) < rules["wrapped_pieces"] and len(piece) <= rules["wrapped_piece_length"] and pieces[-1][0]:
        piece = _title_candidate(lines[pieces[-1][0] - 1])
        if piece is None or len(piece) > rules["wrapped_piece_length"] \
                or not re.fullmatch(f"[{HAN_RANGES}]+", piece):
            break
        pieces.append((pieces[-1][0] - 1, piece + pieces[-1][1]))
    # pieces joined only into a place the gazetteer knows, else a name the text writes elsewhere: a short line
    # above ('目录', '附件', '公开') joined to a name reads as a place by its ending ('目录驻马店市'), and a
    # breadcrumb may hold it ('政府信息公开平潭综合实验区…')
    taken = [(at, joined, _parse_title(joined + text)[0]) for at, joined in reversed(pieces)
             if _place_above(lines, at, first, joined, text, agency, year)]
    known = [joined for at, joined, name in taken if _known_place(name)]  # type: ignore[arg-type]  # _place_above: a name
    written = [joined for at, joined, name in taken if _written_elsewhere(lines, at, first, name)]  # type: ignore[arg-type]
    return (known or written or [""])[0] + text


def _known_place(name: str) -> bool:
    """Whether ``name`` starts with a place the gazetteer knows."""
    places = _split_places(name)[0]
    return bool(places and places[0].province)


def _written_elsewhere(lines: list[str], above: int, first: int, name: str) -> bool:
    """Whether ``name`` is written on a line outside ``above``..``first`` (the title's own lines left out)."""
    return any(name in re.sub(r"\s+", "", lines[i]) for i in range(len(lines)) if not above <= i <= first)


def _place_above(lines: list[str], above: int, first: int, line: str, text: str, agency: str,
                 year: int | None) -> bool:
    """Whether ``line``, on lines ``above`` to ``first`` - 1, holds the start of the agency's name the title
    ``text`` (read ``agency`` and ``year``) lacks: the rules of _with_place_above."""
    rules = _rules()
    bare = rules["places"]["bare_levels"]
    joined = line + text
    new_agency, new_year = _parse_title(joined)
    if new_agency is None or new_year != year:
        return False
    places, rest = _split_places(new_agency)
    if not places:
        return False
    own, own_rest = _split_places(agency)
    # the agency's own places: none, a bare '市', or ones the gazetteer does not know ('驻' / '马店市…')
    unknown_own = all(p.text in bare or (p.province is None and not p.candidates) for p in own)
    if len(new_agency) - len(rest) >= len(line) and (
            (all(p.text in bare for p in own) and rest == own_rest) or (unknown_own and places[0].province)):
        return True
    # a break inside the department's name: after a place the gazetteer knows, a piece of a name that holds no
    # ending of one nor a site's ('驻马店市住' / '房和城乡建设局…'; not '驻马店市新闻网'), or the name as the text writes it
    # elsewhere (the title's own lines left out)
    if new_agency == agency or new_agency != line + agency:
        return False
    piece = line[len(new_agency) - len(rest):]
    if unknown_own and places[0].province and piece and not any(e in piece for e in _body_endings()) \
            and not piece.endswith(tuple(rules["title"]["site_name_endings"])):
        return True
    return _written_elsewhere(lines, above, first, new_agency)


def _clean_agency(text: str, topic_split: bool = False) -> str | None:
    """``text`` without quotes, marks and ``trim_words`` (关于, 的) at its ends, or None where no name is left;
    its 政府 cut where ``topic_split`` tells it is the topic's, split from 信息公开 by the year ('XX局政府2020年信息
    公开…'): a government's short name keeps it ('正阳县政府2020年政府信息公开…', '发布机构：正阳县政府')."""
    rules = _rules()["title"]
    text = text.strip(" \t:-—|,、" + rules["quote_marks"])
    changed = True
    while changed and text:
        changed = False
        for word in rules["trim_words"]:
            if text.startswith(word):
                text, changed = text[len(word):], True
            if text.endswith(word):
                text, changed = text[: -len(word)], True
    if text.endswith((")", "）")):
        text = _scope_note().sub("", text)  # ('XX局（本级）': a note of the report's scope, read as a phrase in brackets)
    topic = topic_split and text.endswith("政府") and not text.endswith("人民政府") and len(text) > 2
    if topic:
        text = text[:-2]  # "XX局政府2020年信息公开": 政府 belongs to the topic
    text = text.strip(" \t:-—|,、" + rules["quote_marks"])
    if not (2 <= len(text) <= 60) or not re.search(f"[{HAN_RANGES}]", text):
        return None
    if re.search(r"\d", text):
        return None
    # (the 政府 cut must leave a body's name: '法制型政府' is a kind of government, '法制型' no name)
    return None if topic and not _body_name(text) else text


@functools.lru_cache(maxsize=1)
def _scope_note() -> re.Pattern[str]:
    """A note of the report's scope in brackets at a name's end (metadata.yaml ``title.scope_notes``: '（本级）')."""
    return re.compile(rf"\s*[(（]\s*(?:{alternation(_rules()['title']['scope_notes'])})\s*[)）]$")


def _issued_title(text: str) -> tuple[str, str] | None:
    """(issuer, the report's own title) of a notice issuing the report, or None.

    '驻马店市人民政府办公室关于印发驻马店市2020年…年度报告的通知' → ('驻马店市人民政府办公室关于',
    '驻马店市2020年…年度报告').
    """
    rules = _rules()["title"]
    for word in rules["issue_words"]:
        pos = text.find(word)
        if pos < 0:
            continue
        inner = text[pos + len(word):]
        inner = next((inner[: -len(e)] for e in rules["notice_endings"] if inner.endswith(e)), inner)
        if is_report_title(inner):  # the issued document is the report, not the notice's subject
            return text[:pos], inner
    return None


def _parse_title(title: str) -> tuple[str | None, int | None]:
    """Agency and year of a title line; of a notice issuing the report, those of the report it issues."""
    rules = _rules()["title"]
    text = re.sub(r"\s+", "", title)
    issued = _issued_title(text)
    if issued is not None:
        agency, year = _parse_title(issued[1])
        # the issuer stands for the report's agency only when the report's title names none
        return agency or _clean_agency(issued[0]), year
    year = None
    agency_part, topic_split = text, False
    m = _YEAR_TOKEN.search(text)
    if m:
        year = _year_value(m.group(1))
        before, after = text[: m.start()], text[m.end():]
        before = _YEAR_RANGE_START.sub("", before)  # "XX局2019—2020年…": the agency ends before the range
        tail = m.group(2)  # the 度 of 年度 read with the year
        end = _YEAR_RANGE_END.match(after)  # "XX局2019年至2020年…": the year is the last of the range
        if end and _year_value(end.group(1)):
            year, after, tail = _year_value(end.group(1)), after[end.end():], end.group(2)
        if tail and _unit_after_year(tail + after):
            after = tail + after  # '2020年度假区管委会…': 2020年 and 度假区管委会, not 2020年度 and 假区管委会
        # the topic's 政府 before the year, its 信息公开 after it ('XX局政府2020年信息公开…')
        topic_split = any(w.startswith("政府") and after.startswith(w[2:]) for w in rules["topic_words"])
        # "XX局2020年…报告" names the agency before the year, "2020年XX局…报告" after it
        agency_part = before if _clean_agency(before, topic_split) else after
        topic_split = topic_split and agency_part is before
    for word in rules["agency_ends_at"]:
        pos = agency_part.find(word)
        if pos >= 0:
            agency_part = agency_part[:pos]
            # "乌当区人民政府信息公开": the 政府 of 人民政府 is the agency's
            if word == "政府信息公开" and agency_part.endswith("人民"):
                agency_part += "政府"
            break
    return _clean_agency(agency_part, topic_split), year


def _unit_after_year(text: str) -> bool:
    """Whether ``text``, what follows a year's 年 ('度假区管委会…'), starts with a zone's name of
    ``places.zone_endings`` (度假区) that the 度 of 年度 would cut ('假区管委会…' names no place the gazetteer knows)."""
    zones = _rules()["places"]["zone_endings"]
    return text.startswith(tuple(z for z in zones if z[0] == text[0])) and _match_known(text[1:], 0) is None


# --- fields and signature ------------------------------------------------------------


def _field_regions(lines: list[str]) -> list[str]:
    rules = _rules()["fields"]
    head = lines[: rules["head_lines"]]
    tail = lines[max(rules["head_lines"], len(lines) - rules["tail_lines"]):]
    return _join_lone_labels(head) + _join_lone_labels(tail)


def _join_lone_labels(lines: list[str]) -> list[str]:
    """A field label alone on its line ('发布机构' / '高港区住房和城乡建设局', as a header box is copied) joined
    with the next filled line, as 'label:value'."""
    lone = _lone_label_line()
    out: list[str] = []
    i = 0
    while i < len(lines):
        nxt = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None) \
            if lone.fullmatch(lines[i]) else None
        if nxt is not None:
            out.append(f"{_LABEL_MARKS.sub('', lines[i])}:{lines[nxt].strip()}")
            i = nxt + 1
            continue
        out.append(lines[i])
        i += 1
    return out


_LABEL_MARKS = re.compile(r"[\s:：|\[\]【】]+")  # what sets a field's label apart (in brackets too: '【发布机构】')


@functools.lru_cache(maxsize=1)
def _lone_labels() -> frozenset[str]:
    """The labels of the agency and publication date fields (``fields`` of metadata.yaml)."""
    fields = _rules()["fields"]
    return frozenset(fields["agency"]) | frozenset(fields["published"])


@functools.lru_cache(maxsize=1)
def _lone_label_line() -> re.Pattern[str]:
    """The lines that are a label of :func:`_lone_labels` alone once its marks are dropped (:data:`_LABEL_MARKS`,
    before, after or between its characters: '【发布机构】', '发 布 机 构：'), as one pattern.

    (A line's own test fails at its first characters, where the marks dropped from each whole line of a report's head
    and tail were a substitution's scan of every character; a label holding a mark is no key a line gives.)
    """
    marks = f"(?:{_LABEL_MARKS.pattern})?"
    labels = sorted(label for label in _lone_labels() if label and not _LABEL_MARKS.search(label))
    spelled = "|".join(marks.join(map(re.escape, label)) for label in labels)
    return re.compile(f"{marks}(?:{spelled}){marks}")


@functools.lru_cache(maxsize=1)
def _field_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    fields = _rules()["fields"]
    # (a label padded with spaces to the width of longer ones too: '时　　间：', '发 文 机 关：')
    published, agency = alternation(fields["published"], spaced=True), alternation(fields["agency"], spaced=True)
    # a header box printed without rules sets its fields apart by spaces only ('发布机构 XX局 发文日期 2018-02-28'):
    # a label at the start of the line or after a space, then a space
    # (a label's cell holding its colon: '发布日期： | 2021-01-20')
    # (a label of more than two characters, at the start of the line or after a space, before its date with no
    # colon or space, also in brackets or in Chinese numerals: '发布时间2021-01-20', '发布时间【2021-01-20】',
    # '发布时间二〇二一年一月二十日')
    glued = alternation([label for label in fields["published"] if len(label) > 2])
    # (a label in square brackets, its value after them, a colon or not: '【发布机构】XX局', '[发布日期]：2021-01-20', as
    # a page's header box may set them; read as no label, the agency and the date were NA)
    bracketed = r"[\[【]\s*({})\s*[\]】](?:\s*[:：|])*\s*"
    return (re.compile(rf"({published})(?:(?:\s*[:：|])+\s*|\t\s*)|(?:^|(?<=\s))({published})\s+"
                       rf"|(?:^|(?<=[\s|]))({glued})(?=[\[【(（]?\s*(?:\d{{4}}\s*[-/.年]|{_CN_YEAR}\s*年))"
                       rf"|{bracketed.format(published)}"),
            re.compile(rf"(?:{agency})(?:\s*[:：|])+\s*([^|:：\s]{{2,60}})"
                       rf"|(?:^|(?<=\s))(?:{agency})\s+([^|:：\s]{{2,60}})"
                       rf"|{bracketed.format(f'?:{agency}')}([^|:：\s]{{2,60}})"))


@functools.lru_cache(maxsize=1)
def _field_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The labels of ``fields.published`` and ``fields.agency`` alone: a line without one holds no match of
    :func:`_field_patterns`.  (Those open with a look back, and are tried at every character of a line; these skip
    to their labels' first characters.)"""
    fields = _rules()["fields"]
    return (re.compile(alternation(fields["published"], spaced=True)),
            re.compile(alternation(fields["agency"], spaced=True)))


def _published_field(regions: list[str]) -> tuple[_dt.date | None, bool]:
    """The date of the most preferred label of ``fields.published`` (发布日期 over 成文日期) in the lines of
    :func:`_field_regions`, and whether a label stood before a date that cannot be read."""
    pattern = _field_patterns()[0]
    preference = _rules()["fields"]["published"]
    garbled = False
    best: tuple[int, _dt.date] | None = None
    labels = _field_labels()[0]
    for n, line in enumerate(regions):
        if not labels.search(line + regions[n + 1] if n + 1 < len(regions) else line):
            continue  # (no label on the line, nor one a wrap broke over it and the next)
        # (and a label that a wrap broke over two lines: '…时间' / '：2021-01-27')
        for m, value in _labels_at(pattern, regions, n):
            k = next(g for g in (1, 2, 3, 4) if m.group(g))
            if _not_published().search(m.string, max(0, m.end(k) - 6), m.end(k)):
                continue  # (日期 ending a label dating no publication: '打印日期：2023-05-01', the date the page printed)
            date, bad = _parse_date_at(value.lstrip(" [【(（"))  # ('发布时间：【2021-01-20】')
            if date is not None:
                rank = preference.index(re.sub(r"\s+", "", next(label for label in m.groups() if label)))
                if best is None or rank < best[0]:
                    best = (rank, date)
            garbled = garbled or bad
    return (best[1] if best else None), garbled


@functools.lru_cache(maxsize=1)
def _not_published() -> re.Pattern[str]:
    """A label of metadata.yaml ``fields.not_published`` ending where it is searched up to ('打印日期')."""
    return re.compile(rf"(?:{alternation(_rules()['fields']['not_published'])})$")


_DATE_PIECE = re.compile(r"[\d年月日.\-/]{0,11}")  # the start of a date that a wrap may have cut ('2021-01-')


def _labels_at(pattern: re.Pattern[str], regions: list[str], n: int) -> list[tuple[re.Match[str], str]]:
    """(label, the text after it) of the labels of ``pattern`` on line ``n`` of ``regions``, then of those that
    start on it and end on the next line (matched in the two lines joined: '…发文日期' / ' | 2018-02-28 |')."""
    line = regions[n]
    found = [(m, _field_value(regions, n, m.end())) for m in pattern.finditer(line)]
    if n + 1 < len(regions):
        joined = line + regions[n + 1]
        found += [(m, joined[m.end():]) for m in pattern.finditer(joined)
                  if m.start() < len(line) < m.end()]
    return found


def _field_value(regions: list[str], n: int, at: int) -> str:
    """The value of the field whose label ends at ``regions[n][at]``: the rest of the line, with the next line
    joined on where a wrap cut the date in two ('时间：2021-01-' / '27 11:26'; a full date ending the line is
    read alone: '2021-01-27' / '11:26' joins to no date)."""
    value = regions[n][at:]
    if n + 1 < len(regions) and _DATE_PIECE.fullmatch(value.strip()) and regions[n + 1][:1].strip():
        joined = value.strip() + regions[n + 1].strip()
        if _parse_date_at(joined)[0] is not None:
            return joined
    return value


def _agency_field(regions: list[str]) -> str | None:
    """The agency of a field labelled ``fields.agency`` in the lines of :func:`_field_regions`."""
    pattern, labels = _field_patterns()[1], _field_labels()[1]
    for line in regions:
        for m in pattern.finditer(line) if labels.search(line) else ():
            value = m.group(1) or m.group(2) or m.group(3)
            if value in _box_labels():
                continue  # '发布机构 发文日期 …': the value wrapped onto other lines
            agency = _clean_agency(value)
            if agency:
                return agency
    return None


@functools.lru_cache(maxsize=1)
def _source_pattern() -> re.Pattern[str]:
    """A page's source field (``fields.source`` and a colon, '来源：驻马店市司法局 发布时间：…'), its value the name
    up to a space, a cell's bar, a colon or a digit (a date glued after it)."""
    source = alternation(_rules()["fields"]["source"])
    return re.compile(rf"(?:^|(?<=[\s|]))(?:{source})\s*[:：]\s*([^|:：\s\d]{{2,40}})")


def _source_agency(regions: list[str]) -> str | None:
    """The body a page's source field names in the lines of :func:`_field_regions` ('来源：驻马店市司法局'), where
    it is a body's name (not '本站', a site or a paper: '人民网', 'XX日报'), else None.  A source may be another
    site the page copied, so it is the last of the agency's fallbacks."""
    pattern, labels = _source_pattern(), _rules()["fields"]["source"]
    for line in regions:
        if not any(label in line for label in labels):
            continue  # (most lines hold none)
        for m in pattern.finditer(line):
            agency = _clean_agency(m.group(1))
            if agency and _agency_like(agency):
                return agency
    return None


@functools.lru_cache(maxsize=1)
def _clause_marks() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """metadata.yaml's clause_starts (longest first) and clause_words: the marks of a sentence's clause."""
    return _longest_first("agency", "clause_starts"), tuple(_rules()["agency"]["clause_words"])


def _is_clause(text: str) -> bool:
    """Whether ``text`` is a clause of a sentence ending in a body's name ('按照省委', '和国务院'), not a name: it
    starts with a word of ``clause_starts`` that no place the gazetteer knows holds (和平区), or holds one of
    ``clause_words``."""
    starts, words = _clause_marks()
    if text.startswith(starts):
        word = next(w for w in starts if text.startswith(w))
        place = _match_known(text, 0)
        if place is None or len(place.text) <= len(word):
            return True
    return any(w in text for w in words) or _verb_before_place(text)


@functools.lru_cache(maxsize=1)
def _clause_verbs() -> re.Pattern[str]:
    """metadata.yaml's clause_verbs, as one pattern."""
    return re.compile(alternation(_rules()["agency"]["clause_verbs"]))


def _verb_before_place(text: str) -> bool:
    """Whether a verb of ``clause_verbs`` (a report sent to a body: 报, 送) stands right before a place in ``text``,
    a bare level or one the gazetteer knows ('整改情况报区政府办公室', '抄报市财政局'); not where a name holds the verb
    before other words ('日报社', '情报局')."""
    levels = tuple(_rules()["places"]["bare_levels"])
    return any(text.startswith(levels, m.end()) or _match_known(text, m.end()) is not None
               for m in _clause_verbs().finditer(text))


@functools.lru_cache(maxsize=1)
def _government_only_endings() -> tuple[str, ...]:
    """The government endings no department ending ends (人民政府, 政府): a name so ending is a government's or
    none."""
    rules = _rules()["agency"]
    return tuple(e for e in rules["government_endings"] if not e.endswith(tuple(rules["department_endings"])))


def _agency_like(text: str) -> bool:
    text = text.strip()
    return _name_shaped(text) and bool(_body_name(text))


def _name_shaped(text: str) -> bool:
    """Whether ``text`` may be a name: 2 to 40 Chinese characters or brackets, no sentence's clause (_is_clause)."""
    return 2 <= len(text) <= 40 and bool(re.fullmatch(rf"[{HAN_RANGES}()]+", text)) and not _is_clause(text)


def _page_title_agency(agency: str) -> bool:
    """Whether the agency of a page's title (or a file's name) is read: a body's name (_agency_like), or one ending
    as no body's does (_body_name None: '北京大学', '驻马店职业技术学院'), as the text's title gives it, unless it ends
    as a site's column or the site does (``title.breadcrumb_columns``, ``site_name_endings``: '专题专栏') or is a
    template's name (formats.yaml ``template_titles``: '无标题', '文档')."""
    if not _name_shaped(agency):
        return False
    named = _body_name(agency)
    if named is not None:
        return named
    rules = _rules()["title"]
    return not agency.endswith(tuple(rules["breadcrumb_columns"] + rules["site_name_endings"])) \
        and not re.fullmatch(load_formats()["template_titles"], agency)


@functools.lru_cache(maxsize=4096)
def _body_name(text: str) -> bool | None:
    """Whether ``text``, ending as a government's or a department's name does or holding places only, is such a
    name (True) or a phrase so ending (False: '法制型政府', '各乡', '本局', '街道办事处'), or a reference or a
    collective ending otherwise (False: '本单位', '各部门'); None where it is neither (no body's ending, words after its
    places: '北京大学', 'XX中学').  Nor is a name of no place nor level the Party committee or its body ('党委', '党工委',
    '委员会', '党委办公室': a signature's line cut from its place, as '中共党委' is no agency), a government's ending
    alone ('管理委员会', '管委会', '办事处', as '人民政府') or a department's endings only ('办公室', '中心': not
    ``short_names``, '妇联'); after a name's places they are (:func:`_body_name_of`:
    '乌当区新华镇党委办公室', '某县人民政府办公室')."""
    return False if _nameless_body(text) else _body_name_of(text)


def _nameless_body(text: str) -> bool:
    """Whether ``text`` is the Party committee or its body with no place nor level named (``committee_starts``
    first: '党委', '委员会'), a government's ending alone (``government_endings``: '管理委员会') or a department's
    endings only, none of them a body's name alone (``short_names``, ``national_names``: '办公室', '中心', '局办公室';
    not '妇联', '政协办公室', '审计署')."""
    rules = _rules()["agency"]
    if text.startswith(tuple(_rules()["places"]["committee_starts"])) or text in rules["government_endings"]:
        return True
    pieces = _ending_pieces(text) or []  # (none: other words in it, or empty)
    return bool(pieces) and text not in rules["national_names"] and not any(p in rules["short_names"] for p in pieces)


@functools.lru_cache(maxsize=4096)
def _body_name_of(text: str) -> bool | None:
    """:func:`_body_name` of ``text``, which may also be what follows a name's places: the Party committee's body and
    a government's ending alone are names there ('党委办公室' of '乌当区新华镇党委办公室')."""
    places_rules = _rules()["places"]
    if text in places_rules["suffix_levels"]:
        return False  # a place's ending alone, no place named ('街道办事处', '街道办')
    if text.endswith((")", "）")):
        # a body's name and its second in brackets ('中共郑州市委党校(郑州市行政学院)'), else a phrase in them
        # ('XX局(本局)')
        named = _second_name(text)
        if named is not None:
            return named
    if _glued_place(text):
        return False  # a year's tail or a house number glued before a place ('年度赵县', '号晋城市行政中心')
    if text.endswith(_body_endings()):
        if text.endswith(_not_body_endings()):
            return False
        if text.endswith(_government_only_endings()):
            # a kind of government ('法制型政府', '服务型政府', '透明政府'), no government's name: its places and the
            # ending, nothing else; nor a phrase's ('各乡人民政府', '县委县政府', the committee's start after the
            # places or in what follows them, '正阳镇党委正阳镇人民政府', '北京市人民政府北京市委市人民政府'; a phrase after
            # the places, '乌当区新华街道办事处各乡镇人民政府'), nor a collective's, no place read
            places, rest = _split_places(text)
            return _kind(rest, bool(places)) is not None and not _phrase_places(places) and not _phrase_after(rest) \
                and not (places and rest not in _government_only_endings() and _body_name_of(rest) is False) \
                and not (places and any(start in rest for start in places_rules["committee_starts"])) \
                and (bool(places) or not _collective_government(text))
        # a department's name starting with a phrase's place (an address's tail, '号乌当区行政中心'): its first
        # place, most often one the gazetteer knows (one lookup), else all its places (a bare level before the
        # committee's, '区委办区政府办'); not the Party's or a central body's name before a place
        # ('中共驻马店市委…', '国家统计局驻马店调查队'), but the Party's committee of a bare level, no place named
        # ('中共县委', '中共区委办公室', as '县委')
        prefixes = _longest_first("agency", "national_prefixes", "national_names", "party_prefixes")
        if text.startswith(prefixes):
            return not _bare_committee(text[len(next(p for p in prefixes if text.startswith(p))):])
        name = text.lstrip("(（")  # (a bracket is no word glued before it: '(伊州区…')
        first = _match_place(name, 0)
        if first is None:
            # a reference or a collective, no place read: a collective's start before a body's ending ('本局',
            # '我局', '各委办局', '各派出所', '本医院', '全财政局', '全民政局': collective_starts), not a word so starting
            # ('全民健身中心': collective_words, :func:`_collective_word`)
            return not (text.startswith(tuple(places_rules["collective_starts"])) and not _collective_word(text))
        if _phrase_place(first):
            return False
        if _is_unit(first) and not any(start in name[len(first.text):] for start in places_rules["committee_starts"]) \
                and not _county_short_alone(first.text):
            return not _phrase_after(name[len(first.text):])  # (most names; not '乌当区财政局本局')
        # all its places where the first is no unit, the committee's 委 follows it or it is a county's short name
        # read by its ending: the committee and the government's office named together ('北京市委市政府办',
        # '河北省石家庄市委市政府办', '正阳镇党委正阳镇政府办'; '驻马店市委组织部' reads), a road's name before a place
        # ('泽州路晋城市行政中心')
        # (nor the committee of a bare level, no place named, nor its bodies: '镇党委', '区委办', '镇党委办公室',
        # '县委宣传部'; a body of the committee after a body's name, '北京市人民政府街道委办公室')
        places, rest = _split_places(text)
        committee = rest.startswith(tuple(places_rules["committee_starts"]))
        return not (_phrase_places(places) or _phrase_after(rest) or places and rest and _body_name_of(rest) is False
                    or committee and any(w in rest for w in places_rules["committee_governments"])
                    or committee and all(p.text in places_rules["bare_levels"] for p in places)
                    or _committee_body(rest) and _phrase_after(name[len(first.text):]))
    if _tiers_named(text) or text in places_rules["not_places"]:
        return False  # tiers named together ('省市', '县乡': no place read, so no phrase either), a word of no place
    places, rest = _split_places(text)
    if rest:
        # a reference or a collective, no place read ('本单位', '各部门': collective_starts) is no name; a central
        # body's is ('全国人大'); nor a count whose second numeral stands after the places ('三区一岛'); else words
        # after the places (a university's, a school's name) or no place
        if places and not text.startswith(_longest_first("agency", "national_prefixes", "national_names",
                                                          "party_prefixes")):
            # (nor a body's name and a phrase after it, '北京市人民政府各省', '乌当区财政局两区三县', '乌当区新华街道办事处
            # 各乡镇'; '河南省人民政府参事室' is None, a name of no body's ending)
            return False if _phrase_places(places, rest) or _phrase_after(rest) or _body_name_of(rest) is False \
                or _plural_tail(rest) else None
        return False if text.startswith(tuple(places_rules["collective_starts"])) \
            and not text.startswith(_longest_first("agency", "national_prefixes")) else None
    # places only, one of them a unit: not a bare level ('街道') nor a zone of no place ('医药高新区')
    # (nor a county's short name read by its ending, '泽州' of 泽州县, '通州' of two 通州区: the county, no organ,
    # named)
    bare = places_rules["bare_levels"]
    return any((p.province or p.candidates or not (p.level is None or p.text in bare))
               and not _county_short_alone(p.text) for p in places) and not _phrase_places(places)


def _collective_word(text: str) -> bool:
    """Whether ``text``, a body's name, starts with a word of ``collective_words`` and a stem of two characters or
    more after it, before its ending ('全民健身中心': 全民 and 健身; not '全民政局', 全 and a department's name, 民政局,
    whose stem would be 政 alone)."""
    word = next((w for w in _rules()["places"]["collective_words"] if text.startswith(w)), None)
    if word is None:
        return False
    ending = next(e for e in _longest_first("agency", "government_endings", "department_endings") if text.endswith(e))
    return len(text) - len(word) - len(ending) >= 2


def _committee_body(rest: str) -> bool:
    """Whether ``rest``, what follows a name's places, is a body of their Party committee: the committee's start
    (``committee_starts``) and a body's ending after it ('党委办公室', '委宣传部'; not the committee alone, '党委', nor
    its office's short form, '委办')."""
    starts = _longest_first("places", "committee_starts")
    if not rest.startswith(starts):
        return False  # (most names: one test in C)
    start = next(s for s in starts if rest.startswith(s))
    return rest[len(start):].endswith(_body_endings())


def _second_name(text: str) -> bool | None:
    """Whether ``text``, a body's name and words in brackets after it, is one body of two names
    ('中共郑州市委党校(郑州市行政学院)': both names, :func:`_body_name` True; read by the first), not a name and a
    phrase ('XX局(本局)'); None where no body's name stands before the brackets ('医药高新区(高港区)', places)."""
    start = max(text.rfind("("), text.rfind("（"))
    if start <= 0 or not _body_name(text[:start]):
        return None
    # (or the name and a note of the report's scope, '乌当区财政局（本级）': a signature's name so noted, cut from the
    # agency by _scope_note, was read as a name and a phrase, no agency)
    return bool(_body_name(text[start + 1: -1])) or _scope_note().search(text) is not None


def _phrase_after(rest: str) -> bool:
    """Whether ``rest``, what follows a name's places, is a body's name or a place and a phrase after it ('人民政府各省',
    '财政局两区三县', '新华镇各局': the government's or the department's name, or a township's, and a collective, a
    count, tiers named together)."""
    ends, levels = (*_body_endings(), *_suffixes()), _rules()["places"]["suffix_levels"]
    # (after a place's ending too, '新华镇各局', '新华街道办省市'; not before a place's or a body's ending alone, the
    # 镇 of '新市镇', the 人民政府 of '古城乡人民政府')
    return any(rest.endswith(ends, 0, i) and rest[i:] not in levels and not _endings_only(rest[i:])
               and _body_name_of(rest[i:]) is False for i in range(2, len(rest)))


def _plural_tail(rest: str) -> bool:
    """Whether ``rest``, what follows a name's places, ends in a collective starting with one of ``plural_starts``
    after other words ('直各单位' of '市直各单位')."""
    starts = tuple(_rules()["places"]["plural_starts"])
    return any(rest.startswith(starts, i) and _body_name_of(rest[i:]) is False for i in range(1, len(rest)))


def _glued_place(text: str) -> bool:
    """Whether ``text`` starts with words of metadata.yaml ``places.glued_starts`` (a year's tail, 年度, 年; a house
    number's 号, also after its number in Chinese numerals, ``glued_numerals``) and a place the gazetteer knows right
    after them, of any length, or a zone's ending (``zone_endings``): a phrase, whatever the place's ending reads or
    what follows ('年度赵县', '年度镇江市', '年度晋城市人民政府', '号晋城市行政中心', '七号晋城市行政中心',
    '年度度假区管委会')."""
    rules = _rules()["places"]
    starts = _longest_first("places", "glued_starts")
    text = text.lstrip(rules["glued_numerals"])  # (a house number's, '七号'; most names: nothing to strip)
    return text.startswith(starts) and any(
        text.startswith(start) and (_match_known(text, len(start)) is not None
                                    or text.startswith(tuple(rules["zone_endings"]), len(start)))
        for start in starts)


def _endings_only(text: str) -> bool:
    """Whether ``text`` is bodies' endings and nothing else ('局', '委办局': 委办 and 局), each the longest ending
    it ends with, whatever the order of metadata.yaml's lists."""
    return _ending_pieces(text) is not None


def _ending_pieces(text: str) -> list[str] | None:
    """The bodies' endings ``text`` is made of, from its end, each the longest ending it ends with ('局办公室':
    办公室, 局), or None where other words stand in it."""
    pieces: list[str] = []
    while text:
        ending = next((e for e in _longest_first("agency", "government_endings", "department_endings")
                       if text.endswith(e)), None)
        if ending is None:
            return None
        pieces.append(ending)
        text = text[: -len(ending)]
    return pieces


def _collective_government(text: str) -> bool:
    """Whether ``text``, a government's ending after no place, names governments as a collective: the ending alone
    ('人民政府'), after a collective's start ('各乡镇人民政府', '各级人民政府': ``collective_starts``) or a word of
    ``not_places`` ('乡镇人民政府'); not a name whose place is not read ('中央人民政府', '三乡镇人民政府')."""
    head = text[: -len(next(e for e in _government_only_endings() if text.endswith(e)))]
    rules = _rules()["places"]
    return not head or head.startswith(tuple(rules["collective_starts"])) or head in rules["not_places"]


def _phrase_places(places: list[_Place], rest: str = "") -> bool:
    """Whether the places read at the start of a name make a phrase, not a name: one of them is (_phrase_place),
    or those the gazetteer does not know hold numerals of ``count_numerals`` in two runs or more together (a count
    split into places, '两区三县'), also with the words after them, ``rest``, where they are no unit ('三区一岛')."""
    rules = _rules()["places"]
    told = "".join(p.text for p in places if not _is_unit(p))
    told += rest if told else ""
    return len(re.findall(f"[{rules['count_numerals']}]+", told)) > 1 or any(_phrase_place(p) for p in places)


def _tiers_named(text: str) -> bool:
    """Whether ``text`` is tiers named together: two or more single-character ``bare_levels`` and nothing else
    ('市县' of '省市县', '县区', '省市'; not one alone, '市' of '市住建局')."""
    return len(text) > 1 and not text.strip("".join(level for level in _rules()["places"]["bare_levels"]
                                                   if len(level) == 1))


def _is_unit(place: _Place) -> bool:
    """Whether ``place`` is no phrase's: a name the gazetteer knows, a zone's, a corps' unit's, a renamed county's."""
    return place.text in _index()["full"] or place.zone or place.province is not None


def _phrase_place(place: _Place) -> bool:
    """Whether a place read by its ending alone is a phrase ending as a place does, no unit's name: a collective or
    a reference (metadata.yaml places.collective_starts: '各乡', '全县', '我区'), the Party committee's 委 glued
    before the next tier's name (``committee_starts``: '委县' of '正阳县委县政府'), the Party's name before a place's
    ending (agency.party_prefixes, no place's stem: '中共镇' of '北京市人民政府中共镇委', a second body's name after a
    body's, as it is no place first in a name, :func:`_classify_agency`), a slogan's count (numerals of
    ``count_numerals`` in two runs or more: '一岛两窗三区'), tiers named together (single-character ``bare_levels``
    only: '市县' of '省市县'; also after a place, '新华镇省市'), or words glued before a place the gazetteer knows (a
    year's tail, a clause, an address's house number: '年度乌当区', '城建服务热线并入哈密市', '号乌当区'), or a body's
    name and a phrase after it read as one place by the phrase's ending ('妇联各省', '政府省市': :func:`_phrase_after`)."""
    if _is_unit(place):
        return False
    text = place.text
    rules = _rules()["places"]
    if text.startswith(tuple(rules["collective_starts"])) and not _collective_town(place) \
            or text.startswith(tuple(rules["committee_starts"])) or _committee_after_level(text) \
            or text.startswith(_longest_first("agency", "party_prefixes")) \
            or len(re.findall(f"[{rules['count_numerals']}]+", text)) > 1 or _tiers_named(text):
        return True
    full = _index()["full"]
    # (also a body's name and a phrase read as one place by the phrase's ending, '妇联各省', '政府省市', or a place
    # and tiers named together, '新华镇省市')
    return any(text[i:] in full for i in range(1, len(text) - 2)) or _phrase_after(text) \
        or any(text.endswith(_suffixes(), 0, i) and _tiers_named(text[i:]) for i in range(2, len(text) - 1))


def _collective_town(place: _Place) -> bool:
    """Whether ``place``, starting as a collective does, is a township's name: a stem character after the start
    ('全胜镇', '本固镇'; not '全镇', '该街道'), not after a start of ``plural_starts`` ('各个镇')."""
    rules = _rules()["places"]
    return place.level == "township" and _suffix_at(place.text, 1) is None \
        and not place.text.startswith(tuple(rules["plural_starts"]))


def _bare_committee(text: str) -> bool:
    """Whether ``text``, what follows the Party's name, is a Party committee or its body with no place named: the
    committee's start (``committee_starts``) first ('党委' of '中共党委') or after a bare level ('县委' of '中共县委')."""
    return text.startswith(tuple(_rules()["places"]["committee_starts"])) or _committee_after_level(text)


def _committee_after_level(text: str) -> bool:
    """Whether ``text`` starts with a bare level and the committee's start after it ('镇委镇' of '镇委镇政府')."""
    level = _suffix_at(text, 0)
    return level in _rules()["places"]["bare_levels"] \
        and text.startswith(tuple(_rules()["places"]["committee_starts"]), len(level))  # type: ignore[arg-type]  # in bare_levels: not None


def is_furniture(line: str) -> bool:
    """Whether a line is none of the report's text: a page number (:func:`toolkit.normalize.is_page_furniture`), a
    browser's print stamp (a URL, a date and time) or the report's title repeated as a running page header.

    Parameters
    ----------
    line : str
        A normalized line, stripped.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_furniture("- 3 -"), is_furniture("某某市2021年政府信息公开工作年度报告")
    (True, True)
    >>> is_furniture("规范政府信息公开工作年度报告")
    False
    """
    return is_page_furniture(line) or is_print_stamp(line) or is_running_title(_without_print_time(line))


def is_running_title(line: str) -> bool:
    """Whether a line is the report's title repeated as a running page header by a PDF or a browser, with the site's
    name after a separator at most (formats.yaml ``page_header``).

    Parameters
    ----------
    line : str
        A normalized line, stripped.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_running_title("某某市2021年政府信息公开工作年度报告-某某市人民政府")
    True
    >>> is_running_title("某某市2021年政府信息公开工作年度报告-附件")
    False
    """
    header = _page_header().fullmatch(line)
    if not header:
        return False
    title, site = header["title"], header["site"]
    if site and not (_agency_like(site) or site.endswith(tuple(load_formats()["page_header"]["site_endings"]))):
        return False  # '…年度报告-…': no site's name after the title
    candidate = _title_candidate(title)
    if candidate is None or not is_report_title(candidate):
        return False
    # the running title is the report's title alone: a year, the agency, and the title words to the end; without
    # a year only the title words, after the agency at most (not '规范政府信息公开工作年度报告', a wrapped sentence's)
    if _RUNNING_TITLE.fullmatch(title):
        return True
    prefix = title[: min(i for i in map(title.find, _rules()["title"]["topic_words"]) if i >= 0)]
    return not prefix or _agency_like(prefix)


@functools.lru_cache(maxsize=1)
def _page_header() -> re.Pattern[str]:
    """A title line ending in 报告/年报, with a site's name after a separator (formats.yaml ``page_header``)."""
    separator = load_formats()["page_header"]["separator"]
    return re.compile(rf"(?P<title>[^,;:。、]{{0,70}}?(?:报告|年报))(?:{separator}(?P<site>[^,;:。、]{{2,40}}))?")


def _date_in(text: str) -> tuple[_dt.date | None, int, int]:
    """The last date in ``text`` (年月日, Chinese numerals, or 2024-01-15 / 2024.1.15 / 2024/1/15) with its span."""
    found: tuple[_dt.date | None, int, int] = (None, -1, -1)
    # (the 年月日 forms only where a 月 stands: the lines asked are most often none, and those patterns, opening with
    # a look back or ahead, are tried at every character)
    for pattern in (_DATE_YMD, _DATE_CN, _DATE_SEP) if "月" in text else (_DATE_SEP,):
        for m in pattern.finditer(text):
            date = _matched_date(m)
            if date is not None and m.start() > found[1]:
                found = (date, m.start(), m.end())
    return found


def _last_filled(lines: list[str], n: int) -> list[tuple[int, str]]:
    """(index, stripped line) of the last ``n`` non-blank lines (all of them for ``n`` 0), in order (scanning from
    the end)."""
    # (the blank lines passed over in C, lazily from the end: the text's last lines are asked several times a report,
    # a text of paragraphs set apart by blank lines has as many blank as filled ones)
    filled = itertools.compress(range(len(lines) - 1, -1, -1), map(str.strip, reversed(lines)))
    last = list(itertools.islice(filled, n) if n > 0 else filled)
    last.reverse()
    return list(zip(last, map(str.strip, map(lines.__getitem__, last))))  # (in C: all a text's lines, for n 0)


def _is_footer(line: str, words: list[str]) -> bool:
    text = line.strip()
    # (a site footer is a short line; a page glued into one line may name 主办 or 承办 in its body; nor is a sentence
    # holding one of its words, its clauses' or its end's stops in it (glue_stops), furniture: '依申请公开由承办科室按时
    # 答复。', '，明确…技术支持科室…。' after a date opening it, '2021年1月20日，…', which was read as a signature's date)
    # (a browser's print stamp too, on the last page under the signature: 'http://…/art_1.html 3/3', '2021/1/30 下午6:41';
    # it is page furniture to the sections already, but was read as the text's last line, the signature kept in it)
    return is_page_furniture(text) or is_print_stamp(text) or _weekday_stamp(text) \
        or bool(_LONE_NUMBER.fullmatch(text)) or _is_annex(text) or (
        len(text) <= 80 and (_any_word(tuple(words)).search(text) and not _glue_stop().search(text)
                             or _is_site_furniture(text))) \
        or bool(_disclosure_note().fullmatch(text)) or text in _rules()["signature"]["disclosure_notes"] \
        or _is_navigation(text) or (len(text) <= 80 and "." in text and _file_name().search(text) is not None) \
        or _is_colophon(text) or _counter().fullmatch(text) is not None or _not_published_line(text)


def _weekday_stamp(text: str) -> bool:
    """Whether the stripped line ``text`` is a date and a time with the weekday before or after the time
    ('2024/03/01 星期五 09:12', '2024/03/01 09:12 星期五': a site's clock or a print stamp, no posting date: under a
    signature's year and month the first was read as the text's last line, the agency NA, the second as published),
    as :func:`~toolkit.normalize.is_print_stamp` reads one without the weekday."""
    if ":" not in text or not text[:1].isdigit() or (day := _weekday().search(text)) is None:
        return False  # (cheap: most lines hold no time)
    return is_print_stamp(text[: day.start()] + " " + text[day.end():])


def _not_published_line(text: str) -> bool:
    """Whether the stripped line ``text`` is only a date the page gives of no publication after its label, its colon
    or not (metadata.yaml ``fields.not_published``: '打印日期 2021/05/01', '打印时间 2021/05/01 10:30'), its time
    or the page's furniture after it or not: the page's furniture, never the published date."""
    labels = _rules()["fields"]["not_published"]
    if not text.startswith(tuple(labels)):  # (cheap: most lines start otherwise)
        return False
    date, start, end = _date_in(text)
    if date is None or text[:start].strip(" \u3000:：[【(（") not in labels:
        return False
    time = _POSTING_TIME.match(text, end)
    rest = text[time.end() if time is not None else end:]
    return not rest.strip(" \u3000]】)）") or _signature_after_date(rest)


def _is_colophon(text: str) -> bool:
    """Whether the stripped line ``text`` is the colophon's printing line ('XX办公室 2021年1月15日印发',
    :func:`_colophon`)."""
    return text.endswith(_colophon_words()) and _colophon().search(text) is not None


@functools.lru_cache(maxsize=1)
def _colophon_words() -> tuple[str, ...]:
    return tuple(_rules()["signature"]["colophon_words"])


def _colophon_date(lines: list[str]) -> _dt.date | None:
    """The date of the colophon's printing line under the text ('XX办公室 2021年1月30日印发', :func:`_is_colophon`), the
    last one, or None.  (A report issued as an official document may give no other date: the date it was issued on,
    read only where no field, title nor signature dates it.)"""
    for line in reversed(lines[_content_end(lines):]):
        text = line.strip()
        if text.endswith(_colophon_words()) and _is_colophon(text):
            return _date_in(_compact(text))[0]
    return None


@functools.lru_cache(maxsize=1)
def _colophon() -> re.Pattern[str]:
    """The colophon's printing line's end: a whole date then metadata.yaml ``signature.colophon_words``
    ('XX办公室 2021年1月15日印发'), no signature's date."""
    return re.compile(rf"{_WHOLE_DATE}\s*(?:{alternation(_rules()['signature']['colophon_words'])})$")


@functools.lru_cache(maxsize=1)
def _counter() -> re.Pattern[str]:
    """A line that is only a page's view counters ('累计访问：12345', '【浏览次数：88】 访问量：', metadata.yaml
    ``signature.counter_labels``): a label, a colon and a bare count (a unit after it, 次 or 人次), in brackets or not."""
    # (white space taken whole, possessive: tried space by space, '访问：' and a few dozen spaces before no count took
    # seconds, each run split every way between the pattern's five)
    labels = alternation(_rules()["signature"]["counter_labels"])
    one = rf"[\[【(（]?\s*+(?:{labels})\s*+[:：]\s*+\d*+\s*+(?:人?次)?\s*+[\]】)）]?"
    return re.compile(rf"{one}(?:\s*+[|｜/]?\s*+{one})*+")


@functools.lru_cache(maxsize=4)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` in a text (one search in C, not a Python loop over a list of dozens)."""
    return re.compile(alternation(words))


@functools.lru_cache(maxsize=1)
def _file_name() -> re.Pattern[str]:
    """A line's end that is a file's name the page offers to download ('….pdf', '….xlsx(25.6KB)': metadata.yaml
    ``signature.file_types``)."""
    types = alternation(_rules()["signature"]["file_types"])
    return re.compile(rf"\S\.(?:{types})\s*(?:[(（\[]\s*\d+(?:\.\d+)?\s*[KMG]?B?\s*[)）\]])?$", re.IGNORECASE)


def _is_navigation(text: str) -> bool:
    """Whether a line is the site's link to the page before or after this one ('上一篇：XX局2019年…年度报告',
    '【下一篇】…': metadata.yaml title.navigation_prefixes), which web pages set under the report, after its
    signature: page furniture, or the signature above it was not found."""
    rules = _rules()["title"]
    return text.lstrip(rules["quote_marks"] + "(（ ").startswith(tuple(rules["navigation_prefixes"]))


@functools.lru_cache(maxsize=1)
def _disclosure_note() -> re.Pattern[str]:
    """The note of the document's disclosure after the signature in brackets ('(此件公开发布)', metadata.yaml
    signature.disclosure_notes; on a line of its own it may stand without them, :func:`_is_footer`)."""
    return re.compile(rf"[(（\[【]\s*(?:{alternation(_rules()['signature']['disclosure_notes'])})\s*[)）\]】]")


@functools.lru_cache(maxsize=1)
def _weekday() -> re.Pattern[str]:
    """A weekday right after a date, in brackets or not ('（星期五）', '周五': metadata.yaml signature.weekday_words)."""
    day = rf"(?:{alternation(_rules()['signature']['weekday_words'])})[一二三四五六日天]"
    return re.compile(rf"[(（]\s*{day}\s*[)）]|{day}(?![\w])")


_WEEKDAY_LAST = frozenset("一二三四五六日天)）")  # what a weekday after a date ends with (the cheap test first)


@functools.lru_cache(maxsize=1)
def _weekday_end() -> re.Pattern[str]:
    """A weekday ending a line without white space (:func:`_weekday`)."""
    return re.compile(rf"(?:{_weekday().pattern})$")


@functools.lru_cache(maxsize=1)
def _seal() -> re.Pattern[str]:
    """The seal's place at the end of a signature's line ('(盖章)', metadata.yaml signature.seal_marks), or at its
    start, the name after it ('（盖章）驻马店市住建局': read as the name's start, the line was no body's name)."""
    seal = rf"[(（\[【]\s*(?:{alternation(_rules()['signature']['seal_marks'])})\s*[)）\]】]"
    return re.compile(rf"^\s*{seal}\s*|{seal}$")


@functools.lru_cache(maxsize=1)
def _annex_pattern() -> re.Pattern[str]:
    appendix = alternation(load_formats()["appendix"]["words"], spaced=True)  # (附件, 附表: formats.yaml)
    words = _rules()["signature"]["annex_labels"]
    latin = [word for word in words if word.isascii()]
    # (a Latin label in any case, 'EMAIL：', 'E-Mail：': only 'Email' and 'E-mail' matched, the line was no contact's,
    # so the signature above it was not read; the Chinese ones as written)
    labels = f"{alternation(w for w in words if not w.isascii())}|(?i:{alternation(latin)})"
    return re.compile(rf"[(（【\[]?\s*(?:{appendix}|{labels})\s*\d{{0,2}}\s*[:：]")


def _is_annex(line: str) -> bool:
    """An attachment or contact line ('附件：…', '（联系人：张三，联系电话：…）'): formats.yaml's appendix.words,
    signature.annex_labels."""
    return bool(_annex_pattern().match(line))


@functools.lru_cache(maxsize=1)
def _link_label() -> re.Pattern[str]:
    """The label of a web page's block of links alone on its line (metadata.yaml ``signature.link_labels``)."""
    # (also the site's links to the pages before and after this one under their labels alone: '上一篇：' / 'XX局…')
    labels = [*_rules()["signature"]["link_labels"], *_rules()["title"]["navigation_prefixes"]]
    return re.compile(rf"[\[【(（]?\s*(?:{alternation(labels)})\s*[\]】)）]?\s*[:：]?")


def _links_start(lines: list[str]) -> int:
    """Index of the first label of a web page's blocks of links under the report ('相关链接：' / '中国政府网' / …,
    '上一篇：' / 'XX局2019年…年度报告' / '下一篇：' / …): a label alone on its line among the last
    ``signature.link_lines`` filled lines, only short lines without a sentence's end after it; else ``len(lines)``."""
    rules = _rules()["signature"]
    start = len(lines)
    for i, line in reversed(_last_filled(lines, rules["link_lines"])):
        if _link_label().fullmatch(line):
            start = i
        elif len(line) > 60 or _glue_stop().search(line):
            break  # (a sentence: the report's text, no link)
    return start


def _running_title_marked_or_not(line: str) -> bool:
    """Whether ``line`` is the report's title repeated as a running page header (:func:`is_running_title`), in
    book-title marks or not ('《2021年政府信息公开工作年度报告》': metadata.yaml ``title.quote_marks``, the title named as
    a book is), as it stands in or under a signature."""
    return is_running_title(line.strip().strip(_rules()["title"]["quote_marks"]))


def _content_end(lines: list[str]) -> int:
    """Index after the last line that is not blank, a page number or a site footer line (a block of links under the
    report among them, :func:`_links_start`), nor a note under the signature's date (:func:`_note_under_date`), nor
    the report's title repeated as a running page header under the signature, in book-title marks or not ('XX局' /
    '2021年1月20日' / '《2020年度政府信息公开工作年度报告》': the signature was not read, the agency NA and the three
    lines left in the last section's text)."""
    words = _rules()["signature"]["footer_words"]
    end = _links_start(lines)
    while end > 0 and (not lines[end - 1].strip() or _is_footer(lines[end - 1], words)
                       and not _dated_footer(lines[end - 1].strip()) and not _named_footer(lines[end - 1])
                       and not _timed_signature_date(lines, end - 1) or _note_under_date(lines, end - 1)
                       or _running_title_marked_or_not(lines[end - 1])):
        end -= 1  # page numbers, 【打印本页】, the site's 主办/ICP lines, a running title after the signature
    return end


def _note_under_date(lines: list[str], at: int) -> bool:
    """Whether line ``at`` is a note (formats.yaml ``footnote``: '注：本报告统计期限为2020年1月1日至12月31日。') right
    under a signature's last line, blank lines between or not: a line a whole date ends, or an agency's name under a
    date alone (written date first), or a signature of a year and month ('XX局' / '2021年1月', either order:
    :func:`_year_month_signature`).  A note on the report under its signature, whose dates are none of the
    signature's (it was read as the text's last line, the signature above it not read and published NA)."""
    if not is_footnote(lines[at].strip()):
        return False
    above = [line for line in lines[max(at - 8, 0):at] if line.strip()][-2:]  # (the two filled lines above it)
    if not above or _date_ends(above[-1]):
        return bool(above)
    if _year_month_signature([(i, line.strip()) for i, line in enumerate(above)]) is not None:
        return True  # (under a year and month, the agency NA and the signature left in the last section's text)
    return len(above) == 2 and _agency_like(_seal().sub("", _compact(above[-1]))) and _date_ends(above[0]) \
        and _date_in(_compact(above[0]))[1] == 0


def signature_notes(lines: list[str], start: int) -> list[int]:
    """Indices of the notes on the report under its signature, at or after ``start`` (where the signature starts).

    Parameters
    ----------
    lines : list of str
        The report's lines (or its segments' texts).
    start : int
        The index of the signature's first line (:func:`signature_start`).

    Returns
    -------
    list of int
        The lines that are a note (formats.yaml ``footnote``: '注：本报告统计期限为…') right under the signature's
        last line, as the signature's reading passes them over: the report's text, which the last section keeps
        after the signature's removal (cut with it, it was read nowhere).

    Examples
    --------
    >>> signature_notes(["六、其他需要报告的事项", "无。", "某某市某某局", "2020年1月20日", "注：数据截至2019年底。"], 2)
    [4]
    >>> signature_notes(["六、其他需要报告的事项", "无。", "某某市某某局", "2020年1月20日", "- 3 -"], 2)
    []
    """
    return [i for i in range(start, len(lines)) if _note_under_date(lines, i)]


def _timed_signature_date(lines: list[str], at: int) -> bool:
    """Whether line ``at``, a date and a time alone ('2024年2月5日 10:30', a browser's print stamp's shape), is the
    signature's date written with its time: right under a signing name with no date ('XX局' / '2024年2月5日 10:30':
    read as the page's print stamp, the signature had no date and published was NA).  Under a date (a year and month
    signature's, 'XX局' / '2024年2月' / '2024/03/01 09:12') it is a print stamp still."""
    text = lines[at].strip()
    time = _TIME_AFTER_DATE.search(text) if ":" in text else None
    if time is None or not _date_ends(date := text[: time.start()]) or _date_in(_compact(date))[1] != 0:
        return False  # (a date alone before the time, its weekday after it or not: '2024年2月5日 星期一 10:30')
    above = next((line.strip() for line in reversed(lines[:at]) if line.strip()), "")
    return bool(above) and _date_in(_compact(above))[0] is None and not _YEAR_MONTH_END.search(_compact(above)) \
        and _signing_name(_signer(above))


def _named_footer(line: str) -> bool:
    """Whether a line of the page's furniture holds a signature's certain name before it, no date
    ('区政府办公室 附件下载': :func:`_leading_name`)."""
    text = line.strip()
    # (not the colophon's printing office: 'XX办公室 2021年1月15日印发' is no signature)
    return not is_page_furniture(text) and not _is_annex(text) and not _is_colophon(text) \
        and _leading_name(text) is not None


def _dated_footer(text: str) -> bool:
    """Whether a line of the page's furniture holds the signature's date before it ('2021年1月26日 附件下载',
    'XX局 2021年1月26日 【打印本页】'): a whole date, only the furniture after it, nothing or a signing name before it,
    also glued after the last sentence."""
    date, start, end = _date_in(text)
    if date is None or not _signature_after_date(text[end:]):
        return False
    before = _seal().sub("", _compact(text[:start]))
    if not before or _signing_name(before):
        return True
    glued = _glued_name(text)  # (glued after the last sentence: '…暂无。XX局2021年1月26日 【字体：大 中 小】')
    return glued is not None and _signing_name(glued[1])


def _open_bracket(lines: list[str]) -> bool:
    """Whether the last filled line of ``lines`` leaves a bracket open: the line after it goes on with what the
    bracket holds (a wrapped contact: '…2021年1月26日 （联系人：林耀，' / '联系方式：0591-…）'), it starts no annex."""
    last = next((line for line in reversed(lines) if line.strip()), "")
    return last.count("（") + last.count("(") > last.count("）") + last.count(")")


def _annex_end(lines: list[str]) -> int:
    """Index after the last line of the text where attachment or contact lines end it without a signature
    (blank lines and page numbers among them; not a lone number, which may be a table's last value)."""
    end = len(lines)
    annex = False
    while end > 0:
        text = lines[end - 1].strip()
        if _is_annex(text) and not _open_bracket(lines[:end - 1]):
            annex = True
        elif text and not is_page_furniture(text):
            break
        end -= 1
    return end if annex else len(lines)


# where a wrapped line breaks a glued signature off the text before it: a sentence's end or a space
_SIGNATURE_BREAK = re.compile(r"[\s。;；!！?？]")


# the start of a name at a line's end, after the line's last sentence or a space
_WRAPPED_NAME_START = re.compile(r"[\s。;；!！?？]([^\s。;；!！?？]+)\s*$")


def _compact(text: str) -> str:
    """``text`` without white space."""
    return _WHITE.sub("", text)  # (compiled once: re.sub looks its pattern up in re's cache each call)


_WHITE = re.compile(r"\s")  # (the characters str.isspace calls white space, each)


def _raw_prefix(line: str, n: int) -> str:
    """The start of ``line`` holding its first ``n`` characters that are not white space."""
    if _WHITE.search(line, 0, n) is None:
        return line[:n]  # (no white space among them: a glued page's whole text on one line is not walked)
    seen = 0
    for i, ch in enumerate(line):
        if seen == n:
            return line[:i]
        seen += not ch.isspace()
    return line


def _agency_after_break(text: str) -> str | None:
    """The agency-like name ending ``text`` after a sentence's end or a space ('…情况。 XX局'), if any."""
    text = text.rstrip()
    breaks = [m.end() for m in _SIGNATURE_BREAK.finditer(text)]
    for at in breaks:  # the earliest break after which all is the name: the name holds no break
        name = text[at:]
        if name and _signing_name(name):
            return name
    return None


def _signing_name(name: str) -> bool:
    """Whether ``name`` may sign a report: an agency's name (:func:`_agency_like`) or a bare level's Party committee
    or its body, no agency of its own ('中共县委办公室', '区委办': :func:`_bare_committee`), or a government's ending
    alone ('管理委员会': :func:`_nameless_body`)."""
    return _agency_like(name) or (_name_shaped(name) and name.endswith(_body_endings())
                                  and (_bare_committee(_without_party(name)) or _nameless_body(name)))


def _wrapped_signature(tail: list[tuple[int, str]]) -> tuple[int, bool, str | None, _dt.date] | None:
    """A signature at the end of the text that a narrow page or copy wrapped (a web page's glued text wrapped at
    N characters): the date broken over two lines ('…XX局2024年' / '1月29日'), the agency broken over two lines
    ('…无。平潭综合实' / '验区经济发展局' / '2024年1月29日'), or the agency after the text's last sentence on its line
    ('…情况。 XX局' / '2024年1月29日').  (index of the line it starts on, whether it starts that line, agency,
    date), or None where none of these is at the end (a signature on lines of its own is read as before)."""
    # (the seal's place on a line of its own, as a page number, stands between the agency and the date)
    body = [(i, line) for i, line in tail if not is_page_furniture(line) and not _seal().fullmatch(_compact(line))]
    if not body:
        return None
    last = _compact(body[-1][1])
    if last[-1:] in _WEEKDAY_LAST and (weekday := _weekday_end().search(last)) is not None:
        last = last[: weekday.start()]  # (the date's weekday after it, '…2024年1月29日（星期一）': read without it)
    date, start, end = _date_in(last)
    pos, col = len(body) - 1, start
    if date is None or end != len(last):
        if len(body) < 2:
            return None
        prev = _compact(body[-2][1])
        date, start, end = _date_in(prev + last)
        if date is None or end != len(prev + last) or start >= len(prev):
            return None
        pos, col = len(body) - 2, start  # the date broken over the last two lines
    wrapped_date = pos < len(body) - 1
    index, line = body[pos]
    name = _seal().sub("", _compact(line)[:col])  # (without the seal's place after it: 'XX局（盖章）')
    if not name and pos > 0:  # the agency on the line above the date
        if _date_first_above(body, pos - 1):
            return None  # (a posting date under a signature written date first: read on lines of its own)
        pos, col = pos - 1, None
        index, line = body[pos]
        name = _seal().sub("", _compact(line))
    elif not name:
        return None
    before = _raw_prefix(line, len(name)) if col is not None else line
    # the agency's start at the end of the line above, after its last sentence ('…无。平潭综合实' / '验区…局')
    piece = _WRAPPED_NAME_START.search(body[pos - 1][1]) \
        if pos > 0 and not _SIGNATURE_BREAK.search(before.strip()) else None
    if piece and _agency_like(piece.group(1) + name):
        return body[pos - 1][0], False, piece.group(1) + name, date
    whole = _joined_name(body[pos - 1][1], name) if pos > 0 and piece is None else None
    if whole is not None:
        # a long agency line wrapped ('伊州区住房和城乡建' / '设局'): the line above starts with a place the
        # gazetteer knows, after the Party's name or not ('中共驻马店市委' / '宣传部'), and the rest does not (a short
        # line of text above an agency line, '暂无', does not); or
        # the rest is no name alone or bodies' endings only ('市发展和改革' / '委员会', '中共乌当区' / '委员会', '市人民政府' /
        # '办公室') and the line above opens with the report's own place, a bare level too (:func:`_opens_with_own_place`);
        # or the rest opens with no place ('市住房和城乡' / '建设局': read as the agency '建设局', the line above left in
        # the last section's text) and the line above, opening with the own place, is no name alone (not a joint
        # signature's first: '市财政局' / '交通运输局');
        # or the line above is the Party's name alone ('中共' / '驻马店市委宣传部')
        return body[pos - 1][0], True, whole, date
    if _agency_like(name):
        return (index, True, name, date) if wrapped_date else None
    found = _agency_after_break(before)
    if found is not None:
        return index, False, _compact(found), date
    return None


def _joined_name(above: str, name: str) -> str | None:
    """The agency's name ``name`` (compact) joined to the line above it, ``above``, where a long agency line was
    wrapped there (:func:`_wrapped_signature`, its comments); None where the two are no one name wrapped (a joint
    signature's two names, '市财政局' / '交通运输局', or a line of text above the name).  Shared by the signatures
    signed with a full date and with a year and month alone, which wrap alike."""
    upper = _compact(above)
    whole = upper + name
    if not whole or _SIGNATURE_BREAK.search(above.strip()) or not _agency_like(whole):
        return None
    if _match_known(_without_party(whole), 0) is not None and _match_known(name, 0) is None \
            or (not _agency_like(name) or _endings_only(name)) and _opens_with_own_place(whole) \
            or not _opens_with_own_place(name) and _opens_with_own_place(whole) and not _agency_like(upper) \
            or not _without_party(upper):
        return whole
    return None


def _signature_lines(lines: list[str]) -> tuple[int, bool, str | None, _dt.date | None] | None:
    """(index of its first line, whether it ends the text on lines of its own, agency, date) of a signature on
    lines of its own: [agency line,] date line, or the agency and the date on one line ('XX局  2024年2月17日'),
    also wrapped (:func:`_wrapped_signature`; one that starts after a sentence on its line does not stand on
    lines of its own: the text keeps it, as it keeps a signature glued to it)."""
    return _SignatureTail.of(lines).found


class _SignatureTail:
    """The signature that the last filled lines of a text hold, read once for every stage that asks for it.

    The sections' end (:func:`signature_start`, asked again for the same lines where the body's end was sought) and
    the metadata's signature (:func:`_signature`, of the report's lines, whose last lines are most often the
    segments' last ones) read the same tail: its reading is kept by the tail's lines (:func:`_tail_reading`, a
    small cache), what each part is worked out when first asked.

    Attributes
    ----------
    tail : list of (int, str)
        (index, stripped line) of the last ``signature.tail_lines`` filled lines before the page's and the site's
        footer lines (:func:`_content_end`, :func:`_last_filled`).
    """

    __slots__ = ("tail", "_reading")

    def __init__(self, tail: list[tuple[int, str]], headings: Collection[int] = ()) -> None:
        self.tail = tail
        heads = frozenset(pos for pos, (index, _) in enumerate(tail) if index in headings)
        self._reading = _tail_reading(tuple(line for _, line in tail), heads)

    @classmethod
    def of(cls, lines: list[str], headings: Collection[int] = ()) -> _SignatureTail:
        """The tail of ``lines`` (a report's lines or its segments' texts), without the time of day its signature's
        date was written with (:func:`_without_times`); ``headings`` are the indices of the lines the caller found
        to be sections' headings (a signature written date first may stand right under one)."""
        tail = _without_times(_last_filled(lines[: _content_end(lines)], _rules()["signature"]["tail_lines"]))
        return cls(tail, headings)

    @property
    def wrapped(self) -> tuple[int, bool, str | None, _dt.date] | None:
        """:func:`_wrapped_signature` of the tail, its index the line's."""
        return self._at(self._reading.wrapped)

    @property
    def found(self) -> tuple[int, bool, str | None, _dt.date | None] | None:
        """:func:`_signature_lines`: the wrapped signature, else :func:`_lines_signature`'s, its index the line's."""
        return self._at(self._reading.found)

    @property
    def undated(self) -> tuple[int, int, str] | None:
        """:func:`_undated_signature` of the tail, its index the line's."""
        return self._at(self._reading.undated)

    def _at(self, found: tuple | None) -> Any:
        # (the reading's index is a position in the tail: the line's index is the tail's own)
        return None if found is None else (self.tail[found[0]][0], *found[1:])


class _TailReading:
    """The readings of a tail's lines (their index a position in the tail), each done when first asked; ``heads``
    the positions of the lines that are sections' headings."""

    def __init__(self, lines: tuple[str, ...], heads: frozenset[int] = frozenset()) -> None:
        self.tail = list(enumerate(lines))
        self.heads = heads

    @functools.cached_property
    def wrapped(self) -> tuple[int, bool, str | None, _dt.date] | None:
        return _wrapped_signature(self.tail)

    @functools.cached_property
    def found(self) -> tuple[int, bool, str | None, _dt.date | None] | None:
        return self.wrapped if self.wrapped is not None else _lines_signature(self.tail, self.heads)

    @functools.cached_property
    def undated(self) -> tuple[int, int, str] | None:
        return _undated_signature(self.tail)


@functools.lru_cache(maxsize=16)  # (a parse asks a few tails: the body's end tried at a few lines, the metadata's)
def _tail_reading(lines: tuple[str, ...], heads: frozenset[int] = frozenset()) -> _TailReading:
    """The reading of a text's last filled lines ``lines`` (stripped, in order; ``heads`` the positions of sections'
    headings among them), kept for the next stage asking."""
    return _TailReading(lines, heads)


# a time of day alone on its line ('10:30', '10:30:15', '上午10:30'), or after a date ending its line ('2024年2月5日 10:30'),
# its seconds' fraction and its zone or not as a print stamp's ('2024-03-01 09:12:30+08:00', '09:12:30.5', '09:12Z':
# the parts of formats.yaml pdf.time_parts, else the signature's date was not read); a zone west of Greenwich only
# after the seconds ('09:12:30-05:00'), for '9:00-12:00' is a span of hours in the text
_TIME_ALONE = re.compile(_time_form(r"(?:[上下]午\s*)?(?:[01]?\d|2[0-3]):[0-5]\d"
                                    r"(?:{seconds}(?:{west_zone})?)?(?:{zone})?"))
# an ISO 8601 time joined to its date with a T, its seconds, their fraction and the zone or not, as some sites print a
# date ('2024-02-05T10:30', '2024-02-05T10:30:00+08:00'), a space before the T or not ('2024-02-05 T10:30', as
# formats.yaml pdf.stamp_time reads it): the date's, no text after it
_ISO_TIME = _time_form(r"\s*T(?:[01]\d|2[0-3]):[0-5]\d(?:{seconds})?(?:{zone}|{west_zone})?")
_TIME_AFTER_DATE = re.compile(rf"(?:\s*{_TIME_ALONE.pattern}|(?<=\d){_ISO_TIME})\s*$")


def _without_times(tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``tail`` (index, stripped line) without the time of day a date was written with: a time after a date ending its
    line is cut ('XX局 2024年2月5日 10:30', or joined to it by a T: 'XX局 2024-02-05T10:30:00+08:00'), a time alone on
    the line under a date ending its line is left out ('XX局' / '2024年2月5日' / '10:30': read as no date and no name,
    the signature was left in the last section's text and the agency NA).  The time is no part of the agency nor of
    a date."""
    untimed: list[tuple[int, str]] = []
    for index, line in tail:
        if untimed and _TIME_ALONE.fullmatch(line) and _date_ends(untimed[-1][1]):
            continue
        if ":" in line and (time := _TIME_AFTER_DATE.search(line)) is not None and _date_ends(line[: time.start()]):
            line = line[: time.start()]
        untimed.append((index, line))
    return untimed


def _date_ends(line: str) -> bool:
    """Whether a whole date ends ``line`` (white space removed), its weekday after it or not ('2024年2月5日（星期一）')."""
    compact = _compact(line)
    if compact[-1:] in _WEEKDAY_LAST and (weekday := _weekday_end().search(compact)) is not None:
        compact = compact[: weekday.start()]
    date, _, end = _date_in(compact)
    return date is not None and end == len(compact)


def _lines_signature(tail: list[tuple[int, str]],
                     heads: frozenset[int] = frozenset()) -> tuple[int, bool, str | None, _dt.date | None] | None:
    """:func:`_signature_lines` of the text's last filled lines ``tail`` where no wrapped one ends it: the last
    whole date ending a line, the agency before it on its line or on the line above (a date line followed by text
    but an appendix's or the page's: not last); or, no date given, a year and month alone on the last line under a
    signing name ('XX局' / '2021年1月': no day, so no date; read as no signature, both lines went into the last
    section's text and its statements).  A signature written date first stands after a statement's end, or right
    under a section's heading (``heads``: the positions of the tail's lines the caller found to be headings)."""
    month = _year_month_signature(tail, heads)
    if month is not None:
        return month
    end_pos = len(tail) - 1  # the last line that is no posting date under the signature's
    for pos in range(len(tail) - 1, -1, -1):
        index, line = tail[pos]
        if pos == end_pos and (untimed := _without_posting_time(line)) is not None \
                and _posting_date(tail, pos, heads):
            line = untimed  # (its time, '发布时间 2024/02/05 10:30': no date read in '2024/02/0510:30')
        compact = _compact(_first_of_dates(line))
        date, start, end = _date_in(compact)
        if pos == end_pos and _posting_date_line(line, compact) and _posting_date(tail, pos, heads):
            # a date alone under the signature's date ('XX局' / '2021年1月30日' / '2024年1月10日'), or after a
            # publication date's label ('日期：2024年1月10日', '发布时间 2024-01-10'), only the page's furniture after it
            # or not ('2021-02-05 浏览次数：3': read as the signature's date with no agency, published the posting
            # date): a footer's or a copied page's posting date (it was read as the signature's, the signature left
            # in the last section's text): the page's furniture, the signature the pair above it
            end_pos = pos - 1
            while _under_signature(tail[end_pos][1]):  # (a page break or a disclosure note between the two)
                end_pos -= 1
            if (month := _year_month_signature(tail[: end_pos + 1], heads)) is not None:
                # under a signature's year and month ('XX局' / '2024年1月' / '发布日期：2024-01-15': read as a date
                # signed by no name, the agency NA and both lines left in the last section's text): the signature,
                # its date the posting date, the only day given
                return month[0], month[1], month[2], date
            continue
        if date is not None and end != len(compact) and _signature_after_date(line[_date_in(line)[2]:]):
            # the page's furniture or a note after the date on its line ('2021年1月26日 附件下载',
            # '2021年1月26日（此件公开发布）')
            compact = compact[:end]
        elif date is not None and end == len(compact) - 1 and compact[end] in "。.．":
            # a sentence's full stop typed after the signature's date ('XX局' / '2021年1月30日。', '2021.1.30.': read as
            # no date ending its line, the signature was left in the last section's text and published NA)
            compact = compact[:end]
        elif date is not None and start > 0 and end == len(compact) - 1 and compact[end] in ")）" \
                and compact[start - 1] in "(（":
            # the signature's date in brackets after its name on its line ('XX局（2021年1月31日）': read as no date
            # ending its line, no signature, the agency and published NA), or alone on the line under the name
            # ('XX局' / '（2021年1月31日）', likewise): read without the brackets
            compact, start, end = compact[: start - 1] + compact[start:end], start - 1, end - 1
        elif date is not None and start == 0 and end < len(compact) and pos == end_pos \
                and _signs_under(tail, pos - 1, heads):
            # the signature written date first on the text's last line ('…。' / '2021年1月30日 市住建局': read as no
            # signature, published and the agency NA and the line left in the last section's text), as over two lines
            # below; a sentence's words after the name ('…市住建局召开会议') make no agency
            name = _seal().sub("", compact[end:])
            if _agency_like(name):
                return index, True, name, date
        if date is None or end != len(compact):
            continue
        last = pos >= end_pos  # nothing but page and site footer lines (and a posting date) after it
        if start > 0 and compact[start - 1] in ":：" and _date_label().fullmatch(compact[:start]):
            # the date's label before it ('XX局' / '日期：2021年1月30日'): a date line alone (read as no signing name
            # before it, the signature was not read, its lines left in the last section's text)
            start = 0
        if start > 0:  # the agency before the date on the same line
            name = _signer(_raw_prefix(line, start))
            if name[-1:] in _rules()["signature"]["name_date_separators"] and _signing_name(name[:-1]):
                name = name[:-1]  # (a comma between them, 'XX局，2021年1月31日': read as no name, no signature)
            if _signing_name(name):  # (a committee named by no place, '委员会', '中共县委': the date, no agency)
                return index, last, name if _agency_like(name) else None, date
            continue
        above = pos - 1
        while above >= 0 and _between_name_and_date(tail[above][1]):
            # (a page break between the agency and the date, 'XX局' / '- 1 -' / '2024年2月17日', the seal's place,
            # or a note of the report's scope)
            above -= 1
        if above >= 0:
            prev = _signer(tail[above][1])
            if _signing_name(prev):  # (a committee or a body's ending named by no place, '委员会', '办公室': no agency)
                if _agency_like(prev) and (joint := _joint_signer(tail, above)) is not None:
                    return tail[joint[0]][0], last, joint[1], date
                return tail[above][0], last, prev if _agency_like(prev) else None, date
            if prev.endswith(tuple(_rules()["signature"]["date_leads"])):
                return None  # a sentence's date, wrapped ('…统计截至' / '2020年12月31日'): no signature
        if pos < end_pos and all(_between_name_and_date(tail[i][1]) for i in range(pos + 1, end_pos)) \
                and _signs_under(tail, above, heads):
            # the signature written date first, its name on the text's last line ('…。' / '2021年1月30日' / 'XX局': read
            # as no signature, published NA and both lines left in the last section's text); a date alone after a
            # statement's end, so no sentence's; a posting date under it or not; a page break or the seal's place
            # between the date and the name ('2024年1月20日' / '- 5 -' or '（盖章）' / 'XX局'), as between a name and a
            # date under it (read as no signature: the agency and published NA, the lines left in the text)
            name = _seal().sub("", _compact(tail[end_pos][1]))
            if _agency_like(name):
                return index, True, name, date
        return index, last, None, date
    return None


def _posting_date_line(line: str, compact: str) -> bool:
    """Whether ``line`` (``compact`` without white space) is a posting date's: a whole date after a publication date's
    label or nothing, in brackets or not ('[2021-02-05]', '（2021-02-05）': read as text, the signature above it was
    not read), ending its line or only the page's furniture after it (:func:`_ends_date_line`).  With a time, only in
    brackets or after the label ('[2024-02-07 10:30]', a site's posting time, as list pages print it): the bare date
    and time ('2024-02-07 10:30') is what a browser prints at a page's top or bottom (:func:`is_print_stamp`)."""
    if len(compact) > 2 and compact[0] in "[【(（" and compact[-1] in "]】)）":
        compact = line = compact[1:-1]  # (a site's list date in brackets)
    date, start, end = _date_in(compact)
    return date is not None and _ends_date_line(line, compact, end) and (not start or _posting_label(compact[:start]))


# the time a page was posted at after its posting date ('发布时间 2024/02/05 10:30', '10:30:15', '上午10:30', or joined
# to it with a T: '2024-02-05T10:30:00'), no longer number: a time as a signature's date is written with
# (_TIME_AFTER_DATE; its own pattern took no 上午/下午, so '[2024-02-07 上午10:30]' under the signature was read as the
# text's last line, the agency NA and the signature left in the last section's text)
_POSTING_TIME = re.compile(rf"(?:\s*{_TIME_ALONE.pattern}|(?<=\d){_ISO_TIME})(?![\d:])")


def _without_posting_time(line: str) -> str | None:
    """``line`` without the time after its date where it is then a posting date's line (:func:`_posting_date_line`:
    '发布时间 2024/02/05 10:30', '[2024-02-05 10:30:15]'), else None: written together, the date and the time read as
    no date ('2024/02/0510:30')."""
    date, _, end = _date_in(line)
    time = _POSTING_TIME.match(line, end) if date is not None else None
    if time is None:
        return None
    untimed = line[: time.start()] + line[time.end():]
    return untimed if _posting_date_line(untimed, _compact(_first_of_dates(untimed))) else None


def _ends_date_line(line: str, compact: str, end: int) -> bool:
    """Whether the date ending at ``end`` of ``compact`` (``line`` without white space) ends its line, only the
    signature's or the page's furniture after it or nothing (:func:`_signature_after_date`)."""
    return end == len(compact) or _signature_after_date(line[_date_in(line)[2]:])


def _posting_date(tail: list[tuple[int, str]], pos: int, heads: frozenset[int] = frozenset()) -> bool:
    """Whether the date alone on ``tail``'s line ``pos`` stands right under a signature's date (the page's breaks
    between them or not): a date alone on its line, or after a signing name on its line ('XX局  2021年1月30日'), or
    the name of a signature written date first ('2021年1月30日' / 'XX局': :func:`_date_first_above`), or a year and
    month signing ('XX局' / '2021年1月', :func:`_year_month_signature`).  A date under a
    sentence's date ('…数据截至' / '2020年12月31日', '…截至2020年12月31日') signs the report alone."""
    above = pos - 1
    while above >= 0 and _under_signature(tail[above][1]):
        above -= 1
    if above < 0:
        return False
    line = _first_of_dates(tail[above][1])
    compact = _compact(line)
    date, start, end = _date_in(compact)
    if date is None:  # (a signature's year and month: 'XX局' / '2024年1月', no day)
        return _date_first_above(tail, above, heads) or _year_month_signature(tail[: above + 1], heads) is not None
    if end != len(compact) and _signature_after_date(line[_date_in(line)[2]:]):
        compact = compact[:end]  # (its weekday, the seal's place or a note after it: '2021年1月30日 星期六')
    if end != len(compact):
        return _date_first_above(tail, above, heads)
    if start == 0:  # a date alone: a sentence's, wrapped, where the line above leads to it ('…统计截至')
        lead = above - 1
        while lead >= 0 and _between_name_and_date(tail[lead][1]):
            lead -= 1
        return lead < 0 or not _compact(tail[lead][1]).endswith(tuple(_rules()["signature"]["date_leads"]))
    return _signing_name(_signer(_raw_prefix(tail[above][1], start)))


def _date_first_above(tail: list[tuple[int, str]], pos: int, heads: frozenset[int] = frozenset()) -> bool:
    """Whether ``tail``'s line ``pos`` ends a signature written date first ('…。' / '2021年1月30日' / 'XX局', or
    '2021年1月30日 XX局' on one line, as :func:`_lines_signature` reads it): an agency's name under a date alone or
    after a date on its line, the date after a statement's end, a section's heading (``heads``) or nothing, so no
    sentence's."""
    compact = _compact(tail[pos][1])
    date, start, end = _date_in(compact)
    if date is not None and start == 0:  # (the date and the name on one line)
        return _agency_like(_seal().sub("", compact[end:])) and _signs_under(tail, pos - 1, heads)
    if date is not None or pos < 1 or not _agency_like(_seal().sub("", compact)):
        return False
    above = pos - 1
    while above > 0 and _between_name_and_date(tail[above][1]):
        above -= 1  # (a page break or the seal's place between the date and the name, as :func:`_lines_signature`)
    compact = _compact(tail[above][1])
    date, start, end = _date_in(compact)
    return date is not None and (start, end) == (0, len(compact)) and _signs_under(tail, above - 1, heads)


def _signs_under(tail: list[tuple[int, str]], pos: int, heads: frozenset[int]) -> bool:
    """Whether a signature written date first may start under ``tail``'s line ``pos`` (-1: none above it): a
    statement's end (:func:`_ends_statement`), or a section's heading (``heads``, as the caller found them: a date
    right under the heading of a section left empty, '六、其他需要报告的事项' / '2021年1月31日' / 'XX局', is no
    sentence's; the signature was read as none, the agency and published NA), or no line at all."""
    return pos < 0 or pos in heads or _ends_statement([tail[pos][1]])


def _under_signature(line: str) -> bool:
    """Whether ``line`` may stand between a signature's date and a posting date under it: a page break ('- 3 -'),
    the document's disclosure note, in brackets or not ('（此件公开发布）': metadata.yaml signature.disclosure_notes),
    or the page's source field alone ('来源：XX局', :func:`toolkit.cues._is_site_furniture`: the posting date under it
    was read as a signature's date of no name, the signature above left in the last section's text)."""
    compact = _compact(line)
    return is_page_furniture(line) or _disclosure_note().fullmatch(compact) is not None \
        or compact in _rules()["signature"]["disclosure_notes"] \
        or (_date_in(compact)[0] is None and _is_site_furniture(line))


def _posting_label(label: str) -> bool:
    """Whether ``label`` (white space removed) is a publication date's label, its colon or not ('日期：', '发布时间':
    metadata.yaml fields.published), before a posting date under the signature."""
    return label.rstrip(":：") in _rules()["fields"]["published"]


def _signer(raw: str) -> str:
    """The signing name a signature's line ``raw`` gives, white space and the seal's place removed; the first of two
    bodies' names set side by side with spaces between ('XX市人民政府办公室  XX市政务服务数据管理局', two bodies signing
    in columns: run together, they were read as one agency), each an agency's name opening with its own place, as
    the first of two bodies signing on lines of their own is (:func:`_joint_signer`)."""
    names = [_seal().sub("", word) for word in raw.split()]
    if len(names) > 1 and all(_agency_like(name) and _opens_with_own_place(name) for name in names):
        return names[0]
    return _seal().sub("", _compact(raw))


def _first_of_dates(line: str) -> str:
    """The first of two signatures' dates side by side in columns on ``line`` ('2021年1月20日    2021年1月20日', under
    'XX局    YY局': read as a name before the last date, or as no date where '2021.1.20' is written, no signature was
    read), as the first of two names side by side is the agency's (:func:`_signer`); any other line as it is."""
    dates = line.split()
    if len(dates) == 2 and all((found := _date_in(date))[0] is not None and (found[1], found[2]) == (0, len(date))
                               for date in dates):
        return dates[0]
    return line


def _joint_signer(tail: list[tuple[int, str]], pos: int) -> tuple[int, str] | None:
    """(position in ``tail``, name) of the first of two bodies signing a report on lines of their own, the second's
    name on ``tail``'s line ``pos`` above the date ('XX局' / 'YY局' / '2021年1月20日': the second alone was read as the
    agency, the first left in the last section's text); an agency's name on the line above after a statement's end
    (or nothing), the seal's place or a page break between them or not.  None where no such name stands there."""
    above = pos - 1
    while above >= 0 and _between_name_and_date(tail[above][1]):
        above -= 1
    if above < 0:
        return None
    name = _seal().sub("", _compact(tail[above][1]))
    before = [line for _, line in tail[:above] if line.strip()]
    return (above, name) if _agency_like(name) and _ends_statement(before[-1:]) else None


@functools.lru_cache(maxsize=1)
def _date_label() -> re.Pattern[str]:
    """A date's label and its colon, white space removed ('日期:', '发布日期：': metadata.yaml ``fields.published``)."""
    return re.compile(rf"(?:{alternation(_rules()['fields']['published'])})[:：]")


def _between_name_and_date(line: str) -> bool:
    """Whether ``line``, a line above a signature's date, may stand between its name and the date: a page break
    ('- 1 -'), the seal's place ('（盖章）') or a note of the report's scope on its own line ('XX局' / '（本级）' /
    '2021年1月15日': read as no name, the signature began at the date, its name and the note were left in the last
    section's text and gave no agency), the report's title repeated at the next page's top, in book-title marks
    or not ('XX局' / '《2021年政府信息公开工作年度报告》' / '2022年1月20日': likewise, the agency NA), or a date the page
    gives of no publication ('打印日期：2022-03-01', :func:`_not_published_line`: likewise)."""
    if is_page_furniture(line) or _not_published_line(line):
        return True
    if _running_title_marked_or_not(line):
        return True
    compact = _compact(line)
    return _seal().fullmatch(compact) is not None or _scope_note().fullmatch(compact) is not None


# (also with 份, '2024年2月份', and with a dash, '2024-02', as a signature's month may be typed)
_YEAR_MONTH = re.compile(rf"(?:\d{{4}}|{_CN_YEAR})年(?:\d{{1,2}}|{_CN_SMALL}|{_FIRST_MONTH})月份?"
                         r"|\d{4}-(?:0?[1-9]|1[0-2])")
_YEAR_MONTH_END = re.compile(rf"(?<!\d)(?:{_YEAR_MONTH.pattern})$")  # ending a line after a name ('XX局2021年1月')


def _year_month_signature(tail: list[tuple[int, str]], heads: frozenset[int] = frozenset()
                          ) -> tuple[int, bool, str | None, _dt.date | None] | None:
    """The signature of a name on its line and a year and month alone on the last line ('XX局' / '2021年1月'), the
    seal's place or a page break between them or not: (the name's line, True, the agency or None, no date); or the
    name and the year and month on the last line ('XX局 2021年1月': the line stayed the last section's text).  A date
    alone above the name is the block's too (:func:`_date_above_signature`).  Written year and month first
    (:func:`_year_month_first`), it stands after a statement's end or a section's heading (``heads``)."""
    if not tail:
        return None
    last = _compact(tail[-1][1])
    if (first := _year_month_first(tail, last, heads)) is not None:
        return first
    if not _YEAR_MONTH.fullmatch(last):
        if not last.endswith(("月", "份")) and not last[-1:].isdigit() \
                or (month := _YEAR_MONTH_END.search(last)) is None or not month.start():
            return None  # (cheap: most last lines end otherwise)
        name = _seal().sub("", last[: month.start()])
        if not _signing_name(name):
            return None
        first, date = _date_above_signature(tail, len(tail) - 1, month.group())
        return tail[first][0], True, name if _agency_like(name) else None, date
    above = len(tail) - 2
    while above >= 0 and _between_name_and_date(tail[above][1]):
        above -= 1
    if above < 0:
        return None
    name = _seal().sub("", _compact(tail[above][1]))
    if above > 0 and (whole := _joined_name(tail[above - 1][1], name)) is not None:
        # the agency wrapped over two lines as under a full date ('市住房和城乡' / '建设局' / '2024年1月': read as the
        # agency '建设局', the line above left in the last section's text)
        name, above = whole, above - 1
    elif _agency_like(name) and (joint := _joint_signer(tail, above)) is not None:
        # two bodies signing on lines of their own, as under a full date ('市财政局' / '交通运输局' / '2024年1月': the
        # second was the agency, the first left in the last section's text): the first is the agency
        above, name = joint
    if not _signing_name(name):
        return None
    first, date = _date_above_signature(tail, above, last)
    return tail[first][0], True, name if _agency_like(name) else None, date


def _date_above_signature(tail: list[tuple[int, str]], pos: int, month: str) -> tuple[int, _dt.date | None]:
    """(the signature block's first position in ``tail``, its date) of a signature signed with a year and month
    ``month`` (compact) under its name or after it on ``tail``'s line ``pos``: a date alone on the line above the
    name, after a statement's end or nothing ('…无' / '2024年1月20日' / 'XX局' / '2024年1月': it was left in the last
    section's text), is the block's first line; its day is the signature's date where it falls in the block's own
    year and month, which the block's own line gives (a date of another month is no date of the signature: NA, no day
    given).  The seal's place or the page's furniture on a line of its own may stand between the date and the name
    ('2024年1月20日' / '（盖章）' or '- 5 -' / 'XX局'): a page break, a print stamp, or the report's title repeated at
    the next page's top (:func:`is_furniture`, as the sections skip it), or a date the page gives of no publication
    after its label ('打印日期：2022-03-01', :func:`_not_published_line`).  Without such a line, (``pos``, None)."""
    above = pos - 1
    while above >= 0 and (_between_name_and_date(tail[above][1]) or is_furniture(tail[above][1])):
        # (the seal's place, or a page break: '2024年1月20日' / '- 5 -' / 'XX局' / '2024年1月'; a running title there,
        # in book-title marks or not, was read as the text's, the date above it no part of the signature: published NA,
        # the date left in the text; a print date, '打印日期：2022-03-01', likewise)
        above -= 1
    if above < 0:
        return pos, None
    compact = _compact(tail[above][1])
    date, start, end = _date_in(compact)
    if date is None or (start, end) != (0, len(compact)) or not _ends_statement([line for _, line in tail[:above]]):
        return pos, None
    month = month.removesuffix("份")
    # (the block's year and month read as its first day's date, written as the month is: '2024年1月1日', '二〇二四年一月一日')
    own = _date_in(month + ("1日" if month[-2:-1].isdigit() else "一日") if month.endswith("月") else month + "-01")[0]
    return above, date if own is not None and (own.year, own.month) == (date.year, date.month) else None


def _year_month_first(tail: list[tuple[int, str]], last: str,
                      heads: frozenset[int] = frozenset()) -> tuple[int, bool, str, None] | None:
    """The signature written year and month first, its agency on the last line (``last``, compact) and the year and
    month alone on the line above, or before the agency on the last line ('2024年2月 XX局'), after a statement's end,
    a section's heading (``heads``) or nothing ('…。' / '2024年2月' / 'XX局': both lines were left in the last
    section's text, the agency NA; on one line, no signature either); a page break, the seal's place or a running
    title may stand between the two lines (:func:`_between_name_and_date`): (the year and month's line, True, the
    agency, no date: no day)."""
    above = len(tail) - 2
    while above > 0 and _between_name_and_date(tail[above][1]):
        above -= 1  # (a page break, the seal's place or a running title between them, as under a whole date)
    if above >= 0 and _YEAR_MONTH.fullmatch(_compact(tail[above][1])):
        pos, name = above, _seal().sub("", last)
    elif (month := _YEAR_MONTH.match(last)) is not None and 0 < month.end() < len(last) \
            and _date_in(last)[0] is None:  # (no whole date: '2024年2月5日 XX局' is read as a date first)
        pos, name = len(tail) - 1, _seal().sub("", last[month.end():])
    else:
        return None
    # (a year and month after a sentence's unfinished words may be the sentence's: '…计划于' / '2024年2月' / '完成')
    if not _signs_under(tail, pos - 1, heads):
        return None
    return (tail[pos][0], True, name, None) if _agency_like(name) else None


def _ends_text(lines: list[str], first: int) -> bool:
    """Whether the signature starting at line ``first`` ends the report's text: the first line after its date's that
    is none of the page's furniture (:func:`_is_footer`, :func:`is_furniture`: page numbers, attachment and contact
    lines) nor goes on with a bracket they leave open starts an appendix (formats.yaml ``appendix.words``: '附件：…统计表'
    and its tables, '附表1'; a table with no label, its row or its title before its rows) or a second report (its
    title, its header box's fields), or none stands there.  More of the report's text after it ('…完成。' /
    '2021年1月26日' / '召开专题会议。', a sentence wrapped) makes it none."""
    words = _rules()["signature"]["footer_words"]
    end = _content_end(lines)
    at = next((i for i in range(first, end) if _date_in(_compact(lines[i]))[0] is not None), end)
    for i in range(at + 1, end):
        text = lines[i].strip()
        if _appendix_line().match(text) or is_report_title(text, whole=True) or _starts_with_box_label(text) \
                or _TABLE_CELLS.search(text):
            return True  # (a second report's title first: it reads as a running page header, the page's furniture)
        if text and not (_is_footer(text, words) or is_furniture(text) or _open_bracket(lines[at:i])):
            return table_start(lines, i, end)
    return True


def table_start(lines: list[str], i: int, end: int | None = None) -> bool:
    """Whether line ``i`` starts a table with no appendix's label: its first row, or its title or a statistics table's
    header, no sentence, right before its rows.

    A table's title before its rows (``2020年政府信息公开情况统计表`` / ``| 一、… | 3 |``), or a statistics table's title
    or header whatever its rows' layout (a cell a line, or cells set with spaces: ``…统计表`` / ``统计指标 单位 统计数``,
    an unruled PDF's); what follows a signature so is an appendix, no text of the report.

    Parameters
    ----------
    lines : list of str
        The report's lines.
    i : int
        The index of a line that is not blank.
    end : int, optional
        The index after the last line the table's rows are looked for in (the page's furniture after the text
        left out), else ``len(lines)``.

    Returns
    -------
    bool
        True where the line is a table's row (cells set apart by ``|`` or tabs), or holds no sentence's end and is
        a table's title (ending in ``表``) or a statistics table's header, or comes right before a table's row.

    Examples
    --------
    >>> table_start(["2020年政府信息公开情况统计表", "| 一、本年新收政府信息公开申请数量 | 3 |"], 0)
    True
    >>> table_start(["召开专题会议。", "| 一、本年新收政府信息公开申请数量 | 3 |"], 0)
    False
    """
    text = lines[i].strip()
    if _TABLE_CELLS.search(text):
        return True
    if _glue_stop().search(text):
        return False
    end = len(lines) if end is None else end
    k = i + 1
    while k < end and not lines[k].strip():
        k += 1
    after = lines[k] if k < end else ""
    return bool(_TABLE_CELLS.search(after) or table_lead(text))


_TABLE_CELLS = re.compile(r"[|\t]")  # a table's row: its cells joined by ' | ' (or set apart by tabs)
_TABLE_TITLE = re.compile(r"表\s*(?:[(（][^)）]*[)）])?$")  # a table's title ('…情况统计表', '…统计表（2017年度）')


@functools.lru_cache(maxsize=1)
def _table_header() -> re.Pattern[str]:
    """A statistics table's header at a line's start: formats.yaml ``legacy.label_header_words``, letter-spaced or
    not ('统计指标 | 单位 | 统计数', '统 计 指 标 | …')."""
    return re.compile(rf"\s*(?:{alternation(load_formats()['legacy']['label_header_words'], spaced=True)})")


def table_lead(text: str) -> bool:
    """Whether the line ``text`` is a statistics table's title, header or block heading, no sentence: a title
    ending in 表 ('2017年政府信息公开情况统计表', '…统计表（2017年度）', also a cell of its own, '…统计表 |'), a header
    opening with the label column's word (:func:`_table_header`), or a block's heading alone, a table with no header
    (formats.yaml ``legacy.block_headings``: '一、主动公开情况', '一、主动公开情况 | ||').  After a signature, such a
    line starts an appendix without a line of ``附件`` (here and in toolkit.sections)."""
    text = text.strip().rstrip("| \t")
    m = _table_lead_pattern().search(text)
    # (one search for the three: it runs on every segment after the first section's heading)
    return m is not None and (m.lastgroup != "title" or _glue_stop().search(text) is None)


def table_leads(lines: list[str]) -> list[int]:
    """Indices of the lines that are :func:`table_lead`'s (a statistics table's title, header or block heading).

    Each of the three holds a word of its own (``表``, the label column's word, a block heading's title): the lines
    with none of them, nearly all a report's, are passed over in C (one search a line) before :func:`table_lead`.
    """
    # (one search of the lines joined: the hint's words are matched anywhere, no anchor; a header's letter-spaced
    # word across a line's end is asked again of each line, see _matching_lines)
    hinted = _matching_lines(_table_lead_hint(), lines)
    return [i for i in hinted if table_lead(lines[i])]


@functools.lru_cache(maxsize=1)
def _table_lead_hint() -> re.Pattern[str]:
    """What a line :func:`table_lead` holds has somewhere, its marks stripped or not: a header's word, a block
    heading, or 表 (a title's end).  (Their words alone: whether a line holds a header's or a block heading's
    somewhere does not hang on the spaces or the number before them, and a pattern that may start at any character
    was tried at every one of every line, most of the cost of finding where the report's own text ends.)"""
    fm = load_formats()["legacy"]
    return re.compile(rf"{alternation(fm['label_header_words'], spaced=True)}|{alternation(fm['block_headings'])}|表")


@functools.lru_cache(maxsize=1)
def _block_heading() -> re.Pattern[str]:
    """A block's heading opening a label, with its number ('一、主动公开情况', formats.yaml ``legacy.block_headings``)."""
    # (here, not in layout, which reads this module: table_lead asks it too)
    return re.compile(rf"{_CN_NUMBERING}?(?:{alternation(load_formats()['legacy']['block_headings'])})")


@functools.lru_cache(maxsize=1)
def _table_lead_pattern() -> re.Pattern[str]:
    """:func:`table_lead`'s header at the start, block heading alone, or title ending in 表 (group ``title``)."""
    return re.compile(rf"^(?:{_table_header().pattern}|(?:{_block_heading().pattern})\Z)"
                      rf"|(?P<title>{_TABLE_TITLE.pattern[:-1]}\Z)")


def signature_start(lines: list[str], headings: Collection[int] = ()) -> int:
    """Index of the first line of the report's signature (agency line, date line) on lines of its own.

    Parameters
    ----------
    lines : list of str
        The report's lines.
    headings : collection of int, optional
        Indices of the lines that are sections' headings, as the caller found them: a signature written date
        first may stand right under one (a last section left empty: ``六、其他需要报告的事项`` / date / agency),
        as under a statement's end.

    Returns
    -------
    int
        The index of the signature's agency line (or of the line holding both the agency and
        the date), or of its date line when no agency line stands above it; only page and site
        footer lines and attachment or contact lines (``附件：…``, ``联系人：…``) may follow it.
        Without a date, the index of the agency's name where it is certain on lines of its own
        (one, or two a wrap broke it over: ``平潭综合实`` / ``验区经济发展局``; :func:`_undated_signature`).
        Without such a signature, the index of the attachment and contact lines, or of the page's
        and the site's furniture (``发布日期：…``, ``【打印本页】``), that end the text, if any, else
        ``len(lines)`` (the text goes on to the end, a lone page number included: it may be a
        table's last value; a date line followed by text is a wrapped sentence's).

    Examples
    --------
    >>> signature_start(["六、其他需要报告的事项", "无。", "某某市某某局", "2020年1月20日", "- 3 -"])
    2
    >>> signature_start(["六、其他需要报告的事项", "无。", "某某市某某局  2020年1月20日", "附件：统计表"])
    2
    >>> signature_start(["六、其他需要报告的事项", "无。"])
    2
    >>> signature_start(["六、其他需要报告的事项", "无。", "平潭综合实", "验区经济发展局"])
    2
    >>> signature_start(["六、其他需要报告的事项", "2020年1月20日", "某某市某某局"], headings=[0])
    1
    """
    tail = _SignatureTail.of(lines, headings)
    found = tail.found
    # only a signature that ends the text: a date alone on a line further up may be a wrapped sentence's
    # ('…整改时限为' / '2021年6月30日' / '前全部完成。')
    if found is not None and found[1]:
        return _seal_above(lines, found[0])
    # (without its date, a name certain on lines of its own, as the metadata read it: '…。' / '平潭综合实' / '验区经济发展局')
    undated = tail.undated if found is None else None
    if undated is not None and not undated[1]:
        return _seal_above(lines, undated[0])
    # (a block of links under the report ends its text too, and so do the page's and the site's fields under its last
    # line with no signature on lines of its own: '…无' / '发布日期:2021-01-30  浏览次数:12', also under a signature
    # glued after the last sentence, whose date was then not the text's last; a lone number stays the text's: it may
    # be a table's last value)
    return _annex_end(lines[:_unsigned_content_end(lines)])


def _seal_above(lines: list[str], start: int) -> int:
    """Index of the seal's place on a line of its own right above the signature starting at line ``start``
    ('（盖章）' / 'XX局' / '2021年1月30日': the mark was left in the last section's text), blank lines between them or
    not; else ``start``."""
    above = start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above if above >= 0 and _seal().fullmatch(_compact(lines[above])) else start


_LONE_NUMBER = re.compile(r"\d{1,3}")


def _unsigned_content_end(lines: list[str]) -> int:
    """:func:`_content_end` of a text with no signature, the lone numbers right after its content kept in it;
    ``len(lines)`` where only blank lines or such numbers follow it (nothing to leave out), or where the content
    leaves a bracket open (the furniture's line closes it: '…2021年1月26日 （联系人：林耀，' / '联系方式：…） 附件下载',
    a signature glued after the last sentence that :func:`glued_signature_start` reads whole)."""
    end = _content_end(lines)
    if end < len(lines) and _open_bracket(lines[:end]):
        return len(lines)
    while end < len(lines) and (not lines[end].strip() or _LONE_NUMBER.fullmatch(lines[end].strip())):
        end += 1
    return end


@functools.lru_cache(maxsize=1)
def _glue_stop() -> re.Pattern[str]:
    """What a signature glued to the text's last sentence stands after (metadata.yaml ``signature.glue_stops``)."""
    return re.compile(f"[{re.escape(_rules()['signature']['glue_stops'])}]")


def glued_signature_start(text: str) -> int:
    """Where a signature glued after the last sentence of ``text`` starts (web-page text, one line or wrapped).

    The signature is a whole date ending the text (only an attachment's, a contact's or the seal's place in brackets
    and the page's furniture after it: ``(联系人:…) 附件下载``), and before it, after the last sentence's end, ``;``
    or ``,`` (white space and line breaks after it or inside the name are no part of it), an agency's name: a body's
    name (:func:`_agency_like`, or a bare level's Party committee or its body, ``中共县委办公室``; its seal's place after
    it or not) opening with a place the gazetteer knows or a unit of the corps (after ``中共`` or not) or with a level
    alone standing for the report's own place (``bare_levels``: ``市交通运输局``).
    A sentence's words before a date (``…已报送区政府办公室2021年1月20日``) and a name opening otherwise (a place
    read by its ending alone, which any words before ``区`` make) are no signature (one on lines of its own after
    text ending no sentence, ``…暂无`` / ``XX局`` / ``2021年1月20日``, is :func:`signature_start`'s).

    Parameters
    ----------
    text : str
        The end of the text, its lines joined (by ``"\\n"`` or by nothing where a wrap broke them).

    Returns
    -------
    int
        The index of the agency's first character, else ``len(text)``.

    Examples
    --------
    >>> text = "…形式。市交通运输局2021年1月26日"
    >>> text[glued_signature_start(text):]
    '市交通运输局2021年1月26日'
    >>> text = "…暂无。 平潭综合实验区交通与建设局 2021年1月26日 (联系人:林耀) 附件下载"
    >>> text[:glued_signature_start(text)]
    '…暂无。 '
    >>> text = "二是整改情况已报送区政府办公室2021年1月20日"
    >>> glued_signature_start(text) == len(text)
    True
    """
    found = _glued_signature(text)
    return len(text) if found is None else found[0]


def _glued_signature(text: str) -> tuple[int, str, _dt.date] | None:
    """(where it starts, agency, date) of the signature glued after the last sentence of ``text``
    (:func:`glued_signature_start`'s rule), else None."""
    found = _glued_name(text)
    if found is None or not (_signing_name(found[1]) and _opens_with_own_place(found[1])):
        return None
    cut, name, date = found
    return cut + len(text[cut:]) - len(text[cut:].lstrip()), name, date


def _glued_name(text: str) -> tuple[int, str, _dt.date] | None:
    """(the last sentence's end, the words after it, date) of a whole date ending ``text`` after some sentence's
    end, only the signature's and the page's furniture after it (:func:`_signature_after_date`), else None: what
    a glued signature is looked for in, its name not yet told (the seal's place left out)."""
    reach = _rules()["signature"]["tail_chars"]
    start = max(0, len(text) - reach)
    stops = [m.end() for m in _glue_stop().finditer(text, start)]
    if not stops:
        return None  # (cheap: no stop in the tail, no glued signature)
    date, at, end = _date_in(text[start:])
    if date is None or at < stops[0] - start or not _signature_after_date(text[start + end :]):
        return None
    cut = max(stop for stop in stops if stop <= start + at)
    return cut, _seal().sub("", _compact(text[cut : start + at])), date


_NOT_SPACE = re.compile(r"\S")


def _past_space(text: str, at: int, end: int) -> int:
    """The index of the first character of ``text[at:end]`` that is no white space (``end`` for none)."""
    found = _NOT_SPACE.search(text, at, end)
    return end if found is None else found.start()


_CLOSING = re.compile(r"[)）\]】]")  # what closes a note in brackets after a signature's date


def _signature_after_date(rest: str) -> bool:
    """Whether ``rest``, after a signature's date, is only the signature's and the page's: a contact's, an
    attachment's or the seal's place or the document's disclosure note in brackets (``disclosure_notes``), the page's
    furniture (metadata.yaml ``signature.footer_words``)."""
    # (walked by its index, each piece matched in place: its pieces cut off one by one, each rest copied and asked
    # whether it was a page mark as a whole, 4,000 pieces of the page's furniture took 0.6 s, 8,000 2 s)
    words = _rules()["signature"]["footer_words"]
    end = len(rest.rstrip())
    at = _past_space(rest, 0, end)
    if at < end and (weekday := _weekday().match(rest, at, end)):
        at = _past_space(rest, weekday.end(), end)  # the date's weekday ('（星期五）', '周五'): still the date's line
    if rest.startswith(tuple(_rules()["signature"]["issue_words"]), at, end):
        # the date's issue word ('2021年1月30日发布'): still the date's line (read as text after the date, the
        # signature was not read: published None, its lines left in the last section's text)
        at = _past_space(rest, at + 2, end)
    starts: list[int] = []  # where each piece starts, the rest from there maybe a page mark as a whole
    while at < end:
        starts.append(at)
        if rest[at] in "(（[【":
            # (a note in brackets, or the page's furniture in square ones holding spaces, '【字体：大 中 小】')
            close = _CLOSING.search(rest, at + 1, end)
            piece = rest[at : close.end()] if close else ""
            if not piece or not (_is_annex(piece) or _seal().fullmatch(piece) or _disclosure_note().fullmatch(piece)
                                 or rest[at] in "[【" and _is_footer(piece, words)):
                return _ends_as_page_mark(rest, starts, end)
            at = _past_space(rest, at + len(piece), end)
            continue
        if (counter := _counter().match(rest, at, end)) is not None:
            # (a view counter with spaces inside it, '累计访问: 12345 次': no piece alone is the page's furniture)
            at = _past_space(rest, counter.end(), end)
            continue
        space = _WHITE.search(rest, at, end)  # (the piece up to the next white space)
        piece_end = end if space is None else space.start()
        if not _is_footer(rest[at:piece_end], words):
            return _ends_as_page_mark(rest, starts, end)
        at = _past_space(rest, piece_end, end)
    return True


def _ends_as_page_mark(rest: str, starts: list[int], end: int) -> bool:
    """Whether ``rest[:end]`` from one of ``starts`` on is a page mark as a whole (a page number of marks and
    spaces, '2021年1月30日 - 3 -', '… (3)': no piece alone is one), asked only where a piece is none of the
    signature's nor the page's."""
    # (the patterns matched in place first, no rest copied: rest[at] and rest[end - 1] are no white space, so that
    # is what is_page_furniture matches, which then tells a page of a count from a cell's two numbers)
    marks = _page_furniture()
    return any(marks.fullmatch(rest, at, end) is not None and is_page_furniture(rest[at:end]) for at in starts)


def _opens_with_own_place(name: str) -> bool:
    """Whether an agency's ``name`` opens (after 中共 or not) with a place the gazetteer knows, a unit of the corps
    (``corps``: 第八师) or a level alone standing for the report's own place (``bare_levels``: 市, 区, 县 …; not 市场
    of 市场监督管理局)."""
    name = _without_party(name)
    if _match_known(name, 0) is not None or _match_corps(name, 0) is not None:
        return True
    place = _match_place(name, 0)
    return place is not None and place.text in _rules()["places"]["bare_levels"]


def _without_party(name: str) -> str:
    """``name`` without the party's name it opens with (metadata.yaml ``party_prefixes``: '中共县委办公室' → '县委办公室')."""
    prefix = next((p for p in _longest_first("agency", "party_prefixes") if name.startswith(p)), "")
    return name[len(prefix):]


_GLUED_AGENCY_REACH = 80  # an agency's name (40 characters at most, _name_shaped) and the furniture after it


def _glued_agency(line: str) -> tuple[int, str] | None:
    """(where it starts, the name) of an agency's name glued without a date after the last sentence's ``。`` of
    ``line``, else None: a certain name (:func:`_certain_name`, its seal's place after it or not), as a dated glued
    signature's (:func:`glued_signature_start`: ``…提升公开质量。市交通运输局``), ending the text, only the page's
    furniture after it (``附件下载``).  Only after ``。``: a name after ``;`` or ``,`` without a date may be the last
    item's words (``…报送;区政府办公室``); a name opening otherwise (``交通运输局``) stays text (toolkit.statements
    leaves such a name out of the last statement)."""
    cut = line.rfind("。") + 1
    if not cut or len(line) - cut > _GLUED_AGENCY_REACH:
        return None
    rest = line[cut:]
    name = _leading_name(rest)
    return None if name is None else (cut + len(rest) - len(rest.lstrip()), name)


@functools.lru_cache(maxsize=1024)
def _leading_name(text: str) -> str | None:
    """The certain name (:func:`_certain_name`, its seal's place after it or not) that ``text`` holds, with only the
    page's furniture after it ('区政府办公室 附件下载': :func:`_signature_after_date`), else None; not a name the
    furniture after it tells the site's host ('驻马店市住房和城乡建设局 主办', '…办公室主办 …局承办':
    ``signature.site_owner_words``)."""
    text = text.strip()
    if len(text) > _GLUED_AGENCY_REACH:
        return None
    lasts = _name_last_chars()
    owner_words = tuple(_rules()["signature"]["site_owner_words"])
    for end in range(len(text), 1, -1):  # (the longest name first, then a name with the page's furniture after it)
        if text[end - 1] not in lasts and not text[end - 1].isspace():
            continue  # (no body's ending nor seal's place ends the piece, so no name does: most pieces, at once)
        name = _compact(_seal().sub("", text[:end].strip()))
        if name.endswith(_body_endings()) and _after_undated_name(text[end:]) and _certain_name(name) \
                and not any(word in text[end:] for word in owner_words):
            return name
    return None


# a year and month opening a text, no day after it ('2024年1月', '二〇二四年一月'), as a signature's date may be given
_YEAR_MONTH_OPEN = re.compile(rf"\s*(?:\d{{4}}|{_CN_YEAR})\s*年\s*(?:\d{{1,2}}|{_CN_SMALL}|{_FIRST_MONTH})\s*月"
                              rf"(?!\s*(?:\d|{_CN_SMALL}))")


def _after_undated_name(rest: str) -> bool:
    """Whether ``rest``, after a signing name, is only the signature's and the page's furniture
    (:func:`_signature_after_date`), a year and month with no day first or not ('…。XX局 2024年1月': no date, the name
    certain; the line was read as no signature, the name and the month left in the last section's text)."""
    month = _YEAR_MONTH_OPEN.match(rest)
    return _signature_after_date(rest[month.end():] if month else rest)


@functools.lru_cache(maxsize=1)
def _name_last_chars() -> frozenset[str]:
    """The characters that may end a piece :func:`_leading_name` reads a name from: a body's ending's last
    (:func:`_body_endings`), or a closing bracket, which may end the seal's place after the name (:func:`_seal`)."""
    return frozenset(ending[-1] for ending in _body_endings()) | frozenset(")）]】")


def _certain_name(name: str) -> bool:
    """Whether ``name`` is an agency's that may sign without a date: a body's name (:func:`_agency_like`) opening with
    a place the gazetteer knows or a level alone standing for the report's own place (:func:`_opens_with_own_place`)."""
    return _agency_like(name) and _opens_with_own_place(name)


def _undated_signature(tail: list[tuple[int, str]]) -> tuple[int, int, str] | None:
    """(index of the line it starts on, where on that line, agency) of a signature without its date ending the text,
    where it is certain (:func:`_certain_name`), only the page's furniture after it (the seal's place too), else None:
    the name on the last line, or wrapped over the last two ('平潭综合实' / '验区经济发展局', '平潭综合实验区' /
    '经济发展局': a line holding no sentence's end nor space, the name whole only with it), after a sentence's end, a
    ';' or a ',', or a section's words saying there is nothing to report ('无', '暂无') on the line above, or nothing;
    or glued after the last sentence's 。 (:func:`_glued_agency`), also wrapped ('…无。平潭综合实' / '验区经济发展局').
    A name opening with no such place ('交通运输局'), or after the words of a sentence it may end ('…工作由' /
    'XX局'), is not certain: None."""
    body = [(i, line) for i, line in tail
            if line.strip() and not is_page_furniture(line) and not _seal().fullmatch(_compact(line))]
    if not body:
        return None
    index, last = body[-1]
    above = [line for _, line in body[:-1]]
    name = _leading_name(last)
    if name is not None and _ends_statement(above):
        return index, 0, name
    if name is None and above and not _SIGNATURE_BREAK.search(above[-1].strip()):
        whole = _leading_name(_compact(above[-1]) + last.strip())  # (wrapped: the line above a piece of it alone)
        if whole is not None and _ends_statement(above[:-1]):
            return body[-2][0], 0, whole
    if above:  # (glued after the last sentence and wrapped: the last two lines joined as the wrap broke them)
        prev = above[-1].rstrip()
        found = _glued_agency(prev + last.strip())
        if found is not None and found[0] < len(prev):
            return body[-2][0], found[0], found[1]
    found = _glued_agency(last)
    return None if found is None else (index, found[0], found[1])


def _ends_statement(lines: list[str]) -> bool:
    """Whether the last of ``lines`` ends a statement a signature may follow: a sentence's end, ';' or ','
    (metadata.yaml ``signature.glue_stops``), a section's words saying there is nothing to report (statements.yaml
    ``empty``: '无', '暂无'), or no line at all."""
    if not lines:
        return True
    text = _compact(lines[-1])
    return bool(_glue_stop().search(text[-1:])) or any(p.match(text) for p in _nothing_to_report())


def _signature(lines: list[str], headings: Collection[int] = ()) -> tuple[str | None, _dt.date | None]:
    """Agency and date of the signature at the end of the report (``headings``: the indices of the lines that are
    sections' headings, as :func:`signature_start` takes them).

    Either on lines of its own (an agency-like name, then a date alone on its line, also wrapped:
    :func:`_signature_lines`) or glued after the last sentence, as web-page text writes it
    (``… 。 XX局 2021年1月26日 (联系人…)``, the date on its line or the next), read by the rule that ends the last
    section's text before it (:func:`glued_signature_start`); a name opening with no place
    (``…。新华镇人民政府2021年1月26日``) gives the date, no agency, while a sentence's words before a date and a date
    that is a clause's (``…市交通运输局2021年1月26日前完成整改。``) give neither.
    """
    reading = _SignatureTail.of(lines, headings)  # (the sections' end read the same tail most often: read once)
    found = reading.found
    if found is not None and (found[1] or reading.wrapped is None and _ends_text(lines, found[0])):
        return found[2], found[3]  # (on lines of its own: a wrapped one, or one before an appendix)
    # (none on lines of its own, or the agency starting after a sentence on its line: glued; the lines joined as a
    # narrow copy's wrap broke them, '…经济发展局2' / '024年1月29日', as the sections join them)
    glued = _glued_name("".join(line for _, line in reading.tail))
    if glued is None or not _signing_name(glued[1]):
        # (without a date: a name certain at the text's end, on lines of its own or glued, which the sections and the
        # statements leave out, gives the agency)
        undated = reading.undated if found is None else None
        return (None if undated is None else undated[2]), None
    # (a name opening with no place the gazetteer knows, '…。新华镇人民政府2021年1月26日', which the section keeps,
    # or a bare level's committee: the date, no agency)
    _, name, date = glued
    return (name if _agency_like(name) and _opens_with_own_place(name) else None), date


# --- places and tiers ----------------------------------------------------------------


def _gazetteer_place(row: dict[str, str], text: str) -> _Place:
    return _Place(text=text, level=row["level"] or None, province=row["province"] or None)


def _match_known(name: str, pos: int) -> _Place | None:
    """Longest gazetteer name (full, alias, or short not followed by an ending) at ``pos``."""
    index = _index()
    suffix_chars = set("省市县区州盟旗镇乡")
    for length in index["lengths"].get(name[pos: pos + 1], ()):
        piece = name[pos: pos + length]
        if len(piece) < length:
            continue
        if piece in index["full"]:
            rows = index["full"][piece]
            provinces = {r["province"] for r in rows}
            row = rows[0]
            place = _gazetteer_place(row, piece)
            if len(provinces) > 1:
                place = _Place(piece, place.level, None, candidates=tuple((r["parent"], r["province"]) for r in rows))
            return place
        if piece in index["short"] and name[pos + length: pos + length + 1] not in suffix_chars \
                and not name.startswith(_township_endings(), pos + length):
            rows = index["short"][piece]
            if len({r["province"] for r in rows}) == 1:
                return _gazetteer_place(rows[0], piece)
    return None


@functools.lru_cache(maxsize=1)
def _township_endings() -> tuple[str, ...]:
    """The township tier's place endings (``suffix_levels``: 街道, 苏木 …): a short name before one is a
    township's stem, no unit's ('朝阳街道办事处' of 乌当区, not 朝阳市's)."""
    return tuple(s for s, level in _rules()["places"]["suffix_levels"].items() if level == "township")


@functools.lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    """The place endings of metadata.yaml (``suffix_levels``), longest first."""
    return tuple(sorted(_rules()["places"]["suffix_levels"], key=len, reverse=True))


def _suffix_at(name: str, at: int) -> str | None:
    """The longest place ending (``suffix_levels``) starting at ``name[at]``, or None."""
    suffixes = _suffixes()
    if not name.startswith(suffixes, at):  # (most characters: one test in C)
        return None
    return next(s for s in suffixes if name.startswith(s, at))


def _free_stem_length(name: str, pos: int) -> int:
    """Length of the stem before a ``free_stem_endings`` ending within ``max_stem`` of ``pos`` (0: none).

    Such a stem may hold characters of department words: 学院路街道办事处.
    """
    places = _rules()["places"]
    endings = _longest_first("places", "free_stem_endings")
    for stem_len in range(1, places["max_stem"] + 1):
        if name.startswith(endings, pos + stem_len):
            return stem_len
    return 0


def _stem_stops(name: str, pos: int, stem_len: int, free: int) -> bool:
    """Whether the stem ``name[pos:pos + stem_len]`` runs into a department word (住房和城乡建设局).

    A character of ``not_place_chars`` is one only where no ending follows it at once: 太和县 and 忻府区
    are places, 住房和城乡 is not.
    """
    places = _rules()["places"]
    if stem_len < 2 or stem_len <= free or name[pos + stem_len - 1] not in places["not_place_chars"]:
        return False
    return _suffix_at(name, pos + stem_len) is None


def _not_place(name: str, pos: int, end: int) -> bool:
    """Whether ``name[pos:end]``, read as a place by its ending, is a common word (社区, 市场, 城市)."""
    places = _rules()["places"]
    window = name[pos: end + 1]
    if any(w in window for w in places["not_places"]) and not _town_of_word(window) \
            and not _known_tail(name, pos, end) and not _town_before_government(name, pos, end):
        return True
    return name[pos:end] in places["not_places_alone"]


def _known_tail(name: str, pos: int, end: int) -> bool:
    """Whether ``name[pos:end]`` ends in a name the gazetteer knows of three characters or more after other words
    ('凤台东街晋城市', '路晋城市'): a place, if a phrase's (:func:`_phrase_place`), though the name holds a word of
    ``not_places`` (晋城市's 城市), every such word of the place and the character after it in that name; not one
    running past it, the word the next character makes with its ending (市场 of '中青州市场监督管理局': 中青州 and
    市场监督管理局, not a county 中青州市 by 青州市)."""
    full, words = _index()["full"], _rules()["places"]["not_places"]
    window = name[pos: end + 1]
    return any(name[i:end] in full and all(w in name[i:end] for w in words if w in window)
               for i in range(pos + 1, end - 2))


def _town_before_government(name: str, pos: int, end: int) -> bool:
    """Whether ``name[pos:end]`` is a township's name whose stem ends as a word of ``not_places`` does, the word's last
    character the township's ending, before a government's ending ('古城乡人民政府': 古城 + 乡, no 城乡; not
    '住房城乡建设局', nor a word of ``town_words``, read by :func:`_town_of_word`)."""
    places = _rules()["places"]
    token = name[pos:end]
    return name.startswith(_government_only_endings(), end) and token.endswith(_township_endings()) \
        and any(token.endswith(w) and len(token) > len(w) for w in places["not_places"]
                if w not in places["town_words"])


def _town_of_word(window: str) -> bool:
    """Whether ``window``, holding a word of ``not_places``, starts a town's name ending in one of ``town_words``
    after a one-character stem ('三乡镇', '五乡镇'), that character no place's ending nor a collective's start
    ('县乡镇', '各乡镇') and no other word of ``not_places`` in it ('城乡镇')."""
    places = _rules()["places"]
    return window.startswith(tuple(places["town_words"]), 1) and _suffix_at(window, 0) is None \
        and not window.startswith(tuple(places["collective_starts"])) \
        and sum(w in window for w in places["not_places"]) == 1


def _extend(name: str, pos: int, end: int) -> int:
    """End of the place at ``pos`` when the ending found at ``end`` belongs to a longer name.

    An ending right after another one means the first was part of the stem: 万州区 is a county, not the
    prefecture 万州 followed by 区; likewise 武乡县, 沙市区.  Not where the longer reading is a common word
    (XX县乡村振兴局, XX市市场监督管理局).
    """
    suffix = _suffix_at(name, end)
    while suffix is not None and not _not_place(name, pos, end + len(suffix)):
        end += len(suffix)
        suffix = _suffix_at(name, end)
    return end


def _generic_place(name: str, pos: int, end: int) -> _Place:
    """The place ``name[pos:end]`` with the tier its ending tells (a zone has none)."""
    places = _rules()["places"]
    token = name[pos:end]
    if any(token.endswith(z) for z in places["zone_endings"]):
        return _Place(token, None, None, zone=True)
    suffix = next(s for s in _suffixes() if token.endswith(s))
    level = places["suffix_levels"][suffix]
    province = None
    stem = token[: -len(suffix)]
    known = _index()["short"].get(stem)
    if known and level == "prefecture" and known[0]["level"] == "prefecture":
        province = known[0]["province"]  # 恩施州, 大理州
    elif level == "prefecture":
        # no prefecture of that name (the gazetteer holds them all): a county's short name (泽州 of 泽州县, by
        # 州), that county where the gazetteer gives it (its short name unique), else of no tier told (通州 of
        # two 通州区); not one starting as a collective does, left a phrase (全州: 全州县's, or the whole prefecture)
        county = None if token.startswith(tuple(places["collective_starts"])) else _county_of_short(token)
        if county is not None:
            return _Place(token, county["level"] if county else None, county["province"] if county else None)
        if suffix in places["untold_endings"]:
            return _Place(token, None, None)  # nor a county's: no tier told ('神州')
    elif level == "county" and stem in _index()["county_short"]:
        # a county-level unit renamed since the gazetteer's counties (漠河县 → 漠河市 in 2018, 长乐市 → 长乐区)
        row = _index()["county_short"][stem]
        renames = places["county_renames"]
        if any(row["name"].endswith(old) and suffix in renames[old] for old in renames):
            province = row["province"]
    return _Place(token, level, province)


def _county_of_short(token: str) -> dict[str, str] | None:
    """The gazetteer's county-level unit ``token`` is the short name of (泽州 of 泽州县), an empty row where it is the
    stem of several before a county's ending (通州 of 通州区, Beijing's and Nantong's: no short name given), else
    None."""
    index = _index()
    row = index["county_short"].get(token)
    if row is not None:
        return row
    levels = _rules()["places"]["suffix_levels"]
    named = any(r["level"] == "county" for s, level in levels.items() if level == "county"
                for r in index["full"].get(token + s, ()))
    return {} if named else None


def _county_short_alone(text: str) -> bool:
    """Whether ``text`` is a county's short name (:func:`_county_of_short`) and no unit's name nor a prefecture's
    or a province's short name (泽州, 通州; not 沙县, 荆州)."""
    index = _index()
    return text not in index["full"] and text not in index["short"] and _county_of_short(text) is not None


def _match_generic(name: str, pos: int) -> _Place | None:
    """An administrative unit told by its ending (``乌当区``, ``XX镇``), or None."""
    places = _rules()["places"]
    suffixes = _suffixes()
    free = _free_stem_length(name, pos)
    for stem_len in range(0, places["max_stem"] + 1):
        if _stem_stops(name, pos, stem_len, free) or pos + stem_len >= len(name):
            return None
        if stem_len == 0 and pos > 0:
            continue
        if not name.startswith(suffixes, pos + stem_len):  # (most stems: one test in C)
            continue
        for suffix in suffixes:
            if not name.startswith(suffix, pos + stem_len):
                continue
            end = pos + stem_len + len(suffix)
            if _not_place(name, pos, end):
                return None
            if stem_len == 0:
                if suffix not in places["bare_levels"] or _county_short_at(name, pos):
                    continue  # (镇宁县: 镇宁 + 县, not 镇 + 宁县)
                return _Place(name[pos:end], places["bare_levels"][suffix], None)
            return _generic_place(name, pos, _extend(name, pos, end))
    return None


def _county_short_at(name: str, pos: int) -> bool:
    """Whether a county-level unit's short form and a county ending start at ``pos`` (镇宁县, of 镇宁布依族苗族
    自治县), where a bare ending would be read (镇)."""
    shorts = _index()["county_short"]
    levels = _rules()["places"]["suffix_levels"]
    for length in range(2, 5):
        suffix = _suffix_at(name, pos + length)
        if name[pos: pos + length] in shorts and suffix is not None and levels[suffix] == "county":
            return True
    return False


@functools.lru_cache(maxsize=1)
def _corps_pattern() -> re.Pattern[str]:
    corps = _rules()["places"]["corps"]
    return re.compile(rf"({alternation(corps['names'])})|第?[{corps['numerals']}]{{1,4}}([{''.join(corps['units'])}])")


def _match_corps(name: str, pos: int) -> _Place | None:
    """A unit of the Xinjiang Production and Construction Corps at ``pos`` (新疆生产建设兵团, 第八师, 一四一团,
    ``corps`` in metadata.yaml), with the division's city after a division (第八师石河子市), or None."""
    m = _corps_pattern().match(name, pos)
    if m is None:
        return None
    corps = _rules()["places"]["corps"]
    # a division or regiment first in the name or after the corps or division (北京市第一师范学院 holds none)
    if m.group(2) and pos and not name[:pos].endswith((*corps["names"], *corps["units"])):
        return None
    level = "province" if m.group(1) else corps["units"][m.group(2)]
    end = m.end()
    if level == "prefecture":
        city = _match_known(name, end)
        if city is not None and city.province == corps["province"] and city.text.endswith("市"):
            end += len(city.text)
    return _Place(name[pos:end], level, corps["province"])


@functools.lru_cache(maxsize=4096)
def _match_place(name: str, pos: int) -> _Place | None:
    """The place at ``pos``: a unit of the corps, the gazetteer's, else the one its ending tells; of a county-level
    name of the gazetteer and a longer place its ending tells, the longer (东区 is Panzhihua's district, 东区街道办事处
    a street office)."""
    corps = _match_corps(name, pos)
    if corps is not None:
        return corps
    known = _match_known(name, pos)
    if known is None or known.level != "county":
        return known or _match_generic(name, pos)
    generic = _match_generic(name, pos)
    return generic if generic is not None and len(generic.text) > len(known.text) else known


def _split_places(name: str) -> tuple[list[_Place], str]:
    """Split an agency name into its leading chain of places and the rest.

    ``驻马店市住房和城乡建设局`` → ([驻马店市], '住房和城乡建设局');
    ``医药高新区(高港区)住房和城乡建设局`` → ([医药高新区, 高港区], '住房和城乡建设局').
    """
    places: list[_Place] = []
    pos = 0
    while pos < len(name):
        if name[pos] in "(（":
            # places in brackets after a place (医药高新区(高港区)); a place never starts with the bracket itself
            # (read with it, '(高港区' was a place the gazetteer does not know: no province)
            close = min((i for i in (name.find(")", pos), name.find("）", pos)) if i > 0), default=-1)
            inner, rest = _split_places(name[pos + 1: close]) if places and close > pos + 1 else ([], "")
            if inner and rest == "":
                places.extend(inner)
                pos = close + 1
                continue
            break
        place = _match_place(name, pos)
        if place is not None and places and not place.province and name.startswith(_office_marks(), pos):
            break  # the places' own office stationed elsewhere ('正阳县驻郑州办事处'), not a place '驻郑州' below them
        if place is not None:
            places.append(place)
            pos += len(place.text)
            continue
        if places and name.startswith("人民政府", pos):
            more, _ = _split_places(name[pos + 4:])
            if more and more[0].level == "township":
                pos += 4
                continue
        break
    return places, name[pos:]


def _office_marks() -> tuple[str, ...]:
    """metadata.yaml's ``office_marks`` (驻)."""
    return tuple(_rules()["agency"]["office_marks"])


def _national(name: str) -> tuple[bool, str]:
    """Whether ``name`` is a central body; and the part after a central prefix (or a central body's name:
    财政部河南监管局 is the ministry's office in Henan)."""
    rules = _rules()["agency"]
    if name in rules["national_names"]:
        return True, ""
    for prefix in _longest_first("agency", "national_prefixes", "national_names"):
        if name.startswith(prefix):
            return True, name[len(prefix):]
    return False, name


def _office(after: str) -> tuple[list[_Place], str] | None:
    """Where the office of a central body sits, from the part of its name after the central prefix.

    The place follows at once (国家税务总局|驻马店市税务局) or after the body's own name, which ends with a
    department ending (国家|统计局|驻马店调查队, 国家|外汇管理局|河南省分局), maybe with an office mark
    (审计署|驻郑州特派员办事处).  Returns the places and the rest (``[]`` for an office of a region above the
    provinces, 华东地区管理局: no tier of ours), or None when no place follows.
    """
    rules = _rules()["agency"]
    endings = rules["department_endings"]
    starts = [0] + [i for i in range(1, len(after)) if any(after[:i].endswith(e) for e in endings)]
    for start in starts:
        part = after[start:]
        if part.startswith(tuple(rules["macro_regions"])):
            return [], part
        readings = [_split_places(part)] + [_split_places(part[len(m):]) for m in rules["office_marks"]
                                            if part.startswith(m)]
        county = _county_office(part)
        if county is not None:
            readings.append(county)
        # after the body's own name only an office of it (XX调查队, XX分局), not any word read as a place
        readings = [(places, rest) for places, rest in readings
                    if places and (start == 0 or _kind(rest, True) == "department")]
        if readings:
            # a place the gazetteer knows over one told by its ending: 驻马店市, not 驻 + 马店市; 驻 + 郑州, not 驻郑州
            places, rest = next(((p, r) for p, r in readings if p[0].province), readings[0])
            # an office of that office in a place below it (…河南监管局|驻马店监管分局): the lower one's
            sub = _office(rest) if rest else None
            return (places + sub[0], sub[1]) if sub and sub[0] else (places, rest)
    return None


def _county_office(part: str) -> tuple[list[_Place], str] | None:
    """A county-level unit named by its short form before the ending of a central body's local office, maybe
    after the office mark (义乌|调查队, 驻义乌|调查队): ([the unit], the ending), or None."""
    rules = _rules()["agency"]
    ending = next((e for e in sorted(rules["local_office_endings"], key=len, reverse=True) if part.endswith(e)), None)
    if ending is None:
        return None
    stem = part[: -len(ending)]
    for mark in ("", *rules["office_marks"]):
        row = _index()["county_short"].get(stem[len(mark):]) if stem.startswith(mark) else None
        if row is not None:
            return [_gazetteer_place(row, stem[len(mark):])], ending
    return None


def _department_office(places: list[_Place], rest: str) -> tuple[list[_Place], str] | None:
    """The office at a county-level unit of a province's or prefecture's department, after the department's name
    (北京市|公安局|海淀分局, 驻马店市|生态环境局|正阳分局): ([the unit], the office's ending) when the unit is
    of the department's province, else None (XX市人民政府驻北京办事处 is no Beijing body)."""
    rules = _rules()["agency"]
    endings = tuple(rules["local_office_endings"])
    if not places or not rest.endswith(endings) or places[-1].level not in ("province", "prefecture"):
        return None  # (most names: no office ending)
    office = _office(rest)
    if office is not None and len(office[0]) == 1 and office[0][0].level == "county":
        unit = office[0][0]
        provinces = {unit.province} if unit.province else {province for _, province in unit.candidates}
        if places[-1].province in provinces:
            return office
    # a short form several units bear (朝阳, 和平): the department's own district or county (北京市公安局朝阳分局)
    parent, ending = places[-1], next(e for e in sorted(endings, key=len, reverse=True) if rest.endswith(e))
    for start in range(1, len(rest) - len(ending)):
        if not rest[:start].endswith(tuple(rules["department_endings"])):
            continue
        for suffix in (s for s, level in _rules()["places"]["suffix_levels"].items() if level == "county"):
            rows = [r for r in _index()["full"].get(rest[start:-len(ending)] + suffix, ())
                    if r["province"] == parent.province and r["parent"] in ("", parent.text)]
            if len(rows) == 1:
                return [_gazetteer_place(rows[0], rest[start:-len(ending)])], ending
    return None


def _unknown_office(after: str) -> bool:
    """Whether the part of a name after a central body's names a local office of it at a place not read
    (义乌调查队: two characters or more before an ending of ``local_office_endings``)."""
    endings = _rules()["agency"]["local_office_endings"]
    return any(after.endswith(e) and len(after) - len(e) >= 2 for e in endings)


def _kind(rest: str, has_place: bool) -> str | None:
    """Government or department, from what follows the places of an agency name."""
    rules = _rules()["agency"]
    if rest == "":
        return "government" if has_place else None
    # exact endings only: 国有资产监督管理委员会 is a department, XX开发区管委会 a government
    if rest in rules["government_endings"] or rest.endswith("人民政府"):
        return "government"
    if any(rest.endswith(e) for e in rules["department_endings"]):
        return "department"
    return None


def _first_name(name: str) -> str:
    """The name before a second name of the same body in brackets at its end, when it ends as a body's name does
    (中共郑州市委党校(郑州市行政学院): one body, read by its first name), else ``name`` (医药高新区(高港区): places)."""
    if not name.endswith((")", "）")):
        return name  # (most names)
    head = name[: max(name.rfind("("), name.rfind("（"))]
    return head if head.endswith(_body_endings()) else name


def _classify_agency(agency: str) -> dict[str, Any]:
    """Tier, kind and province told by an agency name."""
    out: dict[str, Any] = {"level": None, "agency_kind": None, "province": None, "candidates": ()}
    name = _first_name(re.sub(r"\s+", "", agency))
    # the Party's name (or the Youth League's, party_prefixes) is no place: read as one, 中共驻马店市 was a county
    party = next((p for p in _longest_first("agency", "party_prefixes")
                  if name.startswith(p) and len(name) > len(p)), "")
    name = name[len(party):]
    # a central prefix before the places: a generic place would swallow it (中国人民银行驻马店市 is no county)
    national, after = _national(name)
    if national:
        office = _office(after) if after else None
        if office is None and _unknown_office(after):
            out["agency_kind"] = "department"
            return out  # an office at a place the gazetteer does not know: tier and province unknown
        if office is None:
            out["level"] = "national"
            if name in ("国务院", "国务院办公厅"):
                out["agency_kind"] = "government"
            elif party or any(name.endswith(e) for e in _rules()["agency"]["department_endings"]):
                out["agency_kind"] = "department"
            return out
        places, rest = office
        if not places:
            out["agency_kind"] = _kind(rest, False) or "department"
            return out  # an office for a region above the provinces: no tier
    else:
        places, rest = _split_places(name)
        office = _department_office(places, rest)
        if office is not None:
            places, rest = places + office[0], office[1]
    rules = _rules()["agency"]
    if name.endswith(tuple(rules["institution_endings"])) and \
            not name.endswith(tuple(rules["not_institution_endings"])):
        # a university is no government nor a department of one, of no tier its name tells: only where it is
        out["province"] = places[0].province if places else None
        return out
    if not places:
        out["agency_kind"] = _kind(rest, False)
        return out
    last = places[-1]
    out["level"] = None if last.zone else last.level
    # the province of a place above the county tier first: a county-level name the gazetteer gives one unit
    # may be a newer unit's elsewhere (the gazetteer's counties are those of about 2016)
    provinces = {p.province for p in places if p.province and p.level != "county"} \
        or {p.province for p in places if p.province}
    if len(provinces) == 1:
        out["province"] = provinces.pop()
    elif not provinces:
        out["candidates"] = next((p.candidates for p in places if p.candidates), ())
    out["agency_kind"] = _kind(rest, True)
    return out


@functools.lru_cache(maxsize=1)
def _text_ends() -> tuple[re.Pattern[str], dict[str, list[int]]]:
    """The last characters of the names matched in free text (市, 区, 省…), as a pattern, and each one's name
    lengths, longest first."""
    by_last: dict[str, set[int]] = {}
    for name in _index()["text"]:
        by_last.setdefault(name[-1], set()).add(len(name))
    lengths = {last: sorted(ns, reverse=True) for last, ns in by_last.items()}
    return re.compile(f"[{re.escape(''.join(sorted(lengths)))}]" if lengths else "(?!)"), lengths


def _text_names(text: str) -> list[str]:
    """The names of places matched in free text that ``text`` holds, left to right, the longest at a place and
    none overlapping (what a search for any of them, longest first, finds).

    Looked up at their last character, a handful of 市/区/省 a page, where a search tries the first at every
    character: a name's first characters (三, 中, 新…) stand all over a text."""
    names = _index()["text"]
    ends, lengths = _text_ends()
    longest: dict[int, int] = {}  # start -> length of the longest name there
    for m in ends.finditer(text):
        end = m.end()
        for n in lengths[m.group()]:
            if n <= end and text[end - n : end] in names and longest.get(end - n, 0) < n:
                longest[end - n] = n
    out = []
    free = 0  # (a name inside or across one taken is no other match)
    for start in sorted(longest):
        if start >= free:
            free = start + longest[start]
            out.append(text[start:free])
    return out


def _text_province(lines: list[str]) -> str | None:
    """The province the text names clearly (full names only, at least twice, 3/4 of mentions)."""
    full = _index()["full"]
    counts: Counter[str] = Counter()
    # One look over the whole text (names hold no line break, so none spans two lines).
    for name in _text_names("\n".join(lines)):
        provinces = {r["province"] for r in full[name]}
        if len(provinces) == 1:
            counts[provinces.pop()] += 1
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n >= 2 and n >= 0.75 * total else None


def _named_parent(lines: list[str], candidates: tuple[tuple[str, str], ...]) -> str | None:
    """The province of the units a name may stand for (鼓楼区: of 南京市, 徐州市, 福州市, 开封市) that the text
    names, by their prefecture or province (南京市, 江苏省), when it names one only; else None."""
    text = "\n".join(lines)
    full = _index()["province_names"]
    named = {province for parent, province in candidates
             if (parent and parent in text) or full.get(province, "\0") in text}
    return named.pop() if len(named) == 1 else None


# --- year ----------------------------------------------------------------------------


# what every period pattern ends on, 12-31's day, as a line (spaces removed) writes it: 31, 三十一 or 叁拾壹
_PERIOD_END = re.compile(r"3 *1|三 *十 *一|叁 *拾 *壹")


def _period_year(lines: list[str]) -> int | None:
    # (the lines with no such day go in C: nearly all of a report's)
    for line in itertools.compress(lines, map(_PERIOD_END.search, lines)):
        compact = line.replace(" ", "")
        if "31" not in compact and "三十一" not in compact:
            # (in the formal numerals, as a title's year may be: '贰零贰零年壹月壹日至贰零贰零年拾贰月叁拾壹日' was no
            # period, the year inferred from the overview's text; read as the common numerals)
            compact = compact.translate(_CN_TENS)
        for pattern in (_PERIOD, _PERIOD_SEP, _PERIOD_CN):
            for m in pattern.finditer(compact):
                start, end = _year_value(m.group(1)), _year_value(m.group(2))
                if start is not None and start == end:
                    return start
    return None


_OVERVIEW_REACH = 60  # the lines read after the overview's heading when no later section ends it


def _overview_span(lines: list[str], section_lines: dict[str, int] | None) -> tuple[int, int] | None:
    if section_lines and "overview" in section_lines:
        start = section_lines["overview"]
        later = [v for v in section_lines.values() if v > start]
        return start, min(later) if later else _overview_end(lines, start)
    for i, line in enumerate(lines):
        if _OVERVIEW_HEAD.match(line) and len(line.strip()) <= 30:
            end = next((j for j in range(i + 1, len(lines)) if _NEXT_HEAD.match(lines[j])), None)
            return i, end if end is not None else _overview_end(lines, i)
    return None


def _overview_end(lines: list[str], start: int) -> int:
    """Where the overview starting at ``start`` ends when no later section does: ``_OVERVIEW_REACH`` lines on, or
    before the signature on lines of its own (:func:`_signature_lines`) where it comes first (its date, the next
    year's as reports are published, was counted as the overview's: a short report signed 2021年1月25日 read 2021)."""
    end = min(len(lines), start + _OVERVIEW_REACH)
    signature = _signature_lines(lines)
    return signature[0] if signature is not None and start < signature[0] < end else end


def _overview_year(lines: list[str], section_lines: dict[str, int] | None) -> int | None:
    span = _overview_span(lines, section_lines)
    if span is None:
        return None
    counts: Counter[int] = Counter()
    for line in lines[span[0]: span[1]]:
        for m in _YEAR_IN_TEXT.finditer(line):
            year = _year_value(m.group(1))
            if year is not None:
                counts[year] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


# --- public --------------------------------------------------------------------------


# What sets a page title's (or a file name's) parts apart: the report's title, the site's name, its column's
# ('XX局…年度报告_XX市人民政府', 'XX局…年度报告 | 政务公开', 'XX市人民政府 - XX局…年度报告', '附件1：XX局…年度报告').
_PAGE_TITLE_SEPARATORS = re.compile(r"\s*[_|｜:：]+\s*|\s+[-—–]+\s+|\s*--+\s*|\s*——\s*")


def _page_title_parts(page_title: str, reads: Callable[[str], bool] = _page_title_agency,
                      ) -> tuple[str | None, int | None] | None:
    """(agency, year) of the part of a page's title that is a report's title (``is_report_title``, its agency only
    when ``reads`` it as one: :func:`_page_title_agency`), or None when no part is."""
    for part in _PAGE_TITLE_SEPARATORS.split(page_title):
        candidate = _title_candidate(part)
        if candidate and is_report_title(candidate):
            agency, year = _parse_title(candidate)
            return (agency if agency is not None and reads(agency) else None), year
    return None


#: The last month in which a report is due (Regulations Art. 49: a department's by January 31, a government's
#: office's by March 31 of the next year): a publication date up to its end is taken for the next year's.
_LAST_DUE_MONTH = 3


def _year_before_publication(published: _dt.date | None, garbled: bool) -> int | None:
    """The year reported on as a publication date tells it: the year before ``published`` where it falls in
    January to March (reports are due by January 31, a government's by March 31), else None (a later date may be
    a late report's or a page's later posting; a ``garbled`` date's year is not trusted)."""
    if published is None or garbled or published.month > _LAST_DUE_MONTH:
        return None
    return published.year - 1


def _file_stem(path: str | os.PathLike[str]) -> str:
    """The file's name without its folders and its extension, NFKC-normalized (full-width digits)."""
    return unicodedata.normalize("NFKC", os.path.splitext(os.path.basename(os.fspath(path)))[0])


def _file_name_agency(path: str | os.PathLike[str]) -> str | None:
    """The agency a file's name gives when it is a report's title ('驻马店市住房和城乡建设局2020年政府信息公开工作
    年度报告.docx', also after a number or before a site's name: :func:`_page_title_parts`) naming a body's name
    (:func:`_agency_like`: not a version's or a collector's word ending as none does, '新版2020年…'), else None."""
    stem = _file_stem(path)
    if not re.search(f"[{HAN_RANGES}]", stem):
        return None  # (most names: an id, 'report_2021')
    parts = _page_title_parts(normalize_line(stem), _agency_like)
    return parts[0] if parts else None


def _file_name_year(path: str | os.PathLike[str]) -> int | None:
    """The one year a file's name gives (its folders' names not read), else None (none, or two)."""
    stem = _file_stem(path)
    years = {_year_value(next(filter(None, m.groups()))) for m in _FILE_YEAR.finditer(_UUID.sub(" ", stem))} - {None}
    return years.pop() if len(years) == 1 else None


def _check_args(lines: Any, section_lines: Any, path: Any = None, page_title: Any = None) -> None:
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike or None, got {type(path).__name__}")
    if page_title is not None and not isinstance(page_title, str):
        raise TypeError(f"page_title must be a str or None, got {type(page_title).__name__}")
    if isinstance(lines, (str, bytes)) or not isinstance(lines, (list, tuple)):
        raise TypeError(f"lines must be a list of str, got {type(lines).__name__}")
    for i, line in enumerate(lines):
        if not isinstance(line, str):
            raise TypeError(f"lines must be a list of str, got {type(line).__name__} at index {i}")
    if section_lines is None:
        return
    if not isinstance(section_lines, dict):
        raise TypeError(f"section_lines must be a dict of str to int or None, got {type(section_lines).__name__}")
    for key, value in section_lines.items():
        if not isinstance(key, str) or isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(
                f"section_lines must map str to int, got {key!r}: {value!r}"
            )
        if not 0 <= value < max(len(lines), 1):
            raise ValueError(
                f"section_lines[{key!r}] must be a 0-based line index between 0 and "
                f"{max(len(lines) - 1, 0)}, got {value}"
            )


def extract_metadata(lines: list[str], *, section_lines: dict[str, int] | None = None,
                     path: str | os.PathLike[str] | None = None, page_title: str | None = None) -> dict:
    """Tell who published a report, on which year, when, and at which tier of government.

    Parameters
    ----------
    lines : list of str
        The report's lines after normalization (NFKC, simplified characters,
        pinyin removed); a table row is its cells joined with ``' | '``.
    section_lines : dict of str to int, optional
        0-based index of the heading line of each section found (keys such as
        ``'overview'``, ``'active'``, ``'requests'``, ``'other'``).  The title is
        looked for above the first section, and the overview section gives the
        year when neither the title nor a statistics period does.
    path : str or os.PathLike, optional
        The file the report was read from: its name gives the year when the
        text gives none (``2022年XX局政府信息公开工作年度报告.docx``,
        ``report_2021.pdf``: four digits standing as a word of their own; a
        date, a range, a hash or a longer number in it is no year), and the
        agency when nothing else does and it is a report's title.
    page_title : str, optional
        The title the document gives itself apart from its text, normalized
        as ``lines`` (an HTML page's ``<title>``, a DOCX's title in its
        properties; often the report's title
        and the site's name, ``XX局2020年政府信息公开工作年度报告_XX市人民政府``):
        the part of it that is a report's title gives the agency and the year
        where the title in the text does not (or where the text holds none).

    Returns
    -------
    dict
        With exactly these keys (``None`` where the report does not tell):

        - ``agency`` (str): the reporting body, from the title (the text's,
          else the page's, ``page_title``), else a 发布机构
          field, else the signature at the end, else the last link of the
          site's breadcrumb naming a body with only columns after it
          (``首页 > 政务公开 > XX局``, ``首页 > 部门 > XX局 > 年度报告``),
          else the file's name when it is a report's title
          (``XX局2020年政府信息公开工作年度报告.docx``), else the body a
          page's source field names (``来源：XX局``).
        - ``report_year`` (int): the year reported on, from the title (the
          text's, else the page's), else the
          statistics period (``2020年1月1日至2020年12月31日``), else the dominant
          year of the overview (flag ``year_inferred``), else the year in the
          file's name (flag ``year_from_file_name``), else the year before a
          publication date in January to March (reports are due by January 31,
          a government's by March 31; flag ``year_inferred``).
        - ``published`` (str): ISO date ``'YYYY-MM-DD'`` from a 发布日期 /
          发文日期 / 时间 / 日期 field, else a date alone (or after the page's
          source, ``来源：XX局 2021-01-20``) on the line under the title, else
          a date alone (no time) on the line above it, else one (no time)
          before the title on its line, else the signature date; under a
          signature of a year and month only, the page's posting date under
          it: a date after a publication label or alone, its time with it
          only in brackets or after the label (``[2024-02-07 10:30]``, a
          site's posting time); bare (``2024-02-07 10:30``) it is a browser's
          print header or footer, never the published date.
        - ``level`` (str): best guess among ``'national'``, ``'province'``,
          ``'prefecture'``, ``'county'``, ``'township'``; a department has its
          government's tier, a central body's office in a place
          (``国家统计局驻马店调查队``) the place's tier; None where the name
          does not tell it (a development zone, a university).
        - ``agency_kind`` (str): ``'government'`` or ``'department'``.
        - ``province`` (str): short name of the province-level unit as in the
          gazetteer (``'河南'``), from the agency name, else from places the text
          names clearly.
        - ``flags`` (list of str): ``no_title``, ``agency_unknown``,
          ``level_unknown`` (an agency read, but not its tier),
          ``year_unknown``, ``year_inferred``, ``year_from_file_name``,
          ``year_conflict`` (title and
          statistics period disagree), ``published_garbled`` (a date field that
          lost its 年/月 characters), ``published_before_period_end``.

    Raises
    ------
    TypeError
        If ``lines`` is not a list of str, ``section_lines`` not a dict of
        str to int, or ``path`` not a str or path-like.
    ValueError
        If a ``section_lines`` index is outside ``lines``.

    Examples
    --------
    >>> meta = extract_metadata([
    ...     "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告",
    ...     "投稿:huoruiqi  来源:时间:2021年01月31日",
    ... ])
    >>> meta["agency"], meta["report_year"], meta["published"]
    ('驻马店市住房和城乡建设局', 2020, '2021-01-31')
    >>> meta["level"], meta["agency_kind"], meta["province"], meta["flags"]
    ('prefecture', 'department', '河南', [])
    """
    _check_args(lines, section_lines, path, page_title)
    return _metadata_of(list(lines), section_lines, path, page_title)


@functools.lru_cache(maxsize=1)
def _traditional_names() -> re.Pattern[str]:
    """metadata.yaml's ``traditional_names`` (濬县, OpenCC's s2t of 浚县 that its t2s keeps), as one pattern."""
    return re.compile(alternation(_rules()["places"]["traditional_names"]))


def _metadata_of(lines: list[str], section_lines: dict[str, int] | None,
                 path: str | os.PathLike[str] | None, page_title: str | None = None) -> dict:
    """:func:`extract_metadata` of arguments known good (a report's own lines: not checked line by line)."""
    flags: list[str] = []

    first_section = min(section_lines.values()) if section_lines else len(lines)
    title_span = _find_title(lines, first_section)
    title_agency, title_year = (None, None)
    if title_span is not None:
        title_text = _title_text(lines, title_span)
        title_agency, title_year = _parse_title(title_text)
        if title_agency is not None and _body_name(title_agency) is False:
            title_agency = None  # a phrase ending as a body's name ('年度乌当区人民政府' of '年度乌当区人民政府信息公开…')
        # the agency's name alone on the line above the title (broken after it), else on the line below it
        above = _line_above_title(lines, title_span[0])
        below = next((line for line in lines[title_span[1] + 1 : first_section] if line.strip()), "")
        for line in (above, below):
            name = re.sub(r"\s+", "", line)
            # (not a breadcrumb ending in the agency, '首页 政务公开 XX局': its last link is read below)
            if title_agency is None and name and _agency_like(name) and not _is_breadcrumb(line):
                title_agency = name
        if title_year is None and (alone := _YEAR_LINE.fullmatch(below.strip())) is not None:
            title_year = _year_value(alone.group(1))  # the year on the line under the title ('…报告' / '（2020年度）')
    # the page's <title> where the text's title names no agency or no year (the text's wins where both do; it is
    # not read where they do, the common case)
    page = _page_title_parts(page_title) if page_title and (title_agency is None or title_year is None) else None
    if page is not None:
        title_agency = title_agency or page[0]
        title_year = title_year if title_year is not None else page[1]
    elif title_span is None:
        flags.append("no_title")

    regions = _field_regions(lines)  # (the lines where header fields stand, read for the agency and the date)
    field_agency = _agency_field(regions)
    # (the last section's heading, where the caller found it: a signature may stand right under it, the section left
    # empty; the sections' end passes the same, so the tail's reading is shared)
    sig_agency, sig_date = _signature(lines, (max(section_lines.values()),) if section_lines else ())
    crumb_agency = _breadcrumb_agency(lines, first_section) if title_agency is None else None
    agency = title_agency or field_agency or sig_agency or crumb_agency
    if agency is None and path is not None:
        agency = _file_name_agency(path)
    if agency is None:
        # the page's source ('来源：市司法局 发布时间：…') where nothing else names the agency: it may name a site the
        # page was copied from, so every other way wins
        agency = _source_agency(regions)
    if agency is not None and agency.endswith((")", "）")):
        agency = _scope_note().sub("", agency)  # (a signature's 'XX局（本级）': the note is no part of the name)
    if agency is None:
        flags.append("agency_unknown")
    elif _traditional_names().search(agency):
        agency = _traditional_names().sub(lambda m: _rules()["places"]["traditional_names"][m[0]], agency)

    period_year = _period_year(lines)
    report_year = title_year if title_year is not None else period_year
    if title_year is not None and period_year is not None and title_year != period_year:
        flags.append("year_conflict")

    published, garbled = _published_field(regions)
    if published is None and title_span is not None:
        published = _date_beside_title(lines, title_span, first_section, title_text)
    if published is None:
        published = sig_date
    if published is None:
        published = _colophon_date(lines)
    if report_year is None:
        report_year = _overview_year(lines, section_lines)
        flag = "year_inferred"
        if report_year is None and path is not None:
            report_year, flag = _file_name_year(path), "year_from_file_name"
        if report_year is None:
            report_year = _year_before_publication(published, garbled)
            flag = "year_inferred"
        flags.append("year_unknown" if report_year is None else flag)
    if garbled:
        flags.append("published_garbled")
    if published is not None and report_year is not None and published < _dt.date(report_year, 12, 31):
        flags.append("published_before_period_end")

    tier: dict[str, Any] = {"level": None, "agency_kind": None, "province": None, "candidates": ()}
    if agency is not None:
        tier = _classify_agency(agency)
        if tier["level"] is None:
            flags.append("level_unknown")
    if tier["province"] is None and tier["level"] != "national":
        # a name the gazetteer gives several units (鼓楼区) takes the province of one of them only
        candidates = {province for _, province in tier["candidates"]}
        for other in (field_agency, sig_agency, crumb_agency):
            if other and other != agency:
                province = _classify_agency(other)["province"]
                if province and (not candidates or province in candidates):
                    tier["province"] = province
                    break
        if tier["province"] is None and candidates:
            # the one whose prefecture or province the text names, else the one of the province it names clearly
            text_province = _named_parent(lines, tier["candidates"]) or _text_province(lines)
            tier["province"] = text_province if text_province in candidates else None
        elif tier["province"] is None:
            tier["province"] = _text_province(lines)

    return {
        "agency": agency,
        "report_year": report_year,
        "published": published.isoformat() if published is not None else None,
        "level": tier["level"],
        "agency_kind": tier["agency_kind"],
        "province": tier["province"],
        "flags": flags,
    }
