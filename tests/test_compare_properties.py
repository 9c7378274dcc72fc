"""Property tests of toolkit.compare and toolkit.metrics: what the README and the docstrings promise, on drawn frames.

A result does not depend on the order of the rows nor on the frame's index (the Monte Carlo draws and the bootstrap
resample the values in sorted order, seeded alike), nor on the group labels as long as their order is kept, nor on the
report ids; a missing value is counted in ``n_missing``, never dropped silently nor read as 0; p-values lie in [0, 1],
Holm's adjustment is monotone in the raw order and never below the raw p-value, and Cliff's δ in [−1, 1] (0 for a
group against a copy of itself).  The run draws the same examples each time (tests/conftest.py, profile
``repeatable``); ``HYPOTHESIS_PROFILE=explore`` draws new ones.
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy import stats

from toolkit.compare import bootstrap_ci, describe, holm, kruskal, pairwise_mannwhitney, paired_wilcoxon
from toolkit.metrics import report_metrics

from scale import scaled

# few distinct values, so that ties are common; NaN for a missing value
VALUES = st.one_of(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.75, 1.0]), st.floats(0, 1, allow_nan=False),
                   st.just(np.nan))
FAST = dict(n_boot=200, n_resamples=499)
# a few values, so that most draws of small groups hold ties
TIED = [0.0, 0.25, 0.5, 1.0]
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def frames(draw: st.DrawFn, max_rows: int = 24, agencies: bool = False) -> pd.DataFrame:
    """One row per report: ``report_id``, a group ``g`` (0–3, or missing), a value ``x`` (maybe NaN) and, with
    ``agencies``, an ``agency`` that may have reports in several groups."""
    n = draw(st.integers(1, max_rows))
    groups = draw(st.lists(st.one_of(st.integers(0, 3), st.none()) if draw(st.booleans())
                           else st.integers(0, 3), min_size=n, max_size=n))
    x = draw(st.lists(VALUES, min_size=n, max_size=n))
    df = pd.DataFrame({"report_id": [f"r{i:03d}" for i in range(n)],
                       "g": pd.array(groups, dtype="Int64"), "x": x})
    if agencies:
        df["agency"] = draw(st.lists(st.sampled_from(list("ABCDEFGH")), min_size=n, max_size=n))
    return df


def shuffled(df: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The same rows in another order, under another (non-unique-free, non-range) index."""
    order = np.random.default_rng(seed).permutation(len(df))
    out = df.iloc[order].copy()
    out.index = pd.Index([f"i{k}" for k in np.random.default_rng(seed + 1).permutation(len(df))])
    return out


def relabelled(df: pd.DataFrame) -> pd.DataFrame:
    """Groups 0–3 as the strings 'g0'…'g3' (the same order), report ids renamed."""
    out = df.copy()
    out["g"] = out["g"].astype(object).map(lambda g: pd.NA if pd.isna(g) else f"g{int(g)}")
    out["report_id"] = [f"other-{i}" for i in range(len(out))][::-1]
    return out


def assert_same(a: pd.DataFrame, b: pd.DataFrame, drop: tuple[str, ...] = ()) -> None:
    pd.testing.assert_frame_equal(a.drop(columns=list(drop)).reset_index(drop=True),
                                  b.drop(columns=list(drop)).reset_index(drop=True), check_dtype=False)


# -------------------------------------------------------------------------------- describe


@settings(max_examples=scaled(60), **SETTINGS)
@given(frames(), st.integers(0, 1000))
def test_describe_does_not_depend_on_row_order_or_index_and_counts_every_row(df: pd.DataFrame, seed: int) -> None:
    res = describe(df, "x", "g")
    assert_same(res, describe(shuffled(df, seed), "x", "g"))
    # every row in one group, its value counted in n or in n_missing
    assert res["n"].sum() + res["n_missing"].sum() == len(df)
    assert res["n_missing"].sum() == int(df["x"].isna().sum())
    for _, r in res.iterrows():
        rows = df[df["g"].isna()] if pd.isna(r["g"]) else df[df["g"] == r["g"]]
        assert (r["n"], r["n_missing"]) == (rows["x"].notna().sum(), rows["x"].isna().sum())
        if r["n"] == 0:
            assert np.isnan(r["mean"])  # no values: NaN, not a mean of 0
        else:
            assert r["q1"] <= r["median"] <= r["q3"]


