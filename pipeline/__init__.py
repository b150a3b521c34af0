"""notice-pipeline: Chinese government service-outage notices to audited tables and reports.

The public API is small; everything else is internal and may change.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "parse_document", "parse_paths", "Notice", "RawDocument"]


def __getattr__(name: str):  # lazy, so that `import pipeline` stays cheap
    if name in ("parse_document",):
        from .parse import parse_document

        return parse_document
    if name == "parse_paths":
        from .store import parse_paths

        return parse_paths
    if name in ("Notice", "RawDocument"):
        from . import records

        return getattr(records, name)
    raise AttributeError(name)
