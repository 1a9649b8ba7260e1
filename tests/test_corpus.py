"""Loading the seed corpus: byte-identical seeds, metadata, chrome removal."""

import pytest

from analysis import paths
from analysis.corpus import CorpusError, clean_text, load_chrome_rules, load_corpus

SEEDS = paths.ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds is not beside this checkout")
def test_embedded_articles_are_the_seeds_byte_for_byte():
    for seed in sorted(SEEDS.glob("*.txt")):
        assert (paths.ARTICLES / f"{seed.name[:3]}.txt").read_bytes() == seed.read_bytes()


def test_metadata_is_joined(corpus):
    assert corpus["article_id"].tolist() == ["000", "001", "002", "003", "004"]
    assert corpus["outlet"].tolist() == ["TASS", "TASS", "TASS", "unknown", "TASS"]
    assert corpus["date"].tolist() == ["2019-02-26", "2019-03-21", "2019-02-24", "", "2019-06-01"]
    assert corpus.loc[3, "notes"].startswith("No date in the text")


def test_chrome_is_removed_and_text_kept(corpus):
    text = dict(zip(corpus["article_id"], corpus["clean_text"]))
    for chrome in ("All news", "Currency converter", "Show more", "In other media", "Partner News",
                   "- Advertisement -", "Subscribe to our newsletter", "© Alexander Shcherbak/TASS",
                   "1 pages in this article", "February 24, 10:48 UTC+3", "Sign up here"):
        assert all(chrome not in t for t in text.values()), chrome
    assert text["002"].startswith("Russia’s top diplomat rules out peace treaty negotiations")
    assert text["003"].endswith("Tokyo, however, maintains that the territorial dispute must be resolved first.")
    assert corpus.set_index("article_id").loc["002", "n_chrome_removed"] == 12


def test_clean_text_normalises_layout():
    rules = load_chrome_rules()
    cleaned, removed = clean_text("All news\r\n\r\nHeadline  here\r\n\r\n\r\nBody   text.\r\nShow more\r\n", rules)
    assert (cleaned, removed) == ("Headline here\n\nBody text.", 2)


def test_every_kind_of_whitespace_collapses_to_one_space_on_short_and_long_lines(monkeypatch):
    # The fast path trusts that every whitespace character but the plain space is unprintable; the long-line
    # path uses a regex. Both must give " ".join(line.split()) for every whitespace character there is.
    from analysis import corpus

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace() and chr(c) not in "\n\r\u2028\u2029"]
    assert len(spaces) > 20
    rules = load_chrome_rules()
    line = "".join(f"{space}word{i}{space}{space}" for i, space in enumerate(spaces))
    expected = " ".join(f"word{i}" for i in range(len(spaces)))
    assert clean_text(line, rules) == (expected, 0)
    monkeypatch.setattr(corpus, "_SPLIT_JOIN_LIMIT", 10)
    assert clean_text(line, rules) == (expected, 0)
    assert clean_text(" plain  line ", rules) == ("plain line", 0)


def test_csv_and_jsonl_corpora(tmp_path):
    csv = tmp_path / "news.csv"
    csv.write_text('id,text,outlet\nk1,"Kyodo headline\n\nJapan protested.",Kyodo\n', encoding="utf-8")
    loaded = load_corpus(csv)
    assert loaded.loc[0, ["article_id", "outlet", "headline"]].tolist() == ["k1", "Kyodo", "Kyodo headline"]
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text('{"id": "r1", "text": "Reuters headline\\n\\nMoscow said no.", "date": "2022-03-21"}\n',
                     encoding="utf-8")
    loaded = load_corpus(jsonl)
    assert loaded.loc[0, ["article_id", "date", "clean_text"]].tolist() == [
        "r1", "2022-03-21", "Reuters headline\n\nMoscow said no."]


def test_unknown_source(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "missing")
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(CorpusError, match="expected a folder of .txt files"):
        load_corpus(tmp_path / "x.docx")


def test_chrome_of_other_outlets():
    rules = load_chrome_rules()
    page = ("TOKYO (Reuters) - Japan protested on Monday.\n\nAdvertisement\n\nThe talks stalled.\n\n"
            "Reporting by Kiyoshi Takenaka; Editing by Lincoln Feast.\n\n"
            "Our Standards: The Thomson Reuters Trust Principles.\n\nRead more: Japan and Russia\n\nPhoto: AFP/Getty")
    assert clean_text(page, rules) == ("TOKYO (Reuters) - Japan protested on Monday.\n\nThe talks stalled.", 5)


def test_an_exact_chrome_line_matches_in_any_case_even_when_folding_lengthens_it():
    """Exact lines are compared case-folded, and only texts no longer than the longest exact line are folded
    (folding never shortens a text): "Straße" folds to "strasse", one letter longer, and still matches."""
    from analysis.corpus import ChromeRules

    rules = ChromeRules(frozenset({"strasse", "all news"}), None)
    assert rules.is_chrome("Straße") and rules.is_chrome("  ALL NEWS ") and rules.is_chrome("STRASSE")
    assert not rules.is_chrome("All news today") and not rules.is_chrome("Strasse 1")
    assert not ChromeRules(frozenset(), None).is_chrome("All news")


def test_jsonl_is_read_a_line_at_a_time_and_errors_give_the_file_offset(tmp_path):
    """A news-database export is not held in memory: each article's text is re-read from its line when it is
    cleaned. A bad byte on a later line is reported at its offset in the file, as for a whole-file read."""
    import json

    first = json.dumps({"id": "k1", "outlet": "Kyodo", "text": "Japan protests.\n\nTokyo lodged a protest."}) + "\n"
    second = json.dumps({"id": "n2", "outlet": "NHK", "text": None}) + "\n"
    third = json.dumps({"id": "a3", "outlet": "Asahi", "text": "Kishida urged talks."}) + "\n"
    good = tmp_path / "export.jsonl"
    good.write_text(first + second + third, encoding="utf-8")
    loaded = load_corpus(good, on_error="skip")
    assert loaded[["article_id", "outlet"]].values.tolist() == [["a3", "Asahi"], ["k1", "Kyodo"]]
    assert loaded.loc[loaded["article_id"] == "k1", "clean_text"].item() == "Japan protests.\n\nTokyo lodged a protest."
    assert [why for _, why in loaded.attrs["skipped"]] == ["empty text (0 bytes)"]

    bad = tmp_path / "latin1.jsonl"
    line = '{"id": "m4", "text": "Moscou r\u00e9affirme."}\n'.encode("latin-1")
    bad.write_bytes(first.encode("utf-8") + line)
    offset = len(first.encode("utf-8")) + line.index(b"\xe9")
    with pytest.raises(CorpusError, match=rf"latin1.jsonl: not valid UTF-8 \(byte 0xe9 at offset {offset}\)"):
        load_corpus(bad)
