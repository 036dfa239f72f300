"""Where the per-article stage leaves its rows before the corpus-wide finish: one Parquet file per
table and chunk of articles under ``<out>/.staging/``, written by this process or by Dask workers."""

from __future__ import annotations

import sys
from pathlib import Path

STAGING = ".staging"


def part_path(staging: Path, name: str, part: int) -> Path:
    return staging / f"{name}-{part:05d}.parquet"


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (NaN where the OS does not report it)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux
