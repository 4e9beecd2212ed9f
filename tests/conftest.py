"""Fixtures shared by every test folder."""
import pytest

from support import load_example


@pytest.fixture(scope="session")
def example():
    return load_example()
