"""Tests for the what-if scenario: defaults, validation, round trips and plain-words differences."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adlens import schema
from adlens.scenario import (
    DATE_BOUNDS,
    DEFAULT_HALF_LIVES,
    HALF_LIFE_BOUNDS,
    THRESHOLD_BOUNDS,
    Scenario,
)


def test_announced_defaults_match_the_policy():
    s = Scenario.announced()
    assert s.as_of == dt.date(2026, 1, 31)
    assert s.ai_chat and s.link_rule
    assert s.policy_start == schema.POLICY_START
    assert s.excluded_regions == ("EU", "KR", "UK")
    assert s.sensitive_list == "meta7"
    assert s.sensitive_topics == schema.SENSITIVE_META7
    assert [name for name, _ in s.half_lives] == sorted(schema.SIGNALS)
    assert s.half_life("ai_chat") == 14 and s.half_life("follow") == 120
    assert not s.is_counterfactual and s.differences() == []
    assert Scenario.announced(dt.date(2026, 1, 2)).as_of == dt.date(2026, 1, 2)


def test_hashable_and_normalised():
    a = Scenario(excluded_regions=("UK", "EU"), half_lives=(("like", 30),))
    b = Scenario(excluded_regions=("EU", "UK", "UK"), half_lives={"like": 30.0})
    assert a == b and hash(a) == hash(b)
    assert a.excluded_regions == ("EU", "UK")
    assert a.half_life("like") == 30.0 and a.half_life("post") == DEFAULT_HALF_LIVES["post"]
    assert len({a, b, Scenario()}) == 2
    assert "KR" in Scenario().excluded_regions and "GB" in Scenario().excluded_countries


def test_differences_in_plain_words():
    s = Scenario(ai_chat=False, excluded_regions=("EU", "UK"), sensitive_list="none",
                 link_rule=False)
    lines = s.differences()
    assert "AI-chat signal switched off (counterfactual)" in lines
    assert "South Korea not excluded (counterfactual)" in lines
    assert "Sensitive topics: none (counterfactual)" in lines
    assert any(line.startswith("Cross-app rule off") for line in lines)
    assert s.is_counterfactual
    half = Scenario().with_(half_lives={"like": 10})
    assert not half.is_counterfactual
    assert half.differences() == ["Half-life of likes: 10 days instead of 60 (model setting)"]
    moved = Scenario().with_(policy_start=dt.date(2025, 11, 1))
    assert moved.differences() == [
        "AI chats used from 2025-11-01 instead of 2025-12-16 (counterfactual)"]


@pytest.mark.parametrize("text, fragment", [
    ("not json", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    ('{"colour": "red"}', "Unknown scenario field"),
    ('{"sensitive_list": "all"}', "Unknown sensitive list"),
    ('{"excluded_regions": ["US"]}', "Unknown region"),
    ('{"as_of": "31/01/2026"}', "YYYY-MM-DD"),
    ('{"ai_chat": "maybe"}', "on or off"),
    ('{"half_lives": {"like": -3}}', "positive"),
    ('{"half_lives": {"microphone": 3}}', "Unknown signal"),
])
def test_from_json_rejects_bad_input_with_a_sentence(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        Scenario.from_json(text)


def test_invalid_construction_raises():
    with pytest.raises(ValueError):
        Scenario(sensitive_list="everything")
    with pytest.raises(ValueError):
        Scenario().with_(excluded_regions=("FR",))
    with pytest.raises(ValueError):
        Scenario().half_life("microphone")


scenarios = st.builds(
    Scenario,
    as_of=st.dates(dt.date(2025, 10, 1), dt.date(2026, 3, 1)),
    ai_chat=st.booleans(),
    policy_start=st.dates(dt.date(2025, 10, 1), dt.date(2026, 3, 1)),
    excluded_regions=st.lists(st.sampled_from(sorted(schema.EXCLUDABLE_REGIONS))).map(tuple),
    sensitive_list=st.sampled_from(sorted(schema.SENSITIVE_LISTS)),
    link_rule=st.booleans(),
    half_lives=st.dictionaries(st.sampled_from(schema.SIGNALS),
                               st.sampled_from([1.0, 2.5, 7.0, 30.0, 365.0])),
    sensitive_threshold=st.none() | st.floats(*THRESHOLD_BOUNDS),
)


@settings(deadline=None)  # a shared, busy machine: a timing bound here only flakes
@given(scenarios)
def test_json_and_query_params_round_trip(s):
    assert Scenario.from_json(s.to_json()) == s
    params = s.to_query_params()
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in params.items())
    assert Scenario.from_query_params(params) == s
    assert Scenario.from_query_params({k: [v] for k, v in params.items()}) == s
    assert s.is_counterfactual == (s.differences() != [] and any(
        "(counterfactual)" in line for line in s.differences()))


def test_query_params_are_tolerant():
    s = Scenario.from_query_params({
        "ai_chat": "sideways", "excluded": "EU,XX", "sensitive": "gdpr9",
        "hl_like": "abc", "hl_post": "-1", "hl_watch": "3", "unknown": "1", "as_of": "soon",
        "link_rule": ["on", "off"],
    })
    assert s.ai_chat is True
    assert s.excluded_regions == Scenario().excluded_regions
    assert s.sensitive_list == "gdpr9"
    assert s.half_life("like") == 60 and s.half_life("post") == 30 and s.half_life("watch") == 3
    assert s.as_of == Scenario().as_of
    assert s.link_rule is False
    assert Scenario.from_query_params({"excluded": "none"}).excluded_regions == ()
    assert Scenario().to_query_params() == {}


@pytest.mark.parametrize("key,value", [
    ("as_of", "2024-12-31"), ("as_of", "2028-01-01"), ("as_of", "0001-01-01"),
    ("policy_start", "2024-12-31"), ("policy_start", "9999-12-31"),
])
def test_a_url_date_outside_the_widgets_bounds_is_dropped_with_a_note(key, value):
    # The sidebar's date inputs raise on a value outside their bounds: the URL reader keeps
    # dates inside the same bounds, and says what it dropped.
    read = Scenario.read_query_params({key: value, "ai_chat": "off"})
    assert getattr(read.scenario, key) == getattr(Scenario(), key)
    assert read.scenario.ai_chat is False, "the good parameters are kept"
    assert len(read.notes) == 1 and value in read.notes[0] and key in read.notes[0]
    assert "2025-01-01" in read.notes[0] and "2027-12-31" in read.notes[0]
    assert Scenario.from_query_params({key: value}) == Scenario()


def test_the_url_reader_keeps_dates_at_the_bounds_and_notes_every_dropped_value():
    first, last = DATE_BOUNDS
    read = Scenario.read_query_params({"as_of": last.isoformat(),
                                       "policy_start": first.isoformat()})
    assert (read.scenario.as_of, read.scenario.policy_start) == (last, first)
    assert read.notes == []
    read = Scenario.read_query_params({"as_of": "soon", "ai_chat": "sideways",
                                       "hl_like": "0.1", "hl_post": "99999", "hl_watch": "3",
                                       "sensitive": "all"})
    assert read.scenario == Scenario().with_(half_lives={"watch": 3.0})
    assert len(read.notes) == 5
    assert any("0.1" in n and str(HALF_LIFE_BOUNDS[0]) in n for n in read.notes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["as_of", "policy_start", "ai_chat", "excluded",
                                        "sensitive", "link_rule", "hl_like", "hl_ai_chat",
                                        "threshold"]),
                       st.text(max_size=12) | st.dates().map(dt.date.isoformat)
                       | st.floats().map(str)))
def test_any_url_parameters_give_a_scenario_inside_the_widgets_bounds(params):
    s = Scenario.from_query_params(params)
    first, last = DATE_BOUNDS
    assert first <= s.as_of <= last and first <= s.policy_start <= last
    low, high = HALF_LIFE_BOUNDS
    assert all(low <= days <= high for _, days in s.half_lives)
    assert s.sensitive_threshold is None or (
        THRESHOLD_BOUNDS[0] <= s.sensitive_threshold <= THRESHOLD_BOUNDS[1])
