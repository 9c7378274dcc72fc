"""Disclosure indicators per report, computed from the long ``tables`` frame.

The indicators, their formulas and what NA means are data: ``toolkit/data/metrics.yaml``
(rendered as ``docs/metrics.md`` by :func:`metrics_doc`).  This module only evaluates them.

Rules that hold for every indicator:

* a value the report does not give is NA, never 0, and a sum with an NA cell is NA
  (unless ``blank_as_zero=True`` turns *blank* cells into 0);
* division by zero is NA, never 0 or infinity;
* request counts come from the 总计 (total) column; a blank total is not replaced by the sum of
  the applicant cells.
"""
from __future__ import annotations

import fnmatch
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit.checks import soft_checks
from toolkit.formats import load_formats, load_identities, read_data_yaml

__all__ = [
    "report_metrics",
    "outcome_composition",
    "metric_definitions",
    "metrics_doc",
    "identities_status",
]

_TABLES_REQUIRED = ("report_id", "table", "row_key", "col_key", "value")
_CHECKS_REQUIRED = ("report_id", "status")
_FLAGS_REQUIRED = ("report_id", "code", "table", "line")
_REPORT_COLUMNS = ("agency", "report_year", "template", "level", "province", "agency_kind", "status")
_KINDS = ("count", "rate", "per_100")
_LEGACY_TABLE = "legacy"  # the pre-2019 statistics table (schema.md)
_SCOPES = ("this", "prev")

# A parsed term: (sign, scope, table, row_key, col_key); scope is None outside cross-year checks.
_Term = tuple[int, "str | None", str, str, str]
# An expression: format -> terms; the key None means "the same terms for every format".
_Expr = dict["str | None", list[_Term]]


# ----------------------------------------------------------------------------------------------
# definitions (metrics.yaml)


@functools.lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    """Read and validate ``toolkit/data/metrics.yaml`` once."""
    spec = read_data_yaml("metrics.yaml")
    _validate_spec(spec)
    return spec


def _parse_term(term: str, *, scoped: bool = False) -> _Term:
    """Parse ``[-][scope:]table.row_key.col_key`` into a tuple."""
    if not isinstance(term, str):
        raise ValueError(f"metrics.yaml: a term must be a string, got {term!r}")
    sign = 1
    body = term.strip()
    if body.startswith("-"):
        sign, body = -1, body[1:]
    scope = None
    if ":" in body:
        scope, body = body.split(":", 1)
        if not scoped or scope not in _SCOPES:
            raise ValueError(f"metrics.yaml: bad scope {scope!r} in term {term!r}")
    elif scoped:
        raise ValueError(f"metrics.yaml: term {term!r} needs a scope 'this:' or 'prev:'")
    parts = body.split(".")
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"metrics.yaml: term {term!r} is not table.row_key.col_key")
    return (sign, scope, parts[0], parts[1], parts[2])


def _expand(terms: Any, groups: Mapping[str, Any], _seen: tuple[str, ...] = ()) -> _Expr:
    """Expand a term list (plain or per format, with ``@group`` references) into an expression."""
    if isinstance(terms, Mapping):
        out: _Expr = {}
        for fmt, sub in terms.items():
            inner = _expand(sub, groups, _seen)
            if set(inner) != {None}:
                raise ValueError(f"metrics.yaml: nested per-format terms under format {fmt!r}")
            out[str(fmt)] = inner[None]
        return out
    if not isinstance(terms, list) or not terms:
        raise ValueError(f"metrics.yaml: expected a non-empty list of terms, got {terms!r}")
    parts: list[_Expr] = []
    for term in terms:
        if isinstance(term, str) and term.lstrip("-").startswith("@"):
            sign = -1 if term.startswith("-") else 1
            name = term.lstrip("-")[1:]
            if name not in groups:
                raise ValueError(f"metrics.yaml: unknown group {name!r}; known: {sorted(groups)}")
            if name in _seen:
                raise ValueError(f"metrics.yaml: group {name!r} refers to itself")
            sub = _expand(groups[name], groups, _seen + (name,))
            parts.append({k: [(s * sign, *rest) for s, *rest in v] for k, v in sub.items()})  # type: ignore[misc]  # a term with its sign applied
        else:
            parts.append({None: [_parse_term(term)]})
    formats = sorted({k for p in parts for k in p if k is not None})
    if not formats:
        return {None: [t for p in parts for t in p[None]]}
    out = {}
    for fmt in formats:
        terms_f: list[_Term] = []
        for p in parts:
            if None in p:
                terms_f.extend(p[None])
            elif fmt in p:
                terms_f.extend(p[fmt])
            else:
                break
        else:
            out[fmt] = terms_f
    return out


def _format_table(expr: _Expr) -> str | None:
    """The table whose format decides a per-format expression (None if not per format)."""
    if set(expr) == {None}:
        return None
    tables = {t[2] for terms in expr.values() for t in terms}
    if len(tables) != 1:
        raise ValueError(f"metrics.yaml: per-format terms must come from one table, got {sorted(tables)}")
    return tables.pop()


def _validate_spec(spec: Any) -> None:
    """Fail early, naming the entry, when metrics.yaml is malformed."""
    if not isinstance(spec, dict):
        raise ValueError("metrics.yaml: top level must be a mapping")
    for key in ("uncertain_flags", "legacy_columns", "formats", "groups", "outcomes", "metrics", "cross_year_checks"):
        if key not in spec:
            raise ValueError(f"metrics.yaml: missing section {key!r}")
    groups = spec["groups"]
    for name in groups:
        _expand([f"@{name}"], groups)
    names = [m.get("name") for m in spec["metrics"]]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"metrics.yaml: duplicate metric names {dup}")
    for m in spec["metrics"]:
        for field in ("name", "label", "kind", "numerator", "description", "na"):
            if field not in m:
                raise ValueError(f"metrics.yaml: metric {m.get('name')!r} lacks {field!r}")
        if m["kind"] not in _KINDS:
            raise ValueError(
                f"metrics.yaml: metric {m['name']!r} has kind {m['kind']!r}; allowed: {list(_KINDS)}"
            )
        if (m["kind"] == "count") == ("denominator" in m):
            raise ValueError(
                f"metrics.yaml: metric {m['name']!r}: a count has no denominator, a rate needs one"
            )
        for part in ("numerator", "denominator"):
            if part in m:
                expr = _expand(m[part], groups)
                fmt_table = _format_table(expr)
                if fmt_table is not None and fmt_table not in spec["formats"]:
                    raise ValueError(f"metrics.yaml: no `formats` entry for table {fmt_table!r}")
        if "legacy" in m:
            legacy = _expand(m["legacy"], groups)
            if m["kind"] != "count" or set(legacy) != {None} or len({t[2] for t in legacy[None]}) != 1:
                raise ValueError(f"metrics.yaml: metric {m['name']!r}: `legacy` is a list of cells of one table, "
                                 "for a count only")
    for o in spec["outcomes"]:
        _expand(o["terms"], groups)
    for c in spec["cross_year_checks"]:
        for part in ("found", "expected"):
            for term in c[part]:
                _parse_term(term.replace("{x}", "x"), scoped=True)


