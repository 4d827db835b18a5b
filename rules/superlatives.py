"""Superlatives and puffery (SUP): praise and scale claims with nothing behind them.

SUP1xx superlatives: "the most powerful", "one of the greatest", "the best supplement"
(SUP101) and absolute claims, "the largest ever", "unprecedented", "record-breaking", "the
first-ever", "the only ... on the market" (SUP102).
SUP2xx puffery: peacock words, "world-class", "iconic", "cutting-edge" (SUP201), and
promises of results, "a swift, decisive solution", "clinically proven" (SUP202).
SUP3xx vague intensifiers standing in for a figure: "dramatically", "massive", "widely",
"significant" (SUP301).

Superlatives are found from their form (the -est words, "most"/"least" + an adjective,
"best" and "worst") after a determiner ("the", a possessive, "one of the"), not from a
word list; the word lists below are data a newsroom extends or trims through each rule's
options. A finding is dropped when the claim is supported in its own sentence: a figure,
a date range ("since 2009"), a citation ("state data show") or an attribution clause
(`doc.attributions_in`; the SRC rules judge the source itself). Superlatives inside
quotation marks are someone's words, not the writer's: left alone, and the SRC rules judge
whether the speaker is named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from linter import Hit, Rule, patterns
from linter.scan import literal_alternation, scan_at

if TYPE_CHECKING:
    import regex

# -- word lists (data) ------------------------------------------------------------------------

# Adjectives whose superlative is a measurement a reader can check ("the largest city"):
# fine with a scope ("the state's largest", "the largest ... in Texas"), else only a note.
MEASURABLE = (
    "large", "big", "small", "high", "low", "long", "short", "old", "young", "tall", "deep", "wide", "heavy",
    "light", "fast", "slow", "early", "late", "near", "close", "far", "rich", "poor", "cheap", "hot", "cold",
    "warm", "wet", "dry", "busy", "steep", "costly", "wealthy", "populous", "common", "frequent", "densely",
    "populated", "visited", "watched", "read", "selling", "paid", "ranking", "rated", "viewed", "used",
    "known", "growing", "hit", "seller", "sellers", "expensive", "lucrative", "senior", "deadly", "lethal",
)
# -est words that are not superlatives, and superlatives that claim nothing ("the latest").
NOT_SUPERLATIVE = (
    "interest", "forest", "contest", "protest", "request", "guest", "west", "chest", "nest", "quest", "test",
    "rest", "arrest", "harvest", "honest", "dishonest", "modest", "immodest", "earnest", "manifest", "conquest",
    "priest", "suggest", "digest", "invest", "inquest", "behest", "midwest", "southwest", "northwest", "pest",
    "vest", "zest", "crest", "unrest", "tempest", "bequest", "attest", "detest", "pretest", "everest",
    "budapest", "bucharest", "incest", "infest", "molest", "lest", "celeste", "forrest", "ernest", "wrest",
    "blest", "abreast", "breast", "beast", "feast", "least", "east", "northeast", "southeast", "yeast",
    "latest", "earliest", "soonest", "nearest", "closest", "newest", "next", "interest", "self-interest",
    "bitcoinest", "gest", "jest", "fest", "infest", "backrest", "headrest", "armrest", "footrest",
    "retest", "contest", "mideast", "hardest-hit", "highest-ranking", "honest", "best-laid", "nest-egg",
)
# Nouns after "the best"/"the worst" that make a choice, not a boast: "the best way to".
NEUTRAL_NOUNS = (
    "way", "ways", "approach", "approaches", "course", "means", "method", "methods", "strategy", "strategies",
    "option", "options", "path", "route", "interest", "interests", "practice", "practices", "chance", "chances",
    "bet", "guess", "hope", "use", "time", "friend", "friends", "man", "wishes", "regards", "case", "scenario",
    "effort", "efforts", "intentions", "judgment", "judgement", "evidence", "estimate", "estimates",
    "available", "information", "defense", "defence", "offense", "response", "thing", "things", "possible",
    "part", "we", "i", "he", "she", "they", "you", "it", "that", "this", "of", "to", "for", "is", "was",
    "nightmare", "nightmares", "enemy", "enemies", "and", "or", "behavior", "behaviour", "yet",
)
# The second word after "the best" that still makes a choice: "the best expert solutions".
CHOICE_NOUNS = (
    "way", "ways", "approach", "approaches", "option", "options", "solution", "solutions", "result", "results",
    "outcome", "outcomes", "method", "methods", "strategy", "strategies", "practice", "practices", "course",
    "path", "route", "answer", "answers", "deal", "deals",
)
# Fixed expressions built on a superlative that rank nothing (patterns; a superlative inside
# one is left alone). "{poss}" stands for a possessive (his, their, one's ...).
IDIOMS = (
    r"(?:not\s+)?in\s+the\s+(?:very\s+)?(?:slightest|least)",
    r"at\s+(?:the\s+)?(?:very\s+)?(?:least|most|best|worst|latest|earliest|outside|minimum|maximum)",
    r"to\s+say\s+the\s+least", r"last\s+but\s+not\s+least", r"(?:not\s+)?(?:the\s+)?least\s+of\s+(?:which|all|them|it)",
    r"for\s+the\s+most\s+part", r"(?:make|makes|made|making)\s+the\s+(?:most|best)\s+of",
    r"to\s+the\s+(?:fullest|utmost|best\s+of)", r"the\s+best\s+of\s+both\s+worlds",
    r"(?:the\s+)?best\s+and\s+(?:the\s+)?brightest", r"with\s+the\s+best\s+(?:of\s+)?intentions?",
    r"(?:do|does|did|doing|done|try|tries|tried|trying|work|works|worked|working)\s+{poss}\s+(?:very\s+)?(?:damndest|damnedest|darnedest|"
    r"level\s+best|utmost|best|hardest)",
    # "in the most extreme of cases", "in the strongest of terms"
    r"in\s+the\s+(?:most\s+\p{L}+|\p{L}+est)\s+of\s+(?:cases|circumstances|situations|times|ways|terms|scenarios)",
    # "in the finest Republican tradition", "in the best traditions of"
    r"in\s+(?:the|{poss})\s+(?:finest|best|greatest|truest|noblest|grandest|proudest|oldest)\s+"
    r"(?:[\p{L}\-]+\s+){0,3}?traditions?",
    # "the most important thing is", "the best thing to do": a way of speaking, not a ranking
    r"the\s+(?:single\s+)?(?:most\s+important|best|worst|hardest|easiest|biggest)\s+thing\s+"
    r"(?:is|was|to|for|about|right\s+now|now|here|we|you|i)\b",
    # "the furthest she was willing to go", "the best he could do", "the least we can do": a limit
    r"the\s+(?:very\s+)?(?:furthest|farthest|most|best|least|longest|hardest|worst)\s+(?:(?:he|she|they|we|i|you|it|"
    r"anyone|anybody|someone|one|\p{Lu}\p{L}+)\s+)(?:was|were|is|are|am|had|has|have|could|can|would|will|might|"
    r"may|should|did|does|do)\b",
    r"the\s+most\s+(?:basic|elementary|rudimentary|preliminary)\s+of",
    # "the lowest of the low", "the best of the best": an emphatic phrase, not a ranking
    r"the\s+(?:very\s+)?(?:lowest\s+of\s+the\s+low|best\s+of\s+the\s+best|worst\s+of\s+the\s+worst|"
    r"poorest\s+of\s+the\s+poor|richest\s+of\s+the\s+rich|weakest\s+of\s+the\s+weak)",
    # "reserved its harshest criticism for", "saves his strongest words for": where the blame went
    r"(?:reserv|sav)(?:e|es|ed|ing)\s+(?:{poss}|the)\s+(?:very\s+)?(?:most\s+\p{L}+|\p{L}+est|best|worst)\s+"
    r"(?:[\p{L}\-]+\s+){1,3}?for",
    # "the biggest diss that senators can come up with": a limit of what someone manages, not a ranking
    r"the\s+(?:very\s+)?(?:most\s+\p{L}+|\p{L}+est|best|worst)\s+(?:[\p{L}\-]+\s+){1,2}(?:(?:that|which)\s+)?"
    r"(?:[\p{L}\-’']+\s+){1,3}?(?:can|could|will|would|(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+able\s+to)\s+(?:ever\s+)?"
    r"(?:come\s+up\s+with|muster|manage|think\s+of|dream\s+up)",
    # "the mildest of slurs", "the simplest of tasks": emphasis (even a mild slur), not a ranking of named things
    r"the\s+(?:very\s+)?(?:most\s+\p{L}+|\p{L}+est)\s+of\s+(?!(?:the|his|her|its|their|our|my|your|this|these|those|"
    r"all|them|us|any|both|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|hundreds)\b)\p{Ll}+s\b",
    # "Trump at his most fiendish": a mood of the moment, not a ranking
    r"at\s+{poss}\s+(?:very\s+)?most\s+\p{L}+",
)
# A superlative in a frame of choosing or wanting ranks nothing yet: "who has the best plan",
# "to find the best candidate", "they want the best for their children".
CHOICE_FRAME = (
    r"(?:who|whoever|which|whichever)\s+(?:[\p{L}’'\-]+\s+){0,2}?(?:has|have|had|offers?|offered|is|are|was|were|"
    r"gets?|got|makes?|made|can|could|will|would)\s+(?:\p{L}+\s+)?",
    r"(?:find|finds|found|finding|choose|chooses|chose|choosing|pick|picks|picked|picking|select|selects|selected|"
    r"selecting|seek|seeks|sought|seeking|want|wants|wanted|wanting|need|needs|needed|deserve|deserves|deserved|"
    r"hire|hires|hired|hiring|recruit|recruits|recruiting|attract|attracts|attracting|identify|identifying|"
    r"determine|determining|decide|deciding|look\s+for|looking\s+for|search\s+for|searching\s+for|aim\s+for|"
    r"strive\s+for|ensure|ensuring|delivering|deliver|sell|selling|demand|demanding|expect|expecting)\s+",
)
# A clause that is hypothetical or feared: "had an unprecedented crisis summoned them",
# "the possibility that he will be the worst president", "doubted whether it would have a significant effect".
HYPOTHETICAL = (
    r"(?:^|[—–(,;:]\s*)(?:had|were|should)\s+(?:a|an|the|it|they|he|she|we|i|you|\p{Lu}\p{L}+)\b",
    r"\b(?:if|unless|whether|suppose|supposing|imagine|imagining|what\s+if|in\s+case|lest)\b",
    r"\b(?:possibility|prospect|spectre|specter|fear|fears|feared|afraid|worry|worries|worried|risk|danger)\s+"
    r"(?:that|of)\b",
)
# Someone's view, reported: "Trump continues to insist that crime is through the roof", "the
# consensus that he had only the narrowest path". A claim inside the frame is the holder's; SRC
# judges whether the holder is named.
VIEW_FRAME = (
    r"\b(?:insist|insists|insisted|insisting|claim|claims|claimed|claiming|argue|argues|argued|arguing|contend|"
    r"contends|contended|contending|believe|believes|believed|believing|assert|asserts|asserted|asserting|allege|"
    r"alleges|alleged|alleging|think|thinks|thought|maintain|maintains|maintained|"
    r"maintaining|convinced|consensus|belief|beliefs|view|argument|contention|insistence|assertion|conviction|"
    r"notion|perception|impression|theory|narrative|myth)\s+that\b",
    # without "that": "he insists the crime rate is soaring"
    r"\b(?:insist|insists|insisted|insisting|contend|contends|contended|allege|alleges|alleged|believe|believes|"
    r"believed)\s+(?=(?:the|a|an|it|this|that|these|those|they|he|she|we|his|her|their|its|\p{Lu}\p{L}+)\b)",
)

# Nouns after any superlative that make a degree, not a claim: "the highest regard", "the most
# charitable reading", "of the highest order", "the highest office in the land".
DEGREE_NOUNS = (
    "regard", "esteem", "order", "office", "court", "bidder", "sense", "interpretation", "interpretations", "reading",
    "definition", "terms", "level", "levels", "degree", "extent", "standard", "standards", "instincts", "impulses",
    "honor", "honour", "honors", "honours", "respect", "possible", "imaginable", "conceivable", "hour",
    "being", "dreams", "fears",
)
# Family and rank words: "the eldest son", "the youngest children" state a fact, not a boast.
KINSHIP_NOUNS = (
    "son", "sons", "daughter", "daughters", "child", "children", "kids", "brother", "brothers", "sister",
    "sisters", "sibling", "siblings", "grandson", "granddaughter", "grandchild", "grandchildren", "member",
    "members", "one", "ones",
)
# Superlatives used as a noun for a group of people: "the poorest", "the most vulnerable among us".
GROUP_ADJECTIVES = (
    "poor", "rich", "wealthy", "vulnerable", "disenfranchised", "weak", "needy", "sick", "young", "old",
    "marginalized", "marginalised", "disadvantaged", "privileged", "affluent", "powerful", "fortunate",
    "unfortunate", "desperate", "hungry", "frail", "talented", "gifted", "bright", "brave", "able",
)
# Nouns ending like adjectives that make "the most X" a quantity: "the most funding".
MOST_NOUNS = (
    "funding", "spending", "housing", "training", "building", "buildings", "meeting", "meetings", "thing",
    "things", "something", "nothing", "anything", "everything", "money", "attention", "evening", "morning",
    "ending", "clothing", "shipping", "parking", "listing", "listings", "rankings", "ratings", "capital",
    "potential", "seed", "seeds", "needed", "ever", "part", "parts", "recent", "likely", "of", "people",
    "talent", "percent", "content", "sentiment", "investment", "employment", "payment", "equipment",
    "deal", "total", "rental", "rentals", "medal", "medals", "goal", "goals", "signal", "trial", "trials",
    "vital", "ballots", "hospital", "animal", "animals", "arrival", "arrivals", "approval", "votes", "seats",
)
# Adjectives that take "most" and carry no suffix the pattern knows.
MOST_ADJECTIVES = (
    "popular", "famous", "beautiful", "powerful", "senior", "difficult", "complex", "intense", "severe",
    "secure", "mature", "obscure", "corrupt", "wanted", "talented", "qualified", "advanced", "sophisticated",
    "experienced", "decorated", "celebrated", "respected", "admired", "hated", "feared", "trusted", "watched",
    "prolific", "vocal", "visible", "violent", "brutal", "lethal", "fatal", "vital", "crucial", "elite",
    "humane", "extreme", "sincere", "bizarre", "unique", "common", "influential", "prestigious",
)
# Absolute scope: a superlative with no ceiling at all.
RECORD_SCOPE = (
    r"ever", r"of\s+all\s+time", r"in\s+(?:all\s+of\s+)?(?:recorded\s+|modern\s+|human\s+)?history",
    r"in\s+(?:the\s+)?[\p{L}’'\-]+['’]s?\s+(?:\d+-year\s+)?history", r"on\s+(?:the\s+)?market", r"anywhere",
    r"in\s+existence", r"known\s+to\s+(?:man|science|humanity)", r"bar\s+none", r"money\s+can\s+buy",
)
# World scope: absolute for praise ("the best in the world"), a checkable fact for size
# ("the largest producer in the world", "the world's tallest building").
WORLD_SCOPE = (
    r"in\s+the\s+(?:whole\s+|entire\s+)?world", r"on\s+(?:the\s+)?(?:planet|earth)", r"in\s+the\s+universe",
    r"in\s+the\s+industry",
)
# Absolute claims on their own (SUP102). A phrase written as a pattern names, in _PATTERN_WORDS
# below, the words its matches hold (a plain phrase's words serve as they are).
_THE_ONLY = (
    r"the\s+only\s+(?:[\p{L}\-]+\s+){0,3}?(?:on\s+the\s+market|available\s+anywhere|of\s+its\s+kind|"
    r"you(?:['’]ll|\s+will)?\s+(?:ever\s+)?need|in\s+the\s+world|that\s+(?:really|actually|truly)\s+works)"
)
ABSOLUTE_PHRASES = (
    "unprecedented", "record-breaking", "record-setting", "record-shattering", "first-ever", "first ever",
    "best-ever", "greatest-ever", "unbeatable", "never-before-seen", "never before seen", "unmatched", "unrivaled", "unrivalled",
    "unparalleled", "unsurpassed", "unequaled", "unequalled", "second to none", "like no other", "best-in-class",
    "best in class", "without equal", "in a league of its own", "one of a kind", "one-of-a-kind", _THE_ONLY,
)
# "its first-ever defeat", "their first-ever reunion": the first of one's own, not a record.
_OWN_FIRST = patterns.compile(r"(?:its|their|his|her|our|my|your|[\p{L}.]+['’]s?)\s+(?:very\s+)?$", patterns.I)

# Peacock words (SUP201): praise in the writer's voice.
# "premier" the adjective ("the premier destination"), not the title ("vice premier", "the premier said")
_PREMIER = (
    r"(?<!\b(?:vice|deputy|former|provincial|state|first|acting|then)\s+)premier(?=\s+(?!(?:of|and|or|said|says|"
    r"who|has|had|is|was|will|would|to|in|on|at|for|as|with|told|called|announced)\b)\p{Ll})"
)
_MIRACLE = (
    r"miracle(?=\s+(?:cure|cures|drug|drugs|pill|pills|product|supplement|treatment|diet|remedy|fruit|food|"
    r"ingredient|weight-loss|solution|tonic|cream|berry|fix|worker|formula|herb))"
)
_MIRACULOUS = r"miraculous(?=\s+(?:cure|results?|benefits?|powers?|properties|effects?))"
PUFFERY_PHRASES = (
    "world-class", "world class", "state-of-the-art", "state of the art", "legendary", "iconic", "renowned",
    "world-renowned", "world-famous", "internationally acclaimed", "critically acclaimed", "cutting-edge",
    "cutting edge", "game-changing", "game changer", "game-changer", "groundbreaking", "ground-breaking",
    "trailblazing", "visionary", "awe-inspiring", "jaw-dropping", "mind-blowing", "breathtaking",
    "life-changing", "once-in-a-lifetime", "once-in-a-generation", "top-notch", "must-see", "must-have",
    "must-read", "top-of-the-line", "top of the line", "first-rate", "world-leading", "industry-leading",
    "innovative", "revolutionary", "prestigious", "luxurious", "phenomenal", _PREMIER, _MIRACLE, _MIRACULOUS,
)
# Words the peacock list must not flag when these follow: "Revolutionary War", "groundbreaking ceremony".
PUFFERY_EXCEPT = patterns.compile(
    r"(?:revolutionary|visionary)\s+(?:war|guards?|forces|movement|leaders?|period|era|government|party|"
    r"committee|army|council|fighters?|socialism|heroe?s?|armed|struggle|court|tribunal|front|fervor|zeal|"
    r"ideals|ideology|cause|regime|figures?|icons?)"
    r"|revolutionary(?=\s*(?:,|and|or)\s+(?:violent|militant|radical|armed|marxist|communist|socialist|anarchist|"
    r"extremist|subversive|insurrectionary))|(?<=\b(?:violent|militant|radical|armed|marxist|communist|socialist|"
    r"anarchist|extremist|subversive)\s*(?:,|and|or)\s+)revolutionary"
    r"|(?<=\b(?:get|gets|got|getting|went|turned|turn|turns)\s+)revolutionary"
    r"|groundbreaking\s+(?:ceremony|ceremonies|event|celebration|date)|(?:the|a|at|its)\s+groundbreaking\s+"
    r"(?:for|of|on|at|was|is|will|in)\b|premier\s+(?:league|li|of|[\p{Lu}])|iconic\s+(?:image|photo)s?\s+of"
    # a goal, not praise: "developing innovative solutions", "new and innovative ways to"
    r"|(?<=\b(?:develop|develops|developing|developed|find|finding|seek|seeking|need|needs|encourage|encouraging|"
    r"foster|fostering|promote|promoting|create|creating|explore|exploring|come\s+up\s+with|look\s+for|"
    r"looking\s+for)\s+(?:new\s+(?:and\s+)?|more\s+)?)innovative\s+(?:solutions?|ways?|ideas?|approach(?:es)?|"
    r"thinking|strategies|methods|models|policies|programs|responses|technologies)"
    # an aim, not an achievement: "world-class aspirations", "state-of-the-art ambitions"
    r"|(?<![\p{L}\-])(?:world\s+class|state\s+of\s+the\s+art|cutting\s+edge|top\s+of\s+the\s+line|[\p{L}\-]+)\s+"
    r"(?:aspirations?|ambitions?|plans?|hopes?|dreams?|aims?|targets?|pretensions?|"
    r"goals?(?<!\bscor\p{L}*\s+(?:[\p{L}\-]+\s+){0,3}goals?))\b"
    # a limit: "all the top-of-the-line help he could get"
    r"|(?<=\ball\s+the\s+)[\p{L}\-]+\s+[\p{L}\-]+\s+(?:(?:that|which)\s+)?(?:he|she|they|we|it|one|you|i)\s+"
    r"(?:could|can|might)\s+(?:get|find|muster)\b",
    patterns.I,
)
# Promises of results (SUP202).
_SWIFT_DECISIVE = r"swift(?:,|\s+and)\s+decisive"
_DECISIVE_SOLUTION = r"decisive\s+solution"
_PERFECT_SOLUTION = (r"(?:perfect|ultimate|definitive|permanent|complete|total|simple|easy|instant)\s+"
                     r"(?:solution|fix|cure|answer)\s+(?:to|for)")
PROMISE_PHRASES = (
    _SWIFT_DECISIVE, _DECISIVE_SOLUTION, _PERFECT_SOLUTION, "clinically proven",
    "scientifically proven", "proven to work", "guaranteed results", "guaranteed to work", "works wonders",
    "cure-all", "magic bullet", "instant results", "overnight success", "risk-free",
)
# For each phrase above written as a pattern: every match holds all the words (lower case, whole)
# of one of these groups. A sentence with none of the groups is spared the pattern.
_PATTERN_WORDS = {
    _THE_ONLY: ("only market", "only anywhere", "only kind", "only need", "only world", "only works"),
    _PREMIER: ("premier",), _MIRACLE: ("miracle",), _MIRACULOUS: ("miraculous",),
    _SWIFT_DECISIVE: ("swift decisive",), _DECISIVE_SOLUTION: ("decisive solution",),
    _PERFECT_SOLUTION: ("solution", "fix", "cure", "answer"),
}
# Vague intensifiers (SUP301): a size or a change told without its figure. Adverbs count
# next to a change or a comparison ("rose dramatically", "vastly larger"); adjectives before
# a quantity ("massive damage", "a significant increase"); "widely" before a verb of spread
# ("widely shared"); "skyrocketed" always.
INTENSIFIER_ADVERBS = (
    "dramatically", "drastically", "vastly", "significantly", "exponentially", "massively", "enormously",
    "hugely", "tremendously", "immensely", "substantially", "considerably",
)
INTENSIFIER_ADJECTIVES = ("massive", "huge", "enormous", "tremendous", "significant", "immense", "vast", "substantial")
ALWAYS_VAGUE = ("skyrocket", "skyrockets", "skyrocketed", "skyrocketing", "sky-high", "through the roof")
CHANGE_WORDS = (
    r"(?:increas|decreas|rais|reduc|expand|chang|improv|worsen|alter|boost|lower|outweigh|outnumber|outpac|slow|"
    r"accelerat|declin|climb|plung|surg|jump|soar|reshap|transform|affect|impact|escalat|intensif|diminish|curtail|"
    r"shift|spik|widen|narrow|lengthen|shorten|tighten|loosen|extend|overhaul|restructur|exceed|outperform|"
    r"underperform|expan|contract|deteriorat|strengthen|weaken|multipl|grow|shrink|fluctuat)\p{L}*"
    r"|ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|cut(?:s|ting)?|limit(?:s|ed|ing)?|grew|"
    r"grown|shrank|shrunk|more|less|fewer|better|worse|larger|smaller|bigger|higher|lower|greater|faster|slower|"
    r"cheaper|longer|shorter|stronger|weaker|richer|poorer|safer|easier|harder|above|below"
)
QUANTITY_NOUNS = (
    "increase", "increases", "decrease", "decreases", "rise", "rises", "drop", "drops", "decline", "declines",
    "gain", "gains", "loss", "losses", "growth", "cut", "cuts", "reduction", "reductions", "damage", "cost",
    "costs", "amount", "amounts", "number", "numbers", "sum", "sums", "crowd", "crowds", "turnout", "spending",
    "debt", "debts", "deficit", "deficits", "shortage", "shortages", "surge", "jump", "boost", "influx",
    "majority", "lead", "portion", "share", "percentage", "fraction", "savings", "money", "funding",
    "investment", "investments", "profit", "profits", "revenue", "revenues", "sales", "demand", "expansion",
    "layoffs", "population", "budget", "fine", "fines", "penalty", "penalties", "payout", "payouts", "subsidies",
    "traffic", "backlog", "change", "changes", "shift", "impact", "effect", "effects", "improvement",
    "improvements", "difference", "differences", "volume", "quantity", "quantities", "proportion", "rally", "spike",
    "hike", "hikes", "raise", "raises", "discount", "discounts", "returns", "sell-off", "selloff", "outflow",
    "inflow", "inflows", "outflows", "donations", "donation", "contributions", "following", "audience",
    "audiences", "attendance", "enrollment", "ratings", "viewership", "readership", "deaths", "casualties",
    "fortune", "wealth", "bonus", "bonuses", "salary", "salaries", "tax", "taxes", "tax cut", "tax cuts",
)
WIDELY_VERBS = (
    "used", "shared", "circulated", "read", "watched", "viewed", "available", "adopted", "popular", "known",
    "cited", "publicized", "publicised", "covered", "criticized", "criticised", "condemned", "praised", "mocked",
    "ridiculed", "panned", "derided", "discredited", "debunked", "supported", "opposed", "expected", "anticipated",
    "predicted", "held", "distributed", "prescribed", "deployed", "followed", "disseminated", "touted", "hailed",
    "celebrated", "denounced", "lauded", "welcomed", "embraced", "backed", "influential", "misunderstood",
    "applauded",
)

# -- evidence ---------------------------------------------------------------------------------

_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
          r"august|september|october|november|december)\.?")
# A number that measures something: not a day of the month, a clock time or a bare year.
_NUMBER = patterns.compile(r"(?<![\p{L}\p{N}])[$€£]?\d[\d,.]*(?:\s*(?:%|percent|per\s+cent))?", patterns.I)
_DATE_NUMBER = patterns.compile(
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\d{1,2}:\d\d|(?<![\p{N}$])(?:1[89]|20)\d\d(?![\d,.]*\s*(?:%|percent|people|residents|votes|units))"
    r"|\d{1,2}(?:st|nd|rd|th)\b)",
    patterns.I,
)
_QUANTITY_WORDS = patterns.compile(
    r"\b(?:percent|per\s+cent|million|millions|billion|billions|trillion|thousands|hundreds|dozens|doubled|"
    r"tripled|quadrupled|halved|doubl(?:e|es|ing)|tripl(?:e|es|ing)|twice\s+(?:as|the)|(?:two|three|four|five|six|seven|eight|nine|ten)(?:fold|\s+times)|"
    r"two-thirds|three-quarters|one-third|one-quarter)\b",
    patterns.I,
)
# A date range: "since 2009", "in 20 years", "since records began", "on record".
_DATE_RANGE = patterns.compile(
    r"\b(?:since\s+(?:at\s+least\s+)?(?:(?:the\s+)?(?:1[89]|20)\d\d|" + _MONTH + r"|records\s+began|"
    r"record-keeping|world\s+war\s+(?:i|ii|one|two|1|2)\b|the\s+(?:great\s+depression|\d\d\d\ds|\w+\s+war|recession))"
    r"|(?:from|between)\s+(?:1[89]|20)\d\d\s+(?:to|and|through)\s+(?:1[89]|20)?\d\d"
    r"|in\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|almost\s+|over\s+)?(?:\d+|a|two|three|four|five|six|"
    r"seven|eight|nine|ten|a\s+half)[\s-]+(?:years?|decades?|centuries|century|months?|generations?)"
    r"|in\s+(?:a|the\s+past|the\s+last)\s+(?:decade|century|generation|(?:half|quarter)[\s-]century|year)"
    r"|on\s+record|since\s+(?:record|records)\s+(?:began|were\s+first\s+kept)|record-keeping\s+began)",
    patterns.I,
)
# A citation with no speech verb: "state data show", "figures from the census", "ranked by Forbes".
_CITATION = patterns.compile(
    r"(?i:\b(?:data|figures|records|statistics|numbers|estimates|polls?|surveys?|census|reports?|study|studies|"
    r"analysis|rankings?|ratings|tallies|tally|count|results)\s+(?:[\p{L}]+\s+)?(?:show|shows|showed|shown|"
    r"indicate|indicates|indicated|released|compiled|published|from|by)\b)"
    r"|\b(?:ranked|rated|named|listed|chosen|voted|certified|recogni[sz]ed)\s+(?:[^.;]{0,40}?\s+)?by\s+"
    r"(?:the\s+)?\p{Lu}"
    r"|\b(?:ranked|rated|named|listed|chosen|voted)\s+(?:[^.;]{0,40}?\s+)?(?:in|by)\s+(?:[\p{L}\-]+\s+){0,3}?"
    r"(?:surveys?|polls?|rankings?|lists?|studies|historians|scholars|critics|readers|voters)\b"
    r"|\(\s*(?:source|see|ref)\b|\[\d+\]",
)

# -- shared machinery --------------------------------------------------------------------------

_EDGE_L = r"(?<![\p{L}\p{N}\-])"
_EDGE_R = r"(?![\p{L}\p{N}\-])"
_CACHE: dict[tuple, regex.Pattern] = {}


def _literal(phrases: Iterable[str]) -> list[str]:
    """Phrases from config: plain words, escaped so a config can never smuggle in a pattern."""
    return [patterns.escape(" ".join(p.split())).replace(r"\ ", r"\s+") for p in phrases if p.strip()]


def _is_pattern(phrase: str) -> bool:
    return any(c in phrase for c in "\\[](){}|?*+^$")


def _as_pattern(phrase: str) -> str:
    if _is_pattern(phrase):
        return phrase
    return patterns.escape(phrase).replace(r"\ ", r"\s+")


def _compile(phrases: tuple[str, ...], extra: tuple[str, ...] = ()) -> regex.Pattern:
    key = (phrases, extra)
    pat = _CACHE.get(key)
    if pat is None:
        def source() -> str:
            alts = sorted((_as_pattern(p) for p in phrases), key=len, reverse=True) + _literal(extra)
            return _EDGE_L + r"(?:" + "|".join(alts) + r")" + _EDGE_R

        # the source (hundreds of phrases escaped) is kept in the pattern store with the pattern
        pat = patterns.compile(patterns.derived_text("superlatives._compile" + repr(key), source), patterns.I)
        _CACHE[key] = pat
    return pat


_NO_WORDS: frozenset[str] = frozenset()


def _words_set(items: Iterable[str]) -> frozenset[str]:
    if not items:
        return _NO_WORDS  # an option left empty, as nearly always: no generator to run
    return frozenset(" ".join(i.lower().split()) for i in items)


# -- finding the few sentences worth a pattern ---------------------------------------------------
#
# An IGNORECASE alternation of phrases costs the regex engine a try at every character, and most
# sentences hold none of the phrases. But every match holds one of a few plain words, and the
# words of a document, lower-cased, are one C-level split away. A phrase pattern then runs, exactly
# as before, only in the sentences that hold one of its words; most documents have none.

# The two characters regex's IGNORECASE matches to an ASCII letter that str.lower() does not turn
# into it ("İ" would even become two characters): mapped first, so every position stays put.
_FOLD = str.maketrans({"\u0130": "i", "\u017f": "s"})
# Every byte but a lower-case ASCII letter or a hyphen becomes a space: what is left are words.
_WORD_BYTES = bytes(c if (97 <= c <= 122 or c == 45) else 32 for c in range(256))
_WORD = patterns.compile_re(r"[a-z]+(?:-[a-z]+)*")


class _Lazy:
    """A `re` pattern built and compiled (or restored from the pattern store) on its first use,
    `_Lazy(source)()`: a factored alternation of fifty stems costs a few ms to build and compile."""

    __slots__ = ("_source", "_pattern")

    def __init__(self, source):
        self._source = source
        self._pattern: re.Pattern | None = None

    def __call__(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = patterns.compile_re(self._source())
        return self._pattern


# Every word a _Keywords looks up (a head or a word of a group's rest), across all of them made so far:
# a document's vocabulary need only hold these, and intersecting its words with them costs about half
# of a set of all its words. Replaced, never changed, when a new _Keywords brings new words.
_LOOKED_UP: list[frozenset[bytes]] = [frozenset()]


class _FoldedProse:
    """A document's prose lower-cased as ASCII bytes, position for position (any other character is "?").

    `words` keeps only the runs of letters and hyphens, the rest blanked, and `known_words()` is the
    set of those runs any _Keywords looks up, as a pattern run on one sentence sees them: whether a
    document holds a word at all is one set lookup.
    """

    __slots__ = ("ascii", "words", "_sentences", "_known", "_in_sentence")

    def __init__(self, prose: str, sentences: list, lower: str | None = None):
        # `lower`: prose.lower() wherever that keeps the length (doc.lower_prose, which other rules share)
        if "\u0130" in prose or "\u017f" in prose:
            lower = prose.translate(_FOLD).lower()
        elif lower is None:
            lower = prose.lower()
        # str.lower() keeps the length once "İ" is gone; "replace" makes one "?" of each other character
        self.ascii = lower.encode("ascii", "replace")
        self.words = self.ascii.translate(_WORD_BYTES)
        self._sentences = sentences
        self._known: tuple[frozenset[bytes], frozenset[bytes]] | None = None  # (the _LOOKED_UP it was made for, the words)
        self._in_sentence: dict[int, frozenset[bytes]] = {}

    def _vocabulary(self, keep) -> frozenset[bytes] | set[bytes]:
        """`keep(words)` of the document's words, and of the pieces a sentence edge inside a word makes."""
        words = self.words
        vocabulary = keep(words.split())
        # a pattern run on a sentence sees its end as the end of the text: should a sentence ever
        # end inside a run of letters, the pieces on either side are words too
        last = len(words)
        if any(0 < s.end < last and words[s.end - 1] != 32 and words[s.end] != 32 for s in self._sentences):
            vocabulary = vocabulary.union(*(keep(words[s.start:s.end].split()) for s in self._sentences))
        return vocabulary

    @property
    def vocabulary(self) -> frozenset[bytes] | set[bytes]:
        """All the words (for tests; the rules ask `known_words()`)."""
        return self._vocabulary(set)

    def known_words(self) -> frozenset[bytes]:
        """The words of the document that some _Keywords looks up (made again should a new _Keywords add words)."""
        looked_up = _LOOKED_UP[0]
        if self._known is None or self._known[0] is not looked_up:
            self._known = (looked_up, self._vocabulary(looked_up.intersection))
        return self._known[1]

    def sentence_words(self, sent) -> frozenset[bytes]:
        """The words of one sentence (cut at its edges, as its pattern sees them)."""
        found = self._in_sentence.get(sent.start)
        if found is None:
            found = self._in_sentence[sent.start] = frozenset(self.words[sent.start:sent.end].split())
        return found