# -------------------------------------------------------------------------------- kruskal


@settings(max_examples=scaled(40), **SETTINGS)
@given(frames(agencies=True), st.integers(0, 1000), st.integers(1, 3))
def test_kruskal_does_not_depend_on_row_order_index_or_labels(df: pd.DataFrame, seed: int, min_n: int) -> None:
    kw = dict(min_n=min_n, ci_min_n=3, **FAST)
    res = kruskal(df, "x", "g", **kw)
    assert_same(res, kruskal(shuffled(df, seed), "x", "g", **kw))
    other = kruskal(relabelled(df), "x", "g", **kw)
    # the labels are written in groups/excluded; the statistics are the same
    assert_same(res, other, drop=("groups", "excluded"))
    assert res.loc[0, "n"] + res.loc[0, "n_missing"] + sum(
        int(p.split("=")[1]) for p in res.loc[0, "excluded"].split("; ") if p) == len(df)
    p = res.loc[0, "p"]
    assert np.isnan(p) or 0 <= p <= 1
    e = res.loc[0, "epsilon2"]
    assert np.isnan(e) or e >= -1e-12
    lo, hi = res.loc[0, ["epsilon2_low", "epsilon2_high"]]
    assert np.isnan(lo) or lo <= hi



def _splits(items: tuple[int, ...], sizes: list[int]):
    """Every way to deal ``items`` into groups of ``sizes`` (as lists of index tuples)."""
    if len(sizes) == 1:
        yield [items]
        return
    for first in itertools.combinations(items, sizes[0]):
        rest = tuple(i for i in items if i not in first)
        for tail in _splits(rest, sizes[1:]):
            yield [first, *tail]


def _enumerated_kruskal_p(groups: list[list[float]]) -> float:
    """The share of all splits of the pooled values into groups of these sizes whose H reaches the observed one,
    from the midranks (scipy.stats.rankdata): H's tie correction is the same for every split, so Σ R²/n orders
    them as H does."""
    pooled = np.concatenate([np.asarray(g, dtype=float) for g in groups])
    ranks = stats.rankdata(pooled)
    sizes = [len(g) for g in groups]

    def spread(parts: list[tuple[int, ...]]) -> float:
        return sum(ranks[list(p)].sum() ** 2 / len(p) for p in parts)
    observed = spread([tuple(range(a, b)) for a, b in zip(np.cumsum([0, *sizes[:-1]]), np.cumsum(sizes))])
    values = np.array([spread(parts) for parts in _splits(tuple(range(pooled.size)), sizes)])
    return float(np.mean(values >= observed - 1e-9 * abs(observed)))


@settings(max_examples=scaled(40), **SETTINGS)
@given(st.one_of(st.lists(st.lists(st.sampled_from(TIED), min_size=1, max_size=5), min_size=2, max_size=2),
                 st.lists(st.lists(st.sampled_from(TIED), min_size=1, max_size=3), min_size=3, max_size=3)))
@example([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]])  # ties that skew U's distribution: 1/35, not 2/35
@example([[0.5], [0.0, 0.25, 1.0]])  # a group of one report: scipy's permutation_test refuses it
def test_small_group_p_values_are_those_of_every_split(groups: list[list[float]]) -> None:
    # kruskal (and, for two groups, pairwise_mannwhitney 'auto', ties or not) take p from every split of the
    # values into groups of these sizes: the p-value of H, independently enumerated here. Fails if small groups
    # get scipy's chi-square or normal approximation, if a two-sided p doubles U's smaller tail (2/35 above), or
    # if a split as extreme as the observed one is not counted (a strict > or a tolerance lost).
    df = pd.DataFrame({"report_id": [f"r{i}" for i in range(sum(map(len, groups)))],
                       "g": [f"g{k}" for k, g in enumerate(groups) for _ in g], "x": [v for g in groups for v in g]})
    res = kruskal(df, "x", "g", min_n=1, n_boot=200).iloc[0]  # every split enumerated: at most 9!/(3!)^3 = 1680
    if len(set(df["x"])) == 1:
        assert np.isnan(res["p"]) and res["note"] == "all values are equal: no test"
        return
    expected = _enumerated_kruskal_p(groups)
    assert res["method"] == "exact"
    assert res["p"] == pytest.approx(expected, abs=1e-12)
    assert 0 <= res["epsilon2"] <= 1 + 1e-12
    if len(groups) == 2:
        pair = pairwise_mannwhitney(df, "x", "g", min_n=1, n_boot=200).iloc[0]
        assert pair["method"] == "exact" and pair["p"] == pytest.approx(expected, abs=1e-12)
        # Cliff's delta as its definition: P(x1 > x2) - P(x1 < x2) over all pairs of values
        delta = np.mean([np.sign(a - b) for a in groups[0] for b in groups[1]])
        assert pair["cliffs_delta"] == pytest.approx(delta, abs=1e-12)


