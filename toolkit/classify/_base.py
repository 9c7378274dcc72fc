"""What the statement classifiers share: input checks, targets, scikit-learn tags."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from toolkit.classify.codebook import categories
from toolkit.classify.labels import as_indicator, indicator_or_none, labels_to_matrix
from toolkit.formats import alternation, read_data_yaml
from toolkit.normalize import HAN_RANGES


#: White space beside a Chinese character: a line break or space inside Chinese text (a statement wrapped as the
#: PDF printed it, a cell with a line break in Excel) is no word boundary and must not split 重点领域 in two.
#: A run before a character is matched from its first white space only (the lookbehind): tried from each one, a run
#: of 20,000 spaces followed by none took 5 s (each start ran to the run's end and back).
_HAN_SPACE = re.compile(f"(?<=[{HAN_RANGES}])\\s+|(?<!\\s)\\s+(?=[{HAN_RANGES}])")


@functools.lru_cache(maxsize=2**16)
def _normalize(text: str) -> str:
    from toolkit.normalize import normalize_text

    # the wraps joined before the conversion too: OpenCC converts words, and a word of traditional text wrapped
    # ('答\n覆', '藉\n助') was converted a character at a time, left as written (答覆, not 答复); line by line then (a
    # line's neighbours tell its script), and the wraps that only normalizing shows (beside a character it removed) joined
    return _HAN_SPACE.sub("", normalize_text(_HAN_SPACE.sub("", text))).strip()


def normalize_texts(X: object, name: str = "X") -> list[str]:
    """Check that X is a sequence of str and normalize each (NFKC, simplified, no pinyin, no white space beside
    a Chinese character)."""
    if isinstance(X, str):
        raise TypeError(f"{name} must be a sequence of statement texts, not a single str")
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise TypeError(f"{name} must be a sequence of statement texts, got a DataFrame with {X.shape[1]} columns")
        X = X.iloc[:, 0]
    # a Series' labels, to name a bad item by: the position alone sent the reader to the wrong row of a filtered frame
    index = list(X.index) if isinstance(X, pd.Series) else None
    try:
        items = list(X)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be a sequence of statement texts, got {type(X).__name__}") from None
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            where = f"item {i}" + (f" (index {index[i]!r})" if index is not None and index[i] != i else "")
            raise TypeError(f"{name} must contain str only; {where} is {type(item).__name__} ({item!r})"
                            + (": a missing text; drop the row, or fill it with '' (no label)"
                               if _is_missing(item) else ""))
        out.append(_normalize(item))
    return out


def _is_missing(item: object) -> bool:
    """Whether ``item`` is a missing value (None, NaN, pd.NA), as a statements.csv read by pandas gives an empty
    text."""
    return item is None or item is pd.NA or (isinstance(item, float) and item != item)


_HAN = re.compile(f"[{HAN_RANGES}]")
#: What is no word of a statement: anything but a Chinese character or a Latin letter.
NON_WORD = re.compile(f"[^{HAN_RANGES}A-Za-z]+")


@functools.lru_cache(maxsize=1)
def _contentless() -> re.Pattern[str]:
    """One pattern of what ``toolkit/data/classify/contentless.yaml`` removes before looking for content."""
    spec = read_data_yaml("classify", "contentless.yaml")
    parts = [f"(?:{p})" for p in spec.get("patterns") or ()]
    parts.append(alternation([str(w) for w in spec.get("placeholders") or ()]))
    return re.compile("|".join(parts))


def has_content(text: str) -> bool:
    """Whether a statement holds something to classify.

    True when its normalized text (NFKC, simplified characters) keeps a
    Chinese character after the dates, numbers and placeholder words of
    ``toolkit/data/classify/contentless.yaml`` are removed; ``'12345'``,
    ``'-'``, ``'。'``, ``'N/A'``, ``'无'``, ``'暂无'`` and ``'2023年'`` have
    none.

    Parameters
    ----------
    text : str

    Returns
    -------
    bool

    Examples
    --------
    >>> has_content("暂无"), has_content("2023年"), has_content("信息更新不及时"), has_content("无法及时公开")
    (False, False, True, True)
    """
    return bool(_HAN.search(_contentless().sub("", _normalize(text))))


def check_classes(classes: object) -> list[str]:
    """The category keys ``classes`` names (default: the codebook's), or an error naming ``classes``.

    A str would be read letter by letter ('labels must be among c, o, n, t, …'), no key gave numpy's broadcast
    error from inside, a key twice made Evaluation.table fail in pandas' pivot, and a blank key ('') was a category
    a classifier predicted: a label '' where the evaluation's ``''`` means no label.
    """
    if classes is None:
        return list(categories())
    if isinstance(classes, (str, bytes)) or not isinstance(classes, Iterable):
        raise TypeError(f"classes must be a sequence of category keys, e.g. ['content', 'platform'], got "
                        f"{type(classes).__name__}: {classes!r}")
    keys = list(classes)
    if not keys:
        raise ValueError("classes must name at least one category key, got none")
    bad = [k for k in keys if not isinstance(k, str) or not k.strip()]
    if bad:
        raise ValueError(f"classes must be category keys (non-empty str), got {bad[0]!r}: a statement without a "
                         "label is a row of 0s, not a category")
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise ValueError(f"classes names {twice[0]!r} twice: each category key once")
    return keys


class MultiLabelMixin:
    """Targets as label lists or indicator matrix; ``classes`` default: the codebook keys."""

    classes: Sequence[str] | None

    def _classes(self) -> list[str]:
        return check_classes(self.classes)

    def _target(self, y: object, n: int) -> np.ndarray:
        classes = self._classes()
        matrix = indicator_or_none(y, classes)
        if matrix is None:
            matrix = labels_to_matrix(y, classes)  # type: ignore[arg-type]
        elif matrix.shape[1] != len(classes):
            raise ValueError(
                f"y has {matrix.shape[1]} columns but there are {len(classes)} classes ({', '.join(classes)})"
            )
        else:
            matrix = as_indicator(matrix, "y (a list of label lists, or)")
        if matrix.shape[0] != n:
            raise ValueError(f"X has {n} statements but y has {matrix.shape[0]} rows")
        return matrix.astype(int)

    def predict_labels(self, X: object) -> list[list[str]]:
        """Predicted labels as lists of keys (see ``predict``)."""
        matrix = self.predict(X)  # type: ignore[attr-defined]
        classes = list(self.classes_)  # type: ignore[attr-defined]
        return [[classes[j] for j in np.flatnonzero(row)] for row in matrix]

    def __sklearn_tags__(self):  # scikit-learn >= 1.6
        tags = super().__sklearn_tags__()  # type: ignore[misc]
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.multi_output = True
        tags.target_tags.single_output = False
        if tags.classifier_tags is not None:
            tags.classifier_tags.multi_label = True
        return tags

    def _more_tags(self) -> dict:  # scikit-learn < 1.6
        return {"X_types": ["string"], "multilabel": True, "multioutput": True}
