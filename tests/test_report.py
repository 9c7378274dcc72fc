"""Sections and metadata of the seeds, the Report object, parse_text robustness."""
from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit

from conftest import RAW, SEED_IDS, gold
from scale import scaled


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_sections_keys_and_first_lines(seed_id, parsed_seed):
    report = parsed_seed(seed_id)
    found = {s.key: [s.first_line, s.title] for s in report.sections}
    assert found == gold()[seed_id]["sections"]


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_metadata(seed_id, parsed_seed):
    report = parsed_seed(seed_id)
    assert report.metadata == gold()[seed_id]["metadata"]


_TOP_NUMBER = re.compile(r"^(\s*)([一二三四五六七八九十]|\d)、\s*")


def _renumber_sections(original, seed_id: str, numbering) -> tuple[list[str], int]:
    """The seed's lines with each section heading's '一、' replaced by ``numbering(一)``; and how many."""
    lines = (RAW / f"{seed_id}.txt").read_text(encoding="utf-8").split("\n")
    changed = 0
    for section in original.sections:
        at = section.first_line - 1
        match = _TOP_NUMBER.match(lines[at])
        if match:
            number = match[2] if not match[2].isdigit() else "一二三四五六七八九"[int(match[2]) - 1]
            lines[at] = match[1] + numbering(number) + lines[at][match.end():]
            changed += 1
    return lines, changed


@pytest.mark.parametrize("style", ["（{}）", "({})"])
@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_sections_numbered_in_parentheses(seed_id, style, parsed_seed):
    # Every numbered section heading renumbered (一)…: the seeds' own sub-headings ((一)予以公开,
    # (一)主动公开情况 …) share that numbering, and only the run of numbers tells the sections from them.
    original = parsed_seed(seed_id)
    lines, renumbered = _renumber_sections(original, seed_id, style.format)
    assert renumbered >= 4
    report = toolkit.parse_text("\n".join(lines), report_id=seed_id)
    assert [s.key for s in report.sections] == [s.key for s in original.sections]
    assert [s.first_line for s in report.sections] == [s.first_line for s in original.sections]
    assert report.tables.equals(original.tables)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_sections_whose_numbers_word_kept_out_of_the_text(seed_id, parsed_seed):
    # Word's automatic numbering keeps '一、' out of the text: the titles stand alone, and the overview's
    # own (一)主动公开情况 must not be taken for the active section.
    original = parsed_seed(seed_id)
    lines, stripped = _renumber_sections(original, seed_id, lambda number: "")
    if stripped < 4:
        pytest.skip("the seed's sections are not numbered 一、")
    report = toolkit.parse_text("\n".join(lines), report_id=seed_id)
    assert [(s.key, s.first_line) for s in report.sections] == [(s.key, s.first_line) for s in original.sections]
    assert report.tables.equals(original.tables)


def test_section_text_excludes_heading(parsed_seed):
    sec = parsed_seed("001_4d29bfef72dd56db").section("other")
    assert sec.text == "暂无"
    assert sec.last_line == 308


def test_original_text_kept_beside_normalized(parsed_seed):
    report = parsed_seed("002_809f9474e249d214")
    assert "區(qū)" in report.original_text
    assert "伊州区住建局" in report.text and "(qū)" not in report.text
    assert report.text.count("\n") == report.original_text.count("\n")


def test_repr(parsed_seed):
    assert repr(parsed_seed("001_4d29bfef72dd56db")) == "<Report 001_4d29bfef72dd56db 2020 template=2019 flags=5>"


def test_report_without_sections_still_parses():
    report = toolkit.parse_text("这是一段没有任何标题的文字。\n第二段。")
    assert report.sections == []
    assert "sections_not_found" in {f.code for f in report.flags}
    assert report.tables.empty


def test_table_missing_flagged_not_zero():
    text = "一、总体情况\n正常。\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n（表格为图片）\n" \
           "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无"
    report = toolkit.parse_text(text)
    assert {f.table for f in report.flags if f.code == "table_missing"} == {"active", "requests", "review_litigation"}
    assert report.tables.empty


