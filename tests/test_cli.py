"""Tests of the command line (toolkit.cli, python -m toolkit)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from toolkit import __version__, cli, corpus
from toolkit.errors import ReadError
from toolkit.summary import summarize
from test_corpus import (RAW, RAW_REPORTS, check_bad_rows, fake_parse, memory_parse, write_bad_files,
                         write_fake_corpus)

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def _read_out(out: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in corpus.FRAMES:
        pq = pd.read_parquet(out / f"{name}.parquet")
        csv = pd.read_csv(out / f"{name}.csv", dtype={c: corpus._DTYPES[d] for c, d in corpus._columns(name).items()},
                          keep_default_na=False, na_values=[""])
        assert list(pq.columns) == list(corpus._columns(name)), name
        assert list(csv.columns) == list(corpus._columns(name)), name
        # CSV cannot tell '' from NA (a blank cell's raw is ''): compare with '' read as NA
        text_cols = [c for c, d in corpus._columns(name).items() if d == "string"]
        as_csv = pq.copy()
        for c in text_cols:
            as_csv[c] = as_csv[c].where(as_csv[c] != "", None).astype(corpus._DTYPES["string"])
        pd.testing.assert_frame_equal(csv, as_csv, check_dtype=False, obj=name)
        frames[name] = pq
    return frames


def test_extract_real_seeds_and_bad_files(tmp_path: Path) -> None:
    expected, limit = write_bad_files(tmp_path / "bad")
    out = tmp_path / "out"
    proc = _run("extract", str(RAW), str(tmp_path / "bad"), "--out", str(out), "--jobs", "2",
                "--max-bytes", str(limit), "--quiet")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr == ""  # --quiet: nothing on stderr
    frames = _read_out(out)
    reports = frames["reports"]
    assert len(reports) == len(RAW_REPORTS) + len(expected)
    check_bad_rows(reports, expected)
    assert list(reports["report_id"]) == sorted(reports["report_id"])
    # same content as the Python API
    api = corpus.extract_corpus([RAW, tmp_path / "bad"], jobs=1, max_bytes=limit)
    api["reports"]["error"] = cli._in_option_words(api["reports"])  # (the CLI's rows name --max-bytes)
    for name in corpus.FRAMES:
        # pandas.read_parquet gives the documented dtypes back (Int64, boolean, string): no astype needed
        pd.testing.assert_frame_equal(frames[name], api[name], obj=name)
    # reports.flags lists the codes in flags.csv order
    flags = frames["flags"]
    for rid, codes in zip(reports["report_id"], reports["flags"]):
        listed = list(dict.fromkeys(flags.loc[flags["report_id"] == rid, "code"]))
        assert (codes.split(";") if isinstance(codes, str) and codes else []) == listed, rid
    # --strict: exit 1 because some files failed
    assert cli.main(["extract", str(tmp_path / "bad" / "empty.txt"), "--out", str(tmp_path / "o2"), "--strict",
                     "--quiet"]) == 1
    assert pd.read_csv(tmp_path / "o2" / "reports.csv")["status"].tolist() == ["failed"]


def test_timeout_and_crash_through_the_cli(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path / "in", 4)
    (tmp_path / "in" / "hang.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "in" / "crash.txt").write_text("x\n", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--timeout", "1", "--jobs", "2",
                     "--quiet"], _parse=fake_parse)
    assert code == 0
    rep = pd.read_csv(out / "reports.csv").set_index("report_id")
    assert len(rep) == 6
    assert rep.loc["hang", "error"] == "timeout after 1s"
    assert rep.loc["crash", "error"] == "worker crashed: exit code 3"
    assert set(rep.drop(index=["hang", "crash"])["status"]) <= {"ok", "partial"}
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--timeout", "1", "--quiet",
                     "--strict"], _parse=fake_parse) == 1
    assert not list(out.glob("*.part"))
    import pyarrow.parquet as pq

    assert pq.ParquetFile(out / "tables.parquet").metadata.num_row_groups == 1  # rows buffered, not 1 group/batch


def test_rows_of_a_command_line_run_name_the_options_typed(tmp_path: Path) -> None:
    # A file over --max-bytes or --max-memory got 'pass a larger max_bytes / max_memory to read it': the Python
    # arguments, not the options the user typed (a search of --help for max_bytes finds nothing)
    write_fake_corpus(tmp_path / "in", 2)
    big = tmp_path / "in" / "r09big.txt"
    big.write_text("1\n" * 5000, encoding="utf-8")
    hog = tmp_path / "in" / "r08memory.txt"
    hog.write_text("x\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--max-bytes", "2000",
                     "--max-memory", "1G", "--quiet"], _parse=memory_parse) == 0
    err = pd.read_csv(out / "reports.csv").set_index("report_id")["error"]
    assert err["r09big"] == (f"{big}: file is 10000 bytes, larger than the limit --max-bytes=2000 (pass a larger "
                             f"--max-bytes to read it)")
    assert err["r08memory"] == (f"{hog}: out of memory: the file needs more than the limit --max-memory={2**30} "
                                f"(pass a larger --max-memory to read it)")


def test_an_undecodable_file_s_row_names_the_encoding_option(tmp_path: Path) -> None:
    # 'pass encoding= if you know the codec': the Python argument; the command's option is --encoding
    bad = tmp_path / "r01.txt"
    bad.write_bytes("一、总体情况 ".encode("utf-8") + b"\x80\x80\xff\xfe text")
    out = tmp_path / "out"
    assert cli.main(["extract", str(bad), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    error = pd.read_csv(out / "reports.csv")["error"][0]
    assert error.startswith(f"{bad}: cannot decode the bytes") and error.endswith("; pass --encoding if you know "
                                                                                 "the codec"), error


def test_a_flag_s_detail_names_the_encoding_option(tmp_path: Path) -> None:
    # an encoding_uncertain flag's detail in flags.csv said 'pass encoding= if you know the codec' (the Python
    # argument) where the run's reports.error says 'pass --encoding': a command-line user has no encoding=
    utf16 = tmp_path / "r01.txt"
    utf16.write_bytes("暂无内容".encode("utf-16-le"))  # no BOM, no NUL byte: read as UTF-16, flagged
    out = tmp_path / "out"
    assert cli.main(["extract", str(utf16), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    flags = pd.read_csv(out / "flags.csv")
    detail = flags.loc[flags["code"] == "encoding_uncertain", "detail"].tolist()
    assert len(detail) == 1 and detail[0].endswith("; pass --encoding if you know the codec"), detail
    # (extract_corpus's flags keep the Python argument)
    api = corpus.extract_corpus([utf16], jobs=1)["flags"]
    assert api.loc[api["code"] == "encoding_uncertain", "detail"].str.endswith("pass encoding= if you know the "
                                                                               "codec").all()


def test_progress_bar_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    write_fake_corpus(tmp_path / "in", 3)
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"],
                    _parse=fake_parse) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "3/3" in captured.err and "3 report(s), 0 failed" in captured.err


@pytest.mark.parametrize("stderr", ["2>&-", "2>/dev/full"], ids=["closed", "full"])
def test_a_run_whose_standard_error_cannot_be_written_still_writes_its_files(tmp_path: Path, stderr: str) -> None:
    # The progress bar's first write failed and ended the run (exit 1, nothing written): a cron job with
    # standard error closed, a log on a full disk.
    if stderr.endswith("full") and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    out = tmp_path / "out"
    seeds = " ".join(f"'{p}'" for p in RAW_REPORTS[:2])
    proc = subprocess.run(f"exec '{sys.executable}' -m toolkit extract {seeds} '{tmp_path / 'none.txt'}' "
                          f"--out '{out}' --jobs 1 {stderr}", shell=True, cwd=ROOT, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0
    assert list(pd.read_csv(out / "reports.csv")["status"]) == ["partial", "partial", "failed"]


def test_empty_corpus_writes_empty_files_with_headers(tmp_path: Path) -> None:
    # an empty folder named is an input that failed (its row says why); the other files have no row
    (tmp_path / "in").mkdir()
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    for name in corpus.FRAMES[1:]:
        header = (tmp_path / "out" / f"{name}.csv").read_text(encoding="utf-8").strip()
        assert header == ",".join(corpus._columns(name))
        assert len(pd.read_parquet(tmp_path / "out" / f"{name}.parquet")) == 0
    assert pd.read_csv(tmp_path / "out" / "reports.csv")["status"].tolist() == ["failed"]


def test_csv_only(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path / "in", 2)
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet",
                     "--format", "csv"], _parse=fake_parse) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{n}.csv" for n in corpus.FRAMES)


def test_rerun_with_one_format_removes_the_earlier_runs_other_format(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    (out).mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")  # not an output name: left alone
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--quiet"], _parse=fake_parse) == 0
    assert (out / "reports.parquet").exists()
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--quiet", "--format", "csv"],
                    _parse=fake_parse) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n}.csv" for n in corpus.FRAMES] + ["notes.txt"])
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--quiet", "--format", "parquet"],
                    _parse=fake_parse) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n}.parquet" for n in corpus.FRAMES] + ["notes.txt"])


def test_version_through_python_m() -> None:
    proc = _run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"toolkit {__version__}"


def test_help_lists_the_options(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for option in ("--out", "--jobs", "--quiet", "--strict", "--timeout", "--backend", "--scheduler", "--max-bytes",
                   "--max-memory"):
        assert option in out


def test_every_command_says_what_it_does_in_its_help() -> None:
    # `toolkit dictionary --help` gave the usage line alone: the one line of the overview was not repeated there
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"extract", "summary", "dictionary"} <= set(commands)
    for name, sub in commands.items():
        assert (sub.description or "").strip(), f"toolkit {name} --help has no description"


def test_dictionary_command_matches_docs(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["dictionary"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("argv", "message"), [
    # 0 and -1 are 'as many as possible' to xargs -P and joblib: the error says how to ask for all cores
    (["extract", "x", "--out", "o", "--jobs", "0"], "expected a positive integer, got '0' (leave out --jobs to use all "
                                                   "cores)"),
    (["extract", "x", "--out", "o", "--jobs", "-1"], "got '-1' (leave out --jobs to use all cores)"),
    (["extract", "x", "--out", "o", "--timeout", "-3"], "expected a positive number of seconds, got '-3'"),
    (["extract", "x", "--out", "o", "--backend", "spark"], "invalid choice: 'spark'"),
    (["extract", "x", "--out", "o", "--backend", "dask"], "--scheduler ADDR is required with --backend dask"),
    # a scheduler without the dask backend was unused (the run local, unsaid); a memory limit with it a traceback
    (["extract", "x", "--out", "o", "--scheduler", "tcp://127.0.0.1:8786"], "--scheduler ADDR goes with --backend dask"),
    (["extract", "x", "--out", "o", "--backend", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--max-memory", "9"],
     "--max-memory limits the workers of the local backend"),
    # --excel marks the CSV files: with no CSV written it did nothing, unsaid
    (["extract", "x", "--out", "o", "--format", "parquet", "--excel"], "--excel marks the CSV files"),
    (["extract", "x"], "the following arguments are required: --out"),
    (["extract", "x", "", "--out", "o"], "argument INPUT: input 2 is an empty string"),
    (["summary", ""], "argument INPUT: input 1 is an empty string"),
    # a dash is standard input to a Unix tool: said so at once, not a run whose one row is '-: file not found'
    (["extract", "-", "--out", "o"], "argument INPUT: '-' (standard input) is not read"),
    (["summary", "x.txt", "-"], "a file named '-' is given as ./-"),
    # an unset shell variable (--out "$OUT"): said so, not "cannot write the output to --out : No such file"
    (["extract", "x", "--out", ""], "argument --out: an empty string"),
    # a quoted '~/out' (no shell expands '~' in quotes) made a folder named '~' in the current one, and wrote there
    (["extract", "x", "--out", "~/out"], "argument --out: '~/out' begins with '~', which no shell expanded (it was in "
                                          f"quotes): give the folder as {Path.home() / 'out'}, or a folder named '~' "
                                          f"as ./~/out"),
    (["extract", "x", "--out", "o", "--encoding", "klingon"], "encoding must be a known text codec"),
])
def test_bad_arguments_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_max_memory_where_it_cannot_be_kept_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # macOS and Windows have no /proc/self/statm: '--max-memory 2G' ended in a traceback (ValueError: max_memory
    # limits the local backend's workers, on Linux only, raised by the run), after --out was made
    real_exists = os.path.exists
    monkeypatch.setattr(os.path, "exists", lambda path: path != "/proc/self/statm" and real_exists(path))
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--max-memory", "2G", "--quiet"])
    assert exc.value.code == 2 and not out.exists()
    err = capsys.readouterr().err
    assert "--max-memory reads the workers' memory from /proc, which only Linux has" in err, err


@pytest.mark.parametrize(("text", "value"), [
    ("1073741824", 2**30), ("2G", 2 * 2**30), ("512M", 512 * 2**20), ("512m", 512 * 2**20), ("64k", 64 * 2**10),
    ("1.5G", 3 * 2**29), ("2GiB", 2 * 2**30), ("2GB", 2 * 2**30), ("1T", 2**40), (" 2G ", 2 * 2**30), ("100B", 100)])
def test_a_size_takes_the_suffixes_a_user_types(text: str, value: int) -> None:
    # '--max-memory 2G' was a usage error ('expected a positive integer'): the suffixes of ulimit, sort -S and
    # docker --memory (binary: K = 1024) are what a user types for a size
    args = cli.build_parser().parse_args(["extract", "x", "--out", "o", "--max-memory", text, "--max-bytes", text])
    assert args.max_memory == value and args.max_bytes == value


@pytest.mark.parametrize("text", ["0", "0G", "-1G", "G", "2X", "2 G B", "1e3", "inf", "nan", "0.1B", "lots"])
def test_a_size_that_is_no_size_is_a_usage_error(text: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "x", "--out", "o", f"--max-memory={text}"])  # (=: argparse takes -1G for an option)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --max-memory: expected a positive number of bytes, such as 512M or 2G, got {text!r}" in err


@pytest.mark.parametrize("argv", [
    ["extract", "x", "--out", "o", "--backend", "dask"],
    ["extract", "x", "--out", ""],
    ["extract", "x", "", "--out", "o"],
    ["summary", ""],
])
def test_checks_after_parsing_show_the_subcommands_usage(argv: list[str], capsys: pytest.CaptureFixture) -> None:
    # an error about an option of extract (summary) shows that subcommand's usage, as argparse's own errors do,
    # not the top-level 'usage: toolkit [-h] [--version] COMMAND ...', which names none of its options
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith(f"usage: toolkit {argv[0]} ") and f"toolkit {argv[0]}: error: " in err


@pytest.mark.parametrize("codec", ["klingon", "base64"])
def test_an_unknown_codec_on_the_command_line_is_named_and_no_none_is_offered(
        codec: str, capsys: pytest.CaptureFixture) -> None:
    # the API's message offers None (encoding=None), which no command line can give: the CLI says to leave
    # the option out instead
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "x", "--out", "o", "--encoding", codec])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "Traceback" not in err
    assert "argument --encoding: encoding must be a known text codec" in err and repr(codec) in err
    assert "None" not in err and "leave out --encoding" in err


def test_classify_and_evaluate_are_wired_when_present() -> None:
    module = cli._classify_cli()
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if module is None:
        assert "classify" not in commands and "evaluate" not in commands
        pytest.skip("toolkit.classify._cli is not there yet")
    assert "classify" in commands and "evaluate" in commands
    for sub in ("classify", "evaluate"):
        with pytest.raises(SystemExit) as exc:
            cli.main([sub, "--help"])
        assert exc.value.code == 0


@pytest.mark.parametrize("option, value, said", [
    ("--n-splits", "1", "--n-splits must be an int >= 2, got 1"),
    ("--n-repeats", "0", "--n-repeats must be an int >= 1, got 0"),
    ("--n-splits", "100000", "--n-splits=100000 is more than the"),
    ("--random-state", "-1", "--random-state must be an int in [0, "),
])
def test_evaluate_names_the_option_of_a_bad_value(option: str, value: str, said: str,
                                                  capsys: pytest.CaptureFixture) -> None:
    # the evaluation's message named its Python argument ('n_splits must be an int >= 2'), no option of --help
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    assert cli.main(["evaluate", option, value, "--n-bootstrap", "0", "--scheme", "stratified"]) == 2
    err = capsys.readouterr().err
    assert said in err and not re.search(r"(?<!-)\b(n_splits|n_repeats|random_state)\b", err), err


@pytest.mark.parametrize("empty", ["", "\n\n"])
def test_evaluate_names_a_data_file_with_no_statement(empty: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    # an empty --data file (or one of blank lines) beside the seeds' coding was read as no statements without a
    # word (alone: '--n-splits=5 is more than the 0 statements to test', naming no file)
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    from toolkit.classify import load_annotations

    coded = tmp_path / "seed.jsonl"
    seed = load_annotations("seed")
    coded.write_text("".join(json.dumps({"source": row.source, "text": row.text, "labels": row.labels},
                                        ensure_ascii=False) + "\n" for row in seed.itertuples()), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(empty, encoding="utf-8")
    for data in ([str(tmp_path / "more.jsonl")], [str(coded), str(tmp_path / "more.jsonl")]):
        assert cli.main(["evaluate", "--data", *data, "--n-bootstrap", "0", "--scheme", "stratified"]) == 2
        err = capsys.readouterr().err
        assert err == (f"toolkit evaluate: error: {tmp_path / 'more.jsonl'}: no coded statement in it (it is empty, "
                       "or holds only blank lines); give JSONL files of one statement a line\n"), err


@pytest.mark.parametrize("predictions", ["results.csv", "./results.csv", "link.csv"])
def test_evaluate_refuses_one_file_for_both_outputs(predictions: str, tmp_path: Path, capsys: pytest.CaptureFixture,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # 'toolkit evaluate --out X --predictions X' wrote the predictions over the per-category results, silently
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "results.csv").write_text("kept\n")
    (tmp_path / "link.csv").symlink_to(tmp_path / "results.csv")
    assert cli.main(["evaluate", "--n-bootstrap", "0", "--scheme", "stratified", "--n-repeats", "1",
                     "--out", "results.csv", "--predictions", predictions]) == 2
    err = capsys.readouterr().err
    assert f"--out results.csv and --predictions {predictions} are one file" in err, err
    assert (tmp_path / "results.csv").read_text() == "kept\n"  # refused before anything is written


@pytest.mark.parametrize("command", [
    ["classify", "in.csv", "--model", "lexicon", "--train", "coded.jsonl", "--out", "./coded.jsonl"],
    ["classify", "in.csv", "--train", "other.jsonl", "--train", "coded.jsonl", "--out", "link.jsonl"],
    ["evaluate", "--data", "coded.jsonl", "--out", "coded.jsonl"],
    ["evaluate", "--data", "coded.jsonl", "--out", "results.csv", "--predictions", "link.jsonl"],
])
def test_classify_and_evaluate_refuse_an_output_over_an_input(command: list[str], tmp_path: Path,
                                                              capsys: pytest.CaptureFixture,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # 'toolkit classify --train coded.jsonl --out coded.jsonl' (or evaluate --data X --out X) wrote the CSV over
    # the hand coding it read: refused before anything is read or written
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    monkeypatch.chdir(tmp_path)
    lines = (ROOT / "data" / "annotations" / "seed_statements.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    coded = "\n".join(lines) + "\n"
    (tmp_path / "coded.jsonl").write_text(coded, encoding="utf-8")
    (tmp_path / "other.jsonl").write_text(coded, encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "coded.jsonl")
    (tmp_path / "in.csv").write_text("text\n信息更新不及时\n", encoding="utf-8")
    extra = ["--n-bootstrap", "0", "--scheme", "stratified", "--n-repeats", "1", "--n-splits", "2"] \
        if command[0] == "evaluate" else []
    assert cli.main(command + extra) == 2
    err = capsys.readouterr().err
    output = command[command.index("--predictions" if "--predictions" in command else "--out") + 1]
    assert f"{output} is the file of --" in err and "coded.jsonl: it would be written over" in err, err
    assert (tmp_path / "coded.jsonl").read_text(encoding="utf-8") == coded
    assert not (tmp_path / "results.csv").exists()


def test_evaluate_stopped_while_writing_leaves_its_outputs_as_they_were(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture) -> None:
    # evaluate wrote --out and --predictions straight into place: a Ctrl-C (or a full disk) in the middle left half a
    # CSV over the earlier results; they are written as classify writes, whole or not at all
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    from toolkit.classify import _cli

    def half(path: str, text: str, encoding: str) -> None:
        with open(path, "w", encoding=encoding) as fh:
            fh.write(text[: len(text) // 2])
        raise KeyboardInterrupt

    monkeypatch.setattr(_cli, "_write_text", half)
    monkeypatch.chdir(tmp_path)
    for name in ("results.csv", "predictions.csv"):
        (tmp_path / name).write_text("kept\n")
    assert cli.main(["evaluate", "--n-bootstrap", "0", "--scheme", "stratified", "--n-repeats", "1",
                     "--out", "results.csv", "--predictions", "predictions.csv"]) == 130
    assert capsys.readouterr().err.endswith("toolkit: stopped by SIGINT\n")
    assert sorted(os.listdir(tmp_path)) == ["predictions.csv", "results.csv"]
    assert (tmp_path / "results.csv").read_text() == (tmp_path / "predictions.csv").read_text() == "kept\n"


def test_classify_and_evaluate_make_the_folder_of_their_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture) -> None:
    # 'toolkit classify --out nodir/x.csv' was refused (its folder does not exist), while extract makes its --out
    # folder: classify and evaluate make the folder of theirs too
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text("text\n信息更新不及时\n", encoding="utf-8")
    assert cli.main(["classify", "in.csv", "--model", "lexicon", "--out", "nodir/sub/x.csv"]) == 0, capsys.readouterr()
    assert pd.read_csv(tmp_path / "nodir" / "sub" / "x.csv")["text"].tolist() == ["信息更新不及时"]
    assert cli.main(["evaluate", "--n-bootstrap", "0", "--scheme", "stratified", "--n-repeats", "1",
                     "--out", "a/results.csv", "--predictions", "b/c/predictions.csv"]) == 0, capsys.readouterr()
    assert (tmp_path / "a" / "results.csv").stat().st_size and (tmp_path / "b" / "c" / "predictions.csv").stat().st_size


def test_seeds_ok_with_real_parser_in_process(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), "--out", str(out), "--quiet",
                     "--jobs", "1"]) == 0
    tables = pd.read_csv(out / "tables.csv")
    row = tables[(tables["table"] == "review_litigation") & (tables["row_key"] == "review")
                 & (tables["col_key"] == "upheld")]
    assert row["value"].tolist() == [4.0]  # seed 001, line 290


def test_summary_subcommand_prints_each_report(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["summary", str(RAW)]) == 0
    out = capsys.readouterr().out
    heads = [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]
    assert heads == sorted(p.stem for p in RAW.iterdir() if p.suffix == ".txt")
    assert "FAILED requests.row_total[handled_total]: expected 99, found 0" in out  # seed 001, as written


def test_summary_prints_each_report_as_it_is_parsed(capsys: pytest.CaptureFixture,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # toolkit summary built the whole text before printing a line: on a folder of thousands of reports nothing for
    # minutes, and a Ctrl-C at the 1000th lost the 999 before it; each report's lines are printed once parsed
    import toolkit.summary

    real = toolkit.summary.parse_report
    seen: list[str] = []

    def parse(path: Any, **kwargs: Any) -> Any:
        seen.append(capsys.readouterr().out)  # what was printed before this report was parsed
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(path, **kwargs)

    monkeypatch.setattr(toolkit.summary, "parse_report", parse)
    seeds = sorted(RAW_REPORTS)[:3]
    assert cli.main(["summary", *map(str, seeds)]) == 130
    assert seen[0] == "" and seen[1].startswith(f"{seeds[0].stem}  ") and seen[2].startswith(f"{seeds[1].stem}  ")
    assert capsys.readouterr().err == "toolkit: stopped by SIGINT\n"


def test_summary_strict_exits_1_when_a_file_failed(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # summary exited 0 when every input failed (a missing file, an earlier run's output folder), with no way to ask
    # otherwise: as with extract, 0 unless --strict, which exits 1 when any file failed; its --help says so
    seed, missing = str(RAW_REPORTS[0]), str(tmp_path / "none.txt")
    assert cli.main(["summary", missing]) == 0
    assert cli.main(["summary", seed, "--strict"]) == 0
    assert cli.main(["summary", missing, "--strict"]) == 1
    assert cli.main(["summary", seed, missing, "--strict"]) == 1
    assert "none  failed: " in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["summary", "--help"])
    assert "exit status is 0 all the same" in " ".join(capsys.readouterr().out.split())


def test_summary_tells_a_soft_check_from_a_failed_identity(tmp_path: Path) -> None:
    # Seed 001 with its 规范性文件 row saying 1 published of 0 in total: the soft check 本年新公开数量 ≤ 对外公开总数量
    # (flagged soft_check_failed, not counted in identities_ok) was printed as "FAILED", as the broken identities
    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    row = "规范性文件 |\n1 |\n1 |\n5 |\n"
    assert text.count(row) == 1
    (tmp_path / "soft.txt").write_text(text.replace(row, row[:-4] + "0 |\n"), encoding="utf-8")
    failed = [line.strip() for line in summarize([tmp_path / "soft.txt"]).splitlines() if "FAILED" in line]
    assert failed[-1] == "FAILED (soft check) active.published_le_total[normative_documents]: expected 1, found 0"
    assert len(failed) == 6 and all(line.startswith("FAILED requests.") for line in failed[:5])  # the identities


def test_summary_takes_the_size_limit_and_the_codec_its_reasons_name(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture) -> None:
    # A file over the size limit, or one no codec decodes, got a summary line saying 'pass a larger max_bytes' or
    # 'pass encoding=', which summary had no way to take: it takes --max-bytes and --encoding as extract does, and
    # its reasons name them
    big = tmp_path / "big.txt"
    big.write_bytes(RAW_REPORTS[0].read_bytes())
    assert cli.main(["summary", str(big), "--max-bytes", "1K"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("big  failed: ") and "--max-bytes=1024 (pass a larger --max-bytes" in line, line
    assert "max_bytes" not in line
    assert cli.main(["summary", str(big), "--max-bytes", "10M"]) == 0
    assert "failed" not in capsys.readouterr().out.splitlines()[0]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(RAW_REPORTS[0].read_text(encoding="utf-8").encode("gb18030"))
    assert cli.main(["summary", str(gbk), "--encoding", "gb18030"]) == 0
    assert summarize([gbk]).splitlines()[0] == capsys.readouterr().out.splitlines()[0]  # as detected: the same
    bad = tmp_path / "bad.txt"
    bad.write_bytes("一、总体情况 ".encode("utf-8") + b"\x80\x80\xff\xfe text")
    assert cli.main(["summary", str(bad)]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("bad  failed: ") and line.endswith("pass --encoding if you know the codec"), line


def test_summary_says_a_files_stray_bytes_as_its_flag_not_as_python_warnings(tmp_path: Path) -> None:
    # seed 000 with a byte that is no UTF-8: stderr had '…/toolkit/__main__.py:7: ReaderWarning: …' and
    # '  raise SystemExit(main())' above the summary, whose line lists the flag bad_bytes (extract prints none)
    data = RAW_REPORTS[0].read_bytes()
    (tmp_path / "stray.txt").write_bytes(data[:3000] + b"\xff" + data[3000:])
    proc = _run("summary", str(tmp_path / "stray.txt"))
    assert proc.returncode == 0 and proc.stderr == ""
    assert "flags: bad_bytes" in proc.stdout, proc.stdout


def test_summary_of_a_file_whose_stem_is_blank(tmp_path: Path) -> None:
    # summary '  .txt' ended in a traceback (ValueError: report_id must not be empty, from the blank stem
    # '  ' given to parse_report as the id); now it is described under the id toolkit extract gives, '  .txt'.
    (tmp_path / "  .txt").write_bytes(RAW_REPORTS[0].read_bytes())
    lines = summarize([tmp_path / "  .txt"]).splitlines()
    assert lines[0].startswith("  .txt  ") and "partial" in lines[0], lines[0]


def test_summary_keeps_a_file_name_with_a_line_break_on_its_line(tmp_path: Path) -> None:
    # A report named 'b\nFAKE.txt' was printed as a line 'b' and a line 'FAKE  <agency> …', two reports to the
    # reader (and a missing 'm\rx.txt' broke its line too); the break is now written '\n', as extract writes it.
    (tmp_path / "b\nFAKE.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    lines = summarize([tmp_path / "b\nFAKE.txt", tmp_path / "m\rx.txt"]).splitlines()
    heads = [line.split("  ")[0] for line in lines if not line.startswith(" ")]
    assert heads == ["b\\nFAKE", "m\\rx"], lines
    assert lines[-1] == "m\\rx  failed: file not found"


def test_summary_writes_large_counts_in_full(tmp_path: Path) -> None:
    # Seed 001 with 1,234,567 new requests from natural persons: the summary's totals and failed checks wrote them
    # as ':g' rounds them, 'new=1.23458e+06', 'expected 1.23458e+06', which a count one more or less shares
    text = (RAW / "001_4d29bfef72dd56db.txt").read_text(encoding="utf-8")
    row = "一、本年新收政府信息公开申请数量 |\n88 |\n11 |\n0 |\n0 |\n0 |\n0 |\n99 | |||\n"
    assert text.count(row) == 1
    (tmp_path / "large.txt").write_text(text.replace(row, row.replace("88 |", "1234567 |").replace("99 |", "1234578 |")),
                                        encoding="utf-8")
    out = summarize([tmp_path / "large.txt"])
    assert "requests (total column): new=1234578  carried_over=0  handled_total=99" in out
    assert "FAILED requests.balance[total]: expected 1234578, found 99" in out
    assert "e+" not in out


def test_classify_after_extract_labels_csv_and_parquet_alike(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), str(RAW / "003_ce1f8ef96d3daffd.txt"),
                     "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert pd.read_parquet(out / "statements.parquet")["labels"].isna().all()  # not classified yet
    stmts = out / "statements.csv"
    assert cli.main(["classify", str(stmts), "--out", str(stmts)]) == 0
    csv = pd.read_csv(stmts, dtype=str, keep_default_na=False)
    pq = pd.read_parquet(out / "statements.parquet")
    assert len(csv) == len(pq) > 10 and list(pq.columns) == list(corpus._columns("statements"))
    assert csv["labels"].ne("").all()
    assert pq["labels"].tolist() == csv["labels"].tolist()
    assert pq["seq"].tolist() == [int(s) for s in csv["seq"]]


def _unlabelled_statements() -> pd.DataFrame:
    """Three statements as an extract run writes them before classification, the second without text."""
    return pd.DataFrame({"report_id": ["r1", "r1", "r1"], "seq": [1, 2, 3], "kind": ["problem", "problem", "measure"],
                         "text": ["信息更新不够及时", None, "加强业务培训"], "labels": ["", "", ""]})


def test_classify_keeps_a_missing_text_missing_in_the_parquet_twin(tmp_path: Path) -> None:
    # The CSV has '' for a missing text; the Parquet twin can tell them apart and must keep NA.
    st = corpus._conform(_unlabelled_statements(), "statements")
    st.to_csv(tmp_path / "statements.csv", index=False)
    st.to_parquet(tmp_path / "statements.parquet", index=False)
    assert cli.main(["classify", str(tmp_path / "statements.csv"), "--out", str(tmp_path / "statements.csv")]) == 0
    twin = pd.read_parquet(tmp_path / "statements.parquet")
    assert twin["text"].isna().tolist() == [False, True, False]
    assert twin["labels"].isna().tolist() == [False, True, False]  # nothing to classify


def test_classify_drops_the_probabilities_of_an_earlier_run(tmp_path: Path) -> None:
    # --probabilities, then --model lexicon: the supervised p_<key> columns stayed next to the lexicon's labels
    st = corpus._conform(_unlabelled_statements(), "statements")
    stmts = tmp_path / "statements.csv"
    st.to_csv(stmts, index=False)
    st.to_parquet(tmp_path / "statements.parquet", index=False)
    assert cli.main(["classify", str(stmts), "--out", str(stmts), "--probabilities"]) == 0
    assert "p_content" in pd.read_csv(stmts).columns and "p_content" in pd.read_parquet(tmp_path / "statements.parquet")
    assert cli.main(["classify", str(stmts), "--out", str(stmts), "--model", "lexicon"]) == 0
    assert list(pd.read_csv(stmts).columns) == list(corpus._columns("statements"))
    assert list(pd.read_parquet(tmp_path / "statements.parquet").columns) == list(corpus._columns("statements"))


@pytest.mark.parametrize("fail", ["parquet", "rename"])
def test_classify_writes_the_csv_and_its_parquet_twin_both_or_neither(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, fail: str) -> None:
    # --out was written in place: a failure (disk full, Ctrl-C) left the input half written, or a CSV whose
    # Parquet twin held other labels
    import pyarrow.parquet as pq

    st = corpus._conform(_unlabelled_statements(), "statements")
    stmts, twin = tmp_path / "statements.csv", tmp_path / "statements.parquet"
    st.to_csv(stmts, index=False)
    st.to_parquet(twin, index=False)
    before = stmts.read_bytes(), twin.read_bytes()
    if fail == "parquet":
        def write_table(table: object, where: Any) -> None:  # (an open file: the path may not be UTF-8)
            where.write(b"PAR1 half")
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(pq, "write_table", write_table)
    else:
        real = os.replace

        def replace(src: str, dst: str) -> None:
            if str(dst) == str(twin) and not str(src).endswith("-old.part"):  # the new twin, not the old put back
                raise OSError(13, "Permission denied")
            real(src, dst)
        monkeypatch.setattr(os, "replace", replace)
    assert cli.main(["classify", str(stmts), "--out", str(stmts)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {twin}: " in err and "no file was changed" in err
    assert (stmts.read_bytes(), twin.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statements.csv", "statements.parquet"]  # no .part left


@pytest.mark.parametrize("name", ["statements.parquet", "labelled.PARQUET", "results.bin"])
def test_classify_refuses_to_write_its_csv_over_a_parquet_file(
        tmp_path: Path, capsys: pytest.CaptureFixture, name: str) -> None:
    # --out statements.parquet wrote the CSV over the Parquet twin (its statements and columns lost), where the
    # README promises that no other Parquet file is touched
    st = corpus._conform(_unlabelled_statements(), "statements")
    stmts, out = tmp_path / "statements.csv", tmp_path / name
    st.to_csv(stmts, index=False)
    st.to_parquet(out, index=False)
    before = out.read_bytes()
    assert cli.main(["classify", str(stmts), "--out", str(out)]) == 2
    assert f"toolkit classify: error: --out {out} is a Parquet file: the output is a CSV" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert cli.main(["classify", str(stmts), "--out", str(tmp_path / "labelled.csv")]) == 0  # a CSV name is fine


def test_classify_rewrites_only_the_statements_parquet_twin(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # README/--help: the statements.parquet next to --out gets the labels, if it holds the statements labelled;
    # a Parquet file named like --out is the user's.
    st = _unlabelled_statements()
    (tmp_path / "in").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    st.to_csv(tmp_path / "in" / "statements.csv", index=False)
    corpus._conform(st, "statements").to_parquet(out / "statements.parquet", index=False)
    mine = pd.DataFrame({"my_results": [1.5, 2.5]})
    mine.to_parquet(out / "labelled.parquet", index=False)
    argv = ["classify", str(tmp_path / "in" / "statements.csv"), "--out", str(out / "labelled.csv")]
    assert cli.main(argv) == 0
    assert f"labels also written to {out / 'statements.parquet'}" in capsys.readouterr().err
    pd.testing.assert_frame_equal(pd.read_parquet(out / "labelled.parquet"), mine)
    csv = pd.read_csv(out / "labelled.csv", dtype=str, keep_default_na=False)
    twin = pd.read_parquet(out / "statements.parquet")
    assert list(twin.columns) == list(corpus._columns("statements"))
    assert twin["labels"].fillna("").tolist() == csv["labels"].tolist() and csv["labels"].iloc[[0, 2]].ne("").all()
    # a statements.parquet of other statements is no twin: left as it is
    other = corpus._conform(st.assign(report_id="r2"), "statements")
    other.to_parquet(out / "statements.parquet", index=False)
    assert cli.main(argv) == 0
    assert "statements.parquet left as it is: it does not hold the statements labelled" in capsys.readouterr().err
    pd.testing.assert_frame_equal(pd.read_parquet(out / "statements.parquet"), other)


def test_output_into_a_closed_pipe_ends_quietly() -> None:
    # `toolkit dictionary | head -1`: the reader goes away; no traceback, the shell's SIGPIPE status.
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "dictionary"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    proc.stdout.close()  # before the command writes anything
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141 and b"Traceback" not in err and b"BrokenPipe" not in err, err[-2000:]


@pytest.mark.parametrize("stdout", [">/dev/full", ">&-", ">&- 2>&-"], ids=["full", "closed", "both-closed"])
@pytest.mark.parametrize("command", ["dictionary", "summary"])
def test_standard_output_that_cannot_be_written_is_one_line_and_status_2(stdout: str, command: str) -> None:
    # `toolkit dictionary >/dev/full` (or started with stdout closed) ended in a traceback, exit 1.
    if "full" in stdout and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    code = Path(cli.__file__).resolve().parents[1]  # the toolkit under test
    args = command if command == "dictionary" else f"summary '{RAW_REPORTS[0]}'"
    proc = subprocess.run(f"exec '{sys.executable}' -m toolkit {args} {stdout}", shell=True, cwd=code, timeout=300,
                          capture_output="2>&-" not in stdout, text=True, env=dict(os.environ, PYTHONPATH=str(code)))
    assert proc.returncode == 2
    if proc.stderr is not None:
        reason = "No space left on device" if "full" in stdout else "it is closed"
        assert proc.stderr == f"toolkit: error: cannot write the standard output: {reason}\n"


def test_out_that_cannot_be_written_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    taken = tmp_path / "afile"
    taken.write_text("x", encoding="utf-8")
    # (a file as --out itself: the system says 'File exists', as if that were the fault; a file above it: the
    # system named 'sub', which is not what is in the way)
    for out, why in ((taken, "it exists and is not a folder (afile)"),
                     (taken / "sub", "a part of it exists and is not a folder (afile)"),
                     (taken / "sub" / "deeper", "a part of it exists and is not a folder (afile)")):
        assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), "--out", str(out), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert err == f"toolkit: error: cannot write the output to --out {out}: {why}\n"


def test_out_on_a_read_only_file_system_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # --out an existing folder on a read-only file system (a share mounted ro, a read-only volume): creating the
    # first file fails, and so does removing the files never created (EROFS, not 'not found'), which ended the
    # run in a traceback (status 1) instead of the usage error naming the folder
    out = tmp_path / "ro"
    out.mkdir()
    real_remove = os.remove

    def read_only(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.path.dirname(os.fspath(path)) == str(out):
            raise OSError(30, "Read-only file system", os.fspath(path))
        return open(path, *args, **kwargs) if args or kwargs else real_remove(path)

    monkeypatch.setattr(cli, "open", read_only, raising=False)  # what the writer opens its files with
    monkeypatch.setattr(os, "remove", lambda path: read_only(path))
    assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err == (f"toolkit: error: cannot write the output to --out {out}: the folder is not writable "
                   "(Read-only file system): give a folder you can write to\n")


def test_out_folder_without_permission_is_named_not_the_unfinished_file(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # a folder the user may not write to (chmod a-w, as a user other than root) was said as 'Permission denied
    # (reports.csv.<run>.part)', a file the user never named: the folder is said not writable
    out = tmp_path / "locked"
    out.mkdir()

    def denied(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.path.dirname(os.fspath(path)) == str(out):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(cli, "open", denied, raising=False)  # what the writer opens its files with
    assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err == (f"toolkit: error: cannot write the output to --out {out}: the folder is not writable "
                   "(Permission denied): give a folder you can write to\n")
    assert os.listdir(out) == []


@pytest.mark.parametrize("stop", [ConnectionError("cannot reach the Dask scheduler at 'tcp://x:8786'"),
                                  KeyboardInterrupt()])
def test_a_run_that_fails_before_writing_leaves_no_folder_it_made(stop: BaseException, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # --out new/sub with an unreachable scheduler (or Ctrl-C before the first batch) left new/sub behind, empty,
    # as if a run had written nothing there; the folders the run made are removed, the ones it found are kept
    def fail(*args: object, **kwargs: object) -> Iterator[dict]:
        raise stop
        yield {}

    monkeypatch.setattr(corpus, "_iter_corpus", fail)
    (tmp_path / "kept").mkdir()
    for out in (tmp_path / "new" / "sub", tmp_path / "kept" / "out"):
        assert cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--quiet"]) in (2, 130)
    assert os.listdir(tmp_path) == ["kept"] and os.listdir(tmp_path / "kept") == []


@pytest.mark.parametrize("below", [["new"], ["new", "x"]])
def test_out_under_a_folder_that_refuses_it_names_the_folder(below: list[str], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # --out ro/new/x (or ro/new) under a read-only ro was 'Read-only file system (new)': the folder that cannot be
    # made is named
    real_mkdir = os.mkdir
    ro = tmp_path / "ro"
    ro.mkdir()

    def read_only(path: Any, *args: Any) -> None:
        if os.path.dirname(os.fspath(path)) == str(ro):
            raise OSError(30, "Read-only file system", os.fspath(path))
        real_mkdir(path, *args)

    monkeypatch.setattr(os, "mkdir", read_only)
    out = ro.joinpath(*below)
    assert cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err == (f"toolkit: error: cannot write the output to --out {out}: cannot make the "
                                       f"folder {ro / 'new'} (Read-only file system)\n")


def test_out_that_is_a_dangling_link_says_where_it_points(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # --out a link to a folder on a drive not mounted (or moved): 'it exists and is not a folder' said the wrong
    # thing (nothing exists there); the target that is missing is named
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone" / "out")
    assert cli.main(["extract", str(RAW / "001_4d29bfef72dd56db.txt"), "--out", str(link), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err == (f"toolkit: error: cannot write the output to --out {link}: it is a link to "
                   f"{tmp_path / 'gone' / 'out'}, which does not exist (out)\n")
    assert not (tmp_path / "gone").exists()


def test_tiny_timeout_fails_the_files_not_the_run(tmp_path: Path) -> None:
    # A limit shorter than a worker's start-up is the files' limit, not a sign that workers cannot start.
    out = tmp_path / "out"
    proc = _run("extract", *[str(p) for p in RAW_REPORTS[:4]], "--out", str(out), "--jobs", "2",
                "--timeout", "0.001", "--quiet")
    assert proc.returncode == 0, proc.stderr[-2000:]
    reports = pd.read_csv(out / "reports.csv")
    assert len(reports) == 4
    assert reports.loc[reports["status"] == "failed", "error"].eq("timeout after 0.001s").all()


def test_unreachable_dask_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")
    proc = subprocess.run([sys.executable, "-m", "toolkit", "extract", str(RAW), "--out", str(tmp_path / "o"),
                           "--backend", "dask", "--scheduler", "tcp://127.0.0.1:9", "--quiet"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith("toolkit: error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("sig, status", [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_stopped_run_cleans_up_and_says_so(tmp_path: Path, sig: str, status: int) -> None:
    import signal
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_corpus import generate

    files = generate(tmp_path / "corpus", 3000, unique=20, formats=("text",))
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # (the signal's default action in the child: a test run started as a background job of a script inherits
    # SIGINT ignored, and the command rightly leaves an ignored SIGINT ignored)
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "extract", str(tmp_path / "corpus"), "--out", str(out),
                             "--jobs", "2"], stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(getattr(signal, sig), signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("*.part")):
        time.sleep(0.05)
    time.sleep(1.0)  # workers busy
    proc.send_signal(getattr(signal, sig))
    _, err = proc.communicate(timeout=180)  # (a loaded machine: the workers' batches take a while to wind down)
    assert proc.returncode == status, err[-2000:]
    assert "Traceback" not in err
    assert err.rstrip().endswith(f"toolkit: stopped by {sig}; nothing new was written to {out}")
    assert not list(out.glob("*.part")) and not list(out.glob("*.csv"))
    assert len(files) == 3000


def _forkserver_of(pid: int, deadline: float) -> bool:
    """Wait until the process ``pid`` has started its forkserver (a child running multiprocessing.forkserver)."""
    import time

    while time.monotonic() < deadline:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return False
        for child in children:
            try:
                if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                    return True
            except OSError:
                pass
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.5])
def test_ctrl_c_while_the_forkserver_imports_prints_no_traceback(tmp_path: Path, delay: float) -> None:
    # a Ctrl-C reaches the whole process group: the forkserver, still importing toolkit, printed a
    # KeyboardInterrupt traceback under the run's own one-line message
    import signal
    import time

    if not Path("/proc/self/task").is_dir() or corpus._mp_context().get_start_method() != "forkserver":
        pytest.skip("needs a forkserver and /proc (Linux)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "extract", str(RAW), "--out", str(tmp_path / "o"),
                             "--jobs", "2"], stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert _forkserver_of(proc.pid, time.monotonic() + 60)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C, or timeout -s INT
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err[-3000:]
    assert proc.returncode == 130, err[-2000:]
    assert err.rstrip().endswith(f"toolkit: stopped by SIGINT; nothing new was written to {tmp_path / 'o'}")


_TERMINATED_WRITE = """
import os, signal, sys
from toolkit import cli
from toolkit.classify import _cli