class _DocState:
    """What the SUP rules work out once per document and share: its folded prose, verdicts on its
    sentences, and its superlatives (with the options key they were found under) for SUP101 and SUP102."""

    __slots__ = ("doc", "folded", "verdicts", "superlatives")

    def __init__(self, doc):
        self.doc = doc
        self.folded: _FoldedProse | None = None
        self.verdicts: dict[tuple, bool] = {}
        self.superlatives: tuple[tuple, list] | None = None


_STATE: list[_DocState | None] = [None]  # the document being linted (the rules run one document at a time)


def _state(doc) -> _DocState:
    state = _STATE[0]
    if state is None or state.doc is not doc:
        state = _STATE[0] = _DocState(doc)
    return state


def _folded(doc) -> _FoldedProse:
    state = _state(doc)
    if state.folded is None:
        state.folded = _FoldedProse(doc.prose, doc.sentences, doc.lower_prose)
    return state.folded


def _per_sentence(check):
    """A (document, sentence) verdict worked out once per sentence: all five SUP rules ask it of the same sentences."""

    @functools.wraps(check)
    def memoised(doc, sent) -> bool:
        verdicts = _state(doc).verdicts
        key = (check, sent.start)
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = check(doc, sent)
        return verdict

    return memoised


class _Keywords:
    """Which sentences hold all the words of one of these groups, case aside?

    A superset of the sentences a phrase pattern matches in, given a group per phrase (its words)
    or per word a pattern lists. Words of letters and hyphens are looked up whole (the phrase
    patterns match at word edges); other ASCII words as substrings, and then a group's first word
    only; with a word beyond ASCII, where IGNORECASE and str.lower() part ways (the Greek final
    sigma), every sentence is a candidate.
    """

    def __init__(self, groups: Iterable[tuple[str, ...]]):
        groups = {tuple(sorted((w.lower() for w in g), key=lambda w: (-len(w), w))) for g in groups if g}
        words = {w for g in groups for w in g}
        self._usable = bool(words) and all(w.isascii() for w in words)
        self._whole = all(_WORD.fullmatch(w) for w in words)
        # the groups by their first (longest) word, with the rest of their words
        self._groups: dict[bytes, list[frozenset[bytes]]] = {}
        if self._usable:
            for g in sorted(groups):
                rest = frozenset(w.encode("ascii") for w in g[1:]) if self._whole else frozenset()
                self._groups.setdefault(g[0].encode("ascii"), []).append(rest)
        self._heads = frozenset(self._groups)
        looked_up = self._heads.union(*(rest for rests in self._groups.values() for rest in rests))
        if not looked_up <= _LOOKED_UP[0]:
            _LOOKED_UP[0] = _LOOKED_UP[0] | looked_up

    def sentences(self, doc) -> list:
        if not self._usable:
            return doc.sentences
        folded = _folded(doc)
        if self._whole:
            known = folded.known_words()
            heads, text = self._heads & known, folded.words
            if not heads:
                return []  # as most documents: none of the words
        else:
            known = None
            heads, text = self._heads, folded.ascii
        found = {}
        for head in heads:
            rests = [rest for rest in self._groups[head] if known is None or rest <= known]
            if not rests:
                continue
            i = text.find(head)
            while i >= 0:
                sent = doc.sentence_at(i)
                if sent is not None and self._holds(folded, text, sent, i, i + len(head), rests):
                    found[sent.start] = sent
                    i = text.find(head, sent.end)  # one is enough: on to the next sentence
                else:
                    i = text.find(head, i + 1)
        return [found[k] for k in sorted(found)]

    def _holds(self, folded: _FoldedProse, text: bytes, sent, start: int, end: int, rests: list) -> bool:
        """Does the sentence hold the first word at [start, end) and, for one of the groups, the rest of its words?"""
        if end > sent.end:
            return False
        if self._whole and not ((start == sent.start or text[start - 1] == 32) and (end == sent.end or text[end] == 32)):
            return False  # part of a longer word
        return any(not rest or rest <= folded.sentence_words(sent) for rest in rests)


