"""Reading articles from disk: files, encodings, HTML extraction and metadata.

``load_corpus`` turns a folder, a glob, one file or a list of paths into a :class:`Corpus` of
:class:`Article` objects. It does no NLP; :func:`s400lib.pipeline.parse` does that.
"""

from __future__ import annotations

import csv
import functools
import glob
import io
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core import schema
from ..core.errors import InputError, InputWarning

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "title", "outlet", "published", "language", "url", "notes")


MAX_CHARS = 1_000_000  # longest article accepted by default (see load_corpus)

@dataclass
class Article:
    """One article. ``text`` is what every offset in every table points into.

    An article from :func:`load_corpus` holds no text: its file was read and checked once, and is
    read again each time ``text`` is asked for (see :meth:`loaded`), so that a corpus of ten
    thousand articles is a list of paths and metadata, not of texts, until each one is parsed.
    """

    article_id: str
    path: str
    text: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: pd.Timestamp | None = None
    language: str = "en"
    url: str | None = None
    notes: str | None = None
    reader: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    def __getattribute__(self, name: str):
        if name == "text":
            text = object.__getattribute__(self, "text")
            if text is None:
                reader = object.__getattribute__(self, "reader")
                if reader is not None:
                    return reader()
            return text
        return object.__getattribute__(self, name)

    def loaded(self) -> "Article":
        """This article with its text read into memory (itself when it holds its text already)."""
        if object.__getattribute__(self, "text") is not None:
            return self
        return dataclasses.replace(self, text=self.text, reader=None)


@dataclass
class Corpus:
    """Articles loaded by :func:`load_corpus`, plus the problems met while loading them.

    ``problems`` has one row per file that could not be used (columns path, problem, fix), so that
    with ``errors="warn"`` nothing is skipped silently.
    """

    articles: list[Article]
    problems: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["path", "problem", "fix"])
    )

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __getitem__(self, article_id: str) -> Article:
        for article in self.articles:
            if article.article_id == article_id:
                return article
        raise KeyError(f"no article {article_id!r}; known: {[a.article_id for a in self.articles]}")

    def to_frame(self) -> pd.DataFrame:
        """The articles as a DataFrame (publication dates as given in metadata, not yet inferred)."""
        return schema.conform("articles", [article_row(a) for a in self.articles])


def article_row(a: Article) -> dict:
    """One row of the articles table, as a dict (publication date as given in metadata)."""
    has_date = a.published is not None and not pd.isna(a.published)
    return {
        "article_id": a.article_id,
        "path": a.path,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published if has_date else pd.NaT,
        "published_source": "metadata" if has_date else "unknown",
        "published_earliest": a.published if has_date else pd.NaT,
        "published_latest": a.published if has_date else pd.NaT,
        "language": a.language,
        "url": a.url,
        "notes": a.notes,
        "n_chars": len(a.text),
        "text": a.text,
    }


