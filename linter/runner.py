"""The runner: which files, which rules, and the findings they make.

`Linter` holds what stays warm between documents (the plugin registry, configs, compiled
patterns): the CLI uses it once per run, a language server once per keystroke.
`lint_text` lints one buffer; `lint_paths` finds files under the given paths, reads them
per the SPEC (size limit, binary, encodings), runs over the machine's cores when there
are enough files to pay for a pool, and returns a `RunResult`.
"""

from __future__ import annotations

import os
from typing import Any

from linter.config import Config, ConfigError, ConfigResolver, glob_matches
from linter.document import Document
from linter.files import BinaryFile, decode, normalise_newlines
from linter.records import Record
from linter.rule import SEVERITY_RANK, Finding, Fix, Hit

__all__ = ["Linter", "RunResult", "FileResult", "EXTENSIONS"]

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache",
             ".ruff_cache", ".pytest_cache", ".copydesk_cache"}
PARALLEL_MIN_FILES = 24


class FileResult(Record):
    """What linting one file gave: findings, problems (exit 2) and warnings (no effect on exit)."""

    __slots__ = ("path", "findings", "problems", "warnings", "linted")
    path: str
    findings: list[Finding]
    problems: list[str]
    warnings: list[str]
    linted: bool

    def __init__(self, path: str, findings: list[Finding] | None = None, problems: list[str] | None = None,
                 warnings: list[str] | None = None, linted: bool = True):
        self.path = path
        self.findings = [] if findings is None else findings
        self.problems = [] if problems is None else problems
        self.warnings = [] if warnings is None else warnings
        self.linted = linted


class RunResult(Record):
    """Everything a reporter needs: sorted findings, files, problems, the rules known."""

    __slots__ = ("findings", "files", "problems", "warnings", "rules", "version", "fail_on", "sources")
    findings: list[Finding]
    files: list[str]
    problems: list[str]
    warnings: list[str]
    rules: dict
    version: str
    fail_on: str
    sources: dict  # path -> original text, for reporters that show context

    def __init__(self, findings: list[Finding] | None = None, files: list[str] | None = None,
                 problems: list[str] | None = None, warnings: list[str] | None = None, rules: dict | None = None,
                 version: str = "", fail_on: str = "warning", sources: dict | None = None):
        self.findings = [] if findings is None else findings
        self.files = [] if files is None else files
        self.problems = [] if problems is None else problems
        self.warnings = [] if warnings is None else warnings
        self.rules = {} if rules is None else rules
        self.version = version
        self.fail_on = fail_on
        self.sources = {} if sources is None else sources

    def exit_status(self) -> int:
        if self.problems:
            return 2
        threshold = SEVERITY_RANK[self.fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in self.findings) else 0


def _matches(code: str, selectors) -> bool:
    return any(code.startswith(s) for s in selectors)


