"""Tests of toolkit.corpus: one row per file, failures isolated, deterministic output, schema."""
from __future__ import annotations

import html
import os
import re
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit import corpus, synth
from toolkit.errors import ReaderWarning, ToolkitError

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
RAW_REPORTS = sorted(p for p in RAW.iterdir() if p.suffix == ".txt")


# ----------------------------------------------------------------------------------------------
# A fake parser (module level, so worker processes can import it by name)
# ----------------------------------------------------------------------------------------------

class FakeReport:
    """Stands in for toolkit.Report: a few frames computed from the file's text."""

    def __init__(self, path: str, report_id: str) -> None:
        self.path = path
        self.report_id = report_id
        self.text = Path(path).read_text(encoding="utf-8")
        lines = self.text.splitlines()
        self.lines = lines
        self.flags = [FakeFlag("odd_lines", None, i + 1, line) for i, line in enumerate(lines) if "flag" in line]
        self.status = "partial" if self.flags else "ok"
        self.metadata = {"agency": lines[0] if lines else None, "report_year": 2020, "template": "2019"}

    def to_frames(self) -> dict[str, pd.DataFrame]:
        numbers = [(i + 1, w) for i, line in enumerate(self.lines) for w in line.split() if w.isdigit()]
        tables = pd.DataFrame({"report_id": self.report_id, "table": "requests",
                               "row_key": [f"r{i:03d}" for i, _ in numbers], "col_key": "total",
                               "value": [float(w) for _, w in numbers], "raw": [w for _, w in numbers],
                               "line": [i for i, _ in numbers]})
        sections = pd.DataFrame({"report_id": self.report_id, "seq": range(1, len(self.lines) + 1),
                                 "key": "other", "title": self.lines, "n_chars": [len(x) for x in self.lines]})
        return {"reports": pd.DataFrame([{"report_id": self.report_id, "source_format": "text",
                                          "encoding": "utf-8"}]),
                "sections": sections, "tables": tables,
                "checks": pd.DataFrame(columns=["report_id", "table", "check", "key", "expected", "found",
                                                "status", "ok"]),
                "statements": pd.DataFrame()}


class FakeFlag:
    def __init__(self, code: str, table: str | None, line: int, detail: str) -> None:
        self.code, self.table, self.line, self.detail = code, table, line, detail


def fake_parse(path: str, report_id: str | None = None) -> FakeReport:
    stem = Path(path).stem
    if "hang" in stem:
        time.sleep(600)
    if "crash" in stem:
        os._exit(3)
    if "segv" in stem:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "boom" in stem:
        raise RuntimeError("parser bug")
    if "bad" in stem:
        raise ToolkitError(path, "not a report")
    return FakeReport(path, report_id or stem)


def memory_parse(path: str, report_id: str | None = None) -> FakeReport:
    """Like fake_parse, taking 4 GiB for a file named '...memory...' (zeroed: every page touched), and mapping
    8 GiB that it never touches for one named '...mapped...' (address space, not memory in use: what thread
    arenas, thread stacks and OpenBLAS's buffers reserve)."""
    if "memory" in Path(path).stem:
        bytearray(4 * 2**30)
    if "mapped" in Path(path).stem:
        import mmap

        with mmap.mmap(-1, 8 * 2**30):
            return fake_parse(path, report_id)
    return fake_parse(path, report_id)


def pid_parse(path: str, report_id: str | None = None) -> FakeReport:
    """Like fake_parse, with the worker's process id as the agency."""
    report = FakeReport(path, report_id or Path(path).stem)
    report.metadata["agency"] = str(os.getpid())
    return report


def write_fake_corpus(folder: Path, n: int = 12) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"r{i:02d}.txt"
        p.write_text(f"某局{i}\n申请 {i} 件\n{'flag here' if i % 3 == 0 else 'fine'}\n总计 {i * 7}\n",
                     encoding="utf-8")
        paths.append(p)
    return paths


