"""Paths and loaders the tests share (a plain module, so every test folder can import it)."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_DIR = FIXTURES / "voorbeeld"
EXAMPLE = EXAMPLE_DIR / "assessments" / "voorbeeld.yml"


def load_example():
    """Load the example from inside its own little project, so its links resolve there."""
    from engine.loader import load_assessment
    here = os.getcwd()
    os.chdir(EXAMPLE_DIR)
    try:
        return load_assessment(EXAMPLE)
    finally:
        os.chdir(here)
