"""Tests of toolkit.plots: figures render Chinese text with a font that has the glyphs."""
from __future__ import annotations

import io
import os
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import toolkit  # noqa: E402
from toolkit.compare import chi2_composition, panel  # noqa: E402
from toolkit.metrics import outcome_composition, report_metrics  # noqa: E402
from toolkit.plots import (  # noqa: E402
    plot_composition,
    plot_distribution,
    plot_heatmap,
    plot_trend,
    use_chinese_font,
)


def _has_cjk(s: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in s)


def render(ax: Axes) -> list[str]:
    """Render the figure to PNG with Agg; return the warnings raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax.figure.savefig(io.BytesIO(), format="png", dpi=50)
    return [str(w.message) for w in caught]


def assert_glyphs(ax: Axes) -> int:
    """Every character of every visible Chinese text has a glyph in the font that draws it."""
    checked = 0
    for text in ax.figure.findobj(Text):
        s = text.get_text()
        if not text.get_visible() or not _has_cjk(s):
            continue
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        font = FT2Font(path)
        missing = [ch for ch in s if not ch.isspace() and font.get_char_index(ord(ch)) == 0]
        assert not missing, f"{os.path.basename(path)} lacks glyphs {missing} for {s!r}"
        checked += 1
    return checked


@pytest.fixture(autouse=True)
def fresh_rc():
    """Each test starts from Matplotlib's defaults (no CJK font configured)."""
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        yield
    plt.close("all")


@pytest.fixture
def metrics_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "report_id": [f"r{i}" for i in range(9)],
        "agency": ["伊州區住建局", "伊州區住建局", "市住建局", "市住建局", "平潭综合实验区", "平潭综合实验区",
                   "乌当区人民政府", "乌当区人民政府", "乌当区人民政府"],
        "level": ["区县", "区县", "市", "市", "市", "市", "区县", "区县", "区县"],
        "report_year": [2023, 2024, 2020, 2021, 2020, 2023, 2019, 2020, 2021],
        "disclosure_rate": [0.75, 0.5, 0.32, np.nan, 0.6, 0.8, 0.77, 0.9, 0.4],
    })


# ------------------------------------------------------------------------------ font set-up


def test_use_chinese_font_registers_bundled_font() -> None:
    assert matplotlib.rcParams["font.sans-serif"][0] != "Noto Sans CJK SC"
    name = use_chinese_font()
    assert name == "Noto Sans CJK SC"
    assert matplotlib.rcParams["font.sans-serif"][0] == name
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)
    assert os.path.join("mplfonts", "fonts") in path
    n_fonts = len(font_manager.fontManager.ttflist)
    rc = dict(matplotlib.rcParams)
    assert use_chinese_font() == name                     # idempotent
    assert len(font_manager.fontManager.ttflist) == n_fonts
    assert dict(matplotlib.rcParams) == rc


def test_glyph_check_detects_a_font_without_cjk() -> None:
    # The check used below must be able to fail: DejaVu Sans has no Chinese glyphs.
    fig = matplotlib.figure.Figure()
    ax = fig.add_subplot()
    ax.set_title("政府信息公开", fontfamily="DejaVu Sans")
    messages = render(ax)
    assert any("Glyph" in m and "missing" in m for m in messages)
    with pytest.raises(AssertionError, match="lacks glyphs"):
        assert_glyphs(ax)


def test_chinese_text_renders_with_glyphs() -> None:
    use_chinese_font()
    fig = matplotlib.figure.Figure()
    ax = fig.add_subplot()
    ax.set_title("政府信息公开工作年度报告（伊州區住建局）")
    ax.set_xlabel("本年新收政府信息公开申请数量")
    ax.plot([-1, 1], [-2, 2])                           # negative tick labels (unicode minus off)
    messages = render(ax)
    assert not [m for m in messages if "Glyph" in m], messages
    assert assert_glyphs(ax) == 2


# ------------------------------------------------------------------------------ plots


def test_plot_distribution(metrics_frame: pd.DataFrame) -> None:
    ax = plot_distribution(metrics_frame, "disclosure_rate", "level", title="各层级公开率")
    assert isinstance(ax, Axes)
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"   # set up by the call
    assert [t.get_text() for t in ax.get_xticklabels()] == ["区县\n(n=5)", "市\n(n=3, 缺失 1)"]
    points = np.concatenate([c.get_offsets()[:, 1] for c in ax.collections])
    assert sorted(points) == sorted(metrics_frame["disclosure_rate"].dropna())
    assert ax.get_ylabel() == "公开率（予以公开 + 部分公开）"
    assert not [m for m in render(ax) if "Glyph" in m]
    assert assert_glyphs(ax) >= 4
    assert plt.get_fignums() == []                       # not registered with pyplot, nothing shown


def test_plot_distribution_counts_the_reports_left_out_per_group(metrics_frame: pd.DataFrame) -> None:
    # A report without the metric was dropped silently: 市 read "n=3" of its 4 reports, and a group whose every
    # value is missing "n=0", as if it had no report; the tick now counts them after 缺失 (metrics.yaml)
    df = metrics_frame.assign(disclosure_rate=metrics_frame["disclosure_rate"].mask(
        metrics_frame["report_id"].isin(["r0", "r1"])))
    df.loc[len(df)] = {"report_id": "r9", "agency": "省政府办公厅", "level": "省", "report_year": 2021,
                       "disclosure_rate": np.nan}
    ax = plot_distribution(df, "disclosure_rate", "level")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["区县\n(n=3, 缺失 2)", "市\n(n=3, 缺失 1)",
                                                            "省\n(n=0, 缺失 1)"]
    points = np.concatenate([c.get_offsets()[:, 1] for c in ax.collections])
    assert sorted(points) == sorted(df["disclosure_rate"].dropna())


