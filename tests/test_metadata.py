"""Tests of toolkit.metadata: agency, year, publication date, tier and province."""
from __future__ import annotations

import csv
import doctest
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import toolkit.metadata as metadata
from toolkit.metadata import extract_metadata, load_gazetteer
from toolkit.normalize import normalize_text

from scale import scaled

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
KEYS = {"agency", "report_year", "published", "level", "agency_kind", "province", "flags"}


@lru_cache(maxsize=None)
def _lines(stem: str) -> tuple[str, ...]:
    path = next(RAW.glob(f"{stem}*.txt"))
    return tuple(normalize_text(path.read_text(encoding="utf-8-sig")).split("\n"))


def lines_of(stem: str) -> list[str]:
    return list(_lines(stem))


def meta(*lines: str, **kwargs) -> dict:
    return extract_metadata(list(lines), **kwargs)


def _each_script_titled_or_not(test: Callable[..., None]) -> Callable[..., None]:
    """Run ``test`` in simplified and traditional characters, with seed 000's title and with none."""
    test = pytest.mark.parametrize("title", ["驻马店市住房和城乡建设局", ""])(test)
    return pytest.mark.parametrize("script", ["simplified", "traditional"])(test)


def _in_script(script: str) -> Callable[[str], str]:
    """The text as written (``"simplified"``) or converted to traditional characters (``"traditional"``)."""
    if script == "simplified":
        return str
    import opencc

    return opencc.OpenCC("s2t").convert


TITLE = "{}2020年政府信息公开工作年度报告"

# --- real files, read by hand ---------------------------------------------------------

SEEDS = [
    # stem, agency, report_year, published, level, agency_kind, province, flags
    ("000", "驻马店市住房和城乡建设局", 2020, "2021-01-31", "prefecture", "department", "河南", []),
    ("001", "乌当区人民政府", 2020, "2021-01-30", "county", "government", "贵州", []),
    ("002", "伊州区住房和城乡建设局", 2024, "2024-02-17", "county", "department", "新疆",
     ["no_title", "year_inferred", "published_before_period_end"]),
    ("003", "高港区住房和城乡建设局", 2017, "2018-02-28", "county", "department", "江苏", []),
    ("004", "市住建局", 2020, None, "prefecture", "department", None, []),
    ("pingtan-2020-05", "平潭综合实验区交通与建设局", 2020, "2021-01-27", "prefecture", "department", "福建", []),
    ("pingtan-2023-01", "平潭综合实验区", 2023, None, "prefecture", "government", "福建", []),
    ("pingtan-2023-02", "平潭综合实验区财政金融局", 2023, "2024-01-29", "prefecture", "department", "福建", []),
    ("pingtan-2023-03", "平潭综合实验区市场监督管理局", 2023, "2024-01-31", "prefecture", "department", "福建", []),
    ("pingtan-2023-04", "平潭综合实验区经济发展局", 2023, "2024-01-29", "prefecture", "department", "福建", []),
]


@pytest.mark.parametrize("stem, agency, year, published, level, kind, province, flags", SEEDS,
                         ids=[s[0] for s in SEEDS])
def test_real_reports(stem, agency, year, published, level, kind, province, flags):
    result = extract_metadata(lines_of(stem))
    assert result == {
        "agency": agency, "report_year": year, "published": published, "level": level,
        "agency_kind": kind, "province": province, "flags": flags,
    }


def test_seed_002_is_traditional_until_normalized():
    raw = next(RAW.glob("002*.txt")).read_text(encoding="utf-8")
    assert "伊州區(qū)住房和城鄉(xiāng)建設(shè)局" in raw
    assert extract_metadata(lines_of("002"))["agency"] == "伊州区住房和城乡建设局"


def test_manifest_agrees_on_pingtan_agency_and_year():
    with open(RAW / "pingtan-manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5
    for row in rows:
        result = extract_metadata(lines_of(Path(row["file"]).stem))
        assert (result["agency"], result["report_year"]) == (row["agency"], int(row["year"]))


def test_section_lines_from_a_section_finder_give_the_same_result():
    lines = lines_of("002")
    # overview heading is line 0, the next section's heading follows it
    active = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开"))
    result = extract_metadata(lines, section_lines={"overview": 0, "active": active})
    assert result["report_year"] == 2024 and "year_inferred" in result["flags"]


def test_the_overview_year_in_chinese_numerals():
    # seed 002 (no title, no statistics period) with its years and dates written 二〇二四年二月十七日: was
    # year_unknown, the overview's years read in digits only
    import re

    numerals = "〇一二三四五六七八九"

    def small(n: str) -> str:  # 17 → 十七, 2 → 二
        tens, ones = divmod(int(n), 10)
        return (numerals[tens] if tens > 1 else "") + ("十" if tens else "") + (numerals[ones] if ones else "")

    def chinese(m: re.Match) -> str:
        year = "".join(numerals[int(c)] for c in m.group(1)) + "年"
        return year + (f"{small(m.group(2))}月{small(m.group(3))}日" if m.group(2) else "")

    lines = [re.sub(r"(?<!\d)(\d{4})年(?:(\d{1,2})月(\d{1,2})日)?", chinese, line) for line in lines_of("002")]
    assert "二〇二四年二月十七日" in lines and not any(re.search(r"\d{4}\s*年", line) for line in lines)
    result = extract_metadata(lines)
    assert result["report_year"] == 2024 and "year_inferred" in result["flags"]
    assert result == extract_metadata(lines_of("002"))


def test_no_warning_escapes():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for stem, *_ in SEEDS:
            extract_metadata(lines_of(stem))


# --- generated variants of the seeds -------------------------------------------------

def test_seed_001_without_title_takes_year_from_statistics_period():
    lines = lines_of("001")[1:]
    result = extract_metadata(lines)
    assert result["agency"] is None
    assert result["report_year"] == 2020
    assert result["published"] == "2021-01-30"
    assert result["flags"] == ["no_title", "agency_unknown"]
    # the text names 贵阳市 and 贵州省 but also 乌当区, all in 贵州
    assert result["province"] == "贵州"


def test_seed_003_without_title_takes_agency_from_publisher_field():
    lines = [line for line in lines_of("003") if "信息公开年度报告" not in line]
    result = extract_metadata(lines)
    assert result["agency"] == "医药高新区(高港区)住房和城乡建设局"
    assert result["report_year"] == 2017  # 统计期限自2017年1月1日起至2017年12月31日止
    assert result["published"] == "2018-02-28"
    assert (result["level"], result["agency_kind"], result["province"]) == ("county", "department", "江苏")


def test_seed_000_without_title_infers_year_from_overview():
    lines = lines_of("000")[1:]
    result = extract_metadata(lines)
    assert result["agency"] is None and result["level"] is None
    assert result["report_year"] == 2020
    assert result["published"] == "2021-01-31"
    assert result["flags"] == ["no_title", "agency_unknown", "year_inferred"]


def test_seed_002_signature_on_one_line_and_in_chinese_numerals():
    lines = lines_of("002")
    body = [line for line in lines if line.strip()][:-2]
    result = extract_metadata(body + ["伊州区住房和城乡建设局 二〇二五年二月十七日"])
    assert result["agency"] == "伊州区住房和城乡建设局"
    assert result["published"] == "2025-02-17"
    assert "published_before_period_end" not in result["flags"]


def test_seed_004_province_from_places_the_text_names():
    lines = lines_of("004")
    assert extract_metadata(lines)["province"] is None
    extra = ["根据驻马店市人民政府要求,做好驻马店市住建领域信息公开。"]
    assert extract_metadata(lines[:3] + extra + lines[3:])["province"] == "河南"


# --- titles ---------------------------------------------------------------------------

TITLES = [
    # title, agency, year, level, kind, province
    ("驻马店市住房和城乡建设局2020年政府信息公开工作年度报告", "驻马店市住房和城乡建设局", 2020,
     "prefecture", "department", "河南"),
    ("2020年乌当区人民政府信息公开工作年度报告", "乌当区人民政府", 2020, "county", "government", "贵州"),
    ("2017年高港区住房和城乡建设局信息公开年度报告", "高港区住房和城乡建设局", 2017, "county", "department", "江苏"),
    ("2020年驻马店市政府信息公开工作年度报告", "驻马店市", 2020, "prefecture", "government", "河南"),
    ("关于乌当区2020年度政府信息公开工作的年度报告", "乌当区", 2020, "county", "government", "贵州"),
    ("乌当区住房和城乡建设局政府信息公开工作2020年度报告", "乌当区住房和城乡建设局", 2020,
     "county", "department", "贵州"),
    ("二O二O年度驻马店市人民政府信息公开工作年度报告", "驻马店市人民政府", 2020, "prefecture", "government", "河南"),
    ("二〇二一年度中山市人民政府信息公开工作年度报告", "中山市人民政府", 2021, "prefecture", "government", "广东"),
    # a year in the formal numerals of amounts: no year, its characters kept in the agency's name
    ("驻马店市交通运输局贰零贰零年政府信息公开工作年度报告", "驻马店市交通运输局", 2020, "prefecture", "department", "河南"),
    ("驻马店市交通运输局贰〇贰壹年度政府信息公开工作年度报告", "驻马店市交通运输局", 2021, "prefecture", "department", "河南"),
    ("貳零貳零年陆丰市人民政府信息公开工作年度报告", "陆丰市人民政府", 2020, "county", "government", "广东"),
    ("泰州市高港区人民政府2020年政府信息公开工作年度报告", "泰州市高港区人民政府", 2020, "county", "government", "江苏"),
    ("台州市椒江区人民政府2020年政府信息公开工作年度报告", "台州市椒江区人民政府", 2020, "county", "government", "浙江"),
    ("国家税务总局驻马店市税务局2020年政府信息公开工作年度报告", "国家税务总局驻马店市税务局", 2020,
     "prefecture", "department", "河南"),
    ("教育部2020年政府信息公开工作年度报告", "教育部", 2020, "national", "department", None),
    ("国务院办公厅2020年政府信息公开工作年度报告", "国务院办公厅", 2020, "national", "government", None),
    # central bodies named 中国…, and their offices in a province
    ("中国证券监督管理委员会2021年政府信息公开工作年度报告", "中国证券监督管理委员会", 2021, "national", "department", None),
    ("中国气象局2021年政府信息公开工作年度报告", "中国气象局", 2021, "national", "department", None),
    ("中国银行保险监督管理委员会四川监管局2021年政府信息公开工作年度报告", "中国银行保险监督管理委员会四川监管局", 2021,
     "province", "department", "四川"),
    # an office for a region above the provinces has no tier ('华东地区' is no prefecture)
    ("中国民用航空局华东地区管理局2021年政府信息公开工作年度报告", "中国民用航空局华东地区管理局", 2021,
     None, "department", None),
    ("国家能源局华中监管局2021年政府信息公开工作年度报告", "国家能源局华中监管局", 2021, None, "department", None),
    # a central body whose own name holds a place is no office there (was province, 台湾)
    ("国务院台湾事务办公室2021年政府信息公开工作年度报告", "国务院台湾事务办公室", 2021, "national", "department", None),
    # central bodies by the short forms the State Council's lists give them: their tier was unknown
    ("科技部2023年政府信息公开工作年度报告", "科技部", 2023, "national", "department", None),
    ("人力资源社会保障部2023年政府信息公开工作年度报告", "人力资源社会保障部", 2023, "national", "department", None),
    ("住房城乡建设部2023年政府信息公开工作年度报告", "住房城乡建设部", 2023, "national", "department", None),
    ("市场监管总局2023年政府信息公开工作年度报告", "市场监管总局", 2023, "national", "department", None),
    ("税务总局2023年政府信息公开工作年度报告", "税务总局", 2023, "national", "department", None),
    ("国管局2023年政府信息公开工作年度报告", "国管局", 2023, "national", "department", None),
    ("中国民航局2023年政府信息公开工作年度报告", "中国民航局", 2023, "national", "department", None),
    ("证监会河南监管局2023年政府信息公开工作年度报告", "证监会河南监管局", 2023, "province", "department", "河南"),
    ("贵州省人民政府办公厅2020年政府信息公开工作年度报告", "贵州省人民政府办公厅", 2020,
     "province", "government", "贵州"),
    ("河南省住房和城乡建设厅2020年政府信息公开工作年度报告", "河南省住房和城乡建设厅", 2020,
     "province", "department", "河南"),
    ("省住建厅2020年政府信息公开工作年度报告", "省住建厅", 2020, "province", "department", None),
    ("北京市朝阳区人民政府2021年政府信息公开工作年度报告", "北京市朝阳区人民政府", 2021, "county", "government", "北京"),
    ("义乌市人民政府2021年政府信息公开工作年度报告", "义乌市人民政府", 2021, "county", "government", "浙江"),
    ("恩施州民政局2021年政府信息公开工作年度报告", "恩施州民政局", 2021, "prefecture", "department", "湖北"),
    ("驻马店市城市管理局2021年政府信息公开工作年度报告", "驻马店市城市管理局", 2021,
     "prefecture", "department", "河南"),
    ("乌当区市场监督管理局2021年政府信息公开工作年度报告", "乌当区市场监督管理局", 2021,
     "county", "department", "贵州"),
    ("驻马店市国有资产监督管理委员会2021年政府信息公开工作年度报告", "驻马店市国有资产监督管理委员会", 2021,
     "prefecture", "department", "河南"),
    ("乌当区新堡布依族乡人民政府2021年政府信息公开工作年度报告", "乌当区新堡布依族乡人民政府", 2021,
     "township", "government", "贵州"),
    ("驻马店市人民政府人民街道办事处2021年政府信息公开工作年度报告", "驻马店市人民政府人民街道办事处", 2021,
     "township", "government", "河南"),
    ("郑州经济技术开发区管委会2020年政府信息公开工作年度报告", "郑州经济技术开发区管委会", 2020,
     None, "government", "河南"),
    ("那曲地区行政公署2015年政府信息公开工作年度报告", "那曲地区行政公署", 2015, "prefecture", "government", "西藏"),
    ("海南藏族自治州人民政府2020年政府信息公开工作年度报告", "海南藏族自治州人民政府", 2020,
     "prefecture", "government", "青海"),
    ("海南省人民政府2020年政府信息公开工作年度报告", "海南省人民政府", 2020, "province", "government", "海南"),
    ("市政府办公室2020年政府信息公开工作年度报告", "市政府办公室", 2020, "prefecture", "government", None),
    ("2020年度政府信息公开工作年度报告", None, 2020, None, None, None),
    # a title naming a range of years: the agency ends before it (it was lost), the year is the last
    ("乌当区人民政府2019—2020年政府信息公开工作年度报告", "乌当区人民政府", 2020, "county", "government", "贵州"),
    ("乌当区人民政府2019年至2020年政府信息公开工作年度报告", "乌当区人民政府", 2020, "county", "government", "贵州"),
]


@pytest.mark.parametrize("title, agency, year, level, kind, province", TITLES, ids=[f"title{i}" for i in range(len(TITLES))])
def test_titles(title, agency, year, level, kind, province):
    result = meta(title, "一、总体情况")
    assert (result["agency"], result["report_year"]) == (agency, year)
    assert (result["level"], result["agency_kind"], result["province"]) == (level, kind, province)


def test_the_formal_numerals_of_a_year_are_those_of_the_formats():
    # (metadata.py reads them from formats.yaml for its patterns, once: no list of its own to fall out of step)
    from toolkit.formats import load_formats
    from toolkit.normalize import cn_numeral

    formal = {ch: cn_numeral(common) for ch, common in load_formats()["formal_numerals"].items() if common != "十"}
    assert metadata._FORMAL_DIGITS == formal


def test_title_broken_after_the_agency():
    result = meta("驻马店市住房和城乡建设局", "2020年政府信息公开工作年度报告", "一、总体情况")
    assert result["agency"] == "驻马店市住房和城乡建设局" and result["report_year"] == 2020


@pytest.mark.parametrize("head", [
    ["首页 > 政务公开 > 政府信息公开年报", "厦门市财政局2023年政府信息公开工作年度报告"],  # a breadcrumb above
    ["当前位置：首页 » 信息公开年报", "厦门市财政局2023年政府信息公开工作年度报告"],
    ["《厦门市财政局2023年政府信息公开工作年度报告》"],                                       # in book-title marks
    ["厦门市财政局2023年度政府信息公开工作", "年度报告"],                                    # broken by a PDF
    ["厦门市财政局", "2023年度", "政府信息公开工作年度报告"],
    ["厦门市财政局2023年", "政府信息公开工作年度报告"],
], ids=["breadcrumb", "breadcrumb2", "quoted", "wrapped", "three_lines", "two_lines"])
def test_title_shapes_of_real_pages(head):
    result = meta(*head, "一、总体情况", "本局认真贯彻落实《条例》。")
    assert (result["agency"], result["report_year"]) == ("厦门市财政局", 2023)
    assert (result["level"], result["province"], result["flags"]) == ("prefecture", "福建", [])


@pytest.mark.parametrize("year", ["（2023年度）", "2023年度", "(2023年)", "（二〇二三年度）", "（ 2023 年度 ）"])
def test_the_year_on_its_own_line_under_the_title(year):
    # A title naming no year with the year on the line under it ('…政府信息公开工作年度报告' / '（2023年度）', a
    # cover's layout): the year was not read, the overview's gave another (2024) flagged year_inferred.
    result = meta("厦门市财政局政府信息公开工作年度报告", year, "一、总体情况", "2024年，本局认真贯彻落实《条例》。")
    assert (result["agency"], result["report_year"], result["flags"]) == ("厦门市财政局", 2023, [])
    # and the page's date under it is read as under a title on one line
    result = meta("厦门市财政局政府信息公开工作年度报告", year, "2024-01-20", "一、总体情况", "本局认真贯彻落实《条例》。")
    assert (result["report_year"], result["published"]) == (2023, "2024-01-20")
    # a year line under a title naming its own year is no part of it (a conflict is the period's to flag)
    result = meta("厦门市财政局2022年政府信息公开工作年度报告", year, "一、总体情况", "本局认真贯彻落实《条例》。")
    assert result["report_year"] == 2022

def test_a_header_box_label_is_not_taken_for_the_agency():
    # A document header box: '分类' / '信息公开年报' is no title of an agency.
    result = meta("索引号", "014421017/2018-00546", "分类", "信息公开年报", "发布机构:高港区住房和城乡建设局")
    assert result["agency"] == "高港区住房和城乡建设局"


def test_field_label_alone_on_its_line():
    # A document header box copied one cell per line: '发布机构' / 'XX局', '发文日期' / '' / '2018-02-28'.
    result = meta("索引号", "014421017/2018-00546", "分类", "信息公开年报", "发布机构", "高港区住房和城乡建设局",
                  "发文日期", "", "2018-02-28", "一、总体情况")
    assert (result["agency"], result["published"]) == ("高港区住房和城乡建设局", "2018-02-28")


@pytest.mark.parametrize("box", [["【发布机构】高港区住房和城乡建设局", "【发文日期】2018-02-28"],
                                 ["[发布机构]：高港区住房和城乡建设局  [发文日期]：2018-02-28"],
                                 ["【发布机构】", "高港区住房和城乡建设局", "【发文日期】", "2018-02-28"],
                                 ["索引号：014421017/2018-00546 【发布机构】 高港区住房和城乡建设局 【发文日期】 2018-02-28"]],
                         ids=["own_lines", "one_line", "label_alone", "in_a_row"])
def test_a_header_box_s_labels_in_square_brackets(box):
    # Seed 003 without its title, its header box's labels in square brackets ('【发布机构】XX局', '【发文日期】…', as a
    # page may set them): read as no labels, the agency was NA (agency_unknown) and the date the signature's.
    lines = [line for line in lines_of("003") if "信息公开年度报告" not in line]
    plain = extract_metadata(lines)
    assert plain["agency"] == "医药高新区(高港区)住房和城乡建设局"  # (its own box's, '发布机构' / '…' …)
    unboxed = [line for line in lines[:12] if "发布机构" not in line and "高港区住房和城乡建设局" != line.strip()]
    result = extract_metadata([*box, *unboxed, *lines[12:]])
    assert (result["agency"], result["published"]) == ("高港区住房和城乡建设局", "2018-02-28")
    assert "agency_unknown" not in result["flags"]


def test_a_lone_field_label_is_told_without_a_substitution_a_line(monkeypatch):
    # Whether a line of a report's head or tail (some 25 lines) is a field's label alone (seed 003's box a cell a line:
    # '【发布机构】' / 'XX局') was asked by dropping its marks with a substitution (_LABEL_MARKS.sub, a scan of each
    # character of every line): one pattern tells the labels' lines, failing at a line's first characters; the marks
    # are dropped of the labels' lines only, the same fields.  (The calls are read, not timed.)
    import sys

    seed = lines_of("003")
    box = ["【发布机构】", "高港区住房和城乡建设局", "【发文日期】", "2018-02-28"]
    lines = [*box, *(line for line in seed[:12] if "发布机构" not in line and "信息公开年度报告" not in line), *seed[12:]]
    plain = extract_metadata(lines)
    real, subbed = metadata._LABEL_MARKS, []

    class Marks:
        pattern, search = real.pattern, real.search

        def sub(self, repl: str, text: str) -> str:
            if sys._getframe(1).f_code.co_name == "_join_lone_labels":
                subbed.append(text)
            return real.sub(repl, text)

    monkeypatch.setattr(metadata, "_LABEL_MARKS", Marks())
    result = extract_metadata(lines)
    monkeypatch.undo()
    assert result == plain and (plain["agency"], plain["published"]) == ("高港区住房和城乡建设局", "2018-02-28")
    assert len(subbed) == 2 and all(real.sub("", text) in metadata._lone_labels() for text in subbed)


def test_title_is_looked_for_above_the_first_section_only():
    lines = ["一、总体情况", "本局2020年政府信息公开工作年度报告如下", "乌当区住建局2019年信息公开年度报告"]
    result = extract_metadata(lines, section_lines={"overview": 0})
    assert "no_title" in result["flags"] and result["agency"] is None


# --- year -----------------------------------------------------------------------------

def test_year_from_statistics_period_when_title_has_none():
    result = meta("乌当区人民政府政府信息公开工作年度报告",
                  "本报告所列数据统计时限为2019年1月1日至2019年12月31日。", "发布日期:2020-01-20")
    assert result["report_year"] == 2019 and result["flags"] == []


def test_year_from_statistics_period_in_chinese_numerals():
    result = meta("一、总体情况", "本报告中所列数据的统计期限自二〇二三年一月一日起至二〇二三年十二月三十一日止。",
                  "2022年以来,我局……2022年……2022年")
    assert result["report_year"] == 2023 and "year_inferred" not in result["flags"]


@pytest.mark.parametrize("period", ["贰零贰叁年壹月壹日至贰零贰叁年拾贰月叁拾壹日", "贰〇贰叁年元月壹日至贰〇贰叁年壹拾贰月叁拾壹日"])
def test_year_from_statistics_period_in_the_formal_numerals(period):
    # (as a title's year may be written: the period was not read, the year inferred from the overview's text)
    result = meta("一、总体情况", f"本报告中所列数据的统计期限自{period}止。", "2022年以来,我局……2022年……2022年")
    assert result["report_year"] == 2023 and "year_inferred" not in result["flags"]


def test_title_and_period_disagree():
    result = meta(TITLE.format("乌当区人民政府"), "统计期限自2019年1月1日起至2019年12月31日止。")
    assert result["report_year"] == 2020 and result["flags"] == ["year_conflict"]


def test_publication_date_is_not_the_report_year():
    result = meta("乌当区人民政府政府信息公开工作年度报告", "发布日期:2021-06-30", "暂无")
    assert result["report_year"] is None and result["published"] == "2021-06-30"
    assert "year_unknown" in result["flags"]


@pytest.mark.parametrize("lines, published", [
    (["乌当区人民政府政府信息公开工作年度报告", "发布日期:2021-01-30", "暂无"], "2021-01-30"),
    (["乌当区人民政府政府信息公开工作年度报告", "发布日期:2021-03-31", "暂无"], "2021-03-31"),
    (["乌当区人民政府政府信息公开工作年度报告", "一、总体情况", "我局扎实推进政务公开工作。", "二、主动公开政府信息情况",
      "无", "乌当区人民政府", "2021年1月25日"], "2021-01-25"),
])
def test_a_first_quarter_publication_date_gives_the_year_before_it_flagged(lines, published):
    # A report with no year of its own (title, statistics period, overview, file name) was year_unknown even when
    # published in January to March: the Regulations (Art. 49) have the reports published by January 31 (a
    # government's by March 31), so such a date is the next year's.  The year before it is now taken, flagged
    # year_inferred; a later date gives none (a report published late, or a page's date of another posting).
    result = meta(*lines)
    assert result["published"] == published
    assert result["report_year"] == 2020 and "year_inferred" in result["flags"] and "year_unknown" not in result["flags"]
    assert "published_before_period_end" not in result["flags"]
    # a year of the text wins: seed 002's overview says 2024, its signature 2024年2月17日 (a typo for 2025)
    assert meta("一、总体情况", "2024年以来,我局…", "二、主动公开政府信息情况", "无", "伊州区住房和城乡建设局",
                "2024年2月17日")["report_year"] == 2024


@pytest.mark.parametrize("signature", [["乌当区人民政府", "2021年1月25日"], ["乌当区人民政府 2021年1月25日"]],
                         ids=["two-lines", "one-line"])
@pytest.mark.parametrize("title", [["乌当区人民政府政府信息公开工作年度报告"], []], ids=["title", "no-title"])
def test_overview_last_section_does_not_count_the_signature_year(title, signature):
    # The overview as the last section found was read 60 lines on, the signature's date with it: a short report with
    # no year of its own signed 2021年1月25日 got 2021 (flagged published_before_period_end).  The overview now ends
    # before the signature; the year is the publication date's year before (2020).
    lines = [*title, "一、总体情况", "我局扎实推进政务公开工作。", *signature]
    for kwargs in ({}, {"section_lines": {"overview": len(title)}}):
        result = meta(*lines, **kwargs)
        assert result["report_year"] == 2020 and result["published"] == "2021-01-25"
        assert "published_before_period_end" not in result["flags"]
    # an overview's own year still counts
    assert meta("一、总体情况", "2020年,我局扎实推进政务公开工作。", *signature)["report_year"] == 2020


def test_overview_with_tied_years_gives_no_year():
    result = meta("一、总体情况", "2019年与2020年相比,工作有所进步。", "二、主动公开政府信息情况", "2021年")
    assert result["report_year"] is None and "year_unknown" in result["flags"]


def test_overview_year_counts_only_the_overview():
    lines = ["一、总体情况", "2023年,我局扎实推进。2023年全年公开信息。", "二、主动公开政府信息情况",
             "2024年 2024年 2024年"]
    assert meta(*lines)["report_year"] == 2023


# --- publication date -----------------------------------------------------------------

PUBLISHED_IDS = ["iso-time", "table-row", "cn-date", "slashes", "dots", "garbled", "garbled-year",
                 "impossible", "period", "no-label"]
PUBLISHED = [
    ("乌当区发布日期:2021-01-30 18:41 浏览次数:0次", "2021-01-30", []),
    ("发布机构 | 某局 | 发文日期 | 2021-02-28 |", "2021-02-28", []),
    ("投稿:huoruiqi  来源:时间:2021年01月31日", "2021-01-31", []),
    ("日期：2021/1/5", "2021-01-05", []),
    ("成文日期:2021.01.05", "2021-01-05", []),
    ("发布日期:2019318日", None, ["published_garbled"]),
    ("发布日期:2019年318日", None, ["published_garbled"]),
    ("发布日期:2021-02-30", None, ["published_garbled"]),
    ("统计时间:2020年1月1日至2020年12月31日", None, []),
    ("浏览次数:2021", None, []),
]


@pytest.mark.parametrize("field, published, flags", PUBLISHED, ids=PUBLISHED_IDS)
def test_published_fields(field, published, flags):
    result = meta(TITLE.format("乌当区人民政府"), field, "正文")
    assert result["published"] == published
    assert result["flags"] == flags


def test_signature_date_two_lines():
    result = meta(TITLE.format("乌当区人民政府"), "正文。", "乌当区人民政府", "二〇二一年一月三十日")
    assert result["published"] == "2021-01-30"


@pytest.mark.parametrize("date", ["2024-01-15", "2024.1.15", "2024/1/15", "2024年1月15日", "二〇二四年一月十五日"])
def test_signature_date_forms(date):
    result = meta(TITLE.format("乌当区人民政府"), "正文。", "乌当区人民政府", date)
    assert result["published"] == "2024-01-15"


@pytest.mark.parametrize("line", ["12024-01-15", "发文日期 12024-01-15", "发文日期:12024-01-15"])
def test_digits_before_a_year_make_no_date(line):
    # (the separated form's year is read where no digit stands before it: the look back now follows its first digit)
    assert meta(TITLE.format("乌当区人民政府"), "正文。", "乌当区人民政府", line)["published"] is None
    assert meta(TITLE.format("乌当区人民政府"), "正文。", "乌当区人民政府", line[:-11] + line[-10:])["published"] == \
        "2024-01-15"


@pytest.mark.parametrize("date", ["二〇二一年元月三十日", "2021年元月30日", "二0二一年一月三十日", "二O二一年元月三十日"])
def test_signature_date_with_the_first_month_or_a_zero_typed_as_0(date):
    # 元月 (January) and an Arabic 0 among Chinese numerals were no date: published None, with no flag.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    report = toolkit.parse_text(f"市住建局2020年度政府信息公开工作年度报告{body}\n市住建局\n{date}\n")
    assert report.metadata["published"] == "2021-01-30"
    # the year of a title, and a statistics period, written so
    report = toolkit.parse_text("二0二一年度市住建局政府信息公开工作年度报告" + body.replace("2020年", "2021年"))
    assert report.metadata["report_year"] == 2021 and "year_inferred" not in {f.code for f in report.flags}
    result = meta("一、总体情况", "本报告所列数据统计期限为2023年元月1日至2023年12月31日。", "2022年 2022年")
    assert result["report_year"] == 2023 and "year_inferred" not in result["flags"]


@pytest.mark.parametrize("date", ["贰零贰肆年壹月拾伍日", "贰〇贰肆年元月拾伍日", "貳零貳肆年壹月壹拾伍日"])
def test_a_signature_date_in_the_formal_numerals(date):
    import toolkit

    # A signature dated in the formal numerals of amounts, as a title's year may be (贰零贰肆年壹月拾伍日): no date,
    # so the signature was not read (published None) and both its lines stayed the last section's text.
    lines = [TITLE.format("乌当区人民政府"), "一、总体情况", "正文。", "六、其他需要报告的事项", "无。", "乌当区人民政府"]
    assert meta(*lines, date)["published"] == "2024-01-15"
    assert toolkit.parse_text("\n".join([*lines, date])).sections[-1].text == "无。"


def _assert_signed_as_plain(date: str) -> None:
    """Seed 004 signed '市住建局' over ``date`` reads the signature as over '2021年1月30日': published, last text."""
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    plain = toolkit.parse_text(f"市住建局2020年度政府信息公开工作年度报告{body}\n市住建局\n2021年1月30日\n")
    report = toolkit.parse_text(f"市住建局2020年度政府信息公开工作年度报告{body}\n市住建局\n{date}\n")
    assert report.metadata["published"] == plain.metadata["published"] == "2021-01-30"
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("stamp", ["打印日期：2023-05-01", "打印时间：2023年5月1日 10:20", "浏览时间：2023-05-01 10:20:31",
                                   "访问时间：2023-05-01"])
def test_the_date_a_page_was_printed_or_visited_under_the_signature_is_no_published_date(stamp):
    # A web page's print or visit date under the signature ('打印日期：2023-05-01'): its 日期/时间 was read as a
    # publication date's label, so the page printed in 2023 was published then, and the line was no page furniture,
    # so the signature above it stayed in the last section's text (4 of 4).
    _assert_signed_as_plain(f"2021年1月30日\n{stamp}")


@pytest.mark.parametrize("stamp", ["2023-05-01 10:00 http://www.xx.gov.cn/art/2021/1/30/art_1.html 3/3",
                                   "2023/5/1 下午6:41 http://www.xx.gov.cn/art/2021/1/30/art_1.html"])
def test_a_browser_print_stamp_of_date_and_url_on_one_line_under_the_signature(stamp):
    # The date and time a browser prints and the page's URL on one line under the signature: before, it was no print
    # stamp, so it was read as the text's last line and the signature was not read (published None, both its lines the
    # last section's text).
    _assert_signed_as_plain(f"2021年1月30日\n{stamp}")


@pytest.mark.parametrize("stamp", ["更新时间：2023-05-01", "更新日期：2023年5月1日", "更新时间：2023-05-01 10:20:31",
                                   "来源：本站 更新时间：2023-05-01 浏览次数：120", "修改时间：2023-05-01"])
def test_the_date_a_page_was_updated_is_no_published_date(stamp):
    # A web page's update date ('更新时间：2023-05-01', the site editing the page years later), under the signature or
    # under the title: its 时间 was read as a publication date's label, so the report signed 2021-01-30 was published
    # 2023-05-01 (and one with no other date too: NA now, as the report gives none).
    import toolkit

    _assert_signed_as_plain(f"2021年1月30日\n{stamp}")
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    assert toolkit.parse_text(f"{title}\n{stamp}\n{body}\n市住建局\n2021年1月30日\n").metadata["published"] == "2021-01-30"
    assert toolkit.parse_text(f"{title}\n{stamp}\n{body}").metadata["published"] is None


@pytest.mark.parametrize("date", ["2021年1月30号", "2021年01月30号", "二〇二一年一月三十号"])
def test_a_signature_date_with_its_day_marked_hao(date):
    # A date whose day is marked 号, not 日 ('2021年1月30号', web-page text): no whole date ended the line, so the
    # signature was not read (published None) and both its lines stayed the last section's text and statements.
    _assert_signed_as_plain(date)


@pytest.mark.parametrize("date", ["2021年1月30日（星期六）", "2021年1月30日(周六)", "2021年1月30日 星期六",
                                  "2021年1月30日星期六", "二〇二一年一月三十日（星期六）", "2021-01-30 周六"])
def test_a_signature_date_followed_by_its_weekday(date):
    # A signature's date followed by its weekday ('2021年1月30日（星期六）', a page's date line): the rest after the
    # date was no footer, so the signature was not read (published None) and both its lines stayed the last
    # section's text.
    _assert_signed_as_plain(date)
    # not a word merely opening with 周 or 星期 ('周末', '星期天加班'): still no signature's date
    assert meta(TITLE.format("乌当区人民政府"), "正文。", "乌当区人民政府", "2021年1月30日 周末加班")["published"] is None


@pytest.mark.parametrize("date", ["2021年1月30日发布", "2021年1月30日 发布", "2021年1月30日（星期六）发布", "2021年1月30日公布"])
def test_a_signature_date_followed_by_its_issue_word(date):
    # A signature's date followed by the word saying it was issued that day ('2021年1月30日发布'): the rest after the
    # date was no footer, so the signature was not read (published None) and both its lines stayed the last
    # section's text.
    _assert_signed_as_plain(date)


@pytest.mark.parametrize("date", ["日期：2021年1月30日", "日期:2021年1月30日", "日期： 2021年1月30日", "成文日期：2021年1月30日",
                                  "日期：2021-01-30"])
def test_a_signature_date_after_its_label(date):
    # A signature's date line with the date's label ('XX局' / '日期：2021年1月30日'): the label before the date was
    # read as no signing name, so the signature was not read and both its lines stayed the last section's text.
    _assert_signed_as_plain(date)


def test_field_date_wins_over_signature_date():
    result = meta(TITLE.format("某县人民政府"), "时间:2021-01-27 11:26", "正文。", "某县人民政府", "2021年1月26日")
    assert result["published"] == "2021-01-27"


def test_garbled_field_falls_back_to_signature_and_keeps_flag():
    result = meta(TITLE.format("某县人民政府"), "发布日期:2021127日", "正文。", "某县人民政府", "2021年1月26日")
    assert result["published"] == "2021-01-26" and result["flags"] == ["published_garbled"]


def test_a_date_inside_the_text_is_not_a_signature():
    result = meta(TITLE.format("某县人民政府"), "截至2020年12月31日,共公开信息100条。")
    assert result["published"] is None


def test_published_before_period_end_is_flagged():
    result = meta(TITLE.format("某县人民政府"), "发布日期:2020-12-30")
    assert result["flags"] == ["published_before_period_end"]
    assert meta(TITLE.format("某县人民政府"), "发布日期:2020-12-31")["flags"] == []


# --- province from the text -----------------------------------------------------------

def test_one_stray_mention_gives_no_province():
    assert meta("市住建局2020年政府信息公开工作年度报告", "学习浙江省经验。")["province"] is None


def test_mixed_mentions_give_no_province():
    lines = ["市住建局2020年政府信息公开工作年度报告", "驻马店市、驻马店市、泰州市、泰州市"]
    assert meta(*lines)["province"] is None


def test_national_agency_has_no_province_even_if_text_names_one():
    lines = ["教育部2020年政府信息公开工作年度报告", "河南省、河南省、河南省"]
    result = meta(*lines)
    assert result["level"] == "national" and result["province"] is None


def test_place_in_text_not_matched_inside_a_word():
    # 东方市 is only matched in agency names: "东方市场" is a market
    lines = ["市住建局2020年政府信息公开工作年度报告", "东方市场、东方市场整治"]
    assert meta(*lines)["province"] is None


# --- arguments ------------------------------------------------------------------------

def test_lines_must_be_a_list_of_str():
    with pytest.raises(TypeError, match=r"^lines must be a list of str, got str$"):
        extract_metadata("驻马店市住建局2020年政府信息公开工作年度报告")
    with pytest.raises(TypeError, match=r"^lines must be a list of str, got int at index 1$"):
        extract_metadata(["a", 1])


def test_section_lines_must_map_str_to_int_inside_lines():
    with pytest.raises(TypeError, match=r"^section_lines must be a dict of str to int or None, got list$"):
        extract_metadata(["a"], section_lines=[0])
    with pytest.raises(TypeError, match=r"^section_lines must map str to int, got 'overview': '0'$"):
        extract_metadata(["a"], section_lines={"overview": "0"})
    with pytest.raises(ValueError, match=r"^section_lines\['overview'\] must be a 0-based line index "
                                         r"between 0 and 1, got 5$"):
        extract_metadata(["a", "b"], section_lines={"overview": 5})


# --- never raises ---------------------------------------------------------------------

def _check_shape(result: dict) -> None:
    assert set(result) == KEYS
    assert result["report_year"] is None or isinstance(result["report_year"], int)
    assert result["level"] in (None, *metadata.LEVELS)
    assert result["agency_kind"] in (None, *metadata.AGENCY_KINDS)
    assert isinstance(result["flags"], list) and all(isinstance(f, str) for f in result["flags"])
    if result["published"] is not None:
        assert len(result["published"]) == 10 and result["published"][4] == "-"


_PIECES = st.sampled_from([
    "驻马店市", "住房和城乡建设局", "2020年", "二〇二〇年", "政府信息公开工作年度报告", "信息公开", "人民政府",
    "发布日期:", "时间:", "2021-01-30", "2019318日", "年", "月", "日", "(", ")", "|", " ", "。", "一、总体情况",
    "统计时限为2020年1月1日至2020年12月31日", "镇", "乡", "区", "市", "县", "省", "国家", "管委会", "\t",
])


@settings(max_examples=scaled(150), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=80), max_size=12))
def test_never_raises_on_arbitrary_lines(lines):
    _check_shape(extract_metadata(lines))


