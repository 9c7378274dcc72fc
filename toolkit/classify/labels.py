"""Multi-label targets: label lists <-> 0/1 indicator matrices.

The classifiers accept either form in ``fit``; scikit-learn tools
(``cross_validate``, ``GridSearchCV``, metrics) need the indicator matrix, and
``predict`` returns one (columns in ``classes_`` order).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from toolkit.classify.codebook import categories

__all__ = ["labels_to_matrix", "matrix_to_labels", "split_labels", "join_labels"]


def as_indicator(matrix: object, name: str = "matrix") -> np.ndarray:
    """``matrix`` as a 2-D int array of 0/1, or a ValueError naming ``name``.

    Probabilities (0.99) or counts (2) are refused rather than truncated or read as "not 1".  A frame of nullable
    numbers or booleans is read as its values (it was refused as 'got values such as [0, 1]'); a missing cell is
    refused naming its row and column.
    """
    array = np.asarray(_numpy_frame(matrix, name))
    if array.ndim != 2:
        raise ValueError(f"{name} must be a 2-D 0/1 indicator matrix, got {array.ndim} dimension(s)")
    if array.dtype.kind not in "biuf" or not np.isin(array, (0, 1)).all():
        raise ValueError(f"{name} must be a 0/1 indicator matrix (threshold probabilities first), got values "
                         f"such as {np.unique(array)[:5].tolist()}")
    return array.astype(int)


def named_indicator(y: object, classes: Sequence[str], name: str = "y") -> np.ndarray | None:
    """An indicator DataFrame whose columns are named by category keys, as a matrix in ``classes`` order.

    ``MultiLabelBinarizer``'s ``classes_`` and ``str.get_dummies`` name the columns in alphabetical order, not
    the codebook's: read by position, 'timeliness' would be taken for 'other'.  A key of ``classes`` without a
    column is a category no statement has (all 0).  None where ``y`` is no such DataFrame (an array, or
    columns not all named by text, or values that are no numbers): it is read as before.

    Raises
    ------
    ValueError
        If a column's name is not among ``classes``, or named twice.
    """
    if (not isinstance(y, pd.DataFrame) or not len(y.columns) or not all(isinstance(c, str) for c in y.columns)
            or np.asarray(y).dtype.kind not in "biuf"):
        return None
    matrix = as_indicator(y, name)
    columns = list(y.columns)
    unknown = [c for c in columns if c not in classes]
    if unknown:
        raise ValueError(
            f"{name} names its columns, but {unknown[0]!r} is not among the classes ({', '.join(classes)})"
        )
    twice = [c for c in columns if columns.count(c) > 1]
    if twice:
        raise ValueError(f"{name} has two columns named {twice[0]!r}")
    out = np.zeros((len(y), len(classes)), dtype=int)
    out[:, [list(classes).index(c) for c in columns]] = matrix
    return out


def _numpy_frame(y: object, name: str) -> object:
    """A DataFrame of nullable numbers or booleans (``Int64``, ``boolean``: ``convert_dtypes()``, or a spreadsheet
    read with ``dtype_backend='numpy_nullable'``) as one of floats, else ``y`` as it is.

    Such a frame is an object array to numpy: it was taken for label lists, and iterating it gave its column
    names, so that statement i got the key of column i as its label, without a word.

    Raises
    ------
    ValueError
        If such a frame has a missing cell (a statement not coded for a category: 0 or 1 is for the coder to say).
    """
    if not isinstance(y, pd.DataFrame) or not len(y.columns) or all(isinstance(t, np.dtype) for t in y.dtypes):
        return y
    if not all(pd.api.types.is_numeric_dtype(t) or pd.api.types.is_bool_dtype(t) for t in y.dtypes):
        return y
    missing = y.isna().to_numpy()
    if missing.any():
        row, col = (int(i[0]) for i in np.nonzero(missing))
        raise ValueError(f"{name} has {int(missing.sum())} missing cell(s), the first in row {row}, column "
                         f"{y.columns[col]!r}: code each statement 0 or 1 for every category first")
    return y.astype(float)


def indicator_or_none(y: object, classes: Sequence[str], name: str = "y") -> np.ndarray | None:
    """``y`` as a matrix where it is one (an array, a DataFrame, a list of 0/1 rows), else None (label lists).

    Columns named by keys are put in ``classes`` order (:func:`named_indicator`); other matrices are returned as
    given, to be checked by the caller.
    """
    y = _numpy_frame(y, name)
    named = named_indicator(y, classes, name)
    if named is not None:
        return named
    if isinstance(y, (np.ndarray, pd.DataFrame)) or (
        isinstance(y, (list, tuple)) and y and all(isinstance(r, (list, tuple, np.ndarray)) for r in y)
    ):
        try:
            array = np.asarray(y)
        except ValueError:  # ragged label lists
            return None
        # ([[], []] is label lists without labels, not a matrix of no columns)
        if array.ndim == 2 and array.shape[1] and array.dtype.kind in "biuf":
            return array
    return None


def split_labels(value: object) -> list[str]:
    """One statement's labels as a list: from a list/tuple/set or a ';'-joined str.

    Parameters
    ----------
    value : str, list, tuple, set or missing
        ``'content;timeliness'``, ``['content', 'timeliness']``; ``''`` and a
        missing value (None/NaN/NA) mean no labels, and so do an empty part of
        the str and a blank or missing entry of the list.

    Returns
    -------
    list of str

    Raises
    ------
    TypeError
        If ``value`` is of another type.

    Examples
    --------
    >>> split_labels("content; timeliness")
    ['content', 'timeliness']
    """
    if value is None or (not isinstance(value, (str, list, tuple, set, frozenset, np.ndarray)) and pd.isna(value)):
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(";") if p.strip()]
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        # a missing or blank entry is no label, as an empty part of 'content;' is: str() made None a key 'None'
        # (a row 'None' of plot_heatmap) and NaN a key 'nan'
        items = (v for v in value if v is not None and not (pd.api.types.is_scalar(v) and pd.isna(v)))
        return [t for t in (str(v).strip() for v in items) if t]
    raise TypeError(f"labels must be a ';'-joined str or a list of keys, got {type(value).__name__}")


def join_labels(labels: Iterable[str]) -> str:
    """``['content', 'timeliness']`` -> ``'content;timeliness'``.

    Parameters
    ----------
    labels : iterable of str
        The keys (a list, a tuple, a generator), not one str.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If ``labels`` is a str.

    Examples
    --------
    >>> join_labels(["content", "timeliness"])
    'content;timeliness'
    """
    if isinstance(labels, str):  # its characters would be joined: 'content' -> 'c;o;n;t;e;n;t'
        raise TypeError(f"labels must be an iterable of keys such as ['content'], not a str: got {labels!r}")
    return ";".join(labels)


def labels_to_matrix(labels: Sequence[object], classes: Sequence[str] | None = None) -> np.ndarray:
    """Turn label lists into a 0/1 indicator matrix.

    Parameters
    ----------
    labels : sequence
        One entry per statement: a list of keys or a ';'-joined str (``''`` or
        missing: no label).
    classes : sequence of str, optional
        Column order.  Default: the codebook keys (:func:`categories`).

    Returns
    -------
    numpy.ndarray
        int matrix of shape ``(len(labels), len(classes))``.

    Raises
    ------
    ValueError
        If a label is not among ``classes``.
    TypeError
        If ``labels`` is a single str or a DataFrame (whose rows are no label lists).

    Examples
    --------
    >>> labels_to_matrix([["content"], "timeliness;content"], classes=["content", "timeliness"]).tolist()
    [[1, 0], [1, 1]]
    """
    classes = list(categories() if classes is None else classes)
    index = {c: j for j, c in enumerate(classes)}
    if isinstance(labels, str):
        raise TypeError("labels must be a sequence with one entry per statement, not a single str")
    if isinstance(labels, pd.DataFrame):
        # iterating a frame gives its column names: statement i was coded with the key of column i (a 0/1 sheet
        # read as text, pd.read_csv(..., dtype=str), whose columns are named by keys), or 'labels' was no key
        raise TypeError(f"labels must be label lists or ';'-joined str, one per statement, not a DataFrame (columns "
                        f"{list(labels.columns)[:5]}, dtypes {sorted({str(t) for t in labels.dtypes})}): pass its "
                        "column of labels (df['labels']), or a 0/1 indicator frame of numbers (.astype(int))")
    matrix = np.zeros((len(labels), len(classes)), dtype=int)
    for i, value in enumerate(labels):
        for lab in split_labels(value):
            if lab not in index:
                raise ValueError(
                    f"labels must be among {', '.join(classes)}; got {lab!r} for statement {i}"
                )
            matrix[i, index[lab]] = 1
    return matrix


def matrix_to_labels(matrix: object, classes: Sequence[str] | None = None) -> list[list[str]]:
    """Turn a 0/1 indicator matrix into label lists.

    Parameters
    ----------
    matrix : array-like of shape (n_statements, n_classes)
    classes : sequence of str, optional
        Column names.  Default: the codebook keys.

    Returns
    -------
    list of list of str

    Raises
    ------
    ValueError
        If the matrix is not a 2-D 0/1 matrix or its width differs from ``len(classes)``.

    Examples
    --------
    >>> matrix_to_labels([[1, 0], [1, 1]], classes=["content", "timeliness"])
    [['content'], ['content', 'timeliness']]
    """
    classes = list(categories() if classes is None else classes)
    array = as_indicator(matrix)
    if array.shape[1] != len(classes):
        raise ValueError(
            f"matrix must have shape (n, {len(classes)}) for classes {classes}, got shape {array.shape}"
        )
    return [[classes[j] for j in np.flatnonzero(row)] for row in array]
