"""Benchmark of corpus extraction; prints a small table of figures.

Usage::

    python benchmarks/run.py [--quick] [--n-text 500] [--n-html 200] [--sizes 10000,50000] [--jobs 2]
                             [--profile] [--workdir DIR]

Figures (targets from issue 5):

- text reports per second per core: ``extract_corpus(jobs=1)`` (one worker
  process) on synthetic text reports of the four layouts; also the bare
  ``parse_report`` loop in this process, to separate parsing from the runner;
- scaling from 1 to 2 workers (throughput ratio, ideal 2.0);
- peak memory (RSS summed over the whole process tree, sampled every 0.1 s with
  psutil, else ``getrusage`` of the largest child) of ``python -m toolkit
  extract`` on corpora of each ``--sizes`` (flat = streaming works);
- the toolkit's time per HTML page against ``pandas.read_html`` on the same
  pages (read_html only returns raw grids).

``--quick`` is a smoke run of a few seconds' worth of reports (used by the test
suite); its figures are not meaningful.  ``--profile`` prints where
``parse_report`` spends its time (cProfile, top 25 by cumulative time).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate  # noqa: E402

TARGET_RATE = 1000.0


def _text_rate(files: list[Path], jobs: int) -> float:
    from toolkit.corpus import extract_corpus

    t0 = time.perf_counter()
    frames = extract_corpus(files, jobs=jobs, timeout=600)
    elapsed = time.perf_counter() - t0
    failed = int((frames["reports"]["status"] == "failed").sum())
    if failed:
        print(f"warning: {failed} synthetic report(s) failed", file=sys.stderr)
    return len(files) / elapsed


def _parse_rate(files: list[Path]) -> float:
    from toolkit import parse_report

    t0 = time.perf_counter()
    for f in files:
        parse_report(f).to_records()  # what a corpus worker does
    return len(files) / (time.perf_counter() - t0)


def _tree_rss(proc) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except Exception:  # process ended between listing and reading
            pass
    return total


def _peak_memory(folder: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """Run the CLI on ``folder``; return (peak RSS MiB of the process tree, seconds, rows in reports.csv)."""
    cmd = [sys.executable, "-m", "toolkit", "extract", str(folder), "--out", str(out), "--jobs", str(jobs),
           "--quiet", "--timeout", "600"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is None:
        import resource

        subprocess.run(cmd, check=True, env=env)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    else:
        proc = subprocess.Popen(cmd, env=env)
        ps = psutil.Process(proc.pid)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(ps))
            time.sleep(0.1)
        if proc.returncode:
            raise RuntimeError(f"toolkit extract failed with exit code {proc.returncode}")
    elapsed = time.perf_counter() - t0
    with open(out / "reports.csv", encoding="utf-8") as f:
        rows = sum(1 for _ in f) - 1
    return peak / 2**20, elapsed, rows


def _html_times(files: list[Path]) -> tuple[float, float]:
    """Seconds per page: toolkit parse_report vs pandas.read_html, same files, this process."""
    import pandas as pd

    from toolkit import parse_report

    parse_report(files[0])
    pd.read_html(io.StringIO(files[0].read_text(encoding="utf-8")))
    t0 = time.perf_counter()
    for f in files:
        parse_report(f).to_frames()
    t_toolkit = (time.perf_counter() - t0) / len(files)
    t0 = time.perf_counter()
    for f in files:
        pd.read_html(io.StringIO(f.read_text(encoding="utf-8")))
    t_pandas = (time.perf_counter() - t0) / len(files)
    return t_toolkit, t_pandas


def _profile(files: list[Path]) -> str:
    from toolkit import parse_report

    prof = cProfile.Profile()
    prof.enable()
    for f in files:
        parse_report(f).to_frames()
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark corpus extraction.")
    parser.add_argument("--quick", action="store_true", help="smoke run with a handful of reports")
    parser.add_argument("--n-text", type=int, default=None, help="text reports for the rate (default 500)")
    parser.add_argument("--n-html", type=int, default=None, help="HTML pages for read_html (default 200)")
    parser.add_argument("--sizes", default=None, help="corpus sizes for peak memory (default 10000,50000; '' for none)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the memory runs (default 2)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of parse_report")
    parser.add_argument("--workdir", default=None, help="where to write corpora (default: a temp folder)")
    args = parser.parse_args(argv)
    n_text = args.n_text or (4 if args.quick else 500)
    n_html = args.n_html or (2 if args.quick else 200)
    default_sizes = "6" if args.quick else "10000,50000"
    sizes = [int(x) for x in (default_sizes if args.sizes is None else args.sizes).split(",") if x]  # "": none

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="toolkit-bench-"))
    rows: list[tuple[str, str, str]] = []
    try:
        text = generate(work / "text", n_text, seed=0, formats=("text",))
        html = generate(work / "html", n_html, seed=100_000, formats=("html",))

        _text_rate(text[:2], 1)  # start the fork server, warm caches
        parse = _parse_rate(text)
        rate1 = _text_rate(text, 1)
        rate2 = _text_rate(text, 2)
        cores = os.cpu_count() or 1
        rows.append(("text reports/s/core (1 worker, extract_corpus)", f"{rate1:,.1f}",
                     f"target >= {TARGET_RATE:,.0f}: {'met' if rate1 >= TARGET_RATE else 'NOT met'}"))
        rows.append(("text reports/s, parse_report loop in-process", f"{parse:,.1f}",
                     f"runner overhead {max(0.0, 1 - rate1 / parse) * 100:.0f}%"))
        rows.append(("scaling 1->2 workers (throughput ratio)", f"{rate2 / rate1:.2f}x",
                     f"ideal 2.00x; {cores} CPU(s) visible"))
        for size in sizes:
            folder = work / f"mem-{size}"
            generate(folder, size, seed=0, unique=min(size, max(n_text, 200)), formats=("text", "html"))
            peak, secs, n_rows = _peak_memory(folder, work / f"out-{size}", args.jobs)
            assert n_rows == size, (n_rows, size)
            rows.append((f"peak RSS, {size:,} reports, {args.jobs} workers (MiB)", f"{peak:,.0f}",
                         f"{secs:,.0f} s, {size / secs:,.1f} reports/s"))
            shutil.rmtree(folder, ignore_errors=True)
        t_toolkit, t_pandas = _html_times(html)
        rows.append(("HTML ms/page: toolkit parse_report", f"{t_toolkit * 1000:,.2f}", "full extraction"))
        rows.append(("HTML ms/page: pandas.read_html", f"{t_pandas * 1000:,.2f}", "raw grids only"))
        rows.append(("HTML toolkit / read_html time", f"{t_toolkit / t_pandas:.2f}",
                     f"target <= 1: {'met' if t_toolkit <= t_pandas else 'NOT met'}"))
        width = max(len(r[0]) for r in rows)
        vwidth = max(len(r[1]) for r in rows)
        print(f"{'figure':<{width}}  {'value':>{vwidth}}  note")
        print(f"{'-' * width}  {'-' * vwidth}  {'-' * 30}")
        for name, value, note in rows:
            print(f"{name:<{width}}  {value:>{vwidth}}  {note}")
        if args.profile:
            print()
            print(_profile(text[: min(len(text), 100)]))
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