@settings(max_examples=scaled(150), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, max_size=10).map("".join), max_size=10))
def test_never_raises_on_report_like_lines(lines):
    _check_shape(extract_metadata(lines))


@settings(max_examples=scaled(40), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([s[0] for s in SEEDS]), st.data())
def test_never_raises_on_mutated_seeds(stem, data):
    lines = lines_of(stem)
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    cut = data.draw(st.integers(min_value=0, max_value=5))
    mutated = [line[cut:] for line, k in zip(lines, keep) if k]
    _check_shape(extract_metadata(mutated))


# --- gazetteer ------------------------------------------------------------------------

def test_gazetteer_covers_provinces_and_prefectures():
    g = load_gazetteer()
    # a county-level name may name several units (鼓楼区), told apart by their parent
    assert not g.duplicated(["name", "parent", "province"]).any()
    assert g.loc[g["level"] != "county", "name"].is_unique
    provinces = g[g["level"] == "province"]
    assert len(provinces) == 34
    current = g[(g["level"] == "prefecture") & ~g["note"].str.contains("former")
                & (g["name"] != "平潭综合实验区")]
    assert len(current) == 333
    assert set(g["province"]) == set(provinces["short"])
    counties = g[g["level"] == "county"]
    assert set(counties["parent"]) - {""} <= set(g["name"])
    for name, parent, province in [("乌当区", "贵阳市", "贵州"), ("伊州区", "哈密市", "新疆"),
                                   ("高港区", "泰州市", "江苏"), ("平潭县", "福州市", "福建")]:
        row = g[g["name"] == name].iloc[0]
        assert (row["parent"], row["province"]) == (parent, province)
    assert g.loc[g["name"] == "泰州市", "province"].item() == "江苏"
    assert g.loc[g["name"] == "台州市", "province"].item() == "浙江"


def test_gazetteer_short_names_are_unique_where_given():
    g = load_gazetteer()
    shorts = g[g["short"] != ""]
    dup = shorts[shorts["short"].duplicated(keep=False)]
    # 吉林 is both the province and its city; every other short name names one unit
    assert set(dup["short"]) <= {"吉林"}


def test_docstring_examples():
    result = doctest.testmod(metadata, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 4 and result.failed == 0


@pytest.mark.parametrize("footer", [["- 3 -"], ["第 3 页 共 3 页"], ["3"], ["共 3 页"], ["共3页"],
                                    ["【打印本页】 【关闭窗口】", "主办:某某市人民政府办公室 承办:某某市大数据中心",
                                     "网站标识码:6522010001 新ICP备2021000123号-1"]])
@pytest.mark.parametrize("stem", ["pingtan-2023-02", "001_4d29bfef72dd56db"])
def test_signature_date_read_past_page_and_site_footers(stem, footer):
    # A PDF's page number or a site's footer after the signature hid it: published was lost, status ok.  (The page
    # count alone, '共 3 页', a footer or what a web page's pager leaves, was no page furniture: the signature, with it,
    # stayed the last section's text, agency and published NA.)
    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8").rstrip("\n")
    original = toolkit.parse_text(text).metadata
    with_footer = toolkit.parse_text(text + "\n" + "\n".join(footer) + "\n").metadata
    assert original["published"] is not None
    assert with_footer == original


@pytest.mark.parametrize("counter", ["累计访问：12345", "访问次数：88", "【阅读次数：88】", "今日访问：5  累计访问：12345",
                                     "点击数：88次", "访问量："])
def test_the_signature_is_read_above_a_page_view_counter(counter):
    # A web page's view counter under seed 002's signature ('伊州区住房和城乡建设局' / '2024年2月17日' /
    # '累计访问：12345') was taken for the report's last line: agency and published NA, the signature left in the last
    # section's text.  Only a line holding 浏览次数, 访问量, … anywhere was the page's furniture.
    import toolkit

    text = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8-sig").rstrip("\n")
    original = toolkit.parse_text(text)
    with_counter = toolkit.parse_text(f"{text}\n{counter}\n")
    assert original.metadata["agency"] == "伊州区住房和城乡建设局"
    assert with_counter.metadata == original.metadata
    assert with_counter.sections[-1].text == original.sections[-1].text


@pytest.mark.parametrize("after", ["累计访问: 12345 次", "浏览次数： 88", "访问量 ： 1234"])
def test_a_view_counter_spaced_after_the_signature_s_date(after):
    # Seed 002's signature with a view counter after its date, spaces inside it ('2024年2月17日  累计访问: 12345 次'):
    # its pieces apart ('次', or a label and a count split by a space before the colon) were no page's furniture, so
    # the date's line was no signature's: agency and published NA, the signature left in the last section's text.
    import toolkit

    text = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8-sig").rstrip("\n")
    original = toolkit.parse_text(text)
    countered = toolkit.parse_text(f"{text}  {after}\n")
    assert countered.metadata == original.metadata
    assert countered.sections[-1].text == original.sections[-1].text


@pytest.mark.parametrize("line", ["网站访问量 | 12345", "网站访问量：12345次，较上年增长12%", "访问群众：张三",
                                  "访问：" + " " * 1000 + "x"], ids=["row", "sentence", "label", "long_run"])
def test_a_line_naming_visits_is_no_view_counter(line):
    # (only a counter's label, a colon and a bare count: a table's row or a sentence counting the site's visits is
    # the report's; a long run of spaces read at once, its runs of spaces possessive)
    assert not metadata._counter().fullmatch(line)


@pytest.mark.parametrize("attachment", ["附件：2017年度政务公开统计表", "附表：2017年度政务公开统计表", "附表1：统计表",
                                        "附 件：统计表"], ids=["fujian", "fubiao", "fubiao_numbered", "letter_spaced"])
def test_the_signature_is_found_above_an_attachment_line(attachment):
    # An attachment line after the signature is skipped when looking for it (the last section ends above the
    # signature).  Only 附件 was: metadata.yaml had its own copy of the appendix words (the outline's has 附表 too,
    # and lets them be set letter-spaced), and after a 附表 line the signature was not found, the last section
    # kept it.
    lines = ["六、其他需要报告的事项", "无。", "乌当区人民政府", "2024年1月15日", attachment]
    assert metadata.signature_start(lines) == 2
    assert meta(TITLE.format("乌当区人民政府"), *lines)["published"] == "2024-01-15"



@pytest.mark.parametrize("colophon", [["乌当区人民政府办公室 2024年1月15日印发"],
                                      ["抄送：区委办，区人大办，区政协办。", "乌当区人民政府办公室    2024年1月15日印发"],
                                      ["抄送:市政府办公室。"]], ids=["printed", "copied_printed", "copied"])
def test_the_signature_is_found_above_the_colophon(colophon):
    # A report issued as an official document ends with its colophon (GB/T 9704-2012's 版记) under the signature:
    # '抄送：…' and 'XX办公室 2024年1月15日印发'.  The signature was not found (published None) and the last section
    # kept it and the colophon.
    lines = ["六、其他需要报告的事项", "无。", "乌当区人民政府", "2024年1月15日", *colophon]
    assert metadata.signature_start(lines) == 2
    assert meta(TITLE.format("乌当区人民政府"), *lines)["published"] == "2024-01-15"
    assert meta(*lines)["agency"] == "乌当区人民政府"


@pytest.mark.parametrize("date", ["2024年1月15日", "二〇二四年一月十五日"])
@pytest.mark.parametrize("end", ["无。", "下一步，我局将继续加强培训。"])
def test_a_signature_with_its_date_above_its_agency(date, end):
    # A signature written date first ('…。' / '2024年1月15日' / '乌当区人民政府' at the text's end): published was NA
    # and the last section kept both lines; now it is read as the usual order is.
    lines = ["六、其他需要报告的事项", end, date, "乌当区人民政府"]
    assert metadata.signature_start(lines) == 2
    result = meta(*lines)
    assert (result["agency"], result["published"]) == ("乌当区人民政府", "2024-01-15")


@pytest.mark.parametrize("between", ["（盖章）", "(印章)", "- 5 -", "第5页", "5/6"])
@pytest.mark.parametrize("posting, published", [(None, "2024-01-20"), ("2024-01-25", "2024-01-20"),
                                                ("发布日期：2024-01-25", "2024-01-25")])
def test_a_seal_or_page_line_inside_a_signature_written_date_first(between, posting, published):
    # Seed 004 signed date first with the seal's place or a page break between the date and the agency
    # ('2024年1月20日' / '（盖章）' / '市住建局', '- 5 -' likewise): no signature was read, the agency and published NA
    # and the three lines left in the last section's text; with a posting date under them, '2024年1月20日' stayed in
    # the text.  The line between is skipped as it is between a name and its date under it.
    plain = _seed_004_ending("\n")
    block = ["2024年1月20日", between, "市住建局", *([posting] if posting else [])]
    report = _seed_004_ending("\n" + "\n".join(block) + "\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", published)
    assert report.sections[-1].text == plain.sections[-1].text == "无"


@pytest.mark.parametrize("month", ["2024年2月", "二〇二四年二月"])
def test_a_signature_with_its_year_and_month_above_its_agency(month):
    # Seed 002's signature written year and month first ('…处理费。' / '2024年2月' / '伊州区住房和城乡建设局'): the agency
    # was NA and both lines were left in the last section's text; now the agency is read as under the name, and
    # published stays NA (no day given).
    import toolkit

    text = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8-sig").rstrip("\n")
    body = text.rsplit("\n", 2)[0]
    original = toolkit.parse_text(text)
    report = toolkit.parse_text(f"{body}\n{month}\n伊州区住房和城乡建设局\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("伊州区住房和城乡建设局", None)
    assert report.sections[-1].text == original.sections[-1].text


@pytest.mark.parametrize("month", ["2024年2月份", "2024-02", "二〇二四年二月份"])
@pytest.mark.parametrize("first", [False, True], ids=["name_first", "month_first"])
def test_a_signature_s_year_and_month_with_fen_or_a_dash(month, first):
    # Seed 002's signature with a year and month typed '2024年2月份' or '2024-02' ('伊州区住房和城乡建设局' / '2024年2月份'):
    # no year and month was read, the agency was NA and both lines were left in the last section's text; now they are
    # read as '2024年2月' is, published NA (no day).
    import toolkit

    text = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8-sig").rstrip("\n")
    body = text.rsplit("\n", 2)[0]
    signature = [month, "伊州区住房和城乡建设局"] if first else ["伊州区住房和城乡建设局", month]
    original = toolkit.parse_text(text)
    report = toolkit.parse_text("\n".join([body, *signature, ""]))
    assert (report.metadata["agency"], report.metadata["published"]) == ("伊州区住房和城乡建设局", None)
    assert report.sections[-1].text == original.sections[-1].text


@pytest.mark.parametrize("posting", ["发布日期：2024-02-05", "发布时间 2024/02/05", "2024.02.05", "[2024-02-05]"])
@pytest.mark.parametrize("month", ["2024年2月", "二〇二四年二月"])
def test_a_posting_date_under_a_signature_s_year_and_month(month, posting):
    # Seed 002 signed '伊州区住房和城乡建设局' / '2024年2月' with the page's posting date under it ('发布日期：2024-02-05'):
    # the posting date was read as a date signed by no name, so the agency was NA and the name and the month were left
    # in the last section's text; now the signature is read as without it, published the posting date (the only day).
    import toolkit

    text = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8-sig").rstrip("\n")
    body = text.rsplit("\n", 2)[0]
    original = toolkit.parse_text(text)
    report = toolkit.parse_text("\n".join([body, "伊州区住房和城乡建设局", month, posting, ""]))
    assert (report.metadata["agency"], report.metadata["published"]) == ("伊州区住房和城乡建设局", "2024-02-05")
    assert report.sections[-1].text == original.sections[-1].text


@pytest.mark.parametrize("posting", ["发布时间 2024/02/05 10:30", "发布日期 2024.02.05 10:30:15", "[2024-02-05 10:30]"])
@pytest.mark.parametrize("signed", ["2024年2月", "2024年2月5日"])
def test_a_posting_date_with_its_time_under_the_signature(signed, posting):
    # Seed 004 signed '市住建局' / '2024年2月' over '发布时间 2024/02/05 10:30': the date and its time, written
    # together ('2024/02/0510:30', '2024.02.0510:30:15'), read as no date, so the line was no posting date: under the
    # year and month the agency was NA, and under a whole date the signature's lines were left in the last section's
    # text.  (An ISO date, '发布日期：2024-02-05 10:30', was read so already.)
    plain = _seed_004_ending("\n")
    report = _seed_004_ending("\n" + "\n".join(["市住建局", signed, posting]) + "\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", "2024-02-05")
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("posting", ["[2024-02-07 上午10:30]", "[2024-02-07 下午3:30]", "（2024-02-07 上午10:30:15）",
                                     "打印时间 2024/02/07 上午10:30"])
@pytest.mark.parametrize("signed, published", [("2024年2月5日", "2024-02-05"), ("2024年2月", "2024-02-07")])
def test_a_posting_or_print_date_with_a_morning_or_afternoon_time_under_the_signature(signed, published, posting):
    # Seed 004 signed '市住建局' / '2024年2月5日' (or '2024年2月') over a site's date in brackets with its time marked
    # 上午/下午 ('[2024-02-07 上午10:30]'): the posting line's time took no 上午/下午 (the signature's date took it), so
    # the line was read as the text's last line: the agency and published NA, the signature left in the last section's
    # text.  It reads as the same line with '10:30' does: the page's furniture under a whole date, the posting date
    # under a year and month; a print time ('打印时间 …') is never the published date.
    plain = _seed_004_ending("\n")
    report = _seed_004_ending("\n" + "\n".join(["市住建局", signed, posting]) + "\n")
    expected = None if posting.startswith("打印") and signed == "2024年2月" else published
    assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", expected)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("stamp", ["打印日期 2021/05/01", "打印时间 2021/05/01 10:30", "修改日期 2021.5.1", "访问时间 2021年5月1日"])
@pytest.mark.parametrize("signed", ["2021年1月", "2021年1月30日"])
def test_a_print_or_visit_date_with_no_colon_under_the_signature(signed, stamp):
    # Seed 004 signed '市住建局' / '2021年1月' over the date the page was printed, its label with no colon
    # ('打印日期 2021/05/01', metadata.yaml fields.not_published): no page furniture (only '打印日期：…' was), so it
    # was read as the text's last line and the signature above it was not: the agency NA and the signature's lines
    # left in the last section's text.  Now the line is the page's furniture, its date never the published one.
    plain = _seed_004_ending("\n" + "\n".join(["市住建局", signed]) + "\n")
    report = _seed_004_ending("\n" + "\n".join(["市住建局", signed, stamp]) + "\n")
    assert (report.metadata["agency"], report.metadata["published"]) == \
        ("市住建局", plain.metadata["published"]) == ("市住建局", None if signed == "2021年1月" else "2021-01-30")
    assert report.sections[-1].text == plain.sections[-1].text == "无"


@pytest.mark.parametrize("signature", [["{}", "{}", "10:30"], ["{} {} 10:30"], ["{}", "{} 10:30"],
                                       ["{}", "{}", "10:30:15"], ["{}  {}  09:05"], ["{}", "{} 星期一 10:30"],
                                       ["{}", "{}（星期一）", "10:30"], ["{}", "{} 上午10:30"], ["{}", "{}", "下午3:30"]])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_a_signature_dated_with_its_time(seed, signature):
    # Seed 004 signed '市住建局' / '2024年2月5日' / '10:30' (or '市住建局 2024年2月5日 10:30' on one line, seed 002 the same
    # with '伊州区住房和城乡建设局'): the time alone was read as the text's last line, or the date and time as no date
    # ending the line, or as a browser's print stamp under the name: the agency or published NA and the signature's
    # lines left in the last section's text.  The time is no part of the agency nor of the date; nor after the date's
    # weekday ('2024年2月5日 星期一 10:30', read as a site's clock) nor after 上午/下午.
    agency, date, published = (("市住建局", "2024年2月5日", "2024-02-05") if seed == "004"
                               else ("伊州区住房和城乡建设局", "2024年2月17日", "2024-02-17"))
    plain, report = _signed_seed(seed), _signed_seed(seed, "\n".join(signature).format(agency, date).split("\n"))
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, published)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("above, month, published", [
    ("2024年1月20日", "2024年1月", "2024-01-20"), ("二〇二四年一月二十日", "二〇二四年一月", "2024-01-20"),
    ("2024-01-20", "2024年1月份", "2024-01-20"), ("2024年3月5日", "2024年1月", None), ("2023年1月20日", "2024-01", None)])
@pytest.mark.parametrize("one_line", [False, True], ids=["name_over_month", "name_and_month"])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_a_date_alone_above_a_year_and_month_signature(seed, above, month, published, one_line):
    # Seed 004 (or 002) signed '市住建局' / '2024年1月' with a date alone above the name ('无' / '2024年1月20日' /
    # '市住建局' / '2024年1月'): the date was left in the last section's text and published NA.  The date is the
    # signature block's first line; the block's own year and month tell which day it signs: the date above where it
    # falls in them, else none (NA: no day of the block's month is given).  So too over the name and the month on one
    # line ('2024年1月20日' / '市住建局 2024年1月').
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    signature = [above, f"{agency} {month}"] if one_line else [above, agency, month]
    plain, report = _signed_seed(seed), _signed_seed(seed, signature)
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, published)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("stamp", ["2024/03/01 星期五 09:12", "2024/03/01 09:12 星期五", "2024年3月1日（星期五） 09:12",
                                   "2024-03-01 周五 09:12:33"])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_a_date_and_time_with_its_weekday_under_a_year_and_month_signature(seed, stamp):
    # Seed 004 (or 002) signed '市住建局' / '2024年2月' over a site's clock or print stamp with its weekday and no label
    # ('2024/03/01 星期五 09:12'): no print stamp ('2024/03/01 09:12' was), it was read as the text's last line (the
    # agency NA, the signature left in the last section's text) or, the weekday after the time, as a posting date
    # (published 2024-03-01).  Now it is the page's furniture, as the stamp without its weekday is.
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    plain, report = _signed_seed(seed), _signed_seed(seed, [agency, "2024年2月", stamp])
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, None)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("between", ["（盖章）", "（印章）", "(公章)", "- 5 -", "第5页", "5/6"])
@pytest.mark.parametrize("signed", [["市住建局", "2024年1月"], ["市住建局 2024年1月"]])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_a_seal_or_page_line_between_a_date_and_a_year_and_month_signature(seed, signed, between):
    # Seed 004 (or 002) with the seal's place or a page break between the date and the name ('2024年1月20日' /
    # '（盖章）' or '- 5 -' / '市住建局' / '2024年1月'): only the line right above the name was looked at (later only
    # the seal's place was skipped), so the date stayed in the last section's text and published was NA.  Such a
    # line is skipped: the date is the block's first line, as without it.
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    block = [line.replace("市住建局", agency) for line in ["2024年1月20日", between, *signed]]
    plain, report = _signed_seed(seed), _signed_seed(seed, block)
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, "2024-01-20")
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("ending, published", [
    (["市住建局", "2024-02-05T10:30"], "2024-02-05"), (["市住建局", "2024-02-05T10:30:00+08:00"], "2024-02-05"),
    (["市住建局 2024-02-05T10:30:00"], "2024-02-05"), (["2024-02-05T10:30:00Z", "市住建局"], "2024-02-05"),
    (["市住建局", "2024年2月5日", "2024-02-07T10:30:00"], "2024-02-05"),
    (["市住建局", "2024年2月5日", "[2024-02-07T10:30]"], "2024-02-05"),
    (["市住建局", "2024年2月5日", "发布时间：2024-02-07T10:30:00"], "2024-02-07"),
    (["市住建局 2024-02-05 T10:30"], "2024-02-05"), (["市住建局", "2024-02-05 T10:30"], "2024-02-05"),
    (["市住建局", "2024年2月", "发布时间 2024-03-01 T09:12"], "2024-03-01")])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_an_iso_date_and_time_joined_by_t_reads_as_its_date(seed, ending, published):
    # Seed 004 (or 002) signed with an ISO date and time as some sites print one ('市住建局' / '2024-02-05T10:30',
    # '…+08:00'), or with such a posting line under its date: the time joined by 'T' made the line no date, the agency
    # and published NA and the lines left in the last section's text.  It reads as the date with its time dropped,
    # as the same line without the time does.
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    block = [line.replace("市住建局", agency) for line in ending]
    untimed = [line.split("T")[0] + ("]" if line.endswith("]") else "") for line in block]  # (no T in the names)
    plain, report = _signed_seed(seed, untimed), _signed_seed(seed, block)
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, published)
    assert (plain.metadata["agency"], plain.metadata["published"]) == (agency, published)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("stamp", ["2024-03-01T09:12", "2024-02-05 T10:30", "2024-03-01T09:12:30.5",
                                   "2024-03-01T09:12:30+08:00"])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_an_iso_date_and_time_under_a_year_and_month_signature_is_a_stamp_as_with_a_space(seed, stamp):
    # Seed 004 (or 002) signed '市住建局' / '2024年1月' over a date and time with no label joined by a T
    # ('2024-03-01T09:12'): it was read as a posting date, published 2024-03-01, while the same line with a space
    # ('2024-03-01 09:12') is a browser's print stamp (published NA: the signature gives no day); with a space before
    # the T ('2024-02-05 T10:30') the agency was NA too and the lines left in the last section's text.  Both now read
    # as the space-separated form does.
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    spaced = "2024-03-01 09:12"  # (a browser's print stamp already)
    plain = _signed_seed(seed)
    reports = [_signed_seed(seed, [agency, "2024年1月", line]) for line in (spaced, stamp)]
    for report in reports:
        assert (report.metadata["agency"], report.metadata["published"]) == (agency, None)
        assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("time", ["09:12:30+08:00", "09:12:30.5", "09:12Z", "09:12:30.250+0800", "09:12:30-05:00"])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_a_date_and_time_with_a_fraction_or_zone_after_a_space_is_a_stamp_as_with_a_t(seed, time):
    # Seed 004 (or 002) signed '市住建局' / '2024年1月' over a date and time with no label, the time written with its
    # seconds' fraction or its zone after a space ('2024-03-01 09:12:30+08:00'): no print stamp, read as the text's
    # last line (the agency NA, the signature left in the last section's text), while the same line joined by a T
    # ('2024-03-01T09:12:30+08:00') was one.  Both now read as the page's furniture (published NA: no day signed).
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    lines = [f"2024-03-01{joint}{time}" for joint in ("T", " ")]
    plain = _signed_seed(seed)
    reports = [_signed_seed(seed, [agency, "2024年1月", line]) for line in lines]
    for report in reports:
        assert (report.metadata["agency"], report.metadata["published"]) == (agency, None)
        assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("posting, published", [
    ("[2024-02-07 10:30]", "2024-02-07"), ("【2024-02-07 10:30:15】", "2024-02-07"), ("（2024/02/07 10:30）", "2024-02-07"),
    ("发布时间：2024-02-07 10:30", "2024-02-07"), ("2024-02-07 10:30", None), ("2024/02/07 10:30:15", None)])
@pytest.mark.parametrize("seed", ["004", "002"])
def test_a_date_and_time_under_a_year_and_month_signature_is_posted_in_brackets_printed_bare(seed, posting, published):
    # Seed 004 (or 002) signed '市住建局' / '2024年2月' over a date and time: in brackets (or after a publication
    # label) it is the site's posting time, as list pages print it, and gives the published date; bare it is what a
    # browser prints at a page's top or bottom, never the published date (NA: the signature gives no day).  Either way
    # the agency is the signature's and the lines are out of the last section's text.
    agency = "市住建局" if seed == "004" else "伊州区住房和城乡建设局"
    plain, report = _signed_seed(seed), _signed_seed(seed, [agency, "2024年2月", posting])
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, published)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("date, published", [("2024年1月20日", "2024-01-20"), ("2024年1月", None)])
@pytest.mark.parametrize("name, agency", [(["市住房和城乡", "建设局"], "市住房和城乡建设局"), (["市住", "建局"], "市住建局"),
                                          (["市财政局", "交通运输局"], "市财政局")])
def test_an_agency_wrapped_after_a_bare_level_under_the_signature(name, agency, date, published):
    # Seed 004 signed with its agency broken over two lines after the bare level standing for its city
    # ('市住房和城乡' / '建设局' / '2024年1月20日', or '2024年1月'): the agency was the lower piece alone ('建设局', a body
    # of no place) and the upper one was left in the last section's text.  It is the name joined now; two names each
    # on its line ('市财政局' / '交通运输局', a joint signature's) are not joined: the first is the agency (under a year
    # and month the second was, the first left in the last section's text).
    plain = _seed_004_ending("\n")
    report = _seed_004_ending("\n" + "\n".join([*name, date]) + "\n")
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, published)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("time", ["09:12:30+08:00", "09:12:30.5", "09:12Z", "09:12:30.250+0800", "09:12:30-05:00"])
@pytest.mark.parametrize("form", ["{agency}\n2024-03-01{joint}{time}", "{agency} 2024-03-01{joint}{time}",
                                  "{agency}\n2024年3月1日\n{time}"])
def test_a_signature_s_date_and_time_with_a_fraction_or_zone_after_a_space_is_read_as_with_a_t(form, time):
    # Seed 004 signed '市住建局' over a date and time, no date above, the time written with its seconds' fraction or
    # its zone after a space ('2024-03-01 09:12:30+08:00'), or alone under the date ('2024年3月1日' / '09:12:30.5'):
    # the signature's date was not read (published NA), while with a T ('2024-03-01T09:12:30+08:00') or with no
    # fraction nor zone ('2024-03-01 09:12:30') it was 2024-03-01.  Read alike now; the time is no part of the date.
    plain = _seed_004_ending("\n")
    for joint in (" ", "T"):
        report = _seed_004_ending("\n" + form.format(agency="市住建局", joint=joint, time=time) + "\n")
        assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", "2024-03-01")
        assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("line", ["2023年5月1日 9:00-12:00", "2023-05-01 09:00-12:00"])
def test_a_date_with_a_span_of_hours_under_a_name_is_no_signature_s_date_and_time(line):
    # (a span of hours, '9:00-12:00', is no time with a zone west of Greenwich: the line stays the section's text)
    report = _seed_004_ending("\n市住建局\n" + line + "\n")
    assert line in report.sections[-1].text
    assert report.metadata["published"] is None


@pytest.mark.parametrize("line", ["2023年5月1日 9:00-12:00", "2023-05-01 09:00-12:00"])
def test_a_date_with_a_span_of_hours_in_the_text_is_no_print_stamp(line):
    # (a time zone after a space is read only after the seconds when it is west of Greenwich, '09:12:30-05:00': a
    # span of hours in the text, '2023年5月1日 9:00-12:00', is no browser's stamp and stays in the section's text)
    report = _seed_004_ending("\n" + line + "\n市住建局\n2024年1月20日\n")
    assert line in report.sections[-1].text
    assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", "2024-01-20")


@pytest.mark.parametrize("last", ["2021-2022", "2024-13", "2024.02"])
def test_a_range_or_no_month_under_a_name_is_no_year_and_month(last):
    # (a range of years, a 13th month, a decimal-like '2024.02': no signature's year and month)
    assert metadata._year_month_signature([(0, "伊州区住房和城乡建设局"), (1, last)]) is None

@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("line", ["2021年1月26日 市交通运输局", "2021年1月26日\u3000驻马店市交通运输局", "2021年1月26日驻马店市交通运输局",
                                  "二〇二一年一月二十六日  市交通运输局", "2021年1月26日 驻马店市交通运输局（盖章）"])
def test_a_signature_with_its_date_before_its_agency_on_one_line(line, script):
    # The date and the agency on the text's last line, date first ('2021年1月26日 市交通运输局'): the line was no
    # signature, published and the agency NA and the line left in the last section's text; now it is read as the
    # date first over two lines is.
    import opencc

    ending = "\n" + line + "\n"
    report = _seed_004_ending(ending if script == "simplified" else opencc.OpenCC("s2t").convert(ending))
    assert report.metadata["agency"] in ("市交通运输局", "驻马店市交通运输局")
    assert (report.metadata["level"], report.metadata["published"]) == ("prefecture", "2021-01-26")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("name, agency, level", [("西平县人民政府（县）", "西平县人民政府", "county"),
                                                 ("西平县人民政府(县)", "西平县人民政府", "county"),
                                                 ("驻马店市住房和城乡建设局（区）", "驻马店市住房和城乡建设局", "prefecture")])
def test_an_agency_name_ending_in_its_level_in_brackets(name, agency, level, script):
    # Seed 000's agency written with its level's word in brackets after it ('西平县人民政府（县）', '(区)'), in its
    # title or its signature (two lines or one): the name was no agency's, the agency and the level NA (and on one
    # line published NA too); the bracket is a note of its scope, as '（本级）' is, cut from the name.
    convert = _in_script(script)
    titled = _seed_000_signed("\n", convert(name)).metadata
    assert (titled["agency"], titled["level"], titled["published"]) == (agency, level, None)
    for ending in (f"\n{name}\n2021年1月31日\n", f"\n{name} 2021年1月31日\n"):
        signed = _seed_000_signed(convert(ending), "").metadata
        assert (signed["agency"], signed["level"], signed["published"]) == (agency, level, "2021-01-31"), ending


@pytest.mark.parametrize("name", ["西平县（县）住房和城乡建设局", "医药高新区（高港区）住房和城乡建设局"])
def test_a_bracketed_part_inside_an_agency_name_is_kept(name):
    # control: a bracket inside the name (seed 003's publisher '医药高新区(高港区)住房和城乡建设局') is the name's own
    result = _seed_000_signed(f"\n{name}\n2021年1月31日\n", "").metadata
    assert result["agency"] == name.replace("（", "(").replace("）", ")")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("quoted", ["《中华人民共和国政府信息公开条例》", "依据《中华人民共和国政府信息公开条例》",
                                    "驻马店市住房和城乡建设局\n《中华人民共和国政府信息公开条例》"])
def test_a_regulation_s_date_under_its_quoted_title_is_no_publication_date(quoted, script):
    # Seed 000 ending with a regulation's title in book marks and its date under it ('《中华人民共和国政府信息公开条例》'
    # / '2019年5月15日'): the regulation's date was read as the signature's, published 2019-05-15 (flagged before the
    # period's end); the date is the document's, published NA, the lines kept in the last section's text.
    convert = _in_script(script)
    report = _seed_000_signed(convert(f"\n{quoted}\n2019年5月15日\n"))
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", None)
    assert report.sections[-1].text.endswith("条例》\n2019年5月15日")  # (the text read in simplified characters)
    signed = _seed_000_signed(convert("\n驻马店市住房和城乡建设局\n2021年1月31日\n"))  # (control)
    assert signed.metadata["published"] == "2021-01-31"


@_each_script_titled_or_not
@pytest.mark.parametrize("line", ["驻马店市住房和城乡建设局（2021年1月31日）", "驻马店市住房和城乡建设局 (2021-01-31)",
                                  "驻马店市住房和城乡建设局（二〇二一年一月三十一日）"])
def test_a_signature_with_its_date_in_brackets_after_its_name(line, title, script):
    # Seed 000 signed on one line with the date in brackets after the name ('…局（2021年1月31日）'): no signature was
    # read, published NA (and the agency NA without a title) and the line left in the last section's text; now it
    # reads as the name and the date set with a space, the section left empty.
    convert = _in_script(script)
    report = _seed_000_signed(convert(f"\n无。\n{line}\n"), title)
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", "2021-01-31")
    assert report.sections[-1].text.strip() == "无。"


@pytest.mark.parametrize("date, published", [("2021年1月20日", "2021-01-20"), ("2021年1月", None)])
@pytest.mark.parametrize("running", ["《2020年度政府信息公开工作年度报告》", "2020年度政府信息公开工作年度报告"])
def test_a_running_title_after_the_signature_is_the_page_s_furniture(running, date, published):
    # Seed 000 (its title naming no agency) with the report's title repeated as a running page header under its
    # signature ('…局' / '2021年1月20日' / '《2020年度政府信息公开工作年度报告》'): in book-title marks the agency and
    # published were NA, the three lines left in the last section's text; unmarked the signature stayed in the text,
    # and under a year and month ('2021年1月') the agency was NA too. Now the running title is dropped as a page head.
    report = _seed_000_signed(f"\n驻马店市住房和城乡建设局\n{date}\n{running}\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", published)
    plain = _seed_000_signed(f"\n驻马店市住房和城乡建设局\n{date}\n", "")  # (control: the same, no running title)
    assert report.sections[-1].text == plain.sections[-1].text
    assert "驻马店市住房和城乡建设局" not in report.sections[-1].text and "年度报告" not in report.sections[-1].text


