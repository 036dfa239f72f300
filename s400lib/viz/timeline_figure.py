"""The timeline figure of ``sl.plot_timeline``."""

from __future__ import annotations

import textwrap

import pandas as pd


def plot_timeline(timeline_table: pd.DataFrame, title: str = "What happened when", max_label: int = 46,
                  max_events: int | None = 40):
    """A report-ready timeline figure.

    One row per event (earliest at the top), labelled by its date and a short text, so labels never
    overlap; a bar from ``earliest`` to ``latest`` shows how precisely the event is dated; the marker
    sits at the midpoint, sized and coloured by how many articles report the event; conflicting
    events are outlined in red. When most events crowd into the last part of a long span, the axis is
    broken in two: the sparse early years on the left, the dense period at readable scale on the right.

    Parameters
    ----------
    max_events
        Most events drawn (one row each; None draws all). A larger timeline is cut to the events
        reported by the most articles (conflicting ones first among equals), still in date order,
        and the title says how many of how many are shown. A row per event is only readable up to
        a few dozen rows, and a figure for thousands of events takes minutes and gigabytes to draw.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    tl = timeline_table.reset_index(drop=True)
    if max_events is not None and len(tl) > max_events:
        ranked = tl.rename_axis("row").sort_values(["sources", "conflict", "row"], ascending=[False, False, True])
        tl = tl.loc[sorted(ranked.index[:max_events])].reset_index(drop=True)
        title = f"{title}\n(the {max_events:,} of {len(timeline_table):,} events reported by the most articles)"
    n = max(len(tl), 1)
    if tl.empty:
        fig, ax = plt.subplots(figsize=(11, 2))
        ax.set_title(title)
        ax.set_xlabel("Date")
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        return fig
    cmap = plt.get_cmap("viridis")
    max_src = int(tl["sources"].max())
    lo_all, hi_all = tl["earliest"].min(), tl["latest"].max() + pd.Timedelta(days=1)
    split = _dense_start(tl, lo_all, hi_all)
    if split is None:
        fig, ax_main = plt.subplots(figsize=(13, 1.4 + 0.5 * n))
        axes = [(ax_main, lo_all, hi_all)]
    else:
        fig, (ax_early, ax_main) = plt.subplots(1, 2, figsize=(13, 1.4 + 0.5 * n), sharey=True,
                                                gridspec_kw={"width_ratios": [1, 3], "wspace": 0.05})
        early_hi = tl.loc[tl["earliest"] < split, "latest"].max() + pd.Timedelta(days=1)
        axes = [(ax_early, lo_all, max(early_hi, lo_all + pd.Timedelta(days=30))), (ax_main, split, hi_all)]
    for ax, lo, hi in axes:
        pad = (hi - lo) * 0.04 + pd.Timedelta(days=3)
        for y, r in enumerate(tl.itertuples(index=False)):
            start, stop = r.earliest, r.latest + pd.Timedelta(days=1)
            if stop < lo - pad or start > hi + pad:
                continue
            centre = start + (stop - start) / 2
            colour = cmap(0.15 + 0.7 * (r.sources - 1) / max(max_src - 1, 1))
            ax.plot([start, stop], [y, y], color=colour, alpha=0.35, linewidth=9, solid_capstyle="butt")
            ax.scatter([centre], [y], s=40 + 50 * r.sources, color=colour, zorder=3,
                       edgecolors="red" if r.conflict else "black", linewidths=2 if r.conflict else 0.6)
        ax.set_xlim(lo - pad, hi + pad)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(axis="x", alpha=0.3)
    first = axes[0][0]
    first.set_ylim(n - 0.5, -0.7)
    first.set_yticks(range(n), [_two_lines(f"{r.value} · {r.label}", max_label) for r in tl.itertuples(index=False)], fontsize=8)
    if split is not None:
        axes[0][0].spines["right"].set_visible(False)
        ax_main.spines["left"].set_visible(False)
        ax_main.tick_params(axis="y", length=0)
        for ax, x in ((axes[0][0], 1), (ax_main, 0)):  # the two slanted strokes of a broken axis
            ax.plot([x, x], [0, 1], transform=ax.transAxes, color="grey", linestyle=(0, (2, 2)), clip_on=False, linewidth=1)
        ax_main.set_title("dense period, zoomed", fontsize=9, loc="left")
    fig.supxlabel("Date (bar = uncertainty from earliest to latest)", fontsize=10)
    fig.suptitle(title)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=(40 + 50 * k) ** 0.5,
                      color=cmap(0.15 + 0.7 * (k - 1) / max(max_src - 1, 1)),
                      label=f"{k} article{'s' if k > 1 else ''}") for k in range(1, max_src + 1)]
    if tl["conflict"].any():
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, color="white", markeredgecolor="red",
                              markeredgewidth=2, label="in conflict"))
    ax_main.legend(handles=handles, title="reported by", loc="upper left", fontsize=8, title_fontsize=8, framealpha=0.9)
    # room on the left for the event labels (tight_layout cannot place axes that share y)
    fig.subplots_adjust(left=0.3, right=0.98, top=1 - 0.9 / (1.4 + 0.5 * n), bottom=0.75 / (1.4 + 0.5 * n))
    return fig


def _dense_start(tl: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.Timestamp | None:
    """Where to break the axis: the start of the last stretch holding most events, when that stretch
    is a small part of a long span (more than two thirds of the events in the last fifth); else None."""
    span = hi - lo
    if span < pd.Timedelta(days=365) or len(tl) < 4:
        return None
    starts = tl["earliest"].sort_values()
    cut = starts.iloc[len(starts) // 3]
    if cut - lo < span * 0.8:
        return None
    return cut - pd.Timedelta(days=7)


def _two_lines(text: str, width: int) -> str:
    """Wrap to at most two lines, ending with an ellipsis when text was cut."""
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = lines[:2]
        lines[1] = lines[1][: width - 1].rstrip(" ,;:…") + "…"
    return "\n".join(lines)
