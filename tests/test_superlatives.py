"""SUP rules: superlatives and puffery, flagged when nothing backs them, left alone when something does."""

import os

import pytest

from tests.rule_tester import Case, lint, run_table

# -- SUP101 unsupported superlatives ---------------------------------------------------------

SUP101_INVALID = [
    Case("The clinic offers the most advanced treatment for back pain.", [(1, 19, "SUP101", "the most advanced")]),
    Case("The band is one of the greatest acts of the decade.", [(1, 13, "SUP101", "one of the greatest")]),
    Case("That was the worst decision the board has made.", [(1, 10, "SUP101", "the worst")]),
    Case("Her finest work hangs in the lobby.", [(1, 1, "SUP101", "Her finest")]),
    Case("The chef serves the best tacos in town.", [(1, 17, "SUP101", "the best")]),
    # a size with no scope and no figure: a note, not a warning
    Case("The biggest challenge is housing.", [(1, 1, "SUP101", "The biggest")]),
    # a roman numeral is not "I": the sentence is still the writer's
    Case("World War I produced the most brutal fighting of the age.", [(1, 22, "SUP101", "the most brutal")]),
    # a view frame reaches only to the end of its clause
    Case("Critics insist that the bridge is unsafe, and it has the ugliest design downtown.",
         [(1, 54, "SUP101", "the ugliest")]),
    # "you can find" is a sales pitch, not a limit of someone's effort
    Case("The truck stop sells the best tacos you can find.", [(1, 22, "SUP101", "the best")]),
    # a best-seller claim with no list or sales named
    Case("Her novel became the best-selling paperback.", [(1, 18, "SUP101", "the best-selling")]),
    # "the prettiest of" a named set ranks its members
    Case("Elm Park is the prettiest of the city's parks.", [(1, 13, "SUP101", "the prettiest")]),
    # a list of claims with no choosing verb before it is still a list of claims
    Case("The shop has the best bread, the best coffee and friendly staff.",
         [(1, 14, "SUP101", "the best"), (1, 30, "SUP101", "the best")]),
]
SUP101_VALID = [
    # a figure or a source in the same sentence
    "It was the largest drop since 2009, according to the Labor Department.",
    "It is the highest rate in the state, state data show.",
    "The firm posted its best quarter, with profit up 40 percent.",
    "It is the most expensive home sold in the county this year, at $4.2 million.",
    # a quotation with a named speaker
    "\u201cThis is the greatest team I have ever coached,\u201d said coach Ana Ruiz.",
    # "most" as a quantifier, "the most recent", "at least"
    "Most residents left the city for most of the year.",
    "The most recent figures are due Friday, and at least two people were hurt.",
    "Ruiz won the most votes in the county.",
    # names
    "He bought a television at Best Buy. The film won Best Picture on Sunday.",
    "She is a New York Times best-selling author.",
    # scoped facts of size
    "Houston is the country's largest city.",
    "The company is the largest employer in Ohio.",
    "It is the second-largest school district.",
    # choices, idioms, degrees
    "The decision has stirred debate about the best approach to tackling crime.",
    "Residents feared the worst as the water rose.",
    "She did her best to help, and the team was at its best late.",
    "He holds the nurses in the highest regard.",
    "The programme is meant for the poorest among us.",
    "It was not the best season for the club.",
    # family facts, concessions, probability, someone else's verdict
    "Her eldest son and the youngest children stayed home.",
    "The report worried even the most optimistic investors.",
    "He is the most likely nominee.",
    "The senator called the treaty the worst deal in decades.",
    # questions, -est words that are not superlatives, the latest
    "What is the best way to save money?",
    "The interest rate rose. The latest figures arrive Friday. Protesters gathered in the west.",
    # fixed expressions that rank nothing
    "The players weren't bothered in the slightest by the rain.",
    "The mayor is, at the very least willing to listen.",
    "Her aides were doing their damndest to change the subject.",
    "A recount was the furthest she was willing to go.",
    "In the most extreme of cases, a bridge can close for a week.",
    "He governed in the finest Republican tradition of the county.",
    "The most important thing is that nobody was hurt.",
    "The council opened the most basic of reviews.",
    "For the most part, the crowd stayed calm, and the team made the most of it.",
    # choosing, wanting, hypotheses, contractions
    "The race is about who has the best plan for the county.",
    "The board wants to find the best candidate and hire the best teachers.",
    "They help sell the best expert solutions to voters.",
    "Critics worried about the possibility that he would be the worst governor in a generation.",
    "If it passes, the plan would be the biggest change to the code.",
    "He's best as a closer, coaches say little else.",
    # the first person singular: an unmarked quote or a column's own voice, not a news claim
    "Later, I realised that the biggest reward is a quiet street.",
    "I’m, I’m the happiest man on the block.",
    "The owner gave me the warmest welcome.",
    # someone's view, reported in a frame the attribution service does not know
    "The governor continues to insist that the levy is the fairest tax in the region.",
    "Her aides still contend the plan is the boldest in a generation.",
    "He mocked the consensus that he had only the slimmest chance of winning.",
    "Both mayors have been reviled by their critics as the worst stewards of the port.",
    "The proposal was derided as the sloppiest plan.",
    # a sample defined inside a data citation
    "Data from the largest school districts for the spring term shows fewer absences.",
    # a best-seller named as a book, or with its list or sales
    "The co-author of the memoir, the best-seller about the senator, spoke Monday.",
    "Her cookbook became the best-selling title, topping the spring sales chart.",
    # idioms that rank nothing
    "Mocking the flood victims was the lowest of the low.",
    "The paper reserved its harshest criticism for the mayor's trip.",
    "The biggest complaint that his rivals can come up with is that he is dull.",
    # a subset picked out, nobody ranked
    "The most influential members of the club decided which events counted.",
    # more idioms: effort, emphasis, a mood, a limit
    "The volunteers were working their hardest to finish the levee.",
    "Whenever someone makes the mildest of jokes, he storms out.",
    "Her career reached the highest of highs and the lowest of lows.",
    "This was the senator at his most combative.",
    "The best excuse the team has been able to come up with is the weather.",
    # a choice over a list: "who has the best vision, the best plan"
    "The race is about who has the best vision, the best plan and the best team.",
    # an embedded post in scraped copy is someone else's words
    "This is the most important photo of the day pic.twitter.com/AbC123 — Jo Park (@jopark) May 2, 2016",
]

