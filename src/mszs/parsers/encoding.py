"""Decoding text bytes with a detected encoding."""
from __future__ import annotations

import codecs

from mszs.errors import UnreadableInput

# Chinese notices are UTF-8 or GB-family; GB18030 is a superset of GBK and GB2312,
# so a GB answer from the detector is decoded as GB18030 to keep rare characters.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; ``declared`` (an HTML charset) is tried first."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            # The BOM settles the encoding; a damaged or truncated character after it is replaced.
            return data.decode(name, errors="replace"), "utf-16" if name == "utf-16" else "utf-8"
    for name in filter(None, (declared, "utf-8")):
        name = _canonical(name)
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes  # only for bytes neither UTF-8 nor as declared: most notices are UTF-8

    best = from_bytes(data[:200_000], cp_isolation=None).best()
    name = _canonical(best.encoding) if best else "gb18030"
    if name in ("ascii",):
        name = "utf-8"
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"cannot decode the text (not UTF-8, GB18030 or UTF-16): {exc.reason}") from exc


def _canonical(name: str) -> str:
    name = name.lower().replace("_", "-")
    if name.replace("-", "") in _GB_FAMILY or name in _GB_FAMILY:
        return "gb18030"
    if name in ("utf8", "utf-8", "utf-8-sig"):
        return "utf-8"
    if name.startswith("utf-16"):
        return "utf-16" if name == "utf-16" else name
    return name
