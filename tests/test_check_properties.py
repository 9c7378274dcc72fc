"""Property tests of the identities' checks on synthetic reports (README "Two sorts of problems"): a count changed
in a consistent report is read as written and makes a check of it fail, naming both sums; a cell blanked is
missing, never 0, and leaves its checks unverifiable, never failed.
"""
from __future__ import annotations

import math
import re

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit import synth
from toolkit.checks import check_records
from toolkit.normalize import normalize_line

from scale import scaled

SETTINGS = settings(max_examples=scaled(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
_LAYOUTS = ["pipe_rows", "pipe_cells", "tab", "html"]
# every cell of these tables stands in a hard identity (balance, outcomes_sum, row_total)
_CHECKED = ("requests", "review_litigation")


_SENTINEL = 987654321  # a count drawn as this one is rewritten in the rows rendered (_written_as)
_FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")


def _written_as(lines: list, text: str) -> list:
    """The rows of ``render_lines`` with the one cell rendered from ``_SENTINEL`` written as ``text``."""
    hits = 0
    for row in lines:
        if isinstance(row, list):
            for i, c in enumerate(row):
                if normalize_line(c).replace(",", "") == str(_SENTINEL):
                    row[i], hits = text, hits + 1
    assert hits == 1, hits
    return lines


def _consistent(seed: int, template: str):
    rng = np.random.default_rng(seed)
    return rng, synth.make_truth(rng, template, blank_rate=0.0)


def _read(truth, rng, template: str, layout: str, traditional: bool, tmp_path_factory):
    return _read_lines(synth.render_lines(truth, rng, template=template, traditional=traditional), layout,
                       tmp_path_factory)


def _read_lines(lines: list, layout: str, tmp_path_factory):
    if layout != "html":
        return toolkit.parse_text(synth.render_text(lines, layout))
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(synth.render_html(lines), encoding="utf-8")
    return toolkit.parse_report(path)


def _cell(report, table: str, row: str, col: str):
    cells = report.tables.query("table == @table and row_key == @row and col_key == @col")
    assert len(cells) == 1, (table, row, col, len(cells))
    return cells.iloc[0]


def _others_as_truth(truth, report, changed: tuple[str, str, str]) -> None:
    got = {(r.table, r.row_key, r.col_key): r.value for r in report.tables.itertuples()}
    bad = [(k, t.value, got.get(k)) for t in truth.itertuples()
           if (k := (t.table, t.row_key, t.col_key)) != changed and not (
               k in got and (math.isclose(got[k], t.value) or (math.isnan(t.value) and math.isnan(got[k]))))]
    assert not bad, bad[:5]


@SETTINGS
@given(seed=st.integers(0, 10**6), template=st.sampled_from(["2019", "2021"]), layout=st.sampled_from(_LAYOUTS),
       traditional=st.booleans(), pick=st.integers(0, 10**6), d=st.integers(-50, 50).filter(bool))
def test_one_count_changed_is_kept_as_written_and_fails_a_check(seed, template, layout, traditional, pick, d,
                                                                tmp_path_factory):
    # A consistent report with one count of its requests or review table changed by d: the count read as written
    # (never corrected), every other cell as drawn; a check of it fails by d, its flag naming both sums.
    rng, truth = _consistent(seed, template)
    where = truth.index[truth["table"].isin(_CHECKED)]
    at = where[pick % len(where)]
    new = int(truth.at[at, "value"]) + d
    truth.at[at, "value"], truth.at[at, "raw"] = float(new), str(new)
    key = tuple(truth.loc[at, ["table", "row_key", "col_key"]])
    report = _read(truth, rng, template, layout, traditional, tmp_path_factory)
    # the count as written, never corrected; the other cells as drawn
    cell = _cell(report, *key)
    assert cell.value == new, (key, new, cell.value, cell.raw)
    _others_as_truth(truth, report, key)
    # one check of it at least fails, by d, and its flag names both sums; no other check fails
    checks = report.checks
    failed = checks[checks["status"] == "failed"]
    assert len(failed), (key, new, checks["status"].value_counts().to_dict())
    assert set(failed["table"]) == {key[0]}, failed
    assert set(checks.loc[checks["status"] != "failed", "status"]) <= {"ok"}
    assert ((failed["expected"] - failed["found"]).abs() == abs(d)).all(), failed
    details = {f.detail for f in report.flags if f.code == "identity_failed"}
    for c in failed.itertuples():
        assert f"{c.check}[{c.key}]: expected {c.expected:g}, found {c.found:g}" in details, (c, details)


@SETTINGS
@given(seed=st.integers(0, 10**6), template=st.sampled_from(["2019", "2021"]), layout=st.sampled_from(_LAYOUTS),
       traditional=st.booleans(), pick=st.integers(0, 10**6), mark=st.sampled_from(["", "-", "/", "—", "无"]))
def test_one_count_blanked_is_missing_and_its_checks_unverifiable(seed, template, layout, traditional, pick, mark,
                                                                  tmp_path_factory):
    # A cell left blank or holding a mark for none ('-', '/', '—', '无'): missing (NA, never 0), the mark in raw; the
    # checks that need it are unverifiable, none fails.
    rng, truth = _consistent(seed, template)
    where = truth.index[truth["table"].isin(_CHECKED)]
    if layout == "pipe_cells":  # (a row's last cell blank and the filler pipes after it, '| |', are no cells apart)
        where = where[truth.loc[where, "col_key"] != "total"]
    at = where[pick % len(where)]
    truth.at[at, "value"], truth.at[at, "raw"] = float(_SENTINEL), str(_SENTINEL)
    key = tuple(truth.loc[at, ["table", "row_key", "col_key"]])
    lines = _written_as(synth.render_lines(truth, rng, template=template, traditional=traditional), mark)
    truth.at[at, "value"] = np.nan
    report = _read_lines(lines, layout, tmp_path_factory)
    cell = _cell(report, *key)
    assert math.isnan(cell.value) and cell.raw == mark, (key, cell.value, cell.raw)  # NA, never 0
    _others_as_truth(truth, report, key)
    checks = report.checks
    assert not (checks["status"] == "failed").any(), checks[checks["status"] == "failed"]
    unverifiable = checks[checks["status"] == "unverifiable"]
    assert len(unverifiable) and set(unverifiable["table"]) == {key[0]}, unverifiable
    assert not {f.code for f in report.flags} & {"identity_failed", "ragged", "unknown_row", "table_missing"}


@SETTINGS
@given(seed=st.integers(0, 10**6), template=st.sampled_from(["2019", "2021"]), layout=st.sampled_from(_LAYOUTS),
       pick=st.integers(0, 10**6), n=st.integers(0, 10**7),
       style=st.sampled_from(["comma", "space", "thin", "full_width", "full_width_comma"]),
       unit=st.sampled_from(["", "件", " 件", "(件)"]), pad=st.sampled_from(["", " ", "\u3000"]))
def test_a_count_written_any_way_in_a_table_is_read_as_written(seed, template, layout, pick, n, style, unit, pad,
                                                               tmp_path_factory):
    # A count of a requests or review table written with thousands' commas or spaces, full-width, with its
    # measure word, padded: read as the integer, its raw as written (normalized); the checks fail as they would
    # for the integer written plainly.
    rng, truth = _consistent(seed, template)
    where = truth.index[truth["table"].isin(_CHECKED)]
    at = where[pick % len(where)]
    d = n - int(truth.at[at, "value"])
    truth.at[at, "value"], truth.at[at, "raw"] = float(_SENTINEL), str(_SENTINEL)
    key = tuple(truth.loc[at, ["table", "row_key", "col_key"]])
    lines = synth.render_lines(truth, rng, template=template, traditional=False)
    written = {"comma": f"{n:,}", "space": f"{n:,}".replace(",", " "), "thin": f"{n:,}".replace(",", "\u2009"),
               "full_width": str(n).translate(_FULL_WIDTH),
               "full_width_comma": f"{n:,}".translate(_FULL_WIDTH)}[style]
    cell_text = pad + written + unit + pad
    report = _read_lines(_written_as(lines, cell_text), layout, tmp_path_factory)
    truth.at[at, "value"] = float(n)
    cell = _cell(report, *key)
    assert cell.value == n and cell.raw == normalize_line(cell_text).strip(), (cell_text, cell.value, cell.raw)
    _others_as_truth(truth, report, key)
    failed = report.checks[report.checks["status"] == "failed"]
    assert (len(failed) > 0) == (d != 0), (cell_text, d, failed)
    assert ((failed["expected"] - failed["found"]).abs() == abs(d)).all(), failed


_SUM = re.compile(r"^row_total\[reconsideration\]: expected (≥ )?([0-9.]+)(?: \(.*?\))?, found (≥ )?([0-9.]+)")


@SETTINGS
@given(total=st.one_of(st.integers(0, 10**10), st.none()),
       parts=st.lists(st.one_of(st.integers(0, 10**9), st.none()), min_size=4, max_size=4),
       cents=st.booleans())
@example(total=1234567, parts=[1234566, 0, 0, 0], cents=False)  # flagged 'expected 1.23457e+06, found 1.23457e+06'
def test_a_failed_checks_flag_names_its_sums_as_written(total, parts, cents):
    # A check that fails names each side's sum (or lower bound) exactly, however large or with decimals: the flag
    # says what the columns expected and found hold, never two sums rounded alike.
    scale = 100 if cents else 1
    cells = [("total", total), *zip(["upheld", "corrected", "other", "pending"], parts)]
    records = [{"table": "review_litigation", "row_key": "reconsideration", "col_key": col,
                "value": None if v is None else v / scale} for col, v in cells]
    (check,) = check_records(records)
    if check["status"] != "failed":
        return
    match = _SUM.match(check["detail"])
    assert match, check["detail"]
    expected, found = float(match[2]), float(match[4])
    assert math.isclose(expected, check["expected"], abs_tol=1e-9), check
    assert math.isclose(found, check["found"], abs_tol=1e-9), check
    assert math.isclose(expected, (total or 0) / scale, abs_tol=1e-6), check
    assert math.isclose(found, sum(p or 0 for p in parts) / scale, abs_tol=1e-6), check
    assert (match[1] is not None) == (total is None) and (match[3] is not None) == (None in parts), check["detail"]
