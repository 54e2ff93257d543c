"""The vocabulary every part of AdLens shares: topics, apps, event types, regions, age bands.

One place for these names so the generator, the validator, the engine and the UI agree.
"""

from __future__ import annotations

import datetime as dt

# --- topics --------------------------------------------------------------------------------
EVERYDAY_TOPICS: tuple[str, ...] = (
    "hiking", "running", "fitness", "cooking", "coffee", "travel", "gaming", "fashion",
    "beauty", "pets", "parenting", "personal_finance", "cars", "tech", "music", "movies",
    "books", "sports", "home_garden", "photography", "gardening", "cycling", "wine",
    "camping",
)
# Meta's seven topics never used for ad targeting (GDPR Art. 9 minus genetics, biometrics,
# sex life).
SENSITIVE_META7: tuple[str, ...] = (
    "religion", "sexual_orientation", "politics", "health", "ethnicity", "philosophy",
    "trade_union",
)
# The rest of GDPR Art. 9's special categories.
SENSITIVE_GDPR_EXTRA: tuple[str, ...] = ("genetics", "biometrics", "sex_life")
SENSITIVE_GDPR9: tuple[str, ...] = SENSITIVE_META7 + SENSITIVE_GDPR_EXTRA
ALL_TOPICS: tuple[str, ...] = EVERYDAY_TOPICS + SENSITIVE_GDPR9

# The label of a chat with no ad interest (writing help, "why is the sky blue", practical
# help). Not a topic: it is not in ALL_TOPICS and such chats feed no signal.
NO_AD_TOPIC = "no_ad_topic"
# Languages chats are written in: English, Spanish, Portuguese and Hindi-English (romanised
# Hindi mixed with English, as typed in India).
CHAT_LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "hi-en")
CHAT_LANGUAGE_LABELS: dict[str, str] = {
    "en": "English", "es": "Spanish", "pt": "Portuguese", "hi-en": "Hindi-English",
}

SENSITIVE_LISTS: dict[str, tuple[str, ...]] = {
    "meta7": SENSITIVE_META7,
    "gdpr9": SENSITIVE_GDPR9,
    "none": (),
}
SENSITIVE_LIST_LABELS: dict[str, str] = {
    "meta7": "Meta's 7 sensitive topics (announced policy)",
    "gdpr9": "Full GDPR Art. 9 list (10 topics)",
    "none": "None (counterfactual: sensitive topics allowed)",
}
# The same lists in a few words, for a narrow control or a table column (the sidebar's box
# cut the full names off at any width); the full names go in their help (SENSITIVE_LIST_HELP).
SENSITIVE_LIST_SHORT: dict[str, str] = {
    "meta7": "Meta's 7 topics", "gdpr9": "GDPR Art. 9 (10 topics)",
    "none": "None (counterfactual)"}
SENSITIVE_LIST_HELP = "  \n".join(f"**{SENSITIVE_LIST_SHORT[k]}**: {v}."
                                   for k, v in SENSITIVE_LIST_LABELS.items())

# --- apps ----------------------------------------------------------------------------------
AD_APPS: tuple[str, ...] = ("facebook", "instagram", "messenger", "whatsapp")
AI_SURFACES: tuple[str, ...] = ("meta_ai", "glasses")
APPS: tuple[str, ...] = AD_APPS + AI_SURFACES
APP_LABELS: dict[str, str] = {
    "facebook": "Facebook", "instagram": "Instagram", "messenger": "Messenger",
    "whatsapp": "WhatsApp", "meta_ai": "Meta AI app", "glasses": "Ray-Ban Meta glasses",
}

# --- events --------------------------------------------------------------------------------
EVENT_TYPES: tuple[str, ...] = (
    "ai_chat", "like", "follow", "post", "watch", "friend_like", "site_visit",
    "ad_impression", "ad_click", "conversation",
)
OFF_APP_EVENT_TYPES: tuple[str, ...] = ("conversation", "site_visit")  # app is empty
MODALITIES: tuple[str, ...] = ("text", "voice", "image", "video")

# --- signals (what the personalisation engine scores with) ------------------------------------
SIGNALS: tuple[str, ...] = (
    "ai_chat", "like", "follow", "post", "watch", "friend_like", "site_visit",
    "similar_people", "ad_click",
)
SIGNAL_LABELS: dict[str, str] = {
    "ai_chat": "AI chats", "like": "Likes", "follow": "Follows", "post": "Posts",
    "watch": "Watches", "friend_like": "Friends' likes", "site_visit": "Advertiser site visits",
    "similar_people": "Similar people", "ad_click": "Past ad clicks",
}

# --- people --------------------------------------------------------------------------------
AGE_BANDS: tuple[str, ...] = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")

EU_COUNTRIES: tuple[str, ...] = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)
UK_COUNTRIES: tuple[str, ...] = ("GB",)
KR_COUNTRIES: tuple[str, ...] = ("KR",)
# Excludable regions: id -> (label, member countries).
EXCLUDABLE_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "EU": ("European Union", EU_COUNTRIES),
    "UK": ("United Kingdom", UK_COUNTRIES),
    "KR": ("South Korea", KR_COUNTRIES),
}

# Every ISO 3166-1 alpha-2 code, so uploads from any country validate.
ISO_COUNTRIES: frozenset[str] = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS YE YT ZA ZM ZW
""".split())


def region_of(country: str) -> str:
    """The reporting region of a country: EU, UK, KR, US or Other."""
    for region, (_, members) in EXCLUDABLE_REGIONS.items():
        if country in members:
            return region
    return "US" if country == "US" else "Other"


REGIONS: tuple[str, ...] = ("US", "EU", "UK", "KR", "Other")

# --- dates ---------------------------------------------------------------------------------
POLICY_START = dt.date(2025, 12, 16)
NOTIFICATION_START = dt.date(2025, 10, 7)
DEFAULT_WINDOW = (dt.date(2025, 11, 1), dt.date(2026, 1, 31))

# --- tables --------------------------------------------------------------------------------
TABLES: tuple[str, ...] = ("users", "ads", "events")
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "users": ("user_id", "country", "age_band", "uses_meta_ai", "linked_apps"),
    "ads": ("ad_id", "advertiser", "topic", "title"),
    "events": (
        "event_id", "user_id", "ts", "app", "event_type", "topic", "text", "modality",
        "ad_id", "dwell_ms",
    ),
}
# Optional extras the generator writes: events.advertiser (site visits), events.true_topic
# (the topic a chat or conversation was really about, for measuring the text model), and
# the table `interests` (user_id plus one column per topic of ALL_TOPICS: true interest in [0, 1]).
# The table `truth` (adlens.dataset.TRUTH_COLUMNS): why each simulated chat, conversation and
# listening-triggered ad happened.
OPTIONAL_TABLES: tuple[str, ...] = ("interests", "truth")
