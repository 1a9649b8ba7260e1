"""Who speaks in the formats real sources use, beyond the plain "Name: ..." turn (analysis.turns,
analysis.attribution, analysis.actors) and what a journalist's question holds (analysis.stance).

The documents are written for these tests in the wording of a newspaper's Q&A interview, the Japanese
ministry's and the Prime Minister's Office's press conference transcripts, the Kremlin's meeting transcripts,
a ministry's and an embassy's pages, and wire and regional stories. No sentence comes from an annotation set.
"""
import pandas as pd

from analysis.actors import introduced_people, load_actors
from analysis.pipeline import tag_corpus


def _tag(tmp_path, texts: dict, outlets: dict | None = None) -> pd.DataFrame:
    rows = [{"id": name, "outlet": (outlets or {}).get(name, ""), "date": "2023-02-07", "text": text}
            for name, text in texts.items()]
    path = tmp_path / "articles.jsonl"
    pd.DataFrame(rows).to_json(path, orient="records", lines=True, force_ascii=False)
    return tag_corpus(path)[0]


def _who(table, article_id="a"):
    rows = table[table["article_id"] == article_id]
    return {r.text: (r.speaker, r.voice_side, r.mode) for r in rows.itertuples()}


QA_INTERVIEW = """Ambassador Nikolai Nozdrev: "Dialogue with Tokyo is possible only on the basis of mutual respect"

The Russian ambassador to Japan told our newspaper how he sees relations after the sanctions.

Question: Nikolai Nikolaevich, is there any contact with the Japanese Foreign Ministry today?

Answer: Contacts on practical matters continue. Fishing near the islands is one of them.

Question: Tokyo says the peace treaty remains its goal. Do you believe that?

Answer: Words are one thing. Deeds are another.

We cannot discuss a peace treaty with a state that has taken openly hostile steps against us."""


def test_answer_labels_are_the_guests_the_title_names(tmp_path):
    who = _who(_tag(tmp_path, {"a": QA_INTERVIEW}, {"a": "Kommersant"}))
    nozdrev = ("Nozdrev", "russia", "direct_quote")
    assert who["Answer: Contacts on practical matters continue."] == nozdrev
    assert who["Deeds are another."] == nozdrev
    # an unlabelled paragraph after an answer goes on with the one who answered
    assert who["We cannot discuss a peace treaty with a state that has taken openly hostile steps against us."] \
        == nozdrev
    assert who["Question: Nikolai Nikolaevich, is there any contact with the Japanese Foreign Ministry today?"] \
        == ("journalist", "other", "direct_quote")


MOFA_PRESS_CONFERENCE = """Press Conference by Foreign Minister KAMIKAWA Yoko

Tuesday, February 6, 2024, 3:05 p.m. Press Conference Room, Ministry of Foreign Affairs

(1) Visit to the Philippines

Minister Kamikawa: I will visit the Philippines from tomorrow. That is all from me.

(2) Northern Territories Day

NHK, Suzuki: Tomorrow is Northern Territories Day. What is the Government's message to the former residents?

Minister Kamikawa: The Government's policy of resolving the territorial issue and concluding a peace treaty remains unchanged.

Hokkaido Shimbun: Has the Government protested the latest Russian exercises?

Minister Kamikawa: We have lodged a protest through diplomatic channels."""


def test_a_ministry_transcripts_outlet_labels_and_numbered_headings(tmp_path):
    who = _who(_tag(tmp_path, {"a": MOFA_PRESS_CONFERENCE}, {"a": "Ministry of Foreign Affairs of Japan"}))
    heading = ("", "outlet", "narration")
    journalist = ("journalist", "other", "direct_quote")
    assert who["Tuesday, February 6, 2024, 3:05 p.m. Press Conference Room, Ministry of Foreign Affairs"] == heading
    assert who["(2) Northern Territories Day"] == heading
    assert who["NHK, Suzuki: Tomorrow is Northern Territories Day."] == journalist
    assert who["Hokkaido Shimbun: Has the Government protested the latest Russian exercises?"] == journalist
    assert who["Minister Kamikawa: We have lodged a protest through diplomatic channels."] == (
        "Kamikawa", "japan", "direct_quote")


