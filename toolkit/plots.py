"""Figures for comparing disclosure indicators, with Chinese text rendered as glyphs.

Every function draws on a Matplotlib ``Axes`` (a new figure unless ``ax`` is given) and returns
it; nothing is shown or saved, so notebooks and scripts decide what to do with the figure.
Every function first calls :func:`use_chinese_font`, which registers the Noto Sans CJK SC font
bundled by the ``mplfonts`` package: Chinese labels render on a fresh machine without system
fonts, network access or a rebuilt font cache.
"""
from __future__ import annotations

import importlib.util
import os
import unicodedata
from collections.abc import Mapping, Sequence

import matplotlib
import matplotlib.artist
import matplotlib.lines
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes

from toolkit.classify.labels import split_labels
from toolkit.compare import (CompositionResult, _check_column, _check_one_row_per_report, _check_seed, _groups,
                             _is_group, _label_text, _missing, _numeric, _repeated_years, _sorted_groups,
                             _warn_two_scripts)
from toolkit.metrics import (_check_same_ids, _group_of, _lookup, _outcome_labels, _require_frame, _spec,
                             metric_definitions)

__all__ = ["use_chinese_font", "plot_distribution", "plot_composition", "plot_heatmap", "plot_trend"]

_FONT_PACKAGE = "mplfonts"
_MAX_YEAR_TICKS = 12  # plot_trend labels every year up to this many; more would overlap on a 6.4-inch axis
_LEGEND_ROWS = 20  # names in one column of plot_trend's legend: more would run below a 4-inch figure
_LEGEND_SIZE = 8  # points of plot_trend's legend text
# plot_trend's markers and line styles, one of each for every round of the colour cycle
_TREND_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
_TREND_STYLES = ("-", "--", ":", "-.")
_MAX_TICK_LINES = 4  # a group name wrapped to more lines than this is drawn upright instead (too many groups)
_TICK_ROOM = 0.9  # of the room between two ticks a label may fill: the rest keeps neighbours apart
_TICK_LINES_SIZED = 3  # lines of x tick label a new figure's height holds: taller labels make it taller
_LINE_SPACING = 1.2  # Matplotlib's spacing of the lines of a text, in font sizes
_FONT_FILE = ("fonts", "NotoSansCJKsc-Regular.otf")


def _font_path() -> str:
    """Path of the CJK font file shipped by mplfonts (found without importing the package)."""
    spec = importlib.util.find_spec(_FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "toolkit.plots needs the 'mplfonts' package, which bundles the Noto Sans CJK font: "
            "pip install mplfonts"
        )
    path = os.path.join(list(spec.submodule_search_locations)[0], *_FONT_FILE)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"the mplfonts package has no font file {os.path.join(*_FONT_FILE)} ({path})")
    return path


def use_chinese_font() -> str:
    """Make Matplotlib draw text with a font that has Chinese glyphs (Noto Sans CJK SC).

    Registers the font file bundled by ``mplfonts`` with Matplotlib's font manager (no cache
    rebuild, no network) and puts it first in ``rcParams['font.sans-serif']``, sets
    ``font.family`` to ``sans-serif`` and ``axes.unicode_minus`` to False.  Calling it again
    changes nothing; it prints nothing.  The settings are global Matplotlib settings; use
    :func:`matplotlib.rc_context` around your own code to keep them local (the toolkit's plot
    functions name the font on every text they draw, so their figures keep their glyphs after
    the context ends; text you add later follows the settings in force when it is drawn).

    Returns
    -------
    str
        The font family name, ``'Noto Sans CJK SC'``.

    Raises
    ------
    ModuleNotFoundError
        If ``mplfonts`` is not installed.

    Examples
    --------
    >>> from toolkit.plots import use_chinese_font
    >>> use_chinese_font()
    'Noto Sans CJK SC'
    """
    path = _font_path()
    manager = font_manager.fontManager
    real = os.path.realpath(path)
    if not any(os.path.realpath(f.fname) == real for f in manager.ttflist):
        manager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    rc = matplotlib.rcParams
    families = list(rc["font.sans-serif"])
    if families[:1] != [name]:
        rc["font.sans-serif"] = [name] + [f for f in families if f != name]
    if list(rc["font.family"]) != ["sans-serif"]:
        rc["font.family"] = ["sans-serif"]
    rc["axes.unicode_minus"] = False
    return name