@pytest.mark.parametrize("line", ["我局按时完成整改（2021年1月31日）", "无（2021年1月31日）"])
def test_a_sentence_ending_with_a_date_in_brackets_is_no_signature(line):
    # control: a sentence's words or a section's 无 before the bracketed date make no signature
    report = _seed_000_signed(f"\n{line}\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == (None, None)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("title", ["驻马店市住房和城乡建设局", ""])
@pytest.mark.parametrize("ending", ["\n2021年1月31日\n驻马店市住房和城乡建设局\n", "\n2021年1月31日 驻马店市住房和城乡建设局\n",
                                    "\n二〇二一年一月三十一日\n驻马店市住房和城乡建设局（盖章）\n",
                                    "\n2021年1月31日\n驻马店市住房和城乡建设局\n2021-02-01\n"])
def test_a_signature_written_date_first_under_an_empty_last_section(ending, title, script):
    # Seed 000 ends with its last section's heading alone ('六、其他需要报告的事项', no text): signed date first under
    # it, over two lines or on one, no signature was read (published NA, and the agency NA without a title) though
    # the same signature name first was; the sections pass their headings, so both orders read alike, the section
    # left empty (a posting date under it the page's).
    report = _seed_000_signed(_in_script(script)(ending), title)
    name_first = _seed_000_signed(_in_script(script)("\n驻马店市住房和城乡建设局\n2021年1月31日\n"), title)
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", "2021-01-31")
    assert report.metadata == name_first.metadata
    assert report.sections[-1].title == "六、其他需要报告的事项" and report.sections[-1].text.strip() == ""


def test_a_date_first_under_a_line_that_is_no_heading_is_no_signature():
    # control: the same lines under a line the sections did not find a heading (a wrapped sentence's start) sign
    # nothing, as before; under the heading they do
    lines = ["六、其他需要报告的事项", "2021年1月31日", "驻马店市住房和城乡建设局"]
    assert metadata.signature_start(lines) == 3 and metadata.signature_start(lines, [0]) == 1
    assert meta(*lines)["published"] is None
    assert meta(*lines, section_lines={"other": 0})["published"] == "2021-01-31"


@pytest.mark.parametrize("title", ["驻马店市住房和城乡建设局", ""])
@pytest.mark.parametrize("note", ["注：本报告统计期限为2020年1月1日至12月31日。",
                                  "备注：本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
                                  "注：本报告统计期限为2020年1月1日至12月31日。\n- 3 -"])
@pytest.mark.parametrize("signature", ["驻马店市住房和城乡建设局\n2021年1月31日", "2021年1月31日\n驻马店市住房和城乡建设局",
                                       "驻马店市住房和城乡建设局  2021年1月31日"])
def test_a_note_under_the_signature_leaves_it_read(signature, note, title):
    # Seed 000 with a note on the report's period under its signature ('驻马店市住房和城乡建设局' / '2021年1月31日' /
    # '注：本报告统计期限为…'): the note was read as the text's last line, so no signature: published NA (and the
    # agency NA without a title), the signature left in the last section's text.  Now the signature is read as
    # without the note, and the note's dates are never its date; the note stays the last section's text.
    report = _seed_000_signed(f"\n{signature}\n{note}\n", title)
    if signature.startswith("2021"):  # (date first: right under the empty section's heading)
        assert report.sections[-1].text.strip() == normalize_text(note.split("\n")[0])
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", "2021-01-31")
    assert "驻马店市住房和城乡建设局" not in report.sections[-1].text


@pytest.mark.parametrize("above", ["无。", "我局将继续做好政府信息公开工作。"])
def test_a_note_with_dates_and_no_signature_above_it_gives_no_date(above):
    # control: the note's dates are never the signature's, whatever stands above the note
    report = _seed_000_signed(f"\n{above}\n注：本报告统计期限为2020年1月1日至12月31日。\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == (None, None)
    assert "统计期限" in report.sections[-1].text


@_each_script_titled_or_not
@pytest.mark.parametrize("above", ["", "\n无。"])
@pytest.mark.parametrize("signature, published", [
    ("驻马店市住房和城乡建设局，2021年1月31日", "2021-01-31"), ("驻马店市住房和城乡建设局, 2021年1月31日", "2021-01-31"),
    ("驻马店市住房和城乡建设局\n（2021年1月31日）", "2021-01-31"), ("驻马店市住房和城乡建设局\n(2021-01-31)", "2021-01-31"),
    ("2021年1月 驻马店市住房和城乡建设局", None), ("二〇二一年一月 驻马店市住房和城乡建设局（盖章）", None)])
def test_a_signature_with_a_comma_a_bracketed_date_or_a_year_and_month_first(signature, published, above, title,
                                                                             script):
    # Seed 000 signed 'XX局，2021年1月31日' (a comma between the name and the date), 'XX局' / '（2021年1月31日）' (the date
    # alone in brackets under the name) or '2021年1月 XX局' (a year and month before the name on one line): no
    # signature was read, the agency NA without a title and published NA, the lines left in the last section's text.
    # Now each is read: the date where the day is given, NA where only the month is, the section left as without it.
    convert = _in_script(script)
    plain = _seed_000_signed(convert(f"{above}\n"), title)
    report = _seed_000_signed(convert(f"{above}\n{signature}\n"), title)
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", published)
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("ending", ["\n我局将继续做好信息公开工作，2021年1月31日\n", "\n数据统计截至\n（2020年12月31日）\n",
                                    "\n2021年1月 市住建局召开专题会议\n", "\n计划于\n2021年1月 驻马店市住房和城乡建设局\n"])
def test_a_sentence_with_a_comma_a_bracketed_date_or_a_month_is_no_signature(ending):
    # control: a sentence's words before the comma, a wrapped sentence's date in brackets, a sentence's words after
    # the name or before the month sign nothing
    report = _seed_000_signed(ending, "")
    assert (report.metadata["agency"], report.metadata["published"]) == (None, None)


@pytest.mark.parametrize("ending", ["\n2021年1月31日\n", "\n2021年1月31日\n第一条 为了保障公民依法获取政府信息\n"])
def test_a_date_under_an_empty_last_section_signs_no_agency(ending):
    # control: a date alone under the empty section's heading gives the date, no agency; followed by a sentence's
    # words (no agency's name), no signature at all
    report = _seed_000_signed(ending, "")
    assert report.metadata["agency"] is None


@pytest.mark.parametrize("line", ["2021年1月26日 市交通运输局召开专题会议。", "2021年1月26日 市交通运输局召开专题会议"])
def test_a_sentence_opening_with_a_date_and_a_body_is_no_signature(line):
    # control (read before): a sentence's words after the body's name make it no signature
    report = _seed_004_ending("\n" + line + "\n")
    assert report.metadata["published"] is None
    assert line in report.sections[-1].text


@pytest.mark.parametrize("colophon", [["市住建局", "2021年1月30日印发"], ["市住建局办公室 2021年1月30日印发"],
                                      ["市住建局", "抄送：市政府办公室。", "市住建局办公室    2021年1月30日印制"]])
def test_the_colophons_date_is_the_published_date_where_no_other_is_given(colophon):
    # A report issued as an official document may give no date but its colophon's ('XX办公室 2021年1月30日印发',
    # GB/T 9704-2012's 版记: the date it was issued): published was NA; now that date, and only where no other date is
    # given (a field's, the signature's).
    result = meta(TITLE.format("市住建局"), "正文。", *colophon)
    assert result["published"] == "2021-01-30"
    assert "published_before_period_end" not in result["flags"]
    signed = meta(TITLE.format("市住建局"), "正文。", "市住建局", "2021年1月28日", *colophon[-1:])
    assert signed["published"] == "2021-01-28"
    assert meta(TITLE.format("市住建局"), "发布日期：2021-02-01", "正文。", *colophon)["published"] == "2021-02-01"


@pytest.mark.parametrize("date", ["2024年1月15日。", "2024.1.15.", "二〇二四年一月十五日。"])
@pytest.mark.parametrize("own_line", [True, False])
def test_a_signatures_date_with_a_full_stop_after_it(date, own_line):
    # A signature's date typed with a sentence's full stop after it ('乌当区人民政府' / '2024年1月15日。'): published
    # was NA and the last section kept the signature; now the date is read, the stop no part of it.
    lines = ["六、其他需要报告的事项", "无。", *(["乌当区人民政府", date] if own_line else [f"乌当区人民政府  {date}"])]
    assert metadata.signature_start(lines) == 2
    result = meta(TITLE.format("乌当区人民政府"), *lines)
    assert (result["agency"], result["published"]) == ("乌当区人民政府", "2024-01-15")


@pytest.mark.parametrize("lead", ["截至", "整改时限为"])
def test_a_sentences_date_above_a_name_is_no_signature(lead):
    # (the date of a sentence wrapped onto its own line is no signature's, whatever name follows it)
    lines = ["六、其他需要报告的事项", f"数据统计{lead}", "2024年1月15日", "乌当区人民政府"]
    assert meta(*lines)["published"] is None

# --- characters of real names and marks (each failed before its fix) ----------------------------------

@pytest.mark.parametrize("agency, level", [("乾县住房和城乡建设局", "county"), ("乾安县人民政府", "county"),
                                           ("伊州区䢺溪镇人民政府", "township"), ("伊州区𫟹溪镇人民政府", "township"),
                                           ("伊州区\U00031350溪镇人民政府", "township")])
def test_real_names_are_kept_as_written(agency, level, tmp_path):
    # t2s ran over simplified text too and made 乾县 (a county of Shaanxi) 干县; a character of the CJK
    # extensions (䢺, 𫟹) made the signature's agency unknown, and one of extension H (U+31350) still did: the
    # metadata's Han characters stopped at extension G, where the pinyin's went on to J.
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):text.index("六、其他需要报告的事项")]
    path = tmp_path / "r.txt"
    path.write_text(f"2019年度政府信息公开工作年度报告{body}\n{agency}\n2020年1月20日\n", encoding="gb18030")
    report = toolkit.parse_report(path)
    assert report.metadata["agency"] == agency and report.metadata["script"] == "simplified"
    assert report.metadata["level"] == level


def test_a_wrapped_traditional_line_of_ambiguous_characters_is_converted():
    # Per-line t2s (kept 乾县) left a traditional line holding only characters simplified text could use
    # too ('佈。', wrapped from the line before) unconverted; its neighbour tells its script.
    from toolkit.normalize import normalize_text, to_simplified

    assert normalize_text("一是部分信息未能及時公\n佈。") == "一是部分信息未能及时公\n布。"
    assert to_simplified("乾县住房和城乡建设局\n2020年\n城鄉建設局") == "乾县住房和城乡建设局\n2020年\n城乡建设局"


def _skip_off(monkeypatch) -> None:
    """to_simplified without its test for a character any conversion changes (OpenCC on every text)."""
    import re

    from toolkit import normalize

    monkeypatch.setattr(normalize, "_convertible", lambda: re.compile(r"[\s\S]"))


_SEED_CHARS = "".join(sorted({c for f in sorted(RAW.glob("00*.txt")) for c in f.read_text(encoding="utf-8")}))


@settings(max_examples=scaled(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_SEED_CHARS) | st.sampled_from("乾著佈區國縣衞崑資訊隨\n"), max_size=40))
def test_a_text_no_conversion_changes_skips_opencc_with_the_same_result(monkeypatch, chars):
    # to_simplified leaves a text with no character t2s (after Taiwan's and Hong Kong's variants) changes as it
    # is without calling OpenCC: the seeds' characters and some traditional or ambiguous ones give what OpenCC
    # on every text gives
    from toolkit.normalize import to_simplified

    text = "".join(chars)
    fast = to_simplified(text)
    with monkeypatch.context() as m:
        _skip_off(m)
        assert to_simplified(text) == fast


def test_the_characters_a_conversion_changes_are_those_of_the_skip_test():
    # the skip's characters, told by converting the BMP in one call, are those each converted alone changes: of the
    # seeds' characters and the same in traditional characters (mainland, Taiwan's, Hong Kong's)
    import opencc

    from toolkit.normalize import _convertible, _variants_to_simplified

    chars = {c for config in ("s2t", "s2tw", "s2hk") for c in opencc.OpenCC(config).convert(_SEED_CHARS)}
    chars |= set(_SEED_CHARS)
    wrong = [c for c in sorted(chars) if bool(_convertible().search(c)) != (_variants_to_simplified(c) != c)]
    assert wrong == [] and sum(_variants_to_simplified(c) != c for c in chars) > 100


def test_the_seeds_read_the_same_without_the_opencc_skip(monkeypatch):
    import toolkit

    seeds = [f for f in sorted(RAW.glob("*")) if f.suffix != ".csv"]
    fast = [toolkit.parse_report(f).to_records() for f in seeds]
    _skip_off(monkeypatch)
    assert [toolkit.parse_report(f).to_records() for f in seeds] == fast


def _signed_by(agency: str, gap: str = "") -> str:
    """Seed 004 without its title, signed by `agency` (its agency comes from the signature)."""
    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    return f"2020年度政府信息公开工作年度报告{text[text.index(chr(10)):]}{gap}\n{agency}\n2021年1月20日\n"


@pytest.mark.parametrize("signature", ["{}（本级）\n2021年1月20日", "{}(本级) 2021年1月20日", "{}（机关本级）2021年1月20日",
                                       "{}\n（本级）\n2021年1月20日"],
                         ids=["own_lines", "one_line", "glued", "note_own_line"])
def test_a_signature_noting_its_scope_in_brackets_gives_the_agency(signature):
    import toolkit

    # A signature noting the report's scope after the name ('XX局（本级）' / '2021年1月20日'): read as a name and a
    # phrase in brackets, it gave no agency (agency_unknown), on one line with the date no date either, and stayed
    # the last section's text.  Signed so, the report reads as signed by the name alone.
    plain = toolkit.parse_text(_signed_by("乌当区住房和城乡建设局"))
    unsigned = _signed_by("").removesuffix("\n\n2021年1月20日\n")
    report = toolkit.parse_text(f"{unsigned}\n{signature.format('乌当区住房和城乡建设局')}\n")
    assert [report.metadata[k] for k in ("agency", "published", "level", "province")] == \
        [plain.metadata[k] for k in ("agency", "published", "level", "province")] == \
        ["乌当区住房和城乡建设局", "2021-01-20", "county", "贵州"]
    assert report.sections[-1].text == plain.sections[-1].text
    assert sorted(f.code for f in report.flags) == sorted(f.code for f in plain.flags)


@pytest.mark.parametrize("date, published", [("2021年1月15日", "2021-01-15"), ("2021年1月", None)])
@pytest.mark.parametrize("note", ["（本级）", "(机关本级)", "（ 本级 ）"])
def test_a_scope_note_on_its_own_line_between_the_signatures_name_and_date(note, date, published):
    import toolkit

    # 'XX局' / '（本级）' / '2021年1月15日': the note, read as no name, made the signature start at the date (with a
    # year and month only, no signature was read); its name and the note were left in the last section's text and
    # the signature gave no agency (agency_unknown).
    lines = ["2020年度政府信息公开工作年度报告", "一、总体情况", "本局认真贯彻落实《条例》。", "六、其他需要报告的事项",
             "本年度无其他需要报告的事项。", "驻马店市交通运输局", note, date]
    assert metadata.signature_start(lines) == 5
    result = extract_metadata(lines)
    assert (result["agency"], result["published"], result["flags"]) == ("驻马店市交通运输局", published, [])
    assert toolkit.parse_text("\n".join(lines)).sections[-1].text == "本年度无其他需要报告的事项。"


@pytest.mark.parametrize("month", ["2024年1月", "二〇二四年一月", "2024 年 1 月", "2024年1月（盖章）", "2024年1月 附件下载"])
@pytest.mark.parametrize("titled", [True, False], ids=["titled", "untitled"])
def test_a_signature_glued_after_the_last_sentence_dated_by_a_month_alone(month, titled):
    import toolkit

    # pingtan-2023-03 ends '…收取信息处理费。 平潭综合实验区市场监督管理局 2024年1月31日'; dated by its year and month
    # alone ('… 2024年1月'), the glued signature was no signature: its name and month stayed the last section's text
    # (and without the title the agency was NA).  The name is certain as an undated glued one is: the agency,
    # published NA (no day given).
    text = (RAW / "pingtan-2023-03.txt").read_text(encoding="utf-8").rstrip("\n")
    if not titled:
        text = "2023年度政府信息公开工作年度报告\n" + text.split("\n", 1)[1]
    plain = toolkit.parse_text(text)
    report = toolkit.parse_text(text.replace("2024年1月31日", month))
    assert plain.metadata["published"] == "2024-01-31"
    assert report.metadata["agency"] == plain.metadata["agency"] == "平潭综合实验区市场监督管理局"
    assert report.metadata["published"] is None
    assert report.sections[-1].text == plain.sections[-1].text


@pytest.mark.parametrize("ending", ["2024年1月起施行", "2024年1月底前完成整改", "2024年1月31"])
def test_a_month_after_a_name_glued_to_the_last_sentence_going_on_is_no_signature(ending):
    # (a sentence's words after the month, or a day after it, make no undated signature of the name)
    assert metadata._leading_name(f"平潭综合实验区市场监督管理局{ending}") is None


@pytest.mark.parametrize("between", ["", "\n（盖章）", "\n- 5 -"])
def test_two_bodies_signing_on_lines_of_their_own_give_the_first(between):
    import toolkit

    # Seed 004 without its title, signed by two bodies on two lines above the date ('乌当区住房和城乡建设局' /
    # '乌当区财政局' / '2021年1月20日'): the second alone, next to the date, was read as the agency and the first was
    # left in the last section's text.  The agency is the reporting body the report names first, as data-dictionary
    # has it one; both lines are the signature, no section's text.
    first, second = "乌当区住房和城乡建设局", "乌当区财政局"
    plain = toolkit.parse_text(_signed_by(first))
    report = toolkit.parse_text(_signed_by(f"{first}{between}\n{second}"))
    assert [report.metadata[k] for k in ("agency", "published", "level", "agency_kind")] == \
        [plain.metadata[k] for k in ("agency", "published", "level", "agency_kind")] == \
        [first, "2021-01-20", "county", "department"]
    assert report.sections[-1].text == plain.sections[-1].text
    assert second not in report.sections[-1].text and first not in report.sections[-1].text
    # (a sentence's words before the line above are no second body: '…工作由' / 'XX局' is a sentence wrapped)
    wrapped = toolkit.parse_text(_signed_by(f"相关工作由\n{second}"))
    assert wrapped.metadata["agency"] == second


@pytest.mark.parametrize("signature, agency, kind", [
    ("乌当区住房和城乡建设局    乌当区财政局", "乌当区住房和城乡建设局", "department"),
    ("驻马店市人民政府办公室 驻马店市政务服务数据管理局", "驻马店市人民政府办公室", "government"),
    ("乌当区住房和城乡建设局 乌当区财政局 2021年1月20日", "乌当区住房和城乡建设局", "department"),
    # (controls, read before: a name broken by a space is one name, '中共…市委 宣传部' its body's)
    ("驻马店市 交通运输局", "驻马店市交通运输局", "department"), ("中共驻马店市委 宣传部", "中共驻马店市委宣传部", "department"),
])
def test_two_bodies_signing_side_by_side_on_one_line_give_the_first(signature, agency, kind):
    # Two bodies' names on one line above the date, set apart by spaces ('XX市人民政府办公室  XX市政务服务数据管理局':
    # two signatures side by side): the line was read without its spaces as one agency, both names run together
    # (a department, of the second's ending).  The agency is the first body's, as where they sign on lines of
    # their own (test_two_bodies_signing_on_lines_of_their_own_give_the_first).
    report = _seed_004_ending(f"\n{signature}\n" if "日" in signature else f"\n{signature}\n2021年1月20日\n")
    assert [report.metadata[k] for k in ("agency", "published", "agency_kind")] == [agency, "2021-01-20", kind]
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("dates", ["2021年1月20日    2021年1月20日", "2021年1月20日  2021年1月21日", "2021.1.20    2021.1.20"])
def test_two_signatures_side_by_side_in_columns_give_the_first(dates):
    # Two bodies signing side by side, names and dates in two columns ('XX局    YY局' / '2021年1月20日    2021年1月20日'):
    # the first date was read as a name before the second, so no signature was read (agency and published NA,
    # agency_unknown, both lines in the last section's text).  The first body's name and date are the signature's.
    report = _seed_004_ending(f"\n乌当区住房和城乡建设局    乌当区财政局\n{dates}\n")
    assert [report.metadata[k] for k in ("agency", "published", "level")] == ["乌当区住房和城乡建设局", "2021-01-20", "county"]
    assert report.sections[-1].text.strip() == "无"
    # (a control, read before: a period's two dates after a sentence are no signature's)
    report = _seed_004_ending("\n统计期间为\n2021年1月1日 2021年12月31日\n")
    assert report.metadata["published"] is None


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("agency", ["乾县住房和城乡建设局", "乾安县人民政府", "柞水县乾佑街道办事处"])
def test_real_names_in_traditional_characters_are_kept(agency, config):
    # A traditional line went through t2s, then tw2s and hk2s, each ending in t2s: the second t2s made
    # what the first rightly kept (乾县) another word (干县); 乾佑 is kept through formats.yaml keep_words.
    import opencc

    import toolkit

    text = _signed_by(agency)
    want = toolkit.parse_text(text).metadata
    got = toolkit.parse_text(opencc.OpenCC(config).convert(text)).metadata
    assert got["agency"] == want["agency"] == agency
    assert (got["level"], got["province"]) == (want["level"], want["province"])


@pytest.mark.parametrize("config", [None, "s2t", "s2hk"])
def test_a_place_name_with_yu_is_kept_in_simplified_and_traditional_text(config):
    # 於潜镇 (a town of 临安区) in a simplified report: its 於 is also traditional 于, so the line was taken for
    # traditional and went through t2s, which wrote 于潜镇 (agency wrong); in traditional text OpenCC kept it.
    import opencc

    import toolkit
    from toolkit.normalize import to_simplified

    text = _signed_by("杭州市临安区於潜镇人民政府")
    got = toolkit.parse_text(text if config is None else opencc.OpenCC(config).convert(text)).metadata
    assert got["agency"] == "杭州市临安区於潜镇人民政府"
    assert to_simplified("臨安區於潜鎮") == "临安区於潜镇"  # (the simplified spelling on a traditional line)


@pytest.mark.parametrize("written, read", [("资讯", "资讯"), ("資訊", "信息"), ("线上办理", "线上办理"),
                                           ("線上辦理", "在线办理")])
def test_taiwans_words_are_read_only_where_written_in_traditional_characters(written, read):
    # Seed 002 (a mainland report in traditional characters) with a word written in simplified characters on one of
    # its lines ('…便民信息…' with 资讯 for 信息, pasted from a mainland page): the line was converted, and taiwan_words
    # read the mainland's own 资讯 as Taiwan's, 信息.  Only a word written in traditional characters is Taiwan's.
    from toolkit.normalize import to_simplified

    line = next(RAW.glob("002*.txt")).read_text(encoding="utf-8").split("\n")[3]
    assert "便民信息78條" in line
    got = to_simplified(line.replace("便民信息78條", f"便民{written}78條"))
    assert f"便民{read}78条" in got and "伊州区(qū)住建局" in got


@pytest.mark.parametrize("config, agency, gap", [("s2hk", "中卫市人民政府", ""), ("s2hk", "中山市卫生健康局", ""),
                                                ("s2t", "昆玉市人民政府", "\n")])
def test_a_traditional_line_that_t2s_leaves_alone_is_converted(config, agency, gap):
    # Only a line that t2s changed was converted: Hong Kong's 衞 stayed (中衞市: no prefecture, no province),
    # and 崑 (which t2s changes, but is no character only traditional text uses) after a blank line too.
    import opencc

    import toolkit
    from toolkit.normalize import normalize_text

    text = _signed_by(agency, gap)
    want = toolkit.parse_text(text).metadata
    got = toolkit.parse_text(opencc.OpenCC(config).convert(text)).metadata
    assert [got[k] for k in ("agency", "level", "province")] == [want[k] for k in ("agency", "level", "province")]
    assert got["agency"] == agency and got["province"] is not None
    # Taiwan's 著 of 着力, on a line of no other sign of its script, after a traditional one
    assert normalize_text("一是公開意識不強\n著力提升") == "一是公开意识不强\n着力提升"


def test_footnote_marks_pinyin_and_words_in_brackets():
    from toolkit.normalize import normalize_line

    assert normalize_line("申请人 74¹ 件，面积 20m²") == "申请人 74 件,面积 20m2"  # before: 741
    # superscript digits alone in a cell are its value (they were dropped, the cell blank); a mark after a value goes
    assert [normalize_line(x) for x in ("| 12¹ | 12 ¹ | ⁸⁸ |", "\t⁸⁸", "⁸⁸ |", "12 ¹", "¹注:本表")] == [
        "| 12 | 12  | 88 |", "\t88", "88 |", "12", "注:本表"]
    assert normalize_line("政務服務(wù)和們(men)的") == "政务服务和们的"  # pinyin, with and without tone marks
    assert normalize_line("政府(zhèngfǔ)信息") == "政府信息"  # a word's syllables, with tone marks
    assert normalize_line("政务服务移动端(app)和网站(www)") == "政务服务移动端(app)和网站(www)"  # before: words lost


@pytest.mark.parametrize("agency, annotated", [("伊州区䢺溪镇人民政府", "伊州區(qū)䢺(cǎo)溪鎮(zhèn)人民政府"),
                                               ("伊州区𫟹溪镇人民政府", "伊州區(qū)𫟹(lǘ)溪鎮(zhèn)人民政府")])
def test_pinyin_after_a_character_of_the_extensions_is_dropped(agency, annotated):
    # the pinyin pattern looked behind for U+4E00-9FFF only: 䢺(cǎo) (extension A), 𫟹 (B) kept their pinyin
    import toolkit
    from toolkit.normalize import normalize_line

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    report = toolkit.parse_text(f"{annotated}2024年政府信息公開工作年度報告{body}")
    assert report.metadata["agency"] == agency and report.metadata["level"] == "township"
    assert normalize_line("䢺(cǎo)溪 𫟹(lǘ)") == "䢺溪 𫟹"


# --- tiers of county-level places and street offices (each failed before its fix) ----------------------

TIERS = [
    # agency, level, kind
    # 山区 is no place alone, but it ends 南山区 and 石景山区: they were read as the common word
    ("深圳市南山区教育局", "county", "department"),
    ("北京市石景山区人民政府", "county", "government"),
    # an ending inside the name cut it short: 万州区 was the prefecture 万州, 武乡县 the township 武乡
    ("重庆市万州区人民政府", "county", "government"),
    ("长治市武乡县财政局", "county", "department"),
    ("荆州市沙市区教育局", "county", "department"),
    ("许昌市禹州市住房和城乡建设局", "county", "department"),
    # a character of department words in the stem (和, 府, 会) stopped the name even right before its ending
    ("阜阳市太和县人民政府", "county", "government"),
    ("忻州市忻府区教育局", "county", "department"),
    ("江门市新会区财政局", "county", "department"),
    ("乌当区太和镇人民政府", "township", "government"),
    # street offices: the stem may hold any character (学院路), and 街道办 is one too
    ("学院路街道办事处", "township", "government"),
    ("海淀区学院路街道办事处", "township", "government"),
    ("北京市海淀区学院路街道办事处", "township", "government"),
    ("乌当区新天街道办", "township", "government"),
    ("乌当区车站街道办事处", "township", "government"),
    # collective words do not make a place run on
    ("某某县乡镇企业局", "county", "department"),
    # names the endings misread are in the gazetteer: 桐城市 is no 城市, 梁园区 no 园区 zone
    ("安庆市桐城市教育局", "county", "department"),
    ("商丘市梁园区人民政府", "county", "government"),
    ("承德市围场满族蒙古族自治县人民政府", "county", "government"),
    # and what still is no place stays one
    ("某某县山区综合开发办公室", "county", "department"),
    ("瑞金市市场监督管理局", "county", "department"),
    ("某某县乡村振兴局", "county", "department"),
    ("驻马店市住房和城市更新局", "prefecture", "department"),
]


@pytest.mark.parametrize("agency, level, kind", TIERS, ids=[t[0] for t in TIERS])
def test_tier_of_county_level_places_and_street_offices(agency, level, kind):
    result = meta(f"{agency}2022年政府信息公开工作年度报告", "一、总体情况")
    assert result["agency"] == agency
    assert (result["level"], result["agency_kind"]) == (level, kind)


def _gazetteer_agencies() -> list[tuple[str, str | None, str]]:
    """Agency names built from the gazetteer's county-level units, with the tier and kind they have."""
    g = load_gazetteer()
    counties = g[(g["level"] == "county") & g["name"].str[-1].isin(list("区县市旗"))]
    out: list[tuple[str, str | None, str]] = []
    for name, parent in zip(counties["name"], counties["parent"]):
        for county in {name, f"{parent}{name}"}:
            out += [(f"{county}人民政府", "county", "government"), (f"{county}教育局", "county", "department"),
                    (f"{county}住房和城乡建设局", "county", "department"), (f"{county}财政局", "county", "department"),
                    (f"{county}学院路街道办事处", "township", "government"),
                    (f"{county}和平街道办", "township", "government"),
                    (f"{county}太和镇人民政府", "township", "government"),
                    (f"{county}城关乡人民政府", "township", "government"),
                    (f"{county}经济技术开发区管委会", None, "government")]
    return out


def test_tier_of_agencies_built_from_the_gazetteer():
    # 40% of these names had a wrong level or kind (street offices, 太和镇, the gazetteer's own counties)
    wrong = []
    for agency, level, kind in _gazetteer_agencies():
        tier = metadata._classify_agency(agency)
        if (tier["level"], tier["agency_kind"]) != (level, kind):
            wrong.append((agency, tier["level"], tier["agency_kind"]))
    assert wrong == []


def test_a_disclosure_catalogue_box_gives_the_publication_date_and_the_title():
    # gov.cn's box: 成文日期 (written) comes before 发布日期 (published) and the title is a field '标题：…'.
    # Before: published was the 成文日期 and the agency '标题:乌当区人民政府'.
    box = ["索引号：11520112MB1635474D/2021-00012", "主题分类：政务公开", "发文机关：贵阳市乌当区人民政府",
           "成文日期：2021年01月20日", f"标题：{TITLE.format('乌当区人民政府')}", "发文字号：", "发布日期：2021年01月28日"]
    result = meta(*box, "一、总体情况", "2020年，我区认真贯彻落实《条例》。")
    assert (result["agency"], result["report_year"], str(result["published"])) == ("乌当区人民政府", 2020, "2021-01-28")
    # a box copied with tabs, its title field '名称', its date '生成日期' (was: agency '名称乌当区人民政府', no date)
    tabs = ["索引号\t11520112/2021-00012\t信息分类\t政务公开", "发布机构\t乌当区人民政府\t生成日期\t2021-01-20",
            f"名称\t{TITLE.format('乌当区人民政府')}"]
    result = meta(*tabs, "一、总体情况", "2020年，我区认真贯彻落实《条例》。")
    assert (result["agency"], result["report_year"], str(result["published"])) == ("乌当区人民政府", 2020, "2021-01-20")


@pytest.mark.parametrize("stamp", ["2021/1/30 下午6:41", "2021-01-30 18:41:05", "2021/1/30 6:41 PM"])
def test_browser_print_stamp_before_the_title(stamp):
    # A page printed from a browser: '2021/1/30 下午6:41 <page title>' stands above the report's own title.
    lines = lines_of("004")
    expected = extract_metadata(lines)
    result = extract_metadata([f"{stamp} {lines[0]}"] + lines)
    assert (result["agency"], result["level"], result["flags"]) == (expected["agency"], expected["level"],
                                                                    expected["flags"])
    assert extract_metadata([f"{stamp} {lines[0]}"] + lines[1:]) == expected


@pytest.mark.parametrize("date", ["2021年1月30日 ", "2021年1月30日", "2021-01-30 ", "[2021-01-30]", "【2021.1.30】",
                                  "二〇二一年一月三十日 ", "2021-01-30 星期六 ", "2021-01-30 星期六",
                                  "2021年1月30日（星期六）", "[2021-01-30 周六]"])
@pytest.mark.parametrize("stem", ["000", "004"])
def test_a_page_date_before_the_title_on_its_line(date, stem):
    # A page's date of publication before its title ('2021年1月30日 <title>', a list's '[2021-01-30]<title>') was read
    # as the title's start: the agency lost and, written with 年, its year taken for the report's (2021).  With its
    # weekday after it ('2021-01-30 星期六 <title>') the weekday stayed the title's start, the agency's ('星期六XX局').
    # The date is the page's date of publication where no field dates it (seed 000's '时间:2021年01月31日' does).
    lines = lines_of(stem)
    expected = extract_metadata(lines)
    expected["published"] = expected["published"] or "2021-01-30"
    assert extract_metadata([date + lines[0]] + lines[1:]) == expected


@pytest.mark.parametrize("date", ["2021-01-30 ", "[2021-01-30]", "二〇二一年一月三十日 ", "2021-01-30 星期六 "])
def test_a_page_date_before_the_title_is_its_publication_date(date):
    # Seed 004 gives no other date: a page's date before its title on the title's line ('[2021-01-30]市住建局…', a
    # list's) was cut off the title and lost (published NA), where the same date alone on the line above the title
    # was read.  A browser's print date and time before it (test_browser_print_stamp_before_the_title) is none.
    lines = lines_of("004")
    assert extract_metadata(lines)["published"] is None
    assert extract_metadata([date + lines[0]] + lines[1:])["published"] == "2021-01-30"


def test_a_period_at_the_start_of_a_title_is_no_page_date():
    result = meta("2020年1月1日至2020年12月31日驻马店市财政局政府信息公开工作年度报告", "一、总体情况")
    assert result["report_year"] == 2020


@pytest.mark.parametrize("stem", ["000", "001", "pingtan-2023-03"])
def test_a_title_ending_in_a_full_stop(stem):
    # A page that ends its title with a full stop ('驻马店市住房和城乡建设局2020年政府信息公开工作年度报告。'): the line was no
    # title, as a sentence holding '。' is none, and the agency was lost (seeds 000, 001) or the report flagged no_title.
    lines = lines_of(stem)
    assert extract_metadata([lines[0] + "。"] + lines[1:]) == extract_metadata(lines)


@pytest.mark.parametrize("sentence", ["我局编制了2020年政府信息公开工作年度报告。", "本局2020年政府信息公开工作年度报告。",
                                      "以下是驻马店市住建局2020年政府信息公开工作年度报告。"])
def test_a_sentence_ending_in_a_full_stop_is_no_title(sentence):
    # Seed 002 has no title: a sentence naming the report above its text names no agency of its own and no year.
    lines = lines_of("002")
    assert extract_metadata([sentence] + lines) == extract_metadata(lines)


@pytest.mark.parametrize("cut", [3, 4, 20], ids=["in_the_city", "after_the_city", "in_the_topic"])
def test_title_in_a_large_font_broken_over_two_lines(cut):
    # Seed 000's title set in a large font wraps: '驻马店市' / '住房和城乡建设局2020年…', '驻马店市住房和城乡建设局2020年政府信'
    # / '息公开工作年度报告'.
    lines = lines_of("000")
    expected = extract_metadata(lines)
    title = lines[0]
    result = extract_metadata([title[:cut], title[cut:]] + lines[1:])
    assert result == expected


@pytest.mark.parametrize("above", ["通知公告", "河南省", "2021年1月"])
def test_a_line_above_a_title_that_is_no_start_of_its_place_is_left_out(above):
    lines = lines_of("000")
    expected = extract_metadata(lines)
    # a title that names its place keeps it; one that names none takes only a place from above
    assert extract_metadata([above] + lines)["agency"] == expected["agency"]
    result = extract_metadata([above, lines[0][4:]] + lines[1:])
    assert result["agency"] == ("河南省" if above == "河南省" else "") + "住房和城乡建设局"


def _unruled_box(lines: list[str]) -> list[str]:
    """Seed 003's header box ('索引号 | … | 分类 | 信息公开年报 |') printed without rules: cells set apart by spaces."""
    return [" ".join(c.strip() for c in line.split("|") if c.strip()) if "|" in line else line for line in lines]


@pytest.mark.parametrize("with_title", [True, False], ids=["with_title", "without_title"])
def test_header_box_printed_without_rules(with_title):
    lines = lines_of("003")
    if not with_title:
        lines = [line for line in lines if "信息公开年度报告" not in line]
    expected = extract_metadata(lines)
    assert expected["published"] is not None and expected["agency"] is not None
    assert extract_metadata(_unruled_box(lines)) == expected


@pytest.mark.parametrize("config", ["s2t", "s2hk", "s2twp"])
def test_header_box_title_label_in_taiwans_words(config):
    # OpenCC s2twp writes the header box's 文件名称 as 檔名稱 (文件名 → 檔名): the field was no title label, so the box's
    # title was not read and the agency was the box's 发布机构, not the title's
    import opencc

    lines = lines_of("003")
    lines = lines[:3] + ["文件名称：泰州市高港区住房和城乡建设局2017年政府信息公开工作年度报告"] + lines[3:]
    expected = extract_metadata(lines)
    assert expected["agency"] == "泰州市高港区住房和城乡建设局"
    assert extract_metadata(normalize_text(opencc.OpenCC(config).convert("\n".join(lines))).split("\n")) == expected


