"""Supervised multi-label classifier of statements, and the default model.

Features: TF-IDF over jieba words (domain user dictionary, stopwords) and over
character n-grams; one logistic regression per category (class_weight
'balanced'); every statement gets at least one label (the most probable
specific one when none passes the threshold; ``other`` only where the model
itself says so).  Input is normalized first (NFKC, traditional
→ simplified, pinyin annotations removed, white space beside a Chinese
character dropped), so traditional and simplified wordings of a statement, or
a statement wrapped onto several lines, get the same result.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from numbers import Real

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from toolkit.classify._base import NON_WORD, MultiLabelMixin, has_content, normalize_texts
from toolkit.classify.codebook import categories, load_annotations, load_codebook
from toolkit.classify.labels import join_labels
from toolkit.classify.tokens import tokenize

__all__ = ["StatementClassifier", "default_model", "label_statements"]

def _letters_only(text: str) -> str:
    """Preprocessor of the character n-grams: punctuation and digits removed."""
    return NON_WORD.sub(" ", text)


def _check_words(texts: list[str]) -> None:
    """Refuse training statements none of which has something to classify: no words to learn from.

    Texts of digits or punctuation only ('123', '。') failed deep in scikit-learn ('empty vocabulary; perhaps the
    documents only contain stop words'), and placeholders ('无', '暂无') trained a model on words that
    ``predict`` gives no label to.
    """
    if any(has_content(t) for t in texts):
        return
    raise ValueError(f"X holds no statement with something to classify, so there are no words to learn from: "
                     f"all {len(texts)} have no Chinese character once the dates, numbers and placeholder words "
                     f"(无, 暂无, N/A) are removed, e.g. {texts[0]!r}")


class _LexiconFeatures(TransformerMixin, BaseEstimator):
    """One feature per category: 1 if the text contains one of its seed keywords, times ``weight``."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, X: object, y: object = None) -> _LexiconFeatures:
        lexicon = load_codebook().lexicon
        # normalized as the texts are (and as LexiconClassifier does): a keyword edited in traditional characters or
        # full-width forms would match no normalized text
        self.keywords_ = [tuple(w for w in normalize_texts(words, "lexicon") if w)
                          for words in lexicon.values() if words]
        return self

    def transform(self, X: Iterable[str]) -> sparse.csr_matrix:
        rows = [[float(any(w in text for w in words)) for words in self.keywords_] for text in X]
        return sparse.csr_matrix(np.asarray(rows, dtype=float).reshape(len(rows), len(self.keywords_)) * self.weight)


class StatementClassifier(MultiLabelMixin, ClassifierMixin, BaseEstimator):
    """Multi-label classifier of statements: TF-IDF words + character n-grams, one linear model per label.

    Parameters
    ----------
    C : float, default 10.0
        Inverse regularization strength of each logistic regression.
    word_ngram_range : tuple of int, default (1, 2)
        n-gram range over jieba words (:func:`toolkit.classify.tokenize`).
    char_ngram_range : tuple of int, default (1, 3)
        n-gram range over characters (punctuation and digits removed).
    use_words, use_chars : bool, default True
        Which of the two TF-IDF feature sets to use (at least one).
    lexicon_weight : float, default 1.0
        Weight of the lexicon features (one per category: the statement contains
        one of its seed keywords in ``codebook.yaml``); 0 leaves them out.
    sublinear_tf : bool, default True
        Use 1 + log(tf) in both TF-IDF blocks.
    class_weight : {'balanced'} or None, default 'balanced'
        Passed to each logistic regression; 'balanced' lets rare categories be
        predicted at all.
    threshold : float, default 0.5
        A category is predicted where its probability reaches the threshold.
    ensure_label : bool, default True
        Give a statement with no category above the threshold its most probable
        one (not counting ``exclusive``); none where every probability is 0
        (categories the training data never gave).
    exclusive : str or None, default 'other'
        A category given only when no other one is predicted and its own
        probability reaches the threshold (the codebook's rule for ``other``:
        "use other only when no category fits"); it is never the fallback of
        ``ensure_label``.
    classes : sequence of str, optional
        Category keys (columns of ``y`` when it is a matrix, and of
        ``predict``).  Default: the codebook keys.
    random_state : int or None, default None
        Passed to the logistic regressions (the lbfgs solver is deterministic;
        kept for scikit-learn conventions).

    Attributes
    ----------
    classes_ : numpy.ndarray of str
    vectorizer_ : sklearn.pipeline.FeatureUnion
    estimators_ : list
        Per category a fitted ``LogisticRegression``, or a float (the constant
        probability) for a category that is always or never present in the
        training data.

    Notes
    -----
    The logistic regressions use the liblinear solver, with BLAS limited to one
    thread while fitting and predicting (the problems are small).  The lexicon
    features (``lexicon_weight``) add, per category, whether the statement
    contains one of the codebook's seed keywords: the codebook's knowledge
    guides the model where hand-coded examples are few.

    ``fit`` takes ``y`` as a 0/1 indicator matrix (columns in ``classes``
    order; a DataFrame whose columns are named by keys, as
    ``MultiLabelBinarizer`` or ``str.get_dummies`` name them, by name) or as
    label lists (``[['content'], ['content', 'timeliness']]`` or
    ``'content;timeliness'`` strings).  ``predict`` returns the indicator matrix,
    which is what scikit-learn's ``cross_validate``/``GridSearchCV`` and metrics
    expect; use :func:`toolkit.classify.labels_to_matrix` to pass label lists to
    them.

    Examples
    --------
    >>> from toolkit.classify import StatementClassifier, load_annotations
    >>> data = load_annotations("train")
    >>> clf = StatementClassifier(random_state=0).fit(data["text"], data["labels"])
    >>> clf.predict_labels(["信息更新不够及时", "資訊更新不夠及時"])
    [['timeliness'], ['timeliness']]
    """

    def __init__(
        self,
        *,
        C: float = 10.0,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (1, 3),
        use_words: bool = True,
        use_chars: bool = True,
        lexicon_weight: float = 1.0,
        sublinear_tf: bool = True,
        class_weight: str | None = "balanced",
        threshold: float = 0.5,
        ensure_label: bool = True,
        exclusive: str | None = "other",
        classes: Sequence[str] | None = None,
        random_state: int | None = None,
    ) -> None:
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.use_words = use_words
        self.use_chars = use_chars
        self.lexicon_weight = lexicon_weight
        self.sublinear_tf = sublinear_tf
        self.class_weight = class_weight
        self.threshold = threshold
        self.ensure_label = ensure_label
        self.exclusive = exclusive
        self.classes = classes
        self.random_state = random_state

    def _check_params(self) -> None:
        if not (isinstance(self.C, Real) and self.C > 0):
            raise ValueError(f"C must be a positive number, got {self.C!r}")
        if not (isinstance(self.threshold, Real) and 0 < self.threshold < 1):
            raise ValueError(f"threshold must be a number between 0 and 1 (exclusive), got {self.threshold!r}")
        if self.class_weight not in ("balanced", None):
            raise ValueError(f"class_weight must be 'balanced' or None, got {self.class_weight!r}")
        if self.exclusive is not None and not isinstance(self.exclusive, str):
            raise ValueError(f"exclusive must be a category key or None, got {self.exclusive!r}")
        if not (isinstance(self.lexicon_weight, Real) and self.lexicon_weight >= 0):
            raise ValueError(f"lexicon_weight must be a number >= 0, got {self.lexicon_weight!r}")
        if not (self.use_words or self.use_chars):
            raise ValueError("use_words and use_chars cannot both be False: there would be no features")

    def _vectorizer(self) -> FeatureUnion:
        parts = []
        if self.use_words:
            parts.append((
                "words",
                TfidfVectorizer(
                    tokenizer=tokenize, token_pattern=None, lowercase=False,
                    ngram_range=self.word_ngram_range, sublinear_tf=self.sublinear_tf,
                ),
            ))
        if self.use_chars:
            parts.append((
                "chars",
                TfidfVectorizer(
                    analyzer="char", preprocessor=_letters_only, lowercase=False,
                    ngram_range=self.char_ngram_range, sublinear_tf=self.sublinear_tf,
                ),
            ))
        if self.lexicon_weight:
            parts.append(("lexicon", _LexiconFeatures(weight=self.lexicon_weight)))
        return FeatureUnion(parts)

    def fit(self, X: object, y: object) -> StatementClassifier:
        """Fit the vectorizer and one logistic regression per category.

        Parameters
        ----------
        X : sequence of str
            Statement texts (traditional or simplified).
        y : indicator matrix or label lists
            See Notes of the class.

        Returns
        -------
        StatementClassifier
            self

        Raises
        ------
        TypeError
            If X is not a sequence of str.
        ValueError
            For bad parameters, unknown labels, X and y of different lengths, or
            no statement with something to classify (all of them ``'无'``,
            ``'12345'``, ``''``: no words to learn from).
        """
        self._check_params()
        texts = normalize_texts(X)
        Y = self._target(y, len(texts))
        if not texts:
            raise ValueError("X must hold at least one statement, got 0")
        _check_words(texts)
        self.classes_ = np.asarray(self._classes(), dtype=object)
        self.vectorizer_ = self._vectorizer().fit(texts)
        features = self.vectorizer_.transform(texts)
        self.estimators_: list[LogisticRegression | float] = []
        # One BLAS thread: these problems are small, and spinning BLAS threads on a busy
        # machine made a fit 100 times slower.
        with threadpool_limits(limits=1, user_api="blas"):
            for j in range(Y.shape[1]):
                column = Y[:, j]
                if column.min() == column.max():
                    self.estimators_.append(float(column[0]))
                    continue
                model = LogisticRegression(
                    C=self.C, class_weight=self.class_weight, solver="liblinear", max_iter=1000,
                    random_state=self.random_state,
                )
                self.estimators_.append(model.fit(features, column))
        return self

    def predict_proba(self, X: object) -> np.ndarray:
        """Probability of each category, per statement.

        Parameters
        ----------
        X : sequence of str

        Returns
        -------
        numpy.ndarray of shape (n_statements, n_classes)
            Column j is the probability that the statement has ``classes_[j]``
            (the columns do not sum to 1: a statement can have several).
        """
        check_is_fitted(self, "estimators_")
        texts = normalize_texts(X)
        if not texts:
            return np.zeros((0, len(self.estimators_)))
        features = self.vectorizer_.transform(texts)
        n = features.shape[0]
        with threadpool_limits(limits=1, user_api="blas"):
            columns = [
                np.full(n, est) if isinstance(est, float) else est.predict_proba(features)[:, 1]
                for est in self.estimators_
            ]
        return np.column_stack(columns) if columns else np.zeros((n, 0))

    def predict(self, X: object) -> np.ndarray:
        """Indicator matrix of the predicted categories.

        Parameters
        ----------
        X : sequence of str

        Returns
        -------
        numpy.ndarray of int, shape (n_statements, n_classes)
            1 where the probability reaches ``threshold``; with
            ``ensure_label`` a row without any gets its most probable category
            other than ``exclusive`` (of a probability above 0).  A statement
            with nothing to classify (no Chinese character once the dates,
            numbers and placeholder words are removed: ``''``, ``'。'``,
            ``'12345'``, ``'暂无'``) gets a row of 0s, no
            label, as in :func:`label_statements`; ``predict_proba`` still
            gives it the model's probabilities.
        """
        texts = normalize_texts(X)
        out = self._predict_from_proba(self.predict_proba(texts))
        # nothing to classify: ensure_label gave '' or '12345' the most probable category of the empty features,
        # a label from nothing (label_statements leaves such a row unlabelled)
        out[[i for i, text in enumerate(texts) if not has_content(text)]] = 0
        return out

    def _predict_from_proba(self, proba: np.ndarray) -> np.ndarray:
        """The indicator matrix :meth:`predict` gives for the probabilities ``predict_proba`` gave."""
        out = (proba >= self.threshold).astype(int)
        fallback = proba
        if self.exclusive is not None and self.exclusive in self.classes_:
            j = list(self.classes_).index(self.exclusive)
            others = np.delete(out, j, axis=1).sum(axis=1) > 0
            out[others, j] = 0
            # "other only when no category fits": a statement no category reaches the threshold
            # for gets its most probable *specific* category, not `other` by default.
            fallback = proba.copy()
            fallback[:, j] = -1.0
        if self.ensure_label and proba.size:
            empty = np.flatnonzero(out.sum(axis=1) == 0)
            best = fallback[empty].argmax(axis=1)
            # a probability of 0 is that of a category the training data never gave: where every one is 0 there
            # is no most probable category (argmax took the first, 'awareness', from nothing)
            found = fallback[empty, best] > 0
            out[empty[found], best[found]] = 1
        return out


@functools.lru_cache(maxsize=1)
def _default_model() -> StatementClassifier:
    data = load_annotations()
    return StatementClassifier(random_state=0).fit(data["text"].tolist(), data["labels"].tolist())


def default_model() -> StatementClassifier:
    """The supervised classifier trained on all packaged annotations.

    Trained deterministically on first use from
    ``toolkit/data/classify/annotations/*.jsonl`` (copies of the repository's
    ``data/annotations``), then kept in memory; no pickled model is shipped.
    The same object is returned on every call: do not refit it, fit your own
    :class:`StatementClassifier` instead.

    Returns
    -------
    StatementClassifier

    Examples
    --------
    >>> from toolkit.classify import default_model
    >>> default_model().predict_labels(["加强业务培训,提高业务能力"])
    [['staffing']]
    """
    return _default_model()


def label_statements(
    statements: pd.DataFrame,
    *,
    model: object | None = None,
    text_column: str = "text",
    probabilities: bool = True,
) -> pd.DataFrame:
    """Classify the statements of a table: fill ``labels`` and add ``p_<key>`` columns.

    Parameters
    ----------
    statements : pandas.DataFrame
        E.g. the output of :func:`toolkit.statements.extract_statements` or a
        ``statements.csv``.
    model : fitted classifier, optional
        Anything with ``predict``, ``predict_proba`` and ``classes_`` (e.g. a
        fitted :class:`StatementClassifier` or ``LexiconClassifier``).
        Default: :func:`default_model`.
    text_column : str, default 'text'
        Column holding the statement texts.
    probabilities : bool, default True
        Add one probability column ``p_<key>`` per category.

    Returns
    -------
    pandas.DataFrame
        A copy with ``labels`` (';'-joined keys, in codebook order) and the
        probability columns.  Rows with nothing to classify get missing
        labels and probabilities: a missing or empty text, or one with no
        Chinese character once the dates, numbers and placeholder words of
        ``toolkit/data/classify/contentless.yaml`` are removed (``'12345'``,
        ``'N/A'``, ``'暂无'``, ``'2023年'``).  Every other row gets what
        ``model.predict`` gives: with the default model at least one key
        (its most probable category where none reaches the threshold).  Probability columns of an earlier run
        (``p_<key>`` of a codebook key or of a class of ``model``) that this
        run does not write are dropped, so that no probability stands next to
        labels of another model.

    Raises
    ------
    ValueError
        If ``text_column`` is not a column of ``statements``.
    TypeError
        If ``statements`` is not a DataFrame, or ``probabilities`` is not True or False.
    sklearn.exceptions.NotFittedError
        If ``model`` has not been fitted.

    Examples
    --------
    >>> from toolkit.statements import extract_statements
    >>> from toolkit.classify import label_statements
    >>> df = extract_statements("存在问题:一是信息更新不及时;二是业务培训不够。")
    >>> label_statements(df, probabilities=False)["labels"].tolist()
    ['timeliness', 'staffing']
    """
    if not isinstance(statements, pd.DataFrame):
        raise TypeError(f"statements must be a pandas DataFrame, got {type(statements).__name__}")
    if text_column not in statements.columns:
        raise ValueError(
            f"text_column must be a column of statements ({', '.join(map(str, statements.columns))}), "
            f"got {text_column!r}"
        )
    if not isinstance(probabilities, (bool, np.bool_)):  # a str is true: "False" would add the columns
        raise TypeError(f"probabilities must be True or False, got {probabilities!r}")
    model = default_model() if model is None else model
    if not hasattr(model, "classes_"):
        from sklearn.exceptions import NotFittedError

        raise NotFittedError(f"model {type(model).__name__} is not fitted: call fit first, or pass model=None "
                             "for the default model")
    out = statements.copy()
    texts = out[text_column]
    # nothing to classify (NA, blank, '12345', 'N/A', '暂无'): no label rather than a model's guess from nothing
    present = pd.Series([not pd.isna(t) and has_content(str(t)) for t in texts], index=out.index, dtype=bool)
    classes = [str(c) for c in model.classes_]
    labels = pd.Series(pd.NA, index=out.index, dtype=object)
    proba = np.full((len(out), len(classes)), np.nan)
    if present.any():
        subset = texts[present].astype(str).tolist()
        decide = getattr(model, "_predict_from_proba", None)
        if probabilities and decide is not None:  # StatementClassifier: its features computed once, not twice
            proba[present.to_numpy()] = model.predict_proba(subset)  # type: ignore[attr-defined]
            predicted = decide(proba[present.to_numpy()])
        else:
            predicted = model.predict(subset)  # type: ignore[attr-defined]
            if probabilities:
                proba[present.to_numpy()] = model.predict_proba(subset)  # type: ignore[attr-defined]
        labels[present] = [join_labels(c for c, v in zip(classes, row) if v) for row in predicted]
    out["labels"] = labels
    written = [f"p_{key}" for key in classes] if probabilities else []
    stale = {f"p_{key}" for key in (*categories(), *classes)} - set(written)
    out = out.drop(columns=[c for c in out.columns if c in stale])
    for j, col in enumerate(written):
        out[col] = proba[:, j]
    return out
