"""Packaging: environment.yml agrees with pyproject.toml; the public API is documented."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from importlib import metadata
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.specifiers import SpecifierSet

import toolkit

ROOT = Path(__file__).resolve().parents[1]


def _req(spec: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)$", spec)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_req(s) for s in project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.update(_req(s) for s in dep["pip"] if not s.startswith("-e"))
        else:
            name, ver = _req(dep)
            conda[name] = ver
    listed = {**conda, **pip}
    listed.pop("python", None)
    listed.pop("pip", None)
    assert listed == wanted
    assert "conda-forge" in env["channels"]
    assert any(isinstance(d, dict) and "-e ." in d["pip"] for d in env["dependencies"])


def test_exactly_one_opencc_distribution():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [_req(s)[0] for s in project["dependencies"]]
    assert names.count("opencc") == 1
    assert not any("opencc-python" in n for n in names)


def test_constraints_pin_every_dependency_within_its_bounds():
    # Seven core packages were checked; a dependency of pyproject.toml (runtime, or an extra make installs) left
    # out of constraints.txt, or pinned outside its bound, would be installed unpinned or refused by pip.
    pins = {_req(name)[0]: version for name, version in
            (line.split("==") for line in (ROOT / "constraints.txt").read_text().split() if "==" in line)}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + [s for extra in project["optional-dependencies"].values() for s in extra]
    assert len(declared) > 20
    for spec in declared:
        name, bound = _req(spec)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert SpecifierSet(bound).contains(pins[name]), f"constraints.txt pins {name}=={pins[name]}, outside {bound}"


def test_version_and_citation():
    assert re.fullmatch(r"\d+\.\d+\.\d+", toolkit.__version__)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == toolkit.__version__
    assert (ROOT / "LICENSE").exists()


def test_every_public_function_has_a_numpydoc_docstring():
    missing = []
    for name in toolkit.__all__:
        obj = getattr(toolkit, name)
        if inspect.isfunction(obj):
            doc = inspect.getdoc(obj) or ""
            if "Parameters" not in doc or "Returns" not in doc:
                missing.append(name)
        elif inspect.isclass(obj) and not (inspect.getdoc(obj) or "").strip():
            missing.append(name)
    assert not missing, missing


def _pins_refusing(python: str, names: set[str] | None = None) -> list[str]:
    """The pins of constraints.txt (those of ``names``, if given) whose installed metadata refuses ``python``."""
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().split() if "==" in line)
    refused, checked = [], 0
    for name, version in pins.items():
        if names is not None and _req(name)[0] not in names:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if dist.version != version:      # its metadata is not the pin's
            continue
        checked += 1
        needs = dist.metadata.get("Requires-Python")
        if needs and not SpecifierSet(needs).contains(python):
            refused.append(f"{name}=={version} (Python {needs})")
    assert checked > len(pins if names is None else names) // 2
    return refused


def test_the_readme_names_a_python_the_pinned_versions_install_on():
    # make demo installs the pins of constraints.txt; the README said Python 3.10 was enough, where pip finds no
    # NumPy 2.4.6, pandas 3.1.1 or SciPy 1.17.1 for it (21 of the pins require 3.11 or later)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    python = re.search(r"Python ≥ (\d+\.\d+(?:\.\d+)?) with `venv`", readme).group(1)
    refused = _pins_refusing(python)
    assert not refused, f"the README says Python {python}; constraints.txt pins {refused}"


def test_the_oldest_python_declared_is_one_the_tested_versions_install_on():
    # pyproject.toml and environment.yml said Python >= 3.10, while the only environment tested (make test, CI) is
    # that of constraints.txt, where 6 of the 14 runtime pins (NumPy 2.4.6, pandas 3.1.1, SciPy 1.17.1, …) need 3.11,
    # and the tests themselves (tomllib) cannot run on 3.10: a Python no test ever ran was declared supported.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = SpecifierSet(project["requires-python"])
    oldest = [spec.version for spec in declared if spec.operator == ">="]
    assert len(oldest) == 1, f"requires-python {declared} names no single lowest version"
    runtime = {_req(s)[0] for s in project["dependencies"]}
    refused = _pins_refusing(oldest[0], runtime)
    assert not refused, f"requires-python {declared}; constraints.txt pins {refused}"
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_python = [_req(d)[1] for d in env["dependencies"] if isinstance(d, str) and _req(d)[0] == "python"]
    assert conda_python == [str(declared)], "environment.yml's python and pyproject's requires-python differ"


def test_every_public_function_of_every_module_has_a_numpydoc_docstring():
    # The README says every public function has one; the test above looked at toolkit.__all__ only, and nine
    # functions of the modules' own __all__ (to_simplified, remove_pinyin, report_title_lines, load_formats …)
    # had no Parameters or Returns section.
    modules = [m.name for m in pkgutil.walk_packages(toolkit.__path__, "toolkit.")
               if not any(part.startswith("_") for part in m.name.split("."))]
    missing, checked = [], 0
    for name in modules:
        module = importlib.import_module(name)
        for public in getattr(module, "__all__", ()):
            obj = getattr(module, public)
            if not inspect.isfunction(obj):
                continue
            checked += 1
            doc = inspect.getdoc(obj) or ""
            wanted = ["Returns"] + (["Parameters"] if inspect.signature(obj).parameters else [])
            if any(f"\n{section}\n---" not in f"\n{doc}" for section in wanted):
                missing.append(f"{name}.{public}")
    assert checked > 50
    assert not missing, sorted(set(missing))


def test_every_module_with_public_functions_or_classes_states_its_all():
    # The test above reads each module's __all__: a module that stated none escaped it (annex.attachment_start,
    # plaintext.text_lines, which had no Parameters or Returns section).
    modules = [m.name for m in pkgutil.walk_packages(toolkit.__path__, "toolkit.")
               if not any(part.startswith("_") for part in m.name.split("."))]
    unstated = []
    for name in modules:
        module = importlib.import_module(name)
        public = [key for key, obj in vars(module).items()
                  if not key.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))
                  and obj.__module__ == name]
        if public and not hasattr(module, "__all__"):
            unstated.append(f"{name} ({', '.join(public)})")
    assert not unstated, unstated


def test_hypothesis_scale_multiplies_the_examples_of_every_property_test(monkeypatch):
    # `make sweep` sets HYPOTHESIS_SCALE: every test's count must go through scaled(), or the sweep skips it
    from scale import scaled

    monkeypatch.setenv("HYPOTHESIS_SCALE", "2.5")
    assert scaled(120) == 300
    monkeypatch.setenv("HYPOTHESIS_SCALE", "0.001")
    assert scaled(120) == 1
    for bad in ("0", "-1", "x", "nan"):
        monkeypatch.setenv("HYPOTHESIS_SCALE", bad)
        with pytest.raises(ValueError, match="HYPOTHESIS_SCALE"):
            scaled(10)
    unscaled = [f"{path.name}:{n}" for path in sorted((ROOT / "tests").glob("*.py"))
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if re.search(r"max_examples\s*=\s*\d", line)]
    assert not unscaled
