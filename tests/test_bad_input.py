"""Bad input and what the suite does with it: load it correctly, or stop with an error naming the file.

Every bad file is built here, in ``tmp_path``, by a few lines of Python (nothing is committed; the 50 MB file
exists only while its test runs). ``tests/bad_inputs/README.md`` is the table of each case and its documented
outcome; ``test_readme_documents_every_case`` keeps that table and this module in step. How the command line
reports the same inputs is in ``tests/test_cli.py``.
"""
import random
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.attribution import load_actors
from analysis.vocab import MODES
from analysis.codebook import CodebookError, load_codebook
from analysis.corpus import CorpusError, CorpusWarning, load_corpus
from analysis.evaluation import AnnotationError, read_coded
from analysis.pipeline import make_tagger, tag_statements
from analysis.statements import article_statements, split_corpus

README = Path(__file__).parent / "bad_inputs" / "README.md"
# Modules with more cases of that table, each listing its own in DOCUMENTED_CASES.
OTHER_CASE_MODULES = ["test_safe_outputs", "test_reproduce", "test_bad_input_corpus", "test_bad_input_data"]

GOOD = "Lavrov rules out talks\n\nRussia will never give up the islands, Lavrov said.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
# Seeded, and with NULs forced in: a random draw without any NUL would test a different branch.
NOISE = random.Random(7).randbytes(2048).replace(b"\x00", b"") + b"\x00" * 8 + random.Random(8).randbytes(512)
FRENCH = "Moscou réaffirme sa souveraineté sur les Kouriles.\n"
SENTENCE = "Lavrov said Russia will not give up the islands, and Tokyo maintains that they are Japanese. "


