"""Placing the values of incomplete rows into their columns, only where certain.

Two things break the one-cell-one-column correspondence in scraped reports:

* **ragged rows**: blank cells vanished, so a row of the requests table holds 4, 5 or 6 values for its 7 columns;
* **glued digits**: page text lost the cell boundaries, so ``801000081`` holds the 7 cells of a row.

For each such row every reading is enumerated (where the vanished cells were; how a digit run splits, without
leading zeros).  Readings that contradict the format's identities (:mod:`toolkit.checks` states them in
``identities.yaml``) are dropped, using interval arithmetic over the other rows' possible values — a blank is an
unknown count, never 0.  For ragged rows the convention of real reports is preferred when it survives: the first
value is the first applicant column and the last one is the total.  A short row that keeps its blank cells lost a
cell that may be any of its columns: only its own identities (its total) place its cells, not the other rows', which
the report may itself break.  A cell receives a value only when every surviving reading gives it the same value;
otherwise it stays missing and the row is flagged.  A value is never moved into a column it may not belong to.  A
cell on which the readings disagreed before the identities were applied is reported in ``Placement.inferred``: its
value was chosen with the identities' help, so those identities cannot then confirm it.
"""
from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from toolkit.layout import _CELL_TEXT as _TEXT, Cell  # one Cell-text getter, owned by layout
from toolkit.normalize import NA_MARKS, alternation, cell_units, parse_cell, parse_number

__all__ = ["Placed", "RowInput", "Constraint", "place"]

#: Readings enumerated at most per row before the row is given up as ambiguous.
MAX_READINGS = 200_000


class Placed(NamedTuple):
    """A value placed in a column: the number, its raw text and its line."""

    value: float | None
    raw: str
    line: int
    unit: str | None = None


# a Cell's line and glued mark, taken in C (its text: layout's _CELL_TEXT, imported as _TEXT)
_LINE, _GLUED = operator.itemgetter(1), operator.itemgetter(2)

# A Placed made without the named tuple's own __new__ (a Python function): a table's every cell is placed.
_new_placed = functools.partial(tuple.__new__, Placed)


@dataclass
class RowInput:
    """The value cells of one row, to be placed into ``ncols`` columns."""

    key: str
    cells: list[Cell]
    ncols: int
    anchored: bool = False  # prefer first → column 0 and last → last column
    sparse: bool = False  # a glued run may hold fewer numbers than columns, the others blank (a legacy table)
    confirmed: bool = False  # only a reading its own identities leave stands (a cell's glued run: no page text's)


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


# a number with thousands separators, as a piece of a run holding a comma must be ('2,752'; '12,0' is two cells)
_GROUPS = r"[1-9]\d{0,2}(?:,\d{3})+"
_GROUPED = re.compile(rf"[+-]?{_GROUPS}(?:\.\d+)?")


def _split_run(run: str, parts: int) -> list[list[str]]:
    """All ways to cut a digit run into ``parts`` numbers without leading zeros.

    A comma in the run is a thousands separator inside a piece whose groups it fits ('1,577'), or else the
    boundary of two cells ('12,0': 12 | 0), dropped from both; each piece keeps its text as written.
    """
    out: list[list[str]] = []
    n = len(run)

    def valid(piece: str) -> bool:
        if not piece or piece in "+-":
            return False
        if "," in piece:
            return _GROUPED.fullmatch(piece) is not None
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
                rec(end + 1 if run[end] == "," else end, left - 1, acc + [piece])
            elif piece.lstrip("+-")[:1] == "0" and len(piece.lstrip("+-")) > 1:
                break  # a leading zero only gets worse
    if parts >= 1:
        rec(0, parts, [])
    return out


def _signed_tokens(text: str) -> list[str]:
    # A sign always starts a new number: '88-720' is '88' then '-720…' (a comma before it parts them too).
    # Commas stay: _split_run reads them.
    return [t for t in (t.strip(",") for t in re.split(r"(?=[+-])", text)) if t]


@functools.lru_cache(maxsize=1)
def _money_unit_end() -> re.Pattern[str]:
    """A unit of money ending a run after its last digit ('4521.53万元'; formats.yaml ``cell_units.money``)."""
    return re.compile(rf"(?<=\d)(?:{alternation(cell_units()['money'])})$")


def _unit_off(run: str) -> tuple[str, str]:
    """A glued run without the unit of money after its last digit, and that unit ('4521.53万元': '4521.53' and '万元';
    '' where none): the unit is its last number's, an amount's, and no piece of a cut."""
    unit = None if run[-1:].isdigit() else _money_unit_end().search(run)
    return (run[:unit.start()], unit[0]) if unit else (run, "")