def _check_options(ax: object, **texts: object) -> None:
    """Refuse an ``ax`` that is no Axes, and a title or label that is no str, before any work.

    Matplotlib draws ``title=2021`` as '2021' and a falsy ``title=0`` was dropped, both without a word; a wrong
    ``ax`` was found only after the data were checked (an error about them hid it).
    """
    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    for name, value in texts.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")


def _new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=figsize, layout="constrained")
        return fig.add_subplot()
    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _pin_font(ax: Axes) -> Axes:
    """Give every text of the figure the CJK font by name, so that the figure keeps its glyphs
    when the global settings change before it is saved (e.g. after ``matplotlib.rc_context``)."""
    from matplotlib.text import Text

    # The CJK font first (use_chinese_font), then the others that are installed: a family that is
    # not would be looked up, and logged as not found, at every draw.
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [f for f in matplotlib.rcParams["font.sans-serif"] if f in installed]
    for text in ax.figure.findobj(Text):
        text.set_fontfamily(families)
    return ax


def _group_label(column: str) -> str:
    """Chinese axis label of a usual grouping column (metrics.yaml ``group_labels``), or its name."""
    return str(_spec().get("group_labels", {}).get(column, column))


def _group_axis_label(column: str, n_no_group: int, text: str) -> str:
    """The group axis label, counting the rows left out for having no group (``text`` of metrics.yaml, with
    ``{n}``): an NA level or year left them out of every box or column without a word."""
    label = _group_label(column)
    return f"{label}（{text.format(n=n_no_group)}）" if n_no_group else label


