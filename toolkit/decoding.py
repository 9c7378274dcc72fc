"""Decoding: the text a file's bytes hold, in the codec given or found (UTF-8, UTF-16, GBK, GB18030, Big5, HZ …).

:func:`decode_bytes` reads bytes as a report's text: a codec given (``encoding=``) is used, else a byte-order mark,
else the codec whose reading looks like a report (see ``_detect``); bytes no codec reads as a report's text (binary
data, a page of controls, mojibake) give a :class:`~toolkit.errors.DecodeError` or
:class:`~toolkit.errors.BinaryFileError` naming the file. Used by the text and HTML readers.
"""
from __future__ import annotations

import bisect
import codecs
import functools
import os
import re
import unicodedata

from toolkit.document import _warn
from toolkit.errors import BinaryFileError, DecodeError, EmptyFileError, UnsupportedFormatError
from toolkit.normalize import HAN_RANGES, HAN_UNIFIED, TONE_LETTERS, _HAN, to_simplified

__all__ = ["decode_bytes"]


# an OLE compound file: a Word 97–2003 document, or a workbook, presentation … (toolkit.msdoc.OLE_MAGIC, which is
# imported only to read one)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_MAGIC = b"{\\rtf"
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX)"),
    (_OLE_MAGIC, "a legacy Office file (.doc/.xls/.wps)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (_RTF_MAGIC, "an RTF document"),
)
# the signatures of _MAGIC that are archives of files (a ZIP may be a package: see readers._zip_reason)
_ARCHIVE_MAGIC = (b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
# UTF-16 without BOM: at least this share of the characters, read in one byte order, are those of a report
# (see _NOT_REPORT_CHARS); binary data read so gives characters from all over the 16-bit range.
_UTF16_TEXT = 0.95
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = frozenset(list(range(0x00, 0x09)) + list(range(0x0E, 0x20)) + [0x7F])
_GB_FAMILY = {"gb2312", "gbk", "gb18030"}


def decode_bytes(
    data: bytes,
    *,
    path: str | os.PathLike | None = None,
    encoding: str | None = None,
) -> tuple[str, str]:
    """Decode the bytes of a text report, detecting the codec if not given.

    Parameters
    ----------
    data : bytes
        The raw bytes.
    path : str or os.PathLike or None, default None
        The file the bytes come from, named in errors.
    encoding : str or None, default None
        Codec to use (data beginning with the byte-order mark of another codec are read in the mark's,
        the codec returned); ``None`` detects it in this order: byte-order marks
        (UTF-8 → ``'utf-8-sig'``, UTF-32, UTF-16 → ``'utf-16'``, GB18030; GBK, GB18030 or Big5 text after a
        UTF-8 mark is read in its codec, with a ``mixed_encoding`` warning);
        UTF-16 without BOM (``'utf-16-le'``/``'utf-16-be'``) for data with NUL
        bytes that decode in one byte order into characters of a report (ASCII,
        Chinese characters and punctuation, full-width forms: 95% of them), and for data without NUL bytes
        that decode so into common Chinese characters alone (``'暂无内容'``: flagged ``encoding_uncertain``, after
        strict UTF-8); strict UTF-8 (``'utf-8'``;
        data whose last character is cut off is accepted with a warning, and so
        is UTF-8 with up to 256 stray byte sequences of another encoding,
        outnumbered 50 to 1 by its valid characters, replaced by U+FFFD, and UTF-8 whose only other bytes are
        Windows-1252 punctuation (“ ” ‘ ’ – — …), read as such with a ``mixed_encoding`` warning; 7-bit ASCII
        holding ``~{`` is read as HZ, ``'hz'``, where it decodes so into Chinese, after a UTF-8 mark too);
        strict GBK (``'gbk'``); strict GB18030 (``'gb18030'``)
        (either with lines in UTF-8 read as such, with a ``mixed_encoding`` warning), or
        Big5 (``'big5'``, ``'big5hkscs'``) where the bytes read as Big5 too and its reading has the
        more common characters; a warning ``encoding_uncertain`` where too little tells the two apart,
        ``bad_bytes`` for private-use characters in a GB text.

    Returns
    -------
    text : str
        The decoded text, without a leading byte-order mark.
    codec : str
        The codec actually used.

    Raises
    ------
    TypeError
        If `data` is not bytes.
    ValueError
        If `encoding` is not a known text codec.
    BinaryFileError
        If the data holds NUL bytes (outside UTF-16; a run of them that ends the
        data is dropped, with a warning ``bad_bytes``) or more than 1% control
        characters.
    DecodeError
        If the bytes do not decode with `encoding`, or with any detected codec.

    Examples
    --------
    >>> from toolkit.readers import decode_bytes
    >>> decode_bytes("政府信息公开".encode("gbk"))
    ('政府信息公开', 'gbk')
    >>> decode_bytes("政府信息公开".encode("utf-8-sig"))
    ('政府信息公开', 'utf-8-sig')
    """
    text, codec = _decode_unchecked(data, path, encoding)
    _check_not_binary(text, None if path is None else os.fspath(path))
    return text, codec


def _decode_unchecked(data: bytes, path: str | os.PathLike | None, encoding: str | None) -> tuple[str, str]:
    """decode_bytes without the refusal of a text of control characters, which a caller makes of the text as it reads
    it (plaintext: NEL line ends are its lines' ends, no controls)."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    spath = None if path is None else os.fspath(path)
    codec = None if encoding is None else _check_encoding(encoding)
    if codec is not None:
        data, codec = _given_after_utf8_mark(data, codec, spath)
        return _decode_strict(data, codec, spath), codec
    text, codec, _same = _detect(data, spath)
    return text, codec


def _check_encoding(encoding: object) -> str:
    """Return the canonical name of a text codec, or raise ValueError."""
    if not isinstance(encoding, str):
        raise ValueError(
            f"encoding must be a codec name such as 'utf-8', 'gbk', 'gb18030' or "
            f"'utf-16', or None to detect it; got {encoding!r}"
        )
    try:
        name = codecs.lookup(encoding).name
        "".encode(encoding)  # rejects non-text codecs such as 'base64'
    except LookupError as exc:
        raise ValueError(
            f"encoding must be a known text codec such as 'utf-8', 'gbk', 'gb18030' "
            f"or 'utf-16', or None to detect it; got {encoding!r}"
        ) from exc
    return name


_ENCRYPTED_OFFICE = "EncryptedPackage".encode("utf-16-le")  # the stream of a password-protected DOCX


def _magic(data: bytes) -> str | None:
    """Name the file type whose signature `data` starts with, if any."""
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_OFFICE in data:
        return "a password-protected Office file (remove the password, then save it as .docx)"
    for sig, what in _MAGIC:
        if data.startswith(sig):
            return what
    # (a PDF may follow some bytes; a signature at the start wins: a ZIP storing a PDF first is a ZIP)
    return "a PDF file" if _pdf_header_after(data) else None


# a PDF's header line after other bytes (a reader takes it within the first 1024): its version, then the line's end
_PDF_HEADER_LINE = re.compile(rb"%PDF-\d\.\d[\r\n]")


def _pdf_header_after(data: bytes) -> bool:
    """Whether a PDF's header line stands in the first 1024 bytes of ``data`` after other bytes (an HTTP header
    saved before it): the header as a line of its own, not '%PDF-' in a page's or a text's words ('附件格式为%PDF-1.7。'
    in a report, taken for a PDF that could not be opened)."""
    return b"%PDF-" in data[:1024] and _PDF_HEADER_LINE.search(data[:1024]) is not None


def _content_named(what: str, path: str) -> str:
    """'the content is ``what`` named .ext' (the extension of ``path`` as written, where it has one): a file whose
    signature shows another kind than its name says (a PNG image named .pdf)."""
    ext = os.path.splitext(path.replace("\\", "/").rsplit("/", 1)[-1])[1]
    return f"the content is {what}" + (f" named {ext}" if ext else "")


def _decode_strict(data: bytes, codec: str, path: str | None) -> str:
    """Decode with one codec, raising DecodeError naming file and codec."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            path,
            f"cannot decode the bytes as {codec}: {exc.reason} at byte offset "
            f"{exc.start} (0x{data[exc.start:exc.start + 4].hex()})",
        ) from exc
    return text.lstrip("\ufeff") if text.startswith("\ufeff") else text


def _codec_given(data: bytes, codec: str) -> str:
    """The codec given for a file, or its byte-order mark's where it begins with the mark of another codec (a UTF-8
    file with Notepad's mark in a corpus read with ``--encoding gbk``): the mark says what the file is, as a browser
    takes it over a page's declared charset; read in the codec given, the file failed at some byte far into it, or
    became mojibake without a word.

    GB 2312 or GBK given, for bytes that are no such text, is the first of its supersets, GBK then GB18030, that
    reads them (a GBK character such as 镕 in a 'GB2312' corpus, a rare name's character of GB18030 alone), as a
    browser reads those labels: the file failed whole at that character.  GB 2312 given is read as GBK even where
    its own codec reads the bytes, as a browser reads the label (and as a page declaring it is read): Python's GB 2312
    reads the dash ——, A1AA twice, as ―― (U+2015) and the middle dot as ・, in every line and table cell."""
    bom = _detect_bom(data)
    if bom is None and codec == "gb2312":
        codec = "gbk"
    if bom is None and codec == "gbk" and _try(data, codec) is None:
        return "gb18030" if _try(data, "gb18030") is not None else codec
    if bom is None or codec == bom:
        return codec
    try:  # the codec given reads the mark as one ('utf-16-le' a little-endian mark, 'utf-8' Notepad's): it is its own
        return codec if data[:{"utf-8-sig": 3, "utf-16": 2}.get(bom, 4)].decode(codec) == "\ufeff" else bom
    except UnicodeDecodeError:
        return bom


def _given_after_utf8_mark(data: bytes, given: str, path: str | None) -> tuple[bytes, str]:
    """The bytes to read and the codec to read them in, for a file read in the codec ``given`` (see _codec_given):
    the bytes after a UTF-8 byte-order mark, in the codec given, where they are no UTF-8 and read so (a GBK or Big5
    body saved after the mark by a tool that writes it, flagged ``mixed_encoding`` as it is when detected: see
    _gb_after_utf8_mark).  With ``--encoding big5`` such a file was refused ('cannot decode the bytes as utf-8-sig'),
    where without it it is read."""
    codec = _codec_given(data, given)
    if codec != "utf-8-sig" or codec == given or _try(data, codec) is not None:
        return data, codec
    body = data[3:]
    own = _codec_given(body, given)  # (GB 2312 given read as GBK, as without the mark)
    if (own != given and _detect_bom(body) is not None) or _try(body, own) is None:  # (a second mark: no such body)
        return data, codec
    _warn(path, f"the file starts with a UTF-8 byte-order mark but its bytes are {own.upper()}, the codec given: "
                f"read as {own.upper()}", "mixed_encoding")
    return body, own


def _codec_name(codec: str) -> str:
    """The name of a GB or Big5 codec in a warning: 'GBK', 'GB18030' or 'Big5' (HKSCS too)."""
    return "Big5" if codec.startswith("big5") else codec.upper()


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Bytes that read as GB and as Big5: readings whose shares of rare characters (_rare_share) are closer than
# the first margin, or the second where they hold fewer non-ASCII characters than the sample (and any of one
# or two), cannot be told apart (flagged encoding_uncertain).
_GB_BIG5_SAMPLE = 8
_GB_BIG5_MARGIN = (0.2, 0.4)


