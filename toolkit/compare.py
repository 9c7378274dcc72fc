"""Compare disclosure indicators between groups of reports, and audit reports across years.

Every statistic comes from SciPy (``scipy.stats``); this module only prepares groups, applies the
small-group rules and lays out tidy result tables.  Three pieces of arithmetic SciPy does not offer
are written here: Holm's step-down adjustment (:func:`holm`), the level at which SciPy's
percentile interval becomes the expanded percentile interval of :func:`bootstrap_ci`
(Hesterberg, T. C. (2015). What teachers should know about the bootstrap. *The American
Statistician*, 69(4), 371–386), and the effect sizes of a bootstrap resample held as the number
of times each report is drawn, for their intervals (the same as SciPy's ε², Cliff's δ and Cramér's
V of the resample written out, as the tests check; a resample of agencies across groups is no
resample SciPy's ``bootstrap`` draws).

Small groups are never tested silently: a group with fewer than ``min_n`` non-missing values is
left out and named in the result, and when fewer than two groups remain the result row says so
with an NA p-value.
"""
from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from scipy.stats import contingency

from toolkit.metrics import (
    _TABLES_REQUIRED,
    _Cells,
    _check_blank_args,
    _check_same_ids,
    _group_of,
    _lookup,
    _numeric,
    _outcome_labels,
    _outcome_tables,
    _outcomes,
    _parse_term,
    _report_ids,
    _require_frame,
    _spec,
    _text_order,
)
from toolkit.normalize import to_simplified

__all__ = [
    "describe",
    "kruskal",
    "pairwise_mannwhitney",
    "paired_wilcoxon",
    "holm",
    "cliffs_delta_magnitude",
    "chi2_composition",
    "CompositionResult",
    "bootstrap_ci",
    "panel",
    "cross_year_audit",
]

# Romano et al. (2006) thresholds for |Cliff's delta|: negligible / small / medium / large.
_CLIFF_THRESHOLDS = ((0.147, "negligible"), (0.33, "small"), (0.474, "medium"))
_CORRECTIONS = ("holm", "none")
_ESTIMATORS = ("mean", "ratio")
_BOOT_METHODS = ("expanded", "percentile", "basic", "BCa")
# Default smallest group for an interval: below it no bootstrap interval reaches its level (see bootstrap_ci).
_BOOT_MIN_N = 10
_MWU_METHODS = ("auto", "exact", "asymptotic", "permutation")
_KW_METHODS = ("auto", "permutation", "asymptotic")
_CHI2_METHODS = ("auto", "monte_carlo", "asymptotic")
# Largest group for which 'auto' takes p from the permutation distribution rather than a large-sample
# approximation: the limit of SciPy's mannwhitneyu, which gives exact p-values up to 8 values.
_SMALL_GROUP = 8
# Values drawn at once by the Monte Carlo permutations of _singleton_permutation_p (resamples × reports).
_PERMUTATION_BATCH = 1_000_000
# Columns of reports that tell two agencies of one name apart in cross_year_audit.
_SAME_AGENCY = ("province", "level")
# The units an effect size's interval resamples, as its note names them.
_UNITS = {"report": "reports", "agency": "agencies"}
_CHECK_COLUMNS = ["report_id", "table", "check", "key", "expected", "found", "status", "ok"]


# ----------------------------------------------------------------------------------------------
# argument checks and grouping


def _check_column(df: pd.DataFrame, col: Any, name: str, frame: str = "df") -> None:
    if not isinstance(col, str):
        raise TypeError(f"{name} must be a column name (str), got {type(col).__name__}: {col!r}")
    if col not in df.columns:
        raise ValueError(f"{name}={col!r} is not a column of {frame}; columns are {list(df.columns)}")


def _check_min_n(min_n: Any, name: str = "min_n") -> int:
    if isinstance(min_n, bool) or not isinstance(min_n, (int, np.integer)) or min_n < 1:
        raise ValueError(f"{name} must be an integer >= 1, got {min_n!r}")
    return int(min_n)


def _join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _check_one_row_per_report(df: pd.DataFrame) -> None:
    """Refuse a frame that holds a report in several rows (``report_id`` repeated), e.g. metrics joined with
    statements: every row counts as one report, so such a report would weigh several times in n, the tests
    and the intervals."""
    if "report_id" not in df.columns:
        return
    counts = df["report_id"].dropna().value_counts(sort=False)
    repeated = counts[counts > 1]
    if len(repeated):
        shown = ", ".join(f"{rid!r} ({n} rows)" for rid, n in repeated.iloc[:3].items())
        raise ValueError(f"df holds {len(repeated)} report_id(s) in several rows ({shown}"
                         f"{', …' if len(repeated) > 3 else ''}): each row counts as one report; keep one row per "
                         "report (df.drop_duplicates('report_id')) or aggregate first")


def _id_key(ids: pd.Series) -> pd.Series:
    """Sort key of report ids: as they are, or as text when they mix types."""
    return ids if len({type(v) for v in ids}) <= 1 else ids.astype(str)


def _check_seed(random_state: Any) -> int:
    if isinstance(random_state, (bool, np.bool_)) or not isinstance(random_state, (int, np.integer)) \
            or random_state < 0:
        raise ValueError(f"random_state must be an integer seed >= 0, got {random_state!r}")
    return int(random_state)


def _label_text(label: Any) -> str:
    """A group label as text, a whole float as the integer it is: a year column with a missing value is float to
    pandas (read_csv of reports.csv), and its 2021.0 is the year 2021, not a label '2021.0'."""
    if isinstance(label, (float, np.floating)) and np.isfinite(label) and float(label).is_integer():
        return str(int(label))
    return str(label)


def _check_one_type(uniq: Any, name: Any) -> None:
    """Refuse a column holding one label in two types (2021 and '2021', or 2021.0 and '2021'), or written with and
    without spaces around it ('2021' and ' 2021' of a hand-typed sheet): the groups would split silently, and the
    two look alike in a table or on a tick."""
    # a label's text without the spaces (and the ideographic space) around it
    texts = [_label_text(u).strip() for u in uniq]
    if len(set(texts)) < len(texts):
        seen: dict[str, Any] = {}
        for u, text in zip(uniq, texts):
            if text in seen and type(seen[text]) is not type(u):
                raise ValueError(f"column {name!r} holds the label {u!r} both as {type(seen[text]).__name__} and "
                                 f"as {type(u).__name__}: convert it to one type first (e.g. .astype(str))")
            if text in seen:
                raise ValueError(f"column {name!r} holds the label {text!r} written as {seen[text]!r} and as {u!r}: "
                                 "strip the spaces around the labels first (.str.strip())")
            seen[text] = u


def _unique_labels(values: pd.Series, name: Any) -> Any:
    """The distinct labels of a grouping column (NA left out); a column of lists, sets or dicts (statements'
    labels split, then joined to the metrics) is refused naming it, where pandas fails deep ('unhashable type')."""
    try:
        return pd.unique(values.dropna())
    except TypeError:
        bad = next((v for v in values.dropna() if not isinstance(v, Hashable)), None)
        if bad is None:
            raise
        raise TypeError(f"column {name!r} holds {type(bad).__name__} values such as {bad!r}, not labels a group can be "
                        "named by: join them into text first (.str.join(';')), or explode the frame (one row per "
                        "label)") from None


def _sorted_groups(values: pd.Series, name: Any = None) -> list[Any]:
    """The groups of ``values`` (NA left out) sorted: in the order of the categories of a categorical column, as
    pandas sorts it (levels set as province, prefecture, county), else as the labels compare."""
    name = values.name if name is None else name
    uniq = _unique_labels(values, name)
    _check_one_type(uniq, name)
    if isinstance(values.dtype, pd.CategoricalDtype):
        found = set(uniq)
        return [c for c in values.cat.categories if c in found]  # a category no row has is no group
    try:
        return sorted(uniq)
    except TypeError:
        return sorted(uniq, key=str)


def _is_group(values: pd.Series, g: Any) -> np.ndarray:
    """Boolean mask of the rows in group ``g``; a missing label (NA of a nullable column) is in none."""
    return values.eq(g).fillna(False).to_numpy(dtype=bool)


def _groups(df: pd.DataFrame, metric: str, by: str) -> dict[Any, np.ndarray]:
    """Non-missing metric values per group (groups sorted; rows without a group dropped)."""
    x = _numeric(df, metric)
    return {
        g: x[_is_group(df[by], g)].dropna().to_numpy()
        for g in _sorted_groups(df[by])
    }


def _missing(df: pd.DataFrame, metric: str, by: str) -> dict[Any, int]:
    """Rows of each group (sorted) whose metric is missing: the rows :func:`_groups` leaves out."""
    missing = df[metric].isna()
    return {g: int(missing[_is_group(df[by], g)].sum()) for g in _sorted_groups(df[by])}


_ALL_EQUAL = "all values are equal: no test"


def _all_equal(*groups: np.ndarray) -> bool:
    """Whether the values of all the groups are one value (ranks all tied: a rank test has nothing to compare)."""
    return np.unique(np.concatenate(groups)).size == 1


def _agency_keys(df: pd.DataFrame, by: str) -> list[tuple[Any, ...] | None]:
    """The agency of each row of ``df``: its name with its ``province`` and ``level`` where ``df`` has them (the
    财政局 of two counties are two agencies; a missing place is a value of its own); None where the name is missing,
    and for every row where ``df`` has no ``agency`` column or ``by`` is that column."""
    if "agency" not in df.columns or by == "agency":
        return [None] * len(df)
    keys = ["agency", *[c for c in _SAME_AGENCY if c in df.columns and c != by]]
    d = df[keys].astype(object).where(df[keys].notna(), None)
    named = d["agency"].notna().to_numpy()
    return [k if has else None for k, has in zip(d.itertuples(index=False, name=None), named)]


def _agencies(df: pd.DataFrame, metric: str, by: str) -> dict[Any, set[tuple[Any, ...]]]:
    """The agencies (:func:`_agency_keys`) of each group's rows with a value ({} if ``df`` has no ``agency``
    column)."""
    if "agency" not in df.columns or by == "agency":
        return {}
    keys, named = _agency_array(df, by)
    has = _numeric(df, metric).notna().to_numpy() & named
    return {g: set(keys[has & _is_group(df[by], g)]) for g in _sorted_groups(df[by])}