# -- SUP102 absolute claims --------------------------------------------------------------------

SUP102_INVALID = [
    Case("It is the most powerful supplement on the market.", [(1, 7, "SUP102", "the most powerful")]),
    Case("The tower is the largest ever built in the region.", [(1, 14, "SUP102", "the largest")]),
    Case("It drew the biggest crowd in the stadium's history.", [(1, 9, "SUP102", "the biggest")]),
    Case("The county saw unprecedented turnout.", [(1, 16, "SUP102", "unprecedented")]),
    Case("The record-breaking heat wave hit the city.", [(1, 5, "SUP102", "record-breaking")]),
    Case("It is the first-ever festival of its kind.", [(1, 11, "SUP102", "first-ever")]),
    Case("It is the only supplement on the market that works.", [(1, 7, "SUP102", "the only supplement on the market")]),
    Case("Our coffee is the best in the world.", [(1, 15, "SUP102", "the best")]),
]
SUP102_VALID = [
    "The plan would have failed — had an unprecedented storm hit the city.",
    "It drew the biggest crowd in the stadium's history, a team spokesman said.",
    "Turnout was 71 percent, the highest since 1992, according to the county clerk.",
    "It was the first meeting of the year. First-quarter profit fell.",
    "The festival was the first of its kind in the county.",
    "It is the world's tallest building.",
    "In May 1977, the party suffered its first-ever defeat.",
    "\u201cIt was an unprecedented season,\u201d said Mayor Ana Ruiz.",
    "The heat was unprecedented, the National Weather Service said.",
    # the first person: a column's own voice
    "In the end I was struck by how unprecedented the mood was.",
    "It is the oddest parade I have ever seen.",
    # a date range scopes the claim
    "It is the worst drought in a quarter century.",
]

# -- SUP201 puffery, SUP202 promised results -------------------------------------------------

SUP201_INVALID = [
    Case("The hotel offers world-class dining and state-of-the-art rooms.",
         [(1, 18, "SUP201", "world-class"), (1, 41, "SUP201", "state-of-the-art")]),
    Case("The legendary coach returned to the iconic stadium.",
         [(1, 5, "SUP201", "legendary"), (1, 37, "SUP201", "iconic")]),
    Case("The startup sells a cutting-edge, game-changing app.",
         [(1, 21, "SUP201", "cutting-edge"), (1, 35, "SUP201", "game-changing")]),
    Case("The berry is sold as a miracle cure for fatigue.", [(1, 24, "SUP201", "miracle")]),
    # a figure does not excuse a peacock word
    Case("The state-of-the-art $40 million lab opens Monday.", [(1, 5, "SUP201", "state-of-the-art")]),
    # a condition does not excuse praise of something that exists
    Case("If the iconic diner closes, the block will suffer.", [(1, 8, "SUP201", "iconic")]),
    # "will be" is a prediction in the writer's voice, not a hypothesis
    Case("The new stadium will be a game changer for the town.", [(1, 27, "SUP201", "game changer")]),
    # praise of a goal scored, not an aim
    Case("He scored two world-class goals in the final.", [(1, 15, "SUP201", "world-class")]),
]
SUP201_VALID = [
    "The vice premier met the delegation. The premier said the talks went well.",
    "The state must keep developing innovative solutions to the water shortage.",
    "The Revolutionary War ended in 1783.",
    "The groundbreaking ceremony was held Tuesday.",
    "The lab, which the company calls world-class, opens Monday.",
    "\u201cIt is an iconic building,\u201d said Ana Ruiz, the city historian.",
    "It was a miracle nobody was hurt, and the club plays in the Premier League.",
    # hypothetical: said of something only as a possibility
    "Fans wondered whether the draft might yet become a game changer.",
    "The lab would be world-class, if the council pays for it.",
    "Nobody knows if the app is a game changer.",
    # concessive: "even the most ..." praises nothing
    "She can make even the most cutting-edge idea sound stale.",
    # an aim, not an achievement
    "The institute, founded in 2010, has world-class aspirations and state-of-the-art ambitions.",
    # a limit, and a view reported in a frame
    "The team needed all the top-of-the-line help it could get.",
    "The founder continues to insist that the product is revolutionary.",
    # the political sense of "revolutionary"
    "The group on the flyer is revolutionary and violent.",
]
SUP202_INVALID = [
    Case("The plan was framed as a swift, decisive solution to a problem that has plagued the city for decades.",
         [(1, 26, "SUP202", "swift, decisive")]),
    Case("The cream is clinically proven to reduce wrinkles.", [(1, 14, "SUP202", "clinically proven")]),
    Case("The toll is the perfect solution to traffic.", [(1, 17, "SUP202", "perfect solution to")]),
]
SUP202_VALID = [
    "The cream is clinically proven to reduce wrinkles, according to a 2019 trial in the journal Dermatology.",
    "The mayor called the plan a swift, decisive solution.",
]

