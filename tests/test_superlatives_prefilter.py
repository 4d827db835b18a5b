"""SUP's word pre-filter: a phrase pattern runs only in sentences holding one of its words.

The filter is a speed device and must never hide a match: every match the pattern finds when
run on every sentence must still be found when it runs only on the candidate sentences, whatever
the case, the punctuation around the word or the characters regex's IGNORECASE folds oddly.
"""

from rules import superlatives as sup
from tests.rule_tester import Case, lint, registry, run_table

# Written for these tests: each sentence holds a phrase in an awkward spelling or setting.
TRICKY = "\n\n".join([
    "The ICONIC tower and the World-Class lab opened. Nothing else happened here.",
    "It was state-of-the-art, and WORLD\nCLASS too. A quiet day followed.",
    "Sales went through\nthe roof; prices SKYROCKETED. The 2widely shared post was gone.",
    "The \u0130CON\u0130C bridge reopened. The plan is \u017fcientifically proven, they wrote.",
    "A miracle cure, a Premier destination and the only phone you'll ever need. Rain fell.",
    "A swift, decisive answer; the perfect fix for it. The record-breaking run was unprecedented.",
    "(Unparalleled.) \u201cGroundbreaking\u201d work: innovative-ish, ICONIC\u2019s rival, \u2014visionary.",
    "It rose dramatically and massive damage followed; the deficit is huge. Nothing more.",
])

PHRASE_RULES = [
    (sup.ABSOLUTE_PHRASES, ()),
    (sup.PUFFERY_PHRASES, ()),
    (sup.PROMISE_PHRASES, ()),
]


def _doc(text: str):
    from linter.runner import Linter

    linter = Linter(registry())
    return linter.read_document(text, "story.txt", linter.resolver.for_path(None))


def _matches(pattern, doc, sentences) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for s in sentences for m in pattern.finditer(doc.prose, s.start, s.end)]


def test_every_match_lies_in_a_candidate_sentence():
    doc = _doc(TRICKY)
    checked = 0
    for phrases, extra in PHRASE_RULES:
        pattern = sup._compile(phrases, extra)
        everywhere = _matches(pattern, doc, doc.sentences)
        assert _matches(pattern, doc, sup._keywords(phrases, extra).sentences(doc)) == everywhere
        checked += len(everywhere)
    vague = sup._keywords(sup._VAGUE_PHRASES, (), ("widely",))
    everywhere = [span for s in doc.sentences for span in sup._vague_spans(doc.prose, s)]
    assert [span for s in vague.sentences(doc) for span in sup._vague_spans(doc.prose, s)] == everywhere
    checked += len(everywhere)
    # each kind is scanned only in the sentences holding its own words
    kinds = sup._vague_kinds(doc)
    for kind in sup._ALL_VAGUE_KINDS:
        spans = sorted(span for s in doc.sentences for span in sup._vague_spans(doc.prose, s, {kind}))
        assert spans, kind  # the fixture does exercise every kind
        assert sorted(span for s in doc.sentences if kind in kinds.get(s.start, (None, ()))[1]
                      for span in sup._vague_spans(doc.prose, s, {kind})) == spans, kind
    assert checked >= 20  # the fixture does exercise the patterns


def test_sentences_without_the_words_are_skipped():
    doc = _doc("The quiet council met. It adjourned early.\n\nThe iconic tower fell.")
    (only,) = sup._keywords(sup.PUFFERY_PHRASES).sentences(doc)
    assert only.text(doc.prose) == "The iconic tower fell."
    assert sup._keywords(sup.PROMISE_PHRASES).sentences(doc) == []
    # no word of any vague kind: no sentence at all; one kind's word: that kind in its sentence only
    assert sup._vague_kinds(doc) == {}
    doc = _doc("The quiet council met. The video was WIDELY shared.")
    assert [(sent.text(doc.prose), kinds) for sent, kinds in sup._vague_kinds(doc).values()] == [
        ("The video was WIDELY shared.", {"widely"})]


def test_built_in_phrases_use_the_whole_word_lookup():
    # a pattern phrase without its words in _PATTERN_WORDS, or a word that is not plain letters
    # and hyphens, would quietly send every sentence to the slow path
    for phrases in (sup.ABSOLUTE_PHRASES, sup.PUFFERY_PHRASES, sup.PROMISE_PHRASES, sup._VAGUE_PHRASES):
        keywords = sup._keywords(phrases)
        assert keywords._usable and keywords._whole, phrases


