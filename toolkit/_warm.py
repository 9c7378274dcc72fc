"""Warm the lazily built state of the parser (formats, patterns, OpenCC, gazetteer) by parsing a few small
generated reports.

Imported by the corpus runner's fork server before it forks any worker, so that every worker starts
with these caches filled (shared copy-on-write) instead of spending its first ~0.1 s building them.
Never raises: a fork server must come up whatever happens here.
"""
from __future__ import annotations


def warm() -> None:
    """Parse generated reports (both formats, the four text layouts) and throw the results away."""
    try:
        from toolkit import synth
        from toolkit.report import parse_text

        for seed, layout in enumerate(synth.LAYOUTS):
            template = synth.TEMPLATES[seed % len(synth.TEMPLATES)]
            doc, _ = synth.make_report(seed, template=template, layout=layout)
            parse_text(doc).to_records()
    except Exception:  # noqa: BLE001 - warming is an optimisation, never a reason to fail
        pass


warm()
