"""Sourcing (SRC): claims carried by sources a reader cannot check.

SRC1xx anonymous sources: unnamed "sources", "insiders", "people familiar with the matter"
(SRC101) and a single unnamed person, "one customer said", "a senior official said" (SRC102).
SRC2xx vague groups: "critics say", "many experts warn" (SRC201), "officials said" with no
agency (SRC202), "studies show" with no study named (SRC203).
SRC3xx agentless attribution: "it is believed" (SRC301), "reportedly" (SRC302), "is widely
regarded as" (SRC303).

The phrase lists are data (the tuples below); each rule's options let a newsroom add
phrases or allow some. Whether a source is named is decided by `linter.attribution`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from functools import cache, reduce
from itertools import compress
from operator import or_
from typing import TYPE_CHECKING, Any

from linter import Hit, Rule, patterns
from linter.attribution import names_source
from linter.scan import WORD_CHAR, WORD_RUN, KeywordFilter, literal_alternation, scan_at, starts_near, word_starts

if TYPE_CHECKING:
    import regex

# -- phrase lists (data) --------------------------------------------------------------------------

# Verbs that carry a claim when a vague group is their subject.
CLAIM_VERBS = (
    "say", "says", "said", "argue", "argues", "argued", "contend", "contends", "contended", "believe",
    "believes", "believed", "note", "notes", "noted", "warn", "warns", "warned", "caution", "cautions",
    "cautioned", "accuse", "accuses", "accused", "claim", "claims", "claimed", "charge", "charges", "charged",
    "allege", "alleges", "alleged", "insist", "insists", "insisted", "maintain", "maintains", "maintained",
    "suggest", "suggests", "suggested", "fear", "fears", "feared", "worry", "worries", "worried", "predict",
    "predicts", "predicted", "point out", "points out", "pointed out", "complain", "complains",
    "complained", "assert", "asserts", "asserted", "question", "questioned", "told", "agree", "agreed",
    "estimate", "estimates", "estimated", "expect", "expects", "expected", "think", "feel",
)
# Nouns naming a group of people no reader can identify (SRC201), with or without a quantifier.
VAGUE_GROUPS = (
    "critics", "economists", "supporters", "opponents", "proponents", "detractors", "skeptics", "sceptics", "analysts",
    "experts", "observers", "commentators", "pundits", "watchers", "naysayers", "defenders", "backers",
)
# Nouns that are vague only with a quantifier: "many economists say" (not "economists at the Fed").
QUANTIFIED_GROUPS = (
    "economists", "scientists", "doctors", "lawyers", "historians", "people", "americans", "voters",
    "residents", "observers", "officials", "insiders", "investors", "traders", "academics", "politicians",
    "lawmakers", "legislators", "fans", "parents", "teachers", "users", "customers",
)
QUANTIFIERS = ("many", "some", "most", "several", "numerous", "certain", "a number of", "a lot of", "plenty of",
               "a growing number of", "a host of", "countless", "leading", "top", "other", "various")
# Vague groups that need no verb: the words alone are the problem.
VAGUE_PHRASES = (
    r"certain\s+(?:sectors|segments|quarters|circles|elements)\s+of\s+(?:the\s+)?(?:[\p{L}'’\-]+\s+){0,2}?"
    r"(?:public|society|population|community|electorate|press|media|opinion|establishment)",
    r"in\s+(?:some|certain|many)\s+(?:quarters|circles)",
    r"there\s+are\s+(?:those|some|many)\s+who\s+(?:say|believe|argue|think|feel|claim|contend)",
    r"(?:some|many)\s+would\s+(?:say|argue)",
)
# Anonymous sources (SRC101).
ANONYMOUS_PHRASES = (
    r"according\s+to\s+(?:(?:a|one|two|three|four|several|multiple|some|unnamed|anonymous|unidentified|informed|"
    r"reliable|well-placed|senior|knowledgeable|other|government|administration|industry|intelligence|"
    r"military|police|people|congressional|(?-i:\p{Lu})[\p{L}.]*)\s+){0,4}(?:sources?|insiders)",
    r"(?<!(?:energy|water|power|light|heat|income|revenue|funding|food|protein|data|open|renewable|"
    r"fuel|news|primary|secondary)\s+)sources\s+(?:(?:close|familiar|connected|near)\s+(?:to|with)\s+"
    r"[^,.;\"“”]{1,60}?\s+|(?:at|in|within|inside)\s+(?:the\s+)?[^,.;\"“”]{1,40}?\s+)?(?:have\s+|had\s+)?"
    r"(?:say|said|says|told|tell|tells|claim(?:ed|s)?|indicate[ds]?|suggest(?:ed|s)?|confirm(?:ed|s)?|"
    r"reveal(?:ed|s)?|describ(?:ed|e)|insist(?:ed|s)?|believe[ds]?)",
    r"(?:a|one|another|two|three|several)\s+(?:(?:senior|top|high-ranking|well-placed|[\p{L}.]+)\s+)?"
    r"(?:sources?|persons?|people|officials?|individuals?|insiders?)\s+(?:close\s+to|familiar\s+with|briefed\s+on|"
    r"with\s+(?:direct\s+|first-?hand\s+|detailed\s+)?knowledge\s+of)",
    r"sources?\s+(?:close\s+to|familiar\s+with|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of)",
    r"(?:one|a|another|the|that|this)\s+(?:(?:senior|top|well-placed|reliable|[\p{L}.\-]+)\s+){0,2}source\s+(?:also\s+)?"
    r"(?:said|says|added|told|tells|claimed|insisted|confirmed|revealed)",
    r"(?<=[,“”\"]\s*)(?:said|says|added|told)\s+(?:one|a|another)\s+(?:(?:senior|top|[\p{L}.\-]+)\s+){0,2}sources?",
    r"(?:people|persons|individuals)\s+(?:familiar\s+with|briefed\s+on|close\s+to|with\s+(?:direct\s+)?knowledge\s+of)"
    r"\s+(?:the|his|her|their|its)\s+(?:matter|situation|discussions?|negotiations?|plans?|talks|case|"
    r"investigation|deal|decision|thinking|process|probe|inquiry|review|transaction|proposal|conversations?)",
    r"(?:(?:industry|company|party|campaign|team|government|palace|white\s+house|administration|league|"
    r"studio|club|hospital|police)\s+)?insiders\s+(?:have\s+)?(?:say|said|says|told|claim(?:ed)?|believe|insist(?:ed)?|"
    r"suggest(?:ed)?|warn(?:ed)?)",
)
# One unnamed person carrying a claim (SRC102): "one customer said", "said a senior official".
UNNAMED_PEOPLE = (
    "customer", "customers", "resident", "shopper", "user", "employee", "worker", "staffer", "official", "aide",
    "diplomat", "executive", "insider", "neighbor", "neighbour", "witness", "bystander", "onlooker", "parent",
    "local", "patron", "passenger", "voter", "client", "investor", "trader", "observer", "analyst", "expert",
    "critic",
)
_PERSON_ADJ = (r"(?:(?:senior|top|high-ranking|former|longtime|local|regular|frequent|veteran|"
               r"another|government|administration|campaign|company|party|u\.s\.|american|western|"
               r"european|military|intelligence|security|police|city|state|federal|white\s+house|"
               r"(?-i:\p{Lu})[\p{L}.]+)\s+){0,3}")
# Research that names no study (SRC203).
RESEARCH_PHRASES = (
    r"(?<!\b(?:the|these|those|its|their|his|her|our|this|that|such|both)\s+(?:[\p{L}\-]+\s+)?)"
    r"(?:(?:many|numerous|several|some|recent|new|multiple|countless|previous|other|scientific|medical)\s+)*"
    r"(?:studies|research|surveys|polls|reports)\s+(?:have\s+|has\s+)?(?:also\s+|consistently\s+|repeatedly\s+|"
    r"long\s+)?(?:show|shows|shown|showed|suggest|suggests|suggested|find|finds|found|indicate|indicates|"
    r"indicated|prove|proves|proven|proved|confirm|confirms|confirmed|demonstrate|demonstrates|demonstrated)",
    r"(?:a|one)\s+(?:(?:new|recent|landmark|major|large|small|scientific|medical)\s+)?(?:study|survey|report)\s+"
    r"(?:has\s+)?(?:shows|shown|showed|suggests|suggested|finds|found|indicates|indicated|proves|proved|"
    r"confirms|confirmed|demonstrates|demonstrated)",
    r"according\s+to\s+(?:(?:a|one|some|several|many|numerous|recent|new|previous|other|scientific|medical|"
    r"multiple)\s+)*(?:studies|study|research|surveys?|reports)",
    r"(?:studies|research)\s+(?:has\s+|have\s+)?long\s+(?:shown|suggested|found)",
)
# Agentless attribution (SRC301): "it is believed", "the suspect is thought to be".
AGENTLESS_PHRASES = (
    r"it\s+(?:is|was|has\s+been|had\s+been|is\s+being|was\s+being|is\s+now|was\s+also|is\s+also)\s+"
    r"(?:widely\s+|generally\s+|commonly\s+|often\s+|increasingly\s+|now\s+|also\s+)?"
    r"(?:believed|said|reported|thought|rumou?red|understood|claimed|alleged|suggested|feared|assumed|"
    r"speculated|whispered|estimated)"
    r"(?!\s+(?:to\s+(?!be\b|have\b)|at\b|on\b|in\b|by\b|as\b|for\b|from\b|with\b|under\b|of\b|and\b|or\b|[.,;:]))",
    r"(?:is|are|was|were)\s+(?:widely\s+|generally\s+|commonly\s+|also\s+|now\s+)?(?:believed|thought|said|"
    r"rumou?red|reported|understood)\s+to\s+(?:be|have)\b",
)
REPORTEDLY_PHRASES = (r"reportedly", r"rumou?redly")
# Reputation with no one holding it (SRC303).
REPUTATION_PHRASES = (
    r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:widely|generally|often|commonly|frequently|"
    r"universally|increasingly|long|also|sometimes|variously|largely|broadly)\s+"
    r"(?:regarded|considered|seen|viewed|described|acknowledged|acclaimed|recognized|recognised|"
    r"thought\s+of|accepted|credited)\b(?!\s+by\s+(?!many\b|some\b|most\b|others\b))",
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+regarded\s+(?:by\s+(?:many|some|most|others)\s+)?as\b",
    r"(?:has|have|had)\s+been\s+(?:described|characteri[sz]ed|portrayed|labell?ed|dubbed)\s+as\b",
    r"(?:is|are|was|were|has\s+been)\s+considered\s+by\s+(?:many|some|most|others)\b",
)

_ANONYMITY_REASON = patterns.compile(
    r"\b(?:(?:on|under)\s+(?:the\s+)?condition\s+(?:of|that\s+(?:he|she|they|it)\s+not\s+be\s+(?:named|identified))|"
    r"anonymity|(?:remain|speak(?:ing)?|spoke)\s+anonymously|(?:remain|stay)\s+anonymous|(?:were|was|is|are)\s+not\s+authori[sz]ed\s+to|declined\s+to\s+(?:be\s+(?:named|identified)|give\s+"
    r"(?:his|her|their)\s+(?:full\s+)?name)|asked\s+not\s+to\s+be\s+(?:named|identified)|"
    r"(?:would|did)\s+not\s+give\s+(?:his|her|their)\s+(?:full\s+)?name|gave\s+only\s+(?:his|her|their)\s+first\s+name|"
    r"fear(?:ed|ing|s)?\s+(?:of\s+)?(?:retaliation|reprisals?)|speaking\s+anonymously|without\s+being\s+(?:named|identified)|"
    r"because\s+(?:the\s+)?(?:talks|negotiations|matter|discussions|investigation)\s+(?:are|were|is|was)\s+"
    r"(?:private|confidential|ongoing))",
    patterns.I,
)

_AUX = r"(?:(?:have|has|had|will|would|may|might|could|also|often|long|repeatedly|previously|increasingly|" \
       r"however|quickly|privately|publicly|widely|still|now|generally|continue\s+to|began\s+to)\s+){0,3}"


def _words(items: Iterable[str]) -> str:
    return "|".join(patterns.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


def _literal(phrases: Iterable[str]) -> list[str]:
    """Phrases from config: plain words, escaped so a config can never smuggle in a pattern."""
    return [patterns.escape(" ".join(p.split())).replace(r"\ ", r"\s+") for p in phrases if p.strip()]


_CACHE: dict[tuple, Any] = {}


def _compile(parts: Iterable[str], extra: tuple[str, ...] = ()) -> regex.Pattern:
    key = (tuple(parts), extra)
    pat = _CACHE.get(key)
    if pat is None:
        body = "|".join(list(key[0]) + _literal(extra))
        pat = patterns.compile(r"(?<![\p{L}\p{N}\-])(?:" + body + r")(?![\p{L}\p{N}\-])", patterns.I)
        _CACHE[key] = pat
    return pat


def _group_pattern(groups: tuple[str, ...]) -> str:
    verbs = _words(CLAIM_VERBS)
    vague = _words(VAGUE_GROUPS + groups)
    quantified = _words(QUANTIFIED_GROUPS)
    quant = _words(QUANTIFIERS)
    # group, then an optional qualifier ("of the plan", "including Ana Ruiz"), then the verb
    return (
        r"(?P<group>(?:(?:" + quant + r")\s+(?:[\p{L}\-]+\s+){0,2}?(?:" + quantified + "|" + vague + r")|"
        r"(?:[\p{L}.\-]+\s+)?(?:" + vague + r")))"
        r"(?P<between>(?:\s+(?:of|in|on|at|from|with|within|for|across|inside|who|that)\b[^,.;:!?\"“”]{0,60}?)?"
        r"(?:\s*,\s*[^,.;!?\"“”]{1,80}?,|\s+(?:—|–|--)\s*[^.;!?\"“”—–]{1,80}?\s*(?:—|–|--))?\s+)"
        + _AUX + r"(?P<verb>" + verbs + r")"
        r"|(?P<qgroup>(?:many|some|most|several|numerous)\s+[\p{L}\-]+s)\s+" + _AUX +
        r"(?P<qverb>believe|believed|argue|argued|contend|contended|insist|insisted|claim|claimed|think|feel|"
        r"maintain|maintained|accuse|accused|allege|alleged)"
        r"|(?P<bare>(?<=^|[,;:—–]\s*|\b(?:but|and|while|though|although|yet|as|because|since|where)\s+)"
        r"(?:some|many|others|most)\s+(?:have\s+|had\s+|would\s+|will\s+|still\s+|now\s+|also\s+)?"
        r"(?P<bverb>say|said|argue|argued|believe|believed|contend|contended|claim|claimed|think|feel|fear|"
        r"feared|insist|insisted|worry|worried|warn|warned|suggest|suggested|charge|charged|predict|predicted)"
        r"(?!\s+(?:in|over|on|of|to)\b))"
    )


_GROUP = {}


def _group_regex(groups: tuple[str, ...]) -> regex.Pattern:
    pat = _GROUP.get(groups)
    if pat is None:
        pat = patterns.compile(r"(?<![\p{L}\p{N}\-])(?:" + _group_pattern(groups) + r")(?![\p{L}\p{N}\-])",
                            patterns.I)
        _GROUP[groups] = pat
    return pat


# A group named in place: "Critics, including Senator Ana Ruiz, say", "analysts at Barclays said".
_NAMING_LINK = patterns.compile(r"\b(?:including|such\s+as|like|among\s+them|led\s+by|notably|especially|namely)\b"
                             r"|(?:^|\s)(?:at|from|with|in|inside|within|polled\s+by|surveyed\s+by|"
                             r"interviewed\s+by|cited\s+by|quoted\s+by)\s+(?:the\s+)?(?=(?-i:\p{Lu}))", patterns.I)
_MEMBERS_NAMED = patterns.compile(r"\b(?:among\s+(?:them|those|the\s+(?:critics|supporters|opponents|experts|"
                               r"analysts))|including|such\s+as|led\s+by)\b[^.;]{0,40}?\p{Lu}\p{Ll}+")
_CAPITAL_NAME = patterns.compile(r"\b\p{Lu}[\p{L}'’\-.]+(?:\s+\p{Lu}[\p{L}'’\-.]+)*")
_TARGET_PREP = patterns.compile(r"\b(?:of|for|to|against|on|about|over)\s+(?:the\s+|a\s+)?$", patterns.I)

# Officials (SRC202).
_OFFICIALS = patterns.compile(
    r"(?<![\p{L}\p{N}\-])(?P<mods>(?:[\p{L}.’'\-]+\s+){0,4}?)officials\s+" + _AUX +
    r"(?P<verb>said|say|says|told|tell|confirmed|announced|stated|added|noted|warned|believe|believed|"
    r"estimated|expect|expected|acknowledged|insisted|declined|cautioned|indicated|reported|claimed)\b",
    patterns.I,
)
_VAGUE_OFFICIAL_MODS = frozenset(
    """some several many most other others senior top unnamed anonymous various two three four five
    a few u.s us american western foreign federal government administration security intelligence
    military law enforcement local regional national state the and but that said according two
    former current high-ranking ranking european arab asian african israeli iranian russian chinese
    iraqi syrian turkish afghan pakistani indian british french german mexican canadian japanese
    korean ukrainian saudi egyptian also""".split()
)
_AGENCY = patterns.compile(
    r"\b(?:\p{Lu}[\p{L}.&'’\-]*\s+){1,5}(?:Department|Agency|Office|Service|Bureau|Police|Commission|Council|"
    r"Administration|Ministry|Board|Authority|Institute|Center|Centre|Corp|Inc|Company|Co|University|"
    r"Hospital|Committee|Court|Patrol|District|Force|Army|Navy|Guard|Party|Association|Union|Foundation|"
    r"Group|Fund|Bank|Organization|Organisation)\b"
    r"|\b(?:Department|Ministry|Office|Bureau)\s+of\s+\p{Lu}"
    r"|\b(?!U\.?S\b)\p{Lu}{2,6}\b"
    r"|\b(?:police|sheriff'?s?|fire\s+department|health\s+department|school\s+district|the\s+(?:city|county|state)|"
    r"hospital|company|agency|ministry|department|campaign|prosecutors?'?\s+office)\b",
)


class _Keywords(KeywordFilter):
    """Lower-case substrings every match of a rule's pattern holds: a cheap pre-filter.

    Each rule's keywords are words every one of its phrases must contain, so skipping the
    sentences without them changes no finding; it only spares the expensive pattern
    (lookbehinds and optional word runs tried at every position) most sentences.
    `sentences(doc)` answers for every sentence at once (see _sentence_masks): a search of
    each sentence for each rule's keywords cost more than all the patterns it spared.
    """

    __slots__ = ("bit", "words")

    def __init__(self, words: Iterable[str], register: bool = False):
        flat = sorted({w.lower() for w in words if w}, key=len, reverse=True)
        super().__init__(flat)
        self.words = tuple(flat)
        self.bit = 0  # this set's bit in _sentence_masks; 0: not registered, searched per sentence
        if register and all(w.split() == [w] for w in flat):
            self.bit = 1 << len(_REGISTERED)
            _REGISTERED.append(self)
            _WORDS.forget()

    def sentences(self, doc) -> list[int]:
        """Indices (ascending) of the sentences `search` would say hold a keyword."""
        masks = _sentence_masks(doc) if self.bit else None
        if masks is None:
            prose = doc.prose
            return [i for i, s in enumerate(doc.sentences) if self.search(prose, s.start, s.end)]
        return list(compress(range(len(masks)), map(self.bit.__and__, masks)))


_REGISTERED: list[_Keywords] = []  # keyword sets without spaces; set n has bit 1 << n


class _WordMasks:
    """word -> bits of the registered keyword sets with a keyword inside it, kept across documents.

    New words are worked out a document at a time: one scan of them all for any keyword
    (few words hold one), then, for the words that do, one pass over each such word.
    The scans are stdlib `re` patterns (about four times faster than `regex` on these literal
    alternations), restored from the pattern store.
    """

    def __init__(self):
        self.masks: dict[str, int] = {}
        self.hot: set[str] = set()  # the words with any bit
        self._alternation: str | None = None  # any keyword of any registered set
        self._any = None  # a compiled _alternation
        self._at = None  # the longest keyword starting at a place: (?=(_alternation))
        self._bits: dict[str, int] = {}  # keyword -> bits of the sets holding it or a prefix of it

    def forget(self) -> None:
        """After a set registers: everything worked out so far may be wrong."""
        self.clear()
        self._alternation = self._any = self._at = None
        _SENTENCE_MASKS.clear()
        _LAST[:] = None, None, None

    def clear(self) -> None:
        self.masks.clear()
        self.hot.clear()

    def _index(self) -> None:
        bits: dict[str, int] = {}
        for keywords in _REGISTERED:
            for word in keywords.words:
                bits[word] = bits.get(word, 0) | keywords.bit
        # every keyword starting where a longer one starts is a prefix of it
        self._bits = {k: reduce(or_, (bits.get(k[:i], 0) for i in range(1, len(k) + 1)), 0) for k in bits}
        self._alternation = literal_alternation(bits)
        self._any = patterns.compile_re(self._alternation)
        self._at = patterns.compile_re(f"(?=({self._alternation}))")

    def learn(self, words: Iterable[str]) -> None:
        """Work out the masks of these words (none of them known yet)."""
        if self._alternation is None:
            self._index()
        words = list(words)
        self.masks.update(dict.fromkeys(words, 0))
        joined = "\n".join(words)  # a keyword holds no space, so no match spans two words
        pos = 0
        while (m := self._any.search(joined, pos)) is not None:
            start = joined.rfind("\n", 0, m.start()) + 1
            end = joined.find("\n", m.end())
            end = len(joined) if end < 0 else end
            word = joined[start:end]
            self.masks[word] = self._mask(word)
            self.hot.add(word)
            pos = end + 1

    def _mask(self, word: str) -> int:
        """The bits of the word's keywords: at each place the longest, standing for its prefixes."""
        return reduce(or_, (self._bits[k.group(1)] for k in self._at.finditer(word)), 0)


