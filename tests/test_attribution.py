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
