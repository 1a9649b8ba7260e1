"""Load a corpus of news articles and strip the web chrome around them.

A corpus is a folder of UTF-8 ``.txt`` files (one article each, the id being the file name without
extension) with an optional ``articles.csv`` of metadata, or a single ``.csv`` / ``.jsonl`` file with one
article a row (``id``, ``text`` and any of outlet, date, headline, url) as news-database exports come.

Chrome-cleaning rules live in ``data/chrome_rules.csv`` so a user can add the furniture of another site
without touching code. Every problem with the input is reported with the file it came from; nothing is
dropped without a trace: skipped files are listed in ``corpus.attrs["skipped"]``.

Example:
    >>> from analysis.corpus import load_corpus
    >>> corpus = load_corpus("data/articles")
    >>> corpus.loc[0, "article_id"], corpus.loc[0, "clean_text"][:24]
    ('000', 'No sign of talks on isla')
"""
from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths

METADATA_FILE = "articles.csv"
METADATA_COLUMNS = ["outlet", "date", "headline", "url"]
CORPUS_COLUMNS = ["article_id", "outlet", "date", "headline", "url", "source", "raw_text", "clean_text",
                  "n_chars", "n_chrome_removed"]
# Whitespace runs other than one plain space: collapsing only these leaves ordinary prose untouched, so a
# 50 MB single-line file is not rebuilt from millions of pieces (re's \s is exactly str.isspace).
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")
# Lines longer than this are collapsed by _ODD_SPACE; shorter ones by split and join, several times faster.
_SPLIT_JOIN_LIMIT = 100_000


def _normalise_line(line: str) -> str:
    """``" ".join(line.split())``: whitespace runs as one space, none at either end.

    Every whitespace character but the plain space is unprintable, so a printable line without a double space
    only needs its ends stripped; that is most lines of most articles.
    """
    if "  " not in line and line.isprintable():
        return line.strip(" ")
    if len(line) <= _SPLIT_JOIN_LIMIT:
        return " ".join(line.split())
    return _ODD_SPACE.sub(" ", line).strip(" ")
# A page saved from a browser may open with an XML declaration or a "<!-- saved from url=... -->" comment
# before its doctype; a copied fragment may open with a block element.
_HTML_SNIFF = re.compile(r"""^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
                             (?:<!DOCTYPE\s+html|<(?:html|head|body|article|main|div|p|h[1-6])\b)""",
                         re.IGNORECASE | re.DOTALL | re.VERBOSE)


class CorpusError(ValueError):
    """Bad input: the message names the file and the problem."""


class CorpusWarning(UserWarning):
    """A problem the corpus survives, such as a metadata row without a file."""


@dataclass(frozen=True)
class ChromeRules:
    """Whole-paragraph patterns that mark site furniture rather than article text."""

    exact: frozenset
    pattern: re.Pattern | None

    def __post_init__(self):
        # Case folding never shortens a text, so one longer than every exact line need not be folded.
        object.__setattr__(self, "_longest_exact", max(map(len, self.exact), default=-1))

    def is_chrome(self, paragraph: str) -> bool:
        text = paragraph.strip()
        if len(text) <= self._longest_exact and text.casefold() in self.exact:
            return True
        return bool(self.pattern and self.pattern.fullmatch(text))


def load_chrome_rules(path: Path | str = paths.CHROME_RULES) -> ChromeRules:
    """Read the chrome rules table (columns kind, pattern, why); ``kind`` is ``line`` or ``regex``."""
    path = Path(path)
    table = _read_csv(path, required=["kind", "pattern"])
    exact, regexes = set(), []
    for row_number, row in enumerate(table.itertuples(index=False), start=2):
        if row.kind == "line":
            exact.add(row.pattern.strip().casefold())
        elif row.kind == "regex":
            try:
                re.compile(row.pattern)
            except re.error as err:
                raise CorpusError(f"{path}: row {row_number}: bad regex {row.pattern!r}: {err}") from None
            regexes.append(f"(?:{row.pattern})")
        else:
            raise CorpusError(f"{path}: row {row_number}: kind must be 'line' or 'regex', not {row.kind!r}")
    pattern = re.compile("|".join(regexes), re.IGNORECASE) if regexes else None
    return ChromeRules(frozenset(exact), pattern)


