"""The identity checks on real reports and on variants built from them: what each check may conclude.

Each test starts from a corpus report (``data/raw``) or a seed's head with a table of its kind, changes
what the finding is about, and looks at ``Report.checks`` and ``Report.flags``.
"""
from __future__ import annotations

import toolkit
from toolkit.metrics import identities_status

from conftest import RAW


def _legacy_report(table: str) -> toolkit.Report:
    """Seed 003 up to its statistics table, then ``table`` (the national table's layout, §6.1)."""
    head = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8").split("\n")[:38]
    return toolkit.parse_text("\n".join(head) + "\n" + table)


# --- legacy tables -----------------------------------------------------------------------------------

def test_legacy_channels_split_skipped_without_channel_rows():
    # 收到申请数 with none of its four channel rows: nothing to add up, as for the other splits (复议, 办结 …);
    # it was checked against four NA rows and made identities_ok NA
    report = _legacy_report("统 计 指 标 | 单位 | 统计数 |\n主动公开政府信息数 | 条 | 12 |\n收到申请数 | 件 | 3 |\n"
                            "同意公开答复数 | 件 | 2 |\n行政复议数量 | 件 | 0 |\n")
    assert "requests_channels" not in set(report.checks["check"])
    assert report.checks.empty
    # with one channel row the identity applies, the others unknown
    report = _legacy_report("统 计 指 标 | 单位 | 统计数 |\n收到申请数 | 件 | 3 |\n1.当面申请数 | 件 | 1 |\n")
    assert report.checks[["check", "status"]].values.tolist() == [["requests_channels", "unverifiable"]]


def test_legacy_heads_checks_name_their_row():
    # the national table (seed 003's layout) with both heads counts; the press-conference one too high: the two
    # heads_le_total checks were both keyed 'value', and the failure could not be told from the other one
    report = _legacy_report("统 计 指 标 | 单位 | 统计数 |\n1.参加或举办新闻发布会总次数 | 次 | 3 |\n"
                            "其中:主要负责同志参加新闻发布会次数 | 次 | 9 |\n2.政府网站在线访谈次数 | 次 | 2 |\n"
                            "其中:主要负责同志参加政府网站在线访谈次数 | 次 | 2 |\n")
    heads = report.checks.query("check == 'heads_le_total'").sort_values("key")
    assert heads[["key", "expected", "found", "status"]].values.tolist() == [
        ["online_interviews_heads.value", 2.0, 2.0, "ok"], ["press_conferences_heads.value", 9.0, 3.0, "failed"]]
    assert not report.checks.duplicated(["table", "check", "key"]).any()
    assert [f.detail for f in report.flags if f.code == "identity_failed"] == [
        "heads_le_total[press_conferences_heads.value]: expected 9, found 3"]


# --- requests table: rows left out -------------------------------------------------------------------

_PINGTAN_SIX = ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请10000012.申请人逾期未按收费通知要求缴纳费用、"
                "行政机关不再处理其政府信息公开申请00000003.其他1000001")


def _pingtan(name: str) -> str:
    return (RAW / f"{name}.txt").read_text(encoding="utf-8")


def test_missing_six_block_of_a_2021_table_names_the_2021_rows():
    # pingtan-2023-01 (2021 format) without its whole (六) block: the table's own rows no longer tell its format;
    # the flag named the 2019 row other_handling
    text = _pingtan("pingtan-2023-01")
    assert _PINGTAN_SIX in text
    report = toolkit.parse_text(text.replace(_PINGTAN_SIX, ""), "no6")
    assert report.template == "2021"
    assert [f.detail for f in report.flags if f.code == "missing_rows"] == [
        "other_no_correction, other_unpaid_fee, other_misc"]
    # without the Article 20 table either, no format is known: both formats' (六) rows are named
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理政府信息公开申请情况")
    report = toolkit.parse_text(text[:start] + text[end:].replace(_PINGTAN_SIX, ""), "no6")
    assert [f.detail for f in report.flags if f.code == "missing_rows" and f.table == "requests"] == [
        "other_handling (2019) or other_no_correction, other_unpaid_fee, other_misc (2021)"]


def test_missing_other_handling_of_a_2019_table_is_named():
    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("(六)其他处理"))
    end = next(i for i in range(at + 1, len(lines)) if lines[i].startswith("(七)"))
    report = toolkit.parse_text("\n".join(lines[:at] + lines[end:]), "no6")
    assert [f.detail for f in report.flags if f.code == "missing_rows"] == ["other_handling"]


