"""Shared test fixtures: paths to the optional shared corpora, skipped cleanly where absent."""

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")


@pytest.fixture
def shared_dir():
    if not os.path.isdir(SHARED):
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def seed_path(shared_dir):
    path = os.path.join(shared_dir, "samples", "content-farm-seed.txt")
    if not os.path.isfile(path):
        pytest.skip("seed sample absent")
    return path
