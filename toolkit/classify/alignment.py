"""Problem–measure alignment: do the measures answer the problems a report admits?"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from toolkit.classify._base import has_content
from toolkit.classify.codebook import categories
from toolkit.classify.labels import split_labels

__all__ = ["alignment", "ALIGNMENT_STATUSES"]

#: Values of the ``status`` column of :func:`alignment`.
ALIGNMENT_STATUSES: tuple[str, ...] = ("addressed", "unaddressed", "measure_only")


def alignment(
    statements: pd.DataFrame,
    *,
    exclude: Sequence[str] = ("other",),
) -> pd.DataFrame:
    """Per report and category: problems admitted, measures announced, and whether they meet.

    Parameters
    ----------
    statements : pandas.DataFrame
        Classified statements with columns ``report_id``, ``kind``
        (``problem``/``measure``) and ``labels`` (';'-joined keys or lists),
        e.g. from :func:`toolkit.classify.label_statements`.
    exclude : sequence of str, default ('other',)
        Categories left out (``other`` is boilerplate: an ``other`` problem
        "answered" by an ``other`` measure says nothing); codebook keys (a
        single str is one key).

    Returns
    -------
    pandas.DataFrame
        One row per report and category that occurs in it: ``report_id``,
        ``category``, ``n_problems``, ``n_measures`` (statements: a key
        repeated in a statement's labels counts once), ``status``:
        ``'addressed'`` (a problem of the category and at least one measure of
        the same category), ``'unaddressed'`` (problems but no such measure),
        ``'measure_only'`` (measures without an admitted problem).  Sorted by
        report (input order) and codebook order.  Statements without labels
        (missing or empty: :func:`~toolkit.classify.label_statements` gives
        none to a statement with nothing to classify, such as ``无`` or an
        empty text) are skipped; their number is ``out.attrs["n_unlabelled"]``.

    Raises
    ------
    TypeError
        If ``statements`` is not a DataFrame.
    ValueError
        If a column is missing, a kind, label or ``exclude`` key is unknown,
        or no statement has labels although one has a text to classify
        (classify first).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.classify import alignment
    >>> st = pd.DataFrame({"report_id": ["r"] * 3, "kind": ["problem", "problem", "measure"],
    ...                    "labels": ["timeliness", "staffing", "staffing;content"]})
    >>> alignment(st)[["category", "status"]].values.tolist()
    [['content', 'measure_only'], ['timeliness', 'unaddressed'], ['staffing', 'addressed']]
    """
    if not isinstance(statements, pd.DataFrame):
        raise TypeError(f"statements must be a pandas DataFrame, got {type(statements).__name__}")
    required = ("report_id", "kind", "labels")
    missing = [c for c in required if c not in statements.columns]
    if missing:
        raise ValueError(f"statements must have columns {', '.join(required)}; missing {', '.join(missing)}")
    keys = categories()
    order = {k: i for i, k in enumerate(keys)}
    excluded = [exclude] if isinstance(exclude, str) else list(exclude)  # 'other' as a str is one key
    unknown = [k for k in excluded if k not in order]
    if unknown:
        raise ValueError(f"exclude must hold codebook keys ({', '.join(keys)}); got {unknown[0]!r}")
    counts: dict[tuple[object, str], list[int]] = {}
    reports: dict[object, int] = {}  # report -> its position in the input (a list's `in` made a corpus quadratic)
    unlabelled = 0
    for i, row in enumerate(statements.itertuples(index=False)):
        # isinstance first: `pd.NA in (...)` raises instead of being False
        if not isinstance(row.kind, str) or row.kind not in ("problem", "measure"):
            raise ValueError(f"kind must be 'problem' or 'measure', got {row.kind!r} in row {i}")
        if pd.isna(row.report_id):
            raise ValueError(f"statement {i} has no report_id: every statement needs its report")
        labels = list(dict.fromkeys(split_labels(row.labels)))  # 'content;content' is one statement of content
        reports.setdefault(row.report_id, len(reports))
        if not labels:  # nothing to classify (label_statements gives no labels): no category to count
            unlabelled += 1
            continue
        for lab in labels:
            if lab not in order:
                raise ValueError(f"labels must be among {', '.join(keys)}; got {lab!r} in row {i}")
            if lab in excluded:
                continue
            entry = counts.setdefault((row.report_id, lab), [0, 0])
            entry[0 if row.kind == "problem" else 1] += 1
    if unlabelled and unlabelled == len(statements) and _has_text_to_classify(statements):
        raise ValueError(
            "no statement has labels, but some have a text to classify: classify the statements first "
            "(toolkit.classify.label_statements)"
        )
    rows = []
    for (report, key), (n_p, n_m) in counts.items():
        status = "addressed" if n_p and n_m else ("unaddressed" if n_p else "measure_only")
        rows.append({"report_id": report, "category": key, "n_problems": n_p, "n_measures": n_m, "status": status})
    out = pd.DataFrame(rows, columns=["report_id", "category", "n_problems", "n_measures", "status"])
    if len(out):
        out["_r"] = out["report_id"].map(reports)
        out["_c"] = out["category"].map(order)
        out = out.sort_values(["_r", "_c"]).drop(columns=["_r", "_c"]).reset_index(drop=True)
    out.attrs["n_unlabelled"] = unlabelled
    return out


def _has_text_to_classify(statements: pd.DataFrame) -> bool:
    """Whether a statement has a text the classifier labels (True without a ``text`` column: can't tell)."""
    if "text" not in statements.columns:
        return True
    return any(isinstance(t, str) and has_content(t) for t in statements["text"])
