"""The microphone test: do ads on a topic follow people's conversations more than chance and
their own targeting explain? A placebo-controlled before/after design with known size and power.

Design (stated before looking at any result; the Method page shows `DESIGN_TEXT`):

- Units. Every offline conversation with its whole ±`window_hours` inside the data. A
  conversation with an AI chat on the same topic within that window is set aside: what people
  tell Meta AI is a disclosed signal, so an ad after it is not evidence of listening.
- Placebos. For each conversation, `placebos` times drawn at random for the same person and
  topic, with the same rules: the whole window inside the data, no conversation on the topic
  within `window_hours` either side (so a placebo never sits in a real conversation's window)
  and no AI chat on the topic within it.
- Counts. Ad impressions on the topic in the window before (`[t - w, t)`) and after
  (`[t, t + w]`) each conversation and each placebo time.
- Statistic. D = (after - before at conversations) - (after - before at placebo times), in ads
  per conversation. Interest, plans and the platform's own targeting raise ads around a
  conversation on both sides (people talk about what they are into when they are into it), so
  the before window cancels them; the placebo cancels drifts over time and edges of the data.
  Priming (an ad makes a conversation likelier) puts the extra ad *before* the conversation, so
  it pulls D down, never up: the test cannot call priming "listening".
- Decision. Listening is flagged when the whole 95% interval of D lies above zero, i.e. the
  one-sided p-value of D > 0 is below `alpha` = 0.025, with a standard error from the spread
  across people (people are independent; one person's conversations are not). At 0.05 the
  false-alarm rate measured on 200 null worlds sat right at the 5% allowed (10 of 200 shuffled
  worlds, 10 of 200 generated populations without priming); 0.025 keeps it clearly below.
  Its false-alarm rate and power are measured on null and listening worlds (`power_study`),
  not assumed.

On simulated data the generator decides the answer: it either adds listening ads or it does
not. The test earns its keep on an analyst's own data, where nobody knows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

# How the generator's listening counterfactual times its ads (10 minutes, then an exponential
# with a mean of 3 hours): listening worlds are built the same way without regenerating.
from adlens.simulate import LISTENING_MEAN_DELAY_MS, LISTENING_MIN_DELAY_MS

_HOUR_MS = 3_600_000
_DAY_MS = 24 * _HOUR_MS

DESIGN_TEXT = (
    "**How the microphone test works.** If the phone listened, ads on a topic would pile up "
    "in the hours *after* people talk about it. But ads on a topic also cluster around a "
    "conversation for innocent reasons: people talk about what they are into, when they are "
    "into it, and the platform targets them on it then too. So each conversation is compared "
    "twice. First with itself: ads on the topic in the {w:g} hours after minus the {w:g} hours "
    "before, which cancels whatever surrounds the conversation on both sides. Then with "
    "placebo moments: {k} random times for the same person and topic when they did not talk "
    "about it (never within {w:g} hours of a real conversation on the topic), put through the "
    "same after-minus-before count, which cancels drifts over time. Conversations with a Meta "
    "AI chat on the topic nearby are set aside at both, since that chat is a disclosed signal. "
    "An ad seen before a conversation can prompt it (priming); that adds to the 'before' side "
    "and pulls the statistic down, so priming is never mistaken for listening. The rule, fixed "
    "in advance: listening is flagged when the whole 95% interval of that excess lies above "
    "zero (a one-sided p-value below {a:g}), the uncertainty measured across people. We "
    "checked that rule on worlds "
    "without listening (it must flag at most 5% of them) and on worlds with it (it must find "
    "it). On simulated data the generator decides the answer; the test earns its keep on an "
    "analyst's own data."
)


@dataclass(frozen=True)
class MicSettings:
    """The pre-stated settings of the test."""

    window_hours: float = 48.0
    placebos: int = 5
    alpha: float = 0.025  # one-sided: flagged when the 95% interval lies above zero
    set_aside_chats: bool = True

    def __post_init__(self) -> None:
        if not (math.isfinite(self.window_hours) and 0 < self.window_hours <= 24 * 14):
            raise ValueError("The microphone test window must be between 0 and 336 hours.")
        if not 1 <= self.placebos <= 50:
            raise ValueError("The number of placebo times per conversation must be 1 to 50.")
        if not 0 < self.alpha < 0.5:
            raise ValueError("The test level alpha must be between 0 and 0.5.")


@dataclass(frozen=True, eq=False)
class MicWorld:
    """The numbers the test reads: per event its (person, topic) group `g` and time `t` (ms)
    for offline conversations, AI chats and ad impressions; `n_topics` turns a group back into
    a person (g // n_topics)."""

    conv_g: np.ndarray
    conv_t: np.ndarray
    chat_g: np.ndarray
    chat_t: np.ndarray
    imp_g: np.ndarray
    imp_t: np.ndarray
    n_topics: int
    t_min: int
    t_max: int

    @property
    def n_conversations(self) -> int:
        return int(self.conv_g.size)


def world_from_inputs(inputs: Any) -> MicWorld:
    """A `MicWorld` from `recall.build_inputs(...)` (the same topics and time cut as the rest
    of the recall page)."""
    talks = inputs.talks
    chat = talks["is_chat"].to_numpy(bool)
    imps = inputs.impressions
    return MicWorld(
        conv_g=talks["g"].to_numpy(np.int64)[~chat], conv_t=talks["t"].to_numpy(np.int64)[~chat],
        chat_g=talks["g"].to_numpy(np.int64)[chat], chat_t=talks["t"].to_numpy(np.int64)[chat],
        imp_g=imps["g"].to_numpy(np.int64), imp_t=imps["t"].to_numpy(np.int64),
        n_topics=max(len(inputs.topics), 1), t_min=int(inputs.t_min), t_max=int(inputs.t_max))


def world_from_frames(frames: dict[str, pd.DataFrame]) -> MicWorld:
    """A `MicWorld` straight from generated frames, reading each chat's topic from the
    generator's `true_topic` (no text model: for studies over many simulated worlds)."""
    from adlens import recall  # the shared input builder

    events = frames["events"]
    if "true_topic" in events:
        topic = events["topic"].astype(object)
        missing = topic.isna() | topic.eq("")
        events = events.assign(topic=topic.where(~missing, events["true_topic"]))
    inputs = recall.build_inputs(events, frames["ads"], frames["users"])
    return world_from_inputs(inputs)


class _Counter:
    """Events of one kind sorted by (group, time), counting those of a group in a time range
    for many ranges at once with two binary searches."""

    def __init__(self, g: np.ndarray, t: np.ndarray, t0: int, span: int) -> None:
        self.t0, self.span = t0, span
        self.key = np.sort(g.astype(np.int64) * span + (t - t0))

    def _k(self, g: np.ndarray, t: np.ndarray) -> np.ndarray:
        return g.astype(np.int64) * self.span + np.clip(t - self.t0, 0, self.span - 1)

    def count(self, g: np.ndarray, lo: np.ndarray, hi: np.ndarray, *, lo_open: bool = False,
              hi_open: bool = True) -> np.ndarray:
        """Events of group g with lo ≤ t < hi (bounds open or closed as asked)."""
        a = np.searchsorted(self.key, self._k(g, lo), side="right" if lo_open else "left")
        b = np.searchsorted(self.key, self._k(g, hi), side="left" if hi_open else "right")
        return b - a

    def before_after(self, g: np.ndarray, t: np.ndarray, w: int
                     ) -> tuple[np.ndarray, np.ndarray]:
        """Events of group g in [t - w, t) and in [t, t + w] (three searches, not four)."""
        k = self._k(g, t)
        a = np.searchsorted(self.key, k - w, side="left")
        m = np.searchsorted(self.key, k, side="left")
        b = np.searchsorted(self.key, k + w, side="right")
        return m - a, b - m


def _frame(world: MicWorld, pad_ms: int) -> tuple[int, int]:
    t0 = world.t_min - pad_ms - 1
    span = world.t_max + pad_ms + 2 - t0
    n_groups = int(max(world.conv_g.max(initial=0), world.imp_g.max(initial=0),
                       world.chat_g.max(initial=0))) + 1
    if n_groups * span >= 2**62:
        raise ValueError("The data span too long a period for the microphone test.")
    return t0, span


@dataclass(frozen=True, eq=False)
class _Units:
    """Conversations and placebo times with their before/after counts."""

    conv_g: np.ndarray
    conv_before: np.ndarray
    conv_after: np.ndarray
    plac_owner: np.ndarray  # which conversation (index into conv_*) each placebo matches
    plac_t: np.ndarray
    plac_before: np.ndarray
    plac_after: np.ndarray
    conv_t: np.ndarray
    n_set_aside: int


def _units(world: MicWorld, settings: MicSettings, rng: np.random.Generator,
           imps: _Counter | None = None) -> _Units:
    w = int(round(settings.window_hours * _HOUR_MS))
    t0, span = _frame(world, w)
    lo, hi = world.t_min + w, world.t_max - w
    inside = (world.conv_t >= lo) & (world.conv_t <= hi)
    convs = _Counter(world.conv_g, world.conv_t, t0, span)
    chats = _Counter(world.chat_g, world.chat_t, t0, span)
    # What blocks a placebo time: a conversation, or (when set aside) an AI chat, on the topic.
    blockers = (_Counter(np.concatenate([world.conv_g, world.chat_g]),
                         np.concatenate([world.conv_t, world.chat_t]), t0, span)
                if settings.set_aside_chats else convs)
    # In (group, time) order, so every binary search below walks its keys in order.
    order = np.lexsort((world.conv_t[inside], world.conv_g[inside]))
    g, t = world.conv_g[inside][order], world.conv_t[inside][order]
    pool = t  # when people in the data talk (calendar and time of day), before set-asides
    near_chat = (chats.count(g, t - w, t + w, hi_open=False) > 0 if settings.set_aside_chats
                 else np.zeros(g.size, bool))
    g, t = g[~near_chat], t[~near_chat]
    if imps is None:
        imps = _Counter(world.imp_g, world.imp_t, t0, span)
    owner, pt = draw_placebos(g, pool, blockers, w, settings.placebos, rng)
    pg = g[owner]
    conv_before, conv_after = imps.before_after(g, t, w)
    plac_before, plac_after = imps.before_after(pg, pt, w)
    return _Units(conv_g=g, conv_t=t, conv_before=conv_before, conv_after=conv_after,
                  plac_owner=owner, plac_t=pt, plac_before=plac_before, plac_after=plac_after,
                  n_set_aside=int(near_chat.sum()))


def draw_placebos(g: np.ndarray, pool: np.ndarray, blockers: _Counter, w: int, per: int,
                  rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Up to `per` placebo times for each unit of group `g`: times drawn from `pool` (when
    people in the data talk, so placebos share the units' calendar: trends and holidays
    cancel), never within `w` ms of an event of `blockers` in the same group. Three more
    candidates than wanted are drawn and the first valid ones kept, so a group with events
    almost everywhere may get fewer. Returns (unit index, time) per placebo."""
    n, k = g.size, per + 3
    if pool.size == 0 or n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    cand_t = np.sort(pool[rng.integers(0, pool.size, (n, k))], axis=1)
    flat_t = cand_t.ravel()
    blocked = blockers.count(np.repeat(g, k), flat_t - w, flat_t + w, hi_open=False) > 0
    valid = ~blocked.reshape(n, k)
    keep = valid & (np.cumsum(valid, axis=1) <= per)
    owner, col = np.nonzero(keep)
    return owner, cand_t[owner, col]


def placebo_times(world: MicWorld, settings: MicSettings = MicSettings(),
                  seed: int = 0) -> pd.DataFrame:
    """The conversations the test uses and their placebo times: kind ('conversation' or
    'placebo'), g, t (ms), before, after."""
    u = _units(world, settings, np.random.default_rng(seed))
    return pd.DataFrame({
        "kind": np.repeat(["conversation", "placebo"], [u.conv_g.size, u.plac_t.size]),
        "g": np.concatenate([u.conv_g, u.conv_g[u.plac_owner]]),
        "t": np.concatenate([u.conv_t, u.plac_t]),
        "before": np.concatenate([u.conv_before, u.plac_before]),
        "after": np.concatenate([u.conv_after, u.plac_after]),
    })


def _people(units: _Units, n_topics: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Each conversation's and each placebo's person as 0..G-1 (placebos share their
    conversation's person), and G."""
    person = units.conv_g // n_topics  # conversations are in group order: persons ascend
    new = np.r_[True, person[1:] != person[:-1]] if person.size else np.zeros(0, bool)
    ic = np.cumsum(new) - 1
    return ic, ic[units.plac_owner], int(new.sum())


def _difference(people: tuple[np.ndarray, np.ndarray, int], conv_value: np.ndarray,
                plac_value: np.ndarray) -> tuple[float, float]:
    """Mean value per conversation minus mean per placebo, and its standard error with people
    as independent clusters (delta method, small-sample factor G / (G - 1))."""
    n_c, n_p = conv_value.size, plac_value.size
    if n_c == 0 or n_p == 0:
        return float("nan"), float("nan")
    ic, ip, g = people
    mean_c, mean_p = conv_value.mean(), plac_value.mean()
    psi = (np.bincount(ic, weights=conv_value - mean_c, minlength=g) / n_c
           - np.bincount(ip, weights=plac_value - mean_p, minlength=g) / n_p)
    se = math.sqrt(g / (g - 1) * float(psi @ psi)) if g > 1 else float("nan")
    return float(mean_c - mean_p), se


def _normal_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2.0))


