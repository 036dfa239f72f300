"""The event timeline and its plot."""

from __future__ import annotations

import pandas as pd

from . import schema


def timeline(tables) -> pd.DataFrame:
    return schema.empty("timeline")


def plot_timeline(timeline_table):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    return fig
