"""The page's style (components/layout.py STYLE) reaches the browser: Streamlit's HTML sanitizer
drops a style element whose text holds "<" before a letter, "/" or "!" (a comment naming an
element, say), and with it every rule. In a real browser: tests/browser/test_views.py."""

from __future__ import annotations

import re

from components import layout


def test_the_style_has_nothing_the_sanitizer_drops_it_for() -> None:
    body = re.fullmatch(r"\s*<style>(.*)</style>\s*", layout.STYLE, re.S)
    assert body is not None
    assert re.search(r"<[/\w!]", body.group(1)) is None


def test_charts_in_folded_expanders_are_laid_out() -> None:
    # Laid out but not shown while folded, so they follow the page's width.
    rule = re.search(r"details:not\(\[open\]\)[^{]*::details-content\s*\{([^}]*)\}",
                     layout.STYLE)
    assert rule is not None
    for part in ("content-visibility: visible", "visibility: hidden", "height: 0"):
        assert part in rule.group(1)
