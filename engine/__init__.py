"""Supportwijzer's scoring engine: assessments, scores, result codes and team results.

The public API, the same in CPython (build, CLI, tests) and in the browser
under Pyodide. Everything imported here uses only the standard library; the
YAML loader (``engine.loader``) and the CLI are separate and never reach the
browser.
"""
from .codes import ResultCode, code_length, decode, encode, read
from .errors import AnswerError, AssessmentError, CodeError, Problem
from .model import (Assessment, Band, Bounds, Dimension, Perspective, PerspectiveOption, Profile, Question,
                    ReflectionPrompt, Scale, parse_assessment, to_data)
from .scoring import FLAGS, score
from .team import aggregate
from .text import localize

__all__ = [
    "FLAGS", "AnswerError", "Assessment", "AssessmentError", "Band", "Bounds", "CodeError", "Dimension",
    "Perspective", "PerspectiveOption", "Problem", "Profile", "Question", "ReflectionPrompt", "ResultCode", "Scale",
    "aggregate", "code_length", "decode", "encode", "localize", "parse_assessment", "read", "score", "to_data",
]
