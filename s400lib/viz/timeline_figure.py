"""The timeline figure of ``sl.plot_timeline``."""

from __future__ import annotations

import textwrap

import pandas as pd


def plot_timeline(timeline_table: pd.DataFrame, title: str = "What happened when", max_label: int = 52):
    """A report-ready timeline figure.

    One row per event (earliest at the top), so labels never overlap; a bar from ``earliest`` to
    ``latest`` shows how precisely the event is dated; the marker sits at the midpoint, sized and
    coloured by how many articles report the event; conflicting dates are outlined in red.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    tl = timeline_table.reset_index(drop=True)
    n = max(len(tl), 1)
    fig, ax = plt.subplots(figsize=(11, 1.2 + 0.55 * n))
    if tl.empty:
        ax.set_title(title)
        ax.set_xlabel("Date")
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        return fig
    cmap = plt.get_cmap("viridis")
    max_src = int(tl["sources"].max())
    lo_all, hi_all = tl["earliest"].min(), tl["latest"].max() + pd.Timedelta(days=1)
    pad = (hi_all - lo_all) * 0.04 + pd.Timedelta(days=5)
    mid_x = lo_all + (hi_all - lo_all) / 2
    for y, r in enumerate(tl.itertuples(index=False)):
        start, stop = r.earliest, r.latest + pd.Timedelta(days=1)
        centre = start + (stop - start) / 2
        colour = cmap(0.15 + 0.7 * (r.sources - 1) / max(max_src - 1, 1))
        ax.plot([start, stop], [y, y], color=colour, alpha=0.35, linewidth=9, solid_capstyle="butt")
        ax.scatter([centre], [y], s=40 + 50 * r.sources, color=colour, zorder=3,
                   edgecolors="red" if r.conflict else "black", linewidths=2 if r.conflict else 0.6)
        label = _two_lines(f"{r.value}: {r.label}", max_label)
        right = centre < mid_x
        ax.annotate(label, (stop if right else start, y), xytext=(8 if right else -8, 0), textcoords="offset points",
                    ha="left" if right else "right", va="center", fontsize=8)
    ax.set_ylim(n - 0.5, -0.7)
    ax.set_yticks(range(n), tl["event_id"].tolist())
    ax.set_xlim(lo_all - pad, hi_all + pad)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("Date (bar = uncertainty from earliest to latest)")
    ax.set_ylabel("Event (earliest first)")
    ax.set_title(title)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=(40 + 50 * k) ** 0.5,
                      color=cmap(0.15 + 0.7 * (k - 1) / max(max_src - 1, 1)),
                      label=f"{k} article{'s' if k > 1 else ''}") for k in range(1, max_src + 1)]
    if tl["conflict"].any():
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, color="white", markeredgecolor="red",
                              markeredgewidth=2, label="dated differently"))
    ax.legend(handles=handles, title="reported by", loc="lower left", fontsize=8, title_fontsize=8, framealpha=0.9)
    fig.tight_layout()
    return fig


def _two_lines(text: str, width: int) -> str:
    """Wrap to at most two lines, ending with an ellipsis when text was cut."""
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = lines[:2]
        lines[1] = lines[1][: width - 1].rstrip(" ,;:…") + "…"
    return "\n".join(lines)