KANTEI_PRESS_CONFERENCE = """Press Conference by the Prime Minister

[Questions and Answers]

(Moderator) We will now take questions.

(Reporter) Mr. Ito, Jiji Press: Prime Minister, will Japan keep up its sanctions on Russia?

(Prime Minister Kishida) Japan will continue to act in close coordination with the G7.

Our policy of resolving the territorial issue and concluding a peace treaty has not changed.

Chief Cabinet Secretary Matsuno

The Government will respond appropriately."""


def test_bracketed_labels_and_a_name_alone_on_its_line(tmp_path):
    text = KANTEI_PRESS_CONFERENCE.replace(
        "Chief Cabinet Secretary Matsuno\n\n", "Chief Cabinet Secretary Matsuno: Let me add one point.\n\n"
        "Question: And the fishing talks?\n\nChief Cabinet Secretary Matsuno\n\n")
    who = _who(_tag(tmp_path, {"a": text}, {"a": "Prime Minister's Office of Japan"}))
    assert who["[Questions and Answers]"] == ("", "outlet", "narration")
    assert who["(Moderator) We will now take questions."] == ("host", "other", "direct_quote")
    assert who["(Reporter) Mr. Ito, Jiji Press: Prime Minister, will Japan keep up its sanctions on Russia?"] == (
        "journalist", "other", "direct_quote")
    assert who["(Prime Minister Kishida) Japan will continue to act in close coordination with the G7."] == (
        "Kishida", "japan", "direct_quote")
    # "Chief Cabinet Secretary Matsuno" on a line of its own: a label, since Matsuno is labelled elsewhere
    assert who["Chief Cabinet Secretary Matsuno"] == ("", "outlet", "narration")
    assert who["The Government will respond appropriately."] == ("Matsuno", "japan", "direct_quote")


def test_a_label_alone_on_its_line_keeps_the_question_that_follows(tmp_path):
    text = ("Foreign Minister Sergey Lavrov's answers to media questions, Moscow, January 14, 2019\n\n"
            "Question:\n\nMr Lavrov, is there a timeframe for the treaty? Japan hopes for progress this year.\n\n"
            "Sergey Lavrov:\n\nThere are no deadlines. Artificial deadlines help nobody.")
    who = _who(_tag(tmp_path, {"a": text}, {"a": "Ministry of Foreign Affairs of the Russian Federation"}))
    assert who["Mr Lavrov, is there a timeframe for the treaty?"] == ("journalist", "other", "direct_quote")
    assert who["Japan hopes for progress this year."] == ("journalist", "other", "direct_quote")
    assert who["Artificial deadlines help nobody."] == ("Lavrov", "russia", "direct_quote")


def test_a_moderator_nobody_introduces_and_a_newspaper_head_who_asks(tmp_path):
    text = ("Plenary session of the forum\n\n"
            "Vladimir Putin took part in the plenary session.\n\n"
            "Anna Sidorova: Good afternoon. Mr President, may I begin with Japan? Is the treaty still possible?\n\n"
            "Vladimir Putin: It is possible. But the conditions must be created.\n\n"
            "Jiji Press President Kenta Mori: Will you visit Tokyo? Many people there hope so.\n\n"
            "Vladimir Putin: We will see.\n\n"
            "Anna Sidorova: Thank you. Shall we move on to energy?")
    who = _who(_tag(tmp_path, {"a": text}, {"a": "kremlin.ru"}))
    assert who["Anna Sidorova: Good afternoon."] == ("host", "other", "direct_quote")
    assert who["Jiji Press President Kenta Mori: Will you visit Tokyo?"] == ("journalist", "other", "direct_quote")
    assert who["But the conditions must be created."] == ("Putin", "russia", "direct_quote")


