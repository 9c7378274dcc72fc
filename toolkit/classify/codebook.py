"""The codebook of problem and measure types, and the hand-coded statements.

Both are package data a researcher can read and edit:
``toolkit/data/classify/codebook.yaml`` (keys, Chinese names, descriptions, decision
rules, seed lexicon) and ``toolkit/data/classify/annotations/*.jsonl`` (coded
statements; ``data/annotations/README.md`` of the repository tells where they come from).
"""
from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from toolkit.formats import read_data_yaml

__all__ = [
    "Category",
    "Codebook",
    "load_codebook",
    "categories",
    "load_annotations",
    "read_annotations",
    "ANNOTATION_ORIGINS",
]

#: Annotation files (``<origin>`` -> file name) in ``toolkit/data/classify/annotations``.
ANNOTATION_ORIGINS: dict[str, str] = {
    "train": "problems_train.jsonl",  # paraphrased statements of ~30 real reports (shared data)
    "seed": "seed_statements.jsonl",  # every statement of the five seed reports, hand-coded
    "corpus": "corpus_statements.jsonl",  # every statement of the five corpus reports, hand-coded
    "constructed": "constructed_statements.jsonl",  # written for rare categories, not from reports
}


@dataclass(frozen=True)
class Category:
    """One category of the codebook.

    Attributes
    ----------
    key : str
        Canonical key (``awareness``, ``content`` …).
    name_zh : str
        Chinese name (公开意识 …).
    description : str
        What the category covers.
    typical_wording : tuple of str
        Wording the codebook cites as typical.
    lexicon : tuple of str
        Seed keywords of the dictionary method.
    """

    key: str
    name_zh: str
    description: str
    typical_wording: tuple[str, ...]
    lexicon: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    """The categories (in codebook order) and the decision rules.

    Attributes
    ----------
    categories : tuple of Category
        In codebook order; ``keys``, ``names`` and ``lexicon`` give their keys, Chinese names and
        seed keywords, ``to_frame()`` a table of them.
    decision_rules : tuple of str
        The codebook's rules for statements that could go under several categories.
    """

    categories: tuple[Category, ...]
    decision_rules: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Category keys in codebook order."""
        return tuple(c.key for c in self.categories)

    @property
    def names(self) -> dict[str, str]:
        """Key -> Chinese name."""
        return {c.key: c.name_zh for c in self.categories}

    @property
    def lexicon(self) -> dict[str, tuple[str, ...]]:
        """Key -> seed keywords."""
        return {c.key: c.lexicon for c in self.categories}

    def to_frame(self) -> pd.DataFrame:
        """The categories as a table (key, name_zh, description, typical_wording, lexicon)."""
        return pd.DataFrame(
            [
                {
                    "key": c.key,
                    "name_zh": c.name_zh,
                    "description": c.description,
                    "typical_wording": "、".join(c.typical_wording),
                    "lexicon": "、".join(c.lexicon),
                }
                for c in self.categories
            ]
        )


def _words(value: object, what: str) -> tuple[str, ...]:
    """A YAML list of words (or rules) as text; ``what`` names it in the ValueError of anything else.

    A single word written without the list (``lexicon: 不及时``) would otherwise be read a character at a
    time, each character a keyword.
    """
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list (one '- word' a line, or [word, word]), got {value!r}")
    bad = [w for w in value if not isinstance(w, (str, int, float)) or isinstance(w, bool)]
    if bad:
        raise ValueError(f"{what} must be a list of words, got {bad[0]!r} in it")
    return tuple(str(w) for w in value)


def _parse_codebook(spec: object, where: str) -> Codebook:
    if not isinstance(spec, dict) or not isinstance(spec.get("categories"), list):
        raise ValueError(f"{where}: a codebook needs a 'categories' list")
    cats = []
    for i, entry in enumerate(spec["categories"]):
        missing = [f for f in ("key", "name_zh") if not isinstance(entry, dict) or not entry.get(f)]
        if missing:
            raise ValueError(f"{where}: category {i + 1} lacks {', '.join(missing)}")
        key = entry["key"]
        # a key is written into 'labels' joined by ';' and named in p_<key>: it must read back as itself
        if not isinstance(key, (str, int)) or isinstance(key, bool) or ";" in str(key) or str(key) != str(key).strip():
            raise ValueError(f"{where}: category {i + 1}: key must be a word without ';' or white space around "
                             f"it, got {key!r}")
        cats.append(
            Category(
                key=str(key),
                name_zh=str(entry["name_zh"]),
                description=str(entry.get("description", "")).strip(),
                typical_wording=_words(entry.get("typical_wording"), f"{where}: category {i + 1} ({key}): "
                                                                     "typical_wording"),
                lexicon=_words(entry.get("lexicon"), f"{where}: category {i + 1} ({key}): lexicon"),
            )
        )
    keys = [c.key for c in cats]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{where}: duplicate category keys in {keys}")
    return Codebook(tuple(cats), _words(spec.get("decision_rules"), f"{where}: decision_rules"))


@functools.lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    return _parse_codebook(read_data_yaml("classify", "codebook.yaml"), "toolkit/data/classify/codebook.yaml")


def load_codebook(path: str | os.PathLike | None = None) -> Codebook:
    """Read the codebook.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A codebook YAML file of the same shape as the packaged one (e.g. an
        edited copy).  Default: ``toolkit/data/classify/codebook.yaml``.

    Returns
    -------
    Codebook

    Raises
    ------
    ValueError
        If the file is not UTF-8 YAML, lacks the ``categories`` list, a category lacks its key or
        Chinese name, a key holds ``;`` (which joins the labels) or white space around it, a
        ``lexicon``, ``typical_wording`` or ``decision_rules`` is no list of words, or a key occurs
        twice (the message names the file).

    Examples
    --------
    >>> from toolkit.classify import load_codebook
    >>> cb = load_codebook()
    >>> cb.keys[:3], cb.names["timeliness"]
    (('awareness', 'content', 'timeliness'), '时效性')
    """
    if path is None:
        return _default_codebook()
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{os.fspath(path)}: not a UTF-8 text file (byte {exc.start})") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}" if where is not None else ""
        raise ValueError(f"{os.fspath(path)}: not valid YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
    return _parse_codebook(data, os.fspath(path))


def categories() -> tuple[str, ...]:
    """Category keys of the packaged codebook, in codebook order.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> categories()[-1]
    'other'
    """
    return _default_codebook().keys


_ANNOTATION_COLUMNS = ["source", "kind", "text", "labels", "origin", "line"]


def _read_jsonl(path: Path | object, origin: str, name: str | None = None) -> list[dict]:
    """The statements of one JSONL file, each checked: an error names the file and the line."""
    name = name or str(getattr(path, "name", path))
    try:
        # utf-8-sig: Notepad and Excel begin UTF-8 with a byte-order mark, which json.loads refuses
        with path.open(encoding="utf-8-sig") as fh:  # type: ignore[union-attr]
            return _parse_jsonl(fh, origin, name)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


#: Half of a UTF-16 pair: json.loads reads the escape '\\ud83d' as one, which no UTF-8 text (nor Arrow) holds.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_jsonl(fh: Iterable[str], origin: str, name: str) -> list[dict]:
    rows = []
    for number, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name} line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ValueError(f"{name} line {number}: expected an object with source, text and labels, "
                             f"got {type(row).__name__}")
        missing = [k for k in ("source", "text", "labels") if k not in row]
        if missing:
            raise ValueError(f"{name} line {number}: missing {', '.join(missing)}")
        for key in ("source", "text"):
            if not isinstance(row[key], str) or not row[key].strip():
                raise ValueError(f"{name} line {number}: {key} must be a non-empty string, got {row[key]!r}")
        labels = row["labels"]
        if isinstance(labels, str):
            labels = [lab.strip() for lab in labels.split(";") if lab.strip()]
        if not isinstance(labels, list) or not all(isinstance(lab, str) for lab in labels):
            raise ValueError(f"{name} line {number}: labels must be a list of category keys, got {labels!r}")
        row["labels"] = labels
        row.setdefault("kind", None)
        for key, value in (("source", row["source"]), ("text", row["text"]), ("kind", row["kind"]),
                           *(("labels", lab) for lab in labels)):
            half = _SURROGATE.search(value) if isinstance(value, str) else None
            if half:  # JSON's escape of half a character ('\\ud83d', an emoji cut in two): no text can hold it
                raise ValueError(f"{name} line {number}: {key} holds half a character, the lone surrogate "
                                 f"{half.group().encode('unicode_escape').decode()} (a character cut in two), "
                                 f"got {value!r}")
        row["origin"] = origin
        row["line"] = number
        rows.append(row)
    return rows


def _check_labels(frame: pd.DataFrame, name_of: Callable[[str], str], keys: Sequence[str] | None = None) -> None:
    allowed = set(categories() if keys is None else keys)
    for row in frame.itertuples():
        bad = [lab for lab in row.labels if lab not in allowed]
        if bad:
            raise ValueError(
                f"{name_of(row.origin)} line {row.line}: label {bad[0]!r} is not a "
                f"codebook key ({', '.join(sorted(allowed))})"
            )


def read_annotations(
    paths: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    codebook: Codebook | str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Hand-coded statements from your own JSONL files, checked line by line.

    Parameters
    ----------
    paths : path or sequence of paths
        JSONL files, one statement a line: ``{"source": …, "text": …, "labels": [keys]}``
        (``labels`` may also be a ``;``-joined string; ``kind`` is optional).
    codebook : Codebook, path or None, default None
        The codebook whose keys the labels must be: a :class:`Codebook` or a
        YAML file of the packaged one's shape (read with
        :func:`load_codebook`).  Default: the packaged codebook.  With your own
        categories, train ``StatementClassifier(classes=codebook.keys)`` on
        the result (see the README).

    Returns
    -------
    pandas.DataFrame
        As :func:`load_annotations`; ``origin`` is ``'constructed'`` for a
        source starting with ``constructed:`` (training only in
        :func:`toolkit.classify.evaluate`), else ``'data'``.

    Raises
    ------
    OSError
        If a file cannot be read.
    ValueError
        Naming the file and line: not JSON, not an object, a missing or empty
        field, or a label that is not a key of ``codebook``; or a bad codebook
        file.
    TypeError
        If ``codebook`` is neither a Codebook nor a path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "codebook.yaml").write_text(
    ...     "categories:\\n- {key: timely, name_zh: 及时}\\n- {key: staff, name_zh: 人员}\\n", encoding="utf-8")
    >>> _ = (folder / "coded.jsonl").write_text(
    ...     '{"source": "a", "text": "信息发布滞后", "labels": ["timely"]}\\n', encoding="utf-8")
    >>> read_annotations(folder / "coded.jsonl", codebook=folder / "codebook.yaml")["labels"].tolist()
    [['timely']]
    """
    if codebook is None:
        keys = None
    elif isinstance(codebook, Codebook):
        keys = codebook.keys
    elif isinstance(codebook, (str, os.PathLike)):
        keys = load_codebook(codebook).keys
    else:
        raise TypeError(f"codebook must be a Codebook, a path to a codebook YAML or None, got {type(codebook).__name__}")
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    frames = []
    for path in paths:
        frame = pd.DataFrame(_read_jsonl(Path(path), "data", name=str(path)), columns=_ANNOTATION_COLUMNS)
        _check_labels(frame, lambda origin, name=str(path): name, keys)  # type: ignore[misc]  # the default binds this path's name
        frames.append(frame)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=_ANNOTATION_COLUMNS)
    frame["origin"] = ["constructed" if s.startswith("constructed:") else "data" for s in frame["source"]]
    return frame


