"""mszs: parse and normalise Chinese local-government notices on 民生实事.

    >>> from mszs import parse
    >>> notice = parse("notice.docx")
    >>> notice.projects[0].tasks[0].lead_units
"""
from mszs.api import parse, parse_bytes
from mszs.errors import MszsError

__version__ = "0.1.0"

__all__ = ["parse", "parse_bytes", "MszsError", "__version__"]
