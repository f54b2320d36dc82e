"""Parsers turn decoded input into a :class:`~cleanpage.document.Document` of blocks."""