def load_quietly(source, **options):
    """load_corpus with its warnings recorded, returned beside the corpus."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(source, **options)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


# ------------------------------------------------------------------------------------ errors that stop

# (case, files, corpus to load: the folder if None, message fragment, per-article problem that
# on_error="skip" leaves out while loading the rest). Each message must name the file and the problem.
ERROR_CASES = [
    ("empty_file", {"a.txt": GOOD, "empty.txt": b""}, None, "empty.txt: empty file (0 bytes)", True),
    ("whitespace_only", {"a.txt": GOOD, "blank.txt": b" \n\t\r\n \xc2\xa0\n"}, None,
     "blank.txt: only whitespace, no text", True),
    ("png_bytes", {"a.txt": GOOD, "photo.txt": PNG}, None,
     "photo.txt: binary file (contains NUL bytes), not a text article", True),
    ("random_bytes", {"a.txt": GOOD, "noise.txt": NOISE}, None, "noise.txt: binary file", True),
    ("latin1_accents", {"a.txt": GOOD, "monde.txt": FRENCH.encode("latin-1")}, None,
     f"monde.txt: not valid UTF-8 (byte 0xe9 at offset {FRENCH.index('é')}); re-save the file as UTF-8", True),
    ("utf16_without_bom", {"a.txt": GOOD, "kyodo.txt": (GOOD + "Tokyo’s claim — again.\n").encode("utf-16-le")},
     None,
     "kyodo.txt: looks like UTF-16 text without a byte-order mark", True),
    ("chrome_only", {"a.txt": GOOD, "chrome.txt": "All news\n\nShow more\n- Advertisement -\n"}, None,
     "chrome.txt: nothing left after removing web chrome (3 chrome lines)", True),
    ("metadata_without_id_column", {"a.txt": GOOD, "articles.csv": "name,outlet\na,TASS\n"}, None,
     "articles.csv: missing column(s) id (has: name, outlet)", False),
    ("metadata_duplicate_ids", {"a.txt": GOOD, "b.txt": GOOD, "articles.csv": "id,outlet\na,TASS\nb,Kyodo\na,RT\n"},
     None, "articles.csv: duplicate id(s): 'a' in rows 2, 4", False),
    ("csv_corpus_duplicate_ids", {"news.csv": "id,text\nx,Moscow said no.\ny,Tokyo said yes.\nx,Again.\n"},
     "news.csv", "news.csv: row 4: duplicate article id 'x' (first at", False),
    ("jsonl_corpus_duplicate_ids", {"news.jsonl": '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n'},
     "news.jsonl", "news.jsonl: line 2: duplicate article id 'x' (first at", False),
    ("jsonl_corpus_latin1", {"news.jsonl": f'{{"id": "x", "text": "{FRENCH.strip()}"}}\n'.encode("latin-1")},
     "news.jsonl", "news.jsonl: not valid UTF-8 (byte 0xe9 at offset", False),
    ("jsonl_corpus_not_json", {"news.jsonl": '{"id": "x", "text": "A."}\n{"id": "y", text: B}\n'},
     "news.jsonl", "news.jsonl: line 2: not valid JSON", False),
    ("csv_corpus_without_text_column", {"news.csv": "id,body\nx,Moscow said no.\n"}, "news.csv",
     "news.csv: missing column(s) text (has: id, body)", False),
    ("csv_corpus_empty_text", {"news.csv": "id,text\nx,\ny,Tokyo said yes.\n"}, "news.csv",
     "news.csv: row 2: empty text (0 bytes)", True),
    ("folder_without_txt", {"notes.md": "# not an article\n"}, None, "no .txt articles in this folder", False),
]


@pytest.mark.parametrize("case, files, source, message, per_article", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_bad_input_stops_with_an_error_naming_the_file(write_corpus, case, files, source, message, per_article):
    folder = write_corpus(files)
    with pytest.raises(CorpusError) as raised:
        load_corpus(folder / source if source else folder)
    assert message in str(raised.value)
    assert str(folder) in str(raised.value), "the message names the full path, not only the file name"
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("case, files, source, message, per_article",
                         [c for c in ERROR_CASES if c[4]], ids=[c[0] for c in ERROR_CASES if c[4]])
def test_skip_mode_leaves_out_only_the_bad_article_and_says_why(write_corpus, case, files, source, message,
                                                                 per_article):
    folder = write_corpus(files)
    corpus, _ = load_quietly(folder / source if source else folder, on_error="skip")
    assert len(corpus) == 1
    [(skipped_source, why)] = corpus.attrs["skipped"]
    assert message in f"{skipped_source}: {why}"
    # The reason is said once, not prefixed with the place a second time ("row 2: row 2: empty text").
    assert not why.startswith(skipped_source.rsplit(": ", 1)[-1])


def test_skipped_table_row_is_not_reported_as_a_missing_file(write_corpus):
    folder = write_corpus({"news.csv": "id,text,outlet\nx,,TASS\ny,Tokyo said yes.,Kyodo\n"})
    corpus, caught = load_quietly(folder / "news.csv", on_error="skip")
    assert corpus["article_id"].tolist() == ["y"]
    assert corpus.attrs["skipped"] == [(f"{folder / 'news.csv'}: row 2", "empty text (0 bytes)")]
    assert caught == []


# ------------------------------------------------------------------------------- inputs that load well

def test_utf16_with_bom_loads_as_the_utf8_text(write_corpus, article):
    folder = write_corpus({"le.txt": article.encode("utf-16"), "be.txt": b"\xfe\xff" + article.encode("utf-16-be"),
                           "utf8.txt": article, "utf8bom.txt": "\ufeff" + article})
    corpus = load_corpus(folder).set_index("article_id")
    assert corpus.loc["utf8", "clean_text"].startswith("Lavrov rules out talks on Japan's terms\n\n“Russia")
    for other in ("le", "be", "utf8bom"):
        assert corpus.loc[other, "clean_text"] == corpus.loc["utf8", "clean_text"]


def test_fifty_mb_single_line_loads(tmp_path):
    """Loads in about 2 s and 0.5 GB; cleaning used to split the line into 9 million word strings (1 GB)."""
    line = (SENTENCE * (50 * 2**20 // len(SENTENCE) + 1))[:50 * 2**20].rstrip()
    (tmp_path / "big").mkdir()
    (tmp_path / "big" / "big.txt").write_text(line + "\n", encoding="utf-8")
    assert (tmp_path / "big" / "big.txt").stat().st_size >= 50 * 2**20 - 1
    corpus = load_corpus(tmp_path / "big")
    assert corpus.loc[0, "n_chars"] == len(line)
    assert corpus.loc[0, "clean_text"] == line
    assert corpus.loc[0, "n_chrome_removed"] == 0


def test_long_single_line_statements_cover_the_text():
    """A 5 MB single line splits into statements that cover it end to end (the 50 MB file above loads; its
    split is the same code, ten times longer: this keeps the suite fast)."""
    line = (SENTENCE * (5 * 2**20 // len(SENTENCE) + 1))[:5 * 2**20].rstrip()
    rows = article_statements("big", line)
    assert rows[0]["char_start"] == 0 and rows[-1]["char_end"] == len(line)
    assert all(a["char_end"] + 1 == b["char_start"] for a, b in zip(rows, rows[1:]))


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Lavrov rules out talks on Japan&#39;s terms - TASS</title>
<style>p { color: red; }</style><script>var teaser = "<p>Not article text</p>";</script></head>
<body><nav><a href="/">All news</a> <a href="/world">World</a></nav>
<article><h1>Lavrov rules out talks on Japan&rsquo;s terms</h1>
<p>MOSCOW, February 24. /TASS/. Russia will never give up the islands, Lavrov said.</p>
<p>Tokyo maintains that the islands are Japanese &amp; must be <b>returned</b>.<br>Talks go on.</p></article>
<footer><p>Show more</p></footer></body></html>
"""
PAGE_TEXT = ("Lavrov rules out talks on Japan’s terms\n\n"
             "MOSCOW, February 24. /TASS/. Russia will never give up the islands, Lavrov said.\n\n"
             "Tokyo maintains that the islands are Japanese & must be returned.\n\n"
             "Talks go on.")


