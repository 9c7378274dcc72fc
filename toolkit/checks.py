"""Checking extracted tables against the identities the formats state.

Each identity of ``identities.yaml`` is evaluated per column or per row on the
values as written.  A check is ``ok`` when both sides are equal, ``failed``
when they differ, and ``unverifiable`` when a cell it needs is NA — unless the
cells that are there already prove it false (counts cannot be negative, so
``15 = 16 + NA`` fails whatever the blank hides; the sum of the cells there is then a lower bound of
its side, and the flag says how many cells are missing).  A cell flagged ``inferred`` (its row's cells or
digits allowed several readings, and the identities chose one) counts as missing: a check cannot confirm
what it was used to choose.  Nothing is corrected.
"""
from __future__ import annotations

import functools
import itertools
import math
import operator
from collections.abc import Collection, Iterable

import numpy as np
import pandas as pd

from toolkit.formats import load_formats, load_identities
from toolkit.normalize import number_text

__all__ = ["CHECK_COLUMNS", "check_tables", "soft_checks"]

CHECK_COLUMNS = ["report_id", "table", "check", "key", "expected", "found", "status", "ok"]
_TOL = 1e-6


@functools.lru_cache(maxsize=1)
def soft_checks() -> frozenset[tuple[str, str]]:
    """(table, check name) of the soft checks of ``identities.yaml`` (implied by a format, often broken).

    A failed soft check is flagged ``soft_check_failed`` rather than ``identity_failed`` and does not
    count in :func:`toolkit.metrics.identities_status`.
    """
    return frozenset((table, ident["name"]) for table, idents in load_identities().items()
                     for ident in idents if ident.get("soft"))


def _side(values: list[float]) -> tuple[float, float, int]:
    """(known sum, upper bound, cells missing) of a side; NA counts as an unknown ≥ 0."""
    present = list(itertools.filterfalse(math.isnan, values))  # (NaN is NA; filtered in C, asked of every side)
    known = float(sum(present))
    missing = len(values) - len(present)
    return known, (known if not missing else math.inf), missing


def _evaluate(lhs: list[float], rhs: list[float], relation: str = "eq") -> tuple[float, float, str]:
    """(expected, found, status) of ``sum(lhs) = sum(rhs)`` (``relation='le'``: ``<=``).

    With every cell there, the sums and ok or failed.  With some missing, failed when the cells there already
    prove it false (a count is ≥ 0), expected and found then the sums of the cells there, each a lower bound of
    its side; else unverifiable, and NA for a side with a missing cell.
    """
    # (a sum is NaN where a cell is: with none, the common check, the sums are the sides' and no cell is missing)
    l_lo, r_lo = float(sum(lhs)), float(sum(rhs))
    if l_lo == l_lo and r_lo == r_lo:
        holds = l_lo <= r_lo + _TOL if relation == "le" else abs(l_lo - r_lo) <= _TOL
        return l_lo, r_lo, "ok" if holds else "failed"
    l_lo, l_hi, l_missing = _side(lhs)
    r_lo, r_hi, r_missing = _side(rhs)
    if not l_missing and not r_missing:  # (∞ - ∞ in a side's cells: a NaN sum of cells all there)
        holds = l_lo <= r_lo + _TOL if relation == "le" else abs(l_lo - r_lo) <= _TOL
        return l_lo, r_lo, "ok" if holds else "failed"
    if l_lo > r_hi + _TOL or (relation == "eq" and r_lo > l_hi + _TOL):
        return l_lo, r_lo, "failed"  # proven false by the cells that are there
    return (np.nan if l_missing else l_lo), (np.nan if r_missing else r_lo), "unverifiable"


