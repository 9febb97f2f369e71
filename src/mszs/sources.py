"""Inputs named by fsspec URLs (``s3://bucket/archive/``, ``file:///data/notices/``), extra ``mszs[dask]``.

The batch client lists them and reads their size and time; whoever converts a
file (a local worker or a Dask worker) reads its bytes, so on a cluster they
never pass through the client. A URL is taken as a folder (searched
recursively for files with a notice suffix, hidden ones skipped), a file, or a
glob pattern, as local paths are.
"""
from __future__ import annotations

import datetime
import hashlib
from pathlib import PurePosixPath

from mszs.errors import TooLarge, UnreadableInput


def is_url(name) -> bool:
    return "://" in str(name)


def find_urls(urls: list[str], suffixes: frozenset[str]) -> list[str]:
    """The files the URLs name, each once, as URLs. Raises FileNotFoundError for one that matches nothing."""
    from fsspec.core import url_to_fs

    found = set()
    for url in urls:
        fs, root = url_to_fs(url)
        if fs.isdir(root):
            matches = [path for path in fs.find(root) if _taken(path[len(root.rstrip("/")):], suffixes)]
        elif fs.isfile(root):
            matches = [root]
        else:
            matches = fs.glob(root)
            if not matches:
                raise FileNotFoundError(f"no such file or folder, and no match for the pattern: {url}")
        found.update(fs.unstrip_protocol(path) for path in matches)
    return sorted(found)


def _taken(relative: str, suffixes: frozenset[str]) -> bool:
    path = PurePosixPath(relative)
    return path.suffix.lower() in suffixes and not any(part.startswith(".") for part in path.parts)


def stat_url(url: str) -> tuple[int | None, int | None]:
    """``(size, mtime_ns)`` as the file system reports them (None for what it does not)."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    info = fs.info(path)
    modified = info.get("mtime", info.get("LastModified"))
    if isinstance(modified, datetime.datetime):
        modified = modified.timestamp()
    return info.get("size"), None if modified is None else int(float(modified) * 1e9)


def read_url(url: str, max_bytes: int | None) -> bytes:
    """The file's bytes; a file over ``max_bytes`` is refused, reading no more than the limit."""
    from fsspec.core import url_to_fs

    try:
        fs, path = url_to_fs(url)
        with fs.open(path, "rb") as file:
            data = file.read() if max_bytes is None else file.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise UnreadableInput(f"cannot read the file: {exc}") from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise TooLarge(f"the file is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def fingerprint_url(url: str, max_bytes: int | None) -> str:
    """The sha256 of the file's bytes, or "" for a file over ``max_bytes`` (left for the parser to refuse)."""
    try:
        return hashlib.sha256(read_url(url, max_bytes)).hexdigest()
    except TooLarge:
        return ""
