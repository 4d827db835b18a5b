"""Readability (RDB): copy that is harder to read than it needs to be.

RDB1xx reading grade: the document above the newsroom's target grade (RDB101), a paragraph
far above it (RDB102). RDB2xx sentences: a sentence too long to take in at once (RDB201).
RDB3xx words: a needlessly complex word or phrase with a plain alternative (RDB301).

Grades and prose sentences come from `linter.readability`, computed once per document; what
counts as prose (not headlines, lists, bylines, datelines or quotations) is decided there.
The plain-word list is data (PLAIN_WORDS below); a newsroom extends it with the rule's
`plain-words` option.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from linter import Hit, PhraseRule, Rule, patterns
from linter.readability import readability
from linter.scan import scan_at

_TARGET_DOC = """
    Grades are textstat's Flesch-Kincaid, Coleman-Liau and Automated Readability Index,
    averaged, over running prose only: headlines, list items, bylines, datelines, date lines
    and quoted speech are left out."""


def _grade(value: float) -> str:
    return f"{value:g}"


class ReadingGrade(Rule):
    code = "RDB101"
    name = "reading-grade"
    severity = "warning"
    summary = "The story reads above the target grade"
    options = {"target-grade": 10.0, "min-words": 100}
    doc = """
    ## What it does
    Measures the story's reading grade (the US school grade a reader needs) and flags a story
    above the target, at line 1 with the grade, the target and the three hardest paragraphs.""" + _TARGET_DOC + """

    ## Why is this bad?
    Half of adults read comfortably at about grade 8. Copy written at grade 15 loses most of
    its readers; the news it carries does not reach them. A common newsroom target is grade 10;
    plain-language guidance aims lower.

    ## Example
        The administration's reconsideration of the comprehensive infrastructure
        appropriations package necessitates substantial modifications.

    ## Use instead
        The White House wants big changes to the roads bill.
    Split long sentences, and choose short, common words.

    ## Options
    - `target-grade` (10): the highest grade that passes.
    - `min-words` (100): a shorter story is not graded; a grade over a few sentences says little.

    ## How to silence
    Raise `target-grade` for a section (`per-file-ignores`, or `<!-- copydesk: disable-file RDB101 -->`).
    """

    @classmethod
    def prepare(cls) -> None:
        from linter.readability import load_syllable_index

        load_syllable_index()  # one dictionary in memory for all workers, not a search per new word

    def check(self, doc, options: dict[str, Any]) -> Iterator[Hit]:
        r = readability(doc)
        target = options["target-grade"]
        if r.grade is None or r.words < options["min-words"] or r.grade <= target:
            return
        scores = ", ".join(f"{k} {_grade(v)}" for k, v in r.scores.items())
        hardest = sorted((p for p in r.paragraphs if p.grade > target), key=lambda p: (-p.grade, p.line))[:3]
        where = ""
        if hardest:
            lines = ", ".join(str(p.line) for p in hardest)
            where = f"; hardest paragraph{'s' if len(hardest) > 1 else ''} at line{'s' if len(hardest) > 1 else ''} {lines}"
        yield Hit.document(f"Reading grade {_grade(r.grade)} ({scores}) is above the target of grade "
                           f"{_grade(target)}{where}: split long sentences and use shorter words")


class HardParagraph(Rule):
    code = "RDB102"
    name = "hard-paragraph"
    severity = "warning"
    summary = "A paragraph reads far above the target grade"
    options = {"target-grade": 10.0, "above-target": 10.0, "min-words": 20}
    doc = """
    ## What it does
    Flags a paragraph whose reading grade is far above the target (by default more than 10
    grades above grade 10), on its first line.""" + _TARGET_DOC + """

    ## Why is this bad?
    One dense paragraph is where readers stop. It is usually one long sentence heavy with
    long abstract words, and it is the first place to cut.

    ## Example
        The commission's determination regarding the prospective implementation of
        comprehensive regulatory modifications remains indeterminate.

    ## Use instead
        The commission has not decided whether to change the rules.

    ## Options
    - `target-grade` (10): the newsroom's target grade.
    - `above-target` (10): how far above the target a paragraph must be to be flagged.
    - `min-words` (20): shorter paragraphs are not graded.

    ## How to silence
    `<!-- copydesk: disable-next-line RDB102 -->` before the paragraph (Markdown, HTML).
    """

    @classmethod
    def prepare(cls) -> None:
        from linter.readability import load_syllable_index

        load_syllable_index()  # one dictionary in memory for all workers, not a search per new word

    def check(self, doc, options: dict[str, Any]) -> Iterator[Hit]:
        limit = options["target-grade"] + options["above-target"]
        for p in readability(doc).paragraphs:
            if p.words < options["min-words"] or p.grade <= limit:
                continue
            newline = doc.prose.find("\n", p.start, p.end)
            yield Hit(p.start, p.end if newline == -1 else newline,
                      f"Paragraph reads at grade {_grade(p.grade)}, far above the target of grade "
                      f"{_grade(options['target-grade'])}: split its sentences and use shorter words")


class LongSentence(Rule):
    code = "RDB201"
    name = "long-sentence"
    severity = "warning"
    summary = "A sentence is too long to take in at once"
    options = {"max-words": 30}
    doc = """
    ## What it does
    Flags a prose sentence of more than 30 words (configurable), on the line where it
    starts, with its word count. Quoted words are not counted (a quotation is the source's
    wording), nor are headlines, list items, bylines and datelines.

    ## Why is this bad?
    Readers understand nearly all of an 8-word sentence and much less of a 30-word one;
    the American Press Institute's studies put comprehension falling fast past 25 words.

    ## Example
        The committee, which met for the third time this month after a dispute over the
        agenda and the schedule of hearings, voted on Tuesday to send the proposal back to
        the planning staff for another review.

    ## Use instead
        The committee voted on Tuesday to send the proposal back to the planning staff. It
        was the committee's third meeting this month, after a dispute over the agenda.

    ## Options
    - `max-words` (30): the longest sentence that passes.

    ## How to silence
    `<!-- copydesk: disable-next-line RDB201 -->` (Markdown, HTML); `per-file-ignores` in plain text.
    """

    def check(self, doc, options: dict[str, Any]) -> Iterator[Hit]:
        limit = options["max-words"]
        for s in readability(doc).sentences:
            n = len(s.words)
            if n > limit:
                yield Hit(s.start, s.end, f"Sentence of {n} words is longer than {limit}: split it in two "
                                          "or cut words")


def _escaped(phrases: Iterable[str]) -> tuple[str, ...]:
    """Literal phrases as `regex` pattern pieces, any whitespace between their words."""
    return tuple(sorted(patterns.escape(k).replace(r"\ ", r"\s+") for k in phrases))


# -- plain words (data) ---------------------------------------------------------------------------
# Needlessly complex words and phrases and the plain word that replaces them in every sense a news
# story uses them. Words with a second sense a plain word does not cover stay out ("terminate" an
# employee, protesters who "demonstrate", documents "obtained" by a newspaper). Lower-case words,
# not patterns: RDB301 looks for them as words before it runs its pattern.
PLAIN_WORDS: dict[str, str] = {
    "utilize": "use", "utilizes": "uses", "utilized": "used", "utilizing": "using",
    "utilise": "use", "utilises": "uses", "utilised": "used", "utilising": "using",
    "utilization": "use", "utilisation": "use",
    "commence": "start", "commences": "starts", "commenced": "started", "commencing": "starting",
    "in order to": "to",
    "prior to": "before",
    "subsequent to": "after",
    "in the event that": "if",
    "due to the fact that": "because",
    "owing to the fact that": "because",
    "in light of the fact that": "because",
    "despite the fact that": "although",
    "in spite of the fact that": "although",
    "at this point in time": "now",
    "at the present time": "now",
    "in the near future": "soon",
    "in close proximity to": "near",
    "in the vicinity of": "near",
    "with the exception of": "except",
    "in excess of": "more than",
    "on a daily basis": "daily",
    "on a weekly basis": "weekly",
    "on a monthly basis": "monthly",
    "in lieu of": "instead of",
    "ameliorate": "improve", "ameliorates": "improves", "ameliorated": "improved",
    "ascertain": "find out", "ascertained": "found out",
    "approximately": "about",
    "numerous": "many",
    "whilst": "while",
    "amongst": "among",
    "heretofore": "until now",
    "henceforth": "from now on",
}


class PlainWords(PhraseRule):
    code = "RDB301"
    name = "plain-words"
    severity = "warning"
    summary = "A needlessly complex word or phrase has a plain alternative"
    phrases = PLAIN_WORDS
    skip_kinds = ("quote",)
    options = {"plain-words": {}, "allowed-phrases": []}
    doc = """
    ## What it does
    Flags a needlessly complex word or phrase that has a plain alternative, names the plain
    word, and offers it as a fix: "utilize" -> "use", "in order to" -> "to", "commence" ->
    "start", "prior to" -> "before". Quoted speech is left alone.

    ## Why is this bad?
    A long word where a short one means the same thing slows every reader and says nothing
    more. Plain-language guides (the US Plain Language Guidelines, the AP Stylebook) list
    these first.

    ## Example
        The city will commence construction in order to utilize the grant.

    ## Use instead
        The city will start construction to use the grant.

    ## Options
    - `plain-words`: a table of more phrases and their plain words, e.g.
      `plain-words = { "endeavor to" = "try to" }`.
    - `allowed-phrases` (list): phrases from the built-in list your newsroom accepts.

    ## How to silence
    Add the phrase to `allowed-phrases`, or `<!-- copydesk: disable-next-line RDB301 -->`.
    """

    def check(self, doc, options: dict[str, Any]) -> Iterator[Hit]:
        extra = options.get("plain-words") or {}
        for phrase, plain in extra.items():
            if not isinstance(plain, str) or not plain.strip():
                raise ValueError(f"RDB301 option plain-words: '{phrase}' needs a plain word (a string), "
                                 f"got {plain!r}")
        words = {**PLAIN_WORDS, **{" ".join(k.lower().split()): v for k, v in extra.items()}} if extra else PLAIN_WORDS
        allowed = {" ".join(a.lower().split()) for a in options.get("allowed-phrases", ())}
        # a newsroom's phrases are literal words, never patterns: escape them
        pattern = self.pattern(_escaped(k for k in words if k not in PLAIN_WORDS) if extra else ())
        for m in _phrase_matches(pattern, doc, words, self.skip_kinds):
            found = m.group()
            key = " ".join(found.lower().split())
            if key in allowed or doc.in_quote(m.start(), m.end()):
                continue
            plain = words.get(key)
            if plain is None:
                continue
            fix = plain[:1].upper() + plain[1:] if found[:1].isupper() else plain
            yield Hit(m.start(), m.end(), f"Plain language: write '{plain}' instead of '{found}'",
                      replacement=fix)


# Few news stories hold a plain-words phrase, and the phrase pattern (an IGNORECASE alternation
# in `regex`) is slow to scan: it is tried only where one of the phrases starts in the lower-cased
# text. A phrase is looked for there only when its keyword (a piece of one of its words) is in the
# text at all (a fast substring search), and then from the keyword's places. That never misses a
# match the pattern would find, as long as lower-casing turns every character IGNORECASE matches
# with a phrase's ASCII character into that character, in place: true but for these three (İ
# lower-cases to two characters; ı and ſ stay as they are).
_FOLDS_APART = ("İ", "ı", "ſ")
_KEYWORD_LENGTH = 6  # "utiliz" stands for utilize, utilizes, utilized, utilizing and utilization
# Words several phrases share, each looked for once for all of them: "the fact that" (five
# phrases), "on a ... basis" (three), utilize and utilise.
_SHARED_KEYWORDS = ("fact", "basis", "utili")
_PHRASE_FINDERS: dict[frozenset[str], dict[str, list[str]] | None] = {}
_PLAIN_PHRASES = frozenset(PLAIN_WORDS)
_PHRASE_PLANS: dict[tuple[str, str], tuple[re.Pattern[str], list[str] | None]] = {}


def _phrase_finder(phrases: Iterable[str]) -> dict[str, list[str]] | None:
    """keyword -> the (lower-case) phrases it stands for; None when a phrase is not plain ASCII
    words (the reasoning above holds for ASCII only). A phrase's keyword is one of
    _SHARED_KEYWORDS it holds, else the start of its longest word: as much of it as the longest
    words of the phrases with the same start share (a longer keyword is found faster)."""
    key = _PLAIN_PHRASES if phrases is PLAIN_WORDS else frozenset(phrases)  # built (and hashed) once
    if key not in _PHRASE_FINDERS:
        groups: dict[str, list[str]] | None = {}
        for phrase in sorted(key):
            words = phrase.split()
            if not words or not phrase.isascii():
                groups = None
                break
            shared = next((k for k in _SHARED_KEYWORDS if k in phrase), None)
            groups.setdefault(shared or "\n" + max(words, key=len)[:_KEYWORD_LENGTH], []).append(phrase)
        finder = None
        if groups is not None:
            finder = {}
            for group, members in groups.items():
                if group.startswith("\n"):  # no shared keyword: the longest words' common start
                    group = os.path.commonprefix([max(p.split(), key=len) for p in members])
                finder.setdefault(group, []).extend(members)
        _PHRASE_FINDERS[key] = finder
    return _PHRASE_FINDERS[key]


def _occurrences(lowered: str, phrase: str, keyword: str) -> Iterator[int]:
    """Every index where `phrase` (lower case; its spaces any whitespace) starts, overlapping ones
    too, given that `keyword` is in `lowered`. A one-word phrase is a substring search. A longer
    one is looked for from its keyword's places when the keyword starts one of its words (once):
    back over the words before it (each run of whitespace before a word is all the whitespace
    between it and the word before), then its pattern is tried there. Otherwise its pattern
    searches the text."""
    if " " not in phrase:
        at = lowered.find(phrase)
        while at != -1:
            yield at
            at = lowered.find(phrase, at + 1)
        return
    plan = _PHRASE_PLANS.get((phrase, keyword))
    if plan is None:
        plan = _PHRASE_PLANS[phrase, keyword] = _phrase_plan(phrase, keyword)
    pattern, before = plan
    if before is not None:
        at = lowered.find(keyword)
        while at != -1:
            start = _words_before(lowered, at, before)
            if start != -1 and pattern.match(lowered, start):
                yield start
            at = lowered.find(keyword, at + 1)
        return
    m = pattern.search(lowered)
    while m is not None:
        yield m.start()
        m = pattern.search(lowered, m.start() + 1)


def _phrase_plan(phrase: str, keyword: str) -> tuple[re.Pattern[str], list[str] | None]:
    """A longer phrase's pattern (compiled on first need: a one-file run needs few), and the words
    before its keyword's word, nearest first (None when the keyword does not start one word only)."""
    pattern = re.compile(re.escape(phrase).replace(r"\ ", r"\s+"))
    words = phrase.split()
    at_word = [i for i, w in enumerate(words) if keyword in w]
    if len(at_word) == 1 and words[at_word[0]].startswith(keyword) and phrase.count(keyword) == 1:
        return pattern, words[at_word[0] - 1::-1] if at_word[0] else []
    return pattern, None


