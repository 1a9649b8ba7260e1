"""Mistakes in the data files a teacher edits: the codebook, the framing cues and the chrome rules.

Every mistake ends in one line naming the file, the entry and the problem (``CodebookError`` for the codebook
and the framing cues, ``CorpusError`` for the chrome rules): never a traceback, never a hang. Each case is
built here in ``tmp_path`` and has a row in ``tests/bad_inputs/README.md`` (``DOCUMENTED_CASES``).

Three kinds of mistake:

- a pattern RE2 cannot run (a look-around, a back-reference) or one that breaks when patterns are joined (an
  inline global flag, a named group): refused when the file is loaded;
- a pattern that backtracks without end in Python's ``re`` (``(a+)+$``): stopped after
  ``analysis.patterns.MATCH_SECONDS`` (2 s) on one statement or paragraph, the error naming the pattern;
  these run in a subprocess with a timeout, so a hang fails the test instead of stalling the suite;
- YAML aliases, deep nesting and values of the wrong type: refused with the file, the line or the entry.
"""
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from analysis.codebook import CodebookError, load_codebook
from analysis.corpus import CorpusError, load_chrome_rules
from analysis.framing import FramingCuesError, load_framing_cues
from yaml_texts import FRAMING_CUES

ROOT = Path(__file__).resolve().parent.parent

CODEBOOK = """version: 1
negation:
  window: 6
  cues: ["not", "no"]
  hedges: ["may"]
  cancels: ["not give up"]
stances:
  - id: treaty_first
    definition: The peace treaty comes first.
    include: ["the treaty comes first"]
    default_holder: russia
    cues:
      - id: treaty_cue
        pattern: 'peace treaty'
        holder: russia
      - id: first_cue
        pattern: 'treaty first'
        note: the order of things
frames:
  - id: economic
    definition: Trade and investment.
    cues:
      - id: trade
        pattern: '\\btrade\\b'
"""

FRAMING = FRAMING_CUES.lstrip("\n")   # the first line holds the version: errors name lines

CHROME = "kind,pattern,why\nline,Share,button\nregex,Photo: .*,credit\n"

# A run of a's followed by something else: (a+)+$ tries every way of splitting the run before it gives up.
RUN = "a" * 40 + ", a"


def write(tmp_path, name, text) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def one_line(err) -> str:
    message = str(err)
    assert "\n" not in message and "Traceback" not in message, message
    return message


# ---------------------------------------------------------------------------- codebook: refused at load

RE2_REASON = "patterns must run in RE2, which matches in linear time"
# The stance's cues as 5 (the cue entries that followed removed).
CUES_AS_FIVE = CODEBOOK.replace(CODEBOOK[CODEBOOK.index("    cues:\n      - id: treaty_cue"):CODEBOOK.index("frames:")],
                                "    cues: 5\n")

