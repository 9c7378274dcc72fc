"""The README: its Python examples run, in order, and print what it says they print; it names every flag code."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from toolkit.tables import Flag, flag_codes

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


def test_readme_names_every_flag_code() -> None:
    # The README's flag list ended in '…' and left out agency_unknown and year_conflict, which a by-year analysis
    # needs: every code of output_schema.yaml's flag_codes (the only codes a Flag may have) is named there.
    flags = README[README.index("**Flags**"):]
    flags = flags[: flags.index("\n## ")]
    missing = [code for code in flag_codes() if f"`{code}`" not in flags]
    assert missing == []


def test_a_flag_of_an_undocumented_code_is_refused() -> None:
    Flag("table_missing", "requests")
    with pytest.raises(ValueError, match="undocumented flag code 'tabel_missing'"):
        Flag("tabel_missing", "requests")


def _slug(heading: str) -> str:
    # GitHub's anchor of a heading: lower case, punctuation dropped (not '-' or '_'), spaces to '-'
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@pytest.mark.parametrize("page", ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))])
def test_every_relative_link_resolves(page: str) -> None:
    # The README sums up each stage and links to docs/reading.md's section for the rules: a link to a moved or
    # renamed file, or to a heading that no longer exists, would leave a reader at nothing.
    source = ROOT / page
    text = re.sub(r"```.*?```", "", source.read_text(encoding="utf-8"), flags=re.S)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        if not file.exists():
            broken.append(target)
            continue
        if anchor and file.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), flags=re.M)
            if anchor not in {_slug(h) for h in headings}:
                broken.append(target)
    assert broken == [], f"{page}: links to nothing: {broken}"


def _cli_options() -> set[str]:
    """Every option of the toolkit's command line, of its subcommands, of the benchmark scripts and the Makefile."""
    from toolkit.cli import build_parser

    options = {o for o in build_parser()._options() if o.startswith("--")}  # (the parser's own walk of its subcommands)
    for script in (ROOT / "benchmarks").glob("*.py"):
        options.update(re.findall(r"add_argument\(\s*\"(--[a-z][a-z0-9-]*)\"", script.read_text(encoding="utf-8")))
    options.update(re.findall(r"(--[a-z][a-z0-9-]*)", (ROOT / "Makefile").read_text(encoding="utf-8")))
    return options


def test_every_option_the_readme_names_exists() -> None:
    # an option renamed or dropped in the code must not live on in the README
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", README))
    assert named, "the README names no option"
    assert sorted(named - _cli_options()) == []


def test_the_readmes_command_lines_parse() -> None:
    # each `toolkit …` line of the README's shell blocks is one the command line accepts as written
    import shlex

    from toolkit.cli import build_parser

    lines = [line.split("#")[0].split(">")[0].strip()
             for block in re.findall(r"```(?:bash|sh|console)\n(.*?)```", README, flags=re.S)
             for line in block.splitlines()]
    commands = [shlex.split(line)[1:] for line in lines if line.startswith("toolkit ")]
    assert len(commands) >= 5, commands
    parser = build_parser()
    for argv in commands:
        try:
            parser.parse_args(argv)
        except SystemExit as error:
            pytest.fail(f"README's `toolkit {' '.join(argv)}` does not parse (exit {error.code})")
