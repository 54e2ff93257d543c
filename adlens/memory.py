"""The memory model: how a glimpse of an ad is encoded, explicitly recalled, and implicitly primes.

Every parameter is an assumption the analyst can see and change, each with a plain-words meaning
and the source it is drawn from (`MemoryParams.describe()` feeds the Method page).

The model, per exposure of dwell d (ms) seen t hours before a moment of interest:

- encoding: p_encoded(d) = ceiling * (1 - exp(-(d / s) ** k)), a saturating (Weibull) curve
  drawn through two Facebook IQ anchors: it reaches `share_at_threshold` of its ceiling at the
  0.25 s threshold where recall becomes measurable, and `share_at_average` of it at the 1.7 s
  mobile average dwell. So it is clearly above zero at 0.25 s and near the ceiling after a few
  seconds.
- explicit recall: p_recall(d, t, n) = p_encoded(d) * retention(t / (1 + g * ln(1 + n))), with
  retention(t) = (max(t, t0) / t0) ** -b a power law with a long, flat tail: the shape of the
  savings Ebbinghaus measured at 20 min, 1 h, 9 h, 1 d, 2 d, 6 d and 31 d (tabulated and
  replicated by Murre & Dros 2015), rescaled so the first measurement (t0 = 20 min) is 1, as in
  their Fig. 4. The exponent is set by the half-life h, the age at which half of the 20-minute
  memory is gone: b = ln 2 / ln(h / t0); least squares on those data gives h ≈ 52 h (b ≈ 0.14),
  so about 35% is left after a month where an exponential would leave nothing. Each of the n
  earlier exposures on the same topic slows forgetting, with diminishing returns (the
  logarithm). Across several exposures the chance of recalling at least one is
  1 - prod(1 - p_i).
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
        "Chance that a long, deliberate look at an ad is stored in memory at all (checked 20 "
        "minutes later). What people fail to recall days later is carried by the forgetting "
        "curve, not by this ceiling.",
        "Assumption: almost every long look is stored at first; Murre & Dros 2015 measure "
        "retention relative to the first test at 20 min. With 0.95 a long look stays "
        "'remembered' (≥ 0.5) for about a day and a half, so Meta's two-day ad-recall question "
        "can be answered yes.",
    ),
    "recall_half_life_hours": (
        "hours",
        "Age at which half of the explicit memory of an ad (as it was 20 minutes after seeing "
        "it) is gone. The curve is a power law with a long, flat tail: about 56% is left at "
        "1 day, 50% at 2 days, 43% at 6 days and 35% at 31 days.",
        "Fitted (least squares on log retention) to Ebbinghaus' savings at 20 min, 1 h, 9 h, "
        "1 d, 2 d, 6 d and 31 d as tabulated by Murre & Dros, PLOS ONE 2015 (Table 3), whose "
        "replication found the same shape, rescaled so the 20-minute point is 1 (their "
        "Fig. 4).",
    ),
    "curve_start_minutes": (
        "minutes",
        "The first retention interval measured; the curve counts no forgetting before it.",
        "Murre & Dros 2015: the first relearning test is 20 minutes after learning.",
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
    encoding_ceiling: float = 0.95
    recall_half_life_hours: float = 52.0
    curve_start_minutes: float = 20.0
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
                    "priming_dwell_scale_ms", "priming_half_life_hours", "curve_start_minutes")
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
        if self.recall_half_life_hours * 60 <= self.curve_start_minutes:
            raise ValueError("The recall half-life must be longer than the start of the "
                             f"forgetting curve ({self.curve_start_minutes:g} minutes).")
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
    def forgetting_exponent(self) -> float:
        """b of the power law (t / t0) ** -b: retention halves at the half-life."""
        return math.log(2.0) / math.log(self.recall_half_life_hours * 60 / self.curve_start_minutes)

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

# The cited data: Ebbinghaus' savings (%) at each retention interval, as tabulated by Murre &
# Dros, PLOS ONE 2015, Table 3 (their replication has the same shape), rescaled so the first
# point is 1 (their Fig. 4). The default half-life is the least-squares fit of the curve to them.
FORGETTING_SOURCE = ("Ebbinghaus (1885) savings as tabulated by Murre & Dros, 'Replication and "
                     "analysis of Ebbinghaus' forgetting curve', PLOS ONE 10(7): e0120644, 2015 "
                     "(Table 3), rescaled so the 20-minute point is 1 (their Fig. 4).")
FORGETTING_DATA = pd.DataFrame({
    "label": ["20 min", "1 hour", "9 hours", "1 day", "2 days", "6 days", "31 days"],
    "hours": [1 / 3, 1.0, 8.8, 24.0, 48.0, 144.0, 744.0],
    "savings_percent": [58.2, 44.2, 35.8, 33.7, 27.8, 25.4, 21.1],
})
FORGETTING_DATA["retention"] = (FORGETTING_DATA["savings_percent"]
                                / FORGETTING_DATA["savings_percent"].iloc[0])


def forgetting_curve(params: MemoryParams = DEFAULT_PARAMS,
                     hours: np.ndarray | None = None) -> pd.DataFrame:
    """The model's retention at each age (hours) next to an exponential with the same
    half-life, for the Method page's chart: hours, retention, exponential."""
    if hours is None:
        hours = np.geomspace(1 / 6, 24 * 40, 200)
    hours = _arr(hours)
    return pd.DataFrame({
        "hours": hours,
        "retention": retention(hours, params),
        "exponential": np.exp2(-np.maximum(hours - params.curve_start_minutes / 60, 0)
                               / params.recall_half_life_hours),
    })


def fit_half_life(data: pd.DataFrame = FORGETTING_DATA, start_minutes: float = 20.0) -> float:
    """The half-life (hours) whose power law fits the cited retention best (least squares on
    log retention, through the first point); documents where the default comes from."""
    t0 = start_minutes / 60.0
    x = np.log(np.maximum(data["hours"].to_numpy(float), t0) / t0)
    y = np.log(data["retention"].to_numpy(float))
    b = -float(x @ y / (x @ x))
    return t0 * 2.0 ** (1.0 / b)


def _arr(x: object) -> np.ndarray:
    return np.asarray(x, dtype=float)


def p_encoded(dwell_ms: object, params: MemoryParams = MemoryParams()) -> np.ndarray:
    """Chance that an exposure of this dwell (ms) was stored in memory at all."""
    d = np.clip(np.nan_to_num(_arr(dwell_ms), nan=0.0), 0.0, None)
    z = (d / params.encoding_scale_ms) ** params.encoding_shape
    return params.encoding_ceiling * -np.expm1(-z)


def retention(age_hours: object, params: MemoryParams = MemoryParams(),
              n_prior: object = 0) -> np.ndarray:
    """Share of an encoded memory still explicitly recallable after `age_hours`: a power law
    with a long tail (Murre & Dros 2015), 1 up to the first measured interval."""
    age = np.clip(_arr(age_hours), 0.0, None)
    strength = 1.0 + params.repetition_gain * np.log1p(np.clip(_arr(n_prior), 0.0, None))
    t0 = params.curve_start_minutes / 60.0
    return np.maximum(age / strength, t0) ** -params.forgetting_exponent * t0 ** (
        params.forgetting_exponent)


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