# -- SUP301 vague intensifiers ---------------------------------------------------------------

SUP301_INVALID = [
    Case("Rents have risen dramatically.", [(1, 18, "SUP301", "dramatically")]),
    Case("The storm caused massive damage.", [(1, 18, "SUP301", "massive")]),
    Case("The app is widely used in schools.", [(1, 12, "SUP301", "widely")]),
    Case("The changes had a significant impact on residents.", [(1, 19, "SUP301", "significant")]),
    Case("Prices have skyrocketed.", [(1, 13, "SUP301", "skyrocketed")]),
]
SUP301_VALID = [
    "Analysts doubted whether the vote would have a significant effect on prices.",
    "Rents have risen dramatically, up 40 percent in a year.",
    "The results were statistically significant.",
    "He is a huge fan of the team and missed a tremendous opportunity.",
    "The mayor is widely regarded as a moderate.",
    "There was no significant damage.",
    "Rents rose dramatically, the housing authority said.",
    "Seasonal prices vary widely across the region.",
    # someone's view, reported
    "The candidate continues to insist that crime is going through the roof.",
    # a difference of kind has no figure to give
    "The two candidates took vastly different approaches to debate prep.",
]
SUP301_INVALID += [
    # "suggested" by data is the writer's inference, still owed a figure
    Case("The sharp drop in turnout, compared with 2011, suggested that support had narrowed considerably.",
         [(1, 84, "SUP301", "considerably")]),
]


@pytest.mark.parametrize("code,valid,invalid", [
    ("SUP101", SUP101_VALID, SUP101_INVALID),
    ("SUP102", SUP102_VALID, SUP102_INVALID),
    ("SUP201", SUP201_VALID, SUP201_INVALID),
    ("SUP202", SUP202_VALID, SUP202_INVALID),
    ("SUP301", SUP301_VALID, SUP301_INVALID),
])
def test_table(code, valid, invalid):
    run_table(code, valid, invalid)


def test_severity_reflects_confidence():
    by_text = {
        "The clinic offers the most advanced treatment.": "warning",
        "The biggest challenge is housing.": "info",
        "Rents have risen dramatically.": "info",
        "The county saw unprecedented turnout.": "warning",
    }
    for text, severity in by_text.items():
        (finding,) = lint(text, "SUP")
        assert finding.severity == severity, (text, finding.severity)


def test_options_trim_and_extend_the_lists():
    run_table("SUP201", [Case("The legendary coach returned.", options={"allowed-phrases": ["legendary"]})],
              [Case("The storied franchise returned.", [(1, 5, "SUP201", "storied")],
                    options={"extra-phrases": ["storied"]})])
    run_table("SUP101", [Case("The best tacos are here.", options={"allowed-phrases": ["the best"]})], [])
    run_table("SUP101", [Case("The saltiest soup in the city is here.", options={"extra-measurable": ["salty"]})], [])


def test_config_phrases_are_literal_not_patterns():
    # a config can add words, never smuggle in a regular expression
    assert not lint("The coach returned.", "SUP201", options={"SUP201": {"extra-phrases": [".*"]}})


def test_quoted_speaker_named_in_markdown_and_html():
    md = "By Ana Ruiz\n\n\u201cIt is the best pizza in the world,\u201d said Marco Diaz, the owner.\n"
    assert not lint(md, "SUP", path="story.md")
    html = "<p>\u201cThe most powerful engine ever built,\u201d said Lena Park, the lead engineer.</p>"
    assert not lint(html, "SUP", path="story.html")


SEED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "samples", "content-farm-seed.txt")


@pytest.mark.skipif(not os.path.exists(SEED), reason="../shared is absent")
def test_seed_sample():
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    found = lint(text, "SUP", path="seed.txt")
    assert any(f.line == 9 and f.code.startswith("SUP2") and "decisive" in f.words for f in found), found
    assert not any(f.line == 1 and "best" in f.words for f in found), found
