"""The one colour map (per signal, region, event type) and the plain-words labels that go with it.

Colours are mid-tone so they read on both the light and the dark theme; every chart uses these.
"""

from __future__ import annotations

from adlens import labels, recall, schema

# Mid-saturation hues that keep contrast on white and on Streamlit's dark background.
SIGNAL_COLORS: dict[str, str] = {
    "ai_chat": "#E4572E",
    "like": "#4C78A8",
    "follow": "#72B7B2",
    "post": "#54A24B",
    "watch": "#D4A72C",
    "friend_like": "#B279A2",
    "site_visit": "#E377C2",
    "similar_people": "#9D755D",
    # Not grey: grey reads as "no data" and is the baseline's and chance's colour. Not the
    # indigo it was either: on a person's timeline it sat next to the ad impressions' purple
    # (11 apart in CIELAB, where every other pair is 23 or more); this berry is 40 or more
    # from every signal, event and region colour.
    "ad_click": "#B82E53",
}
assert set(SIGNAL_COLORS) == set(schema.SIGNALS)
BASELINE_COLOR = "#7F7F7F"
# The score bar ends the waterfall: a dark slate, not a signal's hue, 25 or more from every
# signal and the baseline's grey (the lighter slate it was sat 11 from likes' blue).
TOTAL_COLOR = "#3E4A5C"

# Regions get hues no signal uses, so a page with both never makes a region look like a signal.
REGION_COLORS: dict[str, str] = {
    "US": "#3969AC", "EU": "#E68310", "UK": "#11A579", "KR": "#7F3C8D", "Other": "#17BECF",
    "All": "#8A8F98",  # neutral mid grey (drawn thicker): readable on light and dark
}
assert not set(REGION_COLORS.values()) & set(SIGNAL_COLORS.values())
REGION_LABELS: dict[str, str] = labels.REGION_LABELS

# Event types that are also signals share the signal's colour, so a chat is the same hue on
# the timeline and in the waterfall.
EVENT_COLORS: dict[str, str] = {
    **{e: SIGNAL_COLORS[e] for e in schema.EVENT_TYPES if e in SIGNAL_COLORS},
    "ad_impression": "#7E57C2",
    "conversation": "#BCBD22",
}
EVENT_LABELS: dict[str, str] = labels.EVENT_LABELS
AI_USE_COLORS: dict[str, str] = {"Uses Meta AI": "#E4572E", "Does not use Meta AI": "#9AA3B5"}
POLICY_LINE_COLOR = "#E4572E"
WORLD_COLORS: dict[str, str] = {"observed": "#4C78A8", "microphone": "#E4572E"}


def signal_label(signal: str) -> str:
    """The plain-words name of a signal."""
    return labels.signal(signal)


# Recall labels (adlens.recall.LABELS), from "the person could have known" to "nothing explains it".
LABEL_COLORS: dict[str, str] = {
    recall.REMEMBERED: "#4C78A8",
    recall.FORGOTTEN: "#72B7B2",
    "explained by the AI chat itself": SIGNAL_COLORS["ai_chat"],
    "explained by other signals": "#B279A2",
    "chance": "#8C8C8C",
}

# Why the rules kept an event out of the AI-chat signal (adlens.signals.REASONS).
REASON_LABELS: dict[str, str] = {
    "ai_chat_off": "AI-chat signal switched off in this scenario",
    "before_policy": "Chat before the day AI chats start to count",
    "region": "Person lives where the AI-chat signal is not used",
    "sensitive": "Sensitive topic: never used for ads",
    "app_not_linked": "Chat in an app not linked in Accounts Center to the app showing ads",
}
# The same reasons in a few words, for a table's column (the sentences above are its help), so
# the column fits a laptop's window.
REASON_SHORT: dict[str, str] = {
    "ai_chat_off": "AI-chat signal off",
    "before_policy": "Before AI chats count",
    "region": "Not used in their region",
    "sensitive": "Sensitive topic",
    "app_not_linked": "App not linked",
}

# The sensitive-topic detector's trade-off: what slips through against what is held back.
LEAKAGE_COLOR = "#C0392B"
HELD_BACK_COLOR = "#2E86C1"
