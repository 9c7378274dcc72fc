"""Tests of toolkit.synth: consistent truth, deterministic rendering, layouts like the seeds."""
from __future__ import annotations

import io
import re
import unicodedata
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from toolkit import synth

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = {"lines": "000_*.txt", "pipe_cells": "001_*.txt", "tab": "004_*.txt"}

APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"]
REQ_COLS = APPLICANTS + ["total"]
# Row keys of shared/spec/schema.md, in table order.
REQ_ROWS_2019 = ["new", "carried_over", "granted", "partially_granted", "denied_state_secret", "denied_prohibited",
                 "denied_security", "denied_third_party", "denied_internal", "denied_process", "denied_enforcement",
                 "denied_query", "unable_not_held", "unable_needs_creation", "unable_unclear", "rejected_petition",
                 "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
                 "other_handling", "handled_total", "carried_forward"]
REQ_ROWS_2021 = (REQ_ROWS_2019[:20] + ["other_no_correction", "other_unpaid_fee", "other_misc"]
                 + REQ_ROWS_2019[21:])
ACTIVE_KEYS = {
    "2019": {("regulations", c) for c in ("made", "published", "total_public")}
    | {("normative_documents", c) for c in ("made", "published", "total_public")}
    | {(r, c) for r in ("licensing", "other_services", "penalty", "coercion") for c in ("prev_items", "change", "decisions")}
    | {("fees", "prev_items"), ("fees", "change"), ("procurement", "items"), ("procurement", "amount_wan")},
    "2021": {(r, c) for r in ("regulations", "normative_documents") for c in ("issued", "repealed", "in_force")}
    | {("licensing", "decisions"), ("penalty", "decisions"), ("coercion", "decisions"), ("fees", "amount_wan")},
}
REVIEW_ROWS = ["review", "litigation_direct", "litigation_after_review"]
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]


def _grid(truth: pd.DataFrame, table: str) -> pd.DataFrame:
    """Values of one table as a row_key x col_key grid, blanks read as 0."""
    t = truth[truth["table"] == table]
    return t.pivot(index="row_key", columns="col_key", values="value").fillna(0.0)


def _check_identities(truth: pd.DataFrame, template: str) -> None:
    req = _grid(truth, "requests")
    outcomes = [r for r in (REQ_ROWS_2019 if template == "2019" else REQ_ROWS_2021)
                if r not in ("new", "carried_over", "handled_total", "carried_forward")]
    for col in REQ_COLS:
        c = req[col]
        assert c["new"] + c["carried_over"] == c["handled_total"] + c["carried_forward"], col
        assert c["handled_total"] == c[outcomes].sum(), col
    assert (req["total"] == req[APPLICANTS].sum(axis=1)).all()
    rev = _grid(truth, "review_litigation")
    assert (rev["total"] == rev[["upheld", "corrected", "other", "pending"]].sum(axis=1)).all()


CASES = [(s, t, b) for s in range(40) for t in synth.TEMPLATES for b in (0.0, 0.5)]


@pytest.mark.parametrize(("seed", "template", "blank_rate"), CASES)
def test_truth_identities_hold(seed: int, template: str, blank_rate: float) -> None:
    truth = synth.make_truth(np.random.default_rng(seed), template, blank_rate=blank_rate, report_id="r")
    assert list(truth.columns) == ["report_id", "table", "row_key", "col_key", "value", "raw"]
    assert (truth["report_id"] == "r").all()
    _check_identities(truth, template)
    # keys exactly as schema.md
    req = truth[truth["table"] == "requests"]
    assert list(dict.fromkeys(req["row_key"])) == (REQ_ROWS_2019 if template == "2019" else REQ_ROWS_2021)
    assert set(req["col_key"]) == set(REQ_COLS)
    act = truth[truth["table"] == "active"]
    assert set(zip(act["row_key"], act["col_key"])) == ACTIVE_KEYS[template]
    rev = truth[truth["table"] == "review_litigation"]
    assert list(zip(rev["row_key"], rev["col_key"])) == [(r, c) for r in REVIEW_ROWS for c in REVIEW_COLS]
    assert not truth.duplicated(["table", "row_key", "col_key"]).any()
    # only non-negative numbers except change
    signed = truth["col_key"] == "change"
    assert (truth.loc[~signed, "value"].dropna() >= 0).all()
    # blanks: raw '' <=> value NaN, and only where allowed
    blank = truth["raw"] == ""
    assert (blank == truth["value"].isna()).all()
    if blank_rate == 0:
        assert not blank.any()
    forbidden = ((truth["table"] == "review_litigation")
                 | ((truth["table"] == "requests") & truth["col_key"].isin(["natural_person", "total"])))
    assert not (blank & forbidden).any()
    for row, cells in act.groupby("row_key", sort=False):
        assert cells["raw"].iloc[0] != "" and cells["raw"].iloc[-1] != "", row