@pytest.mark.filterwarnings("ignore:.*no pair of groups to test:UserWarning")  # a frame of one group
@settings(max_examples=scaled(30), **SETTINGS)
@given(frames(agencies=True), st.permutations(list("ABCDEFGH")))
def test_effect_size_intervals_do_not_depend_on_the_agencies_names(df: pd.DataFrame, names: list[str]) -> None:
    # agencies renamed (anonymized) in any order of names: the intervals resampling them are the same
    renamed = df.assign(agency=df["agency"].map(dict(zip("ABCDEFGH", names))))
    kw = dict(min_n=1, ci_min_n=2, **FAST)
    for test, cols in ((kruskal, ["epsilon2_low", "epsilon2_high", "ci_unit"]),
                       (pairwise_mannwhitney, ["cliffs_delta_low", "cliffs_delta_high", "ci_unit"])):
        assert_same(test(df, "x", "g", **kw)[cols], test(renamed, "x", "g", **kw)[cols])


# -------------------------------------------------------------------------------- pairwise_mannwhitney


@pytest.mark.filterwarnings("ignore:.*no pair of groups to test:UserWarning")  # a frame of one group
@settings(max_examples=scaled(30), **SETTINGS)
@given(frames(agencies=True), st.integers(0, 1000), st.integers(1, 3))
def test_pairwise_does_not_depend_on_row_order_index_or_labels(df: pd.DataFrame, seed: int, min_n: int) -> None:
    kw = dict(min_n=min_n, ci_min_n=3, **FAST)
    res = pairwise_mannwhitney(df, "x", "g", **kw)
    assert_same(res, pairwise_mannwhitney(shuffled(df, seed), "x", "g", **kw))
    other = pairwise_mannwhitney(relabelled(df), "x", "g", **kw)
    assert_same(res, other, drop=("group1", "group2"))
    for col in ("p", "p_adj"):
        v = res[col].dropna()
        assert ((v >= 0) & (v <= 1)).all()
    assert (res["p_adj"].dropna() >= res.loc[res["p_adj"].notna(), "p"] - 1e-12).all()
    for col in ("cliffs_delta", "cliffs_delta_low", "cliffs_delta_high"):
        v = res[col].dropna()
        assert ((v >= -1) & (v <= 1)).all()
    # n_missing: the rows of the two groups without a value
    for _, r in res.iterrows():
        rows = df[df["g"].isin([r["group1"], r["group2"]])]
        assert r["n_missing"] == rows["x"].isna().sum()
        assert r["n1"] + r["n2"] == rows["x"].notna().sum()


