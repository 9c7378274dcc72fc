"""The README's Python examples run, in order, and print what the README says they print."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_readme_has_python_examples() -> None:
    assert sum(">>>" in b for b in BLOCKS) >= 4


def test_readme_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples use paths relative to the checkout
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    namespace: dict = {}  # shared: later blocks use what earlier ones defined, as a reader would
    out: list[str] = []
    for i, block in enumerate(BLOCKS):
        test = parser.get_doctest(block, namespace, f"README python block {i + 1}", str(ROOT / "README.md"), 0)
        runner.run(test, out=out.append, clear_globs=False)
        namespace = test.globs  # DocTest copies its globals
    assert runner.failures == 0, "".join(out)
    assert runner.tries >= 15