def load_corpus(
    source: str | Path | Iterable[str | Path],
    metadata: str | Path | None = None,
    errors: str = "raise",
    encoding: str = "utf-8",
    max_chars: int = MAX_CHARS,
) -> Corpus:
    """Load articles from a folder, a glob pattern, one file, or a list of paths.

    Parameters
    ----------
    source
        A folder (every ``.txt``, ``.md``, ``.html`` and ``.htm`` file in it, sorted by name), a glob
        such as ``"news/*.txt"``, one file, or a list of any of these.
    metadata
        A CSV with columns ``file,title,outlet,published,language,url,notes`` (only ``file`` is
        required). By default ``metadata.csv`` beside the articles is used when present. YAML front
        matter at the top of a text file (between ``---`` lines) is read too and wins over the CSV.
    errors
        ``"raise"`` (default) stops at the first bad file with an :class:`InputError`; ``"warn"``
        loads every good file, emits an :class:`InputWarning` per bad one and lists it in
        ``Corpus.problems``.
    encoding
        Encoding of the text files; change it if your files are not UTF-8 (e.g. ``"cp1252"``).
    max_chars
        Longest article accepted, in characters (default 1,000,000). Longer texts are parsed in
        pieces, so the limit only guards against a file that is not one article (a whole book, a
        data dump); raise it for long articles, at about a minute of parsing per 100,000 characters.

    Returns
    -------
    Corpus
        ``corpus.articles`` is a list of :class:`Article`; ``corpus.to_frame()`` a DataFrame.

    Examples
    --------
    >>> corpus = load_corpus("seeds")
    >>> [a.article_id for a in corpus][:1]
    ['000_8ca09a8607288180']
    """
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', not {errors!r}")
    problems: list[dict] = []

    def report(exc: InputError) -> None:
        if errors == "raise":
            raise exc
        warnings.warn(str(exc), InputWarning, stacklevel=3)
        problems.append({"path": exc.path, "problem": exc.problem, "fix": exc.fix})

    paths = _expand(source)
    roots = _glob_roots(source)
    meta = _read_metadata(paths, metadata, report, roots)

    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in paths:
        row = _meta_for(meta, path, explicit=metadata is not None, roots=roots)
        try:
            article = _read_article(path, row, encoding, max_chars)
        except InputError as exc:
            report(exc)
            continue
        # checked now, read again when parsed: the corpus keeps paths and metadata, not texts
        # the reader holds the path string the article already holds and nothing of the metadata
        # row: at ten thousand articles a corpus is a few MiB, and worker processes forked from
        # this one carry it too
        article = dataclasses.replace(article, text=None, reader=functools.partial(_text_of, article.path, encoding, max_chars))
        if article.article_id in seen:
            report(
                InputError(
                    path,
                    f"its article_id {article.article_id!r} is already used by {seen[article.article_id]}",
                    "rename one of the two files; article ids come from file names",
                )
            )
            continue
        seen[article.article_id] = str(path)
        articles.append(article)

    # a row is used when its file was loaded: by name for an explicit CSV, else by folder and name
    listed = {p.name for p in paths} if metadata is not None else {key for p in paths for key in _meta_keys(p, roots)}
    for (folder, name), row in meta.items():
        used = (name if metadata is not None else (folder, name)) in listed
        # loading one file of a folder is fine; a row naming a file that does not exist is a typo
        if not used and not (Path(row["_metadata_path"]).parent / name).exists():
            report(
                InputError(
                    row["_metadata_path"],
                    f"has a row for {name!r}, but there is no such file beside it",
                    f"remove the row or add the file {name!r} beside the metadata",
                )
            )
    return Corpus(articles, pd.DataFrame(problems, columns=["path", "problem", "fix"]))


def _expand(source) -> list[Path]:
    if isinstance(source, (str, Path)):
        items = [source]
    else:
        items = list(source)
    paths: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            entries = sorted(p.iterdir())
            candidates = [f for f in entries if f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES]
            paths += [f for f in candidates if _regular_file(f)]
            skipped = [f.name for f in entries if f.is_dir() and not f.name.startswith(".")]
            if skipped:
                warnings.warn(f"{p}: subfolder(s) {', '.join(skipped[:5])}{' ...' if len(skipped) > 5 else ''} not read. "
                              f"Fix: to include them pass '{p}/**/*.txt' (or name each folder)", InputWarning, stacklevel=3)
        elif p.exists() or p.is_symlink():
            if _regular_file(p):
                paths.append(p)
        elif any(ch in str(item) for ch in "*?["):
            paths += sorted(m for m in _glob_files(str(item)) if _regular_file(m))
        else:
            raise InputError(p, "no such file or folder", "check the path (relative paths start from the current directory)")
    # a metadata.csv passed directly or matched by a glob is metadata, not an article
    return [p for p in paths if p.name != METADATA_FILE]