def test_blanks_only_replace_zeros() -> None:
    """Same seed with and without blanks: the blanked cells were zeros, everything else equal."""
    plain = synth.make_truth(np.random.default_rng(11), "2021", blank_rate=0.0)
    blank_counts = 0
    for seed in range(20):
        a = synth.make_truth(np.random.default_rng(seed), "2021", blank_rate=0.0)
        b = synth.make_truth(np.random.default_rng(seed), "2021", blank_rate=0.9)
        # the blanking draws come after the numbers, so the numbers are the same
        assert (a["value"][b["value"].isna()] == 0).all()
        pd.testing.assert_series_equal(a["value"][b["value"].notna()], b["value"].dropna())
        blank_counts += int(b["value"].isna().sum())
    assert blank_counts > 100
    assert plain["value"].notna().all()


def test_numbers_are_realistic_across_reports() -> None:
    truths = [synth.make_truth(np.random.default_rng(s), t) for s in range(60) for t in synth.TEMPLATES]
    values = pd.concat(truths)
    share_zero = (values["value"] == 0).mean()
    assert 0.5 < share_zero < 0.95, share_zero  # mostly zeros, as in real tables
    assert (values["value"] >= 1000).sum() >= 20  # thousands separators get exercised
    assert (values.loc[values["col_key"] == "change", "value"] < 0).any()
    money = values[values["col_key"] == "amount_wan"]["value"]
    assert (money != money.round()).any()  # fractional 万元
    req_total = values[(values["row_key"] == "new") & (values["col_key"] == "total")]["value"]
    assert (req_total >= 1000).any() and (req_total < 50).mean() > 0.3


@pytest.mark.parametrize("layout", [*synth.LAYOUTS, "html"])
def test_make_report_is_deterministic(layout: str) -> None:
    a_text, a_truth = synth.make_report(123, layout=layout)
    b_text, b_truth = synth.make_report(123, layout=layout)
    assert a_text == b_text
    pd.testing.assert_frame_equal(a_truth, b_truth)
    c_text, _ = synth.make_report(124, layout=layout)
    assert c_text != a_text


def test_rendered_truth_keeps_value_and_gives_raw_as_written() -> None:
    for seed in range(30):
        rng = np.random.default_rng(seed)
        template = synth.TEMPLATES[seed % 2]
        truth = synth.make_truth(rng, template, blank_rate=0.3)
        before = truth.copy()
        lines = synth.render_lines(truth, rng, template=template)
        pd.testing.assert_series_equal(before["value"], truth["value"])
        assert ((before["raw"] == "") == (truth["raw"] == "")).all()
        cells = {c for it in lines if isinstance(it, list) for c in it}
        for raw, value, col in zip(truth["raw"], truth["value"], truth["col_key"]):
            if raw == "":
                continue
            assert raw in cells
            assert _parse(raw) == pytest.approx(value, abs=1e-9), (raw, value, col)


def _parse(raw: str) -> float:
    """An independent reading of a rendered number (not the toolkit's parser)."""
    s = unicodedata.normalize("NFKC", raw).replace(",", "")
    if s.endswith("万元"):
        return float(Decimal(s[:-2]))
    if s.endswith("元"):
        return float(Decimal(s[:-1]) / 10000)
    return float(Decimal(s))


