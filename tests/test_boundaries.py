"""Input checks at the public boundary: bad or unusual input gives a clear error, not a wrong result.

Each case was found by calling the public functions with real corpus frames sliced in unusual ways;
before the fix it raised from deep inside pandas, numpy or scipy, or gave a silently wrong result.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from sklearn.exceptions import NotFittedError  # noqa: E402

import toolkit  # noqa: E402
from toolkit.checks import check_tables  # noqa: E402
from toolkit.classify import (  # noqa: E402
    LexiconClassifier,
    alignment,
    bootstrap_macro_f1,
    category_metrics,
    evaluate,
    evaluate_holdout,
    label_statements,
    learning_curve,
    load_annotations,
    load_codebook,
    matrix_to_labels,
)
from toolkit import compare  # noqa: E402
from toolkit.metrics import identities_status, outcome_composition, report_metrics  # noqa: E402
from toolkit.plots import plot_composition, plot_heatmap, plot_trend  # noqa: E402

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return toolkit.extract_corpus(RAW, jobs=1)


@pytest.fixture(scope="module")
def m(frames) -> pd.DataFrame:
    return report_metrics(frames["tables"], checks=frames["checks"], reports=frames["reports"])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# -------------------------------------------------------------------------------- metrics and checks


def test_empty_checks_give_empty_status_and_metrics(tmp_path: Path) -> None:
    assert identities_status(pd.DataFrame(columns=["report_id", "table", "check", "key", "status"])).empty
    (tmp_path / "empty.txt").write_bytes(b"")
    failed = toolkit.extract_corpus([tmp_path / "empty.txt"], jobs=1)
    assert failed["checks"].empty and failed["reports"]["status"].tolist() == ["failed"]
    out = report_metrics(failed["tables"], checks=failed["checks"], reports=failed["reports"])
    assert out["report_id"].tolist() == ["empty"] and out["identities_ok"].isna().all()


def test_check_tables_refuses_the_cells_of_several_reports(frames) -> None:
    with pytest.raises(ValueError, match=r"tables holds the cells of 10 reports .* check one report at a time"):
        check_tables(frames["tables"])
    one = frames["tables"][frames["tables"]["report_id"] == "001_4d29bfef72dd56db"]
    checks = check_tables(one)
    assert set(checks["report_id"]) == {"001_4d29bfef72dd56db"}   # the frame's own id
    expected = frames["checks"][frames["checks"]["report_id"] == "001_4d29bfef72dd56db"]
    assert len(checks) == len(expected)


def test_a_frame_with_a_column_twice_is_refused(m) -> None:
    doubled = pd.concat([m, m[["level"]]], axis=1)
    for call in (lambda: compare.describe(doubled, "disclosure_rate", "level"), lambda: compare.panel(doubled)):
        with pytest.raises(ValueError, match=r"df has several columns named \['level'\]"):
            call()


# -------------------------------------------------------------------------------- compare


def test_non_numeric_metric_is_refused_not_counted_missing(m) -> None:
    for call in (compare.describe, compare.kruskal, compare.pairwise_mannwhitney):
        with pytest.raises(ValueError, match=r"metric='agency' must be numeric; it holds 10 value\(s\)"):
            call(m, "agency", "level")
    as_text = m.assign(rate=m["disclosure_rate"].astype(object).where(m["disclosure_rate"].isna(),
                                                                     m["disclosure_rate"].astype(str)))
    pd.testing.assert_frame_equal(compare.describe(as_text, "rate", "level"),
                                  compare.describe(m.assign(rate=m["disclosure_rate"]), "rate", "level"))


def test_holm_and_cliffs_delta_arguments() -> None:
    np.testing.assert_allclose(compare.holm([0.1, pd.NA, None, np.nan, 0.02]), [0.1, np.nan, np.nan, np.nan, 0.04])
    for bad in (0.5, [[0.1, 0.2]], "0.1"):
        with pytest.raises(ValueError, match="pvalues must be a 1-D sequence"):
            compare.holm(bad)
    with pytest.raises(ValueError, match=r"pvalues must be numbers, got \['x'\]"):
        compare.holm([0.1, "x"])
    assert compare.cliffs_delta_magnitude(pd.NA) == "" and compare.cliffs_delta_magnitude(None) == ""
    for bad in (5, -1.5, "0.3", True):
        with pytest.raises(ValueError, match=r"delta must be a Cliff's delta in \[-1, 1\]"):
            compare.cliffs_delta_magnitude(bad)


def test_pairwise_method_and_chi2_min_expected_are_checked(m, frames) -> None:
    with pytest.raises(ValueError,
                       match=r"method must be one of \['auto', 'exact', 'asymptotic', 'permutation'\], got None"):
        compare.pairwise_mannwhitney(m, "disclosure_rate", "level", method=None)
    for bad in (np.nan, np.inf, 0, True):
        with pytest.raises(ValueError, match="min_expected must be a positive number"):
            compare.chi2_composition(frames["tables"], "template", reports=frames["reports"], min_expected=bad)


def test_group_by_report_id_and_ids_of_another_type(frames) -> None:
    res = compare.chi2_composition(frames["tables"], "report_id", reports=frames["reports"])
    assert res.counts["n_reports"].eq(1).all()
    assert sorted(res.counts.index.tolist() + res.excluded["report_id"].tolist()) == \
        sorted(frames["reports"]["report_id"])
    other = frames["reports"].assign(report_id=range(10))
    with pytest.raises(ValueError, match=r"no report_id of reports is in tables .* ids of one type"):
        compare.chi2_composition(frames["tables"], "template", reports=other)


def test_panel_with_an_index_level_of_a_column_name(m) -> None:
    indexed = m.set_index(["report_id", "agency"], drop=False)
    pd.testing.assert_frame_equal(compare.panel(indexed, min_years=1), compare.panel(m, min_years=1))


# -------------------------------------------------------------------------------- plots


def test_plot_composition_refuses_unknown_counts(frames) -> None:
    comp = outcome_composition(frames["tables"]).set_index("report_id").drop(columns="handled_total")
    assert comp.isna().any(axis=1).any()           # seed 000's granted total could not be placed
    with pytest.raises(ValueError, match=r"row\(s\) of composition have a missing, infinite or negative outcome count "
                                         r"\(.*000_438c5e5d2b6f4db4"):
        plot_composition(comp)
    ax = plot_composition(comp.dropna())
    assert len(ax.get_yticklabels()) == len(comp.dropna())


def test_plot_trend_refuses_years_written_as_text() -> None:
    df = pd.DataFrame({"agency": ["甲局", "甲局"], "report_year": ["2020年", "2021年"], "rate": [0.1, 0.2]})
    with pytest.raises(ValueError, match=r"year_col='report_year' must be numeric"):
        plot_trend(df, "rate")
    nullable = df.assign(report_year=[2020, 2021], agency=pd.array(["甲局", pd.NA], dtype="string"))
    assert [t.get_text() for t in plot_trend(nullable, "rate").get_legend().get_texts()] == ["甲局"]


def test_heatmap_by_report_id(frames) -> None:
    st = pd.DataFrame({"report_id": ["001_4d29bfef72dd56db", "003_ce1f8ef96d3daffd"], "kind": "problem",
                       "labels": ["content", "staffing;content"]})
    ax = plot_heatmap(st, frames["reports"], "report_id")
    assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == ["001_4d29bfef72dd56db",
                                                                          "003_ce1f8ef96d3daffd"]


# -------------------------------------------------------------------------------- classify


def test_indicator_matrices_must_be_zero_or_one() -> None:
    with pytest.raises(ValueError, match="y_pred must be a 0/1 indicator matrix"):
        category_metrics([[1, 0], [0, 1]], [[0.9, 0.1], [0.2, 0.8]])
    with pytest.raises(ValueError, match="y_true must be a 0/1 indicator matrix"):
        category_metrics([[2, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="matrix must be a 0/1 indicator matrix"):
        matrix_to_labels([[0.1] * 11])
    with pytest.raises(ValueError, match="labels must be a 0/1 indicator matrix"):
        evaluate(["a", "b", "c", "d"], np.array([[0.99] + [0] * 10] * 4), n_splits=2)
    y = np.array([[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="n_bootstrap must be an int >= 0, got -1"):
        bootstrap_macro_f1(y, [y], n_bootstrap=-1)


def test_a_missing_group_is_refused_not_merged_into_another() -> None:
    y = np.array([[1, 0], [0, 1], [1, 0], [0, 1]])
    p = np.array([[1, 0], [1, 0], [1, 0], [0, 1]])
    with pytest.raises(ValueError, match=r"groups has 2 missing label\(s\) \(first at position 2\)"):
        bootstrap_macro_f1(y, [p], groups=["a", "b", None, np.nan])
    data = load_annotations(["train", "seed"])
    with pytest.raises(ValueError, match=r"groups has \d+ missing label\(s\) \(first at position 0\)"):
        evaluate(data["text"], data["labels"], groups=data["source"].where(data.index % 7 != 0), n_splits=3)


def test_label_statements_checks_its_model_and_skips_invisible_text() -> None:
    st = pd.DataFrame({"text": ["信息更新不及时", "\u200b", " \u3000", None]})
    with pytest.raises(NotFittedError, match="model LexiconClassifier is not fitted"):
        label_statements(st, model=LexiconClassifier())
    out = label_statements(st, model=LexiconClassifier().fit(["信息更新不及时"], [["timeliness"]]))
    assert out["labels"].tolist()[0] == "timeliness" and out["labels"].iloc[1:].isna().all()


def test_evaluation_macro_checks_min_support() -> None:
    data = load_annotations(["seed"])
    ev = evaluate(data["text"], data["labels"], n_splits=2, n_repeats=1, n_bootstrap=0,
                  systems={"lex": LexiconClassifier()})
    with pytest.raises(ValueError, match="min_support must be an int >= 0, got '3'"):
        ev.macro("3")
    assert ev.macro(3)["n_categories"].iloc[0] <= ev.macro(0)["n_categories"].iloc[0]


def test_alignment_needs_a_report_id() -> None:
    st = pd.DataFrame({"report_id": [np.nan], "kind": ["problem"], "labels": ["content"]})
    with pytest.raises(ValueError, match="statement 0 has no report_id"):
        alignment(st)


@pytest.mark.parametrize("content, match", [
    (b"categories: [a, b\n  - x: :\n", r"bad\.yaml: not valid YAML at line 2"),
    (b"\xff\xfe\x00garbage", r"bad\.yaml: not a UTF-8 text file"),
])
def test_codebook_errors_name_the_file(tmp_path: Path, content: bytes, match: str) -> None:
    (tmp_path / "bad.yaml").write_bytes(content)
    with pytest.raises(ValueError, match=match):
        load_codebook(tmp_path / "bad.yaml")


# -------------------------------------------------------------------------------- ids and paths


def test_report_ids_must_be_text(tmp_path: Path) -> None:
    for rid in (0, 5, 1.5):
        with pytest.raises(TypeError, match="report_id must be a str, got"):
            toolkit.parse_text("一、总体情况", report_id=rid)
    with pytest.raises(ValueError, match="report_id must not be empty"):
        toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt", report_id=" ")
    with pytest.raises(TypeError, match=r"path must be a str or os.PathLike; for a document's bytes"):
        toolkit.parse_report(b"/x.txt")
    path = RAW / "001_4d29bfef72dd56db.txt"
    for ids in ([None], [np.nan], [""]):
        with pytest.raises(ValueError, match=r"report_ids gives 1 input file\(s\) a missing or empty id"):
            toolkit.extract_corpus([path], jobs=1, report_ids=ids)
    assert toolkit.extract_corpus([path], jobs=1, report_ids=[7])["reports"]["report_id"].tolist() == ["7"]


def test_a_legacy_report_has_no_requests_table(frames) -> None:
    res = compare.chi2_composition(frames["tables"], "template", reports=frames["reports"])
    reasons = dict(zip(res.excluded["report_id"], res.excluded["reason"]))
    assert reasons["003_ce1f8ef96d3daffd"] == "no requests table"     # pre-2019: no such table at all
    assert reasons["000_438c5e5d2b6f4db4"] == "missing outcome category"


def test_plot_composition_refuses_an_infinite_count() -> None:
    with pytest.raises(ValueError, match="missing, infinite or negative outcome count"):
        plot_composition(pd.DataFrame({"granted": [1.0, np.inf], "denied": [1.0, 2.0]}, index=["a", "b"]))


def test_wrong_types_of_paths_and_label_names_are_named() -> None:
    for paths in (None, 5, {"a": 1}):
        with pytest.raises(TypeError, match=r"paths must be a path, a folder, a glob or a list of them, got"):
            toolkit.extract_corpus(paths, jobs=1)
    st = pd.DataFrame({"report_id": ["a"], "kind": ["problem"], "labels": ["content"]})
    with pytest.raises(TypeError, match="label_names must be a mapping of category key to label, got str"):
        plot_heatmap(st, pd.DataFrame({"report_id": ["a"], "level": ["县"]}), "level", label_names="content")


def test_systems_and_estimators_of_the_wrong_type_are_named() -> None:
    # evaluate(systems=[...]) raised AttributeError: 'list' object has no attribute 'items' from inside.
    data = load_annotations(["seed"])
    args = (data["text"], data["labels"])
    with pytest.raises(TypeError, match="systems must map names to estimators.*got list"):
        evaluate(*args, n_splits=2, n_repeats=1, systems=[LexiconClassifier()])
    with pytest.raises(TypeError, match=r"systems\['lex'\] must be an unfitted scikit-learn estimator.*got str"):
        evaluate(*args, n_splits=2, n_repeats=1, systems={"lex": "LexiconClassifier"})
    with pytest.raises(TypeError, match="systems must map names"):
        evaluate_holdout(*args, *args, systems=(LexiconClassifier(),))
    with pytest.raises(TypeError, match=r"estimator must be an unfitted .*got LexiconClassifier \(a class\)"):
        learning_curve(*args, n_splits=2, n_repeats=1, estimator=LexiconClassifier)
