"""The RDB family's shortcuts give exactly what the plain computation gives (issue 8)."""

import json
import os
import re

import pytest

import linter.readability as rdb
from tests.rule_tester import lint

PLAIN_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+|(?<=\d),(?=\d)[^\W_]+)*")  # WORD, written plainly

# Copy with letters and digits beyond ASCII (accented, Greek, Turkish, long s, superscript and
# fraction digits, Arabic-Indic digits) and with only the non-letters news copy uses beyond ASCII.
SAMPLES = [
    "The mayor’s “plan” — 40,000 homes – was late… again.",
    "Café owner José Peña said the U.S.-made crème brûlée costs €4.50.",
    "İstanbul’s mayor met ſtraße fans in ΣΊΣΥΦΟΣ hall at 3 p.m.",
    "Rainfall was 3² mm, or ½ inch, in the ٣ districts; “so it goes,” he said.",
    "Plain ASCII copy, with 1,2,3 and a,b and it's U.S. made.",
    "Nothing but marks: “ ” ‘ ’ — – … « » • ° © ™",
    "x²", "½", "naïve", "ﬁne", "Ⅻ chapters",
]


def test_not_alnum_characters_are_not_letters_or_digits():
    assert not any(c.isalnum() or c in "_'.-," for c in rdb._NOT_ALNUM)


@pytest.mark.parametrize("text", SAMPLES)
def test_word_pattern_for_a_document_finds_what_word_finds(text):
    expected = PLAIN_WORD.findall(text)
    assert rdb._word_for(text).findall(text) == expected
    assert rdb.WORD.findall(text) == expected


def test_ascii_form_is_used_only_without_letters_beyond_ascii():
    assert rdb._word_for(SAMPLES[0]) is rdb._word(True)
    assert rdb._word_for(SAMPLES[4]) is rdb._word(True)
    for text in SAMPLES[1:4] + SAMPLES[6:]:
        assert rdb._word_for(text) is rdb._word(False), text
    # one letter beyond ASCII anywhere in a long document is enough
    long = SAMPLES[0] * 200 + " Zoë " + SAMPLES[4] * 200
    assert rdb._word_for(long) is rdb._word(False)
    assert rdb._word_for(long).findall(long) == PLAIN_WORD.findall(long)


def test_a_sentence_inside_one_quotation_counts_no_word():
    text = ("“The plan is late. It is over budget. It is not safe at all,” said Ana Ruiz, who leads the "
            "group of neighbours that sued the city.\n\nThe council will vote on the plan again in May, "
            "the clerk said on Monday.")
    r = rdb.readability(lint_doc(text))
    counted = [" ".join(s.words) for s in r.sentences]
    assert not any("budget" in s for s in counted)
    assert any(s.startswith("said Ana Ruiz") for s in counted), counted


def lint_doc(text):
    from linter.plugins import load_registry
    from linter.runner import Linter

    linter = Linter(load_registry())
    return linter.read_document(text, "a.txt", linter.resolver.for_path(None))


def test_paragraph_grade_is_the_mean_of_its_grades():
    doc = lint_doc("\n\n".join(SAMPLES[:5] + [
        "The committee, which met for the third time this month after a dispute over the agenda, "
        "voted to send the proposal back to the planning staff for another review."]))
    r = rdb.readability(doc)
    assert r.paragraphs
    for p in r.paragraphs:
        group = [s for s in r.sentences if s.block == p.block]
        scores = rdb.grades(group)
        assert p.grade == round(sum(scores.values()) / len(scores), 1)
        assert p == (p.block, p.start, p.end, p.line, p.words, p.grade)


@pytest.mark.parametrize("word", ["The", "the", "THE", "Utilize", "U.S", "it’s", "İstanbul", "ſtraße", "ΣΊΣΥΦΟΣ",
                                  "Zyxqwv", "rock-and-roll", "1,200", "Peña"])
def test_syllable_memo_counts_as_the_counter_does(word):
    rdb._SYLLABLES.pop(word, None)
    assert rdb.syllables(word) == rdb._count_syllables(word)


def test_syllable_memo_with_the_whole_dictionary_loaded():
    rdb.load_syllable_index()
    words = ["The", "sepulveda", "stilton", "Stilts", "utilization", "Washington’s", "McConnell", "naïve"]
    for word in words:
        rdb._SYLLABLES.pop(word, None)
        assert rdb.syllables(word) == rdb._count_syllables(word), word


CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "news-2016", "articles.jsonl")


@pytest.mark.skipif(not os.path.exists(CORPUS), reason="needs ../shared/corpora")
def test_corpus_words_match_the_plain_pattern():
    with open(CORPUS, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] or "" for _, line in zip(range(150), fh, strict=False)]
    for text in texts:
        doc = lint_doc(text)
        if doc.quotes:
            continue  # quoted words are left out: see test_readability's quotation tests
        for s in rdb.readability(doc).sentences:
            found = PLAIN_WORD.findall(doc.prose, s.start, s.end)
            assert list(s.words) == found[len(found) - len(s.words):]  # a dateline's words are cut


def test_rules_still_flag():
    long = " ".join(["word"] * 35) + "."
    assert [f.code for f in lint(long, "RDB201")] == ["RDB201"]


# Phrases in every spacing, in capitals, inside other words, at the text's edges, overlapping.
PHRASE_TEXTS = [
    "In order to win, the order to in order\nto move; border to; in  order   to; IN ORDER TO.",
    "order to start. in\u00a0order to. in\u2003order\u2028to go. x in order to",
    "Due to the fact that it rained, despite the fact\nthat, in spite of the   fact that, owing to the fact that"
    " — in light of the fact that, the fact that, due to the factual, due to thefact that.",
    "Utilize, UTILISATION, re-utilized, prior to, subsequent\tto, prior toto, on a daily basis, on a\nweekly basis.",
    "at this point in time at the present time in the near future with the exception of in lieu of",
    "in in order order to to in order to",
    # a keyword first inside another word, the phrase after it (the scan's first place is handed on)
    "futility, then utilize; prevent it in the event that; factory due to the fact that; innumerous numerous",
    "numerousnumerous whilstwhilst approximatelyapproximately utilizeutilization",
]


def _plain_starts(lowered, phrases):
    """Every index where one of the phrases starts: each phrase's pattern searched everywhere."""
    starts = []
    for phrase in phrases:
        pattern = re.compile(re.escape(phrase).replace(r"\ ", r"\s+"))
        m = pattern.search(lowered)
        while m is not None:
            starts.append(m.start())
            m = pattern.search(lowered, m.start() + 1)
    return sorted(starts)


@pytest.mark.parametrize("text", PHRASE_TEXTS)
def test_phrase_starts_from_keywords_are_every_start(text):
    from rules import readability as rules

    extra = ["endeavor to", "in the event of the fact", "fact finding", "at   the end of the day"]
    for phrases in (rules.PLAIN_WORDS, {**rules.PLAIN_WORDS, **dict.fromkeys(extra, "x")}):
        phrases = [" ".join(p.lower().split()) for p in phrases]
        finder = rules._phrase_finder(phrases)
        assert sorted(p for ps in finder.values() for p in ps) == sorted(set(phrases))
        assert all(k in p and " " not in k for k, ps in finder.items() for p in ps)
        lowered = text.lower()
        assert rules._phrase_starts(lowered, finder) == _plain_starts(lowered, set(phrases))


def test_plain_words_found_in_any_spacing():
    found = lint("We met in order\nto talk, and on a weekly   basis after that, due to the fact that it rained.",
                 "RDB301")
    assert [f.words for f in found] == ["in order\nto", "on a weekly   basis", "due to the fact that"]