# --- requests table: group subtotals ------------------------------------------------------------------

def test_2021_other_handling_subtotal_is_checked_against_its_rows():
    # pingtan-2023-01's (六) rows are 1 | 0 | 1 (natural person and total); a subtotal written on the group's row
    text = _pingtan("pingtan-2023-01")
    six = "（六）其他处理1.申请人无正当理由逾期不补正"
    wrong = toolkit.parse_text(text.replace(six, "（六）其他处理5000005 1.申请人无正当理由逾期不补正"), "sub")
    grid = wrong.table("requests")
    assert grid.loc["other_handling", "total"] == 5  # kept as written
    checks = wrong.checks.query("check == 'other_handling_sum'").set_index("key")
    assert len(checks) == 7
    assert checks.loc["natural_person", ["expected", "found", "status"]].tolist() == [5.0, 2.0, "failed"]
    assert checks.loc["total", "status"] == "failed" and checks.loc["research", "status"] == "ok"
    assert "other_handling_sum[total]: expected 5, found 2" in {f.detail for f in wrong.flags}
    right = toolkit.parse_text(text.replace(six, "（六）其他处理2000002 1.申请人无正当理由逾期不补正"), "sub")
    assert (right.checks.query("check == 'other_handling_sum'")["status"] == "ok").all()
    # a 2021 table without a subtotal, and a 2019 table (other_handling is the row itself): nothing to check
    for name in ("pingtan-2023-01", "001_4d29bfef72dd56db"):
        assert "other_handling_sum" not in set(toolkit.parse_report(RAW / f"{name}.txt").checks["check"])


def test_subtotal_on_a_2019_group_row_is_flagged_with_its_values():
    # seed 001 (2019 format, a cell per line) with a subtotal written on (三)不予公开's own row: it was dropped
    # without a trace; the schema has no key for it, so it is flagged with its values and its rows' sum
    lines = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("(三)不予公开 |")
    assert lines[at + 1] == "1.属于国家秘密 |"
    lines[at + 1:at + 1] = ["7 |", "0 |", "0 |", "0 |", "0 |", "0 |", "7 | ||"]
    report = toolkit.parse_text("\n".join(lines), "sub19")
    flags = [f for f in report.flags if f.code == "group_subtotal"]
    assert [(f.table, f.line) for f in flags] == [("requests", at + 1)]
    assert flags[0].detail == ("(三)不予公开: 7 | 0 | 0 | 0 | 0 | 0 | 7 written on the group's row, not kept (no key in "
                               "the schema); its rows sum to 0 | 11 | 0 | 0 | 0 | 0 | 11")
    assert report.status == "partial"
    # the rows of the group are read as before
    plain = toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt")
    cells = ["table", "row_key", "col_key", "raw"]
    assert report.tables[cells].equals(plain.tables[cells])
    # glued page text (pingtan-2023-01): the subtotal's digits before the group's first item
    text = _pingtan("pingtan-2023-01").replace("（三）不予公开1.属于国家秘密", "（三）不予公开5000005 1.属于国家秘密")
    report = toolkit.parse_text(text, "sub21")
    assert [f.detail.split(" written")[0] for f in report.flags if f.code == "group_subtotal"] == [
        "(三)不予公开: 5000005"]


# --- checks proven false with cells missing ------------------------------------------------------------

