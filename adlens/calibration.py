"""Published figures the simulated population is calibrated to, each with its source and date.

`FIGURES` lists them (assumptions marked); `preset_params(name)` turns a preset into SimParams.

Every rate of the generator that stands on a public figure reads it from here, so the figure,
its source and the rate cannot drift apart; docs/CALIBRATION.md explains the arithmetic and
how to read a headline given the impression thinning. Sources are cited only where the figure
is known to have been published; everything else is marked `assumption=True` with the
reasoning in `note`. No figure here was looked up on the web while writing: each is stated
as remembered from the cited publication, rounded, and should be checked before it is
quoted outside AdLens.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from adlens import schema

if TYPE_CHECKING:
    from adlens.simulate import SimParams


def ordered_sum(values: Iterable[float]) -> float:
    """Floats added left to right, one rounding per addition, as Python's sum() did up to 3.11.

    Python 3.12's sum() compensates the rounding of floats, so the same calibration summed with
    it ends in other last digits: a generated population's description (dataset.json) and the
    shares its people are drawn with would depend on the Python version. The bundled sample was
    made with this order, so it stays reproducible on 3.11 (CI) and 3.12 (Community Cloud)."""
    return functools.reduce(operator.add, values, 0.0)


@dataclass(frozen=True)
class Figure:
    """One figure the generator is calibrated to."""

    name: str
    value: float
    unit: str
    source: str
    as_of: str  # when the figure was true (YYYY or YYYY-MM)
    assumption: bool
    note: str = ""


# --- Meta AI adoption ---------------------------------------------------------------------------
META_AI_MONTHLY_USERS = Figure(
    "Meta AI monthly users", 1.0e9, "people a month",
    "Meta: Mark Zuckerberg at Meta's annual shareholder meeting (May 2025): about 1 billion "
    "monthly users of Meta AI across Meta's apps",
    "2025-05", False)
FAMILY_DAILY_PEOPLE = Figure(
    "People using Meta's apps daily", 3.48e9, "people a day",
    "Meta Platforms, Q2 2025 earnings release: family daily active people (DAP), average "
    "for June 2025", "2025-06", False)
META_AI_SHARE = Figure(
    "Share of people who use Meta AI", 0.29, "share of people",
    "Derived: 1.0 bn monthly Meta AI users / 3.48 bn daily people", "2025-06", False,
    "A monthly count over a daily count: people who use Meta AI in a month but Meta's apps "
    "less than daily are counted above the line only, so 0.29 overstates the share of daily "
    "people by an unknown amount. In the simulation 'uses Meta AI' means asking at least "
    "once in the 92-day window, closer to a monthly count.")
# Share of people using Meta AI per reporting region (schema.REGIONS). Meta publishes no
# split; chosen so the mean over the population matches META_AI_SHARE.
META_AI_BY_REGION: dict[str, float] = {"US": 0.30, "EU": 0.15, "UK": 0.22, "KR": 0.10,
                                       "Other": 0.33}
_REGION_WORDS = {"US": "United States", "EU": "European Union", "UK": "United Kingdom",
                 "KR": "South Korea", "Other": "elsewhere"}
_REGION_NOTE = (
    "Meta publishes no adoption by region. Assumed: US 30 %, outside the EU/UK/KR 33 % "
    "(Meta AI is used heavily through WhatsApp in India and Latin America), UK 22 %, EU 15 % "
    "(Meta AI reached EU countries only in spring 2025, with fewer features), South Korea "
    "10 %. Weighted by the regional shares below they give about the overall share.")
META_AI_BY_REGION_FIGURES: tuple[Figure, ...] = tuple(
    Figure(f"Share of people who use Meta AI: {_REGION_WORDS[r]}", v, "share of people",
           "Assumption", "2025", True, _REGION_NOTE)
    for r, v in META_AI_BY_REGION.items())
# Younger people use AI assistants more (a relative tilt, mean 1 over the age mix). Assumption.
META_AI_AGE_RATIO: tuple[float, ...] = (1.35, 1.22, 1.02, 0.82, 0.61, 0.45)

# --- where people are ---------------------------------------------------------------------------
# Meta's reporting regions and their share of Facebook's daily users.
REGION_SHARES: dict[str, float] = {"US & Canada": 0.10, "Europe": 0.19, "Asia-Pacific": 0.43,
                                   "Rest of world": 0.28}
_REGION_SOURCE = (
    "Meta Platforms, Q4 2023 earnings presentation: Facebook daily active users by region "
    "(the last quarter Meta reported users by region): US & Canada about 10 %, Europe about "
    "19 %, Asia-Pacific about 43 %, rest of world about 28 % (rounded)")
_REGION_SHARE_NOTE = (
    "Facebook's daily users, not Meta's family daily people: WhatsApp's weight in India, "
    "Brazil and Europe is not in them. Meta's Europe includes Turkey; Russia has blocked "
    "Meta's apps since 2022. Country splits within a region are assumptions.")
REGION_SHARES_FIGURES: tuple[Figure, ...] = tuple(
    Figure(f"Share of daily users: {region}", share, "share of daily users", _REGION_SOURCE,
           "2023-12", False, _REGION_SHARE_NOTE)
    for region, share in REGION_SHARES.items())
KOREA_SHARE = Figure(
    "South Korea's share of people", 0.004, "share of people", "Assumption", "2025", True,
    "Well under 1 %: Korea has about 52 million people and Kakao's apps lead its messaging; "
    "Meta does not report Korea separately.")
# Country splits within each Meta region: assumptions (population and Meta's reach), scaled
# so each region sums to its share. Korea is set directly.
_WITHIN_REGION: dict[str, dict[str, float]] = {
    "US & Canada": {"US": 0.90, "CA": 0.10},
    "Europe": {
        # European Union: 70 % of Meta's Europe, split roughly by population online.
        "DE": 0.125, "FR": 0.100, "IT": 0.090, "ES": 0.075, "PL": 0.060, "RO": 0.030,
        "NL": 0.025, "BE": 0.017, "SE": 0.015, "CZ": 0.015, "GR": 0.015, "PT": 0.015,
        "HU": 0.014, "AT": 0.013, "BG": 0.010, "DK": 0.009, "FI": 0.008, "SK": 0.008,
        "IE": 0.008, "HR": 0.006, "LT": 0.004, "SI": 0.003, "LV": 0.003, "EE": 0.002,
        "CY": 0.002, "LU": 0.001, "MT": 0.001,
        "GB": 0.12, "TR": 0.14, "UA": 0.04,
    },
    "Asia-Pacific": {"IN": 0.40, "ID": 0.15, "PH": 0.10, "VN": 0.08, "TH": 0.05, "BD": 0.05,
                     "PK": 0.05, "MY": 0.025, "JP": 0.02, "AU": 0.02, "TW": 0.015},
    "Rest of world": {"BR": 0.25, "MX": 0.18, "EG": 0.10, "NG": 0.07, "CO": 0.07, "AR": 0.06,
                      "PE": 0.04, "ZA": 0.04, "DZ": 0.04, "MA": 0.04, "IQ": 0.04, "SA": 0.03,
                      "KE": 0.03},
}


def _country_shares() -> tuple[tuple[str, float], ...]:
    out: dict[str, float] = {}
    for region, share in REGION_SHARES.items():
        split = _WITHIN_REGION[region]
        total = ordered_sum(split.values())
        left = share - (KOREA_SHARE.value if region == "Asia-Pacific" else 0.0)
        for country, weight in split.items():
            out[country] = left * weight / total
    out["KR"] = KOREA_SHARE.value
    return tuple(out.items())


COUNTRY_SHARES: tuple[tuple[str, float], ...] = _country_shares()

# --- ads ----------------------------------------------------------------------------------------
AD_REVENUE_2024 = Figure(
    "Meta advertising revenue, 2024", 160.6e9, "US dollars a year",
    "Meta Platforms, 2024 annual report (Form 10-K): advertising revenue $160.6 billion",
    "2024", False)
FAMILY_DAILY_PEOPLE_2024 = Figure(
    "People using Meta's apps daily, 2024", 3.35e9, "people a day",
    "Meta Platforms, Q4 2024 earnings release: family daily active people, December 2024",
    "2024-12", False)
AVERAGE_CPM = Figure(
    "Average price of 1,000 ad impressions", 5.0, "US dollars", "Assumption", "2024", True,
    "Meta publishes no average CPM. Feed CPMs commonly quoted for the US are around $10, far "
    "lower in Asia-Pacific and the rest of the world, where most people are; $5 is a "
    "round global guess. $3 or $10 moves the result below between about 44 and 13.")
IMPRESSIONS_PER_DAY = Figure(
    "Ad impressions per person per day", 25.0, "impressions a day",
    "Derived from the two published figures above and the assumed CPM: $160.6 bn / (3.35 bn "
    "people x 366 days) = $0.131 per person per day; at a $5 CPM that buys 0.131 / 5 x 1000 "
    "= 26 impressions a day, rounded to 25", "2024", True,
    "An order of magnitude ('tens a day'), resting on the assumed CPM.")
IMPRESSION_THINNING = Figure(
    "Impression thinning of the bundled sample", 100, "1 in N impressions kept",
    "Stated factor (no source: a size budget)", "2025", True,
    "25 impressions a day for 5,000 people over 92 days is 11.5 million rows; the sample "
    "keeps 1 in 100 (with their clicks), so it stays within its size budget. How each "
    "headline moves with it is measured in the thinning study on the Method page.")
# Retargeting during an intent episode: the share of all impressions. Assumption, kept at the
# ratio the generator used before calibration.
EPISODE_IMPRESSION_SHARE = 0.2
DWELL_MEAN = Figure(
    "Average time an ad stays on screen (mobile feed)", 1.7, "seconds",
    "Facebook IQ, 'Capturing attention in feed: the science behind effective video "
    "creative' (2016): people spend on average 1.7 s on a piece of mobile feed content "
    "(2.5 s on desktop)", "2016", False,
    "Log-normal with this mean; its spread (sigma 1.1) is an assumption, chosen so about a "
    "quarter of exposures are glances under 0.5 s and a few last tens of seconds.")
DWELL_SIGMA = 1.1
CTR = Figure(
    "Click-through rate of feed ads", 0.01, "clicks per impression",
    "WordStream, 'Facebook ads benchmarks' (2017): average click-through rate 0.90 % "
    "across industries; about 1 %", "2017", False,
    "An industry benchmark from advertisers' accounts, not Meta's own figure.")

# --- on-platform activity (per person per day, the simulated topical share) -------------------
_DAYS = 92
LIKES_PER_DAY = Figure(
    "Likes on content with an ad topic", 7.0 / _DAYS, "likes a day", "Assumption", "2025",
    True,
    "Pew Research Center ('6 new facts about Facebook', 2014) found 44 % of Facebook users "
    "like friends' content at least daily; most of those likes are on friends' news, photos "
    "and birthdays with no ad topic. The simulation records only likes on content with an "
    "ad topic, about one a fortnight for an average person; light users much fewer.")
FOLLOWS_PER_DAY = Figure(
    "Follows of pages, creators and groups with an ad topic", 1.0 / _DAYS, "follows a day",
    "Assumption", "2025", True, "About one a quarter.")
POSTS_PER_DAY = Figure("Own posts on an ad topic", 1.5 / _DAYS, "posts a day", "Assumption",
                       "2025", True, "About one every two months.")
WATCHES_PER_DAY = Figure(
    "Videos watched on an ad topic (recorded as a watch)", 6.0 / _DAYS, "watches a day",
    "Assumption", "2025", True,
    "Only videos watched long enough to count as interest (mean 9 s or more) are recorded.")
FRIEND_LIKES_PER_DAY = Figure(
    "Friends' likes on an ad topic shown to the person", 3.0 / _DAYS, "a day", "Assumption",
    "2025", True, "Friends' likes follow the person's taste archetypes, not their quirks.")

# --- AI chats -----------------------------------------------------------------------------------
CHATS_PER_DAY = Figure(
    "Messages to Meta AI per user", 20.0 / _DAYS, "messages a day", "Assumption", "2025",
    True,
    "Meta publishes no usage intensity. About 20 messages per user over 92 days, so that "
    "after the chats with no ad topic each user still asks about 8 times on an ad topic.")
NO_AD_TOPIC_SHARE = Figure(
    "Chats with no ad topic", 0.6, "share of chats", "Assumption", "2025", True,
    "OpenAI's study of ChatGPT use (Chatterji et al., 'How people use ChatGPT', NBER "
    "Working Paper, September 2025) finds nearly four in five conversations are "
    "practical guidance, seeking information and writing, and most are not about work. "
    "Some of those touch an ad topic (a recipe, a training plan, a trip); 60 % with no ad "
    "topic is our reading, and that Meta AI is used like ChatGPT is an assumption.")
# Language of a person's chats and conversation notes by country: (en, es, pt, hi-en).
# Assumption: Spanish across Spanish-speaking Latin America and Spain, Portuguese in Brazil
# and Portugal, Hindi-English for a third of people in India, and some Spanish in the US.
# People elsewhere write in languages the simulation has no text for; their chats are
# written in English, so the non-English share is a lower bound.
LANGUAGE_BY_COUNTRY: dict[str, tuple[float, float, float, float]] = {
    "US": (0.90, 0.10, 0.0, 0.0),
    "MX": (0.10, 0.90, 0.0, 0.0), "CO": (0.10, 0.90, 0.0, 0.0),
    "AR": (0.10, 0.90, 0.0, 0.0), "PE": (0.10, 0.90, 0.0, 0.0),
    "ES": (0.15, 0.85, 0.0, 0.0),
    "BR": (0.10, 0.0, 0.90, 0.0), "PT": (0.15, 0.0, 0.85, 0.0),
    "IN": (0.65, 0.0, 0.0, 0.35),
}


def language_shares(country: str) -> tuple[float, float, float, float]:
    """(en, es, pt, hi-en) shares of a country's people (English where none is given)."""
    return LANGUAGE_BY_COUNTRY.get(country, (1.0, 0.0, 0.0, 0.0))


