"""A module imported when one of its attributes is first used, so the modules of the sidebar
and the pages load without pandas, NumPy, Plotly figures or the engine on a first visit.

A session's first Overview on the bundled sample is drawn from stored figures
(components/overview_top.py); everything heavy loads at the first run that needs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for the module `name` and imports it on first attribute access."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        # Only called for attributes this object lacks: everything but _name.
        module: ModuleType = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"
