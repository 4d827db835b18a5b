"""SRC's fast paths (issue 8) decide exactly what the plain ones would.

The keyword pre-filter answers for every sentence at once from the sentence's words; it
must pick the same sentences as a search of each lower-cased sentence, whatever the
sentence boundaries cut and whichever characters lower-case oddly. Documents it cannot
handle ("İ", final "Σ", long "ſ") take the plain path, with the same findings.
"""

from __future__ import annotations

import random

from linter import scan
from linter.document import Document
from linter.sentences import Sentence
from rules import sourcing
from tests.rule_tester import lint


class _Doc:
    """Just what the pre-filter reads: the prose, its lower-cased copy and its sentences."""

    lower_prose = Document.__dict__["lower_prose"]  # the real Document's, computed the same way

    def __init__(self, prose: str, sentences: list[Sentence]):
        self.prose = prose
        self.sentences = sentences


def _searched(keywords, doc) -> list[int]:
    return [i for i, s in enumerate(doc.sentences) if keywords.search(doc.prose, s.start, s.end)]


def _every_filter():
    filters = list(sourcing._REGISTERED)
    filters.append(sourcing._keywords(("activists", "u.s. officials"), register=False))
    return filters


WORDS = ("Sources said the mayor’s insiders, critics and officials were briefed; a resident (one customer) "
         "reportedly thought studies showed it is believed widely regarded. SOURCES CRITICS Reportedly "
         "resources closed acknowledged unsaid someone almost people familiar with knowledge").split()


def test_filters_pick_the_sentences_a_search_of_each_would():
    rng = random.Random(8)
    for _ in range(300):
        prose = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40)))
        # sentences anywhere, also inside words and with gaps between them
        cuts = sorted({0, len(prose), *(rng.randrange(len(prose) + 1) for _ in range(rng.randint(0, 6)))})
        sentences = [Sentence(a + (1 if rng.random() < 0.3 and a < b else 0), b, 0)
                     for a, b in zip(cuts, cuts[1:], strict=False) if a < b]
        doc = _Doc(prose, sentences)
        assert sourcing._lower_prose(doc) is not None
        for keywords in _every_filter():
            assert keywords.sentences(doc) == _searched(keywords, doc), (prose, sentences)


def test_odd_lower_casing_takes_the_plain_path():
    for odd in ("İstanbul", "ΟΔΟΣ", "ſources"):
        prose = f"Sources said {odd} officials were briefed. Critics say studies show it."
        doc = _Doc(prose, [Sentence(0, 41 + len(odd) - 8, 0), Sentence(42 + len(odd) - 8, len(prose), 0)])
        assert sourcing._lower_prose(doc) is None
        for keywords in _every_filter():
            assert keywords.sentences(doc) == _searched(keywords, doc)


STORY = """The mayor will resign on Friday, according to sources.

"It was a disaster," one customer said. Critics say the new code favors developers.

Officials said the bridge would reopen. Studies show that four-day weeks raise scores.

It is believed the company will move. The striker reportedly asked to leave. The chef is
widely regarded as the city's best. Two officials with direct knowledge of the talks said
the deal was off. A person briefed on the plan said it was dead, speaking on condition of
anonymity.
"""


def test_the_plain_path_finds_the_same():
    fast = [(f.line, f.column, f.code, f.severity, f.message) for f in lint(STORY, "SRC")]
    assert {f[2] for f in fast} == {"SRC101", "SRC102", "SRC201", "SRC202", "SRC203", "SRC301", "SRC302",
                                    "SRC303"}
    # a trailing paragraph with "İ" sends the whole document down the plain path
    plain = [(f.line, f.column, f.code, f.severity, f.message) for f in lint(STORY + "\nİzmir.\n", "SRC")]
    assert plain == fast