def _regular_file(path: Path) -> bool:
    """True for a readable regular file (or a link to one); anything else is skipped with a warning,
    because reading a FIFO or a device blocks forever and a symlink loop cannot be opened."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            warnings.warn(f"{path}: skipped, the symbolic link cannot be followed ({exc.strerror}). "
                          "Fix: point the link at an article file or remove it", InputWarning, stacklevel=4)
        return False
    if stat.S_ISREG(mode):
        return True
    if stat.S_ISDIR(mode):
        return False
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    warnings.warn(f"{path}: skipped, it is {kind}, not an article file. Fix: copy the article into a regular "
                  "file and load that", InputWarning, stacklevel=4)
    return False


def _glob_files(pattern: str) -> list[Path]:
    """Matches of a glob, where a recursive ``**`` visits each real folder once: Python's glob
    follows symbolic links to folders, so a link back to a parent would repeat the tree until the
    path is too long."""
    if "**" not in pattern:
        return [Path(m) for m in glob.glob(pattern, recursive=True)]
    root = pattern.split("**", 1)[0] or "."
    rest = pattern.split("**", 1)[1].lstrip("/\\") or "*"
    matches: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for folder, subfolders, _files in os.walk(root, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError:
            subfolders[:] = []
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            warnings.warn(f"{folder}: skipped, a symbolic link leads back to a folder already read", InputWarning, stacklevel=4)
            subfolders[:] = []
            continue
        seen.add(key)
        subfolders.sort()
        matches += [Path(m) for m in glob.glob(os.path.join(glob.escape(folder), rest))]
    return matches


METADATA_LEVELS = 3  # folders above an article whose metadata.csv may describe it


def _meta_keys(path: Path, roots: tuple[Path, ...] = ()) -> list[tuple[str, str]]:
    """(folder, path relative to it) for the article's own folder and the folders above it up to the
    folder a recursive glob started from, nearest first: a metadata.csv names its files by their
    path relative to it ("b.txt", or "2020/b.txt" in ``news/`` for ``news/**/*.txt``)."""
    keys, rel = [], path.name
    folder = path.parent.resolve()
    for _ in range(METADATA_LEVELS + 1):
        keys.append((str(folder), rel))
        if folder.parent == folder or not any(folder != r and r in folder.parents for r in roots):
            break
        rel, folder = f"{folder.name}/{rel}", folder.parent
    return keys


def _glob_roots(source) -> tuple[Path, ...]:
    """The folders recursive globs of ``source`` start from ('news' for 'news/**/*.txt')."""
    items = [source] if isinstance(source, (str, Path)) else list(source)
    return tuple(Path(str(i).split("**", 1)[0] or ".").resolve() for i in items if "**" in str(i))


def _meta_for(meta: dict, path: Path, explicit: bool, roots: tuple[Path, ...] = ()) -> dict:
    """The metadata row of ``path``: the one the nearest metadata.csv gives for its path relative to
    that CSV, so that b.txt of one folder never takes the row of b.txt in another; an explicitly
    given CSV names files wherever they are."""
    if explicit:
        return next((row for (_folder, name), row in meta.items() if name == path.name), {})
    return next((meta[key] for key in _meta_keys(path, roots) if key in meta), {})


def _read_metadata(paths: list[Path], metadata, report, roots: tuple[Path, ...] = ()) -> dict[tuple[str, str], dict]:
    """Metadata rows keyed by (folder of the CSV, file name), from the given CSV or each folder's metadata.csv."""
    if metadata is not None:
        csv_paths = [Path(metadata)]
    else:
        folders = {Path(folder) for p in paths for folder, _rel in _meta_keys(p, roots)}
        csv_paths = sorted(f / METADATA_FILE for f in folders if (f / METADATA_FILE).exists())
    rows: dict[str, dict] = {}
    for csv_path in csv_paths:
        try:
            folder = str(csv_path.parent.resolve())
            rows.update({(folder, name): row for name, row in _parse_metadata_csv(csv_path).items()})
        except InputError as exc:
            report(exc)
    return rows