def test_number_styles_appear() -> None:
    raws = []
    for seed in range(80):
        _, truth = synth.make_report(seed, layout="pipe_rows")
        raws += list(truth["raw"])
    joined = "\n".join(raws)
    assert re.search(r"^\d{1,3}(,\d{3})+$", joined, re.M)  # 2,887
    assert re.search(r"^\+\d+$", joined, re.M)  # +5
    assert re.search(r"^-\d+$", joined, re.M)  # -22
    assert re.search(r"^[０-９]+$", joined, re.M)  # full-width digits
    assert re.search(r"^\d+元$", joined, re.M)  # 215300元
    assert re.search(r"^[\d.,]+万元$", joined, re.M)  # 21.53万元


def test_no_variants_gives_official_labels() -> None:
    rng = np.random.default_rng(5)
    truth = synth.make_truth(rng, "2019")
    lines = synth.render_lines(truth, rng, template="2019", label_variants=False, number_styles=False,
                               agency="某县某局", year=2019)
    text = synth.render_text(lines, "pipe_rows")
    for label in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
                  "第二十条第（一）项 |", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
                  "三、本年度办理结果 | （一）予以公开 |", "（三）不予公开 | 1.属于国家秘密 |",
                  "（二）部分公开（区分处理的，只计这一情形，不计其他情形） |", "（六）其他处理 |",
                  "四、结转下年度继续办理 |", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |"]:
        assert label in text, label
    assert lines[0] == "某县某局2019年政府信息公开工作年度报告"
    # values in official order: the review row is 15 numbers
    review = [it for it in lines if isinstance(it, list) and len(it) == 15]
    assert len(review) == 1
    assert review[0] == list(truth[truth["table"] == "review_litigation"]["raw"])


def test_2021_has_its_own_rows() -> None:
    rng = np.random.default_rng(8)
    truth = synth.make_truth(rng, "2021")
    text = synth.render_text(synth.render_lines(truth, rng, template="2021", label_variants=False), "pipe_rows")
    assert "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |" in text
    assert "本年制发件数 | 本年废止件数 | 现行有效件数 |" in text
    assert "本年收费金额（单位：万元） |" in text
    assert "政府集中采购" not in text and "上一年项目数量" not in text


def _line_kinds(text: str) -> set[str]:
    kinds = set()
    for line in text.split("\n"):
        if line == "":
            kinds.add("blank")
        elif line == "\t":
            kinds.add("lone_tab")
        elif line.startswith("\t"):
            kinds.add("tab_cell")
        elif re.fullmatch(r"\|+", line):
            kinds.add("pipes_only")
        elif re.fullmatch(r".*\S \|( \|+)?", line) and line.count(" | ") == 0:
            kinds.add("cell_pipe")
        elif " | " in line:
            kinds.add("pipe_row")
        else:
            kinds.add("text")
    return kinds


@pytest.mark.parametrize("layout", ["lines", "pipe_cells", "tab"])
def test_layout_looks_like_its_seed(layout: str) -> None:
    seed_text = next(RAW.glob(SEEDS[layout])).read_text(encoding="utf-8")
    seed_kinds = _line_kinds(seed_text)
    kinds: set[str] = set()
    for s in range(25):
        text, _ = synth.make_report(s, layout=layout)
        kinds |= _line_kinds(text)
    table_kinds = {"lone_tab", "tab_cell", "pipes_only", "cell_pipe", "pipe_row"}
    assert kinds & table_kinds == seed_kinds & table_kinds | ({"pipes_only"} if layout == "pipe_cells" else set())


def test_lines_layout_omits_blank_cells_and_separates_cells() -> None:
    lines = ["标题", ["（七）总计", "5", "", "", "", "", "", "5"], ["第二十条第（一）项"]]
    text = synth.render_text(lines, "lines")
    assert text == "标题\n\n（七）总计\n\n5\n\n5\n\n第二十条第（一）项\n\n"
    tab = synth.render_text(lines, "tab")
    assert tab.startswith("标题\n\n\t（七）总计\n\t5\n\t\n\t\n")
    cells = synth.render_text(lines, "pipe_cells").split("\n")
    assert cells[:4] == ["标题", "（七）总计 |", "5 |", "|"]


def test_tab_layout_rows_match_seed_004() -> None:
    """Seed 004 has the 15 review numbers as 15 tab lines after the 10 outcome labels."""
    text, truth = synth.make_report(2, layout="tab", blank_rate=0.0)
    rev = list(truth[truth["table"] == "review_litigation"]["raw"])
    block = "\n".join("\t" + r for r in rev)
    assert "\n\n" + block + "\n\n" in text


