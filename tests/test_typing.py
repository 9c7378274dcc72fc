"""Type checking: mypy, with pyproject.toml's [tool.mypy] settings, finds no error in toolkit/."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]

# A module checked with the package, whose errors show that the settings are in force: a function without hints
# is checked (check_untyped_defs), an int-or-None result of the package is not taken for an int (strict optional),
# and a `type: ignore` that silences nothing is reported (warn_unused_ignores).
PROBE = '''\
from toolkit.normalize import cn_numeral


def untyped(text):
    return cn_numeral(text) + 1


count: int = 1  # type: ignore[assignment]
'''


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("mypy")
    probe = tmp / "typing_probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    # (the cache in a temporary folder: none is written into the checkout)
    # (mypy raises the interpreter's recursion limit to 2**14 and leaves it so: restored, or the tests run after
    # this one in the same process, the corpus's of folders nested deeper than the limit, saw another interpreter)
    limit = sys.getrecursionlimit()
    try:
        out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp / "cache"),
                                    "--no-error-summary", "--show-error-codes", str(ROOT / "toolkit"), str(probe)])
    finally:
        sys.setrecursionlimit(limit)
    assert status in (0, 1), err  # 2: mypy itself failed (a bad setting, a module not found)
    return [line for line in out.splitlines() if ": error:" in line]


def test_no_type_error_in_the_package(mypy_errors: list[str]) -> None:
    assert [line for line in mypy_errors if "typing_probe.py" not in line] == []


def test_the_settings_are_in_force(mypy_errors: list[str]) -> None:
    probe = sorted((int(line.split(":")[1]), line.rsplit("[", 1)[-1].rstrip("]"))
                   for line in mypy_errors if "typing_probe.py" in line)
    assert probe == [(5, "operator"), (8, "unused-ignore")]
