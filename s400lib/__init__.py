"""s400lib: read news coverage the way a careful analyst does, as pandas DataFrames.

>>> import s400lib as sl
>>> tables = sl.parse(sl.load_corpus("seeds"))
"""

from . import entities, pubdate  # modules the notebooks call as sl.entities / sl.pubdate
from .align import align
from .contradictions import contradictions
from .corpus import Article, Corpus, load_corpus
from .errors import InputError, InputWarning
from .parse import parse
from .quotes import extract_quotes
from .tables import Tables
from .timeline import plot_timeline, timeline
from .times import tag_times

__version__ = "0.1.0"

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