def load_annotations(origins: str | list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """The hand-coded statements shipped with the package.

    Parameters
    ----------
    origins : str or list of str, optional
        Which files: any of ``'train'`` (paraphrased statements of real reports,
        ``problems_train.jsonl``), ``'seed'`` (the five seed reports),
        ``'corpus'`` (the five corpus reports), ``'constructed'`` (statements
        written in the codebook's wording for categories too rare to learn, not
        taken from reports).  Default: all.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` (web address or file of the report, or
        ``constructed:…``), ``kind``, ``text``, ``labels`` (list of keys),
        ``origin`` and ``line`` (line in its file), in file order.

    Raises
    ------
    ValueError
        If ``origins`` names an unknown file or a statement has an unknown label.

    Examples
    --------
    >>> from toolkit.classify import load_annotations
    >>> df = load_annotations("seed")
    >>> sorted(df["source"].unique())[0]
    '000_438c5e5d2b6f4db4.txt'
    """
    if origins is None:
        chosen = list(ANNOTATION_ORIGINS)
    else:
        chosen = [origins] if isinstance(origins, str) else list(origins)
    unknown = [o for o in chosen if o not in ANNOTATION_ORIGINS]
    if unknown:
        raise ValueError(
            f"origins must be among {', '.join(map(repr, ANNOTATION_ORIGINS))}, got {unknown[0]!r}"
        )
    base = resources.files("toolkit").joinpath("data", "classify", "annotations")
    rows = []
    for origin in chosen:
        rows += _read_jsonl(base.joinpath(ANNOTATION_ORIGINS[origin]), origin, ANNOTATION_ORIGINS[origin])
    frame = pd.DataFrame(rows, columns=_ANNOTATION_COLUMNS)
    _check_labels(frame, ANNOTATION_ORIGINS.__getitem__)
    return frame