def test_folded_prose_keeps_every_position():
    prose = "\u0130stanbul\u2019s \u017fcientific K\u00e9lvin \U0001F600 ICONIC"
    folded = sup._FoldedProse(prose, [])
    assert len(folded.ascii) == len(prose)
    assert folded.ascii.find(b"iconic") == prose.find("ICONIC")
    assert b"istanbul" in folded.vocabulary and b"scientific" in folded.vocabulary


def test_odd_case_folds_are_still_flagged():
    # regex's IGNORECASE matches the dotted capital I to "i" and the long s to "s"
    run_table("SUP201", [], [Case("The \u0130CON\u0130C tower reopened Monday.", [(1, 5, "SUP201", "\u0130CON\u0130C")])])
    run_table("SUP202", [], [Case("The diet is \u017fcientifically proven.", [(1, 13, "SUP202", "\u017fcientifically proven")])])


def test_config_phrases_beyond_plain_words():
    # an apostrophe: looked up as a substring, not a whole word
    run_table("SUP201", [], [Case("The CAN'T-MISS show opens Friday.", [(1, 5, "SUP201", "CAN'T-MISS")],
                                  options={"extra-phrases": ["can't-miss"]})])
    # beyond ASCII: every sentence is tried
    run_table("SUP201", [], [Case("A quiet week. The FA\u00c7ADE-LIKE lobby opens Friday.", [(1, 19, "SUP201", "FA\u00c7ADE-LIKE")],
                                  options={"extra-phrases": ["fa\u00e7ade-like"]})])
    # several words: any one of them finds the sentence
    run_table("SUP301", [], [Case("Costs rose by a ton of money.", [(1, 15, "SUP301", "a ton of")],
                                  options={"extra-phrases": ["a ton of"]})])


def test_options_change_the_candidates_per_call():
    text = "The storied franchise returned."
    assert not lint(text, "SUP201")
    cfg = {"SUP201": {"extra-phrases": ["storied"]}}
    assert [f.words for f in lint(text, "SUP201", options=cfg)] == ["storied"]
    assert not lint(text, "SUP201")  # a later call without the option does not inherit its words


class _StubDoc:
    """Just enough of a Document to hand-place sentence edges the splitter would not make."""

    def __init__(self, prose: str, edges: list[tuple[int, int]]):
        from linter.sentences import Sentence

        self.prose = prose
        self.lower_prose = prose.lower()
        self.sentences = [Sentence(a, b, 0) for a, b in edges]

    def sentence_at(self, index: int):
        return next((s for s in self.sentences if s.start <= index < s.end), None)


def test_a_sentence_ending_inside_a_word():
    # a pattern run on one sentence sees its end as the end of the text: "iconic" matches in
    # "The iconic" although the prose goes on "x tower."
    doc = _StubDoc("The iconicx tower.", [(0, 10), (10, 18)])
    pattern = sup._compile(sup.PUFFERY_PHRASES)
    assert _matches(pattern, doc, doc.sentences) == [(4, 10)]
    assert sup._keywords(sup.PUFFERY_PHRASES).sentences(doc) == doc.sentences[:1]


def test_a_phrase_needs_all_its_words_in_the_sentence():
    doc = _doc("The state budget passed. The art fair opened.\n\nThe lab is state of the art.")
    (only,) = sup._keywords(sup.PUFFERY_PHRASES).sentences(doc)
    assert only.text(doc.prose) == "The lab is state of the art."


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current += pattern[i:i + 2]
            i += 2
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            branches.append(current)
            current = ""
        else:
            current += c
        i += 1
    return branches + [current]


def _literal_start(alternative: str) -> str:
    """The letters every word an alternative like 'calls?', 'labell?ed', 'recogni[sz]ed' begins with."""
    out = ""
    for i, c in enumerate(alternative):
        if not c.isalpha():
            break
        if alternative[i + 1:i + 2] == "?":
            break
        out += c
    return out