def test_plot_composition() -> None:
    rows = []
    for rid, granted, denied in [("a", 6, 2), ("b", 3, 1), ("c", 1, 1)]:
        for r, v in [("granted", granted), ("denied_internal", denied)]:
            rows.append(dict(report_id=rid, table="requests", row_key=r, col_key="total", value=float(v), raw=str(v),
                             line=1))
    tables = pd.DataFrame(rows)
    reports = pd.DataFrame({"report_id": ["a", "b", "c"], "year": ["2020年", "2020年", "2021年"]})
    res = chi2_composition(tables, "year", reports=reports)
    assert res.excluded["reason"].tolist() == ["missing outcome category"] * 3   # other rows absent
    counts = pd.DataFrame({"granted": [9, 1], "partially_granted": [0, 0], "denied": [3, 1]},
                          index=pd.Index(["2020年", "2021年"], name="year"))
    ax = plot_composition(counts, title="办理结果构成")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["予以公开", "部分公开", "不予公开"]
    widths = [p.get_width() for p in ax.patches]
    np.testing.assert_allclose(widths, [0.75, 0.5, 0.0, 0.0, 0.25, 0.5])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2020年 (n=12)", "2021年 (n=2)"]
    # n is the sum of the outcome rows (seed 004's add up to 20 where its 办结 总计 says 19), and the
    # x label said "share of handled requests": it names the sum now
    assert ax.get_xlabel() == "占各类处理结果之和的比例（n = 各类处理结果之和，可与办结总计不同）"
    assert not [m for m in render(ax) if "Glyph" in m]
    assert assert_glyphs(ax) >= 6