@dataclass(frozen=True)
class MicResult:
    """The test's result: figures in ads on the topic per conversation (or placebo time)."""

    statistic: float  # D: after-minus-before excess over placebo
    se: float
    ci_low: float
    ci_high: float
    p_value: float
    listening_flagged: bool
    excess_after: float  # after: conversations minus placebo
    excess_after_ci: tuple[float, float]
    excess_before: float  # before: conversations minus placebo
    excess_before_ci: tuple[float, float]
    after_per_conversation: float
    before_per_conversation: float
    after_per_placebo: float
    before_per_placebo: float
    n_conversations: int
    n_placebos: int
    n_people: int
    n_set_aside: int
    settings: MicSettings

    @property
    def verdict(self) -> str:
        if not math.isfinite(self.p_value):
            return "not enough conversations to test"
        return ("looks like listening" if self.listening_flagged
                else "no sign of listening")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["settings"] = asdict(self.settings)
        out["verdict"] = self.verdict
        return out


def _result(units: _Units, n_topics: int, settings: MicSettings) -> MicResult:
    z95 = 1.959963984540054
    d_c = (units.conv_after - units.conv_before).astype(float)
    d_p = (units.plac_after - units.plac_before).astype(float)
    people = _people(units, n_topics)
    stat, se = _difference(people, d_c, d_p)
    ea, ea_se = _difference(people, units.conv_after.astype(float),
                            units.plac_after.astype(float))
    eb, eb_se = _difference(people, units.conv_before.astype(float),
                            units.plac_before.astype(float))
    # Without a spread across people (one person, or all alike) there is no test: no flag.
    p = _normal_sf(stat / se) if math.isfinite(se) and se > 0 else float("nan")

    def mean(x: np.ndarray) -> float:
        return float(x.mean()) if x.size else float("nan")

    return MicResult(
        statistic=stat, se=se, ci_low=stat - z95 * se, ci_high=stat + z95 * se, p_value=p,
        listening_flagged=bool(math.isfinite(p) and p < settings.alpha),
        excess_after=ea, excess_after_ci=(ea - z95 * ea_se, ea + z95 * ea_se),
        excess_before=eb, excess_before_ci=(eb - z95 * eb_se, eb + z95 * eb_se),
        after_per_conversation=mean(units.conv_after),
        before_per_conversation=mean(units.conv_before),
        after_per_placebo=mean(units.plac_after), before_per_placebo=mean(units.plac_before),
        n_conversations=int(units.conv_g.size), n_placebos=int(units.plac_t.size),
        n_people=people[2], n_set_aside=units.n_set_aside, settings=settings)


