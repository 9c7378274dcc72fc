"""Dictionary method: a statement gets the categories whose seed keywords it contains."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from toolkit.classify._base import MultiLabelMixin, has_content, normalize_texts
from toolkit.classify.codebook import load_codebook

__all__ = ["LexiconClassifier"]


class LexiconClassifier(MultiLabelMixin, ClassifierMixin, BaseEstimator):
    """Code statements with the codebook's seed lexicon (a dictionary method).

    A statement gets every category one of whose keywords occurs in its
    normalized text; a statement with no keyword gets ``fallback``.  ``fit``
    learns nothing: it only records the classes, so that the classifier can be
    evaluated side by side with trained ones.

    Parameters
    ----------
    lexicon : mapping of str to list of str, optional
        Category key -> keywords; its keys must be among ``classes``.  Default:
        the ``lexicon`` entries of the packaged codebook
        (``toolkit/data/classify/codebook.yaml``) of the categories among
        ``classes``.
    fallback : str or None, default 'other'
        Category given to a statement without any keyword; None leaves it
        without a label (needed when ``classes`` leave out ``other``).
    classes : sequence of str, optional
        Category keys, the columns of ``predict``.  Default: the codebook keys.

    Attributes
    ----------
    classes_ : numpy.ndarray of str
    lexicon_ : dict of str to tuple of str
        The keywords used, normalized.

    Examples
    --------
    >>> from toolkit.classify import LexiconClassifier
    >>> clf = LexiconClassifier().fit(["信息更新不及时"], [["timeliness"]])
    >>> clf.predict_labels(["政策解读形式单一", "与群众期待还有差距"])
    [['interpretation'], ['other']]
    """

    def __init__(
        self,
        *,
        lexicon: Mapping[str, Sequence[str]] | None = None,
        fallback: str | None = "other",
        classes: Sequence[str] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.fallback = fallback
        self.classes = classes

    def fit(self, X: object, y: object = None) -> LexiconClassifier:
        """Record the classes (nothing is learned).

        Parameters
        ----------
        X : sequence of str
            Statement texts (checked, not used).
        y : label lists or indicator matrix, optional
            Checked against the classes, not used.

        Returns
        -------
        LexiconClassifier
            self

        Raises
        ------
        ValueError
            If ``fallback`` or a lexicon key is not among the classes.
        TypeError
            If X is not a sequence of str.
        """
        texts = normalize_texts(X)
        classes = self._classes()
        if y is not None:
            self._target(y, len(texts))
        if self.fallback is not None and self.fallback not in classes:
            raise ValueError(
                f"fallback must be one of {', '.join(classes)} or None, got {self.fallback!r}"
            )
        if self.lexicon is None:  # the codebook's keywords of the categories asked for
            lexicon = {k: words for k, words in load_codebook().lexicon.items() if k in classes}
        else:
            lexicon = self.lexicon
        unknown = [k for k in lexicon if k not in classes]
        if unknown:
            raise ValueError(f"lexicon keys must be among {', '.join(classes)}, got {unknown[0]!r}")
        self.classes_ = np.asarray(classes, dtype=object)
        self.lexicon_ = {
            k: tuple(dict.fromkeys(w for w in normalize_texts(lexicon.get(k, ()), "lexicon") if w))
            for k in classes
        }
        return self

    def _hits(self, X: object) -> tuple[np.ndarray, np.ndarray]:
        """Keyword counts per statement and category, and which statements get ``fallback`` where they have none."""
        check_is_fitted(self, "lexicon_")
        texts = normalize_texts(X)
        # the fallback is for a statement without keyword, not for one with nothing to classify ('', '12345', '暂无'):
        # those got 'other' where label_statements gives them no label
        content = np.array([has_content(t) for t in texts], dtype=bool)
        hits = np.zeros((len(texts), len(self.classes_)), dtype=float)
        for j, key in enumerate(self.classes_):
            words = self.lexicon_[key]
            for i, text in enumerate(texts):
                hits[i, j] = sum(1 for w in words if w in text)
        return hits, content

    def predict_proba(self, X: object) -> np.ndarray:
        """Share of the matched keywords that belong to each category.

        These are scores, not calibrated probabilities: a statement whose
        keywords are 2 of ``content`` and 1 of ``timeliness`` gets 2/3 and 1/3;
        one without keywords gets 1 for ``fallback``; one with nothing to
        classify (``''``, ``'12345'``, ``'暂无'``) gets 0s.

        Parameters
        ----------
        X : sequence of str

        Returns
        -------
        numpy.ndarray of shape (n_statements, n_classes)
        """
        hits, content = self._hits(X)
        total = hits.sum(axis=1, keepdims=True)
        proba = np.divide(hits, total, out=np.zeros_like(hits), where=total > 0)
        if self.fallback is not None:
            j = list(self.classes_).index(self.fallback)
            proba[(total[:, 0] == 0) & content, j] = 1.0
        return proba

    def predict(self, X: object) -> np.ndarray:
        """Indicator matrix: 1 where the statement contains a keyword of the category.

        Parameters
        ----------
        X : sequence of str

        Returns
        -------
        numpy.ndarray of int, shape (n_statements, n_classes)
            A statement without keyword gets ``fallback``, unless it has
            nothing to classify (``''``, ``'12345'``, ``'暂无'``): no label, as
            in :func:`toolkit.classify.label_statements`.
        """
        hits, content = self._hits(X)
        out = (hits > 0).astype(int)
        if self.fallback is not None:
            j = list(self.classes_).index(self.fallback)
            out[(out.sum(axis=1) == 0) & content, j] = 1
        return out