# Chinese characters and punctuation: a line of UTF-8 in a GB text holds some (see _utf8_lines).
_CJK_CHAR = re.compile(f"[\u3000-\u303f{HAN_RANGES}\uff00-\uffef]")


def _utf8_lines(data: bytes, path: str | None) -> tuple[str, str] | None:
    """GBK or GB18030 text with lines in UTF-8 (a title pasted from a web page), each line read in its own
    encoding, with a warning naming the UTF-8 lines; None where no line is UTF-8.

    A line is taken for UTF-8 when it decodes as UTF-8 into at least two Chinese characters, or one common one, and
    nothing but a report's characters (_mixed_line): the bytes of GB text almost never do, and UTF-8 read as GB18030
    is mojibake without an error ('甯備綇寤哄眬' for '市住建局').
    """
    lines, ends = _pieces(data)  # (a GB character holds no 0x0A byte; a long line of markup in pieces: see _pieces)
    utf8: dict[int, str] = {}
    for number, line in enumerate(lines):
        if line.isascii():
            continue
        text = _try(line, "utf-8")
        if text is not None and _mixed_line(_without_rare_names(text, "utf-8")):  # ('无' alone: a table row's cell)
            utf8[number] = text
    if not utf8:
        return None
    found = _decode_gb(b"\n".join(line for number, line in enumerate(lines) if number not in utf8), path,
                       mixed=False)
    if found is None:
        return None
    rest = iter(found[0].split("\n"))  # (the pieces joined by line breaks, which none holds, and split again)
    text = "".join((utf8[number] if number in utf8 else next(rest)) + ends[number] for number in range(len(lines)))
    numbers = _line_numbers(ends, sorted(utf8))
    _warn(path, f"mixed encodings: line(s) {numbers} in UTF-8 in a {found[1].upper()} text, read as UTF-8 "
                "(as GB18030 they are other characters)", "mixed_encoding")
    return text, found[1]


#: A line longer than this (in bytes) that holds markup is cut into pieces at its tags by _pieces.
_LONG_LINE = 1000
_TAG_START = re.compile(rb"(?<=<)")


def _pieces(data: bytes) -> tuple[list[bytes], list[str]]:
    """The lines of ``data`` (split at its line breaks: see _lines_and_ends), a long one holding markup (a page written
    on one line, a CMS's minified markup) cut after each '<' into pieces, each piece with what ends it (its line's end,
    or ``''``): the text between two tags can then be read in its own encoding, as a line is (a cell pasted in another
    encoding: the line, the page, was read in the page's).  No byte of a GB, Big5 or UTF-8 character is 0x3C.  Short
    lines are not cut: a page written with line breaks pays for no more pieces."""
    lines, line_ends = _lines_and_ends(data)
    if len(data) <= _LONG_LINE or b"<" not in data or all(len(line) <= _LONG_LINE for line in lines):
        return lines, line_ends
    pieces: list[bytes] = []
    ends: list[str] = []
    for line, end in zip(lines, line_ends):
        cut = _TAG_START.split(line) if len(line) > _LONG_LINE and b"<" in line else [line]
        pieces.extend(cut)
        ends.extend([""] * (len(cut) - 1) + [end])
    return pieces, ends


# A line's end in a text file: LF (CR LF keeps its CR in the line, which reads it as a report's character), CR alone
# (an old Mac's, or some lines of a file mixing them), or a vertical tab (Word's manual line break in its text export,
# a line's end in the text read: plaintext.text_lines; the lines of a text ending so were one line here, a line pasted
# in another encoding read in the text's).  No byte of a GB, Big5 or UTF-8 character is 0x0A, 0x0B or 0x0D.
_LINE_END = re.compile(rb"(\n|\r(?!\n)|\v)")
_TEXT_LINE_END = re.compile("(\n|\r(?!\n)|\v)")


def _lines_and_ends(data: bytes) -> tuple[list[bytes], list[str]]:
    """The lines of ``data`` and what ends each (``'\n'``, ``'\r'`` or ``'\v'``; ``''`` the last), as a text file's
    lines end (see toolkit.plaintext.text_lines): a line pasted in another encoding into a text whose lines end in CR
    alone (or a vertical tab) was one line with the rest of the text, its characters lost to U+FFFD."""
    lone_cr = b"\r" in data and data.count(b"\r") != data.count(b"\r\n")
    if not lone_cr and b"\v" not in data:  # (most texts: a split ten times faster)
        lines = data.split(b"\n")
        return lines, ["\n"] * (len(lines) - 1) + [""]
    parts = _LINE_END.split(data)
    return parts[0::2], [end.decode("ascii") for end in parts[1::2]] + [""]


def _line_at(data: bytes, at: int) -> int:
    """The (1-based) line of the byte ``at`` of ``data``, its lines ending at LF, a lone CR or a vertical tab (see
    _lines_and_ends)."""
    return data.count(b"\n", 0, at) + data.count(b"\r", 0, at) - data.count(b"\r\n", 0, at) \
        + data.count(b"\v", 0, at) + 1


def _line_numbers(ends: list[str], numbers: list[int]) -> str:
    """The (1-based) lines of the pieces ``numbers`` (see _pieces: ``ends``), the first ten, for a warning."""
    starts = [0]
    for end in ends:
        starts.append(starts[-1] + bool(end))
    return _first_ten(sorted({starts[number] + 1 for number in numbers}))


def _first_ten(lines: list[int]) -> str:
    """Line numbers for a warning: the first ten, and '…' where there are more."""
    return ", ".join(map(str, lines[:10])) + (" …" if len(lines) > 10 else "")


def _gb_lines(data: bytes, path: str | None) -> str | None:
    """UTF-8 text with lines in GBK or GB18030 (a title, a table row or a footer pasted from a GB page), each line
    read in its own encoding, with a warning naming the GB lines (and one on the bytes of other lines still
    undecoded, shown as U+FFFD, as _utf8_with_stray_bytes allows them); None where no line is GB, or the text is
    rather GB with lines in UTF-8 (_utf8_lines).

    The reverse of _utf8_lines: a line that is no UTF-8 is taken for GB when it decodes so strictly into a GB line
    (_mixed_line: at least two Chinese characters, or one common one, and nothing but a report's characters), and the
    UTF-8 lines hold more characters other than ASCII than the GB lines.  Read as UTF-8 with its bad bytes replaced,
    such a line's Chinese was lost ('市住建局…' became '\ufffd\ufffd…', a row's label with it), and a long one made the
    whole report fail to decode.  A line pasted in Big5 is read so too (see _pasted_reading), and named apart.
    """
    lines, ends = _pieces(data)  # (a long line of markup in pieces: a cell pasted in GBK in a page on one line)
    failed: list[int] = []
    utf8_chars = 0  # Chinese characters of the UTF-8 lines (a short GB line may be UTF-8 too, of Latin or Greek)
    signed: dict[int, str] = {}  # UTF-8 lines with Windows-1252 punctuation (see _utf8_with_cp1252_signs), read so
    for number, line in enumerate(lines):
        if not line.isascii():
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                # (beside a GB line, quotes written as Windows-1252 bytes made their lines fail: taken for lines in no
                # encoding, they made the GB line lost too; a GB line's common characters fail on other bytes, at once)
                escaped = line.decode("utf-8", errors="surrogateescape") \
                    if exc.end - exc.start == 1 and 0xDC00 + line[exc.start] in _CP1252_SIGNS else ""
                text = escaped.translate(_CP1252_SIGNS) if _cp1252_strays(escaped) else ""
                if not text or _NOT_REPORT_CHARS.search(text):
                    failed.append(number)
                    continue
                signed[number] = escaped
            utf8_chars += len(_CJK_CHAR.findall(text))
    if not failed or utf8_chars == 0:  # (GB text: hardly a line of it is UTF-8)
        return None
    gb: dict[int, str] = {}
    codecs_of: dict[int, str] = {}  # the codec of each line of gb read from the bytes (GBK, GB18030, Big5 …)
    runs: dict[int, str] = {}  # UTF-8 lines with runs of GB inside, read so (see _gb_runs)
    undecoded: dict[int, int] = {}  # the offset of the first byte of such a line still undecoded (U+FFFD)
    codecs_of_runs: dict[int, str] = {}  # the codec of the runs of each line of runs (GBK, or GB18030)
    bad: list[int] = []  # the other lines that are no UTF-8, or hold bytes that are none (U+FFFD)
    for number in failed:
        found = _pasted_reading(lines[number])
        # (a UTF-8 line with a GB word inside may read whole as GB, into mojibake of rare characters: its runs first,
        # where they leave no byte undecoded)
        run = _gb_runs(lines[number]) if found is not None and _mostly_rare(*found) else None
        run = run if run is not None and run[1] < 0 else None
        if found is None or run is not None:
            run = run or _gb_runs(lines[number])
            if run is not None:
                runs[number], undecoded[number], codecs_of_runs[number] = run
            if run is None or run[1] >= 0:
                bad.append(number)
        else:
            gb[number], codecs_of[number] = found
    if not (gb or runs) or sum(len(_CJK_CHAR.findall(text)) for text in gb.values()) >= utf8_chars:
        return None
    read = {number: runs.get(number) or lines[number].decode("utf-8", errors="replace") for number in bad}
    count = sum(_replaced_count(text, lines[number], "utf-8") for number, text in read.items())
    if count > 256 or utf8_chars < 50 * count:
        return None
    for number, escaped in signed.items():
        gb[number] = escaped.translate(_CP1252_SIGNS)
    text = "".join((gb.get(number) or runs.get(number) or line.decode("utf-8", errors="replace")) + end
                   for number, (line, end) in enumerate(zip(lines, ends)))
    _refuse_mojibake(text, path)
    if signed:
        strays = [char for escaped in signed.values() for char in _ESCAPED_BYTE.findall(escaped)]
        _warn_cp1252(path, len(strays), "".join(strays).translate(_CP1252_SIGNS), _line_numbers(ends, sorted(signed)))
    for name in ("GBK", "GB18030", "Big5"):  # (a line of GB18030's four-byte characters is no GBK: named so)
        pasted = sorted(number for number, codec in codecs_of.items() if _codec_name(codec) == name)
        if pasted:
            _warn(path, f"mixed encodings: line(s) {_line_numbers(ends, pasted)} in {name} in a UTF-8 text, read as "
                        f"{name} (as UTF-8 they are undecodable bytes)", "mixed_encoding")
    for name in ("GBK", "GB18030"):  # (a run holding a rare name's character of four bytes is no GBK: named so)
        inside = sorted(number for number, codec in codecs_of_runs.items() if _codec_name(codec) == name)
        if inside:
            _warn(path, f"mixed encodings: characters in {name} inside UTF-8 line(s) {_line_numbers(ends, inside)}, "
                        f"read as {name} (as UTF-8 they are undecodable bytes)", "mixed_encoding")
    if bad:
        skip = undecoded.get(bad[0], 0)  # (a run read as GB before it holds no byte left undecoded)
        at = skip + sum(len(line) + len(end) for line, end in zip(lines[:bad[0]], ends))
        offset, shown = _first_error(lines[bad[0]][skip:], "utf-8").split(" ", 1)
        _warn(path, f"{count} byte sequence(s) that are not UTF-8 in a UTF-8 text (first at byte offset "
                    f"{at + int(offset)} {shown}) {_REPLACED}", "bad_bytes")
    return text