def _padded_labels(lines: list[str], sep: str) -> list[str]:
    """Seed 003's header box with each label's characters set apart, as a page pads short labels to the width of
    long ones ('分　　类', '发 布 机 构')."""
    labels = ("索引号", "分类", "发布机构", "发文日期", "文号", "时效")
    return [" | ".join(sep.join(c.strip()) + "：" if c.strip() in labels else c.strip() for c in line.split("|"))
            if "|" in line else line for line in lines]


@pytest.mark.parametrize("sep", [" ", "\u3000", "\u3000\u3000"])
@pytest.mark.parametrize("with_title", [True, False], ids=["with_title", "without_title"])
def test_header_box_labels_padded_with_spaces(sep, with_title):
    lines = lines_of("003")
    if not with_title:
        lines = [line for line in lines if "信息公开年度报告" not in line]
    expected = extract_metadata(lines)
    # the padded labels were no labels: the publication date and, without the title, the agency were not read
    # ('发 布 机 构：', '发 文 日 期：'), and a line starting with one was taken for a title ('分　类：信息公开年报', the
    # agency '分类')
    padded = _padded_labels(lines, sep)
    assert extract_metadata(padded) == expected
    assert extract_metadata(_unruled_box(padded)) == expected
    # the box cell by cell, one a line
    cells = [c.strip() for line in padded[:3] for c in line.split("|") if c.strip()]
    assert extract_metadata(cells + padded[3:]) == expected


@pytest.mark.parametrize("field", ["时　　间：{}", "日　　期：{}", "发 布 时 间：{}", "发布时间：【{}】", "发布时间：[{}]",
                                   "发布时间：（{} 10:00）"])
def test_a_padded_or_bracketed_publication_date(field):
    lines = lines_of("004")
    assert extract_metadata(lines)["published"] is None
    # seed 004 with a publication date under its title: was not read, its label padded or the date in brackets
    result = extract_metadata(lines[:1] + [field.format("2021-01-20")] + lines[1:])
    assert result["published"] == "2021-01-20" and result["agency"] == "市住建局"
    # a line above the title starting with a padded label is no title
    result = extract_metadata(["分　　类：" + lines[0].replace("市住建局", "", 1)] + lines)
    assert result["agency"] == "市住建局"


def test_header_box_whose_values_wrap_gives_no_title():
    # Values wrapped inside narrow unruled cells leave the labels on lines of their own: '索引号 分类 信息公开年报',
    # '发布机构 发文日期 2018-02-28' (the agency's name above and below them).
    lines = lines_of("003")
    expected = extract_metadata(lines)
    box = ["014421017/2018-005", "索引号 分类 信息公开年报", "46", "医药高新区(高港区)", "发布机构 发文日期 2018-02-28",
           "住房和城乡建设局", "文号 时效"]
    result = extract_metadata(box + [line for line in lines if "|" not in line])
    assert (result["agency"], result["published"], result["flags"]) == (
        expected["agency"], expected["published"], expected["flags"])


@pytest.mark.parametrize("furniture", [["- 4 -"], ["第 4 页 共 5 页"], ["- 4 -", "第 5 页"]])
def test_signature_split_by_a_page_break(furniture):
    # The agency line at the foot of a page, its page number, then the date on the next page: the agency was lost.
    import toolkit

    # seed 002 names its agency only in its signature
    lines = next(RAW.glob("002*.txt")).read_text(encoding="utf-8").rstrip("\n").split("\n")
    original = toolkit.parse_text("\n".join(lines)).metadata
    assert original["agency"] is not None and original["published"] is not None
    split = toolkit.parse_text("\n".join(lines[:-1] + furniture + lines[-1:])).metadata
    assert split == original


# --- offices of central bodies and titles of real pages (each failed before its fix) --------------------

def _seed_000_titled(tmp_path: Path, *head: str) -> list[dict]:
    """Seed 000 with its title line replaced by ``head``, parsed from a file as written and in traditional
    characters (OpenCC s2t): both must give the same metadata."""
    import opencc

    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    edited = "\n".join(head) + text[text.index("\n"):]
    out = []
    for name, doc in (("simplified", edited), ("traditional", opencc.OpenCC("s2t").convert(edited))):
        path = tmp_path / f"{name}.txt"
        path.write_text(doc, encoding="utf-8")
        result = toolkit.parse_report(path)
        assert result.metadata["script"] == name
        out.append(result.metadata)
    return out


OFFICES = [
    # agency, level, kind, province
    # a central body's office in a place, named after the body's own name: was national
    ("国家统计局驻马店调查队", "prefecture", "department", "河南"),
    ("国家金融监督管理总局驻马店监管分局", "prefecture", "department", "河南"),
    ("国家外汇管理局河南省分局", "province", "department", "河南"),
    ("国家统计局河南调查总队", "province", "department", "河南"),
    # an office of a province office at a prefecture (the 2023 reform's 金融监管局 …监管分局): was province
    ("国家金融监督管理总局河南监管局驻马店监管分局", "prefecture", "department", "河南"),
    # its county offices (监管支局): was national
    ("国家金融监督管理总局义乌监管支局", "county", "department", "浙江"),
    ("国家金融监督管理总局驻马店监管分局正阳监管支局", "county", "department", "河南"),
    # a generic place swallowed the central prefix (中国人民银行驻马店市 read as a county): was county
    ("中国人民银行驻马店市中心支行", "prefecture", "department", "河南"),
    # a ministry's name before the place, and short forms of central names: was no tier
    ("财政部河南监管局", "province", "department", "河南"),
    ("审计署驻郑州特派员办事处", "prefecture", "department", "河南"),
    ("中国银保监会驻马店监管分局", "prefecture", "department", "河南"),
    # customs offices: was no kind
    ("中华人民共和国郑州海关", "prefecture", "department", "河南"),
    # an office at a county-level city named by its short form: was national, then no tier
    ("国家统计局义乌调查队", "county", "department", "浙江"),
    ("中国人民银行义乌中心支行", "county", "department", "浙江"),
    # an office at a place the gazetteer does not know: was national; no tier, and the province the text names
    # (seed 000's text is Henan's)
    ("国家统计局某某调查队", None, "department", "河南"),
    # what was right stays so
    ("国家税务总局驻马店市税务局", "prefecture", "department", "河南"),
    ("国家税务总局稽查局", "national", "department", None),
    ("中国人民银行征信中心", "national", "department", None),
    ("国家统计局", "national", "department", None),
]


@pytest.mark.parametrize("agency, level, kind, province", OFFICES, ids=[o[0] for o in OFFICES])
def test_offices_of_central_bodies_take_the_tier_of_their_place(agency, level, kind, province, tmp_path):
    for result in _seed_000_titled(tmp_path, TITLE.format(agency)):
        assert result["agency"] == agency
        assert (result["level"], result["agency_kind"], result["province"]) == (level, kind, province)


NEW_KINDS = [
    # agency, level, kind, province (None: the text's, seed 000's Henan), level_unknown flagged
    # universities are no tier of government: were province (北京大学), prefecture (郑州大学), department (黄淮学院)
    ("北京大学", None, None, "北京", True),
    ("郑州大学", None, None, "河南", True),
    ("驻马店职业技术学院", None, None, "河南", True),
    ("黄淮学院", None, None, "河南", True),
    # the Xinjiang Production and Construction Corps: was province with no kind (新疆 + 生产建设兵团), its
    # division's city a county
    ("新疆生产建设兵团", "province", "government", "新疆", False),
    ("新疆生产建设兵团第八师石河子市", "prefecture", "government", "新疆", False),
    ("第八师石河子市", "prefecture", "government", "新疆", False),
    ("兵团第一师教育局", "prefecture", "department", "新疆", False),
    ("第一师十团", "county", "government", "新疆", False),
    # no division in a name after a place (第一师范): read as one, 北京市第一师 was a Xinjiang division
    ("北京市第一师范学院", None, None, "北京", True),
    # an academy of sciences ends as a 学院 does: it stays a department of its place's tier
    ("河南省农业科学院", "province", "department", "河南", False),
    # a school of administration and a united front's institute are the place's, as its Party school is: were
    # read as universities, of no tier (level_unknown); a police or teachers' college is still one
    ("郑州市行政学院", "prefecture", "department", "河南", False),
    ("河南行政学院", "province", "department", "河南", False),
    ("正阳县行政学院", "county", "department", "河南", False),
    ("驻马店市社会主义学院", "prefecture", "department", "河南", False),
    ("河南警察学院", None, None, "河南", True),
    # a Party school is a department of its place's tier, as the school of administration it often is one body with:
    # had no kind (its 校 no ending), and with that school's name in brackets was a county (委党校(郑州市 a place)
    ("中共驻马店市委党校", "prefecture", "department", "河南", False),
    ("中共河南省委党校", "province", "department", "河南", False),
    ("中共正阳县委党校", "county", "department", "河南", False),
    ("中共郑州市委党校(郑州市行政学院)", "prefecture", "department", "河南", False),
    ("正阳县行政学校", "county", "department", "河南", False),
    # the Youth League's and the political consultative conference's name is no place, as the Party's: a prefecture's
    # were county bodies (共青团驻马店市, 政协驻马店市: one place) or of no tier (中国人民政治协商会议驻马店市委员会)
    ("共青团驻马店市委", "prefecture", "department", "河南", False),
    ("共青团河南省委", "province", "department", "河南", False),
    ("中国共产主义青年团正阳县委员会", "county", "department", "河南", False),
    ("政协驻马店市委员会", "prefecture", "department", "河南", False),
    ("中国人民政治协商会议驻马店市委员会", "prefecture", "department", "河南", False),
    # mass bodies by their short forms, as by their full names: had no kind
    ("驻马店市妇联", "prefecture", "department", "河南", False),
    ("驻马店市残联", "prefecture", "department", "河南", False),
    ("驻马店市工商联", "prefecture", "department", "河南", False),
    ("驻马店市科协", "prefecture", "department", "河南", False),
    ("正阳县政协", "county", "department", "河南", False),
    # read right before
    ("驻马店市妇女联合会", "prefecture", "department", "河南", False),
    ("驻马店市总工会", "prefecture", "department", "河南", False),
    ("驻马店市科学技术协会", "prefecture", "department", "河南", False),
    ("驻马店市残疾人联合会", "prefecture", "department", "河南", False),
    ("驻马店市红十字会", "prefecture", "department", "河南", False),
    ("驻马店市工商业联合会", "prefecture", "department", "河南", False),
    ("驻马店市档案馆", "prefecture", "department", "河南", False),
    ("驻马店市地方史志办公室", "prefecture", "department", "河南", False),
    ("驻马店市机关事务管理局", "prefecture", "department", "河南", False),
    ("中共驻马店市委办公室", "prefecture", "department", "河南", False),
    # a body that is neither (a school, a company) keeps no kind, its place's tier read
    ("驻马店市第一高级中学", "prefecture", None, "河南", False),
    ("驻马店市供水有限公司", "prefecture", None, "河南", False),
    # the democratic parties' names are no place, as the Party's: 民革驻马店市 was one county, 民盟中央 a prefecture
    # (盟); the central committees of the Party, the League and the democratic parties had no kind (中央 no ending)
    ("民革驻马店市委员会", "prefecture", "department", "河南", False),
    ("九三学社河南省委员会", "province", "department", "河南", False),
    ("中国民主同盟正阳县委员会", "county", "department", "河南", False),
    ("民盟中央", "national", "department", None, False),
    ("中共中央", "national", "department", None, False),
    ("共青团中央", "national", "department", None, False),
    ("九三学社中央委员会", "national", "department", None, False),
    # national mass bodies were of no tier (中华全国, 全国 and 中国残疾人联合会 no central prefix)
    ("中华全国总工会", "national", "department", None, False),
    ("全国妇联", "national", "department", None, False),
    ("中国残疾人联合会", "national", "department", None, False),
    ("中国科学技术协会", "national", "department", None, False),
    # a place in brackets after a zone: read with its bracket ('(高港区'), a place of no province (seed 003's
    # 发布机构; the report's text names Henan's places, so province was 河南)
    ("医药高新区(高港区)住房和城乡建设局", "county", "department", "江苏", False),
    # units of the 2023 reform, zones and townships: read right before, the zone's unknown tier now flagged
    ("国家数据局", "national", "department", None, False),
    ("驻马店市数据局", "prefecture", "department", "河南", False),
    ("中共驻马店市委社会工作部", "prefecture", "department", "河南", False),
    ("驻马店市疾病预防控制局", "prefecture", "department", "河南", False),
    ("郑州经济技术开发区管理委员会", None, "government", "河南", True),
    ("驻马店市驿城区南海街道办事处", "township", "government", "河南", False),
    ("正阳县真阳镇人民政府", "township", "government", "河南", False),
]


@pytest.mark.parametrize("agency, level, kind, province, unknown", NEW_KINDS, ids=[a[0] for a in NEW_KINDS])
def test_universities_corps_units_and_new_agencies(agency, level, kind, province, unknown, tmp_path):
    import opencc

    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    edited = TITLE.format(agency) + text[text.index("\n"):]
    for doc in (edited, opencc.OpenCC("s2t").convert(edited)):
        report = toolkit.parse_text(doc)
        assert report.metadata["agency"] == agency
        assert (report.metadata["level"], report.metadata["agency_kind"], report.metadata["province"]) == (
            level, kind, province)
        assert ("level_unknown" in {f.code for f in report.flags}) == unknown


@pytest.mark.parametrize("title, agency, level", [
    ("中共郑州市委党校（郑州市行政学院）2020年政府信息公开工作年度报告", "中共郑州市委党校(郑州市行政学院)", "prefecture"),
    ("郑州市行政学院（中共郑州市委党校）2020年政府信息公开工作年度报告", "郑州市行政学院(中共郑州市委党校)", "prefecture"),
    ("正阳县档案馆（正阳县地方史志办公室）2020年政府信息公开工作年度报告", "正阳县档案馆(正阳县地方史志办公室)", "county"),
    ("驻马店市人民政府办公室（驻马店市政务服务中心）2020年政府信息公开工作年度报告",
     "驻马店市人民政府办公室(驻马店市政务服务中心)", "prefecture")])
def test_a_body_named_with_its_second_name_in_brackets(title, agency, level):
    import toolkit

    # one body under two names, the second in brackets: read by the first.  Had no kind, and the first a county
    # body: the bracket and the second name's place were read as one place (委党校(郑州市)
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    report = toolkit.parse_text(title + text[text.index("\n"):])
    kind = "government" if "人民政府" in agency else "department"
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["agency_kind"],
            report.metadata["province"]) == (agency, level, kind, "河南")
    assert "level_unknown" not in {f.code for f in report.flags}


@pytest.mark.parametrize("title, agency, level, kind", [
    ("驻马店市住房和城乡建设局（本级）2020年政府信息公开工作年度报告", "驻马店市住房和城乡建设局", "prefecture", "department"),
    ("驻马店市住房和城乡建设局(本级)2020年政府信息公开工作年度报告", "驻马店市住房和城乡建设局", "prefecture", "department"),
    ("正阳县财政局（机关本级）2020年政府信息公开工作年度报告", "正阳县财政局", "county", "department"),
    ("2020年驻马店市人民政府（本级）政府信息公开工作年度报告", "驻马店市人民政府", "prefecture", "government"),
    ("正阳县人民政府（县本级）2020年政府信息公开工作年度报告", "正阳县人民政府", "county", "government"),
    ("驻马店市财政局（本部）2020年政府信息公开工作年度报告", "驻马店市财政局", "prefecture", "department")],
    ids=["brackets", "ascii_brackets", "organs", "after_the_year", "tier", "head_office"])
def test_a_scope_note_in_brackets_after_the_agency_is_no_part_of_its_name(title, agency, level, kind):
    import toolkit

    # A report of a body's own organs, not the units under it, notes so in brackets after its name ('XX局（本级）
    # 2020年…'): read as a name and a phrase in brackets, the agency was lost (None, agency_unknown)
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    report = toolkit.parse_text(title + text[text.index("\n"):])
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["agency_kind"],
            report.metadata["province"]) == (agency, level, kind, "河南")
    assert "agency_unknown" not in {f.code for f in report.flags}


@pytest.mark.parametrize("date", ["2021-01-20", "2021年1月20日", "[2021-01-20]", "（2021年1月20日）", "2021-01-20 10:30",
                                  "2021年1月20日 星期三", "2021-01-20（星期三） 10:30"])
@pytest.mark.parametrize("year", ["2020年", ""], ids=["titled_year", "no_year"])
@pytest.mark.parametrize("seed, agency", [("004", "市住建局"), ("000", "驻马店市住房和城乡建设局")])
def test_a_date_after_the_title_on_its_line(seed, agency, year, date):
    import toolkit

    # A page's date of publication after the title on its line ('市住建局2020年政府信息公开工作年度报告 2021-01-20',
    # seed 004's title, seed 000's without its source line under it): published was NA, and a title naming no year
    # took the date's (2021, the year the report was published in, not the one reported on); now the date is
    # published, as one on the line under the title is, and no part of the title; so too with its weekday
    # ('…报告 2021年1月20日 星期三').
    text = next(RAW.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    body = text.split("\n", 3)[3] if seed == "000" else text[text.index("\n") + 1:]
    report = toolkit.parse_text(f"{agency}{year}政府信息公开工作年度报告 {date}\n" + body)
    flags = {f.code for f in report.flags}
    assert (report.metadata["agency"], report.metadata["report_year"], report.metadata["published"]) == \
        (agency, 2020, "2021-01-20")
    assert ("year_inferred" in flags) == (not year) and "no_title" not in flags


@pytest.mark.parametrize("title", ["北京大学2022-2023学年信息公开工作年度报告",
                                   "北京大学信息公开工作年度报告（2022—2023学年）"])
def test_a_university_report_on_an_academic_year(title):
    import toolkit

    # the academic year (学年) was no year: no agency read from the first title, the year of seed 000's overview
    # (2020, flagged year_inferred) from both; its later year is read, as of a range of years (2019—2020年)
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    report = toolkit.parse_text(title + text[text.index("\n"):])
    assert (report.metadata["agency"], report.metadata["report_year"]) == ("北京大学", 2023)
    assert {f.code for f in report.flags} & {"year_inferred", "level_unknown"} == {"level_unknown"}


@pytest.mark.parametrize("agency, level, province", [("中共驻马店市委办公室", "prefecture", "河南"),
                                                     ("中国共产党驻马店市委员会", "prefecture", "河南"),
                                                     ("中共中央办公厅", "national", None)])
def test_the_party_name_before_a_committee_is_no_place(agency, level, province, tmp_path):
    # '中共驻马店市' was read as one county-level place (no province), 中共中央办公厅 had no tier.
    for result in _seed_000_titled(tmp_path, TITLE.format(agency)):
        assert result["agency"] == agency
        assert (result["level"], result["agency_kind"], result["province"]) == (level, "department", province)


TITLE_HEADS = [
    # lines at the top of seed 000 in place of its title, expected agency, year, level, kind
    # an agency set in 【】 kept its brackets (and was then read as the county '【驻马店市')
    (["【驻马店市财政局】2020年政府信息公开工作年度报告"], "驻马店市财政局", 2020, "prefecture", "department"),
    # a site's link to the report before or after this one was taken for the title (agency '上一篇:驻马店市财政局',
    # its year)
    (["上一篇：驻马店市财政局2019年政府信息公开工作年度报告", "驻马店市财政局2020年政府信息公开工作年度报告"],
     "驻马店市财政局", 2020, "prefecture", "department"),
    (["【下一篇】驻马店市财政局2021年政府信息公开工作年度报告", "驻马店市财政局2020年政府信息公开工作年度报告"],
     "驻马店市财政局", 2020, "prefecture", "department"),
    # a notice issuing the report: the agency was '驻马店市人民政府办公室关于印发驻马店市' (a county); now the one
    # the report's own title names (as that title standing alone gives), else the issuer
    (["驻马店市人民政府办公室关于印发驻马店市2020年政府信息公开工作年度报告的通知"], "驻马店市", 2020,
     "prefecture", "government"),
    (["驻马店市人民政府办公室关于印发《驻马店市人民政府2020年政府信息公开工作年度报告》的通知"], "驻马店市人民政府", 2020,
     "prefecture", "government"),
    (["驻马店市财政局关于印发2020年政府信息公开工作年度报告的通知"], "驻马店市财政局", 2020, "prefecture", "department"),
    # a report titled '关于…工作的报告' was no title: no agency, the year inferred
    (["驻马店市财政局关于2020年政府信息公开工作的报告"], "驻马店市财政局", 2020, "prefecture", "department"),
    (["驻马店市财政局关于2020年度政务公开工作情况的报告"], "驻马店市财政局", 2020, "prefecture", "department"),
]


@pytest.mark.parametrize("head, agency, year, level, kind", TITLE_HEADS, ids=[h[0][0][:12] for h in TITLE_HEADS])
def test_title_forms_of_real_pages(head, agency, year, level, kind, tmp_path):
    for result in _seed_000_titled(tmp_path, *head):
        assert (result["agency"], result["report_year"]) == (agency, year)
        assert (result["level"], result["agency_kind"], result["province"]) == (level, kind, "河南")


# --- a web page's glued text wrapped at N characters -------------------------------------


def _wrapped(text: str, width: int, offset: int, mode: str) -> str:
    """``text`` as a narrow copy wraps it: each line (after ``offset`` spaces) by textwrap, or cut every ``width``
    characters as a PDF does."""
    import textwrap

    out: list[str] = []
    for line in text.split("\n"):
        line = " " * offset + line
        out += (textwrap.wrap(line, width) or [""]) if mode == "wrap" else \
            [line[i: i + width] for i in range(0, max(len(line), 1), width)]
    return "\n".join(out)


@lru_cache(maxsize=None)
def _page_report(stem: str, width: int = 0, offset: int = 0, mode: str = "") -> tuple:
    """(agency, published, last section's text without white space, statements' texts) of a real web page's
    report, wrapped when ``width`` is given."""
    import tempfile

    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{stem}.txt"
        path.write_text(_wrapped(text, width, offset, mode) if width else text, encoding="utf-8")
        report = toolkit.parse_report(path)
    records = report.to_records()["statements"]
    records = records if isinstance(records, list) else records.to_dict("records")
    return (report.metadata["agency"], report.metadata["published"], "".join(report.sections[-1].text.split()),
            tuple("".join(str(r["text"]).split()) for r in records))


@pytest.mark.parametrize("stem, mode, width, offset", [
    ("pingtan-2023-02", "wrap", 62, 0),  # '…情况。 平潭综合实验区财政金融局' / '2024年1月29日': the date line was cut alone
    ("pingtan-2023-02", "cut", 24, 0),  # '…情况。 平潭综合实验区' / '财政金融局 2024年1月29日'
    ("pingtan-2023-02", "cut", 22, 2),  # '…财政金融' / '局 2024年1月29日': the date (published) was lost
    ("pingtan-2023-04", "cut", 22, 0),  # '…无。 平潭综合实验区' / '经济发展局2024年1月29日': agency '经济发展局'
    ("pingtan-2023-04", "cut", 20, 0),  # '…经济发展局2' / '024年1月29日': the date broken over two lines
    ("pingtan-2023-03", "wrap", 62, 0),  # the agency stayed in the last section, its date line cut off
    ("pingtan-2020-05", "cut", 26, 0),  # '…时间' / '：2021-01-27 11:26': the header's date was lost
    ("pingtan-2020-05", "cut", 24, 1),  # '…（联系人：林耀，' / '联系方式：…）': the last section was cut mid-contact
])
def test_a_wrapped_signature_is_found_whole(stem, mode, width, offset):
    # The five pingtan pages glue a report into one or two lines; a narrow copy wraps them and breaks the signature
    # ('…财政金融局2024年' / '1月29日').  Its date line, or a piece of the agency, was cut off the last section while
    # the rest stayed in it, and the agency or the publication date was read in part or lost.  Now the agency and
    # the date are the unwrapped page's, and the last section's text and the statements are the unwrapped page's,
    # or those without the whole signature where it starts a line of its own.
    agency, published, text, statements = _page_report(stem)
    got = _page_report(stem, width, offset, mode)
    assert got[:2] == (agency, published)

    def same(full: str, cut: str) -> bool:
        return full == cut or (full.startswith(cut) and full[len(cut):].startswith((agency, "(联系人")))

    assert same(text, got[2])
    assert len(got[3]) == len(statements) and all(same(a, b) for a, b in zip(statements, got[3]))


@pytest.mark.parametrize("width", [20, 26])
def test_a_wrapped_agency_line_is_read_whole(width):
    # Seed 002's agency line is longer than a narrow copy's lines ('伊州区住房和城乡建' / '设局' / '2024年2月17日'):
    # the agency was '设局' or none (and the last section kept '伊州区住房和城乡建').  Now the two lines are one
    # agency, as the line above starts with a place the gazetteer knows and the piece alone does not.
    text = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8")
    lines = normalize_text(_wrapped(text, width, 0, "wrap")).split("\n")
    start = metadata.signature_start(lines)
    assert metadata._signature(lines) == ("伊州区住房和城乡建设局", metadata._dt.date(2024, 2, 17))
    assert "".join(lines[start:]).startswith("伊州区住房和城乡建设")


@pytest.mark.parametrize("lines, start, agency", [
    (["六、其他需要报告的事项", "暂无", "某某市某某局", "2020年1月20日"], 2, "某某市某某局"),  # a short line of text above
    (["六、其他需要报告的事项", "无。", "驻马店市", "财政局", "2020年1月20日"], 2, "驻马店市财政局"),
    (["六、其他需要报告的事项", "无。 驻马店市财", "政局", "2020年1月20日"], 4, "驻马店市财政局"),  # kept in the text
    # (glued after a sentence, a name opening with a place only its ending tells: no signature, the sections keep it)
    (["六、其他需要报告的事项", "无。 某某市某", "某局", "2020年1月20日"], 4, None),
    (["五、存在的主要问题及改进情况", "整改时限为", "2021年6月30日", "前全部完成。"], 4, None),  # prose
])
def test_wrapped_signature_pieces_and_prose(lines, start, agency):
    assert metadata.signature_start(lines) == start
    assert metadata._signature(lines)[0] == agency


@pytest.mark.parametrize("lines", [
    ["六、其他需要报告的事项", "无。平潭综合实", "验区经济发展局", "2024年1月29日"],
    ["六、其他需要报告的事项", "无。 驻马店市财", "政局", "2024年1月29日"],
    ["六、其他需要报告的事项", "无。平潭综合实验区经济发展局2024年", "1月29日"],
    ["六、其他需要报告的事项", "无。 某某市某", "某局", "2024年1月29日"],
])
@pytest.mark.parametrize("weekday", ["（星期一）", "(周一)", " 星期一"])
def test_a_wrapped_signature_dated_with_its_weekday(lines, weekday):
    # A wrapped signature whose date has its weekday after it ('…无。平潭综合实' / '验区经济发展局' / '2024年1月29日（星期一）'):
    # its date did not end the line, so it was read as a signature on lines of its own from the agency's second
    # piece ('验区经济发展局'), the sections cutting the text there.  Now it reads as without the weekday.
    dated = [*lines[:-1], lines[-1] + weekday]
    assert metadata.signature_start(dated) == metadata.signature_start(lines)
    assert metadata._signature(dated) == metadata._signature(lines)


_SEED_FILES = sorted(f for f in RAW.glob("*.txt"))


def test_a_reports_signature_tail_is_read_once_per_parse(monkeypatch):
    # The sections' end (signature_start, of the segments' texts) and the metadata (_signature, of the report's lines)
    # each read the signature at the text's end from the same last lines, the undated one too: two or three readings
    # of one tail a report.  Now a tail's reading is kept for the next stage that asks (metadata._SignatureTail).
    import toolkit

    read: dict[tuple[str, ...], int] = {}
    wrapped = metadata._wrapped_signature

    def counted(tail):
        key = tuple(line for _, line in tail)
        read[key] = read.get(key, 0) + 1
        return wrapped(tail)

    monkeypatch.setattr(metadata, "_wrapped_signature", counted)
    twice = {}
    for path in _SEED_FILES:
        if hasattr(metadata, "_tail_reading"):
            metadata._tail_reading.cache_clear()  # (a reading kept from an earlier parse would hide one)
        read.clear()
        report = toolkit.parse_report(path)
        assert report.metadata["agency"]  # (the signature was read: seed 000's agency is its signature's)
        twice.update({(path.stem, key[-1]): n for key, n in read.items() if n > 1})
    assert not twice


def test_a_leading_name_is_read_alike_when_pieces_no_name_can_end_are_passed_over():
    # _leading_name reads the longest piece of a line's start that is a certain name (its seal's place and the page's
    # furniture after it or not): it compacted every piece, 80 at most, about 3 K instructions a line.  Now a piece
    # ending in a character no body's ending nor seal's place ends with is passed over at once.  The readings are
    # those of every piece read, on the seeds' lines and pieces after a sentence's end, and on their agencies with
    # the seal's place, the page's furniture and spaces after them or a space inside.
    import re

    import toolkit

    def every_piece(text):
        text = text.strip()
        if len(text) > metadata._GLUED_AGENCY_REACH:
            return None
        for end in range(len(text), 1, -1):
            name = re.sub(r"\s+", "", metadata._seal().sub("", text[:end].strip()))
            if name.endswith(metadata._body_endings()) and metadata._signature_after_date(text[end:]) \
                    and metadata._certain_name(name):
                return name
        return None

    lasts = metadata._name_last_chars()
    assert {ending[-1] for ending in metadata._body_endings()} <= lasts and set(")）]】") <= lasts
    pieces = set()
    for path in _SEED_FILES:
        for line in lines_of(path.stem):
            pieces.update(line[k + 1 :] for k, c in enumerate(line) if c in "。;； " and len(line) - k <= 82)
            pieces.add(line)
        agency = toolkit.parse_report(path).metadata["agency"]
        half = len(agency) // 2
        pieces.update(name + end for name in (agency, f"{agency[:half]} {agency[half:]}", f"市{agency}")
                      for end in ("", "  ", "（盖章）", "(盖章) 【打印本页】", " 附件下载", "x"))
    read = {piece: every_piece(piece) for piece in pieces}
    assert sum(name is not None for name in read.values()) >= 40  # (names among them, not only text)
    assert {piece: metadata._leading_name(piece) for piece in pieces} == read


@pytest.mark.parametrize("path", _SEED_FILES, ids=lambda p: p.stem)
def test_a_signature_tails_reading_gives_the_lines_own_indices(path):
    # A tail's reading is kept by its lines' texts: the same last lines further down a longer text (lines before
    # them) are read once, and each text gets the indices of its own lines, as the readers give them read afresh.
    lines = lines_of(path.stem)
    for shift in (0, 3):
        text = [""] * shift + lines
        tail = metadata._last_filled(text[: metadata._content_end(text)], metadata._rules()["signature"]["tail_lines"])
        reading = metadata._SignatureTail.of(text)
        direct = metadata._wrapped_signature(tail)
        assert reading.wrapped == direct
        assert reading.found == (direct if direct is not None else metadata._lines_signature(tail))
        assert reading.undated == metadata._undated_signature(tail)
        assert reading.tail == tail


# a signature glued after the problems section's last sentence, ending the report (web-page text), and text that is
# no signature: the cases of test_statements.py's test_a_glued_signature_is_read_alike_by_the_sections_and_the_statements
# and its controls, (agency, published) the signature gives
_GLUED = [("市交通运输局2021年1月26日", "市交通运输局", "2021-01-26"),
          (" 区政府办公室 2021年1月26日 (联系人:林耀,联系方式:0591-23163387) 附件下载", "区政府办公室", "2021-01-26"),
          ("中共县委办公室\n2021年1月26日", None, "2021-01-26"),  # (a bare level's committee: no agency, meta24)
          ("中共县委办公室2021年1月26日", None, "2021-01-26"),  # (it signs: the sections cut it, as sig24 has it)
          ("平潭综合实验区交通与建设局（盖章）2021-01-26", "平潭综合实验区交通与建设局", "2021-01-26"),
          ("；市交通运输局2021年1月26日", "市交通运输局", "2021-01-26"),  # (after the last item's ；)
          ("二是整改情况已报送区政府办公室2021年1月20日", None, None),
          ("市交通运输局2021年1月26日前完成整改。", None, None),
          # (an agency opening with no place the gazetteer knows: the section keeps it, the date is read, mend24)
          ("交通运输局2021年1月26日", None, "2021-01-26"),
          ("交通运输局\n2021年1月26日", None, "2021-01-26")]


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-01", "pingtan-2023-02", "pingtan-2023-03",
                                  "pingtan-2023-04"])
@pytest.mark.parametrize("ending, agency, published", _GLUED)
def test_a_glued_signature_is_read_by_the_sections_rule(stem, ending, agency, published):
    # The metadata read a signature glued after the last sentence its own looser way (a name and a date anywhere in
    # the last line's last 400 characters, up to 60 characters after the date; a name after a sentence's end and a
    # date ending the text): '…。市交通运输局2021年1月26日前完成整改。' and '…。交通运输局2021年1月26日', which the sections
    # keep as a sentence, gave an agency and the published date; a sealed one dated '2021-01-26' gave none.  Now the
    # rule that ends the last section's text (metadata.glued_signature_start) reads it: the agency and date of the
    # text the sections cut, none from text they keep.  The pages' text and their own published date are read first
    # (title, header): the page cut before its title reads the signature's alone.
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    body = text[: text.index("六、其他需要报告的事项")].rstrip()
    body = body[body.index("二、"):]  # (no title nor header: the agency and the date are the signature's only)
    plain = normalize_text(body).split("\n")
    lines = normalize_text(body + ending).split("\n")
    got = metadata._signature(lines)
    assert (got[0], got[1].isoformat() if got[1] else None) == (agency, published)
    assert metadata._signature(plain) == (None, None)
    read = extract_metadata(lines)
    assert (read["agency"], read["published"]) == (agency, published)


@pytest.mark.parametrize("regions, date", [
    (["发布机构 | 医药高新区(高港区)住房和城乡建设局 | 发文日期", " | 2018-02-28 |"], "2018-02-28"),  # seed 003 cut at 32
    (["相关链接 来源： 时间", "：2021-01-27 11:26 -->"], "2021-01-27"),  # pingtan-2020-05 cut at 26
    (["来源： 时间：2021-01-", "27 11:26 -->"], "2021-01-27"),
    (["来源： 时间：2021-01-2", "7 11:26 -->"], "2021-01-27"),  # was read as 2021-01-02
    (["来源： 时间：2021-01-27", "11:26 -->"], "2021-01-27"),  # a whole date is read alone
])
def test_a_header_date_that_a_wrap_broke_is_read(regions, date):
    # A narrow copy broke the header's date or its label over two lines: the publication date was lost or misread.
    assert metadata._published_field(regions) == (metadata._dt.date.fromisoformat(date), False)


@pytest.mark.parametrize("stem", ["pingtan-2020-05", "pingtan-2023-01"])
def test_a_running_title_is_furniture_and_a_sentence_holding_the_title_words_is_not(stem):
    # The page-furniture test of layout and statements, public here (it was statements._is_furniture)
    from toolkit.metadata import is_furniture, is_running_title

    title = (RAW / f"{stem}.txt").read_text(encoding="utf-8").split("\n", 1)[0].strip()
    assert is_running_title(title) and is_furniture(title) and is_furniture("- 3 -")
    assert is_running_title(f"{title}-福建省平潭综合实验区管理委员会")
    assert not is_furniture(f"{title}-附件") and not is_furniture("规范政府信息公开工作年度报告")


# --- county-level units of the gazetteer (data/gazetteer/: cpca's adcodes, units of about 2016) ---------------

