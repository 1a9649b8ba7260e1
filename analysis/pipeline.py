"""The whole path from raw articles to the tagged statement table, as ``python -m analysis tag`` runs it.

corpus (load, clean) -> statements (split, boilerplate) -> attribution -> stances and frames -> holder.
The columns of the result are the contract other tools read (``CONTRACT_COLUMNS`` first, then extras).
"""
from __future__ import annotations

import contextlib
import gc
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import output_files, paths
from .attribution import ActorIndex, SentenceFactsCache, attribute, load_actors
from .codebook import Codebook, load_codebook
from .corpus import iter_corpus
from .statements import split_corpus
from .tables import ChunkWriter
from .vocab import CONTRACT_COLUMNS, EXTRA_COLUMNS

TAGGERS = ("codebook", "model", "ensemble")
# What is kept of an article once it is split: the table's outlet and date, and what attribution reads.
META_COLUMNS = ["outlet", "date", "genre", "speaker"]
# The better tagger on statements no cue was written on (the untouched real-genre parts: docs/evaluation.md),
# within the speed budget of benchmarks/README.md since its partner reads the column at once and is fitted
# once per training data (tests/test_evaluation.py::test_the_default_tagger_is_the_ensemble).
DEFAULT_TAGGER = "ensemble"


class StatementCountError(RuntimeError):
    """The tagged table does not hold exactly the statements the corpus was split into: a bug, never to be
    passed over, since a chart built on a table missing articles is wrong without looking wrong."""


@dataclass(frozen=True)
class DataFiles:
    """The files that define behaviour a teacher may change: the codebook, the actors and the chrome rules.
    Each is read and validated once, by its own loader, with errors naming the file and entry."""

    codebook: Path = paths.CODEBOOK
    actors: Path = paths.ACTORS
    chrome_rules: Path = paths.CHROME_RULES

    @classmethod
    def given(cls, codebook=None, actors=None, chrome_rules=None) -> "DataFiles":
        """The shipped files, except those given (paths as str or Path; None keeps the shipped one)."""
        return cls(Path(codebook) if codebook else paths.CODEBOOK, Path(actors) if actors else paths.ACTORS,
                   Path(chrome_rules) if chrome_rules else paths.CHROME_RULES)

    def office_holders(self) -> dict:
        """{"office_holders": path} of the table read beside the actors (``actors.load_actors``), if any."""
        holders = self.actors.with_name(paths.OFFICE_HOLDERS.name)
        return {"office_holders": holders} if holders.exists() else {}

    def paths(self) -> list[Path]:
        return [self.codebook, self.actors, self.chrome_rules, *self.office_holders().values()]


def make_tagger(name: str = DEFAULT_TAGGER, codebook: Codebook | None = None, *,
                extra_training: pd.DataFrame | None = None, leave_out: tuple = ()):
    """A ready tagger. The model is trained here, from the gold, the dev set of other outlets and the coded
    real-genre tables of ``paths.LEARNED_FROM`` (never an untouched test part) but those in ``leave_out`` (to
    score a set the model has not seen), and ``extra_training`` (text, stances: a user's codes,
    ``learning.user_codes``), which wins over a shipped coding of the same text."""
    from ._fast import fitted_partner
    from .learning import fitted_view_words, shipped_codes, shipped_paths

    codebook = codebook or load_codebook()
    trained = None
    if extra_training is None and name in ("codebook", "ensemble") and fitted_partner.cache_folder() is not None:
        trained = fitted_partner.trained_key(name, codebook.stance_ids, codebook.frame_ids,
                                             shipped_paths(leave_out), package_fingerprint()["sha256"])
        tagger = _stored_tagger(name, codebook, fitted_partner.load_trained(trained))
        if tagger is not None:
            return tagger
    codes = shipped_codes(codebook, leave_out)
    tagger, partner_key = _make_stance_tagger(name, codebook, extra_training, codes)
    tagger.views, views_key = fitted_view_words(codebook, codes)
    if trained is not None:
        fitted_partner.store_trained(trained, views=views_key, **({"partner": partner_key} if partner_key else {}))
    return tagger


