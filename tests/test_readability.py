"""RDB rules and the reading grade: hard copy flagged, plain copy clean, offline (issue 6)."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from linter.config import Config
from linter.readability import cmu_syllables, document_grade, readability, syllables
from tests.rule_tester import Case, lint, registry, run_table

# A plain local story, about grade 3: short sentences, short words.
PLAIN = """By Lena Marsh
March 3, 2026

The new bus line will start on Monday. It will run from the train station to the
hospital. Buses will come every ten minutes from 6 a.m. to 10 p.m.

The ride will cost $2. Kids under 5 ride free. "We want people to get to work and to
the doctor on time," said Ray Cole, who runs the city bus service.

The city paid for six new buses with a state grant. Each bus has room for 40 people
and two bikes. Drivers were hired last month, the city said.
"""

# Dense institutional copy, far above grade 10 (each sentence under 30 words).
HARD = "\n\n".join([
    "The municipal administration's comprehensive reconsideration of infrastructure appropriations "
    'necessitates substantial organizational modifications.',
    'Departmental representatives characterized the preliminary evaluation as fundamentally inconclusive,'
    ' notwithstanding considerable investigative documentation.',
    'Consequently, intergovernmental negotiations regarding supplementary authorization remain '
    'indeterminate, and municipal beneficiaries anticipate prolonged administrative uncertainty.',
    'Environmental considerations, particularly hydrological vulnerability and atmospheric deterioration,'
    ' complicate the jurisdictional prioritization of transportation rehabilitation initiatives.',
    'Institutional stakeholders emphasized that responsible fiscal stewardship demands rigorous '
    'methodological transparency throughout the deliberative procurement evaluation.',
    'Nevertheless, organizational representatives acknowledged that bureaucratic complexity substantially'
    ' diminishes the administrative accessibility of essential governmental communications.',
    "Additionally, the comptroller's preliminary assessment identified considerable discrepancies between"
    ' anticipated expenditures and authorized departmental allocations.',
    'Municipal authorities subsequently indicated that comprehensive legislative reauthorization would '
    'necessitate extraordinary intergovernmental coordination and supplementary appropriations.',
]) + "\n"

LONG = ("The council, which met for the fourth time this year in the old library after a long fight over "
        "the budget, the bus routes and the price of parking downtown, voted late on Monday to delay the plan.")
assert len(LONG.split()) == 38


# -- the grade ------------------------------------------------------------------------------------

def _doc(text, path="story.txt"):
    from linter.runner import Linter

    return Linter(registry()).read_document(text, path, Config())


def test_grades_plain_and_hard_copy():
    plain, hard = document_grade(_doc(PLAIN)), document_grade(_doc(HARD))
    assert plain is not None and plain < 6, plain
    assert hard is not None and hard > 18, hard
    assert round(hard, 1) == hard  # one decimal, as `inspect` shows it
    scores = readability(_doc(HARD)).scores
    assert set(scores) == {"Flesch-Kincaid", "Coleman-Liau", "ARI"}


def test_what_counts_as_prose():
    r = readability(_doc(PLAIN))
    counted = " ".join(" ".join(s.words) for s in r.sentences)
    assert "Lena" not in counted  # byline
    assert "2026" not in counted  # a line that is only a date
    assert "doctor" not in counted  # a sentence that is mostly quotation
    assert r.sentences[0].words[:3] == ("The", "new", "bus")
    # a dateline is not part of the first sentence's words
    dated = readability(_doc("RIVERTON, Ohio — The mayor opened the new bridge on Monday.\n")).sentences
    assert dated[0].words[0] == "The", dated[0].words
    # headlines and list items are not prose
    md = readability(_doc("# Council Votes To Delay Plan For The Old Bus Station\n\n- one item here\n- and another\n\n"
                          "The council voted to wait.\n", "story.md"))
    assert [s.words for s in md.sentences] == [("The", "council", "voted", "to", "wait")]


def test_no_prose_no_grade():
    assert document_grade(_doc("# Just A Headline\n", "story.md")) is None


def test_grade_computed_once_per_document():
    doc = _doc(HARD)
    assert readability(doc) is readability(doc)


def test_syllables_from_the_dictionary_and_estimates():
    assert [syllables(w) for w in ("cat", "banana", "utilize", "readability", "Trump’s", "U.S")] == [1, 3, 3, 5, 1, 2]
    assert cmu_syllables("sheinbaum") is None and syllables("Sheinbaum") == 2  # estimated: vowel groups
    assert syllables("Mexico-led") == 4 and syllables("40,000") == 1
    assert cmu_syllables("zywicki") == 3 and cmu_syllables("'bout") == 1  # the file's last and first words


def test_textstat_never_loads_its_dictionary():
    import textstat

    readability(_doc(HARD))
    get_cmudict = getattr(getattr(textstat.backend.utils, "_get_cmudict", None), "get_cmudict", None)
    if get_cmudict is None or not hasattr(get_cmudict, "cache_info"):
        pytest.skip("this textstat has no cached get_cmudict to inspect")
    assert get_cmudict.cache_info().currsize == 0



# Words textstat's regular expressions treat specially: contractions (typographic and straight),
# possessives, hyphens, inner periods, numbers with commas and decimals, non-ASCII letters, and
# sentences of one and two words, which textstat does not count as sentences.
TRICKY = """The U.S. economy grew 3.5 percent, the agency’s report said on Monday at 10 a.m. in Zürich.

