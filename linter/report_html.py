"""`copydesk report STORY -o story.html`: one self-contained HTML page of a story and its findings.

The page shows the story as a reader sees it (its prose, block by block: headings, paragraphs,
quotes), each finding's words highlighted in its family's colour AND underline pattern AND a
family label (never colour alone), with a summary panel (counts per family, the reading grade
against the target, the hardest paragraphs), a small per-paragraph chart (inline SVG), and
every finding listed with its message and its rule's `explain` text.

Keyboard: every highlight is focusable (Tab / Shift-Tab, or `n` / `p`); focusing or hovering
one shows its message and explanation in the side panel. Without script, each highlight
still has a `title` and the findings list links to each highlight and back.

Trust: the article is untrusted. Everything taken from it (and from messages that quote it,
and the file name) is HTML-escaped; the only script is copydesk's own, allowed by its hash in
a Content-Security-Policy meta tag that also blocks inline event handlers, network access and
external assets.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import sys
from collections import Counter
from dataclasses import dataclass, field

from linter import patterns
from linter.rule import FAMILIES

__all__ = ["render_report", "main", "FAMILY_STYLES"]

# family -> (background, underline style, text colour of the label). Patterns differ so
# families are told apart without colour (and in print, and for colour-blind readers).
FAMILY_STYLES = {
    "SRC": ("#ffd8a8", "solid", "#8a4b00"),
    "SUP": ("#e5d4ff", "wavy", "#5b2b9a"),
    "BYL": ("#cfe3ff", "double", "#174a8b"),
    "DAT": ("#c9f0d3", "dotted", "#1d6b35"),
    "RDB": ("#fff0a6", "dashed", "#6e5b00"),
}
OTHER_STYLE = ("#ffc9c9", "solid", "#8b1a1a")
BLOCK_TAGS = {"heading": "h2", "quote": "blockquote", "list": "p", "table": "p", "caption": "p", "paragraph": "p"}
DEFAULT_TARGET_GRADE = 10.0

_SCRIPT = """(function(){
var marks=[].slice.call(document.querySelectorAll('mark.finding[id]'));
var panel=document.getElementById('panel-body');
function show(m){
  var d=document.getElementById('d-'+m.id);var r=document.getElementById('rule-'+m.getAttribute('data-code'));
  panel.textContent='';
  var h=document.createElement('p');h.className='panel-head';
  h.textContent=m.getAttribute('data-code')+' \\u2014 '+(d?d.querySelector('.msg').textContent:'');
  var w=document.createElement('p');w.className='panel-words';w.textContent='\\u201c'+m.getAttribute('data-words')+'\\u201d';
  panel.appendChild(h);panel.appendChild(w);
  if(r){var p=document.createElement('pre');p.textContent=r.textContent;panel.appendChild(p);}
}
marks.forEach(function(m){m.addEventListener('focus',function(){show(m);});m.addEventListener('mouseenter',function(){show(m);});});
document.addEventListener('keydown',function(e){
  if(e.altKey||e.ctrlKey||e.metaKey||!marks.length)return;
  var t=e.target&&e.target.tagName;if(t==='INPUT'||t==='TEXTAREA')return;
  var i=marks.indexOf(document.activeElement);
  if(e.key==='n'||e.key==='j'){marks[(i+1)%marks.length].focus();e.preventDefault();}
  else if(e.key==='p'||e.key==='k'){marks[(i<=0?marks.length:i)-1].focus();e.preventDefault();}
});
})();"""


def _script_hash() -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")


def esc(text: str) -> str:
    """Escape for element content and double-quoted attributes."""
    return html.escape(text, quote=True)


@dataclass
class Placed:
    """A finding placed on the prose: [start, end) in prose offsets, or outside it."""

    index: int
    finding: object
    start: int | None = None
    end: int | None = None
    pieces: list[int] = field(default_factory=list)


def _place(doc, findings: list) -> tuple[list[Placed], list[Placed], list[Placed]]:
    """Split findings into (in the prose, about the whole document, in the file but outside the prose)."""
    n = len(doc.prose)
    starts = [doc.offsets.start(i) for i in range(n)]
    ends = [doc.offsets.end(j) for j in range(n + 1)]
    in_prose, whole, outside = [], [], []
    for k, f in enumerate(findings):
        p = Placed(k, f)
        if (f.line, f.column) == (f.end_line, f.end_column):
            if (f.line, f.column) == (1, 1):
                whole.append(p)
                continue
        try:
            fs = doc.lines.line_start(f.line) + f.column - 1
            fe = doc.lines.line_start(f.end_line) + f.end_column - 1
        except IndexError:
            outside.append(p)
            continue
        ps = bisect.bisect_left(starts, fs)
        pe = max(ps, bisect.bisect_left(ends, fe))
        if ps >= n or starts[ps] > fe or (fe > fs and ps == pe) or doc.block_of(ps) is None:
            outside.append(p)
            continue
        p.start, p.end = ps, min(pe, n)
        in_prose.append(p)
    return in_prose, whole, outside


def _family(code: str) -> str:
    return code[:3]


def _style(code: str) -> tuple[str, str, str]:
    return FAMILY_STYLES.get(_family(code), OTHER_STYLE)


def _mark_open(p: Placed, first: bool) -> str:
    f = p.finding
    fam = _family(f.code)
    cls = f"finding fam-{fam.lower() if fam in FAMILY_STYLES else 'other'} sev-{f.severity}"
    attrs = [f'class="{cls}{"" if first else " cont"}"', f'data-code="{esc(f.code)}"', f'data-fam="{esc(fam)}"',
             f'data-finding="{p.index}"', f'title="{esc(f.code)}: {esc(f.message)}"']
    if first:
        attrs += [f'id="f{p.index}"', 'tabindex="0"', f'aria-describedby="m-f{p.index}"', f'data-words="{esc(f.words)}"']
    return "<mark " + " ".join(attrs) + ">"


def _render_block(prose: str, start: int, end: int, placed: list[Placed]) -> str:
    """The block's prose with <mark>s. Overlapping findings nest; a finding that crosses another's
    end is closed and reopened as a continuation piece, so the HTML stays well formed."""
    inside = [p for p in placed if p.start < end and p.end > start or (p.start == p.end and start <= p.start < end)]
    bounds = {start, end}
    for p in inside:
        bounds.add(max(p.start, start))
        bounds.add(min(p.end, end))
    out: list[str] = []
    stack: list[Placed] = []
    prev = start
    for pos in sorted(bounds):
        if pos > prev:
            out.append(esc(prose[prev:pos]))
        prev = pos
        closing = [p for p in stack if min(p.end, end) <= pos]
        reopen: list[Placed] = []
        if closing:
            while any(p in stack for p in closing):
                top = stack.pop()
                out.append("</mark>")
                if top not in closing:
                    reopen.append(top)
        for p in reversed(reopen):
            out.append(_mark_open(p, first=False))
            stack.append(p)
        if pos >= end:
            break
        starting = sorted((p for p in inside if max(p.start, start) == pos and p not in stack and p.end > pos),
                          key=lambda p: -p.end)
        empty = [p for p in inside if p.start == p.end == pos]
        for p in empty:
            out.append(_mark_open(p, first=True) + "</mark>")
        for p in starting:
            out.append(_mark_open(p, first=p.start == pos))
            stack.append(p)
    while stack:
        stack.pop()
        out.append("</mark>")
    return "".join(out)


_WORD = None


def _words(text: str) -> int:
    global _WORD
    if _WORD is None:

        _WORD = patterns.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
    return len(_WORD.findall(text))


def _readability(doc):
    """(document grade or None, per-paragraph (value, label), metric name). Uses linter.readability when present."""
    try:
        from linter import readability  # written by the readability family; optional here
    except ImportError:
        readability = None
    grade = None
    per_para_grade = None
    if readability is not None:
        try:
            grade = readability.document_grade(doc)
        except Exception:
            grade = None
        for name in ("paragraph_grade", "block_grade"):
            fn = getattr(readability, name, None)
            if fn is not None:
                per_para_grade = fn
                break
        if per_para_grade is None and hasattr(readability, "text_grade"):
            def per_para_grade(doc, block, _fn=readability.text_grade):
                return _fn(doc.prose[block.start:block.end])
    values = []
    by_block: dict[int, list] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    para_index = {id(b): i for i, b in enumerate(doc.blocks)}
    for b in doc.paragraphs:
        value = None
        if per_para_grade is not None:
            try:
                value = per_para_grade(doc, b)
            except Exception:
                value = None
        if per_para_grade is None or value is None:
            sents = by_block.get(para_index[id(b)], [])
            words = sum(_words(s.text(doc.prose)) for s in sents)
            value = words / len(sents) if sents else 0.0
        values.append((b, float(value) if value is not None else 0.0))
    metric = "reading grade" if per_para_grade is not None else "words per sentence"
    return grade, values, metric


def _target_grade(rules: dict, cfg) -> float:
    for code, rule in rules.items():
        opts = getattr(rule, "options", {}) or {}
        if "target-grade" in opts:
            value = (cfg.rules.get(code, {}) if cfg is not None else {}).get("target-grade", opts["target-grade"])
            try:
                return float(value)
            except (TypeError, ValueError):
                break
    return DEFAULT_TARGET_GRADE


def _chart(doc, values: list, metric: str, target: float | None) -> str:
    if not values:
        return '<p class="muted">No running paragraphs to chart.</p>'
    w_bar, gap, height = 14, 4, 120
    top = max([v for _, v in values] + ([target] if target else []) + [1.0])
    width = len(values) * (w_bar + gap) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height + 30}" '
             f'viewBox="0 0 {width} {height + 30}" aria-labelledby="chart-title">',
             f'<title id="chart-title">{esc(metric.capitalize())} per paragraph, in story order</title>']
    for i, (b, v) in enumerate(values):
        h = max(1.0, v / top * height)
        x = 30 + i * (w_bar + gap)
        line = doc.prose_line(b.start)
        over = target is not None and v > target
        parts.append(f'<a href="#p-{b.start}"><rect x="{x}" y="{height - h + 5:.1f}" width="{w_bar}" height="{h:.1f}" '
                     f'class="{"bar over" if over else "bar"}"><title>Paragraph {i + 1} (line {line}): '
                     f'{v:.1f} {esc(metric)}</title></rect></a>')
    if target is not None and metric == "reading grade":
        y = height - target / top * height + 5
        parts.append(f'<line x1="26" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="target"/>'
                     f'<text x="0" y="{y + 4:.1f}" class="axis">{target:g}</text>')
    parts.append(f'<text x="30" y="{height + 24}" class="axis">paragraph 1 \u2192 {len(values)}</text></svg>')
    return "".join(parts)


def _css() -> str:
    fam = []
    for code, (bg, line, fg) in [*FAMILY_STYLES.items(), ("OTHER", OTHER_STYLE)]:
        c = code.lower()
        fam.append(f"mark.fam-{c}{{background:{bg};text-decoration:underline {line} {fg};text-decoration-thickness:2px;"
                   f"text-underline-offset:3px}}mark.fam-{c}:not(.cont)::after{{content:attr(data-fam);color:{fg}}}"
                   f".swatch.fam-{c}{{background:{bg};border-bottom:3px {line if line != 'wavy' else 'dashed'} {fg}}}")
    return """