def _detail(name: str, key: str, lhs: tuple[list[float], int], rhs: tuple[list[float], int]) -> str:
    """The text of a failed check's flag: each side's sum, said to be a lower bound where cells are missing
    (empty, or inferred and so not counted)."""
    def side(values: list[float], inferred: int) -> str:
        known, _hi, missing = _side(values)
        if not missing:
            return number_text(known)
        empty = missing - inferred
        parts = ([f"{empty} cell{'s' if empty > 1 else ''} missing"] if empty else []) + (
            [f"{inferred} inferred"] if inferred else [])
        return f"≥ {number_text(known)} ({', '.join(parts)})"
    return f"{name}[{key}]: expected {side(*lhs)}, found {side(*rhs)}"


def check_tables(tables: pd.DataFrame | list[dict], *, report_id: str | None = None,
                 templates: dict[str, str | None] | None = None) -> pd.DataFrame:
    """Evaluate the format's identities on one report's long table.

    Parameters
    ----------
    tables : DataFrame or list of dict
        The report's cells (columns of ``Report.tables``; ``table``, ``row_key``,
        ``col_key`` and ``value`` are used).
    report_id : str, optional
        Written into the ``report_id`` column; default: the one id of ``tables``' own
        ``report_id`` column, if it has one.
    templates : dict, optional
        Table name → ``'2019'``/``'2021'``; decides the outcome rows of the
        requests table (``other_handling`` or its three 2021 rows).  A table it does
        not name (or names None) has its format told from the keys of its cells, as
        :func:`toolkit.metrics.report_metrics` tells it (``formats`` in metrics.yaml);
        ``'2019'`` when the keys do not tell.

    Returns
    -------
    DataFrame
        One row per identity checked, columns :data:`CHECK_COLUMNS`.

    Raises
    ------
    ValueError
        If ``tables`` holds the cells of several reports (its ``report_id`` column): their grids
        would be mixed.  Check each report alone, e.g. ``tables.groupby("report_id")``.
    """
    if isinstance(tables, pd.DataFrame) and "report_id" in tables.columns:
        ids = pd.unique(tables["report_id"].dropna())
        if len(ids) > 1:
            shown = ", ".join(map(str, sorted(ids, key=str)[:3]))
            raise ValueError(f"tables holds the cells of {len(ids)} reports ({shown}, …): check one report at a "
                             "time, e.g. for rid, t in tables.groupby('report_id'): check_tables(t, report_id=rid)")
        if report_id is None and len(ids) == 1:
            report_id = ids[0]
    return pd.DataFrame(check_records(tables, report_id=report_id, templates=templates),
                        columns=CHECK_COLUMNS).astype({"ok": bool})


_CELL_KEYS = operator.itemgetter("table", "row_key", "col_key")
_VALUE = operator.itemgetter("value")
_GET_FLAG = operator.methodcaller("get", "flag")
_GET_UNIT = operator.methodcaller("get", "unit")
_ROW_OF = operator.itemgetter(0, 1)  # (table, row_key) of a cell's key
_COLUMN_OF = operator.itemgetter(0, 2)  # (table, col_key) of a cell's key


