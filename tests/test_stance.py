"""The codebook tagger (cues, negation, hedging, evidence), the classifier, kwic."""
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from analysis.codebook import load_codebook
from analysis.stance import CodebookTagger, StanceClassifier, kwic
from yaml_texts import codebook_with_joint_development


@pytest.fixture(scope="module")
def tagger():
    return CodebookTagger()


def stances(tagger, text):
    return sorted(tagger.tag_text(text)["stances"])


SOV, TREATY, TERR, SANC = "sovereignty_non_negotiable", "treaty_first", "territory_first", "sanctions_obstacle"


@pytest.mark.parametrize("text, expected", [
    # Seed wording
    ("Moscow has stated many times that Russia’s sovereignty over the islands cannot be called into question.", [SOV]),
    ("Japan must recognize the results of World War II in their entirety.", [SOV]),
    ('Ivanov said, adding that "it is Japan that has a territorial issue" but not Russia.', [SOV]),
    ("In reality, there is no sign of talks about any [island] handover, rest assured of that.", [SOV]),
    ("Our main goal is not to give or receive anything, but to sign a peace treaty [with Japan].", [TREATY]),
    ("Last year Putin proposed an agreement without preconditions, but Abe later called the idea unacceptable.",
     [TREATY]),
    ("Still, the statement says that change would only be possible after the two sides signed a peace treaty.",
     [TREATY]),
    ("Tokyo, however, maintains that the territorial dispute must be resolved first.", [TERR]),
    ("Since then, Tokyo has attempted to claim the four Kuril Islands.", [TERR]),
    ("“They support the sanctions regime and this is one of the problems that prevent the signing of the peace "
     "treaty.”", [SANC]),
    ('Japan had joined "a wide range of sanctions against Russia, which can hardly be viewed as a friendly stance."',
     [SANC]),
    # Japanese government and press
    # Japan's claim of sovereignty, with no demand or sequence: sovereignty only, as the independent coders of
    # the real-genre set code it (the earlier expectation, written with the cues, also had territory_first).
    ("The Northern Territories are an inherent part of Japan's territory, the foreign ministry said.", [SOV]),
    ("Japan's basic policy is to resolve the issue of the attribution of the four northern islands and conclude a "
     "peace treaty.", [TERR]),
    ("Kishida told the rally that the government would resolve the territorial issue and conclude a peace treaty.",
     [TERR]),
    ("Former residents called for the early return of the Northern Territories.", [TERR]),
    ("Kishida says Japan will not give up on return of disputed isles", [TERR]),
    ("Abe has been pushing for a deal that would return at least some of the islands.", [TERR]),
    ("Japan has said it cannot sign a peace treaty until the question of who owns the islands is settled.", [TERR]),
    ("The islands have been illegally occupied by Russia since 1945, the ministry said.", [SOV]),
    # Western wires
    ("Moscow said on Monday it was pulling out of peace treaty talks with Tokyo over sanctions.", [SANC]),
    ("Russia says the islands became part of the Soviet Union legitimately as a result of World War Two.", [SOV]),
    # Russian ministries
    ("The Kuril Islands are Russian territory and will remain so, Zakharova said.", [SOV]),
    ("Russia does not intend to continue negotiations on a peace treaty given Japan's openly unfriendly position.",
     [SANC]),
    ("In connection with unilateral restrictive measures, Russia is suspending the talks.", [SANC]),
    ("The territorial question is closed, the ministry said.", [SOV]),
    ("Putin said the goal of the talks was a peace treaty rather than any change of borders.", [TREATY]),
    ("Moscow has offered to sign a treaty first and then work out all other issues.", [TREATY]),
    # Negatives: vocabulary of the dispute without a stance
    ("Morgulov and Mori held consultations on the peace treaty issue in Moscow.", []),
    ("Moscow and Tokyo are locked in uncomfortable conversations about the latent territorial dispute.", []),
    ("Japan imposed sanctions on three Russian banks on Friday.", []),
    ("The two countries agreed on salmon fishing quotas for the waters off the islands.", []),
    ("Japan planned to discuss fishing and tourism on the islands.", []),
    ("Japan did not raise the return of the islands at the meeting.", []),
])
def test_cues_on_sentences_of_many_outlets(tagger, text, expected):
    assert stances(tagger, text) == sorted(expected)


