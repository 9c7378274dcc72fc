"""Property tests of the agency rules of toolkit.metadata: names and phrases composed from the data the code reads.

A real body's name (a chain of places the gazetteer knows, then a body's ending) reads as itself, with its tier and
kind, wherever the extractor looks for the agency; a phrase (a year's tail, a house number, a collective, a
reference, the Party committee and the government named together, tiers named together, a count) glued before such
a name, or alone, is never the agency; and the reading is the same in traditional characters and with full-width
punctuation.  The run draws the same examples each time (tests/conftest.py, profile ``repeatable``);
``HYPOTHESIS_PROFILE=explore`` draws new ones.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import toolkit.metadata as metadata
from toolkit.metadata import extract_metadata
from toolkit.normalize import normalize_text

from scale import scaled

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
TITLE = "2020年政府信息公开工作年度报告"


@lru_cache(maxsize=1)
def _body() -> str:
    """Seed 000 after its title line (its text names no agency: no field, no signature)."""
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    return text[text.index("\n"):].rstrip()


def _meta(doc: str) -> dict:
    return extract_metadata(normalize_text(doc).split("\n"))


def _placed(name: str) -> list[dict]:
    """Metadata of seed 000 under a title naming no agency, ``name`` on the line under the title, on the line above
    it, above the date signing the report, as the header box's publisher, as a breadcrumb's last link."""
    body = _body()
    return [_meta(doc) for doc in (f"{TITLE}\n{name}{body}", f"{name}\n{TITLE}{body}",
                                   f"{TITLE}{body}\n{name}\n2021年1月20日\n", f"发布机构：{name}\n{TITLE}{body}",
                                   f"首页 > 政务公开 > {name}\n{TITLE}{body}")]


def _titled(name: str) -> list[dict]:
    """Metadata of seed 000 whose title names ``name`` before the year, after it, in the page's <title> only."""
    body = _body()
    lines = normalize_text(f"{TITLE}{body}").split("\n")
    return [_meta(f"{name}{TITLE}{body}"), _meta(f"2020年{name}政府信息公开工作年度报告{body}"),
            extract_metadata(lines, page_title=f"{name}{TITLE}_政府门户网站")]


# --- names ------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _units() -> dict[str, list[dict[str, str]]]:
    """The gazetteer's rows by tier, names the gazetteer gives one unit only (a county of several is read, its
    province left to the text: not what is asserted here)."""
    rows = metadata._gazetteer_rows()
    count: dict[str, int] = {}
    for row in rows:
        count[row["name"]] = count.get(row["name"], 0) + 1
    out: dict[str, list[dict[str, str]]] = {"province": [], "prefecture": [], "county": []}
    for row in rows:
        if count[row["name"]] == 1 and row["level"] in out:
            out[row["level"]].append(row)
    return out


# bodies' endings as names write them after their places: the government's, the departments' (drawn from
# metadata.yaml's department_endings, with the words real names put before them)
_GOVERNMENT = ["人民政府", "人民政府办公室", "人民政府办公厅", "政府办公室", "政府"]
_DEPARTMENT = ["财政局", "教育局", "住房和城乡建设局", "发展和改革委员会", "卫生健康委员会", "市场监督管理局",
               "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "统计局", "审计局", "司法局", "民政局", "公安局",
               "交通运输局", "农业农村局", "水利局", "商务局", "文化和旅游局", "应急管理局", "退役军人事务局", "医疗保障局",
               "信访局", "档案馆", "妇女联合会", "总工会", "残疾人联合会", "红十字会", "科学技术协会", "政务服务中心",
               "公共资源交易中心", "机关事务管理局", "城市管理局", "林业局", "气象局", "科学技术局", "地方史志研究室",
               "农业技术推广站", "救助管理站", "妇联", "残联", "科协", "信访办", "扶贫办", "外事办", "编办", "党校",
               "行政学校", "图书馆", "博物馆", "疾病预防控制中心", "人民医院", "住建局", "发改委", "卫健委", "教体局",
               "行政审批服务局", "大数据管理局", "国有资产监督管理委员会", "人民防空办公室", "政府办", "委办"]
_LEVEL = {"province": "province", "prefecture": "prefecture", "county": "county"}


@st.composite
def _chain(draw) -> tuple[str, str, str | None]:
    """A chain of places (province, prefecture, county; one to three of them, in order, each under the one
    before) as an agency writes it, its tier and its province."""
    units = _units()
    level = draw(st.sampled_from(["province", "prefecture", "county"]))
    last = draw(st.sampled_from(units[level]))
    chain = [last["name"]]
    if level == "county" and last["parent"] and draw(st.booleans()):
        parent = next((r for r in units["prefecture"] if r["name"] == last["parent"]), None)
        if parent is not None:
            chain.insert(0, parent["name"])
    if level != "province" and draw(st.booleans()):
        province = next((r for r in units["province"] if r["short"] == last["province"]), None)
        if province is not None and province["name"] != chain[0]:
            chain.insert(0, province["name"])
    return "".join(chain), level, last["province"] or None