def metric_definitions() -> pd.DataFrame:
    """Return the indicator definitions of ``metrics.yaml`` as a table.

    Returns
    -------
    pandas.DataFrame
        One row per indicator, in the order of :func:`report_metrics`, with columns ``name``,
        ``label`` (Chinese name), ``kind`` (``count``, ``rate`` or ``per_100``), ``formula``,
        ``numerator``, ``denominator`` (empty for counts), ``legacy`` (the cells of a pre-2019
        statistics table that give the count, empty where such a report gives NA), ``description`` and
        ``na`` (what an NA value means).

    Examples
    --------
    >>> from toolkit.metrics import metric_definitions
    >>> defs = metric_definitions()
    >>> defs.set_index("name").loc["disclosure_rate", "kind"]
    'rate'
    """
    spec = _spec()
    rows = []
    for m in spec["metrics"]:
        num = _expr_text(_expand(m["numerator"], spec["groups"]))
        den = _expr_text(_expand(m["denominator"], spec["groups"])) if "denominator" in m else ""
        legacy = _expr_text(_expand(m["legacy"], spec["groups"])) if "legacy" in m else ""
        if m["kind"] == "count":
            formula = num
        else:
            formula = f"({num}) / ({den})" + (" × 100" if m["kind"] == "per_100" else "")
        rows.append(
            {
                "name": m["name"],
                "label": m["label"],
                "kind": m["kind"],
                "formula": formula,
                "numerator": num,
                "denominator": den,
                "legacy": legacy,
                "description": " ".join(str(m["description"]).split()),
                "na": " ".join(str(m["na"]).split()),
            }
        )
    return pd.DataFrame(rows)


def _expr_text(expr: _Expr) -> str:
    """Human-readable text of an expression."""

    def one(terms: list[_Term]) -> str:
        out = ""
        for i, (sign, _scope, t, r, c) in enumerate(terms):
            cell = f"{t}.{r}.{c}"
            if i == 0:
                out = cell if sign > 0 else f"−{cell}"
            else:
                out += f" {'+' if sign > 0 else '−'} {cell}"
        return out

    if set(expr) == {None}:
        return one(expr[None])
    return "; ".join(f"{fmt} format: {one(terms)}" for fmt, terms in expr.items())


def metrics_doc() -> str:
    """Render the indicator definitions as the Markdown text of ``docs/metrics.md``.

    Returns
    -------
    str
        Markdown: the general rules, then one section per indicator (formula, numerator,
        denominator, what NA means), then the outcome categories and the cross-year checks.

    Examples
    --------
    >>> from toolkit.metrics import metrics_doc
    >>> metrics_doc().splitlines()[0]
    '# Disclosure indicators'
    """
    spec = _spec()
    lines = [
        "# Disclosure indicators",
        "",
        "<!-- Generated from toolkit/data/metrics.yaml by toolkit.metrics.metrics_doc(); do not edit.",
        "     Regenerate: python -c \"import toolkit.metrics as m; "
        "open('docs/metrics.md', 'w', encoding='utf-8').write(m.metrics_doc())\" -->",
        "",
        "`toolkit.metrics.report_metrics(tables)` gives one row per report with the indicators below.",
        "A cell is written `table.row_key.col_key` with the keys of the canonical schema.",
        "",
        "## General rules",
        "",
    ]
    lines += [f"- {' '.join(str(n).split())}" for n in spec["notes"]]
    lines += ["", "## Indicators", ""]
    defs = metric_definitions()
    lines += ["| name | label | kind |", "|---|---|---|"]
    lines += [f"| `{r.name}` | {r.label} | {r.kind} |" for r in defs.itertuples()]
    for r in defs.itertuples():
        lines += ["", f"### `{r.name}` — {r.label}", "", r.description, ""]
        lines.append(f"- formula: `{r.formula}`")
        if r.denominator:
            lines.append(f"- numerator: `{r.numerator}`")
            lines.append(f"- denominator: `{r.denominator}`")
        if r.legacy:
            lines.append(f"- pre-2019 (legacy) reports: `{r.legacy}`")
        lines.append(f"- NA when: {r.na}")
    lines += ["", "## Outcome categories (composition of handled requests)", ""]
    lines += ["| key | label | cells |", "|---|---|---|"]
    for o in spec["outcomes"]:
        lines.append(f"| `{o['key']}` | {o['label']} | `{_expr_text(_expand(o['terms'], spec['groups']))}` |")
    lines += ["", "## Cross-year soft checks (`toolkit.compare.cross_year_audit`)", ""]
    lines += [
        "Same agency, consecutive years; one row per check in the checks schema, `report_id` = the",
        "later report, `key` = `LATER<-EARLIER:item`.",
        "",
        "| check | table | formats | rule |",
        "|---|---|---|---|",
    ]
    for c in spec["cross_year_checks"]:
        fmts = ", ".join(c["formats"]) if c["formats"] else "any"
        lines.append(f"| `{c['name']}` | {c['table']} | {fmts} | {c['description']} |")
    lines.append("")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------
# evaluation


def _group_of(reports: pd.DataFrame, by: str) -> pd.Series:
    """The ``by`` column of ``reports`` indexed by report id (first row of an id; ``by`` may be the id)."""
    first = reports.drop_duplicates("report_id")
    return pd.Series(first[by].array, index=pd.Index(first["report_id"].array, dtype=object), name=by)