def test_plot_heatmap() -> None:
    statements = pd.DataFrame({
        "report_id": ["a", "a", "a", "b", "b", "c"],
        "seq": [1, 2, 3, 1, 2, 1],
        "kind": ["problem", "problem", "measure", "problem", "problem", "problem"],
        "text": ["网站更新不及时", "兼职人员多", "加强培训", "公开意识不强", "栏目设置不合理", "与群众期待有差距"],
        "labels": ["timeliness;platform", "staffing", "staffing", "awareness", "platform", ""],
    })
    reports = pd.DataFrame({"report_id": ["a", "b", "c"], "层级": ["区县", "市", "市"]})
    names = {"platform": "平台与渠道", "timeliness": "时效性", "staffing": "队伍与能力", "awareness": "公开意识"}
    ax = plot_heatmap(statements, reports, "层级", label_names=names, title="问题类型")
    data = ax.images[0].get_array()
    # 区县: 2 problems (platform 1, timeliness 1, staffing 1); 市: 2 problems with a label (awareness 1, platform 1)
    # and one without, in no share
    np.testing.assert_allclose(np.asarray(data), [[1 / 2, 1 / 2], [1 / 2, 0], [1 / 2, 0], [0, 1 / 2]])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["平台与渠道", "时效性", "队伍与能力", "公开意识"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["区县\n(n=2)", "市\n(n=2, 无类别 1)"]
    counts = plot_heatmap(statements, reports, "层级", kind=None, normalize=False)
    assert counts.images[0].get_array().max() == 2                       # staffing in 区县, both kinds
    assert not [m for m in render(ax) if "Glyph" in m]
    assert assert_glyphs(ax) >= 7


def test_plot_trend(metrics_frame: pd.DataFrame) -> None:
    ax = plot_trend(panel(metrics_frame), "disclosure_rate")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == sorted(metrics_frame["agency"].unique())
    by_label = {line.get_label(): line for line in ax.lines}
    x, y = by_label["乌当区人民政府"].get_data()
    assert list(x) == [2019, 2020, 2021] and list(y) == [0.77, 0.9, 0.4]
    assert np.isnan(by_label["市住建局"].get_data()[1][1])                 # NA leaves a gap
    assert not [m for m in render(ax) if "Glyph" in m]
    assert assert_glyphs(ax) >= 5


def test_plot_trend_names_an_agency_written_in_both_scripts(metrics_frame: pd.DataFrame) -> None:
    # 伊州區住建局's 2024 report named in simplified characters (伊州区住建局): two lines of one point each, one agency
    # drawn as two without a word, where panel() warns of it. plot_trend warns as panel does.
    d = metrics_frame.assign(agency=metrics_frame["agency"].where(metrics_frame["report_id"] != "r1", "伊州区住建局"))
    with pytest.warns(UserWarning, match=r"plot_trend: 'agency' names written in traditional and in simplified "
                                         r"characters, each kept apart as an agency of its own: "
                                         r"\['伊州區住建局 / 伊州区住建局'\]"):
        ax = plot_trend(d, "disclosure_rate")
    assert len(ax.lines) == 5                                                # as written: the warning says why
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot_trend(metrics_frame, "disclosure_rate")                          # one script each: nothing to say
    plt.close("all")


def test_plot_on_given_axes(metrics_frame: pd.DataFrame) -> None:
    fig = matplotlib.figure.Figure()
    ax1, ax2 = fig.subplots(1, 2)
    assert plot_distribution(metrics_frame, "disclosure_rate", "level", ax=ax1) is ax1
    assert plot_trend(metrics_frame, "disclosure_rate", ax=ax2, label="比例") is ax2
    assert ax2.get_ylabel() == "比例"


@pytest.mark.parametrize("plot", [
    lambda d: plot_distribution(d, "disclosure_rate", "level", title="各层级公开率"),
    lambda d: plot_trend(panel(d), "disclosure_rate"),
    lambda d: plot_composition(pd.DataFrame({"granted": [3, 1], "denied": [1, 2]}, index=["区县", "市"])),
], ids=["distribution", "trend", "composition"])
def test_figures_keep_their_glyphs_after_rc_context(metrics_frame: pd.DataFrame, plot) -> None:
    # use_chinese_font's settings are global; with rc_context they end with the block, and a figure
    # drawn inside it but saved after it must still find its CJK font.
    with matplotlib.rc_context():
        ax = plot(metrics_frame)
    assert "Noto Sans CJK SC" not in matplotlib.rcParams["font.sans-serif"]
    assert not [m for m in render(ax) if "Glyph" in m]
    assert assert_glyphs(ax) >= 2


def test_heatmap_of_unclassified_statements_says_so() -> None:
    statements = pd.DataFrame({"report_id": ["a", "b"], "kind": ["problem", "problem"], "labels": ["", pd.NA]})
    reports = pd.DataFrame({"report_id": ["a", "b"], "层级": ["区县", "市"]})
    for names in (None, {"platform": "平台与渠道"}):
        with pytest.raises(ValueError, match=r"none of the 2 problem statements has a label: classify them first"):
            plot_heatmap(statements, reports, "层级", label_names=names)



def test_heatmap_with_an_empty_label_names_says_so() -> None:
    # label_names={} names no row: an empty image was drawn, with Matplotlib's UserWarning 'Attempting to set
    # identical low and high ylims makes transformation singular'
    statements = pd.DataFrame({"report_id": ["a", "b"], "kind": ["problem", "problem"], "labels": ["platform", ""]})
    reports = pd.DataFrame({"report_id": ["a", "b"], "层级": ["区县", "市"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"label_names is empty: it names the rows to draw; give None"):
            plot_heatmap(statements, reports, "层级", label_names={})
        ax = plot_heatmap(statements, reports, "层级", label_names=None)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["platform"]


def test_heatmap_reads_a_missing_entry_of_a_label_list_as_no_label() -> None:
    # labels ['platform', None] (a list column built by hand, or a row of a DataFrame's lists) drew a row 'None'
    # for a category no codebook has, and NaN a row 'nan', as split_labels took str() of every entry; a blank
    # entry '' a row of no name. The ';'-joined form already read an empty part as no label.
    statements = pd.DataFrame({"report_id": ["a", "a", "b"], "kind": "problem",
                               "labels": pd.Series([["platform", None], ["content", np.nan, " "], "content;"],
                                                   dtype=object)})
    reports = pd.DataFrame({"report_id": ["a", "b"], "层级": ["区县", "市"]})
    ax = plot_heatmap(statements, reports, "层级", normalize=False)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["content", "platform"]
    assert [t.get_text() for t in ax.texts] == ["1", "1", "1", "0"]
    from toolkit.classify import labels_to_matrix, split_labels
    assert split_labels(["platform", None, float("nan"), pd.NA, "", " content "]) == ["platform", "content"]
    assert labels_to_matrix([["content", None]], classes=["content"]).tolist() == [[1]]

@pytest.mark.parametrize("call, exc, match", [
    (lambda d: plot_distribution(d, "x", "level"), ValueError, "metric='x' is not a column of df"),
    (lambda d: plot_distribution(d, "disclosure_rate", "level", ax="ax"), TypeError,
     "ax must be a matplotlib Axes or None, got str"),
    (lambda d: plot_composition([1]), TypeError, "composition must be a CompositionResult or a DataFrame"),
    (lambda d: plot_composition(d), ValueError, "composition has none of the outcome columns"),
    (lambda d: plot_heatmap(d.assign(labels="", kind="problem"), d, "level", kind="problems"), ValueError,
     "kind must be 'problem', 'measure' or None, got 'problems'"),
    (lambda d: plot_trend(d, "disclosure_rate", agency_col="机关"), ValueError,
     "agency_col='机关' is not a column of panel"),
    # a title or label that is no str: drawn as str(5) (a year typed as a number), or 0 dropped without a word
    (lambda d: plot_distribution(d, "disclosure_rate", "level", title=2021), TypeError,
     "title must be a str or None, got int"),
    (lambda d: plot_distribution(d, "disclosure_rate", "level", title=0), TypeError,
     "title must be a str or None, got int"),
    (lambda d: plot_trend(d, "disclosure_rate", label=["公开率"]), TypeError, "label must be a str or None, got list"),
    (lambda d: plot_composition(d, title=b"x"), TypeError, "title must be a str or None, got bytes"),
    (lambda d: plot_heatmap(d.assign(labels="", kind="problem"), d, "level", title=1.5), TypeError,
     "title must be a str or None, got float"),
    # a wrong ax is refused before the work, in each function (a heatmap said its statements were unlabelled)
    (lambda d: plot_heatmap(d.assign(labels="", kind="problem"), d, "level", ax="ax"), TypeError,
     "ax must be a matplotlib Axes or None, got str"),
])
def test_bad_arguments(metrics_frame: pd.DataFrame, call, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        call(metrics_frame)


def test_axes_name_the_usual_grouping_columns_in_chinese() -> None:
    df = pd.DataFrame({"template": ["2019", "2019", "2021"], "report_year": [2020, 2021, 2021],
                       "agency": ["甲局", "甲局", "乙局"], "disclosure_rate": [0.5, 0.7, 0.9]})
    assert plot_distribution(df, "disclosure_rate", "template").get_xlabel() == "报告格式"
    assert plot_trend(df, "disclosure_rate").get_xlabel() == "报告年度"
    own = df.rename(columns={"template": "我的分组"})
    assert plot_distribution(own, "disclosure_rate", "我的分组").get_xlabel() == "我的分组"
    st = pd.DataFrame({"report_id": ["a", "b"], "kind": "problem", "labels": ["content", "staffing"]})
    ax = plot_heatmap(st, pd.DataFrame({"report_id": ["a", "b"], "template": ["2019", "2021"]}), "template")
    assert ax.get_xlabel() == "报告格式" and ax.get_ylabel() == "问题类型"
    assert ax.figure.axes[-1].get_ylabel() == "占有类别的问题陈述的比例"
    plt.close("all")


def test_heatmap_of_measures_is_not_labelled_as_problems() -> None:
    # kind='measure' counts the improvement measures, but the axis read 问题类型 and the colour bar
    # 占问题陈述的比例 / 问题陈述数, whatever kind was counted
    st = pd.DataFrame({"report_id": ["a", "a", "b"], "kind": ["measure", "problem", "measure"],
                       "labels": ["content", "staffing", "platform"]})
    rp = pd.DataFrame({"report_id": ["a", "b"], "template": ["2019", "2021"]})
    ax = plot_heatmap(st, rp, "template", kind="measure")
    assert ax.get_ylabel() == "改进措施类型" and ax.figure.axes[-1].get_ylabel() == "占有类别的改进措施陈述的比例"
    ax = plot_heatmap(st, rp, "template", kind="measure", normalize=False)
    assert ax.figure.axes[-1].get_ylabel() == "改进措施陈述数"
    ax = plot_heatmap(st, rp, "template", kind=None)
    assert ax.get_ylabel() == "问题与改进措施类型"
    assert ax.figure.axes[-1].get_ylabel() == "占有类别的问题与改进措施陈述的比例"
    plt.close("all")


def test_heatmap_refuses_report_ids_of_another_type() -> None:
    # statements.csv read back (ids '2020') against a reports frame of the researcher's with int ids: every
    # statement was left without a group, and the error said there was no statement to count
    st = pd.DataFrame({"report_id": ["2020", "2021"], "kind": "problem", "labels": ["content", "staffing"]})
    rp = pd.DataFrame({"report_id": [2020, 2021], "template": ["2019", "2021"]})
    with pytest.raises(ValueError, match=r"no report_id of reports is in statements \(statements: '2020', "
                                         r"reports: 2020\)"):
        plot_heatmap(st, rp, "template")


@pytest.fixture(scope="module")
def seed_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """tables, reports and metrics of the seed reports."""
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    parsed = [toolkit.parse_report(p) for p in sorted(raw.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed], "template": [str(r.template) for r in parsed],
                            "agency": [r.metadata["agency"] for r in parsed],
                            "report_year": [r.metadata["report_year"] for r in parsed]})
    return tables, reports, report_metrics(tables, reports=reports)


def test_nothing_to_draw_is_refused(seed_frames) -> None:
    # Empty or all-NA input drew an empty figure without a word (plot_heatmap already refused it).
    tables, reports, metrics = seed_frames
    legacy = metrics[metrics["template"] == "legacy"]          # a pre-2019 report: every rate NA
    assert len(legacy) == 1 and legacy["disclosure_rate"].isna().all()
    for frame in (legacy, metrics.iloc[:0]):
        with pytest.raises(ValueError, match=r"nothing to draw: metric='disclosure_rate' has no value in any "
                                             r"'template' group"):
            plot_distribution(frame, "disclosure_rate", "template")
        with pytest.raises(ValueError, match=r"nothing to draw: no row of panel \(\d rows\) has an 'agency', a "
                                             r"'report_year' and a 'disclosure_rate' value"):
            plot_trend(frame, "disclosure_rate")
    assert panel(metrics).empty                                  # no agency reported in two years
    with pytest.raises(ValueError, match="nothing to draw: no row of panel"):
        plot_trend(panel(metrics), "disclosure_rate")
    only_legacy = chi2_composition(tables, "template", reports=reports[reports["template"] == "legacy"])
    assert only_legacy.counts.empty
    with pytest.raises(ValueError, match="nothing to draw: composition has 0 row"):
        plot_composition(only_legacy)
    # pingtan-2023-02 handled no request: its outcome counts, all 0, have no share to show either
    zero = outcome_composition(tables[tables["report_id"] == "pingtan-2023-02"]).set_index("report_id")
    assert zero.drop(columns="handled_total").eq(0).all(axis=None)
    with pytest.raises(ValueError, match="nothing to draw: composition has 1 row"):
        plot_composition(zero)
    assert plt.get_fignums() == []


def _tick_pixels(ax: Axes) -> list[float]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(ax.figure).draw()
    return [float(ax.transData.transform((x, 0))[0]) for x in ax.get_xticks()]


def test_trend_of_one_year_has_a_readable_year_axis(seed_frames) -> None:
    # The four pingtan reports of 2023: all points in one year made Matplotlib's x axis run 1909-2131, and a
    # year whose values are all NA put its tick 3 pixels from the next one.
    _, _, metrics = seed_frames
    one_year = metrics[metrics["report_year"] == 2023].assign(disclosure_rate=[0.2, 0.4, np.nan, 0.5])
    ax = plot_trend(one_year, "disclosure_rate")
    assert ax.get_xlim() == (2022.5, 2023.5)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023"]
    # 2020 drawn, 2021 only NA
    na_year = pd.DataFrame({"agency": ["某局", "某局", "乙局"], "report_year": [2020, 2021, 2020],
                            "disclosure_rate": [0.5, np.nan, 0.2]})
    ax = plot_trend(na_year, "disclosure_rate")
    assert ax.get_xlim() == (2019.5, 2021.5)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2020", "2021"]
    left, right = _tick_pixels(ax)
    assert right - left > 100
    # the seeds' years, 2017 to 2024, each labelled; a longer span gets whole-number ticks that do not crowd
    ax = plot_trend(metrics.assign(disclosure_rate=0.5), "disclosure_rate")
    years = sorted(metrics["report_year"].unique())
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in years]
    assert ax.get_xlim() == (years[0] - 0.5, years[-1] + 0.5)
    long = pd.DataFrame({"agency": "某局", "report_year": range(2001, 2025), "disclosure_rate": 0.5})
    ax = plot_trend(long, "disclosure_rate")
    pixels = _tick_pixels(ax)
    lo, hi = ax.get_xlim()
    shown = [(p, t.get_text()) for p, x, t in zip(pixels, ax.get_xticks(), ax.get_xticklabels()) if lo <= x <= hi]
    assert all(label.isdigit() for _, label in shown) and 5 <= len(shown) <= 13
    assert min(np.diff([p for p, _ in shown])) > 30


def test_heatmap_counts_a_label_repeated_in_one_statement_once() -> None:
    # 'platform;platform' is one statement of platform: a share above 100 % (or a count of 2) was drawn before
    statements = pd.DataFrame({"report_id": ["a", "a"], "kind": ["problem", "problem"],
                               "labels": ["platform;platform", "staffing; staffing;platform"]})
    reports = pd.DataFrame({"report_id": ["a"], "年份": [2020]})
    shares = np.asarray(plot_heatmap(statements, reports, "年份").images[0].get_array())
    np.testing.assert_allclose(shares, [[1.0], [0.5]])                   # platform 2 of 2, staffing 1 of 2
    counts = np.asarray(plot_heatmap(statements, reports, "年份", normalize=False).images[0].get_array())
    np.testing.assert_allclose(counts, [[2], [1]])


def test_trend_gives_an_agency_without_a_value_no_line_in_the_legend(seed_frames) -> None:
    # pingtan-2023-02 and -04 handled no request, so their disclosure rates are NA: the legend listed them with a
    # line's colour and marker, and the reader looked in vain for their lines
    _, _, metrics = seed_frames
    one_year = metrics[metrics["report_year"] == 2023]
    empty = set(one_year.loc[one_year["disclosure_rate"].isna(), "agency"])
    assert len(empty) == 2
    ax = plot_trend(one_year, "disclosure_rate")
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        f"{a} (n=0)" if a in empty else a for a in sorted(one_year["agency"])]
    drawn = {h.get_label(): h.get_marker() not in ("None", None, "", " ") for h in legend.legend_handles}
    assert drawn == {**{a: True for a in set(one_year["agency"]) - empty}, **{f"{a} (n=0)": False for a in empty}}
    assert sorted(line.get_label() for line in ax.lines) == sorted(set(one_year["agency"]) - empty)


def test_trend_refuses_two_rows_of_one_agency_in_one_year(seed_frames) -> None:
    # Seeds 000 and 004 are the housing bureaus (市住建局, as 004 writes it) of two cities, both for 2020; with 002
    # as a 2021 report of the same short name, the line ran 0.5 -> 0.316 within 2020, then on to 2021, drawn as a
    # trend of one agency (panel() warns about such rows; plot_trend drew them).
    _tables, _reports, m = seed_frames
    rows = m[m["report_id"].str[:3].isin(["000", "002", "004"])]
    rows = rows.assign(agency="市住建局", report_year=[2020, 2021, 2020])
    with pytest.raises(ValueError, match=r"several rows for one 'agency' and 'report_year': \['市住建局 2020'\]"):
        plot_trend(rows, "not_held_rate")
    ax = plot_trend(rows[rows["report_id"].str[:3] != "004"], "not_held_rate")  # one row per year: drawn
    assert ax.lines[0].get_xydata().tolist() == [[2020.0, 0.5], [2021.0, 0.25]]


def test_distribution_points_do_not_depend_on_the_row_order(seed_frames) -> None:
    # The seeds' disclosure rates by template: each group's jitter was drawn in the frame's row order, so the same
    # reports sorted another way put their points elsewhere, a figure of one seed that changed with the sorting.
    metrics = seed_frames[2]

    def points(frame: pd.DataFrame) -> list[tuple[float, float]]:
        ax = plot_distribution(frame, "disclosure_rate", "template")
        return sorted(map(tuple, np.concatenate([c.get_offsets() for c in ax.collections]).tolist()))

    expected = points(metrics)
    assert len(expected) == 6
    for order in (metrics.iloc[::-1], metrics.sort_values("disclosure_rate")):
        assert points(order) == expected


def test_heatmap_shares_leave_out_statements_without_a_label() -> None:
    # Statements not classified yet (a corpus classified in parts: one report's statements labelled, the others' as
    # extract_corpus gives them) have no label, as a statement with nothing to classify has none and as an empty
    # label reads back from a CSV: the heatmap counted them in their group's n and divided every share by them, so
    # seed 001's problem types, with seed 004's three unclassified problems beside them in the 2019 group, showed
    # at half their shares (1 of 6 for what is 1 of 3), as if 004's problems had none of these types.
    from toolkit.classify import label_statements

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    parsed = [toolkit.parse_report(raw / f"{stem}.txt") for stem in ("001_4d29bfef72dd56db", "004_b232cca7e491c758")]
    statements = pd.concat([label_statements(parsed[0].statements, probabilities=False), parsed[1].statements],
                           ignore_index=True)
    problems = statements[statements["kind"] == "problem"]
    assert [v != "" for v in problems["labels"]] == [True] * 3 + [False] * 3
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed], "template": "2019"})
    alone = plot_heatmap(statements, reports.iloc[:1], "template")
    both = plot_heatmap(statements, reports, "template")
    np.testing.assert_allclose(np.asarray(both.images[0].get_array()), np.asarray(alone.images[0].get_array()))
    assert [t.get_text() for t in both.get_xticklabels()] == ["2019\n(n=3, 无类别 3)"]
    assert both.figure.axes[-1].get_ylabel() == "占有类别的问题陈述的比例"
    # a group of statements without any label has no share, not 0 %: its cells are empty
    apart = plot_heatmap(statements, reports.assign(template=["2019", "2021"]), "template")
    assert np.isnan(np.asarray(apart.images[0].get_array())[:, 1]).all()
    assert [t.get_text() for t in apart.get_xticklabels()] == ["2019\n(n=3)", "2021\n(n=0, 无类别 3)"]
    plt.close("all")


