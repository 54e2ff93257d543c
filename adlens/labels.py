"""Display names: the one plain-words name of every topic, signal, app, region, event type,
column, metric and model parameter, so ids never reach a stakeholder's screen.

No Streamlit here: the dashboard, the HTML report and the CLI all read the same names.
"""

from __future__ import annotations

import pandas as pd

from adlens import schema

# The chat engineer adds schema.NO_AD_TOPIC; the literal keeps this module working before.
NO_AD_TOPIC: str = getattr(schema, "NO_AD_TOPIC", "no_ad_topic")

# --- topics --------------------------------------------------------------------------------
# Only the ids a plain capitalisation would get wrong; every other topic is capitalised.
_TOPIC_SPECIAL: dict[str, str] = {
    "personal_finance": "Personal finance", "home_garden": "Home & garden",
    "tech": "Technology", "sexual_orientation": "Sexual orientation",
    "trade_union": "Trade-union membership", "ethnicity": "Racial or ethnic origin",
    "philosophy": "Philosophical beliefs", "religion": "Religious views",
    "politics": "Political views", "genetics": "Genetic data", "biometrics": "Biometric data",
    "sex_life": "Sex life", NO_AD_TOPIC: "No ad topic",
}
TOPIC_LABELS: dict[str, str] = {
    t: _TOPIC_SPECIAL.get(t, t.replace("_", " ").capitalize())
    for t in (*schema.ALL_TOPICS, NO_AD_TOPIC)
}

# --- signals, apps, regions, events ------------------------------------------------------------
SIGNAL_LABELS: dict[str, str] = schema.SIGNAL_LABELS
APP_LABELS: dict[str, str] = schema.APP_LABELS
REGION_LABELS: dict[str, str] = {
    "US": "United States",
    **{r: name for r, (name, _) in schema.EXCLUDABLE_REGIONS.items()},
    "Other": "Other countries",
    "All": "All regions",
}
EVENT_LABELS: dict[str, str] = {
    "ai_chat": "AI chat", "like": "Like", "follow": "Follow", "post": "Post",
    "watch": "Watch", "friend_like": "Friend's like", "site_visit": "Advertiser site visit",
    "ad_impression": "Ad shown", "ad_click": "Ad click", "conversation": "Conversation",
}
MODALITY_LABELS: dict[str, str] = {"text": "Text", "voice": "Voice", "image": "Image",
                                   "video": "Video"}

# --- columns -------------------------------------------------------------------------------
COLUMN_LABELS: dict[str, str] = {
    "ts": "Time", "event_type": "Event", "event_id": "Event id", "user_id": "Person",
    "ad_id": "Ad id", "app": "App", "topic": "Topic", "text": "Text", "modality": "Form",
    "dwell_ms": "Seconds on screen", "country": "Country", "region": "Region",
    "age_band": "Age", "uses_meta_ai": "Uses Meta AI", "linked_apps": "Linked apps",
    "advertiser": "Advertiser", "title": "Ad", "rank": "Rank", "score": "Score",
    "baseline": "Baseline", "reason": "Why it was kept out", "blocked_apps": "Kept out of",
    "signal": "Signal", "label": "Explanation", "n_ads": "Ads",
    **{f"contrib_{s}": name for s, name in SIGNAL_LABELS.items()},
}

# --- metrics ---------------------------------------------------------------------------------
# id -> (plain name, help). k is 5 everywhere the dashboard shows these.
METRICS: dict[str, tuple[str, str]] = {
    "precision@k": (
        "Top-5 hit rate",
        "Of each person's top 5 ads, the share on one of their 5 truly favourite topics "
        "(known because the population is simulated). Technical name: precision@5."),
    "ndcg@k": (
        "Top-5 order quality",
        "Like the hit rate, but a hit counts more the higher it is ranked; 1 is a perfect "
        "order. Technical name: NDCG@5."),
    "recall@k": (
        "Top-5 coverage",
        "Of the topics a person clicked, the share that were in their top 5 ads. Technical "
        "name: recall@5."),
    "auc": (
        "Click prediction",
        "Chance the model scores a clicked ad above an ad that was not clicked, on clicks "
        "kept aside from training; 0.5 is guessing, 1 is perfect. Technical name: AUC."),
}

# --- memory-model parameters (adlens.memory) ------------------------------------------------------
PARAMETER_LABELS: dict[str, str] = {
    "encoding_threshold_ms": "Shortest look that can be remembered",
    "share_at_threshold": "Memory formed at that shortest look",
    "average_dwell_ms": "Average look at a feed item",
    "share_at_average": "Memory formed at an average look",
    "encoding_ceiling": "Most an ad can be remembered",
    "recall_half_life_hours": "Half-life of remembering an ad",
    "curve_start_minutes": "When the forgetting curve starts",
    "repetition_gain": "Longer memory from seeing it again",
    "priming_ceiling": "Largest unconscious nudge",
    "priming_dwell_scale_ms": "Look that gives most of the nudge",
    "priming_half_life_hours": "Half-life of the unconscious nudge",
    "attention_boost": "Extra attention right after talking",
    "attention_window_hours": "How long that extra attention lasts",
    "recall_threshold": "Chance above which an ad counts as remembered",
}

