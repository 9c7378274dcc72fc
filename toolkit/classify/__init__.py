"""Classification of problem and measure statements against the codebook.

Public names: the codebook and annotations (:func:`load_codebook`,
:func:`categories`, :func:`load_annotations`, :func:`read_annotations`), targets (:func:`labels_to_matrix`,
:func:`matrix_to_labels`), tokens (:class:`Tokenizer`, :func:`tokenize`), three
classifiers with one scikit-learn interface (:class:`MajorityBaseline`,
:class:`LexiconClassifier`, :class:`StatementClassifier`), the default model and
:func:`label_statements`, the evaluation (:func:`evaluate`, :func:`evaluate_holdout`,
:func:`learning_curve`, :func:`bootstrap_macro_f1`), and two measures
beyond hand coding (:func:`boilerplate_index`, :func:`alignment`).
"""
from toolkit.classify.alignment import alignment
from toolkit.classify.baseline import MajorityBaseline
from toolkit.classify.boilerplate import boilerplate_index
from toolkit.classify.codebook import (
    Codebook,
    Category,
    categories,
    load_annotations,
    load_codebook,
    read_annotations,
)
from toolkit.classify.evaluation import (
    Evaluation,
    bootstrap_macro_f1,
    category_metrics,
    evaluate,
    evaluate_holdout,
    learning_curve,
)
from toolkit.classify.labels import join_labels, labels_to_matrix, matrix_to_labels, split_labels
from toolkit.classify.lexicon import LexiconClassifier
from toolkit.classify.model import StatementClassifier, default_model, label_statements
from toolkit.classify.tokens import Tokenizer, default_tokenizer, tokenize

__all__ = [
    "Category",
    "Codebook",
    "Evaluation",
    "LexiconClassifier",
    "MajorityBaseline",
    "StatementClassifier",
    "Tokenizer",
    "alignment",
    "boilerplate_index",
    "bootstrap_macro_f1",
    "categories",
    "category_metrics",
    "default_model",
    "default_tokenizer",
    "evaluate",
    "evaluate_holdout",
    "join_labels",
    "label_statements",
    "labels_to_matrix",
    "learning_curve",
    "load_annotations",
    "read_annotations",
    "load_codebook",
    "matrix_to_labels",
    "split_labels",
    "tokenize",
]
