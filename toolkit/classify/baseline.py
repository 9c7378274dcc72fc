"""Majority baseline: every statement gets the most frequent category of the training data."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from toolkit.classify._base import MultiLabelMixin, has_content, normalize_texts

__all__ = ["MajorityBaseline"]


class MajorityBaseline(MultiLabelMixin, ClassifierMixin, BaseEstimator):
    """Predict the single most frequent category for every statement.

    The floor any classifier has to beat.  (scikit-learn's
    ``DummyClassifier(strategy='most_frequent')`` on an indicator matrix
    predicts no label at all, because every category is in the minority; this
    baseline keeps the rule that every statement gets one label.)

    Parameters
    ----------
    classes : sequence of str, optional
        Category keys.  Default: the codebook keys.

    Attributes
    ----------
    classes_ : numpy.ndarray of str
    frequencies_ : numpy.ndarray
        Share of training statements carrying each category.
    majority_ : str or None
        The most frequent category (first in codebook order on ties); None
        where no training statement has a label (then none is predicted).

    Examples
    --------
    >>> from toolkit.classify import MajorityBaseline
    >>> MajorityBaseline().fit(["a", "b", "c"], [["content"], ["content"], ["other"]]).majority_
    'content'
    """

    def __init__(self, *, classes: Sequence[str] | None = None) -> None:
        self.classes = classes

    def fit(self, X: object, y: object) -> MajorityBaseline:
        """Count the categories.

        Parameters
        ----------
        X : sequence of str
        y : label lists or indicator matrix

        Returns
        -------
        MajorityBaseline
            self

        Raises
        ------
        ValueError
            If X holds no statement, or X and y differ in length.
        """
        texts = normalize_texts(X)
        Y = self._target(y, len(texts))
        if not texts:
            # no frequency to count: argmax of the zeros took the first class ('awareness') from no data
            raise ValueError("X must hold at least one statement, got 0")
        self.classes_ = np.asarray(self._classes(), dtype=object)
        self.frequencies_ = Y.mean(axis=0)
        # no statement with a label: no majority, as StatementClassifier gives no label from probabilities all 0
        # (argmax of the zeros named the first class, 'awareness')
        self.majority_: str | None = (str(self.classes_[int(np.argmax(self.frequencies_))])
                                      if self.frequencies_.any() else None)
        return self

    def predict_proba(self, X: object) -> np.ndarray:
        """The training frequencies, the same for every statement.

        Parameters
        ----------
        X : sequence of str

        Returns
        -------
        numpy.ndarray of shape (n_statements, n_classes)
        """
        check_is_fitted(self, "frequencies_")
        n = len(normalize_texts(X))
        return np.tile(self.frequencies_, (n, 1))

    def predict(self, X: object) -> np.ndarray:
        """One-hot rows of the majority category (rows of 0s where there is none).

        Parameters
        ----------
        X : sequence of str

        Returns
        -------
        numpy.ndarray of int, shape (n_statements, n_classes)
            A statement with nothing to classify (no Chinese character once the
            dates, numbers and placeholder words are removed: ``''``,
            ``'12345'``, ``'暂无'``) gets a row of 0s, no label, as from the
            other classifiers; ``predict_proba`` still gives it its row.
        """
        check_is_fitted(self, "frequencies_")
        texts = normalize_texts(X)
        out = np.zeros((len(texts), len(self.classes_)), dtype=int)
        if self.majority_ is not None:
            # nothing to classify: the majority went to '' and '暂无' too, where label_statements gives no label
            content = np.array([has_content(t) for t in texts], dtype=bool)
            out[content, list(self.classes_).index(self.majority_)] = 1
        return out
