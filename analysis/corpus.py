"""Load a corpus of news articles and strip the web chrome around them.

A corpus is a folder of UTF-8 ``.txt`` files (one article each, the id being the file name without
extension) with an optional ``articles.csv`` of metadata, or a single ``.csv`` / ``.jsonl`` file with one
article a row (``id``, ``text`` and any of outlet, date, headline, url) as news-database exports come.

Chrome-cleaning rules live in ``data/chrome_rules.csv`` so a user can add the furniture of another site
without touching code. Every problem with the input is reported with the file it came from; nothing is
dropped without a trace: skipped files are listed in ``corpus.attrs["skipped"]``.

What is read, and what is refused:

- CSV files (corpus, ``articles.csv``, and the actors and chrome tables) are read strictly: a row with more
  or fewer fields than the header (an unquoted comma or line break), a quoted value left open or followed by
  text, or a column name used twice is an error naming the file and line. Quoted values may hold commas,
  doubled quotes and line breaks. A column without a name is dropped if it is empty, else an error.
- In a JSON Lines file each line is an object; ``text`` is a string (null counts as an empty text), ``id`` a
  string or an integer, and any other value a string, a number or null (null is empty). A line that is not
  such an object, that holds a lone surrogate (``"\\ud800"``), a number of more than 4300 digits, a key
  twice or nesting thousands of levels deep is an error naming its line.
- Ids (file names without ``.txt``, metadata ids, table ids) are NFC-normalised with surrounding spaces
  removed, so ``Kōno.txt`` as macOS writes it (decomposed) and ``trail .txt`` match ``Kōno`` and ``trail``.
- A corpus folder's articles are the ``.txt`` files directly in it. Subfolders (but hidden ones) and compressed
  files in it are named in a warning; a link to a file outside the folder is not read (a warning names it).
- Compressed input (``.gz``, ``.zip``, ``.bz2``, ``.xz``, ...) is refused: decompress it first.
- One article may be at most 64 MB (``MAX_ARTICLE_BYTES``, its file or its UTF-8 text); a larger one is
  refused, to be split.

Errors about one article (its file, row or line) are skippable with ``on_error="skip"``; errors about a whole
file (its header, duplicate ids, the metadata table) always stop.

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
import math
import os
import re
import sys
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths
from .datafiles import DataFileError
from .vocab import GENRES

METADATA_FILE = "articles.csv"
METADATA_COLUMNS = ["outlet", "date", "headline", "url"]
CORPUS_COLUMNS = ["article_id", "outlet", "date", "headline", "url", "source", "raw_text", "clean_text",
                  "n_chars", "n_chrome_removed"]
# Whitespace runs other than one plain space: collapsing only these leaves ordinary prose untouched, so a
# 50 MB single-line file is not rebuilt from millions of pieces (re's \s is exactly str.isspace).
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")
# Lines longer than this are collapsed by _ODD_SPACE; shorter ones by split and join, several times faster.
_SPLIT_JOIN_LIMIT = 100_000
# The largest article (its file, or its text in a table, as UTF-8 bytes) that is read: a larger one is a
# per-article error asking for it to be split. Loading holds an article a few times over while cleaning it.
MAX_ARTICLE_BYTES = 64 * 2**20
COMPRESSED_SUFFIXES = (".gz", ".tgz", ".zip", ".bz2", ".xz", ".zst", ".7z", ".lz4", ".lzma")


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


class ChromeRulesError(CorpusError, DataFileError):
    """A problem in the chrome rules table; the message names the file and row."""


class CorpusWarning(UserWarning):
    """A problem the corpus survives, such as a metadata row without a file."""


@dataclass(frozen=True)
class ChromeRules:
    """Whole-paragraph patterns that mark site furniture rather than article text.

    ``source`` (the rules file) and ``regexes`` (the row number and pattern of each regex rule) name the rule
    in an error: the regexes are matched under a clock (``analysis.patterns``), so that one that backtracks
    without end on a paragraph stops with an error naming its row.
    """

    exact: frozenset
    pattern: re.Pattern | None
    source: str = ""
    regexes: tuple = ()

    def __post_init__(self):
        from .patterns import MatchClock, PatternTimeout

        # Case folding never shortens a text, so one longer than every exact line need not be folded.
        object.__setattr__(self, "_longest_exact", max(map(len, self.exact), default=-1))
        object.__setattr__(self, "_clock", MatchClock(self.source or "chrome rules", CorpusError, "paragraph"))
        object.__setattr__(self, "_timeout", PatternTimeout)

    def is_chrome(self, paragraph: str) -> bool:
        text = paragraph.strip()
        if len(text) <= self._longest_exact and text.casefold() in self.exact:
            return True
        if self.pattern is None:
            return False
        # One call per paragraph and no place for a `with`: the clock gives the alarm back by itself.
        clock = self._clock
        clock.arm(self)
        try:
            return self.pattern.fullmatch(text) is not None
        except self._timeout:   # which rule: each alone, under the clock again
            rules = [(f"row {row}", regex) for row, regex in self.regexes] or [("regex rules", self.pattern.pattern)]
            raise clock.blame([(name, lambda regex=regex: re.fullmatch(regex, text, re.IGNORECASE))
                               for name, regex in rules]) from None
        finally:
            clock.disarm()


def load_chrome_rules(path: Path | str = paths.CHROME_RULES) -> ChromeRules:
    """Read the chrome rules table (columns kind, pattern, why); ``kind`` is ``line`` or ``regex``. A regex must
    compile, run in RE2 and be fit to join the others (``analysis.patterns.pattern_problem``)."""
    from .datafiles import check_value, read_table
    from .patterns import pattern_problem

    path = Path(path)
    table = read_table(path, required=["kind", "pattern"], error=ChromeRulesError)
    exact, regexes = set(), []
    for row_number, row in enumerate(table.itertuples(index=False), start=2):
        if row.kind == "line":
            exact.add(row.pattern.strip().casefold())
        elif row.kind == "regex":
            try:
                compiled = re.compile(row.pattern)
            except re.error as err:
                raise ChromeRulesError(f"{path}: row {row_number}: bad regex {row.pattern!r}: {err}") from None
            problem = pattern_problem(row.pattern, compiled)
            if problem:
                raise ChromeRulesError(f"{path}: row {row_number}: {problem}")
            regexes.append((row_number, row.pattern))
        else:
            check_value(path, row_number, "kind", row.kind, ("line", "regex"), ChromeRulesError)
    pattern = re.compile("|".join(f"(?:{regex})" for _, regex in regexes), re.IGNORECASE) if regexes else None
    return ChromeRules(frozenset(exact), pattern, str(path), tuple(regexes))


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
    """A CSV table, every value a string, read strictly (``_csv_records``); ``required`` columns must be there."""
    header, records = _csv_records(path, required=required)
    return pd.DataFrame([fields for _, _, fields in records], columns=header, dtype=object)


# The csv module refuses a value over 128 KB by default; one article's text may be far longer.
_CSV_FIELD_LIMIT = 2**31 - 1


def _csv_records(path: Path, *, required: list[str], skipped: list | None = None
                 ) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    """The header of a CSV file and its records as (row number, line number, values).

    Read with the csv module in strict mode: a record with more or fewer values than the header is an error
    naming its line (pandas took a row with one value too many as index and shifted the rest), as is a quoted
    value left open or followed by text; quoted values may hold commas, doubled quotes and line breaks. With
    ``skipped`` (a corpus table, a row being one article) a record of the wrong length is listed there as
    ``(path: line N, problem)`` and left out instead. Blank lines are passed over. A column name used twice is
    an error; a column without a name is dropped if it has no value, else an error. Row numbers count the
    header as row 1, as a spreadsheet does.
    """
    text = _csv_text(path)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    records: list[tuple[int, int, list[str]]] = []
    row_number, start = 1, 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if header is None:
                header = _csv_header(path, fields, required)
                continue
            row_number += 1
            if len(fields) != len(header):
                problem = _wrong_length(len(fields), len(header))
                if skipped is None:
                    raise CorpusError(f"{path}: line {line}: {problem}")
                skipped.append((f"{path}: line {line}", problem))
                continue
            records.append((row_number, line, fields))
    except csv.Error as err:
        line, problem = _csv_problem(str(err), start, reader.line_num)
        raise CorpusError(f"{path}: line {line}: not a readable CSV: {problem}") from None
    if header is None:
        raise CorpusError(f"{path}: empty file")
    return _without_unnamed_columns(path, header, records)


def _csv_text(path: Path) -> str:
    """The text of a CSV file, decoded; a missing, unreadable or empty file is a ``CorpusError``."""
    if not path.is_file():
        raise CorpusError(f"{path}: file not found" if not path.exists() else f"{path}: not a file")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{path}: cannot read ({err.strerror or err})") from None
    text = decode_text(raw, str(path)) if raw.strip() else ""
    if not text.strip():
        raise CorpusError(f"{path}: empty file")
    return text


def _wrong_length(n_fields: int, n_header: int) -> str:
    """What is wrong with a record of ``n_fields`` values under a header of ``n_header``, and the likely cause."""
    hint = ("a comma inside a value needs double quotes around the value" if n_fields > n_header
            else "a value with a line break needs double quotes around it, or a field is missing")
    return f"{n_fields} field{'s' if n_fields != 1 else ''} where the header has {n_header} ({hint})"


def _csv_problem(error: str, start: int, line_num: int) -> tuple[int, str]:
    """The line to name and the problem to state for the csv module's ``error`` in the record that starts on
    line ``start`` (the reader stopped at ``line_num``): the module's own words name no line a user can find."""
    if "unexpected end of data" in error:
        return start, "a quoted value in the row that starts on this line has no closing quote"
    if "expected after" in error and line_num > start:
        return start, (f"a quoted value in this row runs to line {line_num} and has text after "
                       f"its closing quote there (is its closing quote missing on line {start}?)")
    if "expected after" in error:
        return line_num, ('text after the closing quote of a quoted value (a quote inside a '
                          'quoted value is written twice: "")')
    return line_num, error


