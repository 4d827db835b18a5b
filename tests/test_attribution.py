"""The shared attribution service: who says so, and whether a reader could check them."""

import pytest

from linter.attribution import SPEECH_VERBS, Attribution, find_attributions, names_source, speaker_of  # noqa: F401
from linter.document import Document


def doc_of(text: str) -> Document:
    from linter.plugins import load_registry
    from linter.runner import Linter

    linter = Linter(load_registry(), select=["SRC"])
    return linter.read_document(text, "story.txt", linter.resolver.for_path(None))


@pytest.mark.parametrize("words", [
    "Ana Ruiz, a spokeswoman for the county health department", "the National Weather Service",
    "Interior Minister Rosa Delgado", "the Labor Department", "a study published in JAMA", "the county health department",
])
def test_names_source_true(words):
    assert names_source(words)


@pytest.mark.parametrize("words", ["sources", "critics", "officials", "a study", "recent studies", "some analysts",
                                   "Tuesday", "many experts"])
def test_names_source_false(words):
    assert not names_source(words)


def test_find_attributions_kinds():
    d = doc_of("Rain is coming, the National Weather Service said. Jobs grew, according to the Labor Department. "
               "“We are ready,” said Ana Ruiz, a spokeswoman.")
    got = {(a.kind, a.named) for a in d.attributions}
    assert ("subject", True) in got and ("according", True) in got and ("inverted", True) in got
    for a in d.attributions:
        assert isinstance(a, Attribution) and d.prose[a.source_start:a.source_end] == a.source


def test_pronoun_speaker_named_by_previous_paragraph():
    d = doc_of("Ana Ruiz runs the shelter.\n\n“We are full every night,” she said.")
    assert d.quotes and d.quotes[0].named


def test_pronoun_speaker_without_a_name_is_not_named():
    d = doc_of("The shelter is full.\n\n“We are full every night,” she said.")
    assert d.quotes and not d.quotes[0].named


def test_typographic_apostrophe_is_not_a_quote():
    d = doc_of("The mayor’s plan won’t pass, critics say.")
    assert d.quotes == []


def test_speech_verbs_cover_the_common_ones():
    for verb in ("said", "told", "says", "argue", "warned"):
        assert verb in SPEECH_VERBS


# The fast clause scan tries `_CLAUSE` only at a few words before each verb, and works most
# "subject" clauses out without it; on any text it must give exactly the clauses (kind,
# span, verb, source span) of the plain scan of each sentence.
@pytest.mark.parametrize("text", [
    "Rain is coming, the National Weather Service said.",
    "One two three four five six seven eight nine ten eleven twelve said nothing.",
    "Officers from the county sheriff's office in the north have long said so.",
    "The head of the regional water board for the valley has said it would rise.",
    "Members of the new city council of the town also will said again.",
    "“We are ready,” said Ana Ruiz, a spokeswoman. “Ready,”   told  reporters the mayor.",
    "Jobs grew, according to the Labor Department. Prices rose according\n\nto nobody.",
    "said the first word. A re-said line and a co-wrote credit, critics say, he added.",
    "Critics say analysts warn that officials believe the plan, which voters approved, will fail.",
    "According to Ana Ruiz, “prices said nothing” (officials said) and [the] board noted it.",
    "Still, have long said they. Then, has said it. He has said so. They had long said so.",
    "The mayor will also say it. One has long argued. Has said he.",
    "a b c d e f g h i has said. a b c d e f g h i j has said. a b c d e f g h have long said.",
    "Voters said́ no, and the two town council members said’ yes.",
])
def test_clause_scan_matches_the_plain_scan(text):
    from linter.attribution import _CLAUSE, _clause_parts, _hints_by_sentence, _verb_hints

    def parts(m):
        kind = m.lastgroup
        verb = {"subject": "subj_verb", "inverted": "inv_verb"}.get(kind)
        source = {"subject": "subj_src", "inverted": "inv_src", "according": "acc_src"}[kind]
        return (kind, m.start(), m.end(), m.group(verb) if verb else "according to") + m.span(source)

    d = doc_of(text)
    by_sentence = {sent.start: (t, local) for sent, t, local in _hints_by_sentence(d, _verb_hints(d.prose))}
    for sent in d.sentences:
        t = d.prose[sent.start:sent.end]
        plain = list(_CLAUSE.finditer(t))
        worked_out = list(_clause_parts(*by_sentence[sent.start])) if sent.start in by_sentence else []
        assert worked_out == [parts(m) for m in plain], t