def _county_agencies() -> list[dict[str, str]]:
    """Real agency names of county-level units and below, with their tier and province (tests/data)."""
    with (Path(__file__).parent / "data" / "county_agencies.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_tier_and_province_of_real_county_level_agency_names():
    # 459 names (county governments and bureaus, county-level cities, districts, towns and streets, central
    # offices at a county): 145 had the right tier and province before the gazetteer held every county-level
    # unit (the province was unknown, 5 offices had no tier); a name the gazetteer gives several units (鼓楼区)
    # has no province unless its parent is named; a unit it lacks may have none, never a wrong one.  36 more of
    # units created or renamed since its counties (龙港市, 盘州市, 鄠邑区 …; gazetteer_changes.csv) and their old
    # names (户县, 郫县): 25 of them, and 盘州市 and 彬州市 above, had no province before that file (those written
    # after their prefecture, 杭州市临平区, had its).  19 offices of a province's or prefecture's department at a
    # county-level unit (北京市公安局海淀分局, 驻马店市生态环境局正阳分局, 北京市公安局朝阳分局: 朝阳 the
    # department's own 朝阳区) were read at the department's tier, and five names like them are no such office
    # 19 autonomous counties and a banner by their short form and plain ending (石柱县, 长阳县, 莫力达瓦旗) had no
    # province; 镇宁县 and 镇沅县 were read as a bare 镇 and a county (镇宁县 Gansu's, as 镇 + 宁县)
    wrong = []
    for row in _county_agencies():
        result = meta(TITLE.format(row["agency"]), "一、总体情况")
        got, expected = (result["level"], result["province"]), (row["level"], row["province"] or None)
        if got != expected and not (row["note"] == "not in the gazetteer" and got == (row["level"], None)):
            wrong.append((row["agency"], got, expected))
    assert wrong == []


def test_tier_and_province_of_autonomous_prefectures_leagues_and_regions_as_agencies_write_them():
    # 自治州 in full and by their short forms (恩施州, 湘西自治州), 盟 and 地区: 7 short forms were read prefecture
    # with no province (海南州, 海西州: 海南 is the province, 海西 no short form; 博州, 巴州, 克州, 锡盟, 阿盟, which
    # shorten the name otherwise), and 巴州 must not take 巴州区 (Bazhong's district)
    with (Path(__file__).parent / "data" / "prefecture_agencies.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    wrong = []
    for row in rows:
        result = meta(TITLE.format(row["agency"]), "一、总体情况")
        if (result["level"], result["province"]) != (row["level"], row["province"]):
            wrong.append((row["agency"], result["level"], result["province"]))
    assert wrong == []
    # not matched in running text: 巴州区 is no mention of Xinjiang's 巴州
    assert metadata._text_province(["巴州区人民政府", "巴州区教育局"]) is None


def _searched_names(text: str) -> list[str]:
    """The free-text names a search for any of them, longest first, finds (what _text_names does faster)."""
    import re

    from toolkit.normalize import alternation

    return [m.group() for m in re.finditer(alternation(metadata._index()["text"]), text)]


def test_place_names_in_the_seeds_text_are_those_a_search_finds():
    import toolkit

    texts = ["\n".join(toolkit.parse_report(f).lines) for f in sorted(RAW.glob("*")) if f.suffix != ".csv"]
    found = [metadata._text_names(t) for t in texts]
    assert found == [_searched_names(t) for t in texts]
    assert sum(map(len, found)) > 10  # (the seeds name places: 驻马店市, 平潭…)


_TEXT_NAMES = sorted(metadata._index()["text"])


@settings(max_examples=scaled(300), deadline=None)
@given(st.lists(st.sampled_from(_TEXT_NAMES).flatmap(
    lambda n: st.sampled_from([n, n[1:], n[:-1], n + n[-1], n[0] + n])) | st.sampled_from(["\n", "的", "市", "省"]),
    max_size=8))
def test_place_names_run_together_overlapping_are_those_a_search_finds(parts):
    # names and their heads and tails run together (三门峡市门峡市, 广州市州): left to right, the longest at a place,
    # none inside or across one taken
    text = "".join(parts)
    assert metadata._text_names(text) == _searched_names(text)


def test_a_place_name_inside_another_is_not_found_there():
    # 鞍山市 (Liaoning) inside 马鞍山市 (Anhui) is no mention of it; after it, one
    text = "马鞍山市人民政府\n鞍山市"
    assert metadata._text_names(text) == _searched_names(text) == ["马鞍山市", "鞍山市"]


@pytest.mark.parametrize("agency, extra, province", [
    ("北京市朝阳区人民政府", None, "北京"),
    ("开封市鼓楼区人民政府", None, "河南"),
    # the province seed 000's text names (Henan: 驻马店市) has a 鼓楼区 (Kaifeng's) ...
    ("鼓楼区人民政府", None, "河南"),
    # ... but no 朝阳区 (Beijing's, Changchun's) nor 通州区 (Beijing's, Nantong's): was 河南
    ("朝阳区人民政府", None, None),
    ("通州区教育局", None, None),
    # a text naming one of the parents gives its province: was 河南 (驻马店市 3 times, 福州市 once)
    ("鼓楼区人民政府", "根据福州市人民政府要求,做好政府信息公开工作。", "福建"),
])
def test_a_county_level_name_of_several_units_takes_a_province_the_text_names(agency, extra, province, tmp_path):
    head = [TITLE.format(agency)] + ([extra] if extra else [])
    for result in _seed_000_titled(tmp_path, *head):
        assert result["agency"] == agency
        assert (result["level"], result["province"]) == ("county", province)


def test_county_short_forms_are_read_before_a_local_office_ending_only():
    g = load_gazetteer()
    assert g.loc[g["name"] == "公安县", "short"].item() == "公安"
    # 公安 is the short form of 公安县 (Hubei): no 公安局 is a county body for it
    assert metadata._classify_agency("荆州市公安局")["level"] == "prefecture"
    assert metadata._classify_agency("中华人民共和国公安部")["level"] == "national"
    # 龙港区 (Liaoning) is no older name of 龙港市 (Zhejiang, since 2019; its row of gazetteer_changes.csv): a 区
    # never becomes a 市
    assert metadata._classify_agency("龙港市人民政府")["province"] == "浙江"
    assert metadata._classify_agency("国家统计局龙港调查队")["level"] is None  # 龙港: both units


# --- the year given only by the file's name -------------------------------------------------------------------

FILE_NAMES = [
    # file name, year read from it
    ("2020年驻马店市住房和城乡建设局政府信息公开工作年度报告.txt", 2020),
    ("report_2020.txt", 2020),
    ("住建局2020年度报告.txt", 2020),
    ("二〇二〇年报告.txt", 2020),
    ("2020年报告(2021-01-31发布).txt", 2020),
    # a date, an id, two years, a folder's name: no year
    ("20210131.txt", None),
    ("2021-01-31.txt", None),
    ("31.01.2021.txt", None),
    ("2021年1月31日.txt", None),
    ("doc0012020.txt", None),
    ("2019-2020报告.txt", None),
    ("2020/report.txt", None),
    # four digits in a hash or an id, a year and month, a range, a document number: were read as a year
    ("ab2020cd.txt", None),
    ("d41d8cd98f00b2020e9800998ecf8427e.txt", None),
    ("3f2504ea-2020-41d3-9a0c-0305e82c3301.txt", None),
    ("deadbeef2020.txt", None),
    ("ab12_2020.txt", None),
    ("3f25-2020.txt", None),
    ("report2020v2.txt", None),
    ("report2020-01.txt", None),
    ("01-2020.txt", None),
    ("附件2_2020-01.txt", None),
    ("附件2_2019-2020.txt", None),
    ("附件2_2020_3.txt", None),
    ("2020-01.txt", None),
    ("2020.01.txt", None),
    ("2020_01_report.txt", None),
    ("2019 - 2020.txt", None),
    ("第2020号.txt", None),
    # a year standing as a word of its own, between separators or Chinese characters
    ("report-2020-v2.txt", 2020),
    ("年报2020(1).txt", 2020),
    ("２０２０年报.txt", 2020),
    # a word of letters not all hex digits then the year ending the name, an attachment's number then the year:
    # were not read
    ("report2020.txt", 2020),
    ("zmd2020.txt", 2020),
    ("nianbao2020(1).txt", 2020),
    ("附件2_2020年报.txt", 2020),
    ("附件2-2020.txt", 2020),
    ("file2_2020.txt", 2020),
]


@pytest.mark.parametrize("name, year", FILE_NAMES, ids=[n for n, _ in FILE_NAMES])
def test_the_file_name_gives_the_year_the_text_does_not(name, year, tmp_path):
    import re

    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    # seed 000 without a year of its own (title, overview, publication date): was year_unknown whatever its name
    yearless = re.sub(r"(?<!\d)20[12]\d(?=\s*年)", "", text)
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(yearless, encoding="utf-8")
    report = toolkit.parse_report(path)
    codes = {f.code for f in report.flags}
    assert report.metadata["report_year"] == year
    assert ("year_from_file_name" in codes, "year_unknown" in codes) == (year is not None, year is None)
    # a year in the text wins over the name's
    path.write_text(text, encoding="utf-8")
    report = toolkit.parse_report(path)
    assert report.metadata["report_year"] == 2020 and not {f.code for f in report.flags} & {
        "year_from_file_name", "year_unknown"}
    path.write_text(text.replace("2020年政府", "2019年政府", 1), encoding="utf-8")
    assert toolkit.parse_report(path).metadata["report_year"] == 2019


# --- the agency named on the line after the title ------------------------------------------------------------

@pytest.mark.parametrize("seed", ["000", "pingtan-2020-05", "pingtan-2023-02"])
def test_a_title_broken_inside_the_agency_name(seed):
    import toolkit

    text = next(RAW.glob(f"{seed}*.txt")).read_text(encoding="utf-8")
    original = toolkit.parse_text(text).metadata
    agency = original["agency"]
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(agency) and "报告" in line)
    # the title broken after each character of its agency's name, as a PDF wraps a title set large: the agency
    # was the piece below the break at 8 or 9 of the breaks ('房和城乡建设局', '马店市住房和城乡建设局' a county,
    # '潭综合实验区财政金融局' of no tier)
    for k in range(1, len(agency)):
        broken = lines[:at] + [agency[:k], lines[at][k:]] + lines[at + 1:]
        assert toolkit.parse_text("\n".join(broken)).metadata == original, agency[:k]
    # over three lines of 8 characters or more, the first break inside the name: the agency was the piece below
    # it where the second break left a whole title below ('驻马店市住房和城乡' / '建设局2020年' / '政府信息公开…')
    title = lines[at][: lines[at].index("报告") + 2]
    for a in range(8, len(agency)):
        for b in range(a + 8, len(title) - 7):
            broken = lines[:at] + [title[:a], title[a:b], lines[at][b:]] + lines[at + 1:]
            assert toolkit.parse_text("\n".join(broken)).metadata == original, (a, b)
    # the name's start set one or two characters a line ('驻' / '马' / '店市住房…', '平潭' / '综合' / '实验区…'):
    # the agency was the piece below the short ones ('店市住房和城乡建设局' a county, '综合实验区财政金融局')
    for sizes in [(1, 1), (1, 2), (2, 1), (2, 2), (1, 1, 1), (1, 1, 2), (2, 2, 2)]:
        cuts = [sum(sizes[:n]) for n in range(len(sizes) + 1)]
        pieces = [agency[a:b] for a, b in zip(cuts, cuts[1:])] + [lines[at][cuts[-1]:]]
        assert toolkit.parse_text("\n".join(lines[:at] + pieces + lines[at + 1:])).metadata == original, sizes
        # a short line above them, a page's heading or number, is no part of the name: not '目录驻马店市…'
        for above in ("目录", "附件", "公开", "1"):
            assert toolkit.parse_text("\n".join(lines[:at] + [above] + pieces + lines[at + 1:])).metadata[
                "agency"] == agency, (sizes, above)
    # a line above the title that is a whole name or a site's is no part of it
    place = metadata._split_places(agency)[0][0].text
    for above in (f"{place}人民政府", f"{place}新闻网", f"{place}门户网站"):
        moved = lines[:at] + [above, lines[at][len(place):]] + lines[at + 1:]
        assert toolkit.parse_text("\n".join(moved)).metadata["agency"] == agency[len(place):]


@pytest.mark.parametrize("seed", ["000", "003", "pingtan-2023-01", "pingtan-2023-02"])
def test_a_site_column_name_above_the_title(seed):
    import toolkit

    text = next(RAW.glob(f"{seed}*.txt")).read_text(encoding="utf-8")
    original = toolkit.parse_text(text).metadata
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if original["agency"] in line and "报告" in line)
    # the name of the site's column set above the article's title: the agency was none (the column's name joined
    # to the title, the agency before its topic word; '政府信息公开年报' taken for the title), or only the place
    # ('驻马店市政务公开网' / '驻马店市住房…': 驻马店市)
    place = metadata._split_places(original["agency"])[0][0].text
    for above in ("政府信息公开", "政务公开", f"{place}政务公开网", "政府信息公开年报"):
        assert toolkit.parse_text("\n".join(lines[:at] + [above] + lines[at:])).metadata == original, above


BREADCRUMBS = ["首页 / 政务公开 / 年度报告", "首页-政务公开-政府信息公开年报", "首页 _ 政务公开 _ 年度报告",
               "首页、政务公开、年度报告", "首页 · 政务公开 · 年度报告", "首页 ▸ 政务公开 ▸ 年度报告",
               "首页 政务公开 政府信息公开年度报告", "网站首页/政府信息公开/年度报告", "您的位置：首页 政务公开 年度报告"]


@pytest.mark.parametrize("seed", ["000", "004", "pingtan-2023-02"])
def test_a_breadcrumb_of_any_marks_above_the_title(seed):
    import toolkit

    text = next(RAW.glob(f"{seed}*.txt")).read_text(encoding="utf-8")
    original = toolkit.parse_text(text).metadata
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if original["agency"] in line and "报告" in line)
    untitled = lines[:at] + [lines[at].replace(original["agency"], "", 1)] + lines[at + 1:]
    without = toolkit.parse_text("\n".join(untitled)).metadata
    # a breadcrumb set apart by slashes, dashes, commas, dots or spaces, its home link first: it was taken for the
    # title, its home link for the agency ('首页/', '首页', '首页政务公开'), also above a title naming its agency
    for crumb in BREADCRUMBS:
        assert toolkit.parse_text("\n".join(lines[:at] + [crumb] + lines[at:])).metadata == original, crumb
        assert toolkit.parse_text("\n".join(untitled[:at] + [crumb] + untitled[at:])).metadata == without, crumb


@pytest.mark.parametrize("seed", ["000", "001", "004", "pingtan-2023-01"])
def test_the_agency_named_on_the_line_after_the_title(seed):
    import toolkit

    text = next(RAW.glob(f"{seed}*.txt")).read_text(encoding="utf-8")
    agency = toolkit.parse_text(text).metadata["agency"]
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if agency in line and "报告" in line)
    # the title without the agency, its name alone below it: was no agency (agency_unknown) on these four seeds
    moved = lines[:at] + [lines[at].replace(agency, "", 1), agency] + lines[at + 1:]
    report = toolkit.parse_text("\n".join(moved))
    assert report.metadata["agency"] == agency and "agency_unknown" not in {f.code for f in report.flags}
    # a sentence below the title is no agency
    moved[at + 1] = "本报告由" + agency + "编制。"
    assert toolkit.parse_text("\n".join(moved)).metadata["agency"] is None


# --- what the eighteenth-session review left alone (helper meta6) ---------------------------------------------------


def _seed_000_dated(line: str) -> list[dict]:
    """Seed 000's metadata with ``line`` for the line under its title ('投稿:huoruiqi  来源:时间:2021年01月31日'),
    as written and in traditional characters (OpenCC s2t)."""
    import opencc

    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    edited = text.replace("投稿:huoruiqi  来源:时间:2021年01月31日", line, 1)
    assert edited != text
    return [toolkit.parse_text(doc).metadata for doc in (edited, opencc.OpenCC("s2t").convert(edited))]


@pytest.mark.parametrize("line", ["2021-01-20", "2021年1月20日", "[2021-01-20 10:30]", "2021.01.20 10:30:05",
                                  "二〇二一年一月二十日", "来源：驻马店市住房和城乡建设局 2021-01-20",
                                  "来源:驻马店市住房和城乡建设局  2021年1月20日", "信息来源：2021-01-20",
                                  # a label of more than two characters, its date with no colon nor space after it
                                  "发布时间2021-01-20", "来源：驻马店市住房和城乡建设局 发布日期2021年1月20日 浏览次数：3",
                                  "发布日期 ：2021年1月20日", "时间:2021.01.20",
                                  # before the page's furniture (helper fuzz4: was not read)
                                  "2021-01-20 浏览次数：3", "来源：驻马店市住房和城乡建设局 2021年1月20日  字体：【大 中 小】",
                                  "[2021-01-20 10:30] 分享到：",
                                  # the date glued to its label in brackets or in Chinese numerals (meta9: was not read)
                                  "发布时间[2021-01-20 10:30]", "发布时间【2021-01-20】", "发布日期（2021年1月20日）",
                                  "发布时间二〇二一年一月二十日", "来源：驻马店市住房和城乡建设局 发布时间【2021-01-20】 浏览次数：3",
                                  # with its weekday (meta42: was not read)
                                  "2021年1月20日 星期三", "2021-01-20（周三）", "[2021-01-20 星期三 10:30]",
                                  "2021-01-20 10:30 星期三", "来源：驻马店市住房和城乡建设局 2021-01-20 周三"])
def test_a_publication_date_beside_the_title(line):
    # seed 000's line under its title ('投稿:huoruiqi  来源:时间:2021年01月31日') replaced: a date with no label,
    # after the page's source, or after a label with no colon, was not read (published None: seed 000 is unsigned)
    for result in _seed_000_dated(line):
        assert result["published"] == "2021-01-20", line


@pytest.mark.parametrize("line", ["统计时间2020年1月1日至2020年12月31日", "发布时间2020年1月1日至2020年12月31日",
                                  "2021-01-20 我局召开政务公开工作会议", "来源：驻马店市住房和城乡建设局",
                                  "截至时间2020年12月31日", "2021年1月",
                                  # (meta9) the same in brackets or in Chinese numerals
                                  "统计时间二〇二〇年一月一日至二〇二〇年十二月三十一日", "统计时间【2020年1月1日】",
                                  "截至时间[2020-12-31]", "发布时间【2020年1月1日至2020年12月31日】"])
def test_no_publication_date_beside_the_title(line):
    # a period, a date in a sentence, a source with no date, a date after 时间 with no colon (narrative: 统计时间…),
    # a month: no publication date
    for result in _seed_000_dated(line):
        assert result["published"] is None, line


@pytest.mark.parametrize("seed", ["000", "001", "004"])
@pytest.mark.parametrize("crumb", ["首页 > 政务公开 > {}", "首页/政务公开/{}", "当前位置：首页 » 部门信息公开 » {}",
                                   "首页 政务公开 {}",
                                   # the agency's link before the names of its columns (meta7: was no agency)
                                   "首页 > 部门 > {} > 年度报告", "首页/政务公开/{}/政府信息公开年报/正文",
                                   "当前位置：首页 » 部门信息公开 » {} » 法定主动公开内容 » 信息公开年报",
                                   "首页 政务公开 {} 年报专栏"])
def test_a_breadcrumb_ending_in_the_agency(seed, crumb):
    import toolkit

    text = next(RAW.glob(f"{seed}*.txt")).read_text(encoding="utf-8")
    original = toolkit.parse_text(text).metadata
    agency = original["agency"]
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if agency in line and "报告" in line)
    untitled = lines[:at] + [crumb.format(agency), lines[at].replace(agency, "", 1)] + lines[at + 1:]
    # the title without the agency, a breadcrumb ending in it above: was no agency (agency_unknown)
    report = toolkit.parse_text("\n".join(untitled))
    assert {k: report.metadata[k] for k in ("agency", "level", "agency_kind", "province")} == {
        k: original[k] for k in ("agency", "level", "agency_kind", "province")}
    assert "agency_unknown" not in {f.code for f in report.flags}
    # ending in a column's name, or in a word the name of no body: no agency
    for column in ("政府信息公开年报", "年度报告", "正文"):
        untitled[at] = crumb.format(column)
        assert toolkit.parse_text("\n".join(untitled)).metadata["agency"] is None
    # a link after the agency's that is no column's name (a unit of the agency, a word): no agency
    for other in ("业务科", "张三"):
        untitled[at] = crumb.format(agency).replace(agency, agency + " > " + other)
        assert toolkit.parse_text("\n".join(untitled)).metadata["agency"] is None, untitled[at]


@pytest.mark.parametrize("line", ["2021年元月31日", "2021年1月31号", "【2021年元月31日】", "2021年1月31号 浏览次数：3",
                                  "来源：驻马店市住房和城乡建设局 2021年元月31日"])
def test_a_date_under_the_title_with_its_month_yuan_or_its_day_hao(line):
    # Seed 000's date under its title written 元月 for January or its day marked 号 ('2021年元月31日', '2021年1月31号'):
    # read as no date, published NA, where the same date as a signature's or in Chinese numerals was read
    for result in _seed_000_dated(line):
        assert (result["published"], result["report_year"]) == ("2021-01-31", 2020), line


@pytest.mark.parametrize("line", ["2021年正月31日", "2021年1月", "20210131"])
def test_a_date_under_the_title_that_is_no_whole_date(line):
    # control: a lunar month's name, no day, or digits run together give no publication date
    for result in _seed_000_dated(line):
        assert result["published"] is None, line


def _seed_clauses(ending: str) -> list[str]:
    """The clauses of the real reports' text (between punctuation) that end with ``ending``."""
    import re

    from toolkit.normalize import HAN_RANGES

    text = "\n".join(normalize_text(path.read_text(encoding="utf-8-sig")) for path in sorted(RAW.glob("*.txt")))
    return sorted({c for c in re.split(rf"[^{HAN_RANGES}]+", text) if c.endswith(ending) and 2 <= len(c) <= 40})


def test_words_ending_in_lian_or_xie_are_no_agencies():
    import toolkit

    # the real reports' clauses ending in 联 or 协 ('我局通过关联'), and ordinary words so ending, alone under a
    # title naming no agency: taken for the agency since 联 and 协 were department endings; the mass bodies' short
    # forms still are
    clauses = _seed_clauses("联") + _seed_clauses("协")
    assert "我局通过关联" in clauses
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    for clause in clauses + ["互联互通", "相互关联", "达成妥协", "加强部门协"]:
        assert toolkit.parse_text("2020年政府信息公开工作年度报告\n" + clause + body).metadata["agency"] is None, clause
    for agency in ("驻马店市妇联", "驻马店市残联", "驻马店市工商联", "驻马店市侨联", "驻马店市文联", "驻马店市科协"):
        meta_ = toolkit.parse_text("2020年政府信息公开工作年度报告\n" + agency + body).metadata
        assert (meta_["agency"], meta_["agency_kind"]) == (agency, "department")


# --- what the twentieth-session review left alone (helper meta7) ----------------------------------------------------


# clauses of the real reports that do name a body (or end as one's name does), and so stay agency-like
# ('请联系平潭综合实验区市场监督管理局办公室' and '并结合国务院办公厅政府信息与政务公开办公室' were kept so: clauses of a
# sentence, no names, since helper meta8)
_NAMING_CLAUSES = {"平潭综合实验区党工委管委会", "街道办事处"}


def test_words_ending_in_one_character_department_endings_are_no_agencies():
    import toolkit

    # the real reports' clauses ending in 署, 站, 室, 会 or 办 ('统一部署', '政府网站', '相关业务科室', '精准领会',
    # '一网通办', and a document number's issuer '乌府办'), alone under a title naming no agency: taken for the agency
    # since those single characters were department endings; and those ending in 处 ('…落到实处')
    clauses = [c for end in "署站室会办处" for c in _seed_clauses(end)]
    assert {"与业务工作统一部署", "政府网站", "科室", "精准领会", "一网通办", "乌府办", "确保政府信息公开工作落到实处"} <= set(clauses)
    assert _NAMING_CLAUSES <= set(clauses)
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    for clause in [c for c in clauses if c not in _NAMING_CLAUSES] + ["召开座谈会", "加油站", "阅览室", "承办"]:
        assert toolkit.parse_text("2020年政府信息公开工作年度报告\n" + clause + body).metadata["agency"] is None, clause


@pytest.mark.parametrize("agency, level, kind", [
    ("海关总署", "national", "department"), ("审计署", "national", "department"),
    ("驻马店市救助管理站", "prefecture", "department"), ("正阳县农业技术推广站", "county", "department"),
    ("驻马店市水文水资源勘测站", "prefecture", "department"), ("中共驻马店市委政策研究室", "prefecture", "department"),
    ("驻马店市地方史志研究室", "prefecture", "department"), ("驻马店市红十字会", "prefecture", "department"),
    ("驻马店市科学技术协会", "prefecture", "department"), ("驻马店市人大常委会", "prefecture", "department"),
    ("驻马店市妇女联合会", "prefecture", "department"), ("驻马店市总工会", "prefecture", "department"),
    ("正阳县人民政府办公室", "county", "government"), ("正阳县政府办", "county", "department"),
    ("中共正阳县委办", "county", "department"), ("驻马店市外事办", "prefecture", "department"),
    ("驻马店市信访办", "prefecture", "department"), ("驻马店市编办", "prefecture", "department"),
    ("驻马店市人民政府外事办", "prefecture", "department"), ("乌当区政务服务中心", "county", "department"),
    ("驻马店市公路管理处", "prefecture", "department"), ("驻马店市驿城区新华街道办事处", "township", "government"),
])
def test_bodies_ending_in_one_character_department_endings(agency, level, kind):
    import toolkit

    # real bodies' names ending in 署, 站, 室, 会 or 办 alone under a title naming no agency: still read, with
    # their tier and kind
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    meta_ = toolkit.parse_text("2020年政府信息公开工作年度报告\n" + agency + text[text.index("\n"):]).metadata
    assert (meta_["agency"], meta_["level"], meta_["agency_kind"]) == (agency, level, kind)


def _seed_000_dated_above(line: str, title: str = "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告") -> list[dict]:
    """Seed 000's metadata with ``line`` on a line of its own above its title (written as ``title``) and the dated
    line under the title ('投稿:huoruiqi  来源:时间:2021年01月31日') left out, as written and in traditional
    characters (OpenCC s2t)."""
    import opencc

    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    edited = line + "\n" + text.replace("投稿:huoruiqi  来源:时间:2021年01月31日", "", 1).replace(
        "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告", title, 1)
    assert edited.count("2021年01月31日") < text.count("2021年01月31日")
    return [toolkit.parse_text(doc).metadata for doc in (edited, opencc.OpenCC("s2t").convert(edited))]


@pytest.mark.parametrize("line", ["2021-01-20", "2021年1月20日", "[2021-01-20]", "【2021.01.20】", "二〇二一年一月二十日",
                                  "  2021/01/20  "])
@pytest.mark.parametrize("title", ["驻马店市住房和城乡建设局2020年政府信息公开工作年度报告",
                                   # broken over lines, the agency's name on a line of its own or broken
                                   "驻马店市住房和城乡建设局\n2020年政府信息公开工作年度报告",
                                   "驻马店市住房和城乡建设局2020年\n政府信息公开工作年度报告",
                                   "驻马店市住房和城\n乡建设局2020年\n政府信息公开工作年度报告"])
def test_a_publication_date_above_the_title(line, title):
    # a date alone on the line above the title: was not read (published None: seed 000 is unsigned)
    for result in _seed_000_dated_above(line, title):
        assert (result["published"], result["agency"], result["report_year"]) == (
            "2021-01-20", "驻马店市住房和城乡建设局", 2020), (line, title)


@pytest.mark.parametrize("line", ["2020年1月1日至2020年12月31日", "2021-01-20 我局召开政务公开工作会议", "2021年1月",
                                  # with its time: maybe the date a browser printed the page on
                                  "2021/1/30 18:41", "2021/1/30 下午6:41", "来源：驻马店市住房和城乡建设局 2021-01-20"])
def test_no_publication_date_above_the_title(line):
    # a period, a date in a sentence, a month, a date and time, a source line above the title: no publication date
    for result in _seed_000_dated_above(line):
        assert result["published"] is None, line



def _seed_000_page(tmp_path: Path, page_title: str, heading: str | None, encoding: str = "utf-8") -> list:
    """Seed 000 as an HTML page titled ``page_title`` (its ``<title>``), ``heading`` for its title line in the
    page's text (its <h1>, none when None), read from a file written in ``encoding``, as written and in
    traditional characters (OpenCC s2t): the reports."""
    import html

    import opencc

    import toolkit

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    out = []
    for name, convert in (("simplified", str), ("traditional", opencc.OpenCC("s2t").convert)):
        page = (f"<html><head><meta charset='{encoding}'><title>{html.escape(page_title)}</title></head><body>"
                + (f"<h1>{html.escape(heading)}</h1>" if heading is not None else "")
                + "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line.strip()) + "</body></html>")
        path = tmp_path / f"{name}.html"
        path.write_bytes(convert(page).encode(encoding, errors="replace"))
        out.append(toolkit.parse_report(path))
    return out


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("page_title, heading", [
    # the report's title only in the page's <title>: was no title (no_title, agency_unknown, year_inferred)
    ("驻马店市住房和城乡建设局2020年政府信息公开工作年度报告", None),
    ("驻马店市住房和城乡建设局2020年政府信息公开工作年度报告_驻马店市人民政府", None),
    # the <h1> naming no agency, the <title> the report's title after the site's name: was no agency
    ("驻马店市人民政府 - 驻马店市住房和城乡建设局2020年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告"),
    ("驻马店市住房和城乡建设局2020年政府信息公开工作年度报告 | 政务公开", "政府信息公开工作年度报告"),
    # the <title> another report's (a site's template left unchanged): the <h1>'s, the text's, is read
    ("正阳县财政局2019年政府信息公开工作年度报告", "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告"),
])
def test_the_page_title_of_an_html_report(tmp_path, page_title, heading, encoding):
    for report in _seed_000_page(tmp_path, page_title, heading, encoding):
        meta_ = report.metadata
        assert (meta_["agency"], meta_["report_year"], meta_["level"], meta_["province"]) == (
            "驻马店市住房和城乡建设局", 2020, "prefecture", "河南")
        assert not {"no_title", "agency_unknown", "year_inferred"} & {f.code for f in report.flags}


@pytest.mark.parametrize("page_title", ["驻马店市住房和城乡建设局", "驻马店市人民政府门户网站", "政府信息公开年报_驻马店市人民政府",
                                        "统一部署 - 政府网站"])
def test_a_page_title_naming_no_report(tmp_path, page_title):
    # a page's <title> that is no report's title (the site's or its agency's name alone), or one naming no agency:
    # no agency, as with no <title>
    for report in _seed_000_page(tmp_path, page_title, "2020年政府信息公开工作年度报告"):
        assert report.metadata["agency"] is None and "agency_unknown" in {f.code for f in report.flags}


@pytest.mark.parametrize("name", ["驻马店市住房和城乡建设局2020年政府信息公开工作年度报告.txt",
                                  "2020年驻马店市住房和城乡建设局政府信息公开工作年度报告.txt",
                                  "附件1：驻马店市住房和城乡建设局2020年政府信息公开工作年度报告.txt",
                                  "1_驻马店市住房和城乡建设局2020年政府信息公开工作年度报告(1).txt"])
def test_the_agency_from_a_file_name_that_is_the_title(tmp_path, name):
    import opencc

    import toolkit

    # seed 000 without its title (nor signature): its file named with the report's title gave no agency
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    for convert in (str, opencc.OpenCC("s2t").convert):
        path = tmp_path / convert(name)
        path.write_text(convert(text[text.index("\n") + 1:]), encoding="utf-8")
        meta_ = toolkit.parse_report(path).metadata
        assert (meta_["agency"], meta_["level"], meta_["province"]) == ("驻马店市住房和城乡建设局", "prefecture", "河南")
        # a title in the text, or a signature, goes before the file's name
        path.write_text(convert("正阳县财政局2020年政府信息公开工作年度报告\n" + text[text.index("\n") + 1:]),
                        encoding="utf-8")
        assert toolkit.parse_report(path).metadata["agency"] == "正阳县财政局"


@pytest.mark.parametrize("name", ["驻马店市住房和城乡建设局.txt", "2020年政府信息公开工作年度报告.txt", "report_2020.txt",
                                  "驻马店市住房和城乡建设局2020年工作总结.txt"])
def test_no_agency_from_a_file_name_that_is_no_title(tmp_path, name):
    import toolkit

    # an agency's name alone (a folder's, a collector's label), a title naming no agency, an id: no agency
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text[text.index("\n") + 1:], encoding="utf-8")
    assert toolkit.parse_report(path).metadata["agency"] is None


# --- a page's furniture and the report's own sentences near the title (helper fuzz4) ---------------------------------

_TITLED = ["000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db", "004_b232cca7e491c758", "pingtan-2020-05",
           "pingtan-2023-01"]


@lru_cache(maxsize=None)
def _page(stem: str) -> tuple[list[str], int, dict]:
    """The seed's raw lines, the index of its title line and its metadata as read."""
    import toolkit

    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8-sig")
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if metadata.is_report_title(line))
    return lines, title, toolkit.parse_text(text).metadata


@pytest.mark.parametrize("stem", ["000_438c5e5d2b6f4db4", "004_b232cca7e491c758", "pingtan-2020-05"])
@pytest.mark.parametrize("above", ["政务公开/政府信息公开年报", "政务公开 政府信息公开年报", "年度报告/政务公开",
                                   "年度报告 部门信息公开", "正文", "工作动态", "通知公告", "目录", "附件", "打印本页"])
def test_a_column_path_or_name_above_the_title_is_no_part_of_it(stem, above):
    # a column's path with no home link ('政务公开/政府信息公开年报') was taken for a title naming the agency '政务公开/';
    # a column's name alone above seed 004's title ('正文' / '市住建局2020年…') was read as a place by the bare '市'
    # after it ('正文市住建局', a county body)
    import toolkit

    lines, title, original = _page(stem)
    got = toolkit.parse_text("\n".join([*lines[:title], above, *lines[title:]])).metadata
    assert {k: got[k] for k in ("agency", "report_year", "level", "province")} == {
        k: original[k] for k in ("agency", "report_year", "level", "province")}, above


def test_a_place_above_a_title_naming_a_bare_city_is_still_joined():
    import toolkit

    lines, title, original = _page("004_b232cca7e491c758")
    assert original["agency"] == "市住建局"
    got = toolkit.parse_text("\n".join([*lines[:title], "驻马店", *lines[title:]])).metadata
    assert (got["agency"], got["province"]) == ("驻马店市住建局", "河南")


_BODY_SENTENCES = sorted({s for path in sorted(RAW.glob("*.txt"))
                          for line in normalize_text(path.read_text(encoding="utf-8-sig")).split("\n")[5:]
                          for s in __import__("re").findall(r"[^。；！？\n|]{6,70}[。；]", line)})
_DATES = ["2021年1月20日", "2021-01-20", "2020年12月31日", "2021.01.20", "二〇二一年一月二十日", "1月20日", "2020年"]
_LINKS = ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "年度报告", "正文", "部门信息公开", "信息公开目录",
          "法定主动公开内容", "政策文件", "工作动态", "通知公告"]
_COLUMNS = ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
            "采购总金额(万元)", "本年制发件数", "现行有效件数", "申请人情况", "自然人", "总计", "行政复议", "尚未审结",
            "统计指标", "单位", "统计数"]
_sentence = st.sampled_from(_BODY_SENTENCES)
_NOISE = st.one_of(
    _sentence,  # the report's own sentences, also opened or closed by a date
    st.tuples(st.sampled_from(_DATES), st.sampled_from(["，", ",", " ", ""]), _sentence).map("".join),
    st.tuples(_sentence, st.sampled_from(_DATES)).map(lambda t: t[0].rstrip("。；") + "，截至" + t[1] + "。"),
    # a site's column path, its links in any order, and a table's column names
    st.tuples(st.lists(st.sampled_from(_LINKS), min_size=2, max_size=5),
              st.sampled_from([" > ", "/", " » ", " ", ">"])).map(lambda t: t[1].join(t[0])),
    st.tuples(st.lists(st.sampled_from(_COLUMNS), min_size=1, max_size=5),
              st.sampled_from([" | ", " ", "\t", ""])).map(lambda t: t[1].join(t[0])),
    st.sampled_from(_DATES).map(lambda d: "统计时间" + d + "至2020年12月31日"),
    st.sampled_from(["浏览次数：3", "字体：【大 中 小】", "打印本页", "关闭窗口", "分享到："]),
)


@settings(max_examples=scaled(60), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_TITLED), st.integers(0, 2), st.lists(_NOISE, min_size=1, max_size=3))
# (a sentence holding a site footer's word, 技术支持 of '技术支持科室', after a date opening it was read as the page's
# furniture after a signature's date: the date was the publication's)
@example("pingtan-2023-01", 0, ["2021年1月20日，制定印发了相关工作规则,明确信息公开工作的牵头科室、技术支持科室以及其他责任科室。"]
         ).via("discovered failure")
