"""Command line: ``toolkit extract``, ``summary``, ``classify``, ``evaluate``, ``dictionary``.

``python -m toolkit extract INPUT... --out DIR`` parses a corpus and writes
``reports``, ``sections``, ``tables``, ``checks``, ``statements`` and ``flags``
as CSV and Parquet (columns in ``docs/data-dictionary.md``).  Rows are written
as they come, in report-id order, so memory stays flat for any corpus size.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, Callable

__all__ = ["main", "build_parser"]

# Parquet row groups: rows are buffered as Arrow tables up to this many rows or bytes (memory stays bounded,
# and the file does not get one tiny row group per batch, which bloats its footer).
_ROW_GROUP = 131_072
_ROW_GROUP_BYTES = 8 * 2**20
_PARQUET_TYPES = {"string": "string", "Int64": "int64", "float64": "float64", "boolean": "bool_"}


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _seconds(text: str) -> float | None:
    if text.lower() in ("none", "0", "off"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds or 'none', got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _codec(text: str) -> str:
    from toolkit.readers import _check_encoding

    try:
        return _check_encoding(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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

    parser = argparse.ArgumentParser(
        prog="toolkit",
        description="Parse, check and classify Chinese government information disclosure annual reports.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="parse a corpus and write CSV and Parquet files",
                        description="Parse every report of INPUT (files, folders, glob patterns) and write "
                                    "reports, sections, tables, checks, statements and flags as .csv and "
                                    ".parquet into --out. One row per input file in reports.csv, always.")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder (recursive) or glob pattern")
    ex.add_argument("--out", required=True, metavar="DIR",
                    help="output folder (created if needed; folders and patterns never give its output files)")
    ex.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                    help="worker processes (default: all cores)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--strict", action="store_true", help="exit with status 1 if any file failed")
    ex.add_argument("--timeout", type=_seconds, default=60.0, metavar="S",
                    help="time limit per file in seconds, 'none' for no limit (default: 60)")
    ex.add_argument("--max-bytes", type=_positive_int, default=None, metavar="B",
                    help="files larger than this fail without being read (default: 50 MiB)")
    ex.add_argument("--encoding", type=_codec, default=None, metavar="CODEC",
                    help="codec of every text and HTML file, e.g. gb18030 or big5 (default: detected per file)")
    ex.add_argument("--backend", choices=("local", "dask"), default="local",
                    help="run locally (default) or on a Dask cluster (pip install gov-openinfo-toolkit[dask])")
    ex.add_argument("--scheduler", default=None, metavar="ADDR",
                    help="Dask scheduler address, e.g. tcp://10.0.0.1:8786 (with --backend dask)")
    ex.add_argument("--format", choices=("both", "csv", "parquet"), default="both",
                    help="which files to write (default: both)")
    ex.set_defaults(func=_run_extract)

    sm = sub.add_parser("summary", help="print a short overview of a few reports (metadata, sections, totals)",
                        description="Parse each report of INPUT (files, folders, glob patterns) and print its metadata, the "
                                    "sections found, the request totals and the identity checks that fail.")
    sm.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder (recursive) or glob pattern")
    sm.set_defaults(func=_run_summary)

    dd = sub.add_parser("dictionary", help="print the data dictionary of the output files (Markdown)")
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


class _Writer:
    """Appends frames to ``DIR/name.csv`` and ``DIR/name.parquet`` chunk by chunk."""

    def __init__(self, out: str, fmt: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from toolkit.corpus import FRAMES, _empty, output_schema

        self.pa, self.pq = pa, pq
        self.out = out
        self.csv = fmt in ("both", "csv")
        self.parquet = fmt in ("both", "parquet")
        self.frames = FRAMES
        self.schemas = {}
        for name, cols in output_schema().items():
            schema = pa.schema([(c, getattr(pa, _PARQUET_TYPES[d])()) for c, d in zip(cols["column"], cols["dtype"])])
            # pandas' own metadata, so that pandas.read_parquet gives back Int64, boolean and string columns
            pandas_meta = pa.Schema.from_pandas(_empty(name), preserve_index=False).metadata
            self.schemas[name] = schema.with_metadata(pandas_meta)
        self.csv_files: dict[str, Any] = {}
        self.pq_writers: dict[str, Any] = {}
        os.makedirs(out, exist_ok=True)
        for name in FRAMES:
            if self.csv:
                self.csv_files[name] = open(os.path.join(out, f"{name}.csv.part"), "w", encoding="utf-8",
                                            newline="")
            if self.parquet:
                self.pq_writers[name] = pq.ParquetWriter(os.path.join(out, f"{name}.parquet.part"),
                                                         self.schemas[name])
        self.started = {name: False for name in FRAMES}
        self.pending: dict[str, list] = {name: [] for name in FRAMES}
        self.pending_rows = {name: 0 for name in FRAMES}
        self.pending_bytes = {name: 0 for name in FRAMES}

    def write(self, frames: dict) -> None:
        for name in self.frames:
            frame = frames[name]
            if self.csv and (len(frame) or not self.started[name]):
                frame.to_csv(self.csv_files[name], index=False, header=not self.started[name],
                             lineterminator="\n")
                self.started[name] = True
            if self.parquet and len(frame):
                table = self.pa.Table.from_pandas(frame, schema=self.schemas[name], preserve_index=False)
                self.pending[name].append(table)
                self.pending_rows[name] += len(table)
                self.pending_bytes[name] += table.nbytes
                if self.pending_rows[name] >= _ROW_GROUP or self.pending_bytes[name] >= _ROW_GROUP_BYTES:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        """Write the buffered rows as one Parquet row group (many tiny row groups bloat the footer)."""
        if self.pending[name]:
            self.pq_writers[name].write_table(self.pa.concat_tables(self.pending[name]),
                                              row_group_size=max(self.pending_rows[name], 1))
        self.pending[name], self.pending_rows[name], self.pending_bytes[name] = [], 0, 0

    def close(self, ok: bool = True) -> None:
        for name in self.frames:
            if name in self.pq_writers and ok:
                self._flush(name)
            if name in self.csv_files:
                self.csv_files[name].close()
            if name in self.pq_writers:
                self.pq_writers[name].close()
            for ext, written in (("csv", self.csv), ("parquet", self.parquet)):
                part = os.path.join(self.out, f"{name}.{ext}.part")
                if os.path.exists(part):
                    if ok:
                        os.replace(part, os.path.join(self.out, f"{name}.{ext}"))
                    else:
                        os.remove(part)
                elif ok and not written and os.path.exists(os.path.join(self.out, f"{name}.{ext}")):
                    # an earlier run's file of the other format would no longer match this run's
                    os.remove(os.path.join(self.out, f"{name}.{ext}"))


def _run_extract(args: argparse.Namespace, _parse: Callable | None = None) -> int:
    from toolkit.corpus import _empty, _iter_corpus

    progress = not args.quiet
    try:
        writer = _Writer(args.out, args.format)
    except OSError as exc:
        raise _UsageError(f"cannot write the output to --out {args.out}: {exc.strerror or exc}") from None
    n_failed = n = 0
    ok = False
    skipped: Counter = Counter()
    try:
        empty_written = False
        for frames in _iter_corpus(args.inputs, jobs=args.jobs, backend=args.backend, scheduler=args.scheduler,
                                   timeout=args.timeout, progress=progress, max_bytes=args.max_bytes,
                                   encoding=args.encoding, _parse=_parse, skipped=skipped, exclude=args.out):
            writer.write(frames)
            empty_written = True
            reports = frames["reports"]
            n += len(reports)
            n_failed += int((reports["status"] == "failed").sum())
        if not empty_written:
            from toolkit.corpus import FRAMES

            writer.write({name: _empty(name) for name in FRAMES})
        ok = True
    finally:
        writer.close(ok)
    if not args.quiet:
        if skipped:
            print(f"toolkit extract: skipped {sum(skipped.values())} file(s) of folders that are not reports: "
                  f"{_kinds(skipped)}", file=sys.stderr)
        print(f"toolkit extract: {n} report(s), {n_failed} failed; files in {args.out}", file=sys.stderr)
    return 1 if (args.strict and n_failed) else 0


def _kinds(counts: Counter) -> str:
    """'3 .csv, 1 .md': the most frequent kinds first, then by name."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