def _lookup(column: pd.Series, ids: Sequence[Any]) -> pd.Series:
    """``column`` (indexed by report id) at ``ids``, as the same labels: an id it lacks gives NA.

    A plain ``reindex`` turns an int64 column into float64 as soon as one id is missing, so 2020
    would come back as 2020.0 in groups, tables and figure ticks; nullable dtypes keep the labels.
    """
    if column.dtype.kind in "iub":
        column = column.astype(pd.Int64Dtype() if column.dtype.kind in "iu" else pd.BooleanDtype())
    return column.reindex(pd.Index(list(ids), dtype=object))


def _require_frame(df: Any, name: str, columns: Iterable[str]) -> pd.DataFrame:
    """Check that ``df`` is a DataFrame with the given columns, each name once."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
    duplicated = sorted({str(c) for c in df.columns[df.columns.duplicated()]})
    if duplicated:
        raise ValueError(f"{name} has several columns named {duplicated}: rename or drop them first")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} lacks the columns {missing}; it has {list(df.columns)}")
    return df


def _numeric(df: pd.DataFrame, col: str, name: str = "metric", *, frame: str | None = None) -> pd.Series:
    """The column as floats; text that is no number is refused (it would count as missing silently), and so is
    an infinite value (a division by 0: NA, not a number larger than all).

    The error names the column as ``name=col`` (an argument), or as ``frame[col]`` when ``frame`` is given.
    """
    what = f"{name}={col!r}" if frame is None else f"{frame}[{col!r}]"
    if df[col].dtype.kind in "mMc":
        # dates and durations would be averaged as nanoseconds, complex numbers cut to their real part
        raise ValueError(f"{what} must be numeric; it holds {df[col].dtype} values")
    x = pd.to_numeric(df[col], errors="coerce").astype(float)
    bad = df[col][x.isna().to_numpy() & df[col].notna().to_numpy()]
    if len(bad):
        raise ValueError(f"{what} must be numeric; it holds {len(bad)} value(s) that are not numbers, "
                         f"e.g. {bad.iloc[0]!r}")
    infinite = np.isinf(x.to_numpy())
    if infinite.any():
        # a ratio computed by hand over a 0 (3 requests / 0 handled): a mean of inf, an interval of NaN
        raise ValueError(f"{what} holds {int(infinite.sum())} infinite value(s) (index {df.index[infinite][0]!r}), "
                         "as a division by 0 gives: make them NA first (.replace([np.inf, -np.inf], np.nan)), as "
                         "report_metrics gives NA where a denominator is 0")
    return x


def _check_same_ids(tables: pd.DataFrame, reports: pd.DataFrame, name: str = "tables") -> None:
    """Refuse ``reports`` that share no report id with ``tables`` (ids of another type, 2020 vs '2020'), or
    that hold one id in rows that differ; ``name`` is the frame ``tables`` stands for in the message."""
    in_tables = pd.unique(tables["report_id"].dropna())
    in_reports = pd.Index(pd.unique(reports["report_id"].dropna()), dtype=object)
    if len(in_tables) and len(in_reports) and not in_reports.isin(in_tables).any():
        raise ValueError(f"no report_id of reports is in {name} ({name}: {in_tables[0]!r}, reports: "
                         f"{in_reports[0]!r}): are they of one corpus, with ids of one type?")
    repeated = reports["report_id"].duplicated(keep=False).to_numpy() & reports["report_id"].notna().to_numpy()
    if repeated.any():
        # rows of one id that differ (two runs' reports.csv put together) are two reports under one id: their
        # cells would be merged into one report, the first copy of each cell kept, and the second report lost
        rows = reports[repeated].astype(object).astype(str)
        differ = rows.groupby("report_id", sort=True).nunique().gt(1)
        if differ.any(axis=None):
            rid = differ.index[differ.any(axis=1)][0]
            cols = list(differ.columns[differ.loc[rid]])
            raise ValueError(f"reports has several rows for report_id {rid!r} that differ in {cols[:3]}: two reports "
                             f"under one id (reports.csv of two runs put together?) would be read as one; give them "
                             f"distinct ids (extract_corpus(report_ids=...)) or keep one row per report")


def _id_text(rid: Any) -> str:
    """A report id as text, a whole float as an integer (2020.0, from a CSV column with a gap, is '2020')."""
    if isinstance(rid, (float, np.floating)) and float(rid).is_integer():
        return str(int(rid))
    return str(rid)


def _check_id_types(tables: pd.DataFrame, other: pd.DataFrame, name: str) -> None:
    """Refuse ``other`` (checks, flags) naming a report by an id of another type than ``tables`` does (1 for '1',
    as a CSV read back with pandas gives): such rows match no report and would be ignored silently."""
    in_tables = pd.unique(tables["report_id"].dropna())
    known = set(in_tables)
    by_text = {_id_text(rid): rid for rid in in_tables}
    for rid in pd.unique(other["report_id"].dropna()):
        if rid not in known and _id_text(rid) in by_text:
            ours, theirs = (x.item() if isinstance(x, np.generic) else x for x in (rid, by_text[_id_text(rid)]))
            raise ValueError(f"{name} names report {ours!r} where tables has {theirs!r}: ids of another "
                             f"type match no report, and the {name} of every such report would be ignored; give both "
                             "frames ids of one type (.astype({'report_id': str}) after reading a CSV)")


def _check_keys(tables: pd.DataFrame) -> None:
    """Refuse cells without a table, row_key or col_key (they name no cell; fnmatch fails deep on them)."""
    for col in ("table", "row_key", "col_key"):
        missing = tables[col].isna().to_numpy()
        if missing.any():
            shown = ", ".join(repr(i) for i in tables.index[missing][:3])
            raise ValueError(f"tables[{col!r}] has {int(missing.sum())} missing value(s) (index {shown}"
                             f"{', …' if missing.sum() > 3 else ''}): every cell needs a table, row_key and "
                             "col_key; drop or fill those rows first")


def _uncertain_keys(flags: pd.DataFrame | None) -> tuple[set[tuple[Any, str, int]], set[tuple[Any, str]]]:
    """(report_id, table, line) of rows whose NA cells are unknown rather than blank, and (report_id, table) of
    tables flagged so at no line: the flag is the whole table's (its 小计 placed nowhere, no count placed)."""
    if flags is None or flags.empty:
        return set(), set()
    codes = set(_spec()["uncertain_flags"])
    f = flags[flags["code"].astype("object").isin(codes)]
    lines = pd.to_numeric(f["line"], errors="coerce")
    rows = {(rid, str(t), int(ln)) for rid, t, ln in zip(f["report_id"], f["table"], lines) if pd.notna(ln)}
    tables = {(rid, str(t)) for rid, t, ln in zip(f["report_id"], f["table"], lines) if pd.isna(ln)}
    return rows, tables