CODEBOOK_CASES = [
    # case, (old, new) in CODEBOOK or the whole file, what the message says after the path
    ("codebook_lookaround_cue", ("'peace treaty'", "'(?<!no )peace treaty'"),
     "stance 'treaty_first' cue 'treaty_cue': pattern '(?<!no )peace treaty' is not RE2 syntax "
     "(invalid perl operator: (?<!); " + RE2_REASON),
    ("codebook_backreference_cue", ("'peace treaty'", r"'(\w+) \1 treaty'"),
     r"stance 'treaty_first' cue 'treaty_cue': pattern '(\\w+) \\1 treaty' is not RE2 syntax "
     r"(invalid escape sequence: \1); " + RE2_REASON),
    ("codebook_lookaround_negation", ('cues: ["not", "no"]', 'cues: ["not", "no(?! doubt)"]'),
     "negation cues[2]: pattern 'no(?! doubt)' is not RE2 syntax (invalid perl operator: (?!); "
     + RE2_REASON),
    ("codebook_lookaround_negation", ('hedges: ["may"]', 'hedges: ["(?<=it )may"]'),
     "negation hedges[1]: pattern '(?<=it )may' is not RE2 syntax"),
    ("codebook_inline_global_flag", ("'peace treaty'", "'(?i)peace treaty'"),
     "stance 'treaty_first' cue 'treaty_cue': pattern '(?i)peace treaty' starts with the inline flag (?i), which "
     "would apply to every pattern joined with it: remove it (matching ignores case already"),
    ("codebook_inline_global_flag", ("'treaty first'", "'(?s)treaty.first'"),
     "cue 'first_cue': pattern '(?s)treaty.first' starts with the inline flag (?s), which would apply to every "
     "pattern joined with it: remove it (matching ignores case already; for s or m write (?s:...) around the "
     "part that needs it)"),
    ("codebook_inline_global_flag", ('cues: ["not", "no"]', 'cues: ["not", "(?i)no"]'),
     "negation cues[2]: pattern '(?i)no' starts with the inline flag (?i)"),
    ("codebook_named_group", ("'peace treaty'", "'(?P<x>peace) treaty'"),
     "cue 'treaty_cue': pattern '(?P<x>peace) treaty' has the named group (?P<x>...): group names clash when "
     "patterns are joined; write (?:...) instead"),
    ("codebook_not_a_list", CUES_AS_FIVE, "stance 'treaty_first': cues must be a list of cues, got 5"),
    ("codebook_not_a_list", ('include: ["the treaty comes first"]', "include: 5"),
     "stance 'treaty_first': include must be a list of texts, got 5"),
    ("codebook_not_a_list", ('include: ["the treaty comes first"]', "include: [5, '']"),
     "stance 'treaty_first': include[1] must be a non-empty text in quotes, got 5"),
    ("codebook_not_a_list", ('cues: ["not", "no"]', "cues: 5"),
     "negation: cues must be a list of words in quotes, got 5"),
    ("codebook_not_a_list", ('hedges: ["may"]', "hedges: may"),
     "negation: hedges must be a list of words in quotes, got 'may'"),
    ("codebook_not_a_list", ("      - id: treaty_cue\n", "      - 5\n      - id: treaty_cue\n"),
     "stance 'treaty_first' cue[1]: expected a mapping, got int"),
    ("codebook_empty_negation_cue", ('cues: ["not", "no"]', 'cues: ["not", ""]'),
     "negation cues[2]: must be a non-empty word in quotes, got ''"),
    ("codebook_empty_negation_cue", ('cancels: ["not give up"]', "cancels: [no]"),
     "negation cancels[1]: must be a non-empty word in quotes, got False (YAML reads on/off/yes/no as true/false "
     "unless quoted)"),
    ("codebook_holder_not_a_string", ("        holder: russia", "        holder: [japan]"),
     "stance 'treaty_first' cue 'treaty_cue': holder ['japan'] not in ['both', 'japan', 'russia', 'us']"),
    ("codebook_holder_not_a_string", ("default_holder: russia", "default_holder: {side: russia}"),
     "stance 'treaty_first': default_holder {'side': 'russia'} not in ['both', 'japan', 'russia', 'us']"),
    ("codebook_wrong_type", ("  window: 6", "  window: true"),
     "negation: window must be a non-negative integer, got True"),
    ("codebook_wrong_type", ("        note: the order of things", "        note: [the order]"),
     "stance 'treaty_first' cue 'first_cue': note must be a text, got ['the order']"),
    ("codebook_wrong_type", ("    definition: Trade and investment.", "    definition: [Trade]"),
     "frame 'economic': definition must be a text, got ['Trade']"),
    ("codebook_wrong_type", ("    definition: The peace treaty comes first.",
                             "    definition: The peace treaty comes first.\n    label: {a: b}"),
     "stance 'treaty_first': label must be a text, got {'a': 'b'}"),
    ("codebook_wrong_type", ("    definition: The peace treaty comes first.",
                             "    definition: The peace treaty comes first.\n    examples: [a, b]"),
     "stance 'treaty_first': examples must be a mapping of positive and negative lists, got ['a', 'b']"),
    ("codebook_wrong_type", ("    definition: The peace treaty comes first.",
                             "    definition: The peace treaty comes first.\n    examples: {positive: yes}"),
     "stance 'treaty_first': examples: positive must be a list of texts, got True"),
    ("codebook_wrong_type", ("version: 1", "version: [1]"), "top level: version must be a whole number, got [1]"),
]


