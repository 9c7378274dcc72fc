"""Count the Python opcodes a report costs: a deterministic measure of speed work.

Usage::

    PYTHONHASHSEED=0 python benchmarks/opcodes.py {text,html} [--n 60] [--warm 20] [--seed 7000] [--top 0]

Wall-clock figures on a shared host move by 10-30 % from run to run, more than
most changes to the code; the number of Python bytecode instructions executed
does not move at all.  This script writes ``--warm`` + ``--n`` synthetic reports
(:func:`toolkit.synth.make_report`, the four text layouts in turn or HTML pages,
alternately plain and word-processor markup, both formats), reads the first
``--warm`` to fill the caches every run fills, then counts with ``sys.settrace``
(``f_trace_opcodes``) the opcodes of ``parse_report(path).to_records()`` over the
other ``--n`` and prints the mean per report in thousands.  C code (regular
expressions, lxml, pandas' internals) counts nothing, so the figure measures the
package's own Python; compare two trees with the same arguments and
``PYTHONHASHSEED=0``.  ``--top N`` also prints the N functions that execute the
most opcodes of their own.
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate  # noqa: E402


def count(paths: list[Path], top: int = 0) -> tuple[float, list[tuple[str, int]]]:
    """Mean opcodes per report of ``parse_report(path).to_records()`` over ``paths``, and the top functions."""
    from toolkit import parse_report

    per_function: collections.Counter[str] = collections.Counter()
    total = 0

    def tracer(frame, event, arg):  # noqa: ANN001 - sys.settrace's protocol
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        key = (f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_code.co_name}:{frame.f_code.co_firstlineno}"
               if top else "")

        def local(frame, event, arg):  # noqa: ANN001
            nonlocal total
            if event == "opcode":
                total += 1
                if top:
                    per_function[key] += 1
            return local

        return local

    sys.settrace(tracer)
    try:
        for path in paths:
            parse_report(path).to_records()
    finally:
        sys.settrace(None)
    return total / len(paths), per_function.most_common(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("text", "html"))
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7000)
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args(argv)
    from toolkit import parse_report

    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(tmp, args.warm + args.n, seed=args.seed, unique=args.warm + args.n,
                         formats=(args.kind,))
        for path in paths[:args.warm]:
            parse_report(path).to_records()
        mean, functions = count(paths[args.warm:], args.top)
    print(f"{args.kind}: {mean / 1000:.1f} K opcodes per report ({args.n} reports, seed {args.seed})")
    for name, n in functions:
        print(f"{n / args.n / 1000:10.2f} K  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
