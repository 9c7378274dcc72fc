"""Shared fixtures: the seed reports and their hand-read gold values."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD_FILE = Path(__file__).parent / "data" / "seed_gold.yaml"
SEED_IDS = sorted(p.stem for p in RAW.glob("00*.txt"))


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
