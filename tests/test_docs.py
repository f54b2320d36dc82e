"""The filter reference is generated from the code and must match it."""
from pathlib import Path

from cleanpage.docs import filters_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "filters.md"


def test_filter_reference_is_current():
    # Regenerate with: python -m cleanpage.docs > docs/filters.md
    assert DOC.read_text(encoding="utf-8") == filters_markdown()