def mic_test(world: MicWorld, settings: MicSettings = MicSettings(), seed: int = 0
             ) -> MicResult:
    """Run the microphone test on one world (placebo times drawn with `seed`)."""
    return _result(_units(world, settings, np.random.default_rng(seed)), world.n_topics,
                   settings)


CONVERSATIONS = "after a conversation"
PLACEBOS = "at placebo times (no conversation)"


def exposure_profile(world: MicWorld, settings: MicSettings = MicSettings(), seed: int = 0,
                     bin_hours: float = 6.0) -> pd.DataFrame:
    """Ads on the topic per conversation and per placebo time, in bins of `bin_hours` from
    the window before to the window after (the test's units): hours (bin start, 0 = the
    conversation), series, ads (per unit in the bin)."""
    return _profile(world, _units(world, settings, np.random.default_rng(seed)), settings,
                    bin_hours)


def test_and_profile(world: MicWorld, settings: MicSettings = MicSettings(), seed: int = 0,
                     bin_hours: float = 6.0) -> tuple[MicResult, pd.DataFrame]:
    """`mic_test` and `exposure_profile` on the same placebo draw, computed once."""
    units = _units(world, settings, np.random.default_rng(seed))
    return (_result(units, world.n_topics, settings),
            _profile(world, units, settings, bin_hours))