def expected_language_shares(country_shares: tuple[tuple[str, float], ...] = COUNTRY_SHARES,
                             by_region: dict[str, float] | None = None) -> dict[str, float]:
    """Expected share of chats in each language of schema.CHAT_LANGUAGES: people weighted by
    their country's share and Meta AI use (every user asks as often on average)."""
    by_region = META_AI_BY_REGION if by_region is None else by_region
    totals = dict.fromkeys(schema.CHAT_LANGUAGES, 0.0)
    for country, share in country_shares:
        weight = share * by_region[schema.region_of(country)]
        for lang, part in zip(schema.CHAT_LANGUAGES, language_shares(country), strict=True):
            totals[lang] += weight * part
    whole = ordered_sum(totals.values())
    return {lang: v / whole for lang, v in totals.items()}


LANGUAGES_FIGURE = Figure(
    "Chats not in English", round(1 - expected_language_shares()["en"], 3), "share of chats",
    "Assumption", "2025", True,
    "Meta AI is used heavily in Latin America and India. Assumed per country: Spanish for "
    "90 % of people in Mexico, Colombia, Argentina and Peru (85 % in Spain) and 10 % in the "
    "US; Portuguese for 90 % in Brazil (85 % in Portugal); Hindi-English for 35 % in India. "
    "The share follows from who uses Meta AI (each country weighted by its share of people "
    "and the share of them who use Meta AI); chats in "
    "languages the simulation has no text for are written in English, so it is a lower "
    "bound.")