def _phrase_words(phrase: str) -> list[tuple[str, ...]]:
    """Groups of words, all of one group in every match of the phrase: a plain phrase's words, or a pattern's groups."""
    if _is_pattern(phrase):
        try:
            return [tuple(group.split()) for group in _PATTERN_WORDS[phrase]]
        except KeyError:
            raise ValueError(f"a phrase written as a pattern needs its words in _PATTERN_WORDS: {phrase!r}") from None
    return [tuple(phrase.split())]


_KEYWORDS_CACHE: dict[tuple, _Keywords] = {}


def _keywords(phrases: tuple[str, ...], extra: tuple[str, ...] = (), more: tuple[str, ...] = ()) -> _Keywords:
    """The `_Keywords` for `_compile(phrases, extra)` (config phrases are plain words), plus `more`."""
    key = (phrases, extra, more)
    kw = _KEYWORDS_CACHE.get(key)
    if kw is None:
        groups = [g for p in phrases for g in _phrase_words(p)]
        groups += [tuple(p.split()) for p in extra if p.strip()]
        kw = _KEYWORDS_CACHE[key] = _Keywords(groups + [(w,) for w in more])
    return kw


_DIGIT = patterns.compile(r"\d")


# Where a match of each figure pattern can start, in the folded text (see _has_figure): the first
# words of _QUANTITY_WORDS, of _DATE_RANGE and of _CITATION (all after a word edge), and for
# _DATE_NUMBER a month ("jan" of "january"; no word edge before it, so every position is found,
# overlapping or not) or a digit ("?": any character beyond ASCII, a digit of another script among them).
_QUANTITY_START = _Lazy(lambda: literal_alternation((
    "per", "million", "billion", "trillion", "thousands", "hundreds", "dozens", "doubl", "tripl", "quadrupl",
    "halved", "twice", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "one")).encode("ascii"))