def test_hints_are_the_plain_word_boundary_scan():
    import re

    from linter.attribution import SPEECH_VERBS, _hints_by_sentence, _verb_hint_at, _verb_hints

    plain = re.compile(r"\b(?:according\s+to|" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
    for text in ("said it", "He said, and “says” told-said (argued)\nwarned.", "according  to them", "xsaid unsaid",
                 "said", " said", "_said said_ said1 saidé ésaid said\u0301 İsaid ſaid says", "", "according\n\nto"):
        assert _verb_hints(text) == [m.span() for m in plain.finditer(text)], text
    assert _verb_hints("He said it") == [(3, 7)]
    assert _verb_hint_at("said it", 0) == (0, 4) and _verb_hint_at("he told", 3) == (3, 7)
    assert _verb_hint_at("according to", 0) == (0, 12) and _verb_hint_at("according. To", 0) is None
    # a hint running past its sentence's end is kept only if it is still one inside it:
    # "according" ends the first paragraph, "Ana Ruiz said so." is the third sentence
    d = doc_of("Prices rose, according\n\nto nobody. Ana Ruiz said so.")
    assert [local for _, _, local in _hints_by_sentence(d, _verb_hints(d.prose))] == [[(9, 13)]]


def test_subject_trimmed_after_the_last_clause_word():
    from linter.attribution import _trim_subject

    assert _trim_subject("the plan that the mayor") == ("the mayor", 14)
    assert _trim_subject("voters and") == ("", 10)
    assert _trim_subject("the  county board") == ("the  county board", 0)
    assert _trim_subject("But   officials") == ("officials", 6)


def test_names_source_remembers_answers():
    assert names_source("the Labor Department") and names_source("the Labor Department")
    assert not names_source("critics") and not names_source("critics")


def test_ascii_sources_answer_as_the_regex_patterns_do():
    """ASCII sources skip the regex module; on any ASCII text the answer is the patterns' answer."""
    import random

    from linter.attribution import _NOT_NAMES, _ORG_WORDS, _RESEARCH_ONLY, _TOKEN, _VAGUE_DETERMINER, _names_source

    def reference(words):
        tokens = _TOKEN.findall(words)
        if not tokens:
            return False
        if _RESEARCH_ONLY.match(words.strip()) and not any(t[0].isupper() and t.lower() not in _NOT_NAMES
                                                           for t in tokens[1:]):
            return False
        for tok in tokens:
            low = tok.lower().strip(".’'")
            if low.endswith("'s"):
                low = low[:-2]
            if tok[0].isupper() and low not in _NOT_NAMES:
                return True
        return bool(_ORG_WORDS.search(words)) and not _VAGUE_DETERMINER.search(words)

    words = ("a the several Some study Studies survey report department Police sheriff sheriff's sheriffs "
             "union board court he they officials Ana Ruiz Mr. Dr Jan 12 critics").split()
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(words) if rng.random() < 0.6 else chr(rng.randrange(128))
                       for _ in range(rng.randint(1, 8)))
        assert _names_source(text) == reference(text), repr(text)
    for text in ("the sheriff_office", "police-union", "the POLICE", "some police", "a study", "A STUDY by Ana",
                 "12 surveys", "'s", "---", "the court's ruling", "other courts", "Sheriffs"):
        assert _names_source(text) == reference(text), text
