"""cleanpage: strip boilerplate from web pages and pasted page text, and say why.

Public API: :func:`clean`, :func:`clean_and_explain`, :class:`Pipeline`, :class:`Document`,
:class:`Block`, :class:`Removal`, :class:`Filter`, :class:`InputError`.
"""
from .api import Result, clean, clean_and_explain
from .decode import InputError
from .document import Block, Document, Removal, Verdict
from .filters import Filter
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Document",
    "Filter",
    "InputError",
    "Pipeline",
    "Removal",
    "Result",
    "Verdict",
    "clean",
    "clean_and_explain",
    "__version__",
]