def test_statements_by_a_person_by_an_embassy_and_on_a_ministrys_own_page(tmp_path):
    texts = {
        "person": ("Statement by Foreign Minister HAYASHI Yoshimasa on the Announcement by the Russian Federation\n\n"
                   "1. The Russian side has announced that it will not continue the negotiations.\n\n"
                   "2. This is extremely unjust and absolutely unacceptable."),
        "embassy": ("Comment of the Embassy of the Russian Federation in Japan on the so-called Northern "
                    "Territories Day\n\nThe southern Kurils became part of our country as a result of the Second "
                    "World War.\n\nAttempts to revise the outcome of the war have no future."),
        "readout": ("Telephone conversation with Prime Minister of Japan Fumio Kishida\n\n"
                    "Vladimir Putin had a telephone conversation with Prime Minister of Japan Fumio Kishida.\n\n"
                    "The President congratulated Fumio Kishida on his election."),
    }
    table = _tag(tmp_path, texts, {"person": "Ministry of Foreign Affairs of Japan", "embassy": "",
                                   "readout": "kremlin.ru"})
    assert set(table.loc[table.article_id.isin(["person", "embassy", "readout"]), "genre"]) == {"statement"}
    assert _who(table, "person")["This is extremely unjust and absolutely unacceptable."] == (
        "Hayashi", "japan", "direct_quote")
    assert _who(table, "embassy")["Attempts to revise the outcome of the war have no future."] == (
        "Russian Embassy", "russia", "direct_quote")
    assert _who(table, "readout")["The President congratulated Fumio Kishida on his election."] == (
        "Kremlin", "russia", "direct_quote")


WIRE = """Japan protests Russian minister's trip to Kunashiri

TOKYO, July 27 (Kyodo) -- Japan lodged a protest on Thursday over a visit by a Russian minister to Kunashiri Island.

Chief Cabinet Secretary Hirokazu Matsuno, for his part, said the trip was "extremely regrettable."

Prime Minister Fumio Kishida denounced the visit at a meeting of ruling party lawmakers and said Japan would respond firmly.

A senior Foreign Ministry official who accompanied Kishida said privately that Moscow wanted to test Tokyo.

The official said more trips were likely.

Masato Hoshino, deputy head of the Nemuro fishermen's cooperative, said his members feared for the catch.

"We depend on those waters," Hoshino said.

"Kazuko Tanabe, 84, from Shikotan, said she had stopped hoping."

Tanabe said she still keeps her mother's letters."""


def test_news_speakers_past_asides_new_verbs_and_roles_without_an_article(tmp_path):
    who = _who(_tag(tmp_path, {"a": WIRE.replace('"Kazuko', "Kazuko").replace('hoping."', "hoping.")},
                    {"a": "Kyodo News"}))
    assert who['Chief Cabinet Secretary Hirokazu Matsuno, for his part, said the trip was "extremely regrettable."'] \
        == ("Matsuno", "japan", "direct_quote")
    assert who["Prime Minister Fumio Kishida denounced the visit at a meeting of ruling party lawmakers and said "
               "Japan would respond firmly."] == ("Kishida", "japan", "reported")
    # the official, not Kishida whom the official accompanied; then "the official" is that unnamed speaker
    assert who["A senior Foreign Ministry official who accompanied Kishida said privately that Moscow wanted to "
               "test Tokyo."][0] != "Kishida"
    assert who["The official said more trips were likely."][0] == who[
        "A senior Foreign Ministry official who accompanied Kishida said privately that Moscow wanted to test Tokyo."][0]
    assert who["Masato Hoshino, deputy head of the Nemuro fishermen's cooperative, said his members feared for the "
               "catch."] == ("Hoshino", "japan", "reported")
    assert who["Kazuko Tanabe, 84, from Shikotan, said she had stopped hoping."] == ("Tanabe", "japan", "reported")


def test_a_person_who_speaks_by_surname_is_registered_but_a_document_is_not():
    actors = load_actors()
    people = introduced_people(["Kawabata Shigeru was born on Etorofu in 1938.", '"I remember the sea," Kawabata said.',
                                "The Joint Declaration said the islands would be handed over."],
                               actors, lambda: "japan")
    assert set(people) == {"Kawabata"}
    assert people["Kawabata"][0].side == "japan"


