"""The memory model: how a glimpse of an ad is encoded, explicitly recalled, and implicitly primes.

Every parameter is an assumption the analyst can see and change, each with a plain-words meaning
and the source it is drawn from (`MemoryParams.describe()` feeds the Method page).

The model, per exposure of dwell d (ms) seen t hours before a moment of interest:

- encoding: p_encoded(d) = ceiling * (1 - exp(-(d / s) ** k)), a saturating (Weibull) curve
  drawn through two Facebook IQ anchors: it reaches `share_at_threshold` of its ceiling at the
  0.25 s threshold where recall becomes measurable, and `share_at_average` of it at the 1.7 s
  mobile average dwell. So it is clearly above zero at 0.25 s and near the ceiling after a few
  seconds.
- explicit recall: p_recall(d, t, n) = p_encoded(d) * 0.5 ** (t / (h * (1 + g * ln(1 + n)))),
  exponential forgetting (Ebbinghaus; Murre & Dros 2015) with half-life h; each of the n earlier
  exposures on the same topic lengthens it, with diminishing returns (the logarithm). Across
  several exposures the chance of recalling at least one is 1 - prod(1 - p_i).
- implicit priming: priming(d, t) = priming_ceiling * (1 - exp(-d / priming_dwell_scale)) *
  0.5 ** (t / priming_half_life): brief exposures are enough (Bornstein 1989) and the trace
  fades far more slowly than explicit recall (Shapiro, MacInnis & Heckler 1997). It is read as
  the chance that the exposure has nudged the topic into what the person talks about next,
  whether or not they remember the ad. Combined over exposures the same way as recall.
- noticing: right after a conversation on a topic, an ad on it grabs attention (frequency
  illusion, Zwicky 2005): within `attention_window_hours` the dwell counts `attention_boost`
  times towards encoding.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

_META: dict[str, tuple[str, str, str]] = {
    # name: (unit, meaning, source)
    "encoding_threshold_ms": (
        "ms",
        "Shortest look at an ad after which people recall it at a measurable rate.",
        "Facebook IQ, 'Capturing attention in feed' (2016): mobile feed content is recalled at a "
        "statistically significant rate after 0.25 s.",
    ),
    "share_at_threshold": (
        "share of ceiling",
        "How much of the most an exposure can be encoded is reached at that threshold: small "
        "but clearly above zero.",
        "Assumption anchored on Facebook IQ (2016): 'significant', not 'strong', recall at 0.25 s.",
    ),
    "average_dwell_ms": (
        "ms",
        "The average time people spend on a feed item on mobile.",
        "Facebook IQ (2016): 1.7 s per feed item on mobile (2.5 s on desktop).",
    ),
    "share_at_average": (
        "share of ceiling",
        "How much of the most an exposure can be encoded is reached at the average dwell.",
        "Assumption: an average look is mostly, not fully, encoded (Facebook IQ 2016 reports "
        "recall rising with time in view).",
    ),
    "encoding_ceiling": (
        "probability",
        "Chance that even a long look at an ad is stored in memory at all.",
        "Assumption: ad-recall studies never reach 100% recall among exposed people (Meta's "
        "'estimated ad recall lift' counts the exposed-minus-control difference).",
    ),
    "recall_half_life_hours": (
        "hours",
        "Time after which half of the explicit memory of an ad is gone. 24 h keeps a quarter "
        "at two days, so Meta's 'do you recall an ad in the last two days?' stays meaningful.",
        "Ebbinghaus forgetting curve; Murre & Dros, PLOS ONE 2015 (retention at 20 min, 1 h, "
        "9 h, 1 d, 2 d, 31 d); Meta's two-day ad-recall question.",
    ),
    "repetition_gain": (
        "per log-exposure",
        "How much each earlier exposure on the same topic lengthens the recall half-life; the "
        "gain grows with the logarithm of the count, so returns diminish.",
        "Ebbinghaus (relearning 'savings'): repeated study slows forgetting, each repetition "
        "adding less.",
    ),
    "priming_ceiling": (
        "probability",
        "Largest chance that one exposure nudges the topic into later conversation without "
        "the person remembering the ad.",
        "Assumption anchored on Shapiro, MacInnis & Heckler, J. Consumer Research 1997: "
        "incidental exposure raises consideration even without explicit memory.",
    ),
    "priming_dwell_scale_ms": (
        "ms",
        "Dwell at which implicit priming reaches 63% of its ceiling; short, because brief "
        "exposures are enough for mere-exposure effects.",
        "Bornstein, Psychological Bulletin 1989: mere-exposure effects are strongest for brief, "
        "unaware exposures.",
    ),
    "priming_half_life_hours": (
        "hours",
        "Time after which half of the implicit priming is gone; much slower than explicit "
        "recall.",
        "Bornstein 1989 (mere-exposure effects persist and are not weakened by delay); "
        "Shapiro, MacInnis & Heckler 1997.",
    ),
    "attention_boost": (
        "× dwell",
        "Right after talking about a topic, an ad on it stands out: its dwell counts this "
        "many times towards noticing.",
        "Zwicky 2005, the frequency illusion (selective attention to what you just discussed).",
    ),
    "attention_window_hours": (
        "hours",
        "How long after a conversation the frequency illusion lasts.",
        "Assumption, matching Meta's two-day ad-recall window.",
    ),
}


@dataclass(frozen=True)
class MemoryParams:
    """Assumptions of the memory model; change them with `dataclasses.replace` (validated)."""

    encoding_threshold_ms: float = 250.0
    share_at_threshold: float = 0.2
    average_dwell_ms: float = 1700.0
    share_at_average: float = 0.8
    encoding_ceiling: float = 0.7
    recall_half_life_hours: float = 24.0
    repetition_gain: float = 0.5
    priming_ceiling: float = 0.3
    priming_dwell_scale_ms: float = 250.0
    priming_half_life_hours: float = 14 * 24.0
    attention_boost: float = 2.0
    attention_window_hours: float = 48.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"Memory parameter {f.name} must be a number, got {value!r}.")
            if not math.isfinite(value):
                raise ValueError(f"Memory parameter {f.name} must be a finite number.")
        positive = ("encoding_threshold_ms", "average_dwell_ms", "recall_half_life_hours",
                    "priming_dwell_scale_ms", "priming_half_life_hours")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ValueError(f"Memory parameter {name} must be greater than zero.")
        for name in ("encoding_ceiling", "priming_ceiling"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"Memory parameter {name} is a probability: it must be in (0, 1].")
        if not 0 < self.share_at_threshold < self.share_at_average < 1:
            raise ValueError(
                "Encoding must rise with dwell: need 0 < share_at_threshold < share_at_average < 1."
            )
        if self.encoding_threshold_ms >= self.average_dwell_ms:
            raise ValueError(
                "The encoding threshold must be shorter than the average dwell "
                f"({self.encoding_threshold_ms:g} ms ≥ {self.average_dwell_ms:g} ms)."
            )
        if self.repetition_gain < 0:
            raise ValueError("Memory parameter repetition_gain cannot be negative: repetition "
                             "does not speed up forgetting in this model.")
        if self.attention_boost < 1:
            raise ValueError("Memory parameter attention_boost must be at least 1 (1 = no "
                             "frequency illusion).")
        if self.attention_window_hours < 0:
            raise ValueError("Memory parameter attention_window_hours cannot be negative.")

    # The Weibull shape and scale through the two Facebook IQ anchors.
    @property
    def encoding_shape(self) -> float:
        a = -math.log1p(-self.share_at_threshold)
        b = -math.log1p(-self.share_at_average)
        return math.log(b / a) / math.log(self.average_dwell_ms / self.encoding_threshold_ms)

    @property
    def encoding_scale_ms(self) -> float:
        a = -math.log1p(-self.share_at_threshold)
        return self.encoding_threshold_ms / a ** (1.0 / self.encoding_shape)

    def describe(self) -> pd.DataFrame:
        """One row per parameter: name, value, unit, meaning, source (for the Method page)."""
        rows = [
            {"name": name, "value": value, "unit": _META[name][0], "meaning": _META[name][1],
             "source": _META[name][2]}
            for name, value in asdict(self).items()
        ]
        return pd.DataFrame(rows)


DEFAULT_PARAMS = MemoryParams()


def _arr(x: object) -> np.ndarray:
    return np.asarray(x, dtype=float)


def p_encoded(dwell_ms: object, params: MemoryParams = MemoryParams()) -> np.ndarray:
    """Chance that an exposure of this dwell (ms) was stored in memory at all."""
    d = np.clip(np.nan_to_num(_arr(dwell_ms), nan=0.0), 0.0, None)
    z = (d / params.encoding_scale_ms) ** params.encoding_shape
    return params.encoding_ceiling * -np.expm1(-z)


def retention(age_hours: object, params: MemoryParams = MemoryParams(),
              n_prior: object = 0) -> np.ndarray:
    """Share of an encoded memory still explicitly recallable after `age_hours`."""
    age = np.clip(_arr(age_hours), 0.0, None)
    strength = 1.0 + params.repetition_gain * np.log1p(np.clip(_arr(n_prior), 0.0, None))
    return np.exp2(-age / (params.recall_half_life_hours * strength))


def p_recall(dwell_ms: object, age_hours: object, params: MemoryParams = MemoryParams(),
             n_prior: object = 0) -> np.ndarray:
    """Chance the person can explicitly recall the exposure `age_hours` later.

    `n_prior` is the number of earlier exposures on the same topic; each one slows forgetting,
    with diminishing returns.
    """
    return p_encoded(dwell_ms, params) * retention(age_hours, params, n_prior)


def priming(dwell_ms: object, age_hours: object,
            params: MemoryParams = MemoryParams()) -> np.ndarray:
    """Implicit trace of an exposure `age_hours` later: the chance it nudges the topic into
    the person's next conversations, remembered or not."""
    d = np.clip(np.nan_to_num(_arr(dwell_ms), nan=0.0), 0.0, None)
    age = np.clip(_arr(age_hours), 0.0, None)
    uptake = -np.expm1(-d / params.priming_dwell_scale_ms)
    return params.priming_ceiling * uptake * np.exp2(-age / params.priming_half_life_hours)


def p_noticed(dwell_ms: object, hours_since_conversation: object,
              params: MemoryParams = MemoryParams()) -> np.ndarray:
    """Chance an ad is encoded when it appears `hours_since_conversation` after the person
    talked about its topic (frequency illusion: dwell counts `attention_boost` times)."""
    h = _arr(hours_since_conversation)
    in_window = (h >= 0) & (h <= params.attention_window_hours)
    boost = np.where(in_window, params.attention_boost, 1.0)
    return p_encoded(_arr(dwell_ms) * boost, params)


def combine(p: object, groups: object | None = None) -> np.ndarray | float:
    """Chance that at least one of several independent memories is there: 1 - prod(1 - p).

    With `groups` (one label per value), returns one combined value per group, sorted by group
    label (as `groupby` does).
    """
    p = np.clip(_arr(p), 0.0, 1.0)
    log_miss = np.log1p(-np.minimum(p, 1.0 - 1e-15))
    if groups is None:
        return float(-np.expm1(log_miss.sum()))
    summed = pd.Series(log_miss).groupby(np.asarray(groups), sort=True).sum()
    return -np.expm1(summed.to_numpy())