_DATE_RANGE_START = _Lazy(lambda: literal_alternation(("since", "from", "between", "in", "on", "record")).encode("ascii"))
_CITATION_START = _Lazy(lambda: literal_alternation((
    "data", "figures", "records", "statistics", "numbers", "estimates", "poll", "survey", "census", "report", "stud",
    "analysis", "ranking", "ratings", "tall", "count", "results", "ranked", "rated", "named", "listed", "chosen",
    "voted", "certified", "recogni", "(", "[")).encode("ascii"))
_DATE_NUMBER_START = _Lazy(lambda: rb"(?=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[0-9?])")


def _found_at(pattern: regex.Pattern, text: str, starts: re.Pattern, folded: bytes) -> bool:
    """`pattern.search(text)`, tried only where `starts` finds a place in `folded` a match can start.

    Each `starts` word is letters all through and every match of `pattern` starts after a word
    edge (or at "(" or "["), so no match starts inside a word `starts` found: a scan of `folded`
    misses none. IGNORECASE matches an ASCII letter only to its cases, "İ", "ſ" and "K", all folded to it.
    """
    return any(pattern.match(text, m.start()) for m in starts.finditer(folded))


def _has_figure(text: str, folded: bytes | None = None) -> bool:
    """A measured figure, a date range or a citation in `text` (dates and clock times do not count).

    `folded`: the text lower-cased as ASCII bytes, position for position (a slice of _FoldedProse.ascii).
    """
    if folded is None:
        folded = text.translate(_FOLD).lower().encode("ascii", "replace")
    if _found_at(_QUANTITY_WORDS, text, _QUANTITY_START(), folded) or \
            _found_at(_DATE_RANGE, text, _DATE_RANGE_START(), folded) or \
            _found_at(_CITATION, text, _CITATION_START(), folded):
        return True
    if not _DIGIT.search(text):
        return False  # every _NUMBER match holds a digit
    # the dates (_DATE_NUMBER.finditer), found only as far as the numbers need: a date holding a
    # number starts at or before it
    dates = scan_at(_DATE_NUMBER, text, [m.start() for m in _DATE_NUMBER_START().finditer(folded)])
    spans: list[tuple[int, int]] = []
    date = next(dates, None)
    for m in _NUMBER.finditer(text):
        at = m.start()
        while date is not None and date.start() <= at:
            spans.append(date.span())
            date = next(dates, None)
        if not any(a <= at < b for a, b in spans):
            return True
    return False


def _attributed(doc, sent) -> bool:
    """An attribution clause outside quotation marks in the sentence: someone says so, and SRC judges who."""
    return any(not doc.in_quote(a.start, a.end) for a in doc.attributions_in(sent))


# Someone else's characterisation: "the company calls it", "billed by the city as" (not the
# agentless "was billed as", which is the writer's own framing).
_CHARACTERISED = patterns.compile(
    r"\b(?:which|that|what)\s+(?:[\p{L}’'\-]+\s+){1,4}?(?:calls?|called|dubs?|dubbed|describes?|described|"
    r"considers?|considered|bills?|billed|terms?|termed)\b"
    r"|(?<!\b(?:was|were|is|are|been|being|be)\s+)\b(?:calls|called|calling|dubs|dubbed|describes|described|"
    r"touts|touted|hails|hailed|billed|marketed|branded|termed|labell?ed)"
    r"\s+(?:it|them|him|her|itself|himself|herself|themselves|the|its|his|their|this|that|these)\b"
    r"|(?<!\b(?:was|were|is|are|been|being|be)\s+)\b(?:describes?|described|touts?|touted|hails?|hailed|bills?|"
    r"billed|markets?|marketed|promotes?|promoted|advertises?|advertised)\s+(?:\p{L}+\s+){0,3}?as\b"
    r"|\b(?:called|dubbed|described|touted|hailed|billed|marketed|labell?ed|branded|termed|praised|promoted|"
    r"advertised)\s+(?:\p{L}+\s+){0,3}?by\s+(?:the\s+|its\s+|his\s+|her\s+)?\p{L}"
    r"|\b(?:named|voted|chosen|picked|judged|deemed|crowned)\s+(?:it|them|him|her|the|one|among)\b"
    r"|(?<!\b(?:was|were|is|are|been|being|be)\s+)\b(?:calls|called|calling|dubbed|deeming|deemed|declared|declaring|"
    r"labell?ed|branded|considers?|considered|considering)\s+(?:\p{Lu}[\p{L}.\-]*\s+){1,3}(?:to\s+be\s+|as\s+)?"
    r"(?:the|a|an|one|his|her|its|their)\b"
    # a reputation ("is widely regarded as the best") is SRC303's to judge
    r"|\b(?:regarded|considered|seen|viewed|recogni[sz]ed|acclaimed|hailed|rated|ranked|described)\s+"
    r"(?:by\s+[^,.;]{1,40}?\s+)?(?:as\s+)?(?:the|one|among|its|his|her|their|a|an)\b"
    # a verdict others passed: "reviled by their detractors as the worst", "dismissed as the weakest"
    r"|\b(?:reviled|praised|lauded|derided|dismissed|branded|labell?ed|denounced|mocked|ridiculed|pilloried|"
    r"lampooned|condemned|attacked|critici[sz]ed|celebrated|lionized|lionised|touted|portrayed|painted|cast|"
    r"characteri[sz]ed|depicted|caricatured|singled\s+out|held\s+up|hailed|described|billed)\s+"
    r"(?:(?:consistently|repeatedly|widely|often|long|frequently|routinely|variously|alternately)\s+)?"
    r"(?:by\s+[^,.;]{1,40}?\s+)?as\s+(?:the|one|among|its|his|her|their|a|an|some\s+of)\b",
    patterns.I,
)

# The first person singular outside quotation marks: a quote left unmarked or a column's own voice,
# not a news claim ("I'm the luckiest guy", "I realized that the biggest gain is").
_FIRST_PERSON = patterns.compile(
    r"(?<![\p{L}\p{N}\-’'.])(?:(?-i:I)(?:['’](?:m|ve|d|ll))?|(?-i:[Mm]e|[Mm]y|[Mm]yself))(?![\p{L}\p{N}\-])",
)
_CAPITALISED_BEFORE = patterns.compile(r"\p{Lu}[\p{L}.]*[\s\-]+$")
_NUMERAL_AFTER = patterns.compile(r"(?:war|title|phase|class|division|stage|type|level|grade|article|chapter|part|section|"
                               r"act|book|volume|round|tier|schedule|category|unit|region|game|season)\b", patterns.I)
_SENTENCE_OPENING = patterns.compile(r"^[\s\"“‘'(\[—–\-]*$")


@_per_sentence
def _first_person(doc, sent) -> bool:
    """Does the sentence speak as "I", "me" or "my" outside quotation marks (not "World War I", "Phase I")?"""
    prose = doc.prose
    for m in _FIRST_PERSON.finditer(prose, sent.start, sent.end):
        if doc.in_quote(m.start(), m.end()):
            continue
        if m.group() == "I":
            cap = _CAPITALISED_BEFORE.search(prose, sent.start, m.start())
            if cap and (not _SENTENCE_OPENING.match(prose[sent.start:cap.start()]) or _NUMERAL_AFTER.match(cap.group())):
                continue  # a numeral after a name: "World War I", "Title I", "Henry I"
        return True
    return False


def _supported(doc, sent, figures: bool = True) -> bool:
    return _vouched_for(doc, sent) or (figures and _figured(doc, sent))