def _stored_tagger(name: str, codebook: Codebook, keys: dict | None):
    """The tagger ``make_tagger`` names, built from the stored fits of ``keys`` (``fitted_partner.load_trained``),
    or None if any of them is missing."""
    from ._fast import fitted_partner
    from .stance import CodebookTagger, EnsembleTagger

    views = fitted_partner.load_views(keys["views"]) if keys and "views" in keys else None
    if views is None:
        return None
    if name == "codebook":
        tagger = CodebookTagger(codebook)
    else:
        scores = fitted_partner.load(keys["partner"]) if "partner" in keys else None
        if scores is None:
            return None
        tagger = EnsembleTagger(codebook, scores=scores)
    tagger.views = views
    return tagger


def _make_stance_tagger(name: str, codebook: Codebook, extra_training: pd.DataFrame | None, codes: dict):
    """The tagger ``make_tagger`` names, its classifier trained (``codes``: ``learning.shipped_codes``), and the
    key its ensemble partner is kept under (else None)."""
    from .stance import CodebookTagger, EnsembleTagger, StanceClassifier

    if name == "codebook":
        return CodebookTagger(codebook), None
    if name in ("model", "ensemble"):
        from .learning import base_training

        train = base_training(codebook, codes)
        if extra_training is not None:
            train = pd.concat([train[~train["text"].isin(set(extra_training["text"]))],
                               extra_training[["text", "stances"]]], ignore_index=True)
        if name == "model":
            return StanceClassifier(codebook).fit(train["text"], train["stances"]), None
        # The ensemble's partner reads words only: as good a partner in cross-validation, and fast enough to
        # read every statement of a large corpus (docs/evaluation.md). Fitted once per training data.
        from ._fast import fitted_partner
        from ._fast.word_scores import WordScores

        partner = StanceClassifier(codebook, char_features=False)
        key = fitted_partner.fit_key(train["text"], train["stances"], codebook.stance_ids, partner.settings())
        scores = fitted_partner.load(key)
        if scores is not None:
            return EnsembleTagger(codebook, scores=scores), key
        scores = WordScores.of(partner.fit(train["text"], train["stances"]))
        if scores is not None:
            fitted_partner.store(key, scores)
        return EnsembleTagger(codebook, partner, scores=scores), key
    raise ValueError(f"unknown tagger {name!r} (choose from {', '.join(TAGGERS)})")


def tag_statements(statements: pd.DataFrame, tagger, actors: ActorIndex | None = None, *,
                   sentences: SentenceFactsCache | None = None, documents: pd.DataFrame | None = None,
                   memory: "LargeRunMemory | None" = None) -> pd.DataFrame:
    """Attribute and tag a statement table. ``sentences`` keeps what attribution found in each sentence for
    the next calls (a run tagging chunk by chunk passes one for all its chunks); ``documents`` is the
    articles' metadata by article_id (genre, outlet, speaker), if known; ``memory``, the allocator settings
    of a large run, if made."""
    attributed = attribute(statements, actors or load_actors(), cache=sentences, documents=documents)
    with memory.column_arithmetic() if memory is not None else contextlib.nullcontext():
        tagged = tagger.tag(attributed)
    tagged["tagger"] = tagger.name
    return tagged


SHOWN_SKIPPED = 5   # skipped files named in the summary line; the command lists the rest one a line


@dataclass
class RunSummary:
    articles: int = 0
    statements: int = 0
    with_stance: int = 0
    stance_counts: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)
    seconds: float = 0.0
    started: float = field(default=0.0, repr=False)

    def line(self, *, timed: bool = True) -> str:
        """One line of counts; ``timed=False`` leaves out the seconds, for a page two runs must write alike."""
        counts = ", ".join(f"{k} {v}" for k, v in self.stance_counts.items())
        skipped = f"; {len(self.skipped)} skipped" + "".join(
            f" [{s}: {why}]" for s, why in self.skipped[:SHOWN_SKIPPED]) \
            if self.skipped else "; 0 skipped"
        return (f"{self.articles} articles, {self.statements} statements, {self.with_stance} with a stance "
                f"({counts}){skipped}" + (f"; {self.seconds:.2f} s" if timed else ""))