Yes. He left. Officials didn't say why 40,000 well-known São Paulo workers' jobs weren’t counted.

It’s the mayor’s rock-and-roll year: she'd planned a 1,200-seat hall, the city’s third.
"""


def _textstat_scores(sentences):
    """The grades as textstat 0.7.x itself computes them from the text it would be given."""
    import textstat

    text = " ".join(" ".join(w.replace(".", "").replace("’", "'") for w in s.words) + "." for s in sentences)
    per_word = sum(s.syllables for s in sentences) / sum(len(s.words) for s in sentences)
    return {"Flesch-Kincaid": 0.39 * textstat.words_per_sentence(text) + 11.8 * per_word - 15.59,
            "Coleman-Liau": textstat.coleman_liau_index(text),
            "ARI": textstat.automated_readability_index(text)}


@pytest.mark.parametrize("text", [TRICKY, PLAIN, HARD, LONG, "Yes. No.", "It rained."])
def test_grades_are_textstats_bit_for_bit(text):
    from linter.readability import grades

    sentences = readability(_doc(text)).sentences
    assert sentences
    assert grades(sentences) == _textstat_scores(sentences)
    for block in {s.block for s in sentences}:  # paragraph grades too
        group = [s for s in sentences if s.block == block]
        assert grades(group) == _textstat_scores(group)


@pytest.mark.parametrize("text", [TRICKY, PLAIN, HARD, "Yes. No.\n\nIt rained on the town all day."])
def test_document_and_paragraph_grades_add_up_paragraph_counts(text):
    """`readability` counts once per paragraph; that must give what `grades` gives per sentence."""
    from linter.readability import grades

    r = readability(_doc(text))
    assert r.scores == {k: round(v, 1) for k, v in grades(r.sentences).items()}
    assert r.grade == round(sum(grades(r.sentences).values()) / 3, 1)
    assert r.words == sum(len(s.words) for s in r.sentences)
    assert [p.block for p in r.paragraphs] == sorted({s.block for s in r.sentences})
    for p in r.paragraphs:
        group = [s for s in r.sentences if s.block == p.block]
        assert p.words == sum(len(s.words) for s in group)
        assert p.grade == round(sum(grades(group).values()) / 3, 1)


def test_word_pattern():
    from linter.readability import WORD

    # one joiner between letters or digits: "U.S.-made" is "U.S" and "made"
    text = "Call 555-0100, ext. 4_2 or 1,2 and a,b: it’s 3.5, U.S.-made, 40,000 rock-and-roll—'bout it."
    assert WORD.findall(text) == ["Call", "555-0100", "ext", "4", "2", "or", "1,2", "and", "a", "b", "it’s", "3.5",
                                  "U.S", "made", "40,000", "rock-and-roll", "bout", "it"]
    plain = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+|(?<=\d),(?=\d)[^\W_]+)*")  # the pattern, written plainly
    for sample in (text, TRICKY, PLAIN, HARD, "1,2,3 a,1 1,a 1,,2 2,-3 x’’y o'-k ’90s 4.-5 -6 ,7 8,"):
        assert WORD.findall(sample) == plain.findall(sample)


# Quotations at a sentence's start, middle and end, two in one sentence, one across sentences,
# and an interview's answers, which start and end in a letter or a period, characters a word
# can hold: those are split word by word.
QUOTED = [
    "“We will build it,” the mayor said of the bridge on Monday, “and we will build it soon.”",
    "The group, known as the “Friends of the River,” sued the city and the county on Monday.",
    "He said \"fine\" and then \"no\" before the council voted to approve the plan today.",
    "“The plan is late. It is over budget. It is not safe,” said Ana Ruiz, who leads the group.",
    "Q: Will the bridge open? A: We hope so, the mayor said.\n\nQ: When? A: In May, if the weather holds.",
]


@pytest.mark.parametrize("text", QUOTED)
def test_quoted_words_are_those_in_quote_finds(text):
    from linter.readability import WORD, _unquoted_words, _unquoted_words_one_by_one

    doc = _doc(text)
    quotes = doc.quotes
    assert quotes
    starts = [q.start for q in quotes]
    for s in doc.sentences:
        found = list(WORD.finditer(doc.prose, s.start, s.end))
        expected = ([m.group() for m in found if not doc.in_quote(m.start(), m.end())], len(found))
        last = sum(1 for q in quotes if q.start < s.end) - 1
        if last < 0 or quotes[last].end <= s.start:
            continue
        assert _unquoted_words(doc.prose, s.start, s.end, quotes, starts, last) == expected
        assert _unquoted_words_one_by_one(doc.prose, s.start, s.end, quotes, starts, last) == expected


# -- RDB101 reading grade -------------------------------------------------------------------------

def test_rdb101_reading_grade():
    run_table("RDB101", [PLAIN, Case(HARD, options={"target-grade": 45}), Case(HARD, options={"min-words": 500})],
              [Case(HARD, [(1, 1, "RDB101")])])
    (f,) = lint(HARD, "RDB101")
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 1, 1, 1)
    assert "above the target of grade 10" in f.message and "Flesch-Kincaid" in f.message
    assert "hardest paragraphs at lines " in f.message
    lines = [int(x) for x in f.message.split("at lines ")[1].split(":")[0].split(", ")]
    assert len(lines) == 3 and set(lines) <= {1, 3, 5, 7, 9, 11, 13, 15}
    (f,) = lint(HARD, "RDB101", options={"RDB101": {"target-grade": 12}})
    assert "target of grade 12" in f.message


# -- RDB102 hard paragraph ------------------------------------------------------------------------

def test_rdb102_hard_paragraph():
    dense = ("The commission's determination regarding prospective implementation of comprehensive regulatory "
             "modifications remains indeterminate, notwithstanding considerable institutional deliberation.")
    run_table("RDB102", [PLAIN, LONG, Case(dense + " " + dense, options={"above-target": 30})],
              [Case("The council met.\n\n" + dense + " " + dense + "\n", [(3, 1, "RDB102")])])


# -- RDB201 long sentence -------------------------------------------------------------------------

def test_rdb201_long_sentence_lines_in_every_format():
    run_table("RDB201", [
        PLAIN,
        HARD,
        Case(LONG, options={"max-words": 40}),
        # mostly quotation: the source's words, not the writer's
        "“" + LONG[:-1] + ",” Ana Ruiz said.",
        # the dateline's words do not count: 28 words after it
        "RIVERTON, Ohio — " + " ".join(["word"] * 27) + " end.",
        # a headline or a list item is not a prose sentence
        Case("# " + LONG.rstrip(".") + "\n\nThe council met.\n", path="story.md"),
        Case("- " + LONG + "\n- The council met.\n", path="story.md"),
    ], [
        Case(LONG, [(1, 1, "RDB201")]),
        Case("The council met.\n\nIt voted.\n\n" + LONG + "\n", [(5, 1, "RDB201")]),
        Case("---\ntitle: Vote\n---\n\n# Delay\n\nThe council met. " + LONG + "\n", [(7, 18, "RDB201")], path="story.md"),
        Case("<html><body><h1>Delay</h1>\n<p>The council met.</p>\n<p>\n  " + LONG + "</p></body></html>",
             [(4, 3, "RDB201")], path="story.html"),
        Case(" ".join(["word"] * 31) + ".", [(1, 1, "RDB201")]),
        Case(LONG, [(1, 1, "RDB201")], options={"max-words": 37}),
    ])
    (f,) = lint(LONG, "RDB201")
    assert f.message.startswith("Sentence of 38 words is longer than 30")
    assert lint(" ".join(["word"] * 30) + ".", "RDB201") == []  # exactly the limit passes


# -- RDB301 plain words ---------------------------------------------------------------------------

def test_rdb301_plain_words():
    run_table("RDB301", [
        PLAIN,
        "The commencement speech was short.",  # not "commence"
        "He had two prior convictions.",  # "prior" alone is plain
        "“We will utilize every tool,” the chief said.",  # a quotation is the source's wording
        Case("The city will utilize the grant.", options={"allowed-phrases": ["utilize"]}),
        "The order came on Monday.",
    ], [
        Case("The city will utilize the grant.", [(1, 15, "RDB301", "utilize")]),
        Case("Work will commence in May in order to finish by fall.",
             [(1, 11, "RDB301", "commence"), (1, 27, "RDB301", "in order to")]),
        Case("Prior to the vote, the board met.", [(1, 1, "RDB301", "Prior to")]),
        Case("They met in order\nto talk.", [(1, 10, "RDB301", "in order\nto")]),
        Case("Crews will endeavor to finish.", [(1, 12, "RDB301", "endeavor to")],
             options={"plain-words": {"endeavor to": "try to"}}),
    ])
    f = lint("Prior to the vote, the board met.", "RDB301")[0]
    assert f.message == "Plain language: write 'before' instead of 'Prior to'"
    assert f.fix is not None and f.fix.replacement == "Before" and (f.fix.column, f.fix.end_column) == (1, 9)
    f = lint("Crews will endeavor to finish.", "RDB301", options={"RDB301": {"plain-words": {"endeavor to": "try to"}}})[0]
    assert "'try to'" in f.message and f.fix.replacement == "try to"


def test_rdb301_newsroom_phrases_are_words_not_patterns():
    assert lint("Prices rose (a lot) this year.", "RDB301", options={"RDB301": {"plain-words": {"(a lot)": "much"}}})
    assert not lint("Prices rose a lot this year.", "RDB301", options={"RDB301": {"plain-words": {"(a lot)": "much"}}})



def test_rdb301_where_the_phrases_are_looked_for():
    # RDB301 tries its pattern only where a phrase starts in the lower-cased text; these are the
    # places that could go wrong: capitals, a phrase across lines or at a block's edge, after a
    # bracket or a quotation mark, twice in a row, and text whose lower case does not line up with
    # it (a dotless ı elsewhere in the story), where every block is scanned.
    run_table("RDB301", [
        "The prior owner sold it to the city.",  # "prior" without "to"
        "It is a matter of fact that the order was late.",  # words of phrases, not the phrases
        "The preorder to the store came on Monday.",  # not at a word's start
    ], [
        Case("PRIOR TO the vote, the board met.", [(1, 1, "RDB301", "PRIOR TO")]),
        Case("The board met.\n\nPrior\tto the vote, it ate.", [(3, 1, "RDB301", "Prior\tto")]),
        Case("They met (in order to talk) and ‘utilized’ the time.",
             [(1, 11, "RDB301", "in order to"), (1, 34, "RDB301", "utilized")]),
        Case("Prior to prior to the vote, they met.", [(1, 1, "RDB301", "Prior to"), (1, 10, "RDB301", "prior to")]),
        Case("Kadıköy officials will utilize the ferry.", [(1, 24, "RDB301", "utilize")]),
        Case("Meals are sold à la carte there.", [(1, 16, "RDB301", "à la carte")],
             options={"plain-words": {"à la carte": "separately"}}),
    ])



def test_plain_words_are_lower_case_words_not_patterns():
    # RDB301 looks for its phrases as lower-case words before it runs its pattern
    from rules.readability import PLAIN_WORDS

    for phrase in PLAIN_WORDS:
        assert phrase == " ".join(phrase.lower().split()), phrase
        assert not any(c in phrase for c in "\\[](){}|?*+^$"), phrase  # PhraseRule would read it as a pattern


# -- the command, offline -------------------------------------------------------------------------

def _copydesk():
    exe = shutil.which("copydesk")
    return [exe] if exe else [sys.executable, "-m", "linter"]


def _offline_prefix():
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n"]
    return None


def test_check_runs_with_no_network(tmp_path):
    prefix = _offline_prefix()
    if prefix is None:
        pytest.skip("cannot drop the network here (unshare -n)")
    story = tmp_path / "hard.txt"
    story.write_text(HARD + "\n" + LONG + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env["HOME"] = str(tmp_path)  # no nltk_data or caches from the developer's home
    p = subprocess.run(prefix + _copydesk() + ["check", "--format", "json", "--select", "RDB", str(story)],
                       capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 1, p.stderr
    codes = {(f["line"], f["code"]) for f in json.loads(p.stdout)}
    assert (1, "RDB101") in codes and (17, "RDB201") in codes, codes
    assert not any(w in p.stderr.lower() for w in ("nltk", "download", "traceback", "urlopen")), p.stderr


SEED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "samples", "content-farm-seed.txt")


@pytest.mark.skipif(not os.path.exists(SEED), reason="../shared is not here")
def test_seed_sample():
    with open(SEED, encoding="utf-8") as fh:
        found = lint(fh.read(), "RDB")
    assert ("RDB101", 1) in {(f.code, f.line) for f in found}
    long_lines = {f.line for f in found if f.code == "RDB201"}
    # lines 37 and 49 (32 and 34 words); line 13 has 32 words too, counted by hand ("U.S." is one word)
    assert {37, 49} <= long_lines <= {13, 37, 49}


@pytest.fixture
def syllable_index(tmp_path, monkeypatch):
    """The whole-dictionary index, stored under tmp_path; the module's state put back afterwards."""
    import linter.patterns as P
    import linter.readability as R

    monkeypatch.setattr(P, "store_dirs", lambda: [str(tmp_path)])
    monkeypatch.setattr(R, "_INDEX", None)
    monkeypatch.setattr(R, "_UNSORTED", [])
    monkeypatch.setattr(R, "_UNSORTED_STARTS", ())
    monkeypatch.setattr(R, "_searches", 0)
    R.cmu_syllables.cache_clear()
    yield R
    R.cmu_syllables.cache_clear()


