"""Command line: ``toolkit extract``, ``summary``, ``classify``, ``evaluate``, ``dictionary``.

``python -m toolkit extract INPUT... --out DIR`` parses a corpus and writes
``reports``, ``sections``, ``tables``, ``checks``, ``statements`` and ``flags``
as CSV and Parquet (columns in ``docs/data-dictionary.md``).  Rows are written
as they come, in report-id order, so memory stays flat for any corpus size.
"""
from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import functools
import os
import re
import secrets
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # (pandas is imported when a command needs it: --help and --version stay quick)
    import pandas as pd

__all__ = ["main", "build_parser"]

# Parquet row groups: rows are buffered as Arrow tables and written this many at a time (memory stays bounded,
# and the file does not get one tiny row group per batch, which bloats its footer); see _row_group.
_ROW_GROUP = 131_072
_FAILED_LISTED = 20  # failed files named on stderr at the end of a run; the others are counted
_UNCHANGED = "nothing new was written there, its earlier files are as they were"


def _jobs(text: str) -> int:
    """A number of worker processes, at least 1.  0 and -1 are refused with the way to ask for all cores: they are
    'as many as possible' to xargs -P and joblib's n_jobs, and the error said only 'expected a positive integer'."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r} (leave out --jobs to use all "
                                         f"cores)")
    return value


# a size as a user types it: 2G, 512M, 1.5GiB, 64k or a plain number of bytes; binary multiples (K = 1024), as
# ulimit, sort -S and docker --memory read them ('--max-memory 2G' was refused: 'expected a positive integer')
_SIZE = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*([kmgt]?)(?:i?b)?", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


def _size(text: str) -> int:
    """A number of bytes, at least 1: digits, with an optional K, M, G or T (also KB, KiB …; any case)."""
    match = _SIZE.fullmatch(text.strip())
    value = 0
    if match:
        from decimal import Decimal

        value = int(Decimal(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])  # exact: 1.5G is 3 * 2**29
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, such as 512M or 2G, got {text!r}")
    return value


# a time as timeout(1) and sleep(1) read it: seconds, or with s, m, h or d ('--timeout 5m' was refused: 'expected a
# number of seconds'), as --max-memory takes 2G
_TIME = re.compile(r"([+-]?)(\d+(?:\.\d*)?|\.\d+)\s*([smhd])", re.IGNORECASE)
_TIME_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_TIME_EXAMPLES = "such as 90, 90s, 5m or 1h"


def _seconds(text: str) -> float | None:
    """A time limit: a positive number of seconds, also with s, m, h or d (5m, 1.5h), or no limit ('none', 'off',
    or 0 however written)."""
    if text.lower() in ("none", "off"):
        return None
    try:
        value = float(text)
    except ValueError:
        match = _TIME.fullmatch(text.strip())
        if not match:
            raise argparse.ArgumentTypeError(f"expected a number of seconds, {_TIME_EXAMPLES}, or 'none', got "
                                             f"{text!r}") from None
        sign, number, unit = match.groups()
        value = float(sign + number) * _TIME_UNITS[unit.lower()]
    if value == 0:  # '0', '0.0', '0e0' alike: 0 means no limit
        return None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r} ({_TIME_EXAMPLES}; "
                                         f"0 or 'none': no limit)")
    return value


def _codec(text: str) -> str:
    from toolkit.decoding import _check_encoding

    try:
        return _check_encoding(text)
    except ValueError as exc:
        # the reader's message offers None (the API's 'detect it'), which no command line can give
        message = str(exc).replace("or None to detect it", "or leave out --encoding to detect it per file")
        raise argparse.ArgumentTypeError(message) from None


def _classify_cli() -> Any | None:
    """The classify/evaluate subcommands, when toolkit.classify provides them."""
    try:
        from toolkit.classify import _cli
    except ImportError:
        return None
    needed = ("configure_classify", "run_classify", "configure_evaluate", "run_evaluate")
    return _cli if all(hasattr(_cli, n) for n in needed) else None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``toolkit`` command.

    Returns
    -------
    argparse.ArgumentParser
        With subcommands ``extract``, ``summary`` and ``dictionary``, plus ``classify`` and
        ``evaluate`` when ``toolkit.classify`` is installed.

    Examples
    --------
    >>> args = build_parser().parse_args(["extract", "data/raw", "--out", "out", "--jobs", "2"])
    >>> args.command, args.jobs, args.timeout
    ('extract', 2, 60.0)
    """
    from toolkit import __version__

    parser = _Parser(
        prog="toolkit",
        description="Parse, check and classify Chinese government information disclosure annual reports.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    ex = sub.add_parser("extract", help="parse a corpus and write CSV and Parquet files",
                        description="Parse every report of INPUT (files, folders, glob patterns) and write "
                                    "reports, sections, tables, checks, statements and flags as .csv and "
                                    ".parquet into --out. One row per input file in reports.csv, always.")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder (recursive) or glob pattern")
    ex.add_argument("--out", required=True, metavar="DIR",
                    help="output folder (created if needed; folders and patterns never give its output files)")
    ex.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                    help="worker processes (default: all cores)")
    ex.add_argument("--quiet", action="store_true",
                    help="print nothing on stderr: no progress bar, no count of the files skipped, no list of the "
                         "files that failed (reports.csv has them)")
    ex.add_argument("--strict", action="store_true", help="exit with status 1 if any file failed")
    ex.add_argument("--timeout", type=_seconds, default=60.0, metavar="S",
                    help="time limit per file in seconds, or with s, m, h as in 90s, 5m, 1h; 0 or 'none' for no limit "
                         "(default: 60)")
    ex.add_argument("--max-bytes", type=_size, default=None, metavar="B",
                    help="files larger than this fail without being read, in bytes or with K, M or G as in 50M "
                         "(default: 50 MiB)")
    ex.add_argument("--max-memory", type=_size, default=None, metavar="B",
                    help="bytes of memory (or 512M, 2G) each worker may use, resident, beyond what it holds at its "
                         "start (memory mapped but unused does not count); a file that needs more fails with 'out of "
                         "memory' (default: no limit; Linux)")
    ex.add_argument("--encoding", type=_codec, default=None, metavar="CODEC",
                    help="codec of every text and HTML file, e.g. gb18030 or big5; a file's byte-order mark of "
                         "another codec (UTF-8, UTF-16, UTF-32) wins (default: detected per file)")
    ex.add_argument("--backend", choices=("local", "dask"), default="local",
                    help="run locally (default) or on a Dask cluster (pip install gov-openinfo-toolkit[dask])")
    ex.add_argument("--scheduler", default=None, metavar="ADDR",
                    help="Dask scheduler address, e.g. tcp://10.0.0.1:8786 (with --backend dask)")
    ex.add_argument("--format", choices=("both", "csv", "parquet"), default="both",
                    help="which files to write (default: both)")
    ex.add_argument("--excel", action="store_true",
                    help="begin the CSV files with a UTF-8 byte-order mark, so that Excel (on Chinese Windows too) "
                         "reads them as UTF-8 (default: none, as most other tools expect)")
    ex.set_defaults(func=_run_extract)

    sm = sub.add_parser("summary", help="print a short overview of a few reports (metadata, sections, totals)",
                        description="Parse each report of INPUT (files, folders, glob patterns) and print its metadata, the "
                                    "sections found, the request totals and the identity checks that fail. A file that "
                                    "cannot be read gets a line 'ID  failed: reason'; the exit status is 0 all the same "
                                    "(even when every file failed), as with extract, unless --strict.")
    sm.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder (recursive) or glob pattern")
    # (a file over the limit, or one no codec decodes, was told to 'pass a larger max_bytes' or 'pass encoding=',
    # which summary had no way to take)
    sm.add_argument("--max-bytes", type=_size, default=None, metavar="B",
                    help="files larger than this fail without being read, as with extract (default: 50 MiB)")
    sm.add_argument("--encoding", type=_codec, default=None, metavar="CODEC",
                    help="codec of every text and HTML file, as with extract (default: detected per file)")
    sm.add_argument("--strict", action="store_true", help="exit with status 1 if any file failed, as with extract")
    sm.set_defaults(func=_run_summary)

    dd = sub.add_parser("dictionary", help="print the data dictionary of the output files (Markdown)",
                        description="Print the data dictionary of the files toolkit extract writes (Markdown: every "
                                    "column with its dtype and meaning, and the flag codes), as in "
                                    "docs/data-dictionary.md.")
    dd.set_defaults(func=_run_dictionary)

    cl = _classify_cli()
    if cl is not None:
        pc = sub.add_parser("classify", help="classify problem/measure statements")
        cl.configure_classify(pc)
        pc.set_defaults(func=cl.run_classify)
        pe = sub.add_parser("evaluate", help="evaluate the statement classifiers")
        cl.configure_evaluate(pe)
        pe.set_defaults(func=cl.run_evaluate)
    return parser


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors tell how to give an INPUT named like an option (``-x.txt``)."""

    def parse_known_args(self, args: Iterable[str] | None = None, namespace: Any = None) -> tuple[Any, list[str]]:
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> Any:
        dashed = [a for a in getattr(self, "_argv", [])[: self._before_dashes()]
                  if a.startswith("-") and a != "-" and not _NUMBER.fullmatch(a)
                  and a.split("=", 1)[0] not in self._options()]
        if dashed and ("INPUT" in message or "unrecognized arguments" in message):
            message += (f" (an INPUT whose name begins with '-' goes after '--', as in '-- {dashed[0]}', or is "
                        f"written as ./{dashed[0]})")
        super().error(message)

    def _before_dashes(self) -> int:
        argv = getattr(self, "_argv", [])
        return argv.index("--") if "--" in argv else len(argv)

    def _options(self) -> set[str]:
        """The option strings of this parser and of its subcommands."""
        found = set(self._option_string_actions)
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found |= set(sub._option_string_actions)
        return found


_NUMBER = re.compile(r"-\d+(\.\d*)?|-\.\d+")  # a negative number is a value, not an option


class _Writer:
    """Writes the frames into unfinished files in ``--out`` chunk by chunk, then puts them in place together.

    The unfinished files are named ``<file>.<run>.part``: unique to this run, so that nothing can mistake
    them for another run's.  While it lives, the writer holds a lock on the folder (a second run into it
    stops with an error), so any other ``.part`` file there was left by a run that was killed: it is
    removed.  :meth:`close` puts this run's files, and only them, in place; if a rename fails, the earlier
    files are put back, so that the folder never mixes two runs.  A write or a rename that fails raises
    :class:`_UsageError` saying so.
    """

    def __init__(self, out: str, fmt: str, *, excel: bool = False) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from toolkit.corpus import FRAMES, _arrow_schema, is_output_name

        self.pa, self.pq = pa, pq
        self.out = out
        self.frames = FRAMES
        self.schemas = {name: _arrow_schema(name) for name in FRAMES}
        self.exts = [ext for ext, on in (("csv", fmt in ("both", "csv")), ("parquet", fmt in ("both", "parquet")))
                     if on]
        self.run = f"{os.getpid()}-{secrets.token_hex(3)}"
        self.lock: int | None = None
        self.csv_files: dict[str, Any] = {}
        self.pq_writers: dict[str, Any] = {}
        self.pq_files: dict[str, Any] = {}  # what the Parquet writers write to, closed after them
        self.parts: dict[str, str] = {}  # final path -> this run's unfinished file
        # the folders this run makes, deepest first: removed again when it fails before putting files in place
        self.made = _missing_folders(out)
        try:
            try:
                _make_folder(out)
            except FileExistsError:  # a file or a dangling link has its name: the system's 'File exists' does not say what is wrong
                if os.path.islink(out) and not os.path.exists(out):  # (a folder on a drive not mounted, or moved)
                    raise FileNotFoundError(errno.ENOENT, f"it is a link to {os.readlink(out)}, which does not exist",
                                            out) from None
                raise NotADirectoryError(errno.ENOTDIR, "it exists and is not a folder", out) from None
            except NotADirectoryError:  # a file on the way (--out afile/sub): the system names the last part
                raise NotADirectoryError(errno.ENOTDIR, "a part of it exists and is not a folder",
                                         _not_a_folder_above(out)) from None
            self.lock = _lock_folder(out)
            for name in os.listdir(out):  # left by a run that was killed (the lock says no run is writing)
                if name.endswith(".part") and is_output_name(name):
                    os.remove(os.path.join(out, name))
            for name in FRAMES:
                for ext in ("csv", "parquet"):
                    final = os.path.join(out, f"{name}.{ext}")
                    if os.path.isdir(final) and not os.path.islink(final):  # found now, not after the whole run
                        raise IsADirectoryError(errno.EISDIR, "a folder has the name of an output file", final)
            for name in FRAMES:
                for ext in self.exts:
                    final = os.path.join(out, f"{name}.{ext}")
                    self.parts[final] = f"{final}.{self.run}.part"
                    if ext == "csv":
                        # UTF-8 bytes (_csv_bytes); with --excel a byte-order mark first, so that Excel reads
                        # UTF-8 (else the ANSI code page)
                        self.csv_files[name] = open(self.parts[final], "xb")
                        if excel:
                            self.csv_files[name].write(codecs.BOM_UTF8)
                    else:
                        # a file, not its path: pyarrow takes no path that is not UTF-8 (a GBK folder name)
                        self.pq_files[name] = open(self.parts[final], "xb")
                        self.pq_writers[name] = pq.ParquetWriter(self.pq_files[name], self.schemas[name])
        except OSError as exc:
            self.close(ok=False)
            raise _UsageError(f"cannot write the output to --out {out}: {_why_out(exc)}") from None
        except BaseException:
            self.close(ok=False)
            raise
        self.started = {name: False for name in FRAMES}
        self.pending: dict[str, list] = {name: [] for name in FRAMES}
        self.pending_rows = {name: 0 for name in FRAMES}

    def write(self, frames: dict) -> None:
        """Append the frames of a run of reports (a frame's first chunk brings the CSV header)."""
        file = None
        try:
            for name in self.frames:
                frame = frames[name]
                csv = name in self.csv_files and (len(frame) or not self.started[name])
                if not (csv or (name in self.pq_writers and len(frame))):
                    continue
                table = self.pa.Table.from_pandas(frame, schema=self.schemas[name], preserve_index=False)
                if csv:
                    file = f"{name}.csv"
                    self.csv_files[name].write(_csv_bytes(table, header=not self.started[name]))
                    self.started[name] = True
                if name in self.pq_writers and len(frame):
                    self.pending[name].append(table)
                    self.pending_rows[name] += len(table)
                    size = _row_group(name)
                    if self.pending_rows[name] >= size:
                        file = f"{name}.parquet"
                        self._flush(name, size)
        except OSError as exc:
            raise self._failed(exc, file) from None

    def _flush(self, name: str, size: int | None = None) -> None:
        """Write the buffered rows as row groups of ``size`` rows, keeping the rest (all of them: None).

        Row groups are cut at fixed row counts, not where the batches of the workers end, so that the file
        is the same, byte for byte, whatever ``--jobs`` is.
        """
        table = self.pa.concat_tables(self.pending[name])
        n = len(table) if size is None else len(table) // size * size
        if n:
            # one chunk per column: how a column is split into chunks would change the pages written
            head = table.slice(0, n).combine_chunks()
            self.pq_writers[name].write_table(head, row_group_size=size or max(n, 1))
        rest = table.slice(n)
        self.pending[name] = [rest] if len(rest) else []
        self.pending_rows[name] = len(rest)

    def _failed(self, exc: OSError, file: str | None = None) -> _UsageError:
        """Remove this run's files after a write failed, and say so."""
        self.close(ok=False)
        return _UsageError(f"cannot write the output to --out {self.out}: {_why(exc, file)}; {_UNCHANGED}")

    def close(self, ok: bool = True) -> None:
        """Finish the files and put them in place (``ok``), or remove them; release the folder's lock."""
        try:
            if ok:
                file = None
                try:
                    for name in self.pq_writers:
                        if self.pending[name]:
                            file = f"{name}.parquet"
                            self._flush(name)
                    file = None
                    self._close_files()
                except OSError as exc:
                    raise self._failed(exc, file) from None
                self._put_in_place()
            else:
                with contextlib.suppress(OSError):
                    self._close_files()
                for part in self.parts.values():
                    # (OSError: on a read-only file system removing a file never created fails with EROFS, not
                    # 'not found', and would hide the error that brought the writer here)
                    with contextlib.suppress(OSError):
                        os.remove(part)
        finally:
            if self.lock is not None:
                os.close(self.lock)  # releases the lock
                self.lock = None
            if not ok:
                _remove_empty(self.made)

    def _close_files(self) -> None:
        """Close every file, even after one failed to close (a CSV file's last bytes are written then)."""
        files = [*self.csv_files.values(), *self.pq_writers.values(), *self.pq_files.values()]
        self.csv_files, self.pq_writers, self.pq_files = {}, {}, {}
        error = None
        for f in files:
            try:
                f.close()
            except OSError as exc:
                error = error or exc
        if error is not None:
            raise error

    def _put_in_place(self) -> None:
        """Rename this run's files into place, and remove the earlier run's files of the other format (they
        would no longer match); the folder holds either the earlier run or this one (see
        :func:`_replace_together`)."""
        from toolkit.corpus import FRAMES

        finals = [os.path.join(self.out, f"{n}.{ext}") for n in FRAMES for ext in ("csv", "parquet")]
        try:
            _replace_together(self.parts, self.run, finals)
        except _NotReplaced as exc:
            why = f"cannot write the output to --out {self.out}: {_why(exc.error, os.path.basename(exc.final))}"
            if exc.left:
                raise _UsageError(f"{why}; the folder now holds files of two runs: {', '.join(exc.left)} (the next "
                                  f"run into it removes the .part files)") from None
            raise _UsageError(f"{why}; {_UNCHANGED}") from None


class _NotReplaced(Exception):
    """Files could not be put in place: the OSError, the file it concerns, and what could not be undone."""

    def __init__(self, error: OSError, final: str, left: list[str]) -> None:
        super().__init__(error)
        self.error, self.final, self.left = error, final, left


def _replace_together(parts: Mapping[str, str], run: str, finals: Sequence[str] | None = None) -> None:
    """Put written files in place, all of them or none.

    The files ``finals`` (default: those of ``parts``) that exist are first set aside as
    ``<file>.<run>-old.part``, then each part (final -> its ``.part`` file) is renamed to its final name.  On
    any failure, Ctrl-C too, this run's files are removed, the earlier ones put back and the parts removed; an
    OSError is raised again as :class:`_NotReplaced`, with what could not be undone.  The files set aside
    are removed at the end (one left behind is removed by the next run).
    """
    aside: dict[str, str] = {}  # final -> where the earlier file is set aside
    placed: list[str] = []
    final = ""
    try:
        for final in parts if finals is None else finals:
            if os.path.lexists(final):
                if os.path.isdir(final) and not os.path.islink(final):
                    raise IsADirectoryError(errno.EISDIR, "a folder has the name of an output file", final)
                os.replace(final, f"{final}.{run}-old.part")
                aside[final] = f"{final}.{run}-old.part"
        for final, part in parts.items():
            os.replace(part, final)
            placed.append(final)
    except BaseException as exc:  # also Ctrl-C or SIGTERM in the middle: put the earlier files back
        left = _roll_back(parts, aside, placed)
        if isinstance(exc, OSError):
            raise _NotReplaced(exc, final, left) from None
        raise
    for old in aside.values():
        with contextlib.suppress(OSError):
            os.remove(old)


def _roll_back(parts: Mapping[str, str], aside: dict[str, str], placed: list[str]) -> list[str]:
    """Remove this run's files and put the earlier ones back; say what could not be undone."""
    left = []
    for final in placed:
        try:
            os.remove(final)
        except FileNotFoundError:
            pass
        except OSError:
            left.append(f"{os.path.basename(final)} is of this run")
    for final, old in aside.items():
        try:
            os.replace(old, final)
        except OSError:
            left.append(f"the earlier {os.path.basename(final)} is now {os.path.basename(old)}")
    for part in parts.values():
        with contextlib.suppress(FileNotFoundError, OSError):
            os.remove(part)
    return left


def _row_group(name: str) -> int:
    """Rows per Parquet row group of a file: fixed, so that the bytes do not depend on ``--jobs``; fewer for
    files of long texts, so that the rows buffered stay within a few tens of MB."""
    return _ROW_GROUP // 16 if name in ("sections", "statements") else _ROW_GROUP


def _csv_bytes(table: Any, *, header: bool) -> bytes:
    """The rows of an output table (Arrow) as CSV in UTF-8, each ending in ``"\n"``, the header first when
    ``header``: what ``DataFrame.to_csv(index=False)`` writes of the frame, but that a field holding ``"\r"``
    is quoted too (see :func:`_csv_fields`).

    Arrow's compute functions make the text column by column; ``to_csv`` goes through the csv module row by
    row, field by field (and Arrow's own CSV writer quotes every text, needed or not).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    head = (",".join(_csv_fields(pa.array(table.column_names, pa.string())).to_pylist()) + "\n").encode() \
        if header else b""
    if not table.num_rows:
        return head
    rows = pc.binary_join_element_wise(*[_csv_fields(c) for c in table.columns], _large_text(","))
    body = pc.binary_join(pa.LargeListArray.from_arrays(pa.array([0, len(rows)], pa.int64()), rows),
                          _large_text("\n"))
    return head + body.cast(pa.large_binary())[0].as_py() + b"\n"


@functools.lru_cache(maxsize=None)
def _large_text(text: str) -> Any:
    import pyarrow as pa

    return pa.scalar(text, pa.large_string())  # large: a batch's text may pass the 2 GiB of Arrow's string


_STRUCTURAL = '[,"\r\n]'  # what a CSV field must be quoted for


def _csv_fields(column: Any) -> Any:
    """A column's CSV fields, as pandas writes them: NA empty, a float as numpy's ``str`` of it, a boolean as
    ``True``/``False``, a text quoted (its quotes doubled) when it holds a comma, a quote or a line break,
    ``"\r"`` too (the csv module quotes only ``"\n"``, and ``"\r"`` alone would end the row for many readers).
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if pa.types.is_floating(column.type):
        values = column.to_numpy(zero_copy_only=False)  # NA as NaN
        column = pa.array(values.astype(str), mask=np.isnan(values))
    elif pa.types.is_boolean(column.type):
        column = pc.if_else(column, "True", "False")
    elif pa.types.is_integer(column.type):
        column = column.cast(pa.string())
    else:
        column = column.cast(pa.large_string())
        data = column.buffers()[2]
        # one search of all the column's characters first: most columns hold nothing to quote
        if data is not None and _STRUCTURAL_BYTES.search(memoryview(data)):
            quote = pc.match_substring_regex(column, _STRUCTURAL)
            inner = pc.replace_substring(pc.filter(column, quote), '"', '""')
            column = pc.replace_with_mask(column, quote, pc.binary_join_element_wise(
                _large_text('"'), inner, _large_text('"'), _large_text("")))
    return column.cast(pa.large_string()).fill_null(_large_text(""))


_STRUCTURAL_BYTES = re.compile(_STRUCTURAL.encode())


def _check_extract_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse (a usage error) the options of ``extract`` that do not go together: each was silently unused (a
    scheduler without the dask backend, ``--excel`` with no CSV written) or ended the run in a traceback."""
    from toolkit.corpus import _can_limit_memory

    if args.backend == "dask" and not args.scheduler:
        parser.error("--scheduler ADDR is required with --backend dask")
    if args.scheduler and args.backend != "dask":
        parser.error("--scheduler ADDR goes with --backend dask (without it the run is local, on this machine)")
    if args.excel and args.format == "parquet":
        parser.error("--excel marks the CSV files for Excel: it does not go with --format parquet, which writes none")
    if args.max_memory is not None and args.backend != "local":
        parser.error("--max-memory limits the workers of the local backend: it does not go with --backend dask")
    if args.max_memory is not None and not _can_limit_memory():  # (the run's ValueError was a traceback)
        parser.error("--max-memory reads the workers' memory from /proc, which only Linux has: leave it out here")


def _not_a_folder_above(out: str) -> str:
    """The first folder of the path ``out`` that is something else (a file), as written in ``out``: what is
    in the way of creating it (``out`` itself when none is found)."""
    head = out
    parts = []
    while True:
        head, tail = os.path.split(head)
        if not tail:
            break
        parts.append(head)
    for above in reversed(parts):  # from the top down
        if above and os.path.lexists(above) and not os.path.isdir(above):
            return above
    return out


def _missing_folders(out: str) -> list[str]:
    """The folders of the path ``out`` that do not exist, ``out`` first, as written in it."""
    missing = []
    head = out.rstrip(os.sep + (os.altsep or "")) or out
    while head and not os.path.lexists(head):
        missing.append(head)
        parent = os.path.dirname(head)
        if parent == head:
            break
        head = parent
    return missing


def _make_folder(out: str) -> None:
    """Make the folder ``out`` and those above it; a folder the system refuses to make is named whole (the system's
    'Read-only file system (new)' named the last part of it, not which one of --out ro/new/x, nor that it is a
    folder to make)."""
    try:
        os.makedirs(out, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # (said by the caller)
        raise
    except OSError as exc:
        if not isinstance(exc.filename, str):
            raise
        raise OSError(exc.errno, f"cannot make the folder {exc.filename} ({exc.strerror or exc})") from None


def _remove_empty(folders: Sequence[str]) -> None:
    """Remove the ``folders`` (deepest first) that are empty: those a run made and then wrote nothing into (an
    empty --out left by a run that failed looked like a finished run with no output)."""
    for folder in folders:
        with contextlib.suppress(OSError):  # not empty, or never made
            os.rmdir(folder)


def _lock_folder(out: str) -> int | None:
    """Lock the output folder for this run (a lock the system drops when the process ends, even killed).

    Returns the descriptor holding the lock, or None where folders cannot be locked (Windows, a file
    system without locks).  Raises :class:`_UsageError` when another run holds it.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise _UsageError(f"another toolkit extract is writing to --out {out}: wait until it ends, or give "
                          f"another folder") from None
    except OSError:  # no locks on this file system: go on, as before
        os.close(fd)
        return None
    return fd


def _why(exc: OSError, file: str | None = None) -> str:
    """'File too large (tables.parquet)': the system's reason, and the file it is about."""
    if file is None and isinstance(exc.filename, str):
        file = os.path.basename(exc.filename)
    reason = exc.strerror or str(exc)
    return f"{reason} ({file})" if file else reason


# a folder that refuses new files: no permission, or on a read-only file system (a share mounted ro)
_NOT_WRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def _why_out(exc: OSError) -> str:
    """As :func:`_why`, but a file of this run that the --out folder refuses is said as the folder not writable:
    the unfinished file the system names ('Permission denied (reports.csv.<run>.part)') is none the user knows."""
    if exc.errno in _NOT_WRITABLE and isinstance(exc.filename, str) and exc.filename.endswith(".part"):
        return f"the folder is not writable ({exc.strerror or exc}): give a folder you can write to"
    return _why(exc)


def _run_extract(args: argparse.Namespace, _parse: Callable | None = None,
                 _stops: _StopSignals | None = None) -> int:
    from toolkit.corpus import FRAMES, OwnOutputError, _empty, _iter_corpus, _kinds

    progress = not args.quiet
    writer = _Writer(args.out, args.format, excel=args.excel)
    n_failed = n = 0
    ok = False
    skipped: Counter = Counter()
    failed: list[str] = []  # the first failed files, with their reasons, for stderr
    try:
        empty_written = False
        for frames in _iter_corpus(args.inputs, jobs=args.jobs, backend=args.backend, scheduler=args.scheduler,
                                   timeout=args.timeout, progress=progress, max_bytes=args.max_bytes,
                                   encoding=args.encoding, max_memory=args.max_memory, _parse=_parse, skipped=skipped,
                                   exclude=args.out):
            if _stops is not None:
                _stops.check()
            frames["reports"]["error"] = _in_option_words(frames["reports"])
            # a flag's detail names them too (encoding_uncertain: 'pass encoding= if you know the codec')
            frames["flags"] = _flags_in_option_words(frames["flags"])
            writer.write(frames)
            empty_written = True
            reports = frames["reports"]
            n += len(reports)
            bad = reports[reports["status"] == "failed"]
            n_failed += len(bad)
            for path, error in zip(bad["path"].iloc[: _FAILED_LISTED - len(failed)], bad["error"]):
                failed.append(_failure_line(path, error))
        if not empty_written:
            writer.write({name: _empty(name) for name in FRAMES})
        if _stops is not None:
            _stops.check()
        ok = True
    except OwnOutputError as exc:  # refused before any file is put in place: the old outputs stay
        raise _UsageError(str(exc)) from None
    finally:
        writer.close(ok)
    if not args.quiet:
        if skipped:
            print(f"toolkit extract: skipped {sum(skipped.values())} file(s) of folders that are not reports: "
                  f"{_kinds(skipped)}", file=sys.stderr)
        if failed:
            more = f"\n  … and {n_failed - len(failed)} more" if n_failed > len(failed) else ""
            print("toolkit extract: failed (reasons in reports.csv, column error):\n  " + "\n  ".join(failed)
                  + more, file=sys.stderr)
        print(f"toolkit extract: {n} report(s), {n_failed} failed; files in {args.out}", file=sys.stderr)
    return 1 if (args.strict and n_failed) else 0


# The Python arguments that the corpus's and the readers' messages name ('pass a larger max_bytes', 'pass
# encoding= if you know the codec'), and the options of a command-line run that set them
_ARGUMENT_OPTION = re.compile(r"\bmax_(?:bytes|memory)\b|\bpass encoding=(?= )")
_OPTION = {"max_bytes": "--max-bytes", "max_memory": "--max-memory", "pass encoding=": "pass --encoding"}


def _in_option_words(reports: pd.DataFrame) -> pd.Series:
    """The failed rows' reasons (column ``error``) naming the options a user typed (``--max-bytes``), not the
    Python arguments (``max_bytes``) that extract_corpus's rows name: 'pass a larger max_memory' sent a
    command-line user to look for an option --help does not list.  The file's name that starts a reason is
    left as it is (a path may hold those words)."""
    errors = reports["error"]
    hit = errors.str.contains("max_|encoding=", na=False)  # cheap: most runs have no such row
    if not hit.any():
        return errors
    errors = errors.copy()
    for i in hit[hit].index:
        error, path = errors[i], str(reports.at[i, "path"])
        start = len(path) if error.startswith(path) else 0
        errors[i] = error[:start] + _ARGUMENT_OPTION.sub(lambda m: _OPTION[m[0]], error[start:])
    return errors


def _flags_in_option_words(flags: pd.DataFrame) -> pd.DataFrame:
    """The flags with the Python arguments their details name put as the options (see _in_option_words)."""
    if not len(flags):
        return flags
    hit = flags["detail"].str.contains("max_|encoding=", na=False)  # cheap: most flags name none
    if not hit.any():
        return flags
    flags = flags.copy()
    flags.loc[hit, "detail"] = flags.loc[hit, "detail"].str.replace(_ARGUMENT_OPTION, lambda m: _OPTION[m[0]],
                                                                    regex=True)
    return flags


def _failure_line(path: Any, error: Any) -> str:
    """'PATH: reason' on one line (a reader's message names the file already; a timeout does not)."""
    path, error = str(path), str(error)
    line = error if error.startswith(path) else f"{path}: {error}"
    return line.replace("\r", "\\r").replace("\n", "\\n")  # a line break in a file name stays on the line


class _Diagnostics:
    """Standard error for what a run says as it goes (progress bar, skipped and failed files): a write that
    fails (standard error closed, on a full disk, its reader gone) must not stop the run, whose results go to
    --out; the rest is not said."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream  # None when the command was started with standard error closed

    def write(self, text: str) -> int:
        self._call("write", text)
        return len(text)

    def flush(self) -> None:
        self._call("flush")

    def _call(self, method: str, *args: Any) -> None:
        if self._stream is None:
            if method == "write" and args[0]:  # started with the stream closed (>&-): nothing to flush
                self._lost(OSError(errno.EBADF, "it is closed"))
            return
        try:
            getattr(self._stream, method)(*args)
        except (OSError, ValueError) as exc:  # closed, full, or its reader gone
            self._stream = None
            self._lost(exc)

    def _lost(self, exc: BaseException) -> None:
        """A write failed, or the stream is gone: say nothing more."""

    def __getattr__(self, name: str) -> Any:  # encoding, isatty … of the stream, which tqdm asks for
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


class _Results(_Diagnostics):
    """Standard output for a command's results (summary, dictionary, classify --out -, evaluate): a write
    that fails stops the command with :class:`_UsageError`, in one line, since its results are lost; a
    reader gone (``| head``) raises BrokenPipeError, a quiet stop."""

    def _lost(self, exc: BaseException) -> None:
        if isinstance(exc, BrokenPipeError):
            raise exc
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _OutputLost(f"cannot write the standard output: {reason}")


class _UsageError(Exception):
    """A problem with the command's arguments found while running it (reported in one line, status 2)."""


class _OutputLost(_UsageError):
    """Standard output cannot be written (closed, on a full disk): the command's results are lost."""


class _Stopped(BaseException):
    """The run was stopped by a signal (SIGTERM, SIGHUP): cleaned up like an interrupt (a BaseException, as
    KeyboardInterrupt is, so that no ``except Exception`` on the way takes it for an error of a file)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _StopSignals:
    """The stopping signals received during a run (see :func:`_stop_on_signals`)."""

    def __init__(self) -> None:
        self.received: list[int] = []

    def check(self) -> None:
        """Raise for a signal received whose exception was lost (raised inside a finalizer, which Python
        ignores): the run stops at the next batch instead of finishing as if nothing had happened."""
        if self.received:
            signum = self.received[0]
            raise KeyboardInterrupt if signum == signal.SIGINT else _Stopped(signum)


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[_StopSignals]:
    """Turn SIGINT (Ctrl-C), SIGTERM and SIGHUP (``timeout``, ``kill``, a closed terminal) into an exception,
    so that the workers are stopped and the unfinished files removed; each signal is also recorded, since
    an exception raised while the main thread runs a finalizer (``__del__``) is printed and dropped."""
    stops = _StopSignals()

    def stop(signum: int, frame: Any) -> None:
        stops.received.append(signum)
        raise KeyboardInterrupt if signum == signal.SIGINT else _Stopped(signum)

    if threading.current_thread() is not threading.main_thread():
        yield stops
        return
    # a SIGINT ignored when the command started (a background job of a script) stays ignored
    signals = [sig for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
               if signal.getsignal(sig) != signal.SIG_IGN]
    saved = {sig: signal.signal(sig, stop) for sig in signals}
    try:
        yield stops
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _run_summary(args: argparse.Namespace) -> int:
    from toolkit.readers import DEFAULT_MAX_BYTES
    from toolkit.summary import _lines

    failed: list[str] = []
    # each report's lines as soon as it is parsed: a folder of thousands printed nothing for minutes
    for item in _lines(args.inputs, max_bytes=DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes,
                       encoding=args.encoding, failed=failed):
        # the reasons name the options typed, as extract's rows do (a line is 'ID  failed: reason': the id, a
        # file's stem, is left as it is)
        for line in item.split("\n"):
            print(_in_option_line(line), flush=True)
    # (every input failing, an earlier run's output folder given, was status 0 with no way to ask otherwise: a
    # script checks for it as with extract)
    return 1 if (args.strict and failed) else 0


def _in_option_line(line: str) -> str:
    """A summary's line with the Python arguments its reason names put as the options (see _in_option_words)."""
    at = line.find("  failed: ")
    if at < 0 or not _ARGUMENT_OPTION.search(line, at):
        return line
    return line[:at] + _ARGUMENT_OPTION.sub(lambda m: _OPTION[m[0]], line[at:])


def _run_dictionary(args: argparse.Namespace) -> int:
    from toolkit.corpus import data_dictionary

    sys.stdout.write(data_dictionary())
    return 0


def _drop_stdout() -> None:
    """Point standard output at the null device: what is still buffered for it is lost anyway, and the
    interpreter's final flush must not raise again (a traceback, exit 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no standard output at all (started with it closed)
        pass


def _subparser(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """The parser of the subcommand ``command`` of ``parser`` (``parser`` itself when it has none such)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return parser


def main(argv: Sequence[str] | None = None, *, _parse: Callable | None = None) -> int:
    """Run the ``toolkit`` command.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status: 0, or 1 with ``extract --strict`` or ``summary --strict`` when a file failed; 2
        on bad arguments (an ``--out`` that cannot be written, also when a
        write or rename fails during the run, or that another run is writing;
        an unreachable Dask scheduler; a standard output that cannot be written); 141 when standard
        output was closed by its reader (a broken pipe); 130 on Ctrl-C and 143 on SIGTERM (128 + the signal),
        with the workers stopped and the unfinished files removed.

    Examples
    --------
    >>> main(["dictionary"])  # doctest: +ELLIPSIS
    # Data dictionary of the extracted files...
    0
    """
    try:
        # building the parser imports the classify commands (pandas): a Ctrl-C there is a stop, not a traceback
        parser = build_parser()
        args = parser.parse_args(argv)
    except KeyboardInterrupt:
        print("toolkit: stopped by SIGINT", file=sys.stderr)
        return 128 + int(signal.SIGINT)
    # the checks below are about the subcommand's arguments: its parser says them, with its own usage line
    # (the top-level one, 'toolkit [-h] [--version] COMMAND ...', names none of the options at fault)
    parser = _subparser(parser, getattr(args, "command", None))
    # an empty INPUT (an unset shell variable) is no file, and its report id '' would read back as NA
    empty = [i for i, text in enumerate(getattr(args, "inputs", None) or [], 1) if not text]
    if empty:
        parser.error(f"argument INPUT: input {empty[0]} is an empty string; give a file, a folder or a glob pattern")
    # '-' is standard input to a Unix tool: a report is read from its file (its kind is told by its bytes and
    # name, and a worker process reads it), so say so rather than fail the run's one row as '-: file not found'
    if "-" in (getattr(args, "inputs", None) or []):
        parser.error("argument INPUT: '-' (standard input) is not read; give the report's file, folder or glob "
                     "pattern (a file named '-' is given as ./-)")
    if getattr(args, "out", None) == "" and getattr(args, "func", None) is _run_extract:  # (classify says it itself)
        parser.error("argument --out: an empty string; give the folder to write the output files into")
    out = getattr(args, "out", None)
    if getattr(args, "func", None) is _run_extract and isinstance(out, str) and out.startswith("~") \
            and os.path.expanduser(out) != out:
        # a quoted '~/out' made a folder named '~' in the current one (one 'rm -r ~' away from the home folder)
        parser.error(f"argument --out: {out!r} begins with '~', which no shell expanded (it was in quotes): give the "
                     f"folder as {os.path.expanduser(out)}, or a folder named '~' as ./{out}")
    try:
        if args.func is _run_extract:
            _check_extract_options(parser, args)
        with contextlib.redirect_stdout(_Results(sys.stdout)), contextlib.redirect_stderr(_Diagnostics(sys.stderr)):
            # every command: a SIGTERM killed classify outright, its unfinished .part file left beside --out (or,
            # between its renames, the input set aside as .old.part); as an exception it is cleaned up, as Ctrl-C is
            with _stop_on_signals() as stops:
                if args.func is _run_extract:
                    status = _run_extract(args, _parse=_parse, _stops=stops)
                else:
                    status = int(args.func(args) or 0)
            sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at interpreter exit
        return status
    except (ImportError, _UsageError) as exc:
        if isinstance(exc, _OutputLost):
            _drop_stdout()
        print(f"toolkit: error: {exc}", file=_Diagnostics(sys.stderr))
        return 2
    except (KeyboardInterrupt, _Stopped) as exc:
        signum = exc.signum if isinstance(exc, _Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        where = f"; nothing new was written to {args.out}" if args.func is _run_extract else ""
        print(f"toolkit: stopped by {name}{where}", file=sys.stderr)
        return 128 + int(signum)
    except BrokenPipeError:
        # The reader of the output went away (``toolkit evaluate | head``): stop quietly, as Unix tools do
        _drop_stdout()
        return 141  # 128 + SIGPIPE, what a shell reports for a tool killed by the broken pipe
    except ConnectionError as exc:  # (after BrokenPipeError, which is one) an unreachable Dask scheduler
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return 2