# townships' and streets' stems (real ones, and those of the gazetteer's short names, drawn below), their endings
# (古城: a stem ending as a word of not_places does, 古城乡; 全胜, 本固: starting as a collective does)
_TOWN_STEMS = ["新华", "城关", "东风", "人民路", "解放路", "青年路", "朝阳", "红旗", "长安", "和平", "胜利", "建设",
               "古城", "全胜", "本固"]
_TOWN = ["镇人民政府", "乡人民政府", "镇政府", "街道办事处", "街道办", "镇", "乡", "街道"]
_ZONE = ["经济技术开发区管委会", "高新技术产业开发区管理委员会", "经济开发区管委会", "综合实验区管委会", "旅游度假区管委会"]


@st.composite
def _body_name(draw) -> tuple[str, str | None, str, str | None]:
    """(name, tier, kind, province) of a body of a place chain: its government, one of its departments, a township's
    or a street's government in it, a zone's committee (of no tier told)."""
    places, level, province = draw(_chain())
    kind = draw(st.integers(0, 5))
    if kind < 2:
        return places + draw(st.sampled_from(_GOVERNMENT)), level, "government", province
    if kind < 4:
        return places + draw(st.sampled_from(_DEPARTMENT)), level, "department", province
    if kind == 4 and level == "county":
        stem = draw(st.sampled_from(_TOWN_STEMS + [r["short"] for r in _units()["county"][:400:7] if r["short"]]))
        town = stem + draw(st.sampled_from(_TOWN))
        # (a town whose name holds a word of not_places is read as no place, but where the word ends at the town's
        # ending before a government's, 古城乡人民政府: the others are left out here)
        rules = metadata._rules()["places"]
        assume(all(word not in town or word not in rules["town_words"] and town.endswith("政府")
                   and (stem + town[len(stem)]).endswith(word) for word in rules["not_places"]))
        return places + town, "township", "government", province
    return places + draw(st.sampled_from(_ZONE)), None, "government", province


_EXAMPLES = settings(max_examples=scaled(100), deadline=None)


@_EXAMPLES
@given(_body_name())
def test_a_body_of_a_place_chain_reads_as_itself_beside_the_title(body):
    name, level, kind, province = body
    for meta in _placed(name):
        assert (meta["agency"], meta["level"], meta["agency_kind"]) == (name, level, kind)
        assert meta["province"] == province


@_EXAMPLES
@given(_body_name())
def test_a_body_of_a_place_chain_reads_as_itself_in_titles(body):
    name, level, kind, province = body
    for meta in _titled(name):
        assert (meta["agency"], meta["level"], meta["agency_kind"], meta["report_year"]) == (name, level, kind, 2020)
        assert meta["province"] == province
    assert metadata._file_name_agency(f"{name}{TITLE}.docx") == name


# --- phrases ----------------------------------------------------------------------------------------------------


_COUNT = "一二两三四五六七八九十"


@st.composite
def _glued_before(draw) -> str:
    """A phrase's words glued before a name: a year's tail, a house number's (in numerals), a date's tail."""
    rules = metadata._rules()["places"]
    start = draw(st.sampled_from(rules["glued_starts"]))
    if start == "号":
        start = draw(st.text(rules["glued_numerals"], max_size=3)) + start
    elif draw(st.booleans()):
        start = draw(st.sampled_from(["二〇二〇", "二〇二一", "2020"])) + start
    return start


