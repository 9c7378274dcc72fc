"""Extract a whole corpus of reports: one row per file, nothing lost, in parallel.

``extract_corpus`` expands files, folders and globs, gives each file a unique
report id, parses every file in a worker process that is killed when it takes
longer than ``timeout`` seconds (or replaced when it crashes), and returns the
frames of ``toolkit/data/output_schema.yaml``: ``reports`` (one row per input
file, always), ``sections``, ``tables``, ``checks``, ``statements`` and
``flags``.  Output is sorted by report id and then by the keys of each frame,
and is the same whatever the number of workers.

Results are streamed: reports are parsed in report-id order in batches, and the
frames of a batch are handed on as soon as all earlier batches are done, so the
command-line writer keeps memory flat however large the corpus.

The optional Dask backend (``pip install gov-openinfo-toolkit[dask]``) runs the
same batches on a ``distributed`` cluster.
"""
from __future__ import annotations

import gc
import errno
import glob
import math
import multiprocessing as mp
import os
import re
import signal
import stat
import sys
import threading
import time
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from multiprocessing.connection import wait as _wait
from numbers import Integral, Real
from operator import itemgetter
from pathlib import Path, PurePath
from typing import Any, overload

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.decoding import _check_encoding
from toolkit.errors import ReaderWarning, ReadError, ToolkitError
from toolkit.formats import load_output_schema
from toolkit.tables import flag_codes
from toolkit.readers import _EXTENSIONS as _READ_EXTENSIONS
from toolkit.readers import (_ARCHIVES, _LEGACY_OFFICE, _SNIFF_EXTENSIONS, DEFAULT_MAX_BYTES, _cannot_open, _extension,
                             _not_found, _read_bytes, _too_large)
from toolkit.report import _default_id, parse_report

__all__ = ["extract_corpus", "read_outputs", "output_schema", "data_dictionary", "FRAMES",
           "SUPPORTED_EXTENSIONS", "REPORT_LIKE_EXTENSIONS"]

#: Names of the output frames, in the order they are written.
FRAMES = ("reports", "sections", "tables", "checks", "statements", "flags")
#: Extensions of the files a folder gives to the parser: the ones the readers read (text, HTML, web archives,
#: DOCX, Word 97–2003, PDF, OFD), those of pages saved from web servers and ``""`` (no extension), told by their
#: content.  A file given by name, or matched by a glob, is always tried.
SUPPORTED_EXTENSIONS = tuple(sorted(set(_READ_EXTENSIONS) | _SNIFF_EXTENSIONS))
#: Report-like formats the readers refuse (legacy and other office formats, archives): a folder gives them to
#: the parser too, so that each gets a failed row with the reader's reason.  Every other file of a folder is
#: skipped (``toolkit extract`` says how many, of which kinds).
REPORT_LIKE_EXTENSIONS = tuple(sorted(_LEGACY_OFFICE | _ARCHIVES | {".odt"}))
# skipped without a word, as hidden files are: folder settings of Windows and macOS (Office lock files ~$x are
# matched by their prefix); 'Icon\r' is the empty file of a macOS folder with a custom icon, which has no extension
# and so was tried as a report (file is empty)
_JUNK_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
# folders a folder's search passes over, as it does hidden ones (.Trashes, .git): a Windows drive's recycle bin
# (its deleted reports, read again as reports, each with a $I file that failed) and the system's own folder
_SYSTEM_FOLDERS = frozenset({"$recycle.bin", "recycler", "system volume information"})
_LOCK_FILE_BYTES = 4096  # Word's lock files ~$x.docx are 162 bytes (the user's name); no report is so small
# what the failed row of a pattern that matched only such files says it matched
_LOCK_OR_SETTINGS = "Word lock file or folder settings"
# the kinds of the run's own files in --out; its .part files are this run's unfinished ones (a killed run's are
# removed before the inputs are listed): they make a folder one of the run's own, but are not counted in a message
_OWN_OUTPUT, _OWN_PART = "toolkit output", "unfinished toolkit output"
# the kind, in the count of the files skipped, of the output files of a run into another folder (see _walk)
_EARLIER_OUTPUT = "output file(s) of an earlier toolkit extract run"
# the files a run writes into --out, and their unfinished or set-aside twins, named <file>.<run>.part
# (<file>.part in earlier versions), never inputs of a run
_OUTPUT_FILE = re.compile(rf"(?:{'|'.join(FRAMES)})\.(?:csv|parquet)(?:(?:\.[0-9a-z-]+)?\.part)?")
_BACKENDS = ("local", "dask")
_GLOB_CHARS = set("*?[")
_SURROGATES = re.compile("[\ud800-\udfff]")  # what Python makes of file-name bytes that are not UTF-8
_RECYCLE_AFTER = 5000  # files per worker process before it is replaced
_MAX_STARTUP_FAILURES = 3  # workers dying before their first file, in a row, before giving up
_STARTUP_GRACE = 30.0  # seconds a worker may take to begin its batch; the per-file limit starts then
# the longest wait for the workers in one go: poll() takes no more than 2**31 ms (24.8 days), and a time limit of
# months ('--timeout 99999999', meaning none) raised OverflowError; the loop waits again after a shorter wait
_MAX_WAIT = 86400.0


# ----------------------------------------------------------------------------------------------
# Output schema
# ----------------------------------------------------------------------------------------------

def _schema() -> dict[str, Any]:
    return load_output_schema()


def output_schema() -> dict[str, pd.DataFrame]:
    """The documented columns of every output frame.

    Returns
    -------
    dict of str to pandas.DataFrame
        For each name of :data:`FRAMES`, a frame with columns ``column``,
        ``dtype`` and ``description``, in output order (read from
        ``toolkit/data/output_schema.yaml``).

    Examples
    --------
    >>> schema = output_schema()
    >>> list(schema["checks"]["column"])
    ['report_id', 'table', 'check', 'key', 'expected', 'found', 'status', 'ok']
    """
    out = {}
    for name in FRAMES:
        cols = _schema()[name]["columns"]
        out[name] = pd.DataFrame([{"column": c, "dtype": spec["dtype"], "description": spec["description"]}
                                  for c, spec in cols.items()])
    return out


def data_dictionary() -> str:
    """The data dictionary of the output files, as Markdown.

    ``docs/data-dictionary.md`` is this text (``python -m toolkit dictionary >
    docs/data-dictionary.md`` regenerates it; a test checks they agree).

    Returns
    -------
    str
        A Markdown document with one table per output file.

    Examples
    --------
    >>> data_dictionary().splitlines()[0]
    '# Data dictionary of the extracted files'
    """
    schema = _schema()
    lines = ["# Data dictionary of the extracted files", "",
             "`toolkit extract INPUT... --out DIR` (or `toolkit.extract_corpus`) writes the files below, each as "
             "CSV (UTF-8, comma-separated, NA as an empty field; a field holding a line break is quoted; with "
             "`--excel` a UTF-8 byte-order mark first) and as Parquet (NA as null). An empty text is NA in both "
             "formats, which hold the same values (CSV cannot tell an empty text from a missing one): \"empty\" "
             "below means NA. Rows are sorted by "
             "`report_id`, then by the keys listed, whatever the number of workers. Keys and identities are "
             "defined in `shared/spec/schema.md`. dtypes: `string` is text (pandas' string dtype, `str` in pandas 3; "
             "missing = NaN), `Int64` a nullable integer, `float64` a float (missing = NaN), `boolean` a nullable "
             "True/False.", "",
             "In CSV only an empty field is NA: a report id such as `NA`, `null`, `None` or `nan` is text. Read "
             "the CSV files with `toolkit.corpus.read_outputs(DIR)`, or with pandas as `pd.read_csv(path, "
             "dtype=..., keep_default_na=False, na_values=[\"\"])`: pandas' default reads those ids as missing.",
             "",
             "This file is generated from `toolkit/data/output_schema.yaml` by `python -m toolkit dictionary`; "
             "edit the YAML, not this file.", ""]
    for name in FRAMES:
        spec = schema[name]
        lines += [f"## {name}.csv / {name}.parquet", "", spec["description"], "",
                  f"Sorted by: {', '.join('`' + k + '`' for k in spec['sort_by'])}.", "",
                  "| column | dtype | description |", "|---|---|---|"]
        for col, c in spec["columns"].items():
            lines.append(f"| `{col}` | {c['dtype']} | {c['description'].replace('|', '/')} |")
        lines.append("")
    lines += ["## Flag codes", "",
              "The codes of `flags.code` (and of `reports.flags`); the README says more of each.", "",
              "| code | meaning |", "|---|---|"]
    lines += [f"| `{code}` | {text.replace('|', '/')} |" for code, text in flag_codes().items()]
    lines.append("")
    return "\n".join(lines)


def _read_parquet(path: str | os.PathLike) -> pd.DataFrame:
    """``pandas.read_parquet`` of an open file, not of its path: pyarrow takes no path that is not UTF-8 (a
    folder named in GBK, as ``unzip`` leaves a zip made on Chinese Windows)."""
    with open(path, "rb") as fh:
        return pd.read_parquet(fh)


def _write_parquet(table: pa.Table, path: str | os.PathLike) -> None:
    """``pyarrow.parquet.write_table`` into an open file, for the same reason as :func:`_read_parquet`."""
    import pyarrow.parquet as pq

    with open(path, "wb") as fh:
        pq.write_table(table, fh)


def read_outputs(folder: str | os.PathLike, *, format: str = "auto") -> dict[str, pd.DataFrame]:
    """Read the files ``toolkit extract`` wrote, with the documented dtypes.

    Parameters
    ----------
    folder : str or os.PathLike
        The ``--out`` folder of a run.
    format : {"auto", "csv", "parquet"}, default "auto"
        Which files to read; ``"auto"`` reads each frame's Parquet file when
        there is one, else its CSV file.

    Returns
    -------
    dict of str to pandas.DataFrame
        Keys :data:`FRAMES`, as :func:`extract_corpus` returns them, the same
        from either format; ``statements`` also keeps the ``p_<key>``
        probability columns ``toolkit classify --probabilities`` wrote
        (float).  In CSV only an empty field is NA, so report ids such as
        ``NA`` or ``null`` stay text (pandas' default would read them as
        missing); an empty text is NA in both formats (CSV cannot tell it
        from a missing one).  CSV files written with ``--excel`` (a UTF-8
        byte-order mark first) are read as well.

    Raises
    ------
    TypeError
        If ``folder`` is not a str or os.PathLike (a list of folders).
    ValueError
        If ``format`` is not one of the three.
    FileNotFoundError
        If a file is missing, or the folder holds no ``reports`` file (no run) at all.
    ValueError
        If a file cannot be read as the run wrote it (a CSV file saved again in another encoding than
        UTF-8, a value that is no number, a damaged Parquet file, a file of an older version that lacks a
        documented column); the message names the file.

    Examples
    --------
    >>> frames = read_outputs("data/processed")  # doctest: +SKIP
    >>> frames["reports"]["report_id"].dtype  # doctest: +SKIP
    """
    if not isinstance(folder, (str, os.PathLike)):  # pathlib's own error names no argument
        raise TypeError(f"folder must be a str or os.PathLike, the --out folder of a run; got "
                        f"{type(folder).__name__}: {folder!r}")
    if format not in ("auto", "csv", "parquet"):
        raise ValueError(f"format must be 'auto', 'csv' or 'parquet', got {format!r}")
    suffixes = (".parquet", ".csv") if format == "auto" else (f".{format}",)
    if not any((Path(folder) / f"reports{suffix}").is_file() for suffix in suffixes):
        # a bare 'No such file: …/reports.csv' said neither that the folder holds no run nor which files were sought
        what = " or ".join(f"reports{suffix}" for suffix in suffixes)
        raise FileNotFoundError(f"{os.fspath(folder)}: no {what}: not the --out folder of a toolkit extract run"
                                f"{' written as ' + format if format != 'auto' else ''}")
    out = {}
    for name in FRAMES:
        parquet = Path(folder) / f"{name}.parquet"
        use_parquet = format == "parquet" or (format == "auto" and parquet.exists())
        path = parquet if use_parquet else parquet.with_suffix(".csv")
        try:
            if use_parquet:
                frame = _read_parquet(parquet)
            else:
                dtypes = {c: _DTYPES[d] for c, d in _columns(name).items()}
                # utf-8-sig: a file written with --excel begins with a byte-order mark, which is no part of its header
                frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
        except ValueError as exc:
            # (a file saved again by Excel, in the ANSI code page or with '1,234' for 1234; a damaged Parquet file)
            # pandas' and pyarrow's own errors name no file, pyarrow's '<Buffer>' at most
            raise ValueError(f"{path}: cannot read it as the {name} file of a toolkit extract run: "
                             f"{_unreadable(exc)}") from exc
        _check_columns(frame, name, path)
        out[name] = _conform(frame, name)
        if name == "statements":
            # `toolkit classify --probabilities` added the classifier's p_<key> columns to the run's files
            extra = [c for c in frame.columns if str(c).startswith("p_") and c not in out[name].columns]
            for col in extra:
                out[name][col] = pd.to_numeric(frame[col], errors="coerce").astype("float64").to_numpy()
    return out


