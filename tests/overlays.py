"""What printers and document systems draw over or around a PDF's text, for ``render_pdf(decorate=...)``.

Each function returns a ``decorate(pdf, page_no)`` callback that draws on the page just filled: a
browser's print header and footer, a running page number, a tiled or a flat watermark.
"""
from __future__ import annotations

from typing import Callable

Decorate = Callable[[object, int], None]


def _text(pdf, x: float, y: float, text: str, size: float) -> None:
    """Write ``text`` at (x, y) in ``size`` and restore the renderer's size."""
    before = pdf.font_size_pt
    pdf.set_font("cjk", size=size)
    pdf.set_xy(x, y)
    pdf.cell(pdf.get_string_width(text) + 2, size * 1.2, text)
    pdf.set_font("cjk", size=before)


def browser_print(*, stamp: str | None = None, title: str | None = None, url: str | None = None,
                  page_numbers: bool = True) -> Decorate:
    """A browser's print header (date and time, page title) and footer (URL, ``n/N``) on every page.

    The page count is not known while drawing, so ``N`` is the page number when ``url`` is given alone
    and otherwise drawn as ``n/9``: the reader only sees that the line repeats with other digits.
    """
    def draw(pdf, page_no: int) -> None:
        if stamp:
            _text(pdf, 8, 2, stamp, 6)
        if title:
            _text(pdf, 160, 2, title, 6)
        foot = " ".join(x for x in (url, f"{page_no}/9" if page_numbers else None) if x)
        if foot:
            _text(pdf, 8, pdf.h - 16, foot, 6)
    return draw


def page_number(of: int | None = None) -> Decorate:
    """A bare page number centred at the foot of every page, or, given the page count ``of``, 'n  /  of' (its
    words set apart as a table's cells are)."""
    def draw(pdf, page_no: int) -> None:
        _text(pdf, pdf.w / 2, pdf.h - 16, str(page_no) if of is None else f"{page_no}  /  {of}", 6 if of is None else 9)
    return draw


def watermark(text: str, *, angle: float = 30.0, grey: int = 210, size: float = 9.0,
              step: tuple[float, float] = (130.0, 90.0), alpha: float | None = None) -> Decorate:
    """``text`` tiled over the page in light grey, turned by ``angle`` degrees (0: flat); with ``alpha``, drawn that
    opaque (an ExtGState's ``/ca`` set by ``gs``: a black watermark made faint by its opacity, not its colour)."""
    def draw(pdf, page_no: int) -> None:
        if alpha is not None:
            with pdf.local_context(fill_opacity=alpha):
                tiles(pdf)
        else:
            tiles(pdf)

    def tiles(pdf) -> None:
        pdf.set_text_color(grey, grey, grey)
        yy = 30.0
        while yy < pdf.h - 20:
            xx = 10.0
            while xx < pdf.w - 20:
                if angle:
                    with pdf.rotation(angle, x=xx, y=yy):
                        _text(pdf, xx, yy, text, size)
                else:
                    _text(pdf, xx, yy, text, size)
                xx += step[0]
            yy += step[1]
        pdf.set_text_color(0, 0, 0)
    return draw


def render_two_columns(path, before: list, prose: str, after: list, *, column: float = 230.0,
                       font_size: float = 10.5) -> None:
    """Write ``before`` lines, then ``prose`` wrapped into two columns (left filled first), then ``after``."""
    from fpdf import FPDF

    from renderers import cjk_font_path

    pdf = FPDF(unit="pt", format=(595.0, 842.0))
    pdf.add_font("cjk", fname=cjk_font_path())
    pdf.set_font("cjk", size=font_size)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pitch, y = font_size * 1.7, 40.0
    for line in before:
        _text(pdf, 40, y, line, font_size)
        y += pitch
    parts, cur = [], ""
    for ch in prose:  # wrapped character by character, as CJK typesetting does
        if cur and pdf.get_string_width(cur + ch) > column:
            parts.append(cur)
            cur = ch
        else:
            cur += ch
    parts.append(cur)
    half = (len(parts) + 1) // 2
    for k, part in enumerate(parts):
        x, row = (40.0, k) if k < half else (70.0 + column, k - half)
        _text(pdf, x, y + pitch * row, part, font_size)
    y += pitch * (half + 1)
    for line in after:
        _text(pdf, 40, y, line, font_size)
        y += pitch
    pdf.output(str(path))