def _profile(world: MicWorld, units: _Units, settings: MicSettings,
             bin_hours: float) -> pd.DataFrame:
    w = int(round(settings.window_hours * _HOUR_MS))
    step = int(round(bin_hours * _HOUR_MS))
    edges = np.arange(-w, w + 1, step)
    t0, span = _frame(world, w)
    imps = _Counter(world.imp_g, world.imp_t, t0, span)
    rows = []
    for name, g, t in ((CONVERSATIONS, units.conv_g, units.conv_t),
                       (PLACEBOS, units.conv_g[units.plac_owner], units.plac_t)):
        if g.size == 0:
            continue
        at = np.searchsorted(imps.key, (imps._k(g, t)[:, None] + edges[None, :]).ravel())
        per_bin = np.diff(at.reshape(g.size, edges.size), axis=1).mean(axis=0)
        rows.append(pd.DataFrame({"hours": edges[:-1] / _HOUR_MS, "series": name,
                                  "ads": per_bin}))
    if not rows:
        return pd.DataFrame({"hours": [], "series": [], "ads": []})
    return pd.concat(rows, ignore_index=True)


# --- worlds built to make the test fail, or to pass --------------------------------------------
def shuffle_conversations(world: MicWorld, rng: np.random.Generator) -> MicWorld:
    """A null world: conversation times dealt out again at random among all conversations
    (each keeps its person and topic), so conversations and ads are unrelated."""
    return replace(world, conv_t=rng.permutation(world.conv_t))