def _check_columns(frame: pd.DataFrame, name: str, path: Path) -> None:
    """Refuse a file that lacks documented columns (one an older version wrote, before they were added): each of
    its rows would read NA there, which says the report does not give the value."""
    missing = [col for col in _columns(name) if col not in frame.columns]
    if missing:
        raise ValueError(f"{path}: cannot read it as the {name} file of a toolkit extract run: it has no column "
                         f"{', '.join(missing)} (written by an older version of the toolkit, or edited); run "
                         f"toolkit extract again to write the current files")


def _unreadable(exc: ValueError) -> str:
    """Why read_outputs cannot read a file, in words: a CSV file that is not UTF-8 was most likely saved again
    by Excel, in the code page of Windows (GBK on Chinese Windows)."""
    if isinstance(exc, UnicodeDecodeError):
        return (f"it is not UTF-8 ({exc.reason} at byte {exc.start}); was it saved again by Excel? Save it as "
                f"'CSV UTF-8', or read the run's Parquet files")
    return str(exc)


def _columns(name: str) -> dict[str, str]:
    return {c: spec["dtype"] for c, spec in _schema()[name]["columns"].items()}


def _text_dtype() -> Any:
    """pandas' default string dtype: ``str`` (missing = NaN) in pandas >= 3, else ``string``."""
    return pd.Series(["x"]).dtype if pd.Series(["x"]).dtype != object else pd.StringDtype()


_TEXT = _text_dtype()
_DTYPES = {"string": _TEXT, "Int64": pd.Int64Dtype(), "float64": "float64", "boolean": pd.BooleanDtype()}


def _empty(name: str) -> pd.DataFrame:
    return _empty_cached(name).copy()


@lru_cache(maxsize=None)
def _empty_cached(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=_DTYPES[d]) for c, d in _columns(name).items()})


def _cast(s: pd.Series, dtype: str) -> pd.Series:
    """A number or boolean column as its documented dtype (text columns: ``_text_column``)."""
    target = _DTYPES[dtype]
    if s.dtype == target:
        return s
    if dtype == "Int64":
        num = pd.to_numeric(s, errors="coerce")
        if num.dtype.kind == "f":
            num = num.round()
        return num.astype(target)
    if dtype == "float64":
        return pd.to_numeric(s, errors="coerce").astype("float64")
    if s.dtype == object:
        s = s.where(s.notna(), None)
    return s.astype(target)