@st.composite
def _phrase(draw, kinds: tuple[int, ...] = (0, 1, 2, 3, 4)) -> str:
    """A phrase ending as a body's or a place's name does: words glued before a real body's name, a collective or a
    reference, the Party committee and the government named together, tiers named together, a count of places (the
    ``kinds`` 0 to 4)."""
    rules = metadata._rules()["places"]
    name = draw(_body_name())[0]
    places, _, _ = draw(_chain())
    levels = [level for level in rules["bare_levels"] if len(level) == 1]
    kind = draw(st.sampled_from(kinds))
    if kind == 0:
        return draw(_glued_before()) + draw(st.sampled_from([name, places]))
    if kind == 1:  # a collective or a reference: 各县, 全市, 本局, 我委, 各乡镇人民政府, 本单位; 各派出所, 每个镇, 本医院
        start = draw(st.sampled_from(rules["collective_starts"]))
        if draw(st.booleans()):
            # (a body's name after any of them, no place read: 本医院, 全财政局; but not one a word of
            # collective_words starts, 全民健身中心, whatever follows it: 全民政局 is read so; nor one a national
            # body's start begins, 全国妇联: 全国有资产监督管理委员会 is read so)
            counter = draw(st.sampled_from(["", "个"])) if start in rules["plural_starts"] else ""
            phrase = start + counter + draw(st.sampled_from([*levels, *_DEPARTMENT, "医院", "人民医院"]))
            national = metadata._rules()["agency"]["national_prefixes"]
            assume(not phrase.startswith((*rules["collective_words"], *national)))
            return phrase
        rest = draw(st.sampled_from([*levels, "乡镇", "级", "部门", "单位", "局", "委", "委办局", "机关"]))
        return start + rest + draw(st.sampled_from(["", "人民政府", "政府"]))
    if kind == 2:  # the committee and the government: 市委市政府, 正阳县委县政府, 镇党委镇政府
        committee = draw(st.sampled_from(rules["committee_starts"]))
        government = draw(st.sampled_from(["政府", "人民政府", "政府办"]))
        if draw(st.booleans()):  # 市委市政府, 镇党委镇政府; 镇党委政府, 街道党工委办事处
            level = draw(st.sampled_from([*levels, "街道"]))
            again = draw(st.sampled_from([level, ""]))
            if draw(st.booleans()):  # the committee or a body of it, no place named: 镇党委, 区委办, 中共县委宣传部
                party = draw(st.sampled_from(["", "中共", "中国共产党"]))
                body = draw(st.sampled_from(["", "办", "办公室", "宣传部", "组织部", *_DEPARTMENT]))
                return f"{party}{level}{committee}{body}"
            return f"{level}{committee}{again}{draw(st.sampled_from([government, '办事处']))}"
        # 正阳县委县政府, 正阳县委正阳县人民政府
        level = places[-1] if places[-1] in levels else "省"
        return f"{places}{committee}{draw(st.sampled_from([level, places]))}{government}"
    if kind == 3:  # tiers named together, in their order: 省市县, 市县区, 县乡
        tiers = "省市县区乡镇"
        start = draw(st.integers(0, len(tiers) - 2))
        return tiers[start: draw(st.integers(start + 2, len(tiers)))]
    # a count of places, the last a place: 两区三县, 一岛两窗三区
    parts = draw(st.lists(st.tuples(st.sampled_from(_COUNT), st.sampled_from([*levels, "岛", "窗", "园"])),
                          min_size=1, max_size=2))
    return "".join(n + c for n, c in parts) + draw(st.sampled_from(_COUNT)) + draw(st.sampled_from(levels))


@settings(max_examples=scaled(200), deadline=None)
@given(_phrase())
def test_a_phrase_is_never_the_agency_beside_the_title(phrase):
    for meta in _placed(phrase)[:3]:
        assert meta["agency"] is None, phrase


@settings(max_examples=scaled(200), deadline=None)
@given(_phrase())
def test_a_phrase_is_never_the_agency_in_titles(phrase):
    for meta in _titled(phrase)[::2]:
        assert meta["agency"] is None, phrase
    assert metadata._file_name_agency(f"{phrase}{TITLE}.docx") is None


# --- scripts and widths -----------------------------------------------------------------------------------------


_WIDE = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


@st.composite
def _doc(draw) -> str:
    """Seed 000 with a real body's name or a phrase in one of the places the extractor reads."""
    name = draw(st.one_of(_body_name().map(lambda b: b[0]), _phrase()))
    body = _body()
    return draw(st.sampled_from([f"{name}{TITLE}{body}", f"{TITLE}\n{name}{body}", f"{name}\n{TITLE}{body}",
                                 f"{TITLE}{body}\n{name}\n2021年1月20日\n", f"发布机构：{name}\n{TITLE}{body}",
                                 f"首页 > 政务公开 > {name}\n{TITLE}{body}"]))


@settings(max_examples=scaled(60), deadline=None)
@given(_doc(), st.sampled_from(["s2t", "s2tw", "s2hk"]))
# (names OpenCC writes with a character its t2s keeps, 浚县 → 濬縣 → 濬县: metadata.yaml traditional_names)
@example(f"浚县人民政府{TITLE}" + _body(), "s2t").via("discovered failure")
@example(f"{TITLE}\n玉溪市澄江县财政局" + _body(), "s2hk").via("discovered failure")
def test_the_same_reading_in_traditional_characters(doc, config):
    import opencc

    assert _meta(opencc.OpenCC(config).convert(doc)) == _meta(doc)


@settings(max_examples=scaled(100), deadline=None)
@given(_doc())
def test_the_same_reading_with_full_width_punctuation_and_digits(doc):
    assert _meta(doc.translate(_WIDE)) == _meta(doc)


