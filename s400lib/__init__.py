"""s400lib: read news coverage the way a careful analyst does, as pandas DataFrames.

>>> import s400lib as sl
>>> tables = sl.parse(sl.load_corpus("seeds"))

The package follows the data, one subpackage per stage, each importing only the ones listed before it:
``core`` (the table schema, the ``Tables`` container, input errors, the spaCy pipeline) ->
``io`` (articles and metadata from files, paragraphs) -> ``extract`` (what one article yields:
entities, quotes and their speakers, times, numbers, claims) -> ``link`` (corpus-wide decisions:
canonical names, inferred publication dates) -> ``pipeline`` (the per-article run, streaming to
Parquet, Dask) and ``compare`` (across articles: alignment, contradictions, timeline) ->
``evaluate`` (scoring against gold sets) and ``viz`` (figures, quote views, HTML reports) ->
``cli``. The names below are the public API.
"""

from .core import VERSION

# Each public name is imported on first use (PEP 562), so that a process needing one stage, such as
# the corpus-wide finish of a streamed parse, does not import spaCy and every extractor.
_PUBLIC = {
    "align": ".compare.align", "contradictions": ".compare.contradictions", "timeline": ".compare.timeline",
    "InputError": ".core.errors", "InputWarning": ".core.errors", "Tables": ".core.tables",
    "tag_times": ".extract.times", "Article": ".io.corpus", "Corpus": ".io.corpus", "load_corpus": ".io.corpus",
    "parse": ".pipeline.parse", "extract_quotes": ".pipeline.single_text", "plot_timeline": ".viz.timeline_figure",
}


def __getattr__(name: str):
    if name in _PUBLIC:
        import importlib

        value = getattr(importlib.import_module(_PUBLIC[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))


__version__ = VERSION

__all__ = [
    "Article",
    "Corpus",
    "InputError",
    "InputWarning",
    "Tables",
    "align",
    "contradictions",
    "extract_quotes",
    "load_corpus",
    "parse",
    "plot_timeline",
    "tag_times",
    "timeline",
]