@pytest.mark.parametrize("case, change, message", CODEBOOK_CASES,
                         ids=[f"{case}-{n}" for n, (case, _, _) in enumerate(CODEBOOK_CASES)])
def test_codebook_mistake_is_one_line_naming_the_entry(tmp_path, case, change, message):
    text = change if isinstance(change, str) else CODEBOOK.replace(*change)
    assert text != CODEBOOK
    path = write(tmp_path, "codebook.yaml", text)
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert one_line(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)


def test_codebook_named_group_in_two_cues_is_refused_at_load_not_at_tag_time(tmp_path):
    """Each cue compiles alone, but the union the tagger builds of a stance's cues defined the group twice:
    that was a re.error traceback in the middle of tagging."""
    text = (CODEBOOK.replace("'peace treaty'", "'(?P<x>peace) treaty'")
            .replace("'treaty first'", "'(?P<x>treaty) first'"))
    path = write(tmp_path, "codebook.yaml", text)
    with pytest.raises(CodebookError, match=r"cue 'treaty_cue': pattern '\(\?P<x>peace\) treaty' has the named group"):
        load_codebook(path)


def test_text_with_an_unquoted_colon_is_refused_with_the_fix(tmp_path):
    """``- Not this: a denial.`` is a mapping to YAML, not the text a teacher meant: say to quote it."""
    path = write(tmp_path, "codebook.yaml", CODEBOOK.replace('include: ["the treaty comes first"]',
                                                             "include:\n      - Not this: a denial."))
    with pytest.raises(CodebookError, match=r"include\[1\] reads as a mapping because of the ': ' in "
                                            r"'Not this: a denial\.'; put the whole text in quotes"):
        load_codebook(path)
    shipped = load_codebook().stance("territory_first").exclude
    assert shipped[0] == ('Denials that territory is being discussed ("no discussions of a handover"): '
                          "not territory_first.")


def test_every_shipped_pattern_passes_the_new_checks():
    codebook = load_codebook()
    assert len(codebook.cues("stances") + codebook.cues("frames")) == 68   # after the cues of the twelfth real-genre set
    assert load_framing_cues().cues
    assert load_chrome_rules().pattern is not None
    from analysis.patterns import pattern_problem

    for pattern in [c.pattern for c in codebook.cues("stances") + codebook.cues("frames")]:
        assert pattern_problem(pattern) is None, pattern


# ----------------------------------------------------------------------------- YAML: aliases and nesting

# Ten levels of ten aliases each: 10**10 strings once expanded (3.1 GB at nine levels, a MemoryError at ten).
BOMB = "".join(f"    l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]\n" for n in range(1, 11))
ALIAS_BOMB = CODEBOOK.replace("    default_holder: russia\n",
                              "    default_holder: russia\n    examples:\n      positive: &l0 [lol]\n" +
                              BOMB.replace("    l", "      l"))


def test_codebook_alias_bomb_is_refused_at_once(tmp_path):
    path = write(tmp_path, "codebook.yaml", ALIAS_BOMB)
    started = time.monotonic()
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert time.monotonic() - started < 2
    assert one_line(raised.value) == f"{path}: line 14: YAML aliases (*l0) are not allowed in this file"


@pytest.mark.parametrize("text, message", [
    pytest.param(CODEBOOK.replace("definition: Trade and investment.", "definition: &d Trade.\n    label: *d"),
                 "line 22: YAML aliases (*d) are not allowed in this file", id="codebook_yaml_alias"),
    pytest.param(CODEBOOK.replace("stances:\n", "base: &b {definition: x}\nstances:\n")
                 .replace("    definition: The peace treaty comes first.\n", "    <<: *b\n"),
                 "line 10: YAML aliases (*b) are not allowed in this file", id="codebook_yaml_alias-merge_key"),
    pytest.param("[" * 3000 + "]" * 3000, "line 1: nested more than 100 levels deep", id="codebook_nested_too_deep"),
    pytest.param("stances:\n" + "  " * 150 + "- " * 150 + "x\n", "line 2: nested more than 100 levels deep",
                 id="codebook_nested_too_deep-block"),
])
def test_codebook_yaml_structure_mistakes(tmp_path, text, message):
    path = write(tmp_path, "codebook.yaml", text)
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert one_line(raised.value) == f"{path}: {message}"


