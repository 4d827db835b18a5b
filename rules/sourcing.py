"""Sourcing (SRC): claims carried by sources a reader cannot check.

SRC1xx anonymous sources ("according to sources", "sources say").
"""

from __future__ import annotations

import regex

from linter import Hit, Rule

_ANON = regex.compile(
    r"\baccording\s+to\s+(?:(?:unnamed|anonymous|unidentified|several|multiple|some|two|three|informed|reliable|"
    r"well-placed|senior|knowledgeable)\s+)*sources\b"
    r"|\bsources\s+(?:(?:close|familiar)\s+(?:to|with)\s+[^,.;]{1,60}?\s+)?(?:say|said|says|told|tell|claim(?:ed)?|"
    r"report(?:ed)?|indicate[ds]?|suggest(?:ed)?|confirm(?:ed)?|reveal(?:ed)?|describ(?:ed|e))\b"
    r"|\b(?:a|one|another)\s+source\s+(?:close\s+to|familiar\s+with)\b"
    r"|\bpeople\s+familiar\s+with\s+the\s+(?:matter|situation|discussions|negotiations|plans?|talks|case|investigation)\b",
    regex.I,
)
_ANONYMITY_REASON = regex.compile(
    r"\b(?:(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|(?:were|was|is|are)\s+not\s+authori[sz]ed\s+to\s+"
    r"(?:speak|discuss|comment)|declined\s+to\s+be\s+(?:named|identified)|asked\s+not\s+to\s+be\s+(?:named|identified)|"
    r"requested\s+anonymity|speaking\s+anonymously\s+because)\b",
    regex.I,
)


class AnonymousSource(Rule):
    code = "SRC101"
    name = "anonymous-source"
    severity = "warning"
    summary = "A claim attributed to unnamed sources"
    doc = """
    ## What it does
    Flags claims attributed to sources the story does not name: "according to sources",
    "sources say", "a source close to the mayor", "people familiar with the matter".

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
    """

    def check(self, doc, options):
        prose = doc.prose
        sentences = doc.sentences
        for i, sent in enumerate(sentences):
            text = prose[sent.start:sent.end]
            if "ource" not in text and "familiar" not in text:
                continue
            for m in _ANON.finditer(prose, sent.start, sent.end):
                if doc.in_quote(m.start(), m.end()):
                    continue
                nxt = sentences[i + 1] if i + 1 < len(sentences) else None
                context = text + (" " + prose[nxt.start:nxt.end] if nxt is not None else "")
                if _ANONYMITY_REASON.search(context):
                    yield Hit(m.start(), m.end(), "Claim attributed to unnamed sources; the story explains the "
                              "anonymity, so check that the reason given is real", severity="info")
                else:
                    yield Hit(m.start(), m.end(), f"Claim attributed to unnamed sources ('{m.group()}'); "
                              "name the source or explain why it is anonymous")


RULES = [AnonymousSource]
