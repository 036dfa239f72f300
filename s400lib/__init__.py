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

from .compare.align import align
from .compare.contradictions import contradictions
from .compare.timeline import timeline
from .core.errors import InputError, InputWarning
from .core import VERSION
from .core.tables import Tables
from .extract.times import tag_times
from .io.corpus import Article, Corpus, load_corpus
from .pipeline.parse import parse
from .pipeline.single_text import extract_quotes
from .viz.timeline_figure import plot_timeline

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