body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1a1a1a;margin:0;background:#fafaf7}
header,main,aside,footer{box-sizing:border-box}
.wrap{display:grid;grid-template-columns:minmax(0,42rem) 22rem;gap:2rem;max-width:68rem;margin:0 auto;padding:1.5rem}
@media (max-width:900px){.wrap{grid-template-columns:1fr}}
h1{font-size:1.2rem;font-family:system-ui,sans-serif;margin:0 0 .2rem}
.sub{font:13px system-ui,sans-serif;color:#555;margin:0 0 1rem}
article{background:#fff;padding:1.5rem 2rem;border:1px solid #ddd;border-radius:6px}
article h2{font-size:1.35rem;line-height:1.3}
article blockquote{border-left:4px solid #ccc;margin-left:0;padding-left:1rem;color:#333}
article .list{padding-left:1.2rem;text-indent:-.8rem}article .list::before{content:'\\2022  '}
article .caption{font-size:.9em;color:#555;font-style:italic}
mark.finding{color:inherit;border-radius:2px;padding:0 1px;cursor:help}
mark.finding:not(.cont)::after{display:inline-block;font:bold 10px system-ui,sans-serif;vertical-align:super;
margin-left:2px;text-decoration:none}
mark.finding:focus{outline:3px solid #1a1a1a;outline-offset:2px}
mark.sev-error{box-shadow:inset 0 -2px 0 #b00}
aside{font:14px/1.45 system-ui,sans-serif}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin-bottom:1rem}
.card h2{font-size:1rem;margin:0 0 .5rem}
#panel{position:sticky;top:1rem}
#panel pre{white-space:pre-wrap;font:12px/1.45 ui-monospace,monospace;max-height:50vh;overflow:auto;background:#f4f4f0;padding:.5rem}
.panel-head{font-weight:600}.panel-words{font-style:italic}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:2px 4px}
.swatch{display:inline-block;width:1.6em;height:.9em;vertical-align:middle;margin-right:4px}
.bar{fill:#8aa4c8}.bar.over{fill:#c0504d}.target{stroke:#333;stroke-dasharray:4 3}.axis{font:10px system-ui,sans-serif;fill:#555}
.muted{color:#666}
footer{max-width:68rem;margin:0 auto;padding:0 1.5rem 2rem;font:14px/1.5 system-ui,sans-serif}
footer ol li{margin-bottom:.6rem}
footer pre{white-space:pre-wrap;font:12px/1.45 ui-monospace,monospace;background:#fff;border:1px solid #ddd;padding:.6rem}
.code{font:600 12px ui-monospace,monospace}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem;z-index:2}
""" + "".join(fam)


def render_report(doc, findings: list, rules: dict, explain, cfg=None, problems: list[str] | None = None) -> str:
    """The whole page, as a string. `explain(rule)` gives a rule's explanation text."""
    in_prose, whole, outside = _place(doc, findings)
    title_field = getattr(getattr(doc, "metadata", None), "title", None) if doc.blocks else None
    title = getattr(title_field, "text", None) or doc.path
    grade, values, metric = _readability(doc)
    target = _target_grade(rules, cfg)

    # the story
    body: list[str] = []
    for b in doc.blocks:
        tag = BLOCK_TAGS.get(b.kind, "p")
        cls = f' class="{b.kind}"' if b.kind not in ("paragraph", "heading", "quote") else ""
        line = doc.prose_line(b.start)
        body.append(f'<{tag} id="p-{b.start}"{cls} data-line="{line}">'
                    f'{_render_block(doc.prose, b.start, b.end, in_prose)}</{tag}>')

    # summary
    fam_counts = Counter(_family(f.code) for f in findings)
    sev_counts = Counter(f.severity for f in findings)
    rows = []
    for fam in [*FAMILY_STYLES, *sorted(set(fam_counts) - set(FAMILY_STYLES))]:
        c = fam.lower() if fam in FAMILY_STYLES else "other"
        name = FAMILIES.get(fam, fam.lower())
        rows.append(f'<tr><td><span class="swatch fam-{c}" aria-hidden="true"></span><span class="code">{esc(fam)}</span></td>'
                    f'<td>{esc(name)}</td><td>{fam_counts.get(fam, 0)}</td></tr>')
    grade_text = "n/a" if grade is None else f"{grade:.1f}"
    verdict = "" if grade is None else (" (above target)" if grade > target else " (at or below target)")
    ranked = sorted(values, key=lambda bv: -bv[1])[:3] if values else []
    hardest = "".join(f'<li><a href="#p-{b.start}">line {doc.prose_line(b.start)}</a>: {v:.1f} {esc(metric)} \u2014 '
                      f'\u201c{esc(_snippet(doc.prose[b.start:b.end]))}\u201d</li>' for b, v in ranked)

    # findings list and rule explanations
    items = []
    for p in sorted([*whole, *in_prose, *outside], key=lambda p: p.index):
        f = p.finding
        where = f"line {f.line}, column {f.column}"
        if p in in_prose:
            jump = f' <a href="#f{p.index}">show in story</a>'
        elif p in whole:
            jump, where = " (about the whole story)", "whole story"
        else:
            jump = f" (outside the story text: \u201c{esc(f.words)}\u201d)"
        fam_class = _family(f.code).lower() if _family(f.code) in FAMILY_STYLES else "other"
        items.append(f'<li id="d-f{p.index}"><span class="swatch fam-{fam_class}" aria-hidden="true"></span>'
                     f'<span class="code">{esc(f.code)}</span> <span class="sev">{esc(f.severity)}</span>, '
                     f'{esc(where)}: <span class="msg" id="m-f{p.index}">{esc(f.message)}</span>{jump} '
                     f'<a href="#rule-{esc(f.code)}">explain {esc(f.code)}</a></li>')
    explanations = []
    for code in sorted({f.code for f in findings}):
        rule = rules.get(code)
        text = explain(rule) if rule is not None else f"{code}: no explanation available"
        explanations.append(f'<section><h3 class="code">{esc(code)}</h3><pre id="rule-{esc(code)}">{esc(text)}</pre></section>')
    whole_html = "".join(f'<li><span class="code">{esc(p.finding.code)}</span> {esc(p.finding.message)} '
                         f'<a href="#d-f{p.index}">details</a></li>' for p in whole)
    problem_html = "".join(f"<li>{esc(x)}</li>" for x in problems or ())

    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_script_hash()}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    n = len(findings)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="copydesk">
<title>copydesk report: {esc(title)}</title>
<style>{_css()}</style>
</head>
<body>
<a class="skip" href="#f{in_prose[0].index if in_prose else 0}">Skip to the first finding</a>
<div class="wrap">
<main>
<h1>copydesk report</h1>
<p class="sub">{esc(doc.path)} \u00b7 {n} finding{"s" if n != 1 else ""} \u00b7
Tab or <kbd>n</kbd>/<kbd>p</kbd> moves between highlights</p>
{f'<div class="card" role="alert"><h2>copydesk could not do everything</h2><ul>{problem_html}</ul></div>' if problem_html else ""}
{f'<div class="card"><h2>About the whole story</h2><ul>{whole_html}</ul></div>' if whole_html else ""}
<article aria-label="The story with its findings highlighted">
{chr(10).join(body)}
</article>
</main>
<aside>
<div class="card"><h2>Summary</h2>
<table><thead><tr><th>family</th><th></th><th>findings</th></tr></thead><tbody>{"".join(rows)}</tbody></table>
<p>{sev_counts.get("error", 0)} errors, {sev_counts.get("warning", 0)} warnings, {sev_counts.get("info", 0)} info</p>
<p>Reading grade: <strong>{grade_text}</strong>, target {target:g}{verdict}</p>
<h2>Hardest paragraphs ({esc(metric)})</h2>
<ol>{hardest or '<li class="muted">none</li>'}</ol>
<h2>Per paragraph ({esc(metric)})</h2>
{_chart(doc, values, metric, target if metric == "reading grade" else None)}
</div>
<div class="card" id="panel" aria-live="polite"><h2>Finding</h2><div id="panel-body"><p class="muted">Hover over or focus a
highlight to read its message and what to do about it.</p></div></div>
</aside>
</div>
<footer>
<h2>All findings</h2>
<ol>{"".join(items) or "<li>None: copydesk found nothing to flag.</li>"}</ol>
<h2>What the rules look for</h2>
{"".join(explanations)}
</footer>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _snippet(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def main(args) -> int:
    """`copydesk report`: 0 when the page was written, 2 when copydesk could not do all it was asked."""
    from linter.cli import UsageError, _err, explain_text, registry_for
    from linter.config import ConfigError
    from linter.files import BinaryFile, decode, normalise_newlines
    from linter.runner import Linter

    reg = registry_for(args)
    try:
        linter = Linter(reg, config_file=args.config, select=args.select, ignore=args.ignore)
        if args.file == "-":
            name = args.stdin_filename or "<stdin>.txt"
            data = sys.stdin.buffer.read()
        else:
            name = args.file
            with open(name, "rb") as fh:
                data = fh.read()
        text, warnings = decode(data)
        cfg = linter.resolver.for_path(None if args.file == "-" else name)
    except ConfigError as exc:
        _err(str(exc))
        return 2
    except OSError as exc:
        _err(f"{args.file}: cannot read: {exc.strerror or exc}")
        return 2
    except BinaryFile as exc:
        _err(f"{args.file}: {exc}")
        return 2
    for w in warnings:
        _err(f"warning: {name}: {w}")
    result = linter.lint_text(text, name, cfg=cfg)
    if not result.linted:
        for p in result.problems:
            _err(p)
        return 2
    norm = normalise_newlines(text[1:] if text.startswith("\ufeff") else text)
    doc = linter.read_document(norm, name, cfg)
    page = render_report(doc, result.findings, reg.rules, explain_text, cfg, [*reg.problems, *result.problems])
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(page)
        except OSError as exc:
            raise UsageError(f"--output: {args.output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(page)
    for p in result.problems:
        _err(p)
    return 2 if reg.problems or result.problems else 0
