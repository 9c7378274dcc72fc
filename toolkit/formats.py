"""The official formats as data: loads ``data/formats.yaml`` and ``data/identities.yaml``.

Nothing here knows a label by heart; everything comes from the YAML files so a
researcher can add a variant without touching Python.  :class:`Vocabulary`
answers the questions the layout and table stages ask about a label cell.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from toolkit.normalize import _SPACES, alternation, label_key  # (alternation re-exported: the data files' words)

__all__ = ["alternation", "load_formats", "load_identities", "load_output_schema", "vocabulary", "Vocabulary"]


# libyaml's safe loader where PyYAML has it: the same data read about ten times faster (the pure-Python
# loader took a fifth of a second of a session's first parse_report)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data_yaml(*parts: str) -> Any:
    """The parsed YAML file ``toolkit/data/<parts>`` (a package data file), read anew: callers cache it."""
    text = resources.files("toolkit").joinpath("data", *parts).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader (C or Python)


@functools.lru_cache(maxsize=None)
def _load_yaml(name: str) -> dict[str, Any]:
    return read_data_yaml(name)


def load_formats() -> dict[str, Any]:
    """Return the parsed ``formats.yaml`` (labels, keys and section titles of the formats).

    Returns
    -------
    dict
        The YAML's top-level mapping, read once and cached: do not change it.
    """
    return _formats()


@functools.lru_cache(maxsize=1)
def _formats() -> dict[str, Any]:
    """formats.yaml, each pattern written in pieces (``{joined: [piece, ...]}``: a line of the file is no longer than
    120 characters) run together (:func:`_joined`)."""
    return _joined(_load_yaml("formats.yaml"))


def _joined(data: Any, done: dict[int, Any] | None = None) -> Any:
    """``data`` (a YAML file's) with every mapping ``{joined: [piece, ...]}`` replaced by its pieces run together
    into one string, wherever it stands (a key's value, a list's item).  A mapping or list holding none is returned
    itself, and one the file shares by an anchor (``*unit_words``) stays one object under each key (``done``: what
    each was made into), so that a word added to it counts everywhere it is named."""
    done = {} if done is None else done
    if not isinstance(data, (dict, list)):
        return data
    if id(data) in done:
        return done[id(data)]
    if isinstance(data, dict) and data.keys() == {"joined"}:
        made: Any = "".join(data["joined"])
    elif isinstance(data, dict):
        items = {key: _joined(value, done) for key, value in data.items()}
        made = data if all(items[key] is value for key, value in data.items()) else items
    else:
        listed = [_joined(item, done) for item in data]
        made = data if all(new is old for new, old in zip(listed, data)) else listed
    done[id(data)] = made
    return made


def load_output_schema() -> dict[str, Any]:
    """Return the parsed ``output_schema.yaml`` (the output files' columns, the flag codes).

    Returns
    -------
    dict
        The YAML's top-level mapping, read once and cached: do not change it.
    """
    return _load_yaml("output_schema.yaml")


def load_identities() -> dict[str, Any]:
    """Return the parsed ``identities.yaml`` (the accounting identities checked).

    Returns
    -------
    dict
        The YAML's top-level mapping, read once and cached: do not change it.
    """
    return _load_yaml("identities.yaml")


_ARTICLE = re.compile(r"^第二十条\s*第?\(?([一二三四五六七八九十]+)\)?项")
# (compiled once: ``re.match`` with a pattern string looks it up in re's cache on every call of a hot function)
_ITEM_NUMBER = re.compile(r"^[(]?([一二三四五六七八九十]{1,3}|\d{1,2})[)、.．]")
_CN_DIGITS = "一二三四五六七八九十"
# a Chinese item's number, '(一)' or '一、' (a block heading's or a group heading's, before its words)
_CN_NUMBERING = r"(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"


@functools.lru_cache(maxsize=65536)  # labels repeat from report to report
def _item_number(label: str) -> str | None:
    """The item number a label starts with: '三' for '(三)不予公开', '2' for '2.重复申请'."""
    match = _ITEM_NUMBER.match(_SPACES.sub("", label))
    return match.group(1) if match else None


@dataclass
class Vocabulary:
    """Lookup tables built from formats.yaml."""

    formats: dict[str, Any]
    active_rows: dict[str, str] = field(default_factory=dict)  # label key -> row_key
    active_cols: dict[str, str] = field(default_factory=dict)  # label key -> col_key
    request_rows: dict[str, str] = field(default_factory=dict)
    request_numbered_rows: dict[str, str] = field(default_factory=dict)  # a row's name only after its item number
    request_item_rows: dict[str, str] = field(default_factory=dict)  # results' item number -> row_key, any words
    request_groups: dict[str, str] = field(default_factory=dict)
    request_cols: dict[str, str] = field(default_factory=dict)
    review_rows: dict[str, str] = field(default_factory=dict)
    review_cols: dict[str, str] = field(default_factory=dict)
    legacy_rows: dict[str, list[str]] = field(default_factory=dict)  # label key -> candidate keys
    legacy_units: frozenset[str] = frozenset()  # the units a legacy table's unit column holds
    legacy_parents: dict[str, str] = field(default_factory=dict)
    header_words: set[str] = field(default_factory=set)
    # (the header words of 3 characters or more, each between newlines, and the requests rows' labels of 4 or more:
    # a label that starts or ends one, or that one starts, is found in C, the labels asked of a cell seen first)
    _header_runs: str = field(default="", init=False, repr=False)
    _request_prefixes: tuple[str, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        fm = self.formats
        for key, labels in fm["active"]["rows"].items():
            for lab in labels:
                self.active_rows[label_key(lab)] = key
        for key, spec in fm["active"]["cols"].items():
            for lab in spec["labels"]:
                self.active_cols[label_key(lab)] = key
        for key, spec in fm["requests"]["rows"].items():
            for lab in spec["labels"]:
                self.request_rows.setdefault(label_key(lab), key)
            for lab in spec.get("numbered_labels", []):
                self.request_numbered_rows.setdefault(label_key(lab), key)
            if "item" in spec:
                self.request_item_rows[str(spec["item"])] = key
        for key, labels in fm["requests"]["groups"].items():
            for lab in labels:
                self.request_groups[label_key(lab)] = key
        for key, labels in fm["requests"]["cols"].items():
            for lab in labels:
                self.request_cols[label_key(lab)] = key
        for key, labels in fm["review_litigation"]["rows"].items():
            for lab in labels:
                self.review_rows[label_key(lab)] = key
        for key, labels in fm["review_litigation"]["cols"].items():
            for lab in labels:
                self.review_cols[label_key(lab)] = key
        legacy = fm["legacy"]
        for key, (lab, _unit, _parent) in legacy["rows"].items():
            self.legacy_rows.setdefault(label_key(lab), []).append(key)
        self.legacy_units = frozenset({u for _l, u, _p in legacy["rows"].values() if u}
                                      | set(legacy.get("extra_units", [])) | set(fm["cell_units"]["money"]))
        for key, labels in legacy.get("aliases", {}).items():
            for lab in labels:
                self.legacy_rows.setdefault(label_key(lab), []).append(key)
        for key, labels in legacy.get("parents", {}).items():
            for lab in labels:
                self.legacy_parents[label_key(lab)] = key
        for part in ("active", "requests", "review_litigation", "legacy"):
            self.header_words.update(label_key(w) for w in fm[part].get("header_words", []))
        self.header_words.update(self.active_cols)
        self.header_words.update(self.request_cols)
        self.header_words.update(self.review_cols)
        self.header_words.discard("")
        self._header_runs = "\n" + "\n".join(w for w in self.header_words if len(w) >= 3) + "\n"
        self._request_prefixes = tuple(lab for lab in self.request_rows if len(lab) >= 4)
        # The same label cells recur in every report: answer each text once (the tables above are
        # fixed once built, so the answers are too).
        for name in ("article_item", "is_identity_note", "is_header", "request_row", "is_row_label"):
            setattr(self, name, functools.lru_cache(maxsize=65536)(getattr(self, name)))

    # --- questions the layout stage asks about a cell --------------------------

    @staticmethod
    def article_item(text: str) -> str | None:
        """'一' for a cell '第二十条第(一)项', else None."""
        match = _ARTICLE.match(_SPACES.sub("", text))
        return match.group(1) if match else None

    def is_identity_note(self, text: str) -> bool:
        return label_key(self.formats["requests"]["identity_note"]) in _SPACES.sub("", text)

    def is_header(self, text: str) -> bool:
        """A column-header label of any table, or a fragment of one (``本年新``, ``社会公``)."""
        key = label_key(text)
        if not key or _item_number(text) is not None:
            return False
        if key in self.header_words:
            return True
        # (a word that starts or ends with the key: the key after a newline or before one, no key holding a space)
        return len(key) >= 2 and ("\n" + key in self._header_runs or key + "\n" in self._header_runs)

    def request_row(self, text: str) -> str | None:
        """The requests row_key a label names (context-free), or None."""
        key = label_key(text)
        if key in self.request_rows:
            return self.request_rows[key]
        if _item_number(text) is not None and key in self.request_numbered_rows:  # ('(七)合计', not a header's 合计)
            return self.request_numbered_rows[key]
        if key.startswith(self._request_prefixes):  # (asked in C first: most cells start with no row's label)
            for lab, row in self.request_rows.items():
                if len(lab) >= 4 and key.startswith(lab):
                    return row
        # (the results' last item by its number where its words differ: '(七)小计' is the total row)
        return self.request_item_rows.get(_item_number(text) or "") if key else None

    def request_numbered_row(self, text: str) -> str | None:
        """The requests row_key a name read only with its item number names (``numbered_labels``: '合计'), with or
        without that number, or None: asked of a row's first cell before its counts, where no header stands."""
        return self.request_numbered_rows.get(label_key(text))

    def request_group(self, text: str) -> str | None:
        return self.request_groups.get(label_key(text))

    def active_row(self, text: str) -> str | None:
        return self.active_rows.get(label_key(text))

    def is_row_label(self, text: str) -> bool:
        """A known row label of any table (numbered or not)."""
        key = label_key(text)
        if not key:
            return False
        if key in self.active_rows or key in self.review_rows:
            return True
        if self.request_group(text) or (self.request_row(text) and (_item_number(text) or len(key) > 3)):
            return True
        return False

    def is_group_label(self, text: str) -> bool:
        return self.request_group(text) is not None


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shared :class:`Vocabulary` built from formats.yaml."""
    return Vocabulary(load_formats())


def item_number(label: str) -> str | None:
    """The item number a label starts with (``'三'`` for ``'(三)不予公开'``), or None."""
    return _item_number(label)