def _without_unnamed_columns(path: Path, header: list[str], records: list
                             ) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    """Header and records without the columns that have no name; such a column holding a value is an error."""
    unnamed = [i for i, name in enumerate(header) if not name]
    if not unnamed:
        return header, records
    for i in unnamed:
        first = next((line for _, line, fields in records if fields[i].strip()), None)
        if first is not None:
            raise CorpusError(f"{path}: column {i + 1} has no name in the header but has values "
                              f"(first on line {first})")
    named = [i for i, name in enumerate(header) if name]
    return [header[i] for i in named], [(row, line, [fields[i] for i in named]) for row, line, fields in records]


def _csv_header(path: Path, fields: list[str], required: list[str]) -> list[str]:
    """Column names, stripped; one used twice is an error (pandas renamed the second ``text`` to ``text.1``),
    and so is a missing ``required`` one."""
    header = [name.strip() for name in fields]
    first: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        if name in first:
            raise CorpusError(f"{path}: column {name!r} appears twice in the header (columns {first[name]} and "
                              f"{number})")
        if name:
            first[name] = number
    missing = [c for c in required if c not in first]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)} (has: {', '.join(filter(None, header))})")
    return header


def metadata_path(folder: Path) -> Path | None:
    """``articles.csv`` inside the folder, else a CSV named after the folder beside it (``data/articles.csv``
    for ``data/articles/``)."""
    for path in (folder / METADATA_FILE, folder.parent / f"{folder.name}.csv"):
        if path.exists():
            return path
    return None


