"""Placing the values of incomplete rows into their columns, only where certain.

Two things break the one-cell-one-column correspondence in scraped reports:

* **ragged rows**: blank cells vanished, so a row of the requests table holds
  4, 5 or 6 values for its 7 columns;
* **glued digits**: page text lost the cell boundaries, so ``801000081`` holds
  the 7 cells of a row.

For each such row every reading is enumerated (where the vanished cells were;
how a digit run splits, without leading zeros).  Readings that contradict the
format's identities (:mod:`toolkit.checks` states them in ``identities.yaml``)
are dropped, using interval arithmetic over the other rows' possible values —
a blank is an unknown count, never 0.  For ragged rows the convention of real
reports is preferred when it survives: the first value is the first applicant
column and the last one is the total.  A cell receives a value only when every
surviving reading gives it the same value; otherwise it stays missing and the
row is flagged.  A value is never moved into a column it may not belong to.  A cell on which the readings
disagreed before the identities were applied is reported in ``Placement.inferred``: its value was chosen
with the identities' help, so those identities cannot then confirm it.
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from toolkit.layout import Cell
from toolkit.normalize import parse_number

__all__ = ["Placed", "RowInput", "Constraint", "place"]

#: Readings enumerated at most per row before the row is given up as ambiguous.
MAX_READINGS = 200_000


class Placed(NamedTuple):
    """A value placed in a column: the number, its raw text and its line."""

    value: float | None
    raw: str
    line: int
    unit: str | None = None


@dataclass
class RowInput:
    """The value cells of one row, to be placed into ``ncols`` columns."""

    key: str
    cells: list[Cell]
    ncols: int
    anchored: bool = False  # prefer first → column 0 and last → last column


class Constraint(NamedTuple):
    """sum(lhs) == sum(rhs), cells named (row key, column index).  (A named tuple: dozens a report.)"""

    lhs: tuple[tuple[str, int], ...]
    rhs: tuple[tuple[str, int], ...]


@dataclass
class Placement:
    """What :func:`place` found for one row."""

    cells: list[Placed | None]
    mode: str  # 'complete', 'ragged', 'glued', 'extra'
    certain: bool
    readings: int
    consistent: bool = True
    notes: list[str] = field(default_factory=list)
    #: readings of the row before the identities and the convention chose among them
    initial: int = 1
    #: columns whose value those readings did not agree on: placed by the identities or the convention
    inferred: frozenset[int] = frozenset()


Reading = tuple  # tuple[Placed | None, ...] of length ncols


def _split_run(run: str, parts: int) -> list[list[str]]:
    """All ways to cut a digit run into ``parts`` numbers without leading zeros."""
    out: list[list[str]] = []
    n = len(run)

    def valid(piece: str) -> bool:
        if not piece or piece in "+-":
            return False
        body = piece.lstrip("+-")
        if not body or body.startswith(".") or body.endswith(".") or body.count(".") > 1:
            return False
        if body[0] == "0" and len(body) > 1 and body[1] != ".":
            return False
        if any(ch in "+-" for ch in body):
            return False
        return True

    def rec(start: int, left: int, acc: list[str]) -> None:
        if len(out) > MAX_READINGS:
            return
        if left == 1:
            piece = run[start:]
            if valid(piece):
                out.append(acc + [piece])
            return
        for end in range(start + 1, n - left + 2):
            piece = run[start:end]
            if valid(piece):
                rec(end, left - 1, acc + [piece])
            elif piece.lstrip("+-")[:1] == "0" and len(piece.lstrip("+-")) > 1:
                break  # a leading zero only gets worse
    if parts >= 1:
        rec(0, parts, [])
    return out


def _signed_tokens(text: str) -> list[str]:
    # A sign always starts a new number: '88-720' is '88' then '-720…'.
    return [t for t in re.split(r"(?=[+-])", text.replace(",", "")) if t]


def _readings_glued(cells: list[Cell], ncols: int, money: bool) -> list[Reading]:
    tokens: list[tuple[str, int]] = []
    for cell in cells:
        for tok in _signed_tokens(cell.text) if cell.glued else [cell.text]:
            tokens.append((tok, cell.line))
    if len(tokens) > ncols:
        return []
    capacity = [max(1, len(t.lstrip("+-").replace(".", ""))) for t, _ in tokens]
    readings: list[Reading] = []
    for counts in _compositions(ncols, len(tokens), capacity):
        per_token = [_split_run(tok, k) for (tok, _), k in zip(tokens, counts)]
        total = math.prod(len(p) for p in per_token)
        if total == 0:
            continue
        if total + len(readings) > MAX_READINGS:
            return []
        for combo in itertools.product(*per_token):
            row: list[Placed | None] = []
            for (tok, line), pieces in zip(tokens, combo):
                for piece in pieces:
                    num = parse_number(piece, to_wan=money)
                    row.append(Placed(num.value, piece, line, num.unit))
            readings.append(tuple(row))
    return readings


def _compositions(total: int, n: int, capacity: list[int]):
    """Ways to give each of n tokens at least 1 and at most capacity[i] cells, summing to total."""
    if n == 0:
        if total == 0:
            yield ()
        return
    for k in range(1, min(capacity[0], total - (n - 1)) + 1):
        for rest in _compositions(total - k, n - 1, capacity[1:]):
            yield (k,) + rest


def _readings_ragged(cells: list[Cell], ncols: int, money: bool) -> list[Reading]:
    placed = []
    for cell in cells:
        num = parse_number(cell.text, to_wan=money)
        placed.append(Placed(num.value, cell.text, cell.line, num.unit))
    readings = []
    for positions in itertools.combinations(range(ncols), len(cells)):
        row: list[Placed | None] = [None] * ncols
        for pos, p in zip(positions, placed):
            row[pos] = p
        readings.append(tuple(row))
    return readings


def _interval(value: Placed | None, signed: bool) -> tuple[float, float]:
    if value is None or value.value is None:
        return (-math.inf, math.inf) if signed else (0.0, math.inf)
    return (value.value, value.value)


def place(rows: list[RowInput], constraints: list[Constraint], *, money_cols: frozenset[int] = frozenset(),
          signed_cols: frozenset[int] = frozenset()) -> dict[str, Placement]:
    """Place the values of every row, using the constraints to rule readings out.

    Parameters
    ----------
    rows : list of RowInput
        Each row's value cells in order (labels removed, trailing filler removed).
    constraints : list of Constraint
        Identities between cells, by row key and column index.
    money_cols, signed_cols : frozenset of int
        Column indexes holding money (converted to 万元) and signed numbers.

    Returns
    -------
    dict
        Row key → :class:`Placement`.
    """
    if all(len(r.cells) == r.ncols and not any(c.glued for c in r.cells) for r in rows):
        # Fast path: every row complete, nothing to decide.
        out = {}
        for row in rows:
            cells: list[Placed | None] = []
            for i, cell in enumerate(row.cells):
                num = parse_number(cell.text, to_wan=i in money_cols)
                cells.append(Placed(num.value, cell.text, cell.line, num.unit))
            out[row.key] = Placement(cells, "complete", True, 1)
        return out
    options: dict[str, list[Reading]] = {}
    modes: dict[str, str] = {}
    for row in rows:
        money = any(i in money_cols for i in range(row.ncols)) and row.ncols == 1
        glued = any(c.glued for c in row.cells)
        if glued:
            modes[row.key] = "glued"
            options[row.key] = _readings_glued(row.cells, row.ncols, money)
        elif len(row.cells) == row.ncols:
            modes[row.key] = "complete"
            options[row.key] = _readings_ragged(row.cells, row.ncols, False)
        elif len(row.cells) < row.ncols:
            modes[row.key] = "ragged"
            options[row.key] = _readings_ragged(row.cells, row.ncols, False)
        else:
            modes[row.key] = "extra"
            options[row.key] = []
        # A minus sign belongs to a signed column (本年增/减) only.
        signed_ok = [r for r in options[row.key] if all(
            c is None or c.value is None or c.value >= 0 or i in signed_cols for i, c in enumerate(r))]
        if signed_ok or modes[row.key] == "glued":
            options[row.key] = signed_ok
        # money conversion for multi-column rows, per column
        if money_cols and options[row.key]:
            options[row.key] = [_convert_money(r, money_cols) for r in options[row.key]]

    # What the digits and the cells alone leave open: a cell the readings disagree on can only be placed by the
    # identities (or the convention), and a check of those identities cannot then confirm it.
    initial = {key: (len(opts), _disagreeing(opts)) for key, opts in options.items()}

    by_row: dict[str, list[Constraint]] = {}
    for con in constraints:
        for key in {k for k, _ in con.lhs + con.rhs}:
            by_row.setdefault(key, []).append(con)

    dom_cache: dict[str, list[tuple[float, float]]] = {}

    def domain(key: str, col: int) -> tuple[float, float]:
        # Interval of a cell's possible values over the row's remaining readings (cached).
        if key not in dom_cache:
            opts = options.get(key)
            width = len(opts[0]) if opts else 0
            cols = []
            for c in range(width):
                signed = c in signed_cols
                lo, hi = math.inf, -math.inf
                for reading in opts:
                    a, b = _interval(reading[c], signed)
                    if a < lo:
                        lo = a
                    if b > hi:
                        hi = b
                cols.append((lo, hi))
            dom_cache[key] = cols
        cols = dom_cache[key]
        if col >= len(cols):
            return (-math.inf, math.inf) if col in signed_cols else (0.0, math.inf)
        return cols[col]

    # prepare() depends only on the other rows' domains, which change only when some row loses readings:
    # cache it per row, valid while no row's readings changed (most passes change nothing).
    prepared_cache: dict[str, tuple[int, list]] = {}
    version = [0]

    def restrict(key: str, kept: list[Reading]) -> None:
        options[key] = kept
        dom_cache.pop(key, None)
        version[0] += 1

    def prepare(key: str) -> list:
        hit = prepared_cache.get(key)
        if hit is not None and hit[0] == version[0]:
            return hit[1]
        prepared = _prepare(key)
        prepared_cache[key] = (version[0], prepared)
        return prepared

    def _prepare(key: str) -> list:
        # For each constraint on this row: the sums of the other rows' intervals, and this row's cells.
        prepared = []
        for con in by_row.get(key, []):
            sides = []
            for side in (con.lhs, con.rhs):
                lo = hi = 0.0
                own = []
                for k, c in side:
                    if k == key:
                        own.append(c)
                    else:
                        a, b = domain(k, c)
                        lo, hi = lo + a, hi + b
                sides.append((lo, hi, own))
            prepared.append(sides)
        return prepared

    def feasible_with(prepared: list, reading: Reading) -> bool:
        for (l_lo, l_hi, l_own), (r_lo, r_hi, r_own) in prepared:
            for c in l_own:
                a, b = _interval(reading[c], c in signed_cols)
                l_lo, l_hi = l_lo + a, l_hi + b
            for c in r_own:
                a, b = _interval(reading[c], c in signed_cols)
                r_lo, r_hi = r_lo + a, r_hi + b
            if l_lo > r_hi + 1e-6 or r_lo > l_hi + 1e-6:
                return False
        return True

    def feasible(key: str, reading: Reading) -> bool:
        return feasible_with(prepare(key), reading)

    consistent = {row.key: True for row in rows}

    def propagate(keys: list[str]) -> None:
        for _ in range(6):
            changed = False
            for key in keys:
                opts = options[key]
                if len(opts) <= 1:
                    continue
                prepared = prepare(key)
                keep = [r for r in opts if feasible_with(prepared, r)]
                if not keep:
                    consistent[key] = False
                    continue
                if len(keep) < len(opts):
                    restrict(key, keep)
                    changed = True
            if not changed:
                return

    uncertain = [row.key for row in rows if modes[row.key] in ("ragged", "glued")]
    # Cheap first pass: each row against constraints on itself only.
    propagate(uncertain)
    for row in rows:
        # The convention explains a short row by blank cells that vanished; where the row keeps its blank
        # cells (a tab layout's '\t' lines), a missing cell is no vanished blank, and any column may lack it.
        keeps_blanks = any(not c.text and not c.glued for c in row.cells)
        if modes[row.key] == "ragged" and row.anchored and len(row.cells) >= 2 and not keeps_blanks:
            opts = options[row.key]
            first, last = row.cells[0], row.cells[-1]
            anchored = [r for r in opts if r[0] is not None and r[0].raw == first.text and r[0].line == first.line
                        and r[-1] is not None and r[-1].raw == last.text and r[-1].line == last.line]
            # Only when that reading is consistent does the convention apply.
            anchored = [r for r in anchored if feasible(row.key, r)]
            if anchored:
                restrict(row.key, anchored)
    propagate(uncertain)

    out: dict[str, Placement] = {}
    for row in rows:
        opts = options[row.key]
        cells: list[Placed | None] = []
        certain = bool(opts)
        for col in range(row.ncols):
            values = {r[col] for r in opts}
            if len(values) == 1:
                cells.append(next(iter(values)))
            else:
                cells.append(None)
                certain = False
        n_initial, disagreeing = initial[row.key]
        out[row.key] = Placement(cells, modes[row.key], certain, len(opts), consistent[row.key],
                                 initial=n_initial, inferred=disagreeing)
    return out


def _disagreeing(readings: list[Reading]) -> frozenset[int]:
    """Columns whose value is not the same in every reading."""
    if len(readings) < 2:
        return frozenset()
    first = readings[0]
    return frozenset(c for c in range(len(first)) if any(r[c] != first[c] for r in readings))


def _convert_money(reading: Reading, money_cols: frozenset[int]) -> Reading:
    row = list(reading)
    for col in money_cols:
        if col < len(row) and row[col] is not None:
            num = parse_number(row[col].raw, to_wan=True)
            row[col] = Placed(num.value, row[col].raw, row[col].line, num.unit)
    return tuple(row)
