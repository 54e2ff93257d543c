"""The KPI row: a few headline figures side by side, each with a plain-words help text.

Values arrive already formatted (through `components.fmt`), so every page writes them alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.fmt import NO_CHANGE


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    delta_color: str = "normal"
    # "off" for a second figure that is not a change (a share of everyone, say): no arrow.
    delta_arrow: str = "auto"


def kpi_row(kpis: list[Kpi]) -> None:
    """Draw the figures in one row of bordered metrics."""
    if not kpis:
        return
    for col, kpi in zip(st.columns(len(kpis)), kpis, strict=True):
        unchanged = bool(kpi.delta) and kpi.delta.startswith(NO_CHANGE)
        # No change is neither good nor bad: grey, whatever colour a change would have.
        col.metric(kpi.label, kpi.value, delta=kpi.delta, help=kpi.help, border=True,
                   delta_color="off" if unchanged else kpi.delta_color,
                   delta_arrow="off" if unchanged else kpi.delta_arrow)