def _readings_glued(cells: list[Cell], ncols: int, money: bool) -> list[Reading]:
    tokens: list[tuple[str, int]] = []
    units: dict[int, str] = {}  # token -> the unit of money after its digits (`_unit_off`)
    marks: set[int] = set()  # tokens that are a lone "-" not glued: a mark, kept as written
    for cell in cells:
        for tok in _signed_tokens(cell.text) if cell.glued else [cell.text]:
            if cell.glued:
                tok, unit = _unit_off(tok)
                if unit:
                    units[len(tokens)] = unit
            elif tok in NA_MARKS and not tok.strip("-"):
                # hyphens set apart, a blank's mark ('4 - - 04 0', '行政强制135--'): one cell, no run to cut (a sign
                # alone is no number: cut as a run, the row had no reading)
                marks.add(len(tokens))
            tokens.append((tok, cell.line))
    if len(tokens) > ncols:
        return []
    capacity = [max(1, len(t.lstrip("+-").replace(".", "").replace(",", ""))) for t, _ in tokens]
    readings: list[Reading] = []
    known: dict[tuple[str, int], Placed] = {}  # (a piece recurs in many readings: read once)

    def placed(piece: str, line: int) -> Placed:
        p = known.get((piece, line))
        if p is None:
            num = parse_number(piece, to_wan=money, expect=_expect(money))
            p = known[(piece, line)] = Placed(num.value, piece, line, num.unit)
        return p

    for counts in _compositions(ncols, len(tokens), capacity):
        per_token = [[[tok]] if t in marks else _split_run(tok, k)
                     for t, ((tok, _), k) in enumerate(zip(tokens, counts))]
        for t, unit in units.items():
            per_token[t] = [[*pieces[:-1], pieces[-1] + unit] for pieces in per_token[t]]
        total = math.prod(len(p) for p in per_token)
        if total == 0:
            continue
        if total + len(readings) > MAX_READINGS:
            return []
        # each token's cuts as placed cells, then every choice of one cut a token, their cells in order
        cuts = [[tuple(placed(piece, line) for piece in pieces) for pieces in splits]
                for (_, line), splits in zip(tokens, per_token)]
        readings.extend(tuple(itertools.chain.from_iterable(combo)) for combo in itertools.product(*cuts))
    return readings


def _readings_dash_led(cells: list[Cell], ncols: int, money: bool) -> list[Reading]:
    """The readings of a glued row (`_readings_glued`), and where its first run opens with two hyphens or more
    before digits ('行政强制--36' in page text that lost its cells), those of each thing the hyphens may be: the
    dash between the label and its value (no cell), each hyphen a blank's mark, the marks then the first number's
    sign (- | -3 | 6), or one mark ('--').  Read as signs only, the row had no reading ('0 readings'), its value
    lost; where more than one of these leaves a reading, the row stays ambiguous, as it was.  A dash set apart
    before the first run ('——54') is the dash after the label where the row has no room for it as a cell, and so
    is one after the last run ('1330--') the dash before the next row's label."""
    readings = _readings_glued(cells, ncols, money)
    if not readings and len(cells) > 1 and not cells[0].glued and cells[1].glued and _DASH.fullmatch(cells[0].text):
        # a dash set between the label and its value ('行政强制——54'), no cell where the row has no room for its mark:
        # the value was lost ('0 readings')
        return _readings_glued(cells[1:], ncols, money)
    if not readings and len(cells) > 1 and not cells[-1].glued and cells[-2].glued and _DASH.fullmatch(cells[-1].text):
        # a dash after the row's last value ('行政处罚1330--行政强制54'), no cell where the row has no room for its
        # mark: the value was lost ('0 readings')
        return _readings_glued(cells[:-1], ncols, money)
    first = cells[0] if cells else None
    if first is None or not first.glued or (m := _HYPHENS_BEFORE_DIGITS.match(first.text)) is None:
        return readings
    hyphens, rest = m.group(), [first._replace(text=first.text[m.end():]), *cells[1:]]
    marks = [Cell("-", first.line)] * len(hyphens)
    ways = [rest, [*marks, *rest], [*marks[1:], first._replace(text=first.text[m.end() - 1:]), *cells[1:]]]
    if hyphens in NA_MARKS:
        ways.append([Cell(hyphens, first.line), *rest])
    for way in ways:
        readings += _readings_glued(way, ncols, money)
    return list(dict.fromkeys(readings))


# two hyphens or more before digits: no number takes two signs
_HYPHENS_BEFORE_DIGITS = re.compile(r"-{2,}(?=\d)")
# a dash, a cell's mark that may stand between a label and its value instead
_DASH = re.compile(r"—+|―+|-+")