def test_negated_handover_is_not_territory_first(tagger):
    result = tagger.tag_text("There have been no discussions of a handover of islands to Tokyo.")
    assert result["stances"] == [SOV]
    assert [e.cue for e in result["suppressed"]] == ["return_of_islands"]
    assert result["suppressed"][0].text == "handover of islands"


def test_evidence_names_cue_and_span(tagger):
    text = "Since then, Tokyo has attempted to claim the four Kuril Islands."
    [evidence] = tagger.tag_text(text)["evidence"]
    assert (evidence.label, evidence.cue) == (TERR, "claim_to_islands")
    assert text[evidence.start:evidence.end] == evidence.text == "attempted to claim"
    assert str(evidence) == "territory_first:claim_to_islands@22-40:'attempted to claim'"


def test_overlapping_cues_count_once_longest_wins(tagger):
    text = "Tokyo wants the return of the four islands."
    evidence = tagger.tag_text(text)["evidence"]
    assert len(evidence) == 1
    assert evidence[0].text == "return of the four islands"


def test_hedged_evidence_is_marked(tagger):
    evidence = tagger.tag_text("Tokyo could reportedly demand the return of the islands.")["evidence"]
    assert evidence and all(e.hedged for e in evidence)


def test_frames_are_not_negated(tagger):
    assert tagger.tag_text("No sign of talks on island handover between Moscow, Tokyo")["frames"] == ["diplomatic_process"]


def test_column_scan_equals_one_by_one(tagger):
    texts = ["Japan laid claims to the four southern islands.", "Nothing here.", "",
             "Sanctions prevent the signing of the peace treaty.", "Trade and fishing grew."]
    assert tagger.tag_texts(texts) == [tagger.tag_text(t) for t in texts]


def test_a_teacher_adds_a_stance_by_editing_the_yaml(tmp_path):
    path = codebook_with_joint_development(tmp_path)
    codebook = load_codebook(path)
    assert codebook.stance_ids[-1] == "joint_development"
    tagger = CodebookTagger(codebook)
    assert tagger.tag_text("Russia and Japan would focus on developing joint economic activities.")["stances"] == [
        "joint_development"]


def test_classifier_learns_and_explains(tmp_path):
    texts = ["Japan laid claims to the islands.", "Tokyo demands the return of the islands.",
             "Russia's sovereignty cannot be questioned.", "The islands are Russian territory.",
             "Talks were held in Moscow.", "The ministers met on Monday.",
             "Japan wants the four islands back.", "Sovereignty over the Kurils is indisputable."]
    labels = [TERR, TERR, SOV, SOV, "", "", TERR, SOV]
    model = StanceClassifier().fit(texts, labels)
    predicted = model.predict(["Japan demands the return of the four islands.", "Talks were held on Monday."])
    assert predicted == [[TERR], []]
    features = model.top_features("Japan demands the return of the four islands.", TERR)
    assert len(features) == 3
    assert all(feature in "japan demands the return of the four islands." for feature in features)
    # the batch form, which the ensemble uses, gives each pair what top_features gives it alone
    pairs = [(text, stance) for text in texts for stance in (TERR, SOV)]
    assert model.top_features_of(pairs) == [model.top_features(text, stance) for text, stance in pairs]


def test_classifier_is_deterministic():
    gold = pd.read_csv("data/annotations/gold.csv", dtype=str, keep_default_na=False)
    a = StanceClassifier().fit(gold["text"], gold["stances"]).predict_proba(gold["text"][:20])
    b = StanceClassifier().fit(gold["text"], gold["stances"]).predict_proba(gold["text"][:20])
    assert (a == b).all()


def test_unfitted_classifier_says_so():
    with pytest.raises(RuntimeError, match="not fitted"):
        StanceClassifier().predict(["x"])


def test_kwic_shows_cue_in_context():
    table = pd.DataFrame({"article_id": ["a", "b"], "sent_idx": [0, 3],
                          "text": ["Japan laid claims to the four southern islands.", "No claims here at all."]})
    view = kwic(table, r"claims?\s+to", width=11)
    assert view.to_dict("records") == [{"article_id": "a", "sent_idx": 0, "left": "Japan laid", "match": "claims to",
                                        "right": "the four s"}]


