"""BYL: missing and placeholder bylines, in text, Markdown and HTML."""

from tests.rule_tester import Case, run_table

BODY = "\n\nThe council voted on Nov. 24, 2026 to close the library.\n"
DATED = "Nov. 27, 2026\n\n"

BYL101_VALID = [
    "By Maria Chen\n" + BODY,
    "By Maria Chen and Tom Okafor" + BODY,
    "By The Associated Press" + BODY,
    "Posted by Ana Ruiz" + BODY,
    BODY.strip() + "\n\nBy Staff Reports",
    Case("---\nauthor: Maria Chen\ndate: 2026-11-27\n---\n" + BODY, path="s.md"),
    Case("---\nauthors:\n  - Maria Chen\n  - Tom Okafor\n---\n" + BODY, path="s.md"),
    Case("*By Maria Chen*\n" + BODY, path="s.md"),
    Case('<html><head><meta name="author" content="Maria Chen"></head><body><p>The vote.</p></body></html>', path="s.html"),
    Case('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
         '"name": "Maria Chen"}}</script></head><body><p>The vote.</p></body></html>', path="s.html"),
    Case('<body><p>Story by <a rel="author" href="/chen">Maria Chen</a></p><p>The vote.</p></body>', path="s.html"),
    Case('<body><div class="byline">By Maria Chen</div><p>The vote.</p></body>', path="s.html"),
]
BYL101_INVALID = [
    Case(DATED + BODY, [(1, 1, "BYL101")]),
    # "By" opening a sentence is not a byline
    Case("By noon, crowds had gathered outside the hall." + BODY, [(1, 1, "BYL101")]),
    Case("By the end of the year, the library will close." + BODY, [(1, 1, "BYL101")]),
    Case("---\ntitle: Library\ndate: 2026-11-27\n---\n" + BODY, [(1, 1, "BYL101")], path="s.md"),
    Case('<html><head><title>Library</title></head><body><p>The vote.</p></body></html>', [(1, 1, "BYL101")],
         path="s.html"),
]

BYL201_VALID = [
    "By Maria Chen and Tom Okafor" + BODY,
    "By The Associated Press" + BODY,
    "By Staff Reports" + BODY,
    "By María José Núñez-O'Brien" + BODY,
    "By JANE SMITH" + BODY,
    "By Jane Smith | Reuters" + BODY,
    "By Jane Smith, CNN" + BODY,
    "By Reuters" + BODY,
    "By Jean-Luc de la Tour and Ana Ruiz" + BODY,
    "By J.R. Okafor" + BODY,
    "By noon, the admin office had closed." + BODY,
    Case("---\nauthor: Maria Chen\n---\n" + BODY, path="s.md"),
    Case('<head><meta name="author" content="Editorial Board"></head><body><p>x</p></body>', path="s.html"),
    # commenters' names and later teasers are not the story's byline
    Case('<body><p class="byline">By Ana Ruiz</p><p>The vote.</p><div class="comments">'
         '<span class="comment-author">jsmith99</span><p>Great story.</p></div></body>', path="s.html"),
    Case('<body><p><span class="author">Author:</span> Ana Ruiz</p><p>The vote.</p></body>', path="s.html"),
    Case("By CNN.com" + BODY),
    # allowed by the newsroom
    Case("By metro desk" + BODY, options={"allowed-bylines": ["Metro Desk"]}),
]
BYL201_INVALID = [
    Case("By admin" + BODY, [(1, 4, "BYL201", "admin")]),
    Case(BODY.strip() + "\n\nPosted by webmaster", [(3, 11, "BYL201", "webmaster")]),
    Case("By Administrator" + BODY, [(1, 4, "BYL201")]),
    Case("By editor" + BODY, [(1, 4, "BYL201")]),
    Case("By user123" + BODY, [(1, 4, "BYL201")]),
    Case("By Guest" + BODY, [(1, 4, "BYL201")]),
    Case("By Anonymous" + BODY, [(1, 4, "BYL201")]),
    Case("By unknown" + BODY, [(1, 4, "BYL201")]),
    Case("By root" + BODY, [(1, 4, "BYL201")]),
    Case("By @newsbot" + BODY, [(1, 4, "BYL201")]),
    Case("By dailyscoop.com" + BODY, [(1, 4, "BYL201")]),
    Case("By jsmith" + BODY, [(1, 4, "BYL201")]),
    Case("---\ntitle: Library\nauthor: admin\n---\n" + BODY, [(3, 9, "BYL201", "admin")], path="s.md"),
    Case("---\nauthor: \"test\"\n---\n" + BODY, [(2, 10, "BYL201", "test")], path="s.md"),
    Case('<html>\n<head>\n<meta name="author" content="admin">\n</head>\n<body><p>Vote.</p></body></html>',
         [(3, 30, "BYL201", "admin")], path="s.html"),
    Case('<body>\n<p>Vote.</p>\n<p>Posted by <a rel="author" href="/u/1">webmaster</a></p></body>',
         [(3, 42, "BYL201", "webmaster")], path="s.html"),
    # a placeholder in the text is found even when the metadata names a person
    Case("---\nauthor: Maria Chen\n---\nBy admin\n" + BODY, [(4, 4, "BYL201")], path="s.md"),
    Case("By newsbot" + BODY, [(1, 4, "BYL201")], path="s.txt"),
    Case("By Content Team" + BODY, [(1, 4, "BYL201")], options={"extra-placeholders": ["Content Team"]}),
]


def test_byl101_missing_byline():
    run_table("BYL101", BYL101_VALID, BYL101_INVALID)


def test_byl201_placeholder_byline():
    run_table("BYL201", BYL201_VALID, BYL201_INVALID)