def test_word_starts_from_runs_match_the_scanner():
    import regex

    from linter.scan import word_starts

    scanner = regex.compile(r"(?<![\p{L}\p{N}'’\-.])[\p{L}\p{N}'’\-.]")  # a lookbehind at every character

    rng = random.Random(3)
    pieces = ["critics", "U.S.", "O’Neill", "’90s", "--", "-", ".", " ", "  ", "\n", ",", "“", "”", "(", "Ärzte",
              "٣", "x2", "'", "—", "some"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        assert word_starts(text, start, end) == [m.start() for m in scanner.finditer(text, start, end)], \
            (text, start, end)


def test_long_s_is_matched_as_before():
    # the patterns match "ſ" as "s" while the keyword filters look for a plain "s": a document
    # with "ſ" takes the plain filters, which find what they always found
    cases = [
        ("Two perſons briefed on the plan said it was dead.", [(1, "SRC101")]),  # "briefed" let it through
        ("Many would ſay the plan is dead.", [(1, "SRC201")]),  # the phrase; no claim verb for the group
        ("Several economiſts argue the plan is dead.", [(1, "SRC201")]),
        ('"It was bad," one customer ſaid.', [(15, "SRC102")]),
        ("Studies ſhow that the plan is dead.", [(1, "SRC203")]),
    ]
    for text, expected in cases:
        assert [(f.column, f.code) for f in lint(text, "SRC")] == expected, text


def test_word_masks_hold_the_sets_with_a_keyword_inside_the_word():
    rng = random.Random(5)
    keywords = [w for k in sourcing._REGISTERED for w in k.words]
    words = {"".join(rng.choice(keywords + ["x", "un", "’", ",", "ly", "s"]) for _ in range(rng.randint(1, 3)))
             for _ in range(2000)}
    words.update(["reportedly", "unsaid", "almost", "someone", "“critics,", "x"])
    fresh = sourcing._WordMasks()
    fresh.learn(words)
    for word in words:
        naive = sum(k.bit for k in sourcing._REGISTERED if k.search(word))
        assert fresh.masks[word] == naive, word


def test_a_group_from_config_is_found_however_it_is_spelled():
    # "ſoldiers" from config matches "soldiers", though "soldiers" does not hold the keyword "ſoldiers"
    found = lint("People soldiers say the plan is dead.", "SRC201", options={"SRC201": {"extra-groups": ["ſoldiers"]}})
    assert [(f.column, f.words) for f in found] == [(1, "People soldiers say")]


def _tried_before(text: str, start: int, end: int) -> set[int]:
    """SRC201's start places before _group_candidates: every word start whose bare word is a
    group start word, and the word start before each."""
    starts = scan.word_starts(text, start, end)
    keyed = [a for a, b in zip(starts, starts[1:] + [end], strict=False)
             if sourcing._bare_word(text[a:b]) in sourcing._GROUP_START_WORDS]
    return scan.starts_near(starts, keyed, 1)


def test_group_candidates_give_the_matches_every_start_word_gave():
    rng = random.Random(7)
    pieces = ["critics", "Some", "MANY", "a", "A", "others", "other", "otherwise", "top-", "x", "U.S.", "’", "'",
              ",", ".", "…", "\u00a0", " ", "  ", "\n", "“", "”", "(", ")", "/", "-", "é", "2", "people", "Ärzte",
              "٣", "\t", "some,", "most.", "say", "critics’", "Experts—", "the"]
    phrases = ["critics say", "many experts warn", "some say", "a number of economists argue", "others believe",
               "Democratic critics, including Ana Ruiz, said", "top analysts noted", "the critics said",
               "plenty of people think", "some residents lost power", "but many fear", "several doctors claimed",
               "supporters of the plan argue", "a growing number of voters feel", "critics — and there are many — say"]
    pat = sourcing._group_regex(())
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.7 else " " + rng.choice(phrases) + " "
                       for _ in range(rng.randint(1, 14)))
        lower = text.lower()
        if len(lower) != len(text):
            continue
        start = rng.choice((0, rng.randrange(len(text) + 1)))
        end = rng.choice((len(text), rng.randrange(start, len(text) + 1)))
        old = _tried_before(text, start, end)
        new = sourcing._group_candidates(text, lower, start, end)
        assert new <= old, (text, start, end)
        matches = [m.span() for m in scan.scan_at(pat, text, new, end)]
        assert matches == [m.span() for m in scan.scan_at(pat, text, old, end)], (text, start, end)
        found += len(matches)
    assert found > 500


def test_agentless_filter_keeps_every_phrase():
    # SRC301's sentences need "it" or "to be"/"to have" besides a verb such as "said"; whatever
    # the case or the spaces, the filtered path finds what the plain path ("İ") finds
    cases = [
        ("IT IS BELIEVED the fire began in the kitchen.", [(1, "IT IS BELIEVED")]),
        ("The suspect is thought to\u00a0be in Ohio.", [(13, "is thought to\u00a0be")]),
        ("It\tis said the mayor will resign.", [(1, "It\tis said")]),
        ("The ship was believed to\nhave sunk.", [(10, "was believed to\nhave")]),
        ("The mayor said the budget was fine and that it will pass.", []),
        ("Her visit is said to matter.", []),
    ]
    for text, expected in cases:
        fast = [(f.column, f.words) for f in lint(text, "SRC301")]
        assert fast == expected, text
        plain = [(f.column, f.words) for f in lint(text + "\n\nİzmir.\n", "SRC301")]
        assert plain == fast, text


