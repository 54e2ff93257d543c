"""The Case record benchmark modules return, and a check of a result against its target."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One benchmark: `func` is 'module:function', called with `kwargs` in a fresh process.

    Every limit given is checked: `max_seconds` against the result's seconds, `max_rss_mb`
    against the result's peak RSS (the case process's own high-water mark, or the peak of the
    process it measures when it reports one), and `max_detail` ({detail key: maximum})
    against figures the case reports itself (a ratio, a server's peak memory, extra memory of
    a step). A case is met only when all of them are; a figure missing from the result fails
    its limit.
    """

    name: str
    func: str
    target: str
    max_seconds: float | None = None
    max_rss_mb: float | None = None
    kwargs: dict = field(default_factory=dict)
    timeout: float = 1800
    max_detail: dict = field(default_factory=dict)
    # Run only when --only names it (hours of work: not part of a plain `make bench`).
    on_request: bool = False

    def failures(self, result: dict) -> list[str]:
        """The limits the result is over, in words (empty when every limit is met)."""
        over = []
        if self.max_seconds is not None and not result["seconds"] <= self.max_seconds:
            over.append(f"seconds {result['seconds']:.3g} > {self.max_seconds:g}")
        if self.max_rss_mb is not None and not result["peak_rss_mb"] <= self.max_rss_mb:
            over.append(f"peak RSS {result['peak_rss_mb']:.0f} MB > {self.max_rss_mb:g} MB")
        detail = result.get("detail", {})
        for key, limit in self.max_detail.items():
            value = detail.get(key)
            if value is None:
                over.append(f"{key} missing")
            elif not float(value) <= limit:
                over.append(f"{key} {value} > {limit:g}")
        return over

    def met(self, result: dict) -> bool | None:
        """True when every limit is met, None when the case has no limit at all."""
        if self.max_seconds is None and self.max_rss_mb is None and not self.max_detail:
            return None
        return not self.failures(result)