def test_sentences_columns_and_dates_near_the_title_are_never_its_fields(stem, offset, noise):
    # lines a page or the report may set around its title: the agency and year stay the title's, and the
    # publication date is the page's or none (moved off the line under the title), never a date of the noise
    import toolkit

    lines, title, original = _page(stem)
    at = title + offset
    got = toolkit.parse_text("\n".join([*lines[:at], *noise, *lines[at:]])).metadata
    assert (got["agency"], got["report_year"]) == (original["agency"], original["report_year"])
    assert got["published"] in (original["published"], None)


# --- what the twentieth-session review left alone (helper meta8) ----------------------------------------------------


def _clause_marks() -> tuple[list[str], list[str]]:
    """metadata.yaml's clause_starts and clause_words."""
    import yaml

    rules = yaml.safe_load((Path(__file__).parents[1] / "toolkit/data/metadata.yaml").read_text(encoding="utf-8"))
    return rules["agency"]["clause_starts"], rules["agency"]["clause_words"]


def test_clauses_ending_in_a_body_are_no_agencies():
    import toolkit

    # every clause of the real reports that starts with a conjunction, a preposition or a verb, or holds a word no
    # name holds, alone under a title naming no agency: those ending in a body's name ('和国务院', '按照省委',
    # '定期向区档案馆', '请联系…办公室') were taken for the agency
    starts, words = _clause_marks()
    clauses = [c for c in _seed_clauses("") if c.startswith(tuple(starts)) or any(w in c for w in words)]
    assert {"上级业务主管部门专家以及法院", "和国务院", "请联系平潭综合实验区市场监督管理局办公室", "按照省委",
            "并结合国务院办公厅政府信息与政务公开办公室", "定期向区档案馆", "对各乡", "在区委", "要求各乡",
            "主动公开方面平潭综合实验区切实落实国务院办公厅", "紧紧围绕实验区党工委", "赴杭州"} <= set(clauses)
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    for clause in clauses:
        assert toolkit.parse_text("2020年政府信息公开工作年度报告\n" + clause + body).metadata["agency"] is None, clause
    # so in a page's <title> and on the line above a title with a date between them
    assert toolkit.parse_text("按照省委\n2021-01-20\n2020年政府信息公开工作年度报告" + body).metadata["agency"] is None


@pytest.mark.parametrize("clause", ["联系平潭综合实验区市场监督管理局办公室", "联系区政府办公室"])
def test_a_clause_in_taiwans_words_is_no_agency(clause):
    import opencc

    import toolkit

    # OpenCC s2twp writes the clause's first word 联系 as 聯絡, which t2s leaves 联络, no word of metadata.yaml
    # clause_starts: the clause, alone under a title naming no agency, was taken for the agency
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    report = "2020年政府信息公开工作年度报告\n" + clause + text[text.index("\n"):]
    assert toolkit.parse_text(report).metadata["agency"] is None
    assert toolkit.parse_text(opencc.OpenCC("s2twp").convert(report)).metadata["agency"] is None


@pytest.mark.parametrize("agency, level", [
    # places the gazetteer knows starting with a clause's first word
    ("和平区财政局", "county"), ("和县人民政府", "county"), ("向阳区住房和城乡建设局", "county"), ("和龙市教育局", "county"),
    ("和田地区行政公署", "prefecture"),
    # names holding such a word elsewhere, and the real reports' agencies
    ("驻马店市中西医结合医院", "prefecture"), ("驻马店市对外贸易经济合作局", "prefecture"),
    ("平潭综合实验区交通与建设局", "prefecture"), ("驻马店市住房和城乡建设局", "prefecture"),
])
def test_bodies_starting_as_a_clause_does(agency, level):
    import toolkit

    # real names alone under a title naming no agency: still read
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    meta_ = toolkit.parse_text("2020年政府信息公开工作年度报告\n" + agency + text[text.index("\n"):]).metadata
    assert (meta_["agency"], meta_["level"]) == (agency, level)


def test_the_gazetteer_names_are_no_clauses():
    # every place the gazetteer knows that starts with a clause's first word, with a department after it, read
    starts = tuple(_clause_marks()[0])
    names = set()
    for name in ("gazetteer.csv", "gazetteer_changes.csv"):
        with open(Path(__file__).parents[1] / "toolkit/data" / name, encoding="utf-8") as f:
            names |= {row["name"] for row in csv.DictReader(f) if row["name"].startswith(starts)}
    assert {"和平区", "和县", "向阳区"} <= names
    for name in sorted(names):
        lines = ["2020年政府信息公开工作年度报告", name + "财政局", "一、总体情况"]
        assert extract_metadata(lines)["agency"] == name + "财政局", name


@pytest.mark.parametrize("date", ["2021-01-20", "[2021年1月20日]", "2021/01/20"])
@pytest.mark.parametrize("agency", ["驻马店市住房和城乡建设局", "驻马店市住建局"])
def test_the_agency_above_a_date_above_the_title(agency, date):
    # the agency's name on a line of its own, then the page's date, then a title naming no agency: the date was
    # read, the agency not (only the line right above the title was looked at)
    for result in _seed_000_dated_above(agency + "\n" + date, "2020年政府信息公开工作年度报告"):
        assert (result["agency"], result["published"], result["level"], result["province"]) == (
            agency, "2021-01-20", "prefecture", "河南")


@pytest.mark.parametrize("between", ["2021-01-20 我局召开会议", "来源：驻马店市住房和城乡建设局 2021-01-20", "第1页"])
def test_no_agency_above_a_line_that_is_no_date(between):
    # a line between the name and the title that is no date alone: the name is not read
    for result in _seed_000_dated_above("正阳县财政局\n" + between, "2020年政府信息公开工作年度报告"):
        assert result["agency"] != "正阳县财政局", between


def _seed_000_docx(tmp_path: Path, title: str) -> "toolkit.Report":
    """Seed 000 as a DOCX titled ``title`` in its properties (docProps/core.xml), its first line
    '2020年政府信息公开工作年度报告' (naming no agency), the report."""
    import docx

    import toolkit

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    document = docx.Document()
    for line in ["2020年政府信息公开工作年度报告"] + [line for line in lines[1:] if line.strip()]:
        document.add_paragraph(line)
    document.core_properties.title = title
    path = tmp_path / "report.docx"
    document.save(path)
    return toolkit.parse_report(path)


@pytest.mark.parametrize("title", ["驻马店市住房和城乡建设局2020年政府信息公开工作年度报告",
                                   "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告_驻马店市人民政府"])
def test_the_property_title_of_a_docx_report(tmp_path, title):
    from toolkit.readers import read_document

    # a DOCX's title in its properties, the report's: was not read (agency_unknown)
    report = _seed_000_docx(tmp_path, title)
    assert read_document(tmp_path / "report.docx").title == title
    meta_ = report.metadata
    assert (meta_["agency"], meta_["report_year"], meta_["level"], meta_["province"]) == (
        "驻马店市住房和城乡建设局", 2020, "prefecture", "河南")


@pytest.mark.parametrize("title, read", [("Normal", None), ("文档1", None), ("Document1", None), ("新建 Microsoft Word 文档", None),
                                         # Word's in Taiwan's words, and OpenCC s2twp's of 新建 … 文档 (文档 → 文件)
                                         ("文件1", None), ("新增 Microsoft Word 文件", None), ("新建 Microsoft Word 文件", None),
                                         ("Microsoft Word - 驻马店市住房和城乡建设局2020年政府信息公开工作年度报告.doc", None),
                                         ("", None), ("驻马店市人民政府门户网站", "驻马店市人民政府门户网站")])
def test_a_docx_property_title_naming_no_report(tmp_path, title, read):
    from toolkit.readers import read_document

    # a template's or a new document's name, a converter's stamp, the site's name: no agency
    report = _seed_000_docx(tmp_path, title)
    assert read_document(tmp_path / "report.docx").title == read
    assert report.metadata["agency"] is None and "agency_unknown" in {f.code for f in report.flags}


def _seed_000_pdf(tmp_path: Path, title: str | None) -> "toolkit.Report":
    """Seed 000 as a PDF titled ``title`` in its document information, its first line
    '2020年政府信息公开工作年度报告' (naming no agency), the report."""
    import toolkit

    try:
        from renderers import render_pdf
    except ImportError:  # tests/ imported as a package
        from tests.renderers import render_pdf

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    path = tmp_path / "report.pdf"
    render_pdf(["2020年政府信息公开工作年度报告"] + [line for line in lines[1:] if line.strip()], path, title=title)
    return toolkit.parse_report(path)


def test_the_info_title_of_a_pdf_report(tmp_path):
    from toolkit.readers import read_document

    # a PDF's Title in its document information, the report's (UTF-16 with its byte order mark): was not read
    title = "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告"
    meta_ = _seed_000_pdf(tmp_path, title).metadata
    assert read_document(tmp_path / "report.pdf").title == title
    assert (meta_["agency"], meta_["report_year"], meta_["level"], meta_["province"]) == (
        "驻马店市住房和城乡建设局", 2020, "prefecture", "河南")


@pytest.mark.parametrize("title", ["Untitled", "PowerPoint Presentation", "Microsoft Word - 文档1.docx",
                                   "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告.doc", None])
def test_a_pdf_info_title_naming_no_report(tmp_path, title):
    from toolkit.readers import read_document

    # a template's name, a converter's stamp, a file's name, no Title: no agency
    report = _seed_000_pdf(tmp_path, title)
    assert read_document(tmp_path / "report.pdf").title is None
    assert report.metadata["agency"] is None and "agency_unknown" in {f.code for f in report.flags}


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-8", "gb18030"])
def test_a_pdf_info_title_in_a_producers_encoding(encoding):
    from toolkit.pdf import _pdf_text_string

    # a Title written in UTF-8 or GB18030 without a byte order mark (as some Chinese producers do): pdfminer's
    # PDFDocEncoding gives mojibake ('é©»é©¬åº…'), each is read as written
    title = "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告"
    data = (b"\xfe\xff" if encoding == "utf-16-be" else b"") + title.encode(encoding)
    assert _pdf_text_string(data) == title
    assert _pdf_text_string(b"Annual report") == "Annual report"


# --- what the twentieth-session review left alone: phrases ending as a place or a government (helper meta10) --------


# the real reports' phrases that end as a place or a government's name does: a year's tail glued to a district
# ('《2020年度乌当区…方案》', seed 001), a collective ('对各乡(镇)、街道…', seed 001), a clause about a merger ('将12319
# 城建服务热线并入哈密市12345…', seed 002), a slogan ('“一岛两窗三区”建设', pingtan-2023-02), a kind of government
# ('推进服务型政府、法制型政府、阳光型政府的建设', seed 001)
_SEED_PHRASES = ["年度乌当区", "各乡", "城建服务热线并入哈密市", "一岛两窗三区", "法制型政府"]
_PHRASES = ["年度乌当区", "各乡", "城建服务热线并入哈密市", "一岛两窗三区", "法制型政府", "法治型政府", "服务型政府",
            "透明政府", "阳光型政府", "各县", "各街道", "全县", "我区", "本市", "该县", "各乡人民政府", "年度乌当区人民政府",
            "乌当区法治政府"]
# (helper meta11) more: an address's tail ('贵阳市乌当区航天路7号乌当区行政中心', seed 001), the Party committee and the
# government named together ('被省委省政府办采用', seed 003; '、省委省政府、', pingtan-2020-05), a zone's name without
# its city ('医药高新区(高港区)住房和城乡建设局', seed 003)
_SEED_PHRASES_2 = ["号乌当区行政中心", "省委省政府", "医药高新区"]
_PHRASES_2 = ["号乌当区行政中心", "号贵阳市乌当区行政中心", "省委省政府", "市委市政府", "区委区政府", "正阳县委县政府",
              "街道", "医药高新区", "开发区", "各乡镇人民政府", "乡镇人民政府", "各级人民政府", "人民政府", "两区三县",
              "一区两县", "三乡五镇"]


def _seed_000_placed(name: str) -> list[dict]:
    """Seed 000's metadata with its title naming no agency ('2020年政府信息公开工作年度报告') and ``name`` where the
    extractor looks for the agency: on the line under the title, on the line above it, above the date signing it."""
    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):]
    docs = ["2020年政府信息公开工作年度报告\n" + name + body, name + "\n2020年政府信息公开工作年度报告" + body,
            "2020年政府信息公开工作年度报告" + body.rstrip() + "\n" + name + "\n2021年1月20日\n"]
    return [toolkit.parse_text(doc).metadata for doc in docs]


@pytest.mark.parametrize("seed_phrases, phrases", [(_SEED_PHRASES, _PHRASES), (_SEED_PHRASES_2, _PHRASES_2)])
def test_phrases_ending_as_a_place_or_a_government_are_no_agencies(seed_phrases, phrases):
    # the real reports' phrases that end as a place or a government's name does, and such phrases: read as the
    # agency (a county or township government, or one of no kind) where the extractor looks for one; the second
    # set, also phrases ending as a department's name (after a house number's 号), the Party committee and the
    # government named together (two bodies: neither is told the report's), a bare level or a zone with no place,
    # a collective of governments (乡镇 is no place), a count split into places (helper meta11)
    import re

    from toolkit.normalize import HAN_RANGES

    text = "\n".join(normalize_text(path.read_text(encoding="utf-8-sig")) for path in sorted(RAW.glob("*.txt")))
    assert set(seed_phrases) <= set(re.split(rf"[^{HAN_RANGES}]+", text))
    for phrase in phrases:
        for result in _seed_000_placed(phrase):
            assert result["agency"] is None, phrase


@pytest.mark.parametrize("agency, level, kind", [
    ("贵阳市乌当区人民政府", "county", "government"), ("哈密市人民政府", "prefecture", "government"),
    ("平潭综合实验区管委会", "prefecture", "government"), ("乡人民政府", "township", "government"),
    ("乌当区", "county", "government"), ("哈密市", "prefecture", "government"),
    ("乌当区人民政府", "county", "government"), ("贵阳市乌当区", "county", "government"),
    # places the gazetteer knows starting as a collective does, places named with numerals in one run
    ("全州县人民政府", "county", "government"), ("本溪市", "prefecture", "government"),
    ("三门峡市人民政府", "prefecture", "government"), ("二道白河镇", "township", "government"),
    ("三十里铺镇人民政府", "township", "government"), ("新华街道办事处", "township", "government"),
    # (helper meta14) the places of the phrases after a year's tail or a house number alone, a district the
    # gazetteer does not know ending as one it knows (东区), townships starting with 年 or 号 (丰镇市 is a county's)
    ("赵县", "county", "government"), ("赵县人民政府", "county", "government"),
    ("镇江市", "prefecture", "government"), ("镇江市人民政府", "prefecture", "government"),
    ("晋城市人民政府", "prefecture", "government"), ("港东区", "county", "government"),
    ("港东区人民政府", "county", "government"), ("年丰镇", "township", "government"),
    ("号山镇", "township", "government"),
])
def test_names_of_governments_beside_such_phrases(agency, level, kind):
    # real names of governments and places where the phrases stood: still read, with their tier and kind
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)


@pytest.mark.parametrize("phrase", ["年度赵县", "年赵县", "年度赵县人民政府", "号赵县行政中心", "年度东区", "年度镇江市",
                                    "年度镇江市人民政府", "年度晋城市人民政府", "号晋城市行政中心", "号镇江市"])
def test_places_the_gazetteer_knows_after_a_years_tail_or_a_house_number(phrase):
    # a year's tail (年度, 年) or a house number's 号 glued before a place the gazetteer knows: a two-character
    # county (赵县, 东区), a name whose 镇 was read as a township's ending (镇江市), one read as no place
    # (晋城市: 城市 is no place's stem) were read as the agency where the extractor looks for one (helper meta14)
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase


def test_the_gazetteer_names_are_no_phrases():
    # every place the gazetteer knows, alone and as its government's name, reads as an agency's name (a phrase is
    # told only of a place it does not know)
    names = set()
    for name in ("gazetteer.csv", "gazetteer_changes.csv"):
        with open(Path(__file__).parents[1] / "toolkit/data" / name, encoding="utf-8") as f:
            names |= {row["name"] for row in csv.DictReader(f)}
    assert {"全州县", "本溪市", "诸城市", "乌当区", "哈密市"} <= names
    for name in sorted(names):
        assert metadata._agency_like(name) and metadata._agency_like(name + "人民政府"), name


# --- what the twenty-first-session review left alone (helper meta15) --------------------------------------------------


@pytest.mark.parametrize("phrase", ["七号晋城市行政中心", "十二号乌当区行政中心", "七号赵县", "二〇二〇年度乌当区",
                                    "年度度假区管委会", "年度假区管委会", "号开发区管委会"])
def test_a_house_number_in_numerals_or_a_zone_after_a_years_tail(phrase):
    # an address's house number in Chinese numerals before its 号 ('…路七号晋城市行政中心'), a year's tail before a
    # zone's ending with no place before it ('2020年度度假区管委会…': 年度 and a zone named by nothing) were read as a
    # department or a government of no tier where the extractor looks for the agency
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase


@pytest.mark.parametrize("phrase", ["镇党委镇政府", "正阳镇党委正阳镇人民政府", "区委办区政府办", "县委办县政府办",
                                    "街道党工委街道办事处", "凤台东街晋城市行政中心", "泽州路晋城市行政中心",
                                    "路晋城市行政中心", "一月二十日晋城市人民政府", "东街诸城市行政中心"])
def test_a_townships_committee_and_government_or_a_road_before_a_known_name(phrase):
    # a township's Party committee and government named together, the district's committee's office and the
    # government's (two bodies, as 县委县政府), a road's name or a date's tail before a name the gazetteer knows
    # holding 城市 (晋城市, 诸城市: no place was read, so no phrase either) were read as a township government, a
    # county department or a department of no tier where the extractor looks for the agency
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase


@pytest.mark.parametrize("phrase", ["本单位", "各部门", "本机关", "我单位", "省市县", "市县区"])
def test_a_reference_ending_as_no_body_or_tiers_named_together(tmp_path, phrase):
    # a reference or a collective ending as no body's name does ('本单位', a template's title's word) and tiers named
    # together ('省市县': 省 and 市县, read as a county) were the agency of a title naming them before the year; the
    # collective's were also read as the page's <title>'s, the tiers also beside a title naming none
    for meta_ in _seed_000_titled(tmp_path, phrase + "2020年政府信息公开工作年度报告"):
        assert meta_["agency"] is None, phrase
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase
    assert metadata._page_title_parts(phrase + "2020年政府信息公开工作年度报告_驻马店市人民政府") == (None, 2020)
    # the central bodies' and the places' names starting as a collective does, a bare tier's department (seed 004's
    # title) still read (controls)
    for title, agency in (("全国人大2020年政府信息公开工作年度报告", "全国人大"), ("本溪市2020年政府信息公开工作年度报告", "本溪市"),
                          ("市中区2020年政府信息公开工作年度报告", "市中区"), ("市住建局2020年度政府信息公开工作年度报告", "市住建局")):
        assert [meta_["agency"] for meta_ in _seed_000_titled(tmp_path, title)] == [agency, agency]


@pytest.mark.parametrize("agency, level, kind, province", [
    # places named with numerals, a zone's committee named with or without its place (its tier unknown), towns
    # named with a count of townships (三乡 + 镇, 五乡 + 镇: the 乡镇 of '各乡镇' is no place), read with their tier
    ("十堰市", "prefecture", "government", "湖北"), ("七台河市人民政府", "prefecture", "government", "黑龙江"),
    ("二连浩特市", "county", "government", "内蒙古"), ("张江高新区管委会", None, "government", None),
    ("湖州市太湖旅游度假区管委会", None, "government", "浙江"), ("泰州医药高新区", None, "government", "江苏"),
    ("三乡镇", "township", "government", None), ("三乡镇人民政府", "township", "government", None),
    ("中山市三乡镇人民政府", "township", "government", "广东"),
    ("宁波市鄞州区五乡镇人民政府", "township", "government", "浙江"),
    ("正阳县乡镇企业局", "county", "department", "河南"),
    # the committees' and the governments' own names, names holding 城市 (helper meta15's phrases' controls; a bare
    # level's committee, '镇党委', '区委办', is no agency since helper meta24: below)
    ("正阳县委办", "county", "department", "河南"), ("镇人民政府", "township", "government", None),
    ("晋城市行政中心", "prefecture", "department", "山西"), ("诸城市城市管理局", "county", "department", "山东"),
    ("晋城市城区人民政府", "county", "government", "山西"), ("路南区", "county", "government", "河北"),
    # a county's office stationed in a city, its 驻郑州 read as a prefecture by 州 (it was a prefecture government
    # and a prefecture department); controls: with 人民政府 before the mark, a central body's office there
    ("正阳县驻郑州办事处", "county", "department", "河南"), ("正阳县驻郑州联络处", "county", "department", "河南"),
    ("正阳县人民政府驻郑州办事处", "county", "department", "河南"),
    ("审计署驻郑州特派员办事处", "prefecture", "department", "河南"),
])
def test_names_beside_the_phrases_of_numerals_zones_and_townships(agency, level, kind, province):
    # 三乡镇 (of Zhongshan) was read as no place, so 中山市三乡镇人民政府 as a prefecture government; the others
    # (controls) read so on the base too (the province of a name holding none is seed 000's text's: not checked)
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)
        assert province is None or result["province"] == province


@pytest.mark.parametrize("phrase", ["各乡镇", "全乡镇", "乡镇", "县乡镇", "城乡镇", "本乡镇人民政府", "张江高新区",
                                    "医药高新区"])
def test_collectives_of_townships_and_zones_of_no_known_place(phrase):
    # a collective of townships (乡镇 after a collective's start, a place's ending, another word of no place) and a
    # zone whose stem names no place the gazetteer knows (张江 is not told from a word, 医药) are no agency's name;
    # the zone's committee is (above)
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase


@pytest.mark.parametrize("name", ["新版2020年政府信息公开工作年度报告.txt", "终稿2020年政府信息公开工作年度报告.txt",
                                  "张三2020年政府信息公开工作年度报告.txt", "北京大学2020年信息公开工作年度报告.txt"])
def test_a_file_name_naming_no_body_before_the_year(tmp_path, name):
    import toolkit

    # the file's name, the last source, was read with a page title's looser test: a version's or a collector's
    # word before the year (新版, 终稿, a person's name) was the agency; a file's name gives a body's name only (a
    # university's, ending as no body's does, is read from the text's title or the page's, not from it)
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text[text.index("\n") + 1:], encoding="utf-8")
    report = toolkit.parse_report(path)
    assert report.metadata["agency"] is None and "agency_unknown" in {f.code for f in report.flags}
    assert report.metadata["report_year"] == 2020


@pytest.mark.parametrize("lines", [["发布机构：正阳县政府", "2020年政府信息公开工作年度报告"],
                                   ["首页 > 政务公开 > 正阳县政府", "2020年政府信息公开工作年度报告"],
                                   ["2020年正阳县政府政府信息公开工作年度报告"]])
def test_a_governments_short_name_keeps_its_zhengfu(lines):
    import toolkit

    # a header box's agency, a breadcrumb's last link, a title's name after the year: '正阳县政府' lost its 政府 as
    # the topic's ('正阳县' was read), which only a title splits from its 信息公开 by the year
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    meta_ = toolkit.parse_text("\n".join(lines) + text[text.index("\n"):]).metadata
    assert (meta_["agency"], meta_["level"], meta_["agency_kind"]) == ("正阳县政府", "county", "government")


def test_bodies_endings_are_stripped_longest_first(monkeypatch):
    # a reference or a collective of bodies is its start and bodies' endings only ('本局', '各委办局'): the endings
    # were stripped in metadata.yaml's order, so a longer ending listed after its own tail (总局 after 局) left a
    # word (总) and the reference read as a name; the lists reversed give the same readings
    import copy

    names = ["本局", "各委办局", "本总局", "本人民政府办公室", "各委员会", "本办公室"]
    expected = [metadata._body_name(name) for name in names]
    assert expected == [False] * len(names)
    rules = copy.deepcopy(metadata._rules())
    for key in ("government_endings", "department_endings"):
        rules["agency"][key].reverse()
    cached = (metadata._longest_first, metadata._body_endings, metadata._government_only_endings,
              metadata._body_name, metadata._body_name_of)
    monkeypatch.setattr(metadata, "_rules", lambda: rules)
    try:
        for function in cached:
            function.cache_clear()
        assert [metadata._body_name(name) for name in names] == expected
    finally:
        monkeypatch.undo()
        for function in cached:
            function.cache_clear()


def test_the_xmp_title_of_a_pdf_report(tmp_path):
    from toolkit.readers import read_document

    try:
        from renderers import render_pdf
    except ImportError:  # tests/ imported as a package
        from tests.renderers import render_pdf

    # a PDF whose title stands only in its XMP metadata (dc:title), or whose Info Title is a template's name: the
    # XMP's was not read (agency_unknown); where the Info gives one, the Info's is read
    title = "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告"
    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    lines = ["2020年政府信息公开工作年度报告"] + [line for line in lines[1:] if line.strip()]
    path = tmp_path / "report.pdf"
    for info, xmp, read in [(None, title, title), ("Untitled", title, title),
                            ("Microsoft Word - 文档1.docx", "Microsoft Word - 文档1.docx", None),
                            (None, "年报.doc", None), (title, "PowerPoint Presentation", title),
                            ("正阳县财政局2020年政府信息公开工作年度报告", title, "正阳县财政局2020年政府信息公开工作年度报告")]:
        render_pdf(lines, path, title=info, xmp_title=xmp)
        assert read_document(path).title == read, (info, xmp)
    render_pdf(lines, path, xmp_title=title)
    import toolkit

    meta_ = toolkit.parse_report(path).metadata
    assert (meta_["agency"], meta_["report_year"], meta_["level"], meta_["province"]) == (
        "驻马店市住房和城乡建设局", 2020, "prefecture", "河南")


# --- more phrases taken for agencies (helper meta11) -------------------------------------------------------------


@pytest.mark.parametrize("agency, level, kind", [
    ("乌当区行政中心", "county", "department"), ("贵阳市乌当区行政中心", "county", "department"),
    ("中共正阳县委", "county", "department"), ("正阳县人民政府", "county", "government"),
    ("驻马店市委", "prefecture", "department"), ("高港区", "county", "government"),
    ("新华街道", "township", "government"), ("正阳县委员会", "county", "department"),
    ("中共驻马店市委政策研究室", "prefecture", "department"), ("中央人民政府", "national", None),
    # a zone after its city: no tier, a government
    ("泰州医药高新区", None, "government"), ("平潭综合实验区", "prefecture", "government"),
])
def test_names_beside_more_phrases(agency, level, kind):
    # real names where those phrases stood: still read, with their tier and kind
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)


@pytest.mark.parametrize("title, agency, level", [
    ("2020年年度乌当区人民政府信息公开工作年度报告", "乌当区人民政府", "county"),
    ("2020年年度贵阳市乌当区住房和城乡建设局政府信息公开工作年度报告", "贵阳市乌当区住房和城乡建设局", "county"),
    ("乌当区人民政府2020年年度政府信息公开工作年度报告", "乌当区人民政府", "county"),
    # universities' academic years, one year or a range, before or after the name: as before
    ("2019-2020学年度北京大学信息公开工作年度报告", "北京大学", None),
    ("2020学年度北京大学信息公开工作年度报告", "北京大学", None),
    ("北京大学2019-2020学年信息公开工作年度报告", "北京大学", None),
])
def test_a_doubled_year_character_before_the_agency(title, agency, level):
    # a title writing the year's 年 twice ('2020年年度…'): the year's tail was read as the start of the agency
    # ('年度乌当区人民政府')
    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    meta_ = toolkit.parse_text(title + text[text.index("\n"):]).metadata
    assert (meta_["agency"], meta_["level"], meta_["report_year"]) == (agency, level, 2020)


# --- a resort zone's 度 after the year, the title's own phrases, references (helper meta12) ----------------------


@pytest.mark.parametrize("title, agency, province", [
    # a resort zone named with no place after the year's 年: the 度 of 度假区 was read as the year's (年度), the
    # agency '假区管委会', a county government
    # (no place named: the province the text names, seed 000's)
    ("2020年度假区管委会政府信息公开工作年度报告", "度假区管委会", "河南"),
    ("2020年度度假区管委会政府信息公开工作年度报告", "度假区管委会", "河南"),
    ("2019年至2020年度假区管委会政府信息公开工作年度报告", "度假区管委会", "河南"),
    # real names with their place before 度假区, after 2020年 and after 2020年度, or before the year
    ("2020年湖州市太湖旅游度假区管委会政府信息公开工作年度报告", "湖州市太湖旅游度假区管委会", "浙江"),
    ("2020年度湖州市太湖旅游度假区管委会政府信息公开工作年度报告", "湖州市太湖旅游度假区管委会", "浙江"),
    ("2020年三亚市亚龙湾国家旅游度假区管理委员会政府信息公开工作年度报告", "三亚市亚龙湾国家旅游度假区管理委员会", "海南"),
    ("三亚市亚龙湾国家旅游度假区管理委员会2020年度政府信息公开工作年度报告", "三亚市亚龙湾国家旅游度假区管理委员会", "海南"),
])
def test_a_resort_zone_after_the_year(tmp_path, title, agency, province):
    # a resort zone (度假区) is a zone, of a tier its name does not tell, as a development zone is
    for meta_ in _seed_000_titled(tmp_path, title):
        assert (meta_["agency"], meta_["report_year"], meta_["level"], meta_["agency_kind"], meta_["province"]) == (
            agency, 2020, None, "government", province)


@pytest.mark.parametrize("title, agency, level", [
    ("2020年度乌当区人民政府信息公开工作年度报告", "乌当区人民政府", "county"),
    ("2020年度贵阳市乌当区住房和城乡建设局政府信息公开工作年度报告", "贵阳市乌当区住房和城乡建设局", "county"),
    ("2020年度驻马店市财政局政府信息公开工作年度报告", "驻马店市财政局", "prefecture"),
])
def test_the_year_token_before_other_names(tmp_path, title, agency, level):
    # the 年度 reading stands before any name but a zone's 度假区
    for meta_ in _seed_000_titled(tmp_path, title):
        assert (meta_["agency"], meta_["level"], meta_["report_year"]) == (agency, level, 2020)


_TITLE_PHRASES = ["年度乌当区人民政府信息公开工作年度报告", "2020年度假区政府信息公开工作年度报告",
                  "本局2020年政府信息公开工作年度报告", "我局2020年政府信息公开工作年度报告",
                  "各乡人民政府2020年政府信息公开工作年度报告", "街道办事处2020年政府信息公开工作年度报告",
                  "2020年各委办局政府信息公开工作年度报告", "各县2020年政府信息公开工作年度报告",
                  # (helper meta13) a kind of government before the year, its 政府 cut as the topic's ('XX局政府信息
                  # 公开'): '法制型', '服务型', '透明', '乌当区法治' were read as the agency
                  "法制型政府2020年政府信息公开工作年度报告", "服务型政府2020年政府信息公开工作年度报告",
                  "透明政府2020年政府信息公开工作年度报告", "乌当区法治政府2020年政府信息公开工作年度报告"]


@pytest.mark.parametrize("title", _TITLE_PHRASES)
def test_a_titles_phrase_is_no_agency(tmp_path, title):
    # the title's own agency was not checked as the lines beside it are: a fragment of a title ('年度…', the year
    # on the line above), a zone with no place, a reference, a collective gave the phrase as the agency (seed
    # 000's text names no other: no field, no signature)
    for meta_ in _seed_000_titled(tmp_path, title):
        assert meta_["agency"] is None, title
    # the agency's name on the line under such a title is read instead
    for meta_ in _seed_000_titled(tmp_path, title, "驻马店市住房和城乡建设局"):
        assert (meta_["agency"], meta_["level"]) == ("驻马店市住房和城乡建设局", "prefecture"), title


@pytest.mark.parametrize("title, agency, level, kind", [
    # universities, schools, institutions, governments and departments named in a title: read as before
    ("北京大学2020年信息公开工作年度报告", "北京大学", None, None),
    ("2019-2020学年度郑州大学信息公开工作年度报告", "郑州大学", None, None),
    ("驻马店职业技术学院2020年信息公开工作年度报告", "驻马店职业技术学院", None, None),
    ("驻马店市第一高级中学2020年政府信息公开工作年度报告", "驻马店市第一高级中学", "prefecture", None),
    ("全州县人民政府2020年政府信息公开工作年度报告", "全州县人民政府", "county", "government"),
    ("本溪市财政局2020年政府信息公开工作年度报告", "本溪市财政局", "prefecture", "department"),
    ("乡人民政府2020年政府信息公开工作年度报告", "乡人民政府", "township", "government"),
    ("新华街道办事处2020年政府信息公开工作年度报告", "新华街道办事处", "township", "government"),
    ("全国妇联2020年政府信息公开工作年度报告", "全国妇联", "national", "department"),
    ("中央人民政府2020年政府信息公开工作年度报告", "中央人民政府", "national", None),
    ("泰州医药高新区2020年政府信息公开工作年度报告", "泰州医药高新区", None, "government"),
    # a government's or a department's name before the topic's 政府, with no year or with one (helper meta13); a
    # government's short name (XX市政府) before the year keeps its 政府, cut only where the year splits the topic's
    # 政府 from its 信息公开 (helper meta15: '驻马店市' and '乌当区' were read)
    ("驻马店市财政局政府信息公开工作年度报告", "驻马店市财政局", "prefecture", "department"),
    ("驻马店市政府2020年政府信息公开工作年度报告", "驻马店市政府", "prefecture", "government"),
    ("乌当区政府2020年政府信息公开工作年度报告", "乌当区政府", "county", "government"),
    ("正阳县政府政府信息公开工作2020年度报告", "正阳县政府", "county", "government"),
    ("驻马店市财政局政府2020年信息公开工作年度报告", "驻马店市财政局", "prefecture", "department"),
])
def test_names_in_titles_beside_such_phrases(tmp_path, title, agency, level, kind):
    for meta_ in _seed_000_titled(tmp_path, title):
        assert (meta_["agency"], meta_["level"], meta_["agency_kind"], meta_["report_year"]) == (
            agency, level, kind, 2020)


def test_references_and_a_levels_office_are_no_agencies():
    # references to the report's own body ('扎实做好本局政务公开工作', pingtan-2020-05; '我局', eight reports), a
    # collective of bodies ('各委办局'), a township tier's office named by its ending alone ('各乡(镇)、街道办事处', seed
    # 001): read as a department or a township government where the extractor looks for the agency
    text = "\n".join(normalize_text(path.read_text(encoding="utf-8-sig")) for path in sorted(RAW.glob("*.txt")))
    assert all(phrase in text for phrase in ("本局", "我局", "街道办事处"))
    for phrase in ("本局", "我局", "各委办局", "该局", "我委", "本中心", "各委员会", "街道办事处", "街道办"):
        for result in _seed_000_placed(phrase):
            assert result["agency"] is None, phrase


@pytest.mark.parametrize("agency, level, kind", [
    ("驻马店市全民健身中心", "prefecture", "department"), ("全民健身中心", None, "department"),
    ("东区街道办事处", "township", "government"), ("全椒县公安局", "county", "department"),
    ("本溪市财政局", "prefecture", "department"), ("市住建局", "prefecture", "department"),
])
def test_names_beside_references(agency, level, kind):
    # names starting as a reference does, or ending as a township's office does: still read
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)


# --- names of no body's ending in a page's <title> (helper meta13) -----------------------------------------------


def _seed_000_html(tmp_path: Path, page_title: str) -> "toolkit.Report":
    """Seed 000 as an HTML page (tests/renderers.render_html) titled ``page_title``, its own title line
    '2020年政府信息公开工作年度报告' (naming no agency), the report."""
    import toolkit

    try:
        from renderers import render_html
    except ImportError:  # tests/ imported as a package
        from tests.renderers import render_html

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    path = tmp_path / "report.html"
    path.write_bytes(render_html(["2020年政府信息公开工作年度报告"] + [line for line in lines[1:] if line.strip()],
                                 title=page_title))
    return toolkit.parse_report(path)


@pytest.mark.parametrize("page_title, agency, level, province", [
    # a university or a school named with no body's ending only in the <title>: no agency (the whole _agency_like
    # asked of it), where the text's title gives the name
    ("北京大学2020年信息公开工作年度报告_北京大学信息公开网", "北京大学", None, "北京"),
    ("郑州大学2020年信息公开工作年度报告", "郑州大学", None, "河南"),
    ("驻马店市第一高级中学2020年政府信息公开工作年度报告 - 首页", "驻马店市第一高级中学", "prefecture", "河南"),
    # names ending as a body's: read as before
    ("驻马店职业技术学院2020年信息公开工作年度报告", "驻马店职业技术学院", None, "河南"),
    ("驻马店市住房和城乡建设局2020年政府信息公开工作年度报告", "驻马店市住房和城乡建设局", "prefecture", "河南"),
])
def test_a_page_title_naming_no_bodys_ending(tmp_path, page_title, agency, level, province):
    meta_ = _seed_000_html(tmp_path, page_title).metadata
    assert (meta_["agency"], meta_["level"], meta_["province"], meta_["report_year"]) == (
        agency, level, province, 2020)
    # the text's title gives such a name alike
    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    title = page_title.split("_")[0].split(" - ")[0]
    assert toolkit.parse_text(title + text[text.index("\n"):]).metadata["agency"] == agency


