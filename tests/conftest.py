"""Fixtures shared by every test folder."""
import pytest

from support import load_example, load_nearest


@pytest.fixture(scope="session")
def example():
    return load_example()


@pytest.fixture(scope="session")
def nearest():
    return load_nearest()