def half(path, text, encoding):  # SIGTERM (kill, timeout, a scheduler) in the middle of the write
    with open(path, "w", encoding=encoding) as fh:
        fh.write(text[: len(text) // 2])
        fh.flush()
        os.kill(os.getpid(), signal.SIGTERM)
        fh.write(text[len(text) // 2:])

_cli._write_text = half
sys.exit(cli.main(sys.argv[1:]))
"""


def test_classify_stopped_by_sigterm_leaves_no_unfinished_file(tmp_path: Path) -> None:
    # a SIGTERM killed classify outright (only Ctrl-C was an exception): its half-written .part file stayed beside
    # --out, and nothing said what had happened; it is stopped as Ctrl-C is, the file removed, --out as it was
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    import signal

    data = "text\n信息更新不及时\n政策解读不够深入\n"
    (tmp_path / "in.csv").write_text(data, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _TERMINATED_WRITE, "classify", "in.csv", "--model", "lexicon",
                           "--out", "in.csv"], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))
    assert proc.returncode == 143 and proc.stderr == "toolkit: stopped by SIGTERM\n", (proc.returncode, proc.stderr)
    assert os.listdir(tmp_path) == ["in.csv"]
    assert (tmp_path / "in.csv").read_text(encoding="utf-8") == data


def _extracted_and_a_dead_pid(tmp_path: Path) -> tuple[Path, int]:
    """An extract run's folder (pingtan-2023-01) to classify in, and the number of a process that has ended."""
    if cli._classify_cli() is None:
        pytest.skip("toolkit.classify._cli is not there")
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW / "pingtan-2023-01.txt"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return out, dead.pid


def test_classify_clears_the_part_files_a_killed_run_left(tmp_path: Path) -> None:
    # classify killed with kill -9 left its .part files beside --out for ever (extract clears its own); those of
    # the same output whose writer is gone are removed, with no extract writing there, and no other file
    out, dead = _extracted_and_a_dead_pid(tmp_path)
    live = os.getpid()
    stale = [f"statements.csv.{dead}-0a1b2c.part", f"statements.csv.{dead}-0a1b2c-old.part"]
    kept = [f"statements.csv.{live}-0a1b2c.part", f"reports.csv.{dead}-0a1b2c.part", "statements.csv.part",
            f"statements.csv.{dead}-0a1b2c.part.txt", f"notes.csv.{dead}-0a1b2c.part"]
    for name in stale + kept:
        (out / name).write_text("text\nhalf", encoding="utf-8")
    statements = str(out / "statements.csv")
    lock = cli._lock_folder(str(out))  # an extract writing into the folder: nothing is provably stale
    try:
        assert cli.main(["classify", statements, "--model", "lexicon", "--out", statements]) == 0
    finally:
        if lock is not None:
            os.close(lock)
    assert {name for name in stale + kept if (out / name).exists()} == set(stale + kept)
    assert cli.main(["classify", statements, "--model", "lexicon", "--out", statements]) == 0
    assert {name for name in stale + kept if (out / name).exists()} == set(kept)
    assert "labels" in pd.read_csv(statements).columns


def test_classify_clears_an_older_versions_part_and_names_a_set_aside_file_it_keeps(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # an earlier classify wrote its Parquet twin through statements.parquet.<pid>.part, which a kill -9 left and no
    # run cleared; the earlier labelled.csv set aside by a run killed before writing the new one (its only copy)
    # was kept without a word, and removed by the run after this one
    out, dead = _extracted_and_a_dead_pid(tmp_path)
    old_twin, aside = out / f"statements.parquet.{dead}.part", out / f"labelled.csv.{dead}-0a1b2c-old.part"
    for path in (old_twin, aside):
        path.write_text("text\nhalf", encoding="utf-8")
    capsys.readouterr()
    labelled = out / "labelled.csv"
    assert cli.main(["classify", str(out / "statements.csv"), "--model", "lexicon", "--out", str(labelled)]) == 0
    err = capsys.readouterr().err
    assert not old_twin.exists() and aside.exists()
    assert (f"toolkit classify: note: kept {aside}: the earlier {labelled}, set aside by a run that was killed "
            "before it wrote the new one; rename it to labelled.csv to have the earlier one back") in err, err
    assert "labels" in pd.read_csv(labelled).columns and "labels" in pd.read_parquet(out / "statements.parquet")


def test_file_names_that_are_not_utf8_get_their_row(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # GBK bytes, as unzip leaves them from a zip made on Chinese Windows, reach Python as surrogate escapes
    src = tmp_path / "in"
    src.mkdir()
    gbk = os.fsdecode("年报".encode("gbk") + b".txt")
    odd = os.fsdecode(b"r\xff\xfe.txt")  # not GB18030 either
    for name in (gbk, odd, "ok.txt"):
        (src / name).write_bytes((RAW / "pingtan-2023-04.txt").read_bytes())
    out = tmp_path / "out"
    assert cli.main(["extract", str(src), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    frames = _read_out(out)
    rows = frames["reports"].set_index("report_id")
    assert sorted(rows.index) == ["ok", "r\\xff\\xfe", "年报"]
    assert rows.loc["年报", "path"] == str(src / "年报.txt")
    assert rows.loc["r\\xff\\xfe", "path"] == str(src / "r\\xff\\xfe.txt")
    assert set(rows["status"]) == {"partial"}
    assert set(frames["tables"]["report_id"]) == set(rows.index)
    # the summary prints them too
    assert cli.main(["summary", str(src / gbk)]) == 0
    assert capsys.readouterr().out.startswith("年报  ")


def test_an_output_folder_whose_name_is_not_utf8_is_written_and_read_back(tmp_path: Path) -> None:
    # pyarrow takes no such path: --out 年报/out beside a corpus unzipped with GBK names ended in its
    # UnicodeEncodeError traceback (exit 1), and read_outputs on it too.
    out = tmp_path / os.fsdecode("年报".encode("gbk")) / "out"
    seeds = [str(p) for p in RAW_REPORTS[:2]]
    assert cli.main(["extract", *seeds, "--out", str(out), "--jobs", "1", "--quiet"], _parse=fake_parse) == 0
    plain = tmp_path / "out"
    assert cli.main(["extract", *seeds, "--out", str(plain), "--jobs", "1", "--quiet"], _parse=fake_parse) == 0
    assert sorted(os.listdir(out)) == sorted(os.listdir(plain))
    for name in os.listdir(plain):
        assert (out / name).read_bytes() == (plain / name).read_bytes(), name
    frames = corpus.read_outputs(out)
    assert list(frames["reports"]["report_id"]) == [p.stem for p in RAW_REPORTS[:2]]


def test_classify_fills_the_parquet_twin_in_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    # pyarrow takes no such path: the twin was 'left as it is: cannot read it' (UnicodeEncodeError), its labels
    # left empty while the CSV got them.
    folders = [tmp_path / os.fsdecode("年报".encode("gbk")) / "out", tmp_path / "out"]
    for out in folders:
        assert cli.main(["extract", *map(str, RAW_REPORTS[:2]), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
        assert cli.main(["classify", str(out / "statements.csv"), "--out", str(out / "statements.csv")]) == 0
    for name in ("statements.csv", "statements.parquet"):
        assert (folders[0] / name).read_bytes() == (folders[1] / name).read_bytes(), name
    assert corpus.read_outputs(folders[0])["statements"]["labels"].notna().all()


def test_extract_says_which_files_of_a_folder_it_skipped(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # data/raw holds the seeds and pingtan-manifest.csv, which is no report: no row, one line on stderr
    assert cli.main(["extract", str(RAW), "--out", str(tmp_path / "o"), "--jobs", "1"], _parse=fake_parse) == 0
    err = capsys.readouterr().err
    assert "toolkit extract: skipped 1 file(s) of folders that are not reports: 1 .csv\n" in err
    assert len(pd.read_csv(tmp_path / "o" / "reports.csv")) == len(RAW_REPORTS)
    assert cli.main(["extract", str(RAW), "--out", str(tmp_path / "o"), "--quiet"], _parse=fake_parse) == 0
    assert capsys.readouterr().err == ""


def test_a_run_never_reads_its_own_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --out inside the inputs: the unfinished .part files exist while the inputs are expanded, and the
    # finished files of the first run are there on the second
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    for seed in RAW_REPORTS[:2]:
        (Path("in") / seed.name).write_bytes(seed.read_bytes())
    for inputs in (["in/**"], ["in/**"], ["in"], [str(tmp_path / "in" / "*" / "*.csv"), "in"], "shell"):
        if inputs == "shell":  # 'in/* in/out/*' unquoted: the shell names the output files, each was a failed row
            inputs = sorted(str(p) for p in [*Path("in").glob("*.txt"), *Path("in/out").iterdir()])
        code = cli.main(["extract", *inputs, "--out", "in/out", "--jobs", "1", "--quiet", "--strict"],
                        _parse=fake_parse)
        rows = pd.read_csv(tmp_path / "in" / "out" / "reports.csv")
        assert code == 0 and sorted(rows["path"]) == [f"in/{s.name}" for s in RAW_REPORTS[:2]], inputs


def _run_into_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In ``tmp_path``, made the working folder: a run of one seed in ``in`` whose outputs are in ``out``."""
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    (Path("in") / RAW_REPORTS[0].name).write_bytes(RAW_REPORTS[0].read_bytes())
    assert cli.main(["extract", "in", "--out", "out", "--jobs", "1", "--quiet"], _parse=fake_parse) == 0


def test_a_run_of_only_its_own_outputs_is_refused_and_keeps_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture) -> None:
    # 'out/*' --out out: every match is an output, never read back; an empty run would replace the old files
    _run_into_out(tmp_path, monkeypatch)
    before = {f.name: f.read_bytes() for f in Path("out").iterdir()}
    capsys.readouterr()
    # the folder itself ('out' --out out) too: it gave a run of one failed row ('no report file in this folder (it
    # holds only 24 toolkit output)'), which replaced the old files
    # 'out/*' unquoted, which the shell expands: each output file was read as a report, and a run of twelve failed
    # rows ('unsupported file extension') replaced the old files
    named = sorted(f"out/{name}" for name in before)
    for given, says in (("out/*", "matches only"), ("out", "holds only"), ("./out/", "holds only"),
                        ("o*", "matches only"), (named, "is one of")):
        argv = given if isinstance(given, list) else [given]
        assert cli.main(["extract", *argv, "--out", "out", "--jobs", "1", "--quiet"], _parse=fake_parse) == 2
        assert f"{argv[0]!r} {says} the output files of this run" in capsys.readouterr().err
        assert {f.name: f.read_bytes() for f in Path("out").iterdir()} == before


def test_an_output_folder_given_with_other_inputs_counts_its_finished_files_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 'in out' --out out: out's row counted this run's own unfinished .part files as output ('24 toolkit output'
    # for 12 files), and a folder holding only them as 'toolkit output' though nothing was there before the run
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    (Path("in") / RAW_REPORTS[0].name).write_bytes(RAW_REPORTS[0].read_bytes())
    for n, says in ((0, "it is empty, or holds only hidden files"), (12, "it holds only 12 toolkit output")):
        assert len(list(Path("out").glob("*"))) == n if n else not Path("out").exists()
        Path("out").mkdir(exist_ok=True)
        (Path("out") / "reports.csv.123-abcdef.part").write_bytes(b"killed")  # a killed run's: removed, not counted
        assert cli.main(["extract", "in", "out", "--out", "out", "--jobs", "1", "--quiet"], _parse=fake_parse) == 0
        rows = pd.read_csv(Path("out") / "reports.csv").set_index("path")
        assert rows.loc["out", "error"] == f"out: no report file in this folder ({says})"


def test_an_earlier_runs_output_folder_given_as_input_is_named_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture) -> None:
    # 'toolkit summary out' after 'toolkit extract in --out out' said 'no report file in this folder (it holds only
    # 6 .csv, 6 .parquet)', as if its tables were reports in another format; extract's count of the files passed
    # over is as before
    _run_into_out(tmp_path, monkeypatch)
    says = ("no report file in this folder (it is the output folder of a toolkit extract run, holding only its "
            "6 .csv, 6 .parquet: reports are read, not the tables made from them; give the folder of the reports)")
    assert summarize(["out"]) == f"out  failed: {says}"
    capsys.readouterr()
    assert cli.main(["extract", "out", "--out", "out2", "--jobs", "1"], _parse=fake_parse) == 0
    assert ("skipped 12 file(s) of folders that are not reports: 12 output file(s) of an earlier toolkit extract run"
            in capsys.readouterr().err)
    assert pd.read_csv(Path("out2") / "reports.csv")["error"].tolist() == [f"out: {says}"]
    (Path("out") / "notes.csv").write_text("a,b\n")  # not only a run's outputs: what it holds, as before
    assert summarize(["out"]) == "out  failed: no report file in this folder (it holds only 7 .csv, 6 .parquet)"


def test_an_earlier_runs_outputs_beside_the_reports_are_counted_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    # 'extract in --out in' then 'extract in --out in/sub': the first run's outputs, passed over, were counted as
    # 'skipped 12 file(s) of folders that are not reports: 6 .csv, 6 .parquet', as if tables of another kind
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    (Path("in") / RAW_REPORTS[0].name).write_bytes(RAW_REPORTS[0].read_bytes())
    (Path("in") / "notes.md").write_text("# notes\n")
    assert cli.main(["extract", "in", "--out", "in", "--jobs", "1", "--quiet"], _parse=fake_parse) == 0
    capsys.readouterr()
    assert cli.main(["extract", "in", "--out", "in/sub", "--jobs", "1"], _parse=fake_parse) == 0
    assert ("toolkit extract: skipped 13 file(s) of folders that are not reports: 12 output file(s) of an earlier "
            "toolkit extract run, 1 .md\n") in capsys.readouterr().err
    assert pd.read_csv(Path("in/sub") / "reports.csv")["path"].tolist() == [f"in/{RAW_REPORTS[0].name}"]


def test_report_ids_that_pandas_reads_as_missing_stay_text(tmp_path: Path) -> None:
    stems = ["NA", "None", "nan", "null", "ok"]
    for stem in stems:
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{stem}.txt").write_bytes((RAW / "pingtan-2023-02.txt").read_bytes())
    out = tmp_path / "out"
    assert cli.main(["extract", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    for fmt in ("csv", "parquet", "auto"):
        frames = corpus.read_outputs(out, format=fmt)
        assert list(frames["reports"]["report_id"]) == stems, fmt
        assert frames["tables"]["report_id"].notna().all() and set(frames["tables"]["report_id"]) == set(stems)
        for name in corpus.FRAMES:
            assert list(frames[name].columns) == list(corpus._columns(name)), (fmt, name)
    cols = ["report_id", "status", "report_year", "n_flags"]  # ('' and NA are one in CSV: not the flags column)
    pd.testing.assert_frame_equal(corpus.read_outputs(out, format="csv")["reports"][cols],
                                  corpus.read_outputs(out)["reports"][cols])
    with pytest.raises(ValueError, match="format must be 'auto', 'csv' or 'parquet', got 'xls'"):
        corpus.read_outputs(out, format="xls")
    # the recipe of the data dictionary
    assert 'keep_default_na=False, na_values=[""]' in corpus.data_dictionary()
    ids = pd.read_csv(out / "reports.csv", dtype={"report_id": "string"}, keep_default_na=False, na_values=[""])
    assert list(ids["report_id"]) == stems


def test_encoding_reaches_every_file(tmp_path: Path) -> None:
    # GBK bytes are detected as 'gbk'; --encoding gb18030 decodes every text file with the codec given
    for seed in RAW_REPORTS[-2:]:
        text = seed.read_text(encoding="utf-8")
        (tmp_path / seed.name).write_bytes(text.encode("gb18030"))
    detected = corpus.extract_corpus(tmp_path, jobs=1)["reports"]
    assert set(detected["encoding"]) == {"gbk"}
    given = corpus.extract_corpus(tmp_path, jobs=1, encoding="GB18030")["reports"]
    assert set(given["encoding"]) == {"gb18030"} and set(given["status"]) <= {"ok", "partial"}
    assert cli.main(["extract", str(tmp_path), "--out", str(tmp_path / "o"), "--encoding", "gb18030", "--jobs",
                     "1", "--quiet"]) == 0
    assert set(pd.read_csv(tmp_path / "o" / "reports.csv")["encoding"]) == {"gb18030"}
    with pytest.raises(ValueError, match="encoding must be a known text codec"):
        corpus.extract_corpus(tmp_path, encoding="klingon")


@pytest.mark.parametrize("out", ["in", "."])
def test_an_input_folder_that_is_the_output_folder_is_read(out: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # Review: leaving out everything inside --out made 'extract in --out in' write 0 rows (exit 0, --strict too).
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    for seed in RAW_REPORTS[:2]:
        (Path("in") / seed.name).write_bytes(seed.read_bytes())
    for _ in range(2):  # the second run finds the first run's outputs there: not inputs, not counted as skipped
        code = cli.main(["extract", "in", "--out", out, "--jobs", "1", "--strict"], _parse=fake_parse)
        rows = pd.read_csv(Path(out) / "reports.csv")
        assert code == 0 and sorted(rows["path"]) == [f"in/{s.name}" for s in RAW_REPORTS[:2]]


def test_skipped_files_are_counted_once_and_inputs_not_at_all(tmp_path: Path, capsys) -> None:
    d = tmp_path / "c"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "notes.csv").write_text("a,b\n")
    (d / "r.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    out = tmp_path / "out"
    cli.main(["extract", str(d), str(d / "sub"), str(d / "sub"), "--out", str(out), "--jobs", "1"], _parse=fake_parse)
    assert "skipped 1 file(s) of folders that are not reports: 1 .csv" in capsys.readouterr().err
    cli.main(["extract", str(d / "**"), "--out", str(out), "--jobs", "1"], _parse=fake_parse)
    assert "toolkit extract: skipped" not in capsys.readouterr().err  # notes.csv was an input of its own


def test_a_readable_file_gets_the_bare_stem_before_a_refused_twin(tmp_path: Path) -> None:
    (tmp_path / "wudang-2020.txt").write_bytes(RAW_REPORTS[1].read_bytes())
    (tmp_path / "wudang-2020.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    frames = corpus.extract_corpus(tmp_path, jobs=1)
    reports = frames["reports"].set_index("report_id")
    assert reports.loc["wudang-2020", "path"].endswith(".txt") and reports.loc["wudang-2020-2", "status"] == "failed"


def test_summary_gives_the_reason_a_folder_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (root reads every folder, so the listing error is made here) Before, summary said 'is a directory'.
    import toolkit.summary

    locked = str(tmp_path / "locked")
    found = corpus._Inputs(files=[locked],
                           errors={locked: ReadError(locked, "cannot list the folder (Permission denied)")})
    monkeypatch.setattr(toolkit.summary, "collect_inputs", lambda paths: found)
    assert toolkit.summary.summarize([tmp_path]) == "locked  failed: cannot list the folder (Permission denied)"


# ----------------------------------------------------------------------------------------------
# Every input accounted for, the same in extract and summary (review of the corpus runner)
# ----------------------------------------------------------------------------------------------

def test_a_named_pipe_fails_at_once(tmp_path: Path) -> None:
    # A FIFO among the inputs blocked a worker until the time limit (for ever with --timeout none), and
    # `toolkit summary` for good.
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    os.mkfifo(src / "pipe.txt")
    out = tmp_path / "out"
    assert cli.main(["extract", str(src), "--out", str(out), "--jobs", "1", "--quiet", "--timeout", "5"]) == 0
    rows = pd.read_csv(out / "reports.csv").set_index("report_id")
    assert rows.loc["pipe", "error"] == f"{src / 'pipe.txt'}: not a regular file: a named pipe (FIFO)"
    assert rows.loc["ok", "status"] == "partial"
    proc = _run("summary", str(src / "pipe.txt"))  # (its own time limit: the pytest run's)
    assert proc.returncode == 0 and proc.stdout == "pipe  failed: not a regular file: a named pipe (FIFO)\n"

def test_summary_gives_the_ids_and_messages_of_extract(tmp_path: Path) -> None:
    # A pattern matching nothing was 'file not found', and two files of one stem were both 'x'.
    for sub, seed in (("a", RAW_REPORTS[0]), ("b", RAW_REPORTS[1])):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_bytes(seed.read_bytes())
    pattern = str(tmp_path / "none*.pdf")
    inputs = [str(tmp_path / "b"), str(tmp_path / "a"), pattern]
    lines = [line for line in summarize(inputs).splitlines() if not line.startswith(" ")]
    frames = corpus.extract_corpus(inputs, jobs=1)["reports"].set_index("path")
    # sorted by report id as reports.csv is, not in the order the inputs were named (b before a)
    assert [line.split()[0] for line in lines] == frames["report_id"].tolist() == ["none*", "x", "x-2"]
    assert frames.loc[str(tmp_path / "a" / "x.txt"), "report_id"] == "x"
    assert lines[0] == "none*  failed: no file matches this pattern"
    assert summarize(inputs[::-1]) == summarize(inputs)
    assert frames.loc[pattern, "error"] == f"{pattern}: no file matches this pattern"


def test_summary_of_a_report_the_parser_fails_on_says_so_and_goes_on(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # a parser bug (an exception that is no ToolkitError) in one report ended toolkit summary in a traceback, the
    # other reports' lines lost, where toolkit extract gives that report a failed row 'unexpected …' and goes on
    import toolkit.summary

    for name, seed in (("a", RAW_REPORTS[0]), ("b", RAW_REPORTS[1])):
        (tmp_path / f"{name}.txt").write_bytes(seed.read_bytes())
    parse = toolkit.summary.parse_report

    def buggy(path: Any, **kwargs: Any) -> Any:
        if Path(path).stem == "a":
            raise IndexError("list index out of range")
        return parse(path, **kwargs)

    monkeypatch.setattr(toolkit.summary, "parse_report", buggy)
    lines = [line for line in summarize([tmp_path]).splitlines() if not line.startswith(" ")]
    assert lines[0] == "a  failed: unexpected IndexError: list index out of range"
    assert lines[1].startswith("b  ") and len(lines) == 2


# ----------------------------------------------------------------------------------------------
# CSV and Parquet hold the same values (review of the corpus runner)
# ----------------------------------------------------------------------------------------------

def test_csv_and_parquet_hold_the_same_values(tmp_path: Path) -> None:
    # Parquet held '' where the CSV (and the data dictionary: NA as null) had NA: tables.flag and .raw,
    # flags.table, reports.flags ('' for an ok report, NA for a failed one), sections.text, statements.labels.
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW), str(tmp_path / "empty.txt"), "--out", str(out), "--jobs", "2",
                     "--quiet"]) == 0
    csv, parquet = corpus.read_outputs(out, format="csv"), corpus.read_outputs(out, format="parquet")
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(csv[name], parquet[name], obj=name)
        raw = pd.read_parquet(out / f"{name}.parquet")
        for col, dtype in corpus._columns(name).items():
            assert dtype != "string" or not raw[col].eq("").any(), (name, col)
    reports = parquet["reports"].set_index("report_id")
    assert reports.loc[reports["status"] == "ok", "flags"].isna().all()  # no flags: NA, as for a failed file
    assert parquet["statements"]["labels"].isna().all()  # not classified yet
    # what extract_corpus returns is what the files hold
    api = corpus.extract_corpus([RAW, tmp_path / "empty.txt"], jobs=1)
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(api[name], parquet[name], obj=name)


# ----------------------------------------------------------------------------------------------
# The output folder: unfinished files, a second run, write errors (review of the corpus runner)
# ----------------------------------------------------------------------------------------------

def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_killed_runs_unfinished_files_are_removed_not_put_in_place(tmp_path: Path) -> None:
    # A run killed with SIGKILL leaves its .part files; a later --format csv run renamed the stale
    # reports.parquet.part (4 bytes, no footer) into place as if it were its own.
    out = tmp_path / "out"
    out.mkdir()
    (out / "reports.parquet.part").write_bytes(b"PAR1")  # as versions before this one named them
    (out / "tables.csv.part").write_text("report_id,tab", encoding="utf-8")
    (out / "sections.parquet.4242-0a1b2c.part").write_bytes(b"PAR1")  # as this version names them
    (out / "notes.part").write_text("mine", encoding="utf-8")  # not an output's name: left alone
    assert cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--format", "csv", "--jobs", "1",
                     "--quiet"]) == 0
    assert sorted(_outputs(out)) == sorted([f"{n}.csv" for n in corpus.FRAMES] + ["notes.part"])
    assert corpus.read_outputs(out)["reports"]["path"].tolist() == [str(RAW_REPORTS[0])]


def test_a_second_run_into_a_folder_being_written_stops_with_a_clear_error(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture) -> None:
    # Two runs into one --out wrote the same .part names and truncated each other's files.
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    assert cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    before = _outputs(out)
    fd = os.open(out, os.O_RDONLY)  # a run in progress holds this lock on its --out
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert cli.main(["extract", str(RAW_REPORTS[1]), "--out", str(out), "--jobs", "1", "--quiet"]) == 2
    finally:
        os.close(fd)
    assert capsys.readouterr().err == (f"toolkit: error: another toolkit extract is writing to --out {out}: wait "
                                       f"until it ends, or give another folder\n")
    assert _outputs(out) == before
    # the unfinished files of a run are its own: named after the run, not shared with another one
    seen: list[str] = []
    real = corpus._iter_corpus

    def watch(*args: object, **kwargs: object) -> object:
        for frames in real(*args, **kwargs):
            seen.extend(sorted(os.listdir(out)))
            yield frames

    monkeypatch.setattr(corpus, "_iter_corpus", watch)
    assert cli.main(["extract", str(RAW_REPORTS[1]), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    parts = [n for n in seen if n.endswith(".part")]
    assert len(parts) == 12 and all(re.fullmatch(r"\w+\.(csv|parquet)\.\d+-[0-9a-f]+\.part", n) for n in parts)
    assert len({n.split(".")[2] for n in parts}) == 1


def test_a_full_disk_exits_2_and_leaves_the_earlier_run(tmp_path: Path) -> None:
    # Disk full (here a file-size limit: EFBIG) gave a traceback and exit 1, the --strict status.
    import resource

    out = tmp_path / "out"
    assert _run("extract", str(RAW), "--out", str(out), "--jobs", "1", "--quiet").returncode == 0
    before = _outputs(out)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    proc = subprocess.run([sys.executable, "-m", "toolkit", "extract", str(RAW), "--out", str(out), "--jobs", "1",
                           "--quiet"], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1"),
                          preexec_fn=small_files)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert proc.stderr.startswith(f"toolkit: error: cannot write the output to --out {out}: File too large (")
    assert proc.stderr.endswith("nothing new was written there, its earlier files are as they were\n")
    assert proc.stderr.count("\n") == 1
    assert _outputs(out) == before  # no .part file left, the earlier run whole


def test_a_rename_that_fails_puts_the_earlier_run_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture) -> None:
    # A rename into place that failed half-way (a file open in Excel on Windows, a read-only remount) left
    # new files, old files and .part files side by side, after a traceback.
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    before = _outputs(out)
    replace = os.replace
    refused: list[str] = []

    def refuse(src: str, dst: str) -> None:  # once, the new tables.parquet, after other files were put in place
        if os.fspath(dst).endswith("tables.parquet") and os.fspath(src).endswith(".part") and not refused:
            refused.append(dst)
            raise PermissionError(13, "Permission denied", os.fspath(dst))
        replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse)
    argv = ["extract", *map(str, RAW_REPORTS[:2]), "--out", str(out), "--jobs", "1", "--quiet"]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err == (f"toolkit: error: cannot write the output to --out {out}: Permission denied (tables.parquet); "
                   f"nothing new was written there, its earlier files are as they were\n")
    assert _outputs(out) == before
    monkeypatch.setattr(os, "replace", replace)
    # a folder with an output's name is found before the run, not after it
    (out / "sections.csv").unlink()
    (out / "sections.csv").mkdir()
    assert cli.main(argv) == 2
    assert capsys.readouterr().err == (f"toolkit: error: cannot write the output to --out {out}: a folder has the "
                                       f"name of an output file (sections.csv)\n")
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_a_line_break_in_a_file_name_stays_in_its_field(tmp_path: Path) -> None:
    # A \r in a name was written unquoted (the csv module quotes only its own line terminator, \n): the row
    # split in two on reading back.
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a\rb.txt", "c\nd.txt", "e\r\nf.txt", "ok.txt"):
        (src / name).write_bytes(RAW_REPORTS[0].read_bytes())
    out = tmp_path / "out"
    assert cli.main(["extract", str(src), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    ids = ["a\rb", "c\nd", "e\r\nf", "ok"]
    assert pd.read_csv(out / "reports.csv")["report_id"].tolist() == ids  # pandas' defaults
    csv, parquet = corpus.read_outputs(out, format="csv"), corpus.read_outputs(out, format="parquet")
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(csv[name], parquet[name], obj=name)
    assert parquet["reports"]["report_id"].tolist() == ids
    assert sorted(set(parquet["tables"]["report_id"])) == ids
    assert (out / "reports.csv").read_bytes().count(b"\r\n") == 2  # rows end in \n; e\r\nf's id and path


def test_csv_files_hold_what_pandas_to_csv_writes(tmp_path: Path) -> None:
    # The CSV text is made by Arrow column by column (cli._csv_bytes), no longer by DataFrame.to_csv: the
    # files of the seeds hold, byte for byte, what to_csv writes of their frames.
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    frames = corpus.read_outputs(out, format="parquet")
    assert frames["tables"]["raw"].str.contains(",", regex=False).any()  # fields to quote are among them
    for name in corpus.FRAMES:
        expected = frames[name].to_csv(index=False, lineterminator="\n").encode()
        assert (out / f"{name}.csv").read_bytes() == expected, name


@pytest.mark.parametrize("rows", [0, 1, 7])
def test_csv_bytes_write_fields_as_to_csv_does(rows: int) -> None:
    # numbers as pandas formats them (numpy's shortest repr, 1e+16 and 1e-05 in exponent form), NA empty,
    # booleans True/False; a text quoted only when it holds a comma, a quote or a line break
    import pyarrow as pa

    texts = ["a,b", 'say "x"', "two\nlines", "中文", None, "\x00nul", " sp "]
    frame = pd.DataFrame({
        "text": pd.array((texts * 2)[:rows], dtype=corpus._DTYPES["string"]),
        "value": pd.array([0.1, 1e16, 1e-05, -0.0, None, 123456789.125, float("inf")][:rows], dtype="float64"),
        "n": pd.array([None, 0, -5, 2 ** 62, 7, 8, 9][:rows], dtype="Int64"),
        "ok": pd.array([True, None, False, True, True, False, None][:rows], dtype="boolean"),
        "quoted": pd.array([None, '"', ",", "x", 'a""b', "\n", "y"][:rows], dtype=corpus._DTYPES["string"])})
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for header in (True, False):
        expected = frame.to_csv(index=False, header=header, lineterminator="\n").encode()
        assert cli._csv_bytes(table, header=header) == expected


def test_classify_keeps_the_parquet_schema_extract_writes(tmp_path: Path) -> None:
    # classify rewrote statements.parquet with large_string columns (pandas 3's): files of one run before
    # and after classification could no longer be concatenated.
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW_REPORTS[0]), str(RAW_REPORTS[1]), "--out", str(out), "--jobs", "1",
                     "--quiet"]) == 0
    before = pq.read_table(out / "statements.parquet")
    stmts = out / "statements.csv"
    assert cli.main(["classify", str(stmts), "--out", str(stmts)]) == 0
    after = pq.read_table(out / "statements.parquet")
    assert after.schema.equals(before.schema, check_metadata=True)
    assert pa.concat_tables([before, after]).num_rows == 2 * before.num_rows
    assert cli.main(["classify", str(stmts), "--out", str(stmts), "--probabilities"]) == 0
    probs = pq.read_table(out / "statements.parquet")
    assert probs.schema.field("text").type == pa.string() and probs.schema.field("labels").type == pa.string()
    assert [f.name for f in probs.schema][: len(before.schema)] == before.schema.names
    assert all(probs.schema.field(c).type == pa.float64() for c in probs.schema.names if c.startswith("p_"))
    assert pd.read_parquet(out / "statements.parquet").columns.tolist() == probs.schema.names


def test_parquet_files_are_the_same_bytes_whatever_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Row groups were cut where the workers' batches ended, which depends on --jobs: same rows, other bytes.
    monkeypatch.setattr(cli, "_ROW_GROUP", 320)  # several row groups from a small corpus
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        for seed in RAW_REPORTS:
            (src / f"{i}-{seed.name}").write_bytes(seed.read_bytes())
    outs = []
    for jobs in ("1", "3"):
        outs.append(tmp_path / f"out{jobs}")
        assert cli.main(["extract", str(src), "--out", str(outs[-1]), "--jobs", jobs, "--quiet"]) == 0
    assert _outputs(outs[0]) == _outputs(outs[1])
    import pyarrow.parquet as pq

    assert pq.ParquetFile(outs[0] / "tables.parquet").metadata.num_row_groups > 1


def test_excel_option_writes_a_byte_order_mark_that_read_outputs_reads(tmp_path: Path) -> None:
    # Excel on Chinese Windows read the CSV files (no byte-order mark) as GBK: agency names garbled.
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    for out, extra in ((plain, []), (excel, ["--excel"])):
        assert cli.main(["extract", str(RAW_REPORTS[0]), "--out", str(out), "--jobs", "1", "--quiet", *extra]) == 0
    for name in corpus.FRAMES:
        text = (plain / f"{name}.csv").read_bytes()
        assert not text.startswith(b"\xef\xbb\xbf")
        assert (excel / f"{name}.csv").read_bytes() == b"\xef\xbb\xbf" + text
    for fmt in ("csv", "auto"):
        for name, frame in corpus.read_outputs(excel, format=fmt).items():
            pd.testing.assert_frame_equal(frame, corpus.read_outputs(plain, format=fmt)[name], obj=name)
    assert pd.read_csv(excel / "reports.csv", encoding="utf-8-sig").columns[0] == "report_id"
    # classify keeps the mark of a statements.csv written so
    stmts = excel / "statements.csv"
    assert cli.main(["classify", str(stmts), "--out", str(stmts)]) == 0
    assert stmts.read_bytes().startswith(b"\xef\xbb\xbfreport_id,")


def test_read_outputs_keeps_the_probabilities_classify_wrote(tmp_path: Path) -> None:
    # toolkit classify --probabilities writes p_<key> columns into the run's statements.csv and its Parquet
    # twin; read_outputs conformed the frame to the documented columns and dropped them, in both formats
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW_REPORTS[1]), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    stmts = out / "statements.csv"
    assert cli.main(["classify", str(stmts), "--out", str(stmts), "--probabilities"]) == 0
    written = pd.read_csv(stmts)
    keys = [c for c in written.columns if c.startswith("p_")]
    assert keys
    csv, parquet = (corpus.read_outputs(out, format=fmt)["statements"] for fmt in ("csv", "parquet"))
    pd.testing.assert_frame_equal(csv, parquet)
    assert csv.columns.tolist() == list(corpus._columns("statements")) + keys
    pd.testing.assert_frame_equal(csv[keys], written[keys], check_dtype=False)
    assert (csv[keys].dtypes == "float64").all()
    # and the data dictionary says what they are: a reader of the file looked them up there in vain
    section = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8").split("## statements.csv")[1]
    assert "`p_<key>` per codebook category" in section.split("\n## ")[0]


def test_read_outputs_of_a_file_it_cannot_read_names_the_file(tmp_path: Path) -> None:
    # reports.csv opened in Excel on Chinese Windows and saved again (GBK), a count saved as '1,234', a damaged
    # Parquet file: pandas' UnicodeDecodeError, its float conversion and pyarrow's "'<Buffer>': Parquet magic
    # bytes not found" named no file
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW_REPORTS[1]), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    (out / "tables.parquet").write_bytes(b"not parquet" * 8)
    with pytest.raises(ValueError, match=re.escape(f"{out / 'tables.parquet'}: cannot read it as the tables file of "
                                                   f"a toolkit extract run: ")):
        corpus.read_outputs(out)
    reports = out / "reports.csv"
    written = reports.read_bytes()
    reports.write_bytes(written.decode("utf-8").encode("gb18030"))
    with pytest.raises(ValueError, match=re.escape(f"{reports}: cannot read it as the reports file of a toolkit "
                                                   f"extract run: it is not UTF-8 (invalid ")) as info:
        corpus.read_outputs(out, format="csv")
    assert "saved again by Excel? Save it as 'CSV UTF-8', or read the run's Parquet files" in str(info.value)
    reports.write_bytes(written)
    tables = out / "tables.csv"
    text = tables.read_text(encoding="utf-8").splitlines()
    cells = text[1].split(",")
    cells[4] = '"1,234"'  # value
    tables.write_text("\n".join([text[0], ",".join(cells), *text[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{tables}: cannot read it as the tables file of a toolkit "
                                                   f"extract run: could not convert string to float: '1,234'")):
        corpus.read_outputs(out, format="csv")


def test_read_outputs_of_a_folder_without_a_run_says_so(tmp_path: Path) -> None:
    # read_outputs("data") (the folder above the run, say) gave "[Errno 2] No such file or directory:
    # 'data/reports.csv'": neither that the folder holds no run, nor that a Parquet file was sought first
    (tmp_path / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=re.escape(f"{tmp_path}: no reports.parquet or reports.csv: not the "
                                                          "--out folder of a toolkit extract run")):
        corpus.read_outputs(tmp_path)
    out = tmp_path / "out"
    assert cli.main(["extract", str(RAW_REPORTS[1]), "--out", str(out), "--jobs", "1", "--quiet",
                     "--format", "csv"]) == 0
    with pytest.raises(FileNotFoundError, match="no reports.parquet: not the --out folder of a toolkit extract "
                                                "run written as parquet"):
        corpus.read_outputs(out, format="parquet")
    assert len(corpus.read_outputs(out)["reports"]) == 1


# ----------------------------------------------------------------------------------------------
# What the command says: failed files, inputs named like options, time limits (review of the corpus runner)
# ----------------------------------------------------------------------------------------------

def test_failed_files_are_named_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # stderr said only 'N report(s), M failed': which ones, and why, took opening reports.csv.
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    for i in range(25):
        (src / f"e{i:02d}.txt").write_bytes(b"")
    argv = ["extract", str(src), str(src / "gone.txt"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    assert cli.main([*argv, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    listed = [line for line in err.splitlines() if line.startswith("  ")]
    assert listed[:20] == [f"  {src / f'e{i:02d}.txt'}: file is empty (0 bytes)" for i in range(20)]
    assert listed[20:] == ["  … and 6 more"]  # e20 … e24 and gone.txt
    assert err.endswith(f"toolkit extract: 27 report(s), 26 failed; files in {tmp_path / 'out'}\n")

@pytest.mark.parametrize(("argv", "message"), [
    (["extract", "-dash.txt", "--out", "o"], "goes after '--', as in '-- -dash.txt', or is written as ./-dash.txt"),
    (["extract", "x.txt", "-dash.txt", "--out", "o"], "unrecognized arguments: -dash.txt (an INPUT whose name"),
    (["summary", "-dash.txt"], "goes after '--', as in '-- -dash.txt'"),
])
def test_an_input_named_like_an_option_is_explained(argv: list[str], message: str,
                                                    capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err

def test_an_input_named_like_an_option_is_read_after_dashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-dash.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    assert cli.main(["extract", "--out", "o", "--jobs", "1", "--quiet", "--", "-dash.txt"]) == 0
    assert pd.read_csv("o/reports.csv")["report_id"].tolist() == ["-dash"]

@pytest.mark.parametrize(("text", "value"), [("90", 90.0), ("90s", 90.0), ("5m", 300.0), ("1.5m", 90.0), ("1h", 3600.0),
                                             ("2H", 7200.0), ("1d", 86400.0), (" 30 s ", 30.0), ("0.5s", 0.5)])
def test_a_timeout_takes_the_suffixes_of_the_timeout_command(text: str, value: float) -> None:
    # '--timeout 5m' was a usage error ('expected a number of seconds or 'none''), where --max-memory takes 2G and
    # timeout(1) and sleep(1) take 5m
    assert cli.build_parser().parse_args(["extract", "x", "--out", "o", "--timeout", text]).timeout == value


@pytest.mark.parametrize("text", ["5x", "m", "5 m s", "5mm", "lots", "-5m", "1e3m"])
def test_a_timeout_that_is_no_time_is_a_usage_error(text: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "x", "--out", "o", f"--timeout={text}"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "argument --timeout: expected a " in err and f"such as 90, 90s, 5m or 1h" in err and repr(text) in err


@pytest.mark.parametrize("text", ["0", "0.0", "0e0", "none", "off"])
def test_a_zero_timeout_however_written_means_no_limit(text: str) -> None:
    # '0' meant no limit, '0.0' was refused
    args = cli.build_parser().parse_args(["extract", "x", "--out", "o", "--timeout", text])
    assert args.timeout is None


def test_the_parser_does_not_import_scikit_learn() -> None:
    # Every toolkit command built the classify parser by importing toolkit.classify whole: scikit-learn and SciPy,
    # two seconds before `toolkit extract` or `--help` did anything (and a Ctrl-C then gave a traceback).
    code = ("import sys, toolkit.cli as c; c.build_parser(); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'jieba') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("sig, exc", [("SIGINT", KeyboardInterrupt), ("SIGTERM", cli._Stopped)])
def test_a_stop_signal_whose_exception_is_lost_still_stops_the_run(sig: str, exc: type) -> None:
    # Ctrl-C in the middle of a run sometimes let the run finish as if nothing had happened (exit 0, all files
    # written; seen three times in full test runs on a loaded machine): an exception raised while the main
    # thread runs a finalizer (__del__) is printed and dropped by Python. The signal is recorded as well now,
    # and the run checks for it at every batch.
    import signal

    signum = getattr(signal, sig)
    inherited = signal.getsignal(signum)
    if inherited == signal.SIG_IGN:  # a test run started as a background job: see the test below
        signal.signal(signum, signal.default_int_handler)
    try:
        before = signal.getsignal(signum)
        with cli._stop_on_signals() as stops:
            try:
                os.kill(os.getpid(), signum)
                for _ in range(1000):  # the handler runs at the next bytecode boundaries
                    pass
            except BaseException:  # noqa: BLE001 - what a finalizer does with it
                pass
            with pytest.raises(exc):
                stops.check()
        assert signal.getsignal(signum) is before
    finally:
        signal.signal(signum, inherited)


def test_a_sigint_ignored_when_the_run_starts_stays_ignored() -> None:
    # A background job of a script starts with SIGINT ignored (so that Ctrl-C in the terminal stops only the
    # foreground job): the run must not make it stoppable by Ctrl-C again.
    import signal

    inherited = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with cli._stop_on_signals():
            assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) != signal.SIG_IGN  # (the others are still the run's)
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, inherited)


def test_import_toolkit_does_not_import_the_parser() -> None:
    # `import toolkit` and the command line's module are light: the parser (and pandas) come on first use
    code = ("import sys, toolkit, toolkit.cli; print(sorted(m for m in ('pandas', 'toolkit.report', 'toolkit.corpus') "
            "if m in sys.modules)); print(toolkit.parse_report.__module__, toolkit.extract_corpus.__module__); "
            "print('pandas' in sys.modules, sorted(set(toolkit.__all__) - set(dir(toolkit))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines() == ["[]", "toolkit.report toolkit.corpus", "True []"]


def test_import_toolkit_imports_no_more_than_its_errors() -> None:
    # runpy imports toolkit/__init__.py before __main__ can catch a Ctrl-C (a traceback): half of that import was
    # typing's, for its TYPE_CHECKING alone
    code = "import sys; before = set(sys.modules); import toolkit; print(sorted(set(sys.modules) - before))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == "['toolkit', 'toolkit._version', 'toolkit.errors']\n"


@pytest.mark.parametrize("module, command", [("pandas", ["summary", str(RAW_REPORTS[0])]), ("pandas", ["--version"]),
                                             ("toolkit.cli", ["extract", str(RAW_REPORTS[0]), "--out", "out"])])
def test_ctrl_c_while_the_parser_is_imported_is_a_stop_not_a_traceback(module: str, command: list[str]) -> None:
    # A Ctrl-C in the first second, while pandas and the parser are imported, is the same stop as later on; one
    # while __main__ imported toolkit.cli itself exited 130 with nothing said
    script = ("import runpy, sys\n"
              "class Stop:\n"
              "    def find_spec(self, name, path=None, target=None):\n"
              f"        if name == {module!r}:\n"
              "            raise KeyboardInterrupt\n"
              "sys.meta_path.insert(0, Stop())\n"
              f"sys.argv = ['toolkit', *{command!r}]\n"
              "runpy.run_module('toolkit', run_name='__main__', alter_sys=True)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    assert proc.returncode == 130, proc.stderr[-2000:]
    assert proc.stderr == "toolkit: stopped by SIGINT\n"
    assert proc.stdout == ""


@pytest.mark.parametrize("module", ["toolkit.cli", "pandas"])
def test_ctrl_c_while_the_console_script_imports_the_command_is_a_stop_not_a_traceback(module: str) -> None:
    # The 'toolkit' console script, as pip writes it ('from toolkit.cli import main' then 'sys.exit(main())' for the
    # entry point toolkit.cli:main), imported the command line outside any handler: a Ctrl-C then was a
    # KeyboardInterrupt traceback, where 'python -m toolkit' stopped with one line, status 130.  Its entry point's
    # function imports the command itself.
    import tomllib

    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["toolkit"]
    where, name = entry.split(":")
    script = ("import sys\n"
              "class Stop:\n"
              "    def find_spec(self, name, path=None, target=None):\n"
              f"        if name == {module!r}:\n"
              "            raise KeyboardInterrupt\n"
              "sys.meta_path.insert(0, Stop())\n"
              f"sys.argv = ['toolkit', 'summary', {str(RAW_REPORTS[0])!r}]\n"
              f"from {where} import {name}\n"
              f"sys.exit({name}())\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    assert proc.returncode == 130, proc.stderr[-2000:]
    assert proc.stderr == "toolkit: stopped by SIGINT\n"
    assert proc.stdout == ""
