"""Tests of toolkit.metrics: indicators on hand-made tables and on the seed reports."""
from __future__ import annotations

import fnmatch
import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

import toolkit
from toolkit import metrics
from toolkit.metrics import (
    _is_blank,
    identities_status,
    metric_definitions,
    metrics_doc,
    outcome_composition,
    report_metrics,
)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"]
REQ_COLS = APPLICANTS + ["total"]
DENIED = ["denied_state_secret", "denied_prohibited", "denied_security", "denied_third_party",
          "denied_internal", "denied_process", "denied_enforcement", "denied_query"]
UNABLE = ["unable_not_held", "unable_needs_creation", "unable_unclear"]
REJECTED = ["rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive",
            "rejected_confirmation"]
OTHER_2021 = ["other_no_correction", "other_unpaid_fee", "other_misc"]
REQ_ROWS_2019 = (["new", "carried_over", "granted", "partially_granted"] + DENIED + UNABLE + REJECTED
                 + ["other_handling", "handled_total", "carried_forward"])
REQ_ROWS_2021 = (["new", "carried_over", "granted", "partially_granted"] + DENIED + UNABLE + REJECTED
                 + OTHER_2021 + ["handled_total", "carried_forward"])
RL_ROWS = ["review", "litigation_direct", "litigation_after_review"]
RL_COLS = ["upheld", "corrected", "other", "pending", "total"]

# Canonical keys of shared/spec/schema.md (the contract metrics.yaml must spell exactly).
SCHEMA_KEYS = {
    "requests": (set(REQ_ROWS_2019) | set(REQ_ROWS_2021), set(REQ_COLS)),
    "review_litigation": (set(RL_ROWS), set(RL_COLS)),
    "active": (
        {"regulations", "normative_documents", "licensing", "other_services", "penalty", "coercion",
         "fees", "procurement"},
        {"made", "published", "total_public", "prev_items", "change", "decisions", "items",
         "amount_wan", "issued", "repealed", "in_force"},
    ),
}

BLANK = ""          # a blank cell: raw '', value NA, at a line of the table
NA_CELL = "/"       # a "not applicable" cell: raw '/', value NA
ABSENT = None       # a canonical row the parser lists but the report does not have (no line)
NO_FLAGS = pd.DataFrame(columns=["report_id", "code", "table", "line", "detail"])


def make_tables(report_id: str, cells: dict[str, object]) -> pd.DataFrame:
    """Long tables frame from {'table.row.col': value}; see BLANK / NA_CELL / ABSENT."""
    rows = []
    for i, (key, v) in enumerate(cells.items(), start=1):
        table, row, col = key.split(".")
        if v is ABSENT:
            value, raw, line = np.nan, "", pd.NA
        elif isinstance(v, str):
            value, raw, line = np.nan, v, i
        else:
            value, raw, line = float(v), f"{v:g}", i
        rows.append(dict(report_id=report_id, table=table, row_key=row, col_key=col, value=value,
                         raw=raw, unit="", row_label=row, col_label=col, line=line))
    out = pd.DataFrame(rows)
    out["line"] = out["line"].astype("Int64")
    return out


def requests_cells(fmt: str, totals: dict[str, object], **row_cells: dict[str, object]) -> dict:
    """All rows of a requests table: total column from ``totals``, applicant cells 0 unless given."""
    rows = REQ_ROWS_2019 if fmt == "2019" else REQ_ROWS_2021
    out: dict[str, object] = {}
    for r in rows:
        given = row_cells.get(r, {})
        for c in APPLICANTS:
            out[f"requests.{r}.{c}"] = given.get(c, 0)
        out[f"requests.{r}.total"] = totals.get(r, 0)
    return out


def rl_cells(values: dict[str, list[object]]) -> dict:
    out: dict[str, object] = {}
    for r in RL_ROWS:
        for c, v in zip(RL_COLS, values.get(r, [0, 0, 0, 0, 0])):
            out[f"review_litigation.{r}.{c}"] = v
    return out


def active_2019(**rows: list[object]) -> dict:
    spec = {"regulations": ["made", "published", "total_public"],
            "normative_documents": ["made", "published", "total_public"],
            "licensing": ["prev_items", "change", "decisions"],
            "other_services": ["prev_items", "change", "decisions"],
            "penalty": ["prev_items", "change", "decisions"],
            "coercion": ["prev_items", "change", "decisions"],
            "fees": ["prev_items", "change"],
            "procurement": ["items", "amount_wan"]}
    return {f"active.{r}.{c}": v for r, cols in spec.items() for c, v in zip(cols, rows.get(r, [0] * 3))}


def active_2021(**rows: list[object]) -> dict:
    spec = {"regulations": ["issued", "repealed", "in_force"],
            "normative_documents": ["issued", "repealed", "in_force"],
            "licensing": ["decisions"], "penalty": ["decisions"], "coercion": ["decisions"],
            "fees": ["amount_wan"]}
    return {f"active.{r}.{c}": v for r, cols in spec.items() for c, v in zip(cols, rows.get(r, [0] * 3))}


# A 2019-format report with the numbers of seed 004 (市住建局 2020), blanks as in the seed.
R2019_TOTALS = {"new": 20, "carried_over": 0, "granted": 6, "partially_granted": 0,
                "denied_third_party": 1, "denied_process": 1, "denied_enforcement": 2,
                "unable_not_held": 6, "rejected_petition": 2, "other_handling": 2,
                "handled_total": 19, "carried_forward": 1}
R2019_NEW = {"natural_person": 16, "commercial": 4, "research": BLANK, "nonprofit": BLANK,
             "legal_services": BLANK, "other_org": BLANK}

# A 2021-format report with the numbers of seed 002 (伊州区住建局 2024), plus a lawsuit mix.
R2021_TOTALS = {"new": 4, "carried_over": 4, "granted": 3, "unable_not_held": 1, "handled_total": 4,
                "carried_forward": 0}


def seed004_like() -> pd.DataFrame:
    cells = requests_cells("2019", R2019_TOTALS, new=R2019_NEW)
    cells.update(rl_cells({}))
    cells.update(active_2019(normative_documents=[0, 0, 2], licensing=[67, 0, 1363],
                             other_services=[56, 0, 1546], penalty=[125, 0, 79], fees=[2, 5],
                             procurement=[45, 21.53]))
    return make_tables("r2019", cells)


def seed002_like() -> pd.DataFrame:
    cells = requests_cells("2021", R2021_TOTALS, new={"natural_person": 4},
                           carried_over={"natural_person": BLANK})
    cells.update(rl_cells({"review": [1, 1, 1, 0, 3], "litigation_direct": [1, 0, 4, 0, 5],
                           "litigation_after_review": [0, 0, 1, 0, 1]}))
    cells.update(active_2021(licensing=[253]))
    return make_tables("r2021", cells)


def one(df: pd.DataFrame, rid: str) -> pd.Series:
    return df.set_index("report_id").loc[rid]


@pytest.fixture
def both() -> pd.DataFrame:
    return pd.concat([seed004_like(), seed002_like()], ignore_index=True)


# --------------------------------------------------------------------------------------------


