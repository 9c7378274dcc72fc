"""Parse, check, classify and compare Chinese government information disclosure annual reports.

The public API (everything else is private)::

    report = toolkit.parse_report("data/raw/001_4d29bfef72dd56db.txt")
    report.sections, report.tables, report.checks, report.flags, report.statements
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


def __getattr__(name: str):
    # Heavier stages are imported on first use.
    if name == "extract_corpus":
        from toolkit.corpus import extract_corpus

        return extract_corpus
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
