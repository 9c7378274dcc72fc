"""A plain-text overview of a few reports: what ``make demo`` prints first.

For each report: its metadata, the sections found, the request-table totals
(new, carried over, handled, carried forward) and the identity checks that fail.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator

import pandas as pd

from toolkit.corpus import _assign_ids, _fails_before_parsing
from toolkit.corpus import _collect as collect_inputs
from toolkit.errors import ReaderWarning, ToolkitError
from toolkit.normalize import number_text
from toolkit.readers import DEFAULT_MAX_BYTES
from toolkit.report import parse_report

__all__ = ["summarize"]

_TOTAL_ROWS = ("new", "carried_over", "handled_total", "carried_forward")


def _fmt(value: float) -> str:
    return "NA" if pd.isna(value) else number_text(value)


def _one_line(text: str) -> str:
    """A report id or a reason on its line: a line break in a file name ('b\\nx.txt') would start a line
    that reads as another report's."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def summarize(paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
              encoding: str | None = None) -> str:
    """Describe reports in a few lines each.

    Parameters
    ----------
    paths : iterable of path-like
        Report files, folders (recursive) and glob patterns, expanded as
        :func:`toolkit.extract_corpus` expands them.
    max_bytes : int, default 50 MiB
        Files larger than this fail without being read, as in :func:`toolkit.parse_report`.
    encoding : str, optional
        Codec of every text and HTML file (default: detected per file), as in :func:`toolkit.parse_report`.

    Returns
    -------
    str
        The overview, ready to print: each report under the id ``toolkit extract`` gives it (the file
        stem, made unique with ``-2``, ``-3`` … for files of one stem), sorted by that id as
        ``reports.csv`` is (not in the order the inputs were named), a file that cannot be read with
        the reason ``toolkit extract`` gives in ``reports.error``.  A reader's warnings (stray bytes …) are
        not issued: the report's line lists them as flags (``bad_bytes``), as ``flags.csv`` has them.

    Examples
    --------
    >>> print(summarize(["data/raw/001_4d29bfef72dd56db.txt"]).splitlines()[0])
    001_4d29bfef72dd56db  乌当区人民政府  2020  template=2019  simplified  county/government  贵州  partial (5 flags)
    """
    return "\n".join(_lines(paths, max_bytes=max_bytes, encoding=encoding))


def _lines(paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES,
           encoding: str | None = None, failed: list[str] | None = None) -> Iterator[str]:
    """The lines of :func:`summarize`, each report's as soon as it is parsed (``toolkit summary`` prints them so:
    on a folder of thousands of reports it printed nothing for minutes, and a Ctrl-C lost every line); the id of
    each report that fails is appended to ``failed`` (``toolkit summary --strict`` counts them)."""
    failed = [] if failed is None else failed
    inputs = collect_inputs(paths)  # the same files `toolkit extract` would read, under the same ids
    ids = _assign_ids(inputs.files, None)
    # by report id, as reports.csv: the same files named in another order give the same overview
    for file, rid in sorted(zip(inputs.files, ids), key=lambda pair: pair[1]):
        # a folder that cannot be listed or holds no report, a pattern that matches nothing, a pipe …
        problem = inputs.errors.get(file) or _fails_before_parsing(file, max_bytes)
        try:
            if problem is not None:
                raise problem
            with warnings.catch_warnings():
                # kept as the report's flags, which its lines list (bad_bytes …), as extract's workers keep them:
                # printed, each was a Python warning naming a line of the toolkit's code
                warnings.simplefilter("ignore", ReaderWarning)
                report = parse_report(file, report_id=rid, encoding=encoding, max_bytes=max_bytes)
        except ToolkitError as exc:
            failed.append(rid)
            yield f"{_one_line(rid)}  failed: {_one_line(exc.problem)}"
            continue
        except Exception as exc:  # a parser bug: the report's line says it, as extract's row does, and the others follow
            failed.append(rid)
            yield f"{_one_line(rid)}  failed: {_one_line(f'unexpected {type(exc).__name__}: {exc}')}"
            continue
        m = report.metadata
        yield (f"{_one_line(report.report_id)}  {m['agency'] or '?'}  {m['report_year'] or '?'}  "
               f"template={m['template']}  {m['script']}  {m['level'] or '?'}/{m['agency_kind'] or '?'}  "
               f"{m['province'] or '?'}  {report.status} ({len(report.flags)} flags)")
        yield "    sections: " + ", ".join(f"{s.key}@{s.first_line}" for s in report.sections)
        if (report.tables["table"] == "requests").any():
            grid = report.table("requests")
            totals = "  ".join(f"{k}={_fmt(grid.loc[k, 'total'])}" for k in _TOTAL_ROWS if k in grid.index)
            yield f"    requests (total column): {totals}"
        for flag in report.flags:  # one per failed check, in the checks' order; its text says a lower bound
            if flag.code == "identity_failed":
                yield f"    FAILED {flag.table}.{flag.detail}"
            elif flag.code == "soft_check_failed":  # implied by the format, often broken: no identity
                yield f"    FAILED (soft check) {flag.table}.{flag.detail}"
        other = sorted({f.code for f in report.flags if f.code != "identity_failed"})
        if other:
            yield "    flags: " + ", ".join(other)