EXPECTED_2019 = {
    "requests_new": 20, "requests_received": 20, "requests_handled": 19,
    "full_grant_rate": 6 / 19, "disclosure_rate": 6 / 19, "denial_rate": 4 / 19,
    "unable_rate": 6 / 19, "not_held_rate": 6 / 19, "rejected_rate": 2 / 19,
    "other_handling_rate": 2 / 19, "not_processed_rate": math.nan, "legal_person_share": math.nan,
    "reviews": 0, "lawsuits": 0, "reviews_per_100": 0.0, "lawsuits_per_100": 0.0,
    "review_correction_rate": math.nan, "litigation_correction_rate": math.nan,
    "regulations_issued": 0, "normative_documents_issued": 0, "normative_documents_in_force": math.nan,
    "licensing_decisions": 1363, "other_services_decisions": 1546, "penalty_decisions": 79,
    "coercion_decisions": 0, "fees_amount_wan": math.nan, "procurement_amount_wan": 21.53,
}
EXPECTED_2021 = {
    "requests_new": 4, "requests_received": 8, "requests_handled": 4,
    "full_grant_rate": 0.75, "disclosure_rate": 0.75, "denial_rate": 0.0, "unable_rate": 0.25,
    "not_held_rate": 0.25, "rejected_rate": 0.0, "other_handling_rate": 0.0, "not_processed_rate": 0.0,
    "legal_person_share": 0.0, "reviews": 3, "lawsuits": 6, "reviews_per_100": 75.0,
    "lawsuits_per_100": 150.0, "review_correction_rate": 1 / 3, "litigation_correction_rate": 0.0,
    "regulations_issued": 0, "normative_documents_issued": 0, "normative_documents_in_force": 0,
    "licensing_decisions": 253, "other_services_decisions": math.nan, "penalty_decisions": 0,
    "coercion_decisions": 0, "fees_amount_wan": 0.0, "procurement_amount_wan": math.nan,
}


def assert_metric(got: float, want: float, name: str) -> None:
    if isinstance(want, float) and math.isnan(want):
        assert pd.isna(got), f"{name}: expected NA, got {got}"
    else:
        assert got == pytest.approx(want, rel=1e-12, abs=0), f"{name}: expected {want}, got {got}"


@pytest.fixture(scope="module")
def both_metrics() -> pd.DataFrame:
    return report_metrics(pd.concat([seed004_like(), seed002_like()], ignore_index=True))


@pytest.mark.parametrize("name", list(EXPECTED_2019))
def test_each_metric_on_hand_made_reports(both_metrics: pd.DataFrame, name: str) -> None:
    res = both_metrics
    assert_metric(one(res, "r2019")[name], EXPECTED_2019[name], f"r2019 {name}")
    assert_metric(one(res, "r2021")[name], EXPECTED_2021[name], f"r2021 {name}")


def test_expected_tables_cover_every_metric() -> None:
    names = metric_definitions()["name"].tolist()
    assert sorted(names) == sorted(EXPECTED_2019) == sorted(EXPECTED_2021)


def test_output_shape_and_order(both: pd.DataFrame) -> None:
    shuffled = both.sample(frac=1.0, random_state=1)
    res = report_metrics(shuffled)
    assert res["report_id"].tolist() == ["r2019", "r2021"]
    assert res.columns.tolist() == ["report_id"] + metric_definitions()["name"].tolist()
    for name in metric_definitions()["name"]:
        assert res[name].dtype == np.float64, name


def test_blank_as_zero_fills_blank_cells_only(both: pd.DataFrame) -> None:
    res = report_metrics(both, blank_as_zero=True, flags=NO_FLAGS)
    assert one(res, "r2019")["legal_person_share"] == pytest.approx(4 / 20)
    # an ordinary run keeps NA (the five organisation cells include blanks)
    assert pd.isna(one(report_metrics(both), "r2019")["legal_person_share"])


@pytest.mark.parametrize("cell, blank_as_zero, expect_na", [
    (BLANK, False, True),
    (BLANK, True, False),
    (NA_CELL, False, True),
    (NA_CELL, True, True),      # "/" is not applicable, not zero
    ("—", True, True),
    ("无", True, True),
    (ABSENT, True, True),       # a row the report does not have stays NA
])
def test_na_propagation_in_sums(cell: object, blank_as_zero: bool, expect_na: bool) -> None:
    cells = requests_cells("2019", R2019_TOTALS)
    cells["requests.denied_query.total"] = cell
    res = one(report_metrics(make_tables("x", cells), blank_as_zero=blank_as_zero, flags=NO_FLAGS), "x")
    assert pd.isna(res["denial_rate"]) is expect_na
    if not expect_na:
        assert res["denial_rate"] == pytest.approx(4 / 19)
    # metrics that do not need the cell are unaffected
    assert res["full_grant_rate"] == pytest.approx(6 / 19)


@pytest.mark.parametrize("mark", [NA_CELL, "-", "无"])
def test_blank_as_zero_keeps_a_blank_total_beside_a_not_applicable_cell_missing(mark: str) -> None:
    # A row '/ | 0 | 0 | 0 | 0 | 0 | (blank 总计)': the '/' is NA (not applicable, not zero), so the row's sum is not
    # known and its blank total was left out, as that of a row with a count in it is (metrics.yaml row_totals: a
    # blank total of a row whose other cells are not all 0 keeps NA).  blank_as_zero read the total as 0 (the '/'
    # taken for no value at all): denial_rate 4/19 on a 不予公开 row whose total nobody wrote.
    cells = requests_cells("2019", R2019_TOTALS)
    cells["requests.denied_query.natural_person"] = mark
    cells["requests.denied_query.total"] = BLANK
    res = one(report_metrics(make_tables("x", cells), blank_as_zero=True, flags=NO_FLAGS), "x")
    assert pd.isna(res["denial_rate"])
    assert res["full_grant_rate"] == pytest.approx(6 / 19)
    # a blank total of a row of zeros is still 0, and a stated total beside the mark is read as written
    cells["requests.denied_query.natural_person"] = 0
    assert one(report_metrics(make_tables("x", cells), blank_as_zero=True, flags=NO_FLAGS), "x")[
        "denial_rate"] == pytest.approx(4 / 19)
    cells["requests.denied_query.natural_person"], cells["requests.denied_query.total"] = mark, 0
    assert one(report_metrics(make_tables("x", cells), blank_as_zero=True, flags=NO_FLAGS), "x")[
        "denial_rate"] == pytest.approx(4 / 19)


@pytest.mark.parametrize("code, expect_na", [("ambiguous_digits", True), ("ragged", True),
                                             ("identity_failed", False)])
def test_blank_as_zero_keeps_cells_of_flagged_rows_na(code: str, expect_na: bool) -> None:
    cells = requests_cells("2019", R2019_TOTALS)
    cells["requests.denied_query.total"] = BLANK        # parser could not split this row's digits
    tables = make_tables("x", cells)
    line = int(tables.loc[tables["row_key"].eq("denied_query") & tables["col_key"].eq("total"), "line"].iloc[0])
    flags = pd.DataFrame({"report_id": ["x", "x"], "code": [code, code], "table": ["requests", "active"],
                          "line": [line, line + 1], "detail": ["denied_query: 3 readings", ""]})
    res = one(report_metrics(tables, blank_as_zero=True, flags=flags), "x")
    assert pd.isna(res["denial_rate"]) is expect_na
    # another report with the same line number is not affected by x's flag
    other = make_tables("y", cells)
    res = report_metrics(pd.concat([tables, other]), blank_as_zero=True, flags=flags).set_index("report_id")
    assert res.loc["y", "denial_rate"] == pytest.approx(4 / 19)


