"""`copydesk inspect`: what the readers and the document model understood of an article."""

from __future__ import annotations


def inspect_document(doc, cfg=None) -> dict:
    meta = doc.metadata
    try:
        from linter.readability import document_grade

        grade = document_grade(doc)
    except ImportError:
        grade = None
    paragraphs = [doc.prose_line(b.start) for b in doc.paragraphs]
    headings = [doc.prose_line(b.start) for b in doc.blocks if b.kind == "heading"]
    return {
        "path": doc.path,
        "format": doc.format,
        "title": meta.title.as_json() if meta.title else None,
        "byline": meta.byline.as_json() if meta.byline else None,
        "date": meta.date.as_json() if meta.date else None,
        "dateline": meta.dateline.as_json() if meta.dateline else None,
        "updated": meta.updated.as_json() if meta.updated else None,
        "grade": grade,
        "paragraphs": {"count": len(paragraphs), "lines": paragraphs},
        "headings": {"count": len(headings), "lines": headings},
        "sentences": {"count": len(doc.sentences), "lines": [doc.prose_line(s.start) for s in doc.sentences]},
        "quotes": {"count": len(doc.quotes), "lines": [doc.prose_line(q.start) for q in doc.quotes]},
    }
