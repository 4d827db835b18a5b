"""Sentence boundaries: abbreviations, initials, ellipses and the token before a period."""

import pytest

from linter.document import Block
from linter.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [s.text(text) for s in split_sentences(text, Block(0, len(text)), 0)]


@pytest.mark.parametrize("text, expected", [
    ("The rain stopped. Crews returned.", ["The rain stopped.", "Crews returned."]),
    ("Dr. Ana Ruiz spoke. Sen. Rosa Delgado did not.", ["Dr. Ana Ruiz spoke.", "Sen. Rosa Delgado did not."]),
    ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
    ("It rose in the U.S. The rest fell.", ["It rose in the U.S.", "The rest fell."]),
    ("The U.S. Senate voted.", ["The U.S. Senate voted."]),
    ("It opens at 9 a.m. Tuesday.", ["It opens at 9 a.m. Tuesday."]),
    ("It opened at 9 a.m. Crowds came.", ["It opened at 9 a.m.", "Crowds came."]),
    ("Wait... What happened?", ["Wait...", "What happened?"]),
    ("Really? Yes! Fine… Done.", ["Really?", "Yes!", "Fine…", "Done."]),
    ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
    ("See item No. 5 on the list. Then vote.", ["See item No. 5 on the list.", "Then vote."]),
    ("I said no. Nothing else.", ["I said no.", "Nothing else."]),
    # the token before a period stops at spaces (any Unicode space), opening quotes and parentheses
    ("(Dr. Ruiz agreed.)", ["(Dr. Ruiz agreed.)"]),
    ("He cited “Gov. Smith” twice.", ["He cited “Gov. Smith” twice."]),
    ("Call the\u2003Dr. Ruiz line.", ["Call the\u2003Dr. Ruiz line."]),
    ("Call the\x1cDr. Ruiz line.", ["Call the\x1cDr. Ruiz line."]),
    ("Call theDr. Ruiz line.", ["Call theDr.", "Ruiz line."]),
    # a token longer than any abbreviation ends the sentence, even if it ends like one
    ("It was supercalifragilisticco. Next one.", ["It was supercalifragilisticco.", "Next one."]),
    ("Itwasthirteenn. Next.", ["Itwasthirteenn.", "Next."]),
])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_token_characters_are_those_str_isspace_allows():
    """`_TOKEN_CHARS_BEFORE` stops at exactly the characters `str.isspace` calls space
    (all of them in the Basic Multilingual Plane)."""
    from linter.sentences import _TOKEN_CHARS_BEFORE

    spaces = [c for c in map(chr, range(0x10000)) if c.isspace()]
    for c in spaces + ['"', "“", "("]:
        assert _TOKEN_CHARS_BEFORE.match("a" + c + "b").start() == 2, hex(ord(c))
    stoppers = set(spaces) | {'"', "“", "("}
    every = "".join(c for c in map(chr, range(0x10000)) if c not in stoppers and not 0xD800 <= ord(c) < 0xE000)
    assert _TOKEN_CHARS_BEFORE.match(every).start() == 0


def test_regex_space_is_str_isspace_without_the_separators():
    import regex

    spaces = "".join(c for c in map(chr, range(0x10000)) if c.isspace())
    assert "".join(regex.findall(r"\s", spaces)) == spaces.replace("\x1c", "").replace("\x1d", "").replace(
        "\x1e", "").replace("\x1f", "")


def test_every_abbreviation_fits_the_token_limit():
    """`_is_boundary` reads at most `_LONGEST_ABBREVIATION` characters back from a period: an
    abbreviation added to the lists must stay shorter, or it would end sentences."""
    from linter.sentences import _CONTINUING_ABBREVIATIONS, _LONGEST_ABBREVIATION, ABBREVIATIONS

    assert max(map(len, ABBREVIATIONS | _CONTINUING_ABBREVIATIONS)) < _LONGEST_ABBREVIATION
