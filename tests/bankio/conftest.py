"""Fixtures of the bank export/import tests: the course bank and its entries by id."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def bank():
    from course.exercises.loader import load_bank

    return load_bank()


@pytest.fixture(scope="session")
def raw_items(bank):
    """Every bank entry by id, as written in the bank files."""
    return {ex.id: ex.raw for ex in bank.exercises}
