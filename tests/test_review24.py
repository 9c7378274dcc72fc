"""review24: tests proving findings in the session's change (b64e790..35a8049, and meta25 after it)."""
from pathlib import Path

import pytest

import toolkit

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
_FIRST, _SECOND = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"


@pytest.mark.parametrize("fmt", ["docx"])
def test_a_whole_file_ending_in_a_table_that_leaves_a_row_out_keeps_its_last_value(fmt, tmp_path):
    # a5288ee: a complete DOCX whose text ends with the review table, 复议后起诉's row left out (flagged
    # truncated): its last value, a whole cell whose row identity holds (2 = 0 + 1 + 0 + 1), is made NA, flagged
    # ambiguous_digits 'ends the text, which cuts the table'.
    import test_tables as T

    lines = T._report_lines("001_4d29bfef72dd56db.txt")
    _, tail = T._review_table_at(lines)
    lines = T._review_rebuilt(lines[:tail + 1], T._review_kinds_left_out(2, "none"))
    got = T._read(lines, fmt, tmp_path).tables.set_index(["table", "row_key", "col_key"])
    assert got.loc[("review_litigation", "litigation_direct", "total"), "value"] == 2