# Every match of _CHARACTERISED holds the beginning of one of its verbs: a sentence with none of
# these (lower case, in the folded prose) is spared the pattern, which costs ~0.1 ms a sentence.
_CHARACTERISING_STEMS = (
    "call", "dub", "describ", "consider", "bill", "term", "tout", "hail", "market", "brand", "label", "promot",
    "advertis", "prais", "named", "voted", "chosen", "picked", "judged", "deem", "crowned", "declar", "regarded",
    "seen", "viewed", "recogni", "acclaimed", "rated", "ranked", "reviled", "lauded", "derided", "dismissed",
    "denounced", "mocked", "ridiculed", "pilloried", "lampooned", "condemned", "attacked", "critici", "celebrated",
    "lioni", "portrayed", "painted", "cast", "characteri", "depicted", "caricatured", "singled", "held",
)
# factored by common prefixes ("ca(?:ll|st)"): about twice as fast a scan as the plain alternation
_CHARACTERISING = _Lazy(lambda: literal_alternation(_CHARACTERISING_STEMS).encode("ascii"))
# Every _CHARACTERISED match starts with "which", "that", "what" or one of its verbs, so with one of
# these: the pattern is tried only there, not at every character of the sentence.
_CHARACTERISED_START = _Lazy(
    lambda: literal_alternation(_CHARACTERISING_STEMS + ("which", "that", "what")).encode("ascii"))


@_per_sentence
def _vouched_for(doc, sent) -> bool:
    """An attribution or someone else's characterisation in the sentence."""
    if _attributed(doc, sent):
        return True
    folded = _folded(doc).ascii
    if _CHARACTERISING().search(folded, sent.start, sent.end) is None:
        return False
    # _CHARACTERISED.search(text), tried only where a match can start (no match starts inside a word
    # found, which is letters all through: the pattern's first word follows a word edge)
    text = sent.text(doc.prose)
    lo = sent.start
    return any(_CHARACTERISED.match(text, m.start() - lo) for m in _CHARACTERISED_START().finditer(folded, lo, sent.end))


# Every match of _QUANTITY_WORDS, _DATE_RANGE and _CITATION holds a digit or one of these (lower case,
# in the folded prose), and every _NUMBER match a digit: a sentence with neither has no figure, and is
# spared the three searches (~20 us each a sentence).
_FIGURE_STEMS = (
    # _QUANTITY_WORDS ("per" for "percent" and "per cent", "fold" and "times" for "twofold", "two times")
    "per", "million", "billion", "trillion", "thousand", "hundred", "dozen", "doubl", "tripl", "quadrupl", "halved",
    "twice", "fold", "times", "third", "quarter",
    # _DATE_RANGE (its "from 2009 to 2012" holds digits)
    "since", "year", "decade", "centur", "month", "generation", "record",
    # _CITATION (its "[12]" holds digits)
    "data", "figure", "statistic", "number", "estimate", "poll", "survey", "census", "report", "stud", "analysis",
    "rank", "rating", "tall", "count", "result", "rated", "named", "listed", "chosen", "voted", "certified", "recogni",
    "(",
)
_FIGURE_KEY = _Lazy(lambda: literal_alternation(_FIGURE_STEMS).encode("ascii"))


@_per_sentence
def _figured(doc, sent) -> bool:
    if _FIGURE_KEY().search(_folded(doc).ascii, sent.start, sent.end) is None and \
            _DIGIT.search(doc.prose, sent.start, sent.end) is None:
        return False
    return _has_figure(sent.text(doc.prose), _folded(doc).ascii[sent.start:sent.end])


# An embedded social-media post in scraped copy: "pic.twitter.com/...", "— Jane Doe (@jdoe) September 18, 2016".
_EMBED = patterns.compile(r"pic\.twitter\.com/|\(@\w{1,15}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}", patterns.I)


@_per_sentence
def _skipped_sentence(doc, sent) -> bool:
    """A question, or a sentence holding an embedded post (someone else's words, signed)."""
    text = sent.text(doc.prose)
    if text.rstrip(" \"”’'").endswith("?"):
        return True
    # every _EMBED match holds one of these: most sentences are spared the pattern
    folded = _folded(doc).ascii
    if folded.find(b"pic.twitter.com/", sent.start, sent.end) < 0 and folded.find(b"(@", sent.start, sent.end) < 0:
        return False
    return bool(_EMBED.search(text))


_NEGATION = patterns.compile(r"(?:\b(?:not|never|no|hardly|far\s+from|nor)|n[’']t)\s+(?:\p{L}+\s+){0,2}$", patterns.I)


_CONCESSIVE = patterns.compile(r"\beven\s+(?:the|a|an|some|their|its|his|her)\s+(?:(?:most|more|very)\s+)?$", patterns.I)
# A peacock word said of something only as a possibility: "might become a game changer", "would be world-class".
_MODAL_PREDICATE = patterns.compile(
    r"\b(?:might|may|could|would|should)\s+(?:(?:yet|still|well|also|not|even|one\s+day|eventually|someday|"
    r"ultimately|really|never)\s+)*(?:become|be|prove|prove\s+to\s+be|turn\s+out\s+to\s+be|emerge\s+as|"
    r"turn\s+into|make\s+(?:it|them|him|her)|make\s+for)\s+(?:(?:a|an|the|some\s+kind\s+of|a\s+kind\s+of)\s+)?"
    r"(?:(?:real|true|genuine|potential|possible|major|big|veritable|truly)\s+)?$",
    patterns.I,
)
_PREDICATE = patterns.compile(
    r"\b(?:is|are|was|were|be|been|being|become|becomes|became|becoming|prove|proves|proved|turns?\s+out\s+to\s+be)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:real|true|genuine|potential|possible|major|big|truly)\s+)?$",
    patterns.I,
)


_PHRASE_TOOLS: dict[tuple[int, tuple[str, ...]], tuple] = {}


def _phrase_tools(phrases: tuple[str, ...], extra: tuple[str, ...]) -> tuple[regex.Pattern, _Keywords]:
    """`(_compile(phrases, extra), _keywords(phrases, extra))`, found by the phrases' identity: a rule's
    phrases are one tuple, and hashing its hundred strings at every check costs more than the lookup."""
    key = (id(phrases), extra)
    tools = _PHRASE_TOOLS.get(key)
    if tools is None or tools[0] is not phrases:
        tools = _PHRASE_TOOLS[key] = (phrases, _compile(phrases, extra), _keywords(phrases, extra))
    return tools[1], tools[2]


class _SupRule(Rule):
    """Shared by the SUP phrase rules: match, drop quotes and supported sentences, say why."""

    phrases: tuple[str, ...] = ()
    figures_count: bool = True  # does a figure in the sentence support the claim?
    hypotheticals_count: bool = True  # is a claim in a conditional or feared clause left alone?
    predicative_hypotheticals: bool = False  # left alone only when hypothetical AND said of something ("might become a game changer")?
    first_person_counts: bool = False  # is a claim in a first-person sentence left alone?
    exceptions: regex.Pattern | None = None
    what: str = ""
    advice: str = ""
    options = {"extra-phrases": [], "allowed-phrases": []}

    def check(self, doc, options: dict[str, Any]) -> Iterator[Hit]:
        allowed = _words_set(options.get("allowed-phrases", ()))
        extra = tuple(options.get("extra-phrases", ()))
        pat, keywords = _phrase_tools(self.phrases, extra)
        prose = doc.prose
        # a time limit only for phrases from config; the built-in patterns are linear, and a limit
        # would turn a legitimate 5 MB paragraph into a failure
        timeout = 1.0 if options.get("extra-phrases") else None
        for sent in keywords.sentences(doc):
            # a match inside quotation marks is someone's words (SRC judges whether the speaker is named):
            # dropped first, as every check below only drops matches and the quote check is the cheapest
            matches = [m for m in pat.finditer(prose, sent.start, sent.end, timeout=timeout)
                       if not doc.in_quote(m.start(), m.end())]
            if not matches or _skipped_sentence(doc, sent):
                continue
            supported = None
            first_person = None
            for m in matches:
                words = " ".join(m.group().split())
                if words.lower() in allowed or self._excepted(prose, sent.start, m):
                    continue
                if words.lower().startswith("first") and _OWN_FIRST.search(prose[max(sent.start, m.start() - 30):m.start()]):
                    continue
                if _NEGATION.search(prose[max(sent.start, m.start() - 30):m.start()]):
                    continue
                before = prose[max(sent.start, m.start() - 60):m.start()]
                if _CONCESSIVE.search(before):
                    continue  # "even the most cutting-edge idea": a concession, not praise
                if self.hypotheticals_count and _hypothetical(prose, sent, m.start(), _folded(doc).ascii):
                    continue  # "had an unprecedented crisis summoned them"
                if self.predicative_hypotheticals and (_MODAL_PREDICATE.search(before) or (
                        _PREDICATE.search(before) and _hypothetical(prose, sent, m.start(), _folded(doc).ascii))):
                    continue  # "it might become a game changer", "whether it is world-class"
                if _in_view(doc, sent, m.start()):
                    continue  # "he insists that crime is going through the roof"
                if self.first_person_counts:
                    if first_person is None:
                        first_person = _first_person(doc, sent)
                    if first_person:
                        continue
                if supported is None:
                    supported = _supported(doc, sent, self.figures_count)
                if supported:
                    continue
                yield Hit(m.start(), m.end(), f"{self.what} ('{words}'); {self.advice}")

    def _excepted(self, prose: str, sent_start: int, m) -> bool:
        if self.exceptions is None:
            return False
        for e in self.exceptions.finditer(prose, max(sent_start, m.start() - 40), m.end() + 40):
            if e.start() <= m.start() < e.end():
                return True
        return False


# -- superlatives -----------------------------------------------------------------------------

_SUP_WORD = patterns.compile(
    _EDGE_L + r"(?P<word>(?:most|least)\s+(?:\p{L}+ly\s+)?(?P<adj>\p{L}[\p{L}\-]*)|best|worst|\p{L}{2,}est)"
    r"(?P<compound>-\p{L}+(?:-\p{L}+)?)?" + _EDGE_R,
    patterns.I,
)
_FRAME = patterns.compile(
    r"(?P<frame>(?:(?:one|some|several|two|three|many)\s+of\s+|among\s+)?(?:the|its|his|her|their|our|my|your|"
    r"this|[\p{L}\p{N}.&’'\-]+['’]s?)\s+(?:(?:very|single|possibly|arguably|perhaps|by\s+far|all-time|"
    r"second|third|fourth|fifth|\p{L}+ly)\s+){0,2})$",
    patterns.I,
)
_ORDINAL_RANK = patterns.compile(r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+$",
                              patterns.I)
_ADJ_SUFFIX = patterns.compile(r"(?:ful|ous|ive|ic|ical|al|able|ible|ant|ent|less|ish|ing|ed|ary|ory|ile|ar|ly|y)$", patterns.I)
_IDIOM_BEFORE = patterns.compile(
    r"\bat\s+(?:the|his|her|their|its|our|my|your)\s+(?:[\p{L}\-]+\s+)?$|(?:\bat|\bfear(?:s|ed|ing)?|\bprepar(?:e|es|ed|ing)\s+for|\bhop(?:e|es|ed|ing)\s+for|\bfor|\bmake|\bmade|"
    r"\bmaking|\bget|\bgets|\bgetting|\bgot|\bbring|\bbrings|\bbrought|\bbring\s+out|\bbrought\s+out|\bdo|\bdoes|\bdid|\bdoing|\bdone|\btry|\btried|\btrying|"
    r"\bassume|\bassumed|\bexpect|\bexpected|\bbelieve)\s+(?:the|his|her|their|its|our|my|your|one['’]s)\s+$",
    patterns.I,
)
_IDIOM_AFTER = patterns.compile(r"^\s*(?:is|was)\s+(?:over|yet\s+to\s+come|behind|still\s+to\s+come)\b|^\s*of\s+(?:luck|all|both|times|"
                             r"it|them|the\s+best)\b|^\s*out\s+of\b"
                             r"|^\s*in\s+(?:people|us|him|her|them|everyone|each\s+other|humanity|mankind|human\s+nature)\b"
                             r"|^\s*(?:-|,)?\s*case\b", patterns.I)