_WORDS = _WordMasks()
_SENTENCE_MASKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _lower_prose(doc) -> str | None:
    """doc.prose lower-cased, or None when that is no faithful lower-case copy, offset for offset.

    Lower-casing the whole prose lower-cases each sentence alike, character by character,
    unless a character grows ("İ" becomes two) or depends on its neighbours (final "Σ");
    and a case-insensitive pattern matches "ſ" (long s) as "s" though "ſ" lower-cases to
    itself. With any of them the rules take the plain way.
    """
    if _LAST[0] is doc:
        return _LAST[1]
    prose = doc.prose
    # "İ" is the one character whose lower case is longer; doc.lower_prose keeps it as it is
    if "İ" in prose or "Σ" in prose or "ſ" in prose:
        return None
    return doc.lower_prose


# The last document _sentence_masks answered for, its _lower_prose and its masks: the rules
# ask about one document after another, each several times, and an identity test is cheaper
# than a weak-key lookup. Holds one document alive until the next is asked about.
_LAST: list = [None, None, None]


def _sentence_masks(doc) -> list[int] | None:
    """Per sentence, the bits of the registered keyword sets it holds; None when not computable.

    A keyword holds no space, so it lies inside one of the sentence's space-separated words
    (cut at the sentence's ends); the answer per distinct word is kept across documents.
    Without a faithful lower-case copy (see _lower_prose), each sentence is searched instead.
    """
    if _LAST[0] is doc:
        return _LAST[2]
    lower = _lower_prose(doc)
    if doc in _SENTENCE_MASKS:
        masks = _SENTENCE_MASKS[doc]
        _LAST[:] = doc, lower, masks
        return masks
    masks = None
    if lower is not None:
        known = _WORDS.masks
        if len(known) > 200_000:  # a bound for long-running servers; refilled as needed
            _WORDS.clear()
        words = [lower[s.start:s.end].split() for s in doc.sentences]
        distinct = set().union(*words)
        new = distinct.difference(known)
        if new:
            _WORDS.learn(new)
        # the few words of this document with a keyword; each word's hash is kept from the union
        hot = distinct.intersection(_WORDS.hot).intersection
        masks = [reduce(or_, map(known.__getitem__, hot(sentence)), 0) for sentence in words]
    _SENTENCE_MASKS[doc] = masks
    _LAST[:] = doc, lower, masks
    return masks


