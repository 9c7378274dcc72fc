"""The ``classify`` and ``evaluate`` subcommands (wired into ``toolkit.cli``)."""
from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import re
import secrets
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence

import pandas as pd

from toolkit.classify.codebook import Codebook, load_annotations, load_codebook, read_annotations
from toolkit.cli import _NotReplaced, _UsageError, _codec, _lock_folder, _replace_together  # as toolkit extract does
from toolkit.statements import STATEMENT_COLUMNS

# the models and the evaluation (scikit-learn, SciPy) are imported by the commands that use them: building the
# parser of every toolkit command imports this module

__all__ = ["configure_classify", "run_classify", "configure_evaluate", "run_evaluate"]


def _error(command: str, message: str) -> int:
    print(f"toolkit {command}: error: {message}", file=sys.stderr)
    return 2


# the arguments of evaluate() and learning_curve() that evaluate's options set: their messages name them
# ('n_splits must be an int >= 2, got 1' for --n-splits 1), which --help does not list
_EVALUATE_ARGUMENT = re.compile(r"\b(n_splits|n_repeats|random_state|n_bootstrap)\b")


def _in_option_words(message: str) -> str:
    """``message`` with the arguments of the evaluation put as the options typed (``n_splits``: ``--n-splits``)."""
    return _EVALUATE_ARGUMENT.sub(lambda m: "--" + m[1].replace("_", "-"), message)


def _unreadable(exc: OSError) -> str:
    """One line naming the file that cannot be read and why (not Python's ``[Errno 2] …: 'x'``)."""
    return f"cannot read {exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc)


def _label_error(exc: ValueError, codebook: str | None) -> str:
    """The message of a bad coded statement; a label unknown to the packaged codebook points to --codebook."""
    message = str(exc)
    if codebook is None and "is not a codebook key" in message:
        message += "; coded with categories of your own? pass their codebook with --codebook"
    return message


def _codebook(path: str | None) -> Codebook | None:
    """The codebook of ``--codebook``, or None for the packaged one (a ValueError or OSError names the file)."""
    return None if path is None else load_codebook(path)