def tag_corpus(source=paths.ARTICLES, *, tagger=DEFAULT_TAGGER, on_error: str = "raise",
               chunk_articles: int = 5000, progress: bool = False,
               data: DataFiles | None = None) -> tuple[pd.DataFrame, RunSummary]:
    """Load, split, attribute and tag a corpus; returns the statement table and a run summary.

    ``data`` names the codebook, actors and chrome rules to use (default: the shipped ones in ``data/``).
    For a corpus too large to hold as one table, ``tag_corpus_to`` writes the same rows chunk by chunk.
    """
    summary = RunSummary()
    parts = list(iter_tagged(source, summary, tagger=tagger, on_error=on_error, chunk_articles=chunk_articles,
                             progress=progress, data=data))
    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    return table, summary


def tag_corpus_to(source, out: Path | str, *, tagger=DEFAULT_TAGGER, on_error: str = "raise",
                  chunk_articles: int = 5000, progress: bool = False, data: DataFiles | None = None,
                  memory: LargeRunMemory | None = None) -> RunSummary:
    """``tag_corpus`` written straight to a CSV or Parquet file, one chunk of articles at a time: the table
    of a million statements never sits in memory whole. The file equals ``write_table(tag_corpus(...))``.

    The file appears whole or not at all (``output_files``): it is written beside ``out`` and renamed over it
    only after the last chunk and the count of statements check out; a second run on the same ``out`` fails.
    """
    out = check_output(out, source, data)
    summary = RunSummary()
    with output_files.lock(out):
        output_files.remove_leftovers(out)
        with output_files.whole_file(out) as partial:
            written = 0
            with ChunkWriter(partial, kind=out.suffix.lower().lstrip(".")) as writer:
                for part in iter_tagged(source, summary, tagger=tagger, on_error=on_error,
                                        chunk_articles=chunk_articles, progress=progress, data=data,
                                        memory=memory):
                    try:
                        writer.append(part)
                    except OSError as err:
                        raise output_files.write_error(out, err) from None
                    written += len(part)
            if written != summary.statements:
                raise StatementCountError(f"{out}: {written} statements written, {summary.statements} tagged")
    summary.seconds = time.perf_counter() - summary.started
    return summary