def test_sentence_sets_from_the_masks_match_the_sets_intersected():
    rng = random.Random(9)
    words = [*WORDS, "would", "Some", "who", "there", "quarters", "many", "say", "argue", "experts", "others",
             "official", "told", "Studies", "found", "according"]
    for _ in range(300):
        prose = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        cuts = sorted({0, len(prose), *(rng.randrange(len(prose) + 1) for _ in range(rng.randint(0, 6)))})
        doc = _Doc(prose, [Sentence(a, b, 0) for a, b in zip(cuts, cuts[1:], strict=False) if a < b])

        assert sourcing._group_sentences(doc) == _having(
            doc, sourcing._GROUP_KEYWORDS, sourcing._CLAIM_VERB_KEYWORDS, sourcing._GROUP_ANCHORS), prose
        assert sourcing._vague_phrase_sentences(doc) == (
            _having(doc, sourcing._CERTAIN_QUARTERS) | _having(doc, sourcing._THERE, sourcing._WHO)
            | _having(doc, sourcing._WOULD, sourcing._SOME_MANY)), prose
        src101, src102, src203 = sourcing.AnonymousSource, sourcing.UnnamedPerson, sourcing.UnnamedResearch
        assert src101().candidates(doc) == sorted(
            _having(doc, src101.sources) | _having(doc, src101.persons, src101.links)), prose
        assert src102().candidates(doc) == sorted(_having(doc, src102.keywords, src102.verbs)), prose
        assert src203().candidates(doc) == sorted(_having(doc, src203.keywords, src203.verbs)), prose


def _having(doc, *sets) -> set[int]:
    """The sentences a search of each finds a keyword of every set in."""
    return set.intersection(*(set(_searched(k, doc)) for k in sets))


def test_phrases_tried_at_their_start_words_match_as_everywhere():
    # a rule with `starts` tries its pattern only where a start word stands (scan_at): the
    # same matches as trying it at every character, whatever the case, spacing or punctuation
    rng = random.Random(11)
    phrases = ["according to two senior sources", "sources said", "a source close to the mayor said",
               "people familiar with the matter", "one customer said", "said a senior official", "studies show",
               "a recent study found", "according to research", "is widely regarded as", "has been described as",
               "industry insiders say", "said one source", "energy sources said", "sources at the agency told",
               "white house insiders claimed", "an aide told", "another local resident, who asked, said",
               "many new studies have shown", "were considered by many", "have been regarded as",
               "the senior source also said", "that well-placed source confirmed", "reports have found",
               "certain sectors of the voting public", "in some quarters", "there are those who say",
               "many would argue", "in certain circles", "some would say"]
    noise = ["the", "A", "x", "é", "2", ",", "“", "”", '"', "—", "-", ".", "_", "U.S.", "to", "by"]
    spaces = [" ", " ", " ", "  ", "\u00a0", "\t", "\n", "", "\x1c"]
    rules = [rule for rule in sourcing.RULES if rule.starts]
    assert {rule.code for rule in rules} >= {"SRC101", "SRC102", "SRC201", "SRC203", "SRC303"}
    found = dict.fromkeys((rule.code for rule in rules), 0)
    for _ in range(1500):
        words = []
        for _ in range(rng.randint(1, 8)):
            chunk = rng.choice(phrases) if rng.random() < 0.5 else rng.choice(noise)
            chunk = rng.choice((chunk, chunk.upper(), chunk.title()))
            words.extend(chunk.split())
        text = "".join(w + rng.choice(spaces) for w in words)
        lower = text.lower()
        start = rng.choice((0, rng.randrange(len(text) + 1)))
        end = rng.choice((len(text), rng.randrange(start, len(text) + 1)))
        for rule in rules:
            pat = rule().pattern({})
            everywhere = [m.span() for m in pat.finditer(text, start, end)]
            tried = [m.span() for m in scan.scan_at(pat, text, rule._start_positions(lower, start, end), end)]
            assert tried == everywhere, (rule.code, text, start, end)
            found[rule.code] += len(everywhere)
    assert min(found.values()) > 50, found  # each rule's phrases are found, not only missed


def test_officials_filter_keeps_the_written_spelling():
    # SRC202 reads the sentences whose lower-case words hold "fficials", then keeps its search
    # of the text as written: "OFFICIALS" stays unread, as before the word masks
    assert [f.column for f in lint("Officials said the bridge would reopen.", "SRC202")] == [1]
    assert lint("OFFICIALS SAID the bridge would reopen.", "SRC202") == []
    assert [f.column for f in lint("Officials said the bridge would reopen. İzmir.", "SRC202")] == [1]