@settings(max_examples=scaled(30), **SETTINGS)
@given(st.lists(VALUES, min_size=1, max_size=9), st.lists(VALUES, min_size=1, max_size=9))
def test_cliffs_delta_of_a_group_against_itself_is_0_and_swapping_groups_negates_it(a: list, b: list) -> None:
    same = pd.DataFrame({"g": ["p"] * len(a) + ["q"] * len(a), "x": a + a})
    res = pairwise_mannwhitney(same, "x", "g", min_n=1, ci_min_n=3, **FAST)
    if not np.isnan(res.loc[0, "cliffs_delta"]):
        assert res.loc[0, "cliffs_delta"] == 0
        assert res.loc[0, "p"] == 1.0 or res.loc[0, "p"] > 0.2
    two = pd.DataFrame({"g": ["p"] * len(a) + ["q"] * len(b), "x": a + b})
    fwd = pairwise_mannwhitney(two, "x", "g", min_n=1, **FAST)
    back = pairwise_mannwhitney(two.assign(g=two["g"].map({"p": "z"}).fillna("q")), "x", "g", min_n=1, **FAST)
    # group1 is now the other group: δ changes sign, the p-value stays (a Monte Carlo p-value draws the splits of
    # the groups in their sorted order, so it may move within its error)
    np.testing.assert_allclose(back["cliffs_delta"], -fwd["cliffs_delta"], atol=1e-12)
    assert back.loc[0, "method"] == fwd.loc[0, "method"]
    if fwd.loc[0, "method"] != "monte_carlo":
        np.testing.assert_allclose(back["p"], fwd["p"], rtol=1e-9)


# -------------------------------------------------------------------------------- paired_wilcoxon


@st.composite
def panels(draw: st.DrawFn) -> pd.DataFrame:
    """Agencies with a value in some of the years 2020–2022 (a value maybe NaN)."""
    rows = []
    for i in range(draw(st.integers(1, 14))):
        for year in draw(st.sets(st.sampled_from([2020, 2021, 2022]), min_size=1)):
            rows.append((f"a{i:02d}", year, draw(VALUES)))
    df = pd.DataFrame(rows, columns=["agency", "year", "x"])
    df["report_id"] = [f"r{k}" for k in range(len(df))]
    return df


@pytest.mark.filterwarnings("ignore:.*no pair of groups to test:UserWarning")  # a frame of one group
@settings(max_examples=scaled(30), **SETTINGS)
@given(panels(), st.integers(0, 1000))
def test_paired_wilcoxon_does_not_depend_on_row_order_index_or_names(df: pd.DataFrame, seed: int) -> None:
    res = paired_wilcoxon(df, "x", "year", min_n=2, ci_min_n=3, **FAST)
    assert_same(res, paired_wilcoxon(shuffled(df, seed), "x", "year", min_n=2, ci_min_n=3, **FAST))
    # agencies renamed (order reversed), report ids renamed: the same pairs
    renamed = df.assign(agency=df["agency"].map(lambda a: f"z{99 - int(a[1:]):02d}"),
                        report_id=[f"q{k}" for k in range(len(df))][::-1])
    assert_same(res, paired_wilcoxon(renamed, "x", "year", min_n=2, ci_min_n=3, **FAST))
    for col in ("p", "p_adj"):
        v = res[col].dropna()
        assert ((v >= 0) & (v <= 1)).all()
    for col in ("rank_biserial", "rank_biserial_low", "rank_biserial_high"):
        v = res[col].dropna()
        assert ((v >= -1 - 1e-12) & (v <= 1 + 1e-12)).all()



@settings(max_examples=scaled(40), **SETTINGS)
@given(st.lists(st.tuples(st.sampled_from(TIED), st.sampled_from(TIED)), min_size=1, max_size=10))
@example([(1.0, 0.0), (0.5, 0.25), (0.0, 0.25), (0.5, 0.5), (1.0, 0.5)])  # a zero difference and tied sizes
def test_paired_wilcoxon_is_the_signed_rank_test_of_every_sign_flip(pairs: list[tuple[float, float]]) -> None:
    # Each agency's two years: the differences that are not 0 (a zero is left out, as scipy's default does), their
    # sizes ranked (midranks); W the smaller rank sum, p the share of all 2**n sign flips whose smaller rank sum is
    # as small, rank_biserial (R+ - R-) / (R+ + R-) with group1 (2020) larger positive. Enumerated here
    # independently; fails if zeros are kept or split, the sign of the correlation is turned, or a p-value with
    # tied sizes is taken from the normal approximation.
    n = len(pairs)
    df = pd.DataFrame({"agency": [f"a{i}" for i in range(n)] * 2, "year": [2020] * n + [2021] * n,
                       "x": [a for a, _ in pairs] + [b for _, b in pairs]})
    df["report_id"] = [f"r{i}" for i in range(2 * n)]
    res = paired_wilcoxon(df, "x", "year", min_n=1, n_boot=200).iloc[0]
    d = np.array([a - b for a, b in pairs])
    nonzero = d[d != 0]
    assert (res["n_pairs"], res["n_zero"], res["n_unpaired"]) == (n, n - nonzero.size, 0)
    if nonzero.size == 0:
        assert np.isnan(res["p"]) and np.isnan(res["rank_biserial"])
        return
    ranks = stats.rankdata(np.abs(nonzero))
    plus, minus = ranks[nonzero > 0].sum(), ranks[nonzero < 0].sum()
    assert res["W"] == min(plus, minus)
    assert res["rank_biserial"] == pytest.approx((plus - minus) / ranks.sum(), abs=1e-12)
    flips = np.array(list(itertools.product([True, False], repeat=nonzero.size)))
    smaller = np.minimum((flips * ranks).sum(axis=1), (~flips * ranks).sum(axis=1))
    assert res["p"] == pytest.approx(np.mean(smaller <= min(plus, minus) + 1e-9), abs=1e-12)
    assert res["method"] in ("exact", "permutation")


