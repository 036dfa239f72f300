"""The agreement heatmap: which sources agree and which conflict."""

from __future__ import annotations

import re

import pandas as pd


def plot_agreement(matrix: pd.DataFrame, title: str = "Where sources agree and where they conflict"):
    """Source-by-source grid: each cell shows aligned pairs (agree) and contradictions (conflict)
    between two sources, coloured green when agreement dominates and red when conflict does.

    Parameters
    ----------
    matrix
        Output of :func:`source_matrix`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt
    import numpy as np

    sources = sorted(set(matrix["source_a"]) | set(matrix["source_b"]))
    pos = {s: i for i, s in enumerate(sources)}
    k = len(sources)
    net = np.full((k, k), np.nan)
    fig, ax = plt.subplots(figsize=(2.5 + 0.75 * k, 1.8 + 0.6 * k))
    for r in matrix.itertuples():
        # one cell per pair, in the lower triangle: a pair drawn twice would count its conflicts twice
        y, x = max(pos[r.source_a], pos[r.source_b]), min(pos[r.source_a], pos[r.source_b])
        net[y, x] = r.agree - r.conflict
        parts = ([f"{r.agree} agree"] if r.agree else []) + ([f"{r.conflict} conflict"] if r.conflict else [])
        ax.text(x, y, "\n".join(parts), ha="center", va="center", fontsize=7)
    from matplotlib.colors import BoundaryNorm, ListedColormap

    # three colours, not a gradient: one conflict must stand out as clearly as five agreements
    cmap = ListedColormap(["#e8837f", "#f3d98b", "#8fcf98"])
    im = ax.imshow(np.sign(net), cmap=cmap, norm=BoundaryNorm([-1.5, -0.5, 0.5, 1.5], 3))
    labels = [_readable(s) for s in sources]
    ax.set_xticks(range(k), labels, rotation=50, ha="right", fontsize=8)
    ax.set_yticks(range(k), labels, fontsize=8)
    ax.set_xlabel("source (each pair shown once)")
    ax.set_ylabel("source")
    ax.set_title(title)
    cbar = fig.colorbar(im, ax=ax, shrink=0.5, ticks=[-1, 0, 1])
    cbar.ax.set_yticklabels(["more conflict", "even", "more agreement"], fontsize=8)
    fig.tight_layout()
    return fig


def _readable(source: str, width: int = 24) -> str:
    """A source name for an axis: an unnamed outlet by its article, long names wrapped, never cut."""
    import textwrap

    match = re.match(r"the outlet of (\w{3})\w*$", source)
    if match:
        source = f"outlet of article {match.group(1)}"
    return "\n".join(textwrap.wrap(source, width)) or source
