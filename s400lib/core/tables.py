"""The :class:`Tables` result of :func:`s400lib.pipeline.parse`: one DataFrame per kind of observation."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from . import schema

TABLE_NAMES = ("articles", "paragraphs", "sentences", "entities", "quotes", "timexes", "numbers", "claims")


def _empty(name: str):
    return field(default_factory=lambda: schema.empty(name))


@dataclass
class Tables:
    """Every per-article table of a parsed corpus. Column meanings: ``Tables.describe()``.

    Cross-article tables (alignments, contradictions, timeline) are computed on demand by
    :func:`s400lib.compare.align`, :func:`s400lib.compare.contradictions` and :func:`s400lib.compare.timeline`.
    """

    articles: pd.DataFrame = _empty("articles")
    paragraphs: pd.DataFrame = _empty("paragraphs")
    sentences: pd.DataFrame = _empty("sentences")
    entities: pd.DataFrame = _empty("entities")
    quotes: pd.DataFrame = _empty("quotes")
    timexes: pd.DataFrame = _empty("timexes")
    numbers: pd.DataFrame = _empty("numbers")
    claims: pd.DataFrame = _empty("claims")

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLE_NAMES:
            raise KeyError(f"no table {name!r}; tables are {', '.join(TABLE_NAMES)}")
        return getattr(self, name)

    def items(self):
        return ((f.name, getattr(self, f.name)) for f in fields(self))

    def text_of(self, article_id: str) -> str:
        """The full text of one article, the string every offset points into."""
        match = self.articles.loc[self.articles["article_id"] == article_id, "text"]
        if match.empty:
            raise KeyError(f"no article {article_id!r}")
        return match.iloc[0]

    @staticmethod
    def describe(table: str | None = None) -> pd.DataFrame:
        """The data dictionary: DataFrame[table, column, dtype, description]."""
        return schema.describe(table)

    def summary(self) -> pd.DataFrame:
        """Rows per table and article: a quick look at what parsing found."""
        counts = {}
        for name, frame in self.items():
            if "article_id" in frame.columns and name != "articles":
                counts[name] = frame.groupby("article_id", dropna=False).size()
        return pd.DataFrame(counts).fillna(0).astype(int).rename_axis("article_id")

    def to_parquet(self, directory: str | Path) -> None:
        """Write ``<table>.parquet`` per table into ``directory`` (created if missing)."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        for name, frame in self.items():
            frame.to_parquet(out / f"{name}.parquet", index=False)

    @classmethod
    def from_parquet(cls, directory: str | Path) -> "Tables":
        """Read tables written by :meth:`to_parquet`; a missing file gives an empty table."""
        src = Path(directory)
        if not src.is_dir():
            raise FileNotFoundError(f"{src}: no such folder of tables. Fix: run `python -m s400lib parse ... --out {src}` first")
        _check_manifest(src)
        loaded = {}
        for name in TABLE_NAMES:
            path = src / f"{name}.parquet"
            loaded[name] = schema.conform(name, pd.read_parquet(path)) if path.exists() else schema.empty(name)
        return cls(**loaded)

    @classmethod
    def concat(cls, parts: list["Tables | ArticleRows"]) -> "Tables":
        """Stack the tables of several parses (e.g. one per article or per chunk).

        Parts may be :class:`ArticleRows`: their rows become one typed frame per table here, once for
        all the parts, rather than one small frame per article."""
        if not parts:
            return cls()
        merged = {}
        for name in TABLE_NAMES:
            pieces = [getattr(p, name) for p in parts if len(getattr(p, name))]
            if not pieces:
                merged[name] = schema.empty(name)
                continue
            extra = schema.EXTRA_DTYPES.get(name)
            if all(isinstance(piece, list) for piece in pieces):
                merged[name] = schema.conform(name, [row for piece in pieces for row in piece], extra_dtypes=extra)
                continue
            frames = [schema.conform(name, piece, extra_dtypes=extra) if isinstance(piece, list) else piece for piece in pieces]
            merged[name] = schema.conform(name, pd.concat(frames, ignore_index=True))
        return cls(**merged)


@dataclass
class ArticleRows:
    """One article's tables as the per-article stage makes them, before they are stacked.

    Each field holds that table's rows as a list of dicts (column -> value); a DataFrame is taken
    too. Building a typed frame costs about as much for ten rows as for ten thousand, so
    :meth:`Tables.concat` types the rows of many articles at once; :meth:`to_tables` gives one
    article's :class:`Tables`.
    """

    articles: list | pd.DataFrame = field(default_factory=list)
    paragraphs: list | pd.DataFrame = field(default_factory=list)
    sentences: list | pd.DataFrame = field(default_factory=list)
    entities: list | pd.DataFrame = field(default_factory=list)
    quotes: list | pd.DataFrame = field(default_factory=list)
    timexes: list | pd.DataFrame = field(default_factory=list)
    numbers: list | pd.DataFrame = field(default_factory=list)
    claims: list | pd.DataFrame = field(default_factory=list)

    def to_tables(self) -> Tables:
        return Tables.concat([self])


def _check_manifest(src: Path) -> None:
    """Refuse a folder whose files do not match its manifest (a run interrupted while moving its
    files in, or files copied from elsewhere). A folder without a manifest (written by
    :meth:`Tables.to_parquet`) is read as it is."""
    import json

    import pyarrow.parquet as pq

    from .errors import InputError

    manifest_path = src / "manifest.json"
    if not manifest_path.exists():
        return
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if not manifest.get("complete"):
        raise InputError(src, "the output is marked incomplete", "parse the corpus again into this folder")
    for name, rows in manifest.get("rows", {}).items():
        path = src / f"{name}.parquet"
        found = pq.ParquetFile(path).metadata.num_rows if path.exists() else 0
        if found != rows:
            raise InputError(src, f"{name}.parquet has {found} rows where the manifest says {rows}",
                             "parse the corpus again into this folder; the files are from different runs")