# -------------------------------------------------------------------------------- bootstrap_ci


@settings(max_examples=scaled(30), **SETTINGS)
@given(frames(agencies=True), st.integers(0, 1000), st.sampled_from([None, "agency"]),
       st.sampled_from(["expanded", "percentile", "basic"]))
def test_bootstrap_does_not_depend_on_row_order_index_or_labels(df: pd.DataFrame, seed: int, cluster,
                                                                  method: str) -> None:
    kw = dict(n_boot=200, min_n=2, cluster=cluster, method=method)
    res = bootstrap_ci(df, "x", "g", **kw)
    assert_same(res, bootstrap_ci(shuffled(df, seed), "x", "g", **kw))
    assert_same(res, bootstrap_ci(relabelled(df), "x", "g", **kw), drop=("g",))
    # every row is counted, those of no group in a last NA row
    assert res["n"].sum() + res["n_missing"].sum() == len(df)
    assert res["n_missing"].sum() == df["x"].isna().sum()
    ok = res["ci_low"].notna()
    assert (res.loc[ok, "ci_low"] <= res.loc[ok, "ci_high"] + 1e-12).all()


# -------------------------------------------------------------------------------- holm


PVALUES = st.lists(st.one_of(st.floats(0, 1), st.sampled_from([0.0, 0.01, 0.05, 1.0]), st.just(np.nan), st.none()),
                   max_size=20)


@settings(max_examples=scaled(200), **SETTINGS)
@given(PVALUES, st.randoms(use_true_random=False))
def test_holm_is_monotone_at_least_the_raw_p_at_most_1_and_keeps_nan(p: list, rnd) -> None:
    adj = holm(p)
    raw = np.array([np.nan if v is None else v for v in p], dtype=float)
    assert adj.shape == raw.shape
    assert np.array_equal(np.isnan(adj), np.isnan(raw))
    ok = ~np.isnan(raw)
    assert (adj[ok] >= raw[ok]).all() and (adj[ok] <= 1).all()
    order = np.argsort(raw[ok], kind="stable")
    assert (np.diff(adj[ok][order]) >= 0).all()
    # NaN left out: the same adjustment as without them; and in any order of the inputs
    np.testing.assert_array_equal(holm(raw[ok]), adj[ok])
    perm = list(range(len(p)))
    rnd.shuffle(perm)
    np.testing.assert_array_equal(holm([p[i] for i in perm]), adj[perm])


# -------------------------------------------------------------------------------- report_metrics


RATES = ["full_grant_rate", "disclosure_rate", "denial_rate"]


@settings(max_examples=scaled(40), **SETTINGS)
@given(st.lists(st.one_of(st.integers(0, 50).map(float), st.just(np.nan)), min_size=3, max_size=3),
       st.integers(0, 1000))