WORDS = ["the", "readability", "u.s.", "stilton", "stilted", "stilts", "sepulveda", "sepultura", "sepulchre",
         "zzzqx", "a", "cafe", "don't", "abbreviation", "nonexistentword"]


def test_the_syllable_index_answers_as_the_search_does(syllable_index):
    R = syllable_index
    searched = {w: R._search_syllables(w) for w in WORDS}
    assert searched["readability"] == 5 and searched["the"] == 1 and searched["zzzqx"] is None  # by hand
    R.load_syllable_index()
    assert R._INDEX is not None and ("stilted", "stilton") in R._UNSORTED  # the file's out-of-order pair
    assert {w: R.cmu_syllables(w) for w in WORDS} == searched


def test_a_word_between_an_out_of_order_pair_starts_with_their_shared_start(syllable_index):
    R = syllable_index
    R.load_syllable_index()
    assert R._UNSORTED_STARTS == tuple(os.path.commonprefix(p) for p in R._UNSORTED)
    for word in WORDS + ["stilt", "stilte", "stiltoo", "sepulv", "sepulz", "sep", "st", "", "tilton"]:
        between = any(low <= word <= high for low, high in R._UNSORTED)
        assert R._near_unsorted(word) == between, word
        if between:
            assert word.startswith(R._UNSORTED_STARTS), word