def _holding_both(doc, first: _Keywords, second: _Keywords) -> list[int]:
    """Indices (ascending) of the sentences with a keyword of both sets, in one pass over the
    sentence masks (a faithful lower-case copy only: see _sentence_masks)."""
    a, b = first.bit, second.bit
    return [i for i, m in enumerate(_sentence_masks(doc)) if m & a and m & b]


def _keywords(*words: Iterable[str], register: bool = True) -> _Keywords:
    """A rule's pre-filter (see _Keywords): the first word of each phrase."""
    return _Keywords((w.split()[0] for group in words for w in group), register)


class _SourcingRule(Rule):
    """Shared by the SRC rules: the phrase pattern, quotes skipped, allowed phrases honoured."""

    phrases: tuple[str, ...] = ()
    keywords: _Keywords | None = None  # see _keywords; None runs the pattern on every sentence
    # The words (lower-case) every match of `phrases` starts with, each followed by a space:
    # the pattern is tried only there (scan_at), not at every character. () tries it everywhere.
    starts: tuple[str, ...] = ()
    _starts_at = None  # `starts` as a stored stdlib `re` pattern, restored on first use (see _start_positions)
    options = {"extra-phrases": [], "allowed-phrases": []}

    @classmethod
    def _start_positions(cls, lower: str, start: int, end: int) -> list[int]:
        """Where a word of `starts` stands in lower[start:end], followed by a space: every place
        a phrase can start (with İ and ſ, the lower-case copy is not faithful and never asked).

        Stdlib `re` whitespace holds every `regex` whitespace character. A start word is
        letters only, so a place inside a found word follows a letter, where no phrase starts.
        """
        at = cls.__dict__.get("_starts_at")
        if at is None:
            at = patterns.compile_re(r"(?<![a-z0-9\-])(?:" + literal_alternation(cls.starts) + r")(?=\s)")
            cls._starts_at = at
        return [m.start() for m in at.finditer(lower, start, end)]

    def pattern(self, options: dict[str, Any]) -> regex.Pattern:
        return _compile(self.phrases, tuple(options.get("extra-phrases", ())))

    def candidates(self, doc) -> list[int]:
        """Indices of the sentences that may hold one of the rule's phrases (see _keywords)."""
        return self.keywords.sentences(doc)

    def matches(self, doc, options: dict[str, Any]) -> Iterator[tuple[Any, Any, int]]:
        """(match, sentence, sentence index) for each phrase found outside quotes and not allowed."""
        allowed = {" ".join(a.lower().split()) for a in options.get("allowed-phrases", ())}
        pat = None  # compiled on first need: an article without the keywords never pays for it
        prose = doc.prose
        # a time limit only for phrases from config; the built-in patterns are linear
        timeout = 1.0 if options.get("extra-phrases") else None
        sents = doc.sentences
        everywhere = self.keywords is None or options.get("extra-phrases")
        # the built-in phrases tried only where one may start (see `starts`), on a faithful copy
        lower = None if everywhere or not self.starts else _lower_prose(doc)
        for i in range(len(sents)) if everywhere else self.candidates(doc):
            sent = sents[i]
            if pat is None:
                pat = self.pattern(options)
            if lower is None:
                found = pat.finditer(prose, sent.start, sent.end, timeout=timeout)
            else:
                found = scan_at(pat, prose, self._start_positions(lower, sent.start, sent.end), sent.end)
            for m in found:
                if " ".join(m.group().lower().split()) in allowed:
                    continue
                if doc.in_quote(m.start(), m.end()):
                    continue
                yield m, sent, i


