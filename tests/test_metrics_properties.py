"""Property tests of toolkit.metrics on drawn reports: the indicators are the formulas of metrics.yaml on the cells.

Reports are drawn with :func:`toolkit.synth.make_truth` (all identities holding, zero cells maybe blank) and then
spoilt here and there: a cell written ``/``, a row the report does not have, a negative cell, a row flagged ragged
(or a table, at no line), a blank where a number was, a number off by 2.  The indicators

* equal the formulas computed here, independently, from the drawn numbers: a cell the report does not give is NA
  in every indicator that uses it, never 0; a rate is NA over 0, over a negative denominator or with a negative cell;
  ``blank_as_zero`` makes a blank cell 0 unless its row is flagged, it is the blank total of a row of other numbers,
  its row's stated total differs from the sum of its other stated cells, or it stands on the short side of a
  requests column's identity whose other cells are stated;
* and a parsed generated report (any layout, traditional script too) gives them as well;
* do not depend on the order of the rows, the frame's index, the report ids, a second copy of every cell, nor on
  whether the rows flagged are told by the ``flag`` column or by ``flags`` and ``line``;
* ``blank_as_zero`` only fills in what is NA without it.

The run draws the same examples each time (tests/conftest.py, profile ``repeatable``).
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.metrics import outcome_composition, report_metrics
from toolkit.synth import make_report, make_truth

from scale import scaled

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DENIED = ["denied_state_secret", "denied_prohibited", "denied_security", "denied_third_party", "denied_internal",
          "denied_process", "denied_enforcement", "denied_query"]
UNABLE = ["unable_not_held", "unable_needs_creation", "unable_unclear"]
REJECTED = ["rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive",
            "rejected_confirmation"]
ORGS = ["commercial", "research", "nonprofit", "legal_services", "other_org"]
ROW_TOTALS = {"requests": "total", "review_litigation": "total"}
SPOILS = ["slash", "absent", "negative", "ragged", "ragged_table", "blank", "bump"]
FOCUS = ["new", "handled_total", "review", "litigation_direct", "litigation_after_review"]


# ------------------------------------------------------------------------------------------------ drawn reports


def spoilt_report(rid: str, seed: int, template: str, blank_rate: float,
                  spoils: list[tuple[str, bool]]) -> tuple[pd.DataFrame, list[dict]]:
    """A drawn report's cells (``tables.csv`` columns; one line per row) spoilt as ``spoils`` say, and its flags.

    Each spoil is (what, focus): with ``focus`` the cell is one of the rows whose cells other than the total an
    indicator reads (一 new, the reconsiderations and lawsuits), else any cell.
    """
    t = make_truth(np.random.default_rng(seed), template, blank_rate=blank_rate, report_id=rid)
    rows = list(dict.fromkeys(zip(t["table"], t["row_key"])))
    line = {r: 10 + 2 * i for i, r in enumerate(rows)}
    t["line"] = pd.array([line[r] for r in zip(t["table"], t["row_key"])], dtype="Int64")
    t["flag"] = ""
    rng = np.random.default_rng(seed + 1)
    flags = []
    for spoil, focus in spoils:
        among = t.index[t["row_key"].isin(FOCUS)] if focus else t.index
        if not len(among):
            continue
        i = among[int(rng.integers(len(among)))]
        table, row_key = t.at[i, "table"], t.at[i, "row_key"]
        row = t["table"].eq(table) & t["row_key"].eq(row_key)
        if spoil == "slash":
            t.loc[i, ["value", "raw"]] = [np.nan, "/"]
        elif spoil == "absent":
            t = t[~row].reset_index(drop=True)
        elif spoil == "negative":
            t.loc[i, ["value", "raw"]] = [-3.0, "-3"]
        elif spoil == "ragged":  # its missing cells are unknown, not blank
            t.loc[row & t["value"].isna(), "flag"] = "ragged"
            flags.append(dict(report_id=rid, code="ragged", table=table, line=line[table, row_key], detail=""))
        elif spoil == "ragged_table":  # flagged at no line: the table's (no count placed)
            t.loc[t["table"].eq(table) & t["value"].isna(), "flag"] = "ragged"
            flags.append(dict(report_id=rid, code="ragged", table=table, line=pd.NA, detail=""))
        elif spoil == "blank":
            t.loc[i, ["value", "raw"]] = [np.nan, ""]
        elif spoil == "bump" and not np.isnan(t.at[i, "value"]):
            t.loc[i, ["value", "raw"]] = [t.at[i, "value"] + 2, f"{t.at[i, 'value'] + 2:g}"]
    return t, flags


REPORTS = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["2019", "2021"]), st.sampled_from([0.0, 0.3, 0.8]),
                             st.lists(st.tuples(st.sampled_from(SPOILS), st.booleans()), max_size=6)),
                   min_size=1, max_size=3)


def corpus(specs: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """``tables`` and ``flags`` of the drawn reports r0, r1, … and each one's format."""
    parts, flags = [], []
    for k, (seed, template, blank_rate, spoils) in enumerate(specs):
        t, f = spoilt_report(f"r{k}", seed, template, blank_rate, spoils)
        parts.append(t)
        flags += f
    return (pd.concat(parts, ignore_index=True), pd.DataFrame(flags, columns=["report_id", "code", "table", "line",
                                                                            "detail"]),
            {f"r{k}": s[1] for k, s in enumerate(specs)})