# --- the recall mechanism -------------------------------------------------------------------------
PRIMED_SHARE = Figure(
    "Conversations primed by an earlier ad", 0.2, "share of conversations", "Assumption",
    "2025", True,
    "Incidental exposure raises the chance a product enters consideration even without "
    "explicit memory (Shapiro, MacInnis & Heckler 1997), but no study gives the share of "
    "everyday conversations an ad primed. The priming rate per impression is set so about "
    "a fifth of conversations are primed.")

FIGURES: tuple[Figure, ...] = (
    META_AI_MONTHLY_USERS, FAMILY_DAILY_PEOPLE, META_AI_SHARE, *META_AI_BY_REGION_FIGURES,
    *REGION_SHARES_FIGURES, KOREA_SHARE, AD_REVENUE_2024, FAMILY_DAILY_PEOPLE_2024, AVERAGE_CPM,
    IMPRESSIONS_PER_DAY, IMPRESSION_THINNING, DWELL_MEAN, CTR, LIKES_PER_DAY, FOLLOWS_PER_DAY,
    POSTS_PER_DAY, WATCHES_PER_DAY, FRIEND_LIKES_PER_DAY, CHATS_PER_DAY, NO_AD_TOPIC_SHARE,
    LANGUAGES_FIGURE, PRIMED_SHARE,
)