def test_a_missing_cell_makes_the_rate_missing_never_0(cells: list, seed: int) -> None:
    granted, partial, handled = cells
    rows = [("requests", "granted", "total", granted), ("requests", "partially_granted", "total", partial),
            ("requests", "handled_total", "total", handled)]
    tables = pd.DataFrame([dict(report_id="r1", table=t, row_key=r, col_key=c, value=v,
                                raw="" if np.isnan(v) else f"{v:g}") for t, r, c, v in rows])
    m = report_metrics(tables)
    full, disc = m.loc[0, "full_grant_rate"], m.loc[0, "disclosure_rate"]
    if np.isnan(granted) or np.isnan(handled) or handled == 0:
        assert np.isnan(full)
    else:
        assert full == granted / handled
    if np.isnan(granted) or np.isnan(partial) or np.isnan(handled) or handled == 0:
        assert np.isnan(disc)
    else:
        assert disc == (granted + partial) / handled
    assert np.isnan(m.loc[0, "requests_handled"]) == np.isnan(handled)
    # the same cells in another order, under another index: the same metrics
    shuffled_tables = tables.sample(frac=1, random_state=seed)
    shuffled_tables.index = shuffled_tables.index + 7
    assert_same(m, report_metrics(shuffled_tables))


# -------------------------------------------------------------------------------- chi2_composition


OUTCOMES = ["granted", "partially_granted", "denied_process", "unable_not_held", "rejected_petition",
            "other_handling"]


def outcome_tables(rid: str, counts: dict[str, float]) -> pd.DataFrame:
    """The total column of a 2019 requests table with the given outcome counts (the other rows 0)."""
    rows = {r: 0.0 for r in ["granted", "partially_granted", "denied_state_secret", "denied_prohibited",
                             "denied_security", "denied_third_party", "denied_internal", "denied_process",
                             "denied_enforcement", "denied_query", "unable_not_held", "unable_needs_creation",
                             "unable_unclear", "rejected_petition", "rejected_duplicate", "rejected_publication",
                             "rejected_excessive", "rejected_confirmation", "other_handling"]}
    rows.update(counts)
    rows["handled_total"] = sum(rows.values())
    return pd.DataFrame([dict(report_id=rid, table="requests", row_key=r, col_key="total", value=float(v),
                              raw=f"{v:g}", line=i) for i, (r, v) in enumerate(rows.items(), start=1)])


def composition_frames(counts: list[list[int]], levels: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``tables`` and ``reports`` of reports r00, r01, … with these outcome counts (of the first of OUTCOMES)
    and groups."""
    ids = [f"r{i:02d}" for i in range(len(counts))]
    tables = pd.concat([outcome_tables(r, dict(zip(OUTCOMES, c))) for r, c in zip(ids, counts)], ignore_index=True)
    return tables, pd.DataFrame({"report_id": ids, "level": levels})


@st.composite
def compositions(draw: st.DrawFn) -> tuple[list[list[int]], list[str]]:
    n = draw(st.integers(2, 10))
    counts = draw(st.lists(st.lists(st.integers(0, 20), min_size=3, max_size=6), min_size=n, max_size=n))
    return counts, draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=n, max_size=n))


def composition_test(tables: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    from toolkit.compare import chi2_composition
    return chi2_composition(tables, "level", reports=reports, n_resamples=499, n_boot=200, ci_min_n=2).test


@settings(max_examples=scaled(15), **SETTINGS)
@given(compositions(), st.integers(0, 1000))
# Cramér's V's interval resampled the reports in the order of their ids: renamed (x99 … x95 for r00 … r04), the
# same five reports got [0.141, 0.612] instead of [0.141, 0.595]
@example(([[1, 3, 0], [3, 3, 3], [0, 1, 2], [1, 2, 2], [2, 0, 3]], ["b", "b", "a", "a", "b"]), 0)
def test_chi2_composition_does_not_depend_on_row_order_index_or_report_ids(data, seed: int) -> None:
    tables, reports = composition_frames(*data)
    res = composition_test(tables, reports)
    assert_same(res, composition_test(shuffled(tables, seed), shuffled(reports, seed + 2)))
    # the report ids renamed, in the reverse order
    new = {r: f"x{99 - i:02d}" for i, r in enumerate(reports["report_id"])}
    assert_same(res, composition_test(tables.assign(report_id=tables["report_id"].map(new)),
                                      reports.assign(report_id=reports["report_id"].map(new))))
    for col in ("p", "cramers_v", "cramers_v_low", "cramers_v_high"):
        v = res[col].dropna()
        assert ((v >= 0) & (v <= 1 + 1e-12)).all()