def _readings_sparse(cells: list[Cell], ncols: int) -> list[Reading]:
    """The readings of one glued run whose row may leave cells blank: every cut into 1 … ``ncols`` numbers, in
    every choice of their columns, in order ('12' under two columns: 1 | 2, 12 | blank, blank | 12); a unit of money
    after the run stays on its last number ('021.53万元': 0 | 21.53万元)."""
    tokens = [tok for cell in cells for tok in _signed_tokens(cell.text)]
    if len(tokens) != 1:
        return []
    run, unit = _unit_off(tokens[0])
    readings: list[Reading] = []
    for k in range(1, ncols + 1):
        for pieces in _split_run(run, k):
            pieces[-1] += unit
            placed = [Placed(num.value, piece, cells[0].line, num.unit)
                      for piece in pieces for num in [parse_number(piece, expect="count")]]
            for cols in itertools.combinations(range(ncols), k):
                row: list[Placed | None] = [None] * ncols
                for col, cell in zip(cols, placed):
                    row[col] = cell
                readings.append(tuple(row))
            if len(readings) > MAX_READINGS:
                return []
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
        num = parse_cell(cell.text, to_wan=money, expect=_expect(money))
        placed.append(Placed(num.value, cell.text, cell.line, num.unit))
    blank_after = (*placed, None)  # (a blank cell: the index past the row's cells)
    return [take(blank_after) for take in _ragged_takers(ncols, len(cells))]


@functools.lru_cache(maxsize=256)
def _ragged_takers(ncols: int, n: int) -> list[Callable[[tuple], Reading]]:
    """For every choice of the columns of a row's ``n`` cells, in order, a getter of its reading from the cells
    followed by None: per column the index of its cell, or ``n`` (a blank).  Made once per shape, the readings
    of a ragged row are then taken in C (a table has dozens of ragged rows of a few shapes)."""
    takers = []
    for positions in itertools.combinations(range(ncols), n):
        index = [n] * ncols
        for j, pos in enumerate(positions):
            index[pos] = j
        takers.append(_taker(tuple(index)))
    return takers


def _taker(index: tuple[int, ...]) -> Callable[[tuple], Reading]:
    """A getter of the tuple of the items at ``index`` (itemgetter's, but for one index or none a tuple too)."""
    if len(index) > 1:
        return operator.itemgetter(*index)
    return lambda items: tuple(items[i] for i in index)


# a number as written in one cell: no sign, no leading zero (but 0 and 0.5)
_AS_WRITTEN = re.compile(rf"(?:0|[1-9]\d*|{_GROUPS})(?:\.\d+)?")


def _readings_apart(row: RowInput, money: bool) -> list[Reading]:
    """The readings of a glued row's runs set apart (by spaces: '88 11 0 0 0 99') that are fewer than its columns
    with each run one cell, blank cells vanished between or around them (as a short row set with spaces is
    read): a run of two cells or more ('88' as 8 | 8, the glued readings) is no likelier than a blank cell that
    left no trace.  None for one run (a run of page text, whose blanks leave no digit to place), a run of signed
    numbers, or one that is no number as written ('00': two cells run together, as page text puts 其他 | 总计)."""
    if not 1 < len(row.cells) < row.ncols or not all(_AS_WRITTEN.fullmatch(c.text) for c in row.cells):
        return []
    return _readings_ragged(row.cells, row.ncols, money)


def _free(col: int, signed_cols: frozenset[int]) -> tuple[float, float]:
    """The interval of a cell with no value: any count, or any number in a signed column."""
    return (-math.inf, math.inf) if col in signed_cols else (0.0, math.inf)


def _values_of(readings: list[Reading]) -> dict[Placed, float]:
    """The value of every cell the readings hold that has one (a few cells, however many readings)."""
    return {p: p.value for p in set(itertools.chain.from_iterable(readings)) if p is not None and p.value is not None}


def _domains(readings: list[Reading], free_lows: tuple[float, ...]) -> list[tuple[float, float]]:
    """Per column, the interval of the values the readings give it (a missing value: any; ``free_lows`` the low
    ends of the columns' intervals of any value)."""
    domains = []
    for column, low in zip(zip(*readings), free_lows):
        # (a column's few distinct cells, in their order, found in C: each cell of the readings hashed once, not
        # once more per end of its interval; a row of dozens of readings holds a few cells a column)
        cells = dict.fromkeys(column)
        domains.append((min([low if p is None or p.value is None else p.value for p in cells]),
                        max([math.inf if p is None or p.value is None else p.value for p in cells])))
    return domains


#: No other row's check adds the cell.
_NO_DEPENDENTS: tuple[tuple[tuple[str, int], ...], frozenset[str]] = ((), frozenset())
_LOW, _HIGH = operator.itemgetter(0), operator.itemgetter(1)