def test_blank_as_zero_keeps_cells_of_a_table_flagged_at_no_line_na() -> None:
    # A requests table whose header's 小计 neither header nor rows place is flagged ragged at no line (the table's
    # flag: no count placed), its cells left blank at their rows' lines.  Told by flags and line (tables without
    # the flag column), the flag named no row, so blank_as_zero made every cell 0: requests_new 0.0, not NA.
    cells = requests_cells("2019", {r: BLANK for r in REQ_ROWS_2019},
                           **{r: {c: BLANK for c in APPLICANTS} for r in REQ_ROWS_2019})
    cells.update(rl_cells({"review": [1, 0, 0, 0, 1]}))
    tables = make_tables("x", cells)
    flags = pd.DataFrame({"report_id": ["x"], "code": ["ragged"], "table": ["requests"], "line": [pd.NA],
                          "detail": ["the header's 小计 may stand first among the organisations …: no count placed"]})
    flagged = tables.assign(flag=np.where(tables["table"].eq("requests"), "ragged", ""))
    for frame in (tables, flagged):
        res = one(report_metrics(frame, blank_as_zero=True, flags=flags), "x")
        assert res[["requests_new", "requests_handled", "full_grant_rate"]].isna().all()
        assert res["reviews"] == 1.0
    # the flag is x's requests table's alone: another report's blank cells, and x's other tables', are 0
    other = make_tables("y", {"requests.new.total": BLANK, "review_litigation.review.total": BLANK})
    res = report_metrics(pd.concat([tables, other]), blank_as_zero=True, flags=flags).set_index("report_id")
    assert res.loc["y", "requests_new"] == 0.0 and res.loc["y", "reviews"] == 0.0


def test_row_missing_from_frame_is_na() -> None:
    cells = requests_cells("2019", R2019_TOTALS)
    del cells["requests.rejected_excessive.total"]
    res = one(report_metrics(make_tables("x", cells), blank_as_zero=True, flags=NO_FLAGS), "x")
    assert pd.isna(res["rejected_rate"])
    assert res["not_held_rate"] == pytest.approx(6 / 19)


def test_blank_total_is_not_replaced_by_applicant_sum() -> None:
    cells = requests_cells("2019", R2019_TOTALS, new={"natural_person": 16, "commercial": 4})
    cells["requests.new.total"] = BLANK
    res = one(report_metrics(make_tables("x", cells)), "x")
    assert pd.isna(res["requests_new"]) and pd.isna(res["requests_received"])
    assert pd.isna(res["legal_person_share"])


@pytest.mark.parametrize("handled", [0, BLANK])
def test_division_by_zero_or_missing_denominator_is_na(handled: object) -> None:
    totals = {k: 0 for k in R2019_TOTALS}
    totals["handled_total"] = handled
    cells = requests_cells("2019", totals)
    cells.update(rl_cells({"review": [0, 0, 0, 2, 2]}))
    res = one(report_metrics(make_tables("x", cells)), "x")
    for name in ["full_grant_rate", "disclosure_rate", "denial_rate", "unable_rate", "not_held_rate",
                 "rejected_rate", "other_handling_rate", "reviews_per_100", "lawsuits_per_100",
                 "review_correction_rate"]:
        assert pd.isna(res[name]), name
        assert not np.isinf(res[name])
    assert res["reviews"] == 2


def test_correction_rates_use_concluded_cases() -> None:
    cells = rl_cells({"review": [2, 1, 0, 1, 4], "litigation_direct": [0, 1, 0, 1, 2],
                      "litigation_after_review": [1, 0, 0, 0, 1]})
    res = one(report_metrics(make_tables("x", cells)), "x")
    assert res["review_correction_rate"] == pytest.approx(1 / 3)
    assert res["litigation_correction_rate"] == pytest.approx(1 / 2)
    # an inconsistent row (pending > total) gives a negative denominator: NA, not a rate
    bad = rl_cells({"review": [0, 1, 0, 5, 3]})
    assert pd.isna(one(report_metrics(make_tables("y", bad)), "y")["review_correction_rate"])


def test_format_is_told_from_keys_not_year() -> None:
    # a 2019-format requests table with 2021-style leaves absent, and vice versa
    r19 = make_tables("a", requests_cells("2019", R2019_TOTALS))
    r21 = make_tables("b", requests_cells("2021", {"granted": 2, "other_no_correction": 1,
                                                   "other_misc": 1, "handled_total": 4}))
    res = report_metrics(pd.concat([r19, r21]))
    assert one(res, "a")["other_handling_rate"] == pytest.approx(2 / 19)
    assert pd.isna(one(res, "a")["not_processed_rate"])
    assert one(res, "b")["other_handling_rate"] == pytest.approx(2 / 4)
    assert one(res, "b")["not_processed_rate"] == pytest.approx(1 / 4)


def test_placeholder_rows_of_the_other_format_do_not_confuse_it() -> None:
    cells = requests_cells("2019", R2019_TOTALS)
    for r in OTHER_2021:                     # parser lists 2021 rows the report does not have
        cells[f"requests.{r}.total"] = ABSENT
    res = one(report_metrics(make_tables("a", cells)), "a")
    assert res["other_handling_rate"] == pytest.approx(2 / 19)


def test_unknown_format_gives_na_for_format_specific_metrics() -> None:
    cells = {"requests.granted.total": 1, "requests.handled_total.total": 2,
             "active.licensing.decisions": 7}
    res = one(report_metrics(make_tables("a", cells)), "a")
    assert res["full_grant_rate"] == 0.5
    assert res["licensing_decisions"] == 7
    assert pd.isna(res["other_handling_rate"])
    assert pd.isna(res["regulations_issued"])


def test_identities_ok() -> None:
    checks = pd.DataFrame({
        "report_id": ["a", "a", "b", "b", "c", "c", "d"],
        "table": "requests", "check": "balance",
        "key": ["total", "new", "total", "natural_person", "total", "d<-a:total", "d<-c:total"],
        "status": ["ok", "ok", "ok", "failed", "ok", "unverifiable", "failed"],
    })
    tables = pd.concat([make_tables(r, {"requests.new.total": 1}) for r in "abcde"])
    res = report_metrics(tables, checks=checks).set_index("report_id")["identities_ok"]
    assert str(res.dtype) == "boolean"
    assert res["a"] == True  # noqa: E712
    assert res["b"] == False  # noqa: E712
    assert res["c"] == True  # noqa: E712  (cross-year key ignored)
    assert pd.isna(res["d"])                 # only a cross-year check
    assert pd.isna(res["e"])                 # no check at all
    unverifiable = checks.assign(status=["ok", "unverifiable", "ok", "ok", "ok", "ok", "ok"])
    assert pd.isna(identities_status(unverifiable)["a"])