def test_a_journalists_question_in_a_transcript_holds_no_stance(tmp_path):
    """The question only asks (GUIDE.md); the premise the journalist states as a fact keeps its stance."""
    text = ("Press Conference by the Chief Cabinet Secretary\n\n"
            "Question: Moscow says Japan's sanctions made the peace treaty talks impossible. Have Japan's sanctions "
            "made the peace treaty talks impossible?\n\n"
            "Chief Cabinet Secretary Matsuno: The Northern Territories are an inherent part of Japan's territory.")
    table = _tag(tmp_path, {"a": text})
    asked = table[table.text == "Have Japan's sanctions made the peace treaty talks impossible?"].iloc[0]
    assert (asked.speaker, asked.stances, asked.holder_side) == ("journalist", "", "none")
    assert "sanctions_then_obstacle" in asked.suppressed_evidence
    premise = table[table.text.str.startswith("Question:")].iloc[0]
    assert (premise.speaker, premise.stances) == ("journalist", "sanctions_obstacle")
    answer = table[table.text.str.startswith("Chief Cabinet")].iloc[0]
    assert (answer.stances, answer.holder_side) == ("sovereignty_non_negotiable", "japan")


DIET_MINUTES = """House of Councillors, Committee on Foreign Affairs and Defense, Minutes No. 4

○The Chairperson (Mr. SATO Masahisa): The meeting will now come to order. I recognize Ms. ITO Keiko.

○ITO Keiko: Thank you. Does the Government still regard the four islands as illegally occupied? Why has the word disappeared from the Bluebook?

○The Chairperson (Mr. SATO Masahisa): Government Witness, Director-General HARA Kenji.

○Government Witness (HARA Kenji): The Government's legal position has not changed.

○ITO Keiko: Then why not say so in the Bluebook? I ask the Minister to answer."""


def test_diet_minutes_name_the_person_in_brackets_and_a_member_who_asks_is_no_moderator(tmp_path):
    who = _who(_tag(tmp_path, {"a": DIET_MINUTES}, {"a": "House of Councillors"}))
    assert who["○The Chairperson (Mr. SATO Masahisa): The meeting will now come to order."][0] == "Sato"
    assert who["○Government Witness (HARA Kenji): The Government's legal position has not changed."] == (
        "Hara", "japan", "direct_quote")
    # the member asks in every turn, but in a parliament's minutes she is a member, not the moderator
    assert who["Why has the word disappeared from the Bluebook?"] == ("Ito", "japan", "direct_quote")


def test_header_lines_a_reporter_in_capitals_and_the_outlets_initials(tmp_path):
    texts = {
        "mofa": ("Press Conference by Foreign Minister KONO Taro\n\nDate: Tuesday, January 15, 2019, 10:52 a.m.\n\n"
                 "Place: Ministry of Foreign Affairs\n\nMinister Kono: I have one announcement.\n\n"
                 "NHK, Sato: Did you discuss the islands?\n\nMinister Kono: Next question, please."),
        "tv": ("Transcript: Russian Deputy Foreign Minister on Japan talks\n\nANNA PETROVA, BLOOMBERG:\n\n"
               "What is the main question for Moscow?\n\nIGOR MORGULOV, RUSSIAN DEPUTY FOREIGN MINISTER:\n\n"
               "The peace treaty itself.\n\nPETROVA:\n\nAnd the islands?\n\nMORGULOV:\n\nThey are Russian territory."),
        "rg": ("Governor: the Kurils live as an ordinary region\n\n"
               "RG: Valery Igorevich, what has changed on the islands?\n\n"
               "Valery Limarenko: Roads, schools and a new airport terminal."),
    }
    table = _tag(tmp_path, texts, {"mofa": "Ministry of Foreign Affairs of Japan", "tv": "Bloomberg",
                                   "rg": "Rossiyskaya Gazeta"})
    mofa = _who(table, "mofa")
    assert mofa["Date: Tuesday, January 15, 2019, 10:52 a.m."][0] == ""
    assert mofa["Place: Ministry of Foreign Affairs"][0] == ""
    tv = _who(table, "tv")
    assert tv["What is the main question for Moscow?"] == ("journalist", "other", "direct_quote")
    assert tv["And the islands?"] == ("journalist", "other", "direct_quote")
    assert tv["They are Russian territory."][0] == "Morgulov"
    assert _who(table, "rg")["RG: Valery Igorevich, what has changed on the islands?"] == (
        "journalist", "other", "direct_quote")