def test_characterising_stems_cover_every_verb():
    # each branch of _CHARACTERISED needs one verb of its verb group ("which ... calls", "billed ... as"):
    # every such verb must begin with a stem the pre-filter looks for
    import regex

    verb_groups = []
    for branch in _top_level_branches(sup._CHARACTERISED.pattern):
        groups = regex.findall(r"\(\?:((?:[a-z\[\]?]|\\s\+)+(?:\|(?:[a-z\[\]?]|\\s\+)+)+)\)", branch)
        groups = [g for g in groups if g != "was|were|is|are|been|being|be"]  # the lookbehind's
        verb_groups.append(groups[1] if groups[0] == "which|that|what" else groups[0])
        # and a match is tried only where one of its first words starts (_CHARACTERISED_START)
        for alternative in groups[0].split("|"):
            start = _literal_start(alternative)
            assert any(start.startswith(s) for s in sup._CHARACTERISING_STEMS + ("which", "that", "what")), start
    assert len(verb_groups) == 8
    for group in verb_groups:
        for alternative in group.split("|"):
            start = _literal_start(alternative)
            assert len(start) >= 3 and any(stem in start for stem in sup._CHARACTERISING_STEMS), alternative


def test_characterised_sentences_still_pass():
    # written for this test: a characterisation in the writer's sentence leaves the claim alone
    assert not lint("The mayor, who is considered by many as the best leader, spoke.", "SUP101")
    assert not lint("The band, which fans CALL one of the greatest acts of the decade, played.", "SUP101")
    assert lint("The band is one of the greatest acts of the decade.", "SUP101")
    # the characterisation's first word in odd folds, after a dash or a quote mark, at the sentence start
    assert not lint("The mayor, \u017fEEN by many as the best leader, spoke.", "SUP101")
    assert not lint("The band \u2014which fans \u212aindly call one of the greatest acts\u2014 played.", "SUP101")
    assert not lint("Hailed by critics as the greatest band of the decade, it played on.", "SUP101")
    assert not lint("It was the greatest band of the decade, WHAT its fans CALL a miracle.", "SUP101")


def test_embedded_posts_found_whatever_the_case():
    # written for this test: the embed check looks for "pic.twitter.com/" or "(@" before its pattern
    assert not lint("The most amazing view PIC.TWITTER.COM/xYz9 \u2014 Al Roe (@alroe) June 3, 2016", "SUP101")
    assert not lint("The most amazing view \u2014 Al Roe (@alroe) JUNE 3, 2016", "SUP101")
    assert lint("The most amazing view of the bay opened to the public.", "SUP101")


def test_superlative_words_tried_only_at_their_keys():
    # the candidate starts must give exactly the matches a scan of the whole sentence gives:
    # letters beyond ASCII before the key, a word ending in a sentence edge, "most" swallowing
    # the next word, the long s, upper case, and words after a digit, an underscore or a hyphen
    texts = [
        "The \u00fcbergreatest and ALMOST the MOST daring, the most greatest, le\u017fst wi\u017fest.",
        "Her best-selling book, the worst-ever year; 2best _finest well-best \u00e9lite-est biggest",
        "\u201cThe LEAST likely\u201d (largest) [best] most\tbeautifully crafted honest interest",
        # keys followed by a letter ("estimated", "mostly") start no match, unless the sentence ends there
        "Mostly estimated, interested questions; BESTow mostest, the largest" + "imates ok",
        # a "worst" inside a word ("worsted") is a _QUICK match though it starts no _SUP_WORD match
        "Interested in WORSTED cloth, the mostly-est finest\u00e9 bestest guest" + "s arrived",
    ]
    for prose in texts:
        doc = _StubDoc(prose, [(0, len(prose) - 9), (len(prose) - 9, len(prose))])
        folded = sup._FoldedProse(prose, doc.sentences).ascii
        keyed = {sent.start: starts for sent, _first, starts in sup._keyed_sentences(doc, folded)}
        for sent, first, _starts in sup._keyed_sentences(doc, folded):
            # _QUICK, searched from `first` on, finds what a search of the whole sentence finds
            text = sent.text(prose)
            want = sup._QUICK.search(text)
            got = sup._QUICK.search(text, first - sent.start)
            assert (got and got.span()) == (want and want.span()), (prose, first)
            assert first <= (want.start() + sent.start if want else sent.end), (prose, first)
        for sent in doc.sentences:
            starts = keyed.get(sent.start, ())
            got = [m.span() for m in sup.scan_at(sup._SUP_WORD, prose, starts, sent.end)]
            want = [m.span() for m in sup._SUP_WORD.finditer(prose, sent.start, sent.end)]
            assert got == want, (prose, sent)
            assert want or sent.start > 0, prose


