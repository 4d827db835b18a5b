"""SRC rules: what each must flag, and the hard negatives it must leave alone (issue 3)."""

from tests.rule_tester import Case, lint, run_table

# Hard negatives shared by every SRC rule: named sources, plain quantifiers, other "sources".
NAMED = [
    "The clinic will close in March, said Ana Ruiz, a spokeswoman for the county health department.",
    "Two inches of rain fell overnight, the National Weather Service said.",
    "The border will stay open, Interior Minister Rosa Delgado said on Tuesday.",
    "Payrolls grew by 180,000 in October, according to the Labor Department.",
    "Night-shift workers sleep less, according to a study published in JAMA.",
    "Film critic Ana Ruiz called the sequel a triumph, and critics Tom Bell and Lia Park agreed.",
    "The town gets its water from two sources: a reservoir and a well.",
    "Solar and wind are the cheapest sources of energy, and tips are his main source of income.",
    "The museum lost three sources of funding this year; natural light sources fill the gallery.",
    "Some residents lost power for two days, and many roads were closed.",
    "Many stores stayed open late.",
    "“Critics say we moved too fast, but sources tell me the plan works,” said Mayor Ana Ruiz.",
    "Critics, including Senator Ana Ruiz and the Bar Association, say the bill goes too far.",
    "Ana Ruiz, the county treasurer, spoke at the meeting.\n\n“It is believed we will finish by May,” she said.",
    "Sheinbaum’s rejection surprised her party’s leaders.",
    "Residents want some say in how the money is spent.",
    "Analysts at Barclays said the merger would close in June.",
    "Police officials said the road would reopen at noon.",
    "Fire Department officials said the blaze began in a kitchen.",
    "A 2024 study by the University of Michigan found that the program worked.",
    "The suspect is believed to be in his 20s, Police Chief Ana Ruiz said.",
    "He reportedly left the company, The Wall Street Journal reported.",
    "Only 9 percent of Trump supporters said they could change their minds.",
    "The experts believe the fire was accidental.",
    "The complaint was filed on Monday, and it was reported to police the same day.",
]

INVALID = [
    Case("According to sources, the mayor will resign on Friday.", [(1, 1, "SRC101", "According to sources")]),
    Case("The mayor will resign, sources said.", [(1, 24, "SRC101", "sources said")]),
    Case("A source close to the mayor confirmed the talks.", [(1, 1, "SRC101")]),
    Case("The deal is off, according to people familiar with the matter.", [(1, 31, "SRC101", "people familiar with the matter")]),
    Case("Industry insiders say the plant will close.", [(1, 1, "SRC101")]),
    Case("“It was a disaster,” one customer said.", [(1, 22, "SRC102", "one customer said")]),
    Case("The vote is set for Friday, a senior administration official said.", [(1, 29, "SRC102")]),
    Case("Critics have accused the council of ignoring renters.", [(1, 1, "SRC201", "Critics have accused")]),
    Case("Supporters of the president, however, argue that the plan works.", [(1, 1, "SRC201")]),
    Case("Still, some say the plan is doomed.", [(1, 8, "SRC201", "some say")]),
    Case("But many believe the referendum will fail.", [(1, 5, "SRC201", "many believe")]),
    Case("Analysts note that the firm has struggled.", [(1, 1, "SRC201", "Analysts note")]),
    Case("Yet many experts warn that tariffs will backfire.", [(1, 5, "SRC201", "many experts warn")]),
    Case("Observers caution that the truce is fragile.", [(1, 1, "SRC201")]),
    Case("The ruling angered certain sectors of the public.", [(1, 20, "SRC201")]),
    Case("Officials said the bridge would reopen by spring.", [(1, 1, "SRC202", "Officials said")]),
    Case("Studies show that four-day weeks raise test scores.", [(1, 1, "SRC203", "Studies show")]),
    Case("Research has shown that the drug is safe.", [(1, 1, "SRC203")]),
    Case("It is believed the company will move its headquarters.", [(1, 1, "SRC301", "It is believed")]),
    Case("It has been reported that the coach will step down.", [(1, 1, "SRC301")]),
    Case("The striker reportedly asked to be transferred.", [(1, 13, "SRC302", "reportedly")]),
    Case("The chef is widely regarded as the city's best.", [(1, 10, "SRC303", "is widely regarded")]),
    Case("The plan has been described as reckless.", [(1, 10, "SRC303", "has been described as")]),
]


def test_src_flags_unsourced_claims():
    run_table("SRC", [], INVALID)


def test_src_leaves_named_sources_and_plain_words_alone():
    run_table("SRC", NAMED, [])


def test_explained_anonymity_is_info():
    text = ("The talks collapsed, according to two sources, who spoke on condition of anonymity because "
            "they were not authorized to discuss the negotiations.")
    found = lint(text, "SRC101")
    assert [(f.code, f.severity) for f in found] == [("SRC101", "info")]
    assert "explains the anonymity" in found[0].message


def test_anonymity_explained_in_next_sentence():
    text = "Sources said the mayor will resign. They asked not to be named because the talks are private."
    assert [f.severity for f in lint(text, "SRC101")] == ["info"]


def test_unexplained_anonymity_stays_a_warning():
    assert [f.severity for f in lint("Sources said the mayor will resign.", "SRC101")] == ["warning"]


def test_options_extend_and_trim_the_lists():
    run_table("SRC201", [Case("Critics say the plan fails.", options={"allowed-phrases": ["critics say"]}),
                         Case("Activists say the plan fails.")],
              [Case("Activists say the plan fails.", [(1, 1, "SRC201")], options={"extra-groups": ["activists"]})])
    run_table("SRC101", [], [Case("Whispers suggest the coach is out.", [(1, 1, "SRC101")],
                                  options={"extra-phrases": ["whispers suggest"]})])


def test_config_phrases_are_literal_not_patterns():
    # A pattern in config is escaped: ".*" matches only the two characters, never everything.
    assert not lint("The council met on Monday.", "SRC101", options={"SRC101": {"extra-phrases": [".*"]}})


def test_typographic_apostrophes_do_not_open_quotes():
    found = lint("The mayor’s aides won’t comment. Sources said the mayor’s plan is dead.", "SRC101")
    assert [f.code for f in found] == ["SRC101"]


def test_seed_sample_lines(seed_path):
    from linter.plugins import load_registry
    from linter.runner import Linter

    result = Linter(load_registry(), select=["SRC"]).lint_file(seed_path)
    lines = {f.line for f in result.findings}
    assert {9, 21, 25, 33, 37, 49} <= lines
    assert lines <= {9, 13, 21, 25, 33, 37, 49}


def test_every_rule_documents_itself():
    from rules.sourcing import RULES

    for rule in RULES:
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert section in rule.doc, (rule.code, section)