class _UsageError(Exception):
    """A problem with the command's arguments found while running it (reported in one line, status 2)."""


class _Stopped(Exception):
    """The run was stopped by a signal (SIGTERM, SIGHUP): cleaned up like an interrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP (``timeout``, ``kill``, a closed terminal) into an exception, so that the
    workers are stopped and the unfinished files removed as on Ctrl-C."""
    def stop(signum: int, frame: Any) -> None:
        raise _Stopped(signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _run_summary(args: argparse.Namespace) -> int:
    from toolkit.summary import summarize

    print(summarize(args.inputs))
    return 0


def _run_dictionary(args: argparse.Namespace) -> int:
    from toolkit.corpus import data_dictionary

    sys.stdout.write(data_dictionary())
    return 0


def main(argv: Sequence[str] | None = None, *, _parse: Callable | None = None) -> int:
    """Run the ``toolkit`` command.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status: 0, or 1 with ``extract --strict`` when a file failed; 2
        on bad arguments (an ``--out`` that cannot be written, an unreachable
        Dask scheduler); 141 when standard output was closed by its reader (a
        broken pipe); 130 on Ctrl-C and 143 on SIGTERM (128 + the signal),
        with the workers stopped and the unfinished files removed.

    Examples
    --------
    >>> main(["dictionary"])  # doctest: +ELLIPSIS
    # Data dictionary of the extracted files...
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    # an empty INPUT (an unset shell variable) is no file, and its report id '' would read back as NA
    empty = [i for i, text in enumerate(getattr(args, "inputs", None) or [], 1) if not text]
    if empty:
        parser.error(f"argument INPUT: input {empty[0]} is an empty string; give a file, a folder or a glob pattern")
    try:
        if args.func is _run_extract:
            if args.backend == "dask" and not args.scheduler:
                parser.error("--scheduler ADDR is required with --backend dask")
            with _stop_on_signals():
                status = _run_extract(args, _parse=_parse)
        else:
            status = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at interpreter exit
        return status
    except (ImportError, _UsageError) as exc:
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, _Stopped) as exc:
        signum = exc.signum if isinstance(exc, _Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        where = f"; nothing new was written to {args.out}" if args.func is _run_extract else ""
        print(f"toolkit: stopped by {name}{where}", file=sys.stderr)
        return 128 + int(signum)
    except BrokenPipeError:
        # The reader of the output went away (``toolkit evaluate | head``): stop quietly, as Unix tools
        # do, and keep the interpreter's final flush from raising again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141  # 128 + SIGPIPE, what a shell reports for a tool killed by the broken pipe
    except ConnectionError as exc:  # (after BrokenPipeError, which is one) an unreachable Dask scheduler
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return 2