def _is_blank(tables: pd.DataFrame, flags: pd.DataFrame | None = None) -> np.ndarray:
    """True for blank cells: no value, empty raw text, at a line of the table, row (and table) not flagged."""
    raw = tables["raw"].astype("object")
    empty = raw.isna().to_numpy() | (raw.fillna("").astype(str).str.strip() == "").to_numpy()
    blank = tables["value"].isna().to_numpy() & empty
    if "flag" in tables.columns:
        # Cells the extractor could not place carry a flag: unknown, not blank.
        blank &= (tables["flag"].astype("object").fillna("").astype(str) == "").to_numpy()
    uncertain_rows, uncertain_tables = _uncertain_keys(flags)
    rid = tables["report_id"].to_numpy(dtype=object)
    table = tables["table"].astype(str).to_numpy(dtype=object)
    if uncertain_tables:
        # a table flagged ragged at no line (no count placed): its missing cells are unknown, whatever their line
        blank &= ~np.asarray(pd.MultiIndex.from_arrays([rid, table]).isin(list(uncertain_tables)), dtype=bool)
    if "line" in tables.columns:
        blank &= tables["line"].notna().to_numpy()
        if uncertain_rows:
            keys = pd.MultiIndex.from_arrays([rid, table, pd.to_numeric(tables["line"], errors="coerce")
                                              .to_numpy(dtype=float)])
            blank &= ~np.asarray(keys.isin(list(uncertain_rows)), dtype=bool)
    first = _first_copy(tables)
    blank &= ~_total_with_parts(tables, first) & ~_part_of_short_row(tables, first)
    blank &= ~_legacy_parent_with_parts(tables, first)
    return blank & ~_on_a_short_side(tables, first, blank)


def _first_copy(tables: pd.DataFrame) -> np.ndarray:
    """True for the first row of each cell (report_id, table, row_key, col_key): the copy :class:`_Cells` keeps.

    A cell given twice (two runs' tables.csv put together) would else count twice in its row's sum, and a
    second copy that differs would decide about the first.
    """
    key = pd.DataFrame({
        "rid": tables["report_id"].to_numpy(dtype=object),
        "key": (tables["table"].astype(str) + "." + tables["row_key"].astype(str) + "."
                + tables["col_key"].astype(str)).to_numpy(dtype=object),
    })
    return ~key.duplicated(keep="first").to_numpy()


def _total_with_parts(tables: pd.DataFrame, first: np.ndarray) -> np.ndarray:
    """True for the total cell (``row_totals``) of a row that holds a value other than 0 in another cell, or a cell
    written without a number ('/', '-', '无': NA, not zero, so the row's sum is not known) (``first``: the rows of
    :func:`_first_copy`, the only ones read)."""
    totals = _spec().get("row_totals", {})
    table = tables["table"].astype("object")
    is_total = (tables["col_key"].astype("object") == table.map(totals)).to_numpy()
    if not is_total.any():
        return is_total
    value = pd.to_numeric(tables["value"], errors="coerce")
    written = tables["raw"].astype("object").fillna("").astype(str).str.strip() != ""
    value = value.mask(value.isna() & written, np.inf)  # (a mark counts as a part other than 0)
    row = [tables["report_id"].astype("object"), table, tables["row_key"].astype("object")]
    others = value.where(~is_total & first).abs().groupby(row, dropna=False).transform("max")
    return is_total & (others.fillna(0) > 0).to_numpy()


def _part_of_short_row(tables: pd.DataFrame, first: np.ndarray) -> np.ndarray:
    """True for the cells other than the total (``row_totals``) of a row whose stated total differs from the sum
    of its stated other cells: a blank among them holds the difference, it was left out, not zero (seed 002's
    上年结转 row: 自然人 blank, the other four cells 0, 总计 4).  Only the rows of :func:`_first_copy` count (``first``):
    a second copy of the row would double the sum."""
    totals = _spec().get("row_totals", {})
    table = tables["table"].astype("object")
    total_col = table.map(totals)
    in_row_table = total_col.notna().to_numpy()
    if not in_row_table.any():
        return in_row_table
    is_total = (tables["col_key"].astype("object") == total_col).to_numpy()
    value = pd.to_numeric(tables["value"], errors="coerce")
    row = [tables["report_id"].astype("object"), table, tables["row_key"].astype("object")]
    stated_total = value.where(is_total & first).groupby(row, dropna=False).transform("max")
    parts = value.where(~is_total & first).groupby(row, dropna=False).transform("sum")
    short = (stated_total.notna() & ((stated_total - parts).abs() > 1e-9)).to_numpy()
    return in_row_table & ~is_total & short


def _column_identities() -> list[tuple[str, str | None, list[str], list[str]]]:
    """(table, format or None, lhs rows, rhs rows) of the hard per-column equalities of identities.yaml, the
    requests table's outcome rows once per format (``outcome_rows_<format>`` of formats.yaml)."""
    out: list[tuple[str, str | None, list[str], list[str]]] = []
    for table, idents in load_identities().items():
        for ident in idents:
            if ident["per"] != "column" or ident.get("relation", "eq") != "eq" or ident.get("soft"):
                continue
            if ident["rhs"] != "@outcome_rows":
                out.append((table, None, list(ident["lhs"]), list(ident["rhs"])))
                continue
            for key, rows in load_formats()[table].items():
                if key.startswith("outcome_rows_"):
                    out.append((table, key.removeprefix("outcome_rows_"), list(ident["lhs"]), list(rows)))
    return out


