"""Reading plain text: a text file's lines as written (its codec found by :mod:`toolkit.decoding`).

A line ends at ``\n``, ``\r\n`` or ``\r``, and at a vertical tab (Word's manual line break, Shift+Enter, in its
plain-text export) or a form feed between two pages' text; a form feed beside a line end (pdftotext's, starting a
page) ends no line of its own.
"""
from __future__ import annotations

import re

from toolkit.decoding import _check_not_binary, _check_not_blank, _check_text_file, _decode_unchecked
from toolkit.document import RawDocument

__all__ = ["text_lines"]


# --------------------------------------------------------------------------
# plain text
# --------------------------------------------------------------------------


#: The share of a text's line ends that are CR CR LF from which each is read as one line end: a few (a line ending in a
#: lone CR before a blank line) are not a text written again so.
_CR_CR_LF_SHARE = 0.8


def _read_text(data: bytes, path: str, codec: str | None) -> RawDocument:
    _check_text_file(data, path)
    text, used = _decode_unchecked(data, path, codec)
    # (its controls counted as its lines read it: NEL ending each line, and no other line end, was refused as binary)
    _check_not_binary(_unicode_line_ends(text), path)
    if "\x1a" in text[-256:] and text.rstrip().endswith("\x1a"):
        # Ctrl-Z, the end-of-file mark DOS tools (copy /a, old editors) write after the text: no character of its
        # last line ('2024年1月29日\x1a' read as no date)
        text = text.rstrip().rstrip("\x1a")
    if "\r\r\n" in text and text.count("\r\r\n") >= _CR_CR_LF_SHARE * text.count("\n"):
        # lines ending in CR CR LF (a CRLF file written again by a tool's text mode, or sent by FTP as ASCII; its lines
        # that ended in LF alone then end in CR LF): one line end each, not a blank line after each, which cut the rows
        # of a table (values lost).  A blank line of the file stays one ('\r\r\n\r\r\n' or '\r\r\n\r\n').
        text = text.replace("\r\r\n", "\n")
    _check_not_blank(text, path, data)
    return RawDocument(path=path, format="text", encoding=used, lines=text_lines(text))


def text_lines(text: str) -> list[str]:
    """The lines of a plain text, read as a text file's are.

    A vertical tab (a manual line break) ends a line; a form feed ends one between two pages' text, and none
    beside a line end (pdftotext's page break, at the start of a page's first line).

    Parameters
    ----------
    text : str
        The decoded text.

    Returns
    -------
    list of str
        Its lines, without their line ends.

    Examples
    --------
    >>> text_lines("正文。\\n\\f二、主动公开政府信息情况\\r\\n正文\\v续行\\f下一页")
    ['正文。', '二、主动公开政府信息情况', '正文', '续行', '下一页']
    """
    text = _unicode_line_ends(text)
    # (most texts hold none of the odd breaks: a search for each character alone, in C, is some 30 times as fast as
    # the pattern's, which tries its alternatives at every character of the text)
    if any(map(text.__contains__, _ODD_BREAK_CHARS)):
        text = _ODD_BREAKS.sub(_odd_break, text)
    return text.splitlines()


def _unicode_line_ends(text: str) -> str:
    """``text`` with its U+2028/U+2029/NEL made line ends where it has no ordinary one (web-page text copied from a
    browser): else the whole report is one line and its tables are lost."""
    if "\n" not in text and "\r" not in text and _UNICODE_BREAKS.search(text):
        return _UNICODE_BREAKS.sub("\n", text)
    return text


_UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")


# \n, \r\n, \r and a vertical tab end a line of a text file; str.splitlines() also breaks at the others here.
# A vertical tab is Word's manual line break (Shift+Enter) as its plain-text export writes it: dropped, it glued two
# lines, and a text with one for every line end lost its sections.  A form feed is a page break: a line end between
# two pages' text, dropped beside a line end (pdftotext's, at the start of a page's first line, would add a line).
# The file, group and record separators are dropped; the Unicode line and paragraph separators become spaces.
_ODD_BREAK_CHARS = "\v\x1c\x1d\x1e\x85\u2028\u2029\f"
_ODD_BREAKS = re.compile(f"[{_ODD_BREAK_CHARS[:-1]}]|\f+")


def _odd_break(match: re.Match[str]) -> str:
    found = match.group()
    if found == "\v":
        return "\n"
    if found[0] == "\f":
        return "\n" if _inside_a_line(match) else ""
    return " " if found in "\u2028\u2029" else ""


def _inside_a_line(match: re.Match[str]) -> bool:
    """Whether ``match`` stands between two characters of a line (no line end, nor the text's start or end, beside
    it)."""
    text, start, end = match.string, match.start(), match.end()
    return 0 < start and end < len(text) and text[start - 1] not in "\r\n\v" and text[end] not in "\r\n\v"