def test_framing_cues_share_the_yaml_checks_and_the_codebook_error(tmp_path):
    path = write(tmp_path, "cues.yaml", FRAMING.replace('["with", "on"]', '&w ["with", "on"]')
                 .replace('["to"]', "*w"))
    with pytest.raises(FramingCuesError) as raised:
        load_framing_cues(path)
    assert one_line(raised.value) == f"{path}: line 4: YAML aliases (*w) are not allowed in this file"
    assert isinstance(raised.value, CodebookError)   # what the command line reports as one line
    path = write(tmp_path, "deep.yaml", "[" * 3000)
    with pytest.raises(CodebookError, match=r"deep\.yaml: line 1: nested more than 100 levels deep"):
        load_framing_cues(path)


# --------------------------------------------------------------------------- framing cues: refused at load

@pytest.mark.parametrize("change, message", [
    pytest.param(("'\\bhinders\\b'", "'(?<!not )hinders'"),
                 "cue 'hinder': pattern '(?<!not )hinders' is not RE2 syntax (invalid perl operator: (?<!); "
                 + RE2_REASON, id="framing_lookaround_cue"),
    pytest.param(("'\\bhinders\\b'", "'(?i)hinders'"),
                 "cue 'hinder': pattern '(?i)hinders' starts with the inline flag (?i)",
                 id="framing_inline_global_flag"),
])
def test_framing_cue_mistake_is_one_line_naming_the_cue(tmp_path, change, message):
    path = write(tmp_path, "cues.yaml", FRAMING.replace(*change))
    with pytest.raises(CodebookError) as raised:
        load_framing_cues(path)
    assert one_line(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)


# ----------------------------------------------------------------------------- chrome rules: refused at load

@pytest.mark.parametrize("rows, message", [
    pytest.param("regex,(?<!x)Share this,widget\n",
                 "row 4: pattern '(?<!x)Share this' is not RE2 syntax (invalid perl operator: (?<!); " + RE2_REASON,
                 id="chrome_lookaround_regex"),
    pytest.param("regex,(?i)x,widget\n", "row 4: pattern '(?i)x' starts with the inline flag (?i)",
                 id="chrome_inline_global_flag"),
    pytest.param("regex,(?P<n>\\d+) pages,gallery\nregex,(?P<n>\\d+) photos,gallery\n",
                 "row 4: pattern '(?P<n>\\\\d+) pages' has the named group (?P<n>...)", id="chrome_named_group"),
])
def test_chrome_rule_mistake_is_one_line_naming_the_row(tmp_path, rows, message):
    path = write(tmp_path, "chrome_rules.csv", CHROME + rows)
    with pytest.raises(CorpusError) as raised:
        load_chrome_rules(path)
    assert one_line(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)


# ----------------------------------------------------------------- backtracking: stopped, naming the pattern

def run_python(script: str, *args, timeout: float = 60) -> tuple[str, float]:
    """Run ``script`` in a fresh interpreter from the repository root; its stdout and the seconds it took.
    A hang is a failed test (TimeoutExpired), not a stalled suite."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip(), time.monotonic() - started


TAG = """
import sys
from analysis.codebook import load_codebook
from analysis.stance import CodebookTagger
try:
    CodebookTagger(load_codebook(sys.argv[1])).tag_texts(sys.argv[2:])
    print("no error")
except Exception as err:
    print(type(err).__name__ + ": " + str(err))