def test_pre_2019_report_with_its_figures_in_sentences_only_is_partial():
    # seed 003 (2017) cut before its statistics table (七、说明与附表's 统计表): the figures are in sentences only,
    # no checks, every indicator NA, yet the status was 'ok' with no flag; now partial, the table named, as a
    # 2019/2021 report without its tables is (templates-detail §8.4, prose-only reports)
    lines = (RAW / "003_ce1f8ef96d3daffd.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.startswith("(一)附件为"))
    report = toolkit.parse_text("".join(lines[:cut]))
    assert report.metadata["template"] == "legacy" and report.tables.empty and report.checks.empty
    assert [(f.code, f.table) for f in report.flags if f.code == "table_missing"] == [("table_missing", "legacy")]
    assert report.status == "partial"
    # the whole seed reads its table: no such flag
    assert "table_missing" not in {f.code for f in toolkit.parse_report(RAW / "003_ce1f8ef96d3daffd.txt").flags}


def test_parse_text_equals_parse_report(parsed_seed):
    text = (RAW / "000_438c5e5d2b6f4db4.txt").read_text(encoding="utf-8")
    from_text = toolkit.parse_text(text, report_id="000_438c5e5d2b6f4db4")
    assert from_text.tables.equals(parsed_seed("000_438c5e5d2b6f4db4").tables)


def test_no_warning_escapes_a_normal_call():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        toolkit.parse_report(RAW / "002_809f9474e249d214.txt")


def test_parse_text_rejects_non_str():
    with pytest.raises(TypeError, match="text must be a str"):
        toolkit.parse_text(b"bytes")


def test_table_refuses_options_that_are_not_true_or_false(parsed_seed):
    # report.table("requests", blank_as_zero="False") read seed 002's blank 上年结转 cell as 0 (a non-empty str is
    # true), and wide="no" gave the wide table: both are refused by name, as report_metrics refuses them.
    report = parsed_seed("002_809f9474e249d214")
    for option in ("wide", "blank_as_zero"):
        for bad in ("False", "no", None, 0):
            with pytest.raises(TypeError, match=f"{option} must be True or False, got {bad!r}"):
                report.table("requests", **{option: bad})
    assert report.table("requests", wide=False, blank_as_zero=False).shape[1] == len(report.tables.columns)


def test_section_refuses_a_key_no_format_has(parsed_seed):
    # report.section("problem") gave None, as for a report without a problems section: a typo read as "no such
    # section". A key no format has is refused, naming the keys; a format's key the report lacks is still None.
    report = parsed_seed("001_4d29bfef72dd56db")
    assert report.section("problems").key == "problems"
    assert report.section("fees") is None  # a pre-2019 section this 2019-format report does not have
    with pytest.raises(ValueError, match=r"key must be a section key \(overview, active, .*\), got 'problem'"):
        report.section("problem")


_seed_texts = [(RAW / f"{s}.txt").read_text(encoding="utf-8") for s in SEED_IDS]


@st.composite
def _mutated_report(draw):
    text = draw(st.sampled_from(_seed_texts))
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["drop", "dup", "swap", "junk", "cut"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "junk":
            lines.insert(i, draw(st.text(max_size=40)))
        else:
            lines = lines[:i]
    return "\n".join(lines)


@settings(max_examples=scaled(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_report())
def test_parse_text_never_raises_on_mutated_reports(text):
    report = toolkit.parse_text(text)
    assert report.status in ("ok", "partial")


@settings(max_examples=scaled(150), deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_parse_text_never_raises_on_arbitrary_text(text):
    toolkit.parse_text(text)


@pytest.mark.parametrize("review_title", ["复议、诉讼和申诉情况", "因政府信息公开申请行政复议、提起行政诉讼的情况"])
@pytest.mark.parametrize("fees_first", [True, False])
def test_legacy_sections_in_either_order(review_title, fees_first):
    # Pre-2019 reports put 收费 before or after 复议/诉讼 (templates.md and templates-detail differ).
    middle = ["政府信息公开的收费及减免情况", review_title]
    titles = ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "咨询处理情况",
              *(middle if fees_first else middle[::-1]), "存在的主要问题和改进措施", "其他需要报告的事项"]
    numbers = "一二三四五六七八"
    text = "\n".join(f"{numbers[i]}、{t}\n正文{i}。" for i, t in enumerate(titles))
    report = toolkit.parse_text("某市某局2015年政府信息公开工作年度报告\n" + text)
    keys = [s.key for s in report.sections]
    expected_middle = ["fees", "review_litigation"] if fees_first else ["review_litigation", "fees"]
    assert keys == ["overview", "active", "requests", "consultation", *expected_middle, "problems", "other"]


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.stem)
def test_to_frames_is_the_corpus_run_of_the_file(path):
    # the same columns, dtypes, row order and flags order as extract_corpus and the data dictionary
    import pandas as pd

    frames = toolkit.parse_report(path).to_frames()
    run = toolkit.extract_corpus([path], jobs=1)
    assert list(frames) == list(run)
    for name in run:
        pd.testing.assert_frame_equal(frames[name], run[name])
    flags = frames["flags"]["code"].tolist()
    listed = frames["reports"]["flags"].iloc[0]  # NA when the report has no flag (an empty text is NA)
    assert ("" if pd.isna(listed) else listed) == ";".join(dict.fromkeys(flags))


@pytest.mark.parametrize("seed", ["000_438c5e5d2b6f4db4", "002_809f9474e249d214", "003_ce1f8ef96d3daffd",
                                  "pingtan-2023-03"])
def test_flags_frame_lines_are_integers_whatever_flags_the_report_has(seed):
    # flags_frame() gave line as int64, float64 (2.0, NaN: a flag at no line beside one at a line) or object
    # (None alone, or no flag), as pandas inferred it report by report; flags.csv's line is Int64
    report = toolkit.parse_report(RAW / f"{seed}.txt")
    flags = report.flags_frame()
    assert str(flags["line"].dtype) == "Int64"
    assert flags["line"].tolist() == [f.line if f.line is not None else flags["line"].dtype.na_value
                                      for f in report.flags]


def test_to_frames_gives_frames_of_its_own_when_a_frame_is_empty():
    # A report without flags got the runner's shared empty flags frame: a column the caller added to it
    # showed in the flags frame of every later to_frames and corpus run of the session.
    path = RAW / "003_ce1f8ef96d3daffd.txt"
    frames = toolkit.parse_report(path).to_frames()
    assert len(frames["flags"]) == 0
    frames["flags"]["note"] = "mine"
    columns = ["report_id", "code", "table", "line", "detail"]
    assert list(toolkit.parse_report(path).to_frames()["flags"].columns) == columns
    assert list(toolkit.extract_corpus([path], jobs=1)["flags"].columns) == columns


def test_to_frames_of_a_report_parsed_from_text():
    # A report of parse_text has no path: to_frames raised TypeError (the corpus's file-name cleaning).
    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    frames = toolkit.parse_text(text, report_id="r").to_frames()
    assert frames["reports"]["path"].isna().all() and frames["reports"]["report_id"].tolist() == ["r"]
    assert len(frames["tables"]) == len(toolkit.parse_report(RAW / "001_4d29bfef72dd56db.txt").tables)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_section_n_chars_leaves_out_white_space(seed_id, parsed_seed):
    sections = parsed_seed(seed_id).sections_frame()
    assert sections["n_chars"].tolist() == [len(re.sub(r"\s", "", t)) for t in sections["text"]]
    spaced = toolkit.parse_text((RAW / f"{seed_id}.txt").read_text(encoding="utf-8").replace("。", "。 \t"))
    assert spaced.sections_frame()["n_chars"].tolist() == sections["n_chars"].tolist()


def test_parse_text_reads_lines_as_parse_report_does(tmp_path):
    # A form feed (pdftotext's page break) ends no line of a text file, but parse_text split at it
    # (str.splitlines): its line numbers, and so every flag's and cell's line, differed from parse_report's.
    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    at = text.index("三、收到和处理政府信息公开申请情况")
    text = text[:at] + "\f" + text[at:]
    path = tmp_path / "001_4d29bfef72dd56db.txt"
    path.write_text(text, encoding="utf-8")
    from_file = toolkit.parse_report(path)
    from_text = toolkit.parse_text(text, report_id=from_file.report_id)
    assert from_text.lines == from_file.lines
    assert from_text.tables.equals(from_file.tables)
    assert [(s.key, s.first_line) for s in from_text.sections] == [(s.key, s.first_line) for s in from_file.sections]


def test_white_space_counted_is_what_regex_backslash_s_matches() -> None:
    """n_chars leaves out white space: the characters ``\\s`` matches, every one of them (counted without
    a list of matches)."""
    import sys

    from toolkit.report import _n_space

    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c))
    text = f"一 二\u3000三\t\n{spaces}x{spaces[::-1]}"
    assert _n_space(text) == len(re.findall(r"\s", text)) == 2 * len(spaces) + 4
    assert _n_space("") == 0 and _n_space("abc") == 0