def add_listening(world: MicWorld, rate: float, rng: np.random.Generator) -> MicWorld:
    """A listening world (counterfactual): every conversation triggers Poisson(`rate`) extra
    impressions on its topic, timed as the generator's listening counterfactual does."""
    n = rng.poisson(rate, world.conv_g.size)
    g = np.repeat(world.conv_g, n)
    t = np.repeat(world.conv_t, n) + LISTENING_MIN_DELAY_MS + np.round(
        rng.exponential(LISTENING_MEAN_DELAY_MS, g.size)).astype(np.int64)
    inside = t <= world.t_max
    return replace(world, imp_g=np.concatenate([world.imp_g, g[inside]]),
                   imp_t=np.concatenate([world.imp_t, t[inside]]))


# --- the power study --------------------------------------------------------------------------
POWER_RATES: tuple[float, ...] = (0.0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5)
SHUFFLED = "conversation times shuffled"
OBSERVED_BASE = "the data as they are"
Progress = Callable[[float, str], None]


@dataclass(frozen=True, eq=False)
class PowerStudy:
    """How often the test flags listening: `curve` (rate, world, n_worlds, flagged,
    detection_rate, ci_low, ci_high) and per-world `worlds` (world, rate, seed, statistic,
    p_value, flagged)."""

    curve: pd.DataFrame
    worlds: pd.DataFrame
    settings: MicSettings
    n_people: int

    def rate_at(self, rate: float, world: str | None = None) -> float:
        c = self.curve[np.isclose(self.curve["rate"], rate)]
        if world is not None:
            c = c[c["world"] == world]
        return float(c["flagged"].sum() / c["n_worlds"].sum()) if len(c) else float("nan")


def wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """95% Wilson interval for a proportion k / n."""
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def study_plan(rates: tuple[float, ...] = POWER_RATES, n_worlds: int = 200,
               n_worlds_curve: int | None = None,
               bases: tuple[str, ...] = (SHUFFLED, OBSERVED_BASE)) -> list[tuple[str, float, int]]:
    """(base, rate, number of worlds) of a power study; the null and the largest rate get
    `n_worlds`, the rest `n_worlds_curve`."""
    curve_n = n_worlds if n_worlds_curve is None else n_worlds_curve
    return [(base, r, n_worlds if (r == 0 and base == SHUFFLED) or r == max(rates) else curve_n)
            for base in bases for r in rates]


def power_study(world: MicWorld, rates: tuple[float, ...] = POWER_RATES, n_worlds: int = 200,
                n_worlds_curve: int | None = None, settings: MicSettings = MicSettings(),
                seed: int = 0, bases: tuple[str, ...] = (SHUFFLED, OBSERVED_BASE),
                progress: Progress | None = None) -> PowerStudy:
    """Detection rate of the test against the listening rate R, on worlds built from `world`.

    Two bases: `SHUFFLED` (conversation times dealt out again, so at R = 0 it is a null world
    and its detection rate is the false-alarm rate) and `OBSERVED_BASE` (the data as they are,
    priming and all, with listening added on top). `n_worlds` seeded worlds for the null
    (shuffled, R = 0) and at the largest R, `n_worlds_curve` (default the same) elsewhere."""
    plan = study_plan(rates, n_worlds, n_worlds_curve, bases)
    w = int(round(settings.window_hours * _HOUR_MS))
    t0, span = _frame(world, w + LISTENING_MIN_DELAY_MS + 240 * _HOUR_MS)
    base_imps = _Counter(world.imp_g, world.imp_t, t0, span)
    total = sum(n for *_, n in plan)
    rows, done = [], 0
    for bi, (base, rate, n) in enumerate(plan):
        for i in range(n):
            s = np.random.SeedSequence([seed, bi, int(round(rate * 1e6)), i])
            rng = np.random.default_rng(s)
            wd = shuffle_conversations(world, rng) if base == SHUFFLED else world
            imps = base_imps
            if rate > 0:
                wd = add_listening(wd, rate, rng)
                imps = _Counter(wd.imp_g, wd.imp_t, t0, span)
            res = _result(_units(wd, settings, rng, imps), wd.n_topics, settings)
            rows.append((base, rate, i, res.statistic, res.p_value, res.listening_flagged))
            done += 1
            if progress is not None and (done % 20 == 0 or done == total):
                progress(done / total, f"{done} of {total} worlds")
    worlds = pd.DataFrame(rows, columns=["world", "rate", "seed", "statistic", "p_value",
                                         "flagged"])
    curve = (worlds.groupby(["world", "rate"], sort=False)
             .agg(n_worlds=("flagged", "size"), flagged=("flagged", "sum")).reset_index())
    curve["detection_rate"] = curve["flagged"] / curve["n_worlds"]
    bounds = [wilson(int(k), int(m)) for k, m in zip(curve["flagged"], curve["n_worlds"],
                                                      strict=True)]
    curve["ci_low"] = [b[0] for b in bounds]
    curve["ci_high"] = [b[1] for b in bounds]
    people = np.unique(world.conv_g // world.n_topics).size
    return PowerStudy(curve, worlds, settings, int(people))


def null_generated_study(n_users: int, n_worlds: int, seed: int = 0,
                         settings: MicSettings = MicSettings(),
                         progress: Progress | None = None) -> pd.DataFrame:
    """False alarms on freshly generated populations with no listening and no priming (each
    world its own seed): world seed, statistic, p_value, flagged."""
    from adlens import simulate  # the generator is only needed here

    params = simulate.SimParams(priming_rate=0.0)
    rows = []
    for i in range(n_worlds):
        frames = simulate.generate_frames(n_users, seed + i, params=params)
        res = mic_test(world_from_frames(frames), settings, seed=i)
        rows.append((seed + i, res.statistic, res.p_value, res.listening_flagged))
        if progress is not None:
            progress((i + 1) / n_worlds, f"{i + 1} of {n_worlds} populations")
    return pd.DataFrame(rows, columns=["seed", "statistic", "p_value", "flagged"])