def configure_classify(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``toolkit classify`` to a (sub)parser.

    Parameters
    ----------
    parser : argparse.ArgumentParser

    Examples
    --------
    >>> import argparse
    >>> p = argparse.ArgumentParser(prog="toolkit classify")
    >>> configure_classify(p)
    >>> p.parse_args(["in.csv", "--out", "out.csv"]).text_column
    'text'
    """
    parser.description = (
        "Classify statements against the codebook (the packaged one, or your own with --codebook and --train): "
        "add a 'labels' column (';'-joined keys; one the input has "
        "is replaced, with a warning where its values differ) and one "
        "probability column p_<key> per category.  A statements.csv from an extract run gets its "
        "labels filled (and keeps its columns unless --probabilities is given); the statements.parquet next to "
        "--out, when there is one and it holds the same statements (its twin), is rewritten with the same labels.  "
        "In a CSV of one column (a text per line) a blank line is a statement with empty text.  The CSV is read "
        "strictly: a record with more fields than the header (a text with an unquoted comma) is refused with its "
        "line, so that the output has one row per input record, in order."
    )
    parser.add_argument("input", help="CSV file with one statement a row (UTF-8, or UTF-16 or UTF-32 with a "
                                      "byte-order mark; else see --encoding)")
    parser.add_argument("--text-column", default="text", help="column holding the statement text (default: text)")
    parser.add_argument("--out", default="-", help="output CSV (default: standard output)")
    parser.add_argument(
        "--model", choices=("supervised", "lexicon"), default="supervised",
        help="supervised (default): a classifier trained on the packaged annotations, or on --train; lexicon: "
        "the keywords of the codebook (the packaged one, or --codebook)",
    )
    parser.add_argument(
        "--codebook", default=None, metavar="YAML",
        help="your own codebook, a YAML of the packaged codebook's shape (toolkit/data/classify/codebook.yaml): "
        "labels and p_<key> columns are its keys.  The supervised model is then trained on --train (needed) with "
        "its keys as classes (its lexicon features stay the packaged codebook's); the lexicon model uses its "
        "keywords",
    )
    parser.add_argument(
        "--train", action="append", default=None, metavar="JSONL",
        help="coded statements to train the supervised model on instead of the packaged annotations, "
        '{"source": …, "text": …, "labels": [keys]} a line as for toolkit evaluate --data; labels checked '
        "against --codebook, or the packaged codebook without it (repeat for several files; seed 0; with "
        "--model lexicon only checked)",
    )
    parser.add_argument(
        "--probabilities", action=argparse.BooleanOptionalAction, default=None,
        help="add p_<key> columns (default: yes, except for a statements.csv)",
    )
    parser.add_argument(
        "--encoding", type=_codec, default=None, metavar="CODEC",
        help="codec of the input CSV, e.g. gbk for Excel's 'CSV' on Chinese Windows (default: UTF-8, with or "
        "without a byte-order mark, or UTF-16 with one; a file's byte-order mark of another codec decides, as in "
        "toolkit extract); the output is UTF-8",
    )


def run_classify(args: argparse.Namespace) -> int:
    """Run ``toolkit classify``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by a parser set up with :func:`configure_classify`.

    Returns
    -------
    int
        0 on success, 2 when the input cannot be read or lacks the text column.
    """
    from toolkit.classify.model import label_statements

    codebook_path, train = getattr(args, "codebook", None), getattr(args, "train", None)
    if codebook_path is not None and args.model == "supervised" and not train:
        return _error("classify", "--codebook needs --train with the supervised model: coded statements to learn "
                                  "its keys from (or --model lexicon, which uses its keywords)")
    for what, value in (("input", args.input), ("--out", args.out)):
        if not value:  # an unset shell variable: not "cannot read : No such file or directory"
            return _error("classify", f"{what} is an empty string")
    # (--out the input CSV itself is a documented use: its labels are filled in place)
    if problem := _input_overwritten([("--out", args.out)], [("--train", train), ("--codebook", codebook_path)]):
        return _error("classify", problem)
    if args.out != "-" and _is_parquet(args.out):
        # a CSV written over it: statements.parquet lost, where the README promises no other Parquet file is touched
        return _error("classify", f"--out {args.out} is a Parquet file: the output is a CSV (give a .csv; the "
                                  "statements.parquet next to it gets the same labels)")
    try:
        frame, bom = _read_input(args.input, getattr(args, "encoding", None))
    except InputError as exc:
        return _error("classify", str(exc))
    except OSError as exc:
        return _error("classify", f"cannot read {args.input}: {exc.strerror or exc}")
    if args.text_column not in frame.columns:
        return _error(
            "classify",
            f"--text-column must be a column of {args.input} ({', '.join(map(repr, frame.columns))}), "
            f"got {args.text_column!r}",
        )
    for name in dict.fromkeys((args.text_column, "labels")):
        if list(frame.columns).count(name) > 1:  # which one would be read, or written?
            return _error("classify", f"{args.input} has {list(frame.columns).count(name)} columns named {name!r}: "
                                      "rename all but one")
    if args.out != "-" and (problem := _prepare_output(args.out)):
        return _error("classify", problem)  # now, not after the model has labelled every statement
    is_statements = list(frame.columns[: len(STATEMENT_COLUMNS)]) == list(STATEMENT_COLUMNS)
    probabilities = (not is_statements) if args.probabilities is None else args.probabilities
    try:
        model = _classify_model(args.model, codebook_path, train, frame[args.text_column].tolist())
    except OSError as exc:
        return _error("classify", _unreadable(exc))
    except ValueError as exc:
        return _error("classify", _label_error(exc, codebook_path))
    out = label_statements(frame, model=model, text_column=args.text_column, probabilities=probabilities)
    if "labels" in frame.columns and args.text_column != "labels":
        _warn_replaced_labels(frame["labels"], out["labels"], args.input)
    _note_nothing_to_classify(frame[args.text_column], out["labels"], probabilities)
    if args.out == "-":
        sys.stdout.write(_csv_text(out))
        return 0
    twin = None
    if is_statements:
        twin = _parquet_twin(out, args.out, [f"p_{key}" for key in model.classes_] if probabilities else [])  # type: ignore[attr-defined]  # _classify_model's model is fitted
    # a CSV that begins with a byte-order mark (toolkit extract --excel, Excel's 'CSV UTF-8' or 'Unicode
    # text') or came in another codec (Excel's 'CSV' on Chinese Windows) is written with one, for Excel
    encoding = "utf-8-sig" if bom else "utf-8"
    try:
        _write_together(
            {_through_link(args.out): lambda part: _write_text(part, _csv_text(out), encoding)}
            | ({twin[0]: twin[1]} if twin else {})
        )
    except OSError as exc:
        return _error("classify", str(exc))
    if twin:
        print(f"toolkit classify: labels also written to {twin[0]}", file=sys.stderr)
    return 0


def _prepare_output(path: str, option: str = "--out") -> str | None:
    """Make the folder of the file of ``option``, as ``toolkit extract`` makes its ``--out``; say why the file
    cannot be written (a folder, or in a folder that cannot be made), or None.

    Done before the statements are classified (or the systems scored): the write came after the
    model, minutes for a corpus, whose labels were then lost.
    """
    if os.path.isdir(path):
        return f"{option} {path} is a folder: give the path of the CSV file to write"
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        try:
            os.makedirs(folder, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # (the system's 'File exists' says not what is wrong)
            return f"cannot write {path}: cannot make its folder {folder}: a part of it exists and is not a folder"
        except OSError as exc:
            return f"cannot write {path}: cannot make its folder {folder}: {exc.strerror or exc}"
    return None


def _same_file(a: str, b: str) -> bool:
    """Whether paths ``a`` and ``b`` name one file: as written (``x.csv``, ``./x.csv``), through links, or one that
    exists under two names (a hard link, a folder of another case on macOS or Windows)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # (one does not exist yet: then the names above told)
        return False


def _input_overwritten(outputs: Sequence[tuple[str, str | None]],
                       inputs: Sequence[tuple[str, Sequence[str] | str | None]]) -> str | None:
    """Say which output option names a file that an input option reads, or None.

    Checked before anything is read or written: ``classify --out coded.jsonl --train coded.jsonl`` wrote the CSV
    over the hand coding it had just learned from.
    """
    for option, path in outputs:
        if not path or path == "-":
            continue
        for source, given in inputs:
            for name in [given] if isinstance(given, str) else given or ():
                if name and _same_file(path, name):
                    return (f"{option} {path} is the file of {source} {name}: it would be written over; give the "
                            f"output another path")
    return None


def _through_link(path: str) -> str:
    """The file a link ``path`` names, else ``path``: the new CSV is renamed over it, so that a link (to a data
    folder elsewhere, or the input itself) stays a link and the file it names gets the labels."""
    return os.path.realpath(path) if os.path.islink(path) else path


def _is_parquet(path: str) -> bool:
    """Whether ``path`` names a Parquet file: by its extension, or by the mark an existing file begins with."""
    if path.lower().endswith(".parquet"):
        return True
    if not os.path.isfile(path):  # none yet, a folder (refused when written), or a pipe or terminal: not read
        return False
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PAR1"
    except OSError:
        return False


def _classify_model(kind: str, codebook_path: str | None, train: list[str] | None, texts: list[str]) -> object:
    """The fitted model of ``toolkit classify``: ``kind`` over the packaged or own codebook, trained on ``train``.

    Without ``codebook_path`` and ``train`` it is the default model (or the
    packaged lexicon).  The supervised model is fitted with seed 0, as the
    default model is: the same files give the same labels.

    Raises
    ------
    ValueError
        Naming the file (and line): a bad codebook, a bad coded statement or a
        label that is not a key of the codebook, or no statement (or no label)
        to train on.
    OSError
        If a file cannot be read.
    """
    from toolkit.classify.evaluation import _lexicon_system  # the lexicon system toolkit evaluate scores
    from toolkit.classify.lexicon import LexiconClassifier
    from toolkit.classify.model import StatementClassifier, default_model

    codebook = _codebook(codebook_path)
    coded = read_annotations(train, codebook=codebook) if train else None
    if coded is not None and coded.empty:
        raise ValueError(f"{', '.join(train or ())}: no coded statements to train on")
    if kind == "supervised" and coded is not None and not coded["labels"].map(len).any():
        raise ValueError(f"{', '.join(train or ())}: no coded statement has a label: nothing to learn categories from")
    if kind == "lexicon":  # learns nothing: --train, if given, is only checked
        lexicon = LexiconClassifier() if codebook is None else _lexicon_system(codebook.keys, codebook.lexicon)
        return lexicon.fit(texts if coded is None else coded["text"].tolist())
    if coded is None:
        return default_model()
    classes = None if codebook is None else list(codebook.keys)
    return StatementClassifier(classes=classes, random_state=0).fit(coded["text"].tolist(), coded["labels"].tolist())


#: A quoted CSV field (its quotes doubled inside), or the end of a row of ``to_csv(lineterminator="\r\n")``.
_QUOTED_OR_ROW_END = re.compile(r'("[^"]*(?:""[^"]*)*")|\r\n')


def _csv_text(frame: pd.DataFrame) -> str:
    """``frame.to_csv(index=False)``, rows ending in ``"\n"``, but a field holding ``"\r"`` quoted too.

    The csv module quotes a field for the characters of the line terminator
    only: with ``"\n"`` a text holding a lone ``"\r"`` was written bare, and
    it ended the row for every reader (this command too, rerun on its
    output).  Written with ``"\r\n"`` every such field is quoted; the row ends
    are then set back to ``"\n"`` (those outside quotes), as ``toolkit
    extract`` writes its CSV files.
    """
    return _QUOTED_OR_ROW_END.sub(lambda m: m.group(1) or "\n", frame.to_csv(index=False, lineterminator="\r\n"))


def _write_text(path: str, text: str, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


#: The .part files a writer leaves beside ``<file>`` (_write_together, toolkit.cli._replace_together) when it is
#: killed: ``<file>.<pid>-<6 hex>.part`` unfinished, ``<file>.<pid>-<6 hex>-old.part`` the earlier file set aside;
#: before 2026-11-30 the Parquet twin's unfinished file was ``<file>.<pid>.part``.
_PART = r"\.(?P<pid>[0-9]+)(?:-[0-9a-f]{6}(?P<old>-old)?)?\.part"


def _clear_stale_parts(final: str) -> list[str]:
    """Remove the ``.part`` files of ``final`` whose writer is dead (killed: ``kill -9``, a machine out of memory).

    As ``toolkit extract`` clears its own: only while no extract writes into the folder (its lock is free), and
    only those of a writer whose process is gone.  A file set aside while ``final`` is missing is its only copy,
    and is kept: the paths of those kept are returned, to be named.  Where a folder cannot be locked (Windows)
    nothing is removed.
    """
    folder = os.path.dirname(final) or "."
    pattern = re.compile(re.escape(os.path.basename(final)) + _PART)
    try:
        stale = [(name, m) for name in os.listdir(folder) if (m := pattern.fullmatch(name))]
        lock = _lock_folder(folder) if stale else None
    except (OSError, _UsageError):  # (an extract writing there: its lock says so) not provably stale
        return []
    if lock is None:
        return []
    kept = []
    try:
        for name, m in stale:
            if _alive(int(m["pid"])):
                continue
            if m["old"] and not os.path.lexists(final):
                kept.append(os.path.join(folder, name))
                continue
            with contextlib.suppress(OSError):
                os.remove(os.path.join(folder, name))
    finally:
        os.close(lock)
    return kept


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` is running (one of another user's too; a reused number counts as alive)."""
    try:
        os.kill(pid, 0)  # (POSIX only: on Windows it would end the process; no lock is had there, see above)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True


def _write_together(writers: dict[str, Callable[[str], object]]) -> None:
    """Write files whole, all of them or none: each to a ``.part`` file in its folder, then renamed into place.

    ``--out`` is often the input itself (``make demo``): an interrupted write
    must not leave it half written, nor a CSV whose Parquet twin holds other
    labels.  The files replaced are set aside first and put back if a rename
    fails (:func:`toolkit.cli._replace_together`, as ``toolkit extract`` does).
    The ``.part`` files of the same outputs that a killed run left are removed first (:func:`_clear_stale_parts`).
    An OSError names the file that could not be written.
    """
    for final in writers:  # (a killed run's are found by no one else)
        for kept in _clear_stale_parts(final):  # said now: once final is written, a later run removes it
            print(f"toolkit classify: note: kept {kept}: the earlier {final}, set aside by a run that was killed "
                  f"before it wrote the new one; rename it to {os.path.basename(final)} to have the earlier one back",
                  file=sys.stderr)
    run = f"{os.getpid()}-{secrets.token_hex(3)}"
    parts = {final: f"{final}.{run}.part" for final in writers}  # statements.csv.<run>.part: extract's own form
    final = ""
    try:
        for final, write in writers.items():
            write(parts[final])
    except BaseException as exc:  # Ctrl-C too: nothing was replaced yet
        for part in parts.values():
            with contextlib.suppress(OSError):
                os.remove(part)
        if isinstance(exc, OSError):
            raise OSError(f"cannot write {final}: {exc.strerror or exc}; no file was changed") from None
        raise
    try:
        _replace_together(parts, run)
    except _NotReplaced as exc:
        undone = f"not undone: {', '.join(exc.left)}" if exc.left else "no file was changed"
        raise OSError(f"cannot write {exc.final}: {exc.error.strerror or exc.error}; {undone}") from None


def _warn_replaced_labels(before: pd.Series, after: pd.Series, path: str) -> None:
    """Say on stderr when the input's own labels (a researcher's hand coding?) are replaced by other ones.

    Labels of an earlier run that the model gives again are no news (``make demo``
    run twice); others are replaced all the same, as the command's help says, but
    not without a word.
    """
    old = before.fillna("").astype(str).str.strip()
    new = after.astype("string").fillna("")
    differ = (old.ne("") & old.ne(new)).to_numpy().nonzero()[0]
    if len(differ):
        first = differ[0]
        print(f"toolkit classify: warning: the 'labels' column of {path} is replaced: {len(differ)} of its values "
              f"differ from the new labels (first in data row {first + 1}: {old.iloc[first]!r}); keep hand "
              "coding in a column of another name", file=sys.stderr)


def _note_nothing_to_classify(texts: pd.Series, labels: pd.Series, probabilities: bool) -> None:
    """Say on stderr how many texts label_statements left unlabelled for having nothing to classify.

    A text such as ``123`` or ``暂无`` got empty cells without a word (a column of numbers given as --text-column
    looked like a model that labels nothing); an empty text is no news and is not counted.
    """
    written = texts.astype("string").fillna("").str.strip().ne("").to_numpy()
    quiet = (written & labels.isna().to_numpy()).nonzero()[0]
    if len(quiet):
        first = quiet[0]
        what = "labels and probabilities" if probabilities else "labels"
        print(f"toolkit classify: note: {len(quiet)} text{'s have' if len(quiet) > 1 else ' has'} nothing to "
              "classify (no Chinese word once dates, numbers and placeholders such as 暂无 are removed; first in "
              f"data row {first + 1}: {str(texts.iloc[first])!r}): left without {what}", file=sys.stderr)


class InputError(ValueError):
    """An input file classify cannot read: the message names the file, the line and what to do."""


#: Beginnings of files that are no CSV, and what to do with them.
_NOT_CSV: tuple[tuple[bytes, str], ...] = (
    (b"PAR1", "a Parquet file, not a CSV: classify the statements.csv next to it (the statements.parquet twin "
              "gets the same labels)"),
    (b"%PDF", "a PDF, not a CSV: run toolkit extract on reports, then classify the statements.csv it writes"),
    (b"\xd0\xcf\x11\xe0", "an Office 97-2003 file (.xls, .doc), not a CSV: in Excel, save it as 'CSV UTF-8 "
                          "(Comma delimited)' and classify that"),
)


#: Byte-order marks and the codec each says the file is in (UTF-32's before UTF-16's, whose mark begins its own).
_MARKS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def _read_input(path: str, encoding: str | None = None) -> tuple[pd.DataFrame, bool]:
    """The input CSV as text, one row per record of the file, in order; and whether to write a byte-order mark.

    The bytes are UTF-8 (with or without a byte-order mark), UTF-16 with a
    byte-order mark (Excel's 'Unicode text', tab-separated; UTF-32 with one
    too), or in
    ``encoding``; anything else is refused with a message that says what the
    file looks like (GBK from Excel, an .xlsx workbook, a PDF, a Parquet
    file) and what to do.  A file beginning with the byte-order mark of
    another codec than ``encoding`` is read in the mark's, as ``toolkit
    extract`` reads a report (Excel's 'CSV UTF-8' passed with ``--encoding
    gbk`` by habit).  A header line with tabs and no comma makes the
    file tab-separated.

    The records are parsed strictly (Python's ``csv`` module,
    ``strict=True``), never guessed at: a record with more fields than the
    header (a text with an unquoted comma) or a field that opens a double
    quote and goes on after closing it (``"放管服"改革``: CSV writes
    ``\"\"\"放管服\"\"改革\"``) is refused with its line, where pandas would
    shift the columns or drop the quotes without a word.  N records in give N
    rows out.

    In a CSV of one column (a text per line) a blank line is a statement with
    empty text; blank lines above the header, and after the last text (an
    editor's leftovers), are no rows, but a quoted empty text (``""``, as
    pandas writes one) is a row.  With several columns a blank line is no
    row, and a record with fewer fields than the header gets ``''`` for the
    missing ones.  Column names are kept as written (``''``, a name twice).

    Returns
    -------
    frame : pandas.DataFrame
    bom : bool
        True when the output should begin with a UTF-8 byte-order mark: the
        input had one, or was not UTF-8 (both mean Excel).

    Raises
    ------
    InputError
        Naming the file (and the line) and the problem.
    OSError
        If the file cannot be read.
    """
    with open(path, "rb") as fh:
        data = fh.read()
    text, bom = _decode(data, path, encoding)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    return _parse_csv(text, path, delimiter), bom


def _decode(data: bytes, path: str, encoding: str | None) -> tuple[str, bool]:
    """The text of a CSV file's bytes, and whether it had a byte-order mark or another codec than UTF-8."""
    for magic, what in _NOT_CSV:
        if data.startswith(magic):
            raise InputError(f"{path}: {what}")
    if data.startswith(b"PK\x03\x04"):
        if b"xl/" in data[:65536] or path.lower().endswith((".xlsx", ".xlsm")):
            raise InputError(f"{path}: an Excel workbook (.xlsx), not a CSV: in Excel, save it as 'CSV UTF-8 "
                             "(Comma delimited)' (文件 > 另存为 > CSV UTF-8) and classify that")
        raise InputError(f"{path}: a ZIP archive (a .docx or .xlsx?), not a CSV")
    marked = next((codec for mark, codec in _MARKS if data.startswith(mark)), None)
    if marked is not None and encoding not in (None, marked, marked[:6], f"{marked}-sig"):
        # Excel's 'CSV UTF-8' passed with --encoding gbk by habit: the mark says what the file is, as toolkit
        # extract takes it (decoding._codec_given); read in the codec given it was mojibake or a refusal
        encoding = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {encoding} (byte {exc.start}: 0x{data[exc.start:exc.start + 2].hex()})"
                             ) from None
        return text.removeprefix("\ufeff"), encoding not in ("utf-8", "ascii") or text.startswith("\ufeff")
    # read by its mark (utf-16 and utf-32 take either byte order from it; UTF-16 with one is Excel's 'Unicode text')
    codec = "utf-8" if marked is None else "utf-8-sig" if marked == "utf-8" else marked[:6]
    try:
        return data.decode(codec).removeprefix("\ufeff"), codec != "utf-8"
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: {_not_utf8(data, codec, exc)}") from None


def _not_utf8(data: bytes, codec: str, exc: UnicodeDecodeError) -> str:
    """What a file that is not in ``codec`` looks like, and what to pass."""
    where = f"byte {exc.start}: 0x{data[exc.start:exc.start + 2].hex()}"
    if codec != "utf-8":
        return f"begins with a {codec} byte-order mark but is not valid {codec} ({where})"
    if b"\x00" in data[:4096]:
        return (f"not UTF-8 ({where}); its NUL bytes look like UTF-16 without a byte-order mark: pass --encoding "
                "utf-16-le (or utf-16-be)")
    # GBK, GB18030 or Big5, told apart as toolkit extract tells a text report's (Big5 reads as GB18030 too, as
    # kana and rare characters: '獺そ秨キ' for '資訊公開')
    from toolkit.decoding import _decode_gb

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (too little to tell: the guess is only advice)
        found = _decode_gb(data, mixed=False)
    if found is not None:
        guess = found[1]
        windows = "traditional Chinese Windows" if guess.startswith("big5") else "Chinese Windows"
        return (f"not UTF-8 ({where}): looks like {guess.upper()} (Excel's 'CSV' on {windows}): pass "
                f"--encoding {guess}, or save it as 'CSV UTF-8' in Excel")
    return f"not UTF-8 ({where}): pass --encoding with its codec (e.g. big5, gb18030, utf-16)"


def _parse_csv(text: str, path: str, delimiter: str = ",") -> pd.DataFrame:
    """Parse a decoded CSV text strictly (see :func:`_read_input`)."""
    lines: list[str] = []  # the lines of the record being read

    def physical() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            lines.append(line)
            yield line

    reader = csv.reader(physical(), delimiter=delimiter, strict=True)
    # (first line, fields, whether its lines are blank): a quoted empty text '""' is a record, not a blank line
    records: list[tuple[int, list[str], bool]] = []
    limit = csv.field_size_limit(2**31 - 1)  # a statement may be long; pandas has no such limit
    start = 1
    try:
        for record in reader:
            records.append((start, record, not "".join(lines).strip()))
            lines.clear()
            start = reader.line_num + 1
    except csv.Error as exc:
        if "expected after" in str(exc):
            raise InputError(
                f"{path} line {reader.line_num}: a field that begins with a double quote goes on after the quote "
                f"closes ({exc}); a text holding quotes must be quoted whole with the quotes inside doubled, "
                f'"""放管服""改革" for "放管服"改革 (as Excel and pandas write it)'
            ) from None
        if "end of data" in str(exc):
            raise InputError(f"{path} line {start}: a double quote opened here is never closed") from None
        raise InputError(f"{path} line {reader.line_num}: not a CSV record ({exc})") from None
    finally:
        csv.field_size_limit(limit)
    # blank lines above the header are skipped (with one cut, not one at a time: thousands of them)
    records = records[next((i for i, (_, _, blank) in enumerate(records) if not blank), len(records)):]
    if not records:
        raise InputError(f"{path}: the file is empty (a CSV needs a header line naming its columns)")
    header = records[0][1]
    if len(header) == 1:
        # a text per line: a blank line is a statement with empty text, but not after the last text
        end = len(records)
        while end > 1 and records[end - 1][2]:
            end -= 1
        records = records[:end]
    rows = [(line, fields) for line, fields, _ in records[1:]]
    if len(header) == 1:
        rows = [(line, fields or [""]) for line, fields in rows]
    else:
        rows = [(line, fields) for line, fields in rows if fields]  # a blank line is no row of several columns
    width = len(header)
    for line, fields in rows:
        if len(fields) > width:
            sep = "a tab" if delimiter == "\t" else f"the delimiter {delimiter!r}"
            raise InputError(
                f"{path} line {line}: {len(fields)} fields, but the header has {width} "
                f"({delimiter.join(header)}): a text holding {sep} must be in double quotes"
            )
    data = [fields + [""] * (width - len(fields)) for _, fields in rows]
    return pd.DataFrame(data, columns=header, dtype=str) if data else pd.DataFrame(columns=header, dtype=str)


def _parquet_twin(out: pd.DataFrame, path: str, probabilities: Sequence[str]
                  ) -> tuple[str, Callable[[str], object]] | None:
    """The statements.parquet next to ``path`` with the labels of ``out``, if it is their twin: its path and writer.

    An extract run writes statements.csv and statements.parquet side by side.
    Only that file, and only when it holds the statements labelled (the same
    ``report_id``, ``seq``, ``kind`` and ``text``, in order), is rewritten:
    its own columns are kept (a missing text stays missing, where the CSV
    has ``''``), ``labels`` replaced and the ``p_<key>`` columns added, with
    the Parquet schema ``toolkit extract`` writes (Arrow ``string``, not the
    ``large_string`` of pandas 3, which other runs' files could not be
    concatenated with).  ``probabilities`` are the ``p_<key>`` columns of
    ``out`` written by this run; the twin's earlier ones are dropped (its
    columns are conformed to the documented ones).  Returns None where there is
    no twin to rewrite (saying why on stderr when there is a file), else the
    path and a function that writes the new twin to a given path.
    """
    import pyarrow as pa

    # the documented dtypes of statements.parquet; read and written as open files (a folder named in GBK)
    from toolkit.corpus import _arrow_schema, _conform, _read_parquet, _write_parquet

    twin = os.path.join(os.path.dirname(path), "statements.parquet")
    if not os.path.isfile(twin) or os.path.abspath(twin) == os.path.abspath(path):
        return None
    try:
        frame = _conform(_read_parquet(twin), "statements")
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        print(f"toolkit classify: {twin} left as it is: cannot read it ({exc})", file=sys.stderr)
        return None
    new = _conform(out, "statements")
    keys = ["report_id", "seq", "kind", "text"]
    if not _as_text(frame[keys]).equals(_as_text(new[keys])):
        print(f"toolkit classify: {twin} left as it is: it does not hold the statements labelled",
              file=sys.stderr)
        return None
    frame["labels"] = new["labels"]
    # the p_<key> columns this run wrote (with --probabilities); other columns of the CSV are not the twin's
    extra = [col for col in probabilities if col not in frame.columns]
    for col in extra:
        frame[col] = pd.to_numeric(out[col], errors="coerce")
    schema = _arrow_schema("statements", extra)
    table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False).replace_schema_metadata(schema.metadata)
    return twin, lambda part: _write_parquet(table, part)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns as text, missing as '' (what the CSV has for it), on a fresh index: comparable across twins."""
    return frame.astype("string").fillna("").reset_index(drop=True)


def configure_evaluate(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``toolkit evaluate`` to a (sub)parser.

    Parameters
    ----------
    parser : argparse.ArgumentParser

    Examples
    --------
    >>> import argparse
    >>> p = argparse.ArgumentParser(prog="toolkit evaluate")
    >>> configure_evaluate(p)
    >>> p.parse_args([]).n_splits
    5
    """
    parser.description = (
        "Cross-validate the majority baseline, the lexicon classifier and the supervised classifier "
        "against the hand coding and print them side by side: the packaged annotations, or your own coding "
        "(--data), of the packaged codebook's categories or your own (--codebook)."
    )
    parser.add_argument(
        "--data", nargs="+", default=None, metavar="JSONL",
        help="coded statements ({source, text, labels} a line, kind optional); default: the packaged annotations. "
        "Statements whose source starts with 'constructed:' are used for training only.",
    )
    parser.add_argument(
        "--codebook", default=None, metavar="YAML",
        help="your own codebook, a YAML of the packaged codebook's shape (toolkit/data/classify/codebook.yaml): "
        "the --data labels must be its keys, and the systems are scored over them (the lexicon with its keywords, "
        "the supervised model with its keys as classes; its lexicon features stay the packaged codebook's).  "
        "Needs --data",
    )
    parser.add_argument("--n-splits", type=int, default=5, help="folds (default: 5)")
    parser.add_argument("--n-repeats", type=int, default=3, help="repeats (default: 3)")
    parser.add_argument("--random-state", type=int, default=0, help="seed (default: 0)")
    parser.add_argument(
        "--scheme", choices=("stratified", "grouped", "both"), default="both",
        help="stratified k-fold, grouped by source report, or both (default)",
    )
    parser.add_argument(
        "--n-bootstrap", type=int, default=1000,
        help="resamples of the 95%% bootstrap interval of the macro F1 (whole reports in the grouped scheme; "
        "default: 1000; 0 skips it)",
    )
    parser.add_argument("--out", default=None, help="write the per-category results to this CSV")
    parser.add_argument(
        "--predictions", default=None, metavar="CSV",
        help="write the out-of-fold predictions (scheme, system, repeat, statement, source, text, labels, predicted) "
        "to this CSV, to audit the errors",
    )
    parser.add_argument(
        "--learning-curve", nargs="*", type=float, default=None, metavar="FRACTION",
        help="also score the supervised model trained on shares of each training fold (of its reports in the "
        "grouped scheme): how the scores grow with more hand coding (default shares: 0.25 0.5 0.75 1)",
    )


def _read_data(paths: list[str] | None, codebook: Codebook | None = None) -> pd.DataFrame:
    """The coded statements of ``--data`` (default: the packaged annotations); a ValueError names a file that
    holds none (an empty file was no error, its statements only missing from the scores, or with no other file
    '--n-splits=5 is more than the 0 statements to test')."""
    if paths is None:
        return load_annotations()
    frames = [read_annotations(path, codebook=codebook) for path in paths]
    for path, frame in zip(paths, frames):
        if frame.empty:
            raise ValueError(f"{path}: no coded statement in it (it is empty, or holds only blank lines); give "
                             "JSONL files of one statement a line")
    return pd.concat(frames, ignore_index=True)


def run_evaluate(args: argparse.Namespace) -> int:
    """Run ``toolkit evaluate``: print the systems side by side (and write a CSV).

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by a parser set up with :func:`configure_evaluate`.

    Returns
    -------
    int
        0 on success, 2 on unreadable data or bad arguments.
    """
    from toolkit.classify.evaluation import _default_systems, evaluate, learning_curve

    codebook_path = getattr(args, "codebook", None)
    if codebook_path is not None and args.data is None:
        return _error("evaluate", "--codebook needs --data: the packaged annotations are coded with the packaged "
                                  "codebook")
    if problem := _input_overwritten([("--out", args.out), ("--predictions", args.predictions)],
                                     [("--data", args.data), ("--codebook", codebook_path)]):
        return _error("evaluate", problem)  # now, not after the cross-validation, when the coding is lost
    try:
        codebook = _codebook(codebook_path)
        data = _read_data(args.data, codebook)
    except OSError as exc:
        return _error("evaluate", _unreadable(exc))
    except ValueError as exc:
        return _error("evaluate", _label_error(exc, codebook_path))
    # an own codebook: its keys, and its keywords for the lexicon (the default systems know the packaged ones)
    classes = None if codebook is None else list(codebook.keys)
    systems = None if codebook is None else _default_systems(list(codebook.keys), args.random_state, codebook.lexicon)
    if args.n_bootstrap < 0:
        return _error("evaluate", f"--n-bootstrap must be >= 0, got {args.n_bootstrap}")
    if args.learning_curve and not all(0 < f <= 1 for f in args.learning_curve):
        return _error("evaluate", f"--learning-curve shares must be in (0, 1], got {args.learning_curve}")
    if args.out and args.predictions and _same_file(args.out, args.predictions):
        # the predictions were written over the per-category results, which were lost without a word
        return _error("evaluate", f"--out {args.out} and --predictions {args.predictions} are one file: give each "
                                  "its own path")
    for option, path in (("--out", args.out), ("--predictions", args.predictions)):
        # now, not after minutes of cross-validation whose results were then lost
        if path is not None and (problem := (f"{option} is an empty string" if not path
                                             else _prepare_output(path, option))):
            return _error("evaluate", problem)
    schemes = ["stratified", "grouped"] if args.scheme == "both" else [args.scheme]
    long, audit = [], []
    for scheme in schemes:
        try:
            result = evaluate(
                data["text"].tolist(), data["labels"].tolist(),
                n_splits=args.n_splits, n_repeats=args.n_repeats, random_state=args.random_state,
                groups=data["source"].tolist() if scheme == "grouped" else None,
                train_only=data["origin"].eq("constructed").tolist(), n_bootstrap=args.n_bootstrap,
                classes=classes, systems=systems,
            )
        except (ValueError, TypeError) as exc:
            return _error("evaluate", _in_option_words(str(exc)))
        what = "folds keep each source report apart" if scheme == "grouped" else "stratified on the rarest label"
        print(
            f"== {scheme}: {result.n_splits}-fold x{result.n_repeats} ({what}); "
            f"{result.n_statements} statements tested, {result.n_train_only} training-only"
        )
        summary = result.summary.set_index("system")[
            ["macro_precision", "macro_recall", "macro_f1", "macro_f1_std", "macro_f1_low", "macro_f1_high",
             "micro_f1", "mean_kappa"]
        ]
        print(summary.round(3).to_string())
        unit = "reports" if scheme == "grouped" else "statements"
        if args.n_bootstrap and result.summary["macro_f1_low"].isna().all():
            # evaluate draws none from fewer than 10 units: say so, rather than print intervals of nan
            print(f"(no bootstrap interval: fewer than 10 {unit} to resample)")
        elif args.n_bootstrap:
            print(f"(macro_f1_low/high: 95% percentile bootstrap interval, {args.n_bootstrap} resamples of the {unit})")
            names = list(result.summary["system"])
            for a, b in zip(names[::-1], names[-2::-1]):  # each system against the one before it
                d = result.compare(a, b)
                print(f"{a} - {b}: {d['difference']:+.3f} [{d['low']:+.3f}, {d['high']:+.3f}], "
                      f"not better in {d['share_not_better']:.1%} of resamples")
        print("F1 per category:")
        print(result.table("f1").round(3).to_string())
        print()
        per = result.per_category.merge(result.confusion, on=["system", "category"])
        per.insert(0, "scheme", scheme)
        long.append(per)
        pred = result.predictions.join(data[["source", "text"]].reset_index(drop=True), on="statement")
        pred.insert(0, "scheme", scheme)
        audit.append(pred[["scheme", "system", "repeat", "statement", "source", "text", "labels", "predicted"]])
        if args.learning_curve is not None:
            try:
                curve = learning_curve(
                    data["text"].tolist(), data["labels"].tolist(),
                    fractions=args.learning_curve or (0.25, 0.5, 0.75, 1.0),
                    n_splits=args.n_splits, n_repeats=args.n_repeats, random_state=args.random_state,
                    groups=data["source"].tolist() if scheme == "grouped" else None,
                    train_only=data["origin"].eq("constructed").tolist(), classes=classes,
                )
            except (ValueError, TypeError) as exc:
                return _error("evaluate", _in_option_words(str(exc)))
            print(f"Learning curve ({scheme}, supervised):")
            print(curve.round(3).to_string(index=False))
            print()
    # whole or not at all, as classify writes (a Ctrl-C or a full disk in the middle left half a CSV in place)
    outputs = ((args.out, long), (args.predictions, audit))
    writers = {_through_link(path): _csv_writer(frames) for path, frames in outputs if path}
    try:
        _write_together(writers)
    except OSError as exc:
        return _error("evaluate", str(exc))
    return 0


def _csv_writer(frames: list[pd.DataFrame]) -> Callable[[str], object]:
    """A function writing the rows of ``frames`` as one UTF-8 CSV to a given path (see :func:`_write_together`)."""
    return lambda part: _write_text(part, _csv_text(pd.concat(frames, ignore_index=True)), "utf-8")