def _agency_array(df: pd.DataFrame, by: str) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_agency_keys` as a 1-D object array, and where a row's agency is known."""
    keys = np.array(_agency_keys(df, by) + [None], dtype=object)[:-1]  # (the None keeps a 1-D array of tuples)
    return keys, np.array([k is not None for k in keys], dtype=bool)


def _some_agencies(names: Sequence[str], what: str) -> str:
    """'2 agencies have {what} (a, b)': the count and the first three names."""
    return (f"{len(names)} agenc{'y has' if len(names) == 1 else 'ies have'} {what} "
            f"({', '.join(names[:3])}{', …' if len(names) > 3 else ''})")


def _shared_agencies(agencies: dict[Any, set[tuple[Any, ...]]], tested: Sequence[Any]) -> str:
    """A note naming the agencies (of :func:`_agencies`) with reports in more than one of the groups ``tested``,
    '' if none: an agency's reports of two years are a pair, not the independent reports the rank tests assume."""
    seen: set[tuple[Any, ...]] = set()
    shared: set[tuple[Any, ...]] = set()
    for g in tested:
        group = agencies.get(g, set())
        shared |= seen & group
        seen |= group
    names = sorted({str(k[0]) for k in shared})
    if not names:
        return ""
    return (_some_agencies(names, "reports in several groups") + ": not independent samples, as the test "
            "assumes; compare an agency's years with paired_wilcoxon, or keep one report per agency")


def _fmt_groups(groups: dict[Any, np.ndarray] | dict[Any, int]) -> str:
    return "; ".join(f"{_label_text(g)}={v if isinstance(v, (int, np.integer)) else len(v)}"
                     for g, v in groups.items())


def _warn_no_pair(func: str, by: str, labels: Sequence[Any]) -> None:
    """Warn that ``by`` has fewer than two groups, so the pairwise result is empty: an empty frame alone looked
    like pairs that were all left out, or a metric that is missing, where kruskal's row says why."""
    found = f"one group ({_label_text(labels[0])})" if labels else "no group (every label NA)"
    warnings.warn(f"{func}: {by!r} has {found}: no pair of groups to test, the result is empty", stacklevel=3)


# ----------------------------------------------------------------------------------------------
# descriptive statistics and rank tests


def describe(df: pd.DataFrame, metric: str, by: str | None = None) -> pd.DataFrame:
    """Describe a metric per group: n, missing, mean, median and quartiles.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report, e.g. the result of :func:`toolkit.metrics.report_metrics`
        joined with grouping columns.
    metric : str
        Column to describe (numeric; NA values are counted in ``n_missing``).
    by : str, optional
        Grouping column (year, template, level, province, or a column of your own).  Rows whose
        group is NA form a last group labelled NA.  ``None`` describes the whole frame.  Groups are
        sorted, those of a categorical column in the order of its categories (as pandas sorts it), in
        every function of this module and :mod:`toolkit.plots`.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by group: ``by`` (if given), ``n`` (non-missing values),
        ``n_missing``, ``mean``, ``median``, ``q1``, ``q3`` (quartiles, linear interpolation as
        :meth:`pandas.Series.quantile`); statistics are NaN for a group with no values.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or a column name is not a str.
    ValueError
        If a column is not in ``df``, ``metric`` holds text that is no number, or ``df`` holds a
        ``report_id`` in several rows.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.compare import describe
    >>> df = pd.DataFrame({"year": [2020, 2020, 2021], "rate": [0.5, None, 0.25]})
    >>> res = describe(df, "rate", "year")
    >>> res["n_missing"].tolist(), res["median"].tolist()
    ([1, 0], [0.5, 0.25])
    """
    _require_frame(df, "df", ())
    _check_column(df, metric, "metric")
    _check_one_row_per_report(df)
    x = _numeric(df, metric)
    if by is None:
        keys: list[Any] = [None]
        masks = [np.ones(len(df), dtype=bool)]
    else:
        _check_column(df, by, "by")
        keys = _sorted_groups(df[by])
        masks = [_is_group(df[by], g) for g in keys]
        if df[by].isna().any():
            keys.append(pd.NA)
            masks.append(df[by].isna().to_numpy())
    rows = []
    for key, mask in zip(keys, masks):
        v = x[mask]
        values = v.dropna()
        row = {} if by is None else {by: key}
        row.update(
            n=int(values.size),
            n_missing=int(v.isna().sum()),
            mean=float(values.mean()) if values.size else np.nan,
            median=float(values.median()) if values.size else np.nan,
            q1=float(values.quantile(0.25)) if values.size else np.nan,
            q3=float(values.quantile(0.75)) if values.size else np.nan,
        )
        rows.append(row)
    cols = ([by] if by is not None else []) + ["n", "n_missing", "mean", "median", "q1", "q3"]
    return pd.DataFrame(rows, columns=cols)


def kruskal(
    df: pd.DataFrame,
    metric: str,
    by: str,
    *,
    min_n: int = 3,
    method: str = "auto",
    n_resamples: int = 9999,
    random_state: int = 0,
    n_boot: int = 2000,
    ci: float = 0.95,
    ci_min_n: int = _BOOT_MIN_N,
) -> pd.DataFrame:
    """Kruskal–Wallis H test of a metric across groups, with the ε² effect size and its bootstrap interval.

    The p-value of :func:`scipy.stats.kruskal` refers H to a chi-square distribution, which small
    groups do not follow: groups [1, 2, 3] and [4, 5, 6] get p = 0.0495 where the exact
    p-value, and the exact Mann–Whitney p-value, is 0.1 (2 of the 20 ways to split six values
    into two groups of three separate them as much).  For small groups the p-value is taken from
    the permutation distribution of H instead (:func:`scipy.stats.permutation_test`).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report.
    metric : str
        Numeric column to compare; NA values are dropped.
    by : str
        Grouping column; rows whose group is NA are dropped.
    min_n : int, default 3
        Groups with fewer non-missing values are excluded from the test and listed in
        ``excluded``.
    method : {'auto', 'permutation', 'asymptotic'}, default 'auto'
        How the p-value is computed.  ``'permutation'``: from the distribution of H over the
        reassignments of the values to groups of the same sizes, exact (every reassignment) when
        there are at most ``n_resamples`` of them, else from ``n_resamples`` random ones (Monte
        Carlo, seeded, over each group's values in sorted order so that the row order does not
        matter).  ``'asymptotic'``: the chi-square approximation of
        :func:`scipy.stats.kruskal`.  ``'auto'``: permutation when a group tested has 8 values or
        fewer (where :func:`pairwise_mannwhitney` gets exact p-values too), else asymptotic.
    n_resamples : int, default 9999
        Largest number of reassignments enumerated exactly, and the number drawn otherwise.
    random_state : int, default 0
        Seed (>= 0) of the Monte Carlo draws and of the bootstrap of ε².
    n_boot, ci, ci_min_n : int, float, int, default 2000, 0.95, 10
        The interval of ε²: its percentile bootstrap interval at level ``ci`` from ``n_boot``
        resamples (2 or more; see Notes), given where every group tested has ``ci_min_n`` units or more.

    Returns
    -------
    pandas.DataFrame
        One row: ``metric``, ``by``, ``k`` (groups tested), ``n`` (values tested), ``n_missing``
        (rows left out because their metric or their group is missing), ``H`` (of
        :func:`scipy.stats.kruskal`, corrected for ties), ``dof`` (k − 1), ``p``, ``method``
        (how ``p`` was computed: ``'exact'``, ``'monte_carlo'`` or ``'asymptotic'``),
        ``epsilon2`` (ε² = H / (n − 1), Tomczak & Tomczak 2014), ``epsilon2_low`` and
        ``epsilon2_high`` (its interval; NA with a note where a group has fewer than ``ci_min_n``
        units), ``ci_unit`` (the unit resampled: ``'report'`` or ``'agency'``), ``groups`` and ``excluded``
        (``group=n`` lists) and ``note``.  When fewer than two groups remain, or all values
        tested are equal, ``H``, ``p`` and ``epsilon2`` are NA, ``method`` is empty and ``note``
        says why.  When an agency (``df['agency']``, with ``province`` and ``level`` where ``df`` has
        them) has reports in several of the groups tested, as a panel compared by year does, the
        test is run and ``note`` names such agencies: their reports are pairs, not the independent
        samples the test assumes.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or a column name is not a str.
    ValueError
        If a column is missing, ``metric`` holds text that is no number or an infinite value, ``df`` holds a
        ``report_id`` in several rows, or ``min_n``, ``method``, ``n_resamples``,
        ``random_state``, ``n_boot``, ``ci`` or ``ci_min_n`` is invalid.

    Notes
    -----
    The intervals of the effect sizes (ε² here, Cliff's δ of :func:`pairwise_mannwhitney`,
    Cramér's V of :func:`chi2_composition`) are percentile bootstrap intervals, as R's
    ``rcompanion`` gives them (``epsilonSquared``, ``cliffDelta``, ``cramerV`` with ``ci=TRUE``).
    They resample the units the test takes for independent: each group's reports within the
    group, its size kept, where the groups share no agency; the agencies, each with all its
    reports in every group, where one does (``ci_unit='agency'``: a panel compared by year, whose
    pairs a resampling of reports would break).  The draws are seeded with ``random_state`` and
    made over the values in sorted order, so that neither the order of the rows nor the other
    tests of a call move an interval.  Below ``ci_min_n`` units in a group (10, as
    :func:`bootstrap_ci`) there is no interval: a bootstrap distribution of a few units is too
    narrow: in simulation (two normal groups half a standard deviation apart, 600 samples) the 95 %
    interval of Cliff's δ held the true δ in 92 % of samples of 5 reports a group, 94 % of 10 and
    of 20.  ε² and V are never negative and lean upwards in small samples, so their interval
    never reaches below 0 and says nothing of whether there is a difference: ``p`` does.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.compare import kruskal
    >>> df = pd.DataFrame({"g": list("aaabbbc"), "x": [1, 2, 3, 4, 5, 6, 7]})
    >>> res = kruskal(df, "x", "g")
    >>> res["k"].tolist(), res["excluded"].tolist(), res["p"].tolist(), res["method"].tolist()
    ([2], ['c=1'], [0.1], ['exact'])
    """
    _require_frame(df, "df", ())
    _check_column(df, metric, "metric")
    _check_one_row_per_report(df)
    _check_column(df, by, "by")
    min_n = _check_min_n(min_n)
    if method not in _KW_METHODS:
        raise ValueError(f"method must be one of {list(_KW_METHODS)}, got {method!r}")
    n_resamples = _check_positive_int(n_resamples, "n_resamples")
    random_state = _check_seed(random_state)
    n_boot, ci, ci_min_n = _check_boot(n_boot, ci, ci_min_n)
    _warn_agency_scripts("kruskal", df, by)
    groups = _groups(df, metric, by)
    # rows left out for a missing value or group are counted, never dropped silently
    n_missing = len(df) - int(sum(len(v) for v in groups.values()))
    kept = {g: v for g, v in groups.items() if len(v) >= min_n}
    excluded = {g: v for g, v in groups.items() if len(v) < min_n}
    n = int(sum(len(v) for v in kept.values()))
    row: dict[str, Any] = dict(
        metric=metric, by=by, k=len(kept), n=n, n_missing=n_missing,
        H=np.nan, dof=np.nan, p=np.nan, method="", epsilon2=np.nan, epsilon2_low=np.nan, epsilon2_high=np.nan,
        ci_unit="", groups=_fmt_groups(kept), excluded=_fmt_groups(excluded), note="",
    )
    if len(kept) < 2:
        row["note"] = f"fewer than 2 groups with n >= {min_n}: no test"
    elif _all_equal(*kept.values()):
        row["note"] = _ALL_EQUAL
    else:
        samples = list(kept.values())
        res = stats.kruskal(*samples)
        row.update(H=float(res.statistic), dof=len(kept) - 1, p=float(res.pvalue), method="asymptotic",
                   epsilon2=float(res.statistic) / (n - 1),
                   note=_shared_agencies(_agencies(df, metric, by), list(kept)))
        if method == "permutation" or (method == "auto" and min(map(len, samples)) <= _SMALL_GROUP):
            p, kind = _permutation_p(samples, _kruskal_h, n_resamples, random_state)
            row.update(p=p, method=kind)
        low, high, unit, why = _effect_ci(_epsilon2, *_ranked_rows(df, metric, by, list(kept)), len(kept),
                                          n_boot=n_boot, ci=ci, min_n=ci_min_n, random_state=random_state)
        row.update(epsilon2_low=low, epsilon2_high=high, ci_unit=unit, note=_join_notes(row["note"], why))
    return pd.DataFrame([row])


def _check_positive_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def _permutation_p(samples: Sequence[np.ndarray], statistic: Any, n_resamples: int,
                   random_state: int) -> tuple[float, str]:
    """The p-value of a statistic that grows with the groups' difference, from its permutation distribution
    (:func:`scipy.stats.permutation_test`, seeded), and how it was computed (see :func:`_permutation_kind`).

    Each group's values are taken in sorted order: the random splits are drawn as positions, so the same reports
    in another row order would get another Monte Carlo p-value for the same seed (as in :func:`bootstrap_ci`)."""
    samples = [np.sort(np.asarray(s, dtype=float)) for s in samples]
    kind = _permutation_kind(samples, n_resamples)
    if min(len(s) for s in samples) < 2:
        # scipy refuses a sample of one value (min_n=1 lets a group of one report in)
        return _singleton_permutation_p(samples, statistic, n_resamples, random_state, kind == "exact"), kind
    res = stats.permutation_test(samples, statistic, vectorized=True, n_resamples=n_resamples,
                                 alternative="greater", rng=np.random.default_rng(random_state))
    return float(res.pvalue), kind


def _singleton_permutation_p(samples: Sequence[np.ndarray], statistic: Any, n_resamples: int,
                             random_state: int, exact: bool) -> float:
    """:func:`_permutation_p` where a group has one value, with the conventions of
    :func:`scipy.stats.permutation_test` (independent samples, ``alternative='greater'``): every
    split of the pooled values into groups of these sizes when ``exact``, else ``n_resamples``
    random ones and the (count + 1) / (n + 1) p-value; a statistic within 100 machine epsilons of
    the observed one counts as reaching it."""
    pooled = np.concatenate([np.asarray(s, dtype=float) for s in samples])
    sizes = [len(s) for s in samples]
    if exact:
        def splits(left: tuple[int, ...], sizes: list[int]) -> Any:
            if len(sizes) == 1:
                yield left
                return
            for chosen in itertools.combinations(left, sizes[0]):
                rest = tuple(i for i in left if i not in chosen)
                for tail in splits(rest, sizes[1:]):
                    yield chosen + tail
        batches = [np.array(list(splits(tuple(range(pooled.size)), sizes)))]
    else:
        rng = np.random.default_rng(random_state)
        # in batches, as scipy draws them: 9999 orders of a corpus of thousands of reports would take GBs at once
        rows = max(1, _PERMUTATION_BATCH // pooled.size)
        batches = (rng.permuted(np.tile(np.arange(pooled.size), (min(rows, n_resamples - start), 1)), axis=1)
                   for start in range(0, n_resamples, rows))
    observed = float(statistic(*[np.asarray(s, dtype=float) for s in samples], axis=-1))
    hits = total = 0
    for order in batches:
        parts = np.split(pooled[order], np.cumsum(sizes)[:-1], axis=1)
        null = np.asarray(statistic(*parts, axis=-1), dtype=float)
        hits += int(np.count_nonzero(null >= observed - abs(observed) * np.finfo(float).eps * 100))
        total += len(null)
    return hits / total if exact else (hits + 1) / (total + 1)


def _kruskal_h(*samples: np.ndarray, axis: int = -1) -> np.ndarray:
    """H of :func:`scipy.stats.kruskal` along ``axis`` (the statistic of the permutation test)."""
    return stats.kruskal(*samples, axis=axis).statistic


def _u_distance(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
    """|U − n1·n2/2| of :func:`scipy.stats.mannwhitneyu` along ``axis``."""
    u = stats.mannwhitneyu(x, y, axis=axis, method="asymptotic").statistic
    return np.abs(u - x.shape[axis] * y.shape[axis] / 2.0)


def _permutation_kind(samples: Sequence[np.ndarray], n_resamples: int) -> str:
    """'exact' when scipy's permutation test enumerates every reassignment to groups of these sizes, else
    'monte_carlo' (scipy enumerates when there are at most ``n_resamples`` of them)."""
    arrangements, left = 1, sum(len(s) for s in samples)
    for s in samples:  # the multinomial coefficient n! / (n_1! ... n_k!), as a product of binomials
        arrangements *= math.comb(left, len(s))
        left -= len(s)
    return "exact" if arrangements <= n_resamples else "monte_carlo"


def holm(pvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment of p-values for multiple tests.

    Parameters
    ----------
    pvalues : array_like of float, 1-D
        Raw p-values; NaN (or None, pd.NA) entries are ignored (not counted among the tests) and
        stay NaN.

    Returns
    -------
    numpy.ndarray
        Adjusted p-values in the input order: for the i-th smallest of m p-values,
        max over j <= i of min(1, (m − j + 1) · p_(j)) (Holm 1979).

    Raises
    ------
    ValueError
        If ``pvalues`` is not 1-D, or a p-value is not a number in [0, 1].

    Examples
    --------
    >>> from toolkit.compare import holm
    >>> holm([0.01, 0.04, 0.03, 0.005]).round(3).tolist()
    [0.03, 0.06, 0.06, 0.02]
    """
    if isinstance(pvalues, (str, bytes)) or np.ndim(pvalues) != 1:
        raise ValueError(f"pvalues must be a 1-D sequence of p-values, got {pvalues!r}")
    raw = pd.Series(list(pvalues), dtype=object)
    p = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if np.any(np.isnan(p) & raw.notna().to_numpy()):
        raise ValueError(f"pvalues must be numbers, got {raw[np.isnan(p) & raw.notna().to_numpy()].tolist()[:3]}")
    finite = ~np.isnan(p)
    if np.any((p[finite] < 0) | (p[finite] > 1)):
        raise ValueError(f"pvalues must lie in [0, 1], got {p[finite].tolist()}")
    out = np.full(p.shape, np.nan)
    idx = np.flatnonzero(finite)
    m = idx.size
    if m == 0:
        return out
    order = idx[np.argsort(p[idx], kind="stable")]
    scaled = np.minimum(1.0, (m - np.arange(m)) * p[order])
    out[order] = np.maximum.accumulate(scaled)
    return out


def cliffs_delta_magnitude(delta: float) -> str:
    """Label the size of a Cliff's delta (Romano et al. 2006 thresholds).

    Parameters
    ----------
    delta : float
        Cliff's delta, in [−1, 1].

    Returns
    -------
    str
        ``'negligible'`` (|δ| < 0.147), ``'small'`` (< 0.33), ``'medium'`` (< 0.474),
        ``'large'``, or ``''`` for NaN (or None, pd.NA).

    Raises
    ------
    ValueError
        If ``delta`` is not a number in [−1, 1].

    Examples
    --------
    >>> from toolkit.compare import cliffs_delta_magnitude
    >>> cliffs_delta_magnitude(-0.4)
    'medium'
    """
    if delta is None or pd.isna(delta):
        return ""
    if isinstance(delta, (bool, np.bool_)) or not isinstance(delta, Real) or not -1 <= delta <= 1:
        raise ValueError(f"delta must be a Cliff's delta in [-1, 1] (or NaN), got {delta!r}")
    a = abs(float(delta))
    for limit, label in _CLIFF_THRESHOLDS:
        if a < limit:
            return label
    return "large"


def pairwise_mannwhitney(
    df: pd.DataFrame,
    metric: str,
    by: str,
    *,
    correction: str = "holm",
    min_n: int = 3,
    method: str = "auto",
    n_resamples: int = 9999,
    random_state: int = 0,
    n_boot: int = 2000,
    ci: float = 0.95,
    ci_min_n: int = _BOOT_MIN_N,
) -> pd.DataFrame:
    """Mann–Whitney U tests between every pair of groups, with Cliff's delta, its interval, and Holm correction.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report.
    metric : str
        Numeric column to compare; NA values are dropped.
    by : str
        Grouping column; rows whose group is NA are dropped.
    correction : {'holm', 'none'}, default 'holm'
        Adjustment of the p-values over the pairs tested (:func:`holm`).
    min_n : int, default 3
        A pair involving a group with fewer non-missing values is listed with NA statistics and
        a note, and is not counted in the correction.
    method : {'auto', 'exact', 'asymptotic', 'permutation'}, default 'auto'
        How :func:`scipy.stats.mannwhitneyu` computes the p-value.  ``'exact'`` and
        ``'asymptotic'`` are SciPy's; ``'permutation'`` takes it from the distribution of |U − n1·n2/2|
        over the reassignments of the values to the two groups (:func:`scipy.stats.permutation_test`:
        exact when there are at most ``n_resamples`` of them, else Monte Carlo, seeded, in sorted order), which
        unlike SciPy's exact distribution allows for ties.  ``'auto'``: when a group has 8 values
        or fewer, ``'exact'`` without ties and ``'permutation'`` with ties (SciPy's own ``'auto'``
        falls back on the normal approximation there), else ``'asymptotic'``: so a pair gets the
        p-value :func:`kruskal` gives the two groups, ties or not.
    n_resamples : int, default 9999
        Largest number of reassignments enumerated exactly by ``'permutation'``, and the number
        drawn otherwise.
    random_state : int, default 0
        Seed (>= 0) of the Monte Carlo draws and of the bootstrap of Cliff's delta (drawn anew
        for each pair).
    n_boot, ci, ci_min_n : int, float, int, default 2000, 0.95, 10
        The interval of Cliff's delta, as that of ε² in :func:`kruskal` (see its Notes): where
        both groups have ``ci_min_n`` units or more.

    Returns
    -------
    pandas.DataFrame
        One row per pair of groups (in sorted group order): ``group1``, ``group2``, ``n1``,
        ``n2`` (values tested), ``n_missing`` (rows of the two groups left out, their metric
        missing), ``U`` (statistic of :func:`scipy.stats.mannwhitneyu` for group1, two-sided),
        ``p``, ``p_adj``, ``method`` (how ``p`` was computed: ``'exact'``, ``'monte_carlo'`` or
        ``'asymptotic'``), ``cliffs_delta`` (P(x1 > x2) − P(x1 < x2) = 2U/(n1·n2) − 1),
        ``cliffs_delta_low`` and ``cliffs_delta_high`` (its percentile bootstrap interval; NA with
        a note where a group has fewer than ``ci_min_n`` units), ``ci_unit`` (``'report'`` or
        ``'agency'``: the unit resampled), ``magnitude`` (of ``cliffs_delta``: an interval that
        spans several magnitudes leaves the size undecided) and ``note``.  A pair whose values are all equal is not tested, as in
        :func:`kruskal`: its statistics are NA and ``note`` says so; ``note`` names the agencies
        with reports in both groups, as :func:`kruskal` does.  Where ``by`` has fewer than two
        groups the frame is empty and a ``UserWarning`` says so.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or a column name is not a str.
    ValueError
        If a column is missing, ``metric`` holds text that is no number or an infinite value, ``df`` holds a
        ``report_id`` in several rows, or ``correction``, ``method``, ``min_n``, ``n_boot``, ``ci`` or
        ``ci_min_n`` is invalid.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.compare import pairwise_mannwhitney
    >>> df = pd.DataFrame({"g": list("aaabbb"), "x": [1, 2, 3, 4, 5, 6]})
    >>> res = pairwise_mannwhitney(df, "x", "g")
    >>> res["U"].tolist(), res["cliffs_delta"].tolist(), res["magnitude"].tolist()
    ([0.0], [-1.0], ['large'])
    """
    _require_frame(df, "df", ())
    _check_column(df, metric, "metric")
    _check_one_row_per_report(df)
    _check_column(df, by, "by")
    if correction not in _CORRECTIONS:
        raise ValueError(f"correction must be one of {list(_CORRECTIONS)}, got {correction!r}")
    if method not in _MWU_METHODS:
        raise ValueError(f"method must be one of {list(_MWU_METHODS)}, got {method!r}")
    min_n = _check_min_n(min_n)
    n_resamples = _check_positive_int(n_resamples, "n_resamples")
    random_state = _check_seed(random_state)
    n_boot, ci, ci_min_n = _check_boot(n_boot, ci, ci_min_n)
    groups = _groups(df, metric, by)
    missing = _missing(df, metric, by)
    _warn_agency_scripts("pairwise_mannwhitney", df, by)
    agencies = _agencies(df, metric, by)
    if len(groups) < 2:
        _warn_no_pair("pairwise_mannwhitney", by, list(groups))
    rows = []
    for g1, g2 in itertools.combinations(groups, 2):
        x, y = groups[g1], groups[g2]
        row: dict[str, Any] = dict(group1=g1, group2=g2, n1=len(x), n2=len(y),
                                   n_missing=missing[g1] + missing[g2], U=np.nan, p=np.nan,
                                   p_adj=np.nan, method="", cliffs_delta=np.nan, cliffs_delta_low=np.nan,
                                   cliffs_delta_high=np.nan, ci_unit="", magnitude="", note="")
        if min(len(x), len(y)) < min_n:
            row["note"] = f"n < {min_n}: no test"
        elif _all_equal(x, y):
            # U would be n1·n2/2 with p = 1 and a 'negligible' effect: nothing was compared
            row["note"] = _ALL_EQUAL
        else:
            how = method
            if method == "auto":
                ties = np.unique(np.concatenate([x, y])).size < len(x) + len(y)
                how = ("permutation" if ties else "exact") if min(len(x), len(y)) <= _SMALL_GROUP else "asymptotic"
            res = stats.mannwhitneyu(x, y, alternative="two-sided",
                                     method="asymptotic" if how == "permutation" else how)
            pvalue = float(res.pvalue)
            if how == "permutation":
                # two-sided as the distance of U from its mean n1·n2/2, the order of H for two groups; doubling
                # the smaller tail (PermutationMethod) would differ from kruskal's p when ties skew the distribution
                pvalue, how = _permutation_p((x, y), _u_distance, n_resamples, random_state)
            delta = 2.0 * float(res.statistic) / (len(x) * len(y)) - 1.0
            low, high, unit, why = _effect_ci(_cliffs_delta, *_ranked_rows(df, metric, by, [g1, g2]), 2,
                                              n_boot=n_boot, ci=ci, min_n=ci_min_n, random_state=random_state)
            row.update(U=float(res.statistic), p=pvalue, method=how, cliffs_delta=delta, cliffs_delta_low=low,
                       cliffs_delta_high=high, ci_unit=unit, magnitude=cliffs_delta_magnitude(delta),
                       note=_join_notes(_shared_agencies(agencies, [g1, g2]), why))
        rows.append(row)
    cols = ["group1", "group2", "n1", "n2", "n_missing", "U", "p", "p_adj", "method", "cliffs_delta",
            "cliffs_delta_low", "cliffs_delta_high", "ci_unit", "magnitude", "note"]
    return _adjusted(pd.DataFrame(rows, columns=cols), correction)


def paired_wilcoxon(
    df: pd.DataFrame,
    metric: str,
    by: str,
    *,
    correction: str = "holm",
    min_n: int = 5,
    n_resamples: int = 9999,
    random_state: int = 0,
    n_boot: int = 2000,
    ci: float = 0.95,
    ci_min_n: int = _BOOT_MIN_N,
) -> pd.DataFrame:
    """Wilcoxon signed-rank tests between every pair of groups over the agencies in both, with the rank-biserial
    correlation and its interval.

    The test of an agency's years: where :func:`kruskal` and :func:`pairwise_mannwhitney` note
    that an agency has reports in two of the groups (a panel compared by year), its two reports
    are a pair, and this test compares each agency with itself.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report, with an ``agency`` column (and ``province`` and ``level``, where it has
        them, which tell two agencies of one name apart, as in :func:`kruskal`'s note).
    metric : str
        Numeric column to compare; NA values are dropped.
    by : str
        Grouping column (e.g. ``report_year``); rows whose group is NA are dropped.
    correction : {'holm', 'none'}, default 'holm'
        Adjustment of the p-values over the pairs of groups tested (:func:`holm`).
    min_n : int, default 5
        A pair of groups with fewer agencies whose two values differ is not tested (with 4 of them
        no two-sided p-value falls below 0.125).
    n_resamples : int, default 9999
        Sign flips enumerated, or drawn, where differences are tied (see ``method``).
    random_state : int, default 0
        Seed (>= 0) of those draws and of the bootstrap.
    n_boot, ci, ci_min_n : int, float, int, default 2000, 0.95, 10
        The interval of the rank-biserial correlation: a percentile bootstrap interval over the
        agencies whose values differ, given from ``ci_min_n`` of them.

    Returns
    -------
    pandas.DataFrame
        One row per pair of groups (in sorted group order): ``group1``, ``group2``, ``n_pairs``
        (agencies with one value in each), ``n_zero`` (of them, those whose two values are equal:
        left out of the test, as :func:`scipy.stats.wilcoxon` leaves them), ``n_unpaired`` (values of
        the two groups without a partner, including those of an agency with several values in one
        group, which pair with none, and those whose ``agency`` is missing, which ``note`` counts),
        ``W`` (of :func:`scipy.stats.wilcoxon`: the smaller of the two rank sums), ``p``, ``p_adj``,
        ``method`` (``'exact'`` without tied differences and with 50 pairs or fewer, ``'permutation'``
        (every sign flip, or ``n_resamples`` of them) with ties there, else ``'asymptotic'``),
        ``rank_biserial`` ((R₊ − R₋) / (R₊ + R₋), Kerby 2014, positive where group1's values are the
        larger), ``rank_biserial_low``, ``rank_biserial_high``, ``ci_unit`` (``'agency'``) and ``note``.
        Where ``by`` has fewer than two groups the frame is empty and a ``UserWarning`` says so.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or a column name is not a str.
    ValueError
        If a column (``agency`` among them) is missing, ``metric`` holds text that is no number or
        an infinite value, ``df`` holds a ``report_id`` in several rows, or an option is invalid.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.compare import paired_wilcoxon
    >>> df = pd.DataFrame({"agency": list("abcdef") * 2, "year": [2020] * 6 + [2021] * 6,
    ...                    "rate": [.2, .3, .4, .5, .6, .7, .31, .52, .43, .84, .95, .76]})
    >>> res = paired_wilcoxon(df, "rate", "year")
    >>> res[["n_pairs", "W", "p", "method", "rank_biserial"]].values.tolist()
    [[6, 0.0, 0.03125, 'exact', -1.0]]
    """
    _require_frame(df, "df", ())
    _check_column(df, metric, "metric")
    _check_one_row_per_report(df)
    _check_column(df, by, "by")
    _check_column(df, "agency", "the agency column")
    if correction not in _CORRECTIONS:
        raise ValueError(f"correction must be one of {list(_CORRECTIONS)}, got {correction!r}")
    min_n = _check_min_n(min_n)
    n_resamples = _check_positive_int(n_resamples, "n_resamples")
    random_state = _check_seed(random_state)
    n_boot, ci, ci_min_n = _check_boot(n_boot, ci, ci_min_n)
    x = _numeric(df, metric).to_numpy()
    _warn_agency_scripts("paired_wilcoxon", df, by)  # (an agency's two years unpaired)
    keys, named = _agency_array(df, by)
    has = ~np.isnan(x) & named
    labels = _sorted_groups(df[by])
    if len(labels) < 2:
        _warn_no_pair("paired_wilcoxon", by, labels)
    rows = []
    for g1, g2 in itertools.combinations(labels, 2):
        values = []
        nameless = 0  # values of no known agency pair with none: unpaired, not dropped silently
        for g in (g1, g2):
            mask = has & _is_group(df[by], g)
            s = pd.Series(x[mask], index=pd.Index(list(keys[mask]) + [None], dtype=object)[:-1])
            values.append(s)
            nameless += int((~np.isnan(x) & ~named & _is_group(df[by], g)).sum())
        twice = sorted({str(k[0]) for s in values for k in s.index[s.index.duplicated()]})
        a, b = (s[~s.index.duplicated(keep=False)] for s in values)
        common = sorted(set(a.index) & set(b.index), key=_text_order)  # the agencies' order, not the rows'
        d = a.reindex(common).to_numpy() - b.reindex(common).to_numpy()
        nonzero = d[d != 0]
        row: dict[str, Any] = dict(group1=g1, group2=g2, n_pairs=len(common), n_zero=int((d == 0).sum()),
                                   n_unpaired=int(sum(len(s) for s in values)) - 2 * len(common) + nameless,
                                   W=np.nan, p=np.nan,
                                   p_adj=np.nan, method="", rank_biserial=np.nan, rank_biserial_low=np.nan,
                                   rank_biserial_high=np.nan, ci_unit="", note="")
        why = _join_notes(_some_agencies(twice, "several values in one group") + ": unpaired" if twice else "",
                          f"{nameless} value{'s' if nameless > 1 else ''} of no known agency: unpaired"
                          if nameless else "")
        if nonzero.size < min_n:
            row["note"] = _join_notes(f"fewer than {min_n} pairs whose values differ: no test", why)
            rows.append(row)
            continue
        tied = np.unique(np.abs(nonzero)).size < nonzero.size
        how = "asymptotic" if nonzero.size > 50 else ("permutation" if tied else "exact")
        res = stats.wilcoxon(nonzero, method=how if how != "permutation" else stats.PermutationMethod(
            n_resamples=n_resamples, rng=np.random.default_rng(random_state)))
        # the differences by size then sign (not by row), their pairs resampled together as one group
        order = np.lexsort((nonzero > 0, np.abs(nonzero)))
        size, positive = np.abs(nonzero)[order], (nonzero[order] > 0).astype(int)

        def statistic(v: np.ndarray, _g: np.ndarray, _k: int, w: np.ndarray) -> np.ndarray:
            return _rank_biserial(v, positive, w)
        row.update(W=float(res.statistic), p=float(res.pvalue), method=how,
                   rank_biserial=float(statistic(size, positive, 1, np.ones((1, size.size)))[0]), note=why)
        if size.size < ci_min_n:
            row["note"] = _join_notes(why, f"fewer than {ci_min_n} pairs whose values differ: no interval")
        else:
            low, high, _, _ = _effect_ci(statistic, size, np.zeros(size.size, dtype=int), [None] * size.size, 1,
                                         n_boot=n_boot, ci=ci, min_n=1, random_state=random_state)
            row.update(rank_biserial_low=low, rank_biserial_high=high, ci_unit="agency")
        rows.append(row)
    cols = ["group1", "group2", "n_pairs", "n_zero", "n_unpaired", "W", "p", "p_adj", "method", "rank_biserial",
            "rank_biserial_low", "rank_biserial_high", "ci_unit", "note"]
    return _adjusted(pd.DataFrame(rows, columns=cols), correction)


def _adjusted(out: pd.DataFrame, correction: str) -> pd.DataFrame:
    """The pairwise tests' ``out`` with ``p_adj``: Holm's adjustment of ``p`` over its rows, or ``p`` itself."""
    if len(out):
        out["p_adj"] = holm(out["p"].to_numpy()) if correction == "holm" else out["p"]
    return out


def _rank_biserial(magnitude: np.ndarray, positive: np.ndarray, w: np.ndarray) -> np.ndarray:
    """(R₊ − R₋) / (R₊ + R₋) of the differences of sizes ``magnitude`` (sorted) and signs ``positive`` (1 where
    positive) in each weighted resample, the ranks those of :func:`scipy.stats.wilcoxon` (of the sizes, ties at
    their mean)."""
    r, _, n, _ = _weighted_ranks(magnitude, positive, 2, w)
    return (r[:, 1] - r[:, 0]) / (n * (n + 1.0) / 2.0)


# ----------------------------------------------------------------------------------------------
# bootstrap intervals of the effect sizes


def _check_boot(n_boot: Any, ci: Any, ci_min_n: Any) -> tuple[int, float, int]:
    """The settings of an effect size's bootstrap interval, checked (the tests' shared keywords)."""
    return _check_n_boot(n_boot), _check_ci(ci), _check_min_n(ci_min_n, "ci_min_n")


def _check_n_boot(n_boot: Any) -> int:
    """The number of bootstrap resamples: two at least, as one resample is no spread (its 'interval' is that one
    resample's estimate, away from the estimate, and scipy's standard error of it warns)."""
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 2:
        raise ValueError(f"n_boot must be an integer >= 2 (an interval needs resamples to spread), got {n_boot!r}")
    return int(n_boot)


def _check_ci(ci: Any) -> float:
    if not isinstance(ci, float) or not 0 < ci < 1:
        raise ValueError(f"ci must be a float in (0, 1), got {ci!r}")
    return ci


def _ranked_rows(df: pd.DataFrame, metric: str, by: str,
                 tested: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, list[tuple[Any, ...] | None]]:
    """The rows of ``df`` with a value in the groups ``tested``, sorted by value then group (so that the row order
    of ``df`` does not matter): their values, their groups' positions in ``tested`` and their agencies."""
    x = _numeric(df, metric).to_numpy()
    code = np.full(len(df), -1)
    for i, g in enumerate(tested):
        code[_is_group(df[by], g)] = i
    keep = np.flatnonzero((code >= 0) & ~np.isnan(x))
    keep = keep[np.lexsort((code[keep], x[keep]))]
    keys = _agency_keys(df, by)
    return x[keep], code[keep], [keys[i] for i in keep]


def _effect_units(groups: np.ndarray, keys: Sequence[tuple[Any, ...] | None],
                  data: np.ndarray) -> tuple[np.ndarray | None, str]:
    """The units an effect size's bootstrap resamples, for rows of the groups coded ``groups`` (0 … k−1) whose
    agencies (:func:`_agency_keys`) are ``keys`` and whose values (or count rows) are ``data``: ``(None, 'report')``
    where no agency has rows in two groups (the groups are independent samples of reports, resampled each on its
    own), else ``(codes, 'agency')``, an agency's code on each row (a row of no known agency its own unit), agencies
    resampled with all their reports, the pairs kept."""
    seen: dict[tuple[Any, ...], int] = {}
    paired = False
    for g, k in zip(groups, keys):
        if k is not None:
            paired |= seen.setdefault(k, g) != g
    if not paired:
        return None, "report"
    # codes in the order of the agencies' rows (their groups and values), not of the rows nor of the agencies' names:
    # the same reports in another order, or their agencies renamed (anonymized), draw alike (two agencies of the
    # same rows, whichever comes first, are interchangeable)
    rows: dict[tuple[Any, ...], list[tuple[float, ...]]] = {}
    for g, k, v in zip(groups, keys, data.reshape(len(groups), -1).tolist()):
        if k is not None:
            rows.setdefault(k, []).append((float(g), *v))
    named = sorted(rows, key=lambda k: sorted(rows[k]))
    code = {k: i for i, k in enumerate(named)}
    lone = itertools.count(len(named))
    return np.array([code[k] if k is not None else next(lone) for k in keys]), "agency"


def _units_per_group(groups: np.ndarray, units: np.ndarray | None, k: int) -> np.ndarray:
    """Units (rows, or agencies) of each of the k groups."""
    if units is None:
        return np.bincount(groups, minlength=k)
    return np.array([np.unique(units[groups == g]).size for g in range(k)])


def _boot_weights(groups: np.ndarray, units: np.ndarray | None, k: int, n_boot: int,
                  rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Batches of bootstrap weights, ``(resamples, rows)``: how many times each row is drawn.  Without ``units``
    each group's rows are drawn from that group (n_g of them with replacement), with ``units`` the units are drawn
    from all of them (as many as there are) and a unit's rows come with it."""
    n = len(groups)
    rows = max(1, _PERMUTATION_BATCH // max(n, 1))
    members = [np.flatnonzero(groups == g) for g in range(k)]
    n_units = 0 if units is None else int(units.max()) + 1
    for start in range(0, n_boot, rows):
        b = min(rows, n_boot - start)
        if units is not None:
            yield _draw_counts(rng, n_units, b)[:, units]
            continue
        w = np.zeros((b, n))
        for idx in members:
            w[:, idx] = _draw_counts(rng, idx.size, b)
        yield w


def _draw_counts(rng: np.random.Generator, m: int, b: int) -> np.ndarray:
    """``(b, m)``: how many times each of m units is drawn in b resamples of m draws with replacement (as
    rng.multinomial, whose draws unit by unit are many times slower)."""
    picks = rng.integers(0, m, size=(b, m)) + np.arange(b)[:, None] * m
    return np.bincount(picks.ravel(), minlength=b * m).reshape(b, m).astype(float)


def _weighted_ranks(x: np.ndarray, groups: np.ndarray, k: int, w: np.ndarray) -> tuple[np.ndarray, ...]:
    """Rank sums of the k groups of the sample that holds each value of ``x`` (sorted) ``w`` times, per row of
    ``w``: ``(R, n_g, N, ties)``, ``ties`` the Σ (t³ − t) of the tie correction.  Each value's midrank among the
    weighted sample is what :func:`scipy.stats.rankdata` gives the sample written out."""
    starts = np.flatnonzero(np.r_[True, x[1:] != x[:-1]])
    t = np.add.reduceat(w, starts, axis=1)                     # copies of each distinct value
    mid = np.cumsum(t, axis=1) - t + (t + 1.0) / 2.0           # its midrank
    ranks = mid[:, np.repeat(np.arange(starts.size), np.diff(np.r_[starts, x.size]))]
    onehot = np.eye(k)[groups]
    return (w * ranks) @ onehot, w @ onehot, w.sum(axis=1), (t ** 3 - t).sum(axis=1)


def _epsilon2(x: np.ndarray, groups: np.ndarray, k: int, w: np.ndarray) -> np.ndarray:
    """ε² = H / (N − 1) of each weighted resample (H of :func:`scipy.stats.kruskal`, tie-corrected); 0 where all
    its values are equal (no group differs), NaN where a group was not drawn."""
    r, n_g, n, ties = _weighted_ranks(x, groups, k, w)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = 12.0 / (n * (n + 1.0)) * (r ** 2 / n_g).sum(axis=1) - 3.0 * (n + 1.0)
        c = 1.0 - ties / (n ** 3 - n)
        out = np.where(c > 0, h / np.where(c > 0, c, 1.0), 0.0) / (n - 1.0)
    return np.where((n_g > 0).all(axis=1), out, np.nan)


def _cliffs_delta(x: np.ndarray, groups: np.ndarray, k: int, w: np.ndarray) -> np.ndarray:
    """Cliff's δ = 2·U₁ / (n₁·n₂) − 1 of group 0 against group 1 in each weighted resample (NaN where a group was
    not drawn)."""
    r, n_g, _, _ = _weighted_ranks(x, groups, k, w)
    with np.errstate(divide="ignore", invalid="ignore"):
        u = r[:, 0] - n_g[:, 0] * (n_g[:, 0] + 1.0) / 2.0
        return np.where((n_g > 0).all(axis=1), 2.0 * u / (n_g[:, 0] * n_g[:, 1]) - 1.0, np.nan)


def _cramers_v(counts: np.ndarray, groups: np.ndarray, k: int, w: np.ndarray) -> np.ndarray:
    """Cramér's V (of :func:`scipy.stats.contingency.association`) of the groups × categories table pooled from
    the rows of ``counts`` (reports × categories) drawn ``w`` times; a group or category the resample lacks is
    left out of its table, as :func:`chi2_composition` leaves out those of the data; NaN under two of either."""
    table = np.stack([w[:, groups == g] @ counts[groups == g] for g in range(k)], axis=1)  # resamples × k × c
    rows, cols = table.sum(axis=2), table.sum(axis=1)
    n = rows.sum(axis=1)
    expected = rows[:, :, None] * cols[:, None, :] / n[:, None, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = np.where(expected > 0, (table - expected) ** 2 / np.where(expected > 0, expected, 1.0), 0.0)
        dim = np.minimum((rows > 0).sum(axis=1), (cols > 0).sum(axis=1)) - 1.0
        return np.where(dim > 0, np.sqrt(chi2.sum(axis=(1, 2)) / n / dim), np.nan)


def _effect_ci(statistic: Any, data: np.ndarray, groups: np.ndarray, keys: Sequence[tuple[Any, ...] | None],
               k: int, *, n_boot: int, ci: float, min_n: int, random_state: int) -> tuple[float, float, str, str]:
    """The percentile bootstrap interval of an effect size, ``(low, high, unit, note)``: ``statistic`` of weighted
    resamples of ``data`` (values sorted, or reports' count rows) in the groups coded ``groups``, the units of
    :func:`_effect_units` drawn with a generator seeded with ``random_state``; NA bounds, no unit and the reason in
    ``note`` where a group has fewer than ``min_n`` units."""
    units, unit = _effect_units(groups, keys, data)
    fewest = int(_units_per_group(groups, units, k).min())
    if fewest < min_n:
        return np.nan, np.nan, "", f"fewer than {min_n} {_UNITS[unit]} in a group: no interval"
    rng = np.random.default_rng(random_state)
    draws = np.concatenate([statistic(data, groups, k, w) for w in _boot_weights(groups, units, k, n_boot, rng)])
    low, high = np.nanquantile(draws, [(1.0 - ci) / 2.0, (1.0 + ci) / 2.0])
    return float(low), float(high), unit, ""


# ----------------------------------------------------------------------------------------------
# outcome composition


@dataclass(frozen=True)
class CompositionResult:
    """Outcome composition pooled by group, and its chi-square test of independence.

    Attributes
    ----------
    counts : pandas.DataFrame
        Groups (rows, sorted) × outcome categories (columns, table order): pooled numbers of
        handled requests; column ``n_reports`` gives the reports pooled in each group.
    shares : pandas.DataFrame
        The same rows, each category divided by the group's total.
    test : pandas.DataFrame
        One row: ``by``, ``k`` (groups tested), ``categories``, ``n`` (requests), ``chi2``,
        ``dof``, ``yates`` (whether Yates' correction was applied to ``chi2`` and ``p``), ``p``,
        ``method`` (how ``p`` was computed: ``'asymptotic'`` or ``'monte_carlo'``), ``cramers_v``
        (from the uncorrected χ²), ``cramers_v_low`` and ``cramers_v_high`` (its bootstrap interval
        over the reports, see :func:`chi2_composition`), ``ci_unit``, ``min_expected``, ``n_expected_lt5``, ``share_expected_lt5``,
        ``note``.
    excluded : pandas.DataFrame
        Reports left out, with ``report_id`` and ``reason``.
    labels : dict
        Outcome key -> Chinese label.
    """

    counts: pd.DataFrame
    shares: pd.DataFrame
    test: pd.DataFrame
    excluded: pd.DataFrame
    labels: dict

    def __repr__(self) -> str:
        t = self.test.iloc[0]
        return (f"<CompositionResult by={t['by']} k={t['k']} n={t['n']} "
                f"chi2={t['chi2']:.4g} p={t['p']:.4g} excluded={len(self.excluded)}>")


def chi2_composition(
    tables: pd.DataFrame,
    by: str,
    *,
    reports: pd.DataFrame,
    flags: pd.DataFrame | None = None,
    blank_as_zero: bool = False,
    min_expected: float = 5.0,
    correction: bool = True,
    method: str = "auto",
    n_resamples: int = 9999,
    random_state: int = 0,
    n_boot: int = 2000,
    ci: float = 0.95,
    ci_min_n: int = _BOOT_MIN_N,
) -> CompositionResult:
    """Chi-square test of whether the outcome composition of handled requests differs by group.

    Requests of all reports of a group are pooled into one row of a contingency table (groups ×
    outcome categories: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理), tested with
    :func:`scipy.stats.chi2_contingency` (Yates' continuity correction when dof = 1, unless
    ``correction=False``), with Cramér's V from :func:`scipy.stats.contingency.association`.  V is
    always computed from the *uncorrected* χ² (its definition, and what SPSS and R report), so with
    dof = 1 and the correction it is not √(chi2 / n): the ``yates`` column says when that is so.  Where the
    expected counts are too small for the chi-square approximation (Cochran's rule), the p-value is
    taken from random tables with the same margins instead (``method``), as R's ``chisq.test(...,
    simulate.p.value=TRUE)`` does.  Requests of one agency are not independent of each other, so treat
    the p-value as descriptive and compare with the per-report rank tests.

    Parameters
    ----------
    tables : pandas.DataFrame
        Long table of extracted cells (``tables.csv`` schema).
    by : str
        Grouping column of ``reports``.
    reports : pandas.DataFrame
        Frame with ``report_id`` and ``by`` (``reports.csv``, or a metrics frame).
    flags : pandas.DataFrame, optional
        Flags (``flags.csv`` schema); required with ``blank_as_zero=True``.
    blank_as_zero : bool, default False
        Count blank cells as 0 (see :func:`toolkit.metrics.report_metrics`).
    min_expected : float, default 5.0
        Expected counts below this are counted in ``n_expected_lt5`` / ``share_expected_lt5``;
        when more than 20 % of the cells are (Cochran's rule) or any cell is below 1, the note
        says so and ``method='auto'`` takes the Monte Carlo p-value.
    correction : bool, default True
        Apply Yates' continuity correction to ``chi2`` and ``p`` when dof = 1 and the p-value is
        asymptotic (scipy's default); a Monte Carlo p-value needs no correction.
    method : {'auto', 'monte_carlo', 'asymptotic'}, default 'auto'
        How ``p`` is computed.  ``'asymptotic'``: the chi-square distribution
        (:func:`scipy.stats.chi2_contingency`).  ``'monte_carlo'``: the share of ``n_resamples``
        random tables with the observed margins (:class:`scipy.stats.MonteCarloMethod`, seeded)
        whose uncorrected χ² reaches the observed one, counting the observed table:
        (count + 1) / (n_resamples + 1).  ``'auto'``: Monte Carlo where Cochran's rule fails,
        else asymptotic.
    n_resamples : int, default 9999
        Random tables drawn by the Monte Carlo p-value.
    random_state : int, default 0
        Seed (>= 0) of those draws and of the bootstrap of Cramér's V.
    n_boot, ci, ci_min_n : int, float, int, default 2000, 0.95, 10
        The interval of Cramér's V (``cramers_v_low``, ``cramers_v_high``), as that of ε² in
        :func:`kruskal` (see its Notes): a percentile bootstrap interval that resamples the
        *reports* of each group, each with all its requests (requests of one report are not
        independent draws), or the agencies where one has reports in two groups (``ci_unit``),
        given where every group tested has ``ci_min_n`` of them or more.

    Returns
    -------
    CompositionResult
        ``counts``, ``shares``, ``test`` and ``excluded`` (every report of ``reports`` left
        out, sorted by id, with the reason: no requests table (e.g. failed), a missing or
        negative outcome count, no handled request, or no group).  Categories no group uses and groups with no request are
        dropped from the test; with fewer than two of either the statistics are NA and the note
        says so.

    Raises
    ------
    TypeError
        If an argument is not a DataFrame or ``by`` is not a str.
    ValueError
        If a column is missing, a cell has no ``table``, ``row_key`` or ``col_key``,
        ``tables['value']`` holds text that is no number, ``reports`` shares no report id with
        ``tables`` (ids of another type: 2020 and '2020') or holds one report_id in rows that differ,
        or ``min_expected``, ``method``, ``n_resamples``, ``random_state``, ``n_boot``, ``ci`` or
        ``ci_min_n`` is invalid.

    Examples
    --------
    >>> from toolkit.compare import chi2_composition  # doctest: +SKIP
    >>> chi2_composition(tables, "template", reports=reports).test  # doctest: +SKIP
    """
    _require_frame(tables, "tables", ())
    _require_frame(reports, "reports", ("report_id",))
    _check_column(reports, by, "by", "reports")
    if isinstance(min_expected, bool) or not isinstance(min_expected, Real) or not min_expected > 0 \
            or not np.isfinite(min_expected):
        raise ValueError(f"min_expected must be a positive number, got {min_expected!r}")
    if not isinstance(correction, (bool, np.bool_)):
        raise TypeError(f"correction must be True or False, got {correction!r}")
    if method not in _CHI2_METHODS:
        raise ValueError(f"method must be one of {list(_CHI2_METHODS)}, got {method!r}")
    n_resamples = _check_positive_int(n_resamples, "n_resamples")
    random_state = _check_seed(random_state)
    n_boot, ci, ci_min_n = _check_boot(n_boot, ci, ci_min_n)
    labels = _outcome_labels()
    cats = list(labels)
    _require_frame(tables, "tables", _TABLES_REQUIRED)
    _check_blank_args(tables, blank_as_zero, flags)
    _check_same_ids(tables, reports)
    ids = _report_ids(tables, None)
    cells = _Cells(tables, blank_as_zero=bool(blank_as_zero), report_ids=ids, flags=flags)
    comp = _outcomes(cells, ids)
    # a category is a sum of cells: -1 + 3 不予公开 cells add up to 2, but a negative count means the table is
    # wrong there (flagged negative_value), as report_metrics makes the rates built on it NA
    negative = _outcomes(cells, ids, negative_na=True)[cats].isna().to_numpy() & comp[cats].notna().to_numpy()
    _warn_agency_scripts("chi2_composition", reports, by)
    groups = _group_of(reports, by)
    comp["group"] = _lookup(groups, comp["report_id"]).array
    # the table the outcome categories are cells of is named in metrics.yaml, as the categories are
    outcome_tables = _outcome_tables()
    no_table = f"no {' or '.join(outcome_tables)} table"
    has_table = comp["report_id"].isin(set(tables.loc[tables["table"].astype(object).isin(outcome_tables),
                                                      "report_id"]))
    reasons = np.where(
        comp["group"].isna(), "no group",
        np.where(~has_table.to_numpy(), no_table,  # a legacy report, say
        np.where(comp[cats].isna().any(axis=1), "missing outcome category",
                 np.where(negative.any(axis=1), "negative outcome count",
                          np.where(comp[cats].sum(axis=1) <= 0, "no handled request", "")))),
    )
    excluded = pd.DataFrame({"report_id": comp["report_id"], "reason": reasons})
    # Reports with no outcome row at all (failed, or without a requests table) are left out too.
    absent = pd.Index(reports["report_id"].drop_duplicates()).difference(pd.Index(comp["report_id"]), sort=False)
    excluded = pd.concat([excluded[excluded["reason"] != ""],
                          pd.DataFrame({"report_id": absent, "reason": no_table})])
    excluded = excluded.sort_values("report_id", kind="stable", key=_id_key).reset_index(drop=True)
    used = comp[reasons == ""]
    order = _sorted_groups(used["group"], by)
    counts = used.groupby("group")[cats].sum().reindex(order)
    counts.insert(len(cats), "n_reports", used.groupby("group").size().reindex(order).astype(int))
    counts.index.name = by
    totals = counts[cats].sum(axis=1)
    shares = counts[cats].div(totals.where(totals > 0), axis=0)

    obs = counts[cats]
    obs = obs.loc[:, obs.sum(axis=0) > 0]
    row: dict[str, Any] = dict(by=by, k=obs.shape[0], categories=";".join(obs.columns),
                               n=int(obs.to_numpy().sum()), chi2=np.nan, dof=np.nan, yates=pd.NA, p=np.nan,
                               method="", cramers_v=np.nan, cramers_v_low=np.nan, cramers_v_high=np.nan,
                               ci_unit="", min_expected=np.nan, n_expected_lt5=np.nan,
                               share_expected_lt5=np.nan, note="")
    if obs.shape[0] < 2 or obs.shape[1] < 2:
        row["note"] = (f"fewer than 2 groups or categories with requests "
                       f"({obs.shape[0]} groups, {obs.shape[1]} categories): no test")
    else:
        values = obs.to_numpy(dtype=float)
        if not np.allclose(values, np.rint(values)):
            raise ValueError(f"outcome counts must be whole numbers, got {values[values != np.rint(values)][:5]}")
        table = np.rint(values).astype(np.int64)
        expected = contingency.expected_freq(table)
        small = int((expected < min_expected).sum())
        unreliable = small / expected.size > 0.2 or expected.min() < 1
        how = method if method != "auto" else ("monte_carlo" if unreliable else "asymptotic")
        dof = (table.shape[0] - 1) * (table.shape[1] - 1)  # scipy gives none with a Monte Carlo p
        if how == "monte_carlo":
            # random tables of these margins (scipy.stats.random_table), uncorrected: Yates' correction is for the
            # chi-square approximation
            res = stats.chi2_contingency(table, correction=False, method=stats.MonteCarloMethod(
                n_resamples=n_resamples, rng=np.random.default_rng(random_state)))
        else:
            res = stats.chi2_contingency(table, correction=bool(correction))
        row.update(chi2=float(res.statistic), dof=dof, yates=bool(how == "asymptotic" and correction and dof == 1),
                   p=float(res.pvalue),
                   method=how, cramers_v=float(contingency.association(table, method="cramer")),
                   min_expected=float(expected.min()), n_expected_lt5=small,
                   share_expected_lt5=small / expected.size)
        if unreliable:
            row["note"] = (f"{small} of {expected.size} expected counts below {min_expected:g} "
                           f"(minimum {expected.min():.3g}): the chi-square approximation is unreliable"
                           + (f"; p from {n_resamples} random tables of these margins" if how == "monte_carlo"
                              else ""))
        # resample the reports (or agencies), each with all its requests: the groups' rows in the order of their
        # counts, not of their ids (as kruskal's values are sorted), so that renamed reports get the same interval
        first = reports.drop_duplicates("report_id")
        agency = dict(zip(first["report_id"], _agency_keys(first, by)))
        code = {g: i for i, g in enumerate(obs.index)}
        data = used[list(obs.columns)].to_numpy(dtype=float)
        group = used["group"].map(code).to_numpy(dtype=int)
        order = np.lexsort((*data.T[::-1], group))
        low, high, unit, why = _effect_ci(
            _cramers_v, data[order], group[order], [agency.get(r) for r in used["report_id"].to_numpy()[order]],
            len(code), n_boot=n_boot, ci=ci, min_n=ci_min_n, random_state=random_state)
        row.update(cramers_v_low=low, cramers_v_high=high, ci_unit=unit, note=_join_notes(row["note"], why))
    return CompositionResult(counts=counts, shares=shares, test=pd.DataFrame([row]),
                             excluded=excluded, labels=labels)


# ----------------------------------------------------------------------------------------------
# bootstrap


def bootstrap_ci(
    df: pd.DataFrame,
    metric: str,
    by: str | None = None,
    *,
    estimator: str = "mean",
    numerator: str | None = None,
    denominator: str | None = None,
    n_boot: int = 2000,
    random_state: int = 0,
    ci: float = 0.95,
    method: str = "expanded",
    min_n: int = _BOOT_MIN_N,
    cluster: str | None = None,
    same: Sequence[str] = _SAME_AGENCY,
) -> pd.DataFrame:
    """Bootstrap confidence intervals for a rate, per group, resampling reports (or agencies).

    Two estimators are offered, because they answer different questions:

    * ``'mean'`` — the mean of the reports' rates: each *report* counts once, whatever its
      number of requests.  An agency with reports in several years of a group counts once per
      report; with ``cluster='agency'`` each *agency* counts once (the mean of its reports'
      rates stands for it);
    * ``'ratio'`` — the ratio of sums, Σ numerator / Σ denominator (each *request* counts once;
      large agencies dominate).  Reports are resampled with their numerator and denominator
      paired.

    With ``cluster``, the resampled unit is the cluster (a cluster bootstrap): reports of one
    agency are not independent of each other, and resampling them one by one makes an interval
    too narrow when agencies have several reports in a group.

    Intervals come from :func:`scipy.stats.bootstrap`; each group uses a generator seeded with
    ``random_state``, so a group's interval does not depend on the other groups.  The group's
    values are resampled in sorted order (by rate, or by numerator then denominator), so the
    interval does not depend on the order of the rows either.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report.  For ``estimator='ratio'`` it needs the numerator and denominator
        columns, e.g. from ``report_metrics(..., components=True)``.
    metric : str
        Rate column (used by ``'mean'``; names the defaults of ``numerator``/``denominator``).
    by : str, optional
        Grouping column; ``None`` gives one interval for all reports.  Rows whose group is NA form a
        last group labelled NA, as in :func:`describe`.
    estimator : {'mean', 'ratio'}, default 'mean'
    numerator, denominator : str, optional
        Columns for ``'ratio'``; default ``f"{metric}_num"`` and ``f"{metric}_den"``.  When
        ``metric`` is a per-100 indicator of ``metrics.yaml`` (``reviews_per_100``,
        ``lawsuits_per_100``) the ratio is times 100, on the scale of the indicator and of the
        ``'mean'`` estimate.
    n_boot : int, default 2000
        Bootstrap resamples (2 or more).
    random_state : int, default 0
        Seed (>= 0) of :func:`numpy.random.default_rng`, drawn anew for each group.  A shared
        generator (or ``None``) is refused: it would make one group's interval depend on the
        groups before it, or the call irreproducible.
    ci : float, default 0.95
        Confidence level, in (0, 1).
    method : {'expanded', 'percentile', 'basic', 'BCa'}, default 'expanded'
        ``'expanded'`` is the expanded percentile interval (Hesterberg 2015): the percentile
        interval of :func:`scipy.stats.bootstrap` taken at the level 1 − 2·Φ(−√(n/(n−1))·t), t the
        (1 + ci)/2 quantile of Student's t with n − 1 degrees of freedom, n the units resampled.  It
        undoes the two reasons why a percentile interval is too narrow in small samples (the
        bootstrap spread is √((n−1)/n) of the standard error, and normal rather than t quantiles).
        The others are the methods of :func:`scipy.stats.bootstrap` as they are.
    min_n : int, default 10
        Groups with fewer usable reports (clusters, with ``cluster``) get NA bounds and a note (a
        group of one never gets an interval).  No bootstrap interval can be trusted in very small
        groups: it never reaches beyond the smallest and largest value, and the mean of a symmetric
        population lies outside that range in 2·0.5ⁿ of samples (a quarter at n = 3, so no
        bootstrap interval is a 95 % interval below n = 6).  Coverage of the 95 % intervals,
        measured by ``benchmarks/bootstrap_coverage.py`` (2000 samples per cell, simulation
        standard error 0.005), for the mean of Beta(2, 3) rates / the mean of skewed Beta(0.5, 4)
        rates / the ratio of sums of reports of log-normal size:

        ====  ===================  ===================  ===================
        n     expanded             percentile           BCa
        ====  ===================  ===================  ===================
        3     0.74 / 0.66 / 0.77   0.74 / 0.66 / 0.77   0.73 / 0.64 / 0.72
        5     0.92 / 0.84 / 0.93   0.84 / 0.76 / 0.83   0.85 / 0.78 / 0.81
        10    0.96 / 0.90 / 0.94   0.92 / 0.86 / 0.88   0.93 / 0.88 / 0.85
        20    0.95 / 0.92 / 0.94   0.93 / 0.90 / 0.91   0.93 / 0.91 / 0.89
        30    0.95 / 0.93 / 0.93   0.94 / 0.91 / 0.90   0.95 / 0.93 / 0.88
        ====  ===================  ===================  ===================

        The default 10 is the smallest n at which the expanded interval covers about its level
        (0.94 and more), but for strongly skewed rates (0.90; no method does better there).  The
        percentile and BCa intervals fall short up to n = 20, BCa most for the ratio of sums.
        A group whose values are all equal gets the degenerate interval [estimate, estimate] and
        a note; with ``'BCa'``, which is undefined there, NA bounds.  So does a ``'BCa'`` interval of
        a few resamples that all fall on one side of the estimate (``n_boot=2``), with a note.
    cluster : str, optional
        Column naming the unit to resample, e.g. ``'agency'``: within each group the reports of
        a cluster are pooled first (``'mean'``: the mean of their rates; ``'ratio'``: the sums of
        their numerators and denominators), and clusters are resampled.  ``None`` (default)
        resamples reports.
    same : sequence of str, default ('province', 'level')
        With ``cluster``, columns of ``df`` (those it has) in which two reports of one cluster label
        must not differ to be one cluster, as in :func:`cross_year_audit`: names as written are often
        short (``财政局``, ``市住建局``), and the 财政局 of two counties are two agencies.  A cluster is
        then the label and these columns.  A value missing there is the label's one known value where
        its other reports give a single one (one agency's report that names no province), as a
        missing value keeps no reports apart in :func:`cross_year_audit`; where they give several, it
        is a value of its own (a 市住建局 of no known province is pooled with neither the 市住建局 of
        河南 nor that of 新疆).  ``()`` clusters by the label alone.

    Returns
    -------
    pandas.DataFrame
        One row per group (sorted, the NA group last): ``by`` (if given), ``estimator``, ``n`` (reports used),
        ``n_missing`` (reports of the group left out, their rate, numerator or denominator missing;
        a report whose denominator is 0, which adds nothing to a ratio of sums, is in neither count, and
        ``note`` counts such reports; but for a per-100 indicator one with a numerator over it, such as
        reconsiderations without a handled request, is used: it adds to Σ numerator),
        ``n_clusters`` (with ``cluster`` only: clusters used), ``estimate``, ``ci_low``,
        ``ci_high``, ``ci``, ``n_boot``, ``note``.  Reports with a missing value (rate, or
        numerator/denominator) are not used.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or a column name is not a str.
    ValueError
        If a column is missing, a rate column holds text that is no number or an infinite value, the
        denominator a negative value, ``df`` holds a ``report_id`` in several rows, an option is outside its
        allowed values, ``numerator`` or ``denominator`` is given with an estimator other than ``'ratio'``,
        or a report with a value has no ``cluster`` label.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.compare import bootstrap_ci
    >>> df = pd.DataFrame({"rate": [0.2, 0.4, 0.6, 0.8]})
    >>> res = bootstrap_ci(df, "rate", n_boot=200)
    >>> float(res.loc[0, "estimate"]), res.loc[0, "note"]
    (0.5, 'n < 10: no interval')
    """
    _require_frame(df, "df", ())
    _check_column(df, metric, "metric")
    _check_one_row_per_report(df)
    if by is not None:
        _check_column(df, by, "by")
    if cluster is not None:
        _check_column(df, cluster, "cluster")
    if isinstance(same, str) or not all(isinstance(c, str) for c in same):
        raise TypeError(f"same must be a sequence of column names, got {same!r}")
    if estimator not in _ESTIMATORS:
        raise ValueError(f"estimator must be one of {list(_ESTIMATORS)}, got {estimator!r}")
    if method not in _BOOT_METHODS:
        raise ValueError(f"method must be one of {list(_BOOT_METHODS)}, got {method!r}")
    _check_n_boot(n_boot)
    _check_ci(ci)
    min_n = _check_min_n(min_n)
    _check_seed(random_state)
    if estimator != "ratio" and (numerator is not None or denominator is not None):
        # ignored, they gave the mean of the rates where the ratio of their sums was asked for
        raise ValueError(f"numerator and denominator are read by estimator='ratio' only; got numerator={numerator!r}, "
                         f"denominator={denominator!r} with estimator={estimator!r}")
    if estimator == "ratio":
        numerator = numerator or f"{metric}_num"
        denominator = denominator or f"{metric}_den"
        _check_column(df, numerator, "numerator")
        _check_column(df, denominator, "denominator")
        # a per-100 indicator (reviews_per_100) is 100 × num / den: its ratio of sums is on that scale too
        per_100 = any(m["name"] == metric and m["kind"] == "per_100" for m in _spec()["metrics"])
        scale = 100.0 if per_100 else 1.0
        data = pd.DataFrame({
            "num": _numeric(df, numerator, "numerator") * scale,
            "den": _numeric(df, denominator, "denominator"),
        })
        negative = data["den"].lt(0).to_numpy()
        if negative.any():
            # a report whose count is broken: left out, it was in neither n nor n_missing, its group smaller silently
            raise ValueError(f"denominator={denominator!r} holds {int(negative.sum())} negative value(s) (index "
                             f"{df.index[negative].tolist()[0]!r}): a count is never negative; make them NA first, as "
                             "report_metrics makes a part of a rate NA where a cell of it is negative")
    else:
        data = pd.DataFrame({"x": _numeric(df, metric)})
    data.index = np.arange(len(df))  # positions: df's own index need not be unique
    missing = data.isna().any(axis=1)  # counted per group in n_missing, not dropped silently
    unused = np.zeros(len(df), dtype=bool)  # reports of 0 of 0 for the ratio: said in the note, not dropped silently
    data = data.dropna()
    if estimator == "ratio":
        # A report with denominator 0 adds nothing to a ratio of sums, but a resample made only of such reports
        # has no ratio at all: leave them out.  Not so a per-100 indicator's report with a numerator over a
        # denominator of 0 (2 reconsiderations, no request handled: its numerator is no part of the
        # denominator): it adds to Σ numerator, and is kept.
        keep = data["den"] > 0
        if per_100:
            keep |= data["num"] != 0
        unused[data.index[~keep.to_numpy()]] = True
        data = data[keep]
    if cluster is not None:
        labels = df[cluster].iloc[data.index]
        if labels.isna().any():
            # a report of no known agency is not one agency's report: say so rather than guess
            raise ValueError(f"cluster={cluster!r} is missing for {int(labels.isna().sum())} report(s) with a value "
                             f"(positions {', '.join(map(str, data.index[labels.isna().to_numpy()][:3]))}): fill it, e.g. "
                             "with the report_id to make such a report its own cluster, or drop those rows")
        names = _unique_labels(labels, cluster)
        _check_one_type(names, cluster)
        _warn_two_scripts("bootstrap_ci", names, cluster)  # (one agency's reports resampled as two clusters)
        # one name in two places is two agencies (每个县的财政局): the place columns are part of the cluster
        place = [c for c in dict.fromkeys(same) if c in df.columns and c not in (cluster, by)]
        keys = df[[cluster, *place]].iloc[data.index].astype(object)
        for col in place:
            # a place left unknown in one report (its text names no province) is that of the label's other reports
            # where they name one: splitting them would make one agency's years independent clusters
            named = keys.dropna(subset=[col]).groupby(cluster, sort=False)[col]
            only = named.first()[named.nunique() == 1]
            keys[col] = keys[col].where(keys[col].notna(), keys[cluster].map(only))
        data["_cluster"] = keys.groupby(list(keys.columns), dropna=False, sort=False).ngroup().to_numpy()
    if by is None:
        parts: list[tuple[Any, pd.DataFrame, int, int]] = [(None, data, int(missing.sum()), int(unused.sum()))]
    else:
        keys = df[by].iloc[data.index]
        parts = [(g, data[_is_group(keys, g)], int(missing[_is_group(df[by], g)].sum()),
                  int(unused[_is_group(df[by], g)].sum())) for g in _sorted_groups(df[by])]
        no_group = df[by].isna().to_numpy()
        if no_group.any():
            # reports of no known group (a failed report's NA year) are a last group, as describe gives them:
            # left out, they were in no row's n nor n_missing, without a word
            parts.append((pd.NA, data[keys.isna().to_numpy()], int(missing[no_group].sum()),
                          int(unused[no_group].sum())))
    rows = []
    for g, d, n_missing, n_unused in parts:
        row: dict[str, Any] = {} if by is None else {by: g}
        row.update(estimator=estimator, n=len(d), n_missing=n_missing)
        if cluster is not None:
            # pool each cluster's reports into one value, then resample clusters
            values = ["num", "den"] if estimator == "ratio" else ["x"]
            d = d.groupby("_cluster", sort=False)[values].agg("sum" if estimator == "ratio" else "mean")
            row["n_clusters"] = len(d)
        # Resample the values in sorted order: scipy draws positions, so the same reports in another row
        # order (a frame sorted or filtered otherwise) would give another interval for the same seed.
        d = d.sort_values(list(d.columns), kind="stable")
        row.update(estimate=np.nan, ci_low=np.nan, ci_high=np.nan, ci=ci, n_boot=int(n_boot), note="")
        if estimator == "ratio":
            den_sum = d["den"].sum()
            row["estimate"] = d["num"].sum() / den_sum if den_sum > 0 else np.nan
        elif len(d):
            row["estimate"] = float(d["x"].mean())
        if len(d) < max(min_n, 2):
            row["note"] = f"{'n' if cluster is None else 'n_clusters'} < {max(min_n, 2)}: no interval"
        elif estimator == "ratio" and not np.isfinite(row["estimate"]):
            row["note"] = "denominator sums to 0: no estimate"
        elif _constant(d, estimator):
            # every resample gives the estimate: scipy warns, and BCa's acceleration is 0/0
            if method != "BCa":
                row.update(ci_low=row["estimate"], ci_high=row["estimate"])
            row["note"] = f"all {'reports' if cluster is None else 'clusters'} have the same " + \
                ("rate" if estimator == "ratio" else "value") + \
                ": degenerate interval" + (" (undefined for BCa)" if method == "BCa" else "")
        else:
            rng = np.random.default_rng(random_state)
            # the expanded interval is scipy's percentile interval at a wider level
            level = _expanded_level(ci, len(d)) if method == "expanded" else ci
            how = "percentile" if method == "expanded" else method
            with warnings.catch_warnings():
                # a handful of resamples (n_boot=1): scipy's standard error of one resample, and BCa's bias
                # correction where every resample falls on one side of the estimate, warn from inside scipy and
                # numpy; the bounds they leave NaN are said in the note
                warnings.simplefilter("ignore", RuntimeWarning)
                warnings.simplefilter("ignore", stats.DegenerateDataWarning)
                if estimator == "ratio":
                    res = stats.bootstrap((d["num"].to_numpy(), d["den"].to_numpy()), _ratio_of_sums,
                                          paired=True, vectorized=True, n_resamples=int(n_boot),
                                          confidence_level=level, method=how, rng=rng)
                else:
                    res = stats.bootstrap((d["x"].to_numpy(),), np.mean, vectorized=True,
                                          n_resamples=int(n_boot), confidence_level=level, method=how,
                                          rng=rng)
            row.update(ci_low=float(res.confidence_interval.low),
                       ci_high=float(res.confidence_interval.high))
            if np.isnan(row["ci_low"]) or np.isnan(row["ci_high"]):
                if estimator == "ratio" and np.isnan(res.bootstrap_distribution).any():
                    # resamples drawn only from a per-100 indicator's reports with a denominator of 0 have no
                    # ratio: more resamples draw more of them, so 'raise n_boot' would be wrong advice
                    unit = "reports" if cluster is None else "clusters"
                    row["note"] = (f"no {method} interval: too few {unit} with a denominator ("
                                   f"{int((d['den'] > 0).sum())} of {len(d)}; a resample drawn only from those with "
                                   "a denominator of 0 has no ratio)")
                else:
                    row["note"] = (f"no {method} interval from these {int(n_boot)} resamples (all on one side of "
                                   "the estimate, or too few): raise n_boot")
        if n_unused:
            # two of a group's five reports handled no request: n read 3 and n_missing 0, the two gone without a word
            row["note"] = _join_notes(row["note"], f"{n_unused} report{'s' if n_unused > 1 else ''} with a "
                                      "denominator of 0 left out (adding nothing to the ratio of sums): in neither n "
                                      "nor n_missing")
        rows.append(row)
    cols = ([by] if by is not None else []) + ["estimator", "n", "n_missing"] \
        + (["n_clusters"] if cluster is not None else []) + ["estimate", "ci_low", "ci_high", "ci", "n_boot", "note"]
    return pd.DataFrame(rows, columns=cols)


def _expanded_level(ci: float, n: int) -> float:
    """Level at which the percentile interval of ``n`` units is the expanded percentile interval at ``ci``.

    Hesterberg (2015): 1 − 2·Φ(−√(n/(n−1))·t_{(1+ci)/2, n−1}).  It tends to ``ci`` as n grows.
    """
    t = stats.t.ppf((1.0 + ci) / 2.0, n - 1)
    return float(1.0 - 2.0 * stats.norm.sf(np.sqrt(n / (n - 1.0)) * t))


def _constant(d: pd.DataFrame, estimator: str) -> bool:
    """Whether every resample of the group gives the same estimate."""
    if estimator == "ratio":
        # a report with a numerator over a denominator of 0 moves the ratio of sums in every resample it is drawn in
        if (d["den"] == 0).any():
            return False
        rates = d["num"].to_numpy() / d["den"].to_numpy()
        return bool(np.all(rates == rates[0]))
    x = d["x"].to_numpy()
    return bool(np.all(x == x[0]))


def _ratio_of_sums(num: np.ndarray, den: np.ndarray, axis: int = -1) -> np.ndarray:
    """Σ num / Σ den along ``axis`` (NaN where Σ den is 0)."""
    s_num = np.sum(num, axis=axis)
    s_den = np.sum(den, axis=axis)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(s_den > 0, s_num / np.where(s_den > 0, s_den, 1.0), np.nan)


# ----------------------------------------------------------------------------------------------
# panels and cross-year audit


def panel(
    df: pd.DataFrame,
    agency_col: str = "agency",
    year_col: str = "report_year",
    *,
    min_years: int = 2,
) -> pd.DataFrame:
    """Keep the agencies reported in several years, ordered agency by agency and year by year.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report with an agency and a year column (e.g. metrics joined with reports).
    agency_col : str, default 'agency'
    year_col : str, default 'report_year'
    min_years : int, default 2
        Agencies with fewer distinct years are dropped.

    Returns
    -------
    pandas.DataFrame
        The rows of the kept agencies, sorted by agency, year (and report_id when present),
        with a column ``n_years`` (distinct years of the agency).  Rows without agency or year
        are dropped.  A warning is issued when an agency has two reports for one year, and when
        its rows name several provinces or levels (``province``, ``level``: a short name such as
        ``市住建局`` shared by agencies of several places), and when a name in traditional characters is
        another's in simplified ones (``伊州區住建局`` and ``伊州区住建局``: kept apart as written).

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or a column name is not a str.
    ValueError
        If a column is missing, ``min_years`` is not a positive integer, the agency column
        holds one label in two types, or the year column holds text that is no number
        (``'2020年'``; years written ``'2021'`` are read as 2021).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.compare import panel
    >>> df = pd.DataFrame({"agency": ["A", "A", "B"], "report_year": [2021, 2020, 2020]})
    >>> panel(df)[["agency", "report_year", "n_years"]].values.tolist()
    [['A', 2020, 2], ['A', 2021, 2]]
    """
    _require_frame(df, "df", ())
    _check_column(df, agency_col, "agency_col")
    _check_column(df, year_col, "year_col")
    if isinstance(min_years, bool) or not isinstance(min_years, (int, np.integer)) or min_years < 1:
        raise ValueError(f"min_years must be an integer >= 1, got {min_years!r}")
    d = df.reset_index(drop=True).dropna(subset=[agency_col, year_col]).copy()  # an index level may share a name
    names = _unique_labels(d[agency_col], agency_col)
    _check_one_type(names, agency_col)
    # 伊州區住建局 of one year and 伊州区住建局 of the next were two agencies of one year each, both dropped
    _warn_two_scripts("panel", names, agency_col)
    # years as numbers: '2021' and ' 2021' are one year, and 2021 comes after 2020 whatever the column's type
    d["_year"] = _numeric(d, year_col, "year_col")
    d["n_years"] = d.groupby(agency_col)["_year"].transform("nunique").astype(int)
    d = d[d["n_years"] >= min_years]
    mixed = sorted(f"{a} ({col}: {', '.join(map(str, sorted(set(v.dropna()), key=str)))})"
                   for col in _SAME_AGENCY if col in d.columns and col not in (agency_col, year_col)
                   for a, v in d.groupby(agency_col)[col] if v.dropna().nunique() > 1)
    if mixed:
        # short names as written (市住建局) are shared by agencies of several places: a line would join them
        warnings.warn(f"panel: one {agency_col!r} in several provinces or levels, probably several agencies: "
                      f"{mixed}; give agency_col a column that tells them apart", stacklevel=2)
    pairs = _repeated_years(d[agency_col], d["_year"])
    if pairs:
        warnings.warn(f"panel: several reports for one agency and year: {pairs}", stacklevel=2)
    sort_cols = [agency_col, "_year"] + (["report_id"] if "report_id" in d.columns else [])
    return d.sort_values(sort_cols, kind="stable").drop(columns="_year").reset_index(drop=True)


def _warn_two_scripts(func: str, names: Iterable[Any], column: str, stacklevel: int = 3) -> None:
    """Warn where the agency names ``names`` (of ``column``) write one agency in traditional characters and in
    simplified ones (:func:`_script_pairs`): ``func``, grouping reports by agency, reads them as two agencies."""
    scripts = _script_pairs(names)
    if scripts:
        warnings.warn(f"{func}: {column!r} names written in traditional and in simplified characters, each kept "
                      f"apart as an agency of its own: {scripts}; convert the names first "
                      "(toolkit.normalize.to_simplified)", stacklevel=stacklevel)


def _warn_agency_scripts(func: str, df: pd.DataFrame, by: str) -> None:
    """:func:`_warn_two_scripts` for the ``agency`` column of ``df`` where :func:`_agency_keys` reads one (an
    agency's reports in several groups: a test's note, its effect size's resampled unit)."""
    if "agency" in df.columns and by != "agency":
        _warn_two_scripts(func, df["agency"].dropna().unique(), "agency", stacklevel=4)


def _script_pairs(names: Iterable[Any]) -> list[str]:
    """``'traditional / simplified'`` of the names in traditional characters whose simplified form is another of
    ``names`` (``'伊州區住建局 / 伊州区住建局'``), sorted: one agency under two names."""
    texts = {n for n in names if isinstance(n, str)}
    # a name of GB 2312 alone has no traditional character: OpenCC (a second to load) is for the others only
    traditional = sorted(n for n in texts if not _in_gb2312(n))
    if not traditional:
        return []
    return [f"{n} / {s}" for n in traditional if (s := to_simplified(n)) != n and s in texts]


def _in_gb2312(text: str) -> bool:
    """Whether every character of ``text`` is in GB 2312, the simplified characters' own set."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _repeated_years(agency: pd.Series, year: pd.Series) -> list[str]:
    """``'agency year'`` of the agencies with several rows for one year (NA agency or year: not counted), sorted."""
    d = pd.DataFrame({"agency": agency.to_numpy(dtype=object), "year": year.to_numpy(dtype=float)}).dropna()
    dup = d.duplicated(keep=False)
    return sorted({f"{a} {y:g}" for a, y in d[dup].itertuples(index=False)})


def cross_year_audit(
    tables: pd.DataFrame,
    reports: pd.DataFrame,
    *,
    agency_col: str = "agency",
    year_col: str = "report_year",
    flags: pd.DataFrame | None = None,
    blank_as_zero: bool = False,
    same: Sequence[str] = _SAME_AGENCY,
) -> pd.DataFrame:
    """Soft checks between consecutive reports of the same agency, in the checks schema.

    The checks are listed under ``cross_year_checks`` in ``toolkit/data/metrics.yaml``:
    ``carried_over_continuity`` (二、上年结转 of year y = 四、结转下年度 of y−1, per column),
    ``in_force_continuity`` (2021 format: in_force(y) = in_force(y−1) + issued(y) − repealed(y))
    and ``prev_items_continuity`` (2019 format: prev_items(y) = prev_items(y−1) + change(y−1)).
    They are soft: amendments, clean-ups and re-counting break them in practice.

    Parameters
    ----------
    tables : pandas.DataFrame
        Long table of extracted cells (``tables.csv`` schema).
    reports : pandas.DataFrame
        One row per report with ``report_id``, ``agency_col`` and ``year_col``.  Agency names
        are compared as written (one written in traditional characters and in simplified ones is
        warned of, as by :func:`panel`).
    agency_col : str, default 'agency'
    year_col : str, default 'report_year'
    flags : pandas.DataFrame, optional
        Flags (``flags.csv`` schema); required with ``blank_as_zero=True``.
    blank_as_zero : bool, default False
        Count blank cells as 0 (see :func:`toolkit.metrics.report_metrics`).
    same : sequence of str, default ('province', 'level')
        Columns of ``reports`` (those it has) in which two reports of one agency name must not
        differ to be paired: names as written are often short (``市住建局``, ``区财政局``), and
        the 市住建局 of two provinces are two agencies.  A value missing in either report does
        not keep them apart.  ``()`` pairs by name alone.

    Returns
    -------
    pandas.DataFrame
        Columns ``report_id`` (the later report), ``table``, ``check``, ``key``
        (``LATER<-EARLIER:item``), ``expected``, ``found``, ``status`` (``ok`` | ``failed`` |
        ``unverifiable`` when a needed cell is NA) and ``ok``; sorted.  A check is made only for
        years y and y−1 (not across gaps); format-specific checks only when both tables have
        that format; the carried-over check when either report has a requests table.

    Raises
    ------
    TypeError
        If ``tables`` or ``reports`` is not a DataFrame, or a column name is not a str.
    ValueError
        If a column is missing, a cell has no ``table``, ``row_key`` or ``col_key``,
        ``tables['value']`` or the year column holds text that is no number (``'2020年'``; years
        written ``'2021'`` are read as 2021), or ``reports`` shares no report id with ``tables``
        (ids of another type: 2020 and '2020') or holds one report_id in rows that differ.

    Examples
    --------
    >>> from toolkit.compare import cross_year_audit  # doctest: +SKIP
    >>> cross_year_audit(tables, reports)  # doctest: +SKIP
    """
    _require_frame(tables, "tables", ("report_id", "table", "row_key", "col_key", "value"))
    _require_frame(reports, "reports", ("report_id",))
    _check_column(reports, agency_col, "agency_col", "reports")
    _check_column(reports, year_col, "year_col", "reports")
    _check_blank_args(tables, blank_as_zero, flags)
    _check_same_ids(tables, reports)
    if isinstance(same, str) or not all(isinstance(c, str) for c in same):
        raise TypeError(f"same must be a sequence of column names, got {same!r}")
    same = [c for c in dict.fromkeys(same) if c in reports.columns and c not in (agency_col, year_col, "report_id")]
    rep = reports.drop_duplicates("report_id")[["report_id", agency_col, year_col, *same]].copy()
    # years as numbers, as panel() reads them: '2021' is 2021, '2021年' is refused (it would drop the report)
    rep["_year"] = _numeric(rep, year_col, "year_col")
    rep = rep.dropna(subset=[agency_col, "_year"])
    # 伊州區住建局 2023 and 伊州区住建局 2024 were no pair: their checks not made, without a word
    _warn_two_scripts("cross_year_audit", rep[agency_col].unique(), agency_col)
    pairs = rep.merge(rep, on=agency_col, suffixes=("", "_prev"))
    keep = (pairs["_year"] - pairs["_year_prev"] == 1).to_numpy(dtype=bool, copy=True)
    for col in same:
        # one name in two provinces or at two levels is two agencies; an unknown value keeps the pair
        a, b = pairs[col].astype(object), pairs[f"{col}_prev"].astype(object)
        keep &= (a.isna() | b.isna() | (a == b)).to_numpy(dtype=bool)
    pairs = pairs[keep]
    if pairs.empty:
        return pd.DataFrame(columns=_CHECK_COLUMNS).astype({"expected": float, "found": float, "ok": bool})
    ids = _report_ids(tables, rep)
    cells = _Cells(tables, blank_as_zero=bool(blank_as_zero), report_ids=ids, flags=flags)
    later = pairs["report_id"].tolist()
    earlier = pairs["report_id_prev"].tolist()
    frames = []
    for chk in _spec()["cross_year_checks"]:
        table = chk["table"]
        if chk["formats"]:
            fmt = cells.format_of(table)
            applies = (fmt.reindex(later).isin(chk["formats"]).to_numpy()
                       & fmt.reindex(earlier).isin(chk["formats"]).to_numpy())
        else:
            has = cells.has_table(table)
            applies = has.reindex(later).to_numpy() | has.reindex(earlier).to_numpy()
        if not applies.any():
            continue
        sub_later = [r for r, a in zip(later, applies) if a]
        sub_earlier = [r for r, a in zip(earlier, applies) if a]
        for item in chk["over"]:
            found = _scoped_sum(cells, chk["found"], item, sub_later, sub_earlier)
            expected = _scoped_sum(cells, chk["expected"], item, sub_later, sub_earlier)
            status = np.where(np.isnan(found) | np.isnan(expected), "unverifiable",
                              np.where(np.isclose(found, expected, rtol=0, atol=1e-9), "ok", "failed"))
            frames.append(pd.DataFrame({
                "report_id": sub_later,
                "table": table,
                "check": chk["name"],
                "key": [f"{a}<-{b}:{item}" for a, b in zip(sub_later, sub_earlier)],
                "expected": expected,
                "found": found,
                "status": status,
                "ok": status == "ok",
            }))
    if not frames:
        return pd.DataFrame(columns=_CHECK_COLUMNS).astype({"expected": float, "found": float, "ok": bool})
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["report_id", "table", "check", "key"], kind="stable").reset_index(drop=True)
    return out[_CHECK_COLUMNS]


def _scoped_sum(cells: _Cells, terms: list[str], item: str, this: list[Hashable],
                prev: list[Hashable]) -> np.ndarray:
    """Sum of ``this:``/``prev:`` terms with ``{x}`` replaced by ``item``; NaN if any is NaN."""
    total = np.zeros(len(this))
    for term in terms:
        sign, scope, t, r, c = _parse_term(term.replace("{x}", item), scoped=True)
        ids = this if scope == "this" else prev
        total = total + sign * cells.values(t, r, c, ids)
    return total