def _conform(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Reindex to the documented columns and cast to their dtypes (extra columns are dropped).

    An empty text is NA: CSV cannot tell '' from NA, so both formats hold NA, and so do the frames.
    """
    cols = _columns(name)
    if not len(frame):
        return _empty(name)
    out = {}
    for col, dtype in cols.items():
        if col in frame.columns:
            out[col] = _text_column(frame[col]) if dtype == "string" else _cast(frame[col], dtype)
        else:
            out[col] = pd.Series(pd.array([None] * len(frame), dtype=_DTYPES[dtype]) if dtype != "float64"
                                 else float("nan"), index=frame.index, dtype=_DTYPES[dtype])
    return pd.DataFrame(out, copy=False)


def _text_column(s: pd.Series) -> pd.Series:
    """A text column with '' as NA (what a CSV file reads back), the rest as it is."""
    if s.dtype == _TEXT:  # read back from a file: one comparison over the column, not a Python loop
        empty = (s == "").fillna(False).to_numpy(dtype=bool)
        return s.mask(empty) if empty.any() else s
    clean = [None if (isinstance(v, str) and not v) or (not isinstance(v, str) and pd.isna(v)) else v
             for v in s.tolist()]
    return pd.Series(clean, index=s.index, dtype=object, name=s.name).astype(_TEXT)


_PARQUET_TYPES = {"string": "string", "Int64": "int64", "float64": "float64", "boolean": "bool_"}


def _arrow_schema(name: str, extra: Sequence[str] = ()) -> Any:
    """The Parquet schema of an output file: the documented columns with their Arrow types (``string``, not
    the ``large_string`` pandas 3 gives), pandas' metadata so that ``pandas.read_parquet`` gives back the
    documented dtypes, and float64 columns ``extra`` after them (the p_<key> of a classified statements file)."""
    fields = [(c, getattr(pa, _PARQUET_TYPES[d])()) for c, d in _columns(name).items()]
    fields += [(c, pa.float64()) for c in extra]
    frame = _empty(name).assign(**{c: pd.Series([], dtype="float64") for c in extra})
    pandas_meta = pa.Schema.from_pandas(frame, preserve_index=False).metadata
    return pa.schema(fields).with_metadata(pandas_meta)


def _sort(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    keys = _schema()[name]["sort_by"]
    if len(frame) > 1:
        frame = frame.sort_values(keys, kind="stable", na_position="last")
    return frame.reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# Frames from rows, column by column (the fast path of _combine)
# ----------------------------------------------------------------------------------------------

# The Python types each documented dtype takes as it is: a column holding any other (a float in a text
# column, a numpy scalar ...) is left to pandas' inference and _conform, whose conversions are the reference.
_NONE = type(None)
_PLAIN_TYPES = {"string": {str, _NONE}, "Int64": {int, _NONE}, "float64": {float, _NONE},
                "boolean": {bool, _NONE}}
_EXACT_INT = 2 ** 53  # beyond it pandas' inference goes through float64 (with NA) and rounds: left to it
# pandas 3's text dtype takes Arrow's large_string as it is (pandas 2 with string_storage='pyarrow' wants string:
# it goes pandas' own way)
_ARROW_TEXT = getattr(_TEXT, "storage", None) == "pyarrow" and int(pd.__version__.split(".")[0]) >= 3


def _plain_values(values: Sequence, dtype: str) -> list | None:
    """A column's values as _conform gives them (text: '' and None are NA, as None), or None when a value
    is not of a type this fast path takes as it is."""
    types = set(map(type, values))
    if not types <= _PLAIN_TYPES[dtype]:
        return None
    if dtype == "string":
        return [v or None for v in values] if "" in values else list(values)
    if dtype == "Int64":
        ints = [v for v in values if v is not None] if _NONE in types else values
        if ints and not -_EXACT_INT <= min(ints) <= max(ints) <= _EXACT_INT:
            return None
    return list(values)


def _array(values: list, dtype: str) -> Any:
    """Plain values (see _plain_values) as an array of the documented dtype, None as NA.

    The arrays are made by their own constructors: ``pd.array`` first works out what it was given, a fixed
    cost of 10 to 15 µs per column that made most of the time of a single report's frames (``to_frames``).
    """
    if dtype == "string":
        # through Arrow directly: pandas' own list conversion checks every value again (three times slower)
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_TEXT) if _ARROW_TEXT \
            else pd.array(values, dtype=_TEXT)
    if dtype == "float64":
        return np.array(values, dtype="float64")  # None -> NaN
    if None in values:
        mask = np.array([v is None for v in values])
        values = [0 if v is None else v for v in values]
    else:
        mask = np.zeros(len(values), dtype=bool)
    data = np.array(values, dtype="int64" if dtype == "Int64" else "bool")
    return (pd.arrays.IntegerArray if dtype == "Int64" else pd.arrays.BooleanArray)(data, mask)


def _sort_order(arrays: Mapping[str, Any], keys: Sequence[str]) -> np.ndarray | None:
    """The row order of a stable sort by ``keys``, NA last (what _sort does), or None if the rows are in it.

    Arrow sorts (texts by their UTF-8 bytes, which is Python's order of code points), not Python: the key
    tuples of a batch's rows and their comparisons took a third of the time of its frames.
    """
    n = len(arrays[keys[0]])
    if n < 2:
        return None
    table = pa.table({key: pa.array(arrays[key]) for key in keys})
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in keys])  # NA last, the default
    order = order.to_numpy()
    return None if (order[1:] > order[:-1]).all() else order


def _record_columns(records: list[dict], columns: list[str]) -> list[Sequence]:
    """The values of each column over the records (a missing key is None)."""
    try:
        # column by column: transposing rows with zip(*rows) takes a third longer on a batch's cells
        return [list(map(itemgetter(c), records)) for c in columns]
    except KeyError:
        return [[r.get(c) for r in records] for c in columns]


def _frame_from_columns(values: list[Sequence], name: str, inferred: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """The rows of an output frame, given as the values of each of its columns, as
    _sort(_conform(inferred(), name), name) gives them, built column by column: the same columns, dtypes,
    values and order without pandas' per-value inference and sort.

    ``inferred`` makes the frame pandas' way, for the rows holding a value of another type.
    """
    dtypes = _columns(name)
    arrays: dict[str, Any] = {}
    for col, column in zip(dtypes, values):
        plain = _plain_values(column, dtypes[col])
        if plain is None:
            return _sort(_conform(inferred(), name), name)
        arrays[col] = _array(plain, dtypes[col])
    order = _sort_order(arrays, _schema()[name]["sort_by"])
    if order is not None:
        arrays = {c: a.take(order) for c, a in arrays.items()}
    return _frame(list(arrays.values()), name, len(values[0]))


def _from_columns(values: list[Sequence], name: str) -> pd.DataFrame:
    """The frame pandas makes of the rows whose column values are ``values`` (from their records, as tuples)."""
    return pd.DataFrame.from_records(list(zip(*values)), columns=list(_columns(name)))


@lru_cache(maxsize=None)
def _column_index(name: str) -> pd.Index:
    """The column labels of an output frame, made once (an Index of text takes some 70 µs to build)."""
    return pd.Index(list(_columns(name)))


def _frame(arrays: list, name: str, n: int) -> pd.DataFrame:
    """The frame of the documented columns from their arrays (see _array), each of ``n`` values.

    pandas' own constructor checks and infers again what _array made (about 0.2 ms a frame, more than the
    values of a single report cost: ``to_frames``); ``DataFrame._from_arrays`` takes them as they are. It
    is private, hence the constructor when it is missing or changed.
    """
    try:
        # a view: the frames share the labels, not the Index object (its name may be set)
        return pd.DataFrame._from_arrays(arrays, columns=_column_index(name).view(), index=pd.RangeIndex(n),
                                         verify_integrity=False)
    except (AttributeError, TypeError):  # pragma: no cover - another pandas
        return pd.DataFrame(dict(zip(_columns(name), arrays)), copy=False)


# ----------------------------------------------------------------------------------------------
# Inputs and report ids
# ----------------------------------------------------------------------------------------------

@dataclass
class _Inputs:
    """What the inputs expand to."""

    files: list[str] = field(default_factory=list)  # unique, in input order
    passed_over: dict[str, str] = field(default_factory=dict)  # real path -> kind ('.csv') of a file not read
    # input in files -> why it fails before parsing: a folder that cannot be listed or holds no report
    errors: dict[str, ReadError] = field(default_factory=dict)
    merged: list[tuple[str, str]] = field(default_factory=list)  # (input dropped, input kept): one file twice
    exclude: str | None = None  # real path of the output folder

    def excluded(self, path: str) -> bool:
        """Whether ``path`` is one of the run's own output files (reports.csv, tables.parquet.…part …)."""
        if self.exclude is None:
            return False
        folder, name = os.path.split(os.path.realpath(path))
        return folder == self.exclude and is_output_name(name)

    @property
    def skipped(self) -> Counter:
        """Kind of file -> files of the folders given that were not read (each counted once)."""
        read = {os.path.realpath(f) for f in self.files}
        return Counter(kind for real, kind in self.passed_over.items() if real not in read)


def is_output_name(name: str) -> bool:
    """Whether a file name is one that ``toolkit extract`` writes into ``--out``: an output file
    (``reports.csv`` …) or one of its unfinished or set-aside twins (``reports.csv.<run>.part``), also of
    an older version (``reports.csv.part``).

    Examples
    --------
    >>> is_output_name("tables.parquet"), is_output_name("tables.parquet.812-5e0c.part"), is_output_name("x.csv")
    (True, True, False)
    """
    return _OUTPUT_FILE.fullmatch(name) is not None


def _expand(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Files from files, folders (recursive, see :func:`_collect`) and globs, without duplicates."""
    return _collect(paths).files


def _collect(paths: Iterable[str | os.PathLike], exclude: str | os.PathLike | None = None) -> _Inputs:
    """Expand files, folders and globs; count the files of folders that are skipped as not reports.

    Every input is accounted for: a file named (or matched by a pattern) is an input even when it is
    missing, a link that loops or no regular file (it fails before parsing); a folder named that gives
    no file to read, and a pattern that matches nothing or only such folders, is an input that fails
    with the reason in ``errors``.  One file reached under several names is one input, under its own
    name when that is among them (see :func:`_keep_one`).

    No folder or glob gives the run's own output files in the folder ``exclude`` (``--out``), unfinished
    (``.part``) or from an earlier run, and such a file named (the shell's expansion of ``out/*``) is no input
    either; other files there are read as anywhere else.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    elif not isinstance(paths, Iterable) or isinstance(paths, (bytes, Mapping)):
        raise TypeError(f"paths must be a path, a folder, a glob or a list of them, got {type(paths).__name__}")
    found = _Inputs(exclude=None if exclude is None else os.path.realpath(exclude))
    files: list[str] = []
    own_only: list[str] = []  # patterns that matched, and folders that hold, only the run's own output files
    typed: dict[str, str] = {}  # input, tidied -> as given
    for i, p in enumerate(paths):
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"paths must be str or os.PathLike items, got {type(p).__name__}")
        s = os.fspath(p)
        if not s:  # would become a report with the id '' (read back as NA) failing as '<text>: file not found'
            raise ValueError(f"paths[{i}] is an empty string: give a file, a folder or a glob pattern")
        if "\0" in s:  # (a damaged list of paths) os.stat would raise from deep inside, ending the run
            raise ValueError(f"paths[{i}] holds a NUL character, which no file name can: {s!r}")
        typed[s := _tidy(s)] = os.fspath(p)  # (messages about the input itself name it as it was typed)
        if os.path.isdir(s):
            got, kinds = _walk(s, found)
            if not got and kinds and set(kinds) <= {_OWN_OUTPUT, _OWN_PART}:
                own_only.append(s)  # ('out' --out out: refused below unless another input gives files)
            if not got:  # named, so accounted for: a row saying why nothing was read there
                why = _run_output_folder(s, kinds) or _nothing_read(kinds)
                found.errors[s] = ReadError(s, f"no report file in this folder ({why})")
                got = [s]
            files += got
        elif os.path.lexists(s) and found.excluded(s):
            # named, as the shell names them for an unquoted 'out/*': read, each was a failed row, and a run of only
            # them replaced the outputs it had read
            own_only.append(s)
        elif os.path.lexists(s) or not _is_pattern(s):
            files.append(s)  # a missing file gives a failed row, not an exception
        else:
            try:
                matched = [m for m in sorted({m for q in _braces(s) for m in _glob_brackets_as_written(q)})
                           if not _through_loop(m)]
            except RecursionError:  # '**' recurses a level per folder: a thousand nested folders are too many
                found.errors[s] = ReadError(s, "the folders this pattern searches are nested too deep for a "
                                               "pattern: give the folder, which is searched to any depth")
                files.append(s)
                continue
            if not matched:
                files.append(s)  # a pattern that matches nothing gets a failed row, as a missing file does
            got, kinds = [], Counter()
            walked: list[tuple[str, Counter]] = []  # the folders matched, each with the kinds of files it passed over
            # Word lock files (~$x.docx, left open or by a crash) and folder settings are passed over, as a
            # folder passes them over and glob itself hidden files, unless the pattern's own name asks for them
            asked = _kind(os.path.basename(s)) == "junk"
            for m in matched:
                if os.path.isdir(m):
                    in_folder, skipped = _walk(m, found)
                    got += in_folder
                    kinds.update(skipped)
                    walked.append((m, skipped))
                elif not asked and _kind(os.path.basename(m)) == "junk":
                    kinds[_LOCK_OR_SETTINGS] += 1
                elif not found.excluded(m):
                    got.append(m)  # whatever it is (a link that loops, a pipe): tried, and failed if need be
                else:
                    kinds[_own_kind(m)] += 1
            if matched and not got:
                if kinds and set(kinds) <= {_OWN_OUTPUT, _OWN_PART}:  # output files, or folders holding only them ('o*')
                    own_only.append(s)  # (refused below unless another input gives files)
                else:
                    why = _run_output_folders(walked, kinds) or _nothing_read(kinds)
                    found.errors[s] = ReadError(s, f"no report file in the folders this pattern matches ({why})")
                    got = [s]
            files += got
    if own_only and all(f in own_only for f in files):  # (such a folder is in files, for its failed row)
        # ('out/*' or 'out' --out out) the run's only inputs are its outputs: a run of nothing, or of the folder's
        # one failed row, would replace them
        first = own_only[0]
        says = "holds only" if os.path.isdir(first) else "is one of" if os.path.lexists(first) else "matches only"
        raise OwnOutputError(f"{typed[first]!r} {says} the output files of this run in {exclude}, which are never "
                             f"read as inputs; nothing to do, and the files there are left as they are")
    found.files = _keep_one(files, found.merged)
    return found


def _is_pattern(path: str) -> bool:
    """Whether ``path`` is a pattern: it holds '*', '?', '[' or braces with a comma ('{2019,2020}')."""
    return bool(_GLOB_CHARS & set(path)) or ("{" in path and len(_braces(path)) > 1)


def _braces(pattern: str) -> list[str]:
    """The patterns a shell's braces give: 'd/{2019,2020}/*.txt' is 'd/2019/*.txt' and 'd/2020/*.txt' (nested
    braces too); a pattern in quotes, which passes over Word's lock files, has no shell to expand them, and
    matched nothing.  Braces without a comma at their level are as written, as the shell has them."""
    for start, char in enumerate(pattern):
        if char != "{":
            continue
        depth, cuts = 0, [start]
        for i in range(start, len(pattern)):
            if pattern[i] == "{":
                depth += 1
            elif pattern[i] == "," and depth == 1:
                cuts.append(i)
            elif pattern[i] == "}":
                depth -= 1
                if depth == 0:
                    if len(cuts) == 1:
                        break  # ('{x}': no alternatives, as written)
                    cuts.append(i)
                    head, tail = pattern[:start], pattern[i + 1:]
                    return [out for a, b in zip(cuts, cuts[1:]) for out in _braces(head + pattern[a + 1:b] + tail)]
    return [pattern]


def _glob_brackets_as_written(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, a part of the pattern holding brackets taken as written when a file
    or folder has that name: '[2020]' is a set of characters to a pattern (one of 2 and 0), which missed the folder
    named '[2020]' ('reports/[2020]/*.txt' as typed, or as the shell passes it on, matched nothing) or read a
    folder '2' instead.  Parts after the first holding '*', '?' or a set are sets, as before."""
    if "[" in pattern:
        written = pattern.split(os.sep)
        parts = list(written)
        for i, part in enumerate(written):
            if _GLOB_CHARS & set(part):
                if "*" in part or "?" in part or not os.path.lexists(os.sep.join(written[: i + 1])):
                    break
                parts[i] = part.replace("[", "[[]")  # ('[[]' is a literal '['; the parts before are written)
        pattern = os.sep.join(parts)
    return glob.glob(pattern, recursive=True)


class OwnOutputError(ValueError):
    """The inputs of a run are only its own output files (``toolkit extract 'out/*' --out out``)."""


def _tidy(path: str) -> str:
    """``path`` without the parts that name nothing: ``./d//x.txt`` is ``d/x.txt``, so that ``reports.path`` is
    the same however a file or folder was typed (it was kept as typed, and a folder given as ``./d`` gave
    ``./d/x.txt`` where ``d`` gave ``d/x.txt``).  ``..`` is kept (after a linked folder it is not the folder
    above), and so is a slash ending a name that is no folder (``x.txt/`` is no file); a URL is left as it is."""
    tidy = str(PurePath(path))
    if tidy == path or "://" in path:  # (the usual case; a URL, whose '//' is no doubled slash)
        return path
    seps = tuple(os.sep + (os.altsep or ""))
    if path.endswith(seps) and not tidy.endswith(seps) and not os.path.isdir(tidy):
        tidy += os.sep
    return tidy


def _nothing_read(kinds: Counter) -> str:
    """Why a folder gave nothing to read: 'it is empty …', or what it holds ('it holds only 2 .csv, 1 .md')."""
    kinds = Counter({kind: n for kind, n in kinds.items() if kind != _OWN_PART})  # this run's own, not there before it
    if not kinds:
        return "it is empty, or holds only hidden files"
    return "it holds only " + _kinds(kinds)


def _run_output_folder(folder: str, kinds: Counter) -> str | None:
    """Why a folder that gave nothing to read is no folder of reports when every file counted in ``kinds`` is an
    output file of ``toolkit extract`` beside it (see :func:`is_output_name`): the output folder of an earlier
    run given to ``summary`` (or to ``extract`` with another ``--out``) was said to hold '6 .csv, 6 .parquet'
    only, as if its tables were reports in the wrong format.  None for any other folder."""
    if _OWN_OUTPUT in kinds or _OWN_PART in kinds:  # this run's own --out, which _nothing_read says
        return None
    try:
        with os.scandir(folder) as entries:
            outputs = sum(1 for e in entries if is_output_name(e.name) and e.is_file())
    except OSError:
        return None
    if not outputs or outputs != sum(kinds.values()):  # (other files beside them, or in its subfolders)
        return None
    return f"it is the output folder of a toolkit extract run, holding only its {_kinds(kinds)}: {_READ_REPORTS}"


_READ_REPORTS = "reports are read, not the tables made from them; give the folder of the reports"


def _run_output_folders(walked: Sequence[tuple[str, Counter]], kinds: Counter) -> str | None:
    """:func:`_run_output_folder` for the folders a pattern matched (each with the ``kinds`` it passed over, all of
    them ``kinds``): 'ou*' matching an earlier run's output folder was said to hold '6 .csv, 6 .parquet' only, where
    the folder named was named so.  None unless every folder is such and they are all the pattern matched."""
    if not walked or sum(kinds.values()) != sum(sum(k.values()) for _, k in walked):  # (a lock file matched too)
        return None
    whys = [_run_output_folder(folder, k) for folder, k in walked]
    if not all(whys):
        return None
    if len(whys) == 1:
        return whys[0]
    return (f"they are the output folders of toolkit extract runs, holding only their {_kinds(kinds)}: "
            f"{_READ_REPORTS}")


def _own_kind(path: str) -> str:
    """The kind of one of the run's own files in ``--out``: a finished output, or an unfinished ``.part``."""
    return _OWN_PART if path.endswith(".part") else _OWN_OUTPUT


def _kinds(counts: Counter) -> str:
    """'3 .csv, 1 .md': the most frequent kinds first, then by name."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _real_key(path: str) -> str | tuple[int, int]:
    """What tells two names of one file apart from two files: its real path (a link that loops has none: the
    real path of its folder and its own name), or its device and inode when it has several (hard links: two
    real paths, one file, which gave two rows of one report where a symbolic link gives one)."""
    try:
        st = os.stat(path)
    except OSError:
        head, tail = os.path.split(os.path.abspath(path))
        return os.path.normcase(os.path.join(os.path.realpath(head), tail))
    if st.st_nlink > 1 and st.st_ino and stat.S_ISREG(st.st_mode):  # (an inode 0: a file system without them)
        return (st.st_dev, st.st_ino)
    return os.path.normcase(os.path.realpath(path))


def _keep_one(files: list[str], merged: list[tuple[str, str]]) -> list[str]:
    """One input per file, at the place it was first given, under the file's own name when that is among
    its names: ``report.txt`` rather than a link ``latest.txt`` to it, whatever order they came in (else the
    first name in path order).  ``merged`` gets each name dropped, with the one kept."""
    names: dict[str | tuple[int, int], list[str]] = {}
    for f in files:
        names.setdefault(_real_key(f), []).append(f)
    out = []
    for given in names.values():
        if len(given) == 1:
            out.append(given[0])
            continue
        # the name as given last: 'd/x.txt' and './d/x.txt' are one path, and which is kept must not
        # depend on the order of the inputs
        # ('d/../d/x.txt' or 'd/x.txt': not the name that climbs out and back; a name that is the file's own, not
        # one reached through a linked folder's name; of hard links, each its own, the first by path)
        kept = min(given, key=lambda f: (os.path.islink(f), os.path.normcase(os.path.basename(f))
                                         != os.path.normcase(os.path.basename(os.path.realpath(f))),
                                         ".." in Path(f).parts, Path(f).as_posix(), f))
        out.append(kept)
        drop = given.index(kept)
        merged += [(f, kept) for i, f in enumerate(given) if i != drop]
    return out


def _through_loop(path: str) -> bool:
    """Whether ``path`` runs through a loop of linked folders: a '**' pattern follows a link to a parent until
    the system refuses (sub/loop/sub/loop/…), which names no input of its own.  A link that loops by itself
    (a.txt -> b.txt -> a.txt) is not such a path: it is an input, which fails."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            return False
    else:
        return False
    head, tail = os.path.split(os.path.abspath(path))
    try:
        os.stat(os.path.join(os.path.realpath(head), tail))  # the same name in its real folder
    except OSError:
        return False
    return True


def _walk(folder: str, found: _Inputs) -> tuple[list[str], Counter]:
    """The files of a folder, recursively, that are reports or look like reports (see :func:`_kind`), and
    the kinds of the other files there, counted (hidden files and folder settings are not counted).

    Linked folders are followed (as globs follow them), each folder once, so a link to an ancestor does not
    loop.  A folder that cannot be listed is returned as an input of its own, with the reason in
    ``found.errors``, so that it gets a failed row; so is a link that loops, as a dangling one is.
    """
    out: list[str] = []
    kinds: Counter = Counter()
    visited = {_dir_key(folder)}

    def unlisted(exc: OSError) -> None:
        if exc.errno == errno.ELOOP:
            return  # the end of a loop of linked folders (a pattern's match deep inside one)
        path = exc.filename if isinstance(exc.filename, str) else folder
        found.errors[path] = ReadError(path, f"cannot list the folder ({exc.strerror or exc})")
        out.append(path)

    for root, dirs, names in _walk_tree(folder, unlisted):
        pages = _saved_pages(names)
        dirs[:] = [d for d in sorted(dirs) if not d.startswith(".")  # .ipynb_checkpoints, .git …
                   and d.lower() not in _SYSTEM_FOLDERS and not _holds_a_pages_parts(d, pages)
                   and _first_visit(_join(root, d), visited)]
        for name in sorted(names):
            kind = _kind(name)
            path = _join(root, name)
            if found.excluded(path):
                kinds[_own_kind(name)] += 1
            elif kind == "report":
                if not _through_loop(path):
                    out.append(path)
            elif kind != "junk":
                # (an earlier run's reports.csv … in a folder of reports: named so, not '6 .csv, 6 .parquet')
                found.passed_over[os.path.realpath(path)] = _EARLIER_OUTPUT if is_output_name(name) else kind
                kinds[kind] += 1
    return out, kinds


# A page saved "complete" by a browser: 报告.html beside the folder of its parts, 报告_files (Chrome, Firefox) or
# 报告.files (Internet Explorer), whose style sheets the HTML reader applies (readers: a page's folder)
_PAGE_EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml")
_PARTS_SUFFIXES = ("_files", ".files")


def _saved_pages(names: list[str]) -> set[str]:
    """The stems of a folder's web pages, lower-cased: 报告 of 报告.html."""
    return {stem.lower() for stem, ext in map(os.path.splitext, names) if ext.lower() in _PAGE_EXTENSIONS}


def _holds_a_pages_parts(folder: str, pages: set[str]) -> bool:
    """Whether ``folder`` is the folder of a saved page's parts (报告_files beside 报告.html): its scripts, images
    and frames are no reports, and each one the readers took gave a row of its own (an analytics script without
    extension, a frame's page); a folder so named beside no page is searched as any other."""
    low = folder.lower()
    return any(low.endswith(suffix) and low[:-len(suffix)] in pages for suffix in _PARTS_SUFFIXES)


def _walk_tree(top: str, onerror: Callable[[OSError], None]) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(top, onerror=onerror, followlinks=True)``, top-down, without recursion: os.walk (before
    Python 3.12) nests a generator per level, so that folders nested a thousand deep raised RecursionError.
    The caller may prune ``dirs`` in place, as with os.walk; folders come in the same order."""
    stack = [top]
    while stack:
        root = stack.pop()
        dirs: list[str] = []
        names: list[str] = []
        try:
            with os.scandir(root) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()  # follows links, as followlinks=True does
                    except OSError:
                        is_dir = False
                    (dirs if is_dir else names).append(entry.name)
        except OSError as exc:  # cannot be listed, or not to the end: os.walk gives nothing of it either
            onerror(exc)
            continue
        yield root, dirs, names
        stack.extend(_join(root, d) for d in reversed(dirs))  # the first folder on top: depth first


def _join(folder: str, name: str) -> str:
    """``os.path.join(folder, name)``, but ``x.txt`` in the folder ``.``: the folder ``.`` gave ``./x.txt`` where
    the file named, or the pattern ``*``, gives ``x.txt`` (see :func:`_tidy`)."""
    return name if folder == os.curdir else os.path.join(folder, name)


def _dir_key(path: str) -> tuple[int, int] | str:
    """What tells two names of one folder apart from two folders: device and inode (else the real path)."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino)


def _first_visit(path: str, visited: set) -> bool:
    key = _dir_key(path)
    if key in visited:
        return False
    visited.add(key)
    return True


def _kind(name: str) -> str:
    """``'report'`` for a file a folder gives to the parser, ``'junk'`` for one skipped without a word
    (hidden files, Office lock files, folder settings), else its extension (or ``'no extension'``)."""
    if name.startswith((".", "~$")) or name.lower() in _JUNK_FILES:
        return "junk"
    ext = _extension(name)  # (a page saved with its query, art.jsp?id=123, is a .jsp)
    if ext in SUPPORTED_EXTENSIONS or ext in REPORT_LIKE_EXTENSIONS:
        return "report"
    return ext or "no extension"


def _safe_part(part: str) -> str:
    """One path component as text that UTF-8 can hold.

    A name that is not valid UTF-8 (GBK bytes left by ``unzip`` from a zip made on Chinese Windows) reaches
    Python with surrogate escapes, which no CSV or Parquet writer accepts.  Its bytes are decoded as GB18030
    when they are valid GB18030, else shown as backslash escapes (``\\xc4``).
    """
    if not _SURROGATES.search(part):
        return part
    raw = os.fsencode(part)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


@overload
def _safe_path(path: str) -> str: ...
@overload
def _safe_path(path: None) -> None: ...
def _safe_path(path: str | None) -> str | None:
    """The path as written in ``reports.path``: each component made writable by :func:`_safe_part`.

    ``None`` (a report parsed from text in memory) stays ``None``.
    """
    if path is None or not _SURROGATES.search(path):
        return path
    return os.sep.join(_safe_part(part) for part in path.split(os.sep))


def _safe_error(error: str, path: str) -> str:
    """An error message naming ``path``, with the path in its written form and no surrogate left."""
    if not _SURROGATES.search(error):
        return error
    return error.replace(path, _safe_path(path)).encode("utf-8", "backslashreplace").decode("utf-8")


def _id_text(value: object) -> str:
    """An id as text (1 -> '1'); a missing one as '' for the check after."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _stem(path: str) -> str:
    """The file stem a report id is made of (:func:`toolkit.report._default_id`), of the path as written in
    ``reports.path``."""
    if Path(path).name in ("", ".", ".."):  # (the folder's own name, made writable)
        path = os.path.abspath(path)
    return _default_id(_safe_path(path))


def _assign_ids(files: list[str], report_ids: Mapping | Sequence | None,
                merged: Sequence[tuple[str, str]] = ()) -> list[str]:
    """Report ids: given ones, else file stems made unique in path order (x, x-2, x-3 …), readable files first.

    ``merged`` lists the inputs that named a file given before (dropped, kept), for the message when a
    sequence of ids counts them.
    """
    if report_ids is not None:
        if isinstance(report_ids, Mapping):
            # (keys as the inputs are: tidied, so that './d//x.txt' given in both finds its file, see _tidy)
            lookup = {_tidy(os.fspath(k)): _id_text(v) for k, v in report_ids.items()}
            # a file named twice ('d/x.txt' and './d/x.txt', or a link to it) is read under one of its names
            # (_keep_one): the id given for that name, else the one given for another of its names
            others: dict[str, list[str]] = {}
            for dropped, kept in merged:
                others.setdefault(kept, []).append(dropped)
            ids, missing = [], []
            for f in files:
                named = [n for n in [f, *sorted(others.get(f, ()), key=lambda n: (Path(n).as_posix(), n))]
                         if n in lookup]
                if not named:
                    missing.append(f)
                ids.append(lookup[named[0]] if named else "")
            if missing:
                raise ValueError(f"report_ids has no id for {len(missing)} input file(s), e.g. {missing[0]!r}")
        else:
            # a str is a sequence of characters: 'abc' would name three files 'a', 'b' and 'c'
            if isinstance(report_ids, (str, bytes)) or not isinstance(report_ids, Iterable):
                raise ValueError(f"report_ids must be a mapping from input path to id or a sequence of ids, one "
                                 f"per input file, got {type(report_ids).__name__}: {report_ids!r}")
            ids = [_id_text(x) for x in report_ids]
            if len(ids) != len(files):
                why = ""
                if merged:  # the caller counted the paths given, not the files they name
                    dropped, kept = merged[0]
                    why = (f"; {len(merged)} path(s) named a file given before and were merged with it, "
                           f"e.g. {dropped!r} into {kept!r}")
                raise ValueError(f"report_ids must give one id per input file ({len(files)}), got {len(ids)}"
                                 f"{why}")
        bad = [f for f, i in zip(files, ids) if not i.strip()]
        if bad:
            raise ValueError(f"report_ids gives {len(bad)} input file(s) a missing or empty id, e.g. {bad[0]!r}")
        dup = pd.Series(ids)[pd.Series(ids).duplicated()]
        if len(dup):
            raise ValueError(f"report_ids must be unique, got {dup.iloc[0]!r} more than once")
        # ids differing only in case ('A', 'a') name one file on macOS or Windows when a researcher writes a file
        # per report id; stems are made unique so (below), but the caller's ids are not renamed: refused
        first: dict[str, str] = {}
        for i in ids:
            seen = first.setdefault(i.casefold(), i)
            if seen != i:
                raise ValueError(f"report_ids must be unique ignoring case, got {seen!r} and {i!r} (one file "
                                 f"on a case-insensitive file system)")
        return ids
    stems = [_stem(f) for f in files]
    # stems compared case-insensitively: 'a' and 'A' would be one file on macOS or Windows when a researcher
    # writes a file per report id, so they are one stem for the rule below (the first by path keeps its own)
    keys = [s.casefold() for s in stems]
    taken = set(keys)
    # among files of one stem, one a reader reads gets the bare stem (not wudang-2020.rtf before its .txt)
    readable = [os.path.splitext(f)[1].lower() not in REPORT_LIKE_EXTENSIONS for f in files]
    order = sorted(range(len(files)), key=lambda i: (keys[i], not readable[i], Path(files[i]).as_posix(), files[i]))
    ids = [""] * len(files)
    # stem -> the suffix to try next: every smaller one is taken for good, so that thousands of index.html
    # cost one try each, not one per id given before
    next_k: dict[str, int] = {}
    for i in order:
        key = keys[i]
        if key not in next_k:
            next_k[key] = 2
            ids[i] = stems[i]
            continue
        k = next_k[key]
        while f"{key}-{k}" in taken:
            k += 1
        ids[i] = f"{stems[i]}-{k}"
        taken.add(f"{key}-{k}")
        next_k[key] = k + 1
    return ids


# ----------------------------------------------------------------------------------------------
# Parsing one file (runs in the workers)
# ----------------------------------------------------------------------------------------------

def _default_parse(path: str, report_id: str | None = None, *, max_bytes: int | None = None,
                   encoding: str | None = None) -> Any:
    if max_bytes is None:
        return parse_report(path, report_id=report_id, encoding=encoding)
    return parse_report(path, report_id=report_id, encoding=encoding, max_bytes=max_bytes)


# A parsed file is a pair (row of reports.csv as a dict, dict of the other frames). A frame is a DataFrame, or
# a list of row dicts when the report has ``to_records`` (DataFrames are then built once per batch).
_Part = tuple[dict[str, Any], dict[str, Any]]


def _failed(path: str, report_id: str, error: str) -> _Part:
    return {"report_id": report_id, "path": _safe_path(path), "status": "failed",
            "error": _safe_error(error, path)}, {}


def _codes(flags: Any) -> list[str]:
    """The distinct flag codes in the order of flags.csv (its sort keys, missing values last)."""
    keys = [k for k in _schema()["flags"]["sort_by"] if k != "report_id"]
    if isinstance(flags, list):
        records = sorted(flags, key=lambda r: [(_isna(r.get(k)), "" if _isna(r.get(k)) else r.get(k)) for k in keys])
        codes = [r.get("code") for r in records]
    else:
        codes = flags.sort_values(keys, kind="stable", na_position="last")["code"].tolist()
    return list(dict.fromkeys(str(c) for c in codes if not _isna(c)))


def _with_report_id(frame: Any, report_id: str) -> Any:
    if isinstance(frame, list):
        for rec in frame:
            rec["report_id"] = report_id
        return frame
    if "report_id" not in frame.columns or not (frame["report_id"].iat[0] == report_id == frame["report_id"].iat[-1]):
        frame = frame.copy()
        frame["report_id"] = report_id
    return frame


def _frames_of(report: Any, path: str, report_id: str) -> _Part:
    to_records = getattr(report, "to_records", None)
    frames = dict(to_records() if callable(to_records) else report.to_frames())
    flags = frames.get("flags")
    if flags is None:
        flags = [{"code": f.code, "table": f.table, "line": f.line, "detail": f.detail}
                 for f in getattr(report, "flags", [])]
        frames["flags"] = flags
    row: dict[str, Any] = {}
    meta = getattr(report, "metadata", None) or {}
    for col in _columns("reports"):
        if col in meta:
            row[col] = meta[col]
    rep = frames.pop("reports", None)
    if isinstance(rep, list):
        if rep:
            row.update({k: v for k, v in rep[0].items() if not _isna(v)})
    elif rep is not None and len(rep):
        row.update({k: v for k, v in ((c, rep[c].iat[0]) for c in rep.columns) if not _isna(v)})
    status = getattr(report, "status", row.get("status"))
    if status not in ("ok", "partial"):
        status = "partial" if len(flags) else "ok"
    codes = _codes(flags) if len(flags) else []
    row.update(report_id=report_id, path=_safe_path(path), status=status, error=None, n_flags=len(flags),
               flags=";".join(codes))
    for name in FRAMES[1:]:
        f = frames.get(name)
        if f is None or not len(f):
            frames.pop(name, None)
        else:
            frames[name] = _with_report_id(f, report_id)
    return row, frames


def _isna(v: Any) -> bool:
    """Whether a scalar is NA, as ``pd.isna`` says (False for what it cannot say of)."""
    if v is None:
        return True
    kind = type(v)
    if kind is str or kind is int or kind is bool:  # the usual values first: pd.isna costs a microsecond
        return False
    if kind is float:
        return v != v
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _parse_one(parse: Callable, path: str, report_id: str) -> _Part:
    """The frames of one file, or its failed row."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReaderWarning)  # kept as flags of the report, not printed by workers
            report = parse(path, report_id=report_id)
        return _frames_of(report, path, report_id)
    except ToolkitError as exc:
        return _failed(path, report_id, str(exc))
    except MemoryError as exc:  # (the system's own limits; max_memory is the parent's, see _LocalPool._over_memory)
        # (the row said what failed, not what to do: the file is not bad, the machine was short)
        return _failed(path, report_id, f"{path}: out of memory (MemoryError{': ' * bool(str(exc))}{exc}): the "
                                        f"system had no more memory to give while the file was read; with fewer jobs "
                                        f"at once, or on a machine with more memory, it may be read")
    except (Exception, RecursionError) as exc:  # a parser bug must not stop the corpus
        return _failed(path, report_id, f"{path}: unexpected {type(exc).__name__}: {exc}")


@dataclass
class _Batch:
    """The parts of a run of reports (see _Part) frame by frame, as a worker sends them: the rows of reports,
    and for each other frame the values of each of its columns over the records of the reports (see
    _record_columns; columns pickle and unpickle in a third of the time of the records' dicts) and the
    DataFrames of the reports that gave DataFrames, in report order."""

    rows: list[dict[str, Any]]
    columns: dict[str, list[Sequence]] = field(default_factory=dict)
    frames: dict[str, list[pd.DataFrame]] = field(default_factory=dict)


def _gather(parts: list[_Part]) -> _Batch:
    """The parts of a run of reports as a _Batch."""
    batch = _Batch([row for row, _ in parts])
    for name in FRAMES[1:]:
        pieces = [f[name] for _, f in parts if name in f]
        records = [rec for p in pieces if isinstance(p, list) for rec in p]
        if records:
            batch.columns[name] = _record_columns(records, list(_columns(name)))
        frames = [p for p in pieces if not isinstance(p, list)]
        if frames:
            batch.frames[name] = frames
    return batch


def _batch_frames(batch: _Batch) -> dict[str, pd.DataFrame]:
    """Concatenate, conform and sort the frames of a run of reports (once per batch, not per report)."""
    rows = batch.rows
    out = {"reports": _frame_from_columns(_record_columns(rows, list(_columns("reports"))), "reports",
                                          lambda: pd.DataFrame(rows))}
    for name in FRAMES[1:]:
        columns, pieces = batch.columns.get(name), batch.frames.get(name, [])
        if columns is None and not pieces:
            out[name] = _empty_cached(name)  # read-only; copied if it reaches the caller
            continue
        if not pieces:
            out[name] = _frame_from_columns(columns, name, partial(_from_columns, columns, name))  # type: ignore[arg-type]  # columns is set where there are no pieces
            continue
        if columns is not None:  # the records first, as they were given
            pieces = [_from_columns(columns, name), *pieces]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # all-NA columns in concat
            frame = pd.concat(pieces, ignore_index=True, sort=False) if len(pieces) > 1 else pieces[0]
        out[name] = _sort(_conform(frame, name), name)
    return out


def _combine(parts: list[_Part]) -> dict[str, pd.DataFrame]:
    """Concatenate, conform and sort the frames of a run of reports (once per batch, not per report)."""
    return _batch_frames(_gather(parts))


def _run_batch(parse: Callable, batch: list[tuple[str, str]]) -> dict[str, pd.DataFrame]:
    return _combine([_parse_one(parse, p, r) for p, r in batch])


# ----------------------------------------------------------------------------------------------
# Local backend: a pool of killable worker processes
# ----------------------------------------------------------------------------------------------

def _worker_main(conn: Any, parse: Callable | None, progress: Any, raw: bool = False,
                 memory: int | None = None) -> None:  # pragma: no cover - a child process
    """Parse the batches the parent sends, and send back the frames of each (``raw``: the parts gathered by
    column, a _Batch, that the parent combines into frames, see _LocalPool); with ``memory``, the worker's
    memory in use at its start is written to ``progress`` for the parent, which stops it when it uses
    ``memory`` bytes more (see _LocalPool._over_memory).

    ``progress`` (shared with the parent) says which file of the batch the worker is on and since when: the
    parent reads it when a time limit may be up or the worker died, rather than being woken for every file.
    It is woken when the first file begins (how long the worker took to get to it is no file's time), and
    when the batch is done.
    """
    parse = parse or _default_parse
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    gc.freeze()  # what the worker inherited lives as long as it does: keep it out of every collection
    if memory is not None:
        progress[_BASE] = _resident(os.getpid()) or 0.0
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        parts = []
        try:
            for i, (path, rid) in enumerate(msg):
                progress[_BEGAN] = time.monotonic()
                progress[_FILE] = i  # last: a parent that sees file i sees when it began (or later)
                if not i:
                    conn.send(("start", None))
                parts.append(_parse_one(parse, path, rid))
            conn.send(("done", _gather(parts) if raw else _combine(parts)))
        except (BrokenPipeError, ConnectionResetError):
            return  # the parent went away (stopped or killed): nobody to report to


# max_memory is a limit on the memory a worker uses (its resident set), which the parent reads this often. It was
# a limit on its address space (RLIMIT_AS), which is no measure of it: a parser's threads and OpenBLAS map
# gigabytes they never use (a file failed 'out of memory' under a realistic 2G), while memory taken in space
# mapped before the limit went uncounted (a worker under a limit of 1K took 50 MB)
_MEMORY_POLL = 0.05


def _resident(pid: int) -> int | None:
    """The bytes of memory the process ``pid`` holds (its resident set), or None when it is gone (Linux)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:  # (its second number: the pages resident)
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _can_limit_memory() -> bool:
    """Whether a worker's resident memory can be read (:func:`_resident`), so that max_memory can be kept (Linux)."""
    return os.path.exists("/proc/self/statm")


@dataclass
class _Unit:
    """Result for the tasks start..stop-1 (a contiguous run in report-id order)."""

    start: int
    stop: int
    frames: dict[str, pd.DataFrame] | _Batch  # a _Batch: the parts of a batch, combined by the parent (_LocalPool)


# a worker's progress: [index in its batch of the file it is on (-1: none yet), when it began it, the memory it held
# at its start (-1: not known yet), with max_memory]
_FILE, _BEGAN, _BASE = 0, 1, 2


@dataclass
class _Slot:
    proc: Any
    conn: Any
    progress: Any  # shared with the worker (see _worker_main)
    batch: list[int] = field(default_factory=list)
    sent: float = 0.0  # when the batch was sent
    seen: int = -1  # the file it was on when last looked at
    done: int = 0  # files parsed by this process, to recycle it now and then

    @property
    def current(self) -> int:
        """Index in the batch of the file the worker is on (-1: it has not begun one)."""
        return int(self.progress[_FILE])


def _mp_context() -> Any:
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        # toolkit._warm fills the parser's caches once, before any worker is forked from the server.
        ctx.set_forkserver_preload(["toolkit.corpus", "toolkit", "toolkit._warm"])
        return ctx
    return mp.get_context("spawn")


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT while the processes started inside are made: they inherit the mask, so a Ctrl-C while they
    import (the forkserver's preload, a spawned worker's start) waits until they ignore it, as the resource
    tracker of multiprocessing is started; this process gets its own Ctrl-C when the block is lifted."""
    if not hasattr(signal, "pthread_sigmask"):  # (Windows: no Ctrl-C reaches a child that way)
        yield
        return
    from multiprocessing import resource_tracker

    # started first: starting it lifts a block of SIGINT, whoever set it (it blocks SIGINT for its own start)
    resource_tracker.ensure_running()
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _defined_in_main(obj: Any) -> bool:
    while isinstance(obj, partial):
        obj = obj.func
    return getattr(obj, "__module__", None) == "__main__"


@contextmanager
def _main_script_hidden(parse: Callable | None) -> Iterator[None]:
    """Start workers without re-running the caller's script.

    A new worker process (forkserver or spawn) re-runs the main script to find
    what was pickled from it, so a script that calls ``extract_corpus`` at top
    level without an ``if __name__ == "__main__":`` guard would start workers
    recursively, and code read from standard input cannot be re-run at all.
    The workers need the script only when the parse function is defined there.
    """
    main = sys.modules.get("__main__")
    if (main is None or getattr(main, "__spec__", None) is not None or "__file__" not in vars(main)
            or _defined_in_main(parse)):
        yield
        return
    saved = main.__file__
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = saved


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return str(-code)


class _LocalPool:
    """Worker processes that parse batches of files.

    With ``raw``, the workers send back the parts of their files and the parent combines them into frames
    (_combine, about a tenth of a report's time), after sending the workers their next batches: it does so
    while they parse, on a core they leave free. Without it (no core to spare) each worker combines its own.
    """

    def __init__(self, jobs: int, parse: Callable | None, timeout: float | None, raw: bool = False,
                 memory: int | None = None) -> None:
        self.ctx = _mp_context()
        self.parse = parse
        self.timeout = timeout
        self.raw = raw
        self.memory = memory
        self.slots = [self._start() for _ in range(jobs)]
        self.startup_failures = 0
        self.retried: set[int] = set()  # tasks put back once after their worker went over max_memory

    def _start(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        progress = self.ctx.RawArray("d", [-1.0, 0.0, -1.0])
        proc = self.ctx.Process(target=_worker_main, args=(child, self.parse, progress, self.raw, self.memory),
                                daemon=True, name="toolkit-corpus-worker")
        with _main_script_hidden(self.parse):
            if self.ctx.get_start_method() == "forkserver":
                from multiprocessing import forkserver

                # the server, started once, imports toolkit: a Ctrl-C to the process group then was its traceback.
                # Its workers are forked from it with its SIGINT ignored (the parent stops them)
                with _sigint_blocked():
                    forkserver.ensure_running()
                proc.start()  # (waits for the server's imports: a Ctrl-C meanwhile stops the parent)
            else:
                with _sigint_blocked():  # a spawned worker imports toolkit before _worker_main ignores SIGINT
                    proc.start()
        child.close()
        return _Slot(proc, parent, progress)

    def _replace(self, slot: _Slot) -> None:
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(5)
        slot.conn.close()
        new = self._start()
        slot.proc, slot.conn, slot.progress, slot.batch, slot.seen, slot.done = (new.proc, new.conn, new.progress,
                                                                                 [], -1, 0)

    def close(self) -> None:
        for slot in self.slots:
            try:
                if not slot.batch:
                    slot.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2
        for slot in self.slots:
            slot.proc.join(max(0.0, deadline - time.monotonic()))
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join(2)
            slot.conn.close()

    def run(self, tasks: list[tuple[str, str]], todo: deque, window: int,
            ready: Callable[[], int]) -> Iterator[_Unit]:
        """Feed batches from ``todo`` (deque of index lists) and yield each finished unit.

        A batch is sent only when its first task is within ``window`` of the
        first task not yet handed on (``ready()``), so a hung file cannot make
        the results waiting behind it pile up without bound.
        """
        while todo or any(s.batch for s in self.slots):
            self._dispatch(tasks, todo, window, ready)
            busy = [s for s in self.slots if s.batch]
            if not busy:
                continue
            wait_for = None
            if self.timeout is not None:
                now = time.monotonic()
                wait_for = min(_MAX_WAIT, max(0.0, min(self._deadline(s)[1] - now for s in busy)))
            if self.memory is not None:
                wait_for = _MEMORY_POLL if wait_for is None else min(wait_for, _MEMORY_POLL)
            objects = [s.conn for s in busy] + [s.proc.sentinel for s in busy]
            ready_objs = set(_wait(objects, timeout=wait_for))
            for slot in busy:
                current = slot.current
                if current >= 0 and current != slot.seen:  # it began a file since: workers can start
                    slot.seen = current
                    self.startup_failures = 0
            finished = [unit for slot in busy if slot.conn in ready_objs or slot.proc.sentinel in ready_objs
                        for unit in self._read(slot, tasks, todo)]
            if self.raw and finished:
                self._dispatch(tasks, todo, window, ready)  # the workers go on while the parent combines
            for unit in finished:
                if isinstance(unit.frames, _Batch):  # a batch's parts
                    unit.frames = _batch_frames(unit.frames)
                yield unit
            if self.memory is not None:
                for slot in self.slots:
                    if slot.batch and (unit := self._over_memory(slot, tasks, todo)) is not None:
                        yield unit
            if self.timeout is not None:
                now = time.monotonic()
                for slot in self.slots:
                    if not slot.batch:
                        continue
                    current, deadline = self._deadline(slot)
                    if now > deadline:
                        unit = self._lose(slot, tasks, todo, f"timeout after {_fmt_seconds(self.timeout)}s",
                                          current)
                        if unit is not None:
                            yield unit

    def _dispatch(self, tasks: list[tuple[str, str]], todo: deque, window: int, ready: Callable[[], int]) -> None:
        """Send the next batches to the idle workers (see run)."""
        for slot in self.slots:
            idle = not any(s.batch for s in self.slots)
            if not slot.batch and todo and (todo[0][0] < ready() + window or idle):
                if slot.done >= _RECYCLE_AFTER:  # bound the growth of a leaky parser's caches
                    self._replace(slot)
                slot.batch = todo.popleft()
                slot.progress[_FILE] = slot.seen = -1  # the worker is idle: no race
                slot.sent = time.monotonic()
                # where writes may be seen out of order (not x86), a parent that sees the worker's new file
                # index before its start time must not take the last batch's time for it
                slot.progress[_BEGAN] = slot.sent
                try:
                    slot.conn.send([tasks[i] for i in slot.batch])
                except (OSError, ValueError):  # the worker died while idle
                    self._lose(slot, tasks, todo, "")

    def _deadline(self, slot: _Slot) -> tuple[int, float]:
        """(file the slot's worker is on, when its time is up): the per-file limit once it began a file, more
        to begin its batch (a fresh worker imports the toolkit first; a tiny limit must not read as a worker
        that cannot start)."""
        assert self.timeout is not None
        current = slot.current  # first: the worker writes the file after when it began it
        if current < 0:
            return current, slot.sent + max(self.timeout, _STARTUP_GRACE)
        return current, slot.progress[_BEGAN] + self.timeout

    def _read(self, slot: _Slot, tasks: list, todo: deque) -> Iterator[_Unit]:
        while slot.batch:
            try:
                if not slot.conn.poll():
                    if not slot.proc.is_alive():
                        raise EOFError
                    return
                kind, payload = slot.conn.recv()
            except (EOFError, OSError):
                slot.proc.join(1)
                code = slot.proc.exitcode
                why = (f"killed by signal {_signal_name(code)}" if code is not None and code < 0
                       else f"exit code {code}")
                unit = self._lose(slot, tasks, todo, f"worker crashed: {why}")
                if unit is not None:
                    yield unit
                return
            self.startup_failures = 0
            if kind == "start":
                continue
            batch = slot.batch
            slot.batch = []
            slot.done += len(batch)
            yield _Unit(batch[0], batch[-1] + 1, payload)

    def _over_memory(self, slot: _Slot, tasks: list, todo: deque) -> _Unit | None:
        """Stop the slot's worker when it uses more than max_memory beyond what it held at its start: the
        file it is on fails, the rest of its batch is retried.  A worker that had parsed other files before
        it (whose leftovers count too) is given a second chance: the file is retried first, alone, in a
        fresh worker."""
        assert self.memory is not None
        base, current = slot.progress[_BASE], slot.current
        if base < 0 or current < 0:
            return None
        used = _resident(slot.proc.pid)
        if used is None or used - base <= self.memory:
            return None
        bad = slot.batch[current]
        if (current > 0 or slot.done) and bad not in self.retried:
            self.retried.add(bad)
            batch = slot.batch
            self._replace(slot)
            for i in reversed([bad, *(i for i in batch if i != bad)]):
                todo.appendleft([i])
            return None
        path = tasks[bad][0]
        return self._lose(slot, tasks, todo, f"{path}: out of memory: the file needs more than the limit "
                                             f"max_memory={self.memory} (pass a larger max_memory to read it)",
                          current)

    def _lose(self, slot: _Slot, tasks: list, todo: deque, error: str, current: int | None = None) -> _Unit | None:
        """The worker hung or died on its current file (``current``: the one it was on when the time limit was
        found up; default: the one it died on): fail that file, retry the rest of its batch.

        A worker that dies before starting any file is not the file's fault: the
        batch is retried, and after a few such deaths in a row the run stops with
        an error (the workers cannot start at all).
        """
        batch = slot.batch
        current = slot.current if current is None else current
        code = slot.proc.exitcode
        self._replace(slot)
        if current >= 0:
            self.startup_failures = 0  # a worker that began a file could start
        else:
            self.startup_failures += 1
            if self.startup_failures >= _MAX_STARTUP_FAILURES:
                raise RuntimeError(f"corpus worker processes die before parsing anything (last exit code {code}; "
                                   f"their traceback is on stderr). A worker must be able to import the parse "
                                   f"function: define it in an importable module or in a script run as a file")
            todo.appendleft(batch)
            return None
        bad = batch[current]
        path, rid = tasks[bad]
        # retry the others as single-file batches at the front, in order
        for i in reversed([i for i in batch if i != bad]):
            todo.appendleft([i])
        return _Unit(bad, bad + 1, _combine([_failed(path, rid, error)]))


def _fmt_seconds(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _batches(indices: list[int], jobs: int, batch_size: int | None) -> deque:
    """Cut the (sorted) task indices to parse into batches, each a contiguous run of indices.

    A batch's results come back as one unit covering ``batch[0]`` to ``batch[-1]``, so a file that
    failed before parsing (missing, over-size) must end a batch: otherwise its own row, handed on
    separately, would fall inside that range and be lost.
    """
    n = len(indices)
    # Frames cost less per report in bigger batches (about 1.1 ms at 25, 0.7 at 64); the parent's window of
    # finished batches grows with them, hence the cap. Several workers get eight batches each at least, so
    # that none idles at the end; a single worker has nothing to balance and takes the largest.
    size = batch_size or max(1, min(64, n // (jobs * 8) if jobs > 1 else n))
    batches: deque = deque()
    batch: list[int] = []
    for i in indices:
        if batch and (i != batch[-1] + 1 or len(batch) >= size):
            batches.append(batch)
            batch = []
        batch.append(i)
    if batch:
        batches.append(batch)
    return batches


# ----------------------------------------------------------------------------------------------
# Dask backend
# ----------------------------------------------------------------------------------------------

def _dask_batch(batch: list[tuple[str, str]], parse: Callable | None, timeout: float | None,
                cwd: str | None = None) -> dict:
    """Run on a Dask worker: each file in a thread with a time limit (a hung thread is abandoned).

    A relative path is read from the client's folder ``cwd``, not the worker's own (``dask worker`` started in
    another folder failed every file as 'file not found'); its rows name it as given.
    """
    parse = parse or _default_parse
    parts = []
    for path, rid in batch:
        if timeout is None:
            parts.append(_parse_from(parse, path, rid, cwd))
            continue
        box: list = []
        t = threading.Thread(target=lambda p=path, r=rid: box.append(_parse_from(parse, p, r, cwd)), daemon=True)
        t.start()
        t.join(timeout if timeout < threading.TIMEOUT_MAX else None)  # (a longer one raises OverflowError)
        parts.append(box[0] if box else _failed(path, rid, f"timeout after {_fmt_seconds(timeout)}s"))
    return _combine(parts)


def _parse_from(parse: Callable, path: str, report_id: str, cwd: str | None) -> _Part:
    """:func:`_parse_one` of ``path`` read from the folder ``cwd``, its row naming ``path`` as given."""
    where = path if cwd is None else os.path.join(cwd, path)  # (an absolute path stays as it is)
    row, frames = _parse_one(parse, where, report_id)
    if where != path:
        row["path"] = _safe_path(path)
        if row.get("error"):  # the reader's message names the file it read
            row["error"] = row["error"].replace(_safe_path(where), _safe_path(path))
    return row, frames


def _run_dask(tasks: list[tuple[str, str]], todo: deque, scheduler: Any, parse: Callable | None,
              timeout: float | None, window: int, ready: Callable[[], int]) -> Iterator[_Unit]:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError("backend='dask' needs the optional dependencies dask and distributed: "
                          "pip install 'gov-openinfo-toolkit[dask]'") from exc
    own = isinstance(scheduler, (str, os.PathLike))
    try:
        client = distributed.Client(os.fspath(scheduler), set_as_default=False) if own else scheduler
    except OSError as exc:
        raise ConnectionError(f"cannot reach the Dask scheduler at {os.fspath(scheduler)!r}: {exc}") from None
    try:
        inflight: dict[Any, list[int]] = {}
        limit = max(4, 2 * sum(client.nthreads().values()))
        try:
            cwd: str | None = os.getcwd()  # the folder the relative inputs are in: the workers' own may be another
        except OSError:  # (removed while the command runs in it: its relative inputs were not found anyway)
            cwd = None

        def submit() -> None:
            while todo and len(inflight) < limit and (todo[0][0] < ready() + window or not inflight):
                idx = todo.popleft()
                fut = client.submit(_dask_batch, [tasks[i] for i in idx], parse, timeout, cwd, pure=False)
                inflight[fut] = idx

        submit()
        while inflight:
            with client.as_current():
                finished = distributed.wait(list(inflight), return_when="FIRST_COMPLETED").done
            for fut in sorted(finished, key=lambda f: inflight[f][0]):
                idx = inflight.pop(fut)
                try:
                    frames = fut.result()
                except Exception as exc:  # KilledWorker, lost worker, serialization …
                    if len(idx) > 1:
                        for i in reversed(idx):
                            todo.appendleft([i])
                    else:
                        path, rid = tasks[idx[0]]
                        yield _Unit(idx[0], idx[0] + 1, _combine(
                            [_failed(path, rid, f"worker crashed: {type(exc).__name__}: {exc}")]))
                else:
                    yield _Unit(idx[0], idx[-1] + 1, frames)
                fut.release()
            submit()
    finally:
        if own:
            client.close()


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------

_CGROUP = "/sys/fs/cgroup"  # a container's own control group, where its CPU quota is (Docker's --cpus, Kubernetes)
_PROC_CGROUP = "/proc/self/cgroup"  # the control groups of this process, as paths under the hierarchies' roots
_V1_CPU = ("cpu", "cpu,cpuacct", "cpuacct,cpu")  # where cgroup v1 mounts its cpu controller (and its links)


def _cores() -> int:
    """The cores this process may run on: those it may be scheduled on, no more than its container's CPU quota
    allows (the host's 64 cores gave 64 workers, each taking its memory, in a container of 2 cores' time)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
    quota = _cpu_quota()
    return cores if quota is None else max(1, min(cores, quota))


def _cpu_quota() -> int | None:
    """The cores' time the CPU quota allows, rounded up (cgroup v2 ``cpu.max``, v1 ``cpu.cfs_quota_us``), the
    smallest of the process's own control group and of those above it, or None: no quota, or none to be read.

    The root of the hierarchy is a container's own group (its cgroup namespace, or its group mounted there); but
    a process in a group deeper down (a login node's per-user slice with ``CPUQuota=400%``, ``systemd-run -p
    CPUQuota``, a container sharing the host's cgroup namespace) has its quota there, which only the root was
    read for: the default jobs were all the node's cores, on four cores' time.
    """
    own = _own_cgroups()
    found = []
    for version, folders in (("v2", [""]), ("v1", list(_V1_CPU))):
        for folder in folders:
            root = os.path.join(_CGROUP, folder)
            for group in _ancestors(own.get(version, "/")):
                quota = _quota_in(os.path.join(root, group), version)
                if quota is not None:
                    found.append(quota)
    return min(found) if found else None


def _own_cgroups() -> dict[str, str]:
    """This process's control group in the v2 hierarchy and in v1's cpu controller (``/user.slice/...``), read
    from /proc/self/cgroup; a hierarchy not there is missing."""
    own: dict[str, str] = {}
    try:
        with open(_PROC_CGROUP) as fh:
            lines = fh.read().splitlines()
    except OSError:
        return own
    for line in lines:
        fields = line.split(":", 2)
        if len(fields) != 3:
            continue
        if fields[0] == "0" and not fields[1]:
            own["v2"] = fields[2]
        elif "cpu" in fields[1].split(","):
            own["v1"] = fields[2]
    return own


def _ancestors(group: str) -> list[str]:
    """A control group and those above it, to the root, as relative paths: '/a/b' gives 'a/b', 'a' and ''.
    (Under a group mounted as the root, as Docker mounts a container's, the group's path names folders that
    are not there: the root's file is read.)"""
    parts = [p for p in group.split("/") if p and p not in (".", "..")]
    return ["/".join(parts[:i]) for i in range(len(parts), -1, -1)]


def _quota_in(folder: str, version: str) -> int | None:
    """The cores' time the quota of the control group ``folder`` allows, rounded up, or None."""
    names = ("cpu.max",) if version == "v2" else ("cpu.cfs_quota_us", "cpu.cfs_period_us")
    fields: list[str] = []
    try:
        for name in names:
            with open(os.path.join(folder, name)) as fh:
                fields += fh.read().split()
        quota, period = int(fields[0]), int(fields[1])  # ('max', or -1: no quota, ValueError or below)
    except (OSError, ValueError, IndexError):
        return None
    return -(-quota // period) if quota > 0 and period > 0 else None


_FILES_PER_WORKER = 3  # the parent's open files a worker takes: its pipe's end and its sentinel (one more while it starts)
_FILES_SPARE = 32  # for the rest of the run: the output files, the fork server, a file being read


def _workers_files_allow() -> int:
    """How many workers the open-file limit (``ulimit -n``) leaves room for: more ended the run in 'OSError: Too
    many open files' ('--jobs 500' under the usual 1024; 256 on macOS), its rows lost."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):  # pragma: no cover - Windows
        return sys.maxsize
    if soft == resource.RLIM_INFINITY:
        return sys.maxsize
    try:
        used = len(os.listdir("/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"))
    except OSError:  # pragma: no cover - neither
        used = 0
    return max(1, (soft - used - _FILES_SPARE) // _FILES_PER_WORKER)


def _check_bytes(name: str, value: Any) -> int | None:
    """``value``, a positive whole number of bytes or None; else ValueError naming the argument."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, Integral) or value < 1):
        raise ValueError(f"{name} must be a positive integer or None, got {value!r}")
    return value  # type: ignore[return-value]  # an Integral (numpy's too) serves as an int


def _check_args(jobs: Any, backend: Any, scheduler: Any, timeout: Any, max_bytes: Any, encoding: Any = None,
                max_memory: Any = None) -> int:
    if backend not in _BACKENDS:
        raise ValueError(f"backend must be one of {list(_BACKENDS)}, got {backend!r}")
    if backend == "dask" and scheduler is None:
        raise ValueError("scheduler must be given for backend='dask' (an address such as 'tcp://host:8786' "
                         "or a distributed.Client), got None")
    if jobs is None:
        jobs = _cores()
    if isinstance(jobs, bool) or not isinstance(jobs, Integral) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer or None, got {jobs!r}")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, Real)
                                or not timeout > 0 or math.isinf(timeout)):  # type: ignore[operator]  # mypy types no operator of numbers' ABCs
        raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout!r}")
    _check_bytes("max_bytes", max_bytes)
    if _check_bytes("max_memory", max_memory) is not None:
        if backend != "local" or not _can_limit_memory():
            raise ValueError("max_memory limits the local backend's workers, on Linux only")
    if encoding is not None:
        _check_encoding(encoding)  # once here, rather than a failed row for every file
    return jobs  # type: ignore[return-value]  # an Integral (numpy's too) serves as an int


def _precheck(path: str, max_bytes: int) -> str | None:
    """Failures known before parsing (missing file, no regular file, over-size), as reports.error has them."""
    problem = _fails_before_parsing(path, max_bytes)
    return None if problem is None else str(problem)


def _fails_before_parsing(path: str, max_bytes: int) -> ToolkitError | None:
    """Why ``path`` fails without being parsed: missing, a link that loops, a folder, a named pipe or other
    file that is no regular file (opening it could block for ever), over-size; None if it is to be parsed."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if _is_pattern(path) and not os.path.lexists(path) and "://" not in path:  # (a URL's '?' is a query)
            return ReadError(path, "no file matches this pattern" + _tilde_hint(path, pattern=True))
        return ReadError(path, _not_found(path) + (_tilde_hint(path) or _blank_end_hint(path)))
    except OSError as exc:
        return ReadError(path, _cannot_open(exc))  # the reader's words (parse_report says the same)
    if not stat.S_ISREG(st.st_mode):
        try:  # the reader's own check, which looks at the file without opening it: one message for both
            _read_bytes(path, max_bytes)
        except ToolkitError as exc:
            return exc
    if os.path.basename(path).startswith("~$") and st.st_size < _LOCK_FILE_BYTES:
        # named (the shell expands an unquoted 'reports/*.docx'): the reader's 'not a valid DOCX' read as if a
        # report were damaged
        return ReadError(path, "a lock file of Word or WPS, not a report: they keep one beside a document while it "
                               "is open, and a crash leaves it (a folder, or a pattern in quotes, passes over such "
                               "files)")
    if _of_a_run(path):
        # named or matched ('toolkit summary out/*' after 'toolkit extract in --out out'): 'unsupported file extension
        # .csv (supported: …)' for each, as if its tables were reports in another format (a folder of them: see
        # _run_output_folder)
        return ReadError(path, f"an output file of a toolkit extract run, not a report: {_READ_REPORTS}")
    if st.st_size > max_bytes:
        return _too_large(path, st.st_size, max_bytes)  # the reader's words: it had its own for the same cause
    return None


def _of_a_run(path: str) -> bool:
    """Whether ``path`` is an output file of a toolkit extract run: named as one (see :func:`is_output_name`), in a
    folder holding the reports file every run writes (a tables.csv of one's own is not taken for one)."""
    if not is_output_name(os.path.basename(path)):
        return False
    folder = os.path.dirname(path)
    return any(os.path.isfile(os.path.join(folder, f"reports.{ext}")) for ext in ("csv", "parquet"))


def _blank_end_hint(path: str) -> str:
    """' (the name ends in a carriage return …: give x.txt)' for a missing name ending in blanks when the name
    without them exists: 'toolkit extract $(cat list.txt)' with a list saved on Windows gave every file's row
    'file not found' alone; else ''."""
    if not path[-1:].isspace() or not os.path.lexists(path.rstrip()):
        return ""
    end = path[len(path.rstrip()):]
    what = ("a carriage return, as the lines of a list of files saved on Windows do" if "\r" in end
            else "a space" if end == " " else "spaces" if set(end) == {" "} else f"blanks {end!r}")
    return f" (the name ends in {what}: give {path.rstrip()})"


def _tilde_hint(path: str, pattern: bool = False) -> str:
    """' (... give /home/me/reports)' for a missing ``~/reports`` that the shell left as it was (in quotes, or from
    a file of paths) when ``/home/me/reports`` exists (or, for a pattern, matches): 'file not found' alone puzzled,
    the folder being there; else ''."""
    if not path.startswith("~"):
        return ""
    home = os.path.expanduser(path)
    if home == path:
        return ""
    # a pattern as _collect expands it (braces, a folder named '[2020]' as written): a bare glob of
    # '~/r/{a,b}/*.txt' matched nothing, and the hint was not given
    if not (any(_glob_brackets_as_written(q) for q in _braces(home)) if pattern else os.path.lexists(home)):
        return ""
    return f" ('~' is not expanded here, only by a shell outside quotes: give {home})"


class _NoBar:
    """Stands in for a tqdm bar when there is none (tqdm.auto is not even imported: in a kernel without
    ipywidgets its import warns, which would change stored notebook output)."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, progress: bool) -> Any:
    if not progress:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, file=sys.stderr, unit="report", dynamic_ncols=True, desc="extract")


def _iter_corpus(paths: Any, *, jobs: int | None = None, backend: str = "local", scheduler: Any = None,
                 timeout: float | None = 60, progress: bool = False, report_ids: Any = None,
                 max_bytes: int | None = None, encoding: str | None = None, batch_size: int | None = None,
                 max_memory: int | None = None, _parse: Callable | None = None, skipped: Counter | None = None,
                 exclude: str | os.PathLike | None = None) -> Iterator[dict[str, pd.DataFrame]]:
    """Yield the frames of consecutive runs of reports, in report-id order (the streaming core).

    ``skipped``, when given, counts the files of folders that were skipped as not reports, by kind; no
    folder or glob gives the output files of a run in the folder ``exclude`` (the command's ``--out``).
    """
    jobs = _check_args(jobs, backend, scheduler, timeout, max_bytes, encoding, max_memory)
    if not isinstance(progress, (bool, np.bool_)):  # a str is true: progress="no" would draw the bar
        raise ValueError(f"progress must be True or False, got {progress!r}")
    max_bytes = max_bytes or DEFAULT_MAX_BYTES
    parse = _parse or partial(_default_parse, max_bytes=max_bytes, encoding=encoding)
    inputs = _collect(paths, exclude)
    if skipped is not None:
        skipped.update(inputs.skipped)
    files = inputs.files
    ids = _assign_ids(files, report_ids, inputs.merged)
    order = sorted(range(len(files)), key=lambda i: ids[i])
    tasks = [(files[i], ids[i]) for i in order]
    n = len(tasks)

    bar = _progress_bar(n, progress)
    done: dict[int, _Unit] = {}
    state = {"next": 0}

    def accept(unit: _Unit) -> Iterator[dict[str, pd.DataFrame]]:
        """Buffer a unit; yield every unit that is now next in report-id order."""
        done[unit.start] = unit
        bar.update(unit.stop - unit.start)
        while state["next"] in done:
            u = done.pop(state["next"])
            state["next"] = u.stop
            yield u.frames  # type: ignore[misc]  # _LocalPool combines a _Batch before

    def ready() -> int:
        return state["next"]

    try:
        to_parse = []
        failed: list[_Part] = []  # a run of consecutive files failing before parsing: one unit, one write
        for i, (path, rid) in enumerate(tasks):
            error = str(inputs.errors[path]) if path in inputs.errors else _precheck(path, max_bytes)
            if error is None:
                to_parse.append(i)
                if failed:
                    yield from accept(_Unit(i - len(failed), i, _combine(failed)))
                    failed = []
            else:
                failed.append(_failed(path, rid, error))
        if failed:
            yield from accept(_Unit(n - len(failed), n, _combine(failed)))
        if not to_parse:
            return
        todo = _batches(to_parse, jobs, batch_size)
        window = max(256, jobs * 64, 4 * len(todo[0]) * jobs)
        if backend == "local":
            workers = min(jobs, len(to_parse), _workers_files_allow())
            pool = _LocalPool(workers, parse, timeout, raw=workers < _cores(), memory=max_memory)
            try:
                for unit in pool.run(tasks, todo, window, ready):
                    yield from accept(unit)
            finally:
                pool.close()
        else:
            for unit in _run_dask(tasks, todo, scheduler, parse, timeout, window, ready):
                yield from accept(unit)
    finally:
        bar.close()


def extract_corpus(paths: str | os.PathLike | Iterable[str | os.PathLike], *, jobs: int | None = None,
                   backend: str = "local", scheduler: Any = None, timeout: float | None = 60,
                   progress: bool = False, report_ids: Mapping | Sequence | None = None,
                   max_bytes: int | None = None, encoding: str | None = None, max_memory: int | None = None,
                   _parse: Callable | None = None) -> dict[str, pd.DataFrame]:
    """Parse every report of a corpus and return the output frames.

    Parameters
    ----------
    paths : str, os.PathLike or iterable of them
        Files, folders and glob patterns (``**`` allowed).  A folder is searched
        recursively (linked folders followed, each once; a folder that cannot
        be listed gets a failed row) for the files the readers read
        (:data:`SUPPORTED_EXTENSIONS`, including files without extension) and
        for report-like files they refuse (:data:`REPORT_LIKE_EXTENSIONS`,
        e.g. .rtf, .xls, .odt: a failed row with the reason); other files
        (.csv, .md, images …), hidden files and Office lock files (``~$x.docx``)
        are skipped.  A file named explicitly, or matched by a glob, is always
        tried, whatever its extension; a missing file, a link that loops and a
        file that is no regular file (a named pipe) give a failed row, and so
        do a folder named that gives no file to read and a glob that matches
        nothing, or only such folders.  A file reached under several names (a
        link to it, hard links) is read once, under its own name when that is
        among them, else the first of them by path.
    jobs : int or None, default None
        Number of worker processes (None: all available cores, as many as
        a container's CPU quota allows); no more
        than the open-file limit (``ulimit -n``) leaves room for.
    backend : {"local", "dask"}, default "local"
        ``"dask"`` runs the batches on a Dask cluster (optional extra
        ``pip install gov-openinfo-toolkit[dask]``), whose workers read each
        file at its absolute path (a relative one from the current folder, not
        the worker's): they need the files at the same paths (a shared drive).
    scheduler : str or distributed.Client, optional
        Scheduler address (``tcp://host:8786``) or client; required for Dask.
    timeout : float or None, default 60
        Time limit per file in seconds.  Locally the worker is killed and
        replaced; on Dask the file's thread is abandoned.  None: no limit.
    progress : bool, default False
        Show a tqdm progress bar on stderr.
    report_ids : mapping or sequence, optional
        Ids to use instead of file stems: a mapping from input path (as
        expanded) to id (a file given under several names takes the id of
        the name it is read under, else of another of them), or a sequence
        with one id per expanded file (a file given twice is one file).
    max_bytes : int, optional
        Files larger than this fail without being read (default: the readers'
        limit, 50 MiB).
    encoding : str, optional
        Codec of every text and HTML file, passed to
        :func:`toolkit.parse_report` (e.g. ``"gb18030"``, ``"big5"``); None
        detects it file by file; a file's byte-order mark of another codec wins.  Ignored for DOCX, .doc, PDF and OFD.
    max_memory : int, optional
        Bytes of memory each worker may use beyond what it holds when it
        starts (its resident set, read every 0.05 s; local backend, Linux):
        the worker of a file that needs more is stopped, the file fails with
        ``out of memory`` and the run goes on.  Memory mapped but not used
        does not count.  None (default): no limit but the machine's.

    Returns
    -------
    dict of str to pandas.DataFrame
        Keys :data:`FRAMES`; columns and dtypes as ``output_schema()``.
        ``reports`` has exactly one row per input file: ``ok`` or ``partial``
        from the parsed report, or ``failed`` with the reason in ``error``
        (reader message naming the file, ``timeout after Ns`` or ``worker
        crashed: …``) and empty metadata.  Rows are sorted by report id, then
        by each frame's keys, and do not depend on ``jobs``.

    Raises
    ------
    ValueError
        For bad arguments (``jobs``, ``backend``, ``scheduler``, ``timeout``, ``progress``,
        ``max_bytes``, ``encoding``, ``max_memory``, ``report_ids``, an empty string among
        ``paths`` or one holding a NUL character).
    TypeError
        If ``paths`` holds something other than paths.
    ImportError
        For ``backend="dask"`` when dask/distributed are not installed.

    Notes
    -----
    Report ids are the file stems.  When several files share a stem, they are
    ordered by path and the first keeps the stem, the next ones get ``-2``,
    ``-3`` … (skipping ids that are themselves stems), so ``a/x.txt`` and
    ``b/x.txt`` become ``x`` and ``x-2`` whatever order they were given in.
    Stems that differ only in case are one stem here (``A.txt`` and ``a.txt``
    become ``A`` and ``a-2``), so that no two ids name one file on a
    case-insensitive file system (macOS, Windows).

    Examples
    --------
    >>> frames = extract_corpus(["data/raw/001_4d29bfef72dd56db.txt"], jobs=1)  # doctest: +SKIP
    >>> frames["reports"][["report_id", "status"]]  # doctest: +SKIP
    """
    parts = list(_iter_corpus(paths, jobs=jobs, backend=backend, scheduler=scheduler, timeout=timeout,
                              progress=progress, report_ids=report_ids, max_bytes=max_bytes, encoding=encoding,
                              max_memory=max_memory, _parse=_parse))
    out = {}
    for name in FRAMES:
        pieces = [p[name] for p in parts if len(p[name])]
        out[name] = (pd.concat(pieces, ignore_index=True) if len(pieces) > 1
                     else pieces[0].reset_index(drop=True) if pieces else _empty(name))
    return out