def check_records(tables, *, report_id: str | None = None,
                  templates: dict[str, str | None] | None = None) -> list[dict]:
    """Like :func:`check_tables`, as a list of dicts (the fast path of corpus runs).

    Each dict has the keys of :data:`CHECK_COLUMNS` and ``detail``: for a failed check the text of its flag
    (``outcomes_sum[total]: expected 19, found ≥ 20 (12 cells missing)``), else ''.
    """
    templates = templates or {}
    records = tables.to_dict("records") if isinstance(tables, pd.DataFrame) else tables
    if not isinstance(records, list):
        records = list(records)  # (an iterator: read more than once below)
    # The grid, (table, row, col) -> value, and each row's unit, are built in C from the records' keys: a cell
    # given twice keeps its first value, a row the unit of its first cell (legacy rows have one), as the dicts
    # of the reversed pairs do. A Python loop over every cell cost a third of the checks.
    keys = list(map(_CELL_KEYS, records))
    values = list(map(_VALUE, reversed(records)))
    if any(map(operator.is_, values, itertools.repeat(None))):  # (a value given as None: NA, as NaN is; in C)
        values = [np.nan if v is None else v for v in values]
    grid: dict[tuple[str, str, str], object] = dict(zip(reversed(keys), values))  # (no None: a side reads it in C)
    row_ids = list(map(_ROW_OF, keys))
    units: dict[tuple[str, str], object] = dict(zip(reversed(row_ids), map(_GET_UNIT, reversed(records))))
    rows_of: dict[str, set[str]] = {}  # table -> its row keys
    for table, row_key in set(row_ids):
        rows_of.setdefault(table, set()).add(row_key)
    cols_of: dict[str, set[str]] = {}  # table -> its col keys
    for table, col in set(map(_COLUMN_OF, keys)):
        cols_of.setdefault(table, set()).add(col)
    # cells placed with the identities' help (tables.flag `inferred`): no evidence for those identities
    # (most reports have none: then no record's flag is asked but in C)
    guessed: set[tuple[str, str, str]] = set()
    if "inferred" in map(_GET_FLAG, records):
        seen: set[tuple[str, str, str]] = set()
        for cell, rec in zip(keys, records):
            if cell not in seen:  # (a cell given twice: its first record tells, as it gives the value)
                seen.add(cell)
                if rec.get("flag") == "inferred":
                    guessed.add(cell)
    identities = load_identities()
    fm = load_formats()
    rows: list[dict] = []
    for table, idents in identities.items():
        if table not in rows_of:
            continue
        row_keys = sorted(rows_of[table])
        col_keys = sorted(cols_of[table])
        outcome_rows = None  # the requests table's outcome rows, by its format (told once, when needed)
        for ident in idents:
            if ident["rhs"] == "@outcome_rows" and outcome_rows is None:
                outcome_rows = fm["requests"].get(f"outcome_rows_{_template(table, records, templates)}", [])
            rhs_keys: list[str] = outcome_rows if ident["rhs"] == "@outcome_rows" else ident["rhs"]  # type: ignore[assignment]  # set just above
            if ident["rhs"] == "@other_columns":
                if not all(k in col_keys for k in ident["lhs"]):
                    continue  # (a legacy table without a 合计 column)
                rhs_keys = [c for c in col_keys if c not in ident["lhs"] and c not in ident.get("except", ())]
            relation = ident.get("relation", "eq")
            if ident["per"] == "row":
                cols = (*ident["lhs"], *rhs_keys)
                not_units = ident.get("not_units", ())
                for row_key in row_keys:
                    if not any(map(grid.__contains__, zip(itertools.repeat(table), itertools.repeat(row_key), cols))):
                        continue  # a row without these columns (another block of the Article 20 table)
                    if units.get((table, row_key)) in not_units:
                        continue  # a row of shares: its 合计 is no sum
                    lhs = _row_terms(grid, guessed, table, row_key, ident["lhs"])
                    rhs = _row_terms(grid, guessed, table, row_key, rhs_keys)
                    # a legacy check's key names its row and column, as its per-value identities' keys do
                    key = f"{row_key}.{ident['lhs'][0]}" if table == "legacy" else row_key
                    rows.append(_row(report_id, table, ident["name"], key, lhs, rhs, relation))
                continue
            if not identity_applies(ident, rows_of[table]):
                continue
            for col in col_keys:
                lhs = _col_terms(grid, guessed, table, ident["lhs"], col)
                rhs = _col_terms(grid, guessed, table, rhs_keys, col)
                # a legacy identity is about one row: its key names it ('<first lhs row>.<col_key>', the rule of
                # identities.yaml and of the output schema for every per-value identity), as identities share a name
                # (heads_le_total of press conferences and of online interviews; requests_channels of two layouts)
                key = f"{ident['lhs'][0]}.{col}" if ident["per"] == "value" else col
                rows.append(_row(report_id, table, ident["name"], key, lhs, rhs, relation))
    return rows