def test_a_recurring_text_is_tagged_once_with_the_same_result(tagger):
    """Wire copies and background sentences repeat: tag_columns tags each distinct text once and gives every
    copy the same tags and evidence as tagging it alone (the Kyodo- and Reuters-style lines recur here)."""
    distinct = ["Japan seeks the return of the four islands, Kyodo News reported.",
                "Moscow says sovereignty over the Kurils is not up for discussion.",
                "Tokyo will not give up on the return of the Northern Territories, Kishida said.",
                "The talks ended without a statement."]
    texts = [distinct[i] for i in (0, 1, 0, 2, 3, 1, 0, 2)]
    stances, frames, evidence, suppressed = tagger.tag_columns(texts)
    for i, text in enumerate(texts):
        alone = tagger.tag_text(text)
        assert list(stances[i]) == alone["stances"] and list(frames[i]) == alone["frames"]
        assert list(evidence[i]) == alone["evidence"] and list(suppressed[i]) == alone["suppressed"]
    assert list(stances[0]) == ["territory_first"] and list(stances[1]) == ["sovereignty_non_negotiable"]
    assert list(stances[3]) == ["territory_first"] and list(stances[4]) == []


def test_classifier_predicts_in_batches_with_the_same_probabilities(monkeypatch):
    """A million statements are predicted 10,000 at a time (the TF-IDF matrix of all of them would not fit
    in 1 GiB); batching must not change a probability."""
    import analysis.stance as stance
    from analysis.pipeline import make_tagger

    model = make_tagger("model")
    texts = ["Tokyo demands the return of the four islands, NHK reported.",
             "Western sanctions make peace treaty talks impossible, the Kremlin said.",
             "Moscow insists the Kurils are Russian territory.", "The weather in Sapporo was mild."] * 3
    whole = model.predict_proba(texts)
    features = model.top_features(texts[0], "territory_first")
    monkeypatch.setattr(stance, "_PREDICT_BATCH", 5)
    assert np.array_equal(model.predict_proba(texts), whole)
    assert model.top_features(texts[0], "territory_first") == features != []


def test_loose_column_scan_never_widens_a_cue(tagger):
    """The column scans use the cues with open repeats (RE2 copes with those on varied text); the exact cue
    decides. 'Sanctions' and 'hinder' further apart than the cue's 120 characters stay untagged."""
    from analysis._fast.cue_scan import loosen

    assert loosen(r"sanction\w*[^.;]{0,120}?\b(?:prevent\w*)") == r"sanction\w*[^.;]{0,}?\b(?:prevent\w*)"
    assert loosen(r"(?:\w+\s+){0,2}islands") == r"(?:\w+\s+){0,2}islands"
    near = "Western sanctions, a Foreign Ministry spokeswoman said, hinder the peace treaty talks."
    far = ("Western sanctions were extended on Monday by the foreign ministers of the Group of Seven, who met in "
           "Brussels for two days of talks about energy prices and shipping routes, and who then went on to hinder "
           "nothing at all")
    assert tagger.tag_text(near)["stances"] == ["sanctions_obstacle"]
    assert len(far.split("sanctions", 1)[1].split("hinder")[0]) > 120
    assert "sanctions_obstacle" not in tagger.tag_text(far)["stances"]


@pytest.mark.parametrize("text, hedged", [
    ("Tokyo possibly demands the return of the islands.", True),
    # Python's re matches 'İ' for 'i' case-insensitively and RE2 does not: a text that is not ASCII skips the
    # RE2 look for negators and hedges and goes to Python's re, which finds 'possİbly'.
    ("Tokyo possİbly demands the return of the islands.", True),
    ("Tokyo impossibly demands the return of the islands.", False),
])
def test_hedge_found_in_ascii_and_other_text(tagger, text, hedged):
    [evidence] = tagger.tag_text(text)["evidence"]
    assert (evidence.cue, evidence.text, evidence.hedged) == ("want_islands_back", "return of the islands", hedged)


def test_negator_found_in_text_that_is_not_ascii(tagger):
    result = tagger.tag_text("Foreign Minister Kōno said there have been no discussions of a handover of islands.")
    assert result["stances"] == [SOV]
    assert [(e.cue, e.text) for e in result["suppressed"]] == [("return_of_islands", "handover of islands")]