_POSSESSIVE = patterns.compile(r"['’]s?\s+$|\b(?:its|his|her|their|our|my|your)\s+$", patterns.I)
_SCOPE_AFTER = patterns.compile(
    r"^(?:[\s-]+[\p{L}\-’']+){0,4}?\s+(?:in|of|on|at|among|across|for)\s+(?:the\s+|this\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:\p{Lu}|town|area|region|league|state|nation|country|county|city|district|division|conference|province|"
    r"world|metro|neighborhood|neighbourhood|area|class|group|field|sector|industry|series|season|year|month|"
    r"week|quarter|decade|century|era|group|category|race|family|company|firm|system|network|team|roster|"
    r"department|market|index|survey|poll|study|report|list|ranking|rankings|history)",
)


# Small checks around a superlative, compiled once here rather than through regex's cache per call.
_EVEN_BEFORE = patterns.compile(r"\beven\s+(?:\S+\s+){0,2}$", patterns.I)
_OWN_VOICE_FRAME = patterns.compile(r"(?:one\s+of\s+|some\s+of\s+)?(?:my|our|your)\b", patterns.I)
_MOST_LIKELY = patterns.compile(r"(?:most|least)\s+likely\b", patterns.I)
_LEAST_QUANTIFIER = patterns.compile(r"\s*(?:of|we|i|they|he|she|you|that|bit|amount)\b", patterns.I)
_EVER_AFTER = patterns.compile(r"\s*(?:-|\s)?(?:ever|yet)\b", patterns.I)
_NAME_AFTER = patterns.compile(r"\s+\p{Lu}")
_NAME_BEFORE = patterns.compile(r"\p{Lu}\p{L}*\s+$")
_NEXT_WORD = patterns.compile(r"[\s-]*([\p{L}’']+)")
_SECOND_WORD = patterns.compile(r"[\s-]*[\p{L}’']+\s+([\p{L}’']+)")
_WORLDS = patterns.compile(r"\bworld['’]s")
_KNOWN_AFTER = patterns.compile(r"\s*(?:-|\s)?known\b")
_NEXT_TWO_WORDS = patterns.compile(r"[\s-]*([\p{L}’'\-]+)(?:\s+([\p{L}’'\-]+))?")
_SUBSET_AFTER = patterns.compile(r"[\s-]*(?:members|ones)\s+(?:of|among|in)\s+(?:the|this|that|their|its|our)\b", patterns.I)
_GROUP_AFTER = patterns.compile(r"\s*(?:[,.;:!?)]|$|(?:of|in|among|and|who|are|were|have|will)\b)", patterns.I)
_CLAUSE_END = patterns.compile(r"[,;:.!?—–()\"“”]|\s(?:and|but|while|which|who|because)\s")
_STATISTICALLY = patterns.compile(r"statistically\s+$")


class _SuperlativeBase(Rule):
    options = {"allowed-phrases": [], "extra-measurable": [], "extra-not-superlative": []}


def _superlatives(doc, options: dict[str, Any]) -> Iterator[tuple[Any, int, int, str, str]]:
    """(sentence, start, end, words, kind) for each unsupported superlative; kind: absolute|evaluative|measurable."""
    prose = doc.prose
    allowed = _words_set(options.get("allowed-phrases", ()))
    more = options.get("extra-not-superlative")
    not_sup = _NOT_SUP | _words_set(more) if more else _NOT_SUP
    more = options.get("extra-measurable")
    measurable = _MEASURABLE | _words_set(more) if more else _MEASURABLE
    record_scope = _compile(RECORD_SCOPE)
    world_scope = _compile(WORLD_SCOPE)
    folded = _folded(doc).ascii
    for sent, first, starts in _keyed_sentences(doc, folded):
        # the word alone decides most matches ("interest", "most people"): look no further at those;
        # nor at one inside quotation marks, someone's words (SRC judges whether the speaker is named).
        # Every check below only drops a match, so the cheap ones may go first.
        found = []
        for m in scan_at(_SUP_WORD, prose, starts, sent.end):
            word = m.group("word")
            low = word.lower()
            head = low.split()[0]
            if not _not_superlative(m, word, low, head, not_sup) and not doc.in_quote(m.start(), m.end()):
                found.append((m, word, low, head))
        if not found:
            continue
        text = prose[sent.start:sent.end]
        if not _QUICK.search(text, first - sent.start) or _skipped_sentence(doc, sent):
            continue
        supported = None
        first_person = None
        for m, word, low, head in found:
            after = prose[m.end():min(sent.end, m.end() + 80)]
            if word[:1].isupper() and (m.start() > sent.start or _NAME_AFTER.match(after)):
                continue  # a name: "Best Buy", "the Greatest Generation", "Best Picture"
            if first_person is None:
                first_person = _first_person(doc, sent)
            if first_person:
                continue  # "I'm the luckiest guy": a voice speaking, not a news claim
            if supported is None:
                supported = _supported(doc, sent)
            if supported:
                continue
            before = prose[max(sent.start, m.start() - 60):m.start()]
            frame = _frame(before)
            if frame and _CONTRACTION.search(before):
                frame = None  # "he's best as": a verb, not a possessive
            if _EVEN_BEFORE.search(before) or (frame and _OWN_VOICE_FRAME.match(frame.group("frame"))):
                continue  # "even the most optimistic" (a concession); "my strongest asset" (someone speaking)
            if head in ("most", "least"):
                if frame is None or (head == "least" and _LEAST_QUANTIFIER.match(after)):
                    continue
                stem = m.group("adj").lower()
            else:
                if frame is None and not _EVER_AFTER.match(after):
                    continue
                stem = _stem(low)
            if _NAME_BEFORE.search(before) and (m.group("compound") or "").lower() in ("-selling", "-seller"):
                continue  # "New York Times best-selling": the list is named
            if low == "best" and _best_seller_fact(prose, sent, m):
                continue  # "the best-seller about Trump", "a best-selling memoir that sold a million copies"
            full = word + (m.group("compound") or "")
            span_start = m.start() - len(frame.group("frame")) if frame else m.start()
            words = " ".join(prose[span_start:m.end()].split())
            if words.lower() in allowed or full.lower() in allowed:
                continue
            if low in ("best", "worst"):
                nxt = _NEXT_WORD.match(after)
                if nxt and nxt.group(1).lower() in _NEUTRAL and not m.group("compound"):
                    continue
                two = _SECOND_WORD.match(after)
                if two and two.group(1).lower() in _CHOICE_NOUNS and not m.group("compound"):
                    continue  # "the best expert solutions"
                if _IDIOM_BEFORE.search(before) or _IDIOM_AFTER.match(after) or not after.strip(" .,;:!\"”"):
                    continue
            if _NEGATION.search(before) or _degree_or_group(stem, after, m.group("compound")):
                continue
            if _in_idiom(prose, sent, span_start, m.start(), folded) or _hypothetical(prose, sent, span_start, folded):
                continue
            if low in ("best", "worst") or head == "most":
                if frame and not _POSSESSIVE.search(frame.group("frame")) and \
                        _CHOICE.search(prose, max(sent.start, span_start - 120), m.start()):
                    continue  # "who has the best plan", "to find the best candidate"
            if _in_view(doc, sent, span_start):
                continue  # "he insists that it is the worst": his view, reported
            clause = _clause(after)
            record = record_scope.match(after.lstrip(" -")) or record_scope.search(clause)
            world = world_scope.search(clause) or (frame and _WORLDS.search(frame.group("frame")))
            compound_stem = (m.group("compound") or "").lstrip("-").lower()
            is_measurable = stem in measurable or compound_stem in measurable or bool(_ORDINAL_RANK.search(before))
            if record or (world and not is_measurable):
                kind = "absolute"
            elif is_measurable:
                if (frame and _POSSESSIVE.search(frame.group("frame"))) or _ORDINAL_RANK.search(before) \
                        or world or _SCOPE_AFTER.match(clause) or _KNOWN_AFTER.match(after):
                    continue  # "the state's largest city", "the largest employer in Ohio": a checkable fact
                kind = "measurable"
            else:
                kind = "evaluative"
            yield sent, span_start, m.end(), words, kind


# Every _SUP_WORD match starts a run of letters that ends in "est" ("largest", "best") or is
# "most", "least" or "worst", and every _QUICK match holds one of these keys too.
_SUP_KEYS = (b"est", b"most", b"least", b"worst")
_LETTERS_BEFORE = patterns.compile(r"\p{L}*", patterns.REVERSE)  # matched backwards from a position


def _keyed_sentences(doc, folded: bytes) -> list[tuple[Any, int, set[int]]]:
    """(sentence, first, starts) for each sentence holding a key (_SUP_KEYS, in the folded prose), in order.

    One pass over the document for each key. `first` is where the sentence's first key that can
    start a _QUICK match starts: no _QUICK match starts before it. `starts` holds the start of the
    run of letters around each key, the only places a _SUP_WORD match can start: trying _SUP_WORD
    there (scan_at) gives the matches a scan of the sentence gives, at a fraction of the cost of an
    IGNORECASE scan.
    """
    prose = doc.prose
    last = len(folded)
    ends: set[int] | None = None
    keyed: dict[int, tuple[Any, list[int], list[int]]] = {}
    for key in _SUP_KEYS:
        n = len(key)
        i = folded.find(key)
        while i >= 0:
            if i + n < last and 97 <= folded[i + n] <= 122 and key != b"worst":
                # "interested", "mostly": a key followed by an ASCII letter starts no _SUP_WORD match, nor
                # (but "worst", as in "worsted") any _QUICK match, unless its sentence ends right there
                if ends is None:
                    ends = {s.end for s in doc.sentences}
                if i + n not in ends:
                    i = folded.find(key, i + 1)
                    continue
            sent = doc.sentence_at(i)
            if sent is not None and i + n <= sent.end:  # the key whole in one sentence, as a scan of it sees it
                entry = keyed.get(sent.start)
                if entry is None:
                    entry = keyed[sent.start] = (sent, [], [])
                entry[1].append(i)
                # every _SUP_WORD match ends its key's run of letters ("interest", not "interested"): a key
                # followed, inside its sentence, by an ASCII letter ("worsted") starts no match, though it
                # still counts for `first`
                if i + n == sent.end or not 97 <= folded[i + n] <= 122:
                    entry[2].append(i)
            i = folded.find(key, i + 1)
    out = []
    for start in sorted(keyed):
        sent, keys, ending = keyed[start]
        if ending:
            out.append((sent, min(keys), {_LETTERS_BEFORE.match(prose, start, i).start() for i in ending}))
    return out


# Where a _FRAME match can start, in a lower-case ASCII copy of the text ("?" for any other character):
# its first word is a frame word or a possessive ("Smith's") followed by a space, so a frame word or a
# possessive's apostrophe (its run of word characters found backwards) with perhaps "s" and a space after.
_FRAME_KEY = _Lazy(lambda: r"(?:one|some|several|two|three|many|among|the|its|his|her|their|our|my|your|this|['?])"
                           r"(?=s?[\s?])")
_FRAME_RUN_ASCII = "&'-.0123456789abcdefghijklmnopqrstuvwxyz"  # the ASCII characters of _FRAME's words, lower case
_FRAME_RUN_BEFORE = patterns.compile(r"[\p{L}\p{N}.&’'\-]+", patterns.REVERSE)  # matched backwards from a position


def _frame(before: str):
    """`_FRAME.search(before)`, tried only where a frame can start in the last seven words of `before`.

    A frame ("one of the very", "among the country's arguably") is at most seven words and ends
    `before`, so no match starts earlier. (A frame holds no character str.split() takes for a
    space and the regex's \\s does not, \\x1c-\\x1f, so its words are str.split()'s words.)
    A search tries _FRAME at every character, at about a microsecond a try; _FRAME_KEY finds the
    few places worth one. IGNORECASE matches an ASCII letter only to its two cases and "İ", "ſ",
    "K", all of which the folded copy turns into that letter. (Where a longer frame word holds a
    shorter one, "this" and "his", both try the same rest: the longer, found first, stands for both.)
    """
    words = before.rsplit(None, 7)
    pos = len(words[0]) if len(words) == 8 else 0
    ascii_only = before.isascii()
    low = before.lower() if ascii_only else before.translate(_FOLD).lower().encode("ascii", "replace").decode("ascii")
    starts = set()
    for key in _FRAME_KEY().finditer(low, pos):
        at = key.start()
        if low[at] not in "'?":
            starts.add(at)
        elif ascii_only:
            starts.add(len(low[:at].rstrip(_FRAME_RUN_ASCII)))
        else:
            run = _FRAME_RUN_BEFORE.match(before, pos, at + 1)
            if run is not None:
                starts.add(run.start())
    for at in sorted(starts):
        frame = _FRAME.match(before, at)
        if frame is not None:
            return frame
    return None