def _named_attribution(doc, sent, exclude: tuple[int, int] | None = None) -> bool:
    """True when the sentence holds an attribution to a named source outside `exclude`."""
    for a in doc.attributions_in(sent):
        if exclude and a.start < exclude[1] and exclude[0] < a.end and not a.source_start >= exclude[1]:
            continue
        if doc.in_quote(a.start, a.end):
            continue
        if a.named or (a.kind != "according" and a.source.split()[:1] in (["he"], ["she"], ["He"], ["She"])):
            return True
    return False


def _anonymity_explained(doc, i: int) -> bool:
    sents = doc.sentences
    text = " ".join(sents[j].text(doc.prose) for j in (i, i + 1) if j < len(sents))
    return bool(_ANONYMITY_REASON.search(text))


class AnonymousSource(_SourcingRule):
    code = "SRC101"
    name = "anonymous-source"
    severity = "warning"
    summary = "A claim attributed to unnamed sources or insiders"
    phrases = ANONYMOUS_PHRASES
    keywords = _keywords(("source", "insider", "familiar", "briefed", "close", "knowledge"))
    # every phrase holds "source" or "insider", or else both a person ("people familiar with")
    # and a link ("close to", "familiar with", "briefed on", "with knowledge of"): far fewer
    # sentences than "close" or "knowledge" alone ("closed", "acknowledged")
    sources = _keywords(("source", "insider"))
    persons = _keywords(("person", "people", "official", "individual"))
    links = _keywords(("familiar", "briefed", "close", "knowledge"))
    starts = ("according", "source", "sources", "a", "one", "another", "two", "three", "several", "the", "that",
              "this", "said", "says", "added", "told", "people", "persons", "individuals", "industry", "company",
              "party", "campaign", "team", "government", "palace", "white", "administration", "league", "studio",
              "club", "hospital", "police", "insiders")
    doc = """
    ## What it does
    Flags claims attributed to sources the story does not name: "according to sources",
    "sources say", "a source close to the mayor", "people familiar with the matter",
    "insiders say". "Sources" of water, energy, income or funding are left alone.

    ## Why is this bad?
    A reader cannot weigh a claim whose source they cannot identify. Newsroom standards
    (AP, Reuters, the SPJ code) allow unnamed sources only when the information is vital,
    cannot be had on the record, and the story tells readers why the source was granted
    anonymity. When the same or the next sentence explains the anonymity ("spoke on
    condition of anonymity because they were not authorized to discuss ..."), the finding
    drops to `info`.

    ## Example
        According to sources, the mayor will resign on Friday.

    ## Use instead
        The mayor will resign on Friday, said Ana Ruiz, her chief of staff.
    or explain the anonymity:
        The mayor will resign on Friday, according to two aides who spoke on condition
        of anonymity because they were not authorized to discuss personnel matters.

    ## Options
    `extra-phrases` (list of plain phrases to flag too), `allowed-phrases` (list of
    phrases, as found in the text, never to flag).

    ## How to silence
    Name the source, explain the anonymity, or `<!-- copydesk: disable-next-line SRC101 -->`.
    """

    def candidates(self, doc) -> list[int]:
        if _lower_prose(doc) is None:  # "perſons": the pattern matches what no keyword finds
            return self.keywords.sentences(doc)
        sources, persons, links = self.sources.bit, self.persons.bit, self.links.bit
        return [i for i, m in enumerate(_sentence_masks(doc)) if m & sources or (m & persons and m & links)]

    def check(self, doc, options):
        for m, _sent, i in self.matches(doc, options):
            words = " ".join(m.group().split())
            if _anonymity_explained(doc, i):
                yield Hit(m.start(), m.end(), f"Claim attributed to unnamed sources ('{words}'); the story explains "
                          "the anonymity, so check that the reason given is real", severity="info")
            else:
                yield Hit(m.start(), m.end(), f"Claim attributed to unnamed sources ('{words}'); name the source "
                          "or explain why it is anonymous")