@pytest.mark.parametrize("words, expected", [
    (["no", "n't", "speculat\\w*"], r"\bno\b|\bn\x{27}t\b|speculat"),
    (["rumou?rs?", "rules out"], r"rumo|\brules\x{20}out\b"),
    (["no", "a|b"], None),          # a word with an alternation: Python's re decides every text
    (["no|not"], None),             # its shared start "no" would miss the "not" of "xnot" that \bno|not\b finds
    (["(?:no)"], "no"),             # no letters at its ends: no \b either side, as in _word_pattern
    (["ни"], None),
    ([], None),
])
def test_negator_prefixes_for_the_re2_look(words, expected):
    from analysis._fast.cue_scan import literal_prefixes

    assert literal_prefixes(words) == expected


def test_a_negator_with_an_alternation_is_still_found_inside_a_word(tmp_path):
    """A teacher's negator "no|not" means \bno|not\b to Python's re, which finds the "not" of "cannot"
    glued to a word: the RE2 look must not rule that text out."""
    import yaml

    from analysis import paths

    codebook = yaml.safe_load(paths.CODEBOOK.read_text(encoding="utf-8"))
    codebook["negation"]["cues"] = ["no|not"]
    path = tmp_path / "codebook.yaml"
    path.write_text(yaml.safe_dump(codebook, allow_unicode=True), encoding="utf-8")
    tagger = CodebookTagger(load_codebook(path))
    text = "Tokyo xnot seeks the return of the islands."
    assert tagger.negation.occurs_in(text) and tagger.scanner.may_scope(text)
    assert tagger.scanner.may_scope_column(pa.array([text]), [text]) == [True]


def test_grouped_word_pattern_matches_like_one_alternative_per_word():
    """``\\b(?:no|not)\\b`` for ``\\bno\\b|\\bnot\\b``: the cancels are substituted, so the same match must win."""
    import re

    from analysis._fast.cue_scan import grouped_word_pattern
    from analysis.stance import word_pattern

    words = ["not give up", "not", "rumou?rs?", "no", "x|y", "no retreat"]
    one_per_word = re.compile(r"\bnot give up\b|\bnot\b|rumou?rs?|\bno\b|\bx|y\b|\bno retreat\b", re.IGNORECASE)
    assert word_pattern(words).pattern == one_per_word.pattern
    grouped = grouped_word_pattern(words)
    assert grouped.pattern == r"\b(?:not give up|not)\b|rumou?rs?|\b(?:no)\b|\bx|y\b|\b(?:no retreat)\b"
    text = "We will NOT give up, not now; no retreat, rumours say, xylophones and Tony"
    expected = "We will _, _ now; _ retreat, _ sa_, _ylophones and Ton_"
    assert grouped.sub("_", text) == one_per_word.sub("_", text) == expected


@pytest.mark.parametrize("n_cues, sizes", [(0, []), (5, [5]), (6, [6]), (7, [4, 3]), (12, [6, 6]), (13, [5, 5, 3]), (18, [6, 6, 6])])
def test_stance_cues_scanned_in_even_groups(n_cues, sizes):
    from analysis._fast.cue_scan import scan_groups

    cues = tuple(range(n_cues))
    groups = scan_groups(cues)
    assert [len(g) for g in groups] == sizes
    assert sum(groups, ()) == cues


@pytest.mark.parametrize("cue_id, starts", [
    ("laid_claim", ("assert", "laid", "lay", "laying", "lays", "maintain", "press", "put forward", "renew", "stake",
                    "staking")),
    ("illegal_occupation", ("illegal", "occup", "occupied", "occupying", "under russia's", "under russian")),
    ("talks_about_treaty", None),     # its second branch begins with ^ or [?.]: no string to look for
])
def test_where_a_cue_can_begin(cue_id, starts):
    from analysis._fast.cue_scan import cue_starts

    [cue] = [c for c in load_codebook().cues() if c.id == cue_id]
    assert cue_starts(cue) == starts


@pytest.mark.parametrize("cue_id, text, expected", [
    # 'lay' inside 'delays': laid_claim has no \b before it, so Python's search matches there, and so must the
    # match tried only where one of the cue's beginnings is.
    ("laid_claim", "Tokyo delays claim to the islands.", ["lays claim to"]),
    # 'return' inside 'nonreturn' begins no match of return_of_islands (it wants \b before 'return').
    ("return_of_islands", "A nonreturn of the islands, and a return of the islands.", ["return of the islands"]),
    ("laid_claim", "TOKYO PRESSES ITS CLAIM TO THE ISLANDS and lays claims over them.",
     ["PRESSES ITS CLAIM TO", "lays claims over"]),
    # Not ASCII: Python's search over the whole text, as before.
    ("laid_claim", "Tokyo (東京) presses its claim to the islands.", ["presses its claim to"]),
])
def test_cue_matched_only_where_it_can_begin(tagger, cue_id, text, expected):
    [cue] = [c for c in tagger.codebook.cues() if c.id == cue_id]
    assert [e.text for e in tagger.scanner.match_cue(cue, text)] == expected
    assert [m.group(0) for m in cue.regex.finditer(text)] == expected
    assert [e.text for e in tagger.match_cue(cue, text)] == expected


