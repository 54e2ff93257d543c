"""The one way the dashboard writes numbers (shares, changes) and shows text that came from data.

Text from a dataset is always escaped before it reaches Markdown.
"""

from __future__ import annotations

import math
import re


def pct(value: float | None, digits: int = 1, signed: bool = False) -> str:
    """The one way a share is written: 0.1234 -> '12.3%'; missing -> '—'."""
    if value is None:
        return "—"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "—"
    if math.isnan(number) or math.isinf(number):
        return "—"
    sign = "+" if signed and number > 0 else ""
    return f"{sign}{number * 100:.{digits}f}%"


NO_CHANGE = "±"  # leads a change that rounds to zero, so no arrow says up or down


def pp(value: float | None, digits: int = 1) -> str:
    """A change in a share, in percentage points written out: 0.021 -> '+2.1 points'; a
    change that rounds to zero -> '±0.0 points' (not '-0.0 points')."""
    if value is None:
        return "—"
    number = float(value)
    if math.isnan(number):
        return "—"
    if round(number * 100, digits) == 0:
        return f"{NO_CHANGE}{0:.{digits}f} points"
    return f"{number * 100:+.{digits}f} points"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """Text from data (a file name, a chat, an ad title) made inert for Markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