_PERSON = _words(UNNAMED_PEOPLE)
SHORT_VERBS = ("said", "says", "told", "tells", "added", "noted", "explained", "complained", "wrote", "writes",
               "claimed", "insisted", "warned", "recalled")
_SHORT_VERBS = "(?:" + "|".join(SHORT_VERBS) + ")"
_UNNAMED_PERSON_PHRASES = (
    r"(?<!\b(?:to|with|from|by|for|of|at)\s+)(?:one|an?|another)\s+" + _PERSON_ADJ + r"(?:" + _PERSON + r")"
    r"(?:\s+(?:with|from|at|in|of|for)\s+(?:the\s+)?[^,.;\"“”]{1,40}?)?\s+(?:who\s+[^,.;\"“”]{1,60}?\s+)?"
    r"(?:also\s+)?" + _SHORT_VERBS,
    r"(?<=[,“”\"]\s*)" + _SHORT_VERBS + r"\s+(?:one|an?|another)\s+" + _PERSON_ADJ + r"(?:" + _PERSON + r")"
    r"(?!\s*,?\s*\p{Lu}\p{Ll}+\s+\p{Lu})(?!\s+(?:named|identified\s+as)\b)",
)


class UnnamedPerson(_SourcingRule):
    code = "SRC102"
    name = "unnamed-person"
    severity = "warning"
    summary = "A claim carried by one unnamed person: 'one customer said', 'a senior official said'"
    phrases = _UNNAMED_PERSON_PHRASES
    keywords = _keywords(UNNAMED_PEOPLE)
    verbs = _keywords(SHORT_VERBS)  # in every phrase too, and in far fewer sentences than the people
    starts = ("one", "a", "an", "another", *SHORT_VERBS)
    doc = """
    ## What it does
    Flags a claim or quotation attributed to a single person the story does not name:
    "one customer said", "a resident told reporters", "said a senior official". An
    explanation of the anonymity in the same or next sentence lowers it to `info`.

    ## Why is this bad?
    An unnamed individual is an anonymous source. Readers cannot tell whether the person
    exists, is typical, or has a stake; newsroom policy asks for a name or a reason.

    ## Example
        "The prices doubled overnight," one customer said.

    ## Use instead
        "The prices doubled overnight," said Ana Ruiz, who has shopped there for a decade.

    ## Options
    `extra-phrases`, `allowed-phrases` (plain phrases, as with SRC101).

    ## How to silence
    Name the person, say why they are not named, or disable the rule for the line.
    """

    def candidates(self, doc) -> list[int]:
        if _lower_prose(doc) is None:  # "ſaid": the pattern matches what no keyword finds
            return self.keywords.sentences(doc)
        return _holding_both(doc, self.keywords, self.verbs)

    def check(self, doc, options):
        for m, _sent, i in self.matches(doc, options):
            words = " ".join(m.group().split())
            if _anonymity_explained(doc, i):
                yield Hit(m.start(), m.end(), f"Claim carried by an unnamed person ('{words}'); the story explains "
                          "the anonymity, so check that the reason given is real", severity="info")
            else:
                yield Hit(m.start(), m.end(), f"Claim carried by an unnamed person ('{words}'); name them or "
                          "explain why they are not named")


