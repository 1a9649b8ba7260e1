"""Whose position a statement expresses: every step of analysis.holder, and the codebook data it reads."""
import dataclasses
import inspect

import pandas as pd
import pytest

from analysis import holder
from analysis.attribution import load_actors
from analysis.codebook import CodebookError, load_codebook
from analysis.holder import (NARRATION, asks_in_a_turn, holder_column, resolve_holder, side_named_in,
                            statement_terms, statement_words)
from analysis.pipeline import make_tagger, tag_statements
from analysis.statements import article_statements
from yaml_texts import MINIMAL_CODEBOOK, codebook_with_joint_development

SOV, TREATY, TERR, SANC = "sovereignty_non_negotiable", "treaty_first", "territory_first", "sanctions_obstacle"
CODEBOOK = load_codebook()
# Rules 1-8 alone: the codebook's implications without its stances' ``holders`` (rule 9, tested below).
RULES_1_TO_8 = dataclasses.replace(CODEBOOK.holder_implications, holders={})


@pytest.mark.parametrize("stances, mode, voice, position, subject, speaker_type, cue_holders, span_sides, expected", [
    # 1. the subject of a position predicate: "Tokyo, however, maintains that the dispute must be resolved first."
    ((TERR,), "narration", "outlet", "japan", "japan", "", [], [""], "japan"),
    # ... and a cue naming the other side: two positions in one sentence
    ((SOV, TERR), "narration", "outlet", "russia", "russia", "", ["japan"], ["russia", ""], "both"),
    # ... but not for a stance whose holder_from_position is false ("Japan ... is sticking to sanctions ...,
    # Peskov said"): on to the voice
    ((SANC,), "reported", "russia", "japan", "japan", "official", [], [""], "russia"),
    # ... unless another stance of the statement takes it
    ((SANC, TREATY), "narration", "outlet", "japan", "", "", [], ["", ""], "japan"),
    # ... and a statement without a stance takes it too
    ((), "narration", "outlet", "japan", "japan", "", [], [], "japan"),
    # 3. no stance: a side's official speaking, quoted or reported; not a newspaper, not narration
    ((), "reported", "russia", "", "", "official", [], [], "russia"),
    ((), "direct_quote", "japan", "", "", "institution", [], [], "japan"),
    ((), "reported", "japan", "", "", "media", [], [], "none"),
    ((), "narration", "outlet", "", "russia", "", [], [], "none"),
    ((), "reported", "other", "", "", "official", [], [], "none"),
    # 4. the sides the matched cues name, before the voice
    ((TERR,), "reported", "russia", "", "", "official", ["japan"], [""], "japan"),
    ((SOV, TERR), "reported", "russia", "", "", "official", ["russia", "japan"], ["", ""], "both"),
    # 5. the voice's side
    ((TREATY,), "direct_quote", "japan", "", "", "official", [], ["russia"], "japan"),
    # 6. the one side named inside the matched spans ("Russia's sovereignty")
    ((SOV,), "narration", "outlet", "", "japan", "", [], ["russia", ""], "russia"),
    ((SOV,), "narration", "outlet", "", "", "", [], ["russia", "japan"], "russia"),   # two: on to the default
    # 7. in narration, the sentence's subject
    ((TREATY,), "narration", "outlet", "", "japan", "", [], [""], "japan"),
    ((TREATY,), "reported", "other", "", "japan", "official", [], [""], "russia"),   # not narration: the default
    # 8. the stances' default holders when they agree, else both
    ((TERR,), "narration", "outlet", "", "", "", [], [""], "japan"),
    ((SOV, SANC), "narration", "outlet", "", "", "", [], ["", ""], "russia"),
    ((TREATY, TERR), "narration", "outlet", "", "", "", [], ["", ""], "both"),
])
def test_the_holder_rule_step_by_step(stances, mode, voice, position, subject, speaker_type, cue_holders, span_sides,
                                      expected):
    assert resolve_holder(stances, mode=mode, voice_side=voice, position_side=position, subject_side=subject,
                          speaker_type=speaker_type, cue_holders=cue_holders, span_sides=span_sides,
                          implications=RULES_1_TO_8) == expected


@pytest.mark.parametrize("stances, expected", [((), "russia"), ((SANC,), "russia"), ((TERR,), "russia")])
def test_rule_2_the_other_sides_words_reported_in_a_turn(stances, expected):
    """"Russia has said that the exchanges cannot proceed ..." in the Japanese minister's answer: Russia's."""
    assert resolve_holder(stances, mode="direct_quote", voice_side="japan", position_side="", subject_side="",
                          speaker_type="official", cue_holders=[], span_sides=[""] * len(stances),
                          implications=RULES_1_TO_8, reported_side="russia") == expected


