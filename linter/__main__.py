"""`python -m linter` runs the copydesk command line."""

from linter.cli import run

run()
