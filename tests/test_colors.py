"""The colour map: colours drawn side by side can be told apart.

Distances are CIE76 ΔE in CIELAB (D65): about 2 is the smallest difference people notice side by
side; markers a few pixels wide need far more."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from components import colors

# Every pair of colours that meet in one chart is at least this far apart.
MIN_DELTA_E = 20.0


def lab(hex_color: str) -> np.ndarray:
    """sRGB hex → CIELAB (D65 white)."""
    h = hex_color.lstrip("#")
    rgb = np.array([int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    rgb = np.where(rgb > 0.04045, ((rgb + 0.055) / 1.055) ** 2.4, rgb / 12.92)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ rgb / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(palette: dict[str, str]) -> tuple[float, str, str]:
    return min((float(np.linalg.norm(lab(a) - lab(b))), x, y)
               for (x, a), (y, b) in itertools.combinations(palette.items(), 2))


def test_lab_conversion_matches_known_values():
    np.testing.assert_allclose(lab("#FFFFFF"), [100, 0, 0], atol=0.05)
    np.testing.assert_allclose(lab("#000000"), [0, 0, 0], atol=0.05)
    np.testing.assert_allclose(lab("#FF0000"), [53.24, 80.09, 67.20], atol=0.1)


@pytest.mark.parametrize("name,palette", [
    ("signals (waterfall, shares)", colors.SIGNAL_COLORS),
    ("event types (a person's timeline)", colors.EVENT_COLORS),
    ("signals with the baseline and the total (waterfall)",
     {**colors.SIGNAL_COLORS, "baseline": colors.BASELINE_COLOR, "total": colors.TOTAL_COLOR}),
    ("regions", colors.REGION_COLORS),
    ("recall labels", colors.LABEL_COLORS),
])
def test_colours_that_meet_in_a_chart_can_be_told_apart(name, palette):
    distance, a, b = closest_pair(palette)
    assert distance >= MIN_DELTA_E, f"{name}: {a} and {b} are only {distance:.1f} apart"


def test_the_check_fails_on_colours_too_close():
    # The past-ad-clicks indigo that sat beside the ad impressions' purple on the timeline.
    distance, _, _ = closest_pair({"ad_click": "#5E60CE", "ad_impression": "#7E57C2"})
    assert distance < MIN_DELTA_E
