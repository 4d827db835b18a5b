"""Quotations: marks read by their side, garbled marks, quotes over paragraphs, transcript turns."""

import pytest

from linter.document import Document
from linter.readers import text as text_reader


def doc_of(text: str) -> Document:
    return Document("s.txt", text, text_reader.read(text, "s.txt"), "text")


def quoted(text: str) -> list[str]:
    d = doc_of(text)
    return [d.prose[q.start:q.end] for q in d.quotes]


def test_a_lost_closing_mark_does_not_turn_later_quotes_inside_out():
    # the first quote's closer is missing; the next quote still opens at its own mark
    text = ('The chief said "we are ready. Crews worked all night. Officials added "the road opens '
            'at noon," and the writer goes on.')
    got = quoted(text)
    assert got[-1].endswith('noon,"') and "writer goes on" not in got[-1]


def test_a_closing_mark_with_nothing_open_is_ignored():
    text = 'Crews worked late." Then the mayor spoke: "We will rebuild," she said.'
    assert quoted(text) == ['"We will rebuild,"']


def test_an_opening_mark_inside_a_quote_continues_it():
    text = "“The first part runs on. “And the second part ends here,” she said. After that, prose."
    assert quoted(text) == ["“The first part runs on. “And the second part ends here,”"]


def test_garbled_curly_marks_pair():
    text = "He said â\x80\x9cthe single greatest threat.â\x80\x9d Then â€œanother oneâ€\x9d came."
    assert quoted(text) == ["â\x80\x9cthe single greatest threat.â\x80\x9d", "â€œanother oneâ€\x9d"]


def test_apostrophes_and_garbled_apostrophes_are_not_marks():
    assert quoted("It’s the mayor’s plan. Itâ€™s fine.") == []


def test_transcript_turns_are_the_labelled_speakers_quotes():
    text = ("TRUMP: We will have the best economy.\n\nCLINTON: That is not true.\n\n"
            "TRUMP: It is the greatest plan.\n\nThe debate ended at 10.")
    d = doc_of(text)
    turns = [(d.prose[q.start:q.end], q.speaker, q.named) for q in d.quotes]
    assert turns == [("We will have the best economy.", "TRUMP", True), ("That is not true.", "CLINTON", True),
                     ("It is the greatest plan.", "TRUMP", True)]
    assert d.in_quote(d.prose.index("The debate")) is None


def test_interview_turns_in_one_paragraph_and_the_writer_after_them():
    text = ("The interview was short. Q: Is it the best plan? A: It is the finest plan we have. Q: Why? "
            "A: Because it works. The writer resumes here. A second sentence. A third. A fourth one here.")
    d = doc_of(text)
    assert d.in_quote(d.prose.index("finest")).speaker == "A"
    assert d.in_quote(d.prose.index("finest")).named is False
    assert d.in_quote(d.prose.index("interview")) is None
    assert d.in_quote(d.prose.index("fourth")) is None  # the last turn runs at most three sentences


def test_headings_with_colons_are_not_a_transcript():
    text = ("MORE: The best stories.\n\nUPDATE: The road opened.\n\nMORE: The worst storms.\n\n"
            "Note: The greatest game.")
    assert quoted(text) == []


def test_a_single_label_is_not_a_transcript():
    text = "Bottom line: it was the best year. Verdict: the finest plan. Smith: it works."
    assert quoted(text) == []


def test_a_quote_inside_a_turn_is_the_turns():
    text = "TRUMP: She said “the best” today.\n\nCLINTON: No.\n\nTRUMP: Yes."
    d = doc_of(text)
    assert [q.speaker for q in d.quotes] == ["TRUMP", "CLINTON", "TRUMP"]
    assert d.in_quote(d.prose.index("best")).speaker == "TRUMP"


@pytest.mark.parametrize("text", [
    'He said "yes" and “no” and ”maybe“.', "no marks at all", '"', "â€œGarbledâ€\x9d, â€ then â\x80\x9cmoreâ\x80\x9d",
    "Plain “curly” with a stray â but no garbled mark", 'Ends with a mark"',
])
def test_marks_are_the_pattern_scan(text):
    from linter.quotes import _MARK, _marks

    for start, end in ((0, len(text)), (1, len(text) - 1), (3, 3)):
        assert _marks(text, start, end) == [(m.start(), m.group()) for m in _MARK.finditer(text, start, end)]