def _text_ems(text: str) -> float:
    """Width of ``text`` in ems: a wide (CJK) character is one, another about half of one."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def _wrap_ems(text: str, room: float) -> list[str]:
    """``text`` cut into lines of at most ``room`` ems (a CJK name has no spaces to break at)."""
    lines, line = [], ""
    for ch in text:
        if line and _text_ems(line + ch) > room:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line] if line else lines or [""]


def _set_group_ticks(ax: Axes, positions: np.ndarray, names: Sequence[str], counts: Sequence[str], *,
                     grow: bool = False) -> None:
    """Tick labels ``name`` over ``counts`` on the x axis, each name wrapped to the room its tick has: long agency
    names written on one line ran over each other.  Where the names would need more than ``_MAX_TICK_LINES``
    lines (many groups), each label is drawn upright on one line instead.  ``grow`` (a figure of the toolkit's own)
    makes the figure taller by what the labels need (:func:`_grow_for_ticks`)."""
    size = font_manager.FontProperties(size=matplotlib.rcParams["xtick.labelsize"]).get_size_in_points()
    lo, hi = ax.get_xlim()
    # ems between two ticks, from the axes' share of the figure (constrained layout only widens it)
    room = ax.get_window_extent().width / ax.figure.dpi * 72.0 / size / (hi - lo) * _TICK_ROOM
    wrapped = [_wrap_ems(n, room) for n in names]
    # the counts broken after their commas only: '(n=5, 缺失 2, 超出取值范围 1)' on two lines, not cut in a word
    counted = [_wrap_parts(c, room) for c in counts]
    if max(map(len, wrapped)) > _MAX_TICK_LINES or max(_text_ems(line) for c in counted for line in c) > room:
        upright = [f"{n} {c}" for n, c in zip(names, counts)]
        ax.set_xticks(positions, upright, rotation=90)
        height = max(map(_text_ems, upright)) * size / 72.0
    else:
        ax.set_xticks(positions, ["\n".join([*w, *c]) for w, c in zip(wrapped, counted)])
        height = max(len(w) + len(c) for w, c in zip(wrapped, counted)) * _LINE_SPACING * size / 72.0
    if grow:
        _grow_for_ticks(ax, height, size)


def _grow_for_ticks(ax: Axes, label_height: float, size: float) -> None:
    """Make a new figure taller by what its x tick labels (``label_height`` inches of ``size``-point text) need beyond
    ``_TICK_LINES_SIZED`` lines: constrained layout made room for thirty upright agency names by shrinking the axes
    to a strip of their figure."""
    from matplotlib.figure import Figure

    extra = label_height - _TICK_LINES_SIZED * _LINE_SPACING * size / 72.0
    fig = ax.figure
    if extra > 0 and isinstance(fig, Figure):  # a figure of _new_axes, never a subfigure
        fig.set_figheight(fig.get_figheight() + extra)


def _wrap_parts(text: str, room: float) -> list[str]:
    """``text`` in lines of at most ``room`` ems, broken after a comma only (a part wider stays whole)."""
    lines: list[str] = []
    for part in text.split(", "):
        if lines and _text_ems(f"{lines[-1]}, {part}") <= room:
            lines[-1] = f"{lines[-1]}, {part}"
        else:
            lines[-1:] = [f"{lines[-1]},", part] if lines else [part]
    return lines


def _kind_range(metric: str) -> tuple[float, float]:
    """The lowest and highest value ``metric`` can take, by its kind (metrics.yaml ``kind_ranges``); no bound for a
    column that is no indicator of metrics.yaml."""
    kinds = metric_definitions().set_index("name")["kind"]
    if metric not in kinds.index:
        return -np.inf, np.inf
    low, high = _spec()["kind_ranges"][kinds[metric]]
    return (-np.inf if low is None else float(low)), (np.inf if high is None else float(high))


def _metric_label(metric: str) -> str:
    """Chinese label of a metric of metrics.yaml, or the column name itself."""
    defs = metric_definitions().set_index("name")["label"]
    return str(defs.get(metric, metric))


def plot_distribution(
    df: pd.DataFrame,
    metric: str,
    by: str,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    label: str | None = None,
    random_state: int = 0,
) -> Axes:
    """Box plot of a metric by group, with every report drawn as a point.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per report.
    metric : str
        Numeric column; NA values are left out: each tick label gives n, the group's values drawn, and
        the number of its reports left out for a missing value, if any (``区县 (n=5, 缺失 2)``).  A
        value an indicator of ``metrics.yaml`` cannot take (a rate above 1, a negative count: its
        table breaks an identity) is drawn as written, as a red cross, and counted on the tick
        (``区县 (n=5, 超出取值范围 1)``).
    by : str
        Grouping column; groups are sorted (a categorical column's in its categories' order), rows
        without a group are left out, and the group axis label counts them
        (``政府层级（另有 2 份报告无分组，未绘出）``).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    title : str, optional
    label : str, optional
        Axis label of the metric; by default its Chinese label from ``metrics.yaml``.
    random_state : int, default 0
        Seed of the horizontal jitter of the points, drawn in the order of their values, so that
        the figure does not depend on the order of the rows.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame, a column name, ``title`` or ``label`` is not a str, or ``ax`` is no Axes.
    ValueError
        If a column is missing, ``metric`` holds text that is no number or an infinite value, ``df`` holds a
        ``report_id`` in several rows, or no group has a value (nothing to draw).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.plots import plot_distribution
    >>> df = pd.DataFrame({"层级": ["区县", "区县", "市"], "disclosure_rate": [0.5, 0.7, 0.9]})
    >>> ax = plot_distribution(df, "disclosure_rate", "层级")
    >>> ax.get_ylabel()
    '公开率（予以公开 + 部分公开）'
    """
    _check_options(ax, title=title, label=label)
    _require_frame(df, "df", ())
    _check_column(df, metric, "metric")
    _check_one_row_per_report(df)
    _check_column(df, by, "by")
    seed = _check_seed(random_state)
    groups = _groups(df, metric, by)
    if not any(len(v) for v in groups.values()):
        # an empty figure would look like a figure of nothing found
        raise ValueError(f"nothing to draw: metric={metric!r} has no value in any {by!r} group "
                         f"({len(df)} rows, {len(groups)} groups)")
    use_chinese_font()
    # a new figure widens with the groups, each with room for its tick label, and heightens with their labels
    new = ax is None
    ax = _new_axes(ax, (max(6.4, 0.3 * len(groups) + 1.0), 4.0))
    rng = np.random.default_rng(seed)
    positions = np.arange(1, len(groups) + 1)
    data = list(groups.values())
    filled = [(p, v) for p, v in zip(positions, data) if len(v)]
    if filled:
        ax.boxplot([v for _, v in filled], positions=[p for p, _ in filled], widths=0.5,
                   showfliers=False, medianprops={"color": "black"})
    low, high = _kind_range(metric)
    outside = {}
    for (g, v), p in zip(groups.items(), positions):
        if len(v):
            # the jitter in the values' sorted order: the same reports in another row order give the same figure
            x, y = p + rng.uniform(-0.12, 0.12, len(v)), np.sort(v)
            out = (y < low) | (y > high)
            ax.scatter(x[~out], y[~out], s=14, alpha=0.7, color="tab:blue", zorder=3)
            if out.any():
                # a rate over 1 or a negative count is kept as written (its table breaks an identity): marked, so
                # that it is not read as a report's figure
                ax.scatter(x[out], y[out], s=30, marker="x", color="tab:red", zorder=4)
        outside[g] = int(((v < low) | (v > high)).sum())
    # the reports left out for a missing value are counted, not dropped silently: n alone made a group of 5
    # reports, 2 of them without the metric, look like a group of 3
    texts = _spec()["distribution_labels"]
    missing = _missing(df, metric, by)
    ax.set_xlim(0.4, len(groups) + 0.6)
    _set_group_ticks(ax, positions, [_label_text(g) for g in groups],
                     [f"(n={len(v)}" + (f", {texts['missing']} {missing[g]}" if missing[g] else "")
                      + (f", {texts['out_of_range']} {outside[g]}" if outside[g] else "") + ")"
                      for g, v in groups.items()], grow=new)
    ax.set_xlabel(_group_axis_label(by, int(df[by].isna().sum()), _spec()["distribution_labels"]["no_group"]))
    ax.set_ylabel(label if label is not None else _metric_label(metric))
    if title:
        ax.set_title(title)
    return _pin_font(ax)


def plot_composition(
    composition: CompositionResult | pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Stacked horizontal bars of the outcome shares of handled requests, one bar per group.

    Parameters
    ----------
    composition : CompositionResult or pandas.DataFrame
        The result of :func:`toolkit.compare.chi2_composition`, or a frame of counts with
        groups as rows and outcome keys (``granted`` … ``other``) as columns.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        Bars of shares (0-1) with a legend of the Chinese outcome labels; tick labels give n, the
        sum of the group's outcome counts, which the shares divide and the x label names: it can
        differ from the 办结 总计 the reports state, when their outcome rows do not add up to it
        (seed 004: 20 against 19).

    Raises
    ------
    TypeError
        If ``composition`` is neither a CompositionResult nor a DataFrame, ``title`` is not a str, or ``ax`` is
        no Axes.
    ValueError
        If it has none of the outcome columns, a row has a missing or negative count (its
        shares are unknown; drawing them would show the missing counts as 0), or no row has a
        request (nothing to draw).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.plots import plot_composition
    >>> counts = pd.DataFrame({"granted": [6, 3], "denied": [2, 1]}, index=["2020年", "2021年"])
    >>> ax = plot_composition(counts)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['予以公开', '不予公开']
    """
    _check_options(ax, title=title)
    if isinstance(composition, CompositionResult):
        counts = composition.counts
    elif isinstance(composition, pd.DataFrame):
        counts = composition
    else:
        raise TypeError(f"composition must be a CompositionResult or a DataFrame, got {type(composition).__name__}")
    labels = _outcome_labels()
    cats = [c for c in labels if c in counts.columns]
    if not cats:
        raise ValueError(f"composition has none of the outcome columns {list(labels)}; it has {list(counts.columns)}")
    values = counts[cats].apply(pd.to_numeric, errors="coerce").astype(float)
    unknown = ~np.isfinite(values).all(axis=1) | (values < 0).any(axis=1)
    if unknown.any():
        # a share of an unknown total would draw the missing counts as 0
        rows = ", ".join(str(g) for g in counts.index[unknown.to_numpy()][:5])
        raise ValueError(f"{int(unknown.sum())} row(s) of composition have a missing, infinite or negative "
                         f"outcome count "
                         f"({rows}{', …' if unknown.sum() > 5 else ''}): leave them out first, as "
                         f"toolkit.compare.chi2_composition does")
    totals = values.sum(axis=1)
    if not (totals > 0).any():
        raise ValueError(f"nothing to draw: composition has {len(counts)} row(s) and no request in any of them")
    use_chinese_font()
    ax = _new_axes(ax, (7.0, 0.6 * len(counts) + 1.6))
    shares = values.div(totals.where(totals > 0), axis=0).fillna(0.0)
    y = np.arange(len(shares))
    left = np.zeros(len(shares))
    colors = matplotlib.colormaps["tab10"].colors  # type: ignore[attr-defined]  # tab10 is a ListedColormap
    for i, cat in enumerate(cats):
        ax.barh(y, shares[cat].to_numpy(), left=left, color=colors[i % len(colors)], label=labels[cat])
        left += shares[cat].to_numpy()
    ax.set_yticks(y, [f"{_label_text(g)} (n={int(t)})" for g, t in zip(shares.index, totals)])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    # n is the sum of the outcome rows, not the stated 办结 总计: say so where n is read
    ax.set_xlabel(_spec()["composition_labels"]["axis"])
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    if title:
        ax.set_title(title)
    return _pin_font(ax)


def plot_heatmap(
    statements: pd.DataFrame,
    reports: pd.DataFrame,
    by: str,
    *,
    kind: str | None = "problem",
    label_names: Mapping[str, str] | None = None,
    normalize: bool = True,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Heatmap of problem (or measure) types by group, e.g. by year or level of government.

    Parameters
    ----------
    statements : pandas.DataFrame
        ``statements.csv`` schema: ``report_id``, ``kind``, ``labels`` (';'-joined codebook
        keys, or lists of them; a key repeated in one statement counts once).
    reports : pandas.DataFrame
        Frame with ``report_id`` and the grouping column ``by``.
    by : str
        Grouping column of ``reports`` (columns of the heatmap, sorted).
    kind : {'problem', 'measure', None}, default 'problem'
        Which statements to count; None counts both.
    label_names : mapping, optional
        Display name per codebook key (e.g. ``{"platform": "平台与渠道"}``); also fixes the
        row order.  By default the keys found, sorted.
    normalize : bool, default True
        Show the share of the group's statements with a label that carry each label (a statement can
        carry several); False shows counts.  A statement without a label (``''`` or missing: one with
        nothing to classify, such as ``无``, or not classified yet) has no category and is in no
        share's denominator: counted as one, it would lower every share of its group.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        Rows are labels, columns groups; each tick label gives n, the group's statements with a
        label (the shares' denominator), and the number of those without one, if any
        (``2019 (n=12, 无类别 1)``); the colour bar names the denominator.  Each cell is annotated with
        its value; a group without a labelled statement has empty cells.  The statements of a report
        without a group (NA in ``by``, or not in ``reports``) are left out, and the group axis label
        counts them (``报告年度（另有 3 条陈述所属报告无分组，未计入）``).

    Raises
    ------
    TypeError
        If a frame is not a DataFrame, ``by`` or ``title`` is not a str, or ``ax`` is no Axes.
    ValueError
        If a column is missing, ``kind`` is not allowed, ``reports`` shares no report id with
        ``statements`` (ids of another type: 2020 and '2020') or holds one report_id in rows that
        differ, no statement is left to count, no
        statement has a label (not classified yet), or ``label_names`` is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.plots import plot_heatmap
    >>> st = pd.DataFrame({"report_id": ["a", "a", "b"], "kind": ["problem"] * 3,
    ...                    "labels": ["platform", "staffing;content", "platform"]})
    >>> rp = pd.DataFrame({"report_id": ["a", "b"], "年份": [2020, 2021]})
    >>> ax = plot_heatmap(st, rp, "年份", label_names={"platform": "平台与渠道", "staffing": "队伍与能力"})
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['平台与渠道', '队伍与能力']
    """
    _check_options(ax, title=title)
    _require_frame(statements, "statements", ("report_id", "labels") + (("kind",) if kind else ()))
    _require_frame(reports, "reports", ("report_id",))
    _check_column(reports, by, "by", "reports")
    if kind not in ("problem", "measure", None):
        raise ValueError(f"kind must be 'problem', 'measure' or None, got {kind!r}")
    if not isinstance(normalize, bool):
        raise TypeError(f"normalize must be True or False, got {normalize!r}")
    # ids of another type (2020 against '2020') would leave every statement without a group, said as such
    _check_same_ids(statements, reports, "statements")
    st = statements if kind is None else statements[statements["kind"] == kind]
    groups = _group_of(reports, by)
    st = st.assign(_group=_lookup(groups, st["report_id"]).array)
    n_no_group = int(st["_group"].isna().sum())  # said on the group axis, not dropped silently
    st = st.dropna(subset=["_group"])
    if st.empty:
        raise ValueError(f"no {kind or ''} statement with a {by!r} group to count".replace("  ", " "))
    order = _sorted_groups(st["_group"], by)
    # a key repeated in one statement's labels ('platform;platform') is one statement of it, as in alignment
    labels = [list(dict.fromkeys(split_labels(v))) for v in st["labels"]]
    # the shares divide the statements with a label: one without has no category (无, or not classified yet), and
    # an empty label reads back from a CSV as a missing one, so neither can be told to mean "none of them"
    has_label = pd.Series([bool(k) for k in labels], index=st.index)
    n_statements = has_label.groupby(st["_group"]).sum().reindex(order).fillna(0).astype(int)
    n_unlabelled = (~has_label).groupby(st["_group"]).sum().reindex(order).fillna(0).astype(int)
    exploded = st.assign(_label=labels).explode("_label").dropna(subset=["_label"])
    if exploded.empty:
        raise ValueError(f"none of the {len(st)} {kind or ''} statements has a label: classify them first "
                         "(toolkit classify statements.csv, or toolkit.classify.label_statements)".replace("  ", " "))
    if label_names is not None and not isinstance(label_names, Mapping):
        raise TypeError(f"label_names must be a mapping of category key to label, got {type(label_names).__name__}")
    if label_names is not None and not label_names:
        # its keys are the rows: an empty mapping drew an empty image (and Matplotlib's warning of singular limits)
        raise ValueError("label_names is empty: it names the rows to draw; give None for the labels found")
    keys = list(label_names) if label_names is not None else sorted(exploded["_label"].unique())
    table = (
        pd.crosstab(exploded["_label"], exploded["_group"])
        .reindex(index=keys, columns=order)
        .fillna(0)
    )
    if normalize:
        # a group whose statements all lack a label has no share: empty cells, not 0 %
        table = table.div(n_statements.where(n_statements > 0), axis=1)
    texts = _spec()["statement_labels"][kind or "all"]
    use_chinese_font()
    new = ax is None
    ax = _new_axes(ax, (1.2 * len(order) + 3.0, _heatmap_height(len(keys), texts, normalize)))
    vmax = float(np.nanmax(table.to_numpy(dtype=float), initial=0.0))
    image = ax.imshow(table.to_numpy(dtype=float), aspect="auto", cmap="Blues", vmin=0, vmax=max(vmax, 1e-9))
    unlabelled = _spec()["statement_labels"]["unlabelled"]
    # wrapped to the room of their column, as plot_distribution's: long agency names ran over each other
    _set_group_ticks(ax, np.arange(len(order)), [_label_text(g) for g in order],
                     [f"(n={n}" + (f", {unlabelled} {u})" if u else ")") for n, u in zip(n_statements, n_unlabelled)],
                     grow=new)
    names = label_names or {}
    ax.set_yticks(np.arange(len(keys)), [str(names.get(k, k)) for k in keys])
    vmax = vmax or 1.0
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            v = float(table.iat[i, j])
            if not np.isnan(v):
                ax.text(j, i, f"{v:.0%}" if normalize else f"{v:.0f}", ha="center", va="center",
                        fontsize=8, color="white" if v > 0.6 * vmax else "black")
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
    # the texts name the statements counted, and the shares' denominator: a heatmap of measures is no heatmap of
    # problems, and a statement without a label is in no share
    bar.set_label(texts["share"] if normalize else texts["count"])
    if normalize:
        bar.ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(_group_axis_label(by, n_no_group, _spec()["statement_labels"]["no_group"]))
    ax.set_ylabel(texts["axis"])
    if title:
        ax.set_title(title)
    return _pin_font(ax)


def _heatmap_height(n_rows: int, texts: Mapping[str, str], normalize: bool) -> float:
    """Inches of a new heatmap's figure: 0.45 a row, and tall enough for its upright texts, the colour bar's label
    (on a bar of 0.8 of the axes' height) and the label axis's: a heatmap of one or two rows cut them off."""
    size = font_manager.FontProperties(size=matplotlib.rcParams["axes.labelsize"]).get_size_in_points()
    bar = _text_ems(texts["share"] if normalize else texts["count"]) * size / 72.0 / 0.8
    axis = _text_ems(texts["axis"]) * size / 72.0
    return max(0.45 * n_rows, bar, axis) + 1.6  # 1.6: the ticks and label of the group axis, and room around


def plot_trend(
    panel: pd.DataFrame,
    metric: str,
    *,
    agency_col: str = "agency",
    year_col: str = "report_year",
    ax: Axes | None = None,
    title: str | None = None,
    label: str | None = None,
) -> Axes:
    """Lines of a metric over the years, one per agency (e.g. the result of :func:`toolkit.compare.panel`).

    Parameters
    ----------
    panel : pandas.DataFrame
        One row per report with agency, year and metric columns.
    metric : str
        Numeric column; an NA value leaves a gap in the agency's line.
    agency_col : str, default 'agency'
    year_col : str, default 'report_year'
    ax : matplotlib.axes.Axes, optional
    title : str, optional
    label : str, optional
        Axis label of the metric; by default its Chinese label from ``metrics.yaml``.

    Returns
    -------
    matplotlib.axes.Axes
        One line per agency (sorted), with the agency name in the legend, which is beside the axes
        (in columns of 20 names); an agency without a
        value (all NA) has no line, and the legend gives it as ``name (n=0)`` without a marker.  A
        value an indicator of ``metrics.yaml`` cannot take (a rate above 1, a negative count) is drawn
        as written, marked with a red cross, which the legend counts last (``超出取值范围的值 1 个``).
        The x axis runs from half a year before the first year of the panel to half a year after
        the last, with a tick at every year (whole-number ticks chosen by Matplotlib beyond 12
        years); its label counts the rows with a value but no agency or year, which are on no line
        (``报告年度（另有 2 份报告无机关或年度，未绘出）``).

    Raises
    ------
    TypeError
        If ``panel`` is not a DataFrame, a column name, ``title`` or ``label`` is not a str, or ``ax`` is no
        Axes.
    ValueError
        If a column is missing, the metric or the year holds text that is no number
        (``'2020年'``: convert it first), an agency has several rows for one year, or no row has an
        agency, a year and a value (nothing to draw).

    Examples
    --------
    >>> import pandas as pd
    >>> from toolkit.plots import plot_trend
    >>> df = pd.DataFrame({"agency": ["市住建局", "市住建局"], "report_year": [2020, 2021],
    ...                    "reviews_per_100": [1.0, 2.5]})
    >>> ax = plot_trend(df, "reviews_per_100")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['市住建局']
    """
    _check_options(ax, title=title, label=label)
    _require_frame(panel, "panel", ())
    for col, name in ((metric, "metric"), (agency_col, "agency_col"), (year_col, "year_col")):
        _check_column(panel, col, name, "panel")
    years = _numeric(panel, year_col, "year_col")
    values = _numeric(panel, metric)
    agencies = _sorted_groups(panel[agency_col])
    _warn_two_scripts("plot_trend", agencies, agency_col)  # (one agency's years drawn as two lines)
    drawn = years.notna().to_numpy() & values.notna().to_numpy() & panel[agency_col].notna().to_numpy()
    if not drawn.any():
        raise ValueError(f"nothing to draw: no row of panel ({len(panel)} rows) has an {agency_col!r}, a "
                         f"{year_col!r} and a {metric!r} value")
    repeated = _repeated_years(panel[agency_col], years)
    if repeated:
        # two values in one year of one line: it would run back and forth between them, as if it were a trend
        raise ValueError(f"panel has several rows for one {agency_col!r} and {year_col!r}: {repeated[:5]}"
                         f"{' …' if len(repeated) > 5 else ''}; keep one row per agency and year (an agency named "
                         "as in several places needs a column that tells them apart)")
    use_chinese_font()
    ncols = max(1, -(-len(agencies) // _LEGEND_ROWS))
    # a new figure is widened by the legend beside it (names of 8 points, a marker before each), the axes kept
    legend_width = ncols * (max(_text_ems(f"{a} (n=0)") for a in agencies) * _LEGEND_SIZE / 72.0 + 0.5)
    ax = _new_axes(ax, (6.4 + legend_width, 4.0))
    handles: list[matplotlib.artist.Artist] = []
    # past the colour cycle's last colour (10) the colours come round again: the 11th agency's line and legend entry
    # were the 1st's, so each round of colours gets its own marker and line style
    n_colors = max(1, len(matplotlib.rcParams["axes.prop_cycle"].by_key().get("color", [])))
    for agency in agencies:
        mask = _is_group(panel[agency_col], agency) & years.notna().to_numpy()
        d = pd.DataFrame({"year": years[mask], "value": values[mask]}).sort_values("year")
        if d["value"].notna().any():
            lap = len(ax.lines) // n_colors
            handles.extend(ax.plot(d["year"].to_numpy(), d["value"].to_numpy(), label=str(agency),
                                   marker=_TREND_MARKERS[lap % len(_TREND_MARKERS)],
                                   linestyle=_TREND_STYLES[lap % len(_TREND_STYLES)]))
        else:
            # no line to draw: a legend entry in a line's colour would send the reader looking for it
            handles.append(matplotlib.lines.Line2D([], [], linestyle="none", label=f"{agency} (n=0)"))
    low, high = _kind_range(metric)
    outside = drawn & ((values < low) | (values > high)).to_numpy()
    if outside.any():
        # a rate over 1 or a negative count is kept as written (its table breaks an identity): marked on its line,
        # as plot_distribution marks it, and counted in the legend
        handles.append(ax.scatter(years[outside], values[outside], s=40, marker="x", color="tab:red", zorder=4,
                                  label=_spec()["trend_labels"]["out_of_range"].format(n=int(outside.sum()))))
    all_years = sorted(years[panel[agency_col].notna().to_numpy()].dropna().unique())
    # Years are categories of a sort: whole-number ticks, and half a year of room on each side. Matplotlib's
    # own limits for points that share one year span two centuries (1909-2131), the labels piled up.
    ax.set_xlim(all_years[0] - 0.5, all_years[-1] + 0.5)
    if len(all_years) <= _MAX_YEAR_TICKS:
        ax.set_xticks(all_years, [_label_text(float(y)) for y in all_years])
    else:
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=_MAX_YEAR_TICKS, integer=True))
        ax.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:.0f}"))
    # a value without an agency or a year is on no line: counted, not dropped silently
    unplaced = int((values.notna() & ~drawn).sum())
    ax.set_xlabel(_group_axis_label(year_col, unplaced, _spec()["trend_labels"]["unplaced"]))
    ax.set_ylabel(label if label is not None else _metric_label(metric))
    # beside the axes, not over them: "best" found no empty corner among the seeds' long agency names and laid the
    # legend over their lines; a long list in columns, each of up to _LEGEND_ROWS names
    ax.legend(handles=handles, fontsize=_LEGEND_SIZE, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              ncols=ncols)
    if title:
        ax.set_title(title)
    return _pin_font(ax)

