"""The document model: paragraphs, sentences and quotations, computed once and shared."""

import pytest

from linter.document import Document
from linter.prose import OffsetMap, ProseBuilder
from linter.readers import text as text_reader


def doc_of(text: str) -> Document:
    return Document("s.txt", text, text_reader.read(text, "s.txt"), "text")


def sentences(text: str) -> list[str]:
    d = doc_of(text)
    return [d.prose[s.start:s.end] for s in d.sentences]


@pytest.mark.parametrize("text, want", [
    ("The U.S. Senate voted. Then it left.", ["The U.S. Senate voted.", "Then it left."]),
    ("Dr. Ana Ruiz spoke on Nov. 27 at 8 a.m. Tuesday. It rained.",
     ["Dr. Ana Ruiz spoke on Nov. 27 at 8 a.m. Tuesday.", "It rained."]),
    ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
    ("Prices rose 3.5 percent. Wages fell.", ["Prices rose 3.5 percent.", "Wages fell."]),
    ('"We won." The mayor smiled.', ['"We won."', "The mayor smiled."]),
    ("“We won,” she said. Then she left.", ["“We won,” she said.", "Then she left."]),
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    ("Is it over? Nobody knows! Wait...", ["Is it over?", "Nobody knows!", "Wait..."]),
    ("Sales at Acme Inc. rose. Costs fell.", ["Sales at Acme Inc. rose.", "Costs fell."]),
    ("It was No. 1 in sales. Then it fell.", ["It was No. 1 in sales.", "Then it fell."]),
])
def test_sentences_are_abbreviation_aware(text, want):
    assert sentences(text) == want


def test_sentences_never_cross_paragraphs_or_headlines():
    text = "Storm Hits Coast\n\nThe storm hit\nthe coast on Monday\n\u00a0\nRain fell"
    got = sentences(text)
    assert got == ["Storm Hits Coast", "The storm hit\nthe coast on Monday", "Rain fell"]


def test_one_paragraph_per_line_text_is_split_into_paragraphs():
    d = doc_of("First paragraph ends here.\nSecond paragraph starts here.\n")
    assert len(d.paragraphs) == 2


def test_heading_blocks_in_plain_text():
    d = doc_of("Residents Worry About Floods\n\nThe river rose two feet overnight.\n")
    assert [b.kind for b in d.blocks] == ["heading", "paragraph"]


def test_quotes_pair_curly_and_straight_and_ignore_apostrophes():
    text = "The mayor’s plan “will work,” she said. He said \"no way\" twice. It’s fine."
    d = doc_of(text)
    assert [d.prose[q.start:q.end] for q in d.quotes] == ["“will work,”", '"no way"']


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = "“This goes on and on into the next paragraph without a close\n\nNew paragraph."
    d = doc_of(text)
    assert len(d.quotes) == 1 and d.prose[d.quotes[0].start:d.quotes[0].end].endswith("close")


def test_quote_speaker_named_and_pronoun_resolved_from_previous_paragraph():
    text = ("Ana Ruiz runs the shelter.\n\n“We are full,” she said.\n\n"
            "“It is bad,” said Tom Lee, a volunteer.\n\n“Nobody came,” someone said.")
    d = doc_of(text)
    assert [(d.prose[q.start:q.end], q.named) for q in d.quotes] == [
        ("“We are full,”", True), ("“It is bad,”", True), ("“Nobody came,”", False)]


def test_in_quote():
    d = doc_of("She said “the best ever” today.")
    i = d.prose.index("best")
    assert d.in_quote(i, i + 4) is not None
    assert d.in_quote(0, 3) is None


def test_derived_structure_is_computed_once():
    d = doc_of("One. Two.")
    assert d.sentences is d.sentences
    assert d.quotes is d.quotes


def test_offset_map_with_dropped_and_replaced_pieces():
    original = "<b>wor</b>d &amp; x"
    b = ProseBuilder(original)
    b.drop(0, 3)
    b.keep(3, 6)  # wor
    b.drop(6, 10)
    b.keep(10, 12)  # "d "
    b.replace(12, 17, "&")
    b.keep(17, 19)
    prose, offsets = b.build()
    assert prose == "word & x"
    assert [offsets.start(i) for i in range(len(prose))] == [3, 4, 5, 10, 11, 12, 17, 18]
    assert offsets.end(4) == 11  # just past "d"
    assert offsets.end(6) == 17  # just past the entity
    assert OffsetMap.identity(5).start(3) == 3


def test_span_position_is_one_based_with_exclusive_end():
    d = doc_of("ab\ncd ef")
    i = d.prose.index("ef")
    assert d.span_position(i, i + 2) == (2, 4, 2, 6)


def test_lower_prose_keeps_every_index():
    # "İ" lower-cases to two characters; it is kept so the offsets of what follows stay put
    d = doc_of("İstanbul Mayor SAID Yesterday.")
    assert d.lower_prose == "İstanbul mayor said yesterday."
    assert len(d.lower_prose) == len(d.prose)