def clean_text(raw: str, rules: ChromeRules) -> tuple[str, int]:
    """Drop chrome paragraphs and normalise layout: one paragraph per line block, joined by a blank line.

    Returns the cleaned text and how many chrome paragraphs were removed.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    kept, removed = [], 0
    for line in text.split("\n"):
        if not line:
            continue
        paragraph = _normalise_line(line)
        if not paragraph:
            continue
        if rules.is_chrome(paragraph):
            removed += 1
            continue
        kept.append(paragraph)
    return "\n\n".join(kept), removed


def decode_text(data: bytes, source: str) -> str:
    """Decode a file's bytes as UTF-8 (a BOM is fine; UTF-16 with a BOM is converted), or raise a CorpusError
    naming the file and, for bad UTF-8, the first bad byte and its offset."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise CorpusError(f"{source}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({err.reason})") from None
    head = data[:4096]
    if b"\x00" in head:
        # Text saved as UTF-16 without a byte-order mark has a NUL in (nearly) every other byte: say so, since
        # "binary" would send the user looking for the wrong problem. Nearly: ’ and — have no NUL byte.
        if len(head) >= 4 and max(head[1::2].count(0), head[0::2].count(0)) >= 0.9 * (len(head) // 2):
            raise CorpusError(f"{source}: looks like UTF-16 text without a byte-order mark; re-save the file as UTF-8")
        raise CorpusError(f"{source}: binary file (contains NUL bytes), not a text article")
    return _decode_utf8(data, source)


def _decode_utf8(data: bytes, source: str, *, offset: int = 0, encoding: str = "utf-8-sig") -> str:
    """``data`` decoded, or a CorpusError naming the first bad byte and its offset in the file (``data``
    starts ``offset`` bytes into it)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{source}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {offset + err.start}); "
            "re-save the file as UTF-8") from None


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode_article(data: bytes, source: str) -> str:
    """Text of one article file: decoded by ``decode_text``, refused if it is binary, and reduced to its text
    if it is an HTML page saved as .txt."""
    text = decode_text(data, source)
    controls = len(_CONTROL_CHARS.findall(text, 0, 4096))
    if controls > 0.05 * max(1, len(text[:4096])):
        raise CorpusError(f"{source}: binary file ({controls} control characters in the first 4 KB)")
    if _HTML_SNIFF.match(text):
        text = html_to_text(text)
    return text


class _HTMLText(html.parser.HTMLParser):
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
             "header", "footer", "blockquote"}
    SKIP = {"script", "style", "noscript", "nav", "svg", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.in_title = False
        self.has_h1 = False
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in self.BLOCK:
            self.has_h1 = self.has_h1 or tag == "h1"
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data.replace("\n", " "))
        elif not self.skip_depth:
            self.parts.append(data.replace("\n", " "))


def html_to_text(page: str) -> str:
    """Text of an HTML page saved as .txt: block elements become paragraphs, scripts and styles go.

    The ``<title>`` ("Headline - Site") is the headline only when the page has no ``<h1>``: kept beside the
    ``<h1>`` it would count the headline's statement twice.
    """
    parser = _HTMLText()
    parser.feed(page)
    parser.close()
    text = "".join(parser.parts)
    title = " ".join("".join(parser.title).split())
    return f"{title}\n{text}" if title and not parser.has_h1 else text


def _read_csv(path: Path, *, required: list[str]) -> pd.DataFrame:
    if not path.exists():
        raise CorpusError(f"{path}: file not found")
    try:
        raw = path.read_bytes()
        text = decode_text(raw, str(path)) if raw.strip() else ""
        if not text.strip():
            raise CorpusError(f"{path}: empty file")
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        raise CorpusError(f"{path}: not a readable CSV: {str(err).strip()}") from None
    table.columns = [str(c).strip() for c in table.columns]
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)} (has: {', '.join(table.columns)})")
    return table


def metadata_path(folder: Path) -> Path | None:
    """``articles.csv`` inside the folder, else a CSV named after the folder beside it (``data/articles.csv``
    for ``data/articles/``)."""
    for path in (folder / METADATA_FILE, folder.parent / f"{folder.name}.csv"):
        if path.exists():
            return path
    return None


def _read_metadata(folder: Path) -> tuple[pd.DataFrame | None, str]:
    path = metadata_path(folder)
    if path is None:
        return None, ""
    table = _read_csv(path, required=["id"])
    table["id"] = table["id"].str.strip()
    blank = table.index[table["id"] == ""]
    if len(blank):
        raise CorpusError(f"{path}: row {blank[0] + 2} has an empty id")
    duplicated = table.loc[table["id"].duplicated(), "id"].unique()
    if len(duplicated):
        where = "; ".join(f"{d!r} in rows {', '.join(str(i + 2) for i in table.index[table['id'] == d])}"
                          for d in sorted(duplicated))
        raise CorpusError(f"{path}: duplicate id(s): {where}")
    return table.set_index("id"), str(path)


def _records_from_folder(folder: Path, skipped: list) -> tuple[list[dict], pd.DataFrame | None, str]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
    metadata, metadata_name = _read_metadata(folder)
    by_id: dict[str, Path] = {}
    for path in files:
        if path.stem in by_id:
            raise CorpusError(f"{path}: duplicate article id {path.stem!r} (also {by_id[path.stem].name})")
        by_id[path.stem] = path
    if not files:
        raise CorpusError(f"{folder}: no .txt articles in this folder")
    records = []
    for article_id, path in by_id.items():
        records.append({"article_id": article_id, "source": str(path), "bytes": path.read_bytes(),
                        "kind": "file"})
    return records, metadata, metadata_name


class _LineText:
    """Where an article's text sits in a JSON Lines file; ``read()`` gives its UTF-8 bytes."""

    __slots__ = ("path", "offset", "length")

    def __init__(self, path: Path, offset: int, length: int):
        self.path, self.offset, self.length = path, offset, length

    def read(self) -> bytes:
        with self.path.open("rb") as handle:
            handle.seek(self.offset)
            raw = handle.read(self.length)
        text = json.loads(raw.decode("utf-8-sig" if self.offset == 0 else "utf-8"))["text"]
        return ("" if text is None else str(text)).encode("utf-8")


def _jsonl_lines(path: Path):
    """(line number, text, (byte offset, byte length) or None) of a JSON Lines file, read a line at a time: a
    large export is never held decoded whole. Errors name the file and, for bad UTF-8, the byte and its
    offset in the file."""
    with path.open("rb") as handle:
        head = handle.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            # UTF-16 (converted) or binary (refused): decode_text knows both; such files are small.
            text = decode_text(path.read_bytes(), str(path))
            for line_number, line in enumerate(text.split("\n"), start=1):
                yield line_number, line.rstrip("\r"), None
            return
        handle.seek(0)
        offset = 0
        for line_number, raw in enumerate(handle, start=1):
            line = _decode_utf8(raw, str(path), offset=offset, encoding="utf-8-sig" if line_number == 1 else "utf-8")
            yield line_number, line.rstrip("\r\n"), (offset, len(raw))
            offset += len(raw)


def _records_from_table(path: Path) -> tuple[list[dict], pd.DataFrame, str]:
    if path.suffix.lower() == ".csv":
        table = _read_csv(path, required=["id", "text"])
        rows = table.to_dict("records")
        where = [f"{path}: row {i + 2}" for i in range(len(rows))]
    else:
        rows, where = [], []
        for line_number, line, location in _jsonl_lines(path):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{path}: line {line_number}: not valid JSON ({err.msg})") from None
            if not isinstance(row, dict) or "id" not in row or "text" not in row:
                raise CorpusError(f"{path}: line {line_number}: each line needs an object with 'id' and 'text'")
            row = {k: "" if v is None else str(v) for k, v in row.items()}
            # The text is read again from the file when its turn comes: a large export is not held in memory.
            row["text"] = _LineText(path, *location) if location else row["text"].encode("utf-8")
            rows.append(row)
            where.append(f"{path}: line {line_number}")
        if not rows:
            raise CorpusError(f"{path}: no articles in this file")
    records, seen = [], {}
    for row, place in zip(rows, where):
        article_id = str(row["id"]).strip()
        if not article_id:
            raise CorpusError(f"{place}: empty id")
        if article_id in seen:
            raise CorpusError(f"{place}: duplicate article id {article_id!r} (first at {seen[article_id]})")
        seen[article_id] = place
        text = row.pop("text")
        records.append({"article_id": article_id, "source": place,
                        "bytes": text if isinstance(text, (bytes, _LineText)) else str(text).encode("utf-8"),
                        "kind": "row"})
    metadata = pd.DataFrame([{k: v for k, v in row.items() if k != "text"} for row in rows]).astype(str)
    metadata["id"] = metadata["id"].str.strip()
    return records, metadata.set_index("id"), str(path)


def load_corpus(source: Path | str = paths.ARTICLES, *, rules: ChromeRules | None = None,
                on_error: str = "raise") -> pd.DataFrame:
    """Load and clean every article of a corpus folder, CSV or JSON Lines file.

    Args:
        source: a folder of ``.txt`` files (with optional ``articles.csv``), or a ``.csv``/``.jsonl`` file.
        rules: chrome rules; defaults to ``data/chrome_rules.csv``.
        on_error: ``"raise"`` stops at the first bad article with a CorpusError naming it; ``"skip"`` leaves
            it out and records ``(source, problem)`` in ``corpus.attrs["skipped"]``.

    Returns:
        One row per article with columns ``CORPUS_COLUMNS`` plus any extra metadata columns.
    """
    skipped: list[tuple[str, str]] = []
    chunks = list(iter_corpus(source, rules=rules, on_error=on_error, skipped=skipped))
    corpus = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    extra = [c for c in corpus.columns if c not in CORPUS_COLUMNS]
    corpus = corpus[CORPUS_COLUMNS + extra]
    corpus.attrs["skipped"] = skipped
    return corpus


def iter_corpus(source: Path | str = paths.ARTICLES, *, rules: ChromeRules | None = None, on_error: str = "raise",
                chunk_articles: int = 5000, skipped: list | None = None):
    """``load_corpus`` in chunks of ``chunk_articles`` articles (DataFrames, in article_id order), so that a
    large corpus is never held cleaned and raw at once. Skipped articles are appended to ``skipped``."""
    if on_error not in {"raise", "skip"}:
        raise ValueError("on_error must be 'raise' or 'skip'")
    source = Path(source)
    rules = rules or load_chrome_rules()
    skipped = [] if skipped is None else skipped
    if source.is_dir():
        records, metadata, metadata_name = _records_from_folder(source, skipped)
    elif source.is_file() and source.suffix.lower() in {".csv", ".jsonl", ".ndjson"}:
        records, metadata, metadata_name = _records_from_table(source)
    elif not source.exists():
        raise CorpusError(f"{source}: no such file or folder")
    else:
        raise CorpusError(f"{source}: expected a folder of .txt files or a .csv/.jsonl file of articles")
    records.sort(key=lambda record: record["article_id"])
    metadata_rows = metadata.to_dict("index") if metadata is not None else None
    if metadata_rows is not None:
        for orphan in sorted(set(metadata_rows) - {record["article_id"] for record in records}):
            warnings.warn(f"{metadata_name}: metadata row {orphan!r} has no article file", CorpusWarning,
                          stacklevel=2)
    loaded: set[str] = set()
    rows: list[dict] = []
    for number in range(len(records)):
        record, records[number] = records[number], None  # the raw bytes go as soon as they are cleaned
        try:
            row = _article_row(record, rules)
        except CorpusError as err:
            if on_error == "raise":
                raise
            skipped.append((record["source"], str(err).removeprefix(f"{record['source']}: ")))
            continue
        loaded.add(row["article_id"])
        if metadata_rows is not None:
            if row["article_id"] not in metadata_rows:
                warnings.warn(f"{row['source']}: no row for {row['article_id']!r} in {metadata_name}; "
                              "loaded without metadata", CorpusWarning, stacklevel=2)
            else:
                for column, value in metadata_rows[row["article_id"]].items():
                    if column not in ("raw_text", "clean_text", "source", "article_id"):
                        row[column] = value
        rows.append(row)
        if len(rows) >= chunk_articles:
            yield _corpus_frame(rows)
            rows = []
    if not loaded:
        # Every article was skipped: the reasons go in the one error line, which is all the user will see.
        reasons = "; ".join(f"{Path(place).name}: {why}" for place, why in skipped[:3])
        more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        raise CorpusError(f"{source}: no article could be loaded ({len(skipped)} skipped: {reasons}{more})")
    if rows:
        yield _corpus_frame(rows)


def _corpus_frame(rows: list[dict]) -> pd.DataFrame:
    corpus = pd.DataFrame(rows)
    for column in METADATA_COLUMNS:
        if column not in corpus.columns:
            corpus[column] = ""
    corpus[METADATA_COLUMNS] = corpus[METADATA_COLUMNS].fillna("").astype(str)
    missing_headline = corpus["headline"].str.strip() == ""
    corpus.loc[missing_headline, "headline"] = corpus.loc[missing_headline, "clean_text"].str.split("\n").str[0]
    extra = [c for c in corpus.columns if c not in CORPUS_COLUMNS]
    return corpus[CORPUS_COLUMNS + extra]


def _article_row(record: dict, rules: ChromeRules) -> dict:
    source = record["source"]
    data = record["bytes"]
    if isinstance(data, _LineText):
        data = data.read()
    what = "file" if record.get("kind", "file") == "file" else "text"
    if not data:
        raise CorpusError(f"{source}: empty {what} (0 bytes)")
    raw = decode_article(data, source)
    if not raw.strip():
        raise CorpusError(f"{source}: only whitespace, no text ({len(data)} bytes)")
    cleaned, removed = clean_text(raw, rules)
    if not cleaned:
        raise CorpusError(f"{source}: nothing left after removing web chrome ({removed} chrome lines)")
    return {"article_id": record["article_id"], "source": source, "raw_text": raw, "clean_text": cleaned,
            "n_chars": len(cleaned), "n_chrome_removed": removed}


def write_metadata_template(folder: Path | str) -> Path:
    """Write an ``articles.csv`` with one row per ``.txt`` file, for a user to fill in."""
    folder = Path(folder)
    path = folder / METADATA_FILE
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id"] + METADATA_COLUMNS + ["notes"])
        for txt in sorted(folder.glob("*.txt")):
            writer.writerow([txt.stem] + [""] * (len(METADATA_COLUMNS) + 1))
    return path