def test_frame_tried_only_where_a_frame_can_start():
    befores = [
        "It is one of the very ", "He was among the country\u2019s arguably ", "some of the by far ",
        "several of the state's possibly single ", "a b c d e f g h i j two of its ", "no frame here ",
        "of the very very very ", "x y z the\n", "a b c d e f g h one\x1cof the\x1cvery ",
        "a b c d e f g h one of\x1fthe by\x1dfar ", "was among Smith & Co.'s second ",
        # where _frame looks: frame words ending a longer word, possessives, odd case folds, odd spaces
        "to bathe ", "someone of the ", "Smith\u2019s ", "caf\u00e9\u2019S arguably ", "\u017fome of the ",
        "\u0130TS ", "hi\u017f ", "\u201cthe ", "it was the\u201d ", "the. ", "o'the ", "THIS single ",
        "a b c d e f g h i your ", "two of\u00a0the ", "it's ", "what? the ", "\u2014its \u212aey ", "'s ",
    ]
    for before in befores:
        want = sup._FRAME.search(before)
        got = sup._frame(before)
        assert (got and got.span()) == (want and want.span()), before


def test_idioms_tried_only_at_word_starts():
    def plain(prose, sent, start, word_start):  # the scan of the whole window
        for e in sup._IDIOMS.finditer(prose, max(sent.start, start - 40), min(sent.end, word_start + 80)):
            if e.start() > start:
                break
            if word_start < e.end():
                return True
        return False

    texts = [
        "She said it was, at the very least, the best of both worlds for the city.",
        "They did their level best, and in the finest Republican traditions of the party.",
        "Not in the least-known case; non-least of which; at-least the lowest of the low.",
        "\u00c9tait the best he could do, the most basic of steps (at his most fiendish).",
        "IT WAS THE BEST OF BOTH WORLDS, TO SAY THE LEAST; AT HIS MOST FIENDISH.",
        # first words in odd folds: the long s, a dotted capital I, the Kelvin sign, a dotless i
        "It wa\u017f the be\u017ft of both worlds, to \u017fay the lea\u017ft; \u0130N THE LEAST; ma\u212ae the most of it.",
        "He \u017faved his harshest words for them; \u0131n the least; DID THEIR BEST; TRIED their hardest.",
    ]
    for prose in texts:
        doc = _StubDoc(prose, [(0, len(prose))])
        sent = doc.sentences[0]
        folded = sup._FoldedProse(prose, doc.sentences).ascii
        for m in sup._SUP_WORD.finditer(prose):
            for start in range(max(0, m.start() - 25), m.start() + 1):
                got = sup._in_idiom(prose, sent, start, m.start(), folded)
                assert got == plain(prose, sent, start, m.start()), (prose, start)


def _plain_has_figure(text):
    """_has_figure as a scan of the whole text with each pattern: what the tried-where-it-can-start one must equal."""
    if sup._QUANTITY_WORDS.search(text) or sup._DATE_RANGE.search(text) or sup._CITATION.search(text):
        return True
    dates = [m.span() for m in sup._DATE_NUMBER.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in dates) for m in sup._NUMBER.finditer(text))


