"""Readers: the prose rules see, and positions that map back to the original file.

Expected lines and columns here are counted by hand from the fixture text (see the
comment beside each), not copied from copydesk's output.
"""

from linter.files import decode
from linter.readers import html as html_reader
from linter.readers import markdown as md_reader
from tests.rule_tester import lint


def _pos(text, path):
    return [(f.line, f.column, f.end_line, f.end_column) for f in lint(text, "SRC101", path)]


def test_text_finding_position():
    # line 3 starts with two spaces, so "According to sources" starts at column 3 and is 20 long
    text = "Title\n\n  According to sources, the mayor will resign.\n"
    assert _pos(text, "a.txt") == [(3, 3, 3, 23)]


def test_html_inline_tags_and_entities_keep_file_columns():
    # line 4: '<p>Jobs rose.  <b>' is 18 characters, so the phrase starts at column 19
    text = ("<html><head><title>T</title></head>\n<body>\n<nav><a href=\"/\">Sources say x</a></nav>\n"
            "<p>Jobs rose.  <b>According to sources</b>, the mayor will resign.</p>\n</body></html>\n")
    assert _pos(text, "a.html") == [(4, 19, 4, 39)]


def test_html_entity_before_finding_does_not_shift_columns():
    # '<p>Caf&eacute; news. ' is 21 characters: the phrase starts at column 22
    text = "<p>Caf&eacute; news. According to sources, it closed.</p>\n"
    assert _pos(text, "a.html") == [(1, 22, 1, 42)]


def test_html_word_split_by_inline_tag_reads_as_one_word():
    read = html_reader.read("<p>wor<b>d</b> don&rsquo;t</p>", "a.html")
    assert "word don’t" in read.prose


def test_html_skips_script_style_nav_footer_aside_comments():
    text = ("<script>var s = 'According to sources';</script><style>p{}</style>"
            "<nav>Sources say nav</nav><footer>Sources say foot</footer><aside>Sources say aside</aside>"
            "<!-- Sources say comment --><p>Plain words.</p>")
    assert lint(text, "SRC101", "a.html") == []
    read = html_reader.read(text, "a.html")
    assert read.prose.split() == ["Plain", "words."]


def test_html_script_holding_a_closing_p_tag():
    text = '<p>One.</p><script>var a = "</p><p>According to sources, x";</script><p>Two.</p>'
    assert lint(text, "SRC101", "a.html") == []


def test_html_block_tags_separate_paragraphs():
    read = html_reader.read("<h1>Big News</h1><p>First para.</p><ul><li>An item</li></ul>", "a.html")
    from linter.document import Document

    doc = Document("a.html", "", read, "html")
    kinds = [(b.kind, read.prose[b.start:b.end]) for b in doc.blocks]
    assert kinds == [("heading", "Big News"), ("paragraph", "First para."), ("list", "An item")]


def test_html_metadata_candidates():
    text = ('<html><head><title>Flood</title><meta name="author" content="Ana Ruiz">'
            '<meta property="article:published_time" content="2026-11-27T08:00:00Z">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Tom Lee"},'
            ' "datePublished": "2026-11-26"}</script></head><body><p>x</p></body></html>')
    got = {(c.source, c.key, c.value) for c in html_reader.read(text, "a.html").candidates}
    assert ("meta", "author", "Ana Ruiz") in got
    assert ("meta", "article:published_time", "2026-11-27T08:00:00Z") in got
    assert ("json-ld", "author", "Tom Lee") in got
    assert ("json-ld", "datePublished", "2026-11-26") in got
    assert ("title", "title", "Flood") in got


def test_markdown_code_front_matter_and_urls_stay_out_of_prose():
    text = ("---\ntitle: \"Park news\"\nauthor: Ana Ruiz\ndate: 2026-11-27\n---\n\n"
            "```\nAccording to sources, code\n```\n\n"
            "    According to sources, indented code\n\n"
            "See [the report](https://example.com/according-to-sources) and `sources say` inline.\n\n"
            "City news. Sources say the park will close.\n")
    found = lint(text, "SRC101", "a.md")
    # the only prose finding is on line 15, "Sources say" after "City news. " (column 12)
    assert [(f.line, f.column, f.words) for f in found] == [(15, 12, "Sources say")]
    read = md_reader.read(text, "a.md")
    assert "example.com" not in read.prose
    assert {(c.key, c.value) for c in read.candidates} >= {("author", "Ana Ruiz"), ("date", "2026-11-27")}


def test_markdown_emphasis_inside_a_word_is_dropped():
    read = md_reader.read("Some **wor**d and _this_ and [link text](http://x.y).\n", "a.md")
    assert "word and this and link text." in read.prose


def test_markdown_block_kinds():
    from linter.document import Document

    text = "# Headline here\n\nA paragraph\ncontinues here.\n\n- item one\n- item two\n\n> a quote\n"
    read = md_reader.read(text, "a.md")
    doc = Document("a.md", text, read, "markdown")
    assert [(b.kind, doc.prose[b.start:b.end]) for b in doc.blocks] == [
        ("heading", "Headline here"),
        ("paragraph", "A paragraph\ncontinues here."),
        ("list", "item one"),
        ("list", "item two"),
        ("quote", "a quote"),
    ]


def test_markdown_finding_columns_after_emphasis():
    # '**Update:** ' is 12 characters, so "According" starts at column 13
    text = "**Update:** According to sources, the vote moved.\n"
    assert _pos(text, "a.md") == [(1, 13, 1, 33)]


def test_crlf_cr_and_bom_give_the_same_positions_as_lf():
    lf = "Headline\n\nOne line.\nAccording to sources, the mayor quit. Sources say more.\n"
    variants = [lf.replace("\n", "\r\n"), lf.replace("\n", "\r"), "\ufeff" + lf]
    want = _pos(lf, "a.txt")
    assert len(want) == 2
    for v in variants:
        text, warnings = decode(v.encode("utf-8"))
        assert _pos(text, "a.txt") == want
        assert warnings == []


def test_windows_1252_is_decoded_with_a_warning():
    text, warnings = decode("Caf\u00e9 \u2019quote\u2019".encode("cp1252"))
    assert text == "Caf\u00e9 \u2019quote\u2019"
    assert warnings and "Windows-1252" in warnings[0]
