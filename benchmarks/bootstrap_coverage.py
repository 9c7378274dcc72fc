"""Coverage of the bootstrap intervals of ``toolkit.compare.bootstrap_ci``, by simulation.

Usage::

    python benchmarks/bootstrap_coverage.py [--runs 2000] [--sizes 3,5,8,10,15,20,30]
                                            [--methods expanded,percentile,BCa] [--ci 0.95] [--seed 1]

For each group size n and interval method, ``--runs`` samples of n reports are drawn from a
population whose true value is known, and the share of samples whose interval contains it is
printed (the coverage; its simulation standard error is about sqrt(0.95 * 0.05 / runs), 0.005 at
2000 runs).  The populations:

- ``beta(2,3)``: rates drawn from Beta(2, 3) (true mean 0.4), ``estimator='mean'``;
- ``beta(0.5,4)``: skewed rates from Beta(0.5, 4) (true mean 1/9; many near 0, as 不予公开率 or
  reviews are), ``estimator='mean'``;
- ``ratio``: reports of log-normal size (handled requests round(exp(N(3, 1))), at least 1), each with
  its own rate from Beta(2, 3) and a binomial count of granted requests (true ratio of sums 0.4),
  ``estimator='ratio'``.

All samples of one size are passed to ``bootstrap_ci`` at once as groups of one frame (``by=``),
with ``min_n=1`` so that every group gets an interval; n_boot is the default, 2000.  The figures
quoted in the docstring of ``bootstrap_ci`` and in the README come from a run with the defaults.
This is a slow script (about ten minutes with the defaults), not a test.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from toolkit.compare import bootstrap_ci  # noqa: E402

Sampler = Callable[[np.random.Generator, int, int], pd.DataFrame]


def _rates(a: float, b: float) -> Sampler:
    def draw(rng: np.random.Generator, runs: int, n: int) -> pd.DataFrame:
        x = rng.beta(a, b, size=(runs, n))
        return pd.DataFrame({"g": np.repeat(np.arange(runs), n), "x": x.ravel()})
    return draw


def _ratio(rng: np.random.Generator, runs: int, n: int) -> pd.DataFrame:
    den = np.maximum(1.0, np.round(rng.lognormal(3.0, 1.0, size=(runs, n))))
    num = rng.binomial(den.astype(np.int64), rng.beta(2.0, 3.0, size=(runs, n))).astype(float)
    return pd.DataFrame({"g": np.repeat(np.arange(runs), n), "x": (num / den).ravel(),
                         "x_num": num.ravel(), "x_den": den.ravel()})


# name -> (sampler, estimator, true value)
POPULATIONS: dict[str, tuple[Sampler, str, float]] = {
    "beta(2,3)": (_rates(2.0, 3.0), "mean", 0.4),
    "beta(0.5,4)": (_rates(0.5, 4.0), "mean", 0.5 / 4.5),
    "ratio": (_ratio, "ratio", 0.4),
}


def coverage(frame: pd.DataFrame, estimator: str, truth: float, method: str, ci: float) -> tuple[float, float]:
    """Share of the groups of ``frame`` whose interval contains ``truth``, and the mean width."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns of degenerate resamples in tiny samples
        res = bootstrap_ci(frame, "x", "g", estimator=estimator, method=method, ci=ci, min_n=1)
    hit = (res["ci_low"] <= truth) & (res["ci_high"] >= truth)
    return float(hit.mean()), float((res["ci_high"] - res["ci_low"]).mean())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2000, help="samples per size and population")
    ap.add_argument("--sizes", default="3,5,8,10,15,20,30", help="group sizes n, comma-separated")
    ap.add_argument("--methods", default="expanded,percentile,BCa", help="bootstrap_ci methods")
    ap.add_argument("--ci", type=float, default=0.95)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    methods = args.methods.split(",")
    print(f"coverage of {args.ci:g} intervals, {args.runs} samples per cell (width in brackets)")
    print(f"{'population':<12} {'n':>3}  " + "  ".join(f"{m:>16}" for m in methods))
    for name, (draw, estimator, truth) in POPULATIONS.items():
        for n in sizes:
            # one generator per cell: a cell's samples do not depend on the other cells run
            frame = draw(np.random.default_rng([args.seed, n, list(POPULATIONS).index(name)]), args.runs, n)
            t0 = time.perf_counter()
            cells = [coverage(frame, estimator, truth, m, args.ci) for m in methods]
            print(f"{name:<12} {n:>3}  " + "  ".join(f"{c:>7.3f} ({w:.3f})" for c, w in cells)
                  + f"   {time.perf_counter() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