class Linter:
    """Lints documents with the rules the registry holds, as each file's config says."""

    def __init__(self, registry, config_file: str | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, fail_on: str | None = None):
        self.registry = registry
        self.resolver = ConfigResolver(registry.rules, config_file)
        self.cli_select = [s.upper() for s in select] if select is not None else None
        self.cli_ignore = [s.upper() for s in ignore] if ignore is not None else None
        self.cli_fail_on = fail_on
        self._instances: dict[str, Any] = {}
        self._enabled_cache: dict[tuple, list[str]] = {}
        self.cache = None  # a linter.cache.FindingsCache, set by the CLI unless --no-cache

    # -- rule selection ---------------------------------------------------------------------

    def enabled_codes(self, cfg: Config, relpath: str | None = None) -> list[str]:
        extra_ignore: tuple[str, ...] = ()
        if relpath is not None and cfg.per_file_ignores:
            extra_ignore = tuple(c for g, codes in cfg.per_file_ignores.items() if glob_matches(g, relpath) for c in codes)
        key = (id(cfg), extra_ignore)
        codes = self._enabled_cache.get(key)
        if codes is None:
            select = self.cli_select if self.cli_select is not None else cfg.select
            ignore = (self.cli_ignore if self.cli_ignore is not None else cfg.ignore) + list(extra_ignore)
            codes = []
            for code, rule in self.registry.rules.items():
                chosen = _matches(code, select) if select is not None else getattr(rule, "default_enabled", True)
                # an exact code in select enables even a rule that is off by default
                if select is not None and code not in select and not getattr(rule, "default_enabled", True):
                    chosen = False
                if chosen and not _matches(code, ignore):
                    codes.append(code)
            self._enabled_cache[key] = codes
        return codes

    def fail_on(self, cfg: Config) -> str:
        return self.cli_fail_on or cfg.fail_on

    def _rule(self, code: str):
        inst = self._instances.get(code)
        if inst is None:
            rule = self.registry.rules[code]
            inst = rule() if isinstance(rule, type) else rule
            self._instances[code] = inst
        return inst

    # -- one document ---------------------------------------------------------------------------

    def read_document(self, text: str, path: str, cfg: Config) -> Document:
        reader = self.registry.reader_for(path)
        read = reader.read(text, path)
        return Document(path, text, read, getattr(reader, "name", "text"), cfg.settings())

    def lint_text(self, text: str, path: str = "<stdin>.txt", config_path: str | None = None,
                  cfg: Config | None = None) -> FileResult:
        """Lint a buffer as if it were the file `path` (its extension picks the reader).

        The config is `cfg` if given, else the one for `config_path` or `path`.
        """
        result = FileResult(path)
        try:
            cfg = cfg or self.resolver.for_path(config_path or path)
        except ConfigError as exc:
            result.problems.append(str(exc))
            result.linted = False
            return result
        text = normalise_newlines(text[1:] if text.startswith("\ufeff") else text)
        self._lint_document(text, path, cfg, result)
        return result

    def _lint_document(self, text: str, path: str, cfg: Config, result: FileResult) -> None:
        relpath = os.path.relpath(os.path.abspath(path), cfg.root) if cfg.path else path
        codes = self.enabled_codes(cfg, relpath)
        try:
            doc = self.read_document(text, path, cfg)
        except Exception as exc:  # a reader plugin that raises
            result.problems.append(f"{path}: reader failed: {type(exc).__name__}: {exc}")
            result.linted = False
            return
        result.warnings.extend(f"{path}: {w}" for w in doc.warnings)
        if doc.has_comments:
            from linter.suppress import parse_suppressions

            sup = parse_suppressions(text)
        else:
            sup = None
        seen = set()
        for code in codes:
            plugin = self.registry.rule_plugin.get(code, "?")
            try:  # a plugin's rule may fail anywhere: building it, its options, its check
                rule = self._rule(code)
                options = dict(getattr(rule, "options", {}) or {})
                options.update(cfg.rules.get(code, {}))
                hits = list(rule.check(doc, options) or ())
            except Exception as exc:
                result.problems.append(f"{path}: plugin '{plugin}' rule {code} failed: {type(exc).__name__}: {exc}")
                continue
            for hit in hits:
                try:
                    finding = self._finding(doc, rule, code, hit, cfg, result)
                except Exception as exc:  # a Hit whose fields are the wrong shape
                    result.problems.append(f"{path}: plugin '{plugin}' rule {code} returned a malformed finding "
                                           f"({type(exc).__name__}: {exc})")
                    continue
                if finding is None or finding in seen:
                    continue
                if sup and sup.suppressed(code, finding.line):
                    continue
                seen.add(finding)
                result.findings.append(finding)
        result.findings.sort(key=Finding.sort_key)

    def _finding(self, doc: Document, rule, code: str, hit, cfg: Config, result: FileResult) -> Finding | None:
        plugin = self.registry.rule_plugin.get(code, "?")
        if not isinstance(hit, Hit) or not isinstance(hit.message, str):
            result.problems.append(f"{doc.path}: plugin '{plugin}' rule {code} returned a malformed finding {hit!r:.80}")
            return None
        n = len(doc.prose)
        if hit.file_span is not None:
            f_start, f_end = hit.file_span
            if not (isinstance(f_start, int) and isinstance(f_end, int) and 0 <= f_start <= f_end <= len(doc.text)):
                result.problems.append(f"{doc.path}: plugin '{plugin}' rule {code} returned a file span out of range "
                                       f"({f_start!r}, {f_end!r})")
                return None
            line, col = doc.position(f_start)
            end_line, end_col = doc.position(f_end)
            words = doc.text[f_start:f_end]
        elif hit.start is None:
            line = col = end_line = end_col = 1
            words = ""
        elif (not isinstance(hit.start, int) or not isinstance(hit.end, int) or not 0 <= hit.start <= hit.end <= n):
            result.problems.append(f"{doc.path}: plugin '{plugin}' rule {code} returned a finding out of range "
                                   f"({hit.start!r}, {hit.end!r}; prose length {n})")
            return None
        else:
            line, col, end_line, end_col = doc.span_position(hit.start, hit.end)
            words = doc.prose[hit.start:hit.end]
        default = getattr(rule, "severity", "warning")
        severity = cfg.severity.get(code)
        if severity is None:
            severity = default
            if hit.severity in SEVERITY_RANK and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[default]:
                severity = hit.severity
        fix = None
        if hit.replacement is not None and hit.start is not None:
            fix = Fix(hit.replacement, line, col, end_line, end_col)
        return Finding(doc.path, line, col, end_line, end_col, code, getattr(rule, "name", code), severity,
                       hit.message, fix, words)

    # -- files ----------------------------------------------------------------------------------

    def lint_file(self, path: str) -> FileResult:
        result = FileResult(path)
        try:
            cfg = self.resolver.for_path(path)
        except ConfigError as exc:
            result.problems.append(str(exc))
            result.linted = False
            return result
        try:
            size = os.stat(path).st_size
            if size > cfg.max_file_bytes:
                result.problems.append(f"{path}: skipped: {size:,} bytes is over max-file-bytes ({cfg.max_file_bytes:,})")
                result.linted = False
                return result
            with open(path, "rb") as fh:
                data = fh.read(cfg.max_file_bytes + 1)
        except OSError as exc:
            result.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            result.linted = False
            return result
        try:
            text, warnings = decode(data)
        except BinaryFile as exc:
            result.problems.append(f"{path}: {exc}")
            result.linted = False
            return result
        key = None
        if self.cache is not None:
            key = self.cache.key(path, data, self._settings_key(cfg, path))
            cached = self.cache.get(key)
            if cached is not None:
                result.findings, result.warnings = cached
                return result
        result.warnings.extend(f"{path}: {w}" for w in warnings)
        self._lint_document(text, path, cfg, result)
        if key is not None and not result.problems:
            self.cache.put(key, result.findings, result.warnings)
        return result

    def _settings_key(self, cfg: Config, path: str) -> str:
        """Everything from the config that decides a file's findings, for the cache key."""
        rel = os.path.relpath(os.path.abspath(path), cfg.root) if cfg.path else path
        return repr((self.enabled_codes(cfg, rel), sorted(cfg.severity.items()),
                     sorted((code, sorted(opts.items())) for code, opts in cfg.rules.items()), cfg.date_order))

    def excluded(self, path: str) -> bool:
        """True when the nearest config's `exclude` globs match this path."""
        try:
            cfg = self.resolver.for_path(path)
        except ConfigError:
            return False
        if not cfg.exclude:
            return False
        rel = os.path.relpath(os.path.abspath(path), cfg.root) if cfg.path else path
        return any(glob_matches(g, rel) for g in cfg.exclude)

    def discover(self, paths: list[str], problems: list[str]) -> list[str]:
        """Files to lint: named files as given, directories searched for the SPEC's extensions."""
        out: list[str] = []
        seen: set[str] = set()
        for path in paths:
            if os.path.isdir(path):
                for root, dirs, files in os.walk(path, followlinks=False):
                    dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not self.excluded(os.path.join(root, d)))
                    for name in sorted(files):
                        full = os.path.join(root, name)
                        if name.lower().endswith(EXTENSIONS) and full not in seen and not self.excluded(full):
                            if os.path.islink(full) and not os.path.exists(full):
                                continue
                            if os.path.exists(full) and not os.path.isfile(full):
                                # a FIFO or device named like an article: opening it could block forever
                                problems.append(f"{full}: not a regular file: skipped")
                                continue
                            seen.add(full)
                            out.append(full)
            elif os.path.exists(path) or os.path.islink(path):
                if path not in seen and not self.excluded(path):
                    seen.add(path)
                    out.append(path)
            else:
                problems.append(f"{path}: no such file or directory")
        return out

    def lint_paths(self, paths: list[str], jobs: int | None = None) -> list[FileResult]:
        """Lint files (already discovered), in parallel when it pays."""
        workers = jobs if jobs is not None else (os.cpu_count() or 1)
        if workers <= 1 or len(paths) < PARALLEL_MIN_FILES:
            return [self.lint_file(p) for p in paths]
        return _lint_parallel(self, paths, workers)


