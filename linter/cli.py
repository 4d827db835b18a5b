"""The `copydesk` command line: check, rules, explain, inspect.

Exit status (SPEC): 0 nothing at or above --fail-on; 1 findings at or above it; 2 copydesk
could not do all it was asked (usage, config, unreadable or skipped file, failed plugin).
Every problem is one line on stderr; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys

from linter import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2


class UsageError(Exception):
    pass


def _err(message: str) -> None:
    """One line on stderr. Line breaks from file names or article text are shown escaped, so a
    name holding a newline cannot start a second line (a CI workflow command, say)."""
    message = message.replace("\r", "\\r").replace("\n", "\\n")
    sys.stderr.write(f"copydesk: {message}\n")


def _codes_arg(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, minus its import of shutil (3 ms of every run: argparse builds a
    formatter for each add_argument) just to read the terminal width."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            try:
                width = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    width = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        formatter_class=_Formatter,
        description="A plain-language quality linter for news articles: anonymous sources, vague "
                    "attributions, puffery, missing bylines and dates, hard-to-read copy.",
        epilog="Run 'copydesk COMMAND --help' for a command's options. Exit status: 0 clean, 1 findings, "
               "2 copydesk could not do all it was asked.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", formatter_class=_Formatter, help="lint files, folders, or standard input (-)",
                           description="Lint articles. A folder is searched for *.txt *.md *.markdown *.html *.htm.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - reads standard input")
    check.add_argument("--format", default="text", help="output format: text, json, sarif, github (default: text)")
    check.add_argument("--select", type=_codes_arg, metavar="CODES",
                       help="only these codes or prefixes (comma-separated); replaces the config's list")
    check.add_argument("--ignore", type=_codes_arg, metavar="CODES",
                       help="skip these codes or prefixes (comma-separated); replaces the config's list")
    check.add_argument("--config", metavar="FILE", help="use this config file for every file (default: the nearest one above each file)")
    check.add_argument("--fail-on", choices=("info", "warning", "error"),
                       help="lowest severity that makes the exit status 1 (default: warning)")
    check.add_argument("--quiet", "-q", action="store_true", help="no summary line on stderr")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="with '-': the name standard input is reported under (its extension picks the format)")
    check.add_argument("--jobs", "-j", type=int, metavar="N",
                       help="worker processes (default: the number of cores; 1 disables parallelism)")
    check.add_argument("--no-cache", action="store_true",
                       help="do not read or write the findings cache (.copydesk_cache/ in the current folder)")
    check.add_argument("--cache-dir", metavar="DIR", default=None,
                       help="where the findings cache lives (default: .copydesk_cache)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline "
                       "(matched by file, code and flagged words, not line)")
    check.add_argument("--write-baseline", metavar="FILE", help="record every finding in FILE (written atomically) "
                       "instead of reporting them; later runs use it with --baseline")
    check.add_argument("--changed-since", metavar="REF", help="report only findings on lines added or changed since "
                       "the git revision REF branched off (and document-level findings on files added since)")

    rules = sub.add_parser("rules", formatter_class=_Formatter, help="list every rule",
                           description="List every rule known, built-in and from plugins.")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = sub.add_parser("explain", formatter_class=_Formatter, help="what a rule looks for, why it matters, how to fix or silence it")
    explain.add_argument("code", metavar="CODE")

    inspect = sub.add_parser("inspect", formatter_class=_Formatter, help="what copydesk understood of an article",
                             description="Show the title, byline, publication date, dateline, reading grade, "
                                         "paragraph and sentence counts copydesk found, each with its line.")
    inspect.add_argument("file", metavar="FILE", help="an article (- for standard input)")
    inspect.add_argument("--format", choices=("text", "json"), default="text")
    inspect.add_argument("--stdin-filename", metavar="NAME")
    inspect.add_argument("--config", metavar="FILE")

    lsp = sub.add_parser("lsp", formatter_class=_Formatter, help="run the language server on stdio (needs the 'lsp' extra: pygls)",
                         description="A Language Server Protocol server on standard input/output: diagnostics, "
                                     "hover explanations and quick fixes in any LSP editor.")
    lsp.add_argument("--config", metavar="FILE", help="use this config for every buffer (default: the nearest one above each)")
    lsp.add_argument("--rule-docs-url", metavar="TEMPLATE",
                     help="link for each diagnostic's code, '{code}' replaced (default: a local Markdown file per rule)")
    lsp.add_argument("--debounce-ms", type=int, default=100, metavar="MS", help="wait this long after the last change (default: 100)")

    report = sub.add_parser("report", formatter_class=_Formatter,
                            help="write a self-contained HTML page of a story with its findings highlighted",
                            description="Render a story as a reader sees it, each finding highlighted, with a summary "
                                        "and a per-paragraph readability chart, as one self-contained HTML page.")
    report.add_argument("file", metavar="STORY", help="an article (- for standard input)")
    report.add_argument("--output", "-o", metavar="FILE", help="write the page here (default: standard output)")
    report.add_argument("--stdin-filename", metavar="NAME", help="with '-': the name (its extension picks the format)")
    report.add_argument("--config", metavar="FILE")
    report.add_argument("--select", type=_codes_arg, metavar="CODES", help="only these codes or prefixes")
    report.add_argument("--ignore", type=_codes_arg, metavar="CODES", help="skip these codes or prefixes")
    return parser


def _load_registry():
    from linter.plugins import load_registry

    reg = load_registry()
    return reg


def _validate_codes(codes: list[str] | None, reg, flag: str) -> None:
    for c in codes or ():
        if not any(k.startswith(c) for k in reg.rules):
            raise UsageError(f"{flag}: unknown rule code or prefix '{c}' (see 'copydesk rules')")


def registry_for(args):
    """The plugin registry, its load problems shown, and --select/--ignore checked against it."""
    reg = _load_registry()
    for p in reg.problems:
        _err(p)
    _validate_codes(getattr(args, "select", None), reg, "--select")
    _validate_codes(getattr(args, "ignore", None), reg, "--ignore")
    return reg


def cmd_check(args) -> int:
    from linter.config import ConfigError
    from linter.runner import Linter, RunResult

    reg = registry_for(args)
    if args.write_baseline and (args.baseline or args.changed_since):
        raise UsageError("--write-baseline records every finding: it cannot be combined with --baseline or --changed-since")
    if args.format not in reg.reporters:
        raise UsageError(f"--format: unknown format '{args.format}' (known: {', '.join(sorted(reg.reporters))})")
    if args.config and not os.path.isfile(args.config):
        raise UsageError(f"--config: {args.config}: no such file")
    try:
        linter = Linter(reg, config_file=args.config, select=args.select, ignore=args.ignore, fail_on=args.fail_on)
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_TROUBLE
    if not args.no_cache:
        from linter.cache import DEFAULT_DIR, FindingsCache

        linter.cache = FindingsCache(reg, __version__, args.cache_dir or DEFAULT_DIR)
    paths = args.paths or ["."]
    result = RunResult(rules=reg.rules, version=__version__, problems=list(reg.problems))
    file_results = []
    if "-" in paths:
        if len(paths) > 1:
            raise UsageError("'-' (standard input) cannot be mixed with other paths")
        name = args.stdin_filename or "<stdin>.txt"
        data = sys.stdin.buffer.read()
        from linter.files import BinaryFile, decode

        try:
            text, warnings = decode(data)
            fr = linter.lint_text(text, name, config_path=None if args.stdin_filename is None else None)
            fr.warnings[:0] = [f"{name}: {w}" for w in warnings]
            file_results.append(fr)
            result.sources[name] = text
        except BinaryFile as exc:
            result.problems.append(f"{name}: {exc}")
    else:
        problems: list[str] = []
        files = linter.discover(paths, problems)
        result.problems.extend(problems)
        file_results = linter.lint_paths(files, jobs=args.jobs)
    for fr in file_results:
        result.files.append(fr.path)
        result.findings.extend(fr.findings)
        result.problems.extend(fr.problems)
        result.warnings.extend(fr.warnings)
    result.findings.sort(key=lambda f: f.sort_key())
    hidden = _narrow_findings(args, result)
    if hidden is None:
        return EXIT_TROUBLE
    if args.write_baseline:
        return _write_baseline(args, result)
    # fail-on: the command line wins, else the config of the first file (or the current folder)
    try:
        cfg = linter.resolver.for_path(result.files[0] if result.files else None)
        result.fail_on = args.fail_on or cfg.fail_on
    except ConfigError as exc:
        if str(exc) not in result.problems:
            result.problems.append(str(exc))
        result.fail_on = args.fail_on or "warning"
    if args.format == "text" and sys.stdout.isatty() and not args.output:
        for path in {f.path for f in result.findings} - set(result.sources):
            try:
                with open(path, "rb") as fh:
                    from linter.files import decode

                    result.sources[path] = decode(fh.read())[0]
            except Exception:
                pass
    if args.output:
        _write_report_file(args.output, reg.reporters[args.format], result)
    else:
        reg.reporters[args.format].write(result, sys.stdout)
    for w in result.warnings:
        _err(f"warning: {w}")
    for p in result.problems:
        _err(p)
    if not args.quiet:
        _summary(result)
        if hidden:
            sys.stderr.write(f"{hidden} finding{'s' if hidden != 1 else ''} in the baseline {args.baseline} not shown\n")
    return result.exit_status()


def _narrow_findings(args, result) -> int | None:
    """Apply --changed-since, then --baseline; return how many the baseline hid (None: error, reported)."""
    if not (args.changed_since or args.baseline):
        return 0  # neither module is imported: git's subprocess machinery costs a one-file run 5 ms
    from linter.baseline import BaselineError, filter_new, read_baseline
    from linter.changes import ChangesError, changed_lines, filter_changed

    try:
        if args.changed_since:
            result.findings = filter_changed(result.findings, changed_lines(args.changed_since))
        if args.baseline:
            result.findings, hidden = filter_new(result.findings, read_baseline(args.baseline), args.baseline)
            return hidden
    except (BaselineError, ChangesError) as exc:
        _err(str(exc))
        return None
    return 0


def _write_baseline(args, result) -> int:
    from linter.baseline import BaselineError, write_baseline

    try:
        n = write_baseline(args.write_baseline, result.findings, __version__)
    except BaselineError as exc:
        _err(str(exc))
        return EXIT_TROUBLE
    for w in result.warnings:
        _err(f"warning: {w}")
    for p in result.problems:
        _err(p)
    if not args.quiet:
        files = len({f.path for f in result.findings})
        sys.stderr.write(f"wrote {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} "
                         f"to the baseline {args.write_baseline}\n")
    return EXIT_TROUBLE if result.problems else EXIT_CLEAN


def _write_report_file(path: str, reporter, result) -> None:
    """The report into `path`, atomically (a temporary file, then a rename); never over a linted file."""
    import io

    from linter.files import write_atomically

    target = os.path.realpath(path)
    if any(os.path.realpath(f) == target for f in result.files):
        raise UsageError(f"--output: {path} is one of the files being linted; copydesk never writes to them")
    buffer = io.StringIO()
    reporter.write(result, buffer)
    try:
        write_atomically(path, buffer.getvalue())
    except OSError as exc:
        raise UsageError(f"--output: {path}: {exc.strerror or exc}") from None


def _summary(result) -> None:
    from collections import Counter

    n = len(result.files)
    by_family = Counter(f.code[:3] for f in result.findings)
    parts = ", ".join(f"{c} {fam}" for fam, c in sorted(by_family.items(), key=lambda kv: (-kv[1], kv[0])))
    line = f"{n} file{'s' if n != 1 else ''}, {len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}"
    if parts:
        line += f": {parts}"
    if result.problems:
        line += f"; {len(result.problems)} problem{'s' if len(result.problems) != 1 else ''} (see above)"
    sys.stderr.write(line + "\n")


def cmd_rules(args) -> int:
    import json

    reg = _load_registry()
    for p in reg.problems:
        _err(p)
    rows = []
    for code, rule in reg.rules.items():
        rows.append({
            "code": code, "name": rule.name, "family": rule.family_name() if hasattr(rule, "family_name") else code[:3],
            "severity": getattr(rule, "severity", "warning"), "default_enabled": bool(getattr(rule, "default_enabled", True)),
            "summary": getattr(rule, "summary", ""), "plugin": reg.rule_plugin.get(code),
        })
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    else:
        for r in rows:
            flag = "" if r["default_enabled"] else " (off by default)"
            sys.stdout.write(f"{r['code']}  {r['name']:<28} {r['severity']:<8} {r['summary']}{flag}\n")
    return EXIT_TROUBLE if reg.problems else EXIT_CLEAN


def explain_text(rule) -> str:
    """The full explanation of a rule: header, its doc, its options, how to silence it."""
    import textwrap

    family = rule.family_name() if hasattr(rule, "family_name") else rule.code[:3]
    state = "on" if getattr(rule, "default_enabled", True) else "off"
    parts = [f"{rule.code} {rule.name}", f"family: {family}   default severity: {rule.severity}   enabled by default: {state}",
             "", rule.summary, "", textwrap.dedent(rule.doc).strip()]
    opts = getattr(rule, "options", {}) or {}
    if opts and "## Options" not in rule.doc:
        parts += ["", "## Options", f"Set in [tool.copydesk.rules.{rule.code}]:"]
        parts += [f"  {k} = {v!r}" for k, v in opts.items()]
    if "silence" not in rule.doc.lower():
        parts += ["", "## How to silence",
                  f"  config:    ignore = [\"{rule.code}\"], or per-file-ignores = {{ \"opinion/**\" = [\"{rule.code}\"] }}",
                  f"  Markdown/HTML: <!-- copydesk: disable-next-line {rule.code} --> on the line before",
                  f"  command line: --ignore {rule.code}"]
    return "\n".join(parts).rstrip() + "\n"


def cmd_explain(args) -> int:
    reg = _load_registry()
    for p in reg.problems:
        _err(p)
    code = args.code.strip().upper()
    rule = reg.rules.get(code)
    if rule is None:
        by_name = [r for r in reg.rules.values() if r.name == args.code.strip().lower()]
        if not by_name:
            raise UsageError(f"explain: unknown rule '{args.code}' (see 'copydesk rules')")
        rule = by_name[0]
    sys.stdout.write(explain_text(rule))
    return EXIT_CLEAN


def cmd_inspect(args) -> int:
    import json

    from linter.config import ConfigError
    from linter.files import BinaryFile, decode
    from linter.inspect import inspect_document
    from linter.runner import Linter

    reg = _load_registry()
    for p in reg.problems:
        _err(p)
    try:
        linter = Linter(reg, config_file=args.config)
        if args.file == "-":
            name = args.stdin_filename or "<stdin>.txt"
            data = sys.stdin.buffer.read()
            cfg = linter.resolver.for_path(None)
        else:
            name = args.file
            cfg = linter.resolver.for_path(name)
            with open(name, "rb") as fh:
                data = fh.read()
        text, warnings = decode(data)
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_TROUBLE
    except OSError as exc:
        _err(f"{args.file}: cannot read: {exc.strerror or exc}")
        return EXIT_TROUBLE
    except BinaryFile as exc:
        _err(f"{args.file}: {exc}")
        return EXIT_TROUBLE
    for w in warnings:
        _err(f"warning: {name}: {w}")
    doc = linter.read_document(text, name, cfg)
    info = inspect_document(doc, cfg)
    if args.format == "json":
        sys.stdout.write(json.dumps(info, indent=1, ensure_ascii=False) + "\n")
    else:
        for key in ("title", "byline", "date", "dateline"):
            v = info[key]
            if v is None:
                sys.stdout.write(f"{key:<11} (none found)\n")
            else:
                extra = f" = {v['value']}" if v.get("value") else ""
                sys.stdout.write(f"{key:<11} {v['text']!r}{extra}  (line {v['line']}, column {v['column']}, from {v['source']})\n")
        g = info["grade"]
        sys.stdout.write(f"{'grade':<11} {g if g is not None else '(not enough prose)'}\n")
        sys.stdout.write(f"{'format':<11} {info['format']}\n")
        sys.stdout.write(f"{'paragraphs':<11} {info['paragraphs']['count']} (lines {_short(info['paragraphs']['lines'])})\n")
        sys.stdout.write(f"{'headings':<11} {info['headings']['count']} (lines {_short(info['headings']['lines'])})\n")
        sys.stdout.write(f"{'sentences':<11} {info['sentences']['count']}\n")
        sys.stdout.write(f"{'quotes':<11} {info['quotes']['count']}\n")
    return EXIT_CLEAN


def _short(lines: list[int]) -> str:
    if len(lines) > 12:
        return ", ".join(map(str, lines[:12])) + ", ..."
    return ", ".join(map(str, lines)) or "-"


def cmd_lsp(args) -> int:
    from linter.lsp import main as lsp_main

    return lsp_main(config_file=args.config, docs_url=args.rule_docs_url, debounce=max(0, args.debounce_ms) / 1000)


def cmd_report(args) -> int:
    from linter.report_html import main as report_main

    return report_main(args)


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "inspect": cmd_inspect,
            "lsp": cmd_lsp, "report": cmd_report}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_TROUBLE
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_TROUBLE
    except Exception as exc:  # never a traceback: one line, and the exit status says something failed
        _err(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        return EXIT_TROUBLE


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