def test_pipe_rows_review_is_one_line() -> None:
    text, truth = synth.make_report(4, layout="pipe_rows")
    rev = list(truth[truth["table"] == "review_litigation"]["raw"])
    assert " | ".join(rev) + " |" in text.split("\n") or any(
        line.startswith(" | ".join(rev) + " |") for line in text.split("\n"))


def test_traditional_conversion_keeps_raw_simplified() -> None:
    found_pinyin = False
    for seed in range(12):
        rng = np.random.default_rng(seed)
        truth = synth.make_truth(rng, "2021")
        lines = synth.render_lines(truth, rng, template="2021", traditional=True, agency="某区某局")
        text = synth.render_text(lines, "pipe_cells")
        assert "年度報告" in text and "报告" not in text
        assert "某區" in text or "某區(qū)" in text
        found_pinyin |= bool(re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", text))
        raws = set(truth["raw"])
        assert not any(re.search(r"[萬]", r) for r in raws)
    assert found_pinyin


def test_html_page_has_three_tables() -> None:
    page, truth = synth.make_report(9, layout="html", template="2019")
    frames = pd.read_html(io.StringIO(page), header=None)
    assert len(frames) == 3
    last_row = [str(x) for x in frames[2].iloc[-1]]
    rev = list(truth[truth["table"] == "review_litigation"]["raw"])
    assert [unicodedata.normalize("NFKC", x) for x in last_row] == [unicodedata.normalize("NFKC", x) for x in rev]
    assert "<p>" in page and "&lt;" not in page.split("<body>")[0]


def test_make_report_choices_recorded() -> None:
    seen = set()
    for s in range(60):
        _, truth = synth.make_report(s)
        seen.add((truth.attrs["template"], truth.attrs["layout"]))
        assert truth.attrs["year"] >= (2021 if truth.attrs["template"] == "2021" else 2019)
    assert len(seen) == 10


def test_bad_arguments() -> None:
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match=r"template must be one of \['2019', '2021'\], got '2020'"):
        synth.make_truth(rng, "2020")
    with pytest.raises(ValueError, match=r"blank_rate must be a number in \[0, 1\], got 2"):
        synth.make_truth(rng, blank_rate=2)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator, got int"):
        synth.make_truth(0)
    with pytest.raises(ValueError, match=r"layout must be one of \['pipe_rows', 'pipe_cells', 'tab', 'lines'\], "
                                         r"got 'csv'"):
        synth.render_text([], "csv")
    with pytest.raises(ValueError, match="truth lacks .* cells of the 2021 template"):
        synth.render_lines(synth.make_truth(rng, "2019"), rng, template="2021")
    with pytest.raises(TypeError, match="seed must be an integer, got str"):
        synth.make_report("1")


def test_no_warning_escapes() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        synth.make_report(1, layout="html", traditional=True)


def test_word_processor_markup_changes_the_page_not_the_report(tmp_path: Path) -> None:
    from toolkit import parse_report

    for seed, template in ((9, "2019"), (10, "2021")):
        plain, truth = synth.make_report(seed, layout="html", template=template)
        word, truth_w = synth.make_report(seed, layout="html", template=template, html_markup="word")
        pd.testing.assert_frame_equal(truth, truth_w)
        assert '<p class="MsoNormal" align="center"><span' in word and "<tbody>" in word and "MsoNormal" not in plain
        assert len(pd.read_html(io.StringIO(word), header=None)) == 3
        (tmp_path / "plain.html").write_text(plain, encoding="utf-8")
        (tmp_path / "word.html").write_text(word, encoding="utf-8")
        a = parse_report(tmp_path / "plain.html", report_id="r").to_records()
        b = parse_report(tmp_path / "word.html", report_id="r").to_records()
        for name in ("sections", "tables", "checks", "statements", "flags"):
            assert str(a[name]) == str(b[name]), name
    with pytest.raises(ValueError, match="html_markup must be 'plain' or 'word', got 'latex'"):
        synth.make_report(1, layout="html", html_markup="latex")
