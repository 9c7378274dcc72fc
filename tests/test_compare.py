"""Tests of toolkit.compare: every test statistic against SciPy called directly on the same data."""
from __future__ import annotations

import io
import itertools
import warnings
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from scipy import stats
from scipy.stats import contingency

import toolkit
import toolkit.metrics
import toolkit.plots
from toolkit.compare import (
    CompositionResult,
    bootstrap_ci,
    chi2_composition,
    cliffs_delta_magnitude,
    cross_year_audit,
    describe,
    holm,
    kruskal,
    paired_wilcoxon,
    pairwise_mannwhitney,
    panel,
)
from toolkit.metrics import report_metrics

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
CHECK_COLUMNS = ["report_id", "table", "check", "key", "expected", "found", "status", "ok"]


@pytest.fixture
def df() -> pd.DataFrame:
    """Four groups: a (4 values + 1 NA), b (5), c (3), d (2: too small); one row without a group."""
    data = {
        "a": [0.10, 0.35, 0.20, 0.50, np.nan],
        "b": [0.60, 0.72, 0.55, 0.90, 0.41],
        "c": [0.30, 0.33, 0.95],
        "d": [0.80, 0.85],
    }
    rows = [(g, v) for g, vals in data.items() for v in vals] + [(None, 0.5)]
    rows = rows[::-1]  # not in group order
    return pd.DataFrame(rows, columns=["level", "rate"])


def values(df: pd.DataFrame, g: str) -> np.ndarray:
    return df.loc[df["level"] == g, "rate"].dropna().to_numpy()


# -------------------------------------------------------------------------------- describe


def test_describe_matches_pandas(df: pd.DataFrame) -> None:
    res = describe(df, "rate", "level")
    assert res.columns.tolist() == ["level", "n", "n_missing", "mean", "median", "q1", "q3"]
    assert res["level"].iloc[:4].tolist() == ["a", "b", "c", "d"]
    assert pd.isna(res["level"].iloc[4])          # rows without a group are shown, last
    for g in "abcd":
        row = res[res["level"] == g].iloc[0]
        x = pd.Series(values(df, g))
        assert row["n"] == len(x)
        assert row["mean"] == x.mean() and row["median"] == x.median()
        assert row["q1"] == x.quantile(0.25) and row["q3"] == x.quantile(0.75)
    assert res.set_index("level").loc["a", "n_missing"] == 1
    whole = describe(df, "rate")
    assert whole["n"].tolist() == [15] and whole["n_missing"].tolist() == [1]


def test_describe_all_missing_group() -> None:
    res = describe(pd.DataFrame({"g": ["x", "y"], "m": [np.nan, 1.0]}), "m", "g")
    assert res["n"].tolist() == [0, 1]
    assert pd.isna(res.loc[0, "median"]) and res.loc[1, "median"] == 1.0


# -------------------------------------------------------------------------------- kruskal


def test_kruskal_equals_scipy(df: pd.DataFrame) -> None:
    res = kruskal(df, "rate", "level", method="asymptotic").iloc[0]
    direct = stats.kruskal(values(df, "a"), values(df, "b"), values(df, "c"))
    assert res["H"] == direct.statistic
    assert res["p"] == direct.pvalue and res["method"] == "asymptotic"
    n = 4 + 5 + 3
    assert res["n"] == n and res["k"] == 3 and res["dof"] == 2
    assert res["epsilon2"] == direct.statistic / (n - 1)
    assert res["groups"] == "a=4; b=5; c=3"
    assert res["excluded"] == "d=2"
    assert res["note"] == "fewer than 10 reports in a group: no interval"


def test_kruskal_min_n(df: pd.DataFrame) -> None:
    res = kruskal(df, "rate", "level", min_n=2, method="asymptotic").iloc[0]
    direct = stats.kruskal(*(values(df, g) for g in "abcd"))
    assert (res["H"], res["p"], res["k"], res["excluded"]) == (direct.statistic, direct.pvalue, 4, "")


def test_kruskal_small_groups_get_the_permutation_p_value() -> None:
    # SciPy's chi-square approximation gave [1, 2, 3] vs [4, 5, 6] p = 0.0495; 2 of the 20 splits of six values
    # into two groups of three separate them as much, so the exact p-value is 0.1, as Mann–Whitney's.
    d = pd.DataFrame({"g": list("aaabbb"), "x": [1, 2, 3, 4, 5, 6]})
    res = kruskal(d, "x", "g").iloc[0]
    assert res["p"] == 0.1 and res["method"] == "exact"
    assert res["H"] == stats.kruskal([1, 2, 3], [4, 5, 6]).statistic
    assert pairwise_mannwhitney(d, "x", "g").loc[0, "p"] == 0.1
    assert kruskal(d, "x", "g", method="asymptotic").loc[0, "p"] == pytest.approx(0.0495, abs=1e-4)
    # with ties the same: the permutation distribution of H, and of U in pairwise_mannwhitney ([1, 2, 2] vs
    # [2, 5, 6]: 6 of the 20 splits are as extreme; SciPy's 'auto' gave U's normal approximation, 0.164)
    tied = pd.DataFrame({"g": list("aaabbb"), "x": [1, 2, 2, 2, 5, 6]})
    assert kruskal(tied, "x", "g").loc[0, "p"] == pytest.approx(0.3)
    pair = pairwise_mannwhitney(tied, "x", "g").iloc[0]
    assert pair["p"] == pytest.approx(0.3) and pair["method"] == "exact"
    # ties that skew the distribution: 1 of the 35 splits of 1 1 1 0 0 0 0 is as far from even, so both give
    # 1/35 (doubling the smaller tail of U, as scipy's PermutationMethod does, would give 2/35)
    skew = pd.DataFrame({"g": list("aaabbbb"), "x": [1, 1, 1, 0, 0, 0, 0]})
    assert kruskal(skew, "x", "g").loc[0, "p"] == pytest.approx(1 / 35)
    assert pairwise_mannwhitney(skew, "x", "g").loc[0, "p"] == pytest.approx(1 / 35)


def test_a_group_of_one_report_gets_a_permutation_p_value() -> None:
    # min_n=1 lets a group of one report in (a province with one report); scipy's permutation_test
    # refuses a sample of one value, and kruskal failed with its message. [1, 2, 3] vs [4]: the lone
    # value is the largest or the smallest in 2 of the 4 splits, which give H its largest value.
    d = pd.DataFrame({"g": list("aaab"), "x": [1, 2, 3, 4]})
    res = kruskal(d, "x", "g", min_n=1).iloc[0]
    assert res["p"] == 0.5 and res["method"] == "exact" and res["groups"] == "a=3; b=1"
    # with ties pairwise_mannwhitney takes the same route: [1, 2, 2] vs [4], |U - 1.5| = 1.5 in 2 of 4 splits
    tied = pd.DataFrame({"g": list("aaab"), "x": [1, 2, 2, 4]})
    pair = pairwise_mannwhitney(tied, "x", "g", min_n=1).iloc[0]
    assert pair["p"] == 0.5 and pair["method"] == "exact" and pair["U"] == 0.0
    assert kruskal(tied, "x", "g", min_n=1).loc[0, "p"] == 0.5
    # where scipy accepts the groups, the same enumeration gives scipy's p-value
    from toolkit.compare import _kruskal_h, _singleton_permutation_p
    samples = [np.array([0.0, 1, 1]), np.array([2.0, 0]), np.array([3.0, 1, 4])]
    ref = stats.permutation_test(samples, _kruskal_h, vectorized=True, alternative="greater").pvalue
    assert _singleton_permutation_p(samples, _kruskal_h, 9999, 0, True) == ref
    # too many splits to enumerate: seeded Monte Carlo draws, reproducible, and never p = 0
    rng = np.random.default_rng(3)
    big = pd.DataFrame({"g": ["a"] * 14 + ["b"] * 5 + ["c"], "x": rng.random(20)})
    res = kruskal(big, "x", "g", min_n=1, random_state=4)
    assert res.loc[0, "method"] == "monte_carlo" and 0 < res.loc[0, "p"] <= 1
    pd.testing.assert_frame_equal(res, kruskal(big, "x", "g", min_n=1, random_state=4))


def test_kruskal_method_by_group_size() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=23)
    three = pd.DataFrame({"g": ["a"] * 3 + ["b"] * 10 + ["c"] * 10, "x": x})
    samples = [np.sort(x[:3]), np.sort(x[3:13]), np.sort(x[13:])]  # each group's values in sorted order
    # 23! / (3! 10! 10!) splits: too many to enumerate, so 9999 random ones, seeded
    res = kruskal(three, "x", "g", random_state=2).iloc[0]
    perm = stats.permutation_test(samples, lambda *s, axis: stats.kruskal(*s, axis=axis).statistic,
                                  vectorized=True, alternative="greater", n_resamples=9999,
                                  rng=np.random.default_rng(2))
    assert res["method"] == "monte_carlo" and res["p"] == perm.pvalue
    assert res["p"] != stats.kruskal(*samples).pvalue
    pd.testing.assert_frame_equal(kruskal(three, "x", "g", random_state=2), kruskal(three, "x", "g", random_state=2))
    # every group above 8 values: the chi-square approximation, as scipy gives it
    big = pd.DataFrame({"g": ["a"] * 9 + ["b"] * 14, "x": x})
    res = kruskal(big, "x", "g").iloc[0]
    assert res["method"] == "asymptotic" and res["p"] == stats.kruskal(x[:9], x[9:]).pvalue
    assert pairwise_mannwhitney(big, "x", "g").loc[0, "method"] == "asymptotic"
    # the permutation p-value can be asked for at any size
    forced = kruskal(big, "x", "g", method="permutation", n_resamples=999).iloc[0]
    perm = stats.permutation_test([np.sort(x[:9]), np.sort(x[9:])],
                                  lambda *s, axis: stats.kruskal(*s, axis=axis).statistic, vectorized=True,
                                  alternative="greater", n_resamples=999, rng=np.random.default_rng(0))
    assert forced["method"] == "monte_carlo" and forced["p"] == perm.pvalue
    for bad in (dict(method="exact"), dict(n_resamples=0), dict(random_state=-1)):
        with pytest.raises(ValueError, match=r"method must be one of|n_resamples must be|random_state must be"):
            kruskal(big, "x", "g", **bad)


def test_kruskal_too_few_groups_gives_no_p(df: pd.DataFrame) -> None:
    res = kruskal(df, "rate", "level", min_n=5).iloc[0]
    assert res["k"] == 1 and res["groups"] == "b=5"
    assert pd.isna(res["p"]) and pd.isna(res["H"]) and pd.isna(res["epsilon2"])
    assert res["note"] == "fewer than 2 groups with n >= 5: no test"


def test_kruskal_identical_values_no_warning() -> None:
    flat = pd.DataFrame({"g": list("aaabbb"), "x": [0.0] * 6})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = kruskal(flat, "x", "g").iloc[0]
    assert pd.isna(res["p"]) and res["note"] == "all values are equal: no test"


# -------------------------------------------------------------------------------- pairwise


def test_pairwise_equals_scipy(df: pd.DataFrame) -> None:
    res = pairwise_mannwhitney(df, "rate", "level")
    assert res[["group1", "group2"]].values.tolist() == [list(p) for p in itertools.combinations("abcd", 2)]
    tested = res[res["U"].notna()]
    assert len(tested) == 3                             # pairs among a, b, c
    for row in tested.itertuples():
        x, y = values(df, row.group1), values(df, row.group2)
        direct = stats.mannwhitneyu(x, y, alternative="two-sided")
        assert row.U == direct.statistic and row.p == direct.pvalue
        brute = np.mean([np.sign(a - b) for a in x for b in y])
        assert row.cliffs_delta == pytest.approx(brute, abs=1e-12)
        assert row.magnitude == cliffs_delta_magnitude(brute)
    np.testing.assert_array_equal(tested["p_adj"].to_numpy(), holm(tested["p"].to_numpy()))
    small = res[res["U"].isna()]
    assert (small["note"] == "n < 3: no test").all()
    assert (tested["note"] == "fewer than 10 reports in a group: no interval").all()
    assert small[["U", "p", "p_adj", "cliffs_delta"]].isna().all().all()


def test_pairwise_without_correction(df: pd.DataFrame) -> None:
    res = pairwise_mannwhitney(df, "rate", "level", correction="none")
    np.testing.assert_array_equal(res["p_adj"].to_numpy(), res["p"].to_numpy())