def test_years_read_with_a_missing_one_are_labelled_as_years(seed_frames) -> None:
    # metrics.csv read back where one report has no year: pandas reads report_year as float, and the ticks of
    # plot_distribution and plot_heatmap read '2023.0' (plot_trend wrote its years as integers already)
    _, _, metrics = seed_frames
    blank = metrics.assign(report_year=metrics["report_year"].astype("Int64").mask(metrics.index == 0))
    read = pd.read_csv(io.StringIO(blank.to_csv(index=False)))
    assert read["report_year"].dtype == float
    years = [str(y) for y in sorted(blank["report_year"].dropna().unique())]
    ax = plot_distribution(read, "disclosure_rate", "report_year")
    assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == years
    statements = pd.DataFrame({"report_id": read["report_id"], "kind": "problem", "labels": "platform"})
    ax = plot_heatmap(statements, read, "report_year")
    assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == years
    counts = pd.DataFrame({"granted": [6, 3], "denied": [2, 1]}, index=pd.Index([2020.0, 2021.0]))
    assert [t.get_text() for t in plot_composition(counts).get_yticklabels()] == ["2020 (n=8)", "2021 (n=4)"]
    # a year that is no whole number is written as it is
    ax = plot_distribution(pd.DataFrame({"y": [2020.5, 2020.5], "disclosure_rate": [0.1, 0.2]}), "disclosure_rate", "y")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2020.5\n(n=2)"]