class VagueGroup(_SourcingRule):
    code = "SRC201"
    name = "vague-group"
    severity = "warning"
    summary = "A claim carried by a vague group: 'critics say', 'many experts warn', 'analysts note'"
    options = {"extra-groups": [], "extra-phrases": [], "allowed-phrases": []}
    phrases = VAGUE_PHRASES  # the group pattern is _group_regex's
    starts = ("certain", "in", "there", "some", "many")
    doc = """
    ## What it does
    Flags claims carried by a group nobody can check: "critics say", "critics have accused",
    "supporters argue", "some say", "many believe", "analysts note", "many experts warn",
    "observers caution", "certain sectors of the public". It stays quiet when the group is
    named in place ("Critics, including Senator Ana Ruiz and the Bar Association, say ...",
    "analysts at Barclays said") or the paragraph names its members ("Among them is ..."),
    and when "some" or "many" are plain quantifiers ("some residents lost power").

    ## Why is this bad?
    "Critics say" lets a writer voice any opinion without anyone standing behind it, and
    tells the reader nothing about how many critics there are or who they are.

    ## Example
        Critics say the new zoning code favors developers.

    ## Use instead
        The zoning code favors developers, said Ana Ruiz, who chairs the Eastside
        Neighborhood Association.

    ## Options
    `extra-groups` (list of plural nouns to treat as vague groups, e.g. "activists"),
    `extra-phrases` (plain phrases to flag on their own), `allowed-phrases`.

    ## How to silence
    Name the members of the group, or disable the rule for the line.
    """

    def check(self, doc, options):
        allowed = {" ".join(a.lower().split()) for a in options.get("allowed-phrases", ())}
        groups = tuple(patterns.escape(g.strip().lower()) for g in options.get("extra-groups", ()) if g.strip())
        pat = _group_regex(groups)
        phrases = self.pattern(options)
        prose = doc.prose
        seen: set[int] = set()
        named_in: dict = {}  # block -> whether it names the group's members: searched once per block

        def members_named(block) -> bool:
            if block not in named_in:
                named_in[block] = bool(_MEMBERS_NAMED.search(prose[block.start:block.end]))
            return named_in[block]

        lower = _lower_prose(doc)
        faithful = lower is not None  # else "economiſts" matches with no keyword found
        group_words = _GROUP_KEYWORDS if not groups else _keywords(_GROUP_WORDS, options["extra-groups"],
                                                                   register=False)
        group_set = _GROUP_START_WORDS | {g.split()[0].lower() for g in options.get("extra-groups", ()) if g.strip()}
        phrase_words = None if options.get("extra-phrases") else _VAGUE_PHRASE_KEYWORDS
        timeout = 1.0 if options.get("extra-phrases") or options.get("extra-groups") else None
        sents = doc.sentences
        # sentences with a group word and a claim verb; sentences that may hold a vague phrase
        if faithful and not groups:  # a group from config may match text its keyword is not in ("İ")
            grouped = _group_sentences(doc)
        else:
            grouped = set(group_words.sentences(doc)).intersection(_CLAIM_VERB_KEYWORDS.sentences(doc))
        if phrase_words is None:
            phrased = set(range(len(sents)))
        elif faithful:
            phrased = _vague_phrase_sentences(doc)
        else:
            phrased = set(phrase_words.sentences(doc))
        for i in sorted(grouped | phrased):
            sent = sents[i]
            block = doc.blocks[sent.block]
            found = ()
            if i in grouped:
                if faithful and not groups:
                    near = _group_candidates(prose, lower, sent.start, sent.end)
                else:
                    starts = word_starts(prose, sent.start, sent.end)
                    keyed = [a for a, b in zip(starts, starts[1:] + [sent.end], strict=True)
                             if _bare_word(prose[a:b]) in group_set]
                    near = starts_near(starts, keyed, 1)
                found = scan_at(pat, prose, near, sent.end, timeout=timeout)
            for m in found:
                words = " ".join(m.group().split())
                if words.lower() in allowed or doc.in_quote(m.start(), m.end()):
                    continue
                if m.group("qgroup") is not None and m.group("qgroup").split()[-1].lower() in _NOT_PEOPLE:
                    continue
                if m.group("verb") and m.group("verb").lower().startswith(("worr", "fear")) and _FEELING_OBJECT.match(prose, m.end()):
                    continue  # "some parents worried about buses": a feeling reported, not a claim
                if m.group("group") is not None:
                    if _group_named(m.group("group"), m.group("between")) or members_named(block):
                        continue
                    if _not_a_claim(prose, sent.start, m):
                        continue
                    head = m.group("group").split()[-1].lower()
                    if head == "officials":
                        continue  # SRC202's business
                if m.start() in seen:
                    continue
                seen.add(m.start())
                yield Hit(m.start(), m.end(), f"Claim carried by a vague group ('{words}'); name who says so")
            if i not in phrased:
                continue
            if phrase_words is not None and faithful:  # the built-in phrases, at their start words
                found = scan_at(phrases, prose, self._start_positions(lower, sent.start, sent.end), sent.end,
                                timeout=timeout)
            else:
                found = phrases.finditer(prose, sent.start, sent.end, timeout=timeout)
            for m in found:
                words = " ".join(m.group().split())
                if words.lower() in allowed or doc.in_quote(m.start(), m.end()):
                    continue
                yield Hit(m.start(), m.end(), f"Vague attribution ('{words}'); name who holds this view")


# Every group-pattern match holds a group word and a claim verb (see _group_pattern).
_GROUP_WORDS = VAGUE_GROUPS + QUANTIFIED_GROUPS + ("many", "some", "most", "several", "numerous", "others")
_GROUP_KEYWORDS = _keywords(_GROUP_WORDS)
# Words a group-pattern match starts at (or one word after): groups and the first words of quantifiers.
_GROUP_START_WORDS = frozenset(w.split()[0] for w in _GROUP_WORDS + QUANTIFIERS)
_CLAIM_VERB_KEYWORDS = _keywords(CLAIM_VERBS)
_VAGUE_PHRASE_KEYWORDS = _keywords(("certain", "quarters", "circles", "there are", "would"))

# Sharper pre-filters, for documents with a faithful lower-case copy (see _lower_prose).
# A group-pattern match holds a vague group, a quantifier ("number" of "a number of", never
# the "a") or one of "many some most several numerous others"; "people", "officials" and
# the other quantified groups only ever follow a quantifier, so they need not be looked for.
_GROUP_ANCHOR_WORDS = VAGUE_GROUPS + tuple(max(q.split(), key=len) for q in QUANTIFIERS) + (
    "many", "some", "most", "several", "numerous", "others")
_GROUP_ANCHORS = _keywords(_GROUP_ANCHOR_WORDS)
# The vague phrases: "certain sectors", "in some quarters|circles", "there are those who",
# "some|many would say".
_CERTAIN_QUARTERS = _keywords(("certain", "quarters", "circles"))
_THERE, _WHO = _keywords(("there",)), _keywords(("who",))
_WOULD, _SOME_MANY = _keywords(("would",)), _keywords(("some", "many"))


# Of those, the words a group match starts at: a quantifier, "many some most several numerous
# others", or a vague group, which a match may also start one word before ("the critics",
# "Democratic critics"). A quantified group ("people") only ever follows a quantifier, so
# neither it nor the word before it is a start (see _group_pattern).
_STARTS_BEFORE = frozenset(w for w in _GROUP_START_WORDS if w.startswith(VAGUE_GROUPS))
_MATCH_STARTS = frozenset({q.split()[0] for q in QUANTIFIERS} | {"many", "some", "most", "several", "numerous",
                                                                  "others"} | _STARTS_BEFORE)


# Where a word of _MATCH_STARTS may stand, on the faithful lower-case copy: no word
# character ("a-z0-9'’-.", all of them word characters) before it, no letter or digit after.
# Stdlib `re`, four times faster here than a `regex` pattern; restored from the pattern store
# on first use (compiling it costs ~1 ms).
@cache
def _group_start_at() -> re.Pattern:
    return patterns.compile_re(r"(?<![a-z0-9'’\-.])(?:" + literal_alternation(_MATCH_STARTS) + r")(?![a-z0-9])")


# the word before a place and what lies between, matched backwards from the place; a word is
# what linter.scan.word_starts counts as one (its WORD_RUN, imported with WORD_CHAR)
_WORD_BEFORE = patterns.compile(r"[\p{L}\p{N}'’\-.]+[^\p{L}\p{N}'’\-.]*", patterns.REVERSE)


def _group_candidates(prose: str, lower: str, start: int, end: int) -> set[int]:
    """Where in prose[start:end] a group-pattern match may start: each word start whose bare
    word (see _bare_word) is one of _MATCH_STARTS, and the word start before a vague group.

    Trying the pattern there (scan_at) gives the matches it gives at every word start whose
    bare word is a group start word and at the word start before each (what SRC201 tried
    before), without listing every word start: the places where no match can start are left
    out, and the rest are worked out only where _group_start_at() finds a start word on the
    faithful lower-case copy.
    """
    near: set[int] = set()
    for m in _group_start_at().finditer(lower, start, end):
        a = m.start()
        # a word start: the lookbehind ruled out every ASCII word character before it
        if a and not prose[a - 1].isascii() and WORD_CHAR.match(prose, a - 1):
            continue
        e = m.end()
        if e < end and not prose[e].isspace():  # "some,": the bare word up to the next word start
            run = WORD_RUN.match(prose, a, end).end()
            after = WORD_CHAR.search(prose, run, end)
            word = _bare_word(prose[a:after.start() if after else end])
            if word not in _MATCH_STARTS:
                continue
        else:
            word = m.group()
        near.add(a)
        if word not in _STARTS_BEFORE:
            continue
        before = _WORD_BEFORE.match(prose, start, a)
        # a word cut by the sentence's start is no word start of the sentence
        if before and not (before.start() == start > 0 and WORD_CHAR.match(prose, start - 1)):
            near.add(before.start())
    return near


def _group_sentences(doc) -> set[int]:
    """The sentences with a group word, a claim verb and a group anchor (on a faithful
    lower-case copy): the three sets' sentences intersected, in one pass over the masks."""
    group, verb, anchor = _GROUP_KEYWORDS.bit, _CLAIM_VERB_KEYWORDS.bit, _GROUP_ANCHORS.bit
    return {i for i, m in enumerate(_sentence_masks(doc)) if m & group and m & verb and m & anchor}