@pytest.mark.parametrize("page_title", [
    # a column's or a site's name, a template's, a reference, a kind of government before the year: no agency
    "专题专栏2020年政府信息公开工作年度报告", "工作动态2020年政府信息公开工作年度报告",
    "驻马店市人民政府门户网站2020年政府信息公开工作年度报告", "无标题2020年政府信息公开工作年度报告",
    "空白文档2020年政府信息公开工作年度报告", "本局2020年政府信息公开工作年度报告", "法制型政府2020年政府信息公开工作年度报告",
    "政务公开/政府信息公开年报 - 政府网站"])
def test_a_page_title_naming_a_column_or_a_phrase(tmp_path, page_title):
    report = _seed_000_html(tmp_path, page_title)
    assert report.metadata["agency"] is None and "agency_unknown" in {f.code for f in report.flags}


# --- what the property tests of the agency rules found (helper fuzz7; tests/test_metadata_properties.py) ----------


@pytest.mark.parametrize("phrase", [
    # tiers named together or a word of no place, alone (no place read, so no phrase either), a count whose second
    # numeral stands after the places
    "省市", "县乡", "乡镇", "三区一岛",
    # the committee and the government's office named together after a known place (the committee's 委 or 党委
    # after the first place, or after the last of several)
    "北京市委市政府办", "河北省石家庄市委市政府办", "北京市党委北京市政府办", "北京市人民政府北京市委市人民政府",
    # a body's name and a collective, a reference, tiers or a count after it
    "北京市人民政府各省", "北京市人民政府各省人民政府", "北京市人民政府各委", "乌当区财政局本局", "乌当区财政局两区三县",
    "北京市妇联各省", "北京市政府省市", "北京市人民政府办公室省镇", "乌当区新华街道办事处各乡镇", "乌当区新华街道办省市",
    "乌当区新华镇省市", "乌当区新华街道办事处各乡镇人民政府", "乌当区新华镇各局",
    "乌当区新华街道办事处各委"])
def test_tiers_committees_and_phrases_after_a_body_are_no_agencies(tmp_path, phrase):
    # a title naming them before its year gave them as the agency (the title's agency is refused a phrase only, and
    # these were read as a name: a county, a department, or a name of no body's ending), and the places and bodies
    # among them (a generic place read across a body's ending: 妇联各省 a province, 政府省市 a county) beside the title
    for meta_ in _seed_000_titled(tmp_path, phrase + "2020年政府信息公开工作年度报告"):
        assert meta_["agency"] is None, phrase
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase


@pytest.mark.parametrize("agency, level, kind", [
    # a street named by a prefecture's short name (朝阳 of 朝阳市): read as 朝阳市's government, in Liaoning
    ("乌当区朝阳街道办事处", "township", "government"), ("乌当区朝阳街道", "township", "government"),
    # controls: the committee's own departments, a name whose words after the places end as no body's, bodies'
    # offices and stations, the Party school, a town whose name holds a tier's character
    ("驻马店市委组织部", "prefecture", "department"), ("驻马店市委办公室", "prefecture", "department"),
    ("驻马店市财政局国库支付中心", "prefecture", "department"),
    ("中共郑州市委党校", "prefecture", "department"), ("乌当区新市镇人民政府", "township", "government"),
    ("中山市三乡镇人民政府", "township", "government"), ("朝阳县财政局", "county", "department"),
])
def test_names_beside_tiers_committees_and_phrases_after_a_body(agency, level, kind):
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)


def test_a_town_whose_name_holds_a_word_of_no_place_is_still_an_agency():
    # a township named with 城乡 (古城 + 乡) is read as no place, its government as the county's (its tier is not told
    # here: not_places), but it is a name: the words after its places were taken for a body's name and a phrase
    # after it (古城乡 + 人民政府, a collective of governments alone) while helper fuzz7 worked
    for result in _seed_000_placed("乌当区古城乡人民政府"):
        assert result["agency"] == "乌当区古城乡人民政府"


# --- left alone last session, read now (helper meta16) ----------------------------------------------------------


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk", "s2twp"])
@pytest.mark.parametrize("agency, level, kind, province", [
    ("浚县人民政府", "county", "government", "河南"), ("浚县财政局", "county", "department", "河南"),
    ("鹤壁市浚县人民政府", "county", "government", "河南"), ("澄江县财政局", "county", "department", "云南"),
    ("玉溪市澄江县人民政府", "county", "government", "云南"), ("布尔津县人民政府", "county", "government", "新疆"),
    ("阿勒泰地区布尔津县财政局", "county", "department", "新疆")])
def test_a_name_opencc_writes_with_a_character_its_t2s_keeps(config, agency, level, kind, province):
    # OpenCC writes 浚县 as 濬縣 and 澄江 as 澂江, and t2s keeps 濬 and 澂: the traditional report's agency was 濬县…
    # (read by its ending, not the gazetteer's 浚县) while its simplified form gave 浚县…; s2twp writes 布尔津县 as
    # 布林津縣 (布尔 as Taiwan writes Boolean): no place, the agency of no level or province
    import opencc

    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    doc = TITLE.format(agency) + text[text.index("\n"):]
    want = toolkit.parse_text(doc).metadata
    assert (want["agency"], want["level"], want["agency_kind"], want["province"]) == (agency, level, kind, province)
    got = toolkit.parse_text(opencc.OpenCC(config).convert(doc)).metadata
    assert got["script"] == "traditional" and {**got, "script": None} == {**want, "script": None}
    for result in _seed_000_placed(opencc.OpenCC(config).convert(agency)):
        assert (result["agency"], result["level"], result["province"]) == (agency, level, province)


@pytest.mark.parametrize("agency, level, kind", [
    # a township's name whose stem ends as a word of no place does (古城 + 乡: 城乡), before a government's ending:
    # was the county's government (its places stopped at 乌当区)
    ("乌当区古城乡人民政府", "township", "government"), ("乌当区古城乡政府", "township", "government"),
    ("古城乡人民政府", "township", "government"),
    # a town starting as a collective does (全胜/本固, a collective's start and a stem): was no agency
    ("全胜镇", "township", "government"), ("本固镇", "township", "government"),
    ("全胜镇人民政府", "township", "government"), ("乌当区本固镇人民政府", "township", "government"),
    ("全胜街道办事处", "township", "government"),
    # a Party school with its second name in brackets: was no agency
    ("中共郑州市委党校(郑州市行政学院)", "prefecture", "department"),
    ("中共乌当区委党校(乌当区行政学校)", "county", "department"),
    # controls: a department of the county's words (城乡), a town of a one-character stem, 新城区 and 老城区 (real
    # districts), the Party school alone, a place the gazetteer knows starting as a collective does
    ("乌当区城乡建设局", "county", "department"), ("中山市三乡镇人民政府", "township", "government"),
    ("新城区", "county", "government"), ("老城区人民政府", "county", "government"),
    ("中共郑州市委党校", "prefecture", "department"), ("全州县人民政府", "county", "government"),
    ("驻马店市人民政府办公室(驻马店市政务服务中心)", "prefecture", "government"),
    ("泽州县", "county", "government"), ("泽州县人民政府", "county", "government"),
])
def test_towns_and_a_second_name_in_brackets(agency, level, kind):
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)


@pytest.mark.parametrize("phrase", [
    # the street's Party working committee and its office named together (the committee's start, then the
    # government's 办事处), a township's committee after a bare level after a body's name
    "街道党工委办事处", "乌当区新华街道党工委办事处", "北京市人民政府镇委镇政府", "镇委镇政府",
    # a body's ending after 各 or 每, no place read; a collective of the prefecture's bodies
    "各派出所", "各医院", "每个派出所", "市直各单位", "各个镇",
    # a city's central districts together, no district's name
    "主城区", "中心城区", "主城区人民政府",
    # a county's short name read by its ending (泽州 of 泽州县, as a prefecture): no organ named
    "泽州",
    # a phrase in brackets after a body's name
    "乌当区财政局(本局)", "乌当区财政局(各乡)",
    # (helper meta17) a reference or a collective before a body's name, no place read (was a department of no tier)
    "本医院", "该医院", "我医院", "全财政局", "本财政局", "我财政局", "该局办公室", "本级财政局", "全系统",
    # a bare level's Party committee's body, no place named (was a township's or county's department)
    "镇党委办公室", "街道党工委办公室", "乡党委办公室", "县委宣传部", "区委组织部",
    # a county's short name starting as a collective does (全州县's, or the whole prefecture): no agency, as before
    "全州人民政府", "全州",
    # (helper meta24) a bare level's committee itself or its office's short form, no place named, as its bodies
    # above (were a township's or a county's department), also after the Party's name, and the committee named by
    # no place at all after it (was a department of no tier); 全 and a department's name, 民政局 (全民 of
    # collective_words starts no name with a one-character stem after it: was a department of no tier); a place
    # read by 州 alone that the gazetteer does not know (was a prefecture government)
    "镇党委", "区委办", "县委", "区委", "县委办", "市委", "乡党委", "街道党工委", "县委员会", "中共县委", "中共区委办公室",
    "共青团县委", "中共党委", "全民政局", "神州", "中州",
    # (helper meta26) the committee or its body named by no place nor level, without the Party's name too, and a
    # government's ending alone (were departments of no tier; '管理委员会' and '管委会' governments of no tier), as
    # '中共党委' and '人民政府'
    "党委", "党工委", "委员会", "党委办公室", "管理委员会", "管委会",
])
def test_committees_collectives_and_bare_names_are_no_agencies(tmp_path, phrase):
    for result in _seed_000_placed(phrase):
        assert result["agency"] is None, phrase
    for meta_ in _seed_000_titled(tmp_path, phrase + "2020年政府信息公开工作年度报告"):
        assert meta_["agency"] is None, phrase


def test_a_countys_short_name_alone_is_no_agency():
    # a county's short name ending as a place does (泽州 of 泽州县, 通州 of 通州区 …) was read as a prefecture or a
    # county the gazetteer does not know, and so as the agency, where the extractor looks for one: it names the
    # county, no organ; every such short name of the gazetteer that is no unit's name of its own
    index = metadata._index()
    shorts = [s for s in index["county_short"] if s not in index["full"] and s not in index["short"]
              and getattr(metadata._match_generic(s, 0), "text", None) == s]
    assert len(shorts) > 50 and "泽州" in shorts
    for short in shorts:
        assert meta(TITLE.format(""), short)["agency"] is None, short
        name = index["county_short"][short]["name"]  # (the county's own name reads)
        assert meta(TITLE.format(""), name)["agency"] == name


# --- the signature reader and agency leftovers (helper meta17) ---------------------------------------------------


# a problem's or a measure's sentence ending in a body's name, then a date: a list item's number or a verb of a report
# sent to a body (clause_starts, clause_words)
_CLAUSES = ["二是整改情况已报送区政府办公室", "整改情况已报送区政府办公室", "三是相关材料已按时提交市人民政府",
            "首先报请县人民政府", "其次抄送市财政局", "年度报告已上报驻马店市人民政府",
            # (helper meta24) a verb of clause_verbs right before a place (were the agency; the last but two was not:
            # words glued before a place the gazetteer knows)
            "整改情况报区政府办公室", "相关材料报市财政局", "抄报驻马店市财政局", "材料送县人民政府", "提请市人民政府"]


def _seed_000_signed(ending: str, title: str = "驻马店市住房和城乡建设局") -> "toolkit.Report":
    """Seed 000 without its header's date, its title naming ``title`` before the year, ``ending`` after its text."""
    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    body = text[text.index("\n"):].replace("投稿:huoruiqi  来源:时间:2021年01月31日", "")
    assert "2021年01月31日" not in body
    return toolkit.parse_text(TITLE.format(title) + body.rstrip() + ending)


@pytest.mark.parametrize("clause", _CLAUSES)
def test_a_sentence_ending_in_a_bodys_name_before_its_date_is_no_signature(clause):
    # the sentence (the 区 of 报送区 read a county's ending) was the agency, its date the publication date, where the
    # signature is looked for: the text's last line, before an attachment, glued to the last sentence
    for result in _seed_000_placed(clause):
        assert result["agency"] is None, clause
    for title in ("驻马店市住房和城乡建设局", ""):
        for ending in (f"\n{clause}2021年1月20日\n", f"无。{clause}2021年1月20日\n",
                       f"\n{clause}2021年1月20日\n附件：统计表\n"):
            result = _seed_000_signed(ending, title).metadata
            assert (result["agency"], result["published"]) == (title or None, None), (clause, ending)
        # (a date alone on the last line signs the report, whatever stands above it)
        result = _seed_000_signed(f"\n{clause}\n2021年1月20日\n", title).metadata
        assert (result["agency"], result["published"]) == (title or None, "2021-01-20")



@pytest.mark.parametrize("agency", ["新华镇人民政府", "交通运输局", "城关街道办事处"])
@pytest.mark.parametrize("ending", ["{}2021年1月26日", "{}\n2021年1月26日", "{}2021年1月26日 附件下载"])
def test_the_date_of_a_glued_signature_is_read_whatever_its_agency(agency, ending):
    # A glued signature whose agency opens with no place the gazetteer knows (a township's or a street's office, a
    # bare department): meta25's rule lost its date with its agency (published None, where a914c7a^ read
    # 2021-01-26); the name rule decides the agency only: none, the date read.
    import toolkit

    text = (RAW / "pingtan-2023-01.txt").read_text(encoding="utf-8").rstrip("\n")
    got = toolkit.parse_text(text + ending.format(agency))
    assert str(got.metadata["published"]) == "2021-01-26"
    assert got.metadata["agency"] != agency
    assert agency in got.sections[-1].text  # (the section keeps it: no signature its rule takes)

def test_a_sentence_ending_in_a_bodys_name_before_its_date_at_a_sections_end_is_a_statement():
    # at the end of the problems section it was dropped from the statements as a signature inside the section
    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    at = text.index("六、其他需要报告的事项")
    for ending in ("\n二是整改情况已报送区政府办公室\n2021年1月20日\n\n", "\n二是整改情况已报送区政府办公室2021年1月20日\n\n"):
        statements = toolkit.parse_text(text[:at].rstrip() + ending + text[at:]).statements
        assert statements["text"].str.startswith("整改情况已报送区政府办公室").sum() == 1
        # (a body's name signing there is still no statement)
        signed = ending.replace("二是整改情况已报送区政府办公室", "驻马店市住房和城乡建设局")
        statements = toolkit.parse_text(text[:at].rstrip() + signed + text[at:]).statements
        assert not statements["text"].str.contains("驻马店市住房和城乡建设局").any()


@pytest.mark.parametrize("agency, level, kind, province", [
    # a county's short name before a body's ending was a prefecture of Henan (泽 + 州, the text's province)
    ("泽州人民政府", "county", "government", "山西"), ("晋城市泽州人民政府", "county", "government", "山西"),
    ("泽州财政局", "county", "department", "山西"), ("蓟州人民政府", "county", "government", "天津"),
    # a stem of two counties (通州区 of Beijing and of Nantong): of no tier told
    ("通州人民政府", None, "government", None),
    # (helper meta24) a place read by 州 alone that the gazetteer knows as no prefecture nor a county's short name: of
    # no tier told, as '华夏人民政府' (was a prefecture's government or department)
    ("神州人民政府", None, "government", None), ("神州财政局", None, "department", None),
    ("九州人民政府办公室", None, "government", None),
    # controls: that place with a level word, a prefecture's short form and 州
    ("神州市人民政府", "county", "government", None), ("神州县财政局", "county", "department", None),
    ("恩施州人民政府", "prefecture", "government", "湖北"), ("博州财政局", "prefecture", "department", "新疆"),
    # controls: the county's own name, a prefecture's short name, a county of the gazetteer so ending
    ("泽州县人民政府", "county", "government", "山西"), ("荆州人民政府", "prefecture", "government", "湖北"),
    ("全州县人民政府", "county", "government", "广西"), ("泰州医药高新区", None, "government", "江苏"),
])
def test_a_countys_short_name_before_a_bodys_ending(agency, level, kind, province):
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)
        assert province is None or result["province"] == province


def test_every_countys_short_name_read_as_a_prefecture_by_its_ending():
    # each short name of the gazetteer's counties that its ending reads as a prefecture (州, 盟, 地区) and that is no
    # name of its own: before 人民政府, that county; alone, no agency (as before)
    index = metadata._index()
    endings = tuple(e for e, level in metadata._rules()["places"]["suffix_levels"].items() if level == "prefecture")
    shorts = {s: row for s, row in index["county_short"].items() if s not in index["full"] and s not in index["short"]
              and s.endswith(endings) and getattr(metadata._match_generic(s, 0), "text", None) == s
              and not s.startswith(tuple(metadata._rules()["places"]["collective_starts"]))}  # (全州: below)
    assert len(shorts) > 40 and "泽州" in shorts
    for short, row in shorts.items():
        result = meta(TITLE.format(""), short + "人民政府")
        assert (result["agency"], result["level"], result["province"]) == (short + "人民政府", "county",
                                                                            row["province"]), short
        assert meta(TITLE.format(""), short)["agency"] is None, short


@pytest.mark.parametrize("agency, level, kind", [
    # controls: a word so starting (collective_words), a township named so, a place's committee and its office's
    # short form, a place's committee's body, a bare level's government's and department's
    ("全民健身中心", None, "department"), ("全胜镇人民政府", "township", "government"),
    ("全民国防教育办公室", None, "department"), ("全域旅游局", None, "department"),
    ("正阳县委", "county", "department"), ("正阳县委办", "county", "department"),
    ("乌当区新华镇党委", "township", "department"), ("乌当区新华镇党委办公室", "township", "department"),
    ("驻马店市委宣传部", "prefecture", "department"), ("中共乌当区委办公室", "county", "department"),
    ("中共镇宁县委", "county", "department"), ("中共驻马店市委", "prefecture", "department"),
    ("镇人民政府", "township", "government"), ("市住建局", "prefecture", "department"),
    # (helper meta24) names holding a verb of clause_verbs before other words, or before a place's ending as its
    # stem's last character
    ("驻马店日报社", "prefecture", "department"), ("乌当区报社", "county", "department"),
    ("情报局", None, "department"), ("报京乡人民政府", "township", "government"),
    ("古交市人民政府", "county", "government"), ("交城县财政局", "county", "department"),
    ("驻马店市交通运输局", "prefecture", "department"), ("正阳县送变电管理站", "county", "department"),
])
def test_names_beside_collectives_and_committees_bodies(agency, level, kind):
    for result in _seed_000_placed(agency):
        assert (result["agency"], result["level"], result["agency_kind"]) == (agency, level, kind)


def test_no_name_of_the_gazetteer_holds_a_clause_verb_before_a_place():
    # a verb of clause_verbs right before a place makes a clause (helper meta24): no unit's name, alone or before a
    # body's ending, is one (古交市 holds 交 before 市: 交 is no such verb)
    index = metadata._index()
    names = set(index["full"]) | set(index["short"]) | {row["name"] for row in index["county_short"].values()}
    assert len(names) > 3000
    assert [name for name in sorted(names) if any(metadata._is_clause(name + ending)
                                                 for ending in ("", "人民政府", "财政局"))] == []


_SEED_004_SIGNED = ["泰州市高港区住房和城乡建设局", "2018年1月20日"]


def _seed_004_in(tail: list[str], fmt: str, tmp_path: Path):
    """Seed 004 (no date in its header; its last section '六、其他需要报告的事项' / '无') with ``tail`` lines after
    its text, as text or rendered as ``fmt`` (html, docx)."""
    import toolkit
    from renderers import render_docx, render_html
    from toolkit.readers import read_document

    if fmt == "text":
        text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").rstrip()
        return toolkit.parse_text(text + "\n" + "\n".join(tail) + "\n")
    lines = [line for line in read_document(RAW / "004_b232cca7e491c758.txt").lines if line.strip()] + tail
    path = tmp_path / f"report.{fmt}"
    if fmt == "docx":
        render_docx(lines, path)
    else:
        path.write_bytes(render_html(lines))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return toolkit.parse_report(path)


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
@pytest.mark.parametrize("tail", [
    [*_SEED_004_SIGNED, "（此件公开发布）"], [*_SEED_004_SIGNED, "此件主动公开"],
    [_SEED_004_SIGNED[0], _SEED_004_SIGNED[1] + " 附件下载"],
    [_SEED_004_SIGNED[0], _SEED_004_SIGNED[1] + " 【打印本页】【关闭窗口】"],
    [_SEED_004_SIGNED[0] + "  " + _SEED_004_SIGNED[1] + "  附件下载"],
    [_SEED_004_SIGNED[0], _SEED_004_SIGNED[1] + " （联系人：张三，联系电话：0523-86800000）"],
], ids=["release_note", "release_note_bare", "date_then_download", "date_then_buttons", "one_line_then_download",
        "date_then_contact"])
def test_a_signature_with_the_pages_or_the_documents_notes_after_its_date(tail, fmt, tmp_path):
    # An official document's note on its release under its date ('（此件公开发布）', GB/T 9704's 附注), or the page's
    # furniture after the date on its line ('2018年1月20日 附件下载'): the signature was not found (the note was no
    # footer; the date line, holding a footer's word, was dropped as the page's furniture, or its date did not end
    # its line), so the published date was missing and the signature stayed the last section's text: 18 of 18 cases
    # wrong on 9b7deb0, in each format.
    report = _seed_004_in(tail, fmt, tmp_path)
    assert str(report.metadata["published"]) == "2018-01-20"
    last = report.sections[-1]
    assert (last.key, last.text.strip()) == ("other", "无")


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
def test_a_date_that_ends_a_wrapped_sentence_is_no_signature(fmt, tmp_path):
    # '…统计期限截至' / '2017年12月31日': the date is its sentence's, wrapped to a line of its own; it was read as a
    # signature with no agency (published 2017-12-31, the date cut from the section's text): 3 of 3 wrong on 9b7deb0.
    # A date alone under a whole sentence still signs the report.
    report = _seed_004_in(["本报告所列数据的统计期限截至", "2017年12月31日"], fmt, tmp_path)
    assert report.metadata["published"] is None
    assert report.sections[-1].text.split() == ["无", "本报告所列数据的统计期限截至", "2017年12月31日"]
    report = _seed_004_in(["本报告所列数据的统计期限截至2017年12月31日。", "2018年1月20日"], fmt, tmp_path)
    assert str(report.metadata["published"]) == "2018-01-20"
    assert report.sections[-1].text.split() == ["无", "本报告所列数据的统计期限截至2017年12月31日。"]


@pytest.mark.parametrize("posted", ["2024年1月10日", "2024/1/10", "2024.1.10", "2021年2月1日"])
@pytest.mark.parametrize("signed", [["驻马店市住建局", "2021年1月30日"], ["驻马店市住建局  2021年1月30日"],
                                    ["驻马店市住建局", "2021年1月30日", "- 3 -"]], ids=["two_lines", "one_line", "page"])
def test_a_posting_date_alone_under_the_signatures_date(signed, posted):
    # A footer's or a copied page's posting date alone under the signature's date: it was read as the signature's
    # date alone (published 2024-01-10, the agency and its date left in the last section's text); the signature is
    # the pair above it, the posting date the page's furniture.
    report = _seed_004_in([*signed, posted], "text", None)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]
    assert metadata._signature(report.lines)[0] == "驻马店市住建局"


@pytest.mark.parametrize("label", ["EMAIL", "email", "E-MAIL", "E-Mail", "Email"])  # (the last a control)
@pytest.mark.parametrize("contact", ["{}：zmdzjj@163.com", "{}: zmdzjj@163.com"], ids=["full_colon", "colon_space"])
def test_a_contacts_latin_label_in_any_case_under_the_signature(label, contact):
    # A contact line under the signature with its Latin label in capitals or small letters ('EMAIL：…', 'e-mail：…'):
    # only 'Email' and 'E-mail' were labels, so the line was no contact's, the signature above it was not read
    # (published NA, the signature and the line left in the last section's text).
    line = contact.format(label)
    report = _seed_004_in(["驻马店市住建局", "2021年1月30日", line], "text", None)
    assert metadata._is_annex(line)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]


@pytest.mark.parametrize("line", ["Tel：0396-2345678", "TEL：0396-2345678", "Fax：0396-2345679",
                                  "Tel: 0396-2345678 E-mail: zmdzjj@163.com"])
def test_a_contact_line_with_a_phones_latin_label_under_the_signature(line):
    # A site's contact line under the signature labelled in English ('Tel：0396-2345678', 'Fax：…'): Tel and Fax
    # were no contact labels, so the line was the text's and the signature above it was not read (published NA, the
    # signature and the line left in the last section's text).
    report = _seed_004_in(["驻马店市住建局", "2021年1月30日", line], "text", None)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]


@pytest.mark.parametrize("posted", ["[2021-02-05]", "（2021-02-05）", "【2021年2月5日】", "(2021.2.5)"])
def test_a_posting_date_in_brackets_under_the_signatures_date(posted):
    # A site's list date in brackets under the signature's date ('[2021-02-05]'): only a date alone or after a
    # label was a posting date, so the line was the text's and the signature above it was not read (published NA,
    # the signature and the date left in the last section's text).  Unlabelled, published is the signature's date.
    report = _seed_004_in(["驻马店市住建局", "2021年1月30日", posted], "text", None)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]
    assert metadata._signature(report.lines) == ("驻马店市住建局", metadata._dt.date(2021, 1, 30))


@pytest.mark.parametrize("fmt", ["text", "html"])
@pytest.mark.parametrize("posted", ["2021-02-05 浏览次数：3", "2021年2月5日 【打印本页】", "2021-02-05  【关闭窗口】"])
def test_a_posting_date_with_the_pages_furniture_after_it_under_the_signatures_date(posted, fmt, tmp_path):
    # A posting date under the signature's date with the page's furniture after it on its line ('2021-02-05
    # 浏览次数：3'): only a date ending its line was a posting date, so it was read as the signature's date with no
    # agency (published 2021-02-05, the signature left in the last section's text).  Unlabelled, it is the page's
    # furniture and published the signature's date, as for a posting date alone.
    report = _seed_004_in(["驻马店市住建局", "2021年1月30日", posted], fmt, tmp_path)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]
    assert metadata._signature(report.lines) == ("驻马店市住建局", metadata._dt.date(2021, 1, 30))


@pytest.mark.parametrize("tail", [["（此件公开发布）", "2024年1月10日"], ["此件公开发布", "2024/1/10"],
                                  ["日期：2024年1月10日"], ["发布时间 2024-01-10"], ["发布日期：2024-01-10"]],
                         ids=["note_between", "bare_note_between", "date_label", "label_no_colon", "publish_label"])
def test_a_posting_date_labelled_or_after_a_disclosure_note_under_the_signatures_date(tail):
    # The posting date after a publication date's label ('日期：2024年1月10日' was read as the signature's labelled
    # date, '发布时间 2024-01-10' as text) or after the document's disclosure note: the signature and the note were left
    # in the last section's text.  (A labelled date is the page's publication date, as before: published reads it.)
    report = _seed_004_in(["驻马店市住建局", "2021年1月30日", *tail], "text", None)
    assert report.sections[-1].text.split() == ["无"]
    assert metadata._signature(report.lines) == ("驻马店市住建局", metadata._dt.date(2021, 1, 30))
    labelled = any("：" in line or " " in line for line in tail)
    assert str(report.metadata["published"]) == ("2024-01-10" if labelled else "2021-01-30")


@pytest.mark.parametrize("signed", [["驻马店市住建局", "2021年1月30日 星期六"], ["驻马店市住建局", "2021年1月30日（盖章）"],
                                    ["驻马店市住建局", "2021年1月30日发布"], ["驻马店市住建局  2021年1月30日（星期六）"]],
                         ids=["weekday", "seal", "issue_word", "one_line_weekday"])
def test_a_posting_date_under_a_signatures_date_with_its_weekday_or_seal(signed):
    # The signature's date with its weekday, the seal's place or its issue word after it, then a posting date alone:
    # the signature's date line was no date ending its line, so the posting date was read as the signature's
    # (published 2024-01-10, the signature left in the last section's text).
    report = _seed_004_in([*signed, "2024年1月10日"], "text", None)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
@pytest.mark.parametrize("signed", [["2021年1月30日", "驻马店市住建局"], ["2021年1月30日 驻马店市住建局"],
                                    ["2021年1月30日", "驻马店市住建局", "- 3 -"]], ids=["two_lines", "one_line", "page"])
def test_a_posting_date_under_a_signature_written_date_first(signed, fmt, tmp_path):
    # A signature written date first ('2021年1月30日' / '驻马店市住建局'), then a posting date alone: the posting date
    # was read as the signature's date under the name (published 2024-01-10, '2021年1月30日' left in the last
    # section's text), or, on one line, no signature was read; the posting date is the page's furniture.
    report = _seed_004_in([*signed, "2024年1月10日"], fmt, tmp_path)
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]
    assert metadata._signature(report.lines) == ("驻马店市住建局", metadata._dt.date(2021, 1, 30))


@pytest.mark.parametrize("tail, published, text", [
    (["2021年1月30日"], "2021-01-30", ["无"]),  # a signature that is a date alone
    (["2021年1月30日", "2024年1月10日"], "2021-01-30", ["无"]),
    ([], None, ["无"]),  # no signature
    (["数据统计截至", "2020年12月31日", "2021年1月30日"], "2021-01-30", ["无", "数据统计截至", "2020年12月31日"]),
])
def test_a_date_alone_under_a_date_that_signs_no_agency(tail, published, text):
    # (controls of the posting date's rule: a date alone still signs the report, under a sentence's wrapped date too)
    report = _seed_004_in(tail, "text", None)
    assert (None if report.metadata["published"] is None else str(report.metadata["published"])) == published
    assert report.sections[-1].text.split() == text


@pytest.mark.parametrize("note", ["：", ":", "（全文）", "【全文】", "[全文]", "（全文）：", ""])
def test_a_second_reports_title_with_a_colon_or_a_note_in_square_brackets(note):
    # A second report in the same file under the signature, its title ending with a colon or a note in square
    # brackets ('…年度报告：', '…年度报告【全文】'): it was no title and nothing else, so the signature was not the text's
    # end (published NA, the signature and the second report left in the last section's text).
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").rstrip()
    second = f"驻马店市住建局2021年度政府信息公开工作年度报告{note}"
    assert metadata.is_report_title(second, whole=True)
    report = toolkit.parse_text(f"{text}\n驻马店市住建局\n2021年1月30日\n{second}\n一、总体情况\n2021年，我局认真贯彻。\n")
    assert str(report.metadata["published"]) == "2021-01-30"
    assert report.sections[-1].text.split() == ["无"]


# --- signatures cut, dates of a sentence and the page's furniture on the date's line (helper meta26) -------------


def _seed_004_ending(ending: str) -> "toolkit.Report":
    """Seed 004 with a title naming no agency (its agency and date are the signature's only), ``ending`` after it."""
    import toolkit

    text = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8")
    return toolkit.parse_text("2020年度政府信息公开工作年度报告" + text[text.index("\n"):].rstrip() + ending)


def _signed_seed(seed: str, signature: list[str] | None = None) -> "toolkit.Report":
    """Seed 004 (as in _seed_004_ending) or 002 signed with the lines of ``signature`` in place of its own signature
    (its last two lines); None: the seed as it is signed."""
    import toolkit

    if seed == "004":
        return _seed_004_ending("\n" if signature is None else "\n" + "\n".join(signature) + "\n")
    text = next(RAW.glob("002_*.txt")).read_text(encoding="utf-8-sig").rstrip("\n")
    return toolkit.parse_text(text if signature is None else "\n".join([text.rsplit("\n", 2)[0], *signature, ""]))


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("ending", ["\n{}\n2021年1月26日\n", "\n{} 2021年1月26日\n", "\n{}\n（盖章）\n二〇二一年一月二十六日\n"])
@pytest.mark.parametrize("name", ["党委", "党工委", "委员会", "党委办公室", "管理委员会", "管委会"])
def test_a_committee_or_a_governments_ending_alone_signs_with_no_agency(name, ending, script):
    # a signature's line cut from its place ('中共XX党委' / '党委', 'XX市发展和改革' / '委员会') was the agency, a
    # department (or a government) of no tier, flagged level_unknown only: the agency is not told, the date is
    import opencc

    report = _seed_004_ending(ending.format(name) if script == "simplified"
                              else opencc.OpenCC("s2t").convert(ending.format(name)))
    assert (report.metadata["agency"], report.metadata["published"]) == (None, "2021-01-26")
    assert "agency_unknown" in {f.code for f in report.flags}


@pytest.mark.parametrize("lines, agency, level", [
    # the name's ending wrapped onto a line of its own, the line above opening with a bare level or after the Party's
    # name (the ending alone was the agency, of no tier)
    (["市发展和改革", "委员会"], "市发展和改革委员会", "prefecture"), (["县发展和改革", "委员会"], "县发展和改革委员会", "county"),
    (["中共乌当区", "委员会"], "中共乌当区委员会", "county"), (["平潭综合实验区", "管理委员会"], "平潭综合实验区管理委员会", "prefecture"),
    # a body's ending alone ('办公室': a department of no tier)
    (["市人民政府", "办公室"], "市人民政府办公室", "prefecture"), (["县人民政府", "办公室"], "县人民政府办公室", "county"),
    # controls: a place the gazetteer knows (read before), a line of text above (no name: none), the Party's name alone
    (["驻马店市发展和改革", "委员会"], "驻马店市发展和改革委员会", "prefecture"), (["暂无", "委员会"], None, None),
    (["中共", "党委"], None, None), (["发展和改革委员会"], "发展和改革委员会", None),
])
def test_a_committees_name_wrapped_before_its_ending(lines, agency, level):
    report = _seed_004_ending("\n" + "\n".join(lines) + "\n2021年1月26日\n")
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["published"]) == (
        agency, level, "2021-01-26")
    assert (lines[0] in report.sections[-1].text) == (agency is None)


@pytest.mark.parametrize("ending, published", [
    # a date alone on the line after a sentence's words that set it ('截至', '为', '至', '于'): the sentence's, wrapped
    # (was the published date, unflagged)
    ("\n本年度数据统计截至\n2020年12月31日\n", None), ("\n整改时限为\n2021年6月30日\n", None),
    ("\n本报告数据统计期限为2020年1月1日至\n2020年12月31日\n", None), ("\n我局于\n2021年1月26日\n", None),
    ("\n截至\n2020年12月31日\n", None), ("\n我局于\n2021年1月26日\n召开专题会议。\n", None),
    ("\n整改时限为\n2021年6月30日\n前全部完成。\n", None), ("\n我局于\n2021年1月26日\n附件：统计表\n", None),
    # controls: after a sentence's end, a name ending as no body's does, nothing: the report's date, unsigned
    ("\n相关工作已全部完成。\n2021年1月26日\n", "2021-01-26"), ("\n北京大学\n2021年1月26日\n", "2021-01-26"),
    ("\n2021年1月26日\n", "2021-01-26"),
])
def test_a_date_a_sentence_sets_on_the_next_line_is_no_signature(ending, published):
    assert _seed_004_ending(ending).metadata["published"] == published


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("ending", [
    # the page's furniture or the disclosure note after the date on its line: the date was not read, the signature
    # left in the last section's text
    "\n{}\n2021年1月26日 附件下载\n", "\n{}\n2021年1月26日 【打印本页】 【关闭窗口】\n", "\n{} 2021年1月26日 附件下载\n",
    "\n{}\n2021年1月26日 【字体：大 中 小】\n", "\n{}\n2021年1月26日（此件公开发布）\n",
    # the disclosure note or form on a line of its own after the date: read, but the last section kept the signature
    "\n{}\n2021年1月26日\n（此件公开发布）\n", "\n{}\n2021年1月26日\n（信息公开形式：主动公开）\n",
    "\n{}\n二〇二一年一月二十六日\n（此件主动公开）\n",
    # controls (read before): the furniture on lines of its own, the seal's place, a date in numerals with 零
    "\n{}\n2021年1月26日\n【打印本页】\n【关闭窗口】\n", "\n{}（盖章）\n二零二一年一月二十六日\n",
])
def test_the_signatures_date_before_the_pages_furniture_on_its_line(ending, script):
    import opencc

    ending = ending.format("驻马店市交通运输局")
    report = _seed_004_ending(ending if script == "simplified" else opencc.OpenCC("s2t").convert(ending))
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["published"]) == (
        "驻马店市交通运输局", "prefecture", "2021-01-26")
    assert "交通运输局" not in report.sections[-1].text  # (the section leaves the signature out)
    # a name opening with no place the gazetteer knows: its tier unknown, the date read
    report = _seed_004_ending(ending.replace("驻马店市", ""))
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["published"]) == (
        "交通运输局", None, "2021-01-26")