def _not_superlative(m, word: str, low: str, head: str, not_sup: frozenset[str]) -> bool:
    """A match of _SUP_WORD that is no superlative, by the word alone: "interest", "most likely", "most people"."""
    if head in ("most", "least"):
        adj = m.group("adj").lower()
        return bool(_MOST_LIKELY.match(word)) or adj in _MOST_NOUNS or not (adj in _MOST_ADJ or _ADJ_SUFFIX.search(adj))
    return low in not_sup or (low + (m.group("compound") or "").lower()) in not_sup


def _superlatives_once(doc, options: dict[str, Any]) -> list[tuple[Any, int, int, str, str]]:
    """`_superlatives` computed once per document and options, for SUP101 and SUP102 alike."""
    key = tuple(tuple(options.get(k, ())) for k in ("allowed-phrases", "extra-measurable", "extra-not-superlative"))
    state = _state(doc)
    if state.superlatives is None or state.superlatives[0] != key:
        state.superlatives = (key, list(_superlatives(doc, options)))
    return state.superlatives[1]


_SELLER_NOUN = patterns.compile(r"-sellers?$", patterns.I)
_SALES_NAMED = patterns.compile(r"\b(?:lists?|charts?|sales|sold|copies|(?-i:\p{Lu}\p{L}+)\s+(?:list|chart|ranking))\b",
                             patterns.I)
_REFERRING = patterns.compile(r"\s*(?:about|by|on|of|from|that|which|[,;:)\"”])", patterns.I)


def _best_seller_fact(prose: str, sent, m) -> bool:
    """'best-seller' as the name of a book ('the best-seller about Trump'), or best-selling with its list or sales named."""
    compound = (m.group("compound") or "").lower()
    if compound not in ("-seller", "-sellers", "-selling"):
        return False
    if _SALES_NAMED.search(prose, sent.start, sent.end):
        return True
    return bool(_SELLER_NOUN.search(compound) and _REFERRING.match(prose, m.end(), sent.end))


def _degree_or_group(stem: str, after: str, compound: str | None) -> bool:
    """'the highest regard', 'the most charitable reading': a degree; 'the poorest among us': a group of people."""
    if compound:
        return False
    nxt = _NEXT_TWO_WORDS.match(after)
    if nxt and (nxt.group(1).lower() in _DEGREE or (nxt.group(2) or "").lower() in _DEGREE):
        return True
    if nxt and (stem in _MEASURABLE or stem == "eld") and nxt.group(1).lower() in _KIN:
        return True
    if _SUBSET_AFTER.match(after):
        return True  # "the most influential members of the group": a subset picked out, nobody ranked
    return stem in _GROUP and bool(_GROUP_AFTER.match(after))


def _clause(after: str) -> str:
    """The words after a superlative up to the next clause break."""
    cut = _CLAUSE_END.search(after)
    return after[:cut.start()] if cut else after


def _stem(word: str) -> str:
    """'largest' -> 'large', 'biggest' -> 'big', 'earliest' -> 'early', 'best' -> 'good'."""
    if word in ("best",):
        return "good"
    if word in ("worst",):
        return "bad"
    base = word[:-3]
    candidates = [base, base + "e"]
    if base.endswith("i"):
        candidates.insert(0, base[:-1] + "y")
    if len(base) >= 3 and base[-1] == base[-2]:
        candidates.append(base[:-1])  # "biggest" -> "big"
    for cand in candidates:
        if cand in _MEASURABLE:
            return cand
    return candidates[0]


_MEASURABLE = _words_set(MEASURABLE)
_NOT_SUP = _words_set(NOT_SUPERLATIVE)
_NEUTRAL = _words_set(NEUTRAL_NOUNS)
_DEGREE = _words_set(DEGREE_NOUNS)
_KIN = _words_set(KINSHIP_NOUNS)
_GROUP = _words_set(GROUP_ADJECTIVES)
_MOST_NOUNS = _words_set(MOST_NOUNS)
_MOST_ADJ = _words_set(MOST_ADJECTIVES)
_QUICK = patterns.compile(r"est\b|worst|\bmost\b|\bleast\b|est-", patterns.I)
_CHOICE_NOUNS = _words_set(CHOICE_NOUNS)
_POSS = r"(?:his|her|their|its|our|my|your|one['’]s)"
_IDIOMS = patterns.compile(r"(?<![\p{L}\-])(?:" + "|".join(p.replace("{poss}", _POSS) for p in IDIOMS) + r")(?![\p{L}\-])",
                        patterns.I)
_CHOICE = patterns.compile(r"(?<![\p{L}\-])(?:" + "|".join(CHOICE_FRAME) + r")(?:(?:the|their|his|her|its|our)\s+"
                        r"(?:best|worst|most\s+\p{L}+)\s+[\p{L}\-]+(?:\s+[\p{L}\-]+)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|"
                        r"\s+or\s+))*(?:the|their|his|her|its|our)\s+$",
                        patterns.I)
_HYPOTHETICAL = patterns.compile("|".join(HYPOTHETICAL), patterns.I)
_VIEW = patterns.compile("|".join(VIEW_FRAME), patterns.I)
_CLAUSE_BREAK = patterns.compile(r"[,;:—–()]|\s-\s|\.\s")
# A pronoun's contraction is not a possessive frame: "he's best as", "what's most important".
_CONTRACTION = patterns.compile(r"(?:^|\s)(?:he|she|it|that|what|who|there|here|where|let|this|everyone|nobody|"
                             r"everything|nothing|someone|somebody)['’]s\s+(?:\p{L}+ly\s+)?$", patterns.I)


# Where an IDIOMS match can start: every one opens with a letter, at a word's edge.
_IDIOM_START = patterns.compile(r"(?<![\p{L}\-])\p{L}")


# The letters every IDIOMS match begins with, lower case, one group per first word an idiom may
# have ("(?:not\s+)?in" begins "not" or "in"; "make|makes|made|making" all begin "ma").
_IDIOM_HEADS = (b"not", b"in", b"at", b"to", b"last", b"the", b"least", b"for", b"ma", b"best", b"with", b"do",
                b"did", b"tr", b"work", b"reserv", b"sav")


def _in_idiom(prose: str, sent, start: int, word_start: int, folded: bytes) -> bool:
    """Does a fixed expression (IDIOMS) start at or before `start` and hold the superlative at `word_start`?

    The big alternation is tried only at the word starts up to `start` (scan_at), which gives
    the matches its scan gives there; the scan would go on to the window's end in vain. And only
    at those whose word begins, in the folded prose, like an idiom's first word (_IDIOM_HEADS):
    IGNORECASE matches an ASCII letter only to its cases, "İ", "ſ" and "K", all folded to it.
    """
    lo = max(sent.start, start - 40)
    starts = [m.start() for m in _IDIOM_START.finditer(prose, lo, start + 1)
              if folded.startswith(_IDIOM_HEADS, m.start())]
    return any(word_start < e.end() for e in scan_at(_IDIOMS, prose, starts, min(sent.end, word_start + 80)))


# Every _HYPOTHETICAL match holds one of these (lower case, in the folded prose; "spect" for "prospect",
# "spectre", "specter"): most sentences have none before the word in question, and are spared the pattern.
_HYPOTHETICAL_STEMS = ("had", "were", "should", "if", "unless", "whether", "suppos", "imagin", "case", "lest",
                       "possibility", "spect", "fear", "afraid", "worr", "risk", "danger")
_HYPOTHETICAL_KEY = _Lazy(lambda: literal_alternation(_HYPOTHETICAL_STEMS).encode("ascii"))


def _hypothetical(prose: str, sent, start: int, folded: bytes) -> bool:
    """A conditional or feared clause before `start` in its sentence (`folded`: _FoldedProse.ascii of the prose)."""
    if _HYPOTHETICAL_KEY().search(folded, sent.start, start) is None:
        return False
    return bool(_HYPOTHETICAL.search(prose, sent.start, start))


# Every _VIEW match holds one of these (lower case, in the folded prose): most superlatives have none
# before them in their sentence, and are spared the pattern.
_VIEW_STEMS = (
    "insist", "claim", "argu", "conten", "believ", "belief", "assert", "alleg", "think", "thought", "maintain",
    "convinced", "conviction", "consensus", "view", "notion", "perception", "impression", "theory", "narrative",
    "myth",
)
_VIEW_KEY = _Lazy(lambda: literal_alternation(_VIEW_STEMS).encode("ascii"))


def _in_view(doc, sent, start: int) -> bool:
    """Someone's reported view ("insists that", "the consensus that") before `start`, in the same clause."""
    if _VIEW_KEY().search(_folded(doc).ascii, sent.start, start) is None:
        return False
    prose = doc.prose
    return any(not _CLAUSE_BREAK.search(prose, v.end(), start) for v in _VIEW.finditer(prose, sent.start, start))


class UnsupportedSuperlative(_SuperlativeBase):
    code = "SUP101"
    name = "unsupported-superlative"
    severity = "warning"
    summary = "A superlative ('the most powerful', 'one of the greatest') with no figure or source behind it"
    doc = """
    ## What it does
    Flags superlatives in the writer's own voice — "the best", "the worst", "the most
    powerful", "one of the greatest", "his finest" — when nothing in the sentence backs
    them: no figure, no date range ("since 2009"), no citation ("state data show") and no
    attribution ("a team spokesman said"). Superlatives of size or age ("the largest",
    "the oldest") are a checkable fact when scoped ("the state's largest city", "the
    largest employer in Ohio") and left alone; unscoped, they are reported as `info`.
    Left alone too: "most" as a quantifier ("most residents"), "the most recent", "at
    least", names ("Best Buy", "Best Picture"), choices ("the best approach", "the best way
    to"), idioms ("fear the worst", "do their best", "the lowest of the low"), questions,
    quotations, views reported in a frame ("insists that", "the
    consensus that", "reviled by critics as the worst"), and sentences in the first person
    singular ("I", "me", "my"), which are an unmarked quote or a column's own voice.
    Superlatives inside quotation marks are left to the SRC rules, which judge the speaker.

    ## Why is this bad?
    "The most powerful supplement" is a claim no reader can check. In news copy a
    superlative is a fact that needs its measure and its source; without them it is
    praise, and praise in the writer's voice reads as advertising.

    ## Example
        The clinic offers the most advanced treatment for back pain.

    ## Use instead
        The clinic is one of three in the state licensed to offer the treatment, according
        to the state Board of Health.

    ## Options
    `allowed-phrases` (superlatives, as found, never to flag), `extra-measurable`
    (adjectives whose superlative is a measurement, e.g. "salty"), `extra-not-superlative`
    (words ending in -est that are not superlatives in your copy, e.g. a place name).

    ## How to silence
    Give the figure or the source in the same sentence, quote the person who said it, or
    `<!-- copydesk: disable-next-line SUP101 -->`.
    """

    def check(self, doc, options):
        for _sent, start, end, words, kind in _superlatives_once(doc, options):
            if kind.startswith("absolute"):
                continue
            severity = None if kind == "evaluative" else "info"
            if kind.startswith("measurable"):
                msg = (f"Unscoped superlative ('{words}'); say what it is measured against and give the figure "
                       "or its source")
            else:
                msg = f"Superlative with nothing behind it ('{words}'); give the figure or the source, or cut it"
            yield Hit(start, end, msg, severity=severity)


