"""The dashboard's number formats, and a KPI whose change rounds to zero."""

from __future__ import annotations

import math

import pytest
from streamlit.testing.v1 import AppTest

from components.fmt import md_escape, pct, pp


@pytest.mark.parametrize(("value", "text"), [
    (0.021, "+2.1 points"), (-0.021, "-2.1 points"), (-0.0004, "±0.0 points"),
    (0.0004, "±0.0 points"),
    (0.0, "±0.0 points"), (-0.0006, "-0.1 points"), (None, "—"), (math.nan, "—"),
])
def test_a_change_in_points_never_reads_minus_zero(value, text):
    assert pp(value) == text


def test_shares_and_escaping():
    assert pct(0.1234) == "12.3%" and pct(0.05, signed=True) == "+5.0%" and pct(None) == "—"
    assert md_escape("**<b>x</b>**") == r"\*\*\<b\>x\</b\>\*\*"


def _kpis():
    from components.fmt import pp
    from components.kpi import Kpi, kpi_row

    kpi_row([Kpi("Unchanged", "4.4%", delta=pp(-0.0001), delta_color="off"),
             Kpi("Down", "3.0%", delta=pp(-0.014), delta_color="off")])


def test_an_unchanged_kpi_shows_no_arrow():
    at = AppTest.from_function(_kpis).run()
    assert not at.exception
    unchanged, down = at.metric
    assert unchanged.delta == "±0.0 points" and down.delta == "-1.4 points"
    direction = unchanged.proto.DESCRIPTOR.fields_by_name["direction"].enum_type.values_by_name
    assert unchanged.proto.direction == direction["NONE"].number  # no arrow up or down
    assert down.proto.direction == direction["DOWN"].number
