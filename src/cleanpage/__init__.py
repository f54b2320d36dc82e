"""cleanpage: strip boilerplate from web pages and pasted page text, and say why.

Public API: :func:`clean`, :func:`clean_and_explain`, :class:`Pipeline`, :class:`Document`,
:class:`Block`, :class:`Removal`, :class:`Filter`, :class:`InputError`, :class:`LimitError`,
:func:`clean_records`, :class:`Rules`, :class:`RuleError`.
"""
from .api import Result, clean, clean_and_explain
from .decode import InputError, LimitError
from .document import Block, Document, Removal, Verdict
from .filters import Filter
from .pipeline import Pipeline
from . import config
from .config import load_config
from .records import clean_records
from .rules import RuleError, Rules

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Document",
    "Filter",
    "InputError",
    "LimitError",
    "Pipeline",
    "Removal",
    "Result",
    "RuleError",
    "Rules",
    "Verdict",
    "clean",
    "clean_and_explain",
    "clean_records",
    "config",
    "load_config",
    "__version__",
]