# Terms the Method page explains in one line each.
GLOSSARY: dict[str, str] = {
    "Signal": "One kind of evidence about what a person likes: likes, follows, chats with "
              "Meta AI, advertisers' site visits, similar people, ...",
    "Score": "How likely the person is to click an ad, on the model's internal scale "
             "(log-odds). Higher means more likely.",
    "Baseline": "The score every ad starts from before any signal about the person counts.",
    "Contribution": "How much one signal moves an ad's score up or down; the baseline plus "
                    "every contribution is the score.",
    "Click probability": "The score turned into a chance of a click, e.g. 0.5%.",
    "Coincidence": "A conversation about a topic followed soon by an ad on it that the person "
                   "noticed: the 'it's listening' moment.",
    "Unconscious nudge (priming)": "An ad seen briefly and not remembered can still make the "
                                   "topic more likely to come up in conversation.",
    "Percentage points": "The difference between two percentages: from 10% to 12% is +2 "
                         "points.",
    "Counterfactual": "A what-if world that differs from the policy Meta announced.",
    "Placebo-controlled test": "The same count of ads around made-up conversation times, to "
                               "see what chance alone gives.",
    **{name: help_text for name, help_text in METRICS.values()},
}


def topic(value: object) -> str:
    """'home_garden' -> 'Home & garden'; an unknown id is tidied, empty -> 'Unknown topic'."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if not text:
        return "Unknown topic"
    return TOPIC_LABELS.get(text, text.replace("_", " ").capitalize())


def signal(value: str) -> str:
    """'ai_chat' -> 'AI chats'."""
    return SIGNAL_LABELS.get(value, value.replace("_", " ").capitalize())


def app(value: object) -> str:
    """'meta_ai' -> 'Meta AI app'; empty -> 'Off the apps' (conversations, site visits)."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if not text:
        return "Off the apps"
    return APP_LABELS.get(text, text.replace("_", " ").capitalize())


def app_list(apps: str) -> str:
    """'facebook|whatsapp' -> 'Facebook, WhatsApp' (empty -> '')."""
    return ", ".join(app(a) for a in str(apps).split("|") if a)


def ad_apps(apps: str) -> str:
    """Which ad apps an exclusion keeps an event out of: 'facebook|whatsapp' -> 'Facebook,
    WhatsApp'; empty (an exclusion with no app list) or all four ad apps -> 'every app'."""
    codes = {a for a in str(apps).split("|") if a}
    return "every app" if not codes or set(schema.AD_APPS) <= codes else app_list(apps)


def region(value: str) -> str:
    """'EU' -> 'European Union'."""
    return REGION_LABELS.get(value, value)


def event(value: str) -> str:
    """'ai_chat' -> 'AI chat' (one event, where `signal` names the kind of evidence)."""
    return EVENT_LABELS.get(value, value.replace("_", " ").capitalize())


def column(value: str) -> str:
    """'ts' -> 'Time'; an unknown column is tidied ('n_people' -> 'N people')."""
    return COLUMN_LABELS.get(value, value.replace("_", " ").capitalize())


def metric(value: str) -> str:
    """'precision@k' -> 'Top-5 hit rate'."""
    return METRICS.get(value, (value, ""))[0]


def metric_help(value: str) -> str:
    """What a metric means, in a sentence or two."""
    return METRICS.get(value, ("", ""))[1]


def parameter(value: str) -> str:
    """'encoding_threshold_ms' -> 'Shortest look that can be remembered'."""
    return PARAMETER_LABELS.get(value, value.replace("_", " ").capitalize())


# Column -> how its values are named, for `display_frame`.
_VALUE_NAMES = {"topic": topic, "signal": signal, "app": app, "region": region,
                "event_type": event, "kind": event, "modality": lambda m: MODALITY_LABELS.get(
                    str(m), str(m))}


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for a stakeholder's table: known id values named, timestamps as '16 Dec 2025
    14:05' (UTC, no '+00:00'), durations in seconds, columns renamed."""
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if col in _VALUE_NAMES:
            # Mapped once per distinct value: the tables can be long.
            values = pd.unique(series.astype("object"))
            mapping = {v: _VALUE_NAMES[col](v) for v in values
                       if not (isinstance(v, float) and pd.isna(v))}
            out[col] = series.astype("object").map(mapping)
        elif isinstance(series.dtype, pd.DatetimeTZDtype):
            out[col] = series.dt.tz_convert("UTC").dt.strftime("%d %b %Y %H:%M")
        elif col == "dwell_ms":
            out[col] = (pd.to_numeric(series, errors="coerce") / 1000).round(1)
        elif col in ("blocked_apps", "linked_apps"):
            out[col] = series.astype("str").map(app_list)
    return out.rename(columns={c: column(c) for c in out.columns})