def test_the_syllable_index_is_stored_and_a_damaged_one_rebuilt(syllable_index, tmp_path):
    R = syllable_index
    R.load_syllable_index()
    (stored,) = [p for p in tmp_path.iterdir() if p.name.startswith("copydesk-syllables-")]
    stored.write_bytes(b"\x00garbage")
    R._INDEX = None
    R.load_syllable_index()
    assert R._INDEX["readability"] == 5
    assert stored.stat().st_size > 1_000_000  # rewritten whole


def test_a_parallel_run_prepares_the_index_once_before_forking(syllable_index, tmp_path):
    from linter.plugins import load_registry
    from linter.runner import PARALLEL_MIN_FILES, Linter

    folder = tmp_path / "stories"
    folder.mkdir()
    paths = []
    for i in range(PARALLEL_MIN_FILES):
        p = folder / f"s{i}.txt"
        p.write_text("The council voted to approve the budget on Tuesday, officials said.\n", encoding="utf-8")
        paths.append(str(p))
    serial = Linter(load_registry(), select=["RDB"]).lint_paths(paths, jobs=1)
    assert syllable_index._INDEX is None  # one process: the binary search is enough
    parallel = Linter(load_registry(), select=["RDB"]).lint_paths(paths, jobs=2)
    assert syllable_index._INDEX is not None
    assert [r.findings for r in parallel] == [r.findings for r in serial]


def test_a_process_that_meets_many_new_words_loads_the_index(syllable_index, monkeypatch):
    R = syllable_index
    monkeypatch.setattr(R, "_SEARCHES_BEFORE_INDEX", 3)
    answers = [R.cmu_syllables(w) for w in ("the", "readability")]
    assert R._INDEX is None  # two searches so far
    answers += [R.cmu_syllables(w) for w in ("stilton", "zzzqx", "cafe")]
    assert R._INDEX is not None
    assert answers == [R._search_syllables(w) for w in ("the", "readability", "stilton", "zzzqx", "cafe")]