def _vague_phrase_sentences(doc) -> set[int]:
    """The sentences that may hold one of VAGUE_PHRASES (on a faithful lower-case copy):
    "certain|quarters|circles", or "there" and "who", or "would" and "some|many"."""
    certain, there, who = _CERTAIN_QUARTERS.bit, _THERE.bit, _WHO.bit
    would, some_many = _WOULD.bit, _SOME_MANY.bit
    return {i for i, m in enumerate(_sentence_masks(doc))
            if m & certain or (m & there and m & who) or (m & would and m & some_many)}


def _bare_word(chunk: str) -> str:
    """The lower-case word a chunk of text starts with, without trailing punctuation."""
    parts = chunk.split(None, 1)
    return parts[0].rstrip(".,;:!?\"”’')]").lower() if parts else ""


# "worried about", "feared for": a feeling reported, not a claim (matched at the verb's end,
# never on a slice of the rest of the prose)
_FEELING_OBJECT = patterns.compile(r"\s+(?:about|over|for|of)\b", patterns.I)

_NOT_PEOPLE = frozenset("""studies reports polls surveys data results figures numbers things items days years
    months weeks times ways cases parts kinds types sorts models products""".split())
_DEFINITE = frozenset("the these those such its their his her our this that both".split())
_POLL_BEFORE = patterns.compile(r"(?:\d\s*%|percent|per\s+cent|share|proportion|majority|minority|half|third|quarter|"
                             r"fifth|number|most|two-thirds|three-quarters)\s+(?:of\s+)?(?:the\s+|all\s+|[\p{L}’'\-]+\s+)?$",
                             patterns.I)
_NEGATED = patterns.compile(r"\b(?:not|never|n[’']t|no\s+longer)\b", patterns.I)


_DIGIT = patterns.compile(r"\d")


def _not_a_claim(prose: str, sent_start: int, m) -> bool:
    """A poll result, a group defined earlier ("the experts"), or a denial: not a vague attribution."""
    group = m.group("group")
    if group.split()[0].lower() in _DEFINITE:
        return True
    if _DIGIT.search(m.group("between")) or _POLL_BEFORE.search(prose[max(sent_start, m.start() - 40):m.start()]):
        return True
    return bool(_NEGATED.search(prose[m.end("between"):m.start("verb")] + m.group("between")))


def _group_named(group: str, between: str) -> bool:
    """True when the group's own words or the words before its verb name its members."""
    if not between.strip():
        return False
    if _NAMING_LINK.search(between) and _CAPITAL_NAME.search(between):
        return True
    for cap in _CAPITAL_NAME.finditer(between):
        before = between[:cap.start()]
        if _TARGET_PREP.search(before):
            continue  # "critics of Mayor Ruiz": the target, not the critics
        if names_source(cap.group()):
            return True
    return False


_ACRONYM = patterns.compile(r"\p{Lu}{2,6}")


class UnnamedOfficials(_SourcingRule):
    code = "SRC202"
    name = "unnamed-officials"
    severity = "warning"
    summary = "'Officials said' with no agency or name"
    options = {"allowed-phrases": []}
    keywords = _keywords(("fficials",))
    doc = """
    ## What it does
    Flags "officials said", "senior officials told reporters", "U.S. officials say" when
    neither the sentence nor the same or previous paragraph says whose officials they are.
    "Police officials said", "officials at the county health department said" and "Fire
    Department officials said" are left alone.

    ## Why is this bad?
    "Officials" could be anyone from a clerk to a cabinet member; readers cannot check
    the claim or weigh the officials' interest in it.

    ## Example
        Officials said the bridge would reopen by spring.

    ## Use instead
        The bridge will reopen by spring, said Ana Ruiz, a spokeswoman for the state
        Department of Transportation.

    ## Options
    `allowed-phrases` (phrases, as found in the text, never to flag).

    ## How to silence
    Name the agency or the official, or disable the rule for the line.
    """

    def check(self, doc, options):
        allowed = {" ".join(a.lower().split()) for a in options.get("allowed-phrases", ())}
        prose = doc.prose
        sents = doc.sentences
        # the sentences holding "fficials" as it is written (so not "OFFICIALS"), among those whose
        # lower-case copy holds it (see _sentence_masks)
        for i in self.keywords.sentences(doc):
            sent = sents[i]
            if prose.find("fficials", sent.start, sent.end) < 0:
                continue
            agency = None  # per sentence, not per match: a sentence of 5,000 "officials said" stays linear
            for m in _OFFICIALS.finditer(prose, sent.start, sent.end):
                if doc.in_quote(m.start(), m.end()):
                    continue
                mods = m.group("mods").split()
                # the modifiers that belong to "officials": back to the first clause word
                own: list[str] = []
                for w in reversed(mods):
                    if w.endswith((",", ";", ":")) or w.lower() in ("and", "but", "that", "said", "as", "when",
                                                                    "while", "because", "after", "before"):
                        break
                    own.insert(0, w)
                start = m.start("mods") + m.group("mods").rfind(own[0]) if own else m.start() + len(m.group("mods"))
                if any(w.lower().strip(".,") not in _VAGUE_OFFICIAL_MODS and w.lower() != "the" for w in own):
                    continue  # "police officials", "Pentagon officials", "county health officials"
                words = " ".join(prose[start:m.end()].split())
                if words.lower() in allowed:
                    continue
                if agency is None:
                    agency = bool(_AGENCY.search(prose[sent.start:sent.end])) or self._agency_nearby(doc, sent)
                if agency:
                    continue
                yield Hit(start, m.end(), f"'{words}' names no agency or official; say whose officials they are")

    @staticmethod
    def _agency_nearby(doc, sent) -> bool:
        lo = doc.blocks[max(0, sent.block - 1)].start
        for m in _AGENCY.finditer(doc.prose, lo, sent.start):
            found = m.group()
            if _ACRONYM.fullmatch(found):
                continue  # an acronym in a nearby sentence may be a journal or a party, not the officials' agency
            if found[:1].isupper() or found.lower().startswith(("police", "sheriff", "fire department")):
                return True
        return False


# who did the study, named after or before the phrase: "a study by the RAND Corporation found"
_STUDY_SOURCE_AFTER = patterns.compile(
    r"\s*(?:by|from|at|in|of|published|conducted|led|funded|released|commissioned)\b[^.;]{0,80}?\p{Lu}")
_STUDY_SOURCE_BEFORE = patterns.compile(r"\b(?:by|from|at|in)\s+(?:the\s+)?\p{Lu}\p{L}+[^.]{0,30}$")


