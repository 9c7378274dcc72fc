"""Warm the lazily built state of the parser (formats, patterns, OpenCC, gazetteer, the HTML reader) and of
the output frames (pandas' string and nullable dtypes, sorting) by extracting a few small generated reports.

Imported by the corpus runner's fork server before it forks any worker, so that every worker starts
with these caches filled (shared copy-on-write) instead of spending its first ~0.1 s building them.
Never raises: a fork server must come up whatever happens here.
"""
from __future__ import annotations


def warm() -> None:
    """Extract generated reports (both formats, the four text layouts and a web page), throw the results away."""
    try:
        import tempfile
        from pathlib import Path

        from toolkit import synth
        from toolkit.corpus import _combine, _default_parse, _parse_one
        from toolkit.normalize import to_simplified

        to_simplified("區")  # the OpenCC converters of a traditional line (t2s, s2t, tw2t, hk2t)

        with tempfile.TemporaryDirectory(prefix="toolkit-warm-") as folder:
            paths = []
            for seed, layout in enumerate((*synth.LAYOUTS, "html")):
                template = synth.TEMPLATES[seed % len(synth.TEMPLATES)]
                doc, _ = synth.make_report(seed, template=template, layout=layout)
                path = Path(folder, f"warm{seed}.{'html' if layout == 'html' else 'txt'}")
                path.write_text(doc, encoding="utf-8")
                paths.append(str(path))
            # the worker's own path: read the file, parse, records, then one batch of frames
            _combine([_parse_one(_default_parse, p, Path(p).stem) for p in paths])
    except Exception:  # noqa: BLE001 - warming is an optimisation, never a reason to fail
        pass


warm()