def test_reports_add_rows_and_grouping_columns(both: pd.DataFrame) -> None:
    reports = pd.DataFrame({"report_id": ["r2021", "r2019", "zz_failed"], "path": ["p1", "p2", "p3"],
                            "agency": ["伊州区住建局", "市住建局", "某局"], "report_year": [2024, 2020, 2019],
                            "template": ["2021", "2019", "unknown"], "status": ["ok", "ok", "failed"]})
    res = report_metrics(both, reports=reports)
    assert res["report_id"].tolist() == ["r2019", "r2021", "zz_failed"]
    assert res.columns[:5].tolist() == ["report_id", "agency", "report_year", "template", "status"]
    assert "path" not in res.columns
    assert one(res, "r2019")["agency"] == "市住建局"
    failed = one(res, "zz_failed")
    assert all(pd.isna(failed[n]) for n in metric_definitions()["name"])


def test_components(both: pd.DataFrame) -> None:
    res = one(report_metrics(both, components=True), "r2019")
    assert res["denial_rate_num"] == 4 and res["denial_rate_den"] == 19
    assert res["reviews_per_100_num"] == 0 and res["reviews_per_100_den"] == 19
    assert "requests_new_num" not in res.index  # counts have no components


def test_outcome_composition(both: pd.DataFrame) -> None:
    comp = outcome_composition(both).set_index("report_id")
    assert comp.loc["r2019"].tolist() == [6, 0, 4, 6, 2, 2, 19]
    assert comp.loc["r2021"].tolist() == [3, 0, 0, 1, 0, 0, 4]
    assert comp.columns.tolist() == ["granted", "partially_granted", "denied", "unable", "rejected",
                                     "other", "handled_total"]


def test_duplicated_cell_keeps_first(both: pd.DataFrame) -> None:
    dup = make_tables("r2019", {"requests.handled_total.total": 1000})
    res = one(report_metrics(pd.concat([both, dup], ignore_index=True)), "r2019")
    assert res["requests_handled"] == 19


def test_a_cell_given_twice_is_one_cell_to_blank_as_zero(both: pd.DataFrame) -> None:
    # The same tables twice (two runs' tables.csv put together): row 一 of r2019 (16 | 4 | blank × 4 | 20) summed
    # its parts twice, 40 against its total 20, so its blanks were taken for the difference and stayed NA:
    # legal_person_share NaN, not 4 / 20 as from one copy.
    twice = pd.concat([both, both], ignore_index=True)
    once = report_metrics(both, blank_as_zero=True, flags=NO_FLAGS)
    got = report_metrics(twice, blank_as_zero=True, flags=NO_FLAGS)
    assert one(got, "r2019")["legal_person_share"] == pytest.approx(4 / 20)
    pd.testing.assert_frame_equal(got, once)
    # a second copy that differs does not decide about the first either: the first copy is the one read
    other = both.assign(value=both["value"].where(~(both["row_key"].eq("new") & both["col_key"].eq("total")), 99.0))
    got = report_metrics(pd.concat([both, other], ignore_index=True), blank_as_zero=True, flags=NO_FLAGS)
    pd.testing.assert_frame_equal(got, once)
    # nor in a pre-2019 table: seed 003 with 网络申请数 blank (收到申请数 blank above blank items: 0) then a copy with
    # 网络申请数 1 gave NA, the second copy's item deciding about the first's 收到申请数
    text = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8")
    none_online = text.replace("3﹒网络申请数 | 件 | 1 |", "3﹒网络申请数 | 件 | |")
    first, second = (toolkit.parse_text(doc, report_id="003") for doc in (none_online, text))
    got = report_metrics(pd.concat([first.tables, second.tables], ignore_index=True), blank_as_zero=True,
                         flags=first.flags_frame())
    assert got.loc[0, "requests_new"] == 0.0


@pytest.mark.parametrize("kwargs, exc, match", [
    (dict(tables=[1, 2]), TypeError, "tables must be a pandas DataFrame, got list"),
    (dict(tables=pd.DataFrame({"report_id": []})), ValueError, r"tables lacks the columns \['table'"),
    (dict(blank_as_zero="yes"), TypeError, "blank_as_zero must be True or False, got 'yes'"),
    (dict(components=1), TypeError, "components must be True or False, got 1"),
    (dict(blank_as_zero=True), ValueError, r"blank_as_zero=True needs flags= \(flags.csv"),
    (dict(flags=[]), TypeError, "flags must be a pandas DataFrame or None, got list"),
    (dict(flags=pd.DataFrame({"report_id": ["a"]})), ValueError, r"flags lacks the columns \['code'"),
    (dict(reports=pd.DataFrame({"id": [1]})), ValueError, r"reports lacks the columns \['report_id'\]"),
    (dict(checks=pd.DataFrame({"report_id": ["a"]})), ValueError, r"checks lacks the columns \['status'\]"),
])
def test_bad_arguments(both: pd.DataFrame, kwargs: dict, exc: type, match: str) -> None:
    args = {"tables": both, **kwargs}
    with pytest.raises(exc, match=match):
        report_metrics(args.pop("tables"), **args)


def test_blank_as_zero_needs_raw(both: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="blank_as_zero=True needs a 'raw' column"):
        report_metrics(both.drop(columns="raw"), blank_as_zero=True, flags=NO_FLAGS)
    assert report_metrics(both.drop(columns=["raw", "line"]))["requests_handled"].tolist() == [19, 4]


def test_bad_check_status() -> None:
    with pytest.raises(ValueError, match=r"checks.status must be one of \['failed', 'ok', 'unverifiable'\], got \['bad'\]"):
        identities_status(pd.DataFrame({"report_id": ["a"], "status": ["bad"]}))


