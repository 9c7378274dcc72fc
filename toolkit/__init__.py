"""Parse, check, classify and compare Chinese government information disclosure annual reports.

One report, and a corpus (``__all__`` below)::

    report = toolkit.parse_report("data/raw/001_4d29bfef72dd56db.txt")
    report.sections, report.tables, report.checks, report.flags, report.statements
    frames = toolkit.extract_corpus("data/raw")    # the six frames of `toolkit extract`

The analysis is in public modules, each with its own ``__all__``: :mod:`toolkit.metrics`
(indicators per report), :mod:`toolkit.compare` (group comparisons, panels, the cross-year
audit), :mod:`toolkit.plots` (figures), :mod:`toolkit.classify` (statements coded with the
codebook, evaluation) and :mod:`toolkit.corpus` (``read_outputs``).  Names that begin with
``_`` are private.
"""
from toolkit._version import __version__
from toolkit.errors import (
    BinaryFileError,
    CorruptFileError,
    DecodeError,
    EmptyFileError,
    FileTooLargeError,
    ReadError,
    ToolkitError,
    UnmappedFontError,
    UnsupportedFormatError,
)

# typing's own TYPE_CHECKING, without importing typing (half the time of this import, before __main__ can catch a
# Ctrl-C: see __main__): type checkers take any name TYPE_CHECKING as true
TYPE_CHECKING = False
if TYPE_CHECKING:  # for type checkers and IDEs; at run time these are imported on first use
    from toolkit.corpus import extract_corpus
    from toolkit.report import Report, parse_report, parse_text
    from toolkit.sections import Section
    from toolkit.tables import Flag

__all__ = [
    "__version__",
    "parse_report",
    "parse_text",
    "Report",
    "Section",
    "Flag",
    "extract_corpus",
    "ToolkitError",
    "ReadError",
    "EmptyFileError",
    "BinaryFileError",
    "UnsupportedFormatError",
    "DecodeError",
    "FileTooLargeError",
    "CorruptFileError",
    "UnmappedFontError",
]


# Where each public name is defined. ``import toolkit`` stays light (no pandas, no parser): the command line
# starts at once, and a Ctrl-C while the parser is being imported reaches the command's own handler.
_LAZY = {
    "parse_report": "toolkit.report",
    "parse_text": "toolkit.report",
    "Report": "toolkit.report",
    "Section": "toolkit.sections",
    "Flag": "toolkit.tables",
    "extract_corpus": "toolkit.corpus",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups find it without this hook
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