def _on_a_short_side(tables: pd.DataFrame, first: np.ndarray, blank: np.ndarray) -> np.ndarray:
    """True for a blank cell on the short side of a column's identity (identities.yaml, per column) whose other
    cells are all stated: the stated cells do not balance, so the blank holds the difference, it was left out,
    not zero (seed 001 with row 一、本年新收 blank: 0 + 0 = 99 + 0 in the 总计 column, the blank is 99).

    ``first``: the rows of :func:`_first_copy`, the only ones read; ``blank``: the cells blank so far.  A column
    with a cell neither stated nor blank (a '/', a row not in the report) tells nothing.  The requests table's
    outcome rows are those of its format, told from its cells (``formats`` of metrics.yaml; 2019 when untold), as
    :mod:`toolkit.checks` tells it.
    """
    out = np.zeros(len(tables), dtype=bool)
    idents = _column_identities()
    table = tables["table"].astype("object").to_numpy()
    if not blank.any() or not np.isin(table, [t for t, *_ in idents]).any():
        return out  # (the common frame: nothing blank in a table with such identities)
    value = pd.to_numeric(tables["value"], errors="coerce").to_numpy(dtype=float)
    rid = tables["report_id"].to_numpy(dtype=object)
    row = tables["row_key"].astype("object").to_numpy()
    col = tables["col_key"].astype("object").to_numpy()
    stated = ~np.isnan(value)
    located = _located(tables)
    formats: dict[str, np.ndarray] = {}  # table -> the format of each cell's report's table
    for name, fmt, lhs, rhs in idents:
        at = (table == name) & first & (np.isin(row, lhs) | np.isin(row, rhs))
        if fmt is not None:
            if name not in formats:  # (told once per table)
                mine = (table == name) & located
                cells: dict[Any, list[str]] = {}
                for r, rk, ck in zip(rid[mine], row[mine], col[mine]):
                    cells.setdefault(r, []).append(f"{rk}.{ck}")
                told = {r: _table_format(name, c) or "2019" for r, c in cells.items()}
                formats[name] = pd.Series(rid, dtype=object).map(told).to_numpy(dtype=object)
            at &= formats[name] == fmt
        if not (at & blank).any():
            continue
        side = np.where(np.isin(row, lhs), 1.0, -1.0)[at]
        d = pd.DataFrame({"rid": rid[at], "col": col[at], "side": side, "blank": blank[at],
                          "known": stated[at] | blank[at], "value": np.where(stated, value, 0.0)[at]})
        d["signed"] = d["side"] * d["value"]
        g = d.groupby(["rid", "col"], sort=False)
        n = g["side"].transform("size").to_numpy()
        whole = (n == len(lhs) + len(rhs)) & g["known"].transform("all").to_numpy(dtype=bool)
        gap = g["signed"].transform("sum").to_numpy()  # stated lhs - stated rhs
        short = np.where(d["side"] > 0, gap < -1e-9, gap > 1e-9)  # the side whose stated cells sum less
        hit = np.zeros(len(tables), dtype=bool)
        hit[at] = whole & d["blank"].to_numpy(dtype=bool) & short
        out |= hit
    return out


@functools.lru_cache(maxsize=1)
def _legacy_ancestors() -> dict[str, tuple[str, ...]]:
    """Row key of the pre-2019 table -> the rows it is an item of (网络申请数 -> 收到申请数), from formats.yaml."""
    parent = {key: p for key, (_label, _unit, p) in load_formats()["legacy"]["rows"].items() if p}
    out = {}
    for key in parent:
        chain, up = [], parent.get(key)
        while up is not None and up not in chain:
            chain.append(up)
            up = parent.get(up)
        out[key] = tuple(chain)
    return out


def _legacy_parent_with_parts(tables: pd.DataFrame, first: np.ndarray) -> np.ndarray:
    """True for a cell of the pre-2019 table whose row has an item below it (same column) holding a value other
    than 0: a blank 收到申请数 above 网络申请数 1 was left out by the report, not zero (the items of
    :func:`_first_copy`, ``first``, the ones read)."""
    is_legacy = (tables["table"].astype("object") == _LEGACY_TABLE).to_numpy()
    if not is_legacy.any():
        return is_legacy
    ancestors = _legacy_ancestors()
    sub = tables[is_legacy]
    value = pd.to_numeric(sub["value"], errors="coerce").abs().to_numpy()
    read = first[is_legacy]
    has_parts = {(rid, up, col)
                 for rid, row, col, v, r in zip(sub["report_id"], sub["row_key"], sub["col_key"], value, read)
                 if v > 0 and r for up in ancestors.get(row, ())}
    out = np.zeros(len(tables), dtype=bool)
    out[is_legacy] = [(rid, row, col) in has_parts
                      for rid, row, col in zip(sub["report_id"], sub["row_key"], sub["col_key"])]
    return out


def _located(tables: pd.DataFrame, value: np.ndarray | None = None) -> np.ndarray:
    """True for the cells that stand in the report: a value, raw text or a line (``value``: the values to use)."""
    if value is None:
        value = pd.to_numeric(tables["value"], errors="coerce").to_numpy(dtype=float)
    located = ~np.isnan(value)
    if "raw" in tables.columns:
        located |= tables["raw"].astype("object").fillna("").astype(str).str.strip().ne("").to_numpy()
    if "line" in tables.columns:
        located |= tables["line"].notna().to_numpy()
    return located