# a file cut inside a table's value (a download or a copy cut short: '\t79' ends the text as '\t7', '1342 |' as
# '134'): the table was flagged truncated, but its last value read the digits left, 7, as written; the file may be
# cut inside the value, so a value that ends the text of a table cut short is missing, flagged ambiguous_digits, but
# not one whose cell mark is left after it (pipe layouts: '1342 |')
@pytest.mark.parametrize("seed_id", ["001_4d29bfef72dd56db", "002_809f9474e249d214", "004_b232cca7e491c758"])
def test_a_value_cut_by_the_end_of_a_file_cut_inside_a_table_is_missing(seed_id):
    report = toolkit.parse_report(RAW / f"{seed_id}.txt")
    lines = report.lines  # (the lines the cells' line numbers count)
    table_lines = report.tables[report.tables.raw.str.fullmatch(r"\d{2,}", na=False)
                                & report.tables.table.isin(["active", "requests"])]
    cuts = 0
    for rec in table_lines.itertuples():
        value = lines[rec.line - 1].rstrip(" |")
        for text, whole in ((value[:-1], False), (lines[rec.line - 1], True)):
            cut = toolkit.parse_text("\n".join([*lines[: rec.line - 1], text]))
            if not any(f.code == "truncated" and f.table == rec.table for f in cut.flags):
                continue  # (the table's last row: no row after it is lost)
            cuts += 1
            cell = cut.tables[(cut.tables.table == rec.table) & (cut.tables.row_key == rec.row_key)
                              & (cut.tables.col_key == rec.col_key)]
            if whole and text.endswith("|"):  # (its row cut short may leave it unplaced, but not for the text's end)
                assert not [f for f in cut.flags if f.code == "ambiguous_digits" and "ends the text" in f.detail]
            elif not whole:
                assert cell.value.isna().all() and cell.raw.isin([text.strip(), ""]).all()
                assert (cell.flag != "").all()
    assert cuts >= 2