"""

SLOW = "; the pattern backtracks (nested repetition such as (a+)+); rewrite it"


def test_backtracking_cue_stops_within_seconds_naming_the_cue(tmp_path):
    path = write(tmp_path, "codebook.yaml", CODEBOOK.replace("'treaty first'", "'(a+)+$'"))
    out, seconds = run_python(TAG, path, "The peace treaty comes first.", RUN)
    assert out == (f"CodebookError: {path}: stance 'treaty_first' cue 'first_cue': matching took over "
                   f"2 s on one statement" + SLOW)
    assert seconds < 20


def test_backtracking_negation_cue_stops_naming_the_word(tmp_path):
    """Negators are searched in every statement with a cue: a runaway one is named, not the cue."""
    path = write(tmp_path, "codebook.yaml", CODEBOOK.replace('cues: ["not", "no"]', 'cues: ["not", "(a+)+$"]'))
    out, seconds = run_python(TAG, path, RUN + " peace treaty")
    assert out == (f"CodebookError: {path}: negation cues[2] '(a+)+$': matching took over "
                   f"2 s on one statement" + SLOW)
    assert seconds < 20


def test_backtracking_framing_cue_stops_naming_the_cue(tmp_path):
    path = write(tmp_path, "cues.yaml", FRAMING.replace("'\\bhinders\\b'", "'(a+)+$'"))
    out, seconds = run_python("""
        import sys
        from analysis.framing import find_blame, load_framing_cues
        try:
            find_blame(sys.argv[2], cues=load_framing_cues(sys.argv[1]))
            print("no error")
        except Exception as err:
            print(type(err).__name__ + ": " + str(err))
        """, path, RUN)
    assert out == (f"FramingCuesError: {path}: cue 'hinder': matching took over 2 s on "
                   "one statement" + SLOW)
    assert seconds < 20


def test_backtracking_chrome_regex_stops_naming_the_row(tmp_path):
    rules = write(tmp_path, "chrome_rules.csv", CHROME + "regex,(a+)+$,a teacher's mistake\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", f"Talks on the islands\n\n{'a' * 40}.\n")
    out, seconds = run_python("""
        import sys
        from analysis.corpus import load_chrome_rules, load_corpus
        try:
            load_corpus(sys.argv[2], rules=load_chrome_rules(sys.argv[1]))
            print("no error")
        except Exception as err:
            print(type(err).__name__ + ": " + str(err))
        """, rules, corpus)
    assert out == (f"CorpusError: {rules}: row 4: matching took over 2 s on one "
                   "paragraph" + SLOW)
    assert seconds < 20


# ------------------------------------------------------------------------------------- the clock itself

@pytest.fixture
def own_alarm():
    """SIGALRM as these tests find it, without the handler that loading a corpus in an earlier test may have
    left for up to MATCH_SECONDS (``ChromeRules.is_chrome`` has no ``with`` to give it back at once)."""
    from analysis.patterns import release_alarm

    release_alarm()


def test_clock_restores_the_previous_handler_and_timer(monkeypatch, own_alarm):
    import re

    from analysis import patterns

    monkeypatch.setattr(patterns, "MATCH_SECONDS", 0.2)
    rang = []
    previous = signal.signal(signal.SIGALRM, lambda *_: rang.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 50)
        clock = patterns.MatchClock("rules.csv", CorpusError, "paragraph")
        with pytest.raises(patterns.PatternTimeout):
            with clock:
                clock.arm("row 2")
                re.compile(r"(a+)+$").search("a" * 32 + "b")
        assert signal.getsignal(signal.SIGALRM) is not patterns._ring
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 45 < left <= 50
        # Armed and never released by a `with`: the alarm gives itself back once nothing is being matched.
        clock.arm("row 2")
        clock.disarm()
        assert signal.getsignal(signal.SIGALRM) is patterns._ring
        time.sleep(0.5)
        assert signal.getsignal(signal.SIGALRM) is not patterns._ring
        assert 45 < signal.getitimer(signal.ITIMER_REAL)[0] <= 50
        assert rang == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_clock_does_nothing_outside_the_main_thread(own_alarm):
    """Dask tags on threads; signals are the main thread's only, so there the clock stays out of the way."""
    from analysis import patterns
    from analysis.stance import CodebookTagger

    before = signal.getsignal(signal.SIGALRM)
    results = []

    def work():
        clock = patterns.MatchClock("x", CodebookError, "statement")
        with clock:
            clock.arm("cue 'x'")
        results.append(CodebookTagger().tag_texts(["Russia will never give up the islands."])[0]["stances"])

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert results == [["sovereignty_non_negotiable"]]
    assert signal.getsignal(signal.SIGALRM) is before