def _parse_metadata_csv(csv_path: Path) -> dict[str, dict]:
    try:
        raw = csv_path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(csv_path, "metadata file not found", "pass an existing CSV as metadata=") from None
    except UnicodeDecodeError:
        raise InputError(csv_path, "metadata is not UTF-8 text", "re-save the CSV as UTF-8") from None
    # a notes cell may be long (a pasted abstract); the csv module's default stops at 128 KiB
    csv.field_size_limit(max(csv.field_size_limit(), METADATA_CELL_LIMIT))
    # strict: an unclosed quote would otherwise swallow every later row into one cell without a word
    reader = csv.DictReader(io.StringIO(raw), strict=True)
    row_ends = [1]  # the physical line each row ended on, to name where a broken row begins

    def rows():
        for row in reader:
            row_ends.append(reader.line_num)
            yield row

    try:
        return _metadata_rows(csv_path, reader, rows())
    except csv.Error as exc:
        start = row_ends[-1] + 1
        if "unexpected end of data" in str(exc):
            raise InputError(csv_path, f"the quote opened on line {start} is never closed, so every later row would be merged into one cell",
                             "close the quote (a quote inside a cell is written twice: \"\")") from None
        raise InputError(csv_path, f"line {start} cannot be read as CSV ({exc})",
                         f"check that line's quotes; a cell may hold at most {METADATA_CELL_LIMIT:,} characters") from None


METADATA_CELL_LIMIT = 16 * 1024 * 1024


def _metadata_rows(csv_path: Path, reader: csv.DictReader, records: Iterable[dict]) -> dict[str, dict]:
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "file" not in header:
        raise InputError(
            csv_path,
            "metadata has no 'file' column",
            f"add a header row with columns {','.join(METADATA_COLUMNS)} (only 'file' is required)",
        )
    unknown = [h for h in header if h not in METADATA_COLUMNS]
    if unknown:
        raise InputError(
            csv_path,
            f"metadata has unknown column(s) {unknown}",
            f"rename or remove them; allowed columns are {','.join(METADATA_COLUMNS)}",
        )
    rows: dict[str, dict] = {}
    for line_no, row in enumerate(records, start=2):
        if None in row:  # more cells than header columns
            raise InputError(
                csv_path,
                f"line {line_no} has more cells than the header",
                "quote cells that contain commas with double quotes",
            )
        row = {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()}
        name = row.get("file") or ""
        if not name:
            raise InputError(csv_path, f"line {line_no} has an empty 'file' cell", "fill in the article's file name")
        if name in rows:
            raise InputError(csv_path, f"lines {rows[name]['_metadata_line']} and {line_no} both describe {name!r}",
                             "keep one row per file")
        row["_metadata_path"] = str(csv_path)
        row["_metadata_line"] = line_no
        rows[name] = row
    return rows


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)


def _decode(path: Path, data: bytes, encoding: str) -> str:
    if not data.strip():
        raise InputError(path, "the file is empty", "remove it or put the article's text in it")
    sample = data[:4096]
    if b"\x00" in data[4096:]:
        raise InputError(path, "the file contains NUL bytes, so part of it is not text",
                         "export the article again as plain text, or remove the NUL bytes (`tr -d '\\000'`)")
    if b"\x00" in sample or len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > len(sample) * 0.05:
        raise InputError(path, "the file looks binary, not text", "export the article as plain text (.txt) or HTML first")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"the file is not valid {encoding} (byte {exc.start} cannot be decoded)",
            "re-save it as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`), or pass encoding='cp1252' to load_corpus",
        ) from None
    # a byte-order mark is an encoding artefact, not part of the article
    text = text.removeprefix("\ufeff")
    if not _VISIBLE.search(text):
        raise InputError(path, "the file holds only blank or zero-width characters", "remove it or put the article's text in it")
    # offsets are defined on \n line ends; a Windows file should not shift them by one per line
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_of(path: str, encoding: str, max_chars: int | None) -> str:
    """The text of an article read again from its file, as :func:`_read_article` gave it (the
    text depends on the file alone; the metadata row only fills the other fields)."""
    file = Path(path)
    text = _decode(file, file.read_bytes(), encoding)
    if file.suffix.lower() in HTML_SUFFIXES:
        return _extract_html(file, text)[0]
    return _split_front_matter(file, text)[0]