class AbsoluteClaim(_SupRule):
    code = "SUP102"
    name = "absolute-claim"
    severity = "warning"
    summary = "An absolute claim ('the largest ever', 'unprecedented', 'record-breaking') with nothing behind it"
    phrases = ABSOLUTE_PHRASES
    what = "Absolute claim with nothing behind it"
    advice = "give the record it beats and its source, or cut it"
    first_person_counts = True
    options = {"extra-phrases": [], "allowed-phrases": [], "extra-measurable": [], "extra-not-superlative": []}
    doc = """
    ## What it does
    Flags claims with no ceiling: superlatives with "ever", "of all time", "in history",
    "in the world", "on the market", "anywhere" ("the largest ever", "the best supplement
    on the market"), and the absolutes "unprecedented", "record-breaking", "first-ever",
    "unmatched", "unparalleled", "second to none", "the only ... on the market". A figure,
    a date range, a citation or an attribution in the same sentence supports the claim;
    a named speaker's quotation is left alone. The ordinal "first" ("the first meeting of
    the year", "first quarter") is never flagged.

    ## Why is this bad?
    A record is a fact with a measure and a keeper of the record. Without them "the
    largest ever" and "unprecedented" are hype, and often wrong.

    ## Example
        The county saw unprecedented turnout on Tuesday.

    ## Use instead
        Turnout was 71 percent, the highest since 1992, according to the county clerk.

    ## Options
    `extra-phrases` (plain phrases to flag too), `allowed-phrases` (as found, never to
    flag), and SUP101's `extra-measurable` and `extra-not-superlative`.

    ## How to silence
    Give the record and its source in the sentence, or
    `<!-- copydesk: disable-next-line SUP102 -->`.
    """

    def check(self, doc, options):
        seen = set()
        for _sent, start, end, words, kind in _superlatives_once(doc, options):
            if kind.startswith("absolute"):
                seen.add(start)
                yield Hit(start, end, f"Absolute superlative with nothing behind it ('{words}'); give the record "
                          "it beats and its source, or cut it")
        for hit in super().check(doc, options):
            if hit.start not in seen:
                yield hit


class Puffery(_SupRule):
    code = "SUP201"
    name = "puffery"
    severity = "warning"
    summary = "Peacock words that praise without informing: 'world-class', 'iconic', 'cutting-edge'"
    phrases = PUFFERY_PHRASES
    figures_count = False
    hypotheticals_count = False  # "if the iconic store closes" still praises the store
    predicative_hypotheticals = True  # but "if the plan proves a game changer" praises nothing yet
    exceptions = PUFFERY_EXCEPT
    what = "Promotional word"
    advice = "say what makes it so (a fact, a figure) or cut it"
    doc = """
    ## What it does
    Flags peacock words in the writer's voice: "world-class", "state-of-the-art",
    "legendary", "iconic", "renowned", "cutting-edge", "revolutionary", "game-changing",
    "groundbreaking", "innovative", "miracle cure" (Wikipedia's "words to watch" are the
    model). A figure does not excuse them — "a state-of-the-art $40 million lab" is still
    praise — but an attribution in the sentence does ("which the company calls
    world-class"), and so does a named speaker's quotation. "The Revolutionary War", a
    "groundbreaking ceremony" and "the Premier League" are left alone, and so are
    possibilities ("it might become a game changer"), concessions ("even the most
    cutting-edge idea") and aims ("world-class aspirations").

    ## Why is this bad?
    These words tell the reader what to think instead of what happened. They are the
    commonest mark of a press release passed off as news.

    ## Example
        The world-class facility opens Monday.

    ## Use instead
        The facility, which has the region's only MRI scanner, opens Monday.

    ## Options
    `extra-phrases` (plain phrases to flag too), `allowed-phrases` (as found, never to flag).

    ## How to silence
    Say what makes it so, attribute the praise, or `<!-- copydesk: disable-next-line SUP201 -->`.
    """


class PromisedResult(_SupRule):
    code = "SUP202"
    name = "promised-result"
    severity = "warning"
    summary = "Results promised without evidence: 'a swift, decisive solution', 'clinically proven', 'cure-all'"
    phrases = PROMISE_PHRASES
    what = "Promised result with nothing behind it"
    advice = "say what the evidence is and who gives it, or describe the plan plainly"
    doc = """
    ## What it does
    Flags framing that promises an outcome: "a swift, decisive solution", "the perfect
    solution to", "clinically proven", "scientifically proven", "guaranteed results",
    "cure-all", "magic bullet". A figure, a citation or an attribution in the sentence
    supports it. A place name or a vague duration ("a problem that has plagued the city
    for decades") is not evidence.

    ## Why is this bad?
    Whether a plan or a product works is the story; announcing it as settled, in the
    writer's voice, sells rather than reports.

    ## Example
        The plan was billed as a swift, decisive solution to the city's housing shortage.

    ## Use instead
        The plan would add 4,000 units by 2028, the housing department estimates.

    ## Options
    `extra-phrases`, `allowed-phrases`.

    ## How to silence
    Give the evidence or its source, or `<!-- copydesk: disable-next-line SUP202 -->`.
    """


class VagueIntensifier(Rule):
    code = "SUP301"
    name = "vague-intensifier"
    severity = "info"
    summary = "An intensifier standing in for a figure: 'dramatically', 'massive', 'widely', 'significant'"
    options = {"extra-phrases": [], "allowed-phrases": []}
    doc = """
    ## What it does
    Flags intensifiers that tell the reader something is big without saying how big:
    adverbs next to a change or a comparison ("rose dramatically", "vastly larger",
    "significantly cut"), adjectives before a quantity ("massive damage", "a huge
    increase", "significant losses"), "widely" before a verb of spread ("widely shared",
    "widely criticized") and "skyrocketed". A figure, a date range, a citation or an
    attribution in the same sentence leaves it alone, and so do quotations, "statistically
    significant", "widely regarded" (SRC303's business), and intensified feelings ("a huge
    fan", "a tremendous opportunity"), which claim no quantity. Reported as `info`: often
    the figure is a sentence away.

    ## Why is this bad?
    "Prices rose dramatically" asks the reader to trust an impression. "Prices rose 40
    percent in a year" lets them judge.

    ## Example
        Rents have risen dramatically.

    ## Use instead
        Median rent rose 18 percent last year, to $1,640, according to the county.

    ## Options
    `extra-phrases` (plain phrases to flag too), `allowed-phrases` (as found, never to flag).

    ## How to silence
    Give the figure, or `<!-- copydesk: disable-next-line SUP301 -->`.
    """


    def check(self, doc, options):
        allowed = _words_set(options.get("allowed-phrases", ()))
        extra_phrases = tuple(options.get("extra-phrases", ()))
        extra = _compile((), extra_phrases) if extra_phrases else None
        prose = doc.prose
        if extra is None:
            kinds = _vague_kinds(doc)
            sentences = [sent for _start, (sent, _kinds) in sorted(kinds.items())]
        else:
            kinds = None
            sentences = _keywords(_VAGUE_PHRASES, extra_phrases, ("widely",)).sentences(doc)
        for sent in sentences:
            hits = list(_vague_spans(prose, sent) if kinds is None else _vague_spans(prose, sent, kinds[sent.start][1]))
            if extra is not None:
                hits += [(m.start(), m.end()) for m in extra.finditer(prose, sent.start, sent.end)]
            if not hits or _skipped_sentence(doc, sent):
                continue
            supported = None
            for start, end in sorted(set(hits)):
                words = " ".join(prose[start:end].split())
                if words.lower() in allowed or doc.in_quote(start, end):
                    continue
                if _NEGATION.search(prose[max(sent.start, start - 30):start]) or _hypothetical(prose, sent, start, _folded(doc).ascii):
                    continue
                if _in_view(doc, sent, start):
                    continue  # "he insists that crime is going through the roof": his view
                if supported is None:
                    supported = _supported(doc, sent)
                if supported:
                    continue
                yield Hit(start, end, f"Intensifier with no figure ('{words}'); give the number (how much, how "
                          "many) or cut the intensifier")


_ADVERB = _compile(INTENSIFIER_ADVERBS)
_ADJECTIVE = _compile(INTENSIFIER_ADJECTIVES)
_ALWAYS = _compile(ALWAYS_VAGUE)
_VAGUE_PHRASES = ALWAYS_VAGUE + INTENSIFIER_ADVERBS + INTENSIFIER_ADJECTIVES  # and "widely" (_WIDELY)
_WIDELY = patterns.compile(r"(?<![\p{L}\-])widely\s+(?:" + "|".join(WIDELY_VERBS) + r")(?![\p{L}\-])", patterns.I)
_CHANGE = patterns.compile(r"(?:" + CHANGE_WORDS + r")$", patterns.I)
_QUANTITY = _words_set(QUANTITY_NOUNS)
_TOKEN = patterns.compile(r"[\p{L}][\p{L}’'\-]*")


# Each kind of vague phrase, its pattern's phrases and extra words: a sentence is scanned only for the
# kinds whose words it holds (a _Keywords each), not with all four patterns whenever it holds any.
_VAGUE_KINDS = (("always", ALWAYS_VAGUE, ()), ("widely", (), ("widely",)),
                ("adverb", INTENSIFIER_ADVERBS, ()), ("adjective", INTENSIFIER_ADJECTIVES, ()))
_ALL_VAGUE_KINDS = frozenset(kind for kind, _phrases, _more in _VAGUE_KINDS)


# (kind, its _Keywords) for each of _VAGUE_KINDS, and the words any of them looks up first (None when
# one of them looks at every sentence or at parts of words): made on first use.
_VAGUE_KEYWORDS: list[tuple[str, _Keywords]] = []
_VAGUE_HEADS: list[frozenset[bytes] | None] = [None]


def _vague_kinds(doc) -> dict[int, tuple[Any, set[str]]]:
    """(sentence, the kinds of vague phrase whose words it holds) by sentence start, for the sentences holding any."""
    if not _VAGUE_KEYWORDS:
        _VAGUE_KEYWORDS[:] = [(kind, _keywords(phrases, (), more)) for kind, phrases, more in _VAGUE_KINDS]
        if all(kw._usable and kw._whole for _kind, kw in _VAGUE_KEYWORDS):
            _VAGUE_HEADS[0] = frozenset().union(*(kw._heads for _kind, kw in _VAGUE_KEYWORDS))
    heads = _VAGUE_HEADS[0]
    if heads is not None and heads.isdisjoint(_folded(doc).known_words()):
        return {}  # no sentence holds a first word of any kind: one lookup instead of four
    found: dict[int, tuple[Any, set[str]]] = {}
    for kind, kw in _VAGUE_KEYWORDS:
        for sent in kw.sentences(doc):
            found.setdefault(sent.start, (sent, set()))[1].add(kind)
    return found


def _vague_spans(prose: str, sent, kinds: Container[str] = _ALL_VAGUE_KINDS) -> Iterator[tuple[int, int]]:
    """Spans of vague intensifiers in a sentence (see SUP301), of the given kinds (see _VAGUE_KINDS)."""
    lo, hi = sent.start, sent.end
    if "always" in kinds:
        for m in _ALWAYS.finditer(prose, lo, hi):
            yield m.start(), m.end()
    if "widely" in kinds:
        for m in _WIDELY.finditer(prose, lo, hi):
            yield m.start(), m.start() + len("widely")
    if "adverb" in kinds:
        yield from _adverb_spans(prose, lo, hi)
    if "adjective" in kinds:
        yield from _adjective_spans(prose, lo, hi)


def _adverb_spans(prose: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """An intensifying adverb next to a word of change ("rose dramatically")."""
    for m in _ADVERB.finditer(prose, lo, hi):
        near = _TOKEN.findall(prose[m.end():min(hi, m.end() + 30)])[:2]
        back = _TOKEN.findall(prose[max(lo, m.start() - 30):m.start()])[-2:]
        if any(_CHANGE.match(w) for w in near + back):
            yield m.start(), m.end()


def _adjective_spans(prose: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """An intensifying adjective before a quantity noun ("a huge number")."""
    for m in _ADJECTIVE.finditer(prose, lo, hi):
        if _STATISTICALLY.search(prose[max(lo, m.start() - 16):m.start()]):
            continue
        near = [w.lower() for w in _TOKEN.findall(prose[m.end():min(hi, m.end() + 40)])[:3]]
        if near and (near[0] in _QUANTITY or (len(near) > 1 and near[1] in _QUANTITY and near[0] not in ("of", "to"))
                     or " ".join(near[:2]) in _QUANTITY):
            yield m.start(), m.end()


RULES = [UnsupportedSuperlative, AbsoluteClaim, Puffery, PromisedResult, VagueIntensifier]