def _read_metadata(folder: Path) -> tuple[dict | None, str]:
    """The rows of the folder's metadata table by id ({id: {column: value}}), and the table's path."""
    path = metadata_path(folder)
    if path is None:
        return None, ""
    table = _read_csv(path, required=["id"])
    table["id"] = [_normal_id(i) for i in table["id"]]
    blank = table.index[table["id"] == ""]
    if len(blank):
        raise CorpusError(f"{path}: row {blank[0] + 2} has an empty id")
    duplicated = table.loc[table["id"].duplicated(), "id"].unique()
    if len(duplicated):
        where = "; ".join(f"{d!r} in rows {', '.join(str(i + 2) for i in table.index[table['id'] == d])}"
                          for d in sorted(duplicated))
        raise CorpusError(f"{path}: duplicate id(s): {where}")
    return table.set_index("id").to_dict("index"), str(path)


def _normal_id(article_id: str) -> str:
    """An id as it is matched: NFC (macOS writes file names decomposed: o + combining macron for ō), without
    the spaces around it (``trail .txt`` is ``trail``)."""
    article_id = article_id.strip()
    return article_id if article_id.isascii() else unicodedata.normalize("NFC", article_id)


def _shown(path: Path) -> str:
    """A path as text that can be printed and written: bytes of a file name that are not UTF-8 as ``\\xe9``."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return text


def _plural(names: list[str], one: str, many: str) -> str:
    shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    return f"{one if len(names) == 1 else many} {shown}"


def _records_from_folder(folder: Path) -> tuple[list[dict], dict | None, str]:
    """The ``.txt`` files directly in the folder, as records to be read one at a time (``_article_row``).

    Subfolders (other than hidden ones such as ``.ipynb_checkpoints``) and compressed files are named in a warning;
    a link to a file outside the folder, or to nothing, is not read, with a warning. A file name that is not
    UTF-8 is a per-article error."""
    files = _article_files(folder)
    metadata, metadata_name = _read_metadata(folder)
    by_id: dict[str, Path] = {}
    records = []
    for path in files:
        record = _file_record(path)
        article_id = record["article_id"]
        if "problem" not in record:
            if article_id in by_id:
                raise CorpusError(f"{record['source']}: duplicate article id {article_id!r} "
                                  f"(also {_shown(Path(by_id[article_id].name))})")
            by_id[article_id] = path
        records.append(record)
    if not files:
        raise CorpusError(f"{_shown(folder)}: no .txt articles in this folder")
    return records, metadata, metadata_name


def _article_files(folder: Path) -> list[Path]:
    """The ``.txt`` files directly in ``folder`` that can be read, in name order; warnings name the rest."""
    root = folder.resolve()
    files, subfolders, compressed = [], [], []
    for path in sorted(folder.iterdir()):
        if path.is_dir():
            if not path.name.startswith("."):
                subfolders.append(_shown(Path(path.name)))
            continue
        suffix = path.suffix.lower()
        if suffix in COMPRESSED_SUFFIXES:
            compressed.append(_shown(Path(path.name)))
        elif suffix == ".txt" and (not path.is_symlink() or _link_inside(path, root)) and path.is_file():
            files.append(path)
    if subfolders:
        warnings.warn(f"{_shown(folder)}: {_plural(subfolders, 'subfolder', 'subfolders')} not read: the articles "
                      "of a corpus are the .txt files directly in its folder", CorpusWarning, stacklevel=5)
    if compressed:
        warnings.warn(f"{_shown(folder)}: {_plural(compressed, 'compressed file', 'compressed files')} not read; "
                      f"decompress {'it' if len(compressed) == 1 else 'them'} first", CorpusWarning, stacklevel=5)
    return files


def _link_inside(path: Path, root: Path) -> bool:
    """Whether a link leads to an existing file inside the corpus folder; a warning says why one is not read."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):     # a loop of links
        warnings.warn(f"{_shown(path)}: a link that cannot be followed (a loop of links); not read",
                      CorpusWarning, stacklevel=6)
        return False
    if not target.exists():
        warnings.warn(f"{_shown(path)}: a link to {_shown(target)}, which does not exist; not read",
                      CorpusWarning, stacklevel=6)
        return False
    if not target.is_relative_to(root):
        warnings.warn(f"{_shown(path)}: a link to {_shown(target)}, outside the corpus folder; not read",
                      CorpusWarning, stacklevel=6)
        return False
    return True