def test_without_pythons_regex_parser_the_tagger_searches_the_plain_way_with_the_same_result(monkeypatch):
    """``re._parser`` is private: if a Python lacks it, cues are searched at every character and negators
    looked for in every text, and nothing else changes."""
    from analysis._fast import cue_scan

    texts = ["Tokyo will never give up its claim to the islands, Kishida said.",
             "Russia will not discuss a handover of the islands, which are Russian territory.",
             "Japan could possibly lay claim to the southern Kurils.",
             "Sanctions make a peace treaty impossible, Moscow said.",
             "Le Japon réclame « les territoires du Nord » with no peace treaty without them."]
    expected = CodebookTagger().tag_columns(texts)
    monkeypatch.setattr(cue_scan, "_parser", None)
    plain = CodebookTagger()
    assert plain.scanner._negator_or_hedge_prefixes is None
    assert all(plain.scanner._cue_state(cue)[2] is None for s in plain.codebook.stances for cue in s.cues)
    assert plain.tag_columns(texts) == expected
    assert any(expected[0]) and any(expected[2])   # the texts hold stances and evidence to compare


def test_negation_is_looked_for_only_in_a_statement_holding_a_negator_or_hedge(tagger):
    """Rule 4: the scope begins 120 characters before the match and may cut a word ('Kono' to 'no'); in a
    statement without any negator or hedge nothing is negated, in one with a hedge the cut word negates."""
    words = " ".join(["Counterrevolutionaries"] * 4 + ["Internationalisationists"])
    text = f"Minister Kono {words} sought the return of the islands."
    start = text.index("sought")
    assert tagger.negation.scope(text, start).split()[0] == "no" == text[start - 120:start - 118]
    alone, hedged = tagger.tag_text(text), tagger.tag_text("It may rain. " + text)
    assert [e.cue for e in alone["evidence"]] == ["want_islands_back"] and alone["suppressed"] == []
    assert [e.cue for e in hedged["suppressed"]] == ["return_of_islands"]
    assert tagger.tag_texts([text, "It may rain. " + text]) == [alone, hedged]


@pytest.mark.parametrize("text, stances, frames", [
    # Python's \s takes a no-break space, its case-insensitive match İ for i, its \w and \b the letters of
    # every script; RE2 takes them otherwise, so the column scan leaves such texts to Python's re.
    ("Moscow offered to sign a peace\u00a0treaty first.", [TREATY], []),
    ("The islands are İllegally occupied, the ministry said.", [SOV], ["legal_historical"]),
    ("Tokyo wants the café islands back", [TERR], []),
    ("Talksé were held.", [], []),
    ("Sign a peace treaty first\n", [TREATY], ["diplomatic_process"]),
])
def test_text_that_re2_reads_otherwise_is_tagged_by_the_rule(tagger, text, stances, frames):
    [tags] = tagger.tag_texts([text])
    assert tags == tagger.tag_text(text)
    assert (sorted(tags["stances"]), tags["frames"]) == (sorted(stances), frames)


def test_a_frame_cue_with_a_long_bounded_repeat_is_decided_exactly(tmp_path):
    """The column scan loosens {0,10} to {0,} for RE2; a frame is then checked with the exact cue."""
    text = open(load_codebook().source, encoding="utf-8").read() + """
  - id: fishing_near_islands
    definition: Fishing by the islands.
    cues:
      - id: fr_fishing_near
        pattern: 'fishing[^.]{0,10}islands'
"""
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    tagger = CodebookTagger(load_codebook(path))
    texts = ["Fishing near the islands.", "Fishing boats were seen far to the north of the islands."]
    tagged = tagger.tag_texts(texts)
    assert ["fishing_near_islands" in t["frames"] for t in tagged] == [True, False]
    assert tagged == [tagger.tag_text(t) for t in texts]