def _words_before(text: str, at: int, words: list[str]) -> int:
    """Where `words` (nearest first) end at `at`, each followed by whitespace; -1 if they don't."""
    for word in words:
        end = at
        while end and text[end - 1].isspace():
            end -= 1
        if end == at or end < len(word) or not text.startswith(word, end - len(word)):
            return -1
        at = end - len(word)
    return at


def _phrase_starts(lowered: str, finder: dict[str, list[str]]) -> list[int]:
    """Every index where one of the phrases starts in `lowered` (overlapping ones too), sorted."""
    starts = []
    for keyword, phrases in finder.items():
        if keyword in lowered:
            for phrase in phrases:
                starts.extend(_occurrences(lowered, phrase, keyword))
    starts.sort()
    return starts


def _phrase_matches(pattern, doc, phrases: Iterable[str], skip_kinds: tuple[str, ...]) -> Iterator:
    """`pattern.finditer` over each block but those of `skip_kinds`, tried only where one of the
    phrases starts."""
    prose = doc.prose
    finder = _phrase_finder(phrases)
    if finder is None or (not prose.isascii() and any(c in prose for c in _FOLDS_APART)):
        for block in doc.blocks:
            if block.kind not in skip_kinds:
                yield from pattern.finditer(prose, block.start, block.end)
        return
    # with no İ in the prose (the one character whose lower case is longer), the document's shared
    # lower-cased copy is prose.lower(), index for index: no copy of our own
    lowered = doc.lower_prose
    starts = _phrase_starts(lowered, finder)
    if not starts:
        return
    for block in doc.blocks:
        if block.kind in skip_kinds:
            continue
        first, last = bisect.bisect_left(starts, block.start), bisect.bisect_left(starts, block.end)
        if first < last:
            yield from scan_at(pattern, prose, starts[first:last], endpos=block.end)


RULES = [ReadingGrade, HardParagraph, LongSentence, PlainWords]
