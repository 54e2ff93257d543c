"""The what-if switches: one frozen, hashable `Scenario` says which rules are in force.

It keys every per-scenario cache, round-trips through JSON and URL query parameters, and
describes in plain words how it differs from the policy Meta announced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from adlens import schema

DEFAULT_AS_OF: dt.date = schema.DEFAULT_WINDOW[1]
# The days a scenario can be viewed as of, or have AI chats used from: the sidebar's date
# inputs take these bounds, and a shared link's dates are read within them.
DATE_BOUNDS: tuple[dt.date, dt.date] = (dt.date(2025, 1, 1), dt.date(2027, 12, 31))
# Half-lives in days the Method page accepts (half a day to ten years), links likewise.
HALF_LIFE_BOUNDS: tuple[float, float] = (0.5, 3650.0)
# Thresholds of the sensitive-topic detector (calibrated probability) a scenario may set; the
# What-if slider and a shared link's value are read within them.
THRESHOLD_BOUNDS: tuple[float, float] = (0.01, 0.99)
ANNOUNCED_EXCLUDED_REGIONS: tuple[str, ...] = tuple(sorted(schema.EXCLUDABLE_REGIONS))
ANNOUNCED_SENSITIVE_LIST = "meta7"

# Days after which a signal's evidence counts half. Chats and watches are about what a
# person wants now; follows and similar tastes describe slower, standing interests.
DEFAULT_HALF_LIVES: dict[str, float] = {
    "ai_chat": 14.0, "like": 60.0, "follow": 120.0, "post": 30.0, "watch": 14.0,
    "friend_like": 30.0, "site_visit": 21.0, "similar_people": 90.0, "ad_click": 14.0,
}
assert set(DEFAULT_HALF_LIVES) == set(schema.SIGNALS)

_FIELDS = ("as_of", "ai_chat", "policy_start", "excluded_regions", "sensitive_list",
           "link_rule", "half_lives", "sensitive_threshold")
_TRUE = {"on", "true", "1", "yes"}
_FALSE = {"off", "false", "0", "no"}


def _default_half_lives() -> tuple[tuple[str, float], ...]:
    return tuple(sorted(DEFAULT_HALF_LIVES.items()))


def _as_date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{name} must be a date written as YYYY-MM-DD, got {value!r}.")


def _as_bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"{name} must be on or off (true or false), got {value!r}.")


def _as_regions(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        text = value.strip()
        items = [] if text.lower() in ("", "none") else text.split(",")
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
    else:
        raise ValueError(f"excluded_regions must be a list of region ids, got {value!r}.")
    regions = set()
    for item in items:
        region = str(item).strip().upper()
        if region not in schema.EXCLUDABLE_REGIONS:
            allowed = ", ".join(sorted(schema.EXCLUDABLE_REGIONS))
            raise ValueError(f"Unknown region {item!r}: excluded regions can be {allowed}.")
        regions.add(region)
    return tuple(sorted(regions))


def _as_threshold(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"sensitive_threshold must be a number, got {value!r}.")
    low, high = THRESHOLD_BOUNDS
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"sensitive_threshold must be from {low:g} to {high:g}, got {value!r}.")
    return float(value)


def _as_half_lives(value: Any) -> tuple[tuple[str, float], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    merged = dict(DEFAULT_HALF_LIVES)
    try:
        pairs = list(pairs)
    except TypeError:
        raise ValueError(f"half_lives must map signals to days, got {value!r}.") from None
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(f"half_lives must map signals to days, got {pair!r}.")
        signal, days = pair
        if signal not in DEFAULT_HALF_LIVES:
            raise ValueError(f"Unknown signal {signal!r} in half_lives.")
        if isinstance(days, bool) or not isinstance(days, (int, float)):
            raise ValueError(f"The half-life of {signal} must be a number of days, got {days!r}.")
        if not math.isfinite(days) or days <= 0:
            raise ValueError(f"The half-life of {signal} must be a positive number of days.")
        merged[signal] = float(days)
    return tuple(sorted(merged.items()))


@dataclass(frozen=True)
class Scenario:
    """Which rules are in force, as of which day. Defaults are the announced policy.

    `as_of` counts events up to and including that day. `half_lives` always lists every
    signal of `schema.SIGNALS` (missing ones get defaults), sorted by signal, so equal
    scenarios hash equally.
    """

    as_of: dt.date = DEFAULT_AS_OF
    ai_chat: bool = True
    policy_start: dt.date = schema.POLICY_START
    excluded_regions: tuple[str, ...] = ANNOUNCED_EXCLUDED_REGIONS
    sensitive_list: str = ANNOUNCED_SENSITIVE_LIST
    link_rule: bool = True
    half_lives: tuple[tuple[str, float], ...] = dataclasses.field(
        default_factory=_default_half_lives)
    # The calibrated P(sensitive) at which a chat is held back; None: the text model's chosen
    # threshold (the announced setting). A model setting, not a policy rule.
    sensitive_threshold: float | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # normalising a frozen instance once, at construction
        set_(self, "as_of", _as_date(self.as_of, "as_of"))
        set_(self, "policy_start", _as_date(self.policy_start, "policy_start"))
        set_(self, "ai_chat", _as_bool(self.ai_chat, "ai_chat"))
        set_(self, "link_rule", _as_bool(self.link_rule, "link_rule"))
        set_(self, "excluded_regions", _as_regions(self.excluded_regions))
        if self.sensitive_list not in schema.SENSITIVE_LISTS:
            allowed = ", ".join(schema.SENSITIVE_LISTS)
            raise ValueError(
                f"Unknown sensitive list {self.sensitive_list!r}: choose one of {allowed}.")
        set_(self, "half_lives", _as_half_lives(self.half_lives))
        set_(self, "sensitive_threshold", _as_threshold(self.sensitive_threshold))

    # --- construction ---------------------------------------------------------------------
    @classmethod
    def announced(cls, as_of: dt.date | None = None) -> Scenario:
        """The policy as Meta announced it, viewed on `as_of` (default: end of the window)."""
        return cls(as_of=DEFAULT_AS_OF if as_of is None else as_of)

    def with_(self, **changes: Any) -> Scenario:
        """A copy with some fields changed (validated like any new scenario)."""
        return dataclasses.replace(self, **changes)

    # --- derived views --------------------------------------------------------------------
    @property
    def sensitive_topics(self) -> tuple[str, ...]:
        return schema.SENSITIVE_LISTS[self.sensitive_list]

    @property
    def excluded_countries(self) -> frozenset[str]:
        return frozenset(c for r in self.excluded_regions
                         for c in schema.EXCLUDABLE_REGIONS[r][1])

    def half_life(self, signal: str) -> float:
        """Days after which the evidence of `signal` counts half."""
        for name, days in self.half_lives:
            if name == signal:
                return days
        raise ValueError(f"Unknown signal {signal!r}.")

    @property
    def is_counterfactual(self) -> bool:
        """True when a policy rule differs from the announced one (half-lives are model
        settings, not policy, so they do not make a scenario counterfactual)."""
        return bool(self._policy_differences())

    def _policy_differences(self) -> list[str]:
        lines = []
        if not self.ai_chat:
            lines.append("AI-chat signal switched off (counterfactual)")
        if self.policy_start != schema.POLICY_START:
            lines.append(f"AI chats used from {self.policy_start.isoformat()} instead of "
                         f"{schema.POLICY_START.isoformat()} (counterfactual)")
        for region in ANNOUNCED_EXCLUDED_REGIONS:
            if region not in self.excluded_regions:
                label = schema.EXCLUDABLE_REGIONS[region][0]
                lines.append(f"{label} not excluded (counterfactual)")
        if self.sensitive_list != ANNOUNCED_SENSITIVE_LIST:
            label = {"none": "none", "gdpr9": "full GDPR Art. 9 list (10 topics)"}.get(
                self.sensitive_list, self.sensitive_list)
            lines.append(f"Sensitive topics: {label} (counterfactual)")
        if not self.link_rule:
            lines.append("Cross-app rule off: a chat in any app shapes ads in every app "
                         "(counterfactual)")
        return lines

    def differences(self) -> list[str]:
        """Plain-words lines for everything that differs from the announced policy."""
        lines = self._policy_differences()
        for signal, days in self.half_lives:
            default = DEFAULT_HALF_LIVES[signal]
            if days != default:
                lines.append(f"Half-life of {schema.SIGNAL_LABELS[signal].lower()}: "
                             f"{days:g} days instead of {default:g} (model setting)")
        if self.sensitive_threshold is not None:
            lines.append("Sensitive-topic detector holds a chat back from a "
                         f"{self.sensitive_threshold:.0%} chance it is sensitive, instead of "
                         "the threshold chosen for the model (model setting)")
        return lines

    # --- serialisation --------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "ai_chat": self.ai_chat,
            "policy_start": self.policy_start.isoformat(),
            "excluded_regions": list(self.excluded_regions),
            "sensitive_list": self.sensitive_list,
            "link_rule": self.link_rule,
            "half_lives": dict(self.half_lives),
            "sensitive_threshold": self.sensitive_threshold,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Scenario:
        """Parse `to_json` output; missing fields take defaults, anything wrong raises
        ValueError with a plain sentence."""
        try:
            data = json.loads(text)
        except (TypeError, json.JSONDecodeError):
            raise ValueError("The scenario is not valid JSON.") from None
        if not isinstance(data, dict):
            raise ValueError("The scenario must be a JSON object.")
        unknown = sorted(set(data) - set(_FIELDS))
        if unknown:
            raise ValueError(f"Unknown scenario field(s): {', '.join(unknown)}.")
        if "sensitive_list" in data and not isinstance(data["sensitive_list"], str):
            raise ValueError("sensitive_list must be one of meta7, gdpr9, none.")
        if "half_lives" in data and not isinstance(data["half_lives"], dict):
            raise ValueError("half_lives must map signals to days.")
        if "excluded_regions" in data and not isinstance(data["excluded_regions"], list):
            raise ValueError("excluded_regions must be a list of region ids.")
        return cls(**data)

    def to_query_params(self) -> dict[str, str]:
        """Only what differs from the defaults, so a shared link stays short."""
        default = Scenario()
        params: dict[str, str] = {}
        if self.as_of != default.as_of:
            params["as_of"] = self.as_of.isoformat()
        if self.ai_chat != default.ai_chat:
            params["ai_chat"] = "on" if self.ai_chat else "off"
        if self.policy_start != default.policy_start:
            params["policy_start"] = self.policy_start.isoformat()
        if self.excluded_regions != default.excluded_regions:
            params["excluded"] = ",".join(self.excluded_regions) or "none"
        if self.sensitive_list != default.sensitive_list:
            params["sensitive"] = self.sensitive_list
        if self.link_rule != default.link_rule:
            params["link_rule"] = "on" if self.link_rule else "off"
        for signal, days in self.half_lives:
            if days != DEFAULT_HALF_LIVES[signal]:
                params[f"hl_{signal}"] = f"{days:g}"
        if self.sensitive_threshold is not None:
            params["threshold"] = repr(self.sensitive_threshold)  # exact, so links round-trip
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, str | list[str]]) -> Scenario:
        """Tolerant reader of URL parameters: unknown keys are ignored, bad values fall back
        to their defaults (`read_query_params` also says which were dropped)."""
        return cls.read_query_params(params).scenario

    @classmethod
    def read_query_params(cls, params: Mapping[str, str | list[str]]) -> QueryRead:
        """The scenario a link describes, and one plain note per parameter dropped because its
        value is unreadable or outside what the sidebar can show (`DATE_BOUNDS`,
        `HALF_LIFE_BOUNDS`, `THRESHOLD_BOUNDS`); unknown keys are ignored."""
        def get(key: str) -> str | None:
            value = params.get(key)
            if isinstance(value, (list, tuple)):
                value = value[-1] if value else None
            return None if value is None else str(value)

        first, last = DATE_BOUNDS

        def in_window(value: str, name: str) -> dt.date:
            day = _as_date(value, name)
            if not first <= day <= last:
                raise ValueError(f"{name} must be a day from {first.isoformat()} to "
                                 f"{last.isoformat()}")
            return day

        scenario = cls()
        notes: list[str] = []
        readers = {
            "as_of": ("as_of", lambda v: in_window(v, "as_of")),
            "ai_chat": ("ai_chat", lambda v: _as_bool(v, "ai_chat")),
            "policy_start": ("policy_start", lambda v: in_window(v, "policy_start")),
            "excluded": ("excluded_regions", _as_regions),
            "sensitive": ("sensitive_list", str),
            "link_rule": ("link_rule", lambda v: _as_bool(v, "link_rule")),
            "threshold": ("sensitive_threshold", _read_threshold),
        }
        for key, (field_name, read) in readers.items():
            raw = get(key)
            if raw is None:
                continue
            try:
                scenario = scenario.with_(**{field_name: read(raw)})
            except ValueError as error:
                notes.append(_dropped(key, raw, str(error)))
        half_lives = dict(scenario.half_lives)
        low, high = HALF_LIFE_BOUNDS
        for signal in DEFAULT_HALF_LIVES:
            raw = get(f"hl_{signal}")
            if raw is None:
                continue
            try:
                days = float(raw)
            except ValueError:
                days = math.nan
            if math.isfinite(days) and low <= days <= high:
                half_lives[signal] = days
            else:
                notes.append(_dropped(f"hl_{signal}", raw, f"a half-life is a number of days "
                                      f"from {low:g} to {high:g}"))
        return QueryRead(scenario.with_(half_lives=tuple(half_lives.items())), notes)


def _read_threshold(raw: str) -> float:
    low, high = THRESHOLD_BOUNDS
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and low <= value <= high):
        raise ValueError(f"the detector threshold is a probability from {low:g} to {high:g}")
    return value


class QueryRead(NamedTuple):
    """What a link's query parameters say: the scenario, and a note per value dropped."""

    scenario: Scenario
    notes: list[str]


def _dropped(key: str, raw: str, reason: str) -> str:
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    return (f"The link's {key}={shown!r} was ignored ({reason.rstrip('.')}); "
            "the default is used instead.")