# Issue 17's classes in wordings written for these tests (wires, ministries, Japanese press), with near misses.
@pytest.mark.parametrize("text, expected", [
    # the same formula in other words: nouns and "off the table"
    ("Questions of sovereignty over the southern Kurils are not on the agenda of any talks, the diplomat said.", [SOV]),
    ("Any transfer of the islands is off the table, Peskov told reporters.", [SOV]),
    ("Russia's ownership of the islands is not a subject for discussion.", [SOV]),
    ("There is nothing to negotiate about the status of the Kurils.", [SOV]),
    ("Fishing quotas were not on the agenda of the talks.", []),
    # Japan's claim of sovereignty in the ministries' wording
    ("They are islands over which Japan has sovereignty.", [SOV]),
    ("The four islands are an inherent part of the territory of Japan.", [SOV]),
    # treaty first as a sequence
    ("The 1956 declaration promised the transfer of Shikotan and Habomai after a peace treaty was concluded.", [TREATY]),
    ("A treaty that builds trust should come first, Moscow argues.", [TREATY]),
    ("The transfer of funds was delayed.", []),
    # territory first: Japan claims the islands by name
    ("Japan claims Iturup, Kunashir, Shikotan and the Habomai islands.", [TERR]),
    ("Japan claims that its fishermen were detained.", []),
    # sanctions in the ministry's wording
    ("The Russian side does not intend to continue negotiations with Japan on a peace treaty.", [SANC]),
    ("Nobody is talking about any handover of territory at this stage.", [SOV]),
    ("The islands became part of the Soviet Union legitimately, as a result of World War II.", [SOV]),
    ("The sequence is clear: first the peace treaty, then everything else.", [TREATY]),
    ("Japan will not give up its claim.", [TERR]),
    ("The status quo has not brought a single island back.", [TERR]),
    ("The Japanese side insists on their return.", [TERR]),
    ("Tokyo expects to receive Habomai and Shikotan first.", [TERR]),
    ("Japan claims them.", [TERR]),
    ("The decision was a forced response to Tokyo's hostile actions.", [SANC]),
    ("Moscow halted the exchanges, citing the measures taken by Japan.", [SANC]),
    ("Relations soured after Tokyo joined the Western sanctions.", [SANC]),
    ("Nobody is talking about fisheries quotas.", []),
    ("The crew got the boat back.", []),
    # avoidance and distancing switch a cue off
    ("The premier stopped short of calling the islands illegally occupied.", []),
    ("Kishida declined to say the islands were illegally occupied.", []),
    ("Moscow mocked the so-called illegal occupation claim.", []),
    # revised on the dev part of the third real-genre set: other words for the same four positions
    ("Our sovereignty over the southern Kurils is not subject to question, the spokeswoman said.", [SOV]),
    ("The status of the islands is not a subject of negotiation.", [SOV]),
    ("These islands were, are and will be Russian land.", [SOV]),
    ("This is Russian territory, full stop.", [SOV]),
    ("The Kurils are not a disputed territory, but Russia.", [SOV]),
    ("The amended constitution prohibits any handover of the country's territory.", [SOV]),
    ("The vote put an end to any talk of handing over the islands.", [SOV]),
    ("There can be no conversation about the islands' status.", [SOV]),
    ("The islands became part of our country as a result of World War II.", [SOV]),
    ("For Moscow the order was first a treaty, then everything else.", [TREATY]),
    ("On the basis of the peace treaty we would then settle the remaining questions.", [TREATY]),
    ("Shikotan and the Habomai islets would be handed over first under the plan.", [TERR]),
    ("Tokyo still hopes for at least two islands.", [TERR]),
    ("The government should go on demanding all four islands.", [TERR]),
    ("If even two islands come back in my lifetime, I will be content.", [TERR]),
    ("For Japan the territorial question has always come first.", [TERR]),
    ("Japan will keep seeking a resolution of the territorial issue.", [TERR]),
    ("The exchanges create an environment conducive to the resolution of the territorial issue.", []),
    ("Tokyo joined the illegitimate sanctions and bears full responsibility for the consequences.", [SANC]),
    ("Moscow says Japan's sanctions are the reason.", [SANC]),
    # revised on the eighth real-genre set after its one look: a treaty named as the main thing "for us",
    # a rhetorical denial that any dispute exists, occupation "without legal basis", the economy strangled,
    # the four islands asked for
    ("For us the main thing is a peace treaty, the deputy minister told the newspaper.", [TREATY]),
    ("What territorial dispute? These are Russian islands.", [SOV]),
    ("There is nothing to hand back, the senator said.", [SOV]),
    ("Russia occupies the four islands without any legal basis to this day.", [SOV]),
    ("No treaty can be signed with a government that is trying to strangle our economy.", [SANC]),
    ("The former residents have been asking for the four islands since 1945.", [TERR]),
    ("The main thing for the region is a new airport.", []),
    ("Tokyo has nothing to return to the tax office.", []),
    ("The sanctions are the reason investors left the region's ports.", [SANC]),   # a near miss the cue takes
    # avoidance in the Japanese press's wording
    ("Abe held back on calling the islands illegally occupied.", []),
    ("The Bluebook dropped the phrase that the islands belong to Japan.", []),
    ("The premier stopped using the expression illegal occupation in parliament.", []),
    # revised on the twelfth real-genre set after its one look: Moscow needs nobody's permission in its own
    # regions and sees no territorial problem; talks and an economic war cannot go together; the islands
    # "come home"; "anti-Russia" as well as "anti-Russian" measures
    ("We do not need anyone's approval to build schools and roads in our own regions.", [SOV]),
    ("The head of state decides for himself which regions of the country to visit, the minister said.", [SOV]),
    ("We do not regard this as a territorial problem; what is missing is a peace treaty.", [SOV]),
    ("We do not need anyone's help to repair the pier.", []),
    ("You cannot negotiate a treaty with us and at the same time wage an economic war against us.", [SANC]),
    ("We see no point in talks with a country that is trying to damage our interests.", [SANC]),
    ("Tokyo keeps adding new packages to its anti-Russia measures, which has made any dialogue impossible.", [SANC]),
    ("You cannot buy fish in Nemuro and sell it in Moscow at the same price.", []),
    ("She says she will keep telling her story until the islands come home.", [TERR]),
    ("The fishermen come home to Nemuro every Friday.", []),
])
def test_real_world_wording(tagger, text, expected):
    assert stances(tagger, text) == sorted(expected)