class UnnamedResearch(_SourcingRule):
    code = "SRC203"
    name = "unnamed-research"
    severity = "warning"
    summary = "'Studies show' or 'research has shown' with no study named"
    phrases = RESEARCH_PHRASES
    keywords = _keywords(("stud", "research", "survey", "poll", "report"))
    # every phrase also holds its verb ("show", "found" ...) or "according": far fewer sentences
    # than "report" alone ("reporters", "reported")
    verbs = _keywords(("show", "suggest", "find", "found", "indicat", "prov", "confirm", "demonstrat", "according"))
    starts = ("many", "numerous", "several", "some", "recent", "new", "multiple", "countless", "previous", "other",
              "scientific", "medical", "studies", "research", "surveys", "polls", "reports", "a", "one", "according")
    doc = """
    ## What it does
    Flags "studies show", "research has shown", "a recent study found", "according to
    studies" when the sentence does not name the study, its authors or where it was
    published. "According to a study published in JAMA" and "a 2024 study by the
    University of Michigan found" are left alone.

    ## Why is this bad?
    Readers cannot find, read or weigh a study the story does not name, and "studies
    show" often stands in for a single weak or misread paper.

    ## Example
        Studies show that four-day school weeks raise test scores.

    ## Use instead
        A 2023 study by the RAND Corporation found that four-day school weeks ...

    ## Options
    `extra-phrases`, `allowed-phrases` (plain phrases).

    ## How to silence
    Name the study, or disable the rule for the line.
    """

    def candidates(self, doc) -> list[int]:
        if _lower_prose(doc) is None:  # "ſhow": the pattern matches what no keyword finds
            return self.keywords.sentences(doc)
        return _holding_both(doc, self.keywords, self.verbs)

    def check(self, doc, options):
        prose = doc.prose
        for m, sent, _i in self.matches(doc, options):
            after = prose[m.end():sent.end]
            before = prose[sent.start:m.start()]
            # "A study by the RAND Corporation found", "studies published in JAMA show"
            if _CAPITAL_NAME.search(m.group()[1:]) and names_source(m.group()[1:]):
                continue
            if _STUDY_SOURCE_AFTER.match(after) and names_source(after[:100]):
                continue
            if _named_attribution(doc, sent, (m.start(), m.end())) or _STUDY_SOURCE_BEFORE.search(before):
                continue
            words = " ".join(m.group().split())
            yield Hit(m.start(), m.end(), f"'{words}' names no study; name the study, its authors or where "
                      "it was published")


# Every AGENTLESS_PHRASES match holds "it" and a space ("it is believed") or "to be"/"to have"
# ("is thought to be"), on the lower-case copy: most sentences with "said" hold neither.
# Stdlib `\s` is a superset of regex's. No lookbehind for the word start of "it": it would
# let ~10% fewer sentences through but cost more than it spares.
_IT_OR_TO_BE = patterns.compile_re(r"it\s|\sto\s+(?:be|have)(?![a-z0-9])")


class AgentlessAttribution(_SourcingRule):
    code = "SRC301"
    name = "agentless-attribution"
    severity = "warning"
    summary = "Agentless attribution: 'it is believed', 'it has been reported', 'is said to be'"
    phrases = AGENTLESS_PHRASES
    keywords = _keywords(("believed", "said", "reported", "thought", "rumo", "understood", "claimed", "alleged",
                          "suggested", "feared", "assumed", "speculated", "whispered", "estimated"))
    doc = """
    ## What it does
    Flags passive attribution that hides who believes, says or reports something: "it is
    believed", "it is said", "it has been reported", "it is thought", "the suspect is
    believed to be". It stays quiet when the sentence names who holds the view ("It is
    believed the fire started in the kitchen, Fire Chief Ana Ruiz said").

    ## Why is this bad?
    The passive removes the source: the reader cannot tell whether "it is believed" means
    the police, the reporter or a rumor.

    ## Example
        It is believed the company will move its headquarters.

    ## Use instead
        The company will move its headquarters, its chief executive, Ana Ruiz, said.

    ## Options
    `extra-phrases`, `allowed-phrases` (plain phrases).

    ## How to silence
    Say who believes it, or disable the rule for the line.
    """

    def candidates(self, doc) -> list[int]:
        found = self.keywords.sentences(doc)
        lower = _lower_prose(doc)
        if lower is None:  # "İt": the pattern matches what the lower-case copy hides
            return found
        sents = doc.sentences
        return [i for i in found if _IT_OR_TO_BE.search(lower, sents[i].start, sents[i].end)]

    def check(self, doc, options):
        for m, sent, _i in self.matches(doc, options):
            if _named_attribution(doc, sent, (m.start(), m.end())):
                continue
            words = " ".join(m.group().split())
            yield Hit(m.start(), m.end(), f"Agentless attribution ('{words}'); say who believes or reports it")


_REPORTED_BY = patterns.compile(
    r"\b(?:according\s+to|reported|reports|report|reporting|told|first\s+reported|citing|cited|via)\b", patterns.I)


_SOURCED_SENTENCE = patterns.compile(r"\baccording\s+to\b|^\W*(?:from|via|per)\s+(?:the\s+)?(?-i:\p{Lu})", patterns.I)


class Reportedly(_SourcingRule):
    code = "SRC302"
    name = "reportedly"
    severity = "warning"
    summary = "'Reportedly' with no report named"
    phrases = REPORTEDLY_PHRASES
    keywords = _keywords(("reportedly", "rumo"))
    doc = """
    ## What it does
    Flags "reportedly" (and "purportedly", "rumoredly") when neither its sentence nor the
    sentence before names the report: the publication, agency or person who reported it.

    ## Why is this bad?
    "Reportedly" passes on a claim while hiding where it came from and whether anyone
    confirmed it. Readers cannot judge a report they cannot find.

    ## Example
        The striker reportedly asked to be transferred.

    ## Use instead
        The striker asked to be transferred, The Daily Record reported Tuesday.

    ## Options
    `extra-phrases`, `allowed-phrases` (plain phrases).

    ## How to silence
    Name the report, or disable the rule for the line.
    """

    def check(self, doc, options):
        sents = doc.sentences
        for m, sent, i in self.matches(doc, options):
            if _named_attribution(doc, sent, (m.start(), m.end())) or _SOURCED_SENTENCE.search(sent.text(doc.prose)):
                continue
            prev = sents[i - 1] if i > 0 and sents[i - 1].block == sent.block else None
            if prev is not None and _REPORTED_BY.search(prev.text(doc.prose)) and _named_attribution(doc, prev):
                continue
            words = m.group()
            yield Hit(m.start(), m.end(), f"'{words}' with no report named; say who reported it")


class UnattributedReputation(_SourcingRule):
    code = "SRC303"
    name = "unattributed-reputation"
    severity = "warning"
    summary = "A reputation nobody holds: 'is widely regarded as', 'has been described as'"
    phrases = REPUTATION_PHRASES
    keywords = _keywords(("regarded", "considered", "seen", "viewed", "described", "acknowledged", "acclaimed",
                          "recogni", "thought", "accepted", "credited", "characteri", "portrayed", "label", "dubbed"))
    starts = ("is", "are", "was", "were", "has", "have", "had")
    doc = """
    ## What it does
    Flags a reputation or description with no one behind it: "is widely regarded as",
    "is generally considered", "has been described as", "is considered by many". It stays
    quiet when the sentence names who regards or describes ("has been described by the
    Tribune's critic Ana Ruiz as ...", "... said Ana Ruiz").

    ## Why is this bad?
    "Widely regarded" asserts a consensus without showing it; "has been described as"
    repeats a label without saying who applied it.

    ## Example
        The chef is widely regarded as the city's best.

    ## Use instead
        The chef won the James Beard Award for the region in 2025.

    ## Options
    `extra-phrases`, `allowed-phrases` (plain phrases).

    ## How to silence
    Say who holds the view, give the evidence, or disable the rule for the line.
    """

    def check(self, doc, options):
        for m, sent, _i in self.matches(doc, options):
            if _named_attribution(doc, sent, (m.start(), m.end())):
                continue
            words = " ".join(m.group().split())
            yield Hit(m.start(), m.end(), f"Unattributed reputation ('{words}'); say who holds this view, "
                      "or give the evidence")


RULES = [AnonymousSource, UnnamedPerson, VagueGroup, UnnamedOfficials, UnnamedResearch, AgentlessAttribution,
         Reportedly, UnattributedReputation]