def test_rows_without_a_group_are_counted_on_the_group_axis(seed_frames) -> None:
    # A report whose template (or level, or year) is NA was in no box of plot_distribution and its statements in no
    # column of plot_heatmap, without a word: the figure looked like one of all the reports
    _, reports, metrics = seed_frames
    no_template = metrics.assign(template=metrics["template"].mask(metrics["report_id"] == "pingtan-2023-03"))
    ax = plot_distribution(no_template, "disclosure_rate", "template")
    assert ax.get_xlabel() == "报告格式（另有 1 份报告无分组，未绘出）"
    assert plot_distribution(metrics, "disclosure_rate", "template").get_xlabel() == "报告格式"
    statements = pd.DataFrame({"report_id": list(metrics["report_id"]) * 2, "kind": "problem", "labels": "platform"})
    ax = plot_heatmap(statements, no_template, "template")
    assert ax.get_xlabel() == "报告格式（另有 2 条陈述所属报告无分组，未计入）"
    assert sum(int(t.get_text().split("n=")[1].split(")")[0]) for t in ax.get_xticklabels()) == len(statements) - 2
    # a statement of a report that reports lacks has no group either
    ax = plot_heatmap(statements, metrics[metrics["report_id"] != "pingtan-2023-03"], "template")
    assert ax.get_xlabel() == "报告格式（另有 2 条陈述所属报告无分组，未计入）"
    assert plot_heatmap(statements, metrics, "template").get_xlabel() == "报告格式"
    assert assert_glyphs(ax) > 0 and not render(ax)


