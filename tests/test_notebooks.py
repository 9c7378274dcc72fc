"""Static checks of the committed notebooks (nbval re-executes them and compares the outputs).

These checks catch what nbval cannot: a notebook committed without outputs (nbval would then compare
nothing), outputs that depend on the machine (absolute paths, memory addresses) or carry warnings.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
OURS = ["01_extract_tables.ipynb", "03_compare_metrics.ipynb"]

_ABSOLUTE = re.compile(
    r"(?<![\w.~])/(?:home|root|tmp|Users|usr|opt|var|work|mnt|srv)/"  # POSIX absolute paths
    r"|\b[A-Za-z]:\\(?=\w)"  # Windows drive paths
    r"|site-packages"
)
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _output_texts(cell: dict) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            texts.append(_text(out["text"]))
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/"):
                texts.append(_text(value))
    return texts


def test_our_notebooks_exist():
    names = [p.name for p in NOTEBOOKS]
    assert all(name in names for name in OURS), names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_executed_in_order(path):
    cells = [c for c in _code_cells(_load(path)) if _text(c["source"]).strip()]
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), f"{path.name}: run it top to bottom before committing"
    assert any(c["outputs"] for c in cells), f"{path.name} has no outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_outputs_have_no_errors_or_warnings(path):
    for i, cell in enumerate(_code_cells(_load(path))):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name} code cell {i}: {out.get('ename')}"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), (
                f"{path.name} code cell {i} wrote to stderr: {_text(out['text'])[:200]}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_no_machine_specific_text(path):
    root = str(ROOT)
    for i, cell in enumerate(_load(path)["cells"]):
        texts = [_text(cell["source"])] + (_output_texts(cell) if cell["cell_type"] == "code" else [])
        for text in texts:
            assert root not in text, f"{path.name} cell {i} contains the repository path"
            match = _ABSOLUTE.search(text)
            assert match is None, f"{path.name} cell {i} contains an absolute path near {match.group()!r}"
            match = _ADDRESS.search(text)
            assert match is None, f"{path.name} cell {i} contains a memory address {match.group()!r}"


def test_compare_notebook_shows_and_saves_every_figure():
    cells = _code_cells(_load(ROOT / "notebooks" / "03_compare_metrics.ipynb"))
    figure_cells = [c for c in cells if 'save(ax, "' in _text(c["source"])]
    assert len(figure_cells) == 4
    for cell in figure_cells:
        assert any("image/png" in out.get("data", {}) for out in cell["outputs"]), _text(cell["source"])[:80]
        name = re.search(r'save\(ax, "([\w-]+)"\)', _text(cell["source"])).group(1)
        assert re.fullmatch(r"[a-z0-9_]+", name)


def test_notebooks_use_paths_relative_to_notebooks_folder():
    # nbval and nbconvert run a notebook with cwd = notebooks/, so data is at ../data
    for name in OURS:
        source = "\n".join(_text(c["source"]) for c in _code_cells(_load(ROOT / "notebooks" / name)))
        assert "../data/raw" in source
        assert not re.search(r"""["']data/raw""", source), name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_carry_no_execution_timestamps(path):
    """Timestamps change on every run and bury the real changes of a notebook in its diff."""
    stamped = [i for i, c in enumerate(_load(path)["cells"]) if "execution" in c.get("metadata", {})]
    assert not stamped, f"{path.name} cells {stamped}: strip metadata.execution (make notebooks)"