def _file_record(path: Path) -> dict:
    """The record of one article file, read when its turn comes (``_article_row``): the corpus is never held
    raw all at once. A file name that gives no usable article id carries its ``problem``."""
    source = _shown(path)
    if _shown(Path(path.stem)) != path.stem:
        name = os.fsencode(path.name)
        bad = name[_first_bad_utf8(name)]
        return {"article_id": _shown(Path(path.stem)), "source": source, "bytes": path, "kind": "file",
                "problem": f"the file name is not valid UTF-8 (byte 0x{bad:02x}); rename the file"}
    article_id = _normal_id(path.stem)
    if not article_id:
        return {"article_id": path.stem, "source": source, "bytes": path, "kind": "file",
                "problem": "the file name has nothing but spaces before .txt; rename the file"}
    return {"article_id": article_id, "source": source, "bytes": path, "kind": "file"}


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return 0


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
        return ("" if text is None else text).encode("utf-8")     # a string or null: see _jsonl_row


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


class _LineProblem(Exception):
    """Why one line of a JSON Lines file is not an article (the message, without the place)."""


class _RepeatedKey(ValueError):
    pass


def _object_without_repeated_keys(pairs: list) -> dict:
    """json's object hook: a key given twice is an error (json.loads keeps the last without a word)."""
    row = dict(pairs)
    if len(row) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return row