def test_proven_false_check_says_its_sum_is_a_lower_bound():
    # seed 004: (七)总计 says 15 natural-person requests; the outcome cells there add up to 16, 12 are blank; the
    # check fails whatever the blanks hide (counts are ≥ 0), but its flag read 'found 16' as if 16 were the sum
    report = toolkit.parse_report(RAW / "004_b232cca7e491c758.txt")
    chk = report.checks.query("check == 'outcomes_sum'").set_index("key")
    assert chk.loc["natural_person", ["expected", "found", "status"]].tolist() == [15.0, 16.0, "failed"]
    details = [f.detail for f in report.flags if f.code == "identity_failed"]
    assert details == ["outcomes_sum[natural_person]: expected 15, found ≥ 16 (12 cells missing)",
                       "outcomes_sum[total]: expected 19, found 20"]  # (every outcome cell of 总计 is there)
    # the left side short of a cell: it was NA, though its cells there prove the identity false
    lines = (RAW / "004_b232cca7e491c758.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("\t一、本年新收"))
    assert lines[at + 1] == "\t16"
    lines[at + 1] = "\t26"  # new[natural_person]: 26 + carried_over (blank) > 15 handled + 1 carried forward
    report = toolkit.parse_text("\n".join(lines), "more-new")
    chk = report.checks.query("check == 'balance' and key == 'natural_person'")
    assert chk[["expected", "found", "status"]].values.tolist() == [[26.0, 16.0, "failed"]]
    assert "balance[natural_person]: expected ≥ 26 (1 cell missing), found 16" in {f.detail for f in report.flags}


# --- values placed with the identities' help ------------------------------------------------------------

def test_glued_row_read_with_the_identities_is_inferred_and_its_checks_unverifiable():
    # pingtan-2023-01 (web text): row 一 is written '…申请数量801000081', 7 cells glued; cut without leading zeros
    # it reads 5 ways (8|0|10|…|81, 80|1|0|…|81, 801|0|…|8|1 …) and only the identities pick 80|1|0|0|0|0|81.
    # The cells were unflagged and the very identities that chose them came out 'ok'.
    report = toolkit.parse_report(RAW / "pingtan-2023-01.txt")
    cells = report.tables.query("table == 'requests'").set_index(["row_key", "col_key"])
    new = cells.loc["new"]
    assert new["raw"].tolist() == ["80", "1", "0", "0", "0", "0", "81"]
    assert new["flag"].to_dict() == {"commercial": "inferred", "legal_services": "", "natural_person": "inferred",
                                     "nonprofit": "", "other_org": "inferred", "research": "inferred",
                                     "total": "inferred"}  # nonprofit, legal_services: 0 in every reading
    flags = [f for f in report.flags if f.code == "glued_digits"]
    assert [f.detail.split(":")[0] for f in flags] == ["new", "granted", "partially_granted", "unable_not_held",
                                                       "handled_total"]
    assert flags[0].detail == "new: 5 readings of the digits, the identities left one: 80 | 1 | 0 | 0 | 0 | 0 | 81"
    # a glued row with one reading ('0000000') was read as written: no flag, no inferred cell
    assert (cells.loc["carried_over", "flag"] == "").all() and (cells.loc["carried_forward", "flag"] == "").all()
    status = report.checks.set_index(["check", "key"])["status"]
    assert status[("balance", "natural_person")] == "unverifiable" and status[("row_total", "new")] == "unverifiable"
    assert status[("balance", "nonprofit")] == "ok"  # its cells are read as written
    assert status[("row_total", "carried_over")] == "ok"
    assert not (status == "failed").any()
    assert identities_status(report.checks).isna().all() and report.status == "partial"


def test_identity_chosen_digits_no_longer_pass_as_verified():
    # pingtan-2023-04 with rows 一, (一), (七) written '120000012': 1|20|0|0|0|0|12 (its total wrong) or 12|0|…|12;
    # the identities chose 12|0|…|12 and then reported it 'ok', the report 'ok' with no flag
    text = (RAW / "pingtan-2023-04.txt").read_text(encoding="utf-8")
    for old in ("一、本年新收政府信息公开申请数量3000003", "（一）予以公开0000000", "（七）总计0000000"):
        assert old in text
        text = text.replace(old, old[:-7] + "120000012")
    glued = toolkit.parse_text(text, "glued")
    rows = ["new", "granted", "handled_total"]
    assert [f.detail.split(":")[0] for f in glued.flags if f.code == "glued_digits"] == rows
    assert glued.status == "partial"
    row_total = glued.checks.query("check == 'row_total' and key in @rows")
    assert (row_total["status"] == "unverifiable").all() and len(row_total) == 3
    assert identities_status(glued.checks).isna().all()
    # the report as written: row 一's '3000003' has one reading, so its broken balance still fails
    plain = toolkit.parse_report(RAW / "pingtan-2023-04.txt")
    assert not [f for f in plain.flags if f.code == "glued_digits"]
    assert not (plain.tables["flag"] == "inferred").any()
    assert sorted(plain.checks.query("status == 'failed'")["key"]) == ["natural_person", "total"]


def test_checks_on_cells_of_a_ragged_row_are_unverifiable():
    # seed 000: rows 一 and (一)… lost cells; their values are placed by the convention and the identities
    # (inferred), so balance and outcomes_sum on the natural-person and total columns confirm nothing
    report = toolkit.parse_report(RAW / "000_438c5e5d2b6f4db4.txt")
    cells = report.tables.set_index(["table", "row_key", "col_key"])["flag"]
    assert cells[("requests", "new", "natural_person")] == "inferred"
    status = report.checks.set_index(["check", "key"])["status"]
    for check in [("balance", "natural_person"), ("balance", "total"), ("outcomes_sum", "natural_person")]:
        assert status[check] == "unverifiable", check
    assert status[("row_total", "handled_total")] == "ok"  # a row read as written
    # check_tables on the report's own cells (tables.csv) says the same: it reads tables.flag
    from toolkit.checks import check_tables
    again = check_tables(report.tables, templates={"requests": "2019"})
    assert again["status"].tolist() == report.checks["status"].tolist()


def test_inferred_cells_cannot_prove_a_check_false_but_cells_as_written_can():
    from toolkit.checks import check_tables

    report = toolkit.parse_report(RAW / "000_438c5e5d2b6f4db4.txt")
    tables = report.tables.copy()
    outcome = (tables["table"] == "requests") & (tables["col_key"] == "natural_person")
    inferred = outcome & (tables["flag"] == "inferred") & ~tables["row_key"].isin(
        ["new", "carried_over", "handled_total", "carried_forward"])
    assert inferred.sum() == 7
    # an outcome cell read as written made larger than (七)总计: false whatever the inferred cells hold
    at = outcome & (tables["row_key"] == "unable_not_held")
    assert tables.loc[at, "flag"].tolist() == [""]
    tables.loc[at, "value"] = 999.0
    checks = check_tables(tables, templates={"requests": "2019"}).set_index(["check", "key"])
    total = tables.loc[outcome & (tables["row_key"] == "handled_total"), "value"].iloc[0]
    assert checks.loc[("outcomes_sum", "natural_person"), ["expected", "status"]].tolist() == [total, "failed"]
    from toolkit.checks import check_records
    rec = next(r for r in check_records(tables, templates={"requests": "2019"})
               if r["check"] == "outcomes_sum" and r["key"] == "natural_person")
    assert rec["detail"].endswith("(7 inferred)") and "found ≥ 999" in rec["detail"]


_TOWN_TABLE = ("统 计 指 标 | 单位 | 区政府统计数 | 区直单位统计数 | 乡镇街道统计数 | 合计 |\n"
               "主动公开政府信息数 | 条 | 100 | 200 | 300 | 600 |\n"
               "收到申请数 | 件 | 5 | 2 | 3 | 9 |\n"
               "举报投诉数量 | 件 | 0 | / | 1 | 1 |\n")


def test_legacy_total_column_is_the_sum_of_its_parts():
    # A 2024 town-level reuse of the 2014 table (templates-detail §6.2): three value columns and a 合计. Before,
    # 合计 was one more value column (value_4) and nothing checked it; a 合计 that is not the sum of its row
    # (收到申请数 5 + 2 + 3 ≠ 9) passed unnoticed. Now it is `total`, kept as written, and the row is flagged.
    report = _legacy_report(_TOWN_TABLE)
    cells = report.tables.set_index(["row_key", "col_key"])
    assert cells.loc[("requests_received", "total"), ["value", "col_label"]].tolist() == [9.0, "合计"]
    assert cells.loc[("requests_received", "value_3"), "col_label"] == "乡镇街道统计数"
    checks = report.checks.query("check == 'columns_sum'").set_index("key")
    assert checks.loc["proactive_items.total", "status"] == "ok"
    assert checks.loc["requests_received.total", ["expected", "found", "status"]].tolist() == [9.0, 10.0, "failed"]
    assert checks.loc["complaints.total", "status"] == "unverifiable"   # '/' is no count: 1 = 0 + NA + 1
    assert "columns_sum[requests_received.total]: expected 9, found 10" in [
        f.detail for f in report.flags if f.code == "identity_failed"]


def test_legacy_value_header_over_two_rows_of_parts(tmp_path):
    # 统计数 over '区政府统计数 | 区直单位统计数 | 乡镇街道统计数' (three columns whose header words end alike): the
    # second row was not taken for a header, and the columns were labelled value, value_2 …, not as written
    rows = [["统计指标", "单位", "统计数", "", ""], ["", "", "区政府统计数", "区直单位统计数", "乡镇街道统计数"],
            ["主动公开政府信息数", "条", "100", "200", "300"], ["收到申请数", "件", "5", "2", "3"]]
    html = "".join("<tr>" + "".join(f"<td>{c or '&nbsp;'}</td>" for c in r) + "</tr>" for r in rows)
    path = tmp_path / "town.html"
    path.write_text(f"<html><body><p>2017年某镇政府信息公开工作年度报告</p><p>一、概述</p><table>{html}</table>"
                    "</body></html>", encoding="utf-8")
    t = toolkit.parse_report(path).tables
    got = t[t["row_key"] == "requests_received"][["col_key", "col_label", "value"]].values.tolist()
    assert got == [["value", "区政府统计数", 5.0], ["value_2", "区直单位统计数", 2.0], ["value_3", "乡镇街道统计数", 3.0]]


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{span}>{text or '&nbsp;'}</td>"


def test_legacy_total_beside_a_value_header_over_two_rows(tmp_path):
    # 统计数 (spanning three columns) over '区政府统计数 | 区直单位统计数 | 乡镇街道统计数', 合计 beside it spanning both
    # header rows. The second row's columns replaced the first's value columns, so 合计 was lost: neither read
    # nor checked (9 ≠ 5 + 2 + 3 passed unnoticed). As merged cells and as a full grid with blank cells.
    merged = [[("统计指标", 2), ("单位", 2), ("统计数", 1, 3), ("合计", 2)],
              [("区政府统计数",), ("区直单位统计数",), ("乡镇街道统计数",)]]
    grid = [[(x,) for x in ("统计指标", "单位", "统计数", "", "", "合计")],
            [(x,) for x in ("", "", "区政府统计数", "区直单位统计数", "乡镇街道统计数", "")]]
    data = [[(x,) for x in ("主动公开政府信息数", "条", "100", "200", "300", "600")],
            [(x,) for x in ("收到申请数", "件", "5", "2", "3", "9")]]
    for name, head in (("merged", merged), ("grid", grid)):
        rows = "".join("<tr>" + "".join(_td(*c) for c in row) + "</tr>" for row in head + data)
        path = tmp_path / f"{name}.html"
        path.write_text("<html><body><p>2024年某区政府信息公开工作年度报告</p><p>一、概述</p>"
                        f"<table>{rows}</table></body></html>", encoding="utf-8")
        report = toolkit.parse_report(path)
        t = report.tables[report.tables["row_key"] == "requests_received"]
        assert t[["col_key", "col_label", "value"]].values.tolist() == [
            ["value", "区政府统计数", 5.0], ["value_2", "区直单位统计数", 2.0], ["value_3", "乡镇街道统计数", 3.0],
            ["total", "合计", 9.0]], name
        checks = report.checks.set_index("key")["status"].to_dict()
        assert checks == {"proactive_items.total": "ok", "requests_received.total": "failed"}, name


def test_legacy_total_of_shares_is_not_checked_as_a_sum():
    # Jiangsu's 互联网+政务服务 rows in the town-level table include shares (政务服务事项不见面占比 | % | 80 | 90 | 70 |
    # 85): the 合计 of a share is no sum of the parts' shares, so columns_sum skips rows in %.
    report = _legacy_report("统 计 指 标 | 单位 | 区政府统计数 | 区直单位统计数 | 乡镇街道统计数 | 合计 |\n"
                            "主动公开政府信息数 | 条 | 100 | 200 | 300 | 600 |\n"
                            "十四、政务服务事项不见面占比 | % | 80 | 90 | 70 | 85 |\n")
    assert report.checks[["check", "key", "status"]].values.tolist() == [
        ["columns_sum", "proactive_items.total", "ok"]]
    assert not [f for f in report.flags if f.code == "identity_failed"]


def test_legacy_total_alone_is_the_value_column():
    # A statistics table whose one value column is headed 合计 has no parts: its column is `value`, as every
    # single-column table's (b9fc4f8 made it `total`, out of step with the other tables), and nothing is summed.
    report = _legacy_report("统 计 指 标 | 单位 | 合计 |\n主动公开政府信息数 | 条 | 100 |\n举报投诉数量 | 件 | 2 |\n")
    t = report.tables[report.tables["table"] == "legacy"]
    assert set(t["col_key"]) == {"value"} and set(t["col_label"]) == {"合计"}
    assert report.checks.empty