# A run of bytes that are no UTF-8 in a UTF-8 line (see _gb_runs), decoded with surrogateescape: its lone bytes, with
# the characters (up to four) between them that GB pairs make UTF-8 by chance ('ģ' of C4 A3; '蹫' of E8 B9 AB, the end
# of '予' and '公').
# A GB18030 character of four bytes (a rare name's character of an extension, 㛃 82 30 B7 31) is one unit of a run: its
# second and fourth bytes are ASCII digits, which no GBK character's are.
_GB4 = "[\udc81-\udcfe][0-9][\udc81-\udcfe][0-9]"
_RUN = re.compile(f"(?:{_GB4}|[\udc80-\udcff])+(?:[^\x00-\x7f\udc80-\udcff]{{1,4}}(?:{_GB4}|[\udc80-\udcff])+)*")
_LONE = re.compile("[\udc80-\udcff]+")
_NON_ASCII_CHAR = re.compile("[^\x00-\x7f\udc80-\udcff]")
# The lead byte of a UTF-8 character of three bytes or more (U+0800 up: every Chinese character): a search stops at the
# first, where max(text) read the whole text (1 ms a report)
_THREE_BYTE_UTF8 = re.compile(rb"[\xe0-\xff]")


def _gb_runs(line: bytes) -> tuple[str, int, str] | None:
    """A UTF-8 line holding runs of GB bytes (a word or a cell pasted from a GB page: '5.要求' + '行政机关' in GBK +
    '确认…') read so, the offset of its first byte left undecoded (U+FFFD in the text), or -1, and the codec of the
    runs ('gbk', or 'gb18030' where one holds a character GBK lacks); None where no run reads so.

    A run is read where it reads strictly as GBK or GB18030 into Chinese characters alone that make a pasted line's
    (_mixed_line): it was U+FFFD, the word lost.  A GB character's second byte may be ASCII ('機', 99 43: a lone byte
    then 'C'), and a GB pair UTF-8 by chance ('ģ', C4 A3): a run takes them in where it then reads so.
    """
    escaped = line.decode("utf-8", errors="surrogateescape")
    found: list[tuple[int, int, str]] = []  # (start, end, text) of the runs read, in escaped
    for match in _RUN.finditer(escaped):
        _read_run(escaped, match.start(), match.end(), found)
    if not found:
        return None
    parts: list[str] = []
    done = 0
    for start, end, text in found:
        parts.extend([escaped[done:start], text])
        done = end
    parts.append(escaped[done:])
    left = next((byte.start() for byte in _ESCAPED_BYTE.finditer(escaped)
                 if not any(start <= byte.start() < end for start, end, _ in found)), None)
    first = -1 if left is None else len(escaped[:left].encode("utf-8", errors="surrogateescape"))
    codec = "gbk" if _try_encode("".join(text for _, _, text in found), "gbk") else "gb18030"
    return "".join(parts).encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace"), first, codec


def _try_encode(text: str, codec: str) -> bool:
    """Whether ``codec`` writes every character of ``text``."""
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _read_run(escaped: str, start: int, end: int, found: list[tuple[int, int, str]], level: int = 0) -> None:
    """Read the run ``escaped[start:end]`` as GB (_run_reading), else its pieces, appending to ``found``: first
    cut at the bytes no GB character holds (0xFF: a stray byte beside a word), then into its runs of lone bytes (UTF-8
    text between two GB words), each cut where it does not read as GB18030 (a lead byte that ends one kept: its
    second byte may be ASCII)."""
    floor = found[-1][1] if found else 0
    if end <= floor:  # (read with the piece before it, widened)
        return
    reading = _run_reading(escaped, max(start, floor), end, floor)
    if reading is not None:
        found.append(reading)
        return
    if level == 0:
        pieces = [(start + cut.start(), start + cut.end()) for cut in _NOT_FF.finditer(escaped[start:end])]
    elif level == 1:
        pieces = [piece for lone in _LONE.finditer(escaped, start, end) for piece in _gb_cuts(escaped, *lone.span())]
    else:
        return
    for piece in pieces:
        _read_run(escaped, *piece, found, level + 1)


_NOT_FF = re.compile("[^\udcff]+")