# ----------------------------------------------------------------------------------------------
# Bad files (also used by test_cli.py)
# ----------------------------------------------------------------------------------------------

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><p>某局2020年政府信息公开工作年度报告</p><p>&lol9;</p></body></html>
"""


def write_bad_files(folder: Path) -> tuple[dict[str, str], int]:
    """Write deliberately bad files; return {stem: expected status or error fragment}, and a size limit.

    The limit is larger than every seed and every other bad file, and smaller than ``oversize.txt``.
    """
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    doc = docx.Document()
    doc.add_paragraph("某局2020年政府信息公开工作年度报告" * 50)
    doc.save(folder / "whole.docx")
    data = (folder / "whole.docx").read_bytes()
    (folder / "whole.docx").unlink()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes((i * 37 + 11) % 256 for i in range(6000)))
    (folder / "bomb.html").write_text(BOMB, encoding="utf-8")
    limit = max(p.stat().st_size for p in [*RAW_REPORTS, *folder.iterdir()]) + 1
    (folder / "oversize.txt").write_text("某局2020年政府信息公开工作年度报告\n" + "一、总体情况\n" * (limit // 10),
                                         encoding="utf-8")
    expected = {"empty": "failed:empty", "binary": "failed:binary", "truncated": "failed:DOCX",
                "garbage": "failed:PDF", "bomb": "parsed", "oversize": "failed:larger than the limit"}
    return expected, limit


def check_bad_rows(reports: pd.DataFrame, expected: dict[str, str]) -> None:
    rows = reports.set_index("report_id")
    for stem, want in expected.items():
        row = rows.loc[stem]
        if want == "parsed":
            assert row["status"] in ("ok", "partial"), (stem, row["error"])
            continue
        fragment = want.split(":", 1)[1]
        assert row["status"] == "failed", stem
        assert fragment in row["error"] and stem in row["error"], (stem, row["error"])
        assert pd.isna(row["agency"]) and pd.isna(row["report_year"]) and pd.isna(row["n_flags"])


# ----------------------------------------------------------------------------------------------
# Tests with the fake parser
# ----------------------------------------------------------------------------------------------

def test_every_file_gives_one_row_whatever_happens(tmp_path: Path) -> None:
    good = write_fake_corpus(tmp_path / "good", 6)
    odd = tmp_path / "odd"
    odd.mkdir()
    for name in ("hang.txt", "crash.txt", "segv.txt", "boom.txt", "bad.txt"):
        (odd / name).write_text("x\n", encoding="utf-8")
    (odd / "huge.txt").write_text("1\n" * 5000, encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    t0 = time.monotonic()
    frames = corpus.extract_corpus([tmp_path / "good", odd, missing], jobs=2, timeout=1.5, max_bytes=2000,
                                   _parse=fake_parse)
    elapsed = time.monotonic() - t0
    reports = frames["reports"].set_index("report_id")
    assert len(reports) == len(good) + 7
    assert elapsed < 20
    err = reports["error"]
    assert reports.loc["hang", "status"] == "failed" and err["hang"] == "timeout after 1.5s"
    assert err["crash"] == "worker crashed: exit code 3"
    assert err["segv"] == "worker crashed: killed by signal SIGSEGV"
    assert err["boom"].endswith("unexpected RuntimeError: parser bug")
    assert err["bad"] == f"{odd / 'bad.txt'}: not a report"
    assert err["huge"] == (f"{odd / 'huge.txt'}: file is 10000 bytes, larger than the limit max_bytes=2000 (pass a "
                           f"larger max_bytes to read it)")
    assert err["nowhere"] == f"{missing}: file not found"
    for p in good:
        stem = p.stem
        want = "partial" if int(stem[1:]) % 3 == 0 else "ok"
        assert reports.loc[stem, "status"] == want
        assert pd.isna(err[stem])
        assert reports.loc[stem, "agency"] == p.read_text(encoding="utf-8").splitlines()[0]
    assert (reports.loc[[p.stem for p in good], "n_flags"] == [1, 0, 0, 1, 0, 0]).all()
    assert reports.loc["r00", "flags"] == "odd_lines"
    # the crash/hang did not lose the other files' tables
    tables = frames["tables"]
    assert sorted(tables["report_id"].unique()) == sorted(p.stem for p in good)


def test_an_oversize_file_gets_the_readers_words_from_the_check_before_parsing(tmp_path: Path) -> None:
    # The check before parsing said 'larger than the limit of 2000 bytes (max_bytes)', the reader (a file that
    # grew, or parse_report) 'larger than the limit max_bytes=2000 (pass a larger max_bytes …)': one cause, one
    # wording
    from toolkit import parse_report
    from toolkit.errors import FileTooLargeError

    big = tmp_path / "big.txt"
    big.write_text("1\n" * 5000, encoding="utf-8")
    frames = corpus.extract_corpus([big], jobs=1, max_bytes=2000)
    with pytest.raises(FileTooLargeError) as info:
        parse_report(big, max_bytes=2000)
    assert frames["reports"]["error"].tolist() == [str(info.value)]


def test_a_file_needing_more_memory_than_a_worker_may_take_fails_alone(tmp_path: Path) -> None:
    # max_memory bounds the memory each worker uses (its resident set) beyond what it holds at its start: the
    # worker parsing the file that needs 4 GiB is stopped, the file gets a failed row saying so, the others are
    # parsed (before, no limit but the machine's: the system's OOM killer, which may kill another process than the
    # worker).
    paths = write_fake_corpus(tmp_path, 4)
    hog = tmp_path / "r01memory.txt"
    hog.write_text("x\n", encoding="utf-8")
    frames = corpus.extract_corpus([tmp_path], jobs=1, max_memory=2**30, _parse=memory_parse)
    reports = frames["reports"].set_index("report_id")
    # the row names the limit (it said 'out of memory (MemoryError)' alone, as if the machine's memory were out)
    assert reports.loc["r01memory", "error"] == (f"{hog}: out of memory: the file needs more than the limit "
                                                 f"max_memory={2**30} (pass a larger max_memory to read it)")
    assert (reports.loc[[p.stem for p in paths], "status"] != "failed").all()
    with pytest.raises(ValueError, match="max_memory must be a positive integer"):
        corpus.extract_corpus([tmp_path], max_memory=0)


def test_a_memory_error_of_the_system_says_what_to_do(tmp_path: Path) -> None:
    # A MemoryError raised by the system (no max_memory: the machine's memory, a ulimit) gave the row 'out of
    # memory (MemoryError: Unable to allocate …)' alone: not whether to give up on the file or what to change
    def system_oom(path: str, report_id: str | None = None) -> FakeReport:
        raise MemoryError("Unable to allocate output buffer.")

    path = str(tmp_path / "r01.txt")
    row, _ = corpus._parse_one(system_oom, path, "r01")
    assert row["status"] == "failed"
    assert row["error"] == (f"{path}: out of memory (MemoryError: Unable to allocate output buffer.): the system "
                            f"had no more memory to give while the file was read; with fewer jobs at once, or on a "
                            f"machine with more memory, it may be read")


def test_a_memory_limit_counts_memory_in_use_not_address_space(tmp_path: Path) -> None:
    # max_memory was a limit on the worker's address space (RLIMIT_AS): a file whose parser mapped 8 GiB and used
    # none of it failed 'out of memory' under a limit of 256 MiB (as thread arenas and OpenBLAS's buffers do under
    # a realistic 2G), while memory taken inside space mapped before went uncounted
    paths = write_fake_corpus(tmp_path, 2)
    (tmp_path / "r00mapped.txt").write_text("x\n", encoding="utf-8")
    frames = corpus.extract_corpus([tmp_path], jobs=1, max_memory=2**28, _parse=memory_parse)
    reports = frames["reports"].set_index("report_id")
    assert reports.loc["r00mapped", "status"] == "ok", reports.loc["r00mapped", "error"]
    assert (reports.loc[[p.stem for p in paths], "status"] != "failed").all()


@pytest.mark.parametrize("max_memory", [2**63, 10**20])
def test_a_memory_limit_beyond_what_the_system_can_hold_is_no_limit(tmp_path: Path, max_memory: int) -> None:
    # (--max-memory 100000000000000000000) setrlimit takes no number past 2**63 - 1: every worker died at its start
    # with OverflowError, and the run ended in "worker processes die before parsing anything"
    paths = write_fake_corpus(tmp_path, 2)
    frames = corpus.extract_corpus([tmp_path], jobs=1, max_memory=max_memory, _parse=fake_parse)
    assert frames["reports"]["report_id"].tolist() == [p.stem for p in paths]
    assert (frames["reports"]["status"] != "failed").all()


def test_pdf_decompression_bombs_fail_alone_in_a_corpus_run(tmp_path: Path) -> None:
    # Each way a PDF holds a stream that decodes past 10 x max_bytes gives its file a failed row naming it, the
    # page and the limit; a huge image, never decoded, is read (scaled down: max_bytes 300 KB, 4 MB decoded).
    try:
        from renderers import PDF_BOMBS, pdf_bomb, render_pdf
    except ImportError:  # tests/ imported as a package
        from tests.renderers import PDF_BOMBS, pdf_bomb, render_pdf
    render_pdf(toolkit.readers.read_document(RAW_REPORTS[1]).lines, tmp_path / "seed.pdf", compress=False)
    seed = (tmp_path / "seed.pdf").read_bytes()
    for kind in PDF_BOMBS + ["image"]:
        (tmp_path / f"{kind}.pdf").write_bytes(pdf_bomb(seed, kind, 4_000_000))
    start = time.monotonic()
    frames = corpus.extract_corpus([tmp_path], jobs=1, max_bytes=300_000)
    reports = frames["reports"].set_index("report_id")
    for kind in PDF_BOMBS:
        where = "" if kind == "object_stream" else "page 1: "
        assert reports.loc[kind, "error"] == (
            f"{tmp_path / kind}.pdf: {where}the PDF's compressed streams decode to more than 3000000 bytes, 10 x "
            f"max_bytes=300000 (a decompression bomb, or pass a larger max_bytes)")
    assert reports.loc["image", "status"] == reports.loc["seed", "status"] == "partial"
    assert time.monotonic() - start < 120


def test_hang_in_a_batch_does_not_lose_its_neighbours(tmp_path: Path) -> None:
    paths = write_fake_corpus(tmp_path, 8)
    for name in ("r03hang.txt", "r05crash.txt"):  # sorted among the good ones, inside their batches
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    t0 = time.monotonic()
    parts = list(corpus._iter_corpus([tmp_path], jobs=1, timeout=1, batch_size=5, _parse=fake_parse))
    # the hang, the fifth file of its batch, is found about a second after it began (not after the grace a
    # worker has to begin its batch)
    assert time.monotonic() - t0 < 20
    reports = pd.concat([p["reports"] for p in parts], ignore_index=True)
    assert len(reports) == len(paths) + 2
    status = dict(zip(reports["report_id"], reports["status"]))
    assert status["r03hang"] == "failed" and status["r05crash"] == "failed"
    assert all(status[p.stem] in ("ok", "partial") for p in paths)
    assert list(reports["report_id"]) == sorted(reports["report_id"])
    tables = pd.concat([p["tables"] for p in parts], ignore_index=True)
    assert sorted(tables["report_id"].unique()) == [p.stem for p in paths]


@pytest.mark.parametrize("jobs,batch_size", [(1, None), (1, 4), (2, 3)])
def test_files_failing_before_parsing_are_not_lost_between_batches(tmp_path: Path, jobs: int,
                                                                   batch_size: int | None) -> None:
    # Over-size and missing files fail before any worker sees them; their rows must still come out
    # whatever batches the files around them are parsed in.
    paths = write_fake_corpus(tmp_path / "in", 12)
    for i in (2, 5, 6):
        paths[i].write_text("x" * 5000, encoding="utf-8")
    named = [str(p) for p in paths] + [str(tmp_path / "in" / "r04b-missing.txt")]
    parts = list(corpus._iter_corpus(named, jobs=jobs, batch_size=batch_size, max_bytes=1000, _parse=fake_parse))
    reports = pd.concat([p["reports"] for p in parts], ignore_index=True)
    assert list(reports["report_id"]) == sorted([p.stem for p in paths] + ["r04b-missing"])
    failed = reports.set_index("report_id")["error"].dropna()
    assert sorted(failed.index) == ["r02", "r04b-missing", "r05", "r06"]
    assert "larger than the limit max_bytes=1000" in failed["r05"] and "file not found" in failed["r04b-missing"]


def test_files_failing_before_parsing_in_a_row_come_out_together(tmp_path: Path) -> None:
    # Each missing file was a chunk of its own, built and written alone: 3,000 of them took a minute of
    # `toolkit extract`, as long as parsing as many reports. A run of them is now one chunk.
    paths = write_fake_corpus(tmp_path / "in", 4)
    missing = [str(tmp_path / "in" / f"{c}{i:03d}.txt") for c in "az" for i in range(300)]
    named = missing[:300] + [str(p) for p in paths] + missing[300:]
    parts = list(corpus._iter_corpus(named, jobs=1, _parse=fake_parse))
    reports = pd.concat([p["reports"] for p in parts], ignore_index=True)
    assert list(reports["report_id"]) == sorted(Path(p).stem for p in named)
    assert reports["status"].eq("failed").sum() == 600
    assert [len(p["reports"]) for p in parts] == [300, 4, 300]


def test_batches_are_contiguous_runs() -> None:
    assert list(corpus._batches([0, 1, 3, 4, 5, 6, 9], 1, 2)) == [[0, 1], [3, 4], [5, 6], [9]]
    assert list(corpus._batches([0, 1, 3, 4, 5, 6, 9], 1, None)) == [[0, 1], [3, 4, 5, 6], [9]]
    assert list(corpus._batches(list(range(200)), 1, None)) == [list(range(i, min(i + 64, 200)))
                                                                for i in range(0, 200, 64)]
    assert max(map(len, corpus._batches(list(range(200)), 2, None))) == 12  # eight a worker at least


def test_more_jobs_than_the_open_file_limit_allows_are_fewer_workers(tmp_path: Path) -> None:
    # each worker takes two of the parent's open files: '--jobs 500' under 'ulimit -n 1024' (256 on macOS) ended
    # the run in a traceback, 'OSError: [Errno 24] Too many open files', its rows lost; now the workers are as many
    # as the limit allows (the output does not depend on their number)
    import resource

    paths = write_fake_corpus(tmp_path, 24)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (len(os.listdir("/proc/self/fd")) + 48, hard))
    try:
        frames = corpus.extract_corpus([tmp_path], jobs=24, _parse=fake_parse)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert frames["reports"]["report_id"].tolist() == [p.stem for p in paths]
    assert (frames["reports"]["status"] != "failed").all()


@pytest.mark.parametrize(("files", "cores"), [
    ({"cpu.max": "200000 100000\n"}, 2), ({"cpu.max": "150000 100000\n"}, 2), ({"cpu.max": "max 100000\n"}, 64),
    ({"cpu.max": "50000 100000\n"}, 1), ({"cpu.max": "6400000 100000\n"}, 64),
    ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, 64), ({}, 64)])
def test_all_cores_are_the_cores_a_container_may_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict,
                                                     cores: int) -> None:
    # (docker run --cpus 2 on a 64-core host) the default jobs were the host's 64 cores: 64 workers, each taking its
    # memory, on two cores' time; now the container's CPU quota (cgroup v2 cpu.max, v1 cpu.cfs_quota_us) bounds them
    _fake_cgroups(tmp_path, monkeypatch, files, "0::/\n4:cpu,cpuacct:/\n")
    assert corpus._cores() == cores


def _fake_cgroups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict, own: str) -> None:
    """A cgroup file tree under tmp_path/cgroup holding ``files``, and ``own`` as /proc/self/cgroup; 64 cores."""
    root = tmp_path / "cgroup"
    root.mkdir()
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (tmp_path / "proc-cgroup").write_text(own)
    monkeypatch.setattr(corpus, "_CGROUP", str(root))
    monkeypatch.setattr(corpus, "_PROC_CGROUP", str(tmp_path / "proc-cgroup"))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)))


_USER = "user.slice/user-1000.slice"
_V1 = {"cpu.cfs_period_us": "100000\n"}


@pytest.mark.parametrize(("files", "own", "cores"), [
    # cgroup v2, no namespace (a login node's per-user CPUQuota=400%, systemd-run -p CPUQuota): the process's group
    # is below the root, which has no cpu.max; the quota is on its slice
    ({f"{_USER}/cpu.max": "400000 100000\n", f"{_USER}/session-3.scope/cpu.max": "max 100000\n"},
     f"0::/{_USER}/session-3.scope\n", 4),
    # the smallest quota on the way up wins (a pod's limit above its container's)
    ({"kubepods/cpu.max": "200000 100000\n", "kubepods/pod1/cpu.max": "800000 100000\n"}, "0::/kubepods/pod1\n", 2),
    # a group not under this root (a container mounting its own group as the root): the root's quota
    ({"cpu.max": "300000 100000\n"}, "0::/system.slice/docker-1.scope\n", 3),
    # cgroup v1: the cpu controller mounted as cpu,cpuacct (no 'cpu' link), the quota on the user's slice
    ({f"cpu,cpuacct/{_USER}/cpu.cfs_quota_us": "250000\n", f"cpu,cpuacct/{_USER}/cpu.cfs_period_us": "100000\n"},
     f"5:memory:/x\n4:cpu,cpuacct:/{_USER}\n1:name=systemd:/{_USER}\n", 3),
    # cgroup v1 in Docker: the container's group is the mount's root, /proc/self/cgroup names it as the host does
    ({"cpu/cpu.cfs_quota_us": "100000\n", **{f"cpu/{k}": v for k, v in _V1.items()}}, "4:cpu,cpuacct:/docker/ab12\n", 1),
    # a quota in the group's sibling is no quota of this process
    ({"other.slice/cpu.max": "100000 100000\n"}, f"0::/{_USER}\n", 64),
    # no /proc/self/cgroup to read: the root's quota, as before
    ({"cpu.max": "200000 100000\n"}, None, 2),
])
def test_the_cores_are_bounded_by_the_quota_of_the_process_s_own_cgroup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict, own: str | None, cores: int) -> None:
    # the quota was read at the hierarchy's root alone: a process in a group below it (a shared server's per-user
    # slice) with a quota there ran as many workers as the machine has cores, on the slice's few cores' time
    _fake_cgroups(tmp_path, monkeypatch, files, own or "")
    if own is None:
        (tmp_path / "proc-cgroup").unlink()
    assert corpus._cores() == cores
    assert corpus._check_args(None, "local", None, 60, None) == cores  # (the default jobs)


def test_workers_are_recycled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_fake_corpus(tmp_path, 7)
    monkeypatch.setattr(corpus, "_RECYCLE_AFTER", 3)
    # a worker is replaced between batches: batches of one file each
    parts = list(corpus._iter_corpus(tmp_path, jobs=1, batch_size=1, _parse=pid_parse))
    pids = pd.concat([p["reports"] for p in parts], ignore_index=True)["agency"].tolist()
    assert len(pids) == 7 and pids[0] != pids[-1]
    assert len(set(pids)) == 3  # 3 + 3 + 1 files


def test_workers_that_cannot_start_stop_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a file's fault: an error, not N failed rows (here the parser's module is gone from disk)."""
    import shutil

    write_fake_corpus(tmp_path / "in", 3)
    (tmp_path / "mod").mkdir()
    (tmp_path / "mod" / "elsewhere_parser.py").write_text(
        "def parse(path, report_id=None):\n    raise AssertionError('never runs')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "mod"))
    import elsewhere_parser

    shutil.rmtree(tmp_path / "mod")  # importable here (sys.modules), not in a new worker process

    with pytest.raises(RuntimeError, match="corpus worker processes die before parsing anything"):
        corpus.extract_corpus(tmp_path / "in", jobs=1, _parse=elsewhere_parser.parse)
    del sys.modules["elsewhere_parser"]


def test_output_does_not_depend_on_jobs_or_batches(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path, 14)
    a = corpus.extract_corpus(tmp_path, jobs=1, _parse=fake_parse)
    parts = list(corpus._iter_corpus([str(tmp_path)], jobs=2, batch_size=3, _parse=fake_parse))
    assert len(parts) >= 5
    b = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in corpus.FRAMES}
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(a[name], b[name])
    assert len(a["reports"]) == 14
    assert a["tables"]["report_id"].is_monotonic_increasing