@pytest.mark.parametrize("furniture", ["【字体：大 中 小】", "附件下载", "【打印本页】 【关闭窗口】"])
def test_a_glued_signature_before_the_pages_furniture_on_its_line(furniture):
    # the line, holding the furniture's words, was dropped as a footer: the section left the signature out by its
    # glued rule, the metadata read neither its agency nor its date
    report = _seed_004_ending(f"。驻马店市交通运输局2021年1月26日 {furniture}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-26")
    assert "交通运输局" not in report.sections[-1].text



# --- a signature is the text's end; 廿/卅 in a date; a body's ending alone (helper meta2) -------------------------


_APPENDIX = "\n附件:2020年政府信息公开情况统计表\n| 一、本年新收政府信息公开申请数量 | 3 |\n| 二、上年结转政府信息公开申请数量 | 1 |\n"


@pytest.mark.parametrize("ending, signed", [
    # a date line with more of the report's text after it: a sentence wrapped, no signature (was read as the
    # signature's date, and the name above it as the agency, unflagged)
    ("\n相关工作已全部完成。\n2021年1月26日\n召开专题会议。\n", False),
    ("\n驻马店市交通运输局\n2021年1月26日\n召开专题会议。\n", False),
    ("\n驻马店市交通运输局  2021年1月26日\n召开专题会议。\n", False),
    ("\n驻马店市交通运输局\n2021年1月26日\n- 3 -\n前全部完成。\n", False),
    ("\n驻马店市交通运输局\n2021年1月26日\n下一步，我局将继续做好信息公开工作。\n附件:统计表\n", False),
    # controls: what may follow a signature (an appendix and its tables, an attachment's label alone, a contact
    # wrapped in its brackets, the page's number before an appendix, a second report's title or header box): read
    ("\n驻马店市交通运输局\n2021年1月26日" + _APPENDIX, True),
    ("\n驻马店市交通运输局\n2021年1月26日\n附件\n2020年政府信息公开情况统计表\n| 一、本年新收 | 3 |\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n(联系人:林耀,\n联系方式:0591-12345678)\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n(联系人:林耀,联系电话:\n0591-12345678)\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n- 3 -" + _APPENDIX, True),
    ("\n驻马店市交通运输局\n2021年1月26日\n驻马店市财政局2020年政府信息公开工作年度报告\n一、总体情况\n2020年,我局认真贯彻落实。\n",
     True),
    ("\n驻马店市交通运输局\n2021年1月26日\n索引号:123\n驻马店市财政局2020年政府信息公开工作年度报告\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n", True),
    # (a table with no attachment's label: its rows, or its title before them)
    ("\n驻马店市交通运输局\n2021年1月26日\n| 一、本年新收政府信息公开申请数量 | 3 |\n| 二、上年结转政府信息公开申请数量 | 1 |\n",
     True),
    ("\n驻马店市交通运输局\n2021年1月26日\n2020年政府信息公开情况统计表\n| 一、本年新收政府信息公开申请数量 | 3 |\n", True),
    # (a pre-2019 statistics table's title or header, its rows a cell a line or set with spaces, an unruled PDF's:
    # the first version of this rule read them as the report's text, the signature lost)
    ("\n驻马店市交通运输局\n2021年1月26日\n2017年政府信息公开情况统计表\n统计指标\n单位\n统计数\n"
     "(一)主动公开政府信息数\n条\n480\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n统计指标 单位 统计数\n(一)主动公开政府信息数 条 480\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n政府信息公开情况统计表（2017年度）\n统计指标 单位 统计数\n", True),
    ("\n驻马店市交通运输局\n2021年1月26日\n我局召开专题会议。\n| 一、本年新收政府信息公开申请数量 | 3 |\n", False),
])
def test_a_dated_line_with_the_reports_text_after_it_is_no_signature(ending, signed):
    # read as the report parses it (an appendix or a second report cut off before the metadata) and on the whole
    # text's lines (extract_metadata of lines holding them)
    report = _seed_004_ending(ending)
    expected = ("驻马店市交通运输局", "2021-01-26") if signed else (None, None)
    for meta in (report.metadata, extract_metadata(report.lines)):
        assert (meta["agency"], meta["published"]) == expected
    assert ("召开专题会议" in report.sections[-1].text) == ("召开专题会议" in ending)


@pytest.mark.parametrize("date, published", [
    # 廿 (20) and 卅 (30) in a day's number: no date was read (and no agency, the signature's only)
    ("二〇二一年一月廿六日", "2021-01-26"), ("二〇二一年三月卅一日", "2021-03-31"), ("二〇二一年一月廿日", "2021-01-20"),
    ("二〇二一年三月卅日", "2021-03-30"), ("二零二一年一月廿六日", "2021-01-26"),
    # controls: the tens written out; no such day (卅 in February, 廿 before 十, a month of 廿)
    ("二〇二一年一月二十六日", "2021-01-26"), ("二〇二一年二月卅日", None), ("二〇二一年一月廿十日", None),
    ("二〇二一年廿月一日", None),
])
def test_a_signatures_date_with_its_tens_in_one_character(date, published):
    report = _seed_004_ending(f"\n驻马店市交通运输局\n{date}\n")
    assert report.metadata["published"] == published
    assert report.metadata["agency"] == ("驻马店市交通运输局" if published else None)
    import opencc

    traditional = _seed_004_ending(opencc.OpenCC("s2t").convert(f"\n驻马店市交通运输局\n{date}\n"))
    assert traditional.metadata["published"] == published


@pytest.mark.parametrize("layout", ["\n{}\n2021年1月26日\n", "\n{}  2021年1月26日\n", "\n{}\n(盖章)\n二〇二一年一月二十六日\n"])
@pytest.mark.parametrize("name, agency", [
    # a department's ending alone or endings only, no place above it: was the agency, a department of no tier
    # (flagged level_unknown only); now the signature's line cut from its place, the date read, no agency
    ("办公室", None), ("中心", None), ("管理站", None), ("局办公室", None), ("海关", None), ("研究室", None),
    # controls: the short form of a body a place has one of, a central body's name, a committee's short name
    ("妇联", "妇联"), ("政协", "政协"), ("党校", "党校"), ("团委", "团委"), ("信访办", "信访办"), ("审计署", "审计署"),
    ("政协办公室", "政协办公室"), ("驻马店市人民政府办公室", "驻马店市人民政府办公室"),
])
def test_a_bodys_ending_alone_signs_with_no_agency(name, agency, layout):
    report = _seed_004_ending(layout.format(name))
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, "2021-01-26")
    assert ("agency_unknown" in {f.code for f in report.flags}) == (agency is None)
    assert name not in report.sections[-1].text  # (the section leaves the signature out)


@pytest.mark.parametrize("ending", ["\n{}\n2021年1月26日 【打印本页】 【关闭窗口】\n", "\n{}\n2021年1月26日\n【打印本页】\n【关闭窗口】\n",
                                    "\n{}\n2021年1月26日 [打印] [关闭]\n"])
def test_the_pages_furniture_in_taiwans_words(ending):
    # OpenCC s2twp writes 列印本頁, 關閉視窗 and [列印] for the furniture's 打印本页, 关闭窗口, [打印]: the furniture was
    # not told, the date on its line not read and the signature left in the last section's text
    import opencc

    report = _seed_004_ending(opencc.OpenCC("s2twp").convert(ending.format("驻马店市交通运输局")))
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-26")
    assert "交通运输局" not in report.sections[-1].text
    assert "列印" not in report.sections[-1].text and "视窗" not in report.sections[-1].text



@pytest.mark.parametrize("ending", [
    "\n{}\n2021年1月26日\n（联系人：张三，联系电话：0396-2688000）\n",
    "\n{}\n2021年1月26日\n联系方式：0396-2688000\n",
    "\n{}\n2021年1月26日\n主办：驻马店市人民政府 技术支持：驻马店市大数据中心 联系我们\n",
    "\n{}\n2021年1月26日\n字体：大 中 小\n",  # s2twp: 字型 for the furniture's 字体
])
def test_contact_and_footer_words_in_taiwans_words(ending):
    # OpenCC s2twp writes 聯絡人, 聯絡電話, 聯絡方式, 聯絡我們 for the contact's 联系人, 联系电话, 联系方式 and the footer's
    # 联系我们, and 技術支援 for 技术支持: the contact line or footer was not told, and it and the signature were left in
    # the last section's text (pingtan-2020-05's '暂无。 … (联系人:林耀,联系方式:…) 附件下载')
    import opencc

    import toolkit

    simplified = _seed_004_ending(ending.format("驻马店市交通运输局"))
    report = _seed_004_ending(opencc.OpenCC("s2twp").convert(ending.format("驻马店市交通运输局")))
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-26")
    assert report.sections[-1].text == simplified.sections[-1].text
    text = (RAW / "pingtan-2020-05.txt").read_text(encoding="utf-8")
    assert ([s.text for s in toolkit.parse_text(opencc.OpenCC("s2twp").convert(text)).sections][-1]
            == toolkit.parse_text(text).sections[-1].text == "暂无。")

@pytest.mark.parametrize("above", ["驻马店市在线", "驻马店在线"])
def test_a_sites_name_in_taiwans_words_above_the_title(above):
    # OpenCC s2twp writes a site's name ending 在线 as 線上, which t2s leaves 线上, no ending of metadata.yaml
    # site_name_endings: the site's name above the title was read as the agency's start ('驻马店市线上住房和城乡建设局'),
    # and a breadcrumb's last link, the site's, as no column's (no agency)
    import opencc

    import toolkit

    lines = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8").split("\n")
    for text in ("\n".join([above, lines[0][4:]] + lines[1:]),
                 "\n".join([f"首页 > 驻马店市住房和城乡建设局 > {above}", "2020年政府信息公开工作年度报告"] + lines[1:])):
        simplified = toolkit.parse_text(text).metadata
        assert simplified["agency"] in ("住房和城乡建设局", "驻马店市住房和城乡建设局")
        assert toolkit.parse_text(opencc.OpenCC("s2twp").convert(text)).metadata["agency"] == simplified["agency"]


# --- a signature before a table with no appendix's label (helper meta3) ------------------------------------------


_REVIEW_HEADING = {"000": "四、政府信息公开行政复议", "001": "四、政府信息公开行政复议", "002": "四、政府信息公開行政復",
                   "004": "四、因政府信息公开申请行政复议"}


def _seed_with_appendix(stem: str, ending: str, fmt: str, tmp_path: Path) -> "toolkit.Report":
    """The seed (002 without its signature) with ``ending`` after its text, its review table's lines as written put
    for ``{table}``, read as text or rendered as HTML."""
    import toolkit
    from renderers import render_html
    from toolkit.readers import read_document

    text = next(RAW.glob(f"{stem}_*.txt")).read_text(encoding="utf-8").rstrip()
    if stem == "002":
        text = text[: text.rindex("\n伊州區")]
    start = text.index("\n", text.index(_REVIEW_HEADING[stem])) + 1
    text += ending.format(table=text[start : text.index("\n五、", start)].strip("\n"))
    path = tmp_path / f"{stem}.txt"
    path.write_text(text, encoding="utf-8")
    if fmt == "html":
        lines = [line for line in read_document(path).lines if line.strip()]
        path = tmp_path / f"{stem}.html"
        path.write_bytes(render_html(lines))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return toolkit.parse_report(path)


_SIGNED = "\n驻马店市交通运输局\n2021年1月26日"


@pytest.mark.parametrize("fmt", ["text", "html"])
@pytest.mark.parametrize("stem", ["000", "001", "002", "004"])
@pytest.mark.parametrize("ending", [
    _SIGNED + "\n2020年度政府信息公开工作统计表\n{table}\n", _SIGNED + "\n- 3 -\n政府信息公开情况统计表（2020年度）\n{table}\n",
    "\n驻马店市交通运输局\n2021年1月\n26日\n2020年度政府信息公开工作统计表\n{table}\n",  # (the date wrapped)
    "\n驻马店市交通\n运输局\n（盖章）\n2021年1月26日\n2020年度政府信息公开工作统计表\n{table}\n",  # (the agency wrapped)
], ids=["title", "page_number", "date_wrapped", "agency_wrapped"])
def test_a_signature_before_a_statistics_tables_title_with_no_appendix_label(stem, ending, fmt, tmp_path):
    # A signature followed by a statistics table's title with no '附件' and the table's rows (longer than the lines
    # the signature is sought in): the appendix was no appendix, its title and rows the last section's text, and
    # the signature was not read (seed 004: agency and published None; seed 000 kept its header's date but its
    # last section held the signature and the table).  Now the title right after the signature starts the appendix,
    # as '附件：…' does: the metadata, the sections' text and the tables are those of the report signed, no appendix.
    signed = _seed_with_appendix(stem, _SIGNED + "\n", fmt, tmp_path)
    got = _seed_with_appendix(stem, ending, fmt, tmp_path)
    assert {k: got.metadata[k] for k in ("agency", "published", "level")} == {
        k: signed.metadata[k] for k in ("agency", "published", "level")}
    assert [(s.key, s.text) for s in got.sections] == [(s.key, s.text) for s in signed.sections]
    assert got.tables.equals(signed.tables)
    assert got.statements.equals(signed.statements)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("ending, agency, published", [
    # the agency wrapped over two lines with the seal's place after it, on its line or on a line of its own: the
    # agency was the name's end alone ('运输局', of no tier, flagged level_unknown only) and the last section kept
    # its start ('驻马店市交通')
    ("\n驻马店市交通\n运输局\n（盖章）\n2021年1月26日\n", "驻马店市交通运输局", "2021-01-26"),
    ("\n驻马店市交通\n运输局（盖章）\n2021年1月26日\n", "驻马店市交通运输局", "2021-01-26"),
    ("\n驻马店市交通\n运输局（盖章）\n- 3 -\n2021年1月26日\n", "驻马店市交通运输局", "2021-01-26"),
    # the seal's place before a date a wrap broke: neither agency nor date was read, the section kept the signature
    ("\n驻马店市交通运输局（盖章）2021年1月\n26日\n", "驻马店市交通运输局", "2021-01-26"),
    # controls (read before): the agency whole with its seal's place on a line of its own, a wrap without the seal
    ("\n驻马店市交通运输局\n（盖章）\n2021年1月26日\n", "驻马店市交通运输局", "2021-01-26"),
    ("\n平潭综合实验区\n经济发展局2024年1月29日\n", "平潭综合实验区经济发展局", "2024-01-29"),
])
def test_a_wrapped_agency_with_its_seals_place(ending, agency, published, script):
    import opencc

    report = _seed_004_ending(ending if script == "simplified" else opencc.OpenCC("s2t").convert(ending))
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["published"]) == (
        agency, "prefecture", published)
    assert report.sections[-1].text.strip() == "无"


# --- the page's source as the agency (helper sect7) -----------------------------------------------------------------


@pytest.mark.parametrize("line, agency", [
    ("来源：驻马店市司法局 发布时间：2021-01-20", "驻马店市司法局"),
    ("来源：驻马店市司法局", "驻马店市司法局"),
    ("信息来源：驻马店市司法局 作者：张三 发布时间：2021-01-20 浏览次数：3", "驻马店市司法局"),
    ("发布时间：2021-01-20  文章来源：驻马店市司法局", "驻马店市司法局"),
    ("来源：驻马店市司法局2021-01-20", "驻马店市司法局"),
    # a site or a paper is no agency
    ("来源：本站 发布时间：2021-01-20", None), ("来源：驻马店日报", None), ("来源：驻马店市人民政府网", None)])
def test_the_page_s_source_names_the_agency_where_nothing_else_does(line, agency):
    # Seed 000 with a title naming no agency ('2020年政府信息公开工作年度报告') and the page's source on the line
    # under it ('来源：驻马店市司法局 发布时间：…'): the source was not read, the agency unknown.  It is the agency where
    # nothing else names one; where the title does, the title's wins.
    import toolkit

    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    edited = text.replace("投稿:huoruiqi  来源:时间:2021年01月31日", line, 1)
    assert edited != text
    assert toolkit.parse_text(edited.replace("驻马店市住房和城乡建设局2020年", "2020年", 1)).metadata["agency"] == agency
    assert toolkit.parse_text(edited).metadata["agency"] == "驻马店市住房和城乡建设局"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("layout", ["\n驻马店市交通运输局{}\n2021年1月26日\n", "\n驻马店市交通运输局 {}\n2021年1月26日\n",
                                    "\n驻马店市交通运输局\n{}\n2021年1月26日\n"])
@pytest.mark.parametrize("seal", ["（印）", "（公章）", "（章）", "（单位盖章）", "（单位公章）",
                                  "（盖章）"])  # (the last a control, read before)
def test_the_seals_place_in_its_other_words(seal, layout, script):
    # The seal's place written '（印）', '（公章）', '（章）', '（单位盖章）' after the agency's name or on a line of its
    # own: only '（盖章）', '（印章）', '（签章）' were known, so the mark stayed in the last section's text ('无\n驻马店市
    # 交通运输局(印)') and, on the name's line, hid the name (no agency where the title names none).  Now each is the
    # seal's place: the agency and the date are read, the last section's text is the report's only.
    import opencc

    ending = layout.format(seal)
    report = _seed_004_ending(ending if script == "simplified" else opencc.OpenCC("s2t").convert(ending))
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-26")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("ending", ["\n（盖章）驻马店市住建局\n2021年1月30日\n", "\n(公章) 驻马店市住建局\n2021年1月30日\n",
                                    "\n（盖章）驻马店市住建局  2021年1月30日\n",
                                    "\n驻马店市住建局（盖章）\n2021年1月30日\n"])  # (the last a control, read before)
def test_the_seals_place_before_the_agency_on_its_line(ending):
    # The seal's place before the agency's name on its line ('（盖章）驻马店市住建局' / '2021年1月30日'): the seal was
    # known at the line's end only, so the line was no body's name: agency NA, and with a space after the seal or the
    # date on the name's line no signature was read at all (published NA).
    report = _seed_004_ending(ending)
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住建局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
@pytest.mark.parametrize("tail, published", [
    (["（盖章）", "驻马店市住建局", "2021年1月30日"], "2021-01-30"), (["(公章)", "驻马店市住建局  2021年1月30日"], "2021-01-30"),
    (["（盖章）", "2021年1月30日", "驻马店市住建局"], "2021-01-30"), (["（盖章）", "", "驻马店市住建局"], None)],
    ids=["two_lines", "one_line", "date_first", "undated"])
def test_the_seals_place_on_a_line_above_the_signature(tail, published, fmt, tmp_path):
    # The seal's place on a line of its own above the agency's name ('（盖章）' / '驻马店市住建局' / '2021年1月30日'):
    # the signature was read from the name down, so the mark stayed the last section's text ('无 (盖章)').
    report = _seed_004_in(tail, fmt, tmp_path)
    assert report.sections[-1].text.split() == ["无"]
    assert (report.metadata["published"] if published is None else str(report.metadata["published"])) == published
    assert metadata._signature(report.lines)[0] == "驻马店市住建局"


@pytest.mark.parametrize("footer", ["驻马店市住房和城乡建设局 主办", "驻马店市住房和城乡建设局版权所有", "驻马店市大数据局 技术支持",
                                    "驻马店市人民政府办公室主办 驻马店市大数据局承办",
                                    "主办：驻马店市住房和城乡建设局"])  # (the last a control, read before)
@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
def test_a_site_footer_naming_its_host_under_the_text(footer, signed):
    # The site's footer naming its host before the word ('驻马店市住房和城乡建设局 主办') was read as a signature's name
    # with no date and the page's furniture after it: under a signature, that signature stayed in the last section's
    # text; with none, the host was the agency ('驻马店市人民政府办公室主办驻马店市大数据局', a name of two bodies).
    # The footer names the site's host, not the report's signer: the signature above it is read, else no agency.
    report = _seed_004_ending(("\n驻马店市住建局\n2021年1月30日" if signed else "") + f"\n{footer}\n")
    expected = ("驻马店市住建局", "2021-01-30") if signed else (None, None)
    assert (report.metadata["agency"], report.metadata["published"]) == expected
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("footer", ["E-mail: zmdzjj@163.com", "电子信箱：zmdzjj@163.com", "手机版", "无障碍阅读", "关怀版",
                                    "电子邮箱：zmdzjj@163.com"])  # (the last a control, read before)
@pytest.mark.parametrize("signed", ["\n驻马店市住建局\n2021年1月30日", "\n驻马店市住建局  2021年1月30日"],
                         ids=["two_lines", "one_line"])
def test_a_sites_mail_address_or_page_version_under_the_signature(footer, signed):
    # The site's mail address labelled 'E-mail:' or '电子信箱：', or a link to the page's other versions ('手机版',
    # '无障碍阅读', '关怀版'), under the signature was no page furniture: the signature was taken for the last section's
    # text (published NA, the agency the title's only).
    report = _seed_004_ending(f"{signed}\n{footer}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住建局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


# --- a page number in brackets under the signature (helper sect2) ---------------------------------------------------


@pytest.mark.parametrize("footer", ["（第3页）", "(第 3 页)", "【第3页 共5页】", "〔第三页〕", "第3页（共5页）", "第 3 页 (共 5 页)",
                                    "- 3 -", "第 3 页", "3/5"])  # (the last three: controls, read before)
def test_a_page_number_in_brackets_under_the_signature(footer):
    # A printed report's page number in brackets under the signature ('（第3页）') was no page furniture: the
    # signature was taken for the last section's text, agency and published NA; so was a Word footer's page count
    # in brackets after the page number ('第3页（共5页）').  They are read past now, as '- 3 -' is.
    report = _seed_004_ending(f"\n驻马店市交通运输局\n2021年1月30日\n{footer}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


# --- a page number dashed with its count, in brackets alone, or in Roman numerals under the signature (helper sect) --


@pytest.mark.parametrize("footer", ["- 3 / 3 -", "— 3/3 —", "(3)", "（3）", "3-3", "3 - 3", "III", "Ⅲ", "iv", "- iv -",
                                    "— Ⅳ —", "- V -"])
def test_a_page_number_with_its_count_in_brackets_or_roman_under_the_signature(footer):
    # A page number under the signature written '- 3 / 3 -', '(3)', '3-3' or in Roman numerals ('III', '- iv -')
    # was no page furniture: the signature stayed the last section's text, agency and published NA.
    report = _seed_004_ending(f"\n驻马店市交通运输局\n2021年1月30日\n{footer}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("line", ["(3) 加强培训", "（3）加强培训", "3", "| 合计 | 3 |", "2020-2021", "5-2", "V", "XX"])
def test_a_real_line_above_the_signature_is_no_page_number(line):
    # (a list's item after its number, a table's row or value, a year's range, a page past the count, a tick or a
    # placeholder alone: the last section's text, not page furniture read past)
    from toolkit.normalize import is_page_furniture, normalize_line

    report = _seed_004_ending(f"\n{line}\n驻马店市交通运输局\n2021年1月30日\n(3)\n")
    assert report.metadata["agency"] == "驻马店市交通运输局"
    assert report.sections[-1].text.strip().splitlines()[-1] == normalize_line(line)
    assert not is_page_furniture(normalize_line(line))


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("lines, agency, level", [
    (["中共驻马店市委", "宣传部"], "中共驻马店市委宣传部", "prefecture"), (["中共乌当区委", "组织部"], "中共乌当区委组织部", "county"),
    (["共青团驻马店市委", "宣传部"], "共青团驻马店市委宣传部", "prefecture"),
    # controls (read before): no Party's name, the name whole; a second body's name of its own place below, two
    # bodies signing: the first (test_two_bodies_signing_on_lines_of_their_own_give_the_first)
    (["驻马店市委", "宣传部"], "驻马店市委宣传部", "prefecture"), (["中共驻马店市委宣传部"], "中共驻马店市委宣传部", "prefecture"),
    (["中共驻马店市委", "驻马店市人民政府"], "中共驻马店市委", "prefecture"),
])
def test_a_party_committees_department_wrapped_after_the_committees_name(lines, agency, level, script):
    # A Party committee's department signed over two lines ('中共驻马店市委' / '宣传部'): the department's name alone
    # was the agency, of no tier, the committee's line left in the last section's text.  The line above opens with a
    # place after the Party's name: the name is joined, as it is without the Party's ('驻马店市委' / '宣传部').
    import opencc

    ending = "\n" + "\n".join(lines) + "\n2021年1月30日\n"
    report = _seed_004_ending(ending if script == "simplified" else opencc.OpenCC("s2t").convert(ending))
    assert (report.metadata["agency"], report.metadata["level"], report.metadata["published"]) == (
        agency, level, "2021-01-30")
    assert report.sections[-1].text.strip().endswith("无") == (len(lines) == 1 or agency.startswith(lines[0]))


@pytest.mark.parametrize("lines, agency", [
    (["中共", "驻马店市委宣传部"], "中共驻马店市委宣传部"), (["中国共产党", "驻马店市委员会"], "中国共产党驻马店市委员会"),
    (["共青团", "驻马店市委"], "共青团驻马店市委"),
    (["中共", "党委"], None),  # (a control, read before: '中共党委' names no body)
])
def test_the_partys_name_alone_on_the_line_above_the_signing_name(lines, agency):
    # The Party's name on a line of its own above the rest of the signing name ('中共' / '驻马店市委宣传部'): the
    # agency was the rest alone, the Party's name left in the last section's text.  It is joined now.
    report = _seed_004_ending("\n" + "\n".join(lines) + "\n2021年1月30日\n")
    assert (report.metadata["agency"], report.metadata["published"]) == (agency, "2021-01-30")
    assert (lines[0] in report.sections[-1].text) == (agency is None)


@pytest.mark.parametrize("footer", ["第三页 共五页", "共五页 第三页", "第三页（共五页）", "【第三页 共五页】", "共五页",
                                    "第三页 共5页"])
def test_a_page_count_in_chinese_numerals_under_the_signature(footer):
    # A page count in Chinese numerals under the signature ('第三页 共五页'), as the page number may be written: no
    # page furniture, so the signature stayed the last section's text, agency and published NA.
    report = _seed_004_ending(f"\n驻马店市交通运输局\n2021年1月30日\n{footer}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("footer", ["- 3 -", "— 3 —", "(3)", "- 3 / 5 -", "- iv -", "第 3 页 共 5 页",
                                    "第3页"])  # (the last: a control, read before)
def test_a_page_number_after_the_signatures_date_on_its_line(footer):
    # A page number after the signature's date on its line ('2021年1月30日 - 3 -', a footer run into the last line):
    # read piece by piece ('-', '3', '-'), none of them the page's furniture, it was text after the date, so the
    # signature was not read (agency and published NA, left in the last section's text).
    report = _seed_004_ending(f"\n驻马店市交通运输局\n2021年1月30日   {footer}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("footer", ["第3页 总5页", "第 3 页/总 5 页", "第3页;共5页", "第3页、共5页", "（第3页；总5页）",
                                    "PAGE 3 OF 5", "PAGE 3",
                                    "第3页 共5页", "Page 3 of 5"])  # (the last two: controls, read before)
def test_a_page_count_after_zong_or_a_semicolon_or_in_capitals_under_the_signature(footer):
    # A footer's page count written 总 ('第3页 总5页'), set after a ; or 、 ('第3页;共5页'), or an English footer in
    # capitals ('PAGE 3 OF 5') was no page furniture: the signature stayed the last section's text, agency and
    # published NA.
    report = _seed_004_ending(f"\n驻马店市交通运输局\n2021年1月30日\n{footer}\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市交通运输局", "2021-01-30")
    assert report.sections[-1].text.strip() == "无"


@pytest.mark.parametrize("head", ["驻马店市住房和城乡建设局2020年政府信息公开工作年度报告", "- 5 -"])
def test_a_running_title_between_a_date_and_a_year_and_month_signature(head):
    # Seed 000 signed '2021年1月20日' / '驻马店市住房和城乡建设局' / '2021年1月' with the report's title repeated at the
    # next page's top between the date and the name: the date above was looked for past the seal's place and a page
    # number only, so published was NA and the date and the running title were left in the last section's text; now
    # the running title is skipped as a page number is (the day given, 2021-01-20, falls in the signature's month).
    block = ["无。", "2021年1月20日", head, "驻马店市住房和城乡建设局", "2021年1月"]
    report = _seed_000_signed("\n" + "\n".join(block) + "\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", "2021-01-20")
    assert report.sections[-1].text == "无。"


@pytest.mark.parametrize("signature", [["市住建局", "2021年1月30日"], ["2021年1月30日", "市住建局"], ["市住建局 2021年1月30日"]])
@pytest.mark.parametrize("note", ["注：本年度无收费。", "注：本报告所列数据的统计期限为2020年1月1日至2020年12月31日。"])
def test_a_note_under_the_signature_stays_the_last_section_s_text(signature, note):
    # Seed 004 signed '市住建局' / '2021年1月30日' over a note on the report ('注：本年度无收费。'): the signature was
    # read without the note, but the note was cut from the text with it and kept nowhere, so a researcher reading
    # the last section never saw it; now it stays at the last section's end, after the signature's removal.
    report = _seed_004_ending("\n" + "\n".join([*signature, note]) + "\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", "2021-01-30")
    assert report.sections[-1].text == "无\n" + normalize_text(note)


@pytest.mark.parametrize("signature", [["市住建局", "2021年1月"], ["2021年1月", "市住建局"], ["市住建局 2021年1月"]])
def test_a_note_under_a_year_and_month_signature_leaves_it_read(signature):
    # Seed 004 signed '市住建局' / '2021年1月' over a note on the report ('注：本年度无收费。'): a note was passed over
    # under a whole date only, so under a year and month it was read as the text's last line, no signature: the agency
    # NA and the signature left in the last section's text.  Now it is read as under a whole date: the agency, no day
    # (published NA), the note the last section's text.
    report = _seed_004_ending("\n" + "\n".join([*signature, "注：本年度无收费。"]) + "\n")
    assert (report.metadata["agency"], report.metadata["published"]) == ("市住建局", None)
    assert report.sections[-1].text == "无\n注:本年度无收费。"


@pytest.mark.parametrize("stamp", ["打印日期：2022-03-01", "打印时间：2022年3月1日 10:20", "【打印】【关闭】", "- 5 -"])
def test_a_print_stamp_between_a_date_and_a_year_and_month_signature(stamp):
    # Seed 000 signed '2021年1月20日' / '驻马店市住房和城乡建设局' / '2021年1月' with a page's print stamp between the
    # date and the name ('打印日期：2022-03-01'): only the page's furniture was passed over there, not a date the page
    # gives of no publication, so published was NA and the date and the stamp were left in the last section's text.
    # Now the stamp is skipped: the day given, 2021-01-20, falls in the signature's month.  ('【打印】【关闭】' and a
    # page number: controls, read before.)
    block = ["无。", "2021年1月20日", stamp, "驻马店市住房和城乡建设局", "2021年1月"]
    report = _seed_000_signed("\n" + "\n".join(block) + "\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", "2021-01-20")
    assert report.sections[-1].text == "无。"


@pytest.mark.parametrize("head", ["《2020年度政府信息公开工作年度报告》", "2020年度政府信息公开工作年度报告",
                                  "《驻马店市住房和城乡建设局2020年政府信息公开工作年度报告》",
                                  "驻马店市住房和城乡建设局2020年政府信息公开工作年度报告"])
@pytest.mark.parametrize("order", ["name first", "date first"])
def test_a_running_title_between_the_agency_and_a_whole_date(head, order):
    # Seed 000 signed '驻马店市住房和城乡建设局' / '2021年1月20日' (or date first) with the report's title repeated at
    # the next page's top between the two, in book-title marks or not: only a page number, the seal's place or a scope
    # note was passed over there, so the agency was NA (and published NA for the marked title), the name and the
    # title left in the last section's text.  Now the running title is skipped as the page's head it is.
    name, date = "驻马店市住房和城乡建设局", "2021年1月20日"
    block = ["无。", name, head, date] if order == "name first" else ["无。", date, head, name]
    report = _seed_000_signed("\n" + "\n".join(block) + "\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == (name, "2021-01-20")
    assert report.sections[-1].text == "无。"


@pytest.mark.parametrize("signed, source, published", [
    ("2021年1月30日", ["来源：驻马店市住房和城乡建设局", "2021-01-29"], "2021-01-30"),
    ("2021年1月", ["来源：驻马店市住房和城乡建设局", "2021-01-29"], "2021-01-29"),
    ("2021年1月", ["来源：本站", "2021-01-29"], "2021-01-29"),
    # controls, read before: the source and its date on one line (no publication date's label: the month's, NA), a
    # posting date labelled after the source, a posting date alone
    ("2021年1月", ["来源：驻马店市住房和城乡建设局 2021-01-29"], None),
    ("2021年1月", ["发布时间：2021-01-29 来源：驻马店市住房和城乡建设局"], "2021-01-29"),
    ("2021年1月30日", ["2021-01-29"], "2021-01-30"),
])
def test_a_pages_source_line_between_the_signature_and_a_posting_date(signed, source, published):
    # Seed 000 signed '驻马店市住房和城乡建设局' / '2021年1月30日' (or '2021年1月') over the page's source field and
    # its posting date on the next line ('来源：驻马店市住房和城乡建设局' / '2021-01-29'): only a page break or a
    # disclosure note was passed over between a signature and a posting date, so the posting date was read as the
    # signature's date (published 2021-01-29 under a whole date) or, under a year and month, the signature, the
    # source line with it, was left in the last section's text ('来源：本站': the agency NA too).  Now the source line
    # is the page's furniture as the posting date is.
    block = ["无。", "驻马店市住房和城乡建设局", signed, *source]
    report = _seed_000_signed("\n" + "\n".join(block) + "\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", published)
    assert report.sections[-1].text == "无。"


@pytest.mark.parametrize("block, published", [
    (["驻马店市住房和城乡建设局", "打印日期：2022-03-01", "2021年1月20日"], "2021-01-20"),
    (["2021年1月20日", "打印时间：2022-03-01 10:20", "驻马店市住房和城乡建设局"], "2021-01-20"),
    (["驻马店市住房和城乡建设局", "打印日期：2022-03-01", "2021年1月"], None),
    (["2021年1月20日", "《2020年度政府信息公开工作年度报告》", "驻马店市住房和城乡建设局", "2021年1月"], "2021-01-20"),
])
def test_a_print_date_or_a_marked_running_title_inside_the_signature(block, published):
    # Seed 000 signed with a page's print date between the agency and its date ('驻马店市住房和城乡建设局' /
    # '打印日期：2022-03-01' / '2021年1月20日', or date first, or a year and month), or the report's title in
    # book-title marks between a date and a year-and-month signature: neither was passed over there, so the agency
    # was NA (published NA too but under a whole date after the name) and the signature and the stamp or the title
    # were left in the last section's text.  Now both are skipped as the page's furniture: the agency, and the day
    # given where there is one.
    report = _seed_000_signed("\n" + "\n".join(["无。", *block]) + "\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", published)
    assert report.sections[-1].text == "无。"


@pytest.mark.parametrize("between", ["《2020年度政府信息公开工作年度报告》", "2020年度政府信息公开工作年度报告", "- 5 -", "（盖章）"])
def test_a_page_s_head_or_the_seal_between_a_year_and_month_and_the_agency_under_it(between):
    # Seed 000 signed year and month first ('2021年1月' / 'XX局') with the report's running title, a page number or
    # the seal's place between the two lines: only the line right above the name was read for the year and month, so
    # no signature was found (the agency NA) and the three lines were left in the last section's text.  Now they
    # are passed over as between a name and a whole date: the agency read, no day given (published NA).
    block = ["无。", "2021年1月", between, "驻马店市住房和城乡建设局"]
    report = _seed_000_signed("\n" + "\n".join(block) + "\n", "")
    assert (report.metadata["agency"], report.metadata["published"]) == ("驻马店市住房和城乡建设局", None)
    assert report.sections[-1].text == "无。"