@pytest.mark.parametrize("page", [
    PAGE,
    "<!-- saved from url=(0041)https://tass.com/politics/1046113 -->\n" + PAGE.removeprefix("<!DOCTYPE html>\n"),
    '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE,
], ids=["doctype", "browser_saved_comment", "xhtml_declaration"])
def test_html_page_saved_as_txt_loads_as_text_without_tags(write_corpus, page):
    corpus = load_corpus(write_corpus({"page.txt": page}))
    # The <title> ("headline - TASS") gives way to the <h1>, else the headline would be counted twice;
    # nav, script and style are dropped; the footer's "Show more" goes as chrome.
    assert corpus.loc[0, "clean_text"] == PAGE_TEXT
    assert corpus.loc[0, "headline"] == "Lavrov rules out talks on Japan’s terms"
    assert corpus.loc[0, "n_chrome_removed"] == 1


def test_html_page_without_h1_keeps_its_title_as_headline(write_corpus):
    page = "<html><head><title>Kyodo: Japan protests</title></head><body><p>Japan protested.</p></body></html>"
    corpus = load_corpus(write_corpus({"page.txt": page}))
    assert corpus.loc[0, "clean_text"] == "Kyodo: Japan protests\n\nJapan protested."


def test_windows_and_old_mac_line_endings_give_the_lf_statements(write_corpus, article):
    folder = write_corpus({"lf.txt": article, "crlf.txt": article.replace("\n", "\r\n"),
                           "cr.txt": article.replace("\n", "\r")})
    corpus = load_corpus(folder).set_index("article_id")
    assert "\r" not in "".join(corpus["clean_text"])
    statements = {name: [(r["text"], r["char_start"], r["char_end"])
                         for r in article_statements("x", corpus.loc[name, "clean_text"])]
                  for name in ("lf", "crlf", "cr")}
    assert len(statements["lf"]) == 3
    assert statements["crlf"] == statements["lf"] == statements["cr"]


@pytest.fixture(scope="module")
def tag():
    """Attribute and tag the statements of a {article_id: clean text} mapping with the codebook tagger."""
    tagger, actors = make_tagger("codebook"), load_actors()

    def run(texts: dict) -> pd.DataFrame:
        corpus = pd.DataFrame({"article_id": list(texts), "clean_text": list(texts.values())})
        return tag_statements(split_corpus(corpus), tagger, actors).reset_index(drop=True)

    return run


