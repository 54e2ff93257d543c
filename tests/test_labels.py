"""Display names: every id the data can hold has one plain name, and a display table carries
no id, no '+00:00' and no raw column name."""

from __future__ import annotations

import pandas as pd

from adlens import labels, schema
from adlens.memory import MemoryParams


def test_every_id_has_a_plain_name_without_underscores() -> None:
    names = [*map(labels.topic, schema.ALL_TOPICS), *map(labels.signal, schema.SIGNALS),
             *map(labels.app, schema.APPS), *map(labels.region, schema.REGIONS),
             *map(labels.event, schema.EVENT_TYPES),
             *map(labels.column, schema.REQUIRED_COLUMNS["events"]),
             *map(labels.parameter, MemoryParams().describe()["name"])]
    assert all("_" not in n and n for n in names), [n for n in names if "_" in n]
    assert labels.topic("home_garden") == "Home & garden"
    assert labels.topic("personal_finance") == "Personal finance"
    assert labels.topic("sex_life") == "Sex life"
    assert labels.topic(labels.NO_AD_TOPIC) == "No ad topic"
    assert labels.signal("ai_chat") == "AI chats"
    assert labels.event("ai_chat") == "AI chat"
    assert labels.app("meta_ai") == "Meta AI app"
    assert labels.column("ts") == "Time" and labels.column("event_type") == "Event"
    assert labels.region("EU") == "European Union"
    # Every memory parameter has a name written for it, not a tidied id.
    assert set(MemoryParams().describe()["name"]) <= set(labels.PARAMETER_LABELS)
    # The schema's names are reused, not copied.
    assert labels.SIGNAL_LABELS is schema.SIGNAL_LABELS


def test_names_are_distinct_within_each_vocabulary() -> None:
    for vocabulary in (labels.TOPIC_LABELS, labels.EVENT_LABELS, labels.REGION_LABELS,
                       labels.PARAMETER_LABELS):
        assert len(set(vocabulary.values())) == len(vocabulary)


def test_metrics_get_a_plain_name_and_help() -> None:
    assert labels.metric("precision@k") == "Top-5 hit rate"
    for key in ("precision@k", "ndcg@k", "auc"):
        assert labels.metric(key) != key and len(labels.metric_help(key)) > 40


def test_display_frame_names_values_and_columns() -> None:
    frame = pd.DataFrame({
        "ts": pd.to_datetime(["2025-12-16T14:05:00+01:00"], utc=True),
        "event_type": ["ai_chat"], "app": ["meta_ai"], "topic": ["home_garden"],
        "dwell_ms": [1700], "blocked_apps": ["facebook|whatsapp"], "extra": ["kept"]})
    shown = labels.display_frame(frame)
    assert list(shown.columns) == ["Time", "Event", "App", "Topic", "Seconds on screen",
                                   "Kept out of", "Extra"]
    row = shown.iloc[0]
    assert row["Time"] == "16 Dec 2025 13:05"
    assert (row["Event"], row["App"], row["Topic"]) == ("AI chat", "Meta AI app",
                                                        "Home & garden")
    assert row["Seconds on screen"] == 1.7 and row["Kept out of"] == "Facebook, WhatsApp"
    text = shown.to_string()
    assert "_" not in text and "+00:00" not in text


def test_kept_out_apps_are_named_and_all_four_read_as_every_app() -> None:
    assert labels.ad_apps("facebook|whatsapp") == "Facebook, WhatsApp"
    assert labels.ad_apps("") == "every app"  # an exclusion with no app list
    # Kept out of all four ad apps is kept out of every app, in a cell that fits its column.
    assert labels.ad_apps("whatsapp|facebook|messenger|instagram") == "every app"
    assert labels.ad_apps("facebook|instagram|messenger") == "Facebook, Instagram, Messenger"
    assert labels.app_list("facebook|instagram|messenger|whatsapp") == (
        "Facebook, Instagram, Messenger, WhatsApp")