# ------------------------------------------------------------------------------------------------ the formulas


def cell_values(t: pd.DataFrame, blank_as_zero: bool, template: str) -> dict[tuple[str, str, str], float]:
    """Each cell's value as the metrics must read it (NaN: not given), computed from the rules of docs/metrics.md
    (``template``: the format the report was drawn in)."""
    values = {}
    zeroed = set()  # the blank cells read as 0 by the rows' rules
    flagged = set(zip(t.loc[t["flag"].ne(""), "table"], t.loc[t["flag"].ne(""), "row_key"]))
    for (table, row_key), row in t.groupby(["table", "row_key"], sort=False):
        cells = dict(zip(row["col_key"], zip(row["value"], row["raw"])))
        total_col = ROW_TOTALS.get(table)
        total = cells.get(total_col, (np.nan, ""))[0]
        parts = [v for c, (v, _raw) in cells.items() if c != total_col and not np.isnan(v)]
        for col, (v, raw) in cells.items():
            if np.isnan(v) and raw == "" and blank_as_zero and (table, row_key) not in flagged:
                if col == total_col:
                    blank_is_zero = not any(parts)                       # a blank total of a row of 0s only
                else:
                    blank_is_zero = np.isnan(total) or total == sum(parts)  # else the blank holds the difference
                v = 0.0 if blank_is_zero else np.nan
                if blank_is_zero:
                    zeroed.add((table, row_key, col))
            values[table, row_key, col] = v
    # a blank on the short side of a requests column's identity whose other cells are stated holds the difference
    six = ["other_handling"] if template == "2019" else ["other_no_correction", "other_unpaid_fee", "other_misc"]
    sides = [(["new", "carried_over"], ["handled_total", "carried_forward"]),
             (["handled_total"], ["granted", "partially_granted", *DENIED, *UNABLE, *REJECTED, *six])]
    read = dict(values)  # (each identity on the cells as the rows' rules read them)
    for col in ["natural_person", *ORGS, "total"]:
        for lhs, rhs in sides:
            keys = [("requests", r, col) for r in lhs + rhs]
            if not all(k in read and (k in zeroed or not np.isnan(read[k])) for k in keys):
                continue  # a cell not given, nor blank: the column tells nothing
            stated = [sum(read[k] for k in keys[:len(lhs)]), sum(read[k] for k in keys[len(lhs):])]
            for k in (k for k in keys if k in zeroed):
                mine, other = (stated[0], stated[1]) if k[1] in lhs else (stated[1], stated[0])
                if mine < other - 1e-9:
                    values[k] = np.nan
    return values