def test_trend_counts_the_values_without_an_agency_or_a_year(seed_frames) -> None:
    # A report with a value whose agency or year was not found is on no line, and was left out without a word
    _, _, metrics = seed_frames
    rated = metrics["disclosure_rate"].notna()
    first, second = metrics.index[rated][:2]
    df = metrics.copy()
    df.loc[first, "agency"] = None
    df["report_year"] = df["report_year"].astype("Int64").mask(df.index == second)
    ax = plot_trend(df, "disclosure_rate")
    assert ax.get_xlabel() == "报告年度（另有 2 份报告无机关或年度，未绘出）"
    points = sum(int(np.isfinite(np.asarray(line.get_ydata(), dtype=float)).sum()) for line in ax.get_lines())
    assert points == int((df["agency"].notna() & df["report_year"].notna() & rated).sum()) == rated.sum() - 2
    # a row without a value is a gap of its line, not a report left out
    assert plot_trend(metrics, "disclosure_rate").get_xlabel() == "报告年度"
    assert assert_glyphs(ax) > 0 and not render(ax)


def _overlapping_ticks(ax: Axes) -> list[tuple[str, str]]:
    """Pairs of neighbouring x tick labels whose drawn boxes overlap."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(ax.figure)
    canvas.draw()
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    boxes = [t.get_window_extent(canvas.get_renderer()) for t in labels]
    return [(a.get_text(), b.get_text()) for a, b, p, q in zip(labels, labels[1:], boxes, boxes[1:]) if p.x1 > q.x0]


def test_distribution_by_agency_wraps_long_names_instead_of_overlapping_them(seed_frames) -> None:
    # The seeds by agency (平潭综合实验区市场监督管理局, 伊州区住房和城乡建设局 …): each name was one line of up to 14
    # characters under a tick 0.6 inch from the next, and the names ran over each other, unreadable.
    _, _, metrics = seed_frames
    df = metrics.assign(disclosure_rate=np.linspace(0.1, 0.9, len(metrics)))
    for rows in (df[df["agency"].str.startswith("平潭")], df):
        ax = plot_distribution(rows, "disclosure_rate", "agency")
        assert _overlapping_ticks(ax) == []
        # every name whole (wrapped, not cut), in the groups' order, its count after it
        texts = [t.get_text() for t in ax.get_xticklabels()]
        assert [t.replace("\n", "").replace(" ", "").split("(n=")[0] for t in texts] == sorted(rows["agency"])
        assert all(t.endswith("(n=1)") for t in texts)
    # thirty agencies: their names upright, one line each, in a figure widened for them
    many = pd.DataFrame({"agency": [f"平潭综合实验区第{i:02d}号机关" for i in range(30)],
                         "disclosure_rate": np.linspace(0, 1, 30)})
    ax = plot_distribution(many, "disclosure_rate", "agency")
    assert _overlapping_ticks(ax) == [] and ax.figure.get_figwidth() > 6.4
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {90.0}


def test_trend_legend_is_beside_the_lines_not_over_them(seed_frames) -> None:
    # The seeds' ten agencies over four years, lines across the whole value axis: the legend ('best' place) of
    # their long names (平潭综合实验区市场监督管理局 …) found no empty corner and lay over the lines and points.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    _, reports, _ = seed_frames
    names = sorted(reports["agency"])
    rows = [(a, y, (i + 2 * k) % 10 / 9) for i, a in enumerate(names) for k, y in enumerate(range(2020, 2024))]
    for frame in (pd.DataFrame(rows, columns=["agency", "report_year", "disclosure_rate"]),
                  pd.DataFrame([(f"{a}{j}", y, v) for j in range(3) for a, y, v in rows],
                               columns=["agency", "report_year", "disclosure_rate"])):
        ax = plot_trend(frame, "disclosure_rate")
        canvas = FigureCanvasAgg(ax.figure)
        canvas.draw()
        legend = ax.get_legend().get_window_extent(canvas.get_renderer())
        axes = ax.get_window_extent(canvas.get_renderer())
        assert legend.x0 > axes.x1                             # beside the axes
        figure = ax.figure.bbox
        assert figure.x0 <= legend.x0 and legend.x1 <= figure.x1 and figure.y0 <= legend.y0  # and not cut off
        assert len(ax.get_legend().get_texts()) == frame["agency"].nunique()  # thirty in two columns of 20


def test_distribution_marks_a_rate_its_table_puts_over_1(seed_frames) -> None:
    # Seed 004 with its handled total typed 5 (19 in the report): 6 granted of 5 handled is a disclosure rate of 1.2,
    # kept as written (the table breaks its identities), and plot_distribution drew it as one more report's rate on
    # the 0-1 axis, nothing telling it apart.
    tables, reports, _ = seed_frames
    typo = (tables["report_id"] == "004_b232cca7e491c758") & (tables["table"] == "requests") \
        & (tables["row_key"] == "handled_total") & (tables["col_key"] == "total")
    assert tables.loc[typo, "value"].tolist() == [19.0]
    m = report_metrics(tables.assign(value=tables["value"].mask(typo, 5.0)), reports=reports)
    rates = m.set_index("report_id")["disclosure_rate"]
    assert rates["004_b232cca7e491c758"] == pytest.approx(1.2)
    ax = plot_distribution(m, "disclosure_rate", "template")
    crosses = [c for c in ax.collections if c.get_offsets().shape[0] and c.get_facecolor()[0][:3].tolist()
               == list(matplotlib.colors.to_rgb("tab:red"))]
    assert [pytest.approx(y) for c in crosses for y in c.get_offsets()[:, 1]] == [1.2]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0].replace("\n", " ") == "2019 (n=3, 缺失 1, 超出取值范围 1)" and "超出" not in ticks[1] + ticks[2]
    points = np.concatenate([c.get_offsets()[:, 1] for c in ax.collections])
    assert sorted(points) == pytest.approx(sorted(rates.dropna()))   # every value drawn, the 1.2 as written
    # a column of one's own has no range to break
    ax = plot_distribution(m.rename(columns={"disclosure_rate": "my_rate"}), "my_rate", "template")
    assert "超出" not in "".join(t.get_text() for t in ax.get_xticklabels())


@pytest.mark.parametrize("kind, normalize", [("problem", True), (None, True), ("measure", False)])
def test_heatmap_of_one_label_keeps_its_upright_texts_in_the_figure(kind, normalize) -> None:
    # One report's one problem labelled platform: the figure was 0.45 inch a row + 1.6 high, 2 inches, and the colour
    # bar's label (占有类别的问题陈述的比例, on a bar of 0.8 of the axes) ran out of it at both ends, cut off.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    statements = pd.DataFrame({"report_id": ["a", "a"], "kind": ["problem", "measure"],
                               "labels": ["platform", "platform"]})
    ax = plot_heatmap(statements, pd.DataFrame({"report_id": ["a"], "report_year": [2020]}), "report_year",
                      kind=kind, normalize=normalize)
    canvas = FigureCanvasAgg(ax.figure)
    canvas.draw()
    figure = ax.figure.bbox
    bar = ax.figure.axes[1].yaxis.label
    for text in (bar, ax.yaxis.label):
        box = text.get_window_extent(canvas.get_renderer())
        assert figure.y0 <= box.y0 and box.y1 <= figure.y1, text.get_text()
        assert figure.x0 <= box.x0 and box.x1 <= figure.x1, text.get_text()
    assert bar.get_text() in ("占有类别的问题陈述的比例", "占有类别的问题与改进措施陈述的比例", "改进措施陈述数")


def test_trend_of_more_agencies_than_colours_tells_every_line_apart(seed_frames) -> None:
    # The seeds' ten agencies and one more (乌当区人民政府 of two places, told apart): the 11th line came round to
    # the 1st colour with the same marker, and the legend gave two agencies one look.
    _, reports, _ = seed_frames
    names = sorted(reports["agency"]) + ["乌当区人民政府（另一）"]
    frame = pd.DataFrame([(a, y, (i + k) % 7 / 6) for i, a in enumerate(names) for k, y in enumerate((2020, 2021))],
                         columns=["agency", "report_year", "disclosure_rate"])
    ax = plot_trend(frame, "disclosure_rate")
    looks = [(matplotlib.colors.to_hex(line.get_color()), line.get_marker(), line.get_linestyle()) for line in ax.lines]
    assert len(looks) == 11 and len(set(looks)) == 11
    legend = [(matplotlib.colors.to_hex(h.get_color()), h.get_marker(), h.get_linestyle())
              for h in ax.get_legend().legend_handles]
    assert legend == looks                                      # each entry looks as its line
    assert looks[0][1:] == ("o", "-")                          # the first ten as before


def test_trend_marks_a_rate_its_table_puts_over_1(seed_frames) -> None:
    # Seed 004 with its handled total typed 5 (6 granted: a disclosure rate of 1.2) was a point of its agency's line
    # like any other, on a rate axis running past 1 with nothing to say why.
    tables, reports, _ = seed_frames
    typo = (tables["report_id"] == "004_b232cca7e491c758") & (tables["table"] == "requests") \
        & (tables["row_key"] == "handled_total") & (tables["col_key"] == "total")
    m = report_metrics(tables.assign(value=tables["value"].mask(typo, 5.0)), reports=reports)
    ax = plot_trend(m, "disclosure_rate")
    crosses = [c for c in ax.collections if c.get_offsets().shape[0]]
    assert len(crosses) == 1 and crosses[0].get_offsets().tolist() == [[2020.0, pytest.approx(1.2)]]
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    empty = set(m.loc[m["disclosure_rate"].isna(), "agency"])
    assert texts == [f"{a} (n=0)" if a in empty else a for a in sorted(m["agency"])] + ["超出取值范围的值 1 个"]
    line = next(line for line in ax.lines if line.get_label() == "市住建局")
    assert line.get_ydata().tolist() == [pytest.approx(1.2)]              # the 1.2 stays on its line, as written
    # a column of one's own has no range to break
    assert len(plot_trend(m.rename(columns={"disclosure_rate": "x"}), "x").collections) == 0


def test_heatmap_by_agency_wraps_long_names_instead_of_overlapping_them(seed_frames) -> None:
    # The seeds' problems by agency (平潭综合实验区市场监督管理局, 驻马店市住房和城乡建设局 …): each name was one line under
    # its column, and seven pairs of neighbouring names ran over each other, unreadable.
    _, reports, _ = seed_frames
    statements = pd.DataFrame({"report_id": list(reports["report_id"]) * 2, "kind": "problem",
                               "labels": ["platform"] * len(reports) + ["staffing"] * len(reports)})
    ax = plot_heatmap(statements, reports, "agency")
    assert _overlapping_ticks(ax) == []
    texts = [t.get_text() for t in ax.get_xticklabels()]
    assert [t.replace("\n", "").split("(n=")[0] for t in texts] == sorted(reports["agency"])  # whole, in order
    assert all(t.endswith("\n(n=2)") for t in texts) and max(t.count("\n") for t in texts) == 2


def test_upright_group_names_make_a_new_figure_taller_not_its_axes_smaller() -> None:
    # Thirty agencies (平潭综合实验区第00号机关 …) drawn upright under the boxes: the figure stayed 4 inches high and
    # constrained layout made room for the names by shrinking the axes to 1.5 inches, a strip of the figure.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def axes_inches(ax: Axes) -> float:
        FigureCanvasAgg(ax.figure).draw()
        return ax.get_position().height * ax.figure.get_figheight()

    few = pd.DataFrame({"level": ["区县", "市"] * 3, "disclosure_rate": np.linspace(0, 1, 6)})
    many = pd.DataFrame({"agency": [f"平潭综合实验区第{i:02d}号机关" for i in range(30)],
                         "disclosure_rate": np.linspace(0, 1, 30)})
    short = axes_inches(plot_distribution(few, "disclosure_rate", "level"))
    ax = plot_distribution(many, "disclosure_rate", "agency")
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {90.0}
    assert ax.figure.get_figheight() > 4.0 and axes_inches(ax) >= 0.9 * short
    assert plot_distribution(few, "disclosure_rate", "level").figure.get_figheight() == 4.0   # short names: as before
    # on axes of the caller's figure nothing is resized
    fig = matplotlib.figure.Figure(figsize=(10.0, 4.0))
    assert plot_distribution(many, "disclosure_rate", "agency", ax=fig.add_subplot()).figure.get_figheight() == 4.0
    # the heatmap's columns too: names too long to wrap in four lines are upright, in a taller figure
    reports = pd.DataFrame({"report_id": list("abc"), "agency": [f"平潭综合实验区{x}局" * 5 for x in "甲乙丙"]})
    statements = pd.DataFrame({"report_id": list("abc"), "kind": "problem", "labels": "platform"})
    ax = plot_heatmap(statements, reports, "agency")
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {90.0} and _overlapping_ticks(ax) == []
    assert axes_inches(ax) >= 0.45