def test_figure_stems_cover_every_figure_pattern():
    # one digit-free example per branch of the figure patterns: each must match its pattern and
    # hold a stem, or _figured would wrongly call the sentence unsupported
    examples = [
        (sup._QUANTITY_WORDS, ["up ten PERCENT", "a rise of 3 per\u2003cent", "lost millions", "two BILLION",
                               "a trillion", "thousands came", "hundreds left", "dozens more", "it doubled",
                               "tripled", "quadrupled", "halved", "doubling", "triples", "twice as many",
                               "twice the size", "a fivefold rise", "seven times more", "two-thirds of",
                               "three-quarters", "one-third", "one-quarter"]),
        (sup._DATE_RANGE, ["since the great depression", "Since at least the 1980s", "since records began",
                           "since record-keeping", "since World War II", "since the Korean war", "since March",
                           "in nearly a half years", "in two decades", "IN THREE CENTURIES", "in six months",
                           "in a generation", "in the past decade", "in the last half-century", "in a year",
                           "on record", "since records were first kept", "record-keeping began"]),
        (sup._CITATION, ["state data show", "Figures from the census", "records compiled", "Statistics indicate",
                         "the numbers released", "Estimates published", "a poll by", "surveys show",
                         "census figures show", "the report from", "a study shows", "studies by",
                         "the analysis shows", "rankings from", "ratings show", "the tally shows",
                         "tallies by", "the count shows", "results from", "ranked first by the Times",
                         "rated by Moody", "named best by the Tribune", "listed this year by the Post",
                         "chosen by Voters", "voted top in readers polls", "certified by the Guild",
                         "recognized by the Academy", "listed in several critics", "( source: agency)"]),
    ]
    for pattern, texts in examples:
        for text in texts:
            assert pattern.search(text), (pattern.pattern[:40], text)
            assert sup._FIGURE_KEY().search(text.lower().encode("ascii", "replace")), text
            # and _has_figure, which tries each pattern only where its first words start, finds it:
            # at the start, after a dash or a bracket, in upper case where the pattern allows it
            for variant in (text, "\u2014" + text, "x (" + text + ")", text.upper(), text.replace("s", "\u017f")):
                assert sup._has_figure(variant) == _plain_has_figure(variant), variant


def test_dates_are_not_figures():
    # written for this test: a number inside a date or a clock time is no figure; one outside is
    for text, figure in [("On March 5 the mayor spoke.", False), ("On MARCH 5, 12 people spoke.", True),
                         ("At 10:30 a.m. on Sept. 3rd it opened.", False), ("Janov 5 spoke in 1998.", False),
                         ("It was built in 1998 for 1998 people.", True), ("Nov 5 and dec. 12; 17 left.", True),
                         ("The 2016 race: \u0661\u0662 ran.", True), ("At \u0661\u0660:\u0663\u0660 it opened.", False),
                         ("Le 5 \u00e9t\u00e9 on the 4th.", True)]:
        assert sup._has_figure(text) is figure is _plain_has_figure(text), text


def test_view_stems_cover_every_view_word():
    # every word of each VIEW_FRAME branch's first group must hold a stem the pre-filter looks for
    for branch in sup.VIEW_FRAME:
        words = branch.split("(?:", 1)[1].split(")", 1)[0].split("|")
        assert len(words) > 10
        for word in words:
            assert any(stem in word for stem in sup._VIEW_STEMS), word


def test_views_still_found_whatever_the_case():
    # written for this test: a reported view leaves the superlative alone, in any case or odd fold
    for text in ("Critics INSIST that it is the worst bridge in the region.",
                 "Critics in\u017fist that it is the worst bridge in the region.",
                 "The consen\u017fus that it is the worst bridge in the region grew."):
        assert not lint(text, "SUP101"), text
    assert lint("It is the worst bridge in the region.", "SUP101")


def test_hypothetical_stems_cover_every_hypothetical_word():
    # every word of each HYPOTHETICAL branch's word group must hold a stem the pre-filter looks for
    import regex

    for branch in sup.HYPOTHETICAL:
        group = regex.findall(r"\(\?:((?:[a-z]|\\s\+)+(?:\|(?:[a-z]|\\s\+)+)+)\)", branch)[0]
        words = group.replace(r"\s+", " ").split("|")
        assert len(words) >= 3
        for word in words:
            assert any(stem in word for stem in sup._HYPOTHETICAL_STEMS), word


def test_hypotheticals_still_found_whatever_the_case():
    # written for this test: a conditional clause leaves the claim alone, in any case or odd fold
    for text in ("IF the plan passes, it would be the biggest change to the code.",
                 "\u0130f the plan passes, it would be the biggest change to the code.",
                 "Critics worry that it would be an unprecedented change to the code.",
                 "Critics WORRY THAT it would be an unprecedented change to the code.",
                 "Supporters \u017fay that, \u017fHOULD it pass, it would be an unprecedented change."):
        assert not lint(text, "SUP101") and not lint(text, "SUP102"), text
    assert lint("The plan passed; it is an unprecedented change to the code.", "SUP102")
