"""Exceptions raised by the toolkit.

Every error about a document names the file and the problem, so that a corpus
run can record it in ``reports.csv`` and a user can act on it.
"""
from __future__ import annotations

import os

__all__ = [
    "ToolkitError",
    "ReadError",
    "EmptyFileError",
    "BinaryFileError",
    "UnsupportedFormatError",
    "DecodeError",
    "FileTooLargeError",
    "CorruptFileError",
    "UnmappedFontError",
    "ReaderWarning",
]


class ToolkitError(Exception):
    """Base class of the errors the toolkit raises about a document.

    Parameters
    ----------
    path : str or os.PathLike or None
        The file the problem is about (``None`` for text given in memory).
    problem : str
        What is wrong, in words a user can act on.
    """

    def __init__(self, path: str | os.PathLike | None, problem: str) -> None:
        self.path = None if path is None else os.fspath(path)
        self.problem = problem
        super().__init__(f"{self.path or '<text>'}: {problem}")


class ReadError(ToolkitError):
    """A document cannot be read."""


class EmptyFileError(ReadError):
    """The file is empty or holds only white space."""


class BinaryFileError(ReadError):
    """The file is binary data, not a report in a supported format."""


class UnsupportedFormatError(ReadError):
    """The file extension or content is not a supported format."""


class DecodeError(ReadError):
    """The bytes cannot be decoded in any supported encoding."""


class FileTooLargeError(ReadError):
    """The file is larger than the configured size limit."""


class CorruptFileError(ReadError):
    """A DOCX, PDF, OFD or HTML file is damaged or not what its extension says."""


class UnmappedFontError(ReadError):
    """A PDF's fonts carry no Unicode mapping, so its text comes out as ``(cid:NN)``."""


class ReaderWarning(UserWarning):
    """A file was read, but not all of it as written (stray bytes, ``(cid:NN)`` characters …).

    :func:`toolkit.parse_report` also records it as a flag of the report (``code``), so that a
    corpus run keeps it in ``flags.csv`` (its workers do not print it).

    Parameters
    ----------
    message : str
        The warning, naming the file.
    code : str
        The flag code (``bad_bytes``, ``mixed_encoding``, ``encoding_uncertain``, ``cid_characters``,
        ``tables_as_text``, ``part_unread``, ``merged_down``).
    detail : str
        The flag's detail: the message without the file name.
    line : int, optional
        The line of the document (1-based, in :attr:`toolkit.readers.RawDocument.lines`) the flag concerns, where it
        concerns one (``merged_down``: the first row of the cells covered); None otherwise.
    """

    def __init__(self, message: str, code: str, detail: str, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.detail = detail
        self.line = line