def test_streaming_yields_in_chunks_and_in_order(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path, 20)
    parts = list(corpus._iter_corpus(tmp_path, jobs=2, batch_size=3, _parse=fake_parse))
    assert len(parts) >= 5
    ids = [rid for p in parts for rid in p["reports"]["report_id"]]
    assert ids == sorted(ids) and len(ids) == 20


def test_duplicate_stems_get_unique_ids(tmp_path: Path) -> None:
    for sub in ("b", "a", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(f"来自{sub}\n", encoding="utf-8")
    (tmp_path / "c" / "x-2.txt").write_text("真的叫 x-2\n", encoding="utf-8")
    given = [tmp_path / "c", tmp_path / "b", tmp_path / "a"]
    frames = corpus.extract_corpus(given, jobs=2, _parse=fake_parse)
    rep = frames["reports"]
    ids = dict(zip(rep["path"].map(lambda p: Path(p).relative_to(tmp_path).as_posix()), rep["report_id"]))
    assert ids == {"a/x.txt": "x", "b/x.txt": "x-3", "c/x.txt": "x-4", "c/x-2.txt": "x-2"}
    # the same whatever order the inputs come in
    again = corpus.extract_corpus(list(reversed(given)), jobs=1, _parse=fake_parse)
    pd.testing.assert_frame_equal(rep, again["reports"])
    assert rep.loc[rep["report_id"] == "x-3", "agency"].item() == "来自b"


def test_ids_differing_only_in_case_are_made_unique(tmp_path: Path) -> None:
    # 'a.txt' and 'A.txt' got the ids 'a' and 'A': one file per report id then overwrote the other on a
    # case-insensitive file system (macOS, Windows). Such stems are one stem for the duplicate rule now.
    (tmp_path / "a.txt").write_text("小写\n", encoding="utf-8")
    (tmp_path / "A.txt").write_text("大写\n", encoding="utf-8")
    (tmp_path / "X-2.txt").write_text("真的叫 X-2\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    for name in ("x.txt", "X.txt"):
        (tmp_path / "sub" / name).write_text(f"{name}\n", encoding="utf-8")
    rep = corpus.extract_corpus([tmp_path], jobs=1, _parse=fake_parse)["reports"]
    ids = dict(zip(rep["path"].map(lambda p: Path(p).relative_to(tmp_path).as_posix()), rep["report_id"]))
    # the first by path keeps its stem, the next ones get -2, -3 … past any id taken, in any case
    assert ids == {"A.txt": "A", "a.txt": "a-2", "X-2.txt": "X-2", "sub/X.txt": "X", "sub/x.txt": "x-3"}
    assert len({i.casefold() for i in ids.values()}) == len(ids)
    # a corpus without such collisions keeps its ids
    assert corpus._assign_ids(["d/Wudang.txt", "e/wudang-2020.txt", "f/Wudang.txt"], None) == [
        "Wudang", "wudang-2020", "Wudang-2"]


def test_thousands_of_files_of_one_stem_get_their_ids_at_once() -> None:
    # A scraped site saves every page as index.html: the n-th one's id took n tries (20,000 files: 150 s
    # before the first file was parsed); now about a second per 100,000 files (speed is the benchmark's business:
    # this test reads the ids, and takes minutes again if the quadratic search comes back).
    n = 10_000
    files = [f"scrape/page{i:05d}/index.html" for i in range(n)] + ["scrape/index-3.html"]
    ids = corpus._assign_ids(files, None)
    assert ids[:4] == ["index", "index-2", "index-4", "index-5"] and ids[-2:] == [f"index-{n + 1}", "index-3"]
    assert len(set(ids)) == len(ids)


def test_inputs_folders_globs_and_explicit_files(tmp_path: Path) -> None:
    for folder in ("deep", ".ipynb_checkpoints", ".git"):
        (tmp_path / "d" / folder).mkdir(parents=True)
    for rel in ("d/a.txt", "d/deep/b.TXT", "d/c.html", "d/notes.md", "d/.hidden.txt", "e.txt", "f.dat",
                "d/.ipynb_checkpoints/a-checkpoint.txt", "d/.git/x.txt"):
        (tmp_path / rel).write_text("某局\n", encoding="utf-8")
    files = corpus._expand([tmp_path / "d"])
    assert sorted(Path(f).relative_to(tmp_path).as_posix() for f in files) == ["d/a.txt", "d/c.html",
                                                                              "d/deep/b.TXT"]
    files = corpus._expand([str(tmp_path / "**" / "*.txt"), tmp_path / "d" / "a.txt", tmp_path / "f.dat"])
    rels = [Path(f).relative_to(tmp_path).as_posix() for f in files]
    assert sorted(rels) == ["d/a.txt", "e.txt", "f.dat"]  # glob, de-duplicated, explicit odd file kept
    # a pattern that matches nothing is an input that failed, as a missing file is (and --strict sees it)
    pattern = str(tmp_path / "*.pdf")
    assert corpus._expand([pattern]) == [pattern]
    frames = corpus.extract_corpus([pattern, tmp_path / "e.txt"], jobs=1, _parse=fake_parse)
    failed = frames["reports"].set_index("path").loc[pattern]
    assert failed["status"] == "failed" and failed["error"] == f"{pattern}: no file matches this pattern"


def test_folders_give_every_file_a_reader_handles_and_a_row_to_report_like_files(tmp_path: Path) -> None:
    from email.mime.text import MIMEText

    src = (RAW / "pingtan-2023-02.txt").read_bytes()
    readable = ("a.txt", "b.shtml", "c.xhtml", "d.text", "e", "f.asp", "l.mht", "m.mhtml", "g.doc", "h.wps", "n.dot")
    word = (Path(__file__).parent / "data" / "doc" / "003_ce1f8ef96d3daffd.doc").read_bytes()  # a Word 97-2003 file
    for name in readable:  # (a web archive holds the text as its page)
        (tmp_path / name).write_bytes(word if name[-4:] in (".doc", ".wps", ".dot") else src if "mht" not in name
                                      else MIMEText(f"<html><body><pre>{html.escape(src.decode())}</pre></body></html>",
                                                    "html", "utf-8").as_bytes())
    from renderers import ole_bytes

    workbook = ole_bytes({"Workbook": b"\x09\x08"})  # an OLE file too, named for what it holds
    refused = {"o.xls": workbook, "p.et": workbook,
               "i.odt": b"PK\x03\x04", "j.zip": b"PK\x03\x04", "k.RTF": b"{\\rtf1}"}
    for name, data in refused.items():
        (tmp_path / name).write_bytes(data)
    not_reports = {"manifest.csv": "csv", "notes.md": "md", "scan.png": "png", "~$a.docx": "", "Thumbs.db": "",
                   "desktop.ini": "", ".DS_Store": ""}
    for name in not_reports:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "manifest.csv").write_bytes((RAW / "pingtan-manifest.csv").read_bytes())
    inputs = corpus._collect([tmp_path])
    assert sorted(Path(f).name for f in inputs.files) == sorted([*readable, *refused])
    assert inputs.skipped == {".csv": 1, ".md": 1, ".png": 1}  # lock files and folder settings go unsaid
    rows = corpus.extract_corpus(tmp_path, jobs=1)["reports"].set_index("report_id")
    assert set(rows.loc[[Path(n).stem for n in readable], "status"]) <= {"ok", "partial"}
    assert set(rows.loc[["g", "h", "n"], "source_format"]) == {"doc"}
    for name in refused:
        row = rows.loc[Path(name).stem]
        assert row["status"] == "failed" and name in row["error"] and "unsupported" in row["error"], row["error"]


def test_folders_follow_linked_folders_once_and_fail_those_they_cannot_list(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    for sub, seed in (("in/ok", RAW_REPORTS[0]), ("in/locked", RAW_REPORTS[1]), ("elsewhere/y2022", RAW_REPORTS[2])):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "y2022").symlink_to(tmp_path / "elsewhere" / "y2022", target_is_directory=True)
    (tmp_path / "in" / "ok" / "loop").symlink_to(tmp_path / "in", target_is_directory=True)  # an ancestor
    locked = str(tmp_path / "in" / "locked")
    scandir = os.scandir

    def refuse(path: str = ".") -> object:  # as chmod 000 does for a user other than root
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    rows = corpus.extract_corpus(tmp_path / "in", jobs=1)["reports"].set_index("path")
    assert sorted(rows.index) == sorted([str(tmp_path / "in" / "ok" / RAW_REPORTS[0].name), locked,
                                         str(tmp_path / "in" / "y2022" / RAW_REPORTS[2].name)])
    assert rows.loc[locked, "status"] == "failed"
    assert rows.loc[locked, "error"] == f"{locked}: cannot list the folder (Permission denied)"


def test_a_pattern_through_a_loop_of_linked_folders_gives_no_rows_for_the_loop(tmp_path: Path) -> None:
    # 'c3/**' follows a link to a parent until the system says ELOOP: the loop's deepest path got a failed row
    # ('cannot read the file (Too many levels of symbolic links)'); the loop gives no row.
    (tmp_path / "c3" / "sub").mkdir(parents=True)
    (tmp_path / "c3" / "a.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (tmp_path / "c3" / "sub" / "loop").symlink_to("..", target_is_directory=True)
    for inputs in ([str(tmp_path / "c3" / "**")], [tmp_path / "c3"]):
        assert corpus._expand(inputs) == [str(tmp_path / "c3" / "a.txt")]


def test_a_link_that_loops_is_named_the_same_by_a_corpus_run_and_parse_report(tmp_path: Path) -> None:
    # A corpus run said 'cannot read the file (Too many levels of symbolic links)', parse_report 'cannot open the
    # file: Too many levels of symbolic links': two wordings of one failure, neither saying what is wrong.
    (tmp_path / "ok.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(ToolkitError) as info:
        toolkit.parse_report(tmp_path / "loop.txt")
    assert str(info.value) == f"{tmp_path / 'loop.txt'}: cannot open the file: a link that loops (a chain of links " \
                              f"that comes back to itself)"
    rows = corpus.extract_corpus([tmp_path / "loop.txt", tmp_path / "ok.txt"], jobs=1)["reports"].set_index("path")
    assert rows.loc[str(tmp_path / "loop.txt"), "error"] == str(info.value)


def test_report_ids_given(tmp_path: Path) -> None:
    paths = write_fake_corpus(tmp_path, 3)
    frames = corpus.extract_corpus(paths, jobs=1, report_ids=["c", "b", "a"], _parse=fake_parse)
    assert list(frames["reports"]["report_id"]) == ["a", "b", "c"]
    assert frames["reports"].set_index("report_id").loc["a", "path"] == str(paths[2])
    with pytest.raises(ValueError, match="report_ids must be unique, got 'a' more than once"):
        corpus.extract_corpus(paths, report_ids=["a", "a", "b"], _parse=fake_parse)
    with pytest.raises(ValueError, match=r"report_ids must give one id per input file \(3\), got 2"):
        corpus.extract_corpus(paths, report_ids=["a", "b"], _parse=fake_parse)


def test_report_ids_given_that_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    # report_ids=['A', 'a'] passed, where the stems 'A' and 'a' are made unique (a-2): one file per report id
    # then overwrote the other on a case-insensitive file system (macOS, Windows).  The caller's ids are not
    # renamed: the run stops, naming both.
    paths = write_fake_corpus(tmp_path, 3)
    with pytest.raises(ValueError, match="report_ids must be unique ignoring case, got 'A' and 'a'"):
        corpus.extract_corpus(paths, report_ids=["A", "a", "b"], _parse=fake_parse)
    with pytest.raises(ValueError, match="got 'Wudang' and 'WUDANG'"):
        corpus.extract_corpus(paths, report_ids={str(p): i for p, i in zip(paths, ["Wudang", "x", "WUDANG"])},
                              _parse=fake_parse)


def test_report_ids_as_one_string_or_no_collection_are_refused(tmp_path: Path) -> None:
    # report_ids="abc" for three files gave them the ids 'a', 'b' and 'c' (a str is a sequence of characters),
    # and report_ids=5 raised "'int' object is not iterable" from inside: both are refused by name.
    paths = write_fake_corpus(tmp_path, 3)
    for bad in ("abc", b"abc", 5):
        with pytest.raises(ValueError, match=r"report_ids must be a mapping from input path to id or a sequence "
                                             r"of ids, one per input file, got "):
            corpus.extract_corpus(paths, jobs=1, report_ids=bad, _parse=fake_parse)


def test_a_progress_that_is_not_true_or_false_is_refused(tmp_path: Path) -> None:
    # progress="no" (a non-empty str, so true) drew the bar it was meant to leave out: refused by name, as
    # report_metrics refuses blank_as_zero="no"
    paths = write_fake_corpus(tmp_path, 2)
    for bad in ("no", "False", None):
        with pytest.raises(ValueError, match=f"progress must be True or False, got {bad!r}"):
            corpus.extract_corpus(paths, jobs=1, progress=bad, _parse=fake_parse)


def test_read_outputs_refuses_a_folder_that_is_no_path(tmp_path: Path) -> None:
    # read_outputs([out]) raised pathlib's "expected str, bytes or os.PathLike object, not list", naming no argument
    for bad in ([str(tmp_path)], None, 3):
        with pytest.raises(TypeError, match=f"folder must be a str or os.PathLike, the --out folder of a run; got "
                                            f"{type(bad).__name__}"):
            corpus.read_outputs(bad)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_read_outputs_names_the_file_of_an_older_version_that_lacks_a_column(tmp_path: Path, fmt: str) -> None:
    # a run of a version before agency_kind was added (pingtan-2023-01's reports file without it) was read with
    # agency_kind NA in every row, as if no report named its kind, without a word
    from toolkit.cli import main

    out = tmp_path / "out"
    assert main(["extract", str(RAW / "pingtan-2023-01.txt"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    path = out / f"reports.{fmt}"
    if fmt == "csv":
        old = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="agency_kind")
        old.to_csv(path, index=False)
    else:
        pd.read_parquet(path).drop(columns="agency_kind").to_parquet(path)
    with pytest.raises(ValueError, match=re.escape(
            f"{path}: cannot read it as the reports file of a toolkit extract run: it has no column agency_kind "
            "(written by an older version of the toolkit, or edited); run toolkit extract again")):
        corpus.read_outputs(out, format=fmt)


def test_frames_follow_the_output_schema(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path, 3)
    frames = corpus.extract_corpus(tmp_path, jobs=1, _parse=fake_parse)
    schema = corpus.output_schema()
    assert set(frames) == set(corpus.FRAMES) == set(schema)
    for name, frame in frames.items():
        assert list(frame.columns) == list(schema[name]["column"]), name
        assert list(frame.dtypes) == [corpus._DTYPES[d] for d in schema[name]["dtype"]], name
    empty = corpus.extract_corpus([tmp_path / "missing.txt"], _parse=fake_parse)
    for name, frame in empty.items():
        assert list(frame.columns) == list(schema[name]["column"])
        assert list(frame.dtypes) == [corpus._DTYPES[d] for d in schema[name]["dtype"]], name
    assert len(empty["reports"]) == 1 and all(len(empty[n]) == 0 for n in corpus.FRAMES[1:])


def _pandas_way(records: list[dict], name: str) -> pd.DataFrame:
    """The frame pandas' own inference, _conform and _sort make of some rows (the reference)."""
    frame = pd.DataFrame.from_records(records, columns=list(corpus._columns(name)))
    return corpus._sort(corpus._conform(frame, name), name)


_TRICKY_ROWS = {  # '' and None in sort keys, unsorted, ties, NaN, all-NA columns, ints with NA
    "flags": [{"report_id": "b", "code": "z", "table": "", "line": None, "detail": ""},
              {"report_id": "a", "code": "y", "table": "t", "line": 3, "detail": "d"},
              {"report_id": "a", "code": "x", "table": None, "line": 3, "detail": "c"},
              {"report_id": "a", "code": "", "table": "t", "line": None, "detail": None},
              {"report_id": "a", "code": "w", "table": "t", "line": 1, "detail": "é"},
              {"report_id": "a", "code": "w", "table": "t", "line": 1, "detail": ""}],
    "checks": [{"report_id": "r", "table": "t", "check": "c2", "key": "k", "expected": float("nan"),
                "found": 1.0, "status": "unverifiable", "ok": None, "detail": ""},
               {"report_id": "r", "table": "t", "check": "c1", "key": "", "expected": 2.0, "found": 2.0,
                "status": "ok", "ok": True, "detail": ""},
               {"report_id": "r", "table": "t", "check": "c1", "key": "k", "expected": None, "found": -0.0,
                "status": "failed", "ok": False, "detail": "x"}],
    "sections": [{"report_id": "r", "seq": 2, "key": "b", "title": "", "first_line": 5, "last_line": None,
                  "n_chars": 0, "text": "二"},
                 {"report_id": "r", "seq": 1, "key": "a", "title": "一", "first_line": 1, "last_line": 4,
                  "n_chars": 2 ** 40, "text": ""}],
}
_ODD_ROWS = {  # values of other types than the documented ones: pandas' inference decides
    "flags": [{"report_id": "a", "code": 5, "table": 1.5, "line": "7", "detail": True},
              {"report_id": "a", "code": "x", "table": "", "line": 2.0, "detail": None}],
    "sections": [{"report_id": "r", "seq": 2 ** 60, "key": "a", "title": float("nan"), "first_line": True,
                  "last_line": None, "n_chars": None, "text": "t"},
                 {"report_id": "r", "seq": 1, "key": "a", "title": "t"}],
    "checks": [{"report_id": "r", "table": "t", "check": "c", "key": "k", "expected": 1, "found": "2",
                "status": "ok", "ok": 1}],
}


@pytest.mark.parametrize("rows", [_TRICKY_ROWS, _ODD_ROWS], ids=["tricky", "odd-types"])
def test_frames_built_column_by_column_are_the_ones_pandas_makes(rows: dict) -> None:
    """_combine builds frames from plain rows itself; what it gives must be what pandas' inference, _conform
    and _sort give: dtypes, values, NA and order (NA last, ties in input order)."""
    for name, records in rows.items():
        ours = corpus._combine([({"report_id": "r"}, {name: [dict(r) for r in records]})])[name]
        pd.testing.assert_frame_equal(ours, _pandas_way([dict(r) for r in records], name), check_exact=True)
        for one in records:
            single = corpus._combine([({"report_id": "r"}, {name: [dict(one)]})])[name]
            pd.testing.assert_frame_equal(single, _pandas_way([dict(one)], name), check_exact=True)


def test_frames_of_a_seed_are_the_ones_pandas_constructor_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    """_frame builds the frames through pandas' private DataFrame._from_arrays (a third of the public
    constructor's cost): the frames must be those the public constructor makes of the same arrays, which
    is also what _frame falls back to when a pandas lacks it; and frames must not share their labels."""
    report = toolkit.parse_report(RAW_REPORTS[0])
    fast = report.to_frames()
    monkeypatch.setattr(pd.DataFrame, "_from_arrays", None, raising=True)  # 'NoneType' is not callable
    public = report.to_frames()
    monkeypatch.undo()
    assert all(len(fast[name]) for name in ("reports", "sections", "tables", "checks"))
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(fast[name], public[name], check_exact=True, check_column_type=True)
    fast["tables"].columns.name = "renamed"  # setting an Index's name changes it in place
    assert report.to_frames()["tables"].columns.name is None


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT, float("inf"), "", "x", 0, -1, 2.5, True,
                                   False, [1, 2], [], (1,), {"a": 1}, object()], ids=repr)
def test_isna_says_what_pandas_says(value: object) -> None:
    import numpy as np

    def pandas_isna(v: object) -> bool:
        try:
            return bool(pd.isna(v))
        except (TypeError, ValueError):
            return False

    for v in (value, np.array([value], dtype=object)[0]):
        assert corpus._isna(v) is pandas_isna(v)
    for v in (np.float64("nan"), np.int64(3), np.bool_(True), np.datetime64("NaT"), pd.Timestamp("2020")):
        assert corpus._isna(v) is pandas_isna(v)


def test_schema_yaml_is_complete() -> None:
    raw = dict(corpus._schema())
    codes = raw.pop("flag_codes")
    assert all(re.fullmatch("[a-z]+(?:_[a-z]+)*", code) and len(text) > 10 for code, text in codes.items())
    assert set(raw) == set(corpus.FRAMES)
    for name, spec in raw.items():
        assert spec["sort_by"][0] == "report_id" and set(spec["sort_by"]) <= set(spec["columns"])
        for col, c in spec["columns"].items():
            assert c["dtype"] in ("string", "Int64", "float64", "boolean"), (name, col)
            assert len(c["description"]) > 10, (name, col)
    # the columns the brief and shared/spec/schema.md require
    assert list(raw["reports"]["columns"]) == [
        "report_id", "path", "status", "error", "agency", "report_year", "published", "template", "script",
        "level", "province", "agency_kind", "source_format", "encoding", "n_flags", "flags"]
    assert list(raw["tables"]["columns"]) == ["report_id", "table", "row_key", "col_key", "value", "raw", "unit",
                                              "row_label", "col_label", "line", "flag"]


def test_data_dictionary_doc_is_up_to_date() -> None:
    doc = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert doc == corpus.data_dictionary()
    for name, cols in corpus.output_schema().items():
        assert f"## {name}.csv" in doc
        for col in cols["column"]:
            assert f"| `{col}` |" in doc


# The row and column keys of shared/spec/schema.md's active, requests and review_litigation tables.
_SPEC_KEYS = {
    "regulations", "normative_documents", "licensing", "other_services", "penalty", "coercion", "fees", "procurement",
    "made", "published", "total_public", "prev_items", "change", "decisions", "items", "amount_wan", "issued",
    "repealed", "in_force", "natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org",
    "total", "new", "carried_over", "granted", "partially_granted", "denied_state_secret", "denied_prohibited",
    "denied_security", "denied_third_party", "denied_internal", "denied_process", "denied_enforcement",
    "denied_query", "unable_not_held", "unable_needs_creation", "unable_unclear", "rejected_petition",
    "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation", "other_handling",
    "other_no_correction", "other_unpaid_fee", "other_misc", "handled_total", "carried_forward", "review",
    "litigation_direct", "litigation_after_review", "upheld", "corrected", "other", "pending"}


def test_every_key_the_formats_read_is_the_specs_or_in_the_data_dictionary() -> None:
    # formats.yaml reads a 其他主动公开文件 row as other_active_documents, a key neither schema.md nor the
    # dictionary named: a researcher meeting it in tables.csv found it nowhere
    from toolkit.formats import load_formats

    formats = load_formats()
    keys = {*formats["active"]["rows"], *formats["active"]["cols"], *formats["requests"]["rows"],
            *formats["requests"]["cols"], *formats["review_litigation"]["rows"], *formats["review_litigation"]["cols"]}
    doc = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert [k for k in sorted(keys - _SPEC_KEYS) if f"`{k}`" not in doc] == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"jobs": 0}, "jobs must be a positive integer or None, got 0"),
    ({"jobs": 1.5}, "jobs must be a positive integer or None, got 1.5"),
    ({"backend": "spark"}, r"backend must be one of \['local', 'dask'\], got 'spark'"),
    ({"backend": "dask"}, "scheduler must be given for backend='dask'"),
    ({"timeout": -1}, "timeout must be a positive number of seconds or None, got -1"),
    ({"max_bytes": 0}, "max_bytes must be a positive integer or None, got 0"),
])
def test_bad_arguments(tmp_path: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        corpus.extract_corpus(tmp_path, **kwargs)


@pytest.mark.parametrize("timeout", [3e6, 1e10, 1e300])
def test_a_time_limit_of_months_or_more_is_no_error(tmp_path: Path, timeout: float) -> None:
    # '--timeout 99999999' for "no real limit": the wait for the workers was handed to poll() as it was, and
    # past 24.8 days (2**31 ms) poll raised OverflowError, ending the run in a traceback
    (tmp_path / "a.txt").write_text("某局\n1 2\n", encoding="utf-8")
    frames = corpus.extract_corpus([tmp_path / "a.txt"], jobs=1, timeout=timeout, _parse=fake_parse)
    assert frames["reports"]["status"].tolist() == ["ok"]
    part = corpus._dask_batch([(str(tmp_path / "a.txt"), "a")], fake_parse, timeout)  # (threading's own limit)
    assert part["reports"]["status"].tolist() == ["ok"]


@pytest.mark.parametrize(("paths", "position"), [("", 0), (["a.txt", ""], 1), ([Path("a.txt"), "b", ""], 2)])
def test_an_empty_path_is_refused(paths: object, position: int) -> None:
    with pytest.raises(ValueError, match=rf"paths\[{position}\] is an empty string: give a file, a folder or a glob"):
        corpus.extract_corpus(paths, jobs=1, _parse=fake_parse)


def test_a_path_holding_a_nul_is_refused_naming_it(tmp_path: Path) -> None:
    # A damaged list of paths: os.stat's bare "embedded null byte" used to end the run from deep inside.
    (tmp_path / "a.txt").write_text("某局\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"paths\[1\] holds a NUL character, which no file name can: 'b\\x00c\.txt'"):
        corpus.extract_corpus([tmp_path / "a.txt", "b\0c.txt"], jobs=1, _parse=fake_parse)


def test_paths_type_error() -> None:
    with pytest.raises(TypeError, match="paths must be str or os.PathLike items, got int"):
        corpus.extract_corpus([1])


# ----------------------------------------------------------------------------------------------
# Tests with the real parser
# ----------------------------------------------------------------------------------------------

def test_real_corpus_plus_bad_files(tmp_path: Path) -> None:
    expected, limit = write_bad_files(tmp_path / "bad")
    frames = corpus.extract_corpus([RAW, tmp_path / "bad"], jobs=2, max_bytes=limit, timeout=60)
    reports = frames["reports"]
    assert len(reports) == len(RAW_REPORTS) + len(expected)
    check_bad_rows(reports, expected)
    seeds = reports[reports["report_id"].isin([p.stem for p in RAW_REPORTS])]
    assert (seeds["status"] != "failed").all()
    assert set(seeds["template"]) <= {"2019", "2021", "legacy", "unknown"}
    assert "lollol" not in "".join(frames["sections"]["text"].dropna())
    # the frames carry the seeds' numbers: seed 001 new/total is 99 (line 89 of the file)
    t = frames["tables"]
    new_total = t[(t["report_id"] == "001_4d29bfef72dd56db") & (t["table"] == "requests")
                  & (t["row_key"] == "new") & (t["col_key"] == "total")]
    assert new_total["value"].tolist() == [99.0]
    # n_flags agrees with flags.csv
    counts = frames["flags"]["report_id"].value_counts()
    for rid, n in zip(reports["report_id"], reports["n_flags"]):
        if not pd.isna(n):
            assert counts.get(rid, 0) == n


def test_real_parser_jobs_invariance_on_synthetic_reports(tmp_path: Path) -> None:
    for seed in range(8):
        layout = synth.LAYOUTS[seed % 4] if seed % 5 else "html"
        doc, _ = synth.make_report(seed, layout=layout)
        (tmp_path / f"s{seed:02d}.{'html' if layout == 'html' else 'txt'}").write_text(doc, encoding="utf-8")
    one = corpus.extract_corpus(tmp_path, jobs=1)
    two = corpus.extract_corpus(tmp_path, jobs=2)
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(one[name], two[name])
    assert (one["reports"]["status"] != "failed").all()
    assert len(one["tables"]) > 8 * 100


@pytest.mark.parametrize("cores", [1, 8])
def test_frames_combined_by_the_parent_when_a_core_is_free(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          cores: int) -> None:
    # With a core the workers leave free, the parent combines the batches' parts into frames while the workers
    # parse on; else each worker combines its own. The frames are the same either way, and as one report's.
    for seed in range(4):
        layout = ("html", synth.LAYOUTS[seed])[seed % 2]
        doc, _ = synth.make_report(seed, layout=layout)
        (tmp_path / f"s{seed}.{'html' if layout == 'html' else 'txt'}").write_text(doc, encoding="utf-8")
    for raw in RAW_REPORTS[:3]:
        (tmp_path / raw.name).write_bytes(raw.read_bytes())
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")  # a failed row among the parsed ones
    monkeypatch.setattr(corpus, "_cores", lambda: cores)
    combined = []
    monkeypatch.setattr(corpus, "_batch_frames",  # (workers send their parts gathered by column: a _Batch)
                        lambda batch, f=corpus._batch_frames: combined.append(len(batch.rows)) or f(batch))
    frames = list(corpus._iter_corpus(tmp_path, jobs=2, batch_size=3))
    assert sorted(combined) == ([] if cores == 1 else [2, 3, 3])  # the batches of 8 files, in the parent or not
    got = {name: pd.concat([f[name] for f in frames], ignore_index=True) for name in corpus.FRAMES}
    assert got["reports"]["status"].tolist().count("failed") == 1
    files = sorted(tmp_path.iterdir())
    for name in corpus.FRAMES:
        alone = [toolkit.parse_report(f).to_frames()[name] for f in files if f.name != "empty.txt"]
        pd.testing.assert_frame_equal(got[name].loc[got[name]["report_id"] != "empty"].reset_index(drop=True),
                                      pd.concat([a for a in alone if len(a)], ignore_index=True), check_dtype=True)


def test_no_warning_escapes(tmp_path: Path) -> None:
    write_fake_corpus(tmp_path, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus.extract_corpus(tmp_path, jobs=1, _parse=fake_parse)


def test_benchmark_quick_runs() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--stages"],
                          capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    for label in ("text reports/s/core", "reports per CPU second", "scaling 1->2 workers", "peak RSS", "read_html",
                  "extract tables (incl. placement)", "whole parse_report + to_records"):
        assert label in out, out


def test_opcode_count_runs_and_is_deterministic() -> None:
    # benchmarks/opcodes.py is how speed work is compared across trees: its count must not move between runs
    args = [sys.executable, str(ROOT / "benchmarks" / "opcodes.py"), "text", "--n", "2", "--warm", "1", "--top", "3"]
    runs = [subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": "0"}) for _ in range(2)]
    for proc in runs:
        assert proc.returncode == 0, proc.stderr[-2000:]
    first = runs[0].stdout.splitlines()
    assert first[0].startswith("text: ") and float(first[0].split()[1]) > 10, first
    assert len(first) == 4 and all(" K  " in line for line in first[1:]), first
    assert runs[0].stdout == runs[1].stdout


@pytest.mark.parametrize("how", ["script", "stdin"])
def test_runs_from_an_unguarded_script_and_from_stdin(tmp_path: Path, how: str) -> None:
    """Workers must not re-run the caller's script: no ``if __name__ == "__main__"`` guard is needed."""
    import subprocess

    seeds = Path(__file__).resolve().parents[1] / "data" / "raw"
    code = ("import toolkit\n"
            f"frames = toolkit.extract_corpus([{str(seeds / '001_4d29bfef72dd56db.txt')!r}, "
            f"{str(seeds / '003_ce1f8ef96d3daffd.txt')!r}], jobs=2)\n"
            "print(';'.join(frames['reports']['status']))\n")
    script = tmp_path / "analysis.py"
    script.write_text(code, encoding="utf-8")
    args = [sys.executable, str(script)] if how == "script" else [sys.executable, "-"]
    done = subprocess.run(args, input=None if how == "script" else code, capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "partial;ok"


def test_fork_server_warm_up_fills_the_caches_quietly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # What the fork server imports before forking workers: silent, and it leaves the parser's caches built.
    code = ("import toolkit._warm\n"
            "from toolkit.formats import vocabulary\n"
            "from toolkit.metadata import _index\n"
            "from toolkit.normalize import _opencc\n"
            "assert all(f.cache_info().currsize for f in (vocabulary, _index)) and _opencc.cache_info().currsize == 4\n"
            "from toolkit.webpage import _TAG_NAMES\n"
            "assert 'table' in _TAG_NAMES.values()  # a web page was read too\n")
    # its own temporary folder: other toolkit processes on the machine warm up in the shared one
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0 and proc.stdout == "" and proc.stderr == "", proc.stderr
    assert not list(tmp_path.iterdir())  # its files are gone
    from multiprocessing import forkserver

    corpus._mp_context()
    assert "toolkit._warm" in forkserver._forkserver._preload_modules  # type: ignore[attr-defined]
    import toolkit._warm as warm_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no synthetic reports today")

    monkeypatch.setattr(synth, "make_report", broken)
    assert warm_module.warm() is None  # a fork server must come up whatever happens


def test_what_a_reader_warns_of_is_a_flag_and_workers_print_nothing(tmp_path: Path) -> None:
    # A stray byte, a cut-off last character: parse_report warns; a corpus run printed those warnings from its
    # workers (with a line of multiprocessing's source) and kept nothing of them in flags.csv.
    seed = (RAW / "pingtan-2023-02.txt").read_bytes()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "stray.txt").write_bytes(seed + b"\nCopyright \xa9 2024\n")
    (tmp_path / "in" / "cut.txt").write_bytes(seed + "。".encode()[:2])
    with pytest.warns(ReaderWarning) as caught:
        report = toolkit.parse_report(tmp_path / "in" / "cut.txt")
    assert [w.message.code for w in caught] == ["bad_bytes"]
    assert [f.detail for f in report.flags if f.code == "bad_bytes"] == [
        "the data ends in the middle of a UTF-8 character (truncated file?); the incomplete character was dropped"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "toolkit", "extract", str(tmp_path / "in"), "--out",
                           str(tmp_path / "out"), "--jobs", "2", "--quiet"], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    flags = pd.read_csv(tmp_path / "out" / "flags.csv", keep_default_na=False)
    assert sorted(flags.loc[flags["code"] == "bad_bytes", "report_id"]) == ["cut", "stray"]


# ----------------------------------------------------------------------------------------------
# Every input accounted for (review of the corpus runner)
# ----------------------------------------------------------------------------------------------

def test_every_input_named_or_matched_gets_a_row(tmp_path: Path) -> None:
    # A folder named x.pdf, an empty folder, a pattern matching only looping links, and a looping link in
    # a folder gave no row and no word (exit 0 with --strict), where a pattern matching nothing or a dangling
    # link got a failed row.
    d = tmp_path / "d"
    (d / "x.pdf").mkdir(parents=True)
    (d / "empty").mkdir()
    (d / "notes").mkdir()
    (d / "notes" / "list.csv").write_text("a,b\n", encoding="utf-8")
    (d / "l1.txt").symlink_to("l2.txt")
    (d / "l2.txt").symlink_to("l1.txt")
    (d / "in").mkdir()
    (d / "in" / "ok.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (d / "in" / "loop.txt").symlink_to("loop.txt")
    (d / "in" / "gone.txt").symlink_to("nowhere.txt")
    inputs = [d / "x.pdf", d / "empty", d / "notes", str(d / "l*.txt"), d / "in", str(d / "none*.txt"),
              str(d / "e*")]
    rows = corpus.extract_corpus(inputs, jobs=1)["reports"].set_index("path")
    loop = "cannot open the file: a link that loops (a chain of links that comes back to itself)"
    assert rows["error"].fillna("").to_dict() == {
        str(d / "x.pdf"): f"{d / 'x.pdf'}: no report file in this folder (it is empty, or holds only hidden files)",
        str(d / "empty"): f"{d / 'empty'}: no report file in this folder (it is empty, or holds only hidden files)",
        str(d / "notes"): f"{d / 'notes'}: no report file in this folder (it holds only 1 .csv)",
        str(d / "l1.txt"): f"{d / 'l1.txt'}: {loop}",
        str(d / "l2.txt"): f"{d / 'l2.txt'}: {loop}",
        str(d / "in" / "gone.txt"): f"{d / 'in' / 'gone.txt'}: file not found (a link to nowhere.txt, which does "
                                    f"not exist)",
        str(d / "in" / "loop.txt"): f"{d / 'in' / 'loop.txt'}: {loop}",
        str(d / "in" / "ok.txt"): "",
        str(d / "none*.txt"): f"{d / 'none*.txt'}: no file matches this pattern",
        str(d / "e*"): f"{d / 'e*'}: no report file in the folders this pattern matches (it is empty, or holds "
                       f"only hidden files)",
    }
    assert rows.loc[str(d / "in" / "ok.txt"), "status"] == "partial"


def test_a_pattern_through_a_folder_whose_name_holds_brackets_finds_its_files(tmp_path: Path) -> None:
    # 'reports/[2020]/*.txt': '[2020]' is a set of characters to a pattern (one of 2 and 0), so the pattern missed
    # the folder named '[2020]' (as the shell's does, which passes it on as typed): its row said 'no file matches
    # this pattern', or it read the files of a folder '2' instead. Brackets are taken as written when so the pattern
    # matches, else as a set, as before.
    d = tmp_path / "[2020]"
    paths = write_fake_corpus(d, 2)
    write_fake_corpus(tmp_path / "[a]" / "[b]", 1)
    rows = corpus.extract_corpus([str(tmp_path / "[a]" / "[b]" / "*")], jobs=1, _parse=fake_parse)["reports"]
    assert rows["path"].tolist() == [str(tmp_path / "[a]" / "[b]" / "r00.txt")]
    for inputs in ([str(d / "*.txt")], [str(d / "r0[01].txt")]):
        rows = corpus.extract_corpus(inputs, jobs=1, _parse=fake_parse)["reports"]
        assert rows["path"].tolist() == [str(p) for p in paths] and (rows["status"] != "failed").all(), inputs
    (tmp_path / "2").mkdir()
    (tmp_path / "2" / "x.txt").write_text("某局\n", encoding="utf-8")
    rows = corpus.extract_corpus([str(d / "*.txt")], jobs=1, _parse=fake_parse)["reports"]
    assert rows["path"].tolist() == [str(p) for p in paths]
    rows = corpus.extract_corpus([str(tmp_path / "[2]" / "*.txt")], jobs=1, _parse=fake_parse)["reports"]
    assert rows["path"].tolist() == [str(tmp_path / "2" / "x.txt")]  # (as a set, the only way it matches)


def test_a_pattern_in_quotes_takes_braces_as_the_shell_does(tmp_path: Path) -> None:
    # a pattern is quoted so that it passes over Word's lock files, but then no shell expands its braces: the
    # pattern 'd/{2019,2020}/*.txt' matched nothing and 'd/2019/r0{0,1}.txt' was a file not found
    for year in ("2019", "2020", "2021"):
        write_fake_corpus(tmp_path / year, 2)
    rows = corpus.extract_corpus([str(tmp_path / "{2019,2020}" / "*.txt"), str(tmp_path / "2021" / "r0{0,1}.txt"),
                                  str(tmp_path / "{2022,2023}" / "*.txt")], jobs=1, _parse=fake_parse)["reports"]
    errors = rows.set_index("path")["error"]
    assert sorted(errors.index) == sorted([*(str(tmp_path / y / f"r0{i}.txt") for y in ("2019", "2020", "2021")
                                             for i in (0, 1)), str(tmp_path / "{2022,2023}" / "*.txt")])
    assert errors[str(tmp_path / "{2022,2023}" / "*.txt")] == (f"{tmp_path / '{2022,2023}' / '*.txt'}: no file "
                                                                f"matches this pattern")


def test_a_pattern_passes_over_word_lock_files_and_folder_settings_it_matches(tmp_path: Path) -> None:
    # 'reports/*.docx' while Word had a report open matched its lock file ~$report.docx (162 bytes: the
    # user's name), which got a failed row (exit 1 with --strict); '*' matched Thumbs.db and desktop.ini
    # too.  A folder skips them without a word, as hidden files, and so does a pattern now, unless its own
    # name asks for them ('~$*.docx', '.*').
    d = tmp_path / "d"
    d.mkdir()
    (d / "report.docx").write_bytes(RAW_REPORTS[0].read_bytes())
    lock = b"\x05alice" + b"\x20" * 49 + b"\x05\x00a\x00l\x00i\x00c\x00e\x00" + b"\x00" * 96
    (d / "~$report.docx").write_bytes(lock)
    (d / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (d / "desktop.ini").write_bytes(b"[.ShellClassInfo]\r\n")
    for pattern in ("*.docx", "*", "*.*"):
        rows = corpus.extract_corpus(str(d / pattern), jobs=1, _parse=fake_parse)["reports"]
        assert rows[["report_id", "path"]].values.tolist() == [["report", str(d / "report.docx")]], pattern
    # asked for by the pattern's own name, or named: tried
    assert corpus._expand([str(d / "~$*.docx")]) == [str(d / "~$report.docx")]
    assert corpus._expand([d / "Thumbs.db"]) == [str(d / "Thumbs.db")]
    # a pattern matching only such files gets a failed row, as one matching nothing does
    rows = corpus.extract_corpus(str(d / "*.ini"), jobs=1, _parse=fake_parse)["reports"]
    assert rows["status"].tolist() == ["failed"] and "no report file" in rows["error"].iloc[0]


def test_a_folder_passes_over_the_recycle_bin_of_a_windows_drive(tmp_path: Path) -> None:
    # a USB drive written on Windows holds $RECYCLE.BIN (its deleted files, $R….docx, each with a 544-byte
    # $I….docx saying where it was) and System Volume Information: given the drive, every deleted report was read
    # again as a report, and each $I file failed. They are the system's, as .Trashes is on macOS: not searched.
    bin_ = tmp_path / "$RECYCLE.BIN" / "S-1-5-21-1004"
    bin_.mkdir(parents=True)
    (bin_ / "$RABC123.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (bin_ / "$IABC123.txt").write_bytes(b"\x02" + b"\x00" * 543)
    (tmp_path / "System Volume Information").mkdir()
    (tmp_path / "System Volume Information" / "IndexerVolumeGuid").write_bytes(b"{x}")
    (tmp_path / "RECYCLER").mkdir()
    (tmp_path / "RECYCLER" / "Dc1.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (tmp_path / "report.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    inputs = corpus._collect([tmp_path])
    assert [Path(f).name for f in inputs.files] == ["report.txt"] and not inputs.skipped
    assert corpus._expand([bin_]) == [str(bin_ / "$IABC123.txt"), str(bin_ / "$RABC123.txt")]  # named: searched


def test_a_folder_passes_over_the_parts_folder_of_a_page_saved_complete(tmp_path: Path) -> None:
    # a browser's "save page, complete" writes 报告.html and 报告_files/ (报告.files/ from Internet Explorer) with the
    # page's scripts, style sheets and frames: a folder holding one gave a row for each part the readers took (a
    # frame's page, an analytics script without extension), three reports for one page
    page = b"<html><body><pre>" + html.escape(RAW_REPORTS[0].read_text(encoding="utf-8")).encode() + b"</pre></body></html>"
    for name, parts in (("报告.html", "报告_files"), ("old.HTM", "old.files")):
        (tmp_path / name).write_bytes(page)
        (tmp_path / parts).mkdir()
        (tmp_path / parts / "saved_resource.html").write_bytes(b"<html><body>ad</body></html>")
        (tmp_path / parts / "analytics").write_bytes(b"var _hmt = _hmt || [];")
        (tmp_path / parts / "style.css").write_bytes(b".old{display:none}")
    # a folder so named beside no page is searched as any other
    (tmp_path / "scans_files").mkdir()
    (tmp_path / "scans_files" / "report.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    inputs = corpus._collect([tmp_path])
    assert sorted(Path(f).relative_to(tmp_path).as_posix() for f in inputs.files) == [
        "old.HTM", "scans_files/report.txt", "报告.html"]
    # named, the folder is searched
    named = corpus._collect([tmp_path / "报告_files"])
    assert sorted(Path(f).name for f in named.files) == ["analytics", "saved_resource.html"]


def test_pages_saved_with_their_query_are_read(tmp_path: Path) -> None:
    # wget saves a page under its URL's name with the query ('art.jsp?id=123'; 'art.jsp@id=123' with
    # --restrict-file-names=windows): a folder of them skipped every one as of the kind '.jsp?id=123', and named,
    # the reader refused it ("unsupported file extension '.jsp?id=123'"). The page's own extension now counts.
    src = (RAW / "pingtan-2023-02.txt").read_bytes()
    page = b"<html><body><pre>" + html.escape(src.decode()).encode() + b"</pre></body></html>"
    names = {"art.jsp?id=123": src, "index.php?a=1&b=2": page, "view.html?docid=7": page, "get.do@id=9": src,
             "download?fileid=5": src}
    for name, data in names.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "style.css?v=3").write_bytes(b"body {}")  # not a page: skipped, as style.css is
    inputs = corpus._collect([tmp_path])
    assert sorted(Path(f).name for f in inputs.files) == sorted(names)
    assert inputs.skipped == {".css": 1}
    rows = corpus.extract_corpus(tmp_path, jobs=1)["reports"]
    assert rows["status"].isin(["ok", "partial"]).all(), rows["error"].tolist()
    assert sorted(rows["source_format"]) == ["html", "html", "text", "text", "text"]


@pytest.mark.parametrize("url", ["http://www.gov.cn/zhengce/2021/report.html", "https://x.gov.cn/a.pdf?id=1",
                                 "file:///home/me/report.txt"])
def test_a_url_given_as_an_input_says_it_is_not_downloaded(url: str) -> None:
    # a researcher pastes the report's address: its row said 'file not found', and (since inputs are tidied) with
    # the URL's '//' made '/'. The row keeps the URL as given and says to save the page first.
    rows = corpus.extract_corpus([url], jobs=1, _parse=fake_parse)["reports"]
    assert rows[["path", "status"]].values.tolist() == [[url, "failed"]]
    assert rows["error"].iloc[0] == (f"{url}: file not found: a URL is not downloaded; save the page (or the "
                                     f"document it links to) and give its file")


def test_a_folder_passes_over_the_icon_file_of_macos(tmp_path: Path) -> None:
    # a folder given a custom icon on macOS holds 'Icon\r' (empty, its data in a resource fork), which a synced or
    # copied folder brings along: it has no extension, so it was tried as a report and failed (file is empty),
    # exit 1 with --strict. It is folder settings, as desktop.ini is: passed over without a word.
    d = tmp_path / "d"
    d.mkdir()
    (d / "report.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (d / "Icon\r").write_bytes(b"")
    for inputs in ([d], [str(d / "*")]):
        rows = corpus.extract_corpus(inputs, jobs=1, _parse=fake_parse)["reports"]
        assert rows[["report_id", "path"]].values.tolist() == [["report", str(d / "report.txt")]], inputs
    assert not corpus._collect([d]).skipped  # not counted among the files skipped either
    assert corpus._expand([d / "Icon\r"]) == [str(d / "Icon\r")]  # named: tried


def test_a_path_beginning_with_a_tilde_the_shell_left_says_so(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # "toolkit extract '~/reports'" (in quotes, or from a config file): the shell expands no '~' there, and the row
    # said 'file not found' alone, though ~/reports exists
    monkeypatch.setenv("HOME", str(tmp_path))
    write_fake_corpus(tmp_path / "reports", 1)
    rows = corpus.extract_corpus(["~/reports", "~/reports/*.txt", "~/nowhere"], jobs=1,
                                 _parse=fake_parse)["reports"].set_index("path")["error"]
    assert rows["~/reports"] == (f"~/reports: file not found ('~' is not expanded here, only by a shell outside quotes: "
                                 f"give {tmp_path / 'reports'})")
    assert rows["~/reports/*.txt"] == (f"~/reports/*.txt: no file matches this pattern ('~' is not expanded here, only "
                                       f"by a shell outside quotes: give {tmp_path / 'reports' / '*.txt'})")
    assert rows["~/nowhere"] == "~/nowhere: file not found"  # (no hint: there is no such file under ~ either)


def test_the_tilde_hint_of_a_pattern_expands_its_braces_and_brackets(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # '~/r/{a,b}/*.txt' and '~/[2020]/*.txt' in quotes: a pattern's files are found with its braces expanded and
    # a folder named '[2020]' taken as written, but the '~' hint globbed the pattern bare, matched nothing, and
    # the row said 'no file matches this pattern' alone
    monkeypatch.setenv("HOME", str(tmp_path))
    write_fake_corpus(tmp_path / "r" / "a", 1)
    write_fake_corpus(tmp_path / "[2020]", 1)
    hint = "('~' is not expanded here, only by a shell outside quotes: give"
    rows = corpus.extract_corpus(["~/r/{a,b}/*.txt", "~/[2020]/*.txt", "~/r/{c,d}/*.txt"], jobs=1,
                                 _parse=fake_parse)["reports"].set_index("path")["error"]
    assert rows["~/r/{a,b}/*.txt"].endswith(f"{hint} {tmp_path / 'r' / '{a,b}' / '*.txt'})")
    assert rows["~/[2020]/*.txt"].endswith(f"{hint} {tmp_path / '[2020]' / '*.txt'})")
    assert rows["~/r/{c,d}/*.txt"] == "~/r/{c,d}/*.txt: no file matches this pattern"  # (nothing there either)


def test_a_name_ending_in_a_line_end_of_windows_says_so(tmp_path: Path) -> None:
    # 'toolkit extract $(cat list.txt)', the list saved on Windows: every name ends in '\r', and every row said
    # 'file not found' alone, the files being there
    paths = write_fake_corpus(tmp_path, 2)
    rows = corpus.extract_corpus([f"{paths[0]}\r", f"{paths[1]} ", f"{tmp_path / 'none.txt'}\r"], jobs=1,
                                 _parse=fake_parse)["reports"].set_index("path")["error"]
    assert rows[f"{paths[0]}\r"] == (f"{paths[0]}\r: file not found (the name ends in a carriage return, as the lines "
                                     f"of a list of files saved on Windows do: give {paths[0]})")
    assert rows[f"{paths[1]} "] == f"{paths[1]} : file not found (the name ends in a space: give {paths[1]})"
    assert rows[f"{tmp_path / 'none.txt'}\r"] == f"{tmp_path / 'none.txt'}\r: file not found"


def test_a_pattern_matching_only_earlier_runs_output_folders_names_them_so(tmp_path: Path) -> None:
    # 'ou*' matching the output folder of an earlier run said 'it holds only 6 .csv, 6 .parquet', as if its tables
    # were reports in another format, where the folder named ('out') is said to be such a folder (a858d39)
    for folder in ("out", "out2"):
        (tmp_path / folder).mkdir()
        for name in corpus.FRAMES:
            for ext in ("csv", "parquet"):
                (tmp_path / folder / f"{name}.{ext}").write_bytes(b"x")
    why = "reports are read, not the tables made from them; give the folder of the reports"

    def error(pattern: str) -> str:
        found = corpus._collect([str(tmp_path / pattern)])
        return found.errors[str(tmp_path / pattern)].problem

    assert error("out[2]") == ("no report file in the folders this pattern matches (it is the output folder of a "
                               f"toolkit extract run, holding only its 6 .csv, 6 .parquet: {why})")
    assert error("ou*") == ("no report file in the folders this pattern matches (they are the output folders of "
                            f"toolkit extract runs, holding only their 12 .csv, 12 .parquet: {why})")
    assert corpus._collect([str(tmp_path / "out")]).errors[str(tmp_path / "out")].problem == (
        f"no report file in this folder (it is the output folder of a toolkit extract run, holding only its 6 .csv, "
        f"6 .parquet: {why})")  # (the same words as the folder named)
    (tmp_path / "out2" / "notes.csv").write_text("a,b\n")  # not only runs' outputs: what they hold, as before
    assert error("ou*") == "no report file in the folders this pattern matches (it holds only 13 .csv, 12 .parquet)"


def test_an_earlier_runs_output_files_named_as_inputs_are_named_so(tmp_path: Path) -> None:
    # 'toolkit summary out/*' (or extract with another --out) after 'toolkit extract in --out out' failed each of the
    # run's files as 'unsupported file extension '.csv' (supported: …)', as if its tables were reports in another
    # format; a tables.csv of one's own, with no reports file of a run beside it, is refused as before
    out, mine = tmp_path / "out", tmp_path / "mine"
    out.mkdir()
    mine.mkdir()
    for name in corpus.FRAMES:
        for ext in ("csv", "parquet"):
            (out / f"{name}.{ext}").write_bytes(b"x")
    (mine / "tables.csv").write_text("a,b\n")
    inputs = [out / "reports.csv", out / "tables.parquet", mine / "tables.csv"]
    rows = corpus.extract_corpus(inputs, jobs=1, _parse=fake_parse)["reports"].set_index("path")["error"]
    for path in inputs[:2]:
        assert rows[str(path)] == (f"{path}: an output file of a toolkit extract run, not a report: reports are read, "
                                   f"not the tables made from them; give the folder of the reports")
    assert corpus._fails_before_parsing(str(mine / "tables.csv"), 1 << 20) is None  # (the reader refuses it)


def test_a_word_lock_file_named_says_what_it_is(tmp_path: Path) -> None:
    # 'toolkit extract reports/*.docx' unquoted: the shell names Word's lock file ~$report.docx, which is then an
    # input (it gets a row), failing as 'not a valid DOCX: not a ZIP archive or truncated', as if a report were
    # damaged. Its row now says it is a lock file, and how to pass over such files.
    lock = b"\x05alice" + b"\x20" * 49 + b"\x05\x00a\x00l\x00i\x00c\x00e\x00" + b"\x00" * 96
    (tmp_path / "~$report.docx").write_bytes(lock)
    (tmp_path / "~$老报告.doc").write_bytes(lock)
    rows = corpus.extract_corpus([tmp_path / "~$report.docx", tmp_path / "~$老报告.doc"], jobs=1,
                                 _parse=fake_parse)["reports"].set_index("path")["error"]
    for name in ("~$report.docx", "~$老报告.doc"):
        assert rows[str(tmp_path / name)] == (
            f"{tmp_path / name}: a lock file of Word or WPS, not a report: they keep one beside a document while it "
            f"is open, and a crash leaves it (a folder, or a pattern in quotes, passes over such files)")


def test_a_link_and_its_file_give_one_row_under_the_files_own_name(tmp_path: Path) -> None:
    # report.txt and a link a_latest.txt to it gave one row named after whichever sorted (or came) first.
    d = tmp_path / "d"
    d.mkdir()
    (d / "report.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (d / "a_latest.txt").symlink_to("report.txt")
    (tmp_path / "z_link.txt").symlink_to(d / "report.txt")
    for inputs in ([d], [d / "a_latest.txt", d], [d, d / "a_latest.txt"], [str(d / "*.txt")],
                   [tmp_path / "z_link.txt", d / "report.txt"]):
        rows = corpus.extract_corpus(inputs, jobs=1, _parse=fake_parse)["reports"]
        assert rows[["report_id", "path"]].values.tolist() == [["report", str(d / "report.txt")]], inputs
    # given alone, a link is read under its own name
    rows = corpus.extract_corpus([d / "a_latest.txt"], jobs=1, _parse=fake_parse)["reports"]
    assert rows["report_id"].tolist() == ["a_latest"]


def test_hard_links_to_one_file_give_one_row_under_the_first_name(tmp_path: Path) -> None:
    # a file and a hard link to it (cp -l, rsync --link-dest, a backup beside the corpus) gave two rows of one
    # report, where a symbolic link to it gives one: one file is one report, under the first of its names by path
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    (d / "report.txt").write_bytes(RAW_REPORTS[0].read_bytes())
    os.link(d / "report.txt", d / "sub" / "copy.txt")
    (d / "other.txt").write_bytes(RAW_REPORTS[1].read_bytes())
    for inputs in ([d], [d / "sub" / "copy.txt", d / "report.txt", d / "other.txt"], [str(d / "**" / "*.txt")]):
        rows = corpus.extract_corpus(inputs, jobs=1, _parse=fake_parse)["reports"]
        assert rows[["report_id", "path"]].values.tolist() == [["other", str(d / "other.txt")],
                                                                ["report", str(d / "report.txt")]], inputs
    ids = corpus.extract_corpus([d], jobs=1, _parse=fake_parse,
                                report_ids={d / "sub" / "copy.txt": "C", d / "other.txt": "O"})["reports"]
    assert ids["report_id"].tolist() == ["C", "O"]  # (an id given for either name)


def test_report_ids_for_a_file_given_twice_say_it_was_merged(tmp_path: Path) -> None:
    # 'one id per input file (1), got 2' where two paths were given: the duplicate was merged silently.
    path = RAW_REPORTS[0]
    message = (r"report_ids must give one id per input file \(1\), got 2; 1 path\(s\) named a file given before "
               rf"and were merged with it, e\.g\. '{path}' into '{path}'")
    with pytest.raises(ValueError, match=message):
        corpus.extract_corpus([path, path], report_ids=["a", "b"], _parse=fake_parse)


@pytest.mark.parametrize("values,dtype", [(["a", "", None, "b"], "text"), (["a", "b"], "text"), ([], "text"),
                                          (["", ""], "text"), ([None, None], "text"),
                                          (["a", "", None, float("nan"), 1], object)])
def test_text_column_makes_empty_text_na(values: list, dtype: object) -> None:
    s = pd.Series(values, dtype=corpus._TEXT if dtype == "text" else dtype, name="x", index=range(10, 10 + len(values)))
    expected = pd.Series([None if v == "" or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values],
                         dtype=object, index=s.index, name="x").astype(corpus._TEXT)
    pd.testing.assert_series_equal(corpus._text_column(s), expected, check_exact=True)


def test_a_file_or_folder_whose_stem_is_blank_gets_an_id_of_its_own(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A report named '  .txt' failed ('unexpected ValueError: report_id must not be empty': its id was its blank
    # stem, which parse_report refuses), and an empty folder given as '.' or './' got the id '' (NA when read
    # back): ids are now the whole name '  .txt' and the folder's own name.
    d = tmp_path / "d"
    d.mkdir()
    (d / "  .txt").write_bytes(RAW_REPORTS[0].read_bytes())
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    rows = corpus.extract_corpus([str(d / "  .txt"), ".", "./"], jobs=1)["reports"]
    assert rows[["report_id", "path"]].values.tolist() == [["  .txt", str(d / "  .txt")], ["empty", "."]]
    assert rows["status"].tolist() == ["partial", "failed"], rows["error"].tolist()
    assert corpus._assign_ids([".", "..", "/", "a/   ", "a/  .txt", "  .txt.html"], None) == [
        "empty", tmp_path.name, "report", "report-2", "  .txt-2", "  .txt"]


def test_parse_report_of_a_file_whose_stem_is_blank_gets_the_id_a_corpus_run_gives(tmp_path: Path) -> None:
    # parse_report('  .txt') took the blank stem '  ' as its id, which it refuses when given (report_id must not
    # be empty) and a corpus run no longer gives: both now say '  .txt'.
    path = tmp_path / "  .txt"
    path.write_bytes(RAW_REPORTS[0].read_bytes())
    assert toolkit.parse_report(path).report_id == "  .txt"
    assert corpus.extract_corpus([str(path)], jobs=1)["reports"]["report_id"].tolist() == ["  .txt"]
    assert toolkit.parse_report(RAW_REPORTS[0]).report_id == RAW_REPORTS[0].stem


@pytest.mark.parametrize("spellings", [("d/x.txt", "./d/x.txt"), ("d/x.txt", "d//x.txt"),
                                       ("d/x.txt", "./d/./x.txt", "d/x.txt/")])
def test_one_file_given_under_several_spellings_gives_one_path_whatever_the_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spellings: tuple[str, ...]) -> None:
    # 'd/x.txt' and './d/x.txt' (one path, two spellings) gave reports.path as whichever came first.
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("某局\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    paths = {tuple(corpus.extract_corpus(order, jobs=1, _parse=fake_parse)["reports"]["path"])
             for order in (list(spellings), list(reversed(spellings)))}
    assert len(paths) == 1 and len(next(iter(paths))) == 1, paths


@pytest.mark.parametrize("inputs", [["d/x.txt"], ["./d/x.txt"], ["d//x.txt"], ["./d/./x.txt"], ["d"], ["./d"],
                                    ["d/"], ["d//"], ["./d/"], ["./d//*.txt"], ["d/../d/x.txt", "d/x.txt"], ["."],
                                    ["./"], ["./*"],
                                    ["d/x.txt", "./d/../d/x.txt"]])
def test_one_file_gives_one_path_however_it_was_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      inputs: list[str]) -> None:
    # './d//x.txt' was written in reports.path as typed, and the folder './d' gave './d/x.txt' where 'd' gave
    # 'd/x.txt': two runs over one corpus did not join on path. Redundant './' and '//' are dropped now ('..' is
    # kept, it may climb out of a linked folder), and of two names of one file the one without '..' is kept. The
    # folder '.' gave './d/x.txt', the pattern '*' 'd/x.txt'.
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("某局\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rows = corpus.extract_corpus(inputs, jobs=1, _parse=fake_parse)["reports"]
    assert rows[["report_id", "path"]].values.tolist() == [["x", os.path.join("d", "x.txt")]]
    if os.path.isfile(inputs[0]):  # report_ids given under the name as typed still reach the file
        rows = corpus.extract_corpus(inputs[:1], jobs=1, report_ids={inputs[0]: "A"}, _parse=fake_parse)["reports"]
        assert rows["report_id"].tolist() == ["A"]


def test_report_ids_given_for_any_name_of_a_file_named_twice(tmp_path: Path) -> None:
    # report_ids={'d/link.txt': 'A'} with the inputs d/link.txt and d/x.txt (the file it links to) raised
    # "report_ids has no id for 1 input file(s), e.g. 'd/x.txt'": the file is read under its own name, and the
    # id given for the name it was merged from was not looked at. Any name's id is now the file's, the id of
    # the name it is read under first.
    d = tmp_path / "d"
    d.mkdir()
    (d / "x.txt").write_text("某局\n", encoding="utf-8")
    (d / "link.txt").symlink_to("x.txt")
    x, link = str(d / "x.txt"), str(d / "link.txt")
    for inputs, ids, want in (([link, x], {link: "A"}, "A"), ([x, link], {link: "A"}, "A"),
                              ([link, x], {link: "A", x: "B"}, "B"), ([x, f"{d}/./x.txt"], {x: "A"}, "A"),
                              ([f"{d}/./x.txt", x], {x: "A"}, "A")):
        rows = corpus.extract_corpus(inputs, jobs=1, report_ids=ids, _parse=fake_parse)["reports"]
        assert rows["report_id"].tolist() == [want], (inputs, ids)
    with pytest.raises(ValueError, match=r"report_ids has no id for 1 input file\(s\)"):
        corpus.extract_corpus([x, link], report_ids={str(d / "other.txt"): "A"}, _parse=fake_parse)


def test_folders_nested_a_thousand_deep_are_searched_without_recursion(tmp_path: Path) -> None:
    # A folder holding folders nested 1,100 deep (a scraper's runaway path) ended the run with a RecursionError
    # from inside os.walk (one generator per level before Python 3.12), and a '**' pattern over it with one
    # from inside glob: the folder is now searched to any depth, and the pattern gets a failed row saying why.
    top = deep = tmp_path / "deep"
    top.mkdir()
    try:
        for _ in range(1100):  # not os.makedirs, which recurses a level per folder too
            deep = deep / "a"
            deep.mkdir()
        (deep / "x.txt").write_text("某局\n", encoding="utf-8")
        pattern = str(top / "**" / "*.txt")
        rows = corpus.extract_corpus([top, pattern], jobs=1, _parse=fake_parse)["reports"]
        assert rows[["report_id", "path", "status"]].values.tolist() == [
            ["*", pattern, "failed"], ["x", str(deep / "x.txt"), "ok"]]
        assert "nested too deep for a pattern: give the folder" in rows["error"].iloc[0]
    finally:  # removed here, from the bottom up: pytest's own clean-up (shutil.rmtree) recurses a level per folder
        (deep / "x.txt").unlink(missing_ok=True)
        while deep != tmp_path:
            if deep.exists():
                deep.rmdir()
            deep = deep.parent


def test_walk_tree_gives_what_os_walk_gives(tmp_path: Path) -> None:
    # _walk_tree stands in for os.walk(followlinks=True): the same folders, names and order
    for rel in ("b/y/1.txt", "b/x/2.txt", "a/3.txt", "a/.h/4.txt", "c/5.txt", "6.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    (tmp_path / "c" / "to_b").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "c" / "gone").symlink_to(tmp_path / "nowhere")
    (tmp_path / "e").mkdir()
    errors: list = []
    got = [(r, sorted(d), sorted(n)) for r, d, n in corpus._walk_tree(str(tmp_path), errors.append)]
    want = [(r, sorted(d), sorted(n)) for r, d, n in os.walk(str(tmp_path), followlinks=True)]
    assert got == want and not errors
    assert [r for r, _, _ in corpus._walk_tree(str(tmp_path / "none"), errors.append)] == [] and len(errors) == 1