def expected_metrics(t: pd.DataFrame, template: str, blank_as_zero: bool) -> dict[str, float]:
    """The indicators of one drawn report, from docs/metrics.md's formulas (``template``: the format it was drawn
    in, which its rows tell unless the rows that only that format has are all gone)."""
    v = cell_values(t, blank_as_zero, template)
    # the format of a table is told by the cells only one format has (formats in metrics.yaml): a drawn table
    # has the cells of its own format only, so it is told unless they are all gone
    own = {"requests": lambda r, c: r in (["other_handling"] if template == "2019" else
                                          ["other_no_correction", "other_unpaid_fee", "other_misc"]),
           "active": lambda r, c: (c in ("made", "published", "total_public", "prev_items", "change")
                                   or r in ("procurement", "other_services")) if template == "2019"
           else (c in ("issued", "repealed", "in_force") or (r, c) == ("fees", "amount_wan"))}
    told = {table: any(own[table](r, c) for (tb, r, c) in v if tb == table) for table in own}

    def cell(table: str, row: str, col: str = "total") -> float:
        return v.get((table, row, col), np.nan)

    def total(*cells: float) -> float:
        return sum(cells) if not any(np.isnan(c) for c in cells) else np.nan

    def rate(num: list[float], den: list[float], minus: list[float] = (), scale: float = 1.0) -> float:
        """sum(num) / (sum(den) - sum(minus)) * scale: NA for a missing or negative cell, or a denominator <= 0."""
        cells = [*num, *den, *minus]
        if any(np.isnan(c) or c < 0 for c in cells):
            return np.nan
        d = sum(den) - sum(minus)
        return sum(num) / d * scale if d > 0 else np.nan

    q = lambda row, col="total": cell("requests", row, col)  # noqa: E731
    rl = lambda row, col: cell("review_litigation", row, col)  # noqa: E731
    act = lambda row, col: cell("active", row, col) if told["active"] else np.nan  # noqa: E731
    handled = [q("handled_total")]
    if not told["requests"]:
        other = [np.nan]
    else:
        other = [q("other_handling")] if template == "2019" else [q(r) for r in
                                                                 ["other_no_correction", "other_unpaid_fee", "other_misc"]]
    made = "made" if template == "2019" else "issued"
    lawsuits = ["litigation_direct", "litigation_after_review"]
    return {
        "requests_new": q("new"), "requests_received": total(q("new"), q("carried_over")),
        "requests_handled": q("handled_total"),
        "full_grant_rate": rate([q("granted")], handled),
        "disclosure_rate": rate([q("granted"), q("partially_granted")], handled),
        "denial_rate": rate([q(r) for r in DENIED], handled),
        "unable_rate": rate([q(r) for r in UNABLE], handled),
        "not_held_rate": rate([q("unable_not_held")], handled),
        "rejected_rate": rate([q(r) for r in REJECTED], handled),
        "other_handling_rate": rate(other, handled),
        "not_processed_rate": (rate([q(r) for r in REJECTED] + [q("other_no_correction"), q("other_unpaid_fee")],
                                    handled) if told["requests"] and template == "2021" else np.nan),
        "legal_person_share": rate([q("new", c) for c in ORGS], [q("new")]),
        "reviews": rl("review", "total"), "lawsuits": total(*(rl(r, "total") for r in lawsuits)),
        "reviews_per_100": rate([rl("review", "total")], handled, scale=100.0),
        "lawsuits_per_100": rate([rl(r, "total") for r in lawsuits], handled, scale=100.0),
        "review_correction_rate": rate([rl("review", "corrected")], [rl("review", "total")], [rl("review", "pending")]),
        "litigation_correction_rate": rate([rl(r, "corrected") for r in lawsuits], [rl(r, "total") for r in lawsuits],
                                           [rl(r, "pending") for r in lawsuits]),
        "regulations_issued": act("regulations", made),
        "normative_documents_issued": act("normative_documents", made),
        "normative_documents_in_force": act("normative_documents", "in_force") if template == "2021" else np.nan,
        "licensing_decisions": cell("active", "licensing", "decisions"),
        "other_services_decisions": cell("active", "other_services", "decisions"),  # (a 2019 row, read in any format)
        "penalty_decisions": cell("active", "penalty", "decisions"),
        "coercion_decisions": cell("active", "coercion", "decisions"),
        "fees_amount_wan": act("fees", "amount_wan") if template == "2021" else np.nan,
        "procurement_amount_wan": cell("active", "procurement", "amount_wan"),  # (a 2019 row, read in any format)
    }


def assert_metrics(got: pd.Series, want: dict[str, float], what: str) -> None:
    for name, x in want.items():
        y = got[name]
        assert (math.isnan(x) and math.isnan(y)) or (not math.isnan(y) and math.isclose(x, y, rel_tol=1e-12)), \
            f"{what} {name}: expected {x}, got {y}"


def assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


# ------------------------------------------------------------------------------------------------ tests