def check_output(out: Path | str, source, data: DataFiles | None = None) -> Path:
    """``out`` as a Path, or an OutputError before any work: unknown format, a folder, an unwritable place,
    or an input of the run (the corpus or a file in its folder, its metadata, the codebook, actors, rules)."""
    from .corpus import metadata_path

    out = Path(out)
    output_files.check_writable_folder(out)
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise output_files.OutputError(
            f"{out}: unknown output format {out.suffix or '(no extension)'!r}; use .csv or .parquet")
    corpus = Path(source)
    inputs = list((data or DataFiles()).paths())
    if corpus.is_dir():
        inputs.append(metadata_path(corpus))
    output_files.check_not_an_input(out, corpus=corpus, inputs=[i for i in inputs if i is not None])
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def iter_tagged(source, summary: RunSummary, *, tagger=DEFAULT_TAGGER, on_error: str = "raise",
                chunk_articles: int = 5000, progress: bool = False, data: DataFiles | None = None,
                memory: "LargeRunMemory | None" = None):
    """The tagged statement table in chunks of ``chunk_articles`` articles, filling ``summary`` as it goes.

    Boilerplate is a cross-article property, so the whole corpus is split first (keeping only statements and
    hashed 5-grams); attribution and tagging then run chunk by chunk. After the last chunk, every article
    must have as many tagged statements as it was split into, or ``StatementCountError`` stops the run.
    """
    from .corpus import load_chrome_rules

    summary.started = time.perf_counter()
    data = data or DataFiles()
    codebook = load_codebook(data.codebook)
    tagger_obj = make_tagger(tagger, codebook) if isinstance(tagger, str) else tagger
    actors = load_actors(data.actors)
    sentences = SentenceFactsCache()     # sentences recur across articles and chunks
    rules = load_chrome_rules(data.chrome_rules)
    skipped: list = []
    corpus_chunk = min(chunk_articles, 1000)
    with output_files.temporary_folder() as folder:
        # The statements wait on disk while boilerplate is found across the corpus: in memory, a million
        # of them would take a quarter of the 1 GiB this command aims to stay under.
        with without_cyclic_gc():
            statements, meta = split_with_meta(source, on_error=on_error, chunk_articles=corpus_chunk,
                                               skipped=skipped, spill=Path(folder) / "statements.parquet",
                                               progress=progress, rules=rules)
        summary.articles, summary.skipped = len(meta), skipped
        summary.stance_counts = {s: 0 for s in codebook.stance_ids}
        per_chunk = max(1, chunk_articles // corpus_chunk)
        parts = statements.chunks(per_chunk)
        n_chunks = len(statements.chunk_rows)
        if progress and n_chunks > per_chunk:
            from tqdm import tqdm
            parts = tqdm(parts, desc="tagging", unit="chunk", total=-(-n_chunks // per_chunk))
        tagged_per_article: Counter = Counter()
        for part in parts:
            with without_cyclic_gc():
                tagged = _tag_part(part, tagger_obj, actors, meta, summary, sentences, memory)
            tagged_per_article.update(tagged["article_id"].tolist())
            yield tagged
        check_statement_counts(statements.per_article, tagged_per_article, source)


def check_statement_counts(split: Counter, tagged: Counter, source) -> None:
    """Raise StatementCountError unless every article has as many tagged statements as it was split into."""
    if split == tagged:
        return
    wrong = sorted(a for a in set(split) | set(tagged) if split.get(a, 0) != tagged.get(a, 0))
    shown = "; ".join(f"{a!r}: split {split.get(a, 0)}, tagged {tagged.get(a, 0)}" for a in wrong[:5])
    more = f"; and {len(wrong) - 5} more articles" if len(wrong) > 5 else ""
    raise StatementCountError(
        f"{source}: the tagged table does not hold the statements the corpus was split into "
        f"({sum(split.values())} split, {sum(tagged.values())} tagged; {shown}{more}); nothing was written. "
        "This is a bug: please report it with the corpus")


def read_statements(path: Path | str) -> pd.DataFrame:
    """A tagged table that ``tag`` wrote (CSV or Parquet), with the text as it was (the apostrophe that
    protects a CSV cell from being run as a spreadsheet formula is removed)."""
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        return pd.read_parquet(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("sent_idx", "para_idx", "char_start", "char_end"):
        if column in table:
            table[column] = table[column].astype(int)
    for column in ("is_boilerplate", "is_headline", "is_lead", "is_heading", "off_topic"):
        if column in table:
            table[column] = table[column].map({"True": True, "False": False})
    return output_files.undo_spreadsheet_safe(table)


# glibc's M_MMAP_THRESHOLD option, the threshold it starts with (128 KiB), and the one of the taggers' columns.
_M_MMAP_THRESHOLD, _MMAP_THRESHOLD = -3, 128 * 1024
_COLUMN_MMAP_THRESHOLD = 32 * 1024 * 1024


class LargeRunMemory:
    """Process-wide allocator settings for one long run over a large corpus, as ``python -m analysis tag``
    makes them (a notebook need not); made by ``use_large_run_memory_settings``:

    - Arrow buffers come from the system allocator, so memory the loader frees is reused by the statement
      columns instead of Arrow's own pool growing beside it.
    - glibc serves every block over 128 KiB from its own mapping, returned to the system when freed. By
      default the threshold rises as large blocks are freed, and boilerplate detection's thousands of
      mid-sized arrays then stay on the heap after use, raising the run's peak.
    - While the stance taggers work on whole columns (``column_arithmetic``), blocks up to 32 MiB come from
      the heap: their arrays of a few MiB each, made and freed many times over, are then reused rather than
      mapped afresh, each page zeroed by the kernel again.

    The figures behind each are in ``benchmarks/README.md``.
    """

    def __init__(self):
        import pyarrow as pa

        pa.set_memory_pool(pa.system_memory_pool())
        self._set_mmap_threshold(_MMAP_THRESHOLD)

    @staticmethod
    def _set_mmap_threshold(size: int) -> None:
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, size)
        except (OSError, AttributeError):   # not glibc: its default behaviour stays
            pass

    @contextlib.contextmanager
    def column_arithmetic(self):
        self._set_mmap_threshold(_COLUMN_MMAP_THRESHOLD)
        try:
            yield
        finally:
            self._set_mmap_threshold(_MMAP_THRESHOLD)


def use_large_run_memory_settings() -> LargeRunMemory:
    """The allocator settings of one long run (``LargeRunMemory``), applied to this process."""
    return LargeRunMemory()


@contextlib.contextmanager
def without_cyclic_gc():
    """Python's cyclic garbage collector paused while a step runs (and restored after it). The steps make
    millions of small tuples, dicts and strings, and plain reference counting frees them; but every pass of the
    collector also walks what stays alive, such as the sentence cache of attribution. On 100k distinct
    sentences the passes took 2 of 5.6 seconds of attribution. Each paused step is a chunk of the corpus, so
    whatever the collector would have found is found after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def split_with_meta(source, *, on_error: str = "raise", chunk_articles: int = 1000, skipped: list | None = None,
                    spill: Path | None = None, progress: bool = False, rules=None):
    """``split_corpus`` over the corpus read ``chunk_articles`` articles at a time, and the corpus's outlet and
    date by article_id (the only part of the articles kept once they are split)."""
    meta_parts: list[pd.DataFrame] = []

    def chunks():   # a chunk of articles at a time: their raw and cleaned text is all that is held whole
        for chunk in iter_corpus(source, on_error=on_error, chunk_articles=chunk_articles, skipped=skipped,
                                 rules=rules):
            meta_parts.append(chunk[["article_id"] + [c for c in META_COLUMNS if c in chunk.columns]])
            yield chunk

    reading = chunks()
    if progress:
        from tqdm import tqdm
        reading = tqdm(reading, desc="reading and splitting", unit="chunk")
    statements = split_corpus(reading, spill=spill)
    return statements, pd.concat(meta_parts, ignore_index=True).set_index("article_id")


def add_meta(table: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """The outlet and date of each statement's article ("" if unknown), as columns of ``table``."""
    table["outlet"] = table["article_id"].map(meta["outlet"]).fillna("")
    table["date"] = table["article_id"].map(meta["date"]).fillna("")
    return table


def _tag_part(statements: pd.DataFrame, tagger, actors, meta: pd.DataFrame, summary: RunSummary,
              sentences: SentenceFactsCache, memory: "LargeRunMemory | None" = None) -> pd.DataFrame:
    table = add_meta(tag_statements(statements, tagger, actors, sentences=sentences, documents=meta,
                                    memory=memory), meta)[
        CONTRACT_COLUMNS + EXTRA_COLUMNS]
    summary.statements += len(table)
    summary.with_stance += int((table["stances"] != "").sum())
    for cell, statements_with_it in Counter(table["stances"].tolist()).items():   # few distinct cells
        for stance in str(cell).split(";") if cell else ():
            if stance in summary.stance_counts:
                summary.stance_counts[stance] += statements_with_it
    summary.seconds = time.perf_counter() - summary.started
    return table


def write_table(table: pd.DataFrame, out: Path | str) -> Path:
    """Write CSV or Parquet by the file's extension, whole or not at all (the writer ``tag_corpus_to`` uses,
    with one chunk)."""
    out = Path(out)
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise output_files.OutputError(f"{out}: unknown output format {out.suffix!r}; use .csv or .parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    with output_files.whole_file(out) as partial:
        try:
            with ChunkWriter(partial, kind=out.suffix.lower().lstrip(".")) as writer:
                writer.append(table)
        except OSError as err:
            raise output_files.write_error(out, err) from None
    return out


# ------------------------------------------------------------------ a tagged table, read instead of re-tagged
#
# ``reproduce`` tags the corpus once (``tag_corpus_to_recorded``) and every notebook reads the table
# (``tagged_table``). Beside the table lies ``<table>.source.json``: what the table was made from and the
# SHA-256 of the table itself. A notebook reads the table only if everything it records matches what a
# tagging run would use now; otherwise it tags the corpus itself, as it does when run alone.

SOURCE_SUFFIX = ".source.json"    # statements.csv -> statements.csv.source.json
SOURCE_FORMAT = 1
# The libraries whose behaviour the tagged table depends on (a new version could split, match or sort apart).
TAGGING_LIBRARIES = ("pandas", "numpy", "pyarrow", "pyahocorasick", "scipy", "scikit-learn", "PyYAML")
# What a record holds, in the order a mismatch is named: (key, what changed).
_SOURCE_CHECKS = [("corpus", "the corpus path"), ("corpus_files", "a file of the corpus or its metadata"),
                  ("codebook", "the codebook"), ("actors", "the actors"), ("chrome_rules", "the chrome rules"),
                  ("tagger", "the tagger"), ("on_error", "on_error"),
                  ("annotations", "the annotations the model tagger is trained on"),
                  ("package", "the analysis package (its version or source)"),
                  ("environment", "the Python or library versions")]


def source_path(table: Path | str) -> Path:
    """Where the record of what ``table`` was made from lies: ``<table>.source.json`` beside it."""
    table = Path(table)
    return table.with_name(table.name + SOURCE_SUFFIX)




def _files_sha256(files: dict) -> dict:
    """{name: path} -> the number of files and one SHA-256 over their names and contents (a file that cannot
    be read counts as such, not as an error: the tagging run will report it)."""
    import hashlib

    digest = hashlib.sha256()
    for name in sorted(files):
        try:
            content = output_files.file_sha256(files[name])
        except OSError as err:
            content = f"unreadable ({err.strerror or err})"
        digest.update(f"{name}\0{content}\n".encode("utf-8", "backslashreplace"))
    return {"files": len(files), "sha256": digest.hexdigest()}


def corpus_fingerprint(corpus: Path | str) -> dict:
    """The contents of every file a run on ``corpus`` may read: for a folder, every file directly in it (not
    only the ``.txt`` articles: its ``articles.csv`` and anything else too; links followed; subfolders are
    never read) and the metadata table beside it (``<folder>.csv``); for a corpus file, the file."""
    import os

    corpus = Path(corpus)
    files = {}
    if corpus.is_dir():
        for path in corpus.iterdir():
            if not path.is_dir():
                files[os.fsencode(path.name).decode("utf-8", "backslashreplace")] = path
        sibling = corpus.parent / f"{corpus.name}.csv"
        if sibling.exists():
            files[f"../{sibling.name}"] = sibling
    elif corpus.exists():
        files[corpus.name] = corpus
    return _files_sha256(files)


def package_fingerprint() -> dict:
    """The version of the ``analysis`` package and one SHA-256 over every file of its source."""
    from . import __version__

    root = Path(__file__).resolve().parent
    files = {path.relative_to(root).as_posix(): path for path in root.rglob("*")
             if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}
    return {"version": __version__, **_files_sha256(files)}


def _environment() -> dict:
    import platform
    from importlib import metadata

    versions = {}
    for name in TAGGING_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {"python": platform.python_version(), **versions}


def table_source(corpus, *, data: DataFiles | None = None, tagger=DEFAULT_TAGGER, on_error: str = "raise") -> dict:
    """What a tagging run of ``corpus`` with these settings is made from, as ``<table>.source.json`` records it.

    What counts (any change makes a recorded table stale):

    - the corpus: its resolved path, and the SHA-256 of every file it may read (``corpus_fingerprint``);
    - the SHA-256 of the codebook, the actors (with the office holders beside them) and the chrome rules
      (wherever they lie: only their bytes count);
    - the tagger's name and ``on_error``; for the ``model`` tagger, also the gold and dev annotations it is
      trained on. A tagger object rather than a name cannot be recorded (``tagged_table`` then always tags);
    - the package: its version and a SHA-256 over every file of ``analysis/`` (any change of the code, even
      one that cannot change the table, counts);
    - the Python version and the versions of the libraries in ``TAGGING_LIBRARIES``.

    Not counted: the time, the machine, the folder the table lies in (a results folder may be moved).
    """
    data = data or DataFiles()
    source = {"format": SOURCE_FORMAT, "corpus": str(Path(corpus).resolve()),
              "corpus_files": corpus_fingerprint(corpus),
              "codebook": _files_sha256({"codebook": data.codebook})["sha256"],
              "actors": _files_sha256({"actors": data.actors, **data.office_holders()})["sha256"],
              "chrome_rules": _files_sha256({"chrome_rules": data.chrome_rules})["sha256"],
              "tagger": tagger if isinstance(tagger, str) else None, "on_error": on_error,
              "annotations": None, "package": package_fingerprint(), "environment": _environment(),
              # For the reader only; never compared (the hashes above are).
              "data_files": {"codebook": str(data.codebook), "actors": str(data.actors),
                             "chrome_rules": str(data.chrome_rules)}}
    if tagger == "model":
        source["annotations"] = _files_sha256({"gold": paths.GOLD, "dev_outlets": paths.DEV_OUTLETS})
    return source


def write_table_source(table: Path | str, made_from: dict, summary: RunSummary) -> Path:
    """Write ``<table>.source.json``: ``made_from`` (``table_source``, taken before the tagging began), the
    SHA-256 and size of ``table`` as it is now, and the run's articles and skipped files (which the table
    cannot tell: an article may have no statement). Whole or not at all (``output_files.whole_file``)."""
    import json

    table = Path(table)
    out = source_path(table)
    record = {"written_by": "kuril-stance", "made_from": made_from,
              "table": {"name": table.name, "bytes": table.stat().st_size, "sha256": output_files.file_sha256(table)},
              "run": {"articles": summary.articles, "skipped": [list(s) for s in summary.skipped]}}
    text = json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    output_files.remove_leftovers(out)
    with output_files.whole_file(out) as partial:
        try:
            partial.write_text(text, encoding="utf-8")
        except OSError as err:
            raise output_files.write_error(out, err) from None
    return out


def tag_corpus_to_recorded(source, out: Path | str, *, tagger=DEFAULT_TAGGER, on_error: str = "raise",
                           data: DataFiles | None = None, **options) -> RunSummary:
    """``tag_corpus_to``, then ``<out>.source.json`` recording what the table was made from (taken before the
    tagging began, so that an input changed during the run makes the table stale, not silently current).

    The record names the table's SHA-256: if the run dies between the table and its record, or another
    program later replaces the table, the old record no longer matches and the table counts as stale.
    """
    out = check_output(out, source, data)
    record = source_path(out)
    output_files.check_not_an_input(record, corpus=Path(source), inputs=(data or DataFiles()).paths())
    made_from = table_source(source, data=data, tagger=tagger, on_error=on_error)
    with output_files.lock(record):
        summary = tag_corpus_to(source, out, tagger=tagger, on_error=on_error, data=data, **options)
        write_table_source(out, made_from, summary)
    return summary


def _read_record(record: Path) -> dict | None:
    import json

    try:
        loaded = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(loaded, dict) or not all(isinstance(loaded.get(k), dict) for k in ("made_from", "table", "run")):
        return None
    return loaded


def stale_reason(table: Path | str, corpus, *, data: DataFiles | None = None, tagger=DEFAULT_TAGGER,
                 on_error: str = "raise") -> str:
    """Why ``table`` is not the table a tagging run of ``corpus`` would write now ("" if it is): no table, no
    or an unreadable record beside it, a table changed since it was recorded, or the first input that differs
    (what counts: ``table_source``)."""
    table = Path(table)
    if not table.is_file():
        return f"{table} does not exist"
    if not isinstance(tagger, str):
        return "a tagger object cannot be matched to a recorded table"
    record = _read_record(source_path(table))
    if record is None:
        return f"{source_path(table).name} beside it is missing or unreadable"
    if record["made_from"].get("format") != SOURCE_FORMAT:
        return f"{source_path(table).name} was written by another version"
    if record["table"].get("sha256") != output_files.file_sha256(table):
        return f"{table.name} changed since it was tagged"
    now = table_source(corpus, data=data, tagger=tagger, on_error=on_error)
    for key, what in _SOURCE_CHECKS:
        if record["made_from"].get(key) != now[key]:
            return f"{what} changed since it was tagged"
    return ""


@dataclass
class TableSummary(RunSummary):
    """A RunSummary, and where the table came from: ``read_from`` the table read ("" if tagged here),
    ``retagged`` why the table given was not used ("" if read, or none was given)."""

    read_from: str = ""
    retagged: str = ""

    def line(self, *, timed: bool = True) -> str:
        if self.read_from:
            return f"{super().line(timed=timed)}; read from {self.read_from}"
        if self.retagged:
            return f"{super().line(timed=timed)}; tagged here: {self.retagged}"
        return super().line(timed=timed)


def tagged_table(corpus, *, table: Path | str | None = None, data: DataFiles | None = None,
                 tagger=DEFAULT_TAGGER, on_error: str = "raise") -> tuple[pd.DataFrame, TableSummary]:
    """The tagged statement table of ``corpus`` and its summary: read from ``table`` if it is current
    (``stale_reason`` is empty: see ``table_source`` for what counts), else tagged here (``tag_corpus``).

    Read, the table equals what ``tag_corpus`` returns (``read_statements`` undoes the CSV's spreadsheet
    escaping); the summary counts its statements and stances, takes the articles and skipped files from the
    record, and ``line()`` ends with where the table was read from. ``table`` None or "" always tags.
    """
    import dataclasses

    reason = ""
    if table:
        started = time.perf_counter()
        table = Path(table)
        before = table.stat() if table.is_file() else None
        reason = stale_reason(table, corpus, data=data, tagger=tagger, on_error=on_error)
        if not reason:
            statements = read_statements(table)
            after = table.stat()
            if (before.st_ino, before.st_size, before.st_mtime_ns) == (after.st_ino, after.st_size,
                                                                       after.st_mtime_ns):
                record = _read_record(source_path(table))
                return statements, _summary_of(statements, record, data, started, str(table))
            reason = f"{table.name} was replaced while it was read"
    statements, summary = tag_corpus(corpus, tagger=tagger, on_error=on_error, data=data)
    return statements, TableSummary(**{f.name: getattr(summary, f.name) for f in dataclasses.fields(RunSummary)},
                                    retagged=reason)


def _summary_of(statements: pd.DataFrame, record: dict, data: DataFiles | None, started: float,
                read_from: str) -> TableSummary:
    codebook = load_codebook((data or DataFiles()).codebook)
    counts = {s: 0 for s in codebook.stance_ids}
    for cell, n in Counter(statements["stances"].tolist()).items():
        for stance in str(cell).split(";") if cell else ():
            if stance in counts:
                counts[stance] += n
    return TableSummary(articles=int(record["run"].get("articles", statements["article_id"].nunique())),
                        statements=len(statements), with_stance=int((statements["stances"] != "").sum()),
                        stance_counts=counts, skipped=[tuple(s) for s in record["run"].get("skipped", [])],
                        seconds=time.perf_counter() - started, started=started, read_from=read_from)
