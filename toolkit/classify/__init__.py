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
from __future__ import annotations

import importlib
from typing import Any

# Light modules (no scikit-learn) are imported at once; the rest on first use, so that ``toolkit extract``
# and ``toolkit --help`` do not pay scikit-learn's and SciPy's import (two seconds) for a parser.
from toolkit.classify.alignment import alignment
from toolkit.classify.codebook import (
    Codebook,
    Category,
    categories,
    load_annotations,
    load_codebook,
    read_annotations,
)
from toolkit.classify.labels import join_labels, labels_to_matrix, matrix_to_labels, split_labels

_LAZY = {
    "MajorityBaseline": "baseline",
    "boilerplate_index": "boilerplate",
    "Evaluation": "evaluation",
    "bootstrap_macro_f1": "evaluation",
    "category_metrics": "evaluation",
    "evaluate": "evaluation",
    "evaluate_holdout": "evaluation",
    "learning_curve": "evaluation",
    "LexiconClassifier": "lexicon",
    "StatementClassifier": "model",
    "default_model": "model",
    "label_statements": "model",
    "Tokenizer": "tokens",
    "default_tokenizer": "tokens",
    "tokenize": "tokens",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"toolkit.classify.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'toolkit.classify' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