def test_clock_times_the_matching_not_the_rest(monkeypatch, own_alarm):
    """5,000 matches of one cue in one statement: the regexes take a quarter of a second, sorting out the
    overlaps (``_longest``, quadratic) about two seconds, which is no pattern's fault."""
    from analysis import patterns
    from analysis.stance import CodebookTagger

    monkeypatch.setattr(patterns, "MATCH_SECONDS", 0.6)
    tagger = CodebookTagger()
    started = time.monotonic()
    [tagged] = tagger.tag_texts(["Russia will never give up the islands, " * 5000])
    assert time.monotonic() - started > 0.6
    assert tagged["stances"] == ["sovereignty_non_negotiable"] and len(tagged["evidence"]) == 5000


def test_scan_without_re2_is_timed_too(tmp_path, monkeypatch, own_alarm):
    """A union of cues too large for RE2's memory is scanned with Python's re, row by row, also timed."""
    from analysis import patterns, stance
    from analysis._fast import cue_scan

    monkeypatch.setattr(patterns, "MATCH_SECONDS", 0.3)
    monkeypatch.setattr(cue_scan, "re2_ready", lambda pattern: False)
    path = write(tmp_path, "codebook.yaml", CODEBOOK.replace("'\\btrade\\b'", "'(a+)+$'"))
    tagger = stance.CodebookTagger(load_codebook(path))
    with pytest.raises(CodebookError) as raised:
        tagger.tag_texts(["Trade first.", "a" * 28 + ", a"])
    assert one_line(raised.value) == (f"{path}: frame 'economic' cue 'trade': matching took over 0.3 s on one "
                                      "statement" + SLOW)


def test_match_cue_is_timed_too(tmp_path, monkeypatch, own_alarm):
    """``CodebookTagger.match_cue``, one cue on one text (notebooks use it), runs under the clock as well."""
    from analysis import patterns
    from analysis.stance import CodebookTagger

    monkeypatch.setattr(patterns, "MATCH_SECONDS", 0.3)
    path = write(tmp_path, "codebook.yaml", CODEBOOK.replace("'treaty first'", "'(a+)+$'"))
    tagger = CodebookTagger(load_codebook(path))
    [cue] = [c for c in tagger.codebook.cues() if c.id == "first_cue"]
    with pytest.raises(CodebookError, match=r"stance 'treaty_first' cue 'first_cue': matching took over 0\.3 s"):
        tagger.match_cue(cue, "a" * 28 + ", a")


def test_tagging_leaves_no_alarm_behind(own_alarm):
    from analysis.stance import CodebookTagger

    before = signal.getsignal(signal.SIGALRM)
    tagger = CodebookTagger()
    assert tagger.tag_texts(["Russia will never give up the islands."])[0]["stances"] == ["sovereignty_non_negotiable"]
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# ------------------------------------------------------------------------------------------- the table

CASES = ({c[0] for c in CODEBOOK_CASES} | {
    "codebook_alias_bomb", "codebook_yaml_alias", "codebook_nested_too_deep", "framing_yaml_alias",
    "framing_lookaround_cue", "framing_inline_global_flag", "chrome_lookaround_regex", "chrome_inline_global_flag",
    "chrome_named_group", "codebook_backtracking_cue", "codebook_backtracking_negation",
    "framing_backtracking_cue", "chrome_backtracking_regex", "codebook_unquoted_colon_in_a_text"})
DOCUMENTED_CASES = {
    "codebook_lookaround_cue", "codebook_backreference_cue", "codebook_lookaround_negation",
    "codebook_inline_global_flag", "codebook_named_group", "codebook_not_a_list", "codebook_empty_negation_cue",
    "codebook_holder_not_a_string", "codebook_wrong_type", "codebook_alias_bomb", "codebook_yaml_alias",
    "codebook_nested_too_deep", "framing_yaml_alias", "framing_lookaround_cue", "framing_inline_global_flag",
    "chrome_lookaround_regex", "chrome_inline_global_flag", "chrome_named_group", "codebook_backtracking_cue",
    "codebook_backtracking_negation", "framing_backtracking_cue", "chrome_backtracking_regex",
    "codebook_unquoted_colon_in_a_text"}


def test_every_case_is_documented():
    assert CASES == DOCUMENTED_CASES
