"""The document a reader gives: :class:`RawDocument` (a report's lines as read from its source), the largest
file read, and the warnings readers give.

Every reader (:mod:`toolkit.plaintext`, :mod:`toolkit.webpage` for HTML and web archives, :mod:`toolkit.word`,
:mod:`toolkit.pdf`) returns a :class:`RawDocument`; :func:`toolkit.readers.read_document` chooses the reader.
"""
from __future__ import annotations

import os
import re
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

from toolkit.errors import ReaderWarning

__all__ = ["RawDocument"]


#: Largest file :func:`toolkit.readers.read_document` reads, in bytes (50 MiB); change it per
#: call with ``max_bytes=``.
DEFAULT_MAX_BYTES: int = 50 * 1024 * 1024


@dataclass(repr=False)
class RawDocument:
    """A report as read from its source, before any interpretation.

    Parameters
    ----------
    path : str or None
        The file path as given, ``None`` for text held in memory.
    format : str
        ``'text'``, ``'html'``, ``'mht'`` (a web archive: its page read as HTML), ``'docx'``, ``'doc'`` (Word
        97–2003), ``'pdf'`` or ``'ofd'`` (GB/T 33190).
    encoding : str or None
        The codec used to decode text and HTML (``'utf-8'``, ``'utf-8-sig'``,
        ``'gbk'``, ``'gb18030'``, ``'utf-16'``...); ``None`` for DOCX, DOC, PDF and OFD.
    lines : list of (str or list of str)
        The report in reading order: a ``str`` per line of text, a
        ``list[str]`` per table row (cells left to right, ``''`` for a blank
        cell).
    title : str or None
        The title the document gives itself apart from its text (an HTML page's ``<title>``, which no line holds; a
        DOCX's in its properties, a PDF's in its document information, else in its XMP metadata, unless only a
        template's or a file's name: 'Normal', '文档1', 'Untitled', '年报.doc'), white space collapsed; ``None`` where
        it gives none.
    """

    path: str | None
    format: str
    encoding: str | None
    lines: Sequence[str | list[str]] = field(default_factory=list)
    title: str | None = None

    def __repr__(self) -> str:
        rows = sum(1 for line in self.lines if isinstance(line, list))
        name = os.path.basename(self.path) if self.path else "<text>"
        enc = f" {self.encoding}" if self.encoding else ""
        return f"<RawDocument {name} {self.format}{enc} lines={len(self.lines)} rows={rows}>"


# --------------------------------------------------------------------------
# warnings
# --------------------------------------------------------------------------


def _warn(path: str | None, detail: str, code: str, line: int | None = None) -> None:
    """Warn (a :class:`ReaderWarning` with the flag ``code``, on ``line`` of the document's lines where it names one),
    attributed to the first caller outside the toolkit."""
    frame = sys._getframe(0)
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("toolkit"):
        frame = frame.f_back
        level += 1
    warnings.warn(ReaderWarning(f"{path or '<bytes>'}: {detail}", code, detail, line), stacklevel=level)


# A DOCX may expand to at most this many times ``max_bytes`` when unzipped, and a PDF's streams decode to as much
# in all (see _bounded_streams).
_ZIP_EXPANSION = 10


def _own_title(title: str) -> str | None:
    """A title a document gives itself apart from its text (a DOCX's dc:title, a PDF's Title), white space
    collapsed, or None where there is none or it is only a template's or a new document's name, a converter's
    stamp or a file's name (formats.yaml template_titles: 'Normal', '文档1', 'Untitled', 'Microsoft Word - …',
    '年报.doc')."""
    from toolkit.formats import load_formats  # (lazily: readers load formats' YAML on first use)

    text = " ".join(title.split())
    if not text or re.fullmatch(load_formats()["template_titles"], text):
        return None
    return text