_SURROGATE = re.compile("[\ud800-\udfff]")
_JSONL_ID_AND_TEXT = "each line needs an object with 'id' and 'text'"


def _json_kind(value) -> str:
    """What a JSON value is, for a message: ``an array``, ``true``, ``a number (7.5)``, ``NaN``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, (int, float)):
        number = repr(value)
        return f"a number ({number if len(number) <= 30 else number[:12] + '...' + number[-12:]})"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _jsonl_row(line: str) -> dict:
    """One line of a JSON Lines file as {"id": id, "text": text, key: value as text, ...}, or a _LineProblem."""
    try:
        row = json.loads(line, object_pairs_hook=_object_without_repeated_keys)
    except json.JSONDecodeError as err:
        raise _LineProblem(f"not valid JSON ({err.msg}, column {err.colno})") from None
    except RecursionError:
        raise _LineProblem("nested too deeply to read (arrays or objects inside each other thousands of levels "
                           "deep)") from None
    except _RepeatedKey as err:
        raise _LineProblem(f"key {err.args[0]!r} appears twice") from None
    except ValueError as err:       # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        if "digits" not in str(err):
            raise _LineProblem(f"not valid JSON ({err})") from None
        raise _LineProblem(f"a number with more than {sys.get_int_max_str_digits()} digits") from None
    if not isinstance(row, dict) or "id" not in row or "text" not in row:
        raise _LineProblem(_JSONL_ID_AND_TEXT)
    if "\\u" in line:
        # A lone surrogate can only come from a \u escape: the line itself was valid UTF-8.
        for key, value in row.items():
            for what, string in ((f"key {key!r}", key), (repr(key), value)):
                found = _SURROGATE.search(string) if isinstance(string, str) else None
                if found:
                    raise _LineProblem(f"{what} holds a lone surrogate \\u{ord(found.group()):04x} at character "
                                       f"{found.start() + 1}, half of a UTF-16 pair and not a character")
    article_id, text = row["id"], row["text"]
    if isinstance(article_id, bool) or not isinstance(article_id, (str, int)):
        kind = (f"a number with a fraction or exponent ({article_id!r})"
                if isinstance(article_id, float) and math.isfinite(article_id) else _json_kind(article_id))
        raise _LineProblem(f"'id' must be a string or an integer, not {kind}")
    if text is None:
        text = ""       # no text: reported as an empty text when the article is read
    elif not isinstance(text, str):
        raise _LineProblem(f"'text' must be a JSON string, not {_json_kind(text)}")
    values = {"id": _normal_id(str(article_id)), "text": text}
    for key, value in row.items():
        if key in ("id", "text"):
            continue
        if value is None:
            value = ""
        elif isinstance(value, bool) or not isinstance(value, (str, int, float)) or (
                isinstance(value, float) and not math.isfinite(value)):
            raise _LineProblem(f"{key!r} must be a string, a number or null, not {_json_kind(value)}")
        values[key] = value if isinstance(value, str) else repr(value)
    return values


def _records_from_table(path: Path, on_error: str, skipped: list) -> tuple[list[dict], dict, str]:
    """The rows of a ``.csv`` or ``.jsonl`` corpus as records, and their metadata by id. A row or line that
    is not an article raises, or with ``on_error="skip"`` is listed in ``skipped``."""
    skipped_before = len(skipped)
    rows, where = [], []
    if path.suffix.lower() == ".csv":
        header, records = _csv_records(path, required=["id", "text"],
                                       skipped=skipped if on_error == "skip" else None)
        for row_number, _, fields in records:
            rows.append(dict(zip(header, fields)))
            where.append(f"{path}: row {row_number}")
    else:
        for line_number, line, location in _jsonl_lines(path):
            if not line.strip():
                continue
            place = f"{path}: line {line_number}"
            try:
                row = _jsonl_row(line)
            except _LineProblem as problem:
                if on_error == "raise":
                    raise CorpusError(f"{place}: {problem}") from None
                skipped.append((place, str(problem)))
                continue
            # The text is read again from the file when its turn comes: a large export is not held in memory.
            row["text"] = _LineText(path, *location) if location else row["text"].encode("utf-8")
            rows.append(row)
            where.append(place)
    if not rows and len(skipped) == skipped_before:
        raise CorpusError(f"{path}: no articles in this file")
    records, seen, metadata = [], {}, {}
    for row, place in zip(rows, where):
        article_id = _normal_id(row.pop("id"))
        if not article_id:
            raise CorpusError(f"{place}: empty id")
        if article_id in seen:
            raise CorpusError(f"{place}: duplicate article id {article_id!r} (first at {seen[article_id]})")
        seen[article_id] = place
        text = row.pop("text")
        records.append({"article_id": article_id, "source": place,
                        "bytes": text if isinstance(text, (bytes, _LineText)) else text.encode("utf-8"),
                        "kind": "row"})
        metadata[article_id] = row
    return records, metadata, str(path)


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
    records, metadata_rows, metadata_name = _corpus_records(source, on_error, skipped)
    records.sort(key=lambda record: record["article_id"])
    metadata_columns = _metadata_columns(metadata_rows, metadata_name, records)
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
            values = metadata_rows.get(row["article_id"])
            if values is None:
                warnings.warn(f"{row['source']}: no row for {row['article_id']!r} in {metadata_name}; "
                              "loaded without metadata", CorpusWarning, stacklevel=2)
            row.update({column: (values or {}).get(column, "") for column in metadata_columns})
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


def _corpus_records(source: Path, on_error: str, skipped: list) -> tuple[list[dict], dict | None, str]:
    """The article records of a folder or a table file, its metadata rows by article id and the metadata's
    name; any other kind of source is a ``CorpusError`` that says what is expected."""
    if source.is_dir():
        return _records_from_folder(source)
    if source.is_file() and source.suffix.lower() in COMPRESSED_SUFFIXES:
        raise CorpusError(f"{source}: compressed input is not supported; decompress it first")
    if source.is_file() and source.suffix.lower() in {".csv", ".jsonl", ".ndjson"}:
        compression = _compression(source)
        if compression:
            raise CorpusError(f"{source}: compressed ({compression}) input is not supported; decompress it first")
        return _records_from_table(source, on_error, skipped)
    if not source.exists():
        raise CorpusError(f"{source}: no such file or folder")
    raise CorpusError(f"{source}: expected a folder of .txt files or a .csv/.jsonl file of articles")


def _metadata_columns(metadata_rows: dict | None, metadata_name: str, records: list[dict]) -> list[str]:
    """The metadata columns every article gets ("" where its row has no value or it has no row); a metadata
    row of no article is named in a warning."""
    if metadata_rows is None:
        return []
    for orphan in sorted(set(metadata_rows) - {record["article_id"] for record in records}):
        warnings.warn(f"{metadata_name}: metadata row {orphan!r} has no article file", CorpusWarning, stacklevel=3)
    return [column for column in dict.fromkeys(column for values in metadata_rows.values() for column in values)
            if column not in ("raw_text", "clean_text", "source", "article_id")]


def _corpus_frame(rows: list[dict]) -> pd.DataFrame:
    corpus = pd.DataFrame(rows)
    if "genre" in corpus.columns:   # optional metadata that attribution reads (analysis.turns)
        corpus["genre"] = corpus["genre"].fillna("").astype(str).str.strip().str.lower()
        for source, genre in zip(corpus["source"], corpus["genre"]):
            if genre and genre not in GENRES:
                raise CorpusError(f"{source}: genre {genre!r} is not one of {', '.join(GENRES)} (or empty)")
    for column in METADATA_COLUMNS:
        if column not in corpus.columns:
            corpus[column] = ""
    corpus[METADATA_COLUMNS] = corpus[METADATA_COLUMNS].fillna("").astype(str)
    missing_headline = corpus["headline"].str.strip() == ""
    corpus.loc[missing_headline, "headline"] = corpus.loc[missing_headline, "clean_text"].str.split("\n").str[0]
    extra = [c for c in corpus.columns if c not in CORPUS_COLUMNS]
    return corpus[CORPUS_COLUMNS + extra]


# The first bytes of the compressed formats a corpus may come in, each with its name.
_COMPRESSED_MAGIC = ((b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"\xfd7zXZ\x00", "xz"),
                     (b"\x28\xb5\x2f\xfd", "zstd"), (b"7z\xbc\xaf\x27\x1c", "7z"))


def _compression(path: Path) -> str:
    """The compressed format the file's first bytes are, or ""."""
    try:
        with path.open("rb") as handle:
            head = handle.read(10)
    except OSError:
        return ""       # reading it again reports the problem
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "bzip2"
    return next((name for magic, name in _COMPRESSED_MAGIC if head.startswith(magic)), "")


def _too_large(size: int) -> str:
    limit = (f"{MAX_ARTICLE_BYTES // 2**20} MB" if MAX_ARTICLE_BYTES % 2**20 == 0
             else f"{MAX_ARTICLE_BYTES:,} bytes")
    return f"{size:,} bytes, larger than the {limit} limit for one article; split it"


def _article_row(record: dict, rules: ChromeRules) -> dict:
    source = record["source"]
    if "problem" in record:
        raise CorpusError(f"{source}: {record['problem']}")
    data = record["bytes"]
    if isinstance(data, Path):
        try:
            size = data.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                raise CorpusError(f"{source}: {_too_large(size)}")
            data = data.read_bytes()
        except OSError as err:
            raise CorpusError(f"{source}: cannot read the file ({err.strerror or err})") from None
    elif isinstance(data, _LineText):
        data = data.read()
    if len(data) > MAX_ARTICLE_BYTES:
        raise CorpusError(f"{source}: {_too_large(len(data))}")
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