#: What a row's check of one constraint needs: the sums of the other rows' intervals on each side, and the
#: row's own columns on each side (l_lo, l_hi, l_own, r_lo, r_hi, r_own).
Prepared = tuple[float, float, tuple[int, ...], float, float, tuple[int, ...]]
#: A reading with the low and the high ends of its cells' intervals, per column (:meth:`_Search._bounded`).
Bounded = tuple[Reading, tuple[float, ...], tuple[float, ...]]


class _Structure(NamedTuple):
    """What a table's constraints name, whatever its values (:func:`_structure`)."""

    #: row -> the indexes of the constraints on it
    by_row: dict[str, list[int]]
    #: cell (row, column) -> the indexes of the constraints that add it
    users: dict[tuple[str, int], list[int]]
    #: constraint index -> the rows it names
    rows_of: list[tuple[str, ...]]
    #: (row, constraint index) -> per side, the other rows' cells on it, in order, and the row's own columns
    sides_of: dict[tuple[str, int], tuple[tuple[tuple[str, int], ...], tuple[int, ...],
                                          tuple[tuple[str, int], ...], tuple[int, ...]]]
    #: row -> its constraints' indexes, each with the column of its one cell on it and whether it stands on the
    #: left (-1 and False where it has several)
    shapes_of: dict[str, tuple[tuple[int, int, bool], ...]]
    #: cell (row, column) -> the (other row, constraint index) whose sums add it, and those other rows
    dependents: dict[tuple[str, int], tuple[tuple[tuple[str, int], ...], frozenset[str]]]


@functools.lru_cache(maxsize=64)
def _structure(constraints: tuple[Constraint, ...]) -> _Structure:
    """Which rows and cells each constraint names, built once per set of constraints (a table's shape: its rows
    and columns), not once per table; read only by :class:`_Search`."""
    by_row: dict[str, list[int]] = {}
    users: dict[tuple[str, int], list[int]] = {}
    rows_of: list[tuple[str, ...]] = []
    sides_of = {}
    shapes_of: dict[str, tuple[tuple[int, int, bool], ...]] = {}
    for i, con in enumerate(constraints):
        rows_of.append(tuple(dict.fromkeys(k for k, _ in con.lhs + con.rhs)))
        for key in rows_of[i]:
            by_row.setdefault(key, []).append(i)
            l_own, r_own = tuple(c for k, c in con.lhs if k == key), tuple(c for k, c in con.rhs if k == key)
            sides_of[key, i] = (tuple(cell for cell in con.lhs if cell[0] != key), l_own,
                                tuple(cell for cell in con.rhs if cell[0] != key), r_own)
            shape = (i, (l_own or r_own)[0], bool(l_own)) if len(l_own) + len(r_own) == 1 else (i, -1, False)
            shapes_of[key] = (*shapes_of.get(key, ()), shape)
        for cell in dict.fromkeys(con.lhs + con.rhs):
            users.setdefault(cell, []).append(i)
    # (what a change of a cell's interval makes stale, found here once rather than by every restriction)
    dependents = {}
    for cell, indexes in users.items():
        pairs = tuple((other, i) for i in indexes for other in rows_of[i] if other != cell[0])
        dependents[cell] = (pairs, frozenset(other for other, _ in pairs))
    return _Structure(by_row, users, rows_of, sides_of, shapes_of, dependents)