def test_holm_textbook_example() -> None:
    # R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") -> 0.03 0.06 0.06 0.02
    np.testing.assert_allclose(holm([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02], rtol=1e-12)
    # Holm (1979)-style step-down with clipping at 1 and monotonicity
    np.testing.assert_allclose(holm([0.5, 0.6]), [1.0, 1.0])
    np.testing.assert_allclose(holm([0.001, np.nan, 0.02, 0.04]), [0.003, np.nan, 0.04, 0.04])
    assert holm([]).size == 0
    with pytest.raises(ValueError, match=r"pvalues must lie in \[0, 1\], got \[1.5\]"):
        holm([1.5])


@pytest.mark.parametrize("delta, label", [(0.0, "negligible"), (-0.146, "negligible"), (0.147, "small"),
                                          (-0.329, "small"), (0.33, "medium"), (0.473, "medium"),
                                          (-0.474, "large"), (1.0, "large"), (np.nan, "")])
def test_cliffs_delta_magnitude(delta: float, label: str) -> None:
    assert cliffs_delta_magnitude(delta) == label


# -------------------------------------------------------------------------------- chi-square


def outcome_tables(rid: str, counts: dict[str, float | str]) -> pd.DataFrame:
    """Requests total column with the given outcome totals (other rows 0), 2019 format."""
    rows = {"granted": 0, "partially_granted": 0, "denied_state_secret": 0, "denied_prohibited": 0,
            "denied_security": 0, "denied_third_party": 0, "denied_internal": 0, "denied_process": 0,
            "denied_enforcement": 0, "denied_query": 0, "unable_not_held": 0, "unable_needs_creation": 0,
            "unable_unclear": 0, "rejected_petition": 0, "rejected_duplicate": 0, "rejected_publication": 0,
            "rejected_excessive": 0, "rejected_confirmation": 0, "other_handling": 0}
    rows.update(counts)
    rows["handled_total"] = sum(v for v in rows.values() if not isinstance(v, str))
    out = []
    for i, (r, v) in enumerate(rows.items(), start=1):
        blank = isinstance(v, str)
        out.append(dict(report_id=rid, table="requests", row_key=r, col_key="total",
                        value=np.nan if blank else float(v), raw=v if blank else str(v), line=i))
    return pd.DataFrame(out)


@pytest.fixture
def composition_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    specs = {
        "r1": ("区县", {"granted": 30, "partially_granted": 5, "denied_process": 3, "unable_not_held": 10,
                        "rejected_petition": 2, "other_handling": 1}),
        "r2": ("区县", {"granted": 12, "unable_not_held": 8, "unable_unclear": 1, "rejected_duplicate": 3}),
        "r3": ("市", {"granted": 40, "partially_granted": 9, "denied_third_party": 6, "unable_not_held": 4,
                      "other_handling": 2}),
        "r4": ("市", {"granted": 25, "denied_internal": 2, "unable_not_held": 2}),
        "r5": ("省", {"granted": 60, "partially_granted": 20, "denied_state_secret": 5, "unable_not_held": 5,
                      "rejected_excessive": 4, "other_handling": 6}),
        "r6": ("省", {"granted": 3, "denied_query": ""}),            # a blank: excluded
        "r7": ("省", {}),                                            # nothing handled: excluded
        "r8": (None, {"granted": 5}),                                # no group: excluded
    }
    tables = pd.concat([outcome_tables(r, c) for r, (_, c) in specs.items()], ignore_index=True)
    reports = pd.DataFrame({"report_id": list(specs), "level": [g for g, _ in specs.values()]})
    return tables, reports


def test_chi2_composition_equals_scipy(composition_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    tables, reports = composition_data
    res = chi2_composition(tables, "level", reports=reports, method="asymptotic", ci_min_n=1)
    assert isinstance(res, CompositionResult)
    cats = ["granted", "partially_granted", "denied", "unable", "rejected", "other"]
    expected_counts = np.array([
        [42, 5, 3, 19, 5, 1],      # 区县 = r1 + r2
        [65, 9, 8, 6, 0, 2],       # 市 = r3 + r4
        [60, 20, 5, 5, 4, 6],      # 省 = r5
    ], dtype=np.int64)
    assert res.counts.index.tolist() == ["区县", "市", "省"]     # sorted by code point
    np.testing.assert_array_equal(res.counts[cats].to_numpy(), expected_counts)
    assert res.counts["n_reports"].tolist() == [2, 2, 1]
    direct = stats.chi2_contingency(expected_counts)
    t = res.test.iloc[0]
    assert t["chi2"] == direct.statistic and t["p"] == direct.pvalue and t["dof"] == direct.dof
    assert t["cramers_v"] == contingency.association(expected_counts, method="cramer")
    assert t["n"] == expected_counts.sum() and t["k"] == 3
    assert t["min_expected"] == direct.expected_freq.min()
    assert t["n_expected_lt5"] == int((direct.expected_freq < 5).sum())
    assert t["note"] == "7 of 18 expected counts below 5 (minimum 2.55): the chi-square approximation is unreliable"
    # by default such a table gets the Monte Carlo p-value, scipy's, seeded
    auto = chi2_composition(tables, "level", reports=reports, ci_min_n=1).test.iloc[0]
    mc = stats.chi2_contingency(expected_counts, correction=False,
                                method=stats.MonteCarloMethod(n_resamples=9999, rng=np.random.default_rng(0)))
    assert (auto["method"], auto["p"], auto["chi2"], auto["dof"]) == ("monte_carlo", mc.pvalue, t["chi2"], t["dof"])
    assert auto["note"] == t["note"] + "; p from 9999 random tables of these margins"
    np.testing.assert_allclose(res.shares.sum(axis=1), 1.0)
    assert dict(zip(res.excluded["report_id"], res.excluded["reason"])) == {
        "r6": "missing outcome category", "r7": "no handled request", "r8": "no group"}
    assert "<CompositionResult by=level k=3" in repr(res)


def test_chi2_composition_blank_as_zero(composition_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    tables, reports = composition_data
    flags = pd.DataFrame(columns=["report_id", "code", "table", "line"])
    res = chi2_composition(tables, "level", reports=reports, blank_as_zero=True, flags=flags)
    assert res.counts.loc["省", "n_reports"] == 2 and res.counts.loc["省", "granted"] == 63
    assert "r6" not in res.excluded["report_id"].tolist()


def test_chi2_composition_drops_empty_categories_and_needs_two_groups(
        composition_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    tables, reports = composition_data
    one_group = reports.assign(level="全部")
    res = chi2_composition(tables, "level", reports=one_group)
    t = res.test.iloc[0]
    assert pd.isna(t["p"]) and pd.isna(t["chi2"])
    assert t["note"] == "fewer than 2 groups or categories with requests (1 groups, 6 categories): no test"
    two = reports[reports["report_id"].isin(["r2", "r4"])]
    res = chi2_composition(tables, "level", reports=two)
    obs = np.array([[12, 0, 9, 3], [25, 2, 2, 0]])   # r2 (区县) and r4 (市)
    assert res.test.loc[0, "categories"] == "granted;denied;unable;rejected"
    assert res.test.loc[0, "chi2"] == stats.chi2_contingency(obs).statistic


def test_chi2_composition_lists_every_report_left_out(composition_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    tables, reports = composition_data
    # r9 has no requests table (a failed file, say); r10 has a negative count, kept as written by the
    # extraction (and flagged there): it cannot enter a contingency table.
    negative = outcome_tables("r10", {"granted": 4, "other_handling": -1})
    tables = pd.concat([tables, negative], ignore_index=True)
    reports = pd.concat([reports, pd.DataFrame({"report_id": ["r9", "r10"], "level": ["市", "市"]})],
                        ignore_index=True)
    res = chi2_composition(tables, "level", reports=reports)
    assert dict(zip(res.excluded["report_id"], res.excluded["reason"])) == {
        "r6": "missing outcome category", "r7": "no handled request", "r8": "no group",
        "r9": "no requests table", "r10": "negative outcome count"}
    assert res.excluded["report_id"].is_monotonic_increasing
    assert res.counts["n_reports"].sum() + len(res.excluded) == len(reports)
    assert res.counts.loc["市", "n_reports"] == 2


def test_chi2_composition_leaves_out_a_negative_cell_inside_a_category(
        composition_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    # 不予公开 is the sum of eight cells: -1 + 3 added up to 2 denials, and the report was pooled, where
    # report_metrics makes its denial_rate NA and a negative other_handling cell was left out
    tables, reports = composition_data
    r11 = outcome_tables("r11", {"granted": 4, "denied_state_secret": -1, "denied_query": 3})
    tables = pd.concat([tables, r11], ignore_index=True)
    reports = pd.concat([reports, pd.DataFrame({"report_id": ["r11"], "level": ["市"]})], ignore_index=True)
    res = chi2_composition(tables, "level", reports=reports)
    assert dict(zip(res.excluded["report_id"], res.excluded["reason"]))["r11"] == "negative outcome count"
    assert res.counts.loc["市", "n_reports"] == 2 and res.counts.loc["市", "denied"] == 8
    assert pd.isna(report_metrics(tables, reports=reports).set_index("report_id").loc["r11", "denial_rate"])


def test_chi2_composition_finds_the_outcome_table_metrics_yaml_names(
        composition_data: tuple[pd.DataFrame, pd.DataFrame], monkeypatch: pytest.MonkeyPatch) -> None:
    # the table whose cells the outcome categories add up is data of metrics.yaml, with the categories: a
    # spec naming it otherwise is followed (the code had 'requests' written in, and left every report out)
    tables, reports = composition_data
    expected = chi2_composition(tables, "level", reports=reports)
    text = resources.files("toolkit").joinpath("data/metrics.yaml").read_text(encoding="utf-8")
    spec = yaml.safe_load(text.replace("requests.", "applications."))
    for key in ("formats", "row_totals"):
        spec[key]["applications"] = spec[key].pop("requests")
    monkeypatch.setattr(toolkit.metrics, "_spec", lambda: spec)
    renamed = pd.concat([tables.assign(table="applications"), outcome_tables("r9", {"granted": 1})
                         .assign(table="requests")], ignore_index=True)
    res = chi2_composition(renamed, "level", reports=pd.concat(
        [reports, pd.DataFrame({"report_id": ["r9", "r10"], "level": ["市", "市"]})], ignore_index=True))
    pd.testing.assert_frame_equal(res.counts, expected.counts)
    assert dict(zip(res.excluded["report_id"], res.excluded["reason"])) == {
        **dict(zip(expected.excluded["report_id"], expected.excluded["reason"])),
        "r9": "no applications table", "r10": "no applications table"}


# -------------------------------------------------------------------------------- bootstrap


def test_bootstrap_mean_equals_scipy(df: pd.DataFrame) -> None:
    res = bootstrap_ci(df, "rate", "level", n_boot=500, random_state=7, method="percentile", min_n=3)
    assert res["level"].iloc[:4].tolist() == ["a", "b", "c", "d"] and pd.isna(res["level"].iloc[4])
    for g in "abc":
        row = res[res["level"] == g].iloc[0]
        # bootstrap_ci resamples the values in sorted order
        direct = stats.bootstrap((np.sort(values(df, g)),), np.mean, n_resamples=500, confidence_level=0.95,
                                 method="percentile", rng=np.random.default_rng(7))
        assert row["ci_low"] == direct.confidence_interval.low
        assert row["ci_high"] == direct.confidence_interval.high
        assert row["estimate"] == values(df, g).mean() and row["n"] == len(values(df, g))
    d = res[res["level"] == "d"].iloc[0]
    assert d["note"] == "n < 3: no interval" and pd.isna(d["ci_low"]) and d["estimate"] == 0.825
    again = bootstrap_ci(df, "rate", "level", n_boot=500, random_state=7, method="percentile", min_n=3)
    pd.testing.assert_frame_equal(res, again)


def test_bootstrap_gives_no_interval_below_ten_units_by_default() -> None:
    # The default was min_n=3 with the percentile interval: its "95 %" interval of three reports is their
    # min..max and covered the mean in ~75 % of samples (benchmarks/bootstrap_coverage.py).  Now a group of
    # fewer than 10 units gets NA bounds, its n and estimate, and a note; from 10 it gets an interval.
    x = [0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9]
    d = pd.DataFrame({"g": ["nine"] * 9 + ["ten"] * 10, "x": x[:9] + x})
    res = bootstrap_ci(d, "x", "g", n_boot=300).set_index("g")
    assert res.loc["nine", "n"] == 9 and res.loc["nine", "note"] == "n < 10: no interval"
    assert res.loc["nine", "estimate"] == pytest.approx(np.mean(x[:9]))
    assert pd.isna(res.loc["nine", "ci_low"]) and pd.isna(res.loc["nine", "ci_high"])
    assert res.loc["ten", "note"] == "" and res.loc["ten", "ci_low"] < res.loc["ten", "ci_high"]
    clustered = bootstrap_ci(d.assign(a=range(len(d))), "x", "g", n_boot=300, cluster="a").set_index("g")
    assert clustered.loc["nine", "note"] == "n_clusters < 10: no interval"


def test_bootstrap_gives_the_reports_of_no_group_a_last_row_as_describe_does(df: pd.DataFrame) -> None:
    # A report whose level (or a failed report's year) is NA was in no row: n and n_missing of the groups added up
    # to 15 of the 16 rows, the report with 0.5 gone without a word, where describe lists it in a last NA group.
    nameless = pd.DataFrame({"level": [None, None, None], "rate": [0.7, np.nan, 0.9]})
    d = pd.concat([df, nameless], ignore_index=True)
    res = bootstrap_ci(d, "rate", "level", n_boot=100, min_n=2)
    assert res["level"].iloc[:4].tolist() == ["a", "b", "c", "d"] and pd.isna(res["level"].iloc[4])
    last = res.iloc[4]
    assert (last["n"], last["n_missing"]) == (3, 1) and last["estimate"] == pytest.approx(0.7)
    assert res["n"].sum() + res["n_missing"].sum() == len(d)
    assert res[["n", "n_missing"]].values.tolist() == describe(d, "rate", "level")[["n", "n_missing"]].values.tolist()


def test_bootstrap_expanded_is_the_percentile_interval_at_a_wider_level() -> None:
    # Hesterberg's expanded percentile interval: scipy's percentile interval at 1 - 2·Φ(-√(n/(n-1))·t_{.975,n-1})
    x = np.array([0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9])
    level = 1 - 2 * stats.norm.sf(np.sqrt(10 / 9) * stats.t.ppf(0.975, 9))
    assert level == pytest.approx(0.98290, abs=1e-5)  # t = 2.2622, × 1.0541 = 2.3845
    res = bootstrap_ci(pd.DataFrame({"x": x[::-1]}), "x", n_boot=500, random_state=4).iloc[0]
    direct = stats.bootstrap((x,), np.mean, n_resamples=500, confidence_level=level, method="percentile",
                             rng=np.random.default_rng(4))
    assert (res["ci_low"], res["ci_high"]) == pytest.approx((direct.confidence_interval.low,
                                                              direct.confidence_interval.high))
    assert res["ci"] == 0.95  # the level asked for, not the one scipy was called with
    plain = bootstrap_ci(pd.DataFrame({"x": x}), "x", n_boot=500, random_state=4, method="percentile").iloc[0]
    assert res["ci_low"] < plain["ci_low"] and plain["ci_high"] < res["ci_high"]


def test_bootstrap_by_group_ignores_the_index(df: pd.DataFrame) -> None:
    # A frame concatenated from two sources has a repeated index; the groups are the same.
    repeated = df.set_axis([i % 3 for i in range(len(df))], axis=0)
    expected = bootstrap_ci(df, "rate", "level", n_boot=200, random_state=0, min_n=3)
    assert expected["n"].tolist() == [4, 5, 3, 2, 1]
    pd.testing.assert_frame_equal(bootstrap_ci(repeated, "rate", "level", n_boot=200, random_state=0, min_n=3),
                                  expected)


def test_bootstrap_ratio_of_sums_equals_scipy() -> None:
    d = pd.DataFrame({"g": ["x"] * 5 + ["y"] * 4,
                      "rate": np.nan,
                      "rate_num": [1, 4, 0, 10, 3, 2, 2, np.nan, 7],
                      "rate_den": [2, 10, 5, 40, 3, 4, 8, 9, 10]})
    res = bootstrap_ci(d, "rate", "g", estimator="ratio", n_boot=400, random_state=3, ci=0.9, method="percentile",
                       min_n=3)
    x = d[d["g"] == "x"].sort_values(["rate_num", "rate_den"])  # bootstrap_ci's order: by numerator, denominator
    direct = stats.bootstrap((x["rate_num"].to_numpy(), x["rate_den"].to_numpy()),
                             lambda n, m, axis: n.sum(axis=axis) / m.sum(axis=axis), paired=True,
                             vectorized=True, n_resamples=400, confidence_level=0.9, method="percentile",
                             rng=np.random.default_rng(3))
    row = res.iloc[0]
    assert row["estimate"] == 18 / 60
    assert row["ci_low"] == direct.confidence_interval.low and row["ci_high"] == direct.confidence_interval.high
    assert res.iloc[1]["n"] == 3                             # the NA numerator is dropped
    assert res.iloc[1]["estimate"] == 11 / 22


def test_bootstrap_ratio_from_report_metrics() -> None:
    rows = []
    for rid, (granted, handled) in {"a": (3, 4), "b": (1, 10), "c": (5, 5), "d": (0, 0)}.items():
        for r, v in (("granted", granted), ("handled_total", handled)):
            rows.append(dict(report_id=rid, table="requests", row_key=r, col_key="total", value=float(v),
                             raw=str(v), line=1))
    m = report_metrics(pd.DataFrame(rows), components=True)
    assert pd.isna(m.set_index("report_id").loc["d", "full_grant_rate"])
    res = bootstrap_ci(m, "full_grant_rate", estimator="ratio", n_boot=100).iloc[0]
    # report d (0 of 0) adds nothing to the ratio of sums and is left out of the resampling
    assert res["estimate"] == 9 / 19 and res["n"] == 3
    mean = bootstrap_ci(m, "full_grant_rate", n_boot=100).iloc[0]
    assert mean["n"] == 3 and mean["estimate"] == pytest.approx((0.75 + 0.1 + 1.0) / 3)


def test_bootstrap_ratio_of_a_per_100_indicator_is_per_100() -> None:
    # reviews_per_100 is 100 × reviews / handled; its ratio of sums came out as a plain ratio, 100 times
    # smaller than the indicator and its 'mean' estimate (seed 001: 4.04 per 100 handled, ratio 0.0404)
    rows = []
    for rid, (reviews, handled) in {"a": (4, 99), "b": (3, 4), "c": (0, 10)}.items():
        for t, r, v in (("review_litigation", "review", reviews), ("requests", "handled_total", handled)):
            rows.append(dict(report_id=rid, table=t, row_key=r, col_key="total", value=float(v), raw=str(v), line=1))
    m = report_metrics(pd.DataFrame(rows), components=True)
    assert m.loc[0, "reviews_per_100"] == pytest.approx(400 / 99)
    ratio = bootstrap_ci(m, "reviews_per_100", estimator="ratio", n_boot=200, min_n=3).iloc[0]
    assert ratio["estimate"] == pytest.approx(100 * 7 / 113)
    assert 0 <= ratio["ci_low"] <= ratio["estimate"] <= ratio["ci_high"] <= 100 * 3 / 4
    # a rate (a share) keeps its scale
    m = m.assign(x=np.nan, x_num=m["reviews_per_100_num"], x_den=m["reviews_per_100_den"])
    assert bootstrap_ci(m, "x", estimator="ratio", min_n=3).loc[0, "estimate"] == pytest.approx(7 / 113)



def test_bootstrap_ratio_of_a_per_100_indicator_counts_the_numerator_of_a_report_with_no_handled_request() -> None:
    # Report c handled no request but had 2 reconsiderations (they concern earlier years' replies): it was left
    # out as "adding nothing to the ratio of sums", so the estimate missed its 2 in Σ reviews / Σ handled, and c
    # was in neither n nor n_missing.  A report of 0 of 0 (d) still adds nothing and stays out.
    counts = {"a": (4, 99), "b": (3, 4), "c": (2, 0), "d": (0, 0), "e": (1, 10), "f": (0, 20), "g": (2, 30),
              "h": (0, 5), "i": (1, 8), "j": (0, 12), "k": (3, 40), "l": (1, 15)}
    rows = []
    for rid, (reviews, handled) in counts.items():
        for t, r, v in (("review_litigation", "review", reviews), ("requests", "handled_total", handled)):
            rows.append(dict(report_id=rid, table=t, row_key=r, col_key="total", value=float(v), raw=str(v), line=1))
    m = report_metrics(pd.DataFrame(rows), components=True)
    assert m["reviews_per_100"].isna().sum() == 2
    expected = 100 * sum(r for r, _ in counts.values()) / sum(h for _, h in counts.values())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ratio = bootstrap_ci(m, "reviews_per_100", estimator="ratio", n_boot=400).iloc[0]
        by_agency = bootstrap_ci(m.assign(agency=list(counts)), "reviews_per_100", estimator="ratio", n_boot=400,
                                 cluster="agency").iloc[0]
    assert ratio["estimate"] == pytest.approx(expected)
    assert (ratio["n"], ratio["n_missing"]) == (11, 0)
    assert 0 <= ratio["ci_low"] <= ratio["estimate"] <= ratio["ci_high"] < np.inf
    assert by_agency["estimate"] == pytest.approx(expected) and by_agency["n_clusters"] == 11
    # the group's rows without c give the old estimate: c's numerator is what moved it
    without_c = bootstrap_ci(m[m["report_id"] != "c"], "reviews_per_100", estimator="ratio", n_boot=50).iloc[0]
    assert without_c["estimate"] == pytest.approx(expected - 200 / 243) and without_c["n"] == 10

def test_bootstrap_ratio_of_a_per_100_indicator_with_few_handled_requests_says_why_it_has_no_interval() -> None:
    # Seven of ten reports had reconsiderations but handled no request: resamples drawn only from them have no
    # ratio of sums, which left the interval NA with the note 'raise n_boot', wrong advice (more resamples draw
    # more such resamples).  The note now says why.
    counts = {"a": (2, 0), "b": (1, 0), "c": (3, 0), "d": (1, 0), "e": (2, 0), "f": (1, 0), "g": (4, 0),
              "h": (1, 10), "i": (0, 20), "j": (2, 30)}
    rows = []
    for rid, (reviews, handled) in counts.items():
        for t, r, v in (("review_litigation", "review", reviews), ("requests", "handled_total", handled)):
            rows.append(dict(report_id=rid, table=t, row_key=r, col_key="total", value=float(v), raw=str(v), line=1))
    m = report_metrics(pd.DataFrame(rows), components=True)
    for method in ("expanded", "BCa"):
        res = bootstrap_ci(m, "reviews_per_100", estimator="ratio", n_boot=400, method=method).iloc[0]
        assert res["estimate"] == pytest.approx(100 * 17 / 60) and res["n"] == 10
        assert pd.isna(res["ci_low"]) and pd.isna(res["ci_high"])
        assert res["note"] == (f"no {method} interval: too few reports with a denominator (3 of 10; a resample "
                               "drawn only from those with a denominator of 0 has no ratio)")
    by_agency = bootstrap_ci(m.assign(agency=list(counts)), "reviews_per_100", estimator="ratio", n_boot=400,
                             cluster="agency").iloc[0]
    assert by_agency["note"].startswith("no expanded interval: too few clusters with a denominator (3 of 10;")


def test_bootstrap_ratio_refuses_a_negative_denominator() -> None:
    # Twelve reports of group a, one with x_den = -3 (a count typed by hand, broken): the row was dropped with
    # the denominators of 0, counted in neither n nor n_missing (n=11, n_missing=0 for 12 reports), and group a
    # fell below min_n=12 silently.  report_metrics never gives one (the part of a rate is NA there).
    df = pd.DataFrame({"report_id": [f"r{i}" for i in range(12)], "g": ["a"] * 12,
                       "x": 0.5, "x_num": [1.0] * 12, "x_den": [2.0] * 11 + [-3.0]}, index=list(range(100, 112)))
    with pytest.raises(ValueError, match=r"denominator='x_den' holds 1 negative value\(s\) \(index 111\): a count "
                                         r"is never negative; make them NA first"):
        bootstrap_ci(df, "x", "g", estimator="ratio", min_n=12, n_boot=50)
    # made NA, it is counted as missing; a denominator of 0 is still in neither count, as documented
    res = bootstrap_ci(df.assign(x_den=df["x_den"].where(df["x_den"] >= 0)), "x", "g", estimator="ratio", n_boot=50)
    assert res.loc[0, ["n", "n_missing"]].tolist() == [11, 1]
    res = bootstrap_ci(df.assign(x_den=df["x_den"].clip(lower=0)), "x", "g", estimator="ratio", n_boot=50)
    assert res.loc[0, ["n", "n_missing"]].tolist() == [11, 0]
    # the mean estimator does not read the denominator
    assert bootstrap_ci(df, "x", "g", n_boot=50).loc[0, "n"] == 12



def test_a_bootstrap_of_one_resample_is_refused_and_no_warning_escapes_a_few() -> None:
    # n_boot=1 was taken: bootstrap_ci let out numpy's RuntimeWarning 'Degrees of freedom <= 0 for slice' (scipy's
    # standard error of one resample) and gave the 'interval' [0.34, 0.34] of the one resample around an estimate
    # of 0.407; kruskal's epsilon2 interval was [0.373, 0.373] around 0.051. A BCa interval of 2 resamples on one
    # side of the estimate let out scipy's 'invalid value encountered in scalar divide' and DegenerateDataWarning.
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"report_id": [f"r{i}" for i in range(20)], "g": list("ab") * 10, "x": rng.random(20),
                       "x_num": rng.integers(0, 5, 20), "x_den": rng.integers(1, 9, 20)})
    one = r"n_boot must be an integer >= 2 \(an interval needs resamples to spread\), got 1"
    for call in (lambda: bootstrap_ci(df, "x", "g", n_boot=1), lambda: kruskal(df, "x", "g", n_boot=1),
                 lambda: pairwise_mannwhitney(df, "x", "g", n_boot=1),
                 lambda: paired_wilcoxon(df.assign(agency="A"), "x", "g", n_boot=1)):
        with pytest.raises(ValueError, match=one):
            call()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = bootstrap_ci(df, "x", "g", estimator="ratio", method="BCa", n_boot=2)
        for n_boot in (2, 3):
            for method in ("expanded", "percentile", "basic", "BCa"):
                bootstrap_ci(df, "x", "g", n_boot=n_boot, method=method)
    assert res["ci_low"].isna().tolist() == [False, True]  # group b's two resamples both lie above its estimate
    assert res.loc[1, "note"] == ("no BCa interval from these 2 resamples (all on one side of the estimate, or too "
                                  "few): raise n_boot")
    assert res.loc[0, "note"] == "" and res.loc[0, "ci_low"] <= res.loc[0, "estimate"] <= res.loc[0, "ci_high"]


# -------------------------------------------------------------------------------- panel


def test_panel() -> None:
    d = pd.DataFrame({"report_id": ["a21", "a20", "b20", "c19", "c21", "c20", "n1"],
                      "agency": ["A", "A", "B", "C", "C", "C", None],
                      "report_year": [2021, 2020, 2020, 2019, 2021, 2020, 2020],
                      "x": range(7)})
    res = panel(d)
    assert res["report_id"].tolist() == ["a20", "a21", "c19", "c20", "c21"]
    assert res["n_years"].tolist() == [2, 2, 3, 3, 3]
    assert panel(d, min_years=3)["agency"].unique().tolist() == ["C"]
    with pytest.warns(UserWarning, match=r"several reports for one agency and year: \['A 2021'\]"):
        panel(pd.concat([d, d.iloc[[0]].assign(report_id="a21b")]))



def test_panel_names_an_agency_written_in_both_scripts() -> None:
    # A hand-made list of agencies with 伊州區住房和城鄉建設局 (its 2023 report's name as written) and 伊州区住房和城乡建设局 (the
    # 2024 report's): two agencies of one year each to panel, both dropped without a word.
    d = pd.DataFrame({"agency": ["伊州區住房和城鄉建設局", "伊州区住房和城乡建设局", "乾县人民政府", "乾县人民政府"],
                      "report_year": [2023, 2024, 2023, 2024], "x": [1.0, 2.0, 3.0, 4.0]})
    with pytest.warns(UserWarning, match=r"panel: 'agency' names written in traditional and in simplified characters, "
                                         r"each kept apart as an agency of its own: \['伊州區住房和城鄉建設局 / "
                                         r"伊州区住房和城乡建设局'\]; convert the names first"):
        res = panel(d)
    assert res["agency"].tolist() == ["乾县人民政府"] * 2                  # as written: the warning says why
    with warnings.catch_warnings():
        warnings.simplefilter("error")                                  # 乾县 is no traditional 干县; one script each
        assert len(panel(d.assign(agency=d["agency"].str.replace("伊州區住房和城鄉建設局", "伊州区住房和城乡建设局")))) == 4
        assert len(panel(d.iloc[[0, 2, 3]])) == 2                         # no simplified twin: nothing to say

def _seeds_with_002_a_year_earlier(agency: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ten seeds' tables and reports (agency, year, place), seed 002 (伊州区住房和城乡建设局 2024) again as its
    2023 report, its agency written ``agency``."""
    parsed = [toolkit.parse_report(p) for p in sorted(RAW.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed],
                            **{c: [r.metadata[c] for r in parsed] for c in ("agency", "report_year", "province",
                                                                             "level")}})
    seed = reports["report_id"].str.startswith("002")
    earlier = reports[seed].assign(report_id="002-2023", agency=agency, report_year=2023)
    tables = pd.concat([tables, tables[tables["report_id"] == reports.loc[seed, "report_id"].iloc[0]]
                        .assign(report_id="002-2023")], ignore_index=True)
    return tables, pd.concat([reports, earlier], ignore_index=True)


_BY_AGENCY = {
    "panel": lambda t, r, m: panel(m),
    "cross_year_audit": lambda t, r, m: cross_year_audit(t, r),
    "paired_wilcoxon": lambda t, r, m: paired_wilcoxon(m, "not_held_rate", "report_year", n_boot=20, min_n=1),
    "kruskal": lambda t, r, m: kruskal(m, "not_held_rate", "report_year", n_boot=20, min_n=1),
    "pairwise_mannwhitney": lambda t, r, m: pairwise_mannwhitney(m, "not_held_rate", "report_year", n_boot=20,
                                                                 min_n=1),
    "chi2_composition": lambda t, r, m: chi2_composition(t, "report_year", reports=r, n_boot=20),
    "bootstrap_ci": lambda t, r, m: bootstrap_ci(m, "not_held_rate", cluster="agency", n_boot=20, min_n=1),
}


@pytest.mark.parametrize("func", list(_BY_AGENCY))
def test_every_function_grouping_by_agency_names_one_written_in_both_scripts(func) -> None:
    # Seed 002's agency written in traditional characters in its 2023 report (伊州區住房和城鄉建設局) and in simplified
    # ones in 2024: panel warned, but cross_year_audit made no check of the two years, paired_wilcoxon left them
    # unpaired, and the rank tests and bootstrap_ci counted two agencies (their notes, their resampled clusters),
    # without a word. Each warns as panel does.
    call = _BY_AGENCY[func]
    tables, reports = _seeds_with_002_a_year_earlier("伊州區住房和城鄉建設局")
    m = report_metrics(tables, reports=reports)
    with pytest.warns(UserWarning, match=rf"{func}: 'agency' names written in traditional and in simplified "
                                         r"characters, each kept apart as an agency of its own: "
                                         r"\['伊州區住房和城鄉建設局 / 伊州区住房和城乡建设局'\]"):
        call(tables, reports, m)
    tables, reports = _seeds_with_002_a_year_earlier("伊州区住房和城乡建设局")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(tables, reports, report_metrics(tables, reports=reports))
    assert not [w for w in caught if "traditional" in str(w.message)]


# -------------------------------------------------------------------------------- cross-year audit


def cells(rid: str, values: dict[str, float | str]) -> list[dict]:
    out = []
    for i, (k, v) in enumerate(values.items(), start=1):
        t, r, c = k.split(".")
        blank = isinstance(v, str)
        out.append(dict(report_id=rid, table=t, row_key=r, col_key=c, value=np.nan if blank else float(v),
                        raw=v if blank else str(v), line=i))
    return out


def requests(carried_over: float | str, carried_forward: float | str, fmt: str) -> dict:
    out = {f"requests.carried_over.{c}": 0 for c in ["natural_person", "commercial", "research", "nonprofit",
                                                      "legal_services", "other_org"]}
    out.update({f"requests.carried_forward.{c}": 0 for c in ["natural_person", "commercial", "research",
                                                              "nonprofit", "legal_services", "other_org"]})
    out["requests.carried_over.natural_person"] = carried_over
    out["requests.carried_over.total"] = carried_over
    out["requests.carried_forward.natural_person"] = carried_forward
    out["requests.carried_forward.total"] = carried_forward
    out["requests.other_handling.total" if fmt == "2019" else "requests.other_misc.total"] = 0
    return out


@pytest.fixture
def audit_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    a21 = requests(0, 2, "2021") | {"active.regulations.issued": 1, "active.regulations.repealed": 0,
                                    "active.regulations.in_force": 5, "active.normative_documents.issued": 3,
                                    "active.normative_documents.repealed": 1,
                                    "active.normative_documents.in_force": 20}
    a22 = requests(2, 1, "2021") | {"active.regulations.issued": 2, "active.regulations.repealed": 1,
                                    "active.regulations.in_force": 6, "active.normative_documents.issued": 4,
                                    "active.normative_documents.repealed": 0,
                                    "active.normative_documents.in_force": 30}
    b19 = requests(0, 3, "2019") | {"active.licensing.prev_items": 10, "active.licensing.change": -2,
                                    "active.licensing.decisions": 100}
    b20 = requests("", 0, "2019") | {"active.licensing.prev_items": 8, "active.licensing.change": 1,
                                     "active.licensing.decisions": 90}
    b21 = requests(0, 0, "2021") | {"active.regulations.in_force": 1}        # format changed
    c20 = requests(0, 1, "2019")
    c22 = requests(1, 0, "2021")                                              # gap year
    tables = pd.DataFrame([c for rid, v in [("A21", a21), ("A22", a22), ("B19", b19), ("B20", b20),
                                             ("B21", b21), ("C20", c20), ("C22", c22)] for c in cells(rid, v)])
    reports = pd.DataFrame({"report_id": ["A21", "A22", "B19", "B20", "B21", "C20", "C22"],
                            "agency": ["甲", "甲", "乙", "乙", "乙", "丙", "丙"],
                            "report_year": [2021, 2022, 2019, 2020, 2021, 2020, 2022]})
    return tables, reports


def test_cross_year_audit(audit_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    tables, reports = audit_data
    res = cross_year_audit(tables, reports)
    assert res.columns.tolist() == CHECK_COLUMNS
    assert res["report_id"].unique().tolist() == ["A22", "B20", "B21"]   # C22 has no y-1 report
    got = {(r.check, r.key): (r.expected, r.found, r.status, r.ok) for r in res.itertuples()}
    assert got[("carried_over_continuity", "A22<-A21:total")] == (2, 2, "ok", True)
    assert got[("carried_over_continuity", "A22<-A21:commercial")] == (0, 0, "ok", True)
    # in_force(2022) = in_force(2021) + issued(2022) - repealed(2022)
    assert got[("in_force_continuity", "A22<-A21:regulations")] == (6, 6, "ok", True)
    assert got[("in_force_continuity", "A22<-A21:normative_documents")] == (24, 30, "failed", False)
    # prev_items(2020) = prev_items(2019) + change(2019)
    assert got[("prev_items_continuity", "B20<-B19:licensing")] == (8, 8, "ok", True)
    e, f, status, ok = got[("prev_items_continuity", "B20<-B19:penalty")]      # rows absent: unverifiable
    assert np.isnan(e) and np.isnan(f) and status == "unverifiable" and not ok
    e, f, status, ok = got[("carried_over_continuity", "B20<-B19:total")]      # blank carried_over
    assert e == 3 and np.isnan(f) and status == "unverifiable"
    assert got[("carried_over_continuity", "B21<-B20:total")] == (0, 0, "ok", True)
    # formats differ between B20 (2019) and B21 (2021): no format-specific check
    assert set(res.loc[res["report_id"] == "B21", "check"]) == {"carried_over_continuity"}
    assert len(res) == 7 + 7 + 2 + 5 + 7        # A22: 7+2, B20: 7+5, B21: 7
    assert res.equals(res.sort_values(["report_id", "table", "check", "key"]).reset_index(drop=True))


def test_cross_year_audit_blank_as_zero(audit_data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    tables, reports = audit_data
    flags = pd.DataFrame(columns=["report_id", "code", "table", "line"])
    res = cross_year_audit(tables, reports, blank_as_zero=True, flags=flags)
    row = res[res["key"] == "B20<-B19:total"].iloc[0]
    assert (row["expected"], row["found"], row["status"]) == (3, 0, "failed")


def test_cross_year_audit_keeps_agencies_of_one_name_in_two_places_apart() -> None:
    # Seed 004 calls itself 市住建局, as the housing bureau of any city may: the bureaus of provinces A and B
    # were paired across years, and A2021's carried-over (1) was checked against B2020's carried-forward
    # (5), a failed check between two agencies. A province or level unknown in one report keeps the pair.
    def pair(rid: str, over: float, forward: float) -> list[dict]:
        return cells(rid, {"requests.carried_over.total": over, "requests.carried_forward.total": forward})

    tables = pd.DataFrame(pair("A20", 0, 1) + pair("A21", 1, 0) + pair("B20", 0, 5) + pair("B21", 5, 0)
                          + pair("C21", 1, 0))
    reports = pd.DataFrame({"report_id": ["A20", "A21", "B20", "B21", "C21"], "agency": ["市住建局"] * 5,
                            "report_year": [2020, 2021, 2020, 2021, 2021],
                            "province": ["甲省", "甲省", "乙省", "乙省", None],
                            "level": ["prefecture", "prefecture", "prefecture", "prefecture", "prefecture"]})
    res = cross_year_audit(tables, reports)
    total = res[res["key"].str.endswith(":total")]
    assert total["key"].tolist() == ["A21<-A20:total", "B21<-B20:total", "C21<-A20:total", "C21<-B20:total"]
    assert total["status"].tolist() == ["ok", "ok", "ok", "failed"]
    # the level tells them apart too, and same=() pairs by name alone, as before
    by_level = reports.assign(province=None, level=["prefecture", "prefecture", "county", "county", None])
    assert cross_year_audit(tables, by_level)["key"].str.endswith(":total").sum() == 4
    assert cross_year_audit(tables, reports, same=())["key"].str.endswith(":total").sum() == 6
    with pytest.raises(TypeError, match="same must be a sequence of column names"):
        cross_year_audit(tables, reports, same="province")
    # panel keeps the rows (agency_col is the researcher's to choose) and says the name is shared
    with pytest.warns(UserWarning, match=r"several provinces or levels.*市住建局 \(province: 乙省, 甲省\)"):
        panel(reports.drop(index=[1, 2, 4]))


def test_cross_year_audit_no_pairs() -> None:
    reports = pd.DataFrame({"report_id": ["x"], "agency": ["甲"], "report_year": [2020]})
    tables = pd.DataFrame(cells("x", {"requests.new.total": 1}))
    res = cross_year_audit(tables, reports)
    assert res.empty and res.columns.tolist() == CHECK_COLUMNS


# -------------------------------------------------------------------------------- arguments, warnings


@pytest.mark.parametrize("call, exc, match", [
    (lambda d: describe(d, "nope", "level"), ValueError, r"metric='nope' is not a column of df"),
    (lambda d: kruskal(d, "rate", ["level"]), TypeError, r"by must be a column name \(str\), got list"),
    (lambda d: kruskal(d, "rate", "level", min_n=0), ValueError, "min_n must be an integer >= 1, got 0"),
    (lambda d: pairwise_mannwhitney(d, "rate", "level", correction="bonf"), ValueError,
     r"correction must be one of \['holm', 'none'\], got 'bonf'"),
    (lambda d: bootstrap_ci(d, "rate", estimator="median"), ValueError,
     r"estimator must be one of \['mean', 'ratio'\], got 'median'"),
    (lambda d: bootstrap_ci(d, "rate", estimator="ratio"), ValueError, r"numerator='rate_num' is not a column"),
    # numerator and denominator with the default estimator 'mean' were ignored: the mean of the rates came out
    # where the ratio of sums was asked for
    (lambda d: bootstrap_ci(d.assign(num=1.0, den=2.0), "rate", numerator="num", denominator="den"), ValueError,
     r"numerator and denominator are read by estimator='ratio' only; got numerator='num', denominator='den' "
     r"with estimator='mean'"),
    (lambda d: bootstrap_ci(d, "rate", ci=95), ValueError, r"ci must be a float in \(0, 1\), got 95"),
    (lambda d: bootstrap_ci(d, "rate", method="bca"), ValueError, r"method must be one of"),
    (lambda d: panel(d), ValueError, r"agency_col='agency' is not a column of df"),
    (lambda d: describe(d.to_dict(), "rate"), TypeError, "df must be a pandas DataFrame, got dict"),
    (lambda d: chi2_composition(d, "level", reports=pd.DataFrame({"report_id": ["x"]})), ValueError,
     r"by='level' is not a column of reports"),
    (lambda d: chi2_composition(d, "level", reports=d.assign(report_id="x"), method="fisher"), ValueError,
     r"method must be one of \['auto', 'monte_carlo', 'asymptotic'\], got 'fisher'"),
])
def test_bad_arguments(df: pd.DataFrame, call, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        call(df)


@pytest.mark.parametrize("call", [
    lambda d: describe(d, "rate", "level"),
    lambda d: kruskal(d, "rate", "level"),
    lambda d: pairwise_mannwhitney(d, "rate", "level"),
    lambda d: paired_wilcoxon(d.assign(agency="甲"), "rate", "level"),
    lambda d: bootstrap_ci(d, "rate", "level"),
    lambda d: bootstrap_ci(d.dropna(subset=["level"]).assign(agency=lambda e: e["level"], level="x"), "rate", "level",
                           cluster="agency"),
    lambda d: panel(d.assign(agency=d["level"], report_year=2020)),
    lambda d: chi2_composition(pd.concat([outcome_tables(f"r{i}", {"granted": 1}) for i in range(len(d))]), "level",
                               reports=d.assign(report_id=[f"r{i}" for i in range(len(d))])),
    lambda d: toolkit.plots.plot_distribution(d, "rate", "level"),
    lambda d: toolkit.plots.plot_trend(d.assign(agency=d["level"], report_year=2020), "rate"),
    lambda d: toolkit.plots.plot_heatmap(
        pd.DataFrame({"report_id": [f"r{i}" for i in range(len(d))], "kind": "problem", "labels": "platform"}),
        d.assign(report_id=[f"r{i}" for i in range(len(d))]), "level"),
])
def test_a_group_column_of_lists_is_refused_naming_it(df: pd.DataFrame, call) -> None:
    # Statements' labels split into lists and joined to the metrics: grouping by them failed deep in pandas
    # ("unhashable type: 'list'"), naming neither the column nor what to do.
    listed = df.assign(level=[[g] if isinstance(g, str) else g for g in df["level"]])
    with pytest.raises(TypeError, match=r"column '(level|agency)' holds list values such as \['[a-d]'\], not labels "
                                        r"a group can be named by: join them"):
        call(listed)


def test_a_categorical_group_column_keeps_its_categories_order() -> None:
    # A researcher orders the levels of government as pd.Categorical(..., ["province", "prefecture", "county"]):
    # pandas sorts and groups such a column in that order, but the groups came alphabetically (county,
    # prefecture, province), so the tables, the pairs' direction (group1 − group2: δ's sign) and the figures' axes
    # ignored the order set. Categories no row has are no group; a column of text keeps the sorted order.
    order = ["province", "prefecture", "county"]
    levels = ["county"] * 4 + ["province"] * 4 + ["prefecture"] * 4 + [None]
    rate = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.35, 0.45, 0.55, 0.65, 0.9]
    df = pd.DataFrame({"report_id": [f"r{i}" for i in range(13)], "rate": rate, "level": levels})
    for ordered in (False, True):
        d = df.assign(level=pd.Categorical(levels, categories=["town", *order], ordered=ordered))  # no town
        assert describe(d, "rate", "level")["level"].tolist()[:3] == order
        assert bootstrap_ci(d, "rate", "level", n_boot=50)["level"].tolist()[:3] == order
        pairs = pairwise_mannwhitney(d, "rate", "level")
        assert pairs[["group1", "group2"]].values.tolist() == [["province", "prefecture"], ["province", "county"],
                                                               ["prefecture", "county"]]
        assert (pairs["cliffs_delta"] > 0).all()  # each group before holds the larger rates
        assert kruskal(d, "rate", "level")["groups"].tolist() == ["province=4; prefecture=4; county=4"]
        ax = toolkit.plots.plot_distribution(d, "rate", "level")
        assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == order
    assert describe(df, "rate", "level")["level"].tolist()[:3] == sorted(order)


def test_no_warning_escapes(df: pd.DataFrame, composition_data, audit_data) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        describe(df, "rate", "level")
        kruskal(df, "rate", "level")
        pairwise_mannwhitney(df, "rate", "level")
        bootstrap_ci(df, "rate", "level", n_boot=50, min_n=3)
        bootstrap_ci(pd.DataFrame({"r": [0.5, 0.5, 0.5]}), "r", n_boot=50, min_n=3)  # degenerate data
        chi2_composition(composition_data[0], "level", reports=composition_data[1])
        cross_year_audit(*audit_data)


# -------------------------------------------------------------------------------- real reports


def _seed_tables_and_templates() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tables of the ten real reports and a reports frame of their template."""
    parsed = [toolkit.parse_report(p) for p in sorted(RAW.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    return tables, pd.DataFrame({"report_id": [r.report_id for r in parsed],
                                 "template": [str(r.template) for r in parsed]})


def test_compare_on_real_reports() -> None:
    tables, reports = _seed_tables_and_templates()
    m = report_metrics(tables, reports=reports)
    assert len(m) == 10
    res = kruskal(m, "requests_received", "template", min_n=2).iloc[0]
    groups = [m.loc[m["template"] == t, "requests_received"].dropna().to_numpy()
              for t in sorted(m["template"].unique())]
    groups = [g for g in groups if len(g) >= 2]
    if len(groups) >= 2:
        direct = stats.kruskal(*groups)
        perm = stats.permutation_test(groups, lambda *s, axis: stats.kruskal(*s, axis=axis).statistic,
                                      vectorized=True, alternative="greater", rng=np.random.default_rng(0))
        assert (res["H"], res["p"]) == (direct.statistic, perm.pvalue)
    else:
        assert pd.isna(res["p"])
    comp = chi2_composition(tables, "template", reports=reports)
    assert comp.counts["n_reports"].sum() + len(comp.excluded) == 10


def test_a_label_in_two_types_is_refused() -> None:
    # reports.csv joined with hand-typed years: 2021 and '2021' would be two groups, and a test of 2021 vs 2021.
    df = pd.DataFrame({"year": [2020, 2020, "2021", "2021", 2021, 2021], "rate": [0.1, 0.2, 0.4, 0.5, 0.7, 0.8]})
    for call in (lambda: describe(df, "rate", "year"), lambda: kruskal(df, "rate", "year"),
                 lambda: pairwise_mannwhitney(df, "rate", "year"), lambda: bootstrap_ci(df, "rate", "year")):
        with pytest.raises(ValueError, match=r"column 'year' holds the label .*2021.* both as .* convert it to one type"):
            call()
    # panel reads its years as numbers: 2021 and '2021' are one year (two reports for it), not two years
    with pytest.warns(UserWarning, match=r"several reports for one agency and year: \['A 2021'\]"):
        p = panel(pd.DataFrame({"agency": ["A", "A", "A"], "report_year": [2020, "2021", 2021]}))
    assert p["n_years"].tolist() == [2, 2, 2]
    years = pd.DataFrame({"agency": ["A"] * 3, "report_year": ["2021", "2020", " 2019"], "report_id": ["c", "b", "a"]})
    assert panel(years)["report_id"].tolist() == ["a", "b", "c"] and panel(years)["n_years"].eq(3).all()
    with pytest.raises(ValueError, match=r"year_col='report_year' must be numeric"):
        panel(years.assign(report_year=["2021年", "2020年", "2019年"]))
    assert describe(df.assign(year=df["year"].astype(str)), "rate", "year")["year"].tolist() == ["2020", "2021"]



def test_a_label_written_with_and_without_spaces_around_it_is_refused() -> None:
    # Years typed in a sheet, one cell ' 2020' (a space before it): describe gave two groups both shown as 2020, and
    # kruskal tested 2020 against 2020, without a word.
    df = pd.DataFrame({"agency": list("ABCDEF"), "year": ["2020", " 2020", "2020", "2021", "2021\u3000", "2021"],
                       "rate": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]})
    for call in (lambda: describe(df, "rate", "year"), lambda: kruskal(df, "rate", "year", min_n=1),
                 lambda: pairwise_mannwhitney(df, "rate", "year", min_n=1), lambda: bootstrap_ci(df, "rate", "year")):
        with pytest.raises(ValueError, match=r"column 'year' holds the label '2020' written as '2020' and as ' 2020': "
                                             r"strip the spaces"):
            call()
    with pytest.raises(ValueError, match=r"column 'agency' holds the label 'A' written as 'A' and as 'A ': strip"):
        panel(df.assign(agency=["A", "A ", "A", "B", "B", "B"]), year_col="year")
    stripped = describe(df.assign(year=df["year"].str.strip()), "rate", "year")
    assert stripped["year"].tolist() == ["2020", "2021"] and stripped["n"].tolist() == [3, 3]

def test_a_whole_float_label_and_its_text_are_refused_as_one_label_in_two_types() -> None:
    # reports.csv read with a year missing gives float years (2021.0); concatenated with hand-typed '2021' they were
    # two groups, 2021.0 and '2021', tested against each other, since str(2021.0) is '2021.0'
    read = pd.read_csv(io.StringIO("year,rate\n2020,0.1\n2020,0.2\n2021,0.7\n,0.5\n"))
    typed = pd.DataFrame({"year": ["2021", "2021", "2020"], "rate": [0.4, 0.5, 0.3]})
    df = pd.concat([read, typed], ignore_index=True)
    assert read["year"].dtype == float
    for call in (lambda: describe(df, "rate", "year"), lambda: kruskal(df, "rate", "year", min_n=1),
                 lambda: pairwise_mannwhitney(df, "rate", "year", min_n=1), lambda: bootstrap_ci(df, "rate", "year")):
        with pytest.raises(ValueError, match=r"column 'year' holds the label .*202[01].* both as (float|str) and as"):
            call()


def test_group_lists_write_a_whole_float_year_as_the_year() -> None:
    # a year column read with a missing value is float: kruskal's groups and excluded read '2020.0=3; 2021.0=3'
    df = pd.read_csv(io.StringIO("year,rate\n" + "".join(f"{y},{r}\n" for y, r in
                                 [(2020, .1), (2020, .2), (2020, .3), (2021, .4), (2021, .5), (2021, .6), (2022, .7),
                                  ("", .8)])))
    assert df["year"].dtype == float
    res = kruskal(df, "rate", "year").iloc[0]
    assert (res["groups"], res["excluded"]) == ("2020=3; 2021=3", "2022=1")


# -------------------------------------------------------------------------------- labels and seeds


@pytest.mark.parametrize("dtype", ["Int64", "string", "boolean"])
def test_a_missing_label_in_a_nullable_column_is_in_no_group(df: pd.DataFrame, dtype: str) -> None:
    # reports.csv gives report_year as Int64, and a failed report has <NA>; pandas' text columns are 'string'.
    labels = {"Int64": {"a": 2020, "b": 2021, "c": 2022, "d": 2023},
              "string": {g: g for g in "abcd"}, "boolean": {"a": True, "b": False, "c": True, "d": False}}[dtype]
    plain = df.assign(level=pd.Series([labels.get(g) for g in df["level"]], dtype=object, index=df.index))
    nullable = plain.assign(level=pd.array(plain["level"].tolist(), dtype=dtype))
    assert nullable["level"].isna().sum() == 1
    for call in (describe, kruskal, pairwise_mannwhitney):
        pd.testing.assert_frame_equal(call(nullable, "rate", "level"), call(plain, "rate", "level"),
                                      check_dtype=False)
    boot = bootstrap_ci(nullable, "rate", "level", n_boot=50)
    pd.testing.assert_frame_equal(boot, bootstrap_ci(plain, "rate", "level", n_boot=50), check_dtype=False)
    assert describe(nullable, "rate", "level")["n"].tolist()[-1] == 1   # the NA group, listed last


def test_year_labels_stay_integers_when_reports_lack_an_id(composition_data) -> None:
    tables, reports = composition_data
    years = reports.assign(level=[2020, 2020, 2021, 2021, 2022, 2022, 2022, 2022])
    subset = years[years["report_id"] != "r8"]          # tables hold a report that reports lacks
    res = chi2_composition(tables, "level", reports=subset)
    assert res.counts.index.tolist() == [2020, 2021, 2022]
    assert not any(isinstance(x, float) for x in res.counts.index)
    m = report_metrics(tables, reports=subset)
    assert str(m["level"].dtype) == "Int64" and m["level"].isna().sum() == 1
    assert describe(m, "disclosure_rate", "level")["level"].tolist()[:3] == [2020, 2021, 2022]


def test_cramers_v_is_from_the_uncorrected_chi2_and_yates_is_reported(composition_data) -> None:
    tables = pd.concat([outcome_tables("r2", {"granted": 12, "unable_not_held": 8}),
                        outcome_tables("r4", {"granted": 25, "unable_not_held": 2})], ignore_index=True)
    two = pd.DataFrame({"report_id": ["r2", "r4"], "level": ["区县", "市"]})
    t = chi2_composition(tables, "level", reports=two, method="asymptotic").test.iloc[0]
    obs = np.array([[12, 8], [25, 2]])        # granted / unable of 区县 and 市: dof 1
    assert t["dof"] == 1 and bool(t["yates"]) is True
    assert t["chi2"] == stats.chi2_contingency(obs).statistic          # Yates-corrected, as scipy by default
    assert t["cramers_v"] == contingency.association(obs, method="cramer")
    assert t["cramers_v"] == pytest.approx(np.sqrt(stats.chi2_contingency(obs, correction=False).statistic / 47))
    plain = chi2_composition(tables, "level", reports=two, correction=False, method="asymptotic").test.iloc[0]
    assert bool(plain["yates"]) is False and plain["chi2"] == stats.chi2_contingency(obs, correction=False).statistic
    assert plain["cramers_v"] == t["cramers_v"]
    wide = chi2_composition(*composition_data[:1], "level", reports=composition_data[1]).test.iloc[0]
    assert wide["dof"] > 1 and bool(wide["yates"]) is False


def test_bootstrap_small_and_constant_groups_give_a_row_with_a_note() -> None:
    d = pd.DataFrame({"g": ["a", "b", "b", "b", "c", "c", "c"], "x": [0.3, 0.2, 0.5, 0.6, 0.4, 0.4, 0.4]})
    res = bootstrap_ci(d, "x", "g", min_n=1, n_boot=99).set_index("g")
    assert res.loc["a", "note"] == "n < 2: no interval" and pd.isna(res.loc["a", "ci_low"])
    assert res.loc["a", "estimate"] == 0.3
    assert res.loc["c", "ci_low"] == res.loc["c", "ci_high"] == res.loc["c", "estimate"] == pytest.approx(0.4)
    assert res.loc["c", "note"] == "all reports have the same value: degenerate interval"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bca = bootstrap_ci(d, "x", "g", method="BCa", n_boot=99, min_n=3).set_index("g")
    assert pd.isna(bca.loc["c", "ci_low"]) and bca.loc["c", "note"].endswith("(undefined for BCa)")


@pytest.mark.parametrize("seed", [None, -1, "a", 1.5, True, np.random.default_rng(1)])
def test_bootstrap_and_plot_refuse_a_seed_that_is_not_an_int(df: pd.DataFrame, seed) -> None:
    from toolkit.plots import plot_distribution

    with pytest.raises(ValueError, match="random_state must be an integer seed >= 0"):
        bootstrap_ci(df, "rate", "level", random_state=seed)
    with pytest.raises(ValueError, match="random_state must be an integer seed >= 0"):
        plot_distribution(df, "rate", "level", random_state=seed)


def _two_years_of_one_agency(tmp_path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two seed reports taken as one agency's 2022 and 2023 reports, numbered 1 and 2 in tables (text) and in
    a reports.csv read back with pandas (so numbers)."""
    parsed = [toolkit.parse_report(RAW / f"{stem}.txt") for stem in ("pingtan-2023-02", "pingtan-2023-03")]
    tables = pd.concat([r.tables.assign(report_id=str(i)) for i, r in enumerate(parsed, 1)], ignore_index=True)
    pd.DataFrame({"report_id": ["1", "2"], "agency": ["平潭", "平潭"], "report_year": [2022, 2023]}).to_csv(
        tmp_path / "reports.csv", index=False)
    return tables, pd.read_csv(tmp_path / "reports.csv")


def test_cross_year_audit_refuses_report_ids_of_another_type(tmp_path) -> None:
    # The ids matched nothing: cross_year_audit found no cell of either report and returned only
    # unverifiable checks (or none), without a word.
    tables, reports = _two_years_of_one_agency(tmp_path)
    assert reports["report_id"].tolist() == [1, 2]
    with pytest.raises(ValueError, match=r"no report_id of reports is in tables \(tables: '1', reports: 1\)"):
        cross_year_audit(tables, reports)
    res = cross_year_audit(tables, reports.astype({"report_id": str}))
    assert set(res["report_id"]) == {"2"} and res["status"].ne("unverifiable").any()


def test_cross_year_audit_refuses_years_written_as_text(tmp_path) -> None:
    # Years written '2022年': pd.to_numeric(errors='coerce') made them NA and every report was dropped, so the
    # audit came back empty; panel() refuses the same column.
    tables, reports = _two_years_of_one_agency(tmp_path)
    reports = reports.astype({"report_id": str})
    expected = cross_year_audit(tables, reports)
    assert len(expected) == 7 + 2  # carried-over per column, in-force per item
    suffixed = reports.assign(report_year=reports["report_year"].astype(str) + "年")
    for call in (lambda: cross_year_audit(tables, suffixed), lambda: panel(suffixed)):
        with pytest.raises(ValueError, match=r"year_col='report_year' must be numeric; it holds 2 value\(s\) that "
                                             r"are not numbers, e.g. '2022年'"):
            call()
    # years written as plain text are read as numbers, as panel() reads them
    pd.testing.assert_frame_equal(cross_year_audit(tables, reports.astype({"report_year": str})), expected)


def test_bootstrap_does_not_depend_on_the_row_order() -> None:
    # Seeded intervals of the seed reports' rates: the same reports sorted another way gave another interval
    # (scipy resamples positions), so a result changed with how the frame happened to be sorted or filtered.
    parsed = [toolkit.parse_report(p) for p in sorted(RAW.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed], "g": "all"})
    m = report_metrics(tables, reports=reports, components=True)
    # the seeds twice (the copy as a second group): enough reports for an interval, and ties
    m = pd.concat([m, m.assign(report_id=m["report_id"] + "-copy", g="copy")], ignore_index=True)
    metric = "requests_received"
    assert m[metric].notna().sum() >= 12
    rng = np.random.default_rng(1)
    for kwargs in (dict(), dict(by="g", min_n=3), dict(by="g", method="BCa", min_n=3)):
        expected = bootstrap_ci(m, metric, n_boot=300, random_state=0, **kwargs)
        for order in (m.sort_values(metric), m.iloc[::-1], m.iloc[rng.permutation(len(m))]):
            pd.testing.assert_frame_equal(bootstrap_ci(order, metric, n_boot=300, random_state=0, **kwargs),
                                          expected)
    shares = m[m["full_grant_rate_den"] > 0]
    expected = bootstrap_ci(shares, "full_grant_rate", estimator="ratio", n_boot=300, min_n=3)
    assert expected.loc[0, "n"] >= 6 and expected.loc[0, "ci_low"] < expected.loc[0, "ci_high"]
    pd.testing.assert_frame_equal(
        bootstrap_ci(shares.iloc[::-1], "full_grant_rate", estimator="ratio", n_boot=300, min_n=3), expected)


def test_bootstrap_cluster_counts_each_agency_once() -> None:
    # The docs promised "the mean of the reports' rates, each agency counting once", but an agency with
    # several reports counted once per report. The default now says so (each report once), and cluster=
    # resamples agencies: each counts once, with its reports' mean rate (ratio: its pooled counts).
    parsed = [toolkit.parse_report(p) for p in sorted(RAW.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    # the five Pingtan reports are departments of one district government: one cluster
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed]})
    reports["district"] = reports["report_id"].where(~reports["report_id"].str.startswith("pingtan"), "平潭")
    m = report_metrics(tables, reports=reports, components=True).merge(reports, on="report_id")
    used = m.dropna(subset=["disclosure_rate"])
    assert (used["district"] == "平潭").sum() == 3 and len(used) == 6

    per_report = bootstrap_ci(m, "disclosure_rate", n_boot=400).iloc[0]
    assert per_report["n"] == 6 and per_report["estimate"] == pytest.approx(used["disclosure_rate"].mean())

    res = bootstrap_ci(m, "disclosure_rate", n_boot=400, cluster="district", method="percentile", min_n=3).iloc[0]
    means = used.groupby("district")["disclosure_rate"].mean()
    assert (res["n"], res["n_clusters"]) == (6, 4)
    assert res["estimate"] == pytest.approx(means.mean())
    direct = stats.bootstrap((np.sort(means.to_numpy()),), np.mean, n_resamples=400, confidence_level=0.95,
                             method="percentile", rng=np.random.default_rng(0))
    assert (res["ci_low"], res["ci_high"]) == pytest.approx((direct.confidence_interval.low,
                                                              direct.confidence_interval.high))

    # ratio of sums: the same estimate, the clusters' pooled counts resampled in pairs
    handled = m[m["disclosure_rate_den"] > 0]
    ratio = bootstrap_ci(handled, "disclosure_rate", estimator="ratio", n_boot=400, cluster="district",
                         method="percentile", min_n=3).iloc[0]
    sums = handled.dropna(subset=["disclosure_rate_num"]).groupby("district")[
        ["disclosure_rate_num", "disclosure_rate_den"]].sum().sort_values(["disclosure_rate_num", "disclosure_rate_den"])
    assert ratio["estimate"] == pytest.approx(sums["disclosure_rate_num"].sum() / sums["disclosure_rate_den"].sum())
    assert ratio["estimate"] == pytest.approx(
        bootstrap_ci(handled, "disclosure_rate", estimator="ratio", n_boot=400).loc[0, "estimate"])
    direct = stats.bootstrap((sums["disclosure_rate_num"].to_numpy(), sums["disclosure_rate_den"].to_numpy()),
                             lambda n, d, axis: n.sum(axis=axis) / d.sum(axis=axis), paired=True, vectorized=True,
                             n_resamples=400, confidence_level=0.95, method="percentile", rng=np.random.default_rng(0))
    assert (ratio["ci_low"], ratio["ci_high"]) == pytest.approx((direct.confidence_interval.low,
                                                                  direct.confidence_interval.high))

    # by group, too few clusters is said in the note; a report with a value and no cluster is refused
    by = bootstrap_ci(m.assign(g="x"), "disclosure_rate", "g", cluster="district", min_n=5).iloc[0]
    assert by["note"] == "n_clusters < 5: no interval" and pd.isna(by["ci_low"])
    with pytest.raises(ValueError, match=r"cluster='district' is missing for 1 report\(s\) with a value"):
        bootstrap_ci(m.assign(district=m["district"].where(m["report_id"] != "001_4d29bfef72dd56db")),
                     "disclosure_rate", cluster="district")


def test_pairwise_on_all_tied_values_is_no_test_as_in_kruskal() -> None:
    # The seeds' regulations_issued is 0 in all eight reports that give it: kruskal said "all values are equal:
    # no test", pairwise_mannwhitney reported U = 8, p = 1.0 and a 'negligible' effect for the same data.
    tables, reports = _seed_tables_and_templates()
    m = report_metrics(tables, reports=reports)
    assert m["regulations_issued"].dropna().tolist() == [0.0] * 8
    assert kruskal(m, "regulations_issued", "template").loc[0, "note"] == "all values are equal: no test"
    res = pairwise_mannwhitney(m, "regulations_issued", "template").iloc[0]
    assert (res["group1"], res["group2"], res["n1"], res["n2"]) == ("2019", "2021", 4, 4)
    assert res["note"] == "all values are equal: no test" and res["magnitude"] == ""
    assert all(pd.isna(res[c]) for c in ("U", "p", "p_adj", "cliffs_delta"))
    # a pair tied within itself among pairs that differ is left out of Holm's correction, like a small pair
    mixed = pd.concat([m.assign(metric=m["regulations_issued"]),
                       m.dropna(subset=["regulations_issued"]).assign(
                           template="x", metric=[1.0, 2, 3, 4, 5, 6, 7, 8],
                           report_id=lambda d: d["report_id"] + "-x")])
    res = pairwise_mannwhitney(mixed, "metric", "template").set_index(["group1", "group2"])
    assert res.loc[("2019", "2021"), "note"] == "all values are equal: no test"
    tested = res.dropna(subset=["p"])
    assert len(tested) == 2 and tested["p_adj"].tolist() == holm(tested["p"].to_numpy()).tolist()


def _seed_tables_and_places() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tables of the ten real reports and a reports frame of their agency, province and level."""
    parsed = [toolkit.parse_report(p) for p in sorted(RAW.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed],
                            **{c: [r.metadata[c] for r in parsed] for c in ("agency", "province", "level")}})
    return tables, reports


def test_bootstrap_cluster_keeps_agencies_of_one_name_in_several_places_apart() -> None:
    # Seeds 000 (驻马店市, 河南, prefecture), 002 (伊州区, 新疆, county) and 004 (市住建局, no province, prefecture)
    # are three housing bureaus; named as researchers shorten them (住建局, as each county has its 财政局) they were
    # pooled into one cluster by cluster="agency": 8 clusters for the 10 reports, where there are 10 agencies.
    tables, reports = _seed_tables_and_places()
    bureaus = reports["report_id"].str[:3].isin(["000", "002", "004"])
    reports.loc[bureaus, "agency"] = "住建局"
    assert reports.loc[bureaus, ["province", "level"]].astype(object).fillna("?").drop_duplicates().shape[0] == 3
    m = report_metrics(tables, reports=reports)
    used = m.dropna(subset=["not_held_rate"])
    assert bureaus[reports["report_id"].isin(used["report_id"])].sum() == 3

    res = bootstrap_ci(m, "not_held_rate", n_boot=400, cluster="agency", method="percentile", min_n=3).iloc[0]
    assert (res["n"], res["n_clusters"]) == (len(used), len(used))
    assert res["estimate"] == pytest.approx(used["not_held_rate"].mean())
    direct = stats.bootstrap((np.sort(used["not_held_rate"].to_numpy()),), np.mean, n_resamples=400,
                             method="percentile", rng=np.random.default_rng(0))
    assert (res["ci_low"], res["ci_high"]) == pytest.approx((direct.confidence_interval.low,
                                                              direct.confidence_interval.high))
    # same=() clusters by the name alone (the three bureaus are one cluster, with their mean rate)
    by_name = bootstrap_ci(m, "not_held_rate", n_boot=400, cluster="agency", min_n=3, same=()).iloc[0]
    assert by_name["n_clusters"] == len(used) - 2
    assert by_name["estimate"] == pytest.approx(used.groupby("agency")["not_held_rate"].mean().mean())
    # a report of one name and place in two years is still one cluster
    twice = pd.concat([m, m[m["report_id"].str.startswith("002")].assign(report_id="002-next-year")])
    assert bootstrap_ci(twice, "not_held_rate", n_boot=400, cluster="agency", min_n=3).loc[0, "n_clusters"] == len(used)


def test_rows_left_out_for_a_missing_value_are_counted() -> None:
    # The seeds' disclosure_rate is NA in 4 of 10 reports (000 ragged, 003 legacy, pingtan-2023-02 and -04 with
    # no request handled) and one report has no template: kruskal, pairwise_mannwhitney and bootstrap_ci dropped
    # those rows without a word (n counted the values tested only), where describe gives n_missing.
    tables, reports = _seed_tables_and_templates()
    reports.loc[reports["report_id"] == "pingtan-2023-03", "template"] = None
    m = report_metrics(tables, reports=reports, components=True)
    na = m["disclosure_rate"].isna()
    assert na.sum() == 4 and m["template"].isna().sum() == 1
    desc = describe(m, "disclosure_rate", "template").set_index("template", drop=False)

    kw = kruskal(m, "disclosure_rate", "template", min_n=1).iloc[0]
    assert kw["n_missing"] == na.sum() + 1 == len(m) - kw["n"]  # 4 NA rates and the row with no template
    pw = pairwise_mannwhitney(m, "disclosure_rate", "template", min_n=1).set_index(["group1", "group2"])
    assert pw.loc[("2019", "2021"), "n_missing"] == desc.loc[["2019", "2021"], "n_missing"].sum() == 3
    boot = bootstrap_ci(m, "disclosure_rate", "template", n_boot=200).set_index("template")
    assert boot["n_missing"].tolist() == desc["n_missing"].tolist()  # the report of no template in a last NA row
    assert (boot["n"] + boot["n_missing"]).sum() == len(m)
    # the ratio estimator counts a report whose numerator or denominator is missing
    ratio = bootstrap_ci(m, "disclosure_rate", estimator="ratio", n_boot=200).iloc[0]
    parts = m[["disclosure_rate_num", "disclosure_rate_den"]]
    assert ratio["n_missing"] == parts.isna().any(axis=1).sum() == 2


def test_bootstrap_ratio_says_how_many_reports_of_a_denominator_of_0_it_left_out() -> None:
    # pingtan-2023-02 and -04 handled no request (0 of 0): the ratio of sums leaves them out, and the 2021 group of
    # five reports read n=3, n_missing=0, two reports gone without a word; the note now counts them
    tables, reports = _seed_tables_and_templates()
    m = report_metrics(tables, reports=reports, components=True)
    zero = m["disclosure_rate_den"].eq(0)
    assert sorted(m.loc[zero, "report_id"]) == ["pingtan-2023-02", "pingtan-2023-04"]
    res = bootstrap_ci(m, "disclosure_rate", "template", estimator="ratio", n_boot=200).set_index("template")
    assert (res.loc["2021", "n"], res.loc["2021", "n_missing"]) == (3, 0)
    assert res.loc["2021", "note"] == ("n < 10: no interval; 2 reports with a denominator of 0 left out (adding "
                                       "nothing to the ratio of sums): in neither n nor n_missing")
    assert res.loc["2019", "note"] == "n < 10: no interval"
    whole = bootstrap_ci(m, "disclosure_rate", estimator="ratio", n_boot=200).iloc[0]
    assert whole["n"] + whole["n_missing"] + 2 == len(m) and whole["note"].endswith("in neither n nor n_missing")
    # the mean of the rates counts them in n_missing (their rate is NA), as before
    assert bootstrap_ci(m, "disclosure_rate", "template", n_boot=200).set_index("template").loc["2021", "note"] == \
        "n < 10: no interval"


def test_bootstrap_cluster_takes_a_missing_place_for_the_agencys_own() -> None:
    # Seed 002 (伊州区住建局, 新疆, county) again as the next year's report, whose text names no province or level (as
    # seed 004 names none): a missing place made a cluster of its own, so one agency's two years were resampled as
    # two independent agencies (n_clusters one more, the interval too narrow).  Where the name's reports give two
    # places (the three 住建局 of the seeds), a report with none stays apart.
    tables, reports = _seed_tables_and_places()
    m = report_metrics(tables, reports=reports)
    used = m.dropna(subset=["not_held_rate"])
    seed = m[m["report_id"].str.startswith("002")]
    assert seed["not_held_rate"].notna().all() and seed[["province", "level"]].notna().all(axis=None)
    for unknown in (["province"], ["level"], ["province", "level"]):
        twice = pd.concat([m, seed.assign(report_id="002-next-year", **{c: None for c in unknown})])
        res = bootstrap_ci(twice, "not_held_rate", n_boot=200, cluster="agency", min_n=3).iloc[0]
        assert (res["n"], res["n_clusters"]) == (len(used) + 1, len(used))
    bureaus = m["report_id"].str[:3].isin(["000", "002", "004"])
    named = m.assign(agency=m["agency"].where(~bureaus, "住建局"))
    assert named.loc[bureaus, "province"].isna().sum() == 1
    assert bootstrap_ci(named, "not_held_rate", n_boot=200, cluster="agency", min_n=3).loc[0, "n_clusters"] == len(used)


def test_a_report_in_several_rows_is_refused() -> None:
    from toolkit.plots import plot_distribution

    # The seeds' metrics joined with their problem statements (one row per statement): 7 reports with a not-held
    # rate became n = 17 in kruskal, and describe's 2019 mean was 0.348 instead of 0.469, each report weighing
    # as many times as it has statements.
    parsed = [toolkit.parse_report(p) for p in sorted(RAW.glob("*.txt"))]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    reports = pd.DataFrame({"report_id": [r.report_id for r in parsed], "template": [str(r.template) for r in parsed]})
    m = report_metrics(tables, reports=reports)
    statements = pd.concat([r.statements for r in parsed], ignore_index=True)
    joined = m.merge(statements.loc[statements["kind"] == "problem", ["report_id", "kind"]], on="report_id")
    assert joined["report_id"].duplicated().any() and joined["not_held_rate"].notna().sum() > 10
    calls = [lambda d: describe(d, "not_held_rate", "template"),
             lambda d: kruskal(d, "not_held_rate", "template"),
             lambda d: pairwise_mannwhitney(d, "not_held_rate", "template"),
             lambda d: bootstrap_ci(d, "not_held_rate", "template", n_boot=200),
             lambda d: plot_distribution(d, "not_held_rate", "template")]
    for call in calls:
        with pytest.raises(ValueError, match=r"report_id\(s\) in several rows \('000_438c5e5d2b6f4db4' \("):
            call(joined)
        call(joined.drop_duplicates("report_id"))  # one row per report: accepted
    assert kruskal(joined.drop_duplicates("report_id"), "not_held_rate", "template").loc[0, "n"] == 7


def test_blank_as_zero_keeps_a_blank_part_of_a_row_that_does_not_add_up() -> None:
    # Seed 002's 上年结转 row leaves 自然人 blank, gives 0 for the four organisations and 4 as 总计: the blank
    # holds the 4 requests.  With blank_as_zero=True it became 0, and the carried-over check against an earlier
    # year whose 结转下年度 自然人 was 0 said "ok" where the 总计 of the same row failed.
    parsed = [toolkit.parse_report(RAW / f"{stem}.txt") for stem in ("pingtan-2023-03", "002_809f9474e249d214")]
    tables = pd.concat([r.tables.assign(report_id=str(i)) for i, r in enumerate(parsed, 1)], ignore_index=True)
    flags = pd.concat([r.flags_frame().assign(report_id=str(i)) for i, r in enumerate(parsed, 1)], ignore_index=True)
    reports = pd.DataFrame({"report_id": ["1", "2"], "agency": "某局", "report_year": [2022, 2023]})
    res = cross_year_audit(tables, reports, flags=flags, blank_as_zero=True).set_index("key")
    assert res.loc["2<-1:total", ["found", "status"]].tolist() == [4.0, "failed"]
    assert pd.isna(res.loc["2<-1:natural_person", "found"])
    assert res.loc["2<-1:natural_person", "status"] == "unverifiable"
    assert res.loc["2<-1:commercial", ["found", "status"]].tolist() == [0.0, "ok"]  # a blank of a row that adds up is 0


def test_an_infinite_value_is_refused() -> None:
    # A ratio computed by hand over the seeds' metrics, new requests per handled request: pingtan-2023-04 states 3
    # new requests and 0 handled, 3 / 0 = inf in pandas.  describe gave the 2021 group a mean of inf, bootstrap_ci
    # an interval of NaN without a note, and the rank tests ranked it above every rate.
    from toolkit.plots import plot_distribution

    tables, reports = _seed_tables_and_templates()
    m = report_metrics(tables, reports=reports)
    m["backlog"] = m["requests_new"] / m["requests_handled"]
    assert np.isinf(m["backlog"]).sum() == 1
    calls = [lambda d: describe(d, "backlog", "template"),
             lambda d: kruskal(d, "backlog", "template"),
             lambda d: pairwise_mannwhitney(d, "backlog", "template"),
             lambda d: bootstrap_ci(d, "backlog", "template", n_boot=200, min_n=2),
             lambda d: plot_distribution(d, "backlog", "template")]
    for call in calls:
        with pytest.raises(ValueError, match=r"metric='backlog' holds 1 infinite value\(s\) \(index 9\)"):
            call(m)
        call(m.replace([np.inf, -np.inf], np.nan))  # as NA: accepted
    assert describe(m.replace([np.inf, -np.inf], np.nan), "backlog", "template")["n_missing"].tolist() == [0, 2, 1]


@pytest.mark.parametrize("values", [pd.to_datetime(["2020-01-01", "2021-06-30"] * 3),
                                    pd.to_timedelta([3, 40] * 3, unit="D"), np.array([1 + 2j, 3 + 0j] * 3)],
                         ids=["dates", "durations", "complex"])
def test_a_metric_of_dates_durations_or_complex_numbers_is_refused(values) -> None:
    # A column of dates or durations passed as the metric (a report's publication date, days to publish) was
    # averaged as nanoseconds without a word (describe's mean 1.6e18), and complex numbers were cut to their real
    # part with numpy's ComplexWarning.
    from toolkit.plots import plot_distribution

    df = pd.DataFrame({"report_id": list("abcdef"), "g": list("xxxyyy"), "m": values})
    calls = [lambda: describe(df, "m", "g"), lambda: kruskal(df, "m", "g"),
             lambda: bootstrap_ci(df, "m", "g", n_boot=50, min_n=2), lambda: plot_distribution(df, "m", "g")]
    for call in calls:
        with pytest.raises(ValueError, match=r"metric='m' must be numeric; it holds (datetime64|timedelta64|complex)"):
            call()


def test_monte_carlo_p_values_do_not_depend_on_the_row_order() -> None:
    # The seeds' requests_received by template, 4 reports of 2019 against 5 of 2021: 126 splits, more than 99
    # resamples, so both p-values are drawn (Monte Carlo, seed 0).  scipy draws positions, and the same seed gave
    # p = 0.35 for the frame in id order, 0.32 reversed, 0.37 sorted by the metric and 0.26 shuffled.
    tables, reports = _seed_tables_and_templates()
    m = report_metrics(tables, reports=reports)
    metric = "requests_received"
    calls = (lambda d: kruskal(d, metric, "template", n_resamples=99),
             lambda d: pairwise_mannwhitney(d, metric, "template", n_resamples=99, method="permutation"))
    rng = np.random.default_rng(1)
    for call in calls:
        expected = call(m)
        assert expected.loc[0, "method"] == "monte_carlo"
        for order in (m.iloc[::-1], m.sort_values(metric), m.iloc[rng.permutation(len(m))]):
            pd.testing.assert_frame_equal(call(order), expected)
    # scipy's p-value for the groups' values in sorted order
    samples = [np.sort(m.loc[m["template"] == t, metric].dropna().to_numpy()) for t in ("2019", "2021")]
    perm = stats.permutation_test(samples, lambda *s, axis: stats.kruskal(*s, axis=axis).statistic, vectorized=True,
                                  alternative="greater", n_resamples=99, rng=np.random.default_rng(0))
    assert [len(s) for s in samples] == [4, 5] and calls[0](m).loc[0, "p"] == perm.pvalue


def test_chi2_composition_takes_a_monte_carlo_p_where_expected_counts_are_small() -> None:
    # The seeds' outcomes by template (2019: 3 reports, 121 requests; 2021: 2 reports, 85): 3 of the 12 expected
    # counts are below 5 (不予处理 and 其他处理, 9 and 4 requests in all), so by Cochran's rule the chi-square
    # approximation is unreliable, and the note said so next to the p-value it gave all the same, 6.5e-11.  The
    # p-value is now the share of 9999 random tables of the same margins whose chi2 reaches the observed one.
    tables, reports = _seed_tables_and_templates()
    res = chi2_composition(tables, "template", reports=reports)
    t = res.test.iloc[0]
    table = res.counts.drop(columns="n_reports").to_numpy().astype(np.int64)
    assert table.sum() == t["n"] == 206 and t["n_expected_lt5"] == 3 and t["method"] == "monte_carlo"
    mc = stats.chi2_contingency(table, correction=False,
                                method=stats.MonteCarloMethod(n_resamples=9999, rng=np.random.default_rng(0)))
    assert (t["p"], t["chi2"], t["dof"], bool(t["yates"])) == (mc.pvalue, mc.statistic, 5, False)
    assert t["p"] > stats.chi2_contingency(table).pvalue * 1e5
    assert t["note"] == ("3 of 12 expected counts below 5 (minimum 1.65): the chi-square approximation is unreliable; "
                         "p from 9999 random tables of these margins; fewer than 10 reports in a group: no interval")
    # the chi-square approximation on request, and the Monte Carlo p-value for any table
    asymptotic = chi2_composition(tables, "template", reports=reports, method="asymptotic").test.iloc[0]
    assert asymptotic["method"] == "asymptotic" and asymptotic["p"] == stats.chi2_contingency(table).pvalue
    drawn = chi2_composition(tables, "template", reports=reports, method="monte_carlo", n_resamples=99,
                             random_state=3).test.iloc[0]
    mc = stats.chi2_contingency(table, correction=False,
                                method=stats.MonteCarloMethod(n_resamples=99, rng=np.random.default_rng(3)))
    assert drawn["p"] == mc.pvalue == 0.01


def test_rank_tests_say_when_one_agency_has_reports_in_two_groups() -> None:
    # The seeds with a next year's report of each agency (its disclosure rate 0.9 times this year's), compared
    # by year: 6 agencies stand in both groups, pairs that kruskal and pairwise_mannwhitney test as 12
    # independent reports (p = 0.62), without a word.
    tables, reports = _seed_tables_and_places()
    m = report_metrics(tables, reports=reports)
    later = m.assign(report_id=m["report_id"] + "-next", disclosure_rate=m["disclosure_rate"] * 0.9)
    both = pd.concat([m, later], ignore_index=True).assign(
        period=["earlier"] * len(m) + ["later"] * len(later))
    note = ("6 agencies have reports in several groups (乌当区人民政府, 伊州区住房和城乡建设局, 市住建局, …): not "
            "independent samples, as the test assumes; compare an agency's years with paired_wilcoxon, or keep "
            "one report per agency")
    res = kruskal(both, "disclosure_rate", "period", ci_min_n=6).iloc[0]
    assert res["groups"] == "earlier=6; later=6" and res["note"] == note and res["p"] > 0
    assert pairwise_mannwhitney(both, "disclosure_rate", "period", ci_min_n=6).loc[0, "note"] == note
    # one agency of each report (another name next year): independent, no note; nor without an agency column
    renamed = both.assign(agency=both["agency"] + np.where(both["period"] == "later", "(新)", ""))
    assert kruskal(renamed, "disclosure_rate", "period", ci_min_n=6).loc[0, "note"] == ""
    assert kruskal(both.drop(columns="agency"), "disclosure_rate", "period", ci_min_n=6).loc[0, "note"] == ""
    # the 住建局 of 河南 and of 新疆 are two agencies: one name in two groups at two places is no pair
    two_places = pd.DataFrame({"agency": ["住建局"] * 6, "province": ["河南"] * 3 + ["新疆"] * 3, "g": list("aaabbb"),
                               "x": [1, 2, 3, 4, 5, 6]})
    assert kruskal(two_places, "x", "g", ci_min_n=3).loc[0, "note"] == ""
    assert kruskal(two_places.assign(province="河南"), "x", "g").loc[0, "note"].startswith("1 agency has reports")


# -------------------------------------------------------------------------------- effect sizes' intervals


def test_effect_sizes_of_a_weighted_resample_are_scipys_of_the_resample_written_out() -> None:
    # The intervals draw each report (or agency) a number of times and compute the effect size of the sample so
    # weighted, without writing it out: ε², Cliff's δ and Cramér's V must be scipy's of the sample written out.
    from toolkit.compare import _cliffs_delta, _cramers_v, _epsilon2

    rng = np.random.default_rng(0)
    checked = 0
    for _ in range(300):
        n, k = int(rng.integers(4, 14)), int(rng.integers(2, 4))
        x = np.sort(rng.integers(0, 5, n).astype(float))           # ties, as rates of few requests have
        groups = rng.integers(0, k, n)
        w = rng.integers(0, 3, (1, n)).astype(float)
        samples = [np.repeat(x[groups == g], w[0, groups == g].astype(int)) for g in range(k)]
        if min(map(len, samples)) == 0:
            assert np.isnan(_epsilon2(x, groups, k, w)[0])
            continue
        pooled = np.concatenate(samples)
        h = 0.0 if np.unique(pooled).size == 1 else stats.kruskal(*samples).statistic
        assert _epsilon2(x, groups, k, w)[0] == pytest.approx(h / (pooled.size - 1), abs=1e-12)
        if k == 2:
            u = stats.mannwhitneyu(*samples).statistic
            assert _cliffs_delta(x, groups, k, w)[0] == pytest.approx(
                2 * u / (len(samples[0]) * len(samples[1])) - 1, abs=1e-12)
        counts = rng.integers(0, 6, (n, 4)).astype(float)
        table = np.array([(w[0, groups == g, None] * counts[groups == g]).sum(axis=0) for g in range(k)])
        table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
        v = _cramers_v(counts, groups, k, w)[0]
        if min(table.shape) < 2:
            assert np.isnan(v)
        else:
            assert v == pytest.approx(contingency.association(table.astype(np.int64), method="cramer"), abs=1e-12)
        checked += 1
    assert checked > 200


def _seeds_and_their_next_year() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The seeds' metrics, and those with a next year's report of each agency (its disclosure rate 0.9 times this
    year's) in a ``period`` column: every agency has reports in two groups."""
    tables, reports = _seed_tables_and_places()
    m = report_metrics(tables, reports=reports)
    later = m.assign(report_id=m["report_id"] + "-next", disclosure_rate=m["disclosure_rate"] * 0.9)
    both = pd.concat([m, later], ignore_index=True).assign(period=["earlier"] * len(m) + ["later"] * len(later))
    return m, both


def test_effect_sizes_get_bootstrap_intervals_resampling_reports_or_agencies() -> None:
    # kruskal's ε², pairwise_mannwhitney's Cliff's δ and chi2_composition's Cramér's V came without an interval, so
    # a paper could only print the point value.  The seeds with a next year's report of each agency (its rate 0.9
    # times this year's) compared by period are pairs: the interval resamples the agencies, each with both reports.
    from toolkit.compare import _boot_weights, _effect_units, _ranked_rows

    m, both = _seeds_and_their_next_year()
    k = kruskal(both, "disclosure_rate", "period", ci_min_n=6, n_boot=500).iloc[0]
    p = pairwise_mannwhitney(both, "disclosure_rate", "period", ci_min_n=6, n_boot=500).iloc[0]
    assert k["ci_unit"] == p["ci_unit"] == "agency"
    assert 0 <= k["epsilon2_low"] <= k["epsilon2"] <= k["epsilon2_high"] <= 1
    assert -1 <= p["cliffs_delta_low"] <= p["cliffs_delta"] <= p["cliffs_delta_high"] <= 1
    # every resample draws an agency's two reports together, as often as each other
    x, groups, keys = _ranked_rows(both, "disclosure_rate", "period", ["earlier", "later"])
    units, unit = _effect_units(groups, keys, x)
    assert unit == "agency" and np.bincount(units).tolist() == [2] * 6
    for w in _boot_weights(groups, units, 2, 50, np.random.default_rng(0)):
        for a in range(6):
            pair = w[:, units == a]
            assert (pair[:, 0] == pair[:, 1]).all()
    # the same reports in another row order: the same intervals (the draws follow the sorted values)
    shuffled = both.sample(frac=1, random_state=1)
    again = pairwise_mannwhitney(shuffled, "disclosure_rate", "period", ci_min_n=6, n_boot=500).iloc[0]
    assert (again["cliffs_delta_low"], again["cliffs_delta_high"]) == (p["cliffs_delta_low"], p["cliffs_delta_high"])
    # their agencies renamed, anonymized for a replication package in another order of names: the same intervals
    # (the agencies were drawn in the order of their names)
    codes = {a: f"机构{i:02d}" for i, a in enumerate(sorted(both["agency"].unique(), reverse=True))}
    anonymized = both.assign(agency=both["agency"].map(codes))
    for test, cols in ((kruskal, ["epsilon2_low", "epsilon2_high"]),
                       (pairwise_mannwhitney, ["cliffs_delta_low", "cliffs_delta_high"])):
        row = test(anonymized, "disclosure_rate", "period", ci_min_n=6, n_boot=500).iloc[0]
        assert row[cols].tolist() == (k if test is kruskal else p)[cols].tolist()
    # each report of another agency: independent samples, each period's reports resampled within it, its n kept
    renamed = both.assign(agency=both["agency"] + np.where(both["period"] == "later", "(新)", ""))
    r = pairwise_mannwhitney(renamed, "disclosure_rate", "period", ci_min_n=6, n_boot=500).iloc[0]
    assert r["ci_unit"] == "report" and r["note"] == ""
    x, groups, keys = _ranked_rows(renamed, "disclosure_rate", "period", ["earlier", "later"])
    for w in _boot_weights(groups, None, 2, 50, np.random.default_rng(0)):
        assert (w[:, groups == 0].sum(axis=1) == 6).all() and (w[:, groups == 1].sum(axis=1) == 6).all()
    # below ci_min_n units in a group (10 by default, as bootstrap_ci) no interval, and the note says why
    small = kruskal(both, "disclosure_rate", "period").iloc[0]
    assert np.isnan([small["epsilon2_low"], small["epsilon2_high"]]).all() and small["ci_unit"] == ""
    assert small["note"].endswith("; fewer than 10 agencies in a group: no interval")
    # Cramér's V of the seeds' outcome composition by template, over their reports
    tables, templates = _seed_tables_and_templates()
    t = chi2_composition(tables, "template", reports=templates, ci_min_n=2, n_boot=500).test.iloc[0]
    assert t["ci_unit"] == "report" and 0 <= t["cramers_v_low"] <= t["cramers_v"] <= t["cramers_v_high"] <= 1
    none = chi2_composition(tables, "template", reports=templates).test.iloc[0]
    assert np.isnan(none["cramers_v_low"]) and none["note"].endswith("fewer than 10 reports in a group: no interval")
    with pytest.raises(ValueError, match="ci must be a float in"):
        kruskal(both, "disclosure_rate", "period", ci=95)
    with pytest.raises(ValueError, match="ci_min_n must be an integer >= 1"):
        pairwise_mannwhitney(both, "disclosure_rate", "period", ci_min_n=0)


def test_paired_wilcoxon_compares_each_agency_with_itself() -> None:
    # kruskal and pairwise_mannwhitney name the agencies with reports in two groups and send the reader to a paired
    # test, which the toolkit did not have: the seeds with a next year's report of each agency, its disclosure rate
    # 0.9 times this year's, lower for every agency whose rate is not 0, got p = 0.62 from the rank tests for
    # independent samples and nothing that compares each agency with itself.
    from toolkit.compare import paired_wilcoxon

    m, both = _seeds_and_their_next_year()
    res = paired_wilcoxon(both, "disclosure_rate", "period", ci_min_n=5, n_boot=300).iloc[0]
    rates = m.set_index("agency")["disclosure_rate"].dropna()
    assert (res["n_pairs"], res["n_zero"], res["n_unpaired"]) == (len(rates), int((rates == 0).sum()), 0) == (6, 1, 0)
    differences = (rates - rates * 0.9)[rates != 0].to_numpy()
    direct = stats.wilcoxon(differences, method="exact")
    assert (res["W"], res["p"], res["method"]) == (direct.statistic, direct.pvalue, "exact") == (0.0, 0.0625, "exact")
    assert res["rank_biserial"] == 1.0 and (res["rank_biserial_low"], res["rank_biserial_high"]) == (1.0, 1.0)
    assert res["ci_unit"] == "agency" and res["note"] == ""
    assert kruskal(both, "disclosure_rate", "period").loc[0, "p"] > 0.5
    # the rank-biserial correlation is (R+ - R-) / (R+ + R-) of scipy's ranks, and the row order moves nothing
    factor = np.r_[np.ones(len(m)), [1.2, 0.5, 0.9, 1.1, 0.7, 1.3, 0.8, 1.05, 0.6, 1.4]]
    mixed = both.assign(disclosure_rate=both["disclosure_rate"] * factor)
    res = paired_wilcoxon(mixed, "disclosure_rate", "period", min_n=3, ci_min_n=3, n_boot=300)
    again = paired_wilcoxon(mixed.sample(frac=1, random_state=2), "disclosure_rate", "period", min_n=3, ci_min_n=3,
                            n_boot=300)
    pd.testing.assert_frame_equal(res, again)
    pairs = mixed.pivot(index="agency", columns="period", values="disclosure_rate").dropna()
    d = (pairs["earlier"] - pairs["later"]).to_numpy()
    d = d[d != 0]
    ranks = stats.rankdata(np.abs(d))
    assert res.loc[0, "rank_biserial"] == pytest.approx((ranks[d > 0].sum() - ranks[d < 0].sum()) / ranks.sum())
    assert res.loc[0, "p"] == stats.wilcoxon(d).pvalue
    # an agency with two reports in one period pairs with none, and the note says so; too few pairs: no test
    twice = pd.concat([both, both[both["agency"] == "乌当区人民政府"].iloc[[0]].assign(report_id="again")])
    res = paired_wilcoxon(twice, "disclosure_rate", "period").iloc[0]
    assert (res["n_pairs"], res["n_unpaired"]) == (5, 3) and np.isnan(res["p"])
    assert res["note"] == ("fewer than 5 pairs whose values differ: no test; 1 agency has several values in one "
                           "group (乌当区人民政府): unpaired")


def test_pairwise_tests_of_fewer_than_two_groups_say_why_their_result_is_empty() -> None:
    # The seeds' reports of one period (or with every period NA) have no pair of groups: pairwise_mannwhitney and
    # paired_wilcoxon returned an empty frame without a word, where kruskal's row says 'fewer than 2 groups'.
    from toolkit.compare import paired_wilcoxon

    m, both = _seeds_and_their_next_year()
    one = both[both["period"] == "earlier"]
    assert "fewer than 2 groups" in kruskal(one, "disclosure_rate", "period").loc[0, "note"]
    for call in (pairwise_mannwhitney, paired_wilcoxon):
        with pytest.warns(UserWarning, match=r"'period' has one group \(earlier\): no pair of groups to test"):
            assert call(one, "disclosure_rate", "period").empty
        with pytest.warns(UserWarning, match=r"'period' has no group \(every label NA\)"):
            assert call(one.assign(period=None), "disclosure_rate", "period").empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # two groups: no warning
        assert len(pairwise_mannwhitney(both, "disclosure_rate", "period", n_boot=50)) == 1
        assert len(paired_wilcoxon(both, "disclosure_rate", "period", n_boot=50)) == 1


def test_paired_wilcoxon_counts_values_of_no_known_agency_as_unpaired() -> None:
    # A report whose agency was not found (agency NA) has a value in its group but pairs with none: it was in neither
    # n_pairs nor n_unpaired, dropped without a word, where an agency with two reports in one group is counted
    from toolkit.compare import paired_wilcoxon

    m, both = _seeds_and_their_next_year()
    named = paired_wilcoxon(both, "disclosure_rate", "period", min_n=3).iloc[0]
    later_wudang = (both["period"] == "later") & (both["agency"] == "乌当区人民政府")
    nameless = both.assign(agency=both["agency"].mask(later_wudang))
    assert nameless["disclosure_rate"][later_wudang].notna().all() and later_wudang.sum() == 1
    res = paired_wilcoxon(nameless, "disclosure_rate", "period", min_n=3).iloc[0]
    values = nameless.groupby("period")["disclosure_rate"].count().sum()
    assert (res["n_pairs"], res["n_unpaired"]) == (named["n_pairs"] - 1, 2)
    assert 2 * res["n_pairs"] + res["n_unpaired"] == values
    assert res["note"].startswith("1 value of no known agency: unpaired")
    assert "no known agency" not in named["note"]