def _table_format(table: str, cells: Iterable[str]) -> str | None:
    """Format (``'2019'``, ``'2021'``) of one report's ``table``, told from its located cells.

    ``cells`` are ``'row_key.col_key'``; each format of ``formats`` in metrics.yaml lists patterns of
    cells that only it has.  The format with more matching cells wins; a tie, or no match, is None.
    """
    patterns = _spec()["formats"].get(table, {})
    cells = list(cells)
    counts = {fmt: sum(any(fnmatch.fnmatchcase(c, p) for p in pats) for c in cells) for fmt, pats in patterns.items()}
    best = max(counts.values(), default=0)
    winners = [fmt for fmt, n in counts.items() if n == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


class _Cells:
    """Lookup of cell values by report and ``table.row_key.col_key``, with each table's format."""

    def __init__(self, tables: pd.DataFrame, *, blank_as_zero: bool, report_ids: Sequence[Any],
                 flags: pd.DataFrame | None = None) -> None:
        _check_keys(tables)
        # text such as '1,200' would otherwise become NA silently
        value = _numeric(tables, "value", frame="tables").to_numpy()
        if blank_as_zero:
            value = np.where(_is_blank(tables, flags), 0.0, value)
        located = _located(tables, value)
        frame = pd.DataFrame({
            "rid": tables["report_id"].to_numpy(dtype=object),
            "table": tables["table"].astype(str).to_numpy(dtype=object),
            "cell": (tables["row_key"].astype(str) + "." + tables["col_key"].astype(str)).to_numpy(dtype=object),
            "value": value,
            "located": located,
        })
        frame["key"] = frame["table"] + "." + frame["cell"]
        # Keep the first occurrence of a duplicated cell (a report with two copies of a table).
        frame = frame.drop_duplicates(["rid", "key"], keep="first")
        self.ids = list(report_ids)
        self._wide = frame.pivot(index="rid", columns="key", values="value")
        self._wide_ids = self._wide.reindex(pd.Index(self.ids, dtype=object))
        self._located = frame.loc[frame["located"], ["rid", "table", "cell"]]
        self._formats: dict[str, pd.Series] = {}
        self._has: dict[Any, pd.Series] = {}

    def values(self, table: str, row: str, col: str, ids: Sequence[Any] | None = None) -> np.ndarray:
        """Cell values for the given reports (NaN where the cell is missing)."""
        key = f"{table}.{row}.{col}"
        n = len(self.ids) if ids is None else len(ids)
        if key not in self._wide.columns:
            return np.full(n, np.nan)
        if ids is None:
            return self._wide_ids[key].to_numpy(dtype=float)
        return self._wide[key].reindex(pd.Index(list(ids), dtype=object)).to_numpy(dtype=float)

    def has_table(self, table: str, col: str | None = None) -> pd.Series:
        """Whether each report has at least one located cell of ``table`` (in its column ``col``, if given)."""
        if (table, col) not in self._has:  # asked once per metric read from the legacy table
            loc = self._located
            rows = loc["table"] == table
            if col is not None:
                rows &= loc["cell"].str.endswith(f".{col}")
            rids = set(loc.loc[rows, "rid"])
            self._has[table, col] = pd.Series([rid in rids for rid in self.ids],
                                              index=pd.Index(self.ids, dtype=object), dtype=bool)
        return self._has[table, col].copy()

    def is_legacy(self, expr: _Expr) -> np.ndarray:
        """Whether each report has cells of the pre-2019 table and none of the tables of ``expr``."""
        tables = {t[2] for terms in expr.values() for t in terms}
        out = self.has_table(_LEGACY_TABLE).to_numpy(copy=True)
        for table in tables:
            out &= ~self.has_table(table).to_numpy()
        return out

    def legacy_sum(self, expr: _Expr) -> np.ndarray:
        """Sum of the terms of a ``legacy`` expression per report, each read in the first column of
        ``legacy_columns`` (metrics.yaml) that the report's legacy table has: 合计 of a table of parts' columns."""
        out = np.full(len(self.ids), np.nan)
        decided = np.zeros(len(self.ids), dtype=bool)
        # a table of columns not told apart (parts with no 合计): its figure only in the first column, else NA
        untold = np.zeros(len(self.ids), dtype=bool)
        for col in _spec().get("legacy_untold_columns", []):
            untold |= self.has_table(_LEGACY_TABLE, col).to_numpy()
        for n, col in enumerate(_spec()["legacy_columns"]):
            has = self.has_table(_LEGACY_TABLE, col).to_numpy() & ~decided & (~untold if n else True)
            out = np.where(has, self._sum([(s, sc, t, r, col) for s, sc, t, r, _c in expr[None]]), out)
            decided |= has
        return out

    def format_of(self, table: str) -> pd.Series:
        """Format (e.g. ``'2019'``, ``'2021'``) of ``table`` for each report, None when unknown."""
        if table not in self._formats:
            loc = self._located[self._located["table"] == table]
            cells: dict[Any, list[str]] = {}
            for rid, cell in zip(loc["rid"], loc["cell"]):
                cells.setdefault(rid, []).append(cell)
            self._formats[table] = pd.Series([_table_format(table, cells.get(rid, ())) for rid in self.ids],
                                             index=pd.Index(self.ids, dtype=object), dtype=object)
        return self._formats[table]

    def evaluate(self, expr: _Expr, *, negative_na: bool = False) -> np.ndarray:
        """Sum of the signed terms of an expression per report; NaN if any term is NaN.

        With ``negative_na`` a term whose cell is negative also gives NaN (a count cannot be negative:
        the table is inconsistent there, and a share built on it would mean nothing).
        """
        table = _format_table(expr)
        if table is None:
            return self._sum(expr[None], negative_na)
        fmt = self.format_of(table).to_numpy()
        out = np.full(len(self.ids), np.nan)
        for f, terms in expr.items():
            out = np.where(fmt == f, self._sum(terms, negative_na), out)
        return out

    def _sum(self, terms: list[_Term], negative_na: bool = False) -> np.ndarray:
        total = np.zeros(len(self.ids))
        for sign, _scope, t, r, c in terms:
            v = self.values(t, r, c)
            if negative_na:
                v = np.where(v < 0, np.nan, v)
            total = total + sign * v
        return total


def _ratio(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """num / den * scale, NaN where den is NaN, zero or negative."""
    ok = np.isfinite(num) & np.isfinite(den) & (den > 0)
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=ok)
    return np.where(ok, out * scale, np.nan)


def _check_blank_args(tables: pd.DataFrame, blank_as_zero: Any, flags: Any) -> None:
    """Validate ``blank_as_zero`` and ``flags`` (flags are needed to keep uncertain cells NA)."""
    if not isinstance(blank_as_zero, (bool, np.bool_)):
        raise TypeError(f"blank_as_zero must be True or False, got {blank_as_zero!r}")
    if flags is not None and not isinstance(flags, pd.DataFrame):
        raise TypeError(f"flags must be a pandas DataFrame or None, got {type(flags).__name__}")
    if flags is not None and not flags.empty:
        _require_frame(flags, "flags", _FLAGS_REQUIRED)
        if blank_as_zero:  # only then are flags read: a flag of no report would let its unknown cells become 0
            _check_id_types(tables, flags, "flags")
    if blank_as_zero:
        if "raw" not in tables.columns:
            raise ValueError("blank_as_zero=True needs a 'raw' column in tables to tell blank cells")
        if flags is None and "flag" not in tables.columns:
            raise ValueError(
                "blank_as_zero=True needs flags= (flags.csv or Report.flags_frame()), so that cells of "
                "rows flagged ragged/ambiguous_digits stay NA instead of becoming 0; pass an empty "
                "DataFrame if there are no flags"
            )
        if "flag" not in tables.columns and "line" not in tables.columns:
            # flags name a row by its line: without the column they would be ignored, and the cells of
            # ragged/ambiguous rows (and of rows at no line) would become 0
            raise ValueError(
                "blank_as_zero=True needs a 'line' column in tables (or its 'flag' column): flags are "
                "matched to cells by report_id, table and line, and only a cell at a line of the table "
                "can be blank"
            )


def _report_ids(tables: pd.DataFrame, reports: pd.DataFrame | None) -> list[Any]:
    ids = set(tables["report_id"].dropna().tolist())
    if reports is not None:
        ids |= set(reports["report_id"].dropna().tolist())
    return _sorted_ids(ids)


def _sorted_ids(ids: Iterable[Any]) -> list[Any]:
    """Report ids in order: as they compare, else (ids of several types) by their text, then their type's name,
    so that 1 and '1' come in one order whatever the order of the set they come from (its order follows the
    hash of '1', which differs from run to run)."""
    ids = list(ids)
    try:
        return sorted(ids)
    except TypeError:
        return sorted(ids, key=_text_order)


def _text_order(value: Any) -> tuple[str, str]:
    """A sort key of ids or labels of any type: their text, then their type's name (1 before '1', in every run)."""
    return str(value), type(value).__name__


def identities_status(checks: pd.DataFrame) -> pd.Series:
    """Summarise the identity checks of each report as True / False / NA.

    Parameters
    ----------
    checks : pandas.DataFrame
        Checks in the ``checks.csv`` schema (needs ``report_id`` and ``status``).  Cross-year
        checks (``key`` containing ``'<-'``) and the soft checks of ``identities.yaml`` are ignored.

    Returns
    -------
    pandas.Series
        Nullable boolean indexed by report_id (sorted): False if any check failed, True if all
        checks are ``ok``, NA if none failed but some were ``unverifiable``.

    Raises
    ------
    TypeError
        If ``checks`` is not a DataFrame.
    ValueError
        If a column is missing or a status is not ``ok``, ``failed`` or ``unverifiable``.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.metrics import identities_status
    >>> checks = pd.DataFrame({"report_id": ["a", "a", "b"], "status": ["ok", "failed", "ok"]})
    >>> identities_status(checks).tolist()
    [False, True]
    """
    _require_frame(checks, "checks", _CHECKS_REQUIRED)
    chk = checks
    if "key" in chk.columns:
        chk = chk[~chk["key"].astype("object").fillna("").astype(str).str.contains("<-", regex=False)]
    if {"table", "check"} <= set(chk.columns):  # soft checks (published <= total …) are not identities
        soft = soft_checks()
        chk = chk[np.array([(t, c) not in soft for t, c in zip(chk["table"], chk["check"])], dtype=bool)]
    allowed = {"ok", "failed", "unverifiable"}
    bad = sorted(set(chk["status"].dropna().astype(str)) - allowed)
    if bad:
        raise ValueError(f"checks.status must be one of {sorted(allowed)}, got {bad}")
    status = chk["status"].astype(str)
    grouped = pd.DataFrame(
        {"report_id": chk["report_id"], "failed": status.eq("failed"),
         "ok": status.eq("ok")}
    ).groupby("report_id", sort=True)
    any_failed = grouped["failed"].any()
    all_ok = grouped["ok"].all()
    out = pd.Series(pd.NA, index=any_failed.index, dtype="boolean")
    out[all_ok.to_numpy()] = True
    out[any_failed.to_numpy()] = False
    out.index.name = "report_id"
    return out


def report_metrics(
    tables: pd.DataFrame,
    *,
    checks: pd.DataFrame | None = None,
    reports: pd.DataFrame | None = None,
    flags: pd.DataFrame | None = None,
    blank_as_zero: bool = False,
    components: bool = False,
) -> pd.DataFrame:
    """Compute the disclosure indicators of each report.

    The indicators and their formulas are listed in ``toolkit/data/metrics.yaml`` and
    ``docs/metrics.md``; :func:`metric_definitions` returns them as a table.

    Parameters
    ----------
    tables : pandas.DataFrame
        Long table of extracted cells (``tables.csv`` schema): needs ``report_id``, ``table``,
        ``row_key``, ``col_key``, ``value``; ``raw`` and ``line`` are used to tell blank cells
        (and which cells are present in the report).
    checks : pandas.DataFrame, optional
        Identity checks (``checks.csv`` schema).  When given, adds the column ``identities_ok``:
        False if any identity check of the report failed, True if all are ok, NA otherwise; soft
        and cross-year checks are not counted (see :func:`identities_status`).
    reports : pandas.DataFrame, optional
        One row per report (``reports.csv`` schema).  Its report ids are all included (a report
        with no table gets NA indicators), and its columns ``agency``, ``report_year``,
        ``template``, ``level``, ``province``, ``agency_kind`` and ``status`` (those present) are
        copied, ready for grouping.
    flags : pandas.DataFrame, optional
        Flags (``flags.csv`` schema: ``report_id``, ``code``, ``table``, ``line``).  The NA cells
        of rows flagged ``ragged`` or ``ambiguous_digits`` are unknown, not blank (all the table's, where
        the flag names no line).  Required with
        ``blank_as_zero=True`` (an empty frame if there are none).
    blank_as_zero : bool, default False
        Count a blank cell (no value, empty raw text, at a line of the table) as 0.  Cells
        written ``/``, ``-`` or ``无``, rows missing from the report, cells of flagged rows,
        blank cells of a row whose stated total the other cells do not add up to, and blank cells
        on the short side of a column's identity (identities.yaml) whose other cells are stated keep NA.
        Requires a ``raw`` column, and ``flags`` with a ``line`` column in ``tables`` (the flags
        name rows by line) unless ``tables`` has the ``flag`` column of ``tables.csv``.
    components : bool, default False
        Also return ``<name>_num`` and ``<name>_den`` for every rate, the numerator and
        denominator behind it (used by :func:`toolkit.compare.bootstrap_ci` for ratio-of-sums
        intervals); each is NaN where a cell of it is missing or negative.

    Returns
    -------
    pandas.DataFrame
        One row per report_id, sorted; columns ``report_id``, the copied report columns, one
        float column per indicator (NaN where missing or undefined; a rate is NaN where a cell of
        its numerator or denominator is negative, a count keeps the cells as written) and, with ``checks``,
        ``identities_ok`` (nullable boolean).

    Raises
    ------
    TypeError
        If ``tables``, ``checks`` or ``reports`` is not a DataFrame, or ``blank_as_zero`` /
        ``components`` is not a bool.
    ValueError
        If a required column is missing, a cell has no ``table``, ``row_key`` or ``col_key``,
        ``tables['value']`` holds text that is no number, ``reports`` shares no report id with
        ``tables`` (ids of another type: 2020 and '2020') or holds one report_id in rows that differ (two
        reports under one id), ``checks`` or (with ``blank_as_zero=True``) ``flags`` name a report by an id of
        another type than ``tables`` (1 for '1': they would be ignored), or ``blank_as_zero=True`` comes without
        ``raw``, or without ``flags`` and ``line`` (when ``tables`` has no ``flag`` column).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.metrics import report_metrics
    >>> cells = [("requests", "granted", "total", 3.0), ("requests", "partially_granted", "total", 1.0),
    ...          ("requests", "handled_total", "total", 8.0)]
    >>> tables = pd.DataFrame([dict(report_id="r1", table=t, row_key=r, col_key=c, value=v, raw=str(v))
    ...                        for t, r, c, v in cells])
    >>> report_metrics(tables).loc[0, ["full_grant_rate", "disclosure_rate", "denial_rate"]].tolist()
    [0.375, 0.5, nan]
    """
    _require_frame(tables, "tables", _TABLES_REQUIRED)
    if not isinstance(components, (bool, np.bool_)):
        raise TypeError(f"components must be True or False, got {components!r}")
    _check_blank_args(tables, blank_as_zero, flags)
    if reports is not None:
        _require_frame(reports, "reports", ("report_id",))
        _check_same_ids(tables, reports)
    if checks is not None:
        _require_frame(checks, "checks", _CHECKS_REQUIRED)
        _check_id_types(tables, checks, "checks")

    spec = _spec()
    ids = _report_ids(tables, reports)
    cells = _Cells(tables, blank_as_zero=bool(blank_as_zero), report_ids=ids, flags=flags)
    columns: dict[str, Any] = {"report_id": pd.Series(ids, dtype=object)}
    if reports is not None:
        keep = [c for c in _REPORT_COLUMNS if c in reports.columns]
        extra = reports.drop_duplicates("report_id").set_index("report_id")[keep]
        for col in keep:
            columns[col] = _lookup(extra[col], ids).reset_index(drop=True)
    for m in spec["metrics"]:
        rate = m["kind"] != "count"
        # a negative cell in either part of a rate makes it NA, as a negative denominator does;
        # a count is given as written (the negative cell is flagged negative_value)
        expr = _expand(m["numerator"], spec["groups"])
        num = cells.evaluate(expr, negative_na=rate)
        if "legacy" in m:
            num = np.where(cells.is_legacy(expr), cells.legacy_sum(_expand(m["legacy"], spec["groups"])), num)
        if not rate:
            columns[m["name"]] = num
            continue
        den = cells.evaluate(_expand(m["denominator"], spec["groups"]), negative_na=True)
        columns[m["name"]] = _ratio(num, den, 100.0 if m["kind"] == "per_100" else 1.0)
        if components:
            columns[f"{m['name']}_num"] = num
            columns[f"{m['name']}_den"] = den
    if checks is not None:
        status = identities_status(checks)
        columns["identities_ok"] = pd.array(status.reindex(ids).astype("boolean").array, dtype="boolean")
    return pd.DataFrame(columns)


def outcome_composition(
    tables: pd.DataFrame,
    *,
    flags: pd.DataFrame | None = None,
    blank_as_zero: bool = False,
) -> pd.DataFrame:
    """Count handled requests by outcome category for each report.

    The categories (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理) and the cells they
    add up are listed under ``outcomes`` in ``toolkit/data/metrics.yaml``.

    Parameters
    ----------
    tables : pandas.DataFrame
        Long table of extracted cells (``tables.csv`` schema).
    flags : pandas.DataFrame, optional
        Flags (``flags.csv`` schema); required with ``blank_as_zero=True``.
    blank_as_zero : bool, default False
        Count blank cells as 0 (see :func:`report_metrics`).

    Returns
    -------
    pandas.DataFrame
        One row per report_id (sorted): ``report_id``, one float column per category (NaN when a
        cell it needs is missing) and ``handled_total`` (三(七) 总计 as stated).

    Raises
    ------
    TypeError
        If ``tables`` is not a DataFrame.
    ValueError
        If a required column is missing, a cell has no ``table``, ``row_key`` or ``col_key``,
        ``tables['value']`` holds text that is no number, or ``blank_as_zero=True`` comes without
        ``raw``, or without ``flags`` and ``line`` (when ``tables`` has no ``flag`` column), or with ``flags``
        that name a report by an id of another type than ``tables`` (1 for '1').

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.metrics import outcome_composition
    >>> tables = pd.DataFrame({"report_id": ["r1"], "table": ["requests"], "row_key": ["granted"],
    ...                        "col_key": ["total"], "value": [5.0], "raw": ["5"]})
    >>> outcome_composition(tables)[["granted", "denied"]].iloc[0].tolist()
    [5.0, nan]
    """
    _require_frame(tables, "tables", _TABLES_REQUIRED)
    _check_blank_args(tables, blank_as_zero, flags)
    ids = _report_ids(tables, None)
    cells = _Cells(tables, blank_as_zero=bool(blank_as_zero), report_ids=ids, flags=flags)
    return _outcomes(cells, ids)


def _outcomes(cells: _Cells, ids: Sequence[Any], *, negative_na: bool = False) -> pd.DataFrame:
    """The frame of :func:`outcome_composition` from ``cells`` (``negative_na``: see :meth:`_Cells.evaluate`)."""
    spec = _spec()
    out = pd.DataFrame({"report_id": ids})
    for o in spec["outcomes"]:
        out[o["key"]] = cells.evaluate(_expand(o["terms"], spec["groups"]), negative_na=negative_na)
    out["handled_total"] = cells.evaluate(_expand(["@handled"], spec["groups"]), negative_na=negative_na)
    return out


def _outcome_labels() -> dict[str, str]:
    """Outcome key -> Chinese label, in table order."""
    return {o["key"]: o["label"] for o in _spec()["outcomes"]}


def _outcome_tables() -> list[str]:
    """The tables whose cells the outcome categories of metrics.yaml add up (sorted): the requests table."""
    spec = _spec()
    return sorted({t[2] for o in spec["outcomes"] for terms in _expand(o["terms"], spec["groups"]).values()
                   for t in terms})
