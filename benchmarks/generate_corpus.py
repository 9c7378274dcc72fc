"""Write a synthetic corpus of annual reports for benchmarks.

Usage::

    python benchmarks/generate_corpus.py OUT_DIR --n 10000 [--seed 0] [--unique 2000] [--formats text,html]

Reports come from :func:`toolkit.synth.make_report`: the 2019 and 2021 formats,
the four plain-text layouts of real copies (``pipe_rows``, ``pipe_cells``,
``tab``, ``lines``) and HTML pages (half with plain cells, half with a word
processor's ``<p><span>`` in every cell), with consistent numbers and narrative
sections.  ``--unique`` distinct reports are generated and then copied under new
names up to ``--n`` files (parsing does not cache anything, so copies cost as
much as new reports; generating 50,000 distinct ones takes minutes).  A
``manifest.csv`` lists file, seed, template, layout, HTML markup and traditional script.
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from toolkit import synth  # noqa: E402

TEXT_LAYOUTS = synth.LAYOUTS
FORMATS = ("text", "html")


def generate(out: str | os.PathLike, n: int, *, seed: int = 0, unique: int | None = None,
             formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write ``n`` synthetic reports into ``out``; return their paths.

    Parameters
    ----------
    out : str or os.PathLike
        Folder to write into (created).
    n : int
        Number of files.
    seed : int, default 0
        First seed; report ``i`` of the distinct set uses seed ``seed + i``.
    unique : int, optional
        Number of distinct reports (default ``min(n, 2000)``); the rest are copies.
    formats : tuple of {"text", "html"}
        ``text`` cycles through the four text layouts, ``html`` writes pages
        (alternately plain and word-processor markup, two of each in turn).

    Returns
    -------
    list of pathlib.Path
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    bad = set(formats) - set(FORMATS)
    if bad or not formats:
        raise ValueError(f"formats must be a non-empty subset of {list(FORMATS)}, got {list(formats)}")
    layouts = [*(TEXT_LAYOUTS if "text" in formats else ()), *(("html",) if "html" in formats else ())]
    unique = min(n, unique if unique is not None else 2000)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    rows = []
    for i in range(unique):
        layout = layouts[i % len(layouts)]
        template = synth.TEMPLATES[(i // len(layouts)) % 2]
        # Web pages: half as a CMS writes them (text right in the cells), half as saved from a word
        # processor (each cell's text inside <p><span>), both templates in each half.
        markup = ("plain", "word")[(i // len(layouts) // 2) % 2] if layout == "html" else "plain"
        doc, truth = synth.make_report(seed + i, template=template, layout=layout, html_markup=markup)
        ext = "html" if layout == "html" else "txt"
        path = out / f"synth-{i:06d}.{ext}"
        path.write_text(doc, encoding="utf-8")
        paths.append(path)
        rows.append([path.name, seed + i, template, layout, markup if layout == "html" else "",
                     truth.attrs["traditional"]])
    for i in range(unique, n):
        src = paths[i % unique]
        path = out / f"synth-{i:06d}{src.suffix}"
        shutil.copyfile(src, path)
        paths.append(path)
        rows.append([path.name, *rows[i % unique][1:]])
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "seed", "template", "layout", "html_markup", "traditional"])
        w.writerows(rows)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--unique", type=int, default=None)
    parser.add_argument("--formats", default="text,html", help="comma-separated: text, html")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.n, seed=args.seed, unique=args.unique,
                     formats=tuple(x for x in args.formats.split(",") if x))
    print(f"wrote {len(paths)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