@pytest.mark.parametrize("stances, by_the_rules, expected", [
    ((SANC,), "japan", "russia"),          # a Japanese speaker tells of Russia's complaint
    ((SANC,), "russia", "russia"),
    ((TERR,), "russia", "japan"),          # a Russian speaker tells of Japan's claim
    ((TERR,), "both", "both"),
    ((TREATY,), "japan", "russia"),
    ((TREATY,), "both", "both"),
    ((SOV,), "japan", "japan"),            # no holders listed: any side
    ((SOV, TERR), "russia", "russia"),     # one stance lists none: the rules stand
    ((TREATY, TERR), "japan", "both"),     # japan not allowed for both; their defaults differ
    ((TERR, SANC), "us", "both"),
])
def test_rule_9_a_stance_is_held_only_by_the_sides_its_entry_lists(stances, by_the_rules, expected):
    assert holder.held_by_whom_it_can(stances, by_the_rules, CODEBOOK.holder_implications) == expected


@pytest.mark.parametrize("paragraphs, row, expected", [
    # Rule 5 gives the voice (Japan); sanctions_obstacle is held by Russia only.
    (('"Russia unilaterally announced that it would not continue the peace treaty negotiations because of the '
      'sanctions imposed by Japan," Foreign Minister Yoshimasa Hayashi told reporters.',), 1, [SANC, "japan", "russia"]),
    # Rule 6 gives the side named in the matched words (Japan, the side that imposed the sanctions).
    (("Russia pulls out of peace treaty talks with Japan over sanctions",), 1, [SANC, "outlet", "russia"]),
])
def test_rule_9_on_sentences(actors, paragraphs, row, expected):
    tagged_row = tagged(CODEBOOK, actors, *paragraphs).loc[row]
    assert tagged_row[["stances", "voice_side", "holder_side"]].tolist() == expected


@pytest.mark.parametrize("span, side", [
    ("Russia's sovereignty over the islands", "russia"),
    ("the Soviet Union legitimately", "russia"),
    ("an inherent part of Japan's territory", "japan"),
    ("Tokyo and Moscow", ""),
    ("return of the islands", ""),
    ("the Japanese-Russian", ""),
    ("antijapanese", ""),      # the side words begin a word
])
def test_side_named_in_a_span(span, side):
    assert side_named_in(span) == side


def test_what_a_stance_implies_is_codebook_data():
    implications = CODEBOOK.holder_implications
    assert implications.default_holder == {SOV: "russia", TREATY: "russia", TERR: "japan", SANC: "russia"}
    assert implications.from_position == {SOV: True, TREATY: True, TERR: True, SANC: False}
    assert implications.holders == {TREATY: {"russia", "both"}, TERR: {"japan", "both"}, SANC: {"russia"}}
    assert implications.cue_holder["illegal_occupation"] == "japan"
    assert {cue.id for cue in CODEBOOK.cues() if cue.holder} == set(implications.cue_holder)


def test_no_stance_is_named_in_the_code():
    source = inspect.getsource(holder)
    assert [stance for stance in CODEBOOK.stance_ids if stance in source] == []


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def tagged(codebook, actors, *paragraphs):
    text = "\n\n".join(("Headline about the islands",) + paragraphs)
    table = pd.DataFrame(article_statements("t", text))
    table["is_boilerplate"] = False
    table["boilerplate_group"] = ""
    return tag_statements(table, make_tagger("codebook", codebook), actors).set_index("sent_idx")


STICKING = ("Japan, a close ally of the US, is sticking to sanctions imposed by Washington, which makes the dialogue "
            "even more challenging, Peskov said.")


def test_a_teacher_decides_whether_a_position_predicate_holds_a_stance(tmp_path, actors):
    """The seed codebook says the side sticking to sanctions does not hold sanctions_obstacle; with
    ``holder_from_position: true`` and Japan among its ``holders`` it would."""
    row = tagged(CODEBOOK, actors, STICKING).loc[1]
    assert row[["stances", "position_side", "voice_side", "holder_side"]].tolist() == [SANC, "japan", "russia",
                                                                                       "russia"]
    text = open(CODEBOOK.source, encoding="utf-8").read()
    path = tmp_path / "codebook.yaml"
    path.write_text(text.replace("holder_from_position: false", "holder_from_position: true"), encoding="utf-8")
    assert tagged(load_codebook(path), actors, STICKING).loc[1, "holder_side"] == "russia"   # held only by Russia
    path.write_text(text.replace("holder_from_position: false", "holder_from_position: true")
                    .replace("holders: [russia]  ", "holders: [russia, japan]"), encoding="utf-8")
    assert tagged(load_codebook(path), actors, STICKING).loc[1, "holder_side"] == "japan"


