"""Evaluation of classifiers against the hand coding, under repeated k-fold cross-validation.

For every repeat, each statement is predicted once by a model that did not see it
(out-of-fold predictions); metrics are computed on all out-of-fold predictions of
the repeat and then averaged over the repeats (their spread is reported as
``*_std``).  The uncertainty that matters more on a few hundred statements — which
statements happened to be coded — is given by a percentile bootstrap interval of
the macro F1: statements are resampled with replacement (whole groups, e.g.
reports, when ``groups`` are given; a resample that misses a category of the
hand coding is drawn again, see :func:`bootstrap_macro_f1`), and the macro F1 of
the resample is averaged over the repeats.  Folds are stratified on each statement's rarest category (categories
too rare to be split are pooled), or, with ``groups``, kept apart by group (e.g.
the report a statement comes from: no report in both training and test).
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral, Real

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from toolkit.classify._base import check_classes
from toolkit.classify.baseline import MajorityBaseline
from toolkit.classify.codebook import load_codebook
from toolkit.classify.labels import as_indicator, indicator_or_none, join_labels, labels_to_matrix, matrix_to_labels
from toolkit.classify.lexicon import LexiconClassifier
from toolkit.classify.model import StatementClassifier
from toolkit.compare import _BOOT_MIN_N
from toolkit.metrics import _text_order

__all__ = ["evaluate", "evaluate_holdout", "learning_curve", "bootstrap_macro_f1", "Evaluation", "category_metrics"]


@dataclass
class Evaluation:
    """Result of :func:`evaluate`.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per system: ``macro_precision``, ``macro_recall``, ``macro_f1``,
        ``macro_f1_std`` (over repeats), ``macro_f1_low`` and ``macro_f1_high``
        (bootstrap interval at ``confidence``; NaN with ``n_bootstrap=0``, and from fewer than
        10 units resampled, statements or groups, as :func:`toolkit.compare.bootstrap_ci` gives no
        interval there),
        ``micro_f1``, ``mean_kappa`` (mean of the per-category Cohen's κ),
        ``n_categories`` (categories present in the evaluated statements; the
        macro means and ``mean_kappa`` run over these).
    per_category : pandas.DataFrame
        One row per system and category: ``support`` (statements hand-coded with
        it), ``precision``, ``recall``, ``f1``, ``f1_std``, ``kappa`` (Cohen's κ of
        the system's yes/no against the hand coding's yes/no for this category).
    confusion : pandas.DataFrame
        Per system and category the 2×2 confusion matrix against the hand
        coding: ``tp``, ``fp``, ``fn``, ``tn`` (mean per repeat; each repeat
        predicts every evaluated statement once).
    predictions : pandas.DataFrame
        The out-of-fold predictions, for auditing the errors: one row per
        system, repeat and evaluated statement, with ``statement`` (its position
        in the input), ``labels`` (hand coding) and ``predicted`` (both
        ';'-joined keys; ``''`` for none).
    scheme : str
        ``'stratified'``, ``'grouped'`` or ``'holdout'``.
    n_splits, n_repeats, n_statements, n_train_only, random_state : int
    n_bootstrap : int
        Bootstrap resamples behind ``macro_f1_low``/``macro_f1_high``.
    confidence : float
        Level of that interval.
    """

    summary: pd.DataFrame
    per_category: pd.DataFrame
    confusion: pd.DataFrame
    scheme: str
    n_splits: int
    n_repeats: int
    n_statements: int
    n_train_only: int
    random_state: int
    predictions: pd.DataFrame = field(default_factory=pd.DataFrame)
    n_bootstrap: int = 0
    confidence: float = 0.95
    # Per system the bootstrap distribution of its macro F1, all systems on the same resamples.
    _bootstrap: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def compare(self, system: str, baseline: str) -> pd.Series:
        """Paired bootstrap comparison of two systems' macro F1.

        Both systems are scored on the same resamples (of statements, or of
        groups when the evaluation was grouped), so the interval of the
        difference accounts for their scoring the same statements.

        Parameters
        ----------
        system, baseline : str
            Names of two systems of this evaluation.

        Returns
        -------
        pandas.Series
            ``difference`` (macro F1 of ``system`` minus that of ``baseline``),
            ``low`` and ``high`` (percentile interval at ``confidence``), and
            ``share_not_better`` (share of the resamples in which ``system``
            scores no higher than ``baseline``); all three NaN where the
            evaluation has no interval (fewer than 10 units).  That share describes the
            bootstrap distribution of the difference, centred on the
            difference observed; it is not a p-value (no resample is drawn
            under "no difference"), though a share below 2.5 % goes with an
            interval above zero.

        Raises
        ------
        ValueError
            If a name is not a system of this evaluation, or it was run with
            ``n_bootstrap=0``.

        Examples
        --------
        >>> from toolkit.classify import evaluate, load_annotations
        >>> data = load_annotations(["train", "seed"])
        >>> ev = evaluate(data["text"], data["labels"], n_splits=3, n_repeats=1, n_bootstrap=200)
        >>> bool(ev.compare("lexicon", "majority")["low"] > 0)
        True
        """
        names = list(self.summary["system"])
        for name in (system, baseline):
            if name not in names:
                raise ValueError(f"no system {name!r} in this evaluation (systems: {', '.join(names)})")
        if not self._bootstrap:
            raise ValueError("compare needs the bootstrap: run the evaluation with n_bootstrap > 0")
        # One seed drew the same resamples for every system: a paired comparison.
        a, b = self._bootstrap[system], self._bootstrap[baseline]
        macro = self.summary.set_index("system")["macro_f1"]
        tail = (1 - self.confidence) / 2
        low, high = np.quantile(a - b, [tail, 1 - tail])
        # no resample drawn (too few units): no share either, rather than 0 from NaN <= 0
        share = float(np.mean(a - b <= 0)) if np.isfinite(a - b).all() else np.nan
        return pd.Series({
            "difference": macro[system] - macro[baseline], "low": low, "high": high, "share_not_better": share,
        }, name=f"{system} - {baseline}")

    def table(self, metric: str = "f1") -> pd.DataFrame:
        """Systems side by side: one row per category plus ``macro``, one column per system.

        Parameters
        ----------
        metric : {'f1', 'precision', 'recall', 'kappa'}, default 'f1'

        Returns
        -------
        pandas.DataFrame

        Raises
        ------
        ValueError
            If ``metric`` is not one of the allowed values.
        """
        allowed = ("f1", "precision", "recall", "kappa")
        if metric not in allowed:
            raise ValueError(f"metric must be one of {', '.join(map(repr, allowed))}, got {metric!r}")
        order = list(dict.fromkeys(self.per_category["category"]))
        systems = list(self.summary["system"])
        wide = self.per_category.pivot(index="category", columns="system", values=metric)
        wide = wide.loc[order, systems]
        total = "mean_kappa" if metric == "kappa" else f"macro_{metric}"
        wide.loc["macro"] = self.summary.set_index("system").loc[systems, total].to_numpy()
        wide.columns.name = None
        wide.index.name = "category"
        return wide

    def macro(self, min_support: int = 0) -> pd.DataFrame:
        """Macro means over the categories with at least ``min_support`` hand-coded statements.

        The macro F1 of ``summary`` weighs a category with 2 statements as much
        as one with 50; this shows the mean over the well-supported ones.

        Parameters
        ----------
        min_support : int, default 0

        Returns
        -------
        pandas.DataFrame
            One row per system: ``macro_precision``, ``macro_recall``,
            ``macro_f1``, ``mean_kappa``, ``n_categories`` (0, the means NaN,
            where no category has ``min_support`` statements).
        """
        if isinstance(min_support, bool) or not isinstance(min_support, Integral) or min_support < 0:
            raise ValueError(f"min_support must be an int >= 0, got {min_support!r}")
        kept = self.per_category[self.per_category["support"].gt(0) & self.per_category["support"].ge(min_support)]
        out = kept.groupby("system", sort=False).agg(
            macro_precision=("precision", "mean"),
            macro_recall=("recall", "mean"),
            macro_f1=("f1", "mean"),
            mean_kappa=("kappa", "mean"),
            n_categories=("category", "size"),
        )
        out = out.reindex(self.summary["system"])
        # a system with no category of that support counts 0 of them (its means are NaN): a count, not a missing one
        out["n_categories"] = out["n_categories"].fillna(0).astype(int)
        return out.reset_index()

    def __repr__(self) -> str:
        scores = ", ".join(
            f"{r.system} {r.macro_f1:.3f}" for r in self.summary.itertuples()
        )
        how = "" if self.scheme == "holdout" else f" {self.n_splits}-fold x{self.n_repeats}"
        return (
            f"<Evaluation {self.scheme}{how} "
            f"n={self.n_statements} macro-F1: {scores}>"
        )


def category_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> pd.DataFrame:
    """Per-category counts, precision, recall, F1 and Cohen's κ of two indicator matrices.

    Parameters
    ----------
    y_true, y_pred : array-like of 0/1, shape (n_statements, n_categories)

    Returns
    -------
    pandas.DataFrame
        One row per column: ``tp, fp, fn, tn, support, precision, recall, f1,
        kappa``.  Precision is 0 where a category is never predicted, recall and
        F1 are NaN where it never occurs in ``y_true``; κ is NaN where it is
        undefined (both codings constant and equal).

    Raises
    ------
    ValueError
        If the shapes differ or a matrix is not 0/1.

    Examples
    --------
    >>> m = category_metrics([[1, 0], [0, 1]], [[1, 0], [1, 1]])
    >>> m[["tp", "fp", "f1"]].values.tolist()
    [[1.0, 1.0, 0.6666666666666666], [1.0, 0.0, 1.0]]
    """
    t = as_indicator(y_true, "y_true")
    p = as_indicator(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred must be 2-D of the same shape, got {t.shape} and {p.shape}")
    tp = ((t == 1) & (p == 1)).sum(axis=0).astype(float)
    fp = ((t == 0) & (p == 1)).sum(axis=0).astype(float)
    fn = ((t == 1) & (p == 0)).sum(axis=0).astype(float)
    tn = ((t == 0) & (p == 0)).sum(axis=0).astype(float)
    n = float(t.shape[0])
    support = tp + fn
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(support > 0, tp / support, np.nan)
        f1 = np.where(support > 0, np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0), np.nan)
        po = (tp + tn) / n
        pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
    return pd.DataFrame(
        {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "support": support,
         "precision": precision, "recall": recall, "f1": f1, "kappa": kappa}
    )


def _strata(Y: np.ndarray, n_splits: int) -> np.ndarray:
    """Each statement's rarest category (pooled into '_rare' below n_splits members)."""
    freq = Y.sum(axis=0)
    strata = []
    for row in Y:
        present = np.flatnonzero(row)
        strata.append(str(present[np.argmin(freq[present])]) if present.size else "_none")
    strata = np.asarray(strata, dtype=object)
    values, counts = np.unique(strata, return_counts=True)
    small = set(values[counts < n_splits])
    strata = np.where(np.isin(strata, list(small)), "_rare", strata)
    values, counts = np.unique(strata, return_counts=True)
    if "_rare" in values and counts[list(values).index("_rare")] < n_splits:
        biggest = values[np.argmax(np.where(values == "_rare", -1, counts))]
        strata = np.where(strata == "_rare", biggest, strata)
    return strata


def _lexicon_system(classes: Sequence[str], lexicon: Mapping[str, Sequence[str]] | None = None
                    ) -> LexiconClassifier:
    """The lexicon system over ``classes``: ``lexicon`` (default: the packaged keywords of those classes)."""
    # a statement without keywords is `other`, or unlabelled when `other` is not among the classes
    return LexiconClassifier(lexicon=lexicon, classes=classes, fallback="other" if "other" in classes else None)


def _default_systems(classes: list[str], random_state: int, lexicon: Mapping[str, Sequence[str]] | None = None
                     ) -> dict[str, object]:
    """The three systems over ``classes``; ``lexicon`` as in :func:`_lexicon_system` (a codebook of one's own)."""
    return {
        "majority": MajorityBaseline(classes=classes),
        "lexicon": _lexicon_system(classes, lexicon),
        "supervised": StatementClassifier(classes=classes, random_state=random_state),
    }


def _systems(systems: Mapping[str, object] | None, classes: list[str], random_state: int) -> dict[str, object]:
    """The systems to score, name -> estimator, checked at the public boundary."""
    if systems is None:
        return _default_systems(classes, random_state)
    if not isinstance(systems, Mapping):
        raise TypeError(f"systems must map names to estimators, e.g. {{'supervised': StatementClassifier()}}, "
                        f"got {type(systems).__name__}")
    if not systems:
        raise ValueError("systems must name at least one estimator")
    for name, estimator in systems.items():
        _check_estimator(estimator, f"systems[{name!r}]")
    return dict(systems)


def _check_estimator(estimator: object, what: str) -> None:
    if isinstance(estimator, type):  # the class itself has fit and predict too
        got = f"{estimator.__name__} (a class)"
    elif all(hasattr(estimator, m) for m in ("fit", "predict", "get_params")):
        return
    else:
        got = type(estimator).__name__
    raise TypeError(f"{what} must be an unfitted scikit-learn estimator with fit, predict and get_params, got {got}")


def evaluate(
    texts: Sequence[str],
    labels: Sequence[object],
    *,
    n_splits: int = 5,
    n_repeats: int = 3,
    random_state: int = 0,
    groups: Sequence[object] | None = None,
    train_only: Sequence[bool] | None = None,
    systems: Mapping[str, object] | None = None,
    classes: Sequence[str] | None = None,
    n_bootstrap: int = 1000,
    confidence: float = 0.95,
) -> Evaluation:
    """Cross-validate classifiers against the hand coding, side by side.

    Parameters
    ----------
    texts : sequence of str
        Statement texts.
    labels : sequence of label lists (or ';'-joined str), or indicator matrix
        The hand coding (a DataFrame whose columns are named by keys is read
        by name).
    n_splits : int, default 5
        Folds per repeat.
    n_repeats : int, default 3
        Repeats with different shuffles (seeds ``random_state``,
        ``random_state + 1`` …).
    random_state : int, default 0
        Seed of the fold assignment (and of the supervised model): an int in
        [0, 2**32 − n_repeats], as scikit-learn takes seeds.
    groups : sequence, optional
        Group of each statement, e.g. its source report.  When given, folds
        keep groups apart (``StratifiedGroupKFold``): this measures how well the
        model codes reports it has never seen.
    train_only : sequence of bool, optional
        Statements that are added to every training fold but never tested
        (e.g. constructed examples, which would flatter the scores): True or
        False (or 1 or 0) for each text; a missing entry is refused.
    systems : mapping of str to estimator, optional
        Name -> unfitted estimator with ``fit(texts, Y)`` and ``predict``
        returning an indicator matrix.  Default: ``majority``
        (:class:`MajorityBaseline`), ``lexicon`` (:class:`LexiconClassifier`),
        ``supervised`` (:class:`StatementClassifier`), all over ``classes``.
    classes : sequence of str, optional
        Category keys.  Default: the codebook keys.  With a subset, the
        default ``lexicon`` system uses the keywords of these categories only,
        and gives a statement without any of them ``other`` when ``other`` is
        among the classes, else no label.
    n_bootstrap : int, default 1000
        Resamples of the percentile bootstrap interval of the macro F1
        (``summary.macro_f1_low``/``macro_f1_high``); resampled are the tested
        statements, or whole groups when ``groups`` are given (statements of
        one report are not independent), each resample holding every category
        of the hand coding (:func:`bootstrap_macro_f1`).  0 skips it; with fewer
        than 10 statements or groups to resample the interval is NaN.
    confidence : float, default 0.95
        Level of that interval.

    Returns
    -------
    Evaluation
        ``summary``, ``per_category``, ``confusion``, ``predictions`` and
        ``table()``.

    Raises
    ------
    ValueError
        If lengths differ, ``classes`` is empty or names a key twice,
        ``train_only`` holds an entry that is not True or
        False, ``n_splits`` < 2 or ``n_repeats`` < 1, there are
        fewer statements (or groups) to test than folds, ``n_bootstrap`` < 0,
        ``confidence`` is not in (0, 1) or ``random_state`` is out of range.
    TypeError
        If ``random_state`` is not an int, ``train_only`` or ``classes`` is
        not a sequence, or ``systems`` is not a mapping of names to estimators.

    Examples
    --------
    >>> from toolkit.classify import evaluate, load_annotations
    >>> data = load_annotations(["train", "seed"])
    >>> result = evaluate(data["text"], data["labels"], n_splits=3, n_repeats=1)
    >>> list(result.summary["system"])
    ['majority', 'lexicon', 'supervised']
    """
    classes, text_arr, Y, tested, extra, group_arr = _setup(
        texts, labels, classes, n_splits, n_repeats, random_state, groups, train_only)
    _check_bootstrap(n_bootstrap, confidence)
    systems = _systems(systems, classes, int(random_state))
    Y_test = Y[tested]
    strata = _strata(Y_test, n_splits)
    rows: dict[str, list[pd.DataFrame]] = {name: [] for name in systems}
    oof: dict[str, list[np.ndarray]] = {name: [] for name in systems}
    for r in range(n_repeats):
        seed = int(random_state) + r
        predictions = {name: np.zeros_like(Y_test) for name in systems}
        for train_pos, test_pos in _folds(strata, None if group_arr is None else group_arr[tested], n_splits, seed):
            train = np.concatenate([tested[train_pos], extra])
            test = tested[test_pos]
            for name, estimator in systems.items():
                model = clone(estimator).fit(text_arr[train].tolist(), Y[train])
                predictions[name][test_pos] = model.predict(text_arr[test].tolist())
        for name in systems:
            metrics = category_metrics(Y_test, predictions[name])
            metrics.insert(0, "category", classes)
            metrics.insert(0, "repeat", r)
            rows[name].append(metrics)
            oof[name].append(predictions[name])
    result = _collect(rows, classes, group_arr is not None, n_splits, n_repeats, len(tested), len(extra),
                      int(random_state))
    return _add_predictions(result, Y_test, oof, tested, None if group_arr is None else group_arr[tested],
                            n_bootstrap, confidence)


def learning_curve(
    texts: Sequence[str],
    labels: Sequence[object],
    *,
    fractions: Sequence[float] = (0.25, 0.5, 0.75, 1.0),
    n_splits: int = 5,
    n_repeats: int = 3,
    random_state: int = 0,
    groups: Sequence[object] | None = None,
    train_only: Sequence[bool] | None = None,
    estimator: object | None = None,
    classes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """How the cross-validated scores grow with the amount of hand-coded training data.

    The folds are those of :func:`evaluate` (same seeds, so ``fraction=1`` gives
    its numbers).  In each fold the model is trained on a share of the training
    part only — a share of its *reports* when ``groups`` are given (a researcher
    codes whole reports), else of its statements — and tested on the whole test
    part.  The shares are nested (the 50 % sample contains the 25 % one) and
    seeded.  Training-only statements (``train_only``) are always all added.

    Parameters
    ----------
    texts, labels
        As in :func:`evaluate`.
    fractions : sequence of float, default (0.25, 0.5, 0.75, 1.0)
        Shares of the training part, each in (0, 1].
    n_splits, n_repeats, random_state, groups, train_only
        As in :func:`evaluate`.
    estimator : unfitted estimator, optional
        Default: :class:`StatementClassifier` with ``random_state``.
    classes
        As in :func:`evaluate`.

    Returns
    -------
    pandas.DataFrame
        One row per fraction: ``fraction``, ``n_train_reports`` (mean over folds;
        NA without groups), ``n_train_statements`` (mean, without the
        training-only ones), ``macro_f1``, ``macro_f1_std`` (over repeats),
        ``micro_f1``, ``mean_kappa``.

    Raises
    ------
    ValueError
        For the errors of :func:`evaluate`, or a fraction that is no number in (0, 1].
    TypeError
        If ``estimator`` is not a scikit-learn estimator, or ``fractions`` is not a sequence.

    Examples
    --------
    >>> from toolkit.classify import learning_curve, load_annotations
    >>> data = load_annotations(["train", "seed"])
    >>> curve = learning_curve(data["text"], data["labels"], groups=data["source"], fractions=(0.5, 1.0),
    ...                        n_splits=3, n_repeats=1)
    >>> curve["fraction"].tolist()
    [0.5, 1.0]
    """
    classes, text_arr, Y, tested, extra, group_arr = _setup(
        texts, labels, classes, n_splits, n_repeats, random_state, groups, train_only)
    fractions = _check_fractions(fractions)
    if estimator is None:
        estimator = StatementClassifier(classes=classes, random_state=int(random_state))
    _check_estimator(estimator, "estimator")
    Y_test = Y[tested]
    strata = _strata(Y_test, n_splits)
    test_groups = None if group_arr is None else group_arr[tested]
    sizes: dict[float, list[tuple[int, int]]] = {f: [] for f in fractions}  # (reports, statements) per fold
    repeats: dict[float, list[dict]] = {f: [] for f in fractions}  # scores per repeat
    for r in range(n_repeats):
        seed = int(random_state) + r
        predictions = {f: np.zeros_like(Y_test) for f in fractions}
        for k, (train_pos, test_pos) in enumerate(_folds(strata, test_groups, n_splits, seed)):
            rng = np.random.default_rng([seed, k])
            # One random order of the fold's training units; a share takes its first units (nested shares).
            units = (np.array(sorted(set(test_groups[train_pos]), key=_text_order), dtype=object)
                     if test_groups is not None else train_pos)
            units = units[rng.permutation(len(units))]
            for f in fractions:
                chosen = units[: max(1, int(round(f * len(units))))]
                part = (train_pos[np.isin(test_groups[train_pos], chosen)] if test_groups is not None
                        else np.sort(chosen))
                train = np.concatenate([tested[part], extra])
                model = clone(estimator).fit(text_arr[train].tolist(), Y[train])
                predictions[f][test_pos] = model.predict(text_arr[tested[test_pos]].tolist())
                sizes[f].append((len(chosen), len(part)))
        for f in fractions:
            repeats[f].append(_macro_row(category_metrics(Y_test, predictions[f])))
    out = []
    for f in fractions:
        per_repeat = pd.DataFrame(repeats[f])
        n_reports, n_statements = np.mean(sizes[f], axis=0)
        out.append({
            "fraction": f,
            "n_train_reports": n_reports if test_groups is not None else np.nan,
            "n_train_statements": n_statements,
            "macro_f1": per_repeat["macro_f1"].mean(),
            "macro_f1_std": per_repeat["macro_f1"].std(ddof=0),
            "micro_f1": per_repeat["micro_f1"].mean(),
            "mean_kappa": per_repeat["mean_kappa"].mean(),
        })
    return pd.DataFrame(out)


def _check_train_only(train_only: object, n: int) -> np.ndarray:
    """``train_only`` as a boolean mask of n entries, each True/False (or 1/0), or an error naming it.

    numpy's bool() of an entry would read NaN (a missing value of a column read from a CSV) and the text
    'False' as True, marking such statements training-only silently, and fail on pd.NA unnamed."""
    if isinstance(train_only, (str, bytes)) or not isinstance(train_only, Iterable):
        raise TypeError(f"train_only must be a sequence of True/False, one per text, got {type(train_only).__name__}")
    values = list(train_only)
    if len(values) != n:
        raise ValueError(f"train_only must have one entry per text ({n}), got {len(values)}")
    for i, v in enumerate(values):
        if not (isinstance(v, (bool, np.bool_)) or (isinstance(v, (Integral, float, np.floating))
                                                    and not pd.isna(v) and v in (0, 1))):
            raise ValueError(f"train_only must hold True or False (or 1 or 0) for each text; entry {i} is {v!r}")
    return np.array([bool(v) for v in values], dtype=bool)


def _check_fractions(fractions: object) -> list[float]:
    """The shares of learning_curve as floats, or an error naming ``fractions`` (a lone 0.5 is no sequence of
    them, and float() of '0.5x' or None would not name the argument)."""
    if isinstance(fractions, (str, bytes, Real, Mapping)) or not isinstance(fractions, Iterable):
        raise TypeError(f"fractions must be a sequence of numbers in (0, 1], e.g. (0.5, 1.0), got "
                        f"{type(fractions).__name__}: {fractions!r}")
    values = list(fractions)
    if not values or not all(isinstance(f, Real) and not isinstance(f, (bool, np.bool_)) and 0 < float(f) <= 1
                             for f in values):
        shown = [float(f) if isinstance(f, Real) and not isinstance(f, (bool, np.bool_)) else f for f in values]
        raise ValueError(f"fractions must be numbers in (0, 1], got {shown!r}")
    return [float(f) for f in values]


def _setup(texts: Sequence[str], labels: Sequence[object], classes: Sequence[str] | None, n_splits: int,
           n_repeats: int, random_state: int, groups: Sequence[object] | None,
           train_only: Sequence[bool] | None) -> tuple:
    """Validate the common arguments of evaluate and learning_curve; return the arrays they work on."""
    classes = check_classes(classes)
    texts = list(texts)
    n = len(texts)
    Y = _matrix(labels, classes, n, "labels")
    if not isinstance(n_splits, Integral) or n_splits < 2:
        raise ValueError(f"n_splits must be an int >= 2, got {n_splits!r}")
    if not isinstance(n_repeats, Integral) or n_repeats < 1:
        raise ValueError(f"n_repeats must be an int >= 1, got {n_repeats!r}")
    random_state = _check_random_state(random_state, n_repeats)
    mask = np.zeros(n, dtype=bool) if train_only is None else _check_train_only(train_only, n)
    tested = np.flatnonzero(~mask)
    extra = np.flatnonzero(mask)
    if len(tested) < n_splits:
        raise ValueError(f"n_splits={n_splits} is more than the {len(tested)} statements to test")
    group_arr = None
    if groups is not None:
        group_arr = _check_groups(groups, n, "groups")
        n_groups = len(set(group_arr[tested]))
        if n_groups < n_splits:
            raise ValueError(f"n_splits={n_splits} is more than the {n_groups} groups to test")
    return classes, np.asarray(texts, dtype=object), Y, tested, extra, group_arr


def _check_random_state(random_state: object, n_seeds: int = 1) -> int:
    """``random_state`` as an int, or an error naming it: a seed scikit-learn's folds and models take, as are the
    ``n_seeds - 1`` seeds after it (``random_state + r`` for repeat r)."""
    if isinstance(random_state, (bool, np.bool_)) or not isinstance(random_state, (int, np.integer)):
        raise TypeError(f"random_state must be an int, got {type(random_state).__name__}: {random_state!r}")
    top = _MAX_SEED - (n_seeds - 1)
    if not 0 <= random_state <= top:
        # numpy.random.RandomState, behind scikit-learn's random_state, refuses others without naming the argument
        raise ValueError(f"random_state must be an int in [0, {top}]"
                         + (f" (the seed of repeat r is random_state + r, r < n_repeats={n_seeds})" if n_seeds > 1
                            else "") + f", got {random_state!r}")
    return int(random_state)


def _folds(strata: np.ndarray, groups: np.ndarray | None, n_splits: int, seed: int) -> list:
    """(train positions, test positions) of each fold: stratified, and grouped when groups are given."""
    if groups is None:
        folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(strata, strata)
    else:
        folds = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(strata, strata, groups)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
        return list(folds)


def _macro_row(frame: pd.DataFrame) -> dict:
    """Macro and micro means of one repeat's per-category metrics (categories that occur)."""
    present = frame[frame["support"] > 0]
    tp, fp, fn = present["tp"].sum(), frame["fp"].sum(), present["fn"].sum()
    return {
        "macro_precision": present["precision"].mean(),
        "macro_recall": present["recall"].mean(),
        "macro_f1": present["f1"].mean(),
        "micro_f1": 2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else np.nan,
        # over the same categories as the macro means: κ of a category absent from the hand coding is 0
        # for any system that ever predicts it, and would pull the mean down
        "mean_kappa": present["kappa"].mean(),
        "n_categories": len(present),
    }


def _check_groups(groups: Sequence[object] | np.ndarray, n: int, name: str) -> np.ndarray:
    """The groups as an object array of n labels; a missing label is refused, not made a group of its own."""
    if isinstance(groups, str):
        raise TypeError(f"{name} must be a sequence with one label per statement, not a single str")
    arr = np.asarray(list(groups), dtype=object)
    if arr.shape != (n,):
        raise ValueError(f"{name} must have one entry per statement ({n}), got {arr.shape[0] if arr.ndim else 0}")
    missing = np.flatnonzero(pd.isna(pd.Series(arr, dtype=object)).to_numpy())
    if missing.size:
        raise ValueError(f"{name} has {missing.size} missing label(s) (first at position {missing[0]}): every "
                         f"statement needs its group (e.g. its source report)")
    return arr


def _matrix(labels: object, classes: list[str], n: int, name: str) -> np.ndarray:
    Y = indicator_or_none(labels, classes, name)  # as the classifiers read y
    if Y is None:
        # (a DataFrame as it is, refused there: list() of it is its column names)
        Y = labels_to_matrix(labels if isinstance(labels, pd.DataFrame) else list(labels), classes)  # type: ignore[call-overload]
    else:
        Y = as_indicator(Y, name)
    if Y.shape != (n, len(classes)):
        raise ValueError(f"{name} must have one entry per text ({n}), got shape {Y.shape}")
    return Y


def evaluate_holdout(
    train_texts: Sequence[str],
    train_labels: Sequence[object],
    test_texts: Sequence[str],
    test_labels: Sequence[object],
    *,
    systems: Mapping[str, object] | None = None,
    classes: Sequence[str] | None = None,
    random_state: int = 0,
    test_groups: Sequence[object] | None = None,
    n_bootstrap: int = 1000,
    confidence: float = 0.95,
) -> Evaluation:
    """Train on one set of statements, test on another (e.g. reports never used for any choice).

    Parameters
    ----------
    train_texts, train_labels : sequences
        Training statements and their hand coding (label lists or matrix).
    test_texts, test_labels : sequences
        Test statements and their hand coding.
    systems : mapping of str to estimator, optional
        As in :func:`evaluate`.
    classes : sequence of str, optional
        Category keys.  Default: the codebook keys.
    random_state : int, default 0
        Seed of the supervised model (and of the bootstrap), in [0, 2**32 − 1].
    test_groups : sequence, optional
        Group (e.g. report) of each test statement: the unit the bootstrap
        interval resamples (none from fewer than 10 groups).
    n_bootstrap, confidence
        As in :func:`evaluate`.

    Returns
    -------
    Evaluation
        With ``scheme='holdout'``, ``n_splits=1``, ``n_repeats=1``.

    Raises
    ------
    ValueError
        If texts and labels differ in length, a set is empty, ``classes`` is
        empty or names a key twice, or the bootstrap arguments or
        ``random_state`` are out of range.
    TypeError
        If ``random_state`` is not an int or ``classes`` is not a sequence.

    Examples
    --------
    >>> from toolkit.classify import evaluate_holdout, load_annotations
    >>> train, test = load_annotations("train"), load_annotations("seed")
    >>> ev = evaluate_holdout(train["text"], train["labels"], test["text"], test["labels"])
    >>> ev.scheme, ev.n_statements
    ('holdout', 30)
    """
    classes = check_classes(classes)
    train_texts, test_texts = list(train_texts), list(test_texts)
    if not train_texts or not test_texts:
        raise ValueError(
            f"train_texts and test_texts must not be empty, got {len(train_texts)} and {len(test_texts)}"
        )
    Y_train = _matrix(train_labels, classes, len(train_texts), "train_labels")
    Y_test = _matrix(test_labels, classes, len(test_texts), "test_labels")
    _check_bootstrap(n_bootstrap, confidence)
    random_state = _check_random_state(random_state)
    groups = None
    if test_groups is not None:
        groups = _check_groups(test_groups, len(test_texts), "test_groups")
    systems = _systems(systems, classes, int(random_state))
    rows: dict[str, list[pd.DataFrame]] = {}
    oof: dict[str, list[np.ndarray]] = {}
    for name, estimator in systems.items():
        model = clone(estimator).fit(train_texts, Y_train)
        predicted = np.asarray(model.predict(test_texts), dtype=int)
        metrics = category_metrics(Y_test, predicted)
        metrics.insert(0, "category", classes)
        metrics.insert(0, "repeat", 0)
        rows[name] = [metrics]
        oof[name] = [predicted]
    result = _collect(rows, classes, False, 1, 1, len(test_texts), 0, int(random_state))
    result.scheme = "holdout"
    return _add_predictions(result, Y_test, oof, np.arange(len(test_texts)), groups, n_bootstrap, confidence)


def _collect(
    rows: dict[str, list[pd.DataFrame]],
    classes: list[str],
    grouped: bool,
    n_splits: int,
    n_repeats: int,
    n_tested: int,
    n_extra: int,
    random_state: int,
) -> Evaluation:
    names = load_codebook().names
    per_cat, confusion, summary = [], [], []
    for system, frames in rows.items():
        reps = pd.concat(frames, ignore_index=True)
        mean = reps.groupby("category", sort=False).mean(numeric_only=True)
        f1_std = reps.groupby("category", sort=False)["f1"].std(ddof=0)
        for key in classes:
            m = mean.loc[key]
            per_cat.append({
                "system": system, "category": key, "name_zh": names.get(key, ""),
                "support": int(round(m["support"])), "precision": m["precision"],
                "recall": m["recall"], "f1": m["f1"], "f1_std": f1_std.loc[key], "kappa": m["kappa"],
            })
            confusion.append({"system": system, "category": key, "tp": m["tp"], "fp": m["fp"],
                              "fn": m["fn"], "tn": m["tn"]})
        macro_df = pd.DataFrame([_macro_row(frame) for frame in frames])
        summary.append({
            "system": system,
            "macro_precision": macro_df["macro_precision"].mean(),
            "macro_recall": macro_df["macro_recall"].mean(),
            "macro_f1": macro_df["macro_f1"].mean(),
            "macro_f1_std": macro_df["macro_f1"].std(ddof=0),
            "micro_f1": macro_df["micro_f1"].mean(),
            "mean_kappa": macro_df["mean_kappa"].mean(),
            "n_categories": int(macro_df["n_categories"].iloc[0]),
        })
    return Evaluation(
        summary=pd.DataFrame(summary),
        per_category=pd.DataFrame(per_cat),
        confusion=pd.DataFrame(confusion),
        scheme="grouped" if grouped else "stratified",
        n_splits=n_splits,
        n_repeats=n_repeats,
        n_statements=n_tested,
        n_train_only=n_extra,
        random_state=random_state,
    )


def _check_bootstrap(n_bootstrap: int, confidence: float) -> None:
    if not isinstance(n_bootstrap, (int, np.integer)) or isinstance(n_bootstrap, bool) or n_bootstrap < 0:
        raise ValueError(f"n_bootstrap must be an int >= 0, got {n_bootstrap!r}")
    if not (isinstance(confidence, Real) and 0 < confidence < 1):
        raise ValueError(f"confidence must be a number between 0 and 1 (exclusive), got {confidence!r}")


#: Largest seed numpy.random.RandomState takes, and so scikit-learn's ``random_state``.
_MAX_SEED = 2**32 - 1

#: A bootstrap draws at most this many times ``n_bootstrap`` resamples to find ``n_bootstrap`` that hold every
#: category of the hand coding; below that share of usable resamples the interval is NaN.
_MAX_DRAWS = 50


def bootstrap_macro_f1(
    y_true: np.ndarray,
    y_preds: Sequence[np.ndarray],
    *,
    groups: Sequence[object] | np.ndarray | None = None,
    n_bootstrap: int = 1000,
    random_state: int = 0,
) -> np.ndarray:
    """Bootstrap distribution of the macro F1 of out-of-fold predictions.

    Each resample draws the statements (or, with ``groups``, whole groups) with
    replacement, computes the macro F1 of every prediction matrix on it and
    averages them: with repeated cross-validation, ``y_preds`` holds one
    matrix per repeat.

    The macro F1 is a mean over the categories the hand coding holds, as in
    the point estimate.  A resample that misses one of them (a category of two
    statements is missing from about one resample in seven) would average
    over fewer, mostly leaving out rare categories of low F1 and moving the
    interval up; such resamples are drawn again, so that every resample is,
    like the data scored, a set of statements holding every category.  The
    draws depend on ``y_true``, ``groups`` and ``random_state`` only: systems
    scored with the same ones get the same resamples (a paired comparison).

    Parameters
    ----------
    y_true : array-like of 0/1, shape (n_statements, n_categories)
    y_preds : sequence of array-like of 0/1, each of the shape of ``y_true``
    groups : sequence, optional
        Group of each statement (e.g. its report): the unit of resampling.
    n_bootstrap : int, default 1000
    random_state : int, default 0
        Seed, in [0, 2**32 − 1] as in :func:`evaluate`.

    Returns
    -------
    numpy.ndarray of shape (n_bootstrap,)
        All NaN when fewer than one draw in 50 holds every category (too few
        statements of some category for this interval), or when ``y_true``
        holds no statement.

    Raises
    ------
    ValueError
        If a matrix is not 0/1 or ``y_preds`` holds none of the shape of
        ``y_true``, ``groups`` has a missing label or another length,
        ``n_bootstrap`` < 0, or ``random_state`` is out of range.
    TypeError
        If ``random_state`` is not an int.

    Examples
    --------
    >>> import numpy as np
    >>> y = np.array([[1, 0], [0, 1], [1, 0], [0, 1]])
    >>> bootstrap_macro_f1(y, [y], n_bootstrap=5).tolist()
    [1.0, 1.0, 1.0, 1.0, 1.0]
    """
    t = as_indicator(y_true, "y_true").astype(float)
    preds = [as_indicator(p, "each of y_preds").astype(float) for p in y_preds]
    if not preds or any(p.shape != t.shape for p in preds):
        raise ValueError(f"y_preds must hold matrices of the shape of y_true {t.shape}")
    _check_bootstrap(n_bootstrap, 0.95)
    rng = np.random.default_rng(_check_random_state(random_state))
    n = t.shape[0]
    codes = units = None
    if groups is not None:
        group_arr = _check_groups(groups, n, "groups")
        codes, units = pd.factorize(pd.Series(group_arr, dtype=object))
    if n == 0:
        # no statement to draw (and no category to score): no macro F1, as where no resample holds every category
        return np.full(n_bootstrap, np.nan)
    scored = t.sum(axis=0) > 0  # the categories of the point estimate
    kept: list[np.ndarray] = []
    found = 0
    for _ in range(_MAX_DRAWS):
        if found >= n_bootstrap:
            break
        if codes is None:
            weights = rng.multinomial(n, np.full(n, 1.0 / n), size=n_bootstrap).astype(float)
        else:
            drawn = rng.multinomial(len(units), np.full(len(units), 1.0 / len(units)), size=n_bootstrap)  # type: ignore[arg-type]  # units is set with codes
            weights = drawn[:, codes].astype(float)  # a statement counts as often as its group was drawn
        whole = ((weights @ t)[:, scored] > 0).all(axis=1)  # every category of the hand coding is in it
        kept.append(weights[whole])
        found += int(whole.sum())
    if found < n_bootstrap:
        return np.full(n_bootstrap, np.nan)
    weights = np.concatenate(kept)[:n_bootstrap] if kept else np.zeros((0, n))  # none with n_bootstrap=0
    scores = np.zeros(n_bootstrap)
    for p in preds:
        tp, fp, fn = weights @ (t * p), weights @ ((1 - t) * p), weights @ (t * (1 - p))
        with np.errstate(divide="ignore", invalid="ignore"):
            f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
        scores += f1[:, scored].mean(axis=1) if scored.any() else np.nan
    return scores / len(preds)


def _add_predictions(
    result: Evaluation,
    Y_test: np.ndarray,
    oof: dict[str, list[np.ndarray]],
    tested: np.ndarray,
    test_groups: np.ndarray | None,
    n_bootstrap: int,
    confidence: float,
) -> Evaluation:
    """Attach the out-of-fold predictions and the bootstrap interval of the macro F1."""
    classes = list(dict.fromkeys(result.per_category["category"]))
    true = [join_labels(row) for row in matrix_to_labels(Y_test, classes)]
    frames, low, high = [], [], []
    tail = (1 - confidence) / 2
    units = len(Y_test) if test_groups is None else len(set(test_groups))
    for name, matrices in oof.items():
        for r, matrix in enumerate(matrices):
            frames.append(pd.DataFrame({
                "system": name, "repeat": r, "statement": tested, "labels": true,
                "predicted": [join_labels(row) for row in matrix_to_labels(matrix, classes)],
            }))
        if n_bootstrap:
            # no interval from fewer than 10 units, as toolkit.compare.bootstrap_ci: a bootstrap of so few never
            # reaches beyond them, and is far too narrow
            dist = np.full(n_bootstrap, np.nan) if units < _BOOT_MIN_N else bootstrap_macro_f1(
                Y_test, matrices, groups=test_groups, n_bootstrap=n_bootstrap, random_state=result.random_state)
            result._bootstrap[name] = dist
            lo, hi = np.quantile(dist, [tail, 1 - tail])
        else:
            lo = hi = np.nan
        low.append(lo)
        high.append(hi)
    at = list(result.summary.columns).index("macro_f1_std") + 1
    result.summary.insert(at, "macro_f1_high", high)
    result.summary.insert(at, "macro_f1_low", low)
    result.predictions = pd.concat(frames, ignore_index=True)
    result.n_bootstrap = int(n_bootstrap)
    result.confidence = float(confidence)
    return result