def region_of_meta(country: str) -> str:
    """Meta's reporting region of a simulated country ('US & Canada', 'Europe', ...)."""
    if country == "KR":
        return "Asia-Pacific"
    for region, split in _WITHIN_REGION.items():
        if country in split:
            return region
    raise ValueError(f"no Meta region known for {country!r}")


def expected_meta_ai_share(country_shares: tuple[tuple[str, float], ...] = COUNTRY_SHARES,
                           by_region: dict[str, float] | None = None) -> float:
    """The population's expected share of Meta AI users (before the age tilt, mean 1)."""
    by_region = META_AI_BY_REGION if by_region is None else by_region
    total = ordered_sum(s for _, s in country_shares)
    return ordered_sum(s * by_region[schema.region_of(c)] for c, s in country_shares) / total


# --- presets -------------------------------------------------------------------------------
PRESETS: dict[str, str] = {
    "published-2025": "Calibrated to the published figures above (the default, and the "
                      "bundled sample).",
    "high-ai-use": "As published-2025, but twice as many people use Meta AI in every region "
                   "(at most 90 %) and each asks it 2.5 times as often: a world in which the "
                   "AI-chat signal matters more.",
}
DEFAULT_PRESET = "published-2025"


def preset_params(name: str = DEFAULT_PRESET, **overrides: Any) -> SimParams:
    """The generator's parameters for a preset (`PRESETS`), with any field overridden."""
    from adlens.simulate import SimParams

    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}: expected one of {', '.join(PRESETS)}")
    params = SimParams()  # its defaults are published-2025
    if name == "high-ai-use":
        params = replace(
            params,
            meta_ai_by_region=tuple((r, min(0.9, 2 * s)) for r, s in params.meta_ai_by_region),
            ai_chats=params.ai_chats * 2.5)
    return replace(params, preset=name, **overrides)


def figures_frame() -> pd.DataFrame:
    """Every figure as a table (name, value, unit, source, as_of, assumption, note), for the
    Method page and docs."""
    return pd.DataFrame([dataclasses.asdict(f) for f in FIGURES])