@settings(max_examples=scaled(40), **SETTINGS)
@given(REPORTS)
def test_metrics_are_the_formulas_on_the_cells(specs: list[tuple]) -> None:
    tables, flags, formats = corpus(specs)
    for blank_as_zero in (False, True):
        got = report_metrics(tables, flags=flags, blank_as_zero=blank_as_zero).set_index("report_id")
        for rid, fmt in formats.items():
            cells = tables[tables["report_id"].eq(rid)]
            assert_metrics(got.loc[rid], expected_metrics(cells, fmt, blank_as_zero),
                           f"{rid} ({fmt}, blank_as_zero={blank_as_zero})")


@settings(max_examples=scaled(12), **SETTINGS)
@given(REPORTS, st.integers(0, 10**6))
def test_metrics_do_not_depend_on_order_index_ids_copies_or_how_flags_are_told(specs: list[tuple],
                                                                                seed: int) -> None:
    tables, flags, _ = corpus(specs)
    rng = np.random.default_rng(seed)
    shuffled = tables.iloc[rng.permutation(len(tables))]
    shuffled.index = pd.Index([f"i{k}" for k in rng.permutation(len(tables))])
    ids = sorted(tables["report_id"].unique())
    renamed = dict(zip(ids, [f"z-{k}" for k in range(len(ids))][::-1]))  # another sort order too
    back = {v: k for k, v in renamed.items()}
    for blank_as_zero in (False, True):
        kwargs = dict(blank_as_zero=blank_as_zero, components=True)
        want = report_metrics(tables, flags=flags, **kwargs)
        assert_same(want, report_metrics(shuffled, flags=flags.iloc[::-1], **kwargs))
        assert_same(want, report_metrics(pd.concat([tables, tables]), flags=pd.concat([flags, flags]), **kwargs))
        assert_same(want, report_metrics(tables.drop(columns="flag"), flags=flags, **kwargs))
        assert_same(want, report_metrics(tables, flags=flags.iloc[:0], **kwargs))  # the flag column tells
        got = report_metrics(tables.assign(report_id=tables["report_id"].map(renamed)),
                             flags=flags.assign(report_id=flags["report_id"].map(renamed)), **kwargs)
        got = got.assign(report_id=got["report_id"].map(back)).sort_values("report_id")
        assert_same(want, got)
        outcomes = outcome_composition(tables, flags=flags, blank_as_zero=blank_as_zero)
        assert_same(outcomes, outcome_composition(pd.concat([shuffled, tables]), flags=flags,
                                                  blank_as_zero=blank_as_zero))


@settings(max_examples=scaled(40), **SETTINGS)
@given(REPORTS)
def test_blank_as_zero_only_fills_in_missing_values(specs: list[tuple]) -> None:
    tables, flags, _ = corpus(specs)
    plain = report_metrics(tables, flags=flags, components=True).set_index("report_id")
    filled = report_metrics(tables, flags=flags, blank_as_zero=True, components=True).set_index("report_id")
    known = plain.notna().to_numpy()
    assert np.array_equal(plain.to_numpy()[known], filled.to_numpy()[known])
    if not (tables["value"].isna() & tables["raw"].eq("")).any():  # no blank cell: nothing to fill
        assert_same(plain, filled)


@settings(max_examples=scaled(15), **SETTINGS)
@given(st.integers(0, 10**6), st.sampled_from(["2019", "2021"]), st.booleans())
def test_a_generated_report_parsed_gives_the_formulas_on_its_numbers(seed: int, template: str,
                                                                     traditional: bool) -> None:
    # every layout but 'lines', which drops blank cells: its rows with blanks are flagged ragged, their cells NA
    layout = ["pipe_rows", "pipe_cells", "tab"][seed % 3]
    text, truth = make_report(seed, template=template, layout=layout, traditional=traditional, blank_rate=0.3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = toolkit.parse_text(text, report_id="r")
    truth = truth.assign(line=1, flag="")
    for blank_as_zero in (False, True):
        got = report_metrics(report.tables, flags=report.flags_frame(), blank_as_zero=blank_as_zero).iloc[0]
        assert_metrics(got, expected_metrics(truth, template, blank_as_zero),
                       f"seed {seed} ({template}, {layout}, traditional={traditional}, blank_as_zero={blank_as_zero})")