def identity_applies(ident: dict, rows: Collection[str]) -> bool:
    """Whether an identity of identities.yaml (not per row) is stated for a table of these row keys.

    Parameters
    ----------
    ident : dict
        The identity (``per``, ``lhs``, and perhaps ``when_all``, ``when_any``, ``when_none``).
    rows : collection of str
        The table's row keys.

    Returns
    -------
    bool
        False for a legacy table without the identity's item, or a layout of the table it is not stated for.
    """
    if ident["per"] == "value" and ident["lhs"][0] not in rows:
        return False  # a legacy table without this item
    if not all(k in rows for k in ident.get("when_all", ())):
        return False  # (a group's subtotal written only by some reports)
    if "when_any" in ident and not any(k in rows for k in ident["when_any"]):
        return False  # a layout of the table this identity is not stated for
    return not any(k in rows for k in ident.get("when_none", ()))


def _template(table: str, records: list[dict], templates: dict[str, str | None]) -> str:
    """The format of ``table``: as ``templates`` gives it, else told from its keys, else '2019'."""
    if templates.get(table):
        return str(templates[table])
    from toolkit.metrics import _located, _table_format  # not at the top: metrics imports this module

    cells = pd.DataFrame([rec for rec in records if rec["table"] == table])
    keys = (cells["row_key"].astype(str) + "." + cells["col_key"].astype(str))[_located(cells)]
    return _table_format(table, keys) or "2019"


def _row_terms(grid: dict[tuple[str, str, str], object], guessed: set[tuple[str, str, str]], table: str,
               row: str, cols: list[str]) -> tuple[list[float], int]:
    """:func:`_terms` of the cells ``cols`` of one row."""
    return _terms(grid, guessed, zip(itertools.repeat(table), itertools.repeat(row), cols))


def _col_terms(grid: dict[tuple[str, str, str], object], guessed: set[tuple[str, str, str]], table: str,
               rows: list[str], col: str) -> tuple[list[float], int]:
    """:func:`_terms` of the cells ``rows`` of one column."""
    return _terms(grid, guessed, zip(itertools.repeat(table), rows, itertools.repeat(col)))


def _terms(grid: dict[tuple[str, str, str], object], guessed: set[tuple[str, str, str]],
           cells: Iterable[tuple[str, str, str]]) -> tuple[list[float], int]:
    """The values of a side's cells (table, row key, col key), and how many are inferred.

    An inferred cell counts as missing: the identities chose its value (a glued or ragged row read with
    their help), so a check of them cannot confirm it; the cells read as written may still prove it false.
    """
    # (looked up and made numbers in C: the grid holds no None, a cell not in it is NaN)
    if not guessed:  # (the common report)
        return list(map(float, map(grid.get, cells, itertools.repeat(math.nan)))), 0  # type: ignore[arg-type]  # a value's number
    keys = list(cells)
    values = list(map(float, map(grid.get, keys, itertools.repeat(math.nan))))  # type: ignore[arg-type]  # a value's number
    hidden = list(map(guessed.__contains__, keys))  # (tested in C: most sides hold no inferred cell)
    inferred = sum(hidden)
    if inferred:
        values = [math.nan if h else v for v, h in zip(values, hidden)]
    return values, inferred


def _row(report_id, table, name, key, lhs: tuple[list[float], int], rhs: tuple[list[float], int],
         relation: str = "eq") -> dict:
    expected, found, status = _evaluate(lhs[0], rhs[0], relation)
    # `detail` (not a column of checks.csv): the flag's text of a failed check, which says what a sum of
    # fewer than all of a side's cells is
    return {"report_id": report_id, "table": table, "check": name, "key": key, "expected": expected,
            "found": found, "status": status, "ok": status == "ok",
            "detail": _detail(name, key, lhs, rhs) if status == "failed" else ""}