@settings(max_examples=scaled(150), deadline=None)
@given(_body_name(), _phrase(kinds=(1, 2, 3, 4)))
# (the Party's name before a bare level read as a township's stem, '中共镇', under the government: a name of places)
@example(("北京市人民政府", "province", "government", "北京"), "中共镇委").via("discovered failure")
def test_a_phrase_after_a_body_is_never_the_agency(body, phrase):
    # (a collective, the committee and the government, tiers, a count after the name: two names or a sentence's)
    name = body[0] + phrase
    for meta in _placed(name)[:3] + _titled(name)[::2]:
        assert meta["agency"] is None, name


# --- clauses and counties' short names --------------------------------------------------------------------------


@st.composite
def _clause(draw) -> str:
    """A sentence's clause ending in a real body's name: a start of metadata.yaml's clause_starts (a conjunction, a
    preposition, a verb, a list item's number: 和, 按照, 二是), or a subject and a verb of clause_words before it
    ('二是整改情况已报送区政府办公室'), or a verb of clause_verbs right before it or a bare level's body
    ('相关材料报市财政局')."""
    rules = metadata._rules()["agency"]
    name = draw(_body_name())[0]
    subject = draw(st.sampled_from(["", "整改情况", "相关材料", "年度报告"]))
    if draw(st.booleans()):
        return draw(st.sampled_from(rules["clause_starts"])) + subject + name
    if draw(st.booleans()):
        levels = [level for level in metadata._rules()["places"]["bare_levels"] if len(level) == 1]
        name = draw(st.sampled_from([name, draw(st.sampled_from(levels)) + draw(st.sampled_from(_DEPARTMENT))]))
        return subject + draw(st.sampled_from(rules["clause_verbs"])) + name
    return draw(st.sampled_from(["", "一是", "二是"])) + subject + draw(st.sampled_from(rules["clause_words"])) + name


@settings(max_examples=scaled(150), deadline=None)
@given(_clause())
def test_a_clause_ending_in_a_bodys_name_is_never_the_agency(clause):
    # (also before the signing date on its line, glued to the text's last sentence: no signature)
    body = _body()
    docs = [f"{TITLE}{body}\n{clause}2021年1月20日\n", f"{TITLE}{body}无。{clause}2021年1月20日\n"]
    for meta in _placed(clause)[:3] + [_meta(doc) for doc in docs]:
        assert meta["agency"] is None, clause


@lru_cache(maxsize=1)
def _shorts_read_by_their_ending() -> list[str]:
    """The gazetteer's counties' short names that are no name of their own (沙县, 荆州 are) and that an ending reads
    as a place (泽州, 伊州, 丰镇; not 义乌)."""
    index = metadata._index()
    return sorted(s for s in index["county_short"] if s not in index["full"] and s not in index["short"]
                  and getattr(metadata._match_generic(s, 0), "text", None) == s)


@settings(max_examples=scaled(60), deadline=None)
@given(st.deferred(lambda: st.sampled_from(_shorts_read_by_their_ending())), st.sampled_from(_GOVERNMENT + _DEPARTMENT))
def test_a_countys_short_name_before_a_bodys_ending_is_never_a_prefecture_it_is_not(short, ending):
    # a county's short name (泽州 of 泽州县) before a body's ending reads as that county where its ending would make a
    # prefecture the gazetteer does not hold
    index = metadata._index()
    meta = _meta(f"{TITLE}\n{short}{ending}" + _body())
    if meta["agency"] is not None:
        assert meta["level"] != "prefecture", short + ending
        if short.endswith("州"):
            assert (meta["level"], meta["province"]) == ("county", index["county_short"][short]["province"])


@settings(max_examples=scaled(60), deadline=None)
@given(st.text("神华中九天云龙凤金玉青白", min_size=1, max_size=2), st.sampled_from(["", *_GOVERNMENT, *_DEPARTMENT]))
# (a place ending in a name the gazetteer knows, 青州市 of '中青州市场…', took the 市 of 市场 as its own: a county,
# its rest '场监督管理局' no body's)
@example("中青", "市场监督管理局").via("discovered failure")
def test_a_place_read_by_an_untold_ending_alone_is_of_no_tier(stem, ending):
    # a name ending in one of untold_endings (州) that the gazetteer knows as no prefecture nor a county's short name
    # ('神州人民政府') is of no tier told before a body's ending, and no agency alone
    index = metadata._index()
    endings = metadata._rules()["places"]["untold_endings"]
    place = stem + endings[0]
    assume(place not in index["full"] and stem not in index["short"] and place not in index["short"]
           and metadata._county_of_short(place) is None
           and not place.startswith(tuple(metadata._rules()["places"]["collective_starts"])))
    meta = _meta(f"{TITLE}\n{place}{ending}" + _body())
    assert meta["level"] is None and (meta["agency"] is None) == (ending == ""), place + ending
