"""Adapters for data-pipeline engines; each module imports its engine only when imported itself.

- :mod:`cleanpage.integrations.datatrove`: :class:`~cleanpage.integrations.datatrove.CleanpageFilter`,
  a datatrove pipeline step (``pip install 'cleanpage[pipelines]'``).
- :mod:`cleanpage.integrations.dask`: :func:`~cleanpage.integrations.dask.clean_bag` and
  :func:`~cleanpage.integrations.dask.clean_jsonl_files` for Dask bags of JSON lines.

Importing this package needs neither engine; importing a module whose engine is missing raises an
``ImportError`` that names the extra to install.
"""

PIPELINES_EXTRA = "pip install 'cleanpage[pipelines]'"


def missing(engine: str, error: ImportError) -> ImportError:
    """The ImportError to raise (``from error``) when ``engine`` cannot be imported: it names
    the missing module and the extra to install."""
    return ImportError(
        f"cleanpage.integrations.{engine} needs {engine} and the packages it imports "
        f"({error}); install the optional extra: {PIPELINES_EXTRA}"
    )