def test_a_new_stance_brings_its_holder(tmp_path, actors):
    path = codebook_with_joint_development(tmp_path)
    row = tagged(load_codebook(path), actors, "The two countries would focus on joint economic activities.").loc[1]
    assert row[["stances", "mode", "holder_side"]].tolist() == ["joint_development", "narration", "both"]


# The smallest codebook, its stance's holder_from_position set to {value}.
MINIMAL = MINIMAL_CODEBOOK.replace("    definition: The treaty comes first.\n",
                                   "    definition: The treaty comes first.\n    holder_from_position: {value}\n")


@pytest.mark.parametrize("value, message", [
    ('"no"', "stance 'treaty_first': holder_from_position must be true or false, got 'no'"),
    ("[false]", "stance 'treaty_first': holder_from_position must be true or false, got [False]"),
    ("0", "stance 'treaty_first': holder_from_position must be true or false, got 0"),
])
def test_holder_from_position_must_be_true_or_false(tmp_path, value, message):
    path = tmp_path / "codebook.yaml"
    path.write_text(MINIMAL.format(value=value), encoding="utf-8")
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert str(raised.value) == f"{path}: {message}"


def test_a_frame_has_no_holder(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(MINIMAL.format(value="false") + "    holder_from_position: false\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"frames\[1\] \(economic\): unknown key\(s\) holder_from_position"):
        load_codebook(path)


@pytest.mark.parametrize("with_views", [False, True])
def test_the_holder_column_is_the_rule_row_by_row(actors, with_views):
    """``holder_column`` resolves a statement without a stance once per combination of its attribution
    columns, and a span's side once per span, and reads the view words of a whole column at once; every row
    is still what ``resolve_holder`` gives it."""
    from analysis.attribution import attribute
    from analysis.corpus import load_corpus
    from analysis.learning import view_words
    from analysis.statements import split_corpus

    statements = attribute(split_corpus(load_corpus()), actors)
    stances, _, evidence, _ = make_tagger("codebook", CODEBOOK).tag_columns(statements["text"].array)
    implications = CODEBOOK.holder_implications
    views = view_words() if with_views else None
    expected = [resolve_holder(row_stances, mode=row.mode, voice_side=row.voice_side, position_side=row.position_side,
                               subject_side=row.subject_side, speaker_type=row.speaker_type,
                               cue_holders=[implications.cue_holder[e.cue] for e in row_evidence
                                            if e.cue in implications.cue_holder],
                               span_sides=[side_named_in(e.text) for e in row_evidence], implications=implications,
                               text=row.text, reported_side=row.reported_side,
                               off_topic=row.off_topic, asks=asks_in_a_turn(row.text, row.genre), views=views)
                for row, row_stances, row_evidence in zip(statements.itertuples(index=False), stances, evidence)]
    assert holder_column(statements, stances, evidence, CODEBOOK, views) == expected
    assert set(expected) == {"russia", "japan", "us", "both", "none"}   # both: the 1956 declaration (rule 2b)


@pytest.mark.parametrize("text, voice, expected", [
    # GUIDE.md, "Holder without a stance": withholding comment, greeting, procedure say nothing of a view
    ("Foreign Minister Hayashi: As this concerns negotiations, I will refrain from going into further detail.",
     "japan", "none"),
    ("Sergey Lavrov: I would not make any forecasts.", "russia", "none"),
    ("Dmitry Peskov: I wouldn't speculate on what the President might say.", "russia", "none"),
    ("That is all from me.", "japan", "none"),
    ("Ladies and gentlemen,", "russia", "none"),
    ("We will inform you in due course.", "russia", "none"),
    # ... unless they evaluate, and a view on the relations stays the side's
    ("I will refrain from going into detail, but the Russian side's decision is extremely regrettable.",
     "japan", "japan"),
    ("Serious differences remain between us.", "russia", "russia"),
    ("Tokyo continues to follow the course set by Washington.", "russia", "russia"),
])
def test_a_statement_without_a_stance_that_withholds_a_view_has_no_holder(text, voice, expected):
    assert resolve_holder((), mode="direct_quote", voice_side=voice, position_side="", subject_side="",
                          speaker_type="official", cue_holders=[], span_sides=[],
                          implications=CODEBOOK.holder_implications, text=text) == expected


def test_withholding_is_read_only_without_a_stance_and_a_position_predicate(actors):
    """In a transcript turn the answer that withholds comment has no holder, nor does the status report before
    it (procedure, by the view words); the next one, a view, is Japan's; a position predicate still gives its
    subject ("Tokyo maintains ... I will not go into details")."""
    text = ("Press Conference by Foreign Minister Hayashi\n\n"
            "Foreign Minister Hayashi: This year's fisheries negotiations with Russia are under coordination. "
            "As this concerns negotiations, I will refrain from going into further detail.\n\n"
            "Foreign Minister Hayashi: Fishing operations are important to the livelihoods of the people in the "
            "region, and we will make every effort so that they can be carried out.")
    table = pd.DataFrame(article_statements("t", text))
    table["is_boilerplate"] = False
    table["boilerplate_group"] = ""
    out = tag_statements(table, make_tagger("codebook", CODEBOOK), actors).set_index("sent_idx")
    assert out["speaker"].tolist()[1:] == ["Hayashi"] * 3
    assert out["holder_side"].tolist()[1:] == ["none", "none", "japan"]


@pytest.mark.parametrize("text, genre, expected", [
    ("Prime Minister, where do the negotiations stand today?", "transcript", "none"),
    ("Is there any channel at all through which the government is talking to Moscow?", "interview", "none"),
    ('"What are these talks about?"', "news", "japan"),       # a question quoted in a story keeps the rule
    ("The government will keep asking for the grave visits.", "transcript", "japan"),
])
def test_a_question_in_a_transcript_only_asks(text, genre, expected):
    assert resolve_holder((), mode="direct_quote", voice_side="japan", position_side="", subject_side="",
                          speaker_type="official", cue_holders=[], span_sides=[],
                          implications=CODEBOOK.holder_implications, text=text,
                          asks=asks_in_a_turn(text, genre)) == expected


@pytest.fixture(scope="module")
def views():
    from analysis.learning import view_words

    return view_words()


@pytest.mark.parametrize("text, says_view", [
    ("We will never accept such a unilateral step by the Russian side.", True),
    ("Japan's approach to relations with Russia has become openly hostile.", True),
    ("Such actions do not create an atmosphere of trust between our countries.", True),
    ("The Government of Japan will continue to respond firmly and calmly.", True),
    ("The next round of consultations will be held in Moscow in March.", False),
    ("Thank you, Mr. Chairman.", False),
    ("About 5,500 former islanders are still alive, and their average age is over 86.", False),
    ("The fisheries talks were held by videoconference in December.", False),
])
def test_the_view_words_tell_a_view_from_a_fact_or_procedure(views, text, says_view):
    assert views.says_view(text) is says_view


def test_a_ministers_fact_has_no_holder_and_her_view_has_her_sides(actors, views):
    """Rule 3 with the view words: in a briefing, the spokeswoman's schedule is nobody's position; her
    evaluation of Japan's course is Russia's."""
    text = ("Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 2, 2023\n\n"
            "Question: Are new consultations with Tokyo planned?\n\n"
            "Maria Zakharova: The next round of consultations will be held in Moscow in March. Japan's approach "
            "to relations with Russia has become openly hostile.")
    statements = pd.DataFrame(article_statements("z1", text)).assign(is_boilerplate=False, boilerplate_group="")
    tagger = make_tagger("codebook")
    tagged = tag_statements(statements, tagger, actors).set_index("sent_idx")
    assert tagged["genre"].iloc[0] == "transcript"
    assert tagged.loc[2, ["speaker", "stances", "holder_side"]].tolist() == ["Zakharova", "", "none"]
    assert tagged.loc[3, ["speaker", "stances", "holder_side"]].tolist() == ["Zakharova", "", "russia"]
    tagger.views = None                  # without them, rule 3 gives every statement of hers her side
    assert tag_statements(statements, tagger, actors).set_index("sent_idx").loc[2, "holder_side"] == "russia"


def test_the_view_words_learn_from_the_dev_parts_and_the_read_test_parts_only(views):
    from analysis import paths

    assert all(path.name == "gold_dev.csv" for path in paths.REAL_GENRE_DEV)
    assert [path.parent.name for path in paths.READ_TEST_PARTS] == [f"real_genres_{n}" for n in range(6, 40)]
    assert all(path.exists() for path in paths.LEARNED_FROM)
    # sets 40 and 41, this round's untouched test part and the next round's, are never learned from
    assert paths.ANNOTATIONS / "real_genres_40" / "gold_test.csv" not in paths.LEARNED_FROM
    assert paths.ANNOTATIONS / "real_genres_41" / "gold_test.csv" not in paths.LEARNED_FROM
    # (the words seen in at least two training statements: 5,120 once sets 6-36 are learned, more with each set)
    words = [term for term in views.weights if " " not in term]
    assert 4000 < len(words) < 8000 and views.weights["we"] > 0 > views.weights["held"]
    # and pairs of neighbouring words, which tell apart what the words alone leave open ("we will" and "will be
    # held" in a minister's answer)
    assert 10_000 < len(views.weights) - len(words) < 40_000
    assert views.weights["we will"] > 0 > views.weights["be held"]
    # news quotes state a view more often than a transcript's sentences (docs/evaluation.md, "Ninth round")
    assert views.weights["genre=news"] > 0 > views.weights["genre=transcript"]


def test_the_genre_tips_a_statement_the_words_leave_open(views):
    """The same words, read in a news story and in a transcript: the genre's weight is the only difference."""
    text = "The situation remains difficult."
    score = views.bias + sum(views.weights.get(term, 0) for term in statement_terms(text))
    assert views.says_view(text, "news") == (score + views.weights["genre=news"] > 0) is True
    assert views.says_view(text, "transcript") == (score + views.weights["genre=transcript"] > 0) is False
    assert views.says_view(text, "") == views.says_view(text, "news")


@pytest.mark.parametrize("text, subject, expected", [
    # the outlet's narration of what a side does or thinks: that side's view (GUIDE.md, "Holder without a
    # stance"); of facts and schedules: nobody's
    ("Moscow pocketed the concession and moved the goalposts.", "russia", "russia"),
    ("Tokyo has grown increasingly frustrated with the Kremlin.", "japan", "japan"),
    ("The talks lasted about three hours, almost an hour longer than planned.", "russia", "none"),
    ("The ministry published the decree on Monday.", "russia", "none"),
    # no side as subject, no holder
    ("The Russian position has hardened in three stages.", "", "none"),
])
def test_the_narration_of_a_sides_doings_states_its_view_when_the_words_say_so(views, text, subject, expected):
    """Rule 3 for the outlet's narration: its subject's side when the narration's own view words read it as a
    view (``NARRATION``), else none; without the view words, none."""
    def holder(with_views):
        return resolve_holder((), mode="narration", voice_side="outlet", position_side="", subject_side=subject,
                              speaker_type="", cue_holders=[], span_sides=[],
                              implications=CODEBOOK.holder_implications, text=text, views=with_views)

    assert holder(views) == expected
    assert holder(None) == "none"


def test_the_narration_has_view_words_of_its_own(views):
    """The narration's model is learned apart: the same words weigh otherwise in the outlet's voice ("stepped up"
    military activity is a fact told, not a view, while a speaker's sentence with it reads as a view)."""
    text = "Moscow has stepped up military activity on the islands."
    assert views.narration is not None and views.narration.narration is None
    assert views.says_view(text, NARRATION) is False and views.says_view(text, "news") is True
    assert views.says_view(text, NARRATION) == views.narration.says_view(text, NARRATION)


def test_the_view_words_kept_on_disk_are_the_ones_fitted(tmp_path, monkeypatch):
    """A run that finds the fitted view words on disk reads the same words and weights as the run that fitted
    them; a damaged file is fitted again."""
    from analysis.learning import view_words

    monkeypatch.setenv("KURIL_STANCE_CACHE", str(tmp_path))
    fitted = view_words()
    stored = list(tmp_path.glob("views-*.npz"))
    assert len(stored) == 1
    assert view_words() == fitted
    stored[0].write_bytes(b"not an npz file")
    assert view_words() == fitted


@pytest.mark.parametrize("text, voice, expected", [
    # the outlet, a third party or Japan telling what the 1956 declaration says: the order both sides signed
    ("Under the 1956 declaration, Moscow agreed to hand over Shikotan and the Habomai islets after a peace "
     "treaty is signed.", "outlet", "both"),
    ("Article 9 of the Joint Declaration states that the Soviet Union will hand over the Habomai Islands and "
     "Shikotan Island to Japan after a peace treaty is concluded.", "japan", "both"),
    # a Russian official citing it states Russia's treaty-first line
    ("Under the 1956 declaration the islands could be handed over only after a peace treaty is signed.",
     "russia", "russia"),
    # the order without the document is no shared document
    ("Moscow would hand over two islands only after a peace treaty is signed.", "outlet", "russia"),
])
def test_a_document_both_sides_signed_states_both_sides_order(text, voice, expected):
    """Rule 2b, the codebook's ``shared_documents``: what the 1956 declaration says, told by any voice but the
    side that holds the stance by default, is both sides' order."""
    stances, _, evidence, _ = make_tagger("codebook", CODEBOOK).tag_columns(pd.Series([text]).array)
    assert list(stances[0]) == ["treaty_first"]
    implications = CODEBOOK.holder_implications
    mode = "narration" if voice == "outlet" else "direct_quote"
    assert resolve_holder(stances[0], mode=mode, voice_side=voice, position_side="", subject_side="",
                          speaker_type="", cue_holders=[implications.cue_holder[e.cue] for e in evidence[0]
                                                        if e.cue in implications.cue_holder],
                          span_sides=[side_named_in(e.text) for e in evidence[0]], implications=implications,
                          text=text) == expected


@pytest.mark.parametrize("section, message", [
    ("shared_documents:\n  stances: [treaty_second]\n  names: ['1956']\n",
     "shared_documents: stances: 'treaty_second' is not a stance id of this codebook"),
    ("shared_documents:\n  stances: [treaty_first]\n  names: '1956'\n",
     "shared_documents: names must be a list of patterns in quotes, got '1956'"),
    ("shared_documents:\n  stances: [treaty_first]\n  documents: ['1956']\n",
     "shared_documents: unknown key(s) documents"),
])
def test_the_shared_documents_section_is_checked_on_load(tmp_path, section, message):
    path = tmp_path / "codebook.yaml"
    path.write_text(MINIMAL_CODEBOOK + section, encoding="utf-8")
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert message in str(raised.value) and str(path) in str(raised.value)


@pytest.mark.parametrize("lines, message", [
    ("    holders: russia\n", "stance 'treaty_first': holders must be a list of sides, got 'russia'"),
    ("    holders: []\n", "stance 'treaty_first': holders must be a list of sides, got []"),
    ("    holders: [russia, Japan]\n", "stance 'treaty_first': holders: side 'Japan' not in ['both', 'japan', "
                                     "'russia', 'us']"),
    ("    default_holder: japan\n    holders: [russia, both]\n",
     "stance 'treaty_first': holders ['russia', 'both'] must include the default_holder 'japan'"),
])
def test_holders_are_checked_on_load(tmp_path, lines, message):
    path = tmp_path / "codebook.yaml"
    path.write_text(MINIMAL_CODEBOOK.replace("    definition: The treaty comes first.\n",
                                             "    definition: The treaty comes first.\n" + lines), encoding="utf-8")
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert str(raised.value) == f"{path}: {message}"


def test_the_words_and_pairs_of_a_statement():
    """As scikit-learn's CountVectorizer forms them: words of two characters or more, lower case; a pair
    joins neighbouring words, over a word of one character ("s" of "Japan's") and punctuation."""
    assert statement_words("Japan's position: we will never accept it.") == {
        "japan", "position", "we", "will", "never", "accept", "it"}
    assert statement_terms("Japan's position: we will never accept it.") == {
        "japan", "position", "we", "will", "never", "accept", "it", "japan position", "position we", "we will",
        "will never", "never accept", "accept it"}
    assert statement_terms("No comment. No comment.") == {"no", "comment", "no comment", "comment no"}


def test_rule_2b_a_statement_pointing_back_to_the_document_the_one_before_names(actors):
    """"That document promised ..." right after a sentence naming the 1956 declaration tells what both sides
    signed: both. Without a document named before it, the treaty-first order is Russia's line (the default)."""
    promise = ("That document promised the handover of Shikotan and the Habomai islets to Japan once a peace treaty "
               "was signed.")
    after_the_name = tagged(CODEBOOK, actors, "The two countries restored ties with the 1956 Joint Declaration. "
                            + promise).set_index("text").loc[promise]
    assert after_the_name[["stances", "voice_side", "holder_side"]].tolist() == [TREATY, "outlet", "both"]
    alone = tagged(CODEBOOK, actors, "The talks resumed in Moscow. " + promise).set_index("text").loc[promise]
    assert alone[["stances", "holder_side"]].tolist() == [TREATY, "russia"]