def _read_article(path: Path, meta: dict, encoding: str, max_chars: int | None = None) -> Article:
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        shown = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise InputError(path.parent / shown, "the file name is not valid UTF-8, so it cannot name an article",
                         "rename the file with UTF-8 characters (e.g. `convmv -f latin1 -t utf-8`)") from None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "check the file's permissions") from None
    text = _decode(path, data, encoding)
    limit = MAX_CHARS if max_chars is None else max_chars
    if len(text) > limit:
        raise InputError(path, f"the text has {len(text):,} characters, more than the limit of {limit:,} for one article",
                         f"split the file into articles, or raise the limit (load_corpus(..., max_chars={len(text)}) or --max-chars {len(text)})")
    fields: dict = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        text, fields = _extract_html(path, text)
    else:
        text, fields = _split_front_matter(path, text)
        if not _VISIBLE.search(text):
            raise InputError(path, "the file has front matter but no article text after it", "put the article's text after the closing '---'")
    given = {k: v for k, v in meta.items() if v not in (None, "") and not k.startswith("_")}
    found = {k: v for k, v in fields.items() if v not in (None, "")}
    # what the user wrote wins over what was guessed: front matter over the CSV, the CSV over the
    # metadata trafilatura finds in a page's HTML
    merged = {**found, **given} if path.suffix.lower() in HTML_SUFFIXES else {**given, **found}
    where = meta.get("_metadata_path", path)
    published = _parse_date(merged.get("published"), where, path)
    return Article(
        article_id=path.stem,
        path=str(path),
        text=text,
        title=merged.get("title"),
        outlet=merged.get("outlet"),
        published=published,
        language=merged.get("language") or _language_of(path, text),
        url=merged.get("url"),
        notes=merged.get("notes"),
    )


def _language_of(path: Path, text: str) -> str:
    """The language of a text whose metadata does not say, 'en' when unsure; a confident other
    language is warned about, since every rule downstream is written for English."""
    if len(text) < LANGUAGE_MIN_CHARS or _mostly_english_function_words(text[:LANGUAGE_SAMPLE_CHARS]):
        return "en"
    code, probability = _language_identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    if code == "en" or probability < LANGUAGE_MIN_PROBABILITY:
        return "en"
    warnings.warn(f"{path}: the text looks like {code!r}, not English; quotes, names and dates are found by "
                  f"English rules and will be missed. Fix: translate it, or set language={code} in its metadata "
                  "to record it", InputWarning, stacklevel=4)
    return code


_ENGLISH_FUNCTION_WORDS = frozenset("the of and to in is that for was on with as by at from it his her said were has have".split())
_WORD_RE = re.compile(r"[^\W\d_]+")


def _mostly_english_function_words(sample: str) -> bool:
    """A cheap first look before the language identifier (which costs milliseconds an article):
    in English news about one word in four is one of these; in other languages almost none is."""
    words = _WORD_RE.findall(sample.lower())
    return len(words) >= 40 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= 0.15 * len(words)


LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS, LANGUAGE_MIN_PROBABILITY = 200, 1500, 0.95  # 1,500 characters: a third of the cost of 5,000, same verdicts on the tests


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


_VISIBLE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# pandas stores dates as nanoseconds since 1970, which reach from 1677 to 2262
EARLIEST_DATE, LATEST_DATE = pd.Timestamp("1678-01-01"), pd.Timestamp("2261-12-31")


_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")