@pytest.mark.parametrize("fmt", ["docx", "html", "tab", "lines"])
def test_a_whole_file_ending_in_a_table_that_leaves_a_row_out_keeps_its_last_value(fmt, tmp_path):
    # A complete DOCX or web page whose text ends with the review table, 复议后起诉's row left out (flagged
    # truncated): its last value, a whole cell whose row identity holds (2 = 0 + 1 + 0 + 1), was made NA, flagged
    # ambiguous_digits 'ends the text, which cuts the table', as a plain text file's that may be cut inside it.  Only
    # plain text is so cut: the others read the value as written.
    import test_tables as T

    lines = T._report_lines("001_4d29bfef72dd56db.txt")
    _, tail = T._review_table_at(lines)
    lines = T._review_rebuilt(lines[:tail + 1], T._review_kinds_left_out(2, "none"))
    got = T._read(lines, fmt, tmp_path)
    cell = got.tables.set_index(["table", "row_key", "col_key"]).loc[("review_litigation", "litigation_direct",
                                                                        "total")]
    cut = [f for f in got.flags if f.code == "ambiguous_digits" and "ends the text" in f.detail]
    if fmt in ("tab", "lines"):  # (plain text: '\t2' or '2' ending it may be '\t23' cut, as a5288ee has it)
        assert cell["value"] != cell["value"] and len(cut) == 1
    else:
        assert cell["value"] == 2 and not cut


@pytest.mark.parametrize("html", [False, True])
def test_a_replacement_character_written_in_the_text_is_no_decoding_damage(html, tmp_path, parsed_seed):
    # Seed 004 quoting '\ufffd' as written (UTF-8's EF BF BD: '无法显示的字符显示为“\ufffd”') was flagged bad_bytes, '1
    # character(s) could not be decoded', its status partial: the report counted every U+FFFD of its lines as the
    # decoder's.  Only a decoder's replacements are (it says so); a stray byte still is.
    from toolkit.errors import ReaderWarning

    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    lines.insert(3, "无法显示的字符显示为“\ufffd”。")
    text = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>" if html else "\n".join(lines)
    path = tmp_path / ("quoted.html" if html else "quoted.txt")
    path.write_bytes(text.encode("utf-8"))
    got = toolkit.parse_report(path)
    assert "\ufffd" in got.original_text and got.encoding == "utf-8"
    assert "bad_bytes" not in {f.code for f in got.flags}
    if not html:
        assert {f.code for f in got.flags} == {f.code for f in parsed_seed(seed).flags}
    path.write_bytes(text.encode("utf-8") + b"\xff")
    with pytest.warns(ReaderWarning, match="replaced by U\\+FFFD"):
        got = toolkit.parse_report(path)
    assert "bad_bytes" in {f.code for f in got.flags}


@pytest.mark.parametrize("html", [False, True])
def test_a_replacement_character_written_beside_replaced_bytes_is_not_counted(html, tmp_path):
    from toolkit.errors import ReaderWarning

    # Seed 004 quoting '\ufffd' twice as written with one stray byte (FF) at its end was flagged '3 character(s) could
    # not be decoded': the report counted its own U+FFFD with the decoder's one.  The figure is the decoder's.
    seed = "004_b232cca7e491c758"
    lines = (RAW / f"{seed}.txt").read_text(encoding="utf-8").split("\n")
    lines.insert(3, "无法显示的字符显示为“\ufffd”或“\ufffd”。")
    text = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>" if html else "\n".join(lines)
    path = tmp_path / ("quoted.html" if html else "quoted.txt")
    path.write_bytes(text.encode("utf-8").replace("报告".encode("utf-8"), "报告".encode("utf-8") + b"\xff", 1))
    with pytest.warns(ReaderWarning, match="1 byte sequence"):
        got = toolkit.parse_report(path)
    assert got.original_text.count("\ufffd") == 3
    [flag] = [f for f in got.flags if f.code == "bad_bytes"]
    assert flag.detail.startswith("1 character(s) could not be decoded")
