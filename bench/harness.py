"""The Case record benchmark modules return, and a check of a result against its target."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One benchmark: `func` is 'module:function', called with `kwargs` in a fresh process."""

    name: str
    func: str
    target: str
    max_seconds: float | None = None
    max_rss_mb: float | None = None
    kwargs: dict = field(default_factory=dict)
    timeout: float = 1800

    def met(self, result: dict) -> bool | None:
        if self.max_seconds is None and self.max_rss_mb is None:
            return None
        ok = True
        if self.max_seconds is not None:
            ok &= result["seconds"] <= self.max_seconds
        if self.max_rss_mb is not None:
            ok &= result["peak_rss_mb"] <= self.max_rss_mb
        return ok
