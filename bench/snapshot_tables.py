"""Snapshot every table the public API produces, to check that a refactor changes no output.

    python bench/snapshot_tables.py CORPUS_DIR OUT_DIR      # write OUT_DIR/<corpus>/<table>.pkl
    python bench/snapshot_tables.py --compare OLD_DIR NEW_DIR

Tables: the eight per-article/corpus-wide tables of ``sl.parse`` plus ``sl.align``,
``sl.contradictions`` and ``sl.timeline``. Comparison is ``pandas.testing.assert_frame_equal`` with
exact dtypes and values, so a changed row order, dtype or value is reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def snapshot(corpus_dir: str, out: str) -> None:
    import s400lib as sl

    tables = sl.parse(sl.load_corpus(corpus_dir))
    frames = {name: getattr(tables, name) for name in tables.__dataclass_fields__}
    frames["alignments"] = sl.align(tables)
    frames["contradictions"] = sl.contradictions(tables)
    frames["timeline"] = sl.timeline(tables)
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_pickle(target / f"{name}.pkl")
        print(f"{name}: {len(frame)} rows")


def compare(old: str, new: str) -> int:
    failures = 0
    names = sorted(p.name for p in Path(old).glob("*.pkl"))
    for name in names:
        a, b = pd.read_pickle(Path(old) / name), pd.read_pickle(Path(new) / name)
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
            print(f"same      {name} ({len(a)} rows)")
        except AssertionError as err:
            failures += 1
            print(f"DIFFERENT {name}: {str(err).splitlines()[0]}")
    return 1 if failures or not names else 0


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    snapshot(sys.argv[1], sys.argv[2])