def _gb_cuts(escaped: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of lone bytes ``escaped[start:end]`` between the bytes where GB18030 fails (see _read_run)."""
    pieces: list[tuple[int, int]] = []
    while start < end:
        raw = escaped[start:end].encode("utf-8", errors="surrogateescape")
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            if exc.end < len(raw) or not 0x81 <= raw[-1] <= 0xFE:  # (a lead byte last is kept: see _run_reading)
                if exc.start:
                    pieces.append((start, start + exc.start))
                start += exc.end
                continue
        pieces.append((start, end))
        break
    return pieces


def _run_reading(escaped: str, start: int, end: int, floor: int) -> tuple[int, int, str] | None:
    """(start, end, text) of the run ``escaped[start:end]`` (see _gb_runs) read as GB, widened where it reads so too
    by the characters of two UTF-8 bytes around it (a GB pair such as '一', D2 BB, is UTF-8's 'һ') or the ASCII
    byte after it (a GB character's second byte), not before ``floor``; of the readings, the one of the fewest rare
    characters, then the widest.  None where none reads so, or only into rare characters (UTF-8 read as GB)."""
    lefts = [start]
    while len(lefts) <= _RUN_EDGE and lefts[-1] > floor and _NON_ASCII_CHAR.match(escaped, lefts[-1] - 1):
        lefts.append(lefts[-1] - 1)
    rights = [end]
    while len(rights) <= _RUN_EDGE and _NON_ASCII_CHAR.match(escaped, rights[-1]):
        rights.append(rights[-1] + 1)
    if end < len(escaped) and "\x40" <= escaped[end] <= "\x7e":
        rights.append(end + 1)
    best: tuple[float, int, int, int, str] | None = None
    for left in lefts:
        for right in rights:
            found = _gb_reading(escaped[left:right].encode("utf-8", errors="surrogateescape"))
            if found is None:
                continue
            rest = _without_four_byte_han(*found)  # (judged without the characters of four bytes: see there)
            if rest is not None and (not rest or (_CJK_ONLY.fullmatch(rest) and _mixed_line(rest))):
                score = (_rare_share(rest, _common_gb)[0], left - right, left, right, found[0])
                best = score if score[0] < _STRAY_RARE_MAX and (best is None or score < best) else best
    return None if best is None else best[2:]


def _without_four_byte_han(text: str, codec: str) -> str | None:
    """A run read as GB (``text``, in ``codec``) without its characters of four bytes in GB18030, which are asked
    nothing more than to be Han (_GB4: no chance bytes read so); None where one is no Han.  Such a character, a rare
    name's alone in a UTF-8 line ('局长：王' + 㛃 in GB18030 + '同志'), was U+FFFD: one character, and rare, it made
    no pasted line's (_mixed_line)."""
    if codec != "gb18030":
        return text
    four = [char for char in text if len(char.encode("gb18030")) == 4]
    if not all(_HAN.match(char) for char in four):
        return None
    return "".join(char for char in text if char not in four) if four else text


#: The characters of two UTF-8 bytes on each side of a run that _run_reading takes in at most.
_RUN_EDGE = 3
_CJK_ONLY = re.compile(f"[\u3000-\u303f{HAN_UNIFIED}\uff00-\uffef]+")


def _pasted_reading(line: bytes) -> tuple[str, str] | None:
    """(text, codec) of a line of a UTF-8 text that is no UTF-8, read as a line pasted from a GB page (see
    _gb_reading) or a Big5 one (a line from a Hong Kong or Taiwan page: it was U+FFFD, its GB reading being no line
    of a report) where that reading is such a line (_mixed_line); of both, the one whose characters are the more
    common of its encoding (see _decode_gb); None where neither is."""
    found = _gb_reading(line)
    if found is not None and not _mixed_line(_without_rare_names(*found)):
        found = None
    big5 = _big5_reading(line)
    if big5 is not None and (found is None or _rare_share(big5[0], _common_big5)[0]
                             < _rare_share(found[0], _common_gb)[0]):
        return big5
    return found


def _big5_reading(line: bytes) -> tuple[str, str] | None:
    """(text, codec) of a line pasted in Big5 into a text of another encoding: its reading in Big5, else in HKSCS
    (which adds characters such as 裏 衆 羣), where that reading is a report's line (_mixed_line); None where neither
    is.  (Asked of a line of a UTF-8 text, _pasted_reading, and of a GB one, _big5_line.)"""
    for codec in ("big5", "big5hkscs"):
        text = _try(line, codec)
        if text is not None and _mixed_line(text):
            return text, codec
    return None


# The Han characters of the extensions (A, and B to J), of four bytes each in GB18030, which GBK lacks: a rare name's
# character (䶮).
_HAN_EXTENSION = re.compile("[\u3400-\u4dbf\U00020000-\U0003347f]")


def _without_rare_names(text: str, codec: str) -> str:
    """A line read as GB18030 or UTF-8 (``text``) with its characters of the extensions left out where they are few,
    at most one in four of its Chinese characters, for _mixed_line: a line pasted in GB18030 (GBK failing on them) or
    in UTF-8 with a rare name's character was taken for no line of a report (such characters are none: UTF-16 read in
    the wrong byte order gives many), U+FFFD in a UTF-8 text or mojibake in a GB one, the whole line with it."""
    if codec not in ("gb18030", "utf-8"):
        return text
    rest = _HAN_EXTENSION.sub("", text)
    rare = len(text) - len(rest)
    return rest if rare and 4 * rare <= len(_CJK_CHAR.findall(rest)) else text


def _mixed_line(text: str) -> bool:
    """Whether a line of a text in another encoding, read as UTF-8 or as GB (``text``), is a line pasted in that
    encoding: nothing but a report's characters, and two Chinese characters or more, or one that is common (see
    _common_gb).

    A line of one character ('无', '12件': a cell of a table row) was read as U+FFFD or as garbage; a common one is asked
    of it, as a few bytes of another encoding read so give a rare one (a Latin-1 'é' before a letter read as GBK: trail
    bytes under 0xA1).
    """
    if _NOT_REPORT_CHARS.search(text):
        return False
    cjk = _CJK_CHAR.findall(text, 0, 4096)
    return len(cjk) >= 2 or (len(cjk) == 1 and _common_gb(cjk[0]))


def _mostly_rare(text: str, codec: str) -> bool:
    """Whether ``text``, read in ``codec``, holds rare characters of it for _STRAY_RARE_MAX of its own at least: UTF-8
    read as GB ('璐熻矗浜猴細' for '负责人：'), or GB as Big5."""
    return _rare_share(text, _common_big5 if codec.startswith("big5") else _common_gb)[0] >= _STRAY_RARE_MAX


def _cp936_euro(exc: UnicodeError) -> tuple[str, int]:
    """Read a byte 0x80 where a GBK character would start as the euro sign, as Windows' code page 936 (and a
    browser's GBK) reads it; Python's GBK has no such byte, and other bad bytes stay errors."""
    if isinstance(exc, UnicodeDecodeError) and exc.end == exc.start + 1 and exc.object[exc.start] == 0x80:
        return "\u20ac", exc.end
    raise exc


codecs.register_error("toolkit.cp936_euro", _cp936_euro)


def _gb_reading(data: bytes) -> tuple[str, str] | None:
    """(text, codec) of ``data`` read as GBK, else as GB18030 (its superset: a rare name's character); None where
    neither reads it.  A byte 0x80 is CP936's euro sign ('100€' in a GBK text from Windows): the text was refused
    whole, or read with U+FFFD in its place (unless the reading is of rare characters: Big5 with a stray byte)."""
    for codec in ("gbk", "gb18030"):
        text = _try(data, codec)
        if text is None and b"\x80" in data:
            try:
                text = data.decode(codec, errors="toolkit.cp936_euro")
            except UnicodeDecodeError:
                text = None
            if text is not None and _rare_share(text, _common_gb)[0] >= _STRAY_RARE_MAX:
                text = None  # (Big5 beside a stray byte read as GB: mojibake of rare characters, no euro sign)
        if text is not None:
            return text, codec
    return None


def _decode_gb(data: bytes, path: str | None = None, *, mixed: bool = True) -> tuple[str, str] | None:
    """GBK, else GB18030 (else Big5: see below); with `mixed`, lines in UTF-8 read as such (_utf8_lines)."""
    if mixed:
        found = _utf8_lines(data, path)
        if found is not None:
            return found
    found = _gb_reading(data)
    if found is None:
        return _gb_with_stray_bytes(data, path)
    text, codec = found
    _refuse_utf8_read_as_gb(data, text, codec, path)
    # Big5 (traditional text from Hong Kong or Taiwan tools) may decode as GBK or GB18030 too, and short GB
    # text as Big5: the reading whose characters are the more common ones of its encoding wins.
    if not text.isascii():
        for big5_codec in ("big5", "big5hkscs"):  # HKSCS adds characters such as 裏 衆 羣
            big5 = _try(data, big5_codec)
            if big5 is not None and not _PRIVATE_USE.search(big5):
                break
        else:
            big5 = None
        if big5 is not None:
            (rare_gb, n), (rare_big5, _) = _rare_share(text, _common_gb), _rare_share(big5, _common_big5)
            chosen = (big5, big5_codec) if rare_big5 < rare_gb else (text, codec)
            if n and (n < 3 or abs(rare_gb - rare_big5) < _GB_BIG5_MARGIN[n < _GB_BIG5_SAMPLE]):  # too little to tell
                _warn(path, f"the bytes read as {codec.upper()} ({text[:12]!r}) or as Big5 ({big5[:12]!r}), and "
                            f"too little tells which: read as {chosen[1].upper()}; pass encoding= if you know the "
                            "codec", "encoding_uncertain")
            if chosen[0] is big5:
                return chosen
    if not text.isascii():
        text = _big5_lines(text, data, path)
    private = len(_PRIVATE_USE.findall(text))
    if private:  # no character of any standard: say so rather than pass them on as text
        _warn(path, f"{private} private-use character(s) in the {codec.upper()} text (user-defined characters, or "
                    f"text in another encoding; first at character {_PRIVATE_USE.search(text).start()}); pass "  # type: ignore[union-attr]  # private counts them
                    "encoding= if you know the codec", "bad_bytes")
    return text, codec


#: The bytes of a text read as UTF-8 to tell whether GB is a misreading of it (see _refuse_utf8_read_as_gb).
_UTF8_SAMPLE = 60000


def _refuse_utf8_read_as_gb(data: bytes, text: str, codec: str, path: str | None) -> None:
    """Raise DecodeError where ``data``, read strictly as GB (``text``), is rather UTF-8 with more bytes that are none
    than _utf8_with_stray_bytes replaces (each of its lines broken by bytes of another encoding).

    Such bytes may read as GB18030 without an error into mojibake ('鏀垮簻…' for '政府…'), flagged only as private-use
    characters: read as UTF-8, they give more Chinese characters than bad sequences, where GB or Big5 text gives a few
    among thousands.  (UTF-8 read as GBK and saved again, valid UTF-8, is refused by _refuse_mojibake.)
    """
    if text.isascii():
        return
    head = data[:_UTF8_SAMPLE].decode("utf-8", errors="replace")
    found, bad = len(_HAN.findall(head)), _replaced_count(head, data[:_UTF8_SAMPLE], "utf-8")
    if found >= 20 and found > bad:
        raise DecodeError(path, f"the bytes are UTF-8 ({found} Chinese characters) with {bad} byte sequence(s) "
                                f"that are not UTF-8 (first at byte offset "
                                f"{_first_error(data, 'utf-8')}), too many to replace; read as {codec.upper()} they "
                                f"are mojibake ({_non_ascii(text)[:6]!r}); use the original file, or pass encoding= "
                                "if you know the codec")


def _big5_lines(text: str, data: bytes, path: str | None) -> str:
    """``text``, ``data`` read as GBK or GB18030, with its lines in Big5 (pasted from a Hong Kong or Taiwan page) read
    so, flagged ``mixed_encoding`` naming them; ``text`` itself where none is.

    Most Big5 bytes are GBK's too: such a line read as GB gave private-use characters and kana ('()笆そ秨現┎獺薄猵'
    for '(一)主動公開政府信息情況'), flagged as user-defined characters, or rare characters of GBK alone ('砏彻' for
    '規章', '羆璸' for '總計': a Big5 character whose second byte is 0x40-0x7E or 0x80-0xA0), without a word.  A line
    holding such characters (_PRIVATE_USE, _ODD_CJK, or rare ones for _STRAY_RARE_MAX of its characters at least) is
    taken for Big5 where it reads so strictly into a report's line (_mixed_line) with fewer rare characters
    (_rare_share) than as GB, and under _STRAY_RARE_MAX.  (A Big5 line read as GB into common characters alone is
    not told apart.)
    """
    parts, (raw, _) = _TEXT_LINE_END.split(text), _lines_and_ends(data)  # (the ends kept: see _lines_and_ends)
    lines, ends = parts[0::2], parts[1::2] + [""]
    if len(lines) != len(raw):
        return text
    rare = _rare_gb_chars(text)
    if rare is None:
        return text
    found: list[int] = []
    for number, line in enumerate(lines):
        if rare.search(line) and _odd_gb_line(line):
            big5 = _big5_line(raw[number], line)
            if big5 is not None:
                lines[number] = big5
                found.append(number)
    if not found:
        return text
    _warn(path, f"mixed encodings: line(s) {_first_ten([number + 1 for number in found])} in Big5 in a GB text, "
                "read as Big5 (as GB they are private-use characters, kana or rare characters)", "mixed_encoding")
    return "".join(line + end for line, end in zip(lines, ends))


def _rare_gb_chars(text: str) -> re.Pattern[str] | None:
    """A pattern of the characters of ``text`` that are not common in GB (_common_gb: private-use characters and kana
    among them), or None where it holds none: the lines of _big5_lines to look at, found without a pass over each
    line's characters (which made reading a GB text three times slower)."""
    rare = sorted(char for char in set(_non_ascii(text)) if not char.isspace() and not _common_gb(char))
    return re.compile("[" + re.escape("".join(rare)) + "]") if rare else None


def _odd_gb_line(line: str) -> bool:
    """Whether a line read as GB holds what a Big5 line read so gives (see _big5_lines): private-use characters, kana
    and the like, or mostly rare characters."""
    return bool(_PRIVATE_USE.search(line) or _ODD_CJK.search(line)) \
        or _rare_share(line, _common_gb)[0] >= _STRAY_RARE_MAX


def _big5_line(raw: bytes, gb: str) -> str | None:
    """The Big5 reading of the line ``raw`` (read as GB ``gb``) where it is a report's line of fewer rare characters
    (see _big5_lines), or None.  The GB reading's private-use characters count as rare: of '第二十條第(一)項' in Big5,
    read as '材\ue5ed\ue5f7兵材(\ue5e6)兜', the others are common, and the line was kept so.  (Where they are two at
    least, and rare ones with them for _STRAY_RARE_MAX of the line: GB text holds a user-defined character now and then,
    whose line may read as Big5 of common characters, '本\ue4c6年' as '掛\u3000爛'.)"""
    found = _big5_reading(raw)
    if found is None:
        return None
    rare = _rare_share(found[0], _common_big5)[0]
    if rare >= _STRAY_RARE_MAX:
        return None
    if rare < _rare_share(gb, _common_gb)[0]:
        return found[0]
    with_private = _rare_share(gb, _common_gb, private=True)[0]
    return found[0] if len(_PRIVATE_USE.findall(gb)) >= 2 and rare < _STRAY_RARE_MAX <= with_private else None


#: The largest share of rare characters (_rare_share) of GB or Big5 text with stray bytes: a report's is under 0.1,
#: UTF-8 read as GB18030 (mojibake, with a few bytes no GB character) near 0.8.
_STRAY_RARE_MAX = 0.3


def _gb_with_stray_bytes(data: bytes, path: str | None) -> tuple[str, str] | None:
    """GB18030 or Big5 text with a few bytes of another encoding (a character cut in two, a byte of a footer
    pasted from elsewhere), those bytes read as U+FFFD and flagged ``bad_bytes``, as _utf8_with_stray_bytes reads
    UTF-8: at most 256 sequences fail, characters read outnumber them 50 to 1, and few are rare ones (mojibake is
    no such text).  Of the two readings, the one whose characters are the more common of its encoding (see
    _decode_gb); None where neither is such text."""
    best: tuple[float, str, str, int] | None = None
    for codec, common in (("gb18030", _common_gb), ("big5hkscs", _common_big5)):
        text = data.decode(codec, errors="replace")
        bad = _replaced_count(text, data, codec)
        if 0 < bad <= 256 and len(_NON_ASCII.findall(text)) - bad >= 50 * bad:
            rare = _rare_share(text.replace("\ufffd", ""), common)[0]  # (U+FFFD is of neither encoding)
            if rare <= _STRAY_RARE_MAX and (best is None or rare < best[0]):
                best = (rare, text, codec, bad)
    if best is None:
        return None
    _, text, codec, bad = best
    _warn(path, f"{bad} byte sequence(s) that are not {codec.upper()} in a {codec.upper()} text (first at byte "
                f"offset {_first_error(data, codec)}) {_REPLACED}", "bad_bytes")
    return text, codec


# The small full stop (﹒, Big5 A14F) that reports write after an item's number ('1﹒当面申请数', seed 003): a report's
# character, no misreading's (GB text gives it only from a user-defined character, A14F).
_SMALL_FULL_STOP = "\ufe52"
# Characters that text read in the wrong one of GB and Big5 gives: kana, bopomofo, vertical and small forms (not ﹒:
# Big5 lines of seed 003 holding it were taken for no Big5, read as U+FFFD or as GB's private-use characters).
_ODD_CJK = re.compile("[\u3040-\u312f\ufe30-\ufe51\ufe53-\ufe6f]")


@functools.lru_cache(maxsize=4096)
def _common_gb(char: str) -> bool:
    """A GB 2312 character of level 1 (the common ones), punctuation (rows A1, A3) or a list's number (row A2: ⒈ ⑴
    ① Ⅰ, a footnote's mark glued to a count, '12①', made its line Big5 mojibake), or the traditional form of one (GBK
    holds traditional text too)."""
    for one in dict.fromkeys((char, to_simplified(char))):
        code = one.encode("gb18030")
        if len(code) == 2 and code[1] >= 0xA1 and (0xB0 <= code[0] <= 0xD7 or 0xA1 <= code[0] <= 0xA3):
            return True
    return False


def _common_big5(char: str) -> bool:
    """A Big5 character of the common level (A440-C67E) or punctuation (A140-A3BF)."""
    code = char.encode("big5hkscs")
    return len(code) == 2 and 0xA140 <= int.from_bytes(code, "big") <= 0xC67E


def _rare_share(text: str, common, *, private: bool = False) -> tuple[float, int]:
    """The share of the first 2000 non-ASCII characters that are odd (_ODD_CJK) or not common in the encoding,
    and their number; spaces and private-use characters are left out (a user-defined character of GB text, as
    often as Big5 read as GB), unless ``private`` counts these as rare."""
    sample = [c for c in _NON_ASCII.findall(text, 0, 20000)[:2000]
              if (private or not _PRIVATE_USE.match(c)) and not c.isspace()]
    return sum(1 for c in sample if _ODD_CJK.match(c) or not common(c)) / max(len(sample), 1), len(sample)


# The characters of a report: ASCII (tabs and line breaks, not other controls), Latin-1's signs, pinyin's tone letters
# (行政机关(guān): a line pasted in GBK with them was lost to U+FFFD), general punctuation, circled numbers and box
# drawing, CJK punctuation, the common Chinese characters, the small full stop and full-width forms (not the
# extensions' rare characters: UTF-16 read in the wrong byte order gives many of extension A's).
_NOT_REPORT_CHARS = re.compile(f"[^\t\n\r\x20-\x7e\xa0-\xff{TONE_LETTERS}\u2000-\u206f\u2460-\u25ff\u3000-\u303f"
                               f"{HAN_UNIFIED}{_SMALL_FULL_STOP}\uff00-\uffef]")


def _utf16_without_bom(data: bytes, path: str | None = None) -> tuple[str, str] | None:
    """The text and codec ('utf-16-le'/'utf-16-be', or 'utf-32-le'/'utf-32-be') of UTF-16 or UTF-32 without
    BOM, or None.

    Both byte orders are tried; the one whose characters are a report's (at least ``_UTF16_TEXT`` of them) wins.
    Not the side of the NUL bytes: in UTF-16-LE '开' (U+5F00) has its NUL on the side opposite to ASCII's,
    and a report with many 开 and 一 and little ASCII fell under the share that said so.  (UTF-16 is no
    UTF-32: its pairs of characters make code points above U+10FFFF, which fail to decode.)  A UTF-16 text
    with a few units that are no UTF-16 (a lone surrogate: half of an emoji cut off) is read with U+FFFD in their
    place, flagged ``bad_bytes``, as a UTF-16 text with a byte-order mark is (it was refused whole as binary);
    a strict reading comes first.  A text of an odd number of bytes, its last byte lost (a download cut short), is
    read without that half of a unit, flagged ``bad_bytes``, as with a mark it is (it was refused as binary data).
    """
    if len(data) % 2 and len(data) >= 5:
        found = _utf16_without_bom(data[:-1], path)
        if found is not None and found[1].startswith("utf-16"):
            _warn(path, f"the data ends in the middle of a {found[1].upper()} character (truncated file?); the "
                        "incomplete character was dropped", "bad_bytes")
            return found
        return None
    if len(data) < 4:
        return None
    best: tuple[bool, float, str, str, int] | None = None
    for codec in ("utf-16-le", "utf-16-be") + (("utf-32-le", "utf-32-be") if len(data) % 4 == 0 else ()):
        text, bad = _try(data, codec), 0
        if text is None and codec.startswith("utf-16"):
            text, bad = _utf8_with_stray_bytes(data, codec)  # (a few bad units in a text of many characters)
        if not text:
            continue
        sample = text[:32768]
        share = 1 - len(_NOT_REPORT_CHARS.findall(sample)) / len(sample)
        if share >= _UTF16_TEXT and (best is None or (not bad, share) > best[:2]):
            best = (not bad, share, text, codec, bad)
    if best is None:
        return None
    text, codec, bad = best[2:]
    if bad:
        _warn(path, f"{bad} byte sequence(s) that are not {codec.upper()} in a {codec.upper()} text without "
                    f"byte-order mark (first at byte offset {_first_error(data, codec)}) {_REPLACED}",
              "bad_bytes")
    return text, codec


#: UTF-16 without NUL bytes is read where its characters' share of rare ones is lower by this than the GB and Big5
#: readings' (see _utf16_without_nul).
_UTF16_NUL_FREE_MARGIN = 0.2


def _utf16_without_nul(data: bytes, path: str | None) -> tuple[str, str] | None:
    """The text and codec ('utf-16-le'/'utf-16-be') of UTF-16 without BOM of Chinese alone, which holds no NUL byte
    (no ASCII, no line break: a stub's '暂无内容'), flagged ``encoding_uncertain``; None where it is no such text.

    Taken where one byte order reads into a report's characters, Chinese ones among them, whose share of rare ones
    (_rare_share) is under _STRAY_RARE_MAX and lower by _UTF16_NUL_FREE_MARGIN than that of the GB and Big5 readings
    (or these fail): read as GBK it was garbage of rare characters without a flag ('俧鄀匭筟').  GB text of common
    characters never reads so: in either byte order its units are then Hangul, surrogates or private-use characters.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        head = _try(data[:64], codec)  # (a cheap look first: any GB or UTF-8 text fails on its first characters)
        if not head or _NOT_REPORT_CHARS.search(head):
            continue
        text = _try(data, codec)
        if not text or _NOT_REPORT_CHARS.search(text) or not _HAN.search(text):
            continue
        rare = _rare_share(text, _common_gb)[0]
        if rare >= _STRAY_RARE_MAX:
            continue
        others = [(_try(data, other), common) for other, common in (("gbk", _common_gb), ("gb18030", _common_gb),
                                                                      ("big5hkscs", _common_big5))]
        if all(other is None or _rare_share(other, common)[0] - rare >= _UTF16_NUL_FREE_MARGIN
               for other, common in others):
            gb = next((other for other, _ in others if other is not None), None)
            _warn(path, f"the bytes hold no NUL byte (no ASCII, no line break) and read as {codec.upper()} "
                        f"({text[:8]!r}; as GB {gb[:8] if gb else None!r}): read as {codec.upper()}; pass encoding= "
                        "if you know the codec", "encoding_uncertain")
            return text, codec
    return None


def _utf8_truncated(data: bytes) -> str | None:
    """Decode UTF-8 whose only fault is an incomplete last character."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (
            exc.reason == "unexpected end of data"
            and exc.end == len(data)
            and 0 < exc.start
            and len(data) - exc.start < 4
        ):
            return _try(data[: exc.start], "utf-8")
    return None


_NON_ASCII = re.compile("[^\x00-\x7f]")
# (a class then the class repeated: the regex engine skips to the class's characters, where a pattern opening with a
# repeat is tried at every character; the same runs)
_ASCII_RUN = re.compile("[\x00-\x7f][\x00-\x7f]*")
_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The characters of ``text`` other than ASCII, in order.

    In UTF-8 every byte of a character other than ASCII is 0x80 or above, so deleting the ASCII bytes of the
    encoded text leaves those characters' encodings: three C passes, where a pattern's substitution made a
    match a run of markup (a word processor's page alternates thousands of them with its words).
    """
    try:
        return text.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _ASCII_RUN.sub("", text)


def _refuse_mojibake(text: str, path: str | None) -> None:
    """Raise DecodeError for UTF-8 text that was read as GBK and saved again ('鏀垮簻' for '政府').

    Its characters, written back as GBK, are UTF-8 again: Chinese characters come back by the hundred,
    where real text gives a few among thousands of undecodable bytes.
    """
    sample = _non_ascii(text[:20000])[:2000]
    back = sample.encode("gbk", errors="ignore").decode("utf-8", errors="replace")
    found = len(_HAN.findall(back))
    if found >= 20 and found > 2 * back.count("\ufffd"):
        raise DecodeError(path, f"the text is UTF-8 that was once read as GBK and saved again (mojibake: "
                                f"{sample[:6]!r} for {back.replace(chr(0xFFFD), '')[:3]!r}); use the original file")
    # GBK read as Big5 (a tool taking a page for Taiwan's) and saved again: '葬陓洘鼠羲' for '府信息公开', Chinese
    # characters of which most are rare in GB, which written back as Big5 are GBK of common ones.  (A report names
    # its topic, 公开, at once; only a text without it pays for the test.  Refused as the others are: the bytes
    # Big5 has no character for were lost.)
    if "公开" not in text and "公開" not in text and len(_HAN.findall(sample)) >= 20:
        if _rare_share(sample, _common_gb)[0] >= _STRAY_RARE_MAX:
            back = sample.encode("big5hkscs", errors="ignore").decode("gbk", errors="ignore")
            if len(_HAN.findall(back)) >= 20 and _rare_share(back, _common_gb)[0] < _STRAY_RARE_MAX:
                raise DecodeError(path, f"the text is GBK that was once read as Big5 and saved again (mojibake: "
                                        f"{sample[:6]!r} for {back[:3]!r}); use the original file")
    # UTF-8 or GBK read as ISO-8859-1 (a scraper's default) or Windows-1252 and saved again: 'æ”¿åºœ' or 'ÕþÇø' for
    # '政府', characters of those codecs alone, which written back in one of them are UTF-8 or GBK of common Chinese
    # characters.  (A report's own Chinese characters stop the test at once: beyond U+2122, Windows-1252's last
    # sign; a browser reads Windows-1252's undefined bytes as C1 controls, which it cannot write back: left out.)
    if sample and max(sample) <= "\u2122":
        head = text[:6000]
        # (up to U+00FF both codecs are ISO-8859-1 to a browser; above it, Windows-1252's signs: '€', '”', 'Œ' …)
        codec = "latin-1" if max(head) <= "\xff" else "cp1252"
        raw = b"".join(c.encode("latin-1") if c <= "\xff" else c.encode("cp1252", errors="ignore") for c in head)
        for original, name in (("utf-8", "UTF-8"), ("gb18030", "GBK")):
            back = raw.decode(original, errors="ignore")
            if len(_HAN.findall(back)) >= 20 and _rare_share(back, _common_gb)[0] < _STRAY_RARE_MAX:
                raise DecodeError(path, f"the text is {name} that was once read as {codec} and saved again (mojibake: "
                                        f"{sample[:6]!r} for {_non_ascii(back)[:3]!r}); use the original file")


#: The end of each warning of bytes a decoder replaced by U+FFFD (``bad_bytes``): a report tells by it the U+FFFD
#: characters of a text that are damage from those it holds as written (see toolkit.report).
_REPLACED = "were replaced by U+FFFD"
_REPLACED_COUNT = re.compile(r"(\d+) byte sequence")  # (each such warning starts with the count of the replaced)


def _replaced_in(detail: str) -> int:
    """The byte sequences a decoder's warning ``detail`` says it replaced by U+FFFD (``bad_bytes``); 0 for another's."""
    if not detail.endswith(_REPLACED):
        return 0
    found = _REPLACED_COUNT.match(detail)
    return int(found.group(1)) if found else 0


def _utf8_with_stray_bytes(data: bytes, codec: str = "utf-8") -> tuple[str | None, int]:
    """UTF-8 with a few bytes of another encoding (a Latin-1 ©, a footer line pasted from a GBK page).

    Read strictly, the whole report failed; read as GBK it could become mojibake.  A text is taken for
    such UTF-8 when at most 256 sequences fail and valid multi-byte characters outnumber them 50 to 1
    (GBK text read as UTF-8 fails on most of its characters).  The same holds for the ``codec`` of a
    byte-order mark (a UTF-16 file that lost its last byte).
    """
    text = data.decode(codec, errors="replace")
    bad = _replaced_count(text, data, codec)
    if 0 < bad <= 256 and len(_NON_ASCII.findall(text)) - bad >= 50 * bad:
        return text, bad
    return None, bad


def _replaced_count(text: str, data: bytes, codec: str) -> int:
    """The byte sequences of ``data`` that are none of ``codec`` (each one U+FFFD in ``text``, ``data`` read with
    ``errors='replace'``): not the text's own U+FFFD (a character a scraper could not read, kept as written), which
    made a warning count them as bytes that are no UTF-8, and 256 of them refuse the text whole.  (Read with
    ``errors='ignore'``, the bytes give the text's own, the decoder finding the same characters after each sequence
    dropped as after each one replaced.)"""
    replaced = text.count("\ufffd")
    return replaced - data.decode(codec, errors="ignore").count("\ufffd") if replaced else 0


#: Bytes 0x80-0x9F that Windows-1252 reads as punctuation or a sign (“ ” ‘ ’ – — … • € ™ ‰ †), keyed by the lone
#: surrogate that UTF-8 decoding with ``surrogateescape`` makes of each (see _utf8_with_cp1252_signs).  Letters of
#: the range (Š Œ Ž ƒ) are left out: no editor writes them alone into Chinese text.
_CP1252_SIGNS = {0xDC00 + byte: sign for byte in range(0x80, 0xA0)
                 for sign in [bytes([byte]).decode("cp1252", errors="ignore")]
                 if sign and unicodedata.category(sign)[0] in "PS"}
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _utf8_with_cp1252_signs(data: bytes, path: str | None) -> str | None:
    """UTF-8 text whose only bytes that are no UTF-8 are lone bytes of Windows-1252 punctuation (“ ” ‘ ’ – — …, as a
    Windows editor writes them into a pasted line), read as those characters with a warning ``mixed_encoding`` naming
    their lines; None where it is no such text.

    Read as UTF-8 with stray bytes they were U+FFFD, and a long report with more than 256 of them (a quote mark every
    few lines) was refused whole.  Such a byte is a UTF-8 continuation byte without its lead, which UTF-8 decodes
    alone.  GB, GB18030 and Big5 text is no such text: its common Chinese characters fail as UTF-8 on other bytes
    (GBK's '政', D5 FE, on D5); and the text is asked at least 20 Chinese characters, no fewer than the bytes so read.
    """
    try:  # (a cheap look first: GB or Big5 text fails at once on a byte of no sign)
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end - exc.start != 1 or 0xDC00 + data[exc.start] not in _CP1252_SIGNS:
            return None
    escaped = data.decode("utf-8", errors="surrogateescape")  # (each byte that is no UTF-8 a lone surrogate)
    strays = _cp1252_strays(escaped)
    if not strays:
        return None
    text = escaped.translate(_CP1252_SIGNS)
    if len(_HAN.findall(text)) < max(20, len(strays)):
        return None
    _refuse_mojibake(text, path)
    breaks = [m.start() for m in _TEXT_LINE_END.finditer(escaped)]  # (a stray's line: the breaks before it, + 1)
    numbers = _first_ten(sorted({bisect.bisect(breaks, at) + 1 for at in strays}))
    _warn_cp1252(path, len(strays), "".join(text[at] for at in strays), numbers)
    return text


def _cp1252_strays(escaped: str) -> list[int] | None:
    """The places of the bytes that are no UTF-8 in ``escaped`` (bytes decoded with ``surrogateescape``) where all
    are Windows-1252 punctuation (_CP1252_SIGNS); None where one is not, or there is none."""
    strays: list[int] = []
    for match in _ESCAPED_BYTE.finditer(escaped):
        if ord(match.group()) not in _CP1252_SIGNS or _gb_pair(escaped, match.start()):
            return None
        strays.append(match.start())
    return strays or None


def _gb_pair(escaped: str, at: int) -> bool:
    """Whether the byte at ``at`` of ``escaped`` (see _cp1252_strays) and the ASCII letter after it are a common GB
    character between two Chinese characters ('行政' + '機' in GBK, 99 43, + '关'), not a Windows-1252 sign and a
    letter ('™C'): a GBK character's second byte may be 0x40-0x7E."""
    pair = escaped[at:at + 2].encode("utf-8", errors="surrogateescape")
    if len(pair) != 2 or not 0x40 <= pair[1] <= 0x7E or not at or not _HAN.match(escaped, at - 1) \
            or not _HAN.match(escaped, at + 2):
        return False
    char = _try(pair, "gbk")
    return char is not None and _common_gb(char) and not _paired_quote(escaped, at)


#: Windows-1252's opening quotes (‘ “) and their closing ones (’ ”), as the lone surrogates of their bytes (see
#: _CP1252_SIGNS).
_CP1252_CLOSING = {chr(0xDC00 + "‘“".encode("cp1252")[i]): chr(0xDC00 + "’”".encode("cp1252")[i]) for i in range(2)}
_CP1252_OPENING = {closing: opening for opening, closing in _CP1252_CLOSING.items()}


def _paired_quote(escaped: str, at: int) -> bool:
    """Whether the byte at ``at`` of ``escaped`` is a Windows-1252 quote whose other half stands on its line (an
    opening one after it, a closing one before it): a quote before an ASCII letter ('关“Q版”确认': 93 51 is GBK's
    '換', common) is no GB character, which has no such partner."""
    line_start = escaped.rfind("\n", 0, at) + 1
    line_end = escaped.find("\n", at)
    line_end = len(escaped) if line_end < 0 else line_end
    char = escaped[at]
    if char in _CP1252_CLOSING:
        return escaped.find(_CP1252_CLOSING[char], at + 1, line_end) >= 0
    return char in _CP1252_OPENING and escaped.rfind(_CP1252_OPENING[char], line_start, at) >= 0


def _warn_cp1252(path: str | None, count: int, signs: str, numbers: str) -> None:
    """Warn of ``count`` bytes of Windows-1252 punctuation, ``signs``, read so on the lines ``numbers``."""
    _warn(path, f"mixed encodings: {count} byte(s) of Windows-1252 punctuation ({''.join(dict.fromkeys(signs))!r}) on "
                f"line(s) {numbers} in a UTF-8 text, read as Windows-1252 (as UTF-8 they are undecodable bytes)",
          "mixed_encoding")  # (no line: in a page, the lines of its bytes are not the document's)


def _detect_bom(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"\x84\x31\x95\x33"):
        return "gb18030"
    return None


def _warn_nul_padding(path: str | None, count: int) -> None:
    """Warn of ``count`` NUL bytes dropped from the end of a text."""
    _warn(path, f"{count} NUL byte(s) at the end of the text (padding of a file cut short or preallocated) were "
                "dropped", "bad_bytes")


def _utf16_padded(data: bytes, path: str | None) -> tuple[str, str] | None:
    """(text, codec) of UTF-16 without BOM padded with NUL bytes after its last character (two at least: an odd
    number too), the padding dropped and flagged ``bad_bytes`` as after a mark (see _detect); None where ``data`` is
    no such text.  It was read with the padding as U+0000 characters, and refused as binary data (with a false
    'truncated' warning where the padding was of an odd length); one NUL byte is rather a last character cut."""
    if not data.endswith(b"\x00\x00"):
        return None
    end = len(data.rstrip(b"\x00"))
    end += end % 2  # (the padding starts at the end of a unit: '\n' in UTF-16-LE, 0A 00, keeps its NUL)
    if len(data) - end < 2 or end < 4:
        return None
    found = _utf16_without_bom(data[:end], path)
    if found is None or not found[1].startswith("utf-16"):
        return None
    _warn_nul_padding(path, len(data) - end)
    return found


def _detect(data: bytes, path: str | None, declared: str | None = None) -> tuple[str, str, bool]:
    """Detect the codec of `data` (see decode_bytes); `declared` comes from HTML.  (text, codec, whether the
    text is `data` read as UTF-8 byte for byte: its UTF-8 encoding is `data` itself, not to be made again.)"""
    bom = _detect_bom(data)
    if bom is not None and data.endswith(b"\x00"):
        # NUL padding (see below) after a byte-order mark, Notepad's: it was refused as binary data.  The padding ends
        # at the last character's last byte that is not NUL, in UTF-16 or UTF-32 at the end of its code unit ('\n'
        # in UTF-16-LE ends in a NUL byte; a U+0000 is no character of a text): a run cut anywhere ends so too.
        unit = {"utf-16": 2, "utf-32": 4}.get(bom, 1)
        end = len(data.rstrip(b"\x00"))
        end += -end % unit  # (the mark is of whole units: ends of units are multiples of the unit)
        if len(data) - end >= unit:  # (less, in UTF-16 or UTF-32, is rather a last character cut: see below)
            text, codec, _same = _detect(data[:end], path, declared)
            if "\x00" in text:
                raise BinaryFileError(path, "contains NUL characters: binary data, not text")
            _warn_nul_padding(path, len(data) - end)
            return text, codec, False
    if bom is not None:
        text = _try(data, bom)
        if text is None and bom == "utf-8-sig":
            # Windows-1252 punctuation or lines pasted from a GB page in Notepad's UTF-8, which writes the mark, are read
            # as without a mark (see _utf8_with_cp1252_signs, _gb_lines): they were U+FFFD, or the whole file refused
            text = _utf8_with_cp1252_signs(data[3:], path)
            if text is None:
                text = _gb_lines(data[3:], path)
        if text is None:
            # a few bad bytes (a stray byte, a last byte lost) are read as without a mark: flagged, not fatal
            text, bad = _utf8_with_stray_bytes(data, bom)
            if text is None:
                found = _gb_after_utf8_mark(data, bom, path)
                if found is not None:
                    return (*found, False)
                raise DecodeError(
                    path, f"the file starts with a {bom} byte-order mark but is not valid {bom}"
                )
            _warn(path, f"{bad} byte sequence(s) that are not {bom} in a {bom} text (first at byte offset "
                        f"{_first_error(data, bom)}) {_REPLACED}", "bad_bytes")
        if bom == "utf-8-sig" and b"~{" in data and data[3:].isascii():  # (HZ saved by Notepad, which writes the mark)
            hz = _hz_text(data[3:])
            if hz is not None:
                return hz, "hz", False
        _refuse_mojibake(text, path)  # Notepad saves a mojibake page with a byte-order mark
        if bom == "utf-8-sig":
            text = _read_gb_runs_valid_as_utf8(_hz_lines(text, path), data, path)
        return text.lstrip("\ufeff"), bom, False
    if b"\x00" in data:
        found = _utf16_padded(data, path)
        if found is not None:
            return (*found, False)
        found = _utf16_without_bom(data, path)
        if found is None:
            # A text padded with NUL bytes at its end (a download cut short, a file preallocated or recovered from a
            # disk) holds no other: its text is read, the padding dropped and flagged (it made the report fail whole).
            body = data.rstrip(b"\x00")
            if body and b"\x00" not in body:
                text, codec, _same = _detect(body, path, declared)
                _warn_nul_padding(path, len(data) - len(body))
                return text, codec, False
            raise BinaryFileError(path, "contains NUL bytes: binary data, not text")
        return (*found, False)
    text = _try(data, "utf-8")
    if text is not None:
        if b"~{" in data:  # (a fast search first: most texts hold no '~{')
            hz = _hz_text(data) if data.isascii() else None
            if hz is not None:
                return hz, "hz", False
            read = _hz_lines(text, path)
            if read is not text:
                _refuse_mojibake(read, path)
                return _read_gb_runs_valid_as_utf8(read, data, path), "utf-8", False
        _refuse_mojibake(text, path)
        read = _read_gb_runs_valid_as_utf8(text, data, path)
        if read is text and not text.isascii() and not _THREE_BYTE_UTF8.search(data):
            gb = _gb_valid_as_utf8(text, data, path)
            if gb is not None:
                return gb, "gbk", False
        return read, "utf-8", read is text
    text = _utf8_truncated(data)
    if text is not None:
        _warn(path, "the data ends in the middle of a UTF-8 character (truncated file?); the incomplete "
                    "character was dropped", "bad_bytes")
        return _read_gb_runs_valid_as_utf8(text, data, path), "utf-8", False
    text = _utf8_with_cp1252_signs(data, path)  # (quotes written as Windows-1252 bytes: U+FFFD, or the file refused)
    if text is not None:
        return _read_gb_runs_valid_as_utf8(text, data, path), "utf-8", False
    if not len(data) % 2:  # (UTF-16 of Chinese alone: no NUL byte told it above)
        found = _utf16_without_nul(data, path)
        if found is not None:
            return (*found, False)
    gb_lines = _gb_lines(data, path)
    if gb_lines is not None:
        return _read_gb_runs_valid_as_utf8(gb_lines, data, path), "utf-8", False
    text, bad = _utf8_with_stray_bytes(data)
    if text is not None:
        _refuse_mojibake(text, path)
        _warn(path, f"{bad} byte sequence(s) that are not UTF-8 in a UTF-8 text (first at byte offset "
                    f"{_first_error(data, 'utf-8')}) {_REPLACED}", "bad_bytes")
        return _read_gb_runs_valid_as_utf8(text, data, path), "utf-8", False
    if declared is not None:
        if declared in _GB_FAMILY:
            found = _decode_gb(data, path)
            if found is not None:
                if found[1].startswith("big5"):  # read against the page's word: say so (a template's charset)
                    _warn(path, f"the page declares {declared} but its bytes read as {found[1].upper()} "
                                f"({_non_ascii(found[0])[:8]!r}): read as {found[1].upper()}; pass encoding= if you "
                                "know the codec", "encoding_uncertain")
                return (*found, False)
        elif not _single_byte(declared):
            text = _try(data, declared)
            if text is not None:
                if declared in _BIG5_FAMILY and not text.isascii():
                    return (*_big5_or_gb(data, text, declared, path), False)
                if not text.isascii():
                    found = _gb_over_declared(data, text, declared, path)
                    if found is not None:
                        return (*found, False)
                return text, declared, False
    found = _decode_gb(data, path)
    if found is not None:
        if declared in _BIG5_FAMILY and not found[1].startswith("big5"):  # (see _big5_or_gb: no Big5 at all here)
            _warn(path, f"the page declares {declared} but its bytes are no {declared.upper()} and read as "
                        f"{found[1].upper()} ({_non_ascii(found[0])[:8]!r}): read as {found[1].upper()}; pass "
                        "encoding= if you know the codec", "encoding_uncertain")
        return (*found, False)
    if declared is not None and _single_byte(declared):
        text = _try(data, declared)
        if text is not None:
            return text, declared, False
    controls = sum(1 for b in data[:65536] if b in _CONTROL_BYTES)
    if controls > 0.01 * min(len(data), 65536):
        raise BinaryFileError(path, f"binary data, not text ({controls} control bytes)")
    tried = "UTF-8, GBK, GB18030, Big5" + (f", {declared}" if declared else "")
    raise DecodeError(
        path,
        f"cannot decode the bytes in any supported encoding ({tried}); first bad byte "
        f"for UTF-8 at offset {_first_error(data, 'utf-8')}, for GB18030 at offset "
        f"{_first_error(data, 'gb18030')}; pass encoding= if you know the codec",
    )


# Two UTF-8 characters of two bytes (U+0080-U+07FF: Latin Extended, Greek, Cyrillic, Hebrew …) in a row, and a run of
# them: GBK's common characters of rows C2-D7 with a second byte A1-BF are such characters by chance (see
# _read_gb_runs_valid_as_utf8).  (Bytes: a pass over the text's characters cost a report 3 ms.)
# (the bytes other than the lead bytes of U+0100-U+07FF, deleted by bytes.translate: a copy, some 30 times faster
# than a search with a pattern; a run of GBK holds such a character)
_NOT_TWO_BYTE_LEAD = bytes(byte for byte in range(256) if not 0xC4 <= byte <= 0xDF)
_TWO_BYTE_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf][\xc2-\xdf][\x80-\xbf]")
_TWO_BYTE_RUN = re.compile(rb"(?:[\xc2-\xdf][\x80-\xbf]){2,}")
# A word of Greek or Russian as written: letters of one alphabet alone (mojibake of GBK mixes scripts and signs).
_ONE_ALPHABET = re.compile("[\u0386-\u03ce]+|[\u0400-\u045f]+")


def _read_gb_runs_valid_as_utf8(text: str, data: bytes, path: str | None) -> str:
    """``text`` (``data`` read as UTF-8) with its runs of GBK that are valid UTF-8 by chance read as GBK, flagged
    ``mixed_encoding`` naming their lines; ``text`` itself where it holds none.

    Seed pingtan-2023-02's '平潭' pasted in GBK into a UTF-8 line is C6BD CCB6, UTF-8's 'ƽ̶': no byte failed, so no
    reading of stray bytes saw it (_gb_runs), and the agency was lost.  A run of two characters or more of U+0080-U+07FF
    is taken for GBK where it holds a character that is no report's (_NOT_REPORT_CHARS), is no word of one alphabet
    (Greek, Cyrillic), and its bytes read strictly as GBK into common Chinese characters alone (_common_gb), two at
    least.  (GBK read as UTF-8 characters of three bytes gives Chinese characters, which nothing tells apart.)
    """
    if not data.translate(None, _NOT_TWO_BYTE_LEAD) or not _TWO_BYTE_PAIR.search(data):  # (most texts hold none)
        return text
    utf8 = text.encode("utf-8", errors="surrogatepass")
    found: list[tuple[int, int, str]] = []
    for match in _TWO_BYTE_RUN.finditer(utf8):
        gb = _gb_of_utf8_run(match.group().decode("utf-8"))
        if gb is not None:
            found.append((match.start(), match.end(), gb))
    if not found:
        return text
    parts: list[bytes] = []
    done = 0
    for start, end, gb in found:
        parts.extend([utf8[done:start], gb.encode("utf-8")])
        done = end
    parts.append(utf8[done:])
    lines = _first_ten(sorted({_line_at(utf8, start) for start, _, _ in found}))
    start, end, gb = found[0]
    _warn(path, f"mixed encodings: characters in GBK that are valid UTF-8 ({gb!r}, as UTF-8 "
                f"{utf8[start:end].decode('utf-8')!r}) on line(s) {lines} of a UTF-8 text, read as GBK",
          "mixed_encoding")
    return b"".join(parts).decode("utf-8", errors="surrogatepass")


_IN_LATIN_WORD = re.compile("[A-Za-z][\u0080-\u07ff]|[\u0080-\u07ff][A-Za-z]")


def _gb_valid_as_utf8(text: str, data: bytes, path: str | None) -> str | None:
    """The GBK reading of ``data``, valid UTF-8 (``text``) without a character of three bytes or more (no Chinese),
    where it reads as common Chinese characters alone beside its ASCII, flagged ``encoding_uncertain``; else None.

    A GBK text whose only Chinese is a character or two of bytes valid as UTF-8 ('没', C3BB, UTF-8's 'û'; 682 such
    characters) was read as UTF-8 without a word (a run of one character is too short for
    _read_gb_runs_valid_as_utf8): a text of a Chinese report holds no Latin letter with an accent and no Chinese.
    A character beside a Latin letter ('café') is read as UTF-8, as it was.
    """
    if _IN_LATIN_WORD.search(text):  # ('café': a Latin word's letter, read as it is)
        return None
    gb = _try(data, "gbk")
    if gb is None or not all(_HAN.match(char) and _common_gb(char) for char in _NON_ASCII_CHAR.findall(gb)):
        return None
    utf8 = "".join(_NON_ASCII_CHAR.findall(text))
    _warn(path, f"the bytes read as UTF-8 ({utf8[:6]!r}) or as GBK ({''.join(_NON_ASCII_CHAR.findall(gb))[:6]!r}), "
                "and too little tells which: read as GBK; pass encoding= if you know the codec", "encoding_uncertain")
    return gb


def _gb_of_utf8_run(run: str) -> str | None:
    """The GBK reading of a run of UTF-8 characters U+0080-U+07FF (see _read_gb_runs_valid_as_utf8), or None."""
    if not _NOT_REPORT_CHARS.search(run) or _ONE_ALPHABET.fullmatch(run):
        return None
    gb = _try(run.encode("utf-8"), "gbk")
    if gb is None or len(gb) < 2 or not all(_HAN.match(char) and _common_gb(char) for char in gb):
        return None
    return gb


_BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}


def _gb_after_utf8_mark(data: bytes, bom: str, path: str | None) -> tuple[str, str] | None:
    """(text, codec) of GBK, GB18030 or Big5 text after a UTF-8 byte-order mark (a tool that writes the mark before
    any text, a GBK page's body saved after it), flagged ``mixed_encoding``; None where the mark is another's, or
    the bytes after it are no such text of common characters (see _decode_gb).  It was refused whole ('starts
    with a utf-8-sig byte-order mark but is not valid utf-8-sig'), where the same bytes without the mark are read."""
    if bom != "utf-8-sig":
        return None
    found = _decode_gb(data[3:], path, mixed=False)  # (else the file is refused: a warning of it is said in vain)
    if found is None:
        return None
    text, codec = found
    common = _common_big5 if codec.startswith("big5") else _common_gb
    if not _HAN.search(text, 0, 20000) or _rare_share(text, common)[0] >= _STRAY_RARE_MAX:
        return None
    _refuse_mojibake(text, path)
    _warn(path, f"the file starts with a UTF-8 byte-order mark but its bytes are {codec.upper()} "
                f"({_non_ascii(text)[:8]!r}): read as {codec.upper()}; pass encoding= if you know the codec",
          "mixed_encoding")
    return text, codec


@functools.lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """Whether ``codec`` (a canonical name) is ASCII or a single-byte codec, one character a byte: any bytes read so
    without an error, so a page declaring one is read as GB first (a template's charset over GBK bytes).

    Told by the bytes 0x80-0xFF alone, which such a codec reads one by one (all but a few it leaves undefined) and a
    multi-byte one does not (Shift_JIS reads its 63 half-width katakana so): not a list of names, which missed
    KOI8-R, CP866, Mac Cyrillic, the DOS code pages … and read GBK under them as Cyrillic or box drawing.
    """
    if codec == "ascii":
        return True
    return sum(1 for b in range(0x80, 0x100) if _try(bytes([b]), codec) is not None) >= 90


def _big5_or_gb(data: bytes, big5: str, declared: str, path: str | None) -> tuple[str, str]:
    """A page declaring a Big5 charset, read as Big5 (``big5``), or as GBK/GB18030 where that reading's
    characters are clearly the more common (flagged ``encoding_uncertain``).

    A page saved as GBK under a template's ``charset=big5`` reads as Big5 without an error (most GB 2312 bytes
    are Big5 bytes too), into rare characters: '淉葬陓洘鼠羲' for '政府信息公开'.  The declaration wins a tie.
    """
    found = _gb_reading(data)
    if found is None:
        return big5, declared
    text, codec = found
    (rare_gb, n), (rare_big5, _) = _rare_share(text, _common_gb), _rare_share(big5, _common_big5)
    if n >= _GB_BIG5_SAMPLE and rare_big5 - rare_gb >= _GB_BIG5_MARGIN[0]:
        _warn(path, f"the page declares {declared} but its bytes read as {codec.upper()} ({_non_ascii(text)[:8]!r}; "
                    f"as Big5 {_non_ascii(big5)[:8]!r}): read as {codec.upper()}; pass encoding= if you know the codec",
              "encoding_uncertain")
        return text, codec
    return big5, declared


def _gb_over_declared(data: bytes, text: str, declared: str, path: str | None) -> tuple[str, str] | None:
    """The GBK or GB18030 reading of a page whose ``text`` in the multi-byte charset it declares (EUC-KR, EUC-JP,
    Shift_JIS: a template's) is another, where that reading is Chinese of common characters (flagged
    ``encoding_uncertain``); else None.

    GB 2312's bytes are EUC-KR's and EUC-JP's too, and most are Shift_JIS's: a GBK page under such a charset read
    without an error into Korean, kanji or half-width katakana ('漣리斤口' for '政府信息', 'ﾔﾝﾎﾞﾄﾚﾈﾝ' for '暂无内容').
    """
    found = _gb_reading(data)
    if found is None:
        return None
    gb, codec = found
    if gb == text or not _HAN.search(gb) or _rare_share(gb, _common_gb)[0] >= _STRAY_RARE_MAX or _own_script(text):
        return None
    _warn(path, f"the page declares {declared} but its bytes read as {codec.upper()} ({_non_ascii(gb)[:8]!r}; as "
                f"{declared.upper()} {_non_ascii(text)[:8]!r}): read as {codec.upper()}; pass encoding= if you know "
                "the codec", "encoding_uncertain")
    return gb, codec


_HANGUL = re.compile("[\uac00-\ud7a3]")
_KANA = re.compile("[\u3041-\u30ff]")  # (hiragana, katakana; not the half-width katakana of GBK read as Shift_JIS)


def _own_script(text: str) -> bool:
    """Whether ``text``, read in the Korean or Japanese charset a page declares, is written in that language's own
    script: Hangul for 95 % of its Hangul and Chinese characters (10 at least), or kana for a tenth of its kana and
    Chinese characters (3 at least).

    Real Korean and Japanese read as GBK into common Chinese characters too (Hangul's rows of EUC-KR are GB 2312's
    first level, EUC-JP's kana GB 2312's): a Korean page of Yanbian ('정부 정보 공개') was read as GBK garbage
    ('沥何 沥焊 傍俺').  GBK text read so gives Hangul and hanja mixed, or kanji without kana.
    """
    sample = text[:20000]
    hangul, kana = len(_HANGUL.findall(sample)), len(_KANA.findall(sample))
    if hangul < 10 and kana < 3:
        return False
    han = len(_HAN.findall(sample))
    return (hangul >= 10 and hangul >= 0.95 * (hangul + han)) or (kana >= 3 and kana >= 0.1 * (kana + han))


def _hz_text(data: bytes) -> str | None:
    """7-bit ASCII ``data`` read as HZ (RFC 1843: GB 2312 between ``~{`` and ``~}``, as old mail and news sent
    Chinese), or None where it is no HZ: it does not decode, or gives fewer than :data:`_HZ_MIN_HAN` Chinese
    characters, or mostly rare ones (ASCII that happens to hold ``~{ab~}``)."""
    text = _try(data, "hz")
    if text is None or len(_HAN.findall(text, 0, 20000)) < _HZ_MIN_HAN:
        return None
    share, _ = _rare_share(text, _common_gb)
    return text if share <= _HZ_MAX_RARE else None


# HZ text holds Chinese characters, common ones for the most part: 4 of them at least, at most half of them rare.
_HZ_MIN_HAN = 4
_HZ_MAX_RARE = 0.5


# A run of HZ's GB 2312 (RFC 1843): two 7-bit bytes a character, a lead byte 0x21-0x77, between '~{' and '~}'.
_HZ_RUN = re.compile(r"~\{((?:[\x21-\x77][\x21-\x7e])+)~\}")
# A run of HZ, or a '~~' (a tilde written, RFC 1843) in its ASCII: a run's '~}' ends it before a '~~' after it is read.
_HZ_RUN_OR_TILDE = re.compile(_HZ_RUN.pattern + "|~~")
# A '~' ending a line of HZ, not the second of a '~~' (a tilde written): a line continued on the next (RFC 1843).
_HZ_CONTINUED = re.compile(r"(?<!~)(?:~~)*~$")


def _hz_lines(text: str, path: str | None) -> str:
    """``text`` (a UTF-8 text) with its runs of HZ (a line or a title pasted from an old mail or news post:
    '~{U~8.PEO"~}') read so, flagged ``mixed_encoding`` naming their lines; ``text`` itself where none is.

    Such a run is 7-bit ASCII, valid UTF-8, and stayed ASCII gibberish: the HZ reading was tried on a whole text
    alone (_hz_text).  A line's runs are taken for HZ where together they read so into a report's line (_mixed_line:
    two Chinese characters, or one common one) of at most _HZ_MAX_RARE rare ones ('x = ~{ab~}' reads as '醒', rare).
    """
    if "~{" not in text:  # (a fast search first: most texts hold none)
        return text
    parts = _TEXT_LINE_END.split(text)
    found: list[int] = []
    for number in range(0, len(parts), 2):
        line = parts[number]
        if "~{" not in line:
            continue
        runs = [_try(run.group().encode("ascii"), "hz") or "" for run in _HZ_RUN_OR_TILDE.finditer(line)
                if run.group() != "~~"]  # (as _hz_line reads them: '~~{' is a '~' and a '{')
        hz = "".join(runs)
        if hz and all(runs) and _mixed_line(hz) and _rare_share(hz, _common_gb)[0] <= _HZ_MAX_RARE:
            parts[number] = _hz_line(line, runs)
            found.append(number // 2 + 1)
            if _HZ_CONTINUED.search(line) and parts[number + 1: number + 2] == ["\n"]:
                # HZ's '~' ending a line joins the next to it (RFC 1843, as the hz codec reads a whole HZ text)
                parts[number], parts[number + 1] = parts[number][:-1], ""
    if not found:
        return text
    _warn(path, f"mixed encodings: HZ on line(s) {_first_ten(found)} of a UTF-8 text, read as HZ (as UTF-8 it is "
                "ASCII gibberish)", "mixed_encoding")
    return "".join(parts)


def _hz_line(line: str, runs: list[str]) -> str:
    """``line`` with its HZ runs read (``runs``, in order) and each '~~' of its ASCII a '~', a tilde written in HZ
    (RFC 1843, as the hz codec reads it: '1~~12~{TB~}' is '1~12月')."""
    read = iter(runs)
    return _HZ_RUN_OR_TILDE.sub(lambda found: "~" if found.group() == "~~" else next(read), line)


def _first_error(data: bytes, codec: str) -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return f"{exc.start} (0x{data[exc.start:exc.start + 4].hex()})"
    return "-"  # pragma: no cover - only called when decoding failed


_CONTROL_BYTE_STRING = bytes(sorted(_CONTROL_BYTES))
_C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F in UTF-8


def _check_not_binary(text: str, path: str | None, utf8: bytes | None = None) -> None:
    """Refuse a text with a NUL or more than 1 % of control characters.

    ``utf8`` is the text encoded as UTF-8, where the caller has it: the controls are then counted in its bytes,
    some six times faster than a pattern over the text, with the same count (in UTF-8 a control below U+0080
    is its own byte, which no other character's bytes hold, and U+0080-U+009F are C2 80-C2 9F).
    """
    if "\x00" in text:
        raise BinaryFileError(path, "contains NUL characters: binary data, not text")
    if utf8 is None:
        controls = len(_CONTROL_RE.findall(text))
    else:
        controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTE_STRING))
        if b"\xc2" in utf8:
            controls += len(_C1_UTF8_RE.findall(utf8))
    if controls and controls > 0.01 * len(text):
        raise BinaryFileError(
            path,
            f"binary data, not text: {controls} control characters in {len(text)} characters",
        )


def _check_text_file(data: bytes, path: str) -> None:
    """Refuse a .txt/.html file that is really another file type: binary data, or an RTF document (text, but its
    control words read as the report's: '{\\rtf1\\ansi…' in its lines), refused as a file named .rtf is."""
    what = _magic(data)
    if what is None:
        return
    if data.startswith(_RTF_MAGIC):
        raise UnsupportedFormatError(path, f"unsupported format: {_content_named(what, path)}; save the report as "
                                           ".docx, .pdf, .html or .txt")
    raise BinaryFileError(path, f"binary data, not text: the content is {what}")


_VISIBLE_RE = re.compile(r"[^\s\ufeff\u200b]")  # (\s is str.strip's white space)


def _check_not_blank(text: str, path: str, data: bytes | None = None) -> None:
    """Refuse a text without a visible character (``data``, where given, the bytes it was read from: a file of a
    byte-order mark alone is named so, not 'white space', which it holds none of)."""
    if not _VISIBLE_RE.search(text):  # (stops at the first visible character, where two replaces copied the text)
        if data is not None and _only_byte_order_marks(data):
            raise EmptyFileError(path, f"file holds only a byte-order mark ({data.hex(' ').upper()}), no text")
        raise EmptyFileError(path, "file holds only white space")


#: The length of each byte-order mark (see _detect_bom).
_BOM_LENGTH = {"utf-8-sig": 3, "utf-16": 2, "utf-32": 4, "gb18030": 4}


def _only_byte_order_marks(data: bytes) -> bool:
    """Whether ``data`` is one byte-order mark or more, and nothing else (an editor's new file saved empty)."""
    rest, bom = data, _detect_bom(data)
    while bom is not None:
        rest = rest[_BOM_LENGTH[bom]:]
        bom = _detect_bom(rest)
    return rest != data and not rest