def test_a_duma_stenogram_a_broadcasters_rush_transcript_and_a_chinese_spokesperson(tmp_path):
    texts = {
        "duma": ("Transcript of the plenary session of the State Duma\n\n"
                 "Chairman. Colleagues, we move on to statements by the factions.\n\n"
                 "Kosachev K. I., United Russia faction. Thank you. Tokyo has chosen sanctions. The Kurils are "
                 "Russian land."),
        "cnn": ("CNN NEWSROOM\n\nJULIA REYES, CNN ANCHOR: Welcome back. Moscow held drills on the islands.\n\n"
                "DAVID HALL, CNN CORRESPONDENT (voice over): The exercises lasted a week.\n\n"
                "REYES: What does Tokyo say? Professor Ito joins us from Sapporo.\n\n"
                "KENJI ITO, HOKKAIDO UNIVERSITY: Tokyo has protested, as it always does."),
        "mfa": ("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\n"
                "Kyodo News: Does China have a view on the Northern Territories?\n\n"
                "Mao Ning: China's position is consistent. We hope the two sides resolve it through dialogue."),
    }
    table = _tag(tmp_path, texts, {"duma": "State Duma", "cnn": "CNN",
                                   "mfa": "Ministry of Foreign Affairs of the People's Republic of China"})
    duma = _who(table, "duma")
    # the surname before the initials, not the faction after it
    assert duma["The Kurils are Russian land."] == ("Kosachev", "russia", "direct_quote")
    cnn = _who(table, "cnn")
    assert cnn["JULIA REYES, CNN ANCHOR: Welcome back."][0] == "host"
    assert cnn["REYES: What does Tokyo say?"][0] == "host"
    assert cnn["KENJI ITO, HOKKAIDO UNIVERSITY: Tokyo has protested, as it always does."][0] == "Ito"
    assert cnn["DAVID HALL, CNN CORRESPONDENT (voice over): The exercises lasted a week."][0] == "journalist"
    assert _who(table, "mfa")["We hope the two sides resolve it through dialogue."] == ("Mao", "other",
                                                                                        "direct_quote")


def test_a_stenograms_chair_a_voice_from_the_hall_and_a_question_over_two_paragraphs(tmp_path):
    texts = {
        "duma": ("Transcript of the plenary session of the State Duma\n\n"
                 "Chairman.\n\nColleagues, the next item is the statement on Japan.\n\n"
                 "Kosachev K. I. Thank you. Tokyo has joined the sanctions.\n\n"
                 "Voice from the hall.\n\nShame!\n\n"
                 "Chairman.\n\nQuiet, please. Let us vote."),
        "kantei": ("Press Conference by the Chief Cabinet Secretary\n\n"
                   "REPORTER: I would like to ask about the Russian defence minister's visit to Kunashiri.\n\n"
                   "What is the Government's response?\n\n"
                   "CHIEF CABINET SECRETARY MATSUNO: We have lodged a protest through diplomatic channels."),
        "diet": ("Minutes of the Committee on Foreign Affairs\n\n"
                 "○Government Witness MORI Takeo (Director-General, European Affairs Bureau): I will answer. "
                 "The position of the Government has not changed.\n\n"
                 "○SUZUKI Aiko: Then I will ask the Minister."),
        "mfa": ("Foreign Ministry Spokesperson's Regular Press Conference\n\n"
                "CCTV: Japan has protested against Russian exercises on the islands. What is China's comment?\n\n"
                "Wang Wenbin: We hope the countries concerned handle their differences through dialogue."),
    }
    table = _tag(tmp_path, texts, {"duma": "State Duma", "kantei": "Prime Minister's Office of Japan",
                                   "diet": "House of Representatives",
                                   "mfa": "Ministry of Foreign Affairs of the People's Republic of China"})
    duma = _who(table, "duma")
    # the chair of the State Duma is its speaker (data/actors.csv), whatever the stenogram calls him
    assert duma["Colleagues, the next item is the statement on Japan."] == ("Volodin", "russia", "direct_quote")
    assert duma["Let us vote."][0] == "Volodin"
    assert duma["Tokyo has joined the sanctions."][0] == "Kosachev"
    assert duma["Shame!"] == ("Voice from the hall", "russia", "direct_quote")
    # a paragraph that ends in a question, before the answerer's label, is still the reporter's
    kantei = _who(table, "kantei")
    assert kantei["What is the Government's response?"] == ("journalist", "other", "direct_quote")
    assert kantei["CHIEF CABINET SECRETARY MATSUNO: We have lodged a protest through diplomatic channels."][0] == \
        "Matsuno"
    # a comma inside the bracket of the office does not end the name
    assert _who(table, "diet")["The position of the Government has not changed."] == ("Mori", "japan",
                                                                                     "direct_quote")
    assert _who(table, "mfa")["What is China's comment?"] == ("journalist", "other", "direct_quote")