class _StubModel:
    """A fitted classifier's interface with fixed probabilities per text."""

    classes_ = ["sovereignty_non_negotiable", "treaty_first", "territory_first", "sanctions_obstacle"]

    def __init__(self, probabilities):
        self.probabilities = probabilities

    def predict_proba(self, texts):
        import numpy as np
        return np.array([self.probabilities.get(text, [0.0] * 4) for text in texts])

    def top_features_of(self, pairs):
        return [["restrictive measures"] for _ in pairs]


def test_the_ensemble_adds_the_classifiers_confident_stances_to_the_cues():
    """A statement keeps its cue stances and evidence; a stance the classifier gives at least the threshold is
    added with the model's evidence; below it, nothing; a recurring text is read once."""
    from analysis.stance import EnsembleTagger

    cue = "Russia's sovereignty over the islands is not subject to discussion."
    euphemism = "Moscow pointed to Tokyo's steps over Ukraine."
    unsure = "The talks ended without a joint statement."
    model = _StubModel({cue: [0.9, 0.0, 0.0, 0.0], euphemism: [0.1, 0.0, 0.0, 0.7], unsure: [0.0, 0.5, 0.0, 0.0]})
    calls = []
    predict = model.predict_proba
    model.predict_proba = lambda texts: calls.append(list(texts)) or predict(texts)
    table = pd.DataFrame({"article_id": ["a"] * 4, "sent_idx": [0, 1, 2, 3], "text": [cue, euphemism, unsure, euphemism],
                          "mode": "narration", "voice_side": "outlet", "position_side": "", "subject_side": "",
                          "speaker_type": "", "speaker": ""})
    out = EnsembleTagger(model=model, threshold=0.55).tag(table)
    assert out["stances"].tolist() == ["sovereignty_non_negotiable", "sanctions_obstacle", "", "sanctions_obstacle"]
    assert out["stance_evidence"][0].startswith("sovereignty_non_negotiable:") and "model" not in out["stance_evidence"][0]
    assert out["stance_evidence"][1] == "sanctions_obstacle:model@-1--1:'restrictive measures'"
    assert calls == [[cue, euphemism, unsure]]