def test_curly_and_straight_quotes_mixed(write_corpus, tag):
    text = ("Lavrov rejects Tokyo's terms\n\n"
            "“We will never give up the islands,” Lavrov said. "
            "\"Japan must recognise the results of World War II,\" he added.\n\n"
            "Japanese Foreign Minister Taro Kono said: “We are ready for talks.”\n")
    corpus = load_corpus(write_corpus({"mixed.txt": text}))
    tagged = tag(dict(zip(corpus["article_id"], corpus["clean_text"])))
    assert tagged["text"].tolist()[1:] == [
        "“We will never give up the islands,” Lavrov said.",
        "\"Japan must recognise the results of World War II,\" he added.",
        "Japanese Foreign Minister Taro Kono said: “We are ready for talks.”"]
    assert tagged[["mode", "speaker"]].values.tolist()[1:] == [
        ["direct_quote", "Lavrov"], ["direct_quote", "Lavrov"], ["direct_quote", "Kono"]]


def test_unbalanced_quotes_load_and_attribution_does_not_crash(write_corpus, tag):
    text = ("Islands row\n\n"
            "\"Lavrov said the islands are Russian. Tokyo “ rejects it.\n\n"
            "“He continued without end.\n\n"
            "The talks” ended. ” ” \" \"\n")
    corpus = load_corpus(write_corpus({"unbalanced.txt": text}))
    tagged = tag(dict(zip(corpus["article_id"], corpus["clean_text"])))
    assert tagged["text"].tolist() == ["Islands row", "\"Lavrov said the islands are Russian.", "Tokyo “ rejects it.",
                                       "“He continued without end.", "The talks” ended.", "” ” \" \""]
    assert set(tagged["mode"]) <= set(MODES)
    assert tagged.loc[0, "mode"] == "narration"


def test_metadata_with_extra_columns_keeps_them(write_corpus):
    folder = write_corpus({"a.txt": GOOD, "b.txt": GOOD,
                           "articles.csv": "id,outlet,language,coder_note\na,TASS,en,seed\nb,Kyodo,ja,\n"})
    corpus, caught = load_quietly(folder)
    assert caught == []
    assert corpus[["article_id", "outlet", "language", "coder_note"]].values.tolist() == [
        ["a", "TASS", "en", "seed"], ["b", "Kyodo", "ja", ""]]


def test_metadata_row_without_a_file_warns_naming_the_id(write_corpus):
    folder = write_corpus({"a.txt": GOOD, "articles.csv": "id,outlet\na,TASS\nghost,Kyodo\n"})
    corpus, caught = load_quietly(folder)
    assert corpus[["article_id", "outlet"]].values.tolist() == [["a", "TASS"]]
    assert caught == [f"{folder / 'articles.csv'}: metadata row 'ghost' has no article file"]


def test_file_without_a_metadata_row_warns_and_loads_without_metadata(write_corpus):
    folder = write_corpus({"a.txt": GOOD, "b.txt": GOOD, "articles.csv": "id,outlet\na,TASS\n"})
    corpus, caught = load_quietly(folder)
    assert corpus[["article_id", "outlet"]].values.tolist() == [["a", "TASS"], ["b", ""]]
    assert caught == [f"{folder / 'b.txt'}: no row for 'b' in {folder / 'articles.csv'}; loaded without metadata"]


def test_metadata_ids_that_lost_their_leading_zeros_warn_both_ways(write_corpus):
    """A spreadsheet turns 007 into 7: the article and the row are both reported, never silently unjoined."""
    folder = write_corpus({"007.txt": GOOD, "articles.csv": "id,outlet\n7,TASS\n"})
    corpus, caught = load_quietly(folder)
    assert corpus[["article_id", "outlet"]].values.tolist() == [["007", ""]]
    assert [re.sub(r"^.*?: ", "", m, count=1) for m in caught] == [
        "metadata row '7' has no article file",
        f"no row for '007' in {folder / 'articles.csv'}; loaded without metadata"]


# ------------------------------------------------------------------------------ codebook and gold files

CODEBOOK = """version: 1
stances:
  - id: treaty_first
    definition: The peace treaty comes first.
    cues:
      - id: treaty_cue
        pattern: '{pattern}'
{extra}
frames:
  - id: economic
    definition: Trade and investment.
"""