_WORKER_LINTER: Linter | None = None


def _work_chunk(paths: list[str]) -> list[FileResult]:
    return [_WORKER_LINTER.lint_file(p) for p in paths]


def _prepare_rules(linter: Linter, paths: list[str]) -> None:
    """Let each rule enabled for the first file load what every worker will need, once."""
    try:
        codes = linter.enabled_codes(linter.resolver.for_path(paths[0]))
    except ConfigError:
        return
    for code in codes:
        try:
            type(linter._rule(code)).prepare()
        except Exception:  # a plugin's prepare that fails costs time, not the run: check reports it
            continue


def _lint_parallel(linter: Linter, paths: list[str], workers: int) -> list[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_LINTER
    _WORKER_LINTER = linter
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:
        return [linter.lint_file(p) for p in paths]
    _prepare_rules(linter, paths)
    # small chunks keep both cores busy to the end: with 4 per worker, the last chunk of a
    # 1,600-file archive left one core idle for a quarter of a second
    chunk = max(4, len(paths) // (workers * 16) + 1)
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    results: list[FileResult] = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for part in pool.map(_work_chunk, chunks):
                results.extend(part)
    except Exception:  # a pool that cannot start: fall back to one process
        return [linter.lint_file(p) for p in paths]
    finally:
        _WORKER_LINTER = None
    return results