class _Search:
    """The rows' readings while the constraints rule them out, and what the checks need of them, cached.

    A row's readings are checked against intervals: per constraint, the sums of the other rows' domains (per
    column, the interval of their remaining readings' values).  A sum is kept until a domain it adds changes
    (a row lost a reading that held an extreme in that column), and a row whose readings all passed the checks
    as they stand is not checked again until then (most passes change nothing).
    """

    def __init__(self, options: dict[str, list[Reading]], constraints: list[Constraint],
                 signed_cols: frozenset[int]) -> None:
        self.options = options
        self.signed_cols = signed_cols
        self.constraints = constraints
        self.consistent = {key: True for key in options}
        # (what the constraints name, a table's shape: the same for every table of its rows and columns)
        self.by_row, self.users, self.rows_of, self.sides_of, self.shapes_of, self.dependents = (
             _structure(tuple(constraints)))
        self.domains: dict[str, list[tuple[float, float]]] = {}
        #: cell (row, column) -> its interval in the row's domain, for the domains computed (what the sums add:
        #: a flat map, so that a constraint's cells are looked up in one pass in C)
        self.intervals: dict[tuple[str, int], tuple[float, float]] = {}
        #: (row, constraint index) -> its check as :meth:`_checks` groups them (missing: to be summed again)
        self.sums: dict[tuple[str, int], tuple] = {}
        #: row -> its checks, grouped for :meth:`feasible` (missing: some sum changed)
        self.checks: dict[str, tuple[dict[int, list], list[Prepared]]] = {}
        #: a column and its checks on one cell -> a value of the cell -> whether it passes them all
        self.verdicts: dict[tuple, dict[Placed | None, bool]] = {}
        #: a check on several cells of a row -> the id of a reading of the row -> whether it passes (by id: a
        #: reading's hash is its every cell's, asked twice per reading and check; ``asked`` keeps them alive, so
        #: that no id is another reading's)
        self.holding: dict[Prepared, dict[int, bool]] = {}
        self.asked: list[Reading] = []
        #: number of columns -> the ends of the intervals of cells with no value, per column (low, high)
        self.free_ends: dict[int, tuple[tuple[float, ...], tuple[float, ...]]] = {}
        #: rows whose readings, checked again, would stay as they are
        self.settled: set[str] = set()

    def domain(self, key: str) -> list[tuple[float, float]]:
        """The row's domain: per column, the interval of its remaining readings' values (computed once)."""
        cols = self.domains.get(key)
        if cols is None:
            readings = self.options.get(key) or []
            cols = self.domains[key] = _domains(readings, self._free_ends(len(readings[0]))[0] if readings else ())
            for c, interval in enumerate(cols):
                self.intervals[key, c] = interval
        return cols

    def restrict(self, key: str, kept: list[Reading]) -> None:
        """Keep these readings of the row (all passed :meth:`feasible` just before)."""
        self.options[key] = kept
        self.settled.add(key)
        if key not in self.domains:
            return  # no sum used its domain yet
        old = self.domains.pop(key)
        new = self.domain(key)
        for c in range(len(new), len(old)):  # (columns the row no longer has: any value)
            del self.intervals[key, c]
        changed = [c for c in range(max(len(old), len(new)))
                   if c >= len(old) or c >= len(new) or old[c] != new[c]]
        for c in changed:
            pairs, others = self.dependents.get((key, c), _NO_DEPENDENTS)
            # (the other rows' sums that add the cell, their checks and their being settled dropped, in C)
            list(map(self.sums.pop, pairs, itertools.repeat(None)))
            list(map(self.checks.pop, others, itertools.repeat(None)))
            self.settled -= others

    def _sums(self, key: str, i: int) -> Prepared:
        """The sums of the other rows' intervals on each side of constraint ``i``, and the row's own columns."""
        l_cells, l_own, r_cells, r_own = self.sides_of[key, i]
        # (each side's other cells' intervals looked up in C and added in their order; the left side's first)
        left = self._intervals_of(l_cells)
        right = self._intervals_of(r_cells)
        return (functools.reduce(operator.add, map(_LOW, left), 0.0),
                functools.reduce(operator.add, map(_HIGH, left), 0.0), l_own,
                functools.reduce(operator.add, map(_LOW, right), 0.0),
                functools.reduce(operator.add, map(_HIGH, right), 0.0), r_own)

    def _intervals_of(self, cells: tuple[tuple[str, int], ...]) -> list[tuple[float, float]]:
        """The intervals of cells of other rows, in order (looked up in C where their rows' domains are known)."""
        intervals: list = list(map(self.intervals.get, cells))
        if None in intervals:  # a row whose domain is not computed yet, or with no reading (or none named so)
            intervals = [interval or self._interval(cell) for interval, cell in zip(intervals, cells)]
        return intervals

    def _interval(self, cell: tuple[str, int]) -> tuple[float, float]:
        """The interval of a cell of another row: its row's domain's (computed now), or any value."""
        key, c = cell
        self.domain(key)
        return self.intervals.get(cell) or _free(c, self.signed_cols)

    def _checks(self, key: str) -> tuple[dict[int, list], list[Prepared]]:
        """The row's checks: those on one cell of it by column, (on the left?, the four sums); the others whole."""
        hit = self.checks.get(key)
        if hit is not None:
            return hit
        sums = self.sums
        single: dict[int, list[tuple[bool, float, float, float, float]]] = {}
        several: list[Prepared] = []
        for i, col, on_left in self.shapes_of.get(key, ()):
            check = sums.get((key, i))
            if check is None:  # (summed again: kept as grouped here, until a sum it adds changes)
                check = con = self._sums(key, i)
                if col >= 0:
                    l_lo, l_hi, _, r_lo, r_hi, _ = con
                    # no value of the cell breaks it where both sides are unbounded above (the other rows' cells
                    # with no value): neither can exceed the other; not asked of every value (four checks in ten)
                    check = () if l_hi == math.inf and r_hi == math.inf else (on_left, l_lo, l_hi, r_lo, r_hi)
                sums[key, i] = check
            if col < 0:
                several.append(check)
            elif check:
                single.setdefault(col, []).append(check)
        self.checks[key] = single, several
        return single, several

    def feasible(self, key: str, readings: list[Reading]) -> list[Reading]:
        """The readings of the row no constraint rules out, in their order."""
        single, several = self._checks(key)
        for c, checks in single.items():
            # a check on one cell is decided once per value the cell takes (a few, however many readings); the
            # readings' cells in the column are taken, and those whose cell passed kept, in C
            column = list(map(operator.itemgetter(c), readings))
            values = set(column)
            # (a value's verdict is kept for the same checks: a row's checks are summed again whenever a row it
            # shares a constraint with is restricted, and two times in three those of a column come out the same)
            verdicts = self.verdicts.setdefault((c, *checks), {})
            for p in values.difference(verdicts):
                verdicts[p] = self._holds_single(c, p, checks)
            if not all(map(verdicts.__getitem__, values)):
                readings = list(itertools.compress(readings, map(verdicts.__getitem__, column)))
        for con in several:
            if not readings:
                break
            # (a reading's verdict under a check on several cells is kept too: most are the row's own total, which
            # no other row changes, asked again at every pass)
            verdicts = self.holding.setdefault(con, {})
            ids = list(map(id, readings))
            if not all(map(verdicts.__contains__, ids)):
                unknown = list(itertools.compress(readings, map(operator.not_, map(verdicts.__contains__, ids))))
                self.asked += unknown
                verdicts.update(zip(map(id, unknown), _passes(con, self._bounded(unknown))))
            readings = list(itertools.compress(readings, map(verdicts.__getitem__, ids)))
        return readings

    def _holds_single(self, col: int, p: Placed | None, checks: list) -> bool:
        """Every check on this one cell of the row holds with the value ``p`` in it."""
        a, b = _free(col, self.signed_cols) if p is None or p.value is None else (p.value, p.value)
        for on_left, l_lo, l_hi, r_lo, r_hi in checks:
            if on_left:
                l_lo, l_hi = l_lo + a, l_hi + b
            else:
                r_lo, r_hi = r_lo + a, r_hi + b
            if l_lo > r_hi + 1e-6 or r_lo > l_hi + 1e-6:
                return False
        return True

    def _bounded(self, readings: list[Reading]) -> list[Bounded]:
        """Each reading with the low and the high ends of its cells' intervals, per column (a cell with no value:
        any), built in C: the checks on several cells of a row add them up for every reading."""
        value_of = _values_of(readings)
        free_lows, free_highs = self._free_ends(len(readings[0]))
        return [(r, tuple(map(value_of.get, r, free_lows)), tuple(map(value_of.get, r, free_highs)))
                for r in readings]

    def _free_ends(self, ncols: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Per column of a row of ``ncols``, the low and the high ends of the interval of a cell with no value."""
        free = self.free_ends.get(ncols)
        if free is None:
            free = self.free_ends[ncols] = (tuple(_free(c, self.signed_cols)[0] for c in range(ncols)),
                                            (math.inf,) * ncols)
        return free

    def holds_alone(self, key: str, readings: list[Reading]) -> list[Reading]:
        """The readings of the row that hold the constraints on it alone (its total the sum of its cells): those
        the other rows cannot confirm, where the report's own identities fail."""
        own = [self._sums(key, i) for i in self.by_row.get(key, ()) if self.rows_of[i] == (key,)]
        if not own or not readings:
            return list(readings)
        bounded = self._bounded(readings)
        for con in own:
            bounded = _holding(con, bounded)
        return [b[0] for b in bounded]

    def propagate(self, keys: list[str]) -> None:
        """Drop the readings the constraints rule out, row after row, until a pass changes nothing (six at most)."""
        for _ in range(6):
            changed = False
            for key in keys:
                opts = self.options[key]
                if len(opts) <= 1 or key in self.settled:
                    continue
                keep = self.feasible(key, opts)
                if not keep:
                    self.consistent[key] = False
                    self.settled.add(key)  # (checked again, it would fail again)
                elif len(keep) < len(opts):
                    self.restrict(key, keep)
                    changed = True
                else:
                    self.settled.add(key)
            if not changed:
                return


_LOWS, _HIGHS = operator.itemgetter(1), operator.itemgetter(2)


def _holding(con: Prepared, bounded: list[Bounded]) -> list[Bounded]:
    """The readings for which the check on several cells of a row holds with their values in them (the ends of
    their intervals, per column, as :meth:`_Search._bounded` gives them), in their order."""
    if not bounded:
        return bounded
    return list(itertools.compress(bounded, _passes(con, bounded)))


def _passes(con: Prepared, bounded: list[Bounded]) -> Iterator[bool]:
    """Per reading (with the ends of its cells' intervals, per column), whether the check on several cells of a
    row holds with its values in them.

    Each side's sums are those of every reading at once, added column by column in the order of the
    constraint's cells (as one reading's would be) by ``map`` in C: a ragged row has dozens of readings, and a
    Python call for each reading and check cost most of the slow path.
    """
    l_lo, l_hi, l_own, r_lo, r_hi, r_own = con
    lows, highs = list(map(_LOWS, bounded)), list(map(_HIGHS, bounded))

    def total(start: float, ends: list[tuple[float, ...]], own: tuple[int, ...]) -> Iterator[float]:
        sums: Iterator[float] = itertools.repeat(start, len(ends))
        for c in own:
            sums = map(operator.add, sums, map(operator.itemgetter(c), ends))
        return sums

    slack = itertools.repeat(1e-6)
    fails = map(operator.or_,
                map(operator.gt, total(l_lo, lows, l_own), map(operator.add, total(r_hi, highs, r_own), slack)),
                map(operator.gt, total(r_lo, lows, r_own), map(operator.add, total(l_hi, highs, l_own), slack)))
    return map(operator.not_, fails)


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
    if _all_complete(rows):
        # Fast path: every row complete, nothing to decide.
        out: dict[str, Placement] = {}
        kinds = None
        for row in rows:
            texts = list(map(_TEXT, row.cells))
            joined = "".join(texts)
            if joined.isascii() and joined.isdigit():
                # most rows: every cell plain digits, or blank (NA, as parse_number reads it: a table's page keeps
                # its blank cells), placed as parse_number reads them (in C where no cell is blank)
                values = map(float, texts) if all(texts) else [float(text) if text else None for text in texts]
                lines = map(_LINE, row.cells)
                cells: list[Placed | None] = list(map(_new_placed, zip(values, texts, lines, itertools.repeat(None))))
                out[row.key] = Placement(cells, "complete", True, 1)
                continue
            if kinds is None:  # (each column's kind, found once for the table rather than for every cell)
                kinds = [(i in money_cols, _expect(i in money_cols)) for i in range(max(r.ncols for r in rows))]
            cells = []
            for cell, (money, expect) in zip(row.cells, kinds):
                text = cell.text
                if text.isascii() and text.isdigit():  # most cells: parse_number's own first answer, without its cache
                    cells.append(_new_placed((float(text), text, cell.line, None)))
                    continue
                num = parse_cell(text, to_wan=money, expect=expect)
                cells.append(Placed(num.value, text, cell.line, num.unit))
            out[row.key] = Placement(cells, "complete", True, 1)
        return out
    options: dict[str, list[Reading]] = {}
    modes: dict[str, str] = {}
    for row in rows:
        money = any(i in money_cols for i in range(row.ncols)) and row.ncols == 1
        glued = any(c.glued for c in row.cells)
        if glued:
            modes[row.key] = "glued"
            options[row.key] = (_readings_sparse(row.cells, row.ncols) if row.sparse
                                else _readings_dash_led(row.cells, row.ncols, money) + _readings_apart(row, money))
        elif len(row.cells) == row.ncols:
            modes[row.key] = "complete"
            options[row.key] = _readings_ragged(row.cells, row.ncols, False)
        elif len(row.cells) < row.ncols:
            modes[row.key] = "ragged"
            options[row.key] = _readings_ragged(row.cells, row.ncols, False)
        else:
            modes[row.key] = "extra"
            options[row.key] = []
        # A minus sign belongs to a signed column (本年增/减) only.  (Every reading of a row not glued holds all
        # its cells: where the first has no negative value, none has.)
        if glued or _negative(options[row.key][:1]):
            signed_ok = [r for r in options[row.key] if all(
                c is None or c.value is None or c.value >= 0 or i in signed_cols for i, c in enumerate(r))]
            if signed_ok or modes[row.key] == "glued":
                options[row.key] = signed_ok
        if glued and money_cols:
            # A decimal point belongs to a money column only (采购总金额, not 采购项目数量: '46.302' is 4 | 6.302).
            options[row.key] = [r for r in options[row.key] if all(
                c is None or i in money_cols or "." not in c.raw for i, c in enumerate(r))]
        # money conversion and the units of the cells for multi-column rows, per column (a row of plain digits
        # has no unit, and outside a money column nothing to convert: its readings stay as they are)
        if money_cols or not _plain_digits(row.cells):
            options[row.key] = [_convert_money(r, money_cols) for r in options[row.key]]

    # What the digits and the cells alone leave open: a cell the readings disagree on can only be placed by the
    # identities (or the convention), and a check of those identities cannot then confirm it.
    initial = {key: (len(opts), _disagreeing(opts)) for key, opts in options.items()}

    # A short row that keeps its blank cells (a tab layout's '\t' lines) lost a cell that may be any of its columns:
    # the other rows' identities cannot tell which where the report breaks them (seed 004's 总计 row read shifted
    # under 商业企业 past a broken column sum), so only the row's own identities place its cells (its readings kept).
    kept_blanks = {row.key: list(options[row.key]) for row in rows
                   if modes[row.key] == "ragged" and any(not c.text and not c.glued for c in row.cells)}
    search = _Search(options, constraints, signed_cols)
    uncertain = [row.key for row in rows if modes[row.key] in ("ragged", "glued")]
    # Cheap first pass: each row against constraints on itself only.
    search.propagate(uncertain)
    for row in rows:
        # The convention explains a short row by blank cells that vanished; where the row keeps its blank
        # cells (a tab layout's '\t' lines), a missing cell is no vanished blank, and any column may lack it.
        if modes[row.key] == "ragged" and row.anchored and len(row.cells) >= 2 and row.key not in kept_blanks:
            opts = options[row.key]
            first, last = row.cells[0], row.cells[-1]
            anchored = [r for r in opts if r[0] is not None and r[0].raw == first.text and r[0].line == first.line
                        and r[-1] is not None and r[-1].raw == last.text and r[-1].line == last.line]
            # Only when that reading is consistent does the convention apply.
            anchored = search.feasible(row.key, anchored)
            if anchored:
                search.restrict(row.key, anchored)
    search.propagate(uncertain)
    for row in rows:
        if row.confirmed:  # (even its one reading, which propagate leaves unchecked)
            options[row.key] = search.holds_alone(row.key, options[row.key])
    for key, readings in kept_blanks.items():
        if options[key]:  # (where no reading holds, the row stays inconsistent, as found)
            options[key] = search.holds_alone(key, readings)
    consistent = search.consistent

    out = {}
    for row in rows:
        opts = options[row.key]
        if len(opts) == 1:  # (one reading: every cell is its own)
            cells, certain = list(opts[0]), True
        elif opts:  # (a cell where every reading gives the same, found per column in C)
            disagreeing = _disagreeing(opts)
            cells = [None if col in disagreeing else cell for col, cell in enumerate(opts[0])]
            certain = not disagreeing
        else:
            cells, certain = [None] * row.ncols, False
        n_initial, disagreeing = initial[row.key]
        out[row.key] = Placement(cells, modes[row.key], certain, len(opts), consistent[row.key],
                                 initial=n_initial, inferred=disagreeing)
    return out


_CELLS, _NCOLS = operator.attrgetter("cells"), operator.attrgetter("ncols")


def _all_complete(rows: list[RowInput]) -> bool:
    """Every row holds as many cells as columns, none of them glued (each tested in C: most tables' rows)."""
    return (all(map(operator.eq, map(len, map(_CELLS, rows)), map(_NCOLS, rows)))
            and not any(map(_GLUED, itertools.chain.from_iterable(map(_CELLS, rows)))))


def _plain_digits(cells: list[Cell]) -> bool:
    """Every cell holds ASCII digits only (or nothing), and one at least does (joined and tested in C)."""
    text = "".join(map(_TEXT, cells))
    return text.isascii() and text.isdigit()


def _negative(readings: list[Reading]) -> bool:
    """Some reading holds a negative value."""
    return any(c is not None and c.value is not None and c.value < 0 for r in readings for c in r)


def _disagreeing(readings: list[Reading]) -> frozenset[int]:
    """Columns whose value is not the same in every reading."""
    if len(readings) < 2:
        return frozenset()
    # (each column's cells taken and compared with its first in C)
    return frozenset(c for c, column in enumerate(zip(*readings)) if column.count(column[0]) < len(column))


def _expect(money: bool) -> str:
    """The kind of value a column holds: these tables' columns hold money or counts."""
    return "money" if money else "count"


def _convert_money(reading: Reading, money_cols: frozenset[int]) -> Reading:
    """A reading with its money in 万元 and the cells whose unit is not of their column's kind no numbers
    ('3次' in a 万元 column, '5%' or '3万元' in a count column: NA, flagged not_a_number by the tables)."""
    row = list(reading)
    for col, cell in enumerate(row):
        if cell is not None and (col in money_cols or cell.unit is not None):
            num = parse_cell(cell.raw, to_wan=col in money_cols, expect=_expect(col in money_cols))
            row[col] = Placed(num.value, cell.raw, cell.line, num.unit)
    return tuple(row)