def test_no_warning_escapes(both: pd.DataFrame) -> None:
    checks = pd.DataFrame({"report_id": ["r2019"], "status": ["failed"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report_metrics(both, checks=checks, blank_as_zero=True, components=True, flags=NO_FLAGS)
        outcome_composition(both, blank_as_zero=True, flags=NO_FLAGS)
        # all-zero denominators must not warn either
        zeros = make_tables("z", requests_cells("2019", {}))
        report_metrics(zeros)


# -------------------------------------------------------------------------- definitions / docs


def test_docs_metrics_md_is_generated_from_yaml() -> None:
    doc = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    assert doc == metrics_doc(), "docs/metrics.md is stale: regenerate it with metrics_doc()"


def test_identities_ok_doc_says_soft_checks_are_not_counted() -> None:
    # docs/metrics.md defined identities_ok as "True when all its checks are ok" while pingtan-2020-05, with two
    # unverifiable soft checks (items_not_negative), is True: soft checks are not counted, and the doc says so.
    checks = pd.DataFrame({"report_id": ["p", "p"], "table": ["requests", "active"],
                           "check": ["row_total", "items_not_negative"], "status": ["ok", "unverifiable"]})
    assert bool(identities_status(checks)["p"]) is True
    note = next(n for n in metrics._spec()["notes"] if n.startswith("`identities_ok`"))
    assert "soft checks" in note and "items_not_negative" in note and "not counted" in note
    assert note.replace("  ", " ") in metrics_doc()


def test_per_100_indicators_are_not_shares_and_say_so() -> None:
    # Seed 002 handled 4 requests and counts 3 reconsiderations and 6 lawsuits: 75 and 150 "per 100", kept as
    # they are (a year's lawsuits are not a part of its handled requests); the definitions warn of it.
    m = report_metrics(toolkit.parse_report(ROOT / "data" / "raw" / "002_809f9474e249d214.txt").tables).iloc[0]
    assert (m["requests_handled"], m["reviews_per_100"], m["lawsuits_per_100"]) == (4.0, 75.0, 150.0)
    defs = metric_definitions().set_index("name")
    for name in defs.index[defs["kind"] == "per_100"]:
        assert "Not a share" in defs.loc[name, "description"] and "exceed 100" in defs.loc[name, "description"]


def test_definitions_document_every_metric() -> None:
    defs = metric_definitions()
    assert defs["name"].is_unique
    for r in defs.itertuples():
        assert r.label and r.description and r.na, r.name
        assert (r.denominator == "") == (r.kind == "count"), r.name
        assert f"### `{r.name}`" in metrics_doc()


def _all_terms(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [t for v in obj.values() for t in _all_terms(v)]
    if isinstance(obj, list):
        return [t for v in obj for t in _all_terms(v)]
    return []


def test_yaml_terms_use_schema_keys() -> None:
    spec = yaml.safe_load((ROOT / "toolkit" / "data" / "metrics.yaml").read_text(encoding="utf-8"))
    terms = _all_terms(spec["groups"]) + _all_terms([m["numerator"] for m in spec["metrics"]])
    terms += _all_terms([m.get("denominator", []) for m in spec["metrics"]])
    terms += _all_terms([o["terms"] for o in spec["outcomes"]])
    for c in spec["cross_year_checks"]:
        for x in c["over"]:
            terms += [t.replace("{x}", x).split(":", 1)[1] for t in c["found"] + c["expected"]]
    checked = 0
    for term in terms:
        term = term.lstrip("-")
        if term.startswith("@"):
            assert term[1:] in spec["groups"], term
            continue
        table, row, col = term.split(".")
        rows, cols = SCHEMA_KEYS[table]
        assert row in rows and col in cols, term
        checked += 1
    assert checked > 80
    # the legacy terms name rows of the pre-2019 table (formats.yaml) and its value column
    legacy_rows = set(yaml.safe_load((ROOT / "toolkit" / "data" / "formats.yaml").read_text(encoding="utf-8"))[
        "legacy"]["rows"])
    legacy = _all_terms([m.get("legacy", []) for m in spec["metrics"]])
    assert len(legacy) == 4
    for term in legacy:
        table, row, col = term.split(".")
        assert table == "legacy" and row in legacy_rows and col == "value", term
    for table, formats in spec["formats"].items():
        for pats in formats.values():
            for pat in pats:
                rows, cols = SCHEMA_KEYS[table]
                assert any(fnmatch.fnmatchcase(f"{r}.{c}", pat) for r in rows for c in cols), pat


def test_malformed_definitions_are_rejected() -> None:
    spec = yaml.safe_load((ROOT / "toolkit" / "data" / "metrics.yaml").read_text(encoding="utf-8"))
    spec["metrics"][0]["kind"] = "ratio"
    with pytest.raises(ValueError, match="has kind 'ratio'; allowed"):
        metrics._validate_spec(spec)
    spec = yaml.safe_load((ROOT / "toolkit" / "data" / "metrics.yaml").read_text(encoding="utf-8"))
    spec["metrics"][0]["numerator"] = ["requests.new"]
    with pytest.raises(ValueError, match="is not table.row_key.col_key"):
        metrics._validate_spec(spec)


# -------------------------------------------------------------------------- seeds (real reports)

SEED_EXPECTED = {
    # 001 乌当区人民政府 2020 (2019 format, '|' cells): computed by hand from the seed text.
    "001_4d29bfef72dd56db": {
        "requests_new": 99, "requests_received": 99, "requests_handled": 99,
        "full_grant_rate": 74 / 99, "disclosure_rate": 76 / 99, "denial_rate": 11 / 99,
        "not_held_rate": 6 / 99, "rejected_rate": 6 / 99, "other_handling_rate": 0.0,
        "not_processed_rate": math.nan, "legal_person_share": 11 / 99, "reviews": 4, "lawsuits": 3,
        "reviews_per_100": 400 / 99, "lawsuits_per_100": 300 / 99, "review_correction_rate": 0.0,
        "litigation_correction_rate": 0.5, "normative_documents_issued": 1,
        "licensing_decisions": 65651, "other_services_decisions": 1342, "penalty_decisions": 610,
        "coercion_decisions": 21, "procurement_amount_wan": 630.2,
    },
    # 002 伊州区住建局 2024 (2021 format, traditional script).  Row 二 states total 4 next to a
    # blank and zeros: the total as written is used.
    "002_809f9474e249d214": EXPECTED_2021,
    # 004 市住建局 2020 (2019 format, tab cells, blanks for zero): NA share of legal persons.
    "004_b232cca7e491c758": EXPECTED_2019,
    # 003 高港区住建局 2017 (legacy): no request-outcome table, so every rate is NA; its statistics table states
    # 行政复议数量 0, 行政诉讼数量 0 and 制发规范性文件总数 0, and leaves 收到申请数 blank.
    "003_ce1f8ef96d3daffd": {"requests_new": math.nan, "requests_handled": math.nan, "full_grant_rate": math.nan,
                             "reviews": 0, "lawsuits": 0, "normative_documents_issued": 0,
                             "reviews_per_100": math.nan, "licensing_decisions": math.nan},
}


def _seed(stem: str):
    return toolkit.parse_report(RAW / f"{stem}.txt")


@pytest.mark.parametrize("stem", sorted(SEED_EXPECTED))
def test_metrics_on_seed(stem: str) -> None:
    res = report_metrics(_seed(stem).tables).iloc[0]
    for name, want in SEED_EXPECTED[stem].items():
        assert_metric(res[name], want, f"{stem} {name}")


def test_seed_004_blank_as_zero() -> None:
    report = _seed("004_b232cca7e491c758")
    res = report_metrics(report.tables, blank_as_zero=True, flags=report.flags_frame()).iloc[0]
    assert res["legal_person_share"] == pytest.approx(4 / 20)
    # the zero-blank cells of row 三(七) now count, so outcomes still sum to 20 against 19 handled
    assert res["full_grant_rate"] == pytest.approx(6 / 19)


def test_a_2021_table_that_keeps_2019_rows_gives_their_values(tmp_path: Path) -> None:
    # seed 002 (2021 format) with the 2019 row 其他对外管理服务事项 | 120 in block (五) and a (九) 政府集中采购 block
    # of 630.2万元: both are read and the table flagged mixed_template, so the indicators give what it states
    text = (RAW / "002_809f9474e249d214.txt").read_text(encoding="utf-8")
    licensing = "行政許可 |\n253 |\n||\n"
    assert licensing in text
    text = text.replace(licensing, licensing + "其他對外管理服務事項 |\n120 |\n||\n", 1)
    block_9 = ("第二十條 第(九)項 |\n|||\n信息內容 |\n采購項目數量 |\n采購總金額 |\n"
               "政府集中采购 |\n12 |\n630.2萬元 |\n")
    text = text.replace("三、收到和處理", block_9 + "三、收到和處理", 1)
    (tmp_path / "002_mixed.txt").write_text(text, encoding="utf-8")
    report = toolkit.parse_report(tmp_path / "002_mixed.txt")
    assert "mixed_template" in {f.code for f in report.flags}
    res = report_metrics(report.tables).iloc[0]
    assert_metric(res["other_services_decisions"], 120, "other_services_decisions")
    assert_metric(res["procurement_amount_wan"], 630.2, "procurement_amount_wan")
    assert_metric(res["fees_amount_wan"], 0.0, "fees_amount_wan")  # (the table's own 2021 rows as before)


def test_corpus_ambiguous_digits_stay_na_with_blank_as_zero() -> None:
    # pingtan-2023-01: the 行政规范性文件 row of the active table is a run of digits with several
    # readings; it is flagged and its cells are NA, which blank_as_zero must not turn into 0.
    report = _seed("pingtan-2023-01")
    assert "ambiguous_digits" in {f.code for f in report.flags}
    for blank_as_zero in (False, True):
        res = report_metrics(report.tables, blank_as_zero=blank_as_zero, flags=report.flags_frame()).iloc[0]
        assert pd.isna(res["normative_documents_issued"])
        assert pd.isna(res["normative_documents_in_force"])


def test_blank_as_zero_keeps_a_blank_total_of_a_filled_row_missing(tmp_path) -> None:
    # Many reports leave the 总计 column blank: blank_as_zero made those totals 0, and the request counts and
    # rates 0 or NA although the applicant cells say 12 new requests. A blank total of a row of zeros is 0.
    import toolkit

    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    report = toolkit.parse_text(text, report_id="r")
    grid = report.table("requests")
    assert grid.loc["new", "total"] == 99 and grid.loc["carried_over", "total"] == 0
    tables = report.tables.copy()
    total = tables["table"].eq("requests") & tables["col_key"].eq("total")
    tables.loc[total, ["value", "raw"]] = [np.nan, ""]  # the total column left blank
    flags = report.flags_frame()
    got = report_metrics(tables, blank_as_zero=True, flags=flags).iloc[0]
    assert pd.isna(got["requests_new"])  # before: 0
    cells = tables.loc[total].set_index("row_key")
    blank = _is_blank(tables, flags)[total.to_numpy()]
    zero_rows = {k for k, row in report.table("requests").iterrows() if (row.drop("total") == 0).all()}
    assert {k for k, b in zip(cells.index, blank) if b} == zero_rows and "carried_over" in zero_rows


def test_blank_as_zero_keeps_a_blank_row_a_columns_identity_needs_missing() -> None:
    # Seed 001 with a whole row left blank: blank_as_zero made 一、本年新收 0 (requests_new 0.0) although its
    # column's identity, 新收 + 上年结转 = 办结 + 结转, gives 99 = 99 + 0 with the stated cells, and 予以公开 0
    # (full_grant_rate 0.0) where 总计 99 is 25 more than the other outcomes. A blank on the short side of a
    # column's identity holds the difference; a blank row the stated cells balance without is 0.
    report = _seed("001_4d29bfef72dd56db")
    flags = report.flags_frame()

    def blanked(row: str) -> pd.Series:
        tables = report.tables.copy()
        cells = tables["table"].eq("requests") & tables["row_key"].eq(row)
        tables.loc[cells, ["value", "raw"]] = [np.nan, ""]
        return report_metrics(tables, blank_as_zero=True, flags=flags).iloc[0]

    got = blanked("new")
    assert pd.isna(got["requests_new"]) and pd.isna(got["legal_person_share"])  # before: 0.0, NA
    assert got["requests_handled"] == 99
    got = blanked("granted")
    assert pd.isna(got["full_grant_rate"]) and pd.isna(got["disclosure_rate"])  # before: 0.0, 2/99
    assert got["requests_new"] == 99 and got["unable_rate"] == pytest.approx(6 / 99)
    got = blanked("carried_over")  # 99 + blank = 99 + 0: the blank is 0
    assert got["requests_received"] == 99 and got["full_grant_rate"] == pytest.approx(74 / 99)


def test_blank_as_zero_without_line_column_is_refused() -> None:
    # Seed 000's 法人 cells of row 一 sit on a ragged row: NA, unknown. The flags name that row by its line; a
    # tables frame without 'line' (nor 'flag') made the flags match nothing, and the cells became 0 silently.
    report = _seed("000_438c5e5d2b6f4db4")
    flags = report.flags_frame()
    assert "ragged" in set(flags["code"])
    bare = report.tables.drop(columns=["line", "flag"])
    with pytest.raises(ValueError, match=r"blank_as_zero=True needs a 'line' column in tables \(or its 'flag'"):
        report_metrics(bare, blank_as_zero=True, flags=flags)
    with pytest.raises(ValueError, match="needs a 'line' column"):
        outcome_composition(bare, blank_as_zero=True, flags=flags)
    # either column is enough to keep the ragged row's cells NA
    for drop in ("line", "flag"):
        got = report_metrics(report.tables.drop(columns=drop), blank_as_zero=True, flags=flags).iloc[0]
        assert pd.isna(got["legal_person_share"])
    # without blank_as_zero nothing needs the line
    assert pd.isna(report_metrics(bare).iloc[0]["legal_person_share"])


def _rewritten(doc: str, marker: str, position: int, value: str) -> str:
    """``doc`` with the cell at ``position`` of the first pipe row containing ``marker`` written ``value``."""
    lines = doc.splitlines()
    i = next(k for k, line in enumerate(lines) if marker in line and "|" in line)
    cells = lines[i].split("|")
    cells[position] = f" {value} "
    lines[i] = "|".join(cells)
    return "\n".join(lines)


def test_negative_cell_makes_a_rate_na() -> None:
    # A generated 2019 report with 予以公开 总计 written -8 (flagged negative_value): the rates built on that
    # cell were negative (full_grant_rate -0.53); a negative pending count in a denominator's subtracted term
    # raised the litigation correction rate from 1/1 to 1/2.
    from toolkit import parse_text, synth

    doc, _ = synth.make_report(5, template="2019", layout="pipe_rows", traditional=False, blank_rate=0.0,
                               label_variants=False, number_styles=False)
    clean = report_metrics(parse_text(doc).tables, components=True).iloc[0]
    assert clean["full_grant_rate"] == pytest.approx(8 / 15) and clean["litigation_correction_rate"] == 1.0
    doc = _rewritten(doc, "（一）予以公开", -2, "-8")
    doc = _rewritten(doc, "0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 1 |", 8, "-1")  # 未经复议直接起诉 尚未审结
    report = parse_text(doc)
    flags = report.flags_frame()
    assert (flags["code"] == "negative_value").sum() == 2
    got = report_metrics(report.tables, flags=flags, components=True).iloc[0]
    for name in ("full_grant_rate", "disclosure_rate", "litigation_correction_rate"):
        assert pd.isna(got[name]), name
        # the ratio estimator of bootstrap_ci must leave the report out too
        assert pd.isna(got[f"{name}_num"]) or pd.isna(got[f"{name}_den"]), name
    # rates that do not use the negative cells, and the counts as written, are unchanged
    for name in ("not_held_rate", "rejected_rate", "requests_handled", "lawsuits"):
        assert got[name] == pytest.approx(clean[name]), name


@pytest.mark.parametrize("stem", ["pingtan-2023-01", "002_809f9474e249d214", "001_4d29bfef72dd56db"])
def test_check_tables_tells_the_format_from_the_keys(stem: str) -> None:
    # Without templates= check_tables took every requests table for 2019: a 2021 table's outcomes_sum became
    # unverifiable (no other_handling row) and identities_ok NA, where the corpus run finds the checks ok.
    from toolkit.checks import check_tables

    report = _seed(stem)
    def ordered(checks: pd.DataFrame) -> pd.DataFrame:
        return checks.sort_values(["table", "check", "key"], kind="stable").reset_index(drop=True)

    corpus = ordered(report.to_frames()["checks"])
    alone = ordered(check_tables(report.tables))
    pd.testing.assert_frame_equal(alone, corpus, check_dtype=False)
    assert identities_status(alone).equals(identities_status(corpus))
    # templates= still decides when given
    forced = check_tables(report.tables, templates={"requests": "2019" if report.template == "2021" else "2021"})
    outcomes = forced[forced["check"] == "outcomes_sum"]
    assert not outcomes["status"].eq("ok").all()


def test_text_in_value_column_is_refused() -> None:
    # A value column of text (tables read with dtype=str, or values copied from raw): numbers written as text
    # are read, but text that is no number ('1,200') made the cell NA silently, and the rates NA with it.
    report = _seed("001_4d29bfef72dd56db")
    tables = report.tables
    as_text = tables.assign(value=tables["value"].map(lambda v: None if pd.isna(v) else f"{v:g}").astype(object))
    pd.testing.assert_frame_equal(report_metrics(as_text), report_metrics(tables))
    handled = as_text["row_key"].eq("handled_total") & as_text["col_key"].eq("total")
    bad = as_text.copy()
    bad.loc[handled, "value"] = "1,200"
    message = r"tables\['value'\] must be numeric; it holds 1 value\(s\) that are not numbers, e.g. '1,200'"
    for call in (report_metrics, outcome_composition):
        with pytest.raises(ValueError, match=message):
            call(bad)


def test_reports_with_ids_of_another_type_are_refused(tmp_path) -> None:
    # Reports numbered 1, 2 in tables (text) and in a reports.csv read back with pandas (numbers): the ids
    # matched nothing, and report_metrics returned four rows, the reports' rows with all indicators NA.
    parsed = [_seed(stem) for stem in ("pingtan-2023-02", "pingtan-2023-03")]
    tables = pd.concat([r.tables.assign(report_id=str(i)) for i, r in enumerate(parsed, 1)], ignore_index=True)
    pd.DataFrame({"report_id": ["1", "2"], "agency": [r.metadata["agency"] for r in parsed]}).to_csv(tmp_path / "r.csv", index=False)
    reports = pd.read_csv(tmp_path / "r.csv")
    assert reports["report_id"].tolist() == [1, 2]
    with pytest.raises(ValueError, match=r"no report_id of reports is in tables \(tables: '1', reports: 1\): are "
                                         r"they of one corpus, with ids of one type\?"):
        report_metrics(tables, reports=reports)
    got = report_metrics(tables, reports=reports.astype({"report_id": str}))
    assert got["report_id"].tolist() == ["1", "2"] and got["agency"].tolist() == [r.metadata["agency"] for r in parsed]


def test_checks_and_flags_with_ids_of_another_type_are_refused(tmp_path) -> None:
    # Reports numbered '1', '2' in tables, their checks.csv and flags.csv read back with pandas (numbers 1, 2):
    # the checks matched no report, identities_ok all NA ([<NA>, <NA>] for [False, True]), and the flags none, so
    # that blank_as_zero made pingtan-2020-05's cells of unknown digits 0 (licensing_decisions 0.0, not NA).
    parsed = [_seed(stem) for stem in ("pingtan-2020-05", "pingtan-2023-02")]
    tables = pd.concat([r.tables.assign(report_id=str(i)) for i, r in enumerate(parsed, 1)], ignore_index=True)
    tables = tables.drop(columns="flag")  # the flags tell the cells of unknown digits by their line
    for name, frame in [("checks", pd.concat([r.checks for r in parsed], keys=["1", "2"])),
                        ("flags", pd.concat([r.flags_frame() for r in parsed], keys=["1", "2"]))]:
        frame = frame.assign(report_id=frame.index.get_level_values(0)).reset_index(drop=True)
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    checks, flags = pd.read_csv(tmp_path / "checks.csv"), pd.read_csv(tmp_path / "flags.csv")
    assert checks["report_id"].unique().tolist() == [1, 2] and 1 in flags["report_id"].tolist()
    with pytest.raises(ValueError, match=r"checks names report 1 where tables has '1': ids of another type match "
                                         r"no report"):
        report_metrics(tables, checks=checks)
    with pytest.raises(ValueError, match=r"flags names report 1 where tables has '1'"):
        report_metrics(tables, flags=flags, blank_as_zero=True)
    with pytest.raises(ValueError, match=r"flags names report 1\.0 where tables has '1'"):  # a column with a gap
        outcome_composition(tables, flags=flags.astype({"report_id": float}), blank_as_zero=True)
    # ids of one type: the checks and flags are read
    got = report_metrics(tables, checks=checks.astype({"report_id": str}), flags=flags.astype({"report_id": str}),
                         blank_as_zero=True).set_index("report_id")
    assert got["identities_ok"].tolist() == [True, True]
    assert pd.isna(got.loc["1", "licensing_decisions"])
    # checks or flags of other reports only (tables of some reports, flags of all) are no error
    report_metrics(tables[tables["report_id"].eq("2")], checks=checks.astype({"report_id": str}),
                   flags=flags.astype({"report_id": str}), blank_as_zero=True)


@pytest.mark.parametrize("column", ["row_key", "col_key", "table"])
def test_a_cell_without_a_key_is_refused(column: str) -> None:
    # A row_key lost on the way (a merge, a hand edit) failed with "TypeError: expected string or bytes-like
    # object, got 'float'" from deep inside fnmatch, naming no column.
    tables = _seed("001_4d29bfef72dd56db").tables.copy()
    tables[column] = tables[column].astype(object)
    tables.loc[[5, 9], column] = np.nan
    message = rf"tables\['{column}'\] has 2 missing value\(s\) \(index 5, 9\): every cell needs a table, row_key"
    for call in (report_metrics, outcome_composition):
        with pytest.raises(ValueError, match=message):
            call(tables)


def test_legacy_report_counts_come_from_its_statistics_table() -> None:
    # Seed 003 (2017) states 行政复议数量 0, 行政诉讼数量 0 and 制发规范性文件总数 0 in its statistics table, but
    # reviews, lawsuits and normative_documents_issued were NA, as for a report that says nothing.
    text = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8")

    def counts(doc: str, blank_as_zero: bool = False) -> pd.Series:
        report = toolkit.parse_text(doc, report_id="003")
        assert report.template == "legacy"
        return report_metrics(report.tables, blank_as_zero=blank_as_zero, flags=report.flags_frame()).iloc[0]

    names = ["requests_new", "reviews", "lawsuits", "normative_documents_issued"]
    got = counts(text)
    assert got[names].tolist()[1:] == [0.0, 0.0, 0.0] and pd.isna(got["requests_new"])
    assert got.drop(["report_id", *names]).isna().all()  # every rate, and the counts the table has no row for
    # the counts as written, 2 reconsiderations and 3 lawsuits
    two = text.replace("四、行政复议数量 | 件 | 0 |", "四、行政复议数量 | 件 | 2 |").replace(
        "五、行政诉讼数量 | 件 | 0 |", "五、行政诉讼数量 | 件 | 3 |").replace("制发规范性文件总数 | 件 | 0 |", "制发规范性文件总数 | 件 | 4 |")
    assert counts(two)[names[1:]].tolist() == [2.0, 3.0, 4.0]
    # a row the table leaves blank is NA, not 0, and so is a row it does not have
    blank = text.replace("四、行政复议数量 | 件 | 0 |", "四、行政复议数量 | 件 | |")
    assert pd.isna(counts(blank)["reviews"])
    assert counts(blank, blank_as_zero=True)["reviews"] == 0.0
    gone = "\n".join(line for line in text.splitlines() if not line.startswith("五、行政诉讼数量"))
    for baz in (False, True):
        assert pd.isna(counts(gone, baz)["lawsuits"]), baz
    # blank_as_zero: 收到申请数 is blank above 网络申请数 1, so it was left out, not 0; blank above blank items it is 0
    assert pd.isna(counts(text, blank_as_zero=True)["requests_new"])
    none_online = text.replace("3﹒网络申请数 | 件 | 1 |", "3﹒网络申请数 | 件 | |")
    assert counts(none_online, blank_as_zero=True)["requests_new"] == 0.0
    received = text.replace("(一)收到申请数 | 件 | |", "(一)收到申请数 | 件 | 1 |")
    assert counts(received)["requests_new"] == 1.0
    # a table of parts' columns (区政府统计数 | 区直单位统计数 | 乡镇街道统计数 | 合计) gives the whole in its 合计:
    # its first column (1 reconsideration of the district government) is a part, not the count
    town = two.replace("统 计 指 标 | 单位 | 统计数 |", "统 计 指 标 | 单位 | 区政府统计数 | 区直单位统计数 | 乡镇街道统计数 | 合计 |")
    town = town.replace("四、行政复议数量 | 件 | 2 |", "四、行政复议数量 | 件 | 1 | 0 | 2 | 3 |")
    got = counts(town)
    assert got["reviews"] == 3.0 and pd.isna(got["lawsuits"])  # 3 in the first column, 合计 blank
    assert pd.isna(counts(town, blank_as_zero=True)["lawsuits"])  # a blank 合计 beside a 3 is no 0
    # a report with the 2019 tables takes its counts from them, whatever else it holds
    both = pd.concat([toolkit.parse_text(text, report_id="x").tables, _seed("001_4d29bfef72dd56db").tables.assign(
        report_id="x")], ignore_index=True)
    assert report_metrics(both).iloc[0][["reviews", "lawsuits"]].tolist() == [4.0, 3.0]
    defs = metric_definitions().set_index("name")
    assert defs.loc["reviews", "legacy"] == "legacy.reconsiderations.value"
    assert defs.loc["full_grant_rate", "legacy"] == ""
    assert "- pre-2019 (legacy) reports: `legacy.lawsuits.value`" in metrics_doc()


@pytest.mark.parametrize("header, want", [
    ("区政府统计数 | 区直单位统计数 | 乡镇街道统计数", None),   # parts, no 合计: the whole is not written
    ("本期 | 值", None),                                    # two columns of words not known: which is the year's?
    ("本期 | 上年同期", 1.0),                               # this year's and last year's (previous): this year's
    ("上年同期 | 本期", 0.0),
    ("本期实际 | 本年累计", 1.0),                           # the year's and the cumulative one: the year's
    ("区政府统计数 | 区直单位统计数 | 乡镇街道统计数 | 合计", 3.0)])
def test_legacy_count_of_a_table_of_columns_not_told_apart_is_na(header, want) -> None:
    # A 2024 town-level reuse of the 2014 table (templates-detail 6.2) without its 合计 column: the report's count
    # was read in its first column, the district government's part (1 reconsideration of 1 + 0 + 2), unflagged.
    # Where no 合计 gives the whole and the value columns are not told apart (value, value_2 …), the count is NA.
    text = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8")
    n = header.count("|") + 1
    text = text.replace("统 计 指 标 | 单位 | 统计数 |", f"统 计 指 标 | 单位 | {header} |")
    text = text.replace("四、行政复议数量 | 件 | 0 |", "四、行政复议数量 | 件 | " + " | ".join(["1", "0", "2", "3"][:n]) + " |")
    report = toolkit.parse_text(text, report_id="town")
    cols = set(report.tables.query("row_key == 'reconsiderations'")["col_key"])
    assert len(cols) == n
    got = report_metrics(report.tables).iloc[0]["reviews"]
    assert (pd.isna(got) and want is None) or got == want, (cols, got)


def test_two_reports_under_one_id_are_refused() -> None:
    # The reports.csv of two runs put together, each with a file of one name: seeds 000 and 001 under the id
    # 'report'.  report_metrics gave one row, seed 000's (its cells came first), and seed 001 with its 99 handled
    # requests and its level 'county' was gone without a word; chi2_composition and cross_year_audit took the
    # first row's group as silently.
    from toolkit.compare import chi2_composition, cross_year_audit
    from toolkit.plots import plot_heatmap

    parsed = [toolkit.parse_report(RAW / f"{stem}.txt", report_id="report")
              for stem in ("000_438c5e5d2b6f4db4", "001_4d29bfef72dd56db")]
    tables = pd.concat([r.tables for r in parsed], ignore_index=True)
    statements = pd.concat([r.statements for r in parsed], ignore_index=True).assign(labels="platform")
    reports = pd.DataFrame({"report_id": ["report", "report"], "agency": "某局", "report_year": 2020,
                            "level": ["prefecture", "county"]})
    calls = [lambda rp: report_metrics(tables, reports=rp),
             lambda rp: chi2_composition(tables, "level", reports=rp),
             lambda rp: cross_year_audit(tables, rp),
             lambda rp: plot_heatmap(statements, rp, "level")]
    for call in calls:
        with pytest.raises(ValueError, match=r"several rows for report_id 'report' that differ in \['level'\]"):
            call(reports)
    # the same report listed twice (one run's reports.csv read twice) is one report: accepted
    one = pd.concat([parsed[0].tables], ignore_index=True)
    same = reports.iloc[[0, 0]]
    assert report_metrics(one, reports=same)["report_id"].tolist() == ["report"]
    assert chi2_composition(one, "level", reports=same).excluded["report_id"].tolist() == ["report"]


def test_ids_of_several_types_come_in_one_order_whatever_the_run() -> None:
    # Report ids 1 and '1' (two reports) were sorted by their text alone, a tie: their order was that of the set
    # they came from, which follows the hash of '1' and so changed from one Python process to the next.
    for ids in ([1, "1", "2"], ["2", "1", 1], ["1", 1, "2"]):
        assert metrics._sorted_ids(ids) == [1, "1", "2"]
        assert metrics._sorted_ids(set(ids)) == [1, "1", "2"]
    tables = _seed("pingtan-2023-02").tables
    mixed = pd.concat([tables.assign(report_id="1"), tables.assign(report_id=1)], ignore_index=True)
    for frame in (mixed, mixed.iloc[::-1]):
        assert report_metrics(frame)["report_id"].tolist() == [1, "1"]
