"""Shared fixtures: the seed reports and their hand-read gold values."""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

from scale import scaled

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD_FILE = Path(__file__).parent / "data" / "seed_gold.yaml"
SEED_IDS = sorted(p.stem for p in RAW.glob("00*.txt"))

# The property tests draw the same examples on every run, so that a run that passed in one clone passes in the
# next (a random draw once failed CI on an example no earlier run had drawn). HYPOTHESIS_PROFILE=explore draws
# new examples on each run, to hunt for failures; a failure found so is then pinned with @example. HYPOTHESIS_SCALE
# multiplies every test's number of examples (scale.scaled; `make sweep`).
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True, max_examples=scaled(100))
settings.register_profile("explore", derandomize=False, database=None, print_blob=True, max_examples=scaled(100))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def later_stages_loaded(module: str) -> list[str]:
    """Which of toolkit.statements and pandas (a later stage and what it loads) ``import <module>`` loads, in a
    fresh interpreter importing the toolkit under test."""
    import ast
    import subprocess
    import sys

    import toolkit

    code = f"import sys, {module}; print(sorted(m for m in ('toolkit.statements', 'pandas') if m in sys.modules))"
    under_test = str(Path(toolkit.__file__).parents[1])
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=under_test,
                          env=dict(os.environ, PYTHONPATH=under_test))
    assert proc.returncode == 0, proc.stderr
    return ast.literal_eval(proc.stdout)


@functools.lru_cache(maxsize=1)
def gold() -> dict:
    return yaml.safe_load(GOLD_FILE.read_text(encoding="utf-8"))["seeds"]


@functools.lru_cache(maxsize=None)
def _parsed(seed_id: str):
    import toolkit

    return toolkit.parse_report(RAW / f"{seed_id}.txt")


@pytest.fixture(params=SEED_IDS)
def seed(request):
    """(seed id, parsed Report, gold dict) for each seed."""
    return request.param, _parsed(request.param), gold()[request.param]


@pytest.fixture
def parsed_seed():
    return _parsed