@pytest.mark.parametrize("text, message", [
    pytest.param(CODEBOOK.format(pattern="peace (treaty", extra=""),
                 "codebook.yaml: stance 'treaty_first' cue 'treaty_cue': bad regex 'peace (treaty'",
                 id="codebook_invalid_regex"),
    pytest.param(CODEBOOK.format(pattern="peace treaty", extra="    colour: red"),
                 "codebook.yaml: stances[1] (treaty_first): unknown key(s) colour", id="codebook_unknown_key"),
    pytest.param(CODEBOOK.format(pattern="peace treaty", extra="").replace("pattern:", "regex:"),
                 "codebook.yaml: stance 'treaty_first' cue[1]: unknown key(s) regex", id="codebook_unknown_cue_key"),
])
def test_codebook_error_names_the_entry(tmp_path, text, message):
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert str(tmp_path) in str(raised.value)
    assert message in str(raised.value)


def test_codebook_with_a_python_object_tag_is_refused_and_runs_nothing(tmp_path):
    """The loader uses yaml.safe_load: a python/object tag is an error, never a call."""
    marker = tmp_path / "hacked"
    for text in (f'!!python/object/apply:os.system ["echo hacked > {marker}"]\n',
                 CODEBOOK.format(pattern="peace treaty", extra="").replace(
                     "version: 1", f"version: !!python/object/apply:os.system ['echo hacked > {marker}']")):
        path = tmp_path / "codebook.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CodebookError, match=r"codebook\.yaml: not valid YAML: .*python/object/apply:os\.system"):
            load_codebook(path)
    assert not marker.exists()


def test_no_pickle_or_unsafe_yaml_anywhere_in_the_package():
    """Nothing the suite reads can run code: no pickle/joblib loading, YAML only through safe_load."""
    package = Path(load_codebook.__code__.co_filename).parent
    forbidden = re.compile(r"\bimport\s+(?:c?pickle|joblib|dill|cloudpickle)\b|\bfrom\s+(?:c?pickle|joblib)\b|"
                           r"pickle\.loads?\(|joblib\.load\(|read_pickle\(|yaml\.(?:unsafe_|full_)?load\(|"
                           r"yaml\.load_all\(|Loader\s*=\s*yaml\.(?:Unsafe|Full)?Loader")
    offenders = [f"{path.name}:{number}: {line.strip()}"
                 for path in sorted(package.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if forbidden.search(line)]
    assert offenders == []
    assert "yaml.safe_load(" in (package / "datafiles.py").read_text(encoding="utf-8")


def test_gold_with_an_unknown_stance_names_row_and_column(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text("article_id,sent_idx,text,stances,holder_side,voice_side,speaker,mode,frames\n"
                    "000,0,Talks go on.,treaty_first,russia,russia,Lavrov,reported,\n"
                    "000,1,Islands for sale.,islands_for_sale,japan,outlet,,narration,\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as raised:
        read_coded(path)
    assert str(raised.value) == (f"{path}: row 3, column stances: 'islands_for_sale' is not one of sovereignty_non_negotiable, "
                                 "treaty_first, territory_first, sanctions_obstacle")


# ------------------------------------------------------------------------------------------ the table

def test_readme_documents_every_case():
    """Each case of this module has a row in tests/bad_inputs/README.md, and the table has no stale row."""
    import importlib

    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", README.read_text(encoding="utf-8"), re.MULTILINE))
    elsewhere = set().union(*(importlib.import_module(name).DOCUMENTED_CASES for name in OTHER_CASE_MODULES))
    cases = {c[0] for c in ERROR_CASES} | {
        "utf16_with_bom", "fifty_mb_single_line", "html_page", "windows_line_endings", "curly_and_straight_quotes",
        "unbalanced_quotes", "metadata_extra_columns", "metadata_row_without_file", "file_without_metadata_row",
        "metadata_ids_without_leading_zeros", "codebook_invalid_regex", "codebook_unknown_key",
        "codebook_unknown_cue_key", "codebook_python_tag", "gold_unknown_stance"} | elsewhere
    assert documented == cases
