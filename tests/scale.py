"""How many examples a property test draws: ``scaled(n)`` is ``n`` times ``HYPOTHESIS_SCALE`` (default 1).

``make sweep`` (``HYPOTHESIS_PROFILE=explore``, new examples on every run) raises the scale to hunt for
failures well beyond the suite's own draws; a failure found so is then pinned with ``@example``.
"""
from __future__ import annotations

import os


def scaled(n: int) -> int:
    """``n`` examples times the ``HYPOTHESIS_SCALE`` environment variable (a positive number, default 1)."""
    text = os.environ.get("HYPOTHESIS_SCALE", "1")
    try:
        scale = float(text)
    except ValueError:
        raise ValueError(f"HYPOTHESIS_SCALE must be a positive number, got {text!r}") from None
    if not scale > 0:
        raise ValueError(f"HYPOTHESIS_SCALE must be a positive number, got {text!r}")
    return max(1, round(n * scale))
