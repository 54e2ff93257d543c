"""The sensitive-topic detector's threshold as part of a scenario: it round-trips through JSON
and links, the engine applies it to the stored probabilities, and the What-if slider moves
both figures of the trade-off the expected way."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from adlens import contract, engine, whatif
from adlens.scenario import THRESHOLD_BOUNDS, Scenario
from adlens.signals import REASONS, as_of_ms, chat_rules

APP = str(Path(__file__).parent.parent / "app.py")


# --- the scenario ----------------------------------------------------------------------------
def test_the_threshold_round_trips_through_json_and_links() -> None:
    scenario = Scenario(sensitive_threshold=0.37, ai_chat=False)
    assert Scenario.from_json(scenario.to_json()) == scenario
    assert json.loads(scenario.to_json())["sensitive_threshold"] == 0.37
    assert Scenario.from_query_params(scenario.to_query_params()) == scenario
    assert scenario.to_query_params()["threshold"] == "0.37"
    # The model's own choice is the default: not in the link, and not a difference.
    assert "threshold" not in Scenario().to_query_params()
    assert Scenario.from_json(Scenario().to_json()).sensitive_threshold is None
    assert not any("detector" in line for line in Scenario().differences())
    assert hash(scenario) != hash(scenario.with_(sensitive_threshold=0.38))


def test_a_changed_threshold_is_a_model_setting_said_in_plain_words() -> None:
    scenario = Scenario(sensitive_threshold=0.4)
    lines = [line for line in scenario.differences() if "detector" in line]
    assert len(lines) == 1 and "40%" in lines[0] and "model setting" in lines[0]
    assert not scenario.is_counterfactual


@pytest.mark.parametrize("raw", ["2", "0", "-0.5", "nan", "inf", "high", "0.995"])
def test_a_bad_threshold_in_a_link_is_dropped_with_a_note(raw: str) -> None:
    read = Scenario.read_query_params({"threshold": raw, "ai_chat": "off"})
    assert read.scenario.sensitive_threshold is None
    assert read.scenario.ai_chat is False  # the rest of the link still applies
    assert len(read.notes) == 1 and "threshold" in read.notes[0]


@pytest.mark.parametrize("bad", [1.5, 0.0, True, "0.3", float("nan")])
def test_a_scenario_refuses_a_threshold_out_of_bounds(bad) -> None:
    with pytest.raises(ValueError, match="sensitive_threshold"):
        Scenario(sensitive_threshold=bad)
    with pytest.raises(ValueError):
        Scenario.from_json(json.dumps({"sensitive_threshold": bad}) if bad == bad else
                           '{"sensitive_threshold": NaN}')


def test_the_bounds_are_read_inclusive() -> None:
    low, high = THRESHOLD_BOUNDS
    for value in (low, high):
        read = Scenario.read_query_params({"threshold": str(value)})
        assert read.scenario.sensitive_threshold == value and not read.notes


# --- the engine on the sample ----------------------------------------------------------------
@pytest.fixture(scope="module")
def prepared() -> engine.Prepared:
    return engine.prepare(contract.load_dataset(contract.SAMPLE_DIR))


def _held(prepared: engine.Prepared, threshold: float | None) -> np.ndarray:
    rules = chat_rules(prepared.codes, Scenario(sensitive_threshold=threshold))
    return rules.reason_code == REASONS.index("sensitive") + 1


def test_the_stored_probabilities_give_the_model_s_own_flags(prepared) -> None:
    chats = prepared.codes.signals["ai_chat"]
    chosen = prepared.codes.sensitive_threshold
    assert chosen is not None and 0 < chosen < 1
    for name in chats.sensitive:
        np.testing.assert_array_equal(chats.sensitive_at(name, chosen), chats.sensitive[name])
    np.testing.assert_array_equal(_held(prepared, chosen), _held(prepared, None))
    # Shared prepared data cannot be written to.
    with pytest.raises(ValueError):
        chats.p_sensitive["meta7"][:1] = 1.0


def test_raising_the_threshold_never_holds_more_chats_back(prepared) -> None:
    steps = np.round(np.arange(0.01, 1.0, 0.07), 2)
    held = [_held(prepared, float(t)) for t in steps]
    counts = [int(h.sum()) for h in held]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1], "the threshold must matter on the sample"
    for stricter, looser in zip(held, held[1:], strict=False):
        assert not (looser & ~stricter).any()  # a higher threshold holds back a subset


def test_raising_the_threshold_never_lowers_leakage_on_the_sample(prepared) -> None:
    events = prepared.dataset.events
    assert "true_topic" in events.columns, "the sample carries the simulation's true topics"
    from adlens import schema

    chats = prepared.codes.signals["ai_chat"]
    true = events["true_topic"].fillna("").astype(str).to_numpy(dtype=object)[chats.row]
    truly = np.isin(true, schema.SENSITIVE_LISTS["meta7"])
    assert truly.any()
    leaks = [float((~_held(prepared, float(t)))[truly].mean())
             for t in np.round(np.arange(0.01, 1.0, 0.07), 2)]
    assert leaks == sorted(leaks)


def test_exclusions_at_0_99_hold_back_a_subset_of_those_at_0_01(prepared) -> None:
    low = engine.run_scenario(prepared, Scenario(sensitive_threshold=0.01)).exclusions
    high = engine.run_scenario(prepared, Scenario(sensitive_threshold=0.99)).exclusions
    sens_low = set(low.loc[low["reason"] == "sensitive", "event_id"])
    sens_high = set(high.loc[high["reason"] == "sensitive", "event_id"])
    assert sens_high < sens_low
    # Only the detector's guesses move: events sensitive by their own topic stay held back.
    assert (high.loc[high["reason"] == "sensitive", "event_type"] != "ai_chat").sum() == \
        (low.loc[low["reason"] == "sensitive", "event_type"] != "ai_chat").sum()
    assert whatif.sensitive_chats_held_back(prepared, Scenario(sensitive_threshold=0.99)) < \
        whatif.sensitive_chats_held_back(prepared, Scenario(sensitive_threshold=0.01))


def test_the_tradeoff_tables_move_the_expected_way(prepared) -> None:
    tables = whatif.threshold_tradeoffs(prepared.text_model)
    assert tables, "at least the generated validation set is measured"
    for table in tables.values():
        assert np.all(np.diff(table["held_back"].to_numpy()) <= 1e-12)
        assert np.all(np.diff(table["leakage"].to_numpy()) >= -1e-12)
        assert table["held_back"].iloc[0] > table["held_back"].iloc[-1]
        assert table["leakage"].iloc[-1] > table["leakage"].iloc[0]


# --- the What-if page ------------------------------------------------------------------------
def _detector_cards(at) -> dict[str, float]:
    cards = [m for m in at.metric if m.label.startswith(("Sensitive chats used",
                                                        "Everyday chats held back"))]
    return {f"{m.label} #{i}": float(m.value.rstrip("%")) for i, m in enumerate(cards)}


def test_the_what_if_slider_moves_leakage_up_and_held_back_down() -> None:
    from streamlit.testing.v1 import AppTest

    from components import threshold

    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    at.switch_page("views/what_if.py").run()
    assert not at.exception, [e.value for e in at.exception]
    slider = at.slider(key="threshold_slider")
    # The cards of each validation set stand under its name, so their labels repeat: keyed
    # by their place on the page.
    assert any(m.value == "**Hand-written validation set**" for m in at.markdown)
    before = _detector_cards(at)
    # The held-back cards leave look-alikes out, as the Method page does, and say so.
    helps = [m.help for m in at.metric if m.label.startswith("Everyday chats held back")]
    assert helps and all(threshold.LOOKALIKES_NOTE in h for h in helps)
    labels = list(before)
    assert len(labels) >= 4
    dataset_before = int(next(m.value for m in at.metric
                              if m.label.startswith("This dataset's AI chats")).replace(",", ""))
    slider.set_value(0.95).run()
    assert not at.exception, [e.value for e in at.exception]
    after = _detector_cards(at)
    for label in labels:
        if label.startswith("Sensitive chats used"):
            assert after[label] >= before[label]
        else:
            assert after[label] <= before[label]
    assert any(after[la] > before[la] for la in labels if la.startswith("Sensitive"))
    assert any(after[la] < before[la] for la in labels if la.startswith("Everyday"))
    dataset_after = int(next(m.value for m in at.metric
                             if m.label.startswith("This dataset's AI chats")).replace(",", ""))
    assert dataset_after < dataset_before
    # The threshold is now part of the scenario: in the link and said in the banner.
    assert at.query_params.get("threshold") in ("0.95", ["0.95"])
    assert any("detector" in w.value for w in at.warning)
    chart = [c for c in at.get("plotly_chart") if "What each threshold costs" in c.proto.spec]
    assert chart, "the trade-off chart is drawn"


def test_why_this_ad_says_a_held_back_chat_s_topic_is_the_model_s_guess(prepared) -> None:
    from streamlit.testing.v1 import AppTest

    from components import threshold

    chats = prepared.codes.signals["ai_chat"]
    # Held back by the detector as of the view's day, so the page lists it.
    held = _held(prepared, None) & prepared.codes.topic_inferred[chats.row] & (
        chats.ms < as_of_ms(Scenario()))
    assert held.any(), "the sample has chats held back by the detector"
    person = str(prepared.codes.user_ids[chats.user[np.flatnonzero(held)[0]]])
    at = AppTest.from_file(APP, default_timeout=240)
    at.query_params["person"] = person
    at.run()
    at.switch_page("views/why_this_ad.py").run()
    assert not at.exception, [e.value for e in at.exception]
    tables = [t.value for t in at.dataframe if threshold.GUESS_NOTE in t.value.columns]
    assert tables, "the kept-out events table names the model's guesses"
    table = tables[0]
    guessed = table[table[threshold.GUESS_NOTE] != ""]
    assert len(guessed) and guessed[threshold.GUESS_NOTE].str.contains("% likely").all()
    assert guessed[threshold.SENSITIVE_CHANCE].str.endswith("%").all()
    assert threshold.DATA_TOPIC in table.columns  # the sample carries its own true topics
    hover = " ".join(str(text) for c in at.get("plotly_chart") for t in
                     json.loads(c.proto.spec)["data"] for text in (t.get("hovertext") or []))
    assert "model's guess" in hover.lower() and "chance it is sensitive" in hover
