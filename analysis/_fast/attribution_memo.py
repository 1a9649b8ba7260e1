"""The fast path of attribution: what a sentence holds on its own, kept per distinct sentence, and scans of
the whole table for the sentences in which no verb, or no citation ("according to X"), can be found.

Neither decides anything: ``analysis.attribution.sentence_facts`` states the rules, and
``tests/test_attribution_fast.py`` checks with hypothesis that attributing through here gives the rows the
plain rules give. News repeats sentences word for word (background paragraphs, wire copies), and the same
sentence in the same quote state has the same facts in any article; only their resolution in the article's
context is done afresh each time.
"""
from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

# Sentences kept before the cache starts again: enough for the background paragraphs a corpus repeats, and a
# bound on memory for a corpus of distinct sentences.
SIZE = 50_000


class SentenceFactsCache:
    """``sentence_facts`` of the sentences seen so far, by (text, whether the paragraph's opening quote mark was
    blanked, whether a quote is open before it, whether it is a headline).

    The caller makes one and passes it to every ``attribute`` call that should share it (the pipeline: one per
    run). It serves one actors index: given another, it starts again. Once it holds ``size`` sentences it
    starts again too.
    """

    def __init__(self, size: int = SIZE):
        self.size = size
        self.known: dict = {}          # emptied in place, never replaced
        self._actors = None

    def serving(self, actors) -> "SentenceFactsCache":
        """This cache, emptied first if it was filled with another actors index."""
        if actors is not self._actors:
            self.clear()
            self._actors = actors
        return self

    def put(self, key: tuple, facts) -> None:
        if len(self.known) >= self.size:
            self.known.clear()
        self.known[key] = facts

    def clear(self) -> None:
        self.known.clear()

    def __len__(self) -> int:
        return len(self.known)


class _NoPhrases:
    """A phrase finder for a sentence in which the table's scan found none of the phrases."""

    def find(self, text: str) -> list:
        return []


NO_PHRASES = _NoPhrases()


class _NoCitations:
    """The citations of a sentence in which the table's scan found none of the words a citation needs."""

    def may_cite(self, outside: str) -> bool:
        return False


NO_CITATIONS = _NoCitations()


class ChunkFacts:
    """``sentence_facts`` of the sentences of one statement table: from the cache for a sentence seen before;
    else worked by ``compute``, with the verb finders that the table's scan proved would find nothing in it
    replaced by ``NO_PHRASES``, and its citations, if the scan found none of their words, by ``NO_CITATIONS``.

    Args:
        compute: ``analysis.attribution.sentence_facts``.
        finders: its ``Finders``.
        cache: a ``SentenceFactsCache``.
        texts: the texts of the table's statements.
    """

    def __init__(self, compute, finders, cache: SentenceFactsCache, texts: list[str]):
        self.compute = compute
        self.cache = cache.serving(finders.actors)
        self.known = cache.known      # looked up once per statement: the dict itself, not a method around it
        self.no_speech, self.no_position = verb_free_texts(texts, finders)
        self.no_citation = citation_free_texts(texts)
        self.finders = {(skip_speech, skip_position, skip_citations): _narrowed(
                            finders, skip_speech, skip_position, skip_citations)
                        for skip_speech in (False, True) for skip_position in (False, True)
                        for skip_citations in (False, True)}

    def __call__(self, text: str, text_for_quotes: str, inside: bool, is_headline: bool):
        key = (text, text_for_quotes is not text, inside, is_headline)
        facts = self.known.get(key)
        if facts is None:
            finders = self.finders[text in self.no_speech, text in self.no_position, text in self.no_citation]
            facts = self.compute(text, text_for_quotes, inside, is_headline, finders)
            self.cache.put(key, facts)
        return facts


    def with_actors(self, finders, tag, text: str, text_for_quotes: str, inside: bool, is_headline: bool):
        """The facts of a sentence worked with ``finders`` (this table's verbs, more actors: the people an
        article introduces), kept under the sentence's key and ``tag``, which names those of the extra actors
        the sentence holds: the same sentence naming the same people has the same facts in any article."""
        key = (text, text_for_quotes is not text, inside, is_headline, tag)
        facts = self.known.get(key)
        if facts is None:
            facts = self.compute(text, text_for_quotes, inside, is_headline, _narrowed(
                finders, text in self.no_speech, text in self.no_position, text in self.no_citation))
            self.cache.put(key, facts)
        return facts


def _narrowed(finders, skip_speech: bool, skip_position: bool, skip_citations: bool):
    """``finders`` with the finders that the table's scan proved would find nothing in a sentence replaced."""
    return finders._replace(speech=NO_PHRASES if skip_speech else finders.speech,
                            position=NO_PHRASES if skip_position else finders.position,
                            citations=NO_CITATIONS if skip_citations else finders.citations)


# What every citation holds (``analysis.attribution._may_cite``), as found in the whole sentence: a space a quote's
# blanking makes is never between two words that stay, except before "view", looked for without it.
_CITATION_WORDS = "accord|citing|put it|word|world|wd|wld|opinion|view"


def citation_free_texts(texts: list[str]) -> set:
    """The texts in which no citation can be found ("according to", "in X's words" ...): one Arrow (RE2) scan,
    case-insensitive, of the words ``_may_cite`` needs. As for the verbs, İ and the Kelvin sign count as found."""
    array = pa.array(texts, type=pa.large_string())
    may = pc.or_(pc.match_substring_regex(array, _CITATION_WORDS, ignore_case=True),
                 pc.match_substring_regex(array, "[\u0130\u212a]")).to_pylist()
    return {text for text, maybe in zip(texts, may) if not maybe}


def verb_free_texts(texts: list[str], finders) -> tuple[set, set]:
    """The texts in which the speech verbs, and those in which the position verbs, cannot be found: one Arrow
    (RE2) scan of the whole list per verb list, cheaper than asking sentence by sentence.

    RE2 looks for any phrase between non-letters, case-insensitively. Its case folding finds at least what
    Python's ``lower()`` does, and a non-ASCII letter next to a phrase counts as a boundary in RE2 and not in
    the rules: RE2 may find a phrase in vain, never miss one. The two characters whose ``lower()`` is ASCII,
    İ and the Kelvin sign, always count as a phrase found.
    """
    array = pa.array(texts, type=pa.large_string())
    lowers_to_ascii = pc.match_substring_regex(array, "[\u0130\u212a]")
    free = []
    for finder in (finders.speech, finders.position):
        union = "|".join(sorted({re.escape(p.lower()) for p in finder.phrases}, key=lambda p: (-len(p), p)))
        found = pc.match_substring_regex(array, f"(?:^|[^a-z])(?:{union})(?:[^a-z]|$)", ignore_case=True)
        may = pc.or_(found, lowers_to_ascii).to_pylist()
        free.append({text for text, maybe in zip(texts, may) if not maybe})
    return free[0], free[1]