def test_bylines_kickers_and_contact_lines_name_nobody_and_a_presenter_who_welcomes_is_the_host(tmp_path):
    texts = {
        "rg": ("Nikolai Nozdrev: Tokyo knows where the door is\n\n"
               "The Russian ambassador on the sanctions and the fisheries talks\n\nText: Anna Volkova\n\n"
               "- Nikolai Nikolaevich, is dialogue still possible?\n\n- It is possible, but not on these terms.\n\n"
               "- And the peace treaty?\n\n- The Japanese side knows our position."),
        "nikkei": ("Interview: Tokyo must not give up the claim, historian says\n\n"
                   "Keio University's Hiroshi Yamane says patience is Japan's only option\n\n"
                   "Hiroshi Yamane, a professor of diplomatic history at Keio University, spoke to Nikkei Asia.\n\n"
                   "Q: Is the territorial issue dead?\n\nA: Not dead, but frozen. Moscow will not move while the war "
                   "goes on."),
        "cao": ("On the Occasion of Northern Territories Day\n\n"
                "The Northern Territories are an inherent part of the territory of Japan.\n\n"
                "The Government will continue to negotiate with Russia with perseverance.\n\n"
                "Inquiries: General Affairs Division, Cabinet Office"),
        "bbc": ("HARDtalk\n\nBroadcast: 6 April 2022\n\nSTEPHEN SACKUR:\n\nWelcome to HARDtalk. My guest today is a "
                "Russian senator, Andrei Klimov.\n\nANDREI KLIMOV:\n\nThank you.\n\nSTEPHEN SACKUR:\n\n"
                "Japan says you walked out of the talks.\n\nANDREI KLIMOV:\n\nJapan chose sanctions. The islands "
                "are Russian."),
    }
    table = _tag(tmp_path, texts, {"rg": "Rossiyskaya Gazeta", "nikkei": "Nikkei Asia",
                                   "cao": "Cabinet Office, Government of Japan", "bbc": "BBC World Service"})
    rg = _who(table, "rg")
    assert rg["Text: Anna Volkova"][0] == ""
    assert rg["- The Japanese side knows our position."] == ("Nozdrev", "russia", "direct_quote")
    nikkei = _who(table, "nikkei")
    # the title's tag tells what the guest says: the guest's words, reported (as the coders of sets 7, 8, 11, 36
    # and 39 code such titles); the guest is the person the article introduces with a role
    assert nikkei["Interview: Tokyo must not give up the claim, historian says"] == ("Yamane", "japan", "reported")
    assert nikkei["Moscow will not move while the war goes on."] == ("Yamane", "japan", "direct_quote")
    cao = _who(table, "cao")
    assert cao["The Northern Territories are an inherent part of the territory of Japan."] == (
        "Cabinet Office", "japan", "direct_quote")
    bbc = _who(table, "bbc")
    assert bbc["Japan says you walked out of the talks."][0] == "host"
    assert bbc["The islands are Russian."][0] == "Klimov"