def _parse_date(value, where, path: Path) -> pd.Timestamp | None:
    if value in (None, ""):
        return None
    if not _ISO_DATE.match(str(value).strip()):
        # "01/02/2020" is January or February depending on the reader, "now" is the day you run it
        raise InputError(
            where,
            f"publication date {value!r} for {path.name} is not written YYYY-MM-DD",
            "write it as YYYY-MM-DD (e.g. 2020-02-01), or leave it empty to have it inferred",
        )
    try:
        stamp = pd.Timestamp(str(value))
        stamp = (stamp.tz_localize(None) if stamp.tzinfo is not None else stamp).normalize()
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        raise InputError(
            where,
            f"publication date {value!r} for {path.name} is not a date",
            "write it as YYYY-MM-DD, or leave it empty to have it inferred",
        ) from None
    if not EARLIEST_DATE <= stamp <= LATEST_DATE:
        raise InputError(
            where,
            f"publication date {value!r} for {path.name} is outside the years 1678-2261 that the tables can hold",
            "check the year, or leave the date empty",
        )
    return stamp


FRONT_MATTER_LIMIT = 65_536


def _load_front_matter(block: str):
    """YAML front matter as plain strings: no dates built by the YAML reader (so "2020-13-45" is
    reported by the date check, not raised from deep inside it), no tags, and no anchors or aliases
    (a few hundred bytes of nested aliases can expand to gigabytes)."""
    import yaml

    class _Loader(yaml.BaseLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("anchors and aliases are not allowed in front matter")
            return super().compose_node(parent, index)

    return yaml.load(block, Loader=_Loader)  # noqa: S506 - BaseLoader builds strings, lists and dicts only


def _split_front_matter(path: Path, text: str) -> tuple[str, dict]:
    if not text.startswith("---\n"):
        return text, {}
    end = text.find("\n---", 4)
    if end < 0:
        raise InputError(path, "YAML front matter opened with '---' is never closed", "add a closing '---' line")
    if end - 4 > FRONT_MATTER_LIMIT:
        raise InputError(path, f"YAML front matter is longer than {FRONT_MATTER_LIMIT:,} characters", "keep only the metadata keys between the '---' lines")
    try:
        fields = _load_front_matter(text[4:end]) or {}
    except Exception as exc:  # noqa: BLE001 - any failure of the YAML reader is a bad header, not a crash
        raise InputError(path, f"YAML front matter cannot be read ({exc.__class__.__name__})", "fix the YAML between the '---' lines") from None
    if not isinstance(fields, dict):
        raise InputError(path, "YAML front matter is not a mapping", "write it as 'key: value' lines")
    unknown = [k for k in fields if k not in METADATA_COLUMNS[1:]]
    if unknown:
        raise InputError(path, f"front matter has unknown key(s) {unknown}", f"use only {','.join(METADATA_COLUMNS[1:])}")
    body_start = text.find("\n", end + 4)
    body = text[body_start + 1 :] if body_start >= 0 else ""
    return body, {k: (str(v) if v is not None else None) for k, v in fields.items()}


# a page with a password field and little text is a sign-in or paywall page; shorter than a
# headline and one sentence is a menu or an error page
_PASSWORD_FIELD = re.compile(r"<input[^>]*type\s*=\s*[\"']?password", re.I)
HTML_MIN_WORDS, HTML_LOGIN_MAX_WORDS = 15, 150


def _extract_html(path: Path, html: str) -> tuple[str, dict]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(path, "no article text could be extracted from the HTML", "save the article page itself, not an index or a login page")
    words = len(text.split())
    if words < HTML_MIN_WORDS or (_PASSWORD_FIELD.search(html) and words < HTML_LOGIN_MAX_WORDS):
        what = "a sign-in form" if _PASSWORD_FIELD.search(html) else "no article"
        raise InputError(path, f"the page holds {what} ({words} words of text), not an article",
                         "save the article page itself (after signing in, or from its print view)")
    meta = trafilatura.extract_metadata(html)
    fields = {}
    if meta is not None:
        fields = {"title": meta.title, "outlet": meta.sitename, "published": meta.date, "url": meta.url}
    if fields.get("title") and not text.startswith(fields["title"]):
        # keep the headline in the text so that the title paragraph has offsets like any other
        text = f"{fields['title']}\n\n{text}"
    return text, fields
